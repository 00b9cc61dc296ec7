# locale number formatting: format_string, currency, str, localize,
# delocalize, atof, atoi, under the C locale and under locale conventions
# supplied through localeconv overrides (en_US- and de_DE-like).
import locale

locale.setlocale(locale.LC_ALL, 'C')
print('-- C locale')
print(locale.format_string('%d', 1234567, grouping=True))
print(locale.format_string('%.2f', 1234567.891, grouping=True))
print(locale.str(3.14159265358979), locale.str(1e20), locale.str(-0.5))
print(locale.atof('1234.5'), locale.atoi('-42'), locale.delocalize('1234.5'))
print(locale.localize('1234567.25', grouping=True))
try:
    locale.currency(1.5)
except ValueError as e:
    print('ValueError:', e)

US = {
    'decimal_point': '.', 'thousands_sep': ',', 'grouping': [3, 3, 0],
    'mon_decimal_point': '.', 'mon_thousands_sep': ',',
    'mon_grouping': [3, 3, 0], 'currency_symbol': '$',
    'int_curr_symbol': 'USD ', 'positive_sign': '', 'negative_sign': '-',
    'int_frac_digits': 2, 'frac_digits': 2, 'p_cs_precedes': 1,
    'p_sep_by_space': 0, 'n_cs_precedes': 1, 'n_sep_by_space': 0,
    'p_sign_posn': 1, 'n_sign_posn': 1,
}
DE = dict(US, decimal_point=',', thousands_sep='.', grouping=[3, 3, 0],
          mon_decimal_point=',', mon_thousands_sep='.', currency_symbol='€',
          int_curr_symbol='EUR ', p_cs_precedes=0, n_cs_precedes=0,
          p_sep_by_space=1, n_sep_by_space=1)
ODD = dict(US, grouping=[3, 2, locale.CHAR_MAX], thousands_sep=' ',
           n_sign_posn=0, p_sign_posn=2, positive_sign='+')

def show(conv, name):
    locale._override_localeconv.clear()
    locale._override_localeconv.update(conv)
    print('--', name)
    print(locale.format_string('%d', 1234567, grouping=True))
    print(locale.format_string('%d', -1234567, grouping=True))
    print(locale.format_string('%.2f', 1234567.891, grouping=True))
    print(locale.format_string('%.2f', 1234567.891))
    print(repr(locale.format_string('%12.2f|', 1234.5, grouping=True)))
    print(repr(locale.format_string('%-12d|', 123456, grouping=True)))
    print(repr(locale.format_string('%+10d', 1234, grouping=True)))
    print(locale.format_string('%s and %d%% of %x', ('text', 1000, 4096),
                               grouping=True))
    print(locale.format_string('%(a)d / %(b).1f', {'a': 12345, 'b': 6789.25},
                               grouping=True))
    print(locale.format_string('%*.*f', (10, 1, 9876.54), grouping=True))
    print(locale.format_string('%e', 123456.789))
    print(locale.format_string('%g', 1234567.0, grouping=True))
    print(locale.currency(1234567.891))
    print(locale.currency(-1234567.891, grouping=True))
    print(locale.currency(12.5, symbol=False))
    print(locale.currency(1234.5, international=True, grouping=True))
    print(locale.currency(-3, international=True))
    print(locale.str(1234.125))
    print(locale.localize('1234567.125', grouping=True),
          locale.localize('-1234567', grouping=True, monetary=True))
    text = locale.format_string('%.3f', 1234567.125, grouping=True)
    print(text, locale.delocalize(text), locale.atof(text))
    print(locale.atoi(locale.format_string('%d', 987654, grouping=True)))
    print(locale.atof(locale.format_string('%.1f', 2.5), func=repr))

show(US, 'US')
show(DE, 'DE')
show(ODD, 'odd grouping, sign positions')
for pos in (0, 1, 2, 3, 4, locale.CHAR_MAX):
    locale._override_localeconv.update(n_sign_posn=pos, negative_sign='-')
    print(pos, locale.currency(-5), locale.currency(-5, symbol=False))
locale._override_localeconv.clear()

print('-- bad formats')
for f, v in (('%y', 1), ('%d %d', 1), ('%d', 'x')):
    try:
        print(locale.format_string(f, v))
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
locale._override_localeconv['grouping'] = [0]
try:
    locale.format_string('%d', 12345, grouping=True)
except ValueError as e:
    print('ValueError:', e)
locale._override_localeconv.clear()
print(locale.format_string('100%% %s', 'done'))
