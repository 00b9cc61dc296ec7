/* Traceback objects: one entry per frame an exception passed through,
   newest first in memory (tb_next points towards the frame that raised).
   Immutable once linked except tb_next, which Python code may set; it is
   swapped under the object's critical section. */
#include "Python.h"
#include "pycore_frame.h"
#include "pycore_object.h"
#include "pycore_pystate.h"

/* tb_lineno before its first read: PyTraceBack_Here leaves it to be
   computed from tb_lasti, since most tracebacks (an exception caught in a
   loop) are dropped without anyone asking for a line.  The constructor
   takes -1 to mean the same, as CPython's does. */
#define TB_LINENO_UNKNOWN (-1)

static PyObject *tb_create(PyTracebackObject *next, PyFrameObject *frame,
                           int lasti, int lineno)
{
    PyTracebackObject *tb = PyObject_GC_New(PyTracebackObject, &PyTraceBack_Type);
    if (tb == NULL) {
        return NULL;
    }
    tb->tb_next = (PyTracebackObject *)Py_XNewRef((PyObject *)next);
    tb->tb_frame = (PyFrameObject *)Py_NewRef((PyObject *)frame);
    tb->tb_lasti = lasti;
    tb->tb_lineno = lineno;
    PyObject_GC_Track(tb);
    return (PyObject *)tb;
}

int PyTraceBack_Here(PyFrameObject *frame)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) {
        return 0;
    }
    PyObject *tb = PyException_GetTraceback(exc);
    int lasti = _PyInterpreterFrame_LASTI(frame->f_frame);
    /* A line set by a trace function (f_lineno) is not derived from
       lasti, so it is taken now. */
    int lineno = frame->f_lineno != 0 ? frame->f_lineno : TB_LINENO_UNKNOWN;
    PyObject *newtb = tb_create((PyTracebackObject *)tb, frame,
                                lasti * (int)sizeof(_Py_CODEUNIT), lineno);
    Py_XDECREF(tb);
    if (newtb == NULL) {
        _PyErr_ChainExceptions1(exc);
        return -1;
    }
    PyException_SetTraceback(exc, newtb);
    Py_DECREF(newtb);
    PyErr_SetRaisedException(exc);
    return 0;
}

/* A traceback is a chain as long as the stack that raised: the trashcan
   bounds the C recursion of freeing it (tb_next). */
static void tb_dealloc(PyObject *op)
{
    PyTracebackObject *tb = (PyTracebackObject *)op;
    PyObject_GC_UnTrack(op);
    Py_TRASHCAN_BEGIN(tb, tb_dealloc)
    Py_CLEAR(tb->tb_next);
    Py_CLEAR(tb->tb_frame);
    PyObject_GC_Del(op);
    Py_TRASHCAN_END
}

static int tb_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyTracebackObject *tb = (PyTracebackObject *)op;
    Py_VISIT(tb->tb_next);
    Py_VISIT(tb->tb_frame);
    return 0;
}

static int tb_clear(PyObject *op)
{
    PyTracebackObject *tb = (PyTracebackObject *)op;
    Py_CLEAR(tb->tb_next);
    Py_CLEAR(tb->tb_frame);
    return 0;
}

static PyObject *tb_get_next(PyObject *op, void *closure)
{
    (void)closure;
    PyObject *next;
    Py_BEGIN_CRITICAL_SECTION(op);
    next = (PyObject *)((PyTracebackObject *)op)->tb_next;
    next = Py_NewRef(next ? next : Py_None);
    Py_END_CRITICAL_SECTION();
    return next;
}

static int tb_set_next(PyObject *op, PyObject *value, void *closure)
{
    (void)closure;
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (value == Py_None) {
        value = NULL;
    }
    else if (!PyTraceBack_Check(value)) {
        PyErr_Format(PyExc_TypeError,
                     "expected traceback object or None, got '%s'",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    for (PyObject *cursor = value; cursor != NULL;
         cursor = (PyObject *)((PyTracebackObject *)cursor)->tb_next) {
        if (cursor == op) {
            PyErr_SetString(PyExc_ValueError, "traceback loop detected");
            return -1;
        }
    }
    PyObject *old;
    Py_BEGIN_CRITICAL_SECTION(op);
    old = (PyObject *)((PyTracebackObject *)op)->tb_next;
    ((PyTracebackObject *)op)->tb_next = (PyTracebackObject *)Py_XNewRef(value);
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(old);
    return 0;
}

/* The entry's line, computed at the first read.  tb_frame's code and
   tb_lasti never change, so threads racing here store the same value
   (relaxed atomics: no other memory is published through it). */
static int tb_line(PyTracebackObject *tb)
{
    int lineno = __atomic_load_n(&tb->tb_lineno, __ATOMIC_RELAXED);
    if (lineno != TB_LINENO_UNKNOWN) {
        return lineno;
    }
    PyCodeObject *code = _PyFrame_GetCode(tb->tb_frame->f_frame);
    lineno = PyCode_Addr2Line(code, tb->tb_lasti);
    __atomic_store_n(&tb->tb_lineno, lineno, __ATOMIC_RELAXED);
    return lineno;
}

/* None for an instruction without a line (a given line is kept as it
   is, negative or not). */
static PyObject *tb_get_lineno(PyObject *op, void *closure)
{
    (void)closure;
    int lineno = tb_line((PyTracebackObject *)op);
    if (lineno == TB_LINENO_UNKNOWN) {
        Py_RETURN_NONE;
    }
    return PyLong_FromLong(lineno);
}

static PyGetSetDef tb_getset[] = {
    {"tb_next", tb_get_next, tb_set_next, NULL, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef tb_members[] = {
    {"tb_frame", _Py_T_OBJECT, offsetof(PyTracebackObject, tb_frame),
     Py_READONLY, NULL},
    {"tb_lasti", Py_T_INT, offsetof(PyTracebackObject, tb_lasti), Py_READONLY,
     NULL},
    {NULL, 0, 0, 0, NULL},
};

/* dir(tb) lists only the four tb_* attributes, as CPython's does. */
static PyObject *tb_dir(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    (void)self;
    return Py_BuildValue("[ssss]", "tb_frame", "tb_next", "tb_lasti",
                         "tb_lineno");
}

static PyMethodDef tb_methods[] = {
    {"__dir__", tb_dir, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyObject *tb_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    (void)type;
    static char *keywords[] = {"tb_next", "tb_frame", "tb_lasti", "tb_lineno",
                               NULL};
    PyObject *next;
    PyObject *frame;
    int lasti, lineno;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO!ii:traceback", keywords,
                                     &next, &PyFrame_Type, &frame, &lasti,
                                     &lineno)) {
        return NULL;
    }
    if (next == Py_None) {
        next = NULL;
    }
    else if (!PyTraceBack_Check(next)) {
        PyErr_Format(PyExc_TypeError,
                     "expected traceback object or None, got '%s'",
                     Py_TYPE(next)->tp_name);
        return NULL;
    }
    return tb_create((PyTracebackObject *)next, (PyFrameObject *)frame, lasti,
                     lineno);
}

PyTypeObject PyTraceBack_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "traceback",
    .tp_basicsize = sizeof(PyTracebackObject),
    .tp_dealloc = tb_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "traceback(tb_next, tb_frame, tb_lasti, tb_lineno)\n--\n\n"
              "Create a new traceback object.",
    .tp_traverse = tb_traverse,
    .tp_clear = tb_clear,
    .tp_methods = tb_methods,
    .tp_members = tb_members,
    .tp_getset = tb_getset,
    .tp_new = tb_new,
};

static int write_str(PyObject *file, PyObject *text)
{
    if (text == NULL) {
        return -1;
    }
    PyObject *res = PyObject_CallMethod(file, "write", "O", text);
    Py_DECREF(text);
    if (res == NULL) {
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

/* "Traceback (most recent call last):" and one "  File ..., line N, in
   name" line (plus the source line when readable) per entry. */
int PyTraceBack_Print(PyObject *v, PyObject *f)
{
    if (v == NULL) {
        return 0;
    }
    if (!PyTraceBack_Check(v)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (write_str(f, PyUnicode_FromString("Traceback (most recent call last):\n")) < 0) {
        return -1;
    }
    for (PyTracebackObject *tb = (PyTracebackObject *)v; tb != NULL;
         tb = tb->tb_next) {
        PyCodeObject *code = _PyFrame_GetCode(tb->tb_frame->f_frame);
        if (write_str(f, PyUnicode_FromFormat("  File \"%U\", line %d, in %U\n",
                                              code->co_filename, tb_line(tb),
                                              code->co_name)) < 0) {
            return -1;
        }
        PyObject *line = PyErr_ProgramTextObject(code->co_filename,
                                                 tb_line(tb));
        if (line == NULL) {
            PyErr_Clear();
            continue;
        }
        PyObject *stripped = PyObject_CallMethod(line, "strip", NULL);
        Py_DECREF(line);
        if (stripped == NULL) {
            return -1;
        }
        if (PyUnicode_GET_LENGTH(stripped) > 0) {
            if (write_str(f, PyUnicode_FromFormat("    %U\n", stripped)) < 0) {
                Py_DECREF(stripped);
                return -1;
            }
        }
        Py_DECREF(stripped);
    }
    return 0;
}
