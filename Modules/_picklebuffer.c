/* pickle.PickleBuffer (PEP 574): a wrapper marking a buffer as
   out-of-band data for protocol 5.

   The object holds a buffer of the wrapped object.  Its own buffer
   requests are forwarded to the wrapped object, so a memoryview of a
   PickleBuffer has the wrapped object as .obj: a class that rebuilds
   itself from memoryview(buffer).obj gets its original object back without
   a copy.  release() gives the held buffer back early.

   Free-threaded safety: `view` is the only mutable state; reading it
   (getbuffer, raw) and releasing it (release, clear) happen under the
   object's critical section, so no thread uses a view another thread is
   releasing. */

#include "Python.h"
#include "_pickle.h"

#include <string.h>

typedef struct {
    PyObject_HEAD
    Py_buffer view;             /* view.obj NULL once released */
    PyObject *weakreflist;
} PickleBufferObject;

static const char released_message[] =
    "operation forbidden on released PickleBuffer object";

static PyObject *
picklebuffer_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    /* Positional only: a keyword counts as a missing argument, as in
       CPython ("takes exactly 1 positional argument (0 given)"). */
    if ((kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0)
        || PyTuple_GET_SIZE(args) != 1) {
        PyErr_Format(PyExc_TypeError,
                     "PickleBuffer() takes exactly 1 positional argument "
                     "(%zd given)", PyTuple_GET_SIZE(args));
        return NULL;
    }
    PyObject *base = PyTuple_GET_ITEM(args, 0);
    PickleBufferObject *self = (PickleBufferObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    if (PyObject_GetBuffer(base, &self->view, PyBUF_FULL_RO) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

/* Gives the held buffer back (idempotent: view.obj is NULL afterwards).
   The caller holds the object's critical section, or is its dealloc. */
static void
release_view(PickleBufferObject *self)
{
    if (self->view.obj != NULL) {
        PyBuffer_Release(&self->view);
    }
}

static int
picklebuffer_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((PickleBufferObject *)op)->view.obj);
    return 0;
}

static int
picklebuffer_clear(PyObject *op)
{
    Py_BEGIN_CRITICAL_SECTION(op);
    release_view((PickleBufferObject *)op);
    Py_END_CRITICAL_SECTION();
    return 0;
}

static void
picklebuffer_dealloc(PyObject *op)
{
    PickleBufferObject *self = (PickleBufferObject *)op;
    PyObject_GC_UnTrack(op);
    if (self->weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    /* Last reference: no other thread can reach the view any more. */
    release_view(self);
    Py_TYPE(op)->tp_free(op);
}

/* Buffer export: the wrapped object's own buffer, so the consumer's
   view.obj is the wrapped object and releasing it goes straight there. */
static int
picklebuffer_getbuffer(PyObject *op, Py_buffer *view, int flags)
{
    PickleBufferObject *self = (PickleBufferObject *)op;
    int rc;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (self->view.obj == NULL) {
        PyErr_SetString(PyExc_ValueError, released_message);
        rc = -1;
    }
    else {
        rc = PyObject_GetBuffer(self->view.obj, view, flags);
    }
    Py_END_CRITICAL_SECTION();
    return rc;
}

/* A 1-dimensional unsigned-byte memoryview of the same memory.  New
   reference, or NULL with ValueError (released) or BufferError
   (not contiguous). */
static PyObject *
raw_view(PickleBufferObject *self)
{
    if (self->view.obj == NULL) {
        PyErr_SetString(PyExc_ValueError, released_message);
        return NULL;
    }
    if (self->view.suboffsets != NULL
        || !PyBuffer_IsContiguous(&self->view, 'A')) {
        PyErr_SetString(PyExc_BufferError,
                        "cannot extract raw buffer from non-contiguous buffer");
        return NULL;
    }
    PyObject *view = PyMemoryView_FromObject(self->view.obj);
    if (view == NULL) {
        return NULL;
    }
    Py_buffer *b = PyMemoryView_GET_BUFFER(view);
    if (b->ndim == 1 && b->format != NULL && strcmp(b->format, "B") == 0) {
        return view;
    }
    Py_SETREF(view, PyObject_CallMethod(view, "cast", "s", "B"));
    return view;
}

static PyObject *
picklebuffer_raw(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(op);
    result = raw_view((PickleBufferObject *)op);
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *
picklebuffer_release(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    Py_BEGIN_CRITICAL_SECTION(op);
    release_view((PickleBufferObject *)op);
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

/* Only pickling protocol 5 knows what a PickleBuffer is (the picklers
   handle it themselves); every other way of reducing one fails. */
static PyObject *
picklebuffer_reduce_ex(PyObject *op, PyObject *Py_UNUSED(protocol))
{
    PyErr_Format(PyExc_TypeError, "cannot pickle '%.200s' object",
                 Py_TYPE(op)->tp_name);
    return NULL;
}

static PyMethodDef picklebuffer_methods[] = {
    {"raw", picklebuffer_raw, METH_NOARGS,
     "raw($self, /)\n--\n\n"
     "Return a memoryview of the raw memory underlying this buffer.\n"
     "Will raise BufferError is the buffer isn't contiguous."},
    {"release", picklebuffer_release, METH_NOARGS,
     "release($self, /)\n--\n\n"
     "Release the underlying buffer exposed by the PickleBuffer object."},
    {"__reduce_ex__", picklebuffer_reduce_ex, METH_O,
     "__reduce_ex__($self, protocol, /)\n--\n\n"},
    {NULL, NULL, 0, NULL},
};

static PyBufferProcs picklebuffer_as_buffer = {
    .bf_getbuffer = picklebuffer_getbuffer,
};

PyTypeObject _PyPickleBuffer_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "pickle.PickleBuffer",
    .tp_basicsize = sizeof(PickleBufferObject),
    .tp_dealloc = picklebuffer_dealloc,
    .tp_as_buffer = &picklebuffer_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Wrapper for potentially out-of-band buffers",
    .tp_traverse = picklebuffer_traverse,
    .tp_clear = picklebuffer_clear,
    .tp_weaklistoffset = offsetof(PickleBufferObject, weakreflist),
    .tp_methods = picklebuffer_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = picklebuffer_new,
    .tp_free = PyObject_GC_Del,
};
