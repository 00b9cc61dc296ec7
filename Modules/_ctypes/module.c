/* The _ctypes module: the C half of ctypes (see ctypes.h for the map).

   Everything here works on addresses and on _CData instances; the types a
   user sees (c_int, Structure, POINTER, CFUNCTYPE, ...) are built over it
   by Lib/ctypes.  The module keeps no mutable state of its own besides the
   per-thread ctypes errno, so it declares Py_MOD_GIL_NOT_USED. */
#include "ctypes.h"

#ifdef HAVE_LIBFFI

#include <dlfcn.h>
#include <errno.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

/* One per OS thread: the errno that use_errno functions see. */
static _Thread_local int ctypes_errno;

int *
_ctypes_errno_slot(void)
{
    return &ctypes_errno;
}

static int
parse_code(PyObject *obj, char *code)
{
    if (!PyUnicode_Check(obj) || PyUnicode_GET_LENGTH(obj) != 1) {
        PyErr_SetString(PyExc_TypeError, "a one-character type code is required");
        return -1;
    }
    *code = (char)PyUnicode_READ_CHAR(obj, 0);
    return 0;
}

static char *
parse_address(PyObject *obj)
{
    char *p = PyLong_AsVoidPtr(obj);
    if (p == NULL && !PyErr_Occurred()) {
        PyErr_SetString(PyExc_ValueError, "NULL pointer access");
    }
    return p;
}

/* _read(address, code, swap=0, bitsize=0, bitoffset=0) */
static PyObject *
ctypes_read(PyObject *module, PyObject *args)
{
    PyObject *address, *codeobj;
    int swap = 0, bitsize = 0, bitoffset = 0;
    char code;
    if (!PyArg_ParseTuple(args, "OO|iii:_read", &address, &codeobj, &swap,
                          &bitsize, &bitoffset)
        || parse_code(codeobj, &code) < 0) {
        return NULL;
    }
    char *p = parse_address(address);
    if (p == NULL) {
        return NULL;
    }
    return _ctypes_read(p, code, swap, bitsize, bitoffset);
}

/* _write(address, code, value, swap=0, bitsize=0, bitoffset=0): returns
   what must be kept alive for the stored value, or None. */
static PyObject *
ctypes_write(PyObject *module, PyObject *args)
{
    PyObject *address, *codeobj, *value, *keep;
    int swap = 0, bitsize = 0, bitoffset = 0;
    char code;
    if (!PyArg_ParseTuple(args, "OOO|iii:_write", &address, &codeobj, &value,
                          &swap, &bitsize, &bitoffset)
        || parse_code(codeobj, &code) < 0) {
        return NULL;
    }
    char *p = parse_address(address);
    if (p == NULL || _ctypes_write(p, code, value, swap, bitsize, bitoffset, &keep) < 0) {
        return NULL;
    }
    return keep ? keep : Py_NewRef(Py_None);
}

static PyObject *
ctypes_code_info(PyObject *module, PyObject *arg)
{
    char code;
    Py_ssize_t size, align;
    if (parse_code(arg, &code) < 0 || _ctypes_code_info(code, &size, &align) < 0) {
        return NULL;
    }
    return Py_BuildValue("nn", size, align);
}

/* ---- shared libraries ------------------------------------------------- */

static PyObject *
ctypes_dlopen(PyObject *module, PyObject *args)
{
    PyObject *name;
    int mode = RTLD_NOW | RTLD_LOCAL;
    if (!PyArg_ParseTuple(args, "O|i:dlopen", &name, &mode)) {
        return NULL;
    }
    PyObject *encoded = NULL;
    const char *path = NULL;
    if (name != Py_None) {
        if (!PyUnicode_FSConverter(name, &encoded)) {
            return NULL;
        }
        path = PyBytes_AS_STRING(encoded);
    }
    void *handle;
    Py_BEGIN_ALLOW_THREADS
    handle = dlopen(path, mode | RTLD_NOW);
    Py_END_ALLOW_THREADS
    Py_XDECREF(encoded);
    if (handle == NULL) {
        const char *why = dlerror();
        PyErr_SetString(PyExc_OSError, why ? why : "dlopen() error");
        return NULL;
    }
    return PyLong_FromVoidPtr(handle);
}

static PyObject *
ctypes_dlsym(PyObject *module, PyObject *args)
{
    PyObject *handleobj;
    const char *name;
    if (!PyArg_ParseTuple(args, "Os:dlsym", &handleobj, &name)) {
        return NULL;
    }
    void *handle = PyLong_AsVoidPtr(handleobj);
    if (handle == NULL && PyErr_Occurred()) {
        return NULL;
    }
    dlerror();
    void *p = dlsym(handle, name);
    if (p == NULL) {
        const char *why = dlerror();
        PyErr_SetString(PyExc_AttributeError, why ? why : "symbol not found");
        return NULL;
    }
    return PyLong_FromVoidPtr(p);
}

static PyObject *
ctypes_dlclose(PyObject *module, PyObject *arg)
{
    void *handle = PyLong_AsVoidPtr(arg);
    if (handle == NULL && PyErr_Occurred()) {
        return NULL;
    }
    if (dlclose(handle) != 0) {
        const char *why = dlerror();
        PyErr_SetString(PyExc_OSError, why ? why : "dlclose() error");
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- errno -------------------------------------------------------------- */

static PyObject *
ctypes_get_errno(PyObject *module, PyObject *unused)
{
    return PyLong_FromLong(ctypes_errno);
}

static PyObject *
ctypes_set_errno(PyObject *module, PyObject *arg)
{
    int value = PyLong_AsInt(arg);
    if (value == -1 && PyErr_Occurred()) {
        return NULL;
    }
    int old = ctypes_errno;
    ctypes_errno = value;
    return PyLong_FromLong(old);
}

/* ---- raw memory --------------------------------------------------------- */

static PyObject *
ctypes_string_at(PyObject *module, PyObject *args)
{
    PyObject *address;
    Py_ssize_t size = -1;
    if (!PyArg_ParseTuple(args, "O|n:string_at", &address, &size)) {
        return NULL;
    }
    char *p = parse_address(address);
    if (p == NULL) {
        return NULL;
    }
    return PyBytes_FromStringAndSize(p, size < 0 ? (Py_ssize_t)strlen(p) : size);
}

static PyObject *
ctypes_wstring_at(PyObject *module, PyObject *args)
{
    PyObject *address;
    Py_ssize_t size = -1;
    if (!PyArg_ParseTuple(args, "O|n:wstring_at", &address, &size)) {
        return NULL;
    }
    wchar_t *p = (wchar_t *)parse_address(address);
    if (p == NULL) {
        return NULL;
    }
    return PyUnicode_FromWideChar(p, size < 0 ? (Py_ssize_t)wcslen(p) : size);
}

static PyObject *
ctypes_memmove(PyObject *module, PyObject *args)
{
    PyObject *dst, *src;
    Py_ssize_t count;
    if (!PyArg_ParseTuple(args, "OOn:memmove", &dst, &src, &count)) {
        return NULL;
    }
    char *d = parse_address(dst);
    /* A bytes source is read in place: the caller holds the reference. */
    char *s = d == NULL ? NULL
              : PyBytes_Check(src) ? PyBytes_AS_STRING(src) : parse_address(src);
    if (s == NULL) {
        return NULL;
    }
    if (count > 0) {
        memmove(d, s, (size_t)count);
    }
    return PyLong_FromVoidPtr(d);
}

static PyObject *
ctypes_memset(PyObject *module, PyObject *args)
{
    PyObject *dst;
    int c;
    Py_ssize_t count;
    if (!PyArg_ParseTuple(args, "Oin:memset", &dst, &c, &count)) {
        return NULL;
    }
    char *d = parse_address(dst);
    if (d == NULL) {
        return NULL;
    }
    if (count > 0) {
        memset(d, c, (size_t)count);
    }
    return PyLong_FromVoidPtr(d);
}

/* _memoryview_at(address, size, readonly): a view of foreign memory. */
static PyObject *
ctypes_memoryview_at(PyObject *module, PyObject *args)
{
    PyObject *address;
    Py_ssize_t size;
    int readonly = 0;
    if (!PyArg_ParseTuple(args, "On|p:memoryview_at", &address, &size, &readonly)) {
        return NULL;
    }
    if (size < 0) {
        PyErr_Format(PyExc_ValueError, "negative size: %zd", size);
        return NULL;
    }
    char *p = parse_address(address);
    if (p == NULL) {
        return NULL;
    }
    return PyMemoryView_FromMemory(p, size, readonly ? PyBUF_READ : PyBUF_WRITE);
}

/* _buffer(obj): (address, length, readonly, memoryview) of a C-contiguous
   exporter; the memoryview holds the export for as long as it lives. */
static PyObject *
ctypes_buffer(PyObject *module, PyObject *obj)
{
    PyObject *view = PyMemoryView_FromObject(obj);
    if (view == NULL) {
        return NULL;
    }
    Py_buffer *b = PyMemoryView_GET_BUFFER(view);
    if (!PyBuffer_IsContiguous(b, 'C')) {
        Py_DECREF(view);
        PyErr_SetString(PyExc_TypeError, "underlying buffer is not C contiguous");
        return NULL;
    }
    PyObject *r = Py_BuildValue("NniO", PyLong_FromVoidPtr(b->buf), b->len,
                                b->readonly, view);
    Py_DECREF(view);
    return r;
}

static PyObject *
ctypes_obj_from_ptr(PyObject *module, PyObject *arg)
{
    PyObject *p = PyLong_AsVoidPtr(arg);
    if (p == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_ValueError, "PyObject is NULL");
        }
        return NULL;
    }
    return Py_NewRef(p);
}

static PyObject *
ctypes_incref(PyObject *module, PyObject *arg)
{
    Py_INCREF(arg);
    return Py_NewRef(arg);
}

static PyObject *
ctypes_decref(PyObject *module, PyObject *arg)
{
    Py_DECREF(arg);
    return Py_NewRef(arg);
}

static PyMethodDef ctypes_methods[] = {
    {"_read", ctypes_read, METH_VARARGS,
     "_read(address, code, swap=0, bitsize=0, bitoffset=0)"},
    {"_write", ctypes_write, METH_VARARGS,
     "_write(address, code, value, swap=0, bitsize=0, bitoffset=0) -> keep-alive"},
    {"_code_info", ctypes_code_info, METH_O, "_code_info(code) -> (size, alignment)"},
    {"_ffi_scalar", _ctypes_ffi_scalar, METH_O, "_ffi_scalar(code) -> FFIType"},
    {"_ffi_struct", _ctypes_ffi_struct, METH_VARARGS,
     "_ffi_struct(size, align, members) -> FFIType"},
    {"_call", _ctypes_call, METH_VARARGS,
     "_call(address, flags, nfixed, argtypes, argaddresses, restype, resaddress)"},
    {"_at", _ctypes_at, METH_VARARGS, "_at(cls, address, base=None)"},
    {"_buffer", ctypes_buffer, METH_O,
     "_buffer(obj) -> (address, length, readonly, memoryview)"},
    {"_keep_alive", _ctypes_keep_alive, METH_VARARGS,
     "_keep_alive(obj, key, value): obj._objects[key] = value"},
    {"_cdata_size", _ctypes_cdata_size, METH_O, "_cdata_size(obj) -> bytes held"},
    {"_memoryview_at", ctypes_memoryview_at, METH_VARARGS, NULL},
    {"addressof", _ctypes_addressof, METH_O,
     "addressof(C instance) -> integer\nReturn the address of the C instance internal buffer"},
    {"resize", _ctypes_resize, METH_VARARGS,
     "resize(obj, size): resize the memory buffer of a ctypes instance"},
    {"dlopen", ctypes_dlopen, METH_VARARGS, "dlopen(name, flag={RTLD_GLOBAL|RTLD_LOCAL}) open a shared library"},
    {"dlsym", ctypes_dlsym, METH_VARARGS, "find symbol in shared library"},
    {"dlclose", ctypes_dlclose, METH_O, "dlclose a library"},
    {"get_errno", ctypes_get_errno, METH_NOARGS, NULL},
    {"set_errno", ctypes_set_errno, METH_O, NULL},
    {"_string_at", ctypes_string_at, METH_VARARGS, NULL},
    {"_wstring_at", ctypes_wstring_at, METH_VARARGS, NULL},
    {"_memmove", ctypes_memmove, METH_VARARGS, NULL},
    {"_memset", ctypes_memset, METH_VARARGS, NULL},
    {"PyObj_FromPtr", ctypes_obj_from_ptr, METH_O, NULL},
    {"Py_INCREF", ctypes_incref, METH_O, NULL},
    {"Py_DECREF", ctypes_decref, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static const struct {
    const char *name;
    long value;
} ctypes_constants[] = {
    {"RTLD_LOCAL", RTLD_LOCAL},
    {"RTLD_GLOBAL", RTLD_GLOBAL},
    {"FUNCFLAG_CDECL", FUNCFLAG_CDECL},
    {"FUNCFLAG_HRESULT", FUNCFLAG_HRESULT},
    {"FUNCFLAG_PYTHONAPI", FUNCFLAG_PYTHONAPI},
    {"FUNCFLAG_USE_ERRNO", FUNCFLAG_USE_ERRNO},
    {"FUNCFLAG_USE_LASTERROR", FUNCFLAG_USE_LASTERROR},
    {"SIZEOF_TIME_T", (long)sizeof(time_t)},
    {"CTYPES_MAX_ARGCOUNT", 1024},
};

static int
ctypes_exec(PyObject *module)
{
    if (PyType_Ready(&PyCData_Type) < 0 || PyType_Ready(&FFIType_Type) < 0
        || PyType_Ready(&CThunk_Type) < 0
        || PyModule_AddObjectRef(module, "_CData", (PyObject *)&PyCData_Type) < 0
        || PyModule_AddObjectRef(module, "FFIType", (PyObject *)&FFIType_Type) < 0
        || PyModule_AddObjectRef(module, "CThunk", (PyObject *)&CThunk_Type) < 0
        || PyModule_AddStringConstant(module, "__version__", "1.1.0") < 0) {
        return -1;
    }
    for (size_t i = 0; i < Py_ARRAY_LENGTH(ctypes_constants); i++) {
        if (PyModule_AddIntConstant(module, ctypes_constants[i].name,
                                    ctypes_constants[i].value) < 0) {
            return -1;
        }
    }
    PyObject *argument_error = PyErr_NewException("ctypes.ArgumentError", NULL, NULL);
    if (PyModule_Add(module, "ArgumentError", argument_error) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot ctypes_slots[] = {
    {Py_mod_exec, ctypes_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef ctypes_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_ctypes",
    .m_doc = "Create and manipulate C compatible data types in Python.",
    .m_size = 0,
    .m_methods = ctypes_methods,
    .m_slots = ctypes_slots,
};

PyMODINIT_FUNC
PyInit__ctypes(void)
{
    return PyModuleDef_Init(&ctypes_module);
}

#endif /* HAVE_LIBFFI */
