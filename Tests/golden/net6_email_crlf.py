# email with CRLF line endings: multipart parse, byte-exact regeneration with
# the SMTP policy; compared with CPython.
import email, email.policy
raw = (b'From: a@b\r\nSubject: crlf\r\nContent-Type: multipart/mixed; boundary="XX"\r\n\r\n'
       b'pre\r\n--XX\r\nContent-Type: text/plain\r\n\r\nline1\r\nline2\r\n--XX\r\n'
       b'Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\nAAEC\r\n--XX--\r\n')
m = email.message_from_bytes(raw)
print(m.as_bytes() == raw, repr(m.preamble), repr(m.epilogue))
print([repr(p.get_payload()) for p in m.get_payload()], m.get_payload(1).get_payload(decode=True))
print(m.as_bytes(policy=m.policy.clone(linesep='\r\n')) == raw)
d = email.message_from_bytes(raw, policy=email.policy.SMTP)
print(d.as_bytes() == raw, d.get_body(('plain',)).get_content().encode())
print(repr(email.message_from_string('A: 1\r\nB: 2\r\n\r\nbody').items()))
