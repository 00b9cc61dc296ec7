"""The Policy base class and the compat32 policy.

A policy is an immutable bundle of settings (line length, line
separator, transfer-encoding limits, defect handling) plus the hooks
that turn raw header lines into stored values and stored values back
into text.  clone() makes a changed copy; policies can be added.
"""

import abc
import re

from email import errors
from email import header as _header
from email import charset as _charset
from email.utils import _has_surrogates

__all__ = ['Policy', 'Compat32', 'compat32']


class _PolicyBase:
    """Attribute handling shared by all policies: keyword arguments set
    attributes that already have class defaults, and nothing else."""

    def __init__(self, **kw):
        for name, value in kw.items():
            if hasattr(self, name):
                object.__setattr__(self, name, value)
            else:
                raise TypeError(
                    '{!r} is an invalid keyword argument for {}'.format(
                        name, self.__class__.__name__))

    def __repr__(self):
        args = ['{}={!r}'.format(name, value)
                for name, value in self.__dict__.items()]
        return '{}({})'.format(self.__class__.__name__, ', '.join(args))

    def clone(self, **kw):
        """A copy of this policy with the given attributes changed."""
        newpolicy = self.__class__.__new__(self.__class__)
        for attr, value in self.__dict__.items():
            object.__setattr__(newpolicy, attr, value)
        for attr, value in kw.items():
            if not hasattr(self, attr):
                raise TypeError(
                    '{!r} is an invalid keyword argument for {}'.format(
                        attr, self.__class__.__name__))
            object.__setattr__(newpolicy, attr, value)
        return newpolicy

    def __setattr__(self, name, value):
        if hasattr(self, name):
            msg = '{!r} object attribute {!r} is read-only'
        else:
            msg = '{!r} object has no attribute {!r}'
        raise AttributeError(msg.format(self.__class__.__name__, name))

    def __add__(self, other):
        return self.clone(**other.__dict__)


class Policy(_PolicyBase, metaclass=abc.ABCMeta):
    """The abstract policy: settings plus header hooks."""

    raise_on_defect = False
    linesep = '\n'
    cte_type = '8bit'
    max_line_length = 78
    mangle_from_ = False
    message_factory = None
    verify_generated_headers = True

    def handle_defect(self, obj, defect):
        """Raise defect if raise_on_defect, else record it on obj."""
        if self.raise_on_defect:
            raise defect
        self.register_defect(obj, defect)

    def register_defect(self, obj, defect):
        obj.defects.append(defect)

    def header_max_count(self, name):
        """How many headers called name a message may have (None: any)."""
        return None

    @abc.abstractmethod
    def header_source_parse(self, sourcelines):
        """(name, value) from the source lines of one header."""

    @abc.abstractmethod
    def header_store_parse(self, name, value):
        """(name, value) to store for a header set by a program."""

    @abc.abstractmethod
    def header_fetch_parse(self, name, value):
        """The value a program sees for a stored header."""

    @abc.abstractmethod
    def fold(self, name, value):
        """The header as folded text ending in linesep."""

    @abc.abstractmethod
    def fold_binary(self, name, value):
        """Like fold(), as ASCII bytes."""


_LINE_BREAK = re.compile(r'\r\n|\r|\n')


def _check_header_text(name, folded):
    """Refuse a folded header whose continuation lines do not start with
    whitespace: such a line would be read as a new header (or end the
    header block)."""
    body = folded[len(name) + 1:]
    body = re.sub(r'(\r\n|\r|\n)\Z', '', body)
    for line in _LINE_BREAK.split(body)[1:]:
        if not line or line[0] not in ' \t':
            raise errors.HeaderWriteError(
                f'folded header contains newline: {folded!r}')


class Compat32(Policy):
    """The behaviour of the email package of Python 3.2: headers are
    plain strings (or Header objects), folded on output only when they
    contain non-ASCII text or are too long."""

    mangle_from_ = True

    def _sanitize_header(self, name, value):
        if not isinstance(value, str):
            return value
        if _has_surrogates(value):
            return _header.Header(value, charset=_charset.UNKNOWN8BIT,
                                  header_name=name)
        return value

    def header_source_parse(self, sourcelines):
        name, value = sourcelines[0].split(':', 1)
        value = value.lstrip(' \t') + ''.join(sourcelines[1:])
        return name, value.rstrip('\r\n')

    def header_store_parse(self, name, value):
        return name, value

    def header_fetch_parse(self, name, value):
        return self._sanitize_header(name, value)

    def fold(self, name, value):
        return self._fold(name, value, sanitize=True)

    def fold_binary(self, name, value):
        folded = self._fold(name, value, sanitize=self.cte_type == '7bit')
        return folded.encode('ascii', 'surrogateescape')

    def _fold(self, name, value, sanitize):
        maxlen = self.max_line_length or 0
        if isinstance(value, str):
            if _has_surrogates(value) and not sanitize:
                text = _LINE_BREAK.sub(self.linesep, value)
                folded = '%s: %s%s' % (name, text, self.linesep)
                if self.verify_generated_headers:
                    _check_header_text(name, folded)
                return folded
            value = _header.Header(value, header_name=name) \
                if not _has_surrogates(value) else \
                _header.Header(value, charset=_charset.UNKNOWN8BIT,
                               header_name=name)
        text = value.encode(linesep=self.linesep, maxlinelen=maxlen)
        folded = '%s: %s%s' % (name, text, self.linesep)
        if self.verify_generated_headers:
            _check_header_text(name, folded)
        return folded


compat32 = Compat32()
