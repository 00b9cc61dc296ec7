"""Policies for the email package: compat32 (the historical behaviour)
and EmailPolicy with its instances default, SMTP, SMTPUTF8, HTTP and
strict, whose headers are the objects of email.headerregistry."""

import re

from email._policybase import (Policy, Compat32, compat32,
                               _check_header_text)
from email.headerregistry import HeaderRegistry
from email.contentmanager import raw_data_manager
from email.message import EmailMessage
from email.utils import _has_surrogates

__all__ = ['Compat32', 'compat32', 'Policy', 'EmailPolicy', 'default',
           'strict', 'SMTP', 'SMTPUTF8', 'HTTP']

_LINE_BREAK = re.compile(r'\r\n|\r|\n')


class EmailPolicy(Policy):
    """RFC 5322/6532 behaviour: header values are header objects that
    know their structure; output is refolded and RFC 2047 encoded as
    needed (or left UTF-8 when utf8 is true)."""

    message_factory = EmailMessage
    utf8 = False
    refold_source = 'long'
    header_factory = HeaderRegistry()
    content_manager = raw_data_manager

    def __init__(self, **kw):
        # Each policy gets its own registry unless one is given.
        if 'header_factory' not in kw:
            object.__setattr__(self, 'header_factory', HeaderRegistry())
        super().__init__(**kw)

    def header_max_count(self, name):
        return self.header_factory[name].max_count

    def header_source_parse(self, sourcelines):
        name, value = sourcelines[0].split(':', 1)
        value = value.lstrip(' \t') + ''.join(sourcelines[1:])
        return name, value.rstrip('\r\n')

    def header_store_parse(self, name, value):
        if hasattr(value, 'name') and value.name.lower() == name.lower():
            return name, value
        if isinstance(value, str) and len(value.splitlines()) > 1:
            raise ValueError('Header values may not contain linefeed '
                             'or carriage return characters')
        return name, self.header_factory(name, value)

    def header_fetch_parse(self, name, value):
        if hasattr(value, 'name'):
            return value
        value = ''.join(_LINE_BREAK.split(value))
        return self.header_factory(name, value)

    def fold(self, name, value):
        return self._fold(name, value, refold_binary=True)

    def fold_binary(self, name, value):
        folded = self._fold(name, value,
                            refold_binary=self.cte_type == '7bit')
        charset = 'utf8' if self.utf8 else 'ascii'
        return folded.encode(charset, 'surrogateescape')

    def _needs_refold(self, value):
        if self.refold_source == 'all':
            return True
        if self.refold_source == 'long':
            limit = self.max_line_length or 0
            return bool(limit) and any(
                len(line) > limit for line in value.splitlines())
        return False

    def _fold(self, name, value, refold_binary=False):
        if hasattr(value, 'name'):
            folded = value.fold(policy=self)
        else:
            # A value from the source keeps its folding unless too long,
            # or unless it holds undecodable bytes that a 7bit output
            # must carry as unknown-8bit encoded words.
            if self._needs_refold(name + ': ' + value) or \
                    refold_binary and _has_surrogates(value):
                header = self.header_factory(
                    name, ''.join(_LINE_BREAK.split(value)))
                folded = header.fold(policy=self)
            else:
                lines = _LINE_BREAK.split(value)
                folded = name + ': ' + self.linesep.join(lines) + \
                    self.linesep
        if self.verify_generated_headers:
            _check_header_text(name, folded)
        return folded


default = EmailPolicy()
# The default policy shares the class's registry, so EmailPolicy() and
# its clones can be told apart from it (other instances get their own).
del default.header_factory
strict = default.clone(raise_on_defect=True)
SMTP = default.clone(linesep='\r\n')
HTTP = default.clone(linesep='\r\n', max_line_length=None)
SMTPUTF8 = SMTP.clone(utf8=True)
