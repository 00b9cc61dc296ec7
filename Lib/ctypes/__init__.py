"""create and manipulate C data types in Python"""

import os as _os
import sys as _sys
import types as _pytypes

import _ctypes
from _ctypes import (ArgumentError, RTLD_GLOBAL, RTLD_LOCAL,
                     FUNCFLAG_CDECL as _FUNCFLAG_CDECL,
                     FUNCFLAG_PYTHONAPI as _FUNCFLAG_PYTHONAPI,
                     FUNCFLAG_USE_ERRNO as _FUNCFLAG_USE_ERRNO,
                     FUNCFLAG_USE_LASTERROR as _FUNCFLAG_USE_LASTERROR,
                     SIZEOF_TIME_T, addressof, resize, get_errno, set_errno,
                     dlopen as _dlopen, _CData)
from _ctypes import __version__

from . import _types as _ct
from ._types import (_SimpleCData, Structure, Union, Array, _Pointer,
                     CFuncPtr as _CFuncPtr, CField, POINTER, pointer, byref,
                     PyCSimpleType, PyCStructType, UnionType, PyCArrayType,
                     PyCPointerType, PyCFuncPtrType,
                     c_char, c_wchar, c_void_p, c_char_p, c_wchar_p, c_int)

DEFAULT_MODE = RTLD_LOCAL

# The names CPython's C module exports are reachable from _ctypes too, for
# code that imports them from there (once ctypes has been imported), and
# the classes among them carry that module's name.
for _name in ("_SimpleCData", "Structure", "Union", "Array", "_Pointer",
              "CFuncPtr", "CField", "POINTER", "pointer", "byref",
              "PyCSimpleType", "PyCStructType", "UnionType", "PyCArrayType",
              "PyCPointerType", "PyCFuncPtrType", "CArgObject"):
    _obj = getattr(_ct, _name)
    if isinstance(_obj, type):
        _obj.__module__ = "_ctypes"
    if not hasattr(_ctypes, _name):
        setattr(_ctypes, _name, _obj)
del _name, _obj


def create_string_buffer(init, size=None):
    """create_string_buffer(aBytes) -> character array
    create_string_buffer(anInteger) -> character array
    create_string_buffer(aBytes, anInteger) -> character array
    """
    if isinstance(init, bytes):
        if size is None:
            size = len(init) + 1
        _sys.audit("ctypes.create_string_buffer", init, size)
        buf = (c_char * size)()
        buf.value = init
        return buf
    elif isinstance(init, int):
        _sys.audit("ctypes.create_string_buffer", None, init)
        buf = (c_char * init)()
        return buf
    raise TypeError(init)


def create_unicode_buffer(init, size=None):
    """create_unicode_buffer(aString) -> character array
    create_unicode_buffer(anInteger) -> character array
    create_unicode_buffer(aString, anInteger) -> character array
    """
    if isinstance(init, str):
        if size is None:
            size = len(init) + 1
        _sys.audit("ctypes.create_unicode_buffer", init, size)
        buf = (c_wchar * size)()
        buf.value = init
        return buf
    elif isinstance(init, int):
        _sys.audit("ctypes.create_unicode_buffer", None, init)
        buf = (c_wchar * init)()
        return buf
    raise TypeError(init)


_c_functype_cache = {}


def CFUNCTYPE(restype, *argtypes, **kw):
    """CFUNCTYPE(restype, *argtypes,
                 use_errno=False, use_last_error=False) -> function prototype.

    restype: the result type
    argtypes: a sequence specifying the argument types

    The function prototype can be called in different ways to create a
    callable object:

    prototype(integer address) -> foreign function
    prototype(callable) -> create and return a C callable function from callable
    prototype((function name, dll object)[, paramflags]) -> foreign function exported by name
    """
    flags = _FUNCFLAG_CDECL
    if kw.pop("use_errno", False):
        flags |= _FUNCFLAG_USE_ERRNO
    if kw.pop("use_last_error", False):
        flags |= _FUNCFLAG_USE_LASTERROR
    if kw:
        raise ValueError("unexpected keyword argument(s) %s" % kw.keys())
    return _function_type(restype, argtypes, flags)


def _function_type(restype, argtypes, flags):
    key = (restype, argtypes, flags)
    try:
        return _c_functype_cache[key]
    except KeyError:
        pass
    cls = PyCFuncPtrType("CFunctionType", (_CFuncPtr,),
                         {"_argtypes_": argtypes, "_restype_": restype,
                          "_flags_": flags, "__module__": "ctypes"})
    return _c_functype_cache.setdefault(key, cls)


def PYFUNCTYPE(restype, *argtypes):
    return _function_type(restype, argtypes, _FUNCFLAG_CDECL | _FUNCFLAG_PYTHONAPI)


def _check_size(typ, typecode=None):
    # Check that the declared size of a simple type matches the C one.
    from struct import calcsize
    if typecode is None:
        typecode = typ._type_
    actual, required = sizeof(typ), calcsize(typecode)
    if actual != required:
        raise SystemError("sizeof(%s) wrong: %d instead of %d" %
                          (typ, actual, required))


def sizeof(obj_or_type, /):
    """Return the size in bytes of a C instance or type."""
    if isinstance(obj_or_type, _CData):
        return _ctypes._cdata_size(obj_or_type)
    if isinstance(obj_or_type, type) and hasattr(obj_or_type, "_ctypes_size_") \
            and issubclass(obj_or_type, _CData):
        return obj_or_type._ctypes_size_
    raise TypeError("this type has no size")


def alignment(obj_or_type, /):
    """Return the alignment requirements of a C instance or type."""
    cls = obj_or_type if isinstance(obj_or_type, type) else type(obj_or_type)
    if issubclass(cls, _CData) and hasattr(cls, "_ctypes_align_"):
        return cls._ctypes_align_
    raise TypeError("no alignment info")


class py_object(_SimpleCData):
    _type_ = "O"

    def __repr__(self):
        try:
            return super().__repr__()
        except ValueError:
            return "%s(<NULL>)" % type(self).__name__


_check_size(py_object, "P")


class c_short(_SimpleCData):
    _type_ = "h"
_check_size(c_short)


class c_ushort(_SimpleCData):
    _type_ = "H"
_check_size(c_ushort)


class c_long(_SimpleCData):
    _type_ = "l"
_check_size(c_long)


class c_ulong(_SimpleCData):
    _type_ = "L"
_check_size(c_ulong)


_check_size(c_int)


class c_uint(_SimpleCData):
    _type_ = "I"
_check_size(c_uint)


class c_float(_SimpleCData):
    _type_ = "f"
_check_size(c_float)


class c_double(_SimpleCData):
    _type_ = "d"
_check_size(c_double)


class c_longdouble(_SimpleCData):
    _type_ = "g"
if sizeof(c_longdouble) == sizeof(c_double):
    c_longdouble = c_double


class c_longlong(_SimpleCData):
    _type_ = "q"
_check_size(c_longlong)


class c_ulonglong(_SimpleCData):
    _type_ = "Q"
_check_size(c_ulonglong)

if sizeof(c_long) == sizeof(c_longlong):
    c_longlong = c_long
    c_ulonglong = c_ulong


class c_ubyte(_SimpleCData):
    _type_ = "B"
c_ubyte.__ctype_le__ = c_ubyte.__ctype_be__ = c_ubyte
_check_size(c_ubyte)


class c_byte(_SimpleCData):
    _type_ = "b"
c_byte.__ctype_le__ = c_byte.__ctype_be__ = c_byte
_check_size(c_byte)


for _t in (c_char, c_wchar, c_void_p, c_char_p, c_wchar_p, c_int):
    _t.__module__ = __name__
del _t
_check_size(c_char)
_check_size(c_char_p, "P")
_check_size(c_void_p)
c_voidp = c_void_p  # backwards compatibility (to a bug)


class c_bool(_SimpleCData):
    _type_ = "?"


def _complex_supported():
    try:
        _ctypes._code_info("D")
    except ValueError:
        return False
    return True


if _complex_supported():
    class c_float_complex(_SimpleCData):
        _type_ = "F"

    class c_double_complex(_SimpleCData):
        _type_ = "D"

    class c_longdouble_complex(_SimpleCData):
        _type_ = "G"


def _reset_cache():
    _c_functype_cache.clear()


# Fixed-size integers and the platform's size types.
c_int8 = c_byte
c_uint8 = c_ubyte
c_int16 = c_short
c_uint16 = c_ushort
c_int32 = c_int
c_uint32 = c_uint
c_int64 = c_long if sizeof(c_long) == 8 else c_longlong
c_uint64 = c_ulong if sizeof(c_ulong) == 8 else c_ulonglong
if sizeof(c_uint) == sizeof(c_void_p):
    c_size_t = c_uint
    c_ssize_t = c_int
elif sizeof(c_ulong) == sizeof(c_void_p):
    c_size_t = c_ulong
    c_ssize_t = c_long
else:
    c_size_t = c_ulonglong
    c_ssize_t = c_longlong

if SIZEOF_TIME_T == 8:
    c_time_t = c_int64
elif SIZEOF_TIME_T == 4:
    c_time_t = c_int32
else:
    raise SystemError(f"Unexpected sizeof(time_t): {SIZEOF_TIME_T=}")


def ARRAY(typ, length):
    """ARRAY(type, length) -> type * length (soft deprecated: multiply)."""
    return typ * length


# Kept for code that reads it; POINTER caches on __pointer_type__ now.
_pointer_type_cache = {}


def cast(obj, typ):
    """cast(obj, typ) -> an instance of the pointer type typ that points
    where obj does"""
    return _ct._cast(obj, typ)


def string_at(ptr, size=-1):
    """string_at(ptr[, size]) -> string

    Return the byte string at void *ptr."""
    address = _address_of(ptr)
    _sys.audit("ctypes.string_at", address, size)
    return _ctypes._string_at(address, size)


def wstring_at(ptr, size=-1):
    """wstring_at(ptr[, size]) -> string

    Return the wide-character string at void *ptr."""
    address = _address_of(ptr)
    _sys.audit("ctypes.wstring_at", address, size)
    return _ctypes._wstring_at(address, size)


def memoryview_at(ptr, size, readonly=False):
    """memoryview_at(ptr, size[, readonly]) -> memoryview

    Return a memoryview representing the memory at void *ptr."""
    address = _address_of(ptr)
    _sys.audit("ctypes.memoryview_at", address, size, readonly)
    return _ctypes._memoryview_at(address, size, readonly)


def _address_of(value):
    """The address a void * argument holding value would carry."""
    arg = c_void_p.from_param(value)
    if isinstance(arg, (_ct.CArgObject, _ct._AddressArg)):
        return arg._address()
    # A pointer-sized instance: the address is its value.
    return _ctypes._read(addressof(arg), "P") or 0


def _memory_function(name, c_function):
    def function(dst, src_or_char, count):
        if name == "memmove":
            return c_function(_address_of(dst), _address_of(src_or_char), count)
        return c_function(_address_of(dst), src_or_char, count)
    function.__name__ = function.__qualname__ = name
    return function


memmove = _memory_function("memmove", _ctypes._memmove)
memmove.__doc__ = "memmove(dst, src, count) -> dst: copy count bytes"
memset = _memory_function("memset", _ctypes._memset)
memset.__doc__ = "memset(dst, c, count) -> dst: fill count bytes with c"


class CDLL(object):
    """An instance of this class represents a loaded dll/shared
    library, exporting functions using the standard C calling
    convention (named 'cdecl' on Windows).

    The exported functions can be accessed as attributes, or by
    indexing with the function name.  Examples:

    <obj>.qsort -> callable object
    <obj>['qsort'] -> callable object

    Calling the functions releases the Python GIL during the call and
    reacquires it afterwards.
    """
    _func_flags_ = _FUNCFLAG_CDECL
    _func_restype_ = c_int
    # default values for repr
    _name = "<uninitialized>"
    _handle = 0
    _FuncPtr = None

    def __init__(self, name, mode=DEFAULT_MODE, handle=None,
                 use_errno=False, use_last_error=False, winmode=None):
        if name:
            name = _os.fspath(name)
        self._name = name
        flags = self._func_flags_
        if use_errno:
            flags |= _FUNCFLAG_USE_ERRNO
        if use_last_error:
            flags |= _FUNCFLAG_USE_LASTERROR

        class _FuncPtr(_CFuncPtr):
            _flags_ = flags
            _restype_ = self._func_restype_
            __module__ = "ctypes"
        self._FuncPtr = _FuncPtr

        if handle is None:
            self._handle = _dlopen(self._name, mode)
        else:
            self._handle = handle

    def __repr__(self):
        return "<%s '%s', handle %x at %#x>" % \
               (self.__class__.__name__, self._name,
                (self._handle & (_sys.maxsize * 2 + 1)),
                id(self) & (_sys.maxsize * 2 + 1))

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        func = self.__getitem__(name)
        setattr(self, name, func)
        return func

    def __getitem__(self, name_or_ordinal):
        func = self._FuncPtr((name_or_ordinal, self))
        if not isinstance(name_or_ordinal, int):
            func.__name__ = name_or_ordinal
        return func


class PyDLL(CDLL):
    """This class represents the Python library itself.  It allows
    accessing Python API functions.  The GIL is not released, and
    Python exceptions are handled correctly.
    """
    _func_flags_ = _FUNCFLAG_CDECL | _FUNCFLAG_PYTHONAPI


class LibraryLoader(object):
    def __init__(self, dlltype):
        self._dlltype = dlltype

    def __getattr__(self, name):
        if name[0] == '_':
            raise AttributeError(name)
        try:
            dll = self._dlltype(name)
        except OSError:
            raise AttributeError(name)
        setattr(self, name, dll)
        return dll

    def __getitem__(self, name):
        return getattr(self, name)

    def LoadLibrary(self, name):
        return self._dlltype(name)

    __class_getitem__ = classmethod(_pytypes.GenericAlias)


cdll = LibraryLoader(CDLL)
pydll = LibraryLoader(PyDLL)

# The running interpreter: libpython's symbols are global in the process
# (or exported by the executable of a static build).
pythonapi = PyDLL(None)

from ctypes._endian import BigEndianStructure, LittleEndianStructure
from ctypes._endian import BigEndianUnion, LittleEndianUnion
