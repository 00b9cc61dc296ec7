/* Expression rules of the parser, from star_expressions down to atoms,
   plus displays, comprehensions, lambdas, slices and assignment targets.

   Binary operators of one precedence level are parsed by a loop (they
   are left-associative), prefix operators ('-', '+', '~', 'not') by
   collecting them first, so long chains cost no recursion; '**' and
   nesting through brackets recurse under the depth guard.

   Thread safety: works only on the Parser of the calling thread. */
#include "parser_private.h"

static expr_ty named_expression(Parser *p, int check_assign);
static expr_ty star_named_expression(Parser *p);

/* ---- helpers ----------------------------------------------------------------- */

int
_PyParser_CanStartExpression(PToken *t)
{
    switch (t->t.type) {
    case NAME:
        switch (t->kw) {
        case KW_NONE: case KW_None: case KW_True: case KW_False:
        case KW_not: case KW_lambda: case KW_await:
            return 1;
        default:
            return 0;
        }
    case NUMBER: case STRING: case FSTRING_START: case TSTRING_START:
    case LPAR: case LSQB: case LBRACE: case MINUS: case PLUS: case TILDE:
    case ELLIPSIS:
        return 1;
    default:
        return 0;
    }
}

int
_PyParser_AtExpressionStart(Parser *p)
{
    return _PyParser_CanStartExpression(cur(p));
}

static asdl_expr_seq *
singleton(Parser *p, expr_ty e)
{
    asdl_expr_seq *seq = _Py_asdl_expr_seq_new(1, p->arena);
    if (seq == NULL) {
        return _PyParser_Fatal(p);
    }
    asdl_seq_SET(seq, 0, e);
    return seq;
}

/* A rule that could not start: the generic message, unless one was
   already raised. */
static void *
fail(Parser *p)
{
    return p->error ? NULL : _PyParser_GenericError(p);
}

/* After an element of a bracketed list, the list must go on with ',' or
   end with `closer`. */
static void *
list_continuation_error(Parser *p, expr_ty last, Mark last_start)
{
    if (_PyParser_AtExpressionStart(p)) {
        return _PyParser_ErrorAfterExpression(p, last, last_start);
    }
    return _PyParser_GenericError(p);
}

/* ---- yield, lambda ------------------------------------------------------------- */

expr_ty
_PyParser_YieldExpr(Parser *p)
{
    Start s = start_here(p);
    if (!accept_kw(p, KW_yield)) {
        return fail(p);
    }
    if (accept_kw(p, KW_from)) {
        expr_ty value = _PyParser_Expression(p);
        if (value == NULL) {
            return NULL;
        }
        return _PyAST_YieldFrom(value, EXTRA(s));
    }
    expr_ty value = NULL;
    if (_PyParser_AtExpressionStart(p) || at(p, STAR)) {
        value = _PyParser_StarExpressions(p);
        if (value == NULL) {
            return NULL;
        }
    }
    return _PyAST_Yield(value, EXTRA(s));
}

expr_ty
_PyParser_AnnotatedRhs(Parser *p)
{
    if (at_kw(p, KW_yield)) {
        return _PyParser_YieldExpr(p);
    }
    return _PyParser_StarExpressions(p);
}

expr_ty
_PyParser_Lambda(Parser *p)
{
    Start s = start_here(p);
    PToken lambda_tok = *cur(p);
    if (!accept_kw(p, KW_lambda)) {
        return fail(p);
    }
    arguments_ty args = _PyParser_Parameters(p, 1, COLON);
    if (args == NULL) {
        return NULL;
    }
    PToken colon = *cur(p);
    if (!accept(p, COLON)) {
        return fail(p);
    }
    int t = cur_type(p);
    if (t == FSTRING_MIDDLE || t == TSTRING_MIDDLE ||
        (t == LBRACE && _PyParser_Peek(p, -1)->t.type == COLON &&
         p->tok->nfstrings > 0)) {
        /* In a replacement field the ':' began the format spec. */
        return _PyParser_RaiseAt(p, PyExc_SyntaxError, lambda_tok.t.lineno,
                                 lambda_tok.t.col_offset, colon.t.end_lineno,
                                 colon.t.end_col_offset,
                                 "%c-string: lambda expressions are not "
                                 "allowed without parentheses",
                                 t == TSTRING_MIDDLE ? 't' : 'f');
    }
    expr_ty body = _PyParser_Expression(p);
    if (body == NULL) {
        return NULL;
    }
    return _PyAST_Lambda(args, body, EXTRA(s));
}

/* ---- the operator ladder ------------------------------------------------------- */

static expr_ty factor(Parser *p);

/* atom trailers: '.' NAME, '(' args ')', '[' slices ']' */
expr_ty
_PyParser_Primary(Parser *p)
{
    Start s = start_here(p);
    expr_ty e = _PyParser_Atom(p);
    if (e == NULL) {
        return NULL;
    }
    for (;;) {
        int t = cur_type(p);
        if (t == DOT) {
            advance(p);
            identifier name = _PyParser_Name(p);
            if (name == NULL) {
                return fail(p);
            }
            e = _PyAST_Attribute(e, name, Load, EXTRA(s));
        }
        else if (t == LPAR) {
            e = _PyParser_CallTrailer(p, e, s);
        }
        else if (t == LSQB) {
            advance(p);
            expr_ty slice = _PyParser_Slices(p);
            if (slice == NULL) {
                return NULL;
            }
            if (!accept(p, RSQB)) {
                return fail(p);
            }
            e = _PyAST_Subscript(e, slice, Load, EXTRA(s));
        }
        else {
            return e;
        }
        if (e == NULL) {
            return p->error ? NULL : _PyParser_Fatal(p);
        }
    }
}

/* power: ['await'] primary ['**' factor] */
static expr_ty
power(Parser *p)
{
    ENTER(p, NULL);
    Start s = start_here(p);
    expr_ty e;
    if (accept_kw(p, KW_await)) {
        expr_ty value = _PyParser_Primary(p);
        e = value == NULL || CHECK_VERSION(5, "Await expressions are") < 0
            ? NULL : _PyAST_Await(value, EXTRA(s));
    }
    else {
        e = _PyParser_Primary(p);
    }
    if (e != NULL && accept(p, DOUBLESTAR)) {
        expr_ty right = factor(p);
        e = right == NULL ? NULL : _PyAST_BinOp(e, Pow, right, EXTRA(s));
    }
    LEAVE(p);
    return e;
}

static expr_ty inversion(Parser *p);

/* "3 + not x", "- not x": a 'not' right after an arithmetic or unary
   operator (CPython's invalid_arithmetic and invalid_factor); the error
   spans the 'not' and its operand (`operand`: inversion or factor). */
static expr_ty
not_after_operator(Parser *p, expr_ty (*operand)(Parser *))
{
    PToken not_tok = *cur(p);
    advance(p);     /* 'not' */
    if (operand(p) == NULL) {
        return NULL;
    }
    return _PyParser_RaiseAt(p, PyExc_SyntaxError, not_tok.t.lineno,
                             not_tok.t.col_offset, p->end_lineno, p->end_col,
                             "'not' after an operator must be parenthesized");
}

/* factor: ('+' | '-' | '~')* power, each prefix applying to the rest */
static expr_ty
factor(Parser *p)
{
    Vec ops = VEC_INIT, starts = VEC_INIT;
    for (;;) {
        int t = cur_type(p);
        unaryop_ty op = t == MINUS ? USub : t == PLUS ? UAdd
                        : t == TILDE ? Invert : 0;
        if (!op) {
            break;
        }
        /* Each operator nests the tree one level deeper: count it against
           the depth limit like a recursive rule.  Remember its token
           index: its start is the node's. */
        ENTER(p, (p->depth -= (int)ops.n, NULL));
        if (vec_push(&ops, (intptr_t)op) < 0 ||
            vec_push(&starts, (intptr_t)p->pos) < 0) {
            p->depth -= (int)ops.n;
            return NULL;
        }
        advance(p);
    }
    expr_ty e = ops.n > 0 && at_kw(p, KW_not)
                ? not_after_operator(p, factor) : power(p);
    for (Py_ssize_t i = ops.n - 1; i >= 0 && e != NULL; i--) {
        PToken *tk = &p->tokens[(intptr_t)starts.items[i]];
        Start s = {tk->t.lineno, tk->t.col_offset};
        e = _PyAST_UnaryOp((unaryop_ty)(intptr_t)ops.items[i], e, EXTRA(s));
    }
    p->depth -= (int)ops.n;
    return e;
}

/* The binary operator at the current token for one precedence level. */
enum { LEVEL_TERM, LEVEL_SUM, LEVEL_SHIFT, LEVEL_AND, LEVEL_XOR, LEVEL_OR };

static operator_ty
binop_at(Parser *p, int level)
{
    switch (cur_type(p)) {
    case STAR: return level == LEVEL_TERM ? Mult : 0;
    case SLASH: return level == LEVEL_TERM ? Div : 0;
    case DOUBLESLASH: return level == LEVEL_TERM ? FloorDiv : 0;
    case PERCENT: return level == LEVEL_TERM ? Mod : 0;
    case AT: return level == LEVEL_TERM ? MatMult : 0;
    case PLUS: return level == LEVEL_SUM ? Add : 0;
    case MINUS: return level == LEVEL_SUM ? Sub : 0;
    case LEFTSHIFT: return level == LEVEL_SHIFT ? LShift : 0;
    case RIGHTSHIFT: return level == LEVEL_SHIFT ? RShift : 0;
    case AMPER: return level == LEVEL_AND ? BitAnd : 0;
    case CIRCUMFLEX: return level == LEVEL_XOR ? BitXor : 0;
    case VBAR: return level == LEVEL_OR ? BitOr : 0;
    default: return 0;
    }
}

static expr_ty
binary_level(Parser *p, int level)
{
    Start s = start_here(p);
    expr_ty e = level == LEVEL_TERM ? factor(p) : binary_level(p, level - 1);
    while (e != NULL) {
        operator_ty op = binop_at(p, level);
        if (!op) {
            break;
        }
        advance(p);
        if (level <= LEVEL_SUM && at_kw(p, KW_not)) {
            return not_after_operator(p, inversion);
        }
        expr_ty right = level == LEVEL_TERM ? factor(p)
                                            : binary_level(p, level - 1);
        if (right == NULL ||
            (op == MatMult && CHECK_VERSION(5, "The '@' operator is") < 0)) {
            return NULL;
        }
        e = _PyAST_BinOp(e, op, right, EXTRA(s));
    }
    return e;
}

expr_ty
_PyParser_BitwiseOr(Parser *p)
{
    return binary_level(p, LEVEL_OR);
}

/* The comparison operator at the current token (consumed), or 0. */
static cmpop_ty
compare_op(Parser *p)
{
    PToken *t = cur(p);
    switch (t->t.type) {
    case EQEQUAL: advance(p); return Eq;
    case NOTEQUAL:
        if (t->t.end - t->t.start == 2 && t->t.start[0] == '<'
            && !p->feature_barry) {
            /* "<>" without barry_as_FLUFL. */
            return 0;
        }
        advance(p);
        return NotEq;
    case LESS: advance(p); return Lt;
    case LESSEQUAL: advance(p); return LtE;
    case GREATER: advance(p); return Gt;
    case GREATEREQUAL: advance(p); return GtE;
    case NAME:
        if (t->kw == KW_in) {
            advance(p);
            return In;
        }
        if (t->kw == KW_is) {
            advance(p);
            return accept_kw(p, KW_not) ? IsNot : Is;
        }
        if (t->kw == KW_not && peek_kw(p, 1, KW_in)) {
            advance(p);
            advance(p);
            return NotIn;
        }
        return 0;
    default:
        return 0;
    }
}

static expr_ty
comparison(Parser *p)
{
    Start s = start_here(p);
    expr_ty left = _PyParser_BitwiseOr(p);
    if (left == NULL) {
        return NULL;
    }
    Vec ops = VEC_INIT, comparators = VEC_INIT;
    cmpop_ty op;
    while ((op = compare_op(p)) != 0) {
        expr_ty right = _PyParser_BitwiseOr(p);
        if (right == NULL || vec_push(&ops, (intptr_t)op) < 0 ||
            vec_push(&comparators, right) < 0) {
            return NULL;
        }
    }
    if (ops.n == 0) {
        return left;
    }
    asdl_int_seq *opseq = _PyParser_VecIntSeq(p, &ops);
    asdl_expr_seq *cmps = VEC_SEQ(asdl_expr_seq, &comparators);
    if (opseq == NULL || cmps == NULL) {
        return NULL;
    }
    return _PyAST_Compare(left, opseq, cmps, EXTRA(s));
}

/* inversion: 'not'* comparison */
static expr_ty
inversion(Parser *p)
{
    Vec starts = VEC_INIT;
    while (at_kw(p, KW_not)) {
        ENTER(p, (p->depth -= (int)starts.n, NULL));
        if (vec_push(&starts, (intptr_t)p->pos) < 0) {
            p->depth -= (int)starts.n;
            return NULL;
        }
        advance(p);
    }
    expr_ty e = comparison(p);
    for (Py_ssize_t i = starts.n - 1; i >= 0 && e != NULL; i--) {
        PToken *tk = &p->tokens[(intptr_t)starts.items[i]];
        Start s = {tk->t.lineno, tk->t.col_offset};
        e = _PyAST_UnaryOp(Not, e, EXTRA(s));
    }
    p->depth -= (int)starts.n;
    return e;
}

/* conjunction / disjunction: and/or chains as one BoolOp */
static expr_ty
bool_chain(Parser *p, int kw, boolop_ty op)
{
    Start s = start_here(p);
    expr_ty e = kw == KW_and ? inversion(p) : bool_chain(p, KW_and, And);
    if (e == NULL || !at_kw(p, kw)) {
        return e;
    }
    Vec values = VEC_INIT;
    if (vec_push(&values, e) < 0) {
        return NULL;
    }
    while (accept_kw(p, kw)) {
        expr_ty next = kw == KW_and ? inversion(p) : bool_chain(p, KW_and, And);
        if (next == NULL || vec_push(&values, next) < 0) {
            return NULL;
        }
    }
    asdl_expr_seq *seq = VEC_SEQ(asdl_expr_seq, &values);
    return seq == NULL ? NULL : _PyAST_BoolOp(op, seq, EXTRA(s));
}

expr_ty
_PyParser_Disjunction(Parser *p)
{
    return bool_chain(p, KW_or, Or);
}

/* Keywords that begin a statement: "x if y else pass" gets its own
   message. */
static int
at_statement_keyword(Parser *p)
{
    PToken *t = cur(p);
    if (t->t.type != NAME) {
        return 0;
    }
    switch (t->kw) {
    case KW_pass: case KW_break: case KW_continue: case KW_return:
    case KW_raise: case KW_del: case KW_yield: case KW_assert:
    case KW_import: case KW_from: case KW_global: case KW_nonlocal:
        return 1;
    default:
        return 0;
    }
}

/* expression: disjunction ['if' disjunction 'else' expression] | lambdef */
expr_ty
_PyParser_Expression(Parser *p)
{
    ENTER(p, NULL);
    expr_ty e;
    if (at_kw(p, KW_lambda)) {
        e = _PyParser_Lambda(p);
        LEAVE(p);
        return e;
    }
    Start s = start_here(p);
    e = _PyParser_Disjunction(p);
    if (e != NULL && at_kw(p, KW_if)) {
        advance(p);
        expr_ty test = _PyParser_Disjunction(p);
        if (test == NULL) {
            e = NULL;
        }
        else if (!accept_kw(p, KW_else)) {
            e = at(p, COLON) ? _PyParser_GenericError(p)
                : RAISE_RANGE(e, test, "expected 'else' after 'if' "
                              "expression");
        }
        else if (at_statement_keyword(p)) {
            e = RAISE_HERE("expected expression after 'else', but statement "
                           "is given");
        }
        else {
            expr_ty orelse = _PyParser_Expression(p);
            e = orelse == NULL ? NULL : _PyAST_IfExp(test, e, orelse, EXTRA(s));
        }
    }
    LEAVE(p);
    return e;
}

/* named_expression: NAME ':=' expression | expression !':='
   With check_assign, an expression followed by '=' gets the "Maybe you
   meant '=='" messages. */
static expr_ty
named_expression(Parser *p, int check_assign)
{
    Start s = start_here(p);
    if (at(p, NAME) && peek_is(p, 1, COLONEQUAL)) {
        expr_ty target = _PyParser_NameExpr(p);
        if (target == NULL) {
            return NULL;
        }
        target->v.Name.ctx = Store;
        advance(p);
        expr_ty value = _PyParser_Expression(p);
        if (value == NULL ||
            CHECK_VERSION(8, "Assignment expressions are") < 0) {
            return NULL;
        }
        return _PyAST_NamedExpr(target, value, EXTRA(s));
    }
    Mark m = mark(p);
    expr_ty e = _PyParser_Expression(p);
    if (e == NULL) {
        return NULL;
    }
    if (at(p, COLONEQUAL)) {
        return RAISE_NODE(e, "cannot use assignment expressions with %s",
                          _PyParser_ExprName(e));
    }
    if (check_assign && at(p, EQUAL)) {
        _PyParser_InvalidNamedExpression(p, e, m);
        if (p->error) {
            return NULL;
        }
    }
    return e;
}

expr_ty
_PyParser_NamedExpression(Parser *p)
{
    return named_expression(p, 1);
}

/* star_named_expression: '*' bitwise_or | named_expression */
static expr_ty
star_named_expression(Parser *p)
{
    Start s = start_here(p);
    if (accept(p, STAR)) {
        expr_ty value = _PyParser_BitwiseOr(p);
        return value == NULL ? NULL : _PyAST_Starred(value, Load, EXTRA(s));
    }
    return named_expression(p, 1);
}

expr_ty
_PyParser_StarNamedExpression(Parser *p)
{
    return star_named_expression(p);
}

/* star_expression: '*' bitwise_or | expression */
static expr_ty
star_expression(Parser *p)
{
    Start s = start_here(p);
    if (accept(p, STAR)) {
        expr_ty value = _PyParser_BitwiseOr(p);
        return value == NULL ? NULL : _PyAST_Starred(value, Load, EXTRA(s));
    }
    return _PyParser_Expression(p);
}

/* star_expressions: a tuple when there is a comma */
expr_ty
_PyParser_StarExpressions(Parser *p)
{
    Start s = start_here(p);
    expr_ty e = star_expression(p);
    if (e == NULL || !at(p, COMMA)) {
        return e;
    }
    Vec elts = VEC_INIT;
    if (vec_push(&elts, e) < 0) {
        return NULL;
    }
    while (accept(p, COMMA)) {
        if (!_PyParser_AtExpressionStart(p) && !at(p, STAR)) {
            break;
        }
        e = star_expression(p);
        if (e == NULL || vec_push(&elts, e) < 0) {
            return NULL;
        }
    }
    asdl_expr_seq *seq = VEC_SEQ(asdl_expr_seq, &elts);
    return seq == NULL ? NULL : _PyAST_Tuple(seq, Load, EXTRA(s));
}

/* ---- comprehensions ----------------------------------------------------------- */

/* (['async'] 'for' star_targets 'in' disjunction ('if' disjunction)*)+ */
/* CPython's invalid_for_if_clause: from `vars` (after 'for') the loop
   variables read as expressions, "a, b[,]", but no 'in' follows.  Only
   looks; the position is kept. */
static int
missing_in_after_for_vars(Parser *p, Mark vars)
{
    Mark back = mark(p);
    int had_error = p->error;
    p->error = 0;
    reset(p, vars);
    quiet_begin(p);
    int ok = _PyParser_BitwiseOr(p) != NULL;
    while (ok && at(p, COMMA)) {
        Mark comma = mark(p);
        advance(p);
        if (_PyParser_BitwiseOr(p) == NULL) {
            /* A trailing comma. */
            p->error = p->fatal;
            reset(p, comma);
            advance(p);
            break;
        }
    }
    int failed = quiet_end(p);
    p->error |= had_error;
    int missing = ok && !failed && !p->fatal && !at_kw(p, KW_in);
    PToken after = *cur(p);
    reset(p, back);
    if (missing) {
        /* Replaces the error of the target list, if any. */
        PyErr_Clear();
        _PyParser_RaiseAt(p, PyExc_SyntaxError, after.t.lineno,
                          after.t.col_offset, after.t.end_lineno,
                          after.t.end_col_offset,
                          "'in' expected after for-loop variables");
    }
    return missing;
}

asdl_comprehension_seq *
_PyParser_ForIfClauses(Parser *p)
{
    Vec gens = VEC_INIT;
    while (at_kw(p, KW_for) || (at_kw(p, KW_async) && peek_kw(p, 1, KW_for))) {
        int is_async = accept_kw(p, KW_async);
        advance(p);     /* 'for' */
        Mark vars = mark(p);
        expr_ty target = _PyParser_StarTargets(p, FOR_TARGETS);
        if (target == NULL || !at_kw(p, KW_in)) {
            if (!p->fatal && !p->quiet && missing_in_after_for_vars(p, vars)) {
                return NULL;
            }
            return target == NULL ? NULL : fail(p);
        }
        advance(p);     /* 'in' */
        expr_ty iter = _PyParser_Disjunction(p);
        if (iter == NULL) {
            return NULL;
        }
        Vec ifs = VEC_INIT;
        while (accept_kw(p, KW_if)) {
            expr_ty cond = _PyParser_Disjunction(p);
            if (cond == NULL || vec_push(&ifs, cond) < 0) {
                return NULL;
            }
        }
        asdl_expr_seq *ifseq = VEC_SEQ(asdl_expr_seq, &ifs);
        if (ifseq == NULL ||
            (is_async && CHECK_VERSION(6, "Async comprehensions are") < 0)) {
            return NULL;
        }
        comprehension_ty c = _PyAST_comprehension(target, iter, ifseq,
                                                  is_async, p->arena);
        if (c == NULL || vec_push(&gens, c) < 0) {
            return p->error ? NULL : _PyParser_Fatal(p);
        }
    }
    return VEC_SEQ(asdl_comprehension_seq, &gens);
}

static int
at_comprehension(Parser *p)
{
    return at_kw(p, KW_for) || (at_kw(p, KW_async) && peek_kw(p, 1, KW_for));
}

/* ---- displays ---------------------------------------------------------------- */

/* The elements of a list, set or tuple display after the first, up to
   (not including) `closer`.  "[a, b for ...]" gets CPython's hint. */
static asdl_expr_seq *
display_elements(Parser *p, Vec *elts, int closer, int is_tuple)
{
    expr_ty last = elts->items[elts->n - 1];
    Mark last_start = mark(p);
    while (accept(p, COMMA)) {
        if (at(p, closer)) {
            break;
        }
        last_start = mark(p);
        last = star_named_expression(p);
        if (last == NULL || vec_push(elts, last) < 0) {
            return NULL;
        }
    }
    if (!at(p, closer)) {
        if (!is_tuple && at_comprehension(p) && elts->n > 1) {
            return RAISE_RANGE((expr_ty)elts->items[0], last,
                               "did you forget parentheses around the "
                               "comprehension target?");
        }
        return list_continuation_error(p, last, last_start);
    }
    return VEC_SEQ(asdl_expr_seq, elts);
}

/* '(' ... ')': (), (yield), group, tuple, generator expression */
static expr_ty
parenthesized(Parser *p)
{
    Start s = start_here(p);
    advance(p);
    if (accept(p, RPAR)) {
        return _PyAST_Tuple(_Py_asdl_expr_seq_new(0, p->arena), Load, EXTRA(s));
    }
    if (at_kw(p, KW_yield)) {
        expr_ty y = _PyParser_YieldExpr(p);
        if (y == NULL) {
            return NULL;
        }
        if (!accept(p, RPAR)) {
            return fail(p);
        }
        return y;
    }
    if (at(p, DOUBLESTAR)) {
        /* CPython's invalid_group: '(' '**' expression ')'. */
        PToken star = *cur(p);
        Mark m = mark(p);
        advance(p);
        quiet_begin(p);
        expr_ty e = _PyParser_Expression(p);
        int failed = quiet_end(p);
        if (!failed && e != NULL && at(p, RPAR) && !p->fatal) {
            /* No other reading of the group exists: the error stands even
               while speculating. */
            int quiet = p->quiet;
            p->quiet = 0;
            _PyParser_RaiseAt(p, PyExc_SyntaxError, star.t.lineno,
                              star.t.col_offset, star.t.end_lineno,
                              star.t.end_col_offset,
                              "cannot use double starred expression here");
            p->quiet = quiet;
            return _PyParser_Fatal(p);
        }
        reset(p, m);
        if (p->fatal) {
            return NULL;
        }
    }
    Mark first_start = mark(p);
    expr_ty first = star_named_expression(p);
    if (first == NULL) {
        return NULL;
    }
    if (at_comprehension(p)) {
        asdl_comprehension_seq *gens = _PyParser_ForIfClauses(p);
        if (gens == NULL) {
            return NULL;
        }
        if (!accept(p, RPAR)) {
            return fail(p);
        }
        return _PyAST_GeneratorExp(first, gens, EXTRA(s));
    }
    if (at(p, COMMA)) {
        Vec elts = VEC_INIT;
        if (vec_push(&elts, first) < 0) {
            return NULL;
        }
        asdl_expr_seq *seq = display_elements(p, &elts, RPAR, 1);
        if (seq == NULL) {
            return NULL;
        }
        advance(p);
        return _PyAST_Tuple(seq, Load, EXTRA(s));
    }
    if (!at(p, RPAR)) {
        return list_continuation_error(p, first, first_start);
    }
    advance(p);
    if (first->kind == Starred_kind) {
        return RAISE_NODE(first, "cannot use starred expression here");
    }
    return first;
}

/* '[' ... ']': list display or list comprehension */
static expr_ty
list_display(Parser *p)
{
    Start s = start_here(p);
    advance(p);
    if (accept(p, RSQB)) {
        return _PyAST_List(_Py_asdl_expr_seq_new(0, p->arena), Load, EXTRA(s));
    }
    Mark first_start = mark(p);
    expr_ty first = star_named_expression(p);
    if (first == NULL) {
        return NULL;
    }
    if (at_comprehension(p)) {
        asdl_comprehension_seq *gens = _PyParser_ForIfClauses(p);
        if (gens == NULL) {
            return NULL;
        }
        if (!accept(p, RSQB)) {
            return fail(p);
        }
        return _PyAST_ListComp(first, gens, EXTRA(s));
    }
    Vec elts = VEC_INIT;
    if (vec_push(&elts, first) < 0) {
        return NULL;
    }
    if (!at(p, COMMA) && !at(p, RSQB)) {
        return list_continuation_error(p, first, first_start);
    }
    asdl_expr_seq *seq = display_elements(p, &elts, RSQB, 0);
    if (seq == NULL) {
        return NULL;
    }
    advance(p);
    return _PyAST_List(seq, Load, EXTRA(s));
}

/* The value after "key:" in a dict display; "*x" there is CPython's
   "cannot use a starred expression in a dictionary value". */
static expr_ty
dict_value(Parser *p)
{
    if (at(p, STAR)) {
        PToken star = *cur(p);
        advance(p);
        expr_ty starred = _PyParser_BitwiseOr(p);
        if (starred == NULL) {
            return NULL;
        }
        return _PyParser_RaiseAt(p, PyExc_SyntaxError, star.t.lineno,
                                 star.t.col_offset, starred->end_lineno,
                                 starred->end_col_offset,
                                 "cannot use a starred expression in a "
                                 "dictionary value");
    }
    return _PyParser_Expression(p);
}

/* One "key: value" or "**mapping" of a dict display after the first;
   pushes key (NULL for **) and value. */
static int
dict_item(Parser *p, Vec *keys, Vec *values)
{
    if (accept(p, DOUBLESTAR)) {
        expr_ty value = _PyParser_BitwiseOr(p);
        if (value == NULL) {
            return -1;
        }
        return vec_push(keys, NULL) < 0 || vec_push(values, value) < 0 ? -1 : 0;
    }
    expr_ty key = _PyParser_Expression(p);
    if (key == NULL) {
        return -1;
    }
    if (!at(p, COLON)) {
        /* After a complete pair, any key not followed by ':' (CPython's
           invalid_kvpair). */
        _PyParser_RaiseAt(p, PyExc_SyntaxError, key->lineno,
                          key->end_col_offset - 1, key->end_lineno, -1,
                          "':' expected after dictionary key");
        return -1;
    }
    PToken colon = *cur(p);
    advance(p);
    if (at(p, COMMA) || at(p, RBRACE)) {
        _PyParser_RaiseAt(p, PyExc_SyntaxError, colon.t.lineno,
                          colon.t.col_offset, colon.t.end_lineno,
                          colon.t.end_col_offset,
                          "expression expected after dictionary key and ':'");
        return -1;
    }
    expr_ty value = dict_value(p);
    if (value == NULL) {
        return -1;
    }
    return vec_push(keys, key) < 0 || vec_push(values, value) < 0 ? -1 : 0;
}

/* '{' ... '}': dict or set display, dict or set comprehension */
static expr_ty
brace_display(Parser *p)
{
    Start s = start_here(p);
    advance(p);
    if (accept(p, RBRACE)) {
        asdl_expr_seq *none = _Py_asdl_expr_seq_new(0, p->arena);
        return _PyAST_Dict(none, none, EXTRA(s));
    }
    Vec keys = VEC_INIT, values = VEC_INIT;
    if (at(p, DOUBLESTAR)) {
        /* {**a, ...} or, since 3.15, {**a for a in b} */
        advance(p);
        expr_ty mapping = _PyParser_BitwiseOr(p);
        if (mapping == NULL) {
            return NULL;
        }
        if (at_comprehension(p)) {
            asdl_comprehension_seq *gens = _PyParser_ForIfClauses(p);
            if (gens == NULL) {
                return NULL;
            }
            if (!accept(p, RBRACE)) {
                return fail(p);
            }
            return _PyAST_DictComp(mapping, NULL, gens, EXTRA(s));
        }
        if (vec_push(&keys, NULL) < 0 || vec_push(&values, mapping) < 0) {
            return NULL;
        }
    }
    else {
        Mark first_start = mark(p);
        expr_ty first = star_named_expression(p);
        if (first == NULL) {
            return NULL;
        }
        if (!at(p, COLON)) {
            /* A set. */
            if (at_comprehension(p)) {
                asdl_comprehension_seq *gens = _PyParser_ForIfClauses(p);
                if (gens == NULL) {
                    return NULL;
                }
                if (!accept(p, RBRACE)) {
                    return fail(p);
                }
                return _PyAST_SetComp(first, gens, EXTRA(s));
            }
            Vec elts = VEC_INIT;
            if (vec_push(&elts, first) < 0) {
                return NULL;
            }
            if (!at(p, COMMA) && !at(p, RBRACE)) {
                return list_continuation_error(p, first, first_start);
            }
            asdl_expr_seq *seq = display_elements(p, &elts, RBRACE, 0);
            if (seq == NULL) {
                return NULL;
            }
            advance(p);
            return _PyAST_Set(seq, EXTRA(s));
        }
        /* A key may be a walrus only in parentheses. */
        if (first->kind == Starred_kind ||
            (first->kind == NamedExpr_kind &&
             p->tokens[first_start.pos].t.type != LPAR)) {
            return fail(p);
        }
        PToken colon = *cur(p);
        advance(p);
        if (at(p, COMMA) || at(p, RBRACE)) {
            return _PyParser_RaiseAt(p, PyExc_SyntaxError, colon.t.lineno,
                                     colon.t.col_offset, colon.t.end_lineno,
                                     colon.t.end_col_offset,
                                     "expression expected after dictionary "
                                     "key and ':'");
        }
        expr_ty value = dict_value(p);
        if (value == NULL) {
            return NULL;
        }
        if (at_comprehension(p)) {
            asdl_comprehension_seq *gens = _PyParser_ForIfClauses(p);
            if (gens == NULL) {
                return NULL;
            }
            if (!accept(p, RBRACE)) {
                return fail(p);
            }
            return _PyAST_DictComp(first, value, gens, EXTRA(s));
        }
        if (vec_push(&keys, first) < 0 || vec_push(&values, value) < 0) {
            return NULL;
        }
    }
    for (;;) {
        if (!at(p, COMMA)) {
            expr_ty last = values.items[values.n - 1];
            if (!at(p, RBRACE) && _PyParser_AtExpressionStart(p)) {
                Mark m = mark(p);
                return _PyParser_ErrorAfterExpression(p, last, m);
            }
            break;
        }
        advance(p);
        if (at(p, RBRACE)) {
            break;
        }
        if (dict_item(p, &keys, &values) < 0) {
            return NULL;
        }
    }
    if (!accept(p, RBRACE)) {
        return fail(p);
    }
    asdl_expr_seq *kseq = VEC_SEQ(asdl_expr_seq, &keys);
    asdl_expr_seq *vseq = VEC_SEQ(asdl_expr_seq, &values);
    if (kseq == NULL || vseq == NULL) {
        return NULL;
    }
    return _PyAST_Dict(kseq, vseq, EXTRA(s));
}

/* ---- numbers --------------------------------------------------------------------- */

/* The value of a NUMBER token: int, float or complex. */
static PyObject *
parse_number(const char *s, Py_ssize_t n)
{
    char stack_buf[64];
    char *buf = n < (Py_ssize_t)sizeof(stack_buf) ? stack_buf
                                                  : PyMem_Malloc((size_t)n + 1);
    if (buf == NULL) {
        return PyErr_NoMemory();
    }
    /* Underscores only separate digits. */
    Py_ssize_t len = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (s[i] != '_') {
            buf[len++] = s[i];
        }
    }
    buf[len] = '\0';
    PyObject *result;
    char last = buf[len - 1];
    int is_hex = len > 1 && buf[0] == '0' && (buf[1] == 'x' || buf[1] == 'X');
    if (last == 'j' || last == 'J') {
        buf[len - 1] = '\0';
        double imag = PyOS_string_to_double(buf, NULL, NULL);
        result = imag == -1.0 && PyErr_Occurred() ? NULL
                 : PyComplex_FromDoubles(0.0, imag);
    }
    else if (!is_hex && (strchr(buf, '.') || strchr(buf, 'e') ||
                         strchr(buf, 'E'))) {
        double d = PyOS_string_to_double(buf, NULL, NULL);
        result = d == -1.0 && PyErr_Occurred() ? NULL : PyFloat_FromDouble(d);
    }
    else {
        result = PyLong_FromString(buf, NULL, 0);
    }
    if (buf != stack_buf) {
        PyMem_Free(buf);
    }
    return result;
}

static expr_ty
number(Parser *p)
{
    Start s = start_here(p);
    PToken *t = cur(p);
    PyObject *value = parse_number(t->t.start, t->t.end - t->t.start);
    if (value == NULL) {
        if (PyErr_ExceptionMatches(PyExc_ValueError)) {
            /* An int too long to convert (sys.set_int_max_str_digits). */
            PyObject *exc = PyErr_GetRaisedException();
            PyObject *msg = PyObject_Str(exc);
            Py_DECREF(exc);
            if (msg == NULL) {
                return _PyParser_Fatal(p);
            }
            PToken tk = *t;
            _PyParser_RaiseAt(p, PyExc_SyntaxError, tk.t.lineno,
                              tk.t.col_offset, tk.t.end_lineno,
                              tk.t.end_col_offset,
                              "%U - Consider hexadecimal for huge integer "
                              "literals to avoid decimal conversion limits.",
                              msg);
            Py_DECREF(msg);
            p->fatal = 1;
            return NULL;
        }
        return _PyParser_Fatal(p);
    }
    if (_PyParser_Own(p, value) == NULL) {
        return NULL;
    }
    advance(p);
    return _PyAST_Constant(value, NULL, EXTRA(s));
}

/* ---- atoms ---------------------------------------------------------------------- */

expr_ty
_PyParser_Atom(Parser *p)
{
    PToken *t = cur(p);
    Start s = start_here(p);
    switch (t->t.type) {
    case NAME:
        switch (t->kw) {
        case KW_NONE:
            return _PyParser_NameExpr(p);
        case KW_None:
            advance(p);
            return _PyAST_Constant(Py_None, NULL, EXTRA(s));
        case KW_True:
            advance(p);
            return _PyAST_Constant(Py_True, NULL, EXTRA(s));
        case KW_False:
            advance(p);
            return _PyAST_Constant(Py_False, NULL, EXTRA(s));
        default:
            return fail(p);
        }
    case NUMBER:
        return number(p);
    case STRING: case FSTRING_START: case TSTRING_START:
        return _PyParser_Strings(p);
    case LPAR: {
        ENTER(p, NULL);
        expr_ty e = parenthesized(p);
        LEAVE(p);
        return e;
    }
    case LSQB: {
        ENTER(p, NULL);
        expr_ty e = list_display(p);
        LEAVE(p);
        return e;
    }
    case LBRACE: {
        ENTER(p, NULL);
        expr_ty e = brace_display(p);
        LEAVE(p);
        return e;
    }
    case ELLIPSIS:
        advance(p);
        return _PyAST_Constant(Py_Ellipsis, NULL, EXTRA(s));
    default:
        return fail(p);
    }
}

/* ---- slices ------------------------------------------------------------------------ */

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression */
static expr_ty
slice(Parser *p)
{
    Start s = start_here(p);
    expr_ty lower = NULL, upper = NULL, step = NULL;
    if (!at(p, COLON)) {
        expr_ty e = named_expression(p, 0);
        if (e == NULL || !at(p, COLON)) {
            return e;
        }
        lower = e;
    }
    advance(p);     /* ':' */
    if (!at(p, COLON) && !at(p, COMMA) && !at(p, RSQB)) {
        upper = _PyParser_Expression(p);
        if (upper == NULL) {
            return NULL;
        }
    }
    if (accept(p, COLON)) {
        if (!at(p, COMMA) && !at(p, RSQB)) {
            step = _PyParser_Expression(p);
            if (step == NULL) {
                return NULL;
            }
        }
    }
    return _PyAST_Slice(lower, upper, step, EXTRA(s));
}

expr_ty
_PyParser_StarredOperand(Parser *p, int bitwise_or_level)
{
    p->generic_raised = 0;
    expr_ty value = bitwise_or_level ? _PyParser_BitwiseOr(p)
                                     : _PyParser_Expression(p);
    if (value == NULL && p->generic_raised && !p->quiet && !p->fatal) {
        PToken t = p->generic_at;
        PyErr_Clear();
        _PyParser_RaiseAt(p, PyExc_SyntaxError, t.t.lineno, t.t.col_offset,
                          t.t.end_lineno, t.t.end_col_offset,
                          "Invalid star expression");
    }
    return value;
}

/* slices: one slice, or a tuple of slices and starred expressions */
expr_ty
_PyParser_Slices(Parser *p)
{
    Start s = start_here(p);
    Mark first_start = mark(p);
    expr_ty first;
    Start fs = start_here(p);
    if (accept(p, STAR)) {
        expr_ty value = _PyParser_StarredOperand(p, 1);
        first = value == NULL ? NULL : _PyAST_Starred(value, Load, EXTRA(fs));
    }
    else {
        first = slice(p);
    }
    if (first == NULL) {
        return NULL;
    }
    if (!at(p, COMMA)) {
        if (first->kind == Starred_kind) {
            /* a[*b] is a[(*b,)] */
            asdl_expr_seq *one = singleton(p, first);
            return one == NULL ? NULL : _PyAST_Tuple(one, Load, EXTRA(s));
        }
        if (!at(p, RSQB) && _PyParser_AtExpressionStart(p)) {
            return _PyParser_ErrorAfterExpression(p, first, first_start);
        }
        return first;
    }
    Vec elts = VEC_INIT;
    if (vec_push(&elts, first) < 0) {
        return NULL;
    }
    while (accept(p, COMMA)) {
        if (at(p, RSQB)) {
            break;
        }
        Start es = start_here(p);
        expr_ty e;
        if (accept(p, STAR)) {
            expr_ty value = _PyParser_StarredOperand(p, 1);
            e = value == NULL ? NULL : _PyAST_Starred(value, Load, EXTRA(es));
        }
        else {
            e = slice(p);
        }
        if (e == NULL || vec_push(&elts, e) < 0) {
            return NULL;
        }
    }
    asdl_expr_seq *seq = VEC_SEQ(asdl_expr_seq, &elts);
    return seq == NULL ? NULL : _PyAST_Tuple(seq, Load, EXTRA(s));
}

/* ---- assignment targets ---------------------------------------------------------- */

/* star_target: '*' star_target | a target expression (checked by the
   caller); parsed at the bitwise_or level so a following 'in' is left
   alone. */
static expr_ty
star_target(Parser *p)
{
    Start s = start_here(p);
    if (accept(p, STAR)) {
        ENTER(p, NULL);
        expr_ty inner = star_target(p);
        LEAVE(p);
        return inner == NULL ? NULL : _PyAST_Starred(inner, Load, EXTRA(s));
    }
    return _PyParser_BitwiseOr(p);
}

expr_ty
_PyParser_StarTargets(Parser *p, int kind)
{
    Start s = start_here(p);
    expr_ty e = star_target(p);
    if (e == NULL) {
        return NULL;
    }
    if (at(p, COMMA)) {
        Vec elts = VEC_INIT;
        if (vec_push(&elts, e) < 0) {
            return NULL;
        }
        while (accept(p, COMMA)) {
            if (!_PyParser_AtExpressionStart(p) && !at(p, STAR)) {
                break;
            }
            e = star_target(p);
            if (e == NULL || vec_push(&elts, e) < 0) {
                return NULL;
            }
        }
        asdl_expr_seq *seq = VEC_SEQ(asdl_expr_seq, &elts);
        if (seq == NULL) {
            return NULL;
        }
        e = _PyAST_Tuple(seq, Load, EXTRA(s));
        if (e == NULL) {
            return _PyParser_Fatal(p);
        }
    }
    return _PyParser_SetContext(p, e, Store, kind);
}
