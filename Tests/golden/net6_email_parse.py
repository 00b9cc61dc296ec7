# email: parsing a nested multipart message with encoded headers, defects,
# params, folding, utils, charset and policies; compared with CPython output.
import email, email.policy, email.utils, email.header, email.charset, email.errors
from email.message import Message, EmailMessage
from email.parser import Parser, HeaderParser, BytesParser, BytesHeaderParser
from email.generator import Generator, BytesGenerator
from email import encoders
import io

RAW = """From: "Doe, John" <john@example.com>
To: Mary <mary@example.org>, bob@example.net
Cc: =?utf-8?b?SsO2cmc=?= <joerg@example.de>
Subject: =?utf-8?q?Quarterly_r=C3=A9sum=C3=A9?= and
 more words in a folded header line
Date: Tue, 03 Mar 2026 10:15:00 +0100
Received: from a by b; Tue, 03 Mar 2026 10:15:00 +0100
Received: from c by d; Tue, 03 Mar 2026 10:14:00 +0100
Message-ID: <abc.123@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer"

Preamble text.
--outer
Content-Type: multipart/alternative; boundary=inner

--inner
Content-Type: text/plain; charset=iso-8859-1
Content-Transfer-Encoding: quoted-printable

Caf=E9 au lait, soft=
 break here.
--inner
Content-Type: text/html; charset="utf-8"

<p>Hello</p>
--inner--
--outer
Content-Type: application/pdf; name="report.pdf"
Content-Disposition: attachment;
 filename*=utf-8''r%C3%A9sum%C3%A9.pdf
Content-Transfer-Encoding: base64

JVBERi0xLjQKJcOkw7zDtsOfCg==
--outer
Content-Type: message/rfc822

From: inner@example.com
Subject: forwarded

Inner body.
--outer--
Epilogue.
"""

m = email.message_from_string(RAW)
print(m.get_all('received'))
print(m.get_all('x-missing', 'none'))
print(m['subject'])
print(m.keys())
print(len(m), 'to' in m, 'X' in m)
for part in m.walk():
    print(part.get_content_type(), part.get_content_maintype(), part.get_content_subtype(),
          part.get_content_charset(), part.get_filename(), part.is_multipart(), part.get_default_type())
alt, pdf, fwd = m.get_payload()
plain, html = alt.get_payload()
print(plain.get_payload(decode=True))
print(pdf.get_payload(decode=True))
print(pdf.get_param('filename', header='content-disposition'))
print(pdf.get_params(header='content-disposition'))
print(fwd.get_payload(0)['subject'], fwd.get_payload(0).get_payload())
print(repr(m.preamble), repr(m.epilogue), m.defects)
print(m.as_string() == RAW)
print(m.get_charsets())
for data, cs in email.header.decode_header(m['subject']): print(data, cs)
print(str(email.header.make_header(email.header.decode_header(m['subject']))))
print(email.utils.getaddresses(m.get_all('to') + m.get_all('cc')))
print(email.utils.parsedate_to_datetime(m['date']))
m.replace_header('Subject', 'Replaced')
m.set_param('charset', 'utf-8')
m.set_param('format', 'flowed')
print(m['content-type'])
m.del_param('format')
print(m['content-type'])
print(m.get_params())
del m['received']
print(m.keys())
try:
    m.replace_header('X-Nope', 'x')
except KeyError as e:
    print('KeyError', e)

# default policy parse
d = email.message_from_string(RAW, policy=email.policy.default)
print(type(d).__name__, d['subject'], d['to'].addresses[0].display_name, d['from'].addresses[0].username)
print(d['date'].datetime, d['cc'])
print(d['content-type'].content_type, d['content-type'].params, d['mime-version'].version)
print([p.get_filename() for p in d.iter_attachments()])
print(d.get_body(('plain',)).get_content())
print(d.get_body(('html',)).get_content())

# header parser
h = HeaderParser().parsestr(RAW)
print(h.is_multipart(), h.get_payload()[:20])
hb = BytesHeaderParser().parsebytes(RAW.encode())
print(hb['message-id'])

# 8-bit bytes round trip
raw8 = 'Subject: caf\u00e9\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nna\u00efve body\n'.encode('utf-8')
b = BytesParser().parsebytes(raw8)
print(b.as_bytes() == raw8, b.get_payload(decode=True).decode('utf-8'), b.get_payload())
out = io.BytesIO(); BytesGenerator(out).flatten(b); print(out.getvalue() == raw8)
print(b.as_string())

# long header folding
lm = Message()
lm['Subject'] = 'word ' * 30

s = io.StringIO(); Generator(s, maxheaderlen=60).flatten(lm); print(s.getvalue())
print(lm.as_string())
e = EmailMessage(); e['Subject'] = 'word ' * 30; print(e.as_string())

# payload helpers
pm = Message()
pm.set_payload('hello\n')
encoders.encode_base64(pm); print(pm['content-transfer-encoding'], repr(pm.get_payload()), pm.get_payload(decode=True))
qm = Message(); qm.set_payload(b'caf\xe9 ok\n'); encoders.encode_quopri(qm); print(repr(qm.get_payload()), qm.get_payload(decode=True))
cm = Message(); cm.set_payload('h\u00e9', 'utf-8'); print(cm.as_string())
cm2 = Message(); cm2.set_payload('h\u00e9', 'iso-8859-1'); print(cm2.as_string())
cm3 = Message(); cm3.add_header('Content-Disposition', 'attachment', filename='\u00e9t\u00e9.txt'); print(cm3.as_string(), cm3.get_filename())
cm3.add_header('X-Flag', None, a='1', b_c='x y'); print(cm3['x-flag'])
print(email.utils.formataddr(('Mary Smith', 'mary@x.com')), email.utils.parseaddr('<a@b>'))
print(email.utils.quote('a"b\\c'), email.utils.unquote('"a\\"b"'), email.utils.unquote('<x>'))
print(email.utils.formatdate(86400*365, usegmt=True))
import datetime
print(email.utils.format_datetime(datetime.datetime(2020, 2, 29, 13, 5, 9, tzinfo=datetime.timezone(datetime.timedelta(hours=-5)))))
print(email.utils.parsedate('Sat, 29 Feb 2020 13:05:09'), email.utils.parsedate('garbage'))
print(email.utils.parsedate_tz('29 Feb 2020 13:05 EST'))
print(email.utils.collapse_rfc2231_value(('utf-8', '', 'caf%C3%A9')), email.utils.decode_rfc2231("utf-8'en'abc"))
c = email.charset.Charset('latin_1'); print(c, c.header_encoding, c.body_encoding, c.get_body_encoding(), c.header_encode('caf\u00e9'), repr(c.body_encode('caf\u00e9')))
c = email.charset.Charset('utf-8'); print(c.get_output_charset(), c.header_encode('caf\u00e9'), c.get_body_encoding(), repr(c.body_encode('caf\u00e9')))
print(email.charset.Charset('us-ascii').get_body_encoding().__name__)
bad = email.message_from_string('Content-Type: multipart/mixed\n\nno boundary\n')
print([type(x).__name__ for x in bad.defects], repr(bad.get_payload()))
bad2 = email.message_from_string('Content-Type: multipart/mixed; boundary=b\n\n--b\n\nunterminated\n')
print([type(x).__name__ for x in bad2.defects], len(bad2.get_payload()))
bad3 = email.message_from_string('Subject: x\nnot a header\n\nbody\n')
print([type(x).__name__ for x in bad3.defects], repr(bad3.get_payload()))
b64 = email.message_from_string('Content-Transfer-Encoding: base64\n\naGVsbG8\n')
print(b64.get_payload(decode=True), [type(x).__name__ for x in b64.defects])
u = email.message_from_string('From nobody Mon Jan  1 00:00:00 2001\nSubject: u\n\nFrom here\n')
print(u.get_unixfrom(), u.as_string(unixfrom=True))
s = io.StringIO(); Generator(s, mangle_from_=True).flatten(u); print(s.getvalue())
try:
    email.policy.strict.clone(x=1)
except TypeError as ex: print(ex)
print(email.policy.SMTP.linesep == '\r\n', email.policy.HTTP.max_line_length, email.policy.compat32.mangle_from_, email.policy.default.cte_type)
em = EmailMessage(policy=email.policy.SMTP); em['To'] = 'x@y'; em.set_content('a\n'); print(em.as_bytes())
try:
    em['To'] = 'second@y'
except ValueError as ex: print(ex)
