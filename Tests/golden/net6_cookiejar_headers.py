# http.cookiejar header helpers: split_header_words, join_header_words,
# parse_ns_headers; compared with CPython.
from http.cookiejar import split_header_words as s, join_header_words as j, parse_ns_headers as p
for t in ['foo="bar"; port="80,81"; discard, bar=baz', 'text/html; charset="iso-8859-1"', 'Basic realm="\\"foo\\bar\\""', 'a=b, c=d; e', '', ' ;; =x, y', 'k = v ; w=']:
    print(repr(t), s([t]))
print(j([[('foo', None), ('bar', 'baz')], [('q', 'a b'), ('r', 'x"y')]]))
for t in ['a=1; Path=/; expires=Wed, 09 Feb 1994 22:23:32 GMT; HttpOnly', 'b; secure', '=x; path=/', 'c=3; Version="1"; Max-Age=5; DOMAIN=.x.org', ' d = 4 ;  ; foo']:
    print(repr(t), p([t]))
