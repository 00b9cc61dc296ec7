/* Tests of the dict objects through the C API. */
#define Py_BUILD_CORE 1
#include "testlib.h"
#include "pycore_dict.h"

/* The pending exception's str(), as a new reference; clears it.  NULL if
   none is pending or it is not of type `type`. */
static PyObject *
take_error_message(PyObject *type)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) {
        return NULL;
    }
    PyObject *msg = NULL;
    if (PyErr_GivenExceptionMatches(exc, type)) {
        msg = PyObject_Str(exc);
    }
    Py_DECREF(exc);
    PyErr_Clear();
    return msg;
}

#define CHECK_ERROR(type, text) CHECK_STR(take_error_message(type), (text))

static PyObject *
num(long v)
{
    return PyLong_FromLong(v);
}

/* d[k] as a C long, or -1 if missing. */
static long
get_long(PyObject *d, long k)
{
    PyObject *key = num(k);
    PyObject *value = PyDict_GetItemWithError(d, key);
    Py_DECREF(key);
    return value != NULL ? PyLong_AsLong(value) : -1;
}

static int
set_long(PyObject *d, long k, long v)
{
    PyObject *key = num(k), *value = num(v);
    int res = PyDict_SetItem(d, key, value);
    Py_DECREF(key);
    Py_DECREF(value);
    return res;
}

static int
del_long(PyObject *d, long k)
{
    PyObject *key = num(k);
    int res = PyDict_DelItem(d, key);
    Py_DECREF(key);
    return res;
}

/* A dict from alternating C long keys and values. */
static PyObject *
make_dict(int n, const long *kv)
{
    PyObject *d = PyDict_New();
    for (int i = 0; d != NULL && i < n; i++) {
        if (set_long(d, kv[2 * i], kv[2 * i + 1]) < 0) {
            Py_CLEAR(d);
        }
    }
    return d;
}

/* repr(obj), consuming obj. */
static PyObject *
repr_of(PyObject *obj)
{
    if (obj == NULL) {
        return NULL;
    }
    PyObject *r = PyObject_Repr(obj);
    Py_DECREF(obj);
    return r;
}

static PyObject *
call_method(PyObject *obj, const char *name)
{
    return PyObject_CallMethod(obj, name, NULL);
}

static void
test_basic_items(void)
{
    PyObject *d = PyDict_New();
    CHECK(d != NULL && PyDict_CheckExact(d) && PyDict_Size(d) == 0);
    CHECK(set_long(d, 1, 10) == 0);
    CHECK(PyDict_SetItemString(d, "name", Py_None) == 0);
    CHECK(PyDict_Size(d) == 2);
    CHECK(get_long(d, 1) == 10);
    CHECK(PyDict_GetItemString(d, "name") == Py_None);
    CHECK(PyDict_ContainsString(d, "name") == 1);
    CHECK(PyDict_ContainsString(d, "other") == 0);

    PyObject *value = NULL;
    CHECK(PyDict_GetItemStringRef(d, "name", &value) == 1 && value == Py_None);
    Py_XDECREF(value);
    CHECK(PyDict_GetItemStringRef(d, "missing", &value) == 0 && value == NULL);

    CHECK(set_long(d, 1, 11) == 0);
    CHECK(get_long(d, 1) == 11 && PyDict_Size(d) == 2);
    CHECK(del_long(d, 1) == 0);
    CHECK(PyDict_Size(d) == 1);
    CHECK(del_long(d, 1) == -1);
    CHECK_RAISES(PyExc_KeyError);
    CHECK(PyDict_DelItemString(d, "name") == 0 && PyDict_Size(d) == 0);
    Py_DECREF(d);
}

static void
test_many_inserts_and_deletes(void)
{
    const long n = 100000;
    PyObject *d = PyDict_New();
    int ok = 1;
    for (long i = 0; i < n && ok; i++) {
        ok = set_long(d, i, i * 2) == 0;
    }
    CHECK(ok && PyDict_Size(d) == n);
    for (long i = 0; i < n && ok; i += 2) {
        ok = del_long(d, i) == 0;
    }
    CHECK(ok && PyDict_Size(d) == n / 2);
    for (long i = 0; i < n && ok; i++) {
        ok = get_long(d, i) == (i % 2 ? i * 2 : -1);
    }
    CHECK(ok);
    CHECK(!PyErr_Occurred());
    for (long i = 0; i < n && ok; i += 2) {
        ok = set_long(d, i, -i) == 0;
    }
    CHECK(ok && PyDict_Size(d) == n);

    /* Survivors keep their order; re-inserted keys come after them. */
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    long expected_key = 1;
    long count = 0;
    while (ok && PyDict_Next(d, &pos, &key, &value)) {
        long k = PyLong_AsLong(key), v = PyLong_AsLong(value);
        ok = k == expected_key && v == (k % 2 ? k * 2 : -k);
        expected_key += 2;
        if (expected_key == n + 1) {
            expected_key = 0;
        }
        count++;
    }
    CHECK(ok && count == n);
    Py_DECREF(d);
}

static void
test_order_preserved(void)
{
    static const long kv[] = {5, 0, 3, 0, 9, 0, 1, 0};
    PyObject *d = make_dict(4, kv);
    CHECK(set_long(d, 3, 33) == 0);          /* overwrite: position kept */
    CHECK(del_long(d, 5) == 0);
    CHECK(set_long(d, 5, 55) == 0);          /* re-insert: moves to the end */
    CHECK_STR(PyObject_Repr(d), "{3: 33, 9: 0, 1: 0, 5: 55}");
    PyObject *keys = PyDict_Keys(d);
    CHECK_STR(repr_of(keys), "[3, 9, 1, 5]");
    CHECK_STR(repr_of(PyDict_Values(d)), "[33, 0, 0, 55]");
    CHECK_STR(repr_of(PyDict_Items(d)), "[(3, 33), (9, 0), (1, 0), (5, 55)]");
    CHECK_STR(repr_of(PySequence_List(PyObject_CallMethod(d, "__reversed__", NULL))),
              "[5, 1, 9, 3]");
    Py_DECREF(d);
}

static void
test_views(void)
{
    static const long kv[] = {1, 10, 2, 20, 3, 30};
    PyObject *d = make_dict(3, kv);
    PyObject *keys = call_method(d, "keys");
    PyObject *items = call_method(d, "items");
    PyObject *values = call_method(d, "values");
    CHECK(keys != NULL && items != NULL && values != NULL);
    CHECK_STR(PyObject_Repr(keys), "dict_keys([1, 2, 3])");
    CHECK_STR(PyObject_Repr(items), "dict_items([(1, 10), (2, 20), (3, 30)])");
    CHECK_STR(PyObject_Repr(values), "dict_values([10, 20, 30])");
    CHECK(PyObject_Length(keys) == 3 && PyObject_Length(values) == 3);

    /* Views are live. */
    CHECK(set_long(d, 4, 40) == 0);
    CHECK(PyObject_Length(keys) == 4);

    PyObject *other = PySet_New(NULL);
    PyObject *two = num(2), *four = num(4), *nine = num(9);
    PySet_Add(other, two);
    PySet_Add(other, nine);
    CHECK_STR(repr_of(PyNumber_And(keys, other)), "{2}");
    CHECK_STR(repr_of(PyNumber_Subtract(keys, other)), "{1, 3, 4}");
    CHECK_STR(repr_of(PyNumber_Xor(keys, other)), "{1, 3, 4, 9}");
    CHECK_STR(repr_of(PyNumber_Or(keys, other)), "{1, 2, 3, 4, 9}");
    CHECK(PySequence_Contains(keys, four) == 1);
    CHECK(PySequence_Contains(keys, nine) == 0);

    PyObject *pair = Py_BuildValue("(ii)", 2, 20);
    PyObject *wrong = Py_BuildValue("(ii)", 2, 21);
    CHECK(PySequence_Contains(items, pair) == 1);
    CHECK(PySequence_Contains(items, wrong) == 0);

    /* Set comparisons: keys view against a set. */
    PyObject *all = PySet_New(keys);
    CHECK(PyObject_RichCompareBool(keys, all, Py_EQ) == 1);
    CHECK(PyObject_RichCompareBool(other, keys, Py_LT) == 0);
    PySet_Discard(other, nine);
    CHECK(PyObject_RichCompareBool(other, keys, Py_LT) == 1);
    CHECK(PyObject_RichCompareBool(keys, other, Py_GT) == 1);

    PyObject *mapping = PyObject_GetAttrString(keys, "mapping");
    CHECK(mapping != NULL && PyObject_Length(mapping) == 4);
    Py_XDECREF(mapping);

    PyObject *rev = PySequence_List(PyObject_CallMethod(items, "__reversed__", NULL));
    CHECK_STR(repr_of(rev), "[(4, 40), (3, 30), (2, 20), (1, 10)]");

    Py_DECREF(all);
    Py_DECREF(pair);
    Py_DECREF(wrong);
    Py_DECREF(two);
    Py_DECREF(four);
    Py_DECREF(nine);
    Py_DECREF(other);
    Py_DECREF(keys);
    Py_DECREF(items);
    Py_DECREF(values);
    Py_DECREF(d);
}

static void
test_mutation_during_iteration(void)
{
    static const long kv[] = {1, 1, 2, 2};
    PyObject *d = make_dict(2, kv);
    PyObject *it = PyObject_GetIter(d);
    PyObject *first = PyIter_Next(it);
    CHECK(first != NULL && PyLong_AsLong(first) == 1);
    Py_XDECREF(first);
    CHECK(set_long(d, 3, 3) == 0);
    CHECK(PyIter_Next(it) == NULL);
    CHECK_ERROR(PyExc_RuntimeError, "dictionary changed size during iteration");
    /* The error is sticky even if the size comes back. */
    CHECK(del_long(d, 3) == 0);
    CHECK(PyIter_Next(it) == NULL);
    CHECK_ERROR(PyExc_RuntimeError, "dictionary changed size during iteration");
    Py_DECREF(it);
    Py_DECREF(d);

    /* Same size, different keys. */
    static const long one[] = {0, 0};
    d = make_dict(1, one);
    it = PyObject_GetIter(d);
    Py_XDECREF(PyIter_Next(it));
    CHECK(del_long(d, 0) == 0 && set_long(d, 1, 1) == 0);
    CHECK(PyIter_Next(it) == NULL);
    CHECK_ERROR(PyExc_RuntimeError, "dictionary keys changed during iteration");
    Py_DECREF(it);
    Py_DECREF(d);
}

static void
test_update_errors(void)
{
    PyObject *d = PyDict_New();
    PyObject *seq = Py_BuildValue("[(iii)]", 1, 2, 3);
    CHECK(PyDict_MergeFromSeq2(d, seq, 1) == -1);
    CHECK_ERROR(PyExc_ValueError,
                "dictionary update sequence element #0 has length 3; 2 is required");
    Py_DECREF(seq);

    seq = Py_BuildValue("[(ii)i]", 1, 2, 3);
    CHECK(PyObject_CallMethod(d, "update", "O", seq) == NULL);
    CHECK_ERROR(PyExc_TypeError,
                "cannot convert dictionary update sequence element #1 to a sequence");
    CHECK(get_long(d, 1) == 2);    /* the good element went in first */
    Py_DECREF(seq);

    /* dict(iterable-of-pairs) and keyword arguments. */
    seq = Py_BuildValue("[(ii)[ii]]", 7, 70, 8, 80);
    PyObject *args = PyTuple_Pack(1, seq);
    PyObject *kwargs = Py_BuildValue("{si}", "x", 5);
    PyObject *made = PyObject_Call((PyObject *)&PyDict_Type, args, kwargs);
    CHECK_STR(repr_of(made), "{7: 70, 8: 80, 'x': 5}");
    Py_DECREF(args);
    Py_DECREF(kwargs);
    Py_DECREF(seq);

    args = Py_BuildValue("(ii)", 1, 2);
    CHECK(PyObject_Call((PyObject *)&PyDict_Type, args, NULL) == NULL);
    CHECK_ERROR(PyExc_TypeError, "dict expected at most 1 argument, got 2");
    Py_DECREF(args);
    Py_DECREF(d);
}

static void
test_or_operators(void)
{
    static const long kv1[] = {1, 1, 2, 2};
    static const long kv2[] = {2, 20, 3, 30};
    PyObject *a = make_dict(2, kv1), *b = make_dict(2, kv2);
    PyObject *c = PyNumber_Or(a, b);
    CHECK_STR(PyObject_Repr(c), "{1: 1, 2: 20, 3: 30}");
    CHECK_STR(PyObject_Repr(a), "{1: 1, 2: 2}");
    PyObject *same = PyNumber_InPlaceOr(a, b);
    CHECK(same == a);
    CHECK_STR(PyObject_Repr(a), "{1: 1, 2: 20, 3: 30}");
    Py_XDECREF(same);

    /* | requires two dicts; |= accepts pairs. */
    PyObject *pairs = Py_BuildValue("[(ii)]", 9, 90);
    CHECK(PyNumber_Or(a, pairs) == NULL);
    CHECK_RAISES(PyExc_TypeError);
    same = PyNumber_InPlaceOr(a, pairs);
    CHECK(same == a && get_long(a, 9) == 90);
    Py_XDECREF(same);
    Py_DECREF(pairs);
    Py_XDECREF(c);
    Py_DECREF(a);
    Py_DECREF(b);
}

static void
test_popitem_lifo(void)
{
    static const long kv[] = {1, 10, 2, 20, 3, 30};
    PyObject *d = make_dict(3, kv);
    CHECK(del_long(d, 3) == 0 && set_long(d, 4, 40) == 0);
    CHECK_STR(repr_of(call_method(d, "popitem")), "(4, 40)");
    CHECK_STR(repr_of(call_method(d, "popitem")), "(2, 20)");
    CHECK(set_long(d, 5, 50) == 0);
    CHECK_STR(repr_of(call_method(d, "popitem")), "(5, 50)");
    CHECK_STR(repr_of(call_method(d, "popitem")), "(1, 10)");
    CHECK(call_method(d, "popitem") == NULL);
    CHECK_ERROR(PyExc_KeyError, "'popitem(): dictionary is empty'");
    Py_DECREF(d);
}

static void
test_repr_and_equality(void)
{
    PyObject *d = Py_BuildValue("{sisi}", "a", 1, "b", 2);
    PyObject *e = Py_BuildValue("{sisi}", "b", 2, "a", 1);
    CHECK(PyObject_RichCompareBool(d, e, Py_EQ) == 1);
    CHECK(PyObject_RichCompareBool(d, e, Py_NE) == 0);
    CHECK(PyDict_SetItemString(e, "a", Py_None) == 0);
    CHECK(PyObject_RichCompareBool(d, e, Py_EQ) == 0);
    CHECK(PyObject_RichCompare(d, e, Py_LT) == NULL);
    CHECK_RAISES(PyExc_TypeError);

    CHECK(PyDict_SetItemString(d, "self", d) == 0);
    CHECK_STR(PyObject_Repr(d), "{'a': 1, 'b': 2, 'self': {...}}");
    CHECK(PyDict_DelItemString(d, "self") == 0);
    PyObject *empty = PyDict_New();
    CHECK_STR(PyObject_Repr(empty), "{}");
    Py_DECREF(empty);
    Py_DECREF(d);
    Py_DECREF(e);
}

static void
test_unhashable_key(void)
{
    PyObject *d = PyDict_New();
    PyObject *list = PyList_New(0);
    CHECK(PyDict_SetItem(d, list, Py_None) == -1);
    CHECK_ERROR(PyExc_TypeError, "unhashable type: 'list'");
    CHECK(PyDict_GetItem(d, list) == NULL && !PyErr_Occurred());
    CHECK(PyDict_Contains(d, list) == -1);
    CHECK_RAISES(PyExc_TypeError);
    Py_DECREF(list);
    Py_DECREF(d);
}

static void
test_pop_setdefault_get(void)
{
    static const long kv[] = {1, 10};
    PyObject *d = make_dict(1, kv);
    PyObject *one = num(1), *two = num(2), *res = NULL;
    CHECK(PyDict_Pop(d, two, &res) == 0 && res == NULL);
    CHECK(PyDict_Pop(d, one, &res) == 1 && PyLong_AsLong(res) == 10);
    Py_XDECREF(res);
    CHECK(PyDict_Size(d) == 0);

    CHECK(PyDict_SetDefaultRef(d, one, two, &res) == 0 && res == two);
    Py_XDECREF(res);
    CHECK(PyDict_SetDefaultRef(d, one, one, &res) == 1 && res == two);
    Py_XDECREF(res);
    CHECK(PyDict_SetDefault(d, one, one) == two);

    CHECK(PyObject_CallMethod(d, "pop", "i", 7) == NULL);
    CHECK_ERROR(PyExc_KeyError, "7");
    CHECK_STR(repr_of(PyObject_CallMethod(d, "pop", "ii", 7, 8)), "8");
    CHECK_STR(repr_of(PyObject_CallMethod(d, "get", "i", 7)), "None");
    CHECK_STR(repr_of(PyObject_CallMethod(d, "get", "O", one)), "2");
    CHECK_STR(repr_of(PyObject_CallMethod(d, "setdefault", "ii", 3, 4)), "4");
    CHECK(get_long(d, 3) == 4);
    CHECK(PyObject_CallMethod(d, "get", NULL) == NULL);
    CHECK_ERROR(PyExc_TypeError, "get expected at least 1 argument, got 0");

    /* A tuple key stays one argument of the KeyError. */
    PyObject *tkey = Py_BuildValue("(ii)", 1, 2);
    CHECK(PyObject_GetItem(d, tkey) == NULL);
    CHECK_ERROR(PyExc_KeyError, "(1, 2)");
    Py_DECREF(tkey);
    Py_DECREF(one);
    Py_DECREF(two);
    Py_DECREF(d);
}

static void
test_copy_clear_fromkeys(void)
{
    static const long kv[] = {1, 10, 2, 20, 3, 30};
    PyObject *d = make_dict(3, kv);
    CHECK(del_long(d, 2) == 0);
    PyObject *c = PyDict_Copy(d);
    CHECK_STR(PyObject_Repr(c), "{1: 10, 3: 30}");
    CHECK(set_long(c, 4, 40) == 0 && PyDict_Size(d) == 2);
    PyObject *merged = PyDict_New();
    CHECK(PyDict_Merge(merged, d, 1) == 0 && PyDict_Update(merged, c) == 0);
    CHECK_STR(PyObject_Repr(merged), "{1: 10, 3: 30, 4: 40}");
    CHECK(set_long(c, 1, 0) == 0 && PyDict_Merge(merged, c, 0) == 0);
    CHECK(get_long(merged, 1) == 10);
    PyDict_Clear(c);
    CHECK(PyDict_Size(c) == 0);
    CHECK_STR(PyObject_Repr(c), "{}");
    CHECK(set_long(c, 9, 9) == 0 && get_long(c, 9) == 9);

    PyObject *keys = Py_BuildValue("[sss]", "x", "y", "x");
    PyObject *fk = PyObject_CallMethod((PyObject *)&PyDict_Type, "fromkeys", "Oi",
                                       keys, 0);
    CHECK_STR(repr_of(fk), "{'x': 0, 'y': 0}");
    fk = PyObject_CallMethod((PyObject *)&PyDict_Type, "fromkeys", "O", d);
    CHECK_STR(repr_of(fk), "{1: None, 3: None}");
    Py_DECREF(keys);
    Py_DECREF(merged);
    Py_DECREF(c);
    Py_DECREF(d);
}

/* A key type whose __eq__ empties a target dict: lookups must survive
   the table changing under them. */
static PyObject *victim;

typedef struct {
    PyObject_HEAD
    long value;
} EvilKey;

static Py_hash_t
evil_hash(PyObject *self)
{
    (void)self;
    return 42;
}

static PyObject *
evil_richcompare(PyObject *self, PyObject *other, int op)
{
    if (victim != NULL) {
        PyDict_Clear(victim);
    }
    if (op != Py_EQ || !Py_IS_TYPE(other, Py_TYPE(self))) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return PyBool_FromLong(((EvilKey *)self)->value == ((EvilKey *)other)->value);
}

static PyTypeObject EvilKey_Type = {
    .tp_name = "EvilKey",
    .tp_basicsize = sizeof(EvilKey),
    .tp_hash = evil_hash,
    .tp_richcompare = evil_richcompare,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .ob_base = PyVarObject_HEAD_INIT(&PyType_Type, 0)
};

static PyObject *
evil_key(long value)
{
    EvilKey *k = PyObject_New(EvilKey, &EvilKey_Type);
    if (k != NULL) {
        k->value = value;
    }
    return (PyObject *)k;
}

static void
test_mutating_eq(void)
{
    CHECK(PyType_Ready(&EvilKey_Type) == 0);
    PyObject *d = PyDict_New();
    PyObject *k1 = evil_key(1), *k2 = evil_key(2);
    CHECK(PyDict_SetItem(d, k1, Py_None) == 0);
    victim = d;
    /* Comparing k2 with k1 empties d; the lookup restarts on the empty
       table and finds nothing. */
    CHECK(PyDict_Contains(d, k2) == 0);
    CHECK(PyDict_Size(d) == 0);
    CHECK(PyDict_SetItem(d, k1, Py_True) == 0);
    CHECK(PyDict_SetItem(d, k2, Py_False) == 0);
    CHECK(PyDict_Size(d) >= 1);
    victim = NULL;
    Py_DECREF(k1);
    Py_DECREF(k2);
    Py_DECREF(d);
}

static PyObject *
missing_impl(PyObject *Py_UNUSED(self), PyObject *key)
{
    return PyUnicode_FromFormat("missing %R", key);
}

static PyMethodDef missing_def = {"__missing__", missing_impl, METH_O, NULL};

static void
test_missing_in_subclass(void)
{
    PyObject *func = PyCFunction_New(&missing_def, NULL);
    PyObject *sub = PyObject_CallFunction((PyObject *)&PyType_Type, "s(O){sO}",
                                          "D", (PyObject *)&PyDict_Type,
                                          "__missing__", func);
    CHECK(sub != NULL);
    if (sub != NULL) {
        PyObject *d = PyObject_CallNoArgs(sub);
        PyObject *key = num(5);
        CHECK_STR(PyObject_GetItem(d, key), "missing 5");
        CHECK(PyDict_Size(d) == 0);
        /* PyDict_GetItem ignores __missing__. */
        CHECK(PyDict_GetItemWithError(d, key) == NULL && !PyErr_Occurred());
        Py_DECREF(key);
        Py_XDECREF(d);
        Py_DECREF(sub);
    }
    Py_XDECREF(func);
}

static int watched_events;

static int
count_watch_events(PyDict_WatchEvent event, PyObject *dict, PyObject *key,
                   PyObject *new_value)
{
    (void)dict;
    (void)key;
    (void)new_value;
    watched_events = watched_events * 10 + (int)event + 1;
    return 0;
}

/* On the first deallocation event, keep the dict alive. */
static PyObject *resurrected;

static int
resurrect_on_dealloc(PyDict_WatchEvent event, PyObject *dict, PyObject *key,
                     PyObject *new_value)
{
    (void)key;
    (void)new_value;
    if (event == PyDict_EVENT_DEALLOCATED && resurrected == NULL) {
        resurrected = Py_NewRef(dict);
    }
    return 0;
}

static void
test_watcher_resurrects(void)
{
    int id = PyDict_AddWatcher(resurrect_on_dealloc);
    CHECK(id >= 0);
    PyObject *d = PyDict_New();
    CHECK(set_long(d, 1, 100) == 0);
    CHECK(PyDict_Watch(id, d) == 0);
    Py_DECREF(d);
    CHECK(resurrected == d);
    if (resurrected != NULL) {
        CHECK(get_long(resurrected, 1) == 100);
        CHECK(PyDict_Unwatch(id, resurrected) == 0);
        Py_CLEAR(resurrected);
    }
    CHECK(PyDict_ClearWatcher(id) == 0);
}

static void
test_watchers(void)
{
    int id = PyDict_AddWatcher(count_watch_events);
    CHECK(id >= 0);
    PyObject *d = PyDict_New();
    CHECK(PyDict_Watch(id, d) == 0);
    watched_events = 0;
    CHECK(set_long(d, 1, 1) == 0);       /* ADDED */
    CHECK(set_long(d, 1, 2) == 0);       /* MODIFIED */
    CHECK(del_long(d, 1) == 0);          /* DELETED */
    CHECK(watched_events == 123);
    /* With room in the table (the free-threaded build's leaf stores fall
       back for a watched dict): an int key added, then set again. */
    watched_events = 0;
    CHECK(set_long(d, 3, 3) == 0);       /* ADDED */
    CHECK(set_long(d, 3, 4) == 0);       /* MODIFIED */
    CHECK(del_long(d, 3) == 0);          /* DELETED */
    CHECK(watched_events == 123);
    CHECK(PyDict_Unwatch(id, d) == 0);
    CHECK(set_long(d, 2, 2) == 0);
    CHECK(watched_events == 123);
    CHECK(PyDict_ClearWatcher(id) == 0);
    CHECK(PyDict_Watch(id, d) == -1);
    CHECK_RAISES(PyExc_ValueError);
    Py_DECREF(d);
}


static void
test_string_keys(void)
{
    PyObject *d = PyDict_New();
    int ok = 1;
    for (int i = 0; i < 5000 && ok; i++) {
        PyObject *key = PyUnicode_FromFormat("k%d", i);
        PyObject *value = PyLong_FromLong(i);
        ok = key != NULL && value != NULL && PyDict_SetItem(d, key, value) == 0;
        Py_XDECREF(key);
        Py_XDECREF(value);
    }
    CHECK(ok && PyDict_Size(d) == 5000);
    CHECK(_PyDict_HasOnlyStringKeys(d) == 1);
    /* Equal but distinct key objects are found. */
    for (int i = 0; i < 5000 && ok; i += 7) {
        char buf[16];
        snprintf(buf, sizeof(buf), "k%d", i);
        PyObject *value = PyDict_GetItemString(d, buf);
        ok = value != NULL && PyLong_AsLong(value) == i;
    }
    CHECK(ok);
    /* A non-str key turns the table general; str lookups still work. */
    CHECK(set_long(d, 1, 1) == 0);
    CHECK(_PyDict_HasOnlyStringKeys(d) == 0);
    CHECK(PyDict_ContainsString(d, "k4999") == 1);
    CHECK(PyDict_DelItemString(d, "k0") == 0);
    CHECK(PyDict_ContainsString(d, "k0") == 0);
    CHECK(PyDict_Size(d) == 5000);
    Py_DECREF(d);
}

static void
test_merge_ex_and_from_items(void)
{
    static const long kv1[] = {1, 1, 2, 2};
    static const long kv2[] = {3, 3, 2, 20};
    PyObject *a = make_dict(2, kv1), *b = make_dict(2, kv2);
    CHECK(_PyDict_MergeEx(a, b, 2) == -1);
    CHECK_ERROR(PyExc_KeyError, "2");
    /* Items merged before the duplicate stay. */
    CHECK(get_long(a, 3) == 3 && get_long(a, 2) == 2);

    PyObject *keys[3], *values[3];
    for (int i = 0; i < 3; i++) {
        keys[i] = num(i);
        values[i] = num(i * 100);
    }
    PyObject *d = _PyDict_FromItems(keys, 1, values, 1, 3);
    CHECK_STR(repr_of(d), "{0: 0, 1: 100, 2: 200}");
    for (int i = 0; i < 3; i++) {
        Py_DECREF(keys[i]);
        Py_DECREF(values[i]);
    }

    /* A mapping that is not a dict merges through keys() and [] . */
    PyObject *items = call_method(b, "items");
    PyObject *target = PyDict_New();
    CHECK(PyDict_Merge(target, items, 1) == -1);   /* no keys() on a view */
    CHECK_RAISES(PyExc_AttributeError);
    CHECK(PyDict_MergeFromSeq2(target, items, 1) == 0);
    CHECK_STR(PyObject_Repr(target), "{3: 3, 2: 20}");
    Py_DECREF(items);
    Py_DECREF(target);
    Py_DECREF(a);
    Py_DECREF(b);
}

static void
test_views_compare_and_disjoint(void)
{
    static const long kv1[] = {1, 1, 2, 2};
    static const long kv2[] = {2, 5, 1, 5};
    static const long kv3[] = {7, 7};
    PyObject *a = make_dict(2, kv1), *b = make_dict(2, kv2), *c = make_dict(1, kv3);
    PyObject *ka = call_method(a, "keys"), *kb = call_method(b, "keys");
    PyObject *kc = call_method(c, "keys");
    PyObject *ia = call_method(a, "items"), *ib = call_method(b, "items");
    CHECK(PyObject_RichCompareBool(ka, kb, Py_EQ) == 1);
    CHECK(PyObject_RichCompareBool(ia, ib, Py_EQ) == 0);
    CHECK_STR(repr_of(PyObject_CallMethod(ka, "isdisjoint", "O", kc)), "True");
    CHECK_STR(repr_of(PyObject_CallMethod(ka, "isdisjoint", "O", kb)), "False");
    CHECK_STR(repr_of(PyNumber_And(ia, ib)), "set()");
    PyObject *list = Py_BuildValue("[i]", 2);
    /* The reflected operation: list - keys. */
    CHECK_STR(repr_of(PyNumber_Subtract(list, ka)), "set()");
    CHECK_STR(repr_of(PyNumber_Or(list, kc)), "{2, 7}");
    Py_DECREF(list);
    Py_DECREF(ka);
    Py_DECREF(kb);
    Py_DECREF(kc);
    Py_DECREF(ia);
    Py_DECREF(ib);
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(c);
}

static void
test_sizeof_and_reuse(void)
{
    PyObject *d = PyDict_New();
    PyObject *small = call_method(d, "__sizeof__");
    for (long i = 0; i < 100; i++) {
        set_long(d, i, i);
    }
    PyObject *big = call_method(d, "__sizeof__");
    CHECK(small != NULL && big != NULL
          && PyLong_AsLong(big) > PyLong_AsLong(small));
    /* Deleting and re-inserting at a constant size must not grow the
       table forever: holes are compacted by the next resize. */
    for (long i = 100; i < 100000; i++) {
        del_long(d, i - 100);
        set_long(d, i, i);
    }
    PyObject *after = call_method(d, "__sizeof__");
    CHECK(after != NULL && PyLong_AsLong(after) <= 2 * PyLong_AsLong(big));
    CHECK(PyDict_Size(d) == 100 && get_long(d, 99999) == 99999);
    Py_XDECREF(small);
    Py_XDECREF(big);
    Py_XDECREF(after);
    Py_DECREF(d);
}

void suite_dict(void)
{
    RUN(test_basic_items);
    RUN(test_many_inserts_and_deletes);
    RUN(test_order_preserved);
    RUN(test_views);
    RUN(test_mutation_during_iteration);
    RUN(test_update_errors);
    RUN(test_or_operators);
    RUN(test_popitem_lifo);
    RUN(test_repr_and_equality);
    RUN(test_unhashable_key);
    RUN(test_pop_setdefault_get);
    RUN(test_copy_clear_fromkeys);
    RUN(test_mutating_eq);
    RUN(test_missing_in_subclass);
    RUN(test_watchers);
    RUN(test_watcher_resurrects);
    RUN(test_string_keys);
    RUN(test_merge_ex_and_from_items);
    RUN(test_views_compare_and_disjoint);
    RUN(test_sizeof_and_reuse);
}
