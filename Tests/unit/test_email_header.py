"""email.header (the compat32 Header class) and the default policy's
shared header registry, checked against CPython's outputs."""

import unittest

import email
import email.errors
import email.policy
from email.charset import Charset
from email.header import Header, decode_header
from email.message import Message


class DecodeHeaderTest(unittest.TestCase):

    def test_space_between_encoded_words_dropped(self):
        self.assertEqual(
            decode_header('=?iso-8859-1?q?this=20is?=  '
                          '=?iso-8859-1?q?some=20text?='),
            [(b'this issome text', 'iso-8859-1')])

    def test_plain_parts_keep_inner_space(self):
        self.assertEqual(
            decode_header(' leading =?utf-8?q?caf=C3=A9?= trailing\n'
                          '  =?utf-8?b?w6k=?= x'),
            [(b'leading ', None), (b'caf\xc3\xa9', 'utf-8'),
             (b' trailing', None), (b'\xc3\xa9', 'utf-8'), (b' x', None)])

    def test_missing_base64_padding_tolerated(self):
        self.assertEqual(decode_header('a =?utf-8?b?w6k?= b'),
                         [(b'a ', None), (b'\xc3\xa9', 'utf-8'),
                          (b' b', None)])

    def test_unknown_8bit_header_object(self):
        h = Header(b'ab\xe9z', charset='unknown-8bit')
        self.assertEqual(decode_header(h), [(b'ab\xe9z', 'unknown-8bit')])


class HeaderStrTest(unittest.TestCase):

    def test_appended_chunks_joined_by_space(self):
        h = Header('Hello World!')
        h.append(' Goodbye World!')
        self.assertEqual(str(h), 'Hello World!  Goodbye World!')

    def test_unknown_8bit_reads_as_replacement(self):
        h = Header(b'ab\xe9z', charset='unknown-8bit')
        self.assertEqual(str(h), 'ab\ufffdz')

    def test_8bit_compat32_header_value(self):
        m = email.message_from_bytes(b'To: b\xc3\xa1z\n\nbody\n')
        self.assertEqual(str(m['to']), 'b\ufffd\ufffdz')

    def test_mixed_charsets(self):
        h = Header()
        h.append('caf\xe9', 'utf-8')
        h.append('plain')
        h.append('na\xefve', 'iso-8859-1')
        self.assertEqual(str(h), 'caf\xe9 plain na\xefve')
        self.assertEqual(h.encode(), '=?utf-8?b?Y2Fmw6k=?= plain '
                                     '=?iso-8859-1?q?na=EFve?=')


class HeaderEncodeTest(unittest.TestCase):

    def test_split_after_highest_level_splitchar(self):
        h = Header('this is a test where we need to have more than one '
                   'line; our final line that is just too big to fit',
                   header_name='Subject', maxlinelen=40)
        self.assertEqual(h.encode(), 'this is a test where we need to\n'
                                     ' have more than one line;\n'
                                     ' our final line that is just too '
                                     'big to\n fit')

    def test_overlong_word_moves_off_the_name_line(self):
        word = 'x' * 84
        h = Header(word + ' more', header_name='Face-1')
        self.assertEqual(h.encode(), '\n ' + word + '\n more')

    def test_encoded_words_fill_the_line(self):
        h = Header('Das ist gr\xfcnes Licht f\xfcr Offshore-Windkraftprojekte',
                   'iso-8859-1', header_name='Subject')
        self.assertEqual(h.encode(),
                         '=?iso-8859-1?q?Das_ist_gr=FCnes_Licht_f=FCr_'
                         'Offshore-Windkraftproje?=\n'
                         ' =?iso-8859-1?q?kte?=')

    def test_nothing_fits_on_first_line(self):
        self.assertEqual(
            Charset('utf-8').header_encode_lines('\xe9' * 4,
                                                 iter([5, 20, 20])),
            [None, '=?utf-8?b?w6nDqcOp?=', '=?utf-8?b?w6k=?='])

    def test_embedded_header_refused(self):
        with self.assertRaises(email.errors.HeaderParseError):
            Header('dummy\nX-Injected: test').encode()
        m = Message()
        m['Dummy'] = 'dummy\nX-Injected-Header: test'
        with self.assertRaises(email.errors.HeaderParseError):
            m.as_string()


class DefaultPolicyFactoryTest(unittest.TestCase):

    def test_default_shares_class_registry(self):
        cls_factory = email.policy.EmailPolicy.header_factory
        self.assertIs(email.policy.default.header_factory, cls_factory)
        self.assertIs(email.policy.SMTP.header_factory, cls_factory)
        self.assertIsNot(email.policy.EmailPolicy().header_factory,
                         cls_factory)


if __name__ == '__main__':
    unittest.main()
