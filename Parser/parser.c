/* The parser: entry points, the token buffer, error reporting and the
   start rules (file, eval, single, func_type).  The grammar rules live in
   parser_statements.c, parser_expressions.c, parser_arguments.c,
   parser_patterns.c and string_literals.c; parser_private.h describes
   the machinery they share.

   Thread safety: all state is in the Parser and tokenizer of one call;
   the keyword table is const. */
#include "parser_private.h"

/* ---- tokens ------------------------------------------------------------------ */

static const char * const keywords[KW_COUNT] = {
    [KW_False] = "False", [KW_None] = "None", [KW_True] = "True",
    [KW_and] = "and", [KW_as] = "as", [KW_assert] = "assert",
    [KW_async] = "async", [KW_await] = "await", [KW_break] = "break",
    [KW_class] = "class", [KW_continue] = "continue", [KW_def] = "def",
    [KW_del] = "del", [KW_elif] = "elif", [KW_else] = "else",
    [KW_except] = "except", [KW_finally] = "finally", [KW_for] = "for",
    [KW_from] = "from", [KW_global] = "global", [KW_if] = "if",
    [KW_import] = "import", [KW_in] = "in", [KW_is] = "is",
    [KW_lambda] = "lambda", [KW_nonlocal] = "nonlocal", [KW_not] = "not",
    [KW_or] = "or", [KW_pass] = "pass", [KW_raise] = "raise",
    [KW_return] = "return", [KW_try] = "try", [KW_while] = "while",
    [KW_with] = "with", [KW_yield] = "yield",
};

static int
keyword_of(const char *s, Py_ssize_t n)
{
    if (n < 2 || n > 8) {
        return KW_NONE;
    }
    for (int kw = 1; kw < KW_COUNT; kw++) {
        const char *k = keywords[kw];
        if (k[0] == s[0] && (Py_ssize_t)strlen(k) == n &&
            memcmp(k, s, (size_t)n) == 0) {
            return kw;
        }
    }
    return KW_NONE;
}

int
_PyParser_TokenIs(PToken *t, const char *word)
{
    size_t n = strlen(word);
    return t->t.type == NAME && t->kw == KW_NONE &&
           (size_t)(t->t.end - t->t.start) == n &&
           memcmp(t->t.start, word, n) == 0;
}

static int
is_terminal(PToken *t)
{
    return t->t.type == ENDMARKER || t->t.type == ERRORTOKEN;
}

/* Keep a "# type: ignore" comment as a TypeIgnore node (its tag is the
   text after "ignore"); the grammar never sees these tokens.  0, or -1
   (fatal). */
static int
record_type_ignore(Parser *p, _PyToken *t)
{
    PyObject *tag = _PyParser_Own(p, PyUnicode_DecodeUTF8(
        t->start, t->end - t->start, "surrogateescape"));
    if (tag == NULL) {
        return -1;
    }
    type_ignore_ty node = _PyAST_TypeIgnore(t->lineno, tag, p->arena);
    if (node == NULL) {
        _PyParser_Fatal(p);
        return -1;
    }
    return vec_push(&p->type_ignores, node);
}

int
_PyParser_TypeComment(Parser *p, string *comment)
{
    *comment = NULL;
    PToken *t = cur(p);
    if (t->t.type != TYPE_COMMENT) {
        return 0;
    }
    *comment = _PyParser_Own(p, PyUnicode_DecodeUTF8(
        t->t.start, t->t.end - t->t.start, "surrogateescape"));
    if (*comment == NULL) {
        return -1;
    }
    advance(p);
    return 0;
}

PToken *
_PyParser_Peek(Parser *p, Py_ssize_t k)
{
    Py_ssize_t want = p->pos + k;
    while (p->ntokens <= want) {
        if (p->ntokens > 0 && is_terminal(&p->tokens[p->ntokens - 1])) {
            return &p->tokens[p->ntokens - 1];
        }
        if (p->ntokens == p->cap) {
            Py_ssize_t cap = p->cap ? p->cap * 2 : 256;
            PToken *tokens = PyMem_Realloc(p->tokens,
                                           (size_t)cap * sizeof(PToken));
            if (tokens == NULL) {
                /* Make the last token terminal so rules stop (the array
                   always has one: run_parser fetched the first). */
                PyErr_NoMemory();
                p->fatal = p->error = 1;
                p->tokens[p->ntokens - 1].t.type = ERRORTOKEN;
                return &p->tokens[p->ntokens - 1];
            }
            p->tokens = tokens;
            p->cap = cap;
        }
        PToken *t = &p->tokens[p->ntokens];
        int type = _PyTokenizer_Get(p->tok, &t->t);
        while (type == TYPE_IGNORE) {
            if (record_type_ignore(p, &t->t) < 0) {
                t->t.type = type = ERRORTOKEN;
                break;
            }
            type = _PyTokenizer_Get(p->tok, &t->t);
        }
        t->kw = type == NAME ? keyword_of(t->t.start, t->t.end - t->t.start)
                             : KW_NONE;
        if (type == ERRORTOKEN && p->tok->done == E_ERROR) {
            p->fatal = p->error = 1;
        }
        p->ntokens++;
    }
    return &p->tokens[want];
}

void
_PyParser_Advance(Parser *p)
{
    PToken *t = cur(p);
    if (is_terminal(t)) {
        return;
    }
    /* Nodes end at their last real token, never at a NEWLINE, INDENT or
       DEDENT that closes them. */
    if (!ISWHITESPACE(t->t.type)) {
        p->end_lineno = t->t.end_lineno;
        p->end_col = t->t.end_col_offset;
    }
    p->pos++;
}

/* ---- errors --------------------------------------------------------------------- */

/* Convert 0-based byte columns to the 1-based character offsets of a
   SyntaxError and raise. */
static void *
raise_message(Parser *p, PyObject *errtype, int lineno, int col,
              int end_lineno, int end_col, PyObject *msg)
{
    Py_ssize_t len;
    const char *line = _PyTokenizer_LineStart(p->tok, lineno, &len);
    Py_ssize_t offset = col < 0 ? col + 1
        : _PyTokenizer_CharCount(line, col < len ? col : len) + 1;
    Py_ssize_t end_offset = end_col + 1;
    if (end_col >= 0) {
        const char *eline = _PyTokenizer_LineStart(p->tok, end_lineno, &len);
        end_offset = _PyTokenizer_CharCount(eline, end_col < len ? end_col : len)
                     + 1;
    }
    _PyTokenizer_RaiseLocated(p->tok, errtype, msg, lineno, offset,
                              end_lineno, end_offset, 1);
    return NULL;
}

void *
_PyParser_Fatal(Parser *p)
{
    p->fatal = p->error = 1;
    return NULL;
}

static int
may_raise(Parser *p)
{
    if (p->fatal) {
        return 0;
    }
    p->error = 1;
    return !p->quiet;
}

static void *
raise_v(Parser *p, PyObject *errtype, int lineno, int col, int end_lineno,
        int end_col, const char *fmt, va_list vargs)
{
    PyObject *msg = PyUnicode_FromFormatV(fmt, vargs);
    if (msg == NULL) {
        return _PyParser_Fatal(p);
    }
    raise_message(p, errtype, lineno, col, end_lineno, end_col, msg);
    Py_DECREF(msg);
    return NULL;
}

void *
_PyParser_RaiseAt(Parser *p, PyObject *errtype, int lineno, int col,
                  int end_lineno, int end_col, const char *fmt, ...)
{
    if (!may_raise(p)) {
        return NULL;
    }
    va_list vargs;
    va_start(vargs, fmt);
    raise_v(p, errtype, lineno, col, end_lineno, end_col, fmt, vargs);
    va_end(vargs);
    return NULL;
}

/* ast.parse(feature_version=(3, N)): a construct new in Python 3.`version`
   is an error when N is older.  The error is fatal even while
   speculating, as no other reading of the source could make it valid;
   like CPython it points at the last token consumed. */
int
_PyParser_CheckVersion(Parser *p, int version, const char *what)
{
    if (p->feature_version >= version) {
        return 0;
    }
    if (p->fatal) {
        return -1;
    }
    Py_ssize_t i = p->pos - 1;
    while (i > 0 && (p->tokens[i].t.type == INDENT ||
                     p->tokens[i].t.type == DEDENT)) {
        i--;
    }
    PToken *last = i >= 0 ? &p->tokens[i] : cur(p);
    int quiet = p->quiet;
    p->quiet = 0;
    _PyParser_RaiseAt(p, PyExc_SyntaxError, last->t.lineno,
                      last->t.col_offset, last->t.end_lineno,
                      last->t.end_col_offset,
                      "%s only supported in Python 3.%d and greater",
                      what, version);
    p->quiet = quiet;
    _PyParser_Fatal(p);
    return -1;
}

/* "'(' was never closed" for the innermost bracket open at the end. */
static void *
unclosed_bracket(Parser *p)
{
    _PyTokenizer *tok = p->tok;
    if (tok->level == 0) {
        PToken *t = cur(p);
        return _PyParser_RaiseAt(p, PyExc_SyntaxError, t->t.lineno,
                                 t->t.col_offset, t->t.lineno, -2,
                                 "unexpected EOF while parsing");
    }
    int i = tok->level - 1;
    return _PyParser_RaiseAt(p, PyExc_SyntaxError, tok->parenlinenostack[i],
                             tok->parencolstack[i], tok->parenlinenostack[i],
                             -1, "'%c' was never closed", tok->parenstack[i]);
}

static int
at_unclosed_eof(Parser *p)
{
    return cur_type(p) == ERRORTOKEN && p->tok->done == E_EOF;
}

int
_PyParser_RaiseIfLeftOpen(Parser *p)
{
    int depth = 0;
    for (Py_ssize_t k = 0;; k++) {
        int type = _PyParser_Peek(p, k)->t.type;
        if (type == ERRORTOKEN) {
            if (p->tok->done != E_EOF) {
                return 0;
            }
            p->pos += k;
            unclosed_bracket(p);
            return 1;
        }
        if (type == ENDMARKER) {
            return 0;
        }
        if (type == LPAR || type == LSQB || type == LBRACE) {
            depth++;
        }
        else if ((type == RPAR || type == RSQB || type == RBRACE) &&
                 depth-- == 0) {
            return 0;
        }
    }
}

/* An error at an INDENT or DEDENT token, located as CPython does: at the
   end of the indentation, with no end; a DEDENT at the end of input
   belongs to the last line. */
static void *
raise_at_indent_token(Parser *p, PyObject *errtype, const char *fmt,
                      va_list vargs)
{
    PToken *t = cur(p);
    int lineno = t->t.lineno;
    Py_ssize_t offset = t->t.end_col_offset;
    Py_ssize_t len;
    const char *line = _PyTokenizer_LineStart(p->tok, lineno, &len);
    if (line >= p->tok->end && lineno > 1) {
        /* CPython's offset is the end of the text, past the source's own
           final newline but not the tokenizer's. */
        lineno--;
        _PyTokenizer_LineStart(p->tok, lineno, &len);
        offset = len + (p->implicit_newline ? 0 : 1);
    }
    PyObject *msg = PyUnicode_FromFormatV(fmt, vargs);
    if (msg == NULL) {
        return _PyParser_Fatal(p);
    }
    _PyTokenizer_RaiseLocated(p->tok, errtype, msg, lineno, offset, lineno,
                              -1, 1);
    Py_DECREF(msg);
    return NULL;
}

/* Whether the current token is the end of the input: an error there may
   only mean the input is incomplete (PyCF_ALLOW_INCOMPLETE_INPUT). */
static void
note_eof(Parser *p)
{
    if (!p->quiet && !p->fatal) {
        int t = cur_type(p);
        p->failed_at_eof = t == ENDMARKER || at_unclosed_eof(p) ||
                           (t == DEDENT && cur(p)->t.start >= p->tok->end);
    }
}

static void *
raise_here_v(Parser *p, PyObject *errtype, const char *fmt, va_list vargs)
{
    note_eof(p);
    if (at_unclosed_eof(p)) {
        return unclosed_bracket(p);
    }
    if (!may_raise(p)) {
        return NULL;
    }
    PToken *t = cur(p);
    if (t->t.type == INDENT || t->t.type == DEDENT ||
        (t->t.type == ENDMARKER && p->tok->buf < p->tok->end)) {
        return raise_at_indent_token(p, errtype, fmt, vargs);
    }
    return raise_v(p, errtype, t->t.lineno, t->t.col_offset, t->t.end_lineno,
                   t->t.end_col_offset, fmt, vargs);
}

void *
_PyParser_RaiseHere(Parser *p, const char *fmt, ...)
{
    va_list vargs;
    va_start(vargs, fmt);
    raise_here_v(p, PyExc_SyntaxError, fmt, vargs);
    va_end(vargs);
    return NULL;
}

void *
_PyParser_RaiseIndentHere(Parser *p, const char *fmt, ...)
{
    va_list vargs;
    va_start(vargs, fmt);
    raise_here_v(p, PyExc_IndentationError, fmt, vargs);
    va_end(vargs);
    return NULL;
}

void *
_PyParser_RaiseNode(Parser *p, expr_ty e, const char *fmt, ...)
{
    if (!may_raise(p)) {
        return NULL;
    }
    va_list vargs;
    va_start(vargs, fmt);
    raise_v(p, PyExc_SyntaxError, e->lineno, e->col_offset, e->end_lineno,
            e->end_col_offset, fmt, vargs);
    va_end(vargs);
    return NULL;
}

void *
_PyParser_RaiseRange(Parser *p, expr_ty a, expr_ty b, const char *fmt, ...)
{
    if (!may_raise(p)) {
        return NULL;
    }
    va_list vargs;
    va_start(vargs, fmt);
    raise_v(p, PyExc_SyntaxError, a->lineno, a->col_offset, b->end_lineno,
            b->end_col_offset, fmt, vargs);
    va_end(vargs);
    return NULL;
}

/* The token before the current one can end an operand (a name, literal
   or closing bracket), so a comparison operator may follow it. */
static int
after_operand(Parser *p)
{
    if (p->pos == 0) {
        return 0;
    }
    PToken *prev = &p->tokens[p->pos - 1];
    switch (prev->t.type) {
    case NAME:
        /* Not "case not x": the soft keyword starts a statement. */
        if (_PyParser_TokenIs(prev, "case") || _PyParser_TokenIs(prev, "match")) {
            return 0;
        }
        return prev->kw == KW_NONE || prev->kw == KW_True ||
               prev->kw == KW_False || prev->kw == KW_None;
    case NUMBER: case STRING: case FSTRING_END: case TSTRING_END:
    case RPAR: case RSQB: case RBRACE: case ELLIPSIS:
        return 1;
    default:
        return 0;
    }
}

void *
_PyParser_GenericError(Parser *p)
{
    note_eof(p);
    if (at_unclosed_eof(p)) {
        return unclosed_bracket(p);
    }
    if (!may_raise(p)) {
        return NULL;
    }
    PToken t = *cur(p);
    if (t.t.type == INDENT) {
        return _PyParser_RaiseIndentHere(p, "unexpected indent");
    }
    if (t.t.type == NAME && t.kw == KW_not && after_operand(p)) {
        /* "a not b": CPython's parser looked past the 'not' for an 'in'
           and gave up at the token after it. */
        PToken *next = _PyParser_Peek(p, 1);
        if (next->kw != KW_in) {
            t = *next;
        }
    }
    if (t.t.type == ENDMARKER && p->tok->buf < p->tok->end) {
        /* CPython reports the end marker on the last line of the
           source, before its first column (offset 0). */
        int line = t.t.lineno > 1 ? t.t.lineno - 1 : 1;
        return _PyParser_RaiseAt(p, PyExc_SyntaxError, line, -1, line, -1,
                                 "invalid syntax");
    }
    if (t.t.type == DEDENT) {
        return _PyParser_RaiseIndentHere(p, "unexpected unindent");
    }
    /* A tokenizer error later in the source explains more than "invalid
       syntax" here: look for one. */
    while (!is_terminal(&p->tokens[p->ntokens - 1])) {
        _PyParser_Peek(p, p->ntokens - p->pos);
    }
    if (p->fatal) {
        return NULL;
    }
    _PyParser_RaiseAt(p, PyExc_SyntaxError, t.t.lineno, t.t.col_offset,
                      t.t.end_lineno, t.t.end_col_offset, "invalid syntax");
    if (!p->quiet && !p->fatal) {
        p->generic_raised = 1;
        p->generic_at = t;
    }
    return NULL;
}

int
_PyParser_TooDeep(Parser *p)
{
    if (!p->fatal) {
        p->fatal = p->error = 1;
        /* CPython 3.14+ reports a too-deep parse as a MemoryError. */
        PyErr_SetString(PyExc_MemoryError, "Parser stack overflowed - "
                        "Python source too complex to parse");
    }
    return 1;
}

/* ---- growing lists ---------------------------------------------------------------- */

int
_PyParser_VecPush(Parser *p, Vec *v, void *item)
{
    if (v->n == v->cap) {
        Py_ssize_t cap = v->cap ? v->cap * 2 : 8;
        void **items = _PyArena_Malloc(p->arena, (size_t)cap * sizeof(void *));
        if (items == NULL) {
            _PyParser_Fatal(p);
            return -1;
        }
        if (v->n) {
            memcpy(items, v->items, (size_t)v->n * sizeof(void *));
        }
        v->items = items;
        v->cap = cap;
    }
    v->items[v->n++] = item;
    return 0;
}

asdl_seq *
_PyParser_VecSeq(Parser *p, Vec *v)
{
    asdl_seq *seq = _Py_asdl_generic_seq_new(v->n, p->arena);
    if (seq == NULL) {
        return _PyParser_Fatal(p);
    }
    for (Py_ssize_t i = 0; i < v->n; i++) {
        seq->typed_elements[i] = v->items[i];
    }
    return seq;
}

asdl_int_seq *
_PyParser_VecIntSeq(Parser *p, Vec *v)
{
    asdl_int_seq *seq = _Py_asdl_int_seq_new(v->n, p->arena);
    if (seq == NULL) {
        return _PyParser_Fatal(p);
    }
    for (Py_ssize_t i = 0; i < v->n; i++) {
        seq->typed_elements[i] = (int)(intptr_t)v->items[i];
    }
    return seq;
}

/* ---- leaves ---------------------------------------------------------------------- */

PyObject *
_PyParser_Own(Parser *p, PyObject *obj)
{
    if (obj == NULL) {
        return _PyParser_Fatal(p);
    }
    if (_PyArena_AddPyObject(p->arena, obj) < 0) {
        Py_DECREF(obj);
        return _PyParser_Fatal(p);
    }
    return obj;
}

/* PEP 3131: a non-ASCII identifier means its NFKC form, so `ｗｉｄｔｈ`
   and `width` are one name.  Takes the reference to id and returns a
   new one (NULL with an exception set).  The tables live in the
   unicodedata module, imported on first use: ASCII source never pays. */
static PyObject *
normalize_identifier(PyObject *id)
{
    PyObject *normalize = PyImport_ImportModuleAttrString("unicodedata",
                                                          "normalize");
    if (normalize == NULL) {
        Py_DECREF(id);
        return NULL;
    }
    PyObject *normal = PyObject_CallFunction(normalize, "sO", "NFKC", id);
    Py_DECREF(normalize);
    Py_DECREF(id);
    if (normal != NULL && !PyUnicode_Check(normal)) {
        PyErr_Format(PyExc_TypeError,
                     "unicodedata.normalize() must return a string, not %.200s",
                     Py_TYPE(normal)->tp_name);
        Py_CLEAR(normal);
    }
    return normal;
}

identifier
_PyParser_NewIdentifier(Parser *p, const char *s, Py_ssize_t n)
{
    PyObject *id = PyUnicode_DecodeUTF8(s, n, NULL);
    if (id == NULL) {
        return _PyParser_Fatal(p);
    }
    if (!PyUnicode_IS_ASCII(id)) {
        id = normalize_identifier(id);
        if (id == NULL) {
            return _PyParser_Fatal(p);
        }
    }
    PyUnicode_InternInPlace(&id);
    return _PyParser_Own(p, id);
}

identifier
_PyParser_Name(Parser *p)
{
    PToken *t = cur(p);
    if (t->t.type != NAME || t->kw) {
        return NULL;
    }
    identifier id = _PyParser_NewIdentifier(p, t->t.start,
                                            t->t.end - t->t.start);
    if (id != NULL) {
        advance(p);
    }
    return id;
}

expr_ty
_PyParser_NameExpr(Parser *p)
{
    Start s = start_here(p);
    identifier id = _PyParser_Name(p);
    if (id == NULL) {
        return NULL;
    }
    return _PyAST_Name(id, Load, EXTRA(s));
}

/* ---- start rules -------------------------------------------------------------------- */

/* file: statements ENDMARKER */
static mod_ty
file_rule(Parser *p)
{
    asdl_stmt_seq *body = _PyParser_Statements(p);
    if (body == NULL && p->error) {
        return NULL;
    }
    if (!at(p, ENDMARKER)) {
        return _PyParser_GenericError(p);
    }
    asdl_type_ignore_seq *ignores = VEC_SEQ(asdl_type_ignore_seq,
                                            &p->type_ignores);
    if (ignores == NULL) {
        return NULL;
    }
    return _PyAST_Module(body, ignores, p->arena);
}

static void
skip_newlines(Parser *p)
{
    while (at(p, NEWLINE)) {
        advance(p);
    }
}

/* eval: expressions NEWLINE* ENDMARKER */
static mod_ty
eval_rule(Parser *p)
{
    expr_ty body = _PyParser_StarExpressions(p);
    if (body == NULL) {
        return p->error ? NULL : _PyParser_GenericError(p);
    }
    skip_newlines(p);
    if (!at(p, ENDMARKER)) {
        if (_PyParser_AtExpressionStart(p)) {
            return _PyParser_ErrorAfterExpression(p, body, (Mark){0, 0, 0});
        }
        return _PyParser_GenericError(p);
    }
    return _PyAST_Expression(body, p->arena);
}

static int
is_compound(stmt_ty s)
{
    switch (s->kind) {
    case FunctionDef_kind: case AsyncFunctionDef_kind: case ClassDef_kind:
    case For_kind: case AsyncFor_kind: case While_kind: case If_kind:
    case With_kind: case AsyncWith_kind: case Match_kind: case Try_kind:
    case TryStar_kind:
        return 1;
    default:
        return 0;
    }
}

/* interactive: one statement (compound, or a line of simple ones), or an
   empty line. */
static mod_ty
single_rule(Parser *p)
{
    if (at(p, NEWLINE) || at(p, ENDMARKER)) {
        advance(p);
        return _PyAST_Interactive(NULL, p->arena);
    }
    asdl_stmt_seq *body = _PyParser_Statement(p);
    if (body == NULL) {
        return NULL;
    }
    /* A compound statement ends with an empty line.  With
       PyCF_DONT_IMPLY_DEDENT and no final newline none has come yet, so
       "if 1: pass" is unfinished (codeop asks for more). */
    if (p->tok->no_dedent_at_eof && asdl_seq_LEN(body) == 1 &&
        is_compound(asdl_seq_GET(body, 0))) {
        skip_newlines(p);
        if (at(p, ENDMARKER)) {
            return _PyParser_GenericError(p);
        }
    }
    /* CPython reports extra statements at the NEWLINE ending the first. */
    Py_ssize_t newline = p->pos - 1;
    while (newline > 0 && p->tokens[newline].t.type != NEWLINE) {
        newline--;
    }
    skip_newlines(p);
    if (!at(p, ENDMARKER)) {
        if (p->error) {
            return NULL;
        }
        PToken *t = &p->tokens[newline];
        return _PyParser_RaiseAt(p, PyExc_SyntaxError, t->t.lineno,
                                 t->t.col_offset, t->t.end_lineno,
                                 t->t.end_col_offset,
                                 "multiple statements found while compiling "
                                 "a single statement");
    }
    return _PyAST_Interactive(body, p->arena);
}

/* type_expressions: expressions separated by commas, then optionally
   '*' expression, then optionally '**' expression (no trailing comma);
   the stars leave no trace in the tree. */
static asdl_expr_seq *
type_expressions(Parser *p)
{
    Vec items = VEC_INIT;
    int stage = 0;      /* 1 after "*e", 2 after "**e" */
    for (;;) {
        int star = at(p, STAR) ? 1 : at(p, DOUBLESTAR) ? 2 : 0;
        if (star ? star <= stage : stage > 0) {
            return _PyParser_GenericError(p);
        }
        if (star) {
            advance(p);
            stage = star;
        }
        expr_ty e = _PyParser_Expression(p);
        if (e == NULL) {
            return p->error ? NULL : _PyParser_GenericError(p);
        }
        if (vec_push(&items, e) < 0) {
            return NULL;
        }
        if (stage == 2 || !accept(p, COMMA)) {
            return VEC_SEQ(asdl_expr_seq, &items);
        }
    }
}

/* func_type: '(' [type_expressions] ')' '->' expression NEWLINE* ENDMARKER */
static mod_ty
func_type_rule(Parser *p)
{
    if (!accept(p, LPAR)) {
        return _PyParser_GenericError(p);
    }
    asdl_expr_seq *argtypes;
    if (at(p, RPAR)) {
        argtypes = _Py_asdl_expr_seq_new(0, p->arena);
        if (argtypes == NULL) {
            return _PyParser_Fatal(p);
        }
    }
    else {
        argtypes = type_expressions(p);
        if (argtypes == NULL) {
            return NULL;
        }
    }
    if (!accept(p, RPAR) || !accept(p, RARROW)) {
        return _PyParser_GenericError(p);
    }
    expr_ty returns = _PyParser_Expression(p);
    if (returns == NULL) {
        return p->error ? NULL : _PyParser_GenericError(p);
    }
    skip_newlines(p);
    if (!at(p, ENDMARKER)) {
        return _PyParser_GenericError(p);
    }
    return _PyAST_FunctionType(argtypes, returns, p->arena);
}

/* After a syntax error found by the parser, CPython tokenizes the rest
   of the source and reports a tokenizer error found there instead (a bad
   token, or a bracket left open on a line before the parser's error). */
static void
prefer_later_tokenizer_error(Parser *p)
{
    if (p->ntokens == 0 || p->tok->done == E_ERROR ||
        !PyErr_ExceptionMatches(PyExc_SyntaxError)) {
        return;
    }
    PyObject *exc = PyErr_GetRaisedException();
    /* CPython compares with the line of the last token its parser read,
       which is where the error ends (an error spanning lines, "Perhaps
       you forgot a comma?", was read to its end). */
    PyObject *lineno = PyObject_GetAttrString(exc, "end_lineno");
    if (lineno == NULL || !PyLong_Check(lineno)) {
        Py_XDECREF(lineno);
        PyErr_Clear();
        lineno = PyObject_GetAttrString(exc, "lineno");
    }
    long err_line = lineno != NULL && PyLong_Check(lineno)
                    ? PyLong_AsLong(lineno) : -1;
    Py_XDECREF(lineno);
    PyErr_Clear();
    PToken *last = &p->tokens[p->ntokens - 1];
    _PyToken t;
    for (;;) {
        /* The parser may already have read up to the end. */
        int type = is_terminal(last) ? last->t.type
                                     : _PyTokenizer_Get(p->tok, &t);
        if (type == ENDMARKER) {
            break;
        }
        if (type == ERRORTOKEN) {
            _PyTokenizer *tok = p->tok;
            if (!PyErr_Occurred() && tok->level > 0 &&
                err_line > tok->parenlinenostack[tok->level - 1]) {
                p->fatal = p->quiet = 0;
                unclosed_bracket(p);
            }
            break;
        }
    }
    /* A tokenizer error met inside an f-string (its "expecting '}'" when
       the string ends) does not hide the parser's error in the replacement
       field, as in CPython. */
    if (PyErr_Occurred() && p->tok->nfstrings <= 0) {
        Py_DECREF(exc);
    }
    else {
        PyErr_Clear();
        PyErr_SetRaisedException(exc);
    }
}

/* CPython's SyntaxError._metadata: (line and column of the last
   statement parsed before the error, the source text or None for a
   file), from which traceback looks for a mistyped keyword. */
static void
set_error_metadata(Parser *p, int from_string)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (!PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_SyntaxError)) {
        PyErr_SetRaisedException(exc);
        return;
    }
    PyObject *source = from_string
        ? PyUnicode_DecodeUTF8(p->tok->buf, strlen(p->tok->buf), "replace")
        : Py_NewRef(Py_None);
    PyObject *metadata = source == NULL ? NULL
        : Py_BuildValue("(iiN)", p->last_stmt_lineno, p->last_stmt_col, source);
    if (metadata == NULL || PyObject_SetAttrString(exc, "_metadata", metadata) < 0) {
        /* Only a hint is lost: the SyntaxError itself stands. */
        PyErr_Clear();
    }
    Py_XDECREF(metadata);
    PyErr_SetRaisedException(exc);
}

/* ends_with_newline: whether the source text itself ended its last line
   (the tokenizer adds a newline when it did not). */
static mod_ty
run_parser(_PyTokenizer *tok, int mode, int flags, int feature_version,
           int ends_with_newline, int from_file, PyArena *arena)
{
    if (tok == NULL) {
        return NULL;
    }
    tok->type_comments = (flags & PyCF_TYPE_COMMENTS) != 0;
    /* codeop's PyCF_DONT_IMPLY_DEDENT: in 'single' mode, a block open at
       the end of a source without its final newline is left open, so the
       statement is incomplete (CPython closes it with implied DEDENTs
       otherwise). */
    tok->no_dedent_at_eof = mode == Py_single_input && !ends_with_newline &&
                            (flags & PyCF_DONT_IMPLY_DEDENT) != 0;
    Parser p;
    memset(&p, 0, sizeof(p));
    p.tok = tok;
    p.arena = arena;
    p.mode = mode;
    p.flags = flags;
    p.feature_barry = (flags & CO_FUTURE_BARRY_AS_BDFL) != 0;
    p.feature_version = feature_version;
    p.end_lineno = 1;
    /* Only 'exec' input gets a final newline in CPython's tokenizer too. */
    p.implicit_newline = !ends_with_newline && mode != Py_file_input;
    /* The first token needs room before any rule runs. */
    p.tokens = PyMem_Malloc(256 * sizeof(PToken));
    if (p.tokens == NULL) {
        _PyTokenizer_Free(tok);
        PyErr_NoMemory();
        return NULL;
    }
    p.cap = 256;
    mod_ty result;
    switch (mode) {
    case Py_file_input:
        result = file_rule(&p);
        break;
    case Py_eval_input:
        result = eval_rule(&p);
        break;
    case Py_single_input:
        result = single_rule(&p);
        break;
    case Py_func_type_input:
        result = func_type_rule(&p);
        break;
    default:
        PyErr_Format(PyExc_SystemError, "invalid parser mode %d", mode);
        result = NULL;
    }
    if (result == NULL && !PyErr_Occurred()) {
        /* A rule gave up without saying why: the generic message. */
        p.error = p.fatal = 0;
        p.quiet = 0;
        _PyParser_GenericError(&p);
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "parser failed without error");
        }
    }
    else if (result != NULL && PyErr_Occurred()) {
        /* A warning turned into an error, or a stray exception. */
        result = NULL;
    }
    if (result == NULL && !(flags & PyCF_ALLOW_INCOMPLETE_INPUT)) {
        prefer_later_tokenizer_error(&p);
    }
    if (result == NULL && PyErr_ExceptionMatches(PyExc_SyntaxError)) {
        set_error_metadata(&p, !from_file);
    }
    if (result == NULL && (flags & PyCF_ALLOW_INCOMPLETE_INPUT) &&
        (p.failed_at_eof || tok->eof_incomplete) &&
        PyErr_ExceptionMatches(PyExc_SyntaxError)) {
        /* More lines could complete the input (codeop, the REPL). */
        PyObject *exc = PyErr_GetRaisedException();
        PyObject *args = PyObject_GetAttrString(exc, "args");
        Py_DECREF(exc);
        if (args != NULL && PyTuple_GET_SIZE(args) == 2) {
            PyObject *msg = PyUnicode_FromString("incomplete input");
            PyObject *new_args = msg == NULL ? NULL
                : PyTuple_Pack(2, msg, PyTuple_GET_ITEM(args, 1));
            Py_XDECREF(msg);
            PyObject *incomplete = new_args == NULL ? NULL
                : PyObject_Call(PyExc_IncompleteInputError, new_args, NULL);
            Py_XDECREF(new_args);
            if (incomplete != NULL) {
                PyErr_SetRaisedException(incomplete);
            }
        }
        else if (args != NULL) {
            PyErr_SetString(PyExc_IncompleteInputError, "incomplete input");
        }
        Py_XDECREF(args);
    }
    PyMem_Free(p.tokens);
    _PyTokenizer_Free(tok);
    return result;
}

mod_ty
_PyParser_ParseStringForVersion(const char *source, PyObject *filename,
                                int mode, int flags, int feature_version,
                                PyArena *arena)
{
    Py_ssize_t size = (Py_ssize_t)strlen(source);
    _PyTokenizer *tok = _PyTokenizer_FromString(
        source, size, (flags & PyCF_IGNORE_COOKIE) != 0, filename);
    int ends_with_newline = size > 0 && (source[size - 1] == '\n' ||
                                         source[size - 1] == '\r');
    return run_parser(tok, mode, flags, feature_version, ends_with_newline, 0,
                      arena);
}

mod_ty
_PyParser_ParseStringAndSize(const char *source, Py_ssize_t size,
                             PyObject *filename, int mode, int flags,
                             PyArena *arena)
{
    _PyTokenizer *tok = _PyTokenizer_FromString(
        source, size, (flags & PyCF_IGNORE_COOKIE) != 0, filename);
    int ends_with_newline = size > 0 && (source[size - 1] == '\n' ||
                                         source[size - 1] == '\r');
    return run_parser(tok, mode, flags, PY_MINOR_VERSION, ends_with_newline, 0,
                      arena);
}

mod_ty
_PyParser_ParseString(const char *source, PyObject *filename, int mode,
                      int flags, PyArena *arena)
{
    return _PyParser_ParseStringAndSize(source, (Py_ssize_t)strlen(source),
                                        filename, mode, flags, arena);
}

mod_ty
_PyParser_ParseFile(FILE *fp, PyObject *filename, int mode, int flags,
                    PyArena *arena)
{
    return run_parser(_PyTokenizer_FromFile(fp, filename), mode, flags,
                      PY_MINOR_VERSION, 1, 1, arena);
}
