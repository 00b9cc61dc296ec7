/* Source decoding for the tokenizer: PEP 263 coding cookies, the UTF-8
   byte order mark, validation, universal newlines.

   The tokenizer works on one UTF-8 buffer holding the whole source, so
   every encoding question is settled here, before the first token.

   Thread safety: pure functions of their arguments; no shared state. */
#include "Python.h"
#include "pycore_tokenizer.h"

/* Raised for undecodable or badly declared source; line 0 and offset -1
   mean "no position", as CPython reports encoding problems. */
static void
encoding_error(PyObject *filename, int lineno, int offset,
               PyObject *text, const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    PyObject *msg = PyUnicode_FromFormatV(format, vargs);
    va_end(vargs);
    if (msg == NULL) {
        return;
    }
    PyObject *args;
    if (text == NULL) {
        args = Py_BuildValue("(O(OiiO))", msg, filename, lineno, offset,
                             Py_None);
    }
    else {
        args = Py_BuildValue("(O(OiiOii))", msg, filename, lineno, offset,
                             text, lineno, offset);
    }
    Py_DECREF(msg);
    if (args == NULL) {
        return;
    }
    PyObject *exc = PyObject_Call(PyExc_SyntaxError, args, NULL);
    Py_DECREF(args);
    if (exc != NULL) {
        PyErr_SetObject(PyExc_SyntaxError, exc);
        Py_DECREF(exc);
    }
}

/* ---- the coding cookie ---------------------------------------------------- */

/* CPython's canonical spelling of the two encodings the tokenizer decodes
   itself; other names are passed through unchanged. */
static char *
normal_encoding_name(const char *name, size_t len)
{
    char low[13];
    size_t i;
    for (i = 0; i < 12 && i < len; i++) {
        char c = name[i];
        low[i] = c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    low[i] = '\0';
    const char *result = NULL;
    if (strcmp(low, "utf-8") == 0 || strncmp(low, "utf-8-", 6) == 0) {
        result = "utf-8";
    }
    else if (strcmp(low, "latin-1") == 0 || strcmp(low, "iso-8859-1") == 0 ||
             strcmp(low, "iso-latin-1") == 0 ||
             strncmp(low, "latin-1-", 8) == 0 ||
             strncmp(low, "iso-8859-1-", 11) == 0 ||
             strncmp(low, "iso-latin-1-", 12) == 0) {
        result = "iso-8859-1";
    }
    size_t n = result ? strlen(result) : len;
    char *out = PyMem_Malloc(n + 1);
    if (out == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    memcpy(out, result ? result : name, n);
    out[n] = '\0';
    return out;
}

static int
is_name_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

/* Look for "coding[:=]\s*NAME" in one line that must be a comment line
   (only blanks before '#').  Returns 1 and the name's span, 0 if the line
   declares nothing; *is_comment tells whether it was blank or a comment
   (a cookie on line 2 counts only after such a line 1). */
static int
find_cookie(const char *line, const char *end, const char **name,
            size_t *name_len, int *is_comment)
{
    const char *p = line;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\f')) {
        p++;
    }
    *is_comment = (p == end || *p == '#' || *p == '\n' || *p == '\r');
    if (p == end || *p != '#') {
        return 0;
    }
    for (; p + 6 <= end; p++) {
        if (memcmp(p, "coding", 6) != 0) {
            continue;
        }
        const char *q = p + 6;
        if (q >= end || (*q != ':' && *q != '=')) {
            continue;
        }
        q++;
        while (q < end && (*q == ' ' || *q == '\t')) {
            q++;
        }
        const char *start = q;
        while (q < end && is_name_char((unsigned char)*q)) {
            q++;
        }
        if (q > start) {
            *name = start;
            *name_len = (size_t)(q - start);
            return 1;
        }
    }
    return 0;
}

static const char *
line_end(const char *p, const char *end)
{
    while (p < end && *p != '\n' && *p != '\r') {
        p++;
    }
    return p;
}

static const char *
next_line(const char *p, const char *end)
{
    p = line_end(p, end);
    if (p < end && *p == '\r') {
        p++;
    }
    if (p < end && *p == '\n') {
        p++;
    }
    return p;
}

/* The declared encoding of the source (normalized, PyMem) in *encoding,
   NULL when there is no cookie.  0, or -1 with an exception. */
static int
detect_cookie(const char *s, const char *end, char **encoding)
{
    *encoding = NULL;
    const char *line = s;
    for (int lineno = 1; lineno <= 2 && line < end; lineno++) {
        const char *eol = line_end(line, end);
        const char *name;
        size_t name_len;
        int is_comment;
        if (find_cookie(line, eol, &name, &name_len, &is_comment)) {
            *encoding = normal_encoding_name(name, name_len);
            return *encoding == NULL ? -1 : 0;
        }
        if (!is_comment) {
            break;
        }
        line = next_line(line, end);
    }
    return 0;
}

/* ---- UTF-8 validation ------------------------------------------------------ */

/* Length of the valid UTF-8 sequence at p, or 0 with *reason set. */
static int
utf8_sequence(const unsigned char *p, const unsigned char *end,
              const char **reason)
{
    unsigned char c = p[0];
    int n;
    Py_UCS4 min;
    if (c < 0x80) {
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2; min = 0x80;
    }
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3; min = 0x800;
    }
    else if (c >= 0xF0 && c <= 0xF4) {
        n = 4; min = 0x10000;
    }
    else {
        *reason = "invalid start byte";
        return 0;
    }
    Py_UCS4 ch = c & (0x7F >> n);
    for (int i = 1; i < n; i++) {
        if (p + i >= end) {
            *reason = "unexpected end of data";
            return 0;
        }
        if ((p[i] & 0xC0) != 0x80) {
            *reason = "invalid continuation byte";
            return 0;
        }
        ch = (ch << 6) | (p[i] & 0x3F);
    }
    if (ch < min || ch > 0x10FFFF || (ch >= 0xD800 && ch <= 0xDFFF)) {
        *reason = "invalid continuation byte";
        return 0;
    }
    return n;
}

/* 0 if s[0:len] is valid UTF-8, else -1 with the SyntaxError CPython
   gives (for a file: "Non-UTF-8 code starting with ..."). */
static int
check_utf8(const char *s, Py_ssize_t len, PyObject *filename, int is_file)
{
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *end = p + len;
    const unsigned char *line = p;
    int lineno = 1;
    while (p < end) {
        if (*p < 0x80) {
            if (*p == '\n') {
                lineno++;
                line = p + 1;
            }
            p++;
            continue;
        }
        const char *reason;
        int n = utf8_sequence(p, end, &reason);
        if (n > 0) {
            p += n;
            continue;
        }
        if (is_file) {
            /* The message says where; CPython gives no location fields. */
            PyErr_Format(PyExc_SyntaxError,
                         "Non-UTF-8 code starting with '\\x%.2x' in file "
                         "%U on line %i, but no encoding declared; see "
                         "https://peps.python.org/pep-0263/ for details",
                         *p, filename, lineno);
            return -1;
        }
        const unsigned char *eol = line;
        while (eol < end && *eol != '\n') {
            eol++;
        }
        if (eol < end) {
            eol++;      /* the text keeps its newline, as CPython's does */
        }
        PyObject *text = PyUnicode_DecodeUTF8((const char *)line,
                                              eol - line, "replace");
        if (text == NULL) {
            return -1;
        }
        encoding_error(filename, lineno, (int)(p - line) + 1, text,
                       "(unicode error) 'utf-8' codec can't decode byte "
                       "0x%.2x in position %zd: %s",
                       *p, (Py_ssize_t)(p - line), reason);
        Py_DECREF(text);
        return -1;
    }
    return 0;
}

/* ---- conversion ---------------------------------------------------------------- */

/* latin-1 bytes as UTF-8 (PyMem buffer). */
static char *
latin1_to_utf8(const char *s, Py_ssize_t len, Py_ssize_t *out_len)
{
    Py_ssize_t n = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        n += ((unsigned char)s[i] < 0x80) ? 1 : 2;
    }
    char *out = PyMem_Malloc((size_t)n + 1);
    if (out == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    char *q = out;
    for (Py_ssize_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            *q++ = (char)c;
        }
        else {
            *q++ = (char)(0xC0 | (c >> 6));
            *q++ = (char)(0x80 | (c & 0x3F));
        }
    }
    *q = '\0';
    *out_len = n;
    return out;
}

static char *
copy_bytes(const char *s, Py_ssize_t len, Py_ssize_t *out_len)
{
    char *out = PyMem_Malloc((size_t)len + 1);
    if (out == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    memcpy(out, s, (size_t)len);
    out[len] = '\0';
    *out_len = len;
    return out;
}

/* Decode with a codec of the object layer; unknown names and undecodable
   bytes become SyntaxErrors as in CPython. */
static char *
decode_with_codec(const char *s, Py_ssize_t len, const char *encoding,
                  PyObject *filename, Py_ssize_t *out_len)
{
    PyObject *text = PyUnicode_Decode(s, len, encoding, "strict");
    if (text == NULL) {
        if (PyErr_ExceptionMatches(PyExc_LookupError)) {
            PyErr_Clear();
            encoding_error(filename, 0, -1, NULL, "unknown encoding: %s",
                           encoding);
        }
        else if (PyErr_ExceptionMatches(PyExc_UnicodeDecodeError)) {
            PyObject *exc = PyErr_GetRaisedException();
            PyObject *str = PyObject_Str(exc);
            Py_DECREF(exc);
            if (str != NULL) {
                encoding_error(filename, 0, -1, NULL, "%U", str);
                Py_DECREF(str);
            }
        }
        return NULL;
    }
    Py_ssize_t n;
    const char *utf8 = PyUnicode_AsUTF8AndSize(text, &n);
    char *out = utf8 == NULL ? NULL : copy_bytes(utf8, n, out_len);
    Py_DECREF(text);
    return out;
}

/* Universal newlines in place ("\r\n" and "\r" to "\n") and a final
   newline for non-empty input.  buf has room for one more byte. */
static Py_ssize_t
translate_newlines(char *buf, Py_ssize_t len)
{
    Py_ssize_t j = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        char c = buf[i];
        if (c == '\r') {
            if (i + 1 < len && buf[i + 1] == '\n') {
                i++;
            }
            c = '\n';
        }
        buf[j++] = c;
    }
    if (j > 0 && buf[j - 1] != '\n') {
        buf[j++] = '\n';
    }
    buf[j] = '\0';
    return j;
}

static char *
finish(char *buf, Py_ssize_t len, Py_ssize_t *out_len)
{
    /* One spare byte for the final newline. */
    char *grown = PyMem_Realloc(buf, (size_t)len + 2);
    if (grown == NULL) {
        PyMem_Free(buf);
        PyErr_NoMemory();
        return NULL;
    }
    *out_len = translate_newlines(grown, len);
    return grown;
}

/* A file holding a NUL byte at `nul`: the SyntaxError names its line and
   shows the text before it, as CPython's file runner does. */
static void
null_byte_error(const char *str, const char *nul, PyObject *filename)
{
    const char *line = str;
    int lineno = 1;
    for (const char *p = str; p < nul; p++) {
        if (*p == '\n') {
            lineno++;
            line = p + 1;
        }
    }
    PyObject *text = PyUnicode_DecodeUTF8(line, nul - line, "replace");
    if (text == NULL) {
        return;
    }
    PyObject *exc = PyObject_CallFunction(
        PyExc_SyntaxError, "s(OiOO)", "source code cannot contain null bytes",
        filename, lineno, Py_None, text);
    Py_DECREF(text);
    if (exc != NULL) {
        PyErr_SetObject(PyExc_SyntaxError, exc);
        Py_DECREF(exc);
    }
}

char *
_PyTokenizer_DecodeSource(const char *str, Py_ssize_t len, int ignore_cookie,
                          PyObject *filename, Py_ssize_t *out_len,
                          char **encoding)
{
    /* `ignore_cookie` callers pass a str object's text: no BOM handling
       and no cookie, and it is valid UTF-8 already.  A negative value
       marks a file, which only changes the wording of decode errors. */
    int is_file = ignore_cookie < 0;
    *encoding = NULL;
    const char *nul = memchr(str, '\0', (size_t)len);
    if (nul != NULL) {
        if (is_file) {
            null_byte_error(str, nul, filename);
        }
        else {
            PyErr_SetString(PyExc_SyntaxError,
                            "source code string cannot contain null bytes");
        }
        return NULL;
    }
    Py_ssize_t n;
    char *buf;
    if (ignore_cookie > 0) {
        buf = copy_bytes(str, len, &n);
        return buf == NULL ? NULL : finish(buf, n, out_len);
    }
    int bom = len >= 3 && memcmp(str, "\xEF\xBB\xBF", 3) == 0;
    if (bom) {
        str += 3;
        len -= 3;
    }
    char *enc;
    if (detect_cookie(str, str + len, &enc) < 0) {
        return NULL;
    }
    if (bom && enc != NULL && strcmp(enc, "utf-8") != 0) {
        encoding_error(filename, 0, -1, NULL, "encoding problem: %s with BOM",
                       enc);
        PyMem_Free(enc);
        return NULL;
    }
    if (enc == NULL || strcmp(enc, "utf-8") == 0) {
        buf = check_utf8(str, len, filename, is_file) < 0 ? NULL
              : copy_bytes(str, len, &n);
    }
    else if (strcmp(enc, "iso-8859-1") == 0) {
        buf = latin1_to_utf8(str, len, &n);
    }
    else {
        buf = decode_with_codec(str, len, enc, filename, &n);
    }
    if (buf == NULL) {
        PyMem_Free(enc);
        return NULL;
    }
    *encoding = enc;
    return finish(buf, n, out_len);
}
