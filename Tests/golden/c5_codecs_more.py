# Single-byte codecs added from vendor tables, their aliases, and the
# bytes-to-bytes transform codecs (base64, hex, quopri, uu, zlib, bz2).
import codecs
import hashlib

SINGLE_BYTE = ['cp037', 'cp273', 'cp424', 'cp500', 'cp875', 'cp1026',
               'cp737', 'cp775', 'cp852', 'cp855', 'cp856', 'cp857', 'cp858',
               'cp860', 'cp861', 'cp862', 'cp863', 'cp864', 'cp865', 'cp869',
               'cp874', 'cp1125', 'hp_roman8', 'tis_620', 'kz1048', 'ptcp154',
               'koi8_t', 'mac_cyrillic', 'mac_iceland', 'mac_latin2']

for name in SINGLE_BYTE:
    info = codecs.lookup(name)
    decoded = bytes(range(256)).decode(name, errors='replace')
    ok = [b for b in range(256) if decoded[b] != '\ufffd']
    back = ''.join(decoded[b] for b in ok).encode(name)
    digest = hashlib.sha1(decoded.encode('utf-8', 'surrogatepass')).hexdigest()[:12]
    print(f"{name:13} {info.name:13} defined={len(ok):3} roundtrip={back == bytes(ok)} {digest}")

ALIASES = ['ibm037', 'ebcdic-cp-us', '273', 'ebcdic-cp-he', 'ibm500', '775',
           'ibm852', '855', '857', '858', '860', 'cp-is', '862', '863',
           'ibm864', '865', 'cp-gr', 'ibm1026', 'ruscii', 'roman8', 'r8',
           'rk1048', 'strk1048-2002', 'pt154', 'cyrillic-asian', 'tis620',
           'tis-620-2529-1', 'iso-ir-166', 'maccyrillic', 'maciceland',
           'maccentraleurope', 'base64', 'base_64', 'hex', 'quopri',
           'quoted-printable', 'uu', 'zip', 'zlib', 'bz2']
for alias in ALIASES:
    print(alias, '->', codecs.lookup(alias).name)

try:
    '\u20ac'.encode('cp037')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError:', e)
print('Gr\xfc\xdfe'.encode('cp273'), b'\xc1\x81'.decode('cp500'))

data = b'The quick brown fox\tjumps=over\n' * 3
for name in ['base64_codec', 'hex_codec', 'quopri_codec', 'uu_codec',
             'zlib_codec', 'bz2_codec']:
    enc = codecs.encode(data, name)
    print(name, codecs.lookup(name).name, codecs.decode(enc, name) == data,
          type(enc).__name__)
print(codecs.encode(b'hello world', 'base64'))
print(codecs.encode(b'\x00\xffab', 'hex'), codecs.decode(b'6869', 'hex'))
print(codecs.encode(b'a=b c\t', 'quopri'), codecs.decode(b'a=3Db=20c', 'quopri'))
print(codecs.encode(b'abc', 'uu'))
print(codecs.decode(b'begin 644 f\n#86)C\n \nend\n', 'uu'))
try:
    codecs.decode(b'no begin here', 'uu')
except ValueError as e:
    # 3.12+: the codec's own exception, with a note naming the codec
    print('ValueError:', e, getattr(e, '__notes__', None))

for text_call in (lambda: 'x'.encode('base64'), lambda: b'x'.decode('hex'),
                  lambda: 'x'.encode('zlib_codec')):
    try:
        text_call()
    except LookupError as e:
        print('LookupError:', e)

enc = codecs.getincrementalencoder('zlib')()
parts = [enc.encode(b'abc' * 100), enc.encode(b'def' * 100, final=True)]
dec = codecs.getincrementaldecoder('zlib')()
print(dec.decode(parts[0]) + dec.decode(parts[1], final=True) == b'abc' * 100 + b'def' * 100)
enc = codecs.getincrementalencoder('bz2')()
blob = enc.encode(b'xyz' * 50) + enc.encode(b'', final=True)
dec = codecs.getincrementaldecoder('bz2')()
print(dec.decode(blob[:10]) + dec.decode(blob[10:]) == b'xyz' * 50)
enc = codecs.getincrementalencoder('base64')()
print(enc.encode(b'abc'), enc.encode(b'def', final=True))
