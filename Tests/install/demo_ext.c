/* A small extension module built against an installed Weft through
   pkg-config (Tests/install/check_install.sh): multi-phase, safe without
   the GIL, with one function that calls back into Python. */
#include <Python.h>

static PyObject *demo_twice(PyObject *module, PyObject *callable)
{
    (void)module;
    PyObject *first = PyObject_CallNoArgs(callable);
    if (first == NULL) {
        return NULL;
    }
    PyObject *result = PyNumber_Add(first, first);
    Py_DECREF(first);
    return result;
}

static PyMethodDef demo_methods[] = {
    {"twice", demo_twice, METH_O, "Call the argument and double the result."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot demo_slots[] = {
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static PyModuleDef demo_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "install_demo",
    .m_doc = "Built against an installed Weft.",
    .m_size = 0,
    .m_methods = demo_methods,
    .m_slots = demo_slots,
};

PyMODINIT_FUNC PyInit_install_demo(void)
{
    return PyModuleDef_Init(&demo_module);
}
