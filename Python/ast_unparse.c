/* Expressions as source text, for `from __future__ import annotations`:
   an expression's canonical source form, as CPython's stringified
   annotations give it, each construct in its usual spelling with
   parentheses only where precedence needs them.  Works on the AST alone,
   in the compiling thread's private data. */
#include "Python.h"
#include "pycore_ast.h"

/* Binding strength, weakest first; an operand needing more than its
   context allows is parenthesized. */
enum {
    PREC_TUPLE, PREC_TEST, PREC_OR, PREC_AND, PREC_NOT, PREC_CMP,
    PREC_BOR, PREC_BXOR, PREC_BAND, PREC_SHIFT, PREC_ARITH, PREC_TERM,
    PREC_FACTOR, PREC_POWER, PREC_AWAIT, PREC_ATOM
};

static int unparse_expr(PyUnicodeWriter *w, expr_ty e, int level);

static int
put(PyUnicodeWriter *w, const char *s)
{
    return PyUnicodeWriter_WriteUTF8(w, s, -1);
}

static int
put_if(PyUnicodeWriter *w, int cond, const char *s)
{
    return cond ? put(w, s) : 0;
}

/* Items separated by ", ", each at `level`. */
static int
unparse_seq(PyUnicodeWriter *w, asdl_expr_seq *seq, int level)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(seq); i++) {
        if ((i > 0 && put(w, ", ") < 0)
                || unparse_expr(w, asdl_seq_GET(seq, i), level) < 0) {
            return -1;
        }
    }
    return 0;
}

static int
unparse_boolop(PyUnicodeWriter *w, expr_ty e, int level)
{
    int prec = e->v.BoolOp.op == And ? PREC_AND : PREC_OR;
    const char *sep = e->v.BoolOp.op == And ? " and " : " or ";
    asdl_expr_seq *values = e->v.BoolOp.values;
    if (put_if(w, level > prec, "(") < 0) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(values); i++) {
        if ((i > 0 && put(w, sep) < 0)
                || unparse_expr(w, asdl_seq_GET(values, i), prec + 1) < 0) {
            return -1;
        }
    }
    return put_if(w, level > prec, ")");
}

static int
unparse_binop(PyUnicodeWriter *w, expr_ty e, int level)
{
    static const struct { const char *text; int prec; } ops[] = {
        [Add] = {" + ", PREC_ARITH}, [Sub] = {" - ", PREC_ARITH},
        [Mult] = {" * ", PREC_TERM}, [MatMult] = {" @ ", PREC_TERM},
        [Div] = {" / ", PREC_TERM}, [Mod] = {" % ", PREC_TERM},
        [FloorDiv] = {" // ", PREC_TERM}, [Pow] = {" ** ", PREC_POWER},
        [LShift] = {" << ", PREC_SHIFT}, [RShift] = {" >> ", PREC_SHIFT},
        [BitOr] = {" | ", PREC_BOR}, [BitXor] = {" ^ ", PREC_BXOR},
        [BitAnd] = {" & ", PREC_BAND},
    };
    operator_ty op = e->v.BinOp.op;
    int prec = ops[op].prec;
    /* ** groups to the right, every other operator to the left. */
    int right_assoc = op == Pow;
    if (put_if(w, level > prec, "(") < 0
            || unparse_expr(w, e->v.BinOp.left, prec + right_assoc) < 0
            || put(w, ops[op].text) < 0
            || unparse_expr(w, e->v.BinOp.right, prec + !right_assoc) < 0) {
        return -1;
    }
    return put_if(w, level > prec, ")");
}

static int
unparse_unaryop(PyUnicodeWriter *w, expr_ty e, int level)
{
    static const char *const ops[] = {
        [Invert] = "~", [Not] = "not ", [UAdd] = "+", [USub] = "-",
    };
    int prec = e->v.UnaryOp.op == Not ? PREC_NOT : PREC_FACTOR;
    if (put_if(w, level > prec, "(") < 0
            || put(w, ops[e->v.UnaryOp.op]) < 0
            || unparse_expr(w, e->v.UnaryOp.operand, prec) < 0) {
        return -1;
    }
    return put_if(w, level > prec, ")");
}

static int
unparse_arg(PyUnicodeWriter *w, arg_ty a, expr_ty dflt)
{
    if (PyUnicodeWriter_WriteStr(w, a->arg) < 0) {
        return -1;
    }
    if (a->annotation != NULL
            && (put(w, ": ") < 0 || unparse_expr(w, a->annotation, PREC_TEST) < 0)) {
        return -1;
    }
    if (dflt != NULL
            && (put(w, a->annotation ? " = " : "=") < 0
                || unparse_expr(w, dflt, PREC_TEST) < 0)) {
        return -1;
    }
    return 0;
}

/* A lambda's parameter list: a, /, b=1, *args, c, **kw */
static int
unparse_arguments(PyUnicodeWriter *w, arguments_ty a)
{
    int first = 1;
    Py_ssize_t npos = asdl_seq_LEN(a->posonlyargs);
    Py_ssize_t nargs = asdl_seq_LEN(a->args);
    Py_ssize_t ndefaults = asdl_seq_LEN(a->defaults);
    Py_ssize_t nall = npos + nargs;
    for (Py_ssize_t i = 0; i < nall; i++) {
        arg_ty arg = i < npos ? asdl_seq_GET(a->posonlyargs, i)
                              : asdl_seq_GET(a->args, i - npos);
        Py_ssize_t d = i - (nall - ndefaults);
        expr_ty dflt = d >= 0 ? asdl_seq_GET(a->defaults, d) : NULL;
        if ((!first && put(w, ", ") < 0) || unparse_arg(w, arg, dflt) < 0) {
            return -1;
        }
        first = 0;
        if (i == npos - 1 && put(w, ", /") < 0) {
            return -1;
        }
    }
    if (a->vararg != NULL || asdl_seq_LEN(a->kwonlyargs) > 0) {
        if ((!first && put(w, ", ") < 0) || put(w, "*") < 0
                || (a->vararg != NULL && unparse_arg(w, a->vararg, NULL) < 0)) {
            return -1;
        }
        first = 0;
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(a->kwonlyargs); i++) {
        if (put(w, ", ") < 0
                || unparse_arg(w, asdl_seq_GET(a->kwonlyargs, i),
                               asdl_seq_GET(a->kw_defaults, i)) < 0) {
            return -1;
        }
    }
    if (a->kwarg != NULL) {
        if ((!first && put(w, ", ") < 0) || put(w, "**") < 0
                || unparse_arg(w, a->kwarg, NULL) < 0) {
            return -1;
        }
    }
    return 0;
}

/* CPython separates "lambda" from its parameters only when there are
   positional ones: lambda a, *b: ... but lambda*b: ... */
static int
unparse_lambda(PyUnicodeWriter *w, expr_ty e, int level)
{
    arguments_ty a = e->v.Lambda.args;
    int positional = asdl_seq_LEN(a->posonlyargs) + asdl_seq_LEN(a->args) > 0;
    if (put_if(w, level > PREC_TEST, "(") < 0
            || put(w, positional ? "lambda " : "lambda") < 0
            || unparse_arguments(w, a) < 0
            || put(w, ": ") < 0
            || unparse_expr(w, e->v.Lambda.body, PREC_TEST) < 0) {
        return -1;
    }
    return put_if(w, level > PREC_TEST, ")");
}

static int
unparse_ifexp(PyUnicodeWriter *w, expr_ty e, int level)
{
    if (put_if(w, level > PREC_TEST, "(") < 0
            || unparse_expr(w, e->v.IfExp.body, PREC_TEST + 1) < 0
            || put(w, " if ") < 0
            || unparse_expr(w, e->v.IfExp.test, PREC_TEST + 1) < 0
            || put(w, " else ") < 0
            || unparse_expr(w, e->v.IfExp.orelse, PREC_TEST) < 0) {
        return -1;
    }
    return put_if(w, level > PREC_TEST, ")");
}

static int
unparse_dict(PyUnicodeWriter *w, expr_ty e)
{
    if (put(w, "{") < 0) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Dict.values); i++) {
        expr_ty key = asdl_seq_GET(e->v.Dict.keys, i);
        expr_ty value = asdl_seq_GET(e->v.Dict.values, i);
        if (i > 0 && put(w, ", ") < 0) {
            return -1;
        }
        if (key == NULL) {
            if (put(w, "**") < 0 || unparse_expr(w, value, PREC_BOR) < 0) {
                return -1;
            }
        }
        else if (unparse_expr(w, key, PREC_TEST) < 0 || put(w, ": ") < 0
                 || unparse_expr(w, value, PREC_TEST) < 0) {
            return -1;
        }
    }
    return put(w, "}");
}

static int
unparse_comprehensions(PyUnicodeWriter *w, asdl_comprehension_seq *gens)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(gens); i++) {
        comprehension_ty gen = asdl_seq_GET(gens, i);
        if (put(w, gen->is_async ? " async for " : " for ") < 0
                || unparse_expr(w, gen->target, PREC_TUPLE) < 0
                || put(w, " in ") < 0
                || unparse_expr(w, gen->iter, PREC_TEST + 1) < 0) {
            return -1;
        }
        for (Py_ssize_t k = 0; k < asdl_seq_LEN(gen->ifs); k++) {
            if (put(w, " if ") < 0
                    || unparse_expr(w, asdl_seq_GET(gen->ifs, k), PREC_TEST + 1) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

static int
unparse_comp(PyUnicodeWriter *w, const char *open, expr_ty elt, expr_ty value,
             asdl_comprehension_seq *gens, const char *close)
{
    if (put(w, open) < 0 || unparse_expr(w, elt, PREC_TEST) < 0
            || (value != NULL && (put(w, ": ") < 0
                                  || unparse_expr(w, value, PREC_TEST) < 0))
            || unparse_comprehensions(w, gens) < 0) {
        return -1;
    }
    return put(w, close);
}

static int
unparse_compare(PyUnicodeWriter *w, expr_ty e, int level)
{
    static const char *const ops[] = {
        [Eq] = " == ", [NotEq] = " != ", [Lt] = " < ", [LtE] = " <= ",
        [Gt] = " > ", [GtE] = " >= ", [Is] = " is ", [IsNot] = " is not ",
        [In] = " in ", [NotIn] = " not in ",
    };
    if (put_if(w, level > PREC_CMP, "(") < 0
            || unparse_expr(w, e->v.Compare.left, PREC_CMP + 1) < 0) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Compare.comparators); i++) {
        cmpop_ty op = (cmpop_ty)asdl_seq_GET(e->v.Compare.ops, i);
        if (put(w, ops[op]) < 0
                || unparse_expr(w, asdl_seq_GET(e->v.Compare.comparators, i),
                                PREC_CMP + 1) < 0) {
            return -1;
        }
    }
    return put_if(w, level > PREC_CMP, ")");
}

static int
unparse_call(PyUnicodeWriter *w, expr_ty e)
{
    asdl_expr_seq *args = e->v.Call.args;
    asdl_keyword_seq *kws = e->v.Call.keywords;
    if (unparse_expr(w, e->v.Call.func, PREC_ATOM) < 0) {
        return -1;
    }
    /* f(x for x in y): a lone generator argument needs no own parens. */
    if (asdl_seq_LEN(args) == 1 && asdl_seq_LEN(kws) == 0
            && asdl_seq_GET(args, 0)->kind == GeneratorExp_kind) {
        return unparse_expr(w, asdl_seq_GET(args, 0), PREC_TEST);
    }
    if (put(w, "(") < 0 || unparse_seq(w, args, PREC_TEST) < 0) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(kws); i++) {
        keyword_ty kw = asdl_seq_GET(kws, i);
        if ((i > 0 || asdl_seq_LEN(args) > 0) && put(w, ", ") < 0) {
            return -1;
        }
        if (kw->arg == NULL ? put(w, "**") < 0
                : (PyUnicodeWriter_WriteStr(w, kw->arg) < 0 || put(w, "=") < 0)) {
            return -1;
        }
        if (unparse_expr(w, kw->value, PREC_TEST) < 0) {
            return -1;
        }
    }
    return put(w, ")");
}

/* Infinite floats have no literal: 1e309 overflows to inf when read. */
static int
unparse_constant(PyUnicodeWriter *w, expr_ty e)
{
    PyObject *value = e->v.Constant.value;
    if (value == Py_Ellipsis) {
        return put(w, "...");
    }
    if (PyFloat_CheckExact(value) && isinf(PyFloat_AS_DOUBLE(value))) {
        return put(w, PyFloat_AS_DOUBLE(value) > 0 ? "1e309" : "-1e309");
    }
    if (PyComplex_CheckExact(value)) {
        Py_complex c = PyComplex_AsCComplex(value);
        if (isinf(c.real) || isinf(c.imag)) {
            PyObject *text = PyObject_Repr(value);
            PyObject *inf = PyUnicode_FromString("inf");
            PyObject *big = PyUnicode_FromString("1e309");
            PyObject *fixed = text && inf && big
                              ? PyUnicode_Replace(text, inf, big, -1) : NULL;
            Py_XDECREF(text);
            Py_XDECREF(inf);
            Py_XDECREF(big);
            if (fixed == NULL) {
                return -1;
            }
            int rc = PyUnicodeWriter_WriteStr(w, fixed);
            Py_DECREF(fixed);
            return rc;
        }
    }
    if (e->v.Constant.kind != NULL && put(w, "u") < 0) {
        return -1;
    }
    return PyUnicodeWriter_WriteRepr(w, value);
}

static int unparse_fstring_part(PyUnicodeWriter *body, expr_ty part);

/* An f-string's or t-string's format spec: its literal parts and nested
   fields, without quotes. */
static int
unparse_format_spec(PyUnicodeWriter *body, expr_ty spec)
{
    if (spec->kind != JoinedStr_kind) {
        return unparse_fstring_part(body, spec);
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(spec->v.JoinedStr.values); i++) {
        if (unparse_fstring_part(body, asdl_seq_GET(spec->v.JoinedStr.values, i)) < 0) {
            return -1;
        }
    }
    return 0;
}

/* A literal part with its braces doubled, or a {field}. */
static int
unparse_fstring_part(PyUnicodeWriter *body, expr_ty part)
{
    if (part->kind == Constant_kind) {
        PyObject *text = part->v.Constant.value;
        if (!PyUnicode_Check(text)) {
            return unparse_constant(body, part);
        }
        for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(text); i++) {
            Py_UCS4 ch = PyUnicode_READ_CHAR(text, i);
            if (PyUnicodeWriter_WriteChar(body, ch) < 0
                    || ((ch == '{' || ch == '}')
                        && PyUnicodeWriter_WriteChar(body, ch) < 0)) {
                return -1;
            }
        }
        return 0;
    }
    expr_ty value;
    int conversion;
    expr_ty spec;
    if (part->kind == FormattedValue_kind) {
        value = part->v.FormattedValue.value;
        conversion = part->v.FormattedValue.conversion;
        spec = part->v.FormattedValue.format_spec;
    }
    else if (part->kind == Interpolation_kind) {
        value = part->v.Interpolation.value;
        conversion = part->v.Interpolation.conversion;
        spec = part->v.Interpolation.format_spec;
    }
    else {
        return unparse_expr(body, part, PREC_TEST + 1);
    }
    PyUnicodeWriter *inner = PyUnicodeWriter_Create(0);
    if (inner == NULL) {
        return -1;
    }
    if (unparse_expr(inner, value, PREC_TEST + 1) < 0) {
        PyUnicodeWriter_Discard(inner);
        return -1;
    }
    PyObject *text = PyUnicodeWriter_Finish(inner);
    if (text == NULL) {
        return -1;
    }
    /* "{ {" keeps a set or dict display from reading as an escaped brace. */
    int spaced = PyUnicode_GET_LENGTH(text) > 0
                 && PyUnicode_READ_CHAR(text, 0) == '{';
    int rc = put(body, spaced ? "{ " : "{") < 0
             || PyUnicodeWriter_WriteStr(body, text) < 0 ? -1 : 0;
    Py_DECREF(text);
    if (rc < 0) {
        return -1;
    }
    if (conversion > 0 && (PyUnicodeWriter_WriteChar(body, '!') < 0
                           || PyUnicodeWriter_WriteChar(body, (Py_UCS4)conversion) < 0)) {
        return -1;
    }
    if (spec != NULL && (PyUnicodeWriter_WriteChar(body, ':') < 0
                         || unparse_format_spec(body, spec) < 0)) {
        return -1;
    }
    return PyUnicodeWriter_WriteChar(body, '}');
}

/* f'...' / t'...': the body, quoted the way repr() quotes a str. */
static int
unparse_fstring(PyUnicodeWriter *w, asdl_expr_seq *values, const char *prefix)
{
    PyUnicodeWriter *body = PyUnicodeWriter_Create(0);
    if (body == NULL) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(values); i++) {
        if (unparse_fstring_part(body, asdl_seq_GET(values, i)) < 0) {
            PyUnicodeWriter_Discard(body);
            return -1;
        }
    }
    PyObject *text = PyUnicodeWriter_Finish(body);
    if (text == NULL) {
        return -1;
    }
    int rc = put(w, prefix) < 0 || PyUnicodeWriter_WriteRepr(w, text) < 0 ? -1 : 0;
    Py_DECREF(text);
    return rc;
}

static int
unparse_attribute(PyUnicodeWriter *w, expr_ty e)
{
    expr_ty value = e->v.Attribute.value;
    if (unparse_expr(w, value, PREC_ATOM) < 0) {
        return -1;
    }
    /* 1 .real: "1." would read as a float. */
    int int_literal = value->kind == Constant_kind
                      && PyLong_CheckExact(value->v.Constant.value);
    if (put(w, int_literal ? " ." : ".") < 0) {
        return -1;
    }
    return PyUnicodeWriter_WriteStr(w, e->v.Attribute.attr);
}

static int
unparse_slice(PyUnicodeWriter *w, expr_ty e)
{
    if ((e->v.Slice.lower && unparse_expr(w, e->v.Slice.lower, PREC_TEST) < 0)
            || put(w, ":") < 0
            || (e->v.Slice.upper && unparse_expr(w, e->v.Slice.upper, PREC_TEST) < 0)) {
        return -1;
    }
    if (e->v.Slice.step != NULL
            && (put(w, ":") < 0 || unparse_expr(w, e->v.Slice.step, PREC_TEST) < 0)) {
        return -1;
    }
    return 0;
}

/* x[a, b] writes its tuple index without parentheses. */
static int
unparse_subscript(PyUnicodeWriter *w, expr_ty e)
{
    expr_ty index = e->v.Subscript.slice;
    if (unparse_expr(w, e->v.Subscript.value, PREC_ATOM) < 0 || put(w, "[") < 0) {
        return -1;
    }
    if (index->kind == Tuple_kind && asdl_seq_LEN(index->v.Tuple.elts) > 0) {
        asdl_expr_seq *elts = index->v.Tuple.elts;
        if (unparse_seq(w, elts, PREC_TEST) < 0
                || put_if(w, asdl_seq_LEN(elts) == 1, ",") < 0) {
            return -1;
        }
    }
    else if (unparse_expr(w, index, PREC_TUPLE) < 0) {
        return -1;
    }
    return put(w, "]");
}

static int
unparse_tuple(PyUnicodeWriter *w, expr_ty e, int level)
{
    asdl_expr_seq *elts = e->v.Tuple.elts;
    if (asdl_seq_LEN(elts) == 0) {
        return put(w, "()");
    }
    if (put_if(w, level > PREC_TUPLE, "(") < 0
            || unparse_seq(w, elts, PREC_TEST) < 0
            || put_if(w, asdl_seq_LEN(elts) == 1, ",") < 0) {
        return -1;
    }
    return put_if(w, level > PREC_TUPLE, ")");
}

static int
unparse_prefixed(PyUnicodeWriter *w, const char *prefix, expr_ty value,
                 int level)
{
    return put(w, prefix) < 0 ? -1 : unparse_expr(w, value, level);
}

static int
unparse_expr(PyUnicodeWriter *w, expr_ty e, int level)
{
    switch (e->kind) {
    case BoolOp_kind:
        return unparse_boolop(w, e, level);
    case NamedExpr_kind:
        if (put_if(w, level > PREC_TUPLE, "(") < 0
                || unparse_expr(w, e->v.NamedExpr.target, PREC_ATOM) < 0
                || put(w, " := ") < 0
                || unparse_expr(w, e->v.NamedExpr.value, PREC_ATOM) < 0) {
            return -1;
        }
        return put_if(w, level > PREC_TUPLE, ")");
    case BinOp_kind:
        return unparse_binop(w, e, level);
    case UnaryOp_kind:
        return unparse_unaryop(w, e, level);
    case Lambda_kind:
        return unparse_lambda(w, e, level);
    case IfExp_kind:
        return unparse_ifexp(w, e, level);
    case Dict_kind:
        return unparse_dict(w, e);
    case Set_kind:
        if (asdl_seq_LEN(e->v.Set.elts) == 0) {
            return put(w, "{*()}");
        }
        if (put(w, "{") < 0 || unparse_seq(w, e->v.Set.elts, PREC_TEST) < 0) {
            return -1;
        }
        return put(w, "}");
    case ListComp_kind:
        return unparse_comp(w, "[", e->v.ListComp.elt, NULL,
                            e->v.ListComp.generators, "]");
    case SetComp_kind:
        return unparse_comp(w, "{", e->v.SetComp.elt, NULL,
                            e->v.SetComp.generators, "}");
    case DictComp_kind:
        return unparse_comp(w, "{", e->v.DictComp.key, e->v.DictComp.value,
                            e->v.DictComp.generators, "}");
    case GeneratorExp_kind:
        return unparse_comp(w, "(", e->v.GeneratorExp.elt, NULL,
                            e->v.GeneratorExp.generators, ")");
    case Await_kind:
        if (put_if(w, level > PREC_AWAIT, "(") < 0
                || unparse_prefixed(w, "await ", e->v.Await.value, PREC_ATOM) < 0) {
            return -1;
        }
        return put_if(w, level > PREC_AWAIT, ")");
    case Yield_kind:
        if (put(w, "(yield") < 0
                || (e->v.Yield.value != NULL
                    && unparse_prefixed(w, " ", e->v.Yield.value, PREC_TEST) < 0)) {
            return -1;
        }
        return put(w, ")");
    case YieldFrom_kind:
        if (unparse_prefixed(w, "(yield from ", e->v.YieldFrom.value, PREC_TEST) < 0) {
            return -1;
        }
        return put(w, ")");
    case Compare_kind:
        return unparse_compare(w, e, level);
    case Call_kind:
        return unparse_call(w, e);
    case JoinedStr_kind:
        return unparse_fstring(w, e->v.JoinedStr.values, "f");
    case TemplateStr_kind:
        return unparse_fstring(w, e->v.TemplateStr.values, "t");
    case FormattedValue_kind:
    case Interpolation_kind:
        return unparse_fstring_part(w, e);
    case Constant_kind:
        return unparse_constant(w, e);
    case Attribute_kind:
        return unparse_attribute(w, e);
    case Subscript_kind:
        return unparse_subscript(w, e);
    case Starred_kind:
        return unparse_prefixed(w, "*", e->v.Starred.value, PREC_BOR);
    case Name_kind:
        return PyUnicodeWriter_WriteStr(w, e->v.Name.id);
    case List_kind:
        if (put(w, "[") < 0 || unparse_seq(w, e->v.List.elts, PREC_TEST) < 0) {
            return -1;
        }
        return put(w, "]");
    case Tuple_kind:
        return unparse_tuple(w, e, level);
    case Slice_kind:
        return unparse_slice(w, e);
    }
    PyErr_SetString(PyExc_SystemError, "unknown expression kind in annotation");
    return -1;
}

PyObject *
_PyAST_ExprAsUnicode(expr_ty e)
{
    PyUnicodeWriter *w = PyUnicodeWriter_Create(0);
    if (w == NULL) {
        return NULL;
    }
    if (unparse_expr(w, e, PREC_TEST) < 0) {
        PyUnicodeWriter_Discard(w);
        return NULL;
    }
    return PyUnicodeWriter_Finish(w);
}
