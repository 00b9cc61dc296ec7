# Generate Lib/encodings/<name>.py charmap codecs from glibc's charmap files
# (/usr/share/i18n/charmaps), checking each table against the host python3's
# codec of the same name.  Usage: gencharmap.py Lib/encodings
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
    ("cp037", "IBM037", "EBCDIC US/Canada"),
    ("cp273", "IBM273", "EBCDIC Germany/Austria"),
    ("cp424", "IBM424", "EBCDIC Hebrew"),
    ("cp500", "IBM500", "EBCDIC International"),
    ("cp875", "IBM875", "EBCDIC Greek"),
    ("cp1026", "IBM1026", "EBCDIC Turkish"),
    ("cp737", "CP737", "IBM PC (DOS Greek)"),
    ("cp775", "CP775", "IBM PC (DOS Baltic)"),
    ("cp852", "IBM852", "IBM PC (DOS Central European)"),
    ("cp855", "IBM855", "IBM PC (DOS Cyrillic)"),
    ("cp856", "IBM856", "IBM PC (Hebrew)"),
    ("cp857", "IBM857", "IBM PC (DOS Turkish)"),
    ("cp858", "IBM858", "IBM PC (DOS Western European with euro)"),
    ("cp860", "IBM860", "IBM PC (DOS Portuguese)"),
    ("cp861", "IBM861", "IBM PC (DOS Icelandic)"),
    ("cp862", "IBM862", "IBM PC (DOS Hebrew)"),
    ("cp863", "IBM863", "IBM PC (DOS Canadian French)"),
    ("cp864", "IBM864", "IBM PC (DOS Arabic)"),
    ("cp865", "IBM865", "IBM PC (DOS Nordic)"),
    ("cp869", "IBM869", "IBM PC (DOS Modern Greek)"),
    ("cp874", "IBM874", "Windows Thai"),
    ("cp1125", "CP1125", "IBM PC (DOS Ukrainian)"),
    ("hp_roman8", "HP-ROMAN8", "HP Roman-8"),
    ("tis_620", "TIS-620", "TIS-620 (Thai)"),
    ("kz1048", "RK1048", "KZ-1048 (Kazakh)"),
    ("ptcp154", "PT154", "PTCP154 (Kazakh)"),
    ("koi8_t", "KOI8-T", "KOI8-T (Tajik)"),
    ("mac_cyrillic", "MAC-CYRILLIC", "Mac OS Cyrillic"),
    ("mac_iceland", "MAC-IS", "Mac OS Icelandic"),
    ("mac_latin2", "MAC-CENTRALEUROPE", "Mac OS Central European"),
] + [("iso8859_%d" % n, "ISO-8859-%d" % n, "ISO 8859-%d" % n)
     for n in (2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16)]

# Code pages glibc has no charmap for: their tables are the vendors'
# (IBM's CP1006/CP1140, Microsoft's CP720, Apple's MAC*.TXT, PalmOS's),
# read through the host python3's codec of the same name.
HOST_SPECS = [
    ("cp1006", "IBM PC (Urdu)"),
    ("cp1140", "EBCDIC US/Canada with euro"),
    ("cp720", "IBM PC (DOS Arabic)"),
    ("mac_arabic", "Mac OS Arabic"),
    ("mac_croatian", "Mac OS Croatian"),
    ("mac_farsi", "Mac OS Farsi"),
    ("mac_greek", "Mac OS Greek"),
    ("mac_romanian", "Mac OS Romanian"),
    ("mac_turkish", "Mac OS Turkish"),
    ("palmos", "PalmOS 3.5"),
]

LINE = re.compile(r"^<U([0-9A-Fa-f]+)>\s+/x([0-9a-fA-F]{2})\s")

# Where the vendor's own published table differs from glibc's charmap.
# MACINTOSH/MAC-IS: Apple's ROMAN.TXT/ICELAND.TXT (0xC6 INCREMENT, 0xF0
# the Apple logo, the euro at 0xDB); EBCDIC and DOS pages: IBM's and
# Microsoft's tables (OVERLINE, SUB for unassigned bytes); TIS-620: the
# C1 controls at 0x80-0x9F, as in the ISO 8859 tables.
OVERRIDES = {
    "MACINTOSH": {0xC6: 0x2206, 0xF0: 0xF8FF},
    "MAC-IS": {0xA0: 0xDD, 0xC6: 0x2206, 0xD0: 0x2013, 0xD1: 0x2014,
               0xD7: 0x25CA, 0xDB: 0x20AC, 0xDC: 0xD0, 0xDD: 0xF0,
               0xE0: 0xFD, 0xF0: 0xF8FF, 0xF6: 0x2C6, 0xF7: 0x2DC},
    "MAC-CYRILLIC": {0xA2: 0x490, 0xFF: 0x20AC},
    "IBM273": {0xBC: 0x203E},
    "IBM424": {0x78: 0x2017, 0x8F: 0xB1},
    "IBM875": {0x6A: 0x7C, 0x74: 0xA0, 0xDC: 0x1A, 0xDD: 0x387, 0xE1: 0x1A,
               0xEC: 0x1A, 0xED: 0x1A, 0xFC: 0x1A, 0xFD: 0x1A},
    "IBM1026": {0x9D: 0xB8, 0xBC: 0xAF},
    "IBM856": {0x1A: 0x1A, 0x1C: 0x1C, 0x7F: 0x7F, 0xEE: 0xAF, 0xFA: 0xB7},
    "TIS-620": {b: b for b in range(0x80, 0xA0)},
}

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

Generated by Tools/unicode/gencharmap.py from the
{source}; undefined bytes map to U+FFFE.
"""

from encodings._charmap_codec import build

# byte value -> character
decoding_table = (
{table}
)

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 encoding_table, getregentry) = build({name!r}, decoding_table)
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
        note = (" (with the vendor's values for %d bytes)" % len(OVERRIDES[fname])
                if fname in OVERRIDES else "")
        f.write(TEMPLATE.format(module=module, desc=desc, name=name, table=literal(g),
                                source="glibc locale charmap " + fname + note))
    print("ok", module, name)

for module, desc in HOST_SPECS:
    name = hostcodecs.lookup(module).name
    with open("%s/%s.py" % (outdir, module), "w") as f:
        f.write(TEMPLATE.format(module=module, desc=desc, name=name,
                                table=literal(host_table(module)),
                                source="vendor's table (no glibc charmap)"))
    print("ok", module, name)
