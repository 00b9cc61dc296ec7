# str and bytes patterns, Unicode classes, ASCII/LOCALE, case-insensitive
# matching with Unicode simple case folding.
import re

def hexes(found):
    return ' '.join('%x' % ord(c) for c in found)

text = ''.join(chr(i) for i in range(0x600))
print('\\w', len(re.findall(r'\w', text)), '(?a)\\w', len(re.findall(r'(?a)\w', text)))
print('\\d', hexes(re.findall(r'\d', text + '\u0660\u0669\u06f5\u0966\uff11')))
print('\\s', hexes(re.findall(r'\s', text + '\u2003\u3000\u2028')))
print('(?a)\\s', hexes(re.findall(r'(?a)\s', text)))
print('\\W\\D\\S', len(re.findall(r'\W', text)), len(re.findall(r'\D', text)), len(re.findall(r'\S', text)))
print(re.findall(r'\w+', 'héllo wörld 名前 Ωmega x²'))
print(re.findall(r'(?a)\w+', 'héllo wörld'))
print(re.findall(r'\b\w', 'ﬁsh ßtraße αβγ'))
print(re.findall(r'[^\W\d_]+', 'abc_12déf'))

print('-- ignorecase')
for pattern, string in [
    ('(?i)s', 'ſSs'), ('(?i)ſ', 'sSſ'), ('(?i)k', 'kK\u212a'), ('(?i)\u212a', 'kK'),
    ('(?i)µ', 'µΜμ'), ('(?i)μ', 'µ'), ('(?i)i', 'iIİı'), ('(?i)ı', 'iIİı'),
    ('(?i)ǅ', 'ǄǅǆA'), ('(?i)σ', 'Σσς'), ('(?i)ß', 'ßẞSS'), ('(?i)straße', 'STRASSE STRAẞE'),
    ('(?i)[a-z]+', 'HeLLo\u212a\u017fİı'), ('(?i)[A-Z0-9]+', '\u0130\u0131\u017f\u212a'),
    ('(?i)[^k]', '\u212aKkx'), ('(?i)[\u017f]', 'sS'), ('(?i)[k-m]', 'K\u212aL'),
    ('(?i)[α-ω]+', 'ΑΒΓ'), ('(?i)\u0390', '\u1fd3'), ('(?ia)k', 'kK\u212a'),
    ('(?ia)[a-z]+', 'abcSſK\u212a'), ('(?i)é', 'É'), ('(?ia)é', 'É'), ('(?i)[é]', 'É'),
    ('(?i)(a)\\1', 'aA'), ('(?i)(σ)\\1', 'σΣς'), ('(?i)Ab', 'aB AB ab'),
]:
    print(pattern, repr(string), re.findall(pattern, string))
print(re.match('a', 'A', re.I), re.match('a', 'A', re.IGNORECASE | re.ASCII))
print(re.search('(?i:a)B', 'AB'), re.search('(?i:a)B', 'Ab'))

print('-- bytes')
b = bytes(range(256))
print(re.findall(rb'\w', b))
print(re.findall(rb'\s', b), re.findall(rb'\d', b))
print(re.findall(rb'(?i)[a-z]', b'abcXYZ\xc9\xe9'), re.findall(rb'(?i)\xe9', b'\xc9\xe9'))
print(re.findall(rb'(?i)k', b'kK'), re.findall(rb'[\x80-\xff]+', b'a\x80\xffb'))
print(re.match(rb'\x41\101', b'AA'), re.match(rb'.', b'\n'), re.match(rb'(?s).', b'\n'))
print(re.sub(rb'(\w+)', rb'<\1>', b'ab cd'), re.split(rb'\s', b'a b'))
print(re.compile(rb'(?L)\w').flags, re.compile(rb'\w', re.L).flags, re.compile(rb'(?a)x').flags)
print(re.findall(rb'(?L)\w+', b'ab_1 cd'))
print(re.match(b'\\w+', memoryview(b'abc def')).group(), re.match(b'\\w+', bytearray(b'xy z')).group())

print('-- str/bytes mixing')
for pattern, string in [('a', b'a'), (b'a', 'a'), ('a', bytearray(b'a')), (b'a', 5), ('a', 5)]:
    try:
        re.search(pattern, string)
    except TypeError as e:
        print('TypeError:', e)
for repl in [b'x', 'x']:
    try:
        print(re.sub('a' if isinstance(repl, str) else b'a', repl, 'abc' if isinstance(repl, str) else b'abc'))
    except TypeError as e:
        print('TypeError:', e)

print('-- wide characters')
print(re.findall('[\U0001F600-\U0001F64F]+', 'hi \U0001F600\U0001F601 there \U0001F64F'))
print(re.search('\U0001F600(.)', 'x\U0001F600\u00e9').span(), re.match('.{3}', '\U0001F600ab\u4e00').group())
print(re.sub('(?<=\u4e00)x', 'y', '\u4e00x ax'), re.findall(r'\w', '\u4e00\U00020000'))
