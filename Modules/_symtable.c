/* _symtable: a read-only view of the compiler's symbol tables
   (Python/symtable.c), the machinery behind Lib/symtable.py.

   symtable(source, filename, compile_type) parses the source, builds its
   symbol tables as the compiler would, and returns the module's table as
   a tree of plain objects: each entry is a dict with the keys id, name,
   type, lineno, nested, symbols (name -> flags, scope included in bits
   SCOPE_OFF and up), varnames and children.  The C tables are freed
   before it returns, so nothing is shared.

   Thread safety: no module state; every call works on private data. */
#include "Python.h"
#include "pycore_ast.h"
#include "pycore_compile.h"
#include "pycore_parser.h"
#include "pycore_symtable.h"

static PyObject *entry_to_dict(PySTEntryObject *ste);

static PyObject *children_list(PySTEntryObject *ste)
{
    PyObject *list = PyList_New(ste->ste_nchildren);
    if (list == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < ste->ste_nchildren; i++) {
        PyObject *child = entry_to_dict(ste->ste_child[i]);
        if (child == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, child);
    }
    return list;
}

/* One table as a dict; its children recursively (the depth is bounded by
   the parser's nesting limit). */
static PyObject *entry_to_dict(PySTEntryObject *ste)
{
    PyObject *symbols = PyDict_Copy(ste->ste_symbols);
    PyObject *varnames = symbols ? PySequence_List(ste->ste_varnames) : NULL;
    PyObject *children = varnames ? children_list(ste) : NULL;
    PyObject *result = NULL;
    if (children != NULL) {
        result = Py_BuildValue(
            "{s:O,s:O,s:i,s:i,s:O,s:O,s:O,s:O,s:O,s:O,s:O}",
            "id", ste->ste_id,
            "name", ste->ste_name,
            "type", (int)ste->ste_type,
            "lineno", ste->ste_lineno,
            "nested", ste->ste_nested ? Py_True : Py_False,
            "symbols", symbols,
            "varnames", varnames,
            "children", children,
            "generator", ste->ste_generator ? Py_True : Py_False,
            "coroutine", ste->ste_coroutine ? Py_True : Py_False,
            "comp_inlined", ste->ste_comp_inlined ? Py_True : Py_False);
    }
    Py_XDECREF(symbols);
    Py_XDECREF(varnames);
    Py_XDECREF(children);
    return result;
}

static int start_symbol(const char *compile_type)
{
    if (strcmp(compile_type, "exec") == 0) {
        return Py_file_input;
    }
    if (strcmp(compile_type, "eval") == 0) {
        return Py_eval_input;
    }
    if (strcmp(compile_type, "single") == 0) {
        return Py_single_input;
    }
    PyErr_SetString(PyExc_ValueError,
                    "symtable() arg 3 must be 'exec' or 'eval' or 'single'");
    return -1;
}

static PyObject *symtable_symtable(PyObject *module, PyObject *args)
{
    (void)module;
    PyObject *source, *filename;
    const char *compile_type;
    if (!PyArg_ParseTuple(args, "OO&s:symtable", &source,
                          PyUnicode_FSDecoder, &filename, &compile_type)) {
        return NULL;
    }
    PyObject *result = NULL;
    PyArena *arena = NULL;
    int flags = 0;
    const char *text;
    Py_ssize_t size;
    int mode = start_symbol(compile_type);
    if (mode < 0) {
        goto done;
    }
    if (PyUnicode_Check(source)) {
        text = PyUnicode_AsUTF8AndSize(source, &size);
        flags |= PyCF_IGNORE_COOKIE;
    }
    else if (PyBytes_Check(source)) {
        text = PyBytes_AS_STRING(source);
        size = PyBytes_GET_SIZE(source);
    }
    else {
        PyErr_Format(PyExc_TypeError,
                     "symtable() arg 1 must be a string, bytes or AST object");
        goto done;
    }
    if (text == NULL || (arena = _PyArena_New()) == NULL) {
        goto done;
    }
    mod_ty mod = _PyParser_ParseStringAndSize(text, size, filename, mode,
                                              flags, arena);
    if (mod == NULL || _PyFuture_FromAST(mod, filename, &flags) < 0) {
        goto done;
    }
    struct symtable *st = _PySymtable_Build(mod, filename, flags);
    if (st != NULL) {
        result = entry_to_dict(st->st_top);
        _PySymtable_Free(st);
    }
done:
    if (arena != NULL) {
        _PyArena_Free(arena);
    }
    Py_DECREF(filename);
    return result;
}

static PyMethodDef symtable_methods[] = {
    {"symtable", symtable_symtable, METH_VARARGS,
     "symtable($module, source, filename, compile_type, /)\n--\n\n"
     "The module's symbol table, as a dict with nested children."},
    {NULL, NULL, 0, NULL},
};

static int symtable_exec(PyObject *m)
{
    static const struct {
        const char *name;
        long value;
    } constants[] = {
        {"USE", USE},
        {"DEF_GLOBAL", DEF_GLOBAL},
        {"DEF_NONLOCAL", DEF_NONLOCAL},
        {"DEF_LOCAL", DEF_LOCAL},
        {"DEF_PARAM", DEF_PARAM},
        {"DEF_TYPE_PARAM", DEF_TYPE_PARAM},
        {"DEF_FREE_CLASS", DEF_FREE_CLASS},
        {"DEF_IMPORT", DEF_IMPORT},
        {"DEF_BOUND", DEF_BOUND},
        {"DEF_ANNOT", DEF_ANNOT},
        {"DEF_COMP_ITER", DEF_COMP_ITER},
        {"DEF_COMP_CELL", DEF_COMP_CELL},
        {"TYPE_FUNCTION", FunctionBlock},
        {"TYPE_CLASS", ClassBlock},
        {"TYPE_MODULE", ModuleBlock},
        {"TYPE_ANNOTATION", AnnotationBlock},
        {"TYPE_TYPE_ALIAS", TypeAliasBlock},
        {"TYPE_TYPE_PARAMETERS", TypeParametersBlock},
        {"TYPE_TYPE_VARIABLE", TypeVariableBlock},
        {"LOCAL", LOCAL},
        {"GLOBAL_EXPLICIT", GLOBAL_EXPLICIT},
        {"GLOBAL_IMPLICIT", GLOBAL_IMPLICIT},
        {"FREE", FREE},
        {"CELL", CELL},
        {"SCOPE_OFF", SCOPE_OFFSET},
        {"SCOPE_MASK", SCOPE_MASK},
    };
    for (size_t i = 0; i < sizeof(constants) / sizeof(constants[0]); i++) {
        if (PyModule_AddIntConstant(m, constants[i].name,
                                    constants[i].value) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyModuleDef_Slot symtable_slots[] = {
    {Py_mod_exec, symtable_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef symtable_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_symtable",
    .m_doc = "The compiler's symbol tables, for Lib/symtable.py.",
    .m_size = 0,
    .m_methods = symtable_methods,
    .m_slots = symtable_slots,
};

PyMODINIT_FUNC PyInit__symtable(void)
{
    return PyModuleDef_Init(&symtable_module);
}
