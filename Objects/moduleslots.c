/* Modules described by slot arrays, the way abi3t extensions define them
   (PEP 793's PyModExport_<name> hook, PEP 820's PySlot), the ABI check of
   Py_mod_abi (PyABIInfo_Check), and the exported forms of header macros
   that abi3t code cannot inline.

   A module made here keeps what its slots said in a PyModuleDef that it
   owns (md_def with md_def_owned set): the module type's traverse, clear
   and dealloc, PyModule_GetState and PyModule_ExecDef then work for it
   unchanged, and PyModule_GetDef hides the definition, as in CPython.

   Everything here runs while the module is being created, before any
   other thread can see it, and reads only the caller's constant slot
   array: no lock is needed. */
#include "Python.h"
#include "pycore_moduleobject.h"

/* ---- the ABI an extension was built for (Py_mod_abi) ---------------------- */

/* ImportError "<module>: <message>", or just the message without a name. */
static int abi_error(const char *module_name, const char *fmt, ...)
{
    char message[200];
    va_list va;
    va_start(va, fmt);
    vsnprintf(message, sizeof(message), fmt, va);
    va_end(va);
    if (module_name == NULL) {
        PyErr_SetString(PyExc_ImportError, message);
    }
    else {
        PyErr_Format(PyExc_ImportError, "%s: %s", module_name, message);
    }
    return -1;
}

#define ABI_XY(version) ((version) & 0xffff0000u)
#define ABI_MAJOR(version) (int)(((version) >> 24) & 0xff)
#define ABI_MINOR(version) (int)(((version) >> 16) & 0xff)

/* The version checks: a stable-ABI extension needs an interpreter at
   least as new as its Limited API version, any other one the exact
   major.minor it was built for. */
static int check_abi_version(const PyABIInfo *info, const char *module_name)
{
    uint32_t version = info->abi_version;
    if (info->flags & PyABIInfo_INTERNAL) {
        if (version != 0 && version != PY_VERSION_HEX) {
            return abi_error(module_name, "incompatible internal ABI (0x%x != 0x%x)",
                             (unsigned)version, (unsigned)PY_VERSION_HEX);
        }
    }
    if (info->flags & PyABIInfo_STABLE) {
        if (version != 0 && ABI_XY(version) > ABI_XY(PY_VERSION_HEX)) {
            return abi_error(module_name,
                             "incompatible future stable ABI version (%d.%d)",
                             ABI_MAJOR(version), ABI_MINOR(version));
        }
        if (version != 0 && version < 0x03020000u) {
            return abi_error(module_name, "invalid stable ABI version (%d.%d)",
                             ABI_MAJOR(version), ABI_MINOR(version));
        }
        if (info->flags & PyABIInfo_INTERNAL) {
            return abi_error(module_name, "cannot use both internal and stable ABI");
        }
    }
    else if (version != 0 && ABI_XY(version) != ABI_XY(PY_VERSION_HEX)) {
        return abi_error(module_name, "incompatible ABI version (%d.%d)",
                         ABI_MAJOR(version), ABI_MINOR(version));
    }
    return 0;
}

/* An extension that says neither GIL nor FREETHREADED (both bits clear)
   makes no claim and is let through, as in CPython. */
static int check_abi_threading(const PyABIInfo *info, const char *module_name)
{
    uint16_t threading = info->flags & PyABIInfo_FREETHREADING_AGNOSTIC;
#ifdef Py_GIL_DISABLED
    if (threading == PyABIInfo_GIL) {
        return abi_error(module_name, "incompatible with free-threaded CPython");
    }
#else
    if (threading == PyABIInfo_FREETHREADED) {
        return abi_error(module_name, "only compatible with free-threaded CPython");
    }
#endif
    return 0;
}

int PyABIInfo_Check(PyABIInfo *info, const char *module_name)
{
    if (info == NULL) {
        return abi_error(module_name, "NULL PyABIInfo");
    }
    if (info->abiinfo_major_version == 0) {
        return 0;  /* the extension asked not to be checked */
    }
    if (info->abiinfo_major_version > 1) {
        return abi_error(module_name, "PyABIInfo version too high");
    }
    if (check_abi_version(info, module_name) < 0) {
        return -1;
    }
    return check_abi_threading(info, module_name);
}

/* ---- reading a slot array -------------------------------------------------- */

/* Py_slot_subslots and Py_mod_slots nest at most this deep. */
#define MAX_SLOT_DEPTH 5

/* A definition built from slots, owned by its module (md_def).  m_slots
   points at exec_slots, so PyModule_ExecDef runs Py_mod_exec. */
typedef struct {
    PyModuleDef def;
    PyModuleDef_Slot exec_slots[2];
} owned_def;

/* What a module's slots said.  `seen` has bit (id - Py_mod_create) for
   each module slot met, to refuse repeats. */
typedef struct {
    PyObject *name;             /* borrowed: spec.name */
    const char *name_utf8;      /* borrowed from name */
    owned_def *od;              /* owned until handed to the module */
    PyObject *(*create)(PyObject *, PyModuleDef *);
    void *token;
    void *gil;
    uint64_t seen;
} slot_state;

#define FIRST_MOD_ID Py_mod_create  /* 84; the highest is Py_mod_token */

static int slot_seen(slot_state *st, int id)
{
    uint64_t bit = (uint64_t)1 << (id - FIRST_MOD_ID);
    int seen = (st->seen & bit) != 0;
    st->seen |= bit;
    return seen;
}

/* The slot's value as a data pointer (PySlot_INTPTR changes nothing). */
static void *slot_ptr(const PySlot *slot)
{
    return slot->sl_ptr;
}

/* The value as a function pointer: sl_func, or sl_ptr under INTPTR. */
static _Py_funcptr_t slot_func(const PySlot *slot)
{
    if (slot->sl_flags & PySlot_INTPTR) {
        return (_Py_funcptr_t)slot->sl_ptr;
    }
    return slot->sl_func;
}

static Py_ssize_t slot_size(const PySlot *slot)
{
    if (slot->sl_flags & PySlot_INTPTR) {
        return (Py_ssize_t)(intptr_t)slot->sl_ptr;
    }
    return slot->sl_size;
}

static uint64_t slot_uint64(const PySlot *slot)
{
    if (slot->sl_flags & PySlot_INTPTR) {
        return (uint64_t)(uintptr_t)slot->sl_ptr;
    }
    return slot->sl_uint64;
}

static int slot_repeated(slot_state *st, const char *what)
{
    PyErr_Format(PyExc_SystemError, "module %U has more than one %s slot",
                 st->name, what);
    return -1;
}

static int slot_null(slot_state *st, const char *what)
{
    PyErr_Format(PyExc_SystemError, "module %U: %s must not be NULL",
                 st->name, what);
    return -1;
}

/* 0 if a pointer slot that may appear once, and not as NULL, may be
   taken; -1 with SystemError otherwise. */
static int claim_slot(slot_state *st, const PySlot *slot, const char *what,
                      int is_null)
{
    if (is_null) {
        return slot_null(st, what);
    }
    if (slot_seen(st, slot->sl_id)) {
        return slot_repeated(st, what);
    }
    return 0;
}

static int apply_slot_array(slot_state *st, const PySlot *slots, int depth);

/* Py_mod_slots: an old-style PyModuleDef_Slot array, read entry by entry
   as if each were a PySlot with its value in sl_ptr. */
static int apply_legacy_slots(slot_state *st, const PyModuleDef_Slot *slots,
                              int depth)
{
    for (const PyModuleDef_Slot *cur = slots; cur->slot != 0; cur++) {
        if (cur->slot < 0 || cur->slot >= Py_slot_invalid) {
            PyErr_Format(PyExc_SystemError, "module %U uses unknown slot ID %i",
                         st->name, cur->slot);
            return -1;
        }
        PySlot one[2] = {
            {.sl_id = (uint16_t)_PyModuleSlot_ResolveID(cur->slot),
             .sl_flags = PySlot_INTPTR, .sl_ptr = cur->value},
            PySlot_END,
        };
        if (apply_slot_array(st, one, depth) < 0) {
            return -1;
        }
    }
    return 0;
}

static int apply_nested(slot_state *st, const PySlot *slot, int depth)
{
    if (slot->sl_ptr == NULL) {
        return 0;  /* an empty nested array */
    }
    if (depth >= MAX_SLOT_DEPTH) {
        PyErr_Format(PyExc_SystemError,
                     "module %U: slot arrays nested more than %d levels deep",
                     st->name, MAX_SLOT_DEPTH);
        return -1;
    }
    if (slot->sl_id == Py_slot_subslots) {
        return apply_slot_array(st, slot->sl_ptr, depth + 1);
    }
    return apply_legacy_slots(st, slot->sl_ptr, depth + 1);
}

/* Slots whose value is a pointer kept in the definition or the state. */
static int apply_def_slot(slot_state *st, const PySlot *slot)
{
    PyModuleDef *def = &st->od->def;
    void *ptr = slot_ptr(slot);
    _Py_funcptr_t func = slot_func(slot);
    switch (slot->sl_id) {
    case Py_mod_name:
        /* Checked only: the name comes from the spec, as in CPython. */
        return claim_slot(st, slot, "Py_mod_name", ptr == NULL);
    case Py_mod_doc:
        if (claim_slot(st, slot, "Py_mod_doc", ptr == NULL) < 0) {
            return -1;
        }
        def->m_doc = ptr;
        return 0;
    case Py_mod_methods:
        if (claim_slot(st, slot, "Py_mod_methods", ptr == NULL) < 0) {
            return -1;
        }
        def->m_methods = ptr;
        return 0;
    case Py_mod_token:
        if (claim_slot(st, slot, "Py_mod_token", ptr == NULL) < 0) {
            return -1;
        }
        st->token = ptr;
        return 0;
    case Py_mod_state_traverse:
        if (claim_slot(st, slot, "Py_mod_state_traverse", func == NULL) < 0) {
            return -1;
        }
        def->m_traverse = (traverseproc)func;
        return 0;
    case Py_mod_state_clear:
        if (claim_slot(st, slot, "Py_mod_state_clear", func == NULL) < 0) {
            return -1;
        }
        def->m_clear = (inquiry)func;
        return 0;
    case Py_mod_state_free:
        if (claim_slot(st, slot, "Py_mod_state_free", func == NULL) < 0) {
            return -1;
        }
        def->m_free = (freefunc)func;
        return 0;
    case Py_mod_exec:
        if (claim_slot(st, slot, "Py_mod_exec", func == NULL) < 0) {
            return -1;
        }
        st->od->exec_slots[0].value = (void *)func;
        return 0;
    case Py_mod_create:
        if (slot_seen(st, slot->sl_id)) {
            PyErr_Format(PyExc_SystemError, "module %U has multiple create slots",
                         st->name);
            return -1;
        }
        if (func == NULL) {
            return slot_null(st, "Py_mod_create");
        }
        st->create = (PyObject *(*)(PyObject *, PyModuleDef *))func;
        return 0;
    default:
        Py_UNREACHABLE();
    }
}

static int apply_slot(slot_state *st, const PySlot *slot, int depth)
{
    switch (slot->sl_id) {
    case Py_slot_subslots:
    case Py_mod_slots:
        return apply_nested(st, slot, depth);
    case Py_mod_abi:
        /* May repeat: a nested array can carry its own. */
        return PyABIInfo_Check(slot_ptr(slot), st->name_utf8);
    case Py_mod_state_size: {
        Py_ssize_t size = slot_size(slot);
        if (slot_seen(st, slot->sl_id)) {
            return slot_repeated(st, "Py_mod_state_size");
        }
        if (size < 0) {
            PyErr_Format(PyExc_SystemError,
                         "module %U: Py_mod_state_size may not be negative",
                         st->name);
            return -1;
        }
        st->od->def.m_size = size;
        return 0;
    }
    case Py_mod_gil:
        if (slot_seen(st, slot->sl_id)) {
            return slot_repeated(st, "'gil'");
        }
        st->gil = (void *)(uintptr_t)slot_uint64(slot);
        return 0;
    case Py_mod_multiple_interpreters:
        /* One interpreter per process here: every value is acceptable. */
        if (slot_seen(st, slot->sl_id)) {
            PyErr_Format(PyExc_SystemError,
                         "module %U has more than one 'multiple interpreters' slots",
                         st->name);
            return -1;
        }
        return 0;
    case Py_mod_name: case Py_mod_doc: case Py_mod_methods:
    case Py_mod_state_traverse: case Py_mod_state_clear: case Py_mod_state_free:
    case Py_mod_exec: case Py_mod_create: case Py_mod_token:
        return apply_def_slot(st, slot);
    default:
        if (slot->sl_flags & PySlot_OPTIONAL) {
            return 0;  /* a newer interpreter's slot */
        }
        PyErr_Format(PyExc_SystemError, "module %U uses unknown slot ID %i",
                     st->name, (int)slot->sl_id);
        return -1;
    }
}

static int apply_slot_array(slot_state *st, const PySlot *slots, int depth)
{
    for (const PySlot *cur = slots; cur->sl_id != Py_slot_end; cur++) {
        if (apply_slot(st, cur, depth) < 0) {
            return -1;
        }
    }
    return 0;
}

/* ---- creating and executing the module ------------------------------------- */

/* A module object made by a Py_mod_create function cannot hold state, an
   exec function or a token. */
static int check_foreign_object(slot_state *st)
{
    PyModuleDef *def = &st->od->def;
    const char *problem = NULL;
    if (def->m_size > 0 || def->m_traverse || def->m_clear || def->m_free) {
        PyErr_Format(PyExc_SystemError,
                     "module %U is not a module object, but requests module state",
                     st->name);
        return -1;
    }
    if (st->od->exec_slots[0].value != NULL) {
        problem = "execution slots";
    }
    else if (st->token != NULL) {
        problem = "a token";
    }
    if (problem != NULL) {
        PyErr_Format(PyExc_SystemError,
                     "module %U specifies %s, but did not create a ModuleType instance",
                     st->name, problem);
        return -1;
    }
    return 0;
}

/* The module object: from Py_mod_create, else a plain module.  A new
   reference. */
static PyObject *make_module(slot_state *st, PyObject *spec)
{
    if (st->create == NULL) {
        return PyModule_NewObject(st->name);
    }
    PyObject *m = st->create(spec, NULL);
    if (m == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_SystemError,
                         "creation of module %U failed without setting an exception",
                         st->name);
        }
        return NULL;
    }
    if (PyErr_Occurred()) {
        Py_DECREF(m);
        PyErr_Format(PyExc_SystemError,
                     "creation of module %U raised unreported exception", st->name);
        return NULL;
    }
    return m;
}

/* Hands the definition (and its ownership) to a module object, or checks
   that a foreign object asked for nothing it cannot hold. */
static int attach_definition(slot_state *st, PyObject *m)
{
    if (!PyModule_Check(m)) {
        return check_foreign_object(st);
    }
    PyModuleObject *mod = (PyModuleObject *)m;
    if (mod->md_def_owned) {
        PyMem_Free(mod->md_def);
    }
    mod->md_def = &st->od->def;
    mod->md_def_owned = 1;
    mod->md_token = st->token;
    mod->md_state = NULL;
#ifdef Py_GIL_DISABLED
    mod->md_gil = st->gil;
#endif
    st->od = NULL;
    return 0;
}

/* The pieces of a definition that fill a new module: functions, doc. */
static int fill_module(PyObject *m, PyObject *name, PyMethodDef *methods,
                       const char *doc)
{
    if (methods != NULL && _PyModule_AddFunctionsToObject(m, name, methods) < 0) {
        return -1;
    }
    if (doc != NULL && _PyModule_SetDocToObject(m, doc) < 0) {
        return -1;
    }
    return 0;
}

PyObject *PyModule_FromSlotsAndSpec(const PySlot *slots, PyObject *spec)
{
    if (slots == NULL) {
        PyErr_SetString(PyExc_SystemError,
                        "PyModule_FromSlotsAndSpec called with NULL slots");
        return NULL;
    }
    slot_state st = {.gil = Py_MOD_GIL_USED};
    PyObject *m = NULL;
    st.name = PyObject_GetAttrString(spec, "name");
    if (st.name == NULL) {
        return NULL;
    }
    st.name_utf8 = PyUnicode_AsUTF8(st.name);
    st.od = PyMem_Calloc(1, sizeof(owned_def));
    if (st.name_utf8 == NULL || st.od == NULL) {
        if (st.od == NULL) {
            PyErr_NoMemory();
        }
        goto error;
    }
    st.od->def.m_slots = st.od->exec_slots;
    st.od->exec_slots[0].slot = Py_mod_exec;
    if (apply_slot_array(&st, slots, 0) < 0) {
        goto error;
    }
    if (st.od->exec_slots[0].value == NULL) {
        st.od->exec_slots[0].slot = 0;  /* no exec: an empty slot list */
    }
    m = make_module(&st, spec);
    if (m == NULL) {
        goto error;
    }
    /* Kept past attach_definition, which gives st.od to the module. */
    PyMethodDef *methods = st.od->def.m_methods;
    const char *doc = st.od->def.m_doc;
    if (attach_definition(&st, m) < 0 || fill_module(m, st.name, methods, doc) < 0) {
        goto error;
    }
    PyMem_Free(st.od);  /* left to us only when m is not a module */
    Py_DECREF(st.name);
    return m;
error:
    PyMem_Free(st.od);
    Py_XDECREF(m);
    Py_DECREF(st.name);
    return NULL;
}

static int expect_module(PyObject *module)
{
    if (!PyModule_Check(module)) {
        PyErr_Format(PyExc_TypeError, "expected module, got %T", module);
        return -1;
    }
    return 0;
}

/* Runs the module's exec slot(s) (allocating its state first), whether
   it came from slots or from a PyModuleDef; a module without a
   definition has nothing to run. */
int PyModule_Exec(PyObject *module)
{
    if (expect_module(module) < 0) {
        return -1;
    }
    PyModuleDef *def = _PyModule_GetDef(module);
    if (def == NULL) {
        return 0;
    }
    return PyModule_ExecDef(module, def);
}

int PyModule_GetStateSize(PyObject *module, Py_ssize_t *result)
{
    *result = -1;
    if (expect_module(module) < 0) {
        return -1;
    }
    PyModuleDef *def = _PyModule_GetDef(module);
    *result = def == NULL ? 0 : def->m_size;
    return 0;
}

/* A module made from a PyModuleDef has the definition as its token. */
int PyModule_GetToken(PyObject *module, void **result)
{
    *result = NULL;
    if (expect_module(module) < 0) {
        return -1;
    }
    *result = _PyModule_GetToken(module);
    return 0;
}

/* The name of a slot that only a slot array may hold, or NULL. */
static const char *slot_array_only_name(int id)
{
    switch (id) {
    case Py_mod_name: return "Py_mod_name";
    case Py_mod_doc: return "Py_mod_doc";
    case Py_mod_state_size: return "Py_mod_state_size";
    case Py_mod_methods: return "Py_mod_methods";
    case Py_mod_state_traverse: return "Py_mod_state_traverse";
    case Py_mod_state_clear: return "Py_mod_state_clear";
    case Py_mod_state_free: return "Py_mod_state_free";
    case Py_mod_token: return "Py_mod_token";
    case Py_mod_slots: return "Py_mod_slots";
    default: return NULL;
    }
}

/* PyModule_FromDefAndSpec2's answer for slots that are not PEP 489's:
   the definition's own fields say what these slots would. */
int _PyModule_CheckDefSlot(PyObject *name, const PyModuleDef_Slot *slot)
{
    int id = _PyModuleSlot_ResolveID(slot->slot);
    if (id == Py_mod_abi) {
        const char *name_utf8 = PyUnicode_AsUTF8(name);
        return name_utf8 == NULL ? -1 : PyABIInfo_Check(slot->value, name_utf8);
    }
    const char *slot_name = slot_array_only_name(id);
    if (slot_name != NULL) {
        PyErr_Format(PyExc_SystemError, "module %U: %s used with PyModuleDef",
                     name, slot_name);
        return -1;
    }
    PyErr_Format(PyExc_SystemError, "module %U uses unknown slot ID %i",
                 name, slot->slot);
    return -1;
}

/* ---- exported forms of header macros for abi3t --------------------------------
   abi3t code cannot see the object header (object.h), so what other
   targets inline it calls.  Some carry CPython's stable-ABI names, so
   that abi3t binaries compiled against CPython's headers find them. */

void _Py_SET_SIZE_Export(PyObject *ob, Py_ssize_t size)
{
    ((PyVarObject *)ob)->ob_size = size;
}

PyTypeObject *(Py_TYPE)(PyObject *ob)
{
    return _Py_TYPE(ob);
}

void _Py_IncRef(PyObject *op)
{
    Py_IncRef(op);
}

void _Py_DecRef(PyObject *op)
{
    Py_DecRef(op);
}

/* A new reference to constant number `id` (Py_CONSTANT_*). */
PyObject *Py_GetConstant(unsigned int id)
{
    switch (id) {
    case Py_CONSTANT_NONE: return Py_NewRef(Py_None);
    case Py_CONSTANT_FALSE: return Py_NewRef(Py_False);
    case Py_CONSTANT_TRUE: return Py_NewRef(Py_True);
    case Py_CONSTANT_ELLIPSIS: return Py_NewRef(Py_Ellipsis);
    case Py_CONSTANT_NOT_IMPLEMENTED: return Py_NewRef(Py_NotImplemented);
    case Py_CONSTANT_ZERO: return PyLong_FromLong(0);
    case Py_CONSTANT_ONE: return PyLong_FromLong(1);
    case Py_CONSTANT_EMPTY_STR: return PyUnicode_FromStringAndSize("", 0);
    case Py_CONSTANT_EMPTY_BYTES: return PyBytes_FromStringAndSize("", 0);
    case Py_CONSTANT_EMPTY_TUPLE: return PyTuple_New(0);
    default:
        PyErr_BadInternalCall();
        return NULL;
    }
}

/* Every constant is a singleton the runtime keeps for its whole life, so
   the reference can be borrowed from it. */
PyObject *Py_GetConstantBorrowed(unsigned int id)
{
    PyObject *obj = Py_GetConstant(id);
    Py_XDECREF(obj);
    return obj;
}
