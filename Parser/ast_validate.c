/* _PyAST_Validate: checks a tree that did not come from the parser (the
   `ast` module lets programs build any tree and compile() it).  The rules
   and messages are CPython's: required fields, non-empty bodies, the
   expression contexts targets need, matching lengths of parallel
   sequences, constant types, identifiers that are not keywords, and the
   shapes match patterns may take.  The parser never builds a tree that
   fails these checks.

   Thread safety: reads a tree owned by the caller; no shared state. */
#include "Python.h"
#include "pycore_ast.h"

/* Deeper trees than this are refused rather than walked. */
#define MAX_VALIDATE_DEPTH 3000

typedef struct {
    int depth;
} State;

static int validate_expr(State *st, expr_ty e, expr_context_ty ctx);
static int validate_stmts(State *st, asdl_stmt_seq *seq);
static int validate_pattern(State *st, pattern_ty p, int star_ok);

static int
enter(State *st)
{
    if (++st->depth > MAX_VALIDATE_DEPTH) {
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded during compilation");
        return 0;
    }
    return 1;
}

static const char *
context_name(expr_context_ty ctx)
{
    switch (ctx) {
    case Load: return "Load";
    case Store: return "Store";
    case Del: return "Del";
    }
    return "unknown";
}

/* ---- leaves ------------------------------------------------------------------ */

static int
validate_name(PyObject *name)
{
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "identifier must be of type str");
        return 0;
    }
    static const char * const forbidden[] = {"None", "True", "False", NULL};
    for (int i = 0; forbidden[i] != NULL; i++) {
        if (PyUnicode_CompareWithASCIIString(name, forbidden[i]) == 0) {
            PyErr_Format(PyExc_ValueError, "identifier field can't represent "
                         "'%s' constant", forbidden[i]);
            return 0;
        }
    }
    return 1;
}

static int
validate_constant(PyObject *value)
{
    if (value == Py_None || value == Py_Ellipsis) {
        return 1;
    }
    if (PyLong_CheckExact(value) || PyFloat_CheckExact(value) ||
        PyComplex_CheckExact(value) || PyBool_Check(value) ||
        PyUnicode_CheckExact(value) || PyBytes_CheckExact(value)) {
        return 1;
    }
    if (PyTuple_CheckExact(value)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(value); i++) {
            if (!validate_constant(PyTuple_GET_ITEM(value, i))) {
                return 0;
            }
        }
        return 1;
    }
    if (PyFrozenSet_CheckExact(value)) {
        PyObject *it = PyObject_GetIter(value);
        if (it == NULL) {
            return 0;
        }
        PyObject *item;
        int ok = 1;
        while (ok && (item = PyIter_Next(it)) != NULL) {
            ok = validate_constant(item);
            Py_DECREF(item);
        }
        Py_DECREF(it);
        return ok && !PyErr_Occurred();
    }
    if (!PyErr_Occurred()) {
        PyErr_Format(PyExc_TypeError, "got an invalid type in Constant: %s",
                     Py_TYPE(value)->tp_name);
    }
    return 0;
}

/* ---- sequences ---------------------------------------------------------------- */

static int
validate_nonempty(asdl_seq *seq, const char *what, const char *owner)
{
    if (asdl_seq_LEN(seq) == 0) {
        PyErr_Format(PyExc_ValueError, "empty %s on %s", what, owner);
        return 0;
    }
    return 1;
}

static int
validate_exprs(State *st, asdl_expr_seq *seq, expr_context_ty ctx, int null_ok)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(seq); i++) {
        expr_ty e = asdl_seq_GET(seq, i);
        if (e == NULL) {
            if (null_ok) {
                continue;
            }
            PyErr_SetString(PyExc_ValueError,
                            "None disallowed in expression list");
            return 0;
        }
        if (!validate_expr(st, e, ctx)) {
            return 0;
        }
    }
    return 1;
}

static int
validate_opt_expr(State *st, expr_ty e, expr_context_ty ctx)
{
    return e == NULL || validate_expr(st, e, ctx);
}

static int
validate_body(State *st, asdl_stmt_seq *body, const char *owner)
{
    return validate_nonempty((asdl_seq *)body, "body", owner) &&
           validate_stmts(st, body);
}

/* ---- products ---------------------------------------------------------------- */

static int
validate_args(State *st, asdl_arg_seq *args)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        arg_ty a = asdl_seq_GET(args, i);
        if (!validate_name(a->arg) ||
            !validate_opt_expr(st, a->annotation, Load)) {
            return 0;
        }
    }
    return 1;
}

static int
validate_arguments(State *st, arguments_ty args)
{
    if (!validate_args(st, args->posonlyargs) || !validate_args(st, args->args)) {
        return 0;
    }
    if (args->vararg != NULL &&
        (!validate_name(args->vararg->arg) ||
         !validate_opt_expr(st, args->vararg->annotation, Load))) {
        return 0;
    }
    if (!validate_args(st, args->kwonlyargs)) {
        return 0;
    }
    if (args->kwarg != NULL &&
        (!validate_name(args->kwarg->arg) ||
         !validate_opt_expr(st, args->kwarg->annotation, Load))) {
        return 0;
    }
    if (asdl_seq_LEN(args->defaults) >
        asdl_seq_LEN(args->posonlyargs) + asdl_seq_LEN(args->args)) {
        PyErr_SetString(PyExc_ValueError, "more positional defaults than args "
                        "on arguments");
        return 0;
    }
    if (asdl_seq_LEN(args->kw_defaults) != asdl_seq_LEN(args->kwonlyargs)) {
        PyErr_SetString(PyExc_ValueError, "length of kwonlyargs is not the same "
                        "as kw_defaults on arguments");
        return 0;
    }
    return validate_exprs(st, args->defaults, Load, 0) &&
           validate_exprs(st, args->kw_defaults, Load, 1);
}

static int
validate_keywords(State *st, asdl_keyword_seq *keywords)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(keywords); i++) {
        keyword_ty k = asdl_seq_GET(keywords, i);
        if ((k->arg != NULL && !validate_name(k->arg)) ||
            !validate_expr(st, k->value, Load)) {
            return 0;
        }
    }
    return 1;
}

static int
validate_comprehension(State *st, asdl_comprehension_seq *gens)
{
    if (asdl_seq_LEN(gens) == 0) {
        PyErr_SetString(PyExc_ValueError, "comprehension with no generators");
        return 0;
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(gens); i++) {
        comprehension_ty c = asdl_seq_GET(gens, i);
        if (!validate_expr(st, c->target, Store) ||
            !validate_expr(st, c->iter, Load) ||
            !validate_exprs(st, c->ifs, Load, 0)) {
            return 0;
        }
    }
    return 1;
}

static int
validate_type_params(State *st, asdl_type_param_seq *params)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(params); i++) {
        type_param_ty tp = asdl_seq_GET(params, i);
        int ok;
        switch (tp->kind) {
        case TypeVar_kind:
            ok = validate_name(tp->v.TypeVar.name) &&
                 validate_opt_expr(st, tp->v.TypeVar.bound, Load) &&
                 validate_opt_expr(st, tp->v.TypeVar.default_value, Load);
            break;
        case ParamSpec_kind:
            ok = validate_name(tp->v.ParamSpec.name) &&
                 validate_opt_expr(st, tp->v.ParamSpec.default_value, Load);
            break;
        case TypeVarTuple_kind:
            ok = validate_name(tp->v.TypeVarTuple.name) &&
                 validate_opt_expr(st, tp->v.TypeVarTuple.default_value, Load);
            break;
        default:
            PyErr_SetString(PyExc_SystemError, "unknown type_param kind");
            ok = 0;
        }
        if (!ok) {
            return 0;
        }
    }
    return 1;
}

/* ---- expressions --------------------------------------------------------------- */

/* The context stored in e, or 0 for kinds that have none. */
static expr_context_ty
context_of(expr_ty e)
{
    switch (e->kind) {
    case Attribute_kind: return e->v.Attribute.ctx;
    case Subscript_kind: return e->v.Subscript.ctx;
    case Starred_kind: return e->v.Starred.ctx;
    case Name_kind: return e->v.Name.ctx;
    case List_kind: return e->v.List.ctx;
    case Tuple_kind: return e->v.Tuple.ctx;
    default: return 0;
    }
}

static int
validate_expr_kind(State *st, expr_ty e, expr_context_ty ctx)
{
    switch (e->kind) {
    case BoolOp_kind:
        if (asdl_seq_LEN(e->v.BoolOp.values) < 2) {
            PyErr_SetString(PyExc_ValueError, "BoolOp with less than 2 values");
            return 0;
        }
        return validate_exprs(st, e->v.BoolOp.values, Load, 0);
    case NamedExpr_kind:
        if (e->v.NamedExpr.target->kind != Name_kind) {
            PyErr_SetString(PyExc_TypeError, "NamedExpr target must be a Name");
            return 0;
        }
        return validate_expr(st, e->v.NamedExpr.target, Store) &&
               validate_expr(st, e->v.NamedExpr.value, Load);
    case BinOp_kind:
        return validate_expr(st, e->v.BinOp.left, Load) &&
               validate_expr(st, e->v.BinOp.right, Load);
    case UnaryOp_kind:
        return validate_expr(st, e->v.UnaryOp.operand, Load);
    case Lambda_kind:
        return validate_arguments(st, e->v.Lambda.args) &&
               validate_expr(st, e->v.Lambda.body, Load);
    case IfExp_kind:
        return validate_expr(st, e->v.IfExp.test, Load) &&
               validate_expr(st, e->v.IfExp.body, Load) &&
               validate_expr(st, e->v.IfExp.orelse, Load);
    case Dict_kind:
        if (asdl_seq_LEN(e->v.Dict.keys) != asdl_seq_LEN(e->v.Dict.values)) {
            PyErr_SetString(PyExc_ValueError, "Dict doesn't have the same "
                            "number of keys as values");
            return 0;
        }
        return validate_exprs(st, e->v.Dict.keys, Load, 1) &&
               validate_exprs(st, e->v.Dict.values, Load, 0);
    case Set_kind:
        return validate_exprs(st, e->v.Set.elts, Load, 0);
    case ListComp_kind:
        return validate_comprehension(st, e->v.ListComp.generators) &&
               validate_expr(st, e->v.ListComp.elt, Load);
    case SetComp_kind:
        return validate_comprehension(st, e->v.SetComp.generators) &&
               validate_expr(st, e->v.SetComp.elt, Load);
    case GeneratorExp_kind:
        return validate_comprehension(st, e->v.GeneratorExp.generators) &&
               validate_expr(st, e->v.GeneratorExp.elt, Load);
    case DictComp_kind:
        return validate_comprehension(st, e->v.DictComp.generators) &&
               validate_expr(st, e->v.DictComp.key, Load) &&
               validate_opt_expr(st, e->v.DictComp.value, Load);
    case Await_kind:
        return validate_expr(st, e->v.Await.value, Load);
    case Yield_kind:
        return validate_opt_expr(st, e->v.Yield.value, Load);
    case YieldFrom_kind:
        return validate_expr(st, e->v.YieldFrom.value, Load);
    case Compare_kind:
        if (asdl_seq_LEN(e->v.Compare.comparators) == 0) {
            PyErr_SetString(PyExc_ValueError, "Compare with no comparators");
            return 0;
        }
        if (asdl_seq_LEN(e->v.Compare.comparators) !=
            asdl_seq_LEN(e->v.Compare.ops)) {
            PyErr_SetString(PyExc_ValueError, "Compare has a different number "
                            "of comparators and operands");
            return 0;
        }
        return validate_exprs(st, e->v.Compare.comparators, Load, 0) &&
               validate_expr(st, e->v.Compare.left, Load);
    case Call_kind:
        return validate_expr(st, e->v.Call.func, Load) &&
               validate_exprs(st, e->v.Call.args, Load, 0) &&
               validate_keywords(st, e->v.Call.keywords);
    case FormattedValue_kind:
        return validate_expr(st, e->v.FormattedValue.value, Load) &&
               validate_opt_expr(st, e->v.FormattedValue.format_spec, Load);
    case Interpolation_kind:
        return validate_expr(st, e->v.Interpolation.value, Load) &&
               validate_opt_expr(st, e->v.Interpolation.format_spec, Load);
    case JoinedStr_kind:
        return validate_exprs(st, e->v.JoinedStr.values, Load, 0);
    case TemplateStr_kind:
        return validate_exprs(st, e->v.TemplateStr.values, Load, 0);
    case Constant_kind:
        return validate_constant(e->v.Constant.value);
    case Attribute_kind:
        return validate_name(e->v.Attribute.attr) &&
               validate_expr(st, e->v.Attribute.value, Load);
    case Subscript_kind:
        return validate_expr(st, e->v.Subscript.slice, Load) &&
               validate_expr(st, e->v.Subscript.value, Load);
    case Starred_kind:
        return validate_expr(st, e->v.Starred.value, ctx);
    case Slice_kind:
        return validate_opt_expr(st, e->v.Slice.lower, Load) &&
               validate_opt_expr(st, e->v.Slice.upper, Load) &&
               validate_opt_expr(st, e->v.Slice.step, Load);
    case List_kind:
        return validate_exprs(st, e->v.List.elts, ctx, 0);
    case Tuple_kind:
        return validate_exprs(st, e->v.Tuple.elts, ctx, 0);
    case Name_kind:
        return validate_name(e->v.Name.id);
    }
    PyErr_SetString(PyExc_SystemError, "unexpected expression");
    return 0;
}

/* A node's location must be a possible span: no end before its start,
   negative positions only as "none" (equal start and end). */
static int
validate_positions(int lineno, int col_offset, int end_lineno,
                   int end_col_offset)
{
    if (lineno > end_lineno) {
        PyErr_Format(PyExc_ValueError,
                     "AST node line range (%d, %d) is not valid",
                     lineno, end_lineno);
        return 0;
    }
    if ((lineno < 0 && end_lineno != lineno) ||
        (col_offset < 0 && col_offset != end_col_offset)) {
        PyErr_Format(PyExc_ValueError,
                     "AST node column range (%d, %d) for line range (%d, %d) "
                     "is not valid", col_offset, end_col_offset, lineno,
                     end_lineno);
        return 0;
    }
    if (lineno == end_lineno && col_offset > end_col_offset) {
        PyErr_Format(PyExc_ValueError,
                     "line %d, column %d-%d is not a valid range",
                     lineno, col_offset, end_col_offset);
        return 0;
    }
    return 1;
}
#define VALID_POSITIONS(n) \
    validate_positions((n)->lineno, (n)->col_offset, (n)->end_lineno, \
                       (n)->end_col_offset)

static int
validate_expr(State *st, expr_ty e, expr_context_ty ctx)
{
    if (e == NULL) {
        PyErr_SetString(PyExc_ValueError, "field must not be None");
        return 0;
    }
    if (!VALID_POSITIONS(e)) {
        return 0;
    }
    expr_context_ty actual = context_of(e);
    if (actual != 0 && actual != ctx) {
        PyErr_Format(PyExc_ValueError, "expression must have %s context but "
                     "has %s instead", context_name(ctx), context_name(actual));
        return 0;
    }
    if (actual == 0 && ctx != Load) {
        PyErr_Format(PyExc_ValueError, "expression which can't be assigned to "
                     "in %s context", context_name(ctx));
        return 0;
    }
    if (!enter(st)) {
        return 0;
    }
    int ok = validate_expr_kind(st, e, ctx);
    st->depth--;
    return ok;
}

/* ---- patterns ------------------------------------------------------------------- */

/* A MatchValue's value: a literal (signed or complex number, string,
   bytes) or a dotted name. */
static int
validate_pattern_value(State *st, expr_ty e)
{
    if (!validate_expr(st, e, Load)) {
        return 0;
    }
    switch (e->kind) {
    case Constant_kind: {
        /* Numbers, strings and bytes only: None, True and False belong in
           MatchSingleton, and Ellipsis or a tuple is no literal pattern. */
        PyObject *v = e->v.Constant.value;
        if (PyLong_CheckExact(v) || PyFloat_CheckExact(v) ||
            PyComplex_CheckExact(v) || PyUnicode_CheckExact(v) ||
            PyBytes_CheckExact(v)) {
            return 1;
        }
        PyErr_SetString(PyExc_ValueError, "unexpected constant inside of a "
                        "literal pattern");
        return 0;
    }
    case Attribute_kind:
        return 1;
    case UnaryOp_kind:
    case BinOp_kind:
        /* -1, 1+2j: checked for shape by the compiler, like CPython */
        return 1;
    case JoinedStr_kind:
    case TemplateStr_kind:
        break;
    default:
        break;
    }
    PyErr_SetString(PyExc_ValueError, "patterns may only match literals and "
                    "attribute lookups");
    return 0;
}

static int
validate_capture(PyObject *name)
{
    if (PyUnicode_Check(name) &&
        PyUnicode_CompareWithASCIIString(name, "_") == 0) {
        PyErr_SetString(PyExc_ValueError, "can't capture name '_' in patterns");
        return 0;
    }
    return validate_name(name);
}

static int
validate_patterns(State *st, asdl_pattern_seq *patterns, int star_ok)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(patterns); i++) {
        if (!validate_pattern(st, asdl_seq_GET(patterns, i), star_ok)) {
            return 0;
        }
    }
    return 1;
}

static int
validate_pattern_kind(State *st, pattern_ty p, int star_ok)
{
    switch (p->kind) {
    case MatchValue_kind:
        return validate_pattern_value(st, p->v.MatchValue.value);
    case MatchSingleton_kind: {
        PyObject *v = p->v.MatchSingleton.value;
        if (v != Py_None && v != Py_True && v != Py_False) {
            PyErr_SetString(PyExc_ValueError, "MatchSingleton can only contain "
                            "True, False and None");
            return 0;
        }
        return 1;
    }
    case MatchSequence_kind:
        return validate_patterns(st, p->v.MatchSequence.patterns, 1);
    case MatchMapping_kind:
        if (asdl_seq_LEN(p->v.MatchMapping.keys) !=
            asdl_seq_LEN(p->v.MatchMapping.patterns)) {
            PyErr_SetString(PyExc_ValueError, "MatchMapping doesn't have the "
                            "same number of keys as patterns");
            return 0;
        }
        if (p->v.MatchMapping.rest != NULL &&
            !validate_capture(p->v.MatchMapping.rest)) {
            return 0;
        }
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(p->v.MatchMapping.keys); i++) {
            expr_ty key = asdl_seq_GET(p->v.MatchMapping.keys, i);
            if (key != NULL && key->kind == Constant_kind) {
                /* None, True and False are valid keys. */
                if (!validate_expr(st, key, Load)) {
                    return 0;
                }
            }
            else if (key == NULL || !validate_pattern_value(st, key)) {
                if (key == NULL) {
                    PyErr_SetString(PyExc_ValueError, "can only have "
                                    "non-None keys in MatchMapping");
                }
                return 0;
            }
        }
        return validate_patterns(st, p->v.MatchMapping.patterns, 0);
    case MatchClass_kind: {
        expr_ty cls = p->v.MatchClass.cls;
        while (cls->kind == Attribute_kind) {
            cls = cls->v.Attribute.value;
        }
        if (cls->kind != Name_kind) {
            PyErr_SetString(PyExc_ValueError, "MatchClass cls field can only "
                            "contain Name or Attribute nodes.");
            return 0;
        }
        if (asdl_seq_LEN(p->v.MatchClass.kwd_attrs) !=
            asdl_seq_LEN(p->v.MatchClass.kwd_patterns)) {
            PyErr_SetString(PyExc_ValueError, "MatchClass doesn't have the same "
                            "number of keyword attributes as patterns");
            return 0;
        }
        if (!validate_expr(st, p->v.MatchClass.cls, Load)) {
            return 0;
        }
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(p->v.MatchClass.kwd_attrs); i++) {
            if (!validate_name(asdl_seq_GET(p->v.MatchClass.kwd_attrs, i))) {
                return 0;
            }
        }
        return validate_patterns(st, p->v.MatchClass.patterns, 0) &&
               validate_patterns(st, p->v.MatchClass.kwd_patterns, 0);
    }
    case MatchStar_kind:
        if (!star_ok) {
            PyErr_SetString(PyExc_ValueError, "can't use MatchStar here");
            return 0;
        }
        return p->v.MatchStar.name == NULL ||
               validate_capture(p->v.MatchStar.name);
    case MatchAs_kind:
        if (p->v.MatchAs.name != NULL && !validate_capture(p->v.MatchAs.name)) {
            return 0;
        }
        if (p->v.MatchAs.pattern == NULL) {
            return 1;
        }
        if (p->v.MatchAs.name == NULL) {
            PyErr_SetString(PyExc_ValueError, "MatchAs must specify a target "
                            "name if a pattern is given");
            return 0;
        }
        return validate_pattern(st, p->v.MatchAs.pattern, 0);
    case MatchOr_kind:
        if (asdl_seq_LEN(p->v.MatchOr.patterns) < 2) {
            PyErr_SetString(PyExc_ValueError, "MatchOr requires at least 2 "
                            "patterns");
            return 0;
        }
        return validate_patterns(st, p->v.MatchOr.patterns, 0);
    }
    PyErr_SetString(PyExc_SystemError, "unexpected pattern");
    return 0;
}

static int
validate_pattern(State *st, pattern_ty p, int star_ok)
{
    if (p == NULL) {
        PyErr_SetString(PyExc_ValueError, "None disallowed in pattern list");
        return 0;
    }
    if (!VALID_POSITIONS(p)) {
        return 0;
    }
    if (!enter(st)) {
        return 0;
    }
    int ok = validate_pattern_kind(st, p, star_ok);
    st->depth--;
    return ok;
}

/* ---- statements --------------------------------------------------------------------- */

static int
validate_withitems(State *st, asdl_withitem_seq *items, const char *owner)
{
    if (!validate_nonempty((asdl_seq *)items, "items", owner)) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(items); i++) {
        withitem_ty item = asdl_seq_GET(items, i);
        if (!validate_expr(st, item->context_expr, Load) ||
            !validate_opt_expr(st, item->optional_vars, Store)) {
            return 0;
        }
    }
    return 1;
}

static int
validate_try(State *st, asdl_stmt_seq *body, asdl_excepthandler_seq *handlers,
             asdl_stmt_seq *orelse, asdl_stmt_seq *finalbody, const char *owner)
{
    if (!validate_body(st, body, owner)) {
        return 0;
    }
    if (asdl_seq_LEN(handlers) == 0 && asdl_seq_LEN(finalbody) == 0) {
        PyErr_Format(PyExc_ValueError, "%s has neither except handlers nor "
                     "finalbody", owner);
        return 0;
    }
    if (asdl_seq_LEN(handlers) == 0 && asdl_seq_LEN(orelse) != 0) {
        PyErr_Format(PyExc_ValueError, "%s has orelse but no except handlers",
                     owner);
        return 0;
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(handlers); i++) {
        excepthandler_ty h = asdl_seq_GET(handlers, i);
        if (!validate_opt_expr(st, h->v.ExceptHandler.type, Load) ||
            (h->v.ExceptHandler.name != NULL &&
             !validate_name(h->v.ExceptHandler.name)) ||
            !validate_body(st, h->v.ExceptHandler.body, "ExceptHandler")) {
            return 0;
        }
    }
    return validate_stmts(st, finalbody) && validate_stmts(st, orelse);
}

static int
validate_function(State *st, stmt_ty s, const char *owner)
{
    /* FunctionDef and AsyncFunctionDef have the same layout. */
    return validate_body(st, s->v.FunctionDef.body, owner) &&
           validate_type_params(st, s->v.FunctionDef.type_params) &&
           validate_arguments(st, s->v.FunctionDef.args) &&
           validate_exprs(st, s->v.FunctionDef.decorator_list, Load, 0) &&
           validate_opt_expr(st, s->v.FunctionDef.returns, Load);
}

static int
validate_stmt_kind(State *st, stmt_ty s)
{
    switch (s->kind) {
    case FunctionDef_kind:
        return validate_name(s->v.FunctionDef.name) &&
               validate_function(st, s, "FunctionDef");
    case AsyncFunctionDef_kind:
        return validate_name(s->v.AsyncFunctionDef.name) &&
               validate_function(st, s, "AsyncFunctionDef");
    case ClassDef_kind:
        return validate_name(s->v.ClassDef.name) &&
               validate_body(st, s->v.ClassDef.body, "ClassDef") &&
               validate_type_params(st, s->v.ClassDef.type_params) &&
               validate_exprs(st, s->v.ClassDef.bases, Load, 0) &&
               validate_keywords(st, s->v.ClassDef.keywords) &&
               validate_exprs(st, s->v.ClassDef.decorator_list, Load, 0);
    case Return_kind:
        return validate_opt_expr(st, s->v.Return.value, Load);
    case Delete_kind:
        return validate_nonempty((asdl_seq *)s->v.Delete.targets, "targets",
                                 "Delete") &&
               validate_exprs(st, s->v.Delete.targets, Del, 0);
    case Assign_kind:
        return validate_nonempty((asdl_seq *)s->v.Assign.targets, "targets",
                                 "Assign") &&
               validate_exprs(st, s->v.Assign.targets, Store, 0) &&
               validate_expr(st, s->v.Assign.value, Load);
    case AugAssign_kind:
        return validate_expr(st, s->v.AugAssign.target, Store) &&
               validate_expr(st, s->v.AugAssign.value, Load);
    case AnnAssign_kind:
        if (s->v.AnnAssign.simple &&
            s->v.AnnAssign.target->kind != Name_kind) {
            PyErr_SetString(PyExc_TypeError, "AnnAssign with simple non-Name "
                            "target");
            return 0;
        }
        return validate_expr(st, s->v.AnnAssign.target, Store) &&
               validate_opt_expr(st, s->v.AnnAssign.value, Load) &&
               validate_expr(st, s->v.AnnAssign.annotation, Load);
    case TypeAlias_kind:
        if (s->v.TypeAlias.name->kind != Name_kind) {
            PyErr_SetString(PyExc_TypeError, "TypeAlias with non-Name name");
            return 0;
        }
        return validate_expr(st, s->v.TypeAlias.name, Store) &&
               validate_type_params(st, s->v.TypeAlias.type_params) &&
               validate_expr(st, s->v.TypeAlias.value, Load);
    case For_kind:
    case AsyncFor_kind:
        /* For and AsyncFor have the same layout. */
        return validate_expr(st, s->v.For.target, Store) &&
               validate_expr(st, s->v.For.iter, Load) &&
               validate_body(st, s->v.For.body,
                             s->kind == For_kind ? "For" : "AsyncFor") &&
               validate_stmts(st, s->v.For.orelse);
    case While_kind:
        return validate_expr(st, s->v.While.test, Load) &&
               validate_body(st, s->v.While.body, "While") &&
               validate_stmts(st, s->v.While.orelse);
    case If_kind:
        return validate_expr(st, s->v.If.test, Load) &&
               validate_body(st, s->v.If.body, "If") &&
               validate_stmts(st, s->v.If.orelse);
    case With_kind:
        return validate_withitems(st, s->v.With.items, "With") &&
               validate_body(st, s->v.With.body, "With");
    case AsyncWith_kind:
        return validate_withitems(st, s->v.AsyncWith.items, "AsyncWith") &&
               validate_body(st, s->v.AsyncWith.body, "AsyncWith");
    case Match_kind:
        if (!validate_expr(st, s->v.Match.subject, Load) ||
            !validate_nonempty((asdl_seq *)s->v.Match.cases, "cases", "Match")) {
            return 0;
        }
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(s->v.Match.cases); i++) {
            match_case_ty c = asdl_seq_GET(s->v.Match.cases, i);
            if (!validate_pattern(st, c->pattern, 0) ||
                !validate_opt_expr(st, c->guard, Load) ||
                !validate_body(st, c->body, "match_case")) {
                return 0;
            }
        }
        return 1;
    case Raise_kind:
        if (s->v.Raise.exc == NULL) {
            if (s->v.Raise.cause != NULL) {
                PyErr_SetString(PyExc_ValueError, "Raise with cause but no "
                                "exception");
                return 0;
            }
            return 1;
        }
        return validate_expr(st, s->v.Raise.exc, Load) &&
               validate_opt_expr(st, s->v.Raise.cause, Load);
    case Try_kind:
        return validate_try(st, s->v.Try.body, s->v.Try.handlers,
                            s->v.Try.orelse, s->v.Try.finalbody, "Try");
    case TryStar_kind:
        return validate_try(st, s->v.TryStar.body, s->v.TryStar.handlers,
                            s->v.TryStar.orelse, s->v.TryStar.finalbody,
                            "TryStar");
    case Assert_kind:
        return validate_expr(st, s->v.Assert.test, Load) &&
               validate_opt_expr(st, s->v.Assert.msg, Load);
    case Import_kind:
        return validate_nonempty((asdl_seq *)s->v.Import.names, "names",
                                 "Import");
    case ImportFrom_kind:
        if (s->v.ImportFrom.level < 0) {
            PyErr_SetString(PyExc_ValueError, "Negative ImportFrom level");
            return 0;
        }
        return validate_nonempty((asdl_seq *)s->v.ImportFrom.names, "names",
                                 "ImportFrom");
    case Global_kind:
        return validate_nonempty((asdl_seq *)s->v.Global.names, "names",
                                 "Global");
    case Nonlocal_kind:
        return validate_nonempty((asdl_seq *)s->v.Nonlocal.names, "names",
                                 "Nonlocal");
    case Expr_kind:
        return validate_expr(st, s->v.Expr.value, Load);
    case Pass_kind:
    case Break_kind:
    case Continue_kind:
        return 1;
    }
    PyErr_SetString(PyExc_SystemError, "unexpected statement");
    return 0;
}

static int
validate_stmts(State *st, asdl_stmt_seq *seq)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(seq); i++) {
        stmt_ty s = asdl_seq_GET(seq, i);
        if (s == NULL) {
            PyErr_SetString(PyExc_ValueError, "None disallowed in statement "
                            "list");
            return 0;
        }
        if (!VALID_POSITIONS(s)) {
            return 0;
        }
        if (!enter(st)) {
            return 0;
        }
        int ok = validate_stmt_kind(st, s);
        st->depth--;
        if (!ok) {
            return 0;
        }
    }
    return 1;
}

int
_PyAST_Validate(mod_ty mod)
{
    State st = {0};
    switch (mod->kind) {
    case Module_kind:
        return validate_stmts(&st, mod->v.Module.body);
    case Interactive_kind:
        return validate_stmts(&st, mod->v.Interactive.body);
    case Expression_kind:
        return validate_expr(&st, mod->v.Expression.body, Load);
    case FunctionType_kind:
        return validate_exprs(&st, mod->v.FunctionType.argtypes, Load, 0) &&
               validate_expr(&st, mod->v.FunctionType.returns, Load);
    }
    PyErr_SetString(PyExc_SystemError, "impossible module node");
    return 0;
}
