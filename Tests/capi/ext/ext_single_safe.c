/* Fixture: a single-phase extension module that declares, while its
   PyInit runs, that it needs no GIL (PyUnstable_Module_SetGIL). */
#include "ext_common.h"

static long init_calls;

static PyObject *init_count(PyObject *module, PyObject *unused)
{
    (void)module;
    (void)unused;
    return PyLong_FromLong(__atomic_load_n(&init_calls, __ATOMIC_RELAXED));
}

static PyMethodDef methods[] = {
    EXT_COMMON_METHODS,
    {"init_count", init_count, METH_NOARGS, "times PyInit ran"},
    {NULL, NULL, 0, NULL},
};

/* m_size 0: re-importing it runs PyInit again. */
static struct PyModuleDef def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "ext_single_safe",
    .m_doc = "single-phase, calls PyUnstable_Module_SetGIL",
    .m_size = 0,
    .m_methods = methods,
};

PyMODINIT_FUNC PyInit_ext_single_safe(void)
{
    __atomic_add_fetch(&init_calls, 1, __ATOMIC_RELAXED);
    PyObject *m = PyModule_Create(&def);
    if (m == NULL) {
        return NULL;
    }
#ifdef Py_GIL_DISABLED
    if (PyUnstable_Module_SetGIL(m, Py_MOD_GIL_NOT_USED) < 0) {
        Py_DECREF(m);
        return NULL;
    }
#endif
    /* What sys._is_gil_enabled() said while PyInit ran (the loader keeps
       the GIL on until the module has declared itself). */
    PyObject *sys = PyImport_ImportModule("sys");
    PyObject *during = sys ? PyObject_CallMethod(sys, "_is_gil_enabled", NULL)
                           : NULL;
    Py_XDECREF(sys);
    if (during == NULL
            || PyModule_Add(m, "GIL_DURING_INIT", during) < 0
            || PyModule_AddStringConstant(m, "KIND", "single-phase") < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
