from urllib.parse import (urljoin, parse_qs, parse_qsl, quote, quote_plus,
                          quote_from_bytes, unquote, unquote_plus,
                          unquote_to_bytes, urlencode)

base = 'http://a/b/c/d;p?q'
refs = ['g:h', 'g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s',
        'g?y#s', ';x', 'g;x', 'g;x?y#s', '', '.', './', '..', '../', '../g',
        '../..', '../../', '../../g', '../../../g', '../../../../g', '/./g',
        '/../g', 'g.', '.g', 'g..', '..g', './../g', './g/.', 'g/./h',
        'g/../h', 'g;x=1/./y', 'g;x=1/../y', 'http:g', 'https://x/y']
for ref in refs:
    print(repr(ref), urljoin(base, ref))
print(urljoin('http://a/b/', '../../..'), urljoin('http://a', 'b'))
print(urljoin('file:///a/b', 'c'), urljoin('mailto:a', 'b'))
print(urljoin(b'http://a/b/c', b'../d'), urljoin('', 'x'), urljoin('x', ''))
print(urljoin('http://a/b', 'ftp://c/d'), urljoin('svn+ssh://h/a/b', 'c'))

print(parse_qsl('a=1&b=2&a=3'), parse_qs('a=1&b=2&a=3'))
print(parse_qsl('a=&b', keep_blank_values=True), parse_qsl('a=&b'))
print(parse_qsl('x=%C3%A9+y&z=a%2Bb'), parse_qsl('x=%E9', encoding='latin-1'))
print(parse_qsl('x=%FF'), parse_qsl('x=%FF', errors='ignore'))
print(parse_qsl('a=1;b=2', separator=';'), parse_qsl('a=1;b=2'))
print(parse_qsl(b'a=1&b=x+y'), parse_qs(b'a=1&a=2'))
print(parse_qsl(''), parse_qs(''), parse_qsl('&&a=1&&'))
for args, kw in [(('a',), {'strict_parsing': True}),
                 (('a=1&b=2&c=3',), {'max_num_fields': 2}),
                 (('a=1',), {'separator': ''})]:
    try:
        parse_qsl(*args, **kw)
    except ValueError as e:
        print('ValueError:', e)

print(quote('/a b/c?d=é&f'), quote('/a b', safe=''), quote('a+b c', safe='+'))
print(quote('~_.-'), quote(b'\xff\x00a'), quote('é', encoding='latin-1'))
print(quote('€', encoding='ascii', errors='xmlcharrefreplace'), quote(''))
print(quote_plus('a b&c=d/e'), quote_plus('a b', safe='/'), quote_plus(b'x y'))
print(quote_from_bytes(b'a&\xef'), quote_from_bytes(b''), quote_from_bytes(b'abc'))
print(quote_from_bytes(b'a/b c', safe=b'/ '))
for bad in [lambda: quote(b'x', encoding='utf-8'),
            lambda: quote(b'x', errors='strict'),
            lambda: quote_from_bytes('abc')]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
print(unquote('%7Ea%20b%C3%A9'), unquote('%zz%4'), unquote('%C3'), unquote('abc'))
print(unquote('%E9', encoding='latin-1'), unquote(b'%41%42'), unquote('%C3x%A9'))
print(unquote_plus('a+b%2Bc'), unquote_to_bytes('a%20b%ff'), unquote_to_bytes(b'%4'))
print(unquote_to_bytes(''), unquote_to_bytes('é%41'), repr(unquote('')))

print(urlencode({'a': 1, 'b': 'x y', 'c': 'é'}))
print(urlencode([('a', [1, 2]), ('b', 'z')], doseq=True))
print(urlencode([('a', [1, 2])]), urlencode({'k': b'\xff v'}))
print(urlencode({'p': '/x y'}, safe='/'), urlencode({'p': '/x y'}, quote_via=quote))
print(urlencode({'e': 'é'}, encoding='latin-1'), urlencode({}), urlencode([]))
print(urlencode({'a': (1, 'two')}, doseq=True), urlencode({'a': 5}, doseq=True))
try:
    urlencode('abc')
except TypeError as e:
    print('TypeError:', e)
