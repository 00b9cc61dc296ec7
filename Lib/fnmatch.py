"""Unix shell-style wildcard matching of file names.

    *       matches everything
    ?       matches any single character
    [seq]   matches any character in seq
    [!seq]  matches any character not in seq

There is no quoting: to match a special character literally, put it in
brackets ('[?]' matches '?').  fnmatch() normalises case as the operating
system does (not at all on POSIX); fnmatchcase() never does.  Path
separators and leading dots are not special here (see glob for that).
"""

import functools
import os
import posixpath
import re

__all__ = ["filter", "filterfalse", "fnmatch", "fnmatchcase", "translate"]


def fnmatch(name, pat):
    """Test whether name matches the shell pattern pat, after
    os.path.normcase() of both."""
    name = os.path.normcase(name)
    pat = os.path.normcase(pat)
    return fnmatchcase(name, pat)


# lru_cache is thread-safe, and compiled patterns are immutable.
@functools.lru_cache(maxsize=32768, typed=True)
def _compile_pattern(pat):
    if isinstance(pat, bytes):
        # Latin-1 maps every byte to one code point and back.
        regex = translate(str(pat, 'ISO-8859-1')).encode('ISO-8859-1')
    else:
        regex = translate(pat)
    return re.compile(regex).match


def _select(names, pat, keep_matches):
    pat = os.path.normcase(pat)
    match = _compile_pattern(pat)
    if os.path is posixpath:
        # normcase is the identity here: skip calling it per name.
        return [name for name in names
                if (match(name) is not None) == keep_matches]
    return [name for name in names
            if (match(os.path.normcase(name)) is not None) == keep_matches]


def filter(names, pat):
    """Return the items of iterable names that match pat (as
    fnmatch() would)."""
    return _select(names, pat, True)


def filterfalse(names, pat):
    """Return the items of iterable names that do not match pat (as
    fnmatch() would)."""
    return _select(names, pat, False)


def fnmatchcase(name, pat):
    """Test whether name matches the shell pattern pat, case-sensitively
    and without normalisation."""
    return _compile_pattern(pat)(name) is not None


def translate(pat):
    """Translate a shell pattern to a regular expression for re.match().

    There is no way to quote meta-characters."""
    parts, star_indices = _translate(pat, '*', '.')
    return _join_translated_parts(parts, star_indices)


_escape_setops = functools.partial(re.compile(r'([&~|])').sub, r'\\\1')


def _bracket_ranges(pat, start, end):
    """The pieces of the bracket body pat[start:end] (which contains a
    '-') split at the hyphens that form ranges, with empty ranges (such
    as z-a) removed, joined back into a regex set body."""
    # A hyphen right after '[' or '[!' is a literal.  After a range
    # hyphen the search resumes past the range's end character, so in
    # 'a-c-e' the second hyphen is a literal: the set is a-c, '-', 'e'.
    search_from = start + 2 if pat[start] == '!' else start + 1
    chunks = []
    chunk_start = start
    while True:
        hyphen = pat.find('-', search_from, end)
        if hyphen < 0:
            break
        chunks.append(pat[chunk_start:hyphen])
        chunk_start = hyphen + 1
        search_from = hyphen + 3
    tail = pat[chunk_start:end]
    if tail:
        chunks.append(tail)
    else:
        # A final hyphen is a literal.
        chunks[-1] += '-'
    # Drop ranges whose start is above their end: invalid in a regex.
    k = len(chunks) - 1
    while k > 0:
        if chunks[k - 1][-1] > chunks[k][0]:
            chunks[k - 1] = chunks[k - 1][:-1] + chunks[k][1:]
            del chunks[k]
        k -= 1
    # Only the range-forming hyphens stay unescaped.
    return '-'.join(chunk.replace('\\', r'\\').replace('-', r'\-')
                    for chunk in chunks)


def _translate_bracket(pat, start, end):
    """The regex for the bracket expression whose body is pat[start:end]."""
    body = pat[start:end]
    if '-' in body:
        body = _bracket_ranges(pat, start, end)
    else:
        body = body.replace('\\', r'\\')
    if not body:
        return '(?!)'           # empty set: matches nothing
    if body == '!':
        return '.'              # negated empty set: any character
    body = _escape_setops(body)
    if body[0] == '!':
        body = '^' + body[1:]
    elif body[0] in ('^', '['):
        body = '\\' + body
    return f'[{body}]'


def _translate(pat, star, question_mark):
    """Translate pat into a list of regex pieces; '*' becomes star and
    '?' question_mark.  Also return the indices of the star pieces."""
    pieces = []
    star_indices = []
    i = 0
    n = len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            star_indices.append(len(pieces))
            pieces.append(star)
            while i < n and pat[i] == '*':
                i += 1
        elif c == '?':
            pieces.append(question_mark)
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1          # a leading ']' is part of the set
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                pieces.append('\\[')    # unclosed: a literal '['
            else:
                pieces.append(_translate_bracket(pat, i, j))
                i = j + 1
        else:
            pieces.append(re.escape(c))
    return pieces, star_indices


def _join_translated_parts(parts, star_indices):
    """Join the pieces into the final regex.  Between two stars, the
    fixed text is matched by an atomic group after a lazy .*?, which
    rules out exponential backtracking with many stars."""
    if not star_indices:
        return fr'(?s:{"".join(parts)})\z'
    first = star_indices[0]
    out = parts[:first]
    after = first + 1
    for star in star_indices[1:]:
        out.append('(?>.*?')
        out.extend(parts[after:star])
        out.append(')')
        after = star + 1
    out.append('.*')
    out.extend(parts[after:])
    return fr'(?s:{"".join(out)})\z'
