# email: MIME classes and EmailMessage built, flattened, parsed back; 8-bit
# bodies re-encoded for text output; compared with CPython output.
import email, email.policy
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.mime.application import MIMEApplication
from email.message import EmailMessage
from email.header import Header
m = MIMEMultipart(boundary='BOUND')
m['Subject'] = 'Test h\u00e9llo'
m['From'] = 'A <a@x.com>'
m.preamble = 'This is a multipart message.'
m.attach(MIMEText('plain text\nline 2\n'))
m.attach(MIMEText('h\u00e9llo w\u00f6rld\n', 'plain', 'utf-8'))
a = MIMEApplication(b'\x00\x01\x02binary'*5, Name='d.bin')
a.add_header('Content-Disposition', 'attachment', filename='d.bin')
m.attach(a)
s = m.as_string()
print(s)
p = email.message_from_string(s)
print(p['subject'], p.get_content_type(), p.is_multipart(), len(p.get_payload()))
for part in p.walk():
    print(part.get_content_type(), part.get_content_charset(), part.get_filename(), part.get_payload(decode=True)[:20] if not part.is_multipart() else None)
print(p.as_string() == s)
print(repr(p.preamble), repr(p.epilogue))
print(p.get_params(), p.get_param('boundary'))
e = EmailMessage()
e['Subject'] = 'H\u00e9llo w\u00f6rld'
e['To'] = 'J\u00f6 <j@x.com>, b@y'
e['From'] = 'me@here.org'
e.set_content('hi there\n')
e.add_attachment(b'PNGDATA', maintype='image', subtype='png', filename='p.png')
e.add_attachment('caf\u00e9\n', filename='n.txt')
s = e.as_string()
import re; s = re.sub(r'={10,}\d+==', 'BB', s)
print(s)
print(repr(e['to']), e['to'].addresses, sorted(e['content-type'].params))
for att in e.iter_attachments():
    print(att.get_filename(), att.get_content_type(), att.get_content())
print(e.get_body().get_content())
b = email.message_from_bytes(e.as_bytes(), policy=email.policy.default)
print(b['subject'], [x.get_filename() for x in b.iter_attachments()])
m = email.message_from_bytes(b'Subject: =?iso-8859-1?q?caf=E9?=\nContent-Type: text/plain; charset=latin-1\nContent-Transfer-Encoding: 8bit\n\ncaf\xe9\n')
print(m['subject'], m.get_payload(), m.get_payload(decode=True), m.as_bytes())
print(m.as_string())
