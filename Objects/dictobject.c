/* Dictionaries: compact, insertion-ordered hash maps.

   A dict points at a keys table (Include/internal/pycore_dict.h): a
   sparse index table of 1/2/4/8-byte slots followed by a dense array of
   (hash, key, value) entries in insertion order.  Lookups hash the key,
   walk the index table with open addressing and perturbation, and compare
   the entries the slots point at.  Insertion appends an entry; deletion
   marks its slot DKIX_DUMMY and empties the entry, so iteration order is
   insertion order and a resize compacts the holes away.

   Thread safety (free-threaded build): every mutation runs inside the
   dict's critical section.  Lookups of an exact str key in an all-str
   table take no lock (Objects/dictlookup.c); what writers do for them is
   under "sharing with lock-free readers" below.

   frozendict (PEP 814), at the end of this file, reuses the layout and
   the table code; the read-only C API accepts it, and its readers take
   no lock because it never changes after construction.

   The views and iterators live in Objects/dictviews.c, the lookups (the
   locked and lock-free probes, the counted read behind the C API getters)
   in Objects/dictlookup.c, the watchers in Objects/dictwatchers.c. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_dict.h"
#include "pycore_freelist.h"    /* churn: the dict free list */
#include "pycore_qsbr.h"
#include "pycore_unicodeobject.h"

/* Static type objects below list `.ob_base = PyVarObject_HEAD_INIT(...)`
   last, so the initializer reads the same whether or not the macro ends
   in a comma. */

/* The keys table shared by every empty dict: eight empty slots and no
   room, so the first insertion allocates a real table.  Never written. */
static struct {
    PyDictKeysObject header;
    int8_t indices[PyDict_MINSIZE];
} empty_keys_storage = {
    { PyDict_LOG_MINSIZE, PyDict_LOG_MINSIZE, DICT_KEYS_UNICODE, 1, 0, 0, 0 },
    { -1, -1, -1, -1, -1, -1, -1, -1 },
};
#define Py_EMPTY_KEYS (&empty_keys_storage.header)

Py_BUILD_ASSERT(sizeof(PyDictKeysObject) % sizeof(void *) == 0);

/* ---- interned names, created on first use ------------------------------- */

/* Publish a lazily made interned string so a racing reader sees either
   NULL or a complete object; interned strings are immortal, so the loser
   of a race may simply drop its copy. */
static PyObject *
cached_name(PyObject **slot, const char *text)
{
    PyObject *name = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
    if (name != NULL) {
        return name;
    }
    name = PyUnicode_InternFromString(text);
    if (name == NULL) {
        return NULL;
    }
    PyObject *expected = NULL;
    if (!__atomic_compare_exchange_n(slot, &expected, name, 0,
                                     __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        Py_DECREF(name);
        name = expected;
    }
    return name;
}

/* ---- the index table ---------------------------------------------------- */

static inline void
dk_set_index(PyDictKeysObject *dk, size_t i, Py_ssize_t ix)
{
    /* A release store: a lock-free reader that finds ix in the index
       also sees the entry written before it (free-threaded build). */
    void *indices = _PyDictKeys_Indices(dk);
    uint8_t log2 = dk->dk_log2_size;
    if (log2 < 8) {
        __atomic_store_n(&((int8_t *)indices)[i], (int8_t)ix, __ATOMIC_RELEASE);
    }
    else if (log2 < 16) {
        __atomic_store_n(&((int16_t *)indices)[i], (int16_t)ix, __ATOMIC_RELEASE);
    }
    else if (log2 < 32) {
        __atomic_store_n(&((int32_t *)indices)[i], (int32_t)ix, __ATOMIC_RELEASE);
    }
    else {
        __atomic_store_n(&((int64_t *)indices)[i], (int64_t)ix, __ATOMIC_RELEASE);
    }
}

/* Bytes per index slot, as a power of two: wide enough for every entry
   position a table of that size can hold. */
static inline uint8_t
index_width_log2(uint8_t log2_size)
{
    if (log2_size < 8) {
        return 0;
    }
    if (log2_size < 16) {
        return 1;
    }
    if (log2_size < 32) {
        return 2;
    }
    return 3;
}

/* Smallest table (as log2 of its slot count) with at least minsize slots. */
static uint8_t
log2_keysize_for_slots(Py_ssize_t minsize)
{
    uint8_t log2 = PyDict_LOG_MINSIZE;
    while (((Py_ssize_t)1 << log2) < minsize && log2 < 62) {
        log2++;
    }
    return log2;
}

/* Smallest table whose usable fraction holds n entries. */
static uint8_t
log2_keysize_for_items(Py_ssize_t n)
{
    return log2_keysize_for_slots((n * 3 + 1) / 2);
}

/* After a table fills up it grows to three times the live items, so a
   dict that keeps deleting and inserting compacts instead of growing. */
static inline Py_ssize_t
growth_target(PyDictObject *mp)
{
    return mp->ma_used * 3;
}

static size_t
keys_alloc_size(uint8_t log2_size)
{
    uint8_t log2_bytes = log2_size + index_width_log2(log2_size);
    Py_ssize_t usable = USABLE_FRACTION((Py_ssize_t)1 << log2_size);
    return sizeof(PyDictKeysObject) + ((size_t)1 << log2_bytes)
           + (size_t)usable * sizeof(PyDictKeyEntry);
}

static PyDictKeysObject *
new_keys_object(uint8_t log2_size, int unicode)
{
    if (log2_size >= 8 * sizeof(Py_ssize_t) - 3) {
        PyErr_NoMemory();
        return NULL;
    }
    PyDictKeysObject *dk = PyMem_Malloc(keys_alloc_size(log2_size));
    if (dk == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    dk->dk_log2_size = log2_size;
    dk->dk_log2_index_bytes = log2_size + index_width_log2(log2_size);
    dk->dk_kind = unicode ? DICT_KEYS_UNICODE : DICT_KEYS_GENERAL;
    dk->dk_immortal = 0;
    dk->dk_version = 0;
    dk->dk_usable = USABLE_FRACTION((Py_ssize_t)1 << log2_size);
    dk->dk_nentries = 0;
    /* All bits set reads as DKIX_EMPTY at every slot width. */
    memset(_PyDictKeys_Indices(dk), 0xff, (size_t)1 << dk->dk_log2_index_bytes);
    return dk;
}

/* Drop the references a table owns, then free it. */
static void
free_keys_and_contents(PyDictKeysObject *dk)
{
    if (dk->dk_immortal) {
        return;
    }
    PyDictKeyEntry *ep = DK_ENTRIES(dk);
    Py_ssize_t n = dk->dk_nentries;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_XDECREF(ep[i].me_key);
        Py_XDECREF(ep[i].me_value);
    }
    PyMem_Free(dk);
}

/* The slot of the first free (empty or dummy) place in hash's probe
   chain; the caller knows the key is absent.  Always inline: GCC stopped
   inlining it into append_entry and dict_resize when the index readers
   moved to pycore_dict.h (callgrind, sort_dict: +0.2% instructions). */
static inline Py_ALWAYS_INLINE size_t
find_free_slot(PyDictKeysObject *dk, Py_hash_t hash)
{
    size_t mask = (size_t)DK_MASK(dk);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    while (_PyDictKeys_GetIndex(dk, i) >= 0) {
        perturb >>= _PyDict_PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* The slot that holds entry position ix. */
static size_t
find_slot_of_entry(PyDictKeysObject *dk, Py_hash_t hash, Py_ssize_t ix)
{
    size_t mask = (size_t)DK_MASK(dk);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    while (_PyDictKeys_GetIndex(dk, i) != ix) {
        perturb >>= _PyDict_PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* Fill an empty index table for the first n (live, compact) entries. */
static void
build_indices(PyDictKeysObject *dk, PyDictKeyEntry *ep, Py_ssize_t n)
{
    for (Py_ssize_t ix = 0; ix < n; ix++) {
        dk_set_index(dk, find_free_slot(dk, ep[ix].me_hash), ix);
    }
}

/* ---- allocation ---------------------------------------------------------- */

/* Publish a new keys table.  Release order so that a future lock-free
   reader that sees the pointer also sees the table's contents. */
static inline void
set_keys(PyDictObject *mp, PyDictKeysObject *dk)
{
    __atomic_store_n(&mp->ma_keys, dk, __ATOMIC_RELEASE);
}

static inline void
set_used(PyDictObject *mp, Py_ssize_t used)
{
    __atomic_store_n(&mp->ma_used, used, __ATOMIC_RELAXED);
}

/* ---- sharing with lock-free readers (free-threaded build) ---------------

   Readers of an exact-str-keyed table look keys up without the dict's
   critical section (lookup_lockfree, Objects/dictlookup.c).  What they
   may touch after a writer has moved on must stay readable until every
   thread has passed a quiescent point:
   - a keys table replaced by a resize or clear is freed through QSBR;
   - a key a writer drops is marked with _PyObject_SetMaybeWeakref first,
     so that if this was its last reference it dies through a merge of
     its counts and its memory goes through QSBR too (Objects/refcount.c);
   - a value a writer drops is marked the same way, or, when a non-owner
     kept one of mp's values without a reference (the QSBR bit), gets
     one more reference that QSBR drops later (_PyObject_DecRefDelayed),
     so it stays alive, not just readable; the values of such a dict
     that dies get it too (delay_values_of_dying).
   All of it costs something, so it is done only for a dict other threads
   may be reading: one a non-owner has read lock-free (DICT_SHARED_BIT,
   set by the reader before its first lock-free read) or one the writer
   itself does not own; the delay only for the QSBR bit (drop_care).  The
   reader's bit store and the writer's bit load are sequentially
   consistent read-modify-writes of one word, so either the writer sees
   the bit or the reader sees the new entry. */

#define DICT_SHARED_BIT _PyDict_SHARED_BIT

#ifdef Py_GIL_DISABLED
static inline int
dict_may_have_readers(PyDictObject *mp)
{
    /* One thread state only (locking.md): no other thread reads, and this
       one is not inside a lock-free read while it writes. */
    if (!_Py_SeveralThreadStates()) {
        return 0;
    }
    if (!_Py_IsOwnedByCurrentThread((PyObject *)mp)) {
        return 1;
    }
    /* A read-modify-write, not a plain load: ordered after this thread's
       store to the entry and against the reader's fetch_or (a fence
       would do the same, but ThreadSanitizer does not model fences). */
    return (__atomic_fetch_add(&mp->_ma_watcher_tag, 0, __ATOMIC_SEQ_CST)
            & DICT_SHARED_BIT) != 0;
}

static inline void
dict_note_lockfree_reader(PyDictObject *mp)
{
    if (!(__atomic_load_n(&mp->_ma_watcher_tag, __ATOMIC_RELAXED)
          & DICT_SHARED_BIT)) {
        __atomic_fetch_or(&mp->_ma_watcher_tag, DICT_SHARED_BIT,
                          __ATOMIC_SEQ_CST);
    }
}
#endif

/* What a writer must do with the keys and values it drops from mp
   (bits of the answer; always 0 in the default build):
   DROP_MARK: lock-free readers may compare or count them (the shared bit
   is set, or the writer does not own mp), so they are marked;
   DROP_DELAY: a non-owner kept a value without a reference (the QSBR bit
   is set, _PyDict_GetItemQsbr), so dropped values get a delayed
   reference instead, which keeps them alive.  Decided with one
   sequentially consistent read-modify-write, after the writer's stores,
   against the readers' fetch_or before their loads: either the writer
   sees the bit or the reader sees the writer's stores.  Only the
   uncounted reads ask for the delay, so a dict other threads merely look
   things up in frees what it drops at once, as before. */
enum { DROP_MARK = 1, DROP_DELAY = 2 };

static inline int
drop_care(PyDictObject *mp)
{
#ifdef Py_GIL_DISABLED
    if (!_Py_SeveralThreadStates()) {
        /* One thread state only (locking.md): no other thread can be
           reading, so nothing needs marking and no atomic is needed;
           but this thread may itself hold one of mp's values without a
           reference (an unowned dict read by _PyDict_GetItemQsbr), so
           the QSBR bit still asks for the delay. */
        return (__atomic_load_n(&mp->_ma_watcher_tag, __ATOMIC_RELAXED)
                & _PyDict_QSBR_BIT) ? DROP_DELAY : 0;
    }
    uint64_t tag = __atomic_fetch_add(&mp->_ma_watcher_tag, 0,
                                      __ATOMIC_SEQ_CST);
    int care = (tag & _PyDict_QSBR_BIT) ? DROP_DELAY : 0;
    if ((tag & DICT_SHARED_BIT)
            || !_Py_IsOwnedByCurrentThread((PyObject *)mp)) {
        care |= DROP_MARK;
    }
    return care;
#else
    (void)mp;
    return 0;
#endif
}

/* A key the caller is about to release from mp; `care` is drop_care(mp).
   Marked so that, if this was its last reference, it dies through a merge
   and its memory outlives lock-free readers' comparisons. */
static inline void
prepare_to_drop_key(int care, PyObject *key)
{
    if (care & DROP_MARK) {
        _PyObject_SetMaybeWeakref(key);
    }
}

/* A value the caller is about to release from mp (or NULL); `care` is
   drop_care(mp).  With DROP_DELAY one more reference goes to QSBR
   (_PyObject_DecRefDelayed), so the value stays alive, not just
   readable, until every thread has passed a quiescent point: the VM
   keeps values read from another thread's dict without a reference
   (_PyDict_GetItemQsbr, Objects/dictlookup.c).  Taken while the caller
   still holds the dict's reference, so the value is alive; the caller's
   own release then never frees it.  Else it is marked like a key. */
static inline void
prepare_to_drop_value(int care, PyObject *value)
{
#ifdef Py_GIL_DISABLED
    if ((care & DROP_DELAY) && value != NULL && !_Py_IsImmortal(value)) {
        _PyObject_DecRefDelayed(Py_NewRef(value));
        return;
    }
#endif
    if ((care & DROP_MARK) && value != NULL) {
        _PyObject_SetMaybeWeakref(value);
    }
}

/* Free a table that mp no longer points at and whose references have
   moved elsewhere. */
static void
retire_keys(PyDictObject *mp, PyDictKeysObject *dk)
{
    if (dk->dk_immortal) {
        return;
    }
#ifdef Py_GIL_DISABLED
    if (dict_may_have_readers(mp)) {
        _PyMem_FreeDelayed(dk);
        return;
    }
#else
    (void)mp;
#endif
    PyMem_Free(dk);
}

/* A new exact dict owning `keys` (stolen) with `used` live items. */
static PyObject *
new_dict(PyDictKeysObject *keys, Py_ssize_t used)
{
    /* churn: a dead dict from the thread's free list (pycore_freelist.h) */
    PyDictObject *mp = (PyDictObject *)_Py_freelist_pop_gc(
        &_Py_freelists_get()->dicts, &PyDict_Type);
    if (mp == NULL) {
        mp = PyObject_GC_New(PyDictObject, &PyDict_Type);
    }
    if (mp == NULL) {
        free_keys_and_contents(keys);
        return NULL;
    }
    mp->ma_used = used;
    mp->_ma_watcher_tag = 0;
    mp->ma_keys = keys;
    mp->ma_values = NULL;
    PyObject_GC_Track(mp);
    return (PyObject *)mp;
}

PyObject *
PyDict_New(void)
{
    return new_dict(Py_EMPTY_KEYS, 0);
}

PyObject *
_PyDict_NewPresized(Py_ssize_t minused)
{
    if (minused <= USABLE_FRACTION(PyDict_MINSIZE)) {
        return PyDict_New();
    }
    PyDictKeysObject *dk = new_keys_object(log2_keysize_for_items(minused), 1);
    if (dk == NULL) {
        return NULL;
    }
    return new_dict(dk, 0);
}

/* ---- specialize: the VM's hint caches (Python/specialize.c) ------------- */

/* _PyDict_GetItemAtHint is inline, in Include/internal/pycore_dict.h. */

/* mp[key] = value when key is the key of mp's entry number ix: returns 1
   (value gets a new reference).  Returns 0, changing nothing, when ix is
   out of range or its entry holds another key or none.  A replacement:
   ma_used and the keys version stay, watchers hear PyDict_EVENT_MODIFIED
   as for any store.  Runs in mp's critical section, as insertdict does;
   the old value is released after it, once mp is consistent. */
int
_PyDict_SetItemAtHint(PyDictObject *mp, PyObject *key, Py_ssize_t ix,
                      PyObject *value)
{
    PyObject *old_value = NULL;
    int stored = 0;
    Py_BEGIN_CRITICAL_SECTION(mp);
    PyDictKeysObject *dk = mp->ma_keys;
    if (ix >= 0 && ix < dk->dk_nentries) {
        PyDictKeyEntry *ep = &DK_ENTRIES(dk)[ix];
        if (ep->me_key == key && ep->me_value != NULL) {
            old_value = ep->me_value;
            if (old_value != value) {
                _PyDict_Notify(PyDict_EVENT_MODIFIED, mp, key, value);
                /* The notification may run code: the entry is
                   checked again. */
                if (mp->ma_keys == dk && ep->me_key == key
                        && ep->me_value == old_value) {
                    __atomic_store_n(&ep->me_value, Py_NewRef(value),
                                     __ATOMIC_RELEASE);
                    prepare_to_drop_value(drop_care(mp), old_value);
                    stored = 1;
                }
            }
            else {
                old_value = NULL;
                stored = 1;
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    if (stored) {
        Py_XDECREF(old_value);
    }
    return stored;
}

static uint32_t next_keys_version = 1;

/* A nonzero number naming mp's current set of keys: it stays mp's keys
   version until a key is inserted (append_entry clears it; a new table
   starts without one).  Deletions keep it, so it proves only that no key
   was added since: what LOAD_GLOBAL_BUILTIN needs (its name is absent from
   the globals).  0 when none can be given (the shared empty table, the
   numbers ran out).  The caller holds mp's critical section, as
   append_entry's writer does, so a version is never given to a table
   while a key is being added. */
uint32_t
_PyDict_GetKeysVersion(PyDictObject *mp)
{
    PyDictKeysObject *dk = mp->ma_keys;
    uint32_t version = __atomic_load_n(&dk->dk_version, __ATOMIC_RELAXED);
    if (version != 0 || dk->dk_immortal) {
        return version;
    }
    /* The counter stops at 0 after its last value: never reused. */
    version = __atomic_load_n(&next_keys_version, __ATOMIC_RELAXED);
    do {
        if (version == 0) {
            return 0;
        }
    } while (!__atomic_compare_exchange_n(&next_keys_version, &version,
                                          version + 1, 0, __ATOMIC_RELAXED,
                                          __ATOMIC_RELAXED));
    __atomic_store_n(&dk->dk_version, version, __ATOMIC_RELAXED);
    return version;
}

/* mp's keys version now (0: none), for a guard; never assigns one.  A
   lock-free read, like _PyDict_GetItemAtHint's. */
uint32_t
_PyDict_CurrentKeysVersion(PyDictObject *mp)
{
#ifdef Py_GIL_DISABLED
    if (!_Py_IsOwnedByCurrentThread((PyObject *)mp)) {
        dict_note_lockfree_reader(mp);
    }
#endif
    PyDictKeysObject *dk = __atomic_load_n(&mp->ma_keys, __ATOMIC_ACQUIRE);
    return __atomic_load_n(&dk->dk_version, __ATOMIC_RELAXED);
}

/* ---- insertion, deletion, resize --------------------------------------- */

/* Rebuild mp's table with 2**log2_newsize slots, dropping deleted
   entries.  Moves every reference; calls no user code. */
static int
dict_resize(PyDictObject *mp, uint8_t log2_newsize)
{
    PyDictKeysObject *old = mp->ma_keys;
    PyDictKeysObject *dk = new_keys_object(log2_newsize,
                                           old->dk_kind == DICT_KEYS_UNICODE);
    if (dk == NULL) {
        return -1;
    }
    Py_ssize_t used = mp->ma_used;
    PyDictKeyEntry *src = DK_ENTRIES(old);
    PyDictKeyEntry *dst = DK_ENTRIES(dk);
    Py_ssize_t n = old->dk_nentries;
    if (n == used) {
        memcpy(dst, src, (size_t)n * sizeof(PyDictKeyEntry));
    }
    else {
        Py_ssize_t j = 0;
        for (Py_ssize_t i = 0; i < n; i++) {
            if (src[i].me_value != NULL) {
                dst[j++] = src[i];
            }
        }
    }
    build_indices(dk, dst, used);
    dk->dk_nentries = used;
    dk->dk_usable -= used;
    set_keys(mp, dk);
    retire_keys(mp, old);
    return 0;
}

static int
insertion_resize(PyDictObject *mp)
{
    return dict_resize(mp, log2_keysize_for_slots(growth_target(mp)));
}

/* Append a new entry for a key known to be absent; steals key and value. */
static int
append_entry(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject *value)
{
    if (mp->ma_keys == Py_EMPTY_KEYS) {
        PyDictKeysObject *dk = new_keys_object(PyDict_LOG_MINSIZE,
                                               PyUnicode_CheckExact(key));
        if (dk == NULL) {
            goto fail;
        }
        set_keys(mp, dk);
    }
    else if (mp->ma_keys->dk_usable <= 0 && insertion_resize(mp) < 0) {
        goto fail;
    }
    PyDictKeysObject *dk = mp->ma_keys;
    if (dk->dk_kind == DICT_KEYS_UNICODE && !PyUnicode_CheckExact(key)) {
        /* Atomic: lock-free readers test the kind before probing. */
        __atomic_store_n(&dk->dk_kind, DICT_KEYS_GENERAL, __ATOMIC_RELAXED);
    }
    Py_ssize_t ix = dk->dk_nentries;
    PyDictKeyEntry *ep = &DK_ENTRIES(dk)[ix];
    /* Atomic stores: popitem lets a later insert reuse an entry that a
       lock-free reader may still be looking at. */
    __atomic_store_n(&ep->me_hash, hash, __ATOMIC_RELAXED);
    __atomic_store_n(&ep->me_key, key, __ATOMIC_RELEASE);
    __atomic_store_n(&ep->me_value, value, __ATOMIC_RELEASE);
    dk_set_index(dk, find_free_slot(dk, hash), ix);
    /* specialize: atomic for _PyDict_GetItemAtHint; a new key ends the
       keys version (_PyDict_GetKeysVersion). */
    __atomic_store_n(&dk->dk_nentries, ix + 1, __ATOMIC_RELAXED);
    if (__atomic_load_n(&dk->dk_version, __ATOMIC_RELAXED) != 0) {
        __atomic_store_n(&dk->dk_version, 0, __ATOMIC_RELAXED);
    }
    dk->dk_usable--;
    set_used(mp, mp->ma_used + 1);
    return 0;
fail:
    Py_DECREF(key);
    Py_DECREF(value);
    return -1;
}

/* Set mp[key] = value.  Steals both references, even on failure.  The
   caller holds mp's critical section. */
static int
insertdict(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject *value)
{
    PyObject *old_value;
    Py_ssize_t ix = _Py_dict_lookup(mp, key, hash, &old_value);
    if (ix == DKIX_ERROR) {
        Py_DECREF(key);
        Py_DECREF(value);
        return -1;
    }
    if (ix == DKIX_EMPTY) {
        _PyDict_Notify(PyDict_EVENT_ADDED, mp, key, value);
        return append_entry(mp, key, hash, value);
    }
    if (old_value != value) {
        _PyDict_Notify(PyDict_EVENT_MODIFIED, mp, key, value);
        __atomic_store_n(&DK_ENTRIES(mp->ma_keys)[ix].me_value, value,
                         __ATOMIC_RELEASE);
        prepare_to_drop_value(drop_care(mp), old_value);
        Py_DECREF(old_value);
    }
    else {
        Py_DECREF(value);
    }
    Py_DECREF(key);
    return 0;
}

/* Unlink entry ix; the caller receives its key and value references and
   drops them once the dict is consistent again. */
static void
unlink_entry(PyDictObject *mp, Py_ssize_t ix, PyObject **key_out,
             PyObject **value_out)
{
    PyDictKeysObject *dk = mp->ma_keys;
    PyDictKeyEntry *ep = &DK_ENTRIES(dk)[ix];
    dk_set_index(dk, find_slot_of_entry(dk, ep->me_hash, ix), DKIX_DUMMY);
    *key_out = ep->me_key;
    *value_out = ep->me_value;
    __atomic_store_n(&ep->me_key, NULL, __ATOMIC_RELAXED);
    __atomic_store_n(&ep->me_value, NULL, __ATOMIC_RELAXED);
    set_used(mp, mp->ma_used - 1);
    /* After the stores: see drop_care. */
    int care = drop_care(mp);
    prepare_to_drop_key(care, *key_out);
    prepare_to_drop_value(care, *value_out);
}

/* KeyError(key), built explicitly so that a tuple key is not unpacked
   into the exception's arguments. */
static void
set_key_error(PyObject *key)
{
    PyObject *exc = PyObject_CallOneArg(PyExc_KeyError, key);
    if (exc != NULL) {
        PyErr_SetObject(PyExc_KeyError, exc);
        Py_DECREF(exc);
    }
}

/* Empty mp; the caller holds its critical section.  `garbage`: mp is
   cyclic garbage (dict_tp_clear), which no thread can hold a value of
   without a reference: the collector found it unreachable with the world
   stopped, and every thread made its QSBR-borrowed locals owned before
   it stopped.  Its values are then released at once, so the collection
   frees what it found (the collector's own ownership test would
   otherwise always ask for the delay: garbage belongs to no thread). */
static void
clear_lock_held(PyDictObject *mp, int garbage)
{
    PyDictKeysObject *old = mp->ma_keys;
    if (old == Py_EMPTY_KEYS) {
        return;
    }
    _PyDict_Notify(PyDict_EVENT_CLEARED, mp, NULL, NULL);
    set_keys(mp, Py_EMPTY_KEYS);
    set_used(mp, 0);
    /* The dict is already empty and consistent when destructors run. */
    PyDictKeyEntry *ep = DK_ENTRIES(old);
    Py_ssize_t n = old->dk_nentries;
    /* Decided once: the check is an atomic read-modify-write. */
    int care = drop_care(mp);
    if (garbage) {
        care &= ~DROP_DELAY;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (ep[i].me_key != NULL) {
            prepare_to_drop_key(care, ep[i].me_key);
            prepare_to_drop_value(care, ep[i].me_value);
        }
        Py_XDECREF(ep[i].me_key);
        Py_XDECREF(ep[i].me_value);
    }
    retire_keys(mp, old);
}

/* ---- hashing helpers ---------------------------------------------------- */

static inline Py_hash_t
hash_key(PyObject *key)
{
    return _PyDict_KeyHash(key);
}

/* For the mutating API: a dict, not a frozendict. */
static inline int
check_dict(PyObject *op)
{
    if (op != NULL && PyFrozenDict_Check(op)) {
        PyErr_Format(PyExc_TypeError,
                     "'%.200s' object does not support item assignment",
                     Py_TYPE(op)->tp_name);
        return -1;
    }
    if (op == NULL || !PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return 0;
}

/* For the read-only API, which also serves frozendict (PEP 814). */
static inline int
check_anydict(PyObject *op)
{
    if (op == NULL || !PyAnyDict_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return 0;
}

/* The caller knows op is a dict or a frozendict; the flag test is cheaper
   than a subtype walk. */
static inline int
is_frozen(PyObject *op)
{
    return !PyDict_Check(op);
}

/* ---- the C API: single items ---------------------------------------------- */

int
_PyDict_SetItem_LockHeld(PyDictObject *mp, PyObject *key, PyObject *value)
{
    Py_hash_t hash = hash_key(key);
    if (hash == -1) {
        return -1;
    }
    return insertdict(mp, Py_NewRef(key), hash, Py_NewRef(value));
}

#ifdef Py_GIL_DISABLED
/* Whether mp has watchers, which a change must call: not in a leaf
   section.  The same relaxed load as _PyDict_Notify's: PyDict_Watch sets
   its bit with an atomic or, outside the section, so a watch racing with
   a store may miss it either way. */
static inline int
has_watchers(PyDictObject *mp)
{
    return (__atomic_load_n(&mp->_ma_watcher_tag, __ATOMIC_RELAXED)
            & _PyDict_WATCHER_MASK) != 0;
}

/* Whether append_entry can add to dk without a resize (which allocates a
   table and retires the old one: not in a leaf section). */
static inline int
has_room(PyDictKeysObject *dk)
{
    return dk != Py_EMPTY_KEYS && dk->dk_usable > 0;
}

/* mp[key] = value for a plain key (_PyDict_IsPlainKey), done in mp's leaf
   critical section (session 13, ftdict; Doc/internals/locking.md, "Dict
   leaf sections"): the probe runs no code, the stores are those insertdict
   makes, drop_care is one atomic read-modify-write, and everything that
   could run code, allocate a table or free one is left out: watchers
   (they are called), a full table (a resize), an entry only __eq__ can
   compare, and the releases, which the caller makes after the section.
   Returns 1 when stored: value's reference moved into mp, *drop_key and
   *drop_value (either may be NULL) are references the caller releases,
   the value after prepare_to_drop_value(*care, ...).  Returns 0 with
   nothing changed and nothing moved when insertdict must do it. */
static int
insert_leaf(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject *value,
            PyObject **drop_key, PyObject **drop_value, int *care)
{
    if (has_watchers(mp)) {
        return 0;
    }
    PyDictKeysObject *dk = mp->ma_keys;
    Py_ssize_t ix = _PyDict_LookupNoCall(dk, key, hash);
    if (ix == DKIX_NEEDS_CALL) {
        return 0;
    }
    if (ix == DKIX_EMPTY) {
        if (!has_room(dk)) {
            return 0;
        }
        (void)append_entry(mp, key, hash, value);   /* room: cannot fail */
        return 1;
    }
    PyDictKeyEntry *ep = &DK_ENTRIES(dk)[ix];
    PyObject *old_value = ep->me_value;
    if (old_value != value) {
        __atomic_store_n(&ep->me_value, value, __ATOMIC_RELEASE);
        *care = drop_care(mp);      /* after the store: see drop_care */
    }
    *drop_value = old_value;        /* or the caller's extra reference */
    *drop_key = key;
    return 1;
}
#endif

/* Set mp[key] = value, stealing both references even on failure; the
   free-threaded build stores a plain key in a leaf section when it can,
   else (and always in the default build) in mp's critical section. */
static int
setitem_take2_known_hash(PyDictObject *mp, PyObject *key, Py_hash_t hash,
                         PyObject *value)
{
#ifdef Py_GIL_DISABLED
    if (_PyDict_IsPlainKey(key)) {
        PyObject *drop_key = NULL, *drop_value = NULL;
        int care = 0, done;
        _Py_BEGIN_LEAF_CRITICAL_SECTION(mp);
        done = insert_leaf(mp, key, hash, value, &drop_key, &drop_value,
                           &care);
        _Py_END_LEAF_CRITICAL_SECTION();
        if (done) {
            /* The references are still ours: marked or delayed before
               their release, as insertdict does inside its section. */
            prepare_to_drop_value(care, drop_value);
            Py_XDECREF(drop_value);
            Py_XDECREF(drop_key);
            return 0;
        }
    }
#endif
    int res;
    Py_BEGIN_CRITICAL_SECTION(mp);
    res = insertdict(mp, key, hash, value);
    Py_END_CRITICAL_SECTION();
    return res;
}

int
_PyDict_SetItem_Take2(PyDictObject *mp, PyObject *key, PyObject *value)
{
    Py_hash_t hash = hash_key(key);
    if (hash == -1) {
        Py_DECREF(key);
        Py_DECREF(value);
        return -1;
    }
    return setitem_take2_known_hash(mp, key, hash, value);
}

int
PyDict_SetItem(PyObject *op, PyObject *key, PyObject *value)
{
    if (check_dict(op) < 0) {
        return -1;
    }
    return _PyDict_SetItem_Take2((PyDictObject *)op, Py_NewRef(key),
                                 Py_NewRef(value));
}

int
_PyDict_SetItem_KnownHash(PyObject *op, PyObject *key, PyObject *value,
                          Py_hash_t hash)
{
    if (check_dict(op) < 0) {
        return -1;
    }
    return setitem_take2_known_hash((PyDictObject *)op, Py_NewRef(key), hash,
                                    Py_NewRef(value));
}

int
PyDict_SetItemString(PyObject *op, const char *key, PyObject *value)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL) {
        return -1;
    }
    PyUnicode_InternInPlace(&kv);
    int res = PyDict_SetItem(op, kv, value);
    Py_DECREF(kv);
    return res;
}

int
_PyDict_GetItemRef_LockHeld(PyDictObject *mp, PyObject *key, PyObject **result)
{
    Py_hash_t hash = hash_key(key);
    if (hash == -1) {
        *result = NULL;
        return -1;
    }
    PyObject *value;
    Py_ssize_t ix = _Py_dict_lookup(mp, key, hash, &value);
    if (ix == DKIX_ERROR) {
        *result = NULL;
        return -1;
    }
    *result = Py_XNewRef(value);
    return value != NULL;
}

int
PyDict_GetItemStringRef(PyObject *op, const char *key, PyObject **result)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL) {
        *result = NULL;
        return -1;
    }
    int res = PyDict_GetItemRef(op, kv, result);
    Py_DECREF(kv);
    return res;
}

/* Borrowed lookups.  In the free-threaded build the value may be removed
   by another thread once the critical section ends; that is the contract
   of these legacy functions, as in CPython. */
PyObject *
_PyDict_GetItem_KnownHash(PyObject *op, PyObject *key, Py_hash_t hash)
{
    if (!PyAnyDict_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *value;
    if (is_frozen(op)) {
        /* Immutable: the value lives as long as the frozendict. */
        (void)_Py_dict_lookup((PyDictObject *)op, key, hash, &value);
        return value;
    }
    Py_BEGIN_CRITICAL_SECTION(op);
    (void)_Py_dict_lookup((PyDictObject *)op, key, hash, &value);
    Py_END_CRITICAL_SECTION();
    return value;
}

PyObject *
PyDict_GetItemWithError(PyObject *op, PyObject *key)
{
    if (!PyAnyDict_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_hash_t hash = hash_key(key);
    if (hash == -1) {
        return NULL;
    }
    return _PyDict_GetItem_KnownHash(op, key, hash);
}

/* Legacy: any error raised by hashing or comparing is discarded, and an
   exception already pending on entry is preserved. */
PyObject *
PyDict_GetItem(PyObject *op, PyObject *key)
{
    if (!PyAnyDict_Check(op)) {
        return NULL;
    }
    PyObject *saved = PyErr_GetRaisedException();
    PyObject *value = PyDict_GetItemWithError(op, key);
    if (value == NULL && PyErr_Occurred()) {
        PyErr_Clear();
    }
    PyErr_SetRaisedException(saved);
    return value;
}

PyObject *
_PyDict_GetItemStringWithError(PyObject *op, const char *key)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL) {
        return NULL;
    }
    PyObject *value = PyDict_GetItemWithError(op, kv);
    Py_DECREF(kv);
    return value;
}

PyObject *
PyDict_GetItemString(PyObject *op, const char *key)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL) {
        PyErr_Clear();
        return NULL;
    }
    PyObject *value = PyDict_GetItem(op, kv);
    Py_DECREF(kv);
    return value;
}

int
_PyDict_Contains_KnownHash(PyObject *op, PyObject *key, Py_hash_t hash)
{
    return _PyDict_LookupPresent((PyDictObject *)op, key, hash);
}

int
PyDict_Contains(PyObject *op, PyObject *key)
{
    if (check_anydict(op) < 0) {
        return -1;
    }
    Py_hash_t hash = hash_key(key);
    if (hash == -1) {
        return -1;
    }
    return _PyDict_Contains_KnownHash(op, key, hash);
}

int
PyDict_ContainsString(PyObject *op, const char *key)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL) {
        return -1;
    }
    int res = PyDict_Contains(op, kv);
    Py_DECREF(kv);
    return res;
}

/* Remove key; 1 and the value (new reference) when found, 0 when absent,
   -1 on error.  The caller holds the critical section. */
static int
pop_lock_held(PyDictObject *mp, PyObject *key, Py_hash_t hash,
              PyObject **result)
{
    PyObject *value;
    Py_ssize_t ix = _Py_dict_lookup(mp, key, hash, &value);
    if (ix == DKIX_ERROR) {
        *result = NULL;
        return -1;
    }
    if (value == NULL) {
        *result = NULL;
        return 0;
    }
    _PyDict_Notify(PyDict_EVENT_DELETED, mp, key, NULL);
    PyObject *old_key, *old_value;
    unlink_entry(mp, ix, &old_key, &old_value);
    Py_DECREF(old_key);
    *result = old_value;
    return 1;
}

int
_PyDict_Pop_LockHeld(PyDictObject *mp, PyObject *key, PyObject **result)
{
    Py_hash_t hash = hash_key(key);
    if (hash == -1) {
        *result = NULL;
        return -1;
    }
    return pop_lock_held(mp, key, hash, result);
}

static int
pop_known_hash(PyObject *op, PyObject *key, Py_hash_t hash, PyObject **result)
{
    PyObject *value;
    int res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = pop_lock_held((PyDictObject *)op, key, hash, &value);
    Py_END_CRITICAL_SECTION();
    if (result != NULL) {
        *result = value;
    }
    else {
        Py_XDECREF(value);
    }
    return res;
}

int
PyDict_Pop(PyObject *op, PyObject *key, PyObject **result)
{
    if (check_dict(op) < 0) {
        if (result != NULL) {
            *result = NULL;
        }
        return -1;
    }
    Py_hash_t hash = hash_key(key);
    if (hash == -1) {
        if (result != NULL) {
            *result = NULL;
        }
        return -1;
    }
    return pop_known_hash(op, key, hash, result);
}

int
PyDict_PopString(PyObject *op, const char *key, PyObject **result)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL) {
        if (result != NULL) {
            *result = NULL;
        }
        return -1;
    }
    int res = PyDict_Pop(op, kv, result);
    Py_DECREF(kv);
    return res;
}

int
_PyDict_DelItem_KnownHash(PyObject *op, PyObject *key, Py_hash_t hash)
{
    if (check_dict(op) < 0) {
        return -1;
    }
    int res = pop_known_hash(op, key, hash, NULL);
    if (res == 0) {
        set_key_error(key);
        return -1;
    }
    return res < 0 ? -1 : 0;
}

int
PyDict_DelItem(PyObject *op, PyObject *key)
{
    Py_hash_t hash = hash_key(key);
    if (hash == -1) {
        return -1;
    }
    return _PyDict_DelItem_KnownHash(op, key, hash);
}

int
PyDict_DelItemString(PyObject *op, const char *key)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL) {
        return -1;
    }
    int res = PyDict_DelItem(op, kv);
    Py_DECREF(kv);
    return res;
}

/* mp.setdefault(key, default): 1 when the key was present, 0 when the
   default was stored.  *result gets a new reference to the stored value. */
static int
setdefault_lock_held(PyDictObject *mp, PyObject *key, PyObject *default_value,
                     PyObject **result)
{
    Py_hash_t hash = hash_key(key);
    if (hash == -1) {
        *result = NULL;
        return -1;
    }
    PyObject *value;
    Py_ssize_t ix = _Py_dict_lookup(mp, key, hash, &value);
    if (ix == DKIX_ERROR) {
        *result = NULL;
        return -1;
    }
    if (value != NULL) {
        *result = Py_NewRef(value);
        return 1;
    }
    _PyDict_Notify(PyDict_EVENT_ADDED, mp, key, default_value);
    if (append_entry(mp, Py_NewRef(key), hash, Py_NewRef(default_value)) < 0) {
        *result = NULL;
        return -1;
    }
    *result = Py_NewRef(default_value);
    return 0;
}

#ifdef Py_GIL_DISABLED
enum { SETDEFAULT_FULL = -2 };

/* setdefault_lock_held for a plain key, in op's leaf section (session 13,
   ftdict; see insert_leaf): 1 with the found value, 0 with the added
   default, each a new reference in *result; SETDEFAULT_FULL with nothing
   changed when setdefault_lock_held must do it (another key type, an
   entry only __eq__ can compare, watchers, a full table). */
static int
setdefault_leaf(PyDictObject *mp, PyObject *key, PyObject *default_value,
                PyObject **result)
{
    if (!_PyDict_IsPlainKey(key)) {
        return SETDEFAULT_FULL;
    }
    Py_hash_t hash = hash_key(key);     /* a plain key's: runs no code */
    int res = SETDEFAULT_FULL;
    _Py_BEGIN_LEAF_CRITICAL_SECTION(mp);
    PyDictKeysObject *dk = mp->ma_keys;
    Py_ssize_t ix = has_watchers(mp) ? DKIX_NEEDS_CALL
                                     : _PyDict_LookupNoCall(dk, key, hash);
    if (ix >= 0) {
        *result = Py_NewRef(DK_ENTRIES(dk)[ix].me_value);
        res = 1;
    }
    else if (ix == DKIX_EMPTY && has_room(dk)) {
        (void)append_entry(mp, Py_NewRef(key), hash,
                           Py_NewRef(default_value));    /* room */
        *result = Py_NewRef(default_value);
        res = 0;
    }
    _Py_END_LEAF_CRITICAL_SECTION();
    return res;
}
#endif

int
PyDict_SetDefaultRef(PyObject *op, PyObject *key, PyObject *default_value,
                     PyObject **result)
{
    if (check_dict(op) < 0) {
        if (result != NULL) {
            *result = NULL;
        }
        return -1;
    }
    PyObject *value;
    int res;
#ifdef Py_GIL_DISABLED
    res = setdefault_leaf((PyDictObject *)op, key, default_value, &value);
    if (res == SETDEFAULT_FULL)
#endif
    {
        Py_BEGIN_CRITICAL_SECTION(op);
        res = setdefault_lock_held((PyDictObject *)op, key, default_value,
                                   &value);
        Py_END_CRITICAL_SECTION();
    }
    if (result != NULL) {
        *result = value;
    }
    else {
        Py_XDECREF(value);
    }
    return res;
}

PyObject *
PyDict_SetDefault(PyObject *op, PyObject *key, PyObject *defaultobj)
{
    PyObject *value;
    if (PyDict_SetDefaultRef(op, key, defaultobj, &value) < 0) {
        return NULL;
    }
    /* Borrowed: the dict keeps the value alive. */
    Py_DECREF(value);
    return value;
}

/* ---- the C API: whole-dict operations --------------------------------- */

Py_ssize_t
PyDict_Size(PyObject *op)
{
    if (check_anydict(op) < 0) {
        return -1;
    }
    return PyDict_GET_SIZE(op);
}

void
PyDict_Clear(PyObject *op)
{
    if (op == NULL || !PyDict_Check(op)) {
        return;
    }
    Py_BEGIN_CRITICAL_SECTION(op);
    clear_lock_held((PyDictObject *)op, 0);
    Py_END_CRITICAL_SECTION();
}

/* Borrowed key and value of the next live entry at or after *ppos.  Not
   locked: in the free-threaded build the caller holds the critical
   section (as CPython documents for PyDict_Next). */
int
_PyDict_Next(PyObject *op, Py_ssize_t *ppos, PyObject **pkey,
             PyObject **pvalue, Py_hash_t *phash)
{
    if (!PyAnyDict_Check(op)) {
        return 0;
    }
    PyDictKeysObject *dk = ((PyDictObject *)op)->ma_keys;
    PyDictKeyEntry *entries = DK_ENTRIES(dk);
    Py_ssize_t n = dk->dk_nentries;
    Py_ssize_t i = *ppos;
    if (i < 0) {
        return 0;
    }
    while (i < n && entries[i].me_value == NULL) {
        i++;
    }
    if (i >= n) {
        return 0;
    }
    *ppos = i + 1;
    if (pkey != NULL) {
        *pkey = entries[i].me_key;
    }
    if (pvalue != NULL) {
        *pvalue = entries[i].me_value;
    }
    if (phash != NULL) {
        *phash = entries[i].me_hash;
    }
    return 1;
}

int
PyDict_Next(PyObject *op, Py_ssize_t *ppos, PyObject **pkey, PyObject **pvalue)
{
    return _PyDict_Next(op, ppos, pkey, pvalue, NULL);
}

/* A list of keys, values or (key, value) tuples.  Allocating the list or
   a tuple may run the collector, and a finalizer may then change the
   dict; if its size no longer matches, start over. */
enum dict_part { PART_KEYS, PART_VALUES, PART_ITEMS };

static PyObject *
dict_to_list_lock_held(PyDictObject *mp, enum dict_part part)
{
    for (;;) {
        Py_ssize_t n = mp->ma_used;
        PyObject *list = PyList_New(n);
        if (list == NULL) {
            return NULL;
        }
        Py_ssize_t pos = 0, j = 0;
        PyObject *key, *value;
        while (j < n && _PyDict_Next((PyObject *)mp, &pos, &key, &value, NULL)) {
            PyObject *item;
            if (part == PART_KEYS) {
                item = Py_NewRef(key);
            }
            else if (part == PART_VALUES) {
                item = Py_NewRef(value);
            }
            else {
                item = PyTuple_Pack(2, key, value);
                if (item == NULL) {
                    Py_DECREF(list);
                    return NULL;
                }
            }
            PyList_SET_ITEM(list, j++, item);
        }
        if (j == n && n == mp->ma_used) {
            return list;
        }
        Py_DECREF(list);
    }
}

static PyObject *
dict_to_list(PyObject *op, enum dict_part part)
{
    if (check_anydict(op) < 0) {
        return NULL;
    }
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = dict_to_list_lock_held((PyDictObject *)op, part);
    Py_END_CRITICAL_SECTION();
    return res;
}

PyObject *
PyDict_Keys(PyObject *op)
{
    return dict_to_list(op, PART_KEYS);
}

PyObject *
PyDict_Values(PyObject *op)
{
    return dict_to_list(op, PART_VALUES);
}

PyObject *
PyDict_Items(PyObject *op)
{
    return dict_to_list(op, PART_ITEMS);
}

/* A copy of mp's table with every live key and value increfed. */
static PyDictKeysObject *
clone_keys(PyDictKeysObject *src)
{
    size_t size = keys_alloc_size(src->dk_log2_size);
    PyDictKeysObject *dk = PyMem_Malloc(size);
    if (dk == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    size_t used_bytes = (size_t)((char *)(DK_ENTRIES(src) + src->dk_nentries)
                                 - (char *)src);
    memcpy(dk, src, used_bytes);
    PyDictKeyEntry *ep = DK_ENTRIES(dk);
    for (Py_ssize_t i = 0; i < dk->dk_nentries; i++) {
        Py_XINCREF(ep[i].me_key);
        Py_XINCREF(ep[i].me_value);
    }
    return dk;
}

/* Cloning copies holes too; only worth it when few entries are deleted. */
static inline int
worth_cloning(PyDictObject *mp)
{
    return mp->ma_keys != Py_EMPTY_KEYS
           && mp->ma_used >= (mp->ma_keys->dk_nentries * 2) / 3;
}

static int dict_merge_dict_lock_held(PyDictObject *a, PyDictObject *b,
                                     int override);
static int dict_merge(PyObject *a, PyObject *b, int override);

static PyObject *
copy_lock_held(PyDictObject *mp)
{
    if (mp->ma_used == 0) {
        return PyDict_New();
    }
    if (worth_cloning(mp)) {
        PyDictKeysObject *dk = clone_keys(mp->ma_keys);
        if (dk == NULL) {
            return NULL;
        }
        return new_dict(dk, mp->ma_used);
    }
    PyObject *copy = _PyDict_NewPresized(mp->ma_used);
    if (copy == NULL) {
        return NULL;
    }
    /* copy is private to this thread: no lock needed on it. */
    if (dict_merge_dict_lock_held((PyDictObject *)copy, mp, 1) < 0) {
        Py_DECREF(copy);
        return NULL;
    }
    return copy;
}

PyObject *
PyDict_Copy(PyObject *op)
{
    if (check_anydict(op) < 0) {
        return NULL;
    }
    if (Py_TYPE(op)->tp_iter != _PyDict_Iter) {
        /* A subclass that overrides iteration is copied through its
           mapping protocol, like any merge from it. */
        PyObject *copy = PyDict_New();
        if (copy != NULL && dict_merge(copy, op, 1) < 0) {
            Py_CLEAR(copy);
        }
        return copy;
    }
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = copy_lock_held((PyDictObject *)op);
    Py_END_CRITICAL_SECTION();
    return res;
}

/* Insert every item of b into a, per `override` (see _PyDict_MergeEx).
   The caller holds both critical sections.  Comparisons may run user
   code that mutates b; that is reported rather than followed. */
static int
dict_merge_dict_lock_held(PyDictObject *a, PyDictObject *b, int override)
{
    if (a == b || b->ma_used == 0) {
        return 0;
    }
    if (a->ma_keys == Py_EMPTY_KEYS && worth_cloning(b)) {
        PyDictKeysObject *dk = clone_keys(b->ma_keys);
        if (dk == NULL) {
            return -1;
        }
        _PyDict_Notify(PyDict_EVENT_CLONED, a, (PyObject *)b, NULL);
        set_keys(a, dk);
        set_used(a, b->ma_used);
        return 0;
    }
    /* Grow once up front rather than repeatedly while inserting. */
    if (a->ma_keys->dk_usable < b->ma_used) {
        if (dict_resize(a, log2_keysize_for_items(a->ma_used + b->ma_used)) < 0) {
            return -1;
        }
    }
    PyDictKeysObject *bk = b->ma_keys;
    Py_ssize_t n = bk->dk_nentries;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyDictKeyEntry *ep = &DK_ENTRIES(bk)[i];
        if (ep->me_value == NULL) {
            continue;
        }
        PyObject *key = Py_NewRef(ep->me_key);
        PyObject *value = Py_NewRef(ep->me_value);
        Py_hash_t hash = ep->me_hash;
        int err;
        if (override == 1) {
            err = insertdict(a, key, hash, value);
        }
        else {
            PyObject *existing;
            Py_ssize_t ix = _Py_dict_lookup(a, key, hash, &existing);
            if (ix == DKIX_EMPTY) {
                err = insertdict(a, key, hash, value);
            }
            else {
                err = ix == DKIX_ERROR ? -1 : 0;
                if (ix >= 0 && override == 2) {
                    set_key_error(key);
                    err = -1;
                }
                Py_DECREF(key);
                Py_DECREF(value);
            }
        }
        if (err < 0) {
            return -1;
        }
        if (b->ma_keys != bk || bk->dk_nentries != n) {
            PyErr_SetString(PyExc_RuntimeError, "dict mutated during update");
            return -1;
        }
    }
    return 0;
}

/* Merge from anything with keys() and __getitem__. */
static int
dict_merge_mapping(PyObject *a, PyObject *b, int override)
{
    PyObject *keys = PyMapping_Keys(b);
    if (keys == NULL) {
        return -1;
    }
    PyObject *iter = PyObject_GetIter(keys);
    Py_DECREF(keys);
    if (iter == NULL) {
        return -1;
    }
    PyObject *key;
    while ((key = PyIter_Next(iter)) != NULL) {
        if (override != 1) {
            int present = PyDict_Contains(a, key);
            if (present != 0) {
                if (present > 0 && override == 2) {
                    set_key_error(key);
                    present = -1;
                }
                Py_DECREF(key);
                if (present < 0) {
                    goto fail;
                }
                continue;
            }
        }
        PyObject *value = PyObject_GetItem(b, key);
        if (value == NULL) {
            Py_DECREF(key);
            goto fail;
        }
        int err = PyDict_SetItem(a, key, value);
        Py_DECREF(key);
        Py_DECREF(value);
        if (err < 0) {
            goto fail;
        }
    }
    Py_DECREF(iter);
    return PyErr_Occurred() ? -1 : 0;
fail:
    Py_DECREF(iter);
    return -1;
}

static int
dict_merge(PyObject *a, PyObject *b, int override)
{
    if (a == NULL || !PyDict_Check(a) || b == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    /* A subclass that overrides iteration is merged through its
       mapping protocol, so its own idea of its items is respected. */
    if (PyAnyDict_Check(b) && Py_TYPE(b)->tp_iter == _PyDict_Iter) {
        int res;
        Py_BEGIN_CRITICAL_SECTION2(a, b);
        res = dict_merge_dict_lock_held((PyDictObject *)a, (PyDictObject *)b,
                                        override);
        Py_END_CRITICAL_SECTION2();
        return res;
    }
    return dict_merge_mapping(a, b, override);
}

int
PyDict_Update(PyObject *a, PyObject *b)
{
    return dict_merge(a, b, 1);
}

int
PyDict_Merge(PyObject *a, PyObject *b, int override)
{
    return dict_merge(a, b, override != 0);
}

int
_PyDict_MergeEx(PyObject *a, PyObject *b, int override)
{
    return dict_merge(a, b, override);
}

/* One element of an update sequence as a 2-tuple (new reference). */
static PyObject *
update_pair(PyObject *item, Py_ssize_t i)
{
    PyObject *pair = PyTuple_CheckExact(item) ? Py_NewRef(item)
                                              : PySequence_Tuple(item);
    if (pair == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Format(PyExc_TypeError,
                         "cannot convert dictionary update sequence "
                         "element #%zd to a sequence", i);
        }
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(pair);
    if (n != 2) {
        PyErr_Format(PyExc_ValueError,
                     "dictionary update sequence element #%zd "
                     "has length %zd; 2 is required", i, n);
        Py_DECREF(pair);
        return NULL;
    }
    return pair;
}

int
PyDict_MergeFromSeq2(PyObject *d, PyObject *seq2, int override)
{
    if (check_dict(d) < 0) {
        return -1;
    }
    PyObject *iter = PyObject_GetIter(seq2);
    if (iter == NULL) {
        return -1;
    }
    PyObject *item;
    for (Py_ssize_t i = 0; (item = PyIter_Next(iter)) != NULL; i++) {
        PyObject *pair = update_pair(item, i);
        Py_DECREF(item);
        if (pair == NULL) {
            goto fail;
        }
        PyObject *key = PyTuple_GET_ITEM(pair, 0);
        PyObject *value = PyTuple_GET_ITEM(pair, 1);
        int err;
        if (override) {
            err = PyDict_SetItem(d, key, value);
        }
        else {
            err = PyDict_SetDefaultRef(d, key, value, NULL);
        }
        Py_DECREF(pair);
        if (err < 0) {
            goto fail;
        }
    }
    Py_DECREF(iter);
    return PyErr_Occurred() ? -1 : 0;
fail:
    Py_DECREF(iter);
    return -1;
}

/* dict.update(arg): a dict, anything with keys(), or pairs. */
int
_PyDict_UpdateArg(PyObject *self, PyObject *arg)
{
    if (PyAnyDict_CheckExact(arg)) {
        return PyDict_Merge(self, arg, 1);
    }
    PyObject *keys_method;
    int has_keys = PyObject_GetOptionalAttrString(arg, "keys", &keys_method);
    if (has_keys < 0) {
        return -1;
    }
    if (has_keys > 0) {
        Py_DECREF(keys_method);
        return PyDict_Merge(self, arg, 1);
    }
    return PyDict_MergeFromSeq2(self, arg, 1);
}

PyObject *
_PyDict_FromItems(PyObject *const *keys, Py_ssize_t keys_offset,
                  PyObject *const *values, Py_ssize_t values_offset,
                  Py_ssize_t length)
{
    PyObject *dict = _PyDict_NewPresized(length);
    if (dict == NULL) {
        return NULL;
    }
    /* dict is private to this thread until returned. */
    for (Py_ssize_t i = 0; i < length; i++) {
        PyObject *key = keys[i * keys_offset];
        PyObject *value = values[i * values_offset];
        if (_PyDict_SetItem_LockHeld((PyDictObject *)dict, key, value) < 0) {
            Py_DECREF(dict);
            return NULL;
        }
    }
    return dict;
}

int
_PyDict_HasOnlyStringKeys(PyObject *op)
{
    int res = 1;
    Py_BEGIN_CRITICAL_SECTION(op);
    PyDictKeysObject *dk = ((PyDictObject *)op)->ma_keys;
    if (dk->dk_kind != DICT_KEYS_UNICODE) {
        Py_ssize_t pos = 0;
        PyObject *key;
        while (_PyDict_Next(op, &pos, &key, NULL, NULL)) {
            if (!PyUnicode_Check(key)) {
                res = 0;
                break;
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

Py_ssize_t
_PyDict_SizeOf(PyDictObject *mp)
{
    Py_ssize_t size = Py_TYPE(mp)->tp_basicsize;
    PyDictKeysObject *dk = mp->ma_keys;
    if (!dk->dk_immortal) {
        size += (Py_ssize_t)keys_alloc_size(dk->dk_log2_size);
    }
    return size;
}

/* ---- the dict type: slots ------------------------------------------------ */

/* Watchers see a dying dict with a temporary reference; one that keeps a
   reference resurrects it.  Returns 1 when the dict must stay alive.
   The dying object is reachable by nobody else, so plain stores to its
   counts suffice. */
static int
notify_dealloc_watchers(PyDictObject *mp)
{
    PyObject *op = (PyObject *)mp;
#ifdef Py_GIL_DISABLED
    op->ob_tid = _Py_ThreadId();
    op->ob_ref_local = 1;
    op->ob_ref_shared = 0;
    _PyDict_NotifyWatchers(PyDict_EVENT_DEALLOCATED, mp, NULL, NULL);
    if (op->ob_ref_local == 1
        && __atomic_load_n(&op->ob_ref_shared, __ATOMIC_ACQUIRE) == 0) {
        op->ob_ref_local = 0;
        return 0;
    }
#else
    op->ob_refcnt = 1;
    _PyDict_NotifyWatchers(PyDict_EVENT_DEALLOCATED, mp, NULL, NULL);
    if (op->ob_refcnt == 1) {
        op->ob_refcnt = 0;
        return 0;
    }
#endif
    Py_DECREF(op);      /* drop the temporary reference; others remain */
    return 1;
}

/* A dict that a non-owner read uncounted may die while that thread still
   keeps one of its values without a reference (_PyDict_GetItemQsbr): its
   values then get the delayed reference any dropped value gets.  The
   reader set the QSBR bit before it dropped its own reference to the
   dict, so a relaxed load sees it. */
static void
delay_values_of_dying(PyDictObject *mp, PyDictKeysObject *dk)
{
#ifdef Py_GIL_DISABLED
    if (dk->dk_immortal
            || !(__atomic_load_n(&mp->_ma_watcher_tag, __ATOMIC_RELAXED)
                 & _PyDict_QSBR_BIT)) {
        return;
    }
    PyDictKeyEntry *ep = DK_ENTRIES(dk);
    for (Py_ssize_t i = 0; i < dk->dk_nentries; i++) {
        prepare_to_drop_value(DROP_DELAY, ep[i].me_value);
    }
#else
    (void)mp;
    (void)dk;
#endif
}

static void
dict_dealloc(PyObject *self)
{
    PyDictObject *mp = (PyDictObject *)self;
    if ((mp->_ma_watcher_tag & _PyDict_WATCHER_MASK) && notify_dealloc_watchers(mp)) {
        return;
    }
    PyObject_GC_UnTrack(mp);
    Py_TRASHCAN_BEGIN(mp, dict_dealloc)
    PyDictKeysObject *dk = mp->ma_keys;
    if (dk != NULL) {
        /* Atomic: a lock-free reader that lost the race to a dying dict
           (it then fails its re-check) still reads a whole pointer. */
        __atomic_store_n(&mp->ma_keys, Py_EMPTY_KEYS, __ATOMIC_RELEASE);
        delay_values_of_dying(mp, dk);
        free_keys_and_contents(dk);
    }
    /* churn: exact dicts go on the thread's free list when it has room */
    if (!PyDict_CheckExact(mp)
            || !_Py_freelist_push(&_Py_freelists_get()->dicts, self,
                                  _Py_FREELIST_DICTS)) {
        Py_TYPE(mp)->tp_free(self);
    }
    Py_TRASHCAN_END
}

static int
dict_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyDictKeysObject *dk = ((PyDictObject *)self)->ma_keys;
    if (dk == NULL) {
        return 0;
    }
    PyDictKeyEntry *ep = DK_ENTRIES(dk);
    for (Py_ssize_t i = 0; i < dk->dk_nentries; i++) {
        if (ep[i].me_value != NULL) {
            Py_VISIT(ep[i].me_key);
            Py_VISIT(ep[i].me_value);
        }
    }
    return 0;
}

/* Only the collector calls it, on garbage (clear_lock_held). */
static int
dict_tp_clear(PyObject *self)
{
    Py_BEGIN_CRITICAL_SECTION(self);
    clear_lock_held((PyDictObject *)self, 1);
    Py_END_CRITICAL_SECTION();
    return 0;
}

static Py_ssize_t
dict_length(PyObject *self)
{
    return PyDict_GET_SIZE(self);
}

/* Subclasses may define __missing__, looked up on the type and bound to
   the instance like any special method. */
static PyObject *
call_missing(PyObject *self, PyObject *key, int *found)
{
    static PyObject *missing_name;
    *found = 0;
    PyObject *name = cached_name(&missing_name, "__missing__");
    if (name == NULL) {
        return NULL;
    }
    PyObject *descr = _PyType_LookupRef(Py_TYPE(self), name);
    if (descr == NULL) {
        return NULL;
    }
    *found = 1;
    PyObject *func = descr;
    descrgetfunc get = Py_TYPE(descr)->tp_descr_get;
    if (get != NULL) {
        func = get(descr, self, (PyObject *)Py_TYPE(self));
        Py_DECREF(descr);
        if (func == NULL) {
            return NULL;
        }
    }
    PyObject *res = PyObject_CallOneArg(func, key);
    Py_DECREF(func);
    return res;
}

static PyObject *
dict_subscript(PyObject *self, PyObject *key)
{
    Py_hash_t hash = hash_key(key);
    if (hash == -1) {
        return NULL;
    }
    PyObject *value;
    int res = _PyDict_GetItemRef_KnownHash((PyDictObject *)self, key, hash, &value);
    if (res != 0) {
        return value;
    }
    if (!PyDict_CheckExact(self)) {
        int found;
        PyObject *missing = call_missing(self, key, &found);
        if (found || PyErr_Occurred()) {
            return missing;
        }
    }
    set_key_error(key);
    return NULL;
}

static int
dict_ass_subscript(PyObject *self, PyObject *key, PyObject *value)
{
    if (value == NULL) {
        return PyDict_DelItem(self, key);
    }
    return PyDict_SetItem(self, key, value);
}

static int
dict_sq_contains(PyObject *self, PyObject *key)
{
    return PyDict_Contains(self, key);
}

/* Equal when both hold the same keys mapped to equal values; order does
   not matter.  Keys and values are held while user __eq__ runs, and a's
   table is re-read after every comparison. */
static int
dict_equal_lock_held(PyDictObject *a, PyDictObject *b)
{
    if (a->ma_used != b->ma_used) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < a->ma_keys->dk_nentries; i++) {
        PyDictKeyEntry *ep = &DK_ENTRIES(a->ma_keys)[i];
        if (ep->me_value == NULL) {
            continue;
        }
        PyObject *key = Py_NewRef(ep->me_key);
        PyObject *aval = Py_NewRef(ep->me_value);
        PyObject *bval;
        Py_ssize_t ix = _Py_dict_lookup(b, key, ep->me_hash, &bval);
        /* conform6: bval is borrowed; take it before dropping key, whose
           finalizer may clear b (bpo-27945). */
        Py_XINCREF(bval);
        Py_DECREF(key);
        if (ix == DKIX_ERROR || bval == NULL) {
            Py_XDECREF(bval);
            Py_DECREF(aval);
            return ix == DKIX_ERROR ? -1 : 0;
        }
        int cmp = PyObject_RichCompareBool(aval, bval, Py_EQ);
        Py_DECREF(aval);
        Py_DECREF(bval);
        if (cmp <= 0) {
            return cmp;
        }
    }
    return 1;
}

static PyObject *
dict_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PyAnyDict_Check(v) || !PyAnyDict_Check(w)
        || (op != Py_EQ && op != Py_NE)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    int cmp;
    Py_BEGIN_CRITICAL_SECTION2(v, w);
    cmp = dict_equal_lock_held((PyDictObject *)v, (PyDictObject *)w);
    Py_END_CRITICAL_SECTION2();
    if (cmp < 0) {
        return NULL;
    }
    return PyBool_FromLong(op == Py_EQ ? cmp : !cmp);
}

/* "key: value" for one entry, or NULL. */
static PyObject *
item_repr(PyObject *key, PyObject *value)
{
    PyObject *krepr = PyObject_Repr(key);
    if (krepr == NULL) {
        return NULL;
    }
    PyObject *vrepr = PyObject_Repr(value);
    if (vrepr == NULL) {
        Py_DECREF(krepr);
        return NULL;
    }
    PyObject *res = PyUnicode_FromFormat("%U: %U", krepr, vrepr);
    Py_DECREF(krepr);
    Py_DECREF(vrepr);
    return res;
}

static PyObject *
dict_repr_lock_held(PyDictObject *mp)
{
    PyObject *parts = PyList_New(0);
    if (parts == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < mp->ma_keys->dk_nentries; i++) {
        PyDictKeyEntry *ep = &DK_ENTRIES(mp->ma_keys)[i];
        if (ep->me_value == NULL) {
            continue;
        }
        PyObject *key = Py_NewRef(ep->me_key);
        PyObject *value = Py_NewRef(ep->me_value);
        PyObject *part = item_repr(key, value);
        Py_DECREF(key);
        Py_DECREF(value);
        if (part == NULL || PyList_Append(parts, part) < 0) {
            Py_XDECREF(part);
            Py_DECREF(parts);
            return NULL;
        }
        Py_DECREF(part);
    }
    PyObject *sep = PyUnicode_FromString(", ");
    if (sep == NULL) {
        Py_DECREF(parts);
        return NULL;
    }
    PyObject *body = PyUnicode_Join(sep, parts);
    Py_DECREF(sep);
    Py_DECREF(parts);
    if (body == NULL) {
        return NULL;
    }
    PyObject *res = PyUnicode_FromFormat("{%U}", body);
    Py_DECREF(body);
    return res;
}

static PyObject *
dict_repr(PyObject *self)
{
    int status = Py_ReprEnter(self);
    if (status != 0) {
        return status > 0 ? PyUnicode_FromString("{...}") : NULL;
    }
    PyObject *res;
    if (PyDict_GET_SIZE(self) == 0) {
        res = PyUnicode_FromString("{}");
    }
    else {
        Py_BEGIN_CRITICAL_SECTION(self);
        res = dict_repr_lock_held((PyDictObject *)self);
        Py_END_CRITICAL_SECTION();
    }
    Py_ReprLeave(self);
    return res;
}

static PyObject *
dict_or(PyObject *self, PyObject *other)
{
    if (!PyDict_Check(self) || !PyAnyDict_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *res = PyDict_Copy(self);
    if (res == NULL) {
        return NULL;
    }
    if (_PyDict_UpdateArg(res, other) < 0) {
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

static PyObject *
dict_ior(PyObject *self, PyObject *other)
{
    if (_PyDict_UpdateArg(self, other) < 0) {
        return NULL;
    }
    return Py_NewRef(self);
}

static PyObject *
dict_new(PyTypeObject *type, PyObject *Py_UNUSED(args), PyObject *Py_UNUSED(kwds))
{
    PyObject *self = type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    PyDictObject *mp = (PyDictObject *)self;
    mp->ma_used = 0;
    mp->_ma_watcher_tag = 0;
    mp->ma_keys = Py_EMPTY_KEYS;
    mp->ma_values = NULL;
    return self;
}

/* Shared by dict() and dict.update(): at most one positional argument,
   then the keyword arguments. */
static int
dict_update_common(PyObject *self, PyObject *args, PyObject *kwds,
                   const char *methname)
{
    PyObject *arg = NULL;
    if (!PyArg_UnpackTuple(args, methname, 0, 1, &arg)) {
        return -1;
    }
    if (arg != NULL && _PyDict_UpdateArg(self, arg) < 0) {
        return -1;
    }
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        return PyDict_Merge(self, kwds, 1);
    }
    return 0;
}

static int
dict_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    return dict_update_common(self, args, kwds, "dict");
}

static PyObject *
dict_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf,
                PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_CheckPositional("dict", nargs, 0, 1)) {
        return NULL;
    }
    PyObject *self = dict_new((PyTypeObject *)type, NULL, NULL);
    if (self == NULL) {
        return NULL;
    }
    if (nargs == 1 && _PyDict_UpdateArg(self, args[0]) < 0) {
        goto fail;
    }
    if (kwnames != NULL) {
        Py_ssize_t nkw = PyTuple_GET_SIZE(kwnames);
        for (Py_ssize_t i = 0; i < nkw; i++) {
            if (PyDict_SetItem(self, PyTuple_GET_ITEM(kwnames, i),
                               args[nargs + i]) < 0) {
                goto fail;
            }
        }
    }
    return self;
fail:
    Py_DECREF(self);
    return NULL;
}

/* ---- the dict type: methods ---------------------------------------------- */

static PyObject *
dict___contains__(PyObject *self, PyObject *key)
{
    int res = PyDict_Contains(self, key);
    if (res < 0) {
        return NULL;
    }
    return PyBool_FromLong(res);
}

static PyObject *
dict___sizeof__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t size;
    Py_BEGIN_CRITICAL_SECTION(self);
    size = _PyDict_SizeOf((PyDictObject *)self);
    Py_END_CRITICAL_SECTION();
    return PyLong_FromSsize_t(size);
}

static PyObject *
dict_get(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("get", nargs, 1, 2)) {
        return NULL;
    }
    PyObject *value;
    int res = PyDict_GetItemRef(self, args[0], &value);
    if (res != 0) {
        return value;
    }
    return Py_NewRef(nargs == 2 ? args[1] : Py_None);
}

static PyObject *
dict_setdefault(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("setdefault", nargs, 1, 2)) {
        return NULL;
    }
    PyObject *value;
    if (PyDict_SetDefaultRef(self, args[0], nargs == 2 ? args[1] : Py_None,
                             &value) < 0) {
        return NULL;
    }
    return value;
}

static PyObject *
dict_pop(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("pop", nargs, 1, 2)) {
        return NULL;
    }
    PyObject *value;
    int res = PyDict_Pop(self, args[0], &value);
    if (res != 0) {
        return value;
    }
    if (nargs == 2) {
        return Py_NewRef(args[1]);
    }
    set_key_error(args[0]);
    return NULL;
}

/* Remove and return the most recently inserted item. */
static PyObject *
popitem_lock_held(PyDictObject *mp)
{
    if (mp->ma_used == 0) {
        PyErr_SetString(PyExc_KeyError, "popitem(): dictionary is empty");
        return NULL;
    }
    /* Allocate before unlinking, so a failure leaves the dict intact. */
    PyObject *res = PyTuple_New(2);
    if (res == NULL) {
        return NULL;
    }
    PyDictKeysObject *dk = mp->ma_keys;
    Py_ssize_t i = dk->dk_nentries - 1;
    while (i >= 0 && DK_ENTRIES(dk)[i].me_value == NULL) {
        i--;
    }
    PyDictKeyEntry *ep = &DK_ENTRIES(dk)[i];
    _PyDict_Notify(PyDict_EVENT_DELETED, mp, ep->me_key, NULL);
    PyObject *key, *value;
    unlink_entry(mp, i, &key, &value);
    /* The popped entry was the last live one: later inserts reuse it.
       specialize: atomic for _PyDict_GetItemAtHint. */
    __atomic_store_n(&dk->dk_nentries, i, __ATOMIC_RELAXED);
    PyTuple_SET_ITEM(res, 0, key);
    PyTuple_SET_ITEM(res, 1, value);
    return res;
}

static PyObject *
dict_popitem(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(self);
    res = popitem_lock_held((PyDictObject *)self);
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
dict_keys(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return _PyDictView_New(self, &PyDictKeys_Type);
}

static PyObject *
dict_items(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return _PyDictView_New(self, &PyDictItems_Type);
}

static PyObject *
dict_values(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return _PyDictView_New(self, &PyDictValues_Type);
}

static PyObject *
dict_update(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (dict_update_common(self, args, kwds, "update") < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
dict_clear(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyDict_Clear(self);
    Py_RETURN_NONE;
}

static PyObject *
dict_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyDict_Copy(self);
}

static PyObject *
dict___reversed__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return _PyDictIter_New((PyDictObject *)self, &PyDictRevIterKey_Type);
}

/* Fill a new exact dict from an iterable known to be a dict or a set,
   reusing the stored hashes. */
static int
fromkeys_known_hashes(PyObject *d, PyObject *iterable, PyObject *value)
{
    int res = 0;
    Py_BEGIN_CRITICAL_SECTION(iterable);
    Py_ssize_t pos = 0;
    PyObject *key;
    Py_hash_t hash;
    int is_dict = PyAnyDict_CheckExact(iterable);
    for (;;) {
        int more = is_dict ? _PyDict_Next(iterable, &pos, &key, NULL, &hash)
                           : _PySet_NextEntry(iterable, &pos, &key, &hash);
        if (!more) {
            break;
        }
        if (insertdict((PyDictObject *)d, Py_NewRef(key), hash,
                       Py_NewRef(value)) < 0) {
            res = -1;
            break;
        }
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
dict_fromkeys(PyObject *cls, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("fromkeys", nargs, 1, 2)) {
        return NULL;
    }
    PyObject *iterable = args[0];
    PyObject *value = nargs == 2 ? args[1] : Py_None;
    PyObject *d = PyObject_CallNoArgs(cls);
    if (d == NULL) {
        return NULL;
    }
    if (PyDict_CheckExact(d)
        && (PyAnyDict_CheckExact(iterable) || PyAnySet_CheckExact(iterable))) {
        if (fromkeys_known_hashes(d, iterable, value) < 0) {
            Py_DECREF(d);
            return NULL;
        }
        return d;
    }
    PyObject *iter = PyObject_GetIter(iterable);
    if (iter == NULL) {
        Py_DECREF(d);
        return NULL;
    }
    PyObject *key;
    while ((key = PyIter_Next(iter)) != NULL) {
        int err = PyDict_CheckExact(d) ? PyDict_SetItem(d, key, value)
                                       : PyObject_SetItem(d, key, value);
        Py_DECREF(key);
        if (err < 0) {
            break;
        }
    }
    Py_DECREF(iter);
    if (PyErr_Occurred()) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

static PyMethodDef dict_methods[] = {
    {"__contains__", dict___contains__, METH_O | METH_COEXIST,
     "True if the dictionary has the specified key, else False."},
    {"__getitem__", dict_subscript, METH_O | METH_COEXIST,
     "Return self[key]."},
    {"__sizeof__", dict___sizeof__, METH_NOARGS,
     "Return the size of the dict in memory, in bytes."},
    {"get", _PyCFunction_CAST(dict_get), METH_FASTCALL,
     "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", _PyCFunction_CAST(dict_setdefault), METH_FASTCALL,
     "Insert key with a value of default if key is not in the dictionary.\n\n"
     "Return the value for key if key is in the dictionary, else default."},
    {"pop", _PyCFunction_CAST(dict_pop), METH_FASTCALL,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\n"
     "If the key is not found, return the default if given; otherwise,\n"
     "raise a KeyError."},
    {"popitem", dict_popitem, METH_NOARGS,
     "Remove and return a (key, value) pair as a 2-tuple.\n\n"
     "Pairs are returned in LIFO (last-in, first-out) order.\n"
     "Raises KeyError if the dict is empty."},
    {"keys", dict_keys, METH_NOARGS,
     "Return a set-like object providing a view on the dict's keys."},
    {"items", dict_items, METH_NOARGS,
     "Return a set-like object providing a view on the dict's items."},
    {"values", dict_values, METH_NOARGS,
     "Return an object providing a view on the dict's values."},
    {"update", _PyCFunction_CAST(dict_update), METH_VARARGS | METH_KEYWORDS,
     "D.update([E, ]**F) -> None.  Update D from mapping/iterable E and F."},
    {"fromkeys", _PyCFunction_CAST(dict_fromkeys), METH_FASTCALL | METH_CLASS,
     "fromkeys($type, iterable, value=None, /)\n--\n\n"
     "Create a new dictionary with keys from iterable and values set to value."},
    {"clear", dict_clear, METH_NOARGS,
     "Remove all items from the dict."},
    {"copy", dict_copy, METH_NOARGS,
     "Return a shallow copy of the dict."},
    {"__reversed__", dict___reversed__, METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyNumberMethods dict_as_number = {
    .nb_or = dict_or,
    .nb_inplace_or = dict_ior,
};

static PySequenceMethods dict_as_sequence = {
    .sq_contains = dict_sq_contains,
};

static PyMappingMethods dict_as_mapping = {
    .mp_length = dict_length,
    .mp_subscript = dict_subscript,
    .mp_ass_subscript = dict_ass_subscript,
};

PyTypeObject PyDict_Type = {
    .tp_name = "dict",
    .tp_basicsize = sizeof(PyDictObject),
    .tp_dealloc = dict_dealloc,
    .tp_repr = dict_repr,
    .tp_as_number = &dict_as_number,
    .tp_as_sequence = &dict_as_sequence,
    .tp_as_mapping = &dict_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE
                | Py_TPFLAGS_DICT_SUBCLASS | _Py_TPFLAGS_MATCH_SELF
                | Py_TPFLAGS_MAPPING,
    .tp_doc = "dict() -> new empty dictionary\n"
              "dict(mapping) -> new dictionary initialized from a mapping object's\n"
              "    (key, value) pairs\n"
              "dict(iterable) -> new dictionary initialized as if via:\n"
              "    d = {}\n"
              "    for k, v in iterable:\n"
              "        d[k] = v\n"
              "dict(**kwargs) -> new dictionary initialized with the name=value pairs\n"
              "    in the keyword argument list.  For example:  dict(one=1, two=2)",
    .tp_traverse = dict_traverse,
    .tp_clear = dict_tp_clear,
    .tp_richcompare = dict_richcompare,
    .tp_iter = _PyDict_Iter,
    .tp_methods = dict_methods,
    .tp_init = dict_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = dict_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = dict_vectorcall,
    .ob_base = PyVarObject_HEAD_INIT(&PyType_Type, 0)
};

/* ---- frozendict (PEP 814) ------------------------------------------------- */

/* A frozendict shares the dict's layout and table code.  It is built in a
   private exact dict, whose table then moves into the new object, and is
   never mutated afterwards: in the free-threaded build its readers take
   no lock (see lookup_ref), and only the hash cache is written later,
   with an atomic store of a complete value. */

#define FROZEN(op) ((PyFrozenDictObject *)(op))

/* A new frozendict of `type` that takes over the table of `dict`, a
   private exact dict (stolen).  No entry is copied. */
static PyObject *
frozendict_from_dict(PyTypeObject *type, PyObject *dict)
{
    if (dict == NULL) {
        return NULL;
    }
    PyObject *self = type->tp_alloc(type, 0);
    if (self == NULL) {
        Py_DECREF(dict);
        return NULL;
    }
    PyDictObject *src = (PyDictObject *)dict;
    PyDictObject *mp = (PyDictObject *)self;
    mp->_ma_watcher_tag = 0;
    mp->ma_values = NULL;
    mp->ma_used = src->ma_used;
    mp->ma_keys = src->ma_keys;
    FROZEN(self)->ma_hash = -1;
    src->ma_keys = Py_EMPTY_KEYS;
    src->ma_used = 0;
    Py_DECREF(dict);
    return self;
}

PyObject *
PyFrozenDict_New(PyObject *iterable)
{
    PyObject *dict = PyDict_New();
    if (dict == NULL) {
        return NULL;
    }
    if (iterable != NULL && _PyDict_UpdateArg(dict, iterable) < 0) {
        Py_DECREF(dict);
        return NULL;
    }
    return frozendict_from_dict(&PyFrozenDict_Type, dict);
}

static PyObject *
frozendict_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *arg = NULL;
    if (!PyArg_UnpackTuple(args, "frozendict", 0, 1, &arg)) {
        return NULL;
    }
    int has_kwds = kwds != NULL && PyDict_GET_SIZE(kwds) != 0;
    /* Immutable, so frozendict(fd) can be fd itself. */
    if (type == &PyFrozenDict_Type && arg != NULL
        && PyFrozenDict_CheckExact(arg) && !has_kwds) {
        return Py_NewRef(arg);
    }
    PyObject *dict = PyDict_New();
    if (dict == NULL) {
        return NULL;
    }
    if (dict_update_common(dict, args, kwds, "frozendict") < 0) {
        Py_DECREF(dict);
        return NULL;
    }
    return frozendict_from_dict(type, dict);
}

/* hash(frozenset(self.items())), as PEP 814 specifies: independent of
   insertion order.  Cached; racing threads compute the same value. */
static Py_hash_t
frozendict_hash(PyObject *self)
{
    Py_hash_t hash = __atomic_load_n(&FROZEN(self)->ma_hash, __ATOMIC_RELAXED);
    if (hash != -1) {
        return hash;
    }
    PyObject *items = PyDict_Items(self);
    if (items == NULL) {
        return -1;
    }
    PyObject *set = PyFrozenSet_New(items);
    Py_DECREF(items);
    if (set == NULL) {
        return -1;
    }
    hash = PyObject_Hash(set);
    Py_DECREF(set);
    if (hash != -1) {
        __atomic_store_n(&FROZEN(self)->ma_hash, hash, __ATOMIC_RELAXED);
    }
    return hash;
}

/* frozendict({'x': 1}); an empty one is frozendict(). */
static PyObject *
frozendict_repr(PyObject *self)
{
    const char *name = _PyType_Name(Py_TYPE(self));
    if (PyDict_GET_SIZE(self) == 0) {
        return PyUnicode_FromFormat("%s()", name);
    }
    int status = Py_ReprEnter(self);
    if (status != 0) {
        return status > 0 ? PyUnicode_FromFormat("%s(...)", name) : NULL;
    }
    PyObject *res = NULL;
    PyObject *body = dict_repr_lock_held((PyDictObject *)self);
    if (body != NULL) {
        res = PyUnicode_FromFormat("%s(%U)", name, body);
        Py_DECREF(body);
    }
    Py_ReprLeave(self);
    return res;
}

static PyObject *
frozendict_subscript(PyObject *self, PyObject *key)
{
    Py_hash_t hash = hash_key(key);
    if (hash == -1) {
        return NULL;
    }
    PyObject *value;
    Py_ssize_t ix = _PyDict_LookupRef((PyDictObject *)self, key, hash, &value);
    if (value != NULL || ix == DKIX_ERROR) {
        return value;
    }
    if (!PyFrozenDict_CheckExact(self)) {
        int found;
        PyObject *missing = call_missing(self, key, &found);
        if (found || PyErr_Occurred()) {
            return missing;
        }
    }
    set_key_error(key);
    return NULL;
}

/* frozendict | dict-or-frozendict: a new frozendict, the right operand's
   values winning.  dict | frozendict is handled by dict_or (a dict). */
static PyObject *
frozendict_or(PyObject *self, PyObject *other)
{
    if (!PyFrozenDict_Check(self) || !PyAnyDict_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *dict = PyDict_Copy(self);
    if (dict == NULL) {
        return NULL;
    }
    if (_PyDict_UpdateArg(dict, other) < 0) {
        Py_DECREF(dict);
        return NULL;
    }
    return frozendict_from_dict(&PyFrozenDict_Type, dict);
}

static PyObject *
frozendict_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    if (PyFrozenDict_CheckExact(self)) {
        return Py_NewRef(self);
    }
    return frozendict_from_dict(&PyFrozenDict_Type, PyDict_Copy(self));
}

static PyObject *
frozendict_fromkeys(PyObject *cls, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *dict = dict_fromkeys((PyObject *)&PyDict_Type, args, nargs);
    if (dict == NULL) {
        return NULL;
    }
    if (cls == (PyObject *)&PyFrozenDict_Type) {
        return frozendict_from_dict(&PyFrozenDict_Type, dict);
    }
    PyObject *res = PyObject_CallOneArg(cls, dict);
    Py_DECREF(dict);
    return res;
}

/* Pickled as type(self)(dict(self)). */
static PyObject *
frozendict_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *dict = PyDict_Copy(self);
    if (dict == NULL) {
        return NULL;
    }
    PyObject *res = Py_BuildValue("O(O)", (PyObject *)Py_TYPE(self), dict);
    Py_DECREF(dict);
    return res;
}

static PyMethodDef frozendict_methods[] = {
    {"__contains__", dict___contains__, METH_O | METH_COEXIST,
     "True if the dictionary has the specified key, else False."},
    {"__getitem__", frozendict_subscript, METH_O | METH_COEXIST,
     "Return self[key]."},
    {"__sizeof__", dict___sizeof__, METH_NOARGS,
     "Return the size of the frozendict in memory, in bytes."},
    {"get", _PyCFunction_CAST(dict_get), METH_FASTCALL,
     "Return the value for key if key is in the dictionary, else default."},
    {"keys", dict_keys, METH_NOARGS,
     "Return a set-like object providing a view on the keys."},
    {"items", dict_items, METH_NOARGS,
     "Return a set-like object providing a view on the items."},
    {"values", dict_values, METH_NOARGS,
     "Return an object providing a view on the values."},
    {"fromkeys", _PyCFunction_CAST(frozendict_fromkeys), METH_FASTCALL | METH_CLASS,
     "fromkeys($type, iterable, value=None, /)\n--\n\n"
     "Create a new frozendict with keys from iterable and values set to value."},
    {"copy", frozendict_copy, METH_NOARGS,
     "Return a shallow copy of the frozendict."},
    {"__reversed__", dict___reversed__, METH_NOARGS,
     "Return a reverse iterator over the keys."},
    {"__reduce__", frozendict_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyNumberMethods frozendict_as_number = {
    .nb_or = frozendict_or,
};

static PySequenceMethods frozendict_as_sequence = {
    .sq_contains = dict_sq_contains,
};

static PyMappingMethods frozendict_as_mapping = {
    .mp_length = dict_length,
    .mp_subscript = frozendict_subscript,
};

/* Not a dict subclass (no Py_TPFLAGS_DICT_SUBCLASS): dict's mutating
   methods can never be applied to it.  No tp_clear: like a tuple, it
   cannot be changed, and a cycle through it is broken at a mutable
   member. */
PyTypeObject PyFrozenDict_Type = {
    .tp_name = "frozendict",
    .tp_basicsize = sizeof(PyFrozenDictObject),
    .tp_dealloc = dict_dealloc,
    .tp_repr = frozendict_repr,
    .tp_as_number = &frozendict_as_number,
    .tp_as_sequence = &frozendict_as_sequence,
    .tp_as_mapping = &frozendict_as_mapping,
    .tp_hash = frozendict_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE
                | Py_TPFLAGS_MAPPING,
    .tp_doc = "frozendict() -> new empty frozendict\n"
              "frozendict(mapping) -> new frozendict initialized from a "
              "mapping object's\n"
              "    (key, value) pairs\n"
              "frozendict(iterable) -> new frozendict initialized from "
              "(key, value) pairs\n"
              "frozendict(**kwargs) -> new frozendict initialized with the "
              "name=value pairs\n"
              "    in the keyword argument list.  For example:  "
              "frozendict(one=1, two=2)",
    .tp_traverse = dict_traverse,
    .tp_richcompare = dict_richcompare,
    .tp_iter = _PyDict_Iter,
    .tp_methods = frozendict_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = frozendict_new,
    .tp_free = PyObject_GC_Del,
    .ob_base = PyVarObject_HEAD_INIT(&PyType_Type, 0)
};
