# locale: setlocale/getlocale, localeconv, nl_langinfo, strcoll/strxfrm,
# normalize, errors, and setlocale from several threads.
import locale
import threading

print(locale.setlocale(locale.LC_ALL, 'C'))
print(locale.setlocale(locale.LC_NUMERIC), locale.getlocale(), locale.getlocale(locale.LC_TIME))
print(locale.setlocale(locale.LC_CTYPE, 'C.UTF-8'))
print(locale.getlocale(), locale.getencoding(),
      locale.getpreferredencoding(False).lower().replace('-', ''))  # UTF-8 mode or not
print(locale.setlocale(locale.LC_ALL, ('C', 'UTF-8')), locale.getlocale(locale.LC_COLLATE))
print(locale.setlocale(locale.LC_ALL, (None, None)), locale.getlocale())
print(locale.setlocale(locale.LC_ALL, 'POSIX'), locale.getlocale())
print(locale.setlocale(locale.LC_ALL, None) == locale.setlocale(locale.LC_ALL))

print('-- errors')
for args in ((locale.LC_ALL, 'no_SUCH.locale'), (locale.LC_ALL, ('xx', 'yy')),
             (12345,), (locale.LC_ALL, 1), (locale.LC_ALL, ('a', 'b', 'c')),
             (locale.LC_ALL, 'C\0'), ('LC_ALL',)):
    try:
        locale.setlocale(*args)
    except (locale.Error, TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(issubclass(locale.Error, Exception), locale.Error.__module__, locale.Error.__name__)
locale.setlocale(locale.LC_ALL, 'C')
try:
    locale.nl_langinfo(-424242)
except ValueError as e:
    print('ValueError:', e)
try:
    locale.nl_langinfo('x')
except TypeError:
    print('TypeError for a str key')
for bad in (lambda: locale.strcoll('a', 1), lambda: locale.strxfrm(b'x'),
            lambda: locale.strcoll('a\0b', 'a')):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__)

print('-- localeconv in C')
conv = locale.localeconv()
for key in sorted(conv):
    print(' ', key, repr(conv[key]))
print(locale.CHAR_MAX)

print('-- nl_langinfo in C')
for name in ('CODESET', 'D_T_FMT', 'D_FMT', 'T_FMT', 'T_FMT_AMPM', 'AM_STR',
             'PM_STR', 'DAY_1', 'DAY_7', 'ABDAY_2', 'MON_1', 'MON_12',
             'ABMON_6', 'RADIXCHAR', 'THOUSEP', 'YESEXPR', 'NOEXPR', 'CRNCYSTR',
             'ERA'):
    print(' ', name, repr(locale.nl_langinfo(getattr(locale, name))))

print('-- collation in C')
words = ['beta', 'Alpha', 'alpha', 'Beta', '_x', 'é', 'z']
print(sorted(words, key=locale.strxfrm))
print(sorted(words, key=__import__('functools').cmp_to_key(locale.strcoll)))
print(locale.strcoll('a', 'a'), locale.strcoll('a', 'b') < 0, locale.strcoll('b', 'a') > 0)
print(locale.strxfrm(''), locale.strxfrm('abc'))

print('-- normalize and getlocale parsing')
for name in ('en', 'en_US', 'en_US.utf8', 'de_DE@euro', 'fr_FR.ISO-8859-1', 'ja_JP.eucjp',
             'C', 'posix', 'C.UTF-8', 'xx_YY', 'xx_YY.utf8', 'de_DE.UTF-8@euro',
             'nl_BE@euro', 'sr@latin', 'english', 'en_US:UTF-8', 'ru_RU.KOI8-R',
             'pt_BR.latin1', 'es_MX.utf8@foo'):
    print(' ', name, locale.normalize(name))
print(locale._parse_localename('de_DE@euro'), locale._parse_localename('en_US.UTF-8'))
try:
    locale._parse_localename('xx_YY')
except ValueError as e:
    print('ValueError:', e)

print('-- threads calling setlocale and localeconv at once')
errors = []
def worker(n):
    try:
        for _ in range(200):
            locale.setlocale(locale.LC_NUMERIC, 'C' if n % 2 else 'C.UTF-8')
            if locale.localeconv()['decimal_point'] != '.':
                errors.append('bad point')
            locale.setlocale(locale.LC_NUMERIC)
    except Exception as e:
        errors.append(repr(e))
threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(errors)
locale.setlocale(locale.LC_ALL, 'C')
print(sorted(n for n in locale.__all__ if not n.startswith('LC_')))
import os
saved = {k: os.environ.pop(k, None) for k in ('LC_ALL', 'LC_CTYPE', 'LANG', 'LANGUAGE')}
print(locale.getdefaultlocale())
os.environ['LANGUAGE'] = 'fr_CA:en'
print(locale.getdefaultlocale())
os.environ['LANG'] = 'de_DE@euro'
print(locale.getdefaultlocale(), locale.getdefaultlocale(('LANGUAGE',)))
os.environ['LC_ALL'] = 'C.UTF-8'
print(locale.getdefaultlocale())
for k, v in saved.items():
    os.environ.pop(k, None)
    if v is not None:
        os.environ[k] = v
