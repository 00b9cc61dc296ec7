"""Header objects for the modern (non-compat32) policies.

A header object is a str (its decoded value) that also carries the
header's name, the defects found parsing it, and attributes for its
structure: addresses, a datetime, MIME parameters and so on.
HeaderRegistry maps header names to the classes that parse them.
"""

import re

from email import errors
from email import _folding
from email import utils
from email.header import decode_header, ecre

__all__ = [
    'Address', 'Group', 'BaseHeader', 'UnstructuredHeader',
    'UniqueUnstructuredHeader', 'DateHeader', 'UniqueDateHeader',
    'AddressHeader', 'UniqueAddressHeader', 'SingleAddressHeader',
    'UniqueSingleAddressHeader', 'MIMEVersionHeader',
    'ParameterizedMIMEHeader', 'ContentTypeHeader',
    'ContentDispositionHeader', 'ContentTransferEncodingHeader',
    'MessageIDHeader', 'HeaderRegistry',
]

_SPECIALS = re.compile(r'[][\\()<>@,:;".]')
# An RFC 2045 token: no space, control character or tspecial.
_TOKEN = re.compile(r'[^][\x00-\x20\x7f()<>@,;:\\"/?=]*')
_DOMAIN_LITERAL = re.compile(r'\[[^][\\]*\]')
# Characters that end a dot-atom: RFC 5322 specials but '.', and WSP.
_DOT_ATOM_ENDS = re.compile(r'[][()<>@,:;\\" \t]')


def _split_addr_spec(addr_spec):
    """(username, domain) of an RFC 5322 addr-spec; a header defect
    (a ValueError) is raised if it is not one: there must be a domain,
    an unquoted local part must be a dot-atom of ASCII text, the domain
    a dot-atom or a [literal]."""
    local, at, domain = addr_spec.rpartition('@')
    if not at:
        raise errors.InvalidHeaderDefect(
            'addr-spec local part with no domain: {!r}'.format(addr_spec))
    if local.startswith('"') and local.endswith('"') and len(local) > 1:
        return utils.unquote(local), domain
    if not local.isascii():
        raise errors.NonASCIILocalPartDefect(
            'local-part contains non-ASCII characters: {!r}'.format(local))
    if local and not _is_dot_atom(local) or \
            domain and not (_is_dot_atom(domain) or _DOMAIN_LITERAL.fullmatch(
                domain)):
        raise errors.InvalidHeaderDefect(
            'invalid addr-spec {!r}'.format(addr_spec))
    return local, domain


def _is_dot_atom(text):
    return all(part and not _DOT_ATOM_ENDS.search(part)
               for part in text.split('.'))


def _quote_if_needed(text):
    if text and _SPECIALS.search(text):
        return '"%s"' % utils.quote(text)
    return text


class Address:
    """A mailbox: display name, user name and domain."""

    def __init__(self, display_name='', username='', domain='',
                 addr_spec=None):
        inputs = ''.join(filter(None, (display_name, username, domain,
                                       addr_spec)))
        if '\r' in inputs or '\n' in inputs:
            raise ValueError('invalid arguments; address parts cannot '
                             'contain CR or LF')
        if addr_spec is not None:
            if username or domain:
                raise TypeError('addrspec specified when username and/or '
                                'domain also specified')
            username, domain = _split_addr_spec(addr_spec)
        self._display_name = display_name
        self._username = username
        self._domain = domain

    @property
    def display_name(self):
        return self._display_name

    @property
    def username(self):
        return self._username

    @property
    def domain(self):
        return self._domain

    @property
    def addr_spec(self):
        """'username@domain', the user name quoted if it needs to be."""
        local = self.username
        # Quoted only for specials or whitespace: UTF-8 text is atext
        # under RFC 6532, and dots are left alone (as CPython does).
        if _DOT_ATOM_ENDS.search(local):
            local = '"%s"' % utils.quote(local)
        if self.domain:
            return local + '@' + self.domain
        if not local:
            return '<>'
        return local

    def __repr__(self):
        return '{}(display_name={!r}, username={!r}, domain={!r})'.format(
            self.__class__.__name__, self.display_name, self.username,
            self.domain)

    def __str__(self):
        name = _quote_if_needed(self.display_name)
        if name:
            spec = '' if self.addr_spec == '<>' else self.addr_spec
            return '{} <{}>'.format(name, spec)
        return self.addr_spec

    def __eq__(self, other):
        if not isinstance(other, Address):
            return NotImplemented
        return (self.display_name == other.display_name
                and self.username == other.username
                and self.domain == other.domain)

    def __hash__(self):
        return hash((self.display_name, self.username, self.domain))


class Group:
    """A named group of addresses (a lone address has a None name)."""

    def __init__(self, display_name=None, addresses=None):
        self._display_name = display_name
        self._addresses = tuple(addresses) if addresses else tuple()

    @property
    def display_name(self):
        return self._display_name

    @property
    def addresses(self):
        return self._addresses

    def __repr__(self):
        return '{}(display_name={!r}, addresses={!r})'.format(
            self.__class__.__name__, self.display_name, self.addresses)

    def __str__(self):
        if self.display_name is None and len(self.addresses) == 1:
            return str(self.addresses[0])
        # As in CPython, a nameless group reads 'None:'.
        name = self.display_name
        if name is not None:
            name = _quote_if_needed(name)
        members = ', '.join(str(a) for a in self.addresses)
        return '{}:{};'.format(name, ' ' + members if members else '')

    def __eq__(self, other):
        if not isinstance(other, Group):
            return NotImplemented
        return (self.display_name == other.display_name
                and self.addresses == other.addresses)

    def __hash__(self):
        return hash((self.display_name, self.addresses))


def _decode_words(value):
    """value with its RFC 2047 encoded words decoded."""
    if not ecre.search(value):
        return value
    pieces = []
    for data, charset in decode_header(value):
        if isinstance(data, str):
            pieces.append(data)
            continue
        try:
            pieces.append(data.decode(charset or 'ascii', 'replace'))
        except LookupError:
            pieces.append(data.decode('ascii', 'replace'))
    return ''.join(pieces)


def _encode_words(text, utf8):
    """text with each run of non-ASCII words (and the whitespace inside
    the run) made one 'q' encoded word, unless utf8 output is allowed."""
    if utf8 or text.isascii():
        return text
    tokens = re.split(r'([ \t]+)', text)   # words at even indices
    out = []
    i = 0
    while i < len(tokens):
        if i % 2 == 0 and not tokens[i].isascii():
            run = [tokens[i]]
            while i + 2 < len(tokens) and not tokens[i + 2].isascii():
                run += [tokens[i + 1], tokens[i + 2]]
                i += 2
            out.append(' '.join(_q_words(''.join(run))))
        else:
            out.append(tokens[i])
        i += 1
    return ''.join(out)


# RFC 2047 limits an encoded word to 75 characters.
_MAX_ENCODED_WORD = 75


def _q_words(text):
    """text as 'q' encoded words of at most 75 characters each, split
    between characters (never inside one)."""
    from email.charset import q_encode
    words = []
    current = ''
    for ch in text:
        candidate = current + ch
        encoded = q_encode(candidate.encode('utf-8', 'surrogateescape'))
        if current and len(encoded) + 12 > _MAX_ENCODED_WORD:
            words.append(current)
            current = ch
        else:
            current = candidate
    words.append(current)
    return ['=?utf-8?q?%s?=' % q_encode(w.encode('utf-8', 'surrogateescape'))
            for w in words]


def _fold_items(name, items, policy):
    """Fold items (e.g. 'address,' pieces) joined by single spaces,
    breaking lines only between items.  The separating comma stays with
    its item even past the limit, as CPython does."""
    tokens = []
    for item in items:
        tokens.append(' ')
        if item.endswith(','):
            tokens += [item[:-1], ',']
        else:
            tokens.append(item)
    return _folding.fold_tokens(name, tokens, policy)


class BaseHeader(str):
    """A parsed header: a str holding the decoded value.

    Subclasses define parse(value, kwds), filling kwds['decoded'] and
    any attributes that init() then stores.
    """

    max_count = None

    def __new__(cls, name, value):
        kwds = {'defects': []}
        cls.parse(value, kwds)
        if utils._has_surrogates(kwds['decoded']):
            kwds['decoded'] = utils._sanitize(kwds['decoded'])
        self = str.__new__(cls, kwds['decoded'])
        del kwds['decoded']
        self.init(name, **kwds)
        return self

    def init(self, name, *, parse_tree=None, defects=()):
        self._name = name
        self._parse_tree = parse_tree
        self._defects = tuple(defects)

    @property
    def name(self):
        return self._name

    @property
    def defects(self):
        return tuple(self._defects)

    # Header objects are immutable: copies may share them.
    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    # Whether a value that does not fit after the name but fits on a
    # line of its own moves there whole (CPython: syntactic_break).
    _moves_whole = True

    def __reduce__(self):
        # Pickle as the registry-independent pair (name, text).
        return (_rebuild_header, (self.name, str(self)))

    def _folded_text(self, policy):
        return _encode_words(str(self), policy.utf8)

    def fold(self, *, policy):
        """The header as 'Name: value' folded for policy, RFC 2047
        encoding non-ASCII text unless policy.utf8 is set."""
        return _folding.fold_value(self.name, self._folded_text(policy),
                                   policy, self._moves_whole)


def _rebuild_header(name, value):
    return HeaderRegistry()(name, value)


class UnstructuredHeader:
    max_count = None

    def fold(self, *, policy):
        """Fold the text, RFC 2047 encoding its non-ASCII part unless
        policy.utf8 is set.  Undecodable bytes (read as U+FFFD in the
        header's text) are written back as unknown-8bit encoded words."""
        text = self._parse_tree
        if not isinstance(text, str):
            text = str(self)
        return _folding.fold_unstructured(self.name, text, policy)

    @classmethod
    def parse(cls, value, kwds):
        # Free text is its own parse tree; unlike the header's text it
        # keeps undecodable bytes (as surrogates) for folding.
        kwds['decoded'] = kwds['parse_tree'] = _decode_words(value)


class UniqueUnstructuredHeader(UnstructuredHeader):
    max_count = 1


class DateHeader:
    """A date; .datetime is None if the value could not be parsed."""

    max_count = None

    @classmethod
    def parse(cls, value, kwds):
        if not value:
            kwds['defects'].append(errors.HeaderMissingRequiredValue())
            kwds['datetime'] = None
            kwds['decoded'] = ''
            return
        if isinstance(value, str):
            kwds['decoded'] = value
            try:
                value = utils.parsedate_to_datetime(value)
            except ValueError:
                kwds['defects'].append(
                    errors.InvalidDateDefect('Invalid date value or format'))
                kwds['datetime'] = None
                return
        kwds['datetime'] = value
        kwds['decoded'] = utils.format_datetime(value)

    def init(self, *args, **kw):
        self._datetime = kw.pop('datetime')
        super().init(*args, **kw)

    @property
    def datetime(self):
        return self._datetime


class UniqueDateHeader(DateHeader):
    max_count = 1


class AddressHeader:
    """A list of addresses; .groups and .addresses give the parts."""

    max_count = None

    @staticmethod
    def value_parser(value):
        return _parse_address_list(value)

    @classmethod
    def parse(cls, value, kwds):
        if isinstance(value, str):
            groups = _parse_address_list(value, kwds['defects'])
            if kwds['defects'] or value.isascii():
                # Written back as it came (quoting and comments kept, as
                # CPython folds its parse tree); damaged input verbatim.
                kwds['source'] = value
        else:
            if not hasattr(value, '__iter__'):
                value = [value]
            groups = [item if hasattr(item, 'addresses')
                      else Group(None, [item]) for item in value]
        kwds['groups'] = groups
        kwds['decoded'] = ', '.join(str(g) for g in groups)

    def init(self, *args, **kw):
        self._groups = tuple(kw.pop('groups'))
        self._source = kw.pop('source', None)
        self._addresses = None
        super().init(*args, **kw)

    @property
    def groups(self):
        return self._groups

    @property
    def addresses(self):
        if self._addresses is None:
            self._addresses = tuple(a for g in self._groups
                                    for a in g.addresses)
        return self._addresses

    def fold(self, *, policy):
        """Fold between addresses rather than inside them; display
        names that must be encoded become encoded words word by word.
        A value parsed from ASCII text keeps its text; one parsed with
        defects is folded as it was written."""
        if self._source is not None and self.defects:
            return _folding.fold_value(
                self.name, _encode_words(self._source, policy.utf8), policy)
        if self._source is not None:
            return _fold_items(self.name, _split_top_level(self._source),
                               policy)
        if policy.utf8 or all(a.display_name.isascii()
                              for a in self.addresses):
            text = self._folded_text(policy)
            return _fold_items(self.name, _split_top_level(text), policy)
        return _folding.fold_mixed(self.name, self._fold_tokens(), policy)

    def _fold_tokens(self):
        """(token, mode) pairs for _folding.fold_mixed."""
        tokens = []
        for group in self._groups:
            tokens += [(',', 'fixed')] if tokens else []
            tokens.append((' ', 'fixed'))
            if group.display_name is None and len(group.addresses) == 1:
                tokens += _address_tokens(group.addresses[0])
                continue
            gname = _quote_if_needed(group.display_name or '')
            tokens.append((_encode_words(gname, False) + ':', 'fixed'))
            for i, addr in enumerate(group.addresses):
                tokens += [(',', 'fixed')] if i else []
                tokens += [(' ', 'fixed')] + _address_tokens(addr)
            tokens.append((';', 'fixed'))
        return tokens

    def _folded_text(self, policy):
        rendered = []
        for group in self._groups:
            members = []
            for addr in group.addresses:
                name = addr.display_name
                if name and not policy.utf8 and not name.isascii():
                    name = _encode_words(name, False)
                    members.append('{} <{}>'.format(name, addr.addr_spec))
                else:
                    members.append(str(addr))
            if group.display_name is None and len(members) == 1:
                rendered.append(members[0])
            else:
                gname = _quote_if_needed(group.display_name or '')
                rendered.append('{}:{};'.format(
                    gname, ' ' + ', '.join(members) if members else ''))
        return ', '.join(rendered)


def _address_tokens(addr):
    """(token, mode) pairs for one address: the words of a non-ASCII
    display name (encoded as needed), then the angle address."""
    name = addr.display_name
    if name.isascii():
        return [(str(addr), 'fixed')]
    tokens = [(word, 'phrase') for word in re.split(r'([ \t]+)', name)]
    spec = '' if addr.addr_spec == '<>' else addr.addr_spec
    return tokens + [(' ', 'fixed'), ('<' + spec + '>', 'fixed')]


def _split_top_level(text):
    """text cut after each top-level comma (outside quotes and angle
    brackets), the commas kept on the pieces."""
    items = []
    current = ''
    quoted = False
    depth = 0
    escaped = False
    for ch in text:
        current += ch
        if escaped:
            escaped = False
        elif ch == '\\' and quoted:
            escaped = True
        elif ch == '"':
            quoted = not quoted
        elif not quoted and ch == '<':
            depth += 1
        elif not quoted and ch == '>':
            depth -= 1
        elif ch == ',' and not quoted and depth == 0:
            items.append(current.strip())
            current = ''
    if current.strip():
        items.append(current.strip())
    return items


class UniqueAddressHeader(AddressHeader):
    max_count = 1


class SingleAddressHeader(AddressHeader):

    @property
    def address(self):
        if len(self.addresses) != 1:
            raise ValueError(('value of single address header {} is not '
                              'a single address').format(self.name))
        return self.addresses[0]


class UniqueSingleAddressHeader(SingleAddressHeader):
    max_count = 1


def _mailbox(tokens, defects):
    """The Address for the tokens of one mailbox, or None.  Encoded
    words are decoded after the list is split, so a decoded comma does
    not split it; an empty '<>' is an empty address (and a defect)."""
    mailbox = utils._one_mailbox(tokens, comments_as_name=False)
    if mailbox is None:
        return None
    name, spec = mailbox
    name = _decode_words(name)
    if spec:
        try:
            return Address(name, addr_spec=spec)
        except errors.HeaderDefect as exc:
            if defects is not None:
                defects.append(exc)
            local, at, domain = spec.rpartition('@')
            if not at:
                local, domain = spec, ''
            return Address(name, local, domain)
    if any(t[0] == 'angle' for t in tokens):
        if defects is not None:
            defects.append(errors.InvalidHeaderDefect(
                'angle-addr is empty'))
        return Address(name)
    return None


def _parse_address_list(value, defects=None):
    """Groups (lone mailboxes in unnamed groups) parsed from value."""
    groups = []
    scanner = utils._AddressScanner(value)
    tokens = scanner.tokens()
    current, members = [], []
    group_name = None
    for token in tokens + [(',', ',')]:
        kind = token[0]
        if kind == ':' and group_name is None and \
                not any(t[0] == 'angle' for t in current):
            group_name = _decode_words(' '.join(
                t[1] for t in current if t[0] in ('atom', 'quoted')))
            current = []
        elif kind in (',', ';'):
            address = _mailbox(current, defects)
            current = []
            if address is not None and group_name is None:
                groups.append(Group(None, [address]))
            elif address is not None:
                members.append(address)
            if kind == ';' and group_name is not None:
                groups.append(Group(group_name, members))
                group_name, members = None, []
        else:
            current.append(token)
    if group_name is not None:
        groups.append(Group(group_name, members))
    return groups


class MIMEVersionHeader:
    max_count = 1

    @classmethod
    def parse(cls, value, kwds):
        text = _strip_comments(str(value)).strip()
        match = re.match(r'(\d+)\s*\.\s*(\d+)', text)
        if match:
            kwds['major'] = int(match.group(1))
            kwds['minor'] = int(match.group(2))
            kwds['version'] = '{}.{}'.format(kwds['major'], kwds['minor'])
            if text[match.end():].strip():
                kwds['defects'].append(errors.InvalidHeaderDefect(
                    'Excess non-CFWS text after MIME version'))
        else:
            kwds['major'] = kwds['minor'] = kwds['version'] = None
            if not text:
                kwds['defects'].append(errors.HeaderMissingRequiredValue(
                    'Missing MIME version number'))
            else:
                kwds['defects'].append(errors.InvalidHeaderDefect(
                    'Expected MIME version number but found {!r}'.format(
                        text)))
        # The header's text is the value as written, comments included.
        kwds['decoded'] = str(value)

    def init(self, *args, **kw):
        self._version = kw.pop('version')
        self._major = kw.pop('major')
        self._minor = kw.pop('minor')
        super().init(*args, **kw)

    @property
    def major(self):
        return self._major

    @property
    def minor(self):
        return self._minor

    @property
    def version(self):
        return self._version


def _split_params(text):
    """(main value, [(name, value)...]) from 'main; a=b; c="d; e"'."""
    parts = []
    current = ''
    quoted = False
    escaped = False
    for ch in text:
        if escaped:
            current += ch
            escaped = False
        elif ch == '\\' and quoted:
            current += ch
            escaped = True
        elif ch == '"':
            quoted = not quoted
            current += ch
        elif ch == ';' and not quoted:
            parts.append(current)
            current = ''
        else:
            current += ch
    parts.append(current)
    main = parts[0].strip()
    params = []
    for part in parts[1:]:
        name, eq, value = _strip_comments(part).partition('=')
        name = name.strip()
        if not name:
            continue
        params.append((name, value.strip()))
    return main, params


_PARAM_NAME = re.compile(r'(?P<name>[^*]*)(?P<section>\*\d+)?(?P<ext>\*)?')


def _collapse_param(value, defects):
    """A parameter's text; RFC 2231 bytes its charset cannot decode (or
    in an unknown charset) are kept as surrogates, with a defect, so
    the caller's sanitizing reads valid UTF-8 as such."""
    if not isinstance(value, tuple):
        return utils.collapse_rfc2231_value(value)
    charset, _, text = value
    data = utils.unquote(text).encode('latin-1', 'surrogateescape')
    try:
        return data.decode(charset or 'us-ascii')
    except LookupError:
        try:
            return data.decode('us-ascii')  # unknown charsets read as ASCII
        except UnicodeDecodeError:
            pass
    except UnicodeDecodeError:
        pass
    defects.append(errors.UndecodableBytesDefect(
        'Encoded word contains bytes not decodable using '
        '{!r} charset'.format(charset)))
    return data.decode('us-ascii', 'surrogateescape')


def _rfc2231_defects(raw):
    """Defects of RFC 2231 parameters: a section number is written without
    leading zeros (name*0, name*1, never name*01); extended values
    (name*=, name*N*=) are tokens, never quoted strings, and the first
    section starts with charset'language'."""
    defects = []
    for name, value in raw:
        match = _PARAM_NAME.fullmatch(name)
        if match is None:
            continue
        section = match['section']
        if section and len(section) > 2 and section[1] == '0':
            defects.append(errors.InvalidHeaderDefect(
                'section number has an invalid leading 0'))
        if not match['ext']:
            continue
        if value.startswith('"'):
            defects.append(errors.InvalidHeaderDefect(
                'Quoted string value for extended parameter is invalid'))
        elif match['section'] in (None, '*0') and value.count("'") < 2:
            defects.append(errors.InvalidHeaderDefect(
                'Missing required charset/lang delimiters'))
    return defects


def _strip_comments(text):
    """text without its RFC 5322 comments: parenthesized, nestable,
    backslash escapes inside; quoted strings are kept as they are."""
    out = []
    depth = 0
    quoted = False
    escaped = False
    for ch in text:
        if escaped:
            escaped = False
            if depth == 0:
                out.append(ch)
        elif ch == '\\' and (quoted or depth):
            escaped = True
            if depth == 0:
                out.append(ch)
        elif depth:
            depth += {'(': 1, ')': -1}.get(ch, 0)
        elif ch == '"':
            quoted = not quoted
            out.append(ch)
        elif ch == '(' and not quoted:
            depth = 1
        else:
            out.append(ch)
    return ''.join(out)


class ParameterizedMIMEHeader:
    """A MIME header with 'key=value' parameters in .params (decoded)."""

    max_count = 1
    # The value stays after the name; its parameters fold instead.
    _moves_whole = False

    @classmethod
    def parse(cls, value, kwds):
        value = _decode_words(str(value))
        main, raw = _split_params(value)
        kwds['defects'].extend(_rfc2231_defects(raw))
        params = {}
        names = {}          # lower-case name -> name as written
        raw_params = {}     # name -> value with undecodable bytes kept
        if raw:
            lowered = [(name.lower(), pvalue) for name, pvalue in raw]
            for name, pvalue in utils.decode_params([('', '')] + lowered)[1:]:
                text = _collapse_param(pvalue, kwds['defects'])
                params[utils._sanitize(name)] = utils._sanitize(text)
                if text != params[utils._sanitize(name)]:
                    raw_params[utils._sanitize(name)] = text
            for name, _ in raw:
                base = name.split('*', 1)[0]     # RFC 2231 sections
                names.setdefault(base.lower(), utils._sanitize(base))
        kwds['params'] = params
        # Comments and whitespace are not part of the value proper.
        kwds['main'] = utils._sanitize(
            ''.join(_strip_comments(main).split()))
        kwds['param_names'] = names
        kwds['raw_params'] = raw_params
        if raw:
            kwds['decoded'] = _render_params(
                utils._sanitize(main),
                {names.get(n, n): v for n, v in params.items()})
        else:
            kwds['decoded'] = utils._sanitize(value)

    def init(self, *args, **kw):
        self._params = kw.pop('params')
        self._param_names = kw.pop('param_names')
        self._raw_params = kw.pop('raw_params')
        kw.pop('main', None)
        super().init(*args, **kw)

    @property
    def params(self):
        import types
        return types.MappingProxyType(self._params)

    def fold(self, *, policy):
        if not self._params:
            return super().fold(policy=policy)
        main = str(self).split(';', 1)[0].strip()
        # Undecodable bytes are written back as they came (unknown-8bit).
        params = [(self._param_names.get(name, name),
                   self._raw_params.get(name, value))
                  for name, value in self._params.items()]
        return _folding.fold_parameterized(self.name, main, params, policy)


def _render_params(main, params):
    pieces = [main]
    for name, value in params.items():
        pieces.append('{}="{}"'.format(name, utils.quote(value)))
    return '; '.join(pieces)


class ContentTypeHeader(ParameterizedMIMEHeader):

    @classmethod
    def parse(cls, value, kwds):
        super().parse(value, kwds)
        main = kwds['main'].lower()
        maintype, slash, subtype = main.partition('/')
        if not (maintype and slash and subtype) or '/' in subtype:
            if main:
                kwds['defects'].append(errors.InvalidHeaderDefect(
                    'Invalid content type {!r}'.format(main)))
            maintype, subtype = 'text', 'plain'
        kwds['maintype'], kwds['subtype'] = maintype, subtype

    def init(self, *args, **kw):
        self._maintype = kw.pop('maintype')
        self._subtype = kw.pop('subtype')
        super().init(*args, **kw)

    @property
    def maintype(self):
        return self._maintype

    @property
    def subtype(self):
        return self._subtype

    @property
    def content_type(self):
        return self.maintype + '/' + self.subtype


class ContentDispositionHeader(ParameterizedMIMEHeader):

    @classmethod
    def parse(cls, value, kwds):
        super().parse(value, kwds)
        main = kwds['main']
        token = _TOKEN.match(main).group()
        if not main:
            kwds['defects'].append(errors.HeaderMissingRequiredValue(
                'Missing content disposition'))
        elif token != main:
            # The disposition is the RFC 2045 token the value starts with.
            kwds['defects'].append(errors.InvalidHeaderDefect(
                'Invalid content disposition {!r}'.format(main)))
        kwds['content_disposition'] = token.lower() or None

    def init(self, *args, **kw):
        self._content_disposition = kw.pop('content_disposition')
        super().init(*args, **kw)

    @property
    def content_disposition(self):
        return self._content_disposition


class ContentTransferEncodingHeader:
    max_count = 1

    @classmethod
    def parse(cls, value, kwds):
        kwds['decoded'] = str(value)
        words = _strip_comments(str(value)).split()
        if not words:
            kwds['defects'].append(errors.HeaderMissingRequiredValue(
                'Missing content transfer encoding'))
            kwds['cte'] = '7bit'
            return
        if len(words) > 1:
            kwds['defects'].append(errors.InvalidHeaderDefect(
                'Extra text after content transfer encoding'))
        kwds['cte'] = words[0].lower()

    def init(self, *args, **kw):
        self._cte = kw.pop('cte')
        super().init(*args, **kw)

    @property
    def cte(self):
        return self._cte


class MessageIDHeader:
    max_count = 1

    @classmethod
    def parse(cls, value, kwds):
        kwds['decoded'] = str(value).strip()

    def fold(self, *, policy):
        """The id is one token, never cut nor encoded; a non-ASCII id
        that does not fit after the name moves to a line of its own,
        as CPython folds it."""
        text = str(self)
        head = self.name + ':'
        maxlen = policy.max_line_length or 1000000
        if text and not text.isascii() and \
                len(head) + 1 + len(text) > maxlen:
            return head + policy.linesep + ' ' + text + policy.linesep
        return head + (' ' + text if text else '') + policy.linesep


_default_header_map = {
    'subject': UniqueUnstructuredHeader,
    'date': UniqueDateHeader,
    'resent-date': DateHeader,
    'orig-date': UniqueDateHeader,
    'sender': UniqueSingleAddressHeader,
    'resent-sender': SingleAddressHeader,
    'to': UniqueAddressHeader,
    'resent-to': AddressHeader,
    'cc': UniqueAddressHeader,
    'resent-cc': AddressHeader,
    'bcc': UniqueAddressHeader,
    'resent-bcc': AddressHeader,
    'from': UniqueAddressHeader,
    'resent-from': AddressHeader,
    'reply-to': UniqueAddressHeader,
    'mime-version': MIMEVersionHeader,
    'content-type': ContentTypeHeader,
    'content-disposition': ContentDispositionHeader,
    'content-transfer-encoding': ContentTransferEncodingHeader,
    'message-id': MessageIDHeader,
}


class HeaderRegistry:
    """A factory for header objects: calling it with (name, value) makes
    an instance of a class built from base_class and the class the
    name maps to (default_class for unknown names)."""

    def __init__(self, base_class=BaseHeader, default_class=UnstructuredHeader,
                 use_default_map=True):
        self.registry = {}
        self.base_class = base_class
        self.default_class = default_class
        if use_default_map:
            self.registry.update(_default_header_map)

    def map_to_type(self, name, cls):
        """Parse headers called name with the class cls."""
        self.registry[name.lower()] = cls

    def __getitem__(self, name):
        cls = self.registry.get(name.lower(), self.default_class)
        return type('_' + cls.__name__, (cls, self.base_class), {})

    def __call__(self, name, value):
        """A header object for name with value (a string or, for some
        headers, an object such as a datetime or Address list)."""
        return self[name](name, value)
