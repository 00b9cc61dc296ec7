/* Dict iterators (forward and reversed, over keys, values or items) and
   the dict views: dict_keys, dict_values, dict_items.

   An iterator remembers the dict's size when it was made and refuses to
   continue once the size changes; it also counts down the items it may
   still produce, which catches a delete-then-insert that keeps the size
   but changes the keys.

   Thread safety (free-threaded build): each step of an iterator runs
   inside the dict's critical section, so the entry it reads cannot be
   freed under it, and the iterator's own fields are only touched inside
   that same section.  Iterators keep their dict until they are
   deallocated in the free-threaded build, because two threads may advance
   one iterator and neither may drop the dict while the other reads it. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_abstract.h"
#include "pycore_dict.h"
#include "pycore_tuple.h"

/* Static type objects below list `.ob_base = PyVarObject_HEAD_INIT(...)`
   last, so the initializer reads the same whether or not the macro ends
   in a comma. */

/* ---- iterators ------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyDictObject *di_dict;          /* owned; NULL once released */
    Py_ssize_t di_used;             /* the dict's size when iteration began */
    Py_ssize_t di_pos;              /* next entry to examine; -1 when done */
    Py_ssize_t len;                 /* items still to produce */
    PyObject *di_result;            /* items iterators: the (key, value)
                                       tuple handed out last, refilled
                                       when dropped (_PyTuple_Recycle);
                                       set at creation, else NULL */
} dictiterobject;

enum iter_kind { ITER_KEYS, ITER_VALUES, ITER_ITEMS };

static int
is_reversed_iter(PyTypeObject *type)
{
    return type == &PyDictRevIterKey_Type || type == &PyDictRevIterValue_Type
           || type == &PyDictRevIterItem_Type;
}

static enum iter_kind
iter_kind_of(PyTypeObject *type)
{
    if (type == &PyDictIterValue_Type || type == &PyDictRevIterValue_Type) {
        return ITER_VALUES;
    }
    if (type == &PyDictIterItem_Type || type == &PyDictRevIterItem_Type) {
        return ITER_ITEMS;
    }
    return ITER_KEYS;
}

PyObject *
_PyDictIter_New(PyDictObject *dict, PyTypeObject *itertype)
{
    PyObject *result = NULL;
    if (iter_kind_of(itertype) == ITER_ITEMS) {
        result = PyTuple_Pack(2, Py_None, Py_None);
        if (result == NULL) {
            return NULL;
        }
    }
    dictiterobject *di = PyObject_GC_New(dictiterobject, itertype);
    if (di == NULL) {
        Py_XDECREF(result);
        return NULL;
    }
    di->di_result = result;
    di->di_dict = (PyDictObject *)Py_NewRef(dict);
    Py_BEGIN_CRITICAL_SECTION(dict);
    di->di_used = dict->ma_used;
    di->len = dict->ma_used;
    if (is_reversed_iter(itertype)) {
        di->di_pos = dict->ma_used == 0 ? -1 : dict->ma_keys->dk_nentries - 1;
    }
    else {
        di->di_pos = 0;
    }
    Py_END_CRITICAL_SECTION();
    PyObject_GC_Track(di);
    return (PyObject *)di;
}

PyObject *
_PyDict_Iter(PyObject *dict)
{
    return _PyDictIter_New((PyDictObject *)dict, &PyDictIterKey_Type);
}

static void
dictiter_dealloc(PyObject *self)
{
    dictiterobject *di = (dictiterobject *)self;
    PyObject_GC_UnTrack(di);
    Py_XDECREF(di->di_dict);
    Py_XDECREF(di->di_result);
    PyObject_GC_Del(di);
}

static int
dictiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((dictiterobject *)self)->di_dict);
    Py_VISIT(((dictiterobject *)self)->di_result);
    return 0;
}

/* An exhausted iterator lets go of its dict.  With the GIL nobody else
   can be reading di_dict; without it the dict is kept until dealloc. */
static void
dictiter_release(dictiterobject *di)
{
#ifndef Py_GIL_DISABLED
    Py_CLEAR(di->di_dict);
#else
    (void)di;
#endif
}

static PyObject *
dictiter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    dictiterobject *di = (dictiterobject *)self;
    Py_ssize_t len = 0;
    PyDictObject *d = di->di_dict;
    if (d != NULL) {
        Py_BEGIN_CRITICAL_SECTION(d);
        if (di->di_pos >= 0 && di->di_used == d->ma_used) {
            len = di->len;
        }
        Py_END_CRITICAL_SECTION();
    }
    return PyLong_FromSsize_t(len);
}

/* dictiter_step_lock_held's failures, raised by the caller after the
   section (making an exception is a call). */
enum { STEP_SIZE_CHANGED = -1, STEP_KEYS_CHANGED = -2 };

/* The next entry: 1 with new references to what the iterator's kind
   needs of it in *key and *value (NULL for the other), 0 at the end, or
   STEP_SIZE_CHANGED / STEP_KEYS_CHANGED.  The caller holds d's critical
   section, a leaf one (session 13, ftdict): only loads, stores to the
   iterator and increments happen here; the items tuple is made after the
   section, so that releasing the previous items (which may run any code)
   happens outside it. */
static int
dictiter_step_lock_held(dictiterobject *di, PyDictObject *d,
                        PyObject **key, PyObject **value)
{
    if (di->di_pos < 0) {
        return 0;
    }
    if (di->di_used != d->ma_used) {
        di->di_used = -1;   /* make this state sticky */
        return STEP_SIZE_CHANGED;
    }
    PyDictKeysObject *dk = d->ma_keys;
    PyDictKeyEntry *entries = DK_ENTRIES(dk);
    Py_ssize_t i = di->di_pos;
    int reversed = is_reversed_iter(Py_TYPE(di));
    if (reversed) {
        if (i >= dk->dk_nentries) {
            i = dk->dk_nentries - 1;
        }
        while (i >= 0 && entries[i].me_value == NULL) {
            i--;
        }
    }
    else {
        while (i < dk->dk_nentries && entries[i].me_value == NULL) {
            i++;
        }
        if (i >= dk->dk_nentries) {
            i = -1;
        }
    }
    if (i < 0) {
        di->di_pos = -1;
        return 0;
    }
    if (di->len == 0) {
        di->di_pos = -1;
        return STEP_KEYS_CHANGED;
    }
    di->di_pos = reversed ? i - 1 : i + 1;
    if (reversed && di->di_pos < 0) {
        di->di_pos = -1;
    }
    di->len--;
    enum iter_kind kind = iter_kind_of(Py_TYPE(di));
    *key = kind != ITER_VALUES ? Py_NewRef(entries[i].me_key) : NULL;
    *value = kind != ITER_KEYS ? Py_NewRef(entries[i].me_value) : NULL;
    return 1;
}

static PyObject *
dictiter_iternext(PyObject *self)
{
    dictiterobject *di = (dictiterobject *)self;
    PyDictObject *d = di->di_dict;
    if (d == NULL) {
        return NULL;
    }
    PyObject *key = NULL, *value = NULL;
    int found;
    _Py_BEGIN_LEAF_CRITICAL_SECTION(d);
    found = dictiter_step_lock_held(di, d, &key, &value);
    _Py_END_LEAF_CRITICAL_SECTION();
    if (found < 0) {
        PyErr_SetString(PyExc_RuntimeError,
                        found == STEP_SIZE_CHANGED
                        ? "dictionary changed size during iteration"
                        : "dictionary keys changed during iteration");
    }
    if (found <= 0) {
        /* After "changed size" the iterator keeps failing (di_used is
           -1); at the end, or after "keys changed", it is finished for
           good. */
        if (di->di_used != -1) {
            dictiter_release(di);
        }
        return NULL;
    }
    if (key == NULL) {
        return value;
    }
    if (value == NULL) {
        return key;
    }
    PyObject *pair[2] = {key, value};
    return _PyTuple_Recycle(di->di_result, pair, 2);
}

/* Pickled as iter(list of the results still to come), found by running
   a copy of the iterator.  The fields are copied under the dict's
   critical section, where a step changes them. */
static PyObject *
dictiter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    dictiterobject *di = (dictiterobject *)self;
    PyDictObject *d = di->di_dict;
    if (d == NULL) {
        return _PyIter_ReduceItems(PyList_New(0));
    }
    dictiterobject *copy = PyObject_GC_New(dictiterobject, Py_TYPE(di));
    if (copy == NULL) {
        return NULL;
    }
    copy->di_dict = (PyDictObject *)Py_NewRef(d);
    copy->di_result = NULL;
    Py_BEGIN_CRITICAL_SECTION(d);
    copy->di_used = di->di_used;
    copy->di_pos = di->di_pos;
    copy->len = di->len;
    Py_END_CRITICAL_SECTION();
    PyObject_GC_Track(copy);
    PyObject *items = PySequence_List((PyObject *)copy);
    Py_DECREF(copy);
    return _PyIter_ReduceItems(items);
}

static PyMethodDef dictiter_methods[] = {
    {"__length_hint__", dictiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", dictiter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

#define DICTITER_TYPE(CNAME, NAME)                                     \
    PyTypeObject CNAME = {                                             \
        .tp_name = NAME,                                               \
        .tp_basicsize = sizeof(dictiterobject),                        \
        .tp_dealloc = dictiter_dealloc,                                \
        .tp_getattro = PyObject_GenericGetAttr,                        \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,           \
        .tp_traverse = dictiter_traverse,                              \
        .tp_iter = PyObject_SelfIter,                                  \
        .tp_iternext = dictiter_iternext,                              \
        .tp_methods = dictiter_methods,                                \
        .ob_base = PyVarObject_HEAD_INIT(&PyType_Type, 0)             \
    }

DICTITER_TYPE(PyDictIterKey_Type, "dict_keyiterator");
DICTITER_TYPE(PyDictIterValue_Type, "dict_valueiterator");
DICTITER_TYPE(PyDictIterItem_Type, "dict_itemiterator");
DICTITER_TYPE(PyDictRevIterKey_Type, "dict_reversekeyiterator");
DICTITER_TYPE(PyDictRevIterValue_Type, "dict_reversevalueiterator");
DICTITER_TYPE(PyDictRevIterItem_Type, "dict_reverseitemiterator");

/* ---- views: common part ------------------------------------------------- */

PyObject *
_PyDictView_New(PyObject *dict, PyTypeObject *type)
{
    if (dict == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (!PyAnyDict_Check(dict)) {
        PyErr_Format(PyExc_TypeError, "%s() requires a dict argument, not '%s'",
                     type->tp_name, Py_TYPE(dict)->tp_name);
        return NULL;
    }
    _PyDictViewObject *dv = PyObject_GC_New(_PyDictViewObject, type);
    if (dv == NULL) {
        return NULL;
    }
    dv->dv_dict = (PyDictObject *)Py_NewRef(dict);
    PyObject_GC_Track(dv);
    return (PyObject *)dv;
}

static void
dictview_dealloc(PyObject *self)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    PyObject_GC_UnTrack(dv);
    Py_XDECREF(dv->dv_dict);
    PyObject_GC_Del(dv);
}

static int
dictview_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((_PyDictViewObject *)self)->dv_dict);
    return 0;
}

static PyDictObject *
view_dict(PyObject *self)
{
    return ((_PyDictViewObject *)self)->dv_dict;
}

static Py_ssize_t
dictview_len(PyObject *self)
{
    return view_dict(self) == NULL ? 0 : PyDict_GET_SIZE(view_dict(self));
}

static PyObject *
dictview_mapping(PyObject *self, void *Py_UNUSED(closure))
{
    return PyDictProxy_New((PyObject *)view_dict(self));
}

static PyGetSetDef dictview_getset[] = {
    {"mapping", dictview_mapping, NULL,
     "dictionary that this view refers to", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* dict_keys([...]) and friends; a view whose dict contains the view
   prints as "...". */
static PyObject *
dictview_repr(PyObject *self)
{
    int status = Py_ReprEnter(self);
    if (status != 0) {
        return status > 0 ? PyUnicode_FromString("...") : NULL;
    }
    PyObject *res = NULL;
    PyObject *seq = PySequence_List(self);
    if (seq != NULL) {
        res = PyUnicode_FromFormat("%s(%R)", Py_TYPE(self)->tp_name, seq);
        Py_DECREF(seq);
    }
    Py_ReprLeave(self);
    return res;
}

static PyObject *
view_iter(PyObject *self, PyTypeObject *itertype)
{
    PyDictObject *d = view_dict(self);
    if (d == NULL) {
        Py_RETURN_NONE;
    }
    return _PyDictIter_New(d, itertype);
}

/* ---- set operations shared by keys and items views --------------------- */

/* Is every element of `small` in `big`? */
static int
all_contained_in(PyObject *small, PyObject *big)
{
    PyObject *iter = PyObject_GetIter(small);
    if (iter == NULL) {
        return -1;
    }
    int ok = 1;
    PyObject *item;
    while (ok == 1 && (item = PyIter_Next(iter)) != NULL) {
        ok = PySequence_Contains(big, item);
        Py_DECREF(item);
    }
    Py_DECREF(iter);
    if (PyErr_Occurred()) {
        return -1;
    }
    return ok;
}

static PyObject *
dictview_richcompare(PyObject *self, PyObject *other, int op)
{
    if (!PyAnySet_Check(other) && !PyDictViewSet_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_ssize_t len_self = PyObject_Size(self);
    if (len_self < 0) {
        return NULL;
    }
    Py_ssize_t len_other = PyObject_Size(other);
    if (len_other < 0) {
        return NULL;
    }
    int ok = 0;
    switch (op) {
    case Py_NE:
    case Py_EQ:
        if (len_self == len_other) {
            ok = all_contained_in(self, other);
        }
        if (op == Py_NE && ok >= 0) {
            ok = !ok;
        }
        break;
    case Py_LT:
        if (len_self < len_other) {
            ok = all_contained_in(self, other);
        }
        break;
    case Py_LE:
        if (len_self <= len_other) {
            ok = all_contained_in(self, other);
        }
        break;
    case Py_GT:
        if (len_self > len_other) {
            ok = all_contained_in(other, self);
        }
        break;
    case Py_GE:
        if (len_self >= len_other) {
            ok = all_contained_in(other, self);
        }
        break;
    }
    if (ok < 0) {
        return NULL;
    }
    return PyBool_FromLong(ok);
}

/* A new set holding the view's elements (or any iterable's). */
static PyObject *
view_to_set(PyObject *self)
{
    if (PyDictKeys_Check(self) && view_dict(self) != NULL) {
        /* Iterating the dict itself yields the same keys, faster. */
        return PySet_New((PyObject *)view_dict(self));
    }
    return PySet_New(self);
}

static PyObject *
call_set_method(PyObject *set, const char *name, PyObject *arg)
{
    PyObject *res = PyObject_CallMethod(set, name, "(O)", arg);
    if (res == NULL) {
        return NULL;
    }
    Py_DECREF(res);
    return set;
}

static PyObject *
dictviews_sub(PyObject *self, PyObject *other)
{
    PyObject *result = view_to_set(self);
    if (result == NULL) {
        return NULL;
    }
    if (call_set_method(result, "difference_update", other) == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *
dictviews_or(PyObject *self, PyObject *other)
{
    PyObject *result = view_to_set(self);
    if (result == NULL) {
        return NULL;
    }
    if (_PySet_Update(result, other) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *
dictviews_xor(PyObject *self, PyObject *other)
{
    PyObject *result = view_to_set(self);
    if (result == NULL) {
        return NULL;
    }
    if (call_set_method(result, "symmetric_difference_update", other) == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static int dictkeys_contains(PyObject *self, PyObject *key);
static int dictitems_contains(PyObject *self, PyObject *item);

/* view & other: iterate the smaller side, test membership in the view. */
PyObject *
_PyDictView_Intersect(PyObject *self, PyObject *other)
{
    /* & is commutative: make self the view. */
    if (!PyDictViewSet_Check(self)) {
        PyObject *tmp = other;
        other = self;
        self = tmp;
    }
    Py_ssize_t len_self = dictview_len(self);
    if (PySet_CheckExact(other) && len_self <= PyObject_Size(other)) {
        return PyObject_CallMethod(other, "intersection", "O", self);
    }
    if (PyDictViewSet_Check(other) && dictview_len(other) > len_self) {
        PyObject *tmp = other;
        other = self;
        self = tmp;
    }
    int (*contains)(PyObject *, PyObject *) =
        PyDictKeys_Check(self) ? dictkeys_contains : dictitems_contains;
    PyObject *result = PySet_New(NULL);
    if (result == NULL) {
        return NULL;
    }
    PyObject *iter = PyObject_GetIter(other);
    if (iter == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    PyObject *key;
    while ((key = PyIter_Next(iter)) != NULL) {
        int rv = contains(self, key);
        if (rv > 0) {
            rv = PySet_Add(result, key);
        }
        Py_DECREF(key);
        if (rv < 0) {
            break;
        }
    }
    Py_DECREF(iter);
    if (PyErr_Occurred()) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *
dictviews_isdisjoint(PyObject *self, PyObject *other)
{
    if (self == other) {
        return PyBool_FromLong(dictview_len(self) == 0);
    }
    /* Iterate the smaller side when both sizes are cheap to know. */
    if (PyAnySet_Check(other) || PyDictViewSet_Check(other)) {
        Py_ssize_t len_other = PyObject_Size(other);
        if (len_other < 0) {
            return NULL;
        }
        if (dictview_len(self) > len_other) {
            PyObject *tmp = other;
            other = self;
            self = tmp;
        }
    }
    PyObject *iter = PyObject_GetIter(other);
    if (iter == NULL) {
        return NULL;
    }
    int disjoint = 1;
    PyObject *item;
    while (disjoint == 1 && (item = PyIter_Next(iter)) != NULL) {
        int rv = PySequence_Contains(self, item);
        Py_DECREF(item);
        disjoint = rv < 0 ? -1 : !rv;
    }
    Py_DECREF(iter);
    if (PyErr_Occurred()) {
        return NULL;
    }
    return PyBool_FromLong(disjoint);
}

static PyNumberMethods dictviews_as_number = {
    .nb_subtract = dictviews_sub,
    .nb_and = _PyDictView_Intersect,
    .nb_xor = dictviews_xor,
    .nb_or = dictviews_or,
};

/* ---- dict_keys ------------------------------------------------------------ */

static int
dictkeys_contains(PyObject *self, PyObject *key)
{
    PyDictObject *d = view_dict(self);
    return d == NULL ? 0 : PyDict_Contains((PyObject *)d, key);
}

static PyObject *
dictkeys_iter(PyObject *self)
{
    return view_iter(self, &PyDictIterKey_Type);
}

static PyObject *
dictkeys_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return view_iter(self, &PyDictRevIterKey_Type);
}

static PySequenceMethods dictkeys_as_sequence = {
    .sq_length = dictview_len,
    .sq_contains = dictkeys_contains,
};

static PyMethodDef dictkeys_methods[] = {
    {"isdisjoint", dictviews_isdisjoint, METH_O,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", dictkeys_reversed, METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyDictKeys_Type = {
    .tp_name = "dict_keys",
    .tp_basicsize = sizeof(_PyDictViewObject),
    .tp_dealloc = dictview_dealloc,
    .tp_repr = dictview_repr,
    .tp_as_number = &dictviews_as_number,
    .tp_as_sequence = &dictkeys_as_sequence,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_richcompare = dictview_richcompare,
    .tp_iter = dictkeys_iter,
    .tp_methods = dictkeys_methods,
    .tp_getset = dictview_getset,
    .ob_base = PyVarObject_HEAD_INIT(&PyType_Type, 0)
};

/* ---- dict_items ----------------------------------------------------------- */

/* (key, value) in d.items(): key present and its value equal. */
static int
dictitems_contains(PyObject *self, PyObject *item)
{
    PyDictObject *d = view_dict(self);
    if (d == NULL || !PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 2) {
        return 0;
    }
    PyObject *key = PyTuple_GET_ITEM(item, 0);
    PyObject *value = PyTuple_GET_ITEM(item, 1);
    PyObject *found;
    int res = PyDict_GetItemRef((PyObject *)d, key, &found);
    if (res <= 0) {
        return res;
    }
    res = PyObject_RichCompareBool(found, value, Py_EQ);
    Py_DECREF(found);
    return res;
}

static PyObject *
dictitems_iter(PyObject *self)
{
    return view_iter(self, &PyDictIterItem_Type);
}

static PyObject *
dictitems_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return view_iter(self, &PyDictRevIterItem_Type);
}

static PySequenceMethods dictitems_as_sequence = {
    .sq_length = dictview_len,
    .sq_contains = dictitems_contains,
};

static PyMethodDef dictitems_methods[] = {
    {"isdisjoint", dictviews_isdisjoint, METH_O,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", dictitems_reversed, METH_NOARGS,
     "Return a reverse iterator over the dict items."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyDictItems_Type = {
    .tp_name = "dict_items",
    .tp_basicsize = sizeof(_PyDictViewObject),
    .tp_dealloc = dictview_dealloc,
    .tp_repr = dictview_repr,
    .tp_as_number = &dictviews_as_number,
    .tp_as_sequence = &dictitems_as_sequence,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_richcompare = dictview_richcompare,
    .tp_iter = dictitems_iter,
    .tp_methods = dictitems_methods,
    .tp_getset = dictview_getset,
    .ob_base = PyVarObject_HEAD_INIT(&PyType_Type, 0)
};

/* ---- dict_values ---------------------------------------------------------- */

static PyObject *
dictvalues_iter(PyObject *self)
{
    return view_iter(self, &PyDictIterValue_Type);
}

static PyObject *
dictvalues_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return view_iter(self, &PyDictRevIterValue_Type);
}

static PySequenceMethods dictvalues_as_sequence = {
    .sq_length = dictview_len,
};

static PyMethodDef dictvalues_methods[] = {
    {"__reversed__", dictvalues_reversed, METH_NOARGS,
     "Return a reverse iterator over the dict values."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyDictValues_Type = {
    .tp_name = "dict_values",
    .tp_basicsize = sizeof(_PyDictViewObject),
    .tp_dealloc = dictview_dealloc,
    .tp_repr = dictview_repr,
    .tp_as_sequence = &dictvalues_as_sequence,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_iter = dictvalues_iter,
    .tp_methods = dictvalues_methods,
    .tp_getset = dictview_getset,
    .ob_base = PyVarObject_HEAD_INIT(&PyType_Type, 0)
};
