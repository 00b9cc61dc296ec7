/* Out-of-line parts of the VM's instructions (pycore_ceval_helpers.h):
   argument binding, name look-up, operators, unpacking, imports, raising
   and matching exceptions, async iteration and pattern matching.

   Thread safety: like the loop, these use only the objects' own APIs. */
#include "Python.h"
#include "sysmodule.h"
#include "pycore_call.h"
#include "pycore_ceval.h"
#include "pycore_ceval_helpers.h"
#include "pycore_dict.h"
#include "pycore_exceptions.h"
#include "pycore_genobject.h"
#include "pycore_instvalues.h"
#include "pycore_lazyimport.h"
#include "pycore_object.h"
#include "pycore_pystate.h"
#include "pycore_typeobject.h"
#include "pycore_typevarobject.h"  /* typ: PEP 695 intrinsics */
#include "cpython/classobject.h"

/* ---- argument binding ----------------------------------------------------- */

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" */
static PyObject *format_name_list(PyObject *names)
{
    Py_ssize_t n = PyList_GET_SIZE(names);
    PyObject *result = NULL;
    if (n == 1) {
        return PyUnicode_FromFormat("'%U'", PyList_GET_ITEM(names, 0));
    }
    if (n == 2) {
        return PyUnicode_FromFormat("'%U' and '%U'", PyList_GET_ITEM(names, 0),
                                    PyList_GET_ITEM(names, 1));
    }
    result = PyUnicode_FromString("");
    for (Py_ssize_t i = 0; result != NULL && i < n; i++) {
        const char *sep = i == 0 ? "" : i == n - 1 ? ", and " : ", ";
        PyObject *part = PyUnicode_FromFormat("%s'%U'", sep,
                                              PyList_GET_ITEM(names, i));
        if (part == NULL) {
            Py_CLEAR(result);
            break;
        }
        Py_SETREF(result, PyUnicode_Concat(result, part));
        Py_DECREF(part);
    }
    return result;
}

static void missing_arguments(PyThreadState *tstate, PyFunctionObject *func,
                              PyObject **localsplus, int start, int end,
                              const char *kind)
{
    PyCodeObject *co = (PyCodeObject *)func->func_code;
    PyObject *names = PyList_New(0);
    if (names == NULL) {
        return;
    }
    for (int i = start; i < end; i++) {
        if (localsplus[i] == NULL
                && PyList_Append(names,
                                 PyTuple_GET_ITEM(co->co_localsplusnames, i)) < 0) {
            Py_DECREF(names);
            return;
        }
    }
    Py_ssize_t n = PyList_GET_SIZE(names);
    PyObject *listed = format_name_list(names);
    Py_DECREF(names);
    if (listed == NULL) {
        return;
    }
    _PyErr_Format(tstate, PyExc_TypeError,
                  "%U() missing %zd required %s argument%s: %U",
                  func->func_qualname, n, kind, n == 1 ? "" : "s", listed);
    Py_DECREF(listed);
}

static void too_many_positional(PyThreadState *tstate, PyFunctionObject *func,
                                Py_ssize_t given, PyObject **localsplus)
{
    PyCodeObject *co = (PyCodeObject *)func->func_code;
    Py_ssize_t defcount = func->func_defaults
                          ? PyTuple_GET_SIZE(func->func_defaults) : 0;
    Py_ssize_t kwonly_given = 0;
    for (int i = co->co_argcount; i < co->co_argcount + co->co_kwonlyargcount; i++) {
        if (localsplus[i] != NULL) {
            kwonly_given++;
        }
    }
    PyObject *sig;
    int plural;
    if (defcount) {
        sig = PyUnicode_FromFormat("from %zd to %d",
                                   co->co_argcount - defcount, co->co_argcount);
        plural = 1;
    }
    else {
        sig = PyUnicode_FromFormat("%d", co->co_argcount);
        plural = co->co_argcount != 1;
    }
    PyObject *kwonly_sig = kwonly_given
        ? PyUnicode_FromFormat(" positional argument%s (and %zd keyword-only "
                               "argument%s)", given != 1 ? "s" : "",
                               kwonly_given, kwonly_given != 1 ? "s" : "")
        : PyUnicode_FromString("");
    if (sig != NULL && kwonly_sig != NULL) {
        _PyErr_Format(tstate, PyExc_TypeError,
                      "%U() takes %U positional argument%s but %zd%U %s given",
                      func->func_qualname, sig, plural ? "s" : "", given,
                      kwonly_sig, given == 1 && !kwonly_given ? "was" : "were");
    }
    Py_XDECREF(sig);
    Py_XDECREF(kwonly_sig);
}

/* Positional-only parameters passed by keyword, for the error message;
   1 when the error was set. */
static int positional_only_passed_as_keyword(PyThreadState *tstate,
                                             PyFunctionObject *func,
                                             PyObject *kwnames)
{
    PyCodeObject *co = (PyCodeObject *)func->func_code;
    PyObject *names = PyList_New(0);
    if (names == NULL) {
        return 1;
    }
    for (int k = 0; k < co->co_posonlyargcount; k++) {
        PyObject *posname = PyTuple_GET_ITEM(co->co_localsplusnames, k);
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwnames); i++) {
            int eq = PyObject_RichCompareBool(posname,
                                              PyTuple_GET_ITEM(kwnames, i), Py_EQ);
            if (eq < 0) {
                Py_DECREF(names);
                return 1;
            }
            if (eq) {
                if (PyList_Append(names, posname) < 0) {
                    Py_DECREF(names);
                    return 1;
                }
                break;
            }
        }
    }
    if (PyList_GET_SIZE(names) == 0) {
        Py_DECREF(names);
        return 0;
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *joined = sep ? PyUnicode_Join(sep, names) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(names);
    if (joined != NULL) {
        _PyErr_Format(tstate, PyExc_TypeError,
                      "%U() got some positional-only arguments passed as keyword "
                      "arguments: '%U'", func->func_qualname, joined);
        Py_DECREF(joined);
    }
    return 1;
}

/* The slot of keyword parameter `name` among [posonly, total), or -1. */
static int find_keyword_slot(PyCodeObject *co, PyObject *name, int total)
{
    PyObject *names = co->co_localsplusnames;
    for (int j = co->co_posonlyargcount; j < total; j++) {
        if (PyTuple_GET_ITEM(names, j) == name) {
            return j;
        }
    }
    for (int j = co->co_posonlyargcount; j < total; j++) {
        PyObject *candidate = PyTuple_GET_ITEM(names, j);
        if (PyUnicode_Compare(candidate, name) == 0) {
            return j;
        }
    }
    return -1;
}

int _PyEval_InitializeLocals(PyThreadState *tstate, PyFunctionObject *func,
                             PyCodeObject *co,
                             PyObject **localsplus, PyObject *const *args,
                             Py_ssize_t argcount, PyObject *kwnames)
{
    /* Free-threaded build: defaults may be replaced concurrently; they
       are loaded once (a replaced tuple stays alive while the code
       object's constants or the caller hold it). */
    PyObject *defaults = __atomic_load_n(&func->func_defaults,
                                         __ATOMIC_ACQUIRE);
    PyObject *kwdefaults = __atomic_load_n(&func->func_kwdefaults,
                                           __ATOMIC_ACQUIRE);
    const int total_args = co->co_argcount + co->co_kwonlyargcount;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    Py_ssize_t consumed = 0;    /* references of args already placed */
    PyObject *kwdict = NULL;
    Py_ssize_t i;

    if (co->co_flags & CO_VARKEYWORDS) {
        kwdict = PyDict_New();
        if (kwdict == NULL) {
            goto fail;
        }
        int slot = total_args + ((co->co_flags & CO_VARARGS) ? 1 : 0);
        localsplus[slot] = kwdict;
    }
    Py_ssize_t n = argcount > co->co_argcount ? co->co_argcount : argcount;
    for (i = 0; i < n; i++) {
        localsplus[i] = args[i];
    }
    consumed = n;
    if (co->co_flags & CO_VARARGS) {
        PyObject *rest = PyTuple_New(argcount - n);
        if (rest == NULL) {
            goto fail;
        }
        for (Py_ssize_t j = n; j < argcount; j++) {
            PyTuple_SET_ITEM(rest, j - n, args[j]);
        }
        consumed = argcount;
        localsplus[total_args] = rest;
    }
    /* Keyword arguments. */
    for (i = 0; i < nkw; i++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, i);
        PyObject *value = args[argcount + i];
        if (!PyUnicode_Check(name)) {
            _PyErr_Format(tstate, PyExc_TypeError,
                          "%U() keywords must be strings", func->func_qualname);
            goto fail;
        }
        int j = find_keyword_slot(co, name, total_args);
        if (j < 0) {
            if (kwdict == NULL) {
                if (!positional_only_passed_as_keyword(tstate, func, kwnames)) {
                    _PyErr_UnexpectedKeyword(tstate, func, name);
                }
                goto fail;
            }
            if (PyDict_SetItem(kwdict, name, value) < 0) {
                goto fail;
            }
            continue;
        }
        if (localsplus[j] != NULL) {
            _PyErr_Format(tstate, PyExc_TypeError,
                          "%U() got multiple values for argument '%S'",
                          func->func_qualname, name);
            goto fail;
        }
        localsplus[j] = Py_NewRef(value);
    }
    if (argcount > co->co_argcount && !(co->co_flags & CO_VARARGS)) {
        too_many_positional(tstate, func, argcount, localsplus);
        goto fail;
    }
    /* Positional defaults. */
    if (argcount < co->co_argcount) {
        Py_ssize_t defcount = defaults ? PyTuple_GET_SIZE(defaults) : 0;
        Py_ssize_t m = co->co_argcount - defcount;
        for (i = argcount; i < m; i++) {
            if (localsplus[i] == NULL) {
                missing_arguments(tstate, func, localsplus, (int)argcount,
                                  (int)m, "positional");
                goto fail;
            }
        }
        for (i = (n > m ? n : m); i < co->co_argcount; i++) {
            if (localsplus[i] == NULL) {
                localsplus[i] = Py_NewRef(PyTuple_GET_ITEM(defaults,
                                                           i - m));
            }
        }
    }
    /* Keyword-only defaults. */
    if (co->co_kwonlyargcount > 0) {
        int missing = 0;
        for (i = co->co_argcount; i < total_args; i++) {
            if (localsplus[i] != NULL) {
                continue;
            }
            PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
            if (kwdefaults != NULL) {
                PyObject *def;
                int found = PyDict_GetItemRef(kwdefaults, name, &def);
                if (found < 0) {
                    goto fail;
                }
                if (found) {
                    localsplus[i] = def;
                    continue;
                }
            }
            missing++;
        }
        if (missing) {
            missing_arguments(tstate, func, localsplus, co->co_argcount,
                              total_args, "keyword-only");
            goto fail;
        }
    }
    /* Keyword values were only borrowed above (their references are
       still owned by the caller's array): release them now. */
    for (i = 0; i < nkw; i++) {
        Py_DECREF(args[argcount + i]);
    }
    return 0;

fail:
    for (i = consumed; i < argcount + nkw; i++) {
        Py_DECREF(args[i]);
    }
    return -1;
}

/* ---- error messages ----------------------------------------------------------- */

void _PyEval_FormatExcCheckArg(PyThreadState *tstate, PyObject *exc,
                               const char *format, PyObject *name)
{
    const char *text = PyUnicode_AsUTF8(name);
    if (text == NULL) {
        return;
    }
    _PyErr_Format(tstate, exc, format, text);
    if (exc == PyExc_NameError) {
        PyObject *value = PyErr_GetRaisedException();
        if (value != NULL && PyObject_SetAttrString(value, "name", name) < 0) {
            PyErr_Clear();
        }
        PyErr_SetRaisedException(value);
    }
}

void _PyEval_FormatUnboundLocal(PyCodeObject *code, int index)
{
    PyObject *name = PyTuple_GET_ITEM(code->co_localsplusnames, index);
    _PyEval_FormatExcCheckArg(_PyThreadState_GET(), PyExc_UnboundLocalError,
                              "cannot access local variable '%s' where it is "
                              "not associated with a value", name);
}

void _PyEval_FormatUnboundDeref(PyCodeObject *code, int index)
{
    PyObject *name = PyTuple_GET_ITEM(code->co_localsplusnames, index);
    _PyLocals_Kind kind = _PyLocals_GetKind(code->co_localspluskinds, index);
    if (kind & CO_FAST_FREE) {
        _PyEval_FormatExcCheckArg(_PyThreadState_GET(), PyExc_NameError,
                                  "cannot access free variable '%s' where it is "
                                  "not associated with a value in enclosing "
                                  "scope", name);
    }
    else {
        _PyEval_FormatUnboundLocal(code, index);
    }
}

/* The callable as error messages about call arguments name it:
   "module.qualname()"; NULL with an exception set on failure. */
static PyObject *
func_str_for_error(PyObject *func)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *str = _PyObject_FunctionStr(func);
    if (str == NULL) {
        Py_XDECREF(exc);
        return NULL;
    }
    PyErr_SetRaisedException(exc);
    return str;
}

void _PyEval_FormatKwargsError(PyThreadState *tstate, PyObject *func,
                               PyObject *kwargs)
{
    if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
        PyErr_Clear();
        PyObject *funcstr = func_str_for_error(func);
        if (funcstr == NULL) {
            return;
        }
        _PyErr_Format(tstate, PyExc_TypeError,
                      "%U argument after ** must be a mapping, not %.200s",
                      funcstr, Py_TYPE(kwargs)->tp_name);
        Py_DECREF(funcstr);
    }
    else if (PyErr_ExceptionMatches(PyExc_KeyError)) {
        PyObject *exc = PyErr_GetRaisedException();
        PyObject *args = PyException_GetArgs(exc);
        PyObject *funcstr = func_str_for_error(func);
        if (funcstr == NULL) {
            Py_DECREF(exc);
        }
        else if (args != NULL && PyTuple_Check(args) && PyTuple_GET_SIZE(args) == 1) {
            PyObject *key = PyTuple_GET_ITEM(args, 0);
            if (PyUnicode_Check(key)) {
                _PyErr_Format(tstate, PyExc_TypeError,
                              "%U got multiple values for keyword "
                              "argument '%S'", funcstr, key);
            }
            else {
                _PyErr_Format(tstate, PyExc_TypeError,
                              "%U keywords must be strings", funcstr);
            }
            Py_DECREF(exc);
        }
        else {
            PyErr_SetRaisedException(exc);
        }
        Py_XDECREF(funcstr);
        Py_XDECREF(args);
    }
}

/* ---- names ------------------------------------------------------------------ */

PyObject *_PyEval_LoadGlobal(PyThreadState *tstate, PyObject *globals,
                             PyObject *builtins, PyObject *name)
{
    PyObject *v;
    /* A dict subclass as globals (exec, annotationlib's fake globals) is
       asked through __getitem__, so its __missing__ takes part. */
    int found = PyDict_CheckExact(globals)
        ? PyDict_GetItemRef(globals, name, &v)
        : PyMapping_GetOptionalItem(globals, name, &v);
    if (found != 0) {
        if (found > 0 && PyLazyImport_CheckExact(v)) {
            Py_SETREF(v, _PyLazyImport_ResolveInDict(globals, name, v));
        }
        return found < 0 ? NULL : v;
    }
    found = PyMapping_GetOptionalItem(builtins, name, &v);
    if (found != 0) {
        return found < 0 ? NULL : v;
    }
    _PyEval_FormatExcCheckArg(tstate, PyExc_NameError,
                              "name '%.200s' is not defined", name);
    return NULL;
}

PyObject *_PyEval_LoadName(PyThreadState *tstate, _PyInterpreterFrame *frame,
                           PyObject *name)
{
    PyObject *locals = frame->f_locals;
    if (locals == NULL) {
        _PyErr_Format(tstate, PyExc_SystemError,
                      "no locals found when loading %R", name);
        return NULL;
    }
    PyObject *v;
    int found = PyMapping_GetOptionalItem(locals, name, &v);
    if (found != 0) {
        if (found > 0 && PyLazyImport_CheckExact(v)) {
            Py_SETREF(v, _PyLazyImport_ResolveInDict(locals, name, v));
        }
        return found < 0 ? NULL : v;
    }
    return _PyEval_LoadGlobal(tstate, frame->f_globals, frame->f_builtins, name);
}

/* Method calls avoid creating a bound method when the attribute is a
   plain function (or method descriptor) found on the type and not
   shadowed by the instance. */
int _PyEval_LoadMethod(PyObject *obj, PyObject *name, PyObject **method)
{
    PyTypeObject *type = Py_TYPE(obj);
    *method = NULL;
    if (type->tp_getattro != PyObject_GenericGetAttr || !PyUnicode_Check(name)) {
        *method = PyObject_GetAttr(obj, name);
        return 0;
    }
    /* A new reference: in the free-threaded build another thread may
       replace the class attribute (and drop the old one) at any time. */
    PyObject *descr = _PyType_LookupRef(type, name);
    if (descr == NULL
            || !PyType_HasFeature(Py_TYPE(descr), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
        Py_XDECREF(descr);
        *method = PyObject_GetAttr(obj, name);
        return 0;
    }
    if (type->tp_dictoffset != 0) {
        /* Without making a dict for an instance keeping values. */
        PyObject *attr;
        int found = _PyObject_LookupInstanceAttr(obj, name, &attr);
        if (found != 0) {
            Py_DECREF(descr);
            *method = found < 0 ? NULL : attr;
            return 0;
        }
    }
    *method = descr;
    return 1;
}

/* super(cls, self).name for the builtin super and an instance self of
   cls, found in the MRO of type(self) after cls: what super_getattro
   returns for the super object LOAD_SUPER_ATTR would make, without
   making it (nor, for a method, the bound method).  Anything else (a
   rebound `super`, self a class or not an instance of cls, `__class__`,
   a name found on the super object itself, error messages) is left to
   the generic path.  The MRO walk is _PyType_LookupAfter's, which
   super_getattro uses, with its thread-safety. */
int _PyEval_SuperLookup(PyObject *global_super, PyObject *cls, PyObject *self,
                        PyObject *name, int method, PyObject **res)
{
    *res = NULL;
    if (global_super != (PyObject *)&PySuper_Type || !PyType_Check(cls)
            || self == Py_None || PyType_Check(self)
            || !PyUnicode_CheckExact(name)
            || _PyUnicode_EqualToASCIIString(name, "__class__")) {
        return 0;
    }
    PyTypeObject *start = Py_TYPE(self);
    if (!PyType_IsSubtype(start, (PyTypeObject *)cls)) {
        return 0;
    }
    PyObject *attr = _PyType_LookupAfter(start, (PyTypeObject *)cls, name);
    if (attr == NULL) {
        return PyErr_Occurred() ? -1 : 0;
    }
    if (method && PyType_HasFeature(Py_TYPE(attr), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
        *res = attr;
        return 2;
    }
    descrgetfunc get = Py_TYPE(attr)->tp_descr_get;
    if (get != NULL) {
        Py_SETREF(attr, get(attr, self, (PyObject *)start));
        if (attr == NULL) {
            return -1;
        }
    }
    *res = attr;
    return 1;
}

/* Whether type has both methods of the other context manager protocol
   (the asynchronous one for a `with`, the plain one for `async with`),
   which turns the error into a suggestion. */
static int supports_other_protocol(PyTypeObject *type, int async)
{
    const char *enter = async ? "__enter__" : "__aenter__";
    const char *exit = async ? "__exit__" : "__aexit__";
    int found = 1;
    for (int i = 0; i < 2 && found; i++) {
        PyObject *name = PyUnicode_InternFromString(i == 0 ? enter : exit);
        if (name == NULL) {
            PyErr_Clear();
            return 0;
        }
        found = _PyType_Lookup(type, name) != NULL;
        Py_DECREF(name);
    }
    return found;
}

/* The compiler loads __exit__ (__aexit__) before __enter__ (__aenter__),
   so an object with neither is reported as missing the exit method, as
   in CPython 3.14. */
int _PyEval_LoadSpecial(PyObject *obj, int oparg, PyObject **method)
{
    static const char *const names[] = {
        "__enter__", "__exit__", "__aenter__", "__aexit__",
    };
    *method = NULL;
    if (oparg < 0 || oparg > SPECIAL_MAX) {
        PyErr_SetString(PyExc_SystemError, "bad LOAD_SPECIAL oparg");
        return 0;
    }
    PyObject *name = PyUnicode_InternFromString(names[oparg]);
    if (name == NULL) {
        return 0;
    }
    PyObject *descr = _PyType_Lookup(Py_TYPE(obj), name);
    Py_DECREF(name);
    if (descr == NULL) {
        int async = oparg >= SPECIAL___AENTER__;
        const char *hint = "";
        if (supports_other_protocol(Py_TYPE(obj), async)) {
            hint = async
                ? " but it supports the context manager protocol. "
                  "Did you mean to use 'with'?"
                : " but it supports the asynchronous context manager protocol. "
                  "Did you mean to use 'async with'?";
        }
        PyErr_Format(PyExc_TypeError,
                     "'%T' object does not support the %scontext manager "
                     "protocol (missed %s method)%s",
                     obj, async ? "asynchronous " : "", names[oparg], hint);
        return 0;
    }
    if (PyType_HasFeature(Py_TYPE(descr), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
        *method = Py_NewRef(descr);
        return 1;
    }
    descrgetfunc get = Py_TYPE(descr)->tp_descr_get;
    *method = get ? get(descr, obj, (PyObject *)Py_TYPE(obj)) : Py_NewRef(descr);
    return 0;
}

/* ---- operators ---------------------------------------------------------------- */

PyObject *_PyEval_BinaryOp(int oparg, PyObject *lhs, PyObject *rhs)
{
    switch (oparg) {
    case NB_ADD: return PyNumber_Add(lhs, rhs);
    case NB_AND: return PyNumber_And(lhs, rhs);
    case NB_FLOOR_DIVIDE: return PyNumber_FloorDivide(lhs, rhs);
    case NB_LSHIFT: return PyNumber_Lshift(lhs, rhs);
    case NB_MATRIX_MULTIPLY: return PyNumber_MatrixMultiply(lhs, rhs);
    case NB_MULTIPLY: return PyNumber_Multiply(lhs, rhs);
    case NB_REMAINDER: return PyNumber_Remainder(lhs, rhs);
    case NB_OR: return PyNumber_Or(lhs, rhs);
    case NB_POWER: return PyNumber_Power(lhs, rhs, Py_None);
    case NB_RSHIFT: return PyNumber_Rshift(lhs, rhs);
    case NB_SUBTRACT: return PyNumber_Subtract(lhs, rhs);
    case NB_TRUE_DIVIDE: return PyNumber_TrueDivide(lhs, rhs);
    case NB_XOR: return PyNumber_Xor(lhs, rhs);
    case NB_INPLACE_ADD: return PyNumber_InPlaceAdd(lhs, rhs);
    case NB_INPLACE_AND: return PyNumber_InPlaceAnd(lhs, rhs);
    case NB_INPLACE_FLOOR_DIVIDE: return PyNumber_InPlaceFloorDivide(lhs, rhs);
    case NB_INPLACE_LSHIFT: return PyNumber_InPlaceLshift(lhs, rhs);
    case NB_INPLACE_MATRIX_MULTIPLY:
        return PyNumber_InPlaceMatrixMultiply(lhs, rhs);
    case NB_INPLACE_MULTIPLY: return PyNumber_InPlaceMultiply(lhs, rhs);
    case NB_INPLACE_REMAINDER: return PyNumber_InPlaceRemainder(lhs, rhs);
    case NB_INPLACE_OR: return PyNumber_InPlaceOr(lhs, rhs);
    case NB_INPLACE_POWER: return PyNumber_InPlacePower(lhs, rhs, Py_None);
    case NB_INPLACE_RSHIFT: return PyNumber_InPlaceRshift(lhs, rhs);
    case NB_INPLACE_SUBTRACT: return PyNumber_InPlaceSubtract(lhs, rhs);
    case NB_INPLACE_TRUE_DIVIDE: return PyNumber_InPlaceTrueDivide(lhs, rhs);
    case NB_INPLACE_XOR: return PyNumber_InPlaceXor(lhs, rhs);
    case NB_SUBSCR: return PyObject_GetItem(lhs, rhs);
    }
    PyErr_SetString(PyExc_SystemError, "bad BINARY_OP oparg");
    return NULL;
}

/* ---- unpacking ------------------------------------------------------------------ */

int _PyEval_UnpackIterable(PyThreadState *tstate, PyObject *seq, int argcnt,
                           int argcntafter, PyObject **top)
{
    int i = 0;
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)
                && Py_TYPE(seq)->tp_iter == NULL && !PySequence_Check(seq)) {
            PyErr_Clear();
            _PyErr_Format(tstate, PyExc_TypeError,
                          "cannot unpack non-iterable %.200s object",
                          Py_TYPE(seq)->tp_name);
        }
        return 0;
    }
    for (; i < argcnt; i++) {
        PyObject *w = PyIter_Next(it);
        if (w == NULL) {
            if (!PyErr_Occurred()) {
                if (argcntafter == -1) {
                    _PyErr_Format(tstate, PyExc_ValueError,
                                  "not enough values to unpack "
                                  "(expected %d, got %d)", argcnt, i);
                }
                else {
                    _PyErr_Format(tstate, PyExc_ValueError,
                                  "not enough values to unpack "
                                  "(expected at least %d, got %d)",
                                  argcnt + argcntafter, i);
                }
            }
            goto error;
        }
        *--top = w;
    }
    if (argcntafter == -1) {
        PyObject *w = PyIter_Next(it);
        if (w == NULL) {
            if (PyErr_Occurred()) {
                goto error;
            }
            Py_DECREF(it);
            return 1;
        }
        Py_DECREF(w);
        Py_ssize_t len;
        if (PyList_CheckExact(seq) || PyTuple_CheckExact(seq)
                || PyDict_CheckExact(seq)) {
            len = PyObject_Size(seq);
            _PyErr_Format(tstate, PyExc_ValueError,
                          "too many values to unpack (expected %d, got %zd)",
                          argcnt, len);
        }
        else {
            _PyErr_Format(tstate, PyExc_ValueError,
                          "too many values to unpack (expected %d)", argcnt);
        }
        goto error;
    }
    PyObject *l = PySequence_List(it);
    if (l == NULL) {
        goto error;
    }
    *--top = l;
    i++;
    Py_ssize_t ll = PyList_GET_SIZE(l);
    if (ll < argcntafter) {
        _PyErr_Format(tstate, PyExc_ValueError,
                      "not enough values to unpack (expected at least %d, got %zd)",
                      argcnt + argcntafter, argcnt + ll);
        goto error;
    }
    for (Py_ssize_t j = argcntafter; j > 0; j--, i++) {
        *--top = Py_NewRef(PyList_GET_ITEM(l, ll - j));
    }
    /* Shrink the starred list to what it keeps. */
    if (PyList_SetSlice(l, ll - argcntafter, ll, NULL) < 0) {
        goto error;
    }
    Py_DECREF(it);
    return 1;

error:
    for (; i > 0; i--, top++) {
        Py_DECREF(*top);
    }
    Py_DECREF(it);
    return 0;
}

PyObject *_PyEval_GetYieldFromIter(PyCodeObject *code, PyObject *iterable)
{
    if (PyCoro_CheckExact(iterable)) {
        if (!(code->co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
            PyErr_SetString(PyExc_TypeError,
                            "cannot 'yield from' a coroutine object in a "
                            "non-coroutine generator");
            return NULL;
        }
        return Py_NewRef(iterable);
    }
    if (PyGen_CheckExact(iterable)) {
        return Py_NewRef(iterable);
    }
    return PyObject_GetIter(iterable);
}

/* ---- calls ------------------------------------------------------------------------ */

PyObject *_PyEval_CallFunctionEx(PyThreadState *tstate, PyObject *func,
                                 PyObject *callargs, PyObject *kwargs)
{
    PyObject *args;
    if (PyTuple_CheckExact(callargs)) {
        args = Py_NewRef(callargs);
    }
    else {
        if (Py_TYPE(callargs)->tp_iter == NULL && !PySequence_Check(callargs)) {
            PyObject *funcstr = func_str_for_error(func);
            if (funcstr != NULL) {
                _PyErr_Format(tstate, PyExc_TypeError,
                              "%U argument after * must be an iterable, "
                              "not %.200s", funcstr, Py_TYPE(callargs)->tp_name);
                Py_DECREF(funcstr);
            }
            return NULL;
        }
        args = PySequence_Tuple(callargs);
        if (args == NULL) {
            return NULL;
        }
    }
    PyObject *kw = NULL;
    if (kwargs != NULL && !PyDict_CheckExact(kwargs)) {
        kw = PyDict_New();
        if (kw == NULL || _PyDict_MergeEx(kw, kwargs, 2) < 0) {
            if (kw != NULL) {
                _PyEval_FormatKwargsError(tstate, func, kwargs);
            }
            Py_XDECREF(kw);
            Py_DECREF(args);
            return NULL;
        }
    }
    else {
        kw = Py_XNewRef(kwargs);
    }
    PyObject *res = PyObject_Call(func, args, kw);
    Py_DECREF(args);
    Py_XDECREF(kw);
    return res;
}

/* ---- intrinsics --------------------------------------------------------------------- */

static int import_all_from(PyThreadState *tstate, PyObject *locals, PyObject *v)
{
    PyObject *all;
    int skip_leading_underscores = 0;
    if (PyObject_GetOptionalAttrString(v, "__all__", &all) < 0) {
        return -1;
    }
    if (all == NULL) {
        PyObject *dict;
        if (PyObject_GetOptionalAttrString(v, "__dict__", &dict) < 0) {
            return -1;
        }
        if (dict == NULL) {
            _PyErr_Format(tstate, PyExc_ImportError,
                          "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = PyMapping_Keys(dict);
        Py_DECREF(dict);
        if (all == NULL) {
            return -1;
        }
        skip_leading_underscores = 1;
    }
    int err = 0;
    for (Py_ssize_t pos = 0; err == 0; pos++) {
        PyObject *name = PySequence_GetItem(all, pos);
        if (name == NULL) {
            if (PyErr_ExceptionMatches(PyExc_IndexError)) {
                PyErr_Clear();
            }
            else {
                err = -1;
            }
            break;
        }
        if (!PyUnicode_Check(name)) {
            _PyErr_Format(tstate, PyExc_TypeError,
                          "%s in %s must be str, not %.100s",
                          skip_leading_underscores ? "Key" : "Item",
                          skip_leading_underscores ? "__dict__" : "__all__",
                          Py_TYPE(name)->tp_name);
            Py_DECREF(name);
            err = -1;
            break;
        }
        if (skip_leading_underscores && PyUnicode_READ_CHAR(name, 0) == '_') {
            Py_DECREF(name);
            continue;
        }
        PyObject *value = PyObject_GetAttr(v, name);
        if (value == NULL) {
            err = -1;
        }
        else {
            err = PyObject_SetItem(locals, name, value);
            Py_DECREF(value);
        }
        Py_DECREF(name);
    }
    Py_DECREF(all);
    return err;
}

PyObject *_PyEval_CallIntrinsic1(PyThreadState *tstate,
                                 _PyInterpreterFrame *frame, int oparg,
                                 PyObject *value)
{
    switch (oparg) {
    case INTRINSIC_PRINT: {
        PyObject *hook = PySys_GetObject("displayhook");
        if (hook == NULL) {
            _PyErr_Format(tstate, PyExc_RuntimeError, "lost sys.displayhook");
            return NULL;
        }
        return PyObject_CallOneArg(hook, value);
    }
    case INTRINSIC_IMPORT_STAR: {
        if (frame->f_locals == NULL) {
            _PyErr_Format(tstate, PyExc_SystemError,
                          "no locals found during 'import *'");
            return NULL;
        }
        if (import_all_from(tstate, frame->f_locals, value) < 0) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    case INTRINSIC_STOPITERATION_ERROR: {
        /* PEP 479: StopIteration escaping a generator body. */
        PyCodeObject *code = _PyFrame_GetCode(frame);
        const char *msg = NULL;
        if (PyErr_GivenExceptionMatches(value, PyExc_StopIteration)) {
            msg = code->co_flags & CO_ASYNC_GENERATOR
                  ? "async generator raised StopIteration"
                  : code->co_flags & CO_COROUTINE
                  ? "coroutine raised StopIteration"
                  : "generator raised StopIteration";
        }
        else if ((code->co_flags & CO_ASYNC_GENERATOR)
                 && PyErr_GivenExceptionMatches(value, PyExc_StopAsyncIteration)) {
            msg = "async generator raised StopAsyncIteration";
        }
        if (msg == NULL) {
            return Py_NewRef(value);
        }
        PyObject *message = PyUnicode_FromString(msg);
        PyObject *error = message
            ? PyObject_CallOneArg(PyExc_RuntimeError, message) : NULL;
        Py_XDECREF(message);
        if (error == NULL) {
            return NULL;
        }
        PyException_SetCause(error, Py_NewRef(value));
        PyException_SetContext(error, Py_NewRef(value));
        return error;
    }
    case INTRINSIC_ASYNC_GEN_WRAP:
        return _PyAsyncGenValueWrapperNew(value);
    case INTRINSIC_UNARY_POSITIVE:
        return PyNumber_Positive(value);
    case INTRINSIC_LIST_TO_TUPLE:
        return PyList_AsTuple(value);
    /* PEP 695 (typ): Objects/typevarobject.c */
    case INTRINSIC_SUBSCRIPT_GENERIC:
        return _Py_subscript_generic(value);
    case INTRINSIC_TYPEVAR:
        return _Py_make_typevar(value, NULL, NULL);
    case INTRINSIC_PARAMSPEC:
        return _Py_make_paramspec(value);
    case INTRINSIC_TYPEVARTUPLE:
        return _Py_make_typevartuple(value);
    case INTRINSIC_TYPEALIAS:
        return _Py_make_typealias(value);
    }
    _PyErr_Format(tstate, PyExc_SystemError, "bad CALL_INTRINSIC_1 oparg");
    return NULL;
}

PyObject *_PyEval_CallIntrinsic2(PyThreadState *tstate, int oparg,
                                 PyObject *value2, PyObject *value1)
{
    switch (oparg) {
    case INTRINSIC_PREP_RERAISE_STAR:
        return PyUnstable_Exc_PrepReraiseStar(value2, value1);
    case INTRINSIC_SET_FUNCTION_TYPE_PARAMS:
        if (PyFunction_Check(value2)) {
            PyFunctionObject *f = (PyFunctionObject *)value2;
            Py_XSETREF(f->func_typeparams, Py_NewRef(value1));
        }
        return Py_NewRef(value2);
    /* PEP 695 (typ): Objects/typevarobject.c */
    case INTRINSIC_TYPEVAR_WITH_BOUND:
        return _Py_make_typevar(value2, value1, NULL);
    case INTRINSIC_TYPEVAR_WITH_CONSTRAINTS:
        return _Py_make_typevar(value2, NULL, value1);
    case INTRINSIC_SET_TYPEPARAM_DEFAULT:
        return _Py_set_typeparam_default(value2, value1);
    }
    _PyErr_Format(tstate, PyExc_SystemError, "bad CALL_INTRINSIC_2 oparg");
    return NULL;
}

/* ---- imports ----------------------------------------------------------------------- */

PyObject *_PyEval_CallImport(PyObject *builtins, PyObject *globals,
                             PyObject *locals, PyObject *name,
                             PyObject *fromlist, PyObject *level)
{
    PyObject *import_func;
    /* `builtins` may be any mapping (see _PyEval_BuiltinsFromGlobals). */
    int found = PyMapping_GetOptionalItem(builtins, _Py_INTERNED_ID(__import__),
                                          &import_func);
    if (found < 0) {
        return NULL;
    }
    if (!found) {
        PyErr_SetString(PyExc_ImportError, "__import__ not found");
        return NULL;
    }
    PyObject *stack[5] = {name, globals, locals ? locals : Py_None, fromlist,
                          level};
    PyObject *res = PyObject_Vectorcall(import_func, stack, 5, NULL);
    Py_DECREF(import_func);
    return res;
}

PyObject *_PyEval_ImportName(PyThreadState *tstate, _PyInterpreterFrame *frame,
                             PyObject *name, PyObject *fromlist,
                             PyObject *level)
{
    (void)tstate;
    return _PyEval_CallImport(frame->f_builtins, frame->f_globals,
                              frame->f_locals, name, fromlist, level);
}

/* IMPORT_NAME: `mode` says whether the statement may be lazy (PEP 810). */
PyObject *_PyEval_ImportNameMaybeLazy(PyThreadState *tstate,
                                      _PyInterpreterFrame *frame,
                                      PyObject *name, PyObject *fromlist,
                                      PyObject *level, int mode)
{
    if (mode != _PyImport_EAGER) {
        int lazy = _PyImport_IsLazy(frame->f_globals, name, fromlist, level,
                                    mode);
        if (lazy < 0) {
            return NULL;
        }
        if (lazy) {
            return _PyLazyImport_New(frame, name, fromlist, level);
        }
    }
    return _PyEval_ImportName(tstate, frame, name, fromlist, level);
}

PyObject *_PyEval_ImportFrom(PyThreadState *tstate, PyObject *module,
                             PyObject *name)
{
    if (PyLazyImport_CheckExact(module)) {
        return _PyLazyImport_NewAttribute(module, name);
    }
    PyObject *x;
    if (PyObject_GetOptionalAttr(module, name, &x) != 0) {
        return x;
    }
    /* A submodule imported during a circular import may be in
       sys.modules before it is set as an attribute. */
    PyObject *pkgname;
    if (PyObject_GetOptionalAttrString(module, "__name__", &pkgname) < 0) {
        return NULL;
    }
    if (pkgname != NULL && PyUnicode_Check(pkgname)) {
        PyObject *fullname = PyUnicode_FromFormat("%U.%U", pkgname, name);
        if (fullname != NULL) {
            PyObject *mod;
            int hit = PyDict_GetItemRef(tstate->interp->modules, fullname, &mod);
            Py_DECREF(fullname);
            if (hit != 0) {
                Py_DECREF(pkgname);
                return hit < 0 ? NULL : mod;
            }
        }
    }
    if (pkgname == NULL || !PyUnicode_Check(pkgname)) {
        Py_XSETREF(pkgname, PyUnicode_FromString("<unknown module name>"));
    }
    PyObject *path;
    if (PyObject_GetOptionalAttrString(module, "__file__", &path) < 0) {
        PyErr_Clear();
    }
    PyObject *msg = path && PyUnicode_Check(path)
        ? PyUnicode_FromFormat("cannot import name %R from %R (%U)", name,
                               pkgname, path)
        : PyUnicode_FromFormat("cannot import name %R from %R (unknown location)",
                               name, pkgname);
    if (msg != NULL) {
        PyObject *exc = PyObject_CallOneArg(PyExc_ImportError, msg);
        if (exc != NULL) {
            PyObject_SetAttrString(exc, "name", pkgname);
            PyObject_SetAttrString(exc, "name_from", name);
            PyErr_SetObject(PyExc_ImportError, exc);
            Py_DECREF(exc);
        }
        Py_DECREF(msg);
    }
    Py_XDECREF(path);
    Py_XDECREF(pkgname);
    return NULL;
}

/* ---- raising and matching exceptions -------------------------------------------- */

int _PyEval_DoRaise(PyThreadState *tstate, PyObject *exc, PyObject *cause)
{
    PyObject *type = NULL, *value = NULL;
    if (exc == NULL) {
        PyObject *handled = tstate->exc_info_value;
        if (handled == NULL || handled == Py_None) {
            _PyErr_Format(tstate, PyExc_RuntimeError,
                          "No active exception to reraise");
            return 0;
        }
        PyErr_SetRaisedException(Py_NewRef(handled));
        return 1;
    }
    if (PyExceptionClass_Check(exc)) {
        type = exc;             /* takes over exc's reference */
        exc = NULL;
        value = PyObject_CallNoArgs(type);
        if (value == NULL) {
            goto raise_error;
        }
        if (!PyExceptionInstance_Check(value)) {
            _PyErr_Format(tstate, PyExc_TypeError,
                          "calling %R should have returned an instance of "
                          "BaseException, not %R", type, Py_TYPE(value));
            goto raise_error;
        }
    }
    else if (PyExceptionInstance_Check(exc)) {
        value = exc;
        type = (PyObject *)Py_TYPE(exc);
        Py_INCREF(type);
        exc = NULL;
    }
    else {
        Py_DECREF(exc);
        Py_XDECREF(cause);
        _PyErr_Format(tstate, PyExc_TypeError,
                      "exceptions must derive from BaseException");
        return 0;
    }
    if (cause != NULL) {
        PyObject *fixed_cause;
        if (PyExceptionClass_Check(cause)) {
            fixed_cause = PyObject_CallNoArgs(cause);
            if (fixed_cause == NULL) {
                goto raise_error;
            }
            if (!PyExceptionInstance_Check(fixed_cause)) {
                _PyErr_Format(tstate, PyExc_TypeError,
                              "calling %R should have returned an instance of "
                              "BaseException, not %R", cause,
                              Py_TYPE(fixed_cause));
                Py_DECREF(fixed_cause);
                goto raise_error;
            }
            Py_DECREF(cause);
        }
        else if (PyExceptionInstance_Check(cause)) {
            fixed_cause = cause;
        }
        else if (cause == Py_None) {
            Py_DECREF(cause);
            fixed_cause = NULL;
        }
        else {
            _PyErr_Format(tstate, PyExc_TypeError,
                          "exception causes must derive from BaseException");
            goto raise_error;
        }
        cause = NULL;
        PyException_SetCause(value, fixed_cause);
    }
    PyErr_SetObject(type, value);
    Py_DECREF(value);
    Py_DECREF(type);
    Py_XDECREF(exc);
    return 0;

raise_error:
    Py_XDECREF(value);
    Py_XDECREF(type);
    Py_XDECREF(exc);
    Py_XDECREF(cause);
    return 0;
}

static const char CANNOT_CATCH_MSG[] =
    "catching classes that do not inherit from BaseException is not allowed";

int _PyEval_CheckExceptTypeValid(PyThreadState *tstate, PyObject *right)
{
    if (PyTuple_Check(right)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(right); i++) {
            if (!PyExceptionClass_Check(PyTuple_GET_ITEM(right, i))) {
                _PyErr_Format(tstate, PyExc_TypeError, CANNOT_CATCH_MSG);
                return -1;
            }
        }
    }
    else if (!PyExceptionClass_Check(right)) {
        _PyErr_Format(tstate, PyExc_TypeError, CANNOT_CATCH_MSG);
        return -1;
    }
    return 0;
}

int _PyEval_CheckExceptStarTypeValid(PyThreadState *tstate, PyObject *right)
{
    if (_PyEval_CheckExceptTypeValid(tstate, right) < 0) {
        return -1;
    }
    int is_group = PyTuple_Check(right)
        ? 0 : PyObject_IsSubclass(right, PyExc_BaseExceptionGroup);
    if (PyTuple_Check(right)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(right) && !is_group; i++) {
            is_group = PyObject_IsSubclass(PyTuple_GET_ITEM(right, i),
                                           PyExc_BaseExceptionGroup);
            if (is_group < 0) {
                return -1;
            }
        }
    }
    if (is_group < 0) {
        return -1;
    }
    if (is_group) {
        _PyErr_Format(tstate, PyExc_TypeError,
                      "catching ExceptionGroup with except* is not allowed. "
                      "Use except instead.");
        return -1;
    }
    return 0;
}

int _PyEval_ExceptionGroupMatch(_PyInterpreterFrame *frame, PyObject *exc_value,
                                PyObject *match_type, PyObject **match,
                                PyObject **rest)
{
    if (Py_IsNone(exc_value)) {
        *match = Py_NewRef(Py_None);
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    if (PyErr_GivenExceptionMatches(exc_value, match_type)) {
        /* A naked exception that matches is wrapped in a group. */
        int is_eg = _PyBaseExceptionGroup_Check(exc_value);
        if (is_eg) {
            *match = Py_NewRef(exc_value);
        }
        else {
            PyObject *excs = PyTuple_Pack(1, exc_value);
            PyObject *wrapped = excs
                ? PyObject_CallFunction(PyExc_BaseExceptionGroup, "sO", "", excs)
                : NULL;
            Py_XDECREF(excs);
            if (wrapped == NULL) {
                return -1;
            }
            PyFrameObject *f = _PyFrame_GetFrameObject(frame);
            if (f != NULL) {
                PyObject *tb = PyException_GetTraceback(exc_value);
                PyException_SetTraceback(wrapped, tb ? tb : Py_None);
                Py_XDECREF(tb);
            }
            *match = wrapped;
        }
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    if (_PyBaseExceptionGroup_Check(exc_value)) {
        PyObject *pair = PyObject_CallMethod(exc_value, "split", "(O)", match_type);
        if (pair == NULL) {
            return -1;
        }
        if (!PyTuple_CheckExact(pair) || PyTuple_GET_SIZE(pair) != 2) {
            PyErr_Format(PyExc_TypeError,
                         "%.200s.split must return a 2-tuple, got %.200s",
                         Py_TYPE(exc_value)->tp_name, Py_TYPE(pair)->tp_name);
            Py_DECREF(pair);
            return -1;
        }
        *match = Py_NewRef(PyTuple_GET_ITEM(pair, 0));
        *rest = Py_NewRef(PyTuple_GET_ITEM(pair, 1));
        Py_DECREF(pair);
        return 0;
    }
    *match = Py_NewRef(Py_None);
    *rest = Py_NewRef(exc_value);
    return 0;
}

/* ---- async iteration ------------------------------------------------------------ */

PyObject *_PyEval_GetAwaitable(PyObject *obj, int oparg)
{
    PyObject *iter = _PyCoro_GetAwaitableIter(obj);
    if (iter == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError) && oparg != 0) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError,
                         "'async with' received an object from __a%s__ that "
                         "does not implement __await__: %.100s",
                         oparg == GET_AWAITABLE_AENTER ? "enter" : "exit",
                         Py_TYPE(obj)->tp_name);
        }
        return NULL;
    }
    if (PyCoro_CheckExact(iter) && _PyGen_YieldFrom(iter) != NULL) {
        Py_DECREF(iter);
        PyErr_SetString(PyExc_RuntimeError, "coroutine is being awaited already");
        return NULL;
    }
    return iter;
}

PyObject *_PyEval_GetAIter(PyObject *obj)
{
    PyTypeObject *type = Py_TYPE(obj);
    if (type->tp_as_async == NULL || type->tp_as_async->am_aiter == NULL) {
        PyErr_Format(PyExc_TypeError,
                     "'async for' requires an object with __aiter__ method, "
                     "got %.100s", type->tp_name);
        return NULL;
    }
    PyObject *iter = type->tp_as_async->am_aiter(obj);
    if (iter == NULL) {
        return NULL;
    }
    if (Py_TYPE(iter)->tp_as_async == NULL
            || Py_TYPE(iter)->tp_as_async->am_anext == NULL) {
        PyErr_Format(PyExc_TypeError,
                     "'async for' received an object from __aiter__ that does "
                     "not implement __anext__: %.100s", Py_TYPE(iter)->tp_name);
        Py_DECREF(iter);
        return NULL;
    }
    return iter;
}

PyObject *_PyEval_GetANext(PyObject *aiter)
{
    PyTypeObject *type = Py_TYPE(aiter);
    if (type->tp_as_async == NULL || type->tp_as_async->am_anext == NULL) {
        PyErr_Format(PyExc_TypeError,
                     "'async for' requires an iterator with __anext__ method, "
                     "got %.100s", type->tp_name);
        return NULL;
    }
    PyObject *next = type->tp_as_async->am_anext(aiter);
    if (next == NULL) {
        return NULL;
    }
    PyObject *awaitable = _PyCoro_GetAwaitableIter(next);
    if (awaitable == NULL) {
        /* The reason the object is not awaitable becomes the cause. */
        _PyErr_FormatFromCause(PyExc_TypeError,
                               "'async for' received an invalid object from "
                               "__anext__: %.100s", Py_TYPE(next)->tp_name);
    }
    Py_DECREF(next);
    return awaitable;
}

/* ---- pattern matching ------------------------------------------------------------ */

PyObject *_PyEval_MatchKeys(PyThreadState *tstate, PyObject *map, PyObject *keys)
{
    Py_ssize_t nkeys = PyTuple_GET_SIZE(keys);
    if (nkeys == 0) {
        return PyTuple_New(0);
    }
    PyObject *get = PyObject_GetAttrString(map, "get");
    if (get == NULL) {
        return NULL;
    }
    PyObject *dummy = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type);
    PyObject *seen = PySet_New(NULL);
    PyObject *values = PyList_New(0);
    if (dummy == NULL || seen == NULL || values == NULL) {
        goto fail;
    }
    for (Py_ssize_t i = 0; i < nkeys; i++) {
        PyObject *key = PyTuple_GET_ITEM(keys, i);
        int dup = PySet_Contains(seen, key);
        if (dup < 0 || PySet_Add(seen, key) < 0) {
            goto fail;
        }
        if (dup) {
            _PyErr_Format(tstate, PyExc_ValueError,
                          "mapping pattern checks duplicate key (%R)", key);
            goto fail;
        }
        PyObject *value = PyObject_CallFunctionObjArgs(get, key, dummy, NULL);
        if (value == NULL) {
            goto fail;
        }
        if (value == dummy) {
            Py_DECREF(value);
            Py_DECREF(values);
            values = Py_NewRef(Py_None);
            goto done;
        }
        int err = PyList_Append(values, value);
        Py_DECREF(value);
        if (err < 0) {
            goto fail;
        }
    }
    Py_SETREF(values, PyList_AsTuple(values));
done:
    Py_DECREF(get);
    Py_DECREF(dummy);
    Py_DECREF(seen);
    return values;
fail:
    Py_XDECREF(get);
    Py_XDECREF(dummy);
    Py_XDECREF(seen);
    Py_XDECREF(values);
    return NULL;
}

/* subject.<name>, or NULL without an exception when missing; names seen
   twice are an error. */
static PyObject *match_class_attr(PyThreadState *tstate, PyObject *subject,
                                  PyObject *type, PyObject *name, PyObject *seen)
{
    int dup = PySet_Contains(seen, name);
    if (dup < 0 || (!dup && PySet_Add(seen, name) < 0)) {
        return NULL;
    }
    if (dup) {
        _PyErr_Format(tstate, PyExc_TypeError,
                      "%s() got multiple sub-patterns for attribute %R",
                      ((PyTypeObject *)type)->tp_name, name);
        return NULL;
    }
    PyObject *attr;
    (void)PyObject_GetOptionalAttr(subject, name, &attr);
    return attr;
}

PyObject *_PyEval_MatchClass(PyThreadState *tstate, PyObject *subject,
                             PyObject *type, Py_ssize_t nargs, PyObject *kwargs)
{
    if (!PyType_Check(type)) {
        _PyErr_Format(tstate, PyExc_TypeError,
                      "class pattern must refer to a class");
        return NULL;
    }
    int is_instance = PyObject_IsInstance(subject, type);
    if (is_instance <= 0) {
        return NULL;
    }
    PyObject *seen = PySet_New(NULL);
    PyObject *attrs = PyList_New(0);
    PyObject *match_args = NULL;
    if (seen == NULL || attrs == NULL) {
        goto fail;
    }
    if (nargs > 0) {
        int match_self = 0;
        if (PyObject_GetOptionalAttrString(type, "__match_args__",
                                           &match_args) < 0) {
            goto fail;
        }
        if (match_args != NULL) {
            if (!PyTuple_CheckExact(match_args)) {
                _PyErr_Format(tstate, PyExc_TypeError,
                              "%s.__match_args__ must be a tuple (got %s)",
                              ((PyTypeObject *)type)->tp_name,
                              Py_TYPE(match_args)->tp_name);
                goto fail;
            }
        }
        else {
            match_args = PyTuple_New(0);
            if (match_args == NULL) {
                goto fail;
            }
            static PyTypeObject *const self_match[] = {
                &PyBool_Type, &PyByteArray_Type, &PyBytes_Type, &PyDict_Type,
                &PyFloat_Type, &PyFrozenSet_Type, &PyLong_Type, &PyList_Type,
                &PySet_Type, &PyUnicode_Type, &PyTuple_Type,
            };
            for (size_t i = 0; i < sizeof(self_match) / sizeof(self_match[0]); i++) {
                if (PyType_IsSubtype((PyTypeObject *)type, self_match[i])) {
                    match_self = 1;
                }
            }
        }
        Py_ssize_t allowed = match_self ? 1 : PyTuple_GET_SIZE(match_args);
        if (allowed < nargs) {
            _PyErr_Format(tstate, PyExc_TypeError,
                          "%s() accepts %zd positional sub-pattern%s (%zd given)",
                          ((PyTypeObject *)type)->tp_name, allowed,
                          allowed == 1 ? "" : "s", nargs);
            goto fail;
        }
        if (match_self) {
            if (PyList_Append(attrs, subject) < 0) {
                goto fail;
            }
        }
        else {
            for (Py_ssize_t i = 0; i < nargs; i++) {
                PyObject *name = PyTuple_GET_ITEM(match_args, i);
                if (!PyUnicode_CheckExact(name)) {
                    _PyErr_Format(tstate, PyExc_TypeError,
                                  "__match_args__ elements must be strings "
                                  "(got %s)", Py_TYPE(name)->tp_name);
                    goto fail;
                }
                PyObject *attr = match_class_attr(tstate, subject, type, name, seen);
                if (attr == NULL || PyList_Append(attrs, attr) < 0) {
                    Py_XDECREF(attr);
                    goto fail;
                }
                Py_DECREF(attr);
            }
        }
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwargs); i++) {
        PyObject *name = PyTuple_GET_ITEM(kwargs, i);
        PyObject *attr = match_class_attr(tstate, subject, type, name, seen);
        if (attr == NULL || PyList_Append(attrs, attr) < 0) {
            Py_XDECREF(attr);
            goto fail;
        }
        Py_DECREF(attr);
    }
    Py_XDECREF(match_args);
    Py_DECREF(seen);
    Py_SETREF(attrs, PyList_AsTuple(attrs));
    return attrs;
fail:
    Py_XDECREF(match_args);
    Py_XDECREF(seen);
    Py_XDECREF(attrs);
    return NULL;
}
