/* _pickle: the C accelerator of the pickle module.  This file holds the
   Pickler, its memo proxy, and dump()/dumps(); Modules/_unpickler.c holds
   the Unpickler side and Modules/_picklemodule.c the module and the state
   both share.

   The Pickler writes opcodes into one growing byte buffer.  At protocol 4
   and above the buffer holds frames: a frame's 9-byte header is reserved
   when it opens and filled in (or squeezed out, for a frame under 4
   bytes) when it closes.  dumps() turns the buffer into the result;
   dump() hands each closed frame (or, below protocol 4, the whole pickle)
   to file.write.  The output is byte for byte what CPython's C pickler
   writes (pickle.py differs only for nested names below protocol 4). */

#include "Python.h"
#include "pycore_long.h"
#include "_pickle.h"

/* ---- shared helpers ------------------------------------------------------ */

PyObject *
_Py_pickle_type_name(PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    PyObject *module = NULL, *qualname;
    qualname = PyObject_GetAttrString((PyObject *)tp, "__qualname__");
    if (qualname == NULL) {
        return NULL;
    }
    if (PyObject_GetOptionalAttrString((PyObject *)tp, "__module__",
                                       &module) < 0) {
        Py_DECREF(qualname);
        return NULL;
    }
    if (module == NULL || !PyUnicode_Check(module)
        || PyUnicode_CompareWithASCIIString(module, "builtins") == 0
        || PyUnicode_CompareWithASCIIString(module, "__main__") == 0) {
        Py_XDECREF(module);
        return qualname;
    }
    PyObject *full = PyUnicode_FromFormat("%U.%U", module, qualname);
    Py_DECREF(module);
    Py_DECREF(qualname);
    return full;
}

PyObject *
_Py_pickle_get_dotted(PyObject *obj, PyObject *path)
{
    Py_ssize_t n = PyList_GET_SIZE(path);
    PyObject *cur = Py_NewRef(obj);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *next = PyObject_GetAttr(cur, PyList_GET_ITEM(path, i));
        Py_DECREF(cur);
        if (next == NULL) {
            return NULL;
        }
        cur = next;
    }
    return cur;
}

/* ---- the memo: a pointer-keyed hash table -------------------------------- */

/* Maps an object (held as a strong reference, so that its address is not
   reused while the pickler lives) to its memo index.  Open addressing
   with linear probing; the capacity is a power of two kept at least
   twice the number of entries. */
typedef struct {
    PyObject *key;
    Py_ssize_t index;
} MemoEntry;

typedef struct {
    MemoEntry *table;
    size_t mask;
    Py_ssize_t used;
} MemoTable;

static size_t
memo_hash(PyObject *key)
{
    size_t h = (size_t)(uintptr_t)key >> 4;
    return h * (size_t)0x9E3779B97F4A7C15ULL;
}

static int
memo_init(MemoTable *m)
{
    m->mask = 63;
    m->used = 0;
    m->table = PyMem_Calloc(m->mask + 1, sizeof(MemoEntry));
    if (m->table == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static MemoEntry *
memo_slot(MemoTable *m, PyObject *key)
{
    size_t i = memo_hash(key) & m->mask;
    while (m->table[i].key != NULL && m->table[i].key != key) {
        i = (i + 1) & m->mask;
    }
    return &m->table[i];
}

/* The memo index of key, or -1. */
static Py_ssize_t
memo_get(MemoTable *m, PyObject *key)
{
    MemoEntry *e = memo_slot(m, key);
    return e->key == NULL ? -1 : e->index;
}

static int
memo_grow(MemoTable *m)
{
    size_t old_size = m->mask + 1;
    size_t new_size = old_size * 2;
    MemoEntry *old = m->table;
    MemoEntry *fresh = PyMem_Calloc(new_size, sizeof(MemoEntry));
    if (fresh == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    m->table = fresh;
    m->mask = new_size - 1;
    for (size_t i = 0; i < old_size; i++) {
        if (old[i].key != NULL) {
            *memo_slot(m, old[i].key) = old[i];
        }
    }
    PyMem_Free(old);
    return 0;
}

/* Adds key (a new strong reference is taken) or updates its index. */
static int
memo_set(MemoTable *m, PyObject *key, Py_ssize_t index)
{
    MemoEntry *e = memo_slot(m, key);
    if (e->key != NULL) {
        e->index = index;
        return 0;
    }
    e->key = Py_NewRef(key);
    e->index = index;
    m->used++;
    if ((size_t)m->used * 2 > m->mask) {
        return memo_grow(m);
    }
    return 0;
}

static void
memo_clear(MemoTable *m)
{
    if (m->table == NULL) {
        return;
    }
    for (size_t i = 0; i <= m->mask; i++) {
        Py_CLEAR(m->table[i].key);
    }
    m->used = 0;
}

static void
memo_free(MemoTable *m)
{
    memo_clear(m);
    PyMem_Free(m->table);
    m->table = NULL;
}

/* ---- Pickler object ------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *dict;             /* instance __dict__ (persistent_id, ...) */
    MemoTable memo;
    PyObject *write;            /* bound file.write; NULL for dumps() */
    PyObject *buffer_callback;  /* NULL or a callable */
    int proto;
    int bin;
    int fast;
    int fix_imports;
    int initialized;
    /* Per-call state of dump(), valid while `running`. */
    int running;
    int framing;
    char *out;
    Py_ssize_t out_len;
    Py_ssize_t out_cap;
    Py_ssize_t frame_start;     /* offset of the open frame's header, or -1 */
    PyObject *pers_func;        /* bound persistent_id override, or NULL */
    PyObject *reducer_override; /* or NULL */
    PyObject *dispatch_table;   /* mapping of type -> reducer */
    int fast_nesting;           /* containers being saved, in fast mode */
    PyObject *fast_memo;        /* NULL or {id: None}, see fast_enter() */
} PicklerObject;


static PyObject *pickler_persistent_id(PyObject *self, PyObject *obj);

static int save(PicklerObject *p, PyObject *obj, int pers_save);

/* -- output buffer -- */

static int
out_reserve(PicklerObject *p, Py_ssize_t extra)
{
    if (p->out_cap - p->out_len >= extra) {
        return 0;
    }
    if (extra > PY_SSIZE_T_MAX / 2 - p->out_len) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t cap = (p->out_len + extra) * 2;
    if (cap < 4096) {
        cap = 4096;
    }
    char *fresh = PyMem_Realloc(p->out, (size_t)cap);
    if (fresh == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    p->out = fresh;
    p->out_cap = cap;
    return 0;
}

static int
out_write(PicklerObject *p, const char *data, Py_ssize_t n)
{
    if (out_reserve(p, n) < 0) {
        return -1;
    }
    memcpy(p->out + p->out_len, data, (size_t)n);
    p->out_len += n;
    return 0;
}

static int
out_op(PicklerObject *p, unsigned char op)
{
    if (p->out_len < p->out_cap) {
        p->out[p->out_len++] = (char)op;
        return 0;
    }
    char c = (char)op;
    return out_write(p, &c, 1);
}

static void
put_le(char *dst, uint64_t v, int nbytes)
{
    for (int i = 0; i < nbytes; i++) {
        dst[i] = (char)(v & 0xff);
        v >>= 8;
    }
}

/* An opcode followed by an nbytes little-endian argument. */
static int
out_op_arg(PicklerObject *p, unsigned char op, uint64_t arg, int nbytes)
{
    char buf[9];
    buf[0] = (char)op;
    put_le(buf + 1, arg, nbytes);
    return out_write(p, buf, 1 + nbytes);
}

/* An opcode, a decimal argument and a newline (protocol 0 style). */
static int
out_op_decimal(PicklerObject *p, unsigned char op, Py_ssize_t value)
{
    char buf[32];
    int n = snprintf(buf, sizeof(buf), "%c%zd\n", (char)op, value);
    return out_write(p, buf, n);
}

/* -- frames -- */

static int
frame_open(PicklerObject *p)
{
    if (out_reserve(p, PICKLE_FRAME_HEADER_SIZE) < 0) {
        return -1;
    }
    p->frame_start = p->out_len;
    p->out_len += PICKLE_FRAME_HEADER_SIZE;
    return 0;
}

/* Fills in the open frame's header, or removes it when the frame is too
   small to be worth one.  Leaves no frame open. */
static void
frame_close(PicklerObject *p)
{
    if (p->frame_start < 0) {
        return;
    }
    Py_ssize_t body = p->frame_start + PICKLE_FRAME_HEADER_SIZE;
    Py_ssize_t len = p->out_len - body;
    if (len >= PICKLE_FRAME_SIZE_MIN) {
        p->out[p->frame_start] = (char)OP_FRAME;
        put_le(p->out + p->frame_start + 1, (uint64_t)len, 8);
    }
    else {
        memmove(p->out + p->frame_start, p->out + body, (size_t)len);
        p->out_len -= PICKLE_FRAME_HEADER_SIZE;
    }
    p->frame_start = -1;
}

/* Hands everything buffered to file.write (dump() only). */
static int
flush_to_file(PicklerObject *p)
{
    if (p->write == NULL || p->out_len == 0) {
        return 0;
    }
    PyObject *data = PyBytes_FromStringAndSize(p->out, p->out_len);
    if (data == NULL) {
        return -1;
    }
    p->out_len = 0;
    PyObject *r = PyObject_CallOneArg(p->write, data);
    Py_DECREF(data);
    if (r == NULL) {
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

/* Called where pickle.py's framer may commit: at the start of each
   save().  A frame that reached the target size is closed and a new one
   opened. */
static int
opcode_boundary(PicklerObject *p)
{
    if (p->frame_start < 0) {
        return 0;
    }
    Py_ssize_t len = p->out_len - p->frame_start - PICKLE_FRAME_HEADER_SIZE;
    if (len < PICKLE_FRAME_SIZE_TARGET) {
        return 0;
    }
    frame_close(p);
    if (flush_to_file(p) < 0) {
        return -1;
    }
    return frame_open(p);
}

/* A header and a large payload, written outside any frame (the frame
   open before is closed, a new one opened after). */
static int
write_large(PicklerObject *p, const char *header, Py_ssize_t header_len,
            const char *payload, Py_ssize_t payload_len)
{
    int framed = p->frame_start >= 0;
    if (framed) {
        frame_close(p);
    }
    if (out_write(p, header, header_len) < 0) {
        return -1;
    }
    if (p->write != NULL) {
        /* Spare the copy: the payload goes to the file on its own. */
        if (flush_to_file(p) < 0) {
            return -1;
        }
        PyObject *data = PyBytes_FromStringAndSize(payload, payload_len);
        if (data == NULL) {
            return -1;
        }
        PyObject *r = PyObject_CallOneArg(p->write, data);
        Py_DECREF(data);
        if (r == NULL) {
            return -1;
        }
        Py_DECREF(r);
    }
    else if (out_write(p, payload, payload_len) < 0) {
        return -1;
    }
    return framed ? frame_open(p) : 0;
}

/* -- memo opcodes -- */

static int
write_get(PicklerObject *p, Py_ssize_t idx)
{
    if (!p->bin) {
        return out_op_decimal(p, OP_GET, idx);
    }
    if (idx < 256) {
        return out_op_arg(p, OP_BINGET, (uint64_t)idx, 1);
    }
    return out_op_arg(p, OP_LONG_BINGET, (uint64_t)idx, 4);
}

static int
memoize(PicklerObject *p, PyObject *obj)
{
    if (p->fast) {
        return 0;
    }
    Py_ssize_t idx = p->memo.used;
    if (memo_set(&p->memo, obj, idx) < 0) {
        return -1;
    }
    if (p->proto >= 4) {
        return out_op(p, OP_MEMOIZE);
    }
    if (!p->bin) {
        return out_op_decimal(p, OP_PUT, idx);
    }
    if (idx < 256) {
        return out_op_arg(p, OP_BINPUT, (uint64_t)idx, 1);
    }
    return out_op_arg(p, OP_LONG_BINPUT, (uint64_t)idx, 4);
}

/* When saving obj's parts saved obj itself (a recursive structure), what
   was pushed is dropped and the memoized copy fetched: returns 1 then,
   0 when obj is not memoized yet. */
static int
fetch_if_memoized(PicklerObject *p, PyObject *obj, const char *drop,
                  Py_ssize_t drop_len)
{
    Py_ssize_t idx = memo_get(&p->memo, obj);
    if (idx < 0) {
        return 0;
    }
    if (out_write(p, drop, drop_len) < 0 || write_get(p, idx) < 0) {
        return -1;
    }
    return 1;
}

/* -- errors -- */

static void
pickling_error(const char *msg)
{
    PyErr_SetString(_Py_pickle_state.PicklingError, msg);
}

/* PicklingError(fmt % (..., _T(obj))) where the format's only %U is the
   type name. */
static void
pickling_error_typed(const char *fmt, PyObject *obj)
{
    PyObject *name = _Py_pickle_type_name(obj);
    if (name != NULL) {
        PyErr_Format(_Py_pickle_state.PicklingError, fmt, name);
        Py_DECREF(name);
    }
}

/* ---- saving atoms ---- */

static int
save_bool(PicklerObject *p, PyObject *obj)
{
    if (p->proto >= 2) {
        return out_op(p, obj == Py_True ? OP_NEWTRUE : OP_NEWFALSE);
    }
    const char *s = obj == Py_True ? "I01\n" : "I00\n";
    return out_write(p, s, 4);
}

/* Two's complement little-endian bytes of a nonzero int, as short as
   the value allows (pickle.py's encode_long). */
static PyObject *
encode_long(PyObject *obj)
{
    int64_t nbits = _PyLong_NumBits(obj);
    Py_ssize_t nbytes = (Py_ssize_t)(nbits >> 3) + 1;
    PyObject *res = PyBytes_FromStringAndSize(NULL, nbytes);
    if (res == NULL) {
        return NULL;
    }
    unsigned char *buf = (unsigned char *)PyBytes_AS_STRING(res);
    if (_PyLong_AsByteArray((PyLongObject *)obj, buf, (size_t)nbytes, 1, 1,
                            1) < 0) {
        Py_DECREF(res);
        return NULL;
    }
    /* -2**(8k-1) fits in one byte less than the bit count says. */
    if (nbytes > 1 && buf[nbytes - 1] == 0xff
        && (buf[nbytes - 2] & 0x80) != 0) {
        if (_PyBytes_Resize(&res, nbytes - 1) < 0) {
            return NULL;
        }
    }
    return res;
}

static int
save_long(PicklerObject *p, PyObject *obj)
{
    int overflow;
    long long v = PyLong_AsLongLongAndOverflow(obj, &overflow);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (!overflow && v >= -0x80000000LL && v <= 0x7fffffffLL) {
        if (!p->bin) {
            return out_op_decimal(p, OP_INT, (Py_ssize_t)v);
        }
        if (v >= 0 && v <= 0xff) {
            return out_op_arg(p, OP_BININT1, (uint64_t)v, 1);
        }
        if (v >= 0 && v <= 0xffff) {
            return out_op_arg(p, OP_BININT2, (uint64_t)v, 2);
        }
        return out_op_arg(p, OP_BININT, (uint64_t)(uint32_t)(int32_t)v, 4);
    }
    if (p->proto >= 2) {
        PyObject *enc = encode_long(obj);
        if (enc == NULL) {
            return -1;
        }
        Py_ssize_t n = PyBytes_GET_SIZE(enc);
        int rc;
        if (n < 256) {
            rc = out_op_arg(p, OP_LONG1, (uint64_t)n, 1);
        }
        else if (n > 0x7fffffff) {
            PyErr_SetString(PyExc_OverflowError,
                            "int too large to pickle");
            rc = -1;
        }
        else {
            rc = out_op_arg(p, OP_LONG4, (uint64_t)n, 4);
        }
        if (rc == 0) {
            rc = out_write(p, PyBytes_AS_STRING(enc), n);
        }
        Py_DECREF(enc);
        return rc;
    }
    PyObject *text = PyObject_Repr(obj);
    if (text == NULL) {
        return -1;
    }
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(text, &n);
    int rc = -1;
    if (s != NULL && out_op(p, OP_LONG) == 0 && out_write(p, s, n) == 0) {
        rc = out_write(p, "L\n", 2);
    }
    Py_DECREF(text);
    return rc;
}

static int
save_float(PicklerObject *p, PyObject *obj)
{
    double x = PyFloat_AS_DOUBLE(obj);
    if (p->bin) {
        char buf[9];
        buf[0] = (char)OP_BINFLOAT;
        if (PyFloat_Pack8(x, buf + 1, 0) < 0) {
            return -1;
        }
        return out_write(p, buf, 9);
    }
    char *s = PyOS_double_to_string(x, 'r', 0, Py_DTSF_ADD_DOT_0, NULL);
    if (s == NULL) {
        return PyErr_NoMemory(), -1;
    }
    int rc = out_op(p, OP_FLOAT);
    if (rc == 0) {
        rc = out_write(p, s, (Py_ssize_t)strlen(s));
    }
    PyMem_Free(s);
    return rc == 0 ? out_op(p, '\n') : -1;
}

/* ---- bytes, bytearray, str ---- */

static int save_reduce(PicklerObject *p, PyObject *rv, PyObject *obj);

/* save_reduce() for a tuple built from func and args (args stolen). */
static int
save_reduce_of(PicklerObject *p, PyObject *func, PyObject *args,
               PyObject *obj)
{
    if (args == NULL) {
        return -1;
    }
    PyObject *rv = PyTuple_Pack(2, func, args);
    Py_DECREF(args);
    if (rv == NULL) {
        return -1;
    }
    int rc = save_reduce(p, rv, obj);
    Py_DECREF(rv);
    return rc;
}

/* head[0:head_len], then data[0:n]; a payload of the frame target's
   size or more is written outside the frame. */
static int
write_with_payload(PicklerObject *p, const char *head, Py_ssize_t head_len,
                   const char *data, Py_ssize_t n)
{
    if (n >= PICKLE_FRAME_SIZE_TARGET) {
        return write_large(p, head, head_len, data, n);
    }
    if (out_write(p, head, head_len) < 0) {
        return -1;
    }
    return out_write(p, data, n);
}

/* The opcodes of a length-prefixed payload (bytes, str) by the width of
   its length. */
typedef struct {
    char op1, op4, op8;
    const char *too_large;      /* > 4 GiB below protocol 4 */
} sized_opcodes;

/* The payload data[0:n] behind the narrowest length the protocol allows
   (the 1-byte form only when short_ok). */
static int
save_sized(PicklerObject *p, const sized_opcodes *ops, int short_ok,
           const char *data, Py_ssize_t n)
{
    char head[9];
    Py_ssize_t head_len;
    if (n <= 0xff && short_ok) {
        head[0] = ops->op1;
        head[1] = (char)n;
        head_len = 2;
    }
    else if ((uint64_t)n > 0xffffffffULL) {
        if (p->proto < 4) {
            PyErr_SetString(PyExc_OverflowError, ops->too_large);
            return -1;
        }
        head[0] = ops->op8;
        put_le(head + 1, (uint64_t)n, 8);
        head_len = 9;
    }
    else {
        head[0] = ops->op4;
        put_le(head + 1, (uint64_t)n, 4);
        head_len = 5;
    }
    return write_with_payload(p, head, head_len, data, n);
}

static const sized_opcodes bytes_opcodes = {
    (char)OP_SHORT_BINBYTES, (char)OP_BINBYTES, (char)OP_BINBYTES8,
    "serializing a bytes object larger than 4 GiB requires pickle "
    "protocol 4 or higher",
};

static const sized_opcodes str_opcodes = {
    (char)OP_SHORT_BINUNICODE, (char)OP_BINUNICODE, (char)OP_BINUNICODE8,
    "serializing a string larger than 4 GiB requires pickle protocol 4 "
    "or higher",
};

/* A bytes payload at protocol 3+, not memoized. */
static int
save_bytes_data(PicklerObject *p, const char *data, Py_ssize_t n)
{
    return save_sized(p, &bytes_opcodes, 1, data, n);
}

static int
save_bytearray_data(PicklerObject *p, const char *data, Py_ssize_t n)
{
    char head[9];
    head[0] = (char)OP_BYTEARRAY8;
    put_le(head + 1, (uint64_t)n, 8);
    return write_with_payload(p, head, 9, data, n);
}

static int
save_bytes(PicklerObject *p, PyObject *obj)
{
    if (p->proto < 3) {
        Py_ssize_t n = PyBytes_GET_SIZE(obj);
        if (n == 0) {
            return save_reduce_of(p, (PyObject *)&PyBytes_Type,
                                  PyTuple_New(0), obj);
        }
        PyObject *text = PyUnicode_DecodeLatin1(PyBytes_AS_STRING(obj), n,
                                                NULL);
        if (text == NULL) {
            return -1;
        }
        PyObject *args = Py_BuildValue("(NO)", text,
                                       _Py_pickle_state.latin1);
        return save_reduce_of(p, _Py_pickle_state.codecs_encode, args, obj);
    }
    if (save_bytes_data(p, PyBytes_AS_STRING(obj),
                        PyBytes_GET_SIZE(obj)) < 0) {
        return -1;
    }
    return memoize(p, obj);
}

static int
save_bytearray(PicklerObject *p, PyObject *obj)
{
    if (p->proto < 5) {
        PyObject *args;
        if (PyByteArray_GET_SIZE(obj) == 0) {
            args = PyTuple_New(0);
        }
        else {
            PyObject *b = PyBytes_FromStringAndSize(
                PyByteArray_AS_STRING(obj), PyByteArray_GET_SIZE(obj));
            args = b == NULL ? NULL : Py_BuildValue("(N)", b);
        }
        return save_reduce_of(p, (PyObject *)&PyByteArray_Type, args, obj);
    }
    /* A copy: writing may run code that resizes the bytearray. */
    PyObject *copy = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(obj),
                                               PyByteArray_GET_SIZE(obj));
    if (copy == NULL) {
        return -1;
    }
    int rc = save_bytearray_data(p, PyBytes_AS_STRING(copy),
                                 PyBytes_GET_SIZE(copy));
    Py_DECREF(copy);
    return rc < 0 ? -1 : memoize(p, obj);
}

/* raw-unicode-escape, with the characters that the line-based UNICODE
   opcode cannot carry (backslash, NUL, newline, CR, ^Z) escaped too. */
static PyObject *
escape_for_protocol0(PyObject *obj)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(obj);
    int kind = PyUnicode_KIND(obj);
    const void *data = PyUnicode_DATA(obj);
    Py_ssize_t size = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c >= 0x10000) {
            size += 10;
        }
        else if (c >= 0x100 || c == '\\' || c == 0 || c == '\n'
                 || c == '\r' || c == 0x1a) {
            size += 6;
        }
        else {
            size += 1;
        }
    }
    PyObject *res = PyBytes_FromStringAndSize(NULL, size);
    if (res == NULL) {
        return NULL;
    }
    static const char hex[] = "0123456789abcdef";
    char *out = PyBytes_AS_STRING(res);
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        int digits = 0;
        if (c >= 0x10000) {
            *out++ = '\\';
            *out++ = 'U';
            digits = 8;
        }
        else if (c >= 0x100 || c == '\\' || c == 0 || c == '\n'
                 || c == '\r' || c == 0x1a) {
            *out++ = '\\';
            *out++ = 'u';
            digits = 4;
        }
        else {
            *out++ = (char)c;
            continue;
        }
        for (int d = digits - 1; d >= 0; d--) {
            *out++ = hex[(c >> (4 * d)) & 0xf];
        }
    }
    return res;
}

static int
save_str_binary(PicklerObject *p, const char *s, Py_ssize_t n)
{
    return save_sized(p, &str_opcodes, p->proto >= 4, s, n);
}

static int
save_str(PicklerObject *p, PyObject *obj)
{
    int rc;
    if (p->bin) {
        Py_ssize_t n;
        const char *s = PyUnicode_AsUTF8AndSize(obj, &n);
        if (s != NULL) {
            rc = save_str_binary(p, s, n);
        }
        else {
            /* Lone surrogates: UTF-8 has no room for them but pickle
               carries them through 'surrogatepass'. */
            if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
                return -1;
            }
            PyErr_Clear();
            PyObject *enc = PyUnicode_AsEncodedString(obj, "utf-8",
                                                      "surrogatepass");
            if (enc == NULL) {
                return -1;
            }
            rc = save_str_binary(p, PyBytes_AS_STRING(enc),
                                 PyBytes_GET_SIZE(enc));
            Py_DECREF(enc);
        }
    }
    else {
        PyObject *enc = escape_for_protocol0(obj);
        if (enc == NULL) {
            return -1;
        }
        rc = out_op(p, OP_UNICODE);
        if (rc == 0) {
            rc = out_write(p, PyBytes_AS_STRING(enc), PyBytes_GET_SIZE(enc));
        }
        Py_DECREF(enc);
        if (rc == 0) {
            rc = out_op(p, '\n');
        }
    }
    return rc < 0 ? -1 : memoize(p, obj);
}

/* ---- containers ---- */

static int
save_tuple(PicklerObject *p, PyObject *obj)
{
    static const unsigned char small_code[4] = {
        OP_EMPTY_TUPLE, OP_TUPLE1, OP_TUPLE2, OP_TUPLE3};
    Py_ssize_t n = PyTuple_GET_SIZE(obj);
    if (n == 0) {
        return p->bin ? out_op(p, OP_EMPTY_TUPLE) : out_write(p, "(t", 2);
    }
    if (n <= 3 && p->proto >= 2) {
        for (Py_ssize_t i = 0; i < n; i++) {
            if (save(p, PyTuple_GET_ITEM(obj, i), 1) < 0) {
                return -1;
            }
        }
        int r = fetch_if_memoized(p, obj, "000", n);
        if (r != 0) {
            return r < 0 ? -1 : 0;
        }
        if (out_op(p, small_code[n]) < 0) {
            return -1;
        }
        return memoize(p, obj);
    }
    if (out_op(p, OP_MARK) < 0) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (save(p, PyTuple_GET_ITEM(obj, i), 1) < 0) {
            return -1;
        }
    }
    Py_ssize_t idx = memo_get(&p->memo, obj);
    if (idx >= 0) {
        /* Recursive tuple: its items built a copy already memoized. */
        if (p->bin) {
            if (out_op(p, OP_POP_MARK) < 0) {
                return -1;
            }
        }
        else {
            for (Py_ssize_t i = 0; i <= n; i++) {
                if (out_op(p, OP_POP) < 0) {
                    return -1;
                }
            }
        }
        return write_get(p, idx);
    }
    if (out_op(p, OP_TUPLE) < 0) {
        return -1;
    }
    return memoize(p, obj);
}

/* The items an iterator yields, each saved by save_one: in batches of
   MARK item... op_many, or at protocol 0 each followed by op_one.  The
   listitems (APPEND) and dictitems (SETITEM) of a reduce value. */
static int
batch_items(PicklerObject *p, PyObject *iter,
            int (*save_one)(PicklerObject *, PyObject *),
            unsigned char op_one, unsigned char op_many)
{
    PyObject *first = NULL, *item = NULL;
    if (!p->bin) {
        while ((item = PyIter_Next(iter)) != NULL) {
            int rc = save_one(p, item);
            Py_DECREF(item);
            if (rc < 0 || out_op(p, op_one) < 0) {
                return -1;
            }
        }
        return PyErr_Occurred() ? -1 : 0;
    }
    for (;;) {
        first = PyIter_Next(iter);
        if (first == NULL) {
            return PyErr_Occurred() ? -1 : 0;
        }
        item = PyIter_Next(iter);
        if (item == NULL) {
            if (PyErr_Occurred()) {
                goto error;
            }
            int rc = save_one(p, first);
            Py_DECREF(first);
            return rc < 0 ? -1 : out_op(p, op_one);
        }
        if (out_op(p, OP_MARK) < 0 || save_one(p, first) < 0) {
            goto error;
        }
        Py_CLEAR(first);
        int n = 1;
        while (item != NULL) {
            if (save_one(p, item) < 0) {
                goto error;
            }
            Py_CLEAR(item);
            if (++n == PICKLE_BATCHSIZE) {
                break;
            }
            item = PyIter_Next(iter);
        }
        if (PyErr_Occurred() || out_op(p, op_many) < 0) {
            goto error;
        }
        if (n < PICKLE_BATCHSIZE) {
            return 0;
        }
    }
error:
    Py_XDECREF(first);
    Py_XDECREF(item);
    return -1;
}

static int
save_item(PicklerObject *p, PyObject *obj)
{
    return save(p, obj, 1);
}

static int
batch_appends(PicklerObject *p, PyObject *iter)
{
    return batch_items(p, iter, save_item, OP_APPEND, OP_APPENDS);
}

/* The item at index i of a list, as a new reference, or NULL without an
   error once i is past the end (the list may shrink while pickling). */
static PyObject *
list_item_or_end(PyObject *list, Py_ssize_t i)
{
    if (i >= PyList_GET_SIZE(list)) {
        return NULL;
    }
    PyObject *item = PyList_GetItemRef(list, i);
    if (item == NULL) {
        PyErr_Clear();
    }
    return item;
}

/* An exact list at protocol 1+: indexes it directly, so that items
   appended while pickling are pickled too, as pickle.py does.  Items are
   fetched with PyList_GetItemRef, safe against concurrent changes in the
   free-threaded build. */
static int
batch_list_exact(PicklerObject *p, PyObject *obj)
{
    Py_ssize_t size = PyList_GET_SIZE(obj);
    if (size == 0) {
        return 0;
    }
    if (size == 1) {
        PyObject *item = list_item_or_end(obj, 0);
        if (item == NULL) {
            return 0;
        }
        int rc = save(p, item, 1);
        Py_DECREF(item);
        return rc < 0 ? -1 : out_op(p, OP_APPEND);
    }
    Py_ssize_t total = 0;
    while (total < PyList_GET_SIZE(obj)) {
        if (out_op(p, OP_MARK) < 0) {
            return -1;
        }
        int batch = 0;
        PyObject *item;
        while ((item = list_item_or_end(obj, total)) != NULL) {
            int rc = save(p, item, 1);
            Py_DECREF(item);
            if (rc < 0) {
                return -1;
            }
            total++;
            if (++batch == PICKLE_BATCHSIZE) {
                break;
            }
        }
        if (out_op(p, OP_APPENDS) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Fast mode keeps no memo, so a cycle would recurse until RecursionError;
   past FAST_NESTING_LIMIT nested containers each one entered is recorded
   by id until it is left, and meeting a recorded one again is an error. */
enum { FAST_NESTING_LIMIT = 50 };

static int
fast_enter(PicklerObject *p, PyObject *obj)
{
    if (!p->fast || ++p->fast_nesting < FAST_NESTING_LIMIT) {
        return 0;
    }
    PyObject *key = NULL;
    if (p->fast_memo == NULL) {
        p->fast_memo = PyDict_New();
    }
    if (p->fast_memo == NULL || (key = PyLong_FromVoidPtr(obj)) == NULL) {
        p->fast_nesting--;
        return -1;
    }
    int r = PyDict_Contains(p->fast_memo, key);
    if (r > 0) {
        PyErr_Format(PyExc_ValueError, "fast mode: can't pickle cyclic "
                     "objects including object type %.200s at %p",
                     Py_TYPE(obj)->tp_name, (void *)obj);
        r = -1;
    }
    else if (r == 0) {
        r = PyDict_SetItem(p->fast_memo, key, Py_None);
    }
    Py_DECREF(key);
    if (r < 0) {
        p->fast_nesting--;
    }
    return r;
}

/* Undoes fast_enter(); rc is the result of the save, passed through. */
static int
fast_leave(PicklerObject *p, PyObject *obj, int rc)
{
    if (!p->fast) {
        return rc;
    }
    /* After a failure the dump is over: dump_cleanup() drops fast_memo. */
    if (p->fast_nesting-- >= FAST_NESTING_LIMIT && p->fast_memo != NULL
        && rc == 0) {
        PyObject *key = PyLong_FromVoidPtr(obj);
        if (key == NULL) {
            return -1;
        }
        rc = PyDict_DelItem(p->fast_memo, key);
        Py_DECREF(key);
    }
    return rc;
}

static int
save_list(PicklerObject *p, PyObject *obj)
{
    if (p->bin ? out_op(p, OP_EMPTY_LIST) : out_write(p, "(l", 2)) {
        return -1;
    }
    if (memoize(p, obj) < 0 || fast_enter(p, obj) < 0) {
        return -1;
    }
    int rc;
    if (p->bin) {
        rc = batch_list_exact(p, obj);
    }
    else {
        PyObject *iter = PyObject_GetIter(obj);
        rc = iter == NULL ? -1 : batch_appends(p, iter);
        Py_XDECREF(iter);
    }
    return fast_leave(p, obj, rc);
}

/* Saves a (key, value) pair produced by an items iterator. */
static int
save_pair(PicklerObject *p, PyObject *pair)
{
    if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
        PyErr_SetString(PyExc_TypeError, "dict items iterator must return "
                        "2-tuples");
        return -1;
    }
    if (save(p, PyTuple_GET_ITEM(pair, 0), 1) < 0) {
        return -1;
    }
    return save(p, PyTuple_GET_ITEM(pair, 1), 1);
}

static int
batch_setitems(PicklerObject *p, PyObject *iter)
{
    return batch_items(p, iter, save_pair, OP_SETITEM, OP_SETITEMS);
}

static int
save_key_value(PicklerObject *p, PyObject *key, PyObject *value)
{
    Py_INCREF(key);
    Py_INCREF(value);
    int rc = save(p, key, 1);
    if (rc == 0) {
        rc = save(p, value, 1);
    }
    Py_DECREF(key);
    Py_DECREF(value);
    return rc;
}

/* An exact dict at protocol 1+: walks it with PyDict_Next, checking
   after each batch that saving did not resize it. */
static int
batch_dict_exact(PicklerObject *p, PyObject *obj)
{
    Py_ssize_t size = PyDict_GET_SIZE(obj);
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    if (size == 0) {
        return 0;
    }
    if (size == 1) {
        if (!PyDict_Next(obj, &pos, &key, &value)) {
            return 0;
        }
        if (save_key_value(p, key, value) < 0) {
            return -1;
        }
        return out_op(p, OP_SETITEM);
    }
    for (;;) {
        if (out_op(p, OP_MARK) < 0) {
            return -1;
        }
        int batch = 0;
        while (PyDict_Next(obj, &pos, &key, &value)) {
            if (save_key_value(p, key, value) < 0) {
                return -1;
            }
            if (PyDict_GET_SIZE(obj) != size) {
                break;
            }
            if (++batch == PICKLE_BATCHSIZE) {
                break;
            }
        }
        if (out_op(p, OP_SETITEMS) < 0) {
            return -1;
        }
        if (PyDict_GET_SIZE(obj) != size) {
            PyErr_SetString(PyExc_RuntimeError,
                            "dictionary changed size during iteration");
            return -1;
        }
        if (batch != PICKLE_BATCHSIZE) {
            return 0;
        }
    }
}

static int
save_dict(PicklerObject *p, PyObject *obj)
{
    if (p->bin ? out_op(p, OP_EMPTY_DICT) : out_write(p, "(d", 2)) {
        return -1;
    }
    if (memoize(p, obj) < 0 || fast_enter(p, obj) < 0) {
        return -1;
    }
    int rc;
    if (p->bin) {
        /* PyDict_Next needs the dict's critical section; saving an item
           may suspend it, after which pos is still a valid cursor. */
        Py_BEGIN_CRITICAL_SECTION(obj);
        rc = batch_dict_exact(p, obj);
        Py_END_CRITICAL_SECTION();
    }
    else {
        PyObject *items = PyDict_Items(obj);
        PyObject *iter = items == NULL ? NULL : PyObject_GetIter(items);
        Py_XDECREF(items);
        rc = iter == NULL ? -1 : batch_setitems(p, iter);
        Py_XDECREF(iter);
    }
    return fast_leave(p, obj, rc);
}

/* set(list(obj)) or frozenset(list(obj)) below protocol 4. */
static int
save_set_by_reduce(PicklerObject *p, PyObject *obj, PyObject *cls)
{
    PyObject *items = PySequence_List(obj);
    if (items == NULL) {
        return -1;
    }
    return save_reduce_of(p, cls, Py_BuildValue("(N)", items), obj);
}

static int
save_set(PicklerObject *p, PyObject *obj)
{
    if (p->proto < 4) {
        return save_set_by_reduce(p, obj, (PyObject *)&PySet_Type);
    }
    if (out_op(p, OP_EMPTY_SET) < 0 || memoize(p, obj) < 0) {
        return -1;
    }
    Py_ssize_t size = PySet_GET_SIZE(obj);
    if (size == 0) {
        return 0;
    }
    PyObject *iter = PyObject_GetIter(obj);
    if (iter == NULL) {
        return -1;
    }
    int rc = 0;
    for (;;) {
        if (out_op(p, OP_MARK) < 0) {
            rc = -1;
            break;
        }
        int batch = 0;
        PyObject *item;
        while ((item = PyIter_Next(iter)) != NULL) {
            rc = save(p, item, 1);
            Py_DECREF(item);
            if (rc < 0 || ++batch == PICKLE_BATCHSIZE) {
                break;
            }
        }
        if (rc < 0 || PyErr_Occurred() || out_op(p, OP_ADDITEMS) < 0) {
            rc = -1;
            break;
        }
        if (PySet_GET_SIZE(obj) != size) {
            PyErr_SetString(PyExc_RuntimeError,
                            "set changed size during iteration");
            rc = -1;
            break;
        }
        if (batch != PICKLE_BATCHSIZE) {
            break;
        }
    }
    Py_DECREF(iter);
    return rc;
}

static int
save_frozenset(PicklerObject *p, PyObject *obj)
{
    if (p->proto < 4) {
        return save_set_by_reduce(p, obj, (PyObject *)&PyFrozenSet_Type);
    }
    if (out_op(p, OP_MARK) < 0) {
        return -1;
    }
    PyObject *iter = PyObject_GetIter(obj);
    if (iter == NULL) {
        return -1;
    }
    PyObject *item;
    while ((item = PyIter_Next(iter)) != NULL) {
        int rc = save(p, item, 1);
        Py_DECREF(item);
        if (rc < 0) {
            Py_DECREF(iter);
            return -1;
        }
    }
    Py_DECREF(iter);
    if (PyErr_Occurred()) {
        return -1;
    }
    char pop_mark = (char)OP_POP_MARK;
    int r = fetch_if_memoized(p, obj, &pop_mark, 1);
    if (r != 0) {
        return r < 0 ? -1 : 0;
    }
    if (out_op(p, OP_FROZENSET) < 0) {
        return -1;
    }
    return memoize(p, obj);
}

/* ---- PickleBuffer (protocol 5 out-of-band data) ---- */

static int
save_picklebuffer(PicklerObject *p, PyObject *obj)
{
    if (p->proto < 5) {
        pickling_error("PickleBuffer can only be pickled with protocol >= 5");
        return -1;
    }
    PyObject *raw = PyObject_CallMethod(obj, "raw", NULL);
    if (raw == NULL) {
        return -1;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(raw, &view, PyBUF_FULL_RO) < 0) {
        Py_DECREF(raw);
        return -1;
    }
    int rc = -1;
    if (!PyBuffer_IsContiguous(&view, 'A')) {
        pickling_error("PickleBuffer can not be pickled when pointing to a "
                       "non-contiguous buffer");
        goto done;
    }
    int in_band = 1;
    if (p->buffer_callback != NULL) {
        PyObject *r = PyObject_CallOneArg(p->buffer_callback, obj);
        if (r == NULL) {
            goto done;
        }
        in_band = PyObject_IsTrue(r);
        Py_DECREF(r);
        if (in_band < 0) {
            goto done;
        }
    }
    if (in_band) {
        rc = view.readonly ? save_bytes_data(p, view.buf, view.len)
                           : save_bytearray_data(p, view.buf, view.len);
        if (rc == 0) {
            rc = memoize(p, obj);
        }
    }
    else {
        rc = out_op(p, OP_NEXT_BUFFER);
        if (rc == 0 && view.readonly) {
            rc = out_op(p, OP_READONLY_BUFFER);
        }
    }
done:
    PyBuffer_Release(&view);
    Py_DECREF(raw);
    return rc;
}

/* ---- globals ---- */

/* The name of the module obj belongs to (pickle.py's whichmodule()):
   obj.__module__, or the first module in sys.modules where the dotted
   path leads to obj, or '__main__'.  New reference. */
static PyObject *
whichmodule(PyObject *obj, PyObject *path)
{
    PyObject *module_name;
    if (PyObject_GetOptionalAttrString(obj, "__module__", &module_name) < 0) {
        return NULL;
    }
    PyObject *locals = PyUnicode_FromString("<locals>");
    if (locals == NULL) {
        Py_XDECREF(module_name);
        return NULL;
    }
    int has_locals = PySequence_Contains(path, locals);
    Py_DECREF(locals);
    if (has_locals != 0) {
        if (has_locals > 0) {
            PyErr_Format(_Py_pickle_state.PicklingError,
                         "Can't pickle local object %R", obj);
        }
        Py_XDECREF(module_name);
        return NULL;
    }
    if (module_name != NULL && module_name != Py_None) {
        return module_name;
    }
    Py_XDECREF(module_name);
    PyObject *modules = PySys_GetObject("modules");
    if (modules == NULL || !PyDict_Check(modules)) {
        return PyUnicode_FromString("__main__");
    }
    PyObject *copy = PyDict_Copy(modules);
    if (copy == NULL) {
        return NULL;
    }
    Py_ssize_t pos = 0;
    PyObject *name, *module;
    while (PyDict_Next(copy, &pos, &name, &module)) {
        if (module == Py_None || !PyUnicode_Check(name)
            || PyUnicode_CompareWithASCIIString(name, "__main__") == 0
            || PyUnicode_CompareWithASCIIString(name, "__mp_main__") == 0) {
            continue;
        }
        PyObject *found = _Py_pickle_get_dotted(module, path);
        if (found == NULL) {
            if (!PyErr_ExceptionMatches(PyExc_AttributeError)) {
                Py_DECREF(copy);
                return NULL;
            }
            PyErr_Clear();
            continue;
        }
        Py_DECREF(found);
        if (found == obj) {
            Py_INCREF(name);
            Py_DECREF(copy);
            return name;
        }
    }
    Py_DECREF(copy);
    return PyUnicode_FromString("__main__");
}

/* Replaces an ImportError-family exception by PicklingError("Can't
   pickle obj: <message>"). */
static void
reraise_as_pickling_error(PyObject *obj)
{
    if (!PyErr_ExceptionMatches(PyExc_ImportError)
        && !PyErr_ExceptionMatches(PyExc_KeyError)
        && !PyErr_ExceptionMatches(PyExc_AttributeError)) {
        return;
    }
    PyObject *exc = PyErr_GetRaisedException();
    PyErr_Format(_Py_pickle_state.PicklingError, "Can't pickle %R: %S",
                 obj, exc);
    Py_DECREF(exc);
}

/* GLOBAL module\nname\n, with the Python 2 names at protocols < 3. */
static int
save_global_by_name(PicklerObject *p, PyObject *module_name, PyObject *name)
{
    PyObject *mod = Py_NewRef(module_name), *nm = Py_NewRef(name);
    const char *encoding = "utf-8";
    int rc = -1;
    PyObject *mbytes = NULL, *nbytes = NULL;
    if (p->proto < 3) {
        encoding = "ascii";
        if (p->fix_imports) {
            PyObject *key = PyTuple_Pack(2, mod, nm), *found = NULL;
            if (key == NULL) {
                goto done;
            }
            int r = PyDict_GetItemRef(_Py_pickle_state.name_mapping_3to2,
                                      key, &found);
            Py_DECREF(key);
            if (r < 0) {
                goto done;
            }
            if (found != NULL) {
                if (!PyTuple_Check(found) || PyTuple_GET_SIZE(found) != 2) {
                    PyErr_SetString(PyExc_RuntimeError,
                                    "_compat_pickle.REVERSE_NAME_MAPPING "
                                    "values should be 2-tuples");
                    Py_DECREF(found);
                    goto done;
                }
                Py_SETREF(mod, Py_NewRef(PyTuple_GET_ITEM(found, 0)));
                Py_SETREF(nm, Py_NewRef(PyTuple_GET_ITEM(found, 1)));
                Py_DECREF(found);
            }
            else {
                r = PyDict_GetItemRef(_Py_pickle_state.import_mapping_3to2,
                                      mod, &found);
                if (r < 0) {
                    goto done;
                }
                if (found != NULL) {
                    Py_SETREF(mod, found);
                }
            }
        }
    }
    mbytes = PyUnicode_AsEncodedString(mod, encoding, "strict");
    if (mbytes != NULL) {
        nbytes = PyUnicode_AsEncodedString(nm, encoding, "strict");
    }
    if (nbytes == NULL) {
        if (PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
            PyErr_Clear();
            PyErr_Format(_Py_pickle_state.PicklingError,
                         "can't pickle global identifier %R using pickle "
                         "protocol %d", name, p->proto);
        }
        goto done;
    }
    if (out_op(p, OP_GLOBAL) == 0
        && out_write(p, PyBytes_AS_STRING(mbytes),
                     PyBytes_GET_SIZE(mbytes)) == 0
        && out_op(p, '\n') == 0
        && out_write(p, PyBytes_AS_STRING(nbytes),
                     PyBytes_GET_SIZE(nbytes)) == 0) {
        rc = out_op(p, '\n');
    }
done:
    Py_XDECREF(mbytes);
    Py_XDECREF(nbytes);
    Py_DECREF(mod);
    Py_DECREF(nm);
    return rc;
}

/* EXT1/EXT2/EXT4 when (module, name) is in copyreg's extension registry:
   returns 1 when written, 0 when not registered. */
static int
save_extension(PicklerObject *p, PyObject *module_name, PyObject *name)
{
    PyObject *key = PyTuple_Pack(2, module_name, name), *code_obj = NULL;
    if (key == NULL) {
        return -1;
    }
    int r = PyDict_GetItemRef(_Py_pickle_state.extension_registry, key,
                              &code_obj);
    Py_DECREF(key);
    if (r <= 0) {
        return r;
    }
    long code = PyLong_AsLong(code_obj);
    Py_DECREF(code_obj);
    if (code == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (code <= 0 || code > 0x7fffffffL) {
        PyErr_Format(_Py_pickle_state.PicklingError,
                     "Can't pickle %R: extension code %ld is out of range",
                     name, code);
        return -1;
    }
    if (code <= 0xff) {
        r = out_op_arg(p, OP_EXT1, (uint64_t)code, 1);
    }
    else if (code <= 0xffff) {
        r = out_op_arg(p, OP_EXT2, (uint64_t)code, 2);
    }
    else {
        r = out_op_arg(p, OP_EXT4, (uint64_t)code, 4);
    }
    return r < 0 ? -1 : 1;
}

/* Protocols < 4 name only top-level objects: a nested one is written as
   getattr(getattr(<top>, name1), name2)..., the top-level component by
   name and every later one as a string, as CPython 3.13+ (and pickle.py)
   write it.  The intermediate objects are neither pickled nor memoized,
   so a class whose qualname goes through itself (or through its module)
   cannot recurse. */
static int
save_nested_global(PicklerObject *p, PyObject *module_name, PyObject *path)
{
    Py_ssize_t n = PyList_GET_SIZE(path);
    for (Py_ssize_t i = 1; i < n; i++) {
        if (save(p, _Py_pickle_state.getattr, 0) < 0
            || (p->proto < 2 && out_op(p, OP_MARK) < 0)) {
            return -1;
        }
    }
    if (save_global_by_name(p, module_name, PyList_GET_ITEM(path, 0)) < 0) {
        return -1;
    }
    for (Py_ssize_t i = 1; i < n; i++) {
        if (save(p, PyList_GET_ITEM(path, i), 0) < 0
            || out_op(p, p->proto < 2 ? OP_TUPLE : OP_TUPLE2) < 0
            || out_op(p, OP_REDUCE) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Checks that importing module_name and following path leads to obj. */
static int
check_global_identity(PyObject *obj, PyObject *module_name,
                      PyObject *name, PyObject *path)
{
    PyObject *imported = PyImport_ImportModuleLevelObject(
        module_name, NULL, NULL, NULL, 0);
    if (imported == NULL) {
        reraise_as_pickling_error(obj);
        return -1;
    }
    Py_DECREF(imported);
    PyObject *module = PyImport_GetModule(module_name);
    if (module == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetObject(PyExc_KeyError, module_name);
        }
        reraise_as_pickling_error(obj);
        return -1;
    }
    PyObject *found = _Py_pickle_get_dotted(module, path);
    Py_DECREF(module);
    if (found == NULL) {
        if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Clear();
            PyErr_Format(_Py_pickle_state.PicklingError,
                         "Can't pickle %R: it's not found as %U.%U",
                         obj, module_name, name);
        }
        return -1;
    }
    Py_DECREF(found);
    if (found != obj) {
        PyErr_Format(_Py_pickle_state.PicklingError,
                     "Can't pickle %R: it's not the same object as %U.%U",
                     obj, module_name, name);
        return -1;
    }
    return 0;
}

static int
save_global(PicklerObject *p, PyObject *obj, PyObject *given_name)
{
    PyObject *name = NULL, *path = NULL, *module_name = NULL;
    int rc = -1;
    if (given_name != NULL) {
        name = Py_NewRef(given_name);
    }
    else {
        if (PyObject_GetOptionalAttrString(obj, "__qualname__", &name) < 0) {
            return -1;
        }
        if (name == NULL) {
            name = PyObject_GetAttrString(obj, "__name__");
            if (name == NULL) {
                return -1;
            }
        }
    }
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, "
                     "not '%.200s'", Py_TYPE(name)->tp_name);
        goto done;
    }
    PyObject *dot = PyUnicode_FromString(".");
    if (dot == NULL) {
        goto done;
    }
    path = PyUnicode_Split(name, dot, -1);
    Py_DECREF(dot);
    if (path == NULL) {
        goto done;
    }
    module_name = whichmodule(obj, path);
    if (module_name == NULL) {
        goto done;
    }
    if (check_global_identity(obj, module_name, name, path) < 0) {
        goto done;
    }
    if (p->proto >= 2) {
        int r = save_extension(p, module_name, name);
        if (r != 0) {
            rc = r < 0 ? -1 : 0;
            goto done;
        }
    }
    if (p->proto >= 4) {
        if (save(p, module_name, 0) < 0 || save(p, name, 0) < 0
            || out_op(p, OP_STACK_GLOBAL) < 0) {
            goto done;
        }
    }
    else if (PyList_GET_SIZE(path) > 1) {
        if (save_nested_global(p, module_name, path) < 0) {
            goto done;
        }
    }
    else if (save_global_by_name(p, module_name, name) < 0) {
        goto done;
    }
    rc = memoize(p, obj);
done:
    Py_XDECREF(name);
    Py_XDECREF(path);
    Py_XDECREF(module_name);
    return rc;
}

/* type(None), type(NotImplemented) and type(...) are pickled as calls
   to type(); other classes by name. */
static int
save_type(PicklerObject *p, PyObject *obj)
{
    PyObject *singleton = NULL;
    if (obj == (PyObject *)Py_TYPE(Py_None)) {
        singleton = Py_None;
    }
    else if (obj == (PyObject *)Py_TYPE(Py_NotImplemented)) {
        singleton = Py_NotImplemented;
    }
    else if (obj == (PyObject *)Py_TYPE(Py_Ellipsis)) {
        singleton = Py_Ellipsis;
    }
    if (singleton != NULL) {
        return save_reduce_of(p, (PyObject *)&PyType_Type,
                              PyTuple_Pack(1, singleton), obj);
    }
    return save_global(p, obj, NULL);
}

/* ---- persistent ids ---- */

static int
save_pers(PicklerObject *p, PyObject *pid)
{
    if (p->bin) {
        if (save(p, pid, 0) < 0) {
            return -1;
        }
        return out_op(p, OP_BINPERSID);
    }
    PyObject *text = PyObject_Str(pid);
    if (text == NULL) {
        return -1;
    }
    PyObject *enc = PyUnicode_AsASCIIString(text);
    Py_DECREF(text);
    if (enc == NULL) {
        if (PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
            PyErr_Clear();
            pickling_error("persistent IDs in protocol 0 must be ASCII "
                           "strings");
        }
        return -1;
    }
    int rc = out_op(p, OP_PERSID);
    if (rc == 0) {
        rc = out_write(p, PyBytes_AS_STRING(enc), PyBytes_GET_SIZE(enc));
    }
    Py_DECREF(enc);
    return rc == 0 ? out_op(p, '\n') : -1;
}

/* ---- reduce ---- */

static int
has_new(PyObject *cls)
{
    PyObject *attr;
    int r = PyObject_GetOptionalAttrString(cls, "__new__", &attr);
    Py_XDECREF(attr);
    return r;
}

/* NEWOBJ and NEWOBJ_EX rebuild obj as cls.__new__(cls, ...): cls must be
   obj's __class__ (not its raw type, so that a proxy such as a
   weakref.proxy pickles as the object it stands for).  obj NULL (a bare
   save_reduce) skips the check.  0, or -1 with PicklingError. */
static int
check_newobj_class(const char *func, PyObject *cls, PyObject *obj)
{
    if (obj == NULL) {
        return 0;
    }
    PyObject *obj_class = PyObject_GetAttrString(obj, "__class__");
    if (obj_class == NULL) {
        return -1;
    }
    int rc = 0;
    if (obj_class != cls) {
        PyErr_Format(_Py_pickle_state.PicklingError,
                     "first argument to %s() must be %R, not %R",
                     func, obj_class, cls);
        rc = -1;
    }
    Py_DECREF(obj_class);
    return rc;
}

/* The reduce value's func is copyreg.__newobj_ex__: cls(*args, **kw)
   via NEWOBJ_EX, or a functools.partial of cls.__new__ below 4. */
static int
save_newobj_ex(PicklerObject *p, PyObject *args, PyObject *obj)
{
    if (PyTuple_GET_SIZE(args) != 3) {
        PyErr_Format(_Py_pickle_state.PicklingError,
                     "length of the NEWOBJ_EX argument tuple must be "
                     "exactly 3, not %zd", PyTuple_GET_SIZE(args));
        return -1;
    }
    PyObject *cls = PyTuple_GET_ITEM(args, 0);
    PyObject *cargs = PyTuple_GET_ITEM(args, 1);
    PyObject *kwargs = PyTuple_GET_ITEM(args, 2);
    int r = has_new(cls);
    if (r <= 0) {
        if (r == 0) {
            pickling_error("first argument to __newobj_ex__() has no "
                           "__new__");
        }
        return -1;
    }
    if (check_newobj_class("__newobj_ex__", cls, obj) < 0) {
        return -1;
    }
    if (!PyTuple_Check(cargs)) {
        pickling_error_typed("second argument to __newobj_ex__() must be a "
                             "tuple, not %U", cargs);
        return -1;
    }
    if (!PyDict_Check(kwargs)) {
        pickling_error_typed("third argument to __newobj_ex__() must be a "
                             "dict, not %U", kwargs);
        return -1;
    }
    if (p->proto >= 4) {
        if (save(p, cls, 1) < 0 || save(p, cargs, 1) < 0
            || save(p, kwargs, 1) < 0) {
            return -1;
        }
        return out_op(p, OP_NEWOBJ_EX);
    }
    PyObject *new_method = PyObject_GetAttrString(cls, "__new__");
    if (new_method == NULL) {
        return -1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(cargs);
    PyObject *pargs = PyTuple_New(n + 2);
    if (pargs == NULL) {
        Py_DECREF(new_method);
        return -1;
    }
    PyTuple_SET_ITEM(pargs, 0, new_method);
    PyTuple_SET_ITEM(pargs, 1, Py_NewRef(cls));
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(pargs, i + 2, Py_NewRef(PyTuple_GET_ITEM(cargs, i)));
    }
    PyObject *func = PyObject_Call(_Py_pickle_state.partial, pargs, kwargs);
    Py_DECREF(pargs);
    if (func == NULL) {
        return -1;
    }
    int rc = save(p, func, 1);
    Py_DECREF(func);
    if (rc < 0) {
        return -1;
    }
    PyObject *empty = PyTuple_New(0);
    if (empty == NULL) {
        return -1;
    }
    rc = save(p, empty, 1);
    Py_DECREF(empty);
    return rc < 0 ? -1 : out_op(p, OP_REDUCE);
}

/* Checks the optional items of a reduce value as CPython's C pickler
   does: listitems and dictitems are iterators (not just iterables) and
   state_setter is callable; None stands for an absent item. */
static int
check_reduce_items(PyObject *listitems, PyObject *dictitems,
                   PyObject *state_setter)
{
    if (listitems != Py_None && !PyIter_Check(listitems)) {
        pickling_error_typed("fourth item of the tuple returned by "
                             "__reduce__ must be an iterator, not %U",
                             listitems);
        return -1;
    }
    if (dictitems != Py_None && !PyIter_Check(dictitems)) {
        pickling_error_typed("fifth item of the tuple returned by "
                             "__reduce__ must be an iterator, not %U",
                             dictitems);
        return -1;
    }
    if (state_setter != Py_None && !PyCallable_Check(state_setter)) {
        pickling_error_typed("sixth item of the tuple returned by "
                             "__reduce__ must be callable, not %U",
                             state_setter);
        return -1;
    }
    return 0;
}

/* Writes a reduce value: (func, args[, state[, listitems[, dictitems[,
   state_setter]]]]), already checked to be a tuple of 2 to 6 items. */
static int
save_reduce(PicklerObject *p, PyObject *rv, PyObject *obj)
{
    Py_ssize_t size = PyTuple_GET_SIZE(rv);
    PyObject *func = PyTuple_GET_ITEM(rv, 0);
    PyObject *args = PyTuple_GET_ITEM(rv, 1);
    PyObject *state = size > 2 ? PyTuple_GET_ITEM(rv, 2) : Py_None;
    PyObject *listitems = size > 3 ? PyTuple_GET_ITEM(rv, 3) : Py_None;
    PyObject *dictitems = size > 4 ? PyTuple_GET_ITEM(rv, 4) : Py_None;
    PyObject *state_setter = size > 5 ? PyTuple_GET_ITEM(rv, 5) : Py_None;

    if (!PyCallable_Check(func)) {
        pickling_error_typed("first item of the tuple returned by "
                             "__reduce__ must be callable, not %U", func);
        return -1;
    }
    if (!PyTuple_Check(args)) {
        pickling_error_typed("second item of the tuple returned by "
                             "__reduce__ must be a tuple, not %U", args);
        return -1;
    }
    if (check_reduce_items(listitems, dictitems, state_setter) < 0) {
        return -1;
    }
    int kind = 0;   /* 1: __newobj__, 2: __newobj_ex__ */
    if (p->proto >= 2) {
        PyObject *func_name;
        if (PyObject_GetOptionalAttrString(func, "__name__", &func_name) < 0) {
            return -1;
        }
        if (func_name != NULL && PyUnicode_Check(func_name)) {
            if (PyUnicode_CompareWithASCIIString(func_name,
                                                 "__newobj_ex__") == 0) {
                kind = 2;
            }
            else if (PyUnicode_CompareWithASCIIString(func_name,
                                                      "__newobj__") == 0) {
                kind = 1;
            }
        }
        Py_XDECREF(func_name);
    }
    if (kind == 2) {
        if (save_newobj_ex(p, args, obj) < 0) {
            return -1;
        }
    }
    else if (kind == 1) {
        if (PyTuple_GET_SIZE(args) == 0) {
            pickling_error("__newobj__ expected at least 1 argument");
            return -1;
        }
        PyObject *cls = PyTuple_GET_ITEM(args, 0);
        int r = has_new(cls);
        if (r <= 0) {
            if (r == 0) {
                pickling_error("first argument to __newobj__() has no "
                               "__new__");
            }
            return -1;
        }
        if (check_newobj_class("__newobj__", cls, obj) < 0) {
            return -1;
        }
        PyObject *rest = PyTuple_GetSlice(args, 1, PyTuple_GET_SIZE(args));
        if (rest == NULL) {
            return -1;
        }
        int rc = save(p, cls, 1);
        if (rc == 0) {
            rc = save(p, rest, 1);
        }
        Py_DECREF(rest);
        if (rc < 0 || out_op(p, OP_NEWOBJ) < 0) {
            return -1;
        }
    }
    else {
        if (save(p, func, 1) < 0 || save(p, args, 1) < 0
            || out_op(p, OP_REDUCE) < 0) {
            return -1;
        }
    }
    if (obj != NULL) {
        char pop = (char)OP_POP;
        int r = fetch_if_memoized(p, obj, &pop, 1);
        if (r < 0 || (r == 0 && memoize(p, obj) < 0)) {
            return -1;
        }
    }
    if (listitems != Py_None) {
        PyObject *iter = PyObject_GetIter(listitems);
        if (iter == NULL) {
            return -1;
        }
        int rc = batch_appends(p, iter);
        Py_DECREF(iter);
        if (rc < 0) {
            return -1;
        }
    }
    if (dictitems != Py_None) {
        PyObject *iter = PyObject_GetIter(dictitems);
        if (iter == NULL) {
            return -1;
        }
        int rc = batch_setitems(p, iter);
        Py_DECREF(iter);
        if (rc < 0) {
            return -1;
        }
    }
    if (state != Py_None) {
        if (state_setter == Py_None) {
            if (save(p, state, 1) < 0 || out_op(p, OP_BUILD) < 0) {
                return -1;
            }
        }
        else {
            /* state_setter(obj, state) replaces BUILD; its result is
               dropped. */
            if (save(p, state_setter, 1) < 0 || save(p, obj, 1) < 0
                || save(p, state, 1) < 0 || out_op(p, OP_TUPLE2) < 0
                || out_op(p, OP_REDUCE) < 0 || out_op(p, OP_POP) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

/* Finds the reduce value of obj (reducer_override, the dispatch table,
   __reduce_ex__, __reduce__) and writes it.  Classes whose metaclass
   derives from type are saved by name. */
static int
save_by_reduce(PicklerObject *p, PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    PyObject *rv = NULL;
    if (p->reducer_override != NULL) {
        rv = PyObject_CallOneArg(p->reducer_override, obj);
        if (rv == NULL) {
            return -1;
        }
        if (rv == Py_NotImplemented) {
            Py_CLEAR(rv);
        }
    }
    if (rv == NULL) {
        if (tp == &PyType_Type) {
            return save_type(p, obj);
        }
        if (tp == &PyFunction_Type) {
            return save_global(p, obj, NULL);
        }
        PyObject *reducer = NULL;
        int r;
        if (PyDict_CheckExact(p->dispatch_table)) {
            r = PyDict_GetItemRef(p->dispatch_table, (PyObject *)tp,
                                  &reducer);
        }
        else {
            r = PyMapping_GetOptionalItem(p->dispatch_table, (PyObject *)tp,
                                          &reducer);
        }
        if (r < 0) {
            return -1;
        }
        if (reducer != NULL) {
            rv = PyObject_CallOneArg(reducer, obj);
            Py_DECREF(reducer);
        }
        else if (PyType_IsSubtype(tp, &PyType_Type)) {
            return save_global(p, obj, NULL);
        }
        else {
            if (PyObject_GetOptionalAttrString(obj, "__reduce_ex__",
                                               &reducer) < 0) {
                return -1;
            }
            if (reducer != NULL) {
                PyObject *proto = PyLong_FromLong(p->proto);
                rv = proto == NULL ? NULL
                                   : PyObject_CallOneArg(reducer, proto);
                Py_XDECREF(proto);
                Py_DECREF(reducer);
            }
            else {
                if (PyObject_GetOptionalAttrString(obj, "__reduce__",
                                                   &reducer) < 0) {
                    return -1;
                }
                if (reducer == NULL) {
                    pickling_error_typed("Can't pickle %U object", obj);
                    return -1;
                }
                rv = PyObject_CallNoArgs(reducer);
                Py_DECREF(reducer);
            }
        }
        if (rv == NULL) {
            return -1;
        }
    }
    int rc = -1;
    if (PyUnicode_Check(rv)) {
        rc = save_global(p, obj, rv);
    }
    else if (!PyTuple_Check(rv)) {
        pickling_error_typed("__reduce__ must return a string or tuple, "
                             "not %U", rv);
    }
    else if (PyTuple_GET_SIZE(rv) < 2 || PyTuple_GET_SIZE(rv) > 6) {
        pickling_error("tuple returned by __reduce__ must contain 2 through "
                       "6 elements");
    }
    else {
        rc = save_reduce(p, rv, obj);
    }
    Py_DECREF(rv);
    return rc;
}

static int
save_dispatch(PicklerObject *p, PyObject *obj, int pers_save)
{
    if (opcode_boundary(p) < 0) {
        return -1;
    }
    if (pers_save && p->pers_func != NULL) {
        PyObject *pid = PyObject_CallOneArg(p->pers_func, obj);
        if (pid == NULL) {
            return -1;
        }
        if (pid != Py_None) {
            int rc = save_pers(p, pid);
            Py_DECREF(pid);
            return rc;
        }
        Py_DECREF(pid);
    }
    PyTypeObject *tp = Py_TYPE(obj);
    /* Atoms are never memoized. */
    if (obj == Py_None) {
        return out_op(p, OP_NONE);
    }
    if (obj == Py_True || obj == Py_False) {
        return save_bool(p, obj);
    }
    if (tp == &PyLong_Type) {
        return save_long(p, obj);
    }
    if (tp == &PyFloat_Type) {
        return save_float(p, obj);
    }
    Py_ssize_t idx = memo_get(&p->memo, obj);
    if (idx >= 0) {
        return write_get(p, idx);
    }
    /* The built-in containers and strings bypass reducer_override. */
    if (tp == &PyUnicode_Type) {
        return save_str(p, obj);
    }
    if (tp == &PyDict_Type) {
        return save_dict(p, obj);
    }
    if (tp == &PyList_Type) {
        return save_list(p, obj);
    }
    if (tp == &PyTuple_Type) {
        return save_tuple(p, obj);
    }
    if (tp == &PyBytes_Type) {
        return save_bytes(p, obj);
    }
    if (tp == &PyByteArray_Type) {
        return save_bytearray(p, obj);
    }
    if (tp == &PySet_Type) {
        return save_set(p, obj);
    }
    if (tp == &PyFrozenSet_Type) {
        return save_frozenset(p, obj);
    }
    if (tp == &_PyPickleBuffer_Type) {
        return save_picklebuffer(p, obj);
    }
    return save_by_reduce(p, obj);
}

static int
save(PicklerObject *p, PyObject *obj, int pers_save)
{
    if (Py_EnterRecursiveCall(" while pickling an object")) {
        return -1;
    }
    int rc = save_dispatch(p, obj, pers_save);
    Py_LeaveRecursiveCall();
    return rc;
}

/* ---- dump ---- */

/* The value of attribute `name` of the pickler, or NULL (no error) when
   it is missing or is the default method given as `deflt`; None counts as
   missing unless keep_none (a reducer_override of None is called, and
   fails, as in CPython). */
static int
lookup_hook(PicklerObject *p, const char *name, PyCFunction deflt,
            int keep_none, PyObject **result)
{
    PyObject *f;
    if (PyObject_GetOptionalAttrString((PyObject *)p, name, &f) < 0) {
        return -1;
    }
    if (f != NULL && deflt != NULL && PyCFunction_Check(f)
        && PyCFunction_GET_FUNCTION(f) == deflt) {
        Py_CLEAR(f);
    }
    if (f == Py_None && !keep_none) {
        Py_CLEAR(f);
    }
    *result = f;
    return 0;
}

static void
dump_cleanup(PicklerObject *p)
{
    Py_CLEAR(p->pers_func);
    Py_CLEAR(p->reducer_override);
    Py_CLEAR(p->dispatch_table);
    Py_CLEAR(p->fast_memo);
    p->fast_nesting = 0;
    p->frame_start = -1;
    p->running = 0;
}

/* Pickles obj into the output buffer and, for dump(), into the file.
   The caller holds the pickler's critical section; `running` turns away
   a second call that gets in while this one runs Python code (another
   thread once the section is suspended, or a hook calling dump()). */
static int
pickler_run(PicklerObject *p, PyObject *obj)
{
    if (!p->initialized) {
        PyErr_Format(_Py_pickle_state.PicklingError,
                     "Pickler.__init__() was not called by %s.__init__()",
                     Py_TYPE(p)->tp_name);
        return -1;
    }
    if (p->running) {
        PyErr_SetString(PyExc_RuntimeError,
                        "Pickler.dump() is already running on this pickler");
        return -1;
    }
    p->running = 1;
    p->out_len = 0;
    p->frame_start = -1;
    if (lookup_hook(p, "persistent_id", (PyCFunction)pickler_persistent_id,
                    0, &p->pers_func) < 0
        || lookup_hook(p, "reducer_override", NULL, 1,
                       &p->reducer_override) < 0
        || lookup_hook(p, "dispatch_table", NULL, 0,
                       &p->dispatch_table) < 0) {
        dump_cleanup(p);
        return -1;
    }
    if (p->dispatch_table == NULL) {
        p->dispatch_table = Py_NewRef(_Py_pickle_state.dispatch_table);
    }
    int rc = 0;
    if (p->proto >= 2) {
        rc = out_op_arg(p, OP_PROTO, (uint64_t)p->proto, 1);
    }
    if (rc == 0 && p->proto >= 4) {
        rc = frame_open(p);
    }
    if (rc == 0) {
        rc = save(p, obj, 1);
    }
    if (rc == 0) {
        rc = out_op(p, OP_STOP);
    }
    frame_close(p);
    if (rc == 0) {
        rc = flush_to_file(p);
    }
    dump_cleanup(p);
    return rc;
}

/* ---- Pickler type ---- */

/* Parses the protocol argument: None means the default, a negative
   number the highest. */
static int
parse_protocol(PyObject *arg, int *proto)
{
    if (arg == NULL || arg == Py_None) {
        *proto = PICKLE_DEFAULT_PROTOCOL;
        return 0;
    }
    long v = PyLong_AsLong(arg);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (v < 0) {
        v = PICKLE_HIGHEST_PROTOCOL;
    }
    else if (v > PICKLE_HIGHEST_PROTOCOL) {
        PyErr_Format(PyExc_ValueError, "pickle protocol must be <= %d",
                     PICKLE_HIGHEST_PROTOCOL);
        return -1;
    }
    *proto = (int)v;
    return 0;
}

/* Sets the options shared by Pickler(), dump() and dumps(); file may be
   NULL (dumps). */
static int
pickler_setup(PicklerObject *p, PyObject *file, PyObject *protocol,
              int fix_imports, PyObject *buffer_callback)
{
    int proto;
    if (parse_protocol(protocol, &proto) < 0) {
        return -1;
    }
    if (buffer_callback == Py_None) {
        buffer_callback = NULL;
    }
    if (buffer_callback != NULL && proto < 5) {
        PyErr_SetString(PyExc_ValueError,
                        "buffer_callback needs protocol >= 5");
        return -1;
    }
    PyObject *write = NULL;
    if (file != NULL) {
        if (PyObject_GetOptionalAttrString(file, "write", &write) < 0) {
            return -1;
        }
        if (write == NULL) {
            PyErr_SetString(PyExc_TypeError,
                            "file must have a 'write' attribute");
            return -1;
        }
    }
    Py_XSETREF(p->write, write);
    Py_XSETREF(p->buffer_callback, Py_XNewRef(buffer_callback));
    p->proto = proto;
    p->bin = proto > 0;
    p->fix_imports = fix_imports && proto < 3;
    if (p->memo.table == NULL && memo_init(&p->memo) < 0) {
        return -1;
    }
    memo_clear(&p->memo);
    p->initialized = 1;
    return 0;
}

static PyObject *
pickler_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    (void)args;
    (void)kwargs;
    PicklerObject *p = (PicklerObject *)type->tp_alloc(type, 0);
    if (p == NULL) {
        return NULL;
    }
    p->frame_start = -1;
    if (memo_init(&p->memo) < 0) {
        Py_DECREF(p);
        return NULL;
    }
    return (PyObject *)p;
}

static int
pickler_init(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"file", "protocol", "fix_imports",
                             "buffer_callback", NULL};
    PyObject *file, *protocol = Py_None, *buffer_callback = Py_None;
    int fix_imports = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|OpO:Pickler", kwlist,
                                     &file, &protocol, &fix_imports,
                                     &buffer_callback)) {
        return -1;
    }
    PicklerObject *p = (PicklerObject *)self;
    int rc;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (p->running) {
        PyErr_SetString(PyExc_RuntimeError,
                        "Pickler.dump() is already running on this pickler");
        rc = -1;
    }
    else {
        rc = pickler_setup(p, file, protocol, fix_imports, buffer_callback);
    }
    Py_END_CRITICAL_SECTION();
    return rc;
}

static int
pickler_traverse(PyObject *self, visitproc visit, void *arg)
{
    PicklerObject *p = (PicklerObject *)self;
    Py_VISIT(p->dict);
    Py_VISIT(p->write);
    Py_VISIT(p->buffer_callback);
    Py_VISIT(p->pers_func);
    Py_VISIT(p->reducer_override);
    Py_VISIT(p->dispatch_table);
    Py_VISIT(p->fast_memo);
    if (p->memo.table != NULL) {
        for (size_t i = 0; i <= p->memo.mask; i++) {
            Py_VISIT(p->memo.table[i].key);
        }
    }
    return 0;
}

static int
pickler_clear(PyObject *self)
{
    PicklerObject *p = (PicklerObject *)self;
    Py_CLEAR(p->dict);
    Py_CLEAR(p->write);
    Py_CLEAR(p->buffer_callback);
    Py_CLEAR(p->pers_func);
    Py_CLEAR(p->reducer_override);
    Py_CLEAR(p->dispatch_table);
    Py_CLEAR(p->fast_memo);
    memo_clear(&p->memo);
    return 0;
}

static void
pickler_dealloc(PyObject *self)
{
    PicklerObject *p = (PicklerObject *)self;
    PyObject_GC_UnTrack(self);
    pickler_clear(self);
    memo_free(&p->memo);
    PyMem_Free(p->out);
    Py_TYPE(self)->tp_free(self);
}

/* dump() of a Pickler object.  Free-threaded safety: the critical section
   on the pickler covers the whole call; see pickler_run() for callers
   that get in while it is suspended. */
static PyObject *
pickler_dump(PyObject *self, PyObject *obj)
{
    PicklerObject *p = (PicklerObject *)self;
    int rc;
    Py_BEGIN_CRITICAL_SECTION(self);
    rc = pickler_run(p, obj);
    if (rc == 0 && p->out_cap > (1 << 20)) {
        /* Do not keep a big buffer alive between calls. */
        PyMem_Free(p->out);
        p->out = NULL;
        p->out_cap = 0;
    }
    p->out_len = 0;
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
pickler_clear_memo(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PicklerObject *p = (PicklerObject *)self;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (!p->running) {
        memo_clear(&p->memo);
    }
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyObject *
pickler_persistent_id(PyObject *self, PyObject *obj)
{
    (void)self;
    (void)obj;
    Py_RETURN_NONE;
}

static PyObject *
pickler_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PicklerObject *p = (PicklerObject *)self;
    Py_ssize_t size = (Py_ssize_t)sizeof(PicklerObject) + p->out_cap;
    if (p->memo.table != NULL) {
        size += (Py_ssize_t)((p->memo.mask + 1) * sizeof(MemoEntry));
    }
    return PyLong_FromSsize_t(size);
}

/* ---- PicklerMemoProxy ---- */

typedef struct {
    PyObject_HEAD
    PicklerObject *pickler;     /* owned */
} PicklerMemoProxyObject;

/* {id(obj): (index, obj)} as pickle.py keeps its memo.  The entries are
   copied out under the pickler's critical section before any object is
   built: building may run the GC and so other threads' code. */
static PyObject *
pickler_memo_as_dict(PicklerObject *p)
{
    MemoEntry *snap = NULL;
    Py_ssize_t n = 0;
    int nomem = 0;
    Py_BEGIN_CRITICAL_SECTION(p);
    if (p->memo.table != NULL && p->memo.used > 0) {
        snap = PyMem_Malloc((size_t)p->memo.used * sizeof(MemoEntry));
        if (snap == NULL) {
            nomem = 1;
        }
        for (size_t i = 0; snap != NULL && i <= p->memo.mask; i++) {
            MemoEntry *e = &p->memo.table[i];
            if (e->key != NULL) {
                snap[n].key = Py_NewRef(e->key);
                snap[n].index = e->index;
                n++;
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    if (nomem) {
        return PyErr_NoMemory();
    }
    PyObject *result = PyDict_New();
    for (Py_ssize_t i = 0; i < n && result != NULL; i++) {
        PyObject *key = PyLong_FromVoidPtr(snap[i].key);
        PyObject *value = Py_BuildValue("(nO)", snap[i].index, snap[i].key);
        if (key == NULL || value == NULL
            || PyDict_SetItem(result, key, value) < 0) {
            Py_CLEAR(result);
        }
        Py_XDECREF(key);
        Py_XDECREF(value);
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_DECREF(snap[i].key);
    }
    PyMem_Free(snap);
    return result;
}

static PyObject *
pmp_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return pickler_memo_as_dict(((PicklerMemoProxyObject *)self)->pickler);
}

static PyObject *
pmp_clear(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return pickler_clear_memo(
        (PyObject *)((PicklerMemoProxyObject *)self)->pickler, NULL);
}

static PyObject *
pmp_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *copy = pmp_copy(self, NULL);
    if (copy == NULL) {
        return NULL;
    }
    return Py_BuildValue("(O(N))", (PyObject *)&PyDict_Type, copy);
}

static PyMethodDef pmp_methods[] = {
    {"clear", pmp_clear, METH_NOARGS,
     "clear($self, /)\n--\n\nRemove all items from memo."},
    {"copy", pmp_copy, METH_NOARGS,
     "copy($self, /)\n--\n\nCopy the memo to a new object."},
    {"__reduce__", pmp_reduce, METH_NOARGS,
     "__reduce__($self, /)\n--\n\nImplement pickle support."},
    {NULL, NULL, 0, NULL},
};

static int
pmp_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((PicklerMemoProxyObject *)self)->pickler);
    return 0;
}

static int
pmp_clear_refs(PyObject *self)
{
    Py_CLEAR(((PicklerMemoProxyObject *)self)->pickler);
    return 0;
}

static void
pmp_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    pmp_clear_refs(self);
    Py_TYPE(self)->tp_free(self);
}

PyTypeObject _PyPicklerMemoProxy_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_pickle.PicklerMemoProxy",
    .tp_basicsize = sizeof(PicklerMemoProxyObject),
    .tp_dealloc = pmp_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = pmp_traverse,
    .tp_clear = pmp_clear_refs,
    .tp_methods = pmp_methods,
    .tp_free = PyObject_GC_Del,
};

static PyObject *
pickler_get_memo(PyObject *self, void *Py_UNUSED(closure))
{
    PicklerMemoProxyObject *proxy = PyObject_GC_New(PicklerMemoProxyObject,
                                                    &_PyPicklerMemoProxy_Type);
    if (proxy == NULL) {
        return NULL;
    }
    proxy->pickler = (PicklerObject *)Py_NewRef(self);
    PyObject_GC_Track((PyObject *)proxy);
    return (PyObject *)proxy;
}

/* Fills a fresh memo table from {id: (index, obj)}. */
static int
memo_from_dict(MemoTable *m, PyObject *dict)
{
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(dict, &pos, &key, &value)) {
        if (!PyTuple_Check(value) || PyTuple_GET_SIZE(value) != 2) {
            PyErr_SetString(PyExc_TypeError,
                            "'memo' values must be 2-item tuples");
            return -1;
        }
        Py_ssize_t idx = PyLong_AsSsize_t(PyTuple_GET_ITEM(value, 0));
        if (idx == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (memo_set(m, PyTuple_GET_ITEM(value, 1), idx) < 0) {
            return -1;
        }
    }
    return 0;
}

static int
pickler_set_memo(PyObject *self, PyObject *value, void *Py_UNUSED(closure))
{
    PicklerObject *p = (PicklerObject *)self;
    PyObject *dict;
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "attribute deletion is not supported");
        return -1;
    }
    if (Py_IS_TYPE(value, &_PyPicklerMemoProxy_Type)) {
        dict = pickler_memo_as_dict(((PicklerMemoProxyObject *)value)->pickler);
        if (dict == NULL) {
            return -1;
        }
    }
    else if (PyDict_Check(value)) {
        dict = Py_NewRef(value);
    }
    else {
        PyErr_Format(PyExc_TypeError, "'memo' attribute must be a "
                     "PicklerMemoProxy object or dict, not %.200s",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    MemoTable fresh;
    if (memo_init(&fresh) < 0) {
        Py_DECREF(dict);
        return -1;
    }
    int rc = memo_from_dict(&fresh, dict);
    Py_DECREF(dict);
    if (rc < 0) {
        memo_free(&fresh);
        return -1;
    }
    MemoTable old = {NULL, 0, 0};
    Py_BEGIN_CRITICAL_SECTION(self);
    if (p->running) {
        PyErr_SetString(PyExc_RuntimeError,
                        "Pickler.dump() is already running on this pickler");
        rc = -1;
        old = fresh;
    }
    else {
        old = p->memo;
        p->memo = fresh;
    }
    Py_END_CRITICAL_SECTION();
    memo_free(&old);
    return rc;
}

static PyMethodDef pickler_methods[] = {
    {"dump", pickler_dump, METH_O,
     "dump($self, obj, /)\n--\n\n"
     "Write a pickled representation of the given object to the open file."},
    {"clear_memo", pickler_clear_memo, METH_NOARGS,
     "clear_memo($self, /)\n--\n\n"
     "Clears the pickler's \"memo\"."},
    {"persistent_id", pickler_persistent_id, METH_O,
     "persistent_id($self, obj, /)\n--\n\n"
     "The persistent id of obj, or None to pickle it as usual."},
    {"__sizeof__", pickler_sizeof, METH_NOARGS,
     "__sizeof__($self, /)\n--\n\nReturns size in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef pickler_members[] = {
    {"bin", Py_T_INT, offsetof(PicklerObject, bin), 0, NULL},
    {"fast", Py_T_INT, offsetof(PicklerObject, fast), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef pickler_getset[] = {
    {"memo", pickler_get_memo, pickler_set_memo, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject _PyPickler_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_pickle.Pickler",
    .tp_basicsize = sizeof(PicklerObject),
    .tp_dealloc = pickler_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC
                | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Pickler(file, protocol=None, fix_imports=True, "
              "buffer_callback=None)\n--\n\n"
              "This takes a binary file for writing a pickle data stream.",
    .tp_traverse = pickler_traverse,
    .tp_clear = pickler_clear,
    .tp_methods = pickler_methods,
    .tp_members = pickler_members,
    .tp_getset = pickler_getset,
    .tp_dictoffset = offsetof(PicklerObject, dict),
    .tp_init = pickler_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = pickler_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- module functions ---- */

PyObject *
_Py_pickle_dump(PyObject *module, PyObject *args, PyObject *kwargs)
{
    (void)module;
    static char *kwlist[] = {"obj", "file", "protocol", "fix_imports",
                             "buffer_callback", NULL};
    PyObject *obj, *file, *protocol = Py_None, *buffer_callback = Py_None;
    int fix_imports = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OO|O$pO:dump", kwlist,
                                     &obj, &file, &protocol, &fix_imports,
                                     &buffer_callback)) {
        return NULL;
    }
    PicklerObject *p = (PicklerObject *)pickler_new(&_PyPickler_Type, NULL,
                                                    NULL);
    if (p == NULL) {
        return NULL;
    }
    int rc = pickler_setup(p, file, protocol, fix_imports, buffer_callback);
    if (rc == 0) {
        rc = pickler_run(p, obj);
    }
    Py_DECREF(p);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

PyObject *
_Py_pickle_dumps(PyObject *module, PyObject *args, PyObject *kwargs)
{
    (void)module;
    static char *kwlist[] = {"obj", "protocol", "fix_imports",
                             "buffer_callback", NULL};
    PyObject *obj, *protocol = Py_None, *buffer_callback = Py_None;
    int fix_imports = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|O$pO:dumps", kwlist,
                                     &obj, &protocol, &fix_imports,
                                     &buffer_callback)) {
        return NULL;
    }
    PicklerObject *p = (PicklerObject *)pickler_new(&_PyPickler_Type, NULL,
                                                    NULL);
    if (p == NULL) {
        return NULL;
    }
    PyObject *result = NULL;
    if (pickler_setup(p, NULL, protocol, fix_imports, buffer_callback) == 0
        && pickler_run(p, obj) == 0) {
        result = PyBytes_FromStringAndSize(p->out, p->out_len);
    }
    Py_DECREF(p);
    return result;
}
