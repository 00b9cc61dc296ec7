/* Tests of frozendict, types.GenericAlias and types.UnionType (typing.Union)
   through the C API. */
#define Py_BUILD_CORE 1
#include "testlib.h"
#include "enumobject.h"
#include "pycore_unionobject.h"

#define TYPE(t) ((PyObject *)&(t))

static PyObject *
error_message(PyObject *type)
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
    return msg;
}

#define CHECK_ERROR(type, text) CHECK_STR(error_message(type), (text))
#define CHECK_REPR(obj, text) CHECK_STR(PyObject_Repr(obj), (text))

/* {'x': 1, 'y': 2}-style dict from "k", v pairs. */
static PyObject *
make_dict(const char *k1, long v1, const char *k2, long v2)
{
    PyObject *d = PyDict_New();
    PyObject *a = PyLong_FromLong(v1), *b = PyLong_FromLong(v2);
    PyDict_SetItemString(d, k1, a);
    if (k2 != NULL) {
        PyDict_SetItemString(d, k2, b);
    }
    Py_DECREF(a);
    Py_DECREF(b);
    return d;
}

static PyObject *
make_frozen(const char *k1, long v1, const char *k2, long v2)
{
    PyObject *d = make_dict(k1, v1, k2, v2);
    PyObject *fd = PyFrozenDict_New(d);
    Py_DECREF(d);
    return fd;
}

static int
equal(PyObject *a, PyObject *b)
{
    return PyObject_RichCompareBool(a, b, Py_EQ);
}

/* ---- frozendict ------------------------------------------------------------- */

static void
test_frozendict_construction(void)
{
    PyObject *empty = PyFrozenDict_New(NULL);
    CHECK(empty != NULL && PyFrozenDict_CheckExact(empty));
    CHECK(PyDict_Size(empty) == 0);
    CHECK_REPR(empty, "frozendict()");

    PyObject *fd = make_frozen("x", 1, "y", 2);
    CHECK_REPR(fd, "frozendict({'x': 1, 'y': 2})");
    CHECK(PyFrozenDict_Check(fd) && PyAnyDict_Check(fd) && PyAnyDict_CheckExact(fd));
    CHECK(!PyDict_Check(fd));
    CHECK(PyFrozenDict_Type.tp_base == &PyBaseObject_Type);

    /* From an iterable of pairs, insertion order kept. */
    PyObject *pairs = Py_BuildValue("[(si)(si)]", "b", 2, "a", 1);
    PyObject *fp = PyFrozenDict_New(pairs);
    CHECK_REPR(fp, "frozendict({'b': 2, 'a': 1})");

    /* frozendict(**kwargs) and frozendict(mapping, **kwargs). */
    PyObject *noargs = PyTuple_New(0);
    PyObject *kw = make_dict("x", 1, "y", 2);
    PyObject *fk = PyObject_Call(TYPE(PyFrozenDict_Type), noargs, kw);
    CHECK(fk != NULL && equal(fk, fd) == 1);
    PyObject *args = PyTuple_Pack(1, pairs);
    PyObject *fm = PyObject_Call(TYPE(PyFrozenDict_Type), args, kw);
    CHECK_REPR(fm, "frozendict({'b': 2, 'a': 1, 'x': 1, 'y': 2})");

    /* An exact frozendict is its own copy. */
    PyObject *again = PyObject_CallOneArg(TYPE(PyFrozenDict_Type), fd);
    CHECK(again == fd);
    PyObject *copy = PyObject_CallMethod(fd, "copy", NULL);
    CHECK(copy == fd);
    PyObject *from_fd = PyFrozenDict_New(fd);
    CHECK(from_fd != NULL && from_fd != fd && equal(from_fd, fd) == 1);

    PyObject *bad = PyFrozenDict_New(PyLong_FromLong(3));
    CHECK(bad == NULL);
    CHECK_RAISES(PyExc_TypeError);

    Py_XDECREF(from_fd);
    Py_XDECREF(copy);
    Py_XDECREF(again);
    Py_XDECREF(fm);
    Py_DECREF(args);
    Py_XDECREF(fk);
    Py_DECREF(kw);
    Py_DECREF(noargs);
    Py_XDECREF(fp);
    Py_DECREF(pairs);
    Py_DECREF(fd);
    Py_DECREF(empty);
}

static void
test_frozendict_immutable(void)
{
    PyObject *fd = make_frozen("x", 1, NULL, 0);
    PyObject *key = PyUnicode_FromString("z");
    PyObject *three = PyLong_FromLong(3);
    CHECK(PyObject_SetItem(fd, key, three) < 0);
    CHECK_ERROR(PyExc_TypeError,
                "'frozendict' object does not support item assignment");
    CHECK(PyDict_SetItem(fd, key, three) < 0);
    CHECK_ERROR(PyExc_TypeError,
                "'frozendict' object does not support item assignment");
    CHECK(PyObject_DelItem(fd, key) < 0);
    CHECK_RAISES(PyExc_TypeError);
    PyObject *update = PyObject_GetAttrString(fd, "update");
    CHECK(update == NULL);
    CHECK_RAISES(PyExc_AttributeError);
    CHECK(PyDict_Size(fd) == 1);
    Py_DECREF(three);
    Py_DECREF(key);
    Py_DECREF(fd);
}

static void
test_frozendict_hash(void)
{
    PyObject *a = make_frozen("x", 1, "y", 2);
    PyObject *b = make_frozen("y", 2, "x", 1);
    Py_hash_t ha = PyObject_Hash(a), hb = PyObject_Hash(b);
    CHECK(ha != -1 && ha == hb);
    /* Specified as hash(frozenset(items)). */
    PyObject *items = PyDict_Items(a);
    PyObject *set = PyFrozenSet_New(items);
    CHECK(PyObject_Hash(set) == ha);
    CHECK(PyObject_Hash(a) == ha);           /* cached */
    CHECK(equal(a, b) == 1);

    PyObject *d = PyDict_New();
    PyObject *list = PyList_New(0);
    PyDict_SetItemString(d, "x", list);
    PyObject *unhashable = PyFrozenDict_New(d);
    CHECK(PyObject_Hash(unhashable) == -1);
    CHECK_ERROR(PyExc_TypeError, "unhashable type: 'list'");

    /* Usable as a dict key. */
    PyObject *outer = PyDict_New();
    CHECK(PyDict_SetItem(outer, a, Py_True) == 0);
    CHECK(PyDict_Contains(outer, b) == 1);

    Py_DECREF(outer);
    Py_DECREF(unhashable);
    Py_DECREF(list);
    Py_DECREF(d);
    Py_DECREF(set);
    Py_DECREF(items);
    Py_DECREF(b);
    Py_DECREF(a);
}

static void
test_frozendict_equality(void)
{
    PyObject *fd = make_frozen("x", 1, "y", 2);
    PyObject *d = make_dict("y", 2, "x", 1);
    PyObject *other = make_dict("x", 1, "y", 3);
    CHECK(equal(fd, d) == 1);
    CHECK(equal(d, fd) == 1);
    CHECK(equal(fd, other) == 0);
    CHECK(PyObject_RichCompareBool(fd, other, Py_NE) == 1);
    PyObject *lt = PyObject_RichCompare(fd, d, Py_LT);
    CHECK(lt == NULL);
    CHECK_RAISES(PyExc_TypeError);
    Py_DECREF(other);
    Py_DECREF(d);
    Py_DECREF(fd);
}

static void
test_frozendict_or(void)
{
    PyObject *fd = make_frozen("x", 1, "y", 2);
    PyObject *d = make_dict("y", 5, "z", 3);
    PyObject *r = PyNumber_Or(fd, d);
    CHECK(r != NULL && PyFrozenDict_CheckExact(r));
    CHECK_REPR(r, "frozendict({'x': 1, 'y': 5, 'z': 3})");
    PyObject *l = PyNumber_Or(d, fd);
    CHECK(l != NULL && PyDict_CheckExact(l));
    CHECK_REPR(l, "{'y': 2, 'z': 3, 'x': 1}");
    /* |= makes a new frozendict and leaves the old one alone. */
    PyObject *ior = PyNumber_InPlaceOr(fd, d);
    CHECK(ior != NULL && ior != fd);
    CHECK_REPR(fd, "frozendict({'x': 1, 'y': 2})");
    PyObject *bad = PyNumber_Or(fd, Py_None);
    CHECK(bad == NULL);
    CHECK_RAISES(PyExc_TypeError);
    Py_XDECREF(ior);
    Py_XDECREF(l);
    Py_XDECREF(r);
    Py_DECREF(d);
    Py_DECREF(fd);
}

static void
test_frozendict_views(void)
{
    PyObject *fd = make_frozen("x", 1, "y", 2);
    PyObject *keys = PyObject_CallMethod(fd, "keys", NULL);
    CHECK_REPR(keys, "dict_keys(['x', 'y'])");
    PyObject *values = PyObject_CallMethod(fd, "values", NULL);
    CHECK_REPR(values, "dict_values([1, 2])");
    PyObject *items = PyObject_CallMethod(fd, "items", NULL);
    CHECK_REPR(items, "dict_items([('x', 1), ('y', 2)])");
    PyObject *list = PySequence_List(fd);
    CHECK_REPR(list, "['x', 'y']");
    PyObject *rev = PyObject_CallMethod(fd, "__reversed__", NULL);
    PyObject *rlist = rev ? PySequence_List(rev) : NULL;
    CHECK_REPR(rlist, "['y', 'x']");
    CHECK(PyMapping_Size(fd) == 2);

    PyObject *x = PyUnicode_FromString("x"), *q = PyUnicode_FromString("q");
    CHECK(PySequence_Contains(fd, x) == 1 && PySequence_Contains(fd, q) == 0);
    CHECK(PySequence_Contains(keys, x) == 1);
    PyObject *got = PyObject_GetItem(fd, x);
    CHECK(got != NULL && PyLong_AsLong(got) == 1);
    PyObject *missing = PyObject_GetItem(fd, q);
    CHECK(missing == NULL);
    CHECK_RAISES(PyExc_KeyError);
    PyObject *dflt = PyObject_CallMethod(fd, "get", "Oi", q, 7);
    CHECK(dflt != NULL && PyLong_AsLong(dflt) == 7);

    /* The read-only dict API serves frozendict. */
    PyObject *ref;
    CHECK(PyDict_GetItemRef(fd, x, &ref) == 1 && PyLong_AsLong(ref) == 1);
    Py_XDECREF(ref);
    Py_ssize_t pos = 0, n = 0;
    PyObject *k, *v;
    while (PyDict_Next(fd, &pos, &k, &v)) {
        n++;
    }
    CHECK(n == 2);
    PyObject *asdict = PyDict_Copy(fd);
    CHECK(asdict != NULL && PyDict_CheckExact(asdict) && equal(asdict, fd) == 1);

    PyObject *fk = PyObject_CallMethod(TYPE(PyFrozenDict_Type), "fromkeys",
                                       "si", "ab", 0);
    CHECK(fk != NULL && PyFrozenDict_CheckExact(fk));
    CHECK_REPR(fk, "frozendict({'a': 0, 'b': 0})");

    PyObject *red = PyObject_CallMethod(fd, "__reduce__", NULL);
    CHECK_REPR(red, "(<class 'frozendict'>, ({'x': 1, 'y': 2},))");

    Py_XDECREF(red);
    Py_XDECREF(fk);
    Py_XDECREF(asdict);
    Py_XDECREF(dflt);
    Py_XDECREF(got);
    Py_DECREF(q);
    Py_DECREF(x);
    Py_XDECREF(rlist);
    Py_XDECREF(rev);
    Py_XDECREF(list);
    Py_XDECREF(items);
    Py_XDECREF(values);
    Py_XDECREF(keys);
    Py_DECREF(fd);
}

static void
test_frozendict_subclass(void)
{
    PyObject *ns = PyDict_New();
    PyObject *sub = PyObject_CallFunction(TYPE(PyType_Type), "s(O)O", "FD",
                                          TYPE(PyFrozenDict_Type), ns);
    CHECK(sub != NULL);
    PyObject *d = make_dict("k", 1, NULL, 0);
    PyObject *fd = sub ? PyObject_CallOneArg(sub, d) : NULL;
    CHECK(fd != NULL && PyFrozenDict_Check(fd) && !PyFrozenDict_CheckExact(fd));
    CHECK(fd != NULL && PyAnyDict_Check(fd) && !PyAnyDict_CheckExact(fd));
    CHECK_REPR(fd, "FD({'k': 1})");
    PyObject *copy = fd ? PyObject_CallMethod(fd, "copy", NULL) : NULL;
    CHECK(copy != NULL && PyFrozenDict_CheckExact(copy) && equal(copy, fd) == 1);
    PyObject *fk = sub ? PyObject_CallMethod(sub, "fromkeys", "s", "ab") : NULL;
    CHECK(fk != NULL && Py_TYPE(fk) == (PyTypeObject *)sub);
    CHECK_REPR(fk, "FD({'a': None, 'b': None})");
    CHECK(fd != NULL && PyObject_Hash(fd) == PyObject_Hash(copy));
    Py_XDECREF(fk);
    Py_XDECREF(copy);
    Py_XDECREF(fd);
    Py_DECREF(d);
    Py_XDECREF(sub);
    Py_DECREF(ns);
}

/* ---- GenericAlias ------------------------------------------------------------ */

/* A stand-in for typing.TypeVar: substitutable, repr "~T". */
static PyObject *
fake_typevar_subst(PyObject *Py_UNUSED(self), PyObject *arg)
{
    return Py_NewRef(arg);
}

static PyObject *
fake_typevar_repr(PyObject *Py_UNUSED(self))
{
    return PyUnicode_FromString("~T");
}

static PyMethodDef fake_typevar_methods[] = {
    {"__typing_subst__", fake_typevar_subst, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot fake_typevar_slots[] = {
    {Py_tp_methods, fake_typevar_methods},
    {Py_tp_repr, fake_typevar_repr},
    {0, NULL},
};

static PyType_Spec fake_typevar_spec = {
    "testmod.FakeTypeVar", sizeof(PyObject), 0, Py_TPFLAGS_DEFAULT,
    fake_typevar_slots,
};

static PyObject *
new_typevar(void)
{
    PyObject *type = PyType_FromSpec(&fake_typevar_spec);
    if (type == NULL) {
        return NULL;
    }
    PyObject *tv = PyObject_CallNoArgs(type);
    Py_DECREF(type);
    return tv;
}

static void
test_alias_repr_and_args(void)
{
    PyObject *li = PyObject_GetItem(TYPE(PyList_Type), TYPE(PyLong_Type));
    CHECK(li != NULL && Py_IS_TYPE(li, &Py_GenericAliasType));
    CHECK_REPR(li, "list[int]");
    PyObject *origin = PyObject_GetAttrString(li, "__origin__");
    CHECK(origin == TYPE(PyList_Type));
    PyObject *args = PyObject_GetAttrString(li, "__args__");
    CHECK_REPR(args, "(<class 'int'>,)");
    PyObject *params = PyObject_GetAttrString(li, "__parameters__");
    CHECK(params != NULL && PyTuple_Check(params) && PyTuple_GET_SIZE(params) == 0);
    PyObject *unpacked = PyObject_GetAttrString(li, "__unpacked__");
    CHECK(unpacked == Py_False);

    PyObject *key = PyTuple_Pack(2, TYPE(PyUnicode_Type), li);
    PyObject *nested = PyObject_GetItem(TYPE(PyDict_Type), key);
    CHECK_REPR(nested, "dict[str, list[int]]");
    PyObject *empty = PyTuple_New(0);
    PyObject *unit = Py_GenericAlias(TYPE(PyTuple_Type), empty);
    CHECK_REPR(unit, "tuple[()]");
    PyObject *vkey = PyTuple_Pack(2, TYPE(PyLong_Type), Py_Ellipsis);
    PyObject *var = PyObject_GetItem(TYPE(PyTuple_Type), vkey);
    CHECK_REPR(var, "tuple[int, ...]");
    PyObject *tv = new_typevar();
    PyObject *tvtype = tv ? PyObject_Type(tv) : NULL;
    PyObject *qual = tvtype ? Py_GenericAlias(TYPE(PyList_Type), tvtype) : NULL;
    CHECK_REPR(qual, "list[testmod.FakeTypeVar]");
    PyObject *withnone = Py_GenericAlias(TYPE(PyList_Type), Py_None);
    CHECK_REPR(withnone, "list[None]");

    /* Other built-ins answer [] the same way. */
    PyObject *s = PyObject_GetItem(TYPE(PySet_Type), TYPE(PyLong_Type));
    CHECK_REPR(s, "set[int]");
    PyObject *fs = PyObject_GetItem(TYPE(PyFrozenSet_Type), TYPE(PyLong_Type));
    CHECK_REPR(fs, "frozenset[int]");
    PyObject *fdk = PyTuple_Pack(2, TYPE(PyUnicode_Type), TYPE(PyLong_Type));
    PyObject *fda = PyObject_GetItem(TYPE(PyFrozenDict_Type), fdk);
    CHECK_REPR(fda, "frozendict[str, int]");

    PyObject *en = PyObject_GetItem(TYPE(PyEnum_Type), TYPE(PyLong_Type));
    CHECK_REPR(en, "enumerate[int]");
    PyObject *tu = PyObject_GetItem(TYPE(PyTuple_Type), TYPE(PyLong_Type));
    CHECK_REPR(tu, "tuple[int]");

    PyObject *ty = PyObject_GetItem(TYPE(PyType_Type), TYPE(PyLong_Type));
    CHECK_REPR(ty, "type[int]");

    Py_XDECREF(ty);
    Py_XDECREF(tu);
    Py_XDECREF(en);
    Py_XDECREF(fda);
    Py_DECREF(fdk);
    Py_XDECREF(fs);
    Py_XDECREF(s);
    Py_XDECREF(withnone);
    Py_XDECREF(qual);
    Py_XDECREF(tvtype);
    Py_XDECREF(tv);
    Py_XDECREF(var);
    Py_DECREF(vkey);
    Py_XDECREF(unit);
    Py_DECREF(empty);
    Py_XDECREF(nested);
    Py_DECREF(key);
    Py_XDECREF(unpacked);
    Py_XDECREF(params);
    Py_XDECREF(args);
    Py_XDECREF(origin);
    Py_XDECREF(li);
}

static void
test_alias_equality_and_attrs(void)
{
    PyObject *a = Py_GenericAlias(TYPE(PyList_Type), TYPE(PyLong_Type));
    PyObject *b = Py_GenericAlias(TYPE(PyList_Type), TYPE(PyLong_Type));
    PyObject *c = Py_GenericAlias(TYPE(PyList_Type), TYPE(PyUnicode_Type));
    CHECK(a != b && equal(a, b) == 1 && equal(a, c) == 0);
    CHECK(PyObject_Hash(a) == PyObject_Hash(b));
    CHECK(equal(a, TYPE(PyList_Type)) == 0);

    /* Attributes other than the alias's own come from the origin. */
    PyObject *append = PyObject_GetAttrString(a, "append");
    PyObject *list_append = PyObject_GetAttrString(TYPE(PyList_Type), "append");
    CHECK(append != NULL && append == list_append);
    PyObject *cls = PyObject_GetAttrString(a, "__class__");
    CHECK(cls == TYPE(Py_GenericAliasType));

    PyObject *bases = PyTuple_New(0);
    PyObject *name = PyUnicode_FromString("__mro_entries__");
    PyObject *entries = PyObject_CallMethodOneArg(a, name, bases);
    Py_DECREF(name);
    CHECK_REPR(entries, "(<class 'list'>,)");

    CHECK(PyObject_IsInstance(bases, a) == -1);
    CHECK_ERROR(PyExc_TypeError,
                "isinstance() argument 2 cannot be a parameterized generic");

    PyObject *sub = PyObject_GetItem(a, TYPE(PyLong_Type));
    CHECK(sub == NULL);
    CHECK_ERROR(PyExc_TypeError, "list[int] is not a generic class");

    Py_XDECREF(entries);
    Py_DECREF(bases);
    Py_XDECREF(cls);
    Py_XDECREF(list_append);
    Py_XDECREF(append);
    Py_DECREF(c);
    Py_DECREF(b);
    Py_DECREF(a);
}

static void
test_alias_call(void)
{
    PyObject *li = Py_GenericAlias(TYPE(PyList_Type), TYPE(PyLong_Type));
    PyObject *inst = PyObject_CallNoArgs(li);
    CHECK(inst != NULL && PyList_CheckExact(inst) && PyList_GET_SIZE(inst) == 0);

    /* A class whose instances take attributes records __orig_class__. */
    PyObject *ns = PyDict_New();
    PyObject *cls = PyObject_CallFunction(TYPE(PyType_Type), "s(O)O", "Box",
                                          TYPE(PyBaseObject_Type), ns);
    PyObject *alias = cls ? Py_GenericAlias(cls, TYPE(PyLong_Type)) : NULL;
    PyObject *box = alias ? PyObject_CallNoArgs(alias) : NULL;
    CHECK(box != NULL && Py_TYPE(box) == (PyTypeObject *)cls);
    PyObject *orig = box ? PyObject_GetAttrString(box, "__orig_class__") : NULL;
    CHECK(orig == alias);

    Py_XDECREF(orig);
    Py_XDECREF(box);
    Py_XDECREF(alias);
    Py_XDECREF(cls);
    Py_DECREF(ns);
    Py_XDECREF(inst);
    Py_DECREF(li);
}

static void
test_alias_substitution(void)
{
    PyObject *T = new_typevar();
    CHECK(T != NULL);
    PyObject *key = PyTuple_Pack(2, TYPE(PyUnicode_Type), T);
    PyObject *generic = PyObject_GetItem(TYPE(PyDict_Type), key);
    CHECK_REPR(generic, "dict[str, ~T]");
    PyObject *params = PyObject_GetAttrString(generic, "__parameters__");
    CHECK(params != NULL && PyTuple_GET_SIZE(params) == 1
          && PyTuple_GET_ITEM(params, 0) == T);

    PyObject *concrete = PyObject_GetItem(generic, TYPE(PyLong_Type));
    CHECK_REPR(concrete, "dict[str, int]");
    PyObject *key2 = PyTuple_Pack(2, TYPE(PyUnicode_Type), TYPE(PyLong_Type));
    PyObject *expected = PyObject_GetItem(TYPE(PyDict_Type), key2);
    CHECK(equal(concrete, expected) == 1);

    PyObject *too_many = PyObject_GetItem(generic, key2);
    CHECK(too_many == NULL);
    CHECK_ERROR(PyExc_TypeError,
                "Too many arguments for dict[str, ~T]; actual 2, expected 1");

    /* Parameters of nested aliases are found and substituted too. */
    PyObject *inner = Py_GenericAlias(TYPE(PyList_Type), T);
    PyObject *key3 = PyTuple_Pack(2, TYPE(PyUnicode_Type), inner);
    PyObject *outer = PyObject_GetItem(TYPE(PyDict_Type), key3);
    PyObject *oparams = PyObject_GetAttrString(outer, "__parameters__");
    CHECK(oparams != NULL && PyTuple_GET_SIZE(oparams) == 1);
    PyObject *filled = PyObject_GetItem(outer, TYPE(PyFloat_Type));
    CHECK_REPR(filled, "dict[str, list[float]]");

    Py_XDECREF(filled);
    Py_XDECREF(oparams);
    Py_XDECREF(outer);
    Py_DECREF(key3);
    Py_DECREF(inner);
    Py_XDECREF(expected);
    Py_DECREF(key2);
    Py_XDECREF(concrete);
    Py_XDECREF(params);
    Py_XDECREF(generic);
    Py_DECREF(key);
    Py_XDECREF(T);
}

static void
test_alias_starred(void)
{
    PyObject *key = PyTuple_Pack(2, TYPE(PyLong_Type), Py_Ellipsis);
    PyObject *var = PyObject_GetItem(TYPE(PyTuple_Type), key);
    PyObject *it = PyObject_GetIter(var);
    PyObject *star = it ? PyIter_Next(it) : NULL;
    CHECK_REPR(star, "*tuple[int, ...]");
    PyObject *end = it ? PyIter_Next(it) : NULL;
    CHECK(end == NULL && !PyErr_Occurred());
    PyObject *unpacked = PyObject_GetAttrString(star, "__unpacked__");
    CHECK(unpacked == Py_True);
    PyObject *targs = PyObject_GetAttrString(star, "__typing_unpacked_tuple_args__");
    CHECK(targs != NULL && equal(targs, key) == 1);
    CHECK(equal(star, var) == 0);
    Py_XDECREF(targs);
    Py_XDECREF(unpacked);
    Py_XDECREF(star);
    Py_XDECREF(it);
    Py_XDECREF(var);
    Py_DECREF(key);
}

/* ---- Union ------------------------------------------------------------------- */

static void
test_union_creation(void)
{
    PyObject *u = PyNumber_Or(TYPE(PyLong_Type), TYPE(PyUnicode_Type));
    CHECK(u != NULL && _PyUnion_Check(u));
    CHECK_REPR(u, "int | str");
    CHECK_STR(PyObject_Repr(TYPE(_PyUnion_Type)), "<class 'typing.Union'>");
    PyObject *args = PyObject_GetAttrString(u, "__args__");
    CHECK_REPR(args, "(<class 'int'>, <class 'str'>)");

    PyObject *opt = PyNumber_Or(TYPE(PyLong_Type), Py_None);
    CHECK_REPR(opt, "int | None");
    PyObject *oargs = PyObject_GetAttrString(opt, "__args__");
    CHECK_REPR(oargs, "(<class 'int'>, <class 'NoneType'>)");
    PyObject *ropt = PyNumber_Or(Py_None, TYPE(PyLong_Type));
    CHECK_REPR(ropt, "None | int");

    PyObject *li = Py_GenericAlias(TYPE(PyList_Type), TYPE(PyLong_Type));
    PyObject *ga = PyNumber_Or(li, Py_None);
    CHECK_REPR(ga, "list[int] | None");

    PyObject *str = PyUnicode_FromString("str");
    PyObject *bad = PyNumber_Or(TYPE(PyLong_Type), str);
    CHECK(bad == NULL);
    CHECK_RAISES(PyExc_TypeError);
    Py_DECREF(str);

    Py_XDECREF(ga);
    Py_DECREF(li);
    Py_XDECREF(ropt);
    Py_XDECREF(oargs);
    Py_XDECREF(opt);
    Py_XDECREF(args);
    Py_XDECREF(u);
}

static void
test_union_flatten_dedup(void)
{
    PyObject *is = PyNumber_Or(TYPE(PyLong_Type), TYPE(PyUnicode_Type));
    PyObject *isf = PyNumber_Or(is, TYPE(PyFloat_Type));
    CHECK_REPR(isf, "int | str | float");
    PyObject *sf = PyNumber_Or(TYPE(PyUnicode_Type), TYPE(PyFloat_Type));
    PyObject *isf2 = PyNumber_Or(TYPE(PyLong_Type), sf);
    PyObject *args = PyObject_GetAttrString(isf2, "__args__");
    CHECK(args != NULL && PyTuple_GET_SIZE(args) == 3);

    PyObject *isi = PyNumber_Or(is, TYPE(PyLong_Type));
    CHECK_REPR(isi, "int | str");
    PyObject *ii = PyNumber_Or(TYPE(PyLong_Type), TYPE(PyLong_Type));
    CHECK(ii == TYPE(PyLong_Type));
    PyObject *nn = PyNumber_Or(Py_None, Py_None);
    CHECK(nn == NULL);   /* None | None: neither side's type has | */
    CHECK_RAISES(PyExc_TypeError);

    /* Order-independent equality and hash. */
    PyObject *si = PyNumber_Or(TYPE(PyUnicode_Type), TYPE(PyLong_Type));
    CHECK(equal(is, si) == 1);
    CHECK(PyObject_Hash(is) == PyObject_Hash(si));
    CHECK(equal(is, isf) == 0);

    Py_XDECREF(si);
    Py_XDECREF(ii);
    Py_XDECREF(isi);
    Py_XDECREF(args);
    Py_XDECREF(isf2);
    Py_XDECREF(sf);
    Py_XDECREF(isf);
    Py_XDECREF(is);
}

static void
test_union_isinstance(void)
{
    PyObject *u = PyNumber_Or(TYPE(PyLong_Type), TYPE(PyUnicode_Type));
    PyObject *one = PyLong_FromLong(1), *half = PyFloat_FromDouble(0.5);
    CHECK(PyObject_IsInstance(one, u) == 1);
    CHECK(PyObject_IsInstance(half, u) == 0);
    CHECK(PyObject_IsSubclass(TYPE(PyBool_Type), u) == 1);
    CHECK(PyObject_IsSubclass(TYPE(PyFloat_Type), u) == 0);
    PyObject *opt = PyNumber_Or(TYPE(PyLong_Type), Py_None);
    CHECK(PyObject_IsInstance(Py_None, opt) == 1);
    Py_XDECREF(opt);
    Py_DECREF(half);
    Py_DECREF(one);
    Py_XDECREF(u);
}

static void
test_union_getitem(void)
{
    /* typing.Union[int, str] is int | str; Union[int] is int. */
    PyObject *key = PyTuple_Pack(2, TYPE(PyLong_Type), TYPE(PyUnicode_Type));
    PyObject *u = PyObject_GetItem(TYPE(_PyUnion_Type), key);
    PyObject *expected = PyNumber_Or(TYPE(PyLong_Type), TYPE(PyUnicode_Type));
    CHECK(u != NULL && equal(u, expected) == 1);
    PyObject *single = PyObject_GetItem(TYPE(_PyUnion_Type), TYPE(PyLong_Type));
    CHECK(single == TYPE(PyLong_Type));

    /* (int | T)[str] -> int | str */
    PyObject *T = new_typevar();
    PyObject *tkey = PyTuple_Pack(2, TYPE(PyLong_Type), T);
    PyObject *generic = PyObject_GetItem(TYPE(_PyUnion_Type), tkey);
    CHECK_REPR(generic, "int | ~T");
    PyObject *filled = generic ? PyObject_GetItem(generic, TYPE(PyUnicode_Type))
                               : NULL;
    CHECK(filled != NULL && equal(filled, expected) == 1);

    Py_XDECREF(filled);
    Py_XDECREF(generic);
    Py_DECREF(tkey);
    Py_XDECREF(T);
    Py_XDECREF(single);
    Py_XDECREF(expected);
    Py_XDECREF(u);
    Py_DECREF(key);
}

void
suite_alias(void)
{
    RUN(test_frozendict_construction);
    RUN(test_frozendict_immutable);
    RUN(test_frozendict_hash);
    RUN(test_frozendict_equality);
    RUN(test_frozendict_or);
    RUN(test_frozendict_views);
    RUN(test_frozendict_subclass);
    RUN(test_alias_repr_and_args);
    RUN(test_alias_equality_and_attrs);
    RUN(test_alias_call);
    RUN(test_alias_substitution);
    RUN(test_alias_starred);
    RUN(test_union_creation);
    RUN(test_union_flatten_dedup);
    RUN(test_union_isinstance);
    RUN(test_union_getitem);
}
