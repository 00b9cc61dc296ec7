# Regular expression syntax: each pattern is searched, fully matched and
# scanned with findall; the results are printed.
import re

CASES = [
    (r'a|b', 'xb'), (r'(a|ab)(c|bcd)(d*)', 'abcd'), (r'(a*)*b', 'aaab'),
    (r'(a*)+', 'b'), (r'(a|b)*', 'abba'), (r'(?:(a)|b)*', 'ab'), (r'(a)|b', 'b'),
    (r'x*?y', 'xxy'), (r'a{2,3}', 'aaaa'), (r'a{2,3}?', 'aaaa'), (r'a{,2}', 'aaa'),
    (r'a{2}', 'aaa'), (r'a{', 'a{'), (r'a{1,}b', 'aaab'), (r'(ab){2}', 'ababab'),
    (r'(ab){1,2}?c', 'ababc'), (r'x{}', 'x{}'), (r'x{,}', 'xxx'), (r'x{a}', 'x{a}'),
    (r'^abc$', 'abc\n'), (r'^b', 'a\nb'), (r'(?m)^b$', 'a\nb\nc'), (r'a$', 'a\n'),
    (r'a\Z', 'a\n'), (r'\Aa', 'aa'), (r'(?m)a$', 'a\na'), (r'$', 'ab\n'),
    (r'\bfoo\b', 'a foo b'), (r'\Boo\B', 'foooo'), (r'\b\w', 'ab cd'),
    (r'[^a-c]+', 'abcdef'), (r'[\d\s]+', 'a1 2b'), (r'[a\-z]+', 'a-z'),
    (r'[]a]+', ']a]'), (r'[^]a]+', 'xyz]'), (r'[\w.]+', 'a.b c'), (r'[a-]+', '-a-'),
    (r'[-a]+', '-a-'), (r'[\]]', ']'), (r'[\\]', '\\'), (r'[.*+?]+', '.*+?'),
    (r'(?P<y>\d{4})-(?P<m>\d\d)', 'on 2024-05-06'), (r'(?P<a>x)(?P=a)', 'xx'),
    (r'(a)\1', 'aa'), (r'(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\10', 'abcdefghijj'),
    (r'(?=abc)ab', 'abc'), (r'(?!abc)ab', 'abd'), (r'(?<=a)b', 'ab'),
    (r'(?<!a)b', 'ab cb'), (r'(?<=(a))b', 'ab'), (r'(?<=\d{3})x', '123x'),
    (r'(?<!\d\d)x', '1x'), (r'(?<=ab|cd)x', 'cdx'), (r'(?>a+)b', 'aaab'),
    (r'(?>a+)ab', 'aaab'), (r'a++b', 'aaab'), (r'a++ab', 'aaab'), (r'a*+', 'aaa'),
    (r'(ab)*+c', 'ababc'), (r'(?:ab)?+a', 'aba'), (r'a?+a', 'a'), (r'a{1,2}+a', 'aaa'),
    (r'(?:.|^){2}+', 'a'),
    (r'(a)?(?(1)b|c)', 'ab'), (r'(a)?(?(1)b|c)', 'c'), (r'(?P<q>")?\w+(?(q)")', '"abc"'),
    (r'(a)?(?(1)b)', 'ab'),
    (r'(?i:a)b', 'Ab'), (r'(?i:a)b', 'AB'), (r'(?-i:a)b', 'aB'), (r'(?i)(?-i:a)b', 'aB'),
    (r'(?s).+', 'a\nb'), (r'.+', 'a\nb'), (r'(?s:.)+', 'a\nb'), (r'(?x) a b # comment', 'ab'),
    (r'(?x)[ ]a', ' a'), (r'(?x)a\ b', 'a b'), (r'(?x: a b )c', 'abc'),
    (r'\x41\u0042\U00000043\101\0', 'ABCA\0'), (r'[\x41-\x43]+', 'ABCD'), (r'\n\t\a\f\v\r', '\n\t\a\f\v\r'),
    (r'[\b]', '\b'), (r'\\', '\\'), (r'\.\*\+\?\(\)\[\]\{\}\|\^\$', '.*+?()[]{}|^$'),
    (r'\-\#\&\~\ ', '-#&~ '), (r'(a)(b)?', 'a'), (r'((a)b)', 'ab'), (r'(?:a(b)?)+', 'aba'),
    (r'', ''), (r'a?', ''), (r'$', 'abc'), (r'(|a)+', 'aa'), (r'(a|)+b', 'aab'),
    (r'(?:a|())+', 'aa'), (r'a.c', 'abc'), (r'a.c', 'a\nc'), (r'(a+)+$', 'aaaa'),
    (r'(\w+)\s+\1', 'hello hello'), (r'[^\W\d]+', 'ab12cd'), (r'(?=a)*', 'a'),
    (r'x{0}y', 'y'), (r'(x){0}y', 'y'), (r'(?:x{2})*', 'xxxxx'), (r'(a|bc)*?d', 'abcad'),
    (r'a(?#comment)b', 'ab'), (r'a(?#x)*', 'aaa'), (r'(?:)*', 'x'), (r'(?:^)*a', 'a'),
    (r'\N{LATIN SMALL LETTER A}+', 'baa'), (r'[\N{DIGIT ONE}-\N{DIGIT THREE}]+', '0123'),
    (r'(?i)(a)\1', 'aA'), (r'(?i)[^k]', 'K'), (r'\d+', 'ab123'), (r'\D+', 'ab123'),
    (r'\s+', 'a \t\n b'), (r'\S+', ' ab '), (r'\w+', 'a_1 b'), (r'\W+', 'a, b'),
    (r'(a)|(b)|(c)', 'c'), (r'(?P<first>a)(?P<second>b)?', 'a'), (r'([ab])+', 'abab'),
    (r'a*?', 'aaa'), (r'a+?', 'aaa'), (r'a??b', 'ab'), (r'(ab|a)(bc|c)', 'abc'),
    (r'\0\07\077', '\0\07\077'), (r'[\0-\x1f]+', '\x01\x02a'), (r'(?:a|b)+?c', 'ababc'),
]

for pattern, string in CASES:
    compiled = re.compile(pattern)
    m = compiled.search(string)
    found = m and (m.span(), m.groups(), m.lastindex, m.lastgroup)
    full = compiled.fullmatch(string)
    print(repr(pattern), repr(string), found, full and full.span(),
          compiled.findall(string))
