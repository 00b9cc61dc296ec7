/* The _functools module: reduce() and cmp_to_key() in C.  Lib/functools.py
   defines everything else (partial, lru_cache, ...) and takes these two
   from here when the module is present.

   Thread safety: the module has no mutable state; a key object is
   immutable after creation. */
#include "Python.h"

/* ---- reduce ---------------------------------------------------------- */

/* reduce(function, iterable, /, initial=<missing>).  The accumulator is
   owned by this frame throughout; each step's result replaces it. */
static PyObject *
functools_reduce(PyObject *Py_UNUSED(module), PyObject *const *args,
                 Py_ssize_t nargs, PyObject *kwnames)
{
    static char *keywords[] = {"", "", "initial", NULL};
    PyObject *func, *seq, *initial = NULL;
    if (!_PyArg_ParseStackAndKeywords(args, nargs, kwnames, "OO|O:reduce",
                                      keywords, &func, &seq, &initial)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_SetString(PyExc_TypeError,
                            "reduce() arg 2 must support iteration");
        }
        return NULL;
    }
    PyObject *result = initial ? Py_NewRef(initial) : NULL;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        if (result == NULL) {
            result = item;
            continue;
        }
        PyObject *pair[2] = {result, item};
        PyObject *next = PyObject_Vectorcall(func, pair, 2, NULL);
        Py_DECREF(item);
        Py_DECREF(result);
        result = next;
        if (result == NULL) {
            break;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_XDECREF(result);
        return NULL;
    }
    if (result == NULL) {
        PyErr_SetString(PyExc_TypeError,
                        "reduce() of empty iterable with no initial value");
    }
    return result;
}

/* ---- cmp_to_key ------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *cmp;      /* the comparison function */
    PyObject *object;   /* the wrapped value; NULL in the factory object */
} keyobject;

static PyTypeObject KeyWrapper_Type;

static void
keyobject_dealloc(PyObject *self)
{
    keyobject *ko = (keyobject *)self;
    PyObject_GC_UnTrack(self);
    Py_CLEAR(ko->cmp);
    Py_CLEAR(ko->object);
    PyObject_GC_Del(self);
}

static int
keyobject_traverse(PyObject *self, visitproc visit, void *arg)
{
    keyobject *ko = (keyobject *)self;
    Py_VISIT(ko->cmp);
    Py_VISIT(ko->object);
    return 0;
}

static int
keyobject_clear(PyObject *self)
{
    keyobject *ko = (keyobject *)self;
    Py_CLEAR(ko->cmp);
    Py_CLEAR(ko->object);
    return 0;
}

static keyobject *
keyobject_make(PyObject *cmp, PyObject *object)
{
    keyobject *ko = PyObject_GC_New(keyobject, &KeyWrapper_Type);
    if (ko == NULL) {
        return NULL;
    }
    ko->cmp = Py_NewRef(cmp);
    ko->object = Py_XNewRef(object);
    PyObject_GC_Track(ko);
    return ko;
}

/* Calling the factory K(obj) wraps obj in a new key object. */
static PyObject *
keyobject_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwargs[] = {"obj", NULL};
    PyObject *object;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:K", kwargs, &object)) {
        return NULL;
    }
    return (PyObject *)keyobject_make(((keyobject *)self)->cmp, object);
}

static PyObject *
keyobject_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!Py_IS_TYPE(b, &KeyWrapper_Type)) {
        PyErr_SetString(PyExc_TypeError, "other argument must be K instance");
        return NULL;
    }
    keyobject *ka = (keyobject *)a, *kb = (keyobject *)b;
    if (ka->object == NULL || kb->object == NULL) {
        PyErr_SetString(PyExc_AttributeError, "object");
        return NULL;
    }
    PyObject *pair[2] = {ka->object, kb->object};
    PyObject *res = PyObject_Vectorcall(ka->cmp, pair, 2, NULL);
    if (res == NULL) {
        return NULL;
    }
    PyObject *zero = PyLong_FromLong(0);
    if (zero == NULL) {
        Py_DECREF(res);
        return NULL;
    }
    PyObject *answer = PyObject_RichCompare(res, zero, op);
    Py_DECREF(res);
    Py_DECREF(zero);
    return answer;
}

static PyObject *
keyobject_get_obj(PyObject *self, void *Py_UNUSED(closure))
{
    keyobject *ko = (keyobject *)self;
    if (ko->object == NULL) {
        PyErr_SetString(PyExc_AttributeError, "obj");
        return NULL;
    }
    return Py_NewRef(ko->object);
}

/* inspect.signature() of the factory (and of a key): calling takes one
   argument, obj.  A constant, so safe from any thread. */
static PyObject *
keyobject_text_signature(PyObject *Py_UNUSED(self),
                         void *Py_UNUSED(closure))
{
    return PyUnicode_FromString("(obj)");
}

static PyGetSetDef keyobject_getset[] = {
    {"obj", keyobject_get_obj, NULL, "Value wrapped by a key function.", NULL},
    {"__text_signature__", keyobject_text_signature, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject KeyWrapper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "functools.KeyWrapper",
    .tp_basicsize = sizeof(keyobject),
    .tp_dealloc = keyobject_dealloc,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_call = keyobject_call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = keyobject_traverse,
    .tp_clear = keyobject_clear,
    .tp_richcompare = keyobject_richcompare,
    .tp_getset = keyobject_getset,
};

static PyObject *
functools_cmp_to_key(PyObject *Py_UNUSED(module), PyObject *const *args,
                     Py_ssize_t nargs, PyObject *kwnames)
{
    static char *keywords[] = {"mycmp", NULL};
    PyObject *cmp;
    if (!_PyArg_ParseStackAndKeywords(args, nargs, kwnames, "O:cmp_to_key",
                                      keywords, &cmp)) {
        return NULL;
    }
    return (PyObject *)keyobject_make(cmp, NULL);
}

/* ---- module ---------------------------------------------------------- */

static PyMethodDef functools_methods[] = {
    {"reduce", _PyCFunction_CAST(functools_reduce),
     METH_FASTCALL | METH_KEYWORDS,
     "reduce($module, function, iterable, /, initial=<unrepresentable>)\n--\n\n"
     "Apply a function of two arguments cumulatively to the items of an iterable, from left to right.\n\n"
     "The result is ((initial op item0) op item1) ...; without initial the first\n"
     "item starts the chain, and an empty iterable is an error."},
    {"cmp_to_key", _PyCFunction_CAST(functools_cmp_to_key),
     METH_FASTCALL | METH_KEYWORDS,
     "cmp_to_key($module, /, mycmp)\n--\n\nConvert a cmp= function into a key= function."},
    {NULL, NULL, 0, NULL},
};

static int
functools_exec(PyObject *module)
{
    if (PyType_Ready(&KeyWrapper_Type) < 0 ||
        PyModule_AddObjectRef(module, "KeyWrapper",
                              (PyObject *)&KeyWrapper_Type) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot functools_slots[] = {
    {Py_mod_exec, functools_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef functools_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_functools",
    .m_doc = "Tools that operate on functions (C accelerators).",
    .m_size = 0,
    .m_methods = functools_methods,
    .m_slots = functools_slots,
};

PyMODINIT_FUNC
PyInit__functools(void)
{
    return PyModuleDef_Init(&functools_module);
}
