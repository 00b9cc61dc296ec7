"""email.quoprimime: quoted-printable bodies cut without breaking an
escape, trailing whitespace at the line limit, lengths and checks
(expected values are CPython's)."""

import unittest

from email import quoprimime


class BodyEncodeTest(unittest.TestCase):

    def test_non_ascii_byte_before_eol_is_quoted_not_split(self):
        body = 'hello\u03c5\n'.encode('utf-8').decode('latin1')
        self.assertEqual(quoprimime.body_encode(body, eol='\r\n'),
                         'hello=CF=85\r\n')

    def test_trailing_space_near_the_limit(self):
        self.assertEqual(quoprimime.body_encode('abcd \n1234', maxlinelen=6),
                         'abcd =\n\n1234')
        self.assertEqual(quoprimime.body_encode('abcd \n1234', maxlinelen=5),
                         'abcd=\n=20\n1234')
        self.assertEqual(quoprimime.body_encode('abcd \n1234', maxlinelen=4),
                         'abc=\nd=20\n1234')

    def test_escape_never_cut(self):
        self.assertEqual(quoprimime.body_encode('xx\xe9\xe9\xe9yy',
                                                maxlinelen=6),
                         'xx=E9=\n=E9=\n=E9yy')

    def test_long_line(self):
        self.assertEqual(quoprimime.body_encode('x' * 100 + '\n'),
                         'x' * 75 + '=\n' + 'x' * 25 + '\n')


class LengthAndCheckTest(unittest.TestCase):

    def test_line_breaks_count_as_escapes_in_body_length(self):
        self.assertEqual(quoprimime.body_length(b'\n'), 3)
        self.assertEqual(quoprimime.body_length(b'\r'), 3)
        self.assertEqual(quoprimime.body_length(b'a b'), 3)

    def test_space_needs_quoting_in_headers(self):
        self.assertTrue(quoprimime.header_check(ord(' ')))
        self.assertFalse(quoprimime.header_check(ord('a')))
        self.assertEqual(quoprimime.header_length(b'a b'), 3)


if __name__ == '__main__':
    unittest.main()
