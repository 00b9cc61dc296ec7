/* Methods shared by bytes and bytearray (Objects/bytes_methods.c).

   Each is a METH_FASTCALL (or METH_NOARGS / METH_O) method usable in both
   types' method tables.  Results are made with the type of `self`: bytes
   for bytes and its subclasses, bytearray for bytearray and its
   subclasses.  Arguments are parsed, and any Python code they run is run,
   before self's storage is read; the read then happens inside
   _Py_BYTES_DATA_BEGIN/END, which holds a bytearray's critical section so
   a concurrent resize cannot move the storage under the reader. */
#ifndef Py_INTERNAL_BYTES_METHODS_H
#define Py_INTERNAL_BYTES_METHODS_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#ifdef Py_GIL_DISABLED
#  define _Py_BYTES_DATA_BEGIN(self, data, size)                        \
    {                                                                   \
        int _bytes_locked = !PyBytes_Check(self);                       \
        PyCriticalSection _bytes_cs;                                    \
        if (_bytes_locked) {                                            \
            PyCriticalSection_Begin(&_bytes_cs, (self));                \
        }                                                               \
        const char *data = _Py_bytes_data(self);                        \
        Py_ssize_t size = Py_SIZE(self);
#  define _Py_BYTES_DATA_END()                                          \
        if (_bytes_locked) {                                            \
            PyCriticalSection_End(&_bytes_cs);                          \
        }                                                               \
    }
#else
#  define _Py_BYTES_DATA_BEGIN(self, data, size)                        \
    {                                                                   \
        const char *data = _Py_bytes_data(self);                        \
        Py_ssize_t size = Py_SIZE(self);
#  define _Py_BYTES_DATA_END() }
#endif

static inline const char *_Py_bytes_data(PyObject *self) {
    return PyBytes_Check(self) ? PyBytes_AS_STRING(self)
                               : PyByteArray_AS_STRING(self);
}

/* A new object of self's kind (bytes or bytearray) holding a copy. */
PyObject *_Py_bytes_make_like(PyObject *self, const char *data, Py_ssize_t size);

/* repr of a byte string: b'...' with CPython's quote choice and escapes. */
PyObject *_Py_bytes_repr(const char *data, Py_ssize_t size, int smartquotes,
                         const char *prefix, const char *suffix);
/* bytes.hex / bytearray.hex / memoryview.hex. */
PyObject *_Py_bytes_hex(const char *data, Py_ssize_t size, PyObject *sep,
                        PyObject *bytes_per_sep);
/* bytes.fromhex parsing; returns a new bytes object. */
PyObject *_Py_bytes_fromhex(PyObject *string);
/* printf-style formatting: bytes % args. */
PyObject *_Py_bytes_format(const char *format, Py_ssize_t size, PyObject *args);
/* A byte value from an int-like object, or -1 with ValueError/TypeError. */
int _Py_bytes_getbytevalue(PyObject *arg);
/* The (source, encoding, errors) arguments of bytes()/bytearray(). */
int _Py_bytes_constructor_args(const char *funcname, PyObject *args,
                               PyObject *kwargs, PyObject *argv[3]);
/* Concatenate self's data with any bytes-like `other`. */
PyObject *_Py_bytes_concat(PyObject *self, PyObject *other);
int _Py_bytes_contains(PyObject *self, PyObject *arg);
PyObject *_Py_bytes_richcompare(PyObject *self, PyObject *other, int op);

/* The shared methods, and their entries for a type's method table. */
PyObject *_Py_bytes_capitalize(PyObject *self, PyObject *unused);
PyObject *_Py_bytes_center(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *_Py_bytes_count(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *_Py_bytes_decode(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames);
PyObject *_Py_bytes_endswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *_Py_bytes_expandtabs(PyObject *self, PyObject *const *args,
                                  Py_ssize_t nargs, PyObject *kwnames);
PyObject *_Py_bytes_find(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *_Py_bytes_hex_method(PyObject *self, PyObject *const *args,
                                  Py_ssize_t nargs, PyObject *kwnames);
PyObject *_Py_bytes_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *_Py_bytes_isalnum(PyObject *self, PyObject *unused);
PyObject *_Py_bytes_isalpha(PyObject *self, PyObject *unused);
PyObject *_Py_bytes_isascii(PyObject *self, PyObject *unused);
PyObject *_Py_bytes_isdigit(PyObject *self, PyObject *unused);
PyObject *_Py_bytes_islower(PyObject *self, PyObject *unused);
PyObject *_Py_bytes_isspace(PyObject *self, PyObject *unused);
PyObject *_Py_bytes_istitle(PyObject *self, PyObject *unused);
PyObject *_Py_bytes_isupper(PyObject *self, PyObject *unused);
PyObject *_Py_bytes_join(PyObject *self, PyObject *iterable);
PyObject *_Py_bytes_ljust(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *_Py_bytes_lower(PyObject *self, PyObject *unused);
PyObject *_Py_bytes_lstrip(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *_Py_bytes_partition(PyObject *self, PyObject *arg);
PyObject *_Py_bytes_removeprefix(PyObject *self, PyObject *arg);
PyObject *_Py_bytes_removesuffix(PyObject *self, PyObject *arg);
PyObject *_Py_bytes_replace(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames);
PyObject *_Py_bytes_rfind(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *_Py_bytes_rindex(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *_Py_bytes_rjust(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *_Py_bytes_rpartition(PyObject *self, PyObject *arg);
PyObject *_Py_bytes_rsplit(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames);
PyObject *_Py_bytes_rstrip(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *_Py_bytes_split(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                             PyObject *kwnames);
PyObject *_Py_bytes_splitlines(PyObject *self, PyObject *const *args,
                                  Py_ssize_t nargs, PyObject *kwnames);
PyObject *_Py_bytes_startswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *_Py_bytes_strip(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *_Py_bytes_swapcase(PyObject *self, PyObject *unused);
PyObject *_Py_bytes_title(PyObject *self, PyObject *unused);
PyObject *_Py_bytes_translate(PyObject *self, PyObject *const *args,
                                 Py_ssize_t nargs, PyObject *kwnames);
PyObject *_Py_bytes_upper(PyObject *self, PyObject *unused);
PyObject *_Py_bytes_zfill(PyObject *self, PyObject *arg);
#define _Py_BYTES_SHARED_METHODDEFS \
    {"capitalize", _Py_bytes_capitalize, METH_NOARGS, NULL}, \
    {"center", _PyCFunction_CAST(_Py_bytes_center), METH_FASTCALL, NULL}, \
    {"count", _PyCFunction_CAST(_Py_bytes_count), METH_FASTCALL, NULL}, \
    {"decode", _PyCFunction_CAST(_Py_bytes_decode), METH_FASTCALL | METH_KEYWORDS, NULL}, \
    {"endswith", _PyCFunction_CAST(_Py_bytes_endswith), METH_FASTCALL, NULL}, \
    {"expandtabs", _PyCFunction_CAST(_Py_bytes_expandtabs), METH_FASTCALL | METH_KEYWORDS, NULL}, \
    {"find", _PyCFunction_CAST(_Py_bytes_find), METH_FASTCALL, NULL}, \
    {"hex", _PyCFunction_CAST(_Py_bytes_hex_method), METH_FASTCALL | METH_KEYWORDS, NULL}, \
    {"index", _PyCFunction_CAST(_Py_bytes_index), METH_FASTCALL, NULL}, \
    {"isalnum", _Py_bytes_isalnum, METH_NOARGS, NULL}, \
    {"isalpha", _Py_bytes_isalpha, METH_NOARGS, NULL}, \
    {"isascii", _Py_bytes_isascii, METH_NOARGS, NULL}, \
    {"isdigit", _Py_bytes_isdigit, METH_NOARGS, NULL}, \
    {"islower", _Py_bytes_islower, METH_NOARGS, NULL}, \
    {"isspace", _Py_bytes_isspace, METH_NOARGS, NULL}, \
    {"istitle", _Py_bytes_istitle, METH_NOARGS, NULL}, \
    {"isupper", _Py_bytes_isupper, METH_NOARGS, NULL}, \
    {"join", _Py_bytes_join, METH_O, NULL}, \
    {"ljust", _PyCFunction_CAST(_Py_bytes_ljust), METH_FASTCALL, NULL}, \
    {"lower", _Py_bytes_lower, METH_NOARGS, NULL}, \
    {"lstrip", _PyCFunction_CAST(_Py_bytes_lstrip), METH_FASTCALL, NULL}, \
    {"partition", _Py_bytes_partition, METH_O, NULL}, \
    {"removeprefix", _Py_bytes_removeprefix, METH_O, NULL}, \
    {"removesuffix", _Py_bytes_removesuffix, METH_O, NULL}, \
    {"replace", _PyCFunction_CAST(_Py_bytes_replace), METH_FASTCALL | METH_KEYWORDS, NULL}, \
    {"rfind", _PyCFunction_CAST(_Py_bytes_rfind), METH_FASTCALL, NULL}, \
    {"rindex", _PyCFunction_CAST(_Py_bytes_rindex), METH_FASTCALL, NULL}, \
    {"rjust", _PyCFunction_CAST(_Py_bytes_rjust), METH_FASTCALL, NULL}, \
    {"rpartition", _Py_bytes_rpartition, METH_O, NULL}, \
    {"rsplit", _PyCFunction_CAST(_Py_bytes_rsplit), METH_FASTCALL | METH_KEYWORDS, NULL}, \
    {"rstrip", _PyCFunction_CAST(_Py_bytes_rstrip), METH_FASTCALL, NULL}, \
    {"split", _PyCFunction_CAST(_Py_bytes_split), METH_FASTCALL | METH_KEYWORDS, NULL}, \
    {"splitlines", _PyCFunction_CAST(_Py_bytes_splitlines), METH_FASTCALL | METH_KEYWORDS, NULL}, \
    {"startswith", _PyCFunction_CAST(_Py_bytes_startswith), METH_FASTCALL, NULL}, \
    {"strip", _PyCFunction_CAST(_Py_bytes_strip), METH_FASTCALL, NULL}, \
    {"swapcase", _Py_bytes_swapcase, METH_NOARGS, NULL}, \
    {"title", _Py_bytes_title, METH_NOARGS, NULL}, \
    {"translate", _PyCFunction_CAST(_Py_bytes_translate), METH_FASTCALL | METH_KEYWORDS, NULL}, \
    {"upper", _Py_bytes_upper, METH_NOARGS, NULL}, \
    {"zfill", _Py_bytes_zfill, METH_O, NULL},
/* Class methods fromhex and maketrans. */
PyObject *_Py_bytes_fromhex_classmethod(PyObject *cls, PyObject *string);
PyObject *_Py_bytes_maketrans(PyObject *cls, PyObject *const *args, Py_ssize_t nargs);

#endif /* Py_INTERNAL_BYTES_METHODS_H */
