"""Content managers: get_content()/set_content() for the modern API.

raw_data_manager handles text (str), binary data (bytes) and whole
messages (EmailMessage) in the obvious ways.
"""

import binascii
import email.charset
import email.message
import email.errors
from email import quoprimime

__all__ = ['ContentManager', 'raw_data_manager']


class ContentManager:
    """Dispatch tables of getters (by MIME type) and setters (by the
    type of the object being stored)."""

    def __init__(self):
        self.get_handlers = {}
        self.set_handlers = {}

    def add_get_handler(self, key, handler):
        self.get_handlers[key] = handler

    def get_content(self, msg, *args, **kw):
        content_type = msg.get_content_type()
        if content_type in self.get_handlers:
            return self.get_handlers[content_type](msg, *args, **kw)
        maintype = msg.get_content_maintype()
        if maintype in self.get_handlers:
            return self.get_handlers[maintype](msg, *args, **kw)
        if '' in self.get_handlers:
            return self.get_handlers[''](msg, *args, **kw)
        raise KeyError(content_type)

    def add_set_handler(self, typekey, handler):
        self.set_handlers[typekey] = handler

    def set_content(self, msg, obj, *args, **kw):
        if msg.get_content_maintype() == 'multipart':
            raise TypeError('set_content not valid on multipart')
        handler = self._find_set_handler(msg, obj)
        msg.clear_content()
        handler(msg, obj, *args, **kw)

    def _find_set_handler(self, msg, obj):
        full_path_for_error = None
        for typ in type(obj).__mro__:
            if typ in self.set_handlers:
                return self.set_handlers[typ]
            qname = typ.__qualname__
            modname = getattr(typ, '__module__', '')
            full_path = '.'.join((modname, qname)) if modname else qname
            if full_path_for_error is None:
                full_path_for_error = full_path
            if full_path in self.set_handlers:
                return self.set_handlers[full_path]
            if qname in self.set_handlers:
                return self.set_handlers[qname]
            name = typ.__name__
            if name in self.set_handlers:
                return self.set_handlers[name]
        if None in self.set_handlers:
            return self.set_handlers[None]
        raise KeyError(full_path_for_error)


raw_data_manager = ContentManager()


def get_text_content(msg, errors='replace'):
    content = msg.get_payload(decode=True)
    charset = msg.get_param('charset', 'ASCII')
    try:
        return content.decode(charset, errors=errors)
    except LookupError:
        return content.decode('ascii', errors=errors)


raw_data_manager.add_get_handler('text', get_text_content)


def get_non_text_content(msg):
    return msg.get_payload(decode=True)


for _maintype in 'audio image video application'.split():
    raw_data_manager.add_get_handler(_maintype, get_non_text_content)
del _maintype


def get_message_content(msg):
    return msg.get_payload(0)


for _subtype in 'rfc822 external-body'.split():
    raw_data_manager.add_get_handler('message/' + _subtype,
                                     get_message_content)
del _subtype


def get_and_fixup_unknown_message_content(msg):
    # A message/* part we do not know is handed back as raw bytes.
    return bytes(msg.get_payload(0))


raw_data_manager.add_get_handler('message',
                                 get_and_fixup_unknown_message_content)


def _prepare_set(msg, maintype, subtype, headers):
    msg['Content-Type'] = '/'.join((maintype, subtype))
    if headers:
        if not hasattr(headers[0], 'name'):
            mp = msg.policy
            headers = [mp.header_factory(*mp.header_source_parse([header]))
                       for header in headers]
        try:
            for header in headers:
                if header.defects:
                    raise header.defects[0]
                msg[header.name] = header
        except email.errors.HeaderDefect as exc:
            raise ValueError('Invalid header: {}'.format(
                header.fold(policy=msg.policy))) from exc


def _finalize_set(msg, disposition, filename, cid, params):
    if disposition is None and filename is not None:
        disposition = 'attachment'
    if disposition is not None:
        msg['Content-Disposition'] = disposition
    if filename is not None:
        msg.set_param('filename', filename, header='Content-Disposition',
                      replace=True)
    if cid is not None:
        msg['Content-ID'] = cid
    if params is not None:
        for key, value in params.items():
            msg.set_param(key, value)


def _encode_base64(data, max_line_length):
    """base64 of data in lines of at most max_line_length characters."""
    # Whole 3-byte groups per line, so that no line but the last pads.
    per_line = (max_line_length or 76) // 4 * 3
    lines = []
    for i in range(0, len(data), per_line):
        lines.append(binascii.b2a_base64(data[i:i + per_line]).decode('ascii'))
    return ''.join(lines)


def _qp_body(data, policy):
    """data quoted-printable in lines of the policy's length."""
    return quoprimime.body_encode(data.decode('latin-1'),
                                  policy.max_line_length or 76)


def _encode_text(string, charset, cte, policy):
    """(cte, encoded body text) for string in charset; with cte None the
    shortest suitable transfer encoding is chosen."""
    lines = string.encode(charset).splitlines()
    linesep = policy.linesep.encode('ascii')
    body = b'\n'.join(lines) + b'\n'
    limit = policy.max_line_length or 998
    if cte is None:
        fits = max((len(line) for line in lines), default=0) <= limit
        if fits:
            if body.isascii():
                return '7bit', body.decode('ascii')
            if policy.cte_type == '8bit':
                return '8bit', body.decode('ascii', 'surrogateescape')
        # Judge by the first ten lines, as CPython does.
        sample = linesep.join(lines[:10]) + linesep
        sample_qp = _qp_body(sample, policy)
        if len(sample_qp) > len(binascii.b2a_base64(sample)):
            cte = 'base64'
        else:
            cte = 'quoted-printable'
            if len(lines) <= 10:
                return cte, sample_qp
    if cte == '7bit':
        data = body.decode('ascii')
    elif cte == '8bit':
        data = body.decode('ascii', 'surrogateescape')
    elif cte == 'quoted-printable':
        data = _qp_body(body, policy)
    elif cte == 'base64':
        data = _encode_base64(body, policy.max_line_length)
    else:
        raise ValueError('Unknown content transfer encoding {}'.format(cte))
    return cte, data


def set_text_content(msg, string, subtype='plain', charset='utf-8', cte=None,
                     disposition=None, filename=None, cid=None,
                     params=None, headers=None):
    _prepare_set(msg, 'text', subtype, headers)
    cte, payload = _encode_text(string, charset, cte, msg.policy)
    msg.set_payload(payload)
    msg.set_param('charset',
                  email.charset.ALIASES.get(charset, charset),
                  replace=True)
    msg['Content-Transfer-Encoding'] = cte
    _finalize_set(msg, disposition, filename, cid, params)


raw_data_manager.add_set_handler(str, set_text_content)


def set_message_content(msg, message, subtype='rfc822', cte=None,
                        disposition=None, filename=None, cid=None,
                        params=None, headers=None):
    if subtype == 'partial':
        raise ValueError('message/partial is not supported for Message '
                         'objects')
    if subtype == 'rfc822':
        if cte not in (None, '7bit', '8bit', 'binary'):
            raise ValueError(
                'message/rfc822 parts do not support cte={}'.format(cte))
        cte = '8bit' if cte is None else cte
    elif subtype == 'external-body':
        if cte not in (None, '7bit'):
            raise ValueError(
                'message/external-body parts do not support cte={}'.format(
                    cte))
        cte = '7bit'
    elif cte is None:
        cte = '7bit'
    _prepare_set(msg, 'message', subtype, headers)
    msg.set_payload([message])
    msg['Content-Transfer-Encoding'] = cte
    _finalize_set(msg, disposition, filename, cid, params)


raw_data_manager.add_set_handler(email.message.Message, set_message_content)


def set_bytes_content(msg, data, maintype, subtype, cte='base64',
                      disposition=None, filename=None, cid=None,
                      params=None, headers=None):
    _prepare_set(msg, maintype, subtype, headers)
    if cte == 'base64':
        data = _encode_base64(data, msg.policy.max_line_length)
    elif cte == 'quoted-printable':
        data = binascii.b2a_qp(data, istext=False, header=False,
                               quotetabs=True).decode('ascii')
    elif cte == '7bit':
        data = data.decode('ascii')
    elif cte in ('8bit', 'binary'):
        data = data.decode('ascii', 'surrogateescape')
    msg.set_payload(data)
    msg['Content-Transfer-Encoding'] = cte
    _finalize_set(msg, disposition, filename, cid, params)


for _typ in (bytes, bytearray, memoryview):
    raw_data_manager.add_set_handler(_typ, set_bytes_content)
del _typ
