/* Argument lists of the parser: call arguments (and class bases),
   parameter lists of def and lambda, and type parameter lists, with
   CPython's messages for their misuses.

   Thread safety: works only on the Parser of the calling thread. */
#include "parser_private.h"

/* ---- call arguments ---------------------------------------------------------- */

static void *
raise_at_token(Parser *p, PToken *t, const char *msg)
{
    return _PyParser_RaiseAt(p, PyExc_SyntaxError, t->t.lineno,
                             t->t.col_offset, t->t.end_lineno,
                             t->t.end_col_offset, "%s", msg);
}

/* "f(*a=b)", "f(**a=b)": at the '=', the error spans from the star to
   the end of the value after it (as CPython). */
static void
unpacking_assigned(Parser *p, PToken *star, const char *what)
{
    advance(p);     /* '=' */
    if (_PyParser_Expression(p) == NULL) {
        return;
    }
    _PyParser_RaiseAt(p, PyExc_SyntaxError, star->t.lineno, star->t.col_offset,
                      p->end_lineno, p->end_col, "cannot assign to %s", what);
}

/* "Generator expression must be parenthesized" for `last` followed by
   more arguments (or the unclosed bracket, see arguments_left_open). */
static void
raise_unparenthesized_genexp(Parser *p, expr_ty last)
{
    if (_PyParser_RaiseIfLeftOpen(p)) {
        return;
    }
    _PyParser_RaiseAt(p, PyExc_SyntaxError, last->lineno, last->col_offset,
                      p->end_lineno, p->end_col,
                      "Generator expression must be parenthesized");
}

/* The arguments after '(' up to and including ')'.  With allow_genexp, a
   sole generator argument "f(x for x in y)" is returned in *genexp with
   the parentheses as its location. */
static int
call_arguments(Parser *p, Vec *args, Vec *keywords, int allow_genexp,
               Start paren, expr_ty *genexp)
{
    int seen_keyword = 0, seen_unpack = 0;
    *genexp = NULL;
    while (!at(p, RPAR)) {
        Start as = start_here(p);
        Mark am = mark(p);
        expr_ty last;
        if (at(p, STAR)) {
            PToken star = *cur(p);
            advance(p);
            expr_ty value = _PyParser_StarredOperand(p, 0);
            if (value == NULL) {
                return -1;
            }
            if (at(p, EQUAL)) {
                unpacking_assigned(p, &star, "iterable argument unpacking");
                return -1;
            }
            if (seen_unpack) {
                raise_at_token(p, &star, "iterable argument unpacking follows "
                               "keyword argument unpacking");
                return -1;
            }
            last = _PyAST_Starred(value, Load, EXTRA(as));
            if (last == NULL) {
                return -1;
            }
            if (allow_genexp && args->n == 0 && keywords->n == 0 &&
                (at_kw(p, KW_for) ||
                 (at_kw(p, KW_async) && peek_kw(p, 1, KW_for)))) {
                /* f(*a for a in b): PEP 798's unpacking generator as the
                   sole argument. */
                asdl_comprehension_seq *gens = _PyParser_ForIfClauses(p);
                if (gens == NULL) {
                    return -1;
                }
                if (!at(p, RPAR)) {
                    _PyParser_RaiseAt(p, PyExc_SyntaxError, last->lineno,
                                      last->col_offset, p->end_lineno,
                                      p->end_col,
                                      "Generator expression must be parenthesized");
                    return -1;
                }
                advance(p);
                *genexp = _PyAST_GeneratorExp(last, gens, EXTRA(paren));
                return *genexp == NULL ? -1 : 0;
            }
            if (vec_push(args, last) < 0) {
                return -1;
            }
        }
        else if (at(p, DOUBLESTAR)) {
            PToken stars = *cur(p);
            advance(p);
            last = _PyParser_Expression(p);
            if (last == NULL) {
                return -1;
            }
            if (at(p, EQUAL)) {
                unpacking_assigned(p, &stars, "keyword argument unpacking");
                return -1;
            }
            keyword_ty kw = _PyAST_keyword(NULL, last, EXTRA(as));
            if (kw == NULL || vec_push(keywords, kw) < 0) {
                return -1;
            }
            seen_unpack = 1;
        }
        else if (cur_type(p) == NAME && peek_is(p, 1, EQUAL)) {
            PToken *t = cur(p);
            if (t->kw == KW_True || t->kw == KW_False || t->kw == KW_None) {
                PToken tk = *t;
                PToken *eq = _PyParser_Peek(p, 1);
                _PyParser_RaiseAt(p, PyExc_SyntaxError, tk.t.lineno,
                                  tk.t.col_offset, eq->t.end_lineno,
                                  eq->t.end_col_offset, "cannot assign to %.*s",
                                  (int)(tk.t.end - tk.t.start), tk.t.start);
                return -1;
            }
            PToken name_tok = *cur(p);
            identifier name = _PyParser_Name(p);
            if (name == NULL) {
                _PyParser_GenericError(p);
                return -1;
            }
            PToken eq_tok = *cur(p);
            advance(p);     /* '=' */
            if (at(p, COMMA) || at(p, RPAR)) {
                _PyParser_RaiseAt(p, PyExc_SyntaxError, name_tok.t.lineno,
                                  name_tok.t.col_offset, eq_tok.t.end_lineno,
                                  eq_tok.t.end_col_offset,
                                  "expected argument value expression");
                return -1;
            }
            last = _PyParser_Expression(p);
            if (last == NULL) {
                return -1;
            }
            if (at_kw(p, KW_for) || (at_kw(p, KW_async) && peek_kw(p, 1, KW_for))) {
                /* f(a=x for x in y): CPython's invalid_kwarg. */
                _PyParser_RaiseAt(p, PyExc_SyntaxError, name_tok.t.lineno,
                                  name_tok.t.col_offset, eq_tok.t.end_lineno,
                                  eq_tok.t.end_col_offset,
                                  "invalid syntax. Maybe you meant '==' or "
                                  "':=' instead of '='?");
                return -1;
            }
            keyword_ty kw = _PyAST_keyword(name, last, EXTRA(as));
            if (kw == NULL || vec_push(keywords, kw) < 0) {
                return -1;
            }
            seen_keyword = 1;
        }
        else {
            last = _PyParser_Expression(p);
            if (last == NULL) {
                return -1;
            }
            if (at(p, COLONEQUAL) && last->kind == Name_kind) {
                /* NAME ':=' expression */
                reset(p, am);
                last = _PyParser_NamedExpression(p);
                if (last == NULL) {
                    return -1;
                }
            }
            else if (at(p, COLONEQUAL)) {
                RAISE_NODE(last, "cannot use assignment expressions with %s",
                           _PyParser_ExprName(last));
                return -1;
            }
            if (at(p, EQUAL)) {
                PToken eq = *cur(p);
                _PyParser_RaiseAt(p, PyExc_SyntaxError, last->lineno,
                                  last->col_offset, eq.t.end_lineno,
                                  eq.t.end_col_offset,
                                  "expression cannot contain assignment, "
                                  "perhaps you meant \"==\"?");
                return -1;
            }
            if (!allow_genexp && (at_kw(p, KW_for) || at_kw(p, KW_async)) &&
                args->n == 0) {
                /* class C(x for x in y): no generator argument, and no
                   earlier argument to blame it on. */
                _PyParser_GenericError(p);
                return -1;
            }
            if (at_kw(p, KW_for) || (at_kw(p, KW_async) &&
                                     peek_kw(p, 1, KW_for))) {
                asdl_comprehension_seq *gens = _PyParser_ForIfClauses(p);
                if (gens == NULL) {
                    return -1;
                }
                if (allow_genexp && args->n == 0 && keywords->n == 0 &&
                    at(p, RPAR)) {
                    advance(p);
                    *genexp = _PyAST_GeneratorExp(last, gens, EXTRA(paren));
                    return *genexp == NULL ? -1 : 0;
                }
                raise_unparenthesized_genexp(p, last);
                return -1;
            }
            if (seen_keyword || seen_unpack) {
                RAISE_HERE(seen_unpack ? "positional argument follows "
                           "keyword argument unpacking" : "positional argument "
                           "follows keyword argument");
                return -1;
            }
            if (vec_push(args, last) < 0) {
                return -1;
            }
        }
        if (accept(p, COMMA)) {
            continue;
        }
        if (!at(p, RPAR)) {
            if (_PyParser_AtExpressionStart(p)) {
                _PyParser_ErrorAfterExpression(p, last, am);
            }
            else {
                _PyParser_GenericError(p);
            }
            return -1;
        }
    }
    advance(p);
    return 0;
}

expr_ty
_PyParser_CallTrailer(Parser *p, expr_ty func, Start s)
{
    ENTER(p, NULL);
    Start paren = start_here(p);
    advance(p);     /* '(' */
    Vec args = VEC_INIT, keywords = VEC_INIT;
    expr_ty genexp;
    expr_ty call = NULL;
    if (call_arguments(p, &args, &keywords, 1, paren, &genexp) == 0) {
        if (genexp != NULL && vec_push(&args, genexp) < 0) {
            LEAVE(p);
            return NULL;
        }
        asdl_expr_seq *aseq = VEC_SEQ(asdl_expr_seq, &args);
        asdl_keyword_seq *kseq = VEC_SEQ(asdl_keyword_seq, &keywords);
        if (aseq != NULL && kseq != NULL) {
            call = _PyAST_Call(func, aseq, kseq, EXTRA(s));
        }
    }
    LEAVE(p);
    return call;
}

int
_PyParser_ClassArguments(Parser *p, asdl_expr_seq **bases,
                         asdl_keyword_seq **keywords)
{
    Start paren = start_here(p);
    advance(p);     /* '(' */
    Vec args = VEC_INIT, kws = VEC_INIT;
    expr_ty genexp;
    if (call_arguments(p, &args, &kws, 0, paren, &genexp) < 0) {
        return -1;
    }
    *bases = VEC_SEQ(asdl_expr_seq, &args);
    *keywords = VEC_SEQ(asdl_keyword_seq, &kws);
    return *bases == NULL || *keywords == NULL ? -1 : 0;
}

/* ---- parameters --------------------------------------------------------------- */

/* NAME [':' annotation]; a *args annotation may be starred (*Ts). */
static arg_ty
param(Parser *p, int is_lambda, int star_annotation)
{
    Start s = start_here(p);
    identifier name = _PyParser_Name(p);
    if (name == NULL) {
        return p->error ? NULL : _PyParser_GenericError(p);
    }
    expr_ty annotation = NULL;
    if (!is_lambda && accept(p, COLON)) {
        Start as = start_here(p);
        if (star_annotation && accept(p, STAR)) {
            expr_ty value = _PyParser_Expression(p);
            annotation = value == NULL ? NULL
                         : _PyAST_Starred(value, Load, EXTRA(as));
        }
        else {
            annotation = _PyParser_Expression(p);
        }
        if (annotation == NULL) {
            return NULL;
        }
    }
    return _PyAST_arg(name, annotation, NULL, EXTRA(s));
}

static void *
raise_at_arg(Parser *p, arg_ty a, const char *msg)
{
    return _PyParser_RaiseAt(p, PyExc_SyntaxError, a->lineno, a->col_offset,
                             a->end_lineno, a->end_col_offset, "%s", msg);
}

/* The default after '=' (consumed), or an error for a missing one. */
static expr_ty
param_default(Parser *p, PToken *eq)
{
    if (at(p, COMMA) || at(p, RPAR) || at(p, COLON)) {
        return raise_at_token(p, eq, "expected default value expression");
    }
    Mark start = mark(p);
    expr_ty value = _PyParser_Expression(p);
    if (value != NULL && _PyParser_AtExpressionStart(p) && !at_kw(p, KW_not)) {
        /* "def f(a=1 b)": CPython's "Perhaps you forgot a comma?" */
        return _PyParser_ErrorAfterExpression(p, value, start);
    }
    return value;
}

arguments_ty
_PyParser_EmptyArguments(Parser *p)
{
    asdl_arg_seq *noargs = _Py_asdl_arg_seq_new(0, p->arena);
    asdl_expr_seq *noexprs = _Py_asdl_expr_seq_new(0, p->arena);
    if (noargs == NULL || noexprs == NULL) {
        return _PyParser_Fatal(p);
    }
    return _PyAST_arguments(noargs, noargs, NULL, noargs, noexprs, NULL,
                            noexprs, p->arena);
}

enum { POSITIONAL, KEYWORD_ONLY, AFTER_KWARGS };

/* Python 2's "def f((a, b)):" at the current '(': CPython's message
   spanning the parentheses when they hold a plain parameter list, else
   "invalid syntax" at the '('.  Always NULL. */
static void *
parenthesized_parameters(Parser *p, int is_lambda)
{
    PToken open = *cur(p);
    Mark m = mark(p);
    advance(p);
    quiet_begin(p);
    int closed = 0;
    while (param(p, is_lambda, 0) != NULL) {
        if (accept(p, COMMA) && !at(p, RPAR)) {
            continue;
        }
        closed = at(p, RPAR);
        break;
    }
    if (quiet_end(p) || !closed) {
        reset(p, m);
        return p->fatal ? NULL : _PyParser_GenericError(p);
    }
    PToken close = *cur(p);
    reset(p, m);
    return _PyParser_RaiseAt(p, PyExc_SyntaxError, open.t.lineno,
                             open.t.col_offset, close.t.end_lineno,
                             close.t.end_col_offset,
                             "%s parameters cannot be parenthesized",
                             is_lambda ? "Lambda expression" : "Function");
}

arguments_ty
_PyParser_Parameters(Parser *p, int is_lambda, int close)
{
    Vec posargs = VEC_INIT, defaults = VEC_INIT;
    Vec kwonly = VEC_INIT, kw_defaults = VEC_INIT;
    arg_ty vararg = NULL, kwarg = NULL;
    Py_ssize_t nposonly = 0;
    int slash = 0, seen_default = 0, state = POSITIONAL;
    while (!at(p, close)) {
        PToken tk = *cur(p);
        arg_ty named = NULL;    /* the parameter this item names, if any */
        if (at(p, SLASH)) {
            if (state == AFTER_KWARGS) {
                return raise_at_token(p, &tk, "arguments cannot follow "
                                      "var-keyword argument");
            }
            if (state == KEYWORD_ONLY) {
                return raise_at_token(p, &tk, "/ must be ahead of *");
            }
            if (slash) {
                return raise_at_token(p, &tk, "/ may appear only once");
            }
            if (posargs.n == 0) {
                return raise_at_token(p, &tk, "at least one argument must "
                                      "precede /");
            }
            advance(p);
            if (at(p, STAR)) {
                return raise_at_token(p, cur(p), "expected comma between "
                                      "/ and *");
            }
            slash = 1;
            nposonly = posargs.n;
        }
        else if (at(p, STAR)) {
            if (state == AFTER_KWARGS) {
                return raise_at_token(p, &tk, "arguments cannot follow "
                                      "var-keyword argument");
            }
            if (state == KEYWORD_ONLY) {
                return raise_at_token(p, &tk, "* argument may appear only once");
            }
            advance(p);
            state = KEYWORD_ONLY;
            if (!is_lambda && at(p, COMMA) && peek_is(p, 1, TYPE_COMMENT)) {
                return raise_at_token(p, _PyParser_Peek(p, 1), "bare * has "
                                      "associated type comment");
            }
            if (at(p, close) || (at(p, COMMA) && (peek_is(p, 1, close) ||
                                                  peek_is(p, 1, DOUBLESTAR)))) {
                /* def reports the '*', lambda the token that ends it. */
                PToken *where = !is_lambda ? &tk
                                : at(p, close) ? cur(p) : _PyParser_Peek(p, 1);
                return raise_at_token(p, where, "named arguments must follow "
                                      "bare *");
            }
            if (!at(p, COMMA)) {
                named = vararg = param(p, is_lambda, 1);
                if (vararg == NULL) {
                    return NULL;
                }
                if (at(p, EQUAL)) {
                    return raise_at_token(p, cur(p), "var-positional argument "
                                          "cannot have default value");
                }
            }
        }
        else if (at(p, DOUBLESTAR)) {
            if (state == AFTER_KWARGS) {
                return raise_at_token(p, &tk, "arguments cannot follow "
                                      "var-keyword argument");
            }
            advance(p);
            named = kwarg = param(p, is_lambda, 0);
            if (kwarg == NULL) {
                return NULL;
            }
            if (at(p, EQUAL)) {
                return raise_at_token(p, cur(p), "var-keyword argument "
                                      "cannot have default value");
            }
            state = AFTER_KWARGS;
        }
        else if (at(p, NAME)) {
            arg_ty a = named = param(p, is_lambda, 0);
            if (a == NULL) {
                return NULL;
            }
            if (state == AFTER_KWARGS) {
                return raise_at_arg(p, a, "arguments cannot follow "
                                    "var-keyword argument");
            }
            expr_ty dflt = NULL;
            if (at(p, EQUAL)) {
                PToken eq = *cur(p);
                advance(p);
                dflt = param_default(p, &eq);
                if (dflt == NULL) {
                    return NULL;
                }
            }
            if (state == POSITIONAL) {
                if (dflt != NULL) {
                    seen_default = 1;
                    if (vec_push(&defaults, dflt) < 0) {
                        return NULL;
                    }
                }
                else if (seen_default) {
                    return raise_at_arg(p, a, "parameter without a default "
                                        "follows parameter with a default");
                }
                if (vec_push(&posargs, a) < 0) {
                    return NULL;
                }
            }
            else if (vec_push(&kwonly, a) < 0 ||
                     vec_push(&kw_defaults, dflt) < 0) {
                return NULL;
            }
        }
        else if (at(p, LPAR) && !seen_default && state == POSITIONAL) {
            return parenthesized_parameters(p, is_lambda);
        }
        else {
            return _PyParser_GenericError(p);
        }
        /* A def's parameter may carry a type comment after its comma, or
           before the closing parenthesis. */
        int comma = accept(p, COMMA);
        if (named != NULL && !is_lambda && at(p, TYPE_COMMENT) &&
            (comma || peek_is(p, 1, close)) &&
            _PyParser_TypeComment(p, &named->type_comment) < 0) {
            return NULL;
        }
        if (!comma) {
            break;
        }
    }
    if (slash && CHECK_VERSION(8, "Positional-only parameters are") < 0) {
        return NULL;
    }
    asdl_arg_seq *all = VEC_SEQ(asdl_arg_seq, &posargs);
    asdl_arg_seq *posonly = _Py_asdl_arg_seq_new(nposonly, p->arena);
    asdl_arg_seq *args = _Py_asdl_arg_seq_new(posargs.n - nposonly, p->arena);
    asdl_expr_seq *dseq = VEC_SEQ(asdl_expr_seq, &defaults);
    asdl_arg_seq *kwseq = VEC_SEQ(asdl_arg_seq, &kwonly);
    asdl_expr_seq *kwdseq = VEC_SEQ(asdl_expr_seq, &kw_defaults);
    if (all == NULL || posonly == NULL || args == NULL || dseq == NULL ||
        kwseq == NULL || kwdseq == NULL) {
        return _PyParser_Fatal(p);
    }
    for (Py_ssize_t i = 0; i < posargs.n; i++) {
        if (i < nposonly) {
            asdl_seq_SET(posonly, i, asdl_seq_GET(all, i));
        }
        else {
            asdl_seq_SET(args, i - nposonly, asdl_seq_GET(all, i));
        }
    }
    return _PyAST_arguments(posonly, args, vararg, kwseq, kwdseq, kwarg,
                            dseq, p->arena);
}

/* ---- type parameters -------------------------------------------------------------- */

static type_param_ty
type_param(Parser *p)
{
    Start s = start_here(p);
    int stars = accept(p, STAR) ? 1 : accept(p, DOUBLESTAR) ? 2 : 0;
    identifier name = _PyParser_Name(p);
    if (name == NULL) {
        return p->error ? NULL : _PyParser_GenericError(p);
    }
    expr_ty bound = NULL, dflt = NULL;
    if (at(p, COLON)) {
        PToken colon = *cur(p);
        advance(p);
        bound = _PyParser_Expression(p);
        if (bound == NULL) {
            return NULL;
        }
        if (stars) {
            const char *what = stars == 1 ? "TypeVarTuple" : "ParamSpec";
            return _PyParser_RaiseAt(p, PyExc_SyntaxError, colon.t.lineno,
                                     colon.t.col_offset, bound->end_lineno,
                                     bound->end_col_offset,
                                     bound->kind == Tuple_kind ?
                                     "cannot use constraints with %s" :
                                     "cannot use bound with %s", what);
        }
    }
    if (accept(p, EQUAL)) {
        Start ds = start_here(p);
        if (stars == 1 && accept(p, STAR)) {
            expr_ty value = _PyParser_Expression(p);
            dflt = value == NULL ? NULL : _PyAST_Starred(value, Load, EXTRA(ds));
        }
        else {
            dflt = _PyParser_Expression(p);
        }
        if (dflt == NULL ||
            CHECK_VERSION(13, "Type parameter defaults are") < 0) {
            return NULL;
        }
    }
    switch (stars) {
    case 1:
        return _PyAST_TypeVarTuple(name, dflt, EXTRA(s));
    case 2:
        return _PyAST_ParamSpec(name, dflt, EXTRA(s));
    default:
        return _PyAST_TypeVar(name, bound, dflt, EXTRA(s));
    }
}

/* '[' type_param (',' type_param)* [','] ']' */
asdl_type_param_seq *
_PyParser_TypeParams(Parser *p)
{
    advance(p);     /* '[' */
    if (at(p, RSQB)) {
        return raise_at_token(p, cur(p), "Type parameter list cannot be empty");
    }
    Vec params = VEC_INIT;
    do {
        if (at(p, RSQB)) {
            break;
        }
        type_param_ty tp = type_param(p);
        if (tp == NULL || vec_push(&params, tp) < 0) {
            return NULL;
        }
    } while (accept(p, COMMA));
    if (!accept(p, RSQB)) {
        return _PyParser_GenericError(p);
    }
    if (CHECK_VERSION(12, "Type parameter lists are") < 0) {
        return NULL;
    }
    return VEC_SEQ(asdl_type_param_seq, &params);
}
