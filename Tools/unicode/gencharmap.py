# Generate Lib/encodings/<name>.py charmap codecs from glibc's charmap files,
# and check each table against the host python3's codec of the same name.
import gzip, re, sys, codecs as hostcodecs

SPECS = [
    # module, glibc file, description
    ("cp1252", "CP1252", "Windows Latin-1 (Western European)"),
    ("cp1250", "CP1250", "Windows Central European"),
    ("cp1251", "CP1251", "Windows Cyrillic"),
    ("cp1253", "CP1253", "Windows Greek"),
    ("cp1254", "CP1254", "Windows Turkish"),
    ("cp1255", "CP1255", "Windows Hebrew"),
    ("cp1256", "CP1256", "Windows Arabic"),
    ("cp1257", "CP1257", "Windows Baltic"),
    ("cp1258", "CP1258", "Windows Vietnamese"),
    ("cp437", "IBM437", "IBM PC (DOS United States)"),
    ("cp850", "IBM850", "IBM PC (DOS Western European)"),
    ("cp866", "IBM866", "IBM PC (DOS Cyrillic Russian)"),
    ("koi8_r", "KOI8-R", "KOI8-R (Russian)"),
    ("koi8_u", "KOI8-U", "KOI8-U (Ukrainian)"),
    ("mac_roman", "MACINTOSH", "Mac OS Roman"),
] + [("iso8859_%d" % n, "ISO-8859-%d" % n, "ISO 8859-%d" % n)
     for n in (2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16)]

LINE = re.compile(r"^<U([0-9A-Fa-f]+)>\s+/x([0-9a-fA-F]{2})\s")

# Where Apple's own table (ROMAN.TXT) differs from glibc's MACINTOSH:
# 0xC6 is INCREMENT and 0xF0 the Apple logo in the private use area.
OVERRIDES = {"MACINTOSH": {0xC6: 0x2206, 0xF0: 0xF8FF}}

def glibc_table(fname):
    table = [None] * 256
    for b, cp in OVERRIDES.get(fname, {}).items():
        table[b] = cp
    with gzip.open("/usr/share/i18n/charmaps/%s.gz" % fname, "rt", encoding="latin-1") as f:
        for line in f:
            m = LINE.match(line)
            if m and int(m.group(2), 16) not in OVERRIDES.get(fname, {}):
                table[int(m.group(2), 16)] = int(m.group(1), 16)
    return table

def host_table(name):
    table = []
    for b in range(256):
        try:
            s = bytes([b]).decode(name)
            table.append(ord(s) if len(s) == 1 else None)
        except UnicodeDecodeError:
            table.append(None)
    return table

def literal(table):
    out = []
    for row in range(16):
        chunk = ""
        for b in range(row * 16, row * 16 + 16):
            cp = table[b]
            if cp is None:
                cp = 0xFFFE
            if cp < 0x80 and (0x20 <= cp < 0x7f) and chr(cp) not in "'\\":
                chunk += chr(cp)
            elif cp < 0x100:
                chunk += "\\x%02x" % cp
            else:
                chunk += "\\u%04x" % cp
        out.append("    '%s'  # 0x%02X-0x%02X" % (chunk, row * 16, row * 16 + 15))
    return "\n".join(out)

TEMPLATE = '''""" Python Character Mapping Codec {module}: {desc}.

Generated (Tools script gencharmap.py, see the codecs report) from the
glibc locale charmap {fname}{note}; undefined bytes map to U+FFFE.
"""

import codecs


class Codec(codecs.Codec):

    def encode(self, input, errors='strict'):
        return codecs.charmap_encode(input, errors, encoding_table)

    def decode(self, input, errors='strict'):
        return codecs.charmap_decode(input, errors, decoding_table)


class IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        return codecs.charmap_encode(input, self.errors, encoding_table)[0]


class IncrementalDecoder(codecs.IncrementalDecoder):
    def decode(self, input, final=False):
        return codecs.charmap_decode(input, self.errors, decoding_table)[0]


class StreamWriter(Codec, codecs.StreamWriter):
    pass


class StreamReader(Codec, codecs.StreamReader):
    pass


def getregentry():
    return codecs.CodecInfo(
        name={name!r},
        encode=Codec().encode,
        decode=Codec().decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamreader=StreamReader,
        streamwriter=StreamWriter,
    )


# byte value -> character
decoding_table = (
{table}
)

# character -> byte value
encoding_table = codecs.charmap_build(decoding_table)
'''

outdir = sys.argv[1]
for module, fname, desc in SPECS:
    g = glibc_table(fname)
    h = host_table(module)
    if g != h:
        diffs = [(b, g[b], h[b]) for b in range(256) if g[b] != h[b]]
        print("MISMATCH", module, [(hex(b), x and hex(x), y and hex(y)) for b, x, y in diffs[:8]], len(diffs))
        continue
    name = hostcodecs.lookup(module).name
    with open("%s/%s.py" % (outdir, module), "w") as f:
        f.write(TEMPLATE.format(module=module, desc=desc, fname=fname, name=name, table=literal(g),
                                note=" (with Apple's values for 0xC6 and 0xF0)" if fname in OVERRIDES else ""))
    print("ok", module, name)
