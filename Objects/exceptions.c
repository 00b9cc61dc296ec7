/* The built-in exception classes (BaseException and every subclass the
   language defines) and the PyException_* accessors.

   Every exception is a GC container: args, traceback, __context__,
   __cause__ and the instance __dict__ can all refer back to it.  The
   mutable fields of an instance are read and replaced inside its critical
   section (free-threaded build); readers take a new reference under the
   lock and work with that.  tp_traverse and tp_clear run either with the
   world stopped or on an object nobody else can reach, so they take no
   lock.

   The classes are static types, readied at start-up from the table in
   Python/pylifecycle.c (each base before its subclasses). */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_gc.h"
#include "pycore_pystate.h"
#include "pycore_exceptions.h"

#include <stddef.h>

#define EXC_FLAGS (Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE \
                   | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASE_EXC_SUBCLASS \
                   | Py_TPFLAGS_IMMUTABLETYPE)

#define BASE(op) ((PyBaseExceptionObject *)(op))

/* ---- helpers ----------------------------------------------------------- */

/* The traceback type belongs to the frame machinery.  Until this build
   defines it there are no traceback objects at all, so "is a traceback"
   is false for every object; the weak reference picks the type up as
   soon as it is linked in. */
extern PyTypeObject PyTraceBack_Type __attribute__((weak));

int _PyTraceBack_CheckWeak(PyObject *obj)
{
    PyTypeObject *tb_type = &PyTraceBack_Type;
    return tb_type != NULL && PyObject_TypeCheck(obj, tb_type);
}

/* A new reference to *field (NULL stays NULL), read under op's lock.
   A leaf section (Doc/internals/locking.md): an increment and a load,
   nothing that can block or detach. */
static PyObject *get_field(PyObject *op, PyObject **field)
{
    PyObject *value;
    _Py_BEGIN_LEAF_CRITICAL_SECTION(op);
    value = Py_XNewRef(*field);
    _Py_END_LEAF_CRITICAL_SECTION();
    return value;
}

/* Replace *field with value (a reference the caller gives up) under op's
   lock.  The old value is released after the lock is dropped, since its
   destructor may run arbitrary code; what remains inside is a load and a
   store, so the section is a leaf one. */
static void set_field(PyObject *op, PyObject **field, PyObject *value)
{
    PyObject *old;
    _Py_BEGIN_LEAF_CRITICAL_SECTION(op);
    old = *field;
    *field = value;
    _Py_END_LEAF_CRITICAL_SECTION();
    Py_XDECREF(old);
}

static PyObject *none_if_null(PyObject *value)
{
    return value != NULL ? value : Py_NewRef(Py_None);
}

/* "NAME() takes no keyword arguments" unless kwds is NULL or empty. */
static int check_no_keywords(const char *name, PyObject *kwds)
{
    if (kwds == NULL || !PyDict_Check(kwds) || PyDict_Size(kwds) == 0) {
        return 0;
    }
    PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments", name);
    return -1;
}

/* Keyword-only arguments of the exception constructors that take them
   (ImportError, NameError, AttributeError): values[i] gets a borrowed
   reference to kwds[names[i]] or stays NULL. */
static int parse_keyword_only(const char *funcname, PyObject *kwds,
                              const char *const *names, PyObject **values,
                              int count)
{
    for (int i = 0; i < count; i++) {
        values[i] = NULL;
    }
    if (kwds == NULL) {
        return 0;
    }
    Py_ssize_t given = PyDict_Size(kwds);
    if (given > count) {
        PyErr_Format(PyExc_TypeError,
                     "%s() takes at most %d keyword argument%s (%zd given)",
                     funcname, count, count == 1 ? "" : "s", given);
        return -1;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(kwds, &pos, &key, &value)) {
        int found = 0;
        for (int i = 0; i < count && !found; i++) {
            if (PyUnicode_Check(key) && PyUnicode_EqualToUTF8(key, names[i])) {
                values[i] = value;
                found = 1;
            }
        }
        if (!found) {
            if (PyUnicode_Check(key)) {
                _PyArg_UnexpectedKeyword(funcname, key, names, count);
            }
            else {
                PyErr_SetString(PyExc_TypeError, "keywords must be strings");
            }
            return -1;
        }
    }
    return 0;
}

/* ---- BaseException ----------------------------------------------------- */

static PyObject *BaseException_new(PyTypeObject *type, PyObject *args,
                                   PyObject *Py_UNUSED(kwds))
{
    PyBaseExceptionObject *self =
        (PyBaseExceptionObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    /* tp_alloc zeroed every field; the __dict__ is made on first use. */
    self->args = args != NULL ? Py_NewRef(args) : PyTuple_New(0);
    if (self->args == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static int BaseException_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (check_no_keywords(Py_TYPE(self)->tp_name, kwds) < 0) {
        return -1;
    }
    set_field(self, &BASE(self)->args, Py_NewRef(args));
    return 0;
}

static int BaseException_clear(PyObject *op)
{
    PyBaseExceptionObject *self = BASE(op);
    Py_CLEAR(self->dict);
    Py_CLEAR(self->args);
    Py_CLEAR(self->notes);
    Py_CLEAR(self->traceback);
    Py_CLEAR(self->cause);
    Py_CLEAR(self->context);
    return 0;
}

static int BaseException_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyBaseExceptionObject *self = BASE(op);
    Py_VISIT(self->dict);
    Py_VISIT(self->args);
    Py_VISIT(self->notes);
    Py_VISIT(self->traceback);
    Py_VISIT(self->cause);
    Py_VISIT(self->context);
    return 0;
}

/* Deallocation: untrack, clear the type's own fields (its tp_clear also
   clears the BaseException ones), free.  The trashcan bounds the C stack
   when a long __context__ chain dies at once. */
#define DEFINE_DEALLOC(NAME, CLEAR)                 \
    static void NAME(PyObject *self)                \
    {                                               \
        PyObject_GC_UnTrack(self);                  \
        Py_TRASHCAN_BEGIN(self, NAME)               \
        CLEAR(self);                                \
        Py_TYPE(self)->tp_free(self);               \
        Py_TRASHCAN_END                             \
    }

DEFINE_DEALLOC(BaseException_dealloc, BaseException_clear)

/* NAME_clear, NAME_traverse and NAME_dealloc of an exception type that
   owns one object FIELD besides BaseException's. */
#define ONE_FIELD_GC(NAME, TYPE, FIELD)                                 \
    static int NAME##_clear(PyObject *self)                             \
    {                                                                   \
        Py_CLEAR(((TYPE *)self)->FIELD);                                \
        return BaseException_clear(self);                               \
    }                                                                   \
    static int NAME##_traverse(PyObject *self, visitproc visit,         \
                               void *arg)                               \
    {                                                                   \
        Py_VISIT(((TYPE *)self)->FIELD);                                \
        return BaseException_traverse(self, visit, arg);                \
    }                                                                   \
    DEFINE_DEALLOC(NAME##_dealloc, NAME##_clear)

/* A new reference to the args tuple (an empty tuple if never set). */
static PyObject *exception_args(PyObject *self)
{
    PyObject *args = get_field(self, &BASE(self)->args);
    return args != NULL ? args : PyTuple_New(0);
}

static PyObject *BaseException_str(PyObject *self)
{
    PyObject *args = exception_args(self);
    if (args == NULL) {
        return NULL;
    }
    PyObject *result;
    switch (PyTuple_GET_SIZE(args)) {
    case 0:
        result = PyUnicode_FromString("");
        break;
    case 1:
        result = PyObject_Str(PyTuple_GET_ITEM(args, 0));
        break;
    default:
        result = PyObject_Str(args);
        break;
    }
    Py_DECREF(args);
    return result;
}

static PyObject *BaseException_repr(PyObject *self)
{
    PyObject *args = exception_args(self);
    if (args == NULL) {
        return NULL;
    }
    const char *name = _PyType_Name(Py_TYPE(self));
    PyObject *result;
    if (PyTuple_GET_SIZE(args) == 1) {
        result = PyUnicode_FromFormat("%s(%R)", name, PyTuple_GET_ITEM(args, 0));
    }
    else {
        result = PyUnicode_FromFormat("%s%R", name, args);
    }
    Py_DECREF(args);
    return result;
}

/* (type, args) or (type, args, __dict__): enough for pickle and copy. */
static PyObject *BaseException_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *args = exception_args(self);
    if (args == NULL) {
        return NULL;
    }
    PyObject *dict = get_field(self, &BASE(self)->dict);
    PyObject *result;
    if (dict != NULL) {
        result = PyTuple_Pack(3, Py_TYPE(self), args, dict);
    }
    else {
        result = PyTuple_Pack(2, Py_TYPE(self), args);
    }
    Py_XDECREF(dict);
    Py_DECREF(args);
    return result;
}

/* Set each item of a state dict as an attribute (the inverse of the dict
   part of __reduce__).  The items are copied first: setting attributes
   may run code that changes the dict. */
static int apply_state(PyObject *self, PyObject *state)
{
    if (state == Py_None) {
        return 0;
    }
    if (!PyDict_Check(state)) {
        PyErr_SetString(PyExc_TypeError, "state is not a dictionary");
        return -1;
    }
    PyObject *items = PyDict_Items(state);
    if (items == NULL) {
        return -1;
    }
    Py_ssize_t n = PyList_Size(items);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *pair = PyList_GetItem(items, i);
        if (PyObject_SetAttr(self, PyTuple_GET_ITEM(pair, 0),
                             PyTuple_GET_ITEM(pair, 1)) < 0) {
            Py_DECREF(items);
            return -1;
        }
    }
    Py_DECREF(items);
    return 0;
}

static PyObject *BaseException_setstate(PyObject *self, PyObject *state)
{
    if (apply_state(self, state) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *BaseException_with_traceback(PyObject *self, PyObject *tb)
{
    if (PyException_SetTraceback(self, tb) < 0) {
        return NULL;
    }
    return Py_NewRef(self);
}

int _PyException_AddNote(PyObject *exc, PyObject *note)
{
    if (!PyExceptionInstance_Check(exc)) {
        PyErr_Format(PyExc_TypeError,
                     "exc must be an exception, not '%s'", Py_TYPE(exc)->tp_name);
        return -1;
    }
    if (!PyUnicode_Check(note)) {
        PyErr_Format(PyExc_TypeError, "note must be a str, not '%s'",
                     Py_TYPE(note)->tp_name);
        return -1;
    }
    PyObject *notes;
    if (PyObject_GetOptionalAttrString(exc, "__notes__", &notes) < 0) {
        return -1;
    }
    if (notes == NULL) {
        notes = PyList_New(0);
        if (notes == NULL) {
            return -1;
        }
        if (PyObject_SetAttrString(exc, "__notes__", notes) < 0) {
            Py_DECREF(notes);
            return -1;
        }
    }
    else if (!PyList_Check(notes)) {
        Py_DECREF(notes);
        PyErr_SetString(PyExc_TypeError,
                        "Cannot add note: __notes__ is not a list");
        return -1;
    }
    int result = PyList_Append(notes, note);
    Py_DECREF(notes);
    return result;
}

static PyObject *BaseException_add_note(PyObject *self, PyObject *note)
{
    if (_PyException_AddNote(self, note) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef BaseException_methods[] = {
    {"__reduce__", BaseException_reduce, METH_NOARGS, NULL},
    {"__setstate__", BaseException_setstate, METH_O, NULL},
    {"with_traceback", BaseException_with_traceback, METH_O,
     "Set self.__traceback__ to tb and return self."},
    {"add_note", BaseException_add_note, METH_O,
     "Add a note to the exception, shown after it when it is displayed."},
    {NULL, NULL, 0, NULL},
};

static PyObject *BaseException_get_args(PyObject *self, void *Py_UNUSED(closure))
{
    return exception_args(self);
}

static int BaseException_set_args(PyObject *self, PyObject *value,
                                  void *Py_UNUSED(closure))
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "args may not be deleted");
        return -1;
    }
    PyObject *seq = PySequence_Tuple(value);
    if (seq == NULL) {
        return -1;
    }
    set_field(self, &BASE(self)->args, seq);
    return 0;
}

static PyObject *BaseException_get_tb(PyObject *self, void *Py_UNUSED(closure))
{
    return none_if_null(get_field(self, &BASE(self)->traceback));
}

static int BaseException_set_tb(PyObject *self, PyObject *tb,
                                void *Py_UNUSED(closure))
{
    if (tb == NULL) {
        PyErr_SetString(PyExc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    return PyException_SetTraceback(self, tb);
}

/* The new value of __context__ or __cause__ (`attr`, the exception's
   `what`): a new reference to an exception, or NULL for None.  0, or
   -1 with TypeError set. */
static int chained_exception_arg(PyObject *value, const char *attr,
                                 const char *what, PyObject **out)
{
    if (value == NULL) {
        PyErr_Format(PyExc_TypeError, "%s may not be deleted", attr);
        return -1;
    }
    if (value == Py_None) {
        *out = NULL;
        return 0;
    }
    if (!PyExceptionInstance_Check(value)) {
        PyErr_Format(PyExc_TypeError, "exception %s must be None "
                     "or derive from BaseException", what);
        return -1;
    }
    *out = Py_NewRef(value);
    return 0;
}

static PyObject *BaseException_get_context(PyObject *self,
                                           void *Py_UNUSED(closure))
{
    return none_if_null(PyException_GetContext(self));
}

static int BaseException_set_context(PyObject *self, PyObject *value,
                                     void *Py_UNUSED(closure))
{
    PyObject *context;
    if (chained_exception_arg(value, "__context__", "context",
                              &context) < 0) {
        return -1;
    }
    PyException_SetContext(self, context);
    return 0;
}

static PyObject *BaseException_get_cause(PyObject *self,
                                         void *Py_UNUSED(closure))
{
    return none_if_null(PyException_GetCause(self));
}

static int BaseException_set_cause(PyObject *self, PyObject *value,
                                   void *Py_UNUSED(closure))
{
    PyObject *cause;
    if (chained_exception_arg(value, "__cause__", "cause", &cause) < 0) {
        return -1;
    }
    PyException_SetCause(self, cause);
    return 0;
}

static PyGetSetDef BaseException_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {"args", BaseException_get_args, BaseException_set_args, NULL, NULL},
    {"__traceback__", BaseException_get_tb, BaseException_set_tb, NULL, NULL},
    {"__context__", BaseException_get_context, BaseException_set_context,
     "exception context", NULL},
    {"__cause__", BaseException_get_cause, BaseException_set_cause,
     "exception cause", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef BaseException_members[] = {
    {"__suppress_context__", Py_T_BOOL,
     offsetof(PyBaseExceptionObject, suppress_context), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject _PyExc_BaseException = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "BaseException",
    .tp_basicsize = sizeof(PyBaseExceptionObject),
    .tp_dealloc = BaseException_dealloc,
    .tp_repr = BaseException_repr,
    .tp_str = BaseException_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = EXC_FLAGS,
    .tp_doc = "Common base class for all exceptions",
    .tp_traverse = BaseException_traverse,
    .tp_clear = BaseException_clear,
    .tp_methods = BaseException_methods,
    .tp_members = BaseException_members,
    .tp_getset = BaseException_getset,
    .tp_dictoffset = offsetof(PyBaseExceptionObject, dict),
    .tp_init = BaseException_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = BaseException_new,
    .tp_free = PyObject_GC_Del,
};
PyObject *PyExc_BaseException = (PyObject *)&_PyExc_BaseException;

/* ---- the PyException_* accessors --------------------------------------- */

PyObject *PyException_GetTraceback(PyObject *self)
{
    return get_field(self, &BASE(self)->traceback);
}

int PyException_SetTraceback(PyObject *self, PyObject *tb)
{
    if (tb == Py_None) {
        tb = NULL;
    }
    else if (tb == NULL || !_PyTraceBack_CheckWeak(tb)) {
        PyErr_SetString(PyExc_TypeError,
                        "__traceback__ must be a traceback or None");
        return -1;
    }
    set_field(self, &BASE(self)->traceback, Py_XNewRef(tb));
    return 0;
}

PyObject *PyException_GetCause(PyObject *self)
{
    return get_field(self, &BASE(self)->cause);
}

/* Steals cause (may be NULL).  Setting a cause, even None, suppresses the
   display of the context, as `raise ... from ...` does. */
void PyException_SetCause(PyObject *self, PyObject *cause)
{
    PyObject *old;
    Py_BEGIN_CRITICAL_SECTION(self);
    old = BASE(self)->cause;
    BASE(self)->cause = cause;
    BASE(self)->suppress_context = 1;
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(old);
}

PyObject *PyException_GetContext(PyObject *self)
{
    return get_field(self, &BASE(self)->context);
}

/* Steals context (may be NULL). */
void PyException_SetContext(PyObject *self, PyObject *context)
{
    set_field(self, &BASE(self)->context, context);
}

PyObject *PyException_GetArgs(PyObject *self)
{
    return exception_args(self);
}

/* Does not steal args. */
void PyException_SetArgs(PyObject *self, PyObject *args)
{
    set_field(self, &BASE(self)->args, Py_NewRef(args));
}

const char *PyExceptionClass_Name(PyObject *ob)
{
    return ((PyTypeObject *)ob)->tp_name;
}

/* ---- type definition macros -------------------------------------------- */

/* tp_alloc and tp_free are spelled out (not left to inheritance) so an
   exception can be created even if something fails before the type is
   readied. */

#define EXCEPTION_TYPE(NAME, BASE_NAME, STRUCT, NEW, INIT, DEALLOC,       \
                       TRAVERSE, CLEAR, STR, METHODS, MEMBERS, GETSET, DOC) \
    PyTypeObject _PyExc_##NAME = {                                      \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                          \
        .tp_name = #NAME,                                               \
        .tp_basicsize = sizeof(STRUCT),                                 \
        .tp_dealloc = DEALLOC,                                          \
        .tp_str = STR,                                                  \
        .tp_flags = EXC_FLAGS,                                          \
        .tp_doc = DOC,                                                  \
        .tp_traverse = TRAVERSE,                                        \
        .tp_clear = CLEAR,                                              \
        .tp_methods = METHODS,                                          \
        .tp_members = MEMBERS,                                          \
        .tp_getset = GETSET,                                            \
        .tp_base = &_PyExc_##BASE_NAME,                                 \
        .tp_dictoffset = offsetof(STRUCT, dict),                        \
        .tp_init = INIT,                                                \
        .tp_alloc = PyType_GenericAlloc,                                \
        .tp_new = NEW,                                                  \
        .tp_free = PyObject_GC_Del,                                     \
    };                                                                  \
    PyObject *PyExc_##NAME = (PyObject *)&_PyExc_##NAME;

/* A class with no state or behaviour of its own beyond its name. */
#define SIMPLE_EXCEPTION(NAME, BASE_NAME, DOC)                          \
    EXCEPTION_TYPE(NAME, BASE_NAME, PyBaseExceptionObject,              \
                   BaseException_new, BaseException_init,               \
                   BaseException_dealloc, BaseException_traverse,       \
                   BaseException_clear, NULL, NULL, NULL, NULL, DOC)

/* A class sharing the struct and behaviour of an existing family. */
#define FAMILY_EXCEPTION(NAME, BASE_NAME, FAMILY, STRUCT, DOC)          \
    EXCEPTION_TYPE(NAME, BASE_NAME, STRUCT, FAMILY##_new, FAMILY##_init, \
                   FAMILY##_dealloc, FAMILY##_traverse, FAMILY##_clear, \
                   NULL, NULL, NULL, NULL, DOC)

SIMPLE_EXCEPTION(Exception, BaseException,
                 "Common base class for all non-exit exceptions.")
SIMPLE_EXCEPTION(GeneratorExit, BaseException,
                 "Request that a generator exit.")
SIMPLE_EXCEPTION(KeyboardInterrupt, BaseException,
                 "Program interrupted by user.")
SIMPLE_EXCEPTION(TypeError, Exception,
                 "Inappropriate argument type.")
SIMPLE_EXCEPTION(StopAsyncIteration, Exception,
                 "Signal the end from iterator.__anext__().")
SIMPLE_EXCEPTION(RuntimeError, Exception,
                 "Unspecified run-time error.")
SIMPLE_EXCEPTION(PythonFinalizationError, RuntimeError,
                 "Operation blocked during Python finalization.")
SIMPLE_EXCEPTION(RecursionError, RuntimeError,
                 "Recursion limit exceeded.")
SIMPLE_EXCEPTION(NotImplementedError, RuntimeError,
                 "Method or function hasn't been implemented yet.")
SIMPLE_EXCEPTION(EOFError, Exception,
                 "Read beyond end of file.")
SIMPLE_EXCEPTION(LookupError, Exception,
                 "Base class for lookup errors.")
SIMPLE_EXCEPTION(IndexError, LookupError,
                 "Sequence index out of range.")
SIMPLE_EXCEPTION(ValueError, Exception,
                 "Inappropriate argument value (of correct type).")
SIMPLE_EXCEPTION(AssertionError, Exception,
                 "Assertion failed.")
SIMPLE_EXCEPTION(ArithmeticError, Exception,
                 "Base class for arithmetic errors.")
SIMPLE_EXCEPTION(FloatingPointError, ArithmeticError,
                 "Floating-point operation failed.")
SIMPLE_EXCEPTION(OverflowError, ArithmeticError,
                 "Result too large to be represented.")
SIMPLE_EXCEPTION(ZeroDivisionError, ArithmeticError,
                 "Second argument to a division or modulo operation was zero.")
SIMPLE_EXCEPTION(SystemError, Exception,
                 "Internal error in the Python interpreter.\n\n"
                 "Please report this, with the Python version and the "
                 "situation that triggered it, to the maintainers.")
SIMPLE_EXCEPTION(ReferenceError, Exception,
                 "Weak ref proxy used after referent went away.")
SIMPLE_EXCEPTION(BufferError, Exception,
                 "Buffer error.")

/* ---- KeyError ---------------------------------------------------------- */

/* KeyError('') must not print as an empty message, so a single argument
   is shown by its repr. */
static PyObject *KeyError_str(PyObject *self)
{
    PyObject *args = exception_args(self);
    if (args == NULL) {
        return NULL;
    }
    PyObject *result;
    if (PyTuple_GET_SIZE(args) == 1) {
        result = PyObject_Repr(PyTuple_GET_ITEM(args, 0));
    }
    else {
        result = BaseException_str(self);
    }
    Py_DECREF(args);
    return result;
}

EXCEPTION_TYPE(KeyError, LookupError, PyBaseExceptionObject,
               BaseException_new, BaseException_init, BaseException_dealloc,
               BaseException_traverse, BaseException_clear, KeyError_str,
               NULL, NULL, NULL, "Mapping key not found.")

/* ---- StopIteration ----------------------------------------------------- */

#define STOPITER(op) ((PyStopIterationObject *)(op))

/* value is the first argument: a generator's return value. */
static int StopIteration_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (BaseException_init(self, args, kwds) < 0) {
        return -1;
    }
    PyObject *value = PyTuple_GET_SIZE(args) > 0 ? PyTuple_GET_ITEM(args, 0)
                                                 : Py_None;
    set_field(self, &STOPITER(self)->value, Py_NewRef(value));
    return 0;
}

ONE_FIELD_GC(StopIteration, PyStopIterationObject, value)

static PyMemberDef StopIteration_members[] = {
    {"value", _Py_T_OBJECT, offsetof(PyStopIterationObject, value), 0,
     "generator return value"},
    {NULL, 0, 0, 0, NULL},
};

EXCEPTION_TYPE(StopIteration, Exception, PyStopIterationObject,
               BaseException_new, StopIteration_init, StopIteration_dealloc,
               StopIteration_traverse, StopIteration_clear, NULL, NULL,
               StopIteration_members, NULL,
               "Signal the end from iterator.__next__().")

/* ---- SystemExit -------------------------------------------------------- */

#define SYSEXIT(op) ((PySystemExitObject *)(op))

/* code: None without arguments, the argument, or the args tuple. */
static int SystemExit_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (BaseException_init(self, args, kwds) < 0) {
        return -1;
    }
    Py_ssize_t size = PyTuple_GET_SIZE(args);
    PyObject *code = size == 0 ? Py_None
                     : size == 1 ? PyTuple_GET_ITEM(args, 0) : args;
    set_field(self, &SYSEXIT(self)->code, Py_NewRef(code));
    return 0;
}

ONE_FIELD_GC(SystemExit, PySystemExitObject, code)

static PyMemberDef SystemExit_members[] = {
    {"code", _Py_T_OBJECT, offsetof(PySystemExitObject, code), 0,
     "exception code"},
    {NULL, 0, 0, 0, NULL},
};

EXCEPTION_TYPE(SystemExit, BaseException, PySystemExitObject,
               BaseException_new, SystemExit_init, SystemExit_dealloc,
               SystemExit_traverse, SystemExit_clear, NULL, NULL,
               SystemExit_members, NULL, "Request to exit from the interpreter.")

/* ---- MemoryError ------------------------------------------------------- */

SIMPLE_EXCEPTION(MemoryError, Exception, "Out of memory.")

/* A statically allocated object of a GC type: in the default build GC
   objects are preceded by a PyGC_Head, which the collector reads; a zero
   one means "not tracked", and nothing ever tracks these. */
#ifdef Py_GIL_DISABLED
#  define GC_PREFIX
#else
#  define GC_PREFIX PyGC_Head gc_head;
#endif

/* Raised when even a MemoryError cannot be allocated.  Immortal and
   shared by every thread; its fields are protected by its critical
   section like any exception's. */
static struct {
    GC_PREFIX
    PyBaseExceptionObject exc;
} last_resort_memory_error = {
    .exc = { PyObject_HEAD_INIT(&_PyExc_MemoryError) },
};

/* Set while this thread allocates a MemoryError: the allocator reports
   its own failure through PyErr_NoMemory, which must not recurse. */
static __thread int making_memory_error;

PyObject *_PyExc_NewMemoryError(void)
{
    PyObject *last_resort = (PyObject *)&last_resort_memory_error.exc;
    if (making_memory_error) {
        return Py_NewRef(last_resort);
    }
    making_memory_error = 1;
    PyObject *exc = BaseException_new(&_PyExc_MemoryError, NULL, NULL);
    making_memory_error = 0;
    if (exc == NULL) {
        PyErr_Clear();
        return Py_NewRef(last_resort);
    }
    return exc;
}

/* ---- BaseExceptionGroup and ExceptionGroup ----------------------------- */

#define GROUP(op) ((PyBaseExceptionGroupObject *)(op))

/* msg and excs are set once by __new__ and never change, so they are read
   without a lock. */
static PyObject *BaseExceptionGroup_new(PyTypeObject *type, PyObject *args,
                                        PyObject *kwds)
{
    if (PyTuple_GET_SIZE(args) != 2) {
        PyErr_Format(PyExc_TypeError,
                     "BaseExceptionGroup.__new__() takes exactly 2 arguments "
                     "(%zd given)", PyTuple_GET_SIZE(args));
        return NULL;
    }
    PyObject *message = PyTuple_GET_ITEM(args, 0);
    PyObject *exceptions = PyTuple_GET_ITEM(args, 1);
    if (!PyUnicode_Check(message)) {
        PyErr_Format(PyExc_TypeError,
                     "BaseExceptionGroup.__new__() argument 1 must be str, "
                     "not %.50s", Py_TYPE(message)->tp_name);
        return NULL;
    }
    if (!PySequence_Check(exceptions)) {
        PyErr_SetString(PyExc_TypeError,
                        "second argument (exceptions) must be a sequence");
        return NULL;
    }
    PyObject *excs = PySequence_Tuple(exceptions);
    if (excs == NULL) {
        return NULL;
    }
    Py_ssize_t count = PyTuple_GET_SIZE(excs);
    if (count == 0) {
        PyErr_SetString(PyExc_ValueError,
                        "second argument (exceptions) must be a non-empty "
                        "sequence");
        goto error;
    }
    int has_base_exceptions = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *exc = PyTuple_GET_ITEM(excs, i);
        if (!PyExceptionInstance_Check(exc)) {
            PyErr_Format(PyExc_ValueError, "Item %zd of second argument "
                         "(exceptions) is not an exception", i);
            goto error;
        }
        if (!PyObject_TypeCheck(exc, &_PyExc_Exception)) {
            has_base_exceptions = 1;
        }
    }
    PyTypeObject *cls = type;
    if (cls == &_PyExc_BaseExceptionGroup) {
        /* A group of ordinary exceptions is an ExceptionGroup, so that
           `except Exception` catches it. */
        if (!has_base_exceptions) {
            cls = &_PyExc_ExceptionGroup;
        }
    }
    else if (cls == &_PyExc_ExceptionGroup) {
        if (has_base_exceptions) {
            PyErr_SetString(PyExc_TypeError,
                            "Cannot nest BaseExceptions in an ExceptionGroup");
            goto error;
        }
    }
    else if (has_base_exceptions
             && PyType_IsSubtype(cls, &_PyExc_Exception)) {
        PyErr_Format(PyExc_TypeError, "Cannot nest BaseExceptions in '%.200s'",
                     cls->tp_name);
        goto error;
    }
    PyObject *self = BaseException_new(cls, args, kwds);
    if (self == NULL) {
        goto error;
    }
    GROUP(self)->msg = Py_NewRef(message);
    GROUP(self)->excs = excs;
    return self;
error:
    Py_DECREF(excs);
    return NULL;
}

static int BaseExceptionGroup_init(PyObject *self, PyObject *args,
                                   PyObject *kwds)
{
    return BaseException_init(self, args, kwds);
}

static int BaseExceptionGroup_clear(PyObject *self)
{
    Py_CLEAR(GROUP(self)->msg);
    Py_CLEAR(GROUP(self)->excs);
    return BaseException_clear(self);
}

static int BaseExceptionGroup_traverse(PyObject *self, visitproc visit,
                                       void *arg)
{
    Py_VISIT(GROUP(self)->msg);
    Py_VISIT(GROUP(self)->excs);
    return BaseException_traverse(self, visit, arg);
}

DEFINE_DEALLOC(BaseExceptionGroup_dealloc, BaseExceptionGroup_clear)

static PyObject *BaseExceptionGroup_str(PyObject *self)
{
    PyObject *excs = GROUP(self)->excs;
    Py_ssize_t count = excs != NULL ? PyTuple_GET_SIZE(excs) : 0;
    return PyUnicode_FromFormat("%S (%zd sub-exception%s)",
                                GROUP(self)->msg ? GROUP(self)->msg : Py_None,
                                count, count > 1 ? "s" : "");
}

/* Name('message', [members...]).  The members shown are the group's own
   tuple, which cannot change; they are spelled as a list when the
   sequence given to the constructor was one (it usually is). */
static PyObject *BaseExceptionGroup_repr(PyObject *self)
{
    PyObject *args = exception_args(self);
    if (args == NULL) {
        return NULL;
    }
    int given_list = PyTuple_GET_SIZE(args) == 2
                     && PyList_Check(PyTuple_GET_ITEM(args, 1));
    Py_DECREF(args);
    PyObject *excs = GROUP(self)->excs;
    PyObject *shown = given_list ? PySequence_List(excs) : Py_NewRef(excs);
    if (shown == NULL) {
        return NULL;
    }
    PyObject *result = PyUnicode_FromFormat("%s(%R, %R)",
                                            _PyType_Name(Py_TYPE(self)),
                                            GROUP(self)->msg, shown);
    Py_DECREF(shown);
    return result;
}

static PyObject *BaseExceptionGroup_derive(PyObject *self, PyObject *excs)
{
    PyObject *args = PyTuple_Pack(2, GROUP(self)->msg, excs);
    if (args == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_Call(PyExc_BaseExceptionGroup, args, NULL);
    Py_DECREF(args);
    return result;
}

/* What split() and subgroup() test each exception against. */
typedef enum {
    MATCH_BY_TYPE,          /* an exception class or tuple of classes */
    MATCH_BY_PREDICATE,     /* a callable that is not a class */
    MATCH_INSTANCE_IDS,     /* a set of id()s (for except*) */
} matcher_kind;

static int get_matcher_kind(PyObject *value, matcher_kind *kind)
{
    if (PyCallable_Check(value) && !PyType_Check(value)) {
        *kind = MATCH_BY_PREDICATE;
        return 0;
    }
    if (PyExceptionClass_Check(value)) {
        *kind = MATCH_BY_TYPE;
        return 0;
    }
    if (PyTuple_CheckExact(value)) {
        Py_ssize_t n = PyTuple_GET_SIZE(value);
        for (Py_ssize_t i = 0; i < n; i++) {
            if (!PyExceptionClass_Check(PyTuple_GET_ITEM(value, i))) {
                goto error;
            }
        }
        *kind = MATCH_BY_TYPE;
        return 0;
    }
error:
    PyErr_SetString(PyExc_TypeError,
                    "expected an exception type, a tuple of exception types, "
                    "or a callable (other than a class)");
    return -1;
}

static int matches(PyObject *exc, matcher_kind kind, PyObject *matcher)
{
    switch (kind) {
    case MATCH_BY_TYPE:
        return PyErr_GivenExceptionMatches(exc, matcher);
    case MATCH_BY_PREDICATE: {
        PyObject *result = PyObject_CallOneArg(matcher, exc);
        if (result == NULL) {
            return -1;
        }
        int truth = PyObject_IsTrue(result);
        Py_DECREF(result);
        return truth;
    }
    case MATCH_INSTANCE_IDS: {
        PyObject *id = PyLong_FromVoidPtr(exc);
        if (id == NULL) {
            return -1;
        }
        int found = PySet_Contains(matcher, id);
        Py_DECREF(id);
        return found;
    }
    }
    return 0;
}

/* A new group like orig (via its derive()) holding the exceptions in
   `list`, with orig's traceback, cause, context and a copy of its notes.
   *result is NULL when the list is empty. */
static int group_subset(PyObject *orig, PyObject *list, PyObject **result)
{
    *result = NULL;
    if (PyList_GET_SIZE(list) == 0) {
        return 0;
    }
    PyObject *derive = PyObject_GetAttrString(orig, "derive");
    if (derive == NULL) {
        return -1;
    }
    PyObject *group = PyObject_CallOneArg(derive, list);
    Py_DECREF(derive);
    if (group == NULL) {
        return -1;
    }
    if (!_PyBaseExceptionGroup_Check(group)) {
        PyErr_SetString(PyExc_TypeError,
                        "derive must return an instance of BaseExceptionGroup");
        goto error;
    }
    PyObject *tb = PyException_GetTraceback(orig);
    if (tb != NULL) {
        int failed = PyException_SetTraceback(group, tb) < 0;
        Py_DECREF(tb);
        if (failed) {
            goto error;
        }
    }
    PyException_SetContext(group, PyException_GetContext(orig));
    PyException_SetCause(group, PyException_GetCause(orig));

    PyObject *notes;
    if (PyObject_GetOptionalAttrString(orig, "__notes__", &notes) < 0) {
        goto error;
    }
    /* Each part gets its own list, so add_note() on one does not show on
       the others.  Notes that are not a sequence were already a user
       error; they are simply not carried over. */
    if (notes != NULL && PySequence_Check(notes)) {
        PyObject *copy = PySequence_List(notes);
        Py_DECREF(notes);
        if (copy == NULL) {
            goto error;
        }
        int failed = PyObject_SetAttrString(group, "__notes__", copy) < 0;
        Py_DECREF(copy);
        if (failed) {
            goto error;
        }
    }
    else {
        Py_XDECREF(notes);
    }
    *result = group;
    return 0;
error:
    Py_DECREF(group);
    return -1;
}

/* Split exc into the part matching and (when want_rest) the part not
   matching, preserving the nesting of groups.  A part is NULL when
   empty; an exception that matches as a whole is returned as is. */
static int split_recursive(PyObject *exc, matcher_kind kind, PyObject *matcher,
                           int want_rest, PyObject **match, PyObject **rest)
{
    *match = NULL;
    *rest = NULL;
    int is_match = matches(exc, kind, matcher);
    if (is_match < 0) {
        return -1;
    }
    if (is_match) {
        *match = Py_NewRef(exc);
        return 0;
    }
    if (!_PyBaseExceptionGroup_Check(exc)) {
        if (want_rest) {
            *rest = Py_NewRef(exc);
        }
        return 0;
    }
    if (Py_EnterRecursiveCall(" in exceptiongroup split")) {
        return -1;
    }
    int status = -1;
    PyObject *excs = GROUP(exc)->excs;
    PyObject *match_list = PyList_New(0);
    PyObject *rest_list = want_rest ? PyList_New(0) : NULL;
    if (match_list == NULL || (want_rest && rest_list == NULL)) {
        goto done;
    }
    Py_ssize_t count = PyTuple_GET_SIZE(excs);
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *part_match, *part_rest;
        if (split_recursive(PyTuple_GET_ITEM(excs, i), kind, matcher,
                            want_rest, &part_match, &part_rest) < 0) {
            goto done;
        }
        int failed = (part_match != NULL
                      && PyList_Append(match_list, part_match) < 0)
                     || (part_rest != NULL
                         && PyList_Append(rest_list, part_rest) < 0);
        Py_XDECREF(part_match);
        Py_XDECREF(part_rest);
        if (failed) {
            goto done;
        }
    }
    if (group_subset(exc, match_list, match) < 0) {
        goto done;
    }
    if (want_rest && group_subset(exc, rest_list, rest) < 0) {
        Py_CLEAR(*match);
        goto done;
    }
    status = 0;
done:
    Py_LeaveRecursiveCall();
    Py_XDECREF(match_list);
    Py_XDECREF(rest_list);
    return status;
}

static PyObject *BaseExceptionGroup_split(PyObject *self, PyObject *condition)
{
    matcher_kind kind;
    if (get_matcher_kind(condition, &kind) < 0) {
        return NULL;
    }
    PyObject *match, *rest;
    if (split_recursive(self, kind, condition, 1, &match, &rest) < 0) {
        return NULL;
    }
    PyObject *result = PyTuple_Pack(2, match ? match : Py_None,
                                    rest ? rest : Py_None);
    Py_XDECREF(match);
    Py_XDECREF(rest);
    return result;
}

static PyObject *BaseExceptionGroup_subgroup(PyObject *self,
                                             PyObject *condition)
{
    matcher_kind kind;
    if (get_matcher_kind(condition, &kind) < 0) {
        return NULL;
    }
    PyObject *match, *rest;
    if (split_recursive(self, kind, condition, 0, &match, &rest) < 0) {
        return NULL;
    }
    return none_if_null(match);
}

/* Add the id() of every leaf of exc (a group's members, recursively) to
   the set. */
static int collect_leaf_ids(PyObject *exc, PyObject *ids)
{
    if (exc == Py_None) {
        return 0;
    }
    if (!_PyBaseExceptionGroup_Check(exc)) {
        PyObject *id = PyLong_FromVoidPtr(exc);
        if (id == NULL) {
            return -1;
        }
        int result = PySet_Add(ids, id);
        Py_DECREF(id);
        return result;
    }
    if (Py_EnterRecursiveCall(" in collect_leaf_ids")) {
        return -1;
    }
    int result = 0;
    PyObject *excs = GROUP(exc)->excs;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(excs) && result == 0; i++) {
        result = collect_leaf_ids(PyTuple_GET_ITEM(excs, i), ids);
    }
    Py_LeaveRecursiveCall();
    return result;
}

/* A handler re-raised (part of) the original when the exception it raised
   carries the original's traceback, cause and context: split() copies
   exactly those onto the parts it derives. */
static int same_exception_metadata(PyObject *a, PyObject *b)
{
    PyObject *tb_a = PyException_GetTraceback(a);
    PyObject *tb_b = PyException_GetTraceback(b);
    PyObject *cause_a = PyException_GetCause(a);
    PyObject *cause_b = PyException_GetCause(b);
    PyObject *ctx_a = PyException_GetContext(a);
    PyObject *ctx_b = PyException_GetContext(b);
    int same = tb_a == tb_b && cause_a == cause_b && ctx_a == ctx_b;
    Py_XDECREF(tb_a);
    Py_XDECREF(tb_b);
    Py_XDECREF(cause_a);
    Py_XDECREF(cause_b);
    Py_XDECREF(ctx_a);
    Py_XDECREF(ctx_b);
    return same;
}

/* After the except* clauses of a try ran on `orig`, excs lists what each
   clause raised (None for clauses that raised nothing).  The result is
   what propagates: the re-raised leaves of orig, kept in orig's shape,
   grouped with the newly raised exceptions. */
PyObject *PyUnstable_Exc_PrepReraiseStar(PyObject *orig, PyObject *excs)
{
    if (!PyList_Check(excs)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_ssize_t count = PyList_GET_SIZE(excs);
    if (count == 0) {
        return Py_NewRef(Py_None);
    }
    if (!_PyBaseExceptionGroup_Check(orig)) {
        /* A naked exception was wrapped for matching: at most one clause
           ran, so there is at most one thing to raise. */
        return Py_NewRef(PyList_GET_ITEM(excs, 0));
    }
    PyObject *result = NULL;
    PyObject *raised = PyList_New(0);
    PyObject *reraised_ids = PySet_New(NULL);
    PyObject *reraised = NULL;
    if (raised == NULL || reraised_ids == NULL) {
        goto done;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *exc = PyList_GET_ITEM(excs, i);
        if (exc == Py_None) {
            continue;
        }
        int failed = same_exception_metadata(exc, orig)
                     ? collect_leaf_ids(exc, reraised_ids)
                     : PyList_Append(raised, exc);
        if (failed < 0) {
            goto done;
        }
    }
    PyObject *unused_rest;
    if (split_recursive(orig, MATCH_INSTANCE_IDS, reraised_ids, 0,
                        &reraised, &unused_rest) < 0) {
        goto done;
    }
    if (PyList_GET_SIZE(raised) == 0) {
        result = none_if_null(Py_XNewRef(reraised));
        goto done;
    }
    if (reraised != NULL && PyList_Append(raised, reraised) < 0) {
        goto done;
    }
    if (PyList_GET_SIZE(raised) == 1) {
        result = Py_NewRef(PyList_GET_ITEM(raised, 0));
    }
    else {
        PyObject *message = PyUnicode_FromString("");
        if (message != NULL) {
            PyObject *args = PyTuple_Pack(2, message, raised);
            Py_DECREF(message);
            if (args != NULL) {
                result = PyObject_Call(PyExc_BaseExceptionGroup, args, NULL);
                Py_DECREF(args);
            }
        }
    }
done:
    Py_XDECREF(raised);
    Py_XDECREF(reraised_ids);
    Py_XDECREF(reraised);
    return result;
}

static PyMethodDef BaseExceptionGroup_methods[] = {
    {"derive", BaseExceptionGroup_derive, METH_O,
     "Return a group like this one holding the given exceptions."},
    {"split", BaseExceptionGroup_split, METH_O,
     "Split into the exceptions matching a condition and the rest."},
    {"subgroup", BaseExceptionGroup_subgroup, METH_O,
     "Return the exceptions matching a condition, or None."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef BaseExceptionGroup_members[] = {
    {"message", _Py_T_OBJECT, offsetof(PyBaseExceptionGroupObject, msg),
     Py_READONLY, "exception message"},
    {"exceptions", _Py_T_OBJECT, offsetof(PyBaseExceptionGroupObject, excs),
     Py_READONLY, "nested exceptions"},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject _PyExc_BaseExceptionGroup = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "BaseExceptionGroup",
    .tp_basicsize = sizeof(PyBaseExceptionGroupObject),
    .tp_dealloc = BaseExceptionGroup_dealloc,
    .tp_repr = BaseExceptionGroup_repr,
    .tp_str = BaseExceptionGroup_str,
    .tp_flags = EXC_FLAGS,
    .tp_doc = "A combination of multiple unrelated exceptions.",
    .tp_traverse = BaseExceptionGroup_traverse,
    .tp_clear = BaseExceptionGroup_clear,
    .tp_methods = BaseExceptionGroup_methods,
    .tp_members = BaseExceptionGroup_members,
    .tp_base = &_PyExc_BaseException,
    .tp_dictoffset = offsetof(PyBaseExceptionGroupObject, dict),
    .tp_init = BaseExceptionGroup_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = BaseExceptionGroup_new,
    .tp_free = PyObject_GC_Del,
};
PyObject *PyExc_BaseExceptionGroup = (PyObject *)&_PyExc_BaseExceptionGroup;

/* ExceptionGroup derives from both BaseExceptionGroup and Exception.  A
   static type with two bases needs its tp_bases tuple before it is
   readied, so the tuple is static too: immortal, never tracked (the GC
   prefix stays zero), laid out exactly as a 2-item PyTupleObject. */
static struct {
    GC_PREFIX
    PyTupleObject tuple;
    PyObject *second_item;      /* continues tuple.ob_item */
} exception_group_bases = {
    .tuple = {
        .ob_base = PyVarObject_HEAD_INIT(&PyTuple_Type, 2)
        .ob_hash = -1,
        .ob_item = { (PyObject *)&_PyExc_BaseExceptionGroup },
    },
    .second_item = (PyObject *)&_PyExc_Exception,
};
Py_BUILD_ASSERT(offsetof(__typeof__(exception_group_bases), second_item)
                == offsetof(__typeof__(exception_group_bases), tuple)
                   + offsetof(PyTupleObject, ob_item) + sizeof(PyObject *));

PyTypeObject _PyExc_ExceptionGroup = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "ExceptionGroup",
    .tp_basicsize = sizeof(PyBaseExceptionGroupObject),
    .tp_dealloc = BaseExceptionGroup_dealloc,
    .tp_flags = EXC_FLAGS,
    .tp_traverse = BaseExceptionGroup_traverse,
    .tp_clear = BaseExceptionGroup_clear,
    .tp_base = &_PyExc_BaseExceptionGroup,
    .tp_bases = (PyObject *)&exception_group_bases.tuple,
    .tp_dictoffset = offsetof(PyBaseExceptionGroupObject, dict),
    .tp_init = BaseExceptionGroup_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = BaseExceptionGroup_new,
    .tp_free = PyObject_GC_Del,
};
PyObject *PyExc_ExceptionGroup = (PyObject *)&_PyExc_ExceptionGroup;

/* ---- ImportError ------------------------------------------------------- */

#define IMPORTERR(op) ((PyImportErrorObject *)(op))

static const char *const import_error_keywords[] = {"name", "path", "name_from"};

/* ImportError(*args, name=None, path=None, name_from=None); msg is the
   single positional argument when there is exactly one. */
static int ImportError_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *values[3];
    if (parse_keyword_only("ImportError", kwds, import_error_keywords,
                           values, 3) < 0) {
        return -1;
    }
    if (BaseException_init(self, args, NULL) < 0) {
        return -1;
    }
    PyObject *msg = PyTuple_GET_SIZE(args) == 1 ? PyTuple_GET_ITEM(args, 0)
                                                : NULL;
    set_field(self, &IMPORTERR(self)->name, Py_XNewRef(values[0]));
    set_field(self, &IMPORTERR(self)->path, Py_XNewRef(values[1]));
    set_field(self, &IMPORTERR(self)->name_from, Py_XNewRef(values[2]));
    set_field(self, &IMPORTERR(self)->msg, Py_XNewRef(msg));
    return 0;
}

static int ImportError_clear(PyObject *self)
{
    Py_CLEAR(IMPORTERR(self)->msg);
    Py_CLEAR(IMPORTERR(self)->name);
    Py_CLEAR(IMPORTERR(self)->path);
    Py_CLEAR(IMPORTERR(self)->name_from);
    return BaseException_clear(self);
}

static int ImportError_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(IMPORTERR(self)->msg);
    Py_VISIT(IMPORTERR(self)->name);
    Py_VISIT(IMPORTERR(self)->path);
    Py_VISIT(IMPORTERR(self)->name_from);
    return BaseException_traverse(self, visit, arg);
}

DEFINE_DEALLOC(ImportError_dealloc, ImportError_clear)

static PyObject *ImportError_str(PyObject *self)
{
    PyObject *msg = get_field(self, &IMPORTERR(self)->msg);
    if (msg != NULL && PyUnicode_CheckExact(msg)) {
        return msg;
    }
    Py_XDECREF(msg);
    return BaseException_str(self);
}

/* The state __reduce__ carries besides args: the __dict__ plus the
   keyword attributes that are set; None when there is nothing. */
static PyObject *ImportError_getstate(PyObject *self)
{
    PyObject *dict = get_field(self, &BASE(self)->dict);
    PyObject *name = get_field(self, &IMPORTERR(self)->name);
    PyObject *path = get_field(self, &IMPORTERR(self)->path);
    PyObject *name_from = get_field(self, &IMPORTERR(self)->name_from);
    PyObject *state = NULL;
    if (name == NULL && path == NULL && name_from == NULL) {
        state = dict != NULL ? Py_NewRef(dict) : Py_NewRef(Py_None);
        goto done;
    }
    state = dict != NULL ? PyDict_Copy(dict) : PyDict_New();
    if (state == NULL) {
        goto done;
    }
    if ((name != NULL && PyDict_SetItemString(state, "name", name) < 0)
        || (path != NULL && PyDict_SetItemString(state, "path", path) < 0)
        || (name_from != NULL
            && PyDict_SetItemString(state, "name_from", name_from) < 0)) {
        Py_CLEAR(state);
    }
done:
    Py_XDECREF(dict);
    Py_XDECREF(name);
    Py_XDECREF(path);
    Py_XDECREF(name_from);
    return state;
}

static PyObject *ImportError_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *state = ImportError_getstate(self);
    if (state == NULL) {
        return NULL;
    }
    PyObject *args = exception_args(self);
    PyObject *result = NULL;
    if (args != NULL) {
        result = state == Py_None ? PyTuple_Pack(2, Py_TYPE(self), args)
                                  : PyTuple_Pack(3, Py_TYPE(self), args, state);
        Py_DECREF(args);
    }
    Py_DECREF(state);
    return result;
}

static PyMethodDef ImportError_methods[] = {
    {"__reduce__", ImportError_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef ImportError_members[] = {
    {"msg", _Py_T_OBJECT, offsetof(PyImportErrorObject, msg), 0,
     "exception message"},
    {"name", _Py_T_OBJECT, offsetof(PyImportErrorObject, name), 0,
     "module name"},
    {"path", _Py_T_OBJECT, offsetof(PyImportErrorObject, path), 0,
     "module path"},
    {"name_from", _Py_T_OBJECT, offsetof(PyImportErrorObject, name_from), 0,
     "name imported from module"},
    {NULL, 0, 0, 0, NULL},
};

EXCEPTION_TYPE(ImportError, Exception, PyImportErrorObject,
               BaseException_new, ImportError_init, ImportError_dealloc,
               ImportError_traverse, ImportError_clear, ImportError_str,
               ImportError_methods, ImportError_members, NULL,
               "Import can't find module, or can't find name in module.")
#define ImportError_new BaseException_new
FAMILY_EXCEPTION(ModuleNotFoundError, ImportError, ImportError,
                 PyImportErrorObject, "Module not found.")

/* ---- OSError and its errno subclasses ---------------------------------- */

#define OSERR(op) ((PyOSErrorObject *)(op))

/* Forward: the subclasses are defined after OSError itself. */
extern PyTypeObject _PyExc_BlockingIOError;

static int OSError_init(PyObject *self, PyObject *args, PyObject *kwds);
static PyObject *OSError_new(PyTypeObject *type, PyObject *args,
                             PyObject *kwds);

/* A subclass that defines __init__ but not __new__ gets its arguments
   parsed by OSError.__init__ (so its own __init__ can take anything and
   call super().__init__ with what OSError should see); otherwise they are
   parsed by __new__, which may pick an errno subclass. */
static int parse_in_init(PyTypeObject *type)
{
    return type->tp_init != OSError_init && type->tp_new == OSError_new;
}

typedef struct {
    PyObject *myerrno;
    PyObject *strerror;
    PyObject *filename;
    PyObject *filename2;
} oserror_args;

/* With 2 to 5 arguments they mean (errno, strerror[, filename[, winerror
   [, filename2]]]); winerror is ignored off Windows.  Borrowed. */
static void oserror_unpack(PyObject *args, oserror_args *parsed)
{
    memset(parsed, 0, sizeof(*parsed));
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n < 2 || n > 5) {
        return;
    }
    parsed->myerrno = PyTuple_GET_ITEM(args, 0);
    parsed->strerror = PyTuple_GET_ITEM(args, 1);
    if (n >= 3) {
        parsed->filename = PyTuple_GET_ITEM(args, 2);
    }
    if (n == 5) {
        parsed->filename2 = PyTuple_GET_ITEM(args, 4);
    }
}

/* Store the parsed arguments.  When a filename is given, args keeps only
   (errno, strerror), as str() and pickling expect. */
static int oserror_fill(PyObject *self, PyObject *args,
                        const oserror_args *parsed)
{
    PyObject *filename = NULL, *filename2 = NULL;
    Py_ssize_t written = -1;
    PyObject *stored_args = Py_NewRef(args);
    if (parsed->filename != NULL && parsed->filename != Py_None) {
        if (Py_IS_TYPE(self, &_PyExc_BlockingIOError)
            && PyNumber_Check(parsed->filename)) {
            /* BlockingIOError's third argument is characters_written. */
            written = PyNumber_AsSsize_t(parsed->filename, PyExc_ValueError);
            if (written == -1 && PyErr_Occurred()) {
                Py_DECREF(stored_args);
                return -1;
            }
        }
        else {
            filename = Py_NewRef(parsed->filename);
            if (parsed->filename2 != NULL && parsed->filename2 != Py_None) {
                filename2 = Py_NewRef(parsed->filename2);
            }
            Py_SETREF(stored_args, PyTuple_GetSlice(args, 0, 2));
            if (stored_args == NULL) {
                Py_XDECREF(filename);
                Py_XDECREF(filename2);
                return -1;
            }
        }
    }
    set_field(self, &OSERR(self)->myerrno, Py_XNewRef(parsed->myerrno));
    set_field(self, &OSERR(self)->strerror, Py_XNewRef(parsed->strerror));
    set_field(self, &OSERR(self)->filename, filename);
    set_field(self, &OSERR(self)->filename2, filename2);
    Py_BEGIN_CRITICAL_SECTION(self);
    OSERR(self)->written = written;
    Py_END_CRITICAL_SECTION();
    set_field(self, &BASE(self)->args, stored_args);
    return 0;
}

static PyObject *OSError_new(PyTypeObject *type, PyObject *args,
                             PyObject *kwds)
{
    oserror_args parsed;
    PyTypeObject *actual = type;
    if (!parse_in_init(type)) {
        if (check_no_keywords(type->tp_name, kwds) < 0) {
            return NULL;
        }
        oserror_unpack(args, &parsed);
        /* OSError(errno, ...) builds the subclass for that errno. */
        if (type == &_PyExc_OSError && parsed.myerrno != NULL
            && PyLong_Check(parsed.myerrno)) {
            int overflow;
            long code = PyLong_AsLongAndOverflow(parsed.myerrno, &overflow);
            if (code == -1 && PyErr_Occurred()) {
                return NULL;
            }
            if (!overflow && code >= INT_MIN && code <= INT_MAX) {
                actual = (PyTypeObject *)_PyExc_OSErrorTypeForErrno((int)code);
            }
        }
    }
    PyObject *self = actual->tp_alloc(actual, 0);
    if (self == NULL) {
        return NULL;
    }
    OSERR(self)->written = -1;
    if (parse_in_init(actual)) {
        BASE(self)->args = PyTuple_New(0);
        if (BASE(self)->args == NULL) {
            Py_DECREF(self);
            return NULL;
        }
        return self;
    }
    if (oserror_fill(self, args, &parsed) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    return self;
}

static int OSError_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (!parse_in_init(Py_TYPE(self))) {
        return 0;   /* __new__ did everything */
    }
    if (check_no_keywords(Py_TYPE(self)->tp_name, kwds) < 0) {
        return -1;
    }
    oserror_args parsed;
    oserror_unpack(args, &parsed);
    return oserror_fill(self, args, &parsed);
}

static int OSError_clear(PyObject *self)
{
    Py_CLEAR(OSERR(self)->myerrno);
    Py_CLEAR(OSERR(self)->strerror);
    Py_CLEAR(OSERR(self)->filename);
    Py_CLEAR(OSERR(self)->filename2);
    return BaseException_clear(self);
}

static int OSError_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(OSERR(self)->myerrno);
    Py_VISIT(OSERR(self)->strerror);
    Py_VISIT(OSERR(self)->filename);
    Py_VISIT(OSERR(self)->filename2);
    return BaseException_traverse(self, visit, arg);
}

DEFINE_DEALLOC(OSError_dealloc, OSError_clear)

/* "[Errno 2] No such file or directory: 'f'" (and "-> 'g'" with a second
   filename); with errno and strerror only, "[Errno 2] ..."; otherwise
   the usual args-based text. */
static PyObject *OSError_str(PyObject *self)
{
    PyObject *myerrno = get_field(self, &OSERR(self)->myerrno);
    PyObject *strerror = get_field(self, &OSERR(self)->strerror);
    PyObject *filename = get_field(self, &OSERR(self)->filename);
    PyObject *filename2 = get_field(self, &OSERR(self)->filename2);
    PyObject *result;
    PyObject *shown_errno = myerrno ? myerrno : Py_None;
    PyObject *shown_strerror = strerror ? strerror : Py_None;
    if (filename != NULL && filename2 != NULL) {
        result = PyUnicode_FromFormat("[Errno %S] %S: %R -> %R", shown_errno,
                                      shown_strerror, filename, filename2);
    }
    else if (filename != NULL) {
        result = PyUnicode_FromFormat("[Errno %S] %S: %R", shown_errno,
                                      shown_strerror, filename);
    }
    else if (myerrno != NULL && strerror != NULL) {
        result = PyUnicode_FromFormat("[Errno %S] %S", myerrno, strerror);
    }
    else {
        result = BaseException_str(self);
    }
    Py_XDECREF(myerrno);
    Py_XDECREF(strerror);
    Py_XDECREF(filename);
    Py_XDECREF(filename2);
    return result;
}

/* args was cut to (errno, strerror) when a filename was given; put the
   filenames back so unpickling rebuilds the same exception. */
static PyObject *OSError_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *args = exception_args(self);
    if (args == NULL) {
        return NULL;
    }
    PyObject *filename = get_field(self, &OSERR(self)->filename);
    PyObject *filename2 = get_field(self, &OSERR(self)->filename2);
    if (PyTuple_GET_SIZE(args) == 2 && filename != NULL) {
        PyObject *full = filename2 != NULL
            ? PyTuple_Pack(5, PyTuple_GET_ITEM(args, 0),
                           PyTuple_GET_ITEM(args, 1), filename, Py_None,
                           filename2)
            : PyTuple_Pack(3, PyTuple_GET_ITEM(args, 0),
                           PyTuple_GET_ITEM(args, 1), filename);
        Py_SETREF(args, full);
    }
    Py_XDECREF(filename);
    Py_XDECREF(filename2);
    if (args == NULL) {
        return NULL;
    }
    PyObject *dict = get_field(self, &BASE(self)->dict);
    PyObject *result = dict != NULL
        ? PyTuple_Pack(3, Py_TYPE(self), args, dict)
        : PyTuple_Pack(2, Py_TYPE(self), args);
    Py_XDECREF(dict);
    Py_DECREF(args);
    return result;
}

static PyObject *OSError_get_written(PyObject *self, void *Py_UNUSED(closure))
{
    Py_ssize_t written;
    Py_BEGIN_CRITICAL_SECTION(self);
    written = OSERR(self)->written;
    Py_END_CRITICAL_SECTION();
    if (written == -1) {
        PyErr_SetString(PyExc_AttributeError, "characters_written");
        return NULL;
    }
    return PyLong_FromSsize_t(written);
}

static int OSError_set_written(PyObject *self, PyObject *value,
                               void *Py_UNUSED(closure))
{
    Py_ssize_t written = -1;
    if (value != NULL) {
        written = PyNumber_AsSsize_t(value, PyExc_ValueError);
        if (written == -1 && PyErr_Occurred()) {
            return -1;
        }
    }
    int was_unset;
    Py_BEGIN_CRITICAL_SECTION(self);
    was_unset = OSERR(self)->written == -1;
    if (value != NULL || !was_unset) {
        OSERR(self)->written = written;
    }
    Py_END_CRITICAL_SECTION();
    if (value == NULL && was_unset) {
        PyErr_SetString(PyExc_AttributeError, "characters_written");
        return -1;
    }
    return 0;
}

static PyMethodDef OSError_methods[] = {
    {"__reduce__", OSError_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef OSError_members[] = {
    {"errno", _Py_T_OBJECT, offsetof(PyOSErrorObject, myerrno), 0,
     "POSIX exception code"},
    {"strerror", _Py_T_OBJECT, offsetof(PyOSErrorObject, strerror), 0,
     "exception strerror"},
    {"filename", _Py_T_OBJECT, offsetof(PyOSErrorObject, filename), 0,
     "exception filename"},
    {"filename2", _Py_T_OBJECT, offsetof(PyOSErrorObject, filename2), 0,
     "second exception filename"},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef OSError_getset[] = {
    {"characters_written", OSError_get_written, OSError_set_written, NULL,
     NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

EXCEPTION_TYPE(OSError, Exception, PyOSErrorObject, OSError_new, OSError_init,
               OSError_dealloc, OSError_traverse, OSError_clear, OSError_str,
               OSError_methods, OSError_members, OSError_getset,
               "Base class for I/O related errors.")
PyObject *PyExc_EnvironmentError = (PyObject *)&_PyExc_OSError;
PyObject *PyExc_IOError = (PyObject *)&_PyExc_OSError;

#define OSERROR_SUBCLASS(NAME, BASE_NAME, DOC) \
    FAMILY_EXCEPTION(NAME, BASE_NAME, OSError, PyOSErrorObject, DOC)

OSERROR_SUBCLASS(BlockingIOError, OSError, "I/O operation would block.")
OSERROR_SUBCLASS(ConnectionError, OSError, "Connection error.")
OSERROR_SUBCLASS(ChildProcessError, OSError, "Child process error.")
OSERROR_SUBCLASS(BrokenPipeError, ConnectionError, "Broken pipe.")
OSERROR_SUBCLASS(ConnectionAbortedError, ConnectionError,
                 "Connection aborted.")
OSERROR_SUBCLASS(ConnectionRefusedError, ConnectionError,
                 "Connection refused.")
OSERROR_SUBCLASS(ConnectionResetError, ConnectionError, "Connection reset.")
OSERROR_SUBCLASS(FileExistsError, OSError, "File already exists.")
OSERROR_SUBCLASS(FileNotFoundError, OSError, "File not found.")
OSERROR_SUBCLASS(IsADirectoryError, OSError,
                 "Operation doesn't work on directories.")
OSERROR_SUBCLASS(NotADirectoryError, OSError, "Operation only works on "
                 "directories.")
OSERROR_SUBCLASS(InterruptedError, OSError, "Interrupted by signal.")
OSERROR_SUBCLASS(PermissionError, OSError, "Not enough permissions.")
OSERROR_SUBCLASS(ProcessLookupError, OSError, "Process not found.")
OSERROR_SUBCLASS(TimeoutError, OSError, "Timeout expired.")

/* errno values with a dedicated OSError subclass (PEP 3151). */
static const struct {
    int code;
    PyTypeObject *type;
} errno_subclasses[] = {
    {EAGAIN, &_PyExc_BlockingIOError},
    {EALREADY, &_PyExc_BlockingIOError},
    {EINPROGRESS, &_PyExc_BlockingIOError},
    {EWOULDBLOCK, &_PyExc_BlockingIOError},
    {EPIPE, &_PyExc_BrokenPipeError},
#ifdef ESHUTDOWN
    {ESHUTDOWN, &_PyExc_BrokenPipeError},
#endif
    {ECHILD, &_PyExc_ChildProcessError},
    {ECONNABORTED, &_PyExc_ConnectionAbortedError},
    {ECONNREFUSED, &_PyExc_ConnectionRefusedError},
    {ECONNRESET, &_PyExc_ConnectionResetError},
    {EEXIST, &_PyExc_FileExistsError},
    {ENOENT, &_PyExc_FileNotFoundError},
    {EISDIR, &_PyExc_IsADirectoryError},
    {ENOTDIR, &_PyExc_NotADirectoryError},
    {EINTR, &_PyExc_InterruptedError},
    {EACCES, &_PyExc_PermissionError},
    {EPERM, &_PyExc_PermissionError},
#ifdef ENOTCAPABLE
    {ENOTCAPABLE, &_PyExc_PermissionError},
#endif
    {ESRCH, &_PyExc_ProcessLookupError},
    {ETIMEDOUT, &_PyExc_TimeoutError},
};

PyObject *_PyExc_OSErrorTypeForErrno(int errnum)
{
    for (size_t i = 0; i < Py_ARRAY_LENGTH(errno_subclasses); i++) {
        if (errno_subclasses[i].code == errnum) {
            return (PyObject *)errno_subclasses[i].type;
        }
    }
    return PyExc_OSError;
}

/* ---- NameError and AttributeError -------------------------------------- */

#define NAMEERR(op) ((PyNameErrorObject *)(op))
#define ATTRERR(op) ((PyAttributeErrorObject *)(op))

static const char *const name_error_keywords[] = {"name"};

/* NameError(*args, name=None): name is the name that was not found. */
static int NameError_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *name;
    if (parse_keyword_only("NameError", kwds, name_error_keywords,
                           &name, 1) < 0) {
        return -1;
    }
    if (BaseException_init(self, args, NULL) < 0) {
        return -1;
    }
    set_field(self, &NAMEERR(self)->name, Py_XNewRef(name));
    return 0;
}

ONE_FIELD_GC(NameError, PyNameErrorObject, name)

static PyMemberDef NameError_members[] = {
    {"name", _Py_T_OBJECT, offsetof(PyNameErrorObject, name), 0, "name"},
    {NULL, 0, 0, 0, NULL},
};

EXCEPTION_TYPE(NameError, Exception, PyNameErrorObject, BaseException_new,
               NameError_init, NameError_dealloc, NameError_traverse,
               NameError_clear, NULL, NULL, NameError_members, NULL,
               "Name not found globally.")
#define NameError_new BaseException_new
FAMILY_EXCEPTION(UnboundLocalError, NameError, NameError, PyNameErrorObject,
                 "Local name referenced but not bound to a value.")

static const char *const attribute_error_keywords[] = {"name", "obj"};

/* AttributeError(*args, name=None, obj=None). */
static int AttributeError_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *values[2];
    if (parse_keyword_only("AttributeError", kwds, attribute_error_keywords,
                           values, 2) < 0) {
        return -1;
    }
    if (BaseException_init(self, args, NULL) < 0) {
        return -1;
    }
    set_field(self, &ATTRERR(self)->name, Py_XNewRef(values[0]));
    set_field(self, &ATTRERR(self)->obj, Py_XNewRef(values[1]));
    return 0;
}

static int AttributeError_clear(PyObject *self)
{
    Py_CLEAR(ATTRERR(self)->obj);
    Py_CLEAR(ATTRERR(self)->name);
    return BaseException_clear(self);
}

static int AttributeError_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(ATTRERR(self)->obj);
    Py_VISIT(ATTRERR(self)->name);
    return BaseException_traverse(self, visit, arg);
}

DEFINE_DEALLOC(AttributeError_dealloc, AttributeError_clear)

/* The __dict__ plus name and args.  obj is left out on purpose: it is
   often not picklable. */
static PyObject *AttributeError_getstate(PyObject *self,
                                         PyObject *Py_UNUSED(ignored))
{
    PyObject *dict = get_field(self, &BASE(self)->dict);
    PyObject *name = get_field(self, &ATTRERR(self)->name);
    PyObject *args = get_field(self, &BASE(self)->args);
    PyObject *state;
    if (name == NULL && args == NULL) {
        state = dict != NULL ? Py_NewRef(dict) : Py_NewRef(Py_None);
        goto done;
    }
    state = dict != NULL ? PyDict_Copy(dict) : PyDict_New();
    if (state != NULL
        && ((name != NULL && PyDict_SetItemString(state, "name", name) < 0)
            || (args != NULL
                && PyDict_SetItemString(state, "args", args) < 0))) {
        Py_CLEAR(state);
    }
done:
    Py_XDECREF(dict);
    Py_XDECREF(name);
    Py_XDECREF(args);
    return state;
}

static PyObject *AttributeError_reduce(PyObject *self,
                                       PyObject *Py_UNUSED(ignored))
{
    PyObject *state = AttributeError_getstate(self, NULL);
    if (state == NULL) {
        return NULL;
    }
    PyObject *args = exception_args(self);
    PyObject *result = NULL;
    if (args != NULL) {
        result = PyTuple_Pack(3, Py_TYPE(self), args, state);
        Py_DECREF(args);
    }
    Py_DECREF(state);
    return result;
}

static PyMethodDef AttributeError_methods[] = {
    {"__getstate__", AttributeError_getstate, METH_NOARGS, NULL},
    {"__reduce__", AttributeError_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef AttributeError_members[] = {
    {"name", _Py_T_OBJECT, offsetof(PyAttributeErrorObject, name), 0,
     "attribute name"},
    {"obj", _Py_T_OBJECT, offsetof(PyAttributeErrorObject, obj), 0,
     "object"},
    {NULL, 0, 0, 0, NULL},
};

EXCEPTION_TYPE(AttributeError, Exception, PyAttributeErrorObject,
               BaseException_new, AttributeError_init, AttributeError_dealloc,
               AttributeError_traverse, AttributeError_clear, NULL,
               AttributeError_methods, AttributeError_members, NULL,
               "Attribute not found.")

/* ---- SyntaxError and its subclasses ------------------------------------ */

#define SYNTAXERR(op) ((PySyntaxErrorObject *)(op))

/* SyntaxError(msg, (filename, lineno, offset, text[, end_lineno
   [, end_offset[, metadata]]])). */
static int SyntaxError_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (BaseException_init(self, args, kwds) < 0) {
        return -1;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs >= 1) {
        set_field(self, &SYNTAXERR(self)->msg,
                  Py_NewRef(PyTuple_GET_ITEM(args, 0)));
    }
    if (nargs != 2) {
        return 0;
    }
    PyObject *info = PySequence_Tuple(PyTuple_GET_ITEM(args, 1));
    if (info == NULL) {
        return -1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(info);
    if (n < 4 || n > 7) {
        PyErr_Format(PyExc_TypeError,
                     "function takes at %s %d arguments (%zd given)",
                     n < 4 ? "least" : "most", n < 4 ? 4 : 7, n);
        Py_DECREF(info);
        return -1;
    }
    PyObject *item[7] = {NULL};
    for (Py_ssize_t i = 0; i < n; i++) {
        item[i] = PyTuple_GET_ITEM(info, i);
    }
    PySyntaxErrorObject *se = SYNTAXERR(self);
    set_field(self, &se->filename, Py_NewRef(item[0]));
    set_field(self, &se->lineno, Py_NewRef(item[1]));
    set_field(self, &se->offset, Py_NewRef(item[2]));
    set_field(self, &se->text, Py_NewRef(item[3]));
    set_field(self, &se->end_lineno, Py_XNewRef(item[4]));
    set_field(self, &se->end_offset, Py_XNewRef(item[5]));
    set_field(self, &se->metadata, Py_XNewRef(item[6]));
    Py_DECREF(info);
    if (item[4] != NULL && item[5] == NULL) {
        PyErr_SetString(PyExc_TypeError,
                        "end_offset must be provided when end_lineno is provided");
        return -1;
    }
    return 0;
}

static int SyntaxError_clear(PyObject *self)
{
    PySyntaxErrorObject *se = SYNTAXERR(self);
    Py_CLEAR(se->msg);
    Py_CLEAR(se->filename);
    Py_CLEAR(se->lineno);
    Py_CLEAR(se->offset);
    Py_CLEAR(se->end_lineno);
    Py_CLEAR(se->end_offset);
    Py_CLEAR(se->text);
    Py_CLEAR(se->print_file_and_line);
    Py_CLEAR(se->metadata);
    return BaseException_clear(self);
}

static int SyntaxError_traverse(PyObject *self, visitproc visit, void *arg)
{
    PySyntaxErrorObject *se = SYNTAXERR(self);
    Py_VISIT(se->msg);
    Py_VISIT(se->filename);
    Py_VISIT(se->lineno);
    Py_VISIT(se->offset);
    Py_VISIT(se->end_lineno);
    Py_VISIT(se->end_offset);
    Py_VISIT(se->text);
    Py_VISIT(se->print_file_and_line);
    Py_VISIT(se->metadata);
    return BaseException_traverse(self, visit, arg);
}

DEFINE_DEALLOC(SyntaxError_dealloc, SyntaxError_clear)

/* The last path component: the report names the file, not its path. */
static PyObject *path_basename(PyObject *filename)
{
    Py_ssize_t len = PyUnicode_GetLength(filename);
    if (len < 0) {
        return NULL;
    }
    Py_ssize_t slash = PyUnicode_FindChar(filename, '/', 0, len, -1);
    if (slash == -2) {
        return NULL;
    }
    if (slash == -1) {
        return Py_NewRef(filename);
    }
    return PyUnicode_Substring(filename, slash + 1, len);
}

/* "msg (file.py, line 3)", "msg (file.py)", "msg (line 3)" or "msg". */
static PyObject *SyntaxError_str(PyObject *self)
{
    PySyntaxErrorObject *se = SYNTAXERR(self);
    PyObject *msg = get_field(self, &se->msg);
    PyObject *filename = get_field(self, &se->filename);
    PyObject *lineno = get_field(self, &se->lineno);
    PyObject *shown_msg = msg != NULL ? msg : Py_None;
    PyObject *result = NULL;
    PyObject *base = NULL;
    if (filename != NULL && PyUnicode_Check(filename)) {
        base = path_basename(filename);
        if (base == NULL) {
            goto done;
        }
    }
    /* Overflow is not an error here: the line number shows as -1. */
    int has_lineno = lineno != NULL && PyLong_CheckExact(lineno);
    long line = -1;
    if (has_lineno) {
        int overflow;
        line = PyLong_AsLongAndOverflow(lineno, &overflow);
        if (line == -1 && PyErr_Occurred()) {
            PyErr_Clear();
        }
    }
    if (base != NULL && has_lineno) {
        result = PyUnicode_FromFormat("%S (%U, line %ld)", shown_msg, base, line);
    }
    else if (base != NULL) {
        result = PyUnicode_FromFormat("%S (%U)", shown_msg, base);
    }
    else if (has_lineno) {
        result = PyUnicode_FromFormat("%S (line %ld)", shown_msg, line);
    }
    else {
        result = PyObject_Str(shown_msg);
    }
done:
    Py_XDECREF(base);
    Py_XDECREF(msg);
    Py_XDECREF(filename);
    Py_XDECREF(lineno);
    return result;
}

static PyMemberDef SyntaxError_members[] = {
    {"msg", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, msg), 0,
     "exception msg"},
    {"filename", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, filename), 0,
     "exception filename"},
    {"lineno", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, lineno), 0,
     "exception lineno"},
    {"offset", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, offset), 0,
     "exception offset"},
    {"text", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, text), 0,
     "exception text"},
    {"end_lineno", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, end_lineno), 0,
     "exception end lineno"},
    {"end_offset", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, end_offset), 0,
     "exception end offset"},
    {"print_file_and_line", _Py_T_OBJECT,
     offsetof(PySyntaxErrorObject, print_file_and_line), 0,
     "exception print_file_and_line"},
    {"_metadata", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, metadata), 0,
     "exception private metadata"},
    {NULL, 0, 0, 0, NULL},
};

EXCEPTION_TYPE(SyntaxError, Exception, PySyntaxErrorObject, BaseException_new,
               SyntaxError_init, SyntaxError_dealloc, SyntaxError_traverse,
               SyntaxError_clear, SyntaxError_str, NULL, SyntaxError_members,
               NULL, "Invalid syntax.")
#define SyntaxError_new BaseException_new
FAMILY_EXCEPTION(IndentationError, SyntaxError, SyntaxError,
                 PySyntaxErrorObject, "Improper indentation.")
FAMILY_EXCEPTION(TabError, IndentationError, SyntaxError, PySyntaxErrorObject,
                 "Improper mixture of spaces and tabs.")

/* Raised by the parser when the input ends before the statement does
   (the interactive console asks for more).  Its Python name is private. */
PyTypeObject _PyExc_IncompleteInputError = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_IncompleteInputError",
    .tp_basicsize = sizeof(PySyntaxErrorObject),
    .tp_dealloc = SyntaxError_dealloc,
    .tp_flags = EXC_FLAGS,
    .tp_doc = "incomplete input.",
    .tp_traverse = SyntaxError_traverse,
    .tp_clear = SyntaxError_clear,
    .tp_base = &_PyExc_SyntaxError,
    .tp_dictoffset = offsetof(PySyntaxErrorObject, dict),
    .tp_init = SyntaxError_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = BaseException_new,
    .tp_free = PyObject_GC_Del,
};
PyObject *PyExc_IncompleteInputError = (PyObject *)&_PyExc_IncompleteInputError;

/* ---- UnicodeError and its subclasses ----------------------------------- */

#define UNIERR(op) ((PyUnicodeErrorObject *)(op))

static int UnicodeError_clear(PyObject *self)
{
    Py_CLEAR(UNIERR(self)->encoding);
    Py_CLEAR(UNIERR(self)->object);
    Py_CLEAR(UNIERR(self)->reason);
    return BaseException_clear(self);
}

static int UnicodeError_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(UNIERR(self)->encoding);
    Py_VISIT(UNIERR(self)->object);
    Py_VISIT(UNIERR(self)->reason);
    return BaseException_traverse(self, visit, arg);
}

DEFINE_DEALLOC(UnicodeError_dealloc, UnicodeError_clear)

static PyMemberDef UnicodeError_members[] = {
    {"encoding", _Py_T_OBJECT, offsetof(PyUnicodeErrorObject, encoding), 0,
     "exception encoding"},
    {"object", _Py_T_OBJECT, offsetof(PyUnicodeErrorObject, object), 0,
     "exception object"},
    {"start", Py_T_PYSSIZET, offsetof(PyUnicodeErrorObject, start), 0,
     "exception start"},
    {"end", Py_T_PYSSIZET, offsetof(PyUnicodeErrorObject, end), 0,
     "exception end"},
    {"reason", _Py_T_OBJECT, offsetof(PyUnicodeErrorObject, reason), 0,
     "exception reason"},
    {NULL, 0, 0, 0, NULL},
};

EXCEPTION_TYPE(UnicodeError, ValueError, PyUnicodeErrorObject,
               BaseException_new, BaseException_init, UnicodeError_dealloc,
               UnicodeError_traverse, UnicodeError_clear, NULL, NULL,
               UnicodeError_members, NULL, "Unicode related error.")

/* Positional argument checks with the messages of the "UOnnU" format. */
static int check_arg_count(PyObject *args, Py_ssize_t expected)
{
    Py_ssize_t given = PyTuple_GET_SIZE(args);
    if (given == expected) {
        return 0;
    }
    PyErr_Format(PyExc_TypeError,
                 "function takes exactly %zd arguments (%zd given)",
                 expected, given);
    return -1;
}

static PyObject *str_arg(PyObject *args, Py_ssize_t index)
{
    PyObject *value = PyTuple_GET_ITEM(args, index);
    if (!PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError, "argument %zd must be str, not %.50s",
                     index + 1, value == Py_None ? "None"
                                                 : Py_TYPE(value)->tp_name);
        return NULL;
    }
    return value;
}

static int ssize_arg(PyObject *args, Py_ssize_t index, Py_ssize_t *out)
{
    PyObject *number = PyNumber_Index(PyTuple_GET_ITEM(args, index));
    if (number == NULL) {
        return -1;
    }
    *out = PyLong_AsSsize_t(number);
    Py_DECREF(number);
    return *out == -1 && PyErr_Occurred() ? -1 : 0;
}

/* Store the fields; steals object. */
static void unicode_error_fill(PyObject *self, PyObject *encoding,
                               PyObject *object, Py_ssize_t start,
                               Py_ssize_t end, PyObject *reason)
{
    set_field(self, &UNIERR(self)->encoding, Py_XNewRef(encoding));
    set_field(self, &UNIERR(self)->object, object);
    set_field(self, &UNIERR(self)->reason, Py_NewRef(reason));
    Py_BEGIN_CRITICAL_SECTION(self);
    UNIERR(self)->start = start;
    UNIERR(self)->end = end;
    Py_END_CRITICAL_SECTION();
}

/* UnicodeEncodeError(encoding, object: str, start, end, reason). */
static int UnicodeEncodeError_init(PyObject *self, PyObject *args,
                                   PyObject *kwds)
{
    if (BaseException_init(self, args, kwds) < 0 || check_arg_count(args, 5) < 0) {
        return -1;
    }
    PyObject *encoding, *object, *reason;
    Py_ssize_t start, end;
    if ((encoding = str_arg(args, 0)) == NULL
        || (object = str_arg(args, 1)) == NULL
        || ssize_arg(args, 2, &start) < 0
        || ssize_arg(args, 3, &end) < 0
        || (reason = str_arg(args, 4)) == NULL) {
        return -1;
    }
    unicode_error_fill(self, encoding, Py_NewRef(object), start, end, reason);
    return 0;
}

/* UnicodeDecodeError(encoding, object: bytes-like, start, end, reason);
   the object is kept as bytes. */
static int UnicodeDecodeError_init(PyObject *self, PyObject *args,
                                   PyObject *kwds)
{
    if (BaseException_init(self, args, kwds) < 0 || check_arg_count(args, 5) < 0) {
        return -1;
    }
    PyObject *encoding, *reason;
    Py_ssize_t start, end;
    if ((encoding = str_arg(args, 0)) == NULL) {
        return -1;
    }
    PyObject *object = PyTuple_GET_ITEM(args, 1);
    if (PyBytes_Check(object)) {
        Py_INCREF(object);
    }
    else {
        Py_buffer view;
        if (PyObject_GetBuffer(object, &view, PyBUF_SIMPLE) < 0) {
            return -1;
        }
        object = PyBytes_FromStringAndSize(view.buf, view.len);
        PyBuffer_Release(&view);
        if (object == NULL) {
            return -1;
        }
    }
    if (ssize_arg(args, 2, &start) < 0 || ssize_arg(args, 3, &end) < 0
        || (reason = str_arg(args, 4)) == NULL) {
        Py_DECREF(object);
        return -1;
    }
    unicode_error_fill(self, encoding, object, start, end, reason);
    return 0;
}

/* UnicodeTranslateError(object: str, start, end, reason). */
static int UnicodeTranslateError_init(PyObject *self, PyObject *args,
                                      PyObject *kwds)
{
    if (BaseException_init(self, args, kwds) < 0 || check_arg_count(args, 4) < 0) {
        return -1;
    }
    PyObject *object, *reason;
    Py_ssize_t start, end;
    if ((object = str_arg(args, 0)) == NULL
        || ssize_arg(args, 1, &start) < 0
        || ssize_arg(args, 2, &end) < 0
        || (reason = str_arg(args, 3)) == NULL) {
        return -1;
    }
    unicode_error_fill(self, NULL, Py_NewRef(object), start, end, reason);
    return 0;
}

/* A consistent snapshot of the fields for str(). */
typedef struct {
    PyObject *encoding;
    PyObject *object;
    PyObject *reason;
    Py_ssize_t start;
    Py_ssize_t end;
} unicode_error_fields;

static void unicode_error_snapshot(PyObject *self, unicode_error_fields *f)
{
    Py_BEGIN_CRITICAL_SECTION(self);
    f->encoding = Py_XNewRef(UNIERR(self)->encoding);
    f->object = Py_XNewRef(UNIERR(self)->object);
    f->reason = Py_XNewRef(UNIERR(self)->reason);
    f->start = UNIERR(self)->start;
    f->end = UNIERR(self)->end;
    Py_END_CRITICAL_SECTION();
}

static void unicode_error_release(unicode_error_fields *f)
{
    Py_XDECREF(f->encoding);
    Py_XDECREF(f->object);
    Py_XDECREF(f->reason);
}

/* '\xNN', '\uNNNN' or '\UNNNNNNNN', as repr() spells a code point. */
static void escape_code_point(char *buf, size_t size, Py_UCS4 ch)
{
    if (ch <= 0xff) {
        snprintf(buf, size, "\\x%02x", (unsigned int)ch);
    }
    else if (ch <= 0xffff) {
        snprintf(buf, size, "\\u%04x", (unsigned int)ch);
    }
    else {
        snprintf(buf, size, "\\U%08x", (unsigned int)ch);
    }
}

/* "'ascii' codec can't encode character '\xe9' in position 3: ordinal
   not in range(128)", or "... characters in position 3-5: ..." */
static PyObject *UnicodeEncodeError_str(PyObject *self)
{
    unicode_error_fields f;
    unicode_error_snapshot(self, &f);
    PyObject *result = NULL, *encoding = NULL, *reason = NULL;
    if (f.object == NULL || !PyUnicode_Check(f.object)) {
        /* Not initialised by __init__. */
        result = PyUnicode_FromString("");
        goto done;
    }
    if ((reason = PyObject_Str(f.reason ? f.reason : Py_None)) == NULL
        || (encoding = PyObject_Str(f.encoding ? f.encoding : Py_None)) == NULL) {
        goto done;
    }
    Py_ssize_t len = PyUnicode_GetLength(f.object);
    if (f.start >= 0 && f.start < len && f.end == f.start + 1) {
        char escaped[16];
        escape_code_point(escaped, sizeof(escaped),
                          PyUnicode_ReadChar(f.object, f.start));
        result = PyUnicode_FromFormat(
            "'%U' codec can't encode character '%s' in position %zd: %U",
            encoding, escaped, f.start, reason);
    }
    else {
        result = PyUnicode_FromFormat(
            "'%U' codec can't encode characters in position %zd-%zd: %U",
            encoding, f.start, f.end - 1, reason);
    }
done:
    Py_XDECREF(encoding);
    Py_XDECREF(reason);
    unicode_error_release(&f);
    return result;
}

/* "'utf-8' codec can't decode byte 0xff in position 0: invalid start
   byte", or "... bytes in position 0-2: ..." */
static PyObject *UnicodeDecodeError_str(PyObject *self)
{
    unicode_error_fields f;
    unicode_error_snapshot(self, &f);
    PyObject *result = NULL, *encoding = NULL, *reason = NULL;
    if (f.object == NULL || !PyBytes_Check(f.object)) {
        result = PyUnicode_FromString("");
        goto done;
    }
    if ((reason = PyObject_Str(f.reason ? f.reason : Py_None)) == NULL
        || (encoding = PyObject_Str(f.encoding ? f.encoding : Py_None)) == NULL) {
        goto done;
    }
    Py_ssize_t len = PyBytes_GET_SIZE(f.object);
    if (f.start >= 0 && f.start < len && f.end == f.start + 1) {
        char hex[8];
        snprintf(hex, sizeof(hex), "0x%02x",
                 (unsigned char)PyBytes_AS_STRING(f.object)[f.start]);
        result = PyUnicode_FromFormat(
            "'%U' codec can't decode byte %s in position %zd: %U",
            encoding, hex, f.start, reason);
    }
    else {
        result = PyUnicode_FromFormat(
            "'%U' codec can't decode bytes in position %zd-%zd: %U",
            encoding, f.start, f.end - 1, reason);
    }
done:
    Py_XDECREF(encoding);
    Py_XDECREF(reason);
    unicode_error_release(&f);
    return result;
}

static PyObject *UnicodeTranslateError_str(PyObject *self)
{
    unicode_error_fields f;
    unicode_error_snapshot(self, &f);
    PyObject *result = NULL, *reason = NULL;
    if (f.object == NULL || !PyUnicode_Check(f.object)) {
        result = PyUnicode_FromString("");
        goto done;
    }
    if ((reason = PyObject_Str(f.reason ? f.reason : Py_None)) == NULL) {
        goto done;
    }
    Py_ssize_t len = PyUnicode_GetLength(f.object);
    if (f.start >= 0 && f.start < len && f.end == f.start + 1) {
        char escaped[16];
        escape_code_point(escaped, sizeof(escaped),
                          PyUnicode_ReadChar(f.object, f.start));
        result = PyUnicode_FromFormat(
            "can't translate character '%s' in position %zd: %U",
            escaped, f.start, reason);
    }
    else {
        result = PyUnicode_FromFormat(
            "can't translate characters in position %zd-%zd: %U",
            f.start, f.end - 1, reason);
    }
done:
    Py_XDECREF(reason);
    unicode_error_release(&f);
    return result;
}

EXCEPTION_TYPE(UnicodeEncodeError, UnicodeError, PyUnicodeErrorObject,
               BaseException_new, UnicodeEncodeError_init,
               UnicodeError_dealloc, UnicodeError_traverse, UnicodeError_clear,
               UnicodeEncodeError_str, NULL, NULL, NULL,
               "Unicode encoding error.")
EXCEPTION_TYPE(UnicodeDecodeError, UnicodeError, PyUnicodeErrorObject,
               BaseException_new, UnicodeDecodeError_init,
               UnicodeError_dealloc, UnicodeError_traverse, UnicodeError_clear,
               UnicodeDecodeError_str, NULL, NULL, NULL,
               "Unicode decoding error.")
EXCEPTION_TYPE(UnicodeTranslateError, UnicodeError, PyUnicodeErrorObject,
               BaseException_new, UnicodeTranslateError_init,
               UnicodeError_dealloc, UnicodeError_traverse, UnicodeError_clear,
               UnicodeTranslateError_str, NULL, NULL, NULL,
               "Unicode translation error.")

PyObject *PyUnicodeDecodeError_Create(const char *encoding, const char *object,
                                      Py_ssize_t length, Py_ssize_t start,
                                      Py_ssize_t end, const char *reason)
{
    PyObject *enc = PyUnicode_FromString(encoding);
    PyObject *bytes = PyBytes_FromStringAndSize(object, length);
    PyObject *why = PyUnicode_FromString(reason);
    PyObject *from = PyLong_FromSsize_t(start);
    PyObject *to = PyLong_FromSsize_t(end);
    PyObject *result = NULL;
    if (enc && bytes && why && from && to) {
        PyObject *args = PyTuple_Pack(5, enc, bytes, from, to, why);
        if (args != NULL) {
            result = PyObject_Call(PyExc_UnicodeDecodeError, args, NULL);
            Py_DECREF(args);
        }
    }
    Py_XDECREF(enc);
    Py_XDECREF(bytes);
    Py_XDECREF(why);
    Py_XDECREF(from);
    Py_XDECREF(to);
    return result;
}

PyObject *_PyUnicodeTranslateError_Create(PyObject *object, Py_ssize_t start,
                                          Py_ssize_t end, const char *reason)
{
    PyObject *why = PyUnicode_FromString(reason);
    PyObject *from = PyLong_FromSsize_t(start);
    PyObject *to = PyLong_FromSsize_t(end);
    PyObject *result = NULL;
    if (why && from && to) {
        PyObject *args = PyTuple_Pack(4, object, from, to, why);
        if (args != NULL) {
            result = PyObject_Call(PyExc_UnicodeTranslateError, args, NULL);
            Py_DECREF(args);
        }
    }
    Py_XDECREF(why);
    Py_XDECREF(from);
    Py_XDECREF(to);
    return result;
}

/* The C accessors check the class, then the attribute's type. */
static int check_unicode_error(PyObject *exc, PyTypeObject *type)
{
    if (exc == NULL || !PyObject_TypeCheck(exc, type)) {
        PyErr_Format(PyExc_TypeError, "expecting a %s object, got %s",
                     type->tp_name, exc ? Py_TYPE(exc)->tp_name : "NULL");
        return -1;
    }
    return 0;
}

static PyObject *get_str_field(PyObject *exc, PyObject **field,
                               const char *name)
{
    PyObject *value = get_field(exc, field);
    if (value == NULL) {
        PyErr_Format(PyExc_TypeError, "%s attribute not set", name);
        return NULL;
    }
    if (!PyUnicode_Check(value)) {
        Py_DECREF(value);
        PyErr_Format(PyExc_TypeError, "%s attribute must be unicode", name);
        return NULL;
    }
    return value;
}

static PyObject *get_bytes_field(PyObject *exc, PyObject **field,
                                 const char *name)
{
    PyObject *value = get_field(exc, field);
    if (value == NULL) {
        PyErr_Format(PyExc_TypeError, "%s attribute not set", name);
        return NULL;
    }
    if (!PyBytes_Check(value)) {
        Py_DECREF(value);
        PyErr_Format(PyExc_TypeError, "%s attribute must be bytes", name);
        return NULL;
    }
    return value;
}

PyObject *PyUnicodeEncodeError_GetEncoding(PyObject *exc)
{
    if (check_unicode_error(exc, &_PyExc_UnicodeEncodeError) < 0) {
        return NULL;
    }
    return get_str_field(exc, &UNIERR(exc)->encoding, "encoding");
}

PyObject *PyUnicodeDecodeError_GetEncoding(PyObject *exc)
{
    if (check_unicode_error(exc, &_PyExc_UnicodeDecodeError) < 0) {
        return NULL;
    }
    return get_str_field(exc, &UNIERR(exc)->encoding, "encoding");
}

PyObject *PyUnicodeEncodeError_GetObject(PyObject *exc)
{
    if (check_unicode_error(exc, &_PyExc_UnicodeEncodeError) < 0) {
        return NULL;
    }
    return get_str_field(exc, &UNIERR(exc)->object, "object");
}

PyObject *PyUnicodeDecodeError_GetObject(PyObject *exc)
{
    if (check_unicode_error(exc, &_PyExc_UnicodeDecodeError) < 0) {
        return NULL;
    }
    return get_bytes_field(exc, &UNIERR(exc)->object, "object");
}

PyObject *PyUnicodeTranslateError_GetObject(PyObject *exc)
{
    if (check_unicode_error(exc, &_PyExc_UnicodeTranslateError) < 0) {
        return NULL;
    }
    return get_str_field(exc, &UNIERR(exc)->object, "object");
}

/* start clamped into [0, len - 1] (0 for an empty object), end into
   [1, len]: callers index the object with them. */
static int get_clamped_bound(PyObject *exc, PyObject *object, int is_end,
                             Py_ssize_t *out)
{
    Py_ssize_t len = PyBytes_Check(object) ? PyBytes_GET_SIZE(object)
                                           : PyUnicode_GetLength(object);
    Py_ssize_t value;
    Py_BEGIN_CRITICAL_SECTION(exc);
    value = is_end ? UNIERR(exc)->end : UNIERR(exc)->start;
    Py_END_CRITICAL_SECTION();
    if (is_end) {
        if (value < 1) {
            value = 1;
        }
        if (value > len) {
            value = len;
        }
    }
    else {
        if (value < 0) {
            value = 0;
        }
        if (value >= len) {
            value = len == 0 ? 0 : len - 1;
        }
    }
    *out = value;
    return 0;
}

static int get_bound(PyObject *exc, PyObject *(*get_object)(PyObject *),
                     int is_end, Py_ssize_t *out)
{
    PyObject *object = get_object(exc);
    if (object == NULL) {
        return -1;
    }
    int result = get_clamped_bound(exc, object, is_end, out);
    Py_DECREF(object);
    return result;
}

int PyUnicodeEncodeError_GetStart(PyObject *exc, Py_ssize_t *start)
{
    return get_bound(exc, PyUnicodeEncodeError_GetObject, 0, start);
}

int PyUnicodeDecodeError_GetStart(PyObject *exc, Py_ssize_t *start)
{
    return get_bound(exc, PyUnicodeDecodeError_GetObject, 0, start);
}

int PyUnicodeTranslateError_GetStart(PyObject *exc, Py_ssize_t *start)
{
    return get_bound(exc, PyUnicodeTranslateError_GetObject, 0, start);
}

int PyUnicodeEncodeError_GetEnd(PyObject *exc, Py_ssize_t *end)
{
    return get_bound(exc, PyUnicodeEncodeError_GetObject, 1, end);
}

int PyUnicodeDecodeError_GetEnd(PyObject *exc, Py_ssize_t *end)
{
    return get_bound(exc, PyUnicodeDecodeError_GetObject, 1, end);
}

int PyUnicodeTranslateError_GetEnd(PyObject *exc, Py_ssize_t *end)
{
    return get_bound(exc, PyUnicodeTranslateError_GetObject, 1, end);
}

static int set_bound(PyObject *exc, PyTypeObject *type, int is_end,
                     Py_ssize_t value)
{
    if (check_unicode_error(exc, type) < 0) {
        return -1;
    }
    Py_BEGIN_CRITICAL_SECTION(exc);
    if (is_end) {
        UNIERR(exc)->end = value;
    }
    else {
        UNIERR(exc)->start = value;
    }
    Py_END_CRITICAL_SECTION();
    return 0;
}

int PyUnicodeEncodeError_SetStart(PyObject *exc, Py_ssize_t start)
{
    return set_bound(exc, &_PyExc_UnicodeEncodeError, 0, start);
}

int PyUnicodeDecodeError_SetStart(PyObject *exc, Py_ssize_t start)
{
    return set_bound(exc, &_PyExc_UnicodeDecodeError, 0, start);
}

int PyUnicodeTranslateError_SetStart(PyObject *exc, Py_ssize_t start)
{
    return set_bound(exc, &_PyExc_UnicodeTranslateError, 0, start);
}

int PyUnicodeEncodeError_SetEnd(PyObject *exc, Py_ssize_t end)
{
    return set_bound(exc, &_PyExc_UnicodeEncodeError, 1, end);
}

int PyUnicodeDecodeError_SetEnd(PyObject *exc, Py_ssize_t end)
{
    return set_bound(exc, &_PyExc_UnicodeDecodeError, 1, end);
}

int PyUnicodeTranslateError_SetEnd(PyObject *exc, Py_ssize_t end)
{
    return set_bound(exc, &_PyExc_UnicodeTranslateError, 1, end);
}

static PyObject *get_reason(PyObject *exc, PyTypeObject *type)
{
    if (check_unicode_error(exc, type) < 0) {
        return NULL;
    }
    return get_str_field(exc, &UNIERR(exc)->reason, "reason");
}

PyObject *PyUnicodeEncodeError_GetReason(PyObject *exc)
{
    return get_reason(exc, &_PyExc_UnicodeEncodeError);
}

PyObject *PyUnicodeDecodeError_GetReason(PyObject *exc)
{
    return get_reason(exc, &_PyExc_UnicodeDecodeError);
}

PyObject *PyUnicodeTranslateError_GetReason(PyObject *exc)
{
    return get_reason(exc, &_PyExc_UnicodeTranslateError);
}

static int set_reason(PyObject *exc, PyTypeObject *type, const char *reason)
{
    if (check_unicode_error(exc, type) < 0) {
        return -1;
    }
    PyObject *value = PyUnicode_FromString(reason);
    if (value == NULL) {
        return -1;
    }
    set_field(exc, &UNIERR(exc)->reason, value);
    return 0;
}

int PyUnicodeEncodeError_SetReason(PyObject *exc, const char *reason)
{
    return set_reason(exc, &_PyExc_UnicodeEncodeError, reason);
}

int PyUnicodeDecodeError_SetReason(PyObject *exc, const char *reason)
{
    return set_reason(exc, &_PyExc_UnicodeDecodeError, reason);
}

int PyUnicodeTranslateError_SetReason(PyObject *exc, const char *reason)
{
    return set_reason(exc, &_PyExc_UnicodeTranslateError, reason);
}

/* ---- warning categories ------------------------------------------------ */

SIMPLE_EXCEPTION(Warning, Exception, "Base class for warning categories.")
SIMPLE_EXCEPTION(UserWarning, Warning,
                 "Base class for warnings generated by user code.")
SIMPLE_EXCEPTION(DeprecationWarning, Warning,
                 "Base class for warnings about deprecated features.")
SIMPLE_EXCEPTION(PendingDeprecationWarning, Warning,
                 "Base class for warnings about features which will be "
                 "deprecated in the future.")
SIMPLE_EXCEPTION(SyntaxWarning, Warning,
                 "Base class for warnings about dubious syntax.")
SIMPLE_EXCEPTION(RuntimeWarning, Warning,
                 "Base class for warnings about dubious runtime behavior.")
SIMPLE_EXCEPTION(FutureWarning, Warning,
                 "Base class for warnings about constructs that will change "
                 "semantically in the future.")
SIMPLE_EXCEPTION(ImportWarning, Warning,
                 "Base class for warnings about probable mistakes in module "
                 "imports")
SIMPLE_EXCEPTION(UnicodeWarning, Warning,
                 "Base class for warnings about Unicode related problems, "
                 "mostly related to conversion problems.")
SIMPLE_EXCEPTION(BytesWarning, Warning,
                 "Base class for warnings about bytes and buffer related "
                 "problems, mostly related to conversion from str or "
                 "comparing to str.")
SIMPLE_EXCEPTION(EncodingWarning, Warning,
                 "Base class for warnings about encodings.")
SIMPLE_EXCEPTION(ResourceWarning, Warning,
                 "Base class for warnings about resource usage.")

/* ---- classes made at run time ------------------------------------------ */

/* A new exception class "module.Name": type(Name, bases, dict) with
   dict['__module__'] = module.  base may be a class or a tuple of them
   (Exception when NULL). */
PyObject *PyErr_NewException(const char *name, PyObject *base, PyObject *dict)
{
    const char *dot = strrchr(name, '.');
    if (dot == NULL) {
        PyErr_SetString(PyExc_SystemError,
                        "PyErr_NewException: name must be module.class");
        return NULL;
    }
    if (base == NULL) {
        base = PyExc_Exception;
    }
    PyObject *result = NULL, *bases = NULL, *classname = NULL, *args = NULL;
    PyObject *own_dict = dict != NULL ? Py_NewRef(dict) : PyDict_New();
    if (own_dict == NULL) {
        return NULL;
    }
    int has_module = PyDict_GetItemString(own_dict, "__module__") != NULL;
    if (!has_module) {
        PyObject *module = PyUnicode_FromStringAndSize(name, dot - name);
        if (module == NULL) {
            goto done;
        }
        int failed = PyDict_SetItemString(own_dict, "__module__", module) < 0;
        Py_DECREF(module);
        if (failed) {
            goto done;
        }
    }
    bases = PyTuple_Check(base) ? Py_NewRef(base) : PyTuple_Pack(1, base);
    classname = PyUnicode_FromString(dot + 1);
    if (bases == NULL || classname == NULL) {
        goto done;
    }
    args = PyTuple_Pack(3, classname, bases, own_dict);
    if (args != NULL) {
        result = PyObject_Call((PyObject *)&PyType_Type, args, NULL);
    }
done:
    Py_XDECREF(args);
    Py_XDECREF(classname);
    Py_XDECREF(bases);
    Py_DECREF(own_dict);
    return result;
}

PyObject *PyErr_NewExceptionWithDoc(const char *name, const char *doc,
                                    PyObject *base, PyObject *dict)
{
    PyObject *own_dict = dict != NULL ? Py_NewRef(dict) : PyDict_New();
    if (own_dict == NULL) {
        return NULL;
    }
    if (doc != NULL) {
        PyObject *docobj = PyUnicode_FromString(doc);
        int failed = docobj == NULL
                     || PyDict_SetItemString(own_dict, "__doc__", docobj) < 0;
        Py_XDECREF(docobj);
        if (failed) {
            Py_DECREF(own_dict);
            return NULL;
        }
    }
    PyObject *result = PyErr_NewException(name, base, own_dict);
    Py_DECREF(own_dict);
    return result;
}
