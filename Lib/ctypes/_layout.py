"""Structure and union layout: where each field of ``_fields_`` lives.

The rules follow the C compilers ctypes must agree with: ``gcc-sysv`` (GCC
and Clang on everything but Windows, the default here) and ``ms`` (MSVC,
which ``_pack_`` implies there).  The result is a list of field
descriptions plus the size and alignment of the whole; ctypes/_types.py
turns them into CField descriptors.
"""

import sys
import warnings

__all__ = ["get_layout", "format_spec", "FieldInfo", "StructLayout"]


class FieldInfo:
    """One field as placed: byte offset, size, and bit position if any."""

    __slots__ = ("name", "type", "byte_offset", "byte_size", "bit_size",
                 "bit_offset", "index")

    def __init__(self, name, type, byte_offset, byte_size, bit_size,
                 bit_offset, index):
        self.name = name
        self.type = type
        self.byte_offset = byte_offset
        self.byte_size = byte_size
        self.bit_size = bit_size
        self.bit_offset = bit_offset
        self.index = index


class StructLayout:
    __slots__ = ("fields", "size", "align", "format_spec")

    def __init__(self, fields, size, align, format_spec):
        self.fields = fields
        self.size = size
        self.align = align
        self.format_spec = format_spec


def _round_up(value, multiple):
    return -(-value // multiple) * multiple


def _field_entries(cls, fields):
    """Check _fields_ and yield (index, name, type, bit_size or None)."""
    from ._types import _is_ctypes_type, _is_integer_type
    for index, entry in enumerate(fields):
        if not isinstance(entry, tuple) or len(entry) not in (2, 3):
            raise TypeError("'_fields_' must be a sequence of (name, C type) pairs")
        name, ftype = entry[0], entry[1]
        if not isinstance(name, str):
            raise TypeError(f"field name must be a str, not {type(name).__name__}")
        if not _is_ctypes_type(ftype):
            raise TypeError("second item in _fields_ tuple (index %d) must be a C type"
                            % index)
        bit_size = None
        if len(entry) == 3:
            bit_size = entry[2]
            if not isinstance(bit_size, int) or isinstance(bit_size, bool):
                raise TypeError("bit size of field %r must be integer" % name)
            if not _is_integer_type(ftype):
                raise TypeError("bit fields not allowed for type %s" % ftype.__name__)
            if not 0 < bit_size <= ftype._ctypes_size_ * 8:
                raise ValueError("number of bits invalid for bit field %r" % name)
        yield index, name, ftype, bit_size


def _check_options(cls):
    pack = getattr(cls, "_pack_", None)
    if pack is not None:
        if not isinstance(pack, int) or isinstance(pack, bool):
            raise TypeError("_pack_ must be an integer")
        if pack < 0:
            raise ValueError("_pack_ must be a non-negative integer")
        if pack > 0xFFFFFFFF:
            raise ValueError("_pack_ must be a non-negative integer")
    align = getattr(cls, "_align_", 0)
    if not isinstance(align, int) or isinstance(align, bool):
        raise TypeError("_align_ must be an integer")
    if align < 0:
        raise ValueError("_align_ must be a non-negative integer")
    layout = getattr(cls, "_layout_", None)
    if layout is None:
        if pack:
            warnings.warn(
                "Due to '_pack_', the '%s' Structure will use memory layout "
                "compatible with MSVC (Windows). If this is intended, set "
                "_layout_ to 'ms'. The implicit default is deprecated and "
                "slated to become an error in Python 3.19." % cls.__name__,
                DeprecationWarning, stacklevel=4)
            layout = "ms"
        else:
            layout = "ms" if sys.platform == "win32" else "gcc-sysv"
    elif layout not in ("ms", "gcc-sysv"):
        raise ValueError("unknown _layout_: %r" % (layout,))
    return pack or 0, align, layout


def get_layout(cls, fields, is_struct, big_endian, start_size=0, start_align=0):
    """Lay out ``fields`` for ``cls`` after start_size bytes of inherited
    fields (aligned to start_align); returns a StructLayout."""
    pack, min_align, layout = _check_options(cls)
    placed = []
    total_align = max(min_align, start_align, 1)
    bit_pos = start_size * 8  # next free bit, counted from the start
    run = None               # ms layout: (unit start bit, unit bits) of the open bit field run
    size = start_size
    for index, name, ftype, bit_size in _field_entries(cls, fields):
        fsize = ftype._ctypes_size_
        falign = ftype._ctypes_align_
        if pack:
            falign = min(falign, pack)
        total_align = max(total_align, falign)
        if not is_struct:
            bit_offset = 0
            if bit_size is not None and big_endian:
                bit_offset = fsize * 8 - bit_size
            placed.append(FieldInfo(name, ftype, 0, fsize, bit_size or 0,
                                    bit_offset, index))
            size = max(size, fsize)
            continue
        if bit_size is None:
            if run is not None:
                bit_pos = run[0] + run[1]     # an ms run fills its whole unit
                run = None
            bit_pos = _round_up(bit_pos, falign * 8)
            placed.append(FieldInfo(name, ftype, bit_pos // 8, fsize, 0, 0, index))
            bit_pos += fsize * 8
            continue
        unit_bits = fsize * 8
        if layout == "ms":
            # MSVC: consecutive bit fields of one type share a unit; a
            # different type, or one that does not fit, opens a new unit.
            if run is None or run[1] != unit_bits or bit_pos + bit_size > run[0] + unit_bits:
                if run is not None:
                    bit_pos = run[0] + run[1]
                bit_pos = _round_up(bit_pos, falign * 8)
                run = (bit_pos, unit_bits)
            start = run[0]
        else:
            # GCC: a bit field may not cross a boundary of an aligned unit
            # of its own type's size; otherwise it packs into any bits left.
            start = _round_down(bit_pos, unit_bits)
            if bit_pos + bit_size > start + unit_bits:
                bit_pos = _round_up(bit_pos, unit_bits)
                start = bit_pos
        bit_offset = bit_pos - start
        if big_endian:
            bit_offset = unit_bits - bit_offset - bit_size
        placed.append(FieldInfo(name, ftype, start // 8, fsize, bit_size,
                                bit_offset, index))
        bit_pos += bit_size
    if is_struct:
        if layout == "ms" and run is not None:
            bit_pos = max(bit_pos, run[0] + run[1])
        size = _round_up(bit_pos, 8) // 8
    size = _round_up(size, total_align)
    return StructLayout(placed, size, total_align,
                        format_spec(placed, size, is_struct))


def _round_down(value, multiple):
    return value // multiple * multiple


def format_spec(placed, size, is_struct):
    """The PEP 3118 format of a structure: T{...} with padding as 'x'."""
    if not is_struct or any(f.bit_size for f in placed):
        return "B"
    parts = []
    offset = 0
    for f in placed:
        if f.byte_offset > offset:
            parts.append("%dx" % (f.byte_offset - offset))
        fmt = f.type._ctypes_format_
        shape = f.type._ctypes_shape_
        if shape:
            fmt = "(%s)%s" % (",".join(map(str, shape)), fmt)
        parts.append("%s:%s:" % (fmt, f.name))
        offset = f.byte_offset + f.byte_size
    if size > offset:
        parts.append("%dx" % (size - offset))
    return "T{" + "".join(parts) + "}"
