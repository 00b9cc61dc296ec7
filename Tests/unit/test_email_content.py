"""email content and small encoders: quoted-printable bodies from
set_content at the policy's line length, addr-spec quoting (RFC 6532
UTF-8 local parts stay bare), Charset.header_encode checks the text
fits the charset (expected values are CPython's)."""

import unittest

import email.policy
from email.charset import Charset
from email.contentmanager import raw_data_manager
from email.headerregistry import Address
from email.message import EmailMessage


class QuotedPrintableContentTest(unittest.TestCase):

    def test_lines_cut_at_policy_length(self):
        m = EmailMessage(policy=email.policy.default.clone(
            max_line_length=60))
        raw_data_manager.set_content(
            m, 'Simple but long message that is over 78 characters long '
               'to force transfer encoding.\n')
        self.assertEqual(str(m),
                         'Content-Type: text/plain; charset="utf-8"\n'
                         'Content-Transfer-Encoding: quoted-printable\n\n'
                         'Simple but long message that is over 78 '
                         'characters long to =\nforce transfer encoding.\n')

    def test_many_lines(self):
        m = EmailMessage()
        line = 'x' * 70 + ' et l\xe0 il est mont\xe9 sur moi\n'
        raw_data_manager.set_content(m, line * 12)
        self.assertEqual(m['Content-Transfer-Encoding'], 'quoted-printable')
        body = m.get_payload()
        self.assertTrue(body.startswith('x' * 70 + ' et l=\n=C3=A0 il est '
                                        'mont=C3=A9 sur moi\n'))
        self.assertEqual(m.get_content(), line * 12)


class AddrSpecTest(unittest.TestCase):

    def test_quoting(self):
        self.assertEqual(str(Address('P\xe1olo', 'f\u0151o', 'bar.com')),
                         'P\xe1olo <f\u0151o@bar.com>')
        self.assertEqual(str(Address('', 'a b', 'c.d')), '"a b"@c.d')
        self.assertEqual(str(Address('', '.x', 'c.d')), '.x@c.d')
        self.assertEqual(str(Address('', 'a\\\\b', 'c.d')), '"a\\\\\\\\b"@c.d')


class CharsetTest(unittest.TestCase):

    def test_header_encode_checks_the_charset(self):
        self.assertEqual(Charset('us-ascii').header_encode('Hello'), 'Hello')
        with self.assertRaises(UnicodeError):
            Charset('us-ascii').header_encode('\xa4\xa2')
        self.assertEqual(Charset('utf-8').header_encode('\xa4\xa2'),
                         '=?utf-8?b?wqTCog==?=')


if __name__ == '__main__':
    unittest.main()
