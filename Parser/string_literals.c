/* String literals: decoding of str and bytes literals (every prefix,
   escapes), implicit concatenation, f-strings (PEP 701) to JoinedStr and
   t-strings (PEP 750) to TemplateStr.

   The tokenizer has already split f-strings and t-strings into literal
   parts and replacement fields; here the parts are decoded and the
   fields parsed ('{' expression ['='] ['!' conversion] [':' spec] '}').
   Adjacent literal text is merged into one Constant, and empty text is
   dropped, as CPython does.

   Thread safety: works only on the Parser of the calling thread. */
#include "parser_private.h"
#include "pycore_bytesobject.h"     /* _PyBytes_DecodeEscape2 */
#include "pycore_unicodeobject.h"   /* _PyUnicode_DecodeUnicodeEscapeInternal */

/* ---- escapes ---------------------------------------------------------------- */

static int
warn_invalid_escape(Parser *p, PToken *t, const char *first_invalid)
{
    if (p->quiet) {
        /* Speculative parses are parsed again for real. */
        return 0;
    }
    PyObject *msg;
    unsigned char c = (unsigned char)first_invalid[1];
    if (c >= '0' && c <= '7') {
        msg = PyUnicode_FromFormat("\"\\%.3s\" is an invalid octal escape "
                                   "sequence. Such sequences will not work in "
                                   "the future. Did you mean \"\\\\%.3s\"? A "
                                   "raw string is also an option.",
                                   first_invalid + 1, first_invalid + 1);
    }
    else {
        msg = PyUnicode_FromFormat("\"\\%c\" is an invalid escape sequence. "
                                   "Such sequences will not work in the "
                                   "future. Did you mean \"\\\\%c\"? A raw "
                                   "string is also an option.", c, c);
    }
    if (msg == NULL) {
        return -1;
    }
    int r = PyErr_WarnExplicitObject(PyExc_SyntaxWarning, msg,
                                     p->tok->filename, t->t.lineno, NULL,
                                     NULL);
    Py_DECREF(msg);
    if (r < 0) {
        if (PyErr_ExceptionMatches(PyExc_SyntaxWarning)) {
            /* -Werror: the warning becomes a SyntaxError at the token. */
            PyObject *exc = PyErr_GetRaisedException();
            PyObject *text = PyObject_Str(exc);
            Py_DECREF(exc);
            if (text != NULL) {
                _PyParser_RaiseAt(p, PyExc_SyntaxError, t->t.lineno,
                                  t->t.col_offset, t->t.end_lineno,
                                  t->t.end_col_offset, "%U", text);
                Py_DECREF(text);
            }
        }
        _PyParser_Fatal(p);
        return -1;
    }
    return 0;
}

/* A decoding error in a literal becomes a SyntaxError at its token:
   "(unicode error) ..." or "(value error) ...". */
static void *
literal_error(Parser *p, PToken *t)
{
    PyObject *exc = PyErr_GetRaisedException();
    const char *kind = PyErr_GivenExceptionMatches(exc, PyExc_UnicodeError)
                       ? "unicode error" : "value error";
    PyObject *text = PyObject_Str(exc);
    Py_DECREF(exc);
    if (text == NULL) {
        return _PyParser_Fatal(p);
    }
    /* CPython reports it where the parser stood after the literal.  The
       pieces of an f-string are copies outside the token array: the
       parser then already stands after the whole literal. */
    PToken tk;
    if (t >= p->tokens && t < p->tokens + p->ntokens) {
        Py_ssize_t i = t - p->tokens;
        _PyParser_Peek(p, i + 1 - p->pos);
        tk = p->tokens[i + 1 < p->ntokens ? i + 1 : i];
    }
    else {
        /* Past the end of the f-string holding the current piece. */
        int depth = 0;
        Py_ssize_t k = 0;
        for (;; k++) {
            int type = _PyParser_Peek(p, k)->t.type;
            if (type == ENDMARKER || type == ERRORTOKEN) {
                break;
            }
            if (type == FSTRING_START || type == TSTRING_START) {
                depth++;
            }
            else if ((type == FSTRING_END || type == TSTRING_END) &&
                     depth-- == 0) {
                k++;
                break;
            }
        }
        tk = *_PyParser_Peek(p, k);
    }
    _PyParser_RaiseAt(p, PyExc_SyntaxError, tk.t.lineno, tk.t.col_offset,
                      tk.t.lineno, tk.t.col_offset, "(%s) %U", kind, text);
    Py_DECREF(text);
    p->fatal = 1;
    return NULL;
}

/* str from the UTF-8 text of a literal with its backslash escapes.  The
   escape decoder reads latin-1, so non-ASCII characters are first spelled
   as \UXXXXXXXX escapes (a backslash before one is a literal backslash). */
static PyObject *
decode_unicode_escapes(Parser *p, PToken *t, const char *s, Py_ssize_t len)
{
    /* Each input byte needs at most 10 output bytes (\U0001F600 from 4). */
    if (len > PY_SSIZE_T_MAX / 10 - 1) {
        return PyErr_NoMemory();
    }
    char *buf = PyMem_Malloc((size_t)len * 10 + 1);
    if (buf == NULL) {
        return PyErr_NoMemory();
    }
    char *q = buf;
    const char *end = s + len;
    while (s < end) {
        if (*s == '\\') {
            *q++ = *s++;
            if (s >= end || (*s & 0x80)) {
                memcpy(q, "u005c", 5);
                q += 5;
                if (s >= end) {
                    break;
                }
            }
        }
        if (*s & 0x80) {
            Py_UCS4 ch;
            Py_ssize_t n = _Py_utf8_decode_one((const unsigned char *)s,
                                               (const unsigned char *)end, &ch);
            if (n <= 0) {
                n = 1;
                ch = 0xFFFD;
            }
            sprintf(q, "\\U%08x", (unsigned int)ch);
            q += 10;
            s += n;
        }
        else {
            *q++ = *s++;
        }
    }
    const char *first_invalid = NULL;
    PyObject *result = _PyUnicode_DecodeUnicodeEscapeInternal(
        buf, q - buf, NULL, NULL, &first_invalid);
    if (result != NULL && first_invalid != NULL &&
        warn_invalid_escape(p, t, first_invalid) < 0) {
        Py_CLEAR(result);
    }
    PyMem_Free(buf);
    return result;
}

/* Bytes from an ASCII literal body with escapes; warns about the first
   invalid escape ("\d", or an octal escape above \377) as str literals
   do.  New reference. */
static PyObject *
decode_bytes_escapes(Parser *p, PToken *t, const char *s, Py_ssize_t len)
{
    const char *first_invalid = NULL;
    PyObject *result = _PyBytes_DecodeEscape2(s, len, NULL, &first_invalid);
    if (result != NULL && first_invalid != NULL
            && warn_invalid_escape(p, t, first_invalid) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

/* ---- plain string tokens ------------------------------------------------------- */

#define LIT_RAW 1
#define LIT_BYTES 2
#define LIT_U 4

/* The prefix flags of a STRING, FSTRING_START or TSTRING_START token and
   the length of its prefix. */
static int
literal_prefix(PToken *t, Py_ssize_t *prefix_len)
{
    int flags = 0;
    const char *s = t->t.start;
    Py_ssize_t i = 0;
    for (; s[i] != '\'' && s[i] != '"'; i++) {
        switch (s[i]) {
        case 'r': case 'R': flags |= LIT_RAW; break;
        case 'b': case 'B': flags |= LIT_BYTES; break;
        /* Only a lowercase u gives the Constant its kind 'u'. */
        case 'u': flags |= LIT_U; break;
        default: break;
        }
    }
    *prefix_len = i;
    return flags;
}

/* The value of a STRING token (str or bytes, new reference). */
static PyObject *
string_token_value(Parser *p, PToken *t, int *flags_out)
{
    Py_ssize_t prefix;
    int flags = literal_prefix(t, &prefix);
    *flags_out = flags;
    const char *s = t->t.start + prefix;
    Py_ssize_t len = t->t.end - s;
    Py_ssize_t quote = (len >= 6 && s[1] == s[0] && s[2] == s[0]) ? 3 : 1;
    const char *body = s + quote;
    Py_ssize_t body_len = len - 2 * quote;
    PyObject *value;
    if (flags & LIT_BYTES) {
        for (Py_ssize_t i = 0; i < body_len; i++) {
            if ((unsigned char)body[i] >= 0x80) {
                PToken tk = *t;
                _PyParser_RaiseAt(p, PyExc_SyntaxError, tk.t.lineno,
                                  tk.t.col_offset, tk.t.end_lineno,
                                  tk.t.end_col_offset, "bytes can only contain "
                                  "ASCII literal characters");
                p->fatal = 1;
                return NULL;
            }
        }
        value = (flags & LIT_RAW) ? PyBytes_FromStringAndSize(body, body_len)
                                  : decode_bytes_escapes(p, t, body, body_len);
    }
    else {
        value = (flags & LIT_RAW) ? PyUnicode_DecodeUTF8(body, body_len, NULL)
                                  : decode_unicode_escapes(p, t, body, body_len);
    }
    if (value == NULL && !p->fatal) {
        if (PyErr_ExceptionMatches(PyExc_MemoryError)) {
            return _PyParser_Fatal(p);
        }
        return literal_error(p, t);
    }
    return value;
}

/* ---- collecting parts ---------------------------------------------------------- */

/* The pieces of a concatenation: Constant str parts (merged as they come)
   and FormattedValue / Interpolation nodes. */
typedef struct {
    Vec values;
    PyObject *pending;          /* text not yet turned into a Constant */
    Start pending_start;
    int pending_end_lineno, pending_end_col;
} Pieces;

static int
add_text(Parser *p, Pieces *pc, PyObject *text, Start s, int end_lineno,
         int end_col)
{
    if (PyUnicode_GET_LENGTH(text) == 0) {
        Py_DECREF(text);
        return 0;
    }
    if (pc->pending == NULL) {
        pc->pending = text;
        pc->pending_start = s;
    }
    else {
        PyUnicode_Append(&pc->pending, text);
        Py_DECREF(text);
        if (pc->pending == NULL) {
            _PyParser_Fatal(p);
            return -1;
        }
    }
    pc->pending_end_lineno = end_lineno;
    pc->pending_end_col = end_col;
    return 0;
}

static int
flush_text(Parser *p, Pieces *pc)
{
    if (pc->pending == NULL) {
        return 0;
    }
    PyObject *text = pc->pending;
    pc->pending = NULL;
    if (_PyParser_Own(p, text) == NULL) {
        return -1;
    }
    Start s = pc->pending_start;
    expr_ty c = _PyAST_Constant(text, NULL, s.lineno, s.col,
                                pc->pending_end_lineno, pc->pending_end_col,
                                p->arena);
    if (c == NULL || vec_push(&pc->values, c) < 0) {
        _PyParser_Fatal(p);
        return -1;
    }
    return 0;
}

static int
add_node(Parser *p, Pieces *pc, expr_ty node)
{
    if (flush_text(p, pc) < 0) {
        return -1;
    }
    return vec_push(&pc->values, node);
}

static void
pieces_clear(Pieces *pc)
{
    Py_CLEAR(pc->pending);
}

/* ---- f-strings and t-strings ------------------------------------------------------ */

static int fstring_parts(Parser *p, Pieces *pc, int raw, int is_t,
                         int in_spec);

/* Before the next part of a replacement field: the message when
   something else is there.  `expected` lists what may come. */
static int
field_expect(Parser *p, char prefix, int allowed, const char *expected)
{
    int t = cur_type(p);
    if (((allowed & 1) && t == EQUAL) || ((allowed & 2) && t == EXCLAMATION) ||
        ((allowed & 4) && t == COLON) || t == RBRACE) {
        return 0;
    }
    if (!p->error) {
        RAISE_HERE("%c-string: expecting %s", prefix, expected);
    }
    return -1;
}

/* The text of the source between two pointers, as str. */
static PyObject *
source_text(const char *start, const char *end)
{
    return PyUnicode_DecodeUTF8(start, end - start, "replace");
}

/* The text of `{expr=`, up to the next token, without its comments
   (a comment runs to the end of its line; string literals in the
   expression are kept whole), as CPython echoes it. */
static PyObject *
debug_source_text(const char *start, const char *end)
{
    if (end == NULL || end <= start) {
        /* The field ends in an error token: nothing to strip. */
        return source_text(start, end);
    }
    char *buf = PyMem_Malloc((size_t)(end - start) + 1);
    if (buf == NULL) {
        return PyErr_NoMemory();
    }
    Py_ssize_t n = 0;
    char quote = 0;
    int quote_size = 0;
    for (const char *c = start; c < end; c++) {
        if (quote) {
            if (*c == '\\' && c + 1 < end) {
                buf[n++] = *c++;
            }
            else if (*c == quote && (quote_size == 1 ||
                     (c + 2 < end && c[1] == quote && c[2] == quote))) {
                for (int i = 1; i < quote_size; i++) {
                    buf[n++] = *c++;
                }
                quote = 0;
            }
        }
        else if (*c == '\'' || *c == '"') {
            quote = *c;
            quote_size = c + 2 < end && c[1] == *c && c[2] == *c ? 3 : 1;
            for (int i = 1; i < quote_size; i++) {
                buf[n++] = *c++;
            }
        }
        else if (*c == '#') {
            while (c + 1 < end && c[1] != '\n') {
                c++;
            }
            continue;
        }
        buf[n++] = *c;
    }
    PyObject *text = PyUnicode_DecodeUTF8(buf, n, "replace");
    PyMem_Free(buf);
    return text;
}

/* A literal part (FSTRING_MIDDLE / TSTRING_MIDDLE) decoded: escapes
   unless raw.  A backslash right before a replacement field's brace is
   a literal backslash. */
static PyObject *
middle_value(Parser *p, PToken *t, int raw)
{
    const char *s = t->t.start;
    Py_ssize_t len = t->t.end - s;
    if (raw) {
        return PyUnicode_DecodeUTF8(s, len, NULL);
    }
    /* A lone trailing backslash escapes nothing (the brace after it is
       outside the token). */
    Py_ssize_t backslashes = 0;
    while (backslashes < len && s[len - 1 - backslashes] == '\\') {
        backslashes++;
    }
    if (backslashes % 2 == 1) {
        PyObject *head = decode_unicode_escapes(p, t, s, len - 1);
        if (head == NULL) {
            return NULL;
        }
        char after = *t->t.end;
        char bad[3] = {'\\', after, '\0'};
        if (warn_invalid_escape(p, t, bad) < 0) {
            Py_DECREF(head);
            return NULL;
        }
        PyObject *slash = PyUnicode_FromString("\\");
        if (slash == NULL) {
            Py_DECREF(head);
            return NULL;
        }
        PyUnicode_Append(&head, slash);
        Py_DECREF(slash);
        return head;
    }
    return decode_unicode_escapes(p, t, s, len);
}

/* '{' expression ['='] ['!' NAME] [':' spec] '}' at the current token.
   A field of a t-string is an Interpolation, except inside a format spec
   (in_spec), which is evaluated to a str as in an f-string. */
static expr_ty
replacement_field(Parser *p, Pieces *pc, int raw, int is_t, int in_spec)
{
    char prefix = is_t ? 't' : 'f';
    Start s = start_here(p);
    const char *expr_start = cur(p)->t.end;
    advance(p);     /* '{' */
    int t = cur_type(p);
    if (t == EQUAL || t == EXCLAMATION || t == COLON || t == RBRACE) {
        PToken *tk = cur(p);
        return RAISE_HERE("%c-string: valid expression required before '%c'",
                          prefix, tk->t.start[0]);
    }
    if (!_PyParser_AtExpressionStart(p) && !at(p, STAR) &&
        !at_kw(p, KW_yield)) {
        return RAISE_HERE("%c-string: expecting a valid expression after '{'",
                          prefix);
    }
    Mark value_start = mark(p);
    expr_ty value = _PyParser_AnnotatedRhs(p);
    if (value == NULL) {
        return NULL;
    }
    if (_PyParser_AtExpressionStart(p)) {
        return _PyParser_ErrorAfterExpression(p, value, value_start);
    }
    if (field_expect(p, prefix, 7, "'=', or '!', or ':', or '}'") < 0) {
        return NULL;
    }
    const char *expr_end = cur(p)->t.start;
    int debug = 0;
    PyObject *debug_text = NULL;
    if (at(p, EQUAL)) {
        advance(p);
        debug = 1;
        debug_text = debug_source_text(expr_start, cur(p)->t.start);
        if (debug_text == NULL) {
            return _PyParser_Fatal(p);
        }
        if (field_expect(p, prefix, 6, "'!', or ':', or '}'") < 0) {
            Py_DECREF(debug_text);
            return NULL;
        }
    }
    int conversion = -1;
    if (at(p, EXCLAMATION)) {
        PToken bang = *cur(p);
        advance(p);
        PToken *name = cur(p);
        if (name->t.type != NAME) {
            Py_XDECREF(debug_text);
            if (at(p, COLON) || at(p, RBRACE)) {
                return RAISE_HERE("%c-string: missing conversion character",
                                  prefix);
            }
            return RAISE_HERE("%c-string: invalid conversion character",
                              prefix);
        }
        if (name->t.start != bang.t.end) {
            Py_XDECREF(debug_text);
            return RAISE_HERE("%c-string: conversion type must come right "
                              "after the exclamanation mark", prefix);
        }
        Py_ssize_t n = name->t.end - name->t.start;
        char c = name->t.start[0];
        if (n != 1 || (c != 's' && c != 'r' && c != 'a')) {
            Py_XDECREF(debug_text);
            PyObject *conv = PyUnicode_DecodeUTF8(name->t.start, n, "replace");
            if (conv == NULL) {
                return _PyParser_Fatal(p);
            }
            PToken tk = *name;
            _PyParser_RaiseAt(p, PyExc_SyntaxError, tk.t.lineno,
                              tk.t.col_offset, tk.t.end_lineno,
                              tk.t.end_col_offset, "%c-string: invalid "
                              "conversion character %R: expected 's', 'r', "
                              "or 'a'", prefix, conv);
            Py_DECREF(conv);
            return NULL;
        }
        conversion = c;
        advance(p);
        if (field_expect(p, prefix, 4, "':' or '}'") < 0) {
            Py_XDECREF(debug_text);
            return NULL;
        }
    }
    expr_ty spec = NULL;
    if (at(p, COLON)) {
        /* The spec's JoinedStr starts at its ':', as in CPython. */
        Start ss = start_here(p);
        advance(p);
        Pieces spc = {VEC_INIT, NULL, {0, 0}, 0, 0};
        if (fstring_parts(p, &spc, raw, is_t, 1) < 0 ||
            flush_text(p, &spc) < 0) {
            pieces_clear(&spc);
            Py_XDECREF(debug_text);
            return NULL;
        }
        asdl_expr_seq *seq = VEC_SEQ(asdl_expr_seq, &spc.values);
        spec = seq == NULL ? NULL : _PyAST_JoinedStr(seq, EXTRA(ss));
        if (spec == NULL) {
            Py_XDECREF(debug_text);
            return _PyParser_Fatal(p);
        }
    }
    if (!at(p, RBRACE)) {
        Py_XDECREF(debug_text);
        if (p->error) {
            return NULL;
        }
        return RAISE_HERE("%c-string: expecting '}'", prefix);
    }
    advance(p);
    if (debug) {
        if (add_text(p, pc, debug_text, s, s.lineno, s.col) < 0) {
            return NULL;
        }
        if (conversion == -1 && spec == NULL) {
            conversion = 'r';
        }
    }
    if (is_t && !in_spec) {
        PyObject *str = source_text(expr_start, expr_end);
        if (str == NULL || _PyParser_Own(p, str) == NULL) {
            return _PyParser_Fatal(p);
        }
        return _PyAST_Interpolation(value, str, conversion, spec, EXTRA(s));
    }
    return _PyAST_FormattedValue(value, conversion, spec, EXTRA(s));
}

/* Literal parts and fields of an f-string body or format spec, up to its
   FSTRING_END (consumed) or, in a spec, the closing '}' (not consumed). */
static int
fstring_parts(Parser *p, Pieces *pc, int raw, int is_t, int in_spec)
{
    int middle = is_t ? TSTRING_MIDDLE : FSTRING_MIDDLE;
    int end = is_t ? TSTRING_END : FSTRING_END;
    ENTER(p, -1);
    for (;;) {
        PToken *t = cur(p);
        if (t->t.type == middle) {
            PToken tk = *t;
            PyObject *text = middle_value(p, t, raw);
            if (text == NULL) {
                if (!p->fatal) {
                    literal_error(p, &tk);
                }
                break;
            }
            Start s = {tk.t.lineno, tk.t.col_offset};
            advance(p);
            if (add_text(p, pc, text, s, tk.t.end_lineno,
                         tk.t.end_col_offset) < 0) {
                break;
            }
        }
        else if (t->t.type == LBRACE) {
            expr_ty field = replacement_field(p, pc, raw, is_t, in_spec);
            if (field == NULL || add_node(p, pc, field) < 0) {
                break;
            }
        }
        else if (in_spec && t->t.type == RBRACE) {
            LEAVE(p);
            return 0;
        }
        else if (!in_spec && t->t.type == end) {
            advance(p);
            LEAVE(p);
            return 0;
        }
        else {
            if (!p->error) {
                RAISE_HERE("%c-string: expecting '}'", is_t ? 't' : 'f');
            }
            break;
        }
    }
    LEAVE(p);
    return -1;
}

/* ---- concatenation ------------------------------------------------------------------ */

expr_ty
_PyParser_Strings(Parser *p)
{
    Start s = start_here(p);
    Pieces pc = {VEC_INIT, NULL, {0, 0}, 0, 0};
    PyObject *bytes = NULL;
    int n_str = 0, n_bytes = 0, n_f = 0, n_t = 0;
    int first_u = -1;
    expr_ty result = NULL;
    for (;;) {
        PToken *t = cur(p);
        int type = t->t.type;
        if (type == STRING) {
            PToken tk = *t;
            int flags;
            PyObject *value = string_token_value(p, t, &flags);
            if (value == NULL) {
                goto done;
            }
            if (first_u < 0) {
                first_u = (flags & LIT_U) != 0;
            }
            advance(p);
            if (flags & LIT_BYTES) {
                n_bytes++;
                if (bytes == NULL) {
                    bytes = value;
                }
                else {
                    PyBytes_ConcatAndDel(&bytes, value);
                    if (bytes == NULL) {
                        _PyParser_Fatal(p);
                        goto done;
                    }
                }
            }
            else {
                n_str++;
                Start ts = {tk.t.lineno, tk.t.col_offset};
                if (add_text(p, &pc, value, ts, tk.t.end_lineno,
                             tk.t.end_col_offset) < 0) {
                    goto done;
                }
            }
        }
        else if (type == FSTRING_START || type == TSTRING_START) {
            Py_ssize_t prefix;
            int flags = literal_prefix(t, &prefix);
            int is_t = type == TSTRING_START;
            if (first_u < 0) {
                first_u = 0;
            }
            if (is_t) {
                n_t++;
            }
            else {
                n_f++;
            }
            advance(p);
            if (fstring_parts(p, &pc, (flags & LIT_RAW) != 0, is_t, 0) < 0) {
                goto done;
            }
        }
        else {
            break;
        }
    }
    if (n_bytes && (n_str || n_f || n_t)) {
        RAISE_HERE("cannot mix bytes and nonbytes literals");
        goto done;
    }
    if (n_t && (n_str || n_f)) {
        RAISE_HERE("cannot mix t-string literals with string or bytes "
                   "literals");
        goto done;
    }
    if (n_bytes) {
        if (_PyParser_Own(p, bytes) == NULL) {
            bytes = NULL;
            goto done;
        }
        PyObject *value = bytes;
        bytes = NULL;
        result = _PyAST_Constant(value, NULL, EXTRA(s));
        goto done;
    }
    if (!n_f && !n_t) {
        /* Plain strings: one Constant ('u' kind from the first literal). */
        PyObject *value = pc.pending;
        pc.pending = NULL;
        if (value == NULL) {
            value = PyUnicode_FromString("");
        }
        if (_PyParser_Own(p, value) == NULL) {
            goto done;
        }
        PyObject *kind = NULL;
        if (first_u == 1) {
            kind = _PyParser_NewIdentifier(p, "u", 1);
            if (kind == NULL) {
                goto done;
            }
        }
        result = _PyAST_Constant(value, kind, EXTRA(s));
        goto done;
    }
    if (flush_text(p, &pc) < 0) {
        goto done;
    }
    asdl_expr_seq *values = VEC_SEQ(asdl_expr_seq, &pc.values);
    if (values == NULL || (n_t && CHECK_VERSION(14, "t-strings are") < 0)) {
        goto done;
    }
    result = n_t ? _PyAST_TemplateStr(values, EXTRA(s))
                 : _PyAST_JoinedStr(values, EXTRA(s));
  done:
    pieces_clear(&pc);
    Py_XDECREF(bytes);
    if (result == NULL && !p->error) {
        _PyParser_Fatal(p);
    }
    return result;
}
