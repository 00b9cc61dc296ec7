/* Tuple objects.

   A tuple is immutable once its creator hands it out, so nothing here
   needs a lock in the free-threaded build: readers only ever see a
   fully built tuple.  The one lazily filled field, the hash cache, is
   published with a relaxed atomic store; every thread computes the same
   value, so a race only repeats the work.

   The empty tuple is a static, immortal singleton: PyTuple_New(0) and
   every operation that produces an empty tuple return it. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_abstract.h"
#include "pycore_gc.h"
#include "pycore_freelist.h"
#include "pycore_tuple.h"
#include "pycore_slice.h"

/* The empty tuple.  The collector expects a pre-header in front of every
   object of a GC type (default build); this one is all zeroes, which
   reads as "not tracked", and it stays so: the tuple is immortal. */
static struct {
#ifndef Py_GIL_DISABLED
    PyGC_Head gc;
#endif
    PyTupleObject tuple;
} empty_tuple_storage = {
#ifndef Py_GIL_DISABLED
    { NULL, NULL },
#endif
    {
        .ob_base = { .ob_base = _PyObject_HEAD_INIT(&PyTuple_Type),
                     .ob_size = 0 },
        .ob_hash = -1,
        .ob_item = { NULL },
    },
};

static inline PyObject *
tuple_get_empty(void)
{
    return (PyObject *)&empty_tuple_storage.tuple;
}

static inline Py_hash_t
load_cached_hash(PyTupleObject *op)
{
#ifdef Py_GIL_DISABLED
    return __atomic_load_n(&op->ob_hash, __ATOMIC_RELAXED);
#else
    return op->ob_hash;
#endif
}

static inline void
store_cached_hash(PyTupleObject *op, Py_hash_t hash)
{
#ifdef Py_GIL_DISABLED
    __atomic_store_n(&op->ob_hash, hash, __ATOMIC_RELAXED);
#else
    op->ob_hash = hash;
#endif
}

/* ---- creation ----------------------------------------------------------- */

/* An untracked tuple of `size` (> 0) NULL items, or NULL with
   MemoryError set. */
static PyTupleObject *
tuple_alloc(Py_ssize_t size)
{
    if (size > (PY_SSIZE_T_MAX - (Py_ssize_t)sizeof(PyTupleObject))
               / (Py_ssize_t)sizeof(PyObject *)) {
        return (PyTupleObject *)PyErr_NoMemory();
    }
    PyTupleObject *op = NULL;
    if (size <= _Py_FREELIST_TUPLE_SIZES) {
        op = (PyTupleObject *)_Py_freelist_pop_gc(
            &_Py_freelists_get()->tuples[size - 1], &PyTuple_Type);
    }
    if (op != NULL) {
        Py_SET_SIZE(op, size);
    }
    else {
        op = PyObject_GC_NewVar(PyTupleObject, &PyTuple_Type, size);
        if (op == NULL) {
            return NULL;
        }
    }
    op->ob_hash = -1;
    memset(op->ob_item, 0, (size_t)size * sizeof(PyObject *));
    return op;
}

PyObject *
PyTuple_New(Py_ssize_t size)
{
    if (size == 0) {
        return tuple_get_empty();
    }
    if (size < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyTupleObject *op = tuple_alloc(size);
    if (op == NULL) {
        return NULL;
    }
    /* Tracked at once although the items are still NULL: tuple_traverse
       skips NULL items, and the creator fills them in place. */
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

PyObject *
PyTuple_FromArray(PyObject *const *src, Py_ssize_t n)
{
    if (n == 0) {
        return tuple_get_empty();
    }
    if (n < 0 || src == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyTupleObject *op = tuple_alloc(n);
    if (op == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        op->ob_item[i] = Py_NewRef(src[i]);
    }
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

PyObject *
_PyTuple_FromArraySteal(PyObject *const *src, Py_ssize_t n)
{
    if (n == 0) {
        return tuple_get_empty();
    }
    PyTupleObject *op = tuple_alloc(n);
    if (op == NULL) {
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_DECREF(src[i]);
        }
        return NULL;
    }
    memcpy(op->ob_item, src, (size_t)n * sizeof(PyObject *));
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

/* An iterator's result tuple `cache` (exact, of size n <= 4) refilled with
   items[0:n] (references stolen) and returned as a new reference when the
   caller's reference is its only one, which is how a loop leaves the
   previous result (`for i, x in enumerate(xs)` unpacks and drops it):
   nobody can observe the change.  Otherwise a new tuple of the items.

   Thread safety: _PyObject_IsUniquelyReferenced holds in the
   free-threaded build only for the owning thread with no other reference
   counted anywhere, so no other thread can hold the tuple, and a thread
   that receives it later starts from a count this thread wrote.  A stack
   slot that borrows a reference does so from a holder that counts one
   (a local), and a QSBR-borrowed local of another thread is covered by
   the delayed reference its list handed to QSBR until that thread
   promotes it, so a borrowed tuple is never unique.  The old items are
   released only after the tuple is refilled and counted again: their
   finalizers may re-enter the iterator, which then sees a shared tuple. */
PyObject *
_PyTuple_Recycle(PyObject *cache, PyObject *const *items, Py_ssize_t n)
{
    PyObject *old[4];
    if (cache == NULL || n > 4 || !_PyObject_IsUniquelyReferenced(cache)) {
        return _PyTuple_FromArraySteal(items, n);
    }
    PyTupleObject *op = (PyTupleObject *)cache;
    assert(PyTuple_CheckExact(cache) && Py_SIZE(op) == n);
    for (Py_ssize_t i = 0; i < n; i++) {
        old[i] = op->ob_item[i];
        op->ob_item[i] = items[i];
    }
    store_cached_hash(op, -1);
    Py_INCREF(cache);
    if (!_PyObject_GC_IS_TRACKED(cache)) {
        PyObject_GC_Track(cache);
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_DECREF(old[i]);
    }
    return cache;
}

PyObject *
PyTuple_Pack(Py_ssize_t n, ...)
{
    if (n == 0) {
        return tuple_get_empty();
    }
    PyObject *result = PyTuple_New(n);
    if (result == NULL) {
        return NULL;
    }
    va_list vargs;
    va_start(vargs, n);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(result, i, Py_NewRef(va_arg(vargs, PyObject *)));
    }
    va_end(vargs);
    return result;
}

/* The caller is the tuple's only user, so it may be replaced in place. */
int
_PyTuple_Resize(PyObject **pv, Py_ssize_t newsize)
{
    PyObject *v = *pv;
    if (v == NULL || !Py_IS_TYPE(v, &PyTuple_Type) || newsize < 0
        || (Py_SIZE(v) != 0 && Py_REFCNT(v) != 1)) {
        *pv = NULL;
        Py_XDECREF(v);
        PyErr_BadInternalCall();
        return -1;
    }
    Py_ssize_t oldsize = Py_SIZE(v);
    if (oldsize == newsize) {
        return 0;
    }
    if (oldsize == 0) {
        /* The empty singleton cannot grow: start a new tuple. */
        *pv = PyTuple_New(newsize);
        return *pv == NULL ? -1 : 0;
    }
    if (newsize == 0) {
        *pv = tuple_get_empty();
        Py_DECREF(v);
        return 0;
    }
    if (newsize > (PY_SSIZE_T_MAX - (Py_ssize_t)sizeof(PyTupleObject))
                  / (Py_ssize_t)sizeof(PyObject *)) {
        *pv = NULL;
        Py_DECREF(v);
        PyErr_NoMemory();
        return -1;
    }
    PyObject_GC_UnTrack(v);
    for (Py_ssize_t i = newsize; i < oldsize; i++) {
        Py_CLEAR(_PyTuple_ITEMS(v)[i]);
    }
    PyTupleObject *sv = PyObject_GC_Resize(PyTupleObject, v, newsize);
    if (sv == NULL) {
        *pv = NULL;
        /* v is still valid: drop what it holds and free it. */
        Py_SET_SIZE(v, newsize < oldsize ? newsize : oldsize);
        PyObject_GC_Track(v);
        Py_DECREF(v);
        return -1;
    }
    if (newsize > oldsize) {
        memset(&sv->ob_item[oldsize], 0,
               (size_t)(newsize - oldsize) * sizeof(PyObject *));
    }
    sv->ob_hash = -1;
    *pv = (PyObject *)sv;
    PyObject_GC_Track(sv);
    return 0;
}

/* ---- C accessors -------------------------------------------------------- */

Py_ssize_t
PyTuple_Size(PyObject *op)
{
    if (!PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return Py_SIZE(op);
}

PyObject *
PyTuple_GetItem(PyObject *op, Py_ssize_t i)
{
    if (!PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (i < 0 || i >= Py_SIZE(op)) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return _PyTuple_ITEMS(op)[i];
}

int
PyTuple_SetItem(PyObject *op, Py_ssize_t i, PyObject *newitem)
{
    if (!PyTuple_Check(op) || Py_REFCNT(op) != 1) {
        Py_XDECREF(newitem);
        PyErr_BadInternalCall();
        return -1;
    }
    if (i < 0 || i >= Py_SIZE(op)) {
        Py_XDECREF(newitem);
        PyErr_SetString(PyExc_IndexError,
                        "tuple assignment index out of range");
        return -1;
    }
    Py_XSETREF(_PyTuple_ITEMS(op)[i], newitem);
    return 0;
}

/* A new tuple of items[lo:hi] of a. */
static PyObject *
tuple_slice(PyTupleObject *a, Py_ssize_t lo, Py_ssize_t hi)
{
    if (lo < 0) {
        lo = 0;
    }
    if (hi > Py_SIZE(a)) {
        hi = Py_SIZE(a);
    }
    if (hi < lo) {
        hi = lo;
    }
    if (lo == 0 && hi == Py_SIZE(a) && PyTuple_CheckExact(a)) {
        return Py_NewRef(a);
    }
    return PyTuple_FromArray(a->ob_item + lo, hi - lo);
}

/* a[start:stop] with the bounds as PySlice_Unpack leaves them for step 1
   (BINARY_SLICE's fast path: no slice object). */
PyObject *
_PyTuple_SliceUnpacked(PyTupleObject *a, Py_ssize_t start, Py_ssize_t stop)
{
    (void)PySlice_AdjustIndices(Py_SIZE(a), &start, &stop, 1);
    return tuple_slice(a, start, stop);
}

PyObject *
PyTuple_GetSlice(PyObject *op, Py_ssize_t i, Py_ssize_t j)
{
    if (op == NULL || !PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return tuple_slice((PyTupleObject *)op, i, j);
}

/* ---- lifetime ----------------------------------------------------------- */

static void
tuple_dealloc(PyObject *self)
{
    PyTupleObject *op = (PyTupleObject *)self;
    PyObject_GC_UnTrack(op);
    Py_TRASHCAN_BEGIN(op, tuple_dealloc)
    Py_ssize_t i = Py_SIZE(op);
    while (--i >= 0) {
        Py_XDECREF(op->ob_item[i]);
    }
    /* Only exact tuples are listed: a subclass's instance has another
       size and its own free function. */
    Py_ssize_t size = Py_SIZE(op);
    if (!PyTuple_CheckExact(op) || size < 1 || size > _Py_FREELIST_TUPLE_SIZES
            || !_Py_freelist_push(&_Py_freelists_get()->tuples[size - 1],
                                  self, _Py_FREELIST_TUPLES)) {
        Py_TYPE(op)->tp_free((PyObject *)op);
    }
    Py_TRASHCAN_END
}

static int
tuple_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyTupleObject *op = (PyTupleObject *)self;
    for (Py_ssize_t i = Py_SIZE(op); --i >= 0;) {
        Py_VISIT(op->ob_item[i]);
    }
    return 0;
}

/* ---- repr and hash ------------------------------------------------------ */

static PyObject *
tuple_repr(PyObject *self)
{
    Py_ssize_t n = Py_SIZE(self);
    if (n == 0) {
        return PyUnicode_FromString("()");
    }
    /* A tuple can contain itself only through a mutable container, but
       the guard still keeps the output finite. */
    int status = Py_ReprEnter(self);
    if (status != 0) {
        return status > 0 ? PyUnicode_FromString("(...)") : NULL;
    }
    PyUnicodeWriter *writer = PyUnicodeWriter_Create(n * 3 + 2);
    if (writer == NULL) {
        goto error;
    }
    if (PyUnicodeWriter_WriteChar(writer, '(') < 0) {
        goto error;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (i > 0 && PyUnicodeWriter_WriteUTF8(writer, ", ", 2) < 0) {
            goto error;
        }
        if (PyUnicodeWriter_WriteRepr(writer, _PyTuple_ITEMS(self)[i]) < 0) {
            goto error;
        }
    }
    /* A 1-tuple needs its trailing comma to read back as a tuple. */
    if (n == 1 && PyUnicodeWriter_WriteChar(writer, ',') < 0) {
        goto error;
    }
    if (PyUnicodeWriter_WriteChar(writer, ')') < 0) {
        goto error;
    }
    Py_ReprLeave(self);
    return PyUnicodeWriter_Finish(writer);

error:
    if (writer != NULL) {
        PyUnicodeWriter_Discard(writer);
    }
    Py_ReprLeave(self);
    return NULL;
}

/* The item hashes are mixed with the round function of the xxHash64
   digest and the length is added last, offset so that hash(()) keeps its
   historical value.  The values are CPython's: they decide the iteration
   order of sets of tuples, which programs print. */
#if SIZEOF_PY_UHASH_T > 4
#  define MIX_PRIME1 ((Py_uhash_t)11400714785074694791ULL)
#  define MIX_PRIME2 ((Py_uhash_t)14029467366897019727ULL)
#  define MIX_PRIME5 ((Py_uhash_t)2870177450012600261ULL)
#  define MIX_ROTATE(x) (((x) << 31) | ((x) >> 33))
#else
#  define MIX_PRIME1 ((Py_uhash_t)2654435761UL)
#  define MIX_PRIME2 ((Py_uhash_t)2246822519UL)
#  define MIX_PRIME5 ((Py_uhash_t)374761393UL)
#  define MIX_ROTATE(x) (((x) << 13) | ((x) >> 19))
#endif

Py_hash_t
_PyTuple_HashItems(PyObject *const *items, Py_ssize_t n)
{
    Py_uhash_t acc = MIX_PRIME5;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_hash_t lane = PyObject_Hash(items[i]);
        if (lane == -1) {
            return -1;
        }
        acc += (Py_uhash_t)lane * MIX_PRIME2;
        acc = MIX_ROTATE(acc);
        acc *= MIX_PRIME1;
    }
    acc += (Py_uhash_t)n ^ (MIX_PRIME5 ^ 3527539UL);
    if (acc == (Py_uhash_t)-1) {
        return 1546275796;
    }
    return (Py_hash_t)acc;
}

static Py_hash_t
tuple_hash(PyObject *self)
{
    PyTupleObject *op = (PyTupleObject *)self;
    /* 0 also means "not cached": subclass instances allocated by generic
       code start zeroed.  A genuine hash of 0 is then simply recomputed. */
    Py_hash_t cached = load_cached_hash(op);
    if (cached != -1 && cached != 0) {
        return cached;
    }
    Py_hash_t result = _PyTuple_HashItems(op->ob_item, Py_SIZE(op));
    if (result != -1) {
        store_cached_hash(op, result);
    }
    return result;
}

/* ---- comparison --------------------------------------------------------- */

static PyObject *
tuple_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PyTuple_Check(v) || !PyTuple_Check(w)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_ssize_t vlen = Py_SIZE(v), wlen = Py_SIZE(w);
    if (vlen != wlen && (op == Py_EQ || op == Py_NE)) {
        return PyBool_FromLong(op == Py_NE);
    }
    /* Find the first index where the items differ. */
    Py_ssize_t i;
    for (i = 0; i < vlen && i < wlen; i++) {
        int k = PyObject_RichCompareBool(_PyTuple_ITEMS(v)[i],
                                         _PyTuple_ITEMS(w)[i], Py_EQ);
        if (k < 0) {
            return NULL;
        }
        if (!k) {
            break;
        }
    }
    if (i >= vlen || i >= wlen) {
        Py_RETURN_RICHCOMPARE(vlen, wlen, op);
    }
    if (op == Py_EQ) {
        Py_RETURN_FALSE;
    }
    if (op == Py_NE) {
        Py_RETURN_TRUE;
    }
    return PyObject_RichCompare(_PyTuple_ITEMS(v)[i], _PyTuple_ITEMS(w)[i], op);
}

/* ---- sequence protocol -------------------------------------------------- */

static Py_ssize_t
tuple_length(PyObject *self)
{
    return Py_SIZE(self);
}

static int
tuple_contains(PyObject *self, PyObject *value)
{
    for (Py_ssize_t i = 0; i < Py_SIZE(self); i++) {
        int cmp = PyObject_RichCompareBool(_PyTuple_ITEMS(self)[i], value,
                                           Py_EQ);
        if (cmp != 0) {
            return cmp;
        }
    }
    return 0;
}

static PyObject *
tuple_item(PyObject *self, Py_ssize_t i)
{
    if (i < 0 || i >= Py_SIZE(self)) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return Py_NewRef(_PyTuple_ITEMS(self)[i]);
}

static PyObject *
tuple_concat(PyObject *self, PyObject *other)
{
    if (!PyTuple_Check(other)) {
        PyErr_Format(PyExc_TypeError,
                     "can only concatenate tuple (not \"%.200s\") to tuple",
                     Py_TYPE(other)->tp_name);
        return NULL;
    }
    Py_ssize_t na = Py_SIZE(self), nb = Py_SIZE(other);
    if (nb == 0 && PyTuple_CheckExact(self)) {
        return Py_NewRef(self);
    }
    if (na == 0 && PyTuple_CheckExact(other)) {
        return Py_NewRef(other);
    }
    if (na > PY_SSIZE_T_MAX - nb) {
        return PyErr_NoMemory();
    }
    if (na + nb == 0) {
        return tuple_get_empty();
    }
    PyTupleObject *np = tuple_alloc(na + nb);
    if (np == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < na; i++) {
        np->ob_item[i] = Py_NewRef(_PyTuple_ITEMS(self)[i]);
    }
    for (Py_ssize_t i = 0; i < nb; i++) {
        np->ob_item[na + i] = Py_NewRef(_PyTuple_ITEMS(other)[i]);
    }
    PyObject_GC_Track(np);
    return (PyObject *)np;
}

static PyObject *
tuple_repeat(PyObject *self, Py_ssize_t n)
{
    Py_ssize_t size = Py_SIZE(self);
    if (size == 0 || n <= 0) {
        return tuple_get_empty();
    }
    if (n == 1 && PyTuple_CheckExact(self)) {
        return Py_NewRef(self);
    }
    if (size > PY_SSIZE_T_MAX / n) {
        return PyErr_NoMemory();
    }
    PyTupleObject *np = tuple_alloc(size * n);
    if (np == NULL) {
        return NULL;
    }
    PyObject **dest = np->ob_item;
    for (Py_ssize_t r = 0; r < n; r++) {
        for (Py_ssize_t i = 0; i < size; i++) {
            *dest++ = Py_NewRef(_PyTuple_ITEMS(self)[i]);
        }
    }
    PyObject_GC_Track(np);
    return (PyObject *)np;
}

static PyObject *
tuple_subscript(PyObject *self, PyObject *item)
{
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (i < 0) {
            i += Py_SIZE(self);
        }
        return tuple_item(self, i);
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(item, &start, &stop, &step) < 0) {
            return NULL;
        }
        Py_ssize_t len = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop,
                                               step);
        if (step == 1) {
            return tuple_slice((PyTupleObject *)self, start, stop);
        }
        if (len <= 0) {
            return tuple_get_empty();
        }
        PyTupleObject *result = tuple_alloc(len);
        if (result == NULL) {
            return NULL;
        }
        for (Py_ssize_t cur = start, i = 0; i < len; cur += step, i++) {
            result->ob_item[i] = Py_NewRef(_PyTuple_ITEMS(self)[cur]);
        }
        PyObject_GC_Track(result);
        return (PyObject *)result;
    }
    PyErr_Format(PyExc_TypeError,
                 "tuple indices must be integers or slices, not %.200s",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

/* ---- methods ------------------------------------------------------------ */

static PyObject *
tuple_count(PyObject *self, PyObject *value)
{
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < Py_SIZE(self); i++) {
        int cmp = PyObject_RichCompareBool(_PyTuple_ITEMS(self)[i], value,
                                           Py_EQ);
        if (cmp < 0) {
            return NULL;
        }
        count += cmp;
    }
    return PyLong_FromSsize_t(count);
}

/* tuple.index(value, start=0, stop=sys.maxsize, /) */
static PyObject *
tuple_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 3) {
        PyErr_Format(PyExc_TypeError,
                     nargs < 1 ? "index expected at least 1 argument, got %zd"
                               : "index expected at most 3 arguments, got %zd",
                     nargs);
        return NULL;
    }
    Py_ssize_t start = 0, stop = PY_SSIZE_T_MAX;
    if (nargs >= 2 && _PySlice_ClampIndex(args[1], &start) < 0) {
        return NULL;
    }
    if (nargs >= 3 && _PySlice_ClampIndex(args[2], &stop) < 0) {
        return NULL;
    }
    Py_ssize_t n = Py_SIZE(self);
    if (start < 0) {
        start += n;
        if (start < 0) {
            start = 0;
        }
    }
    if (stop < 0) {
        stop += n;
    }
    else if (stop > n) {
        stop = n;
    }
    for (Py_ssize_t i = start; i < stop; i++) {
        int cmp = PyObject_RichCompareBool(_PyTuple_ITEMS(self)[i], args[0],
                                           Py_EQ);
        if (cmp > 0) {
            return PyLong_FromSsize_t(i);
        }
        if (cmp < 0) {
            return NULL;
        }
    }
    PyErr_SetString(PyExc_ValueError, "tuple.index(x): x not in tuple");
    return NULL;
}

static PyObject *
tuple_getnewargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *copy = tuple_slice((PyTupleObject *)self, 0, Py_SIZE(self));
    if (copy == NULL) {
        return NULL;
    }
    PyObject *result = PyTuple_Pack(1, copy);
    Py_DECREF(copy);
    return result;
}

/* tuple[int]: a types.GenericAlias (PEP 585). */
static PyObject *
tuple_class_getitem(PyObject *cls, PyObject *args)
{
    return Py_GenericAlias(cls, args);
}

/* ---- construction from Python ------------------------------------------- */

static PyObject *
tuple_from_iterable(PyObject *iterable)
{
    if (iterable == NULL) {
        return tuple_get_empty();
    }
    if (PyTuple_CheckExact(iterable)) {
        return Py_NewRef(iterable);
    }
    return PySequence_Tuple(iterable);
}

/* A tuple subclass instance holding the items of tuple(iterable). */
static PyObject *
tuple_subtype_new(PyTypeObject *type, PyObject *iterable)
{
    PyObject *tmp = tuple_from_iterable(iterable);
    if (tmp == NULL) {
        return NULL;
    }
    Py_ssize_t n = Py_SIZE(tmp);
    PyObject *newobj = type->tp_alloc(type, n);
    if (newobj == NULL) {
        Py_DECREF(tmp);
        return NULL;
    }
    PyTupleObject *op = (PyTupleObject *)newobj;
    for (Py_ssize_t i = 0; i < n; i++) {
        op->ob_item[i] = Py_NewRef(_PyTuple_ITEMS(tmp)[i]);
    }
    op->ob_hash = -1;
    Py_DECREF(tmp);
    return newobj;
}

static PyObject *
tuple_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    /* A subclass that keeps tuple's __init__ takes no keywords either. */
    if ((type == &PyTuple_Type || type->tp_init == PyTuple_Type.tp_init)
        && kwargs != NULL && PyDict_GET_SIZE(kwargs)) {
        PyErr_SetString(PyExc_TypeError,
                        "tuple() takes no keyword arguments");
        return NULL;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError,
                     "tuple expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    PyObject *iterable = nargs ? PyTuple_GET_ITEM(args, 0) : NULL;
    if (type != &PyTuple_Type) {
        return tuple_subtype_new(type, iterable);
    }
    return tuple_from_iterable(iterable);
}

static PyObject *
tuple_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf,
                 PyObject *kwnames)
{
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        PyErr_SetString(PyExc_TypeError,
                        "tuple() takes no keyword arguments");
        return NULL;
    }
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError,
                     "tuple expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    PyObject *iterable = nargs ? args[0] : NULL;
    if ((PyTypeObject *)type != &PyTuple_Type) {
        return tuple_subtype_new((PyTypeObject *)type, iterable);
    }
    return tuple_from_iterable(iterable);
}

/* ---- iterator ----------------------------------------------------------- */

static inline Py_ssize_t
load_index(Py_ssize_t *p)
{
#ifdef Py_GIL_DISABLED
    return __atomic_load_n(p, __ATOMIC_RELAXED);
#else
    return *p;
#endif
}

static inline void
store_index(Py_ssize_t *p, Py_ssize_t value)
{
#ifdef Py_GIL_DISABLED
    __atomic_store_n(p, value, __ATOMIC_RELAXED);
#else
    *p = value;
#endif
}

static PyObject *
tuple_iter(PyObject *seq)
{
    if (!PyTuple_Check(seq)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    /* Every `for` over a tuple makes one: reuse a dead one of this
       thread's (pycore_freelist.h) before asking the allocator. */
    _PyTupleIterObject *it = (_PyTupleIterObject *)_Py_freelist_pop_gc(
        &_Py_freelists_get()->tupleiters, &PyTupleIter_Type);
    if (it == NULL) {
        it = PyObject_GC_New(_PyTupleIterObject, &PyTupleIter_Type);
        if (it == NULL) {
            return NULL;
        }
    }
    it->it_index = 0;
    it->it_seq = (PyTupleObject *)Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static void
tupleiter_dealloc(PyObject *self)
{
    _PyTupleIterObject *it = (_PyTupleIterObject *)self;
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->it_seq);
    /* Kept for tuple_iter, the one taker, on the calling thread's own
       list: no lock (pycore_freelist.h). */
    if (!_Py_freelist_push(&_Py_freelists_get()->tupleiters, self,
                           _Py_FREELIST_TUPLEITERS)) {
        PyObject_GC_Del(it);
    }
}

static int
tupleiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((_PyTupleIterObject *)self)->it_seq);
    return 0;
}

/* Racing threads may hand out the same item twice, but every index read
   is bounds-checked against the immutable tuple, so nothing worse. */
static PyObject *
tupleiter_next(PyObject *self)
{
    _PyTupleIterObject *it = (_PyTupleIterObject *)self;
    PyTupleObject *seq = it->it_seq;
    if (seq == NULL) {
        return NULL;
    }
    Py_ssize_t index = load_index(&it->it_index);
    if (index < Py_SIZE(seq)) {
        store_index(&it->it_index, index + 1);
        return Py_NewRef(seq->ob_item[index]);
    }
#ifndef Py_GIL_DISABLED
    it->it_seq = NULL;
    Py_DECREF(seq);
#endif
    return NULL;
}

static PyObject *
tupleiter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    _PyTupleIterObject *it = (_PyTupleIterObject *)self;
    Py_ssize_t len = 0;
    if (it->it_seq != NULL) {
        len = Py_SIZE(it->it_seq) - load_index(&it->it_index);
        if (len < 0) {
            len = 0;
        }
    }
    return PyLong_FromSsize_t(len);
}

/* it_seq is only cleared in the default build (under the GIL); the
   index is read atomically. */
static PyObject *
tupleiter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    _PyTupleIterObject *it = (_PyTupleIterObject *)self;
    PyObject *iter = _PyIter_Builtin("iter");
    if (iter == NULL) {
        return NULL;
    }
    PyObject *seq = (PyObject *)it->it_seq;
    Py_ssize_t index = load_index(&it->it_index);
    if (seq != NULL && index >= Py_SIZE(seq)) {
        seq = NULL;         /* exhausted (the free-threaded build keeps it) */
    }
    return _PyIter_ReduceIndexed(iter, seq, index);
}

static PyObject *
tupleiter_setstate(PyObject *self, PyObject *state)
{
    _PyTupleIterObject *it = (_PyTupleIterObject *)self;
    Py_ssize_t index;
    if (_PyIter_StateIndex(state, 0, PY_SSIZE_T_MAX, &index) < 0) {
        return NULL;
    }
    if (it->it_seq != NULL) {
        Py_ssize_t size = Py_SIZE(it->it_seq);
        store_index(&it->it_index, index > size ? size : index);
    }
    Py_RETURN_NONE;
}

static PyMethodDef tupleiter_methods[] = {
    {"__length_hint__", tupleiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", tupleiter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", tupleiter_setstate, METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyTupleIter_Type = {
    .ob_base = { .ob_base = _PyObject_HEAD_INIT(&PyType_Type), .ob_size = 0 },
    .tp_name = "tuple_iterator",
    .tp_basicsize = sizeof(_PyTupleIterObject),
    .tp_dealloc = tupleiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = tupleiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = tupleiter_next,
    .tp_methods = tupleiter_methods,
    .tp_free = PyObject_GC_Del,
};

/* ---- the type ----------------------------------------------------------- */

static PySequenceMethods tuple_as_sequence = {
    .sq_length = tuple_length,
    .sq_concat = tuple_concat,
    .sq_repeat = tuple_repeat,
    .sq_item = tuple_item,
    .sq_contains = tuple_contains,
};

static PyMappingMethods tuple_as_mapping = {
    .mp_length = tuple_length,
    .mp_subscript = tuple_subscript,
};

static PyMethodDef tuple_methods[] = {
    {"__getnewargs__", tuple_getnewargs, METH_NOARGS, NULL},
    {"index", _PyCFunction_CAST(tuple_index), METH_FASTCALL,
     "Return first index of value.\n\n"
     "Raises ValueError if the value is not present."},
    {"count", tuple_count, METH_O,
     "Return number of occurrences of value."},
    {"__class_getitem__", tuple_class_getitem, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyTuple_Type = {
    .ob_base = { .ob_base = _PyObject_HEAD_INIT(&PyType_Type), .ob_size = 0 },
    .tp_name = "tuple",
    .tp_basicsize = sizeof(PyTupleObject) - sizeof(PyObject *),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = tuple_dealloc,
    .tp_repr = tuple_repr,
    .tp_as_sequence = &tuple_as_sequence,
    .tp_as_mapping = &tuple_as_mapping,
    .tp_hash = tuple_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE
                | Py_TPFLAGS_TUPLE_SUBCLASS | _Py_TPFLAGS_MATCH_SELF
                | Py_TPFLAGS_SEQUENCE,
    .tp_doc = "Built-in immutable sequence.\n\n"
              "If no argument is given, the constructor returns an empty "
              "tuple.\nIf iterable is specified the tuple is initialized from "
              "iterable's items.\n\nIf the argument is a tuple, the return "
              "value is the same object.",
    .tp_traverse = tuple_traverse,
    .tp_richcompare = tuple_richcompare,
    .tp_iter = tuple_iter,
    .tp_methods = tuple_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = tuple_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = tuple_vectorcall,
};
