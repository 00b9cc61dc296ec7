/* Fixture: a single-phase extension module that does not declare
   anything about the GIL; m_size -1, so a second import copies the
   first one's namespace instead of running PyInit again. */
#include "ext_common.h"

static long init_calls;

static PyObject *init_count(PyObject *module, PyObject *unused)
{
    (void)module;
    (void)unused;
    return PyLong_FromLong(init_calls);
}

static PyMethodDef methods[] = {
    EXT_COMMON_METHODS,
    {"init_count", init_count, METH_NOARGS, "times PyInit ran"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "ext_single_gil",
    .m_doc = "single-phase, no GIL declaration",
    .m_size = -1,
    .m_methods = methods,
};

PyMODINIT_FUNC PyInit_ext_single_gil(void)
{
    init_calls++;
    PyObject *m = PyModule_Create(&def);
    if (m == NULL) {
        return NULL;
    }
    if (PyModule_AddStringConstant(m, "KIND", "single-phase") < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
