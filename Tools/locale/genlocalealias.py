# Generate Lib/_localealias.py, the table behind locale.normalize(), from
# the X.Org locale.alias file and glibc's list of supported locales, then
# apply OVERRIDES (names the two sources lack or spell differently from
# what locale.normalize() is documented to return on CPython).
# Usage: genlocalealias.py Lib/_localealias.py
import re
import sys

X11_ALIASES = "/usr/share/X11/locale/locale.alias"
GLIBC_SUPPORTED = "/usr/share/i18n/SUPPORTED"

# glibc's encoding names -> the spelling locale names use.
GLIBC_ENCODINGS = {
    "EUC-JP": "eucJP", "EUC-KR": "eucKR", "EUC-TW": "eucTW",
    "GB2312": "gb2312", "BIG5": "big5", "BIG5-HKSCS": "big5-hkscs",
    "GB18030": "gb18030", "TIS-620": "TIS620", "ARMSCII-8": "ARMSCII_8",
    "TCVN5712-1": "TCVN",
}


def lookup_key(name):
    """The key locale.normalize() looks a name up by."""
    code, _, modifier = name.lower().replace(":", ".").partition("@")
    language, _, encoding = code.partition(".")
    if encoding:
        language += "." + encoding.replace("-", "").replace("_", "")
    return language + ("@" + modifier if modifier else "")


def locale_encoding(encoding):
    match = re.match(r"ISO-8859-(\d+)$", encoding.upper())
    if match:
        return "ISO8859-" + match.group(1)
    return GLIBC_ENCODINGS.get(encoding.upper(), encoding)


def without_euro(name):
    """The euro modifier only selects ISO 8859-15: once the name says
    so, normalize() leaves it out."""
    if name.endswith(".ISO8859-15@euro"):
        return name[:-len("@euro")]
    return name


def read_x11(table):
    with open(X11_ALIASES, encoding="utf-8", errors="replace") as f:
        for line in f:
            fields = line.split("#", 1)[0].split()
            if len(fields) != 2 or "\ufffd" in line:
                continue
            table[lookup_key(fields[0].rstrip(":"))] = without_euro(fields[1])


def read_glibc(table):
    """Locales glibc supports that X.Org does not name, without an
    explicit encoding in their name."""
    with open(GLIBC_SUPPORTED) as f:
        for line in f:
            fields = line.split()
            if len(fields) != 2 or "." in fields[0]:
                continue
            language, _, modifier = fields[0].partition("@")
            name = language + "." + locale_encoding(fields[1])
            if modifier:
                name += "@" + modifier
            table.setdefault(lookup_key(fields[0]), without_euro(name))


# CPython's own entries, kept where the two sources do not name the
# locale: old names (iw, in, sh, sr_yu, ...), English and native-language
# names; 'c.utf8' is C.UTF-8 (not en_US.UTF-8) since CPython 3.12 and
# 'univ'/'universal' name en_US.UTF-8.
OVERRIDES = {
    'american': 'en_US.ISO8859-1',
    'arabic': 'ar_AA.ISO8859-6',
    'be_bg.utf8': 'bg_BG.UTF-8',
    'bhb_in.utf8': 'bhb_IN.UTF-8',
    'c': 'C',
    'c-french': 'fr_CA.ISO8859-1',
    'c.utf8': 'C.UTF-8',
    'c_c': 'C',
    'cz': 'cs_CZ.ISO8859-2',
    'cz_cz': 'cs_CZ.ISO8859-2',
    'en_sc.utf8': 'en_SC.UTF-8',
    'en_us@euro@euro': 'en_US.ISO8859-15',
    'eng_gb': 'en_GB.ISO8859-1',
    'english': 'en_EN.ISO8859-1',
    'english_uk': 'en_GB.ISO8859-1',
    'english_united-states': 'en_US.ISO8859-1',
    'english_us': 'en_US.ISO8859-1',
    'eo.utf8': 'eo.UTF-8',
    'eo_eo': 'eo_EO.ISO8859-3',
    'eo_us.utf8': 'eo_US.UTF-8',
    'français': 'fr_FR.ISO8859-1',
    'fre_fr': 'fr_FR.ISO8859-1',
    'french_france': 'fr_FR.ISO8859-1',
    'ger_de': 'de_DE.ISO8859-1',
    'german_germany': 'de_DE.ISO8859-1',
    'hy_am.armscii8': 'hy_AM.ARMSCII_8',
    'id': 'id_ID.ISO8859-1',
    'in': 'id_ID.ISO8859-1',
    'in_id': 'id_ID.ISO8859-1',
    'iso-8859-15': 'en_US.ISO8859-15',
    'iso8859-15': 'en_US.ISO8859-15',
    'iw': 'he_IL.ISO8859-8',
    'iw_il': 'he_IL.ISO8859-8',
    'iw_il.utf8': 'iw_IL.UTF-8',
    'jp_jp': 'ja_JP.eucJP',
    'ks_in@devanagari.utf8': 'ks_IN.UTF-8@devanagari',
    'no': 'no_NO.ISO8859-1',
    'no@nynorsk': 'ny_NO.ISO8859-1',
    'no_no': 'no_NO.ISO8859-1',
    'no_no.iso88591@bokmal': 'no_NO.ISO8859-1',
    'no_no.iso88591@nynorsk': 'no_NO.ISO8859-1',
    'norwegian': 'no_NO.ISO8859-1',
    'ny': 'ny_NO.ISO8859-1',
    'ny_no': 'ny_NO.ISO8859-1',
    'pap_an': 'pap_AN.UTF-8',
    'portuguese_brazil': 'pt_BR.ISO8859-1',
    'sd_in@devanagari.utf8': 'sd_IN.UTF-8@devanagari',
    'sd_pk': 'sd_PK.UTF-8',
    'sh': 'sr_RS.UTF-8@latin',
    'sh_ba.iso88592@bosnia': 'sr_CS.ISO8859-2',
    'sh_hr': 'sh_HR.ISO8859-2',
    'sh_hr.iso88592': 'hr_HR.ISO8859-2',
    'sh_sp': 'sr_CS.ISO8859-2',
    'sh_yu': 'sr_RS.UTF-8@latin',
    'sl_cs': 'sl_CS.ISO8859-2',
    'sp': 'sr_CS.ISO8859-5',
    'sp_yu': 'sr_CS.ISO8859-5',
    'spanish_spain': 'es_ES.ISO8859-1',
    'sr_cs': 'sr_CS.UTF-8',
    'sr_cs.iso88592@latn': 'sr_CS.ISO8859-2',
    'sr_cs@latn': 'sr_CS.UTF-8@latin',
    'sr_sp': 'sr_CS.ISO8859-2',
    'sr_yu': 'sr_RS.UTF-8@latin',
    'sr_yu.cp1251@cyrillic': 'sr_CS.CP1251',
    'sr_yu.iso88592': 'sr_CS.ISO8859-2',
    'sr_yu.iso88595': 'sr_CS.ISO8859-5',
    'sr_yu.iso88595@cyrillic': 'sr_CS.ISO8859-5',
    'sr_yu.microsoftcp1251@cyrillic': 'sr_CS.CP1251',
    'sr_yu.utf8': 'sr_RS.UTF-8',
    'sr_yu.utf8@cyrillic': 'sr_RS.UTF-8',
    'sr_yu@cyrillic': 'sr_RS.UTF-8',
    'tcy_in.utf8': 'tcy_IN.UTF-8',
    'univ': 'en_US.UTF-8',
    'universal': 'en_US.UTF-8',
    'zh': 'zh_CN.eucCN',
}

def main(path):
    table = {}
    read_x11(table)
    read_glibc(table)
    table.update(OVERRIDES)
    with open(path, "w", encoding="utf-8") as f:
        f.write('"""The locale alias table of locale.normalize().\n\n'
                'Generated by Tools/locale/genlocalealias.py from the X.Org\n'
                'locale.alias file and glibc\'s supported locales.\n"""\n\n'
                'locale_alias = {\n')
        for key in sorted(table):
            f.write("    %r: %r,\n" % (key, table[key]))
        f.write("}\n")


if __name__ == "__main__":
    main(sys.argv[1])
