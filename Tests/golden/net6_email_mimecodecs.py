# email.quoprimime and email.base64mime helpers; compared with CPython.
from email import quoprimime as q, base64mime as b
print(repr(q.body_encode('caf\xe9 = ok \nline two\t\n' + 'x' * 80)))
print(repr(q.decode('caf=E9 =3D ok=20\nline two=09\nxx=\nyy')))
print(repr(q.decode('a\nb\n')), repr(q.header_decode('caf=E9_au_lait')), q.header_encode(b'caf\xe9 au lait'), q.header_length(b'a b\xe9'), q.body_length(b'a=b\xe9'))
print(q.quote('='), q.unquote('=41'), q.header_check(ord('_')), q.body_check(ord('=')))
print(b.header_encode(b'caf\xe9'), b.header_encode('caf\xe9', 'utf-8'), b.header_length(b'abcd'), repr(b.body_encode(b'x' * 100)), repr(b.body_encode(b'hi', eol='\r\n')), b.decode('aGk='), b.decode(b''))
