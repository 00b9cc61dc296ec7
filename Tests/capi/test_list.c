/* Tests of the sequence objects through the C API: list (and its
   Timsort), tuple, range, slice and cell. */
#include "testlib.h"

/* ---- helpers ------------------------------------------------------------ */

/* The pending exception is of type `type` and its str() is `message`;
   clears it.  Returns 1 on a match. */
static int
raised(PyObject *type, const char *message)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) {
        fprintf(stderr, "    expected an exception: %s\n", message);
        return 0;
    }
    int ok = PyErr_GivenExceptionMatches(exc, type);
    PyObject *text = PyObject_Str(exc);
    const char *utf8 = text ? PyUnicode_AsUTF8(text) : NULL;
    if (utf8 == NULL || strcmp(utf8, message) != 0) {
        fprintf(stderr, "    got message \"%s\", expected \"%s\"\n",
                utf8 ? utf8 : "?", message);
        ok = 0;
    }
    Py_XDECREF(text);
    Py_DECREF(exc);
    PyErr_Clear();
    return ok;
}

/* A list of ints [v0, v1, ...]. */
static PyObject *
int_list(Py_ssize_t n, const long *values)
{
    PyObject *list = PyList_New(n);
    for (Py_ssize_t i = 0; list && i < n; i++) {
        PyList_SET_ITEM(list, i, PyLong_FromLong(values[i]));
    }
    return list;
}

/* list(range(n)) built through the C API. */
static PyObject *
range_list(Py_ssize_t n)
{
    PyObject *list = PyList_New(0);
    for (Py_ssize_t i = 0; list && i < n; i++) {
        PyObject *v = PyLong_FromSsize_t(i);
        PyList_Append(list, v);
        Py_DECREF(v);
    }
    return list;
}

/* repr(obj) compared with `text`; obj is borrowed. */
#define CHECK_REPR(obj, text) CHECK_STR(PyObject_Repr(obj), (text))

static PyObject *
call1(PyObject *callable, PyObject *arg)
{
    PyObject *args = PyTuple_Pack(1, arg);
    PyObject *result = PyObject_Call(callable, args, NULL);
    Py_DECREF(args);
    return result;
}

static PyObject *
call3(PyObject *callable, PyObject *a, PyObject *b, PyObject *c)
{
    PyObject *args = PyTuple_Pack(3, a, b, c);
    PyObject *result = PyObject_Call(callable, args, NULL);
    Py_DECREF(args);
    return result;
}

/* obj.name(*args, **kwargs) with kwargs given as name/value pairs. */
static PyObject *
call_method_kw(PyObject *obj, const char *name, PyObject *args,
               const char *k1, PyObject *v1, const char *k2, PyObject *v2)
{
    PyObject *method = PyObject_GetAttrString(obj, name);
    if (method == NULL) {
        return NULL;
    }
    PyObject *kwargs = PyDict_New();
    if (k1 != NULL) {
        PyDict_SetItemString(kwargs, k1, v1);
    }
    if (k2 != NULL) {
        PyDict_SetItemString(kwargs, k2, v2);
    }
    PyObject *empty = PyTuple_New(0);
    PyObject *result = PyObject_Call(method, args ? args : empty, kwargs);
    Py_DECREF(empty);
    Py_DECREF(kwargs);
    Py_DECREF(method);
    return result;
}

static PyObject *
big_int(const char *digits)
{
    return PyLong_FromString(digits, NULL, 10);
}

/* Deterministic pseudo-random numbers (a 64-bit LCG). */
static uint64_t rng_state;

static long
next_random(long modulus)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (long)((rng_state >> 33) % (uint64_t)modulus);
}

/* ---- a comparable type that counts comparisons -------------------------- */

typedef struct {
    PyObject_HEAD
    long value;
} CountedObject;

static Py_ssize_t compare_count;
static Py_ssize_t fail_after = -1;      /* raise on this comparison */
static PyObject *append_during_compare; /* list to grow while comparing */

static PyObject *
counted_richcompare(PyObject *a, PyObject *b, int op)
{
    compare_count++;
    if (fail_after >= 0 && compare_count >= fail_after) {
        PyErr_SetString(PyExc_RuntimeError, "comparison failed");
        return NULL;
    }
    if (append_during_compare != NULL
        && PyList_Append(append_during_compare, Py_None) < 0) {
        return NULL;
    }
    long x = ((CountedObject *)a)->value, y = ((CountedObject *)b)->value;
    Py_RETURN_RICHCOMPARE(x, y, op);
}

static void
counted_dealloc(PyObject *op)
{
    PyObject_Free(op);
}

static PyTypeObject Counted_Type = {
    .ob_base = { .ob_base = _PyObject_HEAD_INIT(&PyType_Type), .ob_size = 0 },
    .tp_name = "counted",
    .tp_basicsize = sizeof(CountedObject),
    .tp_dealloc = counted_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_richcompare = counted_richcompare,
};

static PyObject *
new_counted(long value)
{
    CountedObject *op = PyObject_New(CountedObject, &Counted_Type);
    if (op != NULL) {
        op->value = value;
    }
    return (PyObject *)op;
}

static PyObject *
counted_list(Py_ssize_t n, const long *values)
{
    PyObject *list = PyList_New(n);
    for (Py_ssize_t i = 0; list && i < n; i++) {
        PyList_SET_ITEM(list, i, new_counted(values[i]));
    }
    return list;
}

static long
counted_value(PyObject *list, Py_ssize_t i)
{
    return ((CountedObject *)PyList_GET_ITEM(list, i))->value;
}

static int
compare_longs(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

/* ---- list: C API -------------------------------------------------------- */

static void
test_list_basic_api(void)
{
    PyObject *list = PyList_New(0);
    CHECK(list != NULL && PyList_CheckExact(list) && PyList_Size(list) == 0);
    for (long i = 0; i < 100; i++) {
        PyObject *v = PyLong_FromLong(i);
        CHECK(PyList_Append(list, v) == 0);
        Py_DECREF(v);
    }
    CHECK(PyList_GET_SIZE(list) == 100);
    CHECK(PyLong_AsLong(PyList_GetItem(list, 42)) == 42);
    CHECK(PyList_GetItem(list, 100) == NULL);
    CHECK(raised(PyExc_IndexError, "list index out of range"));
    CHECK(PyList_GetItem(list, -1) == NULL);
    CHECK(raised(PyExc_IndexError, "list index out of range"));

    PyObject *ref = PyList_GetItemRef(list, 7);
    CHECK(ref != NULL && PyLong_AsLong(ref) == 7);
    Py_XDECREF(ref);
    CHECK(PyList_GetItemRef(Py_None, 0) == NULL);
    CHECK(raised(PyExc_TypeError, "expected a list"));

    PyObject *minus = PyLong_FromLong(-1);
    CHECK(PyList_Insert(list, 0, minus) == 0);
    CHECK(PyList_Insert(list, -1, minus) == 0);      /* before the last */
    CHECK(PyList_Insert(list, 1000, minus) == 0);    /* clamped: appends */
    Py_DECREF(minus);
    CHECK(PyList_GET_SIZE(list) == 103);
    CHECK(PyLong_AsLong(PyList_GET_ITEM(list, 0)) == -1);
    CHECK(PyLong_AsLong(PyList_GET_ITEM(list, 100)) == -1);
    CHECK(PyLong_AsLong(PyList_GET_ITEM(list, 101)) == 99);
    CHECK(PyLong_AsLong(PyList_GET_ITEM(list, 102)) == -1);

    CHECK(PyList_SetItem(list, 0, PyLong_FromLong(500)) == 0);
    CHECK(PyLong_AsLong(PyList_GET_ITEM(list, 0)) == 500);
    CHECK(PyList_SetItem(list, 103, PyLong_FromLong(1)) == -1);
    CHECK(raised(PyExc_IndexError, "list assignment index out of range"));

    CHECK(PyList_Reverse(list) == 0);
    CHECK(PyLong_AsLong(PyList_GET_ITEM(list, 102)) == 500);
    CHECK(PyList_Sort(list) == 0);
    CHECK(PyLong_AsLong(PyList_GET_ITEM(list, 0)) == -1);
    CHECK(PyLong_AsLong(PyList_GET_ITEM(list, 102)) == 500);

    PyObject *tuple = PyList_AsTuple(list);
    CHECK(tuple != NULL && PyTuple_GET_SIZE(tuple) == 103);
    CHECK(PyLong_AsLong(PyTuple_GET_ITEM(tuple, 3)) == 1);
    Py_XDECREF(tuple);

    CHECK(PyList_Extend(list, list) == 0);
    CHECK(PyList_GET_SIZE(list) == 206);
    CHECK(PyLong_AsLong(PyList_GET_ITEM(list, 103)) == -1);
    CHECK(PyList_Clear(list) == 0);
    CHECK(PyList_GET_SIZE(list) == 0);
    CHECK(PyList_Append(Py_None, Py_None) == -1);
    CHECK_RAISES(PyExc_SystemError);
    Py_DECREF(list);
}

static void
test_list_extend_iterables(void)
{
    PyObject *list = PyList_New(0);
    PyObject *tuple = PyTuple_Pack(2, Py_None, Py_True);
    CHECK(PyList_Extend(list, tuple) == 0);
    PyObject *five = PyLong_FromLong(5);
    PyObject *r = call1((PyObject *)&PyRange_Type, five);
    Py_DECREF(five);
    CHECK(r != NULL);
    CHECK(PyList_Extend(list, r) == 0);
    CHECK_REPR(list, "[None, True, 0, 1, 2, 3, 4]");
    CHECK(PyList_Extend(list, Py_None) == -1);
    CHECK(raised(PyExc_TypeError, "'NoneType' object is not iterable"));

    /* list(iterable) through the type, and the empty list's repr. */
    PyObject *copy = call1((PyObject *)&PyList_Type, r);
    CHECK_REPR(copy, "[0, 1, 2, 3, 4]");
    PyObject *empty = PyObject_CallNoArgs((PyObject *)&PyList_Type);
    CHECK_REPR(empty, "[]");
    Py_XDECREF(empty);
    Py_XDECREF(copy);
    Py_XDECREF(r);
    Py_DECREF(tuple);
    Py_DECREF(list);
}

static void
test_list_iterators(void)
{
    PyObject *list = range_list(3);
    PyObject *it = PyObject_GetIter(list);
    PyObject *hint = PyObject_CallMethod(it, "__length_hint__", NULL);
    CHECK(hint != NULL && PyLong_AsLong(hint) == 3);
    Py_XDECREF(hint);
    long total = 0;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        total += PyLong_AsLong(item);
        /* Growing the list while iterating extends the iteration. */
        if (PyLong_AsLong(item) == 2) {
            PyObject *ten = PyLong_FromLong(10);
            PyList_Append(list, ten);
            Py_DECREF(ten);
        }
        Py_DECREF(item);
    }
    CHECK(!PyErr_Occurred() && total == 13);
    /* Once exhausted, an iterator stays exhausted. */
    PyList_Append(list, Py_None);
    CHECK(PyIter_Next(it) == NULL && !PyErr_Occurred());
    Py_DECREF(it);

    /* A reverse iterator over a list that shrinks stops early. */
    PyObject *rev = PyObject_CallMethod(list, "__reversed__", NULL);
    item = PyIter_Next(rev);
    CHECK(item == Py_None);
    Py_XDECREF(item);
    CHECK(PyList_SetSlice(list, 1, 5, NULL) == 0);
    CHECK(PyIter_Next(rev) == NULL && !PyErr_Occurred());
    Py_DECREF(rev);

    /* list.__init__ replaces the contents. */
    PyObject *init = PyObject_GetAttrString(list, "__init__");
    PyObject *tuple = PyTuple_Pack(2, Py_True, Py_False);
    PyObject *res = call1(init, tuple);
    CHECK(res == Py_None);
    Py_XDECREF(res);
    CHECK_REPR(list, "[True, False]");
    Py_DECREF(tuple);
    Py_XDECREF(init);
    Py_DECREF(list);
}

static void
test_list_repr_recursive(void)
{
    PyObject *list = range_list(2);
    PyObject *inner = PyList_New(0);
    PyList_Append(inner, list);
    PyList_Append(list, inner);
    PyList_Append(list, list);
    CHECK_REPR(list, "[0, 1, [[...]], [...]]");
    /* Break the cycle by hand: the collector is not relied upon here. */
    PyList_Clear(list);
    Py_DECREF(inner);
    Py_DECREF(list);
}

static void
test_list_methods(void)
{
    long values[] = {3, 1, 4, 1, 5, 9, 2, 6};
    PyObject *list = int_list(8, values);
    PyObject *one = PyLong_FromLong(1), *seven = PyLong_FromLong(7);

    PyObject *res = PyObject_CallMethod(list, "count", "O", one);
    CHECK(res != NULL && PyLong_AsLong(res) == 2);
    Py_XDECREF(res);
    res = PyObject_CallMethod(list, "index", "O", one);
    CHECK(res != NULL && PyLong_AsLong(res) == 1);
    Py_XDECREF(res);
    res = PyObject_CallMethod(list, "index", "Oi", one, 2);
    CHECK(res != NULL && PyLong_AsLong(res) == 3);
    Py_XDECREF(res);
    CHECK(PyObject_CallMethod(list, "index", "Oii", one, 4, 8) == NULL);
    CHECK(raised(PyExc_ValueError, "1 is not in list"));
    CHECK(PyObject_CallMethod(list, "index", "OO", one, Py_None) == NULL);
    CHECK(raised(PyExc_TypeError, "slice indices must be integers or "
                                  "have an __index__ method"));

    CHECK(PySequence_Contains(list, seven) == 0);
    CHECK(PySequence_Contains(list, one) == 1);

    res = PyObject_CallMethod(list, "remove", "O", one);
    CHECK(res == Py_None);
    CHECK_REPR(list, "[3, 4, 1, 5, 9, 2, 6]");
    CHECK(PyObject_CallMethod(list, "remove", "O", seven) == NULL);
    CHECK(raised(PyExc_ValueError, "list.remove(x): x not in list"));

    res = PyObject_CallMethod(list, "pop", NULL);
    CHECK(res != NULL && PyLong_AsLong(res) == 6);
    Py_XDECREF(res);
    res = PyObject_CallMethod(list, "pop", "i", 0);
    CHECK(res != NULL && PyLong_AsLong(res) == 3);
    Py_XDECREF(res);
    res = PyObject_CallMethod(list, "pop", "i", -2);
    CHECK(res != NULL && PyLong_AsLong(res) == 9);
    Py_XDECREF(res);
    CHECK_REPR(list, "[4, 1, 5, 2]");
    CHECK(PyObject_CallMethod(list, "pop", "i", 4) == NULL);
    CHECK(raised(PyExc_IndexError, "pop index out of range"));

    res = PyObject_CallMethod(list, "insert", "iO", -100, seven);
    Py_XDECREF(res);
    CHECK_REPR(list, "[7, 4, 1, 5, 2]");
    CHECK(PyObject_CallMethod(list, "insert", "i", 1) == NULL);
    CHECK(raised(PyExc_TypeError, "insert expected 2 arguments, got 1"));

    PyObject *copy = PyObject_CallMethod(list, "copy", NULL);
    CHECK(copy != list && PyObject_RichCompareBool(copy, list, Py_EQ) == 1);
    res = PyObject_CallMethod(list, "clear", NULL);
    Py_XDECREF(res);
    CHECK(PyList_GET_SIZE(list) == 0 && PyList_GET_SIZE(copy) == 5);
    CHECK(PyObject_CallMethod(list, "pop", NULL) == NULL);
    CHECK(raised(PyExc_IndexError, "pop from empty list"));

    /* reversed() and the reverse iterator's length hint. */
    PyObject *rev = PyObject_CallMethod(copy, "__reversed__", NULL);
    PyObject *hint = PyObject_CallMethod(rev, "__length_hint__", NULL);
    CHECK(hint != NULL && PyLong_AsLong(hint) == 5);
    Py_XDECREF(hint);
    PyObject *back = call1((PyObject *)&PyList_Type, rev);
    CHECK_REPR(back, "[2, 5, 1, 4, 7]");
    Py_XDECREF(back);
    Py_XDECREF(rev);

    /* Hashing a list fails; __sizeof__ counts the allocated slots. */
    CHECK(PyObject_Hash(copy) == -1);
    CHECK(raised(PyExc_TypeError, "unhashable type: 'list'"));
    res = PyObject_CallMethod(list, "__sizeof__", NULL);
    CHECK(res != NULL && PyLong_AsLong(res) == (long)sizeof(PyListObject));
    Py_XDECREF(res);

    Py_DECREF(copy);
    Py_DECREF(one);
    Py_DECREF(seven);
    Py_DECREF(list);
}

static void
test_list_operators(void)
{
    long a_values[] = {1, 2, 3}, b_values[] = {1, 2, 4};
    PyObject *a = int_list(3, a_values), *b = int_list(3, b_values);
    CHECK(PyObject_RichCompareBool(a, b, Py_LT) == 1);
    CHECK(PyObject_RichCompareBool(a, b, Py_EQ) == 0);
    CHECK(PyObject_RichCompareBool(b, a, Py_GE) == 1);
    PyObject *prefix = PyList_GetSlice(a, 0, 2);
    CHECK(PyObject_RichCompareBool(prefix, a, Py_LT) == 1);
    CHECK(PyObject_RichCompareBool(prefix, a, Py_NE) == 1);

    PyObject *sum = PyNumber_Add(a, b);
    CHECK_REPR(sum, "[1, 2, 3, 1, 2, 4]");
    PyObject *tuple = PyTuple_New(0);
    CHECK(PyNumber_Add(a, tuple) == NULL);
    CHECK(raised(PyExc_TypeError,
                 "can only concatenate list (not \"tuple\") to list"));
    PyObject *rep = PySequence_Repeat(prefix, 3);
    CHECK_REPR(rep, "[1, 2, 1, 2, 1, 2]");
    PyObject *none = PySequence_Repeat(prefix, -1);
    CHECK_REPR(none, "[]");

    /* In-place forms mutate and return the same object. */
    PyObject *same = PySequence_InPlaceConcat(prefix, tuple);
    CHECK(same == prefix);
    Py_XDECREF(same);
    same = PySequence_InPlaceRepeat(prefix, 2);
    CHECK(same == prefix);
    Py_XDECREF(same);
    CHECK_REPR(prefix, "[1, 2, 1, 2]");
    same = PySequence_InPlaceRepeat(prefix, 0);
    Py_XDECREF(same);
    CHECK(PyList_GET_SIZE(prefix) == 0);

    Py_XDECREF(none);
    Py_XDECREF(rep);
    Py_DECREF(tuple);
    Py_XDECREF(sum);
    Py_DECREF(prefix);
    Py_DECREF(a);
    Py_DECREF(b);
}

/* ---- list: slices ------------------------------------------------------- */

static PyObject *
make_slice(long start, long stop, long step, int has_start, int has_stop,
           int has_step)
{
    PyObject *a = has_start ? PyLong_FromLong(start) : Py_NewRef(Py_None);
    PyObject *b = has_stop ? PyLong_FromLong(stop) : Py_NewRef(Py_None);
    PyObject *c = has_step ? PyLong_FromLong(step) : Py_NewRef(Py_None);
    PyObject *s = PySlice_New(a, b, c);
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(c);
    return s;
}

static PyObject *
str_list(const char *chars)
{
    PyObject *list = PyList_New(0);
    for (const char *p = chars; *p; p++) {
        PyObject *s = PyUnicode_FromStringAndSize(p, 1);
        PyList_Append(list, s);
        Py_DECREF(s);
    }
    return list;
}

static void
test_list_slice_assignment(void)
{
    /* a[2:5] = ['x', 'y'] shrinks the list. */
    PyObject *list = range_list(10);
    PyObject *xy = str_list("xy");
    CHECK(PyList_SetSlice(list, 2, 5, xy) == 0);
    CHECK_REPR(list, "[0, 1, 'x', 'y', 5, 6, 7, 8, 9]");
    /* Growing, inserting, deleting. */
    PyObject *abc = str_list("abc");
    CHECK(PyList_SetSlice(list, 0, 1, abc) == 0);
    CHECK_REPR(list, "['a', 'b', 'c', 1, 'x', 'y', 5, 6, 7, 8, 9]");
    CHECK(PyList_SetSlice(list, 3, 3, xy) == 0);
    CHECK_REPR(list, "['a', 'b', 'c', 'x', 'y', 1, 'x', 'y', 5, 6, 7, 8, 9]");
    CHECK(PyList_SetSlice(list, 1, 11, NULL) == 0);
    CHECK_REPR(list, "['a', 8, 9]");
    CHECK(PyList_SetSlice(list, -5, 100, NULL) == 0);   /* C API clips */
    CHECK_REPR(list, "[]");
    Py_DECREF(list);

    /* Assigning a list to a slice of itself. */
    list = range_list(4);
    CHECK(PyList_SetSlice(list, 1, 3, list) == 0);
    CHECK_REPR(list, "[0, 0, 1, 2, 3, 3]");
    Py_DECREF(list);

    /* Through the subscript protocol: a[5:2] = [100] inserts at 5,
       a[-2:] = [] deletes the tail. */
    list = range_list(6);
    PyObject *s = make_slice(5, 2, 0, 1, 1, 0);
    PyObject *hundred = PyLong_FromLong(100);
    PyObject *one_item = PyList_New(0);
    PyList_Append(one_item, hundred);
    CHECK(PyObject_SetItem(list, s, one_item) == 0);
    CHECK_REPR(list, "[0, 1, 2, 3, 4, 100, 5]");
    Py_DECREF(s);
    s = make_slice(-2, 0, 0, 1, 0, 0);
    PyObject *empty = PyList_New(0);
    CHECK(PyObject_SetItem(list, s, empty) == 0);
    CHECK_REPR(list, "[0, 1, 2, 3, 4]");
    Py_DECREF(s);
    CHECK(PyObject_SetItem(list, hundred, empty) == -1);
    CHECK(raised(PyExc_IndexError, "list assignment index out of range"));
    s = make_slice(0, 1, 0, 1, 1, 0);
    CHECK(PyObject_SetItem(list, s, Py_None) == -1);
    CHECK(raised(PyExc_TypeError, "can only assign an iterable"));
    Py_DECREF(s);
    Py_DECREF(list);

    Py_DECREF(empty);
    Py_DECREF(one_item);
    Py_DECREF(hundred);
    Py_DECREF(abc);
    Py_DECREF(xy);
}

static void
test_list_extended_slices(void)
{
    PyObject *abc = str_list("abc");
    PyObject *list = range_list(6);
    PyObject *s = make_slice(0, 0, 2, 0, 0, 1);          /* [::2] */
    CHECK(PyObject_SetItem(list, s, abc) == 0);
    CHECK_REPR(list, "['a', 1, 'b', 3, 'c', 5]");
    PyObject *got = PyObject_GetItem(list, s);
    CHECK_REPR(got, "['a', 'b', 'c']");
    Py_XDECREF(got);
    Py_DECREF(s);
    Py_DECREF(list);

    list = range_list(6);
    s = make_slice(0, 0, -2, 0, 0, 1);                   /* [::-2] */
    CHECK(PyObject_SetItem(list, s, abc) == 0);
    CHECK_REPR(list, "[0, 'c', 2, 'b', 4, 'a']");
    Py_DECREF(s);

    /* Size mismatch: CPython's message. */
    s = make_slice(0, 3, 2, 1, 1, 1);                    /* [0:3:2] */
    CHECK(PyObject_SetItem(list, s, abc) == -1);
    CHECK(raised(PyExc_ValueError, "attempt to assign sequence of size 3 "
                                   "to extended slice of size 2"));
    CHECK(PyObject_SetItem(list, s, Py_None) == -1);
    CHECK(raised(PyExc_TypeError, "must assign iterable to extended slice"));
    Py_DECREF(s);
    s = make_slice(0, 0, 0, 0, 0, 1);                    /* [::0] */
    CHECK(PyObject_GetItem(list, s) == NULL);
    CHECK(raised(PyExc_ValueError, "slice step cannot be zero"));
    Py_DECREF(s);
    Py_DECREF(list);

    /* a[::-1] = a reverses through a snapshot. */
    list = range_list(5);
    s = make_slice(0, 0, -1, 0, 0, 1);
    CHECK(PyObject_SetItem(list, s, list) == 0);
    CHECK_REPR(list, "[4, 3, 2, 1, 0]");
    got = PyObject_GetItem(list, s);
    CHECK_REPR(got, "[0, 1, 2, 3, 4]");
    Py_XDECREF(got);
    Py_DECREF(s);
    Py_DECREF(list);

    /* Deleting extended slices, both directions. */
    list = range_list(10);
    s = make_slice(0, 0, -2, 0, 0, 1);
    CHECK(PyObject_DelItem(list, s) == 0);
    CHECK_REPR(list, "[0, 2, 4, 6, 8]");
    Py_DECREF(s);
    Py_DECREF(list);
    list = range_list(10);
    s = make_slice(1, 8, 3, 1, 1, 1);
    CHECK(PyObject_DelItem(list, s) == 0);
    CHECK_REPR(list, "[0, 2, 3, 5, 6, 8, 9]");
    Py_DECREF(s);
    /* An empty extended slice: nothing to delete or assign. */
    s = make_slice(5, 2, 2, 1, 1, 1);
    CHECK(PyObject_DelItem(list, s) == 0);
    PyObject *empty = PyTuple_New(0);
    CHECK(PyObject_SetItem(list, s, empty) == 0);
    CHECK_REPR(list, "[0, 2, 3, 5, 6, 8, 9]");
    Py_DECREF(empty);
    Py_DECREF(s);
    Py_DECREF(list);
    Py_DECREF(abc);
}

/* ---- list: sorting ------------------------------------------------------ */

static void
test_sort_random_sizes(void)
{
    static const Py_ssize_t sizes[] = {0, 1, 2, 3, 10, 31, 63, 64, 65, 127,
                                       200, 1000, 4099};
    rng_state = 12345;
    for (size_t s = 0; s < Py_ARRAY_LENGTH(sizes); s++) {
        Py_ssize_t n = sizes[s];
        long *values = malloc(sizeof(long) * (size_t)(n + 1));
        /* Few distinct values for some sizes, many for others. */
        long modulus = (s % 2) ? 1000000 : 17;
        for (Py_ssize_t i = 0; i < n; i++) {
            values[i] = next_random(modulus) - modulus / 2;
        }
        PyObject *list = int_list(n, values);
        CHECK(PyList_Sort(list) == 0);
        qsort(values, (size_t)n, sizeof(long), compare_longs);
        int same = PyList_GET_SIZE(list) == n;
        for (Py_ssize_t i = 0; same && i < n; i++) {
            same = PyLong_AsLong(PyList_GET_ITEM(list, i)) == values[i];
        }
        CHECK(same);
        Py_DECREF(list);
        free(values);
    }
}

/* Big ints and floats take other comparison paths than small ints. */
static void
test_sort_mixed_kinds(void)
{
    rng_state = 99;
    PyObject *list = PyList_New(0);
    PyObject *shift = PyLong_FromLong(70);
    for (int i = 0; i < 300; i++) {
        PyObject *v = PyLong_FromLong(next_random(1000) - 500);
        PyObject *big = PyNumber_Lshift(v, shift);
        PyList_Append(list, (i % 3) ? big : v);
        Py_DECREF(v);
        Py_DECREF(big);
    }
    CHECK(PyList_Sort(list) == 0);
    int sorted = 1;
    for (Py_ssize_t i = 1; i < PyList_GET_SIZE(list); i++) {
        sorted &= PyObject_RichCompareBool(PyList_GET_ITEM(list, i - 1),
                                           PyList_GET_ITEM(list, i),
                                           Py_LE) == 1;
    }
    CHECK(sorted);
    Py_DECREF(list);

    list = PyList_New(0);
    for (int i = 0; i < 300; i++) {
        PyObject *f = PyFloat_FromDouble((double)next_random(100000) / 7.0);
        PyList_Append(list, f);
        Py_DECREF(f);
    }
    CHECK(PyList_Sort(list) == 0);
    sorted = 1;
    for (Py_ssize_t i = 1; i < PyList_GET_SIZE(list); i++) {
        sorted &= PyFloat_AsDouble(PyList_GET_ITEM(list, i - 1))
                  <= PyFloat_AsDouble(PyList_GET_ITEM(list, i));
    }
    CHECK(sorted);
    Py_DECREF(list);

    /* Unorderable mixtures raise the comparison's TypeError. */
    list = PyList_New(0);
    PyObject *one = PyLong_FromLong(1);
    PyObject *text = PyUnicode_FromString("a");
    PyList_Append(list, one);
    PyList_Append(list, text);
    CHECK(PyList_Sort(list) == -1);
    CHECK(raised(PyExc_TypeError,
                 "'<' not supported between instances of 'str' and 'int'"));
    CHECK(PyList_GET_SIZE(list) == 2);
    Py_DECREF(text);
    Py_DECREF(one);
    Py_DECREF(list);
    Py_DECREF(shift);
}

/* Neighbours are in order by the object protocol's own "<=". */
static int
list_is_sorted(PyObject *list)
{
    for (Py_ssize_t i = 1; i < PyList_GET_SIZE(list); i++) {
        if (PyObject_RichCompareBool(PyList_GET_ITEM(list, i - 1),
                                     PyList_GET_ITEM(list, i), Py_LE) != 1) {
            return 0;
        }
    }
    return 1;
}

/* Strings (one-byte and wider) and tuples have their own comparison
   paths in the sort; they must agree with the object protocol. */
static void
test_sort_strings_and_tuples(void)
{
    static const char *const words[] = {
        "pear", "apple", "", "appl", "\xc3\xa9t\xc3\xa9", "zebra", "Zebra",
        "apple", "\xc3\xbf", "a",
        /* the last two need two bytes per character */
        "\xe2\x82\xac", "a\xe2\x82\xac"};
    rng_state = 5;
    for (int wide = 0; wide < 2; wide++) {
        PyObject *list = PyList_New(0);
        for (int i = 0; i < 400; i++) {
            size_t w = (size_t)next_random(Py_ARRAY_LENGTH(words) - 2);
            if (wide) {
                w = (size_t)next_random(Py_ARRAY_LENGTH(words));
            }
            char buf[64];
            snprintf(buf, sizeof buf, "%s%ld", words[w], next_random(50));
            PyObject *str = PyUnicode_FromString(buf);
            PyList_Append(list, str);
            Py_DECREF(str);
        }
        CHECK(PyList_Sort(list) == 0);
        CHECK(PyList_GET_SIZE(list) == 400 && list_is_sorted(list));
        Py_DECREF(list);
    }

    /* Records compared as whole tuples: ties on the first item are
       broken by the second, strings or ints first. */
    for (int kind = 0; kind < 3; kind++) {
        PyObject *list = PyList_New(0);
        for (int i = 0; i < 500; i++) {
            long k = next_random(7);
            PyObject *first;
            if (kind == 0) {
                first = PyLong_FromLong(k);
            }
            else if (kind == 1) {
                first = PyUnicode_FromString(words[k]);
            }
            else {
                first = PyFloat_FromDouble((double)k / 2);
            }
            PyObject *second = PyLong_FromLong(next_random(1000));
            PyObject *record = (i % 10 == 9) ? PyTuple_Pack(1, first)
                                             : PyTuple_Pack(2, first, second);
            PyList_Append(list, record);
            Py_DECREF(record);
            Py_DECREF(first);
            Py_DECREF(second);
        }
        CHECK(PyList_Sort(list) == 0);
        CHECK(PyList_GET_SIZE(list) == 500 && list_is_sorted(list));
        Py_DECREF(list);
    }
}

/* The key function used by the stability tests: item[0], counting calls. */
static Py_ssize_t key_calls;

static PyObject *
first_item(PyObject *Py_UNUSED(module), PyObject *item)
{
    key_calls++;
    return Py_NewRef(PyTuple_GetItem(item, 0));
}

static PyMethodDef first_item_def = {"first_item", first_item, METH_O, NULL};

/* n records (key, serial) with keys in [0, distinct). */
static PyObject *
make_records(Py_ssize_t n, long distinct)
{
    PyObject *list = PyList_New(n);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *key = PyLong_FromLong(next_random(distinct));
        PyObject *serial = PyLong_FromSsize_t(i);
        PyList_SET_ITEM(list, i, PyTuple_Pack(2, key, serial));
        Py_DECREF(key);
        Py_DECREF(serial);
    }
    return list;
}

static long
record_field(PyObject *list, Py_ssize_t i, Py_ssize_t field)
{
    return PyLong_AsLong(PyTuple_GET_ITEM(PyList_GET_ITEM(list, i), field));
}

/* Keys ordered (ascending or descending) and equal keys in their original
   (serial) order. */
static int
records_stably_sorted(PyObject *list, int descending)
{
    for (Py_ssize_t i = 1; i < PyList_GET_SIZE(list); i++) {
        long k0 = record_field(list, i - 1, 0), k1 = record_field(list, i, 0);
        if (descending ? k0 < k1 : k0 > k1) {
            return 0;
        }
        if (k0 == k1
            && record_field(list, i - 1, 1) >= record_field(list, i, 1)) {
            return 0;
        }
    }
    return 1;
}

static void
test_sort_stability_with_key(void)
{
    PyObject *key = PyCFunction_New(&first_item_def, NULL);
    static const Py_ssize_t sizes[] = {5, 50, 500, 3000};
    rng_state = 7;
    for (size_t s = 0; s < Py_ARRAY_LENGTH(sizes); s++) {
        PyObject *list = make_records(sizes[s], 10);
        key_calls = 0;
        PyObject *res = call_method_kw(list, "sort", NULL, "key", key,
                                       NULL, NULL);
        CHECK(res == Py_None);
        Py_XDECREF(res);
        CHECK(key_calls == sizes[s]);   /* once per element */
        CHECK(records_stably_sorted(list, 0));
        Py_DECREF(list);
    }
    Py_DECREF(key);
}

static void
test_sort_reverse_stability(void)
{
    PyObject *key = PyCFunction_New(&first_item_def, NULL);
    rng_state = 8;
    for (Py_ssize_t n = 10; n <= 2560; n *= 4) {
        PyObject *list = make_records(n, 5);
        PyObject *res = call_method_kw(list, "sort", NULL, "key", key,
                                       "reverse", Py_True);
        CHECK(res == Py_None);
        Py_XDECREF(res);
        CHECK(records_stably_sorted(list, 1));
        Py_DECREF(list);
    }
    /* Without a key on equal-comparing objects: identity order kept. */
    PyObject *list = PyList_New(0);
    PyObject *items[4];
    for (int i = 0; i < 4; i++) {
        items[i] = PyFloat_FromDouble(i < 2 ? 1.0 : 2.0);
        PyList_Append(list, items[i]);
    }
    PyObject *res = call_method_kw(list, "sort", NULL, "reverse", Py_True,
                                   NULL, NULL);
    Py_XDECREF(res);
    CHECK(PyList_GET_ITEM(list, 0) == items[2]);
    CHECK(PyList_GET_ITEM(list, 1) == items[3]);
    CHECK(PyList_GET_ITEM(list, 2) == items[0]);
    CHECK(PyList_GET_ITEM(list, 3) == items[1]);
    for (int i = 0; i < 4; i++) {
        Py_DECREF(items[i]);
    }
    Py_DECREF(list);

    /* Bad arguments. */
    list = range_list(3);
    CHECK(call_method_kw(list, "sort", NULL, "cmp", Py_None, NULL, NULL)
          == NULL);
    CHECK(raised(PyExc_TypeError,
                 "sort() got an unexpected keyword argument 'cmp'"));
    PyObject *args = PyTuple_Pack(1, Py_None);
    CHECK(call_method_kw(list, "sort", args, NULL, NULL, NULL, NULL) == NULL);
    CHECK(raised(PyExc_TypeError, "sort() takes no positional arguments"));
    Py_DECREF(args);
    Py_DECREF(list);
    Py_DECREF(key);
}

static void
test_sort_comparison_counts(void)
{
    const Py_ssize_t n = 2000;
    long *values = malloc(sizeof(long) * (size_t)n);

    /* Sorted input: one run, n - 1 comparisons. */
    for (Py_ssize_t i = 0; i < n; i++) {
        values[i] = (long)i;
    }
    PyObject *list = counted_list(n, values);
    compare_count = 0;
    CHECK(PyList_Sort(list) == 0);
    CHECK(compare_count == n - 1);
    Py_DECREF(list);

    /* Strictly descending input: one run reversed in place. */
    for (Py_ssize_t i = 0; i < n; i++) {
        values[i] = (long)(n - i);
    }
    list = counted_list(n, values);
    compare_count = 0;
    CHECK(PyList_Sort(list) == 0);
    CHECK(compare_count == n - 1);
    CHECK(counted_value(list, 0) == 1 && counted_value(list, n - 1) == n);
    Py_DECREF(list);

    /* All equal: also one ascending run, and nothing moves. */
    for (Py_ssize_t i = 0; i < n; i++) {
        values[i] = 5;
    }
    list = counted_list(n, values);
    PyObject *first = PyList_GET_ITEM(list, 0);
    compare_count = 0;
    CHECK(PyList_Sort(list) == 0);
    CHECK(compare_count == n - 1);
    CHECK(PyList_GET_ITEM(list, 0) == first);
    Py_DECREF(list);

    /* A rotated sorted array is two runs; galloping merges them with a
       logarithmic number of comparisons on top of finding the runs. */
    for (Py_ssize_t i = 0; i < n; i++) {
        values[i] = (long)((i + n / 2) % n);
    }
    list = counted_list(n, values);
    compare_count = 0;
    CHECK(PyList_Sort(list) == 0);
    CHECK(compare_count < n + 100);
    int sorted = 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        sorted &= counted_value(list, i) == (long)i;
    }
    CHECK(sorted);
    Py_DECREF(list);

    /* Random input stays within the n log2 n bound. */
    rng_state = 2024;
    for (Py_ssize_t i = 0; i < n; i++) {
        values[i] = next_random(1000000);
    }
    list = counted_list(n, values);
    compare_count = 0;
    CHECK(PyList_Sort(list) == 0);
    CHECK(compare_count > n && compare_count < n * 11);  /* log2 2000 < 11 */
    qsort(values, (size_t)n, sizeof(long), compare_longs);
    sorted = 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        sorted &= counted_value(list, i) == values[i];
    }
    CHECK(sorted);
    Py_DECREF(list);
    free(values);
}

static void
test_sort_errors(void)
{
    const Py_ssize_t n = 500;
    long *values = malloc(sizeof(long) * (size_t)n);
    rng_state = 4;
    long sum = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        values[i] = next_random(1000);
        sum += values[i];
    }

    /* A comparison that grows the list: the sort still finishes on its
       own copy of the items, then reports the mutation. */
    PyObject *list = counted_list(n, values);
    append_during_compare = list;
    CHECK(PyList_Sort(list) == -1);
    append_during_compare = NULL;
    CHECK(raised(PyExc_ValueError, "list modified during sort"));
    CHECK(PyList_GET_SIZE(list) == n);

    Py_DECREF(list);

    /* A comparison that raises midway (in a run, then inside merges):
       the error propagates and the list still holds every item exactly
       once. */
    for (Py_ssize_t stop_at = 50; stop_at < 3000; stop_at *= 3) {
        list = counted_list(n, values);
        compare_count = 0;
        fail_after = stop_at;
        CHECK(PyList_Sort(list) == -1);
        fail_after = -1;
        CHECK(raised(PyExc_RuntimeError, "comparison failed"));
        long check = 0;
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
            check += counted_value(list, i);
        }
        CHECK(PyList_GET_SIZE(list) == n && check == sum);
        Py_DECREF(list);
    }
    list = counted_list(n, values);
    compare_count = 0;
    CHECK(PyList_Sort(list) == 0);
    int sorted = 1;
    for (Py_ssize_t i = 1; i < n; i++) {
        sorted &= counted_value(list, i - 1) <= counted_value(list, i);
    }
    CHECK(sorted);
    Py_DECREF(list);
    free(values);
}

/* Every operation gives back the references it takes: after a workout
   on containers that are then destroyed, the items' counts are back to
   their starting values. */
static void
test_reference_balance(void)
{
    PyObject *x = PyFloat_FromDouble(1.5), *y = PyFloat_FromDouble(2.5);
    Py_ssize_t x0 = Py_REFCNT(x), y0 = Py_REFCNT(y);
    PyObject *key = PyCFunction_New(&first_item_def, NULL);

    PyObject *list = PyList_New(0);
    for (int i = 0; i < 50; i++) {
        PyList_Append(list, (i % 3) ? x : y);
    }
    PyList_Insert(list, 3, y);
    PyObject *tuple = PyList_AsTuple(list);
    PyObject *doubled = PySequence_Repeat(list, 2);
    PyObject *joined = PyNumber_Add(list, doubled);
    PyObject *tsum = PyNumber_Add(tuple, tuple);
    PyList_SetSlice(list, 5, 20, tuple);
    PyList_SetSlice(list, 0, 10, NULL);
    PyObject *s = make_slice(0, 0, -3, 0, 0, 1);
    PyObject_DelItem(doubled, s);
    PyObject *part = PyObject_GetItem(joined, s);
    Py_ssize_t n = PySequence_Size(part);
    PyObject *filler = PyList_New(0);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyList_Append(filler, y);
    }
    PyObject_SetItem(joined, s, filler);
    PyObject_SetItem(joined, s, tuple);   /* size mismatch: fails */
    PyErr_Clear();
    PyList_Sort(list);
    PyObject *res = PyObject_CallMethod(list, "pop", NULL);
    Py_XDECREF(res);
    res = PyObject_CallMethod(list, "remove", "O", y);
    Py_XDECREF(res);
    PyObject *t1 = PyTuple_Pack(1, x), *t2 = PyTuple_Pack(1, y);
    PyObject *records = PyList_New(0);
    for (int i = 0; i < 100; i++) {
        PyList_Append(records, (i % 2) ? t1 : t2);
    }
    res = call_method_kw(records, "sort", NULL, "key", key, "reverse",
                         Py_True);
    Py_XDECREF(res);
    PyList_Extend(records, records);
    PyObject *c = PyCell_New(x);
    PyCell_Set(c, y);
    PyObject *sl = PySlice_New(x, y, NULL);
    PyObject_Hash(sl);
    PyErr_Clear();

    Py_DECREF(sl);
    Py_DECREF(c);
    Py_DECREF(records);
    Py_DECREF(t1);
    Py_DECREF(t2);
    Py_DECREF(filler);
    Py_DECREF(part);
    Py_DECREF(s);
    Py_DECREF(tsum);
    Py_DECREF(joined);
    Py_DECREF(doubled);
    Py_DECREF(tuple);
    Py_DECREF(list);
    Py_DECREF(key);
    CHECK(Py_REFCNT(x) == x0);
    CHECK(Py_REFCNT(y) == y0);
    Py_DECREF(x);
    Py_DECREF(y);
}

/* ---- tuple -------------------------------------------------------------- */

static void
test_tuple_basic(void)
{
    PyObject *empty = PyTuple_New(0);
    PyObject *empty2 = PyTuple_New(0);
    CHECK(empty != NULL && empty == empty2);   /* the singleton */
    CHECK_REPR(empty, "()");
    Py_DECREF(empty2);

    PyObject *one = PyLong_FromLong(1), *two = PyLong_FromLong(2);
    PyObject *t1 = PyTuple_Pack(1, one);
    CHECK_REPR(t1, "(1,)");
    PyObject *t = PyTuple_Pack(3, one, two, one);
    CHECK_REPR(t, "(1, 2, 1)");
    CHECK(PyTuple_Size(t) == 3 && PyTuple_GetItem(t, 1) == two);
    CHECK(PyTuple_GetItem(t, 3) == NULL);
    CHECK(raised(PyExc_IndexError, "tuple index out of range"));

    PyObject *slice = PyTuple_GetSlice(t, 1, 10);
    CHECK_REPR(slice, "(2, 1)");
    PyObject *whole = PyTuple_GetSlice(t, 0, 3);
    CHECK(whole == t);
    PyObject *none = PyTuple_GetSlice(t, 2, 1);
    CHECK(none == empty);
    PyObject *items[2] = {two, two};
    PyObject *from = PyTuple_FromArray(items, 2);
    CHECK_REPR(from, "(2, 2)");

    /* _PyTuple_Resize grows and shrinks a private tuple. */
    PyObject *grow = PyTuple_New(1);
    PyTuple_SET_ITEM(grow, 0, Py_NewRef(one));
    CHECK(_PyTuple_Resize(&grow, 3) == 0);
    PyTuple_SET_ITEM(grow, 1, Py_NewRef(two));
    PyTuple_SET_ITEM(grow, 2, Py_NewRef(two));
    CHECK_REPR(grow, "(1, 2, 2)");
    CHECK(_PyTuple_Resize(&grow, 2) == 0);
    CHECK_REPR(grow, "(1, 2)");
    CHECK(_PyTuple_Resize(&grow, 0) == 0 && grow == empty);

    /* Methods, operators, comparisons. */
    PyObject *res = PyObject_CallMethod(t, "count", "O", one);
    CHECK(res != NULL && PyLong_AsLong(res) == 2);
    Py_XDECREF(res);
    res = PyObject_CallMethod(t, "index", "Oi", one, 1);
    CHECK(res != NULL && PyLong_AsLong(res) == 2);
    Py_XDECREF(res);
    CHECK(PyObject_CallMethod(t, "index", "O", Py_None) == NULL);
    CHECK(raised(PyExc_ValueError, "tuple.index(x): x not in tuple"));
    PyObject *cat = PyNumber_Add(t, slice);
    CHECK_REPR(cat, "(1, 2, 1, 2, 1)");
    PyObject *rep = PySequence_Repeat(t1, 3);
    CHECK_REPR(rep, "(1, 1, 1)");
    CHECK(PySequence_Repeat(t1, 0) == empty);
    PyObject *list = PyList_New(0);
    CHECK(PyNumber_Add(t, list) == NULL);
    CHECK(raised(PyExc_TypeError,
                 "can only concatenate tuple (not \"list\") to tuple"));
    CHECK(PyObject_RichCompareBool(t, cat, Py_LT) == 1);
    CHECK(PyObject_RichCompareBool(slice, t, Py_GT) == 1);
    CHECK(PyObject_RichCompareBool(t, t1, Py_NE) == 1);
    CHECK(PySequence_Contains(t, two) == 1);
    PyObject *s = make_slice(0, 0, -2, 0, 0, 1);
    PyObject *stepped = PyObject_GetItem(cat, s);
    CHECK_REPR(stepped, "(1, 1, 1)");
    Py_XDECREF(stepped);
    Py_DECREF(s);

    /* tuple(iterable) returns an exact tuple argument unchanged. */
    PyObject *same = call1((PyObject *)&PyTuple_Type, t);
    CHECK(same == t);
    Py_XDECREF(same);
    PyObject *converted = call1((PyObject *)&PyTuple_Type, list);
    CHECK(converted == empty);
    Py_XDECREF(converted);

    Py_DECREF(list);
    Py_XDECREF(rep);
    Py_XDECREF(cat);
    Py_XDECREF(from);
    Py_XDECREF(none);
    Py_XDECREF(whole);
    Py_XDECREF(slice);
    Py_DECREF(t);
    Py_DECREF(t1);
    Py_DECREF(one);
    Py_DECREF(two);
    Py_DECREF(empty);
}

static void
test_tuple_hash(void)
{
    /* Equal tuples built in different ways hash equal. */
    PyObject *a = PyLong_FromLong(12345), *b = PyUnicode_FromString("key");
    PyObject *t1 = PyTuple_Pack(2, a, b);
    PyObject *list = PyList_New(0);
    PyObject *a2 = PyNumber_Add(a, PyTuple_GET_ITEM(t1, 0));
    PyObject *a3 = PyNumber_Subtract(a2, a);
    PyList_Append(list, a3);
    PyObject *b2 = PyUnicode_FromString("ke");
    PyObject *y = PyUnicode_FromString("y");
    PyObject *b3 = PyUnicode_Concat(b2, y);
    PyList_Append(list, b3);
    PyObject *t2 = PyList_AsTuple(list);
    CHECK(t1 != t2 && PyObject_RichCompareBool(t1, t2, Py_EQ) == 1);
    Py_hash_t h1 = PyObject_Hash(t1), h2 = PyObject_Hash(t2);
    CHECK(h1 != -1 && h1 == h2);
    CHECK(PyObject_Hash(t1) == h1);  /* cached, stable */

    /* Equal numbers of different types, nested tuples. */
    PyObject *f = PyFloat_FromDouble(12345.0);
    PyObject *t3 = PyTuple_Pack(2, f, b);
    CHECK(PyObject_Hash(t3) == h1);
    PyObject *n1 = PyTuple_Pack(2, t1, t3), *n2 = PyTuple_Pack(2, t2, t1);
    CHECK(PyObject_Hash(n1) == PyObject_Hash(n2));

    /* Order matters, and the empty tuple hashes. */
    PyObject *swapped = PyTuple_Pack(2, b, a);
    CHECK(PyObject_Hash(swapped) != h1);
    PyObject *empty = PyTuple_New(0);
    CHECK(PyObject_Hash(empty) != -1);

    /* An unhashable item makes the tuple unhashable. */
    PyObject *bad = PyTuple_Pack(2, a, list);
    CHECK(PyObject_Hash(bad) == -1);
    CHECK(raised(PyExc_TypeError, "unhashable type: 'list'"));

    Py_DECREF(bad);
    Py_DECREF(empty);
    Py_DECREF(swapped);
    Py_DECREF(n1);
    Py_DECREF(n2);
    Py_DECREF(t3);
    Py_DECREF(f);
    Py_DECREF(t2);
    Py_DECREF(b3);
    Py_DECREF(y);
    Py_DECREF(b2);
    Py_DECREF(a3);
    Py_DECREF(a2);
    Py_DECREF(list);
    Py_DECREF(t1);
    Py_DECREF(a);
    Py_DECREF(b);
}

/* ---- range -------------------------------------------------------------- */

static PyObject *
make_range3(PyObject *start, PyObject *stop, PyObject *step)
{
    return call3((PyObject *)&PyRange_Type, start, stop, step);
}

static PyObject *
make_range_l(long start, long stop, long step)
{
    PyObject *a = PyLong_FromLong(start), *b = PyLong_FromLong(stop);
    PyObject *c = PyLong_FromLong(step);
    PyObject *r = make_range3(a, b, c);
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(c);
    return r;
}

static void
test_range_small(void)
{
    PyObject *r = make_range_l(10, 0, -3);
    CHECK_REPR(r, "range(10, 0, -3)");
    CHECK(PyObject_Size(r) == 4);
    PyObject *items = call1((PyObject *)&PyList_Type, r);
    CHECK_REPR(items, "[10, 7, 4, 1]");
    Py_XDECREF(items);

    PyObject *seven = PyLong_FromLong(7), *eight = PyLong_FromLong(8);
    CHECK(PySequence_Contains(r, seven) == 1);
    CHECK(PySequence_Contains(r, eight) == 0);
    PyObject *seven_f = PyFloat_FromDouble(7.0);
    CHECK(PySequence_Contains(r, seven_f) == 1);   /* by iteration */
    PyObject *res = PyObject_CallMethod(r, "index", "O", seven);
    CHECK(res != NULL && PyLong_AsLong(res) == 1);
    Py_XDECREF(res);
    res = PyObject_CallMethod(r, "count", "O", eight);
    CHECK(res != NULL && PyLong_AsLong(res) == 0);
    Py_XDECREF(res);
    CHECK(PyObject_CallMethod(r, "index", "O", eight) == NULL);
    CHECK(raised(PyExc_ValueError, "8 is not in range"));

    /* Indexing and slicing (slices give ranges). */
    PyObject *minus_one = PyLong_FromLong(-1);
    PyObject *last = PyObject_GetItem(r, minus_one);
    CHECK(last != NULL && PyLong_AsLong(last) == 1);
    Py_XDECREF(last);
    CHECK(PyObject_GetItem(r, eight) == NULL);
    CHECK(raised(PyExc_IndexError, "range object index out of range"));
    PyObject *s = make_slice(1, 0, 0, 1, 0, 0);
    PyObject *sub = PyObject_GetItem(r, s);
    CHECK_REPR(sub, "range(7, -2, -3)");
    Py_XDECREF(sub);
    Py_DECREF(s);
    PyObject *ten = make_range_l(0, 10, 1);
    CHECK_REPR(ten, "range(0, 10)");
    s = make_slice(0, 0, -3, 0, 0, 1);
    sub = PyObject_GetItem(ten, s);
    CHECK_REPR(sub, "range(9, -1, -3)");
    Py_XDECREF(sub);
    Py_DECREF(s);
    PyObject *mixed = make_range_l(-10, 10, 4);
    s = make_slice(0, 0, -1, 0, 0, 1);
    sub = PyObject_GetItem(mixed, s);
    CHECK_REPR(sub, "range(6, -14, -4)");
    Py_XDECREF(sub);
    Py_DECREF(s);

    /* reversed() */
    PyObject *rev = PyObject_CallMethod(r, "__reversed__", NULL);
    items = call1((PyObject *)&PyList_Type, rev);
    CHECK_REPR(items, "[1, 4, 7, 10]");
    Py_XDECREF(items);
    Py_XDECREF(rev);

    /* Equality and hash follow the values produced. */
    PyObject *e1 = make_range_l(0, 0, 1), *e2 = make_range_l(5, 3, 2);
    CHECK(PyObject_RichCompareBool(e1, e2, Py_EQ) == 1);
    CHECK(PyObject_Hash(e1) == PyObject_Hash(e2));
    PyObject *s1 = make_range_l(3, 4, 1), *s2 = make_range_l(3, 0, -7);
    CHECK(PyObject_RichCompareBool(s1, s2, Py_EQ) == 1);
    CHECK(PyObject_Hash(s1) == PyObject_Hash(s2));
    PyObject *r2 = make_range_l(10, -1, -3);
    CHECK(PyObject_RichCompareBool(r, r2, Py_EQ) == 1);
    CHECK(PyObject_Hash(r) == PyObject_Hash(r2));
    CHECK(PyObject_RichCompareBool(r, ten, Py_EQ) == 0);
    CHECK(PyObject_RichCompare(r, ten, Py_LT) == NULL);
    CHECK(raised(PyExc_TypeError,
                 "'<' not supported between instances of 'range' and 'range'"));
    CHECK(PyObject_IsTrue(e1) == 0 && PyObject_IsTrue(r) == 1);

    /* Argument errors. */
    CHECK(make_range_l(0, 1, 0) == NULL);
    CHECK(raised(PyExc_ValueError, "range() arg 3 must not be zero"));
    CHECK(call1((PyObject *)&PyRange_Type, seven_f) == NULL);
    CHECK(raised(PyExc_TypeError,
                 "'float' object cannot be interpreted as an integer"));

    Py_DECREF(r2);
    Py_DECREF(s1);
    Py_DECREF(s2);
    Py_DECREF(e1);
    Py_DECREF(e2);
    Py_DECREF(mixed);
    Py_DECREF(ten);
    Py_DECREF(minus_one);
    Py_DECREF(seven_f);
    Py_DECREF(seven);
    Py_DECREF(eight);
    Py_DECREF(r);
}

static void
test_range_huge(void)
{
    PyObject *zero = PyLong_FromLong(0), *three = PyLong_FromLong(3);
    PyObject *two64 = big_int("18446744073709551616");
    PyObject *r = make_range3(zero, two64, three);
    CHECK_REPR(r, "range(0, 18446744073709551616, 3)");

    CHECK(PyObject_Size(r) == (Py_ssize_t)6148914691236517206LL);
    /* range(2**64) is too long for len() to report, as in CPython. */
    PyObject *whole = call1((PyObject *)&PyRange_Type, two64);
    CHECK(PyObject_Size(whole) == -1);
    CHECK(raised(PyExc_OverflowError,
                 "Python int too large to convert to C ssize_t"));
    PyObject *lenobj = PyObject_CallMethod(whole, "__len__", NULL);
    CHECK(lenobj == NULL);
    CHECK(raised(PyExc_OverflowError,
                 "Python int too large to convert to C ssize_t"));
    CHECK(PyObject_IsTrue(whole) == 1);
    Py_XDECREF(whole);

    PyObject *two63 = big_int("9223372036854775808");
    PyObject *two63_1 = big_int("9223372036854775809");
    CHECK(PySequence_Contains(r, two63) == 0);
    CHECK(PySequence_Contains(r, two63_1) == 1);
    PyObject *q = big_int("3000000000000000000");
    PyObject *res = PyObject_CallMethod(r, "index", "O", q);
    CHECK_REPR(res, "1000000000000000000");
    Py_XDECREF(res);

    PyObject *minus_one = PyLong_FromLong(-1);
    PyObject *last = PyObject_GetItem(r, minus_one);
    CHECK_REPR(last, "18446744073709551615");
    Py_XDECREF(last);
    PyObject *s = make_slice(0, 0, -1, 0, 0, 1);
    PyObject *rev = PyObject_GetItem(r, s);
    CHECK_REPR(rev, "range(18446744073709551615, -3, -3)");
    Py_DECREF(s);

    /* Iteration beyond the machine word, both directions. */
    PyObject *ten = PyLong_FromLong(10), *four = PyLong_FromLong(4);
    PyObject *end = PyNumber_Add(two64, ten);
    PyObject *high = make_range3(two64, end, four);
    PyObject *items = call1((PyObject *)&PyList_Type, high);
    CHECK_REPR(items, "[18446744073709551616, 18446744073709551620, "
                      "18446744073709551624]");
    Py_XDECREF(items);
    PyObject *rit = PyObject_CallMethod(high, "__reversed__", NULL);
    items = call1((PyObject *)&PyList_Type, rit);
    CHECK_REPR(items, "[18446744073709551624, 18446744073709551620, "
                      "18446744073709551616]");
    Py_XDECREF(items);
    Py_XDECREF(rit);
    PyObject *it = PyObject_GetIter(r);
    PyObject *first = PyIter_Next(it);
    PyObject *second = PyIter_Next(it);
    CHECK(first && second && PyLong_AsLong(second) == 3);
    Py_XDECREF(first);
    Py_XDECREF(second);
    Py_XDECREF(it);

    /* Bounds that fit a C long do not make the values fit. */
    PyObject *two70 = big_int("1180591620717411303424");
    PyObject *two62 = big_int("4611686018427387904");
    PyObject *wide = make_range3(zero, two70, two62);
    items = call1((PyObject *)&PyList_Type, wide);
    CHECK(items != NULL && PyList_GET_SIZE(items) == 256);
    if (items != NULL) {
        CHECK_REPR(PyList_GET_ITEM(items, 2), "9223372036854775808");
    }
    Py_XDECREF(items);
    Py_DECREF(wide);
    Py_DECREF(two62);
    Py_DECREF(two70);

    /* Near the ends of the C long range the fast iterator must not
       overflow. */
    PyObject *lmax = PyLong_FromLong(LONG_MAX);
    PyObject *lmax_m2 = PyLong_FromLong(LONG_MAX - 2);
    PyObject *one = PyLong_FromLong(1);
    PyObject *edge = make_range3(lmax_m2, lmax, one);
    items = call1((PyObject *)&PyList_Type, edge);
    CHECK(items != NULL && PyList_GET_SIZE(items) == 2
          && PyLong_AsLong(PyList_GET_ITEM(items, 1)) == LONG_MAX - 1);
    Py_XDECREF(items);

    Py_DECREF(edge);
    Py_DECREF(one);
    Py_DECREF(lmax_m2);
    Py_DECREF(lmax);
    Py_DECREF(high);
    Py_DECREF(end);
    Py_DECREF(ten);
    Py_DECREF(four);
    Py_XDECREF(rev);
    Py_DECREF(minus_one);
    Py_DECREF(q);
    Py_DECREF(two63);
    Py_DECREF(two63_1);
    Py_DECREF(r);
    Py_DECREF(two64);
    Py_DECREF(three);
    Py_DECREF(zero);
}

/* ---- slice -------------------------------------------------------------- */

static void
check_indices(PyObject *slice, long length, const char *expected)
{
    PyObject *len = PyLong_FromLong(length);
    PyObject *res = PyObject_CallMethod(slice, "indices", "O", len);
    CHECK_REPR(res, expected);
    Py_XDECREF(res);
    Py_DECREF(len);
}

static void
test_slice_indices(void)
{
    PyObject *s = make_slice(0, 0, -1, 0, 0, 1);
    CHECK_REPR(s, "slice(None, None, -1)");
    check_indices(s, 10, "(9, -1, -1)");
    check_indices(s, 0, "(-1, -1, -1)");
    Py_DECREF(s);
    s = make_slice(-100, 100, 3, 1, 1, 1);
    check_indices(s, 10, "(0, 10, 3)");
    Py_DECREF(s);
    s = make_slice(5, 1, 0, 1, 1, 0);
    check_indices(s, 10, "(5, 1, 1)");
    Py_DECREF(s);

    /* Huge bounds are clipped exactly. */
    PyObject *big = big_int("1208925819614629174706176");     /* 2**80 */
    PyObject *neg = PyNumber_Negative(big);
    PyObject *minus_two = PyLong_FromLong(-2);
    s = PySlice_New(big, neg, minus_two);
    check_indices(s, 7, "(6, -1, -2)");
    PyObject *len = PyLong_FromLong(-1);
    CHECK(PyObject_CallMethod(s, "indices", "O", len) == NULL);
    CHECK(raised(PyExc_ValueError, "length should not be negative"));
    Py_DECREF(len);

    /* The Py_ssize_t interface clamps the huge values instead. */
    Py_ssize_t start, stop, step, slicelen;
    CHECK(PySlice_Unpack(s, &start, &stop, &step) == 0);
    CHECK(start == PY_SSIZE_T_MAX && stop == PY_SSIZE_T_MIN && step == -2);
    slicelen = PySlice_AdjustIndices(7, &start, &stop, step);
    CHECK(start == 6 && stop == -1 && slicelen == 4);
    Py_DECREF(s);

    s = make_slice(1, -1, 2, 1, 1, 1);
    CHECK(PySlice_GetIndicesEx(s, 10, &start, &stop, &step, &slicelen) == 0);
    CHECK(start == 1 && stop == 9 && step == 2 && slicelen == 4);
    Py_DECREF(s);
    s = make_slice(0, 0, 0, 0, 0, 1);
    CHECK(PySlice_GetIndicesEx(s, 10, &start, &stop, &step, &slicelen) == -1);
    CHECK(raised(PyExc_ValueError, "slice step cannot be zero"));
    Py_DECREF(s);

    /* Non-integer bounds. */
    PyObject *text = PyUnicode_FromString("a");
    s = PySlice_New(text, NULL, NULL);
    CHECK_REPR(s, "slice('a', None, None)");
    PyObject *three = PyLong_FromLong(3);
    CHECK(PyObject_CallMethod(s, "indices", "O", three) == NULL);
    Py_DECREF(three);
    CHECK(raised(PyExc_TypeError, "slice indices must be integers or None "
                                  "or have an __index__ method"));
    Py_DECREF(s);
    Py_DECREF(text);

    /* Comparison and (3.12+) hashing. */
    PyObject *a = make_slice(1, 2, 0, 1, 1, 0);
    PyObject *b = make_slice(1, 3, 0, 1, 1, 0);
    PyObject *a2 = make_slice(1, 2, 0, 1, 1, 0);
    CHECK(PyObject_RichCompareBool(a, b, Py_LT) == 1);
    CHECK(PyObject_RichCompareBool(a, a2, Py_EQ) == 1);
    CHECK(PyObject_Hash(a) == PyObject_Hash(a2) && PyObject_Hash(a) != -1);
    CHECK(PyObject_Hash(a) != PyObject_Hash(b));
    PyObject *list = PyList_New(0);
    PyObject *unhashable = PySlice_New(list, NULL, NULL);
    CHECK(PyObject_Hash(unhashable) == -1);
    CHECK(raised(PyExc_TypeError, "unhashable type: 'list'"));

    Py_DECREF(unhashable);
    Py_DECREF(list);
    Py_DECREF(a);
    Py_DECREF(a2);
    Py_DECREF(b);
    Py_DECREF(minus_two);
    Py_DECREF(neg);
    Py_DECREF(big);
}

/* ---- cell --------------------------------------------------------------- */

static void
test_cell(void)
{
    PyObject *one = PyLong_FromLong(1), *two = PyLong_FromLong(2);
    PyObject *empty = PyCell_New(NULL), *c1 = PyCell_New(one);
    CHECK(PyCell_Check(c1) && PyCell_GET(c1) == one);
    CHECK(PyCell_Get(empty) == NULL && !PyErr_Occurred());
    PyObject *got = PyCell_Get(c1);
    CHECK(got == one);
    Py_XDECREF(got);

    CHECK(PyObject_GetAttrString(empty, "cell_contents") == NULL);
    CHECK(raised(PyExc_ValueError, "Cell is empty"));
    CHECK(PyObject_SetAttrString(empty, "cell_contents", two) == 0);
    CHECK(PyCell_GET(empty) == two);
    CHECK(PyObject_RichCompareBool(empty, c1, Py_GT) == 1);
    CHECK(PyCell_Set(empty, NULL) == 0);
    CHECK(PyObject_RichCompareBool(empty, c1, Py_LT) == 1);
    PyObject *other_empty = PyCell_New(NULL);
    CHECK(PyObject_RichCompareBool(empty, other_empty, Py_EQ) == 1);
    CHECK(PyObject_Hash(c1) == -1);
    CHECK(raised(PyExc_TypeError, "unhashable type: 'cell'"));

    Py_DECREF(other_empty);
    Py_DECREF(c1);
    Py_DECREF(empty);
    Py_DECREF(one);
    Py_DECREF(two);
}

void
suite_list(void)
{
    if (PyType_Ready(&Counted_Type) < 0) {
        PyErr_Print();
        return;
    }
    RUN(test_list_basic_api);
    RUN(test_list_extend_iterables);
    RUN(test_list_iterators);
    RUN(test_list_repr_recursive);
    RUN(test_list_methods);
    RUN(test_list_operators);
    RUN(test_list_slice_assignment);
    RUN(test_list_extended_slices);
    RUN(test_sort_random_sizes);
    RUN(test_sort_mixed_kinds);
    RUN(test_sort_strings_and_tuples);
    RUN(test_sort_stability_with_key);
    RUN(test_sort_reverse_stability);
    RUN(test_sort_comparison_counts);
    RUN(test_sort_errors);
    RUN(test_reference_balance);
    RUN(test_tuple_basic);
    RUN(test_tuple_hash);
    RUN(test_range_small);
    RUN(test_range_huge);
    RUN(test_slice_indices);
    RUN(test_cell);
}
