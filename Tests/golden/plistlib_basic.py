import plistlib, datetime, io
d = {'s': 'x<y & z', 'i': 5, 'big': 2**63-1, 'huge': 2**64-1, 'neg': -3, 'f': 1.5, 't': True, 'n': False,
     'b': b'\x00\x01binary data here long enough to wrap maybe 0123456789012345678901234567890123456789',
     'l': [1, 'two', [], {}, 1.0, True, 1], 'd': {'z': 1, 'a': 2, 'nested': {'deep': [b'x']}},
     'dt': datetime.datetime(2024, 1, 2, 3, 4, 5), 'uni': 'héllo ☃', 'empty': '', 'long': 'a' * 40}
x = plistlib.dumps(d); print(x.decode())
b = plistlib.dumps(d, fmt=plistlib.FMT_BINARY); print(b.hex())
print(plistlib.loads(b) == d, plistlib.loads(x) == d)
print(plistlib.dumps(plistlib.UID(3), fmt=plistlib.FMT_BINARY).hex(), repr(plistlib.UID(3)))
print(plistlib.loads(plistlib.dumps([plistlib.UID(300), plistlib.UID(70000)], fmt=plistlib.FMT_BINARY)))
print(plistlib.dumps({'b': 1, 'a': 2}, sort_keys=False).decode().split('<dict>')[1])
try: plistlib.dumps({1: 2})
except TypeError as e: print(e)
print(plistlib.dumps({1: 2}, skipkeys=True).decode().count('<key>'))
try: plistlib.dumps('a\x01b')
except ValueError as e: print(e)
try: plistlib.dumps(2**64)
except OverflowError as e: print('OverflowError')
try: plistlib.dumps(object())
except TypeError as e: print(str(e).split(' at ')[0])
try: plistlib.loads(b'garbage')
except plistlib.InvalidFileException as e: print(e)
try: plistlib.loads(b'bplist00garbage')
except plistlib.InvalidFileException as e: print(e)
try: plistlib.loads(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "v">]><plist><string>&e;</string></plist>')
except plistlib.InvalidFileException as e: print(e)
print(plistlib.loads(b'<plist version="1.0"><dict><key>a</key><integer>0x1F</integer><key>d</key><date>2020-05-06T07:08:09Z</date></dict></plist>'))
from collections import OrderedDict
print(type(plistlib.loads(x, dict_type=OrderedDict)).__name__)
buf = io.BytesIO(); plistlib.dump([1, 2], buf, fmt=plistlib.FMT_BINARY); buf.seek(0); print(plistlib.load(buf))
print(plistlib.FMT_XML, plistlib.FMT_BINARY, list(plistlib.PlistFormat))
shared = [1, 2]; print(plistlib.loads(plistlib.dumps([shared, shared], fmt=plistlib.FMT_BINARY)))
print(plistlib.dumps(('tuple', bytearray(b'ba'))).decode().split('<array>')[1])
big = {'k%d' % i: i for i in range(300)}; bb = plistlib.dumps(big, fmt=plistlib.FMT_BINARY); print(len(bb), plistlib.loads(bb) == big)
