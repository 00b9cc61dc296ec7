"""Disassembler of Weft bytecode.

The layout of the listings is CPython 3.13+'s (line numbers, labels such
as "L1:", argument details in parentheses, the exception table); the
instructions are Weft's own (see the opcode module).  Weft has no inline
caches and no specialized instructions, so show_caches and adaptive change
nothing.
"""

import sys
import types
import collections
import io

from opcode import *
from opcode import (
    __all__ as _opcodes_all,
    _cache_format,
    _inline_cache_entries,
    _nb_ops,
    _common_constants,
    _intrinsic_1_descs,
    _intrinsic_2_descs,
    _special_method_names,
    _specializations,
    _specialized_opmap,
)

__all__ = ["code_info", "dis", "disassemble", "distb", "disco",
           "findlinestarts", "findlabels", "show_code",
           "get_instructions", "Instruction", "Bytecode",
           "Positions"] + _opcodes_all
del _opcodes_all

_have_code = (types.MethodType, types.FunctionType, types.CodeType,
              classmethod, staticmethod, type)

CONVERT_VALUE = opmap['CONVERT_VALUE']
SET_FUNCTION_ATTRIBUTE = opmap['SET_FUNCTION_ATTRIBUTE']
FUNCTION_ATTR_FLAGS = ('defaults', 'kwdefaults', 'annotations', 'closure',
                       'annotate')
FORMAT_VALUE_CONVERTERS = ('', 'str', 'repr', 'ascii')

LOAD_GLOBAL = opmap['LOAD_GLOBAL']
LOAD_ATTR = opmap['LOAD_ATTR']
LOAD_SUPER_ATTR = opmap['LOAD_SUPER_ATTR']
IMPORT_NAME = opmap['IMPORT_NAME']
LOAD_SMALL_INT = opmap['LOAD_SMALL_INT']
LOAD_COMMON_CONSTANT = opmap['LOAD_COMMON_CONSTANT']
LOAD_SPECIAL = opmap['LOAD_SPECIAL']
BINARY_OP = opmap['BINARY_OP']
COMPARE_OP = opmap['COMPARE_OP']
IS_OP = opmap['IS_OP']
CONTAINS_OP = opmap['CONTAINS_OP']
CALL_INTRINSIC_1 = opmap['CALL_INTRINSIC_1']
CALL_INTRINSIC_2 = opmap['CALL_INTRINSIC_2']
BUILD_INTERPOLATION = opmap['BUILD_INTERPOLATION']
_BACKWARD_JUMPS = frozenset({opmap['JUMP_BACKWARD'],
                             opmap['JUMP_BACKWARD_NO_INTERRUPT']})
_DOUBLE_LOCALS = frozenset(opmap[name] for name in (
    'LOAD_FAST_LOAD_FAST', 'LOAD_FAST_BORROW_LOAD_FAST_BORROW',
    'STORE_FAST_LOAD_FAST', 'STORE_FAST_STORE_FAST'))

_OPNAME_WIDTH = 20
_OPARG_WIDTH = 5
_NO_LINENO = '  --'

COMPILER_FLAG_NAMES = {
    1: "OPTIMIZED",
    2: "NEWLOCALS",
    4: "VARARGS",
    8: "VARKEYWORDS",
    16: "NESTED",
    32: "GENERATOR",
    64: "NOFREE",
    128: "COROUTINE",
    256: "ITERABLE_COROUTINE",
    512: "ASYNC_GENERATOR",
    0x4000000: "HAS_DOCSTRING",
    0x8000000: "METHOD",
}


# ---- finding the code -------------------------------------------------------

def _try_compile(source, name):
    """An expression's code if the source is one, else a module's."""
    try:
        return compile(source, name, 'eval')
    except SyntaxError:
        pass
    return compile(source, name, 'exec')


def _get_code_object(x):
    """The code object behind x, or TypeError."""
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    elif hasattr(x, 'gi_code'):
        x = x.gi_code
    elif hasattr(x, 'ag_code'):
        x = x.ag_code
    elif hasattr(x, 'cr_code'):
        x = x.cr_code
    if isinstance(x, str):
        x = _try_compile(x, "<disassembly>")
    if hasattr(x, 'co_code'):
        return x
    raise TypeError("don't know how to disassemble %s objects" %
                    type(x).__name__)


def _deoptop(op):
    name = _specialized_opmap.get(opname[op]) if op < len(opname) else None
    return opmap[name] if name is not None else op


def _get_code_array(co, adaptive):
    return co.co_code


# ---- code information ---------------------------------------------------------

def pretty_flags(flags):
    """Return pretty representation of code flags."""
    names = []
    for i in range(32):
        flag = 1 << i
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ", ".join(names)


def code_info(x):
    """Formatted details of methods, functions, or code."""
    return _format_code_info(_get_code_object(x))


def _format_code_info(co):
    lines = []
    lines.append("Name:              %s" % co.co_name)
    lines.append("Filename:          %s" % co.co_filename)
    lines.append("Argument count:    %s" % co.co_argcount)
    lines.append("Positional-only arguments: %s" % co.co_posonlyargcount)
    lines.append("Kw-only arguments: %s" % co.co_kwonlyargcount)
    lines.append("Number of locals:  %s" % co.co_nlocals)
    lines.append("Stack size:        %s" % co.co_stacksize)
    lines.append("Flags:             %s" % pretty_flags(co.co_flags))
    if co.co_consts:
        lines.append("Constants:")
        for i_c in enumerate(co.co_consts):
            lines.append("%4d: %r" % i_c)
    if co.co_names:
        lines.append("Names:")
        for i_n in enumerate(co.co_names):
            lines.append("%4d: %s" % i_n)
    if co.co_varnames:
        lines.append("Variable names:")
        for i_n in enumerate(co.co_varnames):
            lines.append("%4d: %s" % i_n)
    if co.co_freevars:
        lines.append("Free variables:")
        for i_n in enumerate(co.co_freevars):
            lines.append("%4d: %s" % i_n)
    if co.co_cellvars:
        lines.append("Cell variables:")
        for i_n in enumerate(co.co_cellvars):
            lines.append("%4d: %s" % i_n)
    return "\n".join(lines)


def show_code(co, *, file=None):
    """Print details of methods, functions, or code to *file*
    (sys.stdout by default)."""
    print(code_info(co), file=file)


# ---- instructions -------------------------------------------------------------

Positions = collections.namedtuple(
    'Positions',
    ['lineno', 'end_lineno', 'col_offset', 'end_col_offset'],
    defaults=[None] * 4,
)

_Instruction = collections.namedtuple(
    "_Instruction",
    ['opname', 'opcode', 'arg', 'argval', 'argrepr', 'offset',
     'start_offset', 'starts_line', 'line_number', 'label', 'positions',
     'cache_info'],
    defaults=[None, None, None],
)


class Instruction(_Instruction):
    """Details for a bytecode operation.

       opname - human readable name for operation
       opcode - numeric code for operation
       arg - numeric argument to operation (if any), otherwise None
       argval - resolved arg value (if known), otherwise same as arg
       argrepr - human readable description of operation argument
       offset - start index of operation within bytecode sequence
       start_offset - start index of operation within bytecode sequence
                      including extended args if present
       starts_line - True if this opcode starts a source line
       line_number - source line number associated with this opcode
       label - a label if this instruction is a jump target, else None
       positions - Optional dis.Positions object holding the span of
                   source code covered by this instruction
       cache_info - information about the format and content of the
                    instruction's inline cache entries (always None here)
    """

    @staticmethod
    def make(opname, arg, argval, argrepr, offset, start_offset, starts_line,
             line_number, label=None, positions=None, cache_info=None):
        return Instruction(opname, _all_opmap_get(opname), arg, argval,
                           argrepr, offset, start_offset, starts_line,
                           line_number, label, positions, cache_info)

    @property
    def oparg(self):
        """Alias for Instruction.arg."""
        return self.arg

    @property
    def baseopcode(self):
        """Numeric code of the base operation if the operation is
        specialized; otherwise equal to Instruction.opcode."""
        return _deoptop(self.opcode)

    @property
    def baseopname(self):
        """Human readable name of the base operation."""
        return opname[self.baseopcode]

    @property
    def cache_offset(self):
        """Start index of the cache entries following the operation."""
        return self.offset + 2

    @property
    def end_offset(self):
        """End index of the cache entries following the operation."""
        return self.cache_offset

    @property
    def jump_target(self):
        """Bytecode index of the jump target if this is a jump operation,
        otherwise None."""
        return _get_jump_target(self.opcode, self.arg, self.offset)

    @property
    def is_jump_target(self):
        """True if other code jumps to here, otherwise False."""
        return self.label is not None

    def __str__(self):
        output = io.StringIO()
        formatter = Formatter(file=output)
        formatter.print_instruction(self, False)
        return output.getvalue()


def _all_opmap_get(name):
    op = opmap.get(name)
    if op is None:
        op = _specialized_opmap.get(name)
    return op


def _get_jump_target(op, arg, offset):
    """The offset a jump instruction at `offset` goes to, else None."""
    if arg is None or op not in hasjump:
        return None
    if op in _BACKWARD_JUMPS:
        return offset + 2 - arg * 2
    return offset + 2 + arg * 2


def _parse_varint(iterator):
    b = next(iterator)
    val = b & 63
    while b & 64:
        val <<= 6
        b = next(iterator)
        val |= b & 63
    return val


_ExceptionTableEntry = collections.namedtuple(
    "_ExceptionTableEntry", "start end target depth lasti")


def _parse_exception_table(code):
    iterator = iter(code.co_exceptiontable)
    entries = []
    try:
        while True:
            start = _parse_varint(iterator) * 2
            length = _parse_varint(iterator) * 2
            end = start + length
            target = _parse_varint(iterator) * 2
            dl = _parse_varint(iterator)
            entries.append(_ExceptionTableEntry(start, end, target,
                                                dl >> 1, bool(dl & 1)))
    except StopIteration:
        return entries


def _localsplus_names(co):
    """The frame's "fast locals plus" slots: locals, then the cells that
    are not arguments, then the free variables."""
    names = list(co.co_varnames)
    names.extend(name for name in co.co_cellvars if name not in names)
    names.extend(co.co_freevars)
    return names


class ArgResolver:
    """Turns an instruction's oparg into its value and description."""

    def __init__(self, co_consts=None, names=None, varname_from_oparg=None,
                 labels_map=None):
        self.co_consts = co_consts
        self.names = names
        self.varname_from_oparg = varname_from_oparg
        self.labels_map = labels_map or {}

    def offset_from_jump_arg(self, op, arg, offset):
        return _get_jump_target(op, arg, offset)

    def get_label_for_offset(self, offset):
        return self.labels_map.get(offset, None)

    def _name(self, index):
        if self.names is not None:
            return self.names[index]
        return None

    def _varname(self, index):
        if self.varname_from_oparg is not None:
            return self.varname_from_oparg(index)
        return None

    def get_argval_argrepr(self, op, arg, offset):
        """(argval, argrepr) for op with oparg arg at offset."""
        if arg is None:
            return None, ''
        deop = _deoptop(op)
        if deop in hasconst:
            if self.co_consts is None:
                return arg, repr(arg)
            value = self.co_consts[arg]
            return value, repr(value)
        if deop in hasname:
            if deop == LOAD_GLOBAL:
                name = self._name(arg >> 1)
                text = name if name is not None else repr(arg >> 1)
                return name, (text + " + NULL") if arg & 1 else text
            if deop == LOAD_ATTR:
                name = self._name(arg >> 1)
                text = name if name is not None else repr(arg >> 1)
                return name, (text + " + NULL|self") if arg & 1 else text
            if deop == IMPORT_NAME:
                # The low bits are the PEP 810 lazy-import mode.
                name = self._name(arg >> 2)
                return name, name if name is not None else repr(arg >> 2)
            if deop == LOAD_SUPER_ATTR:
                name = self._name(arg >> 2)
                text = name if name is not None else repr(arg >> 2)
                return name, (text + " + NULL|self") if arg & 1 else text
            name = self._name(arg)
            return name, name if name is not None else repr(arg)
        if deop in hasjump:
            target = self.offset_from_jump_arg(op, arg, offset)
            label = self.get_label_for_offset(target)
            return target, ("to L%d" % label if label is not None
                            else "to %d" % target)
        if deop in _DOUBLE_LOCALS:
            first, second = self._varname(arg >> 4), self._varname(arg & 15)
            if first is None:
                return (arg >> 4, arg & 15), ''
            return (first, second), "%s, %s" % (first, second)
        if deop in haslocal or deop in hasfree:
            name = self._varname(arg)
            return name, name if name is not None else ''
        return self._plain_argval(deop, arg)

    def _plain_argval(self, deop, arg):
        if deop == LOAD_SMALL_INT:
            return arg, str(arg)
        if deop == COMPARE_OP:
            text = cmp_op[arg >> 5]
            return text, ("bool(%s)" % text) if arg & 16 else text
        if deop == IS_OP:
            return arg, 'is not' if arg else 'is'
        if deop == CONTAINS_OP:
            return arg, 'not in' if arg else 'in'
        if deop == BINARY_OP and arg < len(_nb_ops):
            return arg, _nb_ops[arg][1]
        if deop == CONVERT_VALUE and arg < len(FORMAT_VALUE_CONVERTERS):
            text = FORMAT_VALUE_CONVERTERS[arg]
            return (None if arg == 0 else text), text
        if deop == BUILD_INTERPOLATION:
            conv = arg >> 2
            parts = []
            if conv and conv < len(FORMAT_VALUE_CONVERTERS):
                parts.append(FORMAT_VALUE_CONVERTERS[conv])
            if arg & 1:
                parts.append('with format')
            return arg, ', '.join(parts)
        if deop == SET_FUNCTION_ATTRIBUTE:
            return arg, ', '.join(name for i, name in
                                  enumerate(FUNCTION_ATTR_FLAGS)
                                  if arg & (1 << i))
        if deop == CALL_INTRINSIC_1 and arg < len(_intrinsic_1_descs):
            return arg, _intrinsic_1_descs[arg]
        if deop == CALL_INTRINSIC_2 and arg < len(_intrinsic_2_descs):
            return arg, _intrinsic_2_descs[arg]
        if deop == LOAD_COMMON_CONSTANT and arg < len(_common_constants):
            obj = _common_constants[arg]
            if isinstance(obj, type):
                return obj, obj.__name__
            return obj, repr(obj)
        if deop == LOAD_SPECIAL and arg < len(_special_method_names):
            return arg, _special_method_names[arg]
        return arg, ''


def _unpack_opargs(code):
    """(offset, start_offset, op, arg) for each instruction of raw
    bytecode; EXTENDED_ARG prefixes are reported too, each carrying the
    argument built so far."""
    extended_arg = 0
    start_offset = 0
    for i in range(0, len(code) - 1, 2):
        op = code[i]
        if op >= HAVE_ARGUMENT:
            arg = code[i + 1] | extended_arg
            extended_arg = (arg << 8) if op == EXTENDED_ARG else 0
        else:
            arg = None
            extended_arg = 0
        yield i, start_offset, op, arg
        start_offset = i + 2 if op != EXTENDED_ARG else start_offset


def findlabels(code):
    """Detect all offsets in a byte code which are jump targets.

    Return the list of offsets."""
    labels = []
    for offset, _, op, arg in _unpack_opargs(code):
        target = _get_jump_target(op, arg, offset)
        if target is not None and target not in labels:
            labels.append(target)
    return labels


_NOT_A_LINE = object()


def findlinestarts(code):
    """Find the offsets in a byte code which are start of lines in the
    source.

    Generate pairs (offset, lineno); lineno is None for bytecode with no
    source line."""
    lastline = _NOT_A_LINE
    for start, end, line in code.co_lines():
        if lastline is _NOT_A_LINE or line != lastline:
            lastline = line
            yield start, line


def _make_labels_map(original_code, exception_entries=()):
    jump_targets = set(findlabels(original_code))
    labels = set(jump_targets)
    for entry in exception_entries:
        labels.add(entry.start)
        labels.add(entry.end)
        labels.add(entry.target)
    return {offset: i + 1 for i, offset in enumerate(sorted(labels))}


def _get_instructions_bytes(code, linestarts=None, line_offset=0,
                            co_positions=None, original_code=None,
                            arg_resolver=None):
    """Iterate over the instructions of raw bytecode."""
    co_positions = co_positions or iter(())
    starts_line = False
    local_line_number = None
    line_number = None
    for offset, start_offset, op, arg in _unpack_opargs(code):
        if linestarts is not None:
            starts_line = offset in linestarts
            if starts_line:
                local_line_number = linestarts[offset]
            if local_line_number is not None:
                line_number = local_line_number + line_offset
            else:
                line_number = None
        positions = Positions(*next(co_positions, ()))
        if arg_resolver is not None:
            argval, argrepr = arg_resolver.get_argval_argrepr(op, arg, offset)
            label = arg_resolver.get_label_for_offset(offset)
        else:
            argval, argrepr = arg, repr(arg) if arg is not None else ''
            label = None
        name = opname[op] if op < len(opname) else '<%r>' % (op,)
        yield Instruction(name, op, arg, argval, argrepr, offset,
                          start_offset, starts_line, line_number, label,
                          positions, None)


def _code_resolver(co, labels_map):
    names = _localsplus_names(co)
    return ArgResolver(co_consts=co.co_consts, names=co.co_names,
                       varname_from_oparg=names.__getitem__,
                       labels_map=labels_map)


def get_instructions(x, *, first_line=None, show_caches=None, adaptive=False):
    """Iterator for the opcodes in methods, functions or code.

    Generates a series of Instruction named tuples giving the details of
    each operation in the supplied code.

    If *first_line* is not None, it indicates the line number that should
    be reported for the first source line in the disassembled code.
    Otherwise, the source line information (if any) is taken directly from
    the disassembled code object."""
    co = _get_code_object(x)
    linestarts = dict(findlinestarts(co))
    line_offset = first_line - co.co_firstlineno if first_line is not None else 0
    original_code = co.co_code
    labels_map = _make_labels_map(original_code, _parse_exception_table(co))
    return _get_instructions_bytes(_get_code_array(co, adaptive),
                                   linestarts=linestarts,
                                   line_offset=line_offset,
                                   co_positions=co.co_positions(),
                                   original_code=original_code,
                                   arg_resolver=_code_resolver(co, labels_map))


# ---- printing -----------------------------------------------------------------

def _get_lineno_width(linestarts):
    if linestarts is None:
        return 0
    maxlineno = max(filter(None, linestarts.values()), default=-1)
    if maxlineno == -1:
        # No line numbers at all: no column for them.
        return 0
    lineno_width = max(3, len(str(maxlineno)))
    if lineno_width < len(_NO_LINENO) and None in linestarts.values():
        lineno_width = len(_NO_LINENO)
    return lineno_width


def _get_positions_width(code):
    # Positions are "L:C-L:C"; reserve room for the widest one.
    width = len(_NO_LINENO)
    for pos in code.co_positions():
        width = max(width, len(_format_positions(Positions(*pos))))
    return width


def _format_positions(positions):
    def text(value):
        return '?' if value is None else str(value)
    if positions.lineno is None:
        return _NO_LINENO
    return "%s:%s-%s:%s" % (text(positions.lineno), text(positions.col_offset),
                            text(positions.end_lineno),
                            text(positions.end_col_offset))


class Formatter:
    """Prints instructions and exception tables in dis's layout."""

    def __init__(self, file=None, lineno_width=3, offset_width=0,
                 label_width=0, line_offset=0, show_caches=False,
                 *, positions_width=0):
        self.file = file
        self.lineno_width = lineno_width
        self.offset_width = offset_width
        self.label_width = label_width
        self.positions_width = positions_width
        self.show_caches = show_caches

    def print_instruction(self, instr, mark_as_current=False):
        self.print_instruction_line(instr, mark_as_current)

    def print_instruction_line(self, instr, mark_as_current):
        """Print one instruction: line (or positions), label, offset,
        current mark, name, argument and its description."""
        lineno_width = self.lineno_width
        positions_width = self.positions_width
        new_source_line = ((lineno_width > 0 or positions_width > 0) and
                           instr.starts_line and instr.offset > 0)
        if new_source_line:
            print(file=self.file)
        fields = []
        if positions_width:
            text = _format_positions(instr.positions or Positions())
            fields.append(text.ljust(positions_width))
        elif lineno_width:
            if instr.starts_line:
                if instr.line_number is None:
                    fields.append(_NO_LINENO.rjust(lineno_width))
                else:
                    fields.append(str(instr.line_number).rjust(lineno_width))
            else:
                fields.append(' ' * lineno_width)
        if instr.label is not None:
            fields.append(("L%d:" % instr.label).rjust(self.label_width))
        else:
            fields.append(' ' * self.label_width)
        if self.offset_width > 0:
            fields.append(repr(instr.offset).rjust(self.offset_width) + "  ")
        fields.append('-->' if mark_as_current else '   ')
        fields.append(instr.opname.ljust(_OPNAME_WIDTH))
        if instr.arg is not None:
            # A long name may use the argument's room, keeping the
            # arguments aligned where possible.
            excess = max(0, len(instr.opname) - _OPNAME_WIDTH)
            fields.append(repr(instr.arg).rjust(_OPARG_WIDTH - excess))
            if instr.argrepr:
                fields.append('(' + instr.argrepr + ')')
        print(' '.join(fields).rstrip(), file=self.file)

    def print_exception_table(self, exception_entries, labels_map=None):
        file = self.file
        if exception_entries:
            print("ExceptionTable:", file=file)
            for entry in exception_entries:
                lasti = " lasti" if entry.lasti else ""
                start = _label_text(labels_map, entry.start)
                end = _label_text(labels_map, entry.end)
                target = _label_text(labels_map, entry.target)
                print(f"  {start} to {end} -> {target} [{entry.depth}]{lasti}",
                      file=file)


def _label_text(labels_map, offset):
    if labels_map is not None and offset in labels_map:
        return "L%d" % labels_map[offset]
    return str(offset)


def _disassemble_bytes(code, lasti=-1, linestarts=None, *, line_offset=0,
                       exception_entries=(), co_positions=None,
                       original_code=None, arg_resolver=None,
                       show_caches=False, show_offsets=False,
                       show_positions=False, positions_width=0, file=None):
    if original_code is None:
        original_code = code
    labels_map = _make_labels_map(original_code, exception_entries)
    if arg_resolver is None:
        arg_resolver = ArgResolver(labels_map=labels_map)
    else:
        arg_resolver.labels_map = labels_map
    lineno_width = 0 if show_positions else _get_lineno_width(linestarts)
    offset_width = len(str(max(len(code) - 2, 9999))) if show_offsets else 0
    label_width = 4 + len(str(len(labels_map)))
    formatter = Formatter(file=file, lineno_width=lineno_width,
                          offset_width=offset_width, label_width=label_width,
                          line_offset=line_offset, show_caches=show_caches,
                          positions_width=positions_width if show_positions else 0)
    instrs = _get_instructions_bytes(code, linestarts=linestarts,
                                     line_offset=line_offset,
                                     co_positions=co_positions,
                                     original_code=original_code,
                                     arg_resolver=arg_resolver)
    for instr in instrs:
        formatter.print_instruction(instr, instr.offset == lasti)
    formatter.print_exception_table(exception_entries, labels_map)


def _disassemble_code(co, lasti=-1, *, file=None, show_caches=False,
                      adaptive=False, show_offsets=False,
                      show_positions=False, first_line=None):
    linestarts = dict(findlinestarts(co))
    line_offset = first_line - co.co_firstlineno if first_line is not None else 0
    _disassemble_bytes(_get_code_array(co, adaptive), lasti, linestarts,
                       line_offset=line_offset,
                       exception_entries=_parse_exception_table(co),
                       co_positions=co.co_positions(),
                       original_code=co.co_code,
                       arg_resolver=_code_resolver(co, None),
                       show_caches=show_caches, show_offsets=show_offsets,
                       show_positions=show_positions,
                       positions_width=_get_positions_width(co) if show_positions else 0,
                       file=file)


def disassemble(co, lasti=-1, *, file=None, show_caches=False,
                adaptive=False, show_offsets=False, show_positions=False):
    """Disassemble a code object."""
    _disassemble_code(co, lasti, file=file, show_caches=show_caches,
                      adaptive=adaptive, show_offsets=show_offsets,
                      show_positions=show_positions)


disco = disassemble                     # the old name, kept as CPython keeps it


def _disassemble_recursive(co, *, file=None, depth=None, show_caches=False,
                           adaptive=False, show_offsets=False,
                           show_positions=False):
    disassemble(co, file=file, show_caches=show_caches, adaptive=adaptive,
                show_offsets=show_offsets, show_positions=show_positions)
    if depth is None or depth > 0:
        if depth is not None:
            depth = depth - 1
        for x in co.co_consts:
            if hasattr(x, 'co_code'):
                print(file=file)
                print("Disassembly of %r:" % (x,), file=file)
                _disassemble_recursive(
                    x, file=file, depth=depth, show_caches=show_caches,
                    adaptive=adaptive, show_offsets=show_offsets,
                    show_positions=show_positions)


def _disassemble_str(source, **kwargs):
    """Compile the source string, then disassemble the code object."""
    _disassemble_recursive(_try_compile(source, '<dis>'), **kwargs)


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False,
        show_offsets=False, show_positions=False):
    """Disassemble classes, methods, functions, and other compiled objects.

    With no argument, disassemble the last traceback.

    Compiled objects currently include generator objects, async generator
    objects, and coroutine objects, all of which store their code object
    in a special attribute."""
    options = dict(file=file, depth=depth, show_caches=show_caches,
                   adaptive=adaptive, show_offsets=show_offsets,
                   show_positions=show_positions)
    if x is None:
        distb(file=file, show_caches=show_caches, adaptive=adaptive,
              show_offsets=show_offsets, show_positions=show_positions)
        return
    # Extract functions from methods and code from functions,
    # generators and coroutines.
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    elif hasattr(x, 'gi_code'):
        x = x.gi_code
    elif hasattr(x, 'ag_code'):
        x = x.ag_code
    elif hasattr(x, 'cr_code'):
        x = x.cr_code
    if hasattr(x, '__dict__'):         # a class or a module
        items = sorted(x.__dict__.items())
        for name, x1 in items:
            if isinstance(x1, _have_code):
                print("Disassembly of %s:" % name, file=file)
                try:
                    dis(x1, **options)
                except TypeError as msg:
                    print("Sorry:", msg, file=file)
                print(file=file)
    elif hasattr(x, 'co_code'):
        _disassemble_recursive(x, **options)
    elif isinstance(x, (bytes, bytearray)):
        _disassemble_bytes(x, file=file, show_caches=show_caches,
                           show_offsets=show_offsets)
    elif isinstance(x, str):
        _disassemble_str(x, **options)
    else:
        raise TypeError("don't know how to disassemble %s objects" %
                        type(x).__name__)


def distb(tb=None, *, file=None, show_caches=False, adaptive=False,
          show_offsets=False, show_positions=False):
    """Disassemble a traceback (default: last traceback)."""
    if tb is None:
        try:
            if hasattr(sys, 'last_exc'):
                tb = sys.last_exc.__traceback__
            else:
                tb = sys.last_traceback
        except AttributeError:
            raise RuntimeError("no last traceback to disassemble") from None
        if tb is None:
            raise RuntimeError("no last traceback to disassemble")
        while tb.tb_next:
            tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, tb.tb_lasti, file=file,
                show_caches=show_caches, adaptive=adaptive,
                show_offsets=show_offsets, show_positions=show_positions)


def _stack_effect(opcode_, oparg=None, *, jump=None):
    return stack_effect(opcode_, oparg, jump=jump)


class Bytecode:
    """The bytecode operations of a piece of code

    Instantiate this with a function, method, other compiled object,
    string of code, or a code object (as returned by compile()).

    Iterating over this yields the bytecode operations as Instruction
    instances."""

    def __init__(self, x, *, first_line=None, current_offset=None,
                 show_caches=False, adaptive=False, show_offsets=False,
                 show_positions=False):
        self.codeobj = co = _get_code_object(x)
        if first_line is None:
            self.first_line = co.co_firstlineno
            self._line_offset = 0
        else:
            self.first_line = first_line
            self._line_offset = first_line - co.co_firstlineno
        self._linestarts = dict(findlinestarts(co))
        self._original_object = x
        self.current_offset = current_offset
        self.exception_entries = _parse_exception_table(co)
        self.show_caches = show_caches
        self.adaptive = adaptive
        self.show_offsets = show_offsets
        self.show_positions = show_positions

    def __iter__(self):
        co = self.codeobj
        labels_map = _make_labels_map(co.co_code, self.exception_entries)
        return _get_instructions_bytes(_get_code_array(co, self.adaptive),
                                       linestarts=self._linestarts,
                                       line_offset=self._line_offset,
                                       co_positions=co.co_positions(),
                                       original_code=co.co_code,
                                       arg_resolver=_code_resolver(co, labels_map))

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__,
                                 self._original_object)

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        """ Construct a Bytecode from the given traceback """
        while tb.tb_next:
            tb = tb.tb_next
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti,
                   show_caches=show_caches, adaptive=adaptive)

    def info(self):
        """Return formatted information about the code object."""
        return _format_code_info(self.codeobj)

    def dis(self):
        """Return a formatted view of the bytecode operations."""
        co = self.codeobj
        offset = self.current_offset if self.current_offset is not None else -1
        with io.StringIO() as output:
            _disassemble_bytes(
                _get_code_array(co, self.adaptive), offset, self._linestarts,
                line_offset=self._line_offset,
                exception_entries=self.exception_entries,
                co_positions=co.co_positions(),
                original_code=co.co_code,
                arg_resolver=_code_resolver(co, None),
                show_caches=self.show_caches,
                show_offsets=self.show_offsets,
                show_positions=self.show_positions,
                positions_width=(_get_positions_width(co)
                                 if self.show_positions else 0),
                file=output)
            return output.getvalue()


def main(args=None):
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument('-C', '--show-caches', action='store_true',
                        help='show inline caches')
    parser.add_argument('-O', '--show-offsets', action='store_true',
                        help='show instruction offsets')
    parser.add_argument('-P', '--show-positions', action='store_true',
                        help='show instruction positions')
    parser.add_argument('-S', '--specialized', action='store_true',
                        help='show specialized bytecode')
    parser.add_argument('infile', nargs='?', default='-')
    args = parser.parse_args(args=args)
    if args.infile == '-':
        name = '<stdin>'
        source = sys.stdin.buffer.read()
    else:
        name = args.infile
        with open(args.infile, 'rb') as infile:
            source = infile.read()
    code = compile(source, name, "exec")
    dis(code, show_caches=args.show_caches, adaptive=args.specialized,
        show_offsets=args.show_offsets, show_positions=args.show_positions)


if __name__ == "__main__":
    main()
