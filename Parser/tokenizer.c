/* The tokenizer: UTF-8 source text to Python 3.15 tokens
   (pycore_tokenizer.h describes the interface).

   The source is one decoded buffer (Parser/tokenizer_input.c); the
   tokenizer walks it with `cur`, tracking the current line so every token
   knows its line and byte columns.  Three jobs happen on top of splitting
   characters into tokens:

   - indentation: at the start of each logical line outside brackets the
     width of the leading white space is compared with a stack of widths
     to produce INDENT and DEDENT tokens.  Widths are measured twice, with
     tabs to the next multiple of 8 and with tabs as 1 column; the two
     must order lines the same way, else TabError.
   - brackets: a stack of open brackets with their positions for
     "unmatched ')'", mismatches and "'(' was never closed".
   - f-strings and t-strings (PEP 701): a stack of open f-strings.  Each
     is either in literal text (FSTRING_MIDDLE) or inside a replacement
     field, where ordinary tokens are produced until the '}' that closes
     the field's '{' (found by bracket level); a ':' at the field's own
     level starts a format spec, which is literal text again and may hold
     one more level of fields.

   Thread safety: a tokenizer belongs to the thread using it; the shared
   data are const tables only. */
#include "Python.h"
#include "pycore_tokenizer.h"
#include "pycore_unicodeobject.h"   /* _PyUnicode_ScanIdentifier */

/* ASCII classes; EOF (-1) is in none of them. */
#define IS_DIGIT(c) ((c) >= '0' && (c) <= '9')
#define IS_XDIGIT(c) (IS_DIGIT(c) || ((c) >= 'a' && (c) <= 'f') || \
                      ((c) >= 'A' && (c) <= 'F'))
#define IS_ALPHA(c) (((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z'))
#define IS_IDENT_START(c) (IS_ALPHA(c) || (c) == '_' || (c) >= 128)
#define IS_IDENT_CHAR(c) (IS_ALPHA(c) || IS_DIGIT(c) || (c) == '_' || (c) >= 128)

/* ---- creation ------------------------------------------------------------ */

static _PyTokenizer *
tok_new(char *buf, Py_ssize_t len, PyObject *filename, char *encoding)
{
    _PyTokenizer *tok = PyMem_Calloc(1, sizeof(_PyTokenizer));
    if (tok == NULL) {
        PyMem_Free(buf);
        PyMem_Free(encoding);
        PyErr_NoMemory();
        return NULL;
    }
    tok->buf = buf;
    tok->end = buf + len;
    tok->cur = buf;
    tok->line_start = buf;
    tok->lineno = 1;
    tok->atbol = 1;
    tok->done = E_OK;
    tok->encoding = encoding;
    if (filename != NULL) {
        tok->filename = Py_NewRef(filename);
    }
    else {
        tok->filename = PyUnicode_FromString("<string>");
        if (tok->filename == NULL) {
            _PyTokenizer_Free(tok);
            return NULL;
        }
    }
    return tok;
}

_PyTokenizer *
_PyTokenizer_FromString(const char *str, Py_ssize_t len, int ignore_cookie,
                        PyObject *filename)
{
    Py_ssize_t n;
    char *encoding;
    PyObject *name = filename;
    if (name == NULL) {
        name = PyUnicode_FromString("<string>");
        if (name == NULL) {
            return NULL;
        }
    }
    else {
        Py_INCREF(name);
    }
    char *buf = _PyTokenizer_DecodeSource(str, len, ignore_cookie ? 1 : 0,
                                          name, &n, &encoding);
    _PyTokenizer *tok = buf == NULL ? NULL : tok_new(buf, n, name, encoding);
    Py_DECREF(name);
    return tok;
}

_PyTokenizer *
_PyTokenizer_FromUTF8(const char *str, Py_ssize_t len, PyObject *filename)
{
    return _PyTokenizer_FromString(str, len, 1, filename);
}

_PyTokenizer *
_PyTokenizer_FromFile(FILE *fp, PyObject *filename)
{
    size_t cap = 8192, len = 0;
    char *data = PyMem_Malloc(cap);
    if (data == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (;;) {
        if (len == cap) {
            char *grown = PyMem_Realloc(data, cap * 2);
            if (grown == NULL) {
                PyMem_Free(data);
                PyErr_NoMemory();
                return NULL;
            }
            data = grown;
            cap *= 2;
        }
        size_t got = fread(data + len, 1, cap - len, fp);
        len += got;
        if (got == 0) {
            break;
        }
    }
    if (ferror(fp)) {
        PyMem_Free(data);
        PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    PyObject *name = filename;
    if (name == NULL) {
        name = PyUnicode_FromString("<string>");
        if (name == NULL) {
            PyMem_Free(data);
            return NULL;
        }
    }
    else {
        Py_INCREF(name);
    }
    Py_ssize_t n;
    char *encoding;
    /* -1: a file, for the wording of decoding errors. */
    char *buf = _PyTokenizer_DecodeSource(data, (Py_ssize_t)len, -1, name,
                                          &n, &encoding);
    PyMem_Free(data);
    _PyTokenizer *tok = buf == NULL ? NULL : tok_new(buf, n, name, encoding);
    Py_DECREF(name);
    return tok;
}

void
_PyTokenizer_Free(_PyTokenizer *tok)
{
    if (tok == NULL) {
        return;
    }
    PyMem_Free(tok->buf);
    PyMem_Free(tok->encoding);
    Py_XDECREF(tok->filename);
    PyMem_Free(tok);
}

/* ---- lines and errors ------------------------------------------------------- */

const char *
_PyTokenizer_LineStart(_PyTokenizer *tok, int lineno, Py_ssize_t *len)
{
    const char *p = tok->buf;
    /* Lines before the current one are found from the start; the current
       line's start is known. */
    if (lineno >= tok->lineno) {
        p = tok->line_start;
    }
    else {
        for (int n = 1; n < lineno && p < tok->end; n++) {
            const char *nl = memchr(p, '\n', (size_t)(tok->end - p));
            if (nl == NULL) {
                break;
            }
            p = nl + 1;
        }
    }
    const char *nl = memchr(p, '\n', (size_t)(tok->end - p));
    *len = (nl ? nl : tok->end) - p;
    return p;
}

/* Characters (not bytes) in line[0:nbytes]. */
Py_ssize_t
_PyTokenizer_CharCount(const char *line, Py_ssize_t nbytes)
{
    Py_ssize_t n = 0;
    for (Py_ssize_t i = 0; i < nbytes; i++) {
        if (((unsigned char)line[i] & 0xC0) != 0x80) {
            n++;
        }
    }
    return n;
}

/* Raise errtype(msg) with the SyntaxError location attributes as given
   (offsets already 1-based characters); the text is line `lineno`, with
   its newline when with_newline. */
int
_PyTokenizer_RaiseLocated(_PyTokenizer *tok, PyObject *errtype, PyObject *msg,
                          int lineno, Py_ssize_t offset, int end_lineno,
                          Py_ssize_t end_offset, int with_newline)
{
    Py_ssize_t len;
    const char *line = _PyTokenizer_LineStart(tok, lineno, &len);
    if (with_newline && line + len < tok->end) {
        len++;
    }
    PyObject *text = PyUnicode_DecodeUTF8(line, len, "replace");
    if (text == NULL) {
        return -1;
    }
    PyObject *args = Py_BuildValue("(O(OiNNin))", msg, tok->filename, lineno,
                                   PyLong_FromSsize_t(offset), text,
                                   end_lineno, end_offset);
    if (args == NULL) {
        return -1;
    }
    PyObject *exc = PyObject_Call(errtype, args, NULL);
    Py_DECREF(args);
    if (exc != NULL) {
        PyErr_SetObject(errtype, exc);
        Py_DECREF(exc);
    }
    return -1;
}

int
_PyTokenizer_RaiseAt(_PyTokenizer *tok, PyObject *errtype, int lineno,
                     int col_offset, int end_lineno, int end_col_offset,
                     const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    PyObject *msg = PyUnicode_FromFormatV(format, vargs);
    va_end(vargs);
    if (msg == NULL) {
        return -1;
    }
    Py_ssize_t len;
    const char *line = _PyTokenizer_LineStart(tok, lineno, &len);
    Py_ssize_t offset = col_offset < 0 ? col_offset + 1
                        : _PyTokenizer_CharCount(line, col_offset < len ? col_offset : len) + 1;
    Py_ssize_t end_offset = end_col_offset + 1;
    if (end_col_offset >= 0) {
        const char *eline = _PyTokenizer_LineStart(tok, end_lineno, &len);
        end_offset = _PyTokenizer_CharCount(eline, end_col_offset < len ? end_col_offset : len) + 1;
    }
    _PyTokenizer_RaiseLocated(tok, errtype, msg, lineno, offset, end_lineno, end_offset,
                  1);
    Py_DECREF(msg);
    return -1;
}

/* The tokenizer's own errors: the offsets point just before `at` (the
   character count of the line up to it), the text is the line without
   its newline.  Sets done and returns ERRORTOKEN. */
static int
tok_error_at(_PyTokenizer *tok, const char *at, const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    PyObject *msg = PyUnicode_FromFormatV(format, vargs);
    va_end(vargs);
    if (msg != NULL) {
        Py_ssize_t offset = _PyTokenizer_CharCount(tok->line_start, at - tok->line_start);
        _PyTokenizer_RaiseLocated(tok, PyExc_SyntaxError, msg, tok->lineno, offset,
                      tok->lineno, offset, 0);
        Py_DECREF(msg);
    }
    tok->done = E_ERROR;
    return ERRORTOKEN;
}

/* An error at a span of an earlier or the current line: 1-based offsets
   of the first character and after the last, text without newline. */
static int
tok_error_span(_PyTokenizer *tok, PyObject *errtype, int lineno,
               const char *line, const char *start, const char *end,
               const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    PyObject *msg = PyUnicode_FromFormatV(format, vargs);
    va_end(vargs);
    if (msg != NULL) {
        _PyTokenizer_RaiseLocated(tok, errtype, msg, lineno,
                      _PyTokenizer_CharCount(line, start - line) + 1, lineno,
                      _PyTokenizer_CharCount(line, end - line) + 1, 0);
        Py_DECREF(msg);
    }
    tok->done = E_ERROR;
    return ERRORTOKEN;
}

/* Indentation errors as CPython's parser reports them: the line with its
   newline as text. */
static int
indent_error(_PyTokenizer *tok, PyObject *errtype, Py_ssize_t offset,
             Py_ssize_t end_offset, const char *message)
{
    PyObject *msg = PyUnicode_FromString(message);
    if (msg != NULL) {
        _PyTokenizer_RaiseLocated(tok, errtype, msg, tok->lineno, offset, tok->lineno,
                      end_offset, 1);
        Py_DECREF(msg);
    }
    tok->done = E_ERROR;
    return ERRORTOKEN;
}

static int
warn(_PyTokenizer *tok, PyObject *category, const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    PyObject *msg = PyUnicode_FromFormatV(format, vargs);
    va_end(vargs);
    if (msg == NULL) {
        return -1;
    }
    int r = PyErr_WarnExplicitObject(category, msg, tok->filename,
                                     tok->lineno, NULL, NULL);
    if (r < 0 && PyErr_ExceptionMatches(category)) {
        /* The warning is an error (-Werror): report it as a SyntaxError
           at the current position, as CPython does. */
        PyErr_Clear();
        tok_error_at(tok, tok->cur, "%U", msg);
    }
    Py_DECREF(msg);
    return r;
}

/* ---- character access --------------------------------------------------------- */

static inline int
peek(_PyTokenizer *tok, Py_ssize_t k)
{
    const char *p = tok->cur + k;
    return p < tok->end ? (unsigned char)*p : EOF;
}

/* Step over one character that is known not to be a newline. */
static inline void
skip(_PyTokenizer *tok, Py_ssize_t n)
{
    tok->cur += n;
}

/* Step over a newline at cur. */
static inline void
skip_newline(_PyTokenizer *tok)
{
    tok->cur++;
    tok->lineno++;
    tok->line_start = tok->cur;
}

/* Step over any character, newline or not. */
static inline void
skip_any(_PyTokenizer *tok)
{
    if (*tok->cur == '\n') {
        skip_newline(tok);
    }
    else {
        tok->cur++;
    }
}

/* ---- token construction ------------------------------------------------------- */

typedef struct {
    const char *start;
    const char *line_start;
    int lineno;
} mark;

static inline mark
mark_here(_PyTokenizer *tok)
{
    mark m = {tok->cur, tok->line_start, tok->lineno};
    return m;
}

static int
make_token(_PyTokenizer *tok, _PyToken *t, int type, mark m,
           const char *end)
{
    t->type = type;
    t->start = m.start;
    t->end = end;
    t->lineno = m.lineno;
    t->col_offset = (int)(m.start - m.line_start);
    /* The end may lie on a later line (strings); the current line start
       is the right base when end is on the current line. */
    if (end > tok->line_start ||
        (end == tok->line_start && (end == tok->buf || end[-1] != '\n'))) {
        t->end_lineno = tok->lineno;
        t->end_col_offset = (int)(end - tok->line_start);
    }
    else {
        t->end_lineno = m.lineno;
        t->end_col_offset = (int)(end - m.line_start);
    }
    return type;
}

/* ---- brackets ------------------------------------------------------------------- */

static _PyTokFString *
current_fstring(_PyTokenizer *tok)
{
    return tok->nfstrings ? &tok->fstrings[tok->nfstrings - 1] : NULL;
}

static int
open_bracket(_PyTokenizer *tok, char c)
{
    if (tok->level >= MAXLEVEL) {
        tok_error_at(tok, tok->cur + 1, "too many nested parentheses");
        return -1;
    }
    tok->parenstack[tok->level] = c;
    tok->parenlinenostack[tok->level] = tok->lineno;
    tok->parencolstack[tok->level] = (int)(tok->cur - tok->line_start);
    tok->level++;
    return 0;
}

static int
close_bracket(_PyTokenizer *tok, char c)
{
    if (tok->level == 0) {
        if (tok->extra_tokens) {
            /* The tokenize module reports a stray closer as an OP token,
               as CPython's tokenizer does in that mode. */
            return 0;
        }
        tok_error_at(tok, tok->cur + 1, "unmatched '%c'", c);
        return -1;
    }
    tok->level--;
    char opener = tok->parenstack[tok->level];
    if ((opener == '(' && c == ')') || (opener == '[' && c == ']') ||
        (opener == '{' && c == '}')) {
        return 0;
    }
    if (opener == '{' && tok->nfstrings > 0) {
        /* The brace opening an f-string's replacement field, closed by
           ')' or ']': f"{)}". */
        _PyTokFString *fs = &tok->fstrings[tok->nfstrings - 1];
        if (fs->nfields > 0 && fs->fields[fs->nfields - 1].level == tok->level) {
            tok_error_at(tok, tok->cur + 1, "%s: unmatched '%c'",
                         fs->is_tstring ? "t-string" : "f-string", c);
            return -1;
        }
    }
    if (tok->extra_tokens) {
        return 0;       /* tokenize mode: mismatched closers are tokens too */
    }
    int opener_line = tok->parenlinenostack[tok->level];
    if (opener_line != tok->lineno) {
        tok_error_at(tok, tok->cur + 1,
                     "closing parenthesis '%c' does not match opening "
                     "parenthesis '%c' on line %d", c, opener, opener_line);
    }
    else {
        tok_error_at(tok, tok->cur + 1,
                     "closing parenthesis '%c' does not match opening "
                     "parenthesis '%c'", c, opener);
    }
    return -1;
}

/* ---- identifiers --------------------------------------------------------------- */

/* A name containing non-ASCII characters must be a valid identifier;
   otherwise the first bad character is reported. */
static int
verify_identifier(_PyTokenizer *tok, const char *start)
{
    PyObject *s = PyUnicode_DecodeUTF8(start, tok->cur - start, NULL);
    if (s == NULL) {
        return -1;
    }
    Py_ssize_t valid = _PyUnicode_ScanIdentifier(s);
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    if (valid < 0) {
        Py_DECREF(s);
        return -1;
    }
    if (valid >= len) {
        Py_DECREF(s);
        return 0;
    }
    Py_UCS4 ch = PyUnicode_READ_CHAR(s, valid);
    Py_DECREF(s);
    /* Point just after the offending character. */
    const char *p = start;
    for (Py_ssize_t i = 0; i <= valid; i++) {
        p++;
        while (p < tok->cur && ((unsigned char)*p & 0xC0) == 0x80) {
            p++;
        }
    }
    if (Py_UNICODE_ISPRINTABLE(ch)) {
        tok_error_at(tok, p, "invalid character '%c' (U+%04X)", (int)ch,
                     (unsigned int)ch);
    }
    else {
        tok_error_at(tok, p, "invalid non-printable character U+%04X",
                     (unsigned int)ch);
    }
    return -1;
}

/* The string prefix spelled by start[0:n], as flags; -1 if it is none
   (any case and order of: r, u, b, br, f, fr, t, tr). */
#define PREFIX_RAW 1
#define PREFIX_BYTES 2
#define PREFIX_F 4
#define PREFIX_T 8
#define PREFIX_U 16

static int
string_prefix(const char *start, Py_ssize_t n)
{
    int flags = 0;
    if (n > 2) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        int bit;
        switch (start[i]) {
        case 'r': case 'R': bit = PREFIX_RAW; break;
        case 'b': case 'B': bit = PREFIX_BYTES; break;
        case 'f': case 'F': bit = PREFIX_F; break;
        case 't': case 'T': bit = PREFIX_T; break;
        case 'u': case 'U': bit = PREFIX_U; break;
        default: return -1;
        }
        if (flags & bit) {
            return -1;
        }
        flags |= bit;
    }
    if (n == 2 && !(flags & PREFIX_RAW)) {
        return -1;      /* only r combines with another letter */
    }
    if ((flags & PREFIX_U) && n != 1) {
        return -1;
    }
    return flags;
}

/* ---- numbers --------------------------------------------------------------------- */

static int
tok_peek_word(_PyTokenizer *tok, Py_ssize_t k, const char *word)
{
    for (Py_ssize_t i = 0; word[i]; i++) {
        if (peek(tok, k + i) != (unsigned char)word[i]) {
            return 0;
        }
    }
    return 1;
}

/* After a number: a letter right after it is an error, except the
   keywords that valid code may put there ("1if x else y"), which only
   warn.  0 if fine, -1 with the error raised. */
static int
verify_end_of_number(_PyTokenizer *tok, const char *kind)
{
    if (tok->extra_tokens) {
        return 0;
    }
    int c = peek(tok, 0);
    int keyword = 0;
    switch (c) {
    case 'a': keyword = tok_peek_word(tok, 1, "nd"); break;
    case 'e': keyword = tok_peek_word(tok, 1, "lse"); break;
    case 'f': keyword = tok_peek_word(tok, 1, "or"); break;
    case 'i': {
        int c2 = peek(tok, 1);
        keyword = c2 == 'f' || c2 == 'n' || c2 == 's';
        break;
    }
    case 'n': keyword = tok_peek_word(tok, 1, "ot"); break;
    case 'o': keyword = tok_peek_word(tok, 1, "r"); break;
    }
    if (keyword) {
        if (warn(tok, PyExc_SyntaxWarning, "invalid %s literal", kind) < 0) {
            tok->done = E_ERROR;
            return -1;
        }
        return 0;
    }
    if (c != EOF && c < 128 && IS_IDENT_CHAR(c)) {
        tok_error_at(tok, tok->cur, "invalid %s literal", kind);
        return -1;
    }
    return 0;
}

/* Digits with single underscores between them; cur is on the first
   digit.  0, or -1 after "invalid decimal literal". */
static int
decimal_tail(_PyTokenizer *tok)
{
    for (;;) {
        while (IS_DIGIT(peek(tok, 0))) {
            skip(tok, 1);
        }
        if (peek(tok, 0) != '_') {
            return 0;
        }
        skip(tok, 1);
        if (!IS_DIGIT(peek(tok, 0))) {
            tok_error_at(tok, tok->cur, "invalid decimal literal");
            return -1;
        }
    }
}

/* After the integer part (or "." of ".5"): fraction, exponent, 'j'. */
static int
number_fraction_exponent(_PyTokenizer *tok, _PyToken *t, mark m,
                         int has_fraction_dot)
{
    if (has_fraction_dot || peek(tok, 0) == '.') {
        if (!has_fraction_dot) {
            skip(tok, 1);
        }
        if (IS_DIGIT(peek(tok, 0)) && decimal_tail(tok) < 0) {
            return ERRORTOKEN;
        }
    }
    int c = peek(tok, 0);
    if (c == 'e' || c == 'E') {
        const char *e = tok->cur;
        skip(tok, 1);
        c = peek(tok, 0);
        if (c == '+' || c == '-') {
            skip(tok, 1);
            if (!IS_DIGIT(peek(tok, 0))) {
                tok_error_at(tok, tok->cur, "invalid decimal literal");
                return ERRORTOKEN;
            }
        }
        else if (!IS_DIGIT(c)) {
            /* "1e" is the number 1 followed by a name: judged as a letter
               after a number. */
            tok->cur = e;
            if (verify_end_of_number(tok, "decimal") < 0) {
                return ERRORTOKEN;
            }
            return make_token(tok, t, NUMBER, m, tok->cur);
        }
        if (decimal_tail(tok) < 0) {
            return ERRORTOKEN;
        }
    }
    c = peek(tok, 0);
    if (c == 'j' || c == 'J') {
        skip(tok, 1);
        if (verify_end_of_number(tok, "imaginary") < 0) {
            return ERRORTOKEN;
        }
    }
    else if (verify_end_of_number(tok, "decimal") < 0) {
        return ERRORTOKEN;
    }
    return make_token(tok, t, NUMBER, m, tok->cur);
}

/* Digits of base 2, 8 or 16 after the prefix, underscores allowed
   before each digit. */
static int
radix_number(_PyTokenizer *tok, _PyToken *t, mark m, int base,
             const char *kind)
{
    skip(tok, 2);       /* "0x", "0o", "0b" */
    int ndigits = 0;
    for (;;) {
        int c = peek(tok, 0);
        if (c == '_') {
            skip(tok, 1);
            c = peek(tok, 0);
        }
        int ok = base == 16 ? IS_XDIGIT(c) : (c >= '0' && c < '0' + base);
        if (!ok) {
            if (base != 16 && IS_DIGIT(c)) {
                /* A decimal digit beyond the base. */
                skip(tok, 1);
                tok_error_at(tok, tok->cur, "invalid digit '%c' in %s literal",
                             c, kind);
                return ERRORTOKEN;
            }
            if (ndigits == 0 || tok->cur[-1] == '_') {
                tok_error_at(tok, tok->cur, "invalid %s literal", kind);
                return ERRORTOKEN;
            }
            break;
        }
        skip(tok, 1);
        ndigits++;
    }
    if (verify_end_of_number(tok, kind) < 0) {
        return ERRORTOKEN;
    }
    return make_token(tok, t, NUMBER, m, tok->cur);
}

static int
number(_PyTokenizer *tok, _PyToken *t)
{
    mark m = mark_here(tok);
    if (peek(tok, 0) == '0') {
        int c = peek(tok, 1);
        if (c == 'x' || c == 'X') {
            return radix_number(tok, t, m, 16, "hexadecimal");
        }
        if (c == 'o' || c == 'O') {
            return radix_number(tok, t, m, 8, "octal");
        }
        if (c == 'b' || c == 'B') {
            return radix_number(tok, t, m, 2, "binary");
        }
        /* Zeros, then a decimal integer is an error ("0777") unless a
           fraction, exponent or 'j' makes it a float ("09.5"). */
        skip(tok, 1);
        int nonzero = 0;
        for (;;) {
            c = peek(tok, 0);
            if (c == '_') {
                skip(tok, 1);
                if (!IS_DIGIT(peek(tok, 0))) {
                    tok_error_at(tok, tok->cur, "invalid decimal literal");
                    return ERRORTOKEN;
                }
                continue;
            }
            if (c == '0') {
                skip(tok, 1);
                continue;
            }
            break;
        }
        const char *zeros_end = tok->cur;
        if (IS_DIGIT(peek(tok, 0))) {
            nonzero = 1;
            if (decimal_tail(tok) < 0) {
                return ERRORTOKEN;
            }
        }
        c = peek(tok, 0);
        if (c == '.' || c == 'e' || c == 'E' || c == 'j' || c == 'J') {
            return number_fraction_exponent(tok, t, m, 0);
        }
        if (nonzero && !tok->extra_tokens) {
            /* The tokenize module reports 0123 as one NUMBER, as CPython. */
            tok_error_span(tok, PyExc_SyntaxError, tok->lineno,
                           tok->line_start, m.start, zeros_end,
                           "leading zeros in decimal integer literals are "
                           "not permitted; use an 0o prefix for octal "
                           "integers");
            return ERRORTOKEN;
        }
        if (verify_end_of_number(tok, "decimal") < 0) {
            return ERRORTOKEN;
        }
        return make_token(tok, t, NUMBER, m, tok->cur);
    }
    if (decimal_tail(tok) < 0) {
        return ERRORTOKEN;
    }
    return number_fraction_exponent(tok, t, m, 0);
}

/* ---- strings --------------------------------------------------------------------- */

/* "unterminated ... string literal": located at the opening quote (or
   prefix) m, detected at the current line.  `escaped_quote`: a single-
   quoted string held a backslash before its own quote, which CPython
   3.13+ points out. */
static int
unterminated_string(_PyTokenizer *tok, mark m, int quote, int quote_size,
                    const char *kind, int escaped_quote)
{
    /* At the end of input the final newline has been read, but the line
       it ends is the one to name. */
    int detected = tok->lineno;
    if (tok->cur == tok->end && tok->cur > tok->buf && tok->cur[-1] == '\n') {
        detected--;
    }
    if (quote_size == 3 && tok->cur == tok->end) {
        tok->eof_incomplete = 1;
    }
    /* Inside a replacement field, a quote like the f-string's own means
       the field's '}' is missing. */
    _PyTokFString *fs = current_fstring(tok);
    if (fs != NULL && !fs->in_literal && fs->quote == quote &&
        fs->quote_size == quote_size) {
        tok->lineno = m.lineno;
        tok->line_start = m.line_start;
        return tok_error_at(tok, m.start + 1, "%c-string: expecting '}'",
                            fs->is_tstring ? 't' : 'f');
    }
    tok->lineno = m.lineno;
    tok->line_start = m.line_start;
    return tok_error_span(tok, PyExc_SyntaxError, m.lineno, m.line_start,
                          m.start, m.start,
                          quote_size == 3 ?
                          "unterminated triple-quoted %sstring literal "
                          "(detected at line %d)" :
                          escaped_quote ?
                          "unterminated %sstring literal (detected at line "
                          "%d); perhaps you escaped the end quote?" :
                          "unterminated %sstring literal (detected at line %d)",
                          kind, detected);
}

/* A complete non-f string: cur is on the opening quote. */
static int
plain_string(_PyTokenizer *tok, _PyToken *t, mark m)
{
    int quote = peek(tok, 0);
    int quote_size = 1;
    skip(tok, 1);
    if (peek(tok, 0) == quote && peek(tok, 1) == quote) {
        quote_size = 3;
        skip(tok, 2);
    }
    else if (peek(tok, 0) == quote) {
        skip(tok, 1);       /* the empty string */
        return make_token(tok, t, STRING, m, tok->cur);
    }
    int end_quotes = 0, escaped_quote = 0;
    while (end_quotes < quote_size) {
        int c = peek(tok, 0);
        if (c == EOF || (quote_size == 1 && c == '\n')) {
            return unterminated_string(tok, m, quote, quote_size, "",
                                       escaped_quote);
        }
        if (c == quote) {
            end_quotes++;
            skip(tok, 1);
            continue;
        }
        end_quotes = 0;
        if (c == '\\') {
            skip(tok, 1);
            if (peek(tok, 0) == EOF) {
                continue;
            }
            escaped_quote |= peek(tok, 0) == quote;
        }
        skip_any(tok);
    }
    return make_token(tok, t, STRING, m, tok->cur);
}

/* An f-string or t-string starts: FSTRING_START covers prefix and quote. */
static int
fstring_start(_PyTokenizer *tok, _PyToken *t, mark m, int flags)
{
    if (tok->nfstrings >= MAXFSTRINGLEVEL) {
        return tok_error_at(tok, tok->cur, "too many nested f-strings or "
                            "t-strings");
    }
    int quote = peek(tok, 0);
    int quote_size = 1;
    if (peek(tok, 1) == quote && peek(tok, 2) == quote) {
        quote_size = 3;
    }
    skip(tok, quote_size);
    _PyTokFString *fs = &tok->fstrings[tok->nfstrings++];
    memset(fs, 0, sizeof(*fs));
    fs->quote = (char)quote;
    fs->quote_size = (char)quote_size;
    fs->raw = (flags & PREFIX_RAW) != 0;
    fs->is_tstring = (flags & PREFIX_T) != 0;
    fs->in_literal = 1;
    fs->start = m.start;
    fs->start_line = m.line_start;
    fs->first_lineno = m.lineno;
    return make_token(tok, t, fs->is_tstring ? TSTRING_START : FSTRING_START,
                      m, tok->cur);
}

static int
fstring_kind(_PyTokFString *fs, int fstring_type, int tstring_type)
{
    return fs->is_tstring ? tstring_type : fstring_type;
}

/* Literal text of an f-string (top level or a format spec) up to the
   next '{', '}' or the closing quote. */
static int
fstring_literal(_PyTokenizer *tok, _PyToken *t)
{
    _PyTokFString *fs = current_fstring(tok);
    char prefix = fs->is_tstring ? 't' : 'f';
    int in_spec = fs->nfields > 0;
    mark m = mark_here(tok);
    for (;;) {
        int c = peek(tok, 0);
        if (c == EOF || (c == '\n' && fs->quote_size == 1)) {
            if (c == '\n' && in_spec) {
                return tok_error_at(tok, tok->cur, "%c-string: newlines are "
                                    "not allowed in format specifiers for "
                                    "single quoted %c-strings", prefix,
                                    prefix);
            }
            if (in_spec) {
                return tok_error_at(tok, tok->cur, "%c-string: expecting '}'",
                                    prefix);
            }
            mark open = {fs->start, fs->start_line, fs->first_lineno};
            return unterminated_string(tok, open, fs->quote, fs->quote_size,
                                       fs->is_tstring ? "t-" : "f-", 0);
        }
        if (c == fs->quote && (fs->quote_size == 1 ||
                               (peek(tok, 1) == c && peek(tok, 2) == c))) {
            if (tok->cur > m.start) {
                return make_token(tok, t, fstring_kind(fs, FSTRING_MIDDLE,
                                  TSTRING_MIDDLE), m, tok->cur);
            }
            if (in_spec) {
                return tok_error_at(tok, tok->cur, "%c-string: expecting '}'",
                                    prefix);
            }
            skip(tok, fs->quote_size);
            tok->nfstrings--;
            return make_token(tok, t, fstring_kind(fs, FSTRING_END,
                              TSTRING_END), m, tok->cur);
        }
        if (c == '{') {
            if (!in_spec && peek(tok, 1) == '{') {
                /* "{{": the text ends with one brace, the other is
                   skipped. */
                skip(tok, 1);
                make_token(tok, t, fstring_kind(fs, FSTRING_MIDDLE,
                           TSTRING_MIDDLE), m, tok->cur);
                skip(tok, 1);
                return t->type;
            }
            if (tok->cur > m.start) {
                return make_token(tok, t, fstring_kind(fs, FSTRING_MIDDLE,
                                  TSTRING_MIDDLE), m, tok->cur);
            }
            if (fs->nfields >= MAXFIELDLEVEL) {
                /* CPython's column: the character before the brace. */
                return tok_error_at(tok, tok->cur, "%c-string: "
                                    "expressions nested too deeply", prefix);
            }
            int level = tok->level;
            if (open_bracket(tok, '{') < 0) {
                return ERRORTOKEN;
            }
            fs->fields[fs->nfields].level = level;
            fs->fields[fs->nfields].in_format_spec = 0;
            fs->fields[fs->nfields].spec_text_lineno = 0;
            fs->nfields++;
            fs->in_literal = 0;
            skip(tok, 1);
            return make_token(tok, t, LBRACE, m, tok->cur);
        }
        if (c == '}') {
            if (!in_spec) {
                if (peek(tok, 1) == '}') {
                    skip(tok, 1);
                    make_token(tok, t, fstring_kind(fs, FSTRING_MIDDLE,
                               TSTRING_MIDDLE), m, tok->cur);
                    skip(tok, 1);
                    return t->type;
                }
                return tok_error_at(tok, tok->cur + 1, "%c-string: single '}' "
                                    "is not allowed", prefix);
            }
            _PyTokField *field = &fs->fields[fs->nfields - 1];
            int col = (int)(tok->cur - tok->line_start);
            int text_ends_here = field->spec_text_lineno == tok->lineno &&
                                 field->spec_text_col == col;
            if (tok->cur > m.start ||
                    (tok->extra_tokens && !text_ends_here)) {
                /* The spec's last literal part; tokenize reports it even
                   when empty, as CPython does ("{x:}", "{x:{w}}"). */
                field->spec_text_lineno = tok->lineno;
                field->spec_text_col = col;
                return make_token(tok, t, fstring_kind(fs, FSTRING_MIDDLE,
                                  TSTRING_MIDDLE), m, tok->cur);
            }
            /* The end of a format spec closes its field. */
            tok->level--;
            fs->nfields--;
            fs->in_literal = 1;
            skip(tok, 1);
            return make_token(tok, t, RBRACE, m, tok->cur);
        }
        if (c == '\\') {
            int next = peek(tok, 1);
            if (next == '{' || next == '}') {
                /* The brace keeps its meaning; the backslash is text. */
                skip(tok, 1);
                continue;
            }
            if (!fs->raw && next == 'N' && peek(tok, 2) == '{') {
                /* \N{NAME} is text, braces included. */
                skip(tok, 3);
                while (peek(tok, 0) != '}' && peek(tok, 0) != EOF &&
                       peek(tok, 0) != fs->quote && peek(tok, 0) != '\n') {
                    skip(tok, 1);
                }
                if (peek(tok, 0) == '}') {
                    skip(tok, 1);
                }
                continue;
            }
            skip(tok, 1);
            if (peek(tok, 0) == EOF) {
                continue;
            }
        }
        skip_any(tok);
    }
}

/* ---- indentation ------------------------------------------------------------------ */

/* At the start of a line: measure its indentation and queue INDENT or
   DEDENT tokens.  Blank and comment-only lines do not count.  0, or -1
   with an error. */
static int
indentation(_PyTokenizer *tok, int *blankline)
{
    int col = 0, altcol = 0;
    /* Indentation cannot be split with backslashes: the first
       continuation fixes the line's indentation, and when only an empty
       line follows, the whole is a blank line.  A continuation at the
       end of the input is left to the main loop, which reports it. */
    int cont_col = -1, cont_altcol = -1;
    for (;;) {
        int c = peek(tok, 0);
        if (c == '\\' && peek(tok, 1) == '\n' && peek(tok, 2) != EOF) {
            if (cont_col < 0) {
                cont_col = col;
                cont_altcol = altcol;
            }
            skip(tok, 1);
            skip_newline(tok);
            continue;
        }
        if (c == ' ') {
            col++;
            altcol++;
        }
        else if (c == '\t') {
            col = (col / TABSIZE + 1) * TABSIZE;
            altcol++;
        }
        else if (c == '\f') {
            col = altcol = 0;
        }
        else {
            break;
        }
        skip(tok, 1);
    }
    int c = peek(tok, 0);
    if (c == EOF && tok->no_dedent_at_eof) {
        /* Interactive input without its final newline: a block still
           open may go on (codeop asks for more lines). */
        *blankline = 1;
        return 0;
    }
    /* The end of input is not blank: it closes every open block. */
    *blankline = (c == '#' || c == '\n');
    if (*blankline || tok->level > 0) {
        return 0;
    }
    if (cont_col >= 0) {
        col = cont_col;
        altcol = cont_altcol;
    }
    Py_ssize_t line_len;
    _PyTokenizer_LineStart(tok, tok->lineno, &line_len);
    if (col == tok->indstack[tok->indent]) {
        if (altcol != tok->altindstack[tok->indent]) {
            indent_error(tok, PyExc_TabError, 1, 0,
                         "inconsistent use of tabs and spaces in indentation");
            return -1;
        }
    }
    else if (col > tok->indstack[tok->indent]) {
        if (tok->indent + 1 >= MAXINDENT) {
            indent_error(tok, PyExc_IndentationError, 1, 0,
                         "too many levels of indentation");
            return -1;
        }
        if (altcol <= tok->altindstack[tok->indent]) {
            indent_error(tok, PyExc_TabError, 1, 0,
                         "inconsistent use of tabs and spaces in indentation");
            return -1;
        }
        tok->pendin++;
        tok->indent++;
        tok->indstack[tok->indent] = col;
        tok->altindstack[tok->indent] = altcol;
    }
    else {
        while (tok->indent > 0 && col < tok->indstack[tok->indent]) {
            tok->pendin--;
            tok->indent--;
        }
        if (col != tok->indstack[tok->indent]) {
            indent_error(tok, PyExc_IndentationError, line_len + 1, -1,
                         "unindent does not match any outer indentation "
                         "level");
            return -1;
        }
        if (altcol != tok->altindstack[tok->indent]) {
            indent_error(tok, PyExc_TabError, 1, 0,
                         "inconsistent use of tabs and spaces in indentation");
            return -1;
        }
    }
    return 0;
}

/* ---- type comments (PEP 484) ------------------------------------------------------- */

/* With type_comments: the comment at m (cur at its end, before the
   newline) as a TYPE_COMMENT or TYPE_IGNORE token; 0 for an ordinary
   comment.  The prefix is "# type: " where each space stands for any run
   of spaces and tabs (possibly empty), so "# type:" ending the line is a
   type comment with empty text, as in CPython. */
static int
type_comment(_PyTokenizer *tok, _PyToken *t, mark m)
{
    static const char prefix[] = "# type: ";
    const char *p = m.start;
    const char *want = prefix;
    /* Looking at the newline at cur is safe: the buffer always ends with
       one. */
    while (*want && p <= tok->cur) {
        if (*want == ' ') {
            while (p < tok->cur && (*p == ' ' || *p == '\t')) {
                p++;
            }
        }
        else if (*want == *p) {
            p++;
        }
        else {
            return 0;
        }
        want++;
    }
    if (*want) {
        return 0;
    }
    /* "ignore" followed by the end or by ASCII punctuation: "ignore[x]",
       not "ignored". */
    Py_ssize_t rest = tok->cur - p;
    int ignore = rest >= 6 && memcmp(p, "ignore", 6) == 0 &&
                 !(rest > 6 && ((unsigned char)p[6] >= 128 ||
                                Py_ISALNUM(p[6])));
    mark text = m;
    text.start = ignore ? p + 6 : p;
    int type = make_token(tok, t, ignore ? TYPE_IGNORE : TYPE_COMMENT, text,
                          tok->cur);
    if (tok->blankline) {
        if (ignore && peek(tok, 0) == '\n') {
            /* A line holding only "# type: ignore" vanishes entirely. */
            skip_newline(tok);
            tok->atbol = 1;
            tok->cont_line = 0;
        }
        else {
            /* A type comment on a line of its own ends with a NEWLINE
               (the parser expects one after a function's signature
               comment). */
            tok->blankline = 0;
        }
    }
    return type;
}

/* ---- the main loop --------------------------------------------------------------- */

/* Inside a replacement field, the characters that end it or start its
   format spec. */
static int
field_punctuation(_PyTokenizer *tok, _PyToken *t, mark m, int c, int *done)
{
    _PyTokFString *fs = current_fstring(tok);
    *done = 0;
    if (fs == NULL || fs->in_literal) {
        return 0;
    }
    _PyTokField *field = &fs->fields[fs->nfields - 1];
    if (c == ':' && tok->level == field->level + 1) {
        field->in_format_spec = 1;
        fs->in_literal = 1;
        skip(tok, 1);
        *done = 1;
        return make_token(tok, t, COLON, m, tok->cur);
    }
    if (c == '}' && tok->level == field->level + 1) {
        tok->level--;
        fs->nfields--;
        fs->in_literal = 1;
        skip(tok, 1);
        *done = 1;
        return make_token(tok, t, RBRACE, m, tok->cur);
    }
    return 0;
}

static int
regular_token(_PyTokenizer *tok, _PyToken *t)
{
  again:
    if (tok->atbol) {
        tok->atbol = 0;
        if (indentation(tok, &tok->blankline) < 0) {
            return ERRORTOKEN;
        }
    }
    if (tok->pendin != 0) {
        mark m = mark_here(tok);
        if (tok->pendin < 0) {
            tok->pendin++;
            return make_token(tok, t, DEDENT, m, tok->cur);
        }
        tok->pendin--;
        m.start = tok->line_start;
        return make_token(tok, t, INDENT, m, tok->cur);
    }

    int c = peek(tok, 0);
    while (c == ' ' || c == '\t' || c == '\f') {
        skip(tok, 1);
        c = peek(tok, 0);
    }
    mark m = mark_here(tok);

    if (c == '#') {
        while (peek(tok, 0) != '\n' && peek(tok, 0) != EOF) {
            skip(tok, 1);
        }
        if (tok->extra_tokens) {
            return make_token(tok, t, COMMENT, m, tok->cur);
        }
        if (tok->type_comments) {
            int type = type_comment(tok, t, m);
            if (type) {
                return type;
            }
        }
        c = peek(tok, 0);
        m = mark_here(tok);
    }

    if (c == EOF) {
        if (tok->level > 0) {
            tok->done = E_EOF;
            return make_token(tok, t, ERRORTOKEN, m, tok->cur);
        }
        tok->done = E_EOF;
        return make_token(tok, t, ENDMARKER, m, tok->cur);
    }

    if (c == '\n') {
        int nl = tok->blankline || tok->level > 0;
        skip_newline(tok);
        tok->atbol = 1;
        tok->cont_line = 0;
        tok->blankline = 0;
        if (nl) {
            if (tok->extra_tokens) {
                return make_token(tok, t, NL, m, m.start + 1);
            }
            goto again;
        }
        /* The parser's NEWLINE is empty, just before the "\n";
           tokenize's holds it. */
        t->type = NEWLINE;
        t->start = m.start;
        t->end = tok->extra_tokens ? m.start + 1 : m.start;
        t->lineno = t->end_lineno = m.lineno;
        t->col_offset = (int)(m.start - m.line_start);
        t->end_col_offset = t->col_offset + (tok->extra_tokens ? 1 : 0);
        return NEWLINE;
    }

    if (IS_IDENT_START(c)) {
        int nonascii = 0;
        while (IS_IDENT_CHAR(peek(tok, 0))) {
            nonascii |= peek(tok, 0) >= 128;
            skip(tok, 1);
        }
        int q = peek(tok, 0);
        if (q == '"' || q == '\'') {
            int flags = string_prefix(m.start, tok->cur - m.start);
            if (flags >= 0) {
                if (flags & (PREFIX_F | PREFIX_T)) {
                    return fstring_start(tok, t, m, flags);
                }
                return plain_string(tok, t, m);
            }
        }
        if (nonascii && verify_identifier(tok, m.start) < 0) {
            return ERRORTOKEN;
        }
        return make_token(tok, t, NAME, m, tok->cur);
    }

    if (c == '"' || c == '\'') {
        return plain_string(tok, t, m);
    }

    if (IS_DIGIT(c)) {
        return number(tok, t);
    }

    if (c == '.') {
        if (IS_DIGIT(peek(tok, 1))) {
            skip(tok, 1);
            if (decimal_tail(tok) < 0) {
                return ERRORTOKEN;
            }
            return number_fraction_exponent(tok, t, m, 1);
        }
        if (peek(tok, 1) == '.' && peek(tok, 2) == '.') {
            skip(tok, 3);
            return make_token(tok, t, ELLIPSIS, m, tok->cur);
        }
        skip(tok, 1);
        return make_token(tok, t, DOT, m, tok->cur);
    }

    if (c == '\\') {
        if (peek(tok, 1) != '\n') {
            /* CPython reports the backslash's column, up to the end of
               the line. */
            PyObject *msg = PyUnicode_FromString(
                "unexpected character after line continuation character");
            if (msg != NULL) {
                _PyTokenizer_RaiseLocated(tok, PyExc_SyntaxError, msg, tok->lineno,
                              _PyTokenizer_CharCount(tok->line_start,
                                         tok->cur - tok->line_start) + 2,
                              tok->lineno, 0, 1);
                Py_DECREF(msg);
            }
            tok->done = E_ERROR;
            return ERRORTOKEN;
        }
        const char *line = tok->line_start;
        Py_ssize_t len = tok->cur + 1 - line;
        skip(tok, 1);
        if (peek(tok, 1) == EOF) {
            /* The continuation line never comes. */
            tok->eof_incomplete = 1;
            if (tok->level > 0) {
                /* As the end of input inside brackets (CPython's E_EOF):
                   the parser names the bracket left open. */
                tok->done = E_EOF;
                return make_token(tok, t, ERRORTOKEN, m, tok->cur);
            }
            PyObject *msg = PyUnicode_FromString("unexpected EOF while parsing");
            if (msg != NULL) {
                _PyTokenizer_RaiseLocated(tok, PyExc_SyntaxError, msg, tok->lineno,
                              _PyTokenizer_CharCount(line, len) + 1, tok->lineno, -1, 1);
                Py_DECREF(msg);
            }
            tok->done = E_ERROR;
            return ERRORTOKEN;
        }
        skip_newline(tok);
        tok->cont_line = 1;
        goto again_no_bol;
    }

    {
        int done;
        int type = field_punctuation(tok, t, m, c, &done);
        if (done) {
            return type;
        }
    }

    /* Operators: the longest match of three, two, one characters. */
    int c2 = peek(tok, 1);
    int c3 = peek(tok, 2);
    int type = _PyToken_ThreeChars(c, c2, c3);
    if (type != OP) {
        skip(tok, 3);
        return make_token(tok, t, type, m, tok->cur);
    }
    type = _PyToken_TwoChars(c, c2);
    if (type != OP) {
        skip(tok, 2);
        return make_token(tok, t, type, m, tok->cur);
    }
    type = _PyToken_OneChar(c);
    if (type != OP) {
        if (c == '(' || c == '[' || c == '{') {
            if (open_bracket(tok, (char)c) < 0) {
                return ERRORTOKEN;
            }
        }
        else if (c == ')' || c == ']' || c == '}') {
            if (close_bracket(tok, (char)c) < 0) {
                return ERRORTOKEN;
            }
        }
        skip(tok, 1);
        return make_token(tok, t, type, m, tok->cur);
    }

    /* Nothing Python knows. */
    if (c < 128 && Py_UNICODE_ISPRINTABLE((Py_UCS4)c)) {
        skip(tok, 1);
        return make_token(tok, t, OP, m, tok->cur);
    }
    /* Only ASCII control characters are left: bytes >= 128 start names. */
    skip(tok, 1);
    return tok_error_at(tok, tok->cur, "invalid non-printable character U+%04X",
                        (unsigned int)c);

  again_no_bol:
    tok->blankline = 0;
    goto again;
}

int
_PyTokenizer_Get(_PyTokenizer *tok, _PyToken *t)
{
    memset(t, 0, sizeof(*t));
    t->level = tok->level;
    if (tok->done == E_ERROR) {
        t->type = ERRORTOKEN;
        t->start = t->end = tok->cur;
        t->lineno = t->end_lineno = tok->lineno;
        return ERRORTOKEN;
    }
    _PyTokFString *fs = current_fstring(tok);
    int type;
    if (fs != NULL && fs->in_literal) {
        type = fstring_literal(tok, t);
    }
    else {
        type = regular_token(tok, t);
    }
    if (type == ERRORTOKEN && tok->done != E_EOF) {
        tok->done = E_ERROR;
    }
    t->level = tok->level;
    return type;
}
