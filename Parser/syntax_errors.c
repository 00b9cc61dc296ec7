/* CPython's messages for common mistakes, and target checking.

   CPython finds these with "invalid_*" grammar rules tried after a failed
   parse; here the parser calls into this file at the point where the
   mistake shows (a '=' after something that cannot be assigned, an
   expression where a ',' was due, ...), and the functions below redo the
   small part of CPython's analysis that picks the message and location.

   Thread safety: works only on the Parser of the calling thread. */
#include "parser_private.h"

/* ---- naming expressions ---------------------------------------------------------- */

const char *
_PyParser_ExprName(expr_ty e)
{
    switch (e->kind) {
    case Attribute_kind: return "attribute";
    case Subscript_kind: return "subscript";
    case Starred_kind: return "starred";
    case Name_kind: return "name";
    case List_kind: return "list";
    case Tuple_kind: return "tuple";
    case Lambda_kind: return "lambda";
    case Call_kind: return "function call";
    case BoolOp_kind: case BinOp_kind: case UnaryOp_kind: return "expression";
    case GeneratorExp_kind: return "generator expression";
    case Yield_kind: case YieldFrom_kind: return "yield expression";
    case Await_kind: return "await expression";
    case ListComp_kind: return "list comprehension";
    case SetComp_kind: return "set comprehension";
    case DictComp_kind: return "dict comprehension";
    case Dict_kind: return "dict literal";
    case Set_kind: return "set display";
    case JoinedStr_kind: case FormattedValue_kind: return "f-string expression";
    case TemplateStr_kind: case Interpolation_kind: return "t-string expression";
    case Constant_kind: {
        PyObject *v = e->v.Constant.value;
        if (v == Py_None) {
            return "None";
        }
        if (v == Py_False) {
            return "False";
        }
        if (v == Py_True) {
            return "True";
        }
        if (v == Py_Ellipsis) {
            return "ellipsis";
        }
        return "literal";
    }
    case Compare_kind: return "comparison";
    case IfExp_kind: return "conditional expression";
    case NamedExpr_kind: return "named expression";
    case Slice_kind: return "slice";
    }
    return "expression";
}

/* ---- targets ------------------------------------------------------------------------ */

expr_ty
_PyParser_InvalidTarget(expr_ty e, int kind)
{
    if (e == NULL) {
        return NULL;
    }
    switch (e->kind) {
    case List_kind:
    case Tuple_kind: {
        asdl_expr_seq *elts = e->kind == List_kind ? e->v.List.elts
                                                   : e->v.Tuple.elts;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(elts); i++) {
            expr_ty bad = _PyParser_InvalidTarget(asdl_seq_GET(elts, i), kind);
            if (bad != NULL) {
                return bad;
            }
        }
        return NULL;
    }
    case Starred_kind:
        if (kind == DEL_TARGETS) {
            return e;
        }
        return _PyParser_InvalidTarget(e->v.Starred.value, kind);
    case Compare_kind:
        /* "for f() in x": the 'in' was taken for a comparison. */
        if (kind == FOR_TARGETS) {
            if (asdl_seq_GET(e->v.Compare.ops, 0) == In) {
                return _PyParser_InvalidTarget(e->v.Compare.left, kind);
            }
            return NULL;
        }
        return e;
    case Name_kind:
    case Subscript_kind:
    case Attribute_kind:
        return NULL;
    default:
        return e;
    }
}

static void
apply_context(expr_ty e, expr_context_ty ctx)
{
    switch (e->kind) {
    case Name_kind:
        e->v.Name.ctx = ctx;
        break;
    case Attribute_kind:
        e->v.Attribute.ctx = ctx;
        break;
    case Subscript_kind:
        e->v.Subscript.ctx = ctx;
        break;
    case Starred_kind:
        e->v.Starred.ctx = ctx;
        apply_context(e->v.Starred.value, ctx);
        break;
    case List_kind:
        e->v.List.ctx = ctx;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.List.elts); i++) {
            apply_context(asdl_seq_GET(e->v.List.elts, i), ctx);
        }
        break;
    case Tuple_kind:
        e->v.Tuple.ctx = ctx;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Tuple.elts); i++) {
            apply_context(asdl_seq_GET(e->v.Tuple.elts, i), ctx);
        }
        break;
    default:
        break;
    }
}

expr_ty
_PyParser_SetContext(Parser *p, expr_ty e, expr_context_ty ctx, int kind)
{
    expr_ty bad = _PyParser_InvalidTarget(e, kind);
    if (bad != NULL) {
        return RAISE_NODE(bad, kind == DEL_TARGETS ? "cannot delete %s"
                          : "cannot assign to %s", _PyParser_ExprName(bad));
    }
    apply_context(e, ctx);
    return e;
}

/* ---- shapes of the source ------------------------------------------------------ */

/* The token index where node e starts (searching from `from`). */
static Py_ssize_t
token_at(Parser *p, Py_ssize_t from, int lineno, int col)
{
    for (Py_ssize_t i = from; i < p->ntokens; i++) {
        PToken *t = &p->tokens[i];
        if (t->t.lineno > lineno ||
            (t->t.lineno == lineno && t->t.col_offset >= col)) {
            return i;
        }
    }
    return p->ntokens - 1;
}

/* The first token after the end of node e (searching from `from`). */
static Py_ssize_t
token_after(Parser *p, Py_ssize_t from, int end_lineno, int end_col)
{
    for (Py_ssize_t i = from; i < p->ntokens; i++) {
        PToken *t = &p->tokens[i];
        if (t->t.lineno > end_lineno ||
            (t->t.lineno == end_lineno && t->t.col_offset >= end_col)) {
            return i;
        }
    }
    return p->ntokens - 1;
}

/* e is exactly one NAME token in the source (not "(x)"). */
static int
is_bare_name(Parser *p, expr_ty e, Py_ssize_t from)
{
    if (e->kind != Name_kind) {
        return 0;
    }
    PToken *t = &p->tokens[token_at(p, from, e->lineno, e->col_offset)];
    return t->t.type == NAME && t->t.lineno == e->lineno &&
           t->t.col_offset == e->col_offset &&
           t->t.end_col_offset == e->end_col_offset;
}

/* e is written inside parentheses of its own, "(yield)": an atom.  The
   node's location excludes them, so the tokens around it tell. */
static int
is_parenthesized(Parser *p, expr_ty e, Py_ssize_t from)
{
    Py_ssize_t i = token_at(p, from, e->lineno, e->col_offset);
    Py_ssize_t j = token_after(p, i, e->end_lineno, e->end_col_offset);
    return i > from && p->tokens[i - 1].t.type == LPAR &&
           p->tokens[j].t.type == RPAR;
}

/* Could e come from CPython's bitwise_or rule (no comparison, boolean
   operator, conditional, lambda, star, walrus or yield at its top)? */
static int
is_bitwise_or_level(expr_ty e)
{
    switch (e->kind) {
    case Compare_kind: case BoolOp_kind: case IfExp_kind: case Lambda_kind:
    case Starred_kind: case NamedExpr_kind: case Yield_kind:
    case YieldFrom_kind:
        return 0;
    case UnaryOp_kind:
        return e->v.UnaryOp.op != Not;
    default:
        return 1;
    }
}

/* The source at e's start reads as a list, tuple or generator display, or
   True/None/False (CPython's lookahead that keeps "[a, b] = 1" out of the
   "Maybe you meant '=='" message). */
static int
starts_with_display(Parser *p, expr_ty e, Py_ssize_t from)
{
    /* Walk down the leftmost operands to the expression at e's start. */
    expr_ty left = e;
    for (;;) {
        switch (left->kind) {
        case BinOp_kind: left = left->v.BinOp.left; continue;
        case Attribute_kind: left = left->v.Attribute.value; continue;
        case Subscript_kind: left = left->v.Subscript.value; continue;
        case Call_kind: left = left->v.Call.func; continue;
        default: break;
        }
        break;
    }
    PToken *t = &p->tokens[token_at(p, from, e->lineno, e->col_offset)];
    if (t->t.type == LSQB) {
        return left->kind == List_kind;
    }
    if (t->t.type == LPAR) {
        return left->kind == Tuple_kind || left->kind == GeneratorExp_kind;
    }
    return t->t.type == NAME && (t->kw == KW_True || t->kw == KW_None ||
                                 t->kw == KW_False);
}

/* Speculatively: starting at token index `pos`, a bitwise_or that is not
   followed by '=' or ':='.  Returns it (or NULL); the position is
   restored. */
static expr_ty
rhs_not_assigned(Parser *p, Py_ssize_t pos)
{
    Mark m = mark(p);
    p->pos = pos;
    quiet_begin(p);
    expr_ty rhs = NULL;
    if (_PyParser_AtExpressionStart(p) && !at_kw(p, KW_not) &&
        !at_kw(p, KW_lambda)) {
        rhs = _PyParser_BitwiseOr(p);
    }
    int ok = rhs != NULL && !at(p, EQUAL) && !at(p, COLONEQUAL);
    quiet_end(p);
    reset(p, m);
    return ok ? rhs : NULL;
}

/* CPython's invalid_named_expression for `e '=' rhs`: raises and returns
   1 if it applies.  eq_pos is the token index of the '='. */
static int
named_expression_message(Parser *p, expr_ty e, Py_ssize_t from,
                         Py_ssize_t eq_pos)
{
    expr_ty rhs = rhs_not_assigned(p, eq_pos + 1);
    if (rhs == NULL || p->fatal) {
        return 0;
    }
    if (is_bare_name(p, e, from)) {
        RAISE_RANGE(e, rhs, "invalid syntax. Maybe you meant '==' or ':=' "
                    "instead of '='?");
        return 1;
    }
    if ((is_bitwise_or_level(e) || is_parenthesized(p, e, from)) &&
        !starts_with_display(p, e, from)) {
        RAISE_NODE(e, "cannot assign to %s here. Maybe you meant '==' "
                   "instead of '='?", _PyParser_ExprName(e));
        return 1;
    }
    return 0;
}

void *
_PyParser_InvalidNamedExpression(Parser *p, expr_ty e, Mark e_start)
{
    named_expression_message(p, e, e_start.pos, p->pos);
    return NULL;
}

void *
_PyParser_InvalidAssignment(Parser *p, asdl_expr_seq *targets, Mark stmt)
{
    expr_ty first = asdl_seq_GET(targets, 0);
    /* The elements of an unparenthesized tuple target are checked one by
       one, as CPython's star_named_expressions are; only the last is
       followed by '='. */
    expr_ty last = first;
    Py_ssize_t first_tok = token_at(p, stmt.pos, first->lineno,
                                    first->col_offset);
    if (first->kind == Tuple_kind && asdl_seq_LEN(first->v.Tuple.elts) > 0 &&
        p->tokens[first_tok].t.type != LPAR) {
        asdl_expr_seq *elts = first->v.Tuple.elts;
        last = asdl_seq_GET(elts, asdl_seq_LEN(elts) - 1);
    }
    Py_ssize_t eq = token_after(p, stmt.pos, last->end_lineno,
                                last->end_col_offset);
    if (is_parenthesized(p, last, stmt.pos)) {
        eq++;       /* past the ')' of "(yield) = 1" */
    }
    if (p->tokens[eq].t.type == EQUAL &&
        named_expression_message(p, last, stmt.pos, eq)) {
        return NULL;
    }
    if (p->fatal) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(targets); i++) {
        expr_ty t = asdl_seq_GET(targets, i);
        if ((t->kind == Yield_kind || t->kind == YieldFrom_kind) &&
            !is_parenthesized(p, t, stmt.pos)) {
            return RAISE_NODE(t, "assignment to yield expression not possible");
        }
        expr_ty bad = _PyParser_InvalidTarget(t, STAR_TARGETS);
        if (bad != NULL) {
            return RAISE_NODE(bad, "cannot assign to %s",
                              _PyParser_ExprName(bad));
        }
    }
    return _PyParser_GenericError(p);
}

/* ---- an expression where none may follow ------------------------------------------- */

/* The last "disjunction" of e, which CPython's comma check starts from. */
static expr_ty
trailing_disjunction(expr_ty e)
{
    for (;;) {
        switch (e->kind) {
        case IfExp_kind: e = e->v.IfExp.orelse; continue;
        case Lambda_kind: e = e->v.Lambda.body; continue;
        case NamedExpr_kind: e = e->v.NamedExpr.value; continue;
        case Starred_kind: e = e->v.Starred.value; continue;
        default: return e;
        }
    }
}

static int
is_legacy_name(expr_ty e)
{
    return e->kind == Name_kind &&
           (PyUnicode_CompareWithASCIIString(e->v.Name.id, "print") == 0 ||
            PyUnicode_CompareWithASCIIString(e->v.Name.id, "exec") == 0);
}

static int
is_soft_keyword_token(PToken *t)
{
    return _PyParser_TokenIs(t, "match") || _PyParser_TokenIs(t, "case") ||
           _PyParser_TokenIs(t, "type") || _PyParser_TokenIs(t, "_") ||
           _PyParser_TokenIs(t, "lazy");
}

void *
_PyParser_ErrorAfterExpression(Parser *p, expr_ty e, Mark e_start)
{
    if (p->fatal) {
        return NULL;
    }
    Mark here = mark(p);
    Py_ssize_t start_tok = token_at(p, e_start.pos, e->lineno, e->col_offset);

    /* print "x": Python 2's statement */
    if (is_legacy_name(e) && is_bare_name(p, e, e_start.pos) && !at(p, LPAR)) {
        quiet_begin(p);
        expr_ty rest = _PyParser_StarExpressions(p);
        quiet_end(p);
        reset(p, here);
        if (p->fatal) {
            return NULL;
        }
        if (rest != NULL) {
            PyObject *name = e->v.Name.id;
            return RAISE_RANGE(e, rest, "Missing parentheses in call to '%U'. "
                               "Did you mean %U(...)?", name, name);
        }
    }

    /* "[a b]": two expressions in a row inside brackets */
    expr_ty a = trailing_disjunction(e);
    Py_ssize_t a_tok = token_at(p, start_tok, a->lineno, a->col_offset);
    PToken *at_a = &p->tokens[a_tok];
    int excluded = is_soft_keyword_token(at_a) ||
                   (at_a->t.type == NAME && a_tok + 1 < p->ntokens &&
                    p->tokens[a_tok + 1].t.type == STRING) ||
                   is_legacy_name(a);
    if (!excluded && a->kind != Yield_kind && a->kind != YieldFrom_kind) {
        quiet_begin(p);
        expr_ty b = _PyParser_Expression(p);
        int inside = b != NULL && p->pos > 0 &&
                     p->tokens[p->pos - 1].t.level > 0;
        quiet_end(p);
        reset(p, here);
        if (p->fatal) {
            return NULL;
        }
        if (b != NULL && inside) {
            return RAISE_RANGE(a, b, "invalid syntax. Perhaps you forgot a "
                               "comma?");
        }
    }
    return _PyParser_GenericError(p);
}
