"""Structures and unions in a fixed byte order (BigEndianStructure, ...).

A structure whose byte order is not the machine's stores every field in
the other order: each field type is replaced by its other-order variant
(``__ctype_be__`` / ``__ctype_le__``), arrays element-wise; nested
structures and unions keep the order they declare.
"""

import sys
from ctypes import Structure, Union, sizeof
from ctypes._types import PyCStructType, UnionType, PyCArrayType


def _other_endian(typ, attr):
    """typ stored in the other byte order (attr names the order wanted)."""
    variant = getattr(typ, attr, None)
    if variant is not None:
        return variant
    if isinstance(typ, PyCArrayType):
        return _other_endian(typ._type_, attr) * typ._length_
    if issubclass(typ, (Structure, Union)):
        # Nested records keep their own declared order.
        return typ
    raise TypeError("This type does not support other endian: %s" % typ)


def _swapped_meta(base_meta, attr):
    class _SwappedMeta(base_meta):
        def __setattr__(cls, name, value):
            if name == "_fields_":
                fields = []
                for entry in value:
                    name_, typ = entry[0], entry[1]
                    rest = tuple(entry[2:])
                    fields.append((name_, _other_endian(typ, attr)) + rest)
                value = fields
            super().__setattr__(name, value)

        def __new__(mcls, name, bases, namespace, **kwargs):
            fields = namespace.pop("_fields_", None)
            cls = super().__new__(mcls, name, bases, namespace, **kwargs)
            if fields is not None:
                cls._fields_ = fields
            return cls
    return _SwappedMeta


_STRUCT_BE = _swapped_meta(PyCStructType, "__ctype_be__")
_STRUCT_LE = _swapped_meta(PyCStructType, "__ctype_le__")
_UNION_BE = _swapped_meta(UnionType, "__ctype_be__")
_UNION_LE = _swapped_meta(UnionType, "__ctype_le__")

if sys.byteorder == "little":
    LittleEndianStructure = Structure
    LittleEndianUnion = Union

    class BigEndianStructure(Structure, metaclass=_STRUCT_BE):
        """Structure with big endian byte order"""
        __slots__ = ()
        _swappedbytes_ = None

    class BigEndianUnion(Union, metaclass=_UNION_BE):
        """Union with big endian byte order"""
        __slots__ = ()
        _swappedbytes_ = None

elif sys.byteorder == "big":
    BigEndianStructure = Structure
    BigEndianUnion = Union

    class LittleEndianStructure(Structure, metaclass=_STRUCT_LE):
        """Structure with little endian byte order"""
        __slots__ = ()
        _swappedbytes_ = None

    class LittleEndianUnion(Union, metaclass=_UNION_LE):
        """Union with little endian byte order"""
        __slots__ = ()
        _swappedbytes_ = None

else:
    raise RuntimeError("Invalid byteorder")
