from urllib.parse import (urlparse, urlsplit, urlunparse, urlunsplit, urljoin,
                          urldefrag, parse_qs, parse_qsl, quote, quote_plus,
                          quote_from_bytes, unquote, unquote_plus,
                          unquote_to_bytes, urlencode, SplitResult,
                          ParseResult, DefragResult)

urls = [
    'http://user:pw@Example.COM:8080/a/b;p?x=1&y=2#frag',
    'https://example.com',
    'ftp://ftp.example.org/pub/file.txt',
    'file:///etc/passwd',
    'mailto:someone@example.com',
    '//www.example.com/path?q',
    'path/only?q=1',
    'news:comp.lang.python',
    'http://[::1]:80/x',
    'http://[FE80::1%25eth0]:8/',
    'HTTP://h/p',
    '1http://x',
    'a+b-c.d:rest',
    '  \x00http://a\t/b\n',
    'http://a/b#c#d',
    'http://a/b?c?d',
]
for u in urls:
    s = urlsplit(u)
    p = urlparse(u)
    print(repr(u))
    print(' ', s)
    print(' ', p)
    print(' ', s.geturl(), '|', p.geturl(), '|', urlunsplit(s), '|', urlunparse(p))
    print(' ', s.username, s.password, s.hostname, s.port)

b = urlsplit(b'http://u:p@Host:8/p?q#f')
print(b, b.hostname, b.port, b.username, b.password, b.geturl())
print(b.decode(), urlsplit('http://x/y').encode())
print(urlparse(b'http://a/b;c'), urlparse(b'http://a/b;c').geturl())
print(urlsplit('//a/b', scheme='https'), urlsplit('x', 'https'))
print(urlsplit('http://a/b#c', allow_fragments=False))
print(urlparse('http://a/b;c/d;e'), urlparse('mailto:a;b'))

for u in ['http://a:99999/', 'http://a:xx/', 'http://a:-1/', 'http://a:/',
          'http://a:0/', 'http://a:65535/', 'http://a:١٢/']:
    try:
        print(u, urlsplit(u).port)
    except ValueError as e:
        print(u, 'ValueError:', e)
for u in ['http://[::1/', 'http://a]/', 'http://x[::1]/', 'http://[::1]x/']:
    try:
        urlsplit(u)
    except ValueError as e:
        print(u, 'ValueError:', e)

r = urlsplit('http://a/b?c')
print(r._replace(query='z', fragment='f').geturl())
print(r.scheme, r[0], len(r), tuple(r), isinstance(r, tuple))
print(SplitResult('http', 'h', '/p', 'q', 'f').geturl())
print(ParseResult('http', 'h', '/p', 'pa', 'q', 'f').geturl())
print(urlunsplit(('http', 'h', 'p', '', '')), urlunsplit(('', '', '/p', 'q', '')))
print(urlunparse(('http', 'h', '/p', 'x', '', '')))
print(urlunsplit(['mailto', '', 'a@b', '', '']))

print(urldefrag('http://a/b?q#frag'), urldefrag('http://a/b'))
print(urldefrag(b'http://a/b#x'), urldefrag('http://a/b#x').geturl())
print(DefragResult('u', '').geturl(), DefragResult('u', 'f').geturl())
