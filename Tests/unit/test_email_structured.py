"""Structured header objects of the modern policies: comments and
whitespace in MIME headers, parameter names as written, MIME-Version
and Content-Transfer-Encoding defects, Message-ID folding, nameless
groups (expected values are CPython's)."""

import unittest

import email.policy
from email import errors
from email.headerregistry import Address, Group, HeaderRegistry


def make(name, value):
    return HeaderRegistry()(name, value)


def fold(header, max_line_length=78):
    return header.fold(policy=email.policy.default.clone(
        max_line_length=max_line_length))


class ContentTypeTest(unittest.TestCase):

    def test_comments_and_spaces_are_not_the_type(self):
        for source in ('(foo) text (bar)/(baz)plain(stuff)',
                       '  text  /  plain  '):
            h = make('Content-Type', source)
            self.assertEqual(h.content_type, 'text/plain')
            self.assertEqual(str(h), source)
            self.assertEqual(fold(h), 'Content-Type: ' + source + '\n')
            self.assertEqual(h.defects, ())

    def test_comment_before_parameter_and_name_case(self):
        h = make('Content-Type', 'text/plain; (interjection) Charset="utf-8"')
        self.assertEqual(dict(h.params), {'charset': 'utf-8'})
        self.assertEqual(str(h), 'text/plain; Charset="utf-8"')
        self.assertEqual(fold(h), 'Content-Type: text/plain; Charset="utf-8"\n')

    def test_comment_after_parameter_value(self):
        h = make('Content-Type', 'text/plain; charset=us-ascii (Plain text)')
        self.assertEqual(dict(h.params), {'charset': 'us-ascii'})
        self.assertEqual(str(h), 'text/plain; charset="us-ascii"')

    def test_missing_subtype_is_a_defect(self):
        h = make('Content-Type', 'text/')
        self.assertEqual(h.content_type, 'text/plain')
        self.assertEqual([type(d) for d in h.defects],
                         [errors.InvalidHeaderDefect])



class ContentDispositionTest(unittest.TestCase):

    def test_disposition_is_the_leading_token(self):
        for source, params in (('ab./k', {}),
                               ('ab./k; filename="foo"', {'filename': 'foo'})):
            h = make('Content-Disposition', source)
            self.assertEqual(h.content_disposition, 'ab.')
            self.assertEqual(dict(h.params), params)
            self.assertEqual([type(d) for d in h.defects],
                             [errors.InvalidHeaderDefect])

    def test_missing_value(self):
        h = make('Content-Disposition', '')
        self.assertIsNone(h.content_disposition)
        self.assertEqual([type(d) for d in h.defects],
                         [errors.HeaderMissingRequiredValue])
        self.assertEqual(fold(h), 'Content-Disposition:\n')



class RFC2231DefectTest(unittest.TestCase):

    def defects(self, value):
        h = make('Content-Type', value)
        return dict(h.params), [type(d) for d in h.defects], str(h)

    def test_quoted_extended_sections(self):
        params, defects, text = self.defects(
            'text/plain; name*0*="us-ascii\'\'This%20is%20even%20more%20";'
            ' name*1*="%2A%2A%2Afun%2A%2A%2A%20"; name*2="is it not.pdf"')
        self.assertEqual(params,
                         {'name': 'This is even more ***fun*** is it not.pdf'})
        self.assertEqual(defects, [errors.InvalidHeaderDefect] * 2)

    def test_missing_charset_delimiters(self):
        params, defects, text = self.defects(
            'text/plain; NAME*0*=english_is_the_default.html')
        self.assertEqual(params, {'name': 'english_is_the_default.html'})
        self.assertEqual(defects, [errors.InvalidHeaderDefect])
        self.assertEqual(text, 'text/plain; NAME="english_is_the_default.html"')

    def test_well_formed_sections(self):
        params, defects, text = self.defects(
            "text/plain; name*0*=us-ascii'en'My%20; name*1*=Document")
        self.assertEqual(params, {'name': 'My Document'})
        self.assertEqual(defects, [])


    def test_bytes_the_charset_cannot_decode(self):
        for value, text, folded in (
                ("text/plain; charset*=ascii''utf-8%F1%F2%F3",
                 'utf-8\ufffd\ufffd\ufffd',
                 "Content-Type: text/plain;"
                 " charset*=unknown-8bit''utf-8%F1%F2%F3\n"),
                ("text/plain; charset*=ascii''utf-8%E2%80%9D", 'utf-8\u201d',
                 "Content-Type: text/plain;"
                 " charset*=unknown-8bit''utf-8%E2%80%9D\n")):
            h = make('Content-Type', value)
            self.assertEqual(dict(h.params), {'charset': text})
            self.assertEqual([type(d) for d in h.defects],
                             [errors.UndecodableBytesDefect])
            self.assertEqual(fold(h), folded)

    def test_unknown_charset_read_as_ascii(self):
        params, defects, text = self.defects(
            "text/plain; name*0*=bogus'xx'ascii_is_the_default")
        self.assertEqual(params, {'name': 'ascii_is_the_default'})
        self.assertEqual(defects, [])


class MIMEVersionTest(unittest.TestCase):

    def test_comment_inside_version(self):
        h = make('MIME-Version', '1.(produced by MetaSend Vx.x)0')
        self.assertEqual((h.version, h.major, h.minor), ('1.0', 1, 0))
        self.assertEqual(str(h), '1.(produced by MetaSend Vx.x)0')
        self.assertEqual(fold(h),
                         'MIME-Version: 1.(produced by MetaSend Vx.x)0\n')

    def test_garbage_after_version(self):
        h = make('MIME-Version', '1.0 <abc>')
        self.assertEqual(h.version, '1.0')
        self.assertEqual([type(d) for d in h.defects],
                         [errors.InvalidHeaderDefect])


class ContentTransferEncodingTest(unittest.TestCase):

    def test_junk_after_value(self):
        h = make('Content-Transfer-Encoding', '7bit and a bunch more')
        self.assertEqual(h.cte, '7bit')
        self.assertEqual(str(h), '7bit and a bunch more')
        self.assertEqual([type(d) for d in h.defects],
                         [errors.InvalidHeaderDefect])

    def test_empty_value_means_7bit(self):
        h = make('Content-Transfer-Encoding', '')
        self.assertEqual(h.cte, '7bit')
        self.assertEqual([type(d) for d in h.defects],
                         [errors.HeaderMissingRequiredValue])
        self.assertEqual(fold(h), 'Content-Transfer-Encoding:\n')


class MessageIDTest(unittest.TestCase):

    def test_ascii_id_never_folded(self):
        h = make('Message-ID', '<somemessageidlongerthan@maxlinelength.com>')
        self.assertEqual(
            fold(h, 20),
            'Message-ID: <somemessageidlongerthan@maxlinelength.com>\n')

    def test_non_ascii_id_moves_but_is_not_encoded(self):
        h = make('Message-ID',
                 '<\u0908\u092e\u0947\u0932fromMessage@w\u0151k.com>')
        self.assertEqual(
            fold(h, 20),
            'Message-ID:\n <\u0908\u092e\u0947\u0932fromMessage@w\u0151k.com>\n')


class GroupTest(unittest.TestCase):

    def test_nameless_group_reads_none(self):
        g = Group(None, [Address('b', 'b', 'c'), Address('a', 'b', 'c')])
        self.assertEqual(str(g), 'None: b <b@c>, a <b@c>;')
        self.assertEqual(str(Group()), 'None:;')



class AddressListTest(unittest.TestCase):

    def test_empty_angle_address(self):
        for source, group in (('<>', None), ('foo: <>;', 'foo')):
            h = make('To', source)
            self.assertEqual(str(h), source)
            self.assertEqual([(a.display_name, a.addr_spec)
                              for a in h.addresses], [('', '<>')])
            self.assertEqual([g.display_name for g in h.groups], [group])
            self.assertEqual([type(d) for d in h.defects],
                             [errors.InvalidHeaderDefect])

    def test_decoded_comma_does_not_split_the_list(self):
        h = make('To', 'The =?utf-8?q?=C3=89ric=2C?= Himself '
                       '<foo@example.com>, x@y.z')
        self.assertEqual(str(h), '"The \xc9ric, Himself" <foo@example.com>, '
                                 'x@y.z')
        self.assertEqual([a.display_name for a in h.addresses],
                         ['The \xc9ric, Himself', ''])


    def test_invalid_addr_spec_is_a_defect_and_kept_as_written(self):
        h = make('To', 'a@fairly@@invalid@address')
        self.assertEqual([type(d) for d in h.defects],
                         [errors.InvalidHeaderDefect])
        self.assertEqual(fold(h), 'To: a@fairly@@invalid@address\n')

    def test_set_content_refuses_defective_header(self):
        from email.contentmanager import raw_data_manager
        from email.message import EmailMessage
        with self.assertRaisesRegex(ValueError, 'a@fairly@@invalid@address'):
            raw_data_manager.set_content(
                EmailMessage(), 'Simple message.\n',
                headers=('To: a@fairly@@invalid@address',))



class AddressTextFoldTest(unittest.TestCase):

    def test_parsed_ascii_list_folds_its_own_text(self):
        h = make('To', '"Theodore H. Perfect" <yes@man.com>, "My address is '
                       'very long because my name is long" <foo@bar.com>, '
                       '"Only A. Friend" <no@yes.com>')
        self.assertEqual(fold(h),
                         'To: "Theodore H. Perfect" <yes@man.com>,\n'
                         ' "My address is very long because my name is long"'
                         ' <foo@bar.com>,\n "Only A. Friend" <no@yes.com>\n')
        self.assertEqual(str(h).split(', ')[1],
                         'My address is very long because my name is long '
                         '<foo@bar.com>')

    def test_quotes_and_comments_kept(self):
        h = make('Cc', '"John" <j@x.org> (work), b@y.org')
        self.assertEqual(fold(h), 'Cc: "John" <j@x.org> (work), b@y.org\n')
        self.assertEqual(str(h), 'John <j@x.org>, b@y.org')



class AddrSpecValidationTest(unittest.TestCase):

    def test_valid_specs(self):
        for spec, text in (('x@[1.2.3.4]', 'x@[1.2.3.4]'),
                           ('"a b"@c.d', '"a b"@c.d'),
                           ('a.b@c', 'a.b@c'),
                           ('a@w\u0151k.com', 'a@w\u0151k.com')):
            self.assertEqual(str(Address('', addr_spec=spec)), text)

    def test_invalid_specs_raise(self):
        for spec in ('w\u0151k@example.com', 'bad name@example.com',
                     'name@ex[]ample.com', 'ab', '.a@b'):
            with self.subTest(spec=spec), self.assertRaises(ValueError):
                Address('foo', addr_spec=spec)

    def test_parsed_header_records_the_defect(self):
        h = make('To', 'f\u0151o@bar.com')
        self.assertEqual([type(d) for d in h.defects],
                         [errors.NonASCIILocalPartDefect])
        h = make('To', 'test')
        self.assertEqual([type(d) for d in h.defects],
                         [errors.InvalidHeaderDefect])
        self.assertEqual((h.addresses[0].username, h.addresses[0].domain),
                         ('test', ''))


if __name__ == '__main__':
    unittest.main()
