/* The abstract object protocols: generic item access and sizes, numbers,
   sequences, mappings, class checks and iteration.

   Each function reaches the object only through its type's slots
   (tp_as_number, tp_as_sequence, tp_as_mapping, ...), so these work for any
   type that fills them.  None of them touches shared mutable state itself:
   thread safety is the slot implementations' business, and every reference
   a function holds across a call into a slot is its own. */
#include "Python.h"
#include "pycore_abstract.h"
#include "pycore_call.h"
#include "pycore_list.h"
#include "pycore_long.h"
#include "pycore_object.h"
#include "pycore_pystate.h"
#include "pycore_typeobject.h"
#include "pycore_unionobject.h"

#include <stddef.h>

/* ---- Shared helpers ----------------------------------------------------- */

/* Raise TypeError(fmt % type(obj).__name__); fmt has one %.200s. */
static PyObject *
type_error(const char *fmt, PyObject *obj)
{
    PyErr_Format(PyExc_TypeError, fmt, Py_TYPE(obj)->tp_name);
    return NULL;
}

static PyObject *
null_error(void)
{
    if (!PyErr_Occurred()) {
        PyErr_SetString(PyExc_SystemError,
                        "null argument to internal routine");
    }
    return NULL;
}

/* ---- Generic operations ------------------------------------------------- */

PyObject *
PyObject_Type(PyObject *o)
{
    if (o == NULL) {
        return null_error();
    }
    return Py_NewRef((PyObject *)Py_TYPE(o));
}

Py_ssize_t
PyObject_Size(PyObject *o)
{
    if (o == NULL) {
        null_error();
        return -1;
    }
    PySequenceMethods *sq = Py_TYPE(o)->tp_as_sequence;
    if (sq != NULL && sq->sq_length != NULL) {
        return sq->sq_length(o);
    }
    return PyMapping_Size(o);
}

#undef PyObject_Length
Py_ssize_t
PyObject_Length(PyObject *o)
{
    return PyObject_Size(o);
}
#define PyObject_Length PyObject_Size

int
_PyObject_HasLen(PyObject *o)
{
    PySequenceMethods *sq = Py_TYPE(o)->tp_as_sequence;
    PyMappingMethods *mp = Py_TYPE(o)->tp_as_mapping;
    return (sq != NULL && sq->sq_length != NULL)
           || (mp != NULL && mp->mp_length != NULL);
}

Py_ssize_t
PyObject_LengthHint(PyObject *o, Py_ssize_t defaultvalue)
{
    if (_PyObject_HasLen(o)) {
        Py_ssize_t res = PyObject_Size(o);
        if (res >= 0) {
            return res;
        }
        if (!PyErr_ExceptionMatches(PyExc_TypeError)) {
            return -1;
        }
        PyErr_Clear();
    }
    PyObject *hint = _PyObject_LookupSpecial(o,
                                             _Py_INTERNED_ID(__length_hint__));
    if (hint == NULL) {
        return PyErr_Occurred() ? -1 : defaultvalue;
    }
    PyObject *result = PyObject_CallNoArgs(hint);
    Py_DECREF(hint);
    if (result == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            return defaultvalue;
        }
        return -1;
    }
    if (result == Py_NotImplemented) {
        Py_DECREF(result);
        return defaultvalue;
    }
    if (!PyLong_Check(result)) {
        PyErr_Format(PyExc_TypeError,
                     "__length_hint__ must be an integer, not %.100s",
                     Py_TYPE(result)->tp_name);
        Py_DECREF(result);
        return -1;
    }
    Py_ssize_t res = PyLong_AsSsize_t(result);
    Py_DECREF(result);
    if (res < 0 && PyErr_Occurred()) {
        return -1;
    }
    if (res < 0) {
        PyErr_SetString(PyExc_ValueError,
                        "__length_hint__() should return >= 0");
        return -1;
    }
    return res;
}

/* cls[key] for a class: cls.__class_getitem__(key) (PEP 560). */
static PyObject *
class_getitem(PyObject *cls, PyObject *key)
{
    /* type[int]: type cannot define __class_getitem__ for itself without
       also giving it to every class. */
    if (cls == (PyObject *)&PyType_Type) {
        return Py_GenericAlias(cls, key);
    }
    PyObject *meth;
    if (PyObject_GetOptionalAttr(cls, _Py_INTERNED_ID(__class_getitem__),
                                 &meth) < 0) {
        return NULL;
    }
    if (meth == NULL) {
        PyErr_Format(PyExc_TypeError, "type '%.200s' is not subscriptable",
                     ((PyTypeObject *)cls)->tp_name);
        return NULL;
    }
    PyObject *result = PyObject_CallOneArg(meth, key);
    Py_DECREF(meth);
    return result;
}

PyObject *
PyObject_GetItem(PyObject *o, PyObject *key)
{
    if (o == NULL || key == NULL) {
        return null_error();
    }
    PyMappingMethods *mp = Py_TYPE(o)->tp_as_mapping;
    if (mp != NULL && mp->mp_subscript != NULL) {
        return mp->mp_subscript(o, key);
    }
    PySequenceMethods *sq = Py_TYPE(o)->tp_as_sequence;
    if (sq != NULL && sq->sq_item != NULL) {
        if (!_PyIndex_Check(key)) {
            return type_error("sequence index must be integer, not '%.200s'",
                              key);
        }
        Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) {
            return NULL;
        }
        return PySequence_GetItem(o, i);
    }
    if (PyType_Check(o)) {
        return class_getitem(o, key);
    }
    return type_error("'%.200s' object is not subscriptable", o);
}

int
PyObject_SetItem(PyObject *o, PyObject *key, PyObject *value)
{
    if (o == NULL || key == NULL || value == NULL) {
        null_error();
        return -1;
    }
    PyMappingMethods *mp = Py_TYPE(o)->tp_as_mapping;
    if (mp != NULL && mp->mp_ass_subscript != NULL) {
        return mp->mp_ass_subscript(o, key, value);
    }
    PySequenceMethods *sq = Py_TYPE(o)->tp_as_sequence;
    if (sq != NULL && sq->sq_ass_item != NULL) {
        if (!_PyIndex_Check(key)) {
            type_error("sequence index must be integer, not '%.200s'", key);
            return -1;
        }
        Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) {
            return -1;
        }
        return PySequence_SetItem(o, i, value);
    }
    type_error("'%.200s' object does not support item assignment", o);
    return -1;
}

int
PyObject_DelItem(PyObject *o, PyObject *key)
{
    if (o == NULL || key == NULL) {
        null_error();
        return -1;
    }
    PyMappingMethods *mp = Py_TYPE(o)->tp_as_mapping;
    if (mp != NULL && mp->mp_ass_subscript != NULL) {
        return mp->mp_ass_subscript(o, key, NULL);
    }
    PySequenceMethods *sq = Py_TYPE(o)->tp_as_sequence;
    if (sq != NULL && sq->sq_ass_item != NULL) {
        if (!_PyIndex_Check(key)) {
            type_error("sequence index must be integer, not '%.200s'", key);
            return -1;
        }
        Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) {
            return -1;
        }
        return PySequence_DelItem(o, i);
    }
    type_error("'%.200s' object doesn't support item deletion", o);
    return -1;
}

int
PyObject_DelItemString(PyObject *o, const char *key)
{
    if (o == NULL || key == NULL) {
        null_error();
        return -1;
    }
    PyObject *okey = PyUnicode_FromString(key);
    if (okey == NULL) {
        return -1;
    }
    int ret = PyObject_DelItem(o, okey);
    Py_DECREF(okey);
    return ret;
}

PyObject *
PyObject_Format(PyObject *obj, PyObject *format_spec)
{
    if (format_spec != NULL && !PyUnicode_Check(format_spec)) {
        PyErr_Format(PyExc_SystemError,
                     "Format specifier must be a string, not %.200s",
                     Py_TYPE(format_spec)->tp_name);
        return NULL;
    }
    /* format(str_or_int) with no spec is by far the commonest call. */
    if (format_spec == NULL || PyUnicode_GET_LENGTH(format_spec) == 0) {
        if (PyUnicode_CheckExact(obj)) {
            return Py_NewRef(obj);
        }
        if (PyLong_CheckExact(obj)) {
            return PyObject_Str(obj);
        }
    }
    PyObject *empty = NULL;
    if (format_spec == NULL) {
        empty = PyUnicode_FromStringAndSize("", 0);
        if (empty == NULL) {
            return NULL;
        }
        format_spec = empty;
    }
    PyObject *result = NULL;
    PyObject *meth = _PyObject_LookupSpecial(obj,
                                             _Py_INTERNED_ID(__format__));
    if (meth == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError,
                         "Type %.100s doesn't define __format__",
                         Py_TYPE(obj)->tp_name);
        }
        goto done;
    }
    result = PyObject_CallOneArg(meth, format_spec);
    Py_DECREF(meth);
    if (result != NULL && !PyUnicode_Check(result)) {
        PyErr_Format(PyExc_TypeError,
                     "__format__ must return a str, not %.200s",
                     Py_TYPE(result)->tp_name);
        Py_CLEAR(result);
    }
done:
    Py_XDECREF(empty);
    return result;
}

/* ---- Numbers: binary operator dispatch ---------------------------------- */

#define NB_SLOT(name) offsetof(PyNumberMethods, name)
#define NB_BINOP(methods, slot) \
    (*(binaryfunc *)((char *)(methods) + (slot)))
#define NB_TERNOP(methods, slot) \
    (*(ternaryfunc *)((char *)(methods) + (slot)))

/* The binary slot of v's type at slot_offset, or NULL.  Read atomically:
   assigning a dunder to a class rewrites its slot (Objects/typeslots.c,
   a release store) while other threads may be dispatching through it. */
static binaryfunc
binary_slot(PyObject *v, size_t slot_offset)
{
    PyNumberMethods *nb = Py_TYPE(v)->tp_as_number;
    return nb != NULL
        ? __atomic_load_n(&NB_BINOP(nb, slot_offset), __ATOMIC_RELAXED)
        : NULL;
}

/* v OP w by the number slots, in the order the language defines:
   w's slot first when w's type is a proper subclass of v's that overrides
   the slot (so a subclass can take over a reflected operation), then v's,
   then w's.  A slot answering NotImplemented passes the turn.  Returns a
   new reference, NotImplemented when nobody handled it, or NULL. */
static PyObject *
binary_op1(PyObject *v, PyObject *w, size_t op_slot)
{
    binaryfunc slotv = binary_slot(v, op_slot);
    binaryfunc slotw = NULL;
    if (!Py_IS_TYPE(w, Py_TYPE(v))) {
        slotw = binary_slot(w, op_slot);
        if (slotw == slotv) {
            slotw = NULL;
        }
    }
    PyObject *x;
    if (slotv != NULL) {
        if (slotw != NULL && PyType_IsSubtype(Py_TYPE(w), Py_TYPE(v))) {
            x = slotw(v, w);
            if (x != Py_NotImplemented) {
                return x;
            }
            Py_DECREF(x);
            slotw = NULL;
        }
        x = slotv(v, w);
        if (x != Py_NotImplemented) {
            return x;
        }
        Py_DECREF(x);
    }
    if (slotw != NULL) {
        x = slotw(v, w);
        if (x != Py_NotImplemented) {
            return x;
        }
        Py_DECREF(x);
    }
    Py_RETURN_NOTIMPLEMENTED;
}

/* `print >> file` (Python 2's redirection): CPython adds a hint. */
static int
is_py2_print_redirection(PyObject *v, size_t op_slot)
{
    return op_slot == NB_SLOT(nb_rshift) && PyCFunction_CheckExact(v) &&
           strcmp(((PyCFunctionObject *)v)->m_ml->ml_name, "print") == 0;
}

static PyObject *
binop_type_error(PyObject *v, PyObject *w, const char *op_name)
{
    PyErr_Format(PyExc_TypeError,
                 "unsupported operand type(s) for %.100s: "
                 "'%.100s' and '%.100s'",
                 op_name, Py_TYPE(v)->tp_name, Py_TYPE(w)->tp_name);
    return NULL;
}

static PyObject *
binary_op(PyObject *v, PyObject *w, size_t op_slot, const char *op_name)
{
    if (v == NULL || w == NULL) {
        return null_error();
    }
    PyObject *result = binary_op1(v, w, op_slot);
    if (result == Py_NotImplemented) {
        Py_DECREF(result);
        if (is_py2_print_redirection(v, op_slot)) {
            PyErr_Format(PyExc_TypeError,
                         "unsupported operand type(s) for %.100s: "
                         "'%.100s' and '%.100s'. Did you mean \"print(<message>, "
                         "file=<output_stream>)\"?",
                         op_name, Py_TYPE(v)->tp_name, Py_TYPE(w)->tp_name);
            return NULL;
        }
        return binop_type_error(v, w, op_name);
    }
    return result;
}

/* v OP= w: v's in-place slot first, then the ordinary binary dispatch. */
static PyObject *
binary_iop1(PyObject *v, PyObject *w, size_t iop_slot, size_t op_slot)
{
    binaryfunc slot = binary_slot(v, iop_slot);
    if (slot != NULL) {
        PyObject *x = slot(v, w);
        if (x != Py_NotImplemented) {
            return x;
        }
        Py_DECREF(x);
    }
    return binary_op1(v, w, op_slot);
}

static PyObject *
binary_iop(PyObject *v, PyObject *w, size_t iop_slot, size_t op_slot,
           const char *op_name)
{
    if (v == NULL || w == NULL) {
        return null_error();
    }
    PyObject *result = binary_iop1(v, w, iop_slot, op_slot);
    if (result == Py_NotImplemented) {
        Py_DECREF(result);
        return binop_type_error(v, w, op_name);
    }
    return result;
}

static ternaryfunc
ternary_slot(PyObject *v, size_t slot_offset)
{
    PyNumberMethods *nb = Py_TYPE(v)->tp_as_number;
    return nb != NULL ? NB_TERNOP(nb, slot_offset) : NULL;
}

/* pow(v, w, z): like binary_op1 for v and w, then z's slot as a last
   resort when it differs from both. */
static PyObject *
ternary_op(PyObject *v, PyObject *w, PyObject *z, size_t op_slot,
           const char *op_name)
{
    if (v == NULL || w == NULL || z == NULL) {
        return null_error();
    }
    ternaryfunc slotv = ternary_slot(v, op_slot);
    ternaryfunc slotw = NULL;
    if (!Py_IS_TYPE(w, Py_TYPE(v))) {
        slotw = ternary_slot(w, op_slot);
        if (slotw == slotv) {
            slotw = NULL;
        }
    }
    PyObject *x;
    if (slotv != NULL) {
        if (slotw != NULL && PyType_IsSubtype(Py_TYPE(w), Py_TYPE(v))) {
            x = slotw(v, w, z);
            if (x != Py_NotImplemented) {
                return x;
            }
            Py_DECREF(x);
            slotw = NULL;
        }
        x = slotv(v, w, z);
        if (x != Py_NotImplemented) {
            return x;
        }
        Py_DECREF(x);
    }
    if (slotw != NULL) {
        x = slotw(v, w, z);
        if (x != Py_NotImplemented) {
            return x;
        }
        Py_DECREF(x);
    }
    ternaryfunc slotz = ternary_slot(z, op_slot);
    if (slotz != NULL && slotz != slotv && slotz != slotw) {
        x = slotz(v, w, z);
        if (x != Py_NotImplemented) {
            return x;
        }
        Py_DECREF(x);
    }
    if (z == Py_None) {
        PyErr_Format(PyExc_TypeError,
                     "unsupported operand type(s) for %.100s: "
                     "'%.100s' and '%.100s'",
                     op_name, Py_TYPE(v)->tp_name, Py_TYPE(w)->tp_name);
    }
    else {
        PyErr_Format(PyExc_TypeError,
                     "unsupported operand type(s) for %.100s: "
                     "'%.100s', '%.100s', '%.100s'",
                     op_name, Py_TYPE(v)->tp_name, Py_TYPE(w)->tp_name,
                     Py_TYPE(z)->tp_name);
    }
    return NULL;
}

#define BINARY_FUNC(func, slot, op_name)                \
    PyObject *                                          \
    func(PyObject *v, PyObject *w)                      \
    {                                                   \
        return binary_op(v, w, NB_SLOT(slot), op_name); \
    }

BINARY_FUNC(PyNumber_Or, nb_or, "|")
BINARY_FUNC(PyNumber_Xor, nb_xor, "^")
BINARY_FUNC(PyNumber_And, nb_and, "&")
BINARY_FUNC(PyNumber_Lshift, nb_lshift, "<<")
BINARY_FUNC(PyNumber_Rshift, nb_rshift, ">>")
BINARY_FUNC(PyNumber_Subtract, nb_subtract, "-")
BINARY_FUNC(PyNumber_Divmod, nb_divmod, "divmod()")
BINARY_FUNC(PyNumber_MatrixMultiply, nb_matrix_multiply, "@")
BINARY_FUNC(PyNumber_FloorDivide, nb_floor_divide, "//")
BINARY_FUNC(PyNumber_TrueDivide, nb_true_divide, "/")
BINARY_FUNC(PyNumber_Remainder, nb_remainder, "%")

PyObject *
PyNumber_Add(PyObject *v, PyObject *w)
{
    if (v == NULL || w == NULL) {
        return null_error();
    }
    PyObject *result = binary_op1(v, w, NB_SLOT(nb_add));
    if (result != Py_NotImplemented) {
        return result;
    }
    Py_DECREF(result);
    /* No number slot took it: sequence concatenation. */
    PySequenceMethods *sq = Py_TYPE(v)->tp_as_sequence;
    if (sq != NULL && sq->sq_concat != NULL) {
        return sq->sq_concat(v, w);
    }
    return binop_type_error(v, w, "+");
}

/* seq * n through a repeat slot; n must be an index. */
static PyObject *
sequence_repeat(ssizeargfunc repeatfunc, PyObject *seq, PyObject *n)
{
    if (!_PyIndex_Check(n)) {
        return type_error("can't multiply sequence by non-int of type '%.200s'",
                          n);
    }
    Py_ssize_t count = PyNumber_AsSsize_t(n, PyExc_OverflowError);
    if (count == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return repeatfunc(seq, count);
}

PyObject *
PyNumber_Multiply(PyObject *v, PyObject *w)
{
    if (v == NULL || w == NULL) {
        return null_error();
    }
    PyObject *result = binary_op1(v, w, NB_SLOT(nb_multiply));
    if (result != Py_NotImplemented) {
        return result;
    }
    Py_DECREF(result);
    PySequenceMethods *mv = Py_TYPE(v)->tp_as_sequence;
    PySequenceMethods *mw = Py_TYPE(w)->tp_as_sequence;
    if (mv != NULL && mv->sq_repeat != NULL) {
        return sequence_repeat(mv->sq_repeat, v, w);
    }
    if (mw != NULL && mw->sq_repeat != NULL) {
        return sequence_repeat(mw->sq_repeat, w, v);
    }
    return binop_type_error(v, w, "*");
}

PyObject *
PyNumber_Power(PyObject *v, PyObject *w, PyObject *z)
{
    return ternary_op(v, w, z, NB_SLOT(nb_power), "** or pow()");
}

PyObject *
_PyNumber_PowerNoMod(PyObject *lhs, PyObject *rhs)
{
    return PyNumber_Power(lhs, rhs, Py_None);
}

#define INPLACE_FUNC(func, iop, op, op_name)                            \
    PyObject *                                                          \
    func(PyObject *v, PyObject *w)                                      \
    {                                                                   \
        return binary_iop(v, w, NB_SLOT(iop), NB_SLOT(op), op_name);    \
    }

INPLACE_FUNC(PyNumber_InPlaceOr, nb_inplace_or, nb_or, "|=")
INPLACE_FUNC(PyNumber_InPlaceXor, nb_inplace_xor, nb_xor, "^=")
INPLACE_FUNC(PyNumber_InPlaceAnd, nb_inplace_and, nb_and, "&=")
INPLACE_FUNC(PyNumber_InPlaceLshift, nb_inplace_lshift, nb_lshift, "<<=")
INPLACE_FUNC(PyNumber_InPlaceRshift, nb_inplace_rshift, nb_rshift, ">>=")
INPLACE_FUNC(PyNumber_InPlaceSubtract, nb_inplace_subtract, nb_subtract, "-=")
INPLACE_FUNC(PyNumber_InPlaceMatrixMultiply, nb_inplace_matrix_multiply,
             nb_matrix_multiply, "@=")
INPLACE_FUNC(PyNumber_InPlaceFloorDivide, nb_inplace_floor_divide,
             nb_floor_divide, "//=")
INPLACE_FUNC(PyNumber_InPlaceTrueDivide, nb_inplace_true_divide,
             nb_true_divide, "/=")
INPLACE_FUNC(PyNumber_InPlaceRemainder, nb_inplace_remainder, nb_remainder,
             "%=")

PyObject *
PyNumber_InPlaceAdd(PyObject *v, PyObject *w)
{
    if (v == NULL || w == NULL) {
        return null_error();
    }
    PyObject *result = binary_iop1(v, w, NB_SLOT(nb_inplace_add),
                                   NB_SLOT(nb_add));
    if (result != Py_NotImplemented) {
        return result;
    }
    Py_DECREF(result);
    PySequenceMethods *sq = Py_TYPE(v)->tp_as_sequence;
    if (sq != NULL) {
        binaryfunc concat = sq->sq_inplace_concat;
        if (concat == NULL) {
            concat = sq->sq_concat;
        }
        if (concat != NULL) {
            return concat(v, w);
        }
    }
    return binop_type_error(v, w, "+=");
}

PyObject *
PyNumber_InPlaceMultiply(PyObject *v, PyObject *w)
{
    if (v == NULL || w == NULL) {
        return null_error();
    }
    PyObject *result = binary_iop1(v, w, NB_SLOT(nb_inplace_multiply),
                                   NB_SLOT(nb_multiply));
    if (result != Py_NotImplemented) {
        return result;
    }
    Py_DECREF(result);
    PySequenceMethods *mv = Py_TYPE(v)->tp_as_sequence;
    PySequenceMethods *mw = Py_TYPE(w)->tp_as_sequence;
    if (mv != NULL) {
        ssizeargfunc repeat = mv->sq_inplace_repeat;
        if (repeat == NULL) {
            repeat = mv->sq_repeat;
        }
        if (repeat != NULL) {
            return sequence_repeat(repeat, v, w);
        }
    }
    else if (mw != NULL && mw->sq_repeat != NULL) {
        /* The right operand must not be mutated: plain repeat only. */
        return sequence_repeat(mw->sq_repeat, w, v);
    }
    return binop_type_error(v, w, "*=");
}

/* v **= w (mod z): v's in-place slot, then pow(v, w, z). */
PyObject *
PyNumber_InPlacePower(PyObject *v, PyObject *w, PyObject *z)
{
    if (v == NULL || w == NULL || z == NULL) {
        return null_error();
    }
    ternaryfunc slot = ternary_slot(v, NB_SLOT(nb_inplace_power));
    if (slot != NULL) {
        PyObject *x = slot(v, w, z);
        if (x != Py_NotImplemented) {
            return x;
        }
        Py_DECREF(x);
    }
    return ternary_op(v, w, z, NB_SLOT(nb_power), "**=");
}

PyObject *
_PyNumber_InPlacePowerNoMod(PyObject *lhs, PyObject *rhs)
{
    return PyNumber_InPlacePower(lhs, rhs, Py_None);
}

/* ---- Numbers: unary operations and conversions ------------------------- */

#define UNARY_FUNC(func, slot, message)                         \
    PyObject *                                                  \
    func(PyObject *o)                                           \
    {                                                           \
        if (o == NULL) {                                        \
            return null_error();                                \
        }                                                       \
        PyNumberMethods *nb = Py_TYPE(o)->tp_as_number;         \
        if (nb != NULL && nb->slot != NULL) {                   \
            return nb->slot(o);                                 \
        }                                                       \
        return type_error(message, o);                          \
    }

UNARY_FUNC(PyNumber_Negative, nb_negative,
           "bad operand type for unary -: '%.200s'")
UNARY_FUNC(PyNumber_Positive, nb_positive,
           "bad operand type for unary +: '%.200s'")
UNARY_FUNC(PyNumber_Invert, nb_invert,
           "bad operand type for unary ~: '%.200s'")
UNARY_FUNC(PyNumber_Absolute, nb_absolute,
           "bad operand type for abs(): '%.200s'")

int
PyNumber_Check(PyObject *o)
{
    if (o == NULL) {
        return 0;
    }
    PyNumberMethods *nb = Py_TYPE(o)->tp_as_number;
    return (nb != NULL
            && (nb->nb_index != NULL || nb->nb_int != NULL
                || nb->nb_float != NULL))
           || PyComplex_Check(o);
}

int
PyIndex_Check(PyObject *obj)
{
    return _PyIndex_Check(obj);
}

/* An exact int equal to the int subclass instance v. */
static PyObject *
exact_int_copy(PyObject *v)
{
    return _PyLong_Copy((PyLongObject *)v);
}

PyObject *
_PyNumber_Index(PyObject *item)
{
    if (item == NULL) {
        return null_error();
    }
    if (PyLong_Check(item)) {
        return Py_NewRef(item);
    }
    if (!_PyIndex_Check(item)) {
        return type_error("'%.200s' object cannot be interpreted "
                          "as an integer", item);
    }
    PyObject *result = Py_TYPE(item)->tp_as_number->nb_index(item);
    if (result == NULL || PyLong_CheckExact(result)) {
        return result;
    }
    if (!PyLong_Check(result)) {
        PyErr_Format(PyExc_TypeError,
                     "__index__ returned non-int (type %.200s)",
                     Py_TYPE(result)->tp_name);
        Py_DECREF(result);
        return NULL;
    }
    if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
            "__index__ returned non-int (type %.200s).  "
            "The ability to return an instance of a strict subclass of int "
            "is deprecated, and may be removed in a future version of Python.",
            Py_TYPE(result)->tp_name) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

PyObject *
PyNumber_Index(PyObject *item)
{
    PyObject *result = _PyNumber_Index(item);
    if (result != NULL && !PyLong_CheckExact(result)) {
        Py_SETREF(result, exact_int_copy(result));
    }
    return result;
}

Py_ssize_t
PyNumber_AsSsize_t(PyObject *item, PyObject *err)
{
    PyObject *value = _PyNumber_Index(item);
    if (value == NULL) {
        return -1;
    }
    Py_ssize_t result = PyLong_AsSsize_t(value);
    if (result != -1 || !PyErr_Occurred()) {
        Py_DECREF(value);
        return result;
    }
    if (!PyErr_ExceptionMatches(PyExc_OverflowError)) {
        Py_DECREF(value);
        return -1;
    }
    PyErr_Clear();
    int negative = _PyLong_IsNegative((PyLongObject *)value);
    Py_DECREF(value);
    if (err == NULL) {
        /* No exception asked for: clamp, as slice indices do. */
        return negative ? PY_SSIZE_T_MIN : PY_SSIZE_T_MAX;
    }
    PyErr_Format(err, "cannot fit '%.200s' into an index-sized integer",
                 Py_TYPE(item)->tp_name);
    return -1;
}

PyObject *
PyNumber_Long(PyObject *o)
{
    if (o == NULL) {
        return null_error();
    }
    if (PyLong_CheckExact(o)) {
        return Py_NewRef(o);
    }
    PyNumberMethods *nb = Py_TYPE(o)->tp_as_number;
    if (nb != NULL && nb->nb_int != NULL) {
        PyObject *result = nb->nb_int(o);
        if (result == NULL || PyLong_CheckExact(result)) {
            return result;
        }
        if (!PyLong_Check(result)) {
            PyErr_Format(PyExc_TypeError,
                         "__int__ returned non-int (type %.200s)",
                         Py_TYPE(result)->tp_name);
            Py_DECREF(result);
            return NULL;
        }
        if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                "__int__ returned non-int (type %.200s).  "
                "The ability to return an instance of a strict subclass of "
                "int is deprecated, and may be removed in a future version "
                "of Python.", Py_TYPE(result)->tp_name) < 0) {
            Py_DECREF(result);
            return NULL;
        }
        Py_SETREF(result, exact_int_copy(result));
        return result;
    }
    if (nb != NULL && nb->nb_index != NULL) {
        return PyNumber_Index(o);
    }
    if (PyUnicode_Check(o)) {
        return PyLong_FromUnicodeObject(o, 10);
    }
    if (PyBytes_Check(o)) {
        return _PyLong_FromBytes(PyBytes_AS_STRING(o), PyBytes_GET_SIZE(o),
                                 10);
    }
    if (PyByteArray_Check(o)) {
        return _PyLong_FromBytes(PyByteArray_AS_STRING(o),
                                 PyByteArray_GET_SIZE(o), 10);
    }
    if (PyObject_CheckBuffer(o)) {
        Py_buffer view;
        if (PyObject_GetBuffer(o, &view, PyBUF_SIMPLE) < 0) {
            return NULL;
        }
        PyObject *result = _PyLong_FromBytes(view.buf, view.len, 10);
        PyBuffer_Release(&view);
        return result;
    }
    return type_error("int() argument must be a string, a bytes-like object "
                      "or a real number, not '%.200s'", o);
}

PyObject *
PyNumber_Float(PyObject *o)
{
    if (o == NULL) {
        return null_error();
    }
    if (PyFloat_CheckExact(o)) {
        return Py_NewRef(o);
    }
    PyNumberMethods *nb = Py_TYPE(o)->tp_as_number;
    if (nb != NULL && nb->nb_float != NULL) {
        PyObject *res = nb->nb_float(o);
        if (res == NULL || PyFloat_CheckExact(res)) {
            return res;
        }
        if (!PyFloat_Check(res)) {
            PyErr_Format(PyExc_TypeError,
                         "%.50s.__float__ returned non-float (type %.50s)",
                         Py_TYPE(o)->tp_name, Py_TYPE(res)->tp_name);
            Py_DECREF(res);
            return NULL;
        }
        if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                "%.50s.__float__ returned non-float (type %.50s).  "
                "The ability to return an instance of a strict subclass of "
                "float is deprecated, and may be removed in a future version "
                "of Python.",
                Py_TYPE(o)->tp_name, Py_TYPE(res)->tp_name) < 0) {
            Py_DECREF(res);
            return NULL;
        }
        double val = PyFloat_AS_DOUBLE(res);
        Py_DECREF(res);
        return PyFloat_FromDouble(val);
    }
    if (nb != NULL && nb->nb_index != NULL) {
        PyObject *index = _PyNumber_Index(o);
        if (index == NULL) {
            return NULL;
        }
        double val = PyLong_AsDouble(index);
        Py_DECREF(index);
        if (val == -1.0 && PyErr_Occurred()) {
            return NULL;
        }
        return PyFloat_FromDouble(val);
    }
    /* A float subclass that dropped __float__ still holds a float. */
    if (PyFloat_Check(o)) {
        return PyFloat_FromDouble(PyFloat_AS_DOUBLE(o));
    }
    return PyFloat_FromString(o);
}

PyObject *
PyNumber_ToBase(PyObject *n, int base)
{
    if (base != 2 && base != 8 && base != 10 && base != 16) {
        PyErr_SetString(PyExc_SystemError,
                        "PyNumber_ToBase: base must be 2, 8, 10 or 16");
        return NULL;
    }
    PyObject *index = PyNumber_Index(n);
    if (index == NULL) {
        return NULL;
    }
    PyObject *result = _PyLong_Format(index, base);
    Py_DECREF(index);
    return result;
}

int
_Py_convert_optional_to_ssize_t(PyObject *obj, void *result)
{
    if (obj == Py_None) {
        return 1;
    }
    if (!_PyIndex_Check(obj)) {
        PyErr_Format(PyExc_TypeError,
                     "argument should be integer or None, not '%.200s'",
                     Py_TYPE(obj)->tp_name);
        return 0;
    }
    Py_ssize_t limit = PyNumber_AsSsize_t(obj, NULL);
    if (limit == -1 && PyErr_Occurred()) {
        return 0;
    }
    *(Py_ssize_t *)result = limit;
    return 1;
}

/* ---- Sequences ---------------------------------------------------------- */

int
PySequence_Check(PyObject *s)
{
    if (s == NULL || PyDict_Check(s)) {
        return 0;
    }
    PySequenceMethods *sq = Py_TYPE(s)->tp_as_sequence;
    return sq != NULL && sq->sq_item != NULL;
}

Py_ssize_t
PySequence_Size(PyObject *s)
{
    if (s == NULL) {
        null_error();
        return -1;
    }
    PySequenceMethods *sq = Py_TYPE(s)->tp_as_sequence;
    if (sq != NULL && sq->sq_length != NULL) {
        return sq->sq_length(s);
    }
    PyMappingMethods *mp = Py_TYPE(s)->tp_as_mapping;
    if (mp != NULL && mp->mp_length != NULL) {
        type_error("%.200s is not a sequence", s);
        return -1;
    }
    type_error("object of type '%.200s' has no len()", s);
    return -1;
}

#undef PySequence_Length
Py_ssize_t
PySequence_Length(PyObject *s)
{
    return PySequence_Size(s);
}
#define PySequence_Length PySequence_Size

PyObject *
PySequence_Concat(PyObject *s, PyObject *o)
{
    if (s == NULL || o == NULL) {
        return null_error();
    }
    PySequenceMethods *sq = Py_TYPE(s)->tp_as_sequence;
    if (sq != NULL && sq->sq_concat != NULL) {
        return sq->sq_concat(s, o);
    }
    /* Sequences implemented in Python define __add__, not sq_concat. */
    if (PySequence_Check(s) && PySequence_Check(o)) {
        PyObject *result = binary_op1(s, o, NB_SLOT(nb_add));
        if (result != Py_NotImplemented) {
            return result;
        }
        Py_DECREF(result);
    }
    return type_error("'%.200s' object can't be concatenated", s);
}

PyObject *
PySequence_Repeat(PyObject *o, Py_ssize_t count)
{
    if (o == NULL) {
        return null_error();
    }
    PySequenceMethods *sq = Py_TYPE(o)->tp_as_sequence;
    if (sq != NULL && sq->sq_repeat != NULL) {
        return sq->sq_repeat(o, count);
    }
    if (PySequence_Check(o)) {
        PyObject *n = PyLong_FromSsize_t(count);
        if (n == NULL) {
            return NULL;
        }
        PyObject *result = binary_op1(o, n, NB_SLOT(nb_multiply));
        Py_DECREF(n);
        if (result != Py_NotImplemented) {
            return result;
        }
        Py_DECREF(result);
    }
    return type_error("'%.200s' object can't be repeated", o);
}

PyObject *
PySequence_InPlaceConcat(PyObject *s, PyObject *o)
{
    if (s == NULL || o == NULL) {
        return null_error();
    }
    PySequenceMethods *sq = Py_TYPE(s)->tp_as_sequence;
    if (sq != NULL && sq->sq_inplace_concat != NULL) {
        return sq->sq_inplace_concat(s, o);
    }
    if (sq != NULL && sq->sq_concat != NULL) {
        return sq->sq_concat(s, o);
    }
    if (PySequence_Check(s) && PySequence_Check(o)) {
        PyObject *result = binary_iop1(s, o, NB_SLOT(nb_inplace_add),
                                       NB_SLOT(nb_add));
        if (result != Py_NotImplemented) {
            return result;
        }
        Py_DECREF(result);
    }
    return type_error("'%.200s' object can't be concatenated", s);
}

PyObject *
PySequence_InPlaceRepeat(PyObject *o, Py_ssize_t count)
{
    if (o == NULL) {
        return null_error();
    }
    PySequenceMethods *sq = Py_TYPE(o)->tp_as_sequence;
    if (sq != NULL && sq->sq_inplace_repeat != NULL) {
        return sq->sq_inplace_repeat(o, count);
    }
    if (sq != NULL && sq->sq_repeat != NULL) {
        return sq->sq_repeat(o, count);
    }
    if (PySequence_Check(o)) {
        PyObject *n = PyLong_FromSsize_t(count);
        if (n == NULL) {
            return NULL;
        }
        PyObject *result = binary_iop1(o, n, NB_SLOT(nb_inplace_multiply),
                                       NB_SLOT(nb_multiply));
        Py_DECREF(n);
        if (result != Py_NotImplemented) {
            return result;
        }
        Py_DECREF(result);
    }
    return type_error("'%.200s' object can't be repeated", o);
}

/* A negative index counts from the end when the type knows its length.
   Returns 0, or -1 when asking the length failed. */
static int
adjust_negative_index(PyObject *s, PySequenceMethods *sq, Py_ssize_t *i)
{
    if (*i < 0 && sq->sq_length != NULL) {
        Py_ssize_t len = sq->sq_length(s);
        if (len < 0) {
            return -1;
        }
        *i += len;
    }
    return 0;
}

static int
is_mapping_only(PyObject *s)
{
    PyMappingMethods *mp = Py_TYPE(s)->tp_as_mapping;
    return mp != NULL && mp->mp_subscript != NULL;
}

PyObject *
PySequence_GetItem(PyObject *s, Py_ssize_t i)
{
    if (s == NULL) {
        return null_error();
    }
    PySequenceMethods *sq = Py_TYPE(s)->tp_as_sequence;
    if (sq != NULL && sq->sq_item != NULL) {
        if (adjust_negative_index(s, sq, &i) < 0) {
            return NULL;
        }
        return sq->sq_item(s, i);
    }
    if (is_mapping_only(s)) {
        return type_error("%.200s is not a sequence", s);
    }
    return type_error("'%.200s' object does not support indexing", s);
}

/* slice(i1, i2) as a new reference. */
static PyObject *
slice_from_indices(Py_ssize_t i1, Py_ssize_t i2)
{
    PyObject *start = PyLong_FromSsize_t(i1);
    PyObject *stop = start ? PyLong_FromSsize_t(i2) : NULL;
    PyObject *slice = stop ? PySlice_New(start, stop, NULL) : NULL;
    Py_XDECREF(start);
    Py_XDECREF(stop);
    return slice;
}

PyObject *
PySequence_GetSlice(PyObject *s, Py_ssize_t i1, Py_ssize_t i2)
{
    if (s == NULL) {
        return null_error();
    }
    PyMappingMethods *mp = Py_TYPE(s)->tp_as_mapping;
    if (mp != NULL && mp->mp_subscript != NULL) {
        PyObject *slice = slice_from_indices(i1, i2);
        if (slice == NULL) {
            return NULL;
        }
        PyObject *res = mp->mp_subscript(s, slice);
        Py_DECREF(slice);
        return res;
    }
    return type_error("'%.200s' object is unsliceable", s);
}

int
PySequence_SetItem(PyObject *s, Py_ssize_t i, PyObject *o)
{
    if (s == NULL) {
        null_error();
        return -1;
    }
    PySequenceMethods *sq = Py_TYPE(s)->tp_as_sequence;
    if (sq != NULL && sq->sq_ass_item != NULL) {
        if (adjust_negative_index(s, sq, &i) < 0) {
            return -1;
        }
        return sq->sq_ass_item(s, i, o);
    }
    PyMappingMethods *mp = Py_TYPE(s)->tp_as_mapping;
    if (mp != NULL && mp->mp_ass_subscript != NULL) {
        type_error("%.200s is not a sequence", s);
        return -1;
    }
    type_error("'%.200s' object does not support item assignment", s);
    return -1;
}

int
PySequence_DelItem(PyObject *s, Py_ssize_t i)
{
    if (s == NULL) {
        null_error();
        return -1;
    }
    PySequenceMethods *sq = Py_TYPE(s)->tp_as_sequence;
    if (sq != NULL && sq->sq_ass_item != NULL) {
        if (adjust_negative_index(s, sq, &i) < 0) {
            return -1;
        }
        return sq->sq_ass_item(s, i, NULL);
    }
    PyMappingMethods *mp = Py_TYPE(s)->tp_as_mapping;
    if (mp != NULL && mp->mp_ass_subscript != NULL) {
        type_error("%.200s is not a sequence", s);
        return -1;
    }
    type_error("'%.200s' object doesn't support item deletion", s);
    return -1;
}

/* s[i1:i2] = o, or del s[i1:i2] when o is NULL. */
static int
assign_slice(PyObject *s, Py_ssize_t i1, Py_ssize_t i2, PyObject *o,
             const char *message)
{
    if (s == NULL) {
        null_error();
        return -1;
    }
    PyMappingMethods *mp = Py_TYPE(s)->tp_as_mapping;
    if (mp != NULL && mp->mp_ass_subscript != NULL) {
        PyObject *slice = slice_from_indices(i1, i2);
        if (slice == NULL) {
            return -1;
        }
        int res = mp->mp_ass_subscript(s, slice, o);
        Py_DECREF(slice);
        return res;
    }
    type_error(message, s);
    return -1;
}

int
PySequence_SetSlice(PyObject *s, Py_ssize_t i1, Py_ssize_t i2, PyObject *o)
{
    return assign_slice(s, i1, i2, o,
                        "'%.200s' object doesn't support slice assignment");
}

int
PySequence_DelSlice(PyObject *s, Py_ssize_t i1, Py_ssize_t i2)
{
    return assign_slice(s, i1, i2, NULL,
                        "'%.200s' object doesn't support slice deletion");
}

/* Append every item of the iterator `it` to the list. */
static int
list_extend_from_iter(PyObject *list, PyObject *it)
{
    PyObject *item;
    int rc;
    while ((rc = PyIter_NextItem(it, &item)) > 0) {
        int err = PyList_Append(list, item);
        Py_DECREF(item);
        if (err < 0) {
            return -1;
        }
    }
    return rc;
}

PyObject *
PySequence_List(PyObject *v)
{
    if (v == NULL) {
        return null_error();
    }
    /* list.extend's copy, which snapshots sets and dicts under their
       critical sections. */
    PyObject *result = PyList_New(0);
    if (result != NULL && _PyList_Extend((PyListObject *)result, v) < 0) {
        Py_CLEAR(result);
    }
    return result;
}

PyObject *
PySequence_Tuple(PyObject *v)
{
    if (v == NULL) {
        return null_error();
    }
    if (PyTuple_CheckExact(v)) {
        return Py_NewRef(v);
    }
    if (PyList_CheckExact(v)) {
        return PyList_AsTuple(v);
    }
    PyObject *list = PySequence_List(v);
    if (list == NULL) {
        return NULL;
    }
    PyObject *result = PyList_AsTuple(list);
    Py_DECREF(list);
    return result;
}

PyObject *
PySequence_Fast(PyObject *v, const char *m)
{
    if (v == NULL) {
        return null_error();
    }
    if (PyList_CheckExact(v) || PyTuple_CheckExact(v)) {
        return Py_NewRef(v);
    }
    PyObject *it = PyObject_GetIter(v);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_SetString(PyExc_TypeError, m);
        }
        return NULL;
    }
    PyObject *result = PyList_New(0);
    int rc = 0;
    if (result != NULL) {
        rc = PyAnySet_CheckExact(v) || PyDict_CheckExact(v)
             ? _PyList_Extend((PyListObject *)result, v)
             : list_extend_from_iter(result, it);
    }
    if (rc < 0) {
        Py_CLEAR(result);
    }
    Py_DECREF(it);
    return result;
}

Py_ssize_t
_PySequence_IterSearch(PyObject *seq, PyObject *obj, int operation)
{
    if (seq == NULL || obj == NULL) {
        null_error();
        return -1;
    }
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            if (operation == PY_ITERSEARCH_CONTAINS) {
                type_error("argument of type '%.200s' is not a container "
                           "or iterable", seq);
            }
            else {
                type_error("argument of type '%.200s' is not iterable", seq);
            }
        }
        return -1;
    }
    Py_ssize_t n = 0;
    /* index wrapped past PY_SSIZE_T_MAX: a later match cannot be reported */
    int wrapped = 0;
    PyObject *item;
    int rc;
    while ((rc = PyIter_NextItem(it, &item)) > 0) {
        int cmp = PyObject_RichCompareBool(item, obj, Py_EQ);
        Py_DECREF(item);
        if (cmp < 0) {
            goto fail;
        }
        if (cmp > 0) {
            switch (operation) {
            case PY_ITERSEARCH_COUNT:
                if (n == PY_SSIZE_T_MAX) {
                    PyErr_SetString(PyExc_OverflowError,
                                    "count exceeds C integer size");
                    goto fail;
                }
                n++;
                break;
            case PY_ITERSEARCH_INDEX:
                if (wrapped) {
                    PyErr_SetString(PyExc_OverflowError,
                                    "index exceeds C integer size");
                    goto fail;
                }
                Py_DECREF(it);
                return n;
            default:
                Py_DECREF(it);
                return 1;
            }
        }
        else if (operation == PY_ITERSEARCH_INDEX) {
            if (n == PY_SSIZE_T_MAX) {
                wrapped = 1;
            }
            n++;
        }
    }
    if (rc < 0) {
        goto fail;
    }
    Py_DECREF(it);
    if (operation == PY_ITERSEARCH_INDEX) {
        PyErr_SetString(PyExc_ValueError,
                        "sequence.index(x): x not in sequence");
        return -1;
    }
    return operation == PY_ITERSEARCH_COUNT ? n : 0;

fail:
    Py_DECREF(it);
    return -1;
}

Py_ssize_t
PySequence_Count(PyObject *s, PyObject *o)
{
    return _PySequence_IterSearch(s, o, PY_ITERSEARCH_COUNT);
}

int
PySequence_Contains(PyObject *seq, PyObject *ob)
{
    PySequenceMethods *sq = Py_TYPE(seq)->tp_as_sequence;
    if (sq != NULL && sq->sq_contains != NULL) {
        return sq->sq_contains(seq, ob);
    }
    return (int)_PySequence_IterSearch(seq, ob, PY_ITERSEARCH_CONTAINS);
}

int
PySequence_In(PyObject *w, PyObject *v)
{
    return PySequence_Contains(w, v);
}

Py_ssize_t
PySequence_Index(PyObject *s, PyObject *o)
{
    return _PySequence_IterSearch(s, o, PY_ITERSEARCH_INDEX);
}

/* ---- Mappings ----------------------------------------------------------- */

int
PyMapping_Check(PyObject *o)
{
    if (o == NULL) {
        return 0;
    }
    PyMappingMethods *mp = Py_TYPE(o)->tp_as_mapping;
    return mp != NULL && mp->mp_subscript != NULL;
}

Py_ssize_t
PyMapping_Size(PyObject *o)
{
    if (o == NULL) {
        null_error();
        return -1;
    }
    PyMappingMethods *mp = Py_TYPE(o)->tp_as_mapping;
    if (mp != NULL && mp->mp_length != NULL) {
        return mp->mp_length(o);
    }
    PySequenceMethods *sq = Py_TYPE(o)->tp_as_sequence;
    if (sq != NULL && sq->sq_length != NULL) {
        type_error("%.200s is not a mapping", o);
        return -1;
    }
    type_error("object of type '%.200s' has no len()", o);
    return -1;
}

#undef PyMapping_Length
Py_ssize_t
PyMapping_Length(PyObject *o)
{
    return PyMapping_Size(o);
}
#define PyMapping_Length PyMapping_Size

PyObject *
PyMapping_GetItemString(PyObject *o, const char *key)
{
    if (key == NULL) {
        return null_error();
    }
    PyObject *okey = PyUnicode_FromString(key);
    if (okey == NULL) {
        return NULL;
    }
    PyObject *r = PyObject_GetItem(o, okey);
    Py_DECREF(okey);
    return r;
}

int
PyMapping_GetOptionalItem(PyObject *obj, PyObject *key, PyObject **result)
{
    if (PyDict_CheckExact(obj)) {
        return PyDict_GetItemRef(obj, key, result);
    }
    *result = PyObject_GetItem(obj, key);
    if (*result != NULL) {
        return 1;
    }
    if (!PyErr_ExceptionMatches(PyExc_KeyError)) {
        return -1;
    }
    PyErr_Clear();
    return 0;
}

int
PyMapping_GetOptionalItemString(PyObject *obj, const char *key,
                                PyObject **result)
{
    if (key == NULL) {
        *result = NULL;
        null_error();
        return -1;
    }
    PyObject *okey = PyUnicode_FromString(key);
    if (okey == NULL) {
        *result = NULL;
        return -1;
    }
    int rc = PyMapping_GetOptionalItem(obj, okey, result);
    Py_DECREF(okey);
    return rc;
}

int
PyMapping_SetItemString(PyObject *o, const char *key, PyObject *value)
{
    if (key == NULL) {
        null_error();
        return -1;
    }
    PyObject *okey = PyUnicode_FromString(key);
    if (okey == NULL) {
        return -1;
    }
    int r = PyObject_SetItem(o, okey, value);
    Py_DECREF(okey);
    return r;
}

int
PyMapping_HasKeyWithError(PyObject *obj, PyObject *key)
{
    PyObject *res;
    int rc = PyMapping_GetOptionalItem(obj, key, &res);
    Py_XDECREF(res);
    return rc;
}

int
PyMapping_HasKeyStringWithError(PyObject *obj, const char *key)
{
    PyObject *res;
    int rc = PyMapping_GetOptionalItemString(obj, key, &res);
    Py_XDECREF(res);
    return rc;
}

int
PyMapping_HasKey(PyObject *obj, PyObject *key)
{
    int rc = PyMapping_HasKeyWithError(obj, key);
    if (rc < 0) {
        PyErr_FormatUnraisable(
            "Exception ignored in PyMapping_HasKey(); consider using "
            "PyMapping_HasKeyWithError(), PyMapping_GetOptionalItem() or "
            "PyObject_GetItem()");
        return 0;
    }
    return rc;
}

int
PyMapping_HasKeyString(PyObject *obj, const char *key)
{
    int rc = PyMapping_HasKeyStringWithError(obj, key);
    if (rc < 0) {
        PyErr_FormatUnraisable(
            "Exception ignored in PyMapping_HasKeyString(); consider using "
            "PyMapping_HasKeyStringWithError(), "
            "PyMapping_GetOptionalItemString() or PyMapping_GetItemString()");
        return 0;
    }
    return rc;
}

/* list(o.<method>()) for keys(), values() and items() of a non-dict. */
static PyObject *
method_output_as_list(PyObject *o, const char *method)
{
    PyObject *meth_output = PyObject_CallMethod(o, method, NULL);
    if (meth_output == NULL) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(meth_output);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Format(PyExc_TypeError,
                         "%.200s.%s() returned a non-iterable (type %.200s)",
                         Py_TYPE(o)->tp_name, method,
                         Py_TYPE(meth_output)->tp_name);
        }
        Py_DECREF(meth_output);
        return NULL;
    }
    Py_DECREF(meth_output);
    PyObject *result = PyList_New(0);
    if (result != NULL && list_extend_from_iter(result, it) < 0) {
        Py_CLEAR(result);
    }
    Py_DECREF(it);
    return result;
}

PyObject *
PyMapping_Keys(PyObject *o)
{
    if (o == NULL) {
        return null_error();
    }
    if (PyDict_CheckExact(o)) {
        return PyDict_Keys(o);
    }
    return method_output_as_list(o, "keys");
}

PyObject *
PyMapping_Values(PyObject *o)
{
    if (o == NULL) {
        return null_error();
    }
    if (PyDict_CheckExact(o)) {
        return PyDict_Values(o);
    }
    return method_output_as_list(o, "values");
}

PyObject *
PyMapping_Items(PyObject *o)
{
    if (o == NULL) {
        return null_error();
    }
    if (PyDict_CheckExact(o)) {
        return PyDict_Items(o);
    }
    return method_output_as_list(o, "items");
}

/* ---- isinstance() and issubclass() -------------------------------------- */

/* cls.__bases__ when it is a tuple (a new reference); NULL otherwise, with
   an exception only if looking it up failed. */
static PyObject *
abstract_get_bases(PyObject *cls)
{
    PyObject *bases;
    if (PyObject_GetOptionalAttr(cls, _Py_INTERNED_ID(__bases__), &bases)
            < 0) {
        return NULL;
    }
    if (bases != NULL && !PyTuple_Check(bases)) {
        Py_CLEAR(bases);
    }
    return bases;
}

/* Is cls a class by the duck-typed definition (it has a tuple __bases__)?
   Raises TypeError(error) when not. */
static int
check_class(PyObject *cls, const char *error)
{
    PyObject *bases = abstract_get_bases(cls);
    if (bases == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_TypeError, error);
        }
        return 0;
    }
    Py_DECREF(bases);
    return 1;
}

/* Walk __bases__ from derived looking for cls.  Single-base chains loop
   instead of recursing; only multiple bases use the C stack. */
static int
abstract_issubclass(PyObject *derived, PyObject *cls)
{
    PyObject *held = NULL;  /* owns the tuple `derived` was taken from */
    int result = 0;
    for (;;) {
        if (derived == cls) {
            result = 1;
            break;
        }
        PyObject *bases = abstract_get_bases(derived);
        if (bases == NULL) {
            result = PyErr_Occurred() ? -1 : 0;
            break;
        }
        Py_ssize_t n = PyTuple_GET_SIZE(bases);
        if (n == 0) {
            Py_DECREF(bases);
            break;
        }
        if (n == 1) {
            derived = PyTuple_GET_ITEM(bases, 0);
            Py_XSETREF(held, bases);
            continue;
        }
        if (Py_EnterRecursiveCall(" in __issubclass__")) {
            Py_DECREF(bases);
            result = -1;
            break;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            result = abstract_issubclass(PyTuple_GET_ITEM(bases, i), cls);
            if (result != 0) {
                break;
            }
        }
        Py_LeaveRecursiveCall();
        Py_DECREF(bases);
        break;
    }
    Py_XDECREF(held);
    return result;
}

/* inst.__class__ when it is set (a new reference); NULL otherwise, with an
   exception only on a real error. */
static int
get_class_attr(PyObject *inst, PyObject **icls)
{
    return PyObject_GetOptionalAttr(inst, _Py_INTERNED_ID(__class__), icls);
}

int
_PyObject_RealIsInstance(PyObject *inst, PyObject *cls)
{
    PyObject *icls;
    int retval;
    if (PyType_Check(cls)) {
        retval = PyObject_TypeCheck(inst, (PyTypeObject *)cls);
        if (retval != 0) {
            return retval;
        }
        /* A proxy may claim another class through __class__. */
        retval = get_class_attr(inst, &icls);
        if (icls != NULL) {
            if (icls != (PyObject *)Py_TYPE(inst) && PyType_Check(icls)) {
                retval = PyType_IsSubtype((PyTypeObject *)icls,
                                          (PyTypeObject *)cls);
            }
            else {
                retval = 0;
            }
            Py_DECREF(icls);
        }
        return retval;
    }
    if (!check_class(cls, "isinstance() arg 2 must be a type, a tuple of "
                          "types, or a union")) {
        return -1;
    }
    retval = get_class_attr(inst, &icls);
    if (icls != NULL) {
        retval = abstract_issubclass(icls, cls);
        Py_DECREF(icls);
    }
    return retval;
}

/* Call cls.<checker>(arg) and convert the answer to a truth value. */
static int
call_checker(PyObject *checker, PyObject *arg, const char *where)
{
    if (Py_EnterRecursiveCall(where)) {
        return -1;
    }
    PyObject *res = PyObject_CallOneArg(checker, arg);
    Py_LeaveRecursiveCall();
    if (res == NULL) {
        return -1;
    }
    int ok = PyObject_IsTrue(res);
    Py_DECREF(res);
    return ok;
}

static int
object_isinstance(PyObject *inst, PyObject *cls)
{
    if (Py_IS_TYPE(inst, (PyTypeObject *)cls)) {
        return 1;
    }
    /* Exact type: its __instancecheck__ is type's own, skip the call. */
    if (PyType_CheckExact(cls)) {
        return _PyObject_RealIsInstance(inst, cls);
    }
    /* isinstance(x, int | str) is isinstance(x, (int, str)). */
    if (_PyUnion_Check(cls)) {
        cls = _Py_union_args(cls);
    }
    if (PyTuple_Check(cls)) {
        if (Py_EnterRecursiveCall(" in __instancecheck__")) {
            return -1;
        }
        int r = 0;
        Py_ssize_t n = PyTuple_GET_SIZE(cls);
        for (Py_ssize_t i = 0; i < n; i++) {
            r = object_isinstance(inst, PyTuple_GET_ITEM(cls, i));
            if (r != 0) {
                break;
            }
        }
        Py_LeaveRecursiveCall();
        return r;
    }
    PyObject *checker = _PyObject_LookupSpecial(
        cls, _Py_INTERNED_ID(__instancecheck__));
    if (checker != NULL) {
        int ok = call_checker(checker, inst, " in __instancecheck__");
        Py_DECREF(checker);
        return ok;
    }
    if (PyErr_Occurred()) {
        return -1;
    }
    return _PyObject_RealIsInstance(inst, cls);
}

int
PyObject_IsInstance(PyObject *inst, PyObject *cls)
{
    if (inst == NULL || cls == NULL) {
        null_error();
        return -1;
    }
    return object_isinstance(inst, cls);
}

int
_PyObject_RealIsSubclass(PyObject *derived, PyObject *cls)
{
    if (PyType_Check(cls) && PyType_Check(derived)) {
        return PyType_IsSubtype((PyTypeObject *)derived, (PyTypeObject *)cls);
    }
    if (!check_class(derived, "issubclass() arg 1 must be a class")) {
        return -1;
    }
    if (!check_class(cls, "issubclass() arg 2 must be a class, a tuple of "
                          "classes, or a union")) {
        return -1;
    }
    return abstract_issubclass(derived, cls);
}

static int
object_issubclass(PyObject *derived, PyObject *cls)
{
    if (PyType_CheckExact(cls)) {
        if (derived == cls) {
            return 1;
        }
        return _PyObject_RealIsSubclass(derived, cls);
    }
    if (_PyUnion_Check(cls)) {
        cls = _Py_union_args(cls);
    }
    if (PyTuple_Check(cls)) {
        if (Py_EnterRecursiveCall(" in __subclasscheck__")) {
            return -1;
        }
        int r = 0;
        Py_ssize_t n = PyTuple_GET_SIZE(cls);
        for (Py_ssize_t i = 0; i < n; i++) {
            r = object_issubclass(derived, PyTuple_GET_ITEM(cls, i));
            if (r != 0) {
                break;
            }
        }
        Py_LeaveRecursiveCall();
        return r;
    }
    PyObject *checker = _PyObject_LookupSpecial(
        cls, _Py_INTERNED_ID(__subclasscheck__));
    if (checker != NULL) {
        int ok = call_checker(checker, derived, " in __subclasscheck__");
        Py_DECREF(checker);
        return ok;
    }
    if (PyErr_Occurred()) {
        return -1;
    }
    return _PyObject_RealIsSubclass(derived, cls);
}

int
PyObject_IsSubclass(PyObject *derived, PyObject *cls)
{
    if (derived == NULL || cls == NULL) {
        null_error();
        return -1;
    }
    return object_issubclass(derived, cls);
}

/* ---- Iteration ---------------------------------------------------------- */

/* Stands in tp_iternext once a class loses __next__, so that the many
   callers of tp_iternext never see NULL under an iterator in use. */
PyObject *
_PyObject_NextNotImplemented(PyObject *self)
{
    PyErr_Format(PyExc_TypeError, "'%.200s' object is not iterable",
                 Py_TYPE(self)->tp_name);
    return NULL;
}

int
PyIter_Check(PyObject *obj)
{
    iternextfunc next = Py_TYPE(obj)->tp_iternext;
    return next != NULL && next != _PyObject_NextNotImplemented;
}

int
PyAIter_Check(PyObject *obj)
{
    PyAsyncMethods *am = Py_TYPE(obj)->tp_as_async;
    return am != NULL && am->am_anext != NULL;
}

PyObject *
PyObject_GetIter(PyObject *o)
{
    getiterfunc f = Py_TYPE(o)->tp_iter;
    if (f == NULL) {
        if (PySequence_Check(o)) {
            return PySeqIter_New(o);
        }
        return type_error("'%.200s' object is not iterable", o);
    }
    PyObject *res = f(o);
    if (res != NULL && !PyIter_Check(res)) {
        PyErr_Format(PyExc_TypeError,
                     "iter() returned non-iterator of type '%.100s'",
                     Py_TYPE(res)->tp_name);
        Py_CLEAR(res);
    }
    return res;
}

PyObject *
PyObject_GetAIter(PyObject *o)
{
    PyAsyncMethods *am = Py_TYPE(o)->tp_as_async;
    if (am == NULL || am->am_aiter == NULL) {
        return type_error("'%.200s' object is not an async iterable", o);
    }
    PyObject *it = am->am_aiter(o);
    if (it != NULL && !PyAIter_Check(it)) {
        PyErr_Format(PyExc_TypeError,
                     "aiter() returned not an async iterator of type '%.100s'",
                     Py_TYPE(it)->tp_name);
        Py_CLEAR(it);
    }
    return it;
}

int
PyIter_NextItem(PyObject *iter, PyObject **item)
{
    iternextfunc next = Py_TYPE(iter)->tp_iternext;
    if (next == NULL) {
        *item = NULL;
        PyErr_Format(PyExc_TypeError, "expected an iterator, got '%.100s'",
                     Py_TYPE(iter)->tp_name);
        return -1;
    }
    *item = next(iter);
    if (*item != NULL) {
        return 1;
    }
    if (!PyErr_Occurred()) {
        return 0;
    }
    if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyErr_Clear();
        return 0;
    }
    return -1;
}

PyObject *
PyIter_Next(PyObject *iter)
{
    PyObject *result = Py_TYPE(iter)->tp_iternext(iter);
    if (result == NULL && PyErr_Occurred()
            && PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyErr_Clear();
    }
    return result;
}

/* The value a finished iterator returned: StopIteration's value, or None
   when it stopped without an exception.  0 on success; -1 when another
   exception is pending. */
static int
fetch_stop_iteration_value(PyObject **pvalue)
{
    if (!PyErr_Occurred()) {
        *pvalue = Py_NewRef(Py_None);
        return 0;
    }
    if (!PyErr_ExceptionMatches(PyExc_StopIteration)) {
        *pvalue = NULL;
        return -1;
    }
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *value = PyObject_GetAttrString(exc, "value");
    Py_DECREF(exc);
    *pvalue = value;
    return value != NULL ? 0 : -1;
}

PySendResult
PyIter_Send(PyObject *iter, PyObject *arg, PyObject **result)
{
    PyAsyncMethods *am = Py_TYPE(iter)->tp_as_async;
    if (am != NULL && am->am_send != NULL) {
        return am->am_send(iter, arg, result);
    }
    if (arg == Py_None && PyIter_Check(iter)) {
        *result = Py_TYPE(iter)->tp_iternext(iter);
    }
    else {
        *result = PyObject_CallMethodObjArgs(iter, _Py_INTERNED_ID(send), arg,
                                             NULL);
    }
    if (*result != NULL) {
        return PYGEN_NEXT;
    }
    if (fetch_stop_iteration_value(result) == 0) {
        return PYGEN_RETURN;
    }
    return PYGEN_ERROR;
}
