/* The awaitable returned by anext(aiterator, default): it drives the
   awaitable that aiterator.__anext__() returned, and when that raises
   StopAsyncIteration it finishes with `default` instead.

   Thread safety: `iterator` is filled once, under the object's critical
   section; the other fields never change after creation. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_genobject.h"

typedef struct {
    PyObject_HEAD
    PyObject *wrapped;          /* the awaitable from __anext__ */
    PyObject *default_value;
    PyObject *iterator;         /* wrapped.__await__(), NULL until needed */
} anextobject;

PyObject *_PyAnextAwaitable_New(PyObject *awaitable, PyObject *default_value)
{
    anextobject *self = PyObject_GC_New(anextobject, &_PyAnextAwaitable_Type);
    if (self == NULL) {
        return NULL;
    }
    self->wrapped = Py_NewRef(awaitable);
    self->default_value = Py_NewRef(default_value);
    self->iterator = NULL;
    PyObject_GC_Track(self);
    return (PyObject *)self;
}

static void anext_dealloc(PyObject *op)
{
    anextobject *self = (anextobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(self->wrapped);
    Py_XDECREF(self->default_value);
    Py_XDECREF(self->iterator);
    PyObject_GC_Del(op);
}

static int anext_traverse(PyObject *op, visitproc visit, void *arg)
{
    anextobject *self = (anextobject *)op;
    Py_VISIT(self->wrapped);
    Py_VISIT(self->default_value);
    Py_VISIT(self->iterator);
    return 0;
}

/* What `await wrapped` iterates, as the await expression finds it: a
   coroutine's wrapper, a generator-based coroutine (types.coroutine)
   itself, or what __await__() returns.  New reference. */
static PyObject *awaited_iterator(PyObject *wrapped)
{
    PyObject *it = _PyCoro_GetAwaitableIter(wrapped);
    if (it == NULL || Py_TYPE(it)->tp_iternext != NULL) {
        return it;
    }
    /* A native coroutine has no __next__: drive its __await__ wrapper. */
    PyObject *wrapper = Py_TYPE(it)->tp_as_async->am_await(it);
    Py_DECREF(it);
    return wrapper;
}

/* The iterator behind the awaitable (a borrowed reference kept alive by
   self), created on first use. */
static PyObject *anext_iterator(anextobject *self)
{
    PyObject *it = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (self->iterator == NULL) {
        self->iterator = awaited_iterator(self->wrapped);
    }
    it = self->iterator;
    Py_END_CRITICAL_SECTION();
    return it;
}

/* StopAsyncIteration from the wrapped awaitable becomes
   StopIteration(default). */
static PyObject *finish(anextobject *self, PyObject *result)
{
    if (result != NULL || !PyErr_ExceptionMatches(PyExc_StopAsyncIteration)) {
        return result;
    }
    PyErr_Clear();
    PyObject *exc = PyObject_CallOneArg(PyExc_StopIteration, self->default_value);
    if (exc != NULL) {
        PyErr_SetObject(PyExc_StopIteration, exc);
        Py_DECREF(exc);
    }
    return NULL;
}

static PyObject *anext_iternext(PyObject *op)
{
    anextobject *self = (anextobject *)op;
    PyObject *it = anext_iterator(self);
    if (it == NULL) {
        return NULL;
    }
    return finish(self, Py_TYPE(it)->tp_iternext(it));
}

static PyObject *proxy_call(anextobject *self, const char *method,
                            PyObject *args)
{
    PyObject *it = anext_iterator(self);
    if (it == NULL) {
        return NULL;
    }
    PyObject *bound = PyObject_GetAttrString(it, method);
    if (bound == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_Call(bound, args, NULL);
    Py_DECREF(bound);
    return finish(self, result);
}

static PyObject *anext_send(PyObject *op, PyObject *arg)
{
    PyObject *args = PyTuple_Pack(1, arg);
    if (args == NULL) {
        return NULL;
    }
    PyObject *result = proxy_call((anextobject *)op, "send", args);
    Py_DECREF(args);
    return result;
}

static PyObject *anext_throw(PyObject *op, PyObject *args)
{
    return proxy_call((anextobject *)op, "throw", args);
}

static PyObject *anext_close(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyObject *args = PyTuple_New(0);
    if (args == NULL) {
        return NULL;
    }
    PyObject *result = proxy_call((anextobject *)op, "close", args);
    Py_DECREF(args);
    return result;
}

static PyObject *anext_await(PyObject *op)
{
    return Py_NewRef(op);
}

static PyMethodDef anext_methods[] = {
    {"send", anext_send, METH_O, NULL},
    {"throw", anext_throw, METH_VARARGS, NULL},
    {"close", anext_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyAsyncMethods anext_as_async = {
    .am_await = anext_await,
};

PyTypeObject _PyAnextAwaitable_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "anext_awaitable",
    .tp_basicsize = sizeof(anextobject),
    .tp_dealloc = anext_dealloc,
    .tp_as_async = &anext_as_async,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = anext_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = anext_iternext,
    .tp_methods = anext_methods,
};
