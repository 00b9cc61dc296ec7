/* Fixture: an extension for the single stable ABI of both builds (abi3t),
   compiled once into abi3t_demo.abi3t.so and imported by the default and
   the free-threaded interpreter alike (Tests/capi/abi3t_both_builds.sh).

   Built with -DPy_TARGET_ABI3T=0x030f0000: PyObject and PyModuleDef are
   opaque, so the module is defined by its export hook's slot array and
   its class Counter keeps its fields in type data (negative basicsize,
   PyObject_GetTypeData).  It declares Py_MOD_GIL_NOT_USED: module state
   and each Counter's count change only through atomics, and a Counter's
   label is set before the object is shared and never changes. */
#include "Python.h"

/* ---- module state ------------------------------------------------------------ */

/* error and counter_type are set once by exec, before the module is
   shared; calls is updated with atomics. */
typedef struct {
    PyObject *error;            /* abi3t_demo.DemoError */
    PyObject *counter_type;     /* abi3t_demo.Counter */
    Py_ssize_t calls;           /* calls of the module's functions */
} demo_state;

/* Py_mod_token: identifies this module (and PyType_GetModuleByToken). */
static const char demo_token[] = "abi3t_demo";

static demo_state *get_state(PyObject *module)
{
    return (demo_state *)PyModule_GetState(module);
}

static void count_call(PyObject *module)
{
    __atomic_fetch_add(&get_state(module)->calls, 1, __ATOMIC_RELAXED);
}

static int demo_traverse(PyObject *module, visitproc visit, void *arg)
{
    demo_state *st = get_state(module);
    Py_VISIT(st->error);
    Py_VISIT(st->counter_type);
    return 0;
}

static int demo_clear(PyObject *module)
{
    demo_state *st = get_state(module);
    Py_CLEAR(st->error);
    Py_CLEAR(st->counter_type);
    return 0;
}

static void demo_free(void *module)
{
    demo_clear((PyObject *)module);
}

/* ---- Counter: a heap type whose fields are type data --------------------------- */

static PyType_Spec counter_spec;  /* below; its address is Counter's token */

/* The part of a Counter its class adds (its type data). */
typedef struct {
    long value;                 /* atomic */
    PyObject *label;            /* owned str; fixed after tp_new */
} counter_data;

/* Counter itself among the bases of self's class (which may be a Python
   subclass), found by its token: borrowed, since self keeps it alive. */
static PyTypeObject *counter_class(PyObject *self)
{
    PyTypeObject *cls = NULL;
    if (PyType_GetBaseByToken(Py_TYPE(self), (void *)&counter_spec, &cls) <= 0) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_TypeError, "not a Counter");
        }
        return NULL;
    }
    Py_DECREF(cls);
    return cls;
}

static counter_data *counter_of(PyObject *self)
{
    PyTypeObject *cls = counter_class(self);
    return cls == NULL ? NULL : (counter_data *)PyObject_GetTypeData(self, cls);
}

static PyObject *counter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"start", "label", NULL};
    long start = 0;
    PyObject *label = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|lU:Counter", keywords,
                                     &start, &label)) {
        return NULL;
    }
    allocfunc alloc = (allocfunc)PyType_GetSlot(type, Py_tp_alloc);
    PyObject *self = alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    counter_data *data = counter_of(self);
    if (data == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    data->value = start;
    data->label = label != NULL ? Py_NewRef(label) : PyUnicode_FromString("counter");
    if (data->label == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return self;
}

static int counter_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyTypeObject *cls = NULL;
    Py_VISIT(Py_TYPE(self));
    if (PyType_GetBaseByToken(Py_TYPE(self), (void *)&counter_spec, &cls) > 0) {
        Py_DECREF(cls);
        Py_VISIT(((counter_data *)PyObject_GetTypeData(self, cls))->label);
    }
    return 0;
}

static int counter_clear(PyObject *self)
{
    PyTypeObject *cls = NULL;
    if (PyType_GetBaseByToken(Py_TYPE(self), (void *)&counter_spec, &cls) > 0) {
        Py_DECREF(cls);
        Py_CLEAR(((counter_data *)PyObject_GetTypeData(self, cls))->label);
    }
    return 0;
}

static void counter_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    counter_clear(self);
    freefunc free_slot = (freefunc)PyType_GetSlot(tp, Py_tp_free);
    free_slot(self);
    Py_DECREF(tp);
}

/* increment(n=1): adds n (n >= 0) and returns the new value. */
static PyObject *counter_increment(PyObject *self, PyObject *args)
{
    long n = 1;
    if (!PyArg_ParseTuple(args, "|l:increment", &n)) {
        return NULL;
    }
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "increment must not be negative");
        return NULL;
    }
    counter_data *data = counter_of(self);
    if (data == NULL) {
        return NULL;
    }
    return PyLong_FromLong(__atomic_add_fetch(&data->value, n, __ATOMIC_RELAXED));
}

static PyObject *counter_repr(PyObject *self)
{
    counter_data *data = counter_of(self);
    if (data == NULL) {
        return NULL;
    }
    return PyUnicode_FromFormat("<Counter %U=%ld>", data->label,
                                __atomic_load_n(&data->value, __ATOMIC_RELAXED));
}

static PyObject *counter_get_label(PyObject *self, void *closure)
{
    counter_data *data = counter_of(self);
    if (data == NULL) {
        return NULL;
    }
    return Py_NewRef(data->label);
}

static PyMethodDef counter_methods[] = {
    {"increment", counter_increment, METH_VARARGS,
     "increment(n=1)\n--\n\nAdd n and return the new value."},
    {NULL, NULL, 0, NULL},
};

/* `value` is read straight from the type data: Py_RELATIVE_OFFSET. */
static PyMemberDef counter_members[] = {
    {"value", Py_T_LONG, offsetof(counter_data, value),
     Py_READONLY | Py_RELATIVE_OFFSET, "the current count"},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef counter_getset[] = {
    {"label", counter_get_label, NULL, "the counter's name", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot counter_slots[] = {
    {Py_tp_doc, "Counter(start=0, label='counter')\n--\n\nA count that threads may share."},
    {Py_tp_new, counter_new},
    {Py_tp_dealloc, counter_dealloc},
    {Py_tp_traverse, counter_traverse},
    {Py_tp_clear, counter_clear},
    {Py_tp_repr, counter_repr},
    {Py_tp_methods, counter_methods},
    {Py_tp_members, counter_members},
    {Py_tp_getset, counter_getset},
    {Py_tp_token, Py_TP_USE_SPEC},
    {0, NULL},
};

static PyType_Spec counter_spec = {
    .name = "abi3t_demo.Counter",
    .basicsize = -(int)sizeof(counter_data),  /* after the base's fields */
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .slots = counter_slots,
};

/* ---- module functions ------------------------------------------------------------ */

/* apply(func, *args): calls back into Python; its exception propagates. */
static PyObject *demo_apply(PyObject *module, PyObject *args)
{
    count_call(module);
    Py_ssize_t n = PyTuple_Size(args);
    if (n < 1) {
        PyErr_SetString(PyExc_TypeError, "apply() needs a callable");
        return NULL;
    }
    PyObject *rest = PyTuple_GetSlice(args, 1, n);
    if (rest == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_Call(PyTuple_GetItem(args, 0), rest, NULL);
    Py_DECREF(rest);
    return result;
}

/* total(func, iterable): the sum of func(x) for each x. */
static PyObject *demo_total(PyObject *module, PyObject *args)
{
    PyObject *func, *iterable;
    count_call(module);
    if (!PyArg_ParseTuple(args, "OO:total", &func, &iterable)) {
        return NULL;
    }
    PyObject *iter = PyObject_GetIter(iterable);
    if (iter == NULL) {
        return NULL;
    }
    PyObject *sum = PyLong_FromLong(0), *item;
    while (sum != NULL && (item = PyIter_Next(iter)) != NULL) {
        PyObject *term = PyObject_CallFunctionObjArgs(func, item, NULL);
        Py_DECREF(item);
        PyObject *next = term == NULL ? NULL : PyNumber_Add(sum, term);
        Py_XDECREF(term);
        Py_SETREF(sum, next);
        if (sum == NULL) {
            break;
        }
    }
    Py_DECREF(iter);
    if (sum != NULL && PyErr_Occurred()) {
        Py_CLEAR(sum);
    }
    return sum;
}

/* fail(message): raises abi3t_demo.DemoError(message). */
static PyObject *demo_fail(PyObject *module, PyObject *message)
{
    count_call(module);
    PyErr_SetObject(get_state(module)->error, message);
    return NULL;
}

/* calls(): how many times the other functions ran. */
static PyObject *demo_calls(PyObject *module, PyObject *unused)
{
    return PyLong_FromSsize_t(
        __atomic_load_n(&get_state(module)->calls, __ATOMIC_RELAXED));
}

/* info(): what the module API says about this module. */
static PyObject *demo_info(PyObject *module, PyObject *unused)
{
    Py_ssize_t size;
    void *token;
    if (PyModule_GetStateSize(module, &size) < 0
            || PyModule_GetToken(module, &token) < 0) {
        return NULL;
    }
    PyObject *has_def = PyModule_GetDef(module) != NULL ? Py_True : Py_False;
    return Py_BuildValue("{s:O,s:O,s:O,s:i}",
                         "state_size_ok", size == (Py_ssize_t)sizeof(demo_state)
                                              ? Py_True : Py_False,
                         "token_ok", token == (void *)demo_token ? Py_True : Py_False,
                         "has_def", has_def,
                         "abi3t", 1);
}

/* is_counter(obj): whether obj's class derives from Counter, by token. */
static PyObject *demo_is_counter(PyObject *module, PyObject *obj)
{
    PyTypeObject *base = NULL;
    int found = PyType_GetBaseByToken(Py_TYPE(obj), (void *)&counter_spec, &base);
    if (found < 0) {
        return NULL;
    }
    Py_XDECREF(base);
    return PyBool_FromLong(found);
}

static PyMethodDef demo_methods[] = {
    {"apply", demo_apply, METH_VARARGS, "apply(func, *args): func(*args)"},
    {"total", demo_total, METH_VARARGS, "total(func, iterable): sum of func(x)"},
    {"fail", demo_fail, METH_O, "fail(message): raise DemoError(message)"},
    {"calls", demo_calls, METH_NOARGS, "calls(): calls of the other functions"},
    {"info", demo_info, METH_NOARGS, "info(): module API facts"},
    {"is_counter", demo_is_counter, METH_O, "is_counter(obj): by type token"},
    {NULL, NULL, 0, NULL},
};

/* ---- module definition -------------------------------------------------------------- */

static int demo_exec(PyObject *module)
{
    demo_state *st = get_state(module);
    st->error = PyErr_NewException("abi3t_demo.DemoError", PyExc_ValueError, NULL);
    if (st->error == NULL || PyModule_AddObjectRef(module, "DemoError", st->error) < 0) {
        return -1;
    }
    st->counter_type = PyType_FromModuleAndSpec(module, &counter_spec, NULL);
    if (st->counter_type == NULL
            || PyModule_AddType(module, (PyTypeObject *)st->counter_type) < 0) {
        return -1;
    }
    return PyModule_AddIntConstant(module, "ABI_VERSION", Py_TARGET_ABI3T);
}

PyABIInfo_VAR(abi_info)

static PySlot demo_slots[] = {
    PySlot_DATA(Py_mod_abi, &abi_info),
    PySlot_DATA(Py_mod_name, "abi3t_demo"),
    PySlot_DATA(Py_mod_doc, "abi3t fixture: one binary for both builds"),
    PySlot_DATA(Py_mod_methods, demo_methods),
    PySlot_SIZE(Py_mod_state_size, sizeof(demo_state)),
    PySlot_FUNC(Py_mod_state_traverse, demo_traverse),
    PySlot_FUNC(Py_mod_state_clear, demo_clear),
    PySlot_FUNC(Py_mod_state_free, demo_free),
    PySlot_FUNC(Py_mod_exec, demo_exec),
    PySlot_DATA(Py_mod_token, demo_token),
    PySlot_DATA(Py_mod_gil, Py_MOD_GIL_NOT_USED),
    PySlot_END,
};

PyMODEXPORT_FUNC PyModExport_abi3t_demo(void)
{
    return demo_slots;
}
