# tomllib: TOMLDecodeError's 3.14 attributes, str input checks, deep and
# odd documents.
import tomllib

for doc in ['a = 1\nb = [1,\n 2,\n x]', 'k = "v"\n\n[t]\nk2 = tru', 'x = 1 2',
            '[a]\r\nb = 1\r\nb = 2', '']:
    try:
        print(tomllib.loads(doc))
    except tomllib.TOMLDecodeError as e:
        print(f'{e} | msg={e.msg!r} pos={e.pos} lineno={e.lineno} '
              f'colno={e.colno} doc={e.doc!r}')
print(tomllib.TOMLDecodeError.__module__, issubclass(tomllib.TOMLDecodeError, ValueError))
e = tomllib.TOMLDecodeError('Custom', 'ab\ncd', 4)
print(e, e.lineno, e.colno)
for value in (b'a = 1', None, 5):
    try:
        tomllib.loads(value)
    except TypeError as e:
        print('TypeError', e)
deep = 'a = ' + '[' * 40 + ']' * 40
print(len(str(tomllib.loads(deep))))
print(tomllib.loads('a."b.c".d = 1\n[x."y"]\nz = 2\n[[arr]]\n[arr.sub]\nk = 1\n[[arr]]\n'))
print(tomllib.loads("s = '''\n  keep\\n  '''\nt = \"\"\"one\\\n     two\"\"\""))
print(tomllib.loads('n = [0xDEAD, 0o755, 0b1101, -17, +99, 1_000, 3.1415, -0.01, 5e+22, 6.626e-34, -inf, 224_617.445_991]'))
print(sorted(tomllib.__all__))
import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    e = tomllib.TOMLDecodeError('free form')
print(e.args, [w.category.__name__ for w in caught])
