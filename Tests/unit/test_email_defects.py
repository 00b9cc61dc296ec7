"""Damaged input the email parser tolerates, recording defects:
base64 bodies with bad characters, bad padding or a bad length, and a
header line without a name (expected values are CPython's)."""

import unittest

import email
from email import errors

HEAD = ('Subject: test\nMIME-Version: 1.0\n'
        'Content-Type: text/plain; charset="utf-8"\n'
        'Content-Transfer-Encoding: base64\n\n')


def decoded(body):
    msg = email.message_from_string(HEAD + body)
    return msg.get_payload(decode=True), [type(d) for d in msg.defects]


class Base64BodyTest(unittest.TestCase):

    def test_bad_character_skipped(self):
        self.assertEqual(decoded('dm\x01k===\n'),
                         (b'vi', [errors.InvalidBase64CharactersDefect]))

    def test_missing_padding_added(self):
        self.assertEqual(decoded('dmk\n'),
                         (b'vi', [errors.InvalidBase64PaddingDefect]))

    def test_impossible_length_returned_as_is(self):
        self.assertEqual(decoded('abcde\n'),
                         (b'abcde', [errors.InvalidBase64LengthDefect]))

    def test_good_body(self):
        self.assertEqual(decoded('aGVsbG8=\n'), (b'hello', []))


class HeaderNameTest(unittest.TestCase):

    def test_line_without_name_dropped(self):
        msg = email.message_from_string('First: val\n: bad\nSecond: val')
        self.assertEqual(msg.items(), [('First', 'val'), ('Second', 'val')])
        self.assertEqual([type(d) for d in msg.defects],
                         [errors.InvalidHeaderDefect])



MULTI = ('Content-Type: multipart/mixed; boundary=ABCDE\n\n'
         '--ABCDE\nContent-Type: text/x-one\n\nBlah\n\n'
         '--ABCDE\n--ABCDE\n--ABCDE\nContent-Type: text/x-two\n\nBlah2\n\n')


class MultipartTest(unittest.TestCase):

    def test_repeated_boundary_starts_no_part(self):
        msg = email.message_from_string(MULTI + '--ABCDE--\n')
        self.assertEqual([p.get_payload() for p in msg.get_payload()],
                         ['Blah\n', 'Blah2\n'])
        self.assertEqual(msg.defects, [])

    def test_missing_close_boundary(self):
        msg = email.message_from_string(MULTI)
        self.assertEqual([p.get_payload() for p in msg.get_payload()],
                         ['Blah\n', 'Blah2\n'])
        self.assertEqual([type(d) for d in msg.defects],
                         [errors.CloseBoundaryNotFoundDefect])



class MessageTypesTest(unittest.TestCase):

    def test_external_body_holds_a_message(self):
        msg = email.message_from_string(
            'Content-Type: message/external-body; access-type="mail-server"'
            '\n\nContent-Type: text/plain\n\nENCODING mime\n')
        self.assertTrue(msg.is_multipart())
        inner = msg.get_payload(0)
        self.assertEqual(inner.get_content_type(), 'text/plain')
        self.assertEqual(inner.get_payload(), 'ENCODING mime\n')
        self.assertEqual(msg.as_string().splitlines()[-1], 'ENCODING mime')


class Rfc2231SectionTest(unittest.TestCase):
    """gh-93010: a section number with a leading zero is a defect."""

    def test_leading_zero(self):
        from email.headerregistry import HeaderRegistry
        reg = HeaderRegistry()
        for value, params in (('attachment; 0*00="foo"', {'0': 'foo'}),
                              ('attachment; filename*0=a; filename*01=b',
                               {'filename': 'ab'})):
            h = reg('Content-Disposition', value)
            self.assertEqual([str(d) for d in h.defects],
                             ['section number has an invalid leading 0'])
            self.assertEqual(dict(h.params), params)
        h = reg('Content-Disposition', 'attachment; filename*0=a; filename*1=b')
        self.assertEqual(h.defects, ())


if __name__ == '__main__':
    unittest.main()
