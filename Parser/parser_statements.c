/* Statement rules of the parser: simple statements (assignments,
   imports, ...), compound statements (if, for, while, with, try, def,
   class) and blocks.  Match statements are in parser_patterns.c.

   An assignment is parsed as an expression first; once '=' (or ':' or an
   augmented operator) shows it is a target, the expression is turned
   into a Store target or rejected with CPython's message.

   Thread safety: works only on the Parser of the calling thread. */
#include "parser_private.h"

static asdl_stmt_seq *block(Parser *p, const char *what, int lineno);
static stmt_ty compound_statement(Parser *p);

static void *
fail(Parser *p)
{
    return p->error ? NULL : _PyParser_GenericError(p);
}

/* ':' after a compound statement header; "expected ':'" when the line
   ends instead. */
static int
expect_colon(Parser *p)
{
    if (accept(p, COLON)) {
        return 0;
    }
    if (!p->error) {
        if (at(p, NEWLINE)) {
            RAISE_HERE("expected ':'");
        }
        else {
            _PyParser_GenericError(p);
        }
    }
    return -1;
}

/* The ':' that CPython's grammar forces after 'else', 'try', 'finally'
   and a function signature: "expected ':'" whatever comes instead. */
static int
expect_forced_colon(Parser *p)
{
    if (accept(p, COLON)) {
        return 0;
    }
    if (!p->error) {
        RAISE_HERE("expected ':'");
    }
    return -1;
}

/* ---- simple statements ---------------------------------------------------------- */

static int
is_single_target(expr_ty e)
{
    return e->kind == Name_kind || e->kind == Attribute_kind ||
           e->kind == Subscript_kind;
}

static operator_ty
augassign_at(Parser *p)
{
    switch (cur_type(p)) {
    case PLUSEQUAL: return Add;
    case MINEQUAL: return Sub;
    case STAREQUAL: return Mult;
    case ATEQUAL: return MatMult;
    case SLASHEQUAL: return Div;
    case PERCENTEQUAL: return Mod;
    case AMPEREQUAL: return BitAnd;
    case VBAREQUAL: return BitOr;
    case CIRCUMFLEXEQUAL: return BitXor;
    case LEFTSHIFTEQUAL: return LShift;
    case RIGHTSHIFTEQUAL: return RShift;
    case DOUBLESTAREQUAL: return Pow;
    case DOUBLESLASHEQUAL: return FloorDiv;
    default: return 0;
    }
}

/* target ':' annotation ['=' annotated_rhs] */
static stmt_ty
annotated_assignment(Parser *p, expr_ty target, Start s, int first_type)
{
    int first_is_name = first_type == NAME;
    if (target->kind == Tuple_kind && first_type != LPAR &&
        asdl_seq_LEN(target->v.Tuple.elts) > 0) {
        /* "a, b: int" (no parentheses) is reported at its first element. */
        return RAISE_NODE(asdl_seq_GET(target->v.Tuple.elts, 0),
                          "only single target (not tuple) can be annotated");
    }
    if (target->kind == List_kind || target->kind == Tuple_kind) {
        return RAISE_NODE(target, "only single target (not %s) can be "
                          "annotated", target->kind == List_kind ? "list"
                          : "tuple");
    }
    if (!is_single_target(target)) {
        return RAISE_NODE(target, "illegal target for annotation");
    }
    if (_PyParser_SetContext(p, target, Store, STAR_TARGETS) == NULL) {
        return NULL;
    }
    int simple = target->kind == Name_kind && first_is_name;
    advance(p);     /* ':' */
    expr_ty annotation = _PyParser_Expression(p);
    if (annotation == NULL) {
        return NULL;
    }
    expr_ty value = NULL;
    if (accept(p, EQUAL)) {
        value = _PyParser_AnnotatedRhs(p);
        if (value == NULL) {
            return NULL;
        }
    }
    if (CHECK_VERSION(6, simple ? "Variable annotation syntax is"
                                : "Variable annotations syntax is") < 0) {
        return NULL;
    }
    return _PyAST_AnnAssign(target, annotation, value, simple, EXTRA(s));
}

/* The value after the last '=' of an assignment failed to parse.  CPython
   reports an invalid target before it instead ("(1, 2) = x = 1 +" cannot
   assign to a literal); otherwise the value's error stands.  NULL. */
static stmt_ty
invalid_target_first(Parser *p, Vec *targets, Mark stmt_start)
{
    if (p->fatal || !PyErr_ExceptionMatches(PyExc_SyntaxError) ||
        PyErr_ExceptionMatches(PyExc_IndentationError)) {
        return NULL;
    }
    int found = 0;
    for (Py_ssize_t i = 0; i < targets->n && !found; i++) {
        expr_ty t = targets->items[i];
        found = t->kind == Yield_kind || t->kind == YieldFrom_kind ||
                _PyParser_InvalidTarget(t, STAR_TARGETS) != NULL;
    }
    asdl_expr_seq *tseq = found ? VEC_SEQ(asdl_expr_seq, targets) : NULL;
    if (tseq != NULL) {
        PyErr_Clear();
        p->error = 0;
        _PyParser_InvalidAssignment(p, tseq, stmt_start);
    }
    return NULL;
}

/* Expression statement, assignment, annotated or augmented assignment. */
static stmt_ty
expression_statement(Parser *p)
{
    Start s = start_here(p);
    Mark m = mark(p);
    int first_type = at(p, NAME) ? NAME : cur_type(p);
    expr_ty e = _PyParser_AnnotatedRhs(p);
    if (e == NULL) {
        return NULL;
    }
    if (at(p, COLON)) {
        if (e->kind == Yield_kind || e->kind == YieldFrom_kind) {
            return RAISE_NODE(e, "illegal target for annotation");
        }
        return annotated_assignment(p, e, s, first_type);
    }
    if (at(p, EQUAL)) {
        Vec targets = VEC_INIT;
        expr_ty value = e;
        while (accept(p, EQUAL)) {
            if (vec_push(&targets, value) < 0) {
                return NULL;
            }
            value = _PyParser_AnnotatedRhs(p);
            if (value == NULL) {
                return invalid_target_first(p, &targets, m);
            }
        }
        asdl_expr_seq *tseq = VEC_SEQ(asdl_expr_seq, &targets);
        if (tseq == NULL) {
            return NULL;
        }
        Mark after = mark(p);
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(tseq); i++) {
            expr_ty t = asdl_seq_GET(tseq, i);
            if (t->kind == Yield_kind || t->kind == YieldFrom_kind ||
                _PyParser_InvalidTarget(t, STAR_TARGETS) != NULL) {
                _PyParser_InvalidAssignment(p, tseq, m);
                return NULL;
            }
        }
        reset(p, after);
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(tseq); i++) {
            if (_PyParser_SetContext(p, asdl_seq_GET(tseq, i), Store,
                                     STAR_TARGETS) == NULL) {
                return NULL;
            }
        }
        /* The node ends before its type comment. */
        int end_lineno = p->end_lineno, end_col = p->end_col;
        string type_comment;
        if (_PyParser_TypeComment(p, &type_comment) < 0) {
            return NULL;
        }
        return _PyAST_Assign(tseq, value, type_comment, s.lineno, s.col,
                             end_lineno, end_col, p->arena);
    }
    operator_ty op = augassign_at(p);
    if (op) {
        if (!is_single_target(e)) {
            return RAISE_NODE(e, "'%s' is an illegal expression for augmented "
                              "assignment", _PyParser_ExprName(e));
        }
        if (_PyParser_SetContext(p, e, Store, STAR_TARGETS) == NULL) {
            return NULL;
        }
        advance(p);
        if (op == MatMult && CHECK_VERSION(5, "The '@' operator is") < 0) {
            return NULL;
        }
        expr_ty value = _PyParser_AnnotatedRhs(p);
        if (value == NULL) {
            return NULL;
        }
        return _PyAST_AugAssign(e, op, value, EXTRA(s));
    }
    if (!at(p, NEWLINE) && !at(p, SEMI) && _PyParser_AtExpressionStart(p)) {
        return _PyParser_ErrorAfterExpression(p, e, m);
    }
    return _PyAST_Expr(e, EXTRA(s));
}

/* A dotted name "a.b.c" as one identifier. */
static identifier
dotted_name(Parser *p)
{
    PToken *first = cur(p);
    if (first->t.type != NAME || first->kw) {
        return fail(p);
    }
    /* Names and dots may be spread with spaces; rebuild the text. */
    PyObject *parts = NULL;
    identifier name = _PyParser_Name(p);
    if (name == NULL) {
        return NULL;
    }
    if (!at(p, DOT)) {
        return name;
    }
    parts = PyList_New(0);
    if (parts == NULL || PyList_Append(parts, name) < 0) {
        Py_XDECREF(parts);
        return _PyParser_Fatal(p);
    }
    while (accept(p, DOT)) {
        identifier part = _PyParser_Name(p);
        if (part == NULL) {
            Py_DECREF(parts);
            return fail(p);
        }
        if (PyList_Append(parts, part) < 0) {
            Py_DECREF(parts);
            return _PyParser_Fatal(p);
        }
    }
    PyObject *dot = PyUnicode_FromString(".");
    PyObject *joined = dot == NULL ? NULL : PyUnicode_Join(dot, parts);
    Py_XDECREF(dot);
    Py_DECREF(parts);
    if (joined == NULL) {
        return _PyParser_Fatal(p);
    }
    PyUnicode_InternInPlace(&joined);
    return _PyParser_Own(p, joined);
}

/* NAME ['as' NAME] or dotted_name ['as' NAME] */
static alias_ty
import_alias(Parser *p, int dotted)
{
    Start s = start_here(p);
    identifier name = dotted ? dotted_name(p) : _PyParser_Name(p);
    if (name == NULL) {
        return fail(p);
    }
    identifier asname = NULL;
    if (accept_kw(p, KW_as)) {
        asname = _PyParser_Name(p);
        if (asname == NULL) {
            return fail(p);
        }
    }
    return _PyAST_alias(name, asname, EXTRA(s));
}

/* "import" or "from m import" with nothing after it (at the NEWLINE). */
static void *
raise_no_import_names(Parser *p)
{
    return RAISE_HERE("Expected one or more names after 'import'");
}

/* "import a, b from m" (CPython's invalid_import): the names were all
   plain dotted names (in `names`) and 'from' follows them. */
static void *
raise_import_from_swapped(Parser *p, Start s, Vec *names)
{
    for (Py_ssize_t i = 0; i < names->n; i++) {
        if (((alias_ty)names->items[i])->asname != NULL) {
            return _PyParser_GenericError(p);
        }
    }
    advance(p);     /* 'from' */
    if (dotted_name(p) == NULL) {
        return p->error ? NULL : _PyParser_GenericError(p);
    }
    return _PyParser_RaiseAt(p, PyExc_SyntaxError, s.lineno, s.col,
                             cur(p)->t.end_lineno, cur(p)->t.end_col_offset,
                             "Did you mean to use 'from ... import ...' "
                             "instead?");
}

/* ['lazy'] 'import' dotted_as_names */
static stmt_ty
import_name(Parser *p, Start s, int is_lazy)
{
    advance(p);     /* 'import' */
    if (at(p, NEWLINE)) {
        return raise_no_import_names(p);
    }
    Vec names = VEC_INIT;
    do {
        alias_ty a = import_alias(p, 1);
        if (a == NULL || vec_push(&names, a) < 0) {
            return NULL;
        }
    } while (accept(p, COMMA));
    if (at_kw(p, KW_from) && !p->quiet) {
        return raise_import_from_swapped(p, s, &names);
    }
    if (is_lazy && CHECK_VERSION(15, "Lazy imports are") < 0) {
        return NULL;
    }
    asdl_alias_seq *seq = VEC_SEQ(asdl_alias_seq, &names);
    return seq == NULL ? NULL : _PyAST_Import(seq, is_lazy, EXTRA(s));
}

/* ['lazy'] 'from' ('.' | '...')* dotted_name 'import' targets */
static stmt_ty
import_from(Parser *p, Start s, int is_lazy)
{
    advance(p);     /* 'from' */
    int level = 0;
    for (;;) {
        if (accept(p, DOT)) {
            level++;
        }
        else if (accept(p, ELLIPSIS)) {
            level += 3;
        }
        else {
            break;
        }
    }
    identifier module = NULL;
    if (level == 0 && at_kw(p, KW_import)) {
        /* "from import x": a module name or dots are required. */
        return fail(p);
    }
    if (!at_kw(p, KW_import)) {
        module = dotted_name(p);
        if (module == NULL) {
            return NULL;
        }
    }
    if (!accept_kw(p, KW_import)) {
        return fail(p);
    }
    if (at(p, NEWLINE)) {
        return raise_no_import_names(p);
    }
    Vec names = VEC_INIT;
    if (at(p, STAR)) {
        Start as = start_here(p);
        if (is_lazy) {
            return RAISE_HERE("lazy from ... import * is not allowed");
        }
        advance(p);
        identifier star = _PyParser_NewIdentifier(p, "*", 1);
        if (star == NULL) {
            return NULL;
        }
        alias_ty a = _PyAST_alias(star, NULL, EXTRA(as));
        if (a == NULL || vec_push(&names, a) < 0) {
            return NULL;
        }
    }
    else if (accept(p, LPAR)) {
        do {
            if (at(p, RPAR) && names.n > 0) {
                break;
            }
            alias_ty a = import_alias(p, 0);
            if (a == NULL || vec_push(&names, a) < 0) {
                return NULL;
            }
        } while (accept(p, COMMA));
        if (!accept(p, RPAR)) {
            return fail(p);
        }
    }
    else {
        do {
            if (names.n > 0 && (at(p, NEWLINE) || at(p, SEMI))) {
                return RAISE_HERE("trailing comma not allowed without "
                                  "surrounding parentheses");
            }
            alias_ty a = import_alias(p, 0);
            if (a == NULL || vec_push(&names, a) < 0) {
                return NULL;
            }
        } while (accept(p, COMMA));
    }
    if (is_lazy && module != NULL && level == 0 &&
        PyUnicode_CompareWithASCIIString(module, "__future__") == 0) {
        return _PyParser_RaiseAt(p, PyExc_SyntaxError, s.lineno, s.col,
                                 p->end_lineno, p->end_col,
                                 "lazy from __future__ import is not allowed");
    }
    if (is_lazy && CHECK_VERSION(15, "Lazy imports are") < 0) {
        return NULL;
    }
    asdl_alias_seq *seq = VEC_SEQ(asdl_alias_seq, &names);
    return seq == NULL ? NULL
           : _PyAST_ImportFrom(module, seq, level, is_lazy, EXTRA(s));
}

/* 'global' / 'nonlocal' NAME (',' NAME)* */
static stmt_ty
name_list_statement(Parser *p, int is_global)
{
    Start s = start_here(p);
    advance(p);
    Vec names = VEC_INIT;
    do {
        identifier name = _PyParser_Name(p);
        if (name == NULL || vec_push(&names, name) < 0) {
            return fail(p);
        }
    } while (accept(p, COMMA));
    asdl_identifier_seq *seq = VEC_SEQ(asdl_identifier_seq, &names);
    if (seq == NULL) {
        return NULL;
    }
    return is_global ? _PyAST_Global(seq, EXTRA(s))
                     : _PyAST_Nonlocal(seq, EXTRA(s));
}

/* 'del' targets: each target of the list gets Del context. */
static stmt_ty
del_statement(Parser *p)
{
    Start s = start_here(p);
    advance(p);
    Vec targets = VEC_INIT;
    do {
        if (at(p, NEWLINE) || at(p, SEMI)) {
            if (targets.n == 0) {
                return fail(p);
            }
            break;
        }
        Start ts = start_here(p);
        expr_ty t;
        if (accept(p, STAR)) {
            expr_ty value = _PyParser_BitwiseOr(p);
            t = value == NULL ? NULL : _PyAST_Starred(value, Load, EXTRA(ts));
        }
        else {
            t = _PyParser_Expression(p);
        }
        if (t == NULL) {
            return NULL;
        }
        if (_PyParser_SetContext(p, t, Del, DEL_TARGETS) == NULL ||
            vec_push(&targets, t) < 0) {
            return NULL;
        }
    } while (accept(p, COMMA));
    if (!at(p, NEWLINE) && !at(p, SEMI)) {
        return fail(p);
    }
    asdl_expr_seq *seq = VEC_SEQ(asdl_expr_seq, &targets);
    return seq == NULL ? NULL : _PyAST_Delete(seq, EXTRA(s));
}

/* type NAME [type_params] '=' expression */
static stmt_ty
type_alias(Parser *p)
{
    Start s = start_here(p);
    advance(p);     /* 'type' */
    Start ns = start_here(p);
    identifier name = _PyParser_Name(p);
    if (name == NULL) {
        return fail(p);
    }
    expr_ty target = _PyAST_Name(name, Store, EXTRA(ns));
    if (target == NULL) {
        return _PyParser_Fatal(p);
    }
    asdl_type_param_seq *params = NULL;
    if (at(p, LSQB)) {
        params = _PyParser_TypeParams(p);
        if (params == NULL) {
            return NULL;
        }
    }
    if (!accept(p, EQUAL)) {
        return fail(p);
    }
    expr_ty value = _PyParser_Expression(p);
    if (value == NULL || CHECK_VERSION(12, "Type statement is") < 0) {
        return NULL;
    }
    return _PyAST_TypeAlias(target, params, value, EXTRA(s));
}

static stmt_ty
simple_statement(Parser *p)
{
    ENTER(p, NULL);
    Start s = start_here(p);
    PToken *t = cur(p);
    stmt_ty st = NULL;
    switch (t->t.type == NAME ? t->kw : -1) {
    case KW_pass:
        advance(p);
        st = _PyAST_Pass(EXTRA(s));
        break;
    case KW_break:
        advance(p);
        st = _PyAST_Break(EXTRA(s));
        break;
    case KW_continue:
        advance(p);
        st = _PyAST_Continue(EXTRA(s));
        break;
    case KW_return: {
        advance(p);
        expr_ty value = NULL;
        if (_PyParser_AtExpressionStart(p) || at(p, STAR)) {
            value = _PyParser_StarExpressions(p);
            if (value == NULL) {
                break;
            }
        }
        st = _PyAST_Return(value, EXTRA(s));
        break;
    }
    case KW_raise: {
        advance(p);
        expr_ty exc = NULL, cause = NULL;
        if (_PyParser_AtExpressionStart(p)) {
            exc = _PyParser_Expression(p);
            if (exc == NULL) {
                break;
            }
            if (accept_kw(p, KW_from)) {
                cause = _PyParser_Expression(p);
                if (cause == NULL) {
                    break;
                }
            }
        }
        st = _PyAST_Raise(exc, cause, EXTRA(s));
        break;
    }
    case KW_global:
    case KW_nonlocal:
        st = name_list_statement(p, t->kw == KW_global);
        break;
    case KW_del:
        st = del_statement(p);
        break;
    case KW_assert: {
        advance(p);
        expr_ty test = _PyParser_Expression(p);
        expr_ty msg = NULL;
        if (test == NULL) {
            break;
        }
        if (accept(p, COMMA)) {
            msg = _PyParser_Expression(p);
            if (msg == NULL) {
                break;
            }
        }
        st = _PyAST_Assert(test, msg, EXTRA(s));
        break;
    }
    case KW_import:
        st = import_name(p, s, 0);
        break;
    case KW_from:
        st = import_from(p, s, 0);
        break;
    default:
        if (at_soft(p, "lazy") && (peek_kw(p, 1, KW_import) ||
                                   peek_kw(p, 1, KW_from))) {
            advance(p);
            st = at_kw(p, KW_import) ? import_name(p, s, 1)
                                     : import_from(p, s, 1);
        }
        else if (at_soft(p, "type") && peek_is(p, 1, NAME) &&
                 (peek_is(p, 2, EQUAL) || peek_is(p, 2, LSQB))) {
            st = type_alias(p);
        }
        else {
            st = expression_statement(p);
        }
    }
    LEAVE(p);
    if (st == NULL && !p->error) {
        return _PyParser_Fatal(p);
    }
    return st;
}

/* simple_stmt (';' simple_stmt)* [';'] NEWLINE, appended to *out */
static int
simple_statements(Parser *p, Vec *out)
{
    for (;;) {
        stmt_ty st = simple_statement(p);
        if (st == NULL || vec_push(out, st) < 0) {
            return -1;
        }
        if (accept(p, SEMI)) {
            if (accept(p, NEWLINE)) {
                return 0;
            }
            continue;
        }
        if (accept(p, NEWLINE)) {
            return 0;
        }
        fail(p);
        return -1;
    }
}

/* One logical line's statements (a compound statement or simple ones). */
static int
statement(Parser *p, Vec *out)
{
    PToken *t = cur(p);
    if (t->t.type == INDENT) {
        _PyParser_RaiseIndentHere(p, "unexpected indent");
        return -1;
    }
    stmt_ty st = compound_statement(p);
    int r;
    if (st != NULL) {
        r = vec_push(out, st);
    }
    else if (p->error) {
        return -1;
    }
    else {
        r = simple_statements(p, out);
    }
    if (r == 0 && out->n > 0) {
        stmt_ty last = out->items[out->n - 1];
        p->last_stmt_lineno = last->lineno;
        p->last_stmt_col = last->col_offset;
    }
    return r;
}

asdl_stmt_seq *
_PyParser_Statement(Parser *p)
{
    Vec out = VEC_INIT;
    if (statement(p, &out) < 0) {
        return NULL;
    }
    return VEC_SEQ(asdl_stmt_seq, &out);
}

asdl_stmt_seq *
_PyParser_Statements(Parser *p)
{
    Vec out = VEC_INIT;
    for (;;) {
        while (accept(p, NEWLINE)) {
        }
        if (at(p, ENDMARKER) || at(p, DEDENT)) {
            break;
        }
        if (p->fatal || statement(p, &out) < 0) {
            return NULL;
        }
    }
    return VEC_SEQ(asdl_stmt_seq, &out);
}

/* block: NEWLINE INDENT statements DEDENT | simple_stmts.  `what` names
   the header for "expected an indented block after ...". */
static asdl_stmt_seq *
block(Parser *p, const char *what, int lineno)
{
    ENTER(p, NULL);
    asdl_stmt_seq *body = NULL;
    if (accept(p, NEWLINE)) {
        if (!at(p, INDENT)) {
            if (!p->error) {
                _PyParser_RaiseIndentHere(p, "expected an indented block "
                                          "after %s on line %d", what, lineno);
            }
        }
        else {
            advance(p);
            body = _PyParser_Statements(p);
            if (body != NULL) {
                if (asdl_seq_LEN(body) == 0 || !accept(p, DEDENT)) {
                    body = fail(p);
                }
            }
        }
    }
    else {
        Vec out = VEC_INIT;
        if (simple_statements(p, &out) == 0) {
            body = VEC_SEQ(asdl_stmt_seq, &out);
        }
    }
    LEAVE(p);
    return body;
}

/* ---- compound statements ------------------------------------------------------------ */

static stmt_ty
if_statement(Parser *p)
{
    Start s = start_here(p);
    int lineno = s.lineno;
    int is_elif = at_kw(p, KW_elif);
    advance(p);
    expr_ty test = _PyParser_NamedExpression(p);
    if (test == NULL || expect_colon(p) < 0) {
        return NULL;
    }
    asdl_stmt_seq *body = block(p, is_elif ? "'elif' statement"
                                           : "'if' statement", lineno);
    if (body == NULL) {
        return NULL;
    }
    asdl_stmt_seq *orelse = NULL;
    if (at_kw(p, KW_elif)) {
        stmt_ty elif = if_statement(p);
        if (elif == NULL) {
            return NULL;
        }
        orelse = _Py_asdl_stmt_seq_new(1, p->arena);
        if (orelse == NULL) {
            return _PyParser_Fatal(p);
        }
        asdl_seq_SET(orelse, 0, elif);
    }
    else if (at_kw(p, KW_else)) {
        int else_line = cur(p)->t.lineno;
        advance(p);
        if (expect_forced_colon(p) < 0) {
            return NULL;
        }
        orelse = block(p, "'else' statement", else_line);
        if (orelse == NULL) {
            return NULL;
        }
        if (at_kw(p, KW_elif)) {
            return RAISE_HERE("'elif' block follows an 'else' block");
        }
    }
    return _PyAST_If(test, body, orelse, EXTRA(s));
}

/* ['else' ':' block] for loops; *orelse stays NULL without one. */
static int
else_block(Parser *p, asdl_stmt_seq **orelse)
{
    *orelse = NULL;
    if (!at_kw(p, KW_else)) {
        return 0;
    }
    int lineno = cur(p)->t.lineno;
    advance(p);
    if (expect_forced_colon(p) < 0) {
        return -1;
    }
    *orelse = block(p, "'else' statement", lineno);
    return *orelse == NULL ? -1 : 0;
}

static stmt_ty
while_statement(Parser *p)
{
    Start s = start_here(p);
    advance(p);
    expr_ty test = _PyParser_NamedExpression(p);
    if (test == NULL || expect_colon(p) < 0) {
        return NULL;
    }
    asdl_stmt_seq *body = block(p, "'while' statement", s.lineno);
    asdl_stmt_seq *orelse;
    if (body == NULL || else_block(p, &orelse) < 0) {
        return NULL;
    }
    return _PyAST_While(test, body, orelse, EXTRA(s));
}

static stmt_ty
for_statement(Parser *p, Start s, int is_async)
{
    int lineno = cur(p)->t.lineno;
    advance(p);     /* 'for' */
    expr_ty target = _PyParser_StarTargets(p, FOR_TARGETS);
    if (target == NULL) {
        return NULL;
    }
    if (!accept_kw(p, KW_in)) {
        return fail(p);
    }
    expr_ty iter = _PyParser_StarExpressions(p);
    string type_comment;
    if (iter == NULL || expect_colon(p) < 0 ||
        _PyParser_TypeComment(p, &type_comment) < 0) {
        return NULL;
    }
    asdl_stmt_seq *body = block(p, "'for' statement", lineno);
    asdl_stmt_seq *orelse;
    if (body == NULL || else_block(p, &orelse) < 0 ||
        (is_async && CHECK_VERSION(5, "Async for loops are") < 0)) {
        return NULL;
    }
    return is_async
        ? _PyAST_AsyncFor(target, iter, body, orelse, type_comment, EXTRA(s))
        : _PyAST_For(target, iter, body, orelse, type_comment, EXTRA(s));
}

/* with_item: expression ['as' star_target] */
static withitem_ty
with_item(Parser *p)
{
    expr_ty context = _PyParser_Expression(p);
    if (context == NULL) {
        return NULL;
    }
    expr_ty vars = NULL;
    if (accept_kw(p, KW_as)) {
        Start ts = start_here(p);
        if (accept(p, STAR)) {
            expr_ty inner = _PyParser_BitwiseOr(p);
            vars = inner == NULL ? NULL : _PyAST_Starred(inner, Load, EXTRA(ts));
        }
        else {
            vars = _PyParser_BitwiseOr(p);
        }
        if (vars == NULL) {
            return NULL;
        }
        if (!at(p, COMMA) && !at(p, RPAR) && !at(p, COLON)) {
            /* Before a NEWLINE ("expected ':'" follows) a bad target is
               only invalid syntax, at the NEWLINE. */
            if (!at(p, NEWLINE) ||
                _PyParser_InvalidTarget(vars, STAR_TARGETS) != NULL) {
                return fail(p);
            }
            vars = _PyParser_SetContext(p, vars, Store, STAR_TARGETS);
            return vars == NULL ? NULL
                : _PyAST_withitem(context, vars, p->arena);
        }
        /* CPython's invalid_with_item: no expression holds "X as Y"
           followed by ',', ')' or ':', so a bad target is the error even
           while speculating on "with (...)". */
        int quiet = p->quiet;
        p->quiet = 0;
        expr_ty target = _PyParser_SetContext(p, vars, Store, STAR_TARGETS);
        p->quiet = quiet;
        if (target == NULL) {
            return p->fatal ? NULL : _PyParser_Fatal(p);
        }
    }
    return _PyAST_withitem(context, vars, p->arena);
}

/* '(' with_item (',' with_item)* [','] ')' */
static int
with_items_in_parens(Parser *p, Vec *items)
{
    advance(p);     /* '(' */
    do {
        if (at(p, RPAR) && items->n > 0) {
            break;
        }
        withitem_ty item = with_item(p);
        if (item == NULL || vec_push(items, item) < 0) {
            return -1;
        }
    } while (accept(p, COMMA));
    return accept(p, RPAR) ? 0 : -1;
}

/* The items of "with (a as b, c):", or NULL (not raised) when the
   parenthesis belongs to an expression instead.  Tried quietly first,
   then parsed again for real so that warnings are issued. */
static int
has_target(Vec *items)
{
    for (Py_ssize_t i = 0; i < items->n; i++) {
        if (((withitem_ty)items->items[i])->optional_vars != NULL) {
            return 1;
        }
    }
    return 0;
}

static asdl_withitem_seq *
parenthesized_with_items(Parser *p)
{
    Mark m = mark(p);
    Vec items = VEC_INIT;
    quiet_begin(p);
    int parsed = with_items_in_parens(p, &items) == 0;
    int ok = parsed && at(p, COLON);
    if (quiet_end(p) || !ok) {
        if (parsed && !p->fatal && at(p, NEWLINE)) {
            /* CPython's invalid_with_stmt: "with (a as b)" ending the
               line. */
            return RAISE_HERE("expected ':'");
        }
        if (parsed && !p->fatal && has_target(&items)) {
            /* "with (a as b) as c:": no expression starts with "(a as",
               so CPython's parser gave up after the ')'. */
            return _PyParser_GenericError(p);
        }
        reset(p, m);
        return NULL;
    }
    reset(p, m);
    items = (Vec)VEC_INIT;
    if (with_items_in_parens(p, &items) < 0) {
        return NULL;
    }
    return VEC_SEQ(asdl_withitem_seq, &items);
}

static stmt_ty
with_statement(Parser *p, Start s, int is_async)
{
    int lineno = cur(p)->t.lineno;
    advance(p);     /* 'with' */
    asdl_withitem_seq *items = NULL;
    if (at(p, LPAR)) {
        items = parenthesized_with_items(p);
        if (items == NULL && p->error) {
            return NULL;
        }
    }
    /* CPython's grammar takes no type comment after "async with (...):". */
    int takes_type_comment = !(is_async && items != NULL);
    if (items == NULL) {
        Vec v = VEC_INIT;
        do {
            withitem_ty item = with_item(p);
            if (item == NULL || vec_push(&v, item) < 0) {
                return NULL;
            }
        } while (accept(p, COMMA));
        items = VEC_SEQ(asdl_withitem_seq, &v);
        if (items == NULL) {
            return NULL;
        }
    }
    string type_comment = NULL;
    if (expect_colon(p) < 0 || (takes_type_comment &&
                                _PyParser_TypeComment(p, &type_comment) < 0)) {
        return NULL;
    }
    asdl_stmt_seq *body = block(p, "'with' statement", lineno);
    if (body == NULL ||
        (is_async && CHECK_VERSION(5, "Async with statements are") < 0)) {
        return NULL;
    }
    return is_async ? _PyAST_AsyncWith(items, body, type_comment, EXTRA(s))
                    : _PyAST_With(items, body, type_comment, EXTRA(s));
}

/* 'except' ['*'] [expression ['as' NAME]] ':' block */
static excepthandler_ty
except_block(Parser *p, int *star)
{
    Start s = start_here(p);
    PToken except_tok = *cur(p);
    advance(p);     /* 'except' */
    *star = accept(p, STAR);
    expr_ty type = NULL;
    identifier name = NULL;
    int bare_tuple = 0;     /* PEP 758's unparenthesized types */
    /* "except" then the end of the line: the ':' is what is missing
       (expect_colon says so); "except*" there lacks its types. */
    if (!at(p, COLON) && !at(p, NEWLINE)) {
        Start ts = start_here(p);
        type = _PyParser_Expression(p);
        if (type == NULL) {
            return NULL;
        }
        if (at(p, COMMA)) {
            /* PEP 758: "except A, B:" is "except (A, B):". */
            Vec types = VEC_INIT;
            if (vec_push(&types, type) < 0) {
                return NULL;
            }
            while (accept(p, COMMA)) {
                expr_ty t = _PyParser_Expression(p);
                if (t == NULL || vec_push(&types, t) < 0) {
                    return NULL;
                }
            }
            if (at_kw(p, KW_as)) {
                /* CPython's rule matches "as NAME ':'" and reports up to
                   (not past) the ':'. */
                int end_lineno = p->end_lineno, end_col = p->end_col;
                if (peek_is(p, 1, NAME) && peek_is(p, 2, COLON)) {
                    PToken *colon = _PyParser_Peek(p, 2);
                    end_lineno = colon->t.lineno;
                    end_col = colon->t.col_offset;
                }
                return _PyParser_RaiseAt(p, PyExc_SyntaxError, ts.lineno,
                                         ts.col, end_lineno, end_col,
                                         "multiple exception types must be "
                                         "parenthesized when using 'as'");
            }
            bare_tuple = 1;
            asdl_expr_seq *seq = VEC_SEQ(asdl_expr_seq, &types);
            type = seq == NULL ? NULL : _PyAST_Tuple(seq, Load, EXTRA(ts));
            if (type == NULL) {
                return _PyParser_Fatal(p);
            }
        }
        if (accept_kw(p, KW_as)) {
            if (at(p, NAME) && (peek_is(p, 1, COLON) || peek_is(p, 1, NEWLINE))) {
                name = _PyParser_Name(p);
            }
            else {
                expr_ty target = _PyParser_Expression(p);
                if (target == NULL) {
                    return NULL;
                }
                if (!at(p, COLON)) {
                    /* "except A as b, c:": CPython's rule wants the ':'
                       right after the target. */
                    return fail(p);
                }
                return RAISE_NODE(target, "cannot use except%s statement with "
                                  "%s", *star ? "*" : "",
                                  _PyParser_ExprName(target));
            }
        }
    }
    else if (*star) {
        return RAISE_HERE("expected one or more exception types");
    }
    if (expect_colon(p) < 0) {
        return NULL;
    }
    asdl_stmt_seq *body = block(p, *star ? "'except*' statement"
                                         : "'except' statement",
                                except_tok.t.lineno);
    if (body == NULL || (bare_tuple &&
        CHECK_VERSION(14, "except expressions without parentheses are") < 0)) {
        return NULL;
    }
    return _PyAST_ExceptHandler(type, name, body, EXTRA(s));
}

static stmt_ty
try_statement(Parser *p)
{
    Start s = start_here(p);
    advance(p);
    if (expect_forced_colon(p) < 0) {
        return NULL;
    }
    asdl_stmt_seq *body = block(p, "'try' statement", s.lineno);
    if (body == NULL) {
        return NULL;
    }
    Vec handlers = VEC_INIT;
    int kind = -1;      /* 0: except, 1: except*, -1: none yet */
    while (at_kw(p, KW_except)) {
        int star;
        PToken except_tok = *cur(p);
        /* "except*" is reported with its star. */
        PToken except_end = *(peek_is(p, 1, STAR) ? _PyParser_Peek(p, 1)
                                                  : cur(p));
        excepthandler_ty h = except_block(p, &star);
        if (h == NULL) {
            return NULL;
        }
        if (kind >= 0 && kind != star) {
            return _PyParser_RaiseAt(p, PyExc_SyntaxError,
                                     except_tok.t.lineno,
                                     except_tok.t.col_offset,
                                     except_end.t.end_lineno,
                                     except_end.t.end_col_offset,
                                     "cannot have both 'except' and 'except*' "
                                     "on the same 'try'");
        }
        kind = star;
        if (vec_push(&handlers, h) < 0) {
            return NULL;
        }
    }
    asdl_stmt_seq *orelse = NULL, *finalbody = NULL;
    if (handlers.n > 0 && else_block(p, &orelse) < 0) {
        return NULL;
    }
    if (at_kw(p, KW_finally)) {
        int lineno = cur(p)->t.lineno;
        advance(p);
        if (expect_forced_colon(p) < 0) {
            return NULL;
        }
        finalbody = block(p, "'finally' statement", lineno);
        if (finalbody == NULL) {
            return NULL;
        }
    }
    else if (handlers.n == 0) {
        return RAISE_HERE("expected 'except' or 'finally' block");
    }
    asdl_excepthandler_seq *hseq = VEC_SEQ(asdl_excepthandler_seq, &handlers);
    if (hseq == NULL ||
        (kind == 1 && CHECK_VERSION(11, "Exception groups are") < 0)) {
        return NULL;
    }
    return kind == 1 ? _PyAST_TryStar(body, hseq, orelse, finalbody, EXTRA(s))
                     : _PyAST_Try(body, hseq, orelse, finalbody, EXTRA(s));
}

/* A function's signature type comment, after its ':': on the same line,
   or alone on the first line of the body (then the body's NEWLINE INDENT
   must follow).  0, or -1 with an error. */
static int
function_type_comment(Parser *p, string *comment)
{
    *comment = NULL;
    if (at(p, TYPE_COMMENT)) {
        if (peek_is(p, 1, NEWLINE) && peek_is(p, 2, TYPE_COMMENT) &&
            peek_is(p, 3, NEWLINE) && peek_is(p, 4, INDENT)) {
            p->pos += 4;    /* CPython reports this at the INDENT */
            RAISE_HERE("Cannot have two type comments on def");
            return -1;
        }
        return _PyParser_TypeComment(p, comment);
    }
    if (at(p, NEWLINE) && peek_is(p, 1, TYPE_COMMENT) &&
        peek_is(p, 2, NEWLINE) && peek_is(p, 3, INDENT)) {
        advance(p);
        return _PyParser_TypeComment(p, comment);
    }
    return 0;
}

/* ['async'] 'def' NAME [type_params] '(' [params] ')' ['->' expression]
   ':' [type comment] block */
static stmt_ty
function_def(Parser *p, asdl_expr_seq *decorators, Start s, int is_async)
{
    int lineno = cur(p)->t.lineno;
    advance(p);     /* 'def' */
    identifier name = _PyParser_Name(p);
    if (name == NULL) {
        return fail(p);
    }
    asdl_type_param_seq *type_params = NULL;
    if (at(p, LSQB)) {
        type_params = _PyParser_TypeParams(p);
        if (type_params == NULL) {
            return NULL;
        }
    }
    if (!accept(p, LPAR)) {
        return p->error ? NULL : RAISE_HERE("expected '('");
    }
    arguments_ty args = _PyParser_Parameters(p, 0, RPAR);
    if (args == NULL) {
        return NULL;
    }
    if (!accept(p, RPAR)) {
        return fail(p);
    }
    expr_ty returns = NULL;
    /* CPython's return annotation is optional: "def f() -> :" fails at the
       '->' with "expected ':'". */
    if (at(p, RARROW) && _PyParser_CanStartExpression(_PyParser_Peek(p, 1))) {
        advance(p);
        returns = _PyParser_Expression(p);
        if (returns == NULL) {
            return NULL;
        }
    }
    string type_comment;
    if (expect_forced_colon(p) < 0 || function_type_comment(p, &type_comment) < 0) {
        return NULL;
    }
    asdl_stmt_seq *body = block(p, "function definition", lineno);
    if (body == NULL ||
        (is_async && CHECK_VERSION(5, "Async functions are") < 0)) {
        return NULL;
    }
    return is_async
        ? _PyAST_AsyncFunctionDef(name, args, body, decorators, returns,
                                  type_comment, type_params, EXTRA(s))
        : _PyAST_FunctionDef(name, args, body, decorators, returns,
                             type_comment, type_params, EXTRA(s));
}

/* 'class' NAME [type_params] ['(' [arguments] ')'] ':' block */
static stmt_ty
class_def(Parser *p, asdl_expr_seq *decorators)
{
    Start s = start_here(p);
    advance(p);     /* 'class' */
    identifier name = _PyParser_Name(p);
    if (name == NULL) {
        return fail(p);
    }
    asdl_type_param_seq *type_params = NULL;
    if (at(p, LSQB)) {
        type_params = _PyParser_TypeParams(p);
        if (type_params == NULL) {
            return NULL;
        }
    }
    asdl_expr_seq *bases = NULL;
    asdl_keyword_seq *keywords = NULL;
    if (at(p, LPAR) && _PyParser_ClassArguments(p, &bases, &keywords) < 0) {
        return NULL;
    }
    if (expect_colon(p) < 0) {
        return NULL;
    }
    asdl_stmt_seq *body = block(p, "class definition", s.lineno);
    if (body == NULL) {
        return NULL;
    }
    return _PyAST_ClassDef(name, bases, keywords, body, decorators,
                           type_params, EXTRA(s));
}

/* ('@' named_expression NEWLINE)+ then a def or class */
static stmt_ty
decorated(Parser *p)
{
    Vec decorators = VEC_INIT;
    while (accept(p, AT)) {
        expr_ty d = _PyParser_NamedExpression(p);
        if (d == NULL || vec_push(&decorators, d) < 0) {
            return NULL;
        }
        if (!accept(p, NEWLINE)) {
            return fail(p);
        }
    }
    asdl_expr_seq *seq = VEC_SEQ(asdl_expr_seq, &decorators);
    if (seq == NULL) {
        return NULL;
    }
    Start s = start_here(p);
    if (at_kw(p, KW_def)) {
        return function_def(p, seq, s, 0);
    }
    if (at_kw(p, KW_async) && peek_kw(p, 1, KW_def)) {
        advance(p);
        return function_def(p, seq, s, 1);
    }
    if (at_kw(p, KW_class)) {
        return class_def(p, seq);
    }
    return fail(p);
}

/* A compound statement, or NULL without an error when the line holds
   simple statements. */
static stmt_ty
compound_statement(Parser *p)
{
    ENTER(p, NULL);
    PToken *t = cur(p);
    Start s = start_here(p);
    stmt_ty st = NULL;
    int kw = t->t.type == NAME ? t->kw : KW_NONE;
    if (t->t.type == AT) {
        st = decorated(p);
    }
    else if (kw == KW_def) {
        st = function_def(p, NULL, s, 0);
    }
    else if (kw == KW_class) {
        st = class_def(p, NULL);
    }
    else if (kw == KW_if) {
        st = if_statement(p);
    }
    else if (kw == KW_while) {
        st = while_statement(p);
    }
    else if (kw == KW_for) {
        st = for_statement(p, s, 0);
    }
    else if (kw == KW_with) {
        st = with_statement(p, s, 0);
    }
    else if (kw == KW_try) {
        st = try_statement(p);
    }
    else if (kw == KW_async) {
        advance(p);
        if (at_kw(p, KW_def)) {
            st = function_def(p, NULL, s, 1);
        }
        else if (at_kw(p, KW_for)) {
            st = for_statement(p, s, 1);
        }
        else if (at_kw(p, KW_with)) {
            st = with_statement(p, s, 1);
        }
        else {
            st = _PyParser_GenericError(p);
        }
    }
    else if (at_soft(p, "match")) {
        Py_ssize_t newline_at = -1;
        st = _PyParser_MatchStatement(p, &newline_at);
        if (st == NULL && !p->error && newline_at >= 0) {
            /* "match subject" then the end of the line: a simple
               statement if it is one ("match(x)"), else a match missing
               its ':'. */
            Mark m = mark(p);
            Vec out = VEC_INIT;
            quiet_begin(p);
            int r = simple_statements(p, &out);
            int failed = quiet_end(p);
            reset(p, m);
            if (!p->fatal && (r < 0 || failed)) {
                p->pos = newline_at;
                RAISE_HERE("expected ':'");
            }
        }
    }
    else {
        LEAVE(p);
        return NULL;
    }
    LEAVE(p);
    if (st == NULL && !p->error) {
        /* a match that is no match statement: a simple statement */
        return NULL;
    }
    return st;
}

asdl_stmt_seq *
_PyParser_Block(Parser *p, const char *what, int lineno)
{
    return block(p, what, lineno);
}
