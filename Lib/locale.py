"""The C library's locale support (POSIX locales) plus number
formatting that follows the locale's conventions, and normalize(), which
maps the many spellings of locale names to what setlocale() accepts.

Thread safety: the locale is process-wide.  setlocale() changes it for
every thread at once and, as the C library documents, is not safe to
call while other threads use locale-dependent functions; set the locale
once, early, from the main thread.
"""

import sys
import encodings
import encodings.aliases
import _collections_abc
from builtins import str as _builtin_str
import functools

try:
    from _locale import *
    from _locale import (setlocale as _setlocale, localeconv as _localeconv,
                         getencoding)
except ImportError:
    # Without _locale (a copy imported with it blocked, as CPython's tests
    # do) only the "C" locale exists: the same names, with its values.
    CHAR_MAX = 127
    LC_CTYPE, LC_NUMERIC, LC_TIME, LC_COLLATE = 0, 1, 2, 3
    LC_MONETARY, LC_MESSAGES, LC_ALL = 4, 5, 6
    Error = ValueError

    def _localeconv():
        """The "C" locale's conventions."""
        return {"decimal_point": ".", "thousands_sep": "", "grouping": [],
                "int_curr_symbol": "", "currency_symbol": "",
                "mon_decimal_point": "", "mon_thousands_sep": "",
                "mon_grouping": [], "positive_sign": "", "negative_sign": "",
                "int_frac_digits": CHAR_MAX, "frac_digits": CHAR_MAX,
                "p_cs_precedes": CHAR_MAX, "p_sep_by_space": CHAR_MAX,
                "n_cs_precedes": CHAR_MAX, "n_sep_by_space": CHAR_MAX,
                "p_sign_posn": CHAR_MAX, "n_sign_posn": CHAR_MAX}

    def _setlocale(category, locale=None):
        """Query, or "set" to "C" (the only locale there is)."""
        if locale not in (None, "", "C"):
            raise Error('_locale emulation only supports "C" locale')
        return "C"

    def strcoll(a, b):
        """Compare two strings by code point, as the "C" locale does."""
        return (a > b) - (a < b)

    def strxfrm(s):
        """The "C" locale's sort key: the string itself."""
        return s

    def getencoding():
        """The filesystem encoding stands in for the locale's."""
        return sys.getfilesystemencoding()

__all__ = ["getlocale", "getpreferredencoding", "Error", "setlocale",
           "localeconv", "strcoll", "strxfrm", "str", "atof", "atoi",
           "format_string", "currency", "normalize", "LC_CTYPE",
           "LC_COLLATE", "LC_TIME", "LC_MONETARY", "LC_NUMERIC", "LC_ALL",
           "CHAR_MAX", "getencoding", "delocalize", "localize",
           "LC_MESSAGES", "getdefaultlocale"]


# ---------------------------------------------------------------------------
# localeconv, with an override hook for tests

# Entries here replace the C library's values in localeconv(); tests use
# it to exercise grouping and currency rules the installed locales lack.
_override_localeconv = {}


@functools.wraps(_localeconv)
def localeconv():
    conv = _localeconv()
    if _override_localeconv:
        conv.update(_override_localeconv)
    return conv


# ---------------------------------------------------------------------------
# Number formatting

def _grouping_intervals(grouping):
    """Yields the sizes of the digit groups, right to left."""
    last_interval = None
    for interval in grouping:
        if interval == CHAR_MAX:
            return
        if interval == 0:
            # 0 repeats the previous size for all remaining digits.
            if last_interval is None:
                raise ValueError("invalid grouping")
            while True:
                yield last_interval
        yield interval
        last_interval = interval


def _group(s, monetary=False):
    """Inserts thousands separators into the integer part s; returns the
    result and the number of characters added."""
    conv = localeconv()
    thousands_sep = conv['mon_thousands_sep' if monetary else 'thousands_sep']
    grouping = conv['mon_grouping' if monetary else 'grouping']
    if not grouping:
        return s, 0
    stripped = s.rstrip(' ')
    right_spaces = s[len(stripped):]
    s = stripped
    left_spaces = ''
    groups = []
    for interval in _grouping_intervals(grouping):
        if not s or s[-1] not in "0123456789":
            # Reached the sign or the padding: it stays in front.
            left_spaces = s
            s = ''
            break
        groups.append(s[-interval:])
        s = s[:-interval]
    if s:
        groups.append(s)
    groups.reverse()
    return (left_spaces + thousands_sep.join(groups) + right_spaces,
            len(thousands_sep) * (len(groups) - 1))


def _strip_padding(s, amount):
    """Removes up to amount spaces of padding, left first, so a padded
    field keeps its width after separators were inserted."""
    lpos = 0
    while amount and s[lpos] == ' ':
        lpos += 1
        amount -= 1
    rpos = len(s) - 1
    while amount and s[rpos] == ' ':
        rpos -= 1
        amount -= 1
    return s[lpos:rpos + 1]


def _localize(formatted, grouping=False, monetary=False):
    """Localizes the decimal point of an already formatted number and
    optionally groups its integer digits."""
    seps = 0
    if '.' in formatted:
        parts = formatted.split('.')
        if grouping:
            parts[0], seps = _group(parts[0], monetary=monetary)
        decimal_point = localeconv()['mon_decimal_point' if monetary
                                     else 'decimal_point']
        formatted = decimal_point.join(parts)
    elif grouping:
        formatted, seps = _group(formatted, monetary=monetary)
    if seps:
        formatted = _strip_padding(formatted, seps)
    return formatted


def _format(percent, value, grouping=False, monetary=False, *additional):
    if additional:
        formatted = percent % ((value,) + additional)
    else:
        formatted = percent % value
    if percent[-1] in 'eEfFgGdiu':
        formatted = _localize(formatted, grouping, monetary)
    return formatted


_CONVERSIONS = 'eEfFgGdiouxXcrs%'
_MODIFIERS = '-#0123456789 +*.hlL'


def _spec_end(f, pos):
    """End of a specifier whose modifiers start at pos, or -1."""
    while pos < len(f) and f[pos] in _MODIFIERS:
        pos += 1
    if pos < len(f) and f[pos] in _CONVERSIONS:
        return pos + 1
    return -1


def _percent_specs(f):
    """Yields (start, end, modifiers) for each %-specifier of f, read as
    the % operator reads them: an optional (key), modifiers, and one
    conversion character.  A '%' that starts no valid specifier is left
    as literal text (the final % operation then reports it)."""
    pos = 0
    while True:
        start = f.find('%', pos)
        if start < 0:
            return
        end = -1
        body = start + 1
        if f.startswith('(', body):
            # The key runs to the first ')' after which a specifier
            # follows; keys never span lines.
            close = f.find(')', body + 1)
            while close >= 0 and '\n' not in f[body:close]:
                end = _spec_end(f, close + 1)
                if end >= 0:
                    body = close + 1
                    break
                close = f.find(')', close + 1)
        else:
            end = _spec_end(f, body)
        if end < 0:
            pos = start + 1
            continue
        yield start, end, f[body:end - 1]
        pos = end


def format_string(f, val, grouping=False, monetary=False):
    """Like f % val, but numbers use the locale's decimal point and,
    when grouping is true, its thousands separator and grouping.  With
    monetary true the monetary separators and grouping are used."""
    specs = list(_percent_specs(f))
    pieces = []
    last = 0
    for start, end, _ in specs:
        pieces.append(f[last:start])
        pieces.append('%s')
        last = end
    pieces.append(f[last:])
    new_f = ''.join(pieces)

    new_val = []
    if isinstance(val, _collections_abc.Mapping):
        for start, end, _ in specs:
            spec = f[start:end]
            if spec[-1] == '%':
                new_val.append('%')
            else:
                new_val.append(_format(spec, val, grouping, monetary))
    else:
        if not isinstance(val, tuple):
            val = (val,)
        i = 0
        for start, end, modifiers in specs:
            spec = f[start:end]
            if spec[-1] == '%':
                new_val.append('%')
                continue
            # '*' widths and precisions take their values from the
            # arguments that follow.
            starcount = modifiers.count('*')
            new_val.append(_format(spec, val[i], grouping, monetary,
                                   *val[i + 1:i + 1 + starcount]))
            i += 1 + starcount
    return new_f % tuple(new_val)


def currency(val, symbol=True, grouping=False, international=False):
    """Formats val as an amount of money in the current locale: its
    number of fraction digits, sign placement and (if symbol is true)
    currency symbol, the international one if international is true."""
    conv = localeconv()
    digits = conv['int_frac_digits' if international else 'frac_digits']
    if digits == 127:
        raise ValueError("Currency formatting is not possible using "
                         "the 'C' locale.")
    negative = val < 0
    s = _localize(f'{abs(val):.{digits}f}', grouping, monetary=True)
    # '<' and '>' mark where the number starts and ends, for the sign
    # positions that attach to it.
    s = '<' + s + '>'
    if symbol:
        smb = conv['int_curr_symbol' if international else 'currency_symbol']
        precedes = conv['n_cs_precedes' if negative else 'p_cs_precedes']
        separated = conv['n_sep_by_space' if negative else 'p_sep_by_space']
        if precedes:
            s = smb + (' ' if separated else '') + s
        else:
            if international and smb[-1:] == ' ':
                smb = smb[:-1]
            s = s + (' ' if separated else '') + smb
    sign_pos = conv['n_sign_posn' if negative else 'p_sign_posn']
    sign = conv['negative_sign' if negative else 'positive_sign']
    if sign_pos == 0:
        s = '(' + s + ')'
    elif sign_pos == 1:
        s = sign + s
    elif sign_pos == 2:
        s = s + sign
    elif sign_pos == 3:
        s = s.replace('<', sign)
    elif sign_pos == 4:
        s = s.replace('>', sign)
    else:
        # CHAR_MAX: the locale does not say; put the sign first.
        s = sign + s
    return s.replace('<', '').replace('>', '')


def str(val):
    """Formats a float like '%.12g' with the locale's decimal point."""
    return _format("%.12g", val)


def delocalize(string):
    """Turns a number written in the locale's convention into the
    normalized form float() reads (no grouping, '.' as decimal point)."""
    conv = localeconv()
    ts = conv['thousands_sep']
    if ts:
        string = string.replace(ts, '')
    dd = conv['decimal_point']
    if dd:
        string = string.replace(dd, '.')
    return string


def localize(string, grouping=False, monetary=False):
    """Turns a normalized number string into the locale's convention
    (decimal point, and grouping when asked)."""
    return _localize(string, grouping, monetary)


def atof(string, func=float):
    """Parses a number written in the locale's convention with func
    (float by default)."""
    return func(delocalize(string))


def atoi(string):
    """Parses an integer written in the locale's convention."""
    return int(delocalize(string))


# ---------------------------------------------------------------------------
# Locale names

def _build_localename(localetuple):
    """Builds a locale name from a (language code, encoding) pair."""
    try:
        language, encoding = localetuple
    except (TypeError, ValueError):
        raise TypeError('Locale must be None, a string, or an iterable of '
                        'two strings -- language code, encoding.') from None
    if language is None:
        language = 'C'
    if encoding is None:
        return language
    return language + '.' + encoding


def _parse_localename(localename):
    """Splits a locale name into (language code, encoding), either of
    which may be None."""
    code = normalize(localename)
    if '@' in code:
        code, modifier = code.split('@', 1)
        if modifier == 'euro' and '.' not in code:
            # Locales with the euro modifier and no encoding use
            # ISO-8859-15.
            return code, 'iso-8859-15'
    if '.' in code:
        return tuple(code.split('.')[:2])
    if code == 'C':
        return None, None
    if code == 'UTF-8':
        # macOS sets LC_CTYPE to "UTF-8" without a language.
        return None, 'UTF-8'
    raise ValueError('unknown locale: %s' % localename)


def getlocale(category=LC_CTYPE):
    """The current setting of a category as (language code, encoding),
    either of which may be None (the C locale gives (None, None)).
    LC_ALL is refused when its categories differ."""
    localename = _setlocale(category)
    if category == LC_ALL and ';' in localename:
        raise TypeError('category LC_ALL is not supported')
    return _parse_localename(localename)


def getdefaultlocale(envvars=('LC_ALL', 'LC_CTYPE', 'LANG', 'LANGUAGE')):
    """The user's default locale from the environment, as (language
    code, encoding).  The variables named in envvars are tried in order
    (POSIX's precedence: LC_ALL, LC_CTYPE, LANG, then the first entry of
    LANGUAGE); with none set the C locale, (None, None), is assumed.
    """
    import os
    for variable in envvars:
        localename = os.environ.get(variable)
        if localename:
            if variable == 'LANGUAGE':
                # A colon-separated priority list: the first one counts.
                localename = localename.split(':')[0]
            break
    else:
        localename = 'C'
    return _parse_localename(localename)


def setlocale(category, locale=None):
    """Sets (or, with locale None, queries) the locale of a category.
    locale is a name passed to the C library as given, or a (language
    code, encoding) pair, normalized first.  Raises locale.Error when the
    C library refuses the setting."""
    if locale and not isinstance(locale, _builtin_str):
        locale = normalize(_build_localename(locale))
    return _setlocale(category, locale)


def getpreferredencoding(do_setlocale=True):
    """The encoding the user's configuration asks for: 'utf-8' in UTF-8
    mode; otherwise the locale encoding, by default that of the
    environment's LC_CTYPE setting (briefly switched to, which is not
    thread-safe), with do_setlocale false that of the current LC_CTYPE."""
    if sys.flags.warn_default_encoding:
        import warnings
        warnings.warn(
            "UTF-8 Mode affects locale.getpreferredencoding(). Consider "
            "locale.getencoding() instead.",
            EncodingWarning, 2)
    if sys.flags.utf8_mode:
        return 'utf-8'
    if not do_setlocale:
        return getencoding()
    # The user's configured encoding: briefly switch LC_CTYPE to the
    # environment's setting (not thread-safe, as documented).
    old = _setlocale(LC_CTYPE)
    try:
        try:
            _setlocale(LC_CTYPE, "")
        except Error:
            pass
        return getencoding()
    finally:
        _setlocale(LC_CTYPE, old)


# ---------------------------------------------------------------------------
# The aliasing engine

def _replace_encoding(code, encoding):
    """code with its encoding replaced by the locale spelling of
    encoding."""
    langname = code.partition('.')[0]
    norm = encodings.normalize_encoding(encoding)
    norm = encodings.aliases.aliases.get(norm.lower(), norm)
    encoding = norm
    norm = norm.lower()
    if norm in locale_encoding_alias:
        encoding = locale_encoding_alias[norm]
    else:
        norm = norm.replace('_', '').replace('-', '')
        if norm in locale_encoding_alias:
            encoding = locale_encoding_alias[norm]
    return langname + '.' + encoding


def _append_modifier(code, modifier):
    if modifier == 'euro':
        # The euro modifier selects an encoding with the euro sign.
        if '.' not in code:
            return code + '.ISO8859-15'
        encoding = code.partition('.')[2]
        if encoding in ('ISO8859-15', 'UTF-8'):
            return code
        if encoding == 'ISO8859-1':
            return _replace_encoding(code, 'ISO8859-15')
    return code + '@' + modifier


def normalize(localename):
    """Maps a locale name to the form setlocale() expects, e.g.
    'en_US.utf8' -> 'en_US.UTF-8' and 'de' -> 'de_DE.ISO8859-1'.  A
    language or territory without an encoding gets its usual one; an
    unknown name comes back unchanged."""
    code = localename.lower()
    if ':' in code:
        # Some systems separate the encoding with ':'.
        code = code.replace(':', '.')
    code, _, modifier = code.partition('@')
    langname, _, encoding = code.partition('.')
    encoding = encoding.partition('.')[0]

    lang_enc = langname
    if encoding:
        lang_enc += '.' + encoding.replace('-', '').replace('_', '')
    lookup = lang_enc + ('@' + modifier if modifier else '')
    if lookup in locale_alias:
        return locale_alias[lookup]

    if modifier and lang_enc in locale_alias:
        code = locale_alias[lang_enc]
        if '@' not in code:
            return _append_modifier(code, modifier)
        if code.split('@', 1)[1].lower() == modifier:
            return code

    if encoding:
        lookup = langname + ('@' + modifier if modifier else '')
        if lookup in locale_alias:
            code = locale_alias[lookup]
            if '@' not in code:
                return _replace_encoding(code, encoding)
            code, modifier = code.split('@', 1)
            return _replace_encoding(code, encoding) + '@' + modifier
        if modifier and langname in locale_alias:
            code = locale_alias[langname]
            if '@' not in code:
                return _append_modifier(_replace_encoding(code, encoding),
                                        modifier)
            code, default_modifier = code.split('@', 1)
            if default_modifier.lower() == modifier:
                return (_replace_encoding(code, encoding) + '@'
                        + default_modifier)

    return localename


def _encoding_aliases():
    table = {
        'ascii': 'ISO8859-1', 'latin_1': 'ISO8859-1', 'latin1': 'ISO8859-1',
        'utf_8': 'UTF-8', 'utf8': 'UTF-8',
        'euc_jp': 'eucJP', 'eucjp': 'eucJP', 'ujis': 'eucJP',
        'euc_kr': 'eucKR', 'euckr': 'eucKR',
        'euc_tw': 'eucTW', 'euctw': 'eucTW',
        'gb2312': 'gb2312', 'gbk': 'GBK', 'gb18030': 'gb18030',
        'big5': 'big5', 'big5hkscs': 'big5-hkscs', 'big5_hkscs': 'big5-hkscs',
        'shift_jis': 'SJIS', 'sjis': 'SJIS',
        'koi8_r': 'KOI8-R', 'koi8r': 'KOI8-R',
        'koi8_u': 'KOI8-U', 'koi8u': 'KOI8-U',
        'koi8_t': 'KOI8-T', 'koi8t': 'KOI8-T',
        'tis_620': 'TIS620', 'tis620': 'TIS620',
        'c': 'C', '437': 'C', 'en': 'ISO8859-1',
        'jis': 'JIS7', 'jis7': 'JIS7', 'iso2022_jp': 'JIS7', 'iso2022jp': 'JIS7',
        'ajec': 'eucJP', 'shiftjis': 'SJIS', 'koi8c': 'KOI8-C',
        'kz1048': 'RK1048', 'tactis': 'TACTIS',
        'microsoftcp1251': 'CP1251', 'microsoftcp1255': 'CP1255',
        'microsoftcp1256': 'CP1256',
    }
    for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16):
        name = 'ISO8859-%d' % n
        table['iso8859_%d' % n] = name
        table['iso8859%d' % n] = name
        table['8859%d' % n] = name
        table['iso_8859_%d' % n] = name
    for cp in (1250, 1251, 1252, 1253, 1254, 1255, 1256, 1257):
        table['cp%d' % cp] = 'CP%d' % cp
    return table


locale_encoding_alias = _encoding_aliases()

# Lower-case locale names (without separators in the encoding) mapped
# to names the C library accepts: a generated table
# (Tools/locale/genlocalealias.py).
from _localealias import locale_alias
