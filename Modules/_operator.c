/* The _operator module: Python's operators as functions, and the
   itemgetter, attrgetter and methodcaller callables.  Lib/operator.py
   re-exports everything defined here.

   Thread safety: the module has no mutable state, and the getter objects
   are immutable after construction, so nothing here needs a lock. */
#include "Python.h"

static const char operator_doc[] =
"Functions for Python's operators: operator.add(x, y) computes x + y.\n\n"
"Each function is also available under its special-method name\n"
"(operator.__add__).";

/* ---- operator functions ---------------------------------------------- */

/* One-argument functions wrapping an abstract-API call. */
#define UNARY_FUNC(name, expr)                                          \
    static PyObject *op_##name(PyObject *Py_UNUSED(m), PyObject *a)     \
    {                                                                   \
        return expr;                                                    \
    }

/* Two-argument functions (METH_FASTCALL, exactly two positionals). */
#define BINARY_FUNC(name, pyname, expr)                                 \
    static PyObject *op_##name(PyObject *Py_UNUSED(m),                  \
                               PyObject *const *args, Py_ssize_t nargs) \
    {                                                                   \
        if (!_PyArg_CheckPositional(pyname, nargs, 2, 2)) {             \
            return NULL;                                                \
        }                                                               \
        PyObject *a = args[0], *b = args[1];                            \
        return expr;                                                    \
    }

UNARY_FUNC(neg, PyNumber_Negative(a))
UNARY_FUNC(pos, PyNumber_Positive(a))
UNARY_FUNC(abs, PyNumber_Absolute(a))
UNARY_FUNC(inv, PyNumber_Invert(a))
UNARY_FUNC(index, PyNumber_Index(a))
UNARY_FUNC(is_none, PyBool_FromLong(a == Py_None))
UNARY_FUNC(is_not_none, PyBool_FromLong(a != Py_None))

static PyObject *
op_truth(PyObject *Py_UNUSED(m), PyObject *a)
{
    int r = PyObject_IsTrue(a);
    return r < 0 ? NULL : PyBool_FromLong(r);
}

static PyObject *
op_not_(PyObject *Py_UNUSED(m), PyObject *a)
{
    int r = PyObject_Not(a);
    return r < 0 ? NULL : PyBool_FromLong(r);
}

BINARY_FUNC(add, "add", PyNumber_Add(a, b))
BINARY_FUNC(sub, "sub", PyNumber_Subtract(a, b))
BINARY_FUNC(mul, "mul", PyNumber_Multiply(a, b))
BINARY_FUNC(matmul, "matmul", PyNumber_MatrixMultiply(a, b))
BINARY_FUNC(truediv, "truediv", PyNumber_TrueDivide(a, b))
BINARY_FUNC(floordiv, "floordiv", PyNumber_FloorDivide(a, b))
BINARY_FUNC(mod, "mod", PyNumber_Remainder(a, b))
BINARY_FUNC(pow, "pow", PyNumber_Power(a, b, Py_None))
BINARY_FUNC(lshift, "lshift", PyNumber_Lshift(a, b))
BINARY_FUNC(rshift, "rshift", PyNumber_Rshift(a, b))
BINARY_FUNC(and_, "and_", PyNumber_And(a, b))
BINARY_FUNC(or_, "or_", PyNumber_Or(a, b))
BINARY_FUNC(xor, "xor", PyNumber_Xor(a, b))
BINARY_FUNC(iadd, "iadd", PyNumber_InPlaceAdd(a, b))
BINARY_FUNC(isub, "isub", PyNumber_InPlaceSubtract(a, b))
BINARY_FUNC(imul, "imul", PyNumber_InPlaceMultiply(a, b))
BINARY_FUNC(imatmul, "imatmul", PyNumber_InPlaceMatrixMultiply(a, b))
BINARY_FUNC(itruediv, "itruediv", PyNumber_InPlaceTrueDivide(a, b))
BINARY_FUNC(ifloordiv, "ifloordiv", PyNumber_InPlaceFloorDivide(a, b))
BINARY_FUNC(imod, "imod", PyNumber_InPlaceRemainder(a, b))
BINARY_FUNC(ipow, "ipow", PyNumber_InPlacePower(a, b, Py_None))
BINARY_FUNC(ilshift, "ilshift", PyNumber_InPlaceLshift(a, b))
BINARY_FUNC(irshift, "irshift", PyNumber_InPlaceRshift(a, b))
BINARY_FUNC(iand, "iand", PyNumber_InPlaceAnd(a, b))
BINARY_FUNC(ior, "ior", PyNumber_InPlaceOr(a, b))
BINARY_FUNC(ixor, "ixor", PyNumber_InPlaceXor(a, b))
BINARY_FUNC(lt, "lt", PyObject_RichCompare(a, b, Py_LT))
BINARY_FUNC(le, "le", PyObject_RichCompare(a, b, Py_LE))
BINARY_FUNC(eq, "eq", PyObject_RichCompare(a, b, Py_EQ))
BINARY_FUNC(ne, "ne", PyObject_RichCompare(a, b, Py_NE))
BINARY_FUNC(gt, "gt", PyObject_RichCompare(a, b, Py_GT))
BINARY_FUNC(ge, "ge", PyObject_RichCompare(a, b, Py_GE))
BINARY_FUNC(is_, "is_", PyBool_FromLong(a == b))
BINARY_FUNC(is_not, "is_not", PyBool_FromLong(a != b))
BINARY_FUNC(getitem, "getitem", PyObject_GetItem(a, b))

/* concat and iconcat accept only sequences as the first operand, as
   their names promise. */
static int
check_concatenable(PyObject *a)
{
    PySequenceMethods *sq = Py_TYPE(a)->tp_as_sequence;
    PyMappingMethods *mp = Py_TYPE(a)->tp_as_mapping;
    if ((sq == NULL || sq->sq_item == NULL) &&
        (mp == NULL || mp->mp_subscript == NULL)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object can't be concatenated",
                     Py_TYPE(a)->tp_name);
        return -1;
    }
    return 0;
}

BINARY_FUNC(concat, "concat",
            check_concatenable(a) < 0 ? NULL : PyNumber_Add(a, b))
BINARY_FUNC(iconcat, "iconcat",
            check_concatenable(a) < 0 ? NULL : PyNumber_InPlaceAdd(a, b))

static PyObject *
op_contains(PyObject *Py_UNUSED(m), PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("contains", nargs, 2, 2)) {
        return NULL;
    }
    int r = PySequence_Contains(args[0], args[1]);
    return r < 0 ? NULL : PyBool_FromLong(r);
}

/* Scan `seq` for items identical or equal to `value`.  With
   first_only, return the index of the first; otherwise the count. */
static Py_ssize_t
scan_sequence(PyObject *seq, PyObject *value, int first_only)
{
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL) {
        return -1;
    }
    Py_ssize_t position = 0, count = 0;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int eq = item == value ? 1 : PyObject_RichCompareBool(item, value, Py_EQ);
        Py_DECREF(item);
        if (eq < 0) {
            Py_DECREF(it);
            return -1;
        }
        if (eq) {
            if (first_only) {
                Py_DECREF(it);
                return position;
            }
            count++;
        }
        position++;
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        return -1;
    }
    if (first_only) {
        PyErr_SetString(PyExc_ValueError,
                        "sequence.index(x): x not in sequence");
        return -1;
    }
    return count;
}

static PyObject *
op_countOf(PyObject *Py_UNUSED(m), PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("countOf", nargs, 2, 2)) {
        return NULL;
    }
    Py_ssize_t n = scan_sequence(args[0], args[1], 0);
    return n < 0 ? NULL : PyLong_FromSsize_t(n);
}

static PyObject *
op_indexOf(PyObject *Py_UNUSED(m), PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("indexOf", nargs, 2, 2)) {
        return NULL;
    }
    Py_ssize_t n = scan_sequence(args[0], args[1], 1);
    return n < 0 ? NULL : PyLong_FromSsize_t(n);
}

static PyObject *
op_setitem(PyObject *Py_UNUSED(m), PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("setitem", nargs, 3, 3)) {
        return NULL;
    }
    if (PyObject_SetItem(args[0], args[1], args[2]) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
op_delitem(PyObject *Py_UNUSED(m), PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("delitem", nargs, 2, 2)) {
        return NULL;
    }
    if (PyObject_DelItem(args[0], args[1]) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
op_call(PyObject *Py_UNUSED(m), PyObject *const *args, size_t nargsf,
        PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs < 1) {
        PyErr_SetString(PyExc_TypeError,
                        "call() missing required argument 'obj' (pos 1)");
        return NULL;
    }
    return PyObject_Vectorcall(args[0], args + 1, nargs - 1, kwnames);
}

/* Constant-time comparison for str (ASCII only) or bytes-like inputs:
   the running time depends on the length of b only, not on where the
   inputs first differ. */
static PyObject *
op_compare_digest(PyObject *Py_UNUSED(m), PyObject *const *args,
                  Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_compare_digest", nargs, 2, 2)) {
        return NULL;
    }
    PyObject *a = args[0], *b = args[1];
    const unsigned char *pa, *pb;
    Py_ssize_t la, lb;
    Py_buffer va = {0}, vb = {0};
    int have_buffers = 0;
    if (PyUnicode_Check(a) && PyUnicode_Check(b)) {
        if (!PyUnicode_IS_ASCII(a) || !PyUnicode_IS_ASCII(b)) {
            PyErr_SetString(PyExc_TypeError,
                            "comparing strings with non-ASCII characters is "
                            "not supported");
            return NULL;
        }
        pa = (const unsigned char *)PyUnicode_DATA(a);
        pb = (const unsigned char *)PyUnicode_DATA(b);
        la = PyUnicode_GET_LENGTH(a);
        lb = PyUnicode_GET_LENGTH(b);
    }
    else {
        if (PyUnicode_Check(a) || PyUnicode_Check(b)) {
            PyErr_Format(PyExc_TypeError,
                         "unsupported operand types(s) or combination of types: "
                         "'%.100s' and '%.100s'",
                         Py_TYPE(a)->tp_name, Py_TYPE(b)->tp_name);
            return NULL;
        }
        if (PyObject_GetBuffer(a, &va, PyBUF_SIMPLE) < 0) {
            return NULL;
        }
        if (PyObject_GetBuffer(b, &vb, PyBUF_SIMPLE) < 0) {
            PyBuffer_Release(&va);
            return NULL;
        }
        have_buffers = 1;
        pa = va.buf;
        pb = vb.buf;
        la = va.len;
        lb = vb.len;
    }
    /* Compare b against itself when the lengths differ, so the loop
       always runs len(b) times. */
    const volatile unsigned char *left = la == lb ? pa : pb;
    const volatile unsigned char *right = pb;
    unsigned char diff = la == lb ? 0 : 1;
    for (Py_ssize_t i = 0; i < lb; i++) {
        diff |= left[i] ^ right[i];
    }
    if (have_buffers) {
        PyBuffer_Release(&va);
        PyBuffer_Release(&vb);
    }
    return PyBool_FromLong(diff == 0);
}

/* ---- itemgetter ------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *items;        /* tuple of keys, never empty */
    vectorcallfunc vectorcall;
} itemgetterobject;

/* The getters and methodcaller are called with exactly one positional
   argument, the object; `name` is the type's, for the messages. */
static int
check_one_argument(const char *name, Py_ssize_t nargs, PyObject *kwnames)
{
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) > 0) {
        PyErr_Format(PyExc_TypeError, "%s() takes no keyword arguments",
                     name);
        return -1;
    }
    return _PyArg_CheckPositional(name, nargs, 1, 1) ? 0 : -1;
}

/* fetch(obj, key) for the one key of `keys`, or the tuple of the
   results for each of several. */
static PyObject *
fetch_each(PyObject *obj, PyObject *keys,
           PyObject *(*fetch)(PyObject *, PyObject *))
{
    Py_ssize_t n = PyTuple_GET_SIZE(keys);
    if (n == 1) {
        return fetch(obj, PyTuple_GET_ITEM(keys, 0));
    }
    PyObject *result = PyTuple_New(n);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = fetch(obj, PyTuple_GET_ITEM(keys, i));
        if (v == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        PyTuple_SET_ITEM(result, i, v);
    }
    return result;
}

static PyTypeObject ItemGetter_Type;

static PyObject *
itemgetter_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf,
                      PyObject *kwnames)
{
    itemgetterobject *ig = (itemgetterobject *)self;
    if (check_one_argument("itemgetter", PyVectorcall_NARGS(nargsf),
                           kwnames) < 0) {
        return NULL;
    }
    return fetch_each(args[0], ig->items, PyObject_GetItem);
}

static PyObject *
itemgetter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords("itemgetter", kwds)) {
        return NULL;
    }
    if (PyTuple_GET_SIZE(args) < 1) {
        PyErr_SetString(PyExc_TypeError,
                        "itemgetter expected 1 argument, got 0");
        return NULL;
    }
    itemgetterobject *ig = PyObject_GC_New(itemgetterobject, type);
    if (ig == NULL) {
        return NULL;
    }
    ig->items = Py_NewRef(args);
    ig->vectorcall = itemgetter_vectorcall;
    PyObject_GC_Track(ig);
    return (PyObject *)ig;
}

static void
getter_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(((itemgetterobject *)self)->items);
    PyObject_GC_Del(self);
}

static int
getter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((itemgetterobject *)self)->items);
    return 0;
}

/* "operator.NAME(r1, r2, ...)" from the reprs of a tuple's items. */
static PyObject *
getter_repr_of(PyObject *self, const char *name, PyObject *items)
{
    int rc = Py_ReprEnter(self);
    if (rc != 0) {
        return rc > 0 ? PyUnicode_FromFormat("%s(...)", name) : NULL;
    }
    PyObject *parts = PyList_New(0), *joined = NULL, *result = NULL;
    if (parts == NULL) {
        goto done;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(items); i++) {
        PyObject *r = PyObject_Repr(PyTuple_GET_ITEM(items, i));
        if (r == NULL || PyList_Append(parts, r) < 0) {
            Py_XDECREF(r);
            goto done;
        }
        Py_DECREF(r);
    }
    PyObject *sep = PyUnicode_FromString(", ");
    if (sep == NULL) {
        goto done;
    }
    joined = PyUnicode_Join(sep, parts);
    Py_DECREF(sep);
    if (joined != NULL) {
        result = PyUnicode_FromFormat("operator.%s(%U)", name, joined);
    }
done:
    Py_XDECREF(parts);
    Py_XDECREF(joined);
    Py_ReprLeave(self);
    return result;
}

static PyObject *
itemgetter_repr(PyObject *self)
{
    return getter_repr_of(self, "itemgetter", ((itemgetterobject *)self)->items);
}

static PyObject *
getter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyTuple_Pack(2, (PyObject *)Py_TYPE(self),
                        ((itemgetterobject *)self)->items);
}

static PyMethodDef getter_methods[] = {
    {"__reduce__", getter_reduce, METH_NOARGS,
     "Return state information for pickling"},
    {NULL, NULL, 0, NULL},
};

/* What inspect.signature() reports for an instance of the three callable
   types: one positional-only argument.  Built from a constant, so safe
   from any thread. */
static PyObject *
getter_text_signature(PyObject *Py_UNUSED(self), void *Py_UNUSED(closure))
{
    return PyUnicode_FromString("(obj, /)");
}

static PyGetSetDef getter_getset[] = {
    {"__text_signature__", getter_text_signature, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyTypeObject ItemGetter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "operator.itemgetter",
    .tp_basicsize = sizeof(itemgetterobject),
    .tp_dealloc = getter_dealloc,
    .tp_vectorcall_offset = offsetof(itemgetterobject, vectorcall),
    .tp_repr = itemgetter_repr,
    .tp_call = PyVectorcall_Call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC
                | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "itemgetter(item, /, *items)\n--\n\n"
              "A callable returning obj[item] for one item, or the tuple of\n"
              "obj[i] for each of several items.",
    .tp_traverse = getter_traverse,
    .tp_getset = getter_getset,
    .tp_methods = getter_methods,
    .tp_new = itemgetter_new,
};

/* ---- attrgetter ------------------------------------------------------ */

/* `attrs` is the tuple of names as given; `paths` holds, per name, a
   tuple of its interned dotted components. */
typedef struct {
    PyObject_HEAD
    PyObject *attrs;
    vectorcallfunc vectorcall;
    PyObject *paths;
} attrgetterobject;

static PyObject *
resolve_path(PyObject *obj, PyObject *path)
{
    PyObject *value = Py_NewRef(obj);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(path); i++) {
        PyObject *next = PyObject_GetAttr(value, PyTuple_GET_ITEM(path, i));
        Py_DECREF(value);
        if (next == NULL) {
            return NULL;
        }
        value = next;
    }
    return value;
}

static PyObject *
attrgetter_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf,
                      PyObject *kwnames)
{
    attrgetterobject *ag = (attrgetterobject *)self;
    if (check_one_argument("attrgetter", PyVectorcall_NARGS(nargsf),
                           kwnames) < 0) {
        return NULL;
    }
    return fetch_each(args[0], ag->paths, resolve_path);
}

static PyObject *
attrgetter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords("attrgetter", kwds)) {
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n < 1) {
        PyErr_SetString(PyExc_TypeError,
                        "attrgetter expected 1 argument, got 0");
        return NULL;
    }
    PyObject *paths = PyTuple_New(n);
    if (paths == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *name = PyTuple_GET_ITEM(args, i);
        if (!PyUnicode_Check(name)) {
            PyErr_SetString(PyExc_TypeError, "attribute name must be a string");
            Py_DECREF(paths);
            return NULL;
        }
        PyObject *dot = PyUnicode_FromString(".");
        PyObject *parts = dot ? PyUnicode_Split(name, dot, -1) : NULL;
        Py_XDECREF(dot);
        if (parts == NULL) {
            Py_DECREF(paths);
            return NULL;
        }
        PyObject *path = PyList_AsTuple(parts);
        Py_DECREF(parts);
        if (path == NULL) {
            Py_DECREF(paths);
            return NULL;
        }
        for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(path); k++) {
            PyObject *part = Py_NewRef(PyTuple_GET_ITEM(path, k));
            PyUnicode_InternInPlace(&part);
            PyTuple_SetItem(path, k, part);
        }
        PyTuple_SET_ITEM(paths, i, path);
    }
    attrgetterobject *ag = PyObject_GC_New(attrgetterobject, type);
    if (ag == NULL) {
        Py_DECREF(paths);
        return NULL;
    }
    ag->attrs = Py_NewRef(args);
    ag->paths = paths;
    ag->vectorcall = attrgetter_vectorcall;
    PyObject_GC_Track(ag);
    return (PyObject *)ag;
}

static void
attrgetter_dealloc(PyObject *self)
{
    attrgetterobject *ag = (attrgetterobject *)self;
    PyObject_GC_UnTrack(self);
    Py_CLEAR(ag->attrs);
    Py_CLEAR(ag->paths);
    PyObject_GC_Del(self);
}

static int
attrgetter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((attrgetterobject *)self)->attrs);
    Py_VISIT(((attrgetterobject *)self)->paths);
    return 0;
}

static PyObject *
attrgetter_repr(PyObject *self)
{
    return getter_repr_of(self, "attrgetter", ((attrgetterobject *)self)->attrs);
}

static PyTypeObject AttrGetter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "operator.attrgetter",
    .tp_basicsize = sizeof(attrgetterobject),
    .tp_dealloc = attrgetter_dealloc,
    .tp_vectorcall_offset = offsetof(attrgetterobject, vectorcall),
    .tp_repr = attrgetter_repr,
    .tp_call = PyVectorcall_Call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC
                | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "attrgetter(attr, /, *attrs)\n--\n\n"
              "A callable returning obj.attr for one (possibly dotted) name,\n"
              "or the tuple of such attributes for several names.",
    .tp_traverse = attrgetter_traverse,
    .tp_getset = getter_getset,
    .tp_methods = getter_methods,
    .tp_new = attrgetter_new,
};

/* ---- methodcaller ---------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *name;     /* interned str */
    PyObject *args;     /* tuple */
    PyObject *kwds;     /* dict */
    vectorcallfunc vectorcall;
} methodcallerobject;

static PyObject *
methodcaller_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf,
                        PyObject *kwnames)
{
    methodcallerobject *mc = (methodcallerobject *)self;
    if (check_one_argument("methodcaller", PyVectorcall_NARGS(nargsf),
                           kwnames) < 0) {
        return NULL;
    }
    PyObject *method = PyObject_GetAttr(args[0], mc->name);
    if (method == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_Call(method, mc->args, mc->kwds);
    Py_DECREF(method);
    return result;
}

static PyObject *
methodcaller_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (PyTuple_GET_SIZE(args) < 1) {
        PyErr_SetString(PyExc_TypeError,
                        "methodcaller needs at least one argument, the method name");
        return NULL;
    }
    PyObject *name = PyTuple_GET_ITEM(args, 0);
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "method name must be a string");
        return NULL;
    }
    PyObject *rest = PyTuple_GetSlice(args, 1, PyTuple_GET_SIZE(args));
    if (rest == NULL) {
        return NULL;
    }
    PyObject *kwcopy = kwds != NULL ? PyDict_Copy(kwds) : PyDict_New();
    if (kwcopy == NULL) {
        Py_DECREF(rest);
        return NULL;
    }
    methodcallerobject *mc = PyObject_GC_New(methodcallerobject, type);
    if (mc == NULL) {
        Py_DECREF(rest);
        Py_DECREF(kwcopy);
        return NULL;
    }
    mc->name = Py_NewRef(name);
    PyUnicode_InternInPlace(&mc->name);
    mc->args = rest;
    mc->kwds = kwcopy;
    mc->vectorcall = methodcaller_vectorcall;
    PyObject_GC_Track(mc);
    return (PyObject *)mc;
}

static void
methodcaller_dealloc(PyObject *self)
{
    methodcallerobject *mc = (methodcallerobject *)self;
    PyObject_GC_UnTrack(self);
    Py_CLEAR(mc->name);
    Py_CLEAR(mc->args);
    Py_CLEAR(mc->kwds);
    PyObject_GC_Del(self);
}

static int
methodcaller_traverse(PyObject *self, visitproc visit, void *arg)
{
    methodcallerobject *mc = (methodcallerobject *)self;
    Py_VISIT(mc->args);
    Py_VISIT(mc->kwds);
    return 0;
}

static PyObject *
methodcaller_repr(PyObject *self)
{
    methodcallerobject *mc = (methodcallerobject *)self;
    int rc = Py_ReprEnter(self);
    if (rc != 0) {
        return rc > 0 ? PyUnicode_FromString("methodcaller(...)") : NULL;
    }
    PyObject *parts = PyList_New(0), *result = NULL;
    PyObject *r = parts ? PyObject_Repr(mc->name) : NULL;
    if (r == NULL || PyList_Append(parts, r) < 0) {
        Py_XDECREF(r);
        goto done;
    }
    Py_DECREF(r);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(mc->args); i++) {
        r = PyObject_Repr(PyTuple_GET_ITEM(mc->args, i));
        if (r == NULL || PyList_Append(parts, r) < 0) {
            Py_XDECREF(r);
            goto done;
        }
        Py_DECREF(r);
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(mc->kwds, &pos, &key, &value)) {
        r = PyUnicode_FromFormat("%U=%R", key, value);
        if (r == NULL || PyList_Append(parts, r) < 0) {
            Py_XDECREF(r);
            goto done;
        }
        Py_DECREF(r);
    }
    PyObject *sep = PyUnicode_FromString(", ");
    if (sep != NULL) {
        PyObject *joined = PyUnicode_Join(sep, parts);
        Py_DECREF(sep);
        if (joined != NULL) {
            result = PyUnicode_FromFormat("operator.methodcaller(%U)", joined);
            Py_DECREF(joined);
        }
    }
done:
    Py_XDECREF(parts);
    Py_ReprLeave(self);
    return result;
}

/* Without keywords: (type, (name, *args)); with keywords, a partial of
   the type carrying them, since __reduce__ cannot pass keywords. */
static PyObject *
methodcaller_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    methodcallerobject *mc = (methodcallerobject *)self;
    if (PyDict_GET_SIZE(mc->kwds) == 0) {
        PyObject *head = PyTuple_Pack(1, mc->name);
        if (head == NULL) {
            return NULL;
        }
        PyObject *all = PySequence_Concat(head, mc->args);
        Py_DECREF(head);
        if (all == NULL) {
            return NULL;
        }
        return Py_BuildValue("ON", Py_TYPE(self), all);
    }
    PyObject *functools = PyImport_ImportModule("functools");
    if (functools == NULL) {
        return NULL;
    }
    PyObject *partial = PyObject_GetAttrString(functools, "partial");
    Py_DECREF(functools);
    if (partial == NULL) {
        return NULL;
    }
    PyObject *pargs = PyTuple_Pack(2, (PyObject *)Py_TYPE(self), mc->name);
    PyObject *bound = pargs ? PyObject_Call(partial, pargs, mc->kwds) : NULL;
    Py_XDECREF(pargs);
    Py_DECREF(partial);
    if (bound == NULL) {
        return NULL;
    }
    return Py_BuildValue("NO", bound, mc->args);
}

static PyMethodDef methodcaller_methods[] = {
    {"__reduce__", methodcaller_reduce, METH_NOARGS,
     "Return state information for pickling"},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject MethodCaller_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "operator.methodcaller",
    .tp_basicsize = sizeof(methodcallerobject),
    .tp_dealloc = methodcaller_dealloc,
    .tp_vectorcall_offset = offsetof(methodcallerobject, vectorcall),
    .tp_repr = methodcaller_repr,
    .tp_call = PyVectorcall_Call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC
                | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "methodcaller(name, /, *args, **kwargs)\n--\n\n"
              "A callable returning obj.name(*args, **kwargs).",
    .tp_traverse = methodcaller_traverse,
    .tp_getset = getter_getset,
    .tp_methods = methodcaller_methods,
    .tp_new = methodcaller_new,
};

/* ---- module ---------------------------------------------------------- */

#define FAST(name, pyname, doc) \
    {pyname, _PyCFunction_CAST(op_##name), METH_FASTCALL, doc}
#define ONE(name, pyname, doc) {pyname, op_##name, METH_O, doc}

static PyMethodDef operator_methods[] = {
    ONE(truth, "truth", "truth($module, a, /)\n--\n\nReturn True if a is true, False otherwise."),
    ONE(not_, "not_", "not_($module, a, /)\n--\n\nSame as not a."),
    ONE(neg, "neg", "neg($module, a, /)\n--\n\nSame as -a."),
    ONE(pos, "pos", "pos($module, a, /)\n--\n\nSame as +a."),
    ONE(abs, "abs", "abs($module, a, /)\n--\n\nSame as abs(a)."),
    ONE(inv, "inv", "inv($module, a, /)\n--\n\nSame as ~a."),
    ONE(inv, "invert", "invert($module, a, /)\n--\n\nSame as ~a."),
    ONE(index, "index", "index($module, a, /)\n--\n\nSame as a.__index__()"),
    ONE(is_none, "is_none", "is_none($module, a, /)\n--\n\nSame as a is None."),
    ONE(is_not_none, "is_not_none", "is_not_none($module, a, /)\n--\n\nSame as a is not None."),
    FAST(add, "add", "add($module, a, b, /)\n--\n\nSame as a + b."),
    FAST(sub, "sub", "sub($module, a, b, /)\n--\n\nSame as a - b."),
    FAST(mul, "mul", "mul($module, a, b, /)\n--\n\nSame as a * b."),
    FAST(matmul, "matmul", "matmul($module, a, b, /)\n--\n\nSame as a @ b."),
    FAST(truediv, "truediv", "truediv($module, a, b, /)\n--\n\nSame as a / b."),
    FAST(floordiv, "floordiv", "floordiv($module, a, b, /)\n--\n\nSame as a // b."),
    FAST(mod, "mod", "mod($module, a, b, /)\n--\n\nSame as a % b."),
    FAST(pow, "pow", "pow($module, a, b, /)\n--\n\nSame as a ** b."),
    FAST(lshift, "lshift", "lshift($module, a, b, /)\n--\n\nSame as a << b."),
    FAST(rshift, "rshift", "rshift($module, a, b, /)\n--\n\nSame as a >> b."),
    FAST(and_, "and_", "and_($module, a, b, /)\n--\n\nSame as a & b."),
    FAST(or_, "or_", "or_($module, a, b, /)\n--\n\nSame as a | b."),
    FAST(xor, "xor", "xor($module, a, b, /)\n--\n\nSame as a ^ b."),
    FAST(iadd, "iadd", "iadd($module, a, b, /)\n--\n\nSame as a += b."),
    FAST(isub, "isub", "isub($module, a, b, /)\n--\n\nSame as a -= b."),
    FAST(imul, "imul", "imul($module, a, b, /)\n--\n\nSame as a *= b."),
    FAST(imatmul, "imatmul", "imatmul($module, a, b, /)\n--\n\nSame as a @= b."),
    FAST(itruediv, "itruediv", "itruediv($module, a, b, /)\n--\n\nSame as a /= b."),
    FAST(ifloordiv, "ifloordiv", "ifloordiv($module, a, b, /)\n--\n\nSame as a //= b."),
    FAST(imod, "imod", "imod($module, a, b, /)\n--\n\nSame as a %= b."),
    FAST(ipow, "ipow", "ipow($module, a, b, /)\n--\n\nSame as a **= b."),
    FAST(ilshift, "ilshift", "ilshift($module, a, b, /)\n--\n\nSame as a <<= b."),
    FAST(irshift, "irshift", "irshift($module, a, b, /)\n--\n\nSame as a >>= b."),
    FAST(iand, "iand", "iand($module, a, b, /)\n--\n\nSame as a &= b."),
    FAST(ior, "ior", "ior($module, a, b, /)\n--\n\nSame as a |= b."),
    FAST(ixor, "ixor", "ixor($module, a, b, /)\n--\n\nSame as a ^= b."),
    FAST(concat, "concat", "concat($module, a, b, /)\n--\n\nSame as a + b, for a and b sequences."),
    FAST(iconcat, "iconcat", "iconcat($module, a, b, /)\n--\n\nSame as a += b, for a and b sequences."),
    FAST(lt, "lt", "lt($module, a, b, /)\n--\n\nSame as a < b."),
    FAST(le, "le", "le($module, a, b, /)\n--\n\nSame as a <= b."),
    FAST(eq, "eq", "eq($module, a, b, /)\n--\n\nSame as a == b."),
    FAST(ne, "ne", "ne($module, a, b, /)\n--\n\nSame as a != b."),
    FAST(gt, "gt", "gt($module, a, b, /)\n--\n\nSame as a > b."),
    FAST(ge, "ge", "ge($module, a, b, /)\n--\n\nSame as a >= b."),
    FAST(is_, "is_", "is_($module, a, b, /)\n--\n\nSame as a is b."),
    FAST(is_not, "is_not", "is_not($module, a, b, /)\n--\n\nSame as a is not b."),
    FAST(contains, "contains", "contains($module, a, b, /)\n--\n\nSame as b in a (note reversed operands)."),
    FAST(countOf, "countOf", "countOf($module, a, b, /)\n--\n\nReturn the number of items in a which are, or which equal, b."),
    FAST(indexOf, "indexOf", "indexOf($module, a, b, /)\n--\n\nReturn the first index of b in a."),
    FAST(getitem, "getitem", "getitem($module, a, b, /)\n--\n\nSame as a[b]."),
    FAST(setitem, "setitem", "setitem($module, a, b, c, /)\n--\n\nSame as a[b] = c."),
    FAST(delitem, "delitem", "delitem($module, a, b, /)\n--\n\nSame as del a[b]."),
    {"call", _PyCFunction_CAST(op_call), METH_FASTCALL | METH_KEYWORDS,
     "call($module, obj, /, *args, **kwargs)\n--\n\nSame as obj(*args, **kwargs)."},
    {"_compare_digest", _PyCFunction_CAST(op_compare_digest), METH_FASTCALL,
     "_compare_digest($module, a, b, /)\n--\n\n"
     "Return 'a == b'.\n\nThis function uses an approach designed to prevent\n"
     "timing analysis, making it appropriate for cryptography."},
    {NULL, NULL, 0, NULL},
};

static int
operator_exec(PyObject *module)
{
    struct { const char *name; PyTypeObject *type; } types[] = {
        {"itemgetter", &ItemGetter_Type},
        {"attrgetter", &AttrGetter_Type},
        {"methodcaller", &MethodCaller_Type},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(types); i++) {
        if (PyType_Ready(types[i].type) < 0 ||
            PyModule_AddObjectRef(module, types[i].name,
                                  (PyObject *)types[i].type) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyModuleDef_Slot operator_slots[] = {
    {Py_mod_exec, operator_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef operator_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_operator",
    .m_doc = operator_doc,
    .m_size = 0,
    .m_methods = operator_methods,
    .m_slots = operator_slots,
};

PyMODINIT_FUNC
PyInit__operator(void)
{
    return PyModuleDef_Init(&operator_module);
}
