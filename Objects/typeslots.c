/* Special-method slots: the table that ties each C slot of a type
   (tp_repr, nb_add, sq_item, ...) to its dunder names, and the machinery
   built on it.

   For built-in types, PyType_Ready calls _PyType_AddSlotWrappers, which
   adds a wrapper descriptor (int.__add__ and friends) for each slot the
   type defines itself.  For classes created by type_new, the slots are
   filled from the dunder methods found along the MRO: either the C
   function behind a wrapper descriptor (when a subclass of a built-in
   leaves the method alone) or a generic slot_* function defined here that
   looks the method up on the type and calls it.  Assigning a dunder
   attribute on a class later refills the affected slots of it and of its
   subclasses.

   Thread safety (free-threaded build): slot pointers are written only
   under the type lock (see Objects/typeobject.c), each with one atomic
   store, so a thread calling through a slot sees the old or the new
   function, both of which remain valid.  The slot table itself is
   written once at start-up. */
#include "Python.h"
#include "pycore_call.h"
#include "pycore_object.h"
#include "pycore_pystate.h"
#include "pycore_typeobject.h"

/* ---- calling special methods ------------------------------------------------------ */

/* Call type(args[0]).name(*args) where args[0] is self.  Sets
   AttributeError when the type lacks it. */
static PyObject *call_special(PyObject *name, PyObject *const *args,
                              Py_ssize_t nargs)
{
    int unbound;
    PyObject *func = _PyObject_LookupSpecialMethod(args[0], name, &unbound);
    if (func == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetObject(PyExc_AttributeError, name);
        }
        return NULL;
    }
    PyObject *res;
    if (unbound) {
        res = PyObject_Vectorcall(func, args, (size_t)nargs, NULL);
    }
    else {
        res = PyObject_Vectorcall(func, args + 1, (size_t)(nargs - 1), NULL);
    }
    Py_DECREF(func);
    return res;
}

/* As call_special, but a missing method gives *missing = 1 and NULL
   without an exception. */
static PyObject *maybe_call_special(PyObject *name, PyObject *const *args,
                                    Py_ssize_t nargs, int *missing)
{
    int unbound;
    PyObject *func = _PyObject_LookupSpecialMethod(args[0], name, &unbound);
    *missing = 0;
    if (func == NULL) {
        *missing = !PyErr_Occurred();
        return NULL;
    }
    PyObject *res;
    if (unbound) {
        res = PyObject_Vectorcall(func, args, (size_t)nargs, NULL);
    }
    else {
        res = PyObject_Vectorcall(func, args + 1, (size_t)(nargs - 1), NULL);
    }
    Py_DECREF(func);
    return res;
}

/* ---- slot functions for classes defined in Python ---------------------------------- */

static PyObject *call_unary(PyObject *self, PyObject *name)
{
    PyObject *args[1] = {self};
    return call_special(name, args, 1);
}

static PyObject *call_binary(PyObject *self, PyObject *name, PyObject *other)
{
    PyObject *args[2] = {self, other};
    return call_special(name, args, 2);
}

/* self.name(other), or NotImplemented when the type lacks it. */
static PyObject *call_binary_maybe(PyObject *self, PyObject *name, PyObject *other)
{
    PyObject *args[2] = {self, other};
    int missing;
    PyObject *res = maybe_call_special(name, args, 2, &missing);
    if (missing) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return res;
}

/* type(self).name(self, *args, **kwds) for tuple/dict calls. */
static PyObject *call_special_args(PyObject *self, PyObject *name,
                                   PyObject *args, PyObject *kwds)
{
    int unbound;
    PyObject *func = _PyObject_LookupSpecialMethod(self, name, &unbound);
    if (func == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetObject(PyExc_AttributeError, name);
        }
        return NULL;
    }
    PyObject *res;
    if (unbound) {
        res = _PyObject_Call_Prepend(_PyThreadState_GET(), func, self, args, kwds);
    }
    else {
        res = PyObject_Call(func, args, kwds);
    }
    Py_DECREF(func);
    return res;
}

#define SLOT_UNARY(FUNCNAME, DUNDER)                                    \
    static PyObject *FUNCNAME(PyObject *self)                           \
    {                                                                   \
        return call_unary(self, _Py_INTERNED_ID(DUNDER));               \
    }

SLOT_UNARY(slot_tp_repr, __repr__)
SLOT_UNARY(slot_tp_str, __str__)
SLOT_UNARY(slot_tp_iternext, __next__)
SLOT_UNARY(slot_nb_negative, __neg__)
SLOT_UNARY(slot_nb_positive, __pos__)
SLOT_UNARY(slot_nb_absolute, __abs__)
SLOT_UNARY(slot_nb_invert, __invert__)
SLOT_UNARY(slot_nb_int, __int__)
SLOT_UNARY(slot_nb_float, __float__)
SLOT_UNARY(slot_nb_index, __index__)
SLOT_UNARY(slot_am_await, __await__)
SLOT_UNARY(slot_am_aiter, __aiter__)
SLOT_UNARY(slot_am_anext, __anext__)

/* Read atomically: update_one_slot rewrites a slot (release store) while
   other threads may be dispatching through it. */
static inline void *number_slot(PyTypeObject *type, size_t offset)
{
    PyNumberMethods *nb = type->tp_as_number;
    return nb == NULL
        ? NULL
        : __atomic_load_n((void **)((char *)nb + offset), __ATOMIC_RELAXED);
}

/* Does right's type define `name` differently from left's? */
static int method_is_overloaded(PyObject *left, PyObject *right, PyObject *name)
{
    PyObject *b = _PyType_LookupRef(Py_TYPE(right), name);
    if (b == NULL) {
        return 0;
    }
    PyObject *a = _PyType_LookupRef(Py_TYPE(left), name);
    int ok = a != b;
    Py_XDECREF(a);
    Py_DECREF(b);
    return ok;
}

/* The binary-operator protocol for classes: try self.__op__(other), then
   other.__rop__(self); the reflected method goes first when other's type
   is a subclass that overrides it.  this_slot is the slot function being
   run, which tells whether each operand's type dispatches through here. */
static PyObject *binary_dispatch(PyObject *self, PyObject *other, size_t offset,
                                 void *this_slot, PyObject *name, PyObject *rname)
{
    int do_other = !Py_IS_TYPE(self, Py_TYPE(other))
                   && number_slot(Py_TYPE(other), offset) == this_slot;
    if (number_slot(Py_TYPE(self), offset) == this_slot) {
        if (do_other && PyType_IsSubtype(Py_TYPE(other), Py_TYPE(self))
                && method_is_overloaded(self, other, rname)) {
            PyObject *r = call_binary_maybe(other, rname, self);
            if (r != Py_NotImplemented) {
                return r;
            }
            Py_DECREF(r);
            do_other = 0;
        }
        PyObject *r = call_binary_maybe(self, name, other);
        if (r != Py_NotImplemented || Py_IS_TYPE(other, Py_TYPE(self))) {
            return r;
        }
        Py_DECREF(r);
    }
    if (do_other) {
        return call_binary_maybe(other, rname, self);
    }
    Py_RETURN_NOTIMPLEMENTED;
}

#define SLOT_BINARY(FUNCNAME, FIELD, DUNDER, RDUNDER)                       \
    static PyObject *FUNCNAME(PyObject *self, PyObject *other)              \
    {                                                                       \
        return binary_dispatch(self, other, offsetof(PyNumberMethods, FIELD), \
                               (void *)FUNCNAME, _Py_INTERNED_ID(DUNDER),   \
                               _Py_INTERNED_ID(RDUNDER));                   \
    }

SLOT_BINARY(slot_nb_add, nb_add, __add__, __radd__)
SLOT_BINARY(slot_nb_subtract, nb_subtract, __sub__, __rsub__)
SLOT_BINARY(slot_nb_multiply, nb_multiply, __mul__, __rmul__)
SLOT_BINARY(slot_nb_matrix_multiply, nb_matrix_multiply, __matmul__, __rmatmul__)
SLOT_BINARY(slot_nb_remainder, nb_remainder, __mod__, __rmod__)
SLOT_BINARY(slot_nb_divmod, nb_divmod, __divmod__, __rdivmod__)
SLOT_BINARY(slot_nb_lshift, nb_lshift, __lshift__, __rlshift__)
SLOT_BINARY(slot_nb_rshift, nb_rshift, __rshift__, __rrshift__)
SLOT_BINARY(slot_nb_and, nb_and, __and__, __rand__)
SLOT_BINARY(slot_nb_xor, nb_xor, __xor__, __rxor__)
SLOT_BINARY(slot_nb_or, nb_or, __or__, __ror__)
SLOT_BINARY(slot_nb_floor_divide, nb_floor_divide, __floordiv__, __rfloordiv__)
SLOT_BINARY(slot_nb_true_divide, nb_true_divide, __truediv__, __rtruediv__)


/* pow(self, other, modulus): with a modulus, only self.__pow__ and (since
   3.14) other.__rpow__ are tried. */
static PyObject *slot_nb_power(PyObject *self, PyObject *other, PyObject *modulus)
{
    if (modulus == Py_None) {
        return binary_dispatch(self, other, offsetof(PyNumberMethods, nb_power),
                               (void *)slot_nb_power, _Py_INTERNED_ID(__pow__),
                               _Py_INTERNED_ID(__rpow__));
    }
    int missing;
    if (number_slot(Py_TYPE(self), offsetof(PyNumberMethods, nb_power))
            == (void *)slot_nb_power) {
        PyObject *args[3] = {self, other, modulus};
        PyObject *r = maybe_call_special(_Py_INTERNED_ID(__pow__), args, 3, &missing);
        if (r == NULL && !missing) {
            return NULL;
        }
        if (r != NULL && r != Py_NotImplemented) {
            return r;
        }
        Py_XDECREF(r);
    }
    if (!Py_IS_TYPE(self, Py_TYPE(other))
            && number_slot(Py_TYPE(other), offsetof(PyNumberMethods, nb_power))
                   == (void *)slot_nb_power) {
        PyObject *args[3] = {other, self, modulus};
        PyObject *r = maybe_call_special(_Py_INTERNED_ID(__rpow__), args, 3, &missing);
        if (r != NULL || !missing) {
            return r;
        }
    }
    Py_RETURN_NOTIMPLEMENTED;
}

#define SLOT_INPLACE(FUNCNAME, DUNDER)                                  \
    static PyObject *FUNCNAME(PyObject *self, PyObject *other)          \
    {                                                                   \
        return call_binary_maybe(self, _Py_INTERNED_ID(DUNDER), other); \
    }

SLOT_INPLACE(slot_nb_inplace_add, __iadd__)
SLOT_INPLACE(slot_nb_inplace_subtract, __isub__)
SLOT_INPLACE(slot_nb_inplace_multiply, __imul__)
SLOT_INPLACE(slot_nb_inplace_matrix_multiply, __imatmul__)
SLOT_INPLACE(slot_nb_inplace_remainder, __imod__)
SLOT_INPLACE(slot_nb_inplace_lshift, __ilshift__)
SLOT_INPLACE(slot_nb_inplace_rshift, __irshift__)
SLOT_INPLACE(slot_nb_inplace_and, __iand__)
SLOT_INPLACE(slot_nb_inplace_xor, __ixor__)
SLOT_INPLACE(slot_nb_inplace_or, __ior__)
SLOT_INPLACE(slot_nb_inplace_floor_divide, __ifloordiv__)
SLOT_INPLACE(slot_nb_inplace_true_divide, __itruediv__)

static PyObject *slot_nb_inplace_power(PyObject *self, PyObject *other,
                                       PyObject *modulus)
{
    return call_binary_maybe(self, _Py_INTERNED_ID(__ipow__), other);
}

/* len() through __len__: an int >= 0 that fits in Py_ssize_t. */
static Py_ssize_t call_len(PyObject *self)
{
    PyObject *res = call_unary(self, _Py_INTERNED_ID(__len__));
    if (res == NULL) {
        return -1;
    }
    /* The sign is checked before the size: a hugely negative length is
       a ValueError, not an OverflowError. */
    Py_SETREF(res, PyNumber_Index(res));
    if (res == NULL) {
        return -1;
    }
    if (_PyLong_Sign(res) < 0) {
        Py_DECREF(res);
        PyErr_SetString(PyExc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    Py_ssize_t len = PyNumber_AsSsize_t(res, PyExc_OverflowError);
    Py_DECREF(res);
    return len;
}

static Py_ssize_t slot_sq_length(PyObject *self)
{
    return call_len(self);
}

/* __bool__ (which must return a bool), else __len__, else true. */
static int slot_nb_bool(PyObject *self)
{
    int unbound;
    PyObject *func = _PyObject_LookupSpecialMethod(self, _Py_INTERNED_ID(__bool__),
                                                   &unbound);
    if (func == NULL) {
        if (PyErr_Occurred()) {
            return -1;
        }
        PyObject *len = _PyType_LookupRef(Py_TYPE(self), _Py_INTERNED_ID(__len__));
        if (len == NULL) {
            return 1;
        }
        Py_DECREF(len);
        Py_ssize_t n = call_len(self);
        return n < 0 ? -1 : n > 0;
    }
    PyObject *res = unbound ? PyObject_CallOneArg(func, self)
                            : _PyObject_CallNoArgs(func);
    Py_DECREF(func);
    if (res == NULL) {
        return -1;
    }
    if (!PyBool_Check(res)) {
        PyErr_Format(PyExc_TypeError, "__bool__ should return bool, returned %s",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return -1;
    }
    int r = res == Py_True;
    Py_DECREF(res);
    return r;
}

static PyObject *slot_sq_item(PyObject *self, Py_ssize_t i)
{
    PyObject *index = PyLong_FromSsize_t(i);
    if (index == NULL) {
        return NULL;
    }
    PyObject *res = call_binary(self, _Py_INTERNED_ID(__getitem__), index);
    Py_DECREF(index);
    return res;
}

/* Store or, with value NULL, delete: __setitem__ / __delitem__. */
static int call_store(PyObject *self, PyObject *key, PyObject *value,
                      PyObject *set_name, PyObject *del_name)
{
    PyObject *res;
    if (value == NULL) {
        res = call_binary(self, del_name, key);
    }
    else {
        PyObject *args[3] = {self, key, value};
        res = call_special(set_name, args, 3);
    }
    if (res == NULL) {
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

static int slot_sq_ass_item(PyObject *self, Py_ssize_t i, PyObject *value)
{
    PyObject *index = PyLong_FromSsize_t(i);
    if (index == NULL) {
        return -1;
    }
    int rc = call_store(self, index, value, _Py_INTERNED_ID(__setitem__),
                        _Py_INTERNED_ID(__delitem__));
    Py_DECREF(index);
    return rc;
}

/* __contains__, or iteration when the class defines none; None means the
   class opted out. */
static int slot_sq_contains(PyObject *self, PyObject *value)
{
    int unbound;
    PyObject *func = _PyObject_LookupSpecialMethod(self, _Py_INTERNED_ID(__contains__),
                                                   &unbound);
    if (func == Py_None) {
        Py_DECREF(func);
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not a container",
                     Py_TYPE(self)->tp_name);
        return -1;
    }
    if (func == NULL) {
        if (PyErr_Occurred()) {
            return -1;
        }
        return (int)_PySequence_IterSearch(self, value, PY_ITERSEARCH_CONTAINS);
    }
    PyObject *args[2] = {self, value};
    PyObject *res = unbound ? PyObject_Vectorcall(func, args, 2, NULL)
                            : PyObject_CallOneArg(func, value);
    Py_DECREF(func);
    if (res == NULL) {
        return -1;
    }
    int r = PyObject_IsTrue(res);
    Py_DECREF(res);
    return r;
}

static Py_ssize_t slot_mp_length(PyObject *self)
{
    return call_len(self);
}

static PyObject *slot_mp_subscript(PyObject *self, PyObject *key)
{
    return call_binary(self, _Py_INTERNED_ID(__getitem__), key);
}

static int slot_mp_ass_subscript(PyObject *self, PyObject *key, PyObject *value)
{
    return call_store(self, key, value, _Py_INTERNED_ID(__setitem__),
                      _Py_INTERNED_ID(__delitem__));
}

/* __hash__ must return an int; big ints are reduced with int's hash, and
   -1 (the error marker) becomes -2.  __hash__ = None: unhashable. */
static Py_hash_t slot_tp_hash(PyObject *self)
{
    int unbound;
    PyObject *func = _PyObject_LookupSpecialMethod(self, _Py_INTERNED_ID(__hash__),
                                                   &unbound);
    if (func == Py_None || func == NULL) {
        Py_XDECREF(func);
        if (PyErr_Occurred()) {
            return -1;
        }
        return PyObject_HashNotImplemented(self);
    }
    PyObject *res = unbound ? PyObject_CallOneArg(func, self)
                            : _PyObject_CallNoArgs(func);
    Py_DECREF(func);
    if (res == NULL) {
        return -1;
    }
    if (!PyLong_Check(res)) {
        PyErr_SetString(PyExc_TypeError, "__hash__ method should return an integer");
        Py_DECREF(res);
        return -1;
    }
    Py_hash_t h = PyLong_AsSsize_t(res);
    if (h == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        h = PyObject_Hash(res);
    }
    else if (h == -1) {
        h = -2;
    }
    Py_DECREF(res);
    return h;
}

static PyObject *slot_tp_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    return call_special_args(self, _Py_INTERNED_ID(__call__), args, kwds);
}

/* attr(self, name) with attr found on the type: bind it first if it is a
   descriptor. */
static PyObject *call_attribute(PyObject *self, PyObject *attr, PyObject *name)
{
    descrgetfunc get = Py_TYPE(attr)->tp_descr_get;
    if (Py_TYPE(attr)->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR) {
        PyObject *args[2] = {self, name};
        return PyObject_Vectorcall(attr, args, 2, NULL);
    }
    if (get != NULL) {
        PyObject *bound = get(attr, self, (PyObject *)Py_TYPE(self));
        if (bound == NULL) {
            return NULL;
        }
        PyObject *res = PyObject_CallOneArg(bound, name);
        Py_DECREF(bound);
        return res;
    }
    PyObject *args[2] = {self, name};
    return PyObject_Vectorcall(attr, args, 2, NULL);
}

static int is_generic_getattribute(PyObject *descr)
{
    return Py_IS_TYPE(descr, &PyWrapperDescr_Type)
           && ((PyWrapperDescrObject *)descr)->d_wrapped == (void *)PyObject_GenericGetAttr;
}

/* __getattribute__, falling back to __getattr__ on AttributeError. */
static PyObject *slot_tp_getattr_hook(PyObject *self, PyObject *name)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject *getattr = _PyType_LookupRef(tp, _Py_INTERNED_ID(__getattr__));
    PyObject *getattribute = _PyType_LookupRef(tp, _Py_INTERNED_ID(__getattribute__));
    PyObject *res;
    if (getattribute == NULL || is_generic_getattribute(getattribute)) {
        res = _PyObject_GenericGetAttrWithDict(self, name, NULL, getattr != NULL);
    }
    else {
        res = call_attribute(self, getattribute, name);
        if (res == NULL && getattr != NULL
                && PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Clear();
        }
    }
    if (res == NULL && getattr != NULL && !PyErr_Occurred()) {
        res = call_attribute(self, getattr, name);
    }
    Py_XDECREF(getattr);
    Py_XDECREF(getattribute);
    return res;
}

static int slot_tp_setattro(PyObject *self, PyObject *name, PyObject *value)
{
    return call_store(self, name, value, _Py_INTERNED_ID(__setattr__),
                      _Py_INTERNED_ID(__delattr__));
}

static const char *const richcmp_names[] = {
    "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__",
};

static PyObject *richcmp_name(int op)
{
    static PyObject *names[6];
    return _PyType_CachedIdentifier(&names[op], richcmp_names[op]);
}

/* As in CPython, a comparison method that cannot be looked up (say a
   property whose getter raises) counts as missing: NotImplemented, the
   lookup error dropped.  Errors of the call itself propagate. */
static PyObject *slot_tp_richcompare(PyObject *self, PyObject *other, int op)
{
    PyObject *name = richcmp_name(op);
    if (name == NULL) {
        return NULL;
    }
    int unbound;
    PyObject *func = _PyObject_LookupSpecialMethod(self, name, &unbound);
    if (func == NULL) {
        PyErr_Clear();
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *args[2] = {self, other};
    PyObject *res = unbound ? PyObject_Vectorcall(func, args, 2, NULL)
                            : PyObject_Vectorcall(func, args + 1, 1, NULL);
    Py_DECREF(func);
    return res;
}

/* __iter__ (None: not iterable), else the old __getitem__ protocol. */
static PyObject *slot_tp_iter(PyObject *self)
{
    int unbound;
    PyObject *func = _PyObject_LookupSpecialMethod(self, _Py_INTERNED_ID(__iter__),
                                                   &unbound);
    if (func == Py_None) {
        Py_DECREF(func);
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not iterable",
                     Py_TYPE(self)->tp_name);
        return NULL;
    }
    if (func != NULL) {
        PyObject *res = unbound ? PyObject_CallOneArg(func, self)
                                : _PyObject_CallNoArgs(func);
        Py_DECREF(func);
        return res;
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    PyObject *getitem = _PyType_LookupRef(Py_TYPE(self), _Py_INTERNED_ID(__getitem__));
    if (getitem == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not iterable",
                     Py_TYPE(self)->tp_name);
        return NULL;
    }
    Py_DECREF(getitem);
    return PySeqIter_New(self);
}

static PyObject *slot_tp_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyObject *get = _PyType_LookupRef(Py_TYPE(self), _Py_INTERNED_ID(__get__));
    if (get == NULL) {
        /* __get__ was deleted after the class was made. */
        return Py_NewRef(self);
    }
    Py_DECREF(get);
    PyObject *args[3] = {self, obj != NULL ? obj : Py_None,
                         type != NULL ? type : Py_None};
    return call_special(_Py_INTERNED_ID(__get__), args, 3);
}

static int slot_tp_descr_set(PyObject *self, PyObject *target, PyObject *value)
{
    return call_store(self, target, value, _Py_INTERNED_ID(__set__),
                      _Py_INTERNED_ID(__delete__));
}

static int slot_tp_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *res = call_special_args(self, _Py_INTERNED_ID(__init__), args, kwds);
    if (res == NULL) {
        return -1;
    }
    if (res != Py_None) {
        PyErr_Format(PyExc_TypeError, "__init__() should return None, not '%.200s'",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

static PyObject *slot_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *func = PyObject_GetAttr((PyObject *)type, _Py_INTERNED_ID(__new__));
    if (func == NULL) {
        return NULL;
    }
    PyObject *res = _PyObject_Call_Prepend(_PyThreadState_GET(), func,
                                           (PyObject *)type, args, kwds);
    Py_DECREF(func);
    return res;
}

/* __del__: errors are reported as unraisable, the pending exception is
   preserved. */
static void slot_tp_finalize(PyObject *self)
{
    PyObject *exc = PyErr_GetRaisedException();
    int unbound;
    PyObject *del = _PyObject_LookupSpecialMethod(self, _Py_INTERNED_ID(__del__),
                                                  &unbound);
    if (del != NULL) {
        PyObject *res = unbound ? PyObject_CallOneArg(del, self)
                                : _PyObject_CallNoArgs(del);
        if (res == NULL) {
            PyErr_FormatUnraisable("Exception ignored while calling "
                                   "deallocator %R", del);
        }
        Py_XDECREF(res);
        Py_DECREF(del);
    }
    else if (PyErr_Occurred()) {
        PyErr_WriteUnraisable(self);
    }
    PyErr_SetRaisedException(exc);
}

/* ---- operator specialization (Python/specialize.c) --------------------------------------- */

/* The binary slot functions above, by the offset of their field in
   PyNumberMethods. */
static const struct {
    size_t offset;
    binaryfunc func;
} python_binary_slots[] = {
    {offsetof(PyNumberMethods, nb_add), slot_nb_add},
    {offsetof(PyNumberMethods, nb_subtract), slot_nb_subtract},
    {offsetof(PyNumberMethods, nb_multiply), slot_nb_multiply},
    {offsetof(PyNumberMethods, nb_matrix_multiply), slot_nb_matrix_multiply},
    {offsetof(PyNumberMethods, nb_remainder), slot_nb_remainder},
    {offsetof(PyNumberMethods, nb_lshift), slot_nb_lshift},
    {offsetof(PyNumberMethods, nb_rshift), slot_nb_rshift},
    {offsetof(PyNumberMethods, nb_and), slot_nb_and},
    {offsetof(PyNumberMethods, nb_xor), slot_nb_xor},
    {offsetof(PyNumberMethods, nb_or), slot_nb_or},
    {offsetof(PyNumberMethods, nb_floor_divide), slot_nb_floor_divide},
    {offsetof(PyNumberMethods, nb_true_divide), slot_nb_true_divide},
};

/* Is type's binary number slot at `offset` this file's dispatcher, which
   calls the class's dunder (binary_dispatch)?  The specializer enters the
   dunder's frame directly only then.  Reads one slot pointer: the caller
   holds the type's version tag, which any slot update clears. */
int
_PyType_BinarySlotCallsDunder(PyTypeObject *type, size_t offset)
{
    void *slot = number_slot(type, offset);
    for (size_t i = 0; i < Py_ARRAY_LENGTH(python_binary_slots); i++) {
        if (python_binary_slots[i].offset == offset) {
            return slot != NULL && slot == (void *)python_binary_slots[i].func;
        }
    }
    return 0;
}

/* The same for tp_richcompare (slot_tp_richcompare). */
int
_PyType_RichCompareCallsDunder(PyTypeObject *type)
{
    return __atomic_load_n(&type->tp_richcompare, __ATOMIC_RELAXED)
           == slot_tp_richcompare;
}

/* ---- the slot table ------------------------------------------------------------------ */

#define SLOT_AT(FIELD) ((int)offsetof(PyHeapTypeObject, FIELD))
#define SLOTDEF(NAME, FIELD, FUNC, WRAPPER, DOC) \
    {NAME, SLOT_AT(FIELD), (void *)(FUNC), (wrapperfunc)(WRAPPER), DOC, 0, NULL}
#define SLOTDEF_KW(NAME, FIELD, FUNC, WRAPPER, DOC)                     \
    {NAME, SLOT_AT(FIELD), (void *)(FUNC), (wrapperfunc)(void (*)(void))(WRAPPER), \
     DOC, PyWrapperFlag_KEYWORDS, NULL}
#define TP(FIELD) ht_type.FIELD
#define AM(FIELD) as_async.FIELD
#define NB(FIELD) as_number.FIELD
#define MP(FIELD) as_mapping.FIELD
#define SQ(FIELD) as_sequence.FIELD

#define UNARY_DOC(NAME, TEXT) NAME "($self, /)\n--\n\n" TEXT
#define BINARY_DOC(NAME, TEXT) NAME "($self, value, /)\n--\n\n" TEXT

#define NB_BINARY(NAME, RNAME, FIELD, FUNC, OP)                                  \
    SLOTDEF(NAME, NB(FIELD), FUNC, _Py_wrap_binaryfunc_l,                        \
            BINARY_DOC(NAME, "Return self" OP "value.")),                        \
    SLOTDEF(RNAME, NB(FIELD), FUNC, _Py_wrap_binaryfunc_r,                       \
            BINARY_DOC(RNAME, "Return value" OP "self."))
#define NB_INPLACE(NAME, FIELD, FUNC, OP)                                        \
    SLOTDEF(NAME, NB(FIELD), FUNC, _Py_wrap_binaryfunc,                          \
            BINARY_DOC(NAME, "Return self" OP "=value."))
#define NB_UNARY(NAME, FIELD, FUNC, TEXT)                                        \
    SLOTDEF(NAME, NB(FIELD), FUNC, _Py_wrap_unaryfunc, UNARY_DOC(NAME, TEXT))

/* Entries sharing a slot are adjacent; where several names can fill a
   slot or one name several slots, the first entry for a name decides the
   wrapper a built-in type shows (mapping before sequence). */
static struct wrapperbase slotdefs[] = {
    SLOTDEF("__getattribute__", TP(tp_getattro), slot_tp_getattr_hook,
            _Py_wrap_binaryfunc,
            "__getattribute__($self, name, /)\n--\n\nReturn getattr(self, name)."),
    SLOTDEF("__getattr__", TP(tp_getattro), slot_tp_getattr_hook, NULL, ""),
    SLOTDEF("__setattr__", TP(tp_setattro), slot_tp_setattro, _Py_wrap_setattr,
            "__setattr__($self, name, value, /)\n--\n\n"
            "Implement setattr(self, name, value)."),
    SLOTDEF("__delattr__", TP(tp_setattro), slot_tp_setattro, _Py_wrap_delattr,
            "__delattr__($self, name, /)\n--\n\nImplement delattr(self, name)."),
    SLOTDEF("__repr__", TP(tp_repr), slot_tp_repr, _Py_wrap_unaryfunc,
            UNARY_DOC("__repr__", "Return repr(self).")),
    SLOTDEF("__hash__", TP(tp_hash), slot_tp_hash, _Py_wrap_hashfunc,
            UNARY_DOC("__hash__", "Return hash(self).")),
    SLOTDEF_KW("__call__", TP(tp_call), slot_tp_call, _Py_wrap_call,
               "__call__($self, /, *args, **kwargs)\n--\n\n"
               "Call self as a function."),
    SLOTDEF("__str__", TP(tp_str), slot_tp_str, _Py_wrap_unaryfunc,
            UNARY_DOC("__str__", "Return str(self).")),
    SLOTDEF("__lt__", TP(tp_richcompare), slot_tp_richcompare, _Py_wrap_richcmp_lt,
            BINARY_DOC("__lt__", "Return self<value.")),
    SLOTDEF("__le__", TP(tp_richcompare), slot_tp_richcompare, _Py_wrap_richcmp_le,
            BINARY_DOC("__le__", "Return self<=value.")),
    SLOTDEF("__eq__", TP(tp_richcompare), slot_tp_richcompare, _Py_wrap_richcmp_eq,
            BINARY_DOC("__eq__", "Return self==value.")),
    SLOTDEF("__ne__", TP(tp_richcompare), slot_tp_richcompare, _Py_wrap_richcmp_ne,
            BINARY_DOC("__ne__", "Return self!=value.")),
    SLOTDEF("__gt__", TP(tp_richcompare), slot_tp_richcompare, _Py_wrap_richcmp_gt,
            BINARY_DOC("__gt__", "Return self>value.")),
    SLOTDEF("__ge__", TP(tp_richcompare), slot_tp_richcompare, _Py_wrap_richcmp_ge,
            BINARY_DOC("__ge__", "Return self>=value.")),
    SLOTDEF("__iter__", TP(tp_iter), slot_tp_iter, _Py_wrap_unaryfunc,
            UNARY_DOC("__iter__", "Implement iter(self).")),
    SLOTDEF("__next__", TP(tp_iternext), slot_tp_iternext, _Py_wrap_next,
            UNARY_DOC("__next__", "Implement next(self).")),
    SLOTDEF("__get__", TP(tp_descr_get), slot_tp_descr_get, _Py_wrap_descr_get,
            "__get__($self, instance, owner=None, /)\n--\n\n"
            "Return an attribute of instance, which is of type owner."),
    SLOTDEF("__set__", TP(tp_descr_set), slot_tp_descr_set, _Py_wrap_descr_set,
            "__set__($self, instance, value, /)\n--\n\n"
            "Set an attribute of instance to value."),
    SLOTDEF("__delete__", TP(tp_descr_set), slot_tp_descr_set, _Py_wrap_descr_delete,
            "__delete__($self, instance, /)\n--\n\nDelete an attribute of instance."),
    SLOTDEF_KW("__init__", TP(tp_init), slot_tp_init, _Py_wrap_init,
               "__init__($self, /, *args, **kwargs)\n--\n\n"
               "Initialize self.  See help(type(self)) for accurate signature."),
    SLOTDEF("__new__", TP(tp_new), slot_tp_new, NULL,
            "__new__(type, /, *args, **kwargs)\n--\n\n"
            "Create and return new object.  See help(type) for accurate signature."),
    SLOTDEF("__del__", TP(tp_finalize), slot_tp_finalize, _Py_wrap_del,
            UNARY_DOC("__del__", "Called when the instance is about to be destroyed.")),

    SLOTDEF("__await__", AM(am_await), slot_am_await, _Py_wrap_unaryfunc,
            UNARY_DOC("__await__", "Return an iterator to be used in await expression.")),
    SLOTDEF("__aiter__", AM(am_aiter), slot_am_aiter, _Py_wrap_unaryfunc,
            UNARY_DOC("__aiter__", "Return an awaitable, that resolves in asynchronous iterator.")),
    SLOTDEF("__anext__", AM(am_anext), slot_am_anext, _Py_wrap_unaryfunc,
            UNARY_DOC("__anext__", "Return a value or raise StopAsyncIteration.")),

    NB_BINARY("__add__", "__radd__", nb_add, slot_nb_add, "+"),
    NB_BINARY("__sub__", "__rsub__", nb_subtract, slot_nb_subtract, "-"),
    NB_BINARY("__mul__", "__rmul__", nb_multiply, slot_nb_multiply, "*"),
    NB_BINARY("__mod__", "__rmod__", nb_remainder, slot_nb_remainder, "%"),
    SLOTDEF("__divmod__", NB(nb_divmod), slot_nb_divmod, _Py_wrap_binaryfunc_l,
            BINARY_DOC("__divmod__", "Return divmod(self, value).")),
    SLOTDEF("__rdivmod__", NB(nb_divmod), slot_nb_divmod, _Py_wrap_binaryfunc_r,
            BINARY_DOC("__rdivmod__", "Return divmod(value, self).")),
    SLOTDEF("__pow__", NB(nb_power), slot_nb_power, _Py_wrap_ternaryfunc,
            "__pow__($self, value, mod=None, /)\n--\n\nReturn pow(self, value, mod)."),
    SLOTDEF("__rpow__", NB(nb_power), slot_nb_power, _Py_wrap_ternaryfunc_r,
            "__rpow__($self, value, mod=None, /)\n--\n\nReturn pow(value, self, mod)."),
    NB_UNARY("__neg__", nb_negative, slot_nb_negative, "-self"),
    NB_UNARY("__pos__", nb_positive, slot_nb_positive, "+self"),
    NB_UNARY("__abs__", nb_absolute, slot_nb_absolute, "abs(self)"),
    SLOTDEF("__bool__", NB(nb_bool), slot_nb_bool, _Py_wrap_inquirypred,
            UNARY_DOC("__bool__", "True if self else False")),
    NB_UNARY("__invert__", nb_invert, slot_nb_invert, "~self"),
    NB_BINARY("__lshift__", "__rlshift__", nb_lshift, slot_nb_lshift, "<<"),
    NB_BINARY("__rshift__", "__rrshift__", nb_rshift, slot_nb_rshift, ">>"),
    NB_BINARY("__and__", "__rand__", nb_and, slot_nb_and, "&"),
    NB_BINARY("__xor__", "__rxor__", nb_xor, slot_nb_xor, "^"),
    NB_BINARY("__or__", "__ror__", nb_or, slot_nb_or, "|"),
    NB_UNARY("__int__", nb_int, slot_nb_int, "int(self)"),
    NB_UNARY("__float__", nb_float, slot_nb_float, "float(self)"),
    NB_INPLACE("__iadd__", nb_inplace_add, slot_nb_inplace_add, "+"),
    NB_INPLACE("__isub__", nb_inplace_subtract, slot_nb_inplace_subtract, "-"),
    NB_INPLACE("__imul__", nb_inplace_multiply, slot_nb_inplace_multiply, "*"),
    NB_INPLACE("__imod__", nb_inplace_remainder, slot_nb_inplace_remainder, "%"),
    SLOTDEF("__ipow__", NB(nb_inplace_power), slot_nb_inplace_power,
            _Py_wrap_ternaryfunc, BINARY_DOC("__ipow__", "Return self**=value.")),
    NB_INPLACE("__ilshift__", nb_inplace_lshift, slot_nb_inplace_lshift, "<<"),
    NB_INPLACE("__irshift__", nb_inplace_rshift, slot_nb_inplace_rshift, ">>"),
    NB_INPLACE("__iand__", nb_inplace_and, slot_nb_inplace_and, "&"),
    NB_INPLACE("__ixor__", nb_inplace_xor, slot_nb_inplace_xor, "^"),
    NB_INPLACE("__ior__", nb_inplace_or, slot_nb_inplace_or, "|"),
    NB_BINARY("__floordiv__", "__rfloordiv__", nb_floor_divide, slot_nb_floor_divide, "//"),
    NB_BINARY("__truediv__", "__rtruediv__", nb_true_divide, slot_nb_true_divide, "/"),
    NB_INPLACE("__ifloordiv__", nb_inplace_floor_divide, slot_nb_inplace_floor_divide, "//"),
    NB_INPLACE("__itruediv__", nb_inplace_true_divide, slot_nb_inplace_true_divide, "/"),
    NB_UNARY("__index__", nb_index, slot_nb_index,
             "Return self converted to an integer, if self is suitable "
             "for use as an index into a list."),
    NB_BINARY("__matmul__", "__rmatmul__", nb_matrix_multiply, slot_nb_matrix_multiply, "@"),
    NB_INPLACE("__imatmul__", nb_inplace_matrix_multiply,
               slot_nb_inplace_matrix_multiply, "@"),

    SLOTDEF("__len__", MP(mp_length), slot_mp_length, _Py_wrap_lenfunc,
            UNARY_DOC("__len__", "Return len(self).")),
    SLOTDEF("__getitem__", MP(mp_subscript), slot_mp_subscript, _Py_wrap_binaryfunc,
            "__getitem__($self, key, /)\n--\n\nReturn self[key]."),
    SLOTDEF("__setitem__", MP(mp_ass_subscript), slot_mp_ass_subscript,
            _Py_wrap_objobjargproc,
            "__setitem__($self, key, value, /)\n--\n\nSet self[key] to value."),
    SLOTDEF("__delitem__", MP(mp_ass_subscript), slot_mp_ass_subscript,
            _Py_wrap_delitem, "__delitem__($self, key, /)\n--\n\nDelete self[key]."),

    SLOTDEF("__len__", SQ(sq_length), slot_sq_length, _Py_wrap_lenfunc,
            UNARY_DOC("__len__", "Return len(self).")),
    SLOTDEF("__add__", SQ(sq_concat), NULL, _Py_wrap_binaryfunc,
            BINARY_DOC("__add__", "Return self+value.")),
    SLOTDEF("__mul__", SQ(sq_repeat), NULL, _Py_wrap_indexargfunc,
            BINARY_DOC("__mul__", "Return self*value.")),
    SLOTDEF("__rmul__", SQ(sq_repeat), NULL, _Py_wrap_indexargfunc,
            BINARY_DOC("__rmul__", "Return value*self.")),
    SLOTDEF("__getitem__", SQ(sq_item), slot_sq_item, _Py_wrap_sq_item,
            "__getitem__($self, key, /)\n--\n\nReturn self[key]."),
    SLOTDEF("__setitem__", SQ(sq_ass_item), slot_sq_ass_item, _Py_wrap_sq_setitem,
            "__setitem__($self, key, value, /)\n--\n\nSet self[key] to value."),
    SLOTDEF("__delitem__", SQ(sq_ass_item), slot_sq_ass_item, _Py_wrap_sq_delitem,
            "__delitem__($self, key, /)\n--\n\nDelete self[key]."),
    SLOTDEF("__contains__", SQ(sq_contains), slot_sq_contains, _Py_wrap_objobjproc,
            "__contains__($self, key, /)\n--\n\nReturn bool(key in self)."),
    SLOTDEF("__iadd__", SQ(sq_inplace_concat), NULL, _Py_wrap_binaryfunc,
            BINARY_DOC("__iadd__", "Implement self+=value.")),
    SLOTDEF("__imul__", SQ(sq_inplace_repeat), NULL, _Py_wrap_indexargfunc,
            BINARY_DOC("__imul__", "Implement self*=value.")),

    SLOTDEF("__buffer__", as_buffer.bf_getbuffer, _Py_slot_bf_getbuffer,
            _Py_wrap_getbuffer,
            "__buffer__($self, flags, /)\n--\n\n"
            "Return a buffer object that exposes the underlying memory of the object."),
    SLOTDEF("__release_buffer__", as_buffer.bf_releasebuffer,
            _Py_slot_bf_releasebuffer, _Py_wrap_releasebuffer,
            "__release_buffer__($self, buffer, /)\n--\n\n"
            "Release the buffer object that exposes the underlying memory of the object."),
    {NULL, 0, NULL, NULL, NULL, 0, NULL},
};

/* The slot's storage inside type: in the type object itself or in one of
   its sub-tables (NULL when type has no such table). */
void **_PyType_SlotPtr(PyTypeObject *type, int offset)
{
    char *ptr;
    size_t off = (size_t)offset;
    if (off >= offsetof(PyHeapTypeObject, as_buffer)) {
        ptr = (char *)type->tp_as_buffer;
        off -= offsetof(PyHeapTypeObject, as_buffer);
    }
    else if (off >= offsetof(PyHeapTypeObject, as_sequence)) {
        ptr = (char *)type->tp_as_sequence;
        off -= offsetof(PyHeapTypeObject, as_sequence);
    }
    else if (off >= offsetof(PyHeapTypeObject, as_mapping)) {
        ptr = (char *)type->tp_as_mapping;
        off -= offsetof(PyHeapTypeObject, as_mapping);
    }
    else if (off >= offsetof(PyHeapTypeObject, as_number)) {
        ptr = (char *)type->tp_as_number;
        off -= offsetof(PyHeapTypeObject, as_number);
    }
    else if (off >= offsetof(PyHeapTypeObject, as_async)) {
        ptr = (char *)type->tp_as_async;
        off -= offsetof(PyHeapTypeObject, as_async);
    }
    else {
        ptr = (char *)type;
    }
    return ptr == NULL ? NULL : (void **)(ptr + off);
}

/* The names are interned once, during start-up's first PyType_Ready
   (single-threaded), before any other code reads them. */
static void init_slotdefs(void)
{
    static int initialized;
    if (initialized) {
        return;
    }
    for (struct wrapperbase *p = slotdefs; p->name != NULL; p++) {
        p->name_strobj = PyUnicode_InternFromString(p->name);
        if (p->name_strobj == NULL) {
            Py_FatalError("out of memory interning slot names");
        }
    }
    initialized = 1;
}

/* For PyType_Ready: a wrapper descriptor for each slot the type itself
   defines, unless its dict already has that name. */
int _PyType_AddSlotWrappers(PyTypeObject *type)
{
    init_slotdefs();
    PyObject *dict = type->tp_dict;
    for (struct wrapperbase *p = slotdefs; p->name != NULL; p++) {
        if (p->wrapper == NULL) {
            continue;
        }
        void **ptr = _PyType_SlotPtr(type, p->offset);
        if (ptr == NULL || *ptr == NULL) {
            continue;
        }
        int r = PyDict_Contains(dict, p->name_strobj);
        if (r < 0) {
            return -1;
        }
        if (r > 0) {
            continue;
        }
        if (*ptr == (void *)PyObject_HashNotImplemented) {
            if (PyDict_SetItem(dict, p->name_strobj, Py_None) < 0) {
                return -1;
            }
            continue;
        }
        PyObject *descr = PyDescr_NewWrapper(type, p, *ptr);
        if (descr == NULL) {
            return -1;
        }
        r = PyDict_SetItem(dict, p->name_strobj, descr);
        Py_DECREF(descr);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

/* Fill one slot of a class from the dunder methods along its MRO (all the
   table entries for that slot, starting at p).  Returns the first entry
   of the next slot.  A C function is used directly when every name for
   the slot resolves to a wrapper of the same function; otherwise the
   generic slot_* dispatcher. */
static struct wrapperbase *update_one_slot(PyTypeObject *type,
                                           struct wrapperbase *p)
{
    int offset = p->offset;
    void **ptr = _PyType_SlotPtr(type, offset);
    if (ptr == NULL) {
        do {
            p++;
        } while (p->offset == offset);
        return p;
    }
    void *generic = NULL, *specific = NULL;
    int use_generic = 0;
    do {
        PyObject *descr = _PyType_LookupRef(type, p->name_strobj);
        if (descr == NULL) {
            continue;
        }
        if (Py_IS_TYPE(descr, &PyWrapperDescr_Type)
                && ((PyWrapperDescrObject *)descr)->d_base->name_strobj
                       == p->name_strobj) {
            PyWrapperDescrObject *d = (PyWrapperDescrObject *)descr;
            generic = p->function;
            if ((specific == NULL || specific == d->d_wrapped)
                    && d->d_base->wrapper == p->wrapper
                    && PyType_IsSubtype(type, PyDescr_TYPE(d))) {
                specific = d->d_wrapped;
            }
            else {
                use_generic = 1;
            }
        }
        else if (PyCFunction_Check(descr)
                 && PyCFunction_GET_FUNCTION(descr) == _PyCFunction_CAST(_PyType_NewWrapper)
                 && ptr == (void **)&type->tp_new) {
            specific = (void *)type->tp_new;
        }
        else if (descr == Py_None && ptr == (void **)&type->tp_hash) {
            specific = (void *)PyObject_HashNotImplemented;
        }
        else {
            use_generic = 1;
            generic = p->function;
        }
        Py_DECREF(descr);
    } while ((++p)->offset == offset);
    void *value = (specific != NULL && !use_generic) ? specific : generic;
    if (value == NULL && ptr == (void **)&type->tp_iternext && *ptr != NULL) {
        /* __next__ was deleted; iterations in progress still call here. */
        value = (void *)_PyObject_NextNotImplemented;
    }
    __atomic_store_n(ptr, value, __ATOMIC_RELEASE);
    return p;
}

void _PyType_FixupSlotDispatchers(PyTypeObject *type)
{
    BEGIN_TYPE_LOCK();
    for (struct wrapperbase *p = slotdefs; p->name != NULL; ) {
        p = update_one_slot(type, p);
    }
    END_TYPE_LOCK();
}

/* After __bases__ changed: every slot of type and its subclasses. */
void _PyType_UpdateAllSlots(PyTypeObject *type)
{
    _PyType_FixupSlotDispatchers(type);
    PyObject *subclasses = _PyType_GetSubclasses(type);
    if (subclasses == NULL) {
        PyErr_Clear();
        return;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(subclasses); i++) {
        _PyType_UpdateAllSlots((PyTypeObject *)PyList_GET_ITEM(subclasses, i));
    }
    Py_DECREF(subclasses);
}

/* Refill the slot at `offset` in type and in the subclasses that inherit
   `name` (those that define it themselves keep their own).  Caller holds
   the type lock. */
static int update_slot_recursive(PyTypeObject *type, struct wrapperbase *group,
                                 PyObject *name)
{
    update_one_slot(type, group);
    PyObject *subclasses = _PyType_GetSubclassesLocked(type);
    if (subclasses == NULL) {
        return -1;
    }
    int res = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(subclasses) && res == 0; i++) {
        PyTypeObject *sub = (PyTypeObject *)PyList_GET_ITEM(subclasses, i);
        int r = sub->tp_dict != NULL ? PyDict_Contains(sub->tp_dict, name) : 0;
        if (r < 0) {
            res = -1;
        }
        else if (r == 0) {
            res = update_slot_recursive(sub, group, name);
        }
    }
    Py_DECREF(subclasses);
    return res;
}

/* A dunder attribute of a class changed.  Caller holds the type lock. */
int _PyType_UpdateSlot(PyTypeObject *type, PyObject *name)
{
    for (struct wrapperbase *p = slotdefs; p->name != NULL; p++) {
        if (p->name_strobj != name && !_PyUnicode_Equal(p->name_strobj, name)) {
            continue;
        }
        struct wrapperbase *group = p;
        while (group > slotdefs && (group - 1)->offset == p->offset) {
            group--;
        }
        if (update_slot_recursive(type, group, name) < 0) {
            return -1;
        }
    }
    return 0;
}

/* T.__new__(S, *args, **kwds): the built-in function for tp_new, bound to
   T.  S must be a subtype of T whose nearest static base allocates like
   T does. */
PyObject *_PyType_NewWrapper(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (!PyType_Check(self)) {
        PyErr_Format(PyExc_SystemError,
                     "__new__() called with non-type 'self'");
        return NULL;
    }
    PyTypeObject *type = (PyTypeObject *)self;
    if (PyTuple_GET_SIZE(args) < 1) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(): not enough arguments",
                     type->tp_name);
        return NULL;
    }
    PyObject *arg0 = PyTuple_GET_ITEM(args, 0);
    if (!PyType_Check(arg0)) {
        PyErr_Format(PyExc_TypeError,
                     "%s.__new__(X): X is not a type object (%s)",
                     type->tp_name, Py_TYPE(arg0)->tp_name);
        return NULL;
    }
    PyTypeObject *subtype = (PyTypeObject *)arg0;
    if (!PyType_IsSubtype(subtype, type)) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                     type->tp_name, subtype->tp_name, subtype->tp_name,
                     type->tp_name);
        return NULL;
    }
    PyTypeObject *staticbase = subtype;
    while (staticbase != NULL && staticbase->tp_new == slot_tp_new) {
        staticbase = staticbase->tp_base;
    }
    if (staticbase != NULL && staticbase->tp_new != type->tp_new) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()",
                     type->tp_name, subtype->tp_name, staticbase->tp_name);
        return NULL;
    }
    PyObject *rest = PyTuple_GetSlice(args, 1, PyTuple_GET_SIZE(args));
    if (rest == NULL) {
        return NULL;
    }
    PyObject *res = type->tp_new(subtype, rest, kwds);
    Py_DECREF(rest);
    return res;
}

