"""Interpret bytes as packed binary data.

The work is done by the _struct module; this module only presents its
public names (see its docstring for the format characters)."""

__all__ = [
    'calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
    'iter_unpack', 'Struct', 'error',
]

from _struct import *
from _struct import _clearcache
from _struct import __doc__
