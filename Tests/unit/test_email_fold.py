"""Folding under the modern policies: where a header line breaks when
a word or the whole value does not fit after the header name (outputs
as CPython folds them)."""

import unittest

import email
import email.policy
from email import errors
from email.headerregistry import HeaderRegistry
from email.message import EmailMessage


def folded(max_line_length):
    m = EmailMessage(policy=email.policy.default.clone(
        max_line_length=max_line_length))
    m['To'] = 'whom_it_may_concern@example.com'
    m['From'] = 'nobody_you_want_to_know@example.com'
    m['Cc'] = 'a@example.com, bbbbbbbbbbbbbbbb@example.com, c@example.com'
    m['Subject'] = 'We the willing led by the unknowing'
    return m.as_string()


class ModernFoldTest(unittest.TestCase):

    def test_value_moves_whole_when_it_fits_a_line(self):
        self.assertEqual(folded(40),
                         'To: whom_it_may_concern@example.com\n'
                         'From:\n nobody_you_want_to_know@example.com\n'
                         'Cc: a@example.com,\n'
                         ' bbbbbbbbbbbbbbbb@example.com,\n'
                         ' c@example.com\n'
                         'Subject:\n We the willing led by the unknowing\n'
                         '\n')

    def test_first_word_leaves_the_name_alone(self):
        self.assertEqual(folded(20),
                         'To:\n whom_it_may_concern@example.com\n'
                         'From:\n nobody_you_want_to_know@example.com\n'
                         'Cc: a@example.com,\n'
                         ' bbbbbbbbbbbbbbbb@example.com,\n'
                         ' c@example.com\n'
                         'Subject: We the\n willing led by the\n unknowing\n'
                         '\n')

    def test_empty_value_has_no_trailing_space(self):
        m = EmailMessage()
        m['Subject'] = ''
        m['X-Long'] = 'thislongwordislessthanmaxlinelen'
        self.assertEqual(
            m.as_string(policy=email.policy.default.clone(
                max_line_length=35)),
            'Subject:\nX-Long:\n thislongwordislessthanmaxlinelen\n\n')

    def test_parameters_fold_but_value_stays(self):
        m = EmailMessage()
        m['Content-Disposition'] = ('attachment; filename='
                                    '"a_rather_long_file_name_for_the_test.txt"')
        self.assertEqual(
            m['Content-Disposition'].fold(policy=email.policy.default),
            'Content-Disposition: attachment;\n'
            ' filename="a_rather_long_file_name_for_the_test.txt"\n')



def fold_subject(value, max_line_length=78):
    h = HeaderRegistry()('Subject', value)
    return h.fold(policy=email.policy.default.clone(
        max_line_length=max_line_length))


class EncodedWordFoldTest(unittest.TestCase):

    def test_plain_words_between_encoded_words_join_them(self):
        self.assertEqual(
            fold_subject('Hello W\xf6rld! Hello W\xf6rld! Hello W\xf6rld! '
                         'Hello W\xf6rld!Hello W\xf6rld!'),
            'Subject: Hello =?utf-8?q?W=C3=B6rld!_Hello_W=C3=B6rld!_Hello_'
            'W=C3=B6rld!?=\n'
            ' Hello =?utf-8?q?W=C3=B6rld!Hello_W=C3=B6rld!?=\n')

    def test_open_encoded_word_continues_on_next_line(self):
        self.assertEqual(
            fold_subject('Hello-W\xf6rld!-Hello-W\xf6rld!-Hello-W\xf6rlds123!'
                         '-Hello W\xf6rld!Hello W\xf6rld!'),
            'Subject: =?utf-8?q?Hello-W=C3=B6rld!-Hello-W=C3=B6rld!-Hello-'
            'W=C3=B6rlds123!?=\n'
            ' =?utf-8?q?-Hello_W=C3=B6rld!Hello_W=C3=B6rld!?=\n')

    def test_overlong_ascii_word_is_cut_as_encoded_words(self):
        self.assertEqual(
            fold_subject('thisisaverylonglineconsistingofasinglewordthatwontfit'
                         ' plusanother', 20),
            'Subject: \n =?utf-8?q?thisisa?=\n =?utf-8?q?verylon?=\n'
            ' =?utf-8?q?glineco?=\n =?utf-8?q?nsistin?=\n'
            ' =?utf-8?q?gofasin?=\n =?utf-8?q?gleword?=\n'
            ' =?utf-8?q?thatwon?=\n =?utf-8?q?tfit?=\n plusanother\n')

    def test_one_character_per_line_when_narrow(self):
        self.assertEqual(fold_subject('\u0105' * 3, 20),
                         'Subject: \n' + 3 * ' =?utf-8?q?=C4=85?=\n')

    def test_line_too_short_for_an_encoded_word(self):
        with self.assertRaises(errors.HeaderParseError):
            fold_subject('x' * 30, 9)



class ParameterFoldTest(unittest.TestCase):

    def disposition(self, max_line_length):
        m = EmailMessage(policy=email.policy.default.clone(
            max_line_length=max_line_length))
        m['Content-Disposition'] = ('attachment; '
                                    'filename="afilenamelongenoghtowraphere"')
        return m['Content-Disposition'].fold(policy=m.policy)

    def test_long_value_cut_into_rfc2231_sections(self):
        self.assertEqual(self.disposition(33),
                         "Content-Disposition: attachment;\n"
                         " filename*0*=us-ascii''afilename;\n"
                         " filename*1*=longenoghtowraphere\n")

    def test_too_narrow_falls_back_to_78(self):
        self.assertEqual(self.disposition(20),
                         "Content-Disposition:\n attachment;\n"
                         " filename*0*=us-ascii''afilenamelongenoghtowraphere"
                         "\n")

    def test_parameter_filling_the_line_exactly_stays(self):
        self.assertEqual(self.disposition(73),
                         'Content-Disposition: attachment; '
                         'filename="afilenamelongenoghtowraphere"\n')

    def test_non_ascii_value_quoted_unless_utf8(self):
        h = HeaderRegistry()('Content-Disposition',
                             'attachment; filename="caf\xe9 \\"x\\".txt"')
        self.assertEqual(h.fold(policy=email.policy.default),
                         "Content-Disposition: attachment; "
                         "filename*=utf-8''caf%C3%A9%20%22x%22.txt\n")
        self.assertEqual(h.fold(policy=email.policy.SMTPUTF8),
                         'Content-Disposition: attachment; '
                         'filename="caf\xe9 \\"x\\".txt"\r\n')



class DisplayNameFoldTest(unittest.TestCase):

    def test_display_names_encoded_word_by_word(self):
        from email.headerregistry import Address
        for name, result in (
                ('Foo Bar, France', '"Foo Bar, France"'),
                ('Foo Bar, Espa\xf1a', 'Foo =?utf-8?q?Bar=2C_Espa=C3=B1a?='),
                ('Foo Bar (Espa\xf1a)', 'Foo Bar =?utf-8?b?KEVzcGHDsWEp?='),
                ('Foo B\xe4r, France', 'Foo =?utf-8?q?B=C3=A4r=2C?= France'),
                ('Foo B\xe4r <France>',
                 'Foo =?utf-8?q?B=C3=A4r_=3CFrance=3E?=')):
            h = HeaderRegistry()('To', Address(name, addr_spec='a@b.com'))
            self.assertEqual(h.fold(policy=email.policy.default),
                             'To: %s <a@b.com>\n' % result)

    def test_long_display_name_folds_between_encoded_words(self):
        from email.headerregistry import Address
        name = ('L\xf4rem ipsum d\xf4l\xf4r sit amet, c\xf4nsectetuer '
                'adipiscing. Suspendisse p\xf4tenti. Aliquam nibh. '
                'Suspendisse p\xf4tenti.')
        h = HeaderRegistry()('To', Address(name, addr_spec='a@b.com'))
        self.assertEqual(
            h.fold(policy=email.policy.default),
            'To: =?utf-8?q?L=C3=B4rem_ipsum_d=C3=B4l=C3=B4r_sit_amet=2C_c'
            '=C3=B4nsectetuer?=\n =?utf-8?q?adipiscing=2E_Suspendisse'
            '_p=C3=B4tenti=2E_Aliquam_nibh=2E?=\n Suspendisse =?utf-8'
            '?q?p=C3=B4tenti=2E?= <a@b.com>\n')



class SourceValueFoldTest(unittest.TestCase):

    def test_undecodable_bytes_become_unknown_8bit_words_in_7bit(self):
        import io
        from email.generator import BytesGenerator
        msg = email.message_from_bytes(
            'Subject: Maintenant je vous pr\xe9sente mon coll\xe8gue\n\n'
            .encode(), policy=email.policy.default)
        for policy, expected in (
                (email.policy.default.clone(cte_type='7bit'),
                 b'Subject: Maintenant je vous =?unknown-8bit?q?'
                 b'pr=C3=A9sente_mon_coll=C3=A8gue?=\n\n'),
                (email.policy.default,
                 'Subject: Maintenant je vous pr\xe9sente mon '
                 'coll\xe8gue\n\n'.encode())):
            out = io.BytesIO()
            BytesGenerator(out, policy=policy).flatten(msg)
            self.assertEqual(out.getvalue(), expected)

    def test_short_source_value_kept_as_written(self):
        msg = email.message_from_string('Subject: caf\xe9 ok\n\n',
                                        policy=email.policy.default)
        self.assertEqual(msg.as_string(), 'Subject: caf\xe9 ok\n\n')


if __name__ == '__main__':
    unittest.main()
