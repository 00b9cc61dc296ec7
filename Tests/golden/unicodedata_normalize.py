import os
import unicodedata as u

samples = ['e\u0301', '\u00e9', '\u1e9b\u0323', '\uac00\u11a8', '\u1100\u1161\u11a8',
           '\ufb01', '\u2460', 'A\u030a', '\u212b', '\u0041\u0328\u0301\u0323',
           'a\u0308\u0301\u0323', '\u0f73', '\u2126', 'x\u0327\u0301\u0308',
           '\u00c5\u0316', '\u1e0b\u0323', '\u0958', '\u3300', '\ufdfa', '',
           'plain ascii', '\u00bd', '\u01c4', '\u2f00', '\U0001d400',
           '\U0002f868', '\U0002f9bf', '\u0344', '\u0301e', '\u1161\u11a8']
for s in samples:
    row = [ascii(s)]
    for form in ('NFC', 'NFD', 'NFKC', 'NFKD'):
        n = u.normalize(form, s)
        row.append(ascii(n))
        assert u.is_normalized(form, n), (form, s)
        row.append('T' if u.is_normalized(form, s) else 'F')
    print(' '.join(row))

s = 'already normal'
print(u.normalize('NFC', s) is s)
for bad in [lambda: u.normalize('NFX', 'a'), lambda: u.is_normalized('nfc', 'a'),
            lambda: u.normalize('NFC', b'a'), lambda: u.normalize(1, 'a'),
            lambda: u.normalize('NFC')]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

print(ascii(u.lookup('LATIN CAPITAL LETTER A WITH MACRON AND GRAVE')),
      ascii(u.lookup('latin small letter e with acute')),
      ascii(u.lookup('BYTE ORDER MARK')), ascii(u.lookup(b'SPACE')),
      ascii(u.lookup('KEYCAP NUMBER SIGN')), ascii(u.lookup('HANGUL SYLLABLE PWILH')),
      ascii(u.lookup('CJK UNIFIED IDEOGRAPH-2A6D6')), ascii(u.lookup('LINE FEED')))
for name in ['XYZZY', 'A' * 300, 'HANGUL SYLLABLE XX', 'CJK UNIFIED IDEOGRAPH-0041',
             'LATIN SMALL LETTER A ', '']:
    try:
        u.lookup(name)
    except KeyError as e:
        print('KeyError', e)
print(u.name('\uac00'), u.name('\ud7a3'), u.name('\u4e00'), u.name('\U00020000'))
print(u.name('\x00', 'none'), u.name('\ue000', 'none'), u.name('\ud800', 'none'))

v = u.ucd_3_2_0
print(type(v).__name__, v.unidata_version, isinstance(v, u.UCD))
print(v.category('\u0221'), u.category('\u0221'), v.bidirectional('\u0221'),
      v.name('\u0221', 'none'), v.decomposition('\u0221'), v.combining('\u0221'))
print(v.category('A'), v.name('A'), v.lookup('LATIN SMALL LETTER A'),
      v.numeric('\u00bd'), v.decimal('7'), v.digit('\u00b9'), v.mirrored('('))
print(ascii(v.normalize('NFC', '\U0002f868')), ascii(u.normalize('NFC', '\U0002f868')))
print(ascii(v.normalize('NFKC', '\ufb01\u00c5')), v.is_normalized('NFC', 'e\u0301'))
for name in ['LATIN CAPITAL LETTER A WITH MACRON AND GRAVE', 'BYTE ORDER MARK',
             'LATIN SMALL LETTER D WITH CURL']:
    try:
        v.lookup(name)
    except KeyError as e:
        print('KeyError', e)
try:
    u.UCD()
except TypeError as e:
    print('TypeError', e)
for arg in [bytearray(b'SPACE'), 5, 'a\x00b']:
    try:
        u.lookup(arg)
    except (TypeError, KeyError) as e:
        print(type(e).__name__, e)
class Sub(str):
    pass
print(type(u.normalize('NFC', Sub('abc'))).__name__, u.normalize('NFD', Sub('\xe9')) == 'e\u0301')
for bad in ['', 'ab', 65]:
    try:
        u.category(bad)
    except TypeError as e:
        print('TypeError', e)
for fn in (u.decimal, u.digit, u.numeric, u.name):
    print(fn('\ue000', 'default'), end=' ')
    try:
        fn('\ue000')
    except ValueError as e:
        print('ValueError', e)

# A sample of the conformance file, when the machine has it.
def conformance_lines():
    base = '/usr/share/unicode/NormalizationTest.txt'
    if os.path.exists(base):
        with open(base, encoding='utf-8') as f:
            return f.read().splitlines()
    try:
        import bz2
        with bz2.open(base + '.bz2', 'rt', encoding='utf-8') as f:
            return f.read().splitlines()
    except (ImportError, OSError):
        return []

failures = 0
for line in conformance_lines()[::23]:
    line = line.split('#')[0].strip()
    if not line or line.startswith('@'):
        continue
    c1, c2, c3, c4, c5 = [''.join(chr(int(x, 16)) for x in f.split())
                          for f in line.split(';')[:5]]
    if not (c2 == u.normalize('NFC', c1) == u.normalize('NFC', c3) and
            c4 == u.normalize('NFC', c4) == u.normalize('NFKC', c1) and
            c3 == u.normalize('NFD', c1) == u.normalize('NFD', c2) and
            c5 == u.normalize('NFKD', c1) == u.normalize('NFKD', c4)):
        failures += 1
        if failures < 5:
            print('conformance failure:', line)
print('conformance failures:', failures)
