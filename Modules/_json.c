/* The _json module: C accelerators for Lib/json.

   scanstring(), encode_basestring(), encode_basestring_ascii(), and two
   types: make_scanner (a callable parsing one JSON value, used by
   json.decoder.JSONDecoder) and make_encoder (a callable serializing one
   object in a single pass, used by JSONEncoder.encode()).  Lib/json works
   without this module; both paths give the same results and messages.

   Thread safety (free-threaded build): the module has no mutable state.
   Scanner and encoder objects are immutable once created; everything a
   call mutates (the key memo of a decode, the cycle markers of an
   encode, the output writer) is created by that call and dies with it.
   Containers being encoded may be mutated by other threads: lists are
   read item by item with PyList_GetItemRef (bounds-checked, safe against
   concurrent resizing); dicts are snapshotted (PyDict_Items takes the
   dict's lock) before their items are visited. */
#include "Python.h"

/* ---- errors ---------------------------------------------------------- */

/* Raise json.decoder.JSONDecodeError(msg, doc, pos).  The class lives in
   Python; it is looked up per error (sys.modules lookup), so nothing is
   cached across threads. */
static void
raise_errmsg(const char *msg, PyObject *doc, Py_ssize_t pos)
{
    PyObject *cls = PyImport_ImportModuleAttrString("json.decoder",
                                                    "JSONDecodeError");
    if (cls == NULL) {
        return;
    }
    PyObject *exc = PyObject_CallFunction(cls, "(zOn)", msg, doc, pos);
    if (exc != NULL) {
        PyErr_SetObject(cls, exc);
        Py_DECREF(exc);
    }
    Py_DECREF(cls);
}

static void
raise_stop_iteration(Py_ssize_t idx)
{
    PyObject *value = PyLong_FromSsize_t(idx);
    if (value != NULL) {
        PyErr_SetObject(PyExc_StopIteration, value);
        Py_DECREF(value);
    }
}

/* Attach a note (like BaseException.add_note) to the exception being
   raised, saying which container element failed. */
static void
add_error_note(const char *format, ...)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) {
        return;
    }
    va_list vargs;
    va_start(vargs, format);
    PyObject *note = PyUnicode_FromFormatV(format, vargs);
    va_end(vargs);
    if (note != NULL) {
        PyObject *res = PyObject_CallMethod(exc, "add_note", "O", note);
        Py_DECREF(note);
        if (res == NULL) {
            /* A failing add_note must not hide the original error. */
            PyErr_Clear();
        }
        Py_XDECREF(res);
    }
    else {
        PyErr_Clear();
    }
    PyErr_SetRaisedException(exc);
}

/* The type's __name__ as a new str (PyType_GetName), for messages. */
static PyObject *
type_name_of(PyObject *obj)
{
    return PyType_GetName(Py_TYPE(obj));
}

/* ---- string scanning -------------------------------------------------- */

static int
hex_value(Py_UCS4 c)
{
    if (c >= '0' && c <= '9') {
        return (int)(c - '0');
    }
    if (c >= 'a' && c <= 'f') {
        return (int)(c - 'a' + 10);
    }
    if (c >= 'A' && c <= 'F') {
        return (int)(c - 'A' + 10);
    }
    return -1;
}

/* The code unit of the \uXXXX escape whose 'u' is at upos, or -1 with
   JSONDecodeError set. */
static long
decode_uXXXX(PyObject *s, int kind, const void *data, Py_ssize_t len,
             Py_ssize_t upos)
{
    if (upos + 4 >= len) {
        raise_errmsg("Invalid \\uXXXX escape", s, upos);
        return -1;
    }
    long value = 0;
    for (Py_ssize_t i = upos + 1; i <= upos + 4; i++) {
        int digit = hex_value(PyUnicode_READ(kind, data, i));
        if (digit < 0) {
            raise_errmsg("Invalid \\uXXXX escape", s, upos);
            return -1;
        }
        value = (value << 4) | digit;
    }
    return value;
}

/* Decode the escape whose backslash is at s[*pos - 1]; on success write
   the character and advance *pos past the escape. */
static int
scan_escape(PyObject *s, int kind, const void *data, Py_ssize_t len,
            Py_ssize_t *pos, PyUnicodeWriter *writer)
{
    Py_ssize_t i = *pos;
    Py_UCS4 esc = PyUnicode_READ(kind, data, i);
    Py_UCS4 ch;
    switch (esc) {
    case '"': ch = '"'; break;
    case '\\': ch = '\\'; break;
    case '/': ch = '/'; break;
    case 'b': ch = '\b'; break;
    case 'f': ch = '\f'; break;
    case 'n': ch = '\n'; break;
    case 'r': ch = '\r'; break;
    case 't': ch = '\t'; break;
    case 'u': {
        long unit = decode_uXXXX(s, kind, data, len, i);
        if (unit < 0) {
            return -1;
        }
        i += 5;
        /* A high surrogate followed by an escaped low one is a pair. */
        if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < len
            && PyUnicode_READ(kind, data, i) == '\\'
            && PyUnicode_READ(kind, data, i + 1) == 'u') {
            long low = decode_uXXXX(s, kind, data, len, i + 1);
            if (low < 0) {
                return -1;
            }
            if (low >= 0xdc00 && low <= 0xdfff) {
                unit = 0x10000 + (((unit - 0xd800) << 10) | (low - 0xdc00));
                i += 6;
            }
        }
        *pos = i;
        return PyUnicodeWriter_WriteChar(writer, (Py_UCS4)unit);
    }
    default:
        raise_errmsg("Invalid \\escape", s, i - 1);
        return -1;
    }
    *pos = i + 1;
    return PyUnicodeWriter_WriteChar(writer, ch);
}

/* Scan the JSON string whose opening quote is at s[end - 1].  Returns a
   new str and sets *next_end just past the closing quote. */
static PyObject *
scanstring_unicode(PyObject *s, Py_ssize_t end, int strict,
                   Py_ssize_t *next_end)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    Py_ssize_t begin = end - 1;
    if (end < 0 || end > len) {
        PyErr_SetString(PyExc_ValueError, "end is out of bounds");
        return NULL;
    }
    /* Fast path: no escapes before the closing quote. */
    Py_ssize_t pos = end;
    for (; pos < len; pos++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, pos);
        if (c == '"') {
            *next_end = pos + 1;
            return PyUnicode_Substring(s, end, pos);
        }
        if (c == '\\' || (c < 0x20 && strict)) {
            break;
        }
    }
    PyUnicodeWriter *writer = PyUnicodeWriter_Create(pos - end + 16);
    if (writer == NULL) {
        return NULL;
    }
    Py_ssize_t chunk = end;
    pos = end;
    while (pos < len) {
        Py_UCS4 c = PyUnicode_READ(kind, data, pos);
        if (c != '"' && c != '\\' && !(c < 0x20 && strict)) {
            pos++;
            continue;
        }
        if (pos > chunk
            && PyUnicodeWriter_WriteSubstring(writer, s, chunk, pos) < 0) {
            goto error;
        }
        if (c == '"') {
            *next_end = pos + 1;
            return PyUnicodeWriter_Finish(writer);
        }
        if (c != '\\') {
            raise_errmsg("Invalid control character at", s, pos);
            goto error;
        }
        pos++;
        if (pos >= len) {
            break;
        }
        if (scan_escape(s, kind, data, len, &pos, writer) < 0) {
            goto error;
        }
        chunk = pos;
    }
    raise_errmsg("Unterminated string starting at", s, begin);
error:
    PyUnicodeWriter_Discard(writer);
    return NULL;
}

/* scanstring(string, end, strict=True, /) -> (str, end) */
static PyObject *
json_scanstring(PyObject *Py_UNUSED(module), PyObject *const *args,
                Py_ssize_t nargs)
{
    /* Arguments are checked and converted in order, with the messages of
       CPython's argument parser. */
    if (!_PyArg_CheckPositional("scanstring", nargs, 2, 3)) {
        return NULL;
    }
    if (!PyUnicode_Check(args[0])) {
        PyErr_Format(PyExc_TypeError,
                     "scanstring() argument 1 must be str, not %.50s",
                     args[0] == Py_None ? "None" : Py_TYPE(args[0])->tp_name);
        return NULL;
    }
    PyObject *index = PyNumber_Index(args[1]);
    if (index == NULL) {
        return NULL;
    }
    Py_ssize_t end = PyLong_AsSsize_t(index);
    Py_DECREF(index);
    if (end == -1 && PyErr_Occurred()) {
        return NULL;
    }
    int strict = 1;
    if (nargs == 3) {
        strict = PyObject_IsTrue(args[2]);
        if (strict < 0) {
            return NULL;
        }
    }
    Py_ssize_t next_end = -1;
    PyObject *text = scanstring_unicode(args[0], end, strict, &next_end);
    if (text == NULL) {
        return NULL;
    }
    return Py_BuildValue("(Nn)", text, next_end);
}

/* ---- the scanner type -------------------------------------------------- */

/* All fields are set once in scanner_new and never change, so scanner
   calls from several threads share nothing mutable. */
typedef struct {
    PyObject_HEAD
    int strict;
    PyObject *object_hook;          /* None or a callable */
    PyObject *object_pairs_hook;    /* None or a callable */
    PyObject *array_hook;           /* None or a callable */
    PyObject *parse_float;
    PyObject *parse_int;
    PyObject *parse_constant;
} ScannerObject;

/* State of one scan: the document and the memo sharing equal keys. */
typedef struct {
    ScannerObject *scanner;
    PyObject *doc;
    int kind;
    const void *data;
    Py_ssize_t len;
    PyObject *memo;                 /* owned by this call */
} ScanState;

static PyObject *scan_value(ScanState *st, Py_ssize_t idx,
                            Py_ssize_t *next_idx);

static Py_ssize_t
skip_whitespace(ScanState *st, Py_ssize_t idx)
{
    while (idx < st->len) {
        Py_UCS4 c = PyUnicode_READ(st->kind, st->data, idx);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            break;
        }
        idx++;
    }
    return idx;
}

static Py_UCS4
char_at(ScanState *st, Py_ssize_t idx)
{
    return idx < st->len ? PyUnicode_READ(st->kind, st->data, idx) : 0;
}

/* Parse one value where one is required: "Expecting value" if none. */
static PyObject *
scan_required_value(ScanState *st, Py_ssize_t idx, Py_ssize_t *next_idx)
{
    PyObject *value = scan_value(st, idx, next_idx);
    if (value == NULL && PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyErr_Clear();
        raise_errmsg("Expecting value", st->doc, idx);
    }
    return value;
}

/* The members of an object are collected in a list of 2-tuples when
   object_pairs_hook wants them, else straight into the dict (setting the
   keys in order gives dict(pairs): the last duplicate wins, in the place
   of the first). */
static PyObject *
new_members(ScanState *st)
{
    return st->scanner->object_pairs_hook != Py_None ? PyList_New(0)
                                                     : PyDict_New();
}

/* The object built from the members (see new_members), passed through
   object_pairs_hook or object_hook; takes the reference to members. */
static PyObject *
finish_object(ScanState *st, PyObject *members)
{
    ScannerObject *sc = st->scanner;
    PyObject *hook = PyList_CheckExact(members) ? sc->object_pairs_hook
                                                : sc->object_hook;
    if (hook == Py_None) {
        return members;
    }
    PyObject *result = PyObject_CallOneArg(hook, members);
    Py_DECREF(members);
    return result;
}

static int
add_member(PyObject *members, PyObject *key, PyObject *value)
{
    if (PyDict_CheckExact(members)) {
        return PyDict_SetItem(members, key, value);
    }
    PyObject *pair = PyTuple_Pack(2, key, value);
    if (pair == NULL) {
        return -1;
    }
    int rc = PyList_Append(members, pair);
    Py_DECREF(pair);
    return rc;
}

/* Parse one "key": value member starting at the key's opening quote;
   adds it to pairs (see new_members). */
static int
scan_member(ScanState *st, Py_ssize_t idx, PyObject *pairs,
            Py_ssize_t *next_idx)
{
    PyObject *key = scanstring_unicode(st->doc, idx + 1,
                                       st->scanner->strict, &idx);
    if (key == NULL) {
        return -1;
    }
    PyObject *shared_key;
    if (PyDict_SetDefaultRef(st->memo, key, key, &shared_key) < 0) {
        Py_DECREF(key);
        return -1;
    }
    Py_SETREF(key, shared_key);
    idx = skip_whitespace(st, idx);
    if (char_at(st, idx) != ':' || idx >= st->len) {
        raise_errmsg("Expecting ':' delimiter", st->doc, idx);
        Py_DECREF(key);
        return -1;
    }
    idx = skip_whitespace(st, idx + 1);
    PyObject *value = scan_required_value(st, idx, &idx);
    if (value == NULL) {
        Py_DECREF(key);
        return -1;
    }
    int rc = add_member(pairs, key, value);
    Py_DECREF(key);
    Py_DECREF(value);
    if (rc < 0) {
        return -1;
    }
    *next_idx = idx;
    return 0;
}

/* Parse an object; idx is just past its '{'. */
static PyObject *
scan_object(ScanState *st, Py_ssize_t idx, Py_ssize_t *next_idx)
{
    PyObject *pairs = new_members(st);
    if (pairs == NULL) {
        return NULL;
    }
    idx = skip_whitespace(st, idx);
    if (char_at(st, idx) == '}' && idx < st->len) {
        idx++;
        goto done;
    }
    for (;;) {
        if (char_at(st, idx) != '"' || idx >= st->len) {
            raise_errmsg("Expecting property name enclosed in double quotes",
                         st->doc, idx);
            goto error;
        }
        if (scan_member(st, idx, pairs, &idx) < 0) {
            goto error;
        }
        idx = skip_whitespace(st, idx);
        Py_UCS4 c = char_at(st, idx);
        if (c == '}' && idx < st->len) {
            idx++;
            break;
        }
        if (c != ',' || idx >= st->len) {
            raise_errmsg("Expecting ',' delimiter", st->doc, idx);
            goto error;
        }
        Py_ssize_t comma = idx;
        idx = skip_whitespace(st, idx + 1);
        if (char_at(st, idx) == '}' && idx < st->len) {
            raise_errmsg("Illegal trailing comma before end of object",
                         st->doc, comma);
            goto error;
        }
    }
done:;
    *next_idx = idx;
    return finish_object(st, pairs);
error:
    Py_DECREF(pairs);
    return NULL;
}

/* The list of an array's values, passed through array_hook. */
static PyObject *
finish_array(ScanState *st, PyObject *values)
{
    PyObject *hook = st->scanner->array_hook;
    if (hook == Py_None) {
        return values;
    }
    PyObject *result = PyObject_CallOneArg(hook, values);
    Py_DECREF(values);
    return result;
}

/* Parse an array; idx is just past its '['. */
static PyObject *
scan_array(ScanState *st, Py_ssize_t idx, Py_ssize_t *next_idx)
{
    PyObject *values = PyList_New(0);
    if (values == NULL) {
        return NULL;
    }
    idx = skip_whitespace(st, idx);
    if (char_at(st, idx) == ']' && idx < st->len) {
        *next_idx = idx + 1;
        return finish_array(st, values);
    }
    for (;;) {
        PyObject *value = scan_required_value(st, idx, &idx);
        if (value == NULL) {
            goto error;
        }
        int rc = PyList_Append(values, value);
        Py_DECREF(value);
        if (rc < 0) {
            goto error;
        }
        idx = skip_whitespace(st, idx);
        Py_UCS4 c = char_at(st, idx);
        if (c == ']' && idx < st->len) {
            *next_idx = idx + 1;
            return finish_array(st, values);
        }
        if (c != ',' || idx >= st->len) {
            raise_errmsg("Expecting ',' delimiter", st->doc, idx);
            goto error;
        }
        Py_ssize_t comma = idx;
        idx = skip_whitespace(st, idx + 1);
        if (char_at(st, idx) == ']' && idx < st->len) {
            raise_errmsg("Illegal trailing comma before end of array",
                         st->doc, comma);
            goto error;
        }
    }
error:
    Py_DECREF(values);
    return NULL;
}

static Py_ssize_t
skip_digits(ScanState *st, Py_ssize_t idx)
{
    while (idx < st->len) {
        Py_UCS4 c = PyUnicode_READ(st->kind, st->data, idx);
        if (c < '0' || c > '9') {
            break;
        }
        idx++;
    }
    return idx;
}

/* Parse a number matching -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?
   at idx; StopIteration(idx) if none starts there. */
static PyObject *
scan_number(ScanState *st, Py_ssize_t start, Py_ssize_t *next_idx)
{
    Py_ssize_t idx = start;
    if (char_at(st, idx) == '-' && idx < st->len) {
        idx++;
    }
    Py_UCS4 c = char_at(st, idx);
    if (idx >= st->len || c < '0' || c > '9') {
        raise_stop_iteration(start);
        return NULL;
    }
    idx = (c == '0') ? idx + 1 : skip_digits(st, idx + 1);
    int is_float = 0;
    if (char_at(st, idx) == '.' && idx + 1 < st->len) {
        Py_UCS4 d = char_at(st, idx + 1);
        if (d >= '0' && d <= '9') {
            idx = skip_digits(st, idx + 1);
            is_float = 1;
        }
    }
    c = char_at(st, idx);
    if ((c == 'e' || c == 'E') && idx < st->len) {
        Py_ssize_t exp = idx + 1;
        Py_UCS4 sign = char_at(st, exp);
        if ((sign == '-' || sign == '+') && exp < st->len) {
            exp++;
        }
        Py_UCS4 d = char_at(st, exp);
        if (exp < st->len && d >= '0' && d <= '9') {
            idx = skip_digits(st, exp);
            is_float = 1;
        }
    }
    PyObject *text = PyUnicode_Substring(st->doc, start, idx);
    if (text == NULL) {
        return NULL;
    }
    ScannerObject *sc = st->scanner;
    PyObject *result;
    if (is_float) {
        result = sc->parse_float == (PyObject *)&PyFloat_Type
                 ? PyFloat_FromString(text)
                 : PyObject_CallOneArg(sc->parse_float, text);
    }
    else {
        result = sc->parse_int == (PyObject *)&PyLong_Type
                 ? PyLong_FromUnicodeObject(text, 10)
                 : PyObject_CallOneArg(sc->parse_int, text);
    }
    Py_DECREF(text);
    *next_idx = idx;
    return result;
}

/* Whether the ASCII word starts at idx. */
static int
word_at(ScanState *st, Py_ssize_t idx, const char *word)
{
    Py_ssize_t n = (Py_ssize_t)strlen(word);
    if (idx + n > st->len) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyUnicode_READ(st->kind, st->data, idx + i) != (Py_UCS4)word[i]) {
            return 0;
        }
    }
    return 1;
}

static PyObject *
scan_constant(ScanState *st, const char *name, Py_ssize_t idx,
              Py_ssize_t *next_idx)
{
    PyObject *value = PyObject_CallFunction(st->scanner->parse_constant,
                                            "s", name);
    *next_idx = idx + (Py_ssize_t)strlen(name);
    return value;
}

/* Parse the JSON value at idx.  Raises StopIteration(idx) when no value
   starts there; containers recurse under the recursion limit. */
static PyObject *
scan_value(ScanState *st, Py_ssize_t idx, Py_ssize_t *next_idx)
{
    if (idx < 0) {
        PyErr_SetString(PyExc_ValueError, "idx cannot be negative");
        return NULL;
    }
    if (idx >= st->len) {
        raise_stop_iteration(idx);
        return NULL;
    }
    Py_UCS4 c = PyUnicode_READ(st->kind, st->data, idx);
    PyObject *result;
    switch (c) {
    case '"':
        return scanstring_unicode(st->doc, idx + 1, st->scanner->strict,
                                  next_idx);
    case '{':
        if (Py_EnterRecursiveCall(" while decoding a JSON object "
                                  "from a unicode string")) {
            return NULL;
        }
        result = scan_object(st, idx + 1, next_idx);
        Py_LeaveRecursiveCall();
        return result;
    case '[':
        if (Py_EnterRecursiveCall(" while decoding a JSON array "
                                  "from a unicode string")) {
            return NULL;
        }
        result = scan_array(st, idx + 1, next_idx);
        Py_LeaveRecursiveCall();
        return result;
    case 'n':
        if (word_at(st, idx, "null")) {
            *next_idx = idx + 4;
            Py_RETURN_NONE;
        }
        break;
    case 't':
        if (word_at(st, idx, "true")) {
            *next_idx = idx + 4;
            Py_RETURN_TRUE;
        }
        break;
    case 'f':
        if (word_at(st, idx, "false")) {
            *next_idx = idx + 5;
            Py_RETURN_FALSE;
        }
        break;
    case 'N':
        if (word_at(st, idx, "NaN")) {
            return scan_constant(st, "NaN", idx, next_idx);
        }
        break;
    case 'I':
        if (word_at(st, idx, "Infinity")) {
            return scan_constant(st, "Infinity", idx, next_idx);
        }
        break;
    case '-':
        if (word_at(st, idx, "-Infinity")) {
            return scan_constant(st, "-Infinity", idx, next_idx);
        }
        return scan_number(st, idx, next_idx);
    default:
        if (c >= '0' && c <= '9') {
            return scan_number(st, idx, next_idx);
        }
        break;
    }
    raise_stop_iteration(idx);
    return NULL;
}

/* scanner(string, idx) -> (value, end) */
static PyObject *
scanner_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"string", "idx", NULL};
    PyObject *doc;
    Py_ssize_t idx;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "On:scan_once", kwlist,
                                     &doc, &idx)) {
        return NULL;
    }
    if (!PyUnicode_Check(doc)) {
        PyErr_Format(PyExc_TypeError,
                     "first argument must be a string, not %.80s",
                     Py_TYPE(doc)->tp_name);
        return NULL;
    }
    ScanState st = {
        .scanner = (ScannerObject *)self,
        .doc = doc,
        .kind = PyUnicode_KIND(doc),
        .data = PyUnicode_DATA(doc),
        .len = PyUnicode_GET_LENGTH(doc),
        .memo = PyDict_New(),
    };
    if (st.memo == NULL) {
        return NULL;
    }
    Py_ssize_t next_idx = -1;
    PyObject *value = scan_value(&st, idx, &next_idx);
    Py_DECREF(st.memo);
    if (value == NULL) {
        return NULL;
    }
    return Py_BuildValue("(Nn)", value, next_idx);
}

/* Read one hook from the context object into *slot (a new reference). */
static int
read_context_attr(PyObject *ctx, const char *name, PyObject **slot)
{
    *slot = PyObject_GetAttrString(ctx, name);
    return *slot == NULL ? -1 : 0;
}

static PyObject *
scanner_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"context", NULL};
    PyObject *ctx;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:make_scanner", kwlist,
                                     &ctx)) {
        return NULL;
    }
    ScannerObject *s = (ScannerObject *)type->tp_alloc(type, 0);
    if (s == NULL) {
        return NULL;
    }
    PyObject *strict = PyObject_GetAttrString(ctx, "strict");
    if (strict == NULL) {
        goto error;
    }
    s->strict = PyObject_IsTrue(strict);
    Py_DECREF(strict);
    if (s->strict < 0
        || read_context_attr(ctx, "object_hook", &s->object_hook) < 0
        || read_context_attr(ctx, "object_pairs_hook",
                             &s->object_pairs_hook) < 0
        || read_context_attr(ctx, "parse_float", &s->parse_float) < 0
        || read_context_attr(ctx, "parse_int", &s->parse_int) < 0
        || read_context_attr(ctx, "parse_constant", &s->parse_constant) < 0) {
        goto error;
    }
    /* Contexts written before 3.15 may lack array_hook: None then. */
    if (PyObject_GetOptionalAttrString(ctx, "array_hook",
                                       &s->array_hook) < 0) {
        goto error;
    }
    if (s->array_hook == NULL) {
        s->array_hook = Py_NewRef(Py_None);
    }
    return (PyObject *)s;
error:
    Py_DECREF(s);
    return NULL;
}

static int
scanner_traverse(PyObject *self, visitproc visit, void *arg)
{
    ScannerObject *s = (ScannerObject *)self;
    Py_VISIT(s->object_hook);
    Py_VISIT(s->object_pairs_hook);
    Py_VISIT(s->array_hook);
    Py_VISIT(s->parse_float);
    Py_VISIT(s->parse_int);
    Py_VISIT(s->parse_constant);
    return 0;
}

static int
scanner_clear(PyObject *self)
{
    ScannerObject *s = (ScannerObject *)self;
    Py_CLEAR(s->object_hook);
    Py_CLEAR(s->object_pairs_hook);
    Py_CLEAR(s->array_hook);
    Py_CLEAR(s->parse_float);
    Py_CLEAR(s->parse_int);
    Py_CLEAR(s->parse_constant);
    return 0;
}

static void
scanner_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    scanner_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static PyTypeObject Scanner_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_json.Scanner",
    .tp_basicsize = sizeof(ScannerObject),
    .tp_dealloc = scanner_dealloc,
    .tp_call = scanner_call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "make_scanner(context)\n--\n\n"
              "JSON scanner object: scanner(string, idx) -> (value, end).",
    .tp_traverse = scanner_traverse,
    .tp_clear = scanner_clear,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = scanner_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- string escaping --------------------------------------------------- */

/* The two-character escape for c in a JSON string literal, or NULL when
   c has none (the caller then writes \uXXXX). */
static const char *
short_escape(Py_UCS4 c)
{
    switch (c) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\b': return "\\b";
    case '\f': return "\\f";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    default: return NULL;
    }
}

static int
write_uXXXX(PyUnicodeWriter *w, Py_UCS4 unit)
{
    static const char hex[] = "0123456789abcdef";
    char buf[6] = {'\\', 'u', hex[(unit >> 12) & 0xf], hex[(unit >> 8) & 0xf],
                   hex[(unit >> 4) & 0xf], hex[unit & 0xf]};
    return PyUnicodeWriter_WriteASCII(w, buf, 6);
}

/* Append the JSON literal for the str s to w. */
static int
write_escaped(PyUnicodeWriter *w, PyObject *s, int ascii_only)
{
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    if (PyUnicodeWriter_WriteChar(w, '"') < 0) {
        return -1;
    }
    Py_ssize_t chunk = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c >= 0x20 && c != '"' && c != '\\' && (c < 0x7f || !ascii_only)) {
            continue;
        }
        if (i > chunk && PyUnicodeWriter_WriteSubstring(w, s, chunk, i) < 0) {
            return -1;
        }
        chunk = i + 1;
        const char *esc = short_escape(c);
        int rc;
        if (esc != NULL) {
            rc = PyUnicodeWriter_WriteASCII(w, esc, 2);
        }
        else if (c >= 0x10000) {
            Py_UCS4 v = c - 0x10000;
            rc = write_uXXXX(w, 0xd800 | ((v >> 10) & 0x3ff));
            if (rc == 0) {
                rc = write_uXXXX(w, 0xdc00 | (v & 0x3ff));
            }
        }
        else {
            rc = write_uXXXX(w, c);
        }
        if (rc < 0) {
            return -1;
        }
    }
    if (len > chunk && PyUnicodeWriter_WriteSubstring(w, s, chunk, len) < 0) {
        return -1;
    }
    return PyUnicodeWriter_WriteChar(w, '"');
}

static PyObject *
escape_to_str(PyObject *s, int ascii_only)
{
    if (!PyUnicode_Check(s)) {
        PyErr_Format(PyExc_TypeError,
                     "first argument must be a string, not %.80s",
                     Py_TYPE(s)->tp_name);
        return NULL;
    }
    PyUnicodeWriter *w = PyUnicodeWriter_Create(PyUnicode_GET_LENGTH(s) + 2);
    if (w == NULL) {
        return NULL;
    }
    if (write_escaped(w, s, ascii_only) < 0) {
        PyUnicodeWriter_Discard(w);
        return NULL;
    }
    return PyUnicodeWriter_Finish(w);
}

static PyObject *
json_encode_basestring_ascii(PyObject *Py_UNUSED(module), PyObject *s)
{
    return escape_to_str(s, 1);
}

static PyObject *
json_encode_basestring(PyObject *Py_UNUSED(module), PyObject *s)
{
    return escape_to_str(s, 0);
}

/* ---- the encoder type -------------------------------------------------- */

enum fast_encode { ENCODE_CALL, ENCODE_ASCII, ENCODE_UNICODE };

/* All fields are set once in encoder_new and never change. */
typedef struct {
    PyObject_HEAD
    int check_circular;
    PyObject *defaultfn;
    PyObject *encoder;          /* the string encoder callable */
    PyObject *indent;           /* None or a str */
    PyObject *key_separator;    /* str */
    PyObject *item_separator;   /* str */
    int sort_keys;
    int skipkeys;
    int allow_nan;
    enum fast_encode fast_encode;
} EncoderObject;

/* One encode call: the output and the ids of the containers in progress
   (NULL when cycle checks are off).  Both are owned by the call. */
typedef struct {
    EncoderObject *enc;
    PyUnicodeWriter *out;
    PyObject *markers;
} EncodeState;

static int encode_obj(EncodeState *st, PyObject *obj, Py_ssize_t level);

static int
write_str(EncodeState *st, PyObject *s)
{
    switch (st->enc->fast_encode) {
    case ENCODE_ASCII:
        return write_escaped(st->out, s, 1);
    case ENCODE_UNICODE:
        return write_escaped(st->out, s, 0);
    default:
        break;
    }
    PyObject *text = PyObject_CallOneArg(st->enc->encoder, s);
    if (text == NULL) {
        return -1;
    }
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError,
                     "encoder() must return a string, not %.80s",
                     Py_TYPE(text)->tp_name);
        Py_DECREF(text);
        return -1;
    }
    int rc = PyUnicodeWriter_WriteStr(st->out, text);
    Py_DECREF(text);
    return rc;
}

/* The JSON text of a float: repr(), or the NaN/Infinity extensions. */
static PyObject *
float_text(EncoderObject *enc, PyObject *obj)
{
    double x = PyFloat_AS_DOUBLE(obj);
    if (!Py_IS_NAN(x) && !Py_IS_INFINITY(x)) {
        return PyFloat_Type.tp_repr(obj);
    }
    if (!enc->allow_nan) {
        PyErr_Format(PyExc_ValueError,
                     "Out of range float values are not JSON compliant: %R",
                     obj);
        return NULL;
    }
    if (Py_IS_NAN(x)) {
        return PyUnicode_FromString("NaN");
    }
    return PyUnicode_FromString(x > 0 ? "Infinity" : "-Infinity");
}

static int
write_owned(EncodeState *st, PyObject *text)
{
    if (text == NULL) {
        return -1;
    }
    int rc = PyUnicodeWriter_WriteStr(st->out, text);
    Py_DECREF(text);
    return rc;
}

/* Newline plus level copies of the indent string (indenting only). */
static int
write_newline_indent(EncodeState *st, Py_ssize_t level)
{
    if (PyUnicodeWriter_WriteChar(st->out, '\n') < 0) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < level; i++) {
        if (PyUnicodeWriter_WriteStr(st->out, st->enc->indent) < 0) {
            return -1;
        }
    }
    return 0;
}

static int
write_item_separator(EncodeState *st, Py_ssize_t level)
{
    if (PyUnicodeWriter_WriteStr(st->out, st->enc->item_separator) < 0) {
        return -1;
    }
    return st->enc->indent == Py_None ? 0 : write_newline_indent(st, level);
}

/* Record obj as being encoded; ValueError if it already is (a cycle).
   *ident receives the marker key to pass to leave_container. */
static int
enter_container(EncodeState *st, PyObject *obj, PyObject **ident)
{
    *ident = NULL;
    if (st->markers == NULL) {
        return 0;
    }
    PyObject *key = PyLong_FromVoidPtr(obj);
    if (key == NULL) {
        return -1;
    }
    int found = PyDict_Contains(st->markers, key);
    if (found != 0) {
        if (found > 0) {
            PyErr_SetString(PyExc_ValueError, "Circular reference detected");
        }
        Py_DECREF(key);
        return -1;
    }
    if (PyDict_SetItem(st->markers, key, obj) < 0) {
        Py_DECREF(key);
        return -1;
    }
    *ident = key;
    return 0;
}

static int
leave_container(EncodeState *st, PyObject *ident)
{
    if (ident == NULL) {
        return 0;
    }
    int rc = PyDict_DelItem(st->markers, ident);
    Py_DECREF(ident);
    return rc;
}

/* Item i of the list or tuple being encoded as a new reference; NULL
   without an error past the end.  Lists are read live, item by item, as
   the pure-Python encoder does: a default() that shrinks the list stops
   the output early.  PyList_GetItemRef is safe against other threads
   resizing the list (it bounds-checks under the list's rules). */
static PyObject *
sequence_item(PyObject *seq, Py_ssize_t i)
{
    if (!PyList_Check(seq)) {
        return i < PyTuple_GET_SIZE(seq)
               ? Py_NewRef(PyTuple_GET_ITEM(seq, i)) : NULL;
    }
    PyObject *item = PyList_GetItemRef(seq, i);
    if (item == NULL && PyErr_ExceptionMatches(PyExc_IndexError)) {
        PyErr_Clear();
    }
    return item;
}

static int
encode_sequence(EncodeState *st, PyObject *seq, Py_ssize_t level)
{
    PyObject *first = sequence_item(seq, 0);
    if (first == NULL) {
        return PyErr_Occurred() ? -1
               : PyUnicodeWriter_WriteASCII(st->out, "[]", 2);
    }
    PyObject *ident;
    if (enter_container(st, seq, &ident) < 0) {
        Py_DECREF(first);
        return -1;
    }
    int indenting = st->enc->indent != Py_None;
    if (PyUnicodeWriter_WriteChar(st->out, '[') < 0
        || (indenting && write_newline_indent(st, level + 1) < 0)) {
        Py_DECREF(first);
        goto error;
    }
    PyObject *item = first;
    for (Py_ssize_t i = 0; item != NULL; item = sequence_item(seq, ++i)) {
        if (i > 0 && write_item_separator(st, level + 1) < 0) {
            Py_DECREF(item);
            goto error;
        }
        int rc = encode_obj(st, item, level + 1);
        Py_DECREF(item);
        if (rc < 0) {
            PyObject *name = type_name_of(seq);
            if (name != NULL) {
                add_error_note("when serializing %U item %zd", name, i);
                Py_DECREF(name);
            }
            goto error;
        }
    }
    if (PyErr_Occurred()
        || (indenting && write_newline_indent(st, level) < 0)
        || PyUnicodeWriter_WriteChar(st->out, ']') < 0) {
        goto error;
    }
    return leave_container(st, ident);
error:
    Py_XDECREF(ident);
    return -1;
}

/* The JSON key text for a dict key (a new str), NULL with an error set,
   or NULL without one when the key is to be skipped. */
static PyObject *
key_text(EncodeState *st, PyObject *key)
{
    if (PyUnicode_Check(key)) {
        return Py_NewRef(key);
    }
    if (PyFloat_Check(key)) {
        return float_text(st->enc, key);
    }
    if (key == Py_True || key == Py_False || key == Py_None) {
        return PyUnicode_FromString(key == Py_True ? "true"
                                    : key == Py_False ? "false" : "null");
    }
    if (PyLong_Check(key)) {
        return PyLong_Type.tp_repr(key);
    }
    if (!st->enc->skipkeys) {
        PyErr_Format(PyExc_TypeError,
                     "keys must be str, int, float, bool or None, not %.100s",
                     Py_TYPE(key)->tp_name);
    }
    return NULL;
}

static int
encode_member(EncodeState *st, PyObject *dict, PyObject *key,
              PyObject *value, Py_ssize_t level, int *first)
{
    PyObject *text = key_text(st, key);
    if (text == NULL) {
        return PyErr_Occurred() ? -1 : 0;
    }
    if (!*first && write_item_separator(st, level) < 0) {
        Py_DECREF(text);
        return -1;
    }
    *first = 0;
    if (write_str(st, text) < 0
        || PyUnicodeWriter_WriteStr(st->out, st->enc->key_separator) < 0) {
        Py_DECREF(text);
        return -1;
    }
    if (encode_obj(st, value, level) < 0) {
        PyObject *name = type_name_of(dict);
        if (name != NULL) {
            add_error_note("when serializing %U item %R", name, text);
            Py_DECREF(name);
        }
        Py_DECREF(text);
        return -1;
    }
    Py_DECREF(text);
    return 0;
}

static int
encode_dict(EncodeState *st, PyObject *dict, Py_ssize_t level)
{
    /* A list snapshot of the items, taken under the dict's lock. */
    PyObject *items = PyDict_Items(dict);
    if (items == NULL) {
        return -1;
    }
    Py_ssize_t n = PyList_GET_SIZE(items);
    if (n == 0) {
        Py_DECREF(items);
        return PyUnicodeWriter_WriteASCII(st->out, "{}", 2);
    }
    if (st->enc->sort_keys && PyList_Sort(items) < 0) {
        Py_DECREF(items);
        return -1;
    }
    PyObject *ident;
    if (enter_container(st, dict, &ident) < 0) {
        Py_DECREF(items);
        return -1;
    }
    int indenting = st->enc->indent != Py_None;
    if (PyUnicodeWriter_WriteChar(st->out, '{') < 0
        || (indenting && write_newline_indent(st, level + 1) < 0)) {
        goto error;
    }
    int first = 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *pair = PyList_GET_ITEM(items, i);
        if (encode_member(st, dict, PyTuple_GET_ITEM(pair, 0),
                          PyTuple_GET_ITEM(pair, 1), level + 1, &first) < 0) {
            goto error;
        }
    }
    if ((indenting && write_newline_indent(st, level) < 0)
        || PyUnicodeWriter_WriteChar(st->out, '}') < 0) {
        goto error;
    }
    Py_DECREF(items);
    return leave_container(st, ident);
error:
    Py_XDECREF(ident);
    Py_DECREF(items);
    return -1;
}

/* An object JSON cannot represent: encode what default() returns. */
static int
encode_via_default(EncodeState *st, PyObject *obj, Py_ssize_t level)
{
    PyObject *ident;
    if (enter_container(st, obj, &ident) < 0) {
        return -1;
    }
    PyObject *replacement = PyObject_CallOneArg(st->enc->defaultfn, obj);
    if (replacement == NULL) {
        Py_XDECREF(ident);
        return -1;
    }
    int rc = encode_obj(st, replacement, level);
    Py_DECREF(replacement);
    if (rc < 0) {
        PyObject *name = type_name_of(obj);
        if (name != NULL) {
            add_error_note("when serializing %U object", name);
            Py_DECREF(name);
        }
        Py_XDECREF(ident);
        return -1;
    }
    return leave_container(st, ident);
}

static int
encode_obj(EncodeState *st, PyObject *obj, Py_ssize_t level)
{
    if (obj == Py_None) {
        return PyUnicodeWriter_WriteASCII(st->out, "null", 4);
    }
    if (obj == Py_True) {
        return PyUnicodeWriter_WriteASCII(st->out, "true", 4);
    }
    if (obj == Py_False) {
        return PyUnicodeWriter_WriteASCII(st->out, "false", 5);
    }
    if (PyUnicode_Check(obj)) {
        return write_str(st, obj);
    }
    if (PyLong_Check(obj)) {
        return write_owned(st, PyLong_Type.tp_repr(obj));
    }
    if (PyFloat_Check(obj)) {
        return write_owned(st, float_text(st->enc, obj));
    }
    if (Py_EnterRecursiveCall(" while encoding a JSON object")) {
        return -1;
    }
    int rc;
    if (PyList_Check(obj) || PyTuple_Check(obj)) {
        rc = encode_sequence(st, obj, level);
    }
    else if (PyAnyDict_Check(obj)) {      /* a frozendict too (3.15) */
        rc = encode_dict(st, obj, level);
    }
    else {
        rc = encode_via_default(st, obj, level);
    }
    Py_LeaveRecursiveCall();
    return rc;
}

/* encoder(obj, _current_indent_level) -> (text,) */
static PyObject *
encoder_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"obj", "_current_indent_level", NULL};
    PyObject *obj;
    Py_ssize_t level;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "On:_iterencode", kwlist,
                                     &obj, &level)) {
        return NULL;
    }
    EncoderObject *enc = (EncoderObject *)self;
    EncodeState st = {.enc = enc, .out = NULL, .markers = NULL};
    if (enc->check_circular) {
        st.markers = PyDict_New();
        if (st.markers == NULL) {
            return NULL;
        }
    }
    st.out = PyUnicodeWriter_Create(0);
    if (st.out == NULL) {
        Py_XDECREF(st.markers);
        return NULL;
    }
    int rc = encode_obj(&st, obj, level);
    Py_XDECREF(st.markers);
    if (rc < 0) {
        PyUnicodeWriter_Discard(st.out);
        return NULL;
    }
    PyObject *text = PyUnicodeWriter_Finish(st.out);
    if (text == NULL) {
        return NULL;
    }
    return Py_BuildValue("(N)", text);
}

static int
check_str_arg(PyObject *value, int position)
{
    if (PyUnicode_Check(value)) {
        return 0;
    }
    PyErr_Format(PyExc_TypeError,
                 "make_encoder() argument %d must be str, not %.50s",
                 position, Py_TYPE(value)->tp_name);
    return -1;
}

/* make_encoder(markers, default, encoder, indent, key_separator,
                item_separator, sort_keys, skipkeys, allow_nan).
   markers is None (no cycle checks) or a dict; only whether it is None
   matters, since each call builds its own dict. */
static PyObject *
encoder_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"markers", "default", "encoder", "indent",
                             "key_separator", "item_separator", "sort_keys",
                             "skipkeys", "allow_nan", NULL};
    PyObject *markers, *defaultfn, *encoder, *indent, *key_sep, *item_sep;
    int sort_keys, skipkeys, allow_nan;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OOOOOOppp:make_encoder",
                                     kwlist, &markers, &defaultfn, &encoder,
                                     &indent, &key_sep, &item_sep,
                                     &sort_keys, &skipkeys, &allow_nan)) {
        return NULL;
    }
    if (markers != Py_None && !PyDict_Check(markers)) {
        PyErr_Format(PyExc_TypeError,
                     "make_encoder() argument 1 must be dict or None, "
                     "not %.200s", Py_TYPE(markers)->tp_name);
        return NULL;
    }
    if ((indent != Py_None && check_str_arg(indent, 4) < 0)
        || check_str_arg(key_sep, 5) < 0 || check_str_arg(item_sep, 6) < 0) {
        return NULL;
    }
    EncoderObject *e = (EncoderObject *)type->tp_alloc(type, 0);
    if (e == NULL) {
        return NULL;
    }
    e->check_circular = markers != Py_None;
    e->defaultfn = Py_NewRef(defaultfn);
    e->encoder = Py_NewRef(encoder);
    e->indent = Py_NewRef(indent);
    e->key_separator = Py_NewRef(key_sep);
    e->item_separator = Py_NewRef(item_sep);
    e->sort_keys = sort_keys;
    e->skipkeys = skipkeys;
    e->allow_nan = allow_nan;
    e->fast_encode = ENCODE_CALL;
    if (PyCFunction_Check(encoder)) {
        PyCFunction meth = PyCFunction_GetFunction(encoder);
        if (meth == (PyCFunction)json_encode_basestring_ascii) {
            e->fast_encode = ENCODE_ASCII;
        }
        else if (meth == (PyCFunction)json_encode_basestring) {
            e->fast_encode = ENCODE_UNICODE;
        }
    }
    return (PyObject *)e;
}

static int
encoder_traverse(PyObject *self, visitproc visit, void *arg)
{
    EncoderObject *e = (EncoderObject *)self;
    Py_VISIT(e->defaultfn);
    Py_VISIT(e->encoder);
    Py_VISIT(e->indent);
    Py_VISIT(e->key_separator);
    Py_VISIT(e->item_separator);
    return 0;
}

static int
encoder_clear(PyObject *self)
{
    EncoderObject *e = (EncoderObject *)self;
    Py_CLEAR(e->defaultfn);
    Py_CLEAR(e->encoder);
    Py_CLEAR(e->indent);
    Py_CLEAR(e->key_separator);
    Py_CLEAR(e->item_separator);
    return 0;
}

static void
encoder_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    encoder_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static PyTypeObject Encoder_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_json.Encoder",
    .tp_basicsize = sizeof(EncoderObject),
    .tp_dealloc = encoder_dealloc,
    .tp_call = encoder_call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "make_encoder(markers, default, encoder, indent, key_separator, "
              "item_separator, sort_keys, skipkeys, allow_nan)\n--\n\n"
              "JSON encoder object: encoder(obj, level) -> (text,).",
    .tp_traverse = encoder_traverse,
    .tp_clear = encoder_clear,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = encoder_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- module ------------------------------------------------------------ */

static PyMethodDef json_methods[] = {
    {"encode_basestring_ascii", json_encode_basestring_ascii, METH_O,
     "encode_basestring_ascii(string, /)\n--\n\n"
     "The JSON string literal for string, non-ASCII characters escaped."},
    {"encode_basestring", json_encode_basestring, METH_O,
     "encode_basestring(string, /)\n--\n\n"
     "The JSON string literal for string, non-ASCII characters kept."},
    {"scanstring", _PyCFunction_CAST(json_scanstring), METH_FASTCALL,
     "scanstring(string, end, strict=True, /)\n--\n\n"
     "Decode the JSON string literal whose opening quote is at end - 1.\n\n"
     "Returns (text, index after the closing quote).  Bad escapes and, when\n"
     "strict is true, raw control characters raise JSONDecodeError."},
    {NULL, NULL, 0, NULL},
};

static int
json_exec(PyObject *module)
{
    if (PyType_Ready(&Scanner_Type) < 0 || PyType_Ready(&Encoder_Type) < 0) {
        return -1;
    }
    if (PyModule_AddObjectRef(module, "make_scanner",
                              (PyObject *)&Scanner_Type) < 0
        || PyModule_AddObjectRef(module, "make_encoder",
                                 (PyObject *)&Encoder_Type) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot json_slots[] = {
    {Py_mod_exec, json_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef json_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_json",
    .m_doc = "C accelerators for the json package.",
    .m_size = 0,
    .m_methods = json_methods,
    .m_slots = json_slots,
};

PyMODINIT_FUNC
PyInit__json(void)
{
    return PyModuleDef_Init(&json_module);
}
