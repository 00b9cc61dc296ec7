"""Message objects: headers (a case-insensitive, ordered multi-map) and
a payload that is a string, bytes smuggled in a string, or a list of
sub-messages.  Message keeps the compat32 API; EmailMessage and
MIMEPart add the content-manager API of the modern policies."""

__all__ = ['Message', 'EmailMessage', 'MIMEPart']

import binascii
import quopri
import re
from io import BytesIO, StringIO

from email import utils
from email import errors
from email._policybase import compat32
from email import charset as _charset
from email import base64mime
from email.utils import _has_surrogates

Charset = _charset.Charset
SEMISPACE = '; '
# Characters that force a parameter value to be quoted.
tspecials = re.compile(r'[ \(\)<>@,;:\\"/\[\]\?=]')


def _splitparam(param):
    a, sep, b = str(param).partition(';')
    if not sep:
        return a.strip(), None
    return a.strip(), b.strip()


def _formatparam(param, value=None, quote=True):
    """'param=value', quoted (or RFC 2231 encoded for a tuple value)."""
    if value is None or len(value) == 0:
        return param
    if isinstance(value, tuple):
        param += '*'
        value = utils.encode_rfc2231(value[2], value[0], value[1])
        return '%s=%s' % (param, value)
    try:
        value.encode('ascii')
    except UnicodeEncodeError:
        param += '*'
        value = utils.encode_rfc2231(value, 'utf-8', '')
        return '%s=%s' % (param, value)
    if quote or tspecials.search(value):
        return '%s="%s"' % (param, utils.quote(value))
    return '%s=%s' % (param, value)


def _parseparam(s):
    """Split a header value at the semicolons outside quoted strings."""
    s = ';' + str(s)
    plist = []
    while s[:1] == ';':
        s = s[1:]
        end = s.find(';')
        while end > 0 and (s.count('"', 0, end) - s.count('\\"', 0, end)) % 2:
            end = s.find(';', end + 1)
        if end < 0:
            end = len(s)
        f = s[:end]
        if '=' in f:
            i = f.index('=')
            f = f[:i].strip().lower() + '=' + f[i + 1:].strip()
        plist.append(f.strip())
        s = s[end:]
    return plist


def _unquotevalue(value):
    if isinstance(value, tuple):
        return value[0], value[1], utils.unquote(value[2])
    return utils.unquote(value)


def _decode_uu(encoded):
    """The data of a uuencoded body (begin/end lines optional)."""
    out = bytearray()
    started = False
    for line in encoded.splitlines():
        if not started:
            if line.startswith(b'begin'):
                started = True
                continue
            if not line.strip():
                continue
            started = True
        if line.strip() == b'end':
            break
        try:
            out += binascii.a2b_uu(line)
        except binascii.Error:
            # Some encoders pad lines wrongly: decode what the length says.
            nbytes = (((line[0] - 32) & 63) * 4 + 5) // 3
            out += binascii.a2b_uu(line[:nbytes])
    return bytes(out)


class Message:
    """A message: headers in order, plus a payload.

    The headers are (name, value) pairs looked up case-insensitively;
    values are stored as the policy's header_store_parse made them.
    """

    def __init__(self, policy=compat32):
        self.policy = policy
        self._headers = []
        self._unixfrom = None
        self._payload = None
        self._charset = None
        self.preamble = self.epilogue = None
        self.defects = []
        self._default_type = 'text/plain'

    def __str__(self):
        return self.as_string()

    def as_string(self, unixfrom=False, maxheaderlen=0, policy=None):
        """The whole message flattened to a string."""
        from email.generator import Generator
        policy = self.policy if policy is None else policy
        fp = StringIO()
        g = Generator(fp, mangle_from_=False, maxheaderlen=maxheaderlen,
                      policy=policy)
        g.flatten(self, unixfrom=unixfrom)
        return fp.getvalue()

    def __bytes__(self):
        return self.as_bytes()

    def as_bytes(self, unixfrom=False, policy=None):
        """The whole message flattened to bytes."""
        from email.generator import BytesGenerator
        policy = self.policy if policy is None else policy
        fp = BytesIO()
        g = BytesGenerator(fp, mangle_from_=False, policy=policy)
        g.flatten(self, unixfrom=unixfrom)
        return fp.getvalue()

    def is_multipart(self):
        """Whether the payload is a list of sub-messages."""
        return isinstance(self._payload, list)

    def set_unixfrom(self, unixfrom):
        self._unixfrom = unixfrom

    def get_unixfrom(self):
        return self._unixfrom

    # -- payload -------------------------------------------------------

    def attach(self, payload):
        """Add payload to the list of sub-messages."""
        if self._payload is None:
            self._payload = [payload]
        else:
            try:
                self._payload.append(payload)
            except AttributeError:
                raise TypeError('Attach is not valid on a message with '
                                'a non-multipart payload')

    def _decode_smuggled(self, bpayload):
        """The text of surrogate-escaped payload bytes, read in the
        message's charset (ASCII when unknown), bad bytes replaced.  The
        charset comes from get_content_charset(), which also reads an RFC
        2231 encoded charset parameter (a tuple from get_param())."""
        try:
            return bpayload.decode(self.get_content_charset('ascii'),
                                   'replace')
        except LookupError:
            return bpayload.decode('ascii', 'replace')

    def get_payload(self, i=None, decode=False):
        """The payload, or its i-th sub-message.

        With decode=True a non-multipart payload comes back as bytes,
        its Content-Transfer-Encoding (base64, quoted-printable,
        x-uuencode) undone; a multipart then gives None.
        """
        if self.is_multipart():
            if decode:
                return None
            if i is None:
                return self._payload
            return self._payload[i]
        if i is not None and not isinstance(self._payload, list):
            raise TypeError('Expected list, got %s' % type(self._payload))
        payload = self._payload
        cte = str(self.get('content-transfer-encoding', '')).lower()
        if isinstance(payload, str):
            if _has_surrogates(payload):
                try:
                    bpayload = payload.encode('ascii', 'surrogateescape')
                except UnicodeError:
                    # Non-ASCII text besides the smuggled bytes, or a
                    # surrogate that stands for no byte: kept visible.
                    bpayload = payload.encode('raw-unicode-escape')
                else:
                    if not decode:
                        payload = self._decode_smuggled(bpayload)
            elif decode:
                try:
                    bpayload = payload.encode('ascii')
                except UnicodeError:
                    bpayload = payload.encode('raw-unicode-escape')
        if not decode:
            return payload
        if payload is None:
            return None
        if cte == 'quoted-printable':
            return quopri.decodestring(bpayload)
        if cte == 'base64':
            return self._decode_base64(bpayload)
        if cte in ('x-uuencode', 'uuencode', 'uue', 'x-uue'):
            try:
                return _decode_uu(bpayload)
            except binascii.Error:
                return bpayload
        if isinstance(payload, str):
            return bpayload
        return payload

    def _decode_base64(self, data):
        value, defects = base64mime._decode_with_defects(
            b''.join(data.splitlines()))
        for defect in defects:
            self.policy.handle_defect(self, defect)
        return value

    def set_payload(self, payload, charset=None):
        """Set the payload; bytes are kept as surrogate-escaped text.
        A charset is applied with set_charset()."""
        if hasattr(payload, 'encode'):
            if charset is None:
                self._payload = payload
                return
            if not isinstance(charset, Charset):
                charset = Charset(charset)
            payload = payload.encode(charset.output_charset,
                                     'surrogateescape')
        if hasattr(payload, 'decode'):
            self._payload = payload.decode('ascii', 'surrogateescape')
        else:
            self._payload = payload
        if charset is not None:
            self.set_charset(charset)

    def set_charset(self, charset):
        """Declare the payload's charset: sets MIME-Version, the
        Content-Type charset parameter and, if missing, encodes the
        payload and sets Content-Transfer-Encoding.  None removes it."""
        if charset is None:
            self.del_param('charset')
            self._charset = None
            return
        if not isinstance(charset, Charset):
            charset = Charset(charset)
        self._charset = charset
        if 'MIME-Version' not in self:
            self.add_header('MIME-Version', '1.0')
        if 'Content-Type' not in self:
            self.add_header('Content-Type', 'text/plain',
                            charset=charset.get_output_charset())
        else:
            self.set_param('charset', charset.get_output_charset())
        if charset != charset.get_output_charset():
            self._payload = charset.body_encode(self._payload)
        if 'Content-Transfer-Encoding' not in self:
            cte = charset.get_body_encoding()
            if callable(cte):
                cte(self)
                return
            payload = self._payload
            if payload:
                try:
                    data = payload.encode('ascii', 'surrogateescape')
                except UnicodeError:
                    data = payload.encode(charset.output_charset)
                self._payload = charset.body_encode(data)
            self.add_header('Content-Transfer-Encoding', cte)

    def get_charset(self):
        return self._charset

    # -- headers as a mapping --------------------------------------------

    def __len__(self):
        return len(self._headers)

    def __getitem__(self, name):
        """The first header called name, or None (use get_all for all)."""
        return self.get(name)

    def __setitem__(self, name, val):
        """Add a header (it does not replace one of the same name)."""
        max_count = self.policy.header_max_count(name)
        if max_count:
            lname = name.lower()
            found = sum(1 for k, _ in self._headers if k.lower() == lname)
            if found >= max_count:
                raise ValueError('There may be at most {} {} headers '
                                 'in a message'.format(max_count, name))
        self._headers.append(self.policy.header_store_parse(name, val))

    def __delitem__(self, name):
        """Remove every header called name."""
        name = name.lower()
        self._headers = [(k, v) for k, v in self._headers
                         if k.lower() != name]

    def __contains__(self, name):
        name = name.lower()
        return any(k.lower() == name for k, _ in self._headers)

    def __iter__(self):
        for field, _ in self._headers:
            yield field

    def keys(self):
        return [k for k, _ in self._headers]

    def values(self):
        return [self.policy.header_fetch_parse(k, v)
                for k, v in self._headers]

    def items(self):
        return [(k, self.policy.header_fetch_parse(k, v))
                for k, v in self._headers]

    def get(self, name, failobj=None):
        """The first header called name, or failobj."""
        name = name.lower()
        for k, v in self._headers:
            if k.lower() == name:
                return self.policy.header_fetch_parse(k, v)
        return failobj

    def set_raw(self, name, value):
        """Store a header exactly as given (used by parsers)."""
        self._headers.append((name, value))

    def raw_items(self):
        return iter(self._headers.copy())

    def get_all(self, name, failobj=None):
        """Every header called name, in order, or failobj if none."""
        name = name.lower()
        values = [self.policy.header_fetch_parse(k, v)
                  for k, v in self._headers if k.lower() == name]
        return values if values else failobj

    def add_header(self, _name, _value, **_params):
        """Add a header with keyword parameters; '_' in a parameter name
        becomes '-', and a value of None gives a bare parameter."""
        parts = []
        for key, value in _params.items():
            key = key.replace('_', '-')
            if value is None:
                parts.append(key)
            else:
                parts.append(_formatparam(key, value))
        if _value is not None:
            parts.insert(0, _value)
        self[_name] = SEMISPACE.join(parts)

    def replace_header(self, _name, _value):
        """Replace the first header called _name, keeping its position."""
        lname = _name.lower()
        for i, (k, _) in enumerate(self._headers):
            if k.lower() == lname:
                self._headers[i] = self.policy.header_store_parse(k, _value)
                return
        raise KeyError(lname)

    # -- content type ----------------------------------------------------

    def get_content_type(self):
        """'maintype/subtype' from Content-Type, lower-cased; the default
        type when missing or invalid."""
        missing = object()
        value = self.get('content-type', missing)
        if value is missing:
            return self.get_default_type()
        ctype = _splitparam(value)[0].lower()
        if ctype.count('/') != 1:
            return 'text/plain'
        return ctype

    def get_content_maintype(self):
        return self.get_content_type().split('/')[0]

    def get_content_subtype(self):
        return self.get_content_type().split('/')[1]

    def get_default_type(self):
        return self._default_type

    def set_default_type(self, ctype):
        """text/plain normally; message/rfc822 inside multipart/digest."""
        self._default_type = ctype

    def _get_params_preserve(self, failobj, header):
        missing = object()
        value = self.get(header, missing)
        if value is missing:
            return failobj
        params = []
        for p in _parseparam(value):
            try:
                name, val = p.split('=', 1)
                name = name.strip()
                val = val.strip()
            except ValueError:
                name = p.strip()
                val = ''
            params.append((name, val))
        return utils.decode_params(params)

    def get_params(self, failobj=None, header='content-type', unquote=True):
        """The parameters of header as (name, value) pairs, the first one
        being the value itself paired with ''."""
        missing = object()
        params = self._get_params_preserve(missing, header)
        if params is missing:
            return failobj
        if unquote:
            return [(k, _unquotevalue(v)) for k, v in params]
        return params

    def get_param(self, param, failobj=None, header='content-type',
                  unquote=True):
        """A parameter's value: a str, or a (charset, language, value)
        triple for an RFC 2231 encoded one; failobj if absent."""
        if header not in self:
            return failobj
        for k, v in self._get_params_preserve(failobj, header):
            if k.lower() == param.lower():
                return _unquotevalue(v) if unquote else v
        return failobj

    def set_param(self, param, value, header='Content-Type', requote=True,
                  charset=None, language='', replace=False):
        """Set a parameter of header (creating the header as text/plain
        if needed); a charset RFC 2231 encodes the value."""
        if not isinstance(value, tuple) and charset:
            value = (charset, language, value)
        if header not in self and header.lower() == 'content-type':
            ctype = 'text/plain'
        else:
            ctype = self.get(header)
        if not self.get_param(param, header=header):
            if not ctype:
                ctype = _formatparam(param, value, requote)
            else:
                ctype = SEMISPACE.join(
                    [str(ctype), _formatparam(param, value, requote)])
        else:
            ctype = ''
            for old_param, old_value in self.get_params(header=header,
                                                        unquote=requote):
                if old_param.lower() == param.lower():
                    append = _formatparam(param, value, requote)
                elif not old_value:
                    append = old_param
                else:
                    append = _formatparam(old_param, old_value, requote)
                ctype = append if not ctype else SEMISPACE.join([ctype,
                                                                 append])
        if ctype != self.get(header):
            if replace:
                self.replace_header(header, ctype)
            else:
                del self[header]
                self[header] = ctype

    def del_param(self, param, header='content-type', requote=True):
        """Remove a parameter from header (nothing if absent)."""
        if header not in self:
            return
        new_ctype = ''
        for p, v in self.get_params(header=header, unquote=requote):
            if p.lower() != param.lower():
                piece = _formatparam(p, v, requote) if v else p
                new_ctype = piece if not new_ctype else \
                    SEMISPACE.join([new_ctype, piece])
        if new_ctype != self.get(header):
            del self[header]
            self[header] = new_ctype

    def set_type(self, type, header='Content-Type', requote=True):
        """Change the main value of header to type, keeping parameters;
        also resets MIME-Version."""
        if not type.count('/') == 1:
            raise ValueError
        if header.lower() == 'content-type':
            del self['mime-version']
            self['MIME-Version'] = '1.0'
        if header not in self:
            self[header] = type
            return
        params = self.get_params(header=header, unquote=requote)
        del self[header]
        self[header] = type
        for p, v in params[1:]:
            self.set_param(p, v, header, requote)

    def get_filename(self, failobj=None):
        """The filename parameter of Content-Disposition (or the name
        parameter of Content-Type), decoded, or failobj."""
        missing = object()
        filename = self.get_param('filename', missing, 'content-disposition')
        if filename is missing:
            filename = self.get_param('name', missing, 'content-type')
        if filename is missing:
            return failobj
        return utils.collapse_rfc2231_value(filename).strip()

    def get_boundary(self, failobj=None):
        """The boundary parameter of Content-Type, or failobj."""
        missing = object()
        boundary = self.get_param('boundary', missing)
        if boundary is missing:
            return failobj
        return utils.collapse_rfc2231_value(boundary).rstrip()

    def set_boundary(self, boundary):
        """Set the boundary parameter, keeping the header's place."""
        missing = object()
        params = self._get_params_preserve(missing, 'content-type')
        if params is missing:
            raise errors.HeaderParseError('No Content-Type header found')
        newparams = []
        found = False
        for pk, pv in params:
            if pk.lower() == 'boundary':
                newparams.append(('boundary', '"%s"' % boundary))
                found = True
            else:
                newparams.append((pk, pv))
        if not found:
            newparams.append(('boundary', '"%s"' % boundary))
        newheaders = []
        for h, v in self._headers:
            if h.lower() == 'content-type':
                parts = []
                for k, v in newparams:
                    if v == '':
                        parts.append(k)
                    else:
                        parts.append('%s=%s' % (k, v))
                val = SEMISPACE.join(parts)
                newheaders.append(self.policy.header_store_parse(h, val))
            else:
                newheaders.append((h, v))
        self._headers = newheaders

    def get_content_charset(self, failobj=None):
        """The charset parameter, lower-cased, or failobj."""
        missing = object()
        charset = self.get_param('charset', missing)
        if charset is missing:
            return failobj
        if isinstance(charset, tuple):
            pcharset = charset[0] or 'us-ascii'
            try:
                as_bytes = charset[2].encode('raw-unicode-escape')
                charset = str(as_bytes, pcharset)
            except (LookupError, UnicodeError):
                charset = charset[2]
        try:
            charset.encode('us-ascii')
        except UnicodeError:
            return failobj
        return charset.lower()

    def get_charsets(self, failobj=None):
        """get_content_charset() of every part, as walk() orders them."""
        return [part.get_content_charset(failobj) for part in self.walk()]

    def get_content_disposition(self):
        """'inline', 'attachment' (or another value), or None."""
        value = self.get('content-disposition')
        if value is None:
            return None
        return _splitparam(value)[0].lower()

    def walk(self):
        """This message and all its sub-parts, depth first."""
        yield self
        if self.is_multipart():
            for subpart in self.get_payload():
                yield from subpart.walk()


class MIMEPart(Message):
    """A message part under a modern policy, with the content-manager
    API (get_content/set_content) and body/attachment helpers."""

    def __init__(self, policy=None):
        if policy is None:
            from email.policy import default
            policy = default
        super().__init__(policy)

    def as_string(self, unixfrom=False, maxheaderlen=None, policy=None):
        policy = self.policy if policy is None else policy
        if maxheaderlen is None:
            maxheaderlen = policy.max_line_length
        return super().as_string(unixfrom, maxheaderlen, policy)

    def __str__(self):
        return self.as_string(policy=self.policy.clone(utf8=True))

    def is_attachment(self):
        c_d = self.get('content-disposition')
        return False if c_d is None else c_d.content_disposition == \
            'attachment'

    def _find_body(self, part, preferencelist):
        if part.is_attachment():
            return
        maintype, subtype = part.get_content_type().split('/')
        if maintype == 'text':
            if subtype in preferencelist:
                yield (preferencelist.index(subtype), part)
            return
        if maintype != 'multipart' or not self.is_multipart():
            return
        if subtype != 'related':
            for subpart in part.iter_parts():
                yield from self._find_body(subpart, preferencelist)
            return
        if 'related' in preferencelist:
            yield (preferencelist.index('related'), part)
        candidate = None
        start = part.get_param('start')
        if start:
            for subpart in part.iter_parts():
                if subpart['content-id'] == start:
                    candidate = subpart
                    break
        if candidate is None:
            subparts = part.get_payload()
            candidate = subparts[0] if subparts else None
        if candidate is not None:
            yield from self._find_body(candidate, preferencelist)

    def get_body(self, preferencelist=('related', 'html', 'plain')):
        """The best candidate for "the body": the first part matching the
        earliest entry of preferencelist, or None."""
        best_prio = len(preferencelist)
        body = None
        for prio, part in self._find_body(self, preferencelist):
            if prio < best_prio:
                best_prio = prio
                body = part
                if prio == 0:
                    break
        return body

    _body_types = {('text', 'plain'), ('text', 'html'),
                   ('multipart', 'related'), ('multipart', 'alternative')}

    def iter_attachments(self):
        """The direct sub-parts that are not candidate bodies."""
        maintype, subtype = self.get_content_type().split('/')
        if maintype != 'multipart' or subtype == 'alternative':
            return
        payload = self.get_payload()
        try:
            parts = payload.copy()
        except AttributeError:
            return
        if maintype == 'multipart' and subtype == 'related':
            start = self.get_param('start')
            if start:
                found = False
                attachments = []
                for part in parts:
                    if part.get('content-id') == start:
                        found = True
                        continue
                    attachments.append(part)
                if found:
                    yield from attachments
                    return
            parts.pop(0)
            yield from parts
            return
        seen = []
        for part in parts:
            maintype, subtype = part.get_content_type().split('/')
            if ((maintype, subtype) in self._body_types
                    and not part.is_attachment()
                    and subtype not in seen):
                seen.append(subtype)
                continue
            yield part

    def iter_parts(self):
        """The direct sub-parts of a multipart (nothing otherwise)."""
        if self.is_multipart():
            yield from self.get_payload()

    def get_content(self, *args, content_manager=None, **kw):
        if content_manager is None:
            content_manager = self.policy.content_manager
        return content_manager.get_content(self, *args, **kw)

    def set_content(self, *args, content_manager=None, **kw):
        if content_manager is None:
            content_manager = self.policy.content_manager
        content_manager.set_content(self, *args, **kw)

    def _make_multipart(self, subtype, disallowed_subtypes, boundary):
        if self.get_content_maintype() == 'multipart':
            existing_subtype = self.get_content_subtype()
            disallowed_subtypes = disallowed_subtypes + (subtype,)
            if existing_subtype in disallowed_subtypes:
                raise ValueError('Cannot convert {} to {}'.format(
                    existing_subtype, subtype))
        keep_headers = []
        part_headers = []
        for name, value in self._headers:
            if name.lower().startswith('content-'):
                part_headers.append((name, value))
            else:
                keep_headers.append((name, value))
        if part_headers:
            part = type(self)(policy=self.policy)
            part._headers = part_headers
            part._payload = self._payload
            self._payload = [part]
        else:
            self._payload = []
        self._headers = keep_headers
        self['Content-Type'] = 'multipart/' + subtype
        if boundary is not None:
            self.set_param('boundary', boundary)

    def make_related(self, boundary=None):
        self._make_multipart('related', ('alternative', 'mixed'), boundary)

    def make_alternative(self, boundary=None):
        self._make_multipart('alternative', ('mixed',), boundary)

    def make_mixed(self, boundary=None):
        self._make_multipart('mixed', (), boundary)

    def _add_multipart(self, _subtype, *args, _disp=None, **kw):
        if (self.get_content_maintype() != 'multipart' or
                self.get_content_subtype() != _subtype):
            getattr(self, 'make_' + _subtype)()
        part = type(self)(policy=self.policy)
        part.set_content(*args, **kw)
        if _disp and 'content-disposition' not in part:
            part['Content-Disposition'] = _disp
        self.attach(part)

    def add_related(self, *args, **kw):
        self._add_multipart('related', *args, _disp='inline', **kw)

    def add_alternative(self, *args, **kw):
        self._add_multipart('alternative', *args, **kw)

    def add_attachment(self, *args, **kw):
        self._add_multipart('mixed', *args, _disp='attachment', **kw)

    def clear(self):
        """Remove all headers and the payload."""
        self._headers = []
        self._payload = None

    def clear_content(self):
        """Remove the payload and the Content-* headers."""
        self._headers = [(n, v) for n, v in self._headers
                         if not n.lower().startswith('content-')]
        self._payload = None


class EmailMessage(MIMEPart):
    """A whole message: set_content() also adds MIME-Version."""

    def set_content(self, *args, **kw):
        super().set_content(*args, **kw)
        if 'MIME-Version' not in self:
            self['MIME-Version'] = '1.0'
