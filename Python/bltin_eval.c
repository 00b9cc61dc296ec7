/* The builtins that run code or look at the running frame: compile, eval,
   exec, globals, locals, __build_class__ and __import__.  Added to the
   builtins module by _PyBuiltin_AddEvalFunctions.

   Thread safety: no state of their own; the namespaces they touch are
   dicts that protect themselves. */
#include "Python.h"
#include "sysmodule.h"
#include "pythonrun.h"
#include "pycore_call.h"
#include "pycore_ceval.h"
#include "pycore_compile.h"
#include "pycore_frame.h"
#include "pycore_pystate.h"
#include "pycore_typeobject.h"

/* Source text of a str/bytes/bytearray/buffer argument as UTF-8 (a new
   bytes object in *keep); NULL with TypeError naming `funcname`. */
static const char *source_text(PyObject *src, const char *funcname,
                               const char *what, PyObject **keep, int *cf)
{
    *keep = NULL;
    if (PyUnicode_Check(src)) {
        *cf |= PyCF_IGNORE_COOKIE;
        Py_ssize_t size;
        const char *s = PyUnicode_AsUTF8AndSize(src, &size);
        if (s != NULL && strlen(s) != (size_t)size) {
            PyErr_SetString(PyExc_SyntaxError,
                            "source code string cannot contain null bytes");
            return NULL;
        }
        return s;
    }
    PyObject *bytes;
    if (PyBytes_Check(src)) {
        bytes = src;
    }
    else if (PyObject_CheckBuffer(src)) {
        /* bytearray, memoryview and other buffers: a private copy. */
        *keep = PyBytes_FromObject(src);
        if (*keep == NULL) {
            return NULL;
        }
        bytes = *keep;
    }
    else {
        PyErr_Format(PyExc_TypeError, "%s() arg 1 must be a %s object",
                     funcname, what);
        return NULL;
    }
    const char *text = PyBytes_AS_STRING(bytes);
    if (strlen(text) != (size_t)PyBytes_GET_SIZE(bytes)) {
        PyErr_SetString(PyExc_SyntaxError,
                        "source code string cannot contain null bytes");
        Py_CLEAR(*keep);
        return NULL;
    }
    return text;
}

static int mode_from_string(const char *mode, const char *funcname)
{
    if (strcmp(mode, "exec") == 0) {
        return Py_file_input;
    }
    if (strcmp(mode, "eval") == 0) {
        return Py_eval_input;
    }
    if (strcmp(mode, "single") == 0) {
        return Py_single_input;
    }
    if (strcmp(mode, "func_type") == 0) {
        return Py_func_type_input;
    }
    PyErr_Format(PyExc_ValueError,
                 "%s() mode must be 'exec', 'eval' or 'single'", funcname);
    return -1;
}

/* ast: AST objects and PyCF_ONLY_AST (Python/ast_convert.c). */
extern int _PyAST_IsASTObject(PyObject *obj);
extern PyObject *_PyAST_CompileObject(PyObject *ast, PyObject *filename,
                                      int mode, int flags, int optimize);
/* feature_version: the minor version of the syntax accepted. */
extern PyObject *_PyAST_ParseToObject(const char *text, PyObject *filename,
                                      int mode, int flags, int optimize,
                                      int feature_version);

static PyObject *builtin_compile(PyObject *module, PyObject *args,
                                 PyObject *kwds)
{
    (void)module;
    static char *keywords[] = {"source", "filename", "mode", "flags",
                               "dont_inherit", "optimize", "_feature_version",
                               NULL};
    PyObject *source, *filename;
    const char *mode;
    int flags = 0, dont_inherit = 0, optimize = -1, feature_version = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO&s|ipi$i:compile", keywords,
                                     &source, PyUnicode_FSDecoder, &filename,
                                     &mode, &flags, &dont_inherit, &optimize,
                                     &feature_version)) {
        return NULL;
    }
    PyObject *result = NULL, *keep = NULL;
    /* __future__ features, the obsolete CO_NESTED and the PyCF_* options
       a caller may pass; anything else is refused. */
    const int known_flags = PyCF_MASK | CO_NESTED | PyCF_ONLY_AST |
        PyCF_ALLOW_TOP_LEVEL_AWAIT | PyCF_TYPE_COMMENTS |
        PyCF_DONT_IMPLY_DEDENT | PyCF_ALLOW_INCOMPLETE_INPUT |
        PyCF_OPTIMIZED_AST;
    if (flags & ~known_flags) {
        PyErr_SetString(PyExc_ValueError, "compile(): unrecognised flags");
        goto done;
    }
    int start = mode_from_string(mode, "compile");
    if (start < 0) {
        goto done;
    }
    if (optimize < -1 || optimize > 2) {
        PyErr_SetString(PyExc_ValueError, "compile(): invalid optimize value");
        goto done;
    }
    /* ast: compile() of an AST object, and source to AST objects. */
    if (_PyAST_IsASTObject(source)) {
        result = _PyAST_CompileObject(source, filename, start, flags,
                                      optimize);
        goto done;
    }
    if (start == Py_func_type_input && !(flags & PyCF_ONLY_AST)) {
        PyErr_SetString(PyExc_ValueError,
                        "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
        goto done;
    }
    const char *text = source_text(source, "compile",
                                   "string, bytes or AST", &keep, &flags);
    if (text == NULL) {
        goto done;
    }
    if (flags & PyCF_ONLY_AST) {
        /* -1 (the default): this version's syntax. */
        if (feature_version < 0) {
            feature_version = PY_MINOR_VERSION;
        }
        result = _PyAST_ParseToObject(text, filename, start, flags, optimize,
                                      feature_version);
        goto done;
    }
    PyCompilerFlags cf = {.cf_flags = flags, .cf_feature_version = 15};
    result = Py_CompileStringObject(text, filename, start, &cf, optimize);
done:
    Py_XDECREF(keep);
    Py_DECREF(filename);
    return result;
}

/* globals/locals for eval and exec: defaults from the calling frame, and
   __builtins__ inserted when missing. */
static int prepare_namespaces(const char *funcname, PyObject **globals,
                              PyObject **locals)
{
    if (*globals == Py_None) {
        *globals = NULL;
    }
    if (*locals == Py_None) {
        *locals = NULL;
    }
    /* A frozendict may serve as globals (3.15): it is read only, so code
       that assigns a global fails, and __builtins__ cannot be added. */
    if (*globals != NULL && !PyAnyDict_Check(*globals)) {
        PyErr_Format(PyExc_TypeError,
                     strcmp(funcname, "eval") == 0
                     ? "globals must be a real dict; try eval(expr, {}, mapping)"
                     : "exec() globals must be a dict, not %.100s",
                     Py_TYPE(*globals)->tp_name);
        return -1;
    }
    if (*locals != NULL && !PyMapping_Check(*locals)) {
        PyErr_Format(PyExc_TypeError, "locals must be a mapping");
        return -1;
    }
    if (*globals == NULL) {
        *globals = PyEval_GetGlobals();
        if (*globals == NULL) {
            PyErr_Format(PyExc_SystemError, "%s must be given globals and "
                         "locals when called without a frame", funcname);
            return -1;
        }
        Py_INCREF(*globals);
        if (*locals == NULL) {
            *locals = PyEval_GetFrameLocals();
            if (*locals == NULL) {
                Py_DECREF(*globals);
                return -1;
            }
        }
        else {
            Py_INCREF(*locals);
        }
    }
    else {
        Py_INCREF(*globals);
        *locals = Py_NewRef(*locals ? *locals : *globals);
    }
    int has = PyDict_Contains(*globals, _Py_INTERNED_ID(__builtins__));
    if (has == 0 && !PyFrozenDict_Check(*globals)) {
        PyObject *builtins = PyEval_GetBuiltins();
        has = PyDict_SetItem(*globals, _Py_INTERNED_ID(__builtins__),
                             builtins) < 0 ? -1 : 1;
    }
    if (has < 0) {
        Py_DECREF(*globals);
        Py_DECREF(*locals);
        return -1;
    }
    return 0;
}

/* exec(code, closure=...): a tuple of exactly one cell per free variable
   of the code, and no closure for code without free variables. */
static int check_exec_closure(PyCodeObject *co, PyObject *closure)
{
    Py_ssize_t nfree = co->co_nfreevars;
    if (nfree == 0) {
        if (closure != NULL) {
            PyErr_SetString(PyExc_TypeError,
                            "cannot use a closure with this code object");
            return -1;
        }
        return 0;
    }
    int ok = closure != NULL && PyTuple_CheckExact(closure) &&
             PyTuple_GET_SIZE(closure) == nfree;
    for (Py_ssize_t i = 0; ok && i < nfree; i++) {
        ok = PyCell_Check(PyTuple_GET_ITEM(closure, i));
    }
    if (!ok) {
        PyErr_Format(PyExc_TypeError,
                     "code object requires a closure of exactly length %zd",
                     nfree);
        return -1;
    }
    return 0;
}

static PyObject *run_source_or_code(const char *funcname, PyObject *source,
                                    PyObject *globals, PyObject *locals,
                                    int start, PyObject *closure)
{
    int is_exec = strcmp(funcname, "exec") == 0;
    if (!PyCode_Check(source) && closure != NULL) {
        PyErr_SetString(PyExc_TypeError,
                        "closure can only be used when source is a code object");
        return NULL;
    }
    if (PyCode_Check(source)) {
        PyCodeObject *co = (PyCodeObject *)source;
        if (is_exec && check_exec_closure(co, closure) < 0) {
            return NULL;
        }
        if (co->co_nfreevars > 0 && closure == NULL) {
            PyErr_Format(PyExc_TypeError,
                         "code object passed to %s() may not contain free "
                         "variables", funcname);
            return NULL;
        }
        if (closure == NULL) {
            return PyEval_EvalCode(source, globals, locals);
        }
        return PyEval_EvalCodeEx(source, globals, locals, NULL, 0, NULL, 0,
                                 NULL, 0, NULL, closure);
    }
    PyObject *keep;
    int cf = 0;
    const char *text = source_text(source, funcname,
                                   start == Py_eval_input
                                   ? "string, bytes or code"
                                   : "string, bytes or code", &keep, &cf);
    if (text == NULL) {
        return NULL;
    }
    /* eval() ignores leading spaces and tabs. */
    if (start == Py_eval_input) {
        while (*text == ' ' || *text == '\t') {
            text++;
        }
    }
    PyCompilerFlags flags = {.cf_flags = cf, .cf_feature_version = 15};
    PyObject *result = PyRun_StringFlags(text, start, globals, locals, &flags);
    Py_XDECREF(keep);
    return result;
}

static PyObject *builtin_eval(PyObject *module, PyObject *args, PyObject *kwds)
{
    (void)module;
    static char *keywords[] = {"source", "globals", "locals", NULL};
    PyObject *source, *globals = Py_None, *locals = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OO:eval", keywords,
                                     &source, &globals, &locals)) {
        return NULL;
    }
    if (prepare_namespaces("eval", &globals, &locals) < 0) {
        return NULL;
    }
    PyObject *result = run_source_or_code("eval", source, globals, locals,
                                          Py_eval_input, NULL);
    Py_DECREF(globals);
    Py_DECREF(locals);
    return result;
}

static PyObject *builtin_exec(PyObject *module, PyObject *args, PyObject *kwds)
{
    (void)module;
    static char *keywords[] = {"source", "globals", "locals", "closure", NULL};
    PyObject *source, *globals = Py_None, *locals = Py_None, *closure = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OO$O:exec", keywords,
                                     &source, &globals, &locals, &closure)) {
        return NULL;
    }
    if (closure == Py_None) {
        closure = NULL;
    }
    if (prepare_namespaces("exec", &globals, &locals) < 0) {
        return NULL;
    }
    PyObject *result = run_source_or_code("exec", source, globals, locals,
                                          Py_file_input, closure);
    Py_DECREF(globals);
    Py_DECREF(locals);
    if (result == NULL) {
        return NULL;
    }
    Py_DECREF(result);
    Py_RETURN_NONE;
}

static PyObject *builtin_globals(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    (void)module;
    PyObject *globals = PyEval_GetGlobals();
    return Py_NewRef(globals ? globals : Py_None);
}

static PyObject *builtin_locals(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    (void)module;
    return PyEval_GetFrameLocals();
}

/* Resolve PEP 560 __mro_entries__ in bases; a new tuple (or bases itself
   with a new reference when nothing changed). */
static PyObject *update_bases(PyObject *bases)
{
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    PyObject *new_bases = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *base = PyTuple_GET_ITEM(bases, i);
        if (PyType_Check(base)) {
            if (new_bases != NULL && PyList_Append(new_bases, base) < 0) {
                goto error;
            }
            continue;
        }
        PyObject *meth;
        if (PyObject_GetOptionalAttrString(base, "__mro_entries__", &meth) < 0) {
            goto error;
        }
        if (meth == NULL) {
            if (new_bases != NULL && PyList_Append(new_bases, base) < 0) {
                goto error;
            }
            continue;
        }
        PyObject *entries = PyObject_CallOneArg(meth, bases);
        Py_DECREF(meth);
        if (entries == NULL) {
            goto error;
        }
        if (!PyTuple_Check(entries)) {
            PyErr_SetString(PyExc_TypeError,
                            "__mro_entries__ must return a tuple");
            Py_DECREF(entries);
            goto error;
        }
        if (new_bases == NULL) {
            new_bases = PyList_New(0);
            if (new_bases == NULL) {
                Py_DECREF(entries);
                goto error;
            }
            for (Py_ssize_t j = 0; j < i; j++) {
                if (PyList_Append(new_bases, PyTuple_GET_ITEM(bases, j)) < 0) {
                    Py_DECREF(entries);
                    goto error;
                }
            }
        }
        int err = PyList_SetSlice(new_bases, PyList_GET_SIZE(new_bases),
                                  PyList_GET_SIZE(new_bases), entries);
        Py_DECREF(entries);
        if (err < 0) {
            goto error;
        }
    }
    if (new_bases == NULL) {
        return Py_NewRef(bases);
    }
    PyObject *result = PyList_AsTuple(new_bases);
    Py_DECREF(new_bases);
    return result;
error:
    Py_XDECREF(new_bases);
    return NULL;
}

/* __build_class__(func, name, /, *bases, metaclass=None, **kwds) */
static PyObject *builtin___build_class__(PyObject *module, PyObject *const *args,
                                         Py_ssize_t nargs, PyObject *kwnames)
{
    (void)module;
    if (nargs < 2) {
        PyErr_SetString(PyExc_TypeError,
                        "__build_class__: not enough arguments");
        return NULL;
    }
    PyObject *func = args[0], *name = args[1];
    if (!PyFunction_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "__build_class__: func must be a function");
        return NULL;
    }
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "__build_class__: name is not a string");
        return NULL;
    }
    PyObject *orig_bases = PyTuple_New(nargs - 2);
    if (orig_bases == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 2; i < nargs; i++) {
        PyTuple_SET_ITEM(orig_bases, i - 2, Py_NewRef(args[i]));
    }
    PyObject *bases = NULL, *meta = NULL, *mkw = NULL, *ns = NULL;
    PyObject *cls = NULL, *cell = NULL;
    bases = update_bases(orig_bases);
    if (bases == NULL) {
        goto done;
    }
    mkw = kwnames ? _PyStack_AsDict(args + nargs, kwnames) : PyDict_New();
    if (mkw == NULL) {
        goto done;
    }
    if (PyDict_Pop(mkw, _Py_INTERNED_ID(metaclass), &meta) < 0) {
        goto done;
    }
    int is_class = 0;
    if (meta == NULL) {
        meta = Py_NewRef(PyTuple_GET_SIZE(bases) == 0
                         ? (PyObject *)&PyType_Type
                         : (PyObject *)Py_TYPE(PyTuple_GET_ITEM(bases, 0)));
        is_class = 1;
    }
    else {
        is_class = PyType_Check(meta);
    }
    if (is_class) {
        /* The most derived metaclass among meta and the bases'. */
        PyTypeObject *winner = (PyTypeObject *)meta;
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(bases); i++) {
            PyTypeObject *t = Py_TYPE(PyTuple_GET_ITEM(bases, i));
            if (PyType_IsSubtype(winner, t)) {
                continue;
            }
            if (PyType_IsSubtype(t, winner)) {
                winner = t;
                continue;
            }
            PyErr_SetString(PyExc_TypeError,
                            "metaclass conflict: the metaclass of a derived class "
                            "must be a (non-strict) subclass of the metaclasses "
                            "of all its bases");
            goto done;
        }
        Py_SETREF(meta, Py_NewRef((PyObject *)winner));
    }
    PyObject *prep;
    if (PyObject_GetOptionalAttrString(meta, "__prepare__", &prep) < 0) {
        goto done;
    }
    if (prep == NULL) {
        ns = PyDict_New();
    }
    else {
        PyObject *pargs[2] = {name, bases};
        ns = PyObject_VectorcallDict(prep, pargs, 2, mkw);
        Py_DECREF(prep);
    }
    if (ns == NULL) {
        goto done;
    }
    if (!PyMapping_Check(ns)) {
        PyErr_Format(PyExc_TypeError,
                     "%.200s.__prepare__() must return a mapping, not %.200s",
                     is_class ? ((PyTypeObject *)meta)->tp_name : "<metaclass>",
                     Py_TYPE(ns)->tp_name);
        goto done;
    }
    cell = _PyEval_Vector(_PyThreadState_GET(), (PyFunctionObject *)func, ns,
                          NULL, 0, NULL);
    if (cell == NULL) {
        goto done;
    }
    if (bases != orig_bases
            && PyMapping_SetItemString(ns, "__orig_bases__", orig_bases) < 0) {
        goto done;
    }
    PyObject *margs[3] = {name, bases, ns};
    cls = PyObject_VectorcallDict(meta, margs, 3, mkw);
    if (cls != NULL && PyType_Check(cls) && PyCell_Check(cell)) {
        PyObject *cell_cls = PyCell_GET(cell);
        if (cell_cls == NULL) {
            /* type.__new__ fills the cell from __classcell__; a metaclass
               that dropped it from the namespace broke zero-argument
               super() in the methods. */
            PyErr_Format(PyExc_RuntimeError,
                         "__class__ not set defining %.200R as %.200R. "
                         "Was __classcell__ propagated to type.__new__?",
                         name, cls);
            Py_CLEAR(cls);
        }
        else if (cell_cls != cls) {
            PyErr_Format(PyExc_TypeError,
                         "__class__ set to %.200R defining %.200R as %.200R",
                         cell_cls, name, cls);
            Py_CLEAR(cls);
        }
    }
done:
    Py_XDECREF(cell);
    Py_XDECREF(ns);
    Py_XDECREF(meta);
    Py_XDECREF(mkw);
    Py_XDECREF(bases);
    Py_DECREF(orig_bases);
    return cls;
}

static PyObject *builtin___import__(PyObject *module, PyObject *args,
                                    PyObject *kwds)
{
    (void)module;
    static char *keywords[] = {"name", "globals", "locals", "fromlist", "level",
                               NULL};
    PyObject *name, *globals = NULL, *locals = NULL, *fromlist = NULL;
    int level = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U|OOOi:__import__", keywords,
                                     &name, &globals, &locals, &fromlist,
                                     &level)) {
        return NULL;
    }
    return PyImport_ImportModuleLevelObject(name, globals, locals, fromlist,
                                            level);
}

static PyMethodDef eval_methods[] = {
    {"__build_class__", _PyCFunction_CAST(builtin___build_class__),
     METH_FASTCALL | METH_KEYWORDS,
     "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class"},
    {"__import__", _PyCFunction_CAST(builtin___import__),
     METH_VARARGS | METH_KEYWORDS,
     "__import__(name, globals=None, locals=None, fromlist=(), level=0)"},
    {"compile", _PyCFunction_CAST(builtin_compile), METH_VARARGS | METH_KEYWORDS,
     "compile($module, /, source, filename, mode, flags=0, dont_inherit=False, "
     "optimize=-1, *, _feature_version=-1)\n--\n\nCompile source into a code "
     "object that can be executed by exec() or eval()."},
    {"eval", _PyCFunction_CAST(builtin_eval), METH_VARARGS | METH_KEYWORDS,
     "eval($module, source, /, globals=None, locals=None)\n--\n\nEvaluate the "
     "given source in the context of globals and locals."},
    {"exec", _PyCFunction_CAST(builtin_exec), METH_VARARGS | METH_KEYWORDS,
     "exec($module, source, /, globals=None, locals=None, *, closure=None)\n"
     "--\n\nExecute the given source in the context of globals and locals."},
    {"globals", builtin_globals, METH_NOARGS,
     "globals($module, /)\n--\n\nReturn the dictionary containing the current "
     "scope's global variables."},
    {"locals", builtin_locals, METH_NOARGS,
     "locals($module, /)\n--\n\nReturn a dictionary containing the current "
     "scope's local variables."},
    {NULL, NULL, 0, NULL},
};

int _PyBuiltin_AddEvalFunctions(PyObject *module)
{
    return PyModule_AddFunctions(module, eval_methods);
}
