/* Raising, fetching and reporting exceptions.

   The raised exception of a thread is one owned, normalized exception
   instance in tstate->current_exception (the 3.12 model).  The legacy
   (type, value, traceback) triple API is a view of it: Fetch splits the
   instance, Restore builds one.  Only the owning thread touches its
   thread state's exception fields, so nothing here takes a lock; the
   exception objects themselves are mutated through PyException_* which
   take their critical sections.

   The "handled" exception (what sys.exception() returns inside an except
   block) is tstate->exc_info_value; a new exception raised while one is
   handled gets it as __context__. */
#define _GNU_SOURCE 1           /* the char * strerror_r */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_frame.h"
#include "pycore_exceptions.h"
#include "pycore_parser.h"

#include <string.h>

/* ---- the raised exception ---------------------------------------------- */

PyObject *PyErr_Occurred(void)
{
    /* Callable without an attached thread: then nothing can be raised. */
    PyThreadState *tstate = _PyThreadState_GET();
    return tstate == NULL ? NULL : _PyErr_Occurred(tstate);
}

void PyErr_Clear(void)
{
    _PyErr_Clear(_PyThreadState_GET());
}

PyObject *PyErr_GetRaisedException(void)
{
    return _PyErr_GetRaisedException(_PyThreadState_GET());
}

void PyErr_SetRaisedException(PyObject *exc)
{
    _PyErr_SetRaisedException(_PyThreadState_GET(), exc);
}

PyObject *_PyErr_CreateException(PyObject *exception_type, PyObject *value)
{
    PyObject *exc;
    if (value == NULL || value == Py_None) {
        exc = PyObject_CallNoArgs(exception_type);
    }
    else if (PyTuple_Check(value)) {
        exc = PyObject_Call(exception_type, value, NULL);
    }
    else {
        exc = PyObject_CallOneArg(exception_type, value);
    }
    if (exc != NULL && !PyExceptionInstance_Check(exc)) {
        PyErr_Format(PyExc_TypeError,
                     "calling %R should have returned an instance of "
                     "BaseException, not %s",
                     exception_type, Py_TYPE(exc)->tp_name);
        Py_CLEAR(exc);
    }
    return exc;
}

/* Give exc the handled exception as __context__, first cutting exc out of
   handled's own context chain so no cycle is created.  A chain that
   already loops is walked with a second pointer at half speed so the walk
   ends (Floyd). */
static void chain_to_handled(PyObject *exc, PyObject *handled)
{
    PyObject *node = handled;
    PyObject *slow = handled;
    int advance_slow = 0;
    for (;;) {
        PyObject *context = PyException_GetContext(node);
        if (context == NULL) {
            break;
        }
        /* The chain keeps context alive while we look at it; handled
           holds the chain and we hold handled. */
        Py_DECREF(context);
        if (context == exc) {
            PyException_SetContext(node, NULL);
            break;
        }
        node = context;
        if (node == slow) {
            break;
        }
        if (advance_slow) {
            PyObject *next = PyException_GetContext(slow);
            Py_XDECREF(next);
            slow = next;
        }
        advance_slow = !advance_slow;
    }
    PyException_SetContext(exc, Py_NewRef(handled));
}

void _PyErr_SetObject(PyThreadState *tstate, PyObject *type, PyObject *value)
{
    if (type == NULL) {
        _PyErr_SetString(tstate, PyExc_SystemError,
                         "_PyErr_SetObject: exception type is NULL");
        return;
    }
    if (!PyExceptionClass_Check(type)) {
        _PyErr_Format(tstate, PyExc_SystemError,
                      "_PyErr_SetObject: exception %R is not a "
                      "BaseException subclass", type);
        return;
    }
    PyObject *exc;
    if (value != NULL && PyObject_TypeCheck(value, (PyTypeObject *)type)) {
        exc = Py_NewRef(value);
    }
    else {
        /* Constructors must not run with an exception set; it is being
           replaced anyway. */
        _PyErr_Clear(tstate);
        exc = _PyErr_CreateException(type, value);
        if (exc == NULL) {
            return;
        }
    }
    PyObject *handled = tstate->exc_info_value;
    if (handled != NULL && handled != Py_None && handled != exc) {
        Py_INCREF(handled);
        chain_to_handled(exc, handled);
        Py_DECREF(handled);
    }
    _PyErr_SetRaisedException(tstate, exc);
}

void PyErr_SetObject(PyObject *type, PyObject *value)
{
    _PyErr_SetObject(_PyThreadState_GET(), type, value);
}

void _PyErr_SetString(PyThreadState *tstate, PyObject *type, const char *text)
{
    PyObject *value = PyUnicode_FromString(text);
    if (value != NULL) {
        _PyErr_SetObject(tstate, type, value);
        Py_DECREF(value);
    }
}

void PyErr_SetString(PyObject *type, const char *text)
{
    _PyErr_SetString(_PyThreadState_GET(), type, text);
}

void _PyErr_SetNone(PyThreadState *tstate, PyObject *type)
{
    _PyErr_SetObject(tstate, type, NULL);
}

void PyErr_SetNone(PyObject *type)
{
    _PyErr_SetNone(_PyThreadState_GET(), type);
}

static PyObject *format_v(PyThreadState *tstate, PyObject *type,
                          const char *format, va_list va)
{
    /* The formatter may call __repr__/__str__, which must not see a
       pending exception. */
    _PyErr_Clear(tstate);
    PyObject *text = PyUnicode_FromFormatV(format, va);
    if (text != NULL) {
        _PyErr_SetObject(tstate, type, text);
        Py_DECREF(text);
    }
    return NULL;
}

PyObject *PyErr_FormatV(PyObject *type, const char *format, va_list va)
{
    return format_v(_PyThreadState_GET(), type, format, va);
}

PyObject *PyErr_Format(PyObject *type, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    format_v(_PyThreadState_GET(), type, format, va);
    va_end(va);
    return NULL;
}

PyObject *_PyErr_Format(PyThreadState *tstate, PyObject *type,
                        const char *format, ...)
{
    va_list va;
    va_start(va, format);
    format_v(tstate, type, format, va);
    va_end(va);
    return NULL;
}

/* ---- matching ---------------------------------------------------------- */

int PyErr_GivenExceptionMatches(PyObject *given, PyObject *exc)
{
    if (given == NULL || exc == NULL) {
        return 0;
    }
    if (PyTuple_Check(exc)) {
        Py_ssize_t n = PyTuple_GET_SIZE(exc);
        for (Py_ssize_t i = 0; i < n; i++) {
            if (PyErr_GivenExceptionMatches(given, PyTuple_GET_ITEM(exc, i))) {
                return 1;
            }
        }
        return 0;
    }
    if (PyExceptionInstance_Check(given)) {
        given = PyExceptionInstance_Class(given);
    }
    if (PyExceptionClass_Check(given) && PyExceptionClass_Check(exc)) {
        return PyType_IsSubtype((PyTypeObject *)given, (PyTypeObject *)exc);
    }
    return given == exc;
}

int _PyErr_ExceptionMatches(PyThreadState *tstate, PyObject *exc)
{
    return PyErr_GivenExceptionMatches(_PyErr_Occurred(tstate), exc);
}

int PyErr_ExceptionMatches(PyObject *exc)
{
    return _PyErr_ExceptionMatches(_PyThreadState_GET(), exc);
}

/* ---- the legacy triple API --------------------------------------------- */

void _PyErr_Fetch(PyThreadState *tstate, PyObject **type, PyObject **value,
                  PyObject **tb)
{
    PyObject *exc = _PyErr_GetRaisedException(tstate);
    *value = exc;
    if (exc == NULL) {
        *type = NULL;
        *tb = NULL;
        return;
    }
    *type = Py_NewRef(Py_TYPE(exc));
    *tb = PyException_GetTraceback(exc);
}

void PyErr_Fetch(PyObject **type, PyObject **value, PyObject **tb)
{
    _PyErr_Fetch(_PyThreadState_GET(), type, value, tb);
}

/* Steals all three.  A value that is not yet an instance of type is
   turned into one here, so the stored exception is always normalized. */
void _PyErr_Restore(PyThreadState *tstate, PyObject *type, PyObject *value,
                    PyObject *tb)
{
    if (type == NULL) {
        Py_XDECREF(value);
        Py_XDECREF(tb);
        _PyErr_Clear(tstate);
        return;
    }
    if (!PyExceptionClass_Check(type)) {
        _PyErr_Format(tstate, PyExc_SystemError,
                      "exception %R is not a BaseException subclass", type);
        Py_DECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(tb);
        return;
    }
    PyObject *exc = value;
    if (exc == NULL || !PyObject_TypeCheck(exc, (PyTypeObject *)type)) {
        _PyErr_Clear(tstate);
        exc = _PyErr_CreateException(type, value);
        Py_XDECREF(value);
        if (exc == NULL) {
            Py_DECREF(type);
            Py_XDECREF(tb);
            return;
        }
    }
    Py_DECREF(type);
    if (tb != NULL && tb != Py_None) {
        if (PyException_SetTraceback(exc, tb) < 0) {
            /* Not a traceback: keep the exception, drop the bad tb. */
            _PyErr_Clear(tstate);
        }
    }
    Py_XDECREF(tb);
    _PyErr_SetRaisedException(tstate, exc);
}

void PyErr_Restore(PyObject *type, PyObject *value, PyObject *tb)
{
    _PyErr_Restore(_PyThreadState_GET(), type, value, tb);
}

/* Make (*type, *value, *tb) a normalized triple in place.  The references
   are the caller's; replaced ones are released. */
void PyErr_NormalizeException(PyObject **type, PyObject **value,
                              PyObject **tb)
{
    PyObject *t = *type;
    if (t == NULL) {
        return;
    }
    PyObject *v = *value;
    if (v != NULL && PyExceptionInstance_Check(v)
        && (!PyExceptionClass_Check(t)
            || PyObject_TypeCheck(v, (PyTypeObject *)t))) {
        /* Already an instance: its own class is the precise type. */
        Py_SETREF(*type, Py_NewRef(Py_TYPE(v)));
        return;
    }
    if (!PyExceptionClass_Check(t)) {
        return;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *saved = _PyErr_GetRaisedException(tstate);
    PyObject *exc = _PyErr_CreateException(t, v);
    if (exc == NULL) {
        /* Report the failure to create the exception instead. */
        exc = _PyErr_GetRaisedException(tstate);
    }
    _PyErr_SetRaisedException(tstate, saved);
    if (exc == NULL) {
        return;
    }
    Py_SETREF(*type, Py_NewRef(Py_TYPE(exc)));
    Py_XSETREF(*value, exc);
    PyObject *new_tb = PyException_GetTraceback(exc);
    if (new_tb != NULL) {
        Py_XSETREF(*tb, new_tb);
    }
}

/* ---- the handled exception --------------------------------------------- */

PyObject *PyErr_GetHandledException(void)
{
    PyObject *exc = _PyThreadState_GET()->exc_info_value;
    if (exc == NULL || exc == Py_None) {
        return NULL;
    }
    return Py_NewRef(exc);
}

void PyErr_SetHandledException(PyObject *exc)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (exc == Py_None) {
        exc = NULL;
    }
    Py_XSETREF(tstate->exc_info_value, Py_XNewRef(exc));
}

void PyErr_GetExcInfo(PyObject **type, PyObject **value, PyObject **tb)
{
    PyObject *exc = PyErr_GetHandledException();
    *value = exc;
    if (exc == NULL) {
        *type = NULL;
        *tb = NULL;
        return;
    }
    *type = Py_NewRef(Py_TYPE(exc));
    *tb = PyException_GetTraceback(exc);
}

/* Steals all three; only the value is kept (its class and traceback are
   reachable from it). */
void PyErr_SetExcInfo(PyObject *type, PyObject *value, PyObject *tb)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (value == Py_None) {
        Py_DECREF(value);
        value = NULL;
    }
    Py_XSETREF(tstate->exc_info_value, value);
    Py_XDECREF(type);
    Py_XDECREF(tb);
}

/* ---- chaining helpers -------------------------------------------------- */

void _PyErr_ChainExceptions1(PyObject *exc)
{
    if (exc == NULL) {
        return;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    if (_PyErr_Occurred(tstate)) {
        PyObject *newer = _PyErr_GetRaisedException(tstate);
        PyException_SetContext(newer, exc);
        _PyErr_SetRaisedException(tstate, newer);
    }
    else {
        _PyErr_SetRaisedException(tstate, exc);
    }
}

void _PyErr_ChainExceptions(PyObject *type, PyObject *value, PyObject *tb)
{
    if (type == NULL) {
        Py_XDECREF(value);
        Py_XDECREF(tb);
        return;
    }
    PyObject *t = type, *v = value, *b = tb;
    PyErr_NormalizeException(&t, &v, &b);
    Py_XDECREF(t);
    Py_XDECREF(b);
    if (v == NULL || !PyExceptionInstance_Check(v)) {
        Py_XDECREF(v);
        return;
    }
    _PyErr_ChainExceptions1(v);
}

static PyObject *format_from_cause_v(PyObject *type, const char *format,
                                     va_list va)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *cause = _PyErr_GetRaisedException(tstate);
    format_v(tstate, type, format, va);
    if (cause == NULL) {
        return NULL;
    }
    PyObject *exc = _PyErr_GetRaisedException(tstate);
    if (exc == NULL) {
        Py_DECREF(cause);
        return NULL;
    }
    PyException_SetCause(exc, Py_NewRef(cause));
    PyException_SetContext(exc, cause);
    _PyErr_SetRaisedException(tstate, exc);
    return NULL;
}

PyObject *_PyErr_FormatFromCause(PyObject *type, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    format_from_cause_v(type, format, va);
    va_end(va);
    return NULL;
}

void _PyErr_SetKeyError(PyObject *key)
{
    /* Through a 1-tuple so a tuple key stays one argument. */
    PyObject *args = PyTuple_Pack(1, key);
    if (args != NULL) {
        PyErr_SetObject(PyExc_KeyError, args);
        Py_DECREF(args);
    }
}

/* ---- common errors ----------------------------------------------------- */

int PyErr_BadArgument(void)
{
    PyErr_SetString(PyExc_TypeError,
                    "bad argument type for built-in operation");
    return 0;
}

PyObject *_PyErr_NoMemory(PyThreadState *tstate)
{
    /* No constructor call: it could need the memory we lack. */
    _PyErr_SetRaisedException(tstate, _PyExc_NewMemoryError());
    return NULL;
}

PyObject *PyErr_NoMemory(void)
{
    return _PyErr_NoMemory(_PyThreadState_GET());
}

void _PyErr_BadInternalCall(const char *filename, int lineno)
{
    PyErr_Format(PyExc_SystemError,
                 "%s:%d: bad argument to internal function", filename, lineno);
}

/* The function form of the macro in pyerrors.h, for the ABI. */
#undef PyErr_BadInternalCall
void PyErr_BadInternalCall(void)
{
    PyErr_SetString(PyExc_SystemError, "bad argument to internal function");
}

/* sig: PyErr_CheckSignals, PyErr_SetInterrupt and PyErr_SetInterruptEx
   are defined in Modules/signalmodule.c with the handler table. */

/* ---- errno ------------------------------------------------------------- */

PyObject *PyErr_SetFromErrnoWithFilenameObjects(PyObject *type,
                                                PyObject *filename,
                                                PyObject *filename2)
{
    int errnum = errno;
    if (errnum == EINTR && PyErr_CheckSignals() < 0) {
        return NULL;
    }
    PyObject *message;
    if (errnum == 0) {
        message = PyUnicode_FromString("Error");
    }
    else {
        char buf[256];
        const char *text = strerror_r(errnum, buf, sizeof(buf));
        message = PyUnicode_DecodeLocale(text, "surrogateescape");
    }
    if (message == NULL) {
        return NULL;
    }
    PyObject *code = PyLong_FromLong(errnum);
    if (code == NULL) {
        Py_DECREF(message);
        return NULL;
    }
    PyObject *args;
    if (filename != NULL && filename2 != NULL) {
        /* The fourth argument is winerror, ignored off Windows. */
        args = PyTuple_Pack(5, code, message, filename, Py_None, filename2);
    }
    else if (filename != NULL) {
        args = PyTuple_Pack(3, code, message, filename);
    }
    else {
        args = PyTuple_Pack(2, code, message);
    }
    Py_DECREF(code);
    Py_DECREF(message);
    if (args == NULL) {
        return NULL;
    }
    PyObject *exc = PyObject_Call(type, args, NULL);
    Py_DECREF(args);
    if (exc != NULL) {
        PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
        Py_DECREF(exc);
    }
    return NULL;
}

PyObject *PyErr_SetFromErrnoWithFilenameObject(PyObject *type,
                                               PyObject *filename)
{
    return PyErr_SetFromErrnoWithFilenameObjects(type, filename, NULL);
}

PyObject *PyErr_SetFromErrno(PyObject *type)
{
    return PyErr_SetFromErrnoWithFilenameObjects(type, NULL, NULL);
}

PyObject *PyErr_SetFromErrnoWithFilename(PyObject *type, const char *filename)
{
    int saved_errno = errno;
    PyObject *name = NULL;
    if (filename != NULL) {
        name = PyUnicode_DecodeFSDefault(filename);
        if (name == NULL) {
            return NULL;
        }
    }
    errno = saved_errno;
    PyErr_SetFromErrnoWithFilenameObjects(type, name, NULL);
    Py_XDECREF(name);
    return NULL;
}

/* ---- ImportError ------------------------------------------------------- */

PyObject *PyErr_SetImportErrorSubclass(PyObject *exception, PyObject *msg,
                                       PyObject *name, PyObject *path)
{
    if (!PyExceptionClass_Check(exception)
        || !PyType_IsSubtype((PyTypeObject *)exception,
                             (PyTypeObject *)PyExc_ImportError)) {
        PyErr_SetString(PyExc_TypeError,
                        "expected a subclass of ImportError");
        return NULL;
    }
    if (msg == NULL) {
        PyErr_SetString(PyExc_TypeError, "expected a message argument");
        return NULL;
    }
    PyObject *kwargs = PyDict_New();
    if (kwargs == NULL) {
        return NULL;
    }
    PyObject *args = NULL;
    if (PyDict_SetItemString(kwargs, "name", name ? name : Py_None) < 0
        || PyDict_SetItemString(kwargs, "path", path ? path : Py_None) < 0
        || (args = PyTuple_Pack(1, msg)) == NULL) {
        Py_DECREF(kwargs);
        return NULL;
    }
    PyObject *exc = PyObject_Call(exception, args, kwargs);
    Py_DECREF(args);
    Py_DECREF(kwargs);
    if (exc != NULL) {
        PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
        Py_DECREF(exc);
    }
    return NULL;
}

PyObject *PyErr_SetImportError(PyObject *msg, PyObject *name, PyObject *path)
{
    return PyErr_SetImportErrorSubclass(PyExc_ImportError, msg, name, path);
}

/* ---- fatal errors ------------------------------------------------------ */

/* Prints "Fatal Python error: func: message", the raised exception if
   there is one, and aborts.  A second fatal error while reporting the
   first aborts at once. */
static _Py_NO_RETURN void fatal_error(const char *func, const char *message)
{
    static int entered;
    if (__atomic_exchange_n(&entered, 1, __ATOMIC_SEQ_CST)) {
        fputs("Fatal Python error: recursive fatal error\n", stderr);
        abort();
    }
    fflush(stdout);
    fputs("Fatal Python error: ", stderr);
    if (func != NULL) {
        fprintf(stderr, "%s: ", func);
    }
    fputs(message, stderr);
    fputc('\n', stderr);
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate != NULL && tstate->current_exception != NULL) {
        PyObject *exc = _PyErr_GetRaisedException(tstate);
        fputc('\n', stderr);
        _PyErr_DisplayToFile(stderr, exc);
        Py_DECREF(exc);
    }
    fflush(stderr);
    abort();
}

void _Py_FatalErrorFunc(const char *func, const char *message)
{
    fatal_error(func, message);
}

void _Py_FatalErrorFormat(const char *func, const char *format, ...)
{
    char message[1024];
    va_list va;
    va_start(va, format);
    vsnprintf(message, sizeof(message), format, va);
    va_end(va);
    fatal_error(func, message);
}

/* The function form of the macro in cpython/pyerrors.h, for the ABI. */
#undef Py_FatalError
void Py_FatalError(const char *message)
{
    fatal_error(NULL, message);
}

/* ---- text building for reports ----------------------------------------- */

/* A growable UTF-8 buffer.  Out of memory, appends are dropped: a report
   printed while memory is exhausted may be truncated, never crash. */
typedef struct {
    char *data;
    size_t len;
    size_t cap;
} textbuf;

static void text_add(textbuf *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 128;
        while (cap < t->len + n + 1) {
            cap *= 2;
        }
        char *grown = PyMem_RawRealloc(t->data, cap);
        if (grown == NULL) {
            return;
        }
        t->data = grown;
        t->cap = cap;
    }
    memcpy(t->data + t->len, s, n);
    t->len += n;
    t->data[t->len] = '\0';
}

static void text_puts(textbuf *t, const char *s)
{
    text_add(t, s, strlen(s));
}

static void text_free(textbuf *t)
{
    PyMem_RawFree(t->data);
    t->data = NULL;
    t->len = t->cap = 0;
}

/* Append a str object's text; 0 if it is not a usable str. */
static int text_add_unicode(textbuf *t, PyObject *s)
{
    if (s == NULL || !PyUnicode_Check(s)) {
        return 0;
    }
    Py_ssize_t n;
    const char *utf8 = PyUnicode_AsUTF8AndSize(s, &n);
    if (utf8 != NULL) {
        text_add(t, utf8, (size_t)n);
        return 1;
    }
    /* Lone surrogates: shown escaped, as stderr's backslashreplace would. */
    PyErr_Clear();
    PyObject *escaped = PyUnicode_AsEncodedString(s, "utf-8",
                                                  "backslashreplace");
    if (escaped == NULL) {
        PyErr_Clear();
        return 0;
    }
    text_add(t, PyBytes_AS_STRING(escaped), (size_t)PyBytes_GET_SIZE(escaped));
    Py_DECREF(escaped);
    return 1;
}

/* Append str(obj) (or repr), or "<WHAT str() failed>" when that raises:
   a report must never fail because an object misbehaves. */
static void text_add_object(textbuf *t, PyObject *obj, const char *what,
                            int use_repr)
{
    PyObject *s = use_repr ? PyObject_Repr(obj) : PyObject_Str(obj);
    if (!text_add_unicode(t, s)) {
        PyErr_Clear();
        text_puts(t, "<");
        text_puts(t, what);
        text_puts(t, use_repr ? " repr() failed>" : " str() failed>");
    }
    Py_XDECREF(s);
}

/* Attribute or NULL, never an exception. */
static PyObject *quiet_getattr(PyObject *obj, const char *name)
{
    PyObject *value = PyObject_GetAttrString(obj, name);
    if (value == NULL) {
        PyErr_Clear();
    }
    return value;
}

/* "module.QualName", with the module left out for builtins and __main__. */
static void text_add_type_name(textbuf *t, PyTypeObject *type)
{
    PyObject *module = quiet_getattr((PyObject *)type, "__module__");
    PyObject *qualname = quiet_getattr((PyObject *)type, "__qualname__");
    if (qualname == NULL || !PyUnicode_Check(qualname)) {
        text_puts(t, type->tp_name);
    }
    else {
        if (module == NULL || !PyUnicode_Check(module)) {
            text_puts(t, "<unknown>.");
        }
        else if (!PyUnicode_EqualToUTF8(module, "builtins")
                 && !PyUnicode_EqualToUTF8(module, "__main__")) {
            text_add_unicode(t, module);
            text_puts(t, ".");
        }
        text_add_unicode(t, qualname);
    }
    Py_XDECREF(module);
    Py_XDECREF(qualname);
}

/* ---- displaying exceptions --------------------------------------------- */

/* Exception groups are drawn as boxes, at most this wide and deep. */
#define MAX_GROUP_WIDTH 15
#define MAX_GROUP_DEPTH 10

typedef struct {
    FILE *file;
    int group_depth;            /* boxes we are inside */
    int need_close;             /* the innermost box still needs its bottom */
    PyObject **seen;            /* exceptions already shown (borrowed) */
    Py_ssize_t nseen;
    Py_ssize_t seen_cap;
} display_ctx;

static int ctx_seen(display_ctx *ctx, PyObject *exc)
{
    for (Py_ssize_t i = 0; i < ctx->nseen; i++) {
        if (ctx->seen[i] == exc) {
            return 1;
        }
    }
    return 0;
}

static void ctx_mark_seen(display_ctx *ctx, PyObject *exc)
{
    if (ctx->nseen == ctx->seen_cap) {
        Py_ssize_t cap = ctx->seen_cap ? ctx->seen_cap * 2 : 16;
        PyObject **grown = PyMem_RawRealloc(ctx->seen, cap * sizeof(PyObject *));
        if (grown == NULL) {
            return;
        }
        ctx->seen = grown;
        ctx->seen_cap = cap;
    }
    ctx->seen[ctx->nseen++] = exc;
}

static void write_indent(display_ctx *ctx)
{
    for (int i = 0; i < ctx->group_depth; i++) {
        fputs("  ", ctx->file);
    }
}

/* Write text line by line, each prefixed by the box margin. */
static void emit(display_ctx *ctx, const char *text, size_t len, char margin)
{
    const char *p = text;
    const char *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t line_len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        write_indent(ctx);
        if (ctx->group_depth > 0) {
            fputc(margin, ctx->file);
            fputc(' ', ctx->file);
        }
        fwrite(p, 1, line_len, ctx->file);
        fputc('\n', ctx->file);
        p = nl ? nl + 1 : end;
    }
}

static void emit_str(display_ctx *ctx, const char *text)
{
    emit(ctx, text, strlen(text), '|');
}

static int is_ascii_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f'
           || c == '\r';
}

/* The source line and caret of a SyntaxError:
       File "f.py", line 3
         x = $ y
             ^^^
   Columns are 1-based code point offsets into `text`. */
static void add_syntax_error_source(textbuf *t, PyObject *exc,
                                    textbuf *suffix)
{
    PyObject *filename = quiet_getattr(exc, "filename");
    PyObject *lineno = quiet_getattr(exc, "lineno");
    PyObject *end_lineno = quiet_getattr(exc, "end_lineno");
    PyObject *text = quiet_getattr(exc, "text");
    PyObject *offset = quiet_getattr(exc, "offset");
    PyObject *end_offset = quiet_getattr(exc, "end_offset");

    if (lineno != NULL && lineno != Py_None) {
        text_puts(t, "  File \"");
        int truthy = filename != NULL && filename != Py_None
                     && PyObject_IsTrue(filename) > 0;
        PyErr_Clear();
        if (truthy) {
            text_add_object(t, filename, "filename", 0);
        }
        else {
            text_puts(t, "<string>");
        }
        text_puts(t, "\", line ");
        text_add_object(t, lineno, "lineno", 0);
        text_puts(t, "\n");
    }
    else if (filename != NULL && filename != Py_None) {
        text_puts(suffix, " (");
        text_add_object(suffix, filename, "filename", 0);
        text_puts(suffix, ")");
    }

    Py_ssize_t text_len;
    const char *src = (text != NULL && PyUnicode_Check(text))
                      ? PyUnicode_AsUTF8AndSize(text, &text_len) : NULL;
    if (src == NULL) {
        PyErr_Clear();
        goto done;
    }
    /* rtext: without trailing newlines; ltext: also without leading
       spaces, newlines and form feeds (all ASCII, so bytes suffice). */
    size_t rlen = (size_t)text_len;
    while (rlen > 0 && src[rlen - 1] == '\n') {
        rlen--;
    }
    size_t lstart = 0;
    while (lstart < rlen && (src[lstart] == ' ' || src[lstart] == '\n'
                             || src[lstart] == '\f')) {
        lstart++;
    }
    const char *ltext = src + lstart;
    size_t ltext_len = rlen - lstart;
    text_puts(t, "    ");
    text_add(t, ltext, ltext_len);
    text_puts(t, "\n");

    if (offset == NULL || !PyLong_Check(offset)) {
        goto done;
    }
    long off = PyLong_AsLong(offset);
    if (off == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        goto done;
    }
    Py_ssize_t rtext_chars = 0, text_chars = PyUnicode_GetLength(text);
    for (size_t i = 0; i < rlen; i++) {
        rtext_chars += ((unsigned char)src[i] & 0xC0) != 0x80;
    }
    long end_off;
    int same_line = (lineno == end_lineno)
        || (lineno != NULL && end_lineno != NULL
            && PyObject_RichCompareBool(lineno, end_lineno, Py_EQ) > 0);
    PyErr_Clear();
    if (same_line) {
        end_off = off;
        if (end_offset != NULL && PyLong_Check(end_offset)) {
            long e = PyLong_AsLong(end_offset);
            if (e == -1 && PyErr_Occurred()) {
                PyErr_Clear();
            }
            else if (e != 0) {
                end_off = e;
            }
        }
    }
    else {
        end_off = (long)rtext_chars + 1;
    }
    if (text_chars > 0 && off > text_chars) {
        off = (long)rtext_chars + 1;
    }
    if (text_chars > 0 && end_off > text_chars) {
        end_off = (long)rtext_chars + 1;
    }
    if (off >= end_off || end_off < 0) {
        end_off = off + 1;
    }
    long spaces = (long)lstart;  /* stripped characters are all ASCII */
    long colno = off - 1 - spaces;
    long end_colno = end_off - 1 - spaces;
    if (colno < 0) {
        goto done;
    }
    /* Keep tabs and other whitespace under the text so carets line up. */
    text_puts(t, "    ");
    long col = 0;
    for (size_t i = 0; i < ltext_len && col < colno; i++) {
        unsigned char c = (unsigned char)ltext[i];
        if ((c & 0xC0) == 0x80) {
            continue;
        }
        char out = is_ascii_space(c) ? (char)c : ' ';
        text_add(t, &out, 1);
        col++;
    }
    for (long i = colno; i < end_colno; i++) {
        text_puts(t, "^");
    }
    text_puts(t, "\n");
done:
    Py_XDECREF(filename);
    Py_XDECREF(lineno);
    Py_XDECREF(end_lineno);
    Py_XDECREF(text);
    Py_XDECREF(offset);
    Py_XDECREF(end_offset);
}

/* The notes of exc, one line each (a note with newlines gives several). */
static void add_notes(textbuf *t, PyObject *exc)
{
    PyObject *notes = quiet_getattr(exc, "__notes__");
    if (notes == NULL || notes == Py_None) {
        Py_XDECREF(notes);
        return;
    }
    if (PySequence_Check(notes)) {
        Py_ssize_t n = PySequence_Size(notes);
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *note = PySequence_GetItem(notes, i);
            if (note == NULL) {
                PyErr_Clear();
                break;
            }
            text_add_object(t, note, "note", 0);
            text_puts(t, "\n");
            Py_DECREF(note);
        }
        PyErr_Clear();
    }
    else {
        text_add_object(t, notes, "__notes__", 1);
        text_puts(t, "\n");
    }
    Py_DECREF(notes);
}

/* "Type: message" plus notes: the last part of a report. */
static void add_exception_only(textbuf *t, PyObject *exc)
{
    textbuf name = {0};
    text_add_type_name(&name, Py_TYPE(exc));
    const char *type_name = name.data ? name.data : Py_TYPE(exc)->tp_name;

    if (PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_SyntaxError)) {
        textbuf suffix = {0};
        add_syntax_error_source(t, exc, &suffix);
        text_puts(t, type_name);
        text_puts(t, ": ");
        PyObject *msg = quiet_getattr(exc, "msg");
        int truthy = msg != NULL && PyObject_IsTrue(msg) > 0;
        PyErr_Clear();
        if (truthy) {
            text_add_object(t, msg, "msg", 0);
        }
        else {
            text_puts(t, "<no detail available>");
        }
        Py_XDECREF(msg);
        if (suffix.data) {
            text_add(t, suffix.data, suffix.len);
        }
        text_free(&suffix);
        text_puts(t, "\n");
    }
    else {
        textbuf value = {0};
        text_add_object(&value, exc, "exception", 0);
        text_puts(t, type_name);
        if (value.len > 0) {
            text_puts(t, ": ");
            text_add(t, value.data, value.len);
        }
        text_puts(t, "\n");
        text_free(&value);
    }
    text_free(&name);
    add_notes(t, exc);
}

static void display_exception(display_ctx *ctx, PyObject *exc);

static void emit_exception_only(display_ctx *ctx, PyObject *exc)
{
    textbuf t = {0};
    add_exception_only(&t, exc);
    if (t.data) {
        emit(ctx, t.data, t.len, '|');
    }
    text_free(&t);
}

static void display_group_members(display_ctx *ctx, PyObject *group)
{
    PyObject *excs = ((PyBaseExceptionGroupObject *)group)->excs;
    Py_ssize_t count = excs ? PyTuple_GET_SIZE(excs) : 0;
    Py_ssize_t shown = count <= MAX_GROUP_WIDTH ? count : MAX_GROUP_WIDTH + 1;
    ctx->need_close = 0;
    for (Py_ssize_t i = 0; i < shown; i++) {
        int last = i == shown - 1;
        int truncated = i >= MAX_GROUP_WIDTH;
        if (last) {
            /* A nested group drawn last closes both boxes at once. */
            ctx->need_close = 1;
        }
        write_indent(ctx);
        fputs(i == 0 ? "+-" : "  ", ctx->file);
        if (truncated) {
            fputs("+---------------- ... ----------------\n", ctx->file);
        }
        else {
            fprintf(ctx->file, "+---------------- %zd ----------------\n",
                    i + 1);
        }
        ctx->group_depth++;
        if (!truncated) {
            display_exception(ctx, PyTuple_GET_ITEM(excs, i));
        }
        else {
            Py_ssize_t more = count - MAX_GROUP_WIDTH;
            char line[80];
            snprintf(line, sizeof(line), "and %zd more exception%s\n",
                     more, more > 1 ? "s" : "");
            emit_str(ctx, line);
        }
        if (last && ctx->need_close) {
            write_indent(ctx);
            fputs("+------------------------------------\n", ctx->file);
            ctx->need_close = 0;
        }
        ctx->group_depth--;
    }
}

/* ---- tracebacks -------------------------------------------------------- */

/* Only the most recent entries of a very deep traceback are shown, and a
   line repeated more than this many times in a row is summarised. */
#define TRACEBACK_LIMIT 1000
#define TRACEBACK_RECURSIVE_CUTOFF 3

/* An int attribute, or -1 when missing or not an int. */
static long quiet_long_attr(PyObject *obj, const char *name)
{
    PyObject *value = quiet_getattr(obj, name);
    long result = -1;
    if (value != NULL && PyLong_Check(value)) {
        result = PyLong_AsLong(value);
        if (result == -1) {
            PyErr_Clear();
        }
    }
    Py_XDECREF(value);
    return result;
}

/* The code object's file and function names of a traceback entry (new
   references, NULL when unavailable). */
static void traceback_entry_names(PyObject *tb, PyObject **filename,
                                  PyObject **name)
{
    *filename = *name = NULL;
    PyObject *frame = quiet_getattr(tb, "tb_frame");
    PyObject *code = frame ? quiet_getattr(frame, "f_code") : NULL;
    if (code != NULL) {
        *filename = quiet_getattr(code, "co_filename");
        *name = quiet_getattr(code, "co_name");
    }
    Py_XDECREF(frame);
    Py_XDECREF(code);
}

/* ---- caret lines under the failing sub-expression (3.13+) --------------

   When an entry's instruction covers only part of its (single) source
   line, a line of markers is printed under it: '^' under the whole
   segment, or '~' with '^' under the "anchor" of a binary operation
   (the operator), a subscript ("[...]") or a call ("(...)").  Byte
   offsets below are UTF-8 offsets, as in code positions and the AST. */

/* Parse src (size bytes) in mode; NULL quietly when it does not parse. */
static mod_ty parse_quietly(const char *src, Py_ssize_t size, int mode,
                            PyArena *arena)
{
    mod_ty mod = _PyParser_ParseStringAndSize(src, size, NULL, mode,
                                              PyCF_IGNORE_COOKIE, arena);
    if (mod == NULL) {
        PyErr_Clear();
    }
    return mod;
}

/* The first offset at or after pos that is not blank or ')'. */
static Py_ssize_t skip_closing(const char *seg, Py_ssize_t len, Py_ssize_t pos)
{
    while (pos < len && (seg[pos] == ' ' || seg[pos] == '\t' ||
                         seg[pos] == '\f' || seg[pos] == ')')) {
        pos++;
    }
    return pos;
}

/* The anchors [*left, *right) inside the segment, or 0 when the segment is
   not a binary operation, subscript or call. */
static int caret_anchors(const char *seg, Py_ssize_t len, Py_ssize_t *left,
                         Py_ssize_t *right)
{
    PyArena *arena = _PyArena_New();
    if (arena == NULL) {
        PyErr_Clear();
        return 0;
    }
    int found = 0;
    mod_ty mod = parse_quietly(seg, len, Py_eval_input, arena);
    expr_ty e = mod != NULL && mod->kind == Expression_kind
                ? mod->v.Expression.body : NULL;
    if (e != NULL && e->lineno == 1 && e->end_lineno == 1) {
        if (e->kind == BinOp_kind) {
            Py_ssize_t op = skip_closing(seg, len, e->v.BinOp.left->end_col_offset);
            Py_ssize_t end = op + 1;
            /* A two-character operator ("//", "**", "<<", ...). */
            if (end < e->v.BinOp.right->col_offset && end < len &&
                    seg[end] != ' ' && seg[end] != '\t') {
                end++;
            }
            *left = op;
            *right = end;
            found = op < len;
        }
        else if (e->kind == Subscript_kind || e->kind == Call_kind) {
            expr_ty head = e->kind == Call_kind ? e->v.Call.func
                                                : e->v.Subscript.value;
            *left = skip_closing(seg, len, head->end_col_offset);
            *right = e->end_col_offset;
            found = *left < *right;
        }
    }
    _PyArena_Free(arena);
    return found;
}

/* 3.13's rule: no carets when a "return f(...)" or "name = f(...)" call
   fills its whole line, nor when the segment is the whole line and has no
   anchors.  line is the stripped line, [start, end) the segment in it. */
static int carets_wanted(const char *line, Py_ssize_t len, Py_ssize_t start,
                         Py_ssize_t end, int has_anchors)
{
    PyArena *arena = _PyArena_New();
    if (arena == NULL) {
        PyErr_Clear();
        return 0;
    }
    int whole_call = 0;
    mod_ty mod = parse_quietly(line, len, Py_file_input, arena);
    if (mod != NULL && mod->kind == Module_kind &&
            asdl_seq_LEN(mod->v.Module.body) > 0) {
        stmt_ty st = asdl_seq_GET(mod->v.Module.body, 0);
        expr_ty value = NULL;
        if (st->kind == Return_kind && st->v.Return.value != NULL &&
                st->v.Return.value->kind == Call_kind &&
                st->v.Return.value->v.Call.func->kind == Name_kind) {
            value = st->v.Return.value;
        }
        else if (st->kind == Assign_kind &&
                 asdl_seq_LEN(st->v.Assign.targets) == 1 &&
                 asdl_seq_GET(st->v.Assign.targets, 0)->kind == Name_kind &&
                 st->v.Assign.value->kind == Call_kind) {
            value = st->v.Assign.value;
        }
        whole_call = value != NULL && value->lineno == 1 &&
                     value->end_lineno == 1 && value->col_offset == start &&
                     value->end_col_offset == end;
    }
    _PyArena_Free(arena);
    if (whole_call) {
        return 0;
    }
    if (has_anchors) {
        return 1;
    }
    for (Py_ssize_t i = 0; i < len; i++) {
        if ((i < start || i >= end) && line[i] != ' ' && line[i] != '\t') {
            return 1;
        }
    }
    return 0;
}

/* Characters (not bytes) in s[0:n] of UTF-8 text. */
static Py_ssize_t utf8_chars(const char *s, Py_ssize_t n)
{
    Py_ssize_t chars = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        chars += ((unsigned char)s[i] & 0xC0) != 0x80;
    }
    return chars;
}

/* The caret line for the stripped source line (len bytes) whose first
   byte was at column indent of the original line, when the entry's
   instruction covers part of it on this line only. */
static void add_caret_line(textbuf *t, PyObject *tb, long lineno,
                           const char *line, Py_ssize_t len, Py_ssize_t indent)
{
    PyObject *frame = quiet_getattr(tb, "tb_frame");
    PyObject *code = frame ? quiet_getattr(frame, "f_code") : NULL;
    long lasti = quiet_long_attr(tb, "tb_lasti");
    int sl = 0, sc = 0, el = 0, ec = 0;
    int located = code != NULL && PyCode_Check(code) && lasti >= 0 &&
                  PyCode_Addr2Location((PyCodeObject *)code, (int)lasti,
                                       &sl, &sc, &el, &ec);
    Py_XDECREF(frame);
    Py_XDECREF(code);
    PyErr_Clear();
    if (!located || sl != lineno || el != lineno || sc < indent || ec <= sc) {
        return;
    }
    Py_ssize_t start = sc - indent, end = ec - indent;
    if (end > len) {
        end = len;
    }
    if (start >= end) {
        return;
    }
    Py_ssize_t left = 0, right = 0;
    int has_anchors = caret_anchors(line + start, end - start, &left, &right);
    if (!carets_wanted(line, len, start, end, has_anchors)) {
        return;
    }
    text_puts(t, "    ");
    for (Py_ssize_t i = utf8_chars(line, start); i > 0; i--) {
        text_puts(t, " ");
    }
    for (Py_ssize_t i = start; i < end; i++) {
        if (((unsigned char)line[i] & 0xC0) == 0x80) {
            continue;
        }
        Py_ssize_t rel = i - start;
        int anchor = !has_anchors || (rel >= left && rel < right);
        text_puts(t, anchor ? "^" : "~");
    }
    text_puts(t, "\n");
}

/*   File "f.py", line 3, in func
         source line                 (when the file can be read) */
static void add_traceback_entry(textbuf *t, PyObject *tb, PyObject *filename,
                                long lineno, PyObject *name)
{
    text_puts(t, "  File \"");
    if (!text_add_unicode(t, filename)) {
        text_puts(t, "???");
    }
    char number[32];
    snprintf(number, sizeof(number), "\", line %ld, in ", lineno);
    text_puts(t, number);
    if (!text_add_unicode(t, name)) {
        text_puts(t, "???");
    }
    text_puts(t, "\n");
    PyObject *source = PyErr_ProgramTextObject(filename, (int)lineno);
    Py_ssize_t len;
    const char *line = source ? PyUnicode_AsUTF8AndSize(source, &len) : NULL;
    if (line == NULL) {
        PyErr_Clear();
        Py_XDECREF(source);
        return;
    }
    Py_ssize_t indent = 0;
    while (len > 0 && (*line == ' ' || *line == '\t' || *line == '\f')) {
        line++;
        len--;
        indent++;
    }
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r' ||
                       line[len - 1] == ' ' || line[len - 1] == '\t')) {
        len--;
    }
    if (len > 0) {
        text_puts(t, "    ");
        text_add(t, line, (size_t)len);
        text_puts(t, "\n");
        add_caret_line(t, tb, lineno, line, len, indent);
    }
    Py_DECREF(source);
}

static void add_repeat_summary(textbuf *t, long repeats)
{
    if (repeats <= TRACEBACK_RECURSIVE_CUTOFF) {
        return;
    }
    long more = repeats - TRACEBACK_RECURSIVE_CUTOFF;
    char line[96];
    snprintf(line, sizeof(line), "  [Previous line repeated %ld more time%s]\n",
             more, more > 1 ? "s" : "");
    text_puts(t, line);
}

/* The frames of a traceback, oldest first.  Written against the
   traceback objects' Python attributes (tb_frame, tb_lineno, tb_next),
   so any traceback implementation displays. */
static void add_traceback(textbuf *t, PyObject *tb)
{
    long depth = 0;
    PyObject *entry = Py_NewRef(tb);
    while (entry != NULL && entry != Py_None) {
        depth++;
        PyObject *next = quiet_getattr(entry, "tb_next");
        Py_SETREF(entry, next);
    }
    Py_XDECREF(entry);

    PyObject *last_file = NULL, *last_name = NULL;
    long last_line = -1, repeats = 0;
    entry = Py_NewRef(tb);
    while (entry != NULL && entry != Py_None) {
        if (depth <= TRACEBACK_LIMIT) {
            PyObject *filename, *name;
            traceback_entry_names(entry, &filename, &name);
            long lineno = quiet_long_attr(entry, "tb_lineno");
            int same = last_file != NULL && filename != NULL
                       && last_name != NULL && name != NULL
                       && lineno == last_line
                       && PyUnicode_Compare(filename, last_file) == 0
                       && PyUnicode_Compare(name, last_name) == 0;
            PyErr_Clear();
            if (!same) {
                add_repeat_summary(t, repeats);
                repeats = 0;
            }
            repeats++;
            if (repeats <= TRACEBACK_RECURSIVE_CUTOFF) {
                add_traceback_entry(t, entry, filename, lineno, name);
            }
            Py_XSETREF(last_file, filename);
            Py_XSETREF(last_name, name);
            last_line = lineno;
        }
        depth--;
        PyObject *next = quiet_getattr(entry, "tb_next");
        Py_SETREF(entry, next);
    }
    Py_XDECREF(entry);
    add_repeat_summary(t, repeats);
    Py_XDECREF(last_file);
    Py_XDECREF(last_name);
}

/* Emit "<header>" and the frames, if exc carries a traceback. */
static void emit_traceback(display_ctx *ctx, PyObject *exc, const char *header,
                           char header_margin)
{
    PyObject *tb = PyException_GetTraceback(exc);
    if (tb == NULL) {
        return;
    }
    emit(ctx, header, strlen(header), header_margin);
    textbuf t = {0};
    add_traceback(&t, tb);
    if (t.data) {
        emit(ctx, t.data, t.len, '|');
    }
    text_free(&t);
    Py_DECREF(tb);
}

/* One exception without its chain: a leaf's traceback and line, or a
   group's box. */
static void display_single(display_ctx *ctx, PyObject *exc)
{
    if (!_PyBaseExceptionGroup_Check(exc)) {
        emit_traceback(ctx, exc, "Traceback (most recent call last):\n", '|');
        emit_exception_only(ctx, exc);
        return;
    }
    if (ctx->group_depth > MAX_GROUP_DEPTH) {
        char line[64];
        snprintf(line, sizeof(line), "... (max_group_depth is %d)\n",
                 MAX_GROUP_DEPTH);
        emit_str(ctx, line);
        return;
    }
    int toplevel = ctx->group_depth == 0;
    if (toplevel) {
        ctx->group_depth++;
    }
    emit_traceback(ctx, exc,
                   "Exception Group Traceback (most recent call last):\n",
                   toplevel ? '+' : '|');
    emit_exception_only(ctx, exc);
    display_group_members(ctx, exc);
    if (toplevel) {
        ctx->group_depth = 0;
    }
}

static int suppresses_context(PyObject *exc)
{
    int suppress;
    Py_BEGIN_CRITICAL_SECTION(exc);
    suppress = ((PyBaseExceptionObject *)exc)->suppress_context;
    Py_END_CRITICAL_SECTION();
    return suppress;
}

static const char cause_message[] =
    "\nThe above exception was the direct cause of the following "
    "exception:\n\n";
static const char context_message[] =
    "\nDuring handling of the above exception, another exception "
    "occurred:\n\n";

/* exc with its chain, oldest first: each __cause__ (or, unless
   suppressed, __context__) is shown before the exception it led to.
   Exceptions already shown are not repeated, which also ends cycles. */
static void display_exception(display_ctx *ctx, PyObject *exc)
{
    /* links[i].message says how links[i] came from links[i + 1]. */
    typedef struct { PyObject *exc; const char *message; } link;
    Py_ssize_t cap = 8, n = 0;
    link *links = PyMem_RawMalloc(cap * sizeof(link));
    if (links == NULL) {
        emit_exception_only(ctx, exc);
        return;
    }
    /* Walk newest to oldest, holding a reference to each link. */
    ctx_mark_seen(ctx, exc);
    PyObject *current = Py_NewRef(exc);
    while (current != NULL) {
        if (n == cap) {
            link *grown = PyMem_RawRealloc(links, 2 * cap * sizeof(link));
            if (grown == NULL) {
                /* Out of memory: show the newer part of the chain. */
                Py_DECREF(current);
                break;
            }
            links = grown;
            cap *= 2;
        }
        PyObject *cause = PyException_GetCause(current);
        PyObject *context = PyException_GetContext(current);
        PyObject *next = NULL;
        const char *message = NULL;
        if (cause != NULL && !ctx_seen(ctx, cause)) {
            next = Py_NewRef(cause);
            message = cause_message;
        }
        else if (context != NULL && !ctx_seen(ctx, context)
                 && !suppresses_context(current)) {
            next = Py_NewRef(context);
            message = context_message;
        }
        Py_XDECREF(cause);
        Py_XDECREF(context);
        links[n].exc = current;
        links[n].message = message;
        n++;
        if (next != NULL) {
            ctx_mark_seen(ctx, next);
        }
        current = next;
    }
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        display_single(ctx, links[i].exc);
        if (i > 0 && links[i - 1].message != NULL) {
            emit_str(ctx, links[i - 1].message);
        }
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_DECREF(links[i].exc);
    }
    PyMem_RawFree(links);
}

void _PyErr_DisplayToFile(FILE *file, PyObject *exc)
{
    /* Showing the exception runs __str__ and friends, which must not see
       (or clobber) an unrelated pending exception. */
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *saved = tstate ? _PyErr_GetRaisedException(tstate) : NULL;
    display_ctx ctx = { .file = file };
    if (exc == NULL || !PyExceptionInstance_Check(exc)) {
        fprintf(file, "TypeError: print_exception(): Exception expected "
                "for value, %s found\n",
                exc ? Py_TYPE(exc)->tp_name : "NoneType");
    }
    else {
        display_exception(&ctx, exc);
    }
    PyMem_RawFree(ctx.seen);
    fflush(file);
    if (tstate != NULL) {
        _PyErr_SetRaisedException(tstate, saved);
    }
}

static void write_exception_report(PyObject *stream, textbuf *header,
                                   PyObject *exc);

/* Print exc with traceback._print_exception_bltin(exc, stream), as
   CPython does since 3.13: that display adds what the C renderer leaves
   out ("Did you mean ...?" suggestions) and counts sys.tracebacklimit
   from the most recent entry, as the C renderer did.  0 on success; -1 when the module
   cannot be used (not importable yet, finalization, a failure while
   printing), with no exception set, so the caller falls back to C. */
static int display_through_traceback_module(PyObject *stream, PyObject *exc)
{
    if (stream == NULL || stream == Py_None || !PyExceptionInstance_Check(exc)
            || _PyThreadState_GET() == NULL) {
        return -1;
    }
    PyObject *saved = PyErr_GetRaisedException();
    PyObject *result = NULL;
    PyObject *module = PyImport_ImportModule("traceback");
    PyObject *print = module ? PyObject_GetAttrString(module,
                                                      "_print_exception_bltin")
                             : NULL;
    if (print != NULL) {
        result = PyObject_CallFunctionObjArgs(print, exc, stream, NULL);
    }
    if (result != NULL) {
        PyObject *flushed = PyObject_CallMethod(stream, "flush", NULL);
        Py_XDECREF(flushed);
    }
    Py_XDECREF(print);
    Py_XDECREF(module);
    PyErr_Clear();
    PyErr_SetRaisedException(saved);
    if (result == NULL) {
        return -1;
    }
    Py_DECREF(result);
    return 0;
}

/* Output goes to sys.stderr (the C stderr before the sys module exists,
   or when sys.stderr is None or fails), through the traceback module
   when it can be imported. */
void PyErr_Display(PyObject *type, PyObject *value, PyObject *tb)
{
    (void)type;
    if (value != NULL && PyExceptionInstance_Check(value)
        && tb != NULL && tb != Py_None) {
        PyObject *current = PyException_GetTraceback(value);
        if (current == NULL) {
            if (PyException_SetTraceback(value, tb) < 0) {
                PyErr_Clear();
            }
        }
        Py_XDECREF(current);
    }
    PyObject *stream = PySys_GetObject("stderr");
    if (stream == Py_None) {
        return;                 /* as in CPython: nowhere to print */
    }
    if (display_through_traceback_module(stream, value) == 0) {
        return;
    }
    textbuf no_header = {0};
    write_exception_report(stream, &no_header, value);
}

void PyErr_DisplayException(PyObject *exc)
{
    PyErr_Display(NULL, exc, NULL);
}

/* str(code) and a newline on sys.stderr, as CPython does; on the C
   library's stderr when sys.stderr is missing or None, or when writing
   to it fails (a closed or broken replacement), so that the message is
   not lost. */
static void print_exit_message(PyObject *code)
{
    PyObject *stream = PySys_GetObject("stderr");   /* borrowed */
    if (stream != NULL && stream != Py_None) {
        Py_INCREF(stream);
        int rc = PyFile_WriteObject(code, stream, Py_PRINT_RAW);
        if (rc == 0) {
            rc = PyFile_WriteString("\n", stream);
        }
        Py_DECREF(stream);
        if (rc == 0) {
            return;
        }
        PyErr_Clear();
    }
    textbuf t = {0};
    text_add_object(&t, code, "exit code", 0);
    if (t.data) {
        fwrite(t.data, 1, t.len, stderr);
    }
    fputc('\n', stderr);
    fflush(stderr);
    text_free(&t);
}

/* If the raised exception is SystemExit, exit the process the way an
   uncaught SystemExit does: code None -> 0, an int -> that status,
   anything else is printed to stderr and gives status 1. */
static void handle_system_exit(PyThreadState *tstate)
{
    if (!_PyErr_ExceptionMatches(tstate, PyExc_SystemExit)) {
        return;
    }
    PyObject *exc = _PyErr_GetRaisedException(tstate);
    PyObject *code = quiet_getattr(exc, "code");
    int status = 0;
    if (code != NULL && code != Py_None) {
        if (PyLong_Check(code)) {
            status = (int)PyLong_AsLong(code);
            if (status == -1 && PyErr_Occurred()) {
                PyErr_Clear();
                status = 1;
            }
        }
        else {
            print_exit_message(code);
            status = 1;
        }
    }
    Py_XDECREF(code);
    Py_DECREF(exc);
    Py_Exit(status);
}

/* sys.last_exc and the three legacy sys.last_* names, for pdb.pm() and
   the interactive loop.  Failures are ignored: the report matters more. */
static void set_sys_last(PyObject *exc)
{
    PyObject *tb = PyException_GetTraceback(exc);
    if (PySys_SetObject("last_exc", exc) < 0
        || PySys_SetObject("last_type", (PyObject *)Py_TYPE(exc)) < 0
        || PySys_SetObject("last_value", exc) < 0
        || PySys_SetObject("last_traceback", tb ? tb : Py_None) < 0) {
        PyErr_Clear();
    }
    Py_XDECREF(tb);
}

/* Report an uncaught exception through sys.excepthook, as CPython does.
   A hook that fails is reported with the original exception:
       Error in sys.excepthook:
       <the hook's exception>

       Original exception was:
       <exc>
   and with no hook at all, "sys.excepthook is missing" precedes exc. */
static void call_excepthook(PyThreadState *tstate, PyObject *exc)
{
    PyObject *hook = PySys_GetObject("excepthook");
    if (hook == NULL || hook == Py_None) {
        fflush(stdout);
        fputs("sys.excepthook is missing\n", stderr);
        PyErr_Display(NULL, exc, NULL);
        return;
    }
    Py_INCREF(hook);
    PyObject *tb = PyException_GetTraceback(exc);
    PyObject *res = PyObject_CallFunctionObjArgs(
        hook, (PyObject *)Py_TYPE(exc), exc, tb ? tb : Py_None, NULL);
    Py_XDECREF(tb);
    Py_DECREF(hook);
    if (res != NULL) {
        Py_DECREF(res);
        return;
    }
    handle_system_exit(tstate);     /* a hook may exit on purpose */
    PyObject *hook_exc = _PyErr_GetRaisedException(tstate);
    PyObject *stream = PySys_GetObject("stderr");
    textbuf header = {0};
    text_puts(&header, "Error in sys.excepthook:\n");
    write_exception_report(stream, &header, hook_exc);
    text_free(&header);
    textbuf original = {0};
    text_puts(&original, "\nOriginal exception was:\n");
    write_exception_report(stream, &original, exc);
    text_free(&original);
    Py_XDECREF(hook_exc);
}

void PyErr_PrintEx(int set_sys_last_vars)
{
    PyThreadState *tstate = _PyThreadState_GET();
    handle_system_exit(tstate);
    PyObject *exc = _PyErr_GetRaisedException(tstate);
    if (exc == NULL) {
        return;
    }
    if (PySys_GetObject("excepthook") == NULL) {
        /* Before the sys module exists. */
        _PyErr_DisplayToFile(stderr, exc);
        Py_DECREF(exc);
        return;
    }
    if (set_sys_last_vars) {
        set_sys_last(exc);
    }
    call_excepthook(tstate, exc);
    Py_DECREF(exc);
}

void PyErr_Print(void)
{
    PyErr_PrintEx(1);
}

/* ---- unraisable exceptions --------------------------------------------- */

/* sys.UnraisableHookArgs, the argument of sys.unraisablehook. */
static PyStructSequence_Field unraisable_hook_args_fields[] = {
    {"exc_type", "Exception type"},
    {"exc_value", "Exception value"},
    {"exc_traceback", "Exception traceback"},
    {"err_msg", "Error message"},
    {"object", "Object causing the exception"},
    {NULL, NULL},
};

static PyStructSequence_Desc unraisable_hook_args_desc = {
    "UnraisableHookArgs",
    "UnraisableHookArgs\n\nType used to pass arguments to "
    "sys.unraisablehook.",
    unraisable_hook_args_fields, 5,
};

/* Created once, when the sys module is built, and kept for the life of
   the process (a heap type, so that Python code can instantiate it as
   CPython allows).  Read-only afterwards. */
static PyTypeObject *unraisable_hook_args_type;

int _PyErr_InitUnraisableHookArgsType(void)
{
    if (unraisable_hook_args_type != NULL) {
        return 0;
    }
    unraisable_hook_args_type = PyStructSequence_NewType(&unraisable_hook_args_desc);
    return unraisable_hook_args_type != NULL ? 0 : -1;
}

/* The text a stream expects: what write_unraisable and the default hook
   print before the traceback.
       <err_msg>: <repr(obj)>        or  Exception ignored in: <repr(obj)>
   or  <err_msg>:                    when there is no object. */
static void unraisable_header(textbuf *t, PyObject *err_msg, PyObject *obj)
{
    int has_msg = err_msg != NULL && err_msg != Py_None;
    if (obj != NULL && obj != Py_None) {
        if (has_msg) {
            text_add_unicode(t, err_msg);
            text_puts(t, ": ");
        }
        else {
            text_puts(t, "Exception ignored in: ");
        }
        text_add_object(t, obj, "object", 1);
        text_puts(t, "\n");
    }
    else if (has_msg) {
        text_add_unicode(t, err_msg);
        text_puts(t, ":\n");
    }
}

/* Write header and exc's display to `stream` (a Python file object), or
   to the C stderr when stream is NULL or None.  The display is rendered
   into memory first so that it reaches sys.stderr even when that is a
   Python object (an io.StringIO under contextlib.redirect_stderr). */
static void write_exception_report(PyObject *stream, textbuf *header,
                                   PyObject *exc)
{
    char *rendered = NULL;
    size_t rendered_len = 0;
    FILE *memory = open_memstream(&rendered, &rendered_len);
    if (memory != NULL) {
        if (header->data != NULL) {
            fwrite(header->data, 1, header->len, memory);
        }
        if (exc != NULL) {
            _PyErr_DisplayToFile(memory, exc);
        }
        fclose(memory);
    }
    int written = 0;
    if (rendered != NULL && stream != NULL && stream != Py_None) {
        PyObject *exc_saved = PyErr_GetRaisedException();
        PyObject *text = PyUnicode_DecodeUTF8(rendered, (Py_ssize_t)rendered_len,
                                              "backslashreplace");
        PyObject *res = text ? PyObject_CallMethod(stream, "write", "O", text) : NULL;
        Py_XDECREF(text);
        if (res != NULL) {
            Py_DECREF(res);
            res = PyObject_CallMethod(stream, "flush", NULL);
            Py_XDECREF(res);
            written = 1;
        }
        PyErr_Clear();
        PyErr_SetRaisedException(exc_saved);
    }
    if (!written) {
        fflush(stdout);
        if (rendered != NULL) {
            fwrite(rendered, 1, rendered_len, stderr);
        }
        else {
            if (header->data != NULL) {
                fwrite(header->data, 1, header->len, stderr);
            }
            if (exc != NULL) {
                _PyErr_DisplayToFile(stderr, exc);
            }
        }
        fflush(stderr);
    }
    free(rendered);
}

/* sys.__unraisablehook__: print the report to sys.stderr (nothing when
   sys.stderr is None, as in CPython). */
static PyObject *default_unraisable_hook(PyObject *Py_UNUSED(module),
                                         PyObject *args)
{
    if (!PyObject_TypeCheck(args, unraisable_hook_args_type)) {
        PyErr_SetString(PyExc_TypeError,
                        "sys.unraisablehook argument type "
                        "must be UnraisableHookArgs");
        return NULL;
    }
    PyObject *exc = PyStructSequence_GetItem(args, 1);
    PyObject *err_msg = PyStructSequence_GetItem(args, 3);
    PyObject *obj = PyStructSequence_GetItem(args, 4);
    PyObject *stream = PySys_GetObject("stderr");
    if (stream == Py_None) {
        Py_RETURN_NONE;
    }
    textbuf t = {0};
    unraisable_header(&t, err_msg, obj);
    if (exc != NULL && PyExceptionInstance_Check(exc)) {
        PyObject *tb = PyStructSequence_GetItem(args, 2);
        if (tb != NULL && tb != Py_None) {
            PyObject *current = PyException_GetTraceback(exc);
            if (current == NULL && PyException_SetTraceback(exc, tb) < 0) {
                PyErr_Clear();
            }
            Py_XDECREF(current);
        }
        write_exception_report(stream, &t, exc);
    }
    else {
        /* A hand-made argument without an exception: name the type. */
        PyObject *type = PyStructSequence_GetItem(args, 0);
        if (type != NULL && PyType_Check(type)) {
            text_puts(&t, ((PyTypeObject *)type)->tp_name);
            text_puts(&t, "\n");
        }
        write_exception_report(stream, &t, NULL);
    }
    text_free(&t);
    Py_RETURN_NONE;
}

PyMethodDef _PyErr_UnraisableHookDef = {
    "unraisablehook", default_unraisable_hook, METH_O,
    "unraisablehook($module, unraisable, /)\n--\n\n"
    "Handle an unraisable exception.\n\n"
    "The unraisable argument has the following attributes:\n\n"
    "* exc_type: Exception type.\n"
    "* exc_value: Exception value, can be None.\n"
    "* exc_traceback: Exception traceback, can be None.\n"
    "* err_msg: Error message, can be None.\n"
    "* object: Object causing the exception, can be None."
};

static PyObject *make_unraisable_hook_args(PyObject *exc, PyObject *err_msg,
                                           PyObject *obj)
{
    PyObject *args = PyStructSequence_New(unraisable_hook_args_type);
    if (args == NULL) {
        return NULL;
    }
    PyObject *tb = PyException_GetTraceback(exc);
    PyStructSequence_SetItem(args, 0, Py_NewRef((PyObject *)Py_TYPE(exc)));
    PyStructSequence_SetItem(args, 1, Py_NewRef(exc));
    PyStructSequence_SetItem(args, 2, tb != NULL ? tb : Py_NewRef(Py_None));
    PyStructSequence_SetItem(args, 3, Py_NewRef(err_msg ? err_msg : Py_None));
    PyStructSequence_SetItem(args, 4, Py_NewRef(obj ? obj : Py_None));
    return args;
}

/* Report the raised exception, which nobody can catch (raised in a
   destructor, a callback...), and clear it: through sys.unraisablehook
   when the sys module has one, else straight to the C stderr.  If the
   hook itself fails, its exception is reported by the default hook as
   "Exception ignored in sys.unraisablehook: <hook>", as in CPython. */
/* An exception raised in C with no traceback (a generator that ignored
   GeneratorExit, ...) gets one for the frame running now, as CPython's
   report does.  The raised exception is left in place. */
static void add_running_frame(PyThreadState *tstate)
{
    PyObject *exc = _PyErr_GetRaisedException(tstate);
    PyObject *tb = PyException_GetTraceback(exc);
    PyFrameObject *frame = tb == NULL ? PyThreadState_GetFrame(tstate) : NULL;
    Py_XDECREF(tb);
    _PyErr_SetRaisedException(tstate, Py_NewRef(exc));
    if (frame != NULL) {
        if (PyTraceBack_Here(frame) < 0) {
            /* No memory for it: report the exception without. */
            _PyErr_SetRaisedException(tstate, Py_NewRef(exc));
        }
        Py_DECREF(frame);
    }
    Py_DECREF(exc);
}

static void write_unraisable(PyObject *err_msg, PyObject *obj)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (!_PyErr_Occurred(tstate)) {
        return;
    }
    add_running_frame(tstate);
    PyObject *exc = _PyErr_GetRaisedException(tstate);
    PyObject *hook = PySys_GetObject("unraisablehook");
    if (hook != NULL && hook != Py_None
            && unraisable_hook_args_type != NULL) {
        Py_INCREF(hook);
        PyObject *args = make_unraisable_hook_args(exc, err_msg, obj);
        PyObject *res = args ? PyObject_CallOneArg(hook, args) : NULL;
        Py_XDECREF(args);
        if (res != NULL) {
            Py_DECREF(res);
            Py_DECREF(hook);
            Py_DECREF(exc);
            return;
        }
        /* The hook failed: report its exception about the hook. */
        Py_SETREF(exc, _PyErr_GetRaisedException(tstate));
        err_msg = NULL;
        PyObject *msg = PyUnicode_FromString("Exception ignored in sys.unraisablehook");
        textbuf t = {0};
        unraisable_header(&t, msg, hook);
        write_exception_report(PySys_GetObject("stderr"), &t, exc);
        text_free(&t);
        Py_XDECREF(msg);
        Py_DECREF(hook);
        Py_DECREF(exc);
        return;
    }
    textbuf t = {0};
    unraisable_header(&t, err_msg, obj);
    write_exception_report(NULL, &t, exc);
    text_free(&t);
    Py_DECREF(exc);
}

void PyErr_WriteUnraisable(PyObject *obj)
{
    write_unraisable(NULL, obj);
}

static void format_unraisable_v(PyObject *obj, const char *format, va_list va)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *err_msg = NULL;
    if (format != NULL) {
        PyObject *exc = _PyErr_GetRaisedException(tstate);
        err_msg = PyUnicode_FromFormatV(format, va);
        if (err_msg == NULL) {
            PyErr_Clear();
        }
        _PyErr_SetRaisedException(tstate, exc);
    }
    write_unraisable(err_msg, obj);
    Py_XDECREF(err_msg);
}

void PyErr_FormatUnraisable(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    format_unraisable_v(NULL, format, va);
    va_end(va);
}

void _PyErr_WriteUnraisableMsg(const char *err_msg, PyObject *obj)
{
    PyObject *msg = NULL;
    if (err_msg != NULL) {
        PyObject *exc = PyErr_GetRaisedException();
        msg = PyUnicode_FromFormat("Exception ignored %s", err_msg);
        if (msg == NULL) {
            PyErr_Clear();
        }
        PyErr_SetRaisedException(exc);
    }
    write_unraisable(msg, obj);
    Py_XDECREF(msg);
}

/* ---- syntax error locations -------------------------------------------- */

/* Line `lineno` (1-based) of a file as a str, including its newline;
   NULL without an exception when it cannot be read. */
PyObject *PyErr_ProgramTextObject(PyObject *filename, int lineno)
{
    if (filename == NULL || lineno <= 0 || !PyUnicode_Check(filename)) {
        return NULL;
    }
    const char *path = PyUnicode_AsUTF8(filename);
    if (path == NULL) {
        PyErr_Clear();
        return NULL;
    }
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        return NULL;
    }
    textbuf line = {0};
    int current = 1;
    int c;
    while ((c = getc(fp)) != EOF) {
        if (current == lineno) {
            char ch = (char)c;
            text_add(&line, &ch, 1);
        }
        if (c == '\n') {
            if (current == lineno) {
                break;
            }
            current++;
        }
    }
    fclose(fp);
    PyObject *result = NULL;
    if (line.data != NULL) {
        const char *start = line.data;
        size_t len = line.len;
        /* A UTF-8 byte order mark is not part of the first line. */
        if (lineno == 1 && len >= 3 && memcmp(start, "\xEF\xBB\xBF", 3) == 0) {
            start += 3;
            len -= 3;
        }
        result = PyUnicode_DecodeUTF8(start, (Py_ssize_t)len, "replace");
        if (result == NULL) {
            PyErr_Clear();
        }
    }
    text_free(&line);
    return result;
}

PyObject *PyErr_ProgramText(const char *filename, int lineno)
{
    if (filename == NULL) {
        return NULL;
    }
    PyObject *name = PyUnicode_DecodeFSDefault(filename);
    if (name == NULL) {
        PyErr_Clear();
        return NULL;
    }
    PyObject *result = PyErr_ProgramTextObject(name, lineno);
    Py_DECREF(name);
    return result;
}

static void set_int_attr_or_none(PyObject *exc, const char *name, int value,
                                 int valid)
{
    PyObject *obj = valid ? PyLong_FromLong(value) : Py_NewRef(Py_None);
    if (obj == NULL || PyObject_SetAttrString(exc, name, obj) < 0) {
        PyErr_Clear();
    }
    Py_XDECREF(obj);
}

/* Attach a location to the raised exception (usually a SyntaxError).
   Failures to set an attribute are ignored: the original error is what
   matters. */
void PyErr_RangedSyntaxLocationObject(PyObject *filename, int lineno,
                                      int col_offset, int end_lineno,
                                      int end_col_offset)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *exc = _PyErr_GetRaisedException(tstate);
    if (exc == NULL) {
        return;
    }
    set_int_attr_or_none(exc, "lineno", lineno, 1);
    set_int_attr_or_none(exc, "offset", col_offset, col_offset >= 0);
    set_int_attr_or_none(exc, "end_lineno", end_lineno, end_lineno >= 0);
    set_int_attr_or_none(exc, "end_offset", end_col_offset,
                         end_col_offset >= 0);
    if (filename != NULL) {
        if (PyObject_SetAttrString(exc, "filename", filename) < 0) {
            PyErr_Clear();
        }
        PyObject *text = PyErr_ProgramTextObject(filename, lineno);
        if (text != NULL) {
            if (PyObject_SetAttrString(exc, "text", text) < 0) {
                PyErr_Clear();
            }
            Py_DECREF(text);
        }
    }
    if (!PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_SyntaxError)) {
        /* Give other exceptions what the syntax error display reads. */
        int has_msg = PyObject_HasAttrStringWithError(exc, "msg");
        if (has_msg == 0) {
            PyObject *msg = PyObject_Str(exc);
            if (msg == NULL || PyObject_SetAttrString(exc, "msg", msg) < 0) {
                PyErr_Clear();
            }
            Py_XDECREF(msg);
        }
        else if (has_msg < 0) {
            PyErr_Clear();
        }
        int has_pfl = PyObject_HasAttrStringWithError(exc, "print_file_and_line");
        if (has_pfl == 0) {
            if (PyObject_SetAttrString(exc, "print_file_and_line", Py_None) < 0) {
                PyErr_Clear();
            }
        }
        else if (has_pfl < 0) {
            PyErr_Clear();
        }
    }
    _PyErr_SetRaisedException(tstate, exc);
}

void PyErr_SyntaxLocationObject(PyObject *filename, int lineno, int col_offset)
{
    PyErr_RangedSyntaxLocationObject(filename, lineno, col_offset, lineno, -1);
}

void PyErr_SyntaxLocationEx(const char *filename, int lineno, int col_offset)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *name = NULL;
    if (filename != NULL) {
        PyObject *exc = _PyErr_GetRaisedException(tstate);
        name = PyUnicode_DecodeFSDefault(filename);
        if (name == NULL) {
            PyErr_Clear();
        }
        _PyErr_SetRaisedException(tstate, exc);
    }
    PyErr_SyntaxLocationObject(name, lineno, col_offset);
    Py_XDECREF(name);
}

void PyErr_SyntaxLocation(const char *filename, int lineno)
{
    PyErr_SyntaxLocationEx(filename, lineno, -1);
}
