/* Timsort: the stable, adaptive merge sort behind list.sort().

   The array is cut into natural runs (maximal ascending stretches, or
   strictly descending ones, reversed in place; strictness keeps equal
   items in order).  Runs shorter than `minrun` are extended with binary
   insertion sort, so every run but the last has at least minrun items and
   the number of runs is close to a power of two.  Runs wait on a stack and
   are merged pairwise in the order given by the powersort rule: the
   boundary between two adjacent runs gets a "power" (how deep the midpoints
   of the two runs sit in a binary subdivision of the whole array), and a
   boundary of higher power is merged before one of lower power.  This
   keeps merges balanced, so the worst case is O(n log n) comparisons,
   while already sorted (or reverse sorted) input is one run and costs
   n - 1 comparisons.

   Merging copies the shorter run out to temporary memory and merges
   forwards (merge_lo) or backwards (merge_hi).  When one run keeps winning,
   the merge switches to galloping: exponential search followed by binary
   search finds how many items to move at once.  min_gallop adapts to the
   data: it drops while galloping pays off and rises when it does not.

   Items move as pairs (key, value) when a key function was used: `keys`
   is what is compared, `values` (possibly NULL) follows along.

   Thread safety: the arrays belong to the caller (list.sort detaches the
   list's items before calling), and all state lives on the C stack, so
   nothing here is shared between threads.  Comparisons may run arbitrary
   code, including code that raises; every error path leaves the arrays
   holding a permutation of their original contents, so no reference is
   lost or duplicated. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_long.h"
#include "pycore_list.h"
#include "pycore_tuple.h"

/* Below this many items a run is extended by binary insertion. */
#define MAX_MINRUN 64
/* Galloping starts once one run wins this many times in a row. */
#define MIN_GALLOP 7
/* Merge memory kept on the C stack before falling back to the heap. */
#define TEMP_ON_STACK 256
/* Powers strictly increase up the stack and are at most 64 bits deep. */
#define MAX_PENDING 85

/* Parallel arrays seen from one position. */
typedef struct {
    PyObject **keys;
    PyObject **values;  /* NULL when the keys are the items */
} sortslice;

typedef struct {
    sortslice base;
    Py_ssize_t len;
    int power;  /* of the boundary between this run and the next */
} pending_run;

typedef struct MergeState MergeState;

/* 1 if v < w, 0 if not, -1 on error. */
typedef int (*less_than_func)(PyObject *v, PyObject *w, MergeState *ms);

struct MergeState {
    less_than_func less_than;
    /* Tuple keys: the comparison for their first items, and a three-way
       one when that is an exact total order (else NULL). */
    less_than_func element_less_than;
    int (*element_order)(PyObject *v, PyObject *w);
    Py_ssize_t min_gallop;
    Py_ssize_t array_length;
    /* Temporary memory for merges: `temp_keys` holds temp_alloc keys and,
       when values move too, temp_values another temp_alloc. */
    PyObject **temp_keys;
    PyObject **temp_values;
    Py_ssize_t temp_alloc;
    PyObject *temp_on_stack[2 * TEMP_ON_STACK];
    int npending;
    pending_run pending[MAX_PENDING];
};

/* ---- comparisons -------------------------------------------------------- */

static int
generic_less_than(PyObject *v, PyObject *w, MergeState *Py_UNUSED(ms))
{
    return PyObject_RichCompareBool(v, w, Py_LT);
}

/* Every key has the same type, so the type's own tp_richcompare is what
   PyObject_RichCompare would call first: call it directly and only fall
   back to the full protocol when it declines. */
static int
same_type_less_than(PyObject *v, PyObject *w, MergeState *Py_UNUSED(ms))
{
    PyObject *res = Py_TYPE(v)->tp_richcompare(v, w, Py_LT);
    if (res == Py_NotImplemented) {
        Py_DECREF(res);
        return PyObject_RichCompareBool(v, w, Py_LT);
    }
    if (res == NULL) {
        return -1;
    }
    int result;
    if (res == Py_True) {
        result = 1;
    }
    else if (res == Py_False) {
        result = 0;
    }
    else {
        result = PyObject_IsTrue(res);
    }
    Py_DECREF(res);
    return result;
}

/* Every key is an exact int small enough to be a machine word. */
static int
compact_int_less_than(PyObject *v, PyObject *w, MergeState *Py_UNUSED(ms))
{
    return _PyLong_CompactValue((PyLongObject *)v)
           < _PyLong_CompactValue((PyLongObject *)w);
}

/* Three-way forms (-1, 0, 1) of the two comparisons above that are
   total orders agreeing with ==, so 0 means equal. */
static int
compact_int_order(PyObject *v, PyObject *w)
{
    Py_ssize_t x = _PyLong_CompactValue((PyLongObject *)v);
    Py_ssize_t y = _PyLong_CompactValue((PyLongObject *)w);
    return (x > y) - (x < y);
}

static int
latin1_order(PyObject *v, PyObject *w)
{
    Py_ssize_t vlen = PyUnicode_GET_LENGTH(v), wlen = PyUnicode_GET_LENGTH(w);
    int cmp = memcmp(PyUnicode_DATA(v), PyUnicode_DATA(w),
                     (size_t)(vlen < wlen ? vlen : wlen));
    if (cmp != 0) {
        return cmp < 0 ? -1 : 1;
    }
    return (vlen > wlen) - (vlen < wlen);
}

/* Every key is an exact float. */
static int
float_less_than(PyObject *v, PyObject *w, MergeState *Py_UNUSED(ms))
{
    return PyFloat_AS_DOUBLE(v) < PyFloat_AS_DOUBLE(w);
}

/* Every key is an exact str of 1-byte kind: code points are the bytes,
   so byte order is code point order. */
static int
latin1_less_than(PyObject *v, PyObject *w, MergeState *Py_UNUSED(ms))
{
    Py_ssize_t vlen = PyUnicode_GET_LENGTH(v), wlen = PyUnicode_GET_LENGTH(w);
    int cmp = memcmp(PyUnicode_DATA(v), PyUnicode_DATA(w),
                     (size_t)(vlen < wlen ? vlen : wlen));
    return cmp != 0 ? cmp < 0 : vlen < wlen;
}

/* The three-way order of two tuple items when both are exact ints that
   fit a machine word or both exact 1-byte strs (total orders agreeing
   with ==, so one comparison answers both "equal?" and "less?"): 1 with
   the order in *order, or 0 when the full protocol must decide.  Keys
   like (-count, word) tie on their first item and differ at the second. */
static int
exact_item_order(PyObject *v, PyObject *w, int *order)
{
    PyTypeObject *type = Py_TYPE(v);
    if (type != Py_TYPE(w)) {
        return 0;
    }
    if (type == &PyUnicode_Type) {
        if (PyUnicode_KIND(v) != PyUnicode_1BYTE_KIND
                || PyUnicode_KIND(w) != PyUnicode_1BYTE_KIND) {
            return 0;
        }
        *order = latin1_order(v, w);
        return 1;
    }
    if (type == &PyLong_Type && _PyLong_IsCompact((PyLongObject *)v)
            && _PyLong_IsCompact((PyLongObject *)w)) {
        *order = compact_int_order(v, w);
        return 1;
    }
    return 0;
}

/* Every key is a non-empty exact tuple, and the first items all suit
   ms->element_less_than.  Tuples compare at their first differing item;
   most differ at item 0, which gets the specialised comparison. */
static int
tuple_less_than(PyObject *v, PyObject *w, MergeState *ms)
{
    Py_ssize_t vlen = PyTuple_GET_SIZE(v), wlen = PyTuple_GET_SIZE(w);
    Py_ssize_t common = vlen < wlen ? vlen : wlen;
    PyObject **vi = _PyTuple_ITEMS(v), **wi = _PyTuple_ITEMS(w);
    Py_ssize_t i = 0;
    if (ms->element_order != NULL) {
        /* A total order on the first items settles most pairs at once. */
        int order = ms->element_order(vi[0], wi[0]);
        if (order != 0) {
            return order < 0;
        }
        i = 1;
    }
    for (; i < common; i++) {
        int order;
        if (exact_item_order(vi[i], wi[i], &order)) {
            if (order != 0) {
                return order < 0;
            }
            continue;
        }
        int eq = PyObject_RichCompareBool(vi[i], wi[i], Py_EQ);
        if (eq < 0) {
            return -1;
        }
        if (!eq) {
            break;
        }
    }
    if (i == common) {
        return vlen < wlen;
    }
    if (i == 0) {
        return ms->element_less_than(vi[0], wi[0], ms);
    }
    return PyObject_RichCompareBool(vi[i], wi[i], Py_LT);
}

/* What a pass over the keys learnt about them. */
typedef struct {
    PyTypeObject *type;   /* of the first key */
    int same_type;
    int all_compact;      /* exact ints that fit a machine word */
    int all_latin1;       /* exact strs of 1-byte kind */
    int all_nonempty;     /* tuples with a first item */
} key_survey;

static void
survey_start(key_survey *s, PyObject *first)
{
    s->type = Py_TYPE(first);
    s->same_type = 1;
    s->all_compact = s->type == &PyLong_Type;
    s->all_latin1 = s->type == &PyUnicode_Type;
    s->all_nonempty = s->type == &PyTuple_Type;
}

/* Returns 0 once nothing special remains to be found. */
static int
survey_add(key_survey *s, PyObject *key)
{
    if (Py_TYPE(key) != s->type) {
        s->same_type = 0;
        return 0;
    }
    if (s->all_compact && !_PyLong_IsCompact((PyLongObject *)key)) {
        s->all_compact = 0;
    }
    if (s->all_latin1 && PyUnicode_KIND(key) != PyUnicode_1BYTE_KIND) {
        s->all_latin1 = 0;
    }
    if (s->all_nonempty && PyTuple_GET_SIZE(key) == 0) {
        s->all_nonempty = 0;
    }
    return 1;
}

static less_than_func
survey_choice(const key_survey *s)
{
    if (!s->same_type) {
        return generic_less_than;
    }
    if (s->all_compact) {
        return compact_int_less_than;
    }
    if (s->type == &PyFloat_Type) {
        return float_less_than;
    }
    if (s->all_latin1) {
        return latin1_less_than;
    }
    if (s->type->tp_richcompare != NULL) {
        return same_type_less_than;
    }
    return generic_less_than;
}

/* Pick the cheapest comparison that is exact for these keys (n >= 1).
   The choice holds for the whole sort: the keys are private to it. */
static void
choose_less_than(MergeState *ms, PyObject *const *keys, Py_ssize_t n)
{
    key_survey s;
    ms->element_order = NULL;
    survey_start(&s, keys[0]);
    for (Py_ssize_t i = 1; i < n && survey_add(&s, keys[i]); i++) {
    }
    ms->less_than = survey_choice(&s);
    if (!s.same_type || !s.all_nonempty) {
        return;
    }
    key_survey first_items;
    survey_start(&first_items, PyTuple_GET_ITEM(keys[0], 0));
    for (Py_ssize_t i = 1; i < n; i++) {
        if (!survey_add(&first_items, PyTuple_GET_ITEM(keys[i], 0))) {
            break;
        }
    }
    ms->element_less_than = survey_choice(&first_items);
    if (ms->element_less_than == compact_int_less_than) {
        ms->element_order = compact_int_order;
    }
    else if (ms->element_less_than == latin1_less_than) {
        ms->element_order = latin1_order;
    }
    ms->less_than = tuple_less_than;
}

#define LESS_THAN(ms, v, w) ((ms)->less_than((v), (w), (ms)))

/* ---- moving pairs ------------------------------------------------------- */

static inline void
slice_copy(sortslice *dst, Py_ssize_t di, const sortslice *src,
           Py_ssize_t si, Py_ssize_t n)
{
    memcpy(&dst->keys[di], &src->keys[si], (size_t)n * sizeof(PyObject *));
    if (dst->values != NULL) {
        memcpy(&dst->values[di], &src->values[si],
               (size_t)n * sizeof(PyObject *));
    }
}

static inline void
slice_move(sortslice *dst, Py_ssize_t di, const sortslice *src,
           Py_ssize_t si, Py_ssize_t n)
{
    memmove(&dst->keys[di], &src->keys[si], (size_t)n * sizeof(PyObject *));
    if (dst->values != NULL) {
        memmove(&dst->values[di], &src->values[si],
                (size_t)n * sizeof(PyObject *));
    }
}

static inline void
slice_copy_one(sortslice *dst, Py_ssize_t di, const sortslice *src,
               Py_ssize_t si)
{
    dst->keys[di] = src->keys[si];
    if (dst->values != NULL) {
        dst->values[di] = src->values[si];
    }
}

static inline void
slice_advance(sortslice *s, Py_ssize_t n)
{
    s->keys += n;
    if (s->values != NULL) {
        s->values += n;
    }
}

static void
reverse_range(PyObject **lo, PyObject **hi)
{
    for (--hi; lo < hi; lo++, hi--) {
        PyObject *tmp = *lo;
        *lo = *hi;
        *hi = tmp;
    }
}

static void
slice_reverse(sortslice *s, Py_ssize_t n)
{
    reverse_range(s->keys, s->keys + n);
    if (s->values != NULL) {
        reverse_range(s->values, s->values + n);
    }
}

/* ---- runs --------------------------------------------------------------- */

/* The length of the run starting at s (at most n items): the longest
   non-descending prefix, or the longest strictly descending one, which is
   reversed in place.  -1 on error. */
static Py_ssize_t
count_run(MergeState *ms, sortslice *s, Py_ssize_t n)
{
    if (n == 1) {
        return 1;
    }
    PyObject **k = s->keys;
    int descending = LESS_THAN(ms, k[1], k[0]);
    if (descending < 0) {
        return -1;
    }
    Py_ssize_t len = 2;
    for (; len < n; len++) {
        int lt = LESS_THAN(ms, k[len], k[len - 1]);
        if (lt < 0) {
            return -1;
        }
        if (lt != descending) {
            break;
        }
    }
    if (descending) {
        slice_reverse(s, len);
    }
    return len;
}

/* Sort s[0:n] given that s[0:start] is already sorted: each further item
   is placed after the equal items before it, found by binary search.  On
   error the current item is still in its slot (the search comes before any
   move), so the slice remains a permutation. */
static int
binary_insertion_sort(MergeState *ms, sortslice *s, Py_ssize_t n,
                      Py_ssize_t start)
{
    PyObject **keys = s->keys;
    PyObject **values = s->values;
    for (; start < n; start++) {
        PyObject *pivot = keys[start];
        Py_ssize_t lo = 0, hi = start;
        while (lo < hi) {
            Py_ssize_t mid = lo + ((hi - lo) >> 1);
            int lt = LESS_THAN(ms, pivot, keys[mid]);
            if (lt < 0) {
                return -1;
            }
            if (lt) {
                hi = mid;
            }
            else {
                lo = mid + 1;
            }
        }
        memmove(&keys[lo + 1], &keys[lo],
                (size_t)(start - lo) * sizeof(PyObject *));
        keys[lo] = pivot;
        if (values != NULL) {
            PyObject *vpivot = values[start];
            memmove(&values[lo + 1], &values[lo],
                    (size_t)(start - lo) * sizeof(PyObject *));
            values[lo] = vpivot;
        }
    }
    return 0;
}

/* A run length between MAX_MINRUN/2 and MAX_MINRUN such that n / minrun
   is a power of two or a little less than one: keep the top bits of n and
   round up if any lower bit is set. */
static Py_ssize_t
compute_minrun(Py_ssize_t n)
{
    Py_ssize_t low_bits = 0;
    while (n >= MAX_MINRUN) {
        low_bits |= n & 1;
        n >>= 1;
    }
    return n + low_bits;
}

/* The powersort power of the boundary between the runs [s1, s1 + n1) and
   [s1 + n1, s1 + n1 + n2) in an array of n items: the position of the
   first bit in which the binary expansions of the two runs' midpoints,
   as fractions of n, differ.  Midpoints are doubled to stay integral;
   both are below 2n, so doubling them again cannot overflow. */
static int
boundary_power(Py_ssize_t s1, Py_ssize_t n1, Py_ssize_t n2, Py_ssize_t n)
{
    size_t a = 2 * (size_t)s1 + (size_t)n1;
    size_t b = a + (size_t)n1 + (size_t)n2;
    size_t twice_n = 2 * (size_t)n;
    int power = 0;
    for (;;) {
        power++;
        a <<= 1;
        b <<= 1;
        int bit_a = a >= twice_n, bit_b = b >= twice_n;
        if (bit_a != bit_b) {
            return power;
        }
        if (bit_a) {
            a -= twice_n;
            b -= twice_n;
        }
    }
}

/* ---- galloping ---------------------------------------------------------- */

/* The leftmost position for key in the sorted a[0:n]: k such that
   a[k-1] < key <= a[k].  The search starts at a[hint] and widens by
   doubling steps before a binary search.  -1 on error. */
static Py_ssize_t
gallop_left(MergeState *ms, PyObject *key, PyObject **a, Py_ssize_t n,
            Py_ssize_t hint)
{
    /* Invariant after galloping: a[lo] < key <= a[hi], where a[-1] is
       below everything and a[n] above. */
    Py_ssize_t lo, hi;
    Py_ssize_t last = 0, ofs = 1;
    int lt = LESS_THAN(ms, a[hint], key);
    if (lt < 0) {
        return -1;
    }
    if (lt) {
        /* a[hint] < key: look to the right. */
        Py_ssize_t maxofs = n - hint;
        while (ofs < maxofs) {
            lt = LESS_THAN(ms, a[hint + ofs], key);
            if (lt < 0) {
                return -1;
            }
            if (!lt) {
                break;
            }
            last = ofs;
            ofs = (ofs << 1) + 1;
            if (ofs <= 0) {  /* overflow */
                ofs = maxofs;
            }
        }
        if (ofs > maxofs) {
            ofs = maxofs;
        }
        lo = hint + last;
        hi = hint + ofs;
    }
    else {
        /* key <= a[hint]: look to the left. */
        Py_ssize_t maxofs = hint + 1;
        while (ofs < maxofs) {
            lt = LESS_THAN(ms, a[hint - ofs], key);
            if (lt < 0) {
                return -1;
            }
            if (lt) {
                break;
            }
            last = ofs;
            ofs = (ofs << 1) + 1;
            if (ofs <= 0) {
                ofs = maxofs;
            }
        }
        if (ofs > maxofs) {
            ofs = maxofs;
        }
        lo = hint - ofs;
        hi = hint - last;
    }
    /* Binary search in (lo, hi]. */
    lo++;
    while (lo < hi) {
        Py_ssize_t mid = lo + ((hi - lo) >> 1);
        lt = LESS_THAN(ms, a[mid], key);
        if (lt < 0) {
            return -1;
        }
        if (lt) {
            lo = mid + 1;
        }
        else {
            hi = mid;
        }
    }
    return hi;
}

/* The rightmost position for key in the sorted a[0:n]: k such that
   a[k-1] <= key < a[k].  Same search as gallop_left otherwise. */
static Py_ssize_t
gallop_right(MergeState *ms, PyObject *key, PyObject **a, Py_ssize_t n,
             Py_ssize_t hint)
{
    /* Invariant after galloping: a[lo] <= key < a[hi]. */
    Py_ssize_t lo, hi;
    Py_ssize_t last = 0, ofs = 1;
    int lt = LESS_THAN(ms, key, a[hint]);
    if (lt < 0) {
        return -1;
    }
    if (lt) {
        /* key < a[hint]: look to the left. */
        Py_ssize_t maxofs = hint + 1;
        while (ofs < maxofs) {
            lt = LESS_THAN(ms, key, a[hint - ofs]);
            if (lt < 0) {
                return -1;
            }
            if (!lt) {
                break;
            }
            last = ofs;
            ofs = (ofs << 1) + 1;
            if (ofs <= 0) {
                ofs = maxofs;
            }
        }
        if (ofs > maxofs) {
            ofs = maxofs;
        }
        lo = hint - ofs;
        hi = hint - last;
    }
    else {
        /* a[hint] <= key: look to the right. */
        Py_ssize_t maxofs = n - hint;
        while (ofs < maxofs) {
            lt = LESS_THAN(ms, key, a[hint + ofs]);
            if (lt < 0) {
                return -1;
            }
            if (lt) {
                break;
            }
            last = ofs;
            ofs = (ofs << 1) + 1;
            if (ofs <= 0) {
                ofs = maxofs;
            }
        }
        if (ofs > maxofs) {
            ofs = maxofs;
        }
        lo = hint + last;
        hi = hint + ofs;
    }
    /* Binary search in (lo, hi]. */
    lo++;
    while (lo < hi) {
        Py_ssize_t mid = lo + ((hi - lo) >> 1);
        lt = LESS_THAN(ms, key, a[mid]);
        if (lt < 0) {
            return -1;
        }
        if (lt) {
            hi = mid;
        }
        else {
            lo = mid + 1;
        }
    }
    return hi;
}

/* ---- merging ------------------------------------------------------------ */

static void
merge_init(MergeState *ms, Py_ssize_t n, int has_values)
{
    ms->min_gallop = MIN_GALLOP;
    ms->array_length = n;
    ms->npending = 0;
    ms->temp_keys = ms->temp_on_stack;
    ms->temp_alloc = TEMP_ON_STACK;
    ms->temp_values = has_values ? ms->temp_on_stack + TEMP_ON_STACK : NULL;
}

static void
merge_free_temp(MergeState *ms)
{
    if (ms->temp_keys != ms->temp_on_stack) {
        PyMem_Free(ms->temp_keys);
    }
    ms->temp_keys = ms->temp_on_stack;
    if (ms->temp_values != NULL) {
        ms->temp_values = ms->temp_on_stack + TEMP_ON_STACK;
    }
    ms->temp_alloc = TEMP_ON_STACK;
}

/* Temporary room for `need` pairs; the old contents need not survive. */
static int
merge_reserve(MergeState *ms, Py_ssize_t need)
{
    if (need <= ms->temp_alloc) {
        return 0;
    }
    int has_values = ms->temp_values != NULL;
    merge_free_temp(ms);  /* also resets temp_values to the stack */
    size_t per_item = has_values ? 2 * sizeof(PyObject *) : sizeof(PyObject *);
    if ((size_t)need > (size_t)PY_SSIZE_T_MAX / per_item) {
        PyErr_NoMemory();
        return -1;
    }
    PyObject **mem = PyMem_Malloc((size_t)need * per_item);
    if (mem == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    ms->temp_keys = mem;
    ms->temp_values = has_values ? mem + need : NULL;
    ms->temp_alloc = need;
    return 0;
}

/* Merge the adjacent sorted runs a[0:na] and b[0:nb] (b follows a in
   memory), na <= nb, both non-empty, b[0] < a[0] and a[na-1] > b[nb-1]
   for a consistent comparison; an inconsistent one may break those, which
   costs sortedness but never memory safety.  a is copied out and the
   merge fills from a's start.  Throughout, the gap between the output
   position and b's next item is exactly the number of a-items left, so on
   error copying them back restores a permutation. */
static int
merge_lo(MergeState *ms, sortslice a_run, Py_ssize_t na, sortslice b_run,
         Py_ssize_t nb)
{
    if (merge_reserve(ms, na) < 0) {
        return -1;
    }
    sortslice dest = a_run;
    sortslice a = {ms->temp_keys, ms->temp_values};
    sortslice b = b_run;
    slice_copy(&a, 0, &a_run, 0, na);
    int result = 0;
    Py_ssize_t min_gallop = ms->min_gallop;

    slice_copy_one(&dest, 0, &b, 0);
    slice_advance(&dest, 1);
    slice_advance(&b, 1);
    if (--nb == 0) {
        goto finish;
    }
    if (na == 1) {
        goto last_a;
    }
    for (;;) {
        Py_ssize_t acount = 0, bcount = 0;
        /* One item at a time until one run wins min_gallop times. */
        for (;;) {
            int lt = LESS_THAN(ms, b.keys[0], a.keys[0]);
            if (lt < 0) {
                goto fail;
            }
            if (lt) {
                slice_copy_one(&dest, 0, &b, 0);
                slice_advance(&dest, 1);
                slice_advance(&b, 1);
                bcount++;
                acount = 0;
                if (--nb == 0) {
                    goto finish;
                }
                if (bcount >= min_gallop) {
                    break;
                }
            }
            else {
                slice_copy_one(&dest, 0, &a, 0);
                slice_advance(&dest, 1);
                slice_advance(&a, 1);
                acount++;
                bcount = 0;
                if (--na == 1) {
                    goto last_a;
                }
                if (acount >= min_gallop) {
                    break;
                }
            }
        }
        /* Gallop while it keeps moving long stretches. */
        min_gallop++;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            Py_ssize_t k = gallop_right(ms, b.keys[0], a.keys, na, 0);
            if (k < 0) {
                goto fail;
            }
            acount = k;
            if (k > 0) {
                slice_copy(&dest, 0, &a, 0, k);
                slice_advance(&dest, k);
                slice_advance(&a, k);
                na -= k;
                if (na == 1) {
                    goto last_a;
                }
                if (na == 0) {
                    goto finish;  /* only with an inconsistent comparison */
                }
            }
            slice_copy_one(&dest, 0, &b, 0);
            slice_advance(&dest, 1);
            slice_advance(&b, 1);
            if (--nb == 0) {
                goto finish;
            }

            k = gallop_left(ms, a.keys[0], b.keys, nb, 0);
            if (k < 0) {
                goto fail;
            }
            bcount = k;
            if (k > 0) {
                slice_move(&dest, 0, &b, 0, k);
                slice_advance(&dest, k);
                slice_advance(&b, k);
                nb -= k;
                if (nb == 0) {
                    goto finish;
                }
            }
            slice_copy_one(&dest, 0, &a, 0);
            slice_advance(&dest, 1);
            slice_advance(&a, 1);
            if (--na == 1) {
                goto last_a;
            }
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        /* Leaving gallop mode costs: make re-entering it harder. */
        min_gallop++;
        ms->min_gallop = min_gallop;
    }

last_a:
    /* One a-item left: it belongs after all remaining b-items. */
    slice_move(&dest, 0, &b, 0, nb);
    slice_copy_one(&dest, nb, &a, 0);
    return 0;

fail:
    result = -1;
finish:
    if (na > 0) {
        slice_copy(&dest, 0, &a, 0, na);
    }
    return result;
}

/* The mirror image of merge_lo for na >= nb: b is copied out and the
   merge fills from b's end backwards.  Preconditions as for merge_lo. */
static int
merge_hi(MergeState *ms, sortslice a_run, Py_ssize_t na, sortslice b_run,
         Py_ssize_t nb)
{
    if (merge_reserve(ms, nb) < 0) {
        return -1;
    }
    sortslice b_base = {ms->temp_keys, ms->temp_values};
    slice_copy(&b_base, 0, &b_run, 0, nb);
    /* Indices of the last unplaced item of each run and the output. */
    Py_ssize_t ai = na - 1, bi = nb - 1, di = na + nb - 1;
    sortslice out = a_run;  /* a and the output share storage */
    int result = 0;
    Py_ssize_t min_gallop = ms->min_gallop;

    slice_copy_one(&out, di--, &out, ai--);
    if (--na == 0) {
        goto finish;
    }
    if (nb == 1) {
        goto first_b;
    }
    for (;;) {
        Py_ssize_t acount = 0, bcount = 0;
        for (;;) {
            int lt = LESS_THAN(ms, b_base.keys[bi], out.keys[ai]);
            if (lt < 0) {
                goto fail;
            }
            if (lt) {
                slice_copy_one(&out, di--, &out, ai--);
                acount++;
                bcount = 0;
                if (--na == 0) {
                    goto finish;
                }
                if (acount >= min_gallop) {
                    break;
                }
            }
            else {
                slice_copy_one(&out, di--, &b_base, bi--);
                bcount++;
                acount = 0;
                if (--nb == 1) {
                    goto first_b;
                }
                if (bcount >= min_gallop) {
                    break;
                }
            }
        }
        min_gallop++;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            /* a-items above b's last move right as one block. */
            Py_ssize_t k = gallop_right(ms, b_base.keys[bi], out.keys, na,
                                        na - 1);
            if (k < 0) {
                goto fail;
            }
            k = na - k;
            acount = k;
            if (k > 0) {
                di -= k;
                ai -= k;
                slice_move(&out, di + 1, &out, ai + 1, k);
                na -= k;
                if (na == 0) {
                    goto finish;
                }
            }
            slice_copy_one(&out, di--, &b_base, bi--);
            if (--nb == 1) {
                goto first_b;
            }

            /* b-items not below a's last move right as one block. */
            k = gallop_left(ms, out.keys[ai], b_base.keys, nb, nb - 1);
            if (k < 0) {
                goto fail;
            }
            k = nb - k;
            bcount = k;
            if (k > 0) {
                di -= k;
                bi -= k;
                slice_copy(&out, di + 1, &b_base, bi + 1, k);
                nb -= k;
                if (nb == 1) {
                    goto first_b;
                }
                if (nb == 0) {
                    goto finish;  /* only with an inconsistent comparison */
                }
            }
            slice_copy_one(&out, di--, &out, ai--);
            if (--na == 0) {
                goto finish;
            }
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        min_gallop++;
        ms->min_gallop = min_gallop;
    }

first_b:
    /* One b-item left: it belongs before all remaining a-items. */
    di -= na;
    ai -= na;
    slice_move(&out, di + 1, &out, ai + 1, na);
    slice_copy_one(&out, di, &b_base, bi);
    return 0;

fail:
    result = -1;
finish:
    /* The unplaced b-items fill the gap that ends at di. */
    if (nb > 0) {
        slice_copy(&out, di - (nb - 1), &b_base, 0, nb);
    }
    return result;
}

/* Merge pending runs i and i + 1 into run i. */
static int
merge_at(MergeState *ms, int i)
{
    sortslice a = ms->pending[i].base;
    Py_ssize_t na = ms->pending[i].len;
    sortslice b = ms->pending[i + 1].base;
    Py_ssize_t nb = ms->pending[i + 1].len;

    ms->pending[i].len = na + nb;
    ms->pending[i].power = ms->pending[i + 1].power;
    for (int j = i + 1; j < ms->npending - 1; j++) {
        ms->pending[j] = ms->pending[j + 1];
    }
    ms->npending--;

    /* a-items not above b[0] are already in place. */
    Py_ssize_t k = gallop_right(ms, b.keys[0], a.keys, na, 0);
    if (k < 0) {
        return -1;
    }
    slice_advance(&a, k);
    na -= k;
    if (na == 0) {
        return 0;
    }
    /* So are b-items not below a's last. */
    nb = gallop_left(ms, a.keys[na - 1], b.keys, nb, nb - 1);
    if (nb <= 0) {
        return (int)nb;
    }
    if (na <= nb) {
        return merge_lo(ms, a, na, b, nb);
    }
    return merge_hi(ms, a, na, b, nb);
}

/* ---- driver ------------------------------------------------------------- */

int
_PyList_TimSort(PyObject **keys, PyObject **values, Py_ssize_t n)
{
    if (n < 2) {
        return 0;
    }
    MergeState ms;
    merge_init(&ms, n, values != NULL);
    choose_less_than(&ms, keys, n);

    int result = 0;
    sortslice lo = {keys, values};
    Py_ssize_t remaining = n;
    Py_ssize_t minrun = compute_minrun(n);
    while (remaining > 0) {
        Py_ssize_t run = count_run(&ms, &lo, remaining);
        if (run < 0) {
            goto fail;
        }
        if (run < minrun) {
            Py_ssize_t forced = remaining < minrun ? remaining : minrun;
            if (binary_insertion_sort(&ms, &lo, forced, run) < 0) {
                goto fail;
            }
            run = forced;
        }
        if (ms.npending > 0) {
            pending_run *top = &ms.pending[ms.npending - 1];
            int power = boundary_power(top->base.keys - keys, top->len, run,
                                       n);
            while (ms.npending > 1
                   && ms.pending[ms.npending - 2].power > power) {
                if (merge_at(&ms, ms.npending - 2) < 0) {
                    goto fail;
                }
            }
            ms.pending[ms.npending - 1].power = power;
        }
        /* Powers grow strictly up the stack, so it cannot fill; this only
           guards against that reasoning being wrong. */
        if (ms.npending == MAX_PENDING
            && merge_at(&ms, ms.npending - 2) < 0) {
            goto fail;
        }
        ms.pending[ms.npending].base = lo;
        ms.pending[ms.npending].len = run;
        ms.pending[ms.npending].power = 0;
        ms.npending++;
        slice_advance(&lo, run);
        remaining -= run;
    }
    while (ms.npending > 1) {
        if (merge_at(&ms, ms.npending - 2) < 0) {
            goto fail;
        }
    }
    goto done;

fail:
    result = -1;
done:
    merge_free_temp(&ms);
    return result;
}
