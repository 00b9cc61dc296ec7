"""Support for regular expressions (RE).

This module provides regular expression matching operations similar to
those found in Perl.  Both patterns and strings to be searched can be
Unicode strings (str) or 8-bit strings (bytes); the two cannot be mixed.

Functions: compile, search, match, fullmatch, split, findall, finditer,
sub, subn, escape, purge.  Flags: A/ASCII, I/IGNORECASE, L/LOCALE,
M/MULTILINE, S/DOTALL, X/VERBOSE, U/UNICODE, DEBUG, NOFLAG.

Patterns are parsed by re._parser and compiled by re._compiler into a
program for the _sre engine (written in C), which also provides the Pattern
and Match types.  A Pattern never changes after compile, so one can be used
from any number of threads at once; the caches here are plain dicts, whose
single operations are atomic.
"""

import enum
import _sre
from re import _parser, _compiler
from re._constants import (
    PatternError, error, SRE_FLAG_ASCII, SRE_FLAG_IGNORECASE, SRE_FLAG_LOCALE,
    SRE_FLAG_MULTILINE, SRE_FLAG_DOTALL, SRE_FLAG_VERBOSE, SRE_FLAG_UNICODE,
    SRE_FLAG_DEBUG,
)

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag", "PatternError",
]

__version__ = "2.2.1"


@enum.global_enum
@enum._simple_enum(enum.IntFlag, boundary=enum.KEEP)
class RegexFlag:
    NOFLAG = 0
    ASCII = A = SRE_FLAG_ASCII
    IGNORECASE = I = SRE_FLAG_IGNORECASE
    LOCALE = L = SRE_FLAG_LOCALE
    UNICODE = U = SRE_FLAG_UNICODE
    MULTILINE = M = SRE_FLAG_MULTILINE
    DOTALL = S = SRE_FLAG_DOTALL
    VERBOSE = X = SRE_FLAG_VERBOSE
    DEBUG = SRE_FLAG_DEBUG
    __str__ = object.__str__
    _numeric_repr_ = hex


Pattern = _sre.Pattern
Match = _sre.Match


# -- templates for sub() and expand() -----------------------------------

_TEMPLATE_ESCAPES = {
    'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
    'v': '\v', '\\': '\\',
}
_OCT = '01234567'
_ASCII_DIGITS = '0123456789'


def _parse_template(pattern, repl):
    """Split a replacement template into literal text and group numbers."""
    isbytes = not isinstance(repl, str)
    text = repl.decode('latin-1') if isbytes else repl
    parts = []
    literal = []
    i = 0
    n = len(text)

    def fail(msg, pos):
        return PatternError(msg, repl, pos)

    def add_group(number):
        if literal:
            parts.append(''.join(literal))
            literal.clear()
        parts.append(number)

    while i < n:
        ch = text[i]
        if ch != '\\':
            literal.append(ch)
            i += 1
            continue
        start = i
        i += 1
        if i >= n:
            raise fail('bad escape (end of pattern)', start)
        ch = text[i]
        i += 1
        if ch == 'g':
            if i >= n or text[i] != '<':
                raise fail('missing <', i)
            i += 1
            end = text.find('>', i)
            if i >= n or text[i] == '>':
                raise fail('missing group name', i)
            if end < 0:
                raise fail('missing >, unterminated name', i)
            name = text[i:end]
            if name.isdecimal() and all(c in _ASCII_DIGITS for c in name):
                number = int(name)
                if number > pattern.groups:
                    raise fail(f'invalid group reference {number}', i)
            elif name.isidentifier() and not (isbytes and not name.isascii()):
                number = pattern.groupindex.get(name)
                if number is None:
                    raise IndexError(f'unknown group name {name!r}')
            else:
                # Shown as the parser shows it: byte values for bytes.
                shown = ascii(name) if isbytes else repr(name)
                raise fail(f'bad character in group name {shown}', i)
            i = end + 1
            add_group(number)
        elif ch == '0':
            digits = ''
            while i < n and len(digits) < 2 and text[i] in _OCT:
                digits += text[i]
                i += 1
            literal.append(chr(int('0' + digits, 8)))
        elif ch in _ASCII_DIGITS:
            digits = ch
            if i < n and text[i] in _ASCII_DIGITS:
                digits += text[i]
                i += 1
                if (digits[0] in _OCT and digits[1] in _OCT and i < n
                        and text[i] in _OCT):
                    digits += text[i]
                    i += 1
                    value = int(digits, 8)
                    if value > 0o377:
                        raise fail(f'octal escape value \\{digits} outside of '
                                   f'range 0-0o377', start)
                    literal.append(chr(value))
                    continue
            number = int(digits)
            if number > pattern.groups:
                raise fail(f'invalid group reference {number}', start + 1)
            add_group(number)
        elif ch in _TEMPLATE_ESCAPES:
            literal.append(_TEMPLATE_ESCAPES[ch])
        elif ch.isascii() and ch.isalpha():
            raise fail(f'bad escape \\{ch}', start)
        else:
            literal.append('\\' + ch)
    if literal or not parts:
        parts.append(''.join(literal))
    if isbytes:
        parts = [p.encode('latin-1') if isinstance(p, str) else p for p in parts]
    return tuple(parts)


_template_cache = {}
_TEMPLATE_CACHE_MAX = 256


def _compile_template(pattern, repl):
    """The parsed form of a sub() or expand() template: a tuple of literal
    strings and group numbers, which _sre expands."""
    if not isinstance(pattern.pattern, str):
        if isinstance(repl, str):
            raise TypeError(f"expected a bytes-like object, "
                            f"{type(repl).__name__} found")
        repl = bytes(memoryview(repl))
    elif not isinstance(repl, str):
        raise TypeError(f"expected str instance, {type(repl).__name__} found")
    key = (pattern, repl)
    template = _template_cache.get(key)
    if template is None:
        template = _parse_template(pattern, repl)
        if len(_template_cache) >= _TEMPLATE_CACHE_MAX:
            try:
                del _template_cache[next(iter(_template_cache))]
            except (KeyError, StopIteration, RuntimeError):
                pass
        _template_cache[key] = template
    return template


# -- the module-level functions -----------------------------------------

def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string, returning a
    Match object, or None if no match was found."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string, returning a Match
    object, or None if no match was found."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern, returning a
    Match object, or None if no match was found."""
    return _compile(pattern, flags).search(string)


def _positional_warning(what, stacklevel=3):
    """Warn about a deprecated positional argument.  The default
    stacklevel names the caller of a public function that calls this
    directly; one more level per helper in between."""
    import warnings
    warnings.warn(f"{what!r} is passed as positional argument",
                  DeprecationWarning, stacklevel=stacklevel)


_NO_ARG = object()


def sub(pattern, repl, string, *args, count=_NO_ARG, flags=_NO_ARG):
    """Return the string obtained by replacing the leftmost non-overlapping
    occurrences of the pattern in string by the replacement repl."""
    count, flags = _sub_arguments('sub', args, count, flags)
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, *args, count=_NO_ARG, flags=_NO_ARG):
    """Return a 2-tuple containing (new_string, number).  new_string is
    the string obtained by replacing the leftmost non-overlapping
    occurrences of the pattern in the source string by the replacement
    repl.  number is the number of substitutions that were made."""
    count, flags = _sub_arguments('subn', args, count, flags)
    return _compile(pattern, flags).subn(repl, string, count)


def _sub_arguments(name, args, count, flags):
    if len(args) > 2:
        raise TypeError(f"{name}() takes from 3 to 5 positional arguments "
                        f"but {len(args) + 3} were given")
    if args:
        if count is not _NO_ARG:
            raise TypeError(f"{name}() got multiple values for argument 'count'")
        count = args[0]
        _positional_warning('count', stacklevel=4)  # via sub()/subn()
    if len(args) > 1:
        if flags is not _NO_ARG:
            raise TypeError(f"{name}() got multiple values for argument 'flags'")
        flags = args[1]
    return (0 if count is _NO_ARG else count), (0 if flags is _NO_ARG else flags)


def split(pattern, string, *args, maxsplit=_NO_ARG, flags=_NO_ARG):
    """Split the source string by the occurrences of the pattern,
    returning a list containing the resulting substrings."""
    if len(args) > 2:
        raise TypeError(f"split() takes from 2 to 4 positional arguments "
                        f"but {len(args) + 2} were given")
    if args:
        if maxsplit is not _NO_ARG:
            raise TypeError("split() got multiple values for argument 'maxsplit'")
        maxsplit = args[0]
        _positional_warning('maxsplit')
    if len(args) > 1:
        if flags is not _NO_ARG:
            raise TypeError("split() got multiple values for argument 'flags'")
        flags = args[1]
    maxsplit = 0 if maxsplit is _NO_ARG else maxsplit
    flags = 0 if flags is _NO_ARG else flags
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the string.
    For each match, the iterator returns a Match object."""
    return _compile(pattern, flags).finditer(string)


def compile(pattern, flags=0):
    """Compile a regular expression pattern, returning a Pattern object."""
    return _compile(pattern, flags)


def purge():
    """Clear the regular expression caches."""
    _cache.clear()
    _template_cache.clear()


_SPECIAL_CHARS = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return pattern.translate(_SPECIAL_CHARS)
    text = str(pattern, 'latin-1')
    return text.translate(_SPECIAL_CHARS).encode('latin-1')


# -- compiling, with a cache -----------------------------------------------

# The cache is a plain dict: each get, set and delete is atomic, which is
# all the thread safety it needs (two threads compiling the same pattern
# at once both build equal Patterns and either may be kept).
_cache = {}
_MAXCACHE = 512


def _check_flags(pattern, flags):
    if isinstance(pattern, str):
        if flags & SRE_FLAG_LOCALE:
            raise ValueError("cannot use LOCALE flag with a str pattern")
        if flags & SRE_FLAG_ASCII and flags & SRE_FLAG_UNICODE:
            raise ValueError("ASCII and UNICODE flags are incompatible")
    else:
        if flags & SRE_FLAG_UNICODE:
            raise ValueError("cannot use UNICODE flag with a bytes pattern")
        if flags & SRE_FLAG_LOCALE and flags & SRE_FLAG_ASCII:
            raise ValueError("ASCII and LOCALE flags are incompatible")


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = flags.value
    key = (type(pattern), pattern, flags)
    try:
        return _cache[key]
    except (KeyError, TypeError):
        pass
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError(
                "cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    flags = int(flags)
    _check_flags(pattern, flags)
    parsed = _parser.parse(pattern, flags)
    _check_flags(pattern, parsed.flags)
    compiled = _compiler.compile_parsed(pattern, parsed)
    if not flags & SRE_FLAG_DEBUG:
        if len(_cache) >= _MAXCACHE:
            try:
                del _cache[next(iter(_cache))]
            except (KeyError, StopIteration, RuntimeError):
                pass
        _cache[key] = compiled
    return compiled


def _pickle(pattern):
    return _compile, (pattern.pattern, pattern.flags)


import copyreg
copyreg.pickle(Pattern, _pickle, _compile)
del copyreg


class Scanner:
    """A simple lexer: a list of (regex, action) pairs tried in turn.

    scan(string) returns (results, remainder): the action of each matched
    token (called with the scanner and the text when callable), and the
    part of the string that could not be scanned."""

    def __init__(self, lexicon, flags=0):
        self.lexicon = lexicon
        alternatives = []
        # The group number wrapping each phrase -> that phrase's index.
        self._phrase_of_group = {}
        group = 1
        for index, (phrase, action) in enumerate(lexicon):
            parsed = _parser.parse(phrase, flags)
            self._phrase_of_group[group] = index
            group += 1 + parsed.groups
            alternatives.append(f'({phrase})' if isinstance(phrase, str)
                                else b'(' + phrase + b')')
        joiner = '|' if not lexicon or isinstance(lexicon[0][0], str) else b'|'
        self.scanner = _compile(joiner.join(alternatives), flags)

    def scan(self, string):
        result = []
        append = result.append
        scanner = self.scanner.scanner(string)
        end = 0
        while True:
            m = scanner.match()
            if not m:
                break
            j = m.end()
            if end == j:
                break
            action = self.lexicon[self._phrase_of_group[m.lastindex]][1]
            if callable(action):
                self.match = m
                action = action(self, m.group())
            if action is not None:
                append(action)
            end = j
        return result, string[end:]
