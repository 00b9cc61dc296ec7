"""Decimal.__format__: the format specification mini-language."""

import re

from .context import getcontext
from .number import digit_string, drop_digits, ndigits

_SPEC = re.compile(r"""
    (?:(?P<fill>.)?(?P<align>[<>=^]))?
    (?P<sign>[-+ ])?
    (?P<no_neg_zero>z)?
    (?P<alt>\#)?
    (?P<zeropad>0)?
    (?P<width>[0-9]+)?
    (?P<grouping>[,_])?
    (?P<point>\.(?P<precision>[0-9]+)?(?P<frac_grouping>[,_])?)?
    (?P<type>[eEfFgGnN%])?
    \Z
""", re.VERBOSE | re.DOTALL)


def _parse_spec(spec, localeconv):
    match = _SPEC.match(spec)
    if match is None or (match['point'] == '.'):
        raise ValueError("invalid format string")
    parsed = match.groupdict()
    if parsed['type'] == 'N':
        # 'N' is 'n' with a capital exponent letter; deprecated in 3.13.
        import warnings
        warnings.warn("Format specifier 'N' is deprecated",
                      DeprecationWarning, stacklevel=4)
        parsed['type'] = 'n'
        parsed['capital_n'] = True
    if parsed['zeropad'] and not parsed['align']:
        parsed['fill'] = parsed['fill'] or '0'
        parsed['align'] = '='
    parsed['fill'] = parsed['fill'] or ' '
    parsed['align'] = parsed['align'] or '>'
    parsed['sign'] = parsed['sign'] or '-'
    parsed['width'] = int(parsed['width'] or '0')
    if parsed['precision'] is not None:
        parsed['precision'] = int(parsed['precision'])
        # No type behaves like 'g': zero significant digits means one.
        if parsed['precision'] == 0 and (parsed['type'] is None
                                         or parsed['type'] in 'gGn'):
            parsed['precision'] = 1
    if parsed['type'] == 'n':
        if parsed['grouping']:
            raise ValueError("invalid format string")
        if localeconv is None:
            import locale
            localeconv = locale.localeconv()
        parsed['thousands_sep'] = localeconv['thousands_sep']
        parsed['decimal_point'] = localeconv['decimal_point']
        parsed['grouping_rule'] = localeconv['grouping']
    else:
        parsed['thousands_sep'] = parsed['grouping'] or ''
        parsed['decimal_point'] = '.'
        parsed['grouping_rule'] = [3, 0]
    return parsed


def _group(digits, separator, rule, minimum):
    """Insert separators into the integer digits following a locale rule.

    rule is a locale 'grouping' list: group sizes from the right, a final
    0 repeats the last size, CHAR_MAX stops grouping.
    """
    if not separator:
        return digits.rjust(minimum, '0') if minimum else digits

    def grouped(text):
        groups = []
        sizes = list(rule) or [len(text) + 1]
        size = sizes[0]
        index = 0
        while text:
            if index < len(sizes):
                if sizes[index] == 0:
                    pass
                elif sizes[index] >= 127 or sizes[index] < 0:
                    groups.append(text)
                    text = ''
                    break
                else:
                    size = sizes[index]
            groups.append(text[-size:])
            text = text[:-size]
            index += 1
        return separator.join(reversed(groups))

    result = grouped(digits)
    while len(result) < minimum:
        digits = '0' + digits
        result = grouped(digits)
    return result


def format_decimal(value, spec, localeconv=None):
    ctx = getcontext()
    parsed = _parse_spec(spec, localeconv)
    kind = parsed['type']
    precision = parsed['precision']
    sign = '-' if value._sign else ''

    if value._is_special:
        if value._exp == 'F':
            body = 'Infinity'
        else:
            body = ('NaN' if value._exp == 'n' else 'sNaN') + (
                digit_string(value._int) if value._int else '')
        if kind == '%':
            body += '%'
        sign = _sign_text(sign, parsed['sign'])
        if parsed['zeropad'] and parsed['fill'] == '0' and \
                parsed['align'] == '=':
            # Zero padding does not apply to infinities and NaNs.
            parsed['fill'], parsed['align'] = ' ', '>'
        return _pad(sign, body, parsed)

    rounding = ctx.rounding
    coefficient, exponent = value._int, value._exp
    if kind == '%':
        exponent += 2
    if precision is not None:
        if kind in ('e', 'E'):
            coefficient, exponent = _to_figures(value._sign, coefficient,
                                                exponent, precision + 1,
                                                rounding)
        elif kind in ('f', 'F', '%'):
            coefficient, exponent = _to_exponent(value._sign, coefficient,
                                                 exponent, -precision,
                                                 rounding)
        else:
            coefficient, exponent = _to_figures(value._sign, coefficient,
                                                exponent, precision,
                                                rounding)
    if parsed['no_neg_zero'] and coefficient == 0:
        sign = ''

    digits = digit_string(coefficient)
    if kind in ('e', 'E') and precision is not None:
        if coefficient == 0:
            digits = '0' * (precision + 1)
        elif len(digits) < precision + 1:
            exponent -= precision + 1 - len(digits)
            digits += '0' * (precision + 1 - len(digits))
    if coefficient == 0 and kind in ('f', 'F', '%') and exponent > 0:
        exponent = 0
    leftdigits = exponent + len(digits)
    if kind in ('e', 'E'):
        dotplace = 1
    elif kind in ('f', 'F', '%'):
        dotplace = leftdigits
    else:
        if exponent <= 0 and leftdigits > -6:
            dotplace = leftdigits
        else:
            dotplace = 1

    if dotplace < 0:
        intpart = '0'
        fracpart = '0' * -dotplace + digits
    elif dotplace > len(digits):
        intpart = digits + '0' * (dotplace - len(digits))
        fracpart = ''
    else:
        intpart = digits[:dotplace] or '0'
        fracpart = digits[dotplace:]
    shown_exponent = leftdigits - dotplace

    if kind in ('e', 'E', 'g', 'G', 'n', None) and (
            shown_exponent or kind in ('e', 'E')):
        if kind in ('E', 'G') or (kind is None and ctx.capitals) or \
                parsed.get('capital_n'):
            letter = 'E'
        else:
            letter = 'e'
        suffix = '%s%+d' % (letter, shown_exponent)
    else:
        suffix = ''
    if kind == '%':
        suffix = '%'

    if parsed['frac_grouping'] and fracpart:
        # 3.14: fractional digits are grouped in threes from the point.
        fracpart = parsed['frac_grouping'].join(
            fracpart[i:i + 3] for i in range(0, len(fracpart), 3))
    point = parsed['decimal_point']
    tail = (point + fracpart) if (fracpart or parsed['alt']) else ''
    tail += suffix
    sign = _sign_text(sign, parsed['sign'])
    minimum = 0
    if parsed['zeropad'] and parsed['fill'] == '0' and parsed['align'] == '=':
        minimum = max(0, parsed['width'] - len(sign) - len(tail))
    body = _group(intpart, parsed['thousands_sep'], parsed['grouping_rule'],
                  minimum) + tail
    return _pad(sign, body, parsed)


def _sign_text(sign, flag):
    if sign:
        return sign
    if flag == '+':
        return '+'
    if flag == ' ':
        return ' '
    return ''


def _pad(sign, body, parsed):
    width = parsed['width']
    fill = parsed['fill']
    align = parsed['align']
    padding = fill * max(0, width - len(sign) - len(body))
    if align == '<':
        return sign + body + padding
    if align == '^':
        half = len(padding) // 2
        return padding[:half] + sign + body + padding[half:]
    if align == '=':
        return sign + padding + body
    return padding + sign + body


def _to_exponent(sign, coefficient, exponent, target, rounding):
    if exponent >= target:
        return coefficient * 10 ** (exponent - target), target
    coefficient, _ = drop_digits(sign, coefficient, target - exponent,
                                 rounding)
    return coefficient, target


def _to_figures(sign, coefficient, exponent, figures, rounding):
    length = ndigits(coefficient)
    if coefficient == 0:
        return 0, exponent
    if length > figures:
        dropped = length - figures
        coefficient, _ = drop_digits(sign, coefficient, dropped, rounding)
        exponent += dropped
        if ndigits(coefficient) > figures:
            coefficient //= 10
            exponent += 1
    return coefficient, exponent
