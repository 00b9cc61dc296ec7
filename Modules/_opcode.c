/* The _opcode module: facts about Weft's bytecode for Lib/opcode.py and
   Lib/dis.py (Include/internal/pycore_opcode.h, Python/opcode_metadata.c).

   Thread safety: every function reads constant tables only. */
#include "Python.h"
#include "pycore_opcode.h"

/* The opcode argument as a C int; -1 with an exception. */
static int
opcode_arg(PyObject *arg, int *opcode)
{
    int overflow;
    long value = PyLong_AsLongAndOverflow(arg, &overflow);
    if (value == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (overflow || value < INT_MIN || value > INT_MAX) {
        *opcode = -1;
        return 0;
    }
    *opcode = (int)value;
    return 0;
}

static int
is_valid(int op)
{
    return IS_VALID_OPCODE(op) && _PyOpcode_Name(op) != NULL;
}

static int
has_exc(int op)
{
    return IS_BLOCK_PUSH_OPCODE(op);
}

static PyObject *
opcode_stack_effect(PyObject *Py_UNUSED(module), PyObject *args,
                    PyObject *kwargs)
{
    static char *kwlist[] = {"", "", "jump", NULL};
    int opcode;
    PyObject *oparg_obj = Py_None;
    PyObject *jump_obj = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "i|O$O:stack_effect",
                                     kwlist, &opcode, &oparg_obj, &jump_obj)) {
        return NULL;
    }
    int oparg = 0;
    if (oparg_obj == Py_None) {
        if (IS_VALID_OPCODE(opcode) && !IS_PSEUDO_OPCODE(opcode) &&
            OPCODE_HAS_ARG(opcode)) {
            PyErr_SetString(PyExc_ValueError,
                            "stack_effect: opcode requires oparg but oparg "
                            "was not specified");
            return NULL;
        }
    }
    else {
        if (IS_VALID_OPCODE(opcode) && !IS_PSEUDO_OPCODE(opcode) &&
            !OPCODE_HAS_ARG(opcode)) {
            PyErr_SetString(PyExc_ValueError,
                            "stack_effect: opcode does not permit oparg but "
                            "oparg was specified");
            return NULL;
        }
        oparg = PyLong_AsInt(oparg_obj);
        if (oparg == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    int jump = -1;
    if (jump_obj != Py_None) {
        if (jump_obj != Py_True && jump_obj != Py_False) {
            PyErr_SetString(PyExc_ValueError,
                            "stack_effect: jump must be False, True or None");
            return NULL;
        }
        jump = jump_obj == Py_True;
    }
    int effect = is_valid(opcode) ? _PyOpcode_StackEffect(opcode, oparg, jump)
                                  : PY_INVALID_STACK_EFFECT;
    if (effect == PY_INVALID_STACK_EFFECT) {
        PyErr_SetString(PyExc_ValueError, "invalid opcode or oparg");
        return NULL;
    }
    return PyLong_FromLong(effect);
}

/* The predicates share one shape: an int in, a bool out, False for
   numbers that are no opcode. */
#define OPCODE_PREDICATE(fname, test)                                   \
    static PyObject *                                                   \
    opcode_##fname(PyObject *Py_UNUSED(module), PyObject *arg)          \
    {                                                                   \
        int op;                                                         \
        if (opcode_arg(arg, &op) < 0) {                                 \
            return NULL;                                                \
        }                                                               \
        return PyBool_FromLong(is_valid(op) && (test));                 \
    }

OPCODE_PREDICATE(is_valid, 1)
OPCODE_PREDICATE(has_arg, IS_PSEUDO_OPCODE(op) ? op != POP_BLOCK &&
                 op != ANNOTATIONS_PLACEHOLDER : OPCODE_HAS_ARG(op))
OPCODE_PREDICATE(has_const, OPCODE_HAS_CONST(op))
OPCODE_PREDICATE(has_name, OPCODE_HAS_NAME(op))
OPCODE_PREDICATE(has_jump, OPCODE_HAS_JUMP(op) && !IS_BLOCK_PUSH_OPCODE(op))
OPCODE_PREDICATE(has_free, OPCODE_HAS_FREE(op))
OPCODE_PREDICATE(has_local, OPCODE_HAS_LOCAL(op) ||
                 op == LOAD_FAST_LOAD_FAST ||
                 op == LOAD_FAST_BORROW_LOAD_FAST_BORROW ||
                 op == STORE_FAST_LOAD_FAST || op == STORE_FAST_STORE_FAST)
OPCODE_PREDICATE(has_exc, has_exc(op))

#undef OPCODE_PREDICATE

static PyObject *
string_list(const char *const *names, int count)
{
    PyObject *list = PyList_New(count);
    if (list == NULL) {
        return NULL;
    }
    for (int i = 0; i < count; i++) {
        PyObject *name = PyUnicode_FromString(names[i]);
        if (name == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, name);
    }
    return list;
}

static const char *const intrinsic1_names[MAX_INTRINSIC_1 + 1] = {
    "INTRINSIC_1_INVALID", "INTRINSIC_PRINT", "INTRINSIC_IMPORT_STAR",
    "INTRINSIC_STOPITERATION_ERROR", "INTRINSIC_ASYNC_GEN_WRAP",
    "INTRINSIC_UNARY_POSITIVE", "INTRINSIC_LIST_TO_TUPLE",
    "INTRINSIC_TYPEVAR", "INTRINSIC_PARAMSPEC", "INTRINSIC_TYPEVARTUPLE",
    "INTRINSIC_SUBSCRIPT_GENERIC", "INTRINSIC_TYPEALIAS",
};

static const char *const intrinsic2_names[MAX_INTRINSIC_2 + 1] = {
    "INTRINSIC_2_INVALID", "INTRINSIC_PREP_RERAISE_STAR",
    "INTRINSIC_TYPEVAR_WITH_BOUND", "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS",
    "INTRINSIC_SET_FUNCTION_TYPE_PARAMS", "INTRINSIC_SET_TYPEPARAM_DEFAULT",
};

static const char *const nb_op_names[NB_OPARG_LAST + 1] = {
    "NB_ADD", "NB_AND", "NB_FLOOR_DIVIDE", "NB_LSHIFT",
    "NB_MATRIX_MULTIPLY", "NB_MULTIPLY", "NB_REMAINDER", "NB_OR",
    "NB_POWER", "NB_RSHIFT", "NB_SUBTRACT", "NB_TRUE_DIVIDE", "NB_XOR",
    "NB_INPLACE_ADD", "NB_INPLACE_AND", "NB_INPLACE_FLOOR_DIVIDE",
    "NB_INPLACE_LSHIFT", "NB_INPLACE_MATRIX_MULTIPLY",
    "NB_INPLACE_MULTIPLY", "NB_INPLACE_REMAINDER", "NB_INPLACE_OR",
    "NB_INPLACE_POWER", "NB_INPLACE_RSHIFT", "NB_INPLACE_SUBTRACT",
    "NB_INPLACE_TRUE_DIVIDE", "NB_INPLACE_XOR", "NB_SUBSCR",
};

static const char *const special_method_names[SPECIAL_MAX + 1] = {
    "__enter__", "__exit__", "__aenter__", "__aexit__",
};

static const char *const common_constant_names[NUM_COMMON_CONSTANTS] = {
    "AssertionError", "NotImplementedError", "tuple", "all", "any",
};

static PyObject *
opcode_get_intrinsic1_descs(PyObject *Py_UNUSED(module),
                            PyObject *Py_UNUSED(ignored))
{
    return string_list(intrinsic1_names, MAX_INTRINSIC_1 + 1);
}

static PyObject *
opcode_get_intrinsic2_descs(PyObject *Py_UNUSED(module),
                            PyObject *Py_UNUSED(ignored))
{
    return string_list(intrinsic2_names, MAX_INTRINSIC_2 + 1);
}

static PyObject *
opcode_get_special_method_names(PyObject *Py_UNUSED(module),
                                PyObject *Py_UNUSED(ignored))
{
    return string_list(special_method_names, SPECIAL_MAX + 1);
}

static PyObject *
opcode_get_common_constant_names(PyObject *Py_UNUSED(module),
                                 PyObject *Py_UNUSED(ignored))
{
    return string_list(common_constant_names, NUM_COMMON_CONSTANTS);
}

static PyObject *
opcode_get_nb_ops(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(ignored))
{
    PyObject *list = PyList_New(NB_OPARG_LAST + 1);
    if (list == NULL) {
        return NULL;
    }
    for (int i = 0; i <= NB_OPARG_LAST; i++) {
        PyObject *pair = Py_BuildValue("(ss)", nb_op_names[i],
                                       _PyOpcode_BinaryOpSymbol[i]);
        if (pair == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, pair);
    }
    return list;
}

/* Weft keeps no specialization statistics. */
static PyObject *
opcode_get_specialization_stats(PyObject *Py_UNUSED(module),
                                PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_NONE;
}

/* {name: number} of every real and pseudo instruction. */
static PyObject *
opcode_get_opmap(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(ignored))
{
    PyObject *map = PyDict_New();
    if (map == NULL) {
        return NULL;
    }
    for (int op = 0; op < _PY_OPCODE_PSEUDO_END; op++) {
        const char *name = _PyOpcode_Name(op);
        if (name == NULL) {
            continue;
        }
        PyObject *num = PyLong_FromLong(op);
        if (num == NULL || PyDict_SetItemString(map, name, num) < 0) {
            Py_XDECREF(num);
            Py_DECREF(map);
            return NULL;
        }
        Py_DECREF(num);
    }
    return map;
}

static PyMethodDef opcode_methods[] = {
    {"stack_effect", (PyCFunction)(void (*)(void))opcode_stack_effect,
     METH_VARARGS | METH_KEYWORDS,
     "stack_effect($module, opcode, oparg=None, /, *, jump=None)\n--\n\n"
     "Compute the stack effect of the opcode."},
    {"is_valid", opcode_is_valid, METH_O,
     "Return True if opcode is valid, False otherwise."},
    {"has_arg", opcode_has_arg, METH_O,
     "Return True if the opcode uses its oparg, False otherwise."},
    {"has_const", opcode_has_const, METH_O,
     "Return True if the opcode accesses a constant, False otherwise."},
    {"has_name", opcode_has_name, METH_O,
     "Return True if the opcode accesses an attribute by name, False otherwise."},
    {"has_jump", opcode_has_jump, METH_O,
     "Return True if the opcode has a jump target, False otherwise."},
    {"has_free", opcode_has_free, METH_O,
     "Return True if the opcode accesses a free variable, False otherwise."},
    {"has_local", opcode_has_local, METH_O,
     "Return True if the opcode accesses a local variable, False otherwise."},
    {"has_exc", opcode_has_exc, METH_O,
     "Return True if the opcode sets an exception handler, False otherwise."},
    {"get_intrinsic1_descs", opcode_get_intrinsic1_descs, METH_NOARGS,
     "Return a list of names of the unary intrinsics."},
    {"get_intrinsic2_descs", opcode_get_intrinsic2_descs, METH_NOARGS,
     "Return a list of names of the binary intrinsics."},
    {"get_special_method_names", opcode_get_special_method_names, METH_NOARGS,
     "Return a list of special method names."},
    {"get_common_constant_names", opcode_get_common_constant_names,
     METH_NOARGS, "Return the names of LOAD_COMMON_CONSTANT's values."},
    {"get_nb_ops", opcode_get_nb_ops, METH_NOARGS,
     "Return array of symbols of binary ops, indexed by BINARY_OP's oparg."},
    {"get_specialization_stats", opcode_get_specialization_stats, METH_NOARGS,
     "Return the specialization stats (None: not collected)."},
    {"get_opmap", opcode_get_opmap, METH_NOARGS,
     "Return {name: opcode} for every instruction, pseudo ones included."},
    {NULL, NULL, 0, NULL},
};

static int
opcode_exec(PyObject *module)
{
    if (PyModule_AddIntConstant(module, "HAVE_ARGUMENT", HAVE_ARGUMENT) < 0 ||
        PyModule_AddIntConstant(module, "MIN_PSEUDO_OPCODE",
                                MIN_PSEUDO_OPCODE) < 0 ||
        PyModule_AddIntConstant(module, "MAX_REAL_OPCODE",
                                MAX_REAL_OPCODE) < 0 ||
        PyModule_AddIntConstant(module, "MAX_PSEUDO_OPCODE",
                                MAX_PSEUDO_OPCODE) < 0 ||
        PyModule_AddIntConstant(module, "ENABLE_SPECIALIZATION", 0) < 0 ||
        PyModule_AddIntConstant(module, "ENABLE_SPECIALIZATION_FT", 0) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot opcode_slots[] = {
    {Py_mod_exec, opcode_exec},
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef opcode_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_opcode",
    .m_doc = "Opcode support module.",
    .m_size = 0,
    .m_methods = opcode_methods,
    .m_slots = opcode_slots,
};

PyMODINIT_FUNC
PyInit__opcode(void)
{
    return PyModuleDef_Init(&opcode_module);
}
