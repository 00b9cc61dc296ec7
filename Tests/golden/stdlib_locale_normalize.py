# locale.normalize() over the generated alias table (X.Org locale.alias,
# glibc's supported locales and CPython's own entries).
import locale

names = [
    'en_US', 'C', 'c', 'POSIX', 'de', 'de_DE', 'ja_JP.eucjp', 'ja_jp.SJIS',
    'en_US.utf8', 'en_US.UTF-8', 'en_us.iso88591', 'en_GB:iso8859-1',
    'de_DE@euro', 'de_AT.utf8@euro', 'fr_FR.ISO8859-1@euro', 'en_US.UTF-8@euro',
    'sr_RS@latin', 'uz_UZ@cyrillic', 'ca_ES@valencia',
    'be_BY@latin', 'ks_in@devanagari.utf8', 'zh_CN.gb18030', 'zh', 'zh_TW',
    'zh_HK', 'ru_RU.koi8r', 'ru_UA', 'az', 'a3',
    'hy_am.armscii8', 'no', 'no_NO', 'nb_NO', 'iw', 'iw_IL.utf8', 'in',
    'sh', 'sh_hr', 'sr_yu', 'eo', 'eo.utf8', 'english', 'american', 'german',
    'french', 'japanese', 'korean', 'bokm\u00e5l', 'fran\u00e7ais',
    'universal', 'univ', 'C.UTF-8', 'c.utf8', 'en_IN', 'th_TH', 'tr_TR',
    'pt_BR', 'es_MX', 'ar_EG', 'he_IL', 'fa_IR', 'hi_IN', 'ko_KR.euc',
    'xx_YY', 'xx_YY.utf8', 'xx', '', 'en_US.ISO8859-15', 'eu_fr@euro',
    'tt_RU@iqtelif', 'nl_BE@euro', 'az_AZ.iso88599e', 'en_US.iso885915@euro',
    'sd', 'yi', 'ckb_IQ', 'ber_MA',
]
for name in names:
    print(repr(name), '->', repr(locale.normalize(name)))

print(len(locale.locale_alias) > 500, locale.locale_alias['c'])
print(locale._parse_localename('de_DE@euro'), locale._parse_localename('en_US.UTF-8'))
print(locale._build_localename(('de_DE', 'ISO8859-15')))
