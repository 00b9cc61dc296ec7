/* Modules and types from slot arrays (Objects/moduleslots.c,
   Objects/typespec.c): PyABIInfo_Check, PyModule_FromSlotsAndSpec and
   PyModule_Exec with their errors, the old and 3.15 slot IDs in a
   PyModuleDef, PyType_FromSlots and the token look-ups. */
#define Py_BUILD_CORE 1
#include "testlib.h"
#include "pycore_moduleobject.h"

/* CHECK_ERR(exc, "text"): the pending exception is exc with str() text. */
static void check_error(PyObject *exc, const char *text, const char *file, int line)
{
    PyObject *raised = PyErr_GetRaisedException();
    testlib_check(raised != NULL && PyErr_GivenExceptionMatches(raised, exc),
                  "raised the expected type", file, line);
    testlib_check_str(raised == NULL ? NULL : PyObject_Str(raised), text, file, line);
    Py_XDECREF(raised);
}
#define CHECK_ERR(exc, text) check_error((exc), (text), __FILE__, __LINE__)

/* ---- PyABIInfo_Check ------------------------------------------------------------ */

static void test_abiinfo_default_passes(void)
{
    PyABIInfo_VAR(info)
    CHECK(PyABIInfo_Check(&info, "m") == 0);
    CHECK((info.flags & PyABIInfo_STABLE) == 0);
#ifdef Py_GIL_DISABLED
    CHECK((info.flags & PyABIInfo_FREETHREADING_AGNOSTIC) == PyABIInfo_FREETHREADED);
#else
    CHECK((info.flags & PyABIInfo_FREETHREADING_AGNOSTIC) == PyABIInfo_GIL);
#endif
    CHECK(info.abi_version == PY_VERSION_HEX);
}

static void test_abiinfo_versions(void)
{
    CHECK(PyABIInfo_Check(NULL, "m") == -1);
    CHECK_ERR(PyExc_ImportError, "m: NULL PyABIInfo");
    PyABIInfo skip = {0, 0, PyABIInfo_FREETHREADED | 0x8000, 0, 0x09000000};
    CHECK(PyABIInfo_Check(&skip, "m") == 0);
    PyABIInfo high = {2, 0, PyABIInfo_STABLE, 0, 0};
    CHECK(PyABIInfo_Check(&high, NULL) == -1);
    CHECK_ERR(PyExc_ImportError, "PyABIInfo version too high");
    PyABIInfo future = {1, 0, PyABIInfo_STABLE | PyABIInfo_FREETHREADING_AGNOSTIC,
                        0, 0x03100000};
    CHECK(PyABIInfo_Check(&future, "ext") == -1);
    CHECK_ERR(PyExc_ImportError, "ext: incompatible future stable ABI version (3.16)");
    PyABIInfo ancient = {1, 0, PyABIInfo_STABLE, 0, 0x03010000};
    CHECK(PyABIInfo_Check(&ancient, "ext") == -1);
    CHECK_ERR(PyExc_ImportError, "ext: invalid stable ABI version (3.1)");
    PyABIInfo old_stable = {1, 0, PyABIInfo_STABLE | PyABIInfo_FREETHREADING_AGNOSTIC,
                            0x030c0000, 0x030c0000};
    CHECK(PyABIInfo_Check(&old_stable, "ext") == 0);
    PyABIInfo other = {1, 0, 0, 0, 0x030e0000};
    CHECK(PyABIInfo_Check(&other, "ext") == -1);
    CHECK_ERR(PyExc_ImportError, "ext: incompatible ABI version (3.14)");
    PyABIInfo both = {1, 0, PyABIInfo_STABLE | PyABIInfo_INTERNAL, 0, 0};
    CHECK(PyABIInfo_Check(&both, "ext") == -1);
    CHECK_ERR(PyExc_ImportError, "ext: cannot use both internal and stable ABI");
    PyABIInfo internal = {1, 0, PyABIInfo_INTERNAL, 0, 0x030f00a1};
    CHECK(PyABIInfo_Check(&internal, "ext") == -1);
    CHECK_ERR(PyExc_ImportError, "ext: incompatible internal ABI (0x30f00a1 != 0x30f00f0)");
}

static void test_abiinfo_threading(void)
{
    PyABIInfo gil = {1, 0, PyABIInfo_STABLE | PyABIInfo_GIL, 0, 0x030f0000};
    PyABIInfo ft = {1, 0, PyABIInfo_STABLE | PyABIInfo_FREETHREADED, 0, 0x030f0000};
    PyABIInfo both = {1, 0, PyABIInfo_STABLE | PyABIInfo_FREETHREADING_AGNOSTIC,
                      0, 0x030f0000};
    CHECK(PyABIInfo_Check(&both, "ext") == 0);
#ifdef Py_GIL_DISABLED
    CHECK(PyABIInfo_Check(&ft, "ext") == 0);
    CHECK(PyABIInfo_Check(&gil, "ext") == -1);
    CHECK_ERR(PyExc_ImportError, "ext: incompatible with free-threaded CPython");
#else
    CHECK(PyABIInfo_Check(&gil, "ext") == 0);
    CHECK(PyABIInfo_Check(&ft, "ext") == -1);
    CHECK_ERR(PyExc_ImportError, "ext: only compatible with free-threaded CPython");
#endif
}

/* ---- PyModule_FromSlotsAndSpec ----------------------------------------------------- */

/* A stand-in ModuleSpec: an object whose .name is `name`. */
static PyObject *make_spec(const char *name)
{
    PyObject *types = PyImport_ImportModule("types");
    if (types == NULL) {
        return NULL;
    }
    PyObject *ns = PyObject_GetAttrString(types, "SimpleNamespace");
    Py_DECREF(types);
    if (ns == NULL) {
        return NULL;
    }
    PyObject *kwargs = Py_BuildValue("{s:s}", "name", name);
    PyObject *empty = PyTuple_New(0);
    PyObject *spec = kwargs && empty ? PyObject_Call(ns, empty, kwargs) : NULL;
    Py_XDECREF(kwargs);
    Py_XDECREF(empty);
    Py_DECREF(ns);
    return spec;
}

/* Module made from `slots` with spec name "slotmod", or NULL. */
static PyObject *from_slots(const PySlot *slots)
{
    PyObject *spec = make_spec("slotmod");
    if (spec == NULL) {
        return NULL;
    }
    PyObject *m = PyModule_FromSlotsAndSpec(slots, spec);
    Py_DECREF(spec);
    return m;
}

PyABIInfo_VAR(test_abi)
static const char test_token[] = "slotmod-token";

typedef struct {
    long runs;
    PyObject *held;
} slot_state;

static PyObject *answer(PyObject *module, PyObject *unused)
{
    return PyLong_FromLong(42);
}

static PyMethodDef slot_methods[] = {
    {"answer", answer, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static int slot_exec(PyObject *module)
{
    slot_state *st = PyModule_GetState(module);
    st->runs++;
    st->held = PyLong_FromLong(7);
    return PyModule_AddIntConstant(module, "EXECUTED", st->runs);
}

static int slot_traverse(PyObject *module, visitproc visit, void *arg)
{
    slot_state *st = PyModule_GetState(module);
    if (st != NULL) {
        Py_VISIT(st->held);
    }
    return 0;
}

static int slot_clear(PyObject *module)
{
    slot_state *st = PyModule_GetState(module);
    if (st != NULL) {
        Py_CLEAR(st->held);
    }
    return 0;
}

static int freed;
static void slot_free(void *module)
{
    slot_clear(module);
    freed++;
}

static void test_minimal_module(void)
{
    PySlot slots[] = {PySlot_DATA(Py_mod_abi, &test_abi), PySlot_END};
    PyObject *m = from_slots(slots);
    CHECK(m != NULL && PyModule_Check(m));
    if (m == NULL) {
        return;
    }
    CHECK_STR(PyModule_GetNameObject(m), "slotmod");
    CHECK(PyModule_GetDef(m) == NULL && !PyErr_Occurred());
    void *token = (void *)1;
    Py_ssize_t size = 5;
    CHECK(PyModule_GetToken(m, &token) == 0 && token == NULL);
    CHECK(PyModule_GetStateSize(m, &size) == 0 && size == 0);
    CHECK(PyModule_Exec(m) == 0);
#ifdef Py_GIL_DISABLED
    CHECK(((PyModuleObject *)m)->md_gil == Py_MOD_GIL_USED);
#endif
    Py_DECREF(m);
}

static void test_full_module(void)
{
    PySlot slots[] = {
        PySlot_DATA(Py_mod_abi, &test_abi),
        PySlot_DATA(Py_mod_name, "ignored: the spec names it"),
        PySlot_DATA(Py_mod_doc, "slot doc"),
        PySlot_DATA(Py_mod_methods, slot_methods),
        PySlot_SIZE(Py_mod_state_size, sizeof(slot_state)),
        PySlot_FUNC(Py_mod_state_traverse, slot_traverse),
        PySlot_FUNC(Py_mod_state_clear, slot_clear),
        PySlot_FUNC(Py_mod_state_free, slot_free),
        PySlot_FUNC(Py_mod_exec, slot_exec),
        PySlot_DATA(Py_mod_token, test_token),
        PySlot_DATA(Py_mod_gil, Py_MOD_GIL_NOT_USED),
        PySlot_END,
    };
    PyObject *m = from_slots(slots);
    CHECK(m != NULL);
    if (m == NULL) {
        return;
    }
    CHECK_STR(PyObject_GetAttrString(m, "__doc__"), "slot doc");
    PyObject *res = PyObject_CallMethod(m, "answer", NULL);
    CHECK(res != NULL && PyLong_AsLong(res) == 42);
    Py_XDECREF(res);
    void *token = NULL;
    Py_ssize_t size = 0;
    CHECK(PyModule_GetToken(m, &token) == 0 && token == test_token);
    CHECK(PyModule_GetStateSize(m, &size) == 0 && size == (Py_ssize_t)sizeof(slot_state));
    CHECK(PyModule_GetState(m) == NULL);  /* state comes with exec */
    CHECK(PyModule_Exec(m) == 0);
    slot_state *st = PyModule_GetState(m);
    CHECK(st != NULL && st->runs == 1 && st->held != NULL);
    PyObject *executed = PyObject_GetAttrString(m, "EXECUTED");
    CHECK(executed != NULL && PyLong_AsLong(executed) == 1);
    Py_XDECREF(executed);
#ifdef Py_GIL_DISABLED
    CHECK(((PyModuleObject *)m)->md_gil == Py_MOD_GIL_NOT_USED);
#endif
    int freed_before = freed;
    Py_DECREF(m);
    PyGC_Collect();
    CHECK(freed == freed_before + 1);
}

static void test_slot_errors(void)
{
    CHECK(PyModule_FromSlotsAndSpec(NULL, Py_None) == NULL);
    CHECK_ERR(PyExc_SystemError, "PyModule_FromSlotsAndSpec called with NULL slots");

    PySlot twice[] = {PySlot_DATA(Py_mod_doc, "a"), PySlot_DATA(Py_mod_doc, "b"),
                      PySlot_END};
    CHECK(from_slots(twice) == NULL);
    CHECK_ERR(PyExc_SystemError, "module slotmod has more than one Py_mod_doc slot");

    PySlot unknown[] = {PySlot_DATA(999, "x"), PySlot_END};
    CHECK(from_slots(unknown) == NULL);
    CHECK_ERR(PyExc_SystemError, "module slotmod uses unknown slot ID 999");

    PySlot type_slot[] = {PySlot_DATA(Py_tp_doc, "x"), PySlot_END};
    CHECK(from_slots(type_slot) == NULL);
    CHECK_ERR(PyExc_SystemError, "module slotmod uses unknown slot ID 56");

    PySlot null_methods[] = {PySlot_DATA(Py_mod_methods, NULL), PySlot_END};
    CHECK(from_slots(null_methods) == NULL);
    CHECK_ERR(PyExc_SystemError, "module slotmod: Py_mod_methods must not be NULL");

    PySlot two_gil[] = {PySlot_DATA(Py_mod_gil, Py_MOD_GIL_USED),
                        PySlot_DATA(Py_mod_gil, Py_MOD_GIL_NOT_USED), PySlot_END};
    CHECK(from_slots(two_gil) == NULL);
    CHECK_ERR(PyExc_SystemError, "module slotmod has more than one 'gil' slot");

    PySlot negative[] = {PySlot_SIZE(Py_mod_state_size, -1), PySlot_END};
    CHECK(from_slots(negative) == NULL);
    CHECK_ERR(PyExc_SystemError, "module slotmod: Py_mod_state_size may not be negative");

    PyABIInfo bad = {1, 0, PyABIInfo_STABLE, 0, 0x03630000};
    PySlot bad_abi[] = {PySlot_DATA(Py_mod_abi, &bad), PySlot_END};
    CHECK(from_slots(bad_abi) == NULL);
    CHECK_ERR(PyExc_ImportError, "slotmod: incompatible future stable ABI version (3.99)");
}

static void test_optional_and_invalid(void)
{
    PySlot optional[] = {
        {.sl_id = 998, .sl_flags = PySlot_OPTIONAL, .sl_ptr = NULL},
        {.sl_id = Py_slot_invalid, .sl_flags = PySlot_OPTIONAL},
        PySlot_END,
    };
    PyObject *m = from_slots(optional);
    CHECK(m != NULL);
    Py_XDECREF(m);
    PySlot invalid[] = {{.sl_id = Py_slot_invalid}, PySlot_END};
    CHECK(from_slots(invalid) == NULL);
    CHECK_ERR(PyExc_SystemError, "module slotmod uses unknown slot ID 65535");
}

static int legacy_exec(PyObject *module)
{
    return PyModule_AddStringConstant(module, "FROM", "legacy");
}

static void test_nested_slots(void)
{
    /* 2 is Py_mod_exec's pre-3.15 number. */
    PyModuleDef_Slot legacy[] = {{2, legacy_exec}, {0, NULL}};
    PySlot inner[] = {
        PySlot_DATA(Py_mod_doc, "nested doc"),
        PySlot_DATA(Py_mod_slots, legacy),
        PySlot_END,
    };
    PySlot outer[] = {
        PySlot_DATA(Py_mod_abi, &test_abi),
        PySlot_DATA(Py_slot_subslots, inner),
        PySlot_END,
    };
    PyObject *m = from_slots(outer);
    CHECK(m != NULL);
    if (m == NULL) {
        return;
    }
    CHECK_STR(PyObject_GetAttrString(m, "__doc__"), "nested doc");
    CHECK(PyModule_Exec(m) == 0);
    CHECK_STR(PyObject_GetAttrString(m, "FROM"), "legacy");
    Py_DECREF(m);

    /* A doc in the nested array and another outside it are a repeat. */
    PySlot repeat[] = {
        PySlot_DATA(Py_mod_doc, "outer"),
        PySlot_DATA(Py_slot_subslots, inner),
        PySlot_END,
    };
    CHECK(from_slots(repeat) == NULL);
    CHECK_ERR(PyExc_SystemError, "module slotmod has more than one Py_mod_doc slot");
}

static PyObject *create_plain(PyObject *spec, PyModuleDef *def)
{
    return PyDict_New();  /* any object may stand for a module */
}

static void test_create_slot(void)
{
    PySlot plain[] = {PySlot_FUNC(Py_mod_create, create_plain), PySlot_END};
    PyObject *m = from_slots(plain);
    CHECK(m != NULL && PyDict_Check(m));
    Py_XDECREF(m);
    PySlot with_state[] = {
        PySlot_FUNC(Py_mod_create, create_plain),
        PySlot_SIZE(Py_mod_state_size, 8),
        PySlot_END,
    };
    CHECK(from_slots(with_state) == NULL);
    CHECK_ERR(PyExc_SystemError,
              "module slotmod is not a module object, but requests module state");
    PySlot with_exec[] = {
        PySlot_FUNC(Py_mod_create, create_plain),
        PySlot_FUNC(Py_mod_exec, legacy_exec),
        PySlot_END,
    };
    CHECK(from_slots(with_exec) == NULL);
    CHECK_ERR(PyExc_SystemError, "module slotmod specifies execution slots, "
              "but did not create a ModuleType instance");
}

static int failing_exec(PyObject *module)
{
    return -1;  /* without an exception: a bug the caller reports */
}

static void test_exec_errors(void)
{
    PySlot slots[] = {PySlot_FUNC(Py_mod_exec, failing_exec), PySlot_END};
    PyObject *m = from_slots(slots);
    CHECK(m != NULL);
    if (m != NULL) {
        CHECK(PyModule_Exec(m) == -1);
        CHECK_RAISES(PyExc_SystemError);
        Py_DECREF(m);
    }
    CHECK(PyModule_Exec(Py_None) == -1);
    CHECK_ERR(PyExc_TypeError, "expected module, got NoneType");
    Py_ssize_t size = 0;
    void *token = (void *)1;
    CHECK(PyModule_GetStateSize(Py_None, &size) == -1 && size == -1);
    CHECK_RAISES(PyExc_TypeError);
    CHECK(PyModule_GetToken(Py_None, &token) == -1 && token == NULL);
    CHECK_RAISES(PyExc_TypeError);
}

/* ---- PyModuleDef with old and 3.15 slot IDs --------------------------------------- */

static int def_exec_new(PyObject *module)
{
    return PyModule_AddIntConstant(module, "NEW", 1);
}

static int def_exec_old(PyObject *module)
{
    return PyModule_AddIntConstant(module, "OLD", 1);
}

static PyModuleDef_Slot mixed_slots[] = {
    {Py_mod_abi, &test_abi},
    {Py_mod_exec, def_exec_new},    /* 85 */
    {2, def_exec_old},              /* Py_mod_exec before 3.15 */
    {4, Py_MOD_GIL_NOT_USED},       /* Py_mod_gil before 3.15 */
    {0, NULL},
};

static PyModuleDef mixed_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "slotmod",
    .m_slots = mixed_slots,
};

static PyModuleDef_Slot named_slots[] = {
    {Py_mod_name, "slotmod"},
    {0, NULL},
};

static PyModuleDef named_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "slotmod",
    .m_slots = named_slots,
};

static void test_def_slot_ids(void)
{
    CHECK(Py_mod_exec == 85 && Py_mod_create == 84 && Py_mod_gil == 87);
    CHECK(Py_bf_getbuffer == 88 && Py_mp_length == 91 && Py_mod_abi == 109);
    PyObject *spec = make_spec("slotmod");
    PyObject *m = PyModule_FromDefAndSpec(&mixed_def, spec);
    CHECK(m != NULL);
    if (m != NULL) {
        void *token = NULL;
        CHECK(PyModule_GetDef(m) == &mixed_def);
        CHECK(PyModule_GetToken(m, &token) == 0 && token == &mixed_def);
        CHECK(PyModule_Exec(m) == 0);
        CHECK(PyObject_HasAttrString(m, "NEW") && PyObject_HasAttrString(m, "OLD"));
#ifdef Py_GIL_DISABLED
        CHECK(((PyModuleObject *)m)->md_gil == Py_MOD_GIL_NOT_USED);
#endif
        Py_DECREF(m);
    }
    CHECK(PyModule_FromDefAndSpec(&named_def, spec) == NULL);
    CHECK_ERR(PyExc_SystemError, "module slotmod: Py_mod_name used with PyModuleDef");
    Py_XDECREF(spec);
}

/* ---- types from slots, tokens ------------------------------------------------------- */

typedef struct {
    long a;
    long b;
} box_data;

static PyMemberDef box_members[] = {
    {"b", Py_T_LONG, offsetof(box_data, b), Py_RELATIVE_OFFSET, NULL},
    {NULL, 0, 0, 0, NULL},
};

static Py_ssize_t box_len(PyObject *self)
{
    return 3;
}

static const char box_token[] = "box";

static void test_type_from_slots(void)
{
    PySlot slots[] = {
        PySlot_DATA(Py_tp_name, "slotmod.Box"),
        PySlot_SIZE(Py_tp_extra_basicsize, sizeof(box_data)),
        PySlot_UINT64(Py_tp_flags, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE),
        PySlot_DATA(Py_tp_members, box_members),
        PySlot_FUNC(Py_mp_length, box_len),
        PySlot_DATA(Py_tp_token, box_token),
        PySlot_DATA(Py_tp_doc, "a box"),
        PySlot_END,
    };
    PyObject *box = PyType_FromSlots(slots);
    CHECK(box != NULL);
    if (box == NULL) {
        return;
    }
    PyTypeObject *tp = (PyTypeObject *)box;
    CHECK(PyType_GetTypeDataSize(tp) >= (Py_ssize_t)sizeof(box_data));
    /* 4 is Py_mp_length's pre-3.15 number. */
    CHECK(PyType_GetSlot(tp, 4) == (void *)box_len);
    CHECK(PyType_GetSlot(tp, Py_mp_length) == (void *)box_len);
    PyObject *obj = PyObject_CallNoArgs(box);
    CHECK(obj != NULL && PyObject_Length(obj) == 3);
    if (obj != NULL) {
        box_data *data = PyObject_GetTypeData(obj, tp);
        data->b = 99;
        PyObject *b = PyObject_GetAttrString(obj, "b");
        CHECK(b != NULL && PyLong_AsLong(b) == 99);
        Py_XDECREF(b);
    }
    PyTypeObject *found = NULL;
    CHECK(PyType_GetBaseByToken(tp, (void *)box_token, &found) == 1 && found == tp);
    Py_XDECREF(found);
    CHECK(PyType_GetBaseByToken(&PyLong_Type, (void *)box_token, &found) == 0
          && found == NULL);
    CHECK(PyType_GetBaseByToken(tp, NULL, &found) == -1);
    CHECK_RAISES(PyExc_SystemError);
    Py_XDECREF(obj);

    PySlot both[] = {
        PySlot_DATA(Py_tp_name, "slotmod.Bad"),
        PySlot_SIZE(Py_tp_basicsize, 64),
        PySlot_SIZE(Py_tp_extra_basicsize, 8),
        PySlot_END,
    };
    CHECK(PyType_FromSlots(both) == NULL);
    CHECK_RAISES(PyExc_SystemError);
    Py_DECREF(box);
}

static void test_type_token_through_subclass(void)
{
    PySlot mod_slots[] = {PySlot_DATA(Py_mod_token, test_token), PySlot_END};
    PyObject *m = from_slots(mod_slots);
    CHECK(m != NULL);
    if (m == NULL) {
        return;
    }
    PySlot slots[] = {
        PySlot_DATA(Py_tp_name, "slotmod.Base"),
        PySlot_UINT64(Py_tp_flags, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE),
        PySlot_DATA(Py_tp_module, m),
        PySlot_DATA(Py_tp_token, box_token),
        PySlot_END,
    };
    PyObject *base = PyType_FromSlots(slots);
    CHECK(base != NULL);
    PyObject *sub = base == NULL ? NULL
        : PyObject_CallFunction((PyObject *)&PyType_Type, "s(O){}", "Sub", base);
    CHECK(sub != NULL);
    if (sub != NULL) {
        PyTypeObject *found = NULL;
        CHECK(PyType_GetBaseByToken((PyTypeObject *)sub, (void *)box_token, &found) == 1
              && found == (PyTypeObject *)base);
        Py_XDECREF(found);
        PyObject *owner = PyType_GetModuleByToken((PyTypeObject *)sub, test_token);
        CHECK(owner == m);
        Py_XDECREF(owner);
        CHECK(PyType_GetModuleByToken((PyTypeObject *)sub, box_token) == NULL);
        CHECK_RAISES(PyExc_TypeError);
    }
    Py_XDECREF(sub);
    Py_XDECREF(base);
    Py_DECREF(m);
}

static void test_set_size_export(void)
{
    PyObject *list = Py_BuildValue("[iii]", 1, 2, 3);
    CHECK(list != NULL);
    if (list == NULL) {
        return;
    }
    _Py_SET_SIZE_Export(list, 2);
    CHECK(PyList_GET_SIZE(list) == 2 && _Py_SIZE_Export(list) == 2);
    _Py_SET_SIZE_Export(list, 3);
    CHECK(PyList_GET_SIZE(list) == 3);
    Py_DECREF(list);
}

/* Py_GetConstant and the CPython-named exports abi3t binaries call. */
static void test_constants_and_exports(void)
{
    CHECK(Py_GetConstantBorrowed(Py_CONSTANT_NONE) == Py_None);
    CHECK(Py_GetConstantBorrowed(Py_CONSTANT_FALSE) == Py_False);
    CHECK(Py_GetConstantBorrowed(Py_CONSTANT_TRUE) == Py_True);
    CHECK(Py_GetConstantBorrowed(Py_CONSTANT_ELLIPSIS) == Py_Ellipsis);
    CHECK(Py_GetConstantBorrowed(Py_CONSTANT_NOT_IMPLEMENTED) == Py_NotImplemented);
    PyObject *one = Py_GetConstant(Py_CONSTANT_ONE);
    CHECK(one != NULL && PyLong_AsLong(one) == 1);
    Py_XDECREF(one);
    CHECK_STR(PyObject_Repr(Py_GetConstantBorrowed(Py_CONSTANT_EMPTY_STR)), "''");
    CHECK_STR(PyObject_Repr(Py_GetConstantBorrowed(Py_CONSTANT_EMPTY_BYTES)), "b''");
    CHECK_STR(PyObject_Repr(Py_GetConstantBorrowed(Py_CONSTANT_EMPTY_TUPLE)), "()");
    for (unsigned int id = Py_CONSTANT_NONE; id <= Py_CONSTANT_EMPTY_TUPLE; id++) {
        PyObject *obj = Py_GetConstantBorrowed(id);
        CHECK(obj != NULL && _Py_IsImmortal(obj));
        CHECK(obj == Py_GetConstantBorrowed(id));
    }
    CHECK(Py_GetConstant(Py_CONSTANT_EMPTY_TUPLE + 1) == NULL);
    CHECK_RAISES(PyExc_SystemError);
    CHECK((Py_TYPE)(Py_None) == Py_TYPE(Py_None));
    PyObject *obj = PyList_New(0);
    Py_ssize_t before = Py_REFCNT(obj);
    _Py_IncRef(obj);
    CHECK(Py_REFCNT(obj) == before + 1);
    _Py_DecRef(obj);
    CHECK(Py_REFCNT(obj) == before);
    Py_DECREF(obj);
}

void suite_moduleslots(void)
{
    RUN(test_abiinfo_default_passes);
    RUN(test_abiinfo_versions);
    RUN(test_abiinfo_threading);
    RUN(test_minimal_module);
    RUN(test_full_module);
    RUN(test_slot_errors);
    RUN(test_optional_and_invalid);
    RUN(test_nested_slots);
    RUN(test_create_slot);
    RUN(test_exec_errors);
    RUN(test_def_slot_ids);
    RUN(test_type_from_slots);
    RUN(test_type_token_through_subclass);
    RUN(test_set_size_export);
    RUN(test_constants_and_exports);
}
