/* Fixture: entry points that break the rules, one per module name (the
   tests copy this file under each name): the loader must turn each into
   a clear exception, never a crash. */
#include "Python.h"

/* NULL without an exception. */
PyMODINIT_FUNC PyInit_ext_broken_silent(void)
{
    return NULL;
}

/* An exception of its own. */
PyMODINIT_FUNC PyInit_ext_broken_raises(void)
{
    PyErr_SetString(PyExc_RuntimeError, "init refuses");
    return NULL;
}

/* A result and an exception both. */
PyMODINIT_FUNC PyInit_ext_broken_both(void)
{
    PyErr_SetString(PyExc_RuntimeError, "left behind");
    return PyModule_New("ext_broken_both");
}

/* Something that is neither a module nor a definition. */
PyMODINIT_FUNC PyInit_ext_broken_notmodule(void)
{
    return PyLong_FromLong(7);
}

/* An export hook returning no slots and no exception. */
PyMODEXPORT_FUNC PyModExport_ext_broken_export(void)
{
    return NULL;
}
