/* _typing: the C half of the typing module.  It exposes the typing objects
   that the PEP 695 syntax creates (Objects/typevarobject.c) so that
   typing.py can re-export them, and the identity function typing uses for
   NewType.  The module has no state of its own: everything it holds is an
   immutable static type or singleton, safe to share between threads. */
#include "Python.h"
#include "pycore_typevarobject.h"
#include "pycore_unionobject.h"

/* _idfunc(x) -> x */
static PyObject *
typing_idfunc(PyObject *Py_UNUSED(module), PyObject *x)
{
    return Py_NewRef(x);
}

static PyMethodDef typing_methods[] = {
    {"_idfunc", typing_idfunc, METH_O, "Return the argument unchanged."},
    {NULL, NULL, 0, NULL},
};

static int
typing_exec(PyObject *module)
{
    static const struct {
        const char *name;
        PyObject *value;
    } exported[] = {
        {"TypeVar", (PyObject *)&_PyTypeVar_Type},
        {"ParamSpec", (PyObject *)&_PyParamSpec_Type},
        {"ParamSpecArgs", (PyObject *)&_PyParamSpecArgs_Type},
        {"ParamSpecKwargs", (PyObject *)&_PyParamSpecKwargs_Type},
        {"TypeVarTuple", (PyObject *)&_PyTypeVarTuple_Type},
        {"TypeAliasType", (PyObject *)&_PyTypeAlias_Type},
        {"Generic", (PyObject *)&_PyGeneric_Type},
        {"Union", (PyObject *)&_PyUnion_Type},
        {"NoDefault", _Py_NoDefault},
    };
    for (size_t i = 0; i < sizeof(exported) / sizeof(exported[0]); i++) {
        if (PyModule_AddObjectRef(module, exported[i].name,
                                  exported[i].value) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyModuleDef_Slot typing_slots[] = {
    {Py_mod_exec, typing_exec},
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef typing_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_typing",
    .m_doc = "Primitives and accelerators for the typing module.",
    .m_size = 0,
    .m_methods = typing_methods,
    .m_slots = typing_slots,
};

PyMODINIT_FUNC
PyInit__typing(void)
{
    return PyModuleDef_Init(&typing_module);
}
