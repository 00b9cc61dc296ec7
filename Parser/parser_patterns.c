/* The match statement and its patterns (PEP 634).

   'match' and 'case' are soft keywords: a line starting with "match" is
   a match statement only if a subject and ':' follow, which is tried
   quietly first; otherwise the line is parsed as ordinary statements.

   Thread safety: works only on the Parser of the calling thread. */
#include "parser_private.h"

static pattern_ty pattern(Parser *p);
static pattern_ty closed_pattern(Parser *p);

static void *
fail(Parser *p)
{
    return p->error ? NULL : _PyParser_GenericError(p);
}

static int
at_wildcard(Parser *p)
{
    return at_soft(p, "_");
}

/* ---- literal values ---------------------------------------------------------- */

static int
is_imaginary(expr_ty e)
{
    return e->kind == Constant_kind && PyComplex_CheckExact(e->v.Constant.value);
}

/* ['-'] NUMBER */
static expr_ty
signed_number(Parser *p)
{
    Start s = start_here(p);
    int negative = accept(p, MINUS);
    if (!at(p, NUMBER)) {
        return fail(p);
    }
    expr_ty number = _PyParser_Atom(p);
    if (number == NULL || !negative) {
        return number;
    }
    return _PyAST_UnaryOp(USub, number, EXTRA(s));
}

/* signed_number or complex_number ("1 + 2j", "-1 - 2j") */
static expr_ty
number_value(Parser *p)
{
    Start s = start_here(p);
    expr_ty left = signed_number(p);
    if (left == NULL) {
        return NULL;
    }
    operator_ty op = at(p, PLUS) ? Add : at(p, MINUS) ? Sub : 0;
    if (!op) {
        return left;
    }
    advance(p);
    if (!at(p, NUMBER)) {
        return fail(p);
    }
    expr_ty right = _PyParser_Atom(p);
    if (right == NULL) {
        return NULL;
    }
    expr_ty real = left->kind == UnaryOp_kind ? left->v.UnaryOp.operand : left;
    if (is_imaginary(real)) {
        return RAISE_NODE(real, "real number required in complex literal");
    }
    if (!is_imaginary(right)) {
        return RAISE_NODE(right, "imaginary number required in complex literal");
    }
    return _PyAST_BinOp(left, op, right, EXTRA(s));
}

/* NAME ('.' NAME)*: a Name or an Attribute chain (Load) */
static expr_ty
name_or_attr(Parser *p)
{
    Start s = start_here(p);
    expr_ty e = _PyParser_NameExpr(p);
    if (e == NULL) {
        return fail(p);
    }
    while (accept(p, DOT)) {
        identifier attr = _PyParser_Name(p);
        if (attr == NULL) {
            return fail(p);
        }
        e = _PyAST_Attribute(e, attr, Load, EXTRA(s));
        if (e == NULL) {
            return _PyParser_Fatal(p);
        }
    }
    return e;
}

/* A mapping key: a literal or a dotted name (an expression). */
static expr_ty
mapping_key(Parser *p)
{
    PToken *t = cur(p);
    if (t->t.type == NUMBER || t->t.type == MINUS) {
        return number_value(p);
    }
    if (t->t.type == STRING || t->t.type == FSTRING_START ||
        t->t.type == TSTRING_START) {
        /* An f-string or t-string key is refused by the compiler
           ("mapping pattern keys may only match ..."). */
        return _PyParser_Strings(p);
    }
    if (t->t.type == NAME && (t->kw == KW_None || t->kw == KW_True ||
                              t->kw == KW_False)) {
        return _PyParser_Atom(p);
    }
    if (t->t.type == NAME && !t->kw && peek_is(p, 1, DOT)) {
        return name_or_attr(p);
    }
    if (t->t.type == NAME && !t->kw) {
        /* A plain name is no key: CPython gives up after it, still
           hoping for the '.' of an attribute. */
        advance(p);
    }
    return fail(p);
}

/* ---- patterns ---------------------------------------------------------------------- */

/* A capture name: not '_', not followed by '.', '(' or '='.  After 'as'
   (as_target) other expressions get CPython's specific messages; a name
   followed by one of those tokens fails there, where CPython's parser
   gave up. */
static identifier
capture_target(Parser *p, int as_target)
{
    if (at_wildcard(p)) {
        return as_target ? RAISE_HERE("cannot use '_' as a target") : fail(p);
    }
    if (at(p, NAME) && (peek_is(p, 1, DOT) || peek_is(p, 1, LPAR) ||
                        peek_is(p, 1, EQUAL))) {
        advance(p);
        return fail(p);
    }
    if (!at(p, NAME)) {
        if (as_target && _PyParser_AtExpressionStart(p)) {
            expr_ty e = _PyParser_Expression(p);
            if (e != NULL) {
                return RAISE_NODE(e, "invalid pattern target");
            }
            return NULL;
        }
        return fail(p);
    }
    return _PyParser_Name(p);
}

/* '*' (capture | '_') */
static pattern_ty
star_pattern(Parser *p)
{
    Start s = start_here(p);
    advance(p);     /* '*' */
    identifier name = NULL;
    if (at_wildcard(p)) {
        advance(p);
    }
    else {
        name = _PyParser_Name(p);
        if (name == NULL) {
            return fail(p);
        }
    }
    return _PyAST_MatchStar(name, EXTRA(s));
}

static pattern_ty
maybe_star_pattern(Parser *p)
{
    return at(p, STAR) ? star_pattern(p) : pattern(p);
}

/* Patterns of a sequence up to `closer` (not consumed), the first one
   already parsed when `first` is given. */
static asdl_pattern_seq *
sequence_items(Parser *p, pattern_ty first, int closer)
{
    Vec items = VEC_INIT;
    if (first != NULL) {
        if (vec_push(&items, first) < 0) {
            return NULL;
        }
        if (!accept(p, COMMA)) {
            return at(p, closer) ? VEC_SEQ(asdl_pattern_seq, &items) : fail(p);
        }
    }
    while (!at(p, closer)) {
        pattern_ty item = maybe_star_pattern(p);
        if (item == NULL || vec_push(&items, item) < 0) {
            return NULL;
        }
        if (!accept(p, COMMA)) {
            break;
        }
    }
    if (!at(p, closer)) {
        return fail(p);
    }
    return VEC_SEQ(asdl_pattern_seq, &items);
}

/* '(' ... ')': a group "(p)" or a sequence "(p,)", "()", "(a, b)" */
static pattern_ty
paren_pattern(Parser *p)
{
    Start s = start_here(p);
    advance(p);
    if (accept(p, RPAR)) {
        return _PyAST_MatchSequence(_Py_asdl_pattern_seq_new(0, p->arena),
                                    EXTRA(s));
    }
    pattern_ty first = maybe_star_pattern(p);
    if (first == NULL) {
        return NULL;
    }
    if (at(p, RPAR)) {
        if (first->kind == MatchStar_kind) {
            return fail(p);     /* "(*x)": a star needs "(*x,)" */
        }
        advance(p);
        return first;
    }
    asdl_pattern_seq *items = sequence_items(p, first, RPAR);
    if (items == NULL) {
        return NULL;
    }
    advance(p);
    return _PyAST_MatchSequence(items, EXTRA(s));
}

static pattern_ty
list_pattern(Parser *p)
{
    Start s = start_here(p);
    advance(p);
    asdl_pattern_seq *items = sequence_items(p, NULL, RSQB);
    if (items == NULL) {
        return NULL;
    }
    advance(p);
    return _PyAST_MatchSequence(items, EXTRA(s));
}

/* '{' (key ':' pattern ',')* ['**' capture] '}' */
static pattern_ty
mapping_pattern(Parser *p)
{
    Start s = start_here(p);
    advance(p);
    Vec keys = VEC_INIT, patterns = VEC_INIT;
    identifier rest = NULL;
    while (!at(p, RBRACE)) {
        if (accept(p, DOUBLESTAR)) {
            rest = capture_target(p, 0);
            if (rest == NULL) {
                return NULL;
            }
            accept(p, COMMA);
            break;
        }
        expr_ty key = mapping_key(p);
        if (key == NULL) {
            return NULL;
        }
        if (!accept(p, COLON)) {
            return fail(p);
        }
        pattern_ty value = pattern(p);
        if (value == NULL || vec_push(&keys, key) < 0 ||
            vec_push(&patterns, value) < 0) {
            return NULL;
        }
        if (!accept(p, COMMA)) {
            break;
        }
    }
    if (!accept(p, RBRACE)) {
        return fail(p);
    }
    asdl_expr_seq *kseq = VEC_SEQ(asdl_expr_seq, &keys);
    asdl_pattern_seq *pseq = VEC_SEQ(asdl_pattern_seq, &patterns);
    if (kseq == NULL || pseq == NULL) {
        return NULL;
    }
    return _PyAST_MatchMapping(kseq, pseq, rest, EXTRA(s));
}

/* A positional pattern that continues the misplaced run after a keyword
   pattern: parsed quietly, as the run simply ends where none parses. */
static pattern_ty
misplaced_pattern(Parser *p)
{
    Mark m = mark(p);
    quiet_begin(p);
    pattern_ty value = pattern(p);
    if (quiet_end(p) || value == NULL) {
        if (!p->fatal) {
            reset(p, m);
        }
        return NULL;
    }
    return value;
}

/* cls '(' [patterns] [NAME '=' pattern, ...] ')' */
static pattern_ty
class_pattern(Parser *p, expr_ty cls, Start s)
{
    advance(p);     /* '(' */
    Vec patterns = VEC_INIT, kwd_attrs = VEC_INIT, kwd_patterns = VEC_INIT;
    /* Positional patterns after a keyword pattern: the error names their
       first run, whatever follows it (CPython's
       invalid_class_argument_pattern). */
    pattern_ty misplaced_first = NULL, misplaced_last = NULL;
    while (!at(p, RPAR)) {
        int keyword = at(p, NAME) && peek_is(p, 1, EQUAL);
        if (misplaced_first != NULL) {
            pattern_ty value = keyword ? NULL : misplaced_pattern(p);
            if (value == NULL) {
                if (p->fatal) {
                    return NULL;
                }
                break;
            }
            misplaced_last = value;
        }
        else if (keyword) {
            identifier attr = _PyParser_Name(p);
            advance(p);     /* '=' */
            pattern_ty value = attr == NULL ? NULL : pattern(p);
            if (value == NULL || vec_push(&kwd_attrs, attr) < 0 ||
                vec_push(&kwd_patterns, value) < 0) {
                return NULL;
            }
        }
        else {
            pattern_ty value = pattern(p);
            if (value == NULL) {
                return NULL;
            }
            if (kwd_attrs.n > 0) {
                misplaced_first = misplaced_last = value;
            }
            else if (vec_push(&patterns, value) < 0) {
                return NULL;
            }
        }
        if (!accept(p, COMMA)) {
            break;
        }
    }
    if (misplaced_first != NULL) {
        if (_PyParser_RaiseIfLeftOpen(p)) {
            return NULL;
        }
        return _PyParser_RaiseAt(p, PyExc_SyntaxError, misplaced_first->lineno,
                                 misplaced_first->col_offset,
                                 misplaced_last->end_lineno,
                                 misplaced_last->end_col_offset,
                                 "positional patterns follow keyword patterns");
    }
    if (!at(p, RPAR)) {
        return fail(p);
    }
    advance(p);
    asdl_pattern_seq *pseq = VEC_SEQ(asdl_pattern_seq, &patterns);
    asdl_identifier_seq *aseq = VEC_SEQ(asdl_identifier_seq, &kwd_attrs);
    asdl_pattern_seq *kseq = VEC_SEQ(asdl_pattern_seq, &kwd_patterns);
    if (pseq == NULL || aseq == NULL || kseq == NULL) {
        return NULL;
    }
    return _PyAST_MatchClass(cls, pseq, aseq, kseq, EXTRA(s));
}

static pattern_ty
closed_pattern(Parser *p)
{
    ENTER(p, NULL);
    Start s = start_here(p);
    PToken *t = cur(p);
    pattern_ty result = NULL;
    switch (t->t.type) {
    case NUMBER:
    case MINUS: {
        expr_ty value = number_value(p);
        result = value == NULL ? NULL : _PyAST_MatchValue(value, EXTRA(s));
        break;
    }
    case STRING:
    case FSTRING_START:
    case TSTRING_START: {
        expr_ty value = mapping_key(p);
        result = value == NULL ? NULL : _PyAST_MatchValue(value, EXTRA(s));
        break;
    }
    case LPAR:
        result = paren_pattern(p);
        break;
    case LSQB:
        result = list_pattern(p);
        break;
    case LBRACE:
        result = mapping_pattern(p);
        break;
    case NAME:
        if (t->kw == KW_None || t->kw == KW_True || t->kw == KW_False) {
            PyObject *value = t->kw == KW_None ? Py_None
                              : t->kw == KW_True ? Py_True : Py_False;
            advance(p);
            result = _PyAST_MatchSingleton(value, EXTRA(s));
            break;
        }
        if (t->kw) {
            result = fail(p);
            break;
        }
        if (peek_is(p, 1, DOT) || peek_is(p, 1, LPAR)) {
            expr_ty cls = name_or_attr(p);
            if (cls == NULL) {
                break;
            }
            if (at(p, LPAR)) {
                result = class_pattern(p, cls, s);
            }
            else {
                result = _PyAST_MatchValue(cls, EXTRA(s));
            }
            break;
        }
        if (at_wildcard(p)) {
            advance(p);
            result = _PyAST_MatchAs(NULL, NULL, EXTRA(s));
            break;
        }
        {
            identifier name = _PyParser_Name(p);
            result = name == NULL ? NULL : _PyAST_MatchAs(NULL, name, EXTRA(s));
        }
        break;
    default:
        result = fail(p);
    }
    LEAVE(p);
    if (result == NULL && !p->error) {
        return _PyParser_Fatal(p);
    }
    return result;
}

/* or_pattern ['as' capture] */
static pattern_ty
pattern(Parser *p)
{
    Start s = start_here(p);
    pattern_ty first = closed_pattern(p);
    if (first == NULL) {
        return NULL;
    }
    pattern_ty result = first;
    if (at(p, VBAR)) {
        Vec alts = VEC_INIT;
        if (vec_push(&alts, first) < 0) {
            return NULL;
        }
        while (accept(p, VBAR)) {
            pattern_ty alt = closed_pattern(p);
            if (alt == NULL || vec_push(&alts, alt) < 0) {
                return NULL;
            }
        }
        asdl_pattern_seq *seq = VEC_SEQ(asdl_pattern_seq, &alts);
        result = seq == NULL ? NULL : _PyAST_MatchOr(seq, EXTRA(s));
        if (result == NULL) {
            return NULL;
        }
    }
    if (accept_kw(p, KW_as)) {
        identifier name = capture_target(p, 1);
        if (name == NULL) {
            return NULL;
        }
        result = _PyAST_MatchAs(result, name, EXTRA(s));
    }
    return result;
}

/* patterns: an open sequence "a, *b" or one pattern */
static pattern_ty
patterns(Parser *p)
{
    Start s = start_here(p);
    pattern_ty first = maybe_star_pattern(p);
    if (first == NULL) {
        return NULL;
    }
    if (!at(p, COMMA)) {
        if (first->kind == MatchStar_kind) {
            return fail(p);
        }
        return first;
    }
    Vec items = VEC_INIT;
    if (vec_push(&items, first) < 0) {
        return NULL;
    }
    while (accept(p, COMMA)) {
        if (at(p, COLON) || at_kw(p, KW_if)) {
            break;
        }
        pattern_ty item = maybe_star_pattern(p);
        if (item == NULL || vec_push(&items, item) < 0) {
            return NULL;
        }
    }
    asdl_pattern_seq *seq = VEC_SEQ(asdl_pattern_seq, &items);
    return seq == NULL ? NULL : _PyAST_MatchSequence(seq, EXTRA(s));
}

/* "case" patterns ['if' named_expression] ':' block */
static match_case_ty
case_block(Parser *p)
{
    int lineno = cur(p)->t.lineno;
    advance(p);     /* 'case' */
    pattern_ty pat = patterns(p);
    if (pat == NULL) {
        return NULL;
    }
    expr_ty guard = NULL;
    if (accept_kw(p, KW_if)) {
        guard = _PyParser_NamedExpression(p);
        if (guard == NULL) {
            return NULL;
        }
    }
    if (!accept(p, COLON)) {
        return at(p, NEWLINE) ? RAISE_HERE("expected ':'") : fail(p);
    }
    asdl_stmt_seq *body = _PyParser_Block(p, "'case' statement", lineno);
    if (body == NULL) {
        return NULL;
    }
    return _PyAST_match_case(pat, guard, body, p->arena);
}

/* subject: star_named_expression ',' ... (a tuple) | named_expression */
static expr_ty
subject_expr(Parser *p)
{
    Start s = start_here(p);
    expr_ty first = _PyParser_StarNamedExpression(p);
    if (first == NULL || !at(p, COMMA)) {
        if (first != NULL && first->kind == Starred_kind) {
            return fail(p);
        }
        return first;
    }
    Vec elts = VEC_INIT;
    if (vec_push(&elts, first) < 0) {
        return NULL;
    }
    while (accept(p, COMMA)) {
        if (at(p, COLON) || at(p, NEWLINE)) {
            break;
        }
        expr_ty e = _PyParser_StarNamedExpression(p);
        if (e == NULL || vec_push(&elts, e) < 0) {
            return NULL;
        }
    }
    asdl_expr_seq *seq = VEC_SEQ(asdl_expr_seq, &elts);
    return seq == NULL ? NULL : _PyAST_Tuple(seq, Load, EXTRA(s));
}

stmt_ty
_PyParser_MatchStatement(Parser *p, Py_ssize_t *newline_at)
{
    *newline_at = -1;
    PToken *next = _PyParser_Peek(p, 1);
    if (!_PyParser_CanStartExpression(next) && next->t.type != STAR) {
        return NULL;
    }
    Start s = start_here(p);
    Mark m = mark(p);
    quiet_begin(p);
    advance(p);     /* 'match' */
    expr_ty subject = subject_expr(p);
    int colon = subject != NULL && at(p, COLON);
    if (subject != NULL && at(p, NEWLINE)) {
        *newline_at = p->pos;
    }
    quiet_end(p);
    if (p->fatal) {
        return NULL;
    }
    reset(p, m);
    if (!colon) {
        return NULL;
    }
    /* A match statement: parse the subject again for real (warnings). */
    advance(p);     /* 'match' */
    subject = subject_expr(p);
    if (subject == NULL) {
        return NULL;
    }
    advance(p);     /* ':' */
    if (!accept(p, NEWLINE)) {
        return fail(p);
    }
    if (!at(p, INDENT)) {
        return _PyParser_RaiseIndentHere(p, "expected an indented block after "
                                         "'match' statement on line %d",
                                         s.lineno);
    }
    advance(p);
    Vec cases = VEC_INIT;
    while (at_soft(p, "case")) {
        match_case_ty c = case_block(p);
        if (c == NULL || vec_push(&cases, c) < 0) {
            return NULL;
        }
    }
    if (cases.n == 0 || !accept(p, DEDENT)) {
        return fail(p);
    }
    if (CHECK_VERSION(10, "Pattern matching is") < 0) {
        return NULL;
    }
    asdl_match_case_seq *seq = VEC_SEQ(asdl_match_case_seq, &cases);
    return seq == NULL ? NULL : _PyAST_Match(subject, seq, EXTRA(s));
}
