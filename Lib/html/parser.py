"""A parser for HTML and XHTML that tolerates invalid markup.

The tokenizer follows the HTML5 rules (tag, attribute, comment and
end-of-file handling) but builds no tree: it reports what it finds to
handler methods that a subclass overrides.
"""

import re

import _markupbase
from html import unescape
from html.entities import html5 as _html5

__all__ = ['HTMLParser']

_SPACE = '\t\n\r\f '
_TAG_NAME_END = re.compile(r'[\t\n\r\f />]')
_ATTR_NAME_END = re.compile(r'[\t\n\r\f />=]')
_UNQUOTED_VALUE_END = re.compile(r'[\t\n\r\f >]')
_ASCII_LETTER = re.compile(r'[a-zA-Z]')

# With convert_charrefs false, references are reported one by one.
_entityref = re.compile(r'&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]')
_charref = re.compile(r'&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]')
_incomplete_ref = re.compile(r'&[a-zA-Z#]')
_ref_boundary = re.compile(r'[\s;]')

_attr_ref = re.compile(r'&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*)[;=]?')


def _replace_attr_ref(match):
    # In attribute values a named reference counts only when it is a
    # complete name not followed by '=' (so "?a=1&copy=2" survives).
    ref = match.group()
    if ref.startswith('&#'):
        return unescape(ref)
    if not ref.endswith('=') and ref[1:] in _html5:
        return unescape(ref)
    return ref


def _unescape_attr(value):
    if '&' not in value:
        return value
    return _attr_ref.sub(_replace_attr_ref, value)


class _Incomplete(Exception):
    """The buffer ends inside a construct: wait for more data.  The
    optional argument is how far the input was consumed before that."""


class HTMLParser(_markupbase.ParserBase):
    """Find tags and other markup and call handler functions.

    Usage:
        p = HTMLParser()
        p.feed(data)
        ...
        p.close()

    Start tags go to handle_starttag() or handle_startendtag(), end tags
    to handle_endtag(), text to handle_data() (possibly in several
    pieces).  With convert_charrefs true (the default) character
    references in text are converted; otherwise they are reported
    through handle_entityref() and handle_charref().
    """

    # Elements whose content is raw text ending only at their end tag.
    CDATA_CONTENT_ELEMENTS = ('script', 'style', 'xmp', 'iframe',
                              'noembed', 'noframes')
    # Elements whose content is text with character references.
    RCDATA_CONTENT_ELEMENTS = ('textarea', 'title')

    def __init__(self, *, convert_charrefs=True, scripting=False):
        """Initialize and reset this instance.

        convert_charrefs: convert character references in text (outside
        raw-text elements such as script and style).
        scripting: treat the content of noscript as raw text, as a
        browser with scripting enabled does.
        """
        super().__init__()
        self.convert_charrefs = convert_charrefs
        self.scripting = scripting
        self.reset()

    def reset(self):
        """Reset this instance.  Loses all unprocessed data."""
        self.rawdata = ''
        self.lasttag = '???'
        self.cdata_elem = None
        self._escapable = False
        self._plaintext = False
        self._support_cdata = True
        self._starttag_text = None
        super().reset()         # the position: line 1, offset 0

    def feed(self, data):
        r"""Feed data to the parser: any amount of text, in any pieces."""
        self.rawdata = self.rawdata + data
        self._goahead(False)

    def close(self):
        """Handle the buffered data as if the document ended here."""
        self._goahead(True)

    def getpos(self):
        """Return the current (line number, offset) of the parser."""
        return self.lineno, self.offset

    def updatepos(self, i, j):
        """Advance the position over rawdata[i:j]; return j."""
        if i >= j:
            return j
        newlines = self.rawdata.count('\n', i, j)
        if newlines:
            self.lineno += newlines
            self.offset = j - (self.rawdata.rindex('\n', i, j) + 1)
        else:
            self.offset += j - i
        return j

    def get_starttag_text(self):
        """Return the full source of the last start tag: '<...>'."""
        return self._starttag_text

    def set_cdata_mode(self, elem, *, escapable=False):
        """Treat what follows as the text of elem up to its end tag;
        escapable: character references in it are still converted."""
        self.cdata_elem = elem.lower()
        self._escapable = escapable

    def clear_cdata_mode(self):
        self.cdata_elem = None
        self._escapable = False

    def _set_support_cdata(self, flag=True):
        """Whether '<![CDATA[' opens a CDATA section (as in foreign
        content such as SVG) or a bogus comment (in HTML content)."""
        self._support_cdata = flag

    # -- handlers, to be overridden ---------------------------------------

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_starttag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        pass

    def handle_charref(self, name):
        pass

    def handle_entityref(self, name):
        pass

    def handle_data(self, data):
        pass

    def handle_comment(self, data):
        pass

    def handle_decl(self, decl):
        pass

    def handle_pi(self, data):
        pass

    def unknown_decl(self, data):
        pass

    # -- the main loop ----------------------------------------------------

    def _goahead(self, end):
        rawdata = self.rawdata
        i = 0
        n = len(rawdata)
        try:
            while i < n:
                if self._plaintext:
                    self.handle_data(rawdata[i:n])
                    i = self.updatepos(i, n)
                elif self.cdata_elem is not None:
                    i = self._parse_raw_text(i, end)
                elif rawdata[i] == '<':
                    i = self._parse_markup(i, end)
                elif rawdata[i] == '&' and not self.convert_charrefs:
                    i = self._parse_reference(i, end)
                else:
                    i = self._parse_text(i, end)
        except _Incomplete as stop:
            if stop.args:
                i = stop.args[0]
        self.rawdata = rawdata[i:]

    def _emit_text(self, text, convert):
        if text:
            self.handle_data(unescape(text) if convert else text)

    def _parse_text(self, i, end):
        """Text up to the next '<' (or '&' when references are reported)."""
        rawdata = self.rawdata
        stops = '<' if self.convert_charrefs else '<&'
        j = min((pos for pos in (rawdata.find(c, i) for c in stops)
                 if pos >= 0), default=-1)
        if j < 0:
            j = len(rawdata)
            if self.convert_charrefs and not end:
                # A reference may be cut in two by the end of this chunk.
                amp = rawdata.rfind('&', max(i, j - 34))
                if amp >= 0 and not _ref_boundary.search(rawdata, amp):
                    raise _Incomplete
        self._emit_text(rawdata[i:j], self.convert_charrefs)
        return self.updatepos(i, j)

    def _parse_reference(self, i, end):
        """A reference reported to handle_charref/handle_entityref."""
        rawdata = self.rawdata
        for pattern, handler, skip in ((_charref, self.handle_charref, 2),
                                       (_entityref, self.handle_entityref, 1)):
            match = pattern.match(rawdata, i)
            if match:
                handler(match.group()[skip:-1])
                k = match.end()
                if rawdata[k - 1] != ';':
                    k -= 1
                return self.updatepos(i, k)
        n = len(rawdata)
        if rawdata.startswith('&#', i) and ';' in rawdata[i:]:
            # Not a valid numeric reference: '&#' is text.
            self.handle_data('&#')
            return self.updatepos(i, i + 2)
        if _incomplete_ref.match(rawdata, i) or i + 1 >= n:
            # The reference may continue in the next chunk; at the end
            # of the file the rest is text.
            if not end:
                raise _Incomplete
            self.handle_data(rawdata[i:])
            return self.updatepos(i, n)
        self.handle_data('&')
        return self.updatepos(i, i + 1)

    def _parse_raw_text(self, i, end):
        """Content of script, style, title...: text up to '</elem'
        followed by a space, '/' or '>'."""
        rawdata = self.rawdata
        closer = re.compile(r'</%s(?=[\t\n\r\f />])' % re.escape(self.cdata_elem),
                            re.IGNORECASE)
        match = closer.search(rawdata, i)
        if match:
            j = match.start()
        elif end:
            j = len(rawdata)
        else:
            # The content is buffered until its end tag arrives, so that
            # handle_data() sees it in one piece however it was fed.
            raise _Incomplete(i)
        self._emit_text(rawdata[i:j], self._escapable and self.convert_charrefs)
        i = self.updatepos(i, j)
        if not match:
            return i
        try:
            return self._parse_endtag(i, end)
        except _Incomplete:
            raise _Incomplete(i) from None

    def _parse_markup(self, i, end):
        rawdata = self.rawdata
        n = len(rawdata)
        if i + 1 >= n:
            if not end:
                raise _Incomplete
            self.handle_data('<')
            return self.updatepos(i, n)
        c = rawdata[i + 1]
        if _ASCII_LETTER.match(c):
            return self._parse_starttag(i, end)
        if c == '/':
            return self._parse_endtag(i, end)
        if c == '!':
            return self._parse_declaration(i, end)
        if c == '?':
            return self._parse_until_gt(i, 2, self.handle_pi, end)
        self.handle_data('<')
        return self.updatepos(i, i + 1)

    def _parse_until_gt(self, i, skip, handler, end):
        """A construct closed by the next '>' (bogus comment, processing
        instruction, doctype); at end of file it closes itself."""
        rawdata = self.rawdata
        gt = rawdata.find('>', i + skip)
        if gt < 0:
            if not end:
                raise _Incomplete
            handler(rawdata[i + skip:])
            return self.updatepos(i, len(rawdata))
        handler(rawdata[i + skip:gt])
        return self.updatepos(i, gt + 1)

    def _parse_declaration(self, i, end):
        rawdata = self.rawdata
        head = rawdata[i:i + 9]
        if len(head) < 9 and not end:
            # Which kind of construct this is may still be unknown.
            for prefix, probe in (('<!--', head), ('<!doctype', head.lower()),
                                  ('<![CDATA[', head)):
                if len(probe) < len(prefix) and prefix.startswith(probe):
                    raise _Incomplete
        if head.startswith('<!--'):
            return self._parse_comment(i, end)
        if head.lower() == '<!doctype':
            return self._parse_until_gt(i, 2, self.handle_decl, end)
        if head == '<![CDATA[' and self._support_cdata:
            close = rawdata.find(']]>', i + 9)
            if close < 0:
                if not end:
                    raise _Incomplete
                self.unknown_decl(rawdata[i + 3:])
                return self.updatepos(i, len(rawdata))
            self.unknown_decl(rawdata[i + 3:close])
            return self.updatepos(i, close + 3)
        return self._parse_until_gt(i, 2, self.handle_comment, end)

    def _parse_comment(self, i, end):
        """'<!--' ... '-->' or '--!>'; '<!-->' and '<!--->' are empty."""
        rawdata = self.rawdata
        start = i + 4
        for abrupt in ('>', '->'):
            if rawdata.startswith(abrupt, start):
                self.handle_comment('')
                return self.updatepos(i, start + len(abrupt))
        match = re.compile(r'--!?>').search(rawdata, start)
        if match is None:
            if not end:
                raise _Incomplete
            self.handle_comment(rawdata[start:])
            return self.updatepos(i, len(rawdata))
        self.handle_comment(rawdata[start:match.start()])
        return self.updatepos(i, match.end())

    # -- tags -------------------------------------------------------------

    def _scan_attributes(self, k):
        """Read attributes from rawdata[k:] up to the closing '>'.

        Return (attrs, self_closing, index after '>'); raise _Incomplete
        when the tag is not closed yet.
        """
        rawdata = self.rawdata
        n = len(rawdata)
        attrs = []
        while True:
            while k < n and (rawdata[k] in _SPACE or
                             (rawdata[k] == '/' and
                              not rawdata.startswith('/>', k))):
                k += 1
            if k >= n:
                raise _Incomplete
            if rawdata.startswith('/>', k):
                return attrs, True, k + 2
            if rawdata[k] == '>':
                return attrs, False, k + 1
            # An attribute name; its first character may even be '='.
            match = _ATTR_NAME_END.search(rawdata, k + 1)
            name_end = match.start() if match else n
            name = rawdata[k:name_end].lower()
            k = name_end
            while k < n and rawdata[k] in _SPACE:
                k += 1
            if k >= n:
                raise _Incomplete
            if rawdata[k] != '=':
                attrs.append((name, None))
                continue
            k += 1
            while k < n and rawdata[k] in _SPACE:
                k += 1
            if k >= n:
                raise _Incomplete
            quote = rawdata[k]
            if quote in '"\'':
                close = rawdata.find(quote, k + 1)
                if close < 0:
                    raise _Incomplete
                value = rawdata[k + 1:close]
                k = close + 1
            else:
                match = _UNQUOTED_VALUE_END.search(rawdata, k)
                if match is None:
                    raise _Incomplete
                value = rawdata[k:match.start()]
                k = match.start()
            attrs.append((name, _unescape_attr(value)))

    def _parse_starttag(self, i, end):
        rawdata = self.rawdata
        match = _TAG_NAME_END.search(rawdata, i + 1)
        if match is None:
            return self._incomplete_tag(i, end)
        tag = rawdata[i + 1:match.start()].lower()
        try:
            attrs, self_closing, k = self._scan_attributes(match.start())
        except _Incomplete:
            return self._incomplete_tag(i, end)
        self._starttag_text = rawdata[i:k]
        self.lasttag = tag
        i = self.updatepos(i, k)
        if self_closing:
            self.handle_startendtag(tag, attrs)
        else:
            self.handle_starttag(tag, attrs)
            self._enter_content_mode(tag)
        return i

    def _enter_content_mode(self, tag):
        if tag in self.CDATA_CONTENT_ELEMENTS or (
                tag == 'noscript' and self.scripting):
            self.set_cdata_mode(tag)
        elif tag in self.RCDATA_CONTENT_ELEMENTS:
            self.set_cdata_mode(tag, escapable=True)
        elif tag == 'plaintext':
            self._plaintext = True

    def _incomplete_tag(self, i, end):
        # HTML5: a tag cut off by the end of the file is dropped.
        if not end:
            raise _Incomplete
        return self.updatepos(i, len(self.rawdata))

    def _parse_endtag(self, i, end):
        rawdata = self.rawdata
        n = len(rawdata)
        if i + 2 >= n:
            if not end:
                raise _Incomplete
            self._emit_text(rawdata[i:], False)
            return self.updatepos(i, n)
        if rawdata[i + 2] == '>':
            return self.updatepos(i, i + 3)         # '</>' is ignored
        if not _ASCII_LETTER.match(rawdata[i + 2]):
            return self._parse_until_gt(i, 2, self.handle_comment, end)
        match = _TAG_NAME_END.search(rawdata, i + 2)
        if match is None:
            return self._incomplete_tag(i, end)
        tag = rawdata[i + 2:match.start()].lower()
        try:
            _, _, k = self._scan_attributes(match.start())
        except _Incomplete:
            return self._incomplete_tag(i, end)
        i = self.updatepos(i, k)
        if self.cdata_elem is not None:
            # Only called in raw text for the element's own end tag.
            self.clear_cdata_mode()
        self.handle_endtag(tag)
        return i
