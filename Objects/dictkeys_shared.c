/* Key-sharing instance attributes: a class's shared keys and its
   instances' values arrays.  The layout, the slot's three states and the
   thread-safety rules are in Include/internal/pycore_instvalues.h and
   Doc/internals/specialization.md ("Key-sharing instance attributes"). */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_dict.h"
#include "pycore_instvalues.h"
#include "pycore_qsbr.h"
#include "pycore_typeobject.h"

/* Never written: nkeys stays 0 and every index slot empty, so a look-up
   finds nothing and the first append replaces it. */
_PySharedKeys _PySharedKeys_Empty = {
    .nkeys = 0,
    .index = { [0 ... _PY_SHARED_KEYS_SLOTS - 1] = -1 },
};

/* ---- shared keys ---------------------------------------------------------- */

static inline Py_hash_t
name_hash(PyObject *name)
{
    /* An exact str: hashing cannot fail. */
    return _PyDict_KeyHash(name);
}

Py_ssize_t
_PySharedKeys_Find(_PySharedKeys *keys, PyObject *name)
{
    Py_hash_t hash = name_hash(name);
    size_t mask = _PY_SHARED_KEYS_SLOTS - 1;
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        /* Acquire: pairs with the release store in append_name, so the
           name it publishes is complete. */
        int ix = __atomic_load_n(&keys->index[i], __ATOMIC_ACQUIRE);
        if (ix < 0) {
            return -1;
        }
        PyObject *known = keys->names[ix];
        if (known == name) {
            return ix;
        }
        if (name_hash(known) == hash && _PyUnicode_Equal(known, name)) {
            return ix;
        }
    }
}

/* Append name under keys' mutex: its position, or -1 when keys is full.
   A racing thread may have appended it first; then its position. */
static Py_ssize_t
append_name(_PySharedKeys *keys, PyObject *name)
{
    Py_ssize_t ix;
    PyMutex_Lock(&keys->mutex);
    ix = _PySharedKeys_Find(keys, name);
    if (ix < 0 && keys->nkeys < _PY_SHARED_KEYS_MAX) {
        ix = keys->nkeys;
        keys->names[ix] = Py_NewRef(name);
        size_t mask = _PY_SHARED_KEYS_SLOTS - 1;
        size_t i = (size_t)name_hash(name) & mask;
        while (keys->index[i] >= 0) {
            i = (i + 1) & mask;
        }
        __atomic_store_n(&keys->index[i], (int8_t)ix, __ATOMIC_RELEASE);
        __atomic_store_n(&keys->nkeys, (uint32_t)ix + 1, __ATOMIC_RELEASE);
    }
    PyMutex_Unlock(&keys->mutex);
    return ix;
}

static _PySharedKeys *
new_shared_keys(void)
{
    _PySharedKeys *keys = PyMem_Calloc(1, sizeof(_PySharedKeys));
    if (keys != NULL) {
        memset(keys->index, -1, sizeof(keys->index));
    }
    return keys;
}

/* type's keys, replacing the empty placeholder by a real object on first
   use (a compare-and-swap: a racing loser frees its own).  NULL when out
   of memory (no exception: the caller falls back to a dict). */
static _PySharedKeys *
writable_keys(PyTypeObject *type)
{
    void **slot = &((PyHeapTypeObject *)type)->ht_cached_keys;
    _PySharedKeys *keys = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
    if (keys != &_PySharedKeys_Empty) {
        return keys;
    }
    _PySharedKeys *fresh = new_shared_keys();
    if (fresh == NULL) {
        return NULL;
    }
    void *expected = &_PySharedKeys_Empty;
    if (!__atomic_compare_exchange_n(slot, &expected, fresh, 0,
                                     __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        PyMem_Free(fresh);
        return expected;
    }
    return fresh;
}

/* The nearest base whose instances' layout is not type_new's: the
   __dict__ slot belongs to the class machinery when that base has none. */
static PyTypeObject *
nearest_static_base(PyTypeObject *type)
{
    while (type->tp_dealloc == _PyType_SubtypeDealloc) {
        type = type->tp_base;
    }
    return type;
}

void
_PyType_InitSharedKeys(PyTypeObject *type)
{
    if (type->tp_dictoffset <= 0
            || type->tp_dealloc != _PyType_SubtypeDealloc
            || nearest_static_base(type)->tp_dictoffset != 0) {
        return;
    }
    ((PyHeapTypeObject *)type)->ht_cached_keys = &_PySharedKeys_Empty;
}

/* Only from type_dealloc: the type's instances, which own references to
   it, are all gone, and readers reach the keys only through them. */
void
_PyType_FreeSharedKeys(PyTypeObject *type)
{
    PyHeapTypeObject *et = (PyHeapTypeObject *)type;
    _PySharedKeys *keys = et->ht_cached_keys;
    et->ht_cached_keys = NULL;
    if (keys == NULL || keys == &_PySharedKeys_Empty) {
        return;
    }
    for (uint32_t i = 0; i < keys->nkeys; i++) {
        Py_DECREF(keys->names[i]);
    }
    PyMem_Free(keys);
}

/* ---- values arrays -------------------------------------------------------- */

static _PyInstValues *
new_values(Py_ssize_t capacity)
{
    _PyInstValues *vals = PyMem_Malloc(sizeof(_PyInstValues)
                                       + (size_t)capacity * sizeof(PyObject *));
    if (vals == NULL) {
        return NULL;
    }
    vals->capacity = (uint8_t)capacity;
    vals->used = 0;
    vals->shared = 0;
    memset(vals->values, 0, (size_t)capacity * sizeof(PyObject *));
    return vals;
}

/* An array no longer in any slot, whose references have moved: a
   lock-free reader may still be reading it. */
static void
retire_values(_PyInstValues *vals)
{
#ifdef Py_GIL_DISABLED
    _PyMem_FreeDelayed(vals);
#else
    PyMem_Free(vals);
#endif
}

static inline void
publish_slot(PyObject **slotp, PyObject *raw)
{
    /* Release: a lock-free reader sees the array or dict initialised. */
    __atomic_store_n(slotp, raw, __ATOMIC_RELEASE);
}

static inline PyObject *
tag(_PyInstValues *vals)
{
    return (PyObject *)((uintptr_t)vals | _PY_VALUES_TAG);
}

/* Release a value the instance held, which a lock-free reader may have
   loaded (see the header): then its last reference must go through a
   merge of its counts and its memory through QSBR. */
static void
drop_value(PyObject *obj, _PyInstValues *vals, PyObject *old)
{
#ifdef Py_GIL_DISABLED
    /* A read-modify-write, ordered against the reader's fetch_or. */
    if (!_Py_IsOwnedByCurrentThread(obj)
            || __atomic_fetch_add(&vals->shared, 0, __ATOMIC_SEQ_CST)) {
        _PyObject_SetMaybeWeakref(old);
    }
#else
    (void)obj;
    (void)vals;
#endif
    Py_DECREF(old);
}

/* A larger copy of vals holding index ix, published in *slotp; NULL when
   out of memory (nothing changed).  The new array is marked shared: a
   reader of the old one may still pick up a value from it. */
static _PyInstValues *
grow_values(PyObject **slotp, _PyInstValues *vals, Py_ssize_t ix,
            _PySharedKeys *keys)
{
    Py_ssize_t capacity = vals->capacity * 2;
    Py_ssize_t nkeys = __atomic_load_n(&keys->nkeys, __ATOMIC_ACQUIRE);
    if (capacity < nkeys) {
        capacity = nkeys;
    }
    if (capacity <= ix) {
        capacity = ix + 1;
    }
    if (capacity > _PY_SHARED_KEYS_MAX) {
        capacity = _PY_SHARED_KEYS_MAX;
    }
    _PyInstValues *bigger = new_values(capacity);
    if (bigger == NULL) {
        return NULL;
    }
    memcpy(bigger->values, vals->values, vals->capacity * sizeof(PyObject *));
    bigger->used = vals->used;
#ifdef Py_GIL_DISABLED
    bigger->shared = 1;
#endif
    publish_slot(slotp, tag(bigger));
    retire_values(vals);
    return bigger;
}

/* Build a dict of the present values in index order (insertion order). */
static PyObject *
values_to_dict(_PySharedKeys *keys, _PyInstValues *vals)
{
    PyObject *dict = PyDict_New();
    if (dict == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < vals->used; i++) {
        PyObject *v = vals->values[i];
        if (v != NULL && PyDict_SetItem(dict, keys->names[i], v) < 0) {
            Py_DECREF(dict);
            return NULL;
        }
    }
    return dict;
}

int
_PyInstValues_MaterializeLocked(PyObject *obj, PyObject **slotp)
{
    PyObject *raw = *slotp;
    if (!_PyInstValues_IsTagged(raw)) {
        return 0;
    }
    _PyInstValues *vals = _PyInstValues_Untag(raw);
    PyObject *dict = values_to_dict(_PyType_SharedKeys(Py_TYPE(obj)), vals);
    if (dict == NULL) {
        return -1;
    }
#ifdef Py_GIL_DISABLED
    /* A reader of the array may still pick up one of its values, which
       the dict now holds: the dict's writers must drop values safely. */
    __atomic_fetch_or(&((PyDictObject *)dict)->_ma_watcher_tag,
                      _PyDict_SHARED_BIT, __ATOMIC_SEQ_CST);
#endif
    publish_slot(slotp, dict);
    /* The dict holds its own references: none of these is the last. */
    for (Py_ssize_t i = 0; i < vals->used; i++) {
        Py_XDECREF(vals->values[i]);
    }
    retire_values(vals);
    return 0;
}

PyObject *
_PyInstValues_AsDict(PyObject *obj, PyObject *raw)
{
    PyObject *dict = NULL;
    Py_BEGIN_CRITICAL_SECTION(obj);
    /* Read again under the lock: the array may have moved meanwhile. */
    PyObject **slotp = _PyObject_ComputedDictPointer(obj);
    raw = *slotp;
    if (_PyInstValues_IsTagged(raw)) {
        dict = values_to_dict(_PyType_SharedKeys(Py_TYPE(obj)),
                              _PyInstValues_Untag(raw));
    }
    else if (raw != NULL) {
        dict = PyDict_Copy(raw);
    }
    else {
        dict = PyDict_New();
    }
    Py_END_CRITICAL_SECTION();
    return dict;
}

/* ---- the generic paths ---------------------------------------------------- */

int
_PyInstValues_Lookup(PyObject *obj, PyObject **slotp, PyObject *name,
                     PyObject **out)
{
    *out = NULL;
    PyObject *raw = __atomic_load_n(slotp, __ATOMIC_ACQUIRE);
    if (!_PyInstValues_IsTagged(raw)) {
        return 2;
    }
    if (!PyUnicode_CheckExact(name)) {
        /* Every stored name is an exact str, and a str subclass with its
           own __eq__ could match one only through a dict. */
        int rc;
        Py_BEGIN_CRITICAL_SECTION(obj);
        rc = _PyInstValues_MaterializeLocked(obj, slotp);
        Py_END_CRITICAL_SECTION();
        return rc < 0 ? -1 : 2;
    }
    Py_ssize_t ix = _PySharedKeys_Find(_PyType_SharedKeys(Py_TYPE(obj)), name);
    if (ix < 0) {
        return 0;
    }
    int found = _PyInstValues_LoadAt(obj, slotp, ix, out);
    if (found >= 0) {
        return found;
    }
    /* A race (or a value being freed): read under the lock. */
    Py_BEGIN_CRITICAL_SECTION(obj);
    raw = *slotp;
    if (!_PyInstValues_IsTagged(raw)) {
        found = 2;
    }
    else {
        _PyInstValues *vals = _PyInstValues_Untag(raw);
        *out = ix < vals->capacity ? Py_XNewRef(vals->values[ix]) : NULL;
        found = *out != NULL;
    }
    Py_END_CRITICAL_SECTION();
    return found;
}

static int
missing_attribute(PyObject *obj, PyObject *name)
{
    PyErr_Format(PyExc_AttributeError,
                 "'%.100s' object has no attribute '%U'",
                 Py_TYPE(obj)->tp_name, name);
    _PyObject_SetAttributeErrorContext(obj, name);
    return -1;
}

/* Delete value number ix; the caller holds the critical section. */
static int
delete_locked(PyObject *obj, _PyInstValues *vals, Py_ssize_t ix,
              PyObject *name)
{
    if (ix < 0 || ix >= vals->capacity || vals->values[ix] == NULL) {
        return missing_attribute(obj, name);
    }
    PyObject *old = vals->values[ix];
    __atomic_store_n(&vals->values[ix], NULL, __ATOMIC_RELEASE);
    Py_ssize_t used = vals->used;
    while (used > 0 && vals->values[used - 1] == NULL) {
        used--;
    }
    vals->used = (uint8_t)used;
    drop_value(obj, vals, old);
    return 0;
}

/* Put value (a new reference, taken) at ix of the array in *slotp
   (NULL: none yet): 0 done, 1 not in order (nothing changed, the
   reference not taken), -1 out of memory (nothing changed, no
   exception).  The caller holds the critical section. */
static int
put_locked(PyObject *obj, PyObject **slotp, _PySharedKeys *keys,
           Py_ssize_t ix, PyObject *value)
{
    PyObject *raw = *slotp;
    if (raw == NULL) {
        Py_ssize_t capacity = __atomic_load_n(&keys->nkeys, __ATOMIC_ACQUIRE);
        if (capacity <= ix) {
            capacity = ix + 1;
        }
        _PyInstValues *vals = new_values(capacity);
        if (vals == NULL) {
            return -1;
        }
        vals->values[ix] = value;
        vals->used = (uint8_t)(ix + 1);
        publish_slot(slotp, tag(vals));
        return 0;
    }
    _PyInstValues *vals = _PyInstValues_Untag(raw);
    PyObject *old = ix < vals->capacity ? vals->values[ix] : NULL;
    if (old != NULL) {
        __atomic_store_n(&vals->values[ix], value, __ATOMIC_RELEASE);
        drop_value(obj, vals, old);
        return 0;
    }
    if (ix < vals->used) {
        return 1;
    }
    if (ix >= vals->capacity) {
        vals = grow_values(slotp, vals, ix, keys);
        if (vals == NULL) {
            return -1;
        }
    }
    __atomic_store_n(&vals->values[ix], value, __ATOMIC_RELEASE);
    vals->used = (uint8_t)(ix + 1);
    return 0;
}

static int
store_locked(PyObject *obj, PyObject **slotp, PyObject *name, PyObject *value)
{
    PyObject *raw = *slotp;
    if (raw != NULL && !_PyInstValues_IsTagged(raw)) {
        return 1;
    }
    PyTypeObject *type = Py_TYPE(obj);
    if (!PyUnicode_CheckExact(name)) {
        return _PyInstValues_MaterializeLocked(obj, slotp) < 0 ? -1 : 1;
    }
    _PySharedKeys *keys = _PyType_SharedKeys(type);
    Py_ssize_t ix = _PySharedKeys_Find(keys, name);
    if (value == NULL) {
        if (raw == NULL) {
            return missing_attribute(obj, name);
        }
        return delete_locked(obj, _PyInstValues_Untag(raw), ix, name);
    }
    if (ix < 0) {
        keys = writable_keys(type);
        ix = keys == NULL ? -1 : append_name(keys, name);
    }
    int rc = ix < 0 ? 1 : put_locked(obj, slotp, keys, ix, Py_NewRef(value));
    if (rc != 0) {
        if (ix >= 0) {
            Py_DECREF(value);       /* put_locked did not take it */
        }
        /* Out of order, out of keys or out of memory: a dict instead. */
        return _PyInstValues_MaterializeLocked(obj, slotp) < 0 ? -1 : 1;
    }
    return 0;
}

int
_PyInstValues_Store(PyObject *obj, PyObject **slotp, PyObject *name,
                    PyObject *value)
{
    if (_PyType_SharedKeys(Py_TYPE(obj)) == NULL) {
        return 1;
    }
    int rc;
    Py_BEGIN_CRITICAL_SECTION(obj);
    rc = store_locked(obj, slotp, name, value);
    Py_END_CRITICAL_SECTION();
    return rc;
}

int
_PyInstValues_StoreAt(PyObject *obj, PyObject **slotp, Py_ssize_t ix,
                      PyObject *value)
{
    int rc = 1;
    Py_BEGIN_CRITICAL_SECTION(obj);
    PyObject *raw = *slotp;
    if (raw == NULL || _PyInstValues_IsTagged(raw)) {
        _PySharedKeys *keys = _PyType_SharedKeys(Py_TYPE(obj));
        rc = put_locked(obj, slotp, keys, ix, Py_NewRef(value));
        if (rc != 0) {
            Py_DECREF(value);
            rc = 1;
        }
    }
    Py_END_CRITICAL_SECTION();
    return rc;
}

/* ---- collection and deallocation ------------------------------------------ */

int
_PyInstValues_Traverse(PyObject *raw, visitproc visit, void *arg)
{
    if (!_PyInstValues_IsTagged(raw)) {
        Py_VISIT(raw);
        return 0;
    }
    _PyInstValues *vals = _PyInstValues_Untag(raw);
    for (Py_ssize_t i = 0; i < vals->used; i++) {
        Py_VISIT(vals->values[i]);
    }
    return 0;
}

void
_PyInstValues_ClearSlot(PyObject **slotp, int may_have_readers)
{
    PyObject *raw = *slotp;
    if (raw == NULL) {
        return;
    }
    *slotp = NULL;
    if (!_PyInstValues_IsTagged(raw)) {
#ifdef Py_GIL_DISABLED
        if (may_have_readers) {
            _PyObject_SetMaybeWeakref(raw);
        }
#endif
        Py_DECREF(raw);
        return;
    }
    _PyInstValues *vals = _PyInstValues_Untag(raw);
    for (Py_ssize_t i = 0; i < vals->used; i++) {
        PyObject *v = vals->values[i];
        if (v == NULL) {
            continue;
        }
#ifdef Py_GIL_DISABLED
        if (may_have_readers) {
            _PyObject_SetMaybeWeakref(v);
        }
#endif
        Py_DECREF(v);
    }
    if (may_have_readers) {
        retire_values(vals);
    }
    else {
        /* Deallocation or the collector's clear: a reader would hold a
           reference to the instance, and there is none. */
        PyMem_Free(vals);
    }
}
