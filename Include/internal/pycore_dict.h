/* Core-only view of dicts: the keys-table layout and helpers used by the
   VM and the type system.

   A keys table is one allocation: the header, then an index table of
   2**dk_log2_size slots, each 1, 2, 4 or 8 bytes wide, then the dense
   entries array of USABLE_FRACTION(size) entries in insertion order.  An
   index slot holds DKIX_EMPTY, DKIX_DUMMY (a deleted entry was here; the
   probe chain continues) or the position of an entry.  Entries are only
   appended; deleting one leaves a hole (me_key == NULL) until the next
   resize compacts the array. */
#ifndef Py_INTERNAL_DICT_H
#define Py_INTERNAL_DICT_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "pycore_object.h"

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)
/* Free-threaded build: _PyDict_LookupNoCall's answer when deciding
   whether an entry's key equals the sought one would run code. */
#define DKIX_NEEDS_CALL (-4)

/* Smallest non-empty table: 8 slots, 5 usable entries. */
#define PyDict_LOG_MINSIZE 3
#define PyDict_MINSIZE (1 << PyDict_LOG_MINSIZE)

/* A table of n slots holds at most two thirds of n entries, which keeps
   probe chains short. */
#define USABLE_FRACTION(n) (((n) << 1) / 3)

typedef enum {
    DICT_KEYS_GENERAL = 0,
    DICT_KEYS_UNICODE = 1,          /* every key is an exact str */
} DictKeysKind;

typedef struct {
    Py_hash_t me_hash;
    PyObject *me_key;               /* owned; NULL for a deleted entry */
    PyObject *me_value;             /* owned; NULL for a deleted entry */
} PyDictKeyEntry;

/* Each keys table belongs to exactly one dict (no sharing), except the
   immortal empty table every empty dict points at. */
struct _dictkeysobject {
    uint8_t dk_log2_size;           /* log2 of the number of index slots */
    uint8_t dk_log2_index_bytes;    /* log2 of the index table's byte size */
    uint8_t dk_kind;                /* DictKeysKind */
    uint8_t dk_immortal;            /* the shared empty table: never freed */
    uint32_t dk_version;            /* keys version (_PyDict_GetKeysVersion); atomic */
    Py_ssize_t dk_usable;           /* entries that can still be appended */
    Py_ssize_t dk_nentries;         /* entries appended, deleted ones included */
    /* index table, then the entries, follow the header */
};

#define DK_LOG_SIZE(dk) ((dk)->dk_log2_size)
#define DK_SIZE(dk) ((Py_ssize_t)1 << DK_LOG_SIZE(dk))
#define DK_MASK(dk) (DK_SIZE(dk) - 1)

static inline void *_PyDictKeys_Indices(PyDictKeysObject *dk) {
    return (char *)dk + sizeof(PyDictKeysObject);
}

static inline PyDictKeyEntry *DK_ENTRIES(PyDictKeysObject *dk) {
    return (PyDictKeyEntry *)((char *)_PyDictKeys_Indices(dk)
                              + ((size_t)1 << dk->dk_log2_index_bytes));
}

/* The keys table of a live dict; in the free-threaded build the caller
   holds the dict's critical section. */
static inline PyDictKeysObject *_PyDict_Keys(PyObject *mp) {
    return ((PyDictObject *)mp)->ma_keys;
}

/* Probe step: i = (i * 5 + perturb + 1) & mask, perturb >>= this. */
#define _PyDict_PERTURB_SHIFT 5

/* Entry position stored in index slot i (or DKIX_EMPTY/DKIX_DUMMY); the
   caller holds the dict's critical section or the table is private. */
static inline Py_ssize_t
_PyDictKeys_GetIndex(PyDictKeysObject *dk, size_t i)
{
    void *indices = _PyDictKeys_Indices(dk);
    uint8_t log2 = dk->dk_log2_size;
    if (log2 < 8) {
        return ((int8_t *)indices)[i];
    }
    if (log2 < 16) {
        return ((int16_t *)indices)[i];
    }
    if (log2 < 32) {
        return ((int32_t *)indices)[i];
    }
    return (Py_ssize_t)((int64_t *)indices)[i];
}

#ifdef Py_GIL_DISABLED
/* The lock-free reader's form: pairs with dk_set_index's release store. */
static inline Py_ssize_t
_PyDictKeys_LoadIndex(PyDictKeysObject *dk, size_t i)
{
    void *indices = _PyDictKeys_Indices(dk);
    uint8_t log2 = dk->dk_log2_size;
    if (log2 < 8) {
        return __atomic_load_n(&((int8_t *)indices)[i], __ATOMIC_ACQUIRE);
    }
    if (log2 < 16) {
        return __atomic_load_n(&((int16_t *)indices)[i], __ATOMIC_ACQUIRE);
    }
    if (log2 < 32) {
        return __atomic_load_n(&((int32_t *)indices)[i], __ATOMIC_ACQUIRE);
    }
    return (Py_ssize_t)__atomic_load_n(&((int64_t *)indices)[i], __ATOMIC_ACQUIRE);
}
#endif

/* Look key up in mp (a dict or a frozendict); *value gets a new reference
   or NULL.  Returns the entry index, DKIX_EMPTY, or DKIX_ERROR with an
   exception set (Objects/dictlookup.c). */
PyAPI_FUNC(Py_ssize_t) _PyDict_LookupRef(PyDictObject *mp, PyObject *key,
                                         Py_hash_t hash, PyObject **value);
/* Whether key is in mp: 1, 0, or -1 with an exception set; takes no
   reference to the value (Objects/dictlookup.c). */
PyAPI_FUNC(int) _PyDict_LookupPresent(PyDictObject *mp, PyObject *key,
                                      Py_hash_t hash);

/* Watchers (Objects/dictwatchers.c): bits 0-7 of _ma_watcher_tag. */
#define _PyDict_WATCHER_MASK 0xff
PyAPI_FUNC(void) _PyDict_NotifyWatchers(PyDict_WatchEvent event,
                                        PyDictObject *mp, PyObject *key,
                                        PyObject *value);

/* Watchers learn about a change before it is made.  Relaxed atomic load:
   lock-free readers set _PyDict_SHARED_BIT in the same word. */
static inline void
_PyDict_Notify(PyDict_WatchEvent event, PyDictObject *mp,
               PyObject *key, PyObject *value)
{
    if (Py_UNLIKELY(__atomic_load_n(&mp->_ma_watcher_tag, __ATOMIC_RELAXED)
                    & _PyDict_WATCHER_MASK)) {
        _PyDict_NotifyWatchers(event, mp, key, value);
    }
}

/* hash(key) for dict and set lookups: a str whose hash is already cached
   (published with a relaxed store, see pycore_unicodeobject.h) skips the
   call. */
static inline Py_hash_t _PyDict_KeyHash(PyObject *key) {
    if (PyUnicode_CheckExact(key)) {
        Py_hash_t hash = __atomic_load_n(&((PyASCIIObject *)key)->hash,
                                         __ATOMIC_RELAXED);
        if (hash != -1) {
            return hash;
        }
    }
    return PyObject_Hash(key);
}

/* Known-hash and reference-stealing variants (Objects/dictobject.c). */
PyAPI_FUNC(PyObject *) _PyDict_GetItem_KnownHash(PyObject *mp, PyObject *key,
                                                 Py_hash_t hash);
PyAPI_FUNC(int) _PyDict_GetItemRef_KnownHash(PyDictObject *mp, PyObject *key,
                                             Py_hash_t hash, PyObject **result);
PyAPI_FUNC(int) _PyDict_SetItem_KnownHash(PyObject *mp, PyObject *key,
                                          PyObject *value, Py_hash_t hash);
PyAPI_FUNC(int) _PyDict_DelItem_KnownHash(PyObject *mp, PyObject *key,
                                          Py_hash_t hash);
PyAPI_FUNC(int) _PyDict_Contains_KnownHash(PyObject *mp, PyObject *key,
                                           Py_hash_t hash);
/* Steals both references, even on failure. */
PyAPI_FUNC(int) _PyDict_SetItem_Take2(PyDictObject *mp, PyObject *key,
                                      PyObject *value);
/* Like PyDict_Next, also reporting the stored hash. */
PyAPI_FUNC(int) _PyDict_Next(PyObject *mp, Py_ssize_t *pos, PyObject **key,
                             PyObject **value, Py_hash_t *hash);
/* A dict of `length` items keys[i*keys_offset] -> values[i*values_offset]. */
PyAPI_FUNC(PyObject *) _PyDict_FromItems(PyObject *const *keys,
                                         Py_ssize_t keys_offset,
                                         PyObject *const *values,
                                         Py_ssize_t values_offset,
                                         Py_ssize_t length);
/* override: 0 keep existing, 1 replace, 2 raise KeyError(key) on a
   duplicate key (used for f(**a, **b)). */
PyAPI_FUNC(int) _PyDict_MergeEx(PyObject *a, PyObject *b, int override);
PyAPI_FUNC(int) _PyDict_HasOnlyStringKeys(PyObject *mp);
PyAPI_FUNC(Py_ssize_t) _PyDict_SizeOf(PyDictObject *mp);
PyAPI_FUNC(PyObject *) _PyDict_GetItemStringWithError(PyObject *mp,
                                                      const char *key);
/* Entry index or DKIX_EMPTY/DKIX_ERROR; *value_addr receives a borrowed
   value (NULL when absent).  The caller holds the critical section in
   the free-threaded build. */
PyAPI_FUNC(Py_ssize_t) _Py_dict_lookup(PyDictObject *mp, PyObject *key,
                                       Py_hash_t hash, PyObject **value_addr);
#ifdef Py_GIL_DISABLED
/* Keys whose equality with any other key is decided without running code
   (exact str and exact int; session 13, ftdict): their lookups and
   stores may run in a leaf critical section. */
static inline int _PyDict_IsPlainKey(PyObject *key) {
    return PyUnicode_CheckExact(key) || PyLong_CheckExact(key);
}
/* Entry index of key (a plain key) in dk, DKIX_EMPTY, or DKIX_NEEDS_CALL
   when an entry with the same hash could only be compared by calling
   __eq__.  Runs no code and never fails; the caller holds the dict's
   (leaf) critical section (Objects/dictlookup.c). */
PyAPI_FUNC(Py_ssize_t) _PyDict_LookupNoCall(PyDictKeysObject *dk,
                                            PyObject *key, Py_hash_t hash);
#endif
/* dict.update(arg): a dict, anything with keys(), or an iterable of pairs. */
PyAPI_FUNC(int) _PyDict_UpdateArg(PyObject *self, PyObject *arg);

/* Variants for callers already inside the dict's critical section. */
PyAPI_FUNC(int) _PyDict_SetItem_LockHeld(PyDictObject *mp, PyObject *key,
                                         PyObject *value);
PyAPI_FUNC(int) _PyDict_GetItemRef_LockHeld(PyDictObject *mp, PyObject *key,
                                            PyObject **result);
PyAPI_FUNC(int) _PyDict_Pop_LockHeld(PyDictObject *mp, PyObject *key,
                                     PyObject **result);

/* Free-threaded build: bit of _ma_watcher_tag that a thread other than
   the dict's owner sets before its first lock-free read; writers then
   free what they drop through QSBR (Objects/dictobject.c, "sharing with
   lock-free readers"). */
#define _PyDict_SHARED_BIT ((uint64_t)1 << 63)
/* Free-threaded build: bit a non-owner sets (with the shared bit) before
   it first reads a value it keeps without a reference
   (_PyDict_GetItemQsbr); writers then delay the references of the values
   they drop (Objects/dictobject.c, drop_care). */
#define _PyDict_QSBR_BIT ((uint64_t)1 << 62)

#ifdef Py_GIL_DISABLED
static inline void _PyDict_NoteLockFreeReader(PyDictObject *mp) {
    if (_Py_IsOwnedByCurrentThread((PyObject *)mp)) {
        return;     /* the owner's own writes need no delaying for it */
    }
    /* Sequentially consistent, against the writer's read-modify-write of
       the same word: either the writer sees the bit or this reader sees
       the writer's stores. */
    if (!(__atomic_load_n(&mp->_ma_watcher_tag, __ATOMIC_RELAXED)
          & _PyDict_SHARED_BIT)) {
        __atomic_fetch_or(&mp->_ma_watcher_tag, _PyDict_SHARED_BIT,
                          __ATOMIC_SEQ_CST);
    }
}
#endif

#ifdef Py_GIL_DISABLED
/* mp[key] without a reference, for a QSBR-borrowed stack slot: mp an
   exact dict the caller does not own, key an exact str.  1 with *value,
   0 absent, -1 ask the counted lookup (Objects/dictlookup.c). */
PyAPI_FUNC(int) _PyDict_GetItemQsbr(PyDictObject *mp, PyObject *key,
                                    PyObject **value);
#endif

/* specialize: the VM's hint caches.  The value of mp's entry number ix
   when that entry holds key itself, as a new reference: returns 1.
   Returns 0 (with *value NULL) when ix is out of range, the entry holds
   another key or none, or the value cannot be referenced lock-free.  An
   entry holding key is key's only entry, so a hit is exactly mp[key].
   Never runs user code or locks.  Always inline: the VM's attribute and
   global loads call it on every hit, and GCC would not inline it into
   the evaluator by itself.  Free-threaded build: a lock-free
   read under lookup_lockfree's rules (Objects/dictlookup.c): tables and
   dropped values outlive this call through QSBR, and the entry's key is
   loaded before its value and checked again after.  Default build: the
   GIL holds off writers, the atomics are plain loads. */
static inline Py_ALWAYS_INLINE int
_PyDict_GetItemAtHint(PyDictObject *mp, PyObject *key, Py_ssize_t ix,
                      PyObject **value)
{
    *value = NULL;
#ifdef Py_GIL_DISABLED
    _PyDict_NoteLockFreeReader(mp);
#endif
    PyDictKeysObject *dk = __atomic_load_n(&mp->ma_keys, __ATOMIC_ACQUIRE);
    if ((size_t)ix >= (size_t)__atomic_load_n(&dk->dk_nentries, __ATOMIC_ACQUIRE)) {
        return 0;
    }
    PyDictKeyEntry *ep = &DK_ENTRIES(dk)[ix];
    if (__atomic_load_n(&ep->me_key, __ATOMIC_ACQUIRE) != key) {
        return 0;
    }
    PyObject *found = __atomic_load_n(&ep->me_value, __ATOMIC_ACQUIRE);
    if (found == NULL || !_Py_TryIncref(found)) {
        return 0;
    }
#ifdef Py_GIL_DISABLED
    if (__atomic_load_n(&ep->me_key, __ATOMIC_ACQUIRE) != key
            || __atomic_load_n(&ep->me_value, __ATOMIC_ACQUIRE) != found) {
        Py_DECREF(found);
        return 0;
    }
#endif
    *value = found;
    return 1;
}
PyAPI_FUNC(Py_ssize_t) _PyDict_LookupHint(PyObject *mp, PyObject *key);
/* spec (session 6): a replacing store through an entry hint. */
PyAPI_FUNC(int) _PyDict_SetItemAtHint(PyDictObject *mp, PyObject *key,
                                      Py_ssize_t ix, PyObject *value);
PyAPI_FUNC(uint32_t) _PyDict_GetKeysVersion(PyDictObject *mp);
PyAPI_FUNC(uint32_t) _PyDict_CurrentKeysVersion(PyDictObject *mp);

/* The dict type's tp_iter, so callers can tell whether a subclass
   overrides iteration, and the iterator constructor. */
PyAPI_FUNC(PyObject *) _PyDict_Iter(PyObject *dict);
PyAPI_FUNC(PyObject *) _PyDictIter_New(PyDictObject *dict,
                                       PyTypeObject *itertype);

#endif /* Py_INTERNAL_DICT_H */
