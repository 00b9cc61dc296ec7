/* Adaptive specialization: building a code object's cache table and
   choosing the specialized form of an instruction from the operands it
   just saw (Include/internal/pycore_specialize.h; the design is in
   Doc/internals/specialization.md).

   Every decision runs inside the base instruction that asked for it, on
   borrowed operands, and neither raises nor runs Python code: it looks at
   types, type version tags and dict layouts only.

   Thread safety (free-threaded build): the table is published once with
   a compare-and-swap.  An entry's payload is written once (claimed with a
   compare-and-swap of its state, published with a release store) before
   the specialized opcode is stored with a release store, so a thread that
   runs the opcode and then acquires the state sees the whole payload; a
   later attempt by any thread may reuse that payload but never rewrite
   it, unless that thread is the interpreter's only one
   (spec_rewrite_alone).  Opcodes without payload (binary operators, comparisons) are stored
   at any time.  Counters are relaxed atomics.  Dicts are read through
   the dict's own lock-free hint functions, or in its critical section
   when a keys version is given out. */
#include "Python.h"
#include "pycore_code.h"
#include "pycore_dict.h"
#include "pycore_lazyimport.h"
#include "pycore_list.h"
#include "pycore_long.h"
#include "pycore_moduleobject.h"
#include "pycore_object.h"
#include "pycore_pystate.h"
#include "pycore_range.h"
#include "pycore_specialize.h"
#include "pycore_tuple.h"
#include "pycore_typeobject.h"
#include "cpython/funcobject.h"

/* ---- the table ------------------------------------------------------------ */

/* The instructions that own an entry: the bases of the specialized
   forms. */
static int
has_entry(int opcode)
{
    switch (opcode) {
    case LOAD_GLOBAL: case LOAD_ATTR: case BINARY_OP: case COMPARE_OP:
        return 1;
    /* spec (session 6) */
    case STORE_ATTR: case FOR_ITER: case UNPACK_SEQUENCE: case TO_BOOL:
    case CONTAINS_OP: case STORE_SUBSCR:
    /* calls (session 6) */
    case CALL:
    /* calls2 (session 7) */
    case CALL_KW:
        return 1;
    default:
        return 0;
    }
}

static inline int
unit_opcode(const _Py_CODEUNIT *unit)
{
    return _PyOpcode_Deopt[_Py_OPCODE(__atomic_load_n(unit, __ATOMIC_RELAXED))];
}

void
_PySpec_InitTable(PyCodeObject *co)
{
    const _Py_CODEUNIT *code = _PyCode_CODE(co);
    Py_ssize_t ncode = Py_SIZE(co);
    Py_ssize_t nentries = 0;
    for (Py_ssize_t i = 0; i < ncode; i++) {
        nentries += has_entry(unit_opcode(&code[i]));
    }
    /* Slots are 16 bits; a larger code object keeps its first entries. */
    if (nentries > UINT16_MAX - 1) {
        nentries = UINT16_MAX - 1;
    }
    size_t size = sizeof(_PySpecTable) + (size_t)nentries * sizeof(_PySpecEntry)
                  + (size_t)ncode * sizeof(uint16_t);
    _PySpecTable *table = PyMem_Calloc(1, size);
    if (table == NULL) {
        return;     /* the code simply stays generic */
    }
    table->nentries = nentries;
    table->slot = (uint16_t *)&table->entries[nentries];
    Py_ssize_t next = 0;
    for (Py_ssize_t i = 0; i < ncode && next < nentries; i++) {
        if (has_entry(unit_opcode(&code[i]))) {
            table->entries[next].counter = _PY_SPEC_ADAPTIVE_WARMUP;
            table->slot[i] = (uint16_t)(++next);
        }
    }
    void *expected = NULL;
    if (!__atomic_compare_exchange_n(&co->_co_spec, &expected, (void *)table,
                                     0, __ATOMIC_RELEASE, __ATOMIC_RELAXED)) {
        PyMem_Free(table);  /* another thread published first */
    }
}

/* The table and its polymorphic payloads (ftattr): called by the code
   object's dealloc, when no thread can run the code any more. */
void
_PySpec_FreeTable(void *table)
{
    if (table == NULL) {
        return;
    }
    _PySpecPoly *poly = ((_PySpecTable *)table)->polys;
    while (poly != NULL) {
        _PySpecPoly *next = poly->next;
        PyMem_Free(poly);
        poly = next;
    }
    PyMem_Free(table);
}

void
_PyCode_CopyUnspecialized(PyCodeObject *co, _Py_CODEUNIT *dest)
{
    const _Py_CODEUNIT *code = _PyCode_CODE(co);
    for (Py_ssize_t i = 0; i < Py_SIZE(co); i++) {
        _Py_CODEUNIT word = __atomic_load_n(&code[i], __ATOMIC_RELAXED);
        int opcode = _Py_OPCODE(word);
        if (IS_SPECIALIZED_OPCODE(opcode)) {
            word = _Py_MAKE_CODEUNIT(_PyOpcode_Deopt[opcode], _Py_OPARG(word));
        }
        dest[i] = word;
    }
}

/* ---- sampled counters (free-threaded build) ------------------------------------ */

#ifdef Py_GIL_DISABLED
/* Owner only: sampler is the calling thread's.  The entry's counter is a
   relaxed atomic, as in _PySpec_Tick. */
void
_PySpec_SampledTick(_PySpecEntry *entry, struct _py_spec_sampler *sampler,
                    uint16_t left)
{
    /* A fresh thread state has no interval yet: its first tick stands for
       itself. */
    uint32_t elapsed = sampler->interval != 0 ? sampler->interval : 1;
    uint32_t x = sampler->seed;
    if (x == 0) {
        x = (uint32_t)((uintptr_t)sampler >> 4) | 1;
    }
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    sampler->seed = x;
    sampler->interval = _PY_SPEC_SAMPLE_MIN
                        + (x & (_PY_SPEC_SAMPLE_MAX - _PY_SPEC_SAMPLE_MIN));
    sampler->budget = (int32_t)sampler->interval;
    uint16_t rest = left > elapsed ? (uint16_t)(left - elapsed) : 0;
    __atomic_store_n(&entry->counter, rest, __ATOMIC_RELAXED);
}
#endif

/* ---- outcomes ----------------------------------------------------------------- */

/* No specialized form fits: wait 2**backoff - 1 runs, longer each time. */
static void
spec_fail(_PySpecEntry *entry)
{
    uint8_t backoff = __atomic_load_n(&entry->backoff, __ATOMIC_RELAXED);
    if (backoff < _PY_SPEC_MAX_BACKOFF) {
        backoff++;
        __atomic_store_n(&entry->backoff, backoff, __ATOMIC_RELAXED);
    }
    __atomic_store_n(&entry->counter, (uint16_t)((1u << backoff) - 1),
                     __ATOMIC_RELAXED);
}

static void
spec_succeed(_Py_CODEUNIT *instr, _PySpecEntry *entry, int opcode)
{
    if (_PySpec_TakeRepeatOfDeopt(entry, opcode)) {
        spec_fail(entry);
        return;
    }
    __atomic_store_n(&entry->counter, (uint16_t)_PY_SPEC_MISSES,
                     __ATOMIC_RELAXED);
    _PySpec_SetOpcode(instr, opcode);
}

/* A specialized instruction that ran out of misses goes back to its base
   opcode with its counter at 0, so that its next execution tries again
   with the operands of that moment (calls2, session 7): a hot site whose
   types changed for good is specialized for the new ones at once, as
   CPython's cooldown does, instead of waiting out a backoff.  The entry
   remembers the form (`deopted`): when that first attempt picks the same
   form and payload again, the misses came from values, not types, and
   the attempt fails (spec_succeed), so such a site, and one no form
   fits, still backs off (free-threaded build: so does one whose new form
   would need another payload while other threads exist, since the
   payload is then written only once).  On a base
   opcode (a failed attempt) it only backs off. */
void
_PySpec_Deoptimize(_Py_CODEUNIT *instr, _PySpecEntry *entry)
{
    int opcode = _Py_OPCODE(__atomic_load_n(instr, __ATOMIC_RELAXED));
    if (IS_SPECIALIZED_OPCODE(opcode)) {
        _PySpec_SetOpcode(instr, _PyOpcode_Deopt[opcode]);
        __atomic_store_n(&entry->deopted, (uint8_t)opcode, __ATOMIC_RELAXED);
        __atomic_store_n(&entry->counter, (uint16_t)0, __ATOMIC_RELAXED);
        return;
    }
    spec_fail(entry);
}

/* Fill the entry's payload for `kind`; 0 when it may not be written.
   Free-threaded build: the payload is written at most once (see the top
   of the file) while other threads exist; a second attempt succeeds only
   if it wants exactly the payload that is there, or if the calling
   thread runs alone (spec_rewrite_alone). */
#ifdef Py_GIL_DISABLED
/* Rewrite a published payload, as the default build does, when the
   calling thread is the interpreter's only thread state (ftcost, session
   9: a polymorphic site, say deltablue's constraint methods, otherwise
   keeps its first payload and runs generic after its first deopt).  Safe
   without other locks: no thread without a thread state runs bytecode, so
   none can be reading the entry; threads_mutex is held from the check to
   the last store, and _PyThreadState_New links every new state under it,
   so no thread can appear meanwhile; a thread started later reads the
   entry only after its creation, which this mutex orders after these
   stores.  Re-entrant use by the calling thread itself is the default
   build's case: bodies read their payload before anything that could
   run the specializer again.  spec_lock_alone: 1 with threads_mutex
   held when the calling thread is alone (the caller may then rewrite
   payloads and calls spec_unlock_alone), else 0 (not held).
   spec_rewrite_alone: 1 rewritten, 0 not alone. */
static int
spec_lock_alone(void)
{
    PyThreadState *self = _PyThreadState_GET();
    PyInterpreterState *interp = self->interp;
    PyMutex_Lock(&interp->threads_mutex);
    if (interp->threads_head == self && self->next == NULL) {
        return 1;
    }
    PyMutex_Unlock(&interp->threads_mutex);
    return 0;
}

/* Ends what spec_lock_alone began (its 1 only). */
static void
spec_unlock_alone(void)
{
    PyMutex_Unlock(&_PyThreadState_GET()->interp->threads_mutex);
}

static int
spec_rewrite_alone(_PySpecEntry *entry, int kind, uint32_t version,
                   Py_ssize_t index, PyObject *obj)
{
    if (!spec_lock_alone()) {
        return 0;
    }
    entry->kind = (uint8_t)kind;
    entry->version = version;
    entry->index = (int32_t)index;
    entry->obj = obj;
    spec_unlock_alone();
    return 1;
}
#endif

static int
spec_write(_PySpecEntry *entry, int kind, uint32_t version, Py_ssize_t index,
           PyObject *obj)
{
    if (index < INT32_MIN || index > INT32_MAX) {
        return 0;
    }
#ifdef Py_GIL_DISABLED
    uint8_t state = _PY_SPEC_EMPTY;
    if (!__atomic_compare_exchange_n(&entry->state, &state, _PY_SPEC_WRITING,
                                     0, __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE)) {
        if (state != _PY_SPEC_READY) {
            return 0;
        }
        if (entry->kind == kind && entry->version == version
                && entry->index == index && entry->obj == obj) {
            return 1;
        }
        return spec_rewrite_alone(entry, kind, version, index, obj);
    }
#endif
    entry->kind = (uint8_t)kind;
    entry->version = version;
    entry->index = (int32_t)index;
    entry->obj = obj;
#ifdef Py_GIL_DISABLED
    __atomic_store_n(&entry->state, _PY_SPEC_READY, __ATOMIC_RELEASE);
#endif
    return 1;
}

static void
spec_with_payload(_Py_CODEUNIT *instr, _PySpecEntry *entry, int kind,
                  uint32_t version, Py_ssize_t index, PyObject *obj)
{
    if (_PySpec_PayloadDiffers(entry, kind, version, index, obj)) {
        /* New types (another class, another dict layout): not a repeat
           of the form that deoptimized. */
        __atomic_store_n(&entry->deopted, (uint8_t)0, __ATOMIC_RELAXED);
    }
    if (spec_write(entry, kind, version, index, obj)) {
        spec_succeed(instr, entry, kind);
    }
    else {
        spec_fail(entry);
    }
}

/* An object the payload keeps borrowed: a thread that loads it from the
   cache takes its reference with _Py_TryIncref, which needs the object
   marked when that thread does not own it (pycore_object.h). */
static void
prepare_borrowed(PyObject *obj)
{
#ifdef Py_GIL_DISABLED
    _PyObject_SetMaybeWeakref(obj);
#else
    (void)obj;
#endif
}

/* ---- LOAD_GLOBAL ------------------------------------------------------------- */

/* name's absence from globals, as a keys version that stays valid until
   a key is added (0: present, or no version).  Version and absence are
   taken in one critical section, which key insertion also holds. */
static uint32_t
absent_keys_version(PyObject *globals, PyObject *name)
{
    uint32_t version = 0;
    Py_hash_t hash = _PyDict_KeyHash(name);
    if (hash == -1) {
        PyErr_Clear();
        return 0;
    }
    Py_BEGIN_CRITICAL_SECTION(globals);
    PyDictObject *mp = (PyDictObject *)globals;
    if (mp->ma_keys->dk_kind == DICT_KEYS_UNICODE) {
        PyObject *value;
        if (_Py_dict_lookup(mp, name, hash, &value) == DKIX_EMPTY) {
            version = _PyDict_GetKeysVersion(mp);
        }
    }
    Py_END_CRITICAL_SECTION();
    return version;
}

void
_PySpec_LoadGlobal(_Py_CODEUNIT *instr, _PySpecEntry *entry,
                   PyObject *globals, PyObject *builtins, PyObject *name)
{
    if (!PyDict_CheckExact(globals) || !PyDict_CheckExact(builtins)
            || !PyUnicode_CheckExact(name)) {
        spec_fail(entry);
        return;
    }
    Py_ssize_t ix = _PyDict_LookupHint(globals, name);
    if (ix >= 0) {
        PyObject *value = _PySpec_DictGetAtHint(globals, name, ix);
        int lazy = value == NULL || PyLazyImport_CheckExact(value);
        Py_XDECREF(value);
        if (lazy) {
            spec_fail(entry);
            return;
        }
        spec_with_payload(instr, entry, LOAD_GLOBAL_MODULE, 0, ix, NULL);
        return;
    }
    uint32_t version = absent_keys_version(globals, name);
    ix = version ? _PyDict_LookupHint(builtins, name) : -1;
    /* The body finds the name at the hint by identity: a key that is an
       equal but distinct string would make every run miss (calls2). */
    PyObject *found = ix >= 0 ? _PySpec_DictGetAtHint(builtins, name, ix)
                              : NULL;
    if (found == NULL) {
        spec_fail(entry);
        return;
    }
    Py_DECREF(found);
    spec_with_payload(instr, entry, LOAD_GLOBAL_BUILTIN, version, ix, NULL);
}

/* ---- LOAD_ATTR ------------------------------------------------------------------- */

/* Whether owner's instance dict may hold name (no exception either
   way; 1 when unknown, so that nothing is specialized on it). */
static int
instance_dict_has(PyObject *owner, PyObject *name)
{
    PyObject *attr;
    int found = _PyObject_LookupInstanceAttr(owner, name, &attr);
    if (found < 0) {
        PyErr_Clear();
        return 1;
    }
    Py_XDECREF(attr);
    return found;
}

/* LOAD_ATTR_METHOD's index: 0 when the instance has no __dict__ slot;
   for a class with shared keys that lack the name, 1 + their count (the
   keys only grow, so an unchanged count proves an instance keeping
   values cannot shadow the method); else 1 (look in the dict); -1 when
   the name is among the shared keys (not specialized). */
static Py_ssize_t
method_shadow_index(PyTypeObject *type, PyObject *name)
{
    if (type->tp_dictoffset == 0) {
        return 0;
    }
    _PySharedKeys *keys = _PyType_SharedKeys(type);
    if (keys == NULL) {
        return 1;
    }
    uint32_t nkeys = __atomic_load_n(&keys->nkeys, __ATOMIC_ACQUIRE);
    if (_PySharedKeys_Find(keys, name) >= 0) {
        return -1;
    }
    return (Py_ssize_t)nkeys + 1;
}

/* The index LOAD_ATTR_INSTANCE_VALUE / STORE_ATTR_INSTANCE_VALUE carry:
   the name's position in the shared keys, encoded (pycore_instvalues.h),
   when owner keeps values (or has none yet, for a store); else the entry
   hint of its dict; -1 when none. */
static Py_ssize_t
instance_attr_index(PyObject *owner, PyTypeObject *type, PyObject *name)
{
    _PySharedKeys *keys = _PyType_SharedKeys(type);
    PyObject **slotp = (PyObject **)((char *)owner + type->tp_dictoffset);
    PyObject *raw = __atomic_load_n(slotp, __ATOMIC_ACQUIRE);
    if (keys != NULL && (raw == NULL || _PyInstValues_IsTagged(raw))) {
        Py_ssize_t pos = _PySharedKeys_Find(keys, name);
        return pos < 0 ? -1 : _PyInstValues_EncodePosition(pos);
    }
    PyObject *dict;
    Py_ssize_t ix = -1;
    if (_PySpec_InstanceDict(owner, type, &dict) > 0) {
        ix = _PyDict_LookupHint(dict, name);
        _PySpec_ReleaseDict(dict);
    }
    return ix;
}

/* ---- polymorphic attribute sites (ftattr, session 12) ----------------------------
   A LOAD_ATTR_INSTANCE_VALUE or LOAD_ATTR_METHOD site that deoptimized
   because objects of another class came (its next attempt finds another
   class version than its payload's) takes the _POLY form: the old and
   the new payload become two ways of a _PySpecPoly
   (pycore_specialize.h), and later classes are added to free ways by
   later attempts.  A full poly is cleared for the new class only when no
   other thread can read it (default build; free-threaded build alone),
   as payloads are rewritten; else the site backs off. */

/* The polymorphic form of a monomorphic attribute form, or 0. */
static int
poly_form(int kind)
{
    switch (kind) {
    case LOAD_ATTR_INSTANCE_VALUE:
        return LOAD_ATTR_INSTANCE_VALUE_POLY;
    case LOAD_ATTR_METHOD:
        return LOAD_ATTR_METHOD_POLY;
    default:
        return 0;
    }
}

/* Whether entry holds a published payload of `kind`. */
static int
spec_entry_holds(_PySpecEntry *entry, int kind)
{
#ifdef Py_GIL_DISABLED
    if (__atomic_load_n(&entry->state, __ATOMIC_ACQUIRE) != _PY_SPEC_READY) {
        return 0;
    }
#endif
    return entry->kind == kind;
}

/* A new, empty poly linked into co's table (compare-and-swap push: other
   threads may be adding theirs); NULL when the table has as many as it
   has entries, or without memory. */
static _PySpecPoly *
poly_new(PyCodeObject *co)
{
    _PySpecTable *table = _PySpec_Table(co);
    Py_ssize_t n = __atomic_fetch_add(&table->npolys, 1, __ATOMIC_RELAXED);
    if (n >= table->nentries) {
        return NULL;
    }
    _PySpecPoly *poly = PyMem_Calloc(1, sizeof(_PySpecPoly));
    if (poly == NULL) {
        return NULL;
    }
    _PySpecPoly *head = __atomic_load_n(&table->polys, __ATOMIC_RELAXED);
    do {
        poly->next = head;
    } while (!__atomic_compare_exchange_n(&table->polys, &head, poly, 0,
                                          __ATOMIC_RELEASE, __ATOMIC_RELAXED));
    return poly;
}

/* A free way of poly for the calling writer alone (compare-and-swap of
   `claimed`), or -1 when all are taken. */
static int
poly_claim(_PySpecPoly *poly)
{
    uint32_t claimed = __atomic_load_n(&poly->claimed, __ATOMIC_RELAXED);
    while (claimed < _PY_SPEC_POLY_WAYS) {
        if (__atomic_compare_exchange_n(&poly->claimed, &claimed, claimed + 1,
                                        0, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
            return (int)claimed;
        }
    }
    return -1;
}

/* Fill way `way`, which the caller owns (claimed it, or no other thread
   can read poly): the payload, then the version with release, so a
   reader that finds the version finds this payload. */
static void
poly_write_way(_PySpecPoly *poly, int way, uint32_t version, int32_t index,
               PyObject *obj)
{
    poly->index[way] = index;
    poly->obj[way] = obj;
    __atomic_store_n(&poly->version[way], version, __ATOMIC_RELEASE);
}

/* Rewrite poly for (version, index, obj) in way `way`, or, with way -1,
   clear every way and use the first, when no other thread can read it:
   always in the default build (the GIL), only alone in the free-threaded
   build (spec_lock_alone).  1 done, 0 not alone. */
static int
poly_rewrite(_PySpecPoly *poly, int way, uint32_t version, int32_t index,
             PyObject *obj)
{
#ifdef Py_GIL_DISABLED
    if (!spec_lock_alone()) {
        return 0;
    }
#endif
    if (way < 0) {
        for (int i = 0; i < _PY_SPEC_POLY_WAYS; i++) {
            __atomic_store_n(&poly->version[i], (uint32_t)0, __ATOMIC_RELAXED);
        }
        __atomic_store_n(&poly->claimed, (uint32_t)1, __ATOMIC_RELAXED);
        way = 0;
    }
    __atomic_store_n(&poly->version[way], (uint32_t)0, __ATOMIC_RELAXED);
    poly_write_way(poly, way, version, index, obj);
#ifdef Py_GIL_DISABLED
    spec_unlock_alone();
#endif
    return 1;
}

/* The site's entry holds the _POLY form `form`: add the payload's class,
   or repeat the form when that class is there with this payload already
   (then the misses came from values: spec_succeed's repeat rule). */
static void
spec_poly_add(_Py_CODEUNIT *instr, _PySpecEntry *entry, int form,
              uint32_t version, int32_t index, PyObject *obj)
{
    _PySpecPoly *poly = (_PySpecPoly *)entry->obj;
    int way = _PySpec_PolyFind(poly, version);
    if (way >= 0 && poly->index[way] == index && poly->obj[way] == obj) {
        spec_succeed(instr, entry, form);
        return;
    }
    int done;
    if (way >= 0) {
        done = poly_rewrite(poly, way, version, index, obj);
    }
    else if ((way = poly_claim(poly)) >= 0) {
        poly_write_way(poly, way, version, index, obj);
        done = 1;
    }
    else {
        done = poly_rewrite(poly, -1, version, index, obj);
    }
    if (!done) {
        spec_fail(entry);
        return;
    }
    __atomic_store_n(&entry->deopted, (uint8_t)0, __ATOMIC_RELAXED);
    spec_succeed(instr, entry, form);
}

/* The entry holds a monomorphic payload for another class: replace it by
   a poly holding both (the `form` payload is the poly).  A payload
   rewrite, so in the free-threaded build only alone, and then the whole
   of it under spec_lock_alone (no poly is made that could not be
   installed).  1 done. */
static int
spec_poly_upgrade(PyCodeObject *co, _PySpecEntry *entry, int form,
                  uint32_t version, int32_t index, PyObject *obj)
{
#ifdef Py_GIL_DISABLED
    if (!spec_lock_alone()) {
        return 0;
    }
#endif
    _PySpecPoly *poly = poly_new(co);
    if (poly != NULL) {
        poly_write_way(poly, poly_claim(poly), entry->version, entry->index,
                       entry->obj);
        poly_write_way(poly, poly_claim(poly), version, index, obj);
        entry->kind = (uint8_t)form;
        entry->version = 0;
        entry->index = 0;
        entry->obj = (PyObject *)poly;
    }
#ifdef Py_GIL_DISABLED
    spec_unlock_alone();
#endif
    return poly != NULL;
}

/* Specialize an attribute site for the payload of `kind` (one of
   poly_form's), polymorphically when it already served another class. */
static void
spec_attr_payload(PyCodeObject *co, _Py_CODEUNIT *instr, _PySpecEntry *entry,
                  int kind, uint32_t version, Py_ssize_t index, PyObject *obj)
{
    int form = poly_form(kind);
    if (index >= INT32_MIN && index <= INT32_MAX) {
        if (spec_entry_holds(entry, form)) {
            spec_poly_add(instr, entry, form, version, (int32_t)index, obj);
            return;
        }
        if (spec_entry_holds(entry, kind) && entry->version != version
                && entry->version != 0
                && spec_poly_upgrade(co, entry, form, version,
                                     (int32_t)index, obj)) {
            __atomic_store_n(&entry->deopted, (uint8_t)0, __ATOMIC_RELAXED);
            spec_succeed(instr, entry, form);
            return;
        }
    }
    spec_with_payload(instr, entry, kind, version, index, obj);
}

/* Cls.name on a class whose metatype is `type`: a class attribute that is
   its own value (no __get__, or a plain function, whose __get__ with no
   instance returns itself). */
static void
specialize_class_attr(_Py_CODEUNIT *instr, _PySpecEntry *entry,
                      PyTypeObject *cls, PyObject *name)
{
    if (!Py_IS_TYPE((PyObject *)cls, &PyType_Type)
            || _PyType_Lookup(&PyType_Type, name) != NULL) {
        spec_fail(entry);
        return;
    }
    unsigned int version = _PyType_GetVersionTag(cls);
    PyObject *value = version ? _PyType_LookupRef(cls, name) : NULL;
    if (value == NULL) {
        spec_fail(entry);
        return;
    }
    int plain = Py_TYPE(value)->tp_descr_get == NULL || PyFunction_Check(value);
    if (!plain || _PySpec_TypeVersion(cls) != version) {
        Py_DECREF(value);
        spec_fail(entry);
        return;
    }
    prepare_borrowed(value);
    /* Borrowed: cls's dict keeps it while its version stays. */
    spec_with_payload(instr, entry, LOAD_ATTR_CLASS, version, 0, value);
    Py_DECREF(value);
}

/* module.name found in the module's namespace (spec, session 6).  The
   module type is static and immutable: when it has no attribute `name`
   now, it never will, so the namespace always decides. */
static void
specialize_module_attr(_Py_CODEUNIT *instr, _PySpecEntry *entry,
                       PyObject *module, PyObject *name)
{
    PyObject *dict = _PyModule_GetDict(module);
    if (Py_TYPE(module)->tp_getattro != _Py_module_getattro
            || _PyType_Lookup(&PyModule_Type, name) != NULL
            || dict == NULL || !PyDict_CheckExact(dict)) {
        spec_fail(entry);
        return;
    }
    Py_ssize_t ix = _PyDict_LookupHint(dict, name);
    PyObject *value = ix >= 0 ? _PySpec_DictGetAtHint(dict, name, ix) : NULL;
    int lazy = value == NULL || PyLazyImport_CheckExact(value);
    Py_XDECREF(value);
    if (lazy) {
        spec_fail(entry);
        return;
    }
    spec_with_payload(instr, entry, LOAD_ATTR_MODULE, 0, ix, NULL);
}

/* obj.name where name is a property of obj's class (type version
   `version`, read before the look-up that found `prop`) whose getter is a
   Python function binding obj by copying (speedb, session 9).  The
   property is the payload; the body reads its getter, code and defaults
   again on every run, since they can change without the class changing
   (property.__init__, __code__, __defaults__). */
static void
specialize_property(_Py_CODEUNIT *instr, _PySpecEntry *entry, PyObject *prop,
                    unsigned int version)
{
    PyObject *fget = _PyProperty_Getter(prop);
    if (fget == NULL || !Py_IS_TYPE(fget, &PyFunction_Type)) {
        spec_fail(entry);
        return;
    }
    PyFunctionObject *func = (PyFunctionObject *)fget;
    PyCodeObject *co = (PyCodeObject *)func->func_code;
    if (func->vectorcall != _PyFunction_Vectorcall
            || (co->co_flags & _PY_SPEC_UNCOPYABLE_FLAGS)
            || !_PySpec_CopyBindingFits(co, func->func_defaults, 1, NULL)) {
        spec_fail(entry);
        return;
    }
    prepare_borrowed(prop);
    /* Borrowed: the class's dict keeps it while its version stays. */
    spec_with_payload(instr, entry, LOAD_ATTR_PROPERTY, version, 0, prop);
}

/* What LOAD_ATTR of name on owner (an instance of a class with the
   generic getattr) specializes to: LOAD_ATTR_SLOT (offset in *index),
   LOAD_ATTR_METHOD (shadow index in *index; the method, a new
   reference, in *obj, marked for borrowing), LOAD_ATTR_PROPERTY (the
   property, a new reference, in *obj), LOAD_ATTR_INSTANCE_VALUE (values
   position or dict hint in *index), or 0 when nothing fits.  *version is
   the class's version, read before the look-up and checked after it, so
   the descriptor belongs to that version. */
static int
generic_attr_form(PyObject *owner, PyObject *name, int oparg,
                  uint32_t *version, Py_ssize_t *index, PyObject **obj)
{
    PyTypeObject *type = Py_TYPE(owner);
    *obj = NULL;
    *version = _PyType_GetVersionTag(type);
    if (*version == 0) {
        return 0;
    }
    PyObject *descr = _PyType_LookupRef(type, name);
    if (_PySpec_TypeVersion(type) != *version) {
        Py_XDECREF(descr);
        return 0;
    }
    if (descr != NULL && Py_IS_TYPE(descr, &PyMemberDescr_Type)) {
        PyMemberDef *member = ((PyMemberDescrObject *)descr)->d_member;
        Py_DECREF(descr);
        *index = member->offset;
        return member->type == Py_T_OBJECT_EX
               && !(member->flags & Py_RELATIVE_OFFSET) ? LOAD_ATTR_SLOT : 0;
    }
    if (descr != NULL && (oparg & 1)
            && PyType_HasFeature(Py_TYPE(descr), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
        *index = method_shadow_index(type, name);
        if (type->tp_dictoffset < 0 || *index < 0
                || (*index > 0 && instance_dict_has(owner, name))) {
            Py_DECREF(descr);
            return 0;
        }
        prepare_borrowed(descr);
        *obj = descr;
        return LOAD_ATTR_METHOD;
    }
    if (descr != NULL && Py_IS_TYPE(descr, &PyProperty_Type)
            && !(oparg & 1)) {
        *obj = descr;
        return LOAD_ATTR_PROPERTY;
    }
    int data_descr = descr != NULL && Py_TYPE(descr)->tp_descr_set != NULL;
    Py_XDECREF(descr);
    if (data_descr || type->tp_dictoffset <= 0) {
        return 0;
    }
    *index = instance_attr_index(owner, type, name);
    return *index == -1 ? 0 : LOAD_ATTR_INSTANCE_VALUE;
}

void
_PySpec_LoadAttr(PyCodeObject *co, _Py_CODEUNIT *instr, _PySpecEntry *entry,
                 PyObject *owner, PyObject *name, int oparg)
{
    if (!PyUnicode_CheckExact(name)) {
        spec_fail(entry);
        return;
    }
    if (PyType_Check(owner)) {
        specialize_class_attr(instr, entry, (PyTypeObject *)owner, name);
        return;
    }
    if (Py_IS_TYPE(owner, &PyModule_Type)) {
        specialize_module_attr(instr, entry, owner, name);
        return;
    }
    if (Py_TYPE(owner)->tp_getattro != PyObject_GenericGetAttr) {
        spec_fail(entry);
        return;
    }
    uint32_t version;
    Py_ssize_t index;
    PyObject *obj;
    int kind = generic_attr_form(owner, name, oparg, &version, &index, &obj);
    switch (kind) {
    case LOAD_ATTR_SLOT:
        spec_with_payload(instr, entry, kind, version, index, NULL);
        break;
    case LOAD_ATTR_PROPERTY:
        specialize_property(instr, entry, obj, version);
        break;
    case LOAD_ATTR_METHOD:
    case LOAD_ATTR_INSTANCE_VALUE:
        /* A method is borrowed: the type's dict keeps it while its
           version stays. */
        spec_attr_payload(co, instr, entry, kind, version, index, obj);
        break;
    default:
        spec_fail(entry);
    }
    Py_XDECREF(obj);
}

void
_PySpec_LoadAttrPolyMiss(_PySpecEntry *entry, PyObject *owner,
                         PyObject *name, int oparg)
{
    _PySpecPoly *poly = (_PySpecPoly *)entry->obj;
    if (__atomic_load_n(&poly->claimed, __ATOMIC_RELAXED) >= _PY_SPEC_POLY_WAYS
            || Py_TYPE(owner)->tp_getattro != PyObject_GenericGetAttr) {
        return;
    }
    uint32_t version;
    Py_ssize_t index;
    PyObject *obj;
    int kind = generic_attr_form(owner, name, oparg, &version, &index, &obj);
    if (kind != 0 && poly_form(kind) == entry->kind
            && index >= INT32_MIN && index <= INT32_MAX
            && _PySpec_PolyFind(poly, version) < 0) {
        int way = poly_claim(poly);
        if (way >= 0) {
            poly_write_way(poly, way, version, (int32_t)index, obj);
        }
    }
    Py_XDECREF(obj);
}

/* ---- BINARY_OP and COMPARE_OP (no payload) ------------------------------------ */

static int
compact_int(PyObject *op)
{
    return PyLong_CheckExact(op) && _PyLong_IsCompact((PyLongObject *)op);
}

/* BINARY_OP_CONCAT's operands: two exact lists for `+` (`+=` extends the
   list in place), two exact tuples for either. */
static int
concat_operands(PyObject *lhs, PyObject *rhs, int oparg)
{
    return Py_IS_TYPE(rhs, Py_TYPE(lhs))
           && (PyTuple_CheckExact(lhs)
               || (PyList_CheckExact(lhs) && oparg == NB_ADD));
}

static int
binary_op_form(PyObject *lhs, PyObject *rhs, int oparg)
{
    int ints = PyLong_CheckExact(lhs) && PyLong_CheckExact(rhs);
    /* The float forms take a compact int on either side (ceval's
       spec_float_operands): float * loop index is common. */
    int floats = (PyFloat_CheckExact(lhs) && PyFloat_CheckExact(rhs))
                 || (PyFloat_CheckExact(lhs) && compact_int(rhs))
                 || (compact_int(lhs) && PyFloat_CheckExact(rhs));
    switch (oparg) {
    case NB_ADD: case NB_INPLACE_ADD:
        if (PyUnicode_CheckExact(lhs) && PyUnicode_CheckExact(rhs)) {
            return BINARY_OP_ADD_UNICODE;
        }
        if (concat_operands(lhs, rhs, oparg)) {
            return BINARY_OP_CONCAT;
        }
        return ints ? BINARY_OP_ADD_INT : floats ? BINARY_OP_ADD_FLOAT : 0;
    case NB_SUBTRACT: case NB_INPLACE_SUBTRACT:
        return ints ? BINARY_OP_SUBTRACT_INT
               : floats ? BINARY_OP_SUBTRACT_FLOAT : 0;
    case NB_MULTIPLY: case NB_INPLACE_MULTIPLY:
        return ints ? BINARY_OP_MULTIPLY_INT
               : floats ? BINARY_OP_MULTIPLY_FLOAT : 0;
    case NB_TRUE_DIVIDE: case NB_INPLACE_TRUE_DIVIDE:
        return floats ? BINARY_OP_TRUE_DIVIDE_FLOAT : 0;
    case NB_REMAINDER: case NB_INPLACE_REMAINDER:
    case NB_FLOOR_DIVIDE: case NB_INPLACE_FLOOR_DIVIDE:
    case NB_AND: case NB_INPLACE_AND:
    case NB_OR: case NB_INPLACE_OR:
    case NB_XOR: case NB_INPLACE_XOR:
    case NB_LSHIFT: case NB_INPLACE_LSHIFT:
    case NB_RSHIFT: case NB_INPLACE_RSHIFT:
    {
        /* The body checks the operands again on every run. */
        int64_t x, y;
        return _PySpec_IntWordOperands(oparg, lhs, rhs, &x, &y)
               ? BINARY_OP_INT_WORD : 0;
    }
    case NB_SUBSCR:
        if (PyList_CheckExact(lhs) && PyLong_CheckExact(rhs)) {
            return BINARY_OP_SUBSCR_LIST_INT;
        }
        if (PyTuple_CheckExact(lhs) && PyLong_CheckExact(rhs)) {
            return BINARY_OP_SUBSCR_TUPLE_INT;
        }
        return PyDict_CheckExact(lhs) ? BINARY_OP_SUBSCR_DICT : 0;
    default:
        return 0;
    }
}

/* ---- ftsingle (session 8): operator dunders of Python classes --------------- */

/* BINARY_OP's operators with a binary number slot, by binary oparg (the
   in-place opargs are NB_INPLACE_ADD + the binary one).  offset 0:
   NB_POWER, whose slot is ternary, stays generic. */
static const struct {
    size_t offset;
    size_t inplace_offset;
    const char *symbol;
    const char *inplace_symbol;
} binary_dunders[NB_XOR + 1] = {
#define BINARY_DUNDER(OP, FIELD, SYMBOL)                                \
    [OP] = {offsetof(PyNumberMethods, nb_##FIELD),                     \
            offsetof(PyNumberMethods, nb_inplace_##FIELD), SYMBOL, SYMBOL "="}
    BINARY_DUNDER(NB_ADD, add, "+"),
    BINARY_DUNDER(NB_AND, and, "&"),
    BINARY_DUNDER(NB_FLOOR_DIVIDE, floor_divide, "//"),
    BINARY_DUNDER(NB_LSHIFT, lshift, "<<"),
    BINARY_DUNDER(NB_MATRIX_MULTIPLY, matrix_multiply, "@"),
    BINARY_DUNDER(NB_MULTIPLY, multiply, "*"),
    BINARY_DUNDER(NB_REMAINDER, remainder, "%"),
    BINARY_DUNDER(NB_OR, or, "|"),
    BINARY_DUNDER(NB_RSHIFT, rshift, ">>"),
    BINARY_DUNDER(NB_SUBTRACT, subtract, "-"),
    BINARY_DUNDER(NB_TRUE_DIVIDE, true_divide, "/"),
    BINARY_DUNDER(NB_XOR, xor, "^"),
#undef BINARY_DUNDER
};

/* The binary oparg an oparg dispatches to (-1: none with a slot). */
static int
binary_dunder_op(int oparg)
{
    int op = oparg >= NB_INPLACE_ADD && oparg <= NB_INPLACE_XOR
             ? oparg - NB_INPLACE_ADD : oparg;
    if (op < 0 || op > NB_XOR || binary_dunders[op].offset == 0) {
        return -1;
    }
    return op;
}

static PyObject *
binary_dunder_name(int op)
{
    switch (op) {
    case NB_ADD: return _Py_INTERNED_ID(__add__);
    case NB_AND: return _Py_INTERNED_ID(__and__);
    case NB_FLOOR_DIVIDE: return _Py_INTERNED_ID(__floordiv__);
    case NB_LSHIFT: return _Py_INTERNED_ID(__lshift__);
    case NB_MATRIX_MULTIPLY: return _Py_INTERNED_ID(__matmul__);
    case NB_MULTIPLY: return _Py_INTERNED_ID(__mul__);
    case NB_REMAINDER: return _Py_INTERNED_ID(__mod__);
    case NB_OR: return _Py_INTERNED_ID(__or__);
    case NB_RSHIFT: return _Py_INTERNED_ID(__rshift__);
    case NB_SUBTRACT: return _Py_INTERNED_ID(__sub__);
    case NB_TRUE_DIVIDE: return _Py_INTERNED_ID(__truediv__);
    case NB_XOR: return _Py_INTERNED_ID(__xor__);
    default: return NULL;
    }
}

static PyObject *
richcompare_dunder_name(int cmp)
{
    switch (cmp) {
    case Py_LT: return _Py_INTERNED_ID(__lt__);
    case Py_LE: return _Py_INTERNED_ID(__le__);
    case Py_EQ: return _Py_INTERNED_ID(__eq__);
    case Py_NE: return _Py_INTERNED_ID(__ne__);
    case Py_GT: return _Py_INTERNED_ID(__gt__);
    case Py_GE: return _Py_INTERNED_ID(__ge__);
    default: return NULL;
    }
}

/* The right operand types the dunder forms accept besides the left
   operand's own: with these the protocol (binary_op1, do_richcompare)
   calls the left operand's dunder first and only it, and after a
   NotImplemented the only step left is the right type's C slot, which
   the fallbacks below take.  A Python class on the right could take
   the reflected turn first (a subclass) or have its own dunder tried,
   so it stays generic. */
static int
dunder_right_type_fits(PyTypeObject *left, PyTypeObject *right)
{
    return right == left || right == &PyLong_Type || right == &PyFloat_Type;
}

/* A sequence slot would give the operation a last try after
   NotImplemented (PyNumber_Add's sq_concat, PyNumber_Multiply's
   sq_repeat); the fallbacks do not take it. */
static int
has_sequence_operators(PyTypeObject *type)
{
    PySequenceMethods *sq = type->tp_as_sequence;
    return sq != NULL && (sq->sq_concat != NULL || sq->sq_repeat != NULL
                          || sq->sq_inplace_concat != NULL
                          || sq->sq_inplace_repeat != NULL);
}

/* The dunder `name` of the heap type `type` as a Python function that
   two positional arguments bind by copying, cached with `kind` when so.
   The version is read before the look-up and checked after it, as for
   LOAD_ATTR: the function belongs to that version, which the class's
   dict keeps it alive for (borrowed payload). */
static int
spec_dunder(_Py_CODEUNIT *instr, _PySpecEntry *entry, int kind,
            PyTypeObject *type, PyObject *name)
{
    unsigned int version = _PyType_GetVersionTag(type);
    if (version == 0 || name == NULL) {
        return 0;
    }
    PyObject *func = _PyType_LookupRef(type, name);
    if (func == NULL) {
        PyErr_Clear();
        return 0;
    }
    int fits = _PySpec_TypeVersion(type) == version
               && Py_IS_TYPE(func, &PyFunction_Type);
    if (fits) {
        PyFunctionObject *f = (PyFunctionObject *)func;
        PyCodeObject *co = (PyCodeObject *)__atomic_load_n(&f->func_code,
                                                           __ATOMIC_ACQUIRE);
        PyObject *defaults = __atomic_load_n(&f->func_defaults,
                                             __ATOMIC_ACQUIRE);
        fits = !(co->co_flags & _PY_SPEC_UNCOPYABLE_FLAGS)
               && _PySpec_CopyBindingFits(co, defaults, 2, NULL);
    }
    if (!fits) {
        Py_DECREF(func);
        return 0;
    }
    prepare_borrowed(func);
    spec_with_payload(instr, entry, kind, version, 0, func);
    Py_DECREF(func);
    return 1;
}

/* lhs OP rhs where lhs's class implements OP with a Python method. */
static int
spec_binary_dunder(_Py_CODEUNIT *instr, _PySpecEntry *entry, PyObject *lhs,
                   PyObject *rhs, int oparg)
{
    int op = binary_dunder_op(oparg);
    PyTypeObject *type = Py_TYPE(lhs);
    if (op < 0 || !PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE)
            || !dunder_right_type_fits(type, Py_TYPE(rhs))
            || !_PyType_BinarySlotCallsDunder(type, binary_dunders[op].offset)
            || has_sequence_operators(type)) {
        return 0;
    }
    if (op != oparg) {
        /* In place: only when the class has no in-place method, so the
           operation is the binary one (binary_iop1). */
        PyNumberMethods *nb = type->tp_as_number;
        if (*(void **)((char *)nb + binary_dunders[op].inplace_offset) != NULL) {
            return 0;
        }
    }
    return spec_dunder(instr, entry, BINARY_OP_PY_DUNDER, type,
                       binary_dunder_name(op));
}

void
_PySpec_BinaryOp(_Py_CODEUNIT *instr, _PySpecEntry *entry, PyObject *lhs,
                 PyObject *rhs, int oparg)
{
    int form = binary_op_form(lhs, rhs, oparg);
    if (form != 0) {
        spec_succeed(instr, entry, form);
        return;
    }
    if (!spec_binary_dunder(instr, entry, lhs, rhs, oparg)) {
        spec_fail(entry);
    }
}

/* lhs's dunder, entered by BINARY_OP_PY_DUNDER, returned NotImplemented:
   the rest of the protocol for the right types that form accepts.  For
   rhs of lhs's type nothing is left (binary_op1 tries a type's slot
   once); for an int or float its C slot gets its turn.  Then the
   TypeError of PyNumber_Add & co., with the in-place symbol for an
   in-place oparg.  A new reference, or NULL with an exception. */
PyObject *
_PySpec_BinaryDunderFallback(int oparg, PyObject *lhs, PyObject *rhs)
{
    int op = binary_dunder_op(oparg);
    if (op < 0) {
        PyErr_SetString(PyExc_SystemError, "bad BINARY_OP oparg");
        return NULL;
    }
    if (!Py_IS_TYPE(rhs, Py_TYPE(lhs))) {
        PyNumberMethods *nb = Py_TYPE(rhs)->tp_as_number;
        binaryfunc slot = nb == NULL ? NULL
            : *(binaryfunc *)((char *)nb + binary_dunders[op].offset);
        if (slot != NULL) {
            PyObject *res = slot(lhs, rhs);
            if (res != Py_NotImplemented) {
                return res;
            }
            Py_DECREF(res);
        }
    }
    PyErr_Format(PyExc_TypeError,
                 "unsupported operand type(s) for %.100s: '%.100s' and '%.100s'",
                 op != oparg ? binary_dunders[op].inplace_symbol
                             : binary_dunders[op].symbol,
                 Py_TYPE(lhs)->tp_name, Py_TYPE(rhs)->tp_name);
    return NULL;
}

/* The same for COMPARE_OP_PY_DUNDER: the right operand's reflected
   comparison, then identity for == and !=, else do_richcompare's
   TypeError. */
PyObject *
_PySpec_CompareDunderFallback(int cmp, PyObject *lhs, PyObject *rhs)
{
    static const char *const symbols[] = {"<", "<=", "==", "!=", ">", ">="};
    richcmpfunc reflected = Py_TYPE(rhs)->tp_richcompare;
    if (reflected != NULL) {
        PyObject *res = reflected(rhs, lhs, _Py_SwappedOp[cmp]);
        if (res != Py_NotImplemented) {
            return res;
        }
        Py_DECREF(res);
    }
    switch (cmp) {
    case Py_EQ:
        return Py_NewRef(lhs == rhs ? Py_True : Py_False);
    case Py_NE:
        return Py_NewRef(lhs != rhs ? Py_True : Py_False);
    default:
        PyErr_Format(PyExc_TypeError,
                     "'%s' not supported between instances of '%.100s' and '%.100s'",
                     symbols[cmp], Py_TYPE(lhs)->tp_name, Py_TYPE(rhs)->tp_name);
        return NULL;
    }
}

void
_PySpec_CompareOp(_Py_CODEUNIT *instr, _PySpecEntry *entry, PyObject *lhs,
                  PyObject *rhs, int oparg)
{
    int cmp = oparg >> 5;
    int form = 0;
    if (PyLong_CheckExact(lhs) && PyLong_CheckExact(rhs)
            && _PyLong_BothAreCompact((PyLongObject *)lhs, (PyLongObject *)rhs)) {
        form = COMPARE_OP_INT;
    }
    else if (PyFloat_CheckExact(lhs) && PyFloat_CheckExact(rhs)) {
        form = COMPARE_OP_FLOAT;
    }
    else if (PyUnicode_CheckExact(lhs) && PyUnicode_CheckExact(rhs)
             && (cmp == Py_EQ || cmp == Py_NE)) {
        form = COMPARE_OP_STR;
    }
    if (form != 0) {
        spec_succeed(instr, entry, form);
        return;
    }
    PyTypeObject *type = Py_TYPE(lhs);
    if (!PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE)
            || !dunder_right_type_fits(type, Py_TYPE(rhs))
            || !_PyType_RichCompareCallsDunder(type)
            || !spec_dunder(instr, entry, COMPARE_OP_PY_DUNDER, type,
                            richcompare_dunder_name(cmp))) {
        spec_fail(entry);
    }
}


/* ---- spec (session 6): STORE_ATTR ------------------------------------------ */

/* A plain writable object slot (what LOAD_ATTR_SLOT reads). */
static int
is_plain_slot(PyObject *descr)
{
    if (descr == NULL || !Py_IS_TYPE(descr, &PyMemberDescr_Type)) {
        return 0;
    }
    PyMemberDef *member = ((PyMemberDescrObject *)descr)->d_member;
    return member->type == Py_T_OBJECT_EX
           && !(member->flags & (Py_READONLY | Py_RELATIVE_OFFSET));
}

void
_PySpec_StoreAttr(_Py_CODEUNIT *instr, _PySpecEntry *entry, PyObject *owner,
                  PyObject *name)
{
    PyTypeObject *type = Py_TYPE(owner);
    if (!PyUnicode_CheckExact(name) || PyType_Check(owner)
            || type->tp_setattro != PyObject_GenericSetAttr) {
        spec_fail(entry);
        return;
    }
    /* As for LOAD_ATTR: the descriptor belongs to the version read
       before the look-up. */
    unsigned int version = _PyType_GetVersionTag(type);
    if (version == 0) {
        spec_fail(entry);
        return;
    }
    PyObject *descr = _PyType_LookupRef(type, name);
    if (_PySpec_TypeVersion(type) != version) {
        Py_XDECREF(descr);
        spec_fail(entry);
        return;
    }
    if (is_plain_slot(descr)) {
        Py_ssize_t offset = ((PyMemberDescrObject *)descr)->d_member->offset;
        Py_DECREF(descr);
        spec_with_payload(instr, entry, STORE_ATTR_SLOT, version, offset, NULL);
        return;
    }
    int data_descr = descr != NULL && Py_TYPE(descr)->tp_descr_set != NULL;
    Py_XDECREF(descr);
    if (data_descr || type->tp_dictoffset <= 0) {
        spec_fail(entry);
        return;
    }
    /* The index may be -1 (no dict yet, or the name not in it: a store
       in __init__); the specialized form then stores by name, still
       skipping the type look-up. */
    Py_ssize_t ix = instance_attr_index(owner, type, name);
    spec_with_payload(instr, entry, STORE_ATTR_INSTANCE_VALUE, version, ix,
                      NULL);
}

/* ---- spec (session 6): forms without payload ------------------------------- */

static void
spec_form(_Py_CODEUNIT *instr, _PySpecEntry *entry, int form)
{
    if (form == 0) {
        spec_fail(entry);
    }
    else {
        spec_succeed(instr, entry, form);
    }
}

void
_PySpec_ForIter(_Py_CODEUNIT *instr, _PySpecEntry *entry, PyObject *iter)
{
    PyTypeObject *type = Py_TYPE(iter);
    spec_form(instr, entry,
              type == &PyRangeIter_Type ? FOR_ITER_RANGE
              : type == &PyListIter_Type ? FOR_ITER_LIST
              : type == &PyTupleIter_Type ? FOR_ITER_TUPLE : 0);
}

void
_PySpec_UnpackSequence(_Py_CODEUNIT *instr, _PySpecEntry *entry,
                       PyObject *seq, int oparg)
{
    int form = 0;
    if (PyTuple_CheckExact(seq) && PyTuple_GET_SIZE(seq) == oparg) {
        form = oparg == 2 ? UNPACK_SEQUENCE_TWO_TUPLE : UNPACK_SEQUENCE_TUPLE;
    }
    else if (PyList_CheckExact(seq) && PyList_GET_SIZE(seq) == oparg) {
        form = UNPACK_SEQUENCE_LIST;
    }
    spec_form(instr, entry, form);
}

void
_PySpec_ToBool(_Py_CODEUNIT *instr, _PySpecEntry *entry, PyObject *value)
{
    spec_form(instr, entry,
              PyBool_Check(value) ? TO_BOOL_BOOL
              : PyLong_CheckExact(value) ? TO_BOOL_INT
              : value == Py_None ? TO_BOOL_NONE
              : PyUnicode_CheckExact(value) ? TO_BOOL_STR
              : PyList_CheckExact(value) ? TO_BOOL_LIST : 0);
}

void
_PySpec_ContainsOp(_Py_CODEUNIT *instr, _PySpecEntry *entry,
                   PyObject *item, PyObject *container)
{
    int form = 0;
    if (PyDict_CheckExact(container)) {
        form = CONTAINS_OP_DICT;
    }
    else if (PySet_CheckExact(container) || PyFrozenSet_CheckExact(container)) {
        form = CONTAINS_OP_SET;
    }
    else if (PyUnicode_CheckExact(container) && PyUnicode_CheckExact(item)) {
        form = CONTAINS_OP_STR;
    }
    spec_form(instr, entry, form);
}

void
_PySpec_StoreSubscr(_Py_CODEUNIT *instr, _PySpecEntry *entry,
                    PyObject *container, PyObject *sub)
{
    spec_form(instr, entry,
              PyList_CheckExact(container) && PyLong_CheckExact(sub)
                  ? STORE_SUBSCR_LIST_INT
              : PyDict_CheckExact(container) ? STORE_SUBSCR_DICT : 0);
}
