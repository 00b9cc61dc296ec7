/* _contextvars: the Python face of Python/context.c (PEP 567).

   The module holds no state of its own: the types are static and
   immutable, and copy_context works on the calling thread's private
   current context, so it is safe without the GIL. */
#include "Python.h"
#include "pycore_context.h"

static PyObject *contextvars_copy_context(PyObject *Py_UNUSED(module),
                                          PyObject *Py_UNUSED(ignored))
{
    return PyContext_CopyCurrent();
}

static PyMethodDef contextvars_methods[] = {
    {"copy_context", contextvars_copy_context, METH_NOARGS,
     "copy_context($module, /)\n--\n\n"
     "Return a copy of the current Context object."},
    {NULL, NULL, 0, NULL},
};

static int contextvars_exec(PyObject *module)
{
    if (_PyContext_InitTypes() < 0) {
        return -1;
    }
    if (PyModule_AddType(module, &PyContext_Type) < 0
            || PyModule_AddType(module, &PyContextVar_Type) < 0
            || PyModule_AddType(module, &PyContextToken_Type) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot contextvars_slots[] = {
    {Py_mod_exec, contextvars_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef contextvars_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_contextvars",
    .m_doc = "Context Variables",
    .m_size = 0,
    .m_methods = contextvars_methods,
    .m_slots = contextvars_slots,
};

PyMODINIT_FUNC PyInit__contextvars(void)
{
    return PyModuleDef_Init(&contextvars_module);
}
