/* The builtins module: functions that need only the object layer, the
   filter/map/zip iterator types, and the module's construction.  The
   functions that run code (compile, eval, exec, globals, locals, vars()
   without argument, __build_class__, __import__) live in
   Python/bltin_eval.c.

   Thread safety: the functions here keep no state of their own; every
   object they touch is protected by its own type's rules.  The iterator
   types below mutate only their own fields, and a zip/map/filter object
   shared between threads is guarded by its critical section. */
#include "Python.h"
#include "sysmodule.h"
#include "pycore_call.h"
#include "pycore_object.h"
#include "pycore_pystate.h"
#include "pycore_readline.h"      /* site/REPL: input() */
#include "bltinmodule.h"
#include "enumobject.h"
#include "cpython/funcobject.h"
#include "pycore_genobject.h"
#include "pycore_sysmodule.h"
#include "pycore_typeobject.h"
#include "pycore_tuple.h"
#include "pycore_unicodeobject.h"  /* io: _Py_LATIN1_CHR in print */

#include "pycore_ceval.h"
#include "pycore_exceptions.h"    /* _PyArg_UnexpectedKeyword */

/* ---- small helpers ---------------------------------------------------- */

/* sys.<name> as a new reference; RuntimeError "lost sys.<name>" when the
   attribute is missing. */
static PyObject *required_sys_attr(const char *name)
{
    PyObject *value = PySys_GetObject(name);
    if (value == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_RuntimeError, "lost sys.%s", name);
        }
        return NULL;
    }
    return Py_NewRef(value);
}

/* io: the interned name "write", made on first use; racing threads intern
   the same immortal string, so either published pointer is right. */
static PyObject *write_name(void)
{
    static PyObject *cached;
    PyObject *name = __atomic_load_n(&cached, __ATOMIC_ACQUIRE);
    if (name == NULL) {
        name = PyUnicode_InternFromString("write");
        if (name != NULL) {
            __atomic_store_n(&cached, name, __ATOMIC_RELEASE);
        }
    }
    return name;
}

/* file.write(text); 0 or -1. */
static int write_to_file(PyObject *file, PyObject *text)
{
    PyObject *name = write_name();
    PyObject *result = name ? PyObject_CallMethodOneArg(file, name, text) : NULL;
    if (result == NULL) {
        return -1;
    }
    Py_DECREF(result);
    return 0;
}

static int flush_file(PyObject *file)
{
    PyObject *result = PyObject_CallMethod(file, "flush", NULL);
    if (result == NULL) {
        return -1;
    }
    Py_DECREF(result);
    return 0;
}

/* ---- simple functions ------------------------------------------------- */

static PyObject *builtin_abs(PyObject *module, PyObject *x)
{
    (void)module;
    return PyNumber_Absolute(x);
}

/* all() and any(): stop at the first item whose truth equals `stop_on`. */
static PyObject *truth_scan(PyObject *iterable, int stop_on)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    PyObject *item;
    int found = 0;
    while ((item = PyIter_Next(it)) != NULL) {
        int truth = PyObject_IsTrue(item);
        Py_DECREF(item);
        if (truth < 0) {
            Py_DECREF(it);
            return NULL;
        }
        if (truth == stop_on) {
            found = 1;
            break;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        return NULL;
    }
    return PyBool_FromLong(stop_on ? found : !found);
}

static PyObject *builtin_all(PyObject *module, PyObject *iterable)
{
    (void)module;
    return truth_scan(iterable, 0);
}

static PyObject *builtin_any(PyObject *module, PyObject *iterable)
{
    (void)module;
    return truth_scan(iterable, 1);
}

static PyObject *builtin_ascii(PyObject *module, PyObject *obj)
{
    (void)module;
    return PyObject_ASCII(obj);
}

static PyObject *builtin_bin(PyObject *module, PyObject *number)
{
    (void)module;
    return PyNumber_ToBase(number, 2);
}

static PyObject *builtin_oct(PyObject *module, PyObject *number)
{
    (void)module;
    return PyNumber_ToBase(number, 8);
}

static PyObject *builtin_hex(PyObject *module, PyObject *number)
{
    (void)module;
    return PyNumber_ToBase(number, 16);
}

static PyObject *builtin_breakpoint(PyObject *module, PyObject *const *args,
                                    Py_ssize_t nargs, PyObject *kwnames)
{
    (void)module;
    PyObject *hook = required_sys_attr("breakpointhook");
    if (hook == NULL) {
        if (PyErr_ExceptionMatches(PyExc_RuntimeError)) {
            PyErr_Clear();
            PyErr_SetString(PyExc_RuntimeError, "lost sys.breakpointhook");
        }
        return NULL;
    }
    PyObject *result = PyObject_Vectorcall(hook, args, (size_t)nargs, kwnames);
    Py_DECREF(hook);
    return result;
}

static PyObject *builtin_callable(PyObject *module, PyObject *obj)
{
    (void)module;
    return PyBool_FromLong(PyCallable_Check(obj));
}

static PyObject *builtin_chr(PyObject *module, PyObject *arg)
{
    (void)module;
    if (!PyIndex_Check(arg)) {
        PyErr_Format(PyExc_TypeError,
                     "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    int overflow;
    PyObject *index = PyNumber_Index(arg);
    if (index == NULL) {
        return NULL;
    }
    long code = PyLong_AsLongAndOverflow(index, &overflow);
    Py_DECREF(index);
    if (code == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (overflow || code < 0 || code > 0x10ffff) {
        PyErr_SetString(PyExc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    return PyUnicode_FromOrdinal((int)code);
}

static PyObject *builtin_delattr(PyObject *module, PyObject *const *args,
                                 Py_ssize_t nargs)
{
    (void)module;
    if (!_PyArg_CheckPositional("delattr", nargs, 2, 2)) {
        return NULL;
    }
    if (PyObject_DelAttr(args[0], args[1]) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *builtin_dir(PyObject *module, PyObject *const *args,
                             Py_ssize_t nargs)
{
    (void)module;
    if (!_PyArg_CheckPositional("dir", nargs, 0, 1)) {
        return NULL;
    }
    return PyObject_Dir(nargs ? args[0] : NULL);
}

static PyObject *builtin_divmod(PyObject *module, PyObject *const *args,
                                Py_ssize_t nargs)
{
    (void)module;
    if (!_PyArg_CheckPositional("divmod", nargs, 2, 2)) {
        return NULL;
    }
    return PyNumber_Divmod(args[0], args[1]);
}

static PyObject *builtin_format(PyObject *module, PyObject *const *args,
                                Py_ssize_t nargs)
{
    (void)module;
    if (!_PyArg_CheckPositional("format", nargs, 1, 2)) {
        return NULL;
    }
    PyObject *spec = nargs > 1 ? args[1] : NULL;
    if (spec != NULL && !PyUnicode_Check(spec)) {
        _PyArg_BadArgument("format", "argument 2", "str", spec);
        return NULL;
    }
    return PyObject_Format(args[0], spec);
}

static PyObject *builtin_getattr(PyObject *module, PyObject *const *args,
                                 Py_ssize_t nargs)
{
    (void)module;
    if (!_PyArg_CheckPositional("getattr", nargs, 2, 3)) {
        return NULL;
    }
    if (!PyUnicode_Check(args[1])) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(args[1])->tp_name);
        return NULL;
    }
    if (nargs == 2) {
        return PyObject_GetAttr(args[0], args[1]);
    }
    PyObject *result;
    if (PyObject_GetOptionalAttr(args[0], args[1], &result) == 0) {
        return Py_NewRef(args[2]);
    }
    return result;
}

static PyObject *builtin_hasattr(PyObject *module, PyObject *const *args,
                                 Py_ssize_t nargs)
{
    (void)module;
    if (!_PyArg_CheckPositional("hasattr", nargs, 2, 2)) {
        return NULL;
    }
    if (!PyUnicode_Check(args[1])) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(args[1])->tp_name);
        return NULL;
    }
    int found = PyObject_HasAttrWithError(args[0], args[1]);
    if (found < 0) {
        return NULL;
    }
    return PyBool_FromLong(found);
}

static PyObject *builtin_setattr(PyObject *module, PyObject *const *args,
                                 Py_ssize_t nargs)
{
    (void)module;
    if (!_PyArg_CheckPositional("setattr", nargs, 3, 3)) {
        return NULL;
    }
    if (PyObject_SetAttr(args[0], args[1], args[2]) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *builtin_hash(PyObject *module, PyObject *obj)
{
    (void)module;
    Py_hash_t hash = PyObject_Hash(obj);
    if (hash == -1) {
        return NULL;
    }
    return PyLong_FromSsize_t(hash);
}

static PyObject *builtin_id(PyObject *module, PyObject *obj)
{
    (void)module;
    return PyLong_FromVoidPtr(obj);
}

static PyObject *builtin_isinstance(PyObject *module, PyObject *const *args,
                                    Py_ssize_t nargs)
{
    (void)module;
    if (!_PyArg_CheckPositional("isinstance", nargs, 2, 2)) {
        return NULL;
    }
    int result = PyObject_IsInstance(args[0], args[1]);
    if (result < 0) {
        return NULL;
    }
    return PyBool_FromLong(result);
}

static PyObject *builtin_issubclass(PyObject *module, PyObject *const *args,
                                    Py_ssize_t nargs)
{
    (void)module;
    if (!_PyArg_CheckPositional("issubclass", nargs, 2, 2)) {
        return NULL;
    }
    int result = PyObject_IsSubclass(args[0], args[1]);
    if (result < 0) {
        return NULL;
    }
    return PyBool_FromLong(result);
}

static PyObject *builtin_iter(PyObject *module, PyObject *const *args,
                              Py_ssize_t nargs)
{
    (void)module;
    if (!_PyArg_CheckPositional("iter", nargs, 1, 2)) {
        return NULL;
    }
    if (nargs == 1) {
        return PyObject_GetIter(args[0]);
    }
    if (!PyCallable_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "iter(v, w): v must be callable");
        return NULL;
    }
    return PyCallIter_New(args[0], args[1]);
}

static PyObject *builtin_aiter(PyObject *module, PyObject *async_iterable)
{
    (void)module;
    return PyObject_GetAIter(async_iterable);
}

static PyObject *builtin_anext(PyObject *module, PyObject *const *args,
                               Py_ssize_t nargs)
{
    (void)module;
    if (!_PyArg_CheckPositional("anext", nargs, 1, 2)) {
        return NULL;
    }
    PyObject *aiterator = args[0];
    PyTypeObject *type = Py_TYPE(aiterator);
    if (type->tp_as_async == NULL || type->tp_as_async->am_anext == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not an async iterator",
                     type->tp_name);
        return NULL;
    }
    PyObject *awaitable = type->tp_as_async->am_anext(aiterator);
    if (awaitable == NULL || nargs == 1) {
        return awaitable;
    }
    PyObject *result = _PyAnextAwaitable_New(awaitable, args[1]);
    Py_DECREF(awaitable);
    return result;
}

static PyObject *builtin_len(PyObject *module, PyObject *obj)
{
    (void)module;
    Py_ssize_t len = PyObject_Size(obj);
    if (len < 0) {
        return NULL;
    }
    return PyLong_FromSsize_t(len);
}

static PyObject *builtin_next(PyObject *module, PyObject *const *args,
                              Py_ssize_t nargs)
{
    (void)module;
    if (!_PyArg_CheckPositional("next", nargs, 1, 2)) {
        return NULL;
    }
    PyObject *it = args[0];
    if (!PyIter_Check(it)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not an iterator",
                     Py_TYPE(it)->tp_name);
        return NULL;
    }
    PyObject *item = Py_TYPE(it)->tp_iternext(it);
    if (item != NULL) {
        return item;
    }
    if (PyErr_Occurred()) {
        if (nargs < 2 || !PyErr_ExceptionMatches(PyExc_StopIteration)) {
            return NULL;
        }
        PyErr_Clear();
    }
    if (nargs > 1) {
        return Py_NewRef(args[1]);
    }
    PyErr_SetNone(PyExc_StopIteration);
    return NULL;
}

static PyObject *builtin_ord(PyObject *module, PyObject *c)
{
    (void)module;
    Py_ssize_t size;
    if (PyBytes_Check(c)) {
        size = PyBytes_GET_SIZE(c);
        if (size == 1) {
            return PyLong_FromLong((unsigned char)PyBytes_AS_STRING(c)[0]);
        }
    }
    else if (PyUnicode_Check(c)) {
        size = PyUnicode_GET_LENGTH(c);
        if (size == 1) {
            return PyLong_FromLong((long)PyUnicode_READ_CHAR(c, 0));
        }
    }
    else if (PyByteArray_Check(c)) {
        size = PyByteArray_GET_SIZE(c);
        if (size == 1) {
            return PyLong_FromLong((unsigned char)PyByteArray_AS_STRING(c)[0]);
        }
    }
    else {
        PyErr_Format(PyExc_TypeError,
                     "ord() expected string of length 1, but %.200s found",
                     Py_TYPE(c)->tp_name);
        return NULL;
    }
    PyErr_Format(PyExc_TypeError,
                 "ord() expected a character, but string of length %zd found",
                 size);
    return NULL;
}

static PyObject *builtin_pow(PyObject *module, PyObject *const *args,
                             Py_ssize_t nargs, PyObject *kwnames)
{
    (void)module;
    static char *keywords[] = {"base", "exp", "mod", NULL};
    PyObject *base, *exp, *mod = Py_None;
    if (!_PyArg_ParseStackAndKeywords(args, nargs, kwnames, "OO|O:pow",
                                      keywords, &base, &exp, &mod)) {
        return NULL;
    }
    return PyNumber_Power(base, exp, mod);
}

static PyObject *builtin_repr(PyObject *module, PyObject *obj)
{
    (void)module;
    return PyObject_Repr(obj);
}

static PyObject *builtin_round(PyObject *module, PyObject *const *args,
                               Py_ssize_t nargs, PyObject *kwnames)
{
    (void)module;
    static char *keywords[] = {"number", "ndigits", NULL};
    PyObject *number, *ndigits = Py_None;
    if (!_PyArg_ParseStackAndKeywords(args, nargs, kwnames, "O|O:round",
                                      keywords, &number, &ndigits)) {
        return NULL;
    }
    PyObject *method = _PyObject_LookupSpecial(number,
                                               _Py_INTERNED_ID(__round__));
    if (method == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError,
                         "type %.100s doesn't define __round__ method",
                         Py_TYPE(number)->tp_name);
        }
        return NULL;
    }
    PyObject *result = ndigits == Py_None
                       ? PyObject_CallNoArgs(method)
                       : PyObject_CallOneArg(method, ndigits);
    Py_DECREF(method);
    return result;
}

static PyObject *builtin_vars(PyObject *module, PyObject *const *args,
                              Py_ssize_t nargs)
{
    (void)module;
    if (!_PyArg_CheckPositional("vars", nargs, 0, 1)) {
        return NULL;
    }
    if (nargs == 0) {
        return PyEval_GetFrameLocals();
    }
    PyObject *dict;
    if (PyObject_GetOptionalAttr(args[0], _Py_INTERNED_ID(__dict__), &dict) == 0) {
        PyErr_SetString(PyExc_TypeError,
                        "vars() argument must have __dict__ attribute");
    }
    return dict;
}

/* ---- min and max ------------------------------------------------------ */

/* op is Py_LT for min, Py_GT for max. */
static PyObject *min_max(PyObject *const *args, Py_ssize_t nargs,
                         PyObject *kwnames, int op)
{
    const char *name = op == Py_LT ? "min" : "max";
    PyObject *key = Py_None, *dflt = NULL;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t i = 0; i < nkw; i++) {
        PyObject *kw = PyTuple_GET_ITEM(kwnames, i);
        if (PyUnicode_CompareWithASCIIString(kw, "key") == 0) {
            key = args[nargs + i];
        }
        else if (PyUnicode_CompareWithASCIIString(kw, "default") == 0) {
            dflt = args[nargs + i];
        }
        else {
            static const char *const names[] = { "key", "default" };
            _PyArg_UnexpectedKeyword(name, kw, names, 2);
            return NULL;
        }
    }
    if (nargs == 0) {
        PyErr_Format(PyExc_TypeError, "%s expected at least 1 argument, got 0",
                     name);
        return NULL;
    }
    if (nargs > 1 && dflt != NULL) {
        PyErr_Format(PyExc_TypeError,
                     "Cannot specify a default for %s() with multiple "
                     "positional arguments", name);
        return NULL;
    }
    if (key == Py_None) {
        key = NULL;
    }
    PyObject *it = NULL;
    if (nargs == 1) {
        it = PyObject_GetIter(args[0]);
        if (it == NULL) {
            return NULL;
        }
    }
    PyObject *best = NULL, *best_key = NULL;
    for (Py_ssize_t i = 0;; i++) {
        PyObject *item;
        if (it != NULL) {
            item = PyIter_Next(it);
            if (item == NULL) {
                if (PyErr_Occurred()) {
                    goto error;
                }
                break;
            }
        }
        else {
            if (i >= nargs) {
                break;
            }
            item = Py_NewRef(args[i]);
        }
        PyObject *item_key = key ? PyObject_CallOneArg(key, item)
                                 : Py_NewRef(item);
        if (item_key == NULL) {
            Py_DECREF(item);
            goto error;
        }
        if (best == NULL) {
            best = item;
            best_key = item_key;
            continue;
        }
        int better = PyObject_RichCompareBool(item_key, best_key, op);
        if (better < 0) {
            Py_DECREF(item);
            Py_DECREF(item_key);
            goto error;
        }
        if (better) {
            Py_SETREF(best, item);
            Py_SETREF(best_key, item_key);
        }
        else {
            Py_DECREF(item);
            Py_DECREF(item_key);
        }
    }
    Py_XDECREF(it);
    Py_XDECREF(best_key);
    if (best == NULL) {
        if (dflt != NULL) {
            return Py_NewRef(dflt);
        }
        PyErr_Format(PyExc_ValueError, "%s() iterable argument is empty", name);
    }
    return best;

error:
    Py_XDECREF(it);
    Py_XDECREF(best);
    Py_XDECREF(best_key);
    return NULL;
}

static PyObject *builtin_min(PyObject *module, PyObject *const *args,
                             Py_ssize_t nargs, PyObject *kwnames)
{
    (void)module;
    return min_max(args, nargs, kwnames, Py_LT);
}

static PyObject *builtin_max(PyObject *module, PyObject *const *args,
                             Py_ssize_t nargs, PyObject *kwnames)
{
    (void)module;
    return min_max(args, nargs, kwnames, Py_GT);
}

/* ---- print and input --------------------------------------------------- */

static int write_cstring(const char *text, PyObject *file);

static int check_print_separator(PyObject *value, const char *what)
{
    if (value != NULL && value != Py_None && !PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError, "%s must be None or a string, not %.200s",
                     what, Py_TYPE(value)->tp_name);
        return -1;
    }
    return 0;
}

static PyObject *builtin_print(PyObject *module, PyObject *const *args,
                               Py_ssize_t nargs, PyObject *kwnames)
{
    (void)module;
    PyObject *sep = NULL, *end = NULL, *file = NULL, *flush = NULL;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t i = 0; i < nkw; i++) {
        PyObject *kw = PyTuple_GET_ITEM(kwnames, i);
        PyObject *value = args[nargs + i];
        if (PyUnicode_CompareWithASCIIString(kw, "sep") == 0) {
            sep = value;
        }
        else if (PyUnicode_CompareWithASCIIString(kw, "end") == 0) {
            end = value;
        }
        else if (PyUnicode_CompareWithASCIIString(kw, "file") == 0) {
            file = value;
        }
        else if (PyUnicode_CompareWithASCIIString(kw, "flush") == 0) {
            flush = value;
        }
        else {
            static const char *const names[] = {
                "sep", "end", "file", "flush" };
            _PyArg_UnexpectedKeyword("print", kw, names, 4);
            return NULL;
        }
    }
    if (check_print_separator(sep, "sep") < 0
            || check_print_separator(end, "end") < 0) {
        return NULL;
    }
    if (file == NULL || file == Py_None) {
        file = PySys_GetObject("stdout");
        if (file == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_RuntimeError, "lost sys.stdout");
            }
            return NULL;
        }
        /* sys.stdout is None when the process has no stdout. */
        if (file == Py_None) {
            Py_RETURN_NONE;
        }
    }
    Py_INCREF(file);
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (i > 0) {
            int rc = sep == NULL || sep == Py_None
                     ? write_cstring(" ", file)
                     : write_to_file(file, sep);
            if (rc < 0) {
                goto error;
            }
        }
        PyObject *text = PyObject_Str(args[i]);
        if (text == NULL || write_to_file(file, text) < 0) {
            Py_XDECREF(text);
            goto error;
        }
        Py_DECREF(text);
    }
    int rc = end == NULL || end == Py_None
             ? write_cstring("\n", file)
             : write_to_file(file, end);
    if (rc < 0) {
        goto error;
    }
    if (flush != NULL) {
        int truth = PyObject_IsTrue(flush);
        if (truth < 0 || (truth && flush_file(file) < 0)) {
            goto error;
        }
    }
    Py_DECREF(file);
    Py_RETURN_NONE;

error:
    Py_DECREF(file);
    return NULL;
}

/* file.write(text) for C text; 0 or -1.  (PyFile_WriteString belongs to
   Objects/fileobject.c, which arrives with io.) */
static int write_cstring(const char *text, PyObject *file)
{
    /* io: one-character separators are cached latin-1 strings. */
    PyObject *str = text[0] != '\0' && text[1] == '\0'
                    ? Py_NewRef(_Py_LATIN1_CHR(text[0]))
                    : PyUnicode_FromString(text);
    if (str == NULL) {
        return -1;
    }
    int rc = write_to_file(file, str);
    Py_DECREF(str);
    return rc;
}

/* input() flushes stderr and stdout as CPython does: a stream that cannot
   flush (no flush method, a closed file) does not stop the input. */
static void flush_ignoring_errors(PyObject *file)
{
    if (flush_file(file) < 0) {
        PyErr_Clear();
    }
}

static PyObject *builtin_input(PyObject *module, PyObject *const *args,
                               Py_ssize_t nargs)
{
    (void)module;
    if (!_PyArg_CheckPositional("input", nargs, 0, 1)) {
        return NULL;
    }
    PyObject *fin = required_sys_attr("stdin");
    if (fin == NULL) {
        return NULL;
    }
    PyObject *fout = required_sys_attr("stdout");
    if (fout == NULL) {
        Py_DECREF(fin);
        return NULL;
    }
    PyObject *ferr = PySys_GetObject("stderr");
    PyObject *line = NULL;
    if (ferr != NULL && ferr != Py_None) {
        Py_INCREF(ferr);
        flush_ignoring_errors(ferr);
        Py_DECREF(ferr);
    }
    if (_PyOS_IsConsole(fin, fout)) {
        /* site/REPL: on a terminal, read through PyOS_Readline (editing). */
        flush_ignoring_errors(fout);
        line = _PyOS_ReadConsoleInput(nargs == 1 ? args[0] : Py_None, fin);
        goto done;
    }
    if (nargs == 1 && args[0] != Py_None) {
        PyObject *prompt = PyObject_Str(args[0]);
        if (prompt == NULL || write_to_file(fout, prompt) < 0) {
            Py_XDECREF(prompt);
            goto done;
        }
        Py_DECREF(prompt);
    }
    flush_ignoring_errors(fout);
    line = PyObject_CallMethod(fin, "readline", NULL);
    if (line == NULL) {
        goto done;
    }
    if (!PyUnicode_Check(line)) {
        PyErr_Format(PyExc_TypeError, "object.readline() returned non-string");
        Py_CLEAR(line);
        goto done;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(line);
    if (len == 0) {
        /* io: CPython's message for input() at end of file. */
        PyErr_SetString(PyExc_EOFError, "EOF when reading a line");
        Py_CLEAR(line);
        goto done;
    }
    if (PyUnicode_READ_CHAR(line, len - 1) == '\n') {
        Py_SETREF(line, PyUnicode_Substring(line, 0, len - 1));
    }
done:
    Py_DECREF(fin);
    Py_DECREF(fout);
    return line;
}

/* ---- sorted and sum ---------------------------------------------------- */

static PyObject *builtin_sorted(PyObject *module, PyObject *const *args,
                                Py_ssize_t nargs, PyObject *kwnames)
{
    (void)module;
    if (nargs != 1) {
        PyErr_Format(PyExc_TypeError,
                     "sorted expected 1 argument, got %zd", nargs);
        return NULL;
    }
    PyObject *list = PySequence_List(args[0]);
    if (list == NULL) {
        return NULL;
    }
    PyObject *sort = PyObject_GetAttrString(list, "sort");
    if (sort == NULL) {
        Py_DECREF(list);
        return NULL;
    }
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    PyObject *result = PyObject_Vectorcall(sort, args + 1, 0, nkw ? kwnames : NULL);
    Py_DECREF(sort);
    if (result == NULL) {
        Py_DECREF(list);
        return NULL;
    }
    Py_DECREF(result);
    return list;
}

/* Neumaier-compensated float summation state, as CPython 3.12+ does, so
   sum([0.1] * 10) == 1.0. */
typedef struct {
    double sum;
    double compensation;
} float_sum;

static void float_sum_add(float_sum *s, double x)
{
    double t = s->sum + x;
    if (fabs(s->sum) >= fabs(x)) {
        s->compensation += (s->sum - t) + x;
    }
    else {
        s->compensation += (x - t) + s->sum;
    }
    s->sum = t;
}

static double float_sum_value(const float_sum *s)
{
    /* An infinite partial sum makes the compensation NaN; skip it. */
    if (s->compensation != 0.0 && isfinite(s->compensation)) {
        return s->sum + s->compensation;
    }
    return s->sum;
}

static PyObject *builtin_sum(PyObject *module, PyObject *const *args,
                             Py_ssize_t nargs, PyObject *kwnames)
{
    (void)module;
    static char *keywords[] = {"", "start", NULL};
    PyObject *iterable, *start = NULL;
    if (!_PyArg_ParseStackAndKeywords(args, nargs, kwnames, "O|O:sum",
                                      keywords, &iterable, &start)) {
        return NULL;
    }
    if (start != NULL) {
        if (PyUnicode_Check(start)) {
            PyErr_SetString(PyExc_TypeError,
                            "sum() can't sum strings [use ''.join(seq) instead]");
            return NULL;
        }
        if (PyBytes_Check(start)) {
            PyErr_SetString(PyExc_TypeError,
                            "sum() can't sum bytes [use b''.join(seq) instead]");
            return NULL;
        }
        if (PyByteArray_Check(start)) {
            PyErr_SetString(PyExc_TypeError,
                            "sum() can't sum bytearray [use b''.join(seq) instead]");
            return NULL;
        }
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    PyObject *result = start ? Py_NewRef(start) : PyLong_FromLong(0);
    /* While the running total is a float, items that are floats or small
       ints accumulate in C with compensation; anything else falls back to
       generic addition with the total boxed. */
    int in_float_mode = PyFloat_CheckExact(result);
    float_sum fs = { in_float_mode ? PyFloat_AS_DOUBLE(result) : 0.0, 0.0 };
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        if (in_float_mode) {
            if (PyFloat_CheckExact(item)) {
                float_sum_add(&fs, PyFloat_AS_DOUBLE(item));
                Py_DECREF(item);
                continue;
            }
            if (PyLong_CheckExact(item)) {
                int overflow;
                long value = PyLong_AsLongAndOverflow(item, &overflow);
                if (!overflow && value > -(1L << 52) && value < (1L << 52)) {
                    float_sum_add(&fs, (double)value);
                    Py_DECREF(item);
                    continue;
                }
            }
            Py_SETREF(result, PyFloat_FromDouble(float_sum_value(&fs)));
            in_float_mode = 0;
            if (result == NULL) {
                Py_DECREF(item);
                Py_DECREF(it);
                return NULL;
            }
        }
        Py_SETREF(result, PyNumber_Add(result, item));
        Py_DECREF(item);
        if (result == NULL) {
            Py_DECREF(it);
            return NULL;
        }
        if (PyFloat_CheckExact(result)) {
            in_float_mode = 1;
            fs.sum = PyFloat_AS_DOUBLE(result);
            fs.compensation = 0.0;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(result);
        return NULL;
    }
    if (in_float_mode) {
        Py_SETREF(result, PyFloat_FromDouble(float_sum_value(&fs)));
    }
    return result;
}

/* ---- filter ------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *func;     /* None means "truth of the item" */
    PyObject *it;
} filterobject;

static PyObject *filter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    /* A subclass with its own __init__ takes keywords there. */
    if ((type == &PyFilter_Type || type->tp_init == PyFilter_Type.tp_init)
            && !_PyArg_NoKeywords("filter", kwds)) {
        return NULL;
    }
    PyObject *func, *seq;
    if (!PyArg_UnpackTuple(args, "filter", 2, 2, &func, &seq)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL) {
        return NULL;
    }
    filterobject *self = (filterobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    self->func = Py_NewRef(func);
    self->it = it;
    return (PyObject *)self;
}

static void filter_dealloc(PyObject *op)
{
    filterobject *self = (filterobject *)op;
    PyObject_GC_UnTrack(op);
    /* filter(f, filter(f, ...)) chains can be millions deep. */
    Py_TRASHCAN_BEGIN(op, filter_dealloc)
    Py_XDECREF(self->func);
    Py_XDECREF(self->it);
    Py_TYPE(op)->tp_free(op);
    Py_TRASHCAN_END
}

static int filter_traverse(PyObject *op, visitproc visit, void *arg)
{
    filterobject *self = (filterobject *)op;
    Py_VISIT(self->func);
    Py_VISIT(self->it);
    return 0;
}

static int filter_clear(PyObject *op)
{
    filterobject *self = (filterobject *)op;
    Py_CLEAR(self->func);
    Py_CLEAR(self->it);
    return 0;
}

/* The fields are set once at creation; next() only reads them, and the
   underlying iterator protects itself. */
static PyObject *filter_next(PyObject *op)
{
    filterobject *self = (filterobject *)op;
    iternextfunc next = Py_TYPE(self->it)->tp_iternext;
    int use_truth = self->func == Py_None
                    || self->func == (PyObject *)&PyBool_Type;
    for (;;) {
        PyObject *item = next(self->it);
        if (item == NULL) {
            return NULL;
        }
        int keep;
        if (use_truth) {
            keep = PyObject_IsTrue(item);
        }
        else {
            PyObject *good = PyObject_CallOneArg(self->func, item);
            if (good == NULL) {
                Py_DECREF(item);
                return NULL;
            }
            keep = PyObject_IsTrue(good);
            Py_DECREF(good);
        }
        if (keep > 0) {
            return item;
        }
        Py_DECREF(item);
        if (keep < 0) {
            return NULL;
        }
    }
}

static PyObject *filter_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    filterobject *self = (filterobject *)op;
    return Py_BuildValue("O(OO)", Py_TYPE(op), self->func, self->it);
}

static PyMethodDef filter_methods[] = {
    {"__reduce__", filter_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyFilter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "filter",
    .tp_basicsize = sizeof(filterobject),
    .tp_dealloc = filter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "filter(function, iterable, /)\n--\n\n"
              "Return an iterator yielding those items of iterable for which "
              "function(item)\nis true. If function is None, return the items "
              "that are true.",
    .tp_traverse = filter_traverse,
    .tp_clear = filter_clear,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = filter_next,
    .tp_methods = filter_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = filter_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- map and zip: iterators over several iterables ---------------------- */

/* Shared by map and zip: the iterators and the strict flag are set at
   creation and never change. */
typedef struct {
    PyObject_HEAD
    PyObject *iters;    /* tuple of iterators */
    PyObject *func;     /* map only */
    /* zip only: the tuple handed out last, refilled when the caller
       dropped it (_PyTuple_Recycle); NULL for more than 4 iterables. */
    PyObject *result;
    int strict;
} multiiterobject;

/* Parse the trailing keyword-only "strict" from kwds; 0 or -1. */
static int parse_strict(const char *name, PyObject *kwds, int *strict)
{
    *strict = 0;
    if (kwds == NULL || PyDict_GET_SIZE(kwds) == 0) {
        return 0;
    }
    PyObject *empty = PyTuple_New(0);
    if (empty == NULL) {
        return -1;
    }
    static char *keywords[] = {"strict", NULL};
    char format[32];
    snprintf(format, sizeof(format), "|$p:%s", name);
    int ok = PyArg_ParseTupleAndKeywords(empty, kwds, format, keywords, strict);
    Py_DECREF(empty);
    return ok ? 0 : -1;
}

static PyObject *iterators_of(PyObject *args, Py_ssize_t first)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args) - first;
    PyObject *iters = PyTuple_New(n);
    if (iters == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = PyObject_GetIter(PyTuple_GET_ITEM(args, first + i));
        if (it == NULL) {
            Py_DECREF(iters);
            return NULL;
        }
        PyTuple_SET_ITEM(iters, i, it);
    }
    return iters;
}

static multiiterobject *multiiter_alloc(PyTypeObject *type, PyObject *iters,
                                        PyObject *func, int strict)
{
    multiiterobject *self = (multiiterobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        Py_DECREF(iters);
        return NULL;
    }
    self->iters = iters;
    self->func = Py_XNewRef(func);
    self->strict = strict;
    self->result = NULL;
    return self;
}

static void multiiter_dealloc(PyObject *op)
{
    multiiterobject *self = (multiiterobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(self->iters);
    Py_XDECREF(self->func);
    Py_XDECREF(self->result);
    Py_TYPE(op)->tp_free(op);
}

static int multiiter_traverse(PyObject *op, visitproc visit, void *arg)
{
    multiiterobject *self = (multiiterobject *)op;
    Py_VISIT(self->iters);
    Py_VISIT(self->func);
    Py_VISIT(self->result);
    return 0;
}

static int multiiter_clear(PyObject *op)
{
    multiiterobject *self = (multiiterobject *)op;
    Py_CLEAR(self->iters);
    Py_CLEAR(self->func);
    Py_CLEAR(self->result);
    return 0;
}

/* Called when iterator `index` is exhausted under strict=True: raise
   ValueError if the others disagree; otherwise return NULL cleanly. */
static PyObject *strict_mismatch(const char *name, PyObject *iters,
                                 Py_ssize_t index)
{
    if (PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_StopIteration)) {
            return NULL;
        }
        PyErr_Clear();
    }
    const char *plural = index == 1 ? " " : "s 1-";
    if (index > 0) {
        return PyErr_Format(PyExc_ValueError,
                            "%s() argument %zd is shorter than argument%s%zd",
                            name, index + 1, plural, index);
    }
    Py_ssize_t n = PyTuple_GET_SIZE(iters);
    for (Py_ssize_t i = 1; i < n; i++) {
        PyObject *it = PyTuple_GET_ITEM(iters, i);
        PyObject *item = Py_TYPE(it)->tp_iternext(it);
        if (item != NULL) {
            Py_DECREF(item);
            plural = i == 1 ? " " : "s 1-";
            return PyErr_Format(PyExc_ValueError,
                                "%s() argument %zd is longer than argument%s%zd",
                                name, i + 1, plural, i);
        }
        if (PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_StopIteration)) {
                return NULL;
            }
            PyErr_Clear();
        }
    }
    return NULL;
}

/* Fill items[0..n) with the next item of each iterator; 0, or -1 when one
   is exhausted or failed (items released). */
static int next_of_each(multiiterobject *self, const char *name,
                        PyObject **items)
{
    Py_ssize_t n = PyTuple_GET_SIZE(self->iters);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = PyTuple_GET_ITEM(self->iters, i);
        items[i] = Py_TYPE(it)->tp_iternext(it);
        if (items[i] == NULL) {
            for (Py_ssize_t j = 0; j < i; j++) {
                Py_DECREF(items[j]);
            }
            if (self->strict) {
                strict_mismatch(name, self->iters, i);
            }
            return -1;
        }
    }
    return 0;
}

static PyObject *map_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    int strict;
    if (parse_strict("map", kwds, &strict) < 0) {
        return NULL;
    }
    if (PyTuple_GET_SIZE(args) < 2) {
        PyErr_SetString(PyExc_TypeError, "map() must have at least two arguments.");
        return NULL;
    }
    PyObject *iters = iterators_of(args, 1);
    if (iters == NULL) {
        return NULL;
    }
    return (PyObject *)multiiter_alloc(type, iters, PyTuple_GET_ITEM(args, 0),
                                       strict);
}

static PyObject *map_next(PyObject *op)
{
    multiiterobject *self = (multiiterobject *)op;
    Py_ssize_t n = PyTuple_GET_SIZE(self->iters);
    PyObject *small[_PY_FASTCALL_SMALL_STACK];
    PyObject **items = n <= _PY_FASTCALL_SMALL_STACK
                       ? small : PyMem_Malloc((size_t)n * sizeof(PyObject *));
    if (items == NULL) {
        return PyErr_NoMemory();
    }
    PyObject *result = NULL;
    if (next_of_each(self, "map", items) == 0) {
        result = PyObject_Vectorcall(self->func, items, (size_t)n, NULL);
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_DECREF(items[i]);
        }
    }
    if (items != small) {
        PyMem_Free(items);
    }
    return result;
}

static PyObject *zip_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    int strict;
    if (parse_strict("zip", kwds, &strict) < 0) {
        return NULL;
    }
    PyObject *iters = iterators_of(args, 0);
    if (iters == NULL) {
        return NULL;
    }
    multiiterobject *self = multiiter_alloc(type, iters, NULL, strict);
    Py_ssize_t n = PyTuple_GET_SIZE(iters);
    if (self != NULL && n >= 1 && n <= 4) {
        self->result = PyTuple_New(n);
        if (self->result == NULL) {
            Py_DECREF(self);
            return NULL;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            PyTuple_SET_ITEM(self->result, i, Py_None);
        }
    }
    return (PyObject *)self;
}

static PyObject *zip_next(PyObject *op)
{
    multiiterobject *self = (multiiterobject *)op;
    Py_ssize_t n = PyTuple_GET_SIZE(self->iters);
    if (n == 0) {
        return NULL;
    }
    if (self->result != NULL) {
        /* 1 to 4 iterables: the loop's previous tuple is refilled. */
        PyObject *items[4];
        if (next_of_each(self, "zip", items) < 0) {
            return NULL;
        }
        return _PyTuple_Recycle(self->result, items, n);
    }
    PyObject *result = PyTuple_New(n);
    if (result == NULL) {
        return NULL;
    }
    if (next_of_each(self, "zip", ((PyTupleObject *)result)->ob_item) < 0) {
        /* The slots were released by next_of_each; refill with None so
           the tuple can be freed. */
        for (Py_ssize_t i = 0; i < n; i++) {
            PyTuple_SET_ITEM(result, i, Py_None);
        }
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *map_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    multiiterobject *self = (multiiterobject *)op;
    Py_ssize_t n = PyTuple_GET_SIZE(self->iters);
    PyObject *args = PyTuple_New(n + 1);
    if (args == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(args, 0, Py_NewRef(self->func));
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(args, i + 1, Py_NewRef(PyTuple_GET_ITEM(self->iters, i)));
    }
    if (self->strict) {
        return Py_BuildValue("ONO", Py_TYPE(op), args, Py_True);
    }
    return Py_BuildValue("ON", Py_TYPE(op), args);
}

static PyObject *zip_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    multiiterobject *self = (multiiterobject *)op;
    if (self->strict) {
        return Py_BuildValue("OOO", Py_TYPE(op), self->iters, Py_True);
    }
    return Py_BuildValue("OO", Py_TYPE(op), self->iters);
}

static PyObject *multiiter_setstate(PyObject *op, PyObject *state)
{
    int strict = PyObject_IsTrue(state);
    if (strict < 0) {
        return NULL;
    }
    ((multiiterobject *)op)->strict = strict;
    Py_RETURN_NONE;
}

static PyMethodDef map_methods[] = {
    {"__reduce__", map_reduce, METH_NOARGS, NULL},
    {"__setstate__", multiiter_setstate, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef zip_methods[] = {
    {"__reduce__", zip_reduce, METH_NOARGS, NULL},
    {"__setstate__", multiiter_setstate, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyMap_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "map",
    .tp_basicsize = sizeof(multiiterobject),
    .tp_dealloc = multiiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "map(function, iterable, /, *iterables, strict=False)\n--\n\n"
              "Make an iterator that computes the function using arguments "
              "from\neach of the iterables.  Stops when the shortest iterable "
              "is exhausted.",
    .tp_traverse = multiiter_traverse,
    .tp_clear = multiiter_clear,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = map_next,
    .tp_methods = map_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = map_new,
    .tp_free = PyObject_GC_Del,
};

PyTypeObject PyZip_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "zip",
    .tp_basicsize = sizeof(multiiterobject),
    .tp_dealloc = multiiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "zip(*iterables, strict=False)\n--\n\n"
              "The zip object yields n-length tuples, where n is the number "
              "of iterables\npassed as positional arguments to zip().",
    .tp_traverse = multiiter_traverse,
    .tp_clear = multiiter_clear,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = zip_next,
    .tp_methods = zip_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = zip_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- the module -------------------------------------------------------- */

#define FASTKW (METH_FASTCALL | METH_KEYWORDS)

static PyMethodDef builtin_methods[] = {
    {"abs", builtin_abs, METH_O,
     "abs($module, x, /)\n--\n\nReturn the absolute value of the argument."},
    {"all", builtin_all, METH_O,
     "all($module, iterable, /)\n--\n\nReturn True if bool(x) is True for all "
     "values x in the iterable."},
    {"any", builtin_any, METH_O,
     "any($module, iterable, /)\n--\n\nReturn True if bool(x) is True for any "
     "x in the iterable."},
    {"ascii", builtin_ascii, METH_O,
     "ascii($module, obj, /)\n--\n\nReturn an ASCII-only representation of an "
     "object."},
    {"bin", builtin_bin, METH_O,
     "bin($module, number, /)\n--\n\nReturn the binary representation of an "
     "integer."},
    {"breakpoint", _PyCFunction_CAST(builtin_breakpoint), FASTKW,
     "breakpoint($module, /, *args, **kws)\n--\n\nCall sys.breakpointhook(*args, "
     "**kws)."},
    {"callable", builtin_callable, METH_O,
     "callable($module, obj, /)\n--\n\nReturn whether the object is callable."},
    {"chr", builtin_chr, METH_O,
     "chr($module, i, /)\n--\n\nReturn a Unicode string of one character with "
     "ordinal i; 0 <= i <= 0x10ffff."},
    {"delattr", _PyCFunction_CAST(builtin_delattr), METH_FASTCALL,
     "delattr($module, obj, name, /)\n--\n\nDeletes the named attribute from "
     "the given object."},
    {"dir", _PyCFunction_CAST(builtin_dir), METH_FASTCALL,
     "dir([object]) -> list of strings"},
    {"divmod", _PyCFunction_CAST(builtin_divmod), METH_FASTCALL,
     "divmod($module, x, y, /)\n--\n\nReturn the tuple (x//y, x%y)."},
    {"format", _PyCFunction_CAST(builtin_format), METH_FASTCALL,
     "format($module, value, format_spec='', /)\n--\n\nReturn "
     "type(value).__format__(value, format_spec)"},
    {"getattr", _PyCFunction_CAST(builtin_getattr), METH_FASTCALL,
     "getattr(object, name[, default]) -> value"},
    {"hasattr", _PyCFunction_CAST(builtin_hasattr), METH_FASTCALL,
     "hasattr($module, obj, name, /)\n--\n\nReturn whether the object has an "
     "attribute with the given name."},
    {"hash", builtin_hash, METH_O,
     "hash($module, obj, /)\n--\n\nReturn the hash value for the given object."},
    {"hex", builtin_hex, METH_O,
     "hex($module, number, /)\n--\n\nReturn the hexadecimal representation of "
     "an integer."},
    {"id", builtin_id, METH_O,
     "id($module, obj, /)\n--\n\nReturn the identity of an object."},
    {"input", _PyCFunction_CAST(builtin_input), METH_FASTCALL,
     "input($module, prompt='', /)\n--\n\nRead a string from standard input."},
    {"isinstance", _PyCFunction_CAST(builtin_isinstance), METH_FASTCALL,
     "isinstance($module, obj, class_or_tuple, /)\n--\n\nReturn whether an "
     "object is an instance of a class or of a subclass thereof."},
    {"issubclass", _PyCFunction_CAST(builtin_issubclass), METH_FASTCALL,
     "issubclass($module, cls, class_or_tuple, /)\n--\n\nReturn whether 'cls' "
     "is derived from another class or is the same class."},
    {"iter", _PyCFunction_CAST(builtin_iter), METH_FASTCALL,
     "iter(iterable) -> iterator\niter(callable, sentinel) -> iterator"},
    {"aiter", builtin_aiter, METH_O,
     "aiter($module, async_iterable, /)\n--\n\nReturn an AsyncIterator for an "
     "AsyncIterable object."},
    {"anext", _PyCFunction_CAST(builtin_anext), METH_FASTCALL,
     "anext(aiterator[, default])\n\nReturn the next item from the async "
     "iterator."},
    {"len", builtin_len, METH_O,
     "len($module, obj, /)\n--\n\nReturn the number of items in a container."},
    {"max", _PyCFunction_CAST(builtin_max), FASTKW,
     "max(iterable, *[, default=obj, key=func]) -> value\n"
     "max(arg1, arg2, *args, *[, key=func]) -> value"},
    {"min", _PyCFunction_CAST(builtin_min), FASTKW,
     "min(iterable, *[, default=obj, key=func]) -> value\n"
     "min(arg1, arg2, *args, *[, key=func]) -> value"},
    {"next", _PyCFunction_CAST(builtin_next), METH_FASTCALL,
     "next(iterator[, default])\n\nReturn the next item from the iterator."},
    {"oct", builtin_oct, METH_O,
     "oct($module, number, /)\n--\n\nReturn the octal representation of an "
     "integer."},
    {"ord", builtin_ord, METH_O,
     "ord($module, c, /)\n--\n\nReturn the Unicode code point for a "
     "one-character string."},
    {"pow", _PyCFunction_CAST(builtin_pow), FASTKW,
     "pow($module, /, base, exp, mod=None)\n--\n\nEquivalent to base**exp with "
     "2 arguments or base**exp % mod with 3 arguments"},
    {"print", _PyCFunction_CAST(builtin_print), FASTKW,
     "print($module, /, *args, sep=' ', end='\\n', file=None, flush=False)\n"
     "--\n\nPrints the values to a stream, or to sys.stdout by default."},
    {"repr", builtin_repr, METH_O,
     "repr($module, obj, /)\n--\n\nReturn the canonical string representation "
     "of the object."},
    {"round", _PyCFunction_CAST(builtin_round), FASTKW,
     "round($module, /, number, ndigits=None)\n--\n\nRound a number to a given "
     "precision in decimal digits."},
    {"setattr", _PyCFunction_CAST(builtin_setattr), METH_FASTCALL,
     "setattr($module, obj, name, value, /)\n--\n\nSets the named attribute on "
     "the given object to the specified value."},
    {"sorted", _PyCFunction_CAST(builtin_sorted), FASTKW,
     "sorted($module, iterable, /, *, key=None, reverse=False)\n--\n\nReturn a "
     "new list containing all items from the iterable in ascending order."},
    {"sum", _PyCFunction_CAST(builtin_sum), FASTKW,
     "sum($module, iterable, /, start=0)\n--\n\nReturn the sum of a 'start' "
     "value (default: 0) plus an iterable of numbers"},
    {"vars", _PyCFunction_CAST(builtin_vars), METH_FASTCALL,
     "vars([object]) -> dictionary"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef builtinsmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "builtins",
    .m_doc = "Built-in functions, types, exceptions, and other objects.",
    .m_size = -1,
    .m_methods = builtin_methods,
};

typedef struct {
    const char *name;
    PyObject **exc;
} exception_entry;

#define EXC(NAME) {#NAME, &PyExc_##NAME}
static const exception_entry builtin_exceptions[] = {
    EXC(BaseException), EXC(Exception), EXC(BaseExceptionGroup),
    EXC(ExceptionGroup), EXC(StopAsyncIteration), EXC(StopIteration),
    EXC(GeneratorExit), EXC(ArithmeticError), EXC(LookupError),
    EXC(AssertionError), EXC(AttributeError), EXC(BufferError), EXC(EOFError),
    EXC(FloatingPointError), EXC(OSError), EXC(ImportError),
    EXC(ModuleNotFoundError), EXC(IndexError), EXC(KeyError),
    EXC(KeyboardInterrupt), EXC(MemoryError), EXC(NameError),
    EXC(OverflowError), EXC(RuntimeError), EXC(RecursionError),
    EXC(NotImplementedError), EXC(PythonFinalizationError), EXC(SyntaxError),
    EXC(IndentationError), EXC(TabError), EXC(ReferenceError),
    EXC(SystemError), EXC(SystemExit), EXC(TypeError), EXC(UnboundLocalError),
    EXC(UnicodeError), EXC(UnicodeEncodeError), EXC(UnicodeDecodeError),
    EXC(UnicodeTranslateError), EXC(ValueError), EXC(ZeroDivisionError),
    EXC(BlockingIOError), EXC(BrokenPipeError), EXC(ChildProcessError),
    EXC(ConnectionError), EXC(ConnectionAbortedError),
    EXC(ConnectionRefusedError), EXC(ConnectionResetError),
    EXC(FileExistsError), EXC(FileNotFoundError), EXC(InterruptedError),
    EXC(IsADirectoryError), EXC(NotADirectoryError), EXC(PermissionError),
    EXC(ProcessLookupError), EXC(TimeoutError), EXC(EnvironmentError),
    EXC(IOError), EXC(Warning), EXC(UserWarning), EXC(DeprecationWarning),
    EXC(PendingDeprecationWarning), EXC(SyntaxWarning), EXC(RuntimeWarning),
    EXC(FutureWarning), EXC(ImportWarning), EXC(UnicodeWarning),
    EXC(BytesWarning), EXC(ResourceWarning), EXC(EncodingWarning),
    {"_IncompleteInputError", &PyExc_IncompleteInputError},
};
#undef EXC

typedef struct {
    const char *name;
    PyObject *value;
} builtin_entry;

static int add_builtin_objects(PyObject *dict)
{
    const builtin_entry objects[] = {
        {"None", Py_None},
        {"Ellipsis", Py_Ellipsis},
        {"NotImplemented", Py_NotImplemented},
        {"False", Py_False},
        {"True", Py_True},
        {"bool", (PyObject *)&PyBool_Type},
        {"memoryview", (PyObject *)&PyMemoryView_Type},
        {"bytearray", (PyObject *)&PyByteArray_Type},
        {"bytes", (PyObject *)&PyBytes_Type},
        {"classmethod", (PyObject *)&PyClassMethod_Type},
        {"complex", (PyObject *)&PyComplex_Type},
        {"dict", (PyObject *)&PyDict_Type},
        {"enumerate", (PyObject *)&PyEnum_Type},
        {"filter", (PyObject *)&PyFilter_Type},
        {"float", (PyObject *)&PyFloat_Type},
        {"frozendict", (PyObject *)&PyFrozenDict_Type},
        {"frozenset", (PyObject *)&PyFrozenSet_Type},
        {"property", (PyObject *)&PyProperty_Type},
        {"int", (PyObject *)&PyLong_Type},
        {"list", (PyObject *)&PyList_Type},
        {"map", (PyObject *)&PyMap_Type},
        {"object", (PyObject *)&PyBaseObject_Type},
        {"range", (PyObject *)&PyRange_Type},
        {"reversed", (PyObject *)&PyReversed_Type},
        {"sentinel", (PyObject *)&PySentinel_Type},
        {"set", (PyObject *)&PySet_Type},
        {"slice", (PyObject *)&PySlice_Type},
        {"staticmethod", (PyObject *)&PyStaticMethod_Type},
        {"str", (PyObject *)&PyUnicode_Type},
        {"super", (PyObject *)&PySuper_Type},
        {"tuple", (PyObject *)&PyTuple_Type},
        {"type", (PyObject *)&PyType_Type},
        {"zip", (PyObject *)&PyZip_Type},
    };
    for (size_t i = 0; i < sizeof(objects) / sizeof(objects[0]); i++) {
        if (PyDict_SetItemString(dict, objects[i].name, objects[i].value) < 0) {
            return -1;
        }
    }
    for (size_t i = 0;
         i < sizeof(builtin_exceptions) / sizeof(builtin_exceptions[0]); i++) {
        if (PyDict_SetItemString(dict, builtin_exceptions[i].name,
                                 *builtin_exceptions[i].exc) < 0) {
            return -1;
        }
    }
    /* __debug__ is True unless running with -O. */
    return PyDict_SetItemString(dict, "__debug__", Py_True);
}

PyObject *_PyBuiltin_Init(PyInterpreterState *interp)
{
    (void)interp;
    PyObject *mod = PyModule_Create(&builtinsmodule);
    if (mod == NULL) {
        return NULL;
    }
    PyObject *dict = PyModule_GetDict(mod);
    if (add_builtin_objects(dict) < 0
            || _PyBuiltin_AddEvalFunctions(mod) < 0) {
        Py_DECREF(mod);
        return NULL;
    }
    return mod;
}

/* Init hook (Python/pylifecycle.c): create builtins and publish it as the
   interpreter's builtins dict.  Runs single-threaded at start-up. */
int _PyBuiltin_InitHook(PyInterpreterState *interp)
{
    PyObject *mod = _PyBuiltin_Init(interp);
    if (mod == NULL) {
        return -1;
    }
    Py_XSETREF(interp->builtins, Py_NewRef(PyModule_GetDict(mod)));
    /* sys.modules keeps the module alive; the sys hook adopts this dict. */
    if (interp->modules == NULL) {
        interp->modules = PyDict_New();
        if (interp->modules == NULL) {
            Py_DECREF(mod);
            return -1;
        }
    }
    int rc = PyDict_SetItemString(interp->modules, "builtins", mod);
    Py_DECREF(mod);
    return rc;
}
