"""Terminal colours for the standard library's output (CPython's private
_colorize): the ANSI codes, and whether a stream should get them.

can_colorize() follows CPython's rules, first match wins: PYTHON_COLORS=0
or 1 (ignored under -E), NO_COLOR (any non-empty value), the module-level
COLORIZE switch, FORCE_COLOR, TERM=dumb, and finally whether the stream
is a terminal.  The module holds no mutable state besides COLORIZE, a
plain flag that tests flip; reading it needs no lock.
"""

import io
import os
import sys

__all__ = ['ANSIColors', 'NoColors', 'COLORIZE', 'can_colorize',
           'decolor', 'get_colors']

COLORIZE = True

_COLOR_CODES = {
    'BLACK': 30, 'RED': 31, 'GREEN': 32, 'YELLOW': 33,
    'BLUE': 34, 'MAGENTA': 35, 'CYAN': 36, 'WHITE': 37,
}


class ANSIColors:
    """The escape sequences, as class attributes: RESET, BOLD, GREY, the
    eight colours, their BOLD_, INTENSE_ and BACKGROUND_ forms."""

    RESET = '\x1b[0m'
    BOLD = '\x1b[1m'
    GREY = '\x1b[90m'


for _name, _code in _COLOR_CODES.items():
    setattr(ANSIColors, _name, f'\x1b[{_code}m')
    setattr(ANSIColors, f'BOLD_{_name}', f'\x1b[1;{_code}m')
    setattr(ANSIColors, f'INTENSE_{_name}', f'\x1b[{_code + 60}m')
    setattr(ANSIColors, f'BACKGROUND_{_name}', f'\x1b[{_code + 10}m')
    setattr(ANSIColors, f'INTENSE_BACKGROUND_{_name}',
            f'\x1b[{_code + 70}m')
del _name, _code

# Every sequence, longest first so that decolor() never leaves a tail.
_ALL_CODES = sorted((value for name, value in vars(ANSIColors).items()
                     if name.isupper()), key=len, reverse=True)


class _NoColors:
    """ANSIColors' attribute names, each an empty string."""


for _name in vars(ANSIColors):
    if _name.isupper():
        setattr(_NoColors, _name, '')
del _name

NoColors = _NoColors()


def decolor(text):
    """text without the escape sequences of ANSIColors."""
    for code in _ALL_CODES:
        text = text.replace(code, '')
    return text


def get_colors(colorize=False, *, file=None):
    """ANSIColors if colorize is true or file (default sys.stdout) should
    get colours, else NoColors."""
    if colorize or can_colorize(file=file):
        return ANSIColors()
    return NoColors


def _environ_says():
    """True or False when the environment decides, else None."""
    if not sys.flags.ignore_environment:
        python_colors = os.environ.get('PYTHON_COLORS')
        if python_colors == '0':
            return False
        if python_colors == '1':
            return True
    if os.environ.get('NO_COLOR'):
        return False
    if not COLORIZE:
        return False
    if os.environ.get('FORCE_COLOR'):
        return True
    if os.environ.get('TERM') == 'dumb':
        return False
    return None


def can_colorize(*, file=None):
    """Whether output to file (default sys.stdout) should be coloured."""
    if file is None:
        file = sys.stdout
    decided = _environ_says()
    if decided is not None:
        return decided
    if not hasattr(file, 'fileno'):
        return False
    try:
        return os.isatty(file.fileno())
    except io.UnsupportedOperation:
        return hasattr(file, 'isatty') and file.isatty()
    except (OSError, ValueError):
        return False
