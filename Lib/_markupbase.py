"""Shared support for scanning SGML-style markup declarations.

ParserBase is a base class for parsers of HTML-like documents: it keeps
the line and column position, and parses the <!...> constructs --
declarations such as <!DOCTYPE ...> with an internal subset, comments and
marked sections.  A subclass provides rawdata (the text being parsed) and
the handle_decl, handle_comment and unknown_decl callbacks.

The parse_* methods take the index of the '<' and return the index just
past the construct, or -1 when the text ends before it does (the caller
then waits for more data).  Malformed markup raises AssertionError.
"""

import re

_declname_match = re.compile(r'[a-zA-Z][-_.a-zA-Z0-9]*\s*').match
_declstringlit_match = re.compile(r'(\'[^\']*\'|"[^"]*")\s*').match
_commentclose = re.compile(r'--\s*>')
_markedsectionclose = re.compile(r']\s*]\s*>')
# Microsoft Office's conditional sections, <![if ...]> ... <![endif]>.
_msmarkedsectionclose = re.compile(r']\s*>')

_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


class ParserBase:
    """The part of a markup parser that scans declarations."""

    def __init__(self):
        if self.__class__ is ParserBase:
            raise RuntimeError(
                "_markupbase.ParserBase must be subclassed")

    def reset(self):
        self.lineno = 1
        self.offset = 0

    def getpos(self):
        """(line number, offset) of the current position."""
        return self.lineno, self.offset

    def updatepos(self, i, j):
        """Move the position over rawdata[i:j]; return j."""
        if i >= j:
            return j
        rawdata = self.rawdata
        nlines = rawdata.count("\n", i, j)
        if nlines:
            self.lineno += nlines
            self.offset = j - (rawdata.rindex("\n", i, j) + 1)
        else:
            self.offset += j - i
        return j

    # Characters allowed in a declaration besides names and literals.
    _decl_otherchars = ''

    def parse_declaration(self, i):
        """Parse the <!...> at rawdata[i]: a comment, a marked section, a
        DOCTYPE (reported to handle_decl) or another declaration
        (reported to unknown_decl)."""
        rawdata = self.rawdata
        j = i + 2
        assert rawdata[i:j] == "<!", "unexpected call to parse_declaration"
        if rawdata[j:j + 1] == ">":
            return j + 1            # the empty comment <!>
        if rawdata[j:j + 1] in ("-", ""):
            # Maybe a comment whose "--" is not all here yet.
            return -1
        n = len(rawdata)
        if rawdata[j:j + 2] == '--':
            return self.parse_comment(i)
        if rawdata[j] == '[':
            return self.parse_marked_section(i)
        decltype, j = self._scan_name(j, i)
        if j < 0:
            return j
        if decltype == "doctype":
            self._decl_otherchars = ''
        while j < n:
            c = rawdata[j]
            if c == ">":
                data = rawdata[i + 2:j]
                if decltype == "doctype":
                    self.handle_decl(data)
                else:
                    self.unknown_decl(data)
                return j + 1
            if c in "\"'":
                m = _declstringlit_match(rawdata, j)
                if not m:
                    return -1
                j = m.end()
            elif c in _LETTERS:
                _, j = self._scan_name(j, i)
            elif c in self._decl_otherchars:
                j += 1
            elif c == "[":
                if decltype == "doctype":
                    j = self._parse_doctype_subset(j + 1, i)
                elif decltype in {"attlist", "linktype", "link", "element"}:
                    raise AssertionError(
                        "unsupported '[' char in %s declaration" % decltype)
                else:
                    raise AssertionError("unexpected '[' char in declaration")
            else:
                raise AssertionError(
                    "unexpected %r char in declaration" % rawdata[j])
            if j < 0:
                return j
        return -1

    def parse_marked_section(self, i, report=1):
        """Parse <![keyword[ ... ]]> (or Office's <![if ...]>); with
        report, pass its content to unknown_decl."""
        rawdata = self.rawdata
        assert rawdata[i:i + 3] == '<![', \
            "unexpected call to parse_marked_section()"
        sect_name, j = self._scan_name(i + 3, i)
        if j < 0:
            return j
        if sect_name in {"temp", "cdata", "ignore", "include", "rcdata"}:
            match = _markedsectionclose.search(rawdata, i + 3)
        elif sect_name in {"if", "else", "endif"}:
            match = _msmarkedsectionclose.search(rawdata, i + 3)
        else:
            raise AssertionError('unknown status keyword %r in marked section'
                                 % rawdata[i + 3:j])
        if not match:
            return -1
        if report:
            self.unknown_decl(rawdata[i + 3:match.start(0)])
        return match.end(0)

    def parse_comment(self, i, report=1):
        """Parse <!-- ... -->; with report, pass the text to
        handle_comment."""
        rawdata = self.rawdata
        if rawdata[i:i + 4] != '<!--':
            raise AssertionError('unexpected call to parse_comment()')
        match = _commentclose.search(rawdata, i + 4)
        if not match:
            return -1
        if report:
            self.handle_comment(rawdata[i + 4:match.start(0)])
        return match.end(0)

    def _parse_doctype_subset(self, i, declstartpos):
        # The internal subset of a DOCTYPE, from after its '[': returns
        # the index of the closing '>'.
        rawdata = self.rawdata
        n = len(rawdata)
        j = i
        while j < n:
            c = rawdata[j]
            if c == "<":
                s = rawdata[j:j + 2]
                if s == "<":
                    return -1
                if s != "<!":
                    self.updatepos(declstartpos, j + 1)
                    raise AssertionError(
                        "unexpected char in internal subset (in %r)" % s)
                if j + 4 > n:
                    return -1
                if rawdata[j:j + 4] == "<!--":
                    j = self.parse_comment(j, report=0)
                    if j < 0:
                        return j
                    continue
                name, j = self._scan_name(j + 2, declstartpos)
                if j == -1:
                    return -1
                if name not in {"attlist", "element", "entity", "notation"}:
                    self.updatepos(declstartpos, j + 2)
                    raise AssertionError(
                        "unknown declaration %r in internal subset" % name)
                j = getattr(self, "_parse_doctype_" + name)(j, declstartpos)
                if j < 0:
                    return j
            elif c == "%":
                # A parameter entity reference.
                if j + 1 == n:
                    return -1
                _, j = self._scan_name(j + 1, declstartpos)
                if j < 0:
                    return j
                if rawdata[j] == ";":
                    j += 1
            elif c == "]":
                j += 1
                while j < n and rawdata[j].isspace():
                    j += 1
                if j >= n:
                    return -1
                if rawdata[j] == ">":
                    return j
                self.updatepos(declstartpos, j)
                raise AssertionError("unexpected char after internal subset")
            elif c.isspace():
                j += 1
            else:
                self.updatepos(declstartpos, j)
                raise AssertionError(
                    "unexpected char %r in internal subset" % c)
        return -1

    def _parse_doctype_element(self, i, declstartpos):
        # <!ELEMENT name content-model>: the model is skipped.
        _, j = self._scan_name(i, declstartpos)
        if j == -1:
            return -1
        end = self.rawdata.find(">", j)
        return -1 if end < 0 else end + 1

    def _parse_doctype_attlist(self, i, declstartpos):
        # <!ATTLIST element (name type [default] [#constraint])*>
        rawdata = self.rawdata
        _, j = self._scan_name(i, declstartpos)
        c = rawdata[j:j + 1]
        if c == "":
            return -1
        if c == ">":
            return j + 1
        while True:
            _, j = self._scan_name(j, declstartpos)
            if j < 0:
                return j
            c = rawdata[j:j + 1]
            if c == "":
                return -1
            if c == "(":
                # An enumerated type: skip to its ')'.
                end = rawdata.find(")", j)
                if end < 0:
                    return -1
                j = end + 1
                while rawdata[j:j + 1].isspace():
                    j += 1
                if not rawdata[j:]:
                    return -1
            else:
                _, j = self._scan_name(j, declstartpos)
            c = rawdata[j:j + 1]
            if not c:
                return -1
            if c in "'\"":
                m = _declstringlit_match(rawdata, j)
                if not m:
                    return -1
                j = m.end()
                c = rawdata[j:j + 1]
                if not c:
                    return -1
            if c == "#":
                if rawdata[j:] == "#":
                    return -1
                _, j = self._scan_name(j + 1, declstartpos)
                if j < 0:
                    return j
                c = rawdata[j:j + 1]
                if not c:
                    return -1
            if c == '>':
                return j + 1

    def _parse_doctype_notation(self, i, declstartpos):
        # <!NOTATION name (names and literals)>
        _, j = self._scan_name(i, declstartpos)
        if j < 0:
            return j
        rawdata = self.rawdata
        while True:
            c = rawdata[j:j + 1]
            if not c:
                return -1
            if c == '>':
                return j + 1
            if c in "'\"":
                m = _declstringlit_match(rawdata, j)
                if not m:
                    return -1
                j = m.end()
            else:
                _, j = self._scan_name(j, declstartpos)
                if j < 0:
                    return j

    def _parse_doctype_entity(self, i, declstartpos):
        # <!ENTITY [%] name (names and literals)>
        rawdata = self.rawdata
        j = i
        if rawdata[i:i + 1] == "%":
            j = i + 1
            while True:
                c = rawdata[j:j + 1]
                if not c:
                    return -1
                if not c.isspace():
                    break
                j += 1
        _, j = self._scan_name(j, declstartpos)
        if j < 0:
            return j
        while True:
            c = rawdata[j:j + 1]
            if not c:
                return -1
            if c in "'\"":
                m = _declstringlit_match(rawdata, j)
                if not m:
                    return -1
                j = m.end()
            elif c == ">":
                return j + 1
            else:
                _, j = self._scan_name(j, declstartpos)
                if j < 0:
                    return j

    def _scan_name(self, i, declstartpos):
        # (the lower-cased name at rawdata[i], index past it and the blanks
        # after it), or (None, -1) when the text ends in it.
        rawdata = self.rawdata
        n = len(rawdata)
        if i == n:
            return None, -1
        m = _declname_match(rawdata, i)
        if not m:
            self.updatepos(declstartpos, i)
            raise AssertionError("expected name token at %r"
                                 % rawdata[declstartpos:declstartpos + 20])
        s = m.group()
        if i + len(s) == n:
            return None, -1
        return s.strip().lower(), m.end()

    def unknown_decl(self, data):
        """Called for declarations other than DOCTYPE; override it."""
        pass
