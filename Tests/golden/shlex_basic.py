import shlex
cases = ['a "b c"', "a 'b c' d", r'a\ b c', r'"a \" b"', r"'a \' b", 'x#y z', 'a # comment', '', '  ', r'"\\"', r'a\\b', 'foo="bar baz"', "a'b'c", '"a"\'b\'c', r'"\$x\n"', 'ab;cd|ef']
for c in cases:
    try:
        print(repr(c), shlex.split(c))
    except ValueError as e:
        print(repr(c), 'ValueError', e)
    try:
        print(' c', shlex.split(c, comments=True), shlex.split(c, posix=False))
    except ValueError as e:
        print(' c ValueError', e)
for c in ['"unterminated', "a\\"]:
    try: shlex.split(c)
    except ValueError as e: print('err', e)
for s in ['', 'abc', 'a b', "it's", 'x$y', 'ü', '-f', 'a@b%c+d=e:f,g./h-']:
    print(shlex.quote(s))
print(shlex.join(['a b', "c'd", 'e']))
l = shlex.shlex('a && b || c; (d)', punctuation_chars=True)
print(list(l))
l = shlex.shlex('echo "hi there" ~/x.txt -f=3', posix=True, punctuation_chars=True)
l.whitespace_split = True
print(list(l))
l = shlex.shlex("a = b, c")
print(list(l))
try: shlex.split(None)
except ValueError as e: print(e)
try: shlex.quote(3)
except TypeError as e: print(e)
