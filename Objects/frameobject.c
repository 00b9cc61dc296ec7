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
#include "pycore_object.h"
#include "pycore_pystate.h"
#include "pycore_dict.h"

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
    f->f_lineno = 0;
    f->f_trace_lines = 1;
    f->f_trace_opcodes = 0;
    PyObject_GC_Track(f);
    return f;
}

void _PyFrame_TakeOwnership(PyFrameObject *f, _PyInterpreterFrame *frame)
{
    _PyInterpreterFrame *dest = (_PyInterpreterFrame *)f->_f_frame_data;
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

static void frame_dealloc(PyObject *op)
{
    PyFrameObject *f = (PyFrameObject *)op;
    PyObject_GC_UnTrack(op);
    _PyInterpreterFrame *frame = f->f_frame;
    if (frame != NULL && frame->owner == FRAME_OWNED_BY_FRAME_OBJECT) {
        _PyFrame_ClearExceptCode(frame);
        Py_CLEAR(frame->f_executable);
    }
    Py_CLEAR(f->f_back);
    Py_CLEAR(f->f_trace);
    Py_CLEAR(f->f_extra_locals);
    Py_CLEAR(f->f_locals_cache);
    PyObject_GC_Del(op);
}

static int frame_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyFrameObject *f = (PyFrameObject *)op;
    Py_VISIT(f->f_back);
    Py_VISIT(f->f_trace);
    Py_VISIT(f->f_extra_locals);
    Py_VISIT(f->f_locals_cache);
    _PyInterpreterFrame *frame = f->f_frame;
    if (frame != NULL && frame->owner == FRAME_OWNED_BY_FRAME_OBJECT) {
        Py_VISIT(frame->f_executable);
        Py_VISIT(frame->f_funcobj);
        Py_VISIT(frame->f_locals);
        for (int i = 0; i < frame->stacktop; i++) {
            Py_VISIT(frame->localsplus[i]);
        }
    }
    return 0;
}

/* ---- FrameLocalsProxy (PEP 667) -------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyFrameObject *frame;
} proxyobject;

/* The fast slot named `key` (hidden comprehension slots excluded), or -1. */
static int proxy_slot(PyFrameObject *f, PyObject *key)
{
    if (!PyUnicode_Check(key)) {
        return -1;
    }
    PyCodeObject *co = _PyFrame_GetCode(f->f_frame);
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        _PyLocals_Kind kind = _PyLocals_GetKind(co->co_localspluskinds, i);
        if (kind & CO_FAST_HIDDEN) {
            continue;
        }
        PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
        if (name == key || PyUnicode_Compare(name, key) == 0) {
            return i;
        }
    }
    return -1;
}

/* The value in slot i (borrowed), dereferencing cells; NULL if unbound. */
static PyObject *slot_value(PyFrameObject *f, int i)
{
    PyCodeObject *co = _PyFrame_GetCode(f->f_frame);
    _PyLocals_Kind kind = _PyLocals_GetKind(co->co_localspluskinds, i);
    PyObject *value = f->f_frame->localsplus[i];
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

static int proxy_setitem(PyObject *op, PyObject *key, PyObject *value)
{
    PyFrameObject *f = ((proxyobject *)op)->frame;
    int i = proxy_slot(f, key);
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
        Py_XSETREF(*slot, Py_NewRef(value));
        return 0;
    }
    if (f->f_extra_locals == NULL) {
        f->f_extra_locals = PyDict_New();
        if (f->f_extra_locals == NULL) {
            return -1;
        }
    }
    return PyDict_SetItem(f->f_extra_locals, key, value);
}

/* A dict copy: bound fast locals in slot order, then the extra names. */
static PyObject *proxy_copy(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyFrameObject *f = ((proxyobject *)op)->frame;
    PyObject *dict = _PyFrame_GetLocalsDict(f->f_frame);
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

static PyObject *proxy_view(PyObject *op, const char *method)
{
    PyObject *dict = proxy_copy(op, NULL);
    if (dict == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_CallMethod(dict, method, NULL);
    Py_DECREF(dict);
    return result;
}

static PyObject *proxy_keys(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return proxy_view(op, "keys");
}

static PyObject *proxy_values(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return proxy_view(op, "values");
}

static PyObject *proxy_items(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return proxy_view(op, "items");
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

static PyObject *proxy_repr(PyObject *op)
{
    PyObject *dict = proxy_copy(op, NULL);
    if (dict == NULL) {
        return NULL;
    }
    PyObject *repr = PyObject_Repr(dict);
    Py_DECREF(dict);
    return repr;
}

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
    {"values", proxy_values, METH_NOARGS, NULL},
    {"items", proxy_items, METH_NOARGS, NULL},
    {"copy", proxy_copy, METH_NOARGS, NULL},
    {"get", _PyCFunction_CAST(proxy_get), METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyFrameLocalsProxy_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "FrameLocalsProxy",
    .tp_basicsize = sizeof(proxyobject),
    .tp_dealloc = proxy_dealloc,
    .tp_repr = proxy_repr,
    .tp_as_sequence = &proxy_as_sequence,
    .tp_as_mapping = &proxy_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_MAPPING,
    .tp_traverse = proxy_traverse,
    .tp_iter = proxy_iter,
    .tp_methods = proxy_methods,
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

PyObject *PyFrame_GetLocals(PyFrameObject *f)
{
    _PyInterpreterFrame *frame = f->f_frame;
    if (!(_PyFrame_GetCode(frame)->co_flags & CO_OPTIMIZED)
            && frame->f_locals != NULL) {
        return Py_NewRef(frame->f_locals);
    }
    return frame_locals_proxy_new(f);
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

static PyGetSetDef frame_getset[] = {
    {"f_code", frame_get_code, NULL, NULL, NULL},
    {"f_globals", frame_get_globals, NULL, NULL, NULL},
    {"f_builtins", frame_get_builtins, NULL, NULL, NULL},
    {"f_locals", frame_get_locals, NULL, NULL, NULL},
    {"f_lineno", frame_get_lineno, NULL, NULL, NULL},
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
};
