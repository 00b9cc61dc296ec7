/* Tests of the type system and the generic object protocol through the C
   API: type(), the C3 MRO, attribute lookup, descriptors, slot wrappers
   and slot dispatch, __slots__, the method cache, the singletons, object
   itself, built-in functions and modules.  Expected values come from
   CPython's behaviour. */
#include "testlib.h"
#include "typeslots.h"

/* ---- helpers ------------------------------------------------------------ */

/* The pending exception is of type `type` and its str() is `message`;
   clears it.  Returns 1 on a match. */
static int raised(PyObject *type, const char *message)
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
        fprintf(stderr, "    got %s \"%s\", expected \"%s\"\n",
                Py_TYPE(exc)->tp_name, utf8 ? utf8 : "?", message);
        ok = 0;
    }
    Py_XDECREF(text);
    Py_DECREF(exc);
    PyErr_Clear();
    return ok;
}

#define CHECK_REPR(obj, text) CHECK_STR(PyObject_Repr(obj), (text))

/* type(name, bases, dict) with bases given as a NULL-terminated list;
   `dict` is borrowed (NULL: empty). */
static PyObject *make_class_in(const char *name, PyObject *dict, ...)
{
    va_list va;
    PyObject *bases = PyList_New(0);
    va_start(va, dict);
    PyObject *base;
    while ((base = va_arg(va, PyObject *)) != NULL) {
        PyList_Append(bases, base);
    }
    va_end(va);
    PyObject *bases_tuple = PyList_AsTuple(bases);
    Py_DECREF(bases);
    PyObject *ns = dict != NULL ? PyDict_Copy(dict) : PyDict_New();
    PyObject *module = PyUnicode_FromString("testmod");
    PyDict_SetItemString(ns, "__module__", module);
    Py_DECREF(module);
    PyObject *args = Py_BuildValue("(sOO)", name, bases_tuple, ns);
    Py_DECREF(bases_tuple);
    Py_DECREF(ns);
    PyObject *cls = PyObject_Call((PyObject *)&PyType_Type, args, NULL);
    Py_DECREF(args);
    return cls;
}

#define make_class(name, ...) make_class_in((name), NULL, __VA_ARGS__, NULL)

/* "A,B,object": the __name__s of cls.__mro__. */
static PyObject *mro_names(PyObject *cls)
{
    PyObject *mro = PyObject_GetAttrString(cls, "__mro__");
    if (mro == NULL) {
        return NULL;
    }
    PyObject *names = PyList_New(0);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(mro); i++) {
        PyObject *name = PyObject_GetAttrString(PyTuple_GET_ITEM(mro, i), "__name__");
        PyList_Append(names, name);
        Py_DECREF(name);
    }
    Py_DECREF(mro);
    PyObject *sep = PyUnicode_FromString(",");
    PyObject *joined = PyUnicode_Join(sep, names);
    Py_DECREF(sep);
    Py_DECREF(names);
    return joined;
}

static PyObject *call0(PyObject *callable)
{
    return PyObject_CallNoArgs(callable);
}

/* C functions used as methods: wrapped in method descriptors of `object`,
   they bind to any instance like Python functions do. */
static PyObject *fn_return_seven(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(7);
}

static PyObject *fn_repr(PyObject *self, PyObject *unused)
{
    return PyUnicode_FromString("custom repr");
}

static PyObject *fn_add(PyObject *self, PyObject *other)
{
    return PyUnicode_FromString("add");
}

static PyObject *fn_radd(PyObject *self, PyObject *other)
{
    return PyUnicode_FromString("radd");
}

static PyObject *fn_eq_always(PyObject *self, PyObject *other)
{
    Py_RETURN_TRUE;
}

static PyObject *fn_getitem_double(PyObject *self, PyObject *key)
{
    long v = PyLong_AsLong(key);
    if (v == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromLong(2 * v);
}

static PyObject *fn_getattr(PyObject *self, PyObject *name)
{
    return PyUnicode_FromFormat("dynamic %U", name);
}

static PyMethodDef def_len = {"__len__", fn_return_seven, METH_NOARGS, NULL};
static PyMethodDef def_repr = {"__repr__", fn_repr, METH_NOARGS, NULL};
static PyMethodDef def_add = {"__add__", fn_add, METH_O, NULL};
static PyMethodDef def_radd = {"__radd__", fn_radd, METH_O, NULL};
static PyMethodDef def_eq = {"__eq__", fn_eq_always, METH_O, NULL};
static PyMethodDef def_getitem = {"__getitem__", fn_getitem_double, METH_O, NULL};
static PyMethodDef def_getattr = {"__getattr__", fn_getattr, METH_O, NULL};

static PyObject *method(PyMethodDef *def)
{
    return PyDescr_NewMethod(&PyBaseObject_Type, def);
}

/* A dict {name: method(def)}. */
static PyObject *dict_with_method(const char *name, PyMethodDef *def)
{
    PyObject *dict = PyDict_New();
    PyObject *m = method(def);
    PyDict_SetItemString(dict, name, m);
    Py_DECREF(m);
    return dict;
}

/* ---- a static descriptor type for the lookup-order tests --------------- */

typedef struct {
    PyObject_HEAD
    const char *label;
} labeldescr;

static PyObject *labeldescr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    if (obj == NULL) {
        return Py_NewRef(self);
    }
    return PyUnicode_FromString(((labeldescr *)self)->label);
}

static int labeldescr_set(PyObject *self, PyObject *obj, PyObject *value)
{
    PyErr_SetString(PyExc_AttributeError, "labeldescr is read-only");
    return -1;
}

/* Non-data descriptor: __get__ only. */
static PyTypeObject NonDataDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "test.NonDataDescr",
    .tp_basicsize = sizeof(labeldescr),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_descr_get = labeldescr_get,
};

/* Data descriptor: __get__ and __set__. */
static PyTypeObject DataDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "test.DataDescr",
    .tp_basicsize = sizeof(labeldescr),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_descr_get = labeldescr_get,
    .tp_descr_set = labeldescr_set,
};

static PyObject *new_labeldescr(PyTypeObject *type, const char *label)
{
    if (PyType_Ready(type) < 0) {
        return NULL;
    }
    labeldescr *d = PyObject_New(labeldescr, type);
    if (d != NULL) {
        d->label = label;
    }
    return (PyObject *)d;
}

/* ---- type(): creation and the MRO ---------------------------------------- */

static void test_type_of_object(void)
{
    PyObject *one = PyLong_FromLong(1);
    PyObject *args = PyTuple_Pack(1, one);
    PyObject *t = PyObject_Call((PyObject *)&PyType_Type, args, NULL);
    CHECK(t == (PyObject *)&PyLong_Type);
    Py_XDECREF(t);
    Py_DECREF(args);
    Py_DECREF(one);
    CHECK(Py_TYPE(&PyType_Type) == &PyType_Type);
    CHECK(PyType_IsSubtype(&PyBool_Type, &PyLong_Type));
    CHECK(PyType_IsSubtype(&PyType_Type, &PyBaseObject_Type));
    CHECK(!PyType_IsSubtype(&PyLong_Type, &PyBool_Type));
    CHECK_REPR((PyObject *)&PyLong_Type, "<class 'int'>");
    CHECK_REPR((PyObject *)&PyType_Type, "<class 'type'>");
    CHECK_STR(mro_names((PyObject *)&PyBool_Type), "bool,int,object");

    PyObject *pair = PyTuple_Pack(2, one, one);
    t = PyObject_Call((PyObject *)&PyType_Type, pair, NULL);
    CHECK(t == NULL && raised(PyExc_TypeError, "type() takes 1 or 3 arguments"));
    Py_DECREF(pair);
}

static void test_diamond_mro(void)
{
    PyObject *a = make_class("A", (PyObject *)&PyBaseObject_Type);
    PyObject *b = make_class("B", a);
    PyObject *c = make_class("C", a);
    PyObject *d = make_class("D", b, c);
    CHECK(a && b && c && d);
    if (d == NULL) {
        PyErr_Clear();
        goto done;
    }
    CHECK_STR(mro_names(d), "D,B,C,A,object");
    PyObject *mro = PyObject_CallMethod(d, "mro", NULL);
    CHECK(mro != NULL && PyList_Check(mro) && PyList_GET_SIZE(mro) == 5);
    Py_XDECREF(mro);
    CHECK(PyType_IsSubtype((PyTypeObject *)d, (PyTypeObject *)c));
    CHECK(!PyType_IsSubtype((PyTypeObject *)b, (PyTypeObject *)c));
    PyObject *base = PyObject_GetAttrString(d, "__base__");
    CHECK(base == b);
    Py_XDECREF(base);
    CHECK_REPR(d, "<class 'testmod.D'>");

    /* The classic example: two diamonds sharing the bottom. */
    PyObject *o = (PyObject *)&PyBaseObject_Type;
    PyObject *f = make_class("F", o), *e = make_class("E", o);
    PyObject *k1 = make_class("K1", a, b, c);
    CHECK(k1 == NULL && raised(PyExc_TypeError,
        "Cannot create a consistent method resolution order (MRO) for bases A, B, C"));
    PyObject *k2 = make_class("K2", d, b, e);
    PyObject *x = make_class("X", d, f), *y = make_class("Y", f, e);
    PyObject *z = make_class("Z", x, y);
    CHECK(k2 != NULL && z != NULL);
    if (z != NULL) {
        CHECK_STR(mro_names(z), "Z,X,D,B,C,A,Y,F,E,object");
    }
    CHECK_STR(mro_names(k2), "K2,D,B,C,A,E,object");
    Py_XDECREF(f);
    Py_XDECREF(e);
    Py_XDECREF(k2);
    Py_XDECREF(x);
    Py_XDECREF(y);
    Py_XDECREF(z);
done:
    Py_XDECREF(a);
    Py_XDECREF(b);
    Py_XDECREF(c);
    Py_XDECREF(d);
}

static void test_inconsistent_mro(void)
{
    PyObject *o = (PyObject *)&PyBaseObject_Type;
    PyObject *x = make_class("X", o), *y = make_class("Y", o);
    PyObject *p = make_class("P", x, y), *q = make_class("Q", y, x);
    PyObject *z = make_class("Z", p, q);
    CHECK(z == NULL && raised(PyExc_TypeError,
        "Cannot create a consistent method resolution order (MRO) for bases X, Y"));
    PyObject *dup = make_class("Dup", x, x);
    CHECK(dup == NULL && raised(PyExc_TypeError, "duplicate base class X"));
    PyObject *b = make_class("B", x);
    PyObject *bad = make_class("Bad", x, b);
    CHECK(bad == NULL && raised(PyExc_TypeError,
        "Cannot create a consistent method resolution order (MRO) for bases X, B"));
    PyObject *notbase = make_class("NB", (PyObject *)&PyBool_Type);
    CHECK(notbase == NULL && raised(PyExc_TypeError,
                                    "type 'bool' is not an acceptable base type"));
    PyObject *conflict = make_class("LC", (PyObject *)&PyLong_Type,
                                    (PyObject *)&PyUnicode_Type);
    CHECK(conflict == NULL && raised(PyExc_TypeError,
                                     "multiple bases have instance lay-out conflict"));
    Py_XDECREF(x);
    Py_XDECREF(y);
    Py_XDECREF(p);
    Py_XDECREF(q);
    Py_XDECREF(b);
}

static void test_type_new_errors(void)
{
    PyObject *args = Py_BuildValue("(i()N)", 1, PyDict_New());
    PyObject *t = PyObject_Call((PyObject *)&PyType_Type, args, NULL);
    CHECK(t == NULL && raised(PyExc_TypeError,
                              "type.__new__() argument 1 must be str, not int"));
    Py_DECREF(args);
    /* A metaclass conflict: an int "base" has metaclass int. */
    args = Py_BuildValue("(s(i)N)", "X", 1, PyDict_New());
    t = PyObject_Call((PyObject *)&PyType_Type, args, NULL);
    CHECK(t == NULL && raised(PyExc_TypeError,
        "metaclass conflict: the metaclass of a derived class must be a "
        "(non-strict) subclass of the metaclasses of all its bases"));
    Py_DECREF(args);
}

static void test_class_attributes(void)
{
    PyObject *ns = PyDict_New();
    PyObject *doc = PyUnicode_FromString("A documented class.");
    PyDict_SetItemString(ns, "__doc__", doc);
    PyObject *qual = PyUnicode_FromString("Outer.Inner");
    PyDict_SetItemString(ns, "__qualname__", qual);
    PyObject *cls = make_class_in("Inner", ns, (PyObject *)&PyBaseObject_Type, NULL);
    Py_DECREF(ns);
    Py_DECREF(doc);
    Py_DECREF(qual);
    CHECK(cls != NULL);
    if (cls == NULL) {
        PyErr_Clear();
        return;
    }
    CHECK_STR(PyObject_GetAttrString(cls, "__name__"), "Inner");
    CHECK_STR(PyObject_GetAttrString(cls, "__qualname__"), "Outer.Inner");
    CHECK_STR(PyObject_GetAttrString(cls, "__module__"), "testmod");
    CHECK_STR(PyObject_GetAttrString(cls, "__doc__"), "A documented class.");
    CHECK_REPR(cls, "<class 'testmod.Outer.Inner'>");
    CHECK_STR(PyObject_GetAttrString((PyObject *)&PyLong_Type, "__module__"), "builtins");
    CHECK_STR(PyObject_GetAttrString((PyObject *)&PyLong_Type, "__name__"), "int");

    /* __dict__ is a read-only mappingproxy with the namespace. */
    PyObject *proxy = PyObject_GetAttrString(cls, "__dict__");
    CHECK(proxy != NULL && Py_IS_TYPE(proxy, &PyDictProxy_Type));
    if (proxy != NULL) {
        PyObject *key = PyUnicode_FromString("__module__");
        CHECK(PySequence_Contains(proxy, key) == 1);
        CHECK_STR(PyObject_GetItem(proxy, key), "testmod");
        PyObject *one = PyLong_FromLong(1);
        CHECK(PyObject_SetItem(proxy, key, one) < 0);
        CHECK_RAISES(PyExc_TypeError);
        Py_DECREF(one);
        Py_DECREF(key);
        Py_DECREF(proxy);
    }
    PyObject *bases = PyObject_GetAttrString(cls, "__bases__");
    CHECK(bases != NULL && PyTuple_GET_SIZE(bases) == 1
          && PyTuple_GET_ITEM(bases, 0) == (PyObject *)&PyBaseObject_Type);
    Py_XDECREF(bases);

    /* Renaming a class, and the immutable built-ins. */
    PyObject *name = PyUnicode_FromString("Renamed");
    CHECK(PyObject_SetAttrString(cls, "__name__", name) == 0);
    CHECK(strcmp(((PyTypeObject *)cls)->tp_name, "Renamed") == 0);
    Py_DECREF(name);
    PyObject *one = PyLong_FromLong(1);
    CHECK(PyObject_SetAttrString(cls, "__name__", one) < 0
          && raised(PyExc_TypeError,
                    "can only assign string to Renamed.__name__, not 'int'"));
    CHECK(PyObject_SetAttrString((PyObject *)&PyLong_Type, "x", one) < 0
          && raised(PyExc_TypeError,
                    "cannot set 'x' attribute of immutable type 'int'"));
    CHECK(PyObject_GetAttrString(cls, "zz") == NULL
          && raised(PyExc_AttributeError, "type object 'Renamed' has no attribute 'zz'"));
    Py_DECREF(one);

    PyObject *subs = PyObject_CallMethod((PyObject *)&PyBaseObject_Type,
                                         "__subclasses__", NULL);
    CHECK(subs != NULL && PySequence_Contains(subs, cls) == 1);
    Py_XDECREF(subs);
    Py_DECREF(cls);
}

/* ---- attribute lookup --------------------------------------------------- */

static void test_lookup_order(void)
{
    PyObject *ns = PyDict_New();
    PyObject *data = new_labeldescr(&DataDescr_Type, "from data descriptor");
    PyObject *nondata = new_labeldescr(&NonDataDescr_Type, "from non-data descriptor");
    PyObject *plain = PyUnicode_FromString("class attribute");
    PyDict_SetItemString(ns, "d", data);
    PyDict_SetItemString(ns, "n", nondata);
    PyDict_SetItemString(ns, "p", plain);
    PyObject *cls = make_class_in("Lookup", ns, (PyObject *)&PyBaseObject_Type, NULL);
    PyObject *obj = cls ? call0(cls) : NULL;
    CHECK(obj != NULL);
    if (obj == NULL) {
        PyErr_Clear();
        goto done;
    }
    PyObject *idict = PyObject_GetAttrString(obj, "__dict__");
    CHECK(idict != NULL && PyDict_Check(idict));
    PyObject *shadow = PyUnicode_FromString("from instance dict");
    PyDict_SetItemString(idict, "d", shadow);
    PyDict_SetItemString(idict, "n", shadow);
    PyDict_SetItemString(idict, "p", shadow);
    /* data descriptor > instance dict > non-data descriptor / class attr */
    CHECK_STR(PyObject_GetAttrString(obj, "d"), "from data descriptor");
    CHECK_STR(PyObject_GetAttrString(obj, "n"), "from instance dict");
    CHECK_STR(PyObject_GetAttrString(obj, "p"), "from instance dict");
    PyDict_Clear(idict);
    CHECK_STR(PyObject_GetAttrString(obj, "n"), "from non-data descriptor");
    CHECK_STR(PyObject_GetAttrString(obj, "p"), "class attribute");
    /* On the class itself, __get__ sees no instance. */
    PyObject *on_class = PyObject_GetAttrString(cls, "n");
    CHECK(on_class == nondata);
    Py_XDECREF(on_class);
    /* Setting goes through the data descriptor's __set__. */
    CHECK(PyObject_SetAttrString(obj, "d", shadow) < 0
          && raised(PyExc_AttributeError, "labeldescr is read-only"));
    CHECK(PyObject_SetAttrString(obj, "n", shadow) == 0);
    CHECK_STR(PyObject_GetAttrString(obj, "n"), "from instance dict");
    CHECK(PyObject_DelAttrString(obj, "n") == 0);
    CHECK(PyObject_DelAttrString(obj, "n") < 0
          && raised(PyExc_AttributeError, "'Lookup' object has no attribute 'n'"));
    CHECK(PyObject_GetAttrString(obj, "missing") == NULL
          && raised(PyExc_AttributeError, "'Lookup' object has no attribute 'missing'"));

    PyObject *res = NULL;
    CHECK(PyObject_GetOptionalAttrString(obj, "missing", &res) == 0 && res == NULL);
    CHECK(PyObject_GetOptionalAttrString(obj, "p", &res) == 1 && res == plain);
    Py_XDECREF(res);
    CHECK(PyObject_HasAttrString(obj, "p") == 1);
    CHECK(PyObject_HasAttrStringWithError(obj, "nope") == 0);
    CHECK(!PyErr_Occurred());
    Py_DECREF(shadow);
    Py_XDECREF(idict);
    Py_DECREF(obj);
done:
    Py_XDECREF(cls);
    Py_DECREF(ns);
    Py_XDECREF(data);
    Py_XDECREF(nondata);
    Py_DECREF(plain);
}

static void test_getattr_hook(void)
{
    PyObject *ns = dict_with_method("__getattr__", &def_getattr);
    PyObject *value = PyLong_FromLong(5);
    PyDict_SetItemString(ns, "real", value);
    PyObject *cls = make_class_in("Dyn", ns, (PyObject *)&PyBaseObject_Type, NULL);
    PyObject *obj = cls ? call0(cls) : NULL;
    CHECK(obj != NULL);
    if (obj != NULL) {
        CHECK_STR(PyObject_GetAttrString(obj, "anything"), "dynamic anything");
        PyObject *real = PyObject_GetAttrString(obj, "real");
        CHECK(real == value);
        Py_XDECREF(real);
        Py_DECREF(obj);
    }
    PyErr_Clear();
    Py_XDECREF(cls);
    Py_DECREF(value);
    Py_DECREF(ns);
}

/* A class attribute changes: the cached lookup must see the new value, in
   the class and in its subclasses. */
static void test_method_cache_invalidation(void)
{
    PyObject *base = make_class("Base", (PyObject *)&PyBaseObject_Type);
    PyObject *sub = base ? make_class("Sub", base) : NULL;
    PyObject *obj = sub ? call0(sub) : NULL;
    CHECK(obj != NULL);
    if (obj == NULL) {
        PyErr_Clear();
        Py_XDECREF(base);
        Py_XDECREF(sub);
        return;
    }
    PyObject *one = PyLong_FromLong(1), *two = PyLong_FromLong(2);
    PyObject *name = PyUnicode_InternFromString("attr");
    CHECK(PyObject_SetAttr(base, name, one) == 0);
    /* Twice, so the second lookup can come from the cache. */
    for (int i = 0; i < 2; i++) {
        PyObject *v = PyObject_GetAttr(obj, name);
        CHECK(v == one);
        Py_XDECREF(v);
        CHECK(_PyType_Lookup((PyTypeObject *)sub, name) == one);
    }
    unsigned int base_tag = ((PyTypeObject *)base)->tp_version_tag;
    unsigned int sub_tag = ((PyTypeObject *)sub)->tp_version_tag;
    CHECK(base_tag != 0 && sub_tag != 0);

    CHECK(PyObject_SetAttr(base, name, two) == 0);
    CHECK(((PyTypeObject *)sub)->tp_version_tag != sub_tag);
    PyObject *v = PyObject_GetAttr(obj, name);
    CHECK(v == two);
    Py_XDECREF(v);
    CHECK(_PyType_Lookup((PyTypeObject *)sub, name) == two);
    CHECK(((PyTypeObject *)base)->tp_version_tag != base_tag);

    /* Shadowing in the subclass, then deleting it again. */
    CHECK(PyObject_SetAttr(sub, name, one) == 0);
    CHECK(_PyType_Lookup((PyTypeObject *)sub, name) == one);
    CHECK(PyObject_DelAttr(sub, name) == 0);
    CHECK(_PyType_Lookup((PyTypeObject *)sub, name) == two);
    CHECK(PyObject_DelAttr(base, name) == 0);
    CHECK(_PyType_Lookup((PyTypeObject *)sub, name) == NULL);
    CHECK(PyObject_GetAttr(obj, name) == NULL
          && raised(PyExc_AttributeError, "'Sub' object has no attribute 'attr'"));
    CHECK(PyObject_DelAttr(base, name) < 0
          && raised(PyExc_AttributeError, "type object 'Base' has no attribute 'attr'"));

    /* PyType_Modified on a built-in invalidates only its tag. */
    unsigned int long_tag = PyUnstable_Type_AssignVersionTag(&PyLong_Type)
                                ? PyLong_Type.tp_version_tag : 0;
    CHECK(long_tag != 0);
    PyType_Modified(&PyLong_Type);
    CHECK(PyLong_Type.tp_version_tag == 0);
    CHECK(PyUnstable_Type_AssignVersionTag(&PyLong_Type));
    CHECK(PyLong_Type.tp_version_tag != long_tag);
    Py_DECREF(name);
    Py_DECREF(one);
    Py_DECREF(two);
    Py_DECREF(obj);
    Py_DECREF(sub);
    Py_DECREF(base);
}

/* ---- slot wrappers on built-in types -------------------------------------- */

static void test_slot_wrappers_on_builtins(void)
{
    PyObject *one = PyLong_FromLong(1), *two = PyLong_FromLong(2);
    PyObject *add = PyObject_GetAttrString(one, "__add__");
    CHECK(add != NULL && Py_IS_TYPE(add, &_PyMethodWrapper_Type));
    if (add != NULL) {
        PyObject *r = PyObject_CallOneArg(add, two);
        CHECK(r != NULL && PyLong_AsLong(r) == 3);
        Py_XDECREF(r);
        PyObject *repr = PyObject_Repr(add);
        CHECK(repr != NULL && strncmp(PyUnicode_AsUTF8(repr),
                                      "<method-wrapper '__add__' of int object at 0x",
                                      44) == 0);
        Py_XDECREF(repr);
        r = PyObject_CallNoArgs(add);
        CHECK(r == NULL && raised(PyExc_TypeError, "expected 1 argument, got 0"));
        Py_DECREF(add);
    }
    PyObject *descr = PyObject_GetAttrString((PyObject *)&PyLong_Type, "__add__");
    CHECK(descr != NULL && Py_IS_TYPE(descr, &PyWrapperDescr_Type));
    CHECK_REPR(descr, "<slot wrapper '__add__' of 'int' objects>");
    if (descr != NULL) {
        PyObject *r = PyObject_CallFunctionObjArgs(descr, two, two, NULL);
        CHECK(r != NULL && PyLong_AsLong(r) == 4);
        Py_XDECREF(r);
        PyObject *s = PyUnicode_FromString("x");
        r = PyObject_CallFunctionObjArgs(descr, s, two, NULL);
        CHECK(r == NULL && raised(PyExc_TypeError,
            "descriptor '__add__' requires a 'int' object but received a 'str'"));
        Py_DECREF(s);
        Py_DECREF(descr);
    }
    /* Reflected: (2).__rsub__(5) is 5 - 2. */
    PyObject *five = PyLong_FromLong(5);
    PyObject *r = PyObject_CallMethod(two, "__rsub__", "O", five);
    CHECK(r != NULL && PyLong_AsLong(r) == 3);
    Py_XDECREF(r);
    r = PyObject_CallMethod(two, "__lt__", "O", five);
    CHECK(r == Py_True);
    Py_XDECREF(r);
    r = PyObject_CallMethod(two, "__hash__", NULL);
    CHECK(r != NULL && PyLong_AsLong(r) == 2);
    Py_XDECREF(r);

    PyObject *list = Py_BuildValue("[iii]", 10, 20, 30);
    r = PyObject_CallMethod(list, "__len__", NULL);
    CHECK(r != NULL && PyLong_AsLong(r) == 3);
    Py_XDECREF(r);
    r = PyObject_CallMethod(list, "__getitem__", "i", -1);
    CHECK(r != NULL && PyLong_AsLong(r) == 30);
    Py_XDECREF(r);
    r = PyObject_CallMethod(list, "__contains__", "i", 20);
    CHECK(r == Py_True);
    Py_XDECREF(r);
    PyObject *append = PyObject_GetAttrString((PyObject *)&PyList_Type, "append");
    CHECK_REPR(append, "<method 'append' of 'list' objects>");
    if (append != NULL) {
        r = PyObject_CallFunctionObjArgs(append, list, five, NULL);
        CHECK(r == Py_None);
        Py_XDECREF(r);
        CHECK(PyList_GET_SIZE(list) == 4);
        r = PyObject_CallFunctionObjArgs(append, five, five, NULL);
        CHECK(r == NULL && raised(PyExc_TypeError,
            "descriptor 'append' for 'list' objects doesn't apply to a 'int' object"));
        r = PyObject_CallNoArgs(append);
        CHECK(r == NULL && raised(PyExc_TypeError,
                                  "unbound method list.append() needs an argument"));
        Py_DECREF(append);
    }
    PyObject *bound = PyObject_GetAttrString(list, "append");
    CHECK(bound != NULL && PyCFunction_Check(bound));
    if (bound != NULL) {
        r = PyObject_CallFunctionObjArgs(bound, five, five, NULL);
        CHECK(r == NULL && raised(PyExc_TypeError,
                                  "list.append() takes exactly one argument (2 given)"));
        Py_DECREF(bound);
    }
    /* A slot the type only inherits has no wrapper of its own. */
    PyObject *booldict = PyObject_GetAttrString((PyObject *)&PyBool_Type, "__dict__");
    PyObject *key = PyUnicode_FromString("__add__");
    CHECK(booldict != NULL && PySequence_Contains(booldict, key) == 0);
    Py_XDECREF(booldict);
    Py_DECREF(key);
    /* object.__eq__ and hash(None)-style defaults through wrappers. */
    PyObject *eq = PyObject_GetAttrString((PyObject *)&PyBaseObject_Type, "__eq__");
    r = eq ? PyObject_CallFunctionObjArgs(eq, one, two, NULL) : NULL;
    CHECK(r == Py_NotImplemented);
    Py_XDECREF(r);
    Py_XDECREF(eq);
    Py_DECREF(list);
    Py_DECREF(five);
    Py_DECREF(one);
    Py_DECREF(two);
}

/* ---- slots of classes defined at run time ------------------------------- */

static void test_heap_type_slot_dispatch(void)
{
    PyObject *ns = dict_with_method("__len__", &def_len);
    PyObject *m;
    m = method(&def_repr);
    PyDict_SetItemString(ns, "__repr__", m);
    Py_DECREF(m);
    m = method(&def_add);
    PyDict_SetItemString(ns, "__add__", m);
    Py_DECREF(m);
    m = method(&def_radd);
    PyDict_SetItemString(ns, "__radd__", m);
    Py_DECREF(m);
    m = method(&def_getitem);
    PyDict_SetItemString(ns, "__getitem__", m);
    Py_DECREF(m);
    PyObject *cls = make_class_in("V", ns, (PyObject *)&PyBaseObject_Type, NULL);
    Py_DECREF(ns);
    PyObject *obj = cls ? call0(cls) : NULL;
    CHECK(obj != NULL);
    if (obj == NULL) {
        PyErr_Clear();
        Py_XDECREF(cls);
        return;
    }
    CHECK(PyObject_Size(obj) == 7);
    CHECK(PyObject_IsTrue(obj) == 1);
    CHECK_REPR(obj, "custom repr");
    CHECK_STR(PyObject_Str(obj), "custom repr");
    PyObject *one = PyLong_FromLong(1);
    CHECK_STR(PyNumber_Add(obj, one), "add");
    CHECK_STR(PyNumber_Add(one, obj), "radd");
    PyObject *r = PyObject_GetItem(obj, one);
    CHECK(r != NULL && PyLong_AsLong(r) == 2);
    Py_XDECREF(r);
    r = PySequence_GetItem(obj, 21);
    CHECK(r != NULL && PyLong_AsLong(r) == 42);
    Py_XDECREF(r);
    r = PyNumber_Subtract(obj, one);
    CHECK(r == NULL && raised(PyExc_TypeError,
        "unsupported operand type(s) for -: 'V' and 'int'"));

    /* Setting and deleting a special method later updates the slot. */
    CHECK(PyObject_DelAttrString(cls, "__len__") == 0);
    CHECK(PyObject_Size(obj) == -1 && raised(PyExc_TypeError,
                                             "object of type 'V' has no len()"));
    m = method(&def_len);
    CHECK(PyObject_SetAttrString(cls, "__len__", m) == 0);
    Py_DECREF(m);
    CHECK(PyObject_Size(obj) == 7);

    /* ... and reaches subclasses that inherit it. */
    PyObject *sub = make_class("W", cls);
    PyObject *wobj = sub ? call0(sub) : NULL;
    CHECK(wobj != NULL && PyObject_Size(wobj) == 7);
    CHECK(PyObject_DelAttrString(cls, "__len__") == 0);
    CHECK(wobj != NULL && PyObject_Size(wobj) == -1);
    PyErr_Clear();
    Py_XDECREF(wobj);
    Py_XDECREF(sub);
    Py_DECREF(one);
    Py_DECREF(obj);
    Py_DECREF(cls);
}

static void test_eq_without_hash(void)
{
    PyObject *ns = dict_with_method("__eq__", &def_eq);
    PyObject *cls = make_class_in("H", ns, (PyObject *)&PyBaseObject_Type, NULL);
    Py_DECREF(ns);
    PyObject *obj = cls ? call0(cls) : NULL;
    CHECK(obj != NULL);
    if (obj == NULL) {
        PyErr_Clear();
        Py_XDECREF(cls);
        return;
    }
    CHECK(PyObject_Hash(obj) == -1 && raised(PyExc_TypeError, "unhashable type: 'H'"));
    PyObject *hash = PyObject_GetAttrString(cls, "__hash__");
    CHECK(hash == Py_None);
    Py_XDECREF(hash);
    PyObject *one = PyLong_FromLong(1);
    CHECK(PyObject_RichCompareBool(obj, one, Py_EQ) == 1);
    /* object's __ne__ inverts the class's __eq__. */
    CHECK(PyObject_RichCompareBool(obj, one, Py_NE) == 0);
    Py_DECREF(one);
    Py_DECREF(obj);
    Py_DECREF(cls);

    /* A plain class hashes by identity and compares by identity. */
    cls = make_class("Plain", (PyObject *)&PyBaseObject_Type);
    PyObject *a = call0(cls), *b = call0(cls);
    CHECK(a && b && PyObject_Hash(a) != -1 && PyObject_Hash(a) != PyObject_Hash(b));
    CHECK(PyObject_RichCompareBool(a, a, Py_EQ) == 1);
    CHECK(PyObject_RichCompareBool(a, b, Py_EQ) == 0);
    CHECK(PyObject_RichCompareBool(a, b, Py_NE) == 1);
    PyObject *lt = PyObject_RichCompare(a, b, Py_LT);
    CHECK(lt == NULL && raised(PyExc_TypeError,
        "'<' not supported between instances of 'Plain' and 'Plain'"));
    Py_XDECREF(a);
    Py_XDECREF(b);
    Py_XDECREF(cls);
}

static void test_subclass_of_builtin(void)
{
    PyObject *cls = make_class("MyList", (PyObject *)&PyList_Type);
    PyObject *obj = cls ? call0(cls) : NULL;
    CHECK(obj != NULL && PyList_Check(obj) && !PyList_CheckExact(obj));
    if (obj == NULL) {
        PyErr_Clear();
        Py_XDECREF(cls);
        return;
    }
    PyObject *one = PyLong_FromLong(1);
    CHECK(PyList_Append(obj, one) == 0);
    CHECK(PyObject_Size(obj) == 1);
    /* Instances get a __dict__. */
    CHECK(PyObject_SetAttrString(obj, "tag", one) == 0);
    PyObject *tag = PyObject_GetAttrString(obj, "tag");
    CHECK(tag == one);
    Py_XDECREF(tag);
    /* A C slot whose wrapper the class inherits is used directly, not
       through dispatch. */
    CHECK(((PyTypeObject *)cls)->tp_iter == PyList_Type.tp_iter);
    PyObject *m = method(&def_len);
    CHECK(PyObject_SetAttrString(cls, "__len__", m) == 0);
    Py_DECREF(m);
    CHECK(PyObject_Size(obj) == 7);
    Py_DECREF(one);
    Py_DECREF(obj);
    Py_DECREF(cls);

    /* int subclasses keep their value and get an instance dict. */
    cls = make_class("MyInt", (PyObject *)&PyLong_Type);
    PyObject *args = Py_BuildValue("(i)", 42);
    obj = cls ? PyObject_Call(cls, args, NULL) : NULL;
    Py_DECREF(args);
    CHECK(obj != NULL && PyLong_Check(obj) && PyLong_AsLong(obj) == 42);
    if (obj != NULL) {
        CHECK(PyObject_SetAttrString(obj, "note", Py_None) == 0);
        PyObject *note = PyObject_GetAttrString(obj, "note");
        CHECK(note == Py_None);
        Py_XDECREF(note);
        Py_DECREF(obj);
    }
    PyErr_Clear();
    Py_XDECREF(cls);
}

static void test_slots(void)
{
    PyObject *ns = PyDict_New();
    PyObject *slots = Py_BuildValue("(ss)", "b", "a");
    PyDict_SetItemString(ns, "__slots__", slots);
    PyObject *cls = make_class_in("S", ns, (PyObject *)&PyBaseObject_Type, NULL);
    Py_DECREF(slots);
    Py_DECREF(ns);
    CHECK(cls != NULL);
    if (cls == NULL) {
        PyErr_Clear();
        return;
    }
    PyTypeObject *tp = (PyTypeObject *)cls;
    CHECK(tp->tp_basicsize == PyBaseObject_Type.tp_basicsize
                              + 2 * (Py_ssize_t)sizeof(PyObject *));
    CHECK(tp->tp_dictoffset == 0 && tp->tp_weaklistoffset == 0);
    PyObject *obj = call0(cls);
    CHECK(obj != NULL);
    PyObject *one = PyLong_FromLong(1);
    CHECK(PyObject_SetAttrString(obj, "a", one) == 0);
    PyObject *a = PyObject_GetAttrString(obj, "a");
    CHECK(a == one);
    Py_XDECREF(a);
    CHECK(PyObject_GetAttrString(obj, "b") == NULL
          && raised(PyExc_AttributeError,
                    "'testmod.S' object has no attribute 'b'"));
    CHECK(PyObject_SetAttrString(obj, "c", one) < 0
          && raised(PyExc_AttributeError,
                    "'S' object has no attribute 'c' and no __dict__ for "
                    "setting new attributes"));
    CHECK(PyObject_GetAttrString(obj, "__dict__") == NULL);
    CHECK_RAISES(PyExc_AttributeError);
    PyObject *member = PyObject_GetAttrString(cls, "a");
    CHECK_REPR(member, "<member 'a' of 'S' objects>");
    Py_XDECREF(member);
    CHECK(PyObject_DelAttrString(obj, "a") == 0);
    CHECK(PyObject_DelAttrString(obj, "a") < 0);
    CHECK_RAISES(PyExc_AttributeError);
    Py_XDECREF(obj);

    /* __slots__ errors. */
    ns = PyDict_New();
    slots = Py_BuildValue("(s)", "x");
    PyDict_SetItemString(ns, "__slots__", slots);
    PyDict_SetItemString(ns, "x", one);
    PyObject *bad = make_class_in("T", ns, (PyObject *)&PyBaseObject_Type, NULL);
    CHECK(bad == NULL && raised(PyExc_ValueError,
                                "'x' in __slots__ conflicts with class variable"));
    Py_DECREF(slots);
    Py_DECREF(ns);
    ns = PyDict_New();
    slots = Py_BuildValue("(s)", "1x");
    PyDict_SetItemString(ns, "__slots__", slots);
    bad = make_class_in("T", ns, (PyObject *)&PyBaseObject_Type, NULL);
    CHECK(bad == NULL && raised(PyExc_TypeError, "__slots__ must be identifiers"));
    Py_DECREF(slots);
    Py_DECREF(ns);
    ns = PyDict_New();
    slots = Py_BuildValue("(s)", "v");
    PyDict_SetItemString(ns, "__slots__", slots);
    bad = make_class_in("T", ns, (PyObject *)&PyLong_Type, NULL);
    CHECK(bad == NULL && raised(PyExc_TypeError,
                                "nonempty __slots__ not supported for subtype of 'int'"));
    Py_DECREF(slots);
    Py_DECREF(ns);

    /* Private slot names are mangled; __dict__ in __slots__ adds a dict. */
    ns = PyDict_New();
    slots = Py_BuildValue("(ss)", "__secret", "__dict__");
    PyDict_SetItemString(ns, "__slots__", slots);
    PyObject *priv = make_class_in("_Priv", ns, (PyObject *)&PyBaseObject_Type, NULL);
    Py_DECREF(slots);
    Py_DECREF(ns);
    CHECK(priv != NULL);
    if (priv != NULL) {
        CHECK(PyObject_HasAttrStringWithError(priv, "_Priv__secret") == 1);
        CHECK(((PyTypeObject *)priv)->tp_dictoffset != 0);
        obj = call0(priv);
        CHECK(obj != NULL && PyObject_SetAttrString(obj, "free", one) == 0);
        Py_XDECREF(obj);
        Py_DECREF(priv);
    }
    PyErr_Clear();
    Py_DECREF(one);
    Py_DECREF(cls);
}

/* ---- object ------------------------------------------------------------------ */

static void test_object_repr_and_init(void)
{
    PyObject *obj = call0((PyObject *)&PyBaseObject_Type);
    CHECK(obj != NULL && Py_IS_TYPE(obj, &PyBaseObject_Type));
    char expected[64];
    snprintf(expected, sizeof(expected), "<object object at %p>", (void *)obj);
    CHECK_STR(PyObject_Repr(obj), expected);
    CHECK_STR(PyObject_Str(obj), expected);

    PyObject *init = PyObject_GetAttrString((PyObject *)&PyBaseObject_Type, "__init__");
    CHECK_REPR(init, "<slot wrapper '__init__' of 'object' objects>");
    PyObject *one = PyLong_FromLong(1);
    PyObject *r = PyObject_CallFunctionObjArgs(init, obj, one, NULL);
    CHECK(r == NULL && raised(PyExc_TypeError,
        "object.__init__() takes exactly one argument (the instance to initialize)"));
    r = PyObject_CallFunctionObjArgs(init, obj, NULL);
    CHECK(r == Py_None);
    Py_XDECREF(r);
    r = PyObject_CallOneArg((PyObject *)&PyBaseObject_Type, one);
    CHECK(r == NULL && raised(PyExc_TypeError, "object() takes no arguments"));

    PyObject *cls = make_class("Thing", (PyObject *)&PyBaseObject_Type);
    PyObject *thing = cls ? call0(cls) : NULL;
    r = PyObject_CallFunctionObjArgs(init, thing, one, NULL);
    CHECK(r == NULL && raised(PyExc_TypeError,
        "Thing.__init__() takes exactly one argument (the instance to initialize)"));
    Py_XDECREF(init);

    r = cls ? PyObject_CallOneArg(cls, one) : NULL;
    CHECK(r == NULL && raised(PyExc_TypeError, "Thing() takes no arguments"));
    snprintf(expected, sizeof(expected), "<testmod.Thing object at %p>", (void *)thing);
    CHECK_STR(PyObject_Repr(thing), expected);
    /* object.__new__(int) must use int.__new__. */
    PyObject *new = PyObject_GetAttrString((PyObject *)&PyBaseObject_Type, "__new__");
    r = new ? PyObject_CallOneArg(new, (PyObject *)&PyLong_Type) : NULL;
    CHECK(r == NULL && raised(PyExc_TypeError,
                              "object.__new__(int) is not safe, use int.__new__()"));
    r = new ? PyObject_CallOneArg(new, cls) : NULL;
    CHECK(r != NULL && Py_TYPE(r) == (PyTypeObject *)cls);
    Py_XDECREF(r);
    Py_XDECREF(new);

    /* __class__, __format__, __sizeof__, __dir__ */
    PyObject *klass = PyObject_GetAttrString(thing, "__class__");
    CHECK(klass == cls);
    Py_XDECREF(klass);
    CHECK(PyObject_SetAttrString(thing, "__class__", one) < 0
          && raised(PyExc_TypeError, "__class__ must be set to a class, not 'int' object"));
    CHECK(PyObject_SetAttrString(one, "__class__", cls) < 0
          && raised(PyExc_TypeError, "__class__ assignment only supported for mutable "
                                     "types or ModuleType subclasses"));
    PyObject *empty = PyUnicode_FromString("");
    CHECK_STR(PyObject_Format(thing, empty), expected);
    PyObject *spec = PyUnicode_FromString("x");
    r = PyObject_Format(thing, spec);
    CHECK(r == NULL && raised(PyExc_TypeError,
                              "unsupported format string passed to Thing.__format__"));
    r = PyObject_CallMethod(obj, "__sizeof__", NULL);
    CHECK(r != NULL && PyLong_AsSsize_t(r) == (Py_ssize_t)sizeof(PyObject));
    Py_XDECREF(r);
    CHECK(PyObject_SetAttrString(thing, "zeta", one) == 0);
    PyObject *dir = PyObject_Dir(thing);
    CHECK(dir != NULL && PyList_Check(dir));
    if (dir != NULL) {
        PyObject *zeta = PyUnicode_FromString("zeta");
        PyObject *init_name = PyUnicode_FromString("__init__");
        CHECK(PySequence_Contains(dir, zeta) == 1);
        CHECK(PySequence_Contains(dir, init_name) == 1);
        PyObject *first = PyList_GET_ITEM(dir, 0);
        CHECK(PyUnicode_Check(first) && _PyUnicode_EqualToASCIIString(first, "__class__"));
        Py_DECREF(zeta);
        Py_DECREF(init_name);
        Py_DECREF(dir);
    }
    r = PyObject_CallMethod(thing, "__reduce_ex__", "i", 0);
    PyErr_Clear();
    Py_XDECREF(r);
    r = PyObject_CallMethod(thing, "__getstate__", NULL);
    CHECK(r != NULL && PyDict_Check(r) && PyDict_GET_SIZE(r) == 1);
    Py_XDECREF(r);
    Py_DECREF(empty);
    Py_DECREF(spec);
    Py_XDECREF(thing);
    Py_XDECREF(cls);
    Py_DECREF(one);
    Py_DECREF(obj);
}

static void test_singletons(void)
{
    CHECK_REPR(Py_None, "None");
    CHECK_REPR(Py_NotImplemented, "NotImplemented");
    CHECK_REPR(Py_Ellipsis, "Ellipsis");
    CHECK(PyObject_IsTrue(Py_None) == 0);
    CHECK(PyObject_Not(Py_None) == 1);
    CHECK(PyObject_IsTrue(Py_Ellipsis) == 1);
    CHECK(PyObject_IsTrue(Py_NotImplemented) == -1
          && raised(PyExc_TypeError,
                    "NotImplemented should not be used in a boolean context"));
    CHECK(strcmp(Py_TYPE(Py_None)->tp_name, "NoneType") == 0);
    CHECK(strcmp(Py_TYPE(Py_NotImplemented)->tp_name, "NotImplementedType") == 0);
    CHECK(strcmp(Py_TYPE(Py_Ellipsis)->tp_name, "ellipsis") == 0);
    CHECK(_Py_IsImmortal(Py_None) && _Py_IsImmortal(Py_Ellipsis));
    CHECK(PyObject_Hash(Py_None) == (Py_hash_t)0xFCA86420);
    CHECK_STR(PyObject_CallMethod(Py_NotImplemented, "__reduce__", NULL),
              "NotImplemented");
    CHECK_STR(PyObject_CallMethod(Py_Ellipsis, "__reduce__", NULL), "Ellipsis");
    /* The types return their singleton and take no arguments. */
    PyObject *r = call0((PyObject *)Py_TYPE(Py_None));
    CHECK(r == Py_None);
    Py_XDECREF(r);
    r = call0((PyObject *)Py_TYPE(Py_Ellipsis));
    CHECK(r == Py_Ellipsis);
    Py_XDECREF(r);
    r = PyObject_CallOneArg((PyObject *)Py_TYPE(Py_None), Py_None);
    CHECK(r == NULL && raised(PyExc_TypeError, "NoneType takes no arguments"));
    CHECK(PyObject_GetAttrString(Py_None, "x") == NULL
          && raised(PyExc_AttributeError, "'NoneType' object has no attribute 'x'"));
    CHECK(PyObject_SetAttrString(Py_None, "x", Py_None) < 0
          && raised(PyExc_AttributeError, "'NoneType' object has no attribute 'x' "
                                          "and no __dict__ for setting new attributes"));
}

static void test_repr_enter_leave(void)
{
    PyObject *list = PyList_New(0);
    CHECK(Py_ReprEnter(list) == 0);
    CHECK(Py_ReprEnter(list) == 1);
    Py_ReprLeave(list);
    CHECK(Py_ReprEnter(list) == 0);
    Py_ReprLeave(list);
    /* A self-containing list shows [...] through the guard. */
    PyList_Append(list, list);
    CHECK_REPR(list, "[[...]]");
    PyList_SetSlice(list, 0, 1, NULL);
    Py_DECREF(list);
}

static void test_rich_compare_and_truth(void)
{
    PyObject *one = PyLong_FromLong(1), *two = PyLong_FromLong(2);
    PyObject *r = PyObject_RichCompare(one, two, Py_LT);
    CHECK(r == Py_True);
    Py_XDECREF(r);
    PyObject *s = PyUnicode_FromString("a");
    r = PyObject_RichCompare(one, s, Py_LT);
    CHECK(r == NULL && raised(PyExc_TypeError,
        "'<' not supported between instances of 'int' and 'str'"));
    CHECK(PyObject_RichCompareBool(one, s, Py_EQ) == 0);
    CHECK(PyObject_RichCompareBool(one, s, Py_NE) == 1);
    /* Identity implies equality in the Bool form only. */
    PyObject *nan = PyFloat_FromDouble(NAN);
    CHECK(PyObject_RichCompareBool(nan, nan, Py_EQ) == 1);
    r = PyObject_RichCompare(nan, nan, Py_EQ);
    CHECK(r == Py_False);
    Py_XDECREF(r);
    PyObject *empty = PyList_New(0);
    CHECK(PyObject_IsTrue(empty) == 0);
    CHECK(PyObject_IsTrue(one) == 1);
    CHECK(PyCallable_Check((PyObject *)&PyLong_Type) && !PyCallable_Check(one));
    CHECK(PyObject_SelfIter(one) == one);
    Py_DECREF(one);
    PyObject *cafe = PyUnicode_FromString("caf\xc3\xa9");
    CHECK_STR(PyObject_ASCII(cafe), "'caf\\xe9'");
    Py_DECREF(cafe);
    Py_DECREF(empty);
    Py_DECREF(nan);
    Py_DECREF(s);
    Py_DECREF(two);
}

/* ---- descriptors and built-in functions ------------------------------------ */

static PyObject *fn_module_level(PyObject *module, PyObject *args)
{
    return PyTuple_Size(args) == 0 ? PyUnicode_FromString("no args")
                                   : Py_NewRef(PyTuple_GET_ITEM(args, 0));
}

static PyObject *fn_fast(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    return PyLong_FromSsize_t(nargs);
}

static PyObject *fn_kw(PyObject *module, PyObject *args, PyObject *kwargs)
{
    return PyLong_FromSsize_t(kwargs ? PyDict_GET_SIZE(kwargs) : 0);
}

static PyMethodDef module_functions[] = {
    {"first", fn_module_level, METH_VARARGS, "first(*args)\n--\n\nEcho."},
    {"count", _PyCFunction_CAST(fn_fast), METH_FASTCALL, NULL},
    {"kwcount", _PyCFunction_CAST(fn_kw), METH_VARARGS | METH_KEYWORDS, NULL},
    {"seven", fn_return_seven, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static int exec_module(PyObject *m)
{
    return PyModule_AddIntConstant(m, "answer", 42);
}

static PyModuleDef_Slot test_slots_def[] = {
    {Py_mod_exec, exec_module},
    {0, NULL},
};

static struct PyModuleDef test_module_def = {
    PyModuleDef_HEAD_INIT,
    "capi_test_mod",
    "A module made in a test.",
    sizeof(int),
    module_functions,
    NULL, NULL, NULL, NULL,
};

static void test_builtin_functions(void)
{
    PyObject *f = PyCFunction_New(&module_functions[0], NULL);
    CHECK_REPR(f, "<built-in function first>");
    CHECK_STR(call0(f), "no args");
    CHECK_STR(PyObject_GetAttrString(f, "__name__"), "first");
    CHECK_STR(PyObject_GetAttrString(f, "__doc__"), "Echo.");
    CHECK_STR(PyObject_GetAttrString(f, "__text_signature__"), "(*args)");
    PyObject *kw = PyDict_New();
    PyDict_SetItemString(kw, "x", Py_None);
    PyObject *empty = PyTuple_New(0);
    PyObject *r = PyObject_Call(f, empty, kw);
    CHECK(r == NULL && raised(PyExc_TypeError, "first() takes no keyword arguments"));
    Py_DECREF(f);
    f = PyCFunction_New(&module_functions[1], NULL);
    PyObject *args[3] = {Py_None, Py_None, Py_None};
    r = PyObject_Vectorcall(f, args, 3, NULL);
    CHECK(r != NULL && PyLong_AsLong(r) == 3);
    Py_XDECREF(r);
    Py_DECREF(f);
    f = PyCFunction_New(&module_functions[2], NULL);
    r = PyObject_Call(f, empty, kw);
    CHECK(r != NULL && PyLong_AsLong(r) == 1);
    Py_XDECREF(r);
    Py_DECREF(f);
    f = PyCFunction_New(&module_functions[3], NULL);
    r = PyObject_CallOneArg(f, Py_None);
    CHECK(r == NULL && raised(PyExc_TypeError, "seven() takes no arguments (1 given)"));
    Py_DECREF(f);
    Py_DECREF(kw);
    Py_DECREF(empty);

    /* Descriptor attributes. */
    PyObject *append = PyObject_GetAttrString((PyObject *)&PyList_Type, "append");
    CHECK_STR(PyObject_GetAttrString(append, "__qualname__"), "list.append");
    PyObject *objclass = PyObject_GetAttrString(append, "__objclass__");
    CHECK(objclass == (PyObject *)&PyList_Type);
    Py_XDECREF(objclass);
    Py_XDECREF(append);
    PyObject *dictdescr = PyObject_GetAttrString((PyObject *)&PyType_Type, "__dict__");
    PyErr_Clear();
    Py_XDECREF(dictdescr);
    PyObject *tdict = PyObject_GetAttrString((PyObject *)&PyType_Type, "__dict__");
    CHECK(tdict != NULL);
    if (tdict != NULL) {
        CHECK_STR(PyObject_Repr(PyMapping_GetItemString(tdict, "__dict__")),
                  "<attribute '__dict__' of 'type' objects>");
        CHECK_STR(PyObject_Repr(PyMapping_GetItemString(tdict, "mro")),
                  "<method 'mro' of 'type' objects>");
        Py_DECREF(tdict);
    }
    /* Class methods bind to the class. */
    PyObject *hook = PyObject_GetAttrString((PyObject *)&PyLong_Type, "__subclasshook__");
    CHECK(hook != NULL && PyCFunction_Check(hook)
          && PyCFunction_GET_SELF(hook) == (PyObject *)&PyLong_Type);
    r = hook ? call0(hook) : NULL;
    CHECK(r == Py_NotImplemented);
    Py_XDECREF(r);
    Py_XDECREF(hook);
}

static void test_property(void)
{
    static PyMethodDef getter_def = {"getter", fn_getitem_double, METH_O, NULL};
    PyObject *fget = PyCFunction_New(&getter_def, NULL);
    PyObject *prop = PyObject_CallOneArg((PyObject *)&PyProperty_Type, fget);
    PyObject *ns = PyDict_New();
    PyDict_SetItemString(ns, "p", prop);
    Py_XDECREF(prop);
    PyObject *cls = make_class_in("WithProp", ns, (PyObject *)&PyLong_Type, NULL);
    Py_DECREF(ns);
    PyObject *args = Py_BuildValue("(i)", 21);
    PyObject *obj = cls ? PyObject_Call(cls, args, NULL) : NULL;
    Py_DECREF(args);
    CHECK(obj != NULL);
    if (obj != NULL) {
        PyObject *v = PyObject_GetAttrString(obj, "p");
        CHECK(v != NULL && PyLong_AsLong(v) == 42);
        Py_XDECREF(v);
        CHECK(PyObject_SetAttrString(obj, "p", Py_None) < 0
              && raised(PyExc_AttributeError,
                        "property 'p' of 'WithProp' object has no setter"));
        CHECK(PyObject_DelAttrString(obj, "p") < 0
              && raised(PyExc_AttributeError,
                        "property 'p' of 'WithProp' object has no deleter"));
        Py_DECREF(obj);
    }
    PyErr_Clear();
    Py_XDECREF(cls);
    Py_DECREF(fget);
}

static void test_modules(void)
{
    PyObject *m = PyModule_New("spam");
    CHECK(m != NULL && PyModule_Check(m));
    CHECK_REPR(m, "<module 'spam'>");
    CHECK(strcmp(PyModule_GetName(m), "spam") == 0);
    PyObject *dict = PyModule_GetDict(m);
    CHECK(dict != NULL && PyDict_Check(dict));
    CHECK(PyModule_GetFilenameObject(m) == NULL
          && raised(PyExc_SystemError, "module filename missing"));
    CHECK(PyObject_GetAttrString(m, "eggs") == NULL
          && raised(PyExc_AttributeError, "module 'spam' has no attribute 'eggs'"));
    PyObject *one = PyLong_FromLong(1);
    CHECK(PyObject_SetAttrString(m, "eggs", one) == 0);
    CHECK(PyDict_GetItemString(dict, "eggs") == one);
    /* A module-level __getattr__ (PEP 562). */
    PyObject *hook = PyCFunction_New(&def_getattr, NULL);
    PyDict_SetItemString(dict, "__getattr__", hook);
    Py_DECREF(hook);
    CHECK_STR(PyObject_GetAttrString(m, "ham"), "dynamic ham");
    PyObject *file = PyUnicode_FromString("/tmp/spam.py");
    PyDict_SetItemString(dict, "__file__", file);
    Py_DECREF(file);
    CHECK_REPR(m, "<module 'spam' from '/tmp/spam.py'>");
    Py_DECREF(one);
    Py_XDECREF(m);

    /* Single-phase creation from a PyModuleDef. */
    m = PyModule_Create(&test_module_def);
    CHECK(m != NULL);
    if (m != NULL) {
        CHECK(PyModule_GetDef(m) == &test_module_def);
        CHECK(PyModule_GetState(m) != NULL && *(int *)PyModule_GetState(m) == 0);
        CHECK_STR(PyObject_GetAttrString(m, "__doc__"), "A module made in a test.");
        PyObject *seven = PyObject_GetAttrString(m, "seven");
        CHECK_REPR(seven, "<built-in function seven>");
        PyObject *r = seven ? call0(seven) : NULL;
        CHECK(r != NULL && PyLong_AsLong(r) == 7);
        Py_XDECREF(r);
        Py_XDECREF(seven);
        Py_DECREF(m);
    }
    PyErr_Clear();
    CHECK(PyModuleDef_Init(&test_module_def) == (PyObject *)&test_module_def);
    CHECK(Py_IS_TYPE(&test_module_def, &PyModuleDef_Type));

    /* The exec half of multi-phase initialisation. */
    static PyModuleDef multi = {
        PyModuleDef_HEAD_INIT, "multi", NULL, 0, NULL, test_slots_def,
        NULL, NULL, NULL,
    };
    m = PyModule_New("multi");
    CHECK(m != NULL && PyModule_ExecDef(m, &multi) == 0);
    PyObject *answer = m ? PyObject_GetAttrString(m, "answer") : NULL;
    CHECK(answer != NULL && PyLong_AsLong(answer) == 42);
    Py_XDECREF(answer);
    Py_XDECREF(m);
    PyErr_Clear();
}

/* ---- super ------------------------------------------------------------------------ */

static PyObject *fn_who_a(PyObject *self, PyObject *unused)
{
    return PyUnicode_FromString("A");
}

static PyObject *fn_who_b(PyObject *self, PyObject *unused)
{
    return PyUnicode_FromString("B");
}

static PyMethodDef def_who_a = {"who", fn_who_a, METH_NOARGS, NULL};
static PyMethodDef def_who_b = {"who", fn_who_b, METH_NOARGS, NULL};

static void test_super(void)
{
    PyObject *ns = dict_with_method("who", &def_who_a);
    PyObject *a = make_class_in("A", ns, (PyObject *)&PyBaseObject_Type, NULL);
    Py_DECREF(ns);
    ns = dict_with_method("who", &def_who_b);
    PyObject *b = a ? make_class_in("B", ns, a, NULL) : NULL;
    Py_DECREF(ns);
    PyObject *obj = b ? call0(b) : NULL;
    CHECK(obj != NULL);
    if (obj == NULL) {
        PyErr_Clear();
        Py_XDECREF(a);
        Py_XDECREF(b);
        return;
    }
    CHECK_STR(PyObject_CallMethod(obj, "who", NULL), "B");
    PyObject *sup = PyObject_CallFunctionObjArgs((PyObject *)&PySuper_Type, b, obj, NULL);
    CHECK(sup != NULL);
    CHECK_STR(PyObject_CallMethod(sup, "who", NULL), "A");
    CHECK_STR(PyObject_Repr(sup), "<super: <class 'B'>, <B object>>");
    CHECK(PyObject_GetAttrString(sup, "nothing") == NULL
          && raised(PyExc_AttributeError, "'super' object has no attribute 'nothing'"));
    PyObject *klass = sup ? PyObject_GetAttrString(sup, "__class__") : NULL;
    CHECK(klass == (PyObject *)&PySuper_Type);
    Py_XDECREF(klass);
    Py_XDECREF(sup);
    /* super(B, B) looks up on the class: an unbound method descriptor. */
    sup = PyObject_CallFunctionObjArgs((PyObject *)&PySuper_Type, b, b, NULL);
    PyObject *who = sup ? PyObject_GetAttrString(sup, "who") : NULL;
    CHECK(who != NULL && Py_IS_TYPE(who, &PyMethodDescr_Type));
    Py_XDECREF(who);
    Py_XDECREF(sup);
    PyObject *one = PyLong_FromLong(1);
    sup = PyObject_CallFunctionObjArgs((PyObject *)&PySuper_Type, b, one, NULL);
    CHECK(sup == NULL && raised(PyExc_TypeError,
        "super(type, obj): obj (instance of int) is not an instance or subtype "
        "of type (B)."));
    sup = PyObject_CallFunctionObjArgs((PyObject *)&PySuper_Type, one, one, NULL);
    CHECK(sup == NULL && raised(PyExc_TypeError,
                                "super() argument 1 must be a type, not int"));
    sup = PyObject_CallOneArg((PyObject *)&PySuper_Type, b);
    CHECK_REPR(sup, "<super: <class 'B'>, NULL>");
    Py_XDECREF(sup);
    Py_DECREF(one);
    Py_DECREF(obj);
    Py_DECREF(a);
    Py_DECREF(b);
}

/* ---- PyType_FromSpec ---------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    int counter;
    PyObject *payload;
} specobject;

static PyObject *spec_bump(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(++((specobject *)self)->counter);
}

static int spec_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((specobject *)self)->payload);
    Py_VISIT(Py_TYPE(self));
    return 0;
}

static PyMethodDef spec_methods[] = {
    {"bump", spec_bump, METH_NOARGS, "bump($self, /)\n--\n\nAdd one."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef spec_members[] = {
    {"counter", Py_T_INT, offsetof(specobject, counter), 0, NULL},
    {"payload", Py_T_OBJECT_EX, offsetof(specobject, payload), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyType_Slot spec_slots[] = {
    {Py_tp_doc, "Spec(...)\n--\n\nA type from a spec."},
    {Py_tp_methods, spec_methods},
    {Py_tp_members, spec_members},
    {Py_tp_traverse, spec_traverse},
    {Py_tp_new, PyType_GenericNew},
    {0, NULL},
};

static PyType_Spec spec_spec = {
    "testmod.Spec", sizeof(specobject), 0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE, spec_slots,
};

static PyType_Slot tail_slots[] = {{0, NULL}};
static PyType_Spec tail_spec = {"testmod.Tail", -(int)sizeof(double), 0,
                                Py_TPFLAGS_DEFAULT, tail_slots};

static void test_type_from_spec(void)
{
    PyObject *type = PyType_FromSpec(&spec_spec);
    CHECK(type != NULL);
    if (type == NULL) {
        PyErr_Clear();
        return;
    }
    CHECK_STR(PyObject_GetAttrString(type, "__name__"), "Spec");
    CHECK_STR(PyObject_GetAttrString(type, "__module__"), "testmod");
    CHECK_STR(PyObject_GetAttrString(type, "__doc__"), "A type from a spec.");
    CHECK_STR(PyObject_GetAttrString(type, "__text_signature__"), "(...)");
    CHECK(PyType_GetSlot((PyTypeObject *)type, Py_tp_new) == (void *)PyType_GenericNew);
    CHECK(PyType_GetSlot((PyTypeObject *)type, Py_nb_add) == NULL);
    CHECK(PyType_GetModule((PyTypeObject *)type) == NULL
          && raised(PyExc_TypeError,
                    "PyType_GetModule: Type 'testmod.Spec' has no associated module"));
    PyObject *obj = call0(type);
    CHECK(obj != NULL);
    if (obj != NULL) {
        PyObject *r = PyObject_CallMethod(obj, "bump", NULL);
        CHECK(r != NULL && PyLong_AsLong(r) == 1);
        Py_XDECREF(r);
        r = PyObject_GetAttrString(obj, "counter");
        CHECK(r != NULL && PyLong_AsLong(r) == 1);
        Py_XDECREF(r);
        PyObject *ten = PyLong_FromLong(10);
        CHECK(PyObject_SetAttrString(obj, "counter", ten) == 0);
        CHECK(((specobject *)obj)->counter == 10);
        CHECK(PyObject_GetAttrString(obj, "payload") == NULL
              && raised(PyExc_AttributeError,
                        "'testmod.Spec' object has no attribute 'payload'"));
        CHECK(PyObject_SetAttrString(obj, "payload", ten) == 0);
        CHECK(((specobject *)obj)->payload == ten);
        Py_DECREF(ten);
        Py_DECREF(obj);
    }
    /* A subclass made with type() keeps the C layout. */
    PyObject *sub = make_class("SubSpec", type);
    obj = sub ? call0(sub) : NULL;
    CHECK(obj != NULL && Py_TYPE(obj)->tp_basicsize >= (Py_ssize_t)sizeof(specobject));
    Py_XDECREF(obj);
    Py_XDECREF(sub);

    /* A negative basicsize appends aligned data after the base's. */
    PyObject *tail = PyType_FromSpecWithBases(&tail_spec, type);
    CHECK(tail != NULL);
    if (tail != NULL) {
        CHECK(PyType_GetTypeDataSize((PyTypeObject *)tail) >= (Py_ssize_t)sizeof(double));
        obj = call0(tail);
        CHECK(obj != NULL);
        if (obj != NULL) {
            char *data = PyObject_GetTypeData(obj, (PyTypeObject *)tail);
            CHECK(data >= (char *)obj + sizeof(specobject));
            CHECK(data + sizeof(double) <= (char *)obj + Py_TYPE(obj)->tp_basicsize);
            Py_DECREF(obj);
        }
        Py_DECREF(tail);
    }
    PyErr_Clear();
    Py_DECREF(type);
}

/* ---- smaller protocol pieces ------------------------------------------------------ */

static void test_instancecheck_and_init_subclass(void)
{
    PyObject *one = PyLong_FromLong(1);
    PyObject *r = PyObject_CallMethod((PyObject *)&PyLong_Type, "__instancecheck__",
                                      "O", one);
    CHECK(r == Py_True);
    Py_XDECREF(r);
    r = PyObject_CallMethod((PyObject *)&PyLong_Type, "__subclasscheck__", "O",
                            (PyObject *)&PyBool_Type);
    CHECK(r == Py_True);
    Py_XDECREF(r);
    r = PyObject_CallMethod((PyObject *)&PyBool_Type, "__subclasscheck__", "O",
                            (PyObject *)&PyLong_Type);
    CHECK(r == Py_False);
    Py_XDECREF(r);

    /* Class keywords go to __init_subclass__, object's takes none. */
    PyObject *args = Py_BuildValue("(s(O)N)", "KW", (PyObject *)&PyBaseObject_Type,
                                   PyDict_New());
    PyObject *kwargs = Py_BuildValue("{s:O}", "flag", one);
    r = PyObject_Call((PyObject *)&PyType_Type, args, kwargs);
    CHECK(r == NULL && raised(PyExc_TypeError,
                              "KW.__init_subclass__() takes no keyword arguments"));
    Py_DECREF(args);
    Py_DECREF(kwargs);
    Py_DECREF(one);
}

static void test_print_and_dir(void)
{
    FILE *fp = tmpfile();
    CHECK(fp != NULL);
    if (fp == NULL) {
        return;
    }
    PyObject *s = PyUnicode_FromString("h\xc3\xa9");
    CHECK(PyObject_Print(s, fp, 0) == 0);
    CHECK(PyObject_Print(s, fp, Py_PRINT_RAW) == 0);
    CHECK(PyObject_Print(NULL, fp, 0) == 0);
    char buf[64] = {0};
    rewind(fp);
    size_t n = fread(buf, 1, sizeof(buf) - 1, fp);
    fclose(fp);
    CHECK(n == strlen("'h\xc3\xa9'h\xc3\xa9<nil>")
          && strcmp(buf, "'h\xc3\xa9'h\xc3\xa9<nil>") == 0);
    Py_DECREF(s);

    PyObject *dir = PyObject_Dir((PyObject *)&PyBool_Type);
    CHECK(dir != NULL && PyList_Check(dir));
    if (dir != NULL) {
        PyObject *name = PyUnicode_FromString("bit_length");
        CHECK(PySequence_Contains(dir, name) == 1);
        Py_DECREF(name);
        Py_DECREF(dir);
    }
}

static void test_module_from_spec(void)
{
    static PyModuleDef def = {
        PyModuleDef_HEAD_INIT, "fromspec", "Doc.", 0, module_functions,
        test_slots_def, NULL, NULL, NULL,
    };
    /* Any object with a .name will do as the spec here. */
    PyObject *spec = PyModule_New("spec");
    PyObject *name = PyUnicode_FromString("fromspec");
    PyObject_SetAttrString(spec, "name", name);
    Py_DECREF(name);
    PyObject *m = PyModule_FromDefAndSpec(&def, spec);
    CHECK(m != NULL && PyModule_Check(m));
    if (m != NULL) {
        CHECK(strcmp(PyModule_GetName(m), "fromspec") == 0);
        CHECK(PyModule_GetDef(m) == &def);
        CHECK(PyObject_HasAttrStringWithError(m, "answer") == 0);
        CHECK(PyModule_ExecDef(m, &def) == 0);
        PyObject *answer = PyObject_GetAttrString(m, "answer");
        CHECK(answer != NULL && PyLong_AsLong(answer) == 42);
        Py_XDECREF(answer);
        CHECK_STR(PyObject_GetAttrString(m, "__doc__"), "Doc.");
        Py_DECREF(m);
    }
    PyErr_Clear();
    Py_DECREF(spec);
}

void suite_type(void)
{
    RUN(test_type_of_object);
    RUN(test_diamond_mro);
    RUN(test_inconsistent_mro);
    RUN(test_type_new_errors);
    RUN(test_class_attributes);
    RUN(test_lookup_order);
    RUN(test_getattr_hook);
    RUN(test_method_cache_invalidation);
    RUN(test_slot_wrappers_on_builtins);
    RUN(test_heap_type_slot_dispatch);
    RUN(test_eq_without_hash);
    RUN(test_subclass_of_builtin);
    RUN(test_slots);
    RUN(test_object_repr_and_init);
    RUN(test_singletons);
    RUN(test_repr_enter_leave);
    RUN(test_rich_compare_and_truth);
    RUN(test_builtin_functions);
    RUN(test_property);
    RUN(test_modules);
    RUN(test_super);
    RUN(test_type_from_spec);
    RUN(test_instancecheck_and_init_subclass);
    RUN(test_print_and_dir);
    RUN(test_module_from_spec);
}
