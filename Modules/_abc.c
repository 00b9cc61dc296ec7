/* _abc: the machinery behind abc.ABCMeta.

   Each abstract class carries an _abc_data object in its _abc_impl
   attribute with three sets of weak references to classes: the
   registry (virtual subclasses from register()), the positive cache and
   the negative cache of issubclass() answers.  The negative cache is
   valid only while its version equals the module's invalidation
   counter, which every register() call bumps.

   Thread safety without the GIL: each set is a built-in set, whose
   every operation is atomic; the counter and the cache versions are
   read and written with atomics.  Racing threads may compute the same
   answer twice and store it twice, which is harmless.  Type flags are
   changed under the type lock. */
#include "Python.h"
#include "pycore_typeobject.h"
#include "pycore_weakref.h"

#define COLLECTION_FLAGS (Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING)

typedef struct {
    PyTypeObject *abc_data_type;
    uint64_t invalidation_counter;      /* atomic */
} abc_state;

static abc_state *
get_state(PyObject *module)
{
    return (abc_state *)PyModule_GetState(module);
}

static uint64_t
current_token(abc_state *state)
{
    return __atomic_load_n(&state->invalidation_counter, __ATOMIC_ACQUIRE);
}

/* ---- _abc_data ---------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *registry;         /* set of weakrefs; never replaced */
    PyObject *cache;
    PyObject *negative_cache;
    uint64_t negative_cache_version;    /* atomic */
} abc_data;

static PyObject *
abc_data_new(PyTypeObject *type, PyObject *Py_UNUSED(args),
             PyObject *Py_UNUSED(kwds))
{
    abc_data *self = (abc_data *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->registry = PySet_New(NULL);
    self->cache = PySet_New(NULL);
    self->negative_cache = PySet_New(NULL);
    if (self->registry == NULL || self->cache == NULL
        || self->negative_cache == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    abc_state *state = PyType_GetModuleState(type);
    self->negative_cache_version = state ? current_token(state) : 0;
    return (PyObject *)self;
}

static int
abc_data_traverse(PyObject *op, visitproc visit, void *arg)
{
    abc_data *self = (abc_data *)op;
    Py_VISIT(Py_TYPE(op));
    Py_VISIT(self->registry);
    Py_VISIT(self->cache);
    Py_VISIT(self->negative_cache);
    return 0;
}

static int
abc_data_clear(PyObject *op)
{
    abc_data *self = (abc_data *)op;
    Py_CLEAR(self->registry);
    Py_CLEAR(self->cache);
    Py_CLEAR(self->negative_cache);
    return 0;
}

static void
abc_data_dealloc(PyObject *op)
{
    PyTypeObject *type = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    (void)abc_data_clear(op);
    type->tp_free(op);
    Py_DECREF(type);
}

static PyType_Slot abc_data_slots[] = {
    {Py_tp_doc, "An ABC's registry and caches (its _abc_impl)."},
    {Py_tp_new, abc_data_new},
    {Py_tp_dealloc, abc_data_dealloc},
    {Py_tp_traverse, abc_data_traverse},
    {Py_tp_clear, abc_data_clear},
    {0, NULL},
};

static PyType_Spec abc_data_spec = {
    .name = "_abc._abc_data",
    .basicsize = sizeof(abc_data),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = abc_data_slots,
};

/* cls._abc_impl (new reference), checked to be an _abc_data. */
static abc_data *
get_impl(abc_state *state, PyObject *cls)
{
    PyObject *impl = PyObject_GetAttrString(cls, "_abc_impl");
    if (impl == NULL) {
        return NULL;
    }
    if (!Py_IS_TYPE(impl, state->abc_data_type)) {
        PyErr_SetString(PyExc_TypeError, "_abc_impl is set to a wrong type");
        Py_DECREF(impl);
        return NULL;
    }
    return (abc_data *)impl;
}

/* ---- sets of weak references --------------------------------------------- */

/* 1 if obj is in the weak set.  An object that cannot be weakly
   referenced is never in one. */
static int
in_weak_set(PyObject *set, PyObject *obj)
{
    if (PySet_GET_SIZE(set) == 0) {
        return 0;
    }
    PyObject *ref = PyWeakref_NewRef(obj, NULL);
    if (ref == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            return 0;
        }
        return -1;
    }
    int rc = PySet_Contains(set, ref);
    Py_DECREF(ref);
    return rc;
}

/* The callback of a weak set entry: self is a weak reference to the
   set, which drops the dead entry if the set still exists. */
static PyObject *
weak_set_remove_dead(PyObject *set_ref, PyObject *entry)
{
    PyObject *set;
    if (PyWeakref_GetRef(set_ref, &set) > 0) {
        if (PySet_Discard(set, entry) < 0) {
            Py_DECREF(set);
            return NULL;
        }
        Py_DECREF(set);
    }
    Py_RETURN_NONE;
}

static PyMethodDef weak_set_remove_dead_def = {
    "_destroy", weak_set_remove_dead, METH_O, NULL
};

/* Add a weak reference to obj whose death removes it from the set. */
static int
add_to_weak_set(PyObject *set, PyObject *obj)
{
    PyObject *set_ref = PyWeakref_NewRef(set, NULL);
    if (set_ref == NULL) {
        return -1;
    }
    PyObject *callback = PyCFunction_NewEx(&weak_set_remove_dead_def, set_ref,
                                           NULL);
    Py_DECREF(set_ref);
    if (callback == NULL) {
        return -1;
    }
    PyObject *ref = PyWeakref_NewRef(obj, callback);
    Py_DECREF(callback);
    if (ref == NULL) {
        return -1;
    }
    int rc = PySet_Add(set, ref);
    Py_DECREF(ref);
    return rc;
}

/* ---- _abc_init ----------------------------------------------------------- */

/* 1 if value declares itself abstract (value.__isabstractmethod__). */
static int
is_abstract(PyObject *value)
{
    PyObject *flag;
    if (PyObject_GetOptionalAttrString(value, "__isabstractmethod__", &flag) < 0) {
        return -1;
    }
    if (flag == NULL) {
        return 0;
    }
    int rc = PyObject_IsTrue(flag);
    Py_DECREF(flag);
    return rc;
}

/* Add the names in the class namespace whose values are abstract. */
static int
collect_own_abstracts(PyObject *cls, PyObject *abstracts)
{
    PyObject *ns = PyObject_GetAttrString(cls, "__dict__");
    if (ns == NULL) {
        return -1;
    }
    PyObject *items = PyMapping_Items(ns);
    Py_DECREF(ns);
    if (items == NULL) {
        return -1;
    }
    int rc = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items) && rc == 0; i++) {
        PyObject *item = PyList_GET_ITEM(items, i);
        if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 2) {
            PyErr_SetString(PyExc_TypeError, "items() returned item which is "
                                             "not a 2-tuple");
            rc = -1;
            break;
        }
        int abstract = is_abstract(PyTuple_GET_ITEM(item, 1));
        if (abstract < 0
            || (abstract > 0 && PySet_Add(abstracts, PyTuple_GET_ITEM(item, 0)) < 0)) {
            rc = -1;
        }
    }
    Py_DECREF(items);
    return rc;
}

/* Add the names the bases declared abstract that cls still leaves
   abstract (it did not override them with something concrete). */
static int
collect_inherited_abstracts(PyObject *cls, PyObject *abstracts)
{
    PyObject *bases = PyObject_GetAttrString(cls, "__bases__");
    if (bases == NULL) {
        return -1;
    }
    if (!PyTuple_Check(bases)) {
        PyErr_SetString(PyExc_TypeError, "__bases__ is not tuple");
        Py_DECREF(bases);
        return -1;
    }
    int rc = 0;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(bases) && rc == 0; i++) {
        PyObject *names;
        if (PyObject_GetOptionalAttrString(PyTuple_GET_ITEM(bases, i),
                                           "__abstractmethods__", &names) < 0) {
            rc = -1;
            break;
        }
        if (names == NULL) {
            continue;
        }
        PyObject *iter = PyObject_GetIter(names);
        Py_DECREF(names);
        if (iter == NULL) {
            rc = -1;
            break;
        }
        PyObject *name;
        while (rc == 0 && (name = PyIter_Next(iter)) != NULL) {
            PyObject *value;
            if (PyObject_GetOptionalAttr(cls, name, &value) < 0) {
                rc = -1;
            }
            else if (value != NULL) {
                int abstract = is_abstract(value);
                Py_DECREF(value);
                if (abstract < 0 || (abstract > 0 && PySet_Add(abstracts, name) < 0)) {
                    rc = -1;
                }
            }
            Py_DECREF(name);
        }
        Py_DECREF(iter);
        if (rc == 0 && PyErr_Occurred()) {
            rc = -1;
        }
    }
    Py_DECREF(bases);
    return rc;
}

/* cls.__abstractmethods__ = frozenset of its abstract names. */
static int
compute_abstract_methods(PyObject *cls)
{
    PyObject *abstracts = PySet_New(NULL);
    if (abstracts == NULL) {
        return -1;
    }
    int rc = -1;
    if (collect_own_abstracts(cls, abstracts) == 0
        && collect_inherited_abstracts(cls, abstracts) == 0) {
        PyObject *frozen = PyFrozenSet_New(abstracts);
        if (frozen != NULL) {
            rc = PyObject_SetAttrString(cls, "__abstractmethods__", frozen);
            Py_DECREF(frozen);
        }
    }
    Py_DECREF(abstracts);
    return rc;
}

/* Give type the collection flag (Py_TPFLAGS_SEQUENCE or MAPPING) that
   pattern matching reads, and pass it down to its subclasses. */
static int
set_collection_flag_recursive(PyTypeObject *type, unsigned long flag)
{
    int changed = 0;
    BEGIN_TYPE_LOCK();
    if (!(type->tp_flags & Py_TPFLAGS_IMMUTABLETYPE)
        && (type->tp_flags & COLLECTION_FLAGS) != flag) {
        type->tp_flags = (type->tp_flags & ~COLLECTION_FLAGS) | flag;
        changed = 1;
    }
    END_TYPE_LOCK();
    if (!changed) {
        return 0;
    }
    PyObject *children = PyObject_CallMethod((PyObject *)type, "__subclasses__",
                                             NULL);
    if (children == NULL) {
        return -1;
    }
    int rc = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(children) && rc == 0; i++) {
        PyObject *child = PyList_GET_ITEM(children, i);
        if (PyType_Check(child)) {
            rc = set_collection_flag_recursive((PyTypeObject *)child, flag);
        }
    }
    Py_DECREF(children);
    return rc;
}

/* A class body may set __abc_tpflags__ (as _collections_abc does for
   Sequence and Mapping) to ask for a collection flag; it is consumed. */
static int
apply_abc_tpflags(PyObject *cls)
{
    if (!PyType_Check(cls)) {
        return 0;
    }
    PyObject *ns = PyObject_GetAttrString(cls, "__dict__");
    if (ns == NULL) {
        return -1;
    }
    PyObject *flags = PyMapping_GetItemString(ns, "__abc_tpflags__");
    Py_DECREF(ns);
    if (flags == NULL) {
        if (PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            return 0;
        }
        return -1;
    }
    if (!PyLong_Check(flags)) {
        Py_DECREF(flags);
        return 0;
    }
    unsigned long value = PyLong_AsUnsignedLongMask(flags);
    Py_DECREF(flags);
    if (value == (unsigned long)-1 && PyErr_Occurred()) {
        return -1;
    }
    if ((value & COLLECTION_FLAGS) == COLLECTION_FLAGS) {
        PyErr_SetString(PyExc_TypeError,
                        "__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE "
                        "and Py_TPFLAGS_MAPPING");
        return -1;
    }
    PyTypeObject *type = (PyTypeObject *)cls;
    BEGIN_TYPE_LOCK();
    type->tp_flags = (type->tp_flags & ~COLLECTION_FLAGS)
                     | (value & COLLECTION_FLAGS);
    END_TYPE_LOCK();
    return PyObject_DelAttrString(cls, "__abc_tpflags__");
}

static PyObject *
abc_init(PyObject *module, PyObject *cls)
{
    abc_state *state = get_state(module);
    if (compute_abstract_methods(cls) < 0) {
        return NULL;
    }
    PyObject *data = abc_data_new(state->abc_data_type, NULL, NULL);
    if (data == NULL) {
        return NULL;
    }
    int rc = PyObject_SetAttrString(cls, "_abc_impl", data);
    Py_DECREF(data);
    if (rc < 0 || apply_abc_tpflags(cls) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- register, isinstance, issubclass ------------------------------------ */

static PyObject *
abc_register(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_abc_register", nargs, 2, 2)) {
        return NULL;
    }
    PyObject *cls = args[0];
    PyObject *subclass = args[1];
    abc_state *state = get_state(module);
    if (!PyType_Check(subclass)) {
        PyErr_SetString(PyExc_TypeError, "Can only register classes");
        return NULL;
    }
    int rc = PyObject_IsSubclass(subclass, cls);
    if (rc != 0) {
        return rc > 0 ? Py_NewRef(subclass) : NULL;  /* already a subclass */
    }
    rc = PyObject_IsSubclass(cls, subclass);
    if (rc != 0) {
        if (rc > 0) {
            PyErr_SetString(PyExc_RuntimeError,
                            "Refusing to create an inheritance cycle");
        }
        return NULL;
    }
    abc_data *impl = get_impl(state, cls);
    if (impl == NULL) {
        return NULL;
    }
    rc = add_to_weak_set(impl->registry, subclass);
    Py_DECREF(impl);
    if (rc < 0) {
        return NULL;
    }
    /* Invalidate every negative cache. */
    __atomic_fetch_add(&state->invalidation_counter, 1, __ATOMIC_ACQ_REL);
    if (PyType_Check(cls)) {
        unsigned long flag = PyType_GetFlags((PyTypeObject *)cls) & COLLECTION_FLAGS;
        if (flag != 0
            && set_collection_flag_recursive((PyTypeObject *)subclass, flag) < 0) {
            return NULL;
        }
    }
    return Py_NewRef(subclass);
}

static PyObject *
call_subclasscheck(PyObject *cls, PyObject *subclass)
{
    return PyObject_CallMethod(cls, "__subclasscheck__", "O", subclass);
}

static PyObject *
abc_instancecheck(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_abc_instancecheck", nargs, 2, 2)) {
        return NULL;
    }
    PyObject *cls = args[0];
    PyObject *instance = args[1];
    abc_state *state = get_state(module);
    abc_data *impl = get_impl(state, cls);
    if (impl == NULL) {
        return NULL;
    }
    PyObject *result = NULL;
    PyObject *subclass = PyObject_GetAttrString(instance, "__class__");
    if (subclass == NULL) {
        goto done;
    }
    int rc = in_weak_set(impl->cache, subclass);
    if (rc != 0) {
        result = rc > 0 ? Py_NewRef(Py_True) : NULL;
        goto done;
    }
    PyObject *subtype = (PyObject *)Py_TYPE(instance);
    if (subtype == subclass) {
        if (__atomic_load_n(&impl->negative_cache_version, __ATOMIC_ACQUIRE)
            == current_token(state)) {
            rc = in_weak_set(impl->negative_cache, subclass);
            if (rc != 0) {
                result = rc > 0 ? Py_NewRef(Py_False) : NULL;
                goto done;
            }
        }
        result = call_subclasscheck(cls, subclass);
        goto done;
    }
    result = call_subclasscheck(cls, subclass);
    if (result == NULL) {
        goto done;
    }
    rc = PyObject_IsTrue(result);
    if (rc != 0) {
        if (rc < 0) {
            Py_CLEAR(result);
        }
        goto done;
    }
    Py_DECREF(result);
    result = call_subclasscheck(cls, subtype);
done:
    Py_XDECREF(subclass);
    Py_DECREF(impl);
    return result;
}

/* A list of the set's items, taken in the set's critical section so
   that another thread's register() cannot change it meanwhile. */
static PyObject *
set_snapshot(PyObject *set)
{
    PyObject *items = NULL;
    Py_BEGIN_CRITICAL_SECTION(set);
    items = PyList_New(PySet_GET_SIZE(set));
    Py_ssize_t pos = 0, i = 0;
    PyObject *key;
    Py_hash_t hash;
    while (items != NULL && _PySet_NextEntry(set, &pos, &key, &hash)) {
        PyList_SET_ITEM(items, i++, Py_NewRef(key));
    }
    Py_END_CRITICAL_SECTION();
    return items;
}

/* 1 if subclass is a subclass of one of the classes (a list, or a set
   of weak references when weak is set). */
static int
subclass_of_any(PyObject *subclass, PyObject *classes, int weak)
{
    PyObject *snapshot = weak ? set_snapshot(classes) : PySequence_List(classes);
    if (snapshot == NULL) {
        return -1;
    }
    int rc = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(snapshot) && rc == 0; i++) {
        PyObject *candidate = PyList_GET_ITEM(snapshot, i);
        if (weak) {
            if (PyWeakref_GetRef(candidate, &candidate) <= 0) {
                continue;   /* a dead entry waiting for its callback */
            }
        }
        else {
            Py_INCREF(candidate);
        }
        rc = PyObject_IsSubclass(subclass, candidate);
        Py_DECREF(candidate);
    }
    Py_DECREF(snapshot);
    return rc;
}

/* The answer of cls.__subclasshook__(subclass): 1, 0, or 2 for
   NotImplemented; -1 on error. */
static int
ask_subclasshook(PyObject *cls, PyObject *subclass)
{
    PyObject *ok = PyObject_CallMethod(cls, "__subclasshook__", "O", subclass);
    if (ok == NULL) {
        return -1;
    }
    int rc;
    if (ok == Py_True) {
        rc = 1;
    }
    else if (ok == Py_False) {
        rc = 0;
    }
    else if (ok == Py_NotImplemented) {
        rc = 2;
    }
    else {
        PyErr_SetString(PyExc_AssertionError, "__subclasshook__ must return "
                        "either False, True, or NotImplemented");
        rc = -1;
    }
    Py_DECREF(ok);
    return rc;
}

/* The uncached part of issubclass(subclass, cls): 1 or 0, -1 on error. */
static int
compute_subclasscheck(PyObject *cls, PyObject *subclass, abc_data *impl)
{
    int rc = ask_subclasshook(cls, subclass);
    if (rc != 2) {
        return rc;
    }
    /* A reference taken under the type lock: __bases__ assignment in
       another thread may replace the MRO. */
    PyObject *mro = _PyType_GetMRO((PyTypeObject *)subclass);
    int in_mro = 0;
    if (mro != NULL && PyTuple_Check(mro)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(mro) && !in_mro; i++) {
            in_mro = PyTuple_GET_ITEM(mro, i) == cls;
        }
    }
    Py_XDECREF(mro);
    if (in_mro) {
        return 1;
    }
    rc = subclass_of_any(subclass, impl->registry, 1);
    if (rc != 0) {
        return rc;
    }
    PyObject *subclasses = PyObject_CallMethod(cls, "__subclasses__", NULL);
    if (subclasses == NULL) {
        return -1;
    }
    rc = subclass_of_any(subclass, subclasses, 0);
    Py_DECREF(subclasses);
    return rc;
}

static PyObject *
abc_subclasscheck(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_abc_subclasscheck", nargs, 2, 2)) {
        return NULL;
    }
    PyObject *cls = args[0];
    PyObject *subclass = args[1];
    abc_state *state = get_state(module);
    if (!PyType_Check(subclass)) {
        PyErr_SetString(PyExc_TypeError, "issubclass() arg 1 must be a class");
        return NULL;
    }
    abc_data *impl = get_impl(state, cls);
    if (impl == NULL) {
        return NULL;
    }
    int rc = in_weak_set(impl->cache, subclass);
    if (rc != 0) {
        goto done;
    }
    uint64_t token = current_token(state);
    if (__atomic_load_n(&impl->negative_cache_version, __ATOMIC_ACQUIRE) < token) {
        if (PySet_Clear(impl->negative_cache) < 0) {
            rc = -1;
            goto done;
        }
        __atomic_store_n(&impl->negative_cache_version, token, __ATOMIC_RELEASE);
    }
    else {
        rc = in_weak_set(impl->negative_cache, subclass);
        if (rc != 0) {
            rc = rc > 0 ? 0 : -1;
            goto done;
        }
    }
    rc = compute_subclasscheck(cls, subclass, impl);
    if (rc >= 0
        && add_to_weak_set(rc ? impl->cache : impl->negative_cache, subclass) < 0) {
        rc = -1;
    }
done:
    Py_DECREF(impl);
    if (rc < 0) {
        return NULL;
    }
    return Py_NewRef(rc ? Py_True : Py_False);
}

/* ---- introspection and resets -------------------------------------------- */

static PyObject *
abc_get_cache_token(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromUnsignedLongLong(current_token(get_state(module)));
}

/* A new set with the items of set, copied under its critical section. */
static PyObject *
set_copy(PyObject *set)
{
    PyObject *items = set_snapshot(set);
    if (items == NULL) {
        return NULL;
    }
    PyObject *copy = PySet_New(items);
    Py_DECREF(items);
    return copy;
}

static PyObject *
abc_get_dump(PyObject *module, PyObject *cls)
{
    abc_data *impl = get_impl(get_state(module), cls);
    if (impl == NULL) {
        return NULL;
    }
    PyObject *dump = Py_BuildValue(
        "(NNNK)", set_copy(impl->registry), set_copy(impl->cache),
        set_copy(impl->negative_cache),
        (unsigned long long)__atomic_load_n(&impl->negative_cache_version,
                                            __ATOMIC_ACQUIRE));
    Py_DECREF(impl);
    return dump;
}

static PyObject *
abc_reset_registry(PyObject *module, PyObject *cls)
{
    abc_data *impl = get_impl(get_state(module), cls);
    if (impl == NULL) {
        return NULL;
    }
    int rc = PySet_Clear(impl->registry);
    Py_DECREF(impl);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
abc_reset_caches(PyObject *module, PyObject *cls)
{
    abc_data *impl = get_impl(get_state(module), cls);
    if (impl == NULL) {
        return NULL;
    }
    int rc = PySet_Clear(impl->cache) < 0 || PySet_Clear(impl->negative_cache) < 0;
    Py_DECREF(impl);
    if (rc) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef abc_methods[] = {
    {"get_cache_token", abc_get_cache_token, METH_NOARGS,
     "get_cache_token($module, /)\n--\n\n"
     "A token (an int) for the current state of the ABC caches: it\n"
     "changes whenever any ABC registers a virtual subclass."},
    {"_abc_init", abc_init, METH_O,
     "_abc_init($module, self, /)\n--\n\n"
     "Set up a new ABC: its __abstractmethods__ and its _abc_impl (for abc)."},
    {"_abc_register", _PyCFunction_CAST(abc_register), METH_FASTCALL,
     "_abc_register($module, self, subclass, /)\n--\n\n"
     "ABCMeta.register(): make subclass a virtual subclass (for abc)."},
    {"_abc_instancecheck", _PyCFunction_CAST(abc_instancecheck), METH_FASTCALL,
     "_abc_instancecheck($module, self, instance, /)\n--\n\n"
     "ABCMeta.__instancecheck__ (for abc)."},
    {"_abc_subclasscheck", _PyCFunction_CAST(abc_subclasscheck), METH_FASTCALL,
     "_abc_subclasscheck($module, self, subclass, /)\n--\n\n"
     "ABCMeta.__subclasscheck__ (for abc)."},
    {"_get_dump", abc_get_dump, METH_O,
     "_get_dump($module, self, /)\n--\n\n"
     "(registry, cache, negative cache, negative cache version): copies\n"
     "of the ABC's sets of weak references, for ABCMeta._dump_registry()."},
    {"_reset_registry", abc_reset_registry, METH_O,
     "_reset_registry($module, self, /)\n--\n\n"
     "Forget the ABC's virtual subclasses (for tests)."},
    {"_reset_caches", abc_reset_caches, METH_O,
     "_reset_caches($module, self, /)\n--\n\n"
     "Empty both of the ABC's caches (for tests)."},
    {NULL, NULL, 0, NULL},
};

static int
abc_exec(PyObject *module)
{
    abc_state *state = get_state(module);
    state->invalidation_counter = 0;
    state->abc_data_type = (PyTypeObject *)PyType_FromModuleAndSpec(
        module, &abc_data_spec, NULL);
    if (state->abc_data_type == NULL) {
        return -1;
    }
    return PyModule_AddObjectRef(module, "_abc_data",
                                 (PyObject *)state->abc_data_type);
}

static int
abc_module_traverse(PyObject *module, visitproc visit, void *arg)
{
    abc_state *state = get_state(module);
    Py_VISIT(state->abc_data_type);
    return 0;
}

static int
abc_module_clear(PyObject *module)
{
    abc_state *state = get_state(module);
    Py_CLEAR(state->abc_data_type);
    return 0;
}

static void
abc_module_free(void *module)
{
    (void)abc_module_clear((PyObject *)module);
}

static PyModuleDef_Slot abc_slots[] = {
    {Py_mod_exec, abc_exec},
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef abc_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_abc",
    .m_doc = "The registry and caches behind abc.ABCMeta.",
    .m_size = sizeof(abc_state),
    .m_methods = abc_methods,
    .m_slots = abc_slots,
    .m_traverse = abc_module_traverse,
    .m_clear = abc_module_clear,
    .m_free = abc_module_free,
};

PyMODINIT_FUNC
PyInit__abc(void)
{
    return PyModuleDef_Init(&abc_module);
}
