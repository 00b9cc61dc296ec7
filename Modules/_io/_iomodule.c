/* The _io module: open(), open_code(), text_encoding() and the io types.

   The types are static and readied by _PyIO_InitTypes during start-up
   (the standard streams need them before any import can run); the open
   function object is created there too, once, so that builtins.open and
   _io.open are the same object in every module instance. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_io.h"
#include "_iomodule.h"


static PyObject *open_function;

/* ---- open() ----------------------------------------------------------------- */

typedef struct {
    int creating, reading, writing, appending, updating, text, binary;
} open_mode;

static int parse_open_mode(PyObject *mode_obj, const char *mode, open_mode *m)
{
    memset(m, 0, sizeof(*m));
    for (const char *s = mode; *s; s++) {
        int *flag;
        switch (*s) {
        case 'x': flag = &m->creating; break;
        case 'r': flag = &m->reading; break;
        case 'w': flag = &m->writing; break;
        case 'a': flag = &m->appending; break;
        case '+': flag = &m->updating; break;
        case 't': flag = &m->text; break;
        case 'b': flag = &m->binary; break;
        default: flag = NULL; break;
        }
        if (flag == NULL || *flag) {
            PyErr_Format(PyExc_ValueError, "invalid mode: %R", mode_obj);
            return -1;
        }
        *flag = 1;
    }
    if (m->text && m->binary) {
        PyErr_SetString(PyExc_ValueError, "can't have text and binary mode at once");
        return -1;
    }
    int kinds = m->creating + m->reading + m->writing + m->appending;
    if (kinds > 1) {
        PyErr_SetString(PyExc_ValueError,
                        "must have exactly one of create/read/write/append mode");
        return -1;
    }
    if (kinds == 0) {
        PyErr_SetString(PyExc_ValueError,
                        "Must have exactly one of create/read/write/append mode "
                        "and at most one plus");
        return -1;
    }
    return 0;
}

/* The file argument after os.fspath() for anything but an int. */
static PyObject *normalize_file(PyObject *file)
{
    if (PyLong_Check(file) || PyUnicode_Check(file) || PyBytes_Check(file)) {
        return Py_NewRef(file);
    }
    return PyOS_FSPath(file);
}

static int no_binary_argument(PyObject *value, const char *what)
{
    if (value != NULL && value != Py_None) {
        PyErr_Format(PyExc_ValueError, "binary mode doesn't take %s argument", what);
        return -1;
    }
    return 0;
}

/* The buffer size for a raw file: its block size, at least the default. */
static Py_ssize_t choose_buffer_size(PyObject *raw)
{
    PyObject *blksize = PyObject_GetAttr(raw, _PyIO_str__blksize);
    if (blksize == NULL) {
        PyErr_Clear();
        return DEFAULT_BUFFER_SIZE;
    }
    Py_ssize_t size = PyLong_AsSsize_t(blksize);
    Py_DECREF(blksize);
    if (size == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        return DEFAULT_BUFFER_SIZE;
    }
    if (size > 8 * 1024 * 1024) {
        size = 8 * 1024 * 1024;
    }
    return size < DEFAULT_BUFFER_SIZE ? DEFAULT_BUFFER_SIZE : size;
}

static PyObject *wrap_raw(PyObject *raw, PyObject *mode_obj, const open_mode *m,
                          Py_ssize_t buffering, PyObject *encoding,
                          PyObject *errors, PyObject *newline)
{
    int line_buffering = buffering == 1;
    if (buffering < 0) {
        PyObject *tty = PyObject_CallMethodNoArgs(raw, _PyIO_str_isatty);
        if (tty == NULL) {
            return NULL;
        }
        line_buffering = tty == Py_True;
        Py_DECREF(tty);
    }
    if (buffering == 1 || buffering < 0) {
        buffering = choose_buffer_size(raw);
    }
    if (buffering == 0) {
        if (m->binary) {
            return Py_NewRef(raw);
        }
        PyErr_SetString(PyExc_ValueError, "can't have unbuffered text I/O");
        return NULL;
    }
    PyTypeObject *kind = m->updating ? &PyBufferedRandom_Type
                         : m->reading ? &PyBufferedReader_Type
                         : &PyBufferedWriter_Type;
    PyObject *buffer = PyObject_CallFunction((PyObject *)kind, "On", raw, buffering);
    if (buffer == NULL || m->binary) {
        return buffer;
    }
    PyObject *text = PyObject_CallFunction((PyObject *)&PyTextIOWrapper_Type, "OOOOi",
                                           buffer, encoding ? encoding : Py_None,
                                           errors ? errors : Py_None,
                                           newline ? newline : Py_None,
                                           line_buffering);
    if (text == NULL) {
        PyObject *exc = PyErr_GetRaisedException();
        PyObject *r = PyObject_CallMethodNoArgs(buffer, _PyIO_str_close);
        Py_XDECREF(r);
        Py_DECREF(buffer);
        PyErr_SetRaisedException(exc);
        return NULL;
    }
    Py_DECREF(buffer);
    if (PyObject_SetAttr(text, _PyIO_str_mode, mode_obj) < 0) {
        Py_DECREF(text);
        return NULL;
    }
    return text;
}

PyObject *_PyIO_open(PyObject *module, PyObject *args, PyObject *kwds)
{
    (void)module;
    static char *kwlist[] = {"file", "mode", "buffering", "encoding", "errors",
                             "newline", "closefd", "opener", NULL};
    PyObject *file, *mode_obj = NULL, *encoding = NULL, *errors = NULL;
    PyObject *newline = NULL, *opener = Py_None;
    Py_ssize_t buffering = -1;
    int closefd = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OnOOOpO:open", kwlist, &file,
                                     &mode_obj, &buffering, &encoding, &errors,
                                     &newline, &closefd, &opener)) {
        return NULL;
    }
    if (mode_obj == NULL) {
        mode_obj = PyUnicode_FromString("r");
    }
    else if (!PyUnicode_Check(mode_obj)) {
        PyErr_Format(PyExc_TypeError, "open() argument 'mode' must be str, not %.100s",
                     Py_TYPE(mode_obj)->tp_name);
        return NULL;
    }
    else {
        Py_INCREF(mode_obj);
    }
    if (mode_obj == NULL) {
        return NULL;
    }
    const char *what[] = {"encoding", "errors", "newline"};
    PyObject *values[] = {encoding, errors, newline};
    for (int i = 0; i < 3; i++) {
        if (values[i] != NULL && values[i] != Py_None && !PyUnicode_Check(values[i])) {
            PyErr_Format(PyExc_TypeError,
                         "open() argument '%s' must be str or None, not %.100s",
                         what[i], Py_TYPE(values[i])->tp_name);
            Py_DECREF(mode_obj);
            return NULL;
        }
    }
    PyObject *raw = NULL, *result = NULL;
    open_mode m;
    const char *mode = PyUnicode_AsUTF8(mode_obj);
    if (mode == NULL || parse_open_mode(mode_obj, mode, &m) < 0) {
        goto done;
    }
    if (m.binary && (no_binary_argument(encoding, "an encoding") < 0
                     || no_binary_argument(errors, "an errors") < 0
                     || no_binary_argument(newline, "a newline") < 0)) {
        goto done;
    }
    if (m.binary && buffering == 1
            && PyErr_WarnEx(PyExc_RuntimeWarning,
                            "line buffering (buffering=1) isn't supported in "
                            "binary mode, the default buffer size will be used",
                            1) < 0) {
        goto done;
    }
    PyObject *target = normalize_file(file);
    if (target == NULL) {
        goto done;
    }
    char rawmode[6], *p = rawmode;
    if (m.creating) *p++ = 'x';
    if (m.reading) *p++ = 'r';
    if (m.writing) *p++ = 'w';
    if (m.appending) *p++ = 'a';
    if (m.updating) *p++ = '+';
    *p = '\0';
    raw = PyObject_CallFunction((PyObject *)&PyFileIO_Type, "OsOO", target, rawmode,
                                closefd ? Py_True : Py_False, opener);
    Py_DECREF(target);
    if (raw == NULL) {
        goto done;
    }
    result = wrap_raw(raw, mode_obj, &m, buffering, encoding, errors, newline);
    if (result == NULL) {
        PyObject *exc = PyErr_GetRaisedException();
        PyObject *r = PyObject_CallMethodNoArgs(raw, _PyIO_str_close);
        Py_XDECREF(r);
        PyErr_Clear();
        PyErr_SetRaisedException(exc);
    }
done:
    Py_XDECREF(raw);
    Py_DECREF(mode_obj);
    return result;
}

static PyObject *io_open_code(PyObject *module, PyObject *args, PyObject *kwds)
{
    (void)module;
    static char *kwlist[] = {"path", NULL};
    PyObject *path;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:open_code", kwlist, &path)) {
        return NULL;
    }
    if (!PyUnicode_Check(path)) {
        PyErr_Format(PyExc_TypeError,
                     "open_code() argument 'path' must be str, not %.100s",
                     Py_TYPE(path)->tp_name);
        return NULL;
    }
    return PyObject_CallFunction(open_function, "Os", path, "rb");
}

static PyMethodDef open_def = {
    "open", _PyCFunction_CAST(_PyIO_open), METH_VARARGS | METH_KEYWORDS,
    "open($module, /, file, mode='r', buffering=-1, encoding=None,\n"
    "     errors=None, newline=None, closefd=True, opener=None)\n--\n\n"
    "Open file and return a stream.  Raise OSError upon failure."
};

static PyMethodDef io_methods[] = {
    {"open_code", _PyCFunction_CAST(io_open_code), METH_VARARGS | METH_KEYWORDS,
     "open_code($module, /, path)\n--\n\nOpens the provided file with the intent "
     "to import the contents."},
    {"text_encoding", _PyCFunction_CAST(_PyIO_text_encoding), METH_FASTCALL,
     "text_encoding($module, encoding, stacklevel=2, /)\n--\n\n"
     "A helper function to choose the text encoding."},
    {NULL, NULL, 0, NULL},
};

/* ---- start-up --------------------------------------------------------------- */

static PyTypeObject *const io_types[] = {
    &PyIOBase_Type,
    &PyRawIOBase_Type,
    &PyBufferedIOBase_Type,
    &PyTextIOBase_Type,
    &PyFileIO_Type,
    &PyBytesIO_Type,
    &_PyBytesIOBuffer_Type,
    &PyStringIO_Type,
    &PyBufferedReader_Type,
    &PyBufferedWriter_Type,
    &PyBufferedRandom_Type,
    &PyBufferedRWPair_Type,
    &PyTextIOWrapper_Type,
    &PyIncrementalNewlineDecoder_Type,
    NULL,
};

/* Runs during start-up before other threads exist (the standard streams
   are made from these types); later calls find everything ready. */
int _PyIO_InitTypes(void)
{
    static int done;
    if (done) {
        return 0;
    }
    if (_PyIOBase_InitStrings() < 0) {
        return -1;
    }
    for (size_t i = 0; io_types[i] != NULL; i++) {
        if (PyType_Ready(io_types[i]) < 0) {
            return -1;
        }
    }
    /* CPython reports io.open.__module__ as "io". */
    PyObject *modname = PyUnicode_InternFromString("io");
    if (modname == NULL) {
        return -1;
    }
    open_function = PyCFunction_NewEx(&open_def, NULL, modname);
    Py_DECREF(modname);
    if (open_function == NULL) {
        return -1;
    }
    done = 1;
    return 0;
}

PyObject *_PyIO_GetOpen(void)
{
    return open_function;
}

static int io_exec(PyObject *module)
{
    if (_PyIO_InitTypes() < 0) {
        return -1;
    }
    static const struct {
        const char *name;
        PyTypeObject *type;
    } exported[] = {
        {"_IOBase", &PyIOBase_Type},
        {"_RawIOBase", &PyRawIOBase_Type},
        {"_BufferedIOBase", &PyBufferedIOBase_Type},
        {"_TextIOBase", &PyTextIOBase_Type},
        {"FileIO", &PyFileIO_Type},
        {"BytesIO", &PyBytesIO_Type},
        {"StringIO", &PyStringIO_Type},
        {"BufferedReader", &PyBufferedReader_Type},
        {"BufferedWriter", &PyBufferedWriter_Type},
        {"BufferedRandom", &PyBufferedRandom_Type},
        {"BufferedRWPair", &PyBufferedRWPair_Type},
        {"TextIOWrapper", &PyTextIOWrapper_Type},
        {"IncrementalNewlineDecoder", &PyIncrementalNewlineDecoder_Type},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(exported); i++) {
        if (PyModule_AddObjectRef(module, exported[i].name,
                                  (PyObject *)exported[i].type) < 0) {
            return -1;
        }
    }
    if (PyModule_AddIntConstant(module, "DEFAULT_BUFFER_SIZE", DEFAULT_BUFFER_SIZE) < 0
            || PyModule_AddObjectRef(module, "UnsupportedOperation",
                                     _PyIO_unsupported_operation) < 0
            || PyModule_AddObjectRef(module, "BlockingIOError",
                                     PyExc_BlockingIOError) < 0
            || PyModule_AddObjectRef(module, "open", open_function) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot io_slots[] = {
    {Py_mod_exec, io_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef io_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_io",
    .m_doc = "The io module provides the Python interfaces to stream handling.",
    .m_size = 0,
    .m_methods = io_methods,
    .m_slots = io_slots,
};

PyMODINIT_FUNC
PyInit__io(void)
{
    return PyModuleDef_Init(&io_module);
}
