/* Fixture: a multi-phase extension module (PEP 489) that declares
   Py_MOD_GIL_NOT_USED, with module state: importing it keeps the GIL
   off in the free-threaded build. */
#include "ext_common.h"
#include "ext_state.h"

static PyModuleDef_Slot slots[] = {
    {Py_mod_exec, ext_state_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "ext_multi_safe",
    .m_doc = "multi-phase, declares Py_MOD_GIL_NOT_USED",
    .m_size = sizeof(ext_state),
    .m_methods = ext_state_methods,
    .m_slots = slots,
    .m_traverse = ext_state_traverse,
    .m_clear = ext_state_clear,
    .m_free = ext_state_free,
};

PyMODINIT_FUNC PyInit_ext_multi_safe(void)
{
    return PyModuleDef_Init(&def);
}
