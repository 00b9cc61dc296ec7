"""The ctypes type layer: metaclasses and base classes over _ctypes.

_ctypes (Modules/_ctypes) provides the storage (_CData), reading and
writing single C values by type code, libffi calls and callbacks.  This
module builds the types users see on it: simple types (c_int, ...),
structures and unions, arrays, pointers and function pointers.

A class tells _CData its instance size through ``_ctypes_size_`` and its
PEP 3118 view through ``_ctypes_format_`` / ``_ctypes_shape_``; its
alignment is ``_ctypes_align_``.

Thread safety: a class is built by one thread (class creation).  The
type caches give racing threads one type: array types through
dict.setdefault, pointer types (``__pointer_type__``) under
_pointer_type_lock, the FFIType cached on a class by a single attribute
store (two racing threads build equal descriptors, either may stay).
"""

import _ctypes
import _thread
from _ctypes import _CData, ArgumentError, CThunk, FUNCFLAG_CDECL, addressof
from _ctypes import _read, _write, _at, _call, _ffi_scalar, _ffi_struct
import sys as _sys
import types as _pytypes
import warnings as _warnings

from ._layout import get_layout, format_spec

_SIMPLE_CODES = "cbBhHiIlLdfuzZqQPXOv?gFDG"
_INTEGER_CODES = "bBhHiIlLqQ"
_SWAPPABLE_CODES = "bBhHiIlLqQfd"
_POINTER_CODES = "zZPO"
_NATIVE_ORDER = "<" if _sys.byteorder == "little" else ">"
_OTHER_ORDER = ">" if _NATIVE_ORDER == "<" else "<"


def _is_ctypes_type(obj):
    return isinstance(obj, type) and issubclass(obj, _CData) and \
        hasattr(obj, "_ctypes_size_")


def _is_integer_type(cls):
    code = getattr(cls, "_type_", None)
    return isinstance(cls, PyCSimpleType) and isinstance(code, str) and \
        (code in _INTEGER_CODES or code == "?")


def _is_fundamental(cls):
    """A simple type whose direct base is _SimpleCData: its values convert
    to Python objects automatically (fields, results, array items)."""
    return type(cls) is PyCSimpleType and _SimpleCData in cls.__bases__


def _root(obj):
    """The instance that owns (or first borrowed) obj's memory."""
    while True:
        base = obj._b_base_
        if base is None:
            return obj
        obj = base


def _keep(obj, address, value):
    """Keep value alive for as long as the memory at address (in obj) is
    used: stored in the owning instance's _objects, keyed by offset."""
    if value is None:
        return
    root = _root(obj)
    _ctypes._keep_alive(root, str(address - addressof(root)), value)


def _ffi(cls):
    """The FFIType that passes cls by value (cached on the class)."""
    ffi = cls.__dict__.get("_ctypes_ffi_")
    if ffi is None:
        ffi = type(cls)._make_ffi(cls)
        type.__setattr__(cls, "_ctypes_ffi_", ffi)
    return ffi


def _copy_into(address, value, cls, owner):
    """Store the instance ``value`` of a ctypes type at address (a field,
    item or pointer target of type cls) and keep what it references."""
    size = cls._ctypes_size_
    _ctypes._memmove(address, addressof(value), size)
    _keep(owner, address, value._objects)


def _store(owner, address, cls, value, bit_size=0, bit_offset=0):
    """Assign the Python value to a C value of type cls at address."""
    if isinstance(cls, PyCSimpleType):
        if isinstance(value, cls):
            _copy_into(address, value, cls, owner)
            return
        if isinstance(value, (_Pointer, Array, CFuncPtr)) and cls._type_ in "zZP":
            # An array or pointer stored into a char * / void * slot.
            arg = cls.from_param(value)
            target = arg._address() if isinstance(arg, (CArgObject, _AddressArg)) \
                else _read(addressof(arg), "P")
            _write(address, "P", target)
            _keep(owner, address, arg)
            return
        if isinstance(value, _SimpleCData) and _is_fundamental(cls) \
                and type(value)._type_ == cls._type_:
            value = value.value
        keep = _write(address, cls._type_, value, cls._ctypes_swapped_,
                      bit_size, bit_offset)
        _keep(owner, address, keep)
        return
    meta = type(cls)
    converted = meta._convert_for_store(cls, value)
    if isinstance(converted, tuple):
        # A pointer-like value given as (address, keepalive).
        pointer, keepalive = converted
        _write(address, "P", pointer)
        _keep(owner, address, keepalive)
    else:
        _copy_into(address, converted, cls, owner)


def _load(owner, address, cls, bit_size=0, bit_offset=0):
    """The Python value of the C value of type cls at address."""
    if _is_fundamental(cls):
        return _read(address, cls._type_, cls._ctypes_swapped_, bit_size, bit_offset)
    meta = type(cls)
    special = getattr(meta, "_load_special", None)
    if special is not None:
        result = special(cls, address, owner)
        if result is not NotImplemented:
            return result
    return _at(cls, address, owner)


def _store_type_error(cls, value):
    """The TypeError for storing value into a field or item of type cls."""
    if isinstance(value, _CData):
        return TypeError("incompatible types, %s instance instead of %s instance"
                         % (type(value).__name__, cls.__name__))
    return TypeError("expected %s instance, got %s"
                     % (cls.__name__, type(value).__name__))


class _CDataType(type):
    """What every ctypes type can do (the class methods of CPython's
    metaclasses)."""

    def from_address(cls, address):
        if not isinstance(address, int):
            raise TypeError("integer expected")
        return _at(cls, address)

    def from_buffer(cls, obj, offset=0):
        address, length, readonly, view = _ctypes._buffer(obj)
        if readonly:
            raise TypeError("underlying buffer is not writable")
        if offset < 0:
            raise ValueError("offset cannot be negative")
        size = cls._ctypes_size_
        if length < size + offset:
            raise ValueError("Buffer size too small (%d instead of at least %d bytes)"
                             % (length, size + offset))
        result = _at(cls, address + offset)
        result._objects = {"ffffffff": view}
        return result

    def from_buffer_copy(cls, obj, offset=0):
        address, length, readonly, view = _ctypes._buffer(obj)
        try:
            if offset < 0:
                raise ValueError("offset cannot be negative")
            size = cls._ctypes_size_
            if length < size + offset:
                raise ValueError("Buffer size too small (%d instead of at least %d bytes)"
                                 % (length, size + offset))
            result = cls.__new__(cls)
            _ctypes._memmove(addressof(result), address + offset, size)
            return result
        finally:
            view.release()

    def in_dll(cls, dll, name):
        address = _ctypes.dlsym(dll._handle, name)
        return cls.from_address(address)

    def __mul__(cls, length):
        return _array_type(cls, length)

    def __rmul__(cls, length):
        return _array_type(cls, length)

    def _convert_for_store(cls, value):
        if isinstance(value, cls):
            return value
        raise _store_type_error(cls, value)

    def from_param(cls, value):
        if isinstance(value, cls):
            return value
        param = getattr(value, "_as_parameter_", None)
        if param is not None:
            return cls.from_param(param)
        raise TypeError("expected %s instance instead of %s"
                        % (cls.__name__, type(value).__name__))


def _unpickle(cls, state):
    obj = cls.__new__(cls)
    memory, attributes = state
    if len(memory) != _ctypes._cdata_size(obj):
        _ctypes.resize(obj, len(memory))
    if memory:
        _ctypes._memmove(addressof(obj), memory, len(memory))
    if attributes:
        obj.__dict__.update(attributes)
    return obj


class _CDataMethods:
    """Methods of every ctypes instance (mixed into each base class)."""

    __slots__ = ()

    def __reduce__(self):
        if _contains_pointers(type(self)):
            raise ValueError("ctypes objects containing pointers cannot be pickled")
        memory = _ctypes._string_at(addressof(self), _ctypes._cdata_size(self))
        attributes = getattr(self, "__dict__", None) or None
        return _unpickle, (type(self), (memory, attributes))

    def __ctypes_from_outparam__(self):
        return self


def _contains_pointers(cls):
    if isinstance(cls, (PyCPointerType, PyCFuncPtrType)):
        return True
    if isinstance(cls, PyCSimpleType):
        return cls._type_ in _POINTER_CODES
    if isinstance(cls, PyCArrayType):
        return _contains_pointers(cls._type_)
    if isinstance(cls, (PyCStructType, UnionType)):
        return any(_contains_pointers(f[1]) for f in cls.__dict__.get("_fields_", ()))
    return False


# ---- simple types ------------------------------------------------------------

class PyCSimpleType(_CDataType):
    """Metaclass of the simple types (c_int, c_char_p, ...)."""

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        if bases and bases[0] is _CData:
            return cls          # _SimpleCData itself: abstract
        code = getattr(cls, "_type_", None)
        if code is None:
            raise AttributeError("class must define a '_type_' attribute")
        if not isinstance(code, str):
            raise TypeError("class must define a '_type_' string attribute")
        if len(code) != 1 or code not in _SIMPLE_CODES or code == "X":
            raise AttributeError(
                "class must define a '_type_' attribute which must be\n"
                "a single character string containing one of the\n"
                "following characters: '%s'." % _SIMPLE_CODES)
        size, align = _ctypes._code_info(code)
        swapped = namespace.get("_ctypes_swapped_", False)
        cls._ctypes_size_ = size
        cls._ctypes_align_ = align
        cls._ctypes_shape_ = ()
        cls._ctypes_swapped_ = swapped
        cls._ctypes_format_ = (_OTHER_ORDER if swapped else _NATIVE_ORDER) + \
            _pep3118_code(code, size)
        if code in _SWAPPABLE_CODES and not swapped and \
                "_ctypes_swapped_" not in namespace:
            # The other byte order is a sibling of cls (same bases), so a
            # fundamental type's variant converts its values the same way.
            suffix = "_be" if _NATIVE_ORDER == "<" else "_le"
            other = PyCSimpleType(name + suffix, bases, {"_type_": code,
                                                "_ctypes_swapped_": True,
                                                "__module__": cls.__module__,
                                                "__qualname__": cls.__qualname__ + suffix})
            if _NATIVE_ORDER == "<":
                cls.__ctype_le__, cls.__ctype_be__ = cls, other
            else:
                cls.__ctype_be__, cls.__ctype_le__ = cls, other
            other.__ctype_le__ = cls.__ctype_le__
            other.__ctype_be__ = cls.__ctype_be__
        return cls

    def _make_ffi(cls):
        return _ffi_scalar(cls._type_)

    def _convert_for_store(cls, value):
        return value

    def from_param(cls, value):
        if isinstance(value, cls):
            return value
        converter = _SIMPLE_FROM_PARAM.get(cls._type_)
        if converter is not None:
            result = converter(cls, value)
            if result is not None:
                return result
        param = getattr(value, "_as_parameter_", None)
        if param is not None:
            return cls.from_param(param)
        raise TypeError("wrong type")


def _pep3118_code(code, size):
    """The struct-module code for a ctypes code: '<' and '>' select the
    standard sizes, so integers are named by their size (c_long is 'q'
    where it has 8 bytes)."""
    if code in _INTEGER_CODES:
        signed = {1: "b", 2: "h", 4: "i", 8: "q"}[size]
        return signed if code.islower() else signed.upper()
    if code in "FDG":
        return "Z" + code.lower()
    if code == "v":
        return "h"
    return code


def _from_param_int(cls, value):
    if isinstance(value, int):
        return cls(value)
    return None


def _from_param_float(cls, value):
    if isinstance(value, (int, float)):
        return cls(value)
    return None


def _from_param_complex(cls, value):
    if isinstance(value, (int, float, complex)):
        return cls(value)
    return None


def _from_param_char(cls, value):
    if isinstance(value, (bytes, bytearray, int)):
        return cls(value)
    return None


def _from_param_wchar(cls, value):
    if isinstance(value, str):
        return cls(value)
    return None


def _from_param_any(cls, value):
    return cls(value)


def _pointer_to(value, item_type):
    """A c_void_p argument holding the address of an array or pointer of
    item_type (or of a byref() to one), else None."""
    if isinstance(value, Array) and issubclass(type(value)._type_, item_type):
        return _address_arg(addressof(value), value)
    if isinstance(value, _Pointer) and issubclass(type(value)._type_, item_type):
        return value
    if isinstance(value, CArgObject) and isinstance(value._obj, item_type):
        return value
    return None


def _from_param_char_p(cls, value):
    if value is None or isinstance(value, (bytes, int)):
        return cls(value)
    return _pointer_to(value, c_char)


def _from_param_wchar_p(cls, value):
    if value is None or isinstance(value, (str, int)):
        return cls(value)
    return _pointer_to(value, c_wchar)


def _from_param_void_p(cls, value):
    if value is None or isinstance(value, int):
        return cls(value)
    if isinstance(value, bytes):
        return c_char_p(value)
    if isinstance(value, str):
        return c_wchar_p(value)
    if isinstance(value, (_Pointer, CArgObject)):
        return value
    if isinstance(value, Array):
        return _address_arg(addressof(value), value)
    if isinstance(value, CFuncPtr):
        return _address_arg(_read(addressof(value), "P") or 0, value)
    if isinstance(value, _SimpleCData) and type(value)._type_ in "zZP":
        return value
    return None


_SIMPLE_FROM_PARAM = dict.fromkeys(_INTEGER_CODES, _from_param_int)
_SIMPLE_FROM_PARAM.update({
    "f": _from_param_float, "d": _from_param_float, "g": _from_param_float,
    "c": _from_param_char, "u": _from_param_wchar, "?": _from_param_any,
    "v": _from_param_any, "O": _from_param_any, "z": _from_param_char_p,
    "Z": _from_param_wchar_p, "P": _from_param_void_p,
    "F": _from_param_complex, "D": _from_param_complex, "G": _from_param_complex,
})


_NO_VALUE = object()


class _SimpleCData(_CData, _CDataMethods, metaclass=PyCSimpleType):
    """Base class of the simple C data types."""

    def __init__(self, value=_NO_VALUE, /):
        if value is not _NO_VALUE:
            self.value = value

    @property
    def value(self):
        cls = type(self)
        return _read(addressof(self), cls._type_, cls._ctypes_swapped_)

    @value.setter
    def value(self, value):
        cls = type(self)
        address = addressof(self)
        keep = _write(address, cls._type_, value, cls._ctypes_swapped_)
        if keep is not None:
            self._objects = keep

    def __bool__(self):
        return bool(self.value)

    def __repr__(self):
        cls = type(self)
        if not _is_fundamental(cls):
            return "<%s object at %#x>" % (cls.__name__, id(self))
        if cls._type_ in "zZ":
            # String pointers show the address they hold, not the text.
            return "%s(%s)" % (cls.__name__, _read(addressof(self), "P"))
        return "%s(%r)" % (cls.__name__, self.value)

    def __ctypes_from_outparam__(self):
        if _is_fundamental(type(self)):
            return self.value
        return self


# ---- structures and unions --------------------------------------------------

class CField:
    """A field of a Structure or Union: where it lives and how it converts."""

    __slots__ = ("name", "type", "byte_offset", "byte_size", "bit_size",
                 "bit_offset", "index", "_anonymous", "_is_bitfield",
                 "_code", "_swapped", "_bit_args")

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 'CField' instances")

    @classmethod
    def _make(cls, info):
        self = object.__new__(cls)
        self.name = info.name
        self.type = info.type
        self.byte_offset = info.byte_offset
        self.byte_size = info.byte_size
        self.bit_size = info.bit_size or info.byte_size * 8
        self.bit_offset = info.bit_offset
        self.index = info.index
        self._anonymous = False
        self._is_bitfield = bool(info.bit_size)
        self._bit_args = (info.bit_size, info.bit_offset) if info.bit_size else (0, 0)
        # Fast path: a fundamental non-pointer type converts in one call.
        code = getattr(info.type, "_type_", None)
        if _is_fundamental(info.type) and code not in "zZO":
            self._code = code
            self._swapped = info.type._ctypes_swapped_
        else:
            self._code = None
            self._swapped = False
        return self

    @property
    def offset(self):
        return self.byte_offset

    @property
    def size(self):
        if self.is_bitfield:
            return (self.bit_size << 16) | self.bit_offset
        return self.byte_size

    @property
    def is_bitfield(self):
        return self._is_bitfield

    @property
    def is_anonymous(self):
        return self._anonymous

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        if self._code is not None:
            return _read(addressof(obj) + self.byte_offset, self._code,
                         self._swapped, *self._bit_args)
        return _load(obj, addressof(obj) + self.byte_offset, self.type,
                     *self._bit_args)

    def __set__(self, obj, value):
        if self._code is not None and not isinstance(value, _CData):
            _write(addressof(obj) + self.byte_offset, self._code, value,
                   self._swapped, *self._bit_args)
            return
        _store(obj, addressof(obj) + self.byte_offset, self.type, value,
               *self._bit_args)

    def __repr__(self):
        if self.is_bitfield:
            return "<%s %r type=%s, ofs=%d, bit_size=%d, bit_offset=%d>" % (
                "ctypes.CField", self.name, self.type.__name__, self.byte_offset,
                self.bit_size, self.bit_offset)
        return "<%s %r type=%s, ofs=%d, size=%d>" % (
            "ctypes.CField", self.name, self.type.__name__, self.byte_offset,
            self.byte_size)


class _AnonymousField:
    """Forwards a field of an anonymous member to its container."""

    def __init__(self, outer, inner):
        self._outer = outer
        self._inner = inner

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return self._inner.__get__(self._outer.__get__(obj))

    def __set__(self, obj, value):
        self._inner.__set__(self._outer.__get__(obj), value)


class _StructMeta(_CDataType):
    """Common metaclass machinery of structures and unions."""

    _is_struct = True

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        if bases and bases[0] is _CData:
            return cls          # Structure or Union itself: abstract
        if "_fields_" in namespace:
            cls._ctypes_set_fields(namespace["_fields_"])
        elif not hasattr(cls, "_ctypes_size_"):
            # No fields yet: an empty structure until _fields_ is set.
            type.__setattr__(cls, "_ctypes_size_", 0)
            type.__setattr__(cls, "_ctypes_align_", 1)
            type.__setattr__(cls, "_ctypes_format_", "B")
            type.__setattr__(cls, "_ctypes_shape_", ())
        return cls

    def __call__(cls, *args, **kwargs):
        # Instances fix the layout: _fields_ can no longer change.
        if not cls.__dict__.get("_ctypes_final_", False):
            type.__setattr__(cls, "_ctypes_final_", True)
        return super().__call__(*args, **kwargs)

    def __setattr__(cls, name, value):
        if name == "_fields_":
            if cls.__dict__.get("_ctypes_final_", False):
                raise AttributeError("_fields_ is final")
            type.__setattr__(cls, name, value)
            cls._ctypes_set_fields(value)
            return
        type.__setattr__(cls, name, value)

    def _ctypes_set_fields(cls, fields):
        if isinstance(fields, (str, bytes)) or not hasattr(fields, "__iter__"):
            raise TypeError("'_fields_' must be a sequence of pairs")
        fields = list(fields)
        for entry in fields:
            if isinstance(entry, tuple) and len(entry) > 1 and entry[1] is cls:
                raise AttributeError("Structure or union cannot contain itself")
        base = cls.__mro__[1]
        start_size = start_align = 0
        if isinstance(base, _StructMeta) and hasattr(base, "_ctypes_size_"):
            # A subclass's own fields follow its base's, padding included.
            start_size, start_align = base._ctypes_size_, base._ctypes_align_
        swap = hasattr(cls, "_swappedbytes_")
        big_endian = (_sys.byteorder == "big") != swap
        layout = get_layout(cls, fields, type(cls)._is_struct, big_endian,
                            start_size, start_align)
        if start_size and hasattr(base, "_ctypes_layout_"):
            layout.fields[:0] = base._ctypes_layout_.fields
            layout.format_spec = format_spec(layout.fields, layout.size,
                                             type(cls)._is_struct)
        for info in layout.fields[len(layout.fields) - len(fields):]:
            type.__setattr__(cls, info.name, CField._make(info))
        type.__setattr__(cls, "_ctypes_size_", layout.size)
        type.__setattr__(cls, "_ctypes_align_", layout.align)
        type.__setattr__(cls, "_ctypes_format_", layout.format_spec)
        type.__setattr__(cls, "_ctypes_shape_", ())
        type.__setattr__(cls, "_ctypes_final_", True)
        type.__setattr__(cls, "_ctypes_layout_", layout)
        for field in fields:
            t = field[1]
            if isinstance(t, _StructMeta):
                type.__setattr__(t, "_ctypes_final_", True)
        for stale in ("_ctypes_ffi_", "_ctypes_field_names_"):
            if stale in cls.__dict__:
                type.__delattr__(cls, stale)          # made for the old layout
        anonymous = cls.__dict__.get("_anonymous_")
        if anonymous is not None:
            names = {f[0] for f in fields}
            for member in anonymous:
                if member not in names:
                    raise AttributeError("'%s' is specified in _anonymous_ but not in _fields_"
                                         % member)
                outer = cls.__dict__[member]
                outer._anonymous = True
                for inner_name, inner in _fields_of(outer.type):
                    type.__setattr__(cls, inner_name, _AnonymousField(outer, inner))

    def _make_ffi(cls):
        layout = cls.__dict__.get("_ctypes_layout_")
        if layout is None:
            raise TypeError("cannot pass %s by value: it has no fields" % cls.__name__)
        if not type(cls)._is_struct:
            unit = {1: "B", 2: "H", 4: "I", 8: "Q"}.get(cls._ctypes_align_, "Q")
            usize = _ctypes._code_info(unit)[0]
            members = tuple(_ffi_scalar(unit) for _ in range(max(1, cls._ctypes_size_ // usize)))
            return _ffi_struct(cls._ctypes_size_, cls._ctypes_align_, members)
        members = []
        seen_units = set()
        for info in layout.fields:
            if info.bit_size:
                if info.byte_offset in seen_units:
                    continue
                seen_units.add(info.byte_offset)
            members.extend(_ffi_members(info.type))
        return _ffi_struct(cls._ctypes_size_, cls._ctypes_align_, tuple(members))

    def _convert_for_store(cls, value):
        if isinstance(value, cls):
            return value
        if isinstance(value, tuple):
            return cls(*value)
        raise _store_type_error(cls, value)


def _fields_of(cls):
    for name, value in vars(cls).items():
        if isinstance(value, (CField, _AnonymousField)):
            yield name, value


def _ffi_members(cls):
    """The flattened libffi members that stand for cls inside a struct."""
    if isinstance(cls, PyCArrayType):
        return _ffi_members(cls._type_) * cls._length_
    return [_ffi(cls)]


class PyCStructType(_StructMeta):
    """Metaclass of Structure subclasses."""
    _is_struct = True


class UnionType(_StructMeta):
    """Metaclass of Union subclasses."""
    _is_struct = False


def _field_names(cls):
    """Field names of cls and its bases, base first (cached per class)."""
    names = cls.__dict__.get("_ctypes_field_names_")
    if names is None:
        names = []
        for klass in reversed(cls.__mro__):
            names.extend(f[0] for f in klass.__dict__.get("_fields_", ()))
        names = tuple(names)
        type.__setattr__(cls, "_ctypes_field_names_", names)
    return names


def _struct_init(self, *args, **kwargs):
    names = _field_names(type(self))
    if len(args) > len(names):
        raise TypeError("too many initializers")
    for name, value in zip(names, args):
        setattr(self, name, value)
    for name, value in kwargs.items():
        if name in names[:len(args)]:
            raise TypeError("duplicate values for field %r" % name)
        setattr(self, name, value)


class Structure(_CData, _CDataMethods, metaclass=PyCStructType):
    """Structure base class"""
    __init__ = _struct_init


class Union(_CData, _CDataMethods, metaclass=UnionType):
    """Union base class"""
    __init__ = _struct_init


# ---- arrays ------------------------------------------------------------------

class PyCArrayType(_CDataType):
    """Metaclass of array types (made by ``type * length``)."""

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        if bases and bases[0] is _CData:
            return cls          # the Array base class itself
        length = getattr(cls, "_length_", None)
        if length is None:
            raise AttributeError("class must define a '_length_' attribute")
        if not isinstance(length, int) or isinstance(length, bool):
            raise TypeError("The '_length_' attribute must be an integer")
        if length < 0:
            raise ValueError("The '_length_' attribute must not be negative")
        item = getattr(cls, "_type_", None)
        if item is None:
            raise AttributeError("class must define a '_type_' attribute")
        if not _is_ctypes_type(item):
            raise TypeError("_type_ must have storage info")
        if item._ctypes_size_ and length > _sys.maxsize // item._ctypes_size_:
            raise OverflowError("array too large")
        cls._ctypes_size_ = item._ctypes_size_ * length
        cls._ctypes_align_ = item._ctypes_align_
        cls._ctypes_format_ = item._ctypes_format_
        cls._ctypes_shape_ = (length,) + tuple(item._ctypes_shape_)
        return cls

    def _make_ffi(cls):
        # An array passed by value only occurs inside a structure; as an
        # argument it decays to a pointer (see _argument).
        return _ffi_scalar("P")

    def _convert_for_store(cls, value):
        if isinstance(value, cls):
            return value
        item = cls._type_
        if isinstance(value, (bytes, str)) and _is_fundamental(item) and \
                item._type_ in "cu":
            result = cls()
            result.value = value
            return result
        if isinstance(value, (tuple, list)):
            return cls(*value)
        raise _store_type_error(cls, value)

    def _load_special(cls, address, owner):
        item = cls._type_
        if _is_fundamental(item) and item._type_ in "cu":
            return _at(cls, address, owner).value
        return NotImplemented



_array_types = {}


def _array_type(item, length):
    if not isinstance(length, int) or isinstance(length, bool):
        raise TypeError("can't multiply sequence by non-int of type '%s'"
                        % type(length).__name__)
    if length < 0:
        raise ValueError("Array length must be >= 0, not %d" % length)
    key = (item, length)
    cls = _array_types.get(key)
    if cls is None:
        cls = PyCArrayType("%s_Array_%d" % (item.__name__, length), (Array,),
                           {"_type_": item, "_length_": length,
                            "__module__": item.__module__})
        cls = _array_types.setdefault(key, cls)
    return cls


class Array(_CData, _CDataMethods, metaclass=PyCArrayType):
    """Array base class"""

    def __init__(self, *args):
        if len(args) > type(self)._length_:
            raise IndexError("invalid index")
        for index, value in enumerate(args):
            self[index] = value

    def __len__(self):
        return type(self)._length_

    def _item_address(self, index):
        length = type(self)._length_
        if index < 0:
            index += length
        if not 0 <= index < length:
            raise IndexError("invalid index")
        return addressof(self) + index * type(self)._type_._ctypes_size_

    def __getitem__(self, index):
        item = type(self)._type_
        if isinstance(index, slice):
            values = [self[i] for i in range(*index.indices(len(self)))]
            if _is_fundamental(item) and item._type_ == "c":
                return b"".join(values)
            if _is_fundamental(item) and item._type_ == "u":
                return "".join(values)
            return values
        if not hasattr(index, "__index__"):
            raise TypeError("indices must be integers")
        return _load(self, self._item_address(index.__index__()), item)

    def __setitem__(self, index, value):
        item = type(self)._type_
        if isinstance(index, slice):
            positions = range(*index.indices(len(self)))
            if len(value) != len(positions):
                raise ValueError("Can only assign sequence of same size")
            for i, v in zip(positions, value):
                self[i] = v
            return
        if not hasattr(index, "__index__"):
            raise TypeError("indices must be integers")
        _store(self, self._item_address(index.__index__()), item, value)

    def __iter__(self):
        for index in range(len(self)):
            yield self[index]

    # c_char and c_wchar arrays: .value and .raw
    def _text_kind(self):
        item = type(self)._type_
        if _is_fundamental(item) and item._type_ in "cu":
            return item._type_
        raise AttributeError("'%s' object has no attribute 'value'" % type(self).__name__)

    @property
    def value(self):
        kind = self._text_kind()
        if kind == "c":
            raw = _ctypes._string_at(addressof(self), len(self))
            end = raw.find(b"\0")
            return raw if end < 0 else raw[:end]
        text = _ctypes._wstring_at(addressof(self), len(self))
        end = text.find("\0")
        return text if end < 0 else text[:end]

    @value.setter
    def value(self, value):
        kind = self._text_kind()
        if kind == "c":
            if not isinstance(value, bytes):
                raise TypeError("bytes expected instead of %s instance"
                                % type(value).__name__)
            if len(value) > len(self):
                raise ValueError("byte string too long")
            _ctypes._memmove(addressof(self), value, len(value))
            if len(value) < len(self):
                _ctypes._memset(addressof(self) + len(value), 0, 1)
            return
        if not isinstance(value, str):
            raise TypeError("unicode string expected instead of %s instance"
                            % type(value).__name__)
        if len(value) > len(self):
            raise ValueError("string too long")
        for index, char in enumerate(value):
            self[index] = char
        if len(value) < len(self):
            self[len(value)] = "\0"

    @property
    def raw(self):
        if self._text_kind() != "c":
            raise AttributeError("'%s' object has no attribute 'raw'" % type(self).__name__)
        return _ctypes._string_at(addressof(self), len(self))

    @raw.setter
    def raw(self, value):
        if self._text_kind() != "c":
            raise AttributeError("'%s' object has no attribute 'raw'" % type(self).__name__)
        data = memoryview(value).cast("B")
        if len(data) > len(self):
            raise ValueError("byte string too long")
        _ctypes._memmove(addressof(self), bytes(data), len(data))

    __class_getitem__ = classmethod(_pytypes.GenericAlias)


# ---- pointers ----------------------------------------------------------------

class PyCPointerType(_CDataType):
    """Metaclass of pointer types (made by POINTER)."""

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls._ctypes_size_, cls._ctypes_align_ = _ctypes._code_info("P")
        cls._ctypes_shape_ = ()
        item = namespace.get("_type_")
        if item is not None:
            if not _is_ctypes_type(item):
                raise TypeError("_type_ must have storage info")
            cls._ctypes_format_ = "&" + item._ctypes_format_
        else:
            cls._ctypes_format_ = "&B"
        return cls

    def set_type(cls, item):
        if not _is_ctypes_type(item):
            raise TypeError("_type_ must have storage info")
        type.__setattr__(cls, "_type_", item)
        type.__setattr__(cls, "_ctypes_format_", "&" + item._ctypes_format_)
        item.__pointer_type__ = cls

    def _make_ffi(cls):
        return _ffi_scalar("P")

    def _convert_for_store(cls, value):
        if value is None:
            return (0, None)
        if isinstance(value, cls):
            return value
        item = getattr(cls, "_type_", None)
        if item is not None and isinstance(value, Array) and \
                issubclass(type(value)._type_, item):
            return (addressof(value), value)     # an array decays to a pointer
        raise _store_type_error(cls, value)

    def from_param(cls, value):
        if value is None or isinstance(value, cls):
            return value if value is not None else c_void_p(None)
        item = getattr(cls, "_type_", None)
        if item is not None:
            if isinstance(value, item):
                return byref(value)
            arg = _pointer_to(value, item)
            if arg is not None:
                return arg
            if isinstance(value, _Pointer) and \
                    getattr(type(value), "_type_", None) is item:
                return value
        param = getattr(value, "_as_parameter_", None)
        if param is not None:
            return cls.from_param(param)
        raise TypeError("expected %s instance instead of %s"
                        % (cls.__name__, type(value).__name__))


class _Pointer(_CData, _CDataMethods, metaclass=PyCPointerType):
    """The base of the pointer types POINTER() makes: an instance holds
    the address of an object of its _type_, reached through .contents
    and by indexing."""

    def __init__(self, value=None, /):
        if value is not None:
            self.contents = value

    def _target(self):
        address = _read(addressof(self), "P")
        if address is None:
            raise ValueError("NULL pointer access")
        return address

    @property
    def contents(self):
        item = type(self)._type_
        return _at(item, self._target())

    @contents.setter
    def contents(self, value):
        item = getattr(type(self), "_type_", None)
        if item is None:
            raise TypeError("Cannot create instance: has no _type_")
        if not isinstance(value, item):
            raise TypeError("expected %s instead of %s"
                            % (item.__name__, type(value).__name__))
        _write(addressof(self), "P", addressof(value))
        _ctypes._keep_alive(self, "1", value)
        if value._objects is not None:
            _ctypes._keep_alive(self, "0", value._objects)

    def __bool__(self):
        return _read(addressof(self), "P") is not None

    def __getitem__(self, index):
        item = type(self)._type_
        if isinstance(index, slice):
            if index.stop is None:
                raise ValueError("slice stop is required")
            start = 0 if index.start is None else index.start
            step = 1 if index.step is None else index.step
            values = [self[i] for i in range(start, index.stop, step)]
            if _is_fundamental(item) and item._type_ == "c":
                return b"".join(values)
            if _is_fundamental(item) and item._type_ == "u":
                return "".join(values)
            return values
        address = self._target() + index.__index__() * item._ctypes_size_
        return _load(self, address, item)

    def __setitem__(self, index, value):
        item = type(self)._type_
        address = self._target() + index.__index__() * item._ctypes_size_
        _store(self, address, item, value)

    __class_getitem__ = classmethod(_pytypes.GenericAlias)


_pointer_type_lock = _thread.allocate_lock()


def POINTER(cls, /):
    """Create and return a new ctypes pointer type: POINTER(type) -> type.
    The result is cached on the type as ``__pointer_type__``."""
    if cls is None:
        return c_void_p
    if isinstance(cls, str):
        return PyCPointerType("LP_" + cls, (_Pointer,), {"__module__": "ctypes"})
    if not isinstance(cls, type):
        raise TypeError("must be a ctypes type")
    cached = cls.__dict__.get("__pointer_type__")
    if cached is not None:
        return cached
    if not _is_ctypes_type(cls):
        raise TypeError("_type_ must have storage info")
    pointer_type = PyCPointerType("LP_" + cls.__name__, (_Pointer,),
                                  {"_type_": cls, "__module__": "ctypes"})
    # Threads racing to make the type agree on the first one published.
    with _pointer_type_lock:
        cached = cls.__dict__.get("__pointer_type__")
        if cached is None:
            type.__setattr__(cls, "__pointer_type__", pointer_type)
            cached = pointer_type
    return cached


def pointer(obj, /):
    """Create a new pointer instance, pointing to 'obj'."""
    if not isinstance(obj, _CData):
        raise TypeError("_type_ must have storage info")
    return POINTER(type(obj))(obj)


# ---- byref and argument holders ---------------------------------------------

class CArgObject:
    """What byref() returns: a reference to a ctypes instance, passed as a
    pointer argument."""

    __slots__ = ("_obj", "_offset")

    def __init__(self, obj, offset):
        self._obj = obj
        self._offset = offset

    def _address(self):
        return addressof(self._obj) + self._offset

    def __repr__(self):
        return "<cparam 'P' (%#x)>" % self._address()


class _AddressArg:
    """A raw address passed as a pointer argument, keeping its owner alive."""

    __slots__ = ("_addr", "_owner")

    def __init__(self, address, owner):
        self._addr = address
        self._owner = owner

    def _address(self):
        return self._addr


def _address_arg(address, owner):
    return _AddressArg(address, owner)


def byref(obj, offset=0, /):
    """byref(C instance[, offset=0]) -> byref-object
    Return a pointer lookalike to a C instance, only usable as function argument"""
    if not isinstance(obj, _CData):
        raise TypeError("byref() argument must be a ctypes instance, not '%s'"
                        % type(obj).__name__)
    return CArgObject(obj, offset)


# ---- function pointers ------------------------------------------------------

class PyCFuncPtrType(_CDataType):
    """Metaclass of function pointer types (made by CFUNCTYPE)."""

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls._ctypes_size_, cls._ctypes_align_ = _ctypes._code_info("P")
        cls._ctypes_format_ = "X{}"
        cls._ctypes_shape_ = ()
        argtypes = namespace.get("_argtypes_")
        if argtypes is not None:
            for t in argtypes:
                if not hasattr(t, "from_param"):
                    raise TypeError("_argtypes_ must be a sequence of types")
        return cls

    def _make_ffi(cls):
        return _ffi_scalar("P")


_DEFAULT = object()

# Objects a callback's C result points into (see CFuncPtr._make_callback).
_callback_leaks = []


class CFuncPtr(_CData, _CDataMethods, metaclass=PyCFuncPtrType):
    """Function Pointer"""

    _flags_ = FUNCFLAG_CDECL
    _restype_ = None

    def __init__(self, *args):
        self._argtypes = _DEFAULT
        self._restype = _DEFAULT
        self._errcheck = None
        self._paramflags = None
        self.__name__ = None
        if not args:
            return
        if len(args) == 1 and isinstance(args[0], int):
            _write(addressof(self), "P", args[0])
            return
        if len(args) in (1, 2) and isinstance(args[0], tuple):
            # prototype((name, dll)[, paramflags])
            name, dll = args[0][:2]
            handle = getattr(dll, "_handle", dll)
            if isinstance(name, int):
                raise TypeError("function ordinal is not supported on this platform")
            _write(addressof(self), "P", _ctypes.dlsym(handle, name))
            self.__name__ = name
            if len(args) == 2 and args[1] is not None:
                self._paramflags = self._check_paramflags(args[1])
            return
        if len(args) == 1 and callable(args[0]):
            self._make_callback(args[0])
            return
        raise TypeError("argument must be callable or integer function address")

    def _check_paramflags(self, paramflags):
        argtypes = getattr(type(self), "_argtypes_", None)
        if not isinstance(paramflags, tuple):
            raise TypeError("paramflags must be a tuple or None")
        if argtypes is None or len(paramflags) != len(argtypes):
            raise ValueError("paramflags must have the same length as argtypes")
        for index, item in enumerate(paramflags):
            if not isinstance(item, tuple) or not 1 <= len(item) <= 3 or \
                    not isinstance(item[0], int) or \
                    (len(item) > 1 and item[1] is not None and not isinstance(item[1], str)):
                raise TypeError("paramflags must be a sequence of (int [,string [,value]]) tuples")
            if item[0] & 7 not in (0, 1, 2, 4, 3):
                raise TypeError("paramflag value %d not supported" % item[0])
            if item[0] & 2 and not isinstance(argtypes[index], PyCPointerType):
                raise TypeError("'out' parameter %d must be a pointer type, not %s"
                                % (index + 1, getattr(argtypes[index], "__name__",
                                                      type(argtypes[index]).__name__)))
        return paramflags

    def _bind_params(self, args, kwargs):
        """Arguments from the caller's values by paramflags; returns them
        and the instances created for 'out' parameters."""
        argtypes = self.argtypes
        params = []
        outputs = []
        position = 0
        kwargs = dict(kwargs)
        for index, item in enumerate(self._paramflags):
            flag = item[0] & 7
            name = item[1] if len(item) > 1 else None
            if flag == 2:
                out = argtypes[index]._type_()
                params.append(out)
                outputs.append(out)
                continue
            if position < len(args):
                value = args[position]
                position += 1
            elif name is not None and name in kwargs:
                value = kwargs.pop(name)
            elif len(item) > 2:
                value = item[2]
            elif flag == 4:
                value = 0
            else:
                raise TypeError("required argument '%s' missing" % (name or index + 1))
            params.append(value)
        if position < len(args):
            raise TypeError("call takes exactly %d arguments (%d given)"
                            % (position, len(args)))
        if kwargs:
            raise TypeError("unexpected keyword argument '%s'" % next(iter(kwargs)))
        return params, outputs

    def _make_callback(self, function):
        cls = type(self)
        argtypes = getattr(cls, "_argtypes_", None) or ()
        restype = cls._restype_
        if restype is not None and not isinstance(restype, PyCSimpleType) and \
                _is_ctypes_type(restype) and not isinstance(restype, _StructMeta):
            raise TypeError("invalid result type for callback function")

        def trampoline(addresses, result_address):
            args = [_callback_arg(t, a) for t, a in zip(argtypes, addresses)]
            result = function(*args)
            if result_address is not None and restype is not None:
                if isinstance(restype, PyCSimpleType):
                    if isinstance(result, _SimpleCData):
                        result = result.value
                    keep = _write(result_address, restype._type_, result)
                    if keep is not None:
                        # C gets a pointer into a Python object that nothing
                        # else holds: keep it forever rather than dangle.
                        _callback_leaks.append(keep)
                        _warnings.warn("memory leak in callback function.",
                                      RuntimeWarning)
                elif _is_ctypes_type(restype):
                    _ctypes._memmove(result_address, addressof(result),
                                     restype._ctypes_size_)

        thunk = CThunk(trampoline, tuple(_ffi(t) for t in argtypes),
                       _ffi(restype) if restype is not None else None, cls._flags_)
        _write(addressof(self), "P", thunk.address)
        self._objects = {"0": thunk, "1": function}
        self.__name__ = getattr(function, "__name__", None)

    @property
    def argtypes(self):
        if self._argtypes is _DEFAULT:
            return getattr(type(self), "_argtypes_", None)
        return self._argtypes

    @argtypes.setter
    def argtypes(self, value):
        if value is None:
            self._argtypes = None
            return
        value = tuple(value)
        for t in value:
            if not hasattr(t, "from_param"):
                raise TypeError("item %d in _argtypes_ has no from_param method"
                                % (value.index(t) + 1))
        self._argtypes = value

    @argtypes.deleter
    def argtypes(self):
        self._argtypes = _DEFAULT

    @property
    def restype(self):
        if self._restype is _DEFAULT:
            return type(self)._restype_
        return self._restype

    @restype.setter
    def restype(self, value):
        if value is not None and not _is_ctypes_type(value) and not callable(value):
            raise TypeError("restype must be a type, a callable, or None")
        self._restype = value

    @restype.deleter
    def restype(self):
        self._restype = _DEFAULT

    @property
    def errcheck(self):
        return self._errcheck

    @errcheck.setter
    def errcheck(self, value):
        if value is not None and not callable(value):
            raise TypeError("the errcheck attribute must be callable")
        self._errcheck = value

    @errcheck.deleter
    def errcheck(self):
        self._errcheck = None

    def __bool__(self):
        return _read(addressof(self), "P") is not None

    def __repr__(self):
        return "<%s object at %#x>" % (type(self).__name__, id(self))

    def __call__(self, *args, **kwargs):
        outputs = None
        if self._paramflags is not None:
            args, outputs = self._bind_params(args, kwargs)
        elif kwargs:
            raise TypeError("this function takes no keyword arguments")
        address = _read(addressof(self), "P")
        if address is None:
            raise ValueError("NULL function pointer")
        argtypes = self.argtypes
        flags = type(self)._flags_
        nfixed = -1
        if argtypes is not None:
            if len(args) < len(argtypes):
                raise TypeError("this function takes at least %d argument%s (%d given)"
                                % (len(argtypes), "" if len(argtypes) == 1 else "s",
                                   len(args)))
            if len(args) > len(argtypes):
                if not flags & FUNCFLAG_CDECL:
                    raise TypeError("this function takes %d argument%s (%d given)"
                                    % (len(argtypes), "" if len(argtypes) == 1 else "s",
                                       len(args)))
                nfixed = len(argtypes)
        converted = []
        for index, value in enumerate(args):
            try:
                if argtypes is not None and index < len(argtypes):
                    arg = argtypes[index].from_param(value)
                else:
                    arg = _default_param(value, index)
                converted.append(_as_argument(arg, index))
            except ArgumentError:
                raise
            except Exception as exc:
                raise ArgumentError("argument %d: %s: %s"
                                    % (index + 1, type(exc).__name__, exc)) from None
        restype = self.restype
        result = _perform_call(address, flags, nfixed, converted, restype)
        if self._errcheck is not None:
            return self._errcheck(result, self, tuple(args))
        if outputs:
            values = tuple(o.__ctypes_from_outparam__() for o in outputs)
            return values[0] if len(values) == 1 else values
        return result


def _callback_arg(cls, address):
    if _is_fundamental(cls):
        return _read(address, cls._type_)
    return _at(cls, address)


def _default_param(value, index):
    """Conversion of an argument without an argtypes entry."""
    if isinstance(value, (_CData, CArgObject, _AddressArg)):
        return value
    if value is None:
        return c_void_p(None)
    if isinstance(value, int):
        # Passed as a C int: anything a C long or unsigned long holds is
        # accepted and truncated, as a C cast would.
        if not -(1 << 63) <= value < (1 << 64):
            raise ArgumentError("argument %d: OverflowError: int too long to convert"
                                % (index + 1))
        return c_int(value)
    if isinstance(value, bytes):
        return c_char_p(value)
    if isinstance(value, str):
        return c_wchar_p(value)
    param = getattr(value, "_as_parameter_", None)
    if param is not None:
        return _default_param(param, index)
    raise ArgumentError("argument %d: TypeError: Don't know how to convert parameter %d"
                        % (index + 1, index + 1))


def _as_argument(arg, index):
    """(FFIType, address, keepalive) for one converted argument."""
    cls = type(arg)
    ffi = cls.__dict__.get("_ctypes_ffi_")
    if ffi is not None and type(cls) is not PyCArrayType:
        return ffi, addressof(arg), arg           # the common case, quickly
    if isinstance(arg, (CArgObject, _AddressArg)):
        holder = c_void_p(arg._address())
        return _ffi(c_void_p), addressof(holder), (holder, arg)
    if isinstance(arg, Array):
        holder = c_void_p(addressof(arg))
        return _ffi(c_void_p), addressof(holder), (holder, arg)
    if isinstance(arg, _CData):
        return _ffi(type(arg)), addressof(arg), arg
    param = getattr(arg, "_as_parameter_", None)
    if param is not None:
        return _as_argument(_default_param(param, index), index)
    if isinstance(arg, (int, bytes, str)) or arg is None:
        return _as_argument(_default_param(arg, index), index)
    raise TypeError("Don't know how to convert parameter %d" % (index + 1))


def _perform_call(address, flags, nfixed, converted, restype):
    argffi = tuple(c[0] for c in converted)
    argaddr = tuple(c[1] for c in converted)
    if restype is None:
        _call(address, flags, nfixed, argffi, argaddr, None, 0)
        return None
    if _is_ctypes_type(restype):
        result = restype.__new__(restype) if not isinstance(restype, PyCFuncPtrType) \
            else restype()
        _call(address, flags, nfixed, argffi, argaddr, _ffi(restype), addressof(result))
        if _is_fundamental(restype):
            return _read(addressof(result), restype._type_, restype._ctypes_swapped_)
        if isinstance(restype, PyCSimpleType):
            return result.__ctypes_from_outparam__()
        return result
    # A callable restype: the C result is an int, passed to the callable.
    holder = c_int()
    _call(address, flags, nfixed, argffi, argaddr, _ffi(c_int), addressof(holder))
    return restype(holder.value)


# ---- the simple types themselves (ctypes/__init__.py re-exports them) -----

def _simple(name, code):
    return PyCSimpleType(name, (_SimpleCData,), {"_type_": code, "__module__": "ctypes"})


c_char = _simple("c_char", "c")
c_wchar = _simple("c_wchar", "u")
c_void_p = _simple("c_void_p", "P")
c_char_p = _simple("c_char_p", "z")
c_wchar_p = _simple("c_wchar_p", "Z")
c_int = _simple("c_int", "i")


def _cast(obj, typ):
    """cast(obj, typ): a typ instance holding the address obj stands for."""
    if not (isinstance(typ, (PyCPointerType, PyCFuncPtrType)) or
            (isinstance(typ, PyCSimpleType) and typ._type_ in "zZP")):
        raise TypeError("cast() argument 2 must be a pointer type, not %s"
                        % getattr(typ, "__name__", type(typ).__name__))
    if isinstance(obj, int) or obj is None:
        address = obj or 0
    elif isinstance(obj, bytes):
        address = _ctypes._buffer(obj)[0]
    elif isinstance(obj, Array):
        address = addressof(obj)
    elif isinstance(obj, (_Pointer, CFuncPtr)) or \
            (isinstance(obj, _SimpleCData) and type(obj)._type_ in "zZP"):
        address = _read(addressof(obj), "P") or 0
    elif isinstance(obj, CArgObject):
        address = obj._address()
    else:
        param = getattr(obj, "_as_parameter_", None)
        if param is not None:
            return _cast(param, typ)
        raise ArgumentError("argument 1: TypeError: wrong type")
    result = typ.__new__(typ)
    if isinstance(typ, PyCFuncPtrType):
        CFuncPtr.__init__(result)
    _write(addressof(result), "P", address)
    if isinstance(obj, _CData):
        keep = {id(obj): obj}
        if isinstance(obj._objects, dict):
            keep.update(obj._objects)
        result._objects = keep
    elif isinstance(obj, bytes):
        result._objects = {id(obj): obj}
    return result
