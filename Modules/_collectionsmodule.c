/* The _collections module: deque, its iterators, and _tuplegetter (the
   field descriptor of namedtuple classes).

   A deque keeps its items in one circular buffer: `items[head]` is the
   leftmost item and the others follow modulo `allocated`.  Indexing is
   O(1); appends at either end are amortised O(1).

   Thread safety (free-threaded build): every read or write of a deque's
   buffer, length, head or state happens inside the deque's critical
   section.  Before a method calls out to Python code (comparisons,
   Py_DECREF of a removed item, iteration of an argument) it leaves the
   deque consistent, and afterwards it checks `state` to notice any
   mutation that happened meanwhile. */
#include "Python.h"

/* ---- deque ---------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject **items;       /* circular buffer of owned references */
    Py_ssize_t allocated;   /* capacity of items; 0 when items is NULL */
    Py_ssize_t head;        /* index of the leftmost item */
    Py_ssize_t len;
    Py_ssize_t maxlen;      /* -1 for an unbounded deque */
    size_t state;           /* bumped by every mutation; iterators watch it */
    PyObject *weakreflist;
} dequeobject;

static PyTypeObject Deque_Type;
static PyTypeObject DequeIter_Type;
static PyTypeObject DequeRevIter_Type;

#define Deque_Check(op) PyObject_TypeCheck(op, &Deque_Type)

/* Slot of the i-th item from the left; caller holds the critical section
   and guarantees 0 <= i < allocated. */
static inline Py_ssize_t
slot_of(dequeobject *d, Py_ssize_t i)
{
    Py_ssize_t s = d->head + i;
    return s >= d->allocated ? s - d->allocated : s;
}

/* Make room for one more item, keeping the logical order. */
static int
deque_grow(dequeobject *d)
{
    if (d->len < d->allocated) {
        return 0;
    }
    Py_ssize_t newsize = d->allocated < 8 ? 8 : d->allocated * 2;
    if (newsize > PY_SSIZE_T_MAX / (Py_ssize_t)sizeof(PyObject *)) {
        PyErr_NoMemory();
        return -1;
    }
    PyObject **fresh = PyMem_Malloc(newsize * sizeof(PyObject *));
    if (fresh == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < d->len; i++) {
        fresh[i] = d->items[slot_of(d, i)];
    }
    PyMem_Free(d->items);
    d->items = fresh;
    d->allocated = newsize;
    d->head = 0;
    return 0;
}

/* Remove and return (owned) the rightmost item; the deque is non-empty. */
static PyObject *
take_right(dequeobject *d)
{
    Py_ssize_t s = slot_of(d, d->len - 1);
    PyObject *item = d->items[s];
    d->items[s] = NULL;
    d->len--;
    d->state++;
    return item;
}

/* Remove and return (owned) the leftmost item; the deque is non-empty. */
static PyObject *
take_left(dequeobject *d)
{
    PyObject *item = d->items[d->head];
    d->items[d->head] = NULL;
    d->head = d->head + 1 == d->allocated ? 0 : d->head + 1;
    d->len--;
    d->state++;
    return item;
}

/* Append a new reference to `item` on the right.  When the deque is full,
   *evicted receives the owned leftmost item, which the caller releases
   after leaving the critical section. */
static int
put_right(dequeobject *d, PyObject *item, PyObject **evicted)
{
    *evicted = NULL;
    if (d->maxlen == 0) {
        *evicted = Py_NewRef(item);
        return 0;
    }
    if (d->maxlen > 0 && d->len >= d->maxlen) {
        *evicted = take_left(d);
    }
    if (deque_grow(d) < 0) {
        return -1;
    }
    d->items[slot_of(d, d->len)] = Py_NewRef(item);
    d->len++;
    d->state++;
    return 0;
}

static int
put_left(dequeobject *d, PyObject *item, PyObject **evicted)
{
    *evicted = NULL;
    if (d->maxlen == 0) {
        *evicted = Py_NewRef(item);
        return 0;
    }
    if (d->maxlen > 0 && d->len >= d->maxlen) {
        *evicted = take_right(d);
    }
    if (deque_grow(d) < 0) {
        return -1;
    }
    d->head = d->head == 0 ? d->allocated - 1 : d->head - 1;
    d->items[d->head] = Py_NewRef(item);
    d->len++;
    d->state++;
    return 0;
}

/* Append under the deque's critical section; the evicted item is
   released outside it since its destructor may run arbitrary code. */
static int
deque_put(dequeobject *d, PyObject *item, int left)
{
    PyObject *evicted;
    int rc;
    Py_BEGIN_CRITICAL_SECTION(d);
    rc = left ? put_left(d, item, &evicted) : put_right(d, item, &evicted);
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(evicted);
    return rc;
}

static Py_ssize_t
deque_length(PyObject *self)
{
    dequeobject *d = (dequeobject *)self;
    Py_ssize_t n;
    Py_BEGIN_CRITICAL_SECTION(d);
    n = d->len;
    Py_END_CRITICAL_SECTION();
    return n;
}

/* Snapshot of the items as a new list, taken atomically. */
static PyObject *
deque_to_list(dequeobject *d)
{
    PyObject *list = NULL;
    Py_BEGIN_CRITICAL_SECTION(d);
    list = PyList_New(d->len);
    if (list != NULL) {
        for (Py_ssize_t i = 0; i < d->len; i++) {
            PyList_SET_ITEM(list, i, Py_NewRef(d->items[slot_of(d, i)]));
        }
    }
    Py_END_CRITICAL_SECTION();
    return list;
}

/* Drop every item.  The buffer is detached inside the critical section
   and its references released outside it. */
static void
deque_clear_all(dequeobject *d)
{
    PyObject **items;
    Py_ssize_t head, len, allocated;
    Py_BEGIN_CRITICAL_SECTION(d);
    items = d->items;
    head = d->head;
    len = d->len;
    allocated = d->allocated;
    d->items = NULL;
    d->allocated = d->head = d->len = 0;
    d->state++;
    Py_END_CRITICAL_SECTION();
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_ssize_t s = head + i;
        Py_DECREF(items[s >= allocated ? s - allocated : s]);
    }
    PyMem_Free(items);
}

static PyObject *
deque_new(PyTypeObject *type, PyObject *Py_UNUSED(args),
          PyObject *Py_UNUSED(kwds))
{
    dequeobject *d = (dequeobject *)type->tp_alloc(type, 0);
    if (d == NULL) {
        return NULL;
    }
    d->items = NULL;
    d->allocated = d->head = d->len = 0;
    d->maxlen = -1;
    d->state = 0;
    d->weakreflist = NULL;
    return (PyObject *)d;
}

/* Append every item of `iterable`; `left` reverses the direction.
   Each append is atomic on its own, so concurrent users of the deque
   see a consistent deque at every step. */
static int
deque_extend_impl(dequeobject *d, PyObject *iterable, int left)
{
    PyObject *source = NULL;
    if ((PyObject *)d == iterable) {
        /* Extending a deque with itself: iterate a snapshot. */
        source = deque_to_list(d);
        if (source == NULL) {
            return -1;
        }
        iterable = source;
    }
    PyObject *it = PyObject_GetIter(iterable);
    Py_XDECREF(source);
    if (it == NULL) {
        return -1;
    }
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int rc = deque_put(d, item, left);
        Py_DECREF(item);
        if (rc < 0) {
            Py_DECREF(it);
            return -1;
        }
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

static int
deque_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    dequeobject *d = (dequeobject *)self;
    static char *kwlist[] = {"iterable", "maxlen", NULL};
    PyObject *iterable = NULL, *maxlenobj = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:deque", kwlist,
                                     &iterable, &maxlenobj)) {
        return -1;
    }
    Py_ssize_t maxlen = -1;
    if (maxlenobj != Py_None) {
        maxlen = PyLong_AsSsize_t(maxlenobj);
        if (maxlen == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (maxlen < 0) {
            PyErr_SetString(PyExc_ValueError, "maxlen must be non-negative");
            return -1;
        }
    }
    if (deque_length(self) > 0) {
        deque_clear_all(d);
    }
    Py_BEGIN_CRITICAL_SECTION(d);
    d->maxlen = maxlen;
    Py_END_CRITICAL_SECTION();
    if (iterable != NULL) {
        return deque_extend_impl(d, iterable, 0);
    }
    return 0;
}

static void
deque_dealloc(PyObject *self)
{
    dequeobject *d = (dequeobject *)self;
    PyObject_GC_UnTrack(d);
    if (d->weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    deque_clear_all(d);
    Py_TYPE(d)->tp_free(self);
}

static int
deque_traverse(PyObject *self, visitproc visit, void *arg)
{
    dequeobject *d = (dequeobject *)self;
    for (Py_ssize_t i = 0; i < d->len; i++) {
        Py_VISIT(d->items[slot_of(d, i)]);
    }
    return 0;
}

static int
deque_tp_clear(PyObject *self)
{
    deque_clear_all((dequeobject *)self);
    return 0;
}

static PyObject *
deque_append(PyObject *self, PyObject *item)
{
    if (deque_put((dequeobject *)self, item, 0) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
deque_appendleft(PyObject *self, PyObject *item)
{
    if (deque_put((dequeobject *)self, item, 1) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
deque_pop_end(dequeobject *d, int left)
{
    PyObject *item = NULL;
    Py_BEGIN_CRITICAL_SECTION(d);
    if (d->len > 0) {
        item = left ? take_left(d) : take_right(d);
    }
    Py_END_CRITICAL_SECTION();
    if (item == NULL) {
        PyErr_SetString(PyExc_IndexError, "pop from an empty deque");
    }
    return item;
}

static PyObject *
deque_pop(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return deque_pop_end((dequeobject *)self, 0);
}

static PyObject *
deque_popleft(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return deque_pop_end((dequeobject *)self, 1);
}

static PyObject *
deque_extend(PyObject *self, PyObject *iterable)
{
    if (deque_extend_impl((dequeobject *)self, iterable, 0) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
deque_extendleft(PyObject *self, PyObject *iterable)
{
    if (deque_extend_impl((dequeobject *)self, iterable, 1) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
deque_clear(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    deque_clear_all((dequeobject *)self);
    Py_RETURN_NONE;
}

/* Rotate n steps right (negative: left); caller holds the critical
   section.  Items move between slots only, so no Python code runs. */
static void
rotate_locked(dequeobject *d, Py_ssize_t n)
{
    Py_ssize_t len = d->len;
    if (len <= 1) {
        return;
    }
    n %= len;
    if (n < 0) {
        n += len;
    }
    if (n == 0) {
        return;
    }
    d->state++;
    if (len == d->allocated) {
        /* A full ring rotates by moving its start. */
        d->head = slot_of(d, len - n);
        return;
    }
    if (n <= len / 2) {
        for (Py_ssize_t k = 0; k < n; k++) {
            Py_ssize_t last = slot_of(d, len - 1);
            PyObject *item = d->items[last];
            d->items[last] = NULL;
            d->head = d->head == 0 ? d->allocated - 1 : d->head - 1;
            d->items[d->head] = item;
        }
    }
    else {
        for (Py_ssize_t k = 0; k < len - n; k++) {
            PyObject *item = d->items[d->head];
            d->items[d->head] = NULL;
            d->head = d->head + 1 == d->allocated ? 0 : d->head + 1;
            d->items[slot_of(d, len - 1)] = item;
        }
    }
}

static PyObject *
deque_rotate(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    dequeobject *d = (dequeobject *)self;
    Py_ssize_t n = 1;
    if (!_PyArg_CheckPositional("rotate", nargs, 0, 1)) {
        return NULL;
    }
    if (nargs == 1) {
        n = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
        if (n == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    Py_BEGIN_CRITICAL_SECTION(d);
    rotate_locked(d, n);
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyObject *
deque_reverse(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    dequeobject *d = (dequeobject *)self;
    Py_BEGIN_CRITICAL_SECTION(d);
    for (Py_ssize_t i = 0, j = d->len - 1; i < j; i++, j--) {
        Py_ssize_t a = slot_of(d, i), b = slot_of(d, j);
        PyObject *tmp = d->items[a];
        d->items[a] = d->items[b];
        d->items[b] = tmp;
    }
    d->state++;
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

/* Linear search shared by count, index, remove and __contains__.
   Calls `visit` for each position i in [start, stop) whose item compares
   equal to `value`; visit returns 1 to stop, 0 to go on, -1 on error.
   The comparison runs with a strong reference to the item, and a
   mutation seen afterwards raises `mutated_exc` (RuntimeError, but
   IndexError for remove(), as CPython does).  Returns 1 if stopped,
   0 if the range was exhausted, -1 on error. */
typedef int (*match_visitor)(Py_ssize_t i, void *arg);

static int
deque_search_raising(dequeobject *d, PyObject *value, Py_ssize_t start,
                     Py_ssize_t stop, match_visitor visit, void *arg,
                     PyObject *mutated_exc)
{
    int result = 0;
    Py_BEGIN_CRITICAL_SECTION(d);
    size_t state = d->state;
    for (Py_ssize_t i = start; i < stop && i < d->len; i++) {
        PyObject *item = Py_NewRef(d->items[slot_of(d, i)]);
        int eq = PyObject_RichCompareBool(item, value, Py_EQ);
        Py_DECREF(item);
        if (eq < 0) {
            result = -1;
            break;
        }
        if (d->state != state) {
            PyErr_SetString(mutated_exc, "deque mutated during iteration");
            result = -1;
            break;
        }
        if (eq) {
            int rc = visit(i, arg);
            if (rc != 0) {
                result = rc;
                break;
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static int
deque_search(dequeobject *d, PyObject *value, Py_ssize_t start,
             Py_ssize_t stop, match_visitor visit, void *arg)
{
    return deque_search_raising(d, value, start, stop, visit, arg,
                                PyExc_RuntimeError);
}

static int
count_visit(Py_ssize_t Py_UNUSED(i), void *arg)
{
    (*(Py_ssize_t *)arg)++;
    return 0;
}

static int
found_visit(Py_ssize_t i, void *arg)
{
    *(Py_ssize_t *)arg = i;
    return 1;
}

static PyObject *
deque_count(PyObject *self, PyObject *value)
{
    Py_ssize_t count = 0;
    if (deque_search((dequeobject *)self, value, 0, PY_SSIZE_T_MAX,
                     count_visit, &count) < 0) {
        return NULL;
    }
    return PyLong_FromSsize_t(count);
}

static int
deque_contains(PyObject *self, PyObject *value)
{
    Py_ssize_t where;
    return deque_search((dequeobject *)self, value, 0, PY_SSIZE_T_MAX,
                        found_visit, &where);
}

/* Clamp a start/stop argument the way list.index does. */
static int
clamp_bound(PyObject *obj, Py_ssize_t len, Py_ssize_t *out)
{
    Py_ssize_t v = PyNumber_AsSsize_t(obj, NULL);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (v < 0) {
        v += len;
        if (v < 0) {
            v = 0;
        }
    }
    *out = v > len ? len : v;
    return 0;
}

static PyObject *
deque_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    dequeobject *d = (dequeobject *)self;
    if (!_PyArg_CheckPositional("index", nargs, 1, 3)) {
        return NULL;
    }
    Py_ssize_t len = deque_length(self);
    Py_ssize_t start = 0, stop = len, where = -1;
    if (nargs >= 2 && !PyIndex_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "slice indices must be integers or "
                        "have an __index__ method");
        return NULL;
    }
    if (nargs >= 3 && !PyIndex_Check(args[2])) {
        PyErr_SetString(PyExc_TypeError, "slice indices must be integers or "
                        "have an __index__ method");
        return NULL;
    }
    if ((nargs >= 2 && clamp_bound(args[1], len, &start) < 0) ||
        (nargs >= 3 && clamp_bound(args[2], len, &stop) < 0)) {
        return NULL;
    }
    int rc = deque_search(d, args[0], start, stop, found_visit, &where);
    if (rc < 0) {
        return NULL;
    }
    if (rc == 0) {
        PyErr_Format(PyExc_ValueError, "%R is not in deque", args[0]);
        return NULL;
    }
    return PyLong_FromSsize_t(where);
}

/* Remove the item at logical position i, shifting the shorter side;
   returns the owned item.  Caller holds the critical section. */
static PyObject *
remove_at_locked(dequeobject *d, Py_ssize_t i)
{
    PyObject *item = d->items[slot_of(d, i)];
    if (i < d->len / 2) {
        for (Py_ssize_t k = i; k > 0; k--) {
            d->items[slot_of(d, k)] = d->items[slot_of(d, k - 1)];
        }
        d->items[d->head] = NULL;
        d->head = d->head + 1 == d->allocated ? 0 : d->head + 1;
    }
    else {
        for (Py_ssize_t k = i; k < d->len - 1; k++) {
            d->items[slot_of(d, k)] = d->items[slot_of(d, k + 1)];
        }
        d->items[slot_of(d, d->len - 1)] = NULL;
    }
    d->len--;
    d->state++;
    return item;
}

static PyObject *
deque_remove(PyObject *self, PyObject *value)
{
    dequeobject *d = (dequeobject *)self;
    Py_ssize_t where = -1;
    PyObject *removed = NULL;
    int rc;
    Py_BEGIN_CRITICAL_SECTION(d);
    rc = deque_search_raising(d, value, 0, PY_SSIZE_T_MAX, found_visit,
                              &where, PyExc_IndexError);
    if (rc == 1) {
        removed = remove_at_locked(d, where);
    }
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    if (rc == 0) {
        PyErr_Format(PyExc_ValueError, "%R is not in deque", value);
        return NULL;
    }
    Py_DECREF(removed);
    Py_RETURN_NONE;
}

static PyObject *
deque_insert(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    dequeobject *d = (dequeobject *)self;
    if (!_PyArg_CheckPositional("insert", nargs, 2, 2)) {
        return NULL;
    }
    Py_ssize_t index = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
    if (index == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *value = args[1];
    int rc = 0;
    Py_BEGIN_CRITICAL_SECTION(d);
    if (d->maxlen >= 0 && d->len >= d->maxlen) {
        PyErr_SetString(PyExc_IndexError,
                        "deque already at its maximum size");
        rc = -1;
    }
    else if (deque_grow(d) < 0) {
        rc = -1;
    }
    else {
        Py_ssize_t len = d->len;
        if (index < 0) {
            index += len;
            if (index < 0) {
                index = 0;
            }
        }
        if (index > len) {
            index = len;
        }
        /* Open a gap at the right end, then shift items right of it. */
        for (Py_ssize_t k = len; k > index; k--) {
            d->items[slot_of(d, k)] = d->items[slot_of(d, k - 1)];
        }
        d->items[slot_of(d, index)] = Py_NewRef(value);
        d->len++;
        d->state++;
    }
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* New deque of the same type and maxlen holding `iterable`'s items. */
static PyObject *
deque_make_like(dequeobject *d, PyObject *iterable)
{
    Py_ssize_t maxlen;
    Py_BEGIN_CRITICAL_SECTION(d);
    maxlen = d->maxlen;
    Py_END_CRITICAL_SECTION();
    if (maxlen < 0) {
        return PyObject_CallOneArg((PyObject *)Py_TYPE(d), iterable);
    }
    return PyObject_CallFunction((PyObject *)Py_TYPE(d), "On",
                                 iterable, maxlen);
}

static PyObject *
deque_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    dequeobject *d = (dequeobject *)self;
    PyObject *items = deque_to_list(d);
    if (items == NULL) {
        return NULL;
    }
    PyObject *result = deque_make_like(d, items);
    Py_DECREF(items);
    return result;
}

static PyObject *
deque_concat(PyObject *self, PyObject *other)
{
    if (!Deque_Check(other)) {
        PyErr_Format(PyExc_TypeError,
                     "can only concatenate deque (not \"%.200s\") to deque",
                     Py_TYPE(other)->tp_name);
        return NULL;
    }
    PyObject *result = deque_copy(self, NULL);
    if (result == NULL) {
        return NULL;
    }
    if (deque_extend_impl((dequeobject *)result, other, 0) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *
deque_inplace_concat(PyObject *self, PyObject *other)
{
    if (deque_extend_impl((dequeobject *)self, other, 0) < 0) {
        return NULL;
    }
    return Py_NewRef(self);
}

/* Repeat the current contents in place, n times in total. */
static int
deque_repeat_inplace(dequeobject *d, Py_ssize_t n)
{
    if (n <= 0) {
        deque_clear_all(d);
        return 0;
    }
    PyObject *items = deque_to_list(d);
    if (items == NULL) {
        return -1;
    }
    Py_ssize_t count = PyList_GET_SIZE(items);
    Py_ssize_t maxlen;
    Py_BEGIN_CRITICAL_SECTION(d);
    maxlen = d->maxlen;
    Py_END_CRITICAL_SECTION();
    if (count > 0 && n - 1 > PY_SSIZE_T_MAX / count) {
        Py_DECREF(items);
        PyErr_NoMemory();
        return -1;
    }
    /* With a maxlen only the last maxlen items can survive. */
    Py_ssize_t extra = count * (n - 1);
    if (maxlen >= 0 && extra > maxlen + count) {
        extra = maxlen + count - ((maxlen + count) % (count ? count : 1));
    }
    for (Py_ssize_t k = 0; k < extra; k++) {
        if (deque_put(d, PyList_GET_ITEM(items, k % count), 0) < 0) {
            Py_DECREF(items);
            return -1;
        }
    }
    Py_DECREF(items);
    return 0;
}

static PyObject *
deque_inplace_repeat(PyObject *self, Py_ssize_t n)
{
    if (deque_repeat_inplace((dequeobject *)self, n) < 0) {
        return NULL;
    }
    return Py_NewRef(self);
}

static PyObject *
deque_repeat(PyObject *self, Py_ssize_t n)
{
    PyObject *result = deque_copy(self, NULL);
    if (result == NULL) {
        return NULL;
    }
    if (deque_repeat_inplace((dequeobject *)result, n) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

/* Normalise an index; sets IndexError when out of range.  Caller holds
   the critical section. */
static int
normalize_index(dequeobject *d, Py_ssize_t *i)
{
    if (*i < 0) {
        *i += d->len;
    }
    if (*i < 0 || *i >= d->len) {
        PyErr_SetString(PyExc_IndexError, "deque index out of range");
        return -1;
    }
    return 0;
}

static int
index_from_key(PyObject *key, Py_ssize_t *i)
{
    if (!PyIndex_Check(key)) {
        PyErr_Format(PyExc_TypeError,
                     "sequence index must be integer, not '%.200s'",
                     Py_TYPE(key)->tp_name);
        return -1;
    }
    *i = PyNumber_AsSsize_t(key, PyExc_IndexError);
    return (*i == -1 && PyErr_Occurred()) ? -1 : 0;
}

static PyObject *
deque_item_at(dequeobject *d, Py_ssize_t i)
{
    PyObject *item = NULL;
    Py_BEGIN_CRITICAL_SECTION(d);
    if (normalize_index(d, &i) == 0) {
        item = Py_NewRef(d->items[slot_of(d, i)]);
    }
    Py_END_CRITICAL_SECTION();
    return item;
}

static PyObject *
deque_subscript(PyObject *self, PyObject *key)
{
    Py_ssize_t i;
    if (index_from_key(key, &i) < 0) {
        return NULL;
    }
    return deque_item_at((dequeobject *)self, i);
}

/* sq_item receives an index already adjusted by the caller. */
static PyObject *
deque_sq_item(PyObject *self, Py_ssize_t i)
{
    if (i < 0) {
        PyErr_SetString(PyExc_IndexError, "deque index out of range");
        return NULL;
    }
    return deque_item_at((dequeobject *)self, i);
}

/* Store or (value == NULL) delete at index i; the displaced reference is
   released outside the critical section. */
static int
deque_store_at(dequeobject *d, Py_ssize_t i, PyObject *value)
{
    PyObject *old = NULL;
    int rc = 0;
    Py_BEGIN_CRITICAL_SECTION(d);
    if (normalize_index(d, &i) < 0) {
        rc = -1;
    }
    else if (value == NULL) {
        old = remove_at_locked(d, i);
    }
    else {
        Py_ssize_t s = slot_of(d, i);
        old = d->items[s];
        d->items[s] = Py_NewRef(value);
    }
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(old);
    return rc;
}

static int
deque_ass_subscript(PyObject *self, PyObject *key, PyObject *value)
{
    Py_ssize_t i;
    if (index_from_key(key, &i) < 0) {
        return -1;
    }
    return deque_store_at((dequeobject *)self, i, value);
}

static int
deque_sq_ass_item(PyObject *self, Py_ssize_t i, PyObject *value)
{
    if (i < 0) {
        PyErr_SetString(PyExc_IndexError, "deque index out of range");
        return -1;
    }
    return deque_store_at((dequeobject *)self, i, value);
}

static PyObject *
deque_repr(PyObject *self)
{
    dequeobject *d = (dequeobject *)self;
    int rc = Py_ReprEnter(self);
    if (rc != 0) {
        return rc > 0 ? PyUnicode_FromString("[...]") : NULL;
    }
    PyObject *items = deque_to_list(d);
    if (items == NULL) {
        Py_ReprLeave(self);
        return NULL;
    }
    Py_ssize_t maxlen;
    Py_BEGIN_CRITICAL_SECTION(d);
    maxlen = d->maxlen;
    Py_END_CRITICAL_SECTION();
    PyObject *result;
    if (maxlen >= 0) {
        result = PyUnicode_FromFormat("%s(%R, maxlen=%zd)",
                                      _PyType_Name(Py_TYPE(d)), items, maxlen);
    }
    else {
        result = PyUnicode_FromFormat("%s(%R)", _PyType_Name(Py_TYPE(d)),
                                      items);
    }
    Py_DECREF(items);
    Py_ReprLeave(self);
    return result;
}

/* Deques compare like lists of their items; snapshots keep the
   comparison free of the deques' locks while user code runs. */
static PyObject *
deque_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!Deque_Check(a) || !Deque_Check(b)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *la = deque_to_list((dequeobject *)a);
    if (la == NULL) {
        return NULL;
    }
    PyObject *lb = deque_to_list((dequeobject *)b);
    if (lb == NULL) {
        Py_DECREF(la);
        return NULL;
    }
    PyObject *result = PyObject_RichCompare(la, lb, op);
    Py_DECREF(la);
    Py_DECREF(lb);
    return result;
}

static PyObject *
deque_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    dequeobject *d = (dequeobject *)self;
    /* object.__getstate__ covers both the instance dict and the slots
       of a subclass (None when there is neither). */
    PyObject *state = _PyObject_GetState(self);
    if (state == NULL) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(self);
    if (it == NULL) {
        Py_DECREF(state);
        return NULL;
    }
    Py_ssize_t maxlen;
    Py_BEGIN_CRITICAL_SECTION(d);
    maxlen = d->maxlen;
    Py_END_CRITICAL_SECTION();
    if (maxlen < 0) {
        return Py_BuildValue("O()NN", Py_TYPE(d), state, it);
    }
    return Py_BuildValue("O(()n)NN", Py_TYPE(d), maxlen, state, it);
}

static PyObject *
deque_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    dequeobject *d = (dequeobject *)self;
    Py_ssize_t size;
    Py_BEGIN_CRITICAL_SECTION(d);
    size = Py_TYPE(d)->tp_basicsize + d->allocated * (Py_ssize_t)sizeof(PyObject *);
    Py_END_CRITICAL_SECTION();
    return PyLong_FromSsize_t(size);
}

static PyObject *
deque_get_maxlen(PyObject *self, void *Py_UNUSED(closure))
{
    dequeobject *d = (dequeobject *)self;
    Py_ssize_t maxlen;
    Py_BEGIN_CRITICAL_SECTION(d);
    maxlen = d->maxlen;
    Py_END_CRITICAL_SECTION();
    if (maxlen < 0) {
        Py_RETURN_NONE;
    }
    return PyLong_FromSsize_t(maxlen);
}

static PyObject *deque_iter(PyObject *self);
static PyObject *deque_reversed(PyObject *self, PyObject *Py_UNUSED(ignored));

static PyMethodDef deque_methods[] = {
    {"append", deque_append, METH_O,
     "append($self, item, /)\n--\n\nAdd an element to the right side of the deque."},
    {"appendleft", deque_appendleft, METH_O,
     "appendleft($self, item, /)\n--\n\nAdd an element to the left side of the deque."},
    {"clear", deque_clear, METH_NOARGS,
     "clear($self, /)\n--\n\nRemove all elements from the deque."},
    {"copy", deque_copy, METH_NOARGS,
     "copy($self, /)\n--\n\nReturn a shallow copy of a deque."},
    {"__copy__", deque_copy, METH_NOARGS,
     "__copy__($self, /)\n--\n\nReturn a shallow copy of a deque."},
    {"count", deque_count, METH_O,
     "count($self, value, /)\n--\n\nReturn number of occurrences of value."},
    {"extend", deque_extend, METH_O,
     "extend($self, iterable, /)\n--\n\nExtend the right side of the deque with elements from the iterable."},
    {"extendleft", deque_extendleft, METH_O,
     "extendleft($self, iterable, /)\n--\n\nExtend the left side of the deque with elements from the iterable."},
    {"index", _PyCFunction_CAST(deque_index), METH_FASTCALL,
     "index($self, value, [start, [stop]])\n--\n\nReturn first index of value.\n\nRaises ValueError if the value is not present."},
    {"insert", _PyCFunction_CAST(deque_insert), METH_FASTCALL,
     "insert($self, index, value, /)\n--\n\nInsert value before index."},
    {"pop", deque_pop, METH_NOARGS,
     "pop($self, /)\n--\n\nRemove and return the rightmost element."},
    {"popleft", deque_popleft, METH_NOARGS,
     "popleft($self, /)\n--\n\nRemove and return the leftmost element."},
    {"remove", deque_remove, METH_O,
     "remove($self, value, /)\n--\n\nRemove first occurrence of value."},
    {"reverse", deque_reverse, METH_NOARGS,
     "reverse($self, /)\n--\n\nReverse *IN PLACE*."},
    {"rotate", _PyCFunction_CAST(deque_rotate), METH_FASTCALL,
     "rotate($self, n=1, /)\n--\n\nRotate the deque n steps to the right.  If n is negative, rotates left."},
    {"__reduce__", deque_reduce, METH_NOARGS,
     "__reduce__($self, /)\n--\n\nReturn state information for pickling."},
    {"__reversed__", deque_reversed, METH_NOARGS,
     "__reversed__($self, /)\n--\n\nReturn a reverse iterator over the deque."},
    {"__sizeof__", deque_sizeof, METH_NOARGS,
     "__sizeof__($self, /)\n--\n\nSize of the deque in memory, in bytes."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef deque_getset[] = {
    {"maxlen", deque_get_maxlen, NULL,
     "maximum size of a deque or None if unbounded", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PySequenceMethods deque_as_sequence = {
    .sq_length = deque_length,
    .sq_concat = deque_concat,
    .sq_repeat = deque_repeat,
    .sq_item = deque_sq_item,
    .sq_ass_item = deque_sq_ass_item,
    .sq_contains = deque_contains,
    .sq_inplace_concat = deque_inplace_concat,
    .sq_inplace_repeat = deque_inplace_repeat,
};

static PyMappingMethods deque_as_mapping = {
    .mp_length = deque_length,
    .mp_subscript = deque_subscript,
    .mp_ass_subscript = deque_ass_subscript,
};

static PyTypeObject Deque_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "collections.deque",
    .tp_basicsize = sizeof(dequeobject),
    .tp_dealloc = deque_dealloc,
    .tp_repr = deque_repr,
    .tp_as_sequence = &deque_as_sequence,
    .tp_as_mapping = &deque_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC
                | Py_TPFLAGS_SEQUENCE,
    .tp_doc = "deque([iterable[, maxlen]])\n--\n\n"
              "A list-like sequence optimized for data accesses near its endpoints.",
    .tp_traverse = deque_traverse,
    .tp_clear = deque_tp_clear,
    .tp_richcompare = deque_richcompare,
    .tp_weaklistoffset = offsetof(dequeobject, weakreflist),
    .tp_iter = deque_iter,
    .tp_methods = deque_methods,
    .tp_getset = deque_getset,
    .tp_init = deque_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = deque_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- deque iterators ------------------------------------------------ */

/* An iterator remembers the deque's state at creation; any mutation of
   the deque afterwards makes the next step raise RuntimeError.  `index`
   and `counter` are touched only inside the deque's critical section,
   which also serialises threads sharing one iterator. */
typedef struct {
    PyObject_HEAD
    dequeobject *deque;     /* strong reference */
    Py_ssize_t index;       /* next logical position (from the right end
                               for reverse iterators) */
    size_t state;
    Py_ssize_t counter;     /* items left */
} dequeiterobject;

static PyObject *
make_iterator(PyTypeObject *type, dequeobject *d)
{
    dequeiterobject *it = PyObject_GC_New(dequeiterobject, type);
    if (it == NULL) {
        return NULL;
    }
    it->deque = (dequeobject *)Py_NewRef(d);
    it->index = 0;
    Py_BEGIN_CRITICAL_SECTION(d);
    it->state = d->state;
    it->counter = d->len;
    Py_END_CRITICAL_SECTION();
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static PyObject *
deque_iter(PyObject *self)
{
    return make_iterator(&DequeIter_Type, (dequeobject *)self);
}

static PyObject *
deque_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return make_iterator(&DequeRevIter_Type, (dequeobject *)self);
}

static void
dequeiter_dealloc(PyObject *self)
{
    dequeiterobject *it = (dequeiterobject *)self;
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->deque);
    PyObject_GC_Del(it);
}

static int
dequeiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((dequeiterobject *)self)->deque);
    return 0;
}

static PyObject *
dequeiter_step(dequeiterobject *it, int reverse)
{
    dequeobject *d = it->deque;
    PyObject *item = NULL;
    Py_BEGIN_CRITICAL_SECTION(d);
    if (d->state != it->state) {
        it->counter = 0;
        PyErr_SetString(PyExc_RuntimeError, "deque mutated during iteration");
    }
    else if (it->counter > 0 && it->index < d->len) {
        Py_ssize_t pos = reverse ? d->len - 1 - it->index : it->index;
        item = Py_NewRef(d->items[slot_of(d, pos)]);
        it->index++;
        it->counter--;
    }
    Py_END_CRITICAL_SECTION();
    return item;
}

static PyObject *
dequeiter_next(PyObject *self)
{
    return dequeiter_step((dequeiterobject *)self, 0);
}

static PyObject *
dequereviter_next(PyObject *self)
{
    return dequeiter_step((dequeiterobject *)self, 1);
}

static PyObject *
dequeiter_length_hint(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    dequeiterobject *it = (dequeiterobject *)self;
    Py_ssize_t n;
    Py_BEGIN_CRITICAL_SECTION(it->deque);
    n = it->counter;
    Py_END_CRITICAL_SECTION();
    return PyLong_FromSsize_t(n);
}

/* (type, (deque, consumed)): unpickling rebuilds an iterator over the
   deque and skips the items already produced.  The counter is read
   inside the deque's critical section, like every step. */
static PyObject *
dequeiter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    dequeiterobject *it = (dequeiterobject *)self;
    Py_ssize_t consumed;
    Py_BEGIN_CRITICAL_SECTION(it->deque);
    consumed = it->deque->len - it->counter;
    Py_END_CRITICAL_SECTION();
    return Py_BuildValue("O(On)", Py_TYPE(it), it->deque, consumed);
}

/* _deque_iterator(deque, index=0) and its reverse twin: an iterator
   positioned `index` items from its starting end (CPython's signature,
   used by unpickling). */
static PyObject *
dequeiter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *deque;
    Py_ssize_t index = 0;
    if (!_PyArg_NoKeywords(type->tp_name, kwds) ||
        !PyArg_ParseTuple(args, "O!|n:_deque_iterator", &Deque_Type, &deque,
                          &index)) {
        return NULL;
    }
    dequeiterobject *it = (dequeiterobject *)make_iterator(
        type, (dequeobject *)deque);
    if (it == NULL) {
        return NULL;
    }
    /* Fresh iterator, not yet shared: only the deque needs locking. */
    Py_BEGIN_CRITICAL_SECTION(deque);
    if (index > 0) {
        Py_ssize_t skip = index < it->counter ? index : it->counter;
        it->index += skip;
        it->counter -= skip;
    }
    Py_END_CRITICAL_SECTION();
    return (PyObject *)it;
}

static PyMethodDef dequeiter_methods[] = {
    {"__length_hint__", dequeiter_length_hint, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", dequeiter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject DequeIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_collections._deque_iterator",
    .tp_basicsize = sizeof(dequeiterobject),
    .tp_dealloc = dequeiter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = dequeiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = dequeiter_next,
    .tp_methods = dequeiter_methods,
    .tp_new = dequeiter_new,
};

static PyTypeObject DequeRevIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_collections._deque_reverse_iterator",
    .tp_basicsize = sizeof(dequeiterobject),
    .tp_dealloc = dequeiter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = dequeiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = dequereviter_next,
    .tp_methods = dequeiter_methods,
    .tp_new = dequeiter_new,
};

/* ---- _tuplegetter --------------------------------------------------- */

/* A read-only data descriptor returning item `index` of a tuple
   instance.  Immutable after creation, so it needs no lock. */
typedef struct {
    PyObject_HEAD
    Py_ssize_t index;
    PyObject *doc;
} tuplegetterobject;

static PyTypeObject TupleGetter_Type;

static PyObject *
tuplegetter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t index;
    PyObject *doc;
    if (!_PyArg_NoKeywords("_tuplegetter", kwds) ||
        !PyArg_ParseTuple(args, "nO:_tuplegetter", &index, &doc)) {
        return NULL;
    }
    tuplegetterobject *self = (tuplegetterobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->index = index;
    self->doc = Py_NewRef(doc);
    return (PyObject *)self;
}

static PyObject *
tuplegetter_get(PyObject *self, PyObject *obj, PyObject *Py_UNUSED(type))
{
    tuplegetterobject *getter = (tuplegetterobject *)self;
    if (obj == NULL) {
        return Py_NewRef(self);
    }
    if (!PyTuple_Check(obj)) {
        if (obj == Py_None) {
            return Py_NewRef(self);
        }
        PyErr_Format(PyExc_TypeError,
                     "descriptor for index '%zd' for tuple subclasses "
                     "doesn't apply to '%s' object",
                     getter->index, Py_TYPE(obj)->tp_name);
        return NULL;
    }
    if (getter->index < 0 || getter->index >= PyTuple_GET_SIZE(obj)) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return Py_NewRef(PyTuple_GET_ITEM(obj, getter->index));
}

static int
tuplegetter_set(PyObject *Py_UNUSED(self), PyObject *Py_UNUSED(obj),
                PyObject *value)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "can't delete attribute");
    }
    else {
        PyErr_SetString(PyExc_AttributeError, "can't set attribute");
    }
    return -1;
}

static void
tuplegetter_dealloc(PyObject *self)
{
    tuplegetterobject *getter = (tuplegetterobject *)self;
    PyObject_GC_UnTrack(self);
    Py_CLEAR(getter->doc);
    Py_TYPE(self)->tp_free(self);
}

static int
tuplegetter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((tuplegetterobject *)self)->doc);
    return 0;
}

static int
tuplegetter_clear(PyObject *self)
{
    Py_CLEAR(((tuplegetterobject *)self)->doc);
    return 0;
}

static PyObject *
tuplegetter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    tuplegetterobject *getter = (tuplegetterobject *)self;
    return Py_BuildValue("(O(nO))", Py_TYPE(self), getter->index,
                         getter->doc);
}

static PyObject *
tuplegetter_get_doc(PyObject *self, void *Py_UNUSED(closure))
{
    return Py_NewRef(((tuplegetterobject *)self)->doc);
}

static int
tuplegetter_set_doc(PyObject *self, PyObject *value, void *Py_UNUSED(closure))
{
    tuplegetterobject *getter = (tuplegetterobject *)self;
    /* Setting __doc__ happens while the class is being built, before
       other threads can see it. */
    Py_XSETREF(getter->doc, Py_NewRef(value ? value : Py_None));
    return 0;
}

static PyMethodDef tuplegetter_methods[] = {
    {"__reduce__", tuplegetter_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef tuplegetter_getset[] = {
    {"__doc__", tuplegetter_get_doc, tuplegetter_set_doc, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject TupleGetter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_collections._tuplegetter",
    .tp_basicsize = sizeof(tuplegetterobject),
    .tp_dealloc = tuplegetter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = tuplegetter_traverse,
    .tp_clear = tuplegetter_clear,
    .tp_methods = tuplegetter_methods,
    .tp_getset = tuplegetter_getset,
    .tp_descr_get = tuplegetter_get,
    .tp_descr_set = tuplegetter_set,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = tuplegetter_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- module --------------------------------------------------------- */

/* _count_elements(mapping, iterable): the counting loop of
   Counter.update, calling the mapping's own get and __setitem__ so that
   subclasses and concurrent users see ordinary method calls. */
static PyObject *
collections_count_elements(PyObject *Py_UNUSED(module), PyObject *const *args,
                           Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_count_elements", nargs, 2, 2)) {
        return NULL;
    }
    PyObject *mapping = args[0];
    PyObject *it = PyObject_GetIter(args[1]);
    if (it == NULL) {
        return NULL;
    }
    PyObject *zero = PyLong_FromLong(0), *one = PyLong_FromLong(1);
    PyObject *get = PyObject_GetAttrString(mapping, "get");
    PyObject *item = NULL;
    if (zero == NULL || one == NULL || get == NULL) {
        goto done;
    }
    while ((item = PyIter_Next(it)) != NULL) {
        PyObject *old = PyObject_CallFunctionObjArgs(get, item, zero, NULL);
        if (old == NULL) {
            break;
        }
        PyObject *new = PyNumber_Add(old, one);
        Py_DECREF(old);
        if (new == NULL) {
            break;
        }
        int rc = PyObject_SetItem(mapping, item, new);
        Py_DECREF(new);
        if (rc < 0) {
            break;
        }
        Py_CLEAR(item);
    }
done:
    Py_XDECREF(item);
    Py_XDECREF(get);
    Py_XDECREF(zero);
    Py_XDECREF(one);
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef collections_methods[] = {
    {"_count_elements", _PyCFunction_CAST(collections_count_elements),
     METH_FASTCALL,
     "_count_elements($module, mapping, iterable, /)\n--\n\n"
     "Count elements in the iterable, updating the mapping"},
    {NULL, NULL, 0, NULL},
};

static int
collections_exec(PyObject *module)
{
    PyTypeObject *types[] = {&Deque_Type, &DequeIter_Type, &DequeRevIter_Type,
                             &TupleGetter_Type};
    for (size_t i = 0; i < Py_ARRAY_LENGTH(types); i++) {
        if (PyType_Ready(types[i]) < 0) {
            return -1;
        }
    }
    if (PyModule_AddObjectRef(module, "deque", (PyObject *)&Deque_Type) < 0 ||
        PyModule_AddObjectRef(module, "_deque_iterator",
                              (PyObject *)&DequeIter_Type) < 0 ||
        PyModule_AddObjectRef(module, "_deque_reverse_iterator",
                              (PyObject *)&DequeRevIter_Type) < 0 ||
        PyModule_AddObjectRef(module, "_tuplegetter",
                              (PyObject *)&TupleGetter_Type) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot collections_slots[] = {
    {Py_mod_exec, collections_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef collections_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_collections",
    .m_doc = "High performance data structures.\n"
             "- deque:        ordered collection accessible from endpoints only\n",
    .m_size = 0,
    .m_methods = collections_methods,
    .m_slots = collections_slots,
};

PyMODINIT_FUNC
PyInit__collections(void)
{
    return PyModuleDef_Init(&collections_module);
}
