/* Type objects: the `type` type, PyType_Ready (inheritance of slots and
   layout), the C3 method resolution order, attribute lookup along the MRO
   with a global method cache keyed by type version tags, and the
   instances of heap types (deallocation, GC, __dict__ and __weakref__).

   Neighbours: classes created at run time are built in Objects/typenew.c;
   the `object` type is in Objects/object.c; the slot table
   that ties C slots to dunder methods is in Objects/typeslots.c; types
   from a PyType_Spec in Objects/typespec.c; super in
   Objects/superobject.c; descriptors in Objects/descrobject.c.

   ---- Thread-safety rules (free-threaded build) ---------------------------

   1. The type lock.  One global PyMutex, `_PyType_Lock`, taken as a critical
      section (BEGIN_TYPE_LOCK / END_TYPE_LOCK).  Every mutation of a type
      that lookups can observe happens while holding it: tp_dict contents
      (type_setattro), tp_bases/tp_base/tp_mro (__bases__ assignment),
      tp_subclasses, the slot pointers updated from dunder methods, the
      version tag and the method cache entries.  Python code is never run
      while it is held, except through __eq__ of exotic non-str keys in a
      class dict; because it is a critical section, a thread that blocks
      inside it releases it instead of deadlocking.

   2. Version tags.  tp_version_tag != 0 names the current state of the
      type's MRO dicts (Py_TPFLAGS_VALID_VERSION_TAG is not used: tp_flags,
      read without locks everywhere, must not change while types are in
      use).  A type gets a tag
      only after every base has one, so modifying any base invalidates all
      its subclasses (PyType_Modified walks tp_subclasses).  Tags are
      assigned and cleared under the type lock and stored with atomic
      stores; readers load them atomically without the lock.  A mutation
      invalidates the tag both before and after changing the dict: a
      reader that filled the cache in between (the critical section can be
      suspended while the dict's own lock is contended) filled it under a
      tag that is then discarded.

   3. The method cache.  A global array indexed by (version, name).  An
      entry holds a strong reference to the name and a borrowed reference
      to the value, which the type's dict keeps alive as long as the
      version is current.  Writers (under the type lock) bump the entry's
      sequence number to odd, write, and bump it to even.  Readers load the
      sequence, the fields, and the sequence again (a sequence lock); they
      take a reference to the value with _Py_TryIncref and then re-check
      both the sequence and the type's current version, so a value that
      was replaced in the meantime is never returned.  The memory of a
      replaced value must stay readable until readers have moved on; that
      is QSBR's job (DESIGN.md section 5).

   4. Static types are readied at start-up, and heap types are readied by
      type_new before any other thread can see them; PyType_Ready itself
      touches shared state only to register the type with its bases (under
      the type lock).

   In the default build the GIL serialises all of this; the lock macros
   compile to nothing and the cache is read without a sequence check. */
#include "Python.h"
#include "pycore_call.h"
#include "pycore_dict.h"
#include "pycore_gc.h"
#include "pycore_instvalues.h"
#include "pycore_moduleobject.h"
#include "pycore_object.h"
#include "pycore_pystate.h"
#include "pycore_qsbr.h"
#include "pycore_typeobject.h"
#include "pycore_unionobject.h"

#ifdef Py_GIL_DISABLED
PyMutex _PyType_Lock;
#endif


/* ---- interned identifiers ------------------------------------------------ */

PyObject *_PyType_InitIdentifier(PyObject **cache, const char *text)
{
    PyObject *s = PyUnicode_InternFromString(text);
    if (s == NULL) {
        Py_FatalError("cannot create an interned identifier");
    }
    PyObject *expected = NULL;
    if (!__atomic_compare_exchange_n(cache, &expected, s, 0,
                                     __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        /* Another thread won; interning gave us the same object. */
        Py_DECREF(s);
        return expected;
    }
    return s;
}

/* ---- tp_flags updates ------------------------------------------------------ */

/* tp_flags is read without locks everywhere (PyType_HasFeature), so a
   change is one atomic store of the whole word, made under the type lock
   for types other threads can see. */
static void type_set_flags(PyTypeObject *type, unsigned long mask,
                           unsigned long value)
{
    unsigned long flags = (type->tp_flags & ~mask) | (value & mask);
    __atomic_store_n(&type->tp_flags, flags, __ATOMIC_RELAXED);
}

unsigned long PyType_GetFlags(PyTypeObject *type)
{
    return __atomic_load_n(&type->tp_flags, __ATOMIC_RELAXED);
}

/* ---- names ---------------------------------------------------------------- */

/* The short name of a type: tp_name after its last dot. */
const char *_PyType_Name(PyTypeObject *type)
{
    const char *s = strrchr(type->tp_name, '.');
    return s == NULL ? type->tp_name : s + 1;
}

static PyObject *type_name_obj(PyTypeObject *type)
{
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        return Py_NewRef(((PyHeapTypeObject *)type)->ht_name);
    }
    return PyUnicode_FromString(_PyType_Name(type));
}

static PyObject *type_qualname_obj(PyTypeObject *type)
{
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        return Py_NewRef(((PyHeapTypeObject *)type)->ht_qualname);
    }
    return PyUnicode_FromString(_PyType_Name(type));
}

/* __module__: the dict entry of a heap type, the dotted prefix of a static
   type's tp_name, else "builtins". */
static PyObject *type_module_obj(PyTypeObject *type)
{
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        PyObject *mod;
        int rc = PyDict_GetItemRef(type->tp_dict, _Py_INTERNED_ID(__module__),
                                   &mod);
        if (rc == 0) {
            PyErr_Format(PyExc_AttributeError, "__module__");
        }
        return mod;
    }
    const char *s = strrchr(type->tp_name, '.');
    if (s != NULL) {
        return PyUnicode_FromStringAndSize(type->tp_name,
                                           s - type->tp_name);
    }
    return Py_NewRef(_Py_INTERNED_ID(builtins));
}

PyObject *PyType_GetName(PyTypeObject *type)
{
    return type_name_obj(type);
}

PyObject *PyType_GetQualName(PyTypeObject *type)
{
    return type_qualname_obj(type);
}

PyObject *PyType_GetModuleName(PyTypeObject *type)
{
    return type_module_obj(type);
}

/* "module.qualname", or just the qualname for builtins and __main__. */
PyObject *PyType_GetFullyQualifiedName(PyTypeObject *type)
{
    PyObject *qualname = type_qualname_obj(type);
    if (qualname == NULL) {
        return NULL;
    }
    PyObject *module = type_module_obj(type);
    if (module == NULL) {
        PyErr_Clear();
        return qualname;
    }
    PyObject *res;
    if (PyUnicode_Check(module)
            && !_PyUnicode_EqualToASCIIString(module, "builtins")
            && !_PyUnicode_EqualToASCIIString(module, "__main__")) {
        res = PyUnicode_FromFormat("%U.%U", module, qualname);
    }
    else {
        res = Py_NewRef(qualname);
    }
    Py_DECREF(module);
    Py_DECREF(qualname);
    return res;
}

/* ---- subclass registry ------------------------------------------------------ */

/* tp_subclasses is a dict {int(address): None} of a type's direct
   subclasses, or NULL.  It holds no reference to them: a subclass removes
   itself in type_dealloc (or when its __bases__ change), and readers take
   references with _Py_TryIncref so a dying subclass is skipped.  Changed
   and read only under the type lock. */
static int add_subclass(PyTypeObject *base, PyTypeObject *type)
{
    PyObject *key = PyLong_FromVoidPtr(type);
    if (key == NULL) {
        return -1;
    }
    int rc = 0;
    BEGIN_TYPE_LOCK();
    PyObject *subclasses = base->tp_subclasses;
    if (subclasses == NULL) {
        subclasses = PyDict_New();
        base->tp_subclasses = subclasses;
    }
    rc = subclasses == NULL ? -1 : PyDict_SetItem(subclasses, key, Py_None);
    END_TYPE_LOCK();
    Py_DECREF(key);
    return rc;
}

static int add_all_subclasses(PyTypeObject *type, PyObject *bases)
{
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *base = PyTuple_GET_ITEM(bases, i);
        if (PyType_Check(base) && add_subclass((PyTypeObject *)base, type) < 0) {
            return -1;
        }
    }
    return 0;
}

static void remove_subclass(PyTypeObject *base, PyTypeObject *type)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *key = PyLong_FromVoidPtr(type);
    if (key != NULL) {
        BEGIN_TYPE_LOCK();
        if (base->tp_subclasses != NULL) {
            PyDict_Pop(base->tp_subclasses, key, NULL);
        }
        END_TYPE_LOCK();
        Py_DECREF(key);
    }
    PyErr_Clear();
    PyErr_SetRaisedException(exc);
}

static void remove_all_subclasses(PyTypeObject *type, PyObject *bases)
{
    if (bases == NULL) {
        return;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *base = PyTuple_GET_ITEM(bases, i);
        if (PyType_Check(base)) {
            remove_subclass((PyTypeObject *)base, type);
        }
    }
}

/* A new list of the live direct subclasses.  Caller holds the type lock. */
PyObject *_PyType_GetSubclassesLocked(PyTypeObject *type)
{
    PyObject *list = PyList_New(0);
    if (list == NULL || type->tp_subclasses == NULL) {
        return list;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(type->tp_subclasses, &pos, &key, &value)) {
        PyObject *sub = PyLong_AsVoidPtr(key);
        if (sub == NULL || !_Py_TryIncref(sub)) {
            continue;
        }
        int rc = PyList_Append(list, sub);
        Py_DECREF(sub);
        if (rc < 0) {
            Py_DECREF(list);
            return NULL;
        }
    }
    return list;
}

PyObject *_PyType_GetSubclasses(PyTypeObject *type)
{
    PyObject *list;
    BEGIN_TYPE_LOCK();
    list = _PyType_GetSubclassesLocked(type);
    END_TYPE_LOCK();
    return list;
}

/* ---- version tags ------------------------------------------------------------ */

/* Heap types that keep changing stop being cached after this many tags. */
#define MAX_VERSIONS_PER_CLASS 1000

static unsigned int next_version_tag = 1;

/* Give type (and first its bases) a version tag.  Returns 0 when it
   cannot have one: caching disabled for it, or tags exhausted.  Caller
   holds the type lock. */
static int assign_version_tag(PyTypeObject *type)
{
    if (type->tp_version_tag != 0) {
        return 1;
    }
    if (!(type->tp_flags & Py_TPFLAGS_HAVE_VERSION_TAG)
            || !(type->tp_flags & Py_TPFLAGS_READY)) {
        return 0;
    }
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        if (type->tp_versions_used >= MAX_VERSIONS_PER_CLASS) {
            return 0;
        }
        type->tp_versions_used++;
    }
    if (next_version_tag == 0) {
        return 0;       /* wrapped around: never reuse a tag */
    }
    PyObject *bases = type->tp_bases;
    Py_ssize_t n = bases == NULL ? 0 : PyTuple_GET_SIZE(bases);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *base = PyTuple_GET_ITEM(bases, i);
        if (!assign_version_tag((PyTypeObject *)base)) {
            return 0;
        }
    }
    __atomic_store_n(&type->tp_version_tag, next_version_tag++,
                     __ATOMIC_RELEASE);
    return 1;
}

int PyUnstable_Type_AssignVersionTag(PyTypeObject *type)
{
    int rc;
    BEGIN_TYPE_LOCK();
    rc = assign_version_tag(type);
    END_TYPE_LOCK();
    return rc;
}

unsigned int _PyType_GetVersionTag(PyTypeObject *type)
{
    unsigned int tag = __atomic_load_n(&type->tp_version_tag, __ATOMIC_ACQUIRE);
    if (tag != 0) {
        return tag;
    }
    BEGIN_TYPE_LOCK();
    if (assign_version_tag(type)) {
        tag = type->tp_version_tag;
    }
    END_TYPE_LOCK();
    return tag;
}

/* Invalidate type's tag and, recursively, its subclasses'.  Caller holds
   the type lock.  A type without a tag has no subclass with one. */
static void type_modified_locked(PyTypeObject *type)
{
    if (type->tp_version_tag == 0) {
        return;
    }
    if (type->tp_subclasses != NULL) {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (PyDict_Next(type->tp_subclasses, &pos, &key, &value)) {
            PyTypeObject *sub = PyLong_AsVoidPtr(key);
            if (sub != NULL) {
                type_modified_locked(sub);
            }
        }
    }
    _PyType_NotifyWatchers(type);
    __atomic_store_n(&type->tp_version_tag, 0, __ATOMIC_RELEASE);
}

void PyType_Modified(PyTypeObject *type)
{
    if (__atomic_load_n(&type->tp_version_tag, __ATOMIC_ACQUIRE) == 0) {
        return;
    }
    BEGIN_TYPE_LOCK();
    type_modified_locked(type);
    END_TYPE_LOCK();
}

/* ---- the method cache --------------------------------------------------------- */

#define MCACHE_SIZE_EXP 12
#define MCACHE_SIZE (1u << MCACHE_SIZE_EXP)

typedef struct {
    uint32_t sequence;      /* odd while a writer is filling the entry */
    unsigned int version;   /* 0: empty */
    PyObject *name;         /* strong reference */
    PyObject *value;        /* borrowed; NULL caches "not found" */
} method_cache_entry;

static method_cache_entry method_cache[MCACHE_SIZE];

/* Multiplicative hashing of (version, name address), top bits kept.  The
   addresses of interned names are not independent of each other, and a
   shift-and-xor of them made hot pairs (a class's __init__ and one of its
   attributes) share an entry and evict each other on every call, in one
   build and not the other. */
static inline method_cache_entry *mcache_entry(unsigned int version,
                                               PyObject *name)
{
    uint64_t key = ((uint64_t)(uintptr_t)name >> 3) ^ ((uint64_t)version << 40);
    uint64_t h = (key * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - MCACHE_SIZE_EXP);
    return &method_cache[h];
}

/* Look name up in the cache for type.  Returns 1 and a new reference (or
   NULL for a cached miss) in *result on a hit; 0 on a cache miss. */
static int mcache_lookup(PyTypeObject *type, PyObject *name,
                         PyObject **result)
{
    unsigned int version = __atomic_load_n(&type->tp_version_tag,
                                           __ATOMIC_ACQUIRE);
    if (version == 0) {
        return 0;
    }
    method_cache_entry *entry = mcache_entry(version, name);
#ifdef Py_GIL_DISABLED
    uint32_t seq = __atomic_load_n(&entry->sequence, __ATOMIC_ACQUIRE);
    if (seq & 1) {
        return 0;
    }
    if (__atomic_load_n(&entry->version, __ATOMIC_RELAXED) != version
            || __atomic_load_n(&entry->name, __ATOMIC_RELAXED) != name) {
        return 0;
    }
    PyObject *value = __atomic_load_n(&entry->value, __ATOMIC_RELAXED);
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    if (__atomic_load_n(&entry->sequence, __ATOMIC_RELAXED) != seq) {
        return 0;
    }
    if (value != NULL && !_Py_TryIncref(value)) {
        return 0;
    }
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    if (__atomic_load_n(&entry->sequence, __ATOMIC_RELAXED) != seq
            || __atomic_load_n(&type->tp_version_tag, __ATOMIC_RELAXED)
                   != version) {
        Py_XDECREF(value);
        return 0;
    }
    *result = value;
    return 1;
#else
    if (entry->version != version || entry->name != name) {
        return 0;
    }
    *result = Py_XNewRef(entry->value);
    return 1;
#endif
}

/* Caller holds the type lock (the only writer). */
static void mcache_store(unsigned int version, PyObject *name,
                         PyObject *value)
{
    method_cache_entry *entry = mcache_entry(version, name);
    PyObject *old_name = entry->name;
    uint32_t seq = entry->sequence;
    __atomic_store_n(&entry->sequence, seq + 1, __ATOMIC_RELAXED);
    __atomic_thread_fence(__ATOMIC_RELEASE);
    __atomic_store_n(&entry->version, version, __ATOMIC_RELAXED);
    __atomic_store_n(&entry->name, Py_NewRef(name), __ATOMIC_RELAXED);
    __atomic_store_n(&entry->value, value, __ATOMIC_RELAXED);
    __atomic_store_n(&entry->sequence, seq + 2, __ATOMIC_RELEASE);
    Py_XDECREF(old_name);
}

unsigned int PyType_ClearCache(void)
{
    unsigned int cur = next_version_tag;
    BEGIN_TYPE_LOCK();
    for (size_t i = 0; i < MCACHE_SIZE; i++) {
        method_cache_entry *entry = &method_cache[i];
        PyObject *old_name = entry->name;
        uint32_t seq = entry->sequence;
        __atomic_store_n(&entry->sequence, seq + 1, __ATOMIC_RELAXED);
        __atomic_thread_fence(__ATOMIC_RELEASE);
        entry->version = 0;
        entry->name = NULL;
        entry->value = NULL;
        __atomic_store_n(&entry->sequence, seq + 2, __ATOMIC_RELEASE);
        Py_XDECREF(old_name);
    }
    END_TYPE_LOCK();
    return cur - 1;
}

void _PyType_FiniCache(void)
{
    PyType_ClearCache();
}

/* ---- lookup along the MRO ------------------------------------------------------- */

/* A new reference to the first value for name in the dicts of type's MRO,
   or NULL.  *error is set to 1 when the lookup itself failed (an
   exception is set). */
static PyObject *find_name_in_mro(PyTypeObject *type, PyObject *name,
                                  int *error)
{
    *error = 0;
    PyObject *mro = type->tp_mro;
    if (mro == NULL) {
        if (!(type->tp_flags & Py_TPFLAGS_READYING)) {
            if (PyType_Ready(type) < 0) {
                *error = 1;
                return NULL;
            }
            mro = type->tp_mro;
        }
        if (mro == NULL) {
            /* Being readied: only its own dict exists so far. */
            PyObject *res = NULL;
            if (type->tp_dict != NULL
                    && PyDict_GetItemRef(type->tp_dict, name, &res) < 0) {
                *error = 1;
            }
            return res;
        }
    }
    Py_INCREF(mro);
    PyObject *res = NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(mro);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTypeObject *base = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
        PyObject *dict = base->tp_dict;
        if (dict == NULL) {
            continue;
        }
        int rc = PyDict_GetItemRef(dict, name, &res);
        if (rc < 0) {
            *error = 1;
            break;
        }
        if (rc > 0) {
            break;
        }
    }
    Py_DECREF(mro);
    return res;
}

/* Returns a new reference, or NULL with no exception set (lookup errors
   are swallowed, as in CPython). */
PyObject *_PyType_LookupRef(PyTypeObject *type, PyObject *name)
{
    PyObject *res;
    int cacheable = PyUnicode_CheckExact(name);
    if (cacheable && mcache_lookup(type, name, &res)) {
        return res;
    }
    int error;
    BEGIN_TYPE_LOCK();
    res = find_name_in_mro(type, name, &error);
    if (!error && cacheable && assign_version_tag(type)) {
        mcache_store(type->tp_version_tag, name, res);
    }
    END_TYPE_LOCK();
    if (error) {
        PyErr_Clear();
        return NULL;
    }
    return res;
}

/* The borrowed form.  The type's dict keeps the result alive until the
   attribute is replaced, which is all CPython promises too. */
PyObject *_PyType_Lookup(PyTypeObject *type, PyObject *name)
{
    PyObject *res = _PyType_LookupRef(type, name);
    if (res != NULL && !_Py_IsImmortal(res)) {
        _Py_DECREF_NO_DEALLOC(res);
    }
    return res;
}

/* super()-style lookup: the MRO entries after `start`. */
PyObject *_PyType_LookupAfter(PyTypeObject *type, PyTypeObject *start,
                              PyObject *name)
{
    PyObject *mro = type->tp_mro;
    if (mro == NULL) {
        return NULL;
    }
    Py_INCREF(mro);
    Py_ssize_t n = PyTuple_GET_SIZE(mro), i = 0;
    while (i < n && PyTuple_GET_ITEM(mro, i) != (PyObject *)start) {
        i++;
    }
    PyObject *res = NULL;
    for (i++; i < n; i++) {
        PyObject *dict = ((PyTypeObject *)PyTuple_GET_ITEM(mro, i))->tp_dict;
        if (dict != NULL && PyDict_GetItemRef(dict, name, &res) != 0) {
            break;
        }
    }
    Py_DECREF(mro);
    return res;
}

PyObject *PyType_GetDict(PyTypeObject *type)
{
    return Py_XNewRef(type->tp_dict);
}

PyObject *_PyType_GetMRO(PyTypeObject *type)
{
    PyObject *mro;
    BEGIN_TYPE_LOCK();
    mro = Py_XNewRef(type->tp_mro);
    END_TYPE_LOCK();
    return mro;
}

PyObject *_PyType_GetBases(PyTypeObject *type)
{
    PyObject *bases;
    BEGIN_TYPE_LOCK();
    bases = Py_XNewRef(type->tp_bases);
    END_TYPE_LOCK();
    return bases;
}

/* ---- special-method lookup ------------------------------------------------------ */

/* type(self).attr, bound to self through the descriptor protocol. */
PyObject *_PyObject_LookupSpecial(PyObject *self, PyObject *attr)
{
    PyObject *res = _PyType_LookupRef(Py_TYPE(self), attr);
    if (res == NULL) {
        return NULL;
    }
    descrgetfunc get = Py_TYPE(res)->tp_descr_get;
    if (get != NULL) {
        PyObject *bound = get(res, self, (PyObject *)Py_TYPE(self));
        Py_DECREF(res);
        return bound;
    }
    return res;
}

/* Method descriptors (functions, method descriptors) are returned unbound
   with *unbound = 1 so the caller passes self as the first argument and
   no bound-method object is created. */
PyObject *_PyObject_LookupSpecialMethod(PyObject *self, PyObject *attr,
                                        int *unbound)
{
    PyObject *res = _PyType_LookupRef(Py_TYPE(self), attr);
    *unbound = 0;
    if (res == NULL) {
        return NULL;
    }
    if (Py_TYPE(res)->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR) {
        *unbound = 1;
        return res;
    }
    descrgetfunc get = Py_TYPE(res)->tp_descr_get;
    if (get != NULL) {
        PyObject *bound = get(res, self, (PyObject *)Py_TYPE(self));
        Py_DECREF(res);
        return bound;
    }
    return res;
}

/* ---- subtype test ---------------------------------------------------------------- */

/* Without an MRO (a type being readied) walk tp_base instead. */
static int type_is_subtype_base_chain(PyTypeObject *a, PyTypeObject *b)
{
    do {
        if (a == b) {
            return 1;
        }
        a = a->tp_base;
    } while (a != NULL);
    return b == &PyBaseObject_Type;
}

int PyType_IsSubtype(PyTypeObject *a, PyTypeObject *b)
{
    if (a == b) {
        return 1;
    }
    PyObject *mro = __atomic_load_n(&a->tp_mro, __ATOMIC_ACQUIRE);
    if (mro == NULL) {
        return type_is_subtype_base_chain(a, b);
    }
    /* tp_mro is only ever replaced by a complete tuple (the old one
       stays alive while any lookup may hold it; see type_set_bases). */
    Py_ssize_t n = PyTuple_GET_SIZE(mro);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyTuple_GET_ITEM(mro, i) == (PyObject *)b) {
            return 1;
        }
    }
    return 0;
}

/* ---- the method resolution order (C3) ------------------------------------------- */

static PyObject *type_short_name(PyObject *type)
{
    if (PyType_Check(type)) {
        return type_name_obj((PyTypeObject *)type);
    }
    return PyObject_Repr(type);
}

/* "Cannot create a consistent method resolution order (MRO) for bases
   A, B": the heads that could not be placed, each named once. */
static void set_mro_error(PyObject **to_merge, Py_ssize_t to_merge_size,
                          Py_ssize_t *remain)
{
    PyObject *names = PyList_New(0);
    if (names == NULL) {
        return;
    }
    PyObject *seen = PyList_New(0);
    if (seen == NULL) {
        Py_DECREF(names);
        return;
    }
    for (Py_ssize_t i = 0; i < to_merge_size; i++) {
        PyObject *seq = to_merge[i];
        if (remain[i] >= PyTuple_GET_SIZE(seq)) {
            continue;
        }
        PyObject *head = PyTuple_GET_ITEM(seq, remain[i]);
        int dup = 0;
        for (Py_ssize_t j = 0; j < PyList_GET_SIZE(seen); j++) {
            if (PyList_GET_ITEM(seen, j) == head) {
                dup = 1;
            }
        }
        if (dup) {
            continue;
        }
        PyObject *name = type_short_name(head);
        if (name == NULL || PyList_Append(seen, head) < 0
                || PyList_Append(names, name) < 0) {
            Py_XDECREF(name);
            goto done;
        }
        Py_DECREF(name);
    }
    PyObject *sep = PyUnicode_FromString(", ");
    if (sep != NULL) {
        PyObject *joined = PyUnicode_Join(sep, names);
        Py_DECREF(sep);
        if (joined != NULL) {
            PyErr_Format(PyExc_TypeError,
                         "Cannot create a consistent method resolution "
                         "order (MRO) for bases %U", joined);
            Py_DECREF(joined);
        }
    }
done:
    Py_DECREF(seen);
    Py_DECREF(names);
}

/* Is `candidate` in the tail (after position remain[j]) of any sequence? */
static int in_some_tail(PyObject *candidate, PyObject **to_merge,
                        Py_ssize_t n, Py_ssize_t *remain)
{
    for (Py_ssize_t j = 0; j < n; j++) {
        PyObject *seq = to_merge[j];
        Py_ssize_t len = PyTuple_GET_SIZE(seq);
        for (Py_ssize_t k = remain[j] + 1; k < len; k++) {
            if (PyTuple_GET_ITEM(seq, k) == candidate) {
                return 1;
            }
        }
    }
    return 0;
}

/* The C3 merge: repeatedly take the first head that appears in no tail.
   Appends to `acc`.  Returns -1 with TypeError when no head qualifies. */
static int c3_merge(PyObject *acc, PyObject **to_merge, Py_ssize_t n)
{
    Py_ssize_t *remain = PyMem_Calloc((size_t)n, sizeof(Py_ssize_t));
    if (remain == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    int res = 0;
    for (;;) {
        int all_empty = 1, placed = 0;
        for (Py_ssize_t i = 0; i < n && !placed; i++) {
            PyObject *seq = to_merge[i];
            if (remain[i] >= PyTuple_GET_SIZE(seq)) {
                continue;
            }
            all_empty = 0;
            PyObject *candidate = PyTuple_GET_ITEM(seq, remain[i]);
            if (in_some_tail(candidate, to_merge, n, remain)) {
                continue;
            }
            if (PyList_Append(acc, candidate) < 0) {
                res = -1;
                goto done;
            }
            for (Py_ssize_t j = 0; j < n; j++) {
                if (remain[j] < PyTuple_GET_SIZE(to_merge[j])
                        && PyTuple_GET_ITEM(to_merge[j], remain[j]) == candidate) {
                    remain[j]++;
                }
            }
            placed = 1;
        }
        if (all_empty) {
            break;
        }
        if (!placed) {
            set_mro_error(to_merge, n, remain);
            res = -1;
            break;
        }
    }
done:
    PyMem_Free(remain);
    return res;
}

static int check_duplicate_bases(PyObject *bases)
{
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *b = PyTuple_GET_ITEM(bases, i);
        for (Py_ssize_t j = i + 1; j < n; j++) {
            if (PyTuple_GET_ITEM(bases, j) == b) {
                PyObject *name = type_short_name(b);
                if (name != NULL) {
                    PyErr_Format(PyExc_TypeError, "duplicate base class %U",
                                 name);
                    Py_DECREF(name);
                }
                return -1;
            }
        }
    }
    return 0;
}

/* type.mro(): (type,) + merge(mro(b) for b in bases, bases). */
static PyObject *mro_implementation(PyTypeObject *type)
{
    PyObject *bases = type->tp_bases;
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTypeObject *base = (PyTypeObject *)PyTuple_GET_ITEM(bases, i);
        if (base->tp_mro == NULL) {
            PyErr_Format(PyExc_TypeError,
                         "Cannot extend an incomplete type '%.100s'",
                         base->tp_name);
            return NULL;
        }
    }
    if (n == 1) {
        /* One base: its MRO is already consistent. */
        PyObject *base_mro = ((PyTypeObject *)PyTuple_GET_ITEM(bases, 0))->tp_mro;
        Py_ssize_t k = PyTuple_GET_SIZE(base_mro);
        PyObject *result = PyTuple_New(k + 1);
        if (result == NULL) {
            return NULL;
        }
        PyTuple_SET_ITEM(result, 0, Py_NewRef(type));
        for (Py_ssize_t i = 0; i < k; i++) {
            PyTuple_SET_ITEM(result, i + 1,
                             Py_NewRef(PyTuple_GET_ITEM(base_mro, i)));
        }
        return result;
    }
    if (check_duplicate_bases(bases) < 0) {
        return NULL;
    }
    PyObject **to_merge = PyMem_Malloc(sizeof(PyObject *) * (size_t)(n + 1));
    if (to_merge == NULL) {
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        to_merge[i] = ((PyTypeObject *)PyTuple_GET_ITEM(bases, i))->tp_mro;
    }
    to_merge[n] = bases;
    PyObject *acc = PyList_New(1);
    if (acc == NULL) {
        PyMem_Free(to_merge);
        return NULL;
    }
    PyList_SET_ITEM(acc, 0, Py_NewRef(type));
    if (c3_merge(acc, to_merge, n + 1) < 0) {
        PyMem_Free(to_merge);
        Py_DECREF(acc);
        return NULL;
    }
    PyMem_Free(to_merge);
    PyObject *result = PyList_AsTuple(acc);
    Py_DECREF(acc);
    return result;
}


/* Validate what a metaclass's mro() returned. */
static int mro_check(PyTypeObject *type, PyObject *mro)
{
    PyTypeObject *solid = _PyType_SolidBase(type);
    Py_ssize_t n = PyTuple_GET_SIZE(mro);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *obj = PyTuple_GET_ITEM(mro, i);
        if (!PyType_Check(obj)) {
            PyErr_Format(PyExc_TypeError,
                         "mro() returned a non-class ('%.500s')",
                         Py_TYPE(obj)->tp_name);
            return -1;
        }
        if (!PyType_IsSubtype(solid, _PyType_SolidBase((PyTypeObject *)obj))) {
            PyErr_Format(PyExc_TypeError,
                         "mro() returned base with unsuitable layout ('%.500s')",
                         ((PyTypeObject *)obj)->tp_name);
            return -1;
        }
    }
    return 0;
}

static PyObject *type_mro_method(PyObject *self, PyObject *Py_UNUSED(ignored));

/* The MRO for type: C3 unless its metaclass overrides mro().  Sets
   *custom when a metaclass method produced it. */
static PyObject *compute_mro(PyTypeObject *type, int *custom)
{
    *custom = 0;
    if (Py_IS_TYPE(type, &PyType_Type)) {
        return mro_implementation(type);
    }
    PyObject *meth = _PyType_LookupRef(Py_TYPE(type), _Py_INTERNED_ID(mro));
    if (meth == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        return mro_implementation(type);
    }
    if (Py_IS_TYPE(meth, &PyMethodDescr_Type)
            && ((PyMethodDescrObject *)meth)->d_method->ml_meth
                   == (PyCFunction)type_mro_method) {
        Py_DECREF(meth);
        return mro_implementation(type);
    }
    *custom = 1;
    PyObject *res;
    descrgetfunc get = Py_TYPE(meth)->tp_descr_get;
    if (get != NULL) {
        PyObject *bound = get(meth, (PyObject *)type, (PyObject *)Py_TYPE(type));
        Py_DECREF(meth);
        if (bound == NULL) {
            return NULL;
        }
        res = _PyObject_CallNoArgs(bound);
        Py_DECREF(bound);
    }
    else {
        res = PyObject_CallOneArg(meth, (PyObject *)type);
        Py_DECREF(meth);
    }
    if (res == NULL) {
        return NULL;
    }
    PyObject *tuple = PySequence_Tuple(res);
    Py_DECREF(res);
    if (tuple == NULL) {
        return NULL;
    }
    if (mro_check(type, tuple) < 0) {
        Py_DECREF(tuple);
        return NULL;
    }
    return tuple;
}

/* A custom MRO may list classes that are not ancestors; modifying those
   would not invalidate this type's tag, so such types are never cached. */
static void check_mro_cacheable(PyTypeObject *type, PyObject *mro, int custom)
{
    if (!custom) {
        return;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(mro);
    for (Py_ssize_t i = 1; i < n; i++) {
        PyTypeObject *cls = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
        if (!type_is_subtype_base_chain(type, cls)) {
            int ancestor = 0;
            PyObject *bases = type->tp_bases;
            for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(bases); j++) {
                if (PyType_IsSubtype((PyTypeObject *)PyTuple_GET_ITEM(bases, j), cls)) {
                    ancestor = 1;
                }
            }
            if (!ancestor) {
                type_set_flags(type, Py_TPFLAGS_HAVE_VERSION_TAG, 0);
                return;
            }
        }
    }
}

/* Retire an MRO tuple that lock-free readers (PyType_IsSubtype) may still
   be walking.  Free-threaded build: it is parked in tp_cache, a list freed
   with the type, since __bases__ assignment is rare.  Default build: the
   GIL makes dropping it safe. */
static void retire_mro(PyTypeObject *type, PyObject *old_mro)
{
    if (old_mro == NULL) {
        return;
    }
#ifdef Py_GIL_DISABLED
    if (type->tp_cache == NULL) {
        type->tp_cache = PyList_New(0);
    }
    if (type->tp_cache != NULL && PyList_Append(type->tp_cache, old_mro) == 0) {
        Py_DECREF(old_mro);
        return;
    }
    /* Out of memory: leaking the tuple is the safe choice. */
    PyErr_Clear();
#else
    Py_DECREF(old_mro);
#endif
}

/* Compute and install type's MRO. */
static int mro_internal(PyTypeObject *type)
{
    int custom;
    PyObject *mro = compute_mro(type, &custom);
    if (mro == NULL) {
        return -1;
    }
    BEGIN_TYPE_LOCK();
    check_mro_cacheable(type, mro, custom);
    PyObject *old = type->tp_mro;
    __atomic_store_n(&type->tp_mro, mro, __ATOMIC_RELEASE);
    retire_mro(type, old);
    END_TYPE_LOCK();
    return 0;
}

/* ---- layout: solid bases ---------------------------------------------------------- */

/* Does type add C-level fields to its base (beyond __dict__/__weakref__)? */
static int extra_ivars(PyTypeObject *type, PyTypeObject *base)
{
    size_t t_size = (size_t)type->tp_basicsize;
    size_t b_size = (size_t)base->tp_basicsize;
    if (type->tp_itemsize || base->tp_itemsize) {
        return t_size != b_size || type->tp_itemsize != base->tp_itemsize;
    }
    if (type->tp_weaklistoffset && base->tp_weaklistoffset == 0
            && type->tp_weaklistoffset + sizeof(PyObject *) == t_size
            && (type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        t_size -= sizeof(PyObject *);
    }
    if (type->tp_dictoffset && base->tp_dictoffset == 0
            && type->tp_dictoffset + sizeof(PyObject *) == t_size
            && (type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        t_size -= sizeof(PyObject *);
    }
    return t_size != b_size;
}

/* The nearest ancestor whose instance layout type shares (borrowed). */
PyTypeObject *_PyType_SolidBase(PyTypeObject *type)
{
    PyTypeObject *base = type->tp_base != NULL ? _PyType_SolidBase(type->tp_base)
                                               : &PyBaseObject_Type;
    return extra_ivars(type, base) ? type : base;
}

/* Do two types add the same slots to the same base? */
static int same_slots_added(PyTypeObject *a, PyTypeObject *b)
{
    PyTypeObject *base = a->tp_base;
    if (base != b->tp_base) {
        return 0;
    }
    Py_ssize_t size = base->tp_basicsize;
    if (a->tp_dictoffset == size && b->tp_dictoffset == size) {
        size += sizeof(PyObject *);
    }
    if (a->tp_weaklistoffset == size && b->tp_weaklistoffset == size) {
        size += sizeof(PyObject *);
    }
    PyObject *slots_a = ((PyHeapTypeObject *)a)->ht_slots;
    PyObject *slots_b = ((PyHeapTypeObject *)b)->ht_slots;
    if (slots_a != NULL && slots_b != NULL) {
        int eq = PyObject_RichCompareBool(slots_a, slots_b, Py_EQ);
        if (eq <= 0) {
            PyErr_Clear();
            return 0;
        }
        size += sizeof(PyObject *) * PyTuple_GET_SIZE(slots_a);
    }
    return size == a->tp_basicsize && size == b->tp_basicsize;
}

/* Can an instance of oldto be re-typed as newto (same memory layout)? */
int _PyType_CompatibleForAssignment(PyTypeObject *oldto, PyTypeObject *newto,
                                    const char *attr)
{
    if (newto->tp_free != oldto->tp_free) {
        PyErr_Format(PyExc_TypeError,
                     "%s assignment: '%s' deallocator differs from '%s'",
                     attr, newto->tp_name, oldto->tp_name);
        return 0;
    }
    PyTypeObject *newbase = _PyType_SolidBase(newto);
    PyTypeObject *oldbase = _PyType_SolidBase(oldto);
    if (newbase != oldbase
            && (newbase->tp_base != oldbase->tp_base
                || !(newbase->tp_flags & Py_TPFLAGS_HEAPTYPE)
                || !(oldbase->tp_flags & Py_TPFLAGS_HEAPTYPE)
                || !same_slots_added(newbase, oldbase))) {
        PyErr_Format(PyExc_TypeError,
                     "%s assignment: '%s' object layout differs from '%s'",
                     attr, newto->tp_name, oldto->tp_name);
        return 0;
    }
    if (newto->tp_dictoffset != oldto->tp_dictoffset
            || newto->tp_weaklistoffset != oldto->tp_weaklistoffset
            || newto->tp_basicsize != oldto->tp_basicsize
            || newto->tp_itemsize != oldto->tp_itemsize) {
        PyErr_Format(PyExc_TypeError,
                     "%s assignment: '%s' object layout differs from '%s'",
                     attr, newto->tp_name, oldto->tp_name);
        return 0;
    }
    return 1;
}

/* ---- PyType_Ready: inheritance ------------------------------------------------------ */

#define SUBCLASS_FLAGS (Py_TPFLAGS_LONG_SUBCLASS | Py_TPFLAGS_LIST_SUBCLASS   \
                        | Py_TPFLAGS_TUPLE_SUBCLASS | Py_TPFLAGS_BYTES_SUBCLASS \
                        | Py_TPFLAGS_UNICODE_SUBCLASS | Py_TPFLAGS_DICT_SUBCLASS \
                        | Py_TPFLAGS_BASE_EXC_SUBCLASS | Py_TPFLAGS_TYPE_SUBCLASS)
#define COLLECTION_FLAGS (Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING)

/* The fast-subclass flag the exact built-in type carries itself. */
static unsigned long own_subclass_flag(PyTypeObject *type)
{
    if (type == &PyLong_Type) return Py_TPFLAGS_LONG_SUBCLASS;
    if (type == &PyList_Type) return Py_TPFLAGS_LIST_SUBCLASS;
    if (type == &PyTuple_Type) return Py_TPFLAGS_TUPLE_SUBCLASS;
    if (type == &PyBytes_Type) return Py_TPFLAGS_BYTES_SUBCLASS;
    if (type == &PyUnicode_Type) return Py_TPFLAGS_UNICODE_SUBCLASS;
    if (type == &PyDict_Type) return Py_TPFLAGS_DICT_SUBCLASS;
    if (type == &PyType_Type) return Py_TPFLAGS_TYPE_SUBCLASS;
    if ((PyObject *)type == PyExc_BaseException) return Py_TPFLAGS_BASE_EXC_SUBCLASS;
    return 0;
}

/* Layout and flags that come from tp_base alone. */
static void inherit_special(PyTypeObject *type, PyTypeObject *base)
{
    unsigned long flags = type->tp_flags | own_subclass_flag(type);
    if (!(flags & Py_TPFLAGS_HAVE_GC) && (base->tp_flags & Py_TPFLAGS_HAVE_GC)
            && type->tp_traverse == NULL && type->tp_clear == NULL) {
        flags |= Py_TPFLAGS_HAVE_GC;
        type->tp_traverse = base->tp_traverse;
        type->tp_clear = base->tp_clear;
    }
    flags |= base->tp_flags & SUBCLASS_FLAGS;
    type->tp_flags = flags;
    if (type->tp_basicsize == 0) {
        type->tp_basicsize = base->tp_basicsize;
    }
    if (type->tp_itemsize == 0) {
        type->tp_itemsize = base->tp_itemsize;
    }
    if (type->tp_weaklistoffset == 0) {
        type->tp_weaklistoffset = base->tp_weaklistoffset;
    }
    if (type->tp_dictoffset == 0) {
        type->tp_dictoffset = base->tp_dictoffset;
    }
    /* A static type without a slot table shares its base's. */
    if (type->tp_as_async == NULL) type->tp_as_async = base->tp_as_async;
    if (type->tp_as_number == NULL) type->tp_as_number = base->tp_as_number;
    if (type->tp_as_sequence == NULL) type->tp_as_sequence = base->tp_as_sequence;
    if (type->tp_as_mapping == NULL) type->tp_as_mapping = base->tp_as_mapping;
    if (type->tp_as_buffer == NULL) type->tp_as_buffer = base->tp_as_buffer;
}

/* Does the type's own dict define __eq__ or __hash__?  Then neither of
   tp_richcompare/tp_hash may be inherited alone. */
static int overrides_hash(PyTypeObject *type)
{
    PyObject *dict = type->tp_dict;
    int r = PyDict_Contains(dict, _Py_INTERNED_ID(__eq__));
    if (r == 0) {
        r = PyDict_Contains(dict, _Py_INTERNED_ID(__hash__));
    }
    return r;
}

/* A slot counts as defined by `base` only if it differs from base's own
   base, so each slot comes from the MRO entry that really defines it. */
#define SLOT_DEFINED(base, basebase, FIELD) \
    ((base)->FIELD != NULL && ((basebase) == NULL || (base)->FIELD != (basebase)->FIELD))
#define COPY_SLOT(FIELD)                                                \
    do {                                                                \
        if (type->FIELD == NULL && SLOT_DEFINED(base, basebase, FIELD)) { \
            type->FIELD = base->FIELD;                                  \
        }                                                               \
    } while (0)

#define COPY_SUBSLOT(TABLE, FIELD)                                      \
    do {                                                                \
        if (type->TABLE->FIELD == NULL && base->TABLE->FIELD != NULL    \
                && (basebase == NULL || basebase->TABLE == NULL         \
                    || base->TABLE->FIELD != basebase->TABLE->FIELD)) { \
            type->TABLE->FIELD = base->TABLE->FIELD;                    \
        }                                                               \
    } while (0)

static void inherit_number_slots(PyTypeObject *type, PyTypeObject *base,
                                 PyTypeObject *basebase)
{
    if (type->tp_as_number == NULL || base->tp_as_number == NULL
            || type->tp_as_number == base->tp_as_number) {
        return;
    }
    COPY_SUBSLOT(tp_as_number, nb_add);
    COPY_SUBSLOT(tp_as_number, nb_subtract);
    COPY_SUBSLOT(tp_as_number, nb_multiply);
    COPY_SUBSLOT(tp_as_number, nb_remainder);
    COPY_SUBSLOT(tp_as_number, nb_divmod);
    COPY_SUBSLOT(tp_as_number, nb_power);
    COPY_SUBSLOT(tp_as_number, nb_negative);
    COPY_SUBSLOT(tp_as_number, nb_positive);
    COPY_SUBSLOT(tp_as_number, nb_absolute);
    COPY_SUBSLOT(tp_as_number, nb_bool);
    COPY_SUBSLOT(tp_as_number, nb_invert);
    COPY_SUBSLOT(tp_as_number, nb_lshift);
    COPY_SUBSLOT(tp_as_number, nb_rshift);
    COPY_SUBSLOT(tp_as_number, nb_and);
    COPY_SUBSLOT(tp_as_number, nb_xor);
    COPY_SUBSLOT(tp_as_number, nb_or);
    COPY_SUBSLOT(tp_as_number, nb_int);
    COPY_SUBSLOT(tp_as_number, nb_float);
    COPY_SUBSLOT(tp_as_number, nb_inplace_add);
    COPY_SUBSLOT(tp_as_number, nb_inplace_subtract);
    COPY_SUBSLOT(tp_as_number, nb_inplace_multiply);
    COPY_SUBSLOT(tp_as_number, nb_inplace_remainder);
    COPY_SUBSLOT(tp_as_number, nb_inplace_power);
    COPY_SUBSLOT(tp_as_number, nb_inplace_lshift);
    COPY_SUBSLOT(tp_as_number, nb_inplace_rshift);
    COPY_SUBSLOT(tp_as_number, nb_inplace_and);
    COPY_SUBSLOT(tp_as_number, nb_inplace_xor);
    COPY_SUBSLOT(tp_as_number, nb_inplace_or);
    COPY_SUBSLOT(tp_as_number, nb_true_divide);
    COPY_SUBSLOT(tp_as_number, nb_floor_divide);
    COPY_SUBSLOT(tp_as_number, nb_inplace_true_divide);
    COPY_SUBSLOT(tp_as_number, nb_inplace_floor_divide);
    COPY_SUBSLOT(tp_as_number, nb_index);
    COPY_SUBSLOT(tp_as_number, nb_matrix_multiply);
    COPY_SUBSLOT(tp_as_number, nb_inplace_matrix_multiply);
}

static void inherit_container_slots(PyTypeObject *type, PyTypeObject *base,
                                    PyTypeObject *basebase)
{
    if (type->tp_as_async != NULL && base->tp_as_async != NULL
            && type->tp_as_async != base->tp_as_async) {
        COPY_SUBSLOT(tp_as_async, am_await);
        COPY_SUBSLOT(tp_as_async, am_aiter);
        COPY_SUBSLOT(tp_as_async, am_anext);
        COPY_SUBSLOT(tp_as_async, am_send);
    }
    if (type->tp_as_sequence != NULL && base->tp_as_sequence != NULL
            && type->tp_as_sequence != base->tp_as_sequence) {
        COPY_SUBSLOT(tp_as_sequence, sq_length);
        COPY_SUBSLOT(tp_as_sequence, sq_concat);
        COPY_SUBSLOT(tp_as_sequence, sq_repeat);
        COPY_SUBSLOT(tp_as_sequence, sq_item);
        COPY_SUBSLOT(tp_as_sequence, sq_ass_item);
        COPY_SUBSLOT(tp_as_sequence, sq_contains);
        COPY_SUBSLOT(tp_as_sequence, sq_inplace_concat);
        COPY_SUBSLOT(tp_as_sequence, sq_inplace_repeat);
    }
    if (type->tp_as_mapping != NULL && base->tp_as_mapping != NULL
            && type->tp_as_mapping != base->tp_as_mapping) {
        COPY_SUBSLOT(tp_as_mapping, mp_length);
        COPY_SUBSLOT(tp_as_mapping, mp_subscript);
        COPY_SUBSLOT(tp_as_mapping, mp_ass_subscript);
    }
    if (type->tp_as_buffer != NULL && base->tp_as_buffer != NULL
            && type->tp_as_buffer != base->tp_as_buffer) {
        COPY_SUBSLOT(tp_as_buffer, bf_getbuffer);
        COPY_SUBSLOT(tp_as_buffer, bf_releasebuffer);
    }
}

/* Copy every slot type leaves NULL from `base`, one MRO entry. */
static int inherit_slots(PyTypeObject *type, PyTypeObject *base)
{
    PyTypeObject *basebase = base->tp_base;
    inherit_number_slots(type, base, basebase);
    inherit_container_slots(type, base, basebase);

    COPY_SLOT(tp_dealloc);
    if (type->tp_getattr == NULL && type->tp_getattro == NULL) {
        type->tp_getattr = base->tp_getattr;
        type->tp_getattro = base->tp_getattro;
    }
    if (type->tp_setattr == NULL && type->tp_setattro == NULL) {
        type->tp_setattr = base->tp_setattr;
        type->tp_setattro = base->tp_setattro;
    }
    COPY_SLOT(tp_repr);
    if (type->tp_call == NULL && base->tp_call != NULL) {
        type->tp_call = base->tp_call;
        /* The vectorcall entry point lives in instances of base's
           layout; inherit it with tp_call for types created in C. */
        if ((base->tp_flags & Py_TPFLAGS_HAVE_VECTORCALL)
                && !(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
            type->tp_vectorcall_offset = base->tp_vectorcall_offset;
            type->tp_flags |= Py_TPFLAGS_HAVE_VECTORCALL;
        }
    }
    COPY_SLOT(tp_str);
    if (type->tp_richcompare == NULL && type->tp_hash == NULL) {
        int r = overrides_hash(type);
        if (r < 0) {
            return -1;
        }
        if (!r) {
            type->tp_richcompare = base->tp_richcompare;
            type->tp_hash = base->tp_hash;
        }
    }
    COPY_SLOT(tp_iter);
    COPY_SLOT(tp_iternext);
    COPY_SLOT(tp_descr_get);
    if (base->tp_descr_get != NULL && type->tp_descr_get == base->tp_descr_get
            && (base->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR)) {
        type->tp_flags |= Py_TPFLAGS_METHOD_DESCRIPTOR;
    }
    COPY_SLOT(tp_descr_set);
    COPY_SLOT(tp_init);
    COPY_SLOT(tp_alloc);
    COPY_SLOT(tp_is_gc);
    COPY_SLOT(tp_finalize);
    if ((type->tp_flags & Py_TPFLAGS_HAVE_GC) == (base->tp_flags & Py_TPFLAGS_HAVE_GC)) {
        COPY_SLOT(tp_free);
    }
    else if ((type->tp_flags & Py_TPFLAGS_HAVE_GC) && type->tp_free == NULL
             && (base->tp_free == NULL || base->tp_free == PyObject_Free)) {
        /* A GC subtype of a non-GC base must free through the collector. */
        type->tp_free = PyObject_GC_Del;
    }
    return 0;
}

#undef COPY_SLOT
#undef COPY_SUBSLOT
#undef SLOT_DEFINED

/* ---- PyType_Ready: filling the dict ------------------------------------------------ */

static int dict_add(PyObject *dict, PyObject *name, PyObject *value,
                    int overwrite)
{
    if (overwrite) {
        return PyDict_SetItem(dict, name, value);
    }
    return PyDict_SetDefaultRef(dict, name, value, NULL) < 0 ? -1 : 0;
}

/* A descriptor the type's dict will hold: every thread that calls
   `items.append` or reads `obj.attr` through it takes a reference
   (LOAD_ATTR_METHOD's cached descriptor, the generic lookup), so it gets
   deferred counting like the functions of a class (pycore_object.h): made
   immortal when the first extra thread starts.  It lives as long as its
   type, which is itself deferred (heap types) or static. */
static PyObject *shared_descriptor(PyObject *descr)
{
    if (descr != NULL) {
        _PyObject_SetDeferredRefcount(descr);
    }
    return descr;
}

static int add_methods(PyTypeObject *type, PyMethodDef *meth)
{
    PyObject *dict = type->tp_dict;
    for (; meth->ml_name != NULL; meth++) {
        PyObject *descr;
        if ((meth->ml_flags & METH_CLASS) && (meth->ml_flags & METH_STATIC)) {
            PyErr_SetString(PyExc_ValueError,
                            "method cannot be both class and static");
            return -1;
        }
        if (meth->ml_flags & METH_CLASS) {
            descr = PyDescr_NewClassMethod(type, meth);
        }
        else if (meth->ml_flags & METH_STATIC) {
            /* A staticmethod around a built-in function whose self is
               the type, as in CPython: the type's self gives __qualname__,
               __reduce__ (pickling) and repr; calls pass no self
               (METH_STATIC).  PyStaticMethod_New only allocates, so this
               is safe while the built-in types are being made. */
            PyObject *cfunc = PyCFunction_NewEx(meth, (PyObject *)type, NULL);
            if (cfunc == NULL) {
                return -1;
            }
            descr = PyStaticMethod_New(cfunc);
            Py_DECREF(cfunc);
        }
        else {
            descr = PyDescr_NewMethod(type, meth);
        }
        if (shared_descriptor(descr) == NULL) {
            return -1;
        }
        PyObject *name = PyUnicode_InternFromString(meth->ml_name);
        int rc = name == NULL ? -1
                              : dict_add(dict, name, descr,
                                         meth->ml_flags & METH_COEXIST);
        Py_XDECREF(name);
        Py_DECREF(descr);
        if (rc < 0) {
            return -1;
        }
    }
    return 0;
}

static int add_members(PyTypeObject *type, PyMemberDef *memb)
{
    for (; memb->name != NULL; memb++) {
        PyObject *descr = shared_descriptor(PyDescr_NewMember(type, memb));
        if (descr == NULL) {
            return -1;
        }
        int rc = dict_add(type->tp_dict, PyDescr_NAME(descr), descr, 0);
        Py_DECREF(descr);
        if (rc < 0) {
            return -1;
        }
    }
    return 0;
}

static int add_getset(PyTypeObject *type, PyGetSetDef *gsp)
{
    for (; gsp->name != NULL; gsp++) {
        PyObject *descr = shared_descriptor(PyDescr_NewGetSet(type, gsp));
        if (descr == NULL) {
            return -1;
        }
        int rc = dict_add(type->tp_dict, PyDescr_NAME(descr), descr, 0);
        Py_DECREF(descr);
        if (rc < 0) {
            return -1;
        }
    }
    return 0;
}

/* Docstrings may begin with "name(signature)\n--\n\n" (Argument Clinic's
   convention); return the start of the signature's "(" or NULL. */
static const char *find_signature(const char *name, const char *doc)
{
    if (doc == NULL) {
        return NULL;
    }
    const char *dot = strrchr(name, '.');
    if (dot != NULL) {
        name = dot + 1;
    }
    size_t len = strlen(name);
    if (strncmp(doc, name, len) != 0 || doc[len] != '(') {
        return NULL;
    }
    return doc + len;
}

#define SIGNATURE_END_MARKER ")\n--\n\n"

/* The end of the signature (its ")"), or NULL if doc has none. */
static const char *skip_signature(const char *sig)
{
    const char *end = strstr(sig, SIGNATURE_END_MARKER);
    if (end == NULL) {
        return NULL;
    }
    /* A blank line before the marker means it was not a signature. */
    const char *blank = strstr(sig, "\n\n");
    if (blank != NULL && blank < end) {
        return NULL;
    }
    return end;
}

PyObject *_PyType_GetDocFromInternalDoc(const char *name,
                                        const char *internal_doc)
{
    const char *sig = find_signature(name, internal_doc);
    const char *end = sig != NULL ? skip_signature(sig) : NULL;
    const char *doc = internal_doc;
    if (end != NULL) {
        doc = end + strlen(SIGNATURE_END_MARKER);
    }
    if (doc == NULL || *doc == '\0') {
        Py_RETURN_NONE;
    }
    return PyUnicode_FromString(doc);
}

PyObject *_PyType_GetTextSignatureFromInternalDoc(const char *name,
                                                  const char *internal_doc)
{
    const char *sig = find_signature(name, internal_doc);
    const char *end = sig != NULL ? skip_signature(sig) : NULL;
    if (end == NULL) {
        Py_RETURN_NONE;
    }
    /* Keep the closing parenthesis. */
    return PyUnicode_FromStringAndSize(sig, end - sig + 1);
}

static int type_ready_fill_dict(PyTypeObject *type)
{
    if (_PyType_AddSlotWrappers(type) < 0) {
        return -1;
    }
    if (type->tp_methods != NULL && add_methods(type, type->tp_methods) < 0) {
        return -1;
    }
    if (type->tp_members != NULL && add_members(type, type->tp_members) < 0) {
        return -1;
    }
    if (type->tp_getset != NULL && add_getset(type, type->tp_getset) < 0) {
        return -1;
    }
    int r = PyDict_Contains(type->tp_dict, _Py_INTERNED_ID(__doc__));
    if (r != 0) {
        return r < 0 ? -1 : 0;
    }
    PyObject *doc;
    if (type->tp_doc != NULL) {
        doc = _PyType_GetDocFromInternalDoc(type->tp_name, type->tp_doc);
        if (doc == NULL) {
            return -1;
        }
    }
    else {
        doc = Py_None;
    }
    r = PyDict_SetItem(type->tp_dict, _Py_INTERNED_ID(__doc__), doc);
    Py_DECREF(doc);
    return r;
}

/* __new__: a built-in function bound to the type that defines tp_new. */
static PyMethodDef tp_new_methoddef = {
    "__new__", _PyCFunction_CAST(_PyType_NewWrapper), METH_VARARGS | METH_KEYWORDS,
    "__new__($type, *args, **kwargs)\n--\n\n"
    "Create and return a new object.  "
    "See help(type) for accurate signature."
};

static int type_ready_set_new(PyTypeObject *type)
{
    PyTypeObject *base = type->tp_base;
    if (type->tp_new == NULL && base == &PyBaseObject_Type
            && !(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        type->tp_flags |= Py_TPFLAGS_DISALLOW_INSTANTIATION;
    }
    if (type->tp_flags & Py_TPFLAGS_DISALLOW_INSTANTIATION) {
        type->tp_new = NULL;
        return 0;
    }
    if (type->tp_new == NULL) {
        type->tp_new = base != NULL ? base->tp_new : NULL;
        return 0;
    }
    int r = PyDict_Contains(type->tp_dict, _Py_INTERNED_ID(__new__));
    if (r != 0) {
        return r < 0 ? -1 : 0;
    }
    PyObject *func = PyCFunction_NewEx(&tp_new_methoddef, (PyObject *)type,
                                       NULL);
    if (func == NULL) {
        return -1;
    }
    r = PyDict_SetItem(type->tp_dict, _Py_INTERNED_ID(__new__), func);
    Py_DECREF(func);
    return r;
}

/* A type that ends up without tp_hash (it defines __eq__ but not
   __hash__) is unhashable: __hash__ = None. */
static int type_ready_set_hash(PyTypeObject *type)
{
    if (type->tp_hash != NULL) {
        return 0;
    }
    int r = PyDict_Contains(type->tp_dict, _Py_INTERNED_ID(__hash__));
    if (r < 0) {
        return -1;
    }
    if (r == 0 && PyDict_SetItem(type->tp_dict, _Py_INTERNED_ID(__hash__),
                                 Py_None) < 0) {
        return -1;
    }
    type->tp_hash = PyObject_HashNotImplemented;
    return 0;
}

static int type_ready_bases(PyTypeObject *type)
{
    PyTypeObject *base = type->tp_base;
    if (base == NULL && type != &PyBaseObject_Type) {
        base = &PyBaseObject_Type;
        type->tp_base = (type->tp_flags & Py_TPFLAGS_HEAPTYPE)
                            ? (PyTypeObject *)Py_NewRef(base) : base;
    }
    if (base != NULL && !(base->tp_flags & Py_TPFLAGS_READY)
            && PyType_Ready(base) < 0) {
        return -1;
    }
    if (Py_TYPE(type) == NULL && base != NULL) {
        Py_SET_TYPE(type, Py_TYPE(base));
    }
    if (type->tp_bases == NULL) {
        type->tp_bases = base != NULL ? PyTuple_Pack(1, base) : PyTuple_New(0);
        if (type->tp_bases == NULL) {
            return -1;
        }
    }
    PyObject *bases = type->tp_bases;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(bases); i++) {
        PyTypeObject *b = (PyTypeObject *)PyTuple_GET_ITEM(bases, i);
        if (!(b->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(b) < 0) {
            return -1;
        }
    }
    return 0;
}

static int type_ready(PyTypeObject *type)
{
    if (type->tp_name == NULL) {
        PyErr_Format(PyExc_SystemError,
                     "Type does not define the tp_name field.");
        return -1;
    }
    if (type_ready_bases(type) < 0) {
        return -1;
    }
    if (type->tp_dict == NULL) {
        type->tp_dict = PyDict_New();
        if (type->tp_dict == NULL) {
            return -1;
        }
    }
    if (type_ready_fill_dict(type) < 0) {
        return -1;
    }
    if (mro_internal(type) < 0) {
        return -1;
    }
    PyTypeObject *base = type->tp_base;
    if (base != NULL) {
        inherit_special(type, base);
    }
    else {
        type->tp_flags |= own_subclass_flag(type);
    }
    if (type_ready_set_new(type) < 0) {
        return -1;
    }
    PyObject *mro = type->tp_mro;
    for (Py_ssize_t i = 1; i < PyTuple_GET_SIZE(mro); i++) {
        PyTypeObject *b = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
        if (inherit_slots(type, b) < 0) {
            return -1;
        }
        /* Sequence or mapping for match: the first class along the MRO
           that is either decides (tp_base may be neither). */
        if (!(type->tp_flags & COLLECTION_FLAGS)) {
            type->tp_flags |= b->tp_flags & COLLECTION_FLAGS;
        }
    }
    if (type_ready_set_hash(type) < 0) {
        return -1;
    }
    if (add_all_subclasses(type, type->tp_bases) < 0) {
        return -1;
    }
    return 0;
}

int PyType_Ready(PyTypeObject *type)
{
    /* READYING: Python code run while the type is readied (a metaclass's
       mro()) uses it as far as it got, without readying it again. */
    if (type->tp_flags & (Py_TPFLAGS_READY | Py_TPFLAGS_READYING)) {
        return 0;
    }
    type->tp_flags |= Py_TPFLAGS_READYING | Py_TPFLAGS_HAVE_VERSION_TAG;
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        /* Static types are immortal; their header says so already, but a
           type whose ob_type was left NULL still needs the flag set. */
        type->tp_flags |= Py_TPFLAGS_IMMUTABLETYPE;
    }
    int rc = type_ready(type);
    unsigned long flags = type->tp_flags & ~Py_TPFLAGS_READYING;
    if (rc == 0) {
        flags |= Py_TPFLAGS_READY;
    }
    __atomic_store_n(&type->tp_flags, flags, __ATOMIC_RELEASE);
    return rc;
}

/* ---- allocation ---------------------------------------------------------------- */

/* Zeroed memory for an instance with room for nitems items (one extra,
   for the sentinel some var-sized types keep), GC-tracked if the type is
   a GC type. */
PyObject *PyType_GenericAlloc(PyTypeObject *type, Py_ssize_t nitems)
{
    if (nitems < 0 || (type->tp_itemsize != 0 && (size_t)nitems >=
            ((size_t)PY_SSIZE_T_MAX - (size_t)type->tp_basicsize)
                / (size_t)type->tp_itemsize)) {
        return PyErr_NoMemory();
    }
    size_t size = _PyObject_VAR_SIZE(type, nitems + 1);
    int is_gc = (type->tp_flags & Py_TPFLAGS_HAVE_GC) != 0;
    PyObject *obj = is_gc ? _PyObject_GC_Malloc(size) : PyObject_Malloc(size);
    if (obj == NULL) {
        return is_gc ? NULL : PyErr_NoMemory();
    }
    memset(obj, 0, size);
    if (type->tp_itemsize == 0) {
        _PyObject_Init(obj, type);
    }
    else {
        _PyObject_InitVar((PyVarObject *)obj, type, nitems);
    }
    if (is_gc) {
        PyObject_GC_Track(obj);
    }
    return obj;
}

PyObject *PyType_GenericNew(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return type->tp_alloc(type, 0);
}


/* ---- type: lifetime ----------------------------------------------------------------- */

static void clear_heaptype_fields(PyTypeObject *type)
{
    PyHeapTypeObject *et = (PyHeapTypeObject *)type;
    Py_CLEAR(type->tp_dict);
    Py_CLEAR(type->tp_mro);
    Py_CLEAR(type->tp_bases);
    Py_CLEAR(type->tp_base);
    Py_CLEAR(type->tp_cache);
    Py_CLEAR(et->ht_module);
}

/* Only heap types get here: static types are immortal. */
static void type_dealloc(PyObject *self)
{
    PyTypeObject *type = (PyTypeObject *)self;
    PyHeapTypeObject *et = (PyHeapTypeObject *)type;
    PyObject_GC_UnTrack(type);
    remove_all_subclasses(type, type->tp_bases);
    PyType_Modified(type);
    if (type->tp_weaklist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    clear_heaptype_fields(type);
    _PyType_FreeSharedKeys(type);
    Py_CLEAR(type->tp_subclasses);
    PyObject_Free((char *)type->tp_doc);
    Py_XDECREF(et->ht_name);
    Py_XDECREF(et->ht_qualname);
    Py_XDECREF(et->ht_slots);
    PyMem_Free(et->_ht_tpname);
    Py_TYPE(type)->tp_free(self);
}

static int type_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        return 0;
    }
    Py_VISIT(type->tp_dict);
    Py_VISIT(type->tp_cache);
    Py_VISIT(type->tp_mro);
    Py_VISIT(type->tp_bases);
    Py_VISIT(type->tp_base);
    Py_VISIT(((PyHeapTypeObject *)type)->ht_module);
    /* A heap metaclass is visited by its own _PyType_SubtypeTraverse. */
    return 0;
}

/* Break cycles through the type's dict and MRO.  The dict is emptied,
   not dropped, so lookups during collection see an empty class. */
static int type_clear(PyObject *self)
{
    PyTypeObject *type = (PyTypeObject *)self;
    PyType_Modified(type);
    if (type->tp_dict != NULL) {
        PyDict_Clear(type->tp_dict);
    }
    Py_CLEAR(type->tp_mro);
    Py_CLEAR(((PyHeapTypeObject *)type)->ht_module);
    return 0;
}

static int type_is_gc(PyObject *self)
{
    return (((PyTypeObject *)self)->tp_flags & Py_TPFLAGS_HEAPTYPE) != 0;
}

/* ---- type: repr and call -------------------------------------------------------------- */

static PyObject *type_repr(PyObject *self)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (type->tp_name == NULL) {
        return PyUnicode_FromFormat("<class at %p>", type);
    }
    PyObject *mod = type_module_obj(type);
    if (mod == NULL) {
        PyErr_Clear();
    }
    else if (!PyUnicode_Check(mod)) {
        Py_CLEAR(mod);
    }
    PyObject *name = type_qualname_obj(type);
    if (name == NULL) {
        Py_XDECREF(mod);
        return NULL;
    }
    PyObject *res;
    if (mod != NULL && !_PyUnicode_EqualToASCIIString(mod, "builtins")) {
        res = PyUnicode_FromFormat("<class '%U.%U'>", mod, name);
    }
    else {
        res = PyUnicode_FromFormat("<class '%s'>", type->tp_name);
    }
    Py_XDECREF(mod);
    Py_DECREF(name);
    return res;
}

/* Calling a class: obj = tp_new(...); then tp_init(obj, ...) when obj is
   an instance of the class.  type(x) is special-cased. */
static PyObject *type_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyTypeObject *type = (PyTypeObject *)self;
    PyThreadState *tstate = _PyThreadState_GET();
    if (type == &PyType_Type) {
        Py_ssize_t nargs = PyTuple_GET_SIZE(args);
        if (nargs == 1 && (kwds == NULL || PyDict_GET_SIZE(kwds) == 0)) {
            return Py_NewRef(Py_TYPE(PyTuple_GET_ITEM(args, 0)));
        }
        if (nargs != 3) {
            PyErr_SetString(PyExc_TypeError, "type() takes 1 or 3 arguments");
            return NULL;
        }
    }
    if (type->tp_new == NULL) {
        PyErr_Format(PyExc_TypeError, "cannot create '%s' instances",
                     type->tp_name);
        return NULL;
    }
    PyObject *obj = type->tp_new(type, args, kwds);
    obj = _Py_CheckFunctionResult(tstate, self, obj, NULL);
    if (obj == NULL || !PyObject_TypeCheck(obj, type)) {
        return obj;
    }
    type = Py_TYPE(obj);
    if (type->tp_init != NULL) {
        int res = type->tp_init(obj, args, kwds);
        if (res < 0) {
            Py_DECREF(obj);
            return NULL;
        }
    }
    return obj;
}

/* type(x) without building an argument tuple. */
static PyObject *type_vectorcall(PyObject *metatype, PyObject *const *args,
                                 size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs == 1 && metatype == (PyObject *)&PyType_Type
            && (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0)) {
        return Py_NewRef(Py_TYPE(args[0]));
    }
    return _PyObject_MakeTpCall(_PyThreadState_GET(), metatype, args, nargs,
                                kwnames);
}

static int type_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs == 1 && kwds != NULL && PyDict_Check(kwds)
            && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError,
                        "type.__init__() takes no keyword arguments");
        return -1;
    }
    if (nargs != 1 && nargs != 3) {
        PyErr_SetString(PyExc_TypeError,
                        "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

static PyObject *type_new(PyTypeObject *metatype, PyObject *args, PyObject *kwds)
{
    return _PyType_NewImpl(metatype, args, kwds);
}

/* ---- type: attribute access ---------------------------------------------------------- */

/* Lookup on a class: a data descriptor of the metaclass, then the class's
   own MRO (binding descriptors with instance NULL), then anything else the
   metaclass has. */
PyObject *_Py_type_getattro_impl(PyTypeObject *type, PyObject *name,
                                 int suppress)
{
    PyTypeObject *metatype = Py_TYPE(type);
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError,
                     "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    if (!(type->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(type) < 0) {
        return NULL;
    }
    PyObject *res;
    descrgetfunc meta_get = NULL;
    PyObject *meta_attribute = _PyType_LookupRef(metatype, name);
    if (meta_attribute != NULL) {
        meta_get = Py_TYPE(meta_attribute)->tp_descr_get;
        if (meta_get != NULL && Py_TYPE(meta_attribute)->tp_descr_set != NULL) {
            res = meta_get(meta_attribute, (PyObject *)type, (PyObject *)metatype);
            Py_DECREF(meta_attribute);
            goto done;
        }
    }
    PyObject *attribute = _PyType_LookupRef(type, name);
    if (attribute != NULL) {
        Py_XDECREF(meta_attribute);
        descrgetfunc local_get = Py_TYPE(attribute)->tp_descr_get;
        if (local_get != NULL) {
            res = local_get(attribute, NULL, (PyObject *)type);
            Py_DECREF(attribute);
            goto done;
        }
        return attribute;
    }
    if (meta_get != NULL) {
        res = meta_get(meta_attribute, (PyObject *)type, (PyObject *)metatype);
        Py_DECREF(meta_attribute);
        goto done;
    }
    if (meta_attribute != NULL) {
        return meta_attribute;
    }
    if (!suppress) {
        PyErr_Format(PyExc_AttributeError,
                     "type object '%.100s' has no attribute '%U'",
                     type->tp_name, name);
        _PyObject_SetAttributeErrorContext((PyObject *)type, name);
    }
    return NULL;
done:
    if (res == NULL && suppress && PyErr_ExceptionMatches(PyExc_AttributeError)) {
        PyErr_Clear();
    }
    return res;
}

PyObject *_Py_type_getattro(PyObject *type, PyObject *name)
{
    return _Py_type_getattro_impl((PyTypeObject *)type, name, 0);
}

static int is_dunder_name(PyObject *name)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(name);
    return len > 4 && PyUnicode_READ_CHAR(name, 0) == '_'
           && PyUnicode_READ_CHAR(name, 1) == '_'
           && PyUnicode_READ_CHAR(name, len - 1) == '_'
           && PyUnicode_READ_CHAR(name, len - 2) == '_';
}

/* Store into (value == NULL: delete from) the class dict and keep the
   version tags, the method cache and the slots consistent: see rule 2
   at the top of this file. */
static int type_dict_store(PyTypeObject *type, PyObject *name, PyObject *value)
{
    int res;
    BEGIN_TYPE_LOCK();
    type_modified_locked(type);
    if (value != NULL) {
        res = PyDict_SetItem(type->tp_dict, name, value);
    }
    else {
        res = PyDict_Pop(type->tp_dict, name, NULL);
        if (res == 0) {
            PyErr_Format(PyExc_AttributeError,
                         "type object '%.50s' has no attribute '%U'",
                         type->tp_name, name);
            res = -1;
        }
        else if (res > 0) {
            res = 0;
        }
    }
    type_modified_locked(type);
    if (res == 0 && is_dunder_name(name)) {
        res = _PyType_UpdateSlot(type, name);
    }
    END_TYPE_LOCK();
    return res;
}

static int type_setattro(PyObject *self, PyObject *name, PyObject *value)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (type->tp_flags & Py_TPFLAGS_IMMUTABLETYPE) {
        PyErr_Format(PyExc_TypeError,
                     "cannot set %R attribute of immutable type '%s'",
                     name, type->tp_name);
        return -1;
    }
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError,
                     "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    Py_INCREF(name);
    if (PyUnicode_CheckExact(name)) {
        PyUnicode_InternInPlace(&name);
    }
    int res;
    PyObject *descr = _PyType_LookupRef(Py_TYPE(type), name);
    if (descr != NULL && Py_TYPE(descr)->tp_descr_set != NULL) {
        res = Py_TYPE(descr)->tp_descr_set(descr, self, value);
    }
    else {
        res = type_dict_store(type, name, value);
    }
    Py_XDECREF(descr);
    Py_DECREF(name);
    return res;
}

/* ---- type: special attributes ------------------------------------------------------ */

/* Only heap types may have these attributes changed or deleted. */
static int check_set_special_type_attr(PyTypeObject *type, PyObject *value,
                                       const char *name)
{
    if (type->tp_flags & Py_TPFLAGS_IMMUTABLETYPE) {
        PyErr_Format(PyExc_TypeError,
                     "cannot set '%s' attribute of immutable type '%s'",
                     name, type->tp_name);
        return 0;
    }
    if (value == NULL) {
        PyErr_Format(PyExc_TypeError,
                     "cannot delete '%s' attribute of immutable type '%s'",
                     name, type->tp_name);
        return 0;
    }
    return 1;
}

static PyObject *type_get_name(PyObject *self, void *closure)
{
    return type_name_obj((PyTypeObject *)self);
}

static int type_set_name(PyObject *self, PyObject *value, void *closure)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!check_set_special_type_attr(type, value, "__name__")) {
        return -1;
    }
    if (!PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError,
                     "can only assign string to %s.__name__, not '%s'",
                     type->tp_name, Py_TYPE(value)->tp_name);
        return -1;
    }
    Py_ssize_t size;
    const char *tp_name = PyUnicode_AsUTF8AndSize(value, &size);
    if (tp_name == NULL) {
        return -1;
    }
    if (strlen(tp_name) != (size_t)size) {
        PyErr_SetString(PyExc_ValueError,
                        "type name must not contain null characters");
        return -1;
    }
    char *copy = PyMem_Malloc((size_t)size + 1);
    if (copy == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memcpy(copy, tp_name, (size_t)size + 1);
    PyHeapTypeObject *et = (PyHeapTypeObject *)type;
    char *old_name;
    PyObject *old_obj;
    BEGIN_TYPE_LOCK();
    old_name = et->_ht_tpname;
    old_obj = et->ht_name;
    et->_ht_tpname = copy;
    type->tp_name = copy;
    et->ht_name = Py_NewRef(value);
    type_modified_locked(type);
    END_TYPE_LOCK();
    /* Another thread may be formatting an error message with the old
       tp_name right now: free it only once every thread has passed a
       quiescent point (immediately in the default build). */
    _PyMem_FreeDelayed(old_name);
    Py_DECREF(old_obj);
    return 0;
}

static PyObject *type_get_qualname(PyObject *self, void *closure)
{
    return type_qualname_obj((PyTypeObject *)self);
}

static int type_set_qualname(PyObject *self, PyObject *value, void *closure)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!check_set_special_type_attr(type, value, "__qualname__")) {
        return -1;
    }
    if (!PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError,
                     "can only assign string to %s.__qualname__, not '%s'",
                     type->tp_name, Py_TYPE(value)->tp_name);
        return -1;
    }
    PyHeapTypeObject *et = (PyHeapTypeObject *)type;
    PyObject *old;
    BEGIN_TYPE_LOCK();
    old = et->ht_qualname;
    et->ht_qualname = Py_NewRef(value);
    type_modified_locked(type);
    END_TYPE_LOCK();
    Py_DECREF(old);
    return 0;
}

static PyObject *type_get_module(PyObject *self, void *closure)
{
    return type_module_obj((PyTypeObject *)self);
}

static int type_set_module(PyObject *self, PyObject *value, void *closure)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!check_set_special_type_attr(type, value, "__module__")) {
        return -1;
    }
    if (type_dict_store(type, _Py_INTERNED_ID(__module__), value) < 0) {
        return -1;
    }
    /* As CPython 3.13: the line a class statement started on belongs to
       the old module's source, so a class moved elsewhere forgets it.
       The type lock guards the dict, as in type_dict_store. */
    int res;
    BEGIN_TYPE_LOCK();
    res = PyDict_Pop(type->tp_dict, _Py_INTERNED_ID(__firstlineno__), NULL);
    if (res > 0) {
        type_modified_locked(type);
    }
    END_TYPE_LOCK();
    return res < 0 ? -1 : 0;
}

static PyObject *type_get_mro(PyObject *self, void *closure)
{
    PyObject *mro = _PyType_GetMRO((PyTypeObject *)self);
    return mro != NULL ? mro : Py_NewRef(Py_None);
}

static PyObject *type_get_bases(PyObject *self, void *closure)
{
    PyObject *bases = _PyType_GetBases((PyTypeObject *)self);
    return bases != NULL ? bases : Py_NewRef(Py_None);
}

static PyObject *type_get_dict(PyObject *self, void *closure)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (type->tp_dict == NULL) {
        Py_RETURN_NONE;
    }
    return PyDictProxy_New(type->tp_dict);
}

static PyObject *type_get_doc(PyObject *self, void *closure)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE) && type->tp_doc != NULL) {
        return _PyType_GetDocFromInternalDoc(type->tp_name, type->tp_doc);
    }
    PyObject *result;
    if (PyDict_GetItemRef(type->tp_dict, _Py_INTERNED_ID(__doc__), &result) < 0) {
        return NULL;
    }
    if (result == NULL) {
        Py_RETURN_NONE;
    }
    descrgetfunc get = Py_TYPE(result)->tp_descr_get;
    if (get != NULL) {
        Py_SETREF(result, get(result, NULL, self));
    }
    return result;
}

static int type_set_doc(PyObject *self, PyObject *value, void *closure)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!check_set_special_type_attr(type, value, "__doc__")) {
        return -1;
    }
    return type_dict_store(type, _Py_INTERNED_ID(__doc__), value);
}

static PyObject *type_get_text_signature(PyObject *self, void *closure)
{
    PyTypeObject *type = (PyTypeObject *)self;
    return _PyType_GetTextSignatureFromInternalDoc(type->tp_name, type->tp_doc);
}

static PyObject *type_get_abstractmethods(PyObject *self, void *closure)
{
    PyTypeObject *type = (PyTypeObject *)self;
    PyObject *res = NULL;
    /* type itself has an __abstractmethods__ descriptor; hide it there. */
    if (type != &PyType_Type
            && PyDict_GetItemRef(type->tp_dict,
                                 _Py_INTERNED_ID(__abstractmethods__), &res) < 0) {
        return NULL;
    }
    if (res == NULL) {
        PyErr_SetObject(PyExc_AttributeError, _Py_INTERNED_ID(__abstractmethods__));
    }
    return res;
}

/* Setting it also sets or clears Py_TPFLAGS_IS_ABSTRACT, which
   object.__new__ checks. */
static int type_set_abstractmethods(PyObject *self, PyObject *value, void *closure)
{
    PyTypeObject *type = (PyTypeObject *)self;
    int abstract = 0;
    if (value != NULL) {
        abstract = PyObject_IsTrue(value);
        if (abstract < 0) {
            return -1;
        }
    }
    if (type_dict_store(type, _Py_INTERNED_ID(__abstractmethods__), value) < 0) {
        return -1;
    }
    BEGIN_TYPE_LOCK();
    type_set_flags(type, Py_TPFLAGS_IS_ABSTRACT,
                   abstract ? Py_TPFLAGS_IS_ABSTRACT : 0);
    END_TYPE_LOCK();
    return 0;
}

static PyObject *type_get_annotations(PyObject *self, void *closure)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        PyErr_Format(PyExc_AttributeError,
                     "type object '%s' has no attribute '__annotations__'",
                     type->tp_name);
        return NULL;
    }
    PyObject *annotations;
    if (PyDict_GetItemRef(type->tp_dict, _Py_INTERNED_ID(__annotations__),
                          &annotations) < 0) {
        return NULL;
    }
    if (annotations != NULL) {
        descrgetfunc get = Py_TYPE(annotations)->tp_descr_get;
        if (get != NULL) {
            Py_SETREF(annotations, get(annotations, NULL, self));
        }
        return annotations;
    }
    /* PEP 649: computed by __annotate__ once, then cached apart from
       __annotations__ (which stays free for explicit assignment). */
    if (PyDict_GetItemRef(type->tp_dict, _Py_INTERNED_ID(__annotations_cache__),
                          &annotations) != 0) {
        return annotations;
    }
    PyObject *annotate;
    if (PyDict_GetItemRef(type->tp_dict, _Py_INTERNED_ID(__annotate__),
                          &annotate) < 0) {
        return NULL;
    }
    if (annotate != NULL && Py_TYPE(annotate)->tp_descr_get != NULL
            && !PyFunction_Check(annotate)) {
        Py_SETREF(annotate, Py_TYPE(annotate)->tp_descr_get(annotate, NULL, self));
        if (annotate == NULL) {
            return NULL;
        }
    }
    annotations = _PyAnnotate_CallValue(annotate);
    Py_XDECREF(annotate);
    if (annotations != NULL
            && type_dict_store(type, _Py_INTERNED_ID(__annotations_cache__),
                               annotations) < 0) {
        Py_CLEAR(annotations);
    }
    return annotations;
}

static int type_set_annotations(PyObject *self, PyObject *value, void *closure)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (type->tp_flags & Py_TPFLAGS_IMMUTABLETYPE) {
        PyErr_Format(PyExc_TypeError,
                     "cannot set '__annotations__' attribute of immutable type '%s'",
                     type->tp_name);
        return -1;
    }
    if (type_dict_store(type, _Py_INTERNED_ID(__annotations__), value) < 0) {
        return -1;
    }
    /* An explicit value replaces what __annotate__ computed. */
    PyObject *cache;
    if (PyDict_GetItemRef(type->tp_dict, _Py_INTERNED_ID(__annotations_cache__),
                          &cache) > 0) {
        Py_DECREF(cache);
        return type_dict_store(type, _Py_INTERNED_ID(__annotations_cache__), NULL);
    }
    PyErr_Clear();
    return 0;
}

static PyObject *type_get_type_params(PyObject *self, void *closure)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (type == &PyType_Type) {
        return PyTuple_New(0);
    }
    PyObject *params;
    if (PyDict_GetItemRef(type->tp_dict, _Py_INTERNED_ID(__type_params__),
                          &params) < 0) {
        return NULL;
    }
    return params != NULL ? params : PyTuple_New(0);
}

static int type_set_type_params(PyObject *self, PyObject *value, void *closure)
{
    PyTypeObject *type = (PyTypeObject *)self;
    /* Any value, as CPython (functions insist on a tuple, classes not). */
    if (!check_set_special_type_attr(type, value, "__type_params__")) {
        return -1;
    }
    return type_dict_store(type, _Py_INTERNED_ID(__type_params__), value);
}

/* ---- type: __bases__ assignment -------------------------------------------------- */


/* Recompute the MRO of type and of every subclass below it. */
static int mro_hierarchy(PyTypeObject *type)
{
    if (mro_internal(type) < 0) {
        return -1;
    }
    PyObject *subclasses = _PyType_GetSubclasses(type);
    if (subclasses == NULL) {
        return -1;
    }
    int res = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(subclasses) && res == 0; i++) {
        res = mro_hierarchy((PyTypeObject *)PyList_GET_ITEM(subclasses, i));
    }
    Py_DECREF(subclasses);
    return res;
}

/* After a reentrant __bases__ assignment (an mro() assigned __bases__
   while an outer assignment ran): type is no longer a subclass of those
   of old_bases that are not among its current bases. */
static void unlink_from_former_bases(PyTypeObject *type, PyObject *old_bases)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(old_bases); i++) {
        PyObject *base = PyTuple_GET_ITEM(old_bases, i);
        int still_base = 0;
        for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(type->tp_bases); j++) {
            still_base |= PyTuple_GET_ITEM(type->tp_bases, j) == base;
        }
        if (!still_base && PyType_Check(base)) {
            remove_subclass((PyTypeObject *)base, type);
        }
    }
}

/* Whether type is on base's tp_base chain.  The MRO check alone misses
   a cycle made by a __bases__ assignment from inside mro() while an outer
   one runs: the outer one has already set tp_base but not yet the MRO,
   and a cycle through tp_base would send every walk of it (solid_base,
   PyType_IsSubtype without an MRO) round for ever. */
static int base_chain_contains(PyTypeObject *base, PyTypeObject *type)
{
    for (PyTypeObject *b = base; b != NULL; b = b->tp_base) {
        if (b == type) {
            return 1;
        }
    }
    return 0;
}

static int type_set_bases(PyObject *self, PyObject *value, void *closure)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!check_set_special_type_attr(type, value, "__bases__")) {
        return -1;
    }
    if (!PyTuple_Check(value)) {
        PyErr_Format(PyExc_TypeError,
                     "can only assign tuple to %s.__bases__, not %s",
                     type->tp_name, Py_TYPE(value)->tp_name);
        return -1;
    }
    if (PyTuple_GET_SIZE(value) == 0) {
        PyErr_Format(PyExc_TypeError,
                     "can only assign non-empty tuple to %s.__bases__, not ()",
                     type->tp_name);
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(value); i++) {
        PyObject *base = PyTuple_GET_ITEM(value, i);
        if (!PyType_Check(base)) {
            PyErr_Format(PyExc_TypeError,
                         "%s.__bases__ must be tuple of classes, not '%s'",
                         type->tp_name, Py_TYPE(base)->tp_name);
            return -1;
        }
        if (PyType_IsSubtype((PyTypeObject *)base, type)
                || base_chain_contains((PyTypeObject *)base, type)) {
            PyErr_SetString(PyExc_TypeError,
                            "a __bases__ item causes an inheritance cycle");
            return -1;
        }
    }
    PyTypeObject *new_base = _PyType_BestBase(value);
    if (new_base == NULL) {
        return -1;
    }
    if (!_PyType_CompatibleForAssignment(type->tp_base, new_base, "__bases__")) {
        return -1;
    }
    PyObject *old_bases = type->tp_bases;
    PyTypeObject *old_base = type->tp_base;
    PyType_Modified(type);
    BEGIN_TYPE_LOCK();
    type->tp_bases = Py_NewRef(value);
    type->tp_base = (PyTypeObject *)Py_NewRef(new_base);
    END_TYPE_LOCK();
    if (mro_hierarchy(type) < 0) {
        if (type->tp_bases != value) {
            /* An mro() reassigned __bases__ meanwhile and released ours:
               its state stands. */
            unlink_from_former_bases(type, old_bases);
            Py_DECREF(old_bases);
            Py_DECREF(old_base);
            return -1;
        }
        PyObject *exc = PyErr_GetRaisedException();
        BEGIN_TYPE_LOCK();
        type->tp_bases = old_bases;
        type->tp_base = old_base;
        END_TYPE_LOCK();
        Py_DECREF(value);
        Py_DECREF(new_base);
        if (mro_hierarchy(type) < 0) {
            PyErr_Clear();
        }
        PyErr_SetRaisedException(exc);
        return -1;
    }
    int res = 0;
    if (type->tp_bases == value) {
        remove_all_subclasses(type, old_bases);
        res = add_all_subclasses(type, value);
    }
    else {
        /* Reentered (see above): the inner assignment linked type under
           its own bases, and only ours are left to unlink. */
        unlink_from_former_bases(type, old_bases);
    }
    PyType_Modified(type);
    _PyType_UpdateAllSlots(type);
    Py_DECREF(old_bases);
    Py_DECREF(old_base);
    return res;
}

/* ---- type: methods ------------------------------------------------------------------- */

static PyObject *type_mro_method(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *mro = mro_implementation((PyTypeObject *)self);
    if (mro == NULL) {
        return NULL;
    }
    PyObject *list = PySequence_List(mro);
    Py_DECREF(mro);
    return list;
}

static PyObject *type___subclasses__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return _PyType_GetSubclasses((PyTypeObject *)self);
}

static PyObject *type___prepare__(PyObject *self, PyObject *const *args,
                                  Py_ssize_t nargs, PyObject *kwnames)
{
    return PyDict_New();
}

static PyObject *type___instancecheck__(PyObject *self, PyObject *instance)
{
    int r = _PyObject_RealIsInstance(instance, self);
    if (r < 0) {
        return NULL;
    }
    return PyBool_FromLong(r);
}

static PyObject *type___subclasscheck__(PyObject *self, PyObject *subclass)
{
    int r = _PyObject_RealIsSubclass(subclass, self);
    if (r < 0) {
        return NULL;
    }
    return PyBool_FromLong(r);
}

static PyObject *type___dir__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *dict = PyDict_New();
    if (dict == NULL) {
        return NULL;
    }
    PyObject *result = NULL;
    if (_PyType_MergeClassDict(dict, self) == 0) {
        result = PyDict_Keys(dict);
    }
    Py_DECREF(dict);
    return result;
}

static PyObject *type___sizeof__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyTypeObject *type = (PyTypeObject *)self;
    Py_ssize_t size;
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        size = sizeof(PyHeapTypeObject);
        PyObject *slots = ((PyHeapTypeObject *)type)->ht_slots;
        if (slots != NULL) {
            size += (PyTuple_GET_SIZE(slots) + 1) * (Py_ssize_t)sizeof(PyMemberDef);
        }
    }
    else {
        size = sizeof(PyTypeObject);
    }
    return PyLong_FromSsize_t(size);
}

static PyMethodDef type_methods[] = {
    {"mro", type_mro_method, METH_NOARGS,
     "mro($self, /)\n--\n\nReturn a type's method resolution order."},
    {"__subclasses__", type___subclasses__, METH_NOARGS,
     "__subclasses__($self, /)\n--\n\n"
     "Return a list of immediate subclasses."},
    {"__prepare__", _PyCFunction_CAST(type___prepare__),
     METH_FASTCALL | METH_KEYWORDS | METH_CLASS,
     "__prepare__($cls, name, bases, /, **kwds)\n--\n\n"
     "Create the namespace for the class statement"},
    {"__instancecheck__", type___instancecheck__, METH_O,
     "__instancecheck__($self, instance, /)\n--\n\n"
     "Check if an object is an instance."},
    {"__subclasscheck__", type___subclasscheck__, METH_O,
     "__subclasscheck__($self, subclass, /)\n--\n\n"
     "Check if a class is a subclass."},
    {"__dir__", type___dir__, METH_NOARGS,
     "__dir__($self, /)\n--\n\nSpecialized __dir__ implementation for types."},
    {"__sizeof__", type___sizeof__, METH_NOARGS,
     "__sizeof__($self, /)\n--\n\nReturn memory consumption of the type object."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef type_members[] = {
    {"__basicsize__", Py_T_PYSSIZET, offsetof(PyTypeObject, tp_basicsize), Py_READONLY, NULL},
    {"__itemsize__", Py_T_PYSSIZET, offsetof(PyTypeObject, tp_itemsize), Py_READONLY, NULL},
    {"__flags__", Py_T_ULONG, offsetof(PyTypeObject, tp_flags), Py_READONLY, NULL},
    {"__weakrefoffset__", Py_T_PYSSIZET, offsetof(PyTypeObject, tp_weaklistoffset), Py_READONLY, NULL},
    {"__base__", _Py_T_OBJECT, offsetof(PyTypeObject, tp_base), Py_READONLY, NULL},
    {"__dictoffset__", Py_T_PYSSIZET, offsetof(PyTypeObject, tp_dictoffset), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef type_getsets[] = {
    {"__name__", type_get_name, type_set_name, NULL, NULL},
    {"__qualname__", type_get_qualname, type_set_qualname, NULL, NULL},
    {"__bases__", type_get_bases, type_set_bases, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL, NULL},
    {"__module__", type_get_module, type_set_module, NULL, NULL},
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods,
     NULL, NULL},
    {"__dict__", type_get_dict, NULL, NULL, NULL},
    {"__doc__", type_get_doc, type_set_doc, NULL, NULL},
    {"__text_signature__", type_get_text_signature, NULL, NULL, NULL},
    {"__annotations__", type_get_annotations, type_set_annotations, NULL, NULL},
    {"__type_params__", type_get_type_params, type_set_type_params, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* int | str builds a typing.Union (Objects/unionobject.c). */
static PyNumberMethods type_as_number = {
    .nb_or = _Py_union_type_or,
};

PyTypeObject PyType_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "type",
    .tp_basicsize = sizeof(PyHeapTypeObject),
    .tp_itemsize = sizeof(PyMemberDef),
    .tp_dealloc = type_dealloc,
    .tp_vectorcall_offset = offsetof(PyTypeObject, tp_vectorcall),
    .tp_repr = type_repr,
    .tp_as_number = &type_as_number,
    .tp_call = type_call,
    .tp_getattro = _Py_type_getattro,
    .tp_setattro = type_setattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE
                | Py_TPFLAGS_TYPE_SUBCLASS | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "type(object) -> the object's type\n"
              "type(name, bases, dict, **kwds) -> a new type",
    .tp_traverse = type_traverse,
    .tp_clear = type_clear,
    .tp_weaklistoffset = offsetof(PyTypeObject, tp_weaklist),
    .tp_methods = type_methods,
    .tp_members = type_members,
    .tp_getset = type_getsets,
    .tp_base = &PyBaseObject_Type,
    .tp_dictoffset = offsetof(PyTypeObject, tp_dict),
    .tp_init = type_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = type_new,
    .tp_free = PyObject_GC_Del,
    .tp_is_gc = type_is_gc,
    .tp_vectorcall = type_vectorcall,
};

/* ---- heap type instances: dealloc, GC, __dict__ and __weakref__ -------------------- */

/* The __slots__ members a heap type adds (not its bases'). */
static inline PyMemberDef *own_slot_members(PyTypeObject *type, Py_ssize_t *n)
{
    *n = (type->tp_flags & Py_TPFLAGS_HEAPTYPE) ? Py_SIZE(type) : 0;
    return PyHeapType_GET_MEMBERS((PyHeapTypeObject *)type);
}

static int traverse_slots(PyTypeObject *type, PyObject *self,
                          visitproc visit, void *arg)
{
    Py_ssize_t n;
    PyMemberDef *mp = own_slot_members(type, &n);
    for (Py_ssize_t i = 0; i < n; i++, mp++) {
        if (mp->type == Py_T_OBJECT_EX && !(mp->flags & Py_READONLY)) {
            Py_VISIT(*(PyObject **)((char *)self + mp->offset));
        }
    }
    return 0;
}

static void clear_slots(PyTypeObject *type, PyObject *self)
{
    Py_ssize_t n;
    PyMemberDef *mp = own_slot_members(type, &n);
    for (Py_ssize_t i = 0; i < n; i++, mp++) {
        if (mp->type == Py_T_OBJECT_EX && !(mp->flags & Py_READONLY)) {
            PyObject **addr = (PyObject **)((char *)self + mp->offset);
            Py_CLEAR(*addr);
        }
    }
}

/* The nearest base whose tp_X is not the heap-type one. */
#define NEAREST_STATIC_BASE(type, FIELD, FUNC)                          \
    ({ PyTypeObject *_b = (type);                                       \
       while (_b->FIELD == (FUNC)) { _b = _b->tp_base; }                \
       _b; })

int _PyType_SubtypeTraverse(PyObject *self, visitproc visit, void *arg)
{
    PyTypeObject *type = Py_TYPE(self);
    PyTypeObject *base = type;
    while (base->tp_traverse == _PyType_SubtypeTraverse) {
        int r = traverse_slots(base, self, visit, arg);
        if (r) {
            return r;
        }
        base = base->tp_base;
    }
    if (type->tp_dictoffset != base->tp_dictoffset) {
        PyObject **dictptr = _PyObject_ComputedDictPointer(self);
        if (dictptr != NULL) {
            int r = _PyInstValues_Traverse(*dictptr, visit, arg);
            if (r) {
                return r;
            }
        }
    }
    /* A heap type's instances own a reference to it; a heap base's own
       traverse (PyType_FromSpec types) already visits it. */
    if ((type->tp_flags & Py_TPFLAGS_HEAPTYPE)
            && (base->tp_traverse == NULL
                || !(base->tp_flags & Py_TPFLAGS_HEAPTYPE))) {
        Py_VISIT(type);
    }
    if (base->tp_traverse != NULL) {
        return base->tp_traverse(self, visit, arg);
    }
    return 0;
}

int _PyType_SubtypeClear(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    PyTypeObject *base = type;
    while (base->tp_clear == _PyType_SubtypeClear) {
        clear_slots(base, self);
        base = base->tp_base;
    }
    if (type->tp_dictoffset != base->tp_dictoffset) {
        PyObject **dictptr = _PyObject_ComputedDictPointer(self);
        if (dictptr != NULL) {
            _PyInstValues_ClearSlot(dictptr, 0);
        }
    }
    if (base->tp_clear != NULL) {
        return base->tp_clear(self);
    }
    return 0;
}

/* Instances of classes made by type_new: finalize (PEP 442), clear what
   the heap types added (weakrefs, slots, the dict), then hand the rest to
   the nearest base's dealloc, and drop the instance's reference to its
   class. */
void _PyType_SubtypeDealloc(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    PyTypeObject *base = NEAREST_STATIC_BASE(type, tp_dealloc, _PyType_SubtypeDealloc);
    /* Subclasses of non-GC builtins (e.g. a PyType_FromSpec subtype of
       float without Py_TPFLAGS_HAVE_GC) have no GC header to touch. */
    int has_gc = (type->tp_flags & Py_TPFLAGS_HAVE_GC) != 0;
    if (has_gc) {
        PyObject_GC_UnTrack(self);
        /* A long chain of instances (linked nodes, exception contexts)
           is destroyed in bounded depth: deep down, this one is parked
           and this function runs again for it later (see
           _PyTrash_begin), before anything below has happened. */
        if (_PyTrash_begin(self)) {
            return;
        }
    }
    if (type->tp_finalize != NULL) {
        /* The finalizer may store self somewhere: it must be tracked
           while it runs. */
        if (has_gc) {
            PyObject_GC_Track(self);
        }
        if (PyObject_CallFinalizerFromDealloc(self) < 0) {
            if (has_gc) {
                _PyTrash_end();
            }
            return;     /* resurrected */
        }
        if (has_gc) {
            PyObject_GC_UnTrack(self);
        }
        /* __del__ may have assigned __class__: the instance now holds a
           reference to that class, not the one it died with.  Assignment
           only allows classes of the same layout, so the clearing below
           is the same either way. */
        type = Py_TYPE(self);
        base = NEAREST_STATIC_BASE(type, tp_dealloc, _PyType_SubtypeDealloc);
    }
    if (type->tp_weaklistoffset && !base->tp_weaklistoffset) {
        PyObject_ClearWeakRefs(self);
    }
    for (PyTypeObject *t = type; t != base; t = t->tp_base) {
        clear_slots(t, self);
    }
    if (type->tp_dictoffset && !base->tp_dictoffset) {
        PyObject **dictptr = _PyObject_ComputedDictPointer(self);
        if (dictptr != NULL) {
            _PyInstValues_ClearSlot(dictptr, 0);
        }
    }
    /* A heap-type base's dealloc drops the instance's reference to its
       type itself (it decrefs Py_TYPE(self), which is this class), as
       CPython's rule for PyType_FromSpec types asks; a static base's does
       not, so then the reference is dropped here. */
    int base_drops_type = (base->tp_flags & Py_TPFLAGS_HEAPTYPE) != 0;
    base->tp_dealloc(self);
    if (!base_drops_type) {
        Py_DECREF(type);
    }
    if (has_gc) {
        _PyTrash_end();
    }
}

/* The nearest static base of `type` that keeps a dict of its own (type
   itself, for a metaclass): its __dict__ descriptor, not the instance
   dict machinery, serves such objects (CPython's
   get_builtin_base_with_dict).  Reads only immutable type fields. */
static PyObject *builtin_dict_descriptor(PyObject *obj, int *found)
{
    PyTypeObject *type = Py_TYPE(obj);
    *found = 0;
    while (type->tp_base != NULL) {
        if (type->tp_dictoffset != 0 &&
            !(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
            *found = 1;
            PyObject *name = PyUnicode_InternFromString("__dict__");
            if (name == NULL) {
                return NULL;
            }
            /* Borrowed: the base's own dict keeps its descriptor. */
            PyObject *descr = _PyType_Lookup(type, name);
            Py_DECREF(name);
            if (descr == NULL || !PyDescr_IsData(descr)) {
                PyErr_Format(PyExc_TypeError,
                             "this __dict__ descriptor does not support "
                             "'%.200s' objects", Py_TYPE(obj)->tp_name);
                return NULL;
            }
            return descr;
        }
        type = type->tp_base;
    }
    return NULL;
}

static PyObject *subtype_dict(PyObject *obj, void *context)
{
    int found;
    PyObject *descr = builtin_dict_descriptor(obj, &found);
    if (found) {
        return descr == NULL ? NULL
            : Py_TYPE(descr)->tp_descr_get(descr, obj, (PyObject *)Py_TYPE(obj));
    }
    return PyObject_GenericGetDict(obj, context);
}

/* Classes' instances may delete their __dict__ (CPython's subtype_setdict). */
static int subtype_setdict(PyObject *obj, PyObject *value, void *context)
{
    (void)context;
    int found;
    PyObject *descr = builtin_dict_descriptor(obj, &found);
    if (found) {
        return descr == NULL ? -1
            : Py_TYPE(descr)->tp_descr_set(descr, obj, value);
    }
    return _PyObject_SetInstanceDict(obj, value);
}

/* The head of the instance's weak reference list, or None. */
static PyObject *subtype_getweakref(PyObject *obj, void *context)
{
    PyTypeObject *type = Py_TYPE(obj);
    if (type->tp_weaklistoffset <= 0) {
        PyErr_SetString(PyExc_AttributeError,
                        "This object has no __weakref__");
        return NULL;
    }
    PyObject *head;
    Py_BEGIN_CRITICAL_SECTION(obj);
    head = *(PyObject **)((char *)obj + type->tp_weaklistoffset);
    head = Py_NewRef(head != NULL ? head : Py_None);
    Py_END_CRITICAL_SECTION();
    return head;
}

PyGetSetDef _PyType_SubtypeGetsetsFull[] = {
    {"__dict__", subtype_dict, subtype_setdict,
     "dictionary for instance variables", NULL},
    {"__weakref__", subtype_getweakref, NULL,
     "list of weak references to the object", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyGetSetDef _PyType_SubtypeGetsetsDictOnly[] = {
    {"__dict__", subtype_dict, subtype_setdict,
     "dictionary for instance variables", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyGetSetDef _PyType_SubtypeGetsetsWeakrefOnly[] = {
    {"__weakref__", subtype_getweakref, NULL,
     "list of weak references to the object", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
