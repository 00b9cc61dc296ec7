"""FeedParser: build a message tree from text fed in pieces.

Text is collected by feed() and parsed by close(); the parser never
raises on malformed input, it records defects on the message instead
(unless the policy says to raise).
"""

__all__ = ['FeedParser', 'BytesFeedParser']

import re

from email import errors
from email._policybase import compat32

NLCRE = re.compile(r'\r\n|\r|\n')
NLCRE_crack = re.compile(r'(\r\n|\r|\n)')
headerRE = re.compile(r'^(From |[\041-\071\073-\176]*:|[\t ])')
_HEADER_NAME = re.compile(r'[\041-\071\073-\176]+:')


def _lines(text):
    """text split after each line break, line endings kept."""
    parts = NLCRE_crack.split(text)
    lines = []
    for i in range(0, len(parts) - 1, 2):
        lines.append(parts[i] + parts[i + 1])
    if parts[-1]:
        lines.append(parts[-1])
    return lines


class FeedParser:
    """Parse a message fed as text by feed(); close() returns it."""

    def __init__(self, _factory=None, *, policy=compat32):
        self.policy = policy
        if _factory is None:
            factory = policy.message_factory
            if factory is None:
                from email.message import Message as factory
            self._factory = factory
        else:
            self._factory = _factory
        self._old_style_factory = False
        try:
            self._factory(policy=self.policy)
        except TypeError:
            self._old_style_factory = True
        self._chunks = []
        self._headers_only = False
        self._closed = None

    def _set_headersonly(self):
        self._headers_only = True

    def feed(self, data):
        """Add more text of the message."""
        self._chunks.append(data)

    def close(self):
        """Parse everything fed so far and return the root message."""
        if self._closed is None:
            text = ''.join(self._chunks)
            self._closed = self._parse(_lines(text), top=True)
        return self._closed

    def _new_message(self):
        if self._old_style_factory:
            msg = self._factory()
            msg.policy = self.policy
        else:
            msg = self._factory(policy=self.policy)
        return msg

    def _parse(self, lines, top=False, default_type=None):
        msg = self._new_message()
        if default_type is not None:
            msg.set_default_type(default_type)
        pos = self._parse_headers(msg, lines, top)
        body = lines[pos:]
        if self._headers_only:
            msg.set_payload(''.join(body))
            return msg
        self._parse_body(msg, body)
        return msg

    def _parse_headers(self, msg, lines, top):
        """Read the header block into msg; return the index where the
        body starts (after the blank separator line, if any)."""
        pos = 0
        current = []
        if top and lines and lines[0].startswith('From '):
            msg.set_unixfrom(lines[0].rstrip('\r\n'))
            pos = 1
        while pos < len(lines):
            line = lines[pos]
            if not line.strip('\r\n'):
                pos += 1
                break
            if line[0] in ' \t':
                if not current:
                    self.policy.handle_defect(
                        msg, errors.FirstHeaderLineIsContinuationDefect(line))
                    pos += 1
                    continue
                current.append(line)
            elif line.startswith('From '):
                self.policy.handle_defect(
                    msg, errors.MisplacedEnvelopeHeaderDefect(line))
            elif _HEADER_NAME.match(line):
                self._flush_header(msg, current)
                current = [line]
            elif line.startswith(':'):
                # A header without a name is dropped (recorded even
                # under raise_on_defect, as CPython does).
                self._flush_header(msg, current)
                current = []
                msg.defects.append(
                    errors.InvalidHeaderDefect('Missing header name.'))
            else:
                # Not a header: the body starts here without a blank line.
                self.policy.handle_defect(
                    msg, errors.MissingHeaderBodySeparatorDefect())
                break
            pos += 1
        self._flush_header(msg, current)
        return pos

    def _flush_header(self, msg, sourcelines):
        if sourcelines:
            msg.set_raw(*self.policy.header_source_parse(sourcelines))

    def _parse_body(self, msg, body):
        maintype = msg.get_content_maintype()
        if maintype == 'multipart':
            self._parse_multipart(msg, body)
        elif msg.get_content_type() == 'message/delivery-status':
            # A series of header blocks separated by blank lines.
            blocks, current = [], []
            for line in body:
                if not line.strip('\r\n'):
                    blocks.append(current)
                    current = []
                else:
                    current.append(line)
            blocks.append(current)
            parts = []
            for block in blocks:
                if block:
                    part = self._new_message()
                    self._parse_headers(part, block, False)
                    parts.append(part)
            msg.set_payload(parts)
        elif maintype == 'message':
            # Any other message/* type (rfc822, external-body, partial,
            # ...) holds one message, as CPython parses it.
            msg.set_payload([self._parse(body)])
        else:
            msg.set_payload(''.join(body))

    def _parse_multipart(self, msg, body):
        boundary = msg.get_boundary()
        if boundary is None:
            self.policy.handle_defect(msg,
                                      errors.NoBoundaryInMultipartDefect())
            self.policy.handle_defect(
                msg, errors.MultipartInvariantViolationDefect())
            msg.set_payload(''.join(body))
            return
        cte = str(msg.get('content-transfer-encoding', '8bit')).lower()
        if cte not in ('7bit', '8bit', 'binary'):
            self.policy.handle_defect(
                msg, errors.InvalidMultipartContentTransferEncodingDefect())
        separator = '--' + boundary
        boundary_re = re.compile(
            '^' + re.escape(separator) + r'(?P<end>--)?[ \t]*(\r\n|\r|\n)?$')
        sections = [[]]
        closed = False
        close_index = None
        for index, line in enumerate(body):
            match = boundary_re.match(line)
            if match:
                if match.group('end'):
                    closed = True
                    close_index = index
                    break
                # A boundary right after another one starts no part.
                if len(sections) == 1 or sections[-1]:
                    sections.append([])
            else:
                sections[-1].append(line)
        if len(sections) == 1:
            self.policy.handle_defect(msg,
                                      errors.StartBoundaryNotFoundDefect())
            msg.set_payload(''.join(body))
            msg.epilogue = None
            return
        preamble_lines = sections[0]
        if preamble_lines:
            msg.preamble = _strip_last_eol(''.join(preamble_lines))
        else:
            msg.preamble = None
        parts = []
        default = 'message/rfc822' if msg.get_content_subtype() == 'digest' \
            else None
        for section in sections[1:]:
            # The line break before a boundary belongs to the boundary
            # (and, the close boundary missing, the last one to the end).
            part_lines = _lines(_strip_last_eol(''.join(section)))
            parts.append(self._parse(part_lines, default_type=default))
        msg.set_payload(parts)
        if not closed:
            self.policy.handle_defect(msg,
                                      errors.CloseBoundaryNotFoundDefect())
            msg.epilogue = None
            return
        close_line = body[close_index]
        rest = body[close_index + 1:]
        if not close_line.endswith(('\n', '\r')):
            msg.epilogue = None
        else:
            msg.epilogue = ''.join(rest)
        if not msg.get_payload():
            self.policy.handle_defect(
                msg, errors.MultipartInvariantViolationDefect())


def _strip_last_eol(text):
    if text.endswith('\r\n'):
        return text[:-2]
    if text.endswith(('\n', '\r')):
        return text[:-1]
    return text


class BytesFeedParser(FeedParser):
    """Like FeedParser, fed bytes; non-ASCII bytes are kept as surrogate
    escapes so that the message can be written back unchanged."""

    def feed(self, data):
        super().feed(data.decode('ascii', 'surrogateescape'))
