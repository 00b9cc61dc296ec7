/* Code generation: AST to control-flow graph, one compiler unit per
   scope (module, class body, function, lambda, comprehension,
   __annotate__), then flowgraph.c and assemble.c make the code object.

   The emitted bytecode follows CPython 3.14 (Include/internal/
   pycore_opcode.h).  Constant expressions are folded on the AST while
   they are visited (Python/constant_folding.c); statements are in
   Python/codegen_stmt.c.  Everything is private to the compiling
   thread. */
#include "Python.h"
#include "pycore_codegen.h"
#include "pycore_initconfig.h"
#include "pycore_long.h"


int
compiler_error(struct compiler *c, location loc, const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    PyObject *msg = PyUnicode_FromFormatV(format, vargs);
    va_end(vargs);
    if (msg == NULL) {
        return -1;
    }
    PyErr_SetObject(PyExc_SyntaxError, msg);
    Py_DECREF(msg);
    PyErr_RangedSyntaxLocationObject(c->c_filename, loc.lineno,
                                     loc.col_offset + 1, loc.end_lineno,
                                     loc.end_col_offset + 1);
    return -1;
}

/* ---- constants and names ----------------------------------------------- */

/* A key telling apart constants that compare equal but are different
   (0, 0.0, -0.0, False, 0j), recursively inside tuples and frozensets. */
static PyObject *
const_key(PyObject *o)
{
    if (o == Py_None || o == Py_Ellipsis || PyBool_Check(o)) {
        return Py_NewRef(o);
    }
    if (PyFloat_CheckExact(o) || PyComplex_CheckExact(o)) {
        PyObject *raw;
        if (PyFloat_CheckExact(o)) {
            double d = PyFloat_AS_DOUBLE(o);
            raw = PyBytes_FromStringAndSize((const char *)&d, sizeof(d));
        }
        else {
            Py_complex z = PyComplex_AsCComplex(o);
            raw = PyBytes_FromStringAndSize((const char *)&z, sizeof(z));
        }
        if (raw == NULL) {
            return NULL;
        }
        PyObject *key = PyTuple_Pack(2, (PyObject *)Py_TYPE(o), raw);
        Py_DECREF(raw);
        return key;
    }
    if (PyTuple_CheckExact(o)) {
        Py_ssize_t n = PyTuple_GET_SIZE(o);
        PyObject *items = PyTuple_New(n);
        if (items == NULL) {
            return NULL;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *k = const_key(PyTuple_GET_ITEM(o, i));
            if (k == NULL) {
                Py_DECREF(items);
                return NULL;
            }
            PyTuple_SET_ITEM(items, i, k);
        }
        PyObject *key = PyTuple_Pack(3, (PyObject *)Py_TYPE(o), items, o);
        Py_DECREF(items);
        return key;
    }
    if (PyCode_Check(o) || PyFrozenSet_CheckExact(o) || PySlice_Check(o)) {
        PyObject *id = PyLong_FromVoidPtr(o);
        if (id == NULL) {
            return NULL;
        }
        PyObject *key = PyTuple_Pack(2, (PyObject *)Py_TYPE(o), id);
        Py_DECREF(id);
        return key;
    }
    return PyTuple_Pack(2, (PyObject *)Py_TYPE(o), o);
}

/* Index of `o` in co_consts, adding it if new. */
Py_ssize_t
const_index(struct compiler_unit *u, PyObject *o)
{
    PyObject *key = const_key(o);
    if (key == NULL) {
        return -1;
    }
    PyObject *v = PyDict_GetItemWithError(u->u_consts_map, key);
    if (v != NULL) {
        Py_DECREF(key);
        return PyLong_AsSsize_t(v);
    }
    if (PyErr_Occurred()) {
        Py_DECREF(key);
        return -1;
    }
    Py_ssize_t index = PyList_GET_SIZE(u->u_consts);
    PyObject *idx = PyLong_FromSsize_t(index);
    if (idx == NULL || PyDict_SetItem(u->u_consts_map, key, idx) < 0 ||
        PyList_Append(u->u_consts, o) < 0) {
        Py_XDECREF(idx);
        Py_DECREF(key);
        return -1;
    }
    Py_DECREF(idx);
    Py_DECREF(key);
    return index;
}

int
load_const(struct compiler *c, location loc, PyObject *o)
{
    if (PyLong_CheckExact(o)) {
        int overflow;
        long v = PyLong_AsLongAndOverflow(o, &overflow);
        if (!overflow && v >= 0 && v < 256) {
            ADDOP_I(c, loc, LOAD_SMALL_INT, (int)v);
            return 0;
        }
        PyErr_Clear();
    }
    Py_ssize_t index = const_index(c->u, o);
    if (index < 0) {
        return -1;
    }
    ADDOP_I(c, loc, LOAD_CONST, (int)index);
    return 0;
}

/* Steals the reference to o. */
int
load_const_new(struct compiler *c, location loc, PyObject *o)
{
    if (o == NULL) {
        return -1;
    }
    int r = load_const(c, loc, o);
    Py_DECREF(o);
    return r;
}

static Py_ssize_t
name_index(struct compiler_unit *u, PyObject *name)
{
    PyObject *v = PyDict_GetItemWithError(u->u_names_map, name);
    if (v != NULL) {
        return PyLong_AsSsize_t(v);
    }
    if (PyErr_Occurred()) {
        return -1;
    }
    Py_ssize_t index = PyList_GET_SIZE(u->u_names);
    PyObject *idx = PyLong_FromSsize_t(index);
    if (idx == NULL || PyDict_SetItem(u->u_names_map, name, idx) < 0 ||
        PyList_Append(u->u_names, name) < 0) {
        Py_XDECREF(idx);
        return -1;
    }
    Py_DECREF(idx);
    return index;
}

/* Emit op with the (mangled) name's index; LOAD_ATTR / LOAD_GLOBAL shift
   it left to make room for their flag bit. */
int
addop_name(struct compiler *c, location loc, int op, PyObject *name,
           int flag)
{
    PyObject *mangled = _Py_Mangle(c->u->u_private, name);
    if (mangled == NULL) {
        return -1;
    }
    Py_ssize_t index = name_index(c->u, mangled);
    Py_DECREF(mangled);
    if (index < 0) {
        return -1;
    }
    int arg = (int)index;
    if (op == LOAD_ATTR || op == LOAD_GLOBAL) {
        arg = (arg << 1) | flag;
    }
    else if (op == LOAD_SUPER_ATTR || op == IMPORT_NAME) {
        arg = (arg << 2) | flag;
    }
    ADDOP_I(c, loc, op, arg);
    return 0;
}

int
dict_index(PyObject *dict, PyObject *name)
{
    PyObject *v = PyDict_GetItemWithError(dict, name);
    if (v == NULL) {
        return -1;
    }
    return (int)PyLong_AsLong(v);
}

/* ---- units ------------------------------------------------------------- */

static int
append_slot(struct compiler_unit *u, PyObject *name, int kind)
{
    PyObject *k = PyLong_FromLong(kind);
    if (k == NULL || PyList_Append(u->u_localsplus, name) < 0 ||
        PyList_Append(u->u_kinds, k) < 0) {
        Py_XDECREF(k);
        return -1;
    }
    Py_DECREF(k);
    return 0;
}

static int
set_index(PyObject *dict, PyObject *name, Py_ssize_t i)
{
    PyObject *v = PyLong_FromSsize_t(i);
    if (v == NULL) {
        return -1;
    }
    int r = PyDict_SetItem(dict, name, v);
    Py_DECREF(v);
    return r;
}

/* Sorted list of the symbols of `ste` in `scope` (or with `flag`). */
static PyObject *
sorted_names(PySTEntryObject *ste, int scope, int flag)
{
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    Py_ssize_t pos = 0;
    PyObject *name, *v;
    while (PyDict_Next(ste->ste_symbols, &pos, &name, &v)) {
        long f = PyLong_AsLong(v);
        if (SYMBOL_TO_SCOPE(f) == scope || (flag && (f & flag))) {
            if (PyList_Append(list, name) < 0) {
                Py_DECREF(list);
                return NULL;
            }
        }
    }
    if (PyList_Sort(list) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    return list;
}

/* Module and class bodies: the iteration variables of inlined
   comprehensions that nested scopes close over are hidden cells. */
static int
add_hidden_cells(struct compiler_unit *u)
{
    PyObject *hidden = u->u_ste->ste_comp_hidden;
    if (hidden == NULL) {
        return 0;
    }
    Py_ssize_t pos = 0;
    PyObject *name, *v;
    while (PyDict_Next(hidden, &pos, &name, &v)) {
        if (PyLong_AsLong(v) != CELL) {
            continue;
        }
        int r = PyDict_Contains(u->u_derefs, name);
        if (r < 0) {
            return -1;
        }
        if (r == 0 &&
            (set_index(u->u_derefs, name, PyList_GET_SIZE(u->u_localsplus)) < 0 ||
             append_slot(u, name, CO_FAST_CELL | CO_FAST_HIDDEN) < 0)) {
            return -1;
        }
    }
    return 0;
}

/* Lay out the fast-locals-plus slots: parameters, other locals (in
   symbol order), cells that are not parameters, free variables. */
static int
layout_locals(struct compiler_unit *u)
{
    PySTEntryObject *ste = u->u_ste;
    int function_like = _PyST_IsFunctionLike(ste);
    if (function_like) {
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(ste->ste_varnames); i++) {
            PyObject *name = PyList_GET_ITEM(ste->ste_varnames, i);
            int cell = _PyST_GetScope(ste, name) == CELL;
            if (set_index(u->u_varnames, name, i) < 0 ||
                append_slot(u, name, CO_FAST_LOCAL | (cell ? CO_FAST_CELL : 0)) < 0) {
                return -1;
            }
            if (cell && set_index(u->u_derefs, name, i) < 0) {
                return -1;
            }
        }
        u->u_nparams = (int)PyList_GET_SIZE(ste->ste_varnames);
        Py_ssize_t pos = 0;
        PyObject *name, *v;
        while (PyDict_Next(ste->ste_symbols, &pos, &name, &v)) {
            long f = PyLong_AsLong(v);
            if (SYMBOL_TO_SCOPE(f) != LOCAL || (f & DEF_PARAM)) {
                continue;
            }
            if (set_index(u->u_varnames, name, PyList_GET_SIZE(u->u_localsplus)) < 0 ||
                append_slot(u, name, CO_FAST_LOCAL) < 0) {
                return -1;
            }
        }
    }
    else if (ste->ste_comp_hidden != NULL) {
        Py_ssize_t pos = 0;
        PyObject *name, *v;
        while (PyDict_Next(ste->ste_comp_hidden, &pos, &name, &v)) {
            if (PyLong_AsLong(v) != LOCAL) {
                continue;
            }
            if (set_index(u->u_varnames, name, PyList_GET_SIZE(u->u_localsplus)) < 0 ||
                append_slot(u, name, CO_FAST_LOCAL | CO_FAST_HIDDEN) < 0) {
                return -1;
            }
        }
    }
    PyObject *cells = sorted_names(ste, CELL, 0);
    if (cells == NULL) {
        return -1;
    }
    if (ste->ste_type == ClassBlock) {
        const char *implicit[2] = { "__class__", "__classdict__" };
        int needed[2] = { ste->ste_needs_class_closure, ste->ste_needs_classdict };
        for (int k = 0; k < 2; k++) {
            if (!needed[k]) {
                continue;
            }
            PyObject *n = PyUnicode_InternFromString(implicit[k]);
            if (n == NULL || PyList_Append(cells, n) < 0) {
                Py_XDECREF(n);
                Py_DECREF(cells);
                return -1;
            }
            Py_DECREF(n);
        }
        if (PyList_Sort(cells) < 0) {
            Py_DECREF(cells);
            return -1;
        }
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(cells); i++) {
        PyObject *name = PyList_GET_ITEM(cells, i);
        int r = PyDict_Contains(u->u_derefs, name);
        if (r != 0) {
            if (r < 0) {
                Py_DECREF(cells);
                return -1;
            }
            continue;
        }
        Py_ssize_t slot = PyList_GET_SIZE(u->u_localsplus);
        if (set_index(u->u_derefs, name, slot) < 0 ||
            (u->u_classcells != NULL &&
             set_index(u->u_classcells, name, slot) < 0) ||
            append_slot(u, name, CO_FAST_CELL) < 0) {
            Py_DECREF(cells);
            return -1;
        }
    }
    Py_DECREF(cells);
    if (!function_like && add_hidden_cells(u) < 0) {
        return -1;
    }
    PyObject *frees = sorted_names(ste, FREE,
                                   ste->ste_type == ClassBlock ||
                                   ste->ste_can_see_class_scope
                                   ? DEF_FREE_CLASS : 0);
    if (frees == NULL) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(frees); i++) {
        PyObject *name = PyList_GET_ITEM(frees, i);
        if (set_index(u->u_derefs, name, PyList_GET_SIZE(u->u_localsplus)) < 0 ||
            append_slot(u, name, CO_FAST_FREE) < 0 ||
            PyList_Append(u->u_freevars, name) < 0) {
            Py_DECREF(frees);
            return -1;
        }
    }
    Py_DECREF(frees);
    return 0;
}

static void
unit_free(struct compiler_unit *u)
{
    _PyCfg_Fini(&u->u_cfg);
    Py_XDECREF(u->u_name);
    Py_XDECREF(u->u_qualname);
    Py_XDECREF(u->u_private);
    Py_XDECREF(u->u_consts);
    Py_XDECREF(u->u_consts_map);
    Py_XDECREF(u->u_names);
    Py_XDECREF(u->u_names_map);
    Py_XDECREF(u->u_varnames);
    Py_XDECREF(u->u_derefs);
    Py_XDECREF(u->u_classcells);
    Py_XDECREF(u->u_localsplus);
    Py_XDECREF(u->u_kinds);
    Py_XDECREF(u->u_freevars);
    Py_XDECREF(u->u_deleted);
    Py_XDECREF(u->u_fasthidden);
    Py_XDECREF(u->u_static_attributes);
    Py_XDECREF(u->u_annotations);
    PyMem_Free(u);
}

/* The qualified name: "outer.<locals>.f", "C.f", or just "f". */
static PyObject *
make_qualname(struct compiler *c, PyObject *name)
{
    struct compiler_unit *parent = c->u;
    /* A generic's parameter scope does not show in qualified names. */
    while (parent != NULL && parent->u_kind == UNIT_TYPEPARAMS) {
        parent = parent->u_parent;
    }
    if (parent == NULL || parent->u_kind == UNIT_MODULE) {
        return Py_NewRef(name);
    }
    /* A name declared global in the parent is a top-level name. */
    if (parent->u_kind == UNIT_FUNCTION || parent->u_kind == UNIT_ASYNC_FUNCTION ||
        parent->u_kind == UNIT_CLASS) {
        PyObject *mangled = _Py_Mangle(parent->u_private, name);
        if (mangled == NULL) {
            return NULL;
        }
        int scope = _PyST_GetScope(parent->u_ste, mangled);
        Py_DECREF(mangled);
        if (scope == GLOBAL_EXPLICIT) {
            return Py_NewRef(name);
        }
    }
    if (parent->u_kind == UNIT_FUNCTION || parent->u_kind == UNIT_ASYNC_FUNCTION ||
        parent->u_kind == UNIT_LAMBDA || parent->u_kind == UNIT_COMPREHENSION) {
        return PyUnicode_FromFormat("%U.<locals>.%U", parent->u_qualname, name);
    }
    if (parent->u_kind == UNIT_ANNOTATE) {
        return Py_NewRef(name);
    }
    return PyUnicode_FromFormat("%U.%U", parent->u_qualname, name);
}

/* Module code compiled with PyCF_ALLOW_TOP_LEVEL_AWAIT that awaits (await,
   async for/with, an async comprehension) is a coroutine: running it
   returns the coroutine object, as the asyncio REPL expects. */
static int
is_top_level_coroutine(struct compiler *c, struct compiler_unit *u)
{
    return u->u_kind == UNIT_MODULE &&
           (c->c_flags & PyCF_ALLOW_TOP_LEVEL_AWAIT) &&
           u->u_ste->ste_coroutine && !u->u_ste->ste_generator;
}

int
enter_scope(struct compiler *c, PyObject *name, enum unit_kind kind,
            void *key, int lineno)
{
    if (++c->c_nestlevel > 200) {
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded during compilation");
        return -1;
    }
    struct compiler_unit *u = PyMem_Calloc(1, sizeof(*u));
    if (u == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    u->u_kind = kind;
    u->u_ste = _PySymtable_Lookup(c->c_st, key);
    u->u_name = Py_NewRef(name);
    u->u_qualname = kind == UNIT_MODULE ? Py_NewRef(name) : make_qualname(c, name);
    u->u_consts = PyList_New(0);
    u->u_consts_map = PyDict_New();
    u->u_names = PyList_New(0);
    u->u_names_map = PyDict_New();
    u->u_varnames = PyDict_New();
    u->u_derefs = PyDict_New();
    u->u_localsplus = PyList_New(0);
    u->u_kinds = PyList_New(0);
    u->u_freevars = PyList_New(0);
    u->u_deleted = PySet_New(NULL);
    u->u_firstlineno = lineno;
    if (kind == UNIT_CLASS) {
        u->u_private = Py_NewRef(name);
        u->u_static_attributes = PySet_New(NULL);
        u->u_classcells = PyDict_New();
    }
    else if (c->u != NULL && c->u->u_private != NULL) {
        u->u_private = Py_NewRef(c->u->u_private);
    }
    if (kind == UNIT_MODULE || kind == UNIT_CLASS) {
        u->u_annotations = PyList_New(0);
    }
    if (u->u_ste == NULL || u->u_qualname == NULL || u->u_consts == NULL ||
        u->u_consts_map == NULL || u->u_names == NULL ||
        u->u_names_map == NULL || u->u_varnames == NULL ||
        u->u_derefs == NULL || u->u_localsplus == NULL ||
        u->u_kinds == NULL || u->u_freevars == NULL ||
        u->u_deleted == NULL ||
        (kind == UNIT_CLASS && (u->u_static_attributes == NULL ||
                                u->u_classcells == NULL)) ||
        ((kind == UNIT_MODULE || kind == UNIT_CLASS) && u->u_annotations == NULL) ||
        _PyCfg_Init(&u->u_cfg) < 0 || layout_locals(u) < 0) {
        unit_free(u);
        return -1;
    }
    u->u_parent = c->u;
    c->u = u;
    /* Prologue: free variables and cells, generator creation, RESUME. */
    /* As CPython: RESUME spans column 0 of the first line; a module's
       sits on line 0 (before its first line). */
    location loc = { lineno, lineno, 0, 0 };
    if (kind == UNIT_MODULE) {
        loc.lineno = 0;
    }
    Py_ssize_t nfree = PyList_GET_SIZE(u->u_freevars);
    if (nfree > 0) {
        ADDOP_I(c, NO_LOCATION, COPY_FREE_VARS, (int)nfree);
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(u->u_kinds); i++) {
        long k = PyLong_AsLong(PyList_GET_ITEM(u->u_kinds, i));
        if ((k & CO_FAST_CELL) && !(k & CO_FAST_FREE)) {
            ADDOP_I(c, NO_LOCATION, MAKE_CELL, (int)i);
        }
    }
    if (u->u_ste->ste_generator || u->u_ste->ste_coroutine) {
        if ((kind != UNIT_MODULE && kind != UNIT_CLASS) ||
                is_top_level_coroutine(c, u)) {
            /* CPython gives it the first line, without columns. */
            location gen_loc = { lineno, lineno, -1, -1 };
            ADDOP(c, gen_loc, RETURN_GENERATOR);
            ADDOP(c, NO_LOCATION, POP_TOP);
        }
    }
    ADDOP_I(c, loc, RESUME, RESUME_AT_FUNC_START);
    return 0;
}

void
exit_scope(struct compiler *c)
{
    struct compiler_unit *u = c->u;
    c->u = u->u_parent;
    c->c_nestlevel--;
    unit_free(u);
}

static int
is_generator_unit(struct compiler_unit *u)
{
    return (u->u_kind != UNIT_MODULE && u->u_kind != UNIT_CLASS) &&
           (u->u_ste->ste_generator || u->u_ste->ste_coroutine);
}

static int
compute_flags(struct compiler *c, struct compiler_unit *u)
{
    PySTEntryObject *ste = u->u_ste;
    int flags = 0;
    if (_PyST_IsFunctionLike(ste)) {
        flags |= CO_OPTIMIZED | CO_NEWLOCALS;
        if (ste->ste_nested) {
            flags |= CO_NESTED;
        }
        if (ste->ste_generator && ste->ste_coroutine) {
            flags |= CO_ASYNC_GENERATOR;
        }
        else if (ste->ste_coroutine) {
            flags |= CO_COROUTINE;
        }
        else if (ste->ste_generator) {
            flags |= CO_GENERATOR;
        }
        if (ste->ste_varargs) {
            flags |= CO_VARARGS;
        }
        if (ste->ste_varkeywords) {
            flags |= CO_VARKEYWORDS;
        }
        if (ste->ste_method) {
            flags |= CO_METHOD;
        }
    }
    if (is_top_level_coroutine(c, u)) {
        flags |= CO_COROUTINE;
    }
    if (u->u_has_docstring) {
        flags |= CO_HAS_DOCSTRING;
    }
    flags |= c->c_flags & (CO_FUTURE_DIVISION | CO_FUTURE_ABSOLUTE_IMPORT |
                           CO_FUTURE_WITH_STATEMENT | CO_FUTURE_PRINT_FUNCTION |
                           CO_FUTURE_UNICODE_LITERALS | CO_FUTURE_BARRY_AS_BDFL |
                           CO_FUTURE_GENERATOR_STOP | CO_FUTURE_ANNOTATIONS);
    return flags;
}

/* Finish the current unit: the code object (a new reference). */
PyObject *
assemble_unit(struct compiler *c)
{
    struct compiler_unit *u = c->u;
    int stacksize = 0;
    if (_PyCfg_Optimize(&u->u_cfg, u->u_nparams, &stacksize) < 0) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(u->u_kinds);
    PyObject *kinds = PyBytes_FromStringAndSize(NULL, n);
    PyObject *names = PyList_AsTuple(u->u_localsplus);
    if (kinds == NULL || names == NULL) {
        Py_XDECREF(kinds);
        Py_XDECREF(names);
        return NULL;
    }
    char *k = PyBytes_AS_STRING(kinds);
    for (Py_ssize_t i = 0; i < n; i++) {
        k[i] = (char)PyLong_AsLong(PyList_GET_ITEM(u->u_kinds, i));
    }
    int flags = compute_flags(c, u);
    /* Argument kinds. */
    int nargs = u->u_argcount + u->u_kwonlyargcount +
                ((flags & CO_VARARGS) != 0) + ((flags & CO_VARKEYWORDS) != 0);
    for (int i = 0; i < nargs && i < n; i++) {
        int kind;
        if (i < u->u_posonlyargcount) kind = CO_FAST_ARG_POS;
        else if (i < u->u_argcount) kind = CO_FAST_ARG_POS | CO_FAST_ARG_KW;
        else if (i < u->u_argcount + u->u_kwonlyargcount) kind = CO_FAST_ARG_KW;
        else kind = CO_FAST_ARG_VAR;
        k[i] = (char)((unsigned char)k[i] | kind);
    }
    _PyAssembleInfo info = {
        .name = u->u_name, .qualname = u->u_qualname,
        .filename = c->c_filename, .consts = u->u_consts,
        .names = u->u_names, .localsplusnames = names,
        .localspluskinds = kinds, .flags = flags,
        .argcount = u->u_argcount, .posonlyargcount = u->u_posonlyargcount,
        .kwonlyargcount = u->u_kwonlyargcount,
        .firstlineno = u->u_firstlineno, .stacksize = stacksize,
    };
    PyObject *co = _PyAssemble_MakeCode(&u->u_cfg, &info);
    Py_DECREF(kinds);
    Py_DECREF(names);
    return co;
}

/* ---- names ------------------------------------------------------------- */

static int
codegen_load_classdict_freevar(struct compiler *c, location loc)
{
    PyObject *name = PyUnicode_InternFromString("__classdict__");
    if (name == NULL) {
        return -1;
    }
    int idx = dict_index(c->u->u_derefs, name);
    Py_DECREF(name);
    if (idx < 0) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "compiler: no __classdict__ cell");
        }
        return -1;
    }
    ADDOP_I(c, loc, LOAD_DEREF, idx);
    return 0;
}

/* The fast-locals-plus index of `name`, looked up in `first`, then (for
   the names of an inlined comprehension, whose slot may be a plain local
   of the enclosing code used as a cell there, or the reverse) in
   `second`; -1 if it has none. */
static int
local_slot(struct compiler_unit *u, PyObject *name, PyObject *first,
           PyObject *second)
{
    int slot = dict_index(first, name);
    if (slot < 0 && !PyErr_Occurred() && u->u_fasthidden != NULL) {
        slot = dict_index(second, name);
    }
    return slot;
}

int
codegen_nameop(struct compiler *c, location loc, identifier name,
               expr_context_ty ctx)
{
    struct compiler_unit *u = c->u;
    PySTEntryObject *ste = u->u_ste;
    PyObject *mangled = _Py_Mangle(u->u_private, name);
    if (mangled == NULL) {
        return -1;
    }
    if (ctx != Load && PyUnicode_CompareWithASCIIString(name, "__debug__") == 0) {
        Py_DECREF(mangled);
        return compiler_error(c, loc, ctx == Store ? "cannot assign to __debug__"
                                                   : "cannot delete __debug__");
    }
    int scope = _PyST_GetScope(ste, mangled);
    if (PyErr_Occurred()) {
        Py_DECREF(mangled);
        return -1;
    }
    int function_like = _PyST_IsFunctionLike(ste);
    int op = 0, arg = 0;
    enum { OP_FAST, OP_DEREF, OP_GLOBAL, OP_NAME } kind = OP_NAME;
    PyObject *hidden_scope = u->u_fasthidden == NULL ? NULL
        : PyDict_GetItemWithError(u->u_fasthidden, mangled);
    if (hidden_scope == NULL && PyErr_Occurred()) {
        Py_DECREF(mangled);
        return -1;
    }
    int hidden = hidden_scope != NULL;
    if (hidden) {
        scope = (int)PyLong_AsLong(hidden_scope);
        function_like = 1;
    }
    /* A comprehension inlined into a class body reads the names that are
       not its own past the class namespace, as its own scope would. */
    int skips_class = !hidden && u->u_in_inlined_comprehension > 0 &&
                      ste->ste_type == ClassBlock;
    switch (scope) {
    case FREE:
    case CELL:
        kind = OP_DEREF;
        break;
    case LOCAL:
        kind = function_like ? OP_FAST : OP_NAME;
        break;
    case GLOBAL_IMPLICIT:
        kind = function_like || skips_class ? OP_GLOBAL : OP_NAME;
        break;
    case GLOBAL_EXPLICIT:
        kind = OP_GLOBAL;
        break;
    default:
        kind = OP_NAME;
        break;
    }
    int r = 0;
    switch (kind) {
    case OP_DEREF:
        arg = local_slot(u, mangled, u->u_derefs, u->u_varnames);
        if (arg < 0) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_SystemError,
                             "compiler: no slot for free name %R", mangled);
            }
            r = -1;
            break;
        }
        if (ctx == Load) {
            if (ste->ste_type == ClassBlock && !skips_class && !hidden) {
                r = _PyCfg_Addop(CFG(c), LOAD_LOCALS, 0, NULL, loc);
                op = LOAD_FROM_DICT_OR_DEREF;
            }
            else if (ste->ste_can_see_class_scope) {
                r = codegen_load_classdict_freevar(c, loc);
                op = LOAD_FROM_DICT_OR_DEREF;
            }
            else {
                op = LOAD_DEREF;
            }
        }
        else {
            op = ctx == Store ? STORE_DEREF : DELETE_DEREF;
        }
        if (r == 0) {
            r = _PyCfg_Addop(CFG(c), op, arg, NULL, loc);
        }
        break;
    case OP_FAST:
        arg = local_slot(u, mangled, u->u_varnames, u->u_derefs);
        if (arg < 0) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_SystemError,
                             "compiler: no slot for local %R", mangled);
            }
            r = -1;
            break;
        }
        op = ctx == Load ? LOAD_FAST : ctx == Store ? STORE_FAST : DELETE_FAST;
        r = _PyCfg_Addop(CFG(c), op, arg, NULL, loc);
        break;
    case OP_GLOBAL:
        if (ctx == Load && ste->ste_can_see_class_scope &&
            scope == GLOBAL_IMPLICIT) {
            r = codegen_load_classdict_freevar(c, loc);
            if (r == 0) {
                r = addop_name(c, loc, LOAD_FROM_DICT_OR_GLOBALS, mangled, 0);
            }
            break;
        }
        op = ctx == Load ? LOAD_GLOBAL : ctx == Store ? STORE_GLOBAL : DELETE_GLOBAL;
        r = addop_name(c, loc, op, mangled, 0);
        break;
    case OP_NAME:
        op = ctx == Load ? LOAD_NAME : ctx == Store ? STORE_NAME : DELETE_NAME;
        r = addop_name(c, loc, op, mangled, 0);
        break;
    }
    Py_DECREF(mangled);
    return r;
}

/* ---- expressions ------------------------------------------------------- */

int
binop_oparg(operator_ty op, int inplace)
{
    int base;
    switch (op) {
    case Add: base = NB_ADD; break;
    case Sub: base = NB_SUBTRACT; break;
    case Mult: base = NB_MULTIPLY; break;
    case MatMult: base = NB_MATRIX_MULTIPLY; break;
    case Div: base = NB_TRUE_DIVIDE; break;
    case Mod: base = NB_REMAINDER; break;
    case Pow: base = NB_POWER; break;
    case LShift: base = NB_LSHIFT; break;
    case RShift: base = NB_RSHIFT; break;
    case BitOr: base = NB_OR; break;
    case BitXor: base = NB_XOR; break;
    case BitAnd: base = NB_AND; break;
    default: base = NB_FLOOR_DIVIDE; break;
    }
    return inplace ? base + NB_INPLACE_ADD : base;
}

static int
codegen_compare_op(struct compiler *c, location loc, cmpop_ty op, int to_bool)
{
    switch (op) {
    case Is: ADDOP_I(c, loc, IS_OP, 0); return 0;
    case IsNot: ADDOP_I(c, loc, IS_OP, 1); return 0;
    case In: ADDOP_I(c, loc, CONTAINS_OP, 0); return 0;
    case NotIn: ADDOP_I(c, loc, CONTAINS_OP, 1); return 0;
    default: break;
    }
    int cmp;
    switch (op) {
    case Eq: cmp = Py_EQ; break;
    case NotEq: cmp = Py_NE; break;
    case Lt: cmp = Py_LT; break;
    case LtE: cmp = Py_LE; break;
    case Gt: cmp = Py_GT; break;
    default: cmp = Py_GE; break;
    }
    ADDOP_I(c, loc, COMPARE_OP, COMPARE_OPARG(cmp, to_bool));
    return 0;
}

static int
codegen_compare(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    RETURN_IF_ERROR(codegen_check_compare(c, e));
    Py_ssize_t n = asdl_seq_LEN(e->v.Compare.ops) - 1;
    VISIT(c, expr, e->v.Compare.left);
    if (n == 0) {
        VISIT(c, expr, asdl_seq_GET(e->v.Compare.comparators, 0));
        return codegen_compare_op(c, loc, asdl_seq_GET(e->v.Compare.ops, 0), 0);
    }
    NEW_BLOCK(c, cleanup);
    for (Py_ssize_t i = 0; i < n; i++) {
        VISIT(c, expr, asdl_seq_GET(e->v.Compare.comparators, i));
        ADDOP_I(c, loc, SWAP, 2);
        ADDOP_I(c, loc, COPY, 2);
        RETURN_IF_ERROR(codegen_compare_op(c, loc, asdl_seq_GET(e->v.Compare.ops, i), 0));
        ADDOP_I(c, loc, COPY, 1);
        ADDOP(c, loc, TO_BOOL);
        ADDOP_JUMP(c, loc, POP_JUMP_IF_FALSE, cleanup);
        ADDOP(c, loc, POP_TOP);
    }
    VISIT(c, expr, asdl_seq_GET(e->v.Compare.comparators, n));
    RETURN_IF_ERROR(codegen_compare_op(c, loc, asdl_seq_GET(e->v.Compare.ops, n), 0));
    NEW_BLOCK(c, end);
    ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, end);
    USE_BLOCK(c, cleanup);
    ADDOP_I(c, loc, SWAP, 2);
    ADDOP(c, loc, POP_TOP);
    USE_BLOCK(c, end);
    return 0;
}

/* Jump to `target` when the truth of e equals cond; otherwise fall
   through.  Comparisons produce bools directly. */
int
codegen_jump_if(struct compiler *c, location loc, expr_ty e,
                basicblock *target, int cond)
{
    switch (e->kind) {
    case UnaryOp_kind:
        if (e->v.UnaryOp.op == Not) {
            return codegen_jump_if(c, loc, e->v.UnaryOp.operand, target, !cond);
        }
        break;
    case BoolOp_kind: {
        asdl_expr_seq *s = e->v.BoolOp.values;
        Py_ssize_t n = asdl_seq_LEN(s) - 1;
        int cond2 = e->v.BoolOp.op == Or;
        basicblock *next2 = target;
        basicblock *next = NULL;
        if (!cond2 != !cond) {
            next = _PyCfg_NewBlock(CFG(c));
            if (next == NULL) {
                return -1;
            }
            next2 = next;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            RETURN_IF_ERROR(codegen_jump_if(c, loc, asdl_seq_GET(s, i), next2, cond2));
        }
        RETURN_IF_ERROR(codegen_jump_if(c, loc, asdl_seq_GET(s, n), target, cond));
        if (next != NULL) {
            USE_BLOCK(c, next);
        }
        return 0;
    }
    case Compare_kind: {
        Py_ssize_t n = asdl_seq_LEN(e->v.Compare.ops) - 1;
        if (n > 0) {
            break;
        }
        RETURN_IF_ERROR(codegen_check_compare(c, e));
        VISIT(c, expr, e->v.Compare.left);
        VISIT(c, expr, asdl_seq_GET(e->v.Compare.comparators, 0));
        RETURN_IF_ERROR(codegen_compare_op(c, LOC(e),
                                           asdl_seq_GET(e->v.Compare.ops, 0), 1));
        ADDOP_JUMP(c, LOC(e), cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, target);
        return 0;
    }
    case Constant_kind: {
        int truth = PyObject_IsTrue(e->v.Constant.value);
        if (truth < 0) {
            return -1;
        }
        if (truth == cond) {
            /* The jump carries the test's line: `if False:` still gets its
               line event, as in CPython (it becomes a NOP there when the
               dead body is dropped). */
            ADDOP_JUMP(c, LOC(e), JUMP_NO_INTERRUPT, target);
        }
        else {
            ADDOP(c, LOC(e), NOP);
        }
        return 0;
    }
    default:
        break;
    }
    VISIT(c, expr, e);
    ADDOP(c, LOC(e), TO_BOOL);
    ADDOP_JUMP(c, LOC(e), cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, target);
    return 0;
}

static int
codegen_boolop(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    int jump = e->v.BoolOp.op == And ? POP_JUMP_IF_FALSE : POP_JUMP_IF_TRUE;
    NEW_BLOCK(c, end);
    asdl_expr_seq *s = e->v.BoolOp.values;
    Py_ssize_t n = asdl_seq_LEN(s) - 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        VISIT(c, expr, asdl_seq_GET(s, i));
        ADDOP_I(c, loc, COPY, 1);
        ADDOP(c, loc, TO_BOOL);
        ADDOP_JUMP(c, loc, jump, end);
        ADDOP(c, loc, POP_TOP);
    }
    VISIT(c, expr, asdl_seq_GET(s, n));
    USE_BLOCK(c, end);
    return 0;
}

static int
has_starred(asdl_expr_seq *elts)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(elts); i++) {
        if (asdl_seq_GET(elts, i)->kind == Starred_kind) {
            return 1;
        }
    }
    return 0;
}

/* Build a list/tuple/set from elts, handling *unpacking. */
static int
codegen_starunpack(struct compiler *c, location loc, asdl_expr_seq *elts,
                   int pushed, int build, int add, int extend, int tuple)
{
    Py_ssize_t n = asdl_seq_LEN(elts);
    if (!has_starred(elts) && n + pushed <= 30) {
        for (Py_ssize_t i = 0; i < n; i++) {
            VISIT(c, expr, asdl_seq_GET(elts, i));
        }
        if (tuple) {
            ADDOP_I(c, loc, BUILD_TUPLE, (int)(n + pushed));
        }
        else {
            ADDOP_I(c, loc, build, (int)(n + pushed));
        }
        return 0;
    }
    ADDOP_I(c, loc, build, pushed);
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty elt = asdl_seq_GET(elts, i);
        if (elt->kind == Starred_kind) {
            VISIT(c, expr, elt->v.Starred.value);
            ADDOP_I(c, loc, extend, 1);
        }
        else {
            VISIT(c, expr, elt);
            ADDOP_I(c, loc, add, 1);
        }
    }
    if (tuple) {
        ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE);
    }
    return 0;
}

static int
unpack_helper(struct compiler *c, location loc, asdl_expr_seq *elts)
{
    Py_ssize_t n = asdl_seq_LEN(elts);
    int seen_star = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty elt = asdl_seq_GET(elts, i);
        if (elt->kind == Starred_kind && !seen_star) {
            if (i >= 256 || n - i - 1 >= (INT_MAX >> 8)) {
                return compiler_error(c, loc,
                    "too many expressions in star-unpacking assignment");
            }
            ADDOP_I(c, loc, UNPACK_EX, (int)(i + ((n - i - 1) << 8)));
            seen_star = 1;
        }
        else if (elt->kind == Starred_kind) {
            /* Reported at the whole target, as CPython does. */
            return compiler_error(c, loc,
                "multiple starred expressions in assignment");
        }
    }
    if (!seen_star) {
        ADDOP_I(c, loc, UNPACK_SEQUENCE, (int)n);
    }
    return 0;
}

static int
assignment_helper(struct compiler *c, location loc, asdl_expr_seq *elts)
{
    RETURN_IF_ERROR(unpack_helper(c, loc, elts));
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(elts); i++) {
        expr_ty elt = asdl_seq_GET(elts, i);
        VISIT(c, expr, elt->kind == Starred_kind ? elt->v.Starred.value : elt);
    }
    return 0;
}

static int
codegen_dict(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    Py_ssize_t n = asdl_seq_LEN(e->v.Dict.values);
    int have_dict = 0, elements = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty key = asdl_seq_GET(e->v.Dict.keys, i);
        if (key == NULL) {
            if (elements) {
                ADDOP_I(c, loc, BUILD_MAP, elements);
                if (have_dict) {
                    ADDOP_I(c, loc, DICT_UPDATE, 1);
                }
                have_dict = 1;
                elements = 0;
            }
            if (!have_dict) {
                ADDOP_I(c, loc, BUILD_MAP, 0);
                have_dict = 1;
            }
            VISIT(c, expr, asdl_seq_GET(e->v.Dict.values, i));
            ADDOP_I(c, loc, DICT_UPDATE, 1);
            continue;
        }
        if (elements == 16) {
            ADDOP_I(c, loc, BUILD_MAP, elements);
            if (have_dict) {
                ADDOP_I(c, loc, DICT_UPDATE, 1);
            }
            have_dict = 1;
            elements = 0;
        }
        VISIT(c, expr, key);
        VISIT(c, expr, asdl_seq_GET(e->v.Dict.values, i));
        elements++;
    }
    if (elements || !have_dict) {
        ADDOP_I(c, loc, BUILD_MAP, elements);
        if (have_dict) {
            ADDOP_I(c, loc, DICT_UPDATE, 1);
        }
    }
    return 0;
}

/* Keyword arguments as a dict for CALL_FUNCTION_EX (stack: one dict). */
static int
codegen_call_kwargs_dict(struct compiler *c, location loc,
                         asdl_keyword_seq *keywords)
{
    Py_ssize_t n = asdl_seq_LEN(keywords);
    int have_dict = 0, elements = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        keyword_ty kw = asdl_seq_GET(keywords, i);
        if (kw->arg == NULL) {
            if (elements) {
                ADDOP_I(c, loc, BUILD_MAP, elements);
                if (have_dict) {
                    ADDOP_I(c, loc, DICT_MERGE, 1);
                }
                have_dict = 1;
                elements = 0;
            }
            if (!have_dict) {
                ADDOP_I(c, loc, BUILD_MAP, 0);
                have_dict = 1;
            }
            VISIT(c, expr, kw->value);
            ADDOP_I(c, loc, DICT_MERGE, 1);
            continue;
        }
        ADDOP_LOAD_CONST(c, loc, kw->arg);
        VISIT(c, expr, kw->value);
        elements++;
    }
    if (elements) {
        ADDOP_I(c, loc, BUILD_MAP, elements);
        if (have_dict) {
            ADDOP_I(c, loc, DICT_MERGE, 1);
        }
    }
    return 0;
}

static int
is_debug_name(identifier name)
{
    return PyUnicode_CompareWithASCIIString(name, "__debug__") == 0;
}

static int
check_debug_parameter_seq(struct compiler *c, asdl_arg_seq *params)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(params); i++) {
        arg_ty a = asdl_seq_GET(params, i);
        if (is_debug_name(a->arg)) {
            return compiler_error(c, LOC(a), "cannot assign to __debug__");
        }
    }
    return 0;
}

/* No parameter of a def or lambda may be named __debug__. */
static int
check_debug_parameters(struct compiler *c, arguments_ty args)
{
    RETURN_IF_ERROR(check_debug_parameter_seq(c, args->posonlyargs));
    RETURN_IF_ERROR(check_debug_parameter_seq(c, args->args));
    if (args->vararg && is_debug_name(args->vararg->arg)) {
        return compiler_error(c, LOC(args->vararg), "cannot assign to __debug__");
    }
    RETURN_IF_ERROR(check_debug_parameter_seq(c, args->kwonlyargs));
    if (args->kwarg && is_debug_name(args->kwarg->arg)) {
        return compiler_error(c, LOC(args->kwarg), "cannot assign to __debug__");
    }
    return 0;
}

static int
check_keywords(struct compiler *c, asdl_keyword_seq *keywords)
{
    Py_ssize_t n = asdl_seq_LEN(keywords);
    for (Py_ssize_t i = 0; i < n; i++) {
        keyword_ty a = asdl_seq_GET(keywords, i);
        if (a->arg == NULL) {
            continue;
        }
        if (is_debug_name(a->arg)) {
            return compiler_error(c, LOC(a), "cannot assign to __debug__");
        }
        for (Py_ssize_t j = i + 1; j < n; j++) {
            keyword_ty b = asdl_seq_GET(keywords, j);
            if (b->arg && PyUnicode_Compare(a->arg, b->arg) == 0) {
                return compiler_error(c, LOC(b), "keyword argument repeated: %U",
                                      b->arg);
            }
        }
    }
    return 0;
}

/* Arguments of a call whose callable and self_or_null are on the stack
   already, plus `extra` positional values pushed by the caller. */
static int
codegen_call_helper(struct compiler *c, location loc, int extra,
                    asdl_expr_seq *args, asdl_keyword_seq *keywords)
{
    RETURN_IF_ERROR(check_keywords(c, keywords));
    Py_ssize_t nargs = asdl_seq_LEN(args), nkw = asdl_seq_LEN(keywords);
    int ex = has_starred(args);
    for (Py_ssize_t i = 0; i < nkw; i++) {
        if (asdl_seq_GET(keywords, i)->arg == NULL) {
            ex = 1;
        }
    }
    if (nargs + nkw + extra > 250) {
        ex = 1;
    }
    if (!ex) {
        for (Py_ssize_t i = 0; i < nargs; i++) {
            VISIT(c, expr, asdl_seq_GET(args, i));
        }
        if (nkw > 0) {
            PyObject *names = PyTuple_New(nkw);
            if (names == NULL) {
                return -1;
            }
            for (Py_ssize_t i = 0; i < nkw; i++) {
                keyword_ty kw = asdl_seq_GET(keywords, i);
                PyTuple_SET_ITEM(names, i, Py_NewRef(kw->arg));
                if (codegen_visit_expr(c, kw->value) < 0) {
                    Py_DECREF(names);
                    return -1;
                }
            }
            ADDOP_LOAD_CONST_NEW(c, loc, names);
            ADDOP_I(c, loc, CALL_KW, (int)(nargs + nkw + extra));
        }
        else {
            ADDOP_I(c, loc, CALL, (int)(nargs + extra));
        }
        return 0;
    }
    /* CALL_FUNCTION_EX: [callable, NULL, args tuple, kwargs dict or NULL].
       Any values pushed by the caller start the positional list. */
    if (extra == 0 && nargs == 1 && asdl_seq_GET(args, 0)->kind == Starred_kind) {
        VISIT(c, expr, asdl_seq_GET(args, 0)->v.Starred.value);
    }
    else {
        ADDOP_I(c, loc, BUILD_LIST, extra);
        for (Py_ssize_t i = 0; i < nargs; i++) {
            expr_ty a = asdl_seq_GET(args, i);
            if (a->kind == Starred_kind) {
                VISIT(c, expr, a->v.Starred.value);
                ADDOP_I(c, loc, LIST_EXTEND, 1);
            }
            else {
                VISIT(c, expr, a);
                ADDOP_I(c, loc, LIST_APPEND, 1);
            }
        }
        ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE);
    }
    if (nkw > 0) {
        RETURN_IF_ERROR(codegen_call_kwargs_dict(c, loc, keywords));
    }
    else {
        ADDOP(c, loc, PUSH_NULL);
    }
    ADDOP(c, loc, CALL_FUNCTION_EX);
    return 0;
}

static int
is_method_call_candidate(expr_ty e)
{
    if (e->v.Call.func->kind != Attribute_kind || has_starred(e->v.Call.args)) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Call.keywords); i++) {
        if (asdl_seq_GET(e->v.Call.keywords, i)->arg == NULL) {
            return 0;
        }
    }
    return asdl_seq_LEN(e->v.Call.args) + asdl_seq_LEN(e->v.Call.keywords) <= 250;
}

/* super().attr and super(C, x).attr load through LOAD_SUPER_ATTR when
   `super` is the global one and, for the zero-argument form, the
   function has a first argument and the __class__ cell. */
static int
can_optimize_super_call(struct compiler *c, expr_ty attr)
{
    expr_ty e = attr->v.Attribute.value;
    if (e->kind != Call_kind || e->v.Call.func->kind != Name_kind ||
        PyUnicode_CompareWithASCIIString(e->v.Call.func->v.Name.id, "super") != 0 ||
        asdl_seq_LEN(e->v.Call.keywords) != 0 || has_starred(e->v.Call.args)) {
        return 0;
    }
    Py_ssize_t nargs = asdl_seq_LEN(e->v.Call.args);
    if (nargs != 0 && nargs != 2) {
        return 0;
    }
    PySTEntryObject *ste = c->u->u_ste;
    if (!_PyST_IsFunctionLike(ste) || c->u->u_kind == UNIT_ANNOTATE ||
        _PyST_GetScope(ste, e->v.Call.func->v.Name.id) != GLOBAL_IMPLICIT) {
        PyErr_Clear();
        return 0;
    }
    if (nargs == 0) {
        PyObject *cls = PyUnicode_InternFromString("__class__");
        if (cls == NULL) {
            PyErr_Clear();
            return 0;
        }
        int scope = _PyST_GetScope(ste, cls);
        Py_DECREF(cls);
        PyErr_Clear();
        if (scope != FREE || c->u->u_argcount == 0) {
            return 0;
        }
    }
    return 1;
}

/* Push [super, class, self] for LOAD_SUPER_ATTR. */
static int
load_args_for_super(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    RETURN_IF_ERROR(codegen_nameop(c, LOC(e->v.Call.func), e->v.Call.func->v.Name.id,
                                   Load));
    if (asdl_seq_LEN(e->v.Call.args) == 2) {
        VISIT(c, expr, asdl_seq_GET(e->v.Call.args, 0));
        VISIT(c, expr, asdl_seq_GET(e->v.Call.args, 1));
        return 0;
    }
    PyObject *cls = PyUnicode_InternFromString("__class__");
    if (cls == NULL) {
        return -1;
    }
    int r = codegen_nameop(c, loc, cls, Load);
    Py_DECREF(cls);
    RETURN_IF_ERROR(r);
    PyObject *first = PyList_GET_ITEM(c->u->u_ste->ste_varnames, 0);
    return codegen_nameop(c, loc, first, Load);
}

/* An attribute read on a later line than its object starts (a chain
   spread over lines) is located at the attribute's name, so tracebacks
   and tracing point at the line that failed. */
static location
attr_location(location loc, expr_ty attr)
{
    if (loc.lineno == attr->end_lineno) {
        return loc;
    }
    loc.lineno = attr->end_lineno;
    Py_ssize_t len = PyUnicode_GET_LENGTH(attr->v.Attribute.attr);
    if (len <= attr->end_col_offset) {
        loc.col_offset = attr->end_col_offset - (int)len;
    }
    else {
        /* A hand-made AST with impossible columns: drop them. */
        loc.col_offset = loc.end_col_offset = -1;
    }
    if (loc.end_lineno < loc.lineno) {
        loc.end_lineno = loc.lineno;
    }
    if (loc.lineno == loc.end_lineno && loc.end_col_offset < loc.col_offset) {
        loc.end_col_offset = loc.col_offset;
    }
    return loc;
}

static int
codegen_super_attr(struct compiler *c, expr_ty attr, int method)
{
    expr_ty call = attr->v.Attribute.value;
    RETURN_IF_ERROR(load_args_for_super(c, call));
    int flags = (method ? LOAD_SUPER_ATTR_METHOD : 0) |
                (asdl_seq_LEN(call->v.Call.args) == 2 ? LOAD_SUPER_ATTR_TWO_ARG : 0);
    location loc = attr_location(LOC(attr), attr);
    return addop_name(c, loc, LOAD_SUPER_ATTR, attr->v.Attribute.attr, flags);
}

static int
codegen_call(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    expr_ty func = e->v.Call.func;
    RETURN_IF_ERROR(codegen_check_caller(c, func));
    if (is_method_call_candidate(e)) {
        if (can_optimize_super_call(c, func)) {
            RETURN_IF_ERROR(codegen_super_attr(c, func, 1));
            return codegen_call_helper(c, loc, 0, e->v.Call.args, e->v.Call.keywords);
        }
        VISIT(c, expr, func->v.Attribute.value);
        location aloc = attr_location(LOC(func), func);
        RETURN_IF_ERROR(addop_name(c, aloc, LOAD_ATTR, func->v.Attribute.attr, 1));
        return codegen_call_helper(c, loc, 0, e->v.Call.args, e->v.Call.keywords);
    }
    if (func->kind == Name_kind && func->v.Name.ctx == Load) {
        PyObject *mangled = _Py_Mangle(c->u->u_private, func->v.Name.id);
        if (mangled == NULL) {
            return -1;
        }
        int scope = _PyST_GetScope(c->u->u_ste, mangled);
        int function_like = _PyST_IsFunctionLike(c->u->u_ste);
        int global = (scope == GLOBAL_EXPLICIT ||
                      (scope == GLOBAL_IMPLICIT && function_like)) &&
                     !c->u->u_ste->ste_can_see_class_scope;
        if (global) {
            int r = addop_name(c, LOC(func), LOAD_GLOBAL, mangled, 1);
            Py_DECREF(mangled);
            RETURN_IF_ERROR(r);
            return codegen_call_helper(c, loc, 0, e->v.Call.args, e->v.Call.keywords);
        }
        Py_DECREF(mangled);
    }
    VISIT(c, expr, func);
    ADDOP(c, LOC(func), PUSH_NULL);
    return codegen_call_helper(c, loc, 0, e->v.Call.args, e->v.Call.keywords);
}

static int
codegen_formatted_value(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    VISIT(c, expr, e->v.FormattedValue.value);
    int conv = e->v.FormattedValue.conversion;
    switch (conv) {
    case 's': ADDOP_I(c, loc, CONVERT_VALUE, FVC_STR); break;
    case 'r': ADDOP_I(c, loc, CONVERT_VALUE, FVC_REPR); break;
    case 'a': ADDOP_I(c, loc, CONVERT_VALUE, FVC_ASCII); break;
    default: break;
    }
    if (e->v.FormattedValue.format_spec) {
        VISIT(c, expr, e->v.FormattedValue.format_spec);
        ADDOP(c, loc, FORMAT_WITH_SPEC);
    }
    else {
        ADDOP(c, loc, FORMAT_SIMPLE);
    }
    return 0;
}

static int
codegen_joined_str(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    Py_ssize_t n = asdl_seq_LEN(e->v.JoinedStr.values);
    if (n == 0) {
        ADDOP_LOAD_CONST_NEW(c, loc, PyUnicode_FromString(""));
        return 0;
    }
    VISIT_SEQ(c, expr, e->v.JoinedStr.values);
    if (n > 1 || asdl_seq_GET(e->v.JoinedStr.values, 0)->kind != FormattedValue_kind) {
        if (n > 1) {
            ADDOP_I(c, loc, BUILD_STRING, (int)n);
        }
    }
    return 0;
}

static int
codegen_interpolation(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    VISIT(c, expr, e->v.Interpolation.value);
    ADDOP_LOAD_CONST(c, loc, e->v.Interpolation.str);
    int oparg = 2;
    if (e->v.Interpolation.format_spec) {
        VISIT(c, expr, e->v.Interpolation.format_spec);
        oparg = 3;
    }
    int conv = e->v.Interpolation.conversion;
    int fvc = conv == 's' ? FVC_STR : conv == 'r' ? FVC_REPR :
              conv == 'a' ? FVC_ASCII : FVC_NONE;
    ADDOP_I(c, loc, BUILD_INTERPOLATION, (fvc << 2) | (oparg == 3));
    return 0;
}

/* t-strings: a tuple of the literal parts (one more than interpolations)
   and a tuple of interpolations, then BUILD_TEMPLATE. */
static int
codegen_template_str(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    asdl_expr_seq *values = e->v.TemplateStr.values;
    Py_ssize_t n = asdl_seq_LEN(values);
    int nstrings = 0, ninterp = 0, last_was_str = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty v = asdl_seq_GET(values, i);
        if (v->kind == Interpolation_kind) {
            if (!last_was_str) {
                ADDOP_LOAD_CONST_NEW(c, loc, PyUnicode_FromString(""));
                nstrings++;
            }
            last_was_str = 0;
        }
        else {
            VISIT(c, expr, v);
            if (last_was_str) {
                ADDOP_I(c, loc, BUILD_STRING, 2);
            }
            else {
                nstrings++;
            }
            last_was_str = 1;
        }
    }
    if (!last_was_str) {
        ADDOP_LOAD_CONST_NEW(c, loc, PyUnicode_FromString(""));
        nstrings++;
    }
    ADDOP_I(c, loc, BUILD_TUPLE, nstrings);
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty v = asdl_seq_GET(values, i);
        if (v->kind == Interpolation_kind) {
            VISIT(c, expr, v);
            ninterp++;
        }
    }
    ADDOP_I(c, loc, BUILD_TUPLE, ninterp);
    ADDOP(c, loc, BUILD_TEMPLATE);
    return 0;
}

int
is_slice_simple(expr_ty s)
{
    return s->kind == Slice_kind && s->v.Slice.step == NULL;
}

int
codegen_slice_parts(struct compiler *c, expr_ty s)
{
    location loc = LOC(s);
    if (s->v.Slice.lower) {
        VISIT(c, expr, s->v.Slice.lower);
    }
    else {
        ADDOP_LOAD_CONST(c, loc, Py_None);
    }
    if (s->v.Slice.upper) {
        VISIT(c, expr, s->v.Slice.upper);
    }
    else {
        ADDOP_LOAD_CONST(c, loc, Py_None);
    }
    return 0;
}

static int
codegen_subscript(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    expr_context_ty ctx = e->v.Subscript.ctx;
    if (ctx == Load) {
        RETURN_IF_ERROR(codegen_check_subscript(c, e));
    }
    VISIT(c, expr, e->v.Subscript.value);
    expr_ty slice = e->v.Subscript.slice;
    if (is_slice_simple(slice) && ctx != Del) {
        RETURN_IF_ERROR(codegen_slice_parts(c, slice));
        ADDOP(c, loc, ctx == Load ? BINARY_SLICE : STORE_SLICE);
        return 0;
    }
    VISIT(c, expr, slice);
    switch (ctx) {
    case Load: ADDOP_I(c, loc, BINARY_OP, NB_SUBSCR); break;
    case Store: ADDOP(c, loc, STORE_SUBSCR); break;
    case Del: ADDOP(c, loc, DELETE_SUBSCR); break;
    }
    return 0;
}

int
codegen_add_yield_from(struct compiler *c, location loc, int await)
{
    NEW_BLOCK(c, send);
    NEW_BLOCK(c, fail);
    NEW_BLOCK(c, exit);
    USE_BLOCK(c, send);
    ADDOP_JUMP(c, loc, SEND, exit);
    ADDOP_JUMP(c, loc, SETUP_FINALLY, fail);
    ADDOP_I(c, loc, YIELD_VALUE, 1);
    ADDOP(c, NO_LOCATION, POP_BLOCK);
    ADDOP_I(c, loc, RESUME, await ? RESUME_AFTER_AWAIT : RESUME_AFTER_YIELD_FROM);
    ADDOP_JUMP(c, loc, JUMP_NO_INTERRUPT, send);
    USE_BLOCK(c, fail);
    ADDOP(c, loc, CLEANUP_THROW);
    USE_BLOCK(c, exit);
    ADDOP(c, loc, END_SEND);
    return 0;
}

int
is_async_unit_ok(struct compiler *c)
{
    struct compiler_unit *u = c->u;
    return u->u_kind == UNIT_ASYNC_FUNCTION ||
           (u->u_kind == UNIT_COMPREHENSION && u->u_ste->ste_coroutine) ||
           (u->u_kind == UNIT_MODULE && (c->c_flags & PyCF_ALLOW_TOP_LEVEL_AWAIT));
}

static int codegen_lambda(struct compiler *c, expr_ty e);

static int
codegen_visit_expr_inner(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    switch (e->kind) {
    case NamedExpr_kind:
        VISIT(c, expr, e->v.NamedExpr.value);
        ADDOP_I(c, loc, COPY, 1);
        VISIT(c, expr, e->v.NamedExpr.target);
        return 0;
    case BoolOp_kind:
        return codegen_boolop(c, e);
    case BinOp_kind:
        VISIT(c, expr, e->v.BinOp.left);
        VISIT(c, expr, e->v.BinOp.right);
        ADDOP_I(c, loc, BINARY_OP, binop_oparg(e->v.BinOp.op, 0));
        return 0;
    case UnaryOp_kind:
        VISIT(c, expr, e->v.UnaryOp.operand);
        switch (e->v.UnaryOp.op) {
        case UAdd: ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_UNARY_POSITIVE); break;
        case USub: ADDOP(c, loc, UNARY_NEGATIVE); break;
        case Invert: ADDOP(c, loc, UNARY_INVERT); break;
        case Not:
            ADDOP(c, loc, TO_BOOL);
            ADDOP(c, loc, UNARY_NOT);
            break;
        }
        return 0;
    case Lambda_kind:
        return codegen_lambda(c, e);
    case IfExp_kind: {
        NEW_BLOCK(c, next);
        NEW_BLOCK(c, end);
        RETURN_IF_ERROR(codegen_jump_if(c, loc, e->v.IfExp.test, next, 0));
        VISIT(c, expr, e->v.IfExp.body);
        ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, end);
        USE_BLOCK(c, next);
        VISIT(c, expr, e->v.IfExp.orelse);
        USE_BLOCK(c, end);
        return 0;
    }
    case Dict_kind:
        return codegen_dict(c, e);
    case Set_kind:
        return codegen_starunpack(c, loc, e->v.Set.elts, 0, BUILD_SET,
                                  SET_ADD, SET_UPDATE, 0);
    case ListComp_kind:
    case SetComp_kind:
    case DictComp_kind:
    case GeneratorExp_kind:
        return codegen_comprehension(c, e);
    case Yield_kind:
        if (!_PyST_IsFunctionLike(c->u->u_ste)) {
            return compiler_error(c, loc, "'yield' outside function");
        }
        if (e->v.Yield.value) {
            VISIT(c, expr, e->v.Yield.value);
        }
        else {
            ADDOP_LOAD_CONST(c, loc, Py_None);
        }
        if (c->u->u_ste->ste_coroutine) {
            ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_ASYNC_GEN_WRAP);
        }
        ADDOP_I(c, loc, YIELD_VALUE, 0);
        ADDOP_I(c, loc, RESUME, RESUME_AFTER_YIELD);
        return 0;
    case YieldFrom_kind:
        if (!_PyST_IsFunctionLike(c->u->u_ste)) {
            return compiler_error(c, loc, "'yield from' outside function");
        }
        if (c->u->u_kind == UNIT_ASYNC_FUNCTION) {
            return compiler_error(c, loc, "'yield from' inside async function");
        }
        VISIT(c, expr, e->v.YieldFrom.value);
        ADDOP(c, loc, GET_YIELD_FROM_ITER);
        ADDOP_LOAD_CONST(c, loc, Py_None);
        return codegen_add_yield_from(c, loc, 0);
    case Await_kind:
        if (!is_async_unit_ok(c)) {
            if (c->u->u_kind == UNIT_MODULE || c->u->u_kind == UNIT_CLASS) {
                return compiler_error(c, loc, "'await' outside function");
            }
            if (c->u->u_kind != UNIT_COMPREHENSION) {
                return compiler_error(c, loc, "'await' outside async function");
            }
        }
        VISIT(c, expr, e->v.Await.value);
        ADDOP_I(c, loc, GET_AWAITABLE, GET_AWAITABLE_PLAIN);
        ADDOP_LOAD_CONST(c, loc, Py_None);
        return codegen_add_yield_from(c, loc, 1);
    case Compare_kind:
        return codegen_compare(c, e);
    case Call_kind:
        return codegen_call(c, e);
    case FormattedValue_kind:
        return codegen_formatted_value(c, e);
    case Interpolation_kind:
        return codegen_interpolation(c, e);
    case JoinedStr_kind:
        return codegen_joined_str(c, e);
    case TemplateStr_kind:
        return codegen_template_str(c, e);
    case Constant_kind:
        ADDOP_LOAD_CONST(c, loc, e->v.Constant.value);
        return 0;
    case Attribute_kind: {
        if (e->v.Attribute.ctx == Load && can_optimize_super_call(c, e)) {
            return codegen_super_attr(c, e, 0);
        }
        VISIT(c, expr, e->v.Attribute.value);
        location aloc = attr_location(loc, e);
        switch (e->v.Attribute.ctx) {
        case Load:
            return addop_name(c, aloc, LOAD_ATTR, e->v.Attribute.attr, 0);
        case Store: {
            if (is_debug_name(e->v.Attribute.attr)) {
                return compiler_error(c, loc, "cannot assign to __debug__");
            }
            /* self.x = ... inside a method: a static attribute. */
            struct compiler_unit *u = c->u;
            expr_ty obj = e->v.Attribute.value;
            if (u->u_ste->ste_method && obj->kind == Name_kind &&
                PyList_GET_SIZE(u->u_ste->ste_varnames) > 0 &&
                PyUnicode_Compare(obj->v.Name.id,
                                  PyList_GET_ITEM(u->u_ste->ste_varnames, 0)) == 0) {
                for (struct compiler_unit *p = u->u_parent; p; p = p->u_parent) {
                    if (p->u_kind == UNIT_CLASS) {
                        RETURN_IF_ERROR(PySet_Add(p->u_static_attributes,
                                                  e->v.Attribute.attr));
                        break;
                    }
                }
            }
            return addop_name(c, aloc, STORE_ATTR, e->v.Attribute.attr, 0);
        }
        case Del:
            return addop_name(c, aloc, DELETE_ATTR, e->v.Attribute.attr, 0);
        }
        return 0;
    }
    case Subscript_kind:
        return codegen_subscript(c, e);
    case Starred_kind:
        if (e->v.Starred.ctx == Store) {
            return compiler_error(c, loc,
                "starred assignment target must be in a list or tuple");
        }
        return compiler_error(c, loc, "can't use starred expression here");
    case Slice_kind: {
        int n = 2;
        RETURN_IF_ERROR(codegen_slice_parts(c, e));
        if (e->v.Slice.step) {
            VISIT(c, expr, e->v.Slice.step);
            n = 3;
        }
        ADDOP_I(c, loc, BUILD_SLICE, n);
        return 0;
    }
    case Name_kind:
        return codegen_nameop(c, loc, e->v.Name.id, e->v.Name.ctx);
    case List_kind:
        if (e->v.List.ctx == Store) {
            return assignment_helper(c, loc, e->v.List.elts);
        }
        if (e->v.List.ctx == Del) {
            VISIT_SEQ(c, expr, e->v.List.elts);
            return 0;
        }
        return codegen_starunpack(c, loc, e->v.List.elts, 0, BUILD_LIST,
                                  LIST_APPEND, LIST_EXTEND, 0);
    case Tuple_kind:
        if (e->v.Tuple.ctx == Store) {
            return assignment_helper(c, loc, e->v.Tuple.elts);
        }
        if (e->v.Tuple.ctx == Del) {
            VISIT_SEQ(c, expr, e->v.Tuple.elts);
            return 0;
        }
        return codegen_starunpack(c, loc, e->v.Tuple.elts, 0, BUILD_LIST,
                                  LIST_APPEND, LIST_EXTEND, 1);
    }
    return 0;
}

int
codegen_visit_expr(struct compiler *c, expr_ty e)
{
    if (++c->c_depth > 3000) {
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded during compilation");
        return -1;
    }
    int r;
    PyObject *folded = NULL;
    if (e->kind == BinOp_kind || e->kind == UnaryOp_kind ||
        (e->kind == Tuple_kind && e->v.Tuple.ctx == Load) ||
        (e->kind == Name_kind && e->v.Name.ctx == Load)) {
        folded = fold_constant(c, e);
    }
    if (folded != NULL) {
        r = load_const(c, LOC(e), folded);
        Py_DECREF(folded);
    }
    else {
        r = codegen_visit_expr_inner(c, e);
    }
    c->c_depth--;
    return r;
}

/* ---- functions, lambdas, classes --------------------------------------- */

/* The slot of `name` to close over (or to store the class cell from):
   in a class body its implicit cells win over a free variable of the
   same name, as `nonlocal __class__` there refers to the enclosing
   function's variable, not to the class being defined.  -1 if none. */
static int
codegen_closure_slot(struct compiler_unit *u, PyObject *name)
{
    if (u->u_classcells != NULL) {
        int idx = dict_index(u->u_classcells, name);
        if (idx >= 0 || PyErr_Occurred()) {
            return idx;
        }
    }
    return dict_index(u->u_derefs, name);
}

/* Push the closure tuple for `co`'s free variables (flag 8), if any. */
int
codegen_make_closure(struct compiler *c, location loc, PyCodeObject *co,
                     int flags)
{
    Py_ssize_t nfree = co->co_nfreevars;
    if (nfree > 0) {
        int first = co->co_nlocalsplus - (int)nfree;
        for (Py_ssize_t i = 0; i < nfree; i++) {
            PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, first + i);
            int idx = codegen_closure_slot(c->u, name);
            if (idx < 0) {
                if (!PyErr_Occurred()) {
                    PyErr_Format(PyExc_SystemError,
                                 "compiler: no cell %R to close over in %R",
                                 name, c->u->u_name);
                }
                return -1;
            }
            ADDOP_I(c, loc, LOAD_CLOSURE, idx);
        }
        ADDOP_I(c, loc, BUILD_TUPLE, (int)nfree);
        flags |= MAKE_FUNCTION_CLOSURE;
    }
    ADDOP_LOAD_CONST(c, loc, (PyObject *)co);
    ADDOP(c, loc, MAKE_FUNCTION);
    static const int order[] = {
        MAKE_FUNCTION_CLOSURE, MAKE_FUNCTION_ANNOTATE,
        MAKE_FUNCTION_ANNOTATIONS, MAKE_FUNCTION_KWDEFAULTS,
        MAKE_FUNCTION_DEFAULTS };
    for (int i = 0; i < 5; i++) {
        if (flags & order[i]) {
            ADDOP_I(c, loc, SET_FUNCTION_ATTRIBUTE, order[i]);
        }
    }
    return 0;
}

/* Defaults tuple and kw-defaults dict; returns the MAKE_FUNCTION flags. */
static int
codegen_default_arguments(struct compiler *c, location loc, arguments_ty a,
                          int *flags)
{
    *flags = 0;
    if (asdl_seq_LEN(a->defaults) > 0) {
        VISIT_SEQ(c, expr, a->defaults);
        ADDOP_I(c, loc, BUILD_TUPLE, (int)asdl_seq_LEN(a->defaults));
        *flags |= MAKE_FUNCTION_DEFAULTS;
    }
    int nkw = 0;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(a->kwonlyargs); i++) {
        expr_ty dflt = asdl_seq_GET(a->kw_defaults, i);
        if (dflt == NULL) {
            continue;
        }
        arg_ty arg = asdl_seq_GET(a->kwonlyargs, i);
        PyObject *mangled = _Py_Mangle(c->u->u_private, arg->arg);
        if (mangled == NULL) {
            return -1;
        }
        ADDOP_LOAD_CONST_NEW(c, loc, mangled);
        VISIT(c, expr, dflt);
        nkw++;
    }
    if (nkw > 0) {
        ADDOP_I(c, loc, BUILD_MAP, nkw);
        *flags |= MAKE_FUNCTION_KWDEFAULTS;
    }
    return 0;
}

static int
codegen_annotate_prologue(struct compiler *c, location loc)
{
    /* if format > VALUE_WITH_FAKE_GLOBALS: raise NotImplementedError */
    NEW_BLOCK(c, body);
    ADDOP_I(c, loc, LOAD_FAST, 0);
    ADDOP_I(c, loc, LOAD_SMALL_INT, 2);
    ADDOP_I(c, loc, COMPARE_OP, COMPARE_OPARG(Py_GT, 1));
    ADDOP_JUMP(c, loc, POP_JUMP_IF_FALSE, body);
    ADDOP_I(c, loc, LOAD_COMMON_CONSTANT, CONSTANT_NOTIMPLEMENTEDERROR);
    ADDOP_I(c, loc, RAISE_VARARGS, 1);
    USE_BLOCK(c, body);
    return 0;
}

static int
codegen_annotation_value(struct compiler *c, expr_ty ann)
{
    /* typ: from __future__ import annotations keeps annotations as text. */
    if (c->c_flags & CO_FUTURE_ANNOTATIONS) {
        ADDOP_LOAD_CONST_NEW(c, LOC(ann), _PyAST_ExprAsUnicode(ann));
        return 0;
    }
    if (ann->kind == Starred_kind) {
        /* *args: *Ts  evaluates to the single unpacked item. */
        VISIT(c, expr, ann->v.Starred.value);
        ADDOP_I(c, LOC(ann), UNPACK_SEQUENCE, 1);
        return 0;
    }
    VISIT(c, expr, ann);
    return 0;
}

static int
codegen_arg_annotations(struct compiler *c, asdl_arg_seq *args, int *count)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        arg_ty a = asdl_seq_GET(args, i);
        if (a->annotation == NULL) {
            continue;
        }
        PyObject *mangled = _Py_Mangle(c->u->u_private, a->arg);
        if (mangled == NULL) {
            return -1;
        }
        ADDOP_LOAD_CONST_NEW(c, LOC(a), mangled);
        RETURN_IF_ERROR(codegen_annotation_value(c, a->annotation));
        (*count)++;
    }
    return 0;
}

/* PEP 649: the function's __annotate__ as a function object on the
   stack; *made is 1 when there were annotations. */
static int
codegen_function_annotations(struct compiler *c, location loc,
                             arguments_ty a, expr_ty returns, int *made)
{
    *made = 0;
    PySTEntryObject *ste = NULL;
    for (Py_ssize_t i = 0; i < c->c_st->st_nall; i++) {
        if (c->c_st->st_all[i]->ste_key == (void *)a &&
            c->c_st->st_all[i]->ste_type == AnnotationBlock) {
            ste = c->c_st->st_all[i];
        }
    }
    if (ste == NULL) {
        return 0;
    }
    PyObject *name = PyUnicode_InternFromString("__annotate__");
    if (name == NULL) {
        return -1;
    }
    int r = enter_scope(c, name, UNIT_ANNOTATE, (void *)a, loc.lineno);
    Py_DECREF(name);
    RETURN_IF_ERROR(r);
    c->u->u_argcount = 1;
    c->u->u_posonlyargcount = 1;
    int count = 0;
    if (codegen_annotate_prologue(c, loc) < 0 ||
        codegen_arg_annotations(c, a->posonlyargs, &count) < 0 ||
        codegen_arg_annotations(c, a->args, &count) < 0) {
        exit_scope(c);
        return -1;
    }
    if (a->vararg && a->vararg->annotation) {
        PyObject *mangled = _Py_Mangle(c->u->u_private, a->vararg->arg);
        if (mangled == NULL || load_const_new(c, loc, mangled) < 0 ||
            codegen_annotation_value(c, a->vararg->annotation) < 0) {
            exit_scope(c);
            return -1;
        }
        count++;
    }
    if (codegen_arg_annotations(c, a->kwonlyargs, &count) < 0) {
        exit_scope(c);
        return -1;
    }
    if (a->kwarg && a->kwarg->annotation) {
        PyObject *mangled = _Py_Mangle(c->u->u_private, a->kwarg->arg);
        if (mangled == NULL || load_const_new(c, loc, mangled) < 0 ||
            codegen_annotation_value(c, a->kwarg->annotation) < 0) { /* typ */
            exit_scope(c);
            return -1;
        }
        count++;
    }
    if (returns) {
        PyObject *ret = PyUnicode_InternFromString("return");
        if (ret == NULL || load_const_new(c, loc, ret) < 0 ||
            codegen_annotation_value(c, returns) < 0) { /* typ */
            exit_scope(c);
            return -1;
        }
        count++;
    }
    if (_PyCfg_Addop(CFG(c), BUILD_MAP, count, NULL, loc) < 0 ||
        _PyCfg_Addop(CFG(c), RETURN_VALUE, 0, NULL, loc) < 0) {
        exit_scope(c);
        return -1;
    }
    PyObject *co = assemble_unit(c);
    exit_scope(c);
    if (co == NULL) {
        return -1;
    }
    r = codegen_make_closure(c, loc, (PyCodeObject *)co, 0);
    Py_DECREF(co);
    *made = 1;
    return r;
}

static int
is_docstring(stmt_ty s)
{
    return s->kind == Expr_kind && s->v.Expr.value->kind == Constant_kind &&
           PyUnicode_CheckExact(s->v.Expr.value->v.Constant.value);
}

static int codegen_conditional_annotations_set(struct compiler *c,
                                               location loc);
static int codegen_deferred_annotations(struct compiler *c, location loc);

static int
collect_annotation(struct compiler *c, stmt_ty s, int depth)
{
    struct compiler_unit *u = c->u;
    expr_ty target = s->v.AnnAssign.target;
    if (target->kind != Name_kind || !s->v.AnnAssign.simple) {
        return 0;
    }
    Py_ssize_t index = PyList_GET_SIZE(u->u_annotations);
    PyObject *mangled = _Py_Mangle(u->u_private, target->v.Name.id);
    PyObject *ptr = PyLong_FromVoidPtr(s->v.AnnAssign.annotation);
    PyObject *cond = depth > 0 ? PyLong_FromSsize_t(index) : Py_NewRef(Py_None);
    PyObject *entry = (mangled && ptr && cond) ? PyTuple_Pack(3, mangled, ptr, cond)
                                               : NULL;
    int r = entry == NULL ? -1 : PyList_Append(u->u_annotations, entry);
    Py_XDECREF(mangled);
    Py_XDECREF(ptr);
    Py_XDECREF(cond);
    Py_XDECREF(entry);
    return r;
}

/* Module and class annotations in source order (indexes are those of
   __conditional_annotations__); nested scopes are not entered. */
static int
collect_annotations(struct compiler *c, asdl_stmt_seq *stmts, int depth)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(stmts); i++) {
        stmt_ty s = asdl_seq_GET(stmts, i);
        switch (s->kind) {
        case AnnAssign_kind:
            RETURN_IF_ERROR(collect_annotation(c, s, depth));
            break;
        case If_kind:
            RETURN_IF_ERROR(collect_annotations(c, s->v.If.body, depth + 1));
            RETURN_IF_ERROR(collect_annotations(c, s->v.If.orelse, depth + 1));
            break;
        case For_kind:
        case AsyncFor_kind:
            RETURN_IF_ERROR(collect_annotations(c, s->v.For.body, depth + 1));
            RETURN_IF_ERROR(collect_annotations(c, s->v.For.orelse, depth + 1));
            break;
        case While_kind:
            RETURN_IF_ERROR(collect_annotations(c, s->v.While.body, depth + 1));
            RETURN_IF_ERROR(collect_annotations(c, s->v.While.orelse, depth + 1));
            break;
        case With_kind:
        case AsyncWith_kind:
            RETURN_IF_ERROR(collect_annotations(c, s->v.With.body, depth + 1));
            break;
        case Match_kind:
            for (Py_ssize_t j = 0; j < asdl_seq_LEN(s->v.Match.cases); j++) {
                RETURN_IF_ERROR(collect_annotations(
                    c, asdl_seq_GET(s->v.Match.cases, j)->body, depth + 1));
            }
            break;
        case Try_kind:
        case TryStar_kind:
            RETURN_IF_ERROR(collect_annotations(c, s->v.Try.body, depth + 1));
            for (Py_ssize_t j = 0; j < asdl_seq_LEN(s->v.Try.handlers); j++) {
                excepthandler_ty h = asdl_seq_GET(s->v.Try.handlers, j);
                RETURN_IF_ERROR(collect_annotations(c, h->v.ExceptHandler.body,
                                                    depth + 1));
            }
            RETURN_IF_ERROR(collect_annotations(c, s->v.Try.orelse, depth + 1));
            RETURN_IF_ERROR(collect_annotations(c, s->v.Try.finalbody, depth + 1));
            break;
        default:
            break;
        }
    }
    return 0;
}

static int
codegen_body(struct compiler *c, asdl_stmt_seq *stmts, int is_function)
{
    Py_ssize_t start = 0;
    if (asdl_seq_LEN(stmts) > 0 && is_docstring(asdl_seq_GET(stmts, 0))) {
        stmt_ty first = asdl_seq_GET(stmts, 0);
        start = 1;
        if (c->c_optimize < 2) {
            PyObject *doc = _PyCompile_CleanDoc(
                first->v.Expr.value->v.Constant.value);
            if (doc == NULL) {
                return -1;
            }
            int r;
            if (is_function) {
                /* Only stored in co_consts: it runs no code, so tracing
                   sees no line for it. */
                r = const_index(c->u, doc) < 0 ? -1 : 0;
                c->u->u_has_docstring = 1;
            }
            else {
                PyObject *name = PyUnicode_InternFromString("__doc__");
                r = name == NULL ? -1 : load_const(c, LOC(first), doc);
                if (r == 0) {
                    r = codegen_nameop(c, LOC(first), name, Store);
                }
                Py_XDECREF(name);
            }
            Py_DECREF(doc);
            RETURN_IF_ERROR(r);
        }
        else if (asdl_seq_LEN(stmts) == 1) {
            /* Under -OO a lone docstring stands in for `pass`. */
            ADDOP(c, LOC(first), NOP);
        }
    }
    if (!is_function && c->u->u_annotations != NULL) {
        /* PEP 649/749: __annotate__ (and the set of conditional
           annotations) exist from the start of the body. */
        RETURN_IF_ERROR(collect_annotations(c, stmts, 0));
        RETURN_IF_ERROR(codegen_conditional_annotations_set(c, NO_LOCATION));
        RETURN_IF_ERROR(codegen_deferred_annotations(c, NO_LOCATION));
    }
    for (Py_ssize_t i = start; i < asdl_seq_LEN(stmts); i++) {
        VISIT(c, stmt, asdl_seq_GET(stmts, i));
    }
    return 0;
}

/* Generators and coroutines turn a StopIteration escaping the body into
   RuntimeError (PEP 479): the whole body runs under this handler. */
int
codegen_start_stopiteration_guard(struct compiler *c, basicblock **handler)
{
    *handler = NULL;
    if (!is_generator_unit(c->u)) {
        return 0;
    }
    basicblock *h = _PyCfg_NewBlock(CFG(c));
    if (h == NULL) {
        return -1;
    }
    ADDOP_JUMP(c, NO_LOCATION, SETUP_CLEANUP, h);
    RETURN_IF_ERROR(push_fblock(c, NO_LOCATION, STOP_ITERATION, h, NULL, NULL));
    *handler = h;
    return 0;
}

int
codegen_end_stopiteration_guard(struct compiler *c, basicblock *handler)
{
    if (handler == NULL) {
        return 0;
    }
    pop_fblock(c);
    ADDOP(c, NO_LOCATION, POP_BLOCK);
    ADDOP_LOAD_CONST(c, NO_LOCATION, Py_None);
    ADDOP(c, NO_LOCATION, RETURN_VALUE);
    USE_BLOCK(c, handler);
    ADDOP_I(c, NO_LOCATION, CALL_INTRINSIC_1, INTRINSIC_STOPITERATION_ERROR);
    ADDOP_I(c, NO_LOCATION, RERAISE, 1);
    return 0;
}

static void
set_arg_counts(struct compiler *c, arguments_ty a)
{
    c->u->u_posonlyargcount = (int)asdl_seq_LEN(a->posonlyargs);
    c->u->u_argcount = (int)(asdl_seq_LEN(a->posonlyargs) + asdl_seq_LEN(a->args));
    c->u->u_kwonlyargcount = (int)asdl_seq_LEN(a->kwonlyargs);
}

static int
codegen_decorators(struct compiler *c, asdl_expr_seq *decos)
{
    VISIT_SEQ(c, expr, decos);
    return 0;
}

static int
codegen_apply_decorators(struct compiler *c, asdl_expr_seq *decos)
{
    for (Py_ssize_t i = asdl_seq_LEN(decos) - 1; i >= 0; i--) {
        expr_ty d = asdl_seq_GET(decos, i);
        ADDOP_I(c, LOC(d), CALL, 0);
    }
    return 0;
}

/* A lazily evaluated expression (PEP 649/695: TypeVar bounds and
   defaults, type alias values) as a function(format) on the stack. */
static int
codegen_lazy_function(struct compiler *c, expr_ty e, void *key,
                      PyObject *name, location loc)
{
    RETURN_IF_ERROR(enter_scope(c, name, UNIT_ANNOTATE, key, loc.lineno));
    c->u->u_argcount = 1;
    c->u->u_posonlyargcount = 1;
    PyObject *co = NULL;
    /* A TypeVarTuple default `*Ts = *tuple[int]` is the one item its
       value unpacks to (the starred alias). */
    int starred = e->kind == Starred_kind;
    expr_ty value = starred ? e->v.Starred.value : e;
    if (codegen_annotate_prologue(c, loc) == 0 &&
        codegen_visit_expr(c, value) == 0 &&
        (!starred || _PyCfg_Addop(CFG(c), UNPACK_SEQUENCE, 1, NULL, LOC(e)) == 0) &&
        _PyCfg_Addop(CFG(c), RETURN_VALUE, 0, NULL, LOC(e)) == 0) {
        co = assemble_unit(c);
    }
    exit_scope(c);
    if (co == NULL) {
        return -1;
    }
    int r = codegen_make_closure(c, loc, (PyCodeObject *)co, 0);
    Py_DECREF(co);
    return r;
}

/* The tuple of a generic's type parameters, each also stored under its
   name in the current (type-params) scope. */
static int
codegen_type_params(struct compiler *c, asdl_type_param_seq *tps)
{
    Py_ssize_t n = asdl_seq_LEN(tps);
    int seen_default = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        type_param_ty tp = asdl_seq_GET(tps, i);
        location loc = LOC(tp);
        identifier name;
        expr_ty dflt;
        switch (tp->kind) {
        case TypeVar_kind:
            name = tp->v.TypeVar.name;
            dflt = tp->v.TypeVar.default_value;
            ADDOP_LOAD_CONST(c, loc, name);
            if (tp->v.TypeVar.bound) {
                expr_ty bound = tp->v.TypeVar.bound;
                RETURN_IF_ERROR(codegen_lazy_function(c, bound, (void *)bound,
                                                      name, loc));
                ADDOP_I(c, loc, CALL_INTRINSIC_2,
                        bound->kind == Tuple_kind
                            ? INTRINSIC_TYPEVAR_WITH_CONSTRAINTS
                            : INTRINSIC_TYPEVAR_WITH_BOUND);
            }
            else {
                ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_TYPEVAR);
            }
            break;
        case ParamSpec_kind:
            name = tp->v.ParamSpec.name;
            dflt = tp->v.ParamSpec.default_value;
            ADDOP_LOAD_CONST(c, loc, name);
            ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_PARAMSPEC);
            break;
        default:
            name = tp->v.TypeVarTuple.name;
            dflt = tp->v.TypeVarTuple.default_value;
            ADDOP_LOAD_CONST(c, loc, name);
            ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_TYPEVARTUPLE);
            break;
        }
        if (dflt == NULL && seen_default) {
            return compiler_error(c, loc, "non-default type parameter '%U' "
                                  "follows default type parameter", name);
        }
        if (dflt != NULL) {
            seen_default = 1;
            RETURN_IF_ERROR(codegen_lazy_function(c, dflt, (void *)dflt, name, loc));
            ADDOP_I(c, loc, CALL_INTRINSIC_2, INTRINSIC_SET_TYPEPARAM_DEFAULT);
        }
        ADDOP_I(c, loc, COPY, 1);
        RETURN_IF_ERROR(codegen_nameop(c, loc, name, Store));
    }
    ADDOP_I(c, NO_LOCATION, BUILD_TUPLE, (int)n);
    return 0;
}

static int
enter_type_params_scope(struct compiler *c, PyObject *name,
                        asdl_type_param_seq *tps, int lineno)
{
    PyObject *scope_name = PyUnicode_FromFormat("<generic parameters of %U>",
                                                name);
    if (scope_name == NULL) {
        return -1;
    }
    int r = enter_scope(c, scope_name, UNIT_TYPEPARAMS, (void *)tps, lineno);
    Py_DECREF(scope_name);
    return r;
}

/* Finish a type-params unit whose result is on its stack, and call it
   with the `nargs` values the caller pushed below (0-2). */
static int
call_type_params_scope(struct compiler *c, location loc, int nargs)
{
    PyObject *co = NULL;
    if (_PyCfg_Addop(CFG(c), RETURN_VALUE, 0, NULL, NO_LOCATION) == 0) {
        co = assemble_unit(c);
    }
    exit_scope(c);
    if (co == NULL) {
        return -1;
    }
    int r = codegen_make_closure(c, loc, (PyCodeObject *)co, 0);
    Py_DECREF(co);
    RETURN_IF_ERROR(r);
    /* [args..., f] -> [f, args...]; the first argument rides in the
       self_or_null slot of CALL. */
    switch (nargs) {
    case 0:
        ADDOP(c, loc, PUSH_NULL);
        ADDOP_I(c, loc, CALL, 0);
        break;
    case 1:
        ADDOP_I(c, loc, SWAP, 2);
        ADDOP_I(c, loc, CALL, 0);
        break;
    default:
        ADDOP_I(c, loc, SWAP, 3);
        ADDOP_I(c, loc, SWAP, 2);
        ADDOP_I(c, loc, CALL, 1);
        break;
    }
    return 0;
}

static int
codegen_function_body(struct compiler *c, stmt_ty s, int is_async,
                      int firstlineno, int flags)
{
    identifier name = is_async ? s->v.AsyncFunctionDef.name : s->v.FunctionDef.name;
    arguments_ty args = is_async ? s->v.AsyncFunctionDef.args : s->v.FunctionDef.args;
    asdl_stmt_seq *body = is_async ? s->v.AsyncFunctionDef.body : s->v.FunctionDef.body;
    expr_ty returns = is_async ? s->v.AsyncFunctionDef.returns : s->v.FunctionDef.returns;
    location loc = LOC(s);
    int annotate;
    RETURN_IF_ERROR(codegen_function_annotations(c, loc, args, returns, &annotate));
    if (annotate) {
        flags |= MAKE_FUNCTION_ANNOTATE;
    }
    RETURN_IF_ERROR(enter_scope(c, name, is_async ? UNIT_ASYNC_FUNCTION : UNIT_FUNCTION,
                                (void *)s, firstlineno));
    set_arg_counts(c, args);
    basicblock *guard;
    PyObject *co = NULL;
    if (codegen_start_stopiteration_guard(c, &guard) == 0 &&
        codegen_body(c, body, 1) == 0 &&
        codegen_end_stopiteration_guard(c, guard) == 0 &&
        (guard != NULL ||
         (load_const(c, NO_LOCATION, Py_None) == 0 &&
          _PyCfg_Addop(CFG(c), RETURN_VALUE, 0, NULL, NO_LOCATION) == 0))) {
        co = assemble_unit(c);
    }
    exit_scope(c);
    if (co == NULL) {
        return -1;
    }
    int r = codegen_make_closure(c, loc, (PyCodeObject *)co, flags);
    Py_DECREF(co);
    return r;
}

static int
load_name_str(struct compiler *c, location loc, const char *name,
              expr_context_ty ctx)
{
    PyObject *n = PyUnicode_InternFromString(name);
    if (n == NULL) {
        return -1;
    }
    int r = codegen_nameop(c, loc, n, ctx);
    Py_DECREF(n);
    return r;
}

int
codegen_function(struct compiler *c, stmt_ty s, int is_async)
{
    identifier name = is_async ? s->v.AsyncFunctionDef.name : s->v.FunctionDef.name;
    arguments_ty args = is_async ? s->v.AsyncFunctionDef.args : s->v.FunctionDef.args;
    asdl_expr_seq *decos = is_async ? s->v.AsyncFunctionDef.decorator_list
                                    : s->v.FunctionDef.decorator_list;
    asdl_type_param_seq *tps = is_async ? s->v.AsyncFunctionDef.type_params
                                        : s->v.FunctionDef.type_params;
    location loc = LOC(s);
    RETURN_IF_ERROR(check_debug_parameters(c, args));
    RETURN_IF_ERROR(codegen_decorators(c, decos));
    int firstlineno = s->lineno;
    if (asdl_seq_LEN(decos) > 0) {
        firstlineno = asdl_seq_GET(decos, 0)->lineno;
    }
    int flags;
    RETURN_IF_ERROR(codegen_default_arguments(c, loc, args, &flags));
    if (asdl_seq_LEN(tps) == 0) {
        RETURN_IF_ERROR(codegen_function_body(c, s, is_async, firstlineno, flags));
    }
    else {
        /* The defaults were evaluated here and become the arguments
           .defaults / .kwdefaults of the type-params function. */
        int nargs = ((flags & MAKE_FUNCTION_DEFAULTS) != 0) +
                    ((flags & MAKE_FUNCTION_KWDEFAULTS) != 0);
        RETURN_IF_ERROR(enter_type_params_scope(c, name, tps, firstlineno));
        c->u->u_argcount = nargs;
        c->u->u_posonlyargcount = nargs;
        int r = codegen_type_params(c, tps);
        if (r == 0 && (flags & MAKE_FUNCTION_DEFAULTS)) {
            r = load_name_str(c, loc, ".defaults", Load);
        }
        if (r == 0 && (flags & MAKE_FUNCTION_KWDEFAULTS)) {
            r = load_name_str(c, loc, ".kwdefaults", Load);
        }
        if (r == 0) {
            r = codegen_function_body(c, s, is_async, firstlineno, flags);
        }
        if (r == 0) {
            r = _PyCfg_Addop(CFG(c), SWAP, 2, NULL, loc);
        }
        if (r == 0) {
            r = _PyCfg_Addop(CFG(c), CALL_INTRINSIC_2,
                             INTRINSIC_SET_FUNCTION_TYPE_PARAMS, NULL, loc);
        }
        if (r < 0) {
            exit_scope(c);
            return -1;
        }
        RETURN_IF_ERROR(call_type_params_scope(c, loc, nargs));
    }
    RETURN_IF_ERROR(codegen_apply_decorators(c, decos));
    return codegen_nameop(c, loc, name, Store);
}

static int
codegen_lambda(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    arguments_ty args = e->v.Lambda.args;
    int flags;
    RETURN_IF_ERROR(check_debug_parameters(c, args));
    RETURN_IF_ERROR(codegen_default_arguments(c, loc, args, &flags));
    PyObject *name = PyUnicode_InternFromString("<lambda>");
    if (name == NULL) {
        return -1;
    }
    int r = enter_scope(c, name, UNIT_LAMBDA, (void *)e, e->lineno);
    Py_DECREF(name);
    RETURN_IF_ERROR(r);
    set_arg_counts(c, args);
    basicblock *guard;
    PyObject *co = NULL;
    if (codegen_start_stopiteration_guard(c, &guard) == 0 &&
        codegen_visit_expr(c, e->v.Lambda.body) == 0) {
        int ok;
        if (c->u->u_ste->ste_generator) {
            /* A generator lambda returns its body's value too (the
               StopIteration value), as the equivalent def would. */
            ok = _PyCfg_Addop(CFG(c), RETURN_VALUE, 0, NULL, NO_LOCATION) == 0 &&
                 codegen_end_stopiteration_guard(c, guard) == 0;
        }
        else {
            ok = _PyCfg_Addop(CFG(c), RETURN_VALUE, 0, NULL, LOC(e->v.Lambda.body)) == 0 &&
                 codegen_end_stopiteration_guard(c, guard) == 0;
        }
        if (ok) {
            co = assemble_unit(c);
        }
    }
    exit_scope(c);
    if (co == NULL) {
        return -1;
    }
    r = codegen_make_closure(c, loc, (PyCodeObject *)co, flags);
    Py_DECREF(co);
    return r;
}

/* The set of indexes of conditional annotations whose statement ran. */
static int
codegen_conditional_annotations_set(struct compiler *c, location loc)
{
    if (!c->u->u_ste->ste_has_conditional_annotations) {
        return 0;
    }
    ADDOP_I(c, loc, BUILD_SET, 0);
    return load_name_str(c, loc, "__conditional_annotations__", Store);
}

/* Module/class `x: T` annotations collected while compiling the body,
   turned into one __annotate__ function at the end. */
static int
codegen_deferred_annotations(struct compiler *c, location loc)
{
    struct compiler_unit *u = c->u;
    PySTEntryObject *ann = u->u_ste->ste_annotation_block;
    if (ann == NULL || u->u_annotations == NULL ||
        PyList_GET_SIZE(u->u_annotations) == 0) {
        return 0;
    }
    expr_ty first = PyLong_AsVoidPtr(
        PyTuple_GET_ITEM(PyList_GET_ITEM(u->u_annotations, 0), 1));
    loc = LOC(first);
    PyObject *list = Py_NewRef(u->u_annotations);
    PyObject *name = PyUnicode_InternFromString("__annotate__");
    if (name == NULL) {
        Py_DECREF(list);
        return -1;
    }
    int r = enter_scope(c, name, UNIT_ANNOTATE, ann->ste_key, loc.lineno);
    Py_DECREF(name);
    if (r < 0) {
        Py_DECREF(list);
        return -1;
    }
    c->u->u_argcount = 1;
    c->u->u_posonlyargcount = 1;
    Py_ssize_t n = PyList_GET_SIZE(list);
    r = codegen_annotate_prologue(c, loc);
    /* Entries are added one by one (MAP_ADD) so that conditional ones
       can be skipped when their statement did not run. */
    if (r == 0) {
        r = _PyCfg_Addop(CFG(c), BUILD_MAP, 0, NULL, loc);
    }
    for (Py_ssize_t i = 0; r == 0 && i < n; i++) {
        PyObject *entry = PyList_GET_ITEM(list, i);
        expr_ty annotation = PyLong_AsVoidPtr(PyTuple_GET_ITEM(entry, 1));
        PyObject *cond = PyTuple_GET_ITEM(entry, 2);
        basicblock *skip = NULL;
        if (cond != Py_None) {
            skip = _PyCfg_NewBlock(CFG(c));
            r = skip == NULL ? -1 : load_const(c, loc, cond);
            if (r == 0) {
                r = load_name_str(c, loc, "__conditional_annotations__", Load);
            }
            if (r == 0) r = _PyCfg_Addop(CFG(c), CONTAINS_OP, 0, NULL, loc);
            if (r == 0) r = _PyCfg_Addop(CFG(c), POP_JUMP_IF_FALSE, 0, skip, loc);
        }
        if (r == 0) r = load_const(c, loc, PyTuple_GET_ITEM(entry, 0));
        if (r == 0) r = codegen_annotation_value(c, annotation);
        if (r == 0) r = _PyCfg_Addop(CFG(c), MAP_ADD, 1, NULL, loc);
        if (r == 0 && skip != NULL) {
            USE_BLOCK(c, skip);
        }
    }
    if (r == 0) {
        r = _PyCfg_Addop(CFG(c), RETURN_VALUE, 0, NULL, loc);
    }
    Py_DECREF(list);
    PyObject *co = r == 0 ? assemble_unit(c) : NULL;
    exit_scope(c);
    if (co == NULL) {
        return -1;
    }
    r = codegen_make_closure(c, loc, (PyCodeObject *)co, 0);
    Py_DECREF(co);
    RETURN_IF_ERROR(r);
    PyObject *store = PyUnicode_InternFromString("__annotate__");
    if (store == NULL) {
        return -1;
    }
    r = codegen_nameop(c, loc, store, Store);
    Py_DECREF(store);
    return r;
}

static int
store_name_str(struct compiler *c, location loc, const char *name)
{
    PyObject *n = PyUnicode_InternFromString(name);
    if (n == NULL) {
        return -1;
    }
    int r = codegen_nameop(c, loc, n, Store);
    Py_DECREF(n);
    return r;
}


/* The class body's __classdict__ cell slot (its scopes that see the class
   read names through it), or -1 with SystemError if it has none. */
static int
class_body_classdict_slot(struct compiler_unit *u)
{
    PyObject *name = PyUnicode_InternFromString("__classdict__");
    if (name == NULL) {
        return -1;
    }
    int idx = codegen_closure_slot(u, name);
    Py_DECREF(name);
    if (idx < 0) {
        PyErr_SetString(PyExc_SystemError, "compiler: no __classdict__ cell");
    }
    return idx;
}

static int
codegen_class_body(struct compiler *c, stmt_ty s, int firstlineno)
{
    location loc = LOC(s);
    PyObject *modname = PyUnicode_InternFromString("__name__");
    if (modname == NULL) {
        return -1;
    }
    int r = codegen_nameop(c, loc, modname, Load);
    Py_DECREF(modname);
    RETURN_IF_ERROR(r);
    RETURN_IF_ERROR(store_name_str(c, loc, "__module__"));
    ADDOP_LOAD_CONST(c, loc, c->u->u_qualname);
    RETURN_IF_ERROR(store_name_str(c, loc, "__qualname__"));
    ADDOP_LOAD_CONST_NEW(c, loc, PyLong_FromLong(firstlineno));
    RETURN_IF_ERROR(store_name_str(c, loc, "__firstlineno__"));
    if (asdl_seq_LEN(s->v.ClassDef.type_params) > 0) {
        RETURN_IF_ERROR(load_name_str(c, loc, ".type_params", Load));
        RETURN_IF_ERROR(store_name_str(c, loc, "__type_params__"));
    }
    if (c->u->u_ste->ste_needs_classdict) {
        ADDOP(c, loc, LOAD_LOCALS);
        int idx = class_body_classdict_slot(c->u);
        RETURN_IF_ERROR(idx);
        ADDOP_I(c, loc, STORE_DEREF, idx);
    }
    RETURN_IF_ERROR(codegen_body(c, s->v.ClassDef.body, 0));
    PyObject *attrs = PySequence_List(c->u->u_static_attributes);
    if (attrs == NULL || PyList_Sort(attrs) < 0) {
        Py_XDECREF(attrs);
        return -1;
    }
    PyObject *tuple = PyList_AsTuple(attrs);
    Py_DECREF(attrs);
    ADDOP_LOAD_CONST_NEW(c, NO_LOCATION, tuple);
    RETURN_IF_ERROR(store_name_str(c, NO_LOCATION, "__static_attributes__"));
    if (c->u->u_ste->ste_needs_classdict) {
        /* type.__new__ points the cell at the class's own dict. */
        int idx = class_body_classdict_slot(c->u);
        RETURN_IF_ERROR(idx);
        ADDOP_I(c, NO_LOCATION, LOAD_CLOSURE, idx);
        RETURN_IF_ERROR(store_name_str(c, NO_LOCATION, "__classdictcell__"));
    }
    if (c->u->u_ste->ste_needs_class_closure) {
        PyObject *cls = PyUnicode_InternFromString("__class__");
        if (cls == NULL) {
            return -1;
        }
        int idx = codegen_closure_slot(c->u, cls);
        Py_DECREF(cls);
        if (idx < 0) {
            PyErr_SetString(PyExc_SystemError, "compiler: no __class__ cell");
            return -1;
        }
        ADDOP_I(c, NO_LOCATION, LOAD_CLOSURE, idx);
        ADDOP_I(c, NO_LOCATION, COPY, 1);
        RETURN_IF_ERROR(store_name_str(c, NO_LOCATION, "__classcell__"));
    }
    else {
        ADDOP_LOAD_CONST(c, NO_LOCATION, Py_None);
    }
    ADDOP(c, NO_LOCATION, RETURN_VALUE);
    return 0;
}

static int codegen_class_creation(struct compiler *c, stmt_ty s,
                                  int firstlineno);

/* type X[T] = value: TypeAliasType(name, type_params, lazy value). */
int
codegen_type_alias(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    identifier name = s->v.TypeAlias.name->v.Name.id;
    asdl_type_param_seq *tps = s->v.TypeAlias.type_params;
    int generic = asdl_seq_LEN(tps) > 0;
    if (generic) {
        RETURN_IF_ERROR(enter_type_params_scope(c, name, tps, s->lineno));
        if (codegen_type_params(c, tps) < 0 ||
            load_const(c, loc, name) < 0 ||
            _PyCfg_Addop(CFG(c), SWAP, 2, NULL, loc) < 0) {
            exit_scope(c);
            return -1;
        }
    }
    else {
        ADDOP_LOAD_CONST(c, loc, name);
        ADDOP_LOAD_CONST(c, loc, Py_None);
    }
    if (codegen_lazy_function(c, s->v.TypeAlias.value, (void *)s, name, loc) < 0 ||
        _PyCfg_Addop(CFG(c), BUILD_TUPLE, 3, NULL, loc) < 0 ||
        _PyCfg_Addop(CFG(c), CALL_INTRINSIC_1, INTRINSIC_TYPEALIAS, NULL, loc) < 0) {
        if (generic) {
            exit_scope(c);
        }
        return -1;
    }
    if (generic) {
        RETURN_IF_ERROR(call_type_params_scope(c, loc, 0));
    }
    return codegen_nameop(c, loc, name, Store);
}

int
codegen_class(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    asdl_expr_seq *decos = s->v.ClassDef.decorator_list;
    RETURN_IF_ERROR(codegen_decorators(c, decos));
    int firstlineno = s->lineno;
    if (asdl_seq_LEN(decos) > 0) {
        firstlineno = asdl_seq_GET(decos, 0)->lineno;
    }
    asdl_type_param_seq *tps = s->v.ClassDef.type_params;
    if (asdl_seq_LEN(tps) > 0) {
        RETURN_IF_ERROR(enter_type_params_scope(c, s->v.ClassDef.name, tps,
                                                firstlineno));
        if (codegen_type_params(c, tps) < 0 ||
            load_name_str(c, loc, ".type_params", Store) < 0 ||
            codegen_class_creation(c, s, firstlineno) < 0) {
            exit_scope(c);
            return -1;
        }
        RETURN_IF_ERROR(call_type_params_scope(c, loc, 0));
    }
    else {
        RETURN_IF_ERROR(codegen_class_creation(c, s, firstlineno));
    }
    RETURN_IF_ERROR(codegen_apply_decorators(c, decos));
    return codegen_nameop(c, loc, s->v.ClassDef.name, Store);
}

/* LOAD_BUILD_CLASS and its call; a generic class gets the extra base
   Generic[*type_params] (stored in .generic_base). */
static int
codegen_class_creation(struct compiler *c, stmt_ty s, int firstlineno)
{
    location loc = LOC(s);
    asdl_expr_seq *bases = s->v.ClassDef.bases;
    if (asdl_seq_LEN(s->v.ClassDef.type_params) > 0) {
        RETURN_IF_ERROR(load_name_str(c, loc, ".type_params", Load));
        ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_SUBSCRIPT_GENERIC);
        RETURN_IF_ERROR(load_name_str(c, loc, ".generic_base", Store));
        Py_ssize_t n = asdl_seq_LEN(bases);
        asdl_expr_seq *all = _Py_asdl_expr_seq_new(n + 1, c->c_arena);
        PyObject *gb = PyUnicode_InternFromString(".generic_base");
        if (all == NULL || gb == NULL || _PyArena_AddPyObject(c->c_arena, gb) < 0) {
            Py_XDECREF(gb);
            return -1;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            asdl_seq_SET(all, i, asdl_seq_GET(bases, i));
        }
        expr_ty name = _PyAST_Name(gb, Load, s->lineno, s->col_offset,
                                   s->end_lineno, s->end_col_offset, c->c_arena);
        if (name == NULL) {
            return -1;
        }
        asdl_seq_SET(all, n, name);
        bases = all;
    }
    RETURN_IF_ERROR(enter_scope(c, s->v.ClassDef.name, UNIT_CLASS, (void *)s,
                                firstlineno));
    PyObject *co = NULL;
    if (codegen_class_body(c, s, firstlineno) == 0) {
        co = assemble_unit(c);
    }
    exit_scope(c);
    if (co == NULL) {
        return -1;
    }
    ADDOP(c, loc, LOAD_BUILD_CLASS);
    ADDOP(c, loc, PUSH_NULL);
    int r = codegen_make_closure(c, loc, (PyCodeObject *)co, 0);
    Py_DECREF(co);
    RETURN_IF_ERROR(r);
    ADDOP_LOAD_CONST(c, loc, s->v.ClassDef.name);
    return codegen_call_helper(c, loc, 2, bases, s->v.ClassDef.keywords);
}

/* ---- modules ----------------------------------------------------------- */

static PyObject *
codegen_module(struct compiler *c, mod_ty mod)
{
    PyObject *name = PyUnicode_InternFromString("<module>");
    if (name == NULL) {
        return NULL;
    }
    int r = enter_scope(c, name, UNIT_MODULE, (void *)mod, 1);
    Py_DECREF(name);
    if (r < 0) {
        return NULL;
    }
    location end = NO_LOCATION;
    switch (mod->kind) {
    case Module_kind:
        r = codegen_body(c, mod->v.Module.body, 0);
        if (r == 0) r = load_const(c, end, Py_None);
        if (r == 0) r = _PyCfg_Addop(CFG(c), RETURN_VALUE, 0, NULL, end);
        break;
    case Interactive_kind:
        c->c_interactive = 1;
        for (Py_ssize_t i = 0; r == 0 && i < asdl_seq_LEN(mod->v.Interactive.body); i++) {
            r = codegen_visit_stmt(c, asdl_seq_GET(mod->v.Interactive.body, i));
        }
        if (r == 0) r = load_const(c, end, Py_None);
        if (r == 0) r = _PyCfg_Addop(CFG(c), RETURN_VALUE, 0, NULL, end);
        break;
    case Expression_kind:
        r = codegen_visit_expr(c, mod->v.Expression.body);
        if (r == 0) r = _PyCfg_Addop(CFG(c), RETURN_VALUE, 0, NULL,
                                     LOC(mod->v.Expression.body));
        break;
    default:
        PyErr_SetString(PyExc_SystemError, "compiler: unknown module kind");
        r = -1;
        break;
    }
    PyObject *co = r == 0 ? assemble_unit(c) : NULL;
    exit_scope(c);
    return co;
}

PyObject *
_PyAST_Compile(mod_ty mod, PyObject *filename, int optimize, int flags,
               PyArena *arena)
{
    struct compiler c;
    memset(&c, 0, sizeof(c));
    c.c_filename = filename;
    /* -1 (compile()'s default, PyRun_*): the interpreter's -O level. */
    c.c_optimize = optimize < 0 ? _Py_GetConfig()->optimization_level
                                : optimize;
    c.c_flags = flags;
    c.c_arena = arena;
    if (_PyFuture_FromAST(mod, filename, &c.c_flags) < 0 ||
        _PyCompile_CheckFinally(mod, filename) < 0) {
        return NULL;
    }
    c.c_st = _PySymtable_Build(mod, filename, c.c_flags);
    if (c.c_st == NULL) {
        return NULL;
    }
    PyObject *co = codegen_module(&c, mod);
    while (c.u != NULL) {
        exit_scope(&c);
    }
    _PySymtable_Free(c.c_st);
    return co;
}
