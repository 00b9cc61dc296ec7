/* Compile-time warnings about code that cannot work as written: a literal
   that is called or subscripted where a comma was probably forgotten
   (`[1, 2] [3, 4]`), identity tests against literals.  Each is a
   SyntaxWarning; a filter that turns it into an error makes the
   compilation fail with a SyntaxError at the same place.  Private to the
   compiling thread. */
#include "Python.h"
#include "pycore_codegen.h"
#include "pycore_template.h"

int
codegen_warn(struct compiler *c, location loc, const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    PyObject *msg = PyUnicode_FromFormatV(format, vargs);
    va_end(vargs);
    if (msg == NULL) {
        return -1;
    }
    int r = PyErr_WarnExplicitObject(PyExc_SyntaxWarning, msg, c->c_filename,
                                     loc.lineno, NULL, NULL);
    if (r < 0 && PyErr_ExceptionMatches(PyExc_SyntaxWarning)) {
        PyErr_Clear();
        r = compiler_error(c, loc, "%U", msg);
    }
    Py_DECREF(msg);
    return r;
}

/* The type an expression certainly evaluates to (borrowed), or NULL when
   it depends on run time. */
static PyTypeObject *
known_type(expr_ty e)
{
    switch (e->kind) {
    case Constant_kind:
        return Py_TYPE(e->v.Constant.value);
    case Tuple_kind:
        return &PyTuple_Type;
    case List_kind:
    case ListComp_kind:
        return &PyList_Type;
    case Dict_kind:
    case DictComp_kind:
        return &PyDict_Type;
    case Set_kind:
    case SetComp_kind:
        return &PySet_Type;
    case GeneratorExp_kind:
        return &PyGen_Type;
    case Lambda_kind:
        return &PyFunction_Type;
    case JoinedStr_kind:
    case FormattedValue_kind:
        return &PyUnicode_Type;
    case TemplateStr_kind:
        return &_PyTemplate_Type;
    case Interpolation_kind:
        return &_PyInterpolation_Type;
    default:
        return NULL;
    }
}

/* Whether `e` may be compared by identity: not a literal (a tuple
   display of constants is one), or None, True, False, Ellipsis. */
static int
is_singleton_or_not_constant(expr_ty e)
{
    if (e->kind == Tuple_kind) {
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Tuple.elts); i++) {
            if (asdl_seq_GET(e->v.Tuple.elts, i)->kind != Constant_kind) {
                return 1;
            }
        }
        return 0;
    }
    if (e->kind != Constant_kind) {
        return 1;
    }
    PyObject *v = e->v.Constant.value;
    return v == Py_None || v == Py_False || v == Py_True || v == Py_Ellipsis;
}

/* `x is 1` compares identity with a literal: almost always a mistake. */
int
codegen_check_compare(struct compiler *c, expr_ty e)
{
    expr_ty left = e->v.Compare.left;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Compare.ops); i++) {
        cmpop_ty op = asdl_seq_GET(e->v.Compare.ops, i);
        expr_ty right = asdl_seq_GET(e->v.Compare.comparators, i);
        if ((op == Is || op == IsNot) &&
            (!is_singleton_or_not_constant(left) ||
             !is_singleton_or_not_constant(right))) {
            expr_ty literal = !is_singleton_or_not_constant(right) ? right : left;
            RETURN_IF_ERROR(codegen_warn(
                c, LOC(e),
                op == Is ? "\"is\" with '%.200s' literal. Did you mean \"==\"?"
                         : "\"is not\" with '%.200s' literal. Did you mean \"!=\"?",
                literal->kind == Tuple_kind ? "tuple"
                : Py_TYPE(literal->v.Constant.value)->tp_name));
        }
        left = right;
    }
    return 0;
}

/* `f` in a call `f(...)`: displays, comprehensions and literals are never
   callable. */
int
codegen_check_caller(struct compiler *c, expr_ty func)
{
    switch (func->kind) {
    case Constant_kind: case Tuple_kind: case List_kind: case ListComp_kind:
    case Dict_kind: case DictComp_kind: case Set_kind: case SetComp_kind:
    case GeneratorExp_kind: case JoinedStr_kind: case FormattedValue_kind:
    case TemplateStr_kind: case Interpolation_kind:
        return codegen_warn(c, LOC(func), "'%.200s' object is not callable; "
                            "perhaps you missed a comma?",
                            known_type(func)->tp_name);
    default:
        return 0;
    }
}

/* A value that can never be subscripted. */
static int
check_subscripted(struct compiler *c, expr_ty value)
{
    if (value->kind == Constant_kind) {
        PyObject *v = value->v.Constant.value;
        if (!(v == Py_None || v == Py_Ellipsis || PyLong_Check(v) ||
              PyFloat_Check(v) || PyComplex_Check(v) || PyAnySet_Check(v))) {
            return 0;
        }
    }
    else if (value->kind != Set_kind && value->kind != SetComp_kind &&
             value->kind != GeneratorExp_kind && value->kind != Lambda_kind) {
        return 0;
    }
    return codegen_warn(c, LOC(value), "'%.200s' object is not subscriptable; "
                        "perhaps you missed a comma?",
                        known_type(value)->tp_name);
}

/* A sequence display or literal indexed by something that is neither an
   integer nor a slice. */
static int
check_index(struct compiler *c, expr_ty value, expr_ty index)
{
    PyTypeObject *index_type = known_type(index);
    if (index_type == NULL ||
        PyType_FastSubclass(index_type, Py_TPFLAGS_LONG_SUBCLASS) ||
        index_type == &PySlice_Type) {
        return 0;
    }
    switch (value->kind) {
    case Constant_kind: {
        PyObject *v = value->v.Constant.value;
        if (!(PyUnicode_Check(v) || PyBytes_Check(v) || PyTuple_Check(v))) {
            return 0;
        }
        break;
    }
    case Tuple_kind: case List_kind: case ListComp_kind: case JoinedStr_kind:
    case FormattedValue_kind:
        break;
    default:
        return 0;
    }
    return codegen_warn(c, LOC(value), "%.200s indices must be integers or "
                        "slices, not %.200s; perhaps you missed a comma?",
                        known_type(value)->tp_name, index_type->tp_name);
}

/* `value[index]` read. */
int
codegen_check_subscript(struct compiler *c, expr_ty e)
{
    RETURN_IF_ERROR(check_subscripted(c, e->v.Subscript.value));
    return check_index(c, e->v.Subscript.value, e->v.Subscript.slice);
}
