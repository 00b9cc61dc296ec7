"""email: the generator refuses a header whose fold() output could inject
headers even when a header object bypasses the policy (gh-121650),
MIMEImage guesses CPython's subtypes (pbm/pgm/ppm, rast, rgb, exr), and
8-bit payload text is read in an RFC 2231 encoded charset."""

import unittest
from email import errors, message_from_bytes, message_from_string, policy
from email.mime.image import MIMEImage


class LiteralHeader(str):
    name = 'Header'

    def fold(self, **kwargs):
        return self


class VerifyGeneratedHeadersTest(unittest.TestCase):

    def message_with(self, text, pol):
        msg = message_from_string('Header: Value\r\n\r\nBody', policy=pol)
        del msg['Header']
        msg['Header'] = LiteralHeader(text)
        return msg

    def test_injection_refused(self):
        for pol in (policy.default, policy.SMTP):
            for text in ('Value\r\nBad Injection\r\n', 'NoNewLine'):
                with self.subTest(text=text, linesep=pol.linesep):
                    with self.assertRaises(errors.HeaderWriteError):
                        self.message_with(text, pol).as_string()

    def test_check_can_be_turned_off(self):
        pol = policy.default.clone(verify_generated_headers=False)
        out = self.message_with('NoNewLine', pol).as_string()
        self.assertTrue(out.startswith('NoNewLine'))

    def test_continuation_lines_allowed(self):
        msg = message_from_string('Subject: one\n two\n\nbody\n',
                                  policy=policy.default)
        self.assertIn('Subject: one\n two\n', msg.as_string())


class MIMEImageSubtypeTest(unittest.TestCase):

    def test_cpython_subtypes(self):
        cases = {
            b'P1\n1 1\n0\n': 'pbm', b'P5 1 1 255\n\x00': 'pgm',
            b'P6\n1 1\n255\n\x00\x00\x00': 'ppm',
            b'\x59\xa6\x6a\x95' + bytes(28): 'rast',
            b'\x01\xda' + bytes(30): 'rgb',
            b'\x76\x2f\x31\x01' + bytes(28): 'exr',
        }
        for data, subtype in cases.items():
            with self.subTest(subtype=subtype):
                self.assertEqual(MIMEImage(data).get_content_type(),
                                 f'image/{subtype}')


class EncodedCharsetPayloadTest(unittest.TestCase):

    def test_rfc2231_charset_8bit(self):
        msg = message_from_bytes(
            b"Content-Type: text/plain; charset*=ansi-x3.4-1968''utf-8\n"
            b"Content-Transfer-Encoding: 8bit\n\np\xc3\xb6stal\n")
        self.assertEqual(msg.get_payload(), 'p\xf6stal\n')
        self.assertEqual(msg.get_payload(decode=True), b'p\xc3\xb6stal\n')


if __name__ == '__main__':
    unittest.main()
