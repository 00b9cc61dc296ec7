/* The _tokenize module: the C tokenizer's token stream for Lib/tokenize.py.

   TokenizerIter(readline, *, extra_tokens, encoding=None) reads the whole
   source through `readline` on the first next() (str lines, or bytes lines
   decoded with `encoding`), tokenizes it with Parser/tokenizer.c and
   yields (type, string, (line, col), (end_line, end_col), line) tuples.
   Columns are character offsets; with extra_tokens the types and strings
   are those of the tokenize module (operators as OP, NEWLINE "\n" or ""
   for a last line without newline).

   Thread safety: an iterator's state changes only inside next(), which
   holds the iterator's critical section, so threads sharing one iterator
   take tokens in turn. */
#include "Python.h"
#include "pycore_tokenizer.h"

typedef struct {
    PyObject_HEAD
    PyObject *readline;         /* owned; cleared once the source is read */
    PyObject *encoding;         /* str or NULL, owned */
    int extra_tokens;
    int finished;               /* ENDMARKER or an error was produced */
    int missing_newline;        /* the source's last line has no "\n" */
    _PyTokenizer *tok;          /* owned, NULL until the first next() */
    Py_ssize_t *line_offsets;   /* PyMem: start of line n+1 in tok->buf */
    Py_ssize_t nlines;
    char *crlf;                 /* PyMem, NULL if none: crlf[n] is set when
                                   line n+1 ended with "\r\n" in the source
                                   (the tokenizer sees "\n") */
    Py_ssize_t ncrlf;           /* entries in crlf */
} tokenizer_iter;

static void
tokenizer_iter_dealloc(PyObject *op)
{
    tokenizer_iter *self = (tokenizer_iter *)op;
    PyTypeObject *tp = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    Py_CLEAR(self->readline);
    Py_CLEAR(self->encoding);
    if (self->tok != NULL) {
        _PyTokenizer_Free(self->tok);
    }
    PyMem_Free(self->line_offsets);
    PyMem_Free(self->crlf);
    tp->tp_free(op);
    Py_DECREF(tp);
}

static int
tokenizer_iter_traverse(PyObject *op, visitproc visit, void *arg)
{
    tokenizer_iter *self = (tokenizer_iter *)op;
    Py_VISIT(Py_TYPE(op));
    Py_VISIT(self->readline);
    Py_VISIT(self->encoding);
    return 0;
}

static PyObject *
tokenizer_iter_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"", "extra_tokens", "encoding", NULL};
    PyObject *readline;
    int extra_tokens;
    PyObject *encoding = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|$pO:TokenizerIter",
                                     kwlist, &readline, &extra_tokens,
                                     &encoding)) {
        return NULL;
    }
    if (kwargs == NULL || PyDict_GetItemString(kwargs, "extra_tokens") == NULL) {
        PyErr_SetString(PyExc_TypeError,
                        "TokenizerIter() missing required keyword-only "
                        "argument: 'extra_tokens'");
        return NULL;
    }
    if (encoding == Py_None) {
        encoding = NULL;
    }
    if (encoding != NULL && !PyUnicode_Check(encoding)) {
        PyErr_Format(PyExc_TypeError,
                     "TokenizerIter() argument 'encoding' must be str, not %.200s",
                     Py_TYPE(encoding)->tp_name);
        return NULL;
    }
    tokenizer_iter *self = (tokenizer_iter *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->readline = Py_NewRef(readline);
    self->encoding = Py_XNewRef(encoding);
    self->extra_tokens = extra_tokens;
    return (PyObject *)self;
}

/* One line from readline as str; NULL at the end (no exception) or with
   an exception.  StopIteration from readline is the end too. */
static PyObject *
read_one_line(tokenizer_iter *self)
{
    PyObject *line = PyObject_CallNoArgs(self->readline);
    if (line == NULL) {
        if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
            PyErr_Clear();
        }
        return NULL;
    }
    if (self->encoding != NULL && PyBytes_Check(line)) {
        PyObject *text = PyUnicode_Decode(PyBytes_AS_STRING(line),
                                          PyBytes_GET_SIZE(line),
                                          PyUnicode_AsUTF8(self->encoding),
                                          "strict");
        Py_DECREF(line);
        line = text;
        if (line == NULL) {
            return NULL;
        }
    }
    if (!PyUnicode_Check(line)) {
        PyErr_Format(PyExc_TypeError,
                     "readline() returned a non-string object: %.200s",
                     Py_TYPE(line)->tp_name);
        Py_DECREF(line);
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(line) == 0) {
        Py_DECREF(line);
        return NULL;
    }
    return line;
}

/* The whole source as one str, or NULL with an exception. */
static PyObject *
read_source(tokenizer_iter *self)
{
    PyObject *parts = PyList_New(0);
    if (parts == NULL) {
        return NULL;
    }
    for (;;) {
        PyObject *line = read_one_line(self);
        if (line == NULL) {
            if (PyErr_Occurred()) {
                Py_DECREF(parts);
                return NULL;
            }
            break;
        }
        int rc = PyList_Append(parts, line);
        Py_DECREF(line);
        if (rc < 0) {
            Py_DECREF(parts);
            return NULL;
        }
    }
    PyObject *empty = PyUnicode_FromStringAndSize("", 0);
    if (empty == NULL) {
        Py_DECREF(parts);
        return NULL;
    }
    PyObject *source = PyUnicode_Join(empty, parts);
    Py_DECREF(empty);
    Py_DECREF(parts);
    return source;
}

/* Index the starts of the lines of tok->buf. */
static int
index_lines(tokenizer_iter *self)
{
    const char *buf = self->tok->buf;
    const char *end = self->tok->end;
    Py_ssize_t n = 1;
    for (const char *p = buf; p < end; p++) {
        n += *p == '\n';
    }
    self->line_offsets = PyMem_New(Py_ssize_t, n + 1);
    if (self->line_offsets == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t k = 0;
    self->line_offsets[k++] = 0;
    for (const char *p = buf; p < end; p++) {
        if (*p == '\n') {
            self->line_offsets[k++] = p + 1 - buf;
        }
    }
    /* The last entry is the end of the buffer: lines 1..k-1 exist. */
    self->nlines = k - 1;
    if (self->line_offsets[k - 1] != end - buf) {
        self->line_offsets[k] = end - buf;
        self->nlines = k;
    }
    return 0;
}

/* Remember which lines of the source end with "\r\n": tokenize reports
   those newlines as written.  Lines end at "\r\n", "\n" or a lone "\r",
   as in the tokenizer. */
static int
note_crlf_lines(tokenizer_iter *self, const char *text, Py_ssize_t len)
{
    if (len <= 0 || memchr(text, '\r', (size_t)len) == NULL) {
        return 0;
    }
    Py_ssize_t lines = 1;
    for (Py_ssize_t i = 0; i < len; i++) {
        lines += text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n');
    }
    self->crlf = PyMem_Calloc((size_t)lines, 1);
    if (self->crlf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->ncrlf = lines;
    Py_ssize_t line = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n') {
            self->crlf[line++] = 1;
            i++;
        }
        else if (text[i] == '\n' || text[i] == '\r') {
            line++;
        }
    }
    return 0;
}

static int
is_crlf_line(tokenizer_iter *self, int lineno)
{
    return self->crlf != NULL && lineno >= 1 && lineno <= self->ncrlf &&
           self->crlf[lineno - 1];
}

static int
start_tokenizer(tokenizer_iter *self)
{
    PyObject *source = read_source(self);
    Py_CLEAR(self->readline);
    if (source == NULL) {
        return -1;
    }
    Py_ssize_t len;
    const char *text = PyUnicode_AsUTF8AndSize(source, &len);
    if (text == NULL) {
        Py_DECREF(source);
        return -1;
    }
    self->missing_newline = len > 0 && text[len - 1] != '\n' &&
                            text[len - 1] != '\r';
    if (note_crlf_lines(self, text, len) < 0) {
        Py_DECREF(source);
        return -1;
    }
    self->tok = _PyTokenizer_FromUTF8(text, len, NULL);
    Py_DECREF(source);
    if (self->tok == NULL) {
        return -1;
    }
    self->tok->extra_tokens = self->extra_tokens;
    return index_lines(self);
}

/* Line `lineno` (1-based) of the buffer: its start and byte length with
   its newline; NULL past the end. */
static const char *
line_at(tokenizer_iter *self, int lineno, Py_ssize_t *len)
{
    if (lineno < 1 || lineno > self->nlines) {
        *len = 0;
        return NULL;
    }
    Py_ssize_t start = self->line_offsets[lineno - 1];
    *len = self->line_offsets[lineno] - start;
    return self->tok->buf + start;
}

static Py_ssize_t
char_column(tokenizer_iter *self, int lineno, int byte_col)
{
    Py_ssize_t len;
    const char *line = line_at(self, lineno, &len);
    if (line == NULL || byte_col <= 0) {
        return byte_col < 0 ? 0 : byte_col;
    }
    if (byte_col > len) {
        return _PyTokenizer_CharCount(line, len) + (byte_col - len);
    }
    return _PyTokenizer_CharCount(line, byte_col);
}

/* Lines first..last (ending at `end`) with their "\r\n" restored. */
static PyObject *
crlf_lines_text(tokenizer_iter *self, int first, int last, const char *end)
{
    const char *start = self->tok->buf + self->line_offsets[first - 1];
    char *text = PyMem_Malloc((size_t)(end - start) + (size_t)(last - first) + 1);
    if (text == NULL) {
        return PyErr_NoMemory();
    }
    Py_ssize_t n = 0;
    int lineno = first;
    for (const char *p = start; p < end; p++) {
        if (*p == '\n' && is_crlf_line(self, lineno)) {
            text[n++] = '\r';
        }
        text[n++] = *p;
        lineno += *p == '\n';
    }
    PyObject *result = PyUnicode_DecodeUTF8(text, n, "replace");
    PyMem_Free(text);
    return result;
}

/* The physical lines first..last, without the final newline when the
   source lacks it there. */
static PyObject *
lines_text(tokenizer_iter *self, int first, int last)
{
    Py_ssize_t len;
    const char *start = line_at(self, first, &len);
    if (start == NULL) {
        return PyUnicode_FromStringAndSize("", 0);
    }
    if (last > self->nlines) {
        last = (int)self->nlines;
    }
    const char *end = self->tok->buf + self->line_offsets[last];
    if (last == self->nlines && self->missing_newline && end > start &&
        end[-1] == '\n') {
        end--;
    }
    if (self->crlf == NULL) {
        return PyUnicode_DecodeUTF8(start, end - start, "replace");
    }
    return crlf_lines_text(self, first, last, end);
}

/* SyntaxError for the end of input inside brackets. */
static void
raise_eof_in_statement(tokenizer_iter *self)
{
    PyObject *msg = PyUnicode_FromString("unexpected EOF in multi-line statement");
    if (msg == NULL) {
        return;
    }
    _PyTokenizer_RaiseLocated(self->tok, PyExc_SyntaxError, msg,
                              self->tok->lineno, 0, self->tok->lineno, 0, 0);
    Py_DECREF(msg);
}

static int
is_operator(int type)
{
    return (type > DEDENT && type < OP);
}

/* Where the literal part of an f-string or t-string that starts on line
   lineno ends, worked out from its text: it may run over several lines
   (a triple-quoted string), and one ending with its line ends where the
   next line starts, as tokenize reports it.  Left alone when the text
   holds no newline: the lexer's end is right then. */
static void
middle_end(_PyToken *t, int lineno, int *end_lineno, Py_ssize_t *end_col)
{
    const char *after_newline = NULL;
    int newlines = 0;
    for (const char *p = t->start; p < t->end; p++) {
        if (*p == '\n') {
            newlines++;
            after_newline = p + 1;
        }
    }
    if (newlines == 0) {
        return;
    }
    *end_lineno = lineno + newlines;
    /* Characters, not bytes: count the bytes that start a UTF-8 sequence. */
    Py_ssize_t chars = 0;
    for (const char *p = after_newline; p < t->end; p++) {
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    }
    *end_col = chars;
}

static PyObject *
token_tuple(tokenizer_iter *self, _PyToken *t)
{
    int type = t->type;
    int lineno = t->lineno, end_lineno = t->end_lineno;
    Py_ssize_t col = char_column(self, lineno, t->col_offset);
    Py_ssize_t end_col = char_column(self, end_lineno, t->end_col_offset);
    if (type == FSTRING_MIDDLE || type == TSTRING_MIDDLE) {
        middle_end(t, lineno, &end_lineno, &end_col);
    }
    PyObject *string;
    int on_last_line = lineno == self->nlines && self->missing_newline;
    if (self->extra_tokens && (type == NEWLINE || type == NL) && on_last_line) {
        string = PyUnicode_FromStringAndSize("", 0);
    }
    else if (self->extra_tokens && (type == NEWLINE || type == NL) &&
             is_crlf_line(self, lineno)) {
        string = PyUnicode_FromString("\r\n");
        end_col++;
    }
    else {
        string = PyUnicode_DecodeUTF8(t->start, t->end - t->start, "replace");
    }
    if (string == NULL) {
        return NULL;
    }
    if (self->extra_tokens && is_operator(type)) {
        type = OP;
    }
    PyObject *line;
    if (type == ENDMARKER || (type == DEDENT && lineno > self->nlines)) {
        line = PyUnicode_FromStringAndSize("", 0);
    }
    else {
        line = lines_text(self, lineno, end_lineno);
    }
    if (line == NULL) {
        Py_DECREF(string);
        return NULL;
    }
    return Py_BuildValue("(iN(in)(in)N)", type, string, lineno, col,
                         end_lineno, end_col, line);
}

/* tokenize reports an IndentationError (or TabError) without an end
   position and with the line's text minus its newline, as CPython's
   tokenize does; the compiler's own error keeps them.  Replaces the
   current exception; leaves any other exception alone. */
static void
drop_indentation_error_end(void)
{
    if (!PyErr_ExceptionMatches(PyExc_IndentationError)) {
        return;
    }
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *fields[5] = {NULL, NULL, NULL, NULL, NULL};
    static const char *const names[5] = {"msg", "filename", "lineno",
                                          "offset", "text"};
    PyObject *replacement = NULL;
    for (int i = 0; i < 5; i++) {
        fields[i] = PyObject_GetAttrString(exc, names[i]);
        if (fields[i] == NULL) {
            goto done;
        }
    }
    PyObject *text = fields[4];
    Py_ssize_t n = PyUnicode_Check(text) ? PyUnicode_GET_LENGTH(text) : 0;
    if (n > 0 && PyUnicode_READ_CHAR(text, n - 1) == '\n') {
        Py_SETREF(fields[4], PyUnicode_Substring(text, 0, n - 1));
        if (fields[4] == NULL) {
            goto done;
        }
    }
    replacement = PyObject_CallFunction((PyObject *)Py_TYPE(exc), "O(OOOOOO)",
                                        fields[0], fields[1], fields[2],
                                        fields[3], fields[4], Py_None,
                                        Py_None);
done:
    for (int i = 0; i < 5; i++) {
        Py_XDECREF(fields[i]);
    }
    if (replacement == NULL) {
        /* Keep the original error rather than one from rebuilding it. */
        PyErr_Clear();
        PyErr_SetRaisedException(exc);
        return;
    }
    Py_DECREF(exc);
    PyErr_SetRaisedException(replacement);
}

/* Called with the iterator's critical section held. */
static PyObject *
next_token_locked(tokenizer_iter *self)
{
    if (self->finished) {
        return NULL;
    }
    if (self->tok == NULL && start_tokenizer(self) < 0) {
        self->finished = 1;
        return NULL;
    }
    _PyToken t;
    int type = _PyTokenizer_Get(self->tok, &t);
    if (type == ERRORTOKEN) {
        self->finished = 1;
        if (!PyErr_Occurred()) {
            raise_eof_in_statement(self);
        }
        else {
            drop_indentation_error_end();
        }
        return NULL;
    }
    if (type == ENDMARKER) {
        self->finished = 1;
    }
    return token_tuple(self, &t);
}

static PyObject *
tokenizer_iter_next(PyObject *op)
{
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(op);
    result = next_token_locked((tokenizer_iter *)op);
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyType_Slot tokenizer_iter_slots[] = {
    {Py_tp_new, tokenizer_iter_new},
    {Py_tp_dealloc, tokenizer_iter_dealloc},
    {Py_tp_traverse, tokenizer_iter_traverse},
    {Py_tp_iter, PyObject_SelfIter},
    {Py_tp_iternext, tokenizer_iter_next},
    {Py_tp_doc, (void *)"TokenizerIter(readline, *, extra_tokens, encoding=None)\n"
                        "--\n\nIterate over the tokens of the source read by readline."},
    {0, NULL},
};

static PyType_Spec tokenizer_iter_spec = {
    .name = "_tokenize.TokenizerIter",
    .basicsize = sizeof(tokenizer_iter),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = tokenizer_iter_slots,
};

static int
tokenize_exec(PyObject *module)
{
    PyObject *type = PyType_FromModuleAndSpec(module, &tokenizer_iter_spec, NULL);
    if (type == NULL) {
        return -1;
    }
    int rc = PyModule_AddType(module, (PyTypeObject *)type);
    Py_DECREF(type);
    return rc;
}

static PyModuleDef_Slot tokenize_slots[] = {
    {Py_mod_exec, tokenize_exec},
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef tokenize_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_tokenize",
    .m_doc = "The C tokenizer's token stream for the tokenize module.",
    .m_size = 0,
    .m_slots = tokenize_slots,
};

PyMODINIT_FUNC
PyInit__tokenize(void)
{
    return PyModuleDef_Init(&tokenize_module);
}
