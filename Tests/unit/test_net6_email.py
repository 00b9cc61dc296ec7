"""email: folding and RFC 2047 round trips under the modern policies,
header objects, header injection checks, content manager edge cases."""

import datetime
import email
import email.policy
import unittest
from email import errors
from email.headerregistry import Address, Group
from email.message import EmailMessage, Message


SUBJECT = ('Réunion du conseil d’administration — ordre du jour détaillé '
           'et pièces jointes à consulter avant jeudi')


def reparse(msg, policy=email.policy.default):
    return email.message_from_bytes(msg.as_bytes(), policy=policy)


class FoldingTest(unittest.TestCase):

    def test_long_non_ascii_subject(self):
        m = EmailMessage()
        m['Subject'] = SUBJECT
        text = m.as_string()
        for line in text.splitlines():
            self.assertLessEqual(len(line), 78, line)
            self.assertTrue(line.isascii())
        self.assertEqual(reparse(m)['subject'], SUBJECT)

    def test_address_list(self):
        m = EmailMessage()
        people = ['Person Number%d <p%d@example.com>' % (i, i)
                  for i in range(8)]
        m['To'] = ', '.join(people)
        lines = m.as_string().splitlines()
        self.assertGreater(len([l for l in lines if l.startswith(' ')]), 1)
        self.assertTrue(all(len(l) <= 78 for l in lines))
        back = reparse(m)['to']
        self.assertEqual([str(a) for a in back.addresses], people)

    def test_utf8_policy(self):
        m = EmailMessage(policy=email.policy.SMTPUTF8)
        m['Subject'] = 'café'
        m['From'] = Address('Zoë', 'zoe', 'example.com')
        data = m.as_bytes()
        self.assertIn('Subject: café\r\n'.encode(), data)
        self.assertIn('From: Zoë <zoe@example.com>\r\n'.encode(), data)

    def test_injection_refused(self):
        m = Message()
        m['X-Bad'] = 'value\nInjected: yes'
        with self.assertRaises(errors.HeaderParseError):
            m.as_string()
        m = Message()
        m['X-Bad'] = 'value\nnot folded'
        with self.assertRaises(errors.HeaderWriteError):
            m.as_string()
        with self.assertRaises(ValueError):
            EmailMessage()['Subject'] = 'a\nb'

    def test_compat32_keeps_source_folding(self):
        src = 'Subject: one\n two\n\nbody\n'
        m = email.message_from_string(src)
        self.assertEqual(m['subject'], 'one\n two')
        self.assertEqual(m.as_string(), src)


class HeaderObjectTest(unittest.TestCase):

    def test_address_objects(self):
        a = Address('Jane Doe', 'jane.doe', 'example.com')
        self.assertEqual(str(a), 'Jane Doe <jane.doe@example.com>')
        self.assertEqual(a.addr_spec, 'jane.doe@example.com')
        self.assertEqual(str(Address('Doe, Jane', addr_spec='j@x.org')),
                         '"Doe, Jane" <j@x.org>')
        self.assertEqual(Address(addr_spec='"a b"@x.org').username, 'a b')
        self.assertEqual(Address(username='a b', domain='x').addr_spec,
                         '"a b"@x')
        with self.assertRaises(TypeError):
            Address(username='a', addr_spec='a@b')
        with self.assertRaises(ValueError):
            Address('a\nb')
        g = Group('Team', [a, Address(addr_spec='b@x.org')])
        self.assertEqual(str(g),
                         'Team: Jane Doe <jane.doe@example.com>, b@x.org;')
        self.assertEqual(str(Group('Empty')), 'Empty:;')

    def test_registry_headers(self):
        m = EmailMessage()
        when = datetime.datetime(2026, 3, 3, 10, 15,
                                 tzinfo=datetime.timezone.utc)
        m['Date'] = when
        m['To'] = [Address('A', 'a', 'x.org'),
                   Group('G', [Address(addr_spec='g@x.org')])]
        m['Content-Type'] = 'text/plain; charset="latin-1"; format=flowed'
        m['MIME-Version'] = '1.0'
        self.assertEqual(m['date'], 'Tue, 03 Mar 2026 10:15:00 +0000')
        self.assertEqual(m['date'].datetime, when)
        self.assertEqual(m['to'], 'A <a@x.org>, G: g@x.org;')
        self.assertEqual([g.display_name for g in m['to'].groups],
                         [None, 'G'])
        self.assertEqual(len(m['to'].addresses), 2)
        ct = m['content-type']
        self.assertEqual((ct.maintype, ct.subtype, ct.content_type),
                         ('text', 'plain', 'text/plain'))
        self.assertEqual(dict(ct.params),
                         {'charset': 'latin-1', 'format': 'flowed'})
        self.assertEqual(m['mime-version'].version, '1.0')
        self.assertEqual(m['mime-version'].major, 1)
        with self.assertRaises(ValueError):
            m['To'] = 'second@x.org'
        bad = email.message_from_string('Date: not a date\n\n',
                                        policy=email.policy.default)
        self.assertIsNone(bad['date'].datetime)
        self.assertIsInstance(bad['date'].defects[0], errors.InvalidDateDefect)

    def test_policy_objects(self):
        p = email.policy.default.clone(max_line_length=40)
        self.assertEqual(p.max_line_length, 40)
        self.assertEqual(email.policy.default.max_line_length, 78)
        with self.assertRaises(AttributeError):
            p.linesep = '\r\n'
        with self.assertRaises(TypeError):
            p.clone(no_such_setting=1)
        combined = email.policy.SMTP + email.policy.strict
        self.assertEqual((combined.linesep, combined.raise_on_defect),
                         ('\r\n', True))
        with self.assertRaises(errors.NoBoundaryInMultipartDefect):
            email.message_from_string('Content-Type: multipart/mixed\n\nx\n',
                                      policy=email.policy.strict)


class ContentTest(unittest.TestCase):

    def test_text_encodings(self):
        m = EmailMessage()
        m.set_content('plain ascii\n')
        self.assertEqual(m['content-transfer-encoding'], '7bit')
        m.set_content('é' * 10 + '\n', cte='quoted-printable')
        self.assertEqual(m.get_payload(), '=C3=A9' * 10 + '\n')
        self.assertEqual(m.get_content(), 'é' * 10 + '\n')
        m.set_content('long ' * 40 + '\n')
        self.assertEqual(m['content-transfer-encoding'], 'quoted-printable')
        self.assertEqual(m.get_content(), 'long ' * 40 + '\n')
        m.set_content('<p>x</p>\n', subtype='html', charset='latin-1',
                      cte='base64')
        self.assertEqual(m.get_content_type(), 'text/html')
        self.assertEqual(m.get_content_charset(), 'iso-8859-1')
        self.assertEqual(m.get_content(), '<p>x</p>\n')

    def test_bytes_and_attachments(self):
        m = EmailMessage()
        m.set_content('body\n')
        m.add_alternative('<p>body</p>\n', subtype='html')
        m.add_attachment(b'\x00\x01' * 100, maintype='application',
                         subtype='octet-stream', filename='blob.bin')
        m.add_attachment('notes\n', filename='résumé.txt')
        self.assertEqual(m.get_content_type(), 'multipart/mixed')
        back = reparse(m)
        names = [a.get_filename() for a in back.iter_attachments()]
        self.assertEqual(names, ['blob.bin', 'résumé.txt'])
        blob = next(back.iter_attachments())
        self.assertEqual(blob.get_content(), b'\x00\x01' * 100)
        self.assertTrue(blob.is_attachment())
        self.assertEqual(back.get_body(('html',)).get_content(),
                         '<p>body</p>\n')
        self.assertEqual(back.get_body(('plain',)).get_content(), 'body\n')
        with self.assertRaises(TypeError):
            back.set_content('no')

    def test_message_content(self):
        inner = EmailMessage()
        inner['Subject'] = 'inner'
        inner.set_content('inner body\n')
        outer = EmailMessage()
        outer.set_content(inner)
        self.assertEqual(outer.get_content_type(), 'message/rfc822')
        back = reparse(outer)
        self.assertEqual(back.get_content()['subject'], 'inner')

    def test_clear(self):
        m = EmailMessage()
        m['Subject'] = 's'
        m.set_content('x')
        m.clear_content()
        self.assertEqual(m.keys(), ['Subject', 'MIME-Version'])
        m.clear()
        self.assertEqual(len(m), 0)


if __name__ == '__main__':
    unittest.main()
