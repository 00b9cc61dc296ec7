"""Header folding for the modern (non-compat32) policies.

A folded header is 'Name:' followed by the value's tokens (words and
whitespace runs) cut into lines of at most policy.max_line_length
characters.  Lines break only before whitespace; words that must be
RFC 2047 encoded (non-ASCII text without policy.utf8, or a word longer
than a line) become encoded words, and an encoded word still open at
the end of a line absorbs the next words that need encoding together
with the plain text between them, as CPython's folder does.

Everything here works on values local to one call: no shared state.
"""

import base64
import re
import urllib.parse

from email import errors
from email import utils
from email.charset import q_encode, q_length, b_length

_WSP = (' ', '\t')
# RFC 5322 specials: in a display name they need quoting or encoding.
_SPECIALS = re.compile(r'[][()<>@,:;.\\"]')
# A line break inside a header value (decoded from an encoded word).
_NEWLINE = re.compile(r"[\r\n]")
_UNLIMITED = 1000000


def _steal_space(lines):
    """Remove the whitespace character ending the last line (when that
    line holds more than whitespace) and return it, else ''."""
    last = lines[-1]
    if last[-1:] in _WSP and last.strip():
        lines[-1] = last[:-1]
        return last[-1]
    return ''


def fold_tokens(name, tokens, policy, move_whole=True):
    """'name:' followed by tokens (words and whitespace runs), folded as
    CPython's folder does: a word that does not fit moves to a new line
    together with the whitespace character before it (so even the first
    word can leave 'name:' alone on its line); a word with no whitespace
    before it stays on its line however long that makes it.  A value
    that fits on a line of its own but not after 'name:' moves whole
    unless move_whole is false."""
    maxlen = policy.max_line_length or _UNLIMITED
    value = ''.join(tokens)
    if move_whole and len(name) + 1 + len(value) > maxlen and \
            len(value) <= maxlen and value[:1] in _WSP:
        return name + ':' + policy.linesep + value + policy.linesep
    return policy.linesep.join(_token_lines(name, tokens, maxlen)) + \
        policy.linesep


def _token_lines(name, tokens, maxlen):
    """The lines of fold_tokens (without the whole-value move)."""
    lines = [name + ':']
    for token in tokens:
        if not token:
            continue
        if len(lines[-1]) + len(token) <= maxlen:
            lines[-1] += token
        elif token[0] in _WSP:
            lines.append(token)
        else:
            space = _steal_space(lines)
            if space:
                lines.append(space + token)
            else:
                lines[-1] += token
    return lines


def fold_parameterized(name, main, params, policy):
    """'name: main; p1=v1; ...' folded: main like any value (it never
    moves whole), then each parameter after a ';' on the same line if
    it fits, else on a line of its own, else cut into RFC 2231
    sections (name*0*=, name*1*=, ...)."""
    maxlen = policy.max_line_length or _UNLIMITED
    lines = _token_lines(name, re.split(r'([ \t]+)', ' ' + main), maxlen)
    for pname, value in params:
        _fold_parameter(lines, pname, value, maxlen, policy.utf8)
    return policy.linesep.join(lines) + policy.linesep


def _fold_parameter(lines, name, value, maxlen, utf8):
    if not lines[-1].rstrip().endswith(';'):
        lines[-1] += ';'
    charset, errors_ = _parameter_charset(value, utf8)
    if charset is None:
        text = '{}="{}"'.format(name, utils.quote(value))
    else:
        text = "{}*={}''{}".format(name, charset, urllib.parse.quote(
            value, safe='', errors=errors_))
    if len(lines[-1]) + len(text) + 1 <= maxlen:
        lines[-1] += ' ' + text
    elif len(text) + 2 <= maxlen:
        lines.append(' ' + text)
    else:
        _fold_parameter_sections(lines, name, value, maxlen,
                                 charset or 'us-ascii', errors_)


def _parameter_charset(value, utf8):
    """(charset, error handler) for an RFC 2231 encoded value, or
    (None, 'strict') when value can be written as a quoted string."""
    try:
        value.encode('utf-8' if utf8 else 'us-ascii')
        return None, 'strict'
    except UnicodeEncodeError:
        pass
    try:
        value.encode('utf-8')
        return 'utf-8', 'strict'
    except UnicodeEncodeError:
        return 'unknown-8bit', 'surrogateescape'


def _fold_parameter_sections(lines, name, value, maxlen, charset, errors_):
    """value as RFC 2231 sections, one a line; the first carries the
    charset.  A width too narrow for one character falls back to 78."""
    section = 0
    prefix = charset + "''"
    while value:
        chrome = len(name) + len(str(section)) + 3 + len(prefix)
        if maxlen <= chrome + 3:
            maxlen = 78
        room = maxlen - chrome - 2
        cut = room
        while True:
            encoded = urllib.parse.quote(value[:cut], safe='',
                                         errors=errors_)
            if len(encoded) <= room or cut <= 1:
                break
            cut -= 1
        lines.append(' {}*{}*={}{}'.format(name, section, prefix, encoded))
        prefix = ''
        section += 1
        value = value[cut:]
        if value:
            lines[-1] += ';'


def fold_value(name, text, policy, move_whole=True):
    """Fold text at its whitespace.  Text that already holds line
    breaks keeps them."""
    if '\n' in text or '\r' in text:
        lines = re.split(r'\r\n|\r|\n', text)
        return '{}: {}{}'.format(name, policy.linesep.join(lines),
                                 policy.linesep)
    if not text:
        return name + ':' + policy.linesep
    return fold_tokens(name, re.split(r'([ \t]+)', ' ' + text), policy,
                       move_whole)


def _charset_of(word):
    """The charset an encoded word for word is written in."""
    if word.isascii():
        return 'us-ascii'
    try:
        word.encode('utf-8')
    except UnicodeEncodeError:
        return 'unknown-8bit'      # bytes smuggled in as surrogates
    return 'utf-8'


def encoded_word(text, charset):
    """text as one RFC 2047 encoded word: 'q' unless 'b' is at least 5
    characters shorter."""
    if charset == 'unknown-8bit':
        data = text.encode('ascii', 'surrogateescape')
    else:
        data = text.encode(charset)
    if q_length(data) - b_length(data) < 5:
        return '=?%s?q?%s?=' % (charset, q_encode(data))
    return '=?%s?b?%s?=' % (charset,
                            base64.b64encode(data).decode('ascii'))


class _UnstructuredFolder:
    """Folds one unstructured value.  last_ew is the index in the last
    line where an encoded word still open for extension starts (None
    when the line ends in plain text that must stay plain), ew_text the
    unencoded text from there to the end of the line."""

    def __init__(self, name, maxlen, utf8):
        self.lines = [name + ':']
        self.maxlen = maxlen
        self.utf8 = utf8
        self.last_ew = None
        self.ew_text = ''
        self.last_charset = None

    def needs_encoding(self, word, mode='text'):
        """Whether word must be an encoded word.  mode 'text' is a word
        of free text, 'phrase' a word of a display name (specials must
        be encoded there too), 'fixed' text never encoded (an address,
        a separator)."""
        if mode != 'fixed' and _NEWLINE.search(word):
            # A line break decoded from an encoded word stays encoded:
            # written plain it would end the header (an injection).
            return True
        if self.utf8 or mode == 'fixed':
            return False
        if mode == 'phrase' and _SPECIALS.search(word):
            return True
        return not word.isascii()

    def add(self, token, mode='text'):
        is_space = token[0] in _WSP
        if not is_space and self.needs_encoding(token, mode):
            self.add_encoded(token)
            return
        lines = self.lines
        if len(lines[-1]) + len(token) <= self.maxlen:
            lines[-1] += token
            if mode == 'fixed' and not is_space:
                self.last_ew = None
            elif self.last_ew is not None:
                self.ew_text += token
            return
        if len(token) + 1 <= self.maxlen:
            space = _steal_space(lines)
            if space or is_space:
                lines.append(space + token)
                self.last_ew = None
                return
        if not is_space and mode != 'fixed':
            # Too long for any line: encoded words can be cut.
            self.add_encoded(token)
            return
        space = _steal_space(lines)
        if space or is_space:
            lines.append(space + token)
        else:
            lines[-1] += token
        self.last_ew = None

    def add_encoded(self, word):
        charset = _charset_of(word)
        if self.last_ew is not None and charset != self.last_charset and \
                (self.last_charset == 'unknown-8bit' or
                 self.last_charset == 'utf-8' and charset != 'us-ascii'):
            self.last_ew = None
        self.last_charset = charset
        if charset == 'us-ascii':
            charset = 'utf-8'
        lines = self.lines
        if self.last_ew is not None:
            word = self.ew_text + word
            lines[-1] = lines[-1][:self.last_ew]
        else:
            self.last_ew = len(lines[-1])
        chrome = len(charset) + 7
        if chrome + 1 >= self.maxlen:
            raise errors.HeaderParseError(
                'max_line_length is too small to fit an encoded word')
        while word:
            piece = self._fill_line(word, charset, chrome)
            if piece is None:
                lines.append(' ')
                self.last_ew = 1
                continue
            self.ew_text = piece
            word = word[len(piece):]
            if word:
                lines.append(' ')
                self.last_ew = 1

    def _fill_line(self, word, charset, chrome):
        """Put the longest start of word that fits on the last line as
        an encoded word and return it, or None if there is no room (the
        caller starts a new line).  A fresh line takes at least one
        character, so folding always advances."""
        room = self.maxlen - len(self.lines[-1])
        if room - chrome <= 0:
            return None
        piece = word[:room - chrome]
        ew = encoded_word(piece, charset)
        while len(ew) > room and len(piece) > 1:
            piece = piece[:-1]
            ew = encoded_word(piece, charset)
        if len(ew) > room and self.lines[-1].strip():
            return None
        self.lines[-1] += ew
        return piece


def fold_unstructured(name, text, policy):
    """Fold free text for policy, RFC 2047 encoding the words that need
    it (non-ASCII ones unless policy.utf8, and words longer than a
    line) and leaving the others plain."""
    maxlen = policy.max_line_length or _UNLIMITED
    # Line breaks are words of their own, glued to their neighbours.
    tokens = [t for t in re.split(r'([ \t]+|[\r\n]+)', text) if t]
    folder = _UnstructuredFolder(name, maxlen, policy.utf8)
    if not any(folder.needs_encoding(t) for t in tokens):
        # All plain: fold as any other value (which may move it whole).
        if not any(len(t) + 1 > maxlen for t in tokens):
            return fold_value(name, text, policy)
    for token in [' '] + tokens if tokens else []:
        folder.add(token)
    return policy.linesep.join(folder.lines) + policy.linesep


def fold_mixed(name, tokens, policy):
    """Fold (token, mode) pairs (see _UnstructuredFolder.needs_encoding)
    after 'name:' with the encoded-word rules of fold_unstructured; used
    for address lists whose display names must be encoded."""
    folder = _UnstructuredFolder(name, policy.max_line_length or _UNLIMITED,
                                 policy.utf8)
    for token, mode in tokens:
        if token:
            folder.add(token, mode)
    return policy.linesep.join(folder.lines) + policy.linesep
