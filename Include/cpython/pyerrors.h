/* The layout of the built-in exception objects and the version-specific
   part of the error API (Python/errors.c, Objects/exceptions.c). */
#ifndef Py_CPYTHON_PYERRORS_H
#define Py_CPYTHON_PYERRORS_H

/* Every exception instance starts with these fields.  In the
   free-threaded build the object fields are read and replaced only inside
   the exception's critical section. */
#define PyException_HEAD                                                \
    PyObject_HEAD                                                       \
    PyObject *dict;             /* instance __dict__, lazily created */ \
    PyObject *args;             /* tuple; NULL only before __new__ */   \
    PyObject *notes;            /* unused: notes live in __dict__ */    \
    PyObject *traceback;        /* NULL means None */                   \
    PyObject *context;          /* NULL means None */                   \
    PyObject *cause;            /* NULL means None */                   \
    char suppress_context;

typedef struct {
    PyException_HEAD
} PyBaseExceptionObject;

typedef struct {
    PyException_HEAD
    PyObject *msg;              /* str */
    PyObject *excs;             /* non-empty tuple of exceptions */
} PyBaseExceptionGroupObject;

typedef struct {
    PyException_HEAD
    PyObject *msg;
    PyObject *filename;
    PyObject *lineno;
    PyObject *offset;
    PyObject *end_lineno;
    PyObject *end_offset;
    PyObject *text;
    PyObject *print_file_and_line;
    PyObject *metadata;
} PySyntaxErrorObject;

typedef struct {
    PyException_HEAD
    PyObject *msg;
    PyObject *name;
    PyObject *path;
    PyObject *name_from;
} PyImportErrorObject;

typedef struct {
    PyException_HEAD
    PyObject *encoding;
    PyObject *object;
    Py_ssize_t start;
    Py_ssize_t end;
    PyObject *reason;
} PyUnicodeErrorObject;

typedef struct {
    PyException_HEAD
    PyObject *code;
} PySystemExitObject;

typedef struct {
    PyException_HEAD
    PyObject *myerrno;
    PyObject *strerror;
    PyObject *filename;
    PyObject *filename2;
    Py_ssize_t written;         /* BlockingIOError; -1 when unset */
} PyOSErrorObject;

typedef struct {
    PyException_HEAD
    PyObject *value;
} PyStopIterationObject;

typedef struct {
    PyException_HEAD
    PyObject *name;
} PyNameErrorObject;

typedef struct {
    PyException_HEAD
    PyObject *obj;
    PyObject *name;
} PyAttributeErrorObject;

typedef PyOSErrorObject PyEnvironmentErrorObject;

/* Fatal errors name the C function that gave up. */
PyAPI_FUNC(_Py_NO_RETURN void) _Py_FatalErrorFunc(const char *func,
                                                  const char *message);
PyAPI_FUNC(_Py_NO_RETURN void) _Py_FatalErrorFormat(const char *func,
                                                    const char *format, ...);
#define Py_FatalError(message) _Py_FatalErrorFunc(__func__, (message))

/* Raise exc with the currently raised exception as its __context__ (when
   one is set); steals exc.  With nothing raised, simply raises exc. */
PyAPI_FUNC(void) _PyErr_ChainExceptions1(PyObject *exc);
PyAPI_FUNC(void) _PyErr_ChainExceptions(PyObject *type, PyObject *value,
                                        PyObject *traceback);
/* Raise a new exception whose __cause__ is the one currently raised. */
PyAPI_FUNC(PyObject *) _PyErr_FormatFromCause(PyObject *exception,
                                              const char *format, ...);
/* KeyError(key), with tuple keys wrapped so args == (key,). */
PyAPI_FUNC(void) _PyErr_SetKeyError(PyObject *key);

PyAPI_FUNC(PyObject *) PyErr_SetImportError(PyObject *msg, PyObject *name,
                                            PyObject *path);
PyAPI_FUNC(PyObject *) PyErr_SetImportErrorSubclass(PyObject *exception,
    PyObject *msg, PyObject *name, PyObject *path);

PyAPI_FUNC(void) PyErr_SyntaxLocationObject(PyObject *filename, int lineno,
                                            int col_offset);
PyAPI_FUNC(void) PyErr_RangedSyntaxLocationObject(PyObject *filename,
    int lineno, int col_offset, int end_lineno, int end_col_offset);
PyAPI_FUNC(PyObject *) PyErr_ProgramTextObject(PyObject *filename, int lineno);

PyAPI_FUNC(PyObject *) _PyUnicodeTranslateError_Create(PyObject *object,
    Py_ssize_t start, Py_ssize_t end, const char *reason);

/* Report an exception that cannot be raised: "<err_msg>: <obj!r>". */
PyAPI_FUNC(void) _PyErr_WriteUnraisableMsg(const char *err_msg, PyObject *obj);

/* Append a str note to exc.__notes__ (creating the list). */
PyAPI_FUNC(int) _PyException_AddNote(PyObject *exc, PyObject *note);

/* except*: combine the exceptions raised and re-raised by the handlers of
   `orig` into what propagates.  New reference, or None, or NULL. */
PyAPI_FUNC(PyObject *) PyUnstable_Exc_PrepReraiseStar(PyObject *orig,
                                                     PyObject *excs);

#ifdef Py_BUILD_CORE
/* The statically allocated exception types, for the start-up table in
   Python/pylifecycle.c (the PyExc_* pointers are what everyone else uses). */
#define _Py_DECLARE_STATIC_EXC(NAME) extern PyTypeObject _PyExc_##NAME;
_Py_DECLARE_STATIC_EXC(BaseException)
_Py_DECLARE_STATIC_EXC(BaseExceptionGroup)
_Py_DECLARE_STATIC_EXC(Exception)
_Py_DECLARE_STATIC_EXC(ExceptionGroup)
_Py_DECLARE_STATIC_EXC(GeneratorExit)
_Py_DECLARE_STATIC_EXC(KeyboardInterrupt)
_Py_DECLARE_STATIC_EXC(SystemExit)
_Py_DECLARE_STATIC_EXC(ArithmeticError)
_Py_DECLARE_STATIC_EXC(FloatingPointError)
_Py_DECLARE_STATIC_EXC(OverflowError)
_Py_DECLARE_STATIC_EXC(ZeroDivisionError)
_Py_DECLARE_STATIC_EXC(AssertionError)
_Py_DECLARE_STATIC_EXC(AttributeError)
_Py_DECLARE_STATIC_EXC(BufferError)
_Py_DECLARE_STATIC_EXC(EOFError)
_Py_DECLARE_STATIC_EXC(ImportError)
_Py_DECLARE_STATIC_EXC(ModuleNotFoundError)
_Py_DECLARE_STATIC_EXC(LookupError)
_Py_DECLARE_STATIC_EXC(IndexError)
_Py_DECLARE_STATIC_EXC(KeyError)
_Py_DECLARE_STATIC_EXC(MemoryError)
_Py_DECLARE_STATIC_EXC(NameError)
_Py_DECLARE_STATIC_EXC(UnboundLocalError)
_Py_DECLARE_STATIC_EXC(OSError)
_Py_DECLARE_STATIC_EXC(BlockingIOError)
_Py_DECLARE_STATIC_EXC(ChildProcessError)
_Py_DECLARE_STATIC_EXC(ConnectionError)
_Py_DECLARE_STATIC_EXC(BrokenPipeError)
_Py_DECLARE_STATIC_EXC(ConnectionAbortedError)
_Py_DECLARE_STATIC_EXC(ConnectionRefusedError)
_Py_DECLARE_STATIC_EXC(ConnectionResetError)
_Py_DECLARE_STATIC_EXC(FileExistsError)
_Py_DECLARE_STATIC_EXC(FileNotFoundError)
_Py_DECLARE_STATIC_EXC(InterruptedError)
_Py_DECLARE_STATIC_EXC(IsADirectoryError)
_Py_DECLARE_STATIC_EXC(NotADirectoryError)
_Py_DECLARE_STATIC_EXC(PermissionError)
_Py_DECLARE_STATIC_EXC(ProcessLookupError)
_Py_DECLARE_STATIC_EXC(TimeoutError)
_Py_DECLARE_STATIC_EXC(ReferenceError)
_Py_DECLARE_STATIC_EXC(RuntimeError)
_Py_DECLARE_STATIC_EXC(NotImplementedError)
_Py_DECLARE_STATIC_EXC(PythonFinalizationError)
_Py_DECLARE_STATIC_EXC(RecursionError)
_Py_DECLARE_STATIC_EXC(StopAsyncIteration)
_Py_DECLARE_STATIC_EXC(StopIteration)
_Py_DECLARE_STATIC_EXC(SyntaxError)
_Py_DECLARE_STATIC_EXC(IndentationError)
_Py_DECLARE_STATIC_EXC(TabError)
_Py_DECLARE_STATIC_EXC(IncompleteInputError)
_Py_DECLARE_STATIC_EXC(SystemError)
_Py_DECLARE_STATIC_EXC(TypeError)
_Py_DECLARE_STATIC_EXC(ValueError)
_Py_DECLARE_STATIC_EXC(UnicodeError)
_Py_DECLARE_STATIC_EXC(UnicodeDecodeError)
_Py_DECLARE_STATIC_EXC(UnicodeEncodeError)
_Py_DECLARE_STATIC_EXC(UnicodeTranslateError)
_Py_DECLARE_STATIC_EXC(Warning)
_Py_DECLARE_STATIC_EXC(BytesWarning)
_Py_DECLARE_STATIC_EXC(DeprecationWarning)
_Py_DECLARE_STATIC_EXC(EncodingWarning)
_Py_DECLARE_STATIC_EXC(FutureWarning)
_Py_DECLARE_STATIC_EXC(ImportWarning)
_Py_DECLARE_STATIC_EXC(PendingDeprecationWarning)
_Py_DECLARE_STATIC_EXC(ResourceWarning)
_Py_DECLARE_STATIC_EXC(RuntimeWarning)
_Py_DECLARE_STATIC_EXC(SyntaxWarning)
_Py_DECLARE_STATIC_EXC(UnicodeWarning)
_Py_DECLARE_STATIC_EXC(UserWarning)
#undef _Py_DECLARE_STATIC_EXC
#endif /* Py_BUILD_CORE */

/* capi (session 6): Modules/signalmodule.c. */
PyAPI_FUNC(int) PySignal_SetWakeupFd(int fd);

#endif /* Py_CPYTHON_PYERRORS_H */
