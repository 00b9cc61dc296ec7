"""Opcode names and properties of Weft's bytecode, for dis and friends.

The instruction set is CPython 3.14's without specialized or instrumented
forms and without inline cache entries; the numbers are Weft's own.
"""

import builtins
import _opcode
from _opcode import stack_effect

__all__ = ["cmp_op", "stack_effect", "hascompare", "opname", "opmap",
           "HAVE_ARGUMENT", "EXTENDED_ARG", "hasarg", "hasconst", "hasname",
           "hasjump", "hasjrel", "hasjabs", "hasfree", "haslocal", "hasexc"]

cmp_op = ('<', '<=', '==', '!=', '>', '>=')

opmap = _opcode.get_opmap()
opname = ['<%r>' % (op,) for op in range(max(opmap.values()) + 1)]
for _name, _op in opmap.items():
    opname[_op] = _name
del _name, _op

HAVE_ARGUMENT = _opcode.HAVE_ARGUMENT
MIN_PSEUDO_OPCODE = _opcode.MIN_PSEUDO_OPCODE
EXTENDED_ARG = opmap['EXTENDED_ARG']

_all_ops = sorted(opmap.values())
hasarg = [op for op in _all_ops if _opcode.has_arg(op)]
hasconst = [op for op in _all_ops if _opcode.has_const(op)]
hasname = [op for op in _all_ops if _opcode.has_name(op)]
hasjump = [op for op in _all_ops if _opcode.has_jump(op)]
hasjrel = hasjump               # every jump is relative
hasjabs = []
hasfree = [op for op in _all_ops if _opcode.has_free(op)]
haslocal = [op for op in _all_ops if _opcode.has_local(op)]
hasexc = [op for op in _all_ops if _opcode.has_exc(op)]
hascompare = [opmap['COMPARE_OP']]
del _all_ops

# Weft has no specialized instructions and no inline caches.
_specializations = {}
_specialized_opmap = {}
_inline_cache_entries = {}
_cache_format = {}

_intrinsic_1_descs = _opcode.get_intrinsic1_descs()
_intrinsic_2_descs = _opcode.get_intrinsic2_descs()
_special_method_names = _opcode.get_special_method_names()
_common_constants = [getattr(builtins, name)
                     for name in _opcode.get_common_constant_names()]
_nb_ops = _opcode.get_nb_ops()
