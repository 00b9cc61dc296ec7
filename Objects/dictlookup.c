/* Dict read paths: probing a keys table for a key.  The locked probes
   (_Py_dict_lookup: all-str tables by identity and str equality, others
   through __eq__ with a restart when a comparison changed the table),
   the free-threaded build's lock-free probe of an all-str table, the
   counted read every C API getter uses (_PyDict_LookupRef, and
   PyDict_GetItemRef itself, so the read path inlines into it), and the
   entry-index lookup behind the VM's hint caches.  The table layout is in
   Include/internal/pycore_dict.h; what writers do so that lock-free
   readers stay safe is in Objects/dictobject.c ("sharing with lock-free
   readers"). */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_dict.h"
#include "pycore_long.h"          /* _PyLong_DigitCount */
#include "pycore_unicodeobject.h"

/* Every key in the table is an exact str and so is `key`: equality needs
   no user code, so nothing can change under us.  Always inline: the
   locked lookup and the leaf lookups pay no call for it (session 13). */
static inline Py_ALWAYS_INLINE Py_ssize_t
lookup_unicode(PyDictKeysObject *dk, PyObject *key, Py_hash_t hash)
{
    PyDictKeyEntry *entries = DK_ENTRIES(dk);
    size_t mask = (size_t)DK_MASK(dk);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        Py_ssize_t ix = _PyDictKeys_GetIndex(dk, i);
        if (ix == DKIX_EMPTY) {
            return DKIX_EMPTY;
        }
        if (ix >= 0) {
            PyDictKeyEntry *ep = &entries[ix];
            if (ep->me_key == key) {
                return ix;
            }
            if (ep->me_hash == hash && _PyUnicode_Equal(ep->me_key, key)) {
                return ix;
            }
        }
        perturb >>= _PyDict_PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* Comparing keys may run __eq__, which may mutate the dict.  After each
   comparison the entry and table are re-checked; if either changed, the
   search restarts on the dict's current table. */
static Py_ssize_t
lookup_general(PyDictObject *mp, PyObject *key, Py_hash_t hash)
{
restart:;
    PyDictKeysObject *dk = mp->ma_keys;
    PyDictKeyEntry *entries = DK_ENTRIES(dk);
    size_t mask = (size_t)DK_MASK(dk);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        Py_ssize_t ix = _PyDictKeys_GetIndex(dk, i);
        if (ix == DKIX_EMPTY) {
            return DKIX_EMPTY;
        }
        if (ix >= 0) {
            PyDictKeyEntry *ep = &entries[ix];
            PyObject *startkey = ep->me_key;
            if (startkey == key) {
                return ix;
            }
            if (ep->me_hash == hash) {
                Py_INCREF(startkey);
                int cmp = PyObject_RichCompareBool(startkey, key, Py_EQ);
                Py_DECREF(startkey);
                if (cmp < 0) {
                    return DKIX_ERROR;
                }
                if (dk != mp->ma_keys || ep->me_key != startkey) {
                    goto restart;
                }
                if (cmp > 0) {
                    return ix;
                }
            }
        }
        perturb >>= _PyDict_PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

Py_ssize_t
_Py_dict_lookup(PyDictObject *mp, PyObject *key, Py_hash_t hash,
                PyObject **value_addr)
{
    Py_ssize_t ix;
    PyDictKeysObject *dk = mp->ma_keys;
    if (dk->dk_kind == DICT_KEYS_UNICODE && PyUnicode_CheckExact(key)) {
        ix = lookup_unicode(dk, key, hash);
    }
    else {
        ix = lookup_general(mp, key, hash);
    }
    *value_addr = ix >= 0 ? DK_ENTRIES(mp->ma_keys)[ix].me_value : NULL;
    return ix;
}

#ifdef Py_GIL_DISABLED
/* The entry that holds key (an exact str) in mp's current table, read
   without the lock under lookup_lockfree's rules (below): 1 with *entry
   set and *found_key the key object found there (key or an equal str),
   0 when the key is absent, -1 when the table is not all exact-str keys.
   Sets mp's shared bit first (_PyDict_NoteLockFreeReader), so writers
   treat what they drop from mp as possibly still read.  Always inline:
   the counted read pays no call for it (callgrind, shared_read). */
static inline Py_ALWAYS_INLINE int
find_entry_lockfree(PyDictObject *mp, PyObject *key, Py_hash_t hash,
                    PyDictKeyEntry **entry, PyObject **found_key)
{
    _PyDict_NoteLockFreeReader(mp);
    PyDictKeysObject *dk = __atomic_load_n(&mp->ma_keys, __ATOMIC_ACQUIRE);
    if (__atomic_load_n(&dk->dk_kind, __ATOMIC_RELAXED) != DICT_KEYS_UNICODE) {
        return -1;
    }
    PyDictKeyEntry *entries = DK_ENTRIES(dk);
    size_t mask = (size_t)DK_MASK(dk);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        Py_ssize_t ix = _PyDictKeys_LoadIndex(dk, i);
        if (ix == DKIX_EMPTY) {
            return 0;
        }
        if (ix >= 0) {
            PyDictKeyEntry *ep = &entries[ix];
            PyObject *entry_key = __atomic_load_n(&ep->me_key, __ATOMIC_ACQUIRE);
            if (entry_key == key
                    || (entry_key != NULL
                        && __atomic_load_n(&ep->me_hash, __ATOMIC_RELAXED) == hash
                        && PyUnicode_CheckExact(entry_key)
                        && _PyUnicode_Equal(entry_key, key))) {
                *entry = ep;
                *found_key = entry_key;
                return 1;
            }
            if (entry_key != NULL && !PyUnicode_CheckExact(entry_key)) {
                return -1;          /* the table stopped being all-str */
            }
        }
        perturb >>= _PyDict_PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* Look up an exact str key without mp's critical section (DESIGN.md
   section 5).  Returns 1 with a new reference in *value, 0 when the key
   is absent, or -1 when only the locked lookup can answer: the table is
   not all exact-str keys (comparing others can run user code), or the
   value cannot be referenced lock-free (_Py_TryIncref refused).

   Safe without the lock because every table stays readable until this
   thread's next quiescent point (retire_keys, Objects/dictobject.c),
   every key and value a writer drops does too (prepare_to_drop_key,
   prepare_to_drop_value), entries are published with
   release stores after their fields, and a table's entries only go from
   a key to NULL (popitem's reuse of the last entry is caught by loading
   the key again after the value).  Nothing here can detach or run Python
   code.  The answer is linearizable: the key was present with *value, or
   absent, at some moment during the call. */
static int
lookup_lockfree(PyDictObject *mp, PyObject *key, Py_hash_t hash,
                PyObject **value)
{
    PyDictKeyEntry *ep;
    PyObject *entry_key;
    *value = NULL;
    int found = find_entry_lockfree(mp, key, hash, &ep, &entry_key);
    if (found <= 0) {
        return found;
    }
    PyObject *entry_value = __atomic_load_n(&ep->me_value, __ATOMIC_ACQUIRE);
    if (entry_value == NULL) {
        return 0;       /* deleted while we looked */
    }
    if (__atomic_load_n(&ep->me_key, __ATOMIC_ACQUIRE) != entry_key) {
        return -1;      /* popitem's entry reused meanwhile */
    }
    if (!_Py_TryIncref(entry_value)) {
        return -1;
    }
    *value = entry_value;
    return 1;
}

/* Set mp's QSBR and shared bits before the first uncounted read, with a
   sequentially consistent read-modify-write that writers' drop_care
   (Objects/dictobject.c) is ordered against.  A reader that finds both
   set by another reader skips it; its acquire load reads a value in the
   release sequence of every writer's earlier read-modify-write, so it
   still sees the stores of a writer that decided the bit was clear. */
static inline void
note_qsbr_reader(PyDictObject *mp)
{
    const uint64_t bits = _PyDict_QSBR_BIT | _PyDict_SHARED_BIT;
    if ((__atomic_load_n(&mp->_ma_watcher_tag, __ATOMIC_ACQUIRE) & bits)
            != bits) {
        __atomic_fetch_or(&mp->_ma_watcher_tag, bits, __ATOMIC_SEQ_CST);
    }
}

/* mp[key], for the VM to keep without a reference (a QSBR-borrowed slot,
   Include/internal/pycore_stackref.h): mp is an exact dict the calling
   thread does not own and key an exact str.  Returns 1 with *value set
   and no reference taken, 0 when the key is absent, -1 when only the
   counted lookup can answer (the table is not all exact-str keys).
   *value stays alive until this thread's next quiescent point: the QSBR
   bit is set (note_qsbr_reader) before the loads, so a writer that
   dropped the value after they saw it saw the bit and handed a reference
   to QSBR first (prepare_to_drop_value, Objects/dictobject.c), and one
   that dropped it before made its stores visible to them (they cannot
   load it).  The entry's key is loaded again after its value, as the
   hint reads do: the value was key's at some moment during the call
   (popitem may reuse an entry). */
int
_PyDict_GetItemQsbr(PyDictObject *mp, PyObject *key, PyObject **value)
{
    PyDictKeyEntry *ep;
    PyObject *entry_key;
    *value = NULL;
    Py_hash_t hash = _PyDict_KeyHash(key);    /* an exact str: no error */
    note_qsbr_reader(mp);
    int found = find_entry_lockfree(mp, key, hash, &ep, &entry_key);
    if (found <= 0) {
        return found;
    }
    PyObject *entry_value = __atomic_load_n(&ep->me_value, __ATOMIC_ACQUIRE);
    if (entry_value == NULL) {
        return 0;       /* deleted while we looked */
    }
    if (__atomic_load_n(&ep->me_key, __ATOMIC_ACQUIRE) != entry_key) {
        return -1;      /* reused meanwhile: let the counted path decide */
    }
    *value = entry_value;
    return 1;
}
#endif

#ifdef Py_GIL_DISABLED
/* a == b for a plain key a (exact str or exact int) and a table's key b,
   when deciding it runs no code: 1 or 0; -1 when only b's __eq__ could
   tell.  An exact str never equals an exact int (both comparisons return
   NotImplemented and equality falls back to identity); two exact ints
   compare by value. */
static inline int
plain_equal(PyObject *a, PyObject *b)
{
    int a_is_str = PyUnicode_CheckExact(a);
    if (PyUnicode_CheckExact(b)) {
        return a_is_str && _PyUnicode_Equal(a, b);
    }
    if (!PyLong_CheckExact(b)) {
        return -1;
    }
    if (a_is_str) {
        return 0;
    }
    /* Same sign, same digit count, same digits (zero has none); not
       PyObject_RichCompareBool, whose recursion check can raise. */
    PyLongObject *x = (PyLongObject *)a, *y = (PyLongObject *)b;
    Py_ssize_t n = _PyLong_DigitCount(x);
    return _PyLong_SameSign(x, y) && n == _PyLong_DigitCount(y)
           && memcmp(x->long_value.ob_digit, y->long_value.ob_digit,
                     (size_t)n * sizeof(digit)) == 0;
}

/* _PyDict_LookupNoCall, always inlined into this file's leaf lookups. */
static inline Py_ALWAYS_INLINE Py_ssize_t
lookup_nocall(PyDictKeysObject *dk, PyObject *key, Py_hash_t hash)
{
    if (dk->dk_kind == DICT_KEYS_UNICODE && PyUnicode_CheckExact(key)) {
        return lookup_unicode(dk, key, hash);
    }
    PyDictKeyEntry *entries = DK_ENTRIES(dk);
    size_t mask = (size_t)DK_MASK(dk);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        Py_ssize_t ix = _PyDictKeys_GetIndex(dk, i);
        if (ix == DKIX_EMPTY) {
            return DKIX_EMPTY;
        }
        if (ix >= 0) {
            PyDictKeyEntry *ep = &entries[ix];
            if (ep->me_key == key) {
                return ix;
            }
            if (ep->me_hash == hash) {
                int eq = plain_equal(key, ep->me_key);
                if (eq != 0) {
                    return eq > 0 ? ix : DKIX_NEEDS_CALL;
                }
            }
        }
        perturb >>= _PyDict_PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

Py_ssize_t
_PyDict_LookupNoCall(PyDictKeysObject *dk, PyObject *key, Py_hash_t hash)
{
    return lookup_nocall(dk, key, hash);
}

/* Look a plain key up in mp's leaf critical section (critical_section.h;
   no mutex at all while only one thread state exists): the probe runs no
   code and calls nothing that could block or detach, and the value's
   increment cannot reach zero.  Returns the entry index with *value set
   (a new reference if `counted`, else only a token for presence, never
   to be dereferenced), DKIX_EMPTY, or DKIX_NEEDS_CALL (*value NULL):
   only the full section's _Py_dict_lookup can answer.  The section
   excludes writers, all of which hold mp's mutex. */
static Py_ssize_t
lookup_leaf(PyDictObject *mp, PyObject *key, Py_hash_t hash,
            PyObject **value, int counted)
{
    Py_ssize_t ix;
    PyObject *found = NULL;
    _Py_BEGIN_LEAF_CRITICAL_SECTION(mp);
    ix = lookup_nocall(mp->ma_keys, key, hash);
    if (ix >= 0) {
        found = DK_ENTRIES(mp->ma_keys)[ix].me_value;
        if (counted) {
            Py_INCREF(found);
            /* Let this thread's next lock-free lookup count it. */
            if (!_Py_IsOwnedByCurrentThread(found)) {
                _PyObject_SetMaybeWeakref(found);
            }
        }
    }
    _Py_END_LEAF_CRITICAL_SECTION();
    *value = found;
    return ix;
}
#endif

/* Look key up; *value gets a new reference or NULL.  A frozendict never
   changes after construction, so in the free-threaded build its readers
   need no lock.  Free-threaded build, a dict: an exact str key is first
   looked up lock-free (lookup_lockfree: inlined, cheaper than any
   section); a plain key (an exact int, or a str the lock-free probe
   cannot answer for) is looked up in a leaf section, which takes no mutex
   while only one thread state exists (session 13, ftdict); other keys,
   and entries that only __eq__ can compare, take the critical section. */
Py_ssize_t
_PyDict_LookupRef(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject **value)
{
    Py_ssize_t ix;
    if (!PyDict_Check((PyObject *)mp)) {     /* a frozendict */
        ix = _Py_dict_lookup(mp, key, hash, value);
        Py_XINCREF(*value);
        return ix;
    }
#ifdef Py_GIL_DISABLED
    if (PyUnicode_CheckExact(key)) {
        int found = lookup_lockfree(mp, key, hash, value);
        if (found >= 0) {
            return found ? 0 : DKIX_EMPTY;
        }
    }
    if (_PyDict_IsPlainKey(key)) {
        ix = lookup_leaf(mp, key, hash, value, 1);
        if (ix != DKIX_NEEDS_CALL) {
            return ix;
        }
    }
#endif
    Py_BEGIN_CRITICAL_SECTION(mp);
    ix = _Py_dict_lookup(mp, key, hash, value);
    Py_XINCREF(*value);
#ifdef Py_GIL_DISABLED
    /* Let the next lookup by this thread take its reference lock-free. */
    if (*value != NULL && !_Py_IsOwnedByCurrentThread(*value)) {
        _PyObject_SetMaybeWeakref(*value);
    }
#endif
    Py_END_CRITICAL_SECTION();
    return ix;
}

/* Whether key is in mp (a dict or a frozendict): 1, 0, or -1 with an
   exception set.  As _PyDict_LookupRef, but no reference is taken: the
   value is only tested for NULL (`in` and dict.__contains__ paid an
   increment and a decrement per test). */
int
_PyDict_LookupPresent(PyDictObject *mp, PyObject *key, Py_hash_t hash)
{
    Py_ssize_t ix;
    PyObject *value;
    if (!PyDict_Check((PyObject *)mp)) {     /* a frozendict */
        ix = _Py_dict_lookup(mp, key, hash, &value);
        return ix == DKIX_ERROR ? -1 : value != NULL;
    }
#ifdef Py_GIL_DISABLED
    if (PyUnicode_CheckExact(key)) {
        PyDictKeyEntry *ep;
        PyObject *entry_key;
        int found = find_entry_lockfree(mp, key, hash, &ep, &entry_key);
        if (found == 0) {
            return 0;
        }
        /* The key was there when its entry was found through the index
           (acquire), which the writer published after the value; a NULL
           value now means deleted since. */
        if (found > 0) {
            return __atomic_load_n(&ep->me_value, __ATOMIC_ACQUIRE) != NULL;
        }
    }
    if (_PyDict_IsPlainKey(key)) {
        ix = lookup_leaf(mp, key, hash, &value, 0);
        if (ix != DKIX_NEEDS_CALL) {
            return ix >= 0;
        }
    }
#endif
    Py_BEGIN_CRITICAL_SECTION(mp);
    ix = _Py_dict_lookup(mp, key, hash, &value);
    Py_END_CRITICAL_SECTION();
    return ix == DKIX_ERROR ? -1 : value != NULL;
}

/* The entry index of key (an exact str) in mp, or -1 when it is absent
   or mp is not an exact dict; for a later _PyDict_GetItemAtHint. */
Py_ssize_t
_PyDict_LookupHint(PyObject *op, PyObject *key)
{
    if (!PyDict_CheckExact(op) || !PyUnicode_CheckExact(key)) {
        return -1;
    }
    PyDictObject *mp = (PyDictObject *)op;
    Py_hash_t hash = _PyDict_KeyHash(key);
    if (hash == -1) {
        PyErr_Clear();
        return -1;
    }
    Py_ssize_t ix;
    Py_BEGIN_CRITICAL_SECTION(mp);
    PyObject *value;
    ix = mp->ma_keys->dk_kind == DICT_KEYS_UNICODE
         ? _Py_dict_lookup(mp, key, hash, &value) : -1;
    Py_END_CRITICAL_SECTION();
    return ix >= 0 ? ix : -1;
}

/* The C API's counted reads live here, next to _PyDict_LookupRef, so the
   compiler inlines the whole read path into them (PyDict_GetItemRef is
   what BINARY_OP_SUBSCR_DICT calls). */
int
_PyDict_GetItemRef_KnownHash(PyDictObject *mp, PyObject *key, Py_hash_t hash,
                             PyObject **result)
{
    Py_ssize_t ix = _PyDict_LookupRef(mp, key, hash, result);
    if (ix == DKIX_ERROR) {
        return -1;
    }
    return *result != NULL;
}

int
PyDict_GetItemRef(PyObject *op, PyObject *key, PyObject **result)
{
    if (!PyAnyDict_Check(op)) {
        PyErr_BadInternalCall();
        *result = NULL;
        return -1;
    }
    Py_hash_t hash = _PyDict_KeyHash(key);
    if (hash == -1) {
        *result = NULL;
        return -1;
    }
    return _PyDict_GetItemRef_KnownHash((PyDictObject *)op, key, hash, result);
}
