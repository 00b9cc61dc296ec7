/* Fixture: a multi-phase extension module (PEP 489) with module state
   and no Py_mod_gil slot: importing it into the free-threaded build
   enables the GIL. */
#include "ext_common.h"
#include "ext_state.h"

static PyModuleDef_Slot slots[] = {
    {Py_mod_exec, ext_state_exec},
    {0, NULL},
};

static struct PyModuleDef def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "ext_multi_gil",
    .m_doc = "multi-phase, no Py_mod_gil slot",
    .m_size = sizeof(ext_state),
    .m_methods = ext_state_methods,
    .m_slots = slots,
    .m_traverse = ext_state_traverse,
    .m_clear = ext_state_clear,
    .m_free = ext_state_free,
};

PyMODINIT_FUNC PyInit_ext_multi_gil(void)
{
    return PyModuleDef_Init(&def);
}
