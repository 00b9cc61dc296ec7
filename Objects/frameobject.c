/* Frame objects: the Python-visible view of an interpreter frame
   (pycore_frame.h).  While the call runs, the object points into the data
   stack or the generator; when the frame is popped and the object lives
   on (a traceback holds it), the frame's contents move into the object.

   f_locals of a function frame is a FrameLocalsProxy (PEP 667): reads
   and writes go to the frame's fast locals and cells; other names are
   kept in the frame object's f_extra_locals dict.

   Thread safety: a frame object is read by other threads only after its
   frame stopped executing; f_trace is swapped under the object's critical
   section. */
#include "Python.h"
#include "pycore_frame.h"
#include "pycore_stackref.h"
#include "pycore_object.h"
#include "pycore_pystate.h"
#include "pycore_dict.h"
#include "pycore_genobject.h"
#include "pycore_instruments.h"
#include "pycore_opcode.h"
#include "pycore_ceval.h"
#include "cpython/frameobject.h"

PyFrameObject *_PyFrame_NewForInterpreterFrame(_PyInterpreterFrame *frame)
{
    PyCodeObject *code = _PyFrame_GetCode(frame);
    Py_ssize_t slots = _PyFrame_NumSlotsForCode(code);
    PyFrameObject *f = PyObject_GC_NewVar(PyFrameObject, &PyFrame_Type, slots);
    if (f == NULL) {
        PyErr_Clear();
        return NULL;
    }
    f->f_frame = frame;
    f->f_back = NULL;
    f->f_trace = NULL;
    f->f_extra_locals = NULL;
    f->f_locals_cache = NULL;
    f->f_overwritten = NULL;
    f->f_lineno = 0;
    f->f_trace_lines = 1;
    f->f_trace_opcodes = 0;
    PyObject_GC_Track(f);
    return f;
}

void _PyFrame_TakeOwnership(PyFrameObject *f, _PyInterpreterFrame *frame)
{
    _PyInterpreterFrame *dest = (_PyInterpreterFrame *)f->_f_frame_data;
    /* Borrowed parameters become owned: the frame object may outlive
       the caller that lent them (pycore_stackref.h). */
    int nlocals = _PyFrame_GetCode(frame)->co_nlocalsplus;
    for (int i = 0; i < nlocals; i++) {
        frame->localsplus[i] = _PyStackRef_Steal(frame->localsplus[i]);
    }
    _PyFrame_Copy(frame, dest);
    dest->owner = FRAME_OWNED_BY_FRAME_OBJECT;
    dest->frame_obj = NULL;
    dest->previous = NULL;
    f->f_frame = dest;
    if (f->f_back == NULL && frame->previous != NULL) {
        f->f_back = (PyFrameObject *)Py_XNewRef(
            (PyObject *)_PyFrame_GetFrameObject(frame->previous));
    }
}

/* Frames of a deep stack that outlive it form an f_back chain as long as
   the stack: the trashcan bounds the C recursion of freeing it. */
static void frame_dealloc(PyObject *op)
{
    PyFrameObject *f = (PyFrameObject *)op;
    PyObject_GC_UnTrack(op);
    Py_TRASHCAN_BEGIN(f, frame_dealloc)
    _PyInterpreterFrame *frame = f->f_frame;
    if (frame != NULL && frame->owner == FRAME_OWNED_BY_FRAME_OBJECT) {
        _PyFrame_ClearExceptCode(frame);
        Py_CLEAR(frame->f_executable);
    }
    Py_CLEAR(f->f_back);
    Py_CLEAR(f->f_trace);
    Py_CLEAR(f->f_extra_locals);
    Py_CLEAR(f->f_locals_cache);
    Py_CLEAR(f->f_overwritten);
    PyObject_GC_Del(op);
    Py_TRASHCAN_END
}

static int frame_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyFrameObject *f = (PyFrameObject *)op;
    Py_VISIT(f->f_back);
    Py_VISIT(f->f_trace);
    Py_VISIT(f->f_extra_locals);
    Py_VISIT(f->f_locals_cache);
    Py_VISIT(f->f_overwritten);
    _PyInterpreterFrame *frame = f->f_frame;
    if (frame != NULL && frame->owner == FRAME_OWNED_BY_FRAME_OBJECT) {
        Py_VISIT(frame->f_executable);
        Py_VISIT(frame->f_funcobj);
        Py_VISIT(frame->f_locals);
        /* A borrowed stack slot holds no reference (the local it
           copies is visited). */
        for (int i = 0; i < frame->stacktop; i++) {
            if (!_PyStackRef_IsBorrowed(frame->localsplus[i])) {
                Py_VISIT(frame->localsplus[i]);
            }
        }
    }
    return 0;
}

/* ---- FrameLocalsProxy (PEP 667) -------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyFrameObject *frame;
} proxyobject;

/* The fast slot named `key`, -1 if none, -2 with an exception set.
   Hidden slots (the iteration variables of comprehensions inlined into a
   module or class body) are names of the proxy too: a frame shows them
   through a proxy only while such a comprehension runs.  A key that is
   not exactly a str must be hashable (as a dict key) and matches a name
   it compares equal to, as in CPython. */
static int proxy_slot(PyFrameObject *f, PyObject *key)
{
    int exact = PyUnicode_CheckExact(key);
    if (!exact && PyObject_Hash(key) == -1) {
        return -2;
    }
    PyCodeObject *co = _PyFrame_GetCode(f->f_frame);
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
        int eq = name == key ? 1
                 : exact ? PyUnicode_Compare(name, key) == 0
                 : PyObject_RichCompareBool(name, key, Py_EQ);
        if (eq != 0) {
            return eq < 0 ? -2 : i;
        }
    }
    return -1;
}

/* The value in slot i (borrowed), dereferencing cells; NULL if unbound. */
static PyObject *slot_value(PyFrameObject *f, int i)
{
    PyCodeObject *co = _PyFrame_GetCode(f->f_frame);
    _PyLocals_Kind kind = _PyLocals_GetKind(co->co_localspluskinds, i);
    /* A parameter may be borrowed from the caller (pycore_stackref.h). */
    PyObject *value = _PyStackRef_Get(f->f_frame->localsplus[i]);
    if (value != NULL && (kind & (CO_FAST_CELL | CO_FAST_FREE))
            && PyCell_Check(value)) {
        value = PyCell_GET(value);
    }
    return value;
}

static PyObject *proxy_getitem(PyObject *op, PyObject *key)
{
    PyFrameObject *f = ((proxyobject *)op)->frame;
    int i = proxy_slot(f, key);
    if (i == -2) {
        return NULL;
    }
    if (i >= 0) {
        PyObject *value = slot_value(f, i);
        if (value != NULL) {
            return Py_NewRef(value);
        }
    }
    else if (f->f_extra_locals != NULL) {
        PyObject *value;
        int found = PyDict_GetItemRef(f->f_extra_locals, key, &value);
        if (found != 0) {
            return found < 0 ? NULL : value;
        }
    }
    _PyErr_SetKeyError(key);
    return NULL;
}

/* Store value in the fast local `slot` of f's frame.  While the frame
   can still run (executing or suspended), a borrowed stack slot may name
   the old value (LOAD_FAST_BORROW, pycore_stackref.h): f keeps that
   value alive in f_overwritten until the frame's next backward jump (no
   borrowed slot crosses one) or the frame object's death, so it is
   never freed under the stack.  Free-threaded build: the list is
   created and detached in f's critical section; appending is the
   list's own business. */
static int replace_fast_local(PyFrameObject *f, PyObject **slot,
                              PyObject *value)
{
    /* A QSBR-borrowed item is kept like an owned value: borrowed copies
       on the stack may outlive the writer's next quiescent point. */
    _PyStackRef_PromoteQsbr(slot);
    PyObject *old = *slot;
    if (_PyStackRef_IsBorrowed(old)) {
        /* A parameter borrowed from the caller, which keeps it alive as
           long as this frame runs (pycore_stackref.h, "borrowed
           parameters"): nothing to keep or release. */
        *slot = Py_NewRef(value);
        return 0;
    }
    if (old != NULL && f->f_frame->owner != FRAME_OWNED_BY_FRAME_OBJECT) {
        PyObject *kept;
        Py_BEGIN_CRITICAL_SECTION(f);
        if (f->f_overwritten == NULL) {
            __atomic_store_n(&f->f_overwritten, PyList_New(0),
                             __ATOMIC_RELAXED);
        }
        kept = Py_XNewRef(f->f_overwritten);
        Py_END_CRITICAL_SECTION();
        if (kept == NULL) {
            return -1;
        }
        int err = PyList_Append(kept, old);
        Py_DECREF(kept);
        if (err < 0) {
            return -1;
        }
    }
    *slot = Py_NewRef(value);
    Py_XDECREF(old);
    return 0;
}

void _PyFrame_ReleaseOverwritten(PyFrameObject *f)
{
    PyObject *kept;
    Py_BEGIN_CRITICAL_SECTION(f);
    kept = f->f_overwritten;
    __atomic_store_n(&f->f_overwritten, NULL, __ATOMIC_RELAXED);
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(kept);
}

static int proxy_setitem(PyObject *op, PyObject *key, PyObject *value)
{
    PyFrameObject *f = ((proxyobject *)op)->frame;
    int i = proxy_slot(f, key);
    if (i == -2) {
        return -1;
    }
    if (value == NULL) {
        if (i >= 0) {
            PyErr_SetString(PyExc_ValueError,
                            "cannot remove local variables from FrameLocalsProxy");
            return -1;
        }
        if (f->f_extra_locals == NULL) {
            _PyErr_SetKeyError(key);
            return -1;
        }
        return PyDict_DelItem(f->f_extra_locals, key);
    }
    if (i >= 0) {
        PyCodeObject *co = _PyFrame_GetCode(f->f_frame);
        _PyLocals_Kind kind = _PyLocals_GetKind(co->co_localspluskinds, i);
        PyObject **slot = &f->f_frame->localsplus[i];
        if ((kind & (CO_FAST_CELL | CO_FAST_FREE)) && *slot != NULL
                && PyCell_Check(*slot)) {
            return PyCell_Set(*slot, value);
        }
        return replace_fast_local(f, slot, value);
    }
    if (f->f_extra_locals == NULL) {
        f->f_extra_locals = PyDict_New();
        if (f->f_extra_locals == NULL) {
            return -1;
        }
    }
    return PyDict_SetItem(f->f_extra_locals, key, value);
}

/* Module and class frames: their bound fast slots (the hidden
   comprehension variables, cells) as a new dict. */
static PyObject *bound_slots(PyFrameObject *f)
{
    PyCodeObject *co = _PyFrame_GetCode(f->f_frame);
    PyObject *dict = PyDict_New();
    for (int i = 0; dict != NULL && i < co->co_nlocalsplus; i++) {
        PyObject *value = slot_value(f, i);
        if (value != NULL &&
            PyDict_SetItem(dict, PyTuple_GET_ITEM(co->co_localsplusnames, i),
                           value) < 0) {
            Py_CLEAR(dict);
        }
    }
    return dict;
}

/* A dict copy: bound fast locals in slot order, then the extra names. */
static PyObject *proxy_copy(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyFrameObject *f = ((proxyobject *)op)->frame;
    PyObject *dict = (_PyFrame_GetCode(f->f_frame)->co_flags & CO_OPTIMIZED)
        ? _PyFrame_GetLocalsDict(f->f_frame) : bound_slots(f);
    if (dict != NULL && f->f_extra_locals != NULL
            && PyDict_Update(dict, f->f_extra_locals) < 0) {
        Py_CLEAR(dict);
    }
    return dict;
}

static Py_ssize_t proxy_length(PyObject *op)
{
    PyObject *dict = proxy_copy(op, NULL);
    if (dict == NULL) {
        return -1;
    }
    Py_ssize_t n = PyDict_GET_SIZE(dict);
    Py_DECREF(dict);
    return n;
}

static int proxy_contains(PyObject *op, PyObject *key)
{
    PyFrameObject *f = ((proxyobject *)op)->frame;
    int i = proxy_slot(f, key);
    if (i == -2) {
        return -1;
    }
    if (i >= 0) {
        return slot_value(f, i) != NULL;
    }
    return f->f_extra_locals ? PyDict_Contains(f->f_extra_locals, key) : 0;
}

static PyObject *proxy_iter(PyObject *op)
{
    PyObject *dict = proxy_copy(op, NULL);
    if (dict == NULL) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(dict);
    Py_DECREF(dict);
    return it;
}

/* keys(), values() and items() are lists (as CPython's), made from a
   snapshot by `list_of` (PyDict_Keys...). */
static PyObject *proxy_list(PyObject *op, PyObject *(*list_of)(PyObject *))
{
    PyObject *dict = proxy_copy(op, NULL);
    if (dict == NULL) {
        return NULL;
    }
    PyObject *result = list_of(dict);
    Py_DECREF(dict);
    return result;
}

static PyObject *proxy_keys(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return proxy_list(op, PyDict_Keys);
}

static PyObject *proxy_values(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return proxy_list(op, PyDict_Values);
}

static PyObject *proxy_items(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return proxy_list(op, PyDict_Items);
}

/* __reversed__(): the names, last first, as a list. */
static PyObject *proxy_reversed(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyObject *keys = proxy_keys(op, NULL);
    if (keys != NULL && PyList_Reverse(keys) < 0) {
        Py_CLEAR(keys);
    }
    return keys;
}

static PyObject *proxy_get(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("get", nargs, 1, 2)) {
        return NULL;
    }
    PyObject *value = proxy_getitem(op, args[0]);
    if (value == NULL && PyErr_ExceptionMatches(PyExc_KeyError)) {
        PyErr_Clear();
        return Py_NewRef(nargs > 1 ? args[1] : Py_None);
    }
    return value;
}

/* The repr of a snapshot; a proxy found inside itself is "{...}". */
static PyObject *proxy_repr(PyObject *op)
{
    int entered = Py_ReprEnter(op);
    if (entered != 0) {
        return entered > 0 ? PyUnicode_FromString("{...}") : NULL;
    }
    PyObject *dict = proxy_copy(op, NULL);
    PyObject *repr = dict == NULL ? NULL : PyObject_Repr(dict);
    Py_XDECREF(dict);
    Py_ReprLeave(op);
    return repr;
}

/* Equal to another proxy of the same frame, or to a dict holding the
   same variables. */
static PyObject *proxy_richcompare(PyObject *op, PyObject *other, int cmp)
{
    if (cmp != Py_EQ && cmp != Py_NE) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (Py_IS_TYPE(other, &PyFrameLocalsProxy_Type)) {
        int same = ((proxyobject *)op)->frame == ((proxyobject *)other)->frame;
        return PyBool_FromLong(cmp == Py_EQ ? same : !same);
    }
    if (!PyDict_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *dict = proxy_copy(op, NULL);
    if (dict == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_RichCompare(dict, other, cmp);
    Py_DECREF(dict);
    return result;
}

/* Store every item of a mapping (or of an iterable of pairs). */
static int proxy_merge(PyObject *op, PyObject *other)
{
    PyObject *dict = PyDict_New();
    if (dict == NULL) {
        return -1;
    }
    if (PyDict_Merge(dict, other, 1) < 0) {
        Py_DECREF(dict);
        return -1;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(dict, &pos, &key, &value)) {
        if (proxy_setitem(op, key, value) < 0) {
            Py_DECREF(dict);
            return -1;
        }
    }
    Py_DECREF(dict);
    return 0;
}

/* update(): from a dict or another proxy only, as CPython. */
static PyObject *proxy_update(PyObject *op, PyObject *other)
{
    if (!PyDict_Check(other) && !Py_IS_TYPE(other, &PyFrameLocalsProxy_Type)) {
        PyErr_SetString(PyExc_TypeError, "update() argument must be dict or "
                        "another FrameLocalsProxy");
        return NULL;
    }
    if (proxy_merge(op, other) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *proxy_setdefault(PyObject *op, PyObject *const *args,
                                  Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("setdefault", nargs, 1, 2)) {
        return NULL;
    }
    PyObject *value = proxy_getitem(op, args[0]);
    if (value != NULL || !PyErr_ExceptionMatches(PyExc_KeyError)) {
        return value;
    }
    PyErr_Clear();
    PyObject *fallback = nargs > 1 ? args[1] : Py_None;
    if (proxy_setitem(op, args[0], fallback) < 0) {
        return NULL;
    }
    return Py_NewRef(fallback);
}

/* pop(key[, default]): only the extra (non-local) names can be removed,
   as in CPython. */
static PyObject *proxy_pop(PyObject *op, PyObject *const *args,
                           Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("pop", nargs, 1, 2)) {
        return NULL;
    }
    PyFrameObject *f = ((proxyobject *)op)->frame;
    int i = proxy_slot(f, args[0]);
    if (i == -2) {
        return NULL;
    }
    if (i >= 0) {
        PyErr_SetString(PyExc_ValueError,
                        "cannot remove local variables from FrameLocalsProxy");
        return NULL;
    }
    PyObject *result = NULL;
    int found = f->f_extra_locals == NULL ? 0
        : PyDict_Pop(f->f_extra_locals, args[0], &result);
    if (found < 0) {
        return NULL;
    }
    if (found == 0) {
        if (nargs > 1) {
            return Py_NewRef(args[1]);
        }
        _PyErr_SetKeyError(args[0]);
        return NULL;
    }
    return result;
}

/* proxy | mapping and mapping | proxy give a new dict. */
static PyObject *proxy_or(PyObject *left, PyObject *right)
{
    int left_proxy = Py_IS_TYPE(left, &PyFrameLocalsProxy_Type);
    PyObject *other = left_proxy ? right : left;
    if (!PyDict_Check(other) && !Py_IS_TYPE(other, &PyFrameLocalsProxy_Type)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *result = PyDict_New();
    if (result == NULL) {
        return NULL;
    }
    PyObject *first = Py_IS_TYPE(left, &PyFrameLocalsProxy_Type)
                      ? proxy_copy(left, NULL) : Py_NewRef(left);
    PyObject *second = Py_IS_TYPE(right, &PyFrameLocalsProxy_Type)
                       ? proxy_copy(right, NULL) : Py_NewRef(right);
    if (first == NULL || second == NULL
            || PyDict_Update(result, first) < 0
            || PyDict_Update(result, second) < 0) {
        Py_CLEAR(result);
    }
    Py_XDECREF(first);
    Py_XDECREF(second);
    return result;
}

static PyObject *proxy_inplace_or(PyObject *op, PyObject *other)
{
    if (!PyDict_Check(other) && !Py_IS_TYPE(other, &PyFrameLocalsProxy_Type)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (proxy_merge(op, other) < 0) {
        return NULL;
    }
    return Py_NewRef(op);
}

static PyNumberMethods proxy_as_number = {
    .nb_or = proxy_or,
    .nb_inplace_or = proxy_inplace_or,
};

static void proxy_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_CLEAR(((proxyobject *)op)->frame);
    PyObject_GC_Del(op);
}

static int proxy_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((proxyobject *)op)->frame);
    return 0;
}

static PyMappingMethods proxy_as_mapping = {
    .mp_length = proxy_length,
    .mp_subscript = proxy_getitem,
    .mp_ass_subscript = proxy_setitem,
};

static PySequenceMethods proxy_as_sequence = {
    .sq_contains = proxy_contains,
};

static PyMethodDef proxy_methods[] = {
    {"keys", proxy_keys, METH_NOARGS, NULL},
    {"__reversed__", proxy_reversed, METH_NOARGS, NULL},
    {"values", proxy_values, METH_NOARGS, NULL},
    {"items", proxy_items, METH_NOARGS, NULL},
    {"copy", proxy_copy, METH_NOARGS, NULL},
    {"get", _PyCFunction_CAST(proxy_get), METH_FASTCALL, NULL},
    {"setdefault", _PyCFunction_CAST(proxy_setdefault), METH_FASTCALL, NULL},
    {"pop", _PyCFunction_CAST(proxy_pop), METH_FASTCALL, NULL},
    {"update", proxy_update, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyObject *frame_locals_proxy_new(PyFrameObject *f);

/* FrameLocalsProxy(frame): one positional frame argument. */
static PyObject *proxy_tp_new(PyTypeObject *type, PyObject *args,
                              PyObject *kwds)
{
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError,
                        "FrameLocalsProxy takes no keyword arguments");
        return NULL;
    }
    if (PyTuple_GET_SIZE(args) != 1) {
        PyErr_Format(PyExc_TypeError,
                     "FrameLocalsProxy expected 1 argument, got %zd",
                     PyTuple_GET_SIZE(args));
        return NULL;
    }
    PyObject *frame = PyTuple_GET_ITEM(args, 0);
    if (!PyFrame_Check(frame)) {
        PyErr_Format(PyExc_TypeError, "expect frame, not %T", frame);
        return NULL;
    }
    return frame_locals_proxy_new((PyFrameObject *)frame);
}

PyTypeObject PyFrameLocalsProxy_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "FrameLocalsProxy",
    .tp_basicsize = sizeof(proxyobject),
    .tp_dealloc = proxy_dealloc,
    .tp_repr = proxy_repr,
    .tp_as_sequence = &proxy_as_sequence,
    .tp_as_mapping = &proxy_as_mapping,
    .tp_as_number = &proxy_as_number,
    .tp_richcompare = proxy_richcompare,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_MAPPING,
    .tp_traverse = proxy_traverse,
    .tp_iter = proxy_iter,
    .tp_methods = proxy_methods,
    .tp_new = proxy_tp_new,
};

static PyObject *frame_locals_proxy_new(PyFrameObject *f)
{
    proxyobject *proxy = PyObject_GC_New(proxyobject, &PyFrameLocalsProxy_Type);
    if (proxy == NULL) {
        return NULL;
    }
    proxy->frame = (PyFrameObject *)Py_NewRef((PyObject *)f);
    PyObject_GC_Track(proxy);
    return (PyObject *)proxy;
}

int PyFrame_GetLineNumber(PyFrameObject *f)
{
    if (f->f_lineno != 0) {
        return f->f_lineno;
    }
    if (f->f_frame == NULL) {
        return -1;
    }
    return _PyInterpreterFrame_GetLine(f->f_frame);
}

PyObject *PyFrame_GetCode(PyFrameObject *f)
{
    return Py_NewRef(f->f_frame->f_executable);
}

PyFrameObject *PyFrame_GetBack(PyFrameObject *f)
{
    if (f->f_back != NULL) {
        return (PyFrameObject *)Py_NewRef(f->f_back);
    }
    _PyInterpreterFrame *prev = f->f_frame ? f->f_frame->previous : NULL;
    if (prev == NULL || f->f_frame->owner == FRAME_OWNED_BY_FRAME_OBJECT) {
        return NULL;
    }
    return (PyFrameObject *)Py_XNewRef((PyObject *)_PyFrame_GetFrameObject(prev));
}

/* Whether a hidden slot is bound: a comprehension inlined into this
   module or class body is running (PEP 709). */
static int has_bound_hidden_slot(_PyInterpreterFrame *frame)
{
    PyCodeObject *co = _PyFrame_GetCode(frame);
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        _PyLocals_Kind kind = _PyLocals_GetKind(co->co_localspluskinds, i);
        if ((kind & CO_FAST_HIDDEN) && frame->localsplus[i] != NULL) {
            return 1;
        }
    }
    return 0;
}

/* PEP 667: a module or class body's namespace, except while one of its
   inlined comprehensions runs: then, as for functions, a proxy over the
   fast slots, so the comprehension's variables are visible (and the
   namespace is not, as in CPython). */
PyObject *PyFrame_GetLocals(PyFrameObject *f)
{
    _PyInterpreterFrame *frame = f->f_frame;
    if (!(_PyFrame_GetCode(frame)->co_flags & CO_OPTIMIZED)
            && frame->f_locals != NULL && !has_bound_hidden_slot(frame)) {
        return Py_NewRef(frame->f_locals);
    }
    return frame_locals_proxy_new(f);
}

PyFrameObject *PyEval_GetFrame(void)
{
    _PyInterpreterFrame *frame = _PyEval_GetFrame();
    if (frame == NULL) {
        return NULL;
    }
    PyFrameObject *f = _PyFrame_GetFrameObject(frame);
    if (f == NULL) {
        PyErr_NoMemory();
    }
    return f;
}

PyFrameObject *PyThreadState_GetFrame(PyThreadState *tstate)
{
    _PyInterpreterFrame *frame = tstate->current_frame;
    if (frame == NULL) {
        return NULL;
    }
    PyFrameObject *f = _PyFrame_GetFrameObject(frame);
    if (f == NULL) {
        PyErr_NoMemory();
    }
    return (PyFrameObject *)Py_XNewRef((PyObject *)f);
}

int PyFrame_GetLasti(PyFrameObject *f)
{
    if (f->f_frame == NULL) {
        return -1;
    }
    int lasti = _PyInterpreterFrame_LASTI(f->f_frame);
    return lasti < 0 ? -1 : lasti * (int)sizeof(_Py_CODEUNIT);
}

PyObject *PyFrame_GetVar(PyFrameObject *f, PyObject *name)
{
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "name must be str, not %s",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    PyObject *locals = PyFrame_GetLocals(f);
    if (locals == NULL) {
        return NULL;
    }
    PyObject *value;
    int found = PyMapping_GetOptionalItem(locals, name, &value);
    Py_DECREF(locals);
    if (found == 0) {
        PyErr_Format(PyExc_NameError, "variable %R does not exist", name);
    }
    return found > 0 ? value : NULL;
}

PyObject *PyFrame_GetVarString(PyFrameObject *f, const char *name)
{
    PyObject *str = PyUnicode_FromString(name);
    if (str == NULL) {
        return NULL;
    }
    PyObject *value = PyFrame_GetVar(f, str);
    Py_DECREF(str);
    return value;
}

PyObject *PyFrame_GetGlobals(PyFrameObject *f)
{
    return Py_NewRef(f->f_frame->f_globals);
}

PyObject *PyFrame_GetBuiltins(PyFrameObject *f)
{
    return Py_NewRef(f->f_frame->f_builtins);
}

static PyObject *frame_get_code(PyObject *op, void *closure)
{
    (void)closure;
    return PyFrame_GetCode((PyFrameObject *)op);
}

static PyObject *frame_get_globals(PyObject *op, void *closure)
{
    (void)closure;
    return PyFrame_GetGlobals((PyFrameObject *)op);
}

static PyObject *frame_get_builtins(PyObject *op, void *closure)
{
    (void)closure;
    return PyFrame_GetBuiltins((PyFrameObject *)op);
}

static PyObject *frame_get_locals(PyObject *op, void *closure)
{
    (void)closure;
    return PyFrame_GetLocals((PyFrameObject *)op);
}

static PyObject *frame_get_lineno(PyObject *op, void *closure)
{
    (void)closure;
    int line = PyFrame_GetLineNumber((PyFrameObject *)op);
    if (line < 0) {
        Py_RETURN_NONE;
    }
    return PyLong_FromLong(line);
}

static PyObject *frame_get_lasti(PyObject *op, void *closure)
{
    (void)closure;
    _PyInterpreterFrame *frame = ((PyFrameObject *)op)->f_frame;
    int lasti = _PyInterpreterFrame_LASTI(frame);
    return PyLong_FromLong(lasti < 0 ? -1 : lasti * (int)sizeof(_Py_CODEUNIT));
}

static PyObject *frame_get_back(PyObject *op, void *closure)
{
    (void)closure;
    PyFrameObject *back = PyFrame_GetBack((PyFrameObject *)op);
    if (back == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    return (PyObject *)back;
}

static PyObject *frame_get_trace(PyObject *op, void *closure)
{
    (void)closure;
    PyObject *trace;
    Py_BEGIN_CRITICAL_SECTION(op);
    trace = ((PyFrameObject *)op)->f_trace;
    trace = Py_NewRef(trace ? trace : Py_None);
    Py_END_CRITICAL_SECTION();
    return trace;
}

static int frame_set_trace(PyObject *op, PyObject *value, void *closure)
{
    (void)closure;
    if (value == Py_None) {
        value = NULL;
    }
    PyObject *old;
    Py_BEGIN_CRITICAL_SECTION(op);
    old = ((PyFrameObject *)op)->f_trace;
    ((PyFrameObject *)op)->f_trace = Py_XNewRef(value);
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(old);
    return 0;
}

/* ---- f_lineno assignment (the debugger's "jump") --------------------------- */

/* What kind of value each stack slot holds, for deciding whether a jump
   keeps the stack meaningful.  A stack is coded in an int64: 3 bits per
   slot, the top in the low bits, at most MAX_TRACKED slots. */
enum stack_kind {
    KIND_OBJECT = 1,        /* any value */
    KIND_ITERATOR = 2,      /* a for loop's iterator */
    KIND_EXCEPT = 3,        /* exc_info saved by PUSH_EXC_INFO */
    KIND_LASTI = 4,         /* a handler's saved instruction offset */
    KIND_NULL = 5,          /* may be NULL: a call's self-or-NULL slot */
};
#define KIND_BITS 3
#define MAX_TRACKED 20
#define STACK_UNKNOWN ((int64_t)-1)     /* not reached (yet) */
#define STACK_TOO_DEEP ((int64_t)-2)

typedef struct {
    int64_t bits;
    int depth;
} kind_stack;

static kind_stack ks_push(kind_stack s, int kind)
{
    if (s.bits >= 0 && s.depth < MAX_TRACKED) {
        s.bits = (s.bits << KIND_BITS) | kind;
    }
    else {
        s.bits = STACK_TOO_DEEP;
    }
    s.depth++;
    return s;
}

static kind_stack ks_pop(kind_stack s)
{
    if (s.depth > 0) {
        s.depth--;
        if (s.bits >= 0) {
            s.bits >>= KIND_BITS;
        }
    }
    return s;
}

static int ks_top(kind_stack s)
{
    return s.bits > 0 ? (int)(s.bits & 7) : KIND_OBJECT;
}

static int ks_peek(kind_stack s, int n)
{
    return s.bits > 0 ? (int)((s.bits >> (KIND_BITS * (n - 1))) & 7)
                      : KIND_OBJECT;
}

/* Merge a successor's stack; returns 1 when it changed (worklist). */
static int ks_flow(kind_stack *stacks, int target, int len, kind_stack s)
{
    if (target < 0 || target >= len) {
        return 0;
    }
    if (stacks[target].bits == STACK_UNKNOWN) {
        stacks[target] = s;
        return 1;
    }
    return 0;
}

static int jump_target(const _Py_CODEUNIT *code, int i, int oparg)
{
    int next = i + 1;
    switch (_Py_OPCODE(code[i])) {
    case JUMP_BACKWARD:
    case JUMP_BACKWARD_NO_INTERRUPT:
        return next - oparg;
    default:
        return next + oparg;
    }
}

/* The value stack before every instruction, by abstract interpretation
   (PyMem array of Py_SIZE(code) entries, or NULL with MemoryError). */
/* Whether the instruction's topmost push may be NULL (the self-or-NULL
   slot below a call's arguments): a jump must never leave it where an
   object is expected. */
static int pushes_maybe_null(int opcode, int oparg)
{
    switch (opcode) {
    case PUSH_NULL:
    case LOAD_SPECIAL:
        return 1;
    case LOAD_GLOBAL:
    case LOAD_ATTR:
    case LOAD_SUPER_ATTR:
        return oparg & 1;
    default:
        return 0;
    }
}

static kind_stack *mark_stacks(PyCodeObject *code)
{
    int len = (int)Py_SIZE(code);
    const _Py_CODEUNIT *instrs = _PyCode_CODE(code);
    kind_stack *stacks = PyMem_New(kind_stack, (size_t)len + 1);
    if (stacks == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (int i = 0; i <= len; i++) {
        stacks[i].bits = STACK_UNKNOWN;
        stacks[i].depth = 0;
    }
    stacks[0].bits = 0;
    int changed = 1;
    while (changed) {
        changed = 0;
        int oparg = 0;
        for (int i = 0; i < len; i++) {
            kind_stack s = stacks[i];
            /* spec: FOR_ITER's specialized forms are jumps too. */
            int opcode = _PyOpcode_Deopt[_Py_OPCODE(instrs[i])];
            oparg = (oparg << 8) | _Py_OPARG(instrs[i]);
            if (s.bits == STACK_UNKNOWN) {
                oparg = 0;
                continue;
            }
            /* A handler covering i starts from i's stack cut to its depth. */
            int depth, lasti;
            int handler = _PyCode_FindHandler(code, i, &depth, &lasti);
            if (handler >= 0) {
                kind_stack h = s;
                while (h.depth > depth) {
                    h = ks_pop(h);
                }
                if (lasti) {
                    h = ks_push(h, KIND_LASTI);
                }
                changed |= ks_flow(stacks, handler, len, ks_push(h, KIND_OBJECT));
            }
            if (opcode == EXTENDED_ARG) {
                changed |= ks_flow(stacks, i + 1, len, s);
                continue;
            }
            kind_stack next = s;
            switch (opcode) {
            case JUMP_FORWARD:
            case JUMP_BACKWARD:
            case JUMP_BACKWARD_NO_INTERRUPT:
                changed |= ks_flow(stacks, jump_target(instrs, i, oparg), len, s);
                oparg = 0;
                continue;
            case POP_JUMP_IF_FALSE:
            case POP_JUMP_IF_TRUE:
            case POP_JUMP_IF_NONE:
            case POP_JUMP_IF_NOT_NONE:
                next = ks_pop(s);
                changed |= ks_flow(stacks, jump_target(instrs, i, oparg), len, next);
                break;
            case FOR_ITER: {
                /* Exhausted: on at the POP_ITER after the END_FOR target. */
                int end_for = jump_target(instrs, i, oparg);
                changed |= ks_flow(stacks, end_for, len, ks_push(s, KIND_OBJECT));
                changed |= ks_flow(stacks, end_for + 1, len, s);
                next = ks_push(s, KIND_OBJECT);
                break;
            }
            case SEND:
                changed |= ks_flow(stacks, jump_target(instrs, i, oparg), len, s);
                break;
            case GET_ITER:
            case GET_AITER:
                next = ks_push(ks_pop(s), KIND_ITERATOR);
                break;
            case GET_ANEXT:
                /* The async iterator stays below the awaitable. */
                next = ks_push(s, KIND_OBJECT);
                break;
            case PUSH_EXC_INFO:
                next = ks_push(ks_push(ks_pop(s), KIND_EXCEPT), KIND_OBJECT);
                break;
            case CHECK_EXC_MATCH:
                next = ks_push(ks_pop(s), KIND_OBJECT);
                break;
            case COPY:
                next = ks_push(s, ks_peek(s, oparg));
                break;
            case SWAP: {
                /* Only the kinds move; rebuild the two slots. */
                int top = ks_top(s), other = ks_peek(s, oparg);
                kind_stack rest = s;
                int kinds[MAX_TRACKED + 1];
                int n = 0;
                for (; n < oparg && rest.depth > 0; n++) {
                    kinds[n] = ks_top(rest);
                    rest = ks_pop(rest);
                }
                if (n == oparg && n > 0) {
                    kinds[0] = other;
                    kinds[n - 1] = top;
                    for (int k = n - 1; k >= 0; k--) {
                        rest = ks_push(rest, kinds[k]);
                    }
                    next = rest;
                }
                break;
            }
            case RETURN_GENERATOR:
                /* The generator's frame goes on with the value the first
                   send() pushes, which the next POP_TOP discards. */
                next = ks_push(s, KIND_OBJECT);
                break;
            case RETURN_VALUE:
            case RAISE_VARARGS:
            case RERAISE:
            case INTERPRETER_EXIT:
                oparg = 0;
                continue;
            default: {
                int popped = _PyOpcode_NumPopped(opcode, oparg);
                int pushed = _PyOpcode_NumPushed(opcode, oparg);
                if (popped < 0 || pushed < 0) {
                    oparg = 0;
                    continue;
                }
                for (int k = 0; k < popped; k++) {
                    next = ks_pop(next);
                }
                for (int k = 0; k < pushed; k++) {
                    next = ks_push(next, KIND_OBJECT);
                }
                if (pushes_maybe_null(opcode, oparg)) {
                    next = ks_push(ks_pop(next), KIND_NULL);
                }
                break;
            }
            }
            changed |= ks_flow(stacks, i + 1, len, next);
            oparg = 0;
        }
    }
    return stacks;
}

/* A slot of kind `from` may stand where the target expects `to`: a
   maybe-NULL slot accepts anything, an object slot anything but a
   maybe-NULL one, the others only their own kind. */
static int compatible_kind(int from, int to)
{
    if (to == KIND_NULL) {
        return 1;
    }
    if (to == KIND_OBJECT) {
        return from != KIND_NULL;
    }
    return from == to;
}

/* A jump from `from` to `to` keeps every slot `to` expects. */
static int compatible_stacks(kind_stack from, kind_stack to)
{
    if (from.bits < 0 || to.bits < 0 || to.depth > from.depth) {
        return 0;
    }
    while (from.depth > to.depth) {
        from = ks_pop(from);
    }
    while (to.depth > 0) {
        if (!compatible_kind(ks_top(from), ks_top(to))) {
            return 0;
        }
        from = ks_pop(from);
        to = ks_pop(to);
    }
    return 1;
}

static const char *why_incompatible(kind_stack from, kind_stack to)
{
    if (to.bits == STACK_TOO_DEEP || from.bits == STACK_TOO_DEEP) {
        return "stack is too deep to analyze";
    }
    if (to.bits == STACK_UNKNOWN) {
        return "can't jump into an exception handler, or code may be unreachable";
    }
    /* The innermost slot the target needs that the origin lacks. */
    kind_stack t = to;
    while (t.depth > 0 && !(t.depth <= from.depth && compatible_stacks(from, t))) {
        int kind = ks_top(t);
        kind_stack below = ks_pop(t);
        if (below.depth <= from.depth && compatible_stacks(from, below)) {
            switch (kind) {
            case KIND_EXCEPT:
                return "can't jump into an 'except' block as there's no exception";
            case KIND_LASTI:
                return "can't jump into a re-raising block as there's no location";
            case KIND_ITERATOR:
                return "can't jump into the body of a for loop";
            default:
                return "incompatible stacks";
            }
        }
        t = below;
    }
    return "incompatible stacks";
}

/* First instruction of each line: lines[i] is its line, or -1. */
static int *mark_line_starts(PyCodeObject *code)
{
    int len = (int)Py_SIZE(code);
    int *starts = PyMem_New(int, (size_t)len + 1);
    if (starts == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (int i = 0; i <= len; i++) {
        starts[i] = -1;
    }
    PyCodeAddressRange range;
    _PyCode_InitAddressRange(code, &range);
    int last = -1;
    while (_PyLineTable_NextAddressRange(&range)) {
        int i = range.ar_start / (int)sizeof(_Py_CODEUNIT);
        if (range.ar_line >= 0 && range.ar_line != last && i < len) {
            starts[i] = range.ar_line;
            last = range.ar_line;
        }
    }
    return starts;
}

/* Which events a jump may be made from (CPython's rules). */
static int check_jump_event(PyThreadState *tstate)
{
    int event = _PyInstrument_CurrentEvent(tstate);
    switch (event) {
    case -1:
        PyErr_SetString(PyExc_ValueError,
                        "f_lineno can only be set in a trace function");
        return -1;
    case PY_MONITORING_EVENT_PY_RESUME:
    case PY_MONITORING_EVENT_JUMP:
    case PY_MONITORING_EVENT_BRANCH:
    case PY_MONITORING_EVENT_BRANCH_LEFT:
    case PY_MONITORING_EVENT_BRANCH_RIGHT:
    case PY_MONITORING_EVENT_LINE:
        return 0;
    case PY_MONITORING_EVENT_PY_START:
        PyErr_SetString(PyExc_ValueError,
                        "can't jump from the 'call' trace event of a new frame");
        return -1;
    case PY_MONITORING_EVENT_CALL:
    case PY_MONITORING_EVENT_C_RETURN:
        PyErr_SetString(PyExc_ValueError, "can't jump during a call");
        return -1;
    case PY_MONITORING_EVENT_PY_RETURN:
    case PY_MONITORING_EVENT_PY_YIELD:
    case PY_MONITORING_EVENT_PY_UNWIND:
    case PY_MONITORING_EVENT_PY_THROW:
    case PY_MONITORING_EVENT_RAISE:
    case PY_MONITORING_EVENT_C_RAISE:
    case PY_MONITORING_EVENT_INSTRUCTION:
    case PY_MONITORING_EVENT_EXCEPTION_HANDLED:
        PyErr_SetString(PyExc_ValueError,
                        "can only jump from a 'line' trace event");
        return -1;
    default:
        PyErr_SetString(PyExc_SystemError, "unexpected event type");
        return -1;
    }
}

/* Pop the frame's stack down to `depth` slots described by `from`;
   a saved exc_info slot is restored as POP_EXCEPT would (a generator also
   leaves the handler in its count).  Runs in the trace function, on the
   thread executing the frame: no other thread touches its stack, the
   thread's exc_info or the generator (it is EXECUTING). */
static void unwind_stack_to(PyThreadState *tstate, _PyInterpreterFrame *frame,
                            kind_stack from, int depth)
{
    int base = _PyFrame_GetCode(frame)->co_nlocalsplus;
    while (from.depth > depth) {
        PyObject *v = frame->localsplus[--frame->stacktop];
        frame->localsplus[frame->stacktop] = NULL;
        if (ks_top(from) == KIND_EXCEPT) {
            if (frame->owner == FRAME_OWNED_BY_GENERATOR) {
                /* Leaving the handler as POP_EXCEPT would: the generator
                   counts the handlers it is inside. */
                v = _PyGen_HandlerLeft(frame, v);
            }
            PyObject *old = tstate->exc_info_value;
            tstate->exc_info_value = (v == Py_None) ? NULL : v;
            if (v == Py_None) {
                Py_DECREF(v);
            }
            Py_XDECREF(old);
        }
        else {
            _PyStackRef_XClose(v);
        }
        from = ks_pop(from);
        if (frame->stacktop <= base) {
            break;
        }
    }
}

/* The slots left on the stack by a jump are consumed by code the
   compiler did not check them against (pycore_stackref.h): each
   borrowed one takes a reference of its own. */
static void own_borrowed_slots(_PyInterpreterFrame *frame)
{
    int base = _PyFrame_GetCode(frame)->co_nlocalsplus;
    for (int i = base; i < frame->stacktop; i++) {
        frame->localsplus[i] = _PyStackRef_Steal(frame->localsplus[i]);
    }
}

/* After a jump every unbound local (cells and free variables aside,
   which hold their cell from the start) gets None, as in CPython, so no
   load can meet a NULL the compiler proved impossible at the target; a
   RuntimeWarning says how many, before anything is written (under
   -Werror the jump is refused with nothing changed). */
static int bind_unchecked_locals(_PyInterpreterFrame *frame)
{
    PyCodeObject *code = _PyFrame_GetCode(frame);
    int n = code->co_nlocalsplus, unbound = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < n; i++) {
            _PyLocals_Kind kind = _PyLocals_GetKind(code->co_localspluskinds, i);
            if (frame->localsplus[i] != NULL
                    || (kind & (CO_FAST_CELL | CO_FAST_FREE))) {
                continue;
            }
            if (pass == 0) {
                unbound++;
            }
            else {
                frame->localsplus[i] = Py_NewRef(Py_None);
            }
        }
        if (pass == 0 && unbound == 0) {
            return 0;
        }
        if (pass == 0 && PyErr_WarnFormat(PyExc_RuntimeWarning, 0,
                                          "assigning None to %d unbound "
                                          "local%s", unbound,
                                          unbound == 1 ? "" : "s") < 0) {
            return -1;
        }
    }
    return 0;
}

static int frame_set_lineno(PyObject *op, PyObject *value, void *closure)
{
    (void)closure;
    PyFrameObject *f = (PyFrameObject *)op;
    PyThreadState *tstate = _PyThreadState_GET();
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete attribute");
        return -1;
    }
    if (!PyLong_CheckExact(value)) {
        PyErr_SetString(PyExc_ValueError, "lineno must be an integer");
        return -1;
    }
    if (check_jump_event(tstate) < 0) {
        return -1;
    }
    _PyInterpreterFrame *frame = f->f_frame;
    /* Only the frame whose event is being delivered is stopped at an
       instruction boundary the dispatch loop re-reads. */
    if (frame == NULL || frame->owner == FRAME_OWNED_BY_FRAME_OBJECT
            || frame != _PyInstrument_EventFrame()) {
        PyErr_SetString(PyExc_ValueError, "can't jump during a call");
        return -1;
    }
    int overflow;
    long requested = PyLong_AsLongAndOverflow(value, &overflow);
    if (overflow || requested > INT_MAX || requested < INT_MIN) {
        PyErr_SetString(PyExc_ValueError, "lineno out of range");
        return -1;
    }
    PyCodeObject *code = _PyFrame_GetCode(frame);
    if (requested < code->co_firstlineno) {
        PyErr_Format(PyExc_ValueError,
                     "line %ld comes before the current code block", requested);
        return -1;
    }
    int len = (int)Py_SIZE(code);
    int *starts = mark_line_starts(code);
    if (starts == NULL) {
        return -1;
    }
    int line = INT_MAX;
    for (int i = 0; i < len; i++) {
        if (starts[i] >= requested && starts[i] < line) {
            line = starts[i];
        }
    }
    if (line == INT_MAX) {
        PyMem_Free(starts);
        PyErr_Format(PyExc_ValueError,
                     "line %ld comes after the current code block", requested);
        return -1;
    }
    kind_stack *stacks = mark_stacks(code);
    if (stacks == NULL) {
        PyMem_Free(starts);
        return -1;
    }
    int here = _PyInterpreterFrame_LASTI(frame);
    kind_stack from = stacks[here];
    int best = -1;
    /* As CPython: the first incompatible target that explains itself
       gives the message. */
    const char *msg = "cannot find bytecode for specified line";
    int explained = 0;
    for (int i = 0; i < len; i++) {
        if (starts[i] != line) {
            continue;
        }
        if (compatible_stacks(from, stacks[i])) {
            if (best < 0 || stacks[i].depth > stacks[best].depth) {
                best = i;
            }
        }
        else if (best < 0 && !explained) {
            explained = from.bits != STACK_UNKNOWN;
            msg = from.bits == STACK_UNKNOWN ? "can't jump from unreachable code"
                  : why_incompatible(from, stacks[i]);
        }
    }
    kind_stack target = best >= 0 ? stacks[best] : from;
    PyMem_Free(starts);
    PyMem_Free(stacks);
    if (best < 0) {
        PyErr_SetString(PyExc_ValueError, msg);
        return -1;
    }
    if (from.depth != frame->stacktop - code->co_nlocalsplus) {
        PyErr_SetString(PyExc_ValueError, "can't jump during a call");
        return -1;
    }
    unwind_stack_to(tstate, frame, from, target.depth);
    own_borrowed_slots(frame);
    if (bind_unchecked_locals(frame) < 0) {
        return -1;
    }
    f->f_lineno = line;
    frame->instr_ptr = _PyCode_CODE(code) + best;
    return 0;
}

static PyObject *frame_get_trace_flag(PyObject *op, void *closure)
{
    PyFrameObject *f = (PyFrameObject *)op;
    char flag = closure ? f->f_trace_opcodes : f->f_trace_lines;
    return Py_NewRef(flag ? Py_True : Py_False);
}

/* closure: NULL for f_trace_lines, non-NULL for f_trace_opcodes. */
static int frame_set_trace_flag(PyObject *op, PyObject *value, void *closure)
{
    PyFrameObject *f = (PyFrameObject *)op;
    if (value == NULL || !PyBool_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "attribute value type must be bool");
        return -1;
    }
    if (closure) {
        f->f_trace_opcodes = value == Py_True;
    }
    else {
        f->f_trace_lines = value == Py_True;
    }
    return 0;
}

static PyObject *frame_get_generator(PyObject *op, void *closure);

/* clear() on the frame of a generator that has not started (or has
   finished) finalizes the generator, as CPython does: a plain generator
   is closed (it will not start any more), a coroutine never awaited gets
   its RuntimeWarning there. */
static int frame_finalize_generator(PyObject *op)
{
    PyObject *gen = frame_get_generator(op, NULL);
    if (gen == NULL) {
        return -1;
    }
    int rc = 0;
    if (PyGen_CheckExact(gen)) {
        PyObject *res = PyObject_CallMethod(gen, "close", NULL);
        rc = res == NULL ? -1 : 0;
        Py_XDECREF(res);
    }
    else if (Py_TYPE(gen)->tp_finalize != NULL) {
        Py_TYPE(gen)->tp_finalize(gen);
        rc = PyErr_Occurred() ? -1 : 0;
    }
    Py_DECREF(gen);
    return rc;
}

static PyObject *frame_clear(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyFrameObject *f = (PyFrameObject *)op;
    _PyInterpreterFrame *frame = f->f_frame;
    if (frame != NULL && frame->owner == FRAME_OWNED_BY_GENERATOR
            && frame->previous == NULL && frame->yielded) {
        PyErr_SetString(PyExc_RuntimeError, "cannot clear a suspended frame");
        return NULL;
    }
    if (frame != NULL && frame->owner != FRAME_OWNED_BY_FRAME_OBJECT
            && (frame->owner == FRAME_OWNED_BY_THREAD || frame->previous != NULL)) {
        PyErr_SetString(PyExc_RuntimeError, "cannot clear an executing frame");
        return NULL;
    }
    if (frame != NULL && frame->owner == FRAME_OWNED_BY_GENERATOR
            && frame_finalize_generator(op) < 0) {
        return NULL;
    }
    (void)frame_set_trace(op, Py_None, NULL);
    if (frame != NULL && frame->owner == FRAME_OWNED_BY_FRAME_OBJECT) {
        int n = frame->stacktop;
        frame->stacktop = 0;
        for (int i = 0; i < n; i++) {
            PyObject *v = frame->localsplus[i];
            frame->localsplus[i] = NULL;
            _PyStackRef_XClose(v);
        }
        if (_PyFrame_GetCode(frame)->co_flags & CO_OPTIMIZED) {
            Py_CLEAR(frame->f_locals);
        }
    }
    Py_CLEAR(f->f_extra_locals);
    Py_CLEAR(f->f_locals_cache);
    Py_CLEAR(f->f_overwritten);
    Py_RETURN_NONE;
}

/* Where a generator object keeps its frame.  Objects/genobject.c does not
   export its layout (nor a frame-to-generator accessor), so the offset is
   measured once on a generator expression; every generator, coroutine and
   async generator shares that layout.  Written once with an atomic store. */
static Py_ssize_t generator_frame_offset = -1;

static Py_ssize_t measure_generator_frame_offset(void)
{
    Py_ssize_t offset = __atomic_load_n(&generator_frame_offset,
                                        __ATOMIC_ACQUIRE);
    if (offset >= 0) {
        return offset;
    }
    PyObject *globals = PyDict_New();
    PyObject *gen = globals ? PyRun_String("(x for x in ())", Py_eval_input,
                                           globals, globals) : NULL;
    Py_XDECREF(globals);
    if (gen == NULL) {
        return -1;
    }
    PyObject *frame = PyObject_GetAttrString(gen, "gi_frame");
    if (frame != NULL && PyFrame_Check(frame)) {
        offset = (char *)((PyFrameObject *)frame)->f_frame - (char *)gen;
        __atomic_store_n(&generator_frame_offset, offset, __ATOMIC_RELEASE);
    }
    else if (frame != NULL) {
        PyErr_SetString(PyExc_SystemError, "generator without a frame");
    }
    Py_XDECREF(frame);
    Py_DECREF(gen);
    return offset;
}

/* f_generator (3.14): the generator or coroutine running this frame. */
static PyObject *frame_get_generator(PyObject *op, void *closure)
{
    (void)closure;
    _PyInterpreterFrame *frame = ((PyFrameObject *)op)->f_frame;
    if (frame == NULL || frame->owner != FRAME_OWNED_BY_GENERATOR) {
        Py_RETURN_NONE;
    }
    Py_ssize_t offset = measure_generator_frame_offset();
    if (offset < 0) {
        return NULL;
    }
    return Py_NewRef((PyObject *)((char *)frame - offset));
}

static PyMethodDef frame_methods[] = {
    {"clear", frame_clear, METH_NOARGS,
     "clear($self, /)\n--\n\nClear all references held by the frame."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef frame_getset[] = {
    {"f_code", frame_get_code, NULL, NULL, NULL},
    {"f_globals", frame_get_globals, NULL, NULL, NULL},
    {"f_builtins", frame_get_builtins, NULL, NULL, NULL},
    {"f_locals", frame_get_locals, NULL, NULL, NULL},
    {"f_lineno", frame_get_lineno, frame_set_lineno, NULL, NULL},
    {"f_generator", frame_get_generator, NULL, NULL, NULL},
    {"f_trace_lines", frame_get_trace_flag, frame_set_trace_flag, NULL, NULL},
    {"f_trace_opcodes", frame_get_trace_flag, frame_set_trace_flag, NULL,
     (void *)1},
    {"f_lasti", frame_get_lasti, NULL, NULL, NULL},
    {"f_back", frame_get_back, NULL, NULL, NULL},
    {"f_trace", frame_get_trace, frame_set_trace, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyObject *frame_repr(PyObject *op)
{
    PyFrameObject *f = (PyFrameObject *)op;
    PyCodeObject *code = _PyFrame_GetCode(f->f_frame);
    return PyUnicode_FromFormat("<frame at %p, file %R, line %d, code %U>", op,
                                code->co_filename, PyFrame_GetLineNumber(f),
                                code->co_name);
}

PyTypeObject PyFrame_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "frame",
    .tp_basicsize = offsetof(PyFrameObject, _f_frame_data)
                    + offsetof(_PyInterpreterFrame, localsplus),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = frame_dealloc,
    .tp_repr = frame_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = frame_traverse,
    .tp_getset = frame_getset,
    .tp_methods = frame_methods,
};
