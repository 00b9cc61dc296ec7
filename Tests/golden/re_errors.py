# re.error messages, positions, line and column numbers.
import re

PATTERNS = [
    '(', 'a)', '*', 'a**', '\\q', '\\', '[a', '[z-a]', '(?<x', '(?x', '(?P<',
    '(?P<1a>x)', '(?P<a>x)(?P<a>y)', '(?P=x)', '(a\\1)', '\\2', 'a{3,2}', '(?',
    '(?i', '(?z)', '(?-)', '(?-i)', '(?i-i:a)', '(?L)a', '(?au)a', 'a(?i)', '(?#abc',
    '\\777', '\\x0', '\\u12', '\\U0011', '\\N{foo}', '\\N', '\\N{', '(?(1)a|b|c)', '(?(x)a)',
    '(?(1a)a)', '(?P=1a)', '[\\A]', '[\\8]', '(?-a:x)', 'x{2}{3}', '(?P<a>', '(?P>a)',
    'a\n(', '\\8', '\\11', '[]', '[^]', '(?P', '(?<a>b)', 'a|*', '(?:', '^*',
    '\\b*', '(?(1', '(?(1)', '\\g<1>', '[a-\\d]', '[\\d-z]', '\\c', '(?iz)',
    '(?i-z:a)', '(?<', '(?P<a', '(?P=', '(?P=a', '(?i)a|(?m)b', '[\\w-a]',
    'a\nb\n  (?P<1>x)', '(?x)\n  a\n  )', '(?<=a*)', '(?<=a|bc)', '(?<!a+)b',
    'a{1,2}{3}', 'a*??', '(?(2)a)(b)', '(?(2)a)', '(?(0)a)', '(?P<a-b>x)',
    '(?<=(a)\\1)', '(?<=(?P<x>a)(?P=x))', '(a)(?<=\\1)', '(?<=(a)(?<=\\1))',
    '(?<=(a)|b)', '(?<=a{2})', '(?<=a{1,2})', '(?<!(?:ab){2}c)',
]
for pattern in PATTERNS:
    try:
        re.compile(pattern)
        print(repr(pattern), 'compiled')
    except re.error as e:
        print(repr(pattern), '|', e.msg, '|', e.pos, e.lineno, e.colno,
              e.pattern == pattern or e.pattern, '|', e)
for pattern in [b'\\u1234', b'\\N{DIGIT ONE}', b'(?u)a', b'(?P<\xe9>a)']:
    try:
        re.compile(pattern)
        print(repr(pattern), 'compiled')
    except re.error as e:
        print(repr(pattern), '|', e)

for pattern, flags in [('a', re.L), ('a', re.A | re.U), (b'a', re.U), (b'a', re.A | re.L)]:
    try:
        re.compile(pattern, flags)
    except ValueError as e:
        print('ValueError:', e)

for template in [r'\g<x>', r'\g<5>', r'\g<a', r'\g', r'\g<>', r'\5', r'\q',
                 r'\g<1a>', r'\777', r'\g<-1>', '\\']:
    try:
        print(repr(re.sub('(a)', template, 'xa')))
    except re.error as e:
        print(repr(template), '| re.error |', e)
    except IndexError as e:
        print(repr(template), '| IndexError |', e)

err = re.error('custom', 'ab\ncd', 4)
print(err, err.msg, err.pos, err.lineno, err.colno)
err = re.error('plain')
print(err, err.pattern, err.pos, err.lineno, err.colno)
print(issubclass(re.error, Exception))
