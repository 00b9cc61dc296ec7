/* The _ctypes module's internal interface, shared by its C files.

   The split (Doc/internals is silent on ctypes; this is the map):
     module.c     module object, dlopen/dlsym, errno, raw memory helpers
     cdata.c      _CData: the storage every ctypes instance owns or borrows
     fields.c     reading and writing one C value of a `_type_` code
     callproc.c   FFIType descriptors and foreign calls through ffi_call
     callbacks.c  CThunk: Python callables as C function pointers
   The metaclasses and the type layer above this (Structure layout,
   arrays, pointers, argument conversion) are in Lib/ctypes/_types.py,
   which reaches memory only through the functions declared here. */
#ifndef WEFT_CTYPES_H
#define WEFT_CTYPES_H

#include "Python.h"

#ifdef HAVE_LIBFFI
#include <ffi.h>

/* Flags of a foreign function, as CPython's _ctypes exposes them. */
#define FUNCFLAG_CDECL        0x1
#define FUNCFLAG_HRESULT      0x2
#define FUNCFLAG_PYTHONAPI    0x4
#define FUNCFLAG_USE_ERRNO    0x8
#define FUNCFLAG_USE_LASTERROR 0x10

/* Storage of one ctypes instance.  b_ptr is fixed for the object's life
   except through resize(), which runs in the object's critical section and
   refuses while buffers are exported. */
typedef struct {
    PyObject_HEAD
    char *b_ptr;            /* the C data */
    Py_ssize_t b_size;      /* bytes at b_ptr */
    int b_needsfree;        /* b_ptr is ours (PyMem) */
    Py_ssize_t b_exports;   /* buffers handed out and not yet released */
    PyObject *b_base;       /* the instance whose memory this borrows, or NULL */
    PyObject *b_objects;    /* what must stay alive while b_ptr is used, or NULL */
} CDataObject;

extern PyTypeObject PyCData_Type;
extern PyTypeObject FFIType_Type;
extern PyTypeObject CThunk_Type;

#define CDataObject_Check(op) PyObject_TypeCheck((op), &PyCData_Type)

/* fields.c: one value of a type code at an address.  bitsize 0 means the
   whole value; swap asks for the other byte order. */
int _ctypes_code_info(char code, Py_ssize_t *size, Py_ssize_t *align);
ffi_type *_ctypes_code_ffi(char code);
PyObject *_ctypes_read(const char *addr, char code, int swap,
                       int bitsize, int bitoffset);
/* Returns 0 and sets *keep to a new reference to what must stay alive
   while the stored pointer is used (or NULL); -1 with an exception. */
int _ctypes_write(char *addr, char code, PyObject *value, int swap,
                  int bitsize, int bitoffset, PyObject **keep);

/* cdata.c: module functions over instances */
PyObject *_ctypes_addressof(PyObject *module, PyObject *obj);
PyObject *_ctypes_resize(PyObject *module, PyObject *args);
PyObject *_ctypes_at(PyObject *module, PyObject *args);
PyObject *_ctypes_cdata_size(PyObject *module, PyObject *obj);
PyObject *_ctypes_keep_alive(PyObject *module, PyObject *args);

/* callproc.c */
typedef struct {
    PyObject_HEAD
    ffi_type *type;         /* static ffi_type_* or `owned` below */
    ffi_type owned;
    ffi_type **elements;    /* NULL-terminated, PyMem; NULL for scalars */
    PyObject *members;      /* tuple of FFIType keeping `elements` valid */
    char code;              /* scalar code, or 0 for aggregates */
} FFITypeObject;

#define FFIType_Check(op) Py_IS_TYPE((op), &FFIType_Type)

PyObject *_ctypes_call(PyObject *module, PyObject *args);
PyObject *_ctypes_ffi_scalar(PyObject *module, PyObject *arg);
PyObject *_ctypes_ffi_struct(PyObject *module, PyObject *args);

/* module.c: the errno that use_errno functions swap with the real one
   (per thread, like CPython's). */
int *_ctypes_errno_slot(void);

#endif /* HAVE_LIBFFI */
#endif
