/* bool: the int subclass whose only instances are False and True.

   Both are static, immortal int objects with values 0 and 1, so every
   function here returns them without touching a reference count, and
   nothing needs a lock in the free-threaded build. */

#include "Python.h"
#include "pycore_long.h"

PyLongObject _Py_FalseStruct = {
    PyObject_HEAD_INIT(&PyBool_Type)
    { _PyLong_TAG(_PyLong_SIGN_ZERO, 0), { 0 } }
};

PyLongObject _Py_TrueStruct = {
    PyObject_HEAD_INIT(&PyBool_Type)
    { _PyLong_TAG(_PyLong_SIGN_POSITIVE, 1), { 1 } }
};

#undef Py_IsTrue
int
Py_IsTrue(PyObject *x)
{
    return x == Py_True;
}

#undef Py_IsFalse
int
Py_IsFalse(PyObject *x)
{
    return x == Py_False;
}

PyObject *
PyBool_FromLong(long ok)
{
    return ok ? Py_True : Py_False;
}

static PyObject *
bool_repr(PyObject *self)
{
    return PyUnicode_FromString(self == Py_True ? "True" : "False");
}

/* bool(x=False, /): the truth value of x. */
static PyObject *
bool_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *x = Py_False;
    if (!_PyArg_NoKeywords("bool", kwds)) {
        return NULL;
    }
    if (!PyArg_UnpackTuple(args, "bool", 0, 1, &x)) {
        return NULL;
    }
    int truth = PyObject_IsTrue(x);
    if (truth < 0) {
        return NULL;
    }
    return PyBool_FromLong(truth);
}

/* &, | and ^ of two bools is a bool; anything else is int arithmetic. */
static PyObject *
bool_and(PyObject *a, PyObject *b)
{
    if (!PyBool_Check(a) || !PyBool_Check(b)) {
        return PyLong_Type.tp_as_number->nb_and(a, b);
    }
    return PyBool_FromLong(a == Py_True && b == Py_True);
}

static PyObject *
bool_or(PyObject *a, PyObject *b)
{
    if (!PyBool_Check(a) || !PyBool_Check(b)) {
        return PyLong_Type.tp_as_number->nb_or(a, b);
    }
    return PyBool_FromLong(a == Py_True || b == Py_True);
}

static PyObject *
bool_xor(PyObject *a, PyObject *b)
{
    if (!PyBool_Check(a) || !PyBool_Check(b)) {
        return PyLong_Type.tp_as_number->nb_xor(a, b);
    }
    return PyBool_FromLong(a != b);
}

static PyObject *
bool_invert(PyObject *self)
{
    if (PyErr_WarnEx(PyExc_DeprecationWarning,
                     "Bitwise inversion '~' on bool is deprecated. This "
                     "returns the bitwise inversion of the underlying int "
                     "object and is usually not what you expect from negating "
                     "a bool. Use the 'not' operator for boolean negation or "
                     "~int(x) if you really want the bitwise inversion of the "
                     "underlying int.", 1) < 0) {
        return NULL;
    }
    return PyLong_Type.tp_as_number->nb_invert(self);
}

/* Only the slots that differ from int's; PyType_Ready inherits the rest. */
static PyNumberMethods bool_as_number = {
    .nb_bool = NULL,
    .nb_invert = bool_invert,
    .nb_and = bool_and,
    .nb_xor = bool_xor,
    .nb_or = bool_or,
};

static const char bool_doc[] =
"Returns True when the argument is true, False otherwise.\n"
"The builtins True and False are the only two instances of the class bool.\n"
"The class bool is a subclass of the class int, and cannot be subclassed.";

PyTypeObject PyBool_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bool",
    .tp_basicsize = offsetof(PyLongObject, long_value.ob_digit),
    .tp_itemsize = sizeof(digit),
    .tp_repr = bool_repr,
    .tp_as_number = &bool_as_number,
    .tp_str = bool_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_LONG_SUBCLASS
                | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = bool_doc,
    .tp_base = &PyLong_Type,
    .tp_new = bool_new,
};
