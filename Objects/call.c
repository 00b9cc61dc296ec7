/* Calling objects: tp_call, vectorcall (PEP 590) and the convenience
   wrappers built on them.

   Two conventions meet here.  tp_call takes an argument tuple and a dict
   of keywords; vectorcall takes a C array of positional arguments followed
   by keyword values, and a tuple of keyword names.  Every entry point picks
   the callee's native convention and converts only when it must.

   Thread safety: the stacks built here are private to the calling thread.
   A kwargs dict supplied by the caller is read inside its critical section,
   so a concurrent mutation cannot tear the copy. */
#include "Python.h"
#include "pycore_call.h"
#include "pycore_pystate.h"

/* Raise SystemError for a missing argument to an API function, unless an
   exception already explains why it is missing. */
static PyObject *
null_error(void)
{
    if (!PyErr_Occurred()) {
        PyErr_SetString(PyExc_SystemError,
                        "null argument to internal routine");
    }
    return NULL;
}

/* Replace the pending exception by a SystemError(message) that has it as
   __cause__ and __context__. */
static void
raise_system_error_from_pending(const char *message, PyObject *callable)
{
    PyObject *cause = PyErr_GetRaisedException();
    if (callable != NULL) {
        PyErr_Format(PyExc_SystemError, message, callable);
    }
    else {
        PyErr_SetString(PyExc_SystemError, message);
    }
    PyObject *exc = PyErr_GetRaisedException();
    if (exc != NULL && cause != NULL) {
        PyException_SetCause(exc, Py_NewRef(cause));
        PyException_SetContext(exc, cause);
        cause = NULL;
    }
    Py_XDECREF(cause);
    PyErr_SetRaisedException(exc);
}

PyObject *
_Py_CheckFunctionResult(PyThreadState *tstate, PyObject *callable,
                        PyObject *result, const char *where)
{
    (void)tstate;
    if (result == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        if (callable != NULL) {
            PyErr_Format(PyExc_SystemError,
                         "%R returned NULL without setting an exception",
                         callable);
        }
        else {
            PyErr_Format(PyExc_SystemError,
                         "%s returned NULL without setting an exception",
                         where);
        }
        return NULL;
    }
    if (PyErr_Occurred()) {
        Py_DECREF(result);
        if (callable != NULL) {
            raise_system_error_from_pending(
                "%R returned a result with an exception set", callable);
        }
        else {
            PyObject *cause = PyErr_GetRaisedException();
            PyErr_Format(PyExc_SystemError,
                         "%s returned a result with an exception set", where);
            PyObject *exc = PyErr_GetRaisedException();
            if (exc != NULL && cause != NULL) {
                PyException_SetCause(exc, Py_NewRef(cause));
                PyException_SetContext(exc, Py_NewRef(cause));
            }
            Py_XDECREF(cause);
            PyErr_SetRaisedException(exc);
        }
        return NULL;
    }
    return result;
}

/* A new tuple holding new references to args[0..n). */
static PyObject *
tuple_from_array(PyObject *const *args, Py_ssize_t n)
{
    PyObject *tuple = PyTuple_New(n);
    if (tuple == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(tuple, i, Py_NewRef(args[i]));
    }
    return tuple;
}

static PyObject *
not_callable(PyObject *callable)
{
    PyErr_Format(PyExc_TypeError, "'%.200s' object is not callable",
                 Py_TYPE(callable)->tp_name);
    return NULL;
}

/* tp_call guarded against unbounded C recursion.  Borrows everything. */
static PyObject *
call_tp_call(PyThreadState *tstate, ternaryfunc call, PyObject *callable,
             PyObject *argstuple, PyObject *kwdict)
{
    if (Py_EnterRecursiveCall(" while calling a Python object")) {
        return NULL;
    }
    PyObject *result = call(callable, argstuple, kwdict);
    Py_LeaveRecursiveCall();
    return _Py_CheckFunctionResult(tstate, callable, result, NULL);
}

PyObject *
_PyObject_MakeTpCall(PyThreadState *tstate, PyObject *callable,
                     PyObject *const *args, Py_ssize_t nargs,
                     PyObject *keywords)
{
    ternaryfunc call = Py_TYPE(callable)->tp_call;
    if (call == NULL) {
        return not_callable(callable);
    }
    PyObject *argstuple = tuple_from_array(args, nargs);
    if (argstuple == NULL) {
        return NULL;
    }
    /* kwdict is a new reference only when built from kwnames. */
    PyObject *kwdict = NULL;
    int own_kwdict = 0;
    if (keywords != NULL && PyTuple_Check(keywords)) {
        if (PyTuple_GET_SIZE(keywords) > 0) {
            kwdict = _PyStack_AsDict(args + nargs, keywords);
            if (kwdict == NULL) {
                Py_DECREF(argstuple);
                return NULL;
            }
            own_kwdict = 1;
        }
    }
    else {
        kwdict = keywords;
    }
    PyObject *result = call_tp_call(tstate, call, callable, argstuple, kwdict);
    Py_DECREF(argstuple);
    if (own_kwdict) {
        Py_DECREF(kwdict);
    }
    return result;
}

Py_ssize_t
(PyVectorcall_NARGS)(size_t nargsf)
{
    return _PyVectorcall_NARGS(nargsf);
}

PyObject *
PyObject_Vectorcall(PyObject *callable, PyObject *const *args,
                    size_t nargsf, PyObject *kwnames)
{
    return _PyObject_VectorcallTstate(_PyThreadState_GET(), callable, args,
                                      nargsf, kwnames);
}

PyObject *
_PyObject_FastCallDictTstate(PyThreadState *tstate, PyObject *callable,
                             PyObject *const *args, size_t nargsf,
                             PyObject *kwargs)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    vectorcallfunc func = PyVectorcall_Function(callable);
    if (func == NULL) {
        return _PyObject_MakeTpCall(tstate, callable, args, nargs, kwargs);
    }
    PyObject *res;
    if (kwargs == NULL || PyDict_GET_SIZE(kwargs) == 0) {
        res = func(callable, args, nargsf, NULL);
    }
    else {
        PyObject *kwnames;
        PyObject *const *stack = _PyStack_UnpackDict(tstate, args, nargs,
                                                     kwargs, &kwnames);
        if (stack == NULL) {
            return NULL;
        }
        res = func(callable, stack, nargs | PY_VECTORCALL_ARGUMENTS_OFFSET,
                   kwnames);
        _PyStack_UnpackDict_Free(stack, nargs, kwnames);
    }
    return _Py_CheckFunctionResult(tstate, callable, res, NULL);
}

PyObject *
PyObject_VectorcallDict(PyObject *callable, PyObject *const *args,
                        size_t nargsf, PyObject *kwargs)
{
    return _PyObject_FastCallDictTstate(_PyThreadState_GET(), callable, args,
                                        nargsf, kwargs);
}

PyObject *
_PyVectorcall_Call(PyThreadState *tstate, vectorcallfunc func,
                   PyObject *callable, PyObject *tuple, PyObject *kwargs)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(tuple);
    PyObject *const *args = ((PyTupleObject *)tuple)->ob_item;
    PyObject *res;
    if (kwargs == NULL || PyDict_GET_SIZE(kwargs) == 0) {
        res = func(callable, args, (size_t)nargs, NULL);
    }
    else {
        PyObject *kwnames;
        PyObject *const *stack = _PyStack_UnpackDict(tstate, args, nargs,
                                                     kwargs, &kwnames);
        if (stack == NULL) {
            return NULL;
        }
        res = func(callable, stack, nargs | PY_VECTORCALL_ARGUMENTS_OFFSET,
                   kwnames);
        _PyStack_UnpackDict_Free(stack, nargs, kwnames);
    }
    return _Py_CheckFunctionResult(tstate, callable, res, NULL);
}

PyObject *
PyVectorcall_Call(PyObject *callable, PyObject *tuple, PyObject *kwargs)
{
    vectorcallfunc func = PyVectorcall_Function(callable);
    if (func == NULL) {
        PyErr_Format(PyExc_TypeError,
                     "'%.200s' object does not support vectorcall",
                     Py_TYPE(callable)->tp_name);
        return NULL;
    }
    return _PyVectorcall_Call(_PyThreadState_GET(), func, callable, tuple,
                              kwargs);
}

PyObject *
_PyObject_Call(PyThreadState *tstate, PyObject *callable, PyObject *args,
               PyObject *kwargs)
{
    if (args == NULL || !PyTuple_Check(args)) {
        PyErr_SetString(PyExc_TypeError, "argument list must be a tuple");
        return NULL;
    }
    if (kwargs != NULL && !PyDict_Check(kwargs)) {
        PyErr_SetString(PyExc_TypeError, "keyword list must be a dictionary");
        return NULL;
    }
    vectorcallfunc func = PyVectorcall_Function(callable);
    if (func != NULL) {
        return _PyVectorcall_Call(tstate, func, callable, args, kwargs);
    }
    ternaryfunc call = Py_TYPE(callable)->tp_call;
    if (call == NULL) {
        return not_callable(callable);
    }
    return call_tp_call(tstate, call, callable, args, kwargs);
}

PyObject *
PyObject_Call(PyObject *callable, PyObject *args, PyObject *kwargs)
{
    return _PyObject_Call(_PyThreadState_GET(), callable, args, kwargs);
}

PyObject *
PyObject_CallObject(PyObject *callable, PyObject *args)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (args == NULL) {
        return _PyObject_CallNoArgsTstate(tstate, callable);
    }
    return _PyObject_Call(tstate, callable, args, NULL);
}

PyObject *
PyObject_CallNoArgs(PyObject *func)
{
    return _PyObject_CallNoArgsTstate(_PyThreadState_GET(), func);
}

PyObject *
PyObject_CallOneArg(PyObject *func, PyObject *arg)
{
    /* slots[0] is the free slot PY_VECTORCALL_ARGUMENTS_OFFSET promises. */
    PyObject *slots[2] = {NULL, arg};
    return _PyObject_VectorcallTstate(_PyThreadState_GET(), func, slots + 1,
                                      1 | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                      NULL);
}

/* callable(*stack[0..nargs)) or, for one tuple argument, callable(*tuple):
   PyObject_CallFunction(f, "O", tuple) has always spread the tuple. */
static PyObject *
call_built_stack(PyThreadState *tstate, PyObject *callable,
                 PyObject **stack, Py_ssize_t nargs)
{
    if (nargs == 1 && PyTuple_Check(stack[0])) {
        return _PyObject_Call(tstate, callable, stack[0], NULL);
    }
    return _PyObject_VectorcallTstate(tstate, callable, stack, (size_t)nargs,
                                      NULL);
}

/* callable(*Py_VaBuildValue(format, va)). */
static PyObject *
call_function_va(PyThreadState *tstate, PyObject *callable,
                 const char *format, va_list va)
{
    if (callable == NULL) {
        return null_error();
    }
    if (format == NULL || *format == '\0') {
        return _PyObject_CallNoArgsTstate(tstate, callable);
    }
    PyObject *small_stack[_PY_FASTCALL_SMALL_STACK];
    Py_ssize_t nargs;
    PyObject **stack = _Py_VaBuildStack(small_stack,
                                        Py_ARRAY_LENGTH(small_stack),
                                        format, va, &nargs);
    if (stack == NULL) {
        return NULL;
    }
    PyObject *result = call_built_stack(tstate, callable, stack, nargs);
    for (Py_ssize_t i = 0; i < nargs; i++) {
        Py_DECREF(stack[i]);
    }
    if (stack != small_stack) {
        PyMem_Free(stack);
    }
    return result;
}

PyObject *
PyObject_CallFunction(PyObject *callable, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *result = call_function_va(_PyThreadState_GET(), callable,
                                        format, va);
    va_end(va);
    return result;
}

PyObject *
_PyObject_CallFunction_SizeT(PyObject *callable, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *result = call_function_va(_PyThreadState_GET(), callable,
                                        format, va);
    va_end(va);
    return result;
}

/* obj.<attribute>(*format args); consumes the reference to callable. */
static PyObject *
call_attribute_va(PyThreadState *tstate, PyObject *callable,
                  const char *format, va_list va)
{
    if (callable == NULL) {
        return NULL;
    }
    if (!PyCallable_Check(callable)) {
        PyErr_Format(PyExc_TypeError, "attribute of type '%.200s' is not callable",
                     Py_TYPE(callable)->tp_name);
        Py_DECREF(callable);
        return NULL;
    }
    PyObject *result = call_function_va(tstate, callable, format, va);
    Py_DECREF(callable);
    return result;
}

PyObject *
PyObject_CallMethod(PyObject *obj, const char *name, const char *format, ...)
{
    if (obj == NULL || name == NULL) {
        return null_error();
    }
    PyObject *callable = PyObject_GetAttrString(obj, name);
    va_list va;
    va_start(va, format);
    PyObject *result = call_attribute_va(_PyThreadState_GET(), callable,
                                         format, va);
    va_end(va);
    return result;
}

PyObject *
_PyObject_CallMethod_SizeT(PyObject *obj, const char *name,
                           const char *format, ...)
{
    if (obj == NULL || name == NULL) {
        return null_error();
    }
    PyObject *callable = PyObject_GetAttrString(obj, name);
    va_list va;
    va_start(va, format);
    PyObject *result = call_attribute_va(_PyThreadState_GET(), callable,
                                         format, va);
    va_end(va);
    return result;
}

PyObject *
_PyObject_CallMethod(PyObject *obj, PyObject *name, const char *format, ...)
{
    if (obj == NULL || name == NULL) {
        return null_error();
    }
    PyObject *callable = PyObject_GetAttr(obj, name);
    va_list va;
    va_start(va, format);
    PyObject *result = call_attribute_va(_PyThreadState_GET(), callable,
                                         format, va);
    va_end(va);
    return result;
}

/* Copy a NULL-terminated list of PyObject* varargs into a stack whose
   slot 0 is left free for PY_VECTORCALL_ARGUMENTS_OFFSET and slot 1 holds
   `first` when not NULL.  Returns small (or a PyMem_Malloc'ed array) and
   the argument count in *p_nargs; NULL with MemoryError set. */
static PyObject **
stack_from_va(PyObject **small, Py_ssize_t small_len, PyObject *first,
              va_list va, Py_ssize_t *p_nargs)
{
    va_list count_va;
    va_copy(count_va, va);
    Py_ssize_t nargs = first != NULL ? 1 : 0;
    while (va_arg(count_va, PyObject *) != NULL) {
        nargs++;
    }
    va_end(count_va);

    PyObject **stack = small;
    if (nargs + 1 > small_len) {
        stack = PyMem_Malloc((size_t)(nargs + 1) * sizeof(PyObject *));
        if (stack == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
    }
    Py_ssize_t i = 1;
    if (first != NULL) {
        stack[i++] = first;
    }
    for (; i <= nargs; i++) {
        stack[i] = va_arg(va, PyObject *);
    }
    *p_nargs = nargs;
    return stack;
}

PyObject *
PyObject_CallFunctionObjArgs(PyObject *callable, ...)
{
    if (callable == NULL) {
        return null_error();
    }
    PyObject *small[_PY_FASTCALL_SMALL_STACK];
    Py_ssize_t nargs;
    va_list va;
    va_start(va, callable);
    PyObject **stack = stack_from_va(small, Py_ARRAY_LENGTH(small), NULL, va,
                                     &nargs);
    va_end(va);
    if (stack == NULL) {
        return NULL;
    }
    PyObject *result = _PyObject_VectorcallTstate(
        _PyThreadState_GET(), callable, stack + 1,
        (size_t)nargs | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
    if (stack != small) {
        PyMem_Free(stack);
    }
    return result;
}

PyObject *
PyObject_CallMethodObjArgs(PyObject *obj, PyObject *name, ...)
{
    if (obj == NULL || name == NULL) {
        return null_error();
    }
    PyObject *small[_PY_FASTCALL_SMALL_STACK];
    Py_ssize_t nargs;
    va_list va;
    va_start(va, name);
    PyObject **stack = stack_from_va(small, Py_ARRAY_LENGTH(small), obj, va,
                                     &nargs);
    va_end(va);
    if (stack == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_VectorcallMethod(
        name, stack + 1, (size_t)nargs | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
    if (stack != small) {
        PyMem_Free(stack);
    }
    return result;
}

/* args[0] is self.  The bound attribute is looked up and called with the
   remaining arguments; args[0]'s slot may be lent to the callee as its
   free slot because the callee restores it before returning. */
PyObject *
PyObject_VectorcallMethod(PyObject *name, PyObject *const *args,
                          size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (name == NULL || nargs < 1 || args == NULL || args[0] == NULL) {
        return null_error();
    }
    PyObject *callable = PyObject_GetAttr(args[0], name);
    if (callable == NULL) {
        return NULL;
    }
    PyObject *result = _PyObject_VectorcallTstate(
        _PyThreadState_GET(), callable, args + 1,
        (size_t)(nargs - 1) | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
    Py_DECREF(callable);
    return result;
}

PyObject *
_PyObject_VectorcallPrepend(PyThreadState *tstate, PyObject *callable,
                            PyObject *arg, PyObject *const *args,
                            size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    Py_ssize_t total = nargs + (kwnames ? PyTuple_GET_SIZE(kwnames) : 0);
    if (nargsf & PY_VECTORCALL_ARGUMENTS_OFFSET) {
        /* The caller lent us args[-1]: use it and put it back. */
        PyObject **newargs = (PyObject **)args - 1;
        PyObject *saved = newargs[0];
        newargs[0] = arg;
        PyObject *result = _PyObject_VectorcallTstate(
            tstate, callable, newargs, (size_t)(nargs + 1), kwnames);
        newargs[0] = saved;
        return result;
    }
    PyObject *small[_PY_FASTCALL_SMALL_STACK];
    PyObject **stack = small;
    if (total + 2 > (Py_ssize_t)Py_ARRAY_LENGTH(small)) {
        stack = PyMem_Malloc((size_t)(total + 2) * sizeof(PyObject *));
        if (stack == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
    }
    stack[1] = arg;
    if (total > 0) {
        memcpy(stack + 2, args, (size_t)total * sizeof(PyObject *));
    }
    PyObject *result = _PyObject_VectorcallTstate(
        tstate, callable, stack + 1,
        (size_t)(nargs + 1) | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
    if (stack != small) {
        PyMem_Free(stack);
    }
    return result;
}

PyObject *
_PyObject_Call_Prepend(PyThreadState *tstate, PyObject *callable,
                       PyObject *obj, PyObject *args, PyObject *kwargs)
{
    Py_ssize_t argcount = PyTuple_GET_SIZE(args);
    PyObject *small[_PY_FASTCALL_SMALL_STACK];
    PyObject **stack = small;
    if (argcount + 1 > (Py_ssize_t)Py_ARRAY_LENGTH(small)) {
        stack = PyMem_Malloc((size_t)(argcount + 1) * sizeof(PyObject *));
        if (stack == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
    }
    stack[0] = obj;
    if (argcount > 0) {
        memcpy(stack + 1, ((PyTupleObject *)args)->ob_item,
               (size_t)argcount * sizeof(PyObject *));
    }
    PyObject *result = _PyObject_FastCallDictTstate(
        tstate, callable, stack, (size_t)(argcount + 1), kwargs);
    if (stack != small) {
        PyMem_Free(stack);
    }
    return result;
}

/* ---- Converting between keyword conventions ----------------------------- */

PyObject *
_PyStack_AsDict(PyObject *const *values, PyObject *kwnames)
{
    Py_ssize_t nkwargs = PyTuple_GET_SIZE(kwnames);
    PyObject *kwdict = PyDict_New();
    if (kwdict == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nkwargs; i++) {
        if (PyDict_SetItem(kwdict, PyTuple_GET_ITEM(kwnames, i),
                           values[i]) < 0) {
            Py_DECREF(kwdict);
            return NULL;
        }
    }
    return kwdict;
}

/* The body of _PyStack_UnpackDict, run inside kwargs' critical section
   so the size read and the copy see one state of the dict.  It calls no
   Python code: keys are only type-checked, never hashed or compared. */
static PyObject **
unpack_dict_locked(PyObject *const *args, Py_ssize_t nargs, PyObject *kwargs,
                   PyObject **p_kwnames)
{
    Py_ssize_t nkwargs = PyDict_GET_SIZE(kwargs);
    if ((size_t)nargs > (size_t)PY_SSIZE_T_MAX / sizeof(PyObject *) - 1
            - (size_t)nkwargs) {
        PyErr_NoMemory();
        return NULL;
    }
    /* One extra leading slot so the callee may use
       PY_VECTORCALL_ARGUMENTS_OFFSET. */
    PyObject **base = PyMem_Malloc((size_t)(1 + nargs + nkwargs)
                                   * sizeof(PyObject *));
    if (base == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    PyObject *kwnames = PyTuple_New(nkwargs);
    if (kwnames == NULL) {
        PyMem_Free(base);
        return NULL;
    }
    PyObject **stack = base + 1;
    Py_ssize_t pos = 0, copied = 0;
    PyObject *key, *value;
    while (copied < nkwargs && PyDict_Next(kwargs, &pos, &key, &value)) {
        if (!PyUnicode_Check(key)) {
            /* kwnames owns the names copied so far; drop the values. */
            for (Py_ssize_t i = 0; i < copied; i++) {
                Py_DECREF(stack[nargs + i]);
            }
            Py_DECREF(kwnames);
            PyMem_Free(base);
            PyErr_SetString(PyExc_TypeError, "keywords must be strings");
            return NULL;
        }
        PyTuple_SET_ITEM(kwnames, copied, Py_NewRef(key));
        stack[nargs + copied] = Py_NewRef(value);
        copied++;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        stack[i] = Py_NewRef(args[i]);
    }
    *p_kwnames = kwnames;
    return stack;
}

PyObject *const *
_PyStack_UnpackDict(PyThreadState *tstate, PyObject *const *args,
                    Py_ssize_t nargs, PyObject *kwargs, PyObject **p_kwnames)
{
    (void)tstate;
    PyObject **stack;
    Py_BEGIN_CRITICAL_SECTION(kwargs);
    stack = unpack_dict_locked(args, nargs, kwargs, p_kwnames);
    Py_END_CRITICAL_SECTION();
    return stack;
}

void
_PyStack_UnpackDict_Free(PyObject *const *stack, Py_ssize_t nargs,
                         PyObject *kwnames)
{
    Py_ssize_t n = nargs + PyTuple_GET_SIZE(kwnames);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_DECREF(stack[i]);
    }
    _PyStack_UnpackDict_FreeNoDecRef(stack, kwnames);
}

void
_PyStack_UnpackDict_FreeNoDecRef(PyObject *const *stack, PyObject *kwnames)
{
    PyMem_Free((PyObject **)stack - 1);
    Py_DECREF(kwnames);
}
