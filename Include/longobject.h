/* int: arbitrary-precision integers (Objects/longobject.c).

   The object layout is private to the full API (cpython/longobject.h);
   this part is the Limited API and the stable ABI. */
#ifndef Py_LONGOBJECT_H
#define Py_LONGOBJECT_H

PyAPI_DATA(PyTypeObject) PyLong_Type;

#define PyLong_Check(op) \
    PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_LONG_SUBCLASS)
#define PyLong_CheckExact(op) Py_IS_TYPE((op), &PyLong_Type)

/* C integer -> int.  All return a new reference (a small int is the
   cached immortal object). */
PyAPI_FUNC(PyObject *) PyLong_FromLong(long);
PyAPI_FUNC(PyObject *) PyLong_FromUnsignedLong(unsigned long);
PyAPI_FUNC(PyObject *) PyLong_FromSize_t(size_t);
PyAPI_FUNC(PyObject *) PyLong_FromSsize_t(Py_ssize_t);
PyAPI_FUNC(PyObject *) PyLong_FromLongLong(long long);
PyAPI_FUNC(PyObject *) PyLong_FromUnsignedLongLong(unsigned long long);
PyAPI_FUNC(PyObject *) PyLong_FromInt32(int32_t value);
PyAPI_FUNC(PyObject *) PyLong_FromUInt32(uint32_t value);
PyAPI_FUNC(PyObject *) PyLong_FromInt64(int64_t value);
PyAPI_FUNC(PyObject *) PyLong_FromUInt64(uint64_t value);
PyAPI_FUNC(PyObject *) PyLong_FromDouble(double);
PyAPI_FUNC(PyObject *) PyLong_FromVoidPtr(void *);
PyAPI_FUNC(PyObject *) PyLong_FromString(const char *, char **, int);

/* int -> C integer.  Objects that are not ints go through __index__.
   On error they return -1 (cast to the type) with an exception set. */
PyAPI_FUNC(long) PyLong_AsLong(PyObject *);
PyAPI_FUNC(long) PyLong_AsLongAndOverflow(PyObject *, int *);
PyAPI_FUNC(int) PyLong_AsInt(PyObject *);
PyAPI_FUNC(Py_ssize_t) PyLong_AsSsize_t(PyObject *);
PyAPI_FUNC(size_t) PyLong_AsSize_t(PyObject *);
PyAPI_FUNC(unsigned long) PyLong_AsUnsignedLong(PyObject *);
PyAPI_FUNC(unsigned long) PyLong_AsUnsignedLongMask(PyObject *);
PyAPI_FUNC(long long) PyLong_AsLongLong(PyObject *);
PyAPI_FUNC(unsigned long long) PyLong_AsUnsignedLongLong(PyObject *);
PyAPI_FUNC(unsigned long long) PyLong_AsUnsignedLongLongMask(PyObject *);
PyAPI_FUNC(long long) PyLong_AsLongLongAndOverflow(PyObject *, int *);
PyAPI_FUNC(double) PyLong_AsDouble(PyObject *);
PyAPI_FUNC(void *) PyLong_AsVoidPtr(PyObject *);
/* capi: sys.int_info, a new reference. */
PyAPI_FUNC(PyObject *) PyLong_GetInfo(void);

/* Fixed-width forms (3.14): 0 on success, -1 with an exception set. */
PyAPI_FUNC(int) PyLong_AsInt32(PyObject *obj, int32_t *value);
PyAPI_FUNC(int) PyLong_AsUInt32(PyObject *obj, uint32_t *value);
PyAPI_FUNC(int) PyLong_AsInt64(PyObject *obj, int64_t *value);
PyAPI_FUNC(int) PyLong_AsUInt64(PyObject *obj, uint64_t *value);

/* Native-bytes conversion (3.13).  Flags for PyLong_AsNativeBytes and
   PyLong_From[Unsigned]NativeBytes. */
#define Py_ASNATIVEBYTES_DEFAULTS -1
#define Py_ASNATIVEBYTES_BIG_ENDIAN 0
#define Py_ASNATIVEBYTES_LITTLE_ENDIAN 1
#define Py_ASNATIVEBYTES_NATIVE_ENDIAN 3
#define Py_ASNATIVEBYTES_UNSIGNED_BUFFER 4
#define Py_ASNATIVEBYTES_REJECT_NEGATIVE 8
#define Py_ASNATIVEBYTES_ALLOW_INDEX 16

PyAPI_FUNC(Py_ssize_t) PyLong_AsNativeBytes(PyObject *v, void *buffer,
                                            Py_ssize_t n_bytes, int flags);
PyAPI_FUNC(PyObject *) PyLong_FromNativeBytes(const void *buffer,
                                              size_t n_bytes, int flags);
PyAPI_FUNC(PyObject *) PyLong_FromUnsignedNativeBytes(const void *buffer,
                                                      size_t n_bytes, int flags);

#define PyLong_AS_LONG(op) PyLong_AsLong(op)

/* Used by PyArg_Parse-style "n" and friends. */
#define _Py_PARSE_PID "i"
#define PyLong_FromPid PyLong_FromLong
#define PyLong_AsPid PyLong_AsInt

/* Python/mystrtoul.c: strtoul/strtol accepting Python's prefixes
   (0x, 0o, 0b with base 0) and no underscores; set errno to ERANGE on
   overflow. */
PyAPI_FUNC(unsigned long) PyOS_strtoul(const char *, char **, int);
PyAPI_FUNC(long) PyOS_strtol(const char *, char **, int);

#ifndef Py_LIMITED_API
#  include "cpython/longobject.h"
#endif

#endif /* Py_LONGOBJECT_H */
