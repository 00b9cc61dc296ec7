"""email: a line break decoded from an encoded word is encoded again
when the header is refolded (never written as a raw line break), and
get_payload(decode=True) keeps text that surrogateescape cannot carry
as raw-unicode-escape bytes."""

import email
import io
import textwrap
import unittest
from email import policy
from email.generator import BytesGenerator, Generator


SOURCE = textwrap.dedent("""\
    To: nobody
    Subject: Bad subject=?UTF-8?Q?=0A?=Bcc: injection@example.com

    None
    """)

EXPECTED = textwrap.dedent("""\
    To: nobody
    Subject: Bad subject
     =?utf-8?q?=0A?=Bcc:
     injection@example.com

    None
    """)


class EncodedNewlineTest(unittest.TestCase):

    def flatten(self, gen, out, pol):
        msg = email.message_from_string(SOURCE, policy=policy.default)
        gen(out, policy=pol).flatten(msg)
        return out.getvalue()

    def test_str_generator(self):
        pol = policy.default.clone(max_line_length=30)
        self.assertEqual(self.flatten(Generator, io.StringIO(), pol),
                         EXPECTED)

    def test_bytes_generator(self):
        pol = policy.default.clone(max_line_length=30)
        self.assertEqual(self.flatten(BytesGenerator, io.BytesIO(), pol),
                         EXPECTED.encode('ascii'))

    def test_utf8_policy_still_encodes_newline(self):
        msg = email.message_from_string(SOURCE, policy=policy.default)
        folded = msg['Subject'].fold(
            policy=policy.default.clone(utf8=True, max_line_length=30))
        self.assertIn('=?utf-8?q?=0A?=', folded)
        self.assertEqual(folded.count('\n'), folded.count('\n ') + 1)


class SurrogatePayloadTest(unittest.TestCase):

    def payload(self, text):
        msg = email.message_from_string('\n' + text, policy=policy.default)
        return msg.get_payload(decode=True)

    def test_surrogates_with_other_non_ascii(self):
        self.assertEqual(self.payload('\xebncod\udcc3\udcabd'),
                         b'\xebncod\\udcc3\\udcabd')

    def test_surrogate_that_is_no_byte(self):
        self.assertEqual(self.payload('with \udfff here'),
                         b'with \\udfff here')

    def test_smuggled_bytes_round_trip(self):
        self.assertEqual(self.payload('caf\udcc3\udca9'), b'caf\xc3\xa9')


if __name__ == '__main__':
    unittest.main()
