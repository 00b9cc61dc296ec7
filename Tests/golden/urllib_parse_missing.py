# 3.15: missing_as_none / keep_empty tell "absent" from "empty".
from urllib.parse import urlsplit, urlparse, urlunsplit, urlunparse, urldefrag

print(tuple(urlsplit('http://a/b?#', missing_as_none=True)))
for u in ['http://a/b', '//a', 'b', 'http:b?x', 'http:///b;']:
    s = urlsplit(u, missing_as_none=True)
    print(repr(u), tuple(s), s.geturl())
print(tuple(urlparse('http://a/b;?q', missing_as_none=True)))
print(tuple(urlparse('http://a/b', missing_as_none=True)))
print(urlsplit(b'x?', missing_as_none=True))
print(urlunsplit(('http', '', '/p', '', ''), keep_empty=True))
print(urlunsplit(('http', None, '/p', None, None), keep_empty=True))
print(urlunsplit((None, None, 'p', '', ''), keep_empty=True))
print(urlunsplit(('http', 'h', '/p', '', '')))
print(urlunparse(('http', 'h', '/p', '', '', ''), keep_empty=True))
print(urldefrag('http://a/b#', missing_as_none=True))
print(urldefrag('http://a/b', missing_as_none=True))
print(urldefrag('http://a/b?#x'))
