/* Foreign calls: FFIType describes one C type to libffi, and _call runs
   one call through ffi_call.

   The type layer converts every argument to a ctypes instance first, so a
   call here is only addresses: each argument's address, the result's
   address, and the FFIType of each.

   Thread safety: an FFIType is immutable once built.  A call detaches the
   thread state for its duration (except for PYTHONAPI functions, which
   need it), so the caller must keep the argument and result instances
   alive, which _call's arguments do; the swapped errno is thread-local. */
#include "ctypes.h"

#ifdef HAVE_LIBFFI

#include <errno.h>
#include <string.h>

#define FFITYPE(op) ((FFITypeObject *)(op))

static void
ffitype_dealloc(PyObject *op)
{
    FFITypeObject *self = FFITYPE(op);
    PyMem_Free(self->elements);
    Py_XDECREF(self->members);
    PyObject_Free(op);
}

static PyObject *
ffitype_get_size(PyObject *op, void *closure)
{
    return PyLong_FromSize_t(FFITYPE(op)->type->size);
}

static PyObject *
ffitype_repr(PyObject *op)
{
    FFITypeObject *self = FFITYPE(op);
    if (self->code) {
        return PyUnicode_FromFormat("<FFIType '%c'>", self->code);
    }
    return PyUnicode_FromFormat("<FFIType struct of %zd members, size %zu>",
                                PyTuple_GET_SIZE(self->members), self->type->size);
}

static PyGetSetDef ffitype_getset[] = {
    {"size", ffitype_get_size, NULL, "size in bytes as libffi sees it", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject FFIType_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_ctypes.FFIType",
    .tp_basicsize = sizeof(FFITypeObject),
    .tp_dealloc = ffitype_dealloc,
    .tp_repr = ffitype_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "How libffi passes one C type (built by _ffi_scalar or _ffi_struct).",
    .tp_getset = ffitype_getset,
};

static FFITypeObject *
ffitype_alloc(void)
{
    FFITypeObject *self = PyObject_New(FFITypeObject, &FFIType_Type);
    if (self != NULL) {
        self->type = NULL;
        memset(&self->owned, 0, sizeof self->owned);
        self->elements = NULL;
        self->members = NULL;
        self->code = 0;
    }
    return self;
}

/* _ffi_scalar(code): the libffi type of a simple `_type_` code. */
PyObject *
_ctypes_ffi_scalar(PyObject *module, PyObject *arg)
{
    if (!PyUnicode_Check(arg) || PyUnicode_GET_LENGTH(arg) != 1) {
        PyErr_SetString(PyExc_TypeError, "a one-character type code is required");
        return NULL;
    }
    char code = (char)PyUnicode_READ_CHAR(arg, 0);
    ffi_type *t = _ctypes_code_ffi(code);
    if (t == NULL) {
        return PyErr_Format(PyExc_ValueError, "unknown ctypes type code '%c'", code);
    }
    FFITypeObject *self = ffitype_alloc();
    if (self == NULL) {
        return NULL;
    }
    self->type = t;
    self->code = code;
    return (PyObject *)self;
}

/* _ffi_struct(size, align, members): an aggregate of the given FFITypes.
   size and align are the type layer's layout (which knows _pack_), so
   libffi does not recompute them. */
PyObject *
_ctypes_ffi_struct(PyObject *module, PyObject *args)
{
    Py_ssize_t size, align;
    PyObject *members;
    if (!PyArg_ParseTuple(args, "nnO!:_ffi_struct", &size, &align,
                          &PyTuple_Type, &members)) {
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(members);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!FFIType_Check(PyTuple_GET_ITEM(members, i))) {
            PyErr_SetString(PyExc_TypeError, "_ffi_struct members must be FFIType");
            return NULL;
        }
    }
    if (size <= 0 || align <= 0 || n == 0) {
        PyErr_SetString(PyExc_ValueError, "an empty structure cannot be passed by value");
        return NULL;
    }
    FFITypeObject *self = ffitype_alloc();
    if (self == NULL) {
        return NULL;
    }
    self->elements = PyMem_Calloc((size_t)n + 1, sizeof(ffi_type *));
    if (self->elements == NULL) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        self->elements[i] = FFITYPE(PyTuple_GET_ITEM(members, i))->type;
    }
    self->members = Py_NewRef(members);
    self->owned.size = (size_t)size;
    self->owned.alignment = (unsigned short)align;
    self->owned.type = FFI_TYPE_STRUCT;
    self->owned.elements = self->elements;
    self->type = &self->owned;
    return (PyObject *)self;
}

/* Where a result of type t sits in libffi's return buffer: integers
   narrower than a register are widened to ffi_arg. */
static const char *
result_start(const char *buffer, const ffi_type *t)
{
#ifdef WORDS_BIGENDIAN
    if (t->type != FFI_TYPE_STRUCT && t->size < sizeof(ffi_arg)) {
        return buffer + sizeof(ffi_arg) - t->size;
    }
#endif
    (void)t;
    return buffer;
}

static int
prepare_cif(ffi_cif *cif, Py_ssize_t nfixed, Py_ssize_t nargs,
            ffi_type *restype, ffi_type **argtypes)
{
    ffi_status status;
    if (nfixed >= 0 && nfixed < nargs) {
        status = ffi_prep_cif_var(cif, FFI_DEFAULT_ABI, (unsigned)nfixed,
                                  (unsigned)nargs, restype, argtypes);
    }
    else {
        status = ffi_prep_cif(cif, FFI_DEFAULT_ABI, (unsigned)nargs,
                              restype, argtypes);
    }
    if (status != FFI_OK) {
        PyErr_Format(PyExc_RuntimeError, "ffi_prep_cif failed with %d", (int)status);
        return -1;
    }
    return 0;
}

/* Run the call; the thread state stays attached only for PYTHONAPI. */
static void
invoke(ffi_cif *cif, void *func, void *result, void **values, int flags)
{
    int *saved = _ctypes_errno_slot();
    PyThreadState *ts = NULL;
    if (!(flags & FUNCFLAG_PYTHONAPI)) {
        ts = PyEval_SaveThread();
    }
    if (flags & FUNCFLAG_USE_ERRNO) {
        int swap = errno;
        errno = *saved;
        *saved = swap;
    }
    ffi_call(cif, FFI_FN(func), result, values);
    if (flags & FUNCFLAG_USE_ERRNO) {
        int swap = errno;
        errno = *saved;
        *saved = swap;
    }
    if (ts != NULL) {
        PyEval_RestoreThread(ts);
    }
}

/* _call(address, flags, nfixed, argtypes, argaddresses, restype, resaddress)
   nfixed < 0 means every argument is fixed; restype None means void. */
PyObject *
_ctypes_call(PyObject *module, PyObject *args)
{
    PyObject *address, *argtypes, *argaddrs, *restype, *resaddr;
    int flags;
    Py_ssize_t nfixed;
    if (!PyArg_ParseTuple(args, "OinO!O!OO:_call", &address, &flags, &nfixed,
                          &PyTuple_Type, &argtypes, &PyTuple_Type, &argaddrs,
                          &restype, &resaddr)) {
        return NULL;
    }
    void *func = PyLong_AsVoidPtr(address);
    if (func == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_ValueError, "NULL function pointer");
        }
        return NULL;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(argtypes);
    if (PyTuple_GET_SIZE(argaddrs) != nargs) {
        PyErr_SetString(PyExc_ValueError, "argument types and addresses differ in number");
        return NULL;
    }
    if (restype != Py_None && !FFIType_Check(restype)) {
        PyErr_SetString(PyExc_TypeError, "restype must be an FFIType or None");
        return NULL;
    }
    ffi_type *rtype = restype == Py_None ? &ffi_type_void : FFITYPE(restype)->type;
    char *resptr = NULL;
    if (rtype != &ffi_type_void) {
        resptr = PyLong_AsVoidPtr(resaddr);
        if (resptr == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_ValueError, "NULL result address");
            }
            return NULL;
        }
    }

    PyObject *ret = NULL;
    size_t bufsize = rtype->size > 2 * sizeof(ffi_arg) ? rtype->size : 2 * sizeof(ffi_arg);
    ffi_type **types = PyMem_Calloc((size_t)nargs + 1, sizeof(ffi_type *));
    void **values = PyMem_Calloc((size_t)nargs + 1, sizeof(void *));
    /* long double alignment for the return buffer */
    long double *buffer = PyMem_Calloc(1, bufsize + sizeof(long double));
    if (types == NULL || values == NULL || buffer == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *t = PyTuple_GET_ITEM(argtypes, i);
        if (!FFIType_Check(t)) {
            PyErr_SetString(PyExc_TypeError, "argument types must be FFIType");
            goto done;
        }
        types[i] = FFITYPE(t)->type;
        values[i] = PyLong_AsVoidPtr(PyTuple_GET_ITEM(argaddrs, i));
        if (values[i] == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_ValueError, "NULL argument address");
            }
            goto done;
        }
    }
    ffi_cif cif;
    if (prepare_cif(&cif, nfixed, nargs, rtype, types) < 0) {
        goto done;
    }
    invoke(&cif, func, buffer, values, flags);
    if ((flags & FUNCFLAG_PYTHONAPI) && PyErr_Occurred()) {
        goto done;
    }
    if (resptr != NULL) {
        memcpy(resptr, result_start((char *)buffer, rtype), rtype->size);
    }
    ret = Py_NewRef(Py_None);
done:
    PyMem_Free(types);
    PyMem_Free(values);
    PyMem_Free(buffer);
    return ret;
}

#endif /* HAVE_LIBFFI */
