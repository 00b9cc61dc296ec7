/* Fixture: a classic stable-ABI extension (abi3), compiled with
   Py_LIMITED_API=0x030f0000 and the default build's headers into
   abi3_demo.abi3.so.  The default build loads it; the free-threaded build
   must refuse it, since abi3 code reads the default build's object
   header directly (Py_INCREF inline, a PyObject_HEAD struct below).

   It is a multi-phase PyModuleDef module whose slots use the 3.15 slot
   IDs and carry a Py_mod_abi record, which the free-threaded build would
   reject too. */
#include "Python.h"

#ifdef _Py_OPAQUE_PYOBJECT
#  error "abi3_demo is built with the default build's headers"
#endif

/* Point: a plain abi3 class whose layout extends PyObject. */
typedef struct {
    PyObject_HEAD
    long x, y;
} PointObject;

static PyObject *point_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"x", "y", NULL};
    long x = 0, y = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|ll:Point", keywords, &x, &y)) {
        return NULL;
    }
    allocfunc alloc = (allocfunc)PyType_GetSlot(type, Py_tp_alloc);
    PointObject *self = (PointObject *)alloc(type, 0);
    if (self != NULL) {
        self->x = x;
        self->y = y;
    }
    return (PyObject *)self;
}

static void point_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    freefunc free_slot = (freefunc)PyType_GetSlot(tp, Py_tp_free);
    free_slot(self);
    Py_DECREF(tp);
}

static PyObject *point_norm1(PyObject *self, PyObject *unused)
{
    PointObject *p = (PointObject *)self;
    return PyLong_FromLong(labs(p->x) + labs(p->y));
}

static PyMethodDef point_methods[] = {
    {"norm1", point_norm1, METH_NOARGS, "norm1(): |x| + |y|"},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef point_members[] = {
    {"x", Py_T_LONG, offsetof(PointObject, x), Py_READONLY, NULL},
    {"y", Py_T_LONG, offsetof(PointObject, y), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyType_Slot point_slots[] = {
    {Py_tp_new, point_new},
    {Py_tp_dealloc, point_dealloc},
    {Py_tp_methods, point_methods},
    {Py_tp_members, point_members},
    {0, NULL},
};

static PyType_Spec point_spec = {
    .name = "abi3_demo.Point",
    .basicsize = sizeof(PointObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = point_slots,
};

/* add(a, b): a + b for C longs; OverflowError past their range. */
static PyObject *abi3_add(PyObject *module, PyObject *args)
{
    long a, b, sum;
    if (!PyArg_ParseTuple(args, "ll:add", &a, &b)) {
        return NULL;
    }
    if (__builtin_add_overflow(a, b, &sum)) {
        PyErr_SetString(PyExc_OverflowError, "sum does not fit a C long");
        return NULL;
    }
    return PyLong_FromLong(sum);
}

static PyMethodDef abi3_methods[] = {
    {"add", abi3_add, METH_VARARGS, "add(a, b)"},
    {NULL, NULL, 0, NULL},
};

static int abi3_exec(PyObject *module)
{
    PyObject *point = PyType_FromModuleAndSpec(module, &point_spec, NULL);
    if (point == NULL) {
        return -1;
    }
    int rc = PyModule_AddType(module, (PyTypeObject *)point);
    Py_DECREF(point);
    return rc;
}

PyABIInfo_VAR(abi_info)

static PyModuleDef_Slot abi3_slots[] = {
    {Py_mod_abi, &abi_info},
    {Py_mod_exec, abi3_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static PyModuleDef abi3_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "abi3_demo",
    .m_doc = "abi3 fixture: default build only",
    .m_size = 0,
    .m_methods = abi3_methods,
    .m_slots = abi3_slots,
};

PyMODINIT_FUNC PyInit_abi3_demo(void)
{
    return PyModuleDef_Init(&abi3_def);
}
