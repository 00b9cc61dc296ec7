/* _pickle.Unpickler, load() and loads(): the reading half of the _pickle
   accelerator (Modules/_pickle.c holds the module and the Pickler).

   The Unpickler is a stack machine over an input buffer.  loads() reads
   straight from the caller's bytes.  load() fills the buffer from the
   file: read(n) for what an opcode needs (a whole frame at protocol 4+),
   plus, when the file has peek(), whatever peek() offers, which is read
   (consumed) from the file only once used, so that the file is left just
   past the STOP opcode. */

#include "Python.h"
#include "pycore_long.h"
#include "_pickle.h"

enum { PREFETCH_SIZE = 64 * 1024, MEMO_ARRAY_SLACK = 1 << 16 };

typedef struct {
    PyObject_HEAD
    PyObject *dict;             /* instance __dict__ */
    /* The value stack; marks[] holds the stack heights saved by MARK. */
    PyObject **stack;
    Py_ssize_t stack_len;
    Py_ssize_t stack_cap;
    Py_ssize_t *marks;
    Py_ssize_t marks_len;
    Py_ssize_t marks_cap;
    /* The memo: small indices in an array, others in a dict. */
    PyObject **memo;
    Py_ssize_t memo_cap;
    Py_ssize_t memo_count;      /* entries in memo[] and memo_big */
    PyObject *memo_big;         /* NULL or {index: object} */
    /* Input. */
    Py_buffer view;             /* loads(): the data; view.obj NULL if unused */
    PyObject *chunk;            /* load(): bytes currently read */
    const char *in;
    Py_ssize_t in_len;
    Py_ssize_t in_pos;
    Py_ssize_t file_upto;       /* in[file_upto:] came from peek() */
    PyObject *read;
    PyObject *readline;
    PyObject *peek;
    PyObject *readinto;
    PyObject *buffers;          /* iterator of out-of-band buffers or NULL */
    PyObject *encoding;
    PyObject *errors;
    int proto;
    int fix_imports;
    int initialized;
    int running;
    /* Per-load overrides (NULL means the default behaviour). */
    PyObject *find_class;
    PyObject *pers_load;
} UnpicklerObject;

static PyObject *unpickler_find_class(PyObject *self, PyObject *args);
static PyObject *unpickler_persistent_load(PyObject *self, PyObject *pid);

static void
unpickling_error(const char *msg)
{
    PyErr_SetString(_Py_pickle_state.UnpicklingError, msg);
}

/* ---- input ---------------------------------------------------------------- */

/* Reads from the file the peeked bytes that were used, so that the file
   position matches what was consumed. */
static int
skip_consumed(UnpicklerObject *u)
{
    if (u->read == NULL || u->in_pos <= u->file_upto) {
        return 0;
    }
    Py_ssize_t n = u->in_pos - u->file_upto;
    PyObject *r = PyObject_CallFunction(u->read, "n", n);
    if (r == NULL) {
        return -1;
    }
    Py_DECREF(r);
    u->file_upto = u->in_pos;
    return 0;
}

static PyObject *
call_read(UnpicklerObject *u, Py_ssize_t n)
{
    PyObject *data = PyObject_CallFunction(u->read, "n", n);
    if (data != NULL && !PyBytes_Check(data)) {
        PyObject *b = PyBytes_FromObject(data);
        Py_SETREF(data, b);
    }
    return data;
}

/* Replaces the buffer by its unconsumed file-read part followed by
   `more` (a bytes object, stolen) and, optionally, peeked bytes. */
static int
rebuild_chunk(UnpicklerObject *u, PyObject *more, int want_peek)
{
    Py_ssize_t keep = u->file_upto - u->in_pos;
    if (keep < 0) {
        keep = 0;
    }
    PyObject *peeked = NULL;
    /* A large read is not worth topping up: peek only after small ones. */
    if (want_peek && u->peek != NULL
        && PyBytes_GET_SIZE(more) < PREFETCH_SIZE) {
        peeked = PyObject_CallFunction(u->peek, "n", (Py_ssize_t)PREFETCH_SIZE);
        if (peeked == NULL) {
            if (!PyErr_ExceptionMatches(PyExc_NotImplementedError)) {
                Py_DECREF(more);
                return -1;
            }
            /* A file whose peek() raises NotImplementedError cannot peek
               (CPython's convention): read without it from now on.  The
               load holds the unpickler's critical section, so no other
               thread sees u->peek change. */
            PyErr_Clear();
            Py_CLEAR(u->peek);
        }
        else if (!PyBytes_Check(peeked)) {
            Py_SETREF(peeked, PyBytes_FromObject(peeked));
            if (peeked == NULL) {
                Py_DECREF(more);
                return -1;
            }
        }
    }
    Py_ssize_t more_len = PyBytes_GET_SIZE(more);
    Py_ssize_t peek_len = peeked ? PyBytes_GET_SIZE(peeked) : 0;
    if (keep == 0 && peek_len == 0) {
        /* Nothing to join: the bytes just read become the buffer. */
        Py_XDECREF(peeked);
        Py_XSETREF(u->chunk, more);
        u->in = PyBytes_AS_STRING(more);
        u->in_len = more_len;
        u->in_pos = 0;
        u->file_upto = more_len;
        return 0;
    }
    PyObject *chunk = PyBytes_FromStringAndSize(NULL, keep + more_len
                                                + peek_len);
    if (chunk == NULL) {
        Py_DECREF(more);
        Py_XDECREF(peeked);
        return -1;
    }
    char *dst = PyBytes_AS_STRING(chunk);
    if (keep > 0) {
        memcpy(dst, u->in + u->in_pos, (size_t)keep);
    }
    memcpy(dst + keep, PyBytes_AS_STRING(more), (size_t)more_len);
    if (peek_len > 0) {
        memcpy(dst + keep + more_len, PyBytes_AS_STRING(peeked),
               (size_t)peek_len);
    }
    Py_DECREF(more);
    Py_XDECREF(peeked);
    Py_XSETREF(u->chunk, chunk);
    u->in = PyBytes_AS_STRING(chunk);
    u->in_len = PyBytes_GET_SIZE(chunk);
    u->in_pos = 0;
    u->file_upto = keep + more_len;
    return 0;
}

/* Makes n bytes available at in + in_pos, reading the file if needed. */
static int
fill(UnpicklerObject *u, Py_ssize_t n)
{
    if (u->in_len - u->in_pos >= n) {
        return 0;
    }
    if (u->read == NULL) {
        unpickling_error("pickle data was truncated");
        return -1;
    }
    if (skip_consumed(u) < 0) {
        return -1;
    }
    Py_ssize_t have = u->file_upto - u->in_pos;
    if (have < 0) {
        have = 0;
    }
    Py_ssize_t need = n - have;
    PyObject *more = call_read(u, need);
    if (more == NULL) {
        return -1;
    }
    if (PyBytes_GET_SIZE(more) < need) {
        Py_DECREF(more);
        unpickling_error("pickle data was truncated");
        return -1;
    }
    return rebuild_chunk(u, more, 1);
}

static int
read_bytes(UnpicklerObject *u, Py_ssize_t n, const char **out)
{
    if (u->in_len - u->in_pos < n && fill(u, n) < 0) {
        return -1;
    }
    *out = u->in + u->in_pos;
    u->in_pos += n;
    return 0;
}

/* A line without its newline; a line missing its newline means the data
   was truncated. */
static int
read_line(UnpicklerObject *u, const char **out, Py_ssize_t *len)
{
    const char *start = u->in + u->in_pos;
    const char *nl = u->in_len > u->in_pos
        ? memchr(start, '\n', (size_t)(u->in_len - u->in_pos)) : NULL;
    if (nl == NULL && u->read != NULL) {
        if (skip_consumed(u) < 0) {
            return -1;
        }
        PyObject *line = PyObject_CallNoArgs(u->readline);
        if (line == NULL) {
            return -1;
        }
        if (!PyBytes_Check(line)) {
            Py_SETREF(line, PyBytes_FromObject(line));
            if (line == NULL) {
                return -1;
            }
        }
        if (u->file_upto < u->in_len) {
            /* Peeked bytes are still in the file: the line re-reads
               them, so drop them here. */
            u->in_len = u->file_upto > u->in_pos ? u->file_upto : u->in_pos;
        }
        if (rebuild_chunk(u, line, 0) < 0) {
            return -1;
        }
        start = u->in;
        nl = u->in_len > 0 ? memchr(start, '\n', (size_t)u->in_len) : NULL;
    }
    if (nl == NULL) {
        unpickling_error("pickle data was truncated");
        return -1;
    }
    *out = start;
    *len = nl - start;
    u->in_pos = (nl - u->in) + 1;
    return 0;
}

/* The text argument of INT, LONG, FLOAT, GET, PUT, GLOBAL or INST: as
   CPython, an empty line counts as truncated data, not as a bad value. */
static int
read_arg_line(UnpicklerObject *u, const char **out, Py_ssize_t *len)
{
    if (read_line(u, out, len) < 0) {
        return -1;
    }
    if (*len == 0) {
        unpickling_error("pickle data was truncated");
        return -1;
    }
    return 0;
}

static uint64_t
get_le(const char *p, int nbytes)
{
    uint64_t v = 0;
    for (int i = nbytes - 1; i >= 0; i--) {
        v = (v << 8) | (unsigned char)p[i];
    }
    return v;
}

static int
read_le(UnpicklerObject *u, int nbytes, uint64_t *value)
{
    const char *p;
    if (read_bytes(u, nbytes, &p) < 0) {
        return -1;
    }
    *value = get_le(p, nbytes);
    return 0;
}

/* A length field; lengths past sys.maxsize cannot be read. */
static int
read_size(UnpicklerObject *u, int nbytes, const char *what, Py_ssize_t *size)
{
    uint64_t v;
    if (read_le(u, nbytes, &v) < 0) {
        return -1;
    }
    if (v > (uint64_t)PY_SSIZE_T_MAX) {
        PyErr_Format(_Py_pickle_state.UnpicklingError,
                     "%s exceeds system's maximum size of %zd bytes",
                     what, PY_SSIZE_T_MAX);
        return -1;
    }
    *size = (Py_ssize_t)v;
    return 0;
}

/* Reads into dst[0:n] with the file's readinto(), looping over short
   reads; a read that ends early means the data was truncated. */
static int
readinto_all(UnpicklerObject *u, char *dst, Py_ssize_t n)
{
    while (n > 0) {
        PyObject *view = PyMemoryView_FromMemory(dst, n, PyBUF_WRITE);
        if (view == NULL) {
            return -1;
        }
        PyObject *r = PyObject_CallOneArg(u->readinto, view);
        /* No one may keep a writable view of the object being filled. */
        PyObject *released = PyObject_CallMethod(view, "release", NULL);
        Py_XDECREF(released);
        Py_DECREF(view);
        if (r == NULL) {
            return -1;
        }
        Py_ssize_t got = r == Py_None ? 0 : PyLong_AsSsize_t(r);
        Py_DECREF(r);
        if (got == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (got <= 0 || got > n) {
            unpickling_error("pickle data was truncated");
            return -1;
        }
        dst += got;
        n -= got;
    }
    return 0;
}

/* A payload of n bytes as a new bytes or bytearray object.  A large one
   not buffered yet is read from the file straight into the new object
   with readinto(), sparing a copy. */
static PyObject *
read_payload(UnpicklerObject *u, Py_ssize_t n, int as_bytearray)
{
    if (u->in_len - u->in_pos >= n || u->read == NULL
        || u->readinto == NULL || n < PREFETCH_SIZE) {
        const char *p;
        if (read_bytes(u, n, &p) < 0) {
            return NULL;
        }
        return as_bytearray ? PyByteArray_FromStringAndSize(p, n)
                            : PyBytes_FromStringAndSize(p, n);
    }
    if (skip_consumed(u) < 0) {
        return NULL;
    }
    PyObject *obj = as_bytearray ? PyByteArray_FromStringAndSize(NULL, n)
                                 : PyBytes_FromStringAndSize(NULL, n);
    if (obj == NULL) {
        return NULL;
    }
    char *dst = as_bytearray ? PyByteArray_AS_STRING(obj)
                             : PyBytes_AS_STRING(obj);
    /* Bytes already read from the file come first; peeked ones are still
       in the file and are read again by readinto(). */
    Py_ssize_t have = u->file_upto - u->in_pos;
    if (have > 0) {
        memcpy(dst, u->in + u->in_pos, (size_t)have);
    }
    else {
        have = 0;
    }
    Py_CLEAR(u->chunk);
    u->in = NULL;
    u->in_len = u->in_pos = u->file_upto = 0;
    if (readinto_all(u, dst + have, n - have) < 0) {
        Py_DECREF(obj);
        return NULL;
    }
    return obj;
}

/* ---- the stack ----------------------------------------------------------- */

static Py_ssize_t
fence(UnpicklerObject *u)
{
    return u->marks_len > 0 ? u->marks[u->marks_len - 1] : 0;
}

static void
stack_underflow(UnpicklerObject *u)
{
    unpickling_error(u->marks_len > 0 ? "unexpected MARK found"
                                      : "unpickling stack underflow");
}

/* Pushes obj, stealing the reference; a NULL obj is an error passed on. */
static int
push(UnpicklerObject *u, PyObject *obj)
{
    if (obj == NULL) {
        return -1;
    }
    if (u->stack_len == u->stack_cap) {
        Py_ssize_t cap = u->stack_cap ? u->stack_cap * 2 : 64;
        PyObject **fresh = PyMem_Realloc(u->stack, (size_t)cap
                                         * sizeof(PyObject *));
        if (fresh == NULL) {
            Py_DECREF(obj);
            PyErr_NoMemory();
            return -1;
        }
        u->stack = fresh;
        u->stack_cap = cap;
    }
    u->stack[u->stack_len++] = obj;
    return 0;
}

/* Pops the top object (a new reference for the caller). */
static PyObject *
pop(UnpicklerObject *u)
{
    if (u->stack_len <= fence(u)) {
        stack_underflow(u);
        return NULL;
    }
    return u->stack[--u->stack_len];
}

/* The top object, borrowed. */
static PyObject *
top(UnpicklerObject *u)
{
    if (u->stack_len <= fence(u)) {
        stack_underflow(u);
        return NULL;
    }
    return u->stack[u->stack_len - 1];
}

static int
push_mark(UnpicklerObject *u)
{
    if (u->marks_len == u->marks_cap) {
        Py_ssize_t cap = u->marks_cap ? u->marks_cap * 2 : 16;
        Py_ssize_t *fresh = PyMem_Realloc(u->marks, (size_t)cap
                                          * sizeof(Py_ssize_t));
        if (fresh == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        u->marks = fresh;
        u->marks_cap = cap;
    }
    u->marks[u->marks_len++] = u->stack_len;
    return 0;
}

/* Removes the topmost mark; *start receives where its items begin. */
static int
pop_mark_start(UnpicklerObject *u, Py_ssize_t *start)
{
    if (u->marks_len == 0) {
        unpickling_error("could not find MARK");
        return -1;
    }
    *start = u->marks[--u->marks_len];
    return 0;
}

/* The items above the topmost mark as a new list (or tuple); the mark
   and the items leave the stack. */
static PyObject *
pop_mark_items(UnpicklerObject *u, int as_tuple)
{
    Py_ssize_t start;
    if (pop_mark_start(u, &start) < 0) {
        return NULL;
    }
    Py_ssize_t n = u->stack_len - start;
    PyObject *seq = as_tuple ? PyTuple_New(n) : PyList_New(n);
    if (seq == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = u->stack[start + i];   /* reference moves */
        if (as_tuple) {
            PyTuple_SET_ITEM(seq, i, item);
        }
        else {
            PyList_SET_ITEM(seq, i, item);
        }
    }
    u->stack_len = start;
    return seq;
}

static void
stack_clear(UnpicklerObject *u)
{
    while (u->stack_len > 0) {
        PyObject *o = u->stack[--u->stack_len];
        Py_DECREF(o);
    }
    u->marks_len = 0;
}

/* ---- the memo ------------------------------------------------------------ */

static PyObject *
memo_lookup(UnpicklerObject *u, Py_ssize_t idx)
{
    if (idx >= 0 && idx < u->memo_cap) {
        return u->memo[idx];
    }
    if (u->memo_big == NULL) {
        return NULL;
    }
    PyObject *key = PyLong_FromSsize_t(idx);
    if (key == NULL) {
        return NULL;
    }
    PyObject *value = PyDict_GetItemWithError(u->memo_big, key);
    Py_DECREF(key);
    return value;
}

/* memo[idx] = obj (a new reference is taken). */
static int
memo_store(UnpicklerObject *u, Py_ssize_t idx, PyObject *obj)
{
    if (idx >= u->memo_cap && idx < u->memo_cap * 2 + MEMO_ARRAY_SLACK) {
        Py_ssize_t cap = u->memo_cap * 2 + MEMO_ARRAY_SLACK / 64;
        if (cap <= idx) {
            cap = idx + 1;
        }
        PyObject **fresh = PyMem_Realloc(u->memo, (size_t)cap
                                         * sizeof(PyObject *));
        if (fresh == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memset(fresh + u->memo_cap, 0,
               (size_t)(cap - u->memo_cap) * sizeof(PyObject *));
        u->memo = fresh;
        u->memo_cap = cap;
    }
    if (idx < u->memo_cap) {
        PyObject *old = u->memo[idx];
        u->memo[idx] = Py_NewRef(obj);
        if (old == NULL) {
            u->memo_count++;
        }
        Py_XDECREF(old);
        return 0;
    }
    if (u->memo_big == NULL && (u->memo_big = PyDict_New()) == NULL) {
        return -1;
    }
    PyObject *key = PyLong_FromSsize_t(idx);
    if (key == NULL) {
        return -1;
    }
    int had = PyDict_Contains(u->memo_big, key);
    int rc = had < 0 ? -1 : PyDict_SetItem(u->memo_big, key, obj);
    Py_DECREF(key);
    if (rc == 0 && !had) {
        u->memo_count++;
    }
    return rc;
}

static void
memo_clear_all(UnpicklerObject *u)
{
    for (Py_ssize_t i = 0; i < u->memo_cap; i++) {
        Py_CLEAR(u->memo[i]);
    }
    Py_CLEAR(u->memo_big);
    u->memo_count = 0;
}

/* ---- opcodes: atoms ------------------------------------------------------ */

/* An int from a protocol 0 decimal line (trailing 'L' allowed when
   `long_suffix`). */
static PyObject *
parse_decimal(const char *s, Py_ssize_t len, int long_suffix)
{
    if (long_suffix && len > 0 && s[len - 1] == 'L') {
        len--;
    }
    char *copy = PyMem_Malloc((size_t)len + 1);
    if (copy == NULL) {
        return PyErr_NoMemory();
    }
    memcpy(copy, s, (size_t)len);
    copy[len] = '\0';
    PyObject *v;
    if (strlen(copy) != (size_t)len) {
        PyErr_SetString(PyExc_ValueError, "invalid literal for int() with "
                        "base 0: embedded null character");
        v = NULL;
    }
    else {
        v = PyLong_FromString(copy, NULL, 0);
    }
    PyMem_Free(copy);
    return v;
}

static int
load_int(UnpicklerObject *u)
{
    const char *s;
    Py_ssize_t len;
    if (read_arg_line(u, &s, &len) < 0) {
        return -1;
    }
    if (len == 2 && s[0] == '0' && (s[1] == '0' || s[1] == '1')) {
        return push(u, PyBool_FromLong(s[1] == '1'));
    }
    return push(u, parse_decimal(s, len, 0));
}

static int
load_long_text(UnpicklerObject *u)
{
    const char *s;
    Py_ssize_t len;
    if (read_arg_line(u, &s, &len) < 0) {
        return -1;
    }
    return push(u, parse_decimal(s, len, 1));
}

static int
load_binint(UnpicklerObject *u, int nbytes)
{
    uint64_t v;
    if (read_le(u, nbytes, &v) < 0) {
        return -1;
    }
    if (nbytes == 4) {
        return push(u, PyLong_FromLong((long)(int32_t)(uint32_t)v));
    }
    return push(u, PyLong_FromLong((long)v));
}

static int
load_long_binary(UnpicklerObject *u, int nbytes)
{
    uint64_t v;
    if (read_le(u, nbytes, &v) < 0) {
        return -1;
    }
    Py_ssize_t n = (Py_ssize_t)v;
    if (nbytes == 4 && (int32_t)(uint32_t)v < 0) {
        unpickling_error("LONG pickle has negative byte count");
        return -1;
    }
    const char *p;
    if (read_bytes(u, n, &p) < 0) {
        return -1;
    }
    if (n == 0) {
        return push(u, PyLong_FromLong(0));
    }
    return push(u, _PyLong_FromByteArray((const unsigned char *)p, (size_t)n,
                                         1, 1));
}

static int
load_float_text(UnpicklerObject *u)
{
    const char *s;
    Py_ssize_t len;
    if (read_arg_line(u, &s, &len) < 0) {
        return -1;
    }
    PyObject *text = PyBytes_FromStringAndSize(s, len);
    if (text == NULL) {
        return -1;
    }
    PyObject *v = PyFloat_FromString(text);
    Py_DECREF(text);
    return push(u, v);
}

static int
load_binfloat(UnpicklerObject *u)
{
    const char *p;
    if (read_bytes(u, 8, &p) < 0) {
        return -1;
    }
    double x = PyFloat_Unpack8(p, 0);
    if (x == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    return push(u, PyFloat_FromDouble(x));
}

/* ---- opcodes: strings and bytes ---- */

/* A Python 2 str: bytes when encoding is 'bytes', else decoded. */
static PyObject *
decode_py2_string(UnpicklerObject *u, const char *p, Py_ssize_t n)
{
    if (PyUnicode_CompareWithASCIIString(u->encoding, "bytes") == 0) {
        return PyBytes_FromStringAndSize(p, n);
    }
    const char *enc = PyUnicode_AsUTF8(u->encoding);
    const char *err = PyUnicode_AsUTF8(u->errors);
    if (enc == NULL || err == NULL) {
        return NULL;
    }
    return PyUnicode_Decode(p, n, enc, err);
}

static int
load_string(UnpicklerObject *u)
{
    const char *s;
    Py_ssize_t len;
    if (read_line(u, &s, &len) < 0) {
        return -1;
    }
    if (len < 2 || s[0] != s[len - 1] || (s[0] != '"' && s[0] != '\'')) {
        unpickling_error("the STRING opcode argument must be quoted");
        return -1;
    }
    PyObject *raw = PyBytes_DecodeEscape(s + 1, len - 2, NULL, 0, NULL);
    if (raw == NULL) {
        return -1;
    }
    PyObject *v = decode_py2_string(u, PyBytes_AS_STRING(raw),
                                    PyBytes_GET_SIZE(raw));
    Py_DECREF(raw);
    return push(u, v);
}

static int
load_binstring(UnpicklerObject *u, int nbytes)
{
    uint64_t v;
    if (read_le(u, nbytes, &v) < 0) {
        return -1;
    }
    if (nbytes == 4 && (int32_t)(uint32_t)v < 0) {
        unpickling_error("BINSTRING pickle has negative byte count");
        return -1;
    }
    const char *p;
    if (read_bytes(u, (Py_ssize_t)v, &p) < 0) {
        return -1;
    }
    return push(u, decode_py2_string(u, p, (Py_ssize_t)v));
}

/* BINBYTES-style opcodes: a length of nbytes then the payload. */
static int
load_counted(UnpicklerObject *u, int nbytes, const char *what,
             Py_ssize_t *n, const char **p)
{
    if (nbytes == 1) {
        uint64_t v;
        if (read_le(u, 1, &v) < 0) {
            return -1;
        }
        *n = (Py_ssize_t)v;
    }
    else if (read_size(u, nbytes, what, n) < 0) {
        return -1;
    }
    return read_bytes(u, *n, p);
}

static int
load_binbytes(UnpicklerObject *u, int nbytes, const char *what,
              int as_bytearray)
{
    Py_ssize_t n;
    if (nbytes == 1) {
        uint64_t v;
        if (read_le(u, 1, &v) < 0) {
            return -1;
        }
        n = (Py_ssize_t)v;
    }
    else if (read_size(u, nbytes, what, &n) < 0) {
        return -1;
    }
    return push(u, read_payload(u, n, as_bytearray));
}

static int
load_binunicode(UnpicklerObject *u, int nbytes, const char *what)
{
    Py_ssize_t n;
    const char *p;
    if (load_counted(u, nbytes, what, &n, &p) < 0) {
        return -1;
    }
    return push(u, PyUnicode_DecodeUTF8(p, n, "surrogatepass"));
}

static int
load_unicode_text(UnpicklerObject *u)
{
    const char *s;
    Py_ssize_t len;
    if (read_line(u, &s, &len) < 0) {
        return -1;
    }
    return push(u, PyUnicode_DecodeRawUnicodeEscape(s, len, NULL));
}

/* ---- opcodes: out-of-band buffers ---- */

static int
load_next_buffer(UnpicklerObject *u)
{
    if (u->buffers == NULL) {
        unpickling_error("pickle stream refers to out-of-band data but no "
                         "*buffers* argument was given");
        return -1;
    }
    PyObject *buf = PyIter_Next(u->buffers);
    if (buf == NULL) {
        if (!PyErr_Occurred()) {
            unpickling_error("not enough out-of-band buffers");
        }
        return -1;
    }
    return push(u, buf);
}

static int
load_readonly_buffer(UnpicklerObject *u)
{
    PyObject *buf = top(u);
    if (buf == NULL) {
        return -1;
    }
    /* A PickleBuffer forwards buffer requests to the object it wraps, so
       this is a view of the original memory whatever buf is. */
    PyObject *view = PyMemoryView_FromObject(buf);
    if (view == NULL) {
        return -1;
    }
    PyObject *readonly = PyObject_GetAttrString(view, "readonly");
    int is_ro = readonly == NULL ? -1 : PyObject_IsTrue(readonly);
    Py_XDECREF(readonly);
    if (is_ro < 0) {
        Py_DECREF(view);
        return -1;
    }
    if (!is_ro) {
        PyObject *ro = PyObject_CallMethod(view, "toreadonly", NULL);
        if (ro == NULL) {
            Py_DECREF(view);
            return -1;
        }
        Py_SETREF(u->stack[u->stack_len - 1], ro);
    }
    Py_DECREF(view);
    return 0;
}

/* ---- opcodes: containers ---- */

static int
load_small_tuple(UnpicklerObject *u, Py_ssize_t n)
{
    if (u->stack_len - fence(u) < n) {
        stack_underflow(u);
        return -1;
    }
    PyObject *t = PyTuple_New(n);
    if (t == NULL) {
        return -1;
    }
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        PyTuple_SET_ITEM(t, i, u->stack[--u->stack_len]);
    }
    return push(u, t);
}

static int
load_dict_from_mark(UnpicklerObject *u)
{
    PyObject *items = pop_mark_items(u, 0);
    if (items == NULL) {
        return -1;
    }
    Py_ssize_t n = PyList_GET_SIZE(items);
    if (n % 2) {
        Py_DECREF(items);
        unpickling_error("odd number of items for DICT");
        return -1;
    }
    PyObject *d = PyDict_New();
    for (Py_ssize_t i = 0; d != NULL && i < n; i += 2) {
        if (PyDict_SetItem(d, PyList_GET_ITEM(items, i),
                           PyList_GET_ITEM(items, i + 1)) < 0) {
            Py_CLEAR(d);
        }
    }
    Py_DECREF(items);
    return push(u, d);
}

static int
load_frozenset(UnpicklerObject *u)
{
    PyObject *items = pop_mark_items(u, 0);
    if (items == NULL) {
        return -1;
    }
    PyObject *fs = PyFrozenSet_New(items);
    Py_DECREF(items);
    return push(u, fs);
}

static int
call_method_each(PyObject *target, const char *name, PyObject *items)
{
    PyObject *method = PyObject_GetAttrString(target, name);
    if (method == NULL) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items); i++) {
        PyObject *r = PyObject_CallOneArg(method, PyList_GET_ITEM(items, i));
        if (r == NULL) {
            Py_DECREF(method);
            return -1;
        }
        Py_DECREF(r);
    }
    Py_DECREF(method);
    return 0;
}

static int
load_append(UnpicklerObject *u)
{
    PyObject *value = pop(u);
    if (value == NULL) {
        return -1;
    }
    PyObject *list = top(u);
    int rc;
    if (list == NULL) {
        rc = -1;
    }
    else if (PyList_CheckExact(list)) {
        rc = PyList_Append(list, value);
    }
    else {
        /* Exactly one argument: PyObject_CallMethod(..., "O", value) would
           spread a tuple value into several arguments. */
        PyObject *append = PyObject_GetAttrString(list, "append");
        PyObject *r = append != NULL ? PyObject_CallOneArg(append, value)
                                     : NULL;
        Py_XDECREF(append);
        rc = r == NULL ? -1 : 0;
        Py_XDECREF(r);
    }
    Py_DECREF(value);
    return rc;
}

static int
load_appends(UnpicklerObject *u)
{
    PyObject *items = pop_mark_items(u, 0);
    if (items == NULL) {
        return -1;
    }
    PyObject *list = top(u);
    int rc = -1;
    if (list == NULL) {
        goto done;
    }
    if (PyList_CheckExact(list)) {
        rc = PyList_SetSlice(list, PyList_GET_SIZE(list),
                             PyList_GET_SIZE(list), items);
        goto done;
    }
    PyObject *extend;
    if (PyObject_GetOptionalAttrString(list, "extend", &extend) < 0) {
        goto done;
    }
    if (extend != NULL) {
        PyObject *r = PyObject_CallOneArg(extend, items);
        Py_DECREF(extend);
        rc = r == NULL ? -1 : 0;
        Py_XDECREF(r);
        goto done;
    }
    /* PEP 307 asks for extend(); append() alone still works. */
    rc = call_method_each(list, "append", items);
done:
    Py_DECREF(items);
    return rc;
}

/* target[key] = value, straight into an exact dict. */
static int
set_item(PyObject *target, PyObject *key, PyObject *value)
{
    return PyDict_CheckExact(target) ? PyDict_SetItem(target, key, value)
                                     : PyObject_SetItem(target, key, value);
}

static int
set_items_from(PyObject *target, PyObject *items, Py_ssize_t start)
{
    Py_ssize_t n = PyList_GET_SIZE(items);
    for (Py_ssize_t i = start; i + 1 < n; i += 2) {
        if (set_item(target, PyList_GET_ITEM(items, i),
                     PyList_GET_ITEM(items, i + 1)) < 0) {
            return -1;
        }
    }
    return 0;
}

static int
load_setitem(UnpicklerObject *u)
{
    PyObject *value = pop(u);
    if (value == NULL) {
        return -1;
    }
    PyObject *key = pop(u);
    if (key == NULL) {
        Py_DECREF(value);
        return -1;
    }
    PyObject *target = top(u);
    int rc = target == NULL ? -1 : set_item(target, key, value);
    Py_DECREF(key);
    Py_DECREF(value);
    return rc;
}

static int
load_setitems(UnpicklerObject *u)
{
    PyObject *items = pop_mark_items(u, 0);
    if (items == NULL) {
        return -1;
    }
    int rc = -1;
    if (PyList_GET_SIZE(items) % 2) {
        unpickling_error("odd number of items for SETITEMS");
    }
    else {
        PyObject *target = top(u);
        if (target != NULL) {
            rc = set_items_from(target, items, 0);
        }
    }
    Py_DECREF(items);
    return rc;
}

static int
load_additems(UnpicklerObject *u)
{
    PyObject *items = pop_mark_items(u, 0);
    if (items == NULL) {
        return -1;
    }
    PyObject *target = top(u);
    int rc = -1;
    if (target == NULL) {
        rc = -1;
    }
    else if (PySet_Check(target)) {
        rc = 0;
        for (Py_ssize_t i = 0; rc == 0 && i < PyList_GET_SIZE(items); i++) {
            rc = PySet_Add(target, PyList_GET_ITEM(items, i));
        }
    }
    else {
        rc = call_method_each(target, "add", items);
    }
    Py_DECREF(items);
    return rc;
}

/* ---- opcodes: objects ---- */

static int
is_type_check(PyObject *obj)
{
    return PyType_Check(obj);
}

/* UnpicklingError(fmt % _T(obj)). */
static void
unpickling_error_typed(const char *fmt, PyObject *obj)
{
    PyObject *name = _Py_pickle_type_name(obj);
    if (name != NULL) {
        PyErr_Format(_Py_pickle_state.UnpicklingError, fmt, name);
        Py_DECREF(name);
    }
}

/* INST and OBJ: klass(*args), or klass.__new__(klass) for a class
   without arguments and without __getinitargs__. */
static int
instantiate(UnpicklerObject *u, PyObject *klass, PyObject *args)
{
    int call = PyTuple_GET_SIZE(args) > 0 || !is_type_check(klass);
    if (!call) {
        PyObject *initargs;
        if (PyObject_GetOptionalAttrString(klass, "__getinitargs__",
                                           &initargs) < 0) {
            return -1;
        }
        call = initargs != NULL;
        Py_XDECREF(initargs);
    }
    if (!call) {
        return push(u, PyObject_CallMethod(klass, "__new__", "O", klass));
    }
    PyObject *value = PyObject_Call(klass, args, NULL);
    if (value == NULL && PyErr_ExceptionMatches(PyExc_TypeError)) {
        PyObject *exc = PyErr_GetRaisedException();
        PyObject *name = NULL;
        if (PyObject_GetOptionalAttrString(klass, "__name__", &name) < 0) {
            PyErr_Clear();
        }
        PyErr_Format(PyExc_TypeError, "in constructor for %S: %S",
                     name ? name : Py_None, exc);
        Py_XDECREF(name);
        Py_DECREF(exc);
    }
    return push(u, value);
}

static PyObject *
call_find_class(UnpicklerObject *u, PyObject *module, PyObject *name);

/* Reads the two lines of GLOBAL or INST as str ("utf-8" or "ascii"). */
static int
read_global_names(UnpicklerObject *u, const char *encoding,
                  PyObject **module, PyObject **name)
{
    const char *s;
    Py_ssize_t len;
    if (read_arg_line(u, &s, &len) < 0) {
        return -1;
    }
    *module = PyUnicode_Decode(s, len, encoding, "strict");
    if (*module == NULL) {
        return -1;
    }
    if (read_arg_line(u, &s, &len) < 0) {
        Py_CLEAR(*module);
        return -1;
    }
    *name = PyUnicode_Decode(s, len, encoding, "strict");
    if (*name == NULL) {
        Py_CLEAR(*module);
        return -1;
    }
    return 0;
}

static int
load_inst(UnpicklerObject *u)
{
    /* The mark is checked before the names are read, as in CPython. */
    PyObject *args = pop_mark_items(u, 1);
    if (args == NULL) {
        return -1;
    }
    PyObject *module, *name;
    if (read_global_names(u, "ascii", &module, &name) < 0) {
        Py_DECREF(args);
        return -1;
    }
    PyObject *klass = call_find_class(u, module, name);
    Py_DECREF(module);
    Py_DECREF(name);
    if (klass == NULL) {
        Py_DECREF(args);
        return -1;
    }
    int rc = instantiate(u, klass, args);
    Py_DECREF(args);
    Py_DECREF(klass);
    return rc;
}

static int
load_obj(UnpicklerObject *u)
{
    PyObject *items = pop_mark_items(u, 1);
    if (items == NULL) {
        return -1;
    }
    if (PyTuple_GET_SIZE(items) == 0) {
        Py_DECREF(items);
        stack_underflow(u);
        return -1;
    }
    PyObject *args = PyTuple_GetSlice(items, 1, PyTuple_GET_SIZE(items));
    int rc = args == NULL ? -1
                          : instantiate(u, PyTuple_GET_ITEM(items, 0), args);
    Py_XDECREF(args);
    Py_DECREF(items);
    return rc;
}

/* cls.__new__(cls, *args, **kwargs) */
static PyObject *
call_new(PyObject *cls, PyObject *args, PyObject *kwargs)
{
    PyObject *new_method = PyObject_GetAttrString(cls, "__new__");
    if (new_method == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    PyObject *full = PyTuple_New(n + 1);
    if (full == NULL) {
        Py_DECREF(new_method);
        return NULL;
    }
    PyTuple_SET_ITEM(full, 0, Py_NewRef(cls));
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(full, i + 1, Py_NewRef(PyTuple_GET_ITEM(args, i)));
    }
    PyObject *obj = PyObject_Call(new_method, full, kwargs);
    Py_DECREF(full);
    Py_DECREF(new_method);
    return obj;
}

static int
load_newobj(UnpicklerObject *u, int with_kwargs)
{
    const char *op = with_kwargs ? "NEWOBJ_EX" : "NEWOBJ";
    PyObject *kwargs = NULL, *args = NULL, *cls = NULL;
    int rc = -1;
    if (with_kwargs && (kwargs = pop(u)) == NULL) {
        return -1;
    }
    if ((args = pop(u)) == NULL || (cls = pop(u)) == NULL) {
        goto done;
    }
    char fmt[80];
    if (!PyType_Check(cls)) {
        snprintf(fmt, sizeof(fmt), "%s class argument must be a type, not %%U",
                 op);
        unpickling_error_typed(fmt, cls);
        goto done;
    }
    if (!PyTuple_Check(args)) {
        snprintf(fmt, sizeof(fmt), "%s args argument must be a tuple, "
                 "not %%U", op);
        unpickling_error_typed(fmt, args);
        goto done;
    }
    if (kwargs != NULL && !PyDict_Check(kwargs)) {
        unpickling_error_typed("NEWOBJ_EX kwargs argument must be a dict, "
                               "not %U", kwargs);
        goto done;
    }
    rc = push(u, call_new(cls, args, kwargs));
done:
    Py_XDECREF(kwargs);
    Py_XDECREF(args);
    Py_XDECREF(cls);
    return rc;
}

static int
load_global(UnpicklerObject *u)
{
    PyObject *module, *name;
    if (read_global_names(u, "utf-8", &module, &name) < 0) {
        return -1;
    }
    PyObject *klass = call_find_class(u, module, name);
    Py_DECREF(module);
    Py_DECREF(name);
    return push(u, klass);
}

static int
load_stack_global(UnpicklerObject *u)
{
    PyObject *name = pop(u);
    if (name == NULL) {
        return -1;
    }
    PyObject *module = pop(u);
    if (module == NULL) {
        Py_DECREF(name);
        return -1;
    }
    int rc;
    if (!PyUnicode_CheckExact(name) || !PyUnicode_CheckExact(module)) {
        unpickling_error("STACK_GLOBAL requires str");
        rc = -1;
    }
    else {
        rc = push(u, call_find_class(u, module, name));
    }
    Py_DECREF(module);
    Py_DECREF(name);
    return rc;
}

static int
load_extension(UnpicklerObject *u, int nbytes)
{
    uint64_t v;
    if (read_le(u, nbytes, &v) < 0) {
        return -1;
    }
    long code = nbytes == 4 ? (long)(int32_t)(uint32_t)v : (long)v;
    PyObject *key = PyLong_FromLong(code);
    if (key == NULL) {
        return -1;
    }
    PickleState *st = &_Py_pickle_state;
    PyObject *obj = NULL, *pair = NULL;
    int rc = -1;
    if (PyDict_GetItemRef(st->extension_cache, key, &obj) < 0) {
        goto done;
    }
    if (obj != NULL) {
        rc = push(u, obj);
        obj = NULL;
        goto done;
    }
    if (PyDict_GetItemRef(st->inverted_registry, key, &pair) < 0) {
        goto done;
    }
    if (pair == NULL) {
        if (code <= 0) {
            unpickling_error("EXT specifies code <= 0");
        }
        else {
            PyErr_Format(PyExc_ValueError, "unregistered extension code %ld",
                         code);
        }
        goto done;
    }
    if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
        PyErr_Format(PyExc_ValueError, "_inverted_registry[%ld] isn't a "
                     "2-tuple of strings", code);
        goto done;
    }
    obj = call_find_class(u, PyTuple_GET_ITEM(pair, 0),
                          PyTuple_GET_ITEM(pair, 1));
    if (obj == NULL || PyDict_SetItem(st->extension_cache, key, obj) < 0) {
        goto done;
    }
    rc = push(u, obj);
    obj = NULL;
done:
    Py_XDECREF(obj);
    Py_XDECREF(pair);
    Py_DECREF(key);
    return rc;
}

static int
load_reduce(UnpicklerObject *u)
{
    PyObject *args = pop(u);
    if (args == NULL) {
        return -1;
    }
    PyObject *func = pop(u);
    if (func == NULL) {
        Py_DECREF(args);
        return -1;
    }
    PyObject *r;
    if (!PyTuple_Check(args)) {
        PyErr_SetString(PyExc_TypeError, "argument list must be a tuple");
        r = NULL;
    }
    else {
        r = PyObject_Call(func, args, NULL);
    }
    Py_DECREF(args);
    Py_DECREF(func);
    return push(u, r);
}

/* BUILD: inst.__setstate__(state), or the state dict (and slot state)
   written into the instance. */
static int
load_build(UnpicklerObject *u)
{
    PyObject *state = pop(u);
    if (state == NULL) {
        return -1;
    }
    PyObject *inst = top(u);
    PyObject *setstate = NULL, *slotstate = NULL, *inst_dict = NULL;
    int rc = -1;
    if (inst == NULL
        || PyObject_GetOptionalAttrString(inst, "__setstate__",
                                          &setstate) < 0) {
        goto done;
    }
    if (setstate != NULL) {
        PyObject *r = PyObject_CallOneArg(setstate, state);
        rc = r == NULL ? -1 : 0;
        Py_XDECREF(r);
        goto done;
    }
    if (PyTuple_Check(state) && PyTuple_GET_SIZE(state) == 2) {
        slotstate = Py_NewRef(PyTuple_GET_ITEM(state, 1));
        Py_SETREF(state, Py_NewRef(PyTuple_GET_ITEM(state, 0)));
    }
    int truth = PyObject_IsTrue(state);
    if (truth < 0) {
        goto done;
    }
    if (truth) {
        if (!PyDict_Check(state)) {
            unpickling_error("state is not a dictionary");
            goto done;
        }
        inst_dict = PyObject_GetAttrString(inst, "__dict__");
        if (inst_dict == NULL) {
            goto done;
        }
        Py_ssize_t pos = 0;
        PyObject *k, *v;
        while (PyDict_Next(state, &pos, &k, &v)) {
            Py_INCREF(k);
            if (PyUnicode_CheckExact(k)) {
                PyUnicode_InternInPlace(&k);
            }
            int r = PyObject_SetItem(inst_dict, k, v);
            Py_DECREF(k);
            if (r < 0) {
                goto done;
            }
        }
    }
    if (slotstate != NULL) {
        truth = PyObject_IsTrue(slotstate);
        if (truth < 0) {
            goto done;
        }
        if (truth) {
            if (!PyDict_Check(slotstate)) {
                unpickling_error("slot state is not a dictionary");
                goto done;
            }
            Py_ssize_t pos = 0;
            PyObject *k, *v;
            while (PyDict_Next(slotstate, &pos, &k, &v)) {
                if (PyObject_SetAttr(inst, k, v) < 0) {
                    goto done;
                }
            }
        }
    }
    rc = 0;
done:
    Py_XDECREF(setstate);
    Py_XDECREF(slotstate);
    Py_XDECREF(inst_dict);
    Py_DECREF(state);
    return rc;
}

/* ---- opcodes: stack and memo ---- */

static int
load_pop(UnpicklerObject *u)
{
    if (u->stack_len > fence(u)) {
        PyObject *o = u->stack[--u->stack_len];
        Py_DECREF(o);
        return 0;
    }
    if (u->marks_len == 0) {
        stack_underflow(u);
        return -1;
    }
    u->marks_len--;
    return 0;
}

static int
load_pop_mark(UnpicklerObject *u)
{
    Py_ssize_t start;
    if (pop_mark_start(u, &start) < 0) {
        return -1;
    }
    while (u->stack_len > start) {
        PyObject *o = u->stack[--u->stack_len];
        Py_DECREF(o);
    }
    return 0;
}

static int
push_memo(UnpicklerObject *u, Py_ssize_t idx)
{
    PyObject *value = memo_lookup(u, idx);
    if (value == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(_Py_pickle_state.UnpicklingError,
                         "Memo value not found at index %zd", idx);
        }
        return -1;
    }
    return push(u, Py_NewRef(value));
}

/* The decimal argument of GET or PUT. */
static int
read_decimal_index(UnpicklerObject *u, Py_ssize_t *idx)
{
    const char *s;
    Py_ssize_t len;
    if (read_arg_line(u, &s, &len) < 0) {
        return -1;
    }
    PyObject *v = parse_decimal(s, len, 0);
    if (v == NULL) {
        return -1;
    }
    *idx = PyLong_AsSsize_t(v);
    Py_DECREF(v);
    if (*idx == -1 && PyErr_Occurred()) {
        return -1;
    }
    return 0;
}

static int
load_get(UnpicklerObject *u, int nbytes)
{
    Py_ssize_t idx;
    if (nbytes == 0) {
        if (read_decimal_index(u, &idx) < 0) {
            return -1;
        }
    }
    else {
        uint64_t v;
        if (read_le(u, nbytes, &v) < 0) {
            return -1;
        }
        idx = (Py_ssize_t)v;
    }
    return push_memo(u, idx);
}

static int
load_put(UnpicklerObject *u, int nbytes)
{
    Py_ssize_t idx;
    if (nbytes == 0) {
        if (read_decimal_index(u, &idx) < 0) {
            return -1;
        }
        if (idx < 0) {
            PyErr_SetString(PyExc_ValueError, "negative PUT argument");
            return -1;
        }
    }
    else {
        uint64_t v;
        if (read_le(u, nbytes, &v) < 0) {
            return -1;
        }
        idx = (Py_ssize_t)v;
    }
    PyObject *value = top(u);
    return value == NULL ? -1 : memo_store(u, idx, value);
}

static int
load_memoize(UnpicklerObject *u)
{
    PyObject *value = top(u);
    return value == NULL ? -1 : memo_store(u, u->memo_count, value);
}

/* ---- opcodes: protocol, frames, persistent ids ---- */

static int
load_proto(UnpicklerObject *u)
{
    uint64_t v;
    if (read_le(u, 1, &v) < 0) {
        return -1;
    }
    if (v > PICKLE_HIGHEST_PROTOCOL) {
        PyErr_Format(PyExc_ValueError, "unsupported pickle protocol: %d",
                     (int)v);
        return -1;
    }
    u->proto = (int)v;
    return 0;
}

/* Brings the whole frame into the buffer so its opcodes read from
   memory. */
static int
load_frame(UnpicklerObject *u)
{
    uint64_t v;
    if (read_le(u, 8, &v) < 0) {
        return -1;
    }
    if (v > (uint64_t)PY_SSIZE_T_MAX) {
        PyErr_Format(PyExc_ValueError, "frame size > sys.maxsize: %llu",
                     (unsigned long long)v);
        return -1;
    }
    return fill(u, (Py_ssize_t)v);
}

static PyObject *
call_persistent_load(UnpicklerObject *u, PyObject *pid)
{
    if (u->pers_load == NULL) {
        unpickling_error("A load persistent id instruction was encountered,"
                         "\nbut no persistent_load function was specified.");
        return NULL;
    }
    return PyObject_CallOneArg(u->pers_load, pid);
}

static int
load_persid(UnpicklerObject *u)
{
    const char *s;
    Py_ssize_t len;
    if (read_line(u, &s, &len) < 0) {
        return -1;
    }
    PyObject *pid = PyUnicode_DecodeASCII(s, len, "strict");
    if (pid == NULL) {
        if (PyErr_ExceptionMatches(PyExc_UnicodeDecodeError)) {
            PyErr_Clear();
            unpickling_error("persistent IDs in protocol 0 must be ASCII "
                             "strings");
        }
        return -1;
    }
    PyObject *obj = call_persistent_load(u, pid);
    Py_DECREF(pid);
    return push(u, obj);
}

static int
load_binpersid(UnpicklerObject *u)
{
    PyObject *pid = pop(u);
    if (pid == NULL) {
        return -1;
    }
    PyObject *obj = call_persistent_load(u, pid);
    Py_DECREF(pid);
    return push(u, obj);
}

/* ---- find_class ---------------------------------------------------------- */

/* The default find_class: Python 2 names mapped when fix_imports is on
   below protocol 3, the module imported, the (dotted, at protocol 4+)
   name looked up in it. */
static PyObject *
default_find_class(UnpicklerObject *u, PyObject *module, PyObject *name)
{
    PickleState *st = &_Py_pickle_state;
    if (PySys_Audit("pickle.find_class", "OO", module, name) < 0) {
        return NULL;
    }
    PyObject *mod_name = Py_NewRef(module), *attr = Py_NewRef(name);
    PyObject *result = NULL, *modobj = NULL;
    if (u->proto < 3 && u->fix_imports) {
        PyObject *key = PyTuple_Pack(2, module, name), *found = NULL;
        if (key == NULL
            || PyDict_GetItemRef(st->name_mapping_2to3, key, &found) < 0) {
            Py_XDECREF(key);
            goto done;
        }
        Py_DECREF(key);
        if (found != NULL) {
            if (!PyTuple_Check(found) || PyTuple_GET_SIZE(found) != 2) {
                PyErr_SetString(PyExc_RuntimeError, "_compat_pickle."
                                "NAME_MAPPING values should be 2-tuples");
                Py_DECREF(found);
                goto done;
            }
            Py_SETREF(mod_name, Py_NewRef(PyTuple_GET_ITEM(found, 0)));
            Py_SETREF(attr, Py_NewRef(PyTuple_GET_ITEM(found, 1)));
            Py_DECREF(found);
        }
        else {
            if (PyDict_GetItemRef(st->import_mapping_2to3, module,
                                  &found) < 0) {
                goto done;
            }
            if (found != NULL) {
                Py_SETREF(mod_name, found);
            }
        }
    }
    PyObject *imported = PyImport_ImportModuleLevelObject(mod_name, NULL,
                                                          NULL, NULL, 0);
    if (imported == NULL) {
        goto done;
    }
    Py_DECREF(imported);
    modobj = PyImport_GetModule(mod_name);
    if (modobj == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetObject(PyExc_KeyError, mod_name);
        }
        goto done;
    }
    if (u->proto >= 4 && PyUnicode_Check(attr)
        && PyUnicode_FindChar(attr, '.', 0, PyUnicode_GET_LENGTH(attr), 1)
           >= 0) {
        PyObject *dot = PyUnicode_FromString(".");
        PyObject *path = dot ? PyUnicode_Split(attr, dot, -1) : NULL;
        Py_XDECREF(dot);
        if (path == NULL) {
            goto done;
        }
        result = _Py_pickle_get_dotted(modobj, path);
        Py_DECREF(path);
        if (result == NULL && PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_AttributeError,
                         "Can't resolve path %R on module %R", attr,
                         mod_name);
        }
    }
    else {
        result = PyObject_GetAttr(modobj, attr);
    }
done:
    Py_XDECREF(modobj);
    Py_DECREF(mod_name);
    Py_DECREF(attr);
    return result;
}

static PyObject *
call_find_class(UnpicklerObject *u, PyObject *module, PyObject *name)
{
    if (u->find_class == NULL) {
        return default_find_class(u, module, name);
    }
    return PyObject_CallFunctionObjArgs(u->find_class, module, name, NULL);
}

/* ---- the load loop ------------------------------------------------------- */

static int
invalid_key(unsigned char op)
{
    if (op >= 0x20 && op < 0x7f) {
        PyErr_Format(_Py_pickle_state.UnpicklingError,
                     "invalid load key, '%c'.", (int)op);
    }
    else {
        PyErr_Format(_Py_pickle_state.UnpicklingError,
                     "invalid load key, '\\x%02x'.", (unsigned int)op);
    }
    return -1;
}

static int
dispatch(UnpicklerObject *u, unsigned char op)
{
    switch (op) {
    case OP_MARK: return push_mark(u);
    case OP_POP: return load_pop(u);
    case OP_POP_MARK: return load_pop_mark(u);
    case OP_DUP: {
        PyObject *t = top(u);
        return t == NULL ? -1 : push(u, Py_NewRef(t));
    }
    case OP_FLOAT: return load_float_text(u);
    case OP_INT: return load_int(u);
    case OP_BININT: return load_binint(u, 4);
    case OP_BININT1: return load_binint(u, 1);
    case OP_BININT2: return load_binint(u, 2);
    case OP_LONG: return load_long_text(u);
    case OP_LONG1: return load_long_binary(u, 1);
    case OP_LONG4: return load_long_binary(u, 4);
    case OP_NONE: return push(u, Py_NewRef(Py_None));
    case OP_NEWTRUE: return push(u, Py_NewRef(Py_True));
    case OP_NEWFALSE: return push(u, Py_NewRef(Py_False));
    case OP_PERSID: return load_persid(u);
    case OP_BINPERSID: return load_binpersid(u);
    case OP_REDUCE: return load_reduce(u);
    case OP_STRING: return load_string(u);
    case OP_BINSTRING: return load_binstring(u, 4);
    case OP_SHORT_BINSTRING: return load_binstring(u, 1);
    case OP_UNICODE: return load_unicode_text(u);
    case OP_BINUNICODE: return load_binunicode(u, 4, "BINUNICODE");
    case OP_SHORT_BINUNICODE: return load_binunicode(u, 1, "SHORT_BINUNICODE");
    case OP_BINUNICODE8: return load_binunicode(u, 8, "BINUNICODE8");
    case OP_BINBYTES: return load_binbytes(u, 4, "BINBYTES", 0);
    case OP_SHORT_BINBYTES: return load_binbytes(u, 1, "SHORT_BINBYTES", 0);
    case OP_BINBYTES8: return load_binbytes(u, 8, "BINBYTES8", 0);
    case OP_BYTEARRAY8: return load_binbytes(u, 8, "BYTEARRAY8", 1);
    case OP_NEXT_BUFFER: return load_next_buffer(u);
    case OP_READONLY_BUFFER: return load_readonly_buffer(u);
    case OP_APPEND: return load_append(u);
    case OP_APPENDS: return load_appends(u);
    case OP_BUILD: return load_build(u);
    case OP_GLOBAL: return load_global(u);
    case OP_STACK_GLOBAL: return load_stack_global(u);
    case OP_DICT: return load_dict_from_mark(u);
    case OP_EMPTY_DICT: return push(u, PyDict_New());
    case OP_EMPTY_LIST: return push(u, PyList_New(0));
    case OP_EMPTY_SET: return push(u, PySet_New(NULL));
    case OP_EMPTY_TUPLE: return push(u, PyTuple_New(0));
    case OP_LIST: return push(u, pop_mark_items(u, 0));
    case OP_TUPLE: return push(u, pop_mark_items(u, 1));
    case OP_TUPLE1: return load_small_tuple(u, 1);
    case OP_TUPLE2: return load_small_tuple(u, 2);
    case OP_TUPLE3: return load_small_tuple(u, 3);
    case OP_FROZENSET: return load_frozenset(u);
    case OP_ADDITEMS: return load_additems(u);
    case OP_SETITEM: return load_setitem(u);
    case OP_SETITEMS: return load_setitems(u);
    case OP_GET: return load_get(u, 0);
    case OP_BINGET: return load_get(u, 1);
    case OP_LONG_BINGET: return load_get(u, 4);
    case OP_PUT: return load_put(u, 0);
    case OP_BINPUT: return load_put(u, 1);
    case OP_LONG_BINPUT: return load_put(u, 4);
    case OP_MEMOIZE: return load_memoize(u);
    case OP_INST: return load_inst(u);
    case OP_OBJ: return load_obj(u);
    case OP_NEWOBJ: return load_newobj(u, 0);
    case OP_NEWOBJ_EX: return load_newobj(u, 1);
    case OP_EXT1: return load_extension(u, 1);
    case OP_EXT2: return load_extension(u, 2);
    case OP_EXT4: return load_extension(u, 4);
    case OP_BINFLOAT: return load_binfloat(u);
    case OP_PROTO: return load_proto(u);
    case OP_FRAME: return load_frame(u);
    default: return invalid_key(op);
    }
}

/* The attribute `name` of the unpickler, or NULL (no error) when it is
   the default method `deflt`. */
static int
lookup_override(UnpicklerObject *u, const char *name, PyCFunction deflt,
                PyObject **result)
{
    PyObject *f;
    if (PyObject_GetOptionalAttrString((PyObject *)u, name, &f) < 0) {
        return -1;
    }
    if (f != NULL && PyCFunction_Check(f)
        && PyCFunction_GET_FUNCTION(f) == deflt) {
        Py_CLEAR(f);
    }
    *result = f;
    return 0;
}

/* Runs the opcodes up to STOP; the input is set up by the caller, who
   holds the unpickler's critical section (see unpickler_load()). */
static PyObject *
unpickler_run(UnpicklerObject *u)
{
    if (!u->initialized) {
        PyErr_Format(_Py_pickle_state.UnpicklingError,
                     "Unpickler.__init__() was not called by %s.__init__()",
                     Py_TYPE(u)->tp_name);
        return NULL;
    }
    if (u->running) {
        PyErr_SetString(PyExc_RuntimeError,
                        "Unpickler.load() is already running on this "
                        "unpickler");
        return NULL;
    }
    u->running = 1;
    u->proto = 0;
    PyObject *result = NULL;
    if (lookup_override(u, "find_class", (PyCFunction)unpickler_find_class,
                        &u->find_class) < 0
        || lookup_override(u, "persistent_load",
                           (PyCFunction)unpickler_persistent_load,
                           &u->pers_load) < 0) {
        goto done;
    }
    for (;;) {
        if (u->in_pos >= u->in_len) {
            if (u->read == NULL || fill(u, 1) < 0) {
                if (u->read == NULL
                    || PyErr_ExceptionMatches(_Py_pickle_state.UnpicklingError)) {
                    PyErr_Clear();
                    PyErr_SetString(PyExc_EOFError, "Ran out of input");
                }
                goto done;
            }
        }
        unsigned char op = (unsigned char)u->in[u->in_pos++];
        if (op == OP_STOP) {
            result = pop(u);
            break;
        }
        if (dispatch(u, op) < 0) {
            goto done;
        }
    }
    if (result != NULL && skip_consumed(u) < 0) {
        Py_CLEAR(result);
    }
    if (u->read != NULL) {
        /* Peeked bytes not used are still in the file: a later load()
           reads them again, after whatever seek the caller made. */
        Py_CLEAR(u->chunk);
        u->in = NULL;
        u->in_len = u->in_pos = u->file_upto = 0;
    }
done:
    stack_clear(u);
    Py_CLEAR(u->find_class);
    Py_CLEAR(u->pers_load);
    u->running = 0;
    return result;
}

/* ---- Unpickler type ------------------------------------------------------ */

static void
release_input(UnpicklerObject *u)
{
    if (u->view.obj != NULL) {
        PyBuffer_Release(&u->view);
    }
    Py_CLEAR(u->chunk);
    u->in = NULL;
    u->in_len = u->in_pos = u->file_upto = 0;
}

static int
unpickler_setup(UnpicklerObject *u, PyObject *file, int fix_imports,
                const char *encoding, const char *errors, PyObject *buffers)
{
    PyObject *read = NULL, *readline = NULL, *peek = NULL, *iter = NULL;
    PyObject *readinto = NULL;
    if (file != NULL) {
        if (PyObject_GetOptionalAttrString(file, "read", &read) < 0
            || PyObject_GetOptionalAttrString(file, "readline",
                                              &readline) < 0
            || PyObject_GetOptionalAttrString(file, "peek", &peek) < 0
            || PyObject_GetOptionalAttrString(file, "readinto",
                                              &readinto) < 0) {
            goto error;
        }
        if (read == NULL || readline == NULL) {
            PyErr_SetString(PyExc_TypeError,
                            "file must have 'read' and 'readline' attributes");
            goto error;
        }
    }
    if (buffers != NULL && buffers != Py_None) {
        iter = PyObject_GetIter(buffers);
        if (iter == NULL) {
            goto error;
        }
    }
    PyObject *enc = PyUnicode_FromString(encoding);
    PyObject *err = enc ? PyUnicode_FromString(errors) : NULL;
    if (err == NULL) {
        Py_XDECREF(enc);
        goto error;
    }
    Py_XSETREF(u->read, read);
    Py_XSETREF(u->readline, readline);
    Py_XSETREF(u->peek, peek);
    Py_XSETREF(u->readinto, readinto);
    Py_XSETREF(u->buffers, iter);
    Py_XSETREF(u->encoding, enc);
    Py_XSETREF(u->errors, err);
    u->fix_imports = fix_imports;
    memo_clear_all(u);
    u->initialized = 1;
    return 0;
error:
    Py_XDECREF(read);
    Py_XDECREF(readline);
    Py_XDECREF(peek);
    Py_XDECREF(readinto);
    Py_XDECREF(iter);
    return -1;
}

static int
unpickler_init(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"file", "fix_imports", "encoding", "errors",
                             "buffers", NULL};
    PyObject *file, *buffers = Py_None;
    int fix_imports = 1;
    const char *encoding = "ASCII", *errors = "strict";
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|$pssO:Unpickler",
                                     kwlist, &file, &fix_imports, &encoding,
                                     &errors, &buffers)) {
        return -1;
    }
    UnpicklerObject *u = (UnpicklerObject *)self;
    int rc;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (u->running) {
        PyErr_SetString(PyExc_RuntimeError, "Unpickler.load() is already "
                        "running on this unpickler");
        rc = -1;
    }
    else {
        release_input(u);
        rc = unpickler_setup(u, file, fix_imports, encoding, errors, buffers);
    }
    Py_END_CRITICAL_SECTION();
    return rc;
}

static int
unpickler_traverse(PyObject *self, visitproc visit, void *arg)
{
    UnpicklerObject *u = (UnpicklerObject *)self;
    Py_VISIT(u->dict);
    for (Py_ssize_t i = 0; i < u->stack_len; i++) {
        Py_VISIT(u->stack[i]);
    }
    for (Py_ssize_t i = 0; i < u->memo_cap; i++) {
        Py_VISIT(u->memo[i]);
    }
    Py_VISIT(u->memo_big);
    Py_VISIT(u->chunk);
    Py_VISIT(u->read);
    Py_VISIT(u->readline);
    Py_VISIT(u->peek);
    Py_VISIT(u->readinto);
    Py_VISIT(u->buffers);
    Py_VISIT(u->find_class);
    Py_VISIT(u->pers_load);
    return 0;
}

static int
unpickler_clear(PyObject *self)
{
    UnpicklerObject *u = (UnpicklerObject *)self;
    Py_CLEAR(u->dict);
    stack_clear(u);
    memo_clear_all(u);
    release_input(u);
    Py_CLEAR(u->read);
    Py_CLEAR(u->readline);
    Py_CLEAR(u->peek);
    Py_CLEAR(u->readinto);
    Py_CLEAR(u->buffers);
    Py_CLEAR(u->encoding);
    Py_CLEAR(u->errors);
    Py_CLEAR(u->find_class);
    Py_CLEAR(u->pers_load);
    return 0;
}

static void
unpickler_dealloc(PyObject *self)
{
    UnpicklerObject *u = (UnpicklerObject *)self;
    PyObject_GC_UnTrack(self);
    unpickler_clear(self);
    PyMem_Free(u->stack);
    PyMem_Free(u->marks);
    PyMem_Free(u->memo);
    Py_TYPE(self)->tp_free(self);
}

/* load() of an Unpickler object.  Free-threaded safety: a critical
   section on the unpickler covers the call; `running` turns away a
   second call that gets in while Python code runs (find_class, a
   reduce function) and the section is suspended. */
static PyObject *
unpickler_load(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    UnpicklerObject *u = (UnpicklerObject *)self;
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(self);
    result = unpickler_run(u);
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *
unpickler_find_class(PyObject *self, PyObject *args)
{
    PyObject *module, *name;
    if (!PyArg_ParseTuple(args, "OO:find_class", &module, &name)) {
        return NULL;
    }
    return default_find_class((UnpicklerObject *)self, module, name);
}

static PyObject *
unpickler_persistent_load(PyObject *self, PyObject *pid)
{
    (void)self;
    (void)pid;
    unpickling_error("A load persistent id instruction was encountered,\n"
                     "but no persistent_load function was specified.");
    return NULL;
}

static PyObject *
unpickler_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    UnpicklerObject *u = (UnpicklerObject *)self;
    Py_ssize_t size = (Py_ssize_t)sizeof(UnpicklerObject)
        + u->memo_cap * (Py_ssize_t)sizeof(PyObject *)
        + u->stack_cap * (Py_ssize_t)sizeof(PyObject *)
        + u->marks_cap * (Py_ssize_t)sizeof(Py_ssize_t);
    return PyLong_FromSsize_t(size);
}

/* ---- UnpicklerMemoProxy ---- */

typedef struct {
    PyObject_HEAD
    UnpicklerObject *unpickler;     /* owned */
} UnpicklerMemoProxyObject;

/* {index: object}, read under the unpickler's critical section. */
static PyObject *
unpickler_memo_as_dict(UnpicklerObject *u)
{
    PyObject *result = PyDict_New();
    if (result == NULL) {
        return NULL;
    }
    int failed = 0;
    Py_BEGIN_CRITICAL_SECTION(u);
    for (Py_ssize_t i = 0; i < u->memo_cap && !failed; i++) {
        if (u->memo[i] == NULL) {
            continue;
        }
        PyObject *key = PyLong_FromSsize_t(i);
        if (key == NULL || PyDict_SetItem(result, key, u->memo[i]) < 0) {
            failed = 1;
        }
        Py_XDECREF(key);
    }
    if (!failed && u->memo_big != NULL
        && PyDict_Update(result, u->memo_big) < 0) {
        failed = 1;
    }
    Py_END_CRITICAL_SECTION();
    if (failed) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *
ump_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return unpickler_memo_as_dict(((UnpicklerMemoProxyObject *)self)->unpickler);
}

static PyObject *
ump_clear(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    UnpicklerObject *u = ((UnpicklerMemoProxyObject *)self)->unpickler;
    Py_BEGIN_CRITICAL_SECTION(u);
    if (!u->running) {
        memo_clear_all(u);
    }
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyObject *
ump_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *copy = ump_copy(self, NULL);
    if (copy == NULL) {
        return NULL;
    }
    return Py_BuildValue("(O(N))", (PyObject *)&PyDict_Type, copy);
}

static PyMethodDef ump_methods[] = {
    {"clear", ump_clear, METH_NOARGS,
     "clear($self, /)\n--\n\nRemove all items from memo."},
    {"copy", ump_copy, METH_NOARGS,
     "copy($self, /)\n--\n\nCopy the memo to a new object."},
    {"__reduce__", ump_reduce, METH_NOARGS,
     "__reduce__($self, /)\n--\n\nImplement pickling support."},
    {NULL, NULL, 0, NULL},
};

static int
ump_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((UnpicklerMemoProxyObject *)self)->unpickler);
    return 0;
}

static int
ump_clear_refs(PyObject *self)
{
    Py_CLEAR(((UnpicklerMemoProxyObject *)self)->unpickler);
    return 0;
}

static void
ump_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    ump_clear_refs(self);
    Py_TYPE(self)->tp_free(self);
}

PyTypeObject _PyUnpicklerMemoProxy_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_pickle.UnpicklerMemoProxy",
    .tp_basicsize = sizeof(UnpicklerMemoProxyObject),
    .tp_dealloc = ump_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = ump_traverse,
    .tp_clear = ump_clear_refs,
    .tp_methods = ump_methods,
    .tp_free = PyObject_GC_Del,
};

static PyObject *
unpickler_get_memo(PyObject *self, void *Py_UNUSED(closure))
{
    UnpicklerMemoProxyObject *proxy = PyObject_GC_New(
        UnpicklerMemoProxyObject, &_PyUnpicklerMemoProxy_Type);
    if (proxy == NULL) {
        return NULL;
    }
    proxy->unpickler = (UnpicklerObject *)Py_NewRef(self);
    PyObject_GC_Track((PyObject *)proxy);
    return (PyObject *)proxy;
}

static int
unpickler_set_memo(PyObject *self, PyObject *value, void *Py_UNUSED(closure))
{
    UnpicklerObject *u = (UnpicklerObject *)self;
    PyObject *dict;
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "attribute deletion is not supported");
        return -1;
    }
    if (Py_IS_TYPE(value, &_PyUnpicklerMemoProxy_Type)) {
        dict = unpickler_memo_as_dict(
            ((UnpicklerMemoProxyObject *)value)->unpickler);
    }
    else if (PyDict_Check(value)) {
        dict = PyDict_Copy(value);
    }
    else {
        PyErr_Format(PyExc_TypeError, "'memo' attribute must be an "
                     "UnpicklerMemoProxy object or dict, not %.200s",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    if (dict == NULL) {
        return -1;
    }
    int rc = 0;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (u->running) {
        PyErr_SetString(PyExc_RuntimeError, "Unpickler.load() is already "
                        "running on this unpickler");
        rc = -1;
    }
    else {
        memo_clear_all(u);
        Py_ssize_t pos = 0;
        PyObject *k, *v;
        while (rc == 0 && PyDict_Next(dict, &pos, &k, &v)) {
            Py_ssize_t idx = PyLong_Check(k) ? PyLong_AsSsize_t(k) : -1;
            if (idx < 0) {
                if (!PyErr_Occurred()) {
                    PyErr_SetString(PyExc_ValueError, "memo key must be "
                                    "positive integers.");
                }
                rc = -1;
            }
            else {
                rc = memo_store(u, idx, v);
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    Py_DECREF(dict);
    return rc;
}

static PyMethodDef unpickler_methods[] = {
    {"load", unpickler_load, METH_NOARGS,
     "load($self, /)\n--\n\n"
     "Load a pickle.\n\nRead a pickled object representation from the open "
     "file object given in\nthe constructor, and return the reconstituted "
     "object hierarchy specified\ntherein."},
    {"find_class", unpickler_find_class, METH_VARARGS,
     "find_class($self, module_name, global_name, /)\n--\n\n"
     "Return an object from a specified module."},
    {"persistent_load", unpickler_persistent_load, METH_O,
     "persistent_load($self, pid, /)\n--\n\n"
     "The object a persistent id stands for."},
    {"__sizeof__", unpickler_sizeof, METH_NOARGS,
     "__sizeof__($self, /)\n--\n\nReturns size in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef unpickler_getset[] = {
    {"memo", unpickler_get_memo, unpickler_set_memo, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyObject *
unpickler_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    (void)args;
    (void)kwargs;
    return type->tp_alloc(type, 0);
}

PyTypeObject _PyUnpickler_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_pickle.Unpickler",
    .tp_basicsize = sizeof(UnpicklerObject),
    .tp_dealloc = unpickler_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC
                | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Unpickler(file, *, fix_imports=True, encoding='ASCII', "
              "errors='strict', buffers=())\n--\n\n"
              "This takes a binary file for reading a pickle data stream.",
    .tp_traverse = unpickler_traverse,
    .tp_clear = unpickler_clear,
    .tp_methods = unpickler_methods,
    .tp_getset = unpickler_getset,
    .tp_dictoffset = offsetof(UnpicklerObject, dict),
    .tp_init = unpickler_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = unpickler_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- load() and loads() -------------------------------------------------- */

PyObject *
_Py_pickle_load(PyObject *module, PyObject *args, PyObject *kwargs)
{
    (void)module;
    static char *kwlist[] = {"file", "fix_imports", "encoding", "errors",
                             "buffers", NULL};
    PyObject *file, *buffers = Py_None;
    int fix_imports = 1;
    const char *encoding = "ASCII", *errors = "strict";
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|$pssO:load", kwlist,
                                     &file, &fix_imports, &encoding, &errors,
                                     &buffers)) {
        return NULL;
    }
    UnpicklerObject *u = (UnpicklerObject *)unpickler_new(&_PyUnpickler_Type,
                                                          NULL, NULL);
    if (u == NULL) {
        return NULL;
    }
    PyObject *result = NULL;
    if (unpickler_setup(u, file, fix_imports, encoding, errors, buffers) == 0) {
        result = unpickler_run(u);
    }
    Py_DECREF(u);
    return result;
}

PyObject *
_Py_pickle_loads(PyObject *module, PyObject *args, PyObject *kwargs)
{
    (void)module;
    static char *kwlist[] = {"", "fix_imports", "encoding", "errors",
                             "buffers", NULL};
    PyObject *data, *buffers = Py_None;
    int fix_imports = 1;
    const char *encoding = "ASCII", *errors = "strict";
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|$pssO:loads", kwlist,
                                     &data, &fix_imports, &encoding, &errors,
                                     &buffers)) {
        return NULL;
    }
    if (PyUnicode_Check(data)) {
        PyErr_SetString(PyExc_TypeError,
                        "a bytes-like object is required, not 'str'");
        return NULL;
    }
    UnpicklerObject *u = (UnpicklerObject *)unpickler_new(&_PyUnpickler_Type,
                                                          NULL, NULL);
    if (u == NULL) {
        return NULL;
    }
    PyObject *result = NULL;
    if (unpickler_setup(u, NULL, fix_imports, encoding, errors, buffers) == 0
        && PyObject_GetBuffer(data, &u->view, PyBUF_SIMPLE) == 0) {
        u->in = u->view.buf;
        u->in_len = u->view.len;
        result = unpickler_run(u);
    }
    Py_DECREF(u);
    return result;
}
