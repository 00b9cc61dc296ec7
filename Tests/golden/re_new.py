# Behaviour added after Python 3.11: \z (3.14), \B on an empty string
# (3.14), PatternError (3.13), positional count/maxsplit deprecated (3.13),
# stricter group names (3.12).
import re, warnings

print(re.search(r'a\z', 'ba'), re.search(r'a\z', 'a\n'), re.search(r'a\Z', 'a\n'))
print(re.findall(r'\z', 'ab'), re.search(r'(?m)a\z', 'a\nb\na'))
print(re.search(r'\B', ''), re.fullmatch(r'\B', ''), re.search(r'\b', ''))
print(re.findall(r'\B', 'ab'), re.sub(r'\B', '-', 'abc'))

print(re.PatternError is re.error, re.PatternError.__name__, re.PatternError.__module__)
try:
    re.compile('(')
except re.PatternError as e:
    print(type(e).__name__, e)
print('PatternError' in re.__all__, hasattr(re, 'template'))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    print(re.sub('a', 'b', 'aaa', 2), re.subn('a', 'b', 'aaa', 1), re.split(',', 'a,b,c', 1))
    print(re.sub('A', 'b', 'aaa', 1, re.I))
    print(re.sub('a', 'b', 'aaa', count=2), re.split(',', 'a,b,c', maxsplit=1))
for w in caught:
    print(w.category.__name__, w.message)
for call in [lambda: re.sub('a', 'b', 'a', 1, count=1), lambda: re.split(',', 'a', 1, maxsplit=1),
             lambda: re.sub('a', 'b', 'a', 1, 0, 0)]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            call()
    except TypeError as e:
        print('TypeError:', e)

for pattern in ['(?P<\uff11>x)', '(?P<a\u0661>x)', '(?P<\u00e9t\u00e9>x)', '(?P<_1>x)']:
    try:
        print(re.compile(pattern).groupindex)
    except re.error as e:
        print('error:', e)
for template in ['\\g<\uff10>', r'\g<0>', r'\g<00>', r'\g<+1>']:
    try:
        print(re.sub('(x)', template, 'x'))
    except re.error as e:
        print('error:', e)

for cls in (re.Pattern, re.Match):
    try:
        class Sub(cls):
            pass
        print('subclassed', cls)
    except TypeError as e:
        print('TypeError:', e)
