/* _io.StringIO: a text stream over an in-memory buffer of code points.

   The text is kept as an array of Py_UCS4 so that writes after a seek
   overwrite in place; getvalue() builds the compact str.

   Newline handling (the `newline` argument): None translates "\r\n" and
   "\r" to "\n" as text is written and splits lines on "\n"; "" keeps
   the text and splits lines on any of the three; "\n" does nothing;
   "\r" and "\r\n" turn each written "\n" into that string and split
   lines on it.

   Thread safety: every method runs inside the object's critical section. */
#include "Python.h"
#include "pycore_object.h"
#include "_iomodule.h"
#include "memio_common.h"

enum { SEEN_LF = 1, SEEN_CR = 2, SEEN_CRLF = 4 };

typedef struct {
    IOBASE_HEAD
    Py_UCS4 *buf;
    Py_ssize_t size;
    Py_ssize_t alloc;
    Py_ssize_t pos;
    char ok;
    char closed;
    char readuniversal;
    char readtranslate;
    int readnl_mode;            /* for _PyIO_FindLineEnd */
    int seen;
    PyObject *writenl;          /* replacement for '\n' on write, or NULL */
} stringio;

#define STRINGIO(op) ((stringio *)(op))

static int check_ready(stringio *self)
{
    if (!self->ok) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on uninitialized object");
        return -1;
    }
    if (self->closed) {
        /* StringIO's message has no full stop, as in CPython. */
        PyErr_SetString(PyExc_ValueError, "I/O operation on closed file");
        return -1;
    }
    return 0;
}

static int reserve(stringio *self, Py_ssize_t needed)
{
    if (needed <= self->alloc) {
        return 0;
    }
    Py_ssize_t alloc = self->alloc < 32 ? 32 : self->alloc;
    while (alloc < needed) {
        if (alloc > PY_SSIZE_T_MAX / 2 / (Py_ssize_t)sizeof(Py_UCS4)) {
            PyErr_NoMemory();
            return -1;
        }
        alloc *= 2;
    }
    Py_UCS4 *grown = PyMem_Realloc(self->buf, (size_t)alloc * sizeof(Py_UCS4));
    if (grown == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->buf = grown;
    self->alloc = alloc;
    return 0;
}

/* Record the newlines in text; with translation, a new str with "\r\n"
   and "\r" made "\n".  Returns a new reference. */
static PyObject *note_newlines(stringio *self, PyObject *text)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    int has_cr = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch == '\n') {
            self->seen |= SEEN_LF;
        }
        else if (ch == '\r') {
            has_cr = 1;
            if (i + 1 < len && PyUnicode_READ(kind, data, i + 1) == '\n') {
                self->seen |= SEEN_CRLF;
                i++;
            }
            else {
                self->seen |= SEEN_CR;
            }
        }
    }
    if (!self->readtranslate || !has_cr) {
        return Py_NewRef(text);
    }
    PyObject *crlf = PyUnicode_FromString("\r\n");
    PyObject *cr = PyUnicode_FromString("\r");
    PyObject *lf = PyUnicode_FromString("\n");
    PyObject *step = crlf && cr && lf ? PyUnicode_Replace(text, crlf, lf, -1) : NULL;
    PyObject *res = step ? PyUnicode_Replace(step, cr, lf, -1) : NULL;
    Py_XDECREF(step);
    Py_XDECREF(crlf);
    Py_XDECREF(cr);
    Py_XDECREF(lf);
    return res;
}

static Py_ssize_t write_locked(stringio *self, PyObject *text)
{
    Py_ssize_t original = PyUnicode_GET_LENGTH(text);
    PyObject *owned = NULL;
    if (self->readuniversal) {
        owned = note_newlines(self, text);
        if (owned == NULL) {
            return -1;
        }
        text = owned;
    }
    if (self->writenl != NULL
            && PyUnicode_FindChar(text, '\n', 0, PyUnicode_GET_LENGTH(text), 1) >= 0) {
        PyObject *lf = PyUnicode_FromString("\n");
        PyObject *replaced = lf ? PyUnicode_Replace(text, lf, self->writenl, -1) : NULL;
        Py_XDECREF(lf);
        Py_XDECREF(owned);
        if (replaced == NULL) {
            return -1;
        }
        owned = text = replaced;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    if (len > 0) {
        if (self->pos > PY_SSIZE_T_MAX - len || reserve(self, self->pos + len) < 0) {
            Py_XDECREF(owned);
            if (!PyErr_Occurred()) {
                PyErr_NoMemory();
            }
            return -1;
        }
        for (Py_ssize_t i = self->size; i < self->pos; i++) {
            self->buf[i] = 0;
        }
        if (PyUnicode_AsUCS4(text, self->buf + self->pos, len, 0) == NULL) {
            Py_XDECREF(owned);
            return -1;
        }
        self->pos += len;
        if (self->pos > self->size) {
            self->size = self->pos;
        }
    }
    Py_XDECREF(owned);
    return original;
}

static int stringio_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"initial_value", "newline", NULL};
    PyObject *value = NULL, *newline = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:StringIO", kwlist,
                                     &value, &newline)) {
        return -1;
    }
    const char *nl = "\n";
    if (newline != NULL && newline != Py_None) {
        if (!PyUnicode_Check(newline)) {
            PyErr_Format(PyExc_TypeError, "newline must be str or None, not %.200s",
                         Py_TYPE(newline)->tp_name);
            return -1;
        }
        nl = PyUnicode_AsUTF8(newline);
        if (nl == NULL) {
            return -1;
        }
        if (strcmp(nl, "") != 0 && strcmp(nl, "\n") != 0 && strcmp(nl, "\r") != 0
                && strcmp(nl, "\r\n") != 0) {
            PyErr_Format(PyExc_ValueError, "illegal newline value: %R", newline);
            return -1;
        }
    }
    else if (newline == Py_None) {
        nl = NULL;
    }
    if (value != NULL && value != Py_None && !PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError,
                     "initial_value must be str or None, not %.200s",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    int rc = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    stringio *self = STRINGIO(op);
    self->size = self->pos = 0;
    self->seen = 0;
    self->closed = 0;
    self->readuniversal = nl == NULL || nl[0] == '\0';
    self->readtranslate = nl == NULL;
    if (nl == NULL) {
        self->readnl_mode = '\n';
    }
    else if (nl[0] == '\0') {
        self->readnl_mode = 0;
    }
    else {
        self->readnl_mode = strcmp(nl, "\r\n") == 0 ? 'R' : nl[0];
    }
    Py_CLEAR(self->writenl);
    if (nl != NULL && nl[0] == '\r') {
        self->writenl = Py_NewRef(newline);
    }
    self->ok = 1;
    if (value != NULL && value != Py_None && PyUnicode_GET_LENGTH(value) > 0) {
        rc = write_locked(self, value) < 0 ? -1 : 0;
        self->pos = 0;
    }
    Py_END_CRITICAL_SECTION();
    return rc;
}

static PyObject *substring(stringio *self, Py_ssize_t start, Py_ssize_t end)
{
    if (end <= start) {
        return Py_NewRef(_PyIO_empty_str);
    }
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, self->buf + start,
                                     end - start);
}

static PyObject *stringio_getvalue(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    stringio *self = STRINGIO(op);
    if (check_ready(self) == 0) {
        res = substring(self, 0, self->size);
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *stringio_read(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t size = -1;
    if (!_PyArg_CheckPositional("read", nargs, 0, 1)
            || _PyIO_ConvertSize(nargs ? args[0] : NULL, &size) < 0) {
        return NULL;
    }
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    stringio *self = STRINGIO(op);
    if (check_ready(self) == 0) {
        Py_ssize_t avail = self->size > self->pos ? self->size - self->pos : 0;
        if (size < 0 || size > avail) {
            size = avail;
        }
        res = substring(self, self->pos, self->pos + size);
        if (res != NULL) {
            self->pos += size;
        }
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

/* One line from the position; lock held. */
static PyObject *readline_locked(stringio *self, Py_ssize_t limit)
{
    if (self->pos >= self->size) {
        return Py_NewRef(_PyIO_empty_str);
    }
    Py_ssize_t end = self->size;
    if (limit >= 0 && self->pos + limit < end) {
        end = self->pos + limit;
    }
    Py_ssize_t line_end = _PyIO_FindLineEnd(PyUnicode_4BYTE_KIND, self->buf,
                                            self->pos, end, self->readnl_mode, 1);
    if (line_end < 0) {
        line_end = end;
    }
    PyObject *res = substring(self, self->pos, line_end);
    if (res != NULL) {
        self->pos = line_end;
    }
    return res;
}

static PyObject *stringio_readline(PyObject *op, PyObject *const *args,
                                   Py_ssize_t nargs)
{
    Py_ssize_t limit = -1;
    if (!_PyArg_CheckPositional("readline", nargs, 0, 1)
            || _PyIO_ConvertSize(nargs ? args[0] : NULL, &limit) < 0) {
        return NULL;
    }
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    stringio *self = STRINGIO(op);
    if (check_ready(self) == 0) {
        res = readline_locked(self, limit);
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *stringio_iternext(PyObject *op)
{
    PyObject *line = NULL;
    if (Py_IS_TYPE(op, &PyStringIO_Type)) {
        Py_BEGIN_CRITICAL_SECTION(op);
        stringio *self = STRINGIO(op);
        if (check_ready(self) == 0) {
            line = readline_locked(self, -1);
        }
        Py_END_CRITICAL_SECTION();
    }
    else {
        line = PyObject_CallMethodNoArgs(op, _PyIO_str_readline);
        if (line != NULL && !PyUnicode_Check(line)) {
            PyErr_Format(PyExc_OSError, "readline() should have returned a str "
                         "object, not '%.200s'", Py_TYPE(line)->tp_name);
            Py_CLEAR(line);
        }
    }
    if (line != NULL && PyUnicode_GET_LENGTH(line) == 0) {
        Py_CLEAR(line);
    }
    return line;
}

static PyObject *stringio_write(PyObject *op, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "string argument expected, got '%s'",
                     Py_TYPE(text)->tp_name);
        return NULL;
    }
    Py_ssize_t n = -1;
    Py_BEGIN_CRITICAL_SECTION(op);
    stringio *self = STRINGIO(op);
    if (check_ready(self) == 0) {
        n = write_locked(self, text);
    }
    Py_END_CRITICAL_SECTION();
    return n < 0 ? NULL : PyLong_FromSsize_t(n);
}

static PyObject *stringio_seek(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("seek", nargs, 1, 2)) {
        return NULL;
    }
    Py_ssize_t pos = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
    if (pos == -1 && PyErr_Occurred()) {
        return NULL;
    }
    int whence = 0;
    if (nargs == 2) {
        whence = PyLong_AsInt(args[1]);
        if (whence == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    stringio *self = STRINGIO(op);
    if (check_ready(self) < 0) {
        goto done;
    }
    if (whence != 0 && whence != 1 && whence != 2) {
        PyErr_Format(PyExc_ValueError,
                     "Invalid whence (%d, should be 0, 1 or 2)", whence);
        goto done;
    }
    if (pos < 0 && whence == 0) {
        PyErr_Format(PyExc_ValueError, "Negative seek position %zd", pos);
        goto done;
    }
    if (whence != 0 && pos != 0) {
        PyErr_SetString(PyExc_OSError, "Can't do nonzero cur-relative seeks");
        goto done;
    }
    if (whence == 1) {
        pos = self->pos;
    }
    else if (whence == 2) {
        pos = self->size;
    }
    self->pos = pos;
    res = PyLong_FromSsize_t(pos);
done:
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *stringio_tell(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (check_ready(STRINGIO(op)) == 0) {
        res = PyLong_FromSsize_t(STRINGIO(op)->pos);
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *stringio_truncate(PyObject *op, PyObject *const *args,
                                   Py_ssize_t nargs)
{
    Py_ssize_t size = -1;
    int given = _PyMemIO_TruncateArg(args, nargs, &size);
    if (given < 0) {
        return NULL;
    }
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    stringio *self = STRINGIO(op);
    if (check_ready(self) == 0) {
        res = _PyMemIO_Truncate(&self->size, self->pos, given, size,
                                "Negative size value %zd");
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *stringio_true_if_open(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    if (check_ready(STRINGIO(op)) < 0) {
        return NULL;
    }
    Py_RETURN_TRUE;
}

static PyObject *stringio_close(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    Py_BEGIN_CRITICAL_SECTION(op);
    stringio *self = STRINGIO(op);
    self->closed = 1;
    self->iob_closed = 1;
    PyMem_Free(self->buf);
    self->buf = NULL;
    self->size = self->alloc = self->pos = 0;
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyObject *stringio_closed_get(PyObject *op, void *Py_UNUSED(closure))
{
    if (!STRINGIO(op)->ok) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on uninitialized object");
        return NULL;
    }
    return PyBool_FromLong(STRINGIO(op)->closed);
}

static PyObject *stringio_line_buffering_get(PyObject *op, void *Py_UNUSED(closure))
{
    if (check_ready(STRINGIO(op)) < 0) {
        return NULL;
    }
    Py_RETURN_FALSE;
}

static PyObject *stringio_newlines_get(PyObject *op, void *Py_UNUSED(closure))
{
    stringio *self = STRINGIO(op);
    if (check_ready(self) < 0) {
        return NULL;
    }
    if (!self->readuniversal) {
        Py_RETURN_NONE;
    }
    switch (self->seen) {
    case 0: Py_RETURN_NONE;
    case SEEN_LF: return PyUnicode_FromString("\n");
    case SEEN_CR: return PyUnicode_FromString("\r");
    case SEEN_CRLF: return PyUnicode_FromString("\r\n");
    case SEEN_LF | SEEN_CR: return Py_BuildValue("ss", "\r", "\n");
    case SEEN_LF | SEEN_CRLF: return Py_BuildValue("ss", "\n", "\r\n");
    case SEEN_CR | SEEN_CRLF: return Py_BuildValue("ss", "\r", "\r\n");
    default: return Py_BuildValue("sss", "\r", "\n", "\r\n");
    }
}

/* The newline argument the object was made with, rebuilt from the modes
   stringio_init derived from it.  Caller holds the critical section. */
static PyObject *newline_argument(stringio *self)
{
    if (self->readtranslate) {
        Py_RETURN_NONE;
    }
    switch (self->readnl_mode) {
    case 0: return PyUnicode_FromString("");
    case '\r': return PyUnicode_FromString("\r");
    case 'R': return PyUnicode_FromString("\r\n");
    default: return PyUnicode_FromString("\n");
    }
}

/* __getstate__() -> (value, newline, pos, dict or None), for pickle and copy. */
static PyObject *stringio_getstate(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    stringio *self = STRINGIO(op);
    if (check_ready(self) == 0) {
        PyObject *value = substring(self, 0, self->size);
        PyObject *newline = value ? newline_argument(self) : NULL;
        PyObject *dict = NULL;
        if (newline != NULL) {
            dict = self->dict ? PyDict_Copy(self->dict) : Py_NewRef(Py_None);
        }
        if (dict != NULL) {
            res = Py_BuildValue("(NNnN)", value, newline, self->pos, dict);
        }
        else {
            Py_XDECREF(value);
            Py_XDECREF(newline);
        }
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

/* Put back the exact text of a state: stringio_init has translated the
   newlines of the initial value, the pickled buffer holds them as they
   were.  Runs in the object's critical section. */
static int restore_buffer(stringio *self, PyObject *value, Py_ssize_t pos, PyObject *dict)
{
    Py_ssize_t len = value == Py_None ? 0 : PyUnicode_GET_LENGTH(value);
    self->size = 0;
    if (len > 0) {
        if (reserve(self, len) < 0
                || PyUnicode_AsUCS4(value, self->buf, len, 0) == NULL) {
            return -1;
        }
        self->size = len;
    }
    self->pos = pos;
    return _PyMemIO_MergeStateDict(&self->dict, dict);
}

/* __setstate__((value, newline, pos, dict)): the inverse of __getstate__. */
static PyObject *stringio_setstate(PyObject *op, PyObject *state)
{
    if (_PyMemIO_CheckState(op, state, 4) < 0) {
        return NULL;
    }
    if (STRINGIO(op)->closed) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on closed file");
        return NULL;
    }
    PyObject *position = PyTuple_GET_ITEM(state, 2);
    PyObject *dict = PyTuple_GET_ITEM(state, 3);
    Py_ssize_t pos;
    if (_PyMemIO_StatePosition(position,
                               "third item of state must be an integer, got %.200s",
                               &pos) < 0
        || _PyMemIO_CheckStateDict(dict, "fourth") < 0) {
        return NULL;
    }
    PyObject *init_args = PyTuple_GetSlice(state, 0, 2);
    if (init_args == NULL) {
        return NULL;
    }
    int rc = stringio_init(op, init_args, NULL);
    Py_DECREF(init_args);
    if (rc < 0) {
        return NULL;
    }
    Py_BEGIN_CRITICAL_SECTION(op);
    rc = restore_buffer(STRINGIO(op), PyTuple_GET_ITEM(state, 0), pos, dict);
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *stringio_repr(PyObject *op)
{
    return PyUnicode_FromFormat("<%s object at %p>", Py_TYPE(op)->tp_name, op);
}

static int stringio_traverse(PyObject *op, visitproc visit, void *arg)
{
    return _PyIOBase_traverse(op, visit, arg);
}

static int stringio_clear(PyObject *op)
{
    _PyIOBase_clear(op);
    return 0;
}

static void stringio_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    if (STRINGIO(op)->weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    PyMem_Free(STRINGIO(op)->buf);
    Py_CLEAR(STRINGIO(op)->writenl);
    _PyIOBase_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static PyMethodDef stringio_methods[] = {
    {"close", stringio_close, METH_NOARGS, NULL},
    {"getvalue", stringio_getvalue, METH_NOARGS, NULL},
    {"read", _PyCFunction_CAST(stringio_read), METH_FASTCALL, NULL},
    {"readline", _PyCFunction_CAST(stringio_readline), METH_FASTCALL, NULL},
    {"tell", stringio_tell, METH_NOARGS, NULL},
    {"truncate", _PyCFunction_CAST(stringio_truncate), METH_FASTCALL, NULL},
    {"seek", _PyCFunction_CAST(stringio_seek), METH_FASTCALL, NULL},
    {"write", stringio_write, METH_O, NULL},
    {"seekable", stringio_true_if_open, METH_NOARGS, NULL},
    {"readable", stringio_true_if_open, METH_NOARGS, NULL},
    {"writable", stringio_true_if_open, METH_NOARGS, NULL},
    {"__getstate__", stringio_getstate, METH_NOARGS, NULL},
    {"__setstate__", stringio_setstate, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef stringio_getset[] = {
    {"closed", stringio_closed_get, NULL, NULL, NULL},
    {"newlines", stringio_newlines_get, NULL, NULL, NULL},
    {"line_buffering", stringio_line_buffering_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyStringIO_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.StringIO",
    .tp_basicsize = sizeof(stringio),
    .tp_dealloc = stringio_dealloc,
    .tp_repr = stringio_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Text I/O implementation using an in-memory buffer.",
    .tp_traverse = stringio_traverse,
    .tp_clear = stringio_clear,
    .tp_weaklistoffset = offsetof(stringio, weakreflist),
    .tp_iternext = stringio_iternext,
    .tp_methods = stringio_methods,
    .tp_getset = stringio_getset,
    .tp_base = &PyTextIOBase_Type,
    .tp_dictoffset = offsetof(stringio, dict),
    .tp_init = stringio_init,
    .tp_new = PyType_GenericNew,
};
