/* Sets and frozensets.

   A set is an open-addressing hash table of (key, hash) slots.  A probe
   looks at a short run of neighbouring slots first (cheap, cache-friendly
   linear probing), then jumps with the same perturbation recurrence as
   dicts, so every slot is eventually reached.  A deleted key is replaced
   by a dummy so that probe chains passing through it stay intact; dummies
   are dropped when the table is rebuilt.  Tables of up to PySet_MINSIZE
   slots live inside the object.

   Thread safety (free-threaded build): every operation on a mutable set
   runs inside its critical section (both sets' for binary operations).
   A frozenset cannot change after construction, so its table is read
   without a lock; its hash cache is published atomically. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_abstract.h"
#include "pycore_dict.h"
#include "pycore_unicodeobject.h"

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

/* Static type objects below list `.ob_base = PyVarObject_HEAD_INIT(...)`
   last, so the initializer reads the same whether or not the macro ends
   in a comma. */

/* The key left in a deleted slot.  Never escapes this file and is never
   compared: its hash (-1) matches no real key's. */
static PyObject set_dummy_struct = _PyObject_HEAD_INIT(&PyBaseObject_Type);
#define dummy (&set_dummy_struct)

static inline int
is_live(setentry *entry)
{
    return entry->key != NULL && entry->key != dummy;
}

static inline void
set_used(PySetObject *so, Py_ssize_t used)
{
    __atomic_store_n(&so->used, used, __ATOMIC_RELAXED);
}

/* ---- probing --------------------------------------------------------------- */

/* The slot holding key, or the empty slot where its probe chain ends, or
   NULL on error.  Comparing keys can run __eq__, which can mutate the
   set; the table and slot are re-checked after each comparison and the
   search restarts if either changed. */
static setentry *
set_lookkey_ex(PySetObject *so, PyObject *key, Py_hash_t hash,
               setentry **freeslot)
{
restart:;
    if (freeslot != NULL) {
        *freeslot = NULL;
    }
    setentry *table = so->table;
    size_t mask = (size_t)so->mask;
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        setentry *entry = &table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->key == NULL) {
                return entry;
            }
            if (entry->hash == hash) {
                PyObject *startkey = entry->key;
                if (startkey == key) {
                    return entry;
                }
                if (PyUnicode_CheckExact(startkey) && PyUnicode_CheckExact(key)) {
                    if (_PyUnicode_Equal(startkey, key)) {
                        return entry;
                    }
                }
                else {
                    Py_INCREF(startkey);
                    int cmp = PyObject_RichCompareBool(startkey, key, Py_EQ);
                    Py_DECREF(startkey);
                    if (cmp < 0) {
                        return NULL;
                    }
                    if (table != so->table || entry->key != startkey) {
                        goto restart;
                    }
                    if (cmp > 0) {
                        return entry;
                    }
                    mask = (size_t)so->mask;
                }
            }
            else if (freeslot != NULL && *freeslot == NULL &&
                     entry->key == dummy) {
                *freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static setentry *
set_lookkey(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    return set_lookkey_ex(so, key, hash, NULL);
}

/* Place a key known to be absent into a table without dummies; used while
   rebuilding.  No comparisons, so no user code. */
static void
set_insert_clean(setentry *table, size_t mask, PyObject *key, Py_hash_t hash)
{
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    setentry *entry;
    for (;;) {
        entry = &table[i];
        if (entry->key == NULL) {
            goto found;
        }
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL) {
                    goto found;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found:
    entry->key = key;
    entry->hash = hash;
}

/* Rebuild the table with room for more than minused keys, dropping
   dummies.  Moves every reference. */
static int
set_table_resize(PySetObject *so, Py_ssize_t minused)
{
    size_t newsize = PySet_MINSIZE;
    while (newsize <= (size_t)minused) {
        newsize <<= 1;
    }
    setentry *oldtable = so->table;
    int old_is_small = oldtable == so->smalltable;
    setentry small_copy[PySet_MINSIZE];
    if (old_is_small) {
        /* The small table is about to be reused or abandoned: copy it out. */
        memcpy(small_copy, oldtable, sizeof(small_copy));
        oldtable = small_copy;
    }
    Py_ssize_t oldmask = so->mask;
    setentry *newtable;
    if (newsize == PySet_MINSIZE) {
        newtable = so->smalltable;
    }
    else {
        newtable = PyMem_New(setentry, newsize);
        if (newtable == NULL) {
            PyErr_NoMemory();
            return -1;
        }
    }
    memset(newtable, 0, newsize * sizeof(setentry));
    for (Py_ssize_t i = 0; i <= oldmask; i++) {
        if (is_live(&oldtable[i])) {
            set_insert_clean(newtable, newsize - 1, oldtable[i].key,
                             oldtable[i].hash);
        }
    }
    so->table = newtable;
    so->mask = (Py_ssize_t)newsize - 1;
    so->fill = so->used;
    if (!old_is_small && oldtable != newtable) {
        PyMem_Free(oldtable);
    }
    return 0;
}

/* Grow when live plus dummy slots exceed three fifths of the table; the
   growth factor shrinks for big sets to bound memory. */
static int
set_maybe_grow(PySetObject *so)
{
    if ((size_t)so->fill * 5 < (size_t)so->mask * 3) {
        return 0;
    }
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

/* ---- element operations (caller holds the critical section) ------------- */

/* Add key (borrowed) with a known hash. */
static int
set_add_entry(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    Py_INCREF(key);
    setentry *freeslot;
    setentry *entry = set_lookkey_ex(so, key, hash, &freeslot);
    if (entry == NULL) {
        Py_DECREF(key);
        return -1;
    }
    if (entry->key != NULL) {
        Py_DECREF(key);       /* already present */
        return 0;
    }
    if (freeslot != NULL) {
        /* Reusing the first dummy on the probe chain keeps fill unchanged
           and gives the same iteration order as CPython. */
        set_used(so, so->used + 1);
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    set_used(so, so->used + 1);
    entry->key = key;
    entry->hash = hash;
    return set_maybe_grow(so);
}

static int
set_add_key(PySetObject *so, PyObject *key)
{
    Py_hash_t hash = _PyDict_KeyHash(key);
    if (hash == -1) {
        return -1;
    }
    return set_add_entry(so, key, hash);
}

static int
set_contains_entry(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    setentry *entry = set_lookkey(so, key, hash);
    if (entry == NULL) {
        return -1;
    }
    return entry->key != NULL;
}

static int
set_contains_key(PySetObject *so, PyObject *key)
{
    Py_hash_t hash = _PyDict_KeyHash(key);
    if (hash == -1) {
        return -1;
    }
    return set_contains_entry(so, key, hash);
}

/* 1 when removed, 0 when absent, -1 on error. */
static int
set_discard_entry(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    setentry *entry = set_lookkey(so, key, hash);
    if (entry == NULL) {
        return -1;
    }
    if (entry->key == NULL) {
        return 0;
    }
    PyObject *old_key = entry->key;
    entry->key = dummy;
    entry->hash = -1;
    set_used(so, so->used - 1);
    Py_DECREF(old_key);
    return 1;
}

static int
set_discard_key(PySetObject *so, PyObject *key)
{
    Py_hash_t hash = _PyDict_KeyHash(key);
    if (hash == -1) {
        return -1;
    }
    return set_discard_entry(so, key, hash);
}

/* Empty the set, then drop the old keys (their destructors see an empty,
   consistent set). */
static void
set_clear_internal(PySetObject *so)
{
    setentry *table = so->table;
    int table_is_small = table == so->smalltable;
    setentry small_copy[PySet_MINSIZE];
    Py_ssize_t fill = so->fill;
    Py_ssize_t nslots = so->mask + 1;
    if (table_is_small) {
        memcpy(small_copy, table, sizeof(small_copy));
        table = small_copy;
    }
    memset(so->smalltable, 0, sizeof(so->smalltable));
    so->table = so->smalltable;
    so->mask = PySet_MINSIZE - 1;
    so->fill = 0;
    set_used(so, 0);
    so->hash = -1;
    for (Py_ssize_t i = 0; fill > 0 && i < nslots; i++) {
        if (table[i].key != NULL) {
            fill--;
            if (table[i].key != dummy) {
                Py_DECREF(table[i].key);
            }
        }
    }
    if (!table_is_small) {
        PyMem_Free(table);
    }
}

/* Borrowed key and hash of the next live slot at or after *pos. */
static int
set_next(PySetObject *so, Py_ssize_t *pos, setentry **entry_out)
{
    Py_ssize_t i = *pos;
    Py_ssize_t mask = so->mask;
    setentry *entry = &so->table[i];
    while (i <= mask && !is_live(entry)) {
        i++;
        entry++;
    }
    *pos = i + 1;
    if (i > mask) {
        return 0;
    }
    *entry_out = entry;
    return 1;
}

int
_PySet_NextEntry(PyObject *set, Py_ssize_t *pos, PyObject **key, Py_hash_t *hash)
{
    if (!PyAnySet_Check(set)) {
        PyErr_BadInternalCall();
        return -1;
    }
    setentry *entry;
    if (!set_next((PySetObject *)set, pos, &entry)) {
        return 0;
    }
    *key = entry->key;
    *hash = entry->hash;
    return 1;
}

/* ---- bulk operations (caller holds the critical sections) -------------- */

/* so |= other, other a set or frozenset. */
static int
set_merge(PySetObject *so, PySetObject *other)
{
    if (so == other || other->used == 0) {
        return 0;
    }
    /* Make room once rather than growing repeatedly. */
    if ((so->fill + other->used) * 5 >= so->mask * 3) {
        if (set_table_resize(so, (so->used + other->used) * 2) != 0) {
            return -1;
        }
    }
    /* An empty target without dummies can take the keys without probing
       for duplicates: other has none. */
    if (so->fill == 0) {
        setentry *table = other->table;
        for (Py_ssize_t i = 0; i <= other->mask; i++) {
            if (is_live(&table[i])) {
                set_insert_clean(so->table, (size_t)so->mask,
                                 Py_NewRef(table[i].key), table[i].hash);
            }
        }
        so->fill = other->used;
        set_used(so, other->used);
        return 0;
    }
    Py_ssize_t pos = 0;
    setentry *entry;
    while (set_next(other, &pos, &entry)) {
        PyObject *key = Py_NewRef(entry->key);
        int err = set_add_entry(so, key, entry->hash);
        Py_DECREF(key);
        if (err < 0) {
            return -1;
        }
    }
    return 0;
}

static int
set_update_from_dict(PySetObject *so, PyObject *dict)
{
    int res = 0;
    Py_BEGIN_CRITICAL_SECTION(dict);
    Py_ssize_t pos = 0;
    PyObject *key;
    Py_hash_t hash;
    while (_PyDict_Next(dict, &pos, &key, NULL, &hash)) {
        Py_INCREF(key);
        res = set_add_entry(so, key, hash);
        Py_DECREF(key);
        if (res < 0) {
            break;
        }
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static int
set_update_from_iterable(PySetObject *so, PyObject *iterable)
{
    PyObject *iter = PyObject_GetIter(iterable);
    if (iter == NULL) {
        return -1;
    }
    PyObject *key;
    while ((key = PyIter_Next(iter)) != NULL) {
        int err = set_add_key(so, key);
        Py_DECREF(key);
        if (err < 0) {
            Py_DECREF(iter);
            return -1;
        }
    }
    Py_DECREF(iter);
    return PyErr_Occurred() ? -1 : 0;
}

/* so |= other for any iterable; the caller holds so's critical section. */
static int
set_update_lock_held(PySetObject *so, PyObject *other)
{
    if (PyAnySet_Check(other)) {
        int res;
        Py_BEGIN_CRITICAL_SECTION(other);
        res = set_merge(so, (PySetObject *)other);
        Py_END_CRITICAL_SECTION();
        return res;
    }
    if (PyDict_CheckExact(other)) {
        return set_update_from_dict(so, other);
    }
    return set_update_from_iterable(so, other);
}

static int
set_update_internal(PySetObject *so, PyObject *other)
{
    int res;
    if (PyAnySet_Check(other)) {
        Py_BEGIN_CRITICAL_SECTION2(so, other);
        res = set_merge(so, (PySetObject *)other);
        Py_END_CRITICAL_SECTION2();
        return res;
    }
    Py_BEGIN_CRITICAL_SECTION(so);
    res = set_update_lock_held(so, other);
    Py_END_CRITICAL_SECTION();
    return res;
}

/* ---- construction ---------------------------------------------------------- */

static PyObject *
make_new_set(PyTypeObject *type, PyObject *iterable)
{
    PySetObject *so = (PySetObject *)type->tp_alloc(type, 0);
    if (so == NULL) {
        return NULL;
    }
    so->fill = 0;
    so->used = 0;
    so->mask = PySet_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
    so->finger = 0;
    so->weakreflist = NULL;
    if (iterable != NULL && set_update_internal(so, iterable) < 0) {
        Py_DECREF(so);
        return NULL;
    }
    return (PyObject *)so;
}

/* Results of set operations have the base type of their left operand:
   a subclass of set yields a set, of frozenset a frozenset. */
static PyObject *
make_new_set_basetype(PyTypeObject *type, PyObject *iterable)
{
    if (type != &PySet_Type && type != &PyFrozenSet_Type) {
        type = PyType_IsSubtype(type, &PySet_Type) ? &PySet_Type
                                                   : &PyFrozenSet_Type;
    }
    return make_new_set(type, iterable);
}

static PyObject *
make_new_frozenset(PyTypeObject *type, PyObject *iterable)
{
    if (type == &PyFrozenSet_Type && iterable != NULL
        && PyFrozenSet_CheckExact(iterable)) {
        return Py_NewRef(iterable);
    }
    return make_new_set(type, iterable);
}

PyObject *
PySet_New(PyObject *iterable)
{
    return make_new_set(&PySet_Type, iterable);
}

PyObject *
PyFrozenSet_New(PyObject *iterable)
{
    return make_new_set(&PyFrozenSet_Type, iterable);
}

static PyObject *
set_copy_of(PyObject *so)
{
    return make_new_set_basetype(Py_TYPE(so), so);
}

/* ---- set algebra ---------------------------------------------------------- */

static PyObject *
set_intersection_two(PySetObject *so, PyObject *other)
{
    PyObject *result = make_new_set_basetype(Py_TYPE(so), NULL);
    if (result == NULL) {
        return NULL;
    }
    PySetObject *res = (PySetObject *)result;
    int err = 0;
    if (PyAnySet_Check(other)) {
        Py_BEGIN_CRITICAL_SECTION2(so, other);
        /* Walk the smaller set, probe the larger. */
        PySetObject *small = so, *big = (PySetObject *)other;
        if (small->used > big->used) {
            small = (PySetObject *)other;
            big = so;
        }
        Py_ssize_t pos = 0;
        setentry *entry;
        while (err == 0 && set_next(small, &pos, &entry)) {
            PyObject *key = Py_NewRef(entry->key);
            Py_hash_t hash = entry->hash;
            int rv = set_contains_entry(big, key, hash);
            if (rv < 0) {
                err = -1;
            }
            else if (rv > 0) {
                err = set_add_entry(res, key, hash);
            }
            Py_DECREF(key);
        }
        Py_END_CRITICAL_SECTION2();
    }
    else {
        PyObject *iter = PyObject_GetIter(other);
        if (iter == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        PyObject *key;
        while (err == 0 && (key = PyIter_Next(iter)) != NULL) {
            Py_hash_t hash = _PyDict_KeyHash(key);
            if (hash == -1) {
                err = -1;
            }
            else {
                int rv;
                Py_BEGIN_CRITICAL_SECTION(so);
                rv = set_contains_entry(so, key, hash);
                Py_END_CRITICAL_SECTION();
                if (rv < 0) {
                    err = -1;
                }
                else if (rv > 0) {
                    err = set_add_entry(res, key, hash);
                }
            }
            Py_DECREF(key);
        }
        Py_DECREF(iter);
        if (PyErr_Occurred()) {
            err = -1;
        }
    }
    if (err < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *
set_intersection_multi(PyObject *so, PyObject *const *others, Py_ssize_t n)
{
    if (n == 0) {
        return set_copy_of(so);
    }
    PyObject *result = Py_NewRef(so);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *next = set_intersection_two((PySetObject *)result, others[i]);
        Py_DECREF(result);
        if (next == NULL) {
            return NULL;
        }
        result = next;
    }
    /* A lone argument intersected with itself must still be a new object
       of the left operand's base type; the loop always produced one. */
    return result;
}

/* Replace so's contents with tmp's: a new reference (stolen) to a
   private set of the same base type, or NULL after a failure to make it. */
static int
set_replace_contents(PySetObject *so, PyObject *tmp)
{
    if (tmp == NULL) {
        return -1;
    }
    int res;
    Py_BEGIN_CRITICAL_SECTION(so);
    set_clear_internal(so);
    res = set_merge(so, (PySetObject *)tmp);
    Py_END_CRITICAL_SECTION();
    Py_DECREF(tmp);
    return res;
}

static int
set_difference_update_internal(PySetObject *so, PyObject *other)
{
    int err = 0;
    if ((PyObject *)so == other) {
        Py_BEGIN_CRITICAL_SECTION(so);
        set_clear_internal(so);
        Py_END_CRITICAL_SECTION();
        return 0;
    }
    if (PyAnySet_Check(other)) {
        Py_BEGIN_CRITICAL_SECTION2(so, other);
        Py_ssize_t pos = 0;
        setentry *entry;
        while (err == 0 && set_next((PySetObject *)other, &pos, &entry)) {
            PyObject *key = Py_NewRef(entry->key);
            if (set_discard_entry(so, key, entry->hash) < 0) {
                err = -1;
            }
            Py_DECREF(key);
        }
        Py_END_CRITICAL_SECTION2();
        return err;
    }
    PyObject *iter = PyObject_GetIter(other);
    if (iter == NULL) {
        return -1;
    }
    PyObject *key;
    while (err == 0 && (key = PyIter_Next(iter)) != NULL) {
        Py_BEGIN_CRITICAL_SECTION(so);
        if (set_discard_key(so, key) < 0) {
            err = -1;
        }
        Py_END_CRITICAL_SECTION();
        Py_DECREF(key);
    }
    Py_DECREF(iter);
    return PyErr_Occurred() ? -1 : err;
}

/* so - other for a set-like or dict other: keep the keys of so that are
   not in other. */
static PyObject *
set_difference_two(PySetObject *so, PyObject *other)
{
    int other_is_set = PyAnySet_Check(other);
    if (!other_is_set && !PyDict_CheckExact(other)) {
        PyObject *result = set_copy_of((PyObject *)so);
        if (result == NULL) {
            return NULL;
        }
        if (set_difference_update_internal((PySetObject *)result, other) < 0) {
            Py_DECREF(result);
            return NULL;
        }
        return result;
    }
    PyObject *result = make_new_set_basetype(Py_TYPE(so), NULL);
    if (result == NULL) {
        return NULL;
    }
    int err = 0;
    Py_BEGIN_CRITICAL_SECTION2(so, other);
    Py_ssize_t pos = 0;
    setentry *entry;
    while (err == 0 && set_next(so, &pos, &entry)) {
        PyObject *key = Py_NewRef(entry->key);
        Py_hash_t hash = entry->hash;
        int rv = other_is_set
                 ? set_contains_entry((PySetObject *)other, key, hash)
                 : _PyDict_Contains_KnownHash(other, key, hash);
        if (rv < 0) {
            err = -1;
        }
        else if (rv == 0) {
            err = set_add_entry((PySetObject *)result, key, hash);
        }
        Py_DECREF(key);
    }
    Py_END_CRITICAL_SECTION2();
    if (err < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

/* so ^= other: each key of other is removed from so if there, else
   added.  other must be a set-like object or a dict (its keys). */
static int
set_symmetric_update_from(PySetObject *so, PyObject *other)
{
    int err = 0;
    int other_is_dict = PyDict_CheckExact(other);
    Py_BEGIN_CRITICAL_SECTION2(so, other);
    Py_ssize_t pos = 0;
    PyObject *key;
    Py_hash_t hash;
    for (;;) {
        int more;
        if (other_is_dict) {
            more = _PyDict_Next(other, &pos, &key, NULL, &hash);
        }
        else {
            setentry *entry;
            more = set_next((PySetObject *)other, &pos, &entry);
            if (more) {
                key = entry->key;
                hash = entry->hash;
            }
        }
        if (!more) {
            break;
        }
        Py_INCREF(key);
        int rv = set_discard_entry(so, key, hash);
        if (rv == 0) {
            rv = set_add_entry(so, key, hash);
        }
        Py_DECREF(key);
        if (rv < 0) {
            err = -1;
            break;
        }
    }
    Py_END_CRITICAL_SECTION2();
    return err;
}

static int
set_symmetric_difference_update_internal(PySetObject *so, PyObject *other)
{
    if ((PyObject *)so == other) {
        Py_BEGIN_CRITICAL_SECTION(so);
        set_clear_internal(so);
        Py_END_CRITICAL_SECTION();
        return 0;
    }
    if (PyDict_CheckExact(other) || PyAnySet_Check(other)) {
        return set_symmetric_update_from(so, other);
    }
    /* A general iterable may repeat keys: make it a set first. */
    PyObject *otherset = make_new_set(&PySet_Type, other);
    if (otherset == NULL) {
        return -1;
    }
    int res = set_symmetric_update_from(so, otherset);
    Py_DECREF(otherset);
    return res;
}

static PyObject *
set_symmetric_difference_two(PyObject *so, PyObject *other)
{
    /* Start from other and fold so in, as CPython does: the result's
       iteration order then matches. */
    PyObject *result = make_new_set_basetype(Py_TYPE(so), other);
    if (result == NULL) {
        return NULL;
    }
    if (set_symmetric_difference_update_internal((PySetObject *)result, so) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

/* Is every key of so in other (a set-like object)? */
static int
set_issubset_internal(PySetObject *so, PySetObject *other)
{
    int res = 1;
    Py_BEGIN_CRITICAL_SECTION2(so, other);
    if (so->used > other->used) {
        res = 0;
    }
    else {
        Py_ssize_t pos = 0;
        setentry *entry;
        while (res == 1 && set_next(so, &pos, &entry)) {
            PyObject *key = Py_NewRef(entry->key);
            res = set_contains_entry(other, key, entry->hash);
            Py_DECREF(key);
        }
    }
    Py_END_CRITICAL_SECTION2();
    return res;
}

static int
set_isdisjoint_internal(PySetObject *so, PyObject *other)
{
    if ((PyObject *)so == other) {
        return PySet_GET_SIZE(so) == 0;
    }
    int res = 1;
    if (PyAnySet_Check(other)) {
        Py_BEGIN_CRITICAL_SECTION2(so, other);
        PySetObject *small = so, *big = (PySetObject *)other;
        if (small->used > big->used) {
            small = (PySetObject *)other;
            big = so;
        }
        Py_ssize_t pos = 0;
        setentry *entry;
        while (res == 1 && set_next(small, &pos, &entry)) {
            PyObject *key = Py_NewRef(entry->key);
            int rv = set_contains_entry(big, key, entry->hash);
            Py_DECREF(key);
            res = rv < 0 ? -1 : !rv;
        }
        Py_END_CRITICAL_SECTION2();
        return res;
    }
    PyObject *iter = PyObject_GetIter(other);
    if (iter == NULL) {
        return -1;
    }
    PyObject *key;
    while (res == 1 && (key = PyIter_Next(iter)) != NULL) {
        int rv;
        Py_BEGIN_CRITICAL_SECTION(so);
        rv = set_contains_key(so, key);
        Py_END_CRITICAL_SECTION();
        Py_DECREF(key);
        res = rv < 0 ? -1 : !rv;
    }
    Py_DECREF(iter);
    return PyErr_Occurred() ? -1 : res;
}

/* ---- the C API ------------------------------------------------------------- */

Py_ssize_t
PySet_Size(PyObject *anyset)
{
    if (!PyAnySet_Check(anyset)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return PySet_GET_SIZE(anyset);
}

int
PySet_Clear(PyObject *set)
{
    if (!PySet_Check(set)) {
        PyErr_BadInternalCall();
        return -1;
    }
    Py_BEGIN_CRITICAL_SECTION(set);
    set_clear_internal((PySetObject *)set);
    Py_END_CRITICAL_SECTION();
    return 0;
}

int
PySet_Contains(PyObject *anyset, PyObject *key)
{
    if (!PyAnySet_Check(anyset)) {
        PyErr_BadInternalCall();
        return -1;
    }
    int res;
    Py_BEGIN_CRITICAL_SECTION(anyset);
    res = set_contains_key((PySetObject *)anyset, key);
    Py_END_CRITICAL_SECTION();
    return res;
}

int
PySet_Discard(PyObject *set, PyObject *key)
{
    if (!PySet_Check(set)) {
        PyErr_BadInternalCall();
        return -1;
    }
    int res;
    Py_BEGIN_CRITICAL_SECTION(set);
    res = set_discard_key((PySetObject *)set, key);
    Py_END_CRITICAL_SECTION();
    return res;
}

/* Adding to a frozenset is allowed only while it is brand new and
   private to its creator (to fill it element by element). */
int
PySet_Add(PyObject *anyset, PyObject *key)
{
    if (!PySet_Check(anyset)
        && (!PyFrozenSet_Check(anyset) || !_PyObject_IsUniquelyReferenced(anyset))) {
        PyErr_BadInternalCall();
        return -1;
    }
    int res;
    Py_BEGIN_CRITICAL_SECTION(anyset);
    res = set_add_key((PySetObject *)anyset, key);
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
set_pop_lock_held(PySetObject *so)
{
    if (so->used == 0) {
        PyErr_SetString(PyExc_KeyError, "pop from an empty set");
        return NULL;
    }
    /* Resume where the last pop stopped, so repeated pops stay linear. */
    setentry *entry = so->table + (so->finger & so->mask);
    while (!is_live(entry)) {
        entry++;
        if (entry > so->table + so->mask) {
            entry = so->table;
        }
    }
    PyObject *key = entry->key;
    entry->key = dummy;
    entry->hash = -1;
    set_used(so, so->used - 1);
    so->finger = entry - so->table + 1;
    return key;
}

PyObject *
PySet_Pop(PyObject *set)
{
    if (!PySet_Check(set)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(set);
    res = set_pop_lock_held((PySetObject *)set);
    Py_END_CRITICAL_SECTION();
    return res;
}

int
_PySet_Update(PyObject *set, PyObject *iterable)
{
    if (!PySet_Check(set)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return set_update_internal((PySetObject *)set, iterable);
}

/* ---- slots ------------------------------------------------------------------ */

static void
set_dealloc(PyObject *self)
{
    PySetObject *so = (PySetObject *)self;
    PyObject_GC_UnTrack(so);
    Py_TRASHCAN_BEGIN(so, set_dealloc)
    if (so->weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    for (Py_ssize_t i = 0; i <= so->mask; i++) {
        if (is_live(&so->table[i])) {
            Py_DECREF(so->table[i].key);
        }
    }
    if (so->table != so->smalltable) {
        PyMem_Free(so->table);
    }
    Py_TYPE(so)->tp_free(self);
    Py_TRASHCAN_END
}

static int
set_traverse(PyObject *self, visitproc visit, void *arg)
{
    PySetObject *so = (PySetObject *)self;
    for (Py_ssize_t i = 0; i <= so->mask; i++) {
        if (is_live(&so->table[i])) {
            Py_VISIT(so->table[i].key);
        }
    }
    return 0;
}

static int
set_tp_clear(PyObject *self)
{
    Py_BEGIN_CRITICAL_SECTION(self);
    set_clear_internal((PySetObject *)self);
    Py_END_CRITICAL_SECTION();
    return 0;
}

static Py_ssize_t
set_len(PyObject *self)
{
    return PySet_GET_SIZE(self);
}

/* `x in s` where x is a set: sets are unhashable, but a set equal to a
   frozenset element should be found, so retry with a frozenset copy. */
static int
set_contains(PyObject *self, PyObject *key)
{
    int rv = PySet_Contains(self, key);
    if (rv >= 0 || !PySet_Check(key) || !PyErr_ExceptionMatches(PyExc_TypeError)) {
        return rv;
    }
    PyErr_Clear();
    PyObject *frozen = make_new_set(&PyFrozenSet_Type, key);
    if (frozen == NULL) {
        return -1;
    }
    rv = PySet_Contains(self, frozen);
    Py_DECREF(frozen);
    return rv;
}

/* Element hashes are scrambled and combined with xor, so the order the
   elements sit in the table does not matter; then the size is folded in
   and the bits spread (for frozensets nested in frozensets).  The values
   are CPython's: they decide the iteration order of sets of frozensets,
   which programs print. */
static inline Py_uhash_t
scramble_element_hash(Py_uhash_t h)
{
    return ((h ^ (Py_uhash_t)89869747UL) ^ (h << 16))
           * (Py_uhash_t)3644798167UL;
}

static Py_hash_t
frozenset_hash_compute(PySetObject *so)
{
    Py_uhash_t acc = 0;
    Py_ssize_t pos = 0;
    setentry *entry;
    while (set_next(so, &pos, &entry)) {
        acc ^= scramble_element_hash((Py_uhash_t)entry->hash);
    }
    acc ^= ((Py_uhash_t)so->used + 1) * (Py_uhash_t)1927868237UL;
    acc ^= (acc >> 11) ^ (acc >> 25);
    acc = acc * 69069U + (Py_uhash_t)907133923UL;
    if (acc == (Py_uhash_t)-1) {
        acc = 590923713UL;
    }
    return (Py_hash_t)acc;
}

static Py_hash_t
frozenset_hash(PyObject *self)
{
    PySetObject *so = (PySetObject *)self;
    Py_hash_t hash = __atomic_load_n(&so->hash, __ATOMIC_RELAXED);
    if (hash != -1) {
        return hash;
    }
    hash = frozenset_hash_compute(so);
    /* Racing threads compute the same value; either store wins. */
    __atomic_store_n(&so->hash, hash, __ATOMIC_RELAXED);
    return hash;
}

/* Two frozensets whose cached hashes differ cannot be equal. */
static int
known_hashes_differ(PySetObject *a, PySetObject *b)
{
    Py_hash_t ha = __atomic_load_n(&a->hash, __ATOMIC_RELAXED);
    Py_hash_t hb = __atomic_load_n(&b->hash, __ATOMIC_RELAXED);
    return ha != -1 && hb != -1 && ha != hb;
}

static PyObject *
set_richcompare(PyObject *self, PyObject *w, int op)
{
    if (!PyAnySet_Check(w)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PySetObject *v = (PySetObject *)self;
    PySetObject *other = (PySetObject *)w;
    Py_ssize_t vlen = PySet_GET_SIZE(v), wlen = PySet_GET_SIZE(other);
    int res;
    switch (op) {
    case Py_EQ:
    case Py_NE:
        if (vlen != wlen) {
            res = 0;
        }
        else if (PyFrozenSet_CheckExact(v) && PyFrozenSet_CheckExact(w)
                 && known_hashes_differ(v, other)) {
            res = 0;
        }
        else {
            res = set_issubset_internal(v, other);
        }
        if (res >= 0 && op == Py_NE) {
            res = !res;
        }
        break;
    case Py_LE:
        res = set_issubset_internal(v, other);
        break;
    case Py_GE:
        res = set_issubset_internal(other, v);
        break;
    case Py_LT:
        res = vlen < wlen ? set_issubset_internal(v, other) : 0;
        break;
    case Py_GT:
        res = vlen > wlen ? set_issubset_internal(other, v) : 0;
        break;
    default:
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (res < 0) {
        return NULL;
    }
    return PyBool_FromLong(res);
}

/* {1, 2}, set(), frozenset({1}), MySet({1}); a set reached again while
   printing itself shows as "set(...)". */
static PyObject *
set_repr(PyObject *self)
{
    const char *name = Py_TYPE(self)->tp_name;
    int status = Py_ReprEnter(self);
    if (status != 0) {
        return status > 0 ? PyUnicode_FromFormat("%s(...)", name) : NULL;
    }
    PyObject *res = NULL;
    if (PySet_GET_SIZE(self) == 0) {
        res = PyUnicode_FromFormat("%s()", name);
        goto done;
    }
    PyObject *keys = PySequence_List(self);
    if (keys == NULL) {
        goto done;
    }
    PyObject *listrepr = PyObject_Repr(keys);
    Py_DECREF(keys);
    if (listrepr == NULL) {
        goto done;
    }
    /* "[a, b]" -> "a, b" */
    PyObject *body = PyUnicode_Substring(listrepr, 1,
                                         PyUnicode_GetLength(listrepr) - 1);
    Py_DECREF(listrepr);
    if (body == NULL) {
        goto done;
    }
    if (PySet_CheckExact(self)) {
        res = PyUnicode_FromFormat("{%U}", body);
    }
    else {
        res = PyUnicode_FromFormat("%s({%U})", name, body);
    }
    Py_DECREF(body);
done:
    Py_ReprLeave(self);
    return res;
}

/* ---- operators ------------------------------------------------------------- */

static PyObject *
set_or(PyObject *self, PyObject *other)
{
    if (!PyAnySet_Check(self) || !PyAnySet_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *result = set_copy_of(self);
    if (result == NULL) {
        return NULL;
    }
    if ((PyObject *)self != other
        && set_update_internal((PySetObject *)result, other) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *
set_and(PyObject *self, PyObject *other)
{
    if (!PyAnySet_Check(self) || !PyAnySet_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return set_intersection_two((PySetObject *)self, other);
}

static PyObject *
set_sub(PyObject *self, PyObject *other)
{
    if (!PyAnySet_Check(self) || !PyAnySet_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return set_difference_two((PySetObject *)self, other);
}

static PyObject *
set_xor(PyObject *self, PyObject *other)
{
    if (!PyAnySet_Check(self) || !PyAnySet_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return set_symmetric_difference_two(self, other);
}

static int
set_intersection_update_internal(PySetObject *so, PyObject *other)
{
    return set_replace_contents(so, set_intersection_two(so, other));
}

/* self OP= other for sets only: `update` changes self in place. */
static PyObject *
set_inplace(PyObject *self, PyObject *other,
            int (*update)(PySetObject *, PyObject *))
{
    if (!PyAnySet_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (update((PySetObject *)self, other) < 0) {
        return NULL;
    }
    return Py_NewRef(self);
}

static PyObject *
set_ior(PyObject *self, PyObject *other)
{
    return set_inplace(self, other, set_update_internal);
}

static PyObject *
set_iand(PyObject *self, PyObject *other)
{
    return set_inplace(self, other, set_intersection_update_internal);
}

static PyObject *
set_isub(PyObject *self, PyObject *other)
{
    return set_inplace(self, other, set_difference_update_internal);
}

static PyObject *
set_ixor(PyObject *self, PyObject *other)
{
    return set_inplace(self, other, set_symmetric_difference_update_internal);
}

/* ---- methods ---------------------------------------------------------------- */

static PyObject *
set_method_add(PyObject *self, PyObject *key)
{
    if (PySet_Add(self, key) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
set_method_clear(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PySet_Clear(self);
    Py_RETURN_NONE;
}

static PyObject *
set_method_contains(PyObject *self, PyObject *key)
{
    int rv = set_contains(self, key);
    if (rv < 0) {
        return NULL;
    }
    return PyBool_FromLong(rv);
}

static PyObject *
set_method_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return set_copy_of(self);
}

static PyObject *
frozenset_method_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    if (PyFrozenSet_CheckExact(self)) {
        return Py_NewRef(self);
    }
    return set_copy_of(self);
}

/* discard/remove with a set argument look for the equal frozenset. */
static int
set_discard_with_set_key(PyObject *self, PyObject *key)
{
    int rv = PySet_Discard(self, key);
    if (rv >= 0 || !PySet_Check(key) || !PyErr_ExceptionMatches(PyExc_TypeError)) {
        return rv;
    }
    PyErr_Clear();
    PyObject *frozen = make_new_set(&PyFrozenSet_Type, key);
    if (frozen == NULL) {
        return -1;
    }
    rv = PySet_Discard(self, frozen);
    Py_DECREF(frozen);
    return rv;
}

static PyObject *
set_method_discard(PyObject *self, PyObject *key)
{
    if (set_discard_with_set_key(self, key) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
set_method_remove(PyObject *self, PyObject *key)
{
    int rv = set_discard_with_set_key(self, key);
    if (rv < 0) {
        return NULL;
    }
    if (rv == 0) {
        PyObject *exc = PyObject_CallOneArg(PyExc_KeyError, key);
        if (exc != NULL) {
            PyErr_SetObject(PyExc_KeyError, exc);
            Py_DECREF(exc);
        }
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
set_method_pop(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PySet_Pop(self);
}

static PyObject *
set_method_difference(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs == 0) {
        return set_copy_of(self);
    }
    PyObject *result = set_difference_two((PySetObject *)self, args[0]);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 1; i < nargs; i++) {
        if (set_difference_update_internal((PySetObject *)result, args[i]) < 0) {
            Py_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static PyObject *
set_method_difference_update(PyObject *self, PyObject *const *args,
                             Py_ssize_t nargs)
{
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (set_difference_update_internal((PySetObject *)self, args[i]) < 0) {
            return NULL;
        }
    }
    Py_RETURN_NONE;
}

static PyObject *
set_method_intersection(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return set_intersection_multi(self, args, nargs);
}

static PyObject *
set_method_intersection_update(PyObject *self, PyObject *const *args,
                               Py_ssize_t nargs)
{
    if (nargs == 0) {
        Py_RETURN_NONE;
    }
    if (set_replace_contents((PySetObject *)self,
                             set_intersection_multi(self, args, nargs)) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
set_method_isdisjoint(PyObject *self, PyObject *other)
{
    int rv = set_isdisjoint_internal((PySetObject *)self, other);
    if (rv < 0) {
        return NULL;
    }
    return PyBool_FromLong(rv);
}

static PyObject *
set_method_issubset(PyObject *self, PyObject *other)
{
    if (PyAnySet_Check(other)) {
        int rv = set_issubset_internal((PySetObject *)self, (PySetObject *)other);
        return rv < 0 ? NULL : PyBool_FromLong(rv);
    }
    PyObject *tmp = make_new_set(&PySet_Type, other);
    if (tmp == NULL) {
        return NULL;
    }
    int rv = set_issubset_internal((PySetObject *)self, (PySetObject *)tmp);
    Py_DECREF(tmp);
    return rv < 0 ? NULL : PyBool_FromLong(rv);
}

static PyObject *
set_method_issuperset(PyObject *self, PyObject *other)
{
    if (PyAnySet_Check(other)) {
        int rv = set_issubset_internal((PySetObject *)other, (PySetObject *)self);
        return rv < 0 ? NULL : PyBool_FromLong(rv);
    }
    PyObject *iter = PyObject_GetIter(other);
    if (iter == NULL) {
        return NULL;
    }
    int rv = 1;
    PyObject *key;
    while (rv == 1 && (key = PyIter_Next(iter)) != NULL) {
        rv = PySet_Contains(self, key);
        Py_DECREF(key);
    }
    Py_DECREF(iter);
    if (PyErr_Occurred()) {
        return NULL;
    }
    return PyBool_FromLong(rv);
}

static PyObject *
set_method_symmetric_difference(PyObject *self, PyObject *other)
{
    return set_symmetric_difference_two(self, other);
}

static PyObject *
set_method_symmetric_difference_update(PyObject *self, PyObject *other)
{
    if (set_symmetric_difference_update_internal((PySetObject *)self, other) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
set_method_union(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *result = set_copy_of(self);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (args[i] != self
            && set_update_internal((PySetObject *)result, args[i]) < 0) {
            Py_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static PyObject *
set_method_update(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (set_update_internal((PySetObject *)self, args[i]) < 0) {
            return NULL;
        }
    }
    Py_RETURN_NONE;
}

/* Pickle support: (type, (list(self),), state), the state as
   object.__getstate__ gives it (instance dict and __slots__ values). */
static PyObject *
set_method_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *keys = PySequence_List(self);
    if (keys == NULL) {
        return NULL;
    }
    PyObject *args = PyTuple_Pack(1, keys);
    Py_DECREF(keys);
    if (args == NULL) {
        return NULL;
    }
    PyObject *state = _PyObject_GetState(self);
    if (state == NULL) {
        Py_DECREF(args);
        return NULL;
    }
    PyObject *res = PyTuple_Pack(3, (PyObject *)Py_TYPE(self), args, state);
    Py_DECREF(args);
    Py_DECREF(state);
    return res;
}

static PyObject *
set_method_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PySetObject *so = (PySetObject *)self;
    Py_ssize_t size = Py_TYPE(so)->tp_basicsize;
    if (so->table != so->smalltable) {
        size += (so->mask + 1) * (Py_ssize_t)sizeof(setentry);
    }
    return PyLong_FromSsize_t(size);
}

#define SET_FASTCALL(func) _PyCFunction_CAST(func), METH_FASTCALL

static PyMethodDef set_methods[] = {
    {"add", set_method_add, METH_O,
     "Add an element to a set.\n\nThis has no effect if the element is already present."},
    {"clear", set_method_clear, METH_NOARGS, "Remove all elements from this set."},
    {"__contains__", set_method_contains, METH_O | METH_COEXIST,
     "x.__contains__(y) <==> y in x."},
    {"copy", set_method_copy, METH_NOARGS, "Return a shallow copy of a set."},
    {"discard", set_method_discard, METH_O,
     "Remove an element from a set if it is a member.\n\n"
     "Unlike set.remove(), the discard() method does not raise\n"
     "an exception when an element is missing from the set."},
    {"difference", SET_FASTCALL(set_method_difference),
     "Return a new set with elements in the set that are not in the others."},
    {"difference_update", SET_FASTCALL(set_method_difference_update),
     "Update the set, removing elements found in others."},
    {"intersection", SET_FASTCALL(set_method_intersection),
     "Return a new set with elements common to the set and all others."},
    {"intersection_update", SET_FASTCALL(set_method_intersection_update),
     "Update the set, keeping only elements found in it and all others."},
    {"isdisjoint", set_method_isdisjoint, METH_O,
     "Return True if two sets have a null intersection."},
    {"issubset", set_method_issubset, METH_O,
     "Report whether another set contains this set."},
    {"issuperset", set_method_issuperset, METH_O,
     "Report whether this set contains another set."},
    {"pop", set_method_pop, METH_NOARGS,
     "Remove and return an arbitrary set element.\n\n"
     "Raises KeyError if the set is empty."},
    {"__reduce__", set_method_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"remove", set_method_remove, METH_O,
     "Remove an element from a set; it must be a member.\n\n"
     "If the element is not a member, raise a KeyError."},
    {"__sizeof__", set_method_sizeof, METH_NOARGS, "S.__sizeof__() -> size of S in memory, in bytes."},
    {"symmetric_difference", set_method_symmetric_difference, METH_O,
     "Return a new set with elements in either the set or other but not both."},
    {"symmetric_difference_update", set_method_symmetric_difference_update, METH_O,
     "Update the set, keeping only elements found in either set, but not in both."},
    {"union", SET_FASTCALL(set_method_union),
     "Return a new set with elements from the set and all others."},
    {"update", SET_FASTCALL(set_method_update),
     "Update the set, adding elements from all others."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef frozenset_methods[] = {
    {"__contains__", set_method_contains, METH_O | METH_COEXIST,
     "x.__contains__(y) <==> y in x."},
    {"copy", frozenset_method_copy, METH_NOARGS, "Return a shallow copy of a set."},
    {"difference", SET_FASTCALL(set_method_difference),
     "Return a new set with elements in the set that are not in the others."},
    {"intersection", SET_FASTCALL(set_method_intersection),
     "Return a new set with elements common to the set and all others."},
    {"isdisjoint", set_method_isdisjoint, METH_O,
     "Return True if two sets have a null intersection."},
    {"issubset", set_method_issubset, METH_O,
     "Report whether another set contains this set."},
    {"issuperset", set_method_issuperset, METH_O,
     "Report whether this set contains another set."},
    {"__reduce__", set_method_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__sizeof__", set_method_sizeof, METH_NOARGS, "S.__sizeof__() -> size of S in memory, in bytes."},
    {"symmetric_difference", set_method_symmetric_difference, METH_O,
     "Return a new set with elements in either the set or other but not both."},
    {"union", SET_FASTCALL(set_method_union),
     "Return a new set with elements from the set and all others."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

/* ---- construction from Python ------------------------------------------ */

static PyObject *
set_new(PyTypeObject *type, PyObject *Py_UNUSED(args), PyObject *kwds)
{
    if (type == &PySet_Type && !_PyArg_NoKeywords("set", kwds)) {
        return NULL;
    }
    return make_new_set(type, NULL);
}

/* set.__init__ empties the set, then adds the iterable's elements. */
static int
set_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *iterable = NULL;
    if (!_PyArg_NoKeywords("set", kwds)) {
        return -1;
    }
    if (!PyArg_UnpackTuple(args, Py_TYPE(self)->tp_name, 0, 1, &iterable)) {
        return -1;
    }
    int res = 0;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (((PySetObject *)self)->fill != 0) {
        set_clear_internal((PySetObject *)self);
    }
    ((PySetObject *)self)->hash = -1;
    if (iterable != NULL) {
        res = set_update_lock_held((PySetObject *)self, iterable);
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
set_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf,
               PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("set", kwnames)) {
        return NULL;
    }
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_CheckPositional("set", nargs, 0, 1)) {
        return NULL;
    }
    return make_new_set((PyTypeObject *)type, nargs ? args[0] : NULL);
}

static PyObject *
frozenset_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *iterable = NULL;
    if ((type == &PyFrozenSet_Type || type->tp_init == PyFrozenSet_Type.tp_init)
        && !_PyArg_NoKeywords("frozenset", kwds)) {
        return NULL;
    }
    if (!PyArg_UnpackTuple(args, type->tp_name, 0, 1, &iterable)) {
        return NULL;
    }
    return make_new_frozenset(type, iterable);
}

static PyObject *
frozenset_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf,
                     PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("frozenset", kwnames)) {
        return NULL;
    }
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_CheckPositional("frozenset", nargs, 0, 1)) {
        return NULL;
    }
    return make_new_frozenset((PyTypeObject *)type, nargs ? args[0] : NULL);
}

/* ---- iterator ---------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PySetObject *si_set;            /* owned; NULL once exhausted (GIL build) */
    Py_ssize_t si_used;             /* the set's size when iteration began */
    Py_ssize_t si_pos;              /* next slot to examine */
    Py_ssize_t len;                 /* elements still to produce */
} setiterobject;

static PyObject *
set_iter(PyObject *self)
{
    setiterobject *si = PyObject_GC_New(setiterobject, &PySetIter_Type);
    if (si == NULL) {
        return NULL;
    }
    si->si_set = (PySetObject *)Py_NewRef(self);
    si->si_used = PySet_GET_SIZE(self);
    si->si_pos = 0;
    si->len = si->si_used;
    PyObject_GC_Track(si);
    return (PyObject *)si;
}

static void
setiter_dealloc(PyObject *self)
{
    setiterobject *si = (setiterobject *)self;
    PyObject_GC_UnTrack(si);
    Py_XDECREF(si->si_set);
    PyObject_GC_Del(si);
}

static int
setiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((setiterobject *)self)->si_set);
    return 0;
}

static PyObject *
setiter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    setiterobject *si = (setiterobject *)self;
    Py_ssize_t len = 0;
    if (si->si_set != NULL && si->si_used == PySet_GET_SIZE(si->si_set)) {
        len = si->len;
    }
    return PyLong_FromSsize_t(len);
}

/* Step under the set's lock; see dictobject.c for why the free-threaded
   build keeps the container until the iterator dies. */
static PyObject *
setiter_iternext(PyObject *self)
{
    setiterobject *si = (setiterobject *)self;
    PySetObject *so = si->si_set;
    if (so == NULL) {
        return NULL;
    }
    PyObject *key = NULL;
    int exhausted = 0;
    Py_BEGIN_CRITICAL_SECTION(so);
    if (si->si_used != so->used) {
        PyErr_SetString(PyExc_RuntimeError, "Set changed size during iteration");
        si->si_used = -1;
    }
    else if (si->si_pos > so->mask) {
        exhausted = 1;
    }
    else {
        Py_ssize_t pos = si->si_pos;
        setentry *entry;
        if (set_next(so, &pos, &entry)) {
            key = Py_NewRef(entry->key);
            si->len--;
        }
        else {
            exhausted = 1;
        }
        si->si_pos = pos;
    }
    Py_END_CRITICAL_SECTION();
    /* After "changed size" the iterator keeps failing (si_used is -1). */
    if (exhausted) {
#ifndef Py_GIL_DISABLED
        Py_CLEAR(si->si_set);
#endif
    }
    return key;
}

/* Pickled as iter(list of the elements still to come), found by running
   a copy of the iterator.  The fields are copied under the set's critical
   section, where setiter_iternext changes them. */
static PyObject *
setiter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    setiterobject *si = (setiterobject *)self;
    PySetObject *so = si->si_set;
    if (so == NULL) {
        return _PyIter_ReduceItems(PyList_New(0));
    }
    setiterobject *copy = PyObject_GC_New(setiterobject, &PySetIter_Type);
    if (copy == NULL) {
        return NULL;
    }
    copy->si_set = (PySetObject *)Py_NewRef(so);
    Py_BEGIN_CRITICAL_SECTION(so);
    copy->si_used = si->si_used;
    copy->si_pos = si->si_pos;
    copy->len = si->len;
    Py_END_CRITICAL_SECTION();
    PyObject_GC_Track(copy);
    PyObject *items = PySequence_List((PyObject *)copy);
    Py_DECREF(copy);
    return _PyIter_ReduceItems(items);
}

static PyMethodDef setiter_methods[] = {
    {"__length_hint__", setiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", setiter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PySetIter_Type = {
    .tp_name = "set_iterator",
    .tp_basicsize = sizeof(setiterobject),
    .tp_dealloc = setiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = setiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = setiter_iternext,
    .tp_methods = setiter_methods,
    .ob_base = PyVarObject_HEAD_INIT(&PyType_Type, 0)
};

/* ---- the types ---------------------------------------------------------------- */

static PyNumberMethods set_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
    .nb_inplace_subtract = set_isub,
    .nb_inplace_and = set_iand,
    .nb_inplace_xor = set_ixor,
    .nb_inplace_or = set_ior,
};

static PyNumberMethods frozenset_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
};

static PySequenceMethods set_as_sequence = {
    .sq_length = set_len,
    .sq_contains = set_contains,
};

PyTypeObject PySet_Type = {
    .tp_name = "set",
    .tp_basicsize = sizeof(PySetObject),
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_as_number = &set_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE
                | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "set(iterable=(), /)\n--\n\n"
              "Build an unordered collection of unique elements.",
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_richcompare = set_richcompare,
    .tp_weaklistoffset = offsetof(PySetObject, weakreflist),
    .tp_iter = set_iter,
    .tp_methods = set_methods,
    .tp_init = set_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = set_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = set_vectorcall,
    .ob_base = PyVarObject_HEAD_INIT(&PyType_Type, 0)
};

PyTypeObject PyFrozenSet_Type = {
    .tp_name = "frozenset",
    .tp_basicsize = sizeof(PySetObject),
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_as_number = &frozenset_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_hash = frozenset_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE
                | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "frozenset(iterable=(), /)\n--\n\n"
              "Build an immutable unordered collection of unique elements.",
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_richcompare = set_richcompare,
    .tp_weaklistoffset = offsetof(PySetObject, weakreflist),
    .tp_iter = set_iter,
    .tp_methods = frozenset_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = frozenset_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = frozenset_vectorcall,
    .ob_base = PyVarObject_HEAD_INIT(&PyType_Type, 0)
};
