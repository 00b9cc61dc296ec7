import codecs
for t in ['bücher.example', 'www.Python.org', 'münchen.de.', 'ÉCOLE.fr', 'straße.de', 'ﬁ.com', 'пример.испытание', '例え.テスト', 'a\u3002b', 'x' * 63 + '.com']:
    e = t.encode('idna'); print(repr(t), e, repr(e.decode('idna')))
for bad in ['', 'a..b', 'x' * 64 + '.com', 'xn--abc.com'.upper()]:
    try: print(repr(bad), bad.encode('idna'))
    except UnicodeError as ex: print(repr(bad)[:20], 'UnicodeError')
print(b'xn--bcher-kva.example'.decode('idna'), b'XN--BCHER-KVA.example'.decode('idna'))
try: b'xn--bcher-kva\xff'.decode('idna')
except UnicodeError: print('UnicodeError')
enc = codecs.getincrementalencoder('idna')()
print(enc.encode('bücher.'), enc.encode('exam'), enc.encode('ple', final=True))
dec = codecs.getincrementaldecoder('idna')()
print(repr(dec.decode(b'xn--bcher-kva.')), repr(dec.decode(b'example', final=True)))
import encodings.idna as I; print(I.nameprep('ABC\u00adDEF'), I.ToASCII('bücher'), I.ToUnicode(b'xn--bcher-kva'))
