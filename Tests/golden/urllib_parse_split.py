from urllib.parse import _splittype, _splithost, _splituser, _splitpasswd, _splitport, _splitnport, _splitquery, _splittag, _splitattr, _splitvalue, _to_bytes, unwrap
for f, args in [(_splittype, ['HTTP://x', '/x', 'a:b:c']), (_splithost, ['//h:1/p', '//h?q', 'p']), (_splituser, ['u:p@h', 'h']), (_splitpasswd, ['u:p', 'u']), (_splitport, ['h:80', 'h:', 'h', '[::1]:8', 'h:x']), (_splitnport, ['h:80', 'h:', 'h', 'h:x']), (_splitquery, ['/p?q', '/p']), (_splittag, ['/p#t', '/p']), (_splitattr, ['/p;a=1;b', '/p']), (_splitvalue, ['a=1', 'a']), (unwrap, ['<URL:http://x>', ' <a> ', 'x'])]:
    print(f.__name__, [f(a) for a in args])
print(_to_bytes('abc'))
try: _to_bytes('é')
except UnicodeError as e: print(e)
