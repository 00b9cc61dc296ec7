/* Tests of the set and frozenset objects, and of weak references, through
   the C API. */
#define Py_BUILD_CORE 1
#include "testlib.h"
#include "pycore_weakref.h"

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
repr_of(PyObject *obj)
{
    if (obj == NULL) {
        return NULL;
    }
    PyObject *r = PyObject_Repr(obj);
    Py_DECREF(obj);
    return r;
}

/* A set (or frozenset) of the ints start, start+step, ... < stop. */
static PyObject *
range_set(PyTypeObject *type, long start, long stop, long step)
{
    PyObject *list = PyList_New(0);
    for (long i = start; list != NULL && i < stop; i += step) {
        PyObject *v = PyLong_FromLong(i);
        if (v == NULL || PyList_Append(list, v) < 0) {
            Py_XDECREF(v);
            Py_CLEAR(list);
            break;
        }
        Py_DECREF(v);
    }
    if (list == NULL) {
        return NULL;
    }
    PyObject *res = type == &PySet_Type ? PySet_New(list) : PyFrozenSet_New(list);
    Py_DECREF(list);
    return res;
}

static int
contains_long(PyObject *set, long v)
{
    PyObject *key = PyLong_FromLong(v);
    int res = PySet_Contains(set, key);
    Py_DECREF(key);
    return res;
}

/* ---- sets ------------------------------------------------------------------ */

static void
test_set_basics(void)
{
    PyObject *s = PySet_New(NULL);
    PyObject *one = PyLong_FromLong(1), *two = PyLong_FromLong(2);
    CHECK(s != NULL && PySet_Size(s) == 0);
    CHECK(PySet_Add(s, one) == 0 && PySet_Add(s, one) == 0);
    CHECK(PySet_Add(s, two) == 0 && PySet_Size(s) == 2);
    CHECK(PySet_Contains(s, one) == 1);
    CHECK(PySet_Discard(s, one) == 1 && PySet_Discard(s, one) == 0);
    CHECK(PySet_Size(s) == 1 && PySet_Contains(s, one) == 0);
    PyObject *popped = PySet_Pop(s);
    CHECK(popped == two);
    Py_XDECREF(popped);
    CHECK(PySet_Pop(s) == NULL);
    CHECK_ERROR(PyExc_KeyError, "'pop from an empty set'");

    CHECK(PyObject_CallMethod(s, "remove", "O", one) == NULL);
    CHECK_ERROR(PyExc_KeyError, "1");

    PyObject *list = PyList_New(0);
    CHECK(PySet_Add(s, list) == -1);
    CHECK_ERROR(PyExc_TypeError, "unhashable type: 'list'");
    CHECK(PySet_Add(s, s) == -1);
    CHECK_ERROR(PyExc_TypeError, "unhashable type: 'set'");

    /* Many adds and removes leave dummies behind; contents stay right. */
    for (long i = 0; i < 1000; i++) {
        PyObject *v = PyLong_FromLong(i);
        PySet_Add(s, v);
        if (i % 3 == 0) {
            PySet_Discard(s, v);
        }
        Py_DECREF(v);
    }
    CHECK(PySet_Size(s) == 666);
    CHECK(contains_long(s, 3) == 0 && contains_long(s, 4) == 1);
    CHECK(PySet_Clear(s) == 0 && PySet_Size(s) == 0);
    Py_DECREF(list);
    Py_DECREF(one);
    Py_DECREF(two);
    Py_DECREF(s);
}

static void
test_large_set_operations(void)
{
    PyObject *a = range_set(&PySet_Type, 0, 20000, 1);
    PyObject *b = range_set(&PySet_Type, 10000, 30000, 2);
    CHECK(a != NULL && b != NULL);
    PyObject *u = PyNumber_Or(a, b);
    PyObject *i = PyNumber_And(a, b);
    PyObject *d = PyNumber_Subtract(a, b);
    PyObject *x = PyNumber_Xor(a, b);
    CHECK(PySet_Size(u) == 25000);
    CHECK(PySet_Size(i) == 5000);
    CHECK(PySet_Size(d) == 15000);
    CHECK(PySet_Size(x) == 20000);
    CHECK(contains_long(i, 10002) == 1 && contains_long(i, 10003) == 0);
    CHECK(contains_long(d, 10003) == 1 && contains_long(d, 10002) == 0);
    CHECK(contains_long(x, 29998) == 1 && contains_long(x, 12000) == 0);

    /* Methods take any iterables, several at once. */
    PyObject *list = PySequence_List(b);
    PyObject *mi = PyObject_CallMethod(a, "intersection", "OO", list, i);
    CHECK(mi != NULL && PySet_Size(mi) == 5000);
    PyObject *mu = PyObject_CallMethod(a, "union", "O", list);
    CHECK(PyObject_RichCompareBool(mu, u, Py_EQ) == 1);
    Py_XDECREF(PyObject_CallMethod(a, "symmetric_difference_update", "O", list));
    CHECK(PyObject_RichCompareBool(a, x, Py_EQ) == 1);
    Py_XDECREF(PyObject_CallMethod(a, "difference_update", "O", b));
    CHECK(PySet_Size(a) == 15000);
    CHECK(PyObject_RichCompareBool(a, d, Py_EQ) == 1);
    Py_XDECREF(PyObject_CallMethod(a, "intersection_update", "O", d));
    CHECK(PySet_Size(a) == 15000);
    PyObject *inplace = PyNumber_InPlaceAnd(a, i);
    CHECK(inplace == a && PySet_Size(a) == 0);
    Py_XDECREF(inplace);
    CHECK_STR(repr_of(PyObject_CallMethod(i, "isdisjoint", "O", d)), "True");
    CHECK_STR(repr_of(PyObject_CallMethod(i, "issubset", "O", list)), "True");
    CHECK_STR(repr_of(PyObject_CallMethod(u, "issuperset", "O", list)), "True");

    Py_XDECREF(mi);
    Py_XDECREF(mu);
    Py_DECREF(list);
    Py_XDECREF(u);
    Py_XDECREF(i);
    Py_XDECREF(d);
    Py_XDECREF(x);
    Py_XDECREF(a);
    Py_XDECREF(b);
}

static void
test_frozenset_hash(void)
{
    PyObject *forward = range_set(&PyFrozenSet_Type, 0, 200, 1);
    PyObject *list = PySequence_List(forward);
    CHECK(PyList_Reverse(list) == 0);
    PyObject *backward = PyFrozenSet_New(list);
    /* Same elements, reached through a table with a different history. */
    PyObject *mutable = range_set(&PySet_Type, 0, 400, 1);
    for (long i = 200; i < 400; i++) {
        PyObject *v = PyLong_FromLong(i);
        PySet_Discard(mutable, v);
        Py_DECREF(v);
    }
    PyObject *rebuilt = PyFrozenSet_New(mutable);
    Py_hash_t h = PyObject_Hash(forward);
    CHECK(h != -1);
    CHECK(PyObject_Hash(backward) == h);
    CHECK(PyObject_Hash(rebuilt) == h);
    CHECK(PyObject_RichCompareBool(forward, rebuilt, Py_EQ) == 1);
    CHECK(PyObject_RichCompareBool(forward, mutable, Py_EQ) == 1);

    PyObject *smaller = range_set(&PyFrozenSet_Type, 0, 199, 1);
    CHECK(PyObject_Hash(smaller) != h);
    PyObject *empty1 = PyFrozenSet_New(NULL), *empty2 = PyFrozenSet_New(NULL);
    CHECK(PyObject_Hash(empty1) == PyObject_Hash(empty2));

    /* frozenset(fs) is fs; fs.copy() is fs. */
    PyObject *same = PyObject_CallOneArg((PyObject *)&PyFrozenSet_Type, forward);
    CHECK(same == forward);
    Py_XDECREF(same);
    same = PyObject_CallMethod(forward, "copy", NULL);
    CHECK(same == forward);
    Py_XDECREF(same);

    /* A set looks up as the equal frozenset. */
    PyObject *outer = PySet_New(NULL);
    PySet_Add(outer, forward);
    CHECK(PySequence_Contains(outer, mutable) == 1);
    Py_XDECREF(PyObject_CallMethod(outer, "discard", "O", mutable));
    CHECK(PySet_Size(outer) == 0);

    Py_DECREF(outer);
    Py_DECREF(empty1);
    Py_DECREF(empty2);
    Py_DECREF(smaller);
    Py_DECREF(rebuilt);
    Py_DECREF(mutable);
    Py_DECREF(backward);
    Py_DECREF(list);
    Py_DECREF(forward);
}

static void
test_set_comparisons(void)
{
    PyObject *a = range_set(&PySet_Type, 1, 3, 1);          /* {1, 2} */
    PyObject *b = range_set(&PySet_Type, 1, 4, 1);          /* {1, 2, 3} */
    PyObject *fa = range_set(&PyFrozenSet_Type, 1, 3, 1);
    PyObject *c = range_set(&PySet_Type, 2, 5, 1);          /* {2, 3, 4} */
    CHECK(PyObject_RichCompareBool(a, b, Py_LT) == 1);
    CHECK(PyObject_RichCompareBool(a, b, Py_LE) == 1);
    CHECK(PyObject_RichCompareBool(b, a, Py_GT) == 1);
    CHECK(PyObject_RichCompareBool(b, a, Py_GE) == 1);
    CHECK(PyObject_RichCompareBool(a, a, Py_LT) == 0);
    CHECK(PyObject_RichCompareBool(a, a, Py_LE) == 1);
    CHECK(PyObject_RichCompareBool(a, fa, Py_EQ) == 1);
    CHECK(PyObject_RichCompareBool(a, b, Py_NE) == 1);
    CHECK(PyObject_RichCompareBool(a, c, Py_LT) == 0);
    CHECK(PyObject_RichCompareBool(a, c, Py_GT) == 0);
    CHECK(PyObject_RichCompareBool(c, b, Py_EQ) == 0);
    PyObject *list = PySequence_List(a);
    CHECK(PyObject_RichCompareBool(a, list, Py_EQ) == 0);
    CHECK(PyObject_RichCompare(a, list, Py_LT) == NULL);
    CHECK_RAISES(PyExc_TypeError);

    /* Operator results take the left operand's base type. */
    PyObject *r = PyNumber_Or(fa, c);
    CHECK(r != NULL && PyFrozenSet_CheckExact(r));
    CHECK_STR(PyObject_Repr(r), "frozenset({1, 2, 3, 4})");
    Py_XDECREF(r);
    r = PyNumber_Or(c, fa);
    CHECK(r != NULL && PySet_CheckExact(r));
    Py_XDECREF(r);
    CHECK(PyNumber_Or(a, list) == NULL);
    CHECK_RAISES(PyExc_TypeError);

    Py_DECREF(list);
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(fa);
    Py_DECREF(c);
}

static void
test_set_repr_and_iteration(void)
{
    PyObject *s = PySet_New(NULL);
    CHECK_STR(PyObject_Repr(s), "set()");
    PyObject *f = PyFrozenSet_New(NULL);
    CHECK_STR(PyObject_Repr(f), "frozenset()");
    Py_DECREF(f);
    PyObject *one = PyLong_FromLong(1), *two = PyLong_FromLong(2);
    PySet_Add(s, one);
    f = PyFrozenSet_New(s);
    CHECK_STR(PyObject_Repr(f), "frozenset({1})");
    PySet_Add(s, two);
    CHECK_STR(PyObject_Repr(s), "{1, 2}");

    PyObject *it = PyObject_GetIter(s);
    PyObject *first = PyIter_Next(it);
    CHECK(first != NULL);
    Py_XDECREF(first);
    PyObject *three = PyLong_FromLong(3);
    PySet_Add(s, three);
    CHECK(PyIter_Next(it) == NULL);
    CHECK_ERROR(PyExc_RuntimeError, "Set changed size during iteration");
    CHECK(PySet_Discard(s, three) == 1);
    CHECK(PyIter_Next(it) == NULL);
    CHECK_ERROR(PyExc_RuntimeError, "Set changed size during iteration");
    CHECK(PySet_Add(s, three) == 0);
    Py_DECREF(it);

    it = PyObject_GetIter(s);
    long sum = 0, n = 0;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        sum += PyLong_AsLong(item);
        n++;
        Py_DECREF(item);
    }
    CHECK(n == 3 && sum == 6 && !PyErr_Occurred());
    Py_DECREF(it);

    PyObject *args = PyTuple_Pack(2, one, two);
    CHECK(PyObject_Call((PyObject *)&PySet_Type, args, NULL) == NULL);
    CHECK_ERROR(PyExc_TypeError, "set expected at most 1 argument, got 2");
    Py_DECREF(args);

    Py_DECREF(three);
    Py_DECREF(one);
    Py_DECREF(two);
    Py_DECREF(f);
    Py_DECREF(s);
}

/* ---- weak references -------------------------------------------------------- */

/* Each callback appends (its id, whether it got the expected ref) to
   callback_log. */
static PyObject *callback_log;

static PyObject *
record_callback(PyObject *self, PyObject *ref)
{
    PyObject *entry = PyTuple_Pack(2, self, ref);
    if (entry == NULL || PyList_Append(callback_log, entry) < 0) {
        Py_XDECREF(entry);
        return NULL;
    }
    Py_DECREF(entry);
    Py_RETURN_NONE;
}

static PyMethodDef record_def = {"record", record_callback, METH_O, NULL};

static PyObject *
make_callback(long id)
{
    PyObject *tag = PyLong_FromLong(id);
    PyObject *cb = PyCFunction_New(&record_def, tag);
    Py_XDECREF(tag);
    return cb;
}

static void
test_weakref_callbacks(void)
{
    callback_log = PyList_New(0);
    PyObject *obj = PySet_New(NULL);
    PyObject *cb1 = make_callback(1), *cb2 = make_callback(2);
    PyObject *plain = PyWeakref_NewRef(obj, NULL);
    PyObject *r1 = PyWeakref_NewRef(obj, cb1);
    PyObject *r2 = PyWeakref_NewRef(obj, cb2);
    CHECK(plain != NULL && r1 != NULL && r2 != NULL);
    CHECK(r1 != r2 && r1 != plain);

    /* The callback-less reference is shared. */
    PyObject *again = PyWeakref_NewRef(obj, Py_None);
    CHECK(again == plain);
    Py_XDECREF(again);

    PyObject *cb_attr = PyObject_GetAttrString(r1, "__callback__");
    CHECK(cb_attr == cb1);
    Py_XDECREF(cb_attr);
    cb_attr = PyObject_GetAttrString(plain, "__callback__");
    CHECK(cb_attr == Py_None);
    Py_XDECREF(cb_attr);

    PyObject *got = NULL;
    CHECK(PyWeakref_GetRef(r1, &got) == 1 && got == obj);
    Py_XDECREF(got);

    Py_DECREF(obj);   /* the referent dies: newest callback first */
    CHECK(PyList_GET_SIZE(callback_log) == 2);
    if (PyList_GET_SIZE(callback_log) == 2) {
        PyObject *e0 = PyList_GET_ITEM(callback_log, 0);
        PyObject *e1 = PyList_GET_ITEM(callback_log, 1);
        CHECK(PyLong_AsLong(PyTuple_GET_ITEM(e0, 0)) == 2);
        CHECK(PyTuple_GET_ITEM(e0, 1) == r2);
        CHECK(PyLong_AsLong(PyTuple_GET_ITEM(e1, 0)) == 1);
        CHECK(PyTuple_GET_ITEM(e1, 1) == r1);
    }
    CHECK(PyWeakref_GetRef(r1, &got) == 0 && got == NULL);
    CHECK(PyWeakref_GetRef(plain, &got) == 0 && got == NULL);
    PyObject *called = PyObject_CallNoArgs(r2);
    CHECK(called == Py_None);
    Py_XDECREF(called);
    cb_attr = PyObject_GetAttrString(r1, "__callback__");
    CHECK(cb_attr == Py_None);
    Py_XDECREF(cb_attr);

    Py_DECREF(plain);
    Py_DECREF(r1);
    Py_DECREF(r2);
    Py_DECREF(cb1);
    Py_DECREF(cb2);
    Py_CLEAR(callback_log);
}

static void
test_weakref_dead_behaviour(void)
{
    PyObject *obj = range_set(&PyFrozenSet_Type, 0, 3, 1);
    PyObject *twin = range_set(&PyFrozenSet_Type, 0, 3, 1);
    PyObject *hashed = PyWeakref_NewRef(obj, NULL);
    PyObject *cb = make_callback(0);
    callback_log = PyList_New(0);
    PyObject *unhashed = PyWeakref_NewRef(obj, cb);
    PyObject *to_twin = PyWeakref_NewRef(twin, NULL);
    Py_hash_t h = PyObject_Hash(hashed);
    CHECK(h == PyObject_Hash(obj));
    /* Live references compare by referent. */
    CHECK(PyObject_RichCompareBool(hashed, to_twin, Py_EQ) == 1);
    CHECK(PyObject_RichCompareBool(hashed, unhashed, Py_EQ) == 1);
    CHECK(PyObject_RichCompare(hashed, to_twin, Py_LT) == NULL);
    CHECK_RAISES(PyExc_TypeError);

    PyObject *called = PyObject_CallOneArg(hashed, Py_None);
    CHECK(called == NULL);
    CHECK_ERROR(PyExc_TypeError, "weakref expected 0 arguments, got 1");

    Py_DECREF(obj);
    CHECK(PyObject_Hash(hashed) == h);
    CHECK(PyObject_Hash(unhashed) == -1);
    CHECK_ERROR(PyExc_TypeError, "weak object has gone away");
    /* Dead references are equal only to themselves. */
    CHECK(PyObject_RichCompareBool(hashed, to_twin, Py_EQ) == 0);
    CHECK(PyObject_RichCompareBool(hashed, unhashed, Py_EQ) == 0);
    CHECK(PyObject_RichCompareBool(hashed, unhashed, Py_NE) == 1);
    PyObject *r = PyObject_Repr(hashed);
    CHECK(r != NULL && PyUnicode_Check(r));
    if (r != NULL) {
        const char *text = PyUnicode_AsUTF8(r);
        size_t len = strlen(text);
        CHECK(strncmp(text, "<weakref at ", 12) == 0);
        CHECK(len > 7 && strcmp(text + len - 7, "; dead>") == 0);
        Py_DECREF(r);
    }
    PyObject *self_cmp = PyObject_RichCompare(unhashed, unhashed, Py_EQ);
    CHECK(self_cmp == Py_True);
    Py_XDECREF(self_cmp);

    Py_DECREF(hashed);
    Py_DECREF(unhashed);
    Py_DECREF(to_twin);
    Py_DECREF(twin);
    Py_DECREF(cb);
    Py_CLEAR(callback_log);
}

static void
test_weakref_proxy(void)
{
    PyObject *obj = range_set(&PySet_Type, 0, 5, 1);
    PyObject *proxy = PyWeakref_NewProxy(obj, NULL);
    CHECK(proxy != NULL && PyWeakref_CheckProxy(proxy));
    CHECK(Py_IS_TYPE(proxy, &_PyWeakref_ProxyType));
    CHECK(PyObject_Length(proxy) == 5);
    PyObject *three = PyLong_FromLong(3);
    CHECK(PySequence_Contains(proxy, three) == 1);
    Py_XDECREF(PyObject_CallMethod(proxy, "discard", "O", three));
    CHECK(PySet_Size(obj) == 4);
    PyObject *other = range_set(&PySet_Type, 0, 2, 1);
    CHECK_STR(repr_of(PyNumber_And(proxy, other)), "{0, 1}");
    CHECK(PyObject_RichCompareBool(proxy, obj, Py_EQ) == 1);
    CHECK(PyObject_Hash(proxy) == -1);
    CHECK_RAISES(PyExc_TypeError);
    PyObject *again = PyWeakref_NewProxy(obj, NULL);
    CHECK(again == proxy);
    Py_XDECREF(again);

    Py_DECREF(obj);
    CHECK(PyObject_Length(proxy) == -1);
    CHECK_ERROR(PyExc_ReferenceError, "weakly-referenced object no longer exists");
    CHECK(PyObject_GetAttrString(proxy, "add") == NULL);
    CHECK_ERROR(PyExc_ReferenceError, "weakly-referenced object no longer exists");
    CHECK(PyNumber_Or(proxy, other) == NULL);
    CHECK_RAISES(PyExc_ReferenceError);
    CHECK(PyObject_IsTrue(proxy) == -1);
    CHECK_RAISES(PyExc_ReferenceError);

    Py_DECREF(other);
    Py_DECREF(three);
    Py_DECREF(proxy);
}

static void
test_weakref_errors(void)
{
    PyObject *n = PyLong_FromLong(5000);
    CHECK(PyWeakref_NewRef(n, NULL) == NULL);
    CHECK_ERROR(PyExc_TypeError, "cannot create weak reference to 'int' object");
    PyObject *got = n;
    CHECK(PyWeakref_GetRef(n, &got) == -1 && got == NULL);
    CHECK_RAISES(PyExc_TypeError);
    Py_DECREF(n);
}


static void
test_weakref_internals(void)
{
    PyObject *obj = PySet_New(NULL);
    CHECK(_PyWeakref_GetWeakrefCount(obj) == 0);
    PyObject *cb = make_callback(7);
    callback_log = PyList_New(0);
    PyObject *r1 = PyWeakref_NewRef(obj, NULL);
    PyObject *r2 = PyWeakref_NewRef(obj, cb);
    PyObject *p1 = PyWeakref_NewProxy(obj, NULL);
    CHECK(_PyWeakref_GetWeakrefCount(obj) == 3);
    PyObject *refs = _PyWeakref_GetWeakrefs(obj);
    /* Shared reference, shared proxy, then those with callbacks. */
    CHECK(refs != NULL && PyList_GET_SIZE(refs) == 3);
    if (refs != NULL && PyList_GET_SIZE(refs) == 3) {
        CHECK(PyList_GET_ITEM(refs, 0) == r1);
        CHECK(PyList_GET_ITEM(refs, 1) == p1);
        CHECK(PyList_GET_ITEM(refs, 2) == r2);
    }
    Py_XDECREF(refs);
    CHECK(_PyWeakref_IS_DEAD(r1) == 0);

    /* Clearing without callbacks: every reference dies silently. */
    PyUnstable_Object_ClearWeakRefsNoCallbacks(obj);
    CHECK(_PyWeakref_GetWeakrefCount(obj) == 0);
    CHECK(_PyWeakref_IS_DEAD(r1) == 1 && _PyWeakref_IS_DEAD(r2) == 1);
    Py_DECREF(obj);
    CHECK(PyList_GET_SIZE(callback_log) == 0);

    Py_DECREF(r1);
    Py_DECREF(r2);
    Py_DECREF(p1);
    Py_DECREF(cb);
    Py_CLEAR(callback_log);
}

static void
test_weakref_subclass_and_callable_proxy(void)
{
    PyObject *sub = PyObject_CallFunction((PyObject *)&PyType_Type, "s(O){}",
                                          "MyRef", (PyObject *)&_PyWeakref_RefType);
    CHECK(sub != NULL);
    PyObject *obj = PySet_New(NULL);
    if (sub != NULL) {
        PyObject *mine = PyObject_CallOneArg(sub, obj);
        CHECK(mine != NULL && PyWeakref_CheckRef(mine) && !PyWeakref_CheckRefExact(mine));
        PyObject *plain = PyWeakref_NewRef(obj, NULL);
        CHECK(plain != mine);
        PyObject *got = NULL;
        CHECK(mine != NULL && PyWeakref_GetRef(mine, &got) == 1 && got == obj);
        Py_XDECREF(got);
        CHECK(_PyWeakref_GetWeakrefCount(obj) == 2);
        Py_XDECREF(plain);
        Py_XDECREF(mine);
        Py_DECREF(sub);
    }

    /* A proxy to a callable is callable. */
    PyObject *func = make_callback(3);
    callback_log = PyList_New(0);
    PyObject *proxy = PyWeakref_NewProxy(func, NULL);
    CHECK(proxy != NULL && Py_IS_TYPE(proxy, &_PyWeakref_CallableProxyType));
    PyObject *res = PyObject_CallOneArg(proxy, obj);
    CHECK(res == Py_None && PyList_GET_SIZE(callback_log) == 1);
    Py_XDECREF(res);
    Py_DECREF(func);
    CHECK(PyObject_CallOneArg(proxy, obj) == NULL);
    CHECK_ERROR(PyExc_ReferenceError, "weakly-referenced object no longer exists");
    Py_XDECREF(proxy);
    Py_DECREF(obj);
    Py_CLEAR(callback_log);
}

static void
test_set_misc_methods(void)
{
    PyObject *s = range_set(&PySet_Type, 0, 3, 1);
    PyObject *reduced = PyObject_CallMethod(s, "__reduce__", NULL);
    CHECK(reduced != NULL && PyTuple_Check(reduced) && PyTuple_GET_SIZE(reduced) == 3);
    if (reduced != NULL && PyTuple_GET_SIZE(reduced) == 3) {
        CHECK(PyTuple_GET_ITEM(reduced, 0) == (PyObject *)&PySet_Type);
        CHECK_STR(PyObject_Repr(PyTuple_GET_ITEM(reduced, 1)), "([0, 1, 2],)");
        CHECK(PyTuple_GET_ITEM(reduced, 2) == Py_None);
    }
    Py_XDECREF(reduced);

    PyObject *sub = PyObject_CallFunction((PyObject *)&PyType_Type, "s(O){}",
                                          "MySet", (PyObject *)&PySet_Type);
    if (sub != NULL) {
        PyObject *mine = PyObject_CallOneArg(sub, s);
        CHECK_STR(PyObject_Repr(mine), "MySet({0, 1, 2})");
        PyObject *copy = PyObject_CallMethod(mine, "copy", NULL);
        CHECK(copy != NULL && PySet_CheckExact(copy));
        Py_XDECREF(copy);
        PyObject *u = PyObject_CallMethod(mine, "union", NULL);
        CHECK(u != NULL && PySet_CheckExact(u) && PySet_Size(u) == 3);
        Py_XDECREF(u);
        Py_XDECREF(mine);
        Py_DECREF(sub);
    }
    else {
        CHECK(sub != NULL);
    }

    /* Pop every element: each comes out once. */
    PyObject *big = range_set(&PySet_Type, 0, 500, 1);
    long sum = 0;
    while (PySet_GET_SIZE(big) > 0) {
        PyObject *v = PySet_Pop(big);
        sum += PyLong_AsLong(v);
        Py_DECREF(v);
    }
    CHECK(sum == 499 * 500 / 2);
    Py_DECREF(big);
    Py_DECREF(s);
}

void suite_set(void)
{
    RUN(test_set_basics);
    RUN(test_large_set_operations);
    RUN(test_frozenset_hash);
    RUN(test_set_comparisons);
    RUN(test_set_repr_and_iteration);
    RUN(test_weakref_callbacks);
    RUN(test_weakref_dead_behaviour);
    RUN(test_weakref_proxy);
    RUN(test_weakref_errors);
    RUN(test_weakref_internals);
    RUN(test_weakref_subclass_and_callable_proxy);
    RUN(test_set_misc_methods);
}
