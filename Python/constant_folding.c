/* Constant folding on the AST (Include/internal/pycore_codegen.h):
   arithmetic on literal numbers, strings, bytes and tuples, `-x`, `~x`,
   literal tuples and __debug__, computed at compile time when that is
   cheap, cannot raise and cannot build huge objects.  Private to the
   compiling thread. */
#include "Python.h"
#include "pycore_codegen.h"
#include "pycore_long.h"

/* ---- constant folding -------------------------------------------------- */

#define MAX_INT_BITS 128
#define MAX_COLLECTION_SIZE 256
#define MAX_STR_SIZE 4096
#define MAX_TOTAL_ITEMS 1024


static int
is_safe_size(PyObject *seq, PyObject *count)
{
    if (!PyLong_CheckExact(count)) {
        return 0;
    }
    int overflow;
    long n = PyLong_AsLongAndOverflow(count, &overflow);
    if (overflow || n < 0) {
        PyErr_Clear();
        return overflow == 0 && n < 0;
    }
    Py_ssize_t len = PyObject_Size(seq);
    if (len < 0) {
        PyErr_Clear();
        return 0;
    }
    if (PyTuple_Check(seq)) {
        return len == 0 || n <= MAX_COLLECTION_SIZE / len;
    }
    return len == 0 || n <= MAX_STR_SIZE / len;
}

static int64_t
bits_of(PyObject *v)
{
    int64_t bits = _PyLong_NumBits(v);
    if (bits < 0) {
        PyErr_Clear();
        return INT64_MAX;
    }
    return bits;
}

/* Whether computing left OP right at compile time is cheap and cannot
   blow up memory. */
static int
safe_to_fold(operator_ty op, PyObject *l, PyObject *r)
{
    int lint = PyLong_CheckExact(l), rint = PyLong_CheckExact(r);
    switch (op) {
    case Mult:
        if (lint && rint) {
            return bits_of(l) + bits_of(r) <= MAX_INT_BITS;
        }
        if (lint && (PyUnicode_CheckExact(r) || PyBytes_CheckExact(r) ||
                     PyTuple_CheckExact(r))) {
            return is_safe_size(r, l);
        }
        if (rint && (PyUnicode_CheckExact(l) || PyBytes_CheckExact(l) ||
                     PyTuple_CheckExact(l))) {
            return is_safe_size(l, r);
        }
        return PyNumber_Check(l) && PyNumber_Check(r) &&
               !PyUnicode_Check(l) && !PyUnicode_Check(r);
    case Pow:
        if (lint && rint) {
            if (_PyLong_Sign(r) < 0) {
                return 1;
            }
            int overflow;
            long e = PyLong_AsLongAndOverflow(r, &overflow);
            return !overflow && e <= MAX_INT_BITS &&
                   bits_of(l) * e <= MAX_INT_BITS;
        }
        return 1;
    case LShift:
        if (lint && rint) {
            int overflow;
            long s = PyLong_AsLongAndOverflow(r, &overflow);
            return !overflow && s >= 0 && s <= MAX_INT_BITS &&
                   bits_of(l) + s <= MAX_INT_BITS;
        }
        return 1;
    case Add:
        if ((PyUnicode_CheckExact(l) && PyUnicode_CheckExact(r)) ||
            (PyBytes_CheckExact(l) && PyBytes_CheckExact(r))) {
            return PyObject_Size(l) + PyObject_Size(r) <= MAX_STR_SIZE;
        }
        if (PyTuple_CheckExact(l) && PyTuple_CheckExact(r)) {
            return PyTuple_GET_SIZE(l) + PyTuple_GET_SIZE(r) <= MAX_COLLECTION_SIZE;
        }
        return 1;
    case Mod:
        /* str % x runs formatting code: leave it to run time. */
        return !PyUnicode_Check(l) && !PyBytes_Check(l);
    default:
        return 1;
    }
}

static PyObject *
binop_value(operator_ty op, PyObject *l, PyObject *r)
{
    switch (op) {
    case Add: return PyNumber_Add(l, r);
    case Sub: return PyNumber_Subtract(l, r);
    case Mult: return PyNumber_Multiply(l, r);
    case Div: return PyNumber_TrueDivide(l, r);
    case FloorDiv: return PyNumber_FloorDivide(l, r);
    case Mod: return PyNumber_Remainder(l, r);
    case Pow: return PyNumber_Power(l, r, Py_None);
    case LShift: return PyNumber_Lshift(l, r);
    case RShift: return PyNumber_Rshift(l, r);
    case BitOr: return PyNumber_Or(l, r);
    case BitXor: return PyNumber_Xor(l, r);
    case BitAnd: return PyNumber_And(l, r);
    case MatMult: return NULL;
    }
    return NULL;
}

static int
is_foldable_const(PyObject *v)
{
    return PyLong_CheckExact(v) || PyFloat_CheckExact(v) ||
           PyComplex_CheckExact(v) || PyUnicode_CheckExact(v) ||
           PyBytes_CheckExact(v) || PyTuple_CheckExact(v) ||
           PyBool_Check(v) || v == Py_None || v == Py_Ellipsis;
}

/* The value of a constant expression as a new reference, or NULL when it
   is not constant or folding would fail (no exception is left set). */
static PyObject *fold_constant_inner(struct compiler *c, expr_ty e);

/* Deeply nested expressions are simply not folded; code generation
   then reports the nesting with RecursionError. */
PyObject *
fold_constant(struct compiler *c, expr_ty e)
{
    if (c->c_fold_depth > 2000) {
        return NULL;
    }
    c->c_fold_depth++;
    PyObject *r = fold_constant_inner(c, e);
    c->c_fold_depth--;
    return r;
}

static PyObject *
fold_constant_inner(struct compiler *c, expr_ty e)
{
    switch (e->kind) {
    case Constant_kind:
        return Py_NewRef(e->v.Constant.value);
    case UnaryOp_kind: {
        if (e->v.UnaryOp.op == Not) {
            return NULL;
        }
        PyObject *v = fold_constant(c, e->v.UnaryOp.operand);
        if (v == NULL) {
            return NULL;
        }
        PyObject *res = NULL;
        if (PyNumber_Check(v) && !PyUnicode_Check(v)) {
            switch (e->v.UnaryOp.op) {
            case USub: res = PyNumber_Negative(v); break;
            case UAdd: res = PyNumber_Positive(v); break;
            case Invert:
                res = PyBool_Check(v) ? NULL : PyNumber_Invert(v);
                break;
            default: break;
            }
        }
        Py_DECREF(v);
        if (res == NULL) {
            PyErr_Clear();
        }
        return res;
    }
    case BinOp_kind: {
        PyObject *l = fold_constant(c, e->v.BinOp.left);
        if (l == NULL) {
            return NULL;
        }
        PyObject *r = fold_constant(c, e->v.BinOp.right);
        if (r == NULL) {
            Py_DECREF(l);
            return NULL;
        }
        PyObject *res = NULL;
        if (safe_to_fold(e->v.BinOp.op, l, r)) {
            res = binop_value(e->v.BinOp.op, l, r);
            if (res == NULL) {
                PyErr_Clear();
            }
            else if (!is_foldable_const(res) ||
                     (PyUnicode_Check(res) && PyUnicode_GET_LENGTH(res) > MAX_STR_SIZE)) {
                Py_CLEAR(res);
            }
        }
        PyErr_Clear();
        Py_DECREF(l);
        Py_DECREF(r);
        return res;
    }
    case Tuple_kind: {
        if (e->v.Tuple.ctx != Load) {
            return NULL;
        }
        Py_ssize_t n = asdl_seq_LEN(e->v.Tuple.elts);
        for (Py_ssize_t i = 0; i < n; i++) {
            expr_ty elt = asdl_seq_GET(e->v.Tuple.elts, i);
            if (elt->kind == Starred_kind) {
                return NULL;
            }
        }
        PyObject *t = PyTuple_New(n);
        if (t == NULL) {
            PyErr_Clear();
            return NULL;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *v = fold_constant(c, asdl_seq_GET(e->v.Tuple.elts, i));
            if (v == NULL) {
                Py_DECREF(t);
                return NULL;
            }
            PyTuple_SET_ITEM(t, i, v);
        }
        return t;
    }
    case Name_kind:
        if (PyUnicode_CompareWithASCIIString(e->v.Name.id, "__debug__") == 0 &&
            e->v.Name.ctx == Load) {
            return Py_NewRef(c->c_optimize > 0 ? Py_False : Py_True);
        }
        return NULL;
    default:
        return NULL;
    }
}

