/* Types described by a PyType_Spec (PyType_FromSpec, PyType_FromMetaclass
   and friends), the way extension modules (including abi3/abi3t ones)
   define their classes, and the accessors that go with them
   (PyType_GetSlot, PyType_GetModule, PyObject_GetTypeData, ...).

   A type made here is a heap type like those of type_new; it is built
   and readied before any other thread can see it, so no locking is
   needed during construction. */
#include "Python.h"
#include "pycore_moduleobject.h"
#include "pycore_object.h"
#include "pycore_typeobject.h"
#include "typeslots.h"

#define SPEC_SLOT(FIELD) ((int)offsetof(PyHeapTypeObject, FIELD))

/* Where each Py_* slot ID lives in a heap type (0: handled specially). */
static const int spec_slot_offsets[] = {
    [Py_bf_getbuffer] = SPEC_SLOT(as_buffer.bf_getbuffer),
    [Py_bf_releasebuffer] = SPEC_SLOT(as_buffer.bf_releasebuffer),
    [Py_mp_ass_subscript] = SPEC_SLOT(as_mapping.mp_ass_subscript),
    [Py_mp_length] = SPEC_SLOT(as_mapping.mp_length),
    [Py_mp_subscript] = SPEC_SLOT(as_mapping.mp_subscript),
    [Py_nb_absolute] = SPEC_SLOT(as_number.nb_absolute),
    [Py_nb_add] = SPEC_SLOT(as_number.nb_add),
    [Py_nb_and] = SPEC_SLOT(as_number.nb_and),
    [Py_nb_bool] = SPEC_SLOT(as_number.nb_bool),
    [Py_nb_divmod] = SPEC_SLOT(as_number.nb_divmod),
    [Py_nb_float] = SPEC_SLOT(as_number.nb_float),
    [Py_nb_floor_divide] = SPEC_SLOT(as_number.nb_floor_divide),
    [Py_nb_index] = SPEC_SLOT(as_number.nb_index),
    [Py_nb_inplace_add] = SPEC_SLOT(as_number.nb_inplace_add),
    [Py_nb_inplace_and] = SPEC_SLOT(as_number.nb_inplace_and),
    [Py_nb_inplace_floor_divide] = SPEC_SLOT(as_number.nb_inplace_floor_divide),
    [Py_nb_inplace_lshift] = SPEC_SLOT(as_number.nb_inplace_lshift),
    [Py_nb_inplace_multiply] = SPEC_SLOT(as_number.nb_inplace_multiply),
    [Py_nb_inplace_or] = SPEC_SLOT(as_number.nb_inplace_or),
    [Py_nb_inplace_power] = SPEC_SLOT(as_number.nb_inplace_power),
    [Py_nb_inplace_remainder] = SPEC_SLOT(as_number.nb_inplace_remainder),
    [Py_nb_inplace_rshift] = SPEC_SLOT(as_number.nb_inplace_rshift),
    [Py_nb_inplace_subtract] = SPEC_SLOT(as_number.nb_inplace_subtract),
    [Py_nb_inplace_true_divide] = SPEC_SLOT(as_number.nb_inplace_true_divide),
    [Py_nb_inplace_xor] = SPEC_SLOT(as_number.nb_inplace_xor),
    [Py_nb_int] = SPEC_SLOT(as_number.nb_int),
    [Py_nb_invert] = SPEC_SLOT(as_number.nb_invert),
    [Py_nb_lshift] = SPEC_SLOT(as_number.nb_lshift),
    [Py_nb_multiply] = SPEC_SLOT(as_number.nb_multiply),
    [Py_nb_negative] = SPEC_SLOT(as_number.nb_negative),
    [Py_nb_or] = SPEC_SLOT(as_number.nb_or),
    [Py_nb_positive] = SPEC_SLOT(as_number.nb_positive),
    [Py_nb_power] = SPEC_SLOT(as_number.nb_power),
    [Py_nb_remainder] = SPEC_SLOT(as_number.nb_remainder),
    [Py_nb_rshift] = SPEC_SLOT(as_number.nb_rshift),
    [Py_nb_subtract] = SPEC_SLOT(as_number.nb_subtract),
    [Py_nb_true_divide] = SPEC_SLOT(as_number.nb_true_divide),
    [Py_nb_xor] = SPEC_SLOT(as_number.nb_xor),
    [Py_sq_ass_item] = SPEC_SLOT(as_sequence.sq_ass_item),
    [Py_sq_concat] = SPEC_SLOT(as_sequence.sq_concat),
    [Py_sq_contains] = SPEC_SLOT(as_sequence.sq_contains),
    [Py_sq_inplace_concat] = SPEC_SLOT(as_sequence.sq_inplace_concat),
    [Py_sq_inplace_repeat] = SPEC_SLOT(as_sequence.sq_inplace_repeat),
    [Py_sq_item] = SPEC_SLOT(as_sequence.sq_item),
    [Py_sq_length] = SPEC_SLOT(as_sequence.sq_length),
    [Py_sq_repeat] = SPEC_SLOT(as_sequence.sq_repeat),
    [Py_tp_alloc] = SPEC_SLOT(ht_type.tp_alloc),
    [Py_tp_base] = SPEC_SLOT(ht_type.tp_base),
    [Py_tp_bases] = SPEC_SLOT(ht_type.tp_bases),
    [Py_tp_call] = SPEC_SLOT(ht_type.tp_call),
    [Py_tp_clear] = SPEC_SLOT(ht_type.tp_clear),
    [Py_tp_dealloc] = SPEC_SLOT(ht_type.tp_dealloc),
    [Py_tp_del] = SPEC_SLOT(ht_type.tp_del),
    [Py_tp_descr_get] = SPEC_SLOT(ht_type.tp_descr_get),
    [Py_tp_descr_set] = SPEC_SLOT(ht_type.tp_descr_set),
    [Py_tp_doc] = SPEC_SLOT(ht_type.tp_doc),
    [Py_tp_getattr] = SPEC_SLOT(ht_type.tp_getattr),
    [Py_tp_getattro] = SPEC_SLOT(ht_type.tp_getattro),
    [Py_tp_hash] = SPEC_SLOT(ht_type.tp_hash),
    [Py_tp_init] = SPEC_SLOT(ht_type.tp_init),
    [Py_tp_is_gc] = SPEC_SLOT(ht_type.tp_is_gc),
    [Py_tp_iter] = SPEC_SLOT(ht_type.tp_iter),
    [Py_tp_iternext] = SPEC_SLOT(ht_type.tp_iternext),
    [Py_tp_methods] = SPEC_SLOT(ht_type.tp_methods),
    [Py_tp_new] = SPEC_SLOT(ht_type.tp_new),
    [Py_tp_repr] = SPEC_SLOT(ht_type.tp_repr),
    [Py_tp_richcompare] = SPEC_SLOT(ht_type.tp_richcompare),
    [Py_tp_setattr] = SPEC_SLOT(ht_type.tp_setattr),
    [Py_tp_setattro] = SPEC_SLOT(ht_type.tp_setattro),
    [Py_tp_str] = SPEC_SLOT(ht_type.tp_str),
    [Py_tp_traverse] = SPEC_SLOT(ht_type.tp_traverse),
    [Py_tp_members] = SPEC_SLOT(ht_type.tp_members),
    [Py_tp_getset] = SPEC_SLOT(ht_type.tp_getset),
    [Py_tp_free] = SPEC_SLOT(ht_type.tp_free),
    [Py_nb_matrix_multiply] = SPEC_SLOT(as_number.nb_matrix_multiply),
    [Py_nb_inplace_matrix_multiply] = SPEC_SLOT(as_number.nb_inplace_matrix_multiply),
    [Py_am_await] = SPEC_SLOT(as_async.am_await),
    [Py_am_aiter] = SPEC_SLOT(as_async.am_aiter),
    [Py_am_anext] = SPEC_SLOT(as_async.am_anext),
    [Py_tp_finalize] = SPEC_SLOT(ht_type.tp_finalize),
    [Py_am_send] = SPEC_SLOT(as_async.am_send),
    [Py_tp_vectorcall] = SPEC_SLOT(ht_type.tp_vectorcall),
    [Py_tp_token] = SPEC_SLOT(ht_token),
};

#define MAX_SPEC_SLOT ((int)Py_ARRAY_LENGTH(spec_slot_offsets) - 1)

/* The 3.15 ID of a type slot: IDs 1-4 are the older numbers of
   Py_bf_getbuffer ... Py_mp_length (typeslots.h); -1 for an ID that
   names no type field. */
static int resolve_type_slot(int id)
{
    if (id >= 1 && id <= 4) {
        id += Py_bf_getbuffer - 1;
    }
    if (id <= 0 || id > MAX_SPEC_SLOT || spec_slot_offsets[id] == 0) {
        return -1;
    }
    return id;
}

static Py_ssize_t align_up(Py_ssize_t size)
{
    return (Py_ssize_t)_Py_SIZE_ROUND_UP(size, _Alignof(max_align_t));
}

/* What the slot list says about members, doc and bases. */
typedef struct {
    Py_ssize_t nmembers;
    Py_ssize_t weaklistoffset, dictoffset, vectorcalloffset;
    PyObject *bases_slot;       /* borrowed: Py_tp_bases */
    PyTypeObject *base_slot;    /* borrowed: Py_tp_base */
} spec_info;

static int scan_spec_slots(PyType_Spec *spec, spec_info *info)
{
    memset(info, 0, sizeof(*info));
    for (PyType_Slot *slot = spec->slots; slot->slot; slot++) {
        int id = resolve_type_slot(slot->slot);
        if (id < 0) {
            PyErr_SetString(PyExc_RuntimeError, "invalid slot offset");
            return -1;
        }
        if (id == Py_tp_bases) {
            info->bases_slot = slot->pfunc;
        }
        else if (id == Py_tp_base) {
            info->base_slot = slot->pfunc;
        }
        else if (id == Py_tp_members) {
            if (info->nmembers != 0) {
                PyErr_SetString(PyExc_SystemError,
                                "Multiple Py_tp_members slots are not supported.");
                return -1;
            }
            for (PyMemberDef *m = slot->pfunc; m->name != NULL; m++) {
                info->nmembers++;
                if (strcmp(m->name, "__weaklistoffset__") == 0) {
                    info->weaklistoffset = m->offset;
                }
                else if (strcmp(m->name, "__dictoffset__") == 0) {
                    info->dictoffset = m->offset;
                }
                else if (strcmp(m->name, "__vectorcalloffset__") == 0) {
                    info->vectorcalloffset = m->offset;
                }
            }
        }
    }
    return 0;
}

/* The bases as a tuple: the argument, else Py_tp_bases, else Py_tp_base,
   else (object,).  A new reference. */
static PyObject *spec_bases(PyObject *bases_in, spec_info *info)
{
    if (bases_in == NULL) {
        if (info->bases_slot != NULL) {
            return Py_NewRef(info->bases_slot);
        }
        PyTypeObject *base = info->base_slot ? info->base_slot : &PyBaseObject_Type;
        return PyTuple_Pack(1, base);
    }
    if (PyType_Check(bases_in)) {
        return PyTuple_Pack(1, bases_in);
    }
    if (!PyTuple_Check(bases_in)) {
        PyErr_SetString(PyExc_SystemError, "bases must be a type or a tuple");
        return NULL;
    }
    return Py_NewRef(bases_in);
}

/* Copy the slot values into the new type.  Members are copied into the
   type's own item area so that Py_RELATIVE_OFFSET can be resolved. */
static int apply_spec_slots(PyHeapTypeObject *res, PyType_Spec *spec,
                            Py_ssize_t type_data_offset)
{
    PyTypeObject *type = &res->ht_type;
    for (PyType_Slot *slot = spec->slots; slot->slot; slot++) {
        int id = resolve_type_slot(slot->slot);  /* valid: scan_spec_slots */
        switch (id) {
        case Py_tp_base:
        case Py_tp_bases:
            break;
        case Py_tp_doc: {
            if (slot->pfunc == NULL) {
                break;
            }
            size_t len = strlen(slot->pfunc) + 1;
            char *doc = PyObject_Malloc(len);
            if (doc == NULL) {
                PyErr_NoMemory();
                return -1;
            }
            memcpy(doc, slot->pfunc, len);
            type->tp_doc = doc;
            break;
        }
        case Py_tp_members: {
            PyMemberDef *dst = PyHeapType_GET_MEMBERS(res);
            PyMemberDef *src = slot->pfunc;
            Py_ssize_t i = 0;
            for (; src[i].name != NULL; i++) {
                dst[i] = src[i];
                if (dst[i].flags & Py_RELATIVE_OFFSET) {
                    dst[i].offset += type_data_offset;
                    dst[i].flags &= ~Py_RELATIVE_OFFSET;
                }
            }
            memset(&dst[i], 0, sizeof(PyMemberDef));
            type->tp_members = dst;
            break;
        }
        case Py_tp_token:
            res->ht_token = slot->pfunc == Py_TP_USE_SPEC ? (void *)spec : slot->pfunc;
            break;
        default:
            *(void **)((char *)res + spec_slot_offsets[id]) = slot->pfunc;
            break;
        }
    }
    return 0;
}

PyObject *PyType_FromMetaclass(PyTypeObject *metaclass, PyObject *module,
                               PyType_Spec *spec, PyObject *bases_in)
{
    spec_info info;
    if (scan_spec_slots(spec, &info) < 0) {
        return NULL;
    }
    PyObject *bases = spec_bases(bases_in, &info);
    if (bases == NULL) {
        return NULL;
    }
    PyHeapTypeObject *res = NULL;
    if (metaclass == NULL) {
        metaclass = _PyType_CalculateMetaclass(&PyType_Type, bases);
        if (metaclass == NULL) {
            goto error;
        }
    }
    if (metaclass->tp_new != NULL && metaclass->tp_new != PyType_Type.tp_new) {
        PyErr_SetString(PyExc_TypeError,
                        "Metaclasses with custom tp_new are not supported.");
        goto error;
    }
    PyTypeObject *base = _PyType_BestBase(bases);
    if (base == NULL) {
        goto error;
    }
    Py_ssize_t basicsize = spec->basicsize, type_data_offset = spec->basicsize;
    if (basicsize == 0) {
        basicsize = base->tp_basicsize;
    }
    else if (basicsize < 0) {
        /* Negative: the type's own data follows its base's, aligned. */
        type_data_offset = align_up(base->tp_basicsize);
        basicsize = type_data_offset + align_up(-spec->basicsize);
    }
    if (spec->itemsize < 0) {
        PyErr_SetString(PyExc_SystemError, "Invalid negative itemsize in spec");
        goto error;
    }
    res = (PyHeapTypeObject *)metaclass->tp_alloc(metaclass, info.nmembers);
    if (res == NULL) {
        goto error;
    }
    _PyObject_SetDeferredRefcount((PyObject *)res);
    PyTypeObject *type = &res->ht_type;
    type->tp_flags = spec->flags | Py_TPFLAGS_HEAPTYPE;
    type->tp_as_async = &res->as_async;
    type->tp_as_number = &res->as_number;
    type->tp_as_sequence = &res->as_sequence;
    type->tp_as_mapping = &res->as_mapping;
    type->tp_as_buffer = &res->as_buffer;
    type->tp_bases = bases;
    bases = NULL;
    type->tp_base = (PyTypeObject *)Py_NewRef(base);
    type->tp_basicsize = basicsize;
    type->tp_itemsize = spec->itemsize;
    res->ht_module = Py_XNewRef(module);

    const char *shortname = strrchr(spec->name, '.');
    shortname = shortname == NULL ? spec->name : shortname + 1;
    res->ht_name = PyUnicode_FromString(shortname);
    if (res->ht_name == NULL) {
        goto error;
    }
    res->ht_qualname = Py_NewRef(res->ht_name);
    size_t name_len = strlen(spec->name) + 1;
    res->_ht_tpname = PyMem_Malloc(name_len);
    if (res->_ht_tpname == NULL) {
        PyErr_NoMemory();
        goto error;
    }
    memcpy(res->_ht_tpname, spec->name, name_len);
    type->tp_name = res->_ht_tpname;

    if (apply_spec_slots(res, spec, type_data_offset) < 0) {
        goto error;
    }
    if (type->tp_dealloc == NULL) {
        /* _PyType_SubtypeDealloc hands over to the base's dealloc. */
        type->tp_dealloc = _PyType_SubtypeDealloc;
    }
    if (info.vectorcalloffset) {
        type->tp_vectorcall_offset = info.vectorcalloffset;
    }
    if (info.weaklistoffset) {
        type->tp_weaklistoffset = info.weaklistoffset;
    }
    if (info.dictoffset) {
        type->tp_dictoffset = info.dictoffset;
    }
    else if ((spec->flags & Py_TPFLAGS_MANAGED_DICT) && base->tp_dictoffset == 0
             && type->tp_itemsize == 0) {
        /* capi (session 6): a managed dict lives in a slot after the
           instance's own fields (Objects/object_unstable.c). */
        type->tp_dictoffset = type->tp_basicsize;
        type->tp_basicsize += (Py_ssize_t)sizeof(PyObject *);
    }
    if (PyType_Ready(type) < 0) {
        goto error;
    }
    if (shortname != spec->name) {
        PyObject *modname = PyUnicode_FromStringAndSize(
            spec->name, (Py_ssize_t)(shortname - 1 - spec->name));
        int rc = modname == NULL ? -1
                 : PyDict_SetDefaultRef(type->tp_dict, _Py_INTERNED_ID(__module__),
                                        modname, NULL);
        Py_XDECREF(modname);
        if (rc < 0) {
            goto error;
        }
    }
    return (PyObject *)res;
error:
    Py_XDECREF(bases);
    Py_XDECREF(res);
    return NULL;
}

PyObject *PyType_FromModuleAndSpec(PyObject *module, PyType_Spec *spec,
                                   PyObject *bases)
{
    return PyType_FromMetaclass(NULL, module, spec, bases);
}

PyObject *PyType_FromSpecWithBases(PyType_Spec *spec, PyObject *bases)
{
    return PyType_FromMetaclass(NULL, NULL, spec, bases);
}

PyObject *PyType_FromSpec(PyType_Spec *spec)
{
    return PyType_FromMetaclass(NULL, NULL, spec, NULL);
}

void *PyType_GetSlot(PyTypeObject *type, int slot)
{
    slot = resolve_type_slot(slot);
    if (slot < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (slot == Py_tp_token) {
        return (type->tp_flags & Py_TPFLAGS_HEAPTYPE)
                   ? ((PyHeapTypeObject *)type)->ht_token : NULL;
    }
    void **ptr = _PyType_SlotPtr(type, spec_slot_offsets[slot]);
    return ptr == NULL ? NULL : *ptr;
}

PyObject *PyType_GetModule(PyTypeObject *type)
{
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        PyErr_Format(PyExc_TypeError,
                     "PyType_GetModule: Type '%s' is not a heap type",
                     type->tp_name);
        return NULL;
    }
    PyObject *module = ((PyHeapTypeObject *)type)->ht_module;
    if (module == NULL) {
        PyErr_Format(PyExc_TypeError,
                     "PyType_GetModule: Type '%s' has no associated module",
                     type->tp_name);
    }
    return module;
}

void *PyType_GetModuleState(PyTypeObject *type)
{
    PyObject *module = PyType_GetModule(type);
    return module == NULL ? NULL : PyModule_GetState(module);
}

/* The module (borrowed) of the first heap type in type's MRO whose module
   was created from `def`. */
PyObject *PyType_GetModuleByDef(PyTypeObject *type, PyModuleDef *def)
{
    PyObject *mro = type->tp_mro;
    Py_ssize_t n = mro == NULL ? 0 : PyTuple_GET_SIZE(mro);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTypeObject *cls = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
        if (!(cls->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
            continue;
        }
        PyObject *module = ((PyHeapTypeObject *)cls)->ht_module;
        if (module != NULL && PyModule_Check(module)
                && _PyModule_GetDef(module) == def) {
            return module;
        }
    }
    PyErr_Format(PyExc_TypeError,
                 "PyType_GetModuleByDef: No superclass of '%s' has the given module",
                 type->tp_name);
    return NULL;
}

/* The part of obj that cls added to its base (negative basicsize specs). */
void *PyObject_GetTypeData(PyObject *obj, PyTypeObject *cls)
{
    return (char *)obj + align_up(cls->tp_base->tp_basicsize);
}

Py_ssize_t PyType_GetTypeDataSize(PyTypeObject *cls)
{
    Py_ssize_t size = cls->tp_basicsize - align_up(cls->tp_base->tp_basicsize);
    return size < 0 ? 0 : size;
}

/* ---- finding types and modules by token (abi3t) ------------------------------ */

static int has_token(PyTypeObject *type, const void *token)
{
    return (type->tp_flags & Py_TPFLAGS_HEAPTYPE)
           && ((PyHeapTypeObject *)type)->ht_token == token;
}

/* The first class in type's MRO (or, before it is ready, its chain of
   bases) for which `match` holds; borrowed.  The MRO tuple is held while
   it is searched, since __bases__ assignment may replace it. */
static PyTypeObject *find_in_mro(PyTypeObject *type,
                                 int (*match)(PyTypeObject *, const void *),
                                 const void *key)
{
    PyObject *mro = Py_XNewRef(type->tp_mro);
    PyTypeObject *found = NULL;
    if (mro == NULL) {
        for (PyTypeObject *t = type; t != NULL && found == NULL; t = t->tp_base) {
            found = match(t, key) ? t : NULL;
        }
        return found;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(mro) && found == NULL; i++) {
        PyTypeObject *t = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
        found = match(t, key) ? t : NULL;
    }
    Py_DECREF(mro);  /* found stays alive: type's MRO still refers to it */
    return found;
}

int PyType_GetBaseByToken(PyTypeObject *type, void *token, PyTypeObject **result)
{
    if (result != NULL) {
        *result = NULL;
    }
    if (token == NULL) {
        PyErr_SetString(PyExc_SystemError,
                        "PyType_GetBaseByToken called with token=NULL");
        return -1;
    }
    if (!PyType_Check(type)) {
        PyErr_Format(PyExc_TypeError, "expected a type, got a '%T' object", type);
        return -1;
    }
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        return 0;  /* a static type has only static bases */
    }
    PyTypeObject *found = find_in_mro(type, has_token, token);
    if (found == NULL) {
        return 0;
    }
    if (result != NULL) {
        *result = (PyTypeObject *)Py_NewRef(found);
    }
    return 1;
}

/* Whether type is a heap type whose module has `token`. */
static int module_has_token(PyTypeObject *type, const void *token)
{
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        return 0;
    }
    PyObject *module = ((PyHeapTypeObject *)type)->ht_module;
    return module != NULL && PyModule_Check(module)
           && _PyModule_GetToken(module) == token;
}

/* A new reference to the module of the first class in type's MRO whose
   module has the token. */
PyObject *PyType_GetModuleByToken(PyTypeObject *type, const void *token)
{
    if (!PyType_Check(type)) {
        PyErr_Format(PyExc_TypeError, "expected a type, got a '%T' object", type);
        return NULL;
    }
    PyTypeObject *found = find_in_mro(type, module_has_token, token);
    if (found == NULL) {
        PyErr_Format(PyExc_TypeError,
                     "PyType_GetModuleByToken: No superclass of '%s' has the given module",
                     type->tp_name);
        return NULL;
    }
    return Py_NewRef(((PyHeapTypeObject *)found)->ht_module);
}

/* ---- PyType_FromSlots (PEP 820) ------------------------------------------------- */

/* A PyType_Spec gathered from a PySlot array: the fields PyType_Spec held
   come from their own slots, the rest become PyType_Slot entries. */
typedef struct {
    PyType_Spec spec;
    PyType_Slot *items;         /* PyMem; ends with a zero entry */
    Py_ssize_t count, capacity;
    int has_basicsize;
    PyTypeObject *metaclass;    /* borrowed */
    PyObject *module;           /* borrowed */
} slots_spec;

#define MAX_TYPE_SLOT_DEPTH 5

static int add_type_slot(slots_spec *ss, int id, void *value)
{
    if (ss->count + 1 >= ss->capacity) {
        Py_ssize_t capacity = ss->capacity ? ss->capacity * 2 : 16;
        PyType_Slot *items = PyMem_Realloc(ss->items,
                                           (size_t)capacity * sizeof(PyType_Slot));
        if (items == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        ss->items = items;
        ss->capacity = capacity;
    }
    ss->items[ss->count].slot = id;
    ss->items[ss->count].pfunc = value;
    ss->count++;
    ss->items[ss->count].slot = 0;
    ss->items[ss->count].pfunc = NULL;
    return 0;
}

static Py_ssize_t type_slot_size(const PySlot *slot)
{
    return (slot->sl_flags & PySlot_INTPTR) ? (Py_ssize_t)(intptr_t)slot->sl_ptr
                                            : slot->sl_size;
}

static int set_basicsize(slots_spec *ss, Py_ssize_t size)
{
    if (ss->has_basicsize) {
        PyErr_SetString(PyExc_SystemError,
                        "Py_tp_basicsize and Py_tp_extra_basicsize may not both be given");
        return -1;
    }
    if (size < INT_MIN || size > INT_MAX) {
        PyErr_SetString(PyExc_SystemError, "type basic size out of range");
        return -1;
    }
    ss->has_basicsize = 1;
    ss->spec.basicsize = (int)size;
    return 0;
}

static int gather_type_slots(slots_spec *ss, const PySlot *slots, int depth);

/* Py_tp_slots: an old-style PyType_Slot array. */
static int gather_legacy_type_slots(slots_spec *ss, const PyType_Slot *slots)
{
    for (const PyType_Slot *cur = slots; cur != NULL && cur->slot != 0; cur++) {
        if (resolve_type_slot(cur->slot) < 0) {
            PyErr_SetString(PyExc_RuntimeError, "invalid slot offset");
            return -1;
        }
        if (add_type_slot(ss, cur->slot, cur->pfunc) < 0) {
            return -1;
        }
    }
    return 0;
}

static int gather_type_slot(slots_spec *ss, const PySlot *slot, int depth)
{
    switch (slot->sl_id) {
    case Py_slot_subslots:
        if (depth >= MAX_TYPE_SLOT_DEPTH) {
            PyErr_Format(PyExc_SystemError,
                         "slot arrays nested more than %d levels deep",
                         MAX_TYPE_SLOT_DEPTH);
            return -1;
        }
        return slot->sl_ptr == NULL ? 0 : gather_type_slots(ss, slot->sl_ptr, depth + 1);
    case Py_tp_slots:
        return gather_legacy_type_slots(ss, slot->sl_ptr);
    case Py_tp_name:
        ss->spec.name = slot->sl_ptr;
        return 0;
    case Py_tp_basicsize:
        return set_basicsize(ss, type_slot_size(slot));
    case Py_tp_extra_basicsize:
        return set_basicsize(ss, -type_slot_size(slot));
    case Py_tp_itemsize:
        ss->spec.itemsize = (int)type_slot_size(slot);
        return 0;
    case Py_tp_flags:
        ss->spec.flags = (unsigned int)((slot->sl_flags & PySlot_INTPTR)
                                        ? (uintptr_t)slot->sl_ptr : slot->sl_uint64);
        return 0;
    case Py_tp_metaclass:
        ss->metaclass = slot->sl_ptr;
        return 0;
    case Py_tp_module:
        ss->module = slot->sl_ptr;
        return 0;
    case Py_tp_token:
        /* No spec outlives the call, so there is no "use the spec". */
        return slot->sl_ptr == NULL ? 0 : add_type_slot(ss, Py_tp_token, slot->sl_ptr);
    default:
        if (resolve_type_slot(slot->sl_id) >= 0) {
            return add_type_slot(ss, slot->sl_id, slot->sl_ptr);
        }
        if (slot->sl_flags & PySlot_OPTIONAL) {
            return 0;
        }
        PyErr_Format(PyExc_SystemError, "type uses unknown slot ID %i",
                     (int)slot->sl_id);
        return -1;
    }
}

static int gather_type_slots(slots_spec *ss, const PySlot *slots, int depth)
{
    for (const PySlot *cur = slots; cur->sl_id != Py_slot_end; cur++) {
        if (gather_type_slot(ss, cur, depth) < 0) {
            return -1;
        }
    }
    return 0;
}

PyObject *PyType_FromSlots(const PySlot *slots)
{
    if (slots == NULL) {
        PyErr_SetString(PyExc_SystemError, "PyType_FromSlots called with NULL slots");
        return NULL;
    }
    slots_spec ss = {.spec = {.name = NULL}};
    PyObject *type = NULL;
    if (add_type_slot(&ss, 0, NULL) < 0) {  /* an empty, terminated list */
        return NULL;
    }
    ss.count = 0;
    if (gather_type_slots(&ss, slots, 0) < 0) {
        goto done;
    }
    if (ss.spec.name == NULL) {
        PyErr_SetString(PyExc_SystemError, "type slots must include Py_tp_name");
        goto done;
    }
    ss.spec.slots = ss.items;
    type = PyType_FromMetaclass(ss.metaclass, ss.module, &ss.spec, NULL);
done:
    PyMem_Free(ss.items);
    return type;
}
