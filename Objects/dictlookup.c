/* Dict read paths: probing a keys table for a key.  The locked probes
   (_Py_dict_lookup: all-str tables by identity and str equality, others
   through __eq__ with a restart when a comparison changed the table),
   the free-threaded build's lock-free probe of an all-str table, the
   counted read every C API getter uses (_PyDict_LookupRef), and the
   entry-index lookup behind the VM's hint caches.  The table layout is in
   Include/internal/pycore_dict.h; what writers do so that lock-free
   readers stay safe is in Objects/dictobject.c ("sharing with lock-free
   readers"). */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_dict.h"
#include "pycore_unicodeobject.h"

/* Every key in the table is an exact str and so is `key`: equality needs
   no user code, so nothing can change under us. */
static Py_ssize_t
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
/* Look up an exact str key without mp's critical section (DESIGN.md
   section 5).  Returns 1 with a new reference in *value, 0 when the key
   is absent, or -1 when only the locked lookup can answer: the table is
   not all exact-str keys (comparing others can run user code), or the
   value cannot be referenced lock-free (_Py_TryIncref refused).

   Safe without the lock because every table stays readable until this
   thread's next quiescent point (retire_keys, Objects/dictobject.c), every key and value a
   writer drops does too (prepare_to_drop), entries are published with
   release stores after their fields, and a table's entries only go from
   a key to NULL (popitem's reuse of the last entry is checked by loading
   the key before the value).  Nothing here can detach or run Python
   code.  The answer is linearizable: the key was present with *value, or
   absent, at some moment during the call. */
static int
lookup_lockfree(PyDictObject *mp, PyObject *key, Py_hash_t hash,
                PyObject **value)
{
    *value = NULL;
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
                PyObject *found = __atomic_load_n(&ep->me_value, __ATOMIC_ACQUIRE);
                if (found == NULL) {
                    return 0;       /* deleted while we looked */
                }
                if (!_Py_TryIncref(found)) {
                    return -1;
                }
                *value = found;
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
#endif

/* Look key up; *value gets a new reference or NULL.  A frozendict never
   changes after construction, so in the free-threaded build its readers
   need no lock; a dict is read lock-free when the key is an exact str
   and its table allows it (lookup_lockfree), else in its critical
   section. */
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
