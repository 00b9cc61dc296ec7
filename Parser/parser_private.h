/* Shared internals of the hand-written recursive-descent parser
   (Parser/parser*.c, Parser/string_literals.c, Parser/syntax_errors.c).

   The parser pulls tokens from the tokenizer into an array on demand, so
   it can look ahead and, in the few places the grammar needs it, back up
   (`p->pos = mark`).  Each grammar rule is a function returning an AST
   node, or NULL when it failed; failures carry an exception
   (SyntaxError...) except while speculating (`p->quiet`), where a rule
   only reports that it did not match and the caller backs up.  Errors
   that speculation must not hide (the tokenizer's, MemoryError, including
   input nested too deeply) set `p->fatal`.

   Node locations come from the first token of the construct and the end
   of the last token consumed (`p->end_lineno`, `p->end_col`); columns are
   UTF-8 byte offsets.

   Thread safety: a Parser is private to the thread running it. */
#ifndef WEFT_PARSER_PRIVATE_H
#define WEFT_PARSER_PRIVATE_H

#include "Python.h"
#include "pycore_ast.h"
#include "pycore_parser.h"
#include "pycore_tokenizer.h"

/* Hard keywords; NAME tokens spelling one get its number in PToken.kw. */
enum {
    KW_NONE = 0,
    KW_False, KW_None, KW_True, KW_and, KW_as, KW_assert, KW_async,
    KW_await, KW_break, KW_class, KW_continue, KW_def, KW_del, KW_elif,
    KW_else, KW_except, KW_finally, KW_for, KW_from, KW_global, KW_if,
    KW_import, KW_in, KW_is, KW_lambda, KW_nonlocal, KW_not, KW_or,
    KW_pass, KW_raise, KW_return, KW_try, KW_while, KW_with, KW_yield,
    KW_COUNT
};

typedef struct {
    _PyToken t;
    int kw;                     /* KW_* for NAME tokens */
} PToken;

/* Where a construct starts, for its node's location. */
typedef struct {
    int lineno;
    int col;
} Start;

/* ---- growing lists (parser.c) ------------------------------------------------
   Elements are gathered in arena memory (grown by doubling; the old
   array is simply left in the arena), so no error path has to free
   anything.  Ints (cmpop) are stored as pointers. */
typedef struct {
    void **items;
    Py_ssize_t n;
    Py_ssize_t cap;
} Vec;
#define VEC_INIT {NULL, 0, 0}

typedef struct {
    _PyTokenizer *tok;
    PToken *tokens;             /* fetched so far */
    Py_ssize_t ntokens;
    Py_ssize_t cap;
    Py_ssize_t pos;             /* the current token */
    PyArena *arena;
    int mode;                   /* Py_file_input, ... */
    int flags;                  /* PyCF_* */
    int feature_barry;          /* "<>" is allowed */
    int feature_version;        /* minor version of the syntax accepted
                                   (ast.parse's feature_version) */
    int depth;                  /* nesting of rule calls (guarded) */
    int error;                  /* the last rule failed */
    int fatal;                  /* an exception speculation must keep */
    int quiet;                  /* speculating: do not raise */
    int failed_at_eof;          /* the error raised was at the end of input */
    int generic_raised;         /* the error raised is the plain "invalid
                                   syntax" of _PyParser_GenericError, at
                                   generic_at */
    PToken generic_at;
    int implicit_newline;       /* not 'exec' input, and its last line had
                                   no newline (the tokenizer added one) */
    int last_stmt_lineno;       /* start of the last statement parsed */
    int last_stmt_col;          /* (0: none), for SyntaxError._metadata */
    int end_lineno;             /* end of the last consumed token */
    int end_col;
    Vec type_ignores;           /* TypeIgnore nodes of "# type: ignore"
                                   comments, in source order (the token
                                   stream never holds TYPE_IGNORE) */
} Parser;

/* The most nested rule calls before the parse fails (MemoryError, as in
   CPython): deeply nested input must fail cleanly, never exhaust the C
   stack. */
#define PARSER_MAX_DEPTH 1500

/* ---- tokens (parser.c) ------------------------------------------------------ */

/* The token `k` places ahead of the current one (0: current).  Fetches as
   needed; a tokenizer error leaves an ERRORTOKEN and sets fatal.  The
   pointer is valid until the next fetch. */
PToken *_PyParser_Peek(Parser *p, Py_ssize_t k);

static inline PToken *
cur(Parser *p)
{
    if (p->pos < p->ntokens) {
        return &p->tokens[p->pos];
    }
    return _PyParser_Peek(p, 0);
}

static inline int cur_type(Parser *p) { return cur(p)->t.type; }

/* The current token is the operator/type `type` (a NAME that is a
   keyword counts as no NAME). */
static inline int
at(Parser *p, int type)
{
    PToken *t = cur(p);
    return t->t.type == type && !(type == NAME && t->kw);
}

static inline int
at_kw(Parser *p, int kw)
{
    PToken *t = cur(p);
    return t->t.type == NAME && t->kw == kw;
}

static inline int
peek_is(Parser *p, Py_ssize_t k, int type)
{
    PToken *t = _PyParser_Peek(p, k);
    return t->t.type == type && !(type == NAME && t->kw);
}

static inline int
peek_kw(Parser *p, Py_ssize_t k, int kw)
{
    PToken *t = _PyParser_Peek(p, k);
    return t->t.type == NAME && t->kw == kw;
}

/* A non-keyword NAME token spelling `word` (soft keywords). */
int _PyParser_TokenIs(PToken *t, const char *word);
static inline int
at_soft(Parser *p, const char *word)
{
    return _PyParser_TokenIs(cur(p), word);
}

/* Consume the current token, recording its end. */
void _PyParser_Advance(Parser *p);
#define advance _PyParser_Advance

/* Consume the current token if it is `type` / keyword `kw`. */
static inline int
accept(Parser *p, int type)
{
    if (at(p, type)) {
        advance(p);
        return 1;
    }
    return 0;
}

static inline int
accept_kw(Parser *p, int kw)
{
    if (at_kw(p, kw)) {
        advance(p);
        return 1;
    }
    return 0;
}

static inline Start
start_here(Parser *p)
{
    PToken *t = cur(p);
    Start s = {t->t.lineno, t->t.col_offset};
    return s;
}

#define EXTRA(s) (s).lineno, (s).col, p->end_lineno, p->end_col, p->arena
/* The location of an existing node, for a node that starts with it. */
#define START_OF(node) ((Start){(node)->lineno, (node)->col_offset})

/* Recursion guard around rule bodies. */
int _PyParser_TooDeep(Parser *p);
#define ENTER(p, fail) \
    do { if (++(p)->depth > PARSER_MAX_DEPTH && _PyParser_TooDeep(p)) { \
            (p)->depth--; return (fail); } } while (0)
#define LEAVE(p) ((p)->depth--)

/* ---- errors (parser.c) --------------------------------------------------------- */

/* All return NULL so rules can `return raise...(...)`.  While quiet they
   only mark the failure.  Columns are 0-based byte offsets; -1 as end
   column means "none" (CPython's end_offset 0). */
void *_PyParser_RaiseAt(Parser *p, PyObject *errtype, int lineno, int col,
                        int end_lineno, int end_col, const char *fmt, ...);
/* At the current token (or the unclosed bracket at end of input). */
void *_PyParser_RaiseHere(Parser *p, const char *fmt, ...);
void *_PyParser_RaiseIndentHere(Parser *p, const char *fmt, ...);
/* Spanning a node, or from the start of a to the end of b. */
void *_PyParser_RaiseNode(Parser *p, expr_ty e, const char *fmt, ...);
void *_PyParser_RaiseRange(Parser *p, expr_ty a, expr_ty b,
                           const char *fmt, ...);
/* "invalid syntax" at the current token, unless the rest of the source
   holds a tokenizer error (which is reported instead), or the special
   forms: unclosed bracket at the end, unexpected indent/unindent. */
void *_PyParser_GenericError(Parser *p);
/* 0 when the syntax new in Python 3.`version` is accepted; else -1 with
   "<what> only supported in Python 3.<version> and greater" raised. */
int _PyParser_CheckVersion(Parser *p, int version, const char *what);
#define CHECK_VERSION(version, what) _PyParser_CheckVersion(p, (version), (what))
/* Where CPython's parser reads on to the end of input before reporting
   a misplaced construct in brackets (a generator among call arguments,
   a positional class pattern after keyword ones): if the input from the
   current token ends with the bracket still open, raises "'(' was never
   closed" and returns 1; else 0. */
int _PyParser_RaiseIfLeftOpen(Parser *p);
/* MemoryError or similar already raised: make it fatal. */
void *_PyParser_Fatal(Parser *p);

#define RAISE_HERE(...) _PyParser_RaiseHere(p, __VA_ARGS__)
#define RAISE_NODE(e, ...) _PyParser_RaiseNode(p, (e), __VA_ARGS__)
#define RAISE_RANGE(a, b, ...) _PyParser_RaiseRange(p, (a), (b), __VA_ARGS__)

/* Speculation: run a rule without raising, then keep its result or
   return to `mark`. */
typedef struct {
    Py_ssize_t pos;
    int end_lineno;
    int end_col;
} Mark;
static inline Mark
mark(Parser *p)
{
    Mark m = {p->pos, p->end_lineno, p->end_col};
    return m;
}
static inline void
reset(Parser *p, Mark m)
{
    p->pos = m.pos;
    p->end_lineno = m.end_lineno;
    p->end_col = m.end_col;
}
/* Leave speculation: returns 1 if it failed (and resets p->error), 0 if
   it succeeded; a fatal error stays (check p->fatal). */
static inline void quiet_begin(Parser *p) { p->quiet++; }
static inline int
quiet_end(Parser *p)
{
    p->quiet--;
    int failed = p->error;
    if (!p->fatal) {
        p->error = 0;
    }
    return failed;
}

/* ---- growing lists (parser.c): Vec is declared above Parser. */

/* 0, or -1 (fatal MemoryError). */
int _PyParser_VecPush(Parser *p, Vec *v, void *item);
/* An exact-size sequence of the elements (an empty one for none), or NULL
   (fatal). */
asdl_seq *_PyParser_VecSeq(Parser *p, Vec *v);
asdl_int_seq *_PyParser_VecIntSeq(Parser *p, Vec *v);
#define vec_push(v, x) _PyParser_VecPush(p, (v), (void *)(x))
#define VEC_SEQ(T, v) ((T *)_PyParser_VecSeq(p, (v)))

/* ---- leaves (parser.c) -------------------------------------------------------- */

/* The current NAME token as an interned identifier (consumed), or NULL. */
identifier _PyParser_Name(Parser *p);
/* An identifier from UTF-8 text, owned by the arena. */
identifier _PyParser_NewIdentifier(Parser *p, const char *s, Py_ssize_t n);
/* Register a new reference with the arena (stolen); NULL on failure. */
PyObject *_PyParser_Own(Parser *p, PyObject *obj);
/* Name(id, Load) from the current NAME token (consumed). */
expr_ty _PyParser_NameExpr(Parser *p);

/* The current TYPE_COMMENT token's text into *comment (consumed), or NULL
   there when there is none (PEP 484, only with PyCF_TYPE_COMMENTS).  0, or
   -1 (fatal MemoryError). */
int _PyParser_TypeComment(Parser *p, string *comment);

/* ---- rules shared between files -------------------------------------------- */

/* parser_expressions.c */
expr_ty _PyParser_Expression(Parser *p);            /* expression */
expr_ty _PyParser_NamedExpression(Parser *p);       /* named_expression */
expr_ty _PyParser_StarExpressions(Parser *p);       /* star_expressions */
expr_ty _PyParser_StarNamedExpression(Parser *p);
expr_ty _PyParser_BitwiseOr(Parser *p);
expr_ty _PyParser_Disjunction(Parser *p);
expr_ty _PyParser_YieldExpr(Parser *p);
expr_ty _PyParser_AnnotatedRhs(Parser *p);          /* yield_expr | star_expressions */
expr_ty _PyParser_Slices(Parser *p);
expr_ty _PyParser_Primary(Parser *p);
expr_ty _PyParser_Atom(Parser *p);
expr_ty _PyParser_Lambda(Parser *p);
/* star_targets / target lists of for, with, comprehensions: Store
   context already applied; NULL with the CPython message if invalid. */
expr_ty _PyParser_StarTargets(Parser *p, int for_target);
/* The operand after a '*' in call arguments (expression) or subscripts
   (bitwise_or level); CPython's "Invalid star expression" when it does
   not parse and no more specific message applies. */
expr_ty _PyParser_StarredOperand(Parser *p, int bitwise_or_level);
asdl_comprehension_seq *_PyParser_ForIfClauses(Parser *p);
/* Whether the current token can start an expression. */
int _PyParser_AtExpressionStart(Parser *p);
/* The expression at index `pos` of the token array can start. */
int _PyParser_CanStartExpression(PToken *t);

/* parser_arguments.c */
arguments_ty _PyParser_Parameters(Parser *p, int is_lambda, int close_type);
arguments_ty _PyParser_EmptyArguments(Parser *p);
/* Call arguments after '(' up to and including ')'; the Call starts at
   `s`, where the primary started (before any parentheses around `func`).
   Handles a sole generator argument. */
expr_ty _PyParser_CallTrailer(Parser *p, expr_ty func, Start s);
/* Class bases and keywords after '(' (consumes ')'). */
int _PyParser_ClassArguments(Parser *p, asdl_expr_seq **bases,
                             asdl_keyword_seq **keywords);
asdl_type_param_seq *_PyParser_TypeParams(Parser *p);

/* parser_statements.c */
asdl_stmt_seq *_PyParser_Statements(Parser *p);     /* file body */
asdl_stmt_seq *_PyParser_Statement(Parser *p);      /* one statement line */

/* parser_patterns.c: a match statement, or NULL without an error when
   the line is no match statement; *newline_at is then the token index of
   the end of line after "match subject" (-1 if not so). */
stmt_ty _PyParser_MatchStatement(Parser *p, Py_ssize_t *newline_at);
/* parser_statements.c, for case blocks */
asdl_stmt_seq *_PyParser_Block(Parser *p, const char *what, int lineno);

/* string_literals.c: consecutive string/f-string/t-string tokens. */
expr_ty _PyParser_Strings(Parser *p);

/* syntax_errors.c */
/* Apply Store or Del context through e; NULL (error raised with CPython's
   message) if e cannot be such a target.  kind: STAR_TARGETS, FOR_TARGETS,
   DEL_TARGETS. */
enum { STAR_TARGETS, DEL_TARGETS, FOR_TARGETS };
expr_ty _PyParser_SetContext(Parser *p, expr_ty e, expr_context_ty ctx,
                             int kind);
/* The first sub-expression of e that cannot be a target, or NULL. */
expr_ty _PyParser_InvalidTarget(expr_ty e, int kind);
/* "function call", "literal", ... as in CPython's messages. */
const char *_PyParser_ExprName(expr_ty e);
/* After `e` (an expression just parsed) came a token that starts another
   expression where none may: raise the best message ("Missing
   parentheses in call to 'print'", "Perhaps you forgot a comma?",
   "invalid syntax"). */
void *_PyParser_ErrorAfterExpression(Parser *p, expr_ty e, Mark e_start);
/* In a named_expression position, `e` is followed by '=': raise the
   "Maybe you meant '=='" family if it applies, else return NULL with no
   error set (p->error unchanged). */
void *_PyParser_InvalidNamedExpression(Parser *p, expr_ty e, Mark e_start);
/* An assignment statement `targets = value` with an invalid target:
   raise CPython's message.  stmt_start marks the statement's first
   token. */
void *_PyParser_InvalidAssignment(Parser *p, asdl_expr_seq *targets,
                                  Mark stmt_start);

#endif /* WEFT_PARSER_PRIVATE_H */
