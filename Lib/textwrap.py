"""Text wrapping and filling.

wrap() and fill() break paragraphs into lines of at most `width`
characters; shorten() truncates to a single line; dedent() and indent()
remove or add leading whitespace.
"""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

# Only ASCII whitespace counts: Unicode spaces such as U+00A0 are meant
# not to break lines.
_whitespace = '\t\n\x0b\x0c\r '


def _is_space(c):
    return c in _whitespace


def _is_word_char(c):
    # The \w class of regular expressions.
    return c.isalnum() or c == '_'


def _is_letter(c):
    # A word character that is not a decimal digit.
    return _is_word_char(c) and not c.isdecimal()


def _is_word_punct(c):
    return _is_word_char(c) or c in '!"\'&.,?'


def _split_words(text):
    """Split text into chunks: runs of whitespace, em-dashes ('--' between
    words) and words, where a word may end just after a hyphen that joins
    two parts made of letters ("long-term" -> "long-", "term")."""
    chunks = []
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if _is_space(c):
            j = i
            while j < n and _is_space(text[j]):
                j += 1
            chunks.append(text[i:j])
            i = j
            continue
        if c == '-' and i > 0 and _is_word_punct(text[i - 1]):
            j = i
            while j < n and text[j] == '-':
                j += 1
            if j - i >= 2 and j < n and _is_word_char(text[j]):
                chunks.append(text[i:j])
                i = j
                continue
        j = _word_end(text, i)
        chunks.append(text[i:j])
        i = j
    return chunks


def _word_end(text, start):
    """End of the word chunk starting at text[start] (not whitespace)."""
    n = len(text)
    j = start + 1
    while True:
        # After text[start:j] (at least one character), try to end here.
        if j < n and text[j] == '-' and _hyphen_breaks(text, j):
            return j + 1
        if j >= n or _is_space(text[j]):
            return j
        if (_is_word_punct(text[j - 1]) and text.startswith('--', j)):
            k = j
            while k < n and text[k] == '-':
                k += 1
            if k < n and _is_word_char(text[k]):
                return j
        j += 1


def _hyphen_breaks(text, h):
    """May a line break follow the hyphen at text[h]?  Its left side must
    be two letters or letter-hyphen-letter, its right side a letter, an
    optional hyphen and a letter."""
    n = len(text)
    left = (h >= 2 and _is_letter(text[h - 1]) and _is_letter(text[h - 2])) or (
        h >= 3 and _is_letter(text[h - 1]) and text[h - 2] == '-' and
        _is_letter(text[h - 3]))
    if not left:
        return False
    k = h + 1
    if k >= n or not _is_letter(text[k]):
        return False
    k += 1
    if k < n and text[k] == '-':
        k += 1
    return k < n and _is_letter(text[k])


def _split_on_whitespace(text):
    chunks = []
    n = len(text)
    i = 0
    while i < n:
        space = _is_space(text[i])
        j = i
        while j < n and _is_space(text[j]) == space:
            j += 1
        chunks.append(text[i:j])
        i = j
    return chunks


def _ends_sentence(chunk):
    """A lowercase ASCII letter, then '.', '!' or '?', then an optional
    quote, at the end of chunk."""
    if chunk[-1:] in ('"', "'"):
        chunk = chunk[:-1]
    return (len(chunk) >= 2 and chunk[-1] in '.!?' and
            'a' <= chunk[-2] <= 'z')


class TextWrapper:
    """Wrap paragraphs of text; the public attributes are the options.

    width: maximum line length; initial_indent, subsequent_indent: prefixes
    of the first and of the other lines; expand_tabs, tabsize: expand tabs
    first; replace_whitespace: turn each whitespace character into a space;
    drop_whitespace: drop whitespace at the start and end of lines;
    fix_sentence_endings: two spaces after a sentence; break_long_words:
    split words longer than width; break_on_hyphens: allow breaks after
    hyphens of compound words; max_lines: truncate, ending with
    placeholder.
    """

    unicode_whitespace_trans = dict.fromkeys(map(ord, _whitespace), ord(' '))
    uspace = ord(' ')

    def __init__(self, width=70, initial_indent="", subsequent_indent="",
                 expand_tabs=True, replace_whitespace=True,
                 fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *,
                 max_lines=None, placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        if self.break_on_hyphens is True:
            chunks = _split_words(text)
        else:
            chunks = _split_on_whitespace(text)
        return [c for c in chunks if c]

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _ends_sentence(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        """Put as much of the too-long chunk reversed_chunks[-1] on the
        current line as fits (or all of it on an empty line when long
        words may not be broken)."""
        if width < 1:
            space_left = 1
        else:
            space_left = width - cur_len

        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                # Prefer a break after the last hyphen that fits, unless
                # only hyphens precede it.
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and any(c != '-' for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        """Assemble chunks into lines no longer than self.width."""
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            if self.max_lines > 1:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")

        # Popping from the end of a list is cheap.
        chunks.reverse()

        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)

            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]

            while chunks:
                length = len(chunks[-1])
                if cur_len + length <= width:
                    cur_line.append(chunks.pop())
                    cur_len += length
                else:
                    break

            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))

            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]

            if cur_line:
                if (self.max_lines is None or
                        len(lines) + 1 < self.max_lines or
                        (not chunks or
                         self.drop_whitespace and len(chunks) == 1 and
                         not chunks[0].strip()) and cur_len <= width):
                    lines.append(indent + ''.join(cur_line))
                else:
                    # The last allowed line: end it with the placeholder.
                    while cur_line:
                        if (cur_line[-1].strip() and
                                cur_len + len(self.placeholder) <= width):
                            cur_line.append(self.placeholder)
                            lines.append(indent + ''.join(cur_line))
                            break
                        cur_len -= len(cur_line[-1])
                        del cur_line[-1]
                    else:
                        if lines:
                            prev_line = lines[-1].rstrip()
                            if (len(prev_line) + len(self.placeholder) <=
                                    self.width):
                                lines[-1] = prev_line + self.placeholder
                                break
                        lines.append(indent + self.placeholder.lstrip())
                    break

        return lines

    def _split_chunks(self, text):
        text = self._munge_whitespace(text)
        return self._split(text)

    def wrap(self, text):
        """Return text wrapped into a list of lines (no final newlines)."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """Return text wrapped into a single string of lines."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """Wrap a paragraph into a list of lines of at most width characters."""
    w = TextWrapper(width=width, **kwargs)
    return w.wrap(text)


def fill(text, width=70, **kwargs):
    """Wrap a paragraph and return it as one string."""
    w = TextWrapper(width=width, **kwargs)
    return w.fill(text)


def shorten(text, width, **kwargs):
    """Collapse the whitespace of text and truncate it to width, ending
    with the placeholder when words are dropped."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


def dedent(text):
    """Remove the leading whitespace common to all non-blank lines;
    whitespace-only lines become empty."""
    if not text:
        return text
    lines = text.split('\n')
    margin = None
    for line in lines:
        if not line or line.isspace():
            continue
        if margin is None:
            margin = len(line) - len(line.lstrip(' \t'))
            prefix = line[:margin]
            continue
        common = 0
        limit = min(margin, len(line))
        while common < limit and line[common] == prefix[common]:
            common += 1
        margin = common
    if margin is None:
        margin = 0
    return '\n'.join(['' if line.isspace() else line[margin:]
                      for line in lines])


def indent(text, prefix, predicate=None):
    """Add prefix to the lines of text selected by predicate (by default
    those not consisting solely of whitespace)."""
    prefixed_lines = []
    for line in text.splitlines(True):
        if (predicate(line) if predicate is not None else not line.isspace()):
            prefixed_lines.append(prefix)
        prefixed_lines.append(line)
    return ''.join(prefixed_lines)


if __name__ == "__main__":
    print(dedent("Hello there.\n  This is indented."))
