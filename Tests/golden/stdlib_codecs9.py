# Standard encodings added in session 9 (single-byte tables, cp1140, the
# Mac and PalmOS pages, iso2022_jp_1), their aliases, and ISO-2022
# decoders refusing designations their encoding does not define.
import codecs

for name in ('cp1006', 'cp1140', 'cp720', 'mac_arabic', 'mac_croatian',
             'mac_farsi', 'mac_greek', 'mac_romanian', 'mac_turkish',
             'palmos', 'iso2022_jp_1'):
    print(name, codecs.lookup(name).name)

for alias in ('ibm1140', '1140', 'macgreek', 'macturkish', 'iso_2022_jp_1',
              'iso2022jp_1', 'euc_jis2004', 'x_mac_japanese', 'x_mac_korean',
              'x_mac_simp_chinese', 'x_mac_trad_chinese'):
    print(alias, '->', codecs.lookup(alias).name)

# Known table values (vendor tables).
print(b'\x9f\x5b\xc1'.decode('cp1140'), '\u20ac'.encode('cp1140'))
print(b'\x9f'.decode('cp037') != b'\x9f'.decode('cp1140'))
print(b'\xc1\xc2'.decode('mac_greek'), b'\xe0'.decode('mac_turkish'))
print(b'\xa1\xc8'.decode('cp720'), b'\xc7'.decode('mac_arabic'))
print(b'\xa0\xda'.decode('mac_croatian'), b'\xaf'.decode('mac_romanian'))
print(b'\x80\x8d'.decode('palmos'), b'\xb1'.decode('cp1006'))
for name in ('cp1006', 'cp720', 'mac_greek', 'mac_romanian', 'palmos'):
    table = bytes(range(256)).decode(name)
    roundtrip = table.encode(name).decode(name)
    print(name, len(table), roundtrip == table)
print('\u0628'.encode('mac_farsi'), 'abc'.encode('mac_turkish'))
try:
    '\u4e00'.encode('cp1006')
except UnicodeEncodeError as exc:
    print('UnicodeEncodeError', exc.reason, exc.start, exc.end)

# ISO-2022-JP-1: JIS X 0212 but not the other ISO-2022-JP-2 sets.
text = 'a\u4e00\u4e02b'
data = text.encode('iso2022_jp_1')
print(data, data.decode('iso2022_jp_1') == text)
for bad in ('\u00e9', '\uac00'):
    try:
        bad.encode('iso2022_jp_1')
    except UnicodeEncodeError as exc:
        print('UnicodeEncodeError', exc.encoding, exc.start, exc.end)
print('x\u00e9y'.encode('iso2022_jp_1', 'replace'))

def show(data, enc, errors='strict'):
    try:
        print(enc, data, repr(data.decode(enc, errors)))
    except UnicodeDecodeError as exc:
        print(enc, data, 'UnicodeDecodeError', exc.start, exc.end, exc.reason)

for enc in ('iso2022_jp', 'iso2022_jp_1', 'iso2022_jp_2', 'iso2022_jp_3',
            'iso2022_jp_2004', 'iso2022_kr'):
    show(b'\x1b$Z abc', enc)
    show(b'ab\x1b(Zcd', enc)
    show(b'\x1b$(Q\x21\x21', enc)
    show(b'ab\x1bAcd', enc)
    show(b'a\x1b$', enc)
show(b'ab\x1b(Zcd', 'iso2022_jp', 'replace')
show(b'ab\x1b(Zcd', 'iso2022_jp', 'ignore')
show(b'\x1b$B\x30\x21\x1b(B!', 'iso2022_jp')
show(b'\x1b$(D\x30\x21\x1b(B', 'iso2022_jp_1')
dec = codecs.getincrementaldecoder('iso2022_jp')()
print(repr(dec.decode(b'x\x1b$')), repr(dec.decode(b'B\x30\x21')))
try:
    dec.decode(b'\x1b(Q', final=True)
except UnicodeDecodeError as exc:
    print('incremental', exc.start, exc.end)

# ISO-2022-JP-EXT: the JIS X 0201 katakana set (ESC ( I) added.
for t in ['a\uff71b', '\uff71\u4e00', '\u4e00\uff71\uff9f', '\uff61', 'abc', '', '\uff71\n', '\uff71\u4e02x', 'x\uff9f\uff9fy\uff61']:
    print(repr(t), t.encode('iso2022_jp_ext'), t.encode('iso2022_jp_ext').decode('iso2022_jp_ext') == t)
for d in [b'\x1b(I1\x1b(B', b'\x1b(I1\n2', b'\x1b(I\x60', b'\x1b(I \x21', b'\x1b(I1\x1b$B0!', b'\x1b$A0!', b'\x1b(I1\x1b(Z']:
    try: print(d, repr(d.decode('iso2022_jp_ext')))
    except UnicodeDecodeError as e: print(d, e.start, e.end, e.reason)
for bad in ['\uac00', 'x\u4e00\uac00']:
    try: bad.encode('iso2022_jp_ext')
    except UnicodeEncodeError as e: print(e.start, e.end, e.reason)
d = codecs.getincrementaldecoder('iso2022_jp_ext')()
print(repr(d.decode(b'a\x1b(')), repr(d.decode(b'I12')), repr(d.decode(b'\x1b(Bz', final=True)))
e = codecs.getincrementalencoder('iso2022_jp_ext')()
print(e.encode('a\uff71'), e.encode('\uff72b'), e.encode('\uff73', final=True))
print(codecs.lookup('iso_2022_jp_ext').name, codecs.lookup('iso2022jp_ext').name)
