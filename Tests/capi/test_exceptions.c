/* Tests of raising errors and of the built-in exception classes through
   the C API.  Expected texts were taken from CPython. */
#include "testlib.h"
/* Python.h does not include the slot IDs yet. */
#include "typeslots.h"

#include <unistd.h>

/* ---- helpers ----------------------------------------------------------- */

static PyObject *str(const char *text)
{
    return PyUnicode_FromString(text);
}

/* type(*args) with args given as new references (consumed). */
static PyObject *make(PyObject *type, int n, ...)
{
    PyObject *args = PyTuple_New(n);
    va_list va;
    va_start(va, n);
    for (int i = 0; i < n; i++) {
        PyTuple_SET_ITEM(args, i, va_arg(va, PyObject *));
    }
    va_end(va);
    PyObject *result = PyObject_Call(type, args, NULL);
    Py_DECREF(args);
    return result;
}

static int is_subclass(PyObject *sub, PyObject *base)
{
    return PyType_IsSubtype((PyTypeObject *)sub, (PyTypeObject *)base);
}

static PyObject *attr(PyObject *obj, const char *name)
{
    return PyObject_GetAttrString(obj, name);
}

/* Run the rest of the test with fd 2 going to a temporary file. */
static FILE *capture_file;
static int saved_stderr = -1;

static void capture_begin(void)
{
    fflush(stderr);
    capture_file = tmpfile();
    saved_stderr = dup(2);
    dup2(fileno(capture_file), 2);
}

/* The captured text (static buffer) and stderr restored. */
static const char *capture_end(void)
{
    static char buf[8192];
    fflush(stderr);
    dup2(saved_stderr, 2);
    close(saved_stderr);
    fseek(capture_file, 0, SEEK_END);
    long size = ftell(capture_file);
    rewind(capture_file);
    size_t n = fread(buf, 1, size < (long)sizeof(buf) - 1 ? (size_t)size
                                                          : sizeof(buf) - 1,
                     capture_file);
    buf[n] = '\0';
    fclose(capture_file);
    return buf;
}

/* ---- the hierarchy ----------------------------------------------------- */

static void test_hierarchy(void)
{
    CHECK(is_subclass(PyExc_Exception, PyExc_BaseException));
    CHECK(!is_subclass(PyExc_KeyboardInterrupt, PyExc_Exception));
    CHECK(!is_subclass(PyExc_SystemExit, PyExc_Exception));
    CHECK(!is_subclass(PyExc_GeneratorExit, PyExc_Exception));
    CHECK(is_subclass(PyExc_KeyError, PyExc_LookupError));
    CHECK(is_subclass(PyExc_IndexError, PyExc_LookupError));
    CHECK(is_subclass(PyExc_ZeroDivisionError, PyExc_ArithmeticError));
    CHECK(is_subclass(PyExc_ModuleNotFoundError, PyExc_ImportError));
    CHECK(is_subclass(PyExc_UnboundLocalError, PyExc_NameError));
    CHECK(is_subclass(PyExc_RecursionError, PyExc_RuntimeError));
    CHECK(is_subclass(PyExc_PythonFinalizationError, PyExc_RuntimeError));
    CHECK(is_subclass(PyExc_NotImplementedError, PyExc_RuntimeError));
    CHECK(is_subclass(PyExc_TabError, PyExc_IndentationError));
    CHECK(is_subclass(PyExc_IndentationError, PyExc_SyntaxError));
    CHECK(is_subclass(PyExc_IncompleteInputError, PyExc_SyntaxError));
    CHECK(is_subclass(PyExc_UnicodeDecodeError, PyExc_UnicodeError));
    CHECK(is_subclass(PyExc_UnicodeError, PyExc_ValueError));
    CHECK(is_subclass(PyExc_BrokenPipeError, PyExc_ConnectionError));
    CHECK(is_subclass(PyExc_ConnectionError, PyExc_OSError));
    CHECK(is_subclass(PyExc_FileNotFoundError, PyExc_OSError));
    CHECK(is_subclass(PyExc_ResourceWarning, PyExc_Warning));
    CHECK(is_subclass(PyExc_Warning, PyExc_Exception));
    CHECK(!is_subclass(PyExc_PendingDeprecationWarning,
                       PyExc_DeprecationWarning));
    CHECK(is_subclass(PyExc_StopAsyncIteration, PyExc_Exception));
    CHECK(is_subclass(PyExc_BaseExceptionGroup, PyExc_BaseException));
    CHECK(!is_subclass(PyExc_BaseExceptionGroup, PyExc_Exception));
    CHECK(is_subclass(PyExc_ExceptionGroup, PyExc_BaseExceptionGroup));
    CHECK(is_subclass(PyExc_ExceptionGroup, PyExc_Exception));
    CHECK(PyExc_IOError == PyExc_OSError);
    CHECK(PyExc_EnvironmentError == PyExc_OSError);
    CHECK(PyExceptionClass_Check(PyExc_TabError));
    CHECK(!PyExceptionClass_Check((PyObject *)&PyLong_Type));
    CHECK(strcmp(PyExceptionClass_Name(PyExc_ValueError), "ValueError") == 0);

    /* ExceptionGroup's MRO has both of its bases. */
    PyObject *mro = ((PyTypeObject *)PyExc_ExceptionGroup)->tp_mro;
    CHECK(mro != NULL && PyTuple_GET_SIZE(mro) == 5);
    if (mro != NULL && PyTuple_GET_SIZE(mro) == 5) {
        CHECK(PyTuple_GET_ITEM(mro, 1) == PyExc_BaseExceptionGroup);
        CHECK(PyTuple_GET_ITEM(mro, 2) == PyExc_Exception);
        CHECK(PyTuple_GET_ITEM(mro, 3) == PyExc_BaseException);
    }
}

/* ---- BaseException basics ---------------------------------------------- */

static void test_str_and_repr(void)
{
    PyObject *e0 = make(PyExc_ValueError, 0);
    PyObject *e1 = make(PyExc_ValueError, 1, str("a"));
    PyObject *e2 = make(PyExc_ValueError, 2, str("a"), PyLong_FromLong(2));
    CHECK_STR(PyObject_Str(e0), "");
    CHECK_STR(PyObject_Repr(e0), "ValueError()");
    CHECK_STR(PyObject_Str(e1), "a");
    CHECK_STR(PyObject_Repr(e1), "ValueError('a')");
    CHECK_STR(PyObject_Str(e2), "('a', 2)");
    CHECK_STR(PyObject_Repr(e2), "ValueError('a', 2)");
    PyObject *args = attr(e2, "args");
    CHECK(args != NULL && PyTuple_Check(args) && PyTuple_GET_SIZE(args) == 2);
    Py_XDECREF(args);
    Py_DECREF(e0);
    Py_DECREF(e1);
    Py_DECREF(e2);

    /* Keyword arguments are refused by the plain classes. */
    PyObject *kw = PyDict_New();
    PyDict_SetItemString(kw, "x", Py_None);
    PyObject *empty = PyTuple_New(0);
    CHECK(PyObject_Call(PyExc_ValueError, empty, kw) == NULL);
    PyObject *exc = PyErr_GetRaisedException();
    CHECK(exc != NULL && PyErr_GivenExceptionMatches(exc, PyExc_TypeError));
    CHECK_STR(PyObject_Str(exc), "ValueError() takes no keyword arguments");
    Py_XDECREF(exc);
    Py_DECREF(empty);
    Py_DECREF(kw);
}

static void test_key_error_str(void)
{
    PyObject *e = make(PyExc_KeyError, 1, str("k"));
    CHECK_STR(PyObject_Str(e), "'k'");
    Py_DECREF(e);
    e = make(PyExc_KeyError, 0);
    CHECK_STR(PyObject_Str(e), "");
    Py_DECREF(e);
    e = make(PyExc_KeyError, 2, str("a"), str("b"));
    CHECK_STR(PyObject_Str(e), "('a', 'b')");
    Py_DECREF(e);

    /* A tuple key stays one argument. */
    PyObject *key = PyTuple_Pack(2, Py_None, Py_None);
    _PyErr_SetKeyError(key);
    PyObject *exc = PyErr_GetRaisedException();
    CHECK(exc != NULL && Py_IS_TYPE(exc, (PyTypeObject *)PyExc_KeyError));
    CHECK_STR(PyObject_Str(exc), "(None, None)");
    Py_XDECREF(exc);
    Py_DECREF(key);
}

static void test_args_attribute(void)
{
    PyObject *e = make(PyExc_Exception, 1, PyLong_FromLong(1));
    PyObject *list = PyList_New(0);
    PyList_Append(list, Py_None);
    CHECK(PyObject_SetAttrString(e, "args", list) == 0);
    PyObject *args = attr(e, "args");
    CHECK(args != NULL && PyTuple_CheckExact(args) && PyTuple_GET_SIZE(args) == 1);
    Py_XDECREF(args);
    CHECK(PyObject_DelAttrString(e, "args") < 0);
    CHECK_RAISES(PyExc_TypeError);
    Py_DECREF(list);

    /* Instances have a __dict__ for arbitrary attributes. */
    CHECK(PyObject_SetAttrString(e, "extra", Py_True) == 0);
    PyObject *extra = attr(e, "extra");
    CHECK(extra == Py_True);
    Py_XDECREF(extra);

    /* __reduce__ gives (type, args, __dict__). */
    PyObject *reduced = PyObject_CallMethod(e, "__reduce__", NULL);
    CHECK(reduced != NULL && PyTuple_GET_SIZE(reduced) == 3);
    if (reduced != NULL && PyTuple_GET_SIZE(reduced) == 3) {
        CHECK(PyTuple_GET_ITEM(reduced, 0) == PyExc_Exception);
        CHECK(PyDict_Check(PyTuple_GET_ITEM(reduced, 2)));
    }
    Py_XDECREF(reduced);
    Py_DECREF(e);
}

static void test_add_note(void)
{
    PyObject *e = make(PyExc_ValueError, 0);
    PyObject *note = str("first");
    PyObject *r = PyObject_CallMethod(e, "add_note", "O", note);
    CHECK(r == Py_None);
    Py_XDECREF(r);
    Py_DECREF(note);
    note = str("second");
    CHECK(_PyException_AddNote(e, note) == 0);
    Py_DECREF(note);
    PyObject *notes = attr(e, "__notes__");
    CHECK(notes != NULL && PyList_Check(notes) && PyList_GET_SIZE(notes) == 2);
    if (notes != NULL && PyList_Check(notes) && PyList_GET_SIZE(notes) == 2) {
        CHECK(PyUnicode_EqualToUTF8(PyList_GET_ITEM(notes, 1), "second"));
    }
    Py_XDECREF(notes);

    PyObject *number = PyLong_FromLong(1);
    CHECK(PyObject_CallMethod(e, "add_note", "O", number) == NULL);
    PyObject *exc = PyErr_GetRaisedException();
    CHECK_STR(exc ? PyObject_Str(exc) : NULL, "note must be a str, not 'int'");
    Py_XDECREF(exc);

    PyObject_SetAttrString(e, "__notes__", number);
    note = str("x");
    CHECK(_PyException_AddNote(e, note) < 0);
    exc = PyErr_GetRaisedException();
    CHECK_STR(exc ? PyObject_Str(exc) : NULL,
              "Cannot add note: __notes__ is not a list");
    Py_XDECREF(exc);
    Py_DECREF(note);
    Py_DECREF(number);
    Py_DECREF(e);
}

static void test_chaining_attributes(void)
{
    PyObject *e = make(PyExc_ValueError, 0);
    PyObject *cause = make(PyExc_KeyError, 0);
    PyObject *value;

    value = attr(e, "__cause__");
    CHECK(value == Py_None);
    Py_XDECREF(value);
    value = attr(e, "__suppress_context__");
    CHECK(value == Py_False);
    Py_XDECREF(value);

    CHECK(PyObject_SetAttrString(e, "__cause__", cause) == 0);
    value = attr(e, "__cause__");
    CHECK(value == cause);
    Py_XDECREF(value);
    /* Setting a cause suppresses the context. */
    value = attr(e, "__suppress_context__");
    CHECK(value == Py_True);
    Py_XDECREF(value);

    PyObject *one = PyLong_FromLong(1);
    CHECK(PyObject_SetAttrString(e, "__cause__", one) < 0);
    PyObject *exc = PyErr_GetRaisedException();
    CHECK_STR(exc ? PyObject_Str(exc) : NULL,
              "exception cause must be None or derive from BaseException");
    Py_XDECREF(exc);
    CHECK(PyObject_SetAttrString(e, "__context__", one) < 0);
    exc = PyErr_GetRaisedException();
    CHECK_STR(exc ? PyObject_Str(exc) : NULL,
              "exception context must be None or derive from BaseException");
    Py_XDECREF(exc);
    CHECK(PyObject_DelAttrString(e, "__context__") < 0);
    exc = PyErr_GetRaisedException();
    CHECK_STR(exc ? PyObject_Str(exc) : NULL, "__context__ may not be deleted");
    Py_XDECREF(exc);
    CHECK(PyObject_SetAttrString(e, "__traceback__", one) < 0);
    exc = PyErr_GetRaisedException();
    CHECK_STR(exc ? PyObject_Str(exc) : NULL,
              "__traceback__ must be a traceback or None");
    Py_XDECREF(exc);
    Py_DECREF(one);

    CHECK(PyObject_SetAttrString(e, "__cause__", Py_None) == 0);
    CHECK(PyException_GetCause(e) == NULL);

    /* C accessors: Set* steal, Get* return new references. */
    PyException_SetContext(e, Py_NewRef(cause));
    value = PyException_GetContext(e);
    CHECK(value == cause);
    Py_XDECREF(value);
    Py_DECREF(cause);
    Py_DECREF(e);
}

static void test_implicit_context(void)
{
    /* An exception raised while another is handled gets it as
       __context__. */
    PyObject *handled = make(PyExc_KeyError, 1, str("k"));
    PyErr_SetHandledException(handled);
    PyErr_SetString(PyExc_ValueError, "during");
    PyErr_SetHandledException(NULL);
    PyObject *exc = PyErr_GetRaisedException();
    CHECK(exc != NULL);
    PyObject *context = exc ? PyException_GetContext(exc) : NULL;
    CHECK(context == handled);
    Py_XDECREF(context);
    Py_XDECREF(exc);

    /* Raising the handled exception itself does not make a cycle. */
    PyErr_SetHandledException(handled);
    PyErr_SetObject(PyExc_KeyError, handled);
    PyErr_SetHandledException(NULL);
    exc = PyErr_GetRaisedException();
    CHECK(exc == handled);
    context = PyException_GetContext(handled);
    CHECK(context == NULL);
    Py_XDECREF(context);
    Py_XDECREF(exc);
    Py_DECREF(handled);
    CHECK(PyErr_GetHandledException() == NULL);
}

/* ---- raising and fetching ---------------------------------------------- */

static void test_set_and_match(void)
{
    CHECK(PyErr_Occurred() == NULL);
    PyErr_SetString(PyExc_KeyError, "x");
    CHECK(PyErr_Occurred() == PyExc_KeyError);
    CHECK(PyErr_ExceptionMatches(PyExc_LookupError));
    CHECK(!PyErr_ExceptionMatches(PyExc_ValueError));
    PyObject *tuple = PyTuple_Pack(2, PyExc_ValueError, PyExc_LookupError);
    CHECK(PyErr_ExceptionMatches(tuple));
    Py_DECREF(tuple);
    PyErr_Clear();
    CHECK(PyErr_Occurred() == NULL);

    PyErr_SetNone(PyExc_StopIteration);
    PyObject *exc = PyErr_GetRaisedException();
    CHECK(exc != NULL && Py_IS_TYPE(exc, (PyTypeObject *)PyExc_StopIteration));
    PyObject *value = exc ? attr(exc, "value") : NULL;
    CHECK(value == Py_None);
    Py_XDECREF(value);
    Py_XDECREF(exc);

    /* Not an exception class: SystemError. */
    PyErr_SetObject((PyObject *)&PyLong_Type, NULL);
    CHECK_RAISES(PyExc_SystemError);

    PyErr_BadInternalCall();
    CHECK_RAISES(PyExc_SystemError);
    CHECK(PyErr_BadArgument() == 0);
    CHECK_RAISES(PyExc_TypeError);
    CHECK(PyErr_CheckSignals() == 0);
}

static void test_format(void)
{
    PyObject *obj = str("obj");
    CHECK(PyErr_Format(PyExc_TypeError, "%s %d %R", "text", 42, obj) == NULL);
    PyObject *exc = PyErr_GetRaisedException();
    CHECK(exc != NULL && Py_IS_TYPE(exc, (PyTypeObject *)PyExc_TypeError));
    CHECK_STR(exc ? PyObject_Str(exc) : NULL, "text 42 'obj'");
    Py_XDECREF(exc);
    Py_DECREF(obj);
}

static void test_fetch_restore(void)
{
    PyErr_SetString(PyExc_ValueError, "round trip");
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    CHECK(PyErr_Occurred() == NULL);
    CHECK(type == PyExc_ValueError);
    CHECK(value != NULL && PyExceptionInstance_Check(value));
    CHECK(tb == NULL);
    PyObject *original = Py_XNewRef(value);
    PyErr_Restore(type, value, tb);
    CHECK(PyErr_Occurred() == PyExc_ValueError);
    PyObject *exc = PyErr_GetRaisedException();
    CHECK(exc == original);
    Py_XDECREF(exc);
    Py_XDECREF(original);

    /* A non-normalized triple becomes an instance. */
    PyErr_Restore(Py_NewRef(PyExc_KeyError), str("k"), NULL);
    exc = PyErr_GetRaisedException();
    CHECK(exc != NULL && Py_IS_TYPE(exc, (PyTypeObject *)PyExc_KeyError));
    CHECK_STR(exc ? PyObject_Str(exc) : NULL, "'k'");
    Py_XDECREF(exc);

    type = Py_NewRef(PyExc_OSError);
    value = PyTuple_Pack(2, PyLong_FromLong(2), str("gone"));
    /* PyTuple_Pack took its own references. */
    Py_DECREF(PyTuple_GET_ITEM(value, 0));
    Py_DECREF(PyTuple_GET_ITEM(value, 1));
    tb = NULL;
    PyErr_NormalizeException(&type, &value, &tb);
    CHECK(type == PyExc_FileNotFoundError);
    CHECK_STR(PyObject_Str(value), "[Errno 2] gone");
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
}

static void test_no_memory(void)
{
    CHECK(PyErr_NoMemory() == NULL);
    CHECK(PyErr_Occurred() == PyExc_MemoryError);
    PyErr_Clear();
}

static void test_set_from_errno(void)
{
    errno = ENOENT;
    PyObject *name = str("missing.txt");
    CHECK(PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, name) == NULL);
    PyObject *exc = PyErr_GetRaisedException();
    CHECK(exc != NULL
          && Py_IS_TYPE(exc, (PyTypeObject *)PyExc_FileNotFoundError));
    CHECK_STR(exc ? PyObject_Str(exc) : NULL,
              "[Errno 2] No such file or directory: 'missing.txt'");
    PyObject *filename = exc ? attr(exc, "filename") : NULL;
    CHECK(filename == name);
    Py_XDECREF(filename);
    Py_XDECREF(exc);
    Py_DECREF(name);

    errno = EACCES;
    PyErr_SetFromErrno(PyExc_OSError);
    CHECK(PyErr_ExceptionMatches(PyExc_PermissionError));
    PyErr_Clear();
}

/* ---- class-specific behaviour ------------------------------------------ */

static void test_oserror(void)
{
    PyObject *e = make(PyExc_OSError, 2, PyLong_FromLong(2), str("x"));
    CHECK(e != NULL && Py_IS_TYPE(e, (PyTypeObject *)PyExc_FileNotFoundError));
    CHECK_STR(PyObject_Str(e), "[Errno 2] x");
    PyObject *errno_obj = attr(e, "errno");
    CHECK(errno_obj != NULL && PyLong_AsLong(errno_obj) == 2);
    Py_XDECREF(errno_obj);
    PyObject *filename = attr(e, "filename");
    CHECK(filename == Py_None);
    Py_XDECREF(filename);
    Py_DECREF(e);

    e = make(PyExc_OSError, 5, PyLong_FromLong(1), str("a"), str("f"),
             Py_NewRef(Py_None), str("g"));
    CHECK(e != NULL && Py_IS_TYPE(e, (PyTypeObject *)PyExc_PermissionError));
    CHECK_STR(PyObject_Str(e), "[Errno 1] a: 'f' -> 'g'");
    PyObject *args = attr(e, "args");
    CHECK(args != NULL && PyTuple_GET_SIZE(args) == 2);
    Py_XDECREF(args);
    PyObject *reduced = PyObject_CallMethod(e, "__reduce__", NULL);
    CHECK(reduced != NULL && PyTuple_GET_SIZE(PyTuple_GET_ITEM(reduced, 1)) == 5);
    Py_XDECREF(reduced);
    Py_DECREF(e);

    e = make(PyExc_OSError, 2, PyLong_FromLong(EAGAIN), str("x"));
    CHECK(e != NULL && Py_IS_TYPE(e, (PyTypeObject *)PyExc_BlockingIOError));
    Py_XDECREF(e);
    e = make(PyExc_OSError, 2, PyLong_FromLong(99999), str("x"));
    CHECK(e != NULL && Py_IS_TYPE(e, (PyTypeObject *)PyExc_OSError));
    Py_XDECREF(e);

    /* One argument: no errno, plain str. */
    e = make(PyExc_OSError, 1, str("plain"));
    CHECK_STR(PyObject_Str(e), "plain");
    errno_obj = attr(e, "errno");
    CHECK(errno_obj == Py_None);
    Py_XDECREF(errno_obj);
    Py_DECREF(e);

    e = make(PyExc_BlockingIOError, 3, PyLong_FromLong(EAGAIN), str("x"),
             PyLong_FromLong(5));
    PyObject *written = attr(e, "characters_written");
    CHECK(written != NULL && PyLong_AsLong(written) == 5);
    Py_XDECREF(written);
    Py_DECREF(e);
    e = make(PyExc_BlockingIOError, 0);
    CHECK(attr(e, "characters_written") == NULL);
    CHECK_RAISES(PyExc_AttributeError);
    Py_DECREF(e);
}

static void test_syntax_error_str(void)
{
    PyObject *info = PyTuple_Pack(6, Py_None, Py_None, Py_None, Py_None,
                                  Py_None, Py_None);
    PyObject *items[6] = {str("/a/b/f.py"), PyLong_FromLong(3),
                          PyLong_FromLong(5), str("x"), PyLong_FromLong(3),
                          PyLong_FromLong(8)};
    for (int i = 0; i < 6; i++) {
        Py_DECREF(PyTuple_GET_ITEM(info, i));
        PyTuple_SET_ITEM(info, i, items[i]);
    }
    PyObject *e = make(PyExc_SyntaxError, 2, str("bad"), info);
    CHECK_STR(PyObject_Str(e), "bad (f.py, line 3)");
    PyObject *offset = attr(e, "offset");
    CHECK(offset != NULL && PyLong_AsLong(offset) == 5);
    Py_XDECREF(offset);
    PyObject *msg = attr(e, "msg");
    CHECK_STR(msg, "bad");
    Py_DECREF(e);

    e = make(PyExc_SyntaxError, 0);
    CHECK_STR(PyObject_Str(e), "None");
    Py_DECREF(e);
    e = make(PyExc_SyntaxError, 2, str("bad"),
             PyTuple_Pack(4, Py_None, PyLong_FromLong(3), Py_None, Py_None));
    CHECK_STR(PyObject_Str(e), "bad (line 3)");
    Py_DECREF(e);

    e = make(PyExc_SyntaxError, 2, str("bad"), PyTuple_Pack(2, Py_None, Py_None));
    CHECK(e == NULL);
    PyObject *exc = PyErr_GetRaisedException();
    CHECK_STR(exc ? PyObject_Str(exc) : NULL,
              "function takes at least 4 arguments (2 given)");
    Py_XDECREF(exc);
}

static void test_unicode_errors(void)
{
    PyObject *e = make(PyExc_UnicodeDecodeError, 5, str("utf-8"),
                       PyBytes_FromStringAndSize("\xff", 1), PyLong_FromLong(0),
                       PyLong_FromLong(1), str("invalid start byte"));
    CHECK_STR(PyObject_Str(e),
              "'utf-8' codec can't decode byte 0xff in position 0: "
              "invalid start byte");
    Py_ssize_t start = -1, end = -1;
    CHECK(PyUnicodeDecodeError_GetStart(e, &start) == 0 && start == 0);
    CHECK(PyUnicodeDecodeError_GetEnd(e, &end) == 0 && end == 1);
    CHECK_STR(PyUnicodeDecodeError_GetEncoding(e), "utf-8");
    CHECK_STR(PyUnicodeDecodeError_GetReason(e), "invalid start byte");
    PyObject *object = PyUnicodeDecodeError_GetObject(e);
    CHECK(object != NULL && PyBytes_Check(object));
    Py_XDECREF(object);
    CHECK(PyUnicodeDecodeError_SetEnd(e, 2) == 0);
    CHECK(PyUnicodeDecodeError_SetReason(e, "other") == 0);
    /* end is clamped to the object's length by the accessor. */
    CHECK(PyUnicodeDecodeError_GetEnd(e, &end) == 0 && end == 1);
    CHECK_STR(PyObject_Str(e),
              "'utf-8' codec can't decode bytes in position 0-1: other");
    /* Wrong class for the accessor. */
    CHECK(PyUnicodeEncodeError_GetEncoding(e) == NULL);
    CHECK_RAISES(PyExc_TypeError);
    Py_DECREF(e);

    e = PyUnicodeDecodeError_Create("ascii", "ab\x80", 3, 2, 3,
                                    "ordinal not in range(128)");
    CHECK_STR(PyObject_Str(e), "'ascii' codec can't decode byte 0x80 in "
              "position 2: ordinal not in range(128)");
    Py_XDECREF(e);

    e = make(PyExc_UnicodeEncodeError, 5, str("ascii"), str("a\xe2\x82\xac"),
             PyLong_FromLong(1), PyLong_FromLong(2), str("r"));
    CHECK_STR(PyObject_Str(e),
              "'ascii' codec can't encode character '\\u20ac' in position 1: r");
    Py_DECREF(e);
    e = make(PyExc_UnicodeEncodeError, 5, str("ascii"), str("abc"),
             PyLong_FromLong(0), PyLong_FromLong(3), str("r"));
    CHECK_STR(PyObject_Str(e),
              "'ascii' codec can't encode characters in position 0-2: r");
    Py_DECREF(e);
    e = make(PyExc_UnicodeTranslateError, 4, str("\xf0\x9f\x98\x80"),
             PyLong_FromLong(0), PyLong_FromLong(1), str("r"));
    CHECK_STR(PyObject_Str(e),
              "can't translate character '\\U0001f600' in position 0: r");
    Py_DECREF(e);

    e = make(PyExc_UnicodeEncodeError, 5, PyLong_FromLong(1), str("x"),
             PyLong_FromLong(0), PyLong_FromLong(1), str("r"));
    CHECK(e == NULL);
    PyObject *exc = PyErr_GetRaisedException();
    CHECK_STR(exc ? PyObject_Str(exc) : NULL, "argument 1 must be str, not int");
    Py_XDECREF(exc);
}

static void test_import_error(void)
{
    PyObject *args = PyTuple_New(1);
    PyTuple_SET_ITEM(args, 0, str("no module"));
    PyObject *kwargs = PyDict_New();
    PyObject *name = str("spam");
    PyDict_SetItemString(kwargs, "name", name);
    PyObject *e = PyObject_Call(PyExc_ImportError, args, kwargs);
    CHECK_STR(PyObject_Str(e), "no module");
    PyObject *value = attr(e, "name");
    CHECK(value == name);
    Py_XDECREF(value);
    value = attr(e, "path");
    CHECK(value == Py_None);
    Py_XDECREF(value);
    CHECK_STR(attr(e, "msg"), "no module");
    Py_DECREF(e);

    PyDict_SetItemString(kwargs, "bogus", Py_None);
    CHECK(PyObject_Call(PyExc_ImportError, args, kwargs) == NULL);
    PyObject *exc = PyErr_GetRaisedException();
    CHECK_STR(exc ? PyObject_Str(exc) : NULL,
              "ImportError() got an unexpected keyword argument 'bogus'");
    Py_XDECREF(exc);

    PyErr_SetImportError(PyTuple_GET_ITEM(args, 0), name, NULL);
    exc = PyErr_GetRaisedException();
    CHECK(exc != NULL && Py_IS_TYPE(exc, (PyTypeObject *)PyExc_ImportError));
    value = exc ? attr(exc, "name") : NULL;
    CHECK(value == name);
    Py_XDECREF(value);
    Py_XDECREF(exc);
    Py_DECREF(name);
    Py_DECREF(kwargs);
    Py_DECREF(args);

    /* NameError and AttributeError take keyword-only name/obj. */
    args = PyTuple_New(0);
    kwargs = PyDict_New();
    name = str("x");
    PyDict_SetItemString(kwargs, "name", name);
    PyDict_SetItemString(kwargs, "obj", Py_True);
    e = PyObject_Call(PyExc_AttributeError, args, kwargs);
    value = e ? attr(e, "obj") : NULL;
    CHECK(value == Py_True);
    Py_XDECREF(value);
    Py_XDECREF(e);
    CHECK(PyObject_Call(PyExc_NameError, args, kwargs) == NULL);
    exc = PyErr_GetRaisedException();
    CHECK_STR(exc ? PyObject_Str(exc) : NULL,
              "NameError() takes at most 1 keyword argument (2 given)");
    Py_XDECREF(exc);
    PyDict_DelItemString(kwargs, "obj");
    e = PyObject_Call(PyExc_NameError, args, kwargs);
    value = e ? attr(e, "name") : NULL;
    CHECK(value == name);
    Py_XDECREF(value);
    Py_XDECREF(e);
    Py_DECREF(name);
    Py_DECREF(kwargs);
    Py_DECREF(args);
}

static void test_stop_iteration_and_system_exit(void)
{
    PyObject *e = make(PyExc_StopIteration, 1, PyLong_FromLong(7));
    PyObject *value = attr(e, "value");
    CHECK(value != NULL && PyLong_AsLong(value) == 7);
    Py_XDECREF(value);
    Py_DECREF(e);

    e = make(PyExc_SystemExit, 0);
    value = attr(e, "code");
    CHECK(value == Py_None);
    Py_XDECREF(value);
    Py_DECREF(e);
    e = make(PyExc_SystemExit, 1, PyLong_FromLong(3));
    value = attr(e, "code");
    CHECK(value != NULL && PyLong_AsLong(value) == 3);
    Py_XDECREF(value);
    Py_DECREF(e);
    e = make(PyExc_SystemExit, 2, PyLong_FromLong(1), PyLong_FromLong(2));
    value = attr(e, "code");
    CHECK(value != NULL && PyTuple_Check(value) && PyTuple_GET_SIZE(value) == 2);
    Py_XDECREF(value);
    Py_DECREF(e);
}

/* ---- exception groups -------------------------------------------------- */

/* ExceptionGroup(msg, [items...]) from new references. */
static PyObject *group(PyObject *type, const char *msg, int n, ...)
{
    PyObject *list = PyList_New(n);
    va_list va;
    va_start(va, n);
    for (int i = 0; i < n; i++) {
        PyList_SET_ITEM(list, i, va_arg(va, PyObject *));
    }
    va_end(va);
    return make(type, 2, str(msg), list);
}

static Py_ssize_t group_size(PyObject *eg)
{
    PyObject *excs = attr(eg, "exceptions");
    Py_ssize_t n = excs && PyTuple_Check(excs) ? PyTuple_GET_SIZE(excs) : -1;
    Py_XDECREF(excs);
    return n;
}

static PyObject *group_item(PyObject *eg, Py_ssize_t i)
{
    PyObject *excs = attr(eg, "exceptions");
    PyObject *item = Py_NewRef(PyTuple_GET_ITEM(excs, i));
    Py_DECREF(excs);
    return item;
}

static void test_group_construction(void)
{
    PyObject *eg = group(PyExc_BaseExceptionGroup, "flat", 2,
                         make(PyExc_ValueError, 1, PyLong_FromLong(1)),
                         make(PyExc_TypeError, 1, PyLong_FromLong(2)));
    /* All members are Exceptions: BaseExceptionGroup makes an
       ExceptionGroup. */
    CHECK(eg != NULL && Py_IS_TYPE(eg, (PyTypeObject *)PyExc_ExceptionGroup));
    CHECK_STR(PyObject_Str(eg), "flat (2 sub-exceptions)");
    CHECK_STR(PyObject_Repr(eg),
              "ExceptionGroup('flat', [ValueError(1), TypeError(2)])");
    CHECK_STR(attr(eg, "message"), "flat");
    CHECK(group_size(eg) == 2);
    Py_DECREF(eg);

    eg = group(PyExc_BaseExceptionGroup, "base", 1,
               make(PyExc_KeyboardInterrupt, 0));
    CHECK(eg != NULL
          && Py_IS_TYPE(eg, (PyTypeObject *)PyExc_BaseExceptionGroup));
    CHECK_STR(PyObject_Str(eg), "base (1 sub-exception)");
    Py_XDECREF(eg);

    /* repr shows the members the group holds, even if the list given to
       the constructor changes later; a tuple stays a tuple. */
    PyObject *list = PyList_New(0);
    PyObject *member = make(PyExc_ValueError, 0);
    PyList_Append(list, member);
    eg = make(PyExc_ExceptionGroup, 2, str("g"), Py_NewRef(list));
    PyList_Append(list, member);
    CHECK_STR(PyObject_Repr(eg), "ExceptionGroup('g', [ValueError()])");
    Py_DECREF(eg);
    eg = make(PyExc_ExceptionGroup, 2, str("g"), PyList_AsTuple(list));
    CHECK_STR(PyObject_Repr(eg),
              "ExceptionGroup('g', (ValueError(), ValueError()))");
    Py_DECREF(eg);
    Py_DECREF(member);
    Py_DECREF(list);

    CHECK(group(PyExc_ExceptionGroup, "eg", 1,
                make(PyExc_KeyboardInterrupt, 0)) == NULL);
    PyObject *exc = PyErr_GetRaisedException();
    CHECK(exc && PyErr_GivenExceptionMatches(exc, PyExc_TypeError));
    CHECK_STR(exc ? PyObject_Str(exc) : NULL,
              "Cannot nest BaseExceptions in an ExceptionGroup");
    Py_XDECREF(exc);

    CHECK(group(PyExc_ExceptionGroup, "eg", 0) == NULL);
    exc = PyErr_GetRaisedException();
    CHECK(exc && PyErr_GivenExceptionMatches(exc, PyExc_ValueError));
    CHECK_STR(exc ? PyObject_Str(exc) : NULL,
              "second argument (exceptions) must be a non-empty sequence");
    Py_XDECREF(exc);

    CHECK(group(PyExc_ExceptionGroup, "eg", 2, make(PyExc_ValueError, 0),
                PyLong_FromLong(1)) == NULL);
    exc = PyErr_GetRaisedException();
    CHECK_STR(exc ? PyObject_Str(exc) : NULL,
              "Item 1 of second argument (exceptions) is not an exception");
    Py_XDECREF(exc);

    CHECK(make(PyExc_ExceptionGroup, 2, str("eg"), Py_NewRef(Py_None)) == NULL);
    exc = PyErr_GetRaisedException();
    CHECK_STR(exc ? PyObject_Str(exc) : NULL,
              "second argument (exceptions) must be a sequence");
    Py_XDECREF(exc);

    CHECK(make(PyExc_ExceptionGroup, 1, str("eg")) == NULL);
    exc = PyErr_GetRaisedException();
    CHECK_STR(exc ? PyObject_Str(exc) : NULL,
              "BaseExceptionGroup.__new__() takes exactly 2 arguments "
              "(1 given)");
    Py_XDECREF(exc);
}

/* root: [ValueError(1), inner: [TypeError(2), ValueError(3)], KeyError(4)] */
static PyObject *nested_group(void)
{
    PyObject *inner = group(PyExc_ExceptionGroup, "inner", 2,
                            make(PyExc_TypeError, 1, PyLong_FromLong(2)),
                            make(PyExc_ValueError, 1, PyLong_FromLong(3)));
    return group(PyExc_ExceptionGroup, "root", 3,
                 make(PyExc_ValueError, 1, PyLong_FromLong(1)), inner,
                 make(PyExc_KeyError, 1, PyLong_FromLong(4)));
}

static void test_group_split(void)
{
    PyObject *eg = nested_group();
    PyObject *cause = make(PyExc_RuntimeError, 0);
    PyObject_SetAttrString(eg, "__cause__", cause);
    PyObject *note = str("note");
    _PyException_AddNote(eg, note);
    Py_DECREF(note);

    PyObject *parts = PyObject_CallMethod(eg, "split", "O", PyExc_ValueError);
    CHECK(parts != NULL && PyTuple_GET_SIZE(parts) == 2);
    if (parts != NULL) {
        PyObject *match = PyTuple_GET_ITEM(parts, 0);
        PyObject *rest = PyTuple_GET_ITEM(parts, 1);
        /* match: root[ValueError(1), inner[ValueError(3)]] */
        CHECK_STR(PyObject_Repr(match),
                  "ExceptionGroup('root', [ValueError(1), "
                  "ExceptionGroup('inner', [ValueError(3)])])");
        /* rest: root[inner[TypeError(2)], KeyError(4)] */
        CHECK_STR(PyObject_Repr(rest),
                  "ExceptionGroup('root', [ExceptionGroup('inner', "
                  "[TypeError(2)]), KeyError(4)])");
        CHECK(group_size(match) == 2 && group_size(rest) == 2);
        /* Derived parts keep the cause and a copy of the notes. */
        PyObject *part_cause = PyException_GetCause(match);
        CHECK(part_cause == cause);
        Py_XDECREF(part_cause);
        PyObject *notes = attr(rest, "__notes__");
        PyObject *orig_notes = attr(eg, "__notes__");
        CHECK(notes != NULL && notes != orig_notes && PyList_GET_SIZE(notes) == 1);
        Py_XDECREF(notes);
        Py_XDECREF(orig_notes);
        Py_DECREF(parts);
    }

    /* The whole group matches: returned as is. */
    PyObject *sub = PyObject_CallMethod(eg, "subgroup", "O", PyExc_Exception);
    CHECK(sub == eg);
    Py_XDECREF(sub);
    sub = PyObject_CallMethod(eg, "subgroup", "O", PyExc_OSError);
    CHECK(sub == Py_None);
    Py_XDECREF(sub);

    /* A tuple of types; the leaves of a nested match. */
    PyObject *types = PyTuple_Pack(2, PyExc_TypeError, PyExc_KeyError);
    sub = PyObject_CallMethod(eg, "subgroup", "(O)", types);
    CHECK_STR(sub ? PyObject_Repr(sub) : NULL,
              "ExceptionGroup('root', [ExceptionGroup('inner', "
              "[TypeError(2)]), KeyError(4)])");
    if (sub != NULL) {
        PyObject *inner = group_item(sub, 0);
        CHECK(Py_IS_TYPE(inner, (PyTypeObject *)PyExc_ExceptionGroup));
        Py_DECREF(inner);
    }
    Py_XDECREF(sub);
    Py_DECREF(types);

    /* An invalid condition. */
    PyObject *bad = str("bad");
    CHECK(PyObject_CallMethod(eg, "split", "O", bad) == NULL);
    PyObject *exc = PyErr_GetRaisedException();
    CHECK_STR(exc ? PyObject_Str(exc) : NULL,
              "expected an exception type, a tuple of exception types, or a "
              "callable (other than a class)");
    Py_XDECREF(exc);
    Py_DECREF(bad);
    Py_DECREF(cause);
    Py_DECREF(eg);
}

static void test_prep_reraise_star(void)
{
    PyObject *eg = nested_group();
    /* Handlers re-raised the ValueError part and raised a new KeyError. */
    PyObject *reraised = PyObject_CallMethod(eg, "subgroup", "O",
                                             PyExc_ValueError);
    /* Raised inside a handler, so its context is what was handled. */
    PyObject *fresh = make(PyExc_KeyError, 1, str("new"));
    PyException_SetContext(fresh, Py_XNewRef(reraised));
    PyObject *excs = PyList_New(0);
    PyList_Append(excs, reraised);
    PyList_Append(excs, Py_None);
    PyList_Append(excs, fresh);
    PyObject *result = PyUnstable_Exc_PrepReraiseStar(eg, excs);
    CHECK(result != NULL && _PyBaseExceptionGroup_Check(result));
    if (result != NULL && _PyBaseExceptionGroup_Check(result)) {
        CHECK(group_size(result) == 2);
        PyObject *first = group_item(result, 0);
        CHECK(first == fresh);
        Py_DECREF(first);
        CHECK_STR(PyObject_Repr(result),
                  "ExceptionGroup('', [KeyError('new'), ExceptionGroup('root',"
                  " [ValueError(1), ExceptionGroup('inner', [ValueError(3)])])"
                  "])");
    }
    Py_XDECREF(result);

    /* Nothing raised: None. */
    PyObject *empty = PyList_New(0);
    result = PyUnstable_Exc_PrepReraiseStar(eg, empty);
    CHECK(result == Py_None);
    Py_XDECREF(result);
    Py_DECREF(empty);
    Py_DECREF(excs);
    Py_DECREF(fresh);
    Py_XDECREF(reraised);
    Py_DECREF(eg);
}

/* A subclass that defines __init__ (here in C) gets its arguments parsed
   by OSError.__init__, with what its own __init__ passes on; __new__ then
   neither parses them nor picks an errno subclass. */
static int custom_oserror_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    (void)kwds;
    PyObject *first_two = PyTuple_GetSlice(args, 0, 2);
    if (first_two == NULL) {
        return -1;
    }
    int result = ((PyTypeObject *)PyExc_OSError)->tp_init(self, first_two, NULL);
    Py_DECREF(first_two);
    return result;
}

static void test_oserror_subclass_init(void)
{
    PyType_Slot slots[] = {
        {Py_tp_init, (void *)custom_oserror_init},
        {0, NULL},
    };
    PyType_Spec spec = {
        .name = "testmod.CustomOSError",
        .basicsize = 0,
        .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
        .slots = slots,
    };
    PyObject *cls = PyType_FromSpecWithBases(&spec, PyExc_OSError);
    CHECK(cls != NULL);
    if (cls == NULL) {
        PyErr_Clear();
        return;
    }
    PyObject *e = make(cls, 3, PyLong_FromLong(ENOENT), str("x"),
                       str("ignored"));
    CHECK(e != NULL && Py_IS_TYPE(e, (PyTypeObject *)cls));
    if (e != NULL) {
        CHECK_STR(PyObject_Str(e), "[Errno 2] x");
        PyObject *filename = attr(e, "filename");
        CHECK(filename == Py_None);
        Py_XDECREF(filename);
    }
    Py_XDECREF(e);
    Py_DECREF(cls);
}

static void test_setstate_and_with_traceback(void)
{
    PyObject *e = make(PyExc_ValueError, 0);
    PyObject *state = PyDict_New();
    PyObject *value = PyLong_FromLong(5);
    PyDict_SetItemString(state, "answer", value);
    PyObject *r = PyObject_CallMethod(e, "__setstate__", "(O)", state);
    CHECK(r == Py_None);
    Py_XDECREF(r);
    PyObject *answer = attr(e, "answer");
    CHECK(answer == value);
    Py_XDECREF(answer);
    r = PyObject_CallMethod(e, "__setstate__", "(O)", value);
    CHECK(r == NULL);
    PyObject *exc = PyErr_GetRaisedException();
    CHECK_STR(exc ? PyObject_Str(exc) : NULL, "state is not a dictionary");
    Py_XDECREF(exc);

    r = PyObject_CallMethod(e, "with_traceback", "(O)", Py_None);
    CHECK(r == e);
    Py_XDECREF(r);
    CHECK(PyException_GetTraceback(e) == NULL);
    Py_DECREF(value);
    Py_DECREF(state);
    Py_DECREF(e);
}

static void test_syntax_location(void)
{
    char path[] = "/tmp/weft_exc_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0) {
        return;
    }
    const char source[] = "first = 1\n    second line\n";
    CHECK(write(fd, source, sizeof(source) - 1) == (ssize_t)sizeof(source) - 1);
    close(fd);

    CHECK_STR(PyErr_ProgramText(path, 2), "    second line\n");
    CHECK(PyErr_ProgramText(path, 9) == NULL && !PyErr_Occurred());

    PyErr_SetString(PyExc_SyntaxError, "bad thing");
    PyErr_SyntaxLocationEx(path, 2, 5);
    PyObject *exc = PyErr_GetRaisedException();
    CHECK(exc != NULL);
    if (exc != NULL) {
        PyObject *lineno = attr(exc, "lineno");
        CHECK(lineno != NULL && PyLong_AsLong(lineno) == 2);
        Py_XDECREF(lineno);
        PyObject *offset = attr(exc, "offset");
        CHECK(offset != NULL && PyLong_AsLong(offset) == 5);
        Py_XDECREF(offset);
        CHECK_STR(attr(exc, "text"), "    second line\n");
        Py_DECREF(exc);
    }
    unlink(path);
}

static void test_deep_group(void)
{
    /* split() recursion is bounded: a group nested deeper than the C
       recursion limit raises RecursionError, and destroying it does not
       overflow the C stack. */
    PyObject *eg = make(PyExc_TypeError, 0);
    for (int i = 0; i < Py_C_RECURSION_LIMIT + 10 && eg != NULL; i++) {
        eg = group(PyExc_ExceptionGroup, "eg", 1, eg);
    }
    CHECK(eg != NULL);
    if (eg == NULL) {
        PyErr_Clear();
        return;
    }
    PyObject *parts = PyObject_CallMethod(eg, "split", "(O)", PyExc_TypeError);
    CHECK(parts == NULL);
    CHECK_RAISES(PyExc_RecursionError);
    Py_XDECREF(parts);
    Py_DECREF(eg);
}

/* ---- classes made at run time ------------------------------------------ */

static void test_new_exception(void)
{
    PyObject *cls = PyErr_NewExceptionWithDoc("spam.Error", "Spam failed.",
                                              PyExc_ValueError, NULL);
    CHECK(cls != NULL && PyExceptionClass_Check(cls));
    if (cls != NULL) {
        CHECK(is_subclass(cls, PyExc_ValueError));
        CHECK_STR(attr(cls, "__module__"), "spam");
        CHECK_STR(attr(cls, "__doc__"), "Spam failed.");
        PyObject *e = make(cls, 1, str("x"));
        CHECK_STR(e ? PyObject_Repr(e) : NULL, "Error('x')");
        Py_XDECREF(e);
        Py_DECREF(cls);
    }
    CHECK(PyErr_NewException("nodot", NULL, NULL) == NULL);
    CHECK_RAISES(PyExc_SystemError);
}

/* ---- reporting --------------------------------------------------------- */

static void test_display(void)
{
    PyObject *cause = make(PyExc_KeyError, 1, str("c"));
    PyObject *e = make(PyExc_ValueError, 1, str("x"));
    PyException_SetCause(e, Py_NewRef(cause));
    PyObject *note = str("note1");
    _PyException_AddNote(e, note);
    Py_DECREF(note);
    capture_begin();
    PyErr_DisplayException(e);
    const char *out = capture_end();
    CHECK(strcmp(out, "KeyError: 'c'\n\nThe above exception was the direct "
                      "cause of the following exception:\n\nValueError: x\n"
                      "note1\n") == 0);
    Py_DECREF(e);

    e = make(PyExc_ValueError, 0);
    PyException_SetContext(e, Py_NewRef(cause));
    capture_begin();
    PyErr_SetRaisedException(Py_NewRef(e));
    PyErr_Print();
    out = capture_end();
    CHECK(strcmp(out, "KeyError: 'c'\n\nDuring handling of the above "
                      "exception, another exception occurred:\n\n"
                      "ValueError\n") == 0);
    CHECK(PyErr_Occurred() == NULL);
    Py_DECREF(e);
    Py_DECREF(cause);

    PyObject *inner = group(PyExc_ExceptionGroup, "inner", 1,
                            make(PyExc_KeyError, 1, str("k")));
    PyObject *eg = group(PyExc_ExceptionGroup, "eg", 2,
                         make(PyExc_ValueError, 1, str("a")), inner);
    capture_begin();
    PyErr_DisplayException(eg);
    out = capture_end();
    CHECK(strcmp(out,
                 "  | ExceptionGroup: eg (2 sub-exceptions)\n"
                 "  +-+---------------- 1 ----------------\n"
                 "    | ValueError: a\n"
                 "    +---------------- 2 ----------------\n"
                 "    | ExceptionGroup: inner (1 sub-exception)\n"
                 "    +-+---------------- 1 ----------------\n"
                 "      | KeyError: 'k'\n"
                 "      +------------------------------------\n") == 0);
    Py_DECREF(eg);

    PyObject *info = PyTuple_Pack(6, Py_None, Py_None, Py_None, Py_None,
                                  Py_None, Py_None);
    PyObject *items[6] = {str("f.py"), PyLong_FromLong(3), PyLong_FromLong(5),
                          str("  x = $ y\n"), PyLong_FromLong(3),
                          PyLong_FromLong(8)};
    for (int i = 0; i < 6; i++) {
        Py_DECREF(PyTuple_GET_ITEM(info, i));
        PyTuple_SET_ITEM(info, i, items[i]);
    }
    e = make(PyExc_SyntaxError, 2, str("bad"), info);
    capture_begin();
    PyErr_DisplayException(e);
    out = capture_end();
    CHECK(strcmp(out, "  File \"f.py\", line 3\n    x = $ y\n      ^^^\n"
                      "SyntaxError: bad\n") == 0);
    Py_DECREF(e);
}

static void test_write_unraisable(void)
{
    PyObject *obj = str("obj");
    PyErr_SetString(PyExc_RuntimeError, "oops");
    capture_begin();
    PyErr_WriteUnraisable(obj);
    const char *out = capture_end();
    CHECK(strcmp(out, "Exception ignored in: 'obj'\nRuntimeError: oops\n") == 0);
    CHECK(PyErr_Occurred() == NULL);
    Py_DECREF(obj);

    PyErr_SetString(PyExc_RuntimeError, "oops");
    capture_begin();
    PyErr_FormatUnraisable("Exception ignored while doing %s", "work");
    out = capture_end();
    CHECK(strcmp(out, "Exception ignored while doing work:\n"
                      "RuntimeError: oops\n") == 0);
}

static void test_warnings(void)
{
    capture_begin();
    int first = PyErr_WarnEx(PyExc_UserWarning, "careful (test_warnings)", 1);
    int second = PyErr_WarnEx(PyExc_UserWarning, "careful (test_warnings)", 1);
    int hidden = PyErr_WarnEx(PyExc_DeprecationWarning, "old (test_warnings)", 1);
    int formatted = PyErr_WarnFormat(PyExc_RuntimeWarning, 1, "n=%d", 3);
    const char *out = capture_end();
    CHECK(first == 0 && second == 0 && hidden == 0 && formatted == 0);
    /* Shown once; DeprecationWarning is ignored outside __main__.  With
       no Python frame the warning is attributed to "<sys>", line 0. */
    CHECK(strcmp(out, "<sys>:0: UserWarning: careful (test_warnings)\n"
                      "<sys>:0: RuntimeWarning: n=3\n") == 0);

    PyObject *registry = PyDict_New();
    capture_begin();
    PyErr_WarnExplicit(PyExc_SyntaxWarning, "odd", "prog.py", 7, NULL, registry);
    PyErr_WarnExplicit(PyExc_SyntaxWarning, "odd", "prog.py", 7, NULL, registry);
    out = capture_end();
    CHECK(strcmp(out, "prog.py:7: SyntaxWarning: odd\n") == 0);
    /* The (text, category, line) key plus the filters' "version". */
    CHECK(PyDict_Size(registry) == 2);
    Py_DECREF(registry);

    /* As in CPython, the C API does not check the category. */
    capture_begin();
    CHECK(PyErr_WarnEx(PyExc_ValueError, "not a warning", 1) == 0);
    out = capture_end();
    CHECK(strcmp(out, "<sys>:0: ValueError: not a warning\n") == 0);
}

static void test_snprintf(void)
{
    char buf[8];
    int n = PyOS_snprintf(buf, sizeof(buf), "%s-%d", "abcdef", 42);
    CHECK(n == 9);
    CHECK(strcmp(buf, "abcdef-") == 0);
}

void suite_exceptions(void)
{
    RUN(test_hierarchy);
    RUN(test_str_and_repr);
    RUN(test_key_error_str);
    RUN(test_args_attribute);
    RUN(test_add_note);
    RUN(test_chaining_attributes);
    RUN(test_implicit_context);
    RUN(test_set_and_match);
    RUN(test_format);
    RUN(test_fetch_restore);
    RUN(test_no_memory);
    RUN(test_set_from_errno);
    RUN(test_oserror);
    RUN(test_oserror_subclass_init);
    RUN(test_setstate_and_with_traceback);
    RUN(test_syntax_location);
    RUN(test_syntax_error_str);
    RUN(test_unicode_errors);
    RUN(test_import_error);
    RUN(test_stop_iteration_and_system_exit);
    RUN(test_group_construction);
    RUN(test_group_split);
    RUN(test_prep_reraise_star);
    RUN(test_deep_group);
    RUN(test_new_exception);
    RUN(test_display);
    RUN(test_write_unraisable);
    RUN(test_warnings);
    RUN(test_snprintf);
}
