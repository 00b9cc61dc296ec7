/* CThunk: a Python callable behind a C function pointer (ffi_closure).

   The type layer (CFUNCTYPE instances made from a callable) wraps the
   user's function in one that takes the addresses of the C arguments and
   of the result slot; the thunk only moves between C and that wrapper.
   The closure's code may be entered from any thread, including threads
   that Python never created: PyGILState_Ensure attaches (creating if
   needed) a thread state there.

   Thread safety: a thunk is immutable after creation; the closure is freed
   only when the thunk dies, which the CFUNCTYPE instance that keeps it
   alive decides (as in CPython, calling a freed callback is the user's
   bug). */
#include "ctypes.h"

#ifdef HAVE_LIBFFI

#include <errno.h>
#include <string.h>

typedef struct {
    PyObject_HEAD
    ffi_closure *closure;
    void *code;                 /* the executable entry of `closure` */
    ffi_cif cif;
    ffi_type **argtypes;        /* PyMem, nargs + 1 */
    ffi_type *restype;
    PyObject *callable;         /* called as callable(arg_addresses, result_address) */
    PyObject *types;            /* tuple: the FFITypes behind argtypes/restype */
    int flags;
} CThunkObject;

#define THUNK(op) ((CThunkObject *)(op))

static int
is_signed_integer(const ffi_type *t)
{
    return t->type == FFI_TYPE_SINT8 || t->type == FFI_TYPE_SINT16
           || t->type == FFI_TYPE_SINT32 || t->type == FFI_TYPE_SINT64;
}

static int
is_unsigned_integer(const ffi_type *t)
{
    return t->type == FFI_TYPE_UINT8 || t->type == FFI_TYPE_UINT16
           || t->type == FFI_TYPE_UINT32 || t->type == FFI_TYPE_UINT64;
}

/* libffi expects integer results narrower than a register widened to a
   whole ffi_arg (the wrapper wrote only t->size bytes at the start). */
static void
widen_result(void *resp, const ffi_type *t)
{
    if (t->size >= sizeof(ffi_arg)) {
        return;
    }
    if (is_signed_integer(t)) {
        ffi_sarg v;
        switch (t->size) {
        case 1: v = *(int8_t *)resp; break;
        case 2: v = *(int16_t *)resp; break;
        default: v = *(int32_t *)resp; break;
        }
        *(ffi_sarg *)resp = v;
    }
    else if (is_unsigned_integer(t)) {
        ffi_arg v;
        switch (t->size) {
        case 1: v = *(uint8_t *)resp; break;
        case 2: v = *(uint16_t *)resp; break;
        default: v = *(uint32_t *)resp; break;
        }
        *(ffi_arg *)resp = v;
    }
}

static void
call_python(CThunkObject *self, void *resp, void **args)
{
    unsigned nargs = self->cif.nargs;
    if (self->callable == NULL) {
        /* The garbage collector broke a cycle through this thunk while C
           still held its pointer; the result stays zero. */
        return;
    }
    PyObject *addresses = PyTuple_New(nargs);
    PyObject *result_address = NULL;
    if (addresses == NULL) {
        goto error;
    }
    for (unsigned i = 0; i < nargs; i++) {
        PyObject *a = PyLong_FromVoidPtr(args[i]);
        if (a == NULL) {
            goto error;
        }
        PyTuple_SET_ITEM(addresses, i, a);
    }
    result_address = self->restype == &ffi_type_void
                     ? Py_NewRef(Py_None) : PyLong_FromVoidPtr(resp);
    if (result_address == NULL) {
        goto error;
    }
    PyObject *r = PyObject_CallFunctionObjArgs(self->callable, addresses,
                                               result_address, NULL);
    if (r == NULL) {
        goto error;
    }
    Py_DECREF(r);
    Py_DECREF(addresses);
    Py_DECREF(result_address);
    return;
error:
    Py_XDECREF(addresses);
    Py_XDECREF(result_address);
    PyErr_FormatUnraisable("Exception ignored while calling ctypes callback function %R",
                           self->callable);
}

static void
thunk_entry(ffi_cif *cif, void *resp, void **args, void *userdata)
{
    CThunkObject *self = userdata;
    if (self->restype != &ffi_type_void) {
        size_t n = self->restype->size;
        memset(resp, 0, n > sizeof(ffi_arg) ? n : sizeof(ffi_arg));
    }
    PyGILState_STATE state = PyGILState_Ensure();
    if (self->flags & FUNCFLAG_USE_ERRNO) {
        int *slot = _ctypes_errno_slot();
        int swap = errno;
        errno = *slot;
        *slot = swap;
        call_python(self, resp, args);
        swap = errno;
        errno = *slot;
        *slot = swap;
    }
    else {
        call_python(self, resp, args);
    }
    PyGILState_Release(state);
    if (self->restype != &ffi_type_void) {
        widen_result(resp, self->restype);
    }
}

static int
thunk_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(THUNK(op)->callable);
    Py_VISIT(THUNK(op)->types);
    return 0;
}

static int
thunk_clear(PyObject *op)
{
    Py_CLEAR(THUNK(op)->callable);
    return 0;
}

static void
thunk_dealloc(PyObject *op)
{
    CThunkObject *self = THUNK(op);
    PyObject_GC_UnTrack(op);
    if (self->closure != NULL) {
        ffi_closure_free(self->closure);
    }
    PyMem_Free(self->argtypes);
    Py_XDECREF(self->callable);
    Py_XDECREF(self->types);
    PyObject_GC_Del(op);
}

/* CThunk(callable, argtypes, restype, flags) */
static PyObject *
thunk_new(PyTypeObject *cls, PyObject *args, PyObject *kwds)
{
    PyObject *callable, *argtypes, *restype;
    int flags = 0;
    if (!PyArg_ParseTuple(args, "OO!O|i:CThunk", &callable, &PyTuple_Type,
                          &argtypes, &restype, &flags)) {
        return NULL;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(argtypes);
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (!FFIType_Check(PyTuple_GET_ITEM(argtypes, i))) {
            PyErr_SetString(PyExc_TypeError, "argument types must be FFIType");
            return NULL;
        }
    }
    if (restype != Py_None && !FFIType_Check(restype)) {
        PyErr_SetString(PyExc_TypeError, "restype must be an FFIType or None");
        return NULL;
    }
    CThunkObject *self = PyObject_GC_New(CThunkObject, cls);
    if (self == NULL) {
        return NULL;
    }
    self->closure = NULL;
    self->callable = Py_NewRef(callable);
    self->types = PyTuple_Pack(2, argtypes, restype);
    self->flags = flags;
    self->restype = restype == Py_None ? &ffi_type_void
                                       : ((FFITypeObject *)restype)->type;
    self->argtypes = PyMem_Calloc((size_t)nargs + 1, sizeof(ffi_type *));
    PyObject_GC_Track(self);
    if (self->types == NULL || self->argtypes == NULL) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        self->argtypes[i] = ((FFITypeObject *)PyTuple_GET_ITEM(argtypes, i))->type;
    }
    if (ffi_prep_cif(&self->cif, FFI_DEFAULT_ABI, (unsigned)nargs, self->restype,
                     self->argtypes) != FFI_OK) {
        Py_DECREF(self);
        PyErr_SetString(PyExc_RuntimeError, "ffi_prep_cif failed");
        return NULL;
    }
    self->closure = ffi_closure_alloc(sizeof(ffi_closure), &self->code);
    if (self->closure == NULL) {
        Py_DECREF(self);
        PyErr_SetString(PyExc_MemoryError, "cannot allocate a callback closure");
        return NULL;
    }
    if (ffi_prep_closure_loc(self->closure, &self->cif, thunk_entry, self,
                             self->code) != FFI_OK) {
        Py_DECREF(self);
        PyErr_SetString(PyExc_RuntimeError, "ffi_prep_closure_loc failed");
        return NULL;
    }
    return (PyObject *)self;
}

static PyObject *
thunk_get_address(PyObject *op, void *closure)
{
    return PyLong_FromVoidPtr(THUNK(op)->code);
}

static PyGetSetDef thunk_getset[] = {
    {"address", thunk_get_address, NULL, "the C function pointer", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject CThunk_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_ctypes.CThunk",
    .tp_basicsize = sizeof(CThunkObject),
    .tp_dealloc = thunk_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "CThunk(callable, argtypes, restype, flags)\n\n"
              "A C function pointer that calls callable(arg_addresses, result_address).",
    .tp_traverse = thunk_traverse,
    .tp_clear = thunk_clear,
    .tp_getset = thunk_getset,
    .tp_new = thunk_new,
    .tp_free = PyObject_GC_Del,
};

#endif /* HAVE_LIBFFI */
