/* The marshal format and the marshal module (Include/marshal.h).

   Every value but a code object is written as CPython writes it, byte
   for byte: a type byte (with FLAG_REF set when later occurrences of the
   same object may refer back to it), then the payload, integers being
   little-endian.  Code objects are written field by field in Weft's own
   layout (Include/cpython/code.h).

   Versions: 0 writes floats as text; 2 writes them as IEEE doubles;
   3 adds back-references and interned strings; 4 adds the compact
   ASCII-string and small-tuple forms; 5 adds slices.

   Thread safety: a writer or reader is private to the calling thread.
   Mutable containers (list, dict, set) are copied into a private list
   before their items are written, so a container mutated by another
   thread meanwhile yields one consistent snapshot and never a crash;
   everything else written is immutable. */
#include "Python.h"
#include "marshal.h"
#include "pycore_code.h"
#include "pycore_long.h"

#include <string.h>

#ifndef PyDoc_STRVAR
#  define PyDoc_STRVAR(name, text) static const char name[] = text
#endif

/* Deeper nesting than this is refused on both sides, so hostile input
   cannot exhaust the C stack. */
#define MAX_MARSHAL_STACK_DEPTH 2000

#define TYPE_NULL               '0'
#define TYPE_NONE               'N'
#define TYPE_FALSE              'F'
#define TYPE_TRUE               'T'
#define TYPE_STOPITER           'S'
#define TYPE_ELLIPSIS           '.'
#define TYPE_INT                'i'
#define TYPE_INT64              'I'     /* read only, for old data */
#define TYPE_FLOAT              'f'
#define TYPE_BINARY_FLOAT       'g'
#define TYPE_COMPLEX            'x'
#define TYPE_BINARY_COMPLEX     'y'
#define TYPE_LONG               'l'
#define TYPE_STRING             's'
#define TYPE_INTERNED           't'
#define TYPE_REF                'r'
#define TYPE_TUPLE              '('
#define TYPE_LIST               '['
#define TYPE_DICT               '{'
#define TYPE_CODE               'c'
#define TYPE_UNICODE            'u'
#define TYPE_UNKNOWN            '?'
#define TYPE_SET                '<'
#define TYPE_FROZENSET          '>'
#define TYPE_ASCII              'a'
#define TYPE_ASCII_INTERNED     'A'
#define TYPE_SMALL_TUPLE        ')'
#define TYPE_SHORT_ASCII        'z'
#define TYPE_SHORT_ASCII_INTERNED 'Z'
#define TYPE_SLICE              ':'
#define FLAG_REF                0x80

#define SIZE32_MAX 0x7FFFFFFF

/* Big ints travel as base 2**15 digits whatever the native digit size. */
#define MARSHAL_SHIFT 15
#define MARSHAL_MASK ((1 << MARSHAL_SHIFT) - 1)

/* ======================================================================
   Writing
   ====================================================================== */

/* Identity map from the objects already written with FLAG_REF to their
   reference index.  Keys are strong references so that no object can
   die and have its address reused while the writer runs. */
typedef struct {
    PyObject *key;              /* NULL: free slot */
    Py_ssize_t index;
} ref_slot;

typedef struct {
    ref_slot *slots;
    size_t mask;                /* capacity - 1 (a power of two) */
    Py_ssize_t used;
} ref_map;

enum write_error {
    WFERR_OK = 0,
    WFERR_UNMARSHALLABLE,
    WFERR_NESTEDTOODEEP,
    WFERR_NOMEMORY,
    WFERR_CODE_NOT_ALLOWED,
    WFERR_EXCEPTION,            /* a Python exception is already set */
};

typedef struct {
    char *buf;                  /* PyMem_Malloc'ed output */
    Py_ssize_t len;
    Py_ssize_t cap;
    enum write_error error;
    int depth;
    int version;
    int allow_code;
    ref_map refs;               /* used when version >= 3 */
    /* Sort keys of tuples and frozensets found in sets: {id: (object,
       bytes)}, shared with the writers that compute keys, so nested sets
       cost linear, not exponential, time.  Owned by the outermost
       writer; NULL until needed. */
    PyObject *sort_keys;
} writer;

static size_t
ref_hash(PyObject *obj)
{
    size_t x = (size_t)obj;
    /* Objects are 16-byte aligned: fold the high bits in. */
    return (x >> 4) ^ (x >> 20);
}

static ref_slot *
ref_find(ref_map *map, PyObject *obj)
{
    size_t i = ref_hash(obj) & map->mask;
    while (map->slots[i].key != NULL && map->slots[i].key != obj) {
        i = (i + 1) & map->mask;
    }
    return &map->slots[i];
}

/* Keep the table at most half full: 0, or -1 when out of memory. */
static int
ref_grow(ref_map *map)
{
    if (map->slots != NULL && (size_t)map->used * 2 < map->mask + 1) {
        return 0;
    }
    size_t old_cap = map->slots == NULL ? 0 : map->mask + 1;
    size_t new_cap = old_cap == 0 ? 64 : old_cap * 2;
    ref_slot *old = map->slots;
    map->slots = PyMem_Calloc(new_cap, sizeof(ref_slot));
    if (map->slots == NULL) {
        map->slots = old;
        return -1;
    }
    map->mask = new_cap - 1;
    for (size_t i = 0; i < old_cap; i++) {
        if (old[i].key != NULL) {
            *ref_find(map, old[i].key) = old[i];
        }
    }
    PyMem_Free(old);
    return 0;
}

static void
ref_map_clear(ref_map *map)
{
    if (map->slots != NULL) {
        for (size_t i = 0; i <= map->mask; i++) {
            Py_XDECREF(map->slots[i].key);
        }
        PyMem_Free(map->slots);
    }
    map->slots = NULL;
    map->used = 0;
}

static int
w_reserve(writer *w, Py_ssize_t n)
{
    if (w->len + n <= w->cap) {
        return 0;
    }
    Py_ssize_t cap = w->cap < 64 ? 64 : w->cap;
    while (cap < w->len + n) {
        if (cap > PY_SSIZE_T_MAX / 2) {
            w->error = WFERR_NOMEMORY;
            return -1;
        }
        cap *= 2;
    }
    char *buf = PyMem_Realloc(w->buf, (size_t)cap);
    if (buf == NULL) {
        w->error = WFERR_NOMEMORY;
        return -1;
    }
    w->buf = buf;
    w->cap = cap;
    return 0;
}

static void
w_bytes(writer *w, const void *data, Py_ssize_t n)
{
    if (w->error == WFERR_OK && w_reserve(w, n) == 0) {
        memcpy(w->buf + w->len, data, (size_t)n);
        w->len += n;
    }
}

static void
w_byte(writer *w, int c)
{
    unsigned char b = (unsigned char)c;
    w_bytes(w, &b, 1);
}

static void
w_long(writer *w, long x)
{
    unsigned char b[4];
    for (int i = 0; i < 4; i++) {
        b[i] = (unsigned char)((unsigned long)x >> (8 * i));
    }
    w_bytes(w, b, 4);
}

static void
w_short(writer *w, int x)
{
    unsigned char b[2] = {(unsigned char)x, (unsigned char)(x >> 8)};
    w_bytes(w, b, 2);
}

/* A 4-byte length; lengths past 2**31-1 cannot be represented. */
static void
w_size(writer *w, Py_ssize_t n)
{
    if (n > SIZE32_MAX) {
        w->error = WFERR_UNMARSHALLABLE;
        return;
    }
    w_long(w, (long)n);
}

static void
w_pstring(writer *w, const char *data, Py_ssize_t n)
{
    w_size(w, n);
    w_bytes(w, data, n);
}

static void
w_short_pstring(writer *w, const char *data, Py_ssize_t n)
{
    w_byte(w, (int)n);
    w_bytes(w, data, n);
}

static void w_object(writer *w, PyObject *v, Py_ssize_t extra);

/* The back-reference protocol (version >= 3).  `extra` counts the
   references the writer itself holds on v for the moment, so that an
   object referenced only by its container is, as in CPython, written
   without FLAG_REF.  Returns 1 when v was written as a TYPE_REF, else 0
   with *flag set to FLAG_REF when v was entered in the table. */
static int
w_ref(writer *w, PyObject *v, Py_ssize_t extra, int *flag)
{
    if (w->version < 3 || Py_REFCNT(v) - extra <= 1) {
        return 0;
    }
    if (w->refs.slots != NULL) {
        ref_slot *slot = ref_find(&w->refs, v);
        if (slot->key != NULL) {
            if (slot->index > SIZE32_MAX) {
                w->error = WFERR_UNMARSHALLABLE;
                return 1;
            }
            w_byte(w, TYPE_REF);
            w_long(w, (long)slot->index);
            return 1;
        }
    }
    if (ref_grow(&w->refs) < 0) {
        w->error = WFERR_NOMEMORY;
        return 1;
    }
    ref_slot *slot = ref_find(&w->refs, v);
    slot->key = Py_NewRef(v);
    slot->index = w->refs.used++;
    *flag = FLAG_REF;
    return 0;
}

static void
w_float_bin(writer *w, double x)
{
    char b[8];
    if (PyFloat_Pack8(x, b, 1) < 0) {
        w->error = WFERR_EXCEPTION;
        return;
    }
    w_bytes(w, b, 8);
}

/* Version 0/1 floats: repr with 17 significant digits, 1-byte length. */
static void
w_float_str(writer *w, double x)
{
    char *text = PyOS_double_to_string(x, 'g', 17, 0, NULL);
    if (text == NULL) {
        w->error = WFERR_EXCEPTION;
        return;
    }
    Py_ssize_t n = (Py_ssize_t)strlen(text);
    w_short_pstring(w, text, n);
    PyMem_Free(text);
}

/* An int outside the 32-bit range: signed count of base 2**15 digits,
   then the digits, least significant first. */
static void
w_long_object(writer *w, PyObject *v, int flag)
{
    int64_t nbits = _PyLong_NumBits(v);
    int64_t ndigits = (nbits + MARSHAL_SHIFT - 1) / MARSHAL_SHIFT;
    if (ndigits > SIZE32_MAX) {
        w->error = WFERR_UNMARSHALLABLE;
        return;
    }
    PyObject *magnitude = PyNumber_Absolute(v);
    size_t nbytes = (size_t)((nbits + 7) / 8);
    unsigned char *bytes = PyMem_Malloc(nbytes + 1);
    if (magnitude == NULL || bytes == NULL
            || _PyLong_AsByteArray((PyLongObject *)magnitude, bytes, nbytes,
                                   1, 0, 1) < 0) {
        Py_XDECREF(magnitude);
        PyMem_Free(bytes);
        w->error = PyErr_Occurred() ? WFERR_EXCEPTION : WFERR_NOMEMORY;
        return;
    }
    Py_DECREF(magnitude);
    w_byte(w, TYPE_LONG | flag);
    w_long(w, (long)(_PyLong_Sign(v) < 0 ? -ndigits : ndigits));
    uint32_t acc = 0;
    int bits = 0;
    size_t next = 0;
    for (int64_t i = 0; i < ndigits; i++) {
        while (bits < MARSHAL_SHIFT && next < nbytes) {
            acc |= (uint32_t)bytes[next++] << bits;
            bits += 8;
        }
        w_short(w, (int)(acc & MARSHAL_MASK));
        acc >>= MARSHAL_SHIFT;
        bits = bits > MARSHAL_SHIFT ? bits - MARSHAL_SHIFT : 0;
    }
    PyMem_Free(bytes);
}

static void
w_int(writer *w, PyObject *v, int flag)
{
    int overflow;
    long x = PyLong_AsLongAndOverflow(v, &overflow);
    if (overflow || x < -0x80000000L || x > 0x7FFFFFFFL) {
        w_long_object(w, v, flag);
        return;
    }
    w_byte(w, TYPE_INT | flag);
    w_long(w, x);
}

static void
w_float(writer *w, PyObject *v, int flag)
{
    double x = PyFloat_AS_DOUBLE(v);
    if (w->version > 1) {
        w_byte(w, TYPE_BINARY_FLOAT | flag);
        w_float_bin(w, x);
    }
    else {
        w_byte(w, TYPE_FLOAT | flag);
        w_float_str(w, x);
    }
}

static void
w_complex(writer *w, PyObject *v, int flag)
{
    Py_complex c = PyComplex_AsCComplex(v);
    if (w->version > 1) {
        w_byte(w, TYPE_BINARY_COMPLEX | flag);
        w_float_bin(w, c.real);
        w_float_bin(w, c.imag);
    }
    else {
        w_byte(w, TYPE_COMPLEX | flag);
        w_float_str(w, c.real);
        w_float_str(w, c.imag);
    }
}

static void
w_str(writer *w, PyObject *v, int flag)
{
    /* CPython's empty string is always interned; Weft's singleton is not
       marked so, but must marshal the same way. */
    int interned = PyUnicode_CHECK_INTERNED(v) != 0
                   || PyUnicode_GET_LENGTH(v) == 0;
    if (w->version >= 4 && PyUnicode_IS_ASCII(v)) {
        const char *data = (const char *)PyUnicode_DATA(v);
        Py_ssize_t n = PyUnicode_GET_LENGTH(v);
        if (n < 256) {
            w_byte(w, (interned ? TYPE_SHORT_ASCII_INTERNED
                                : TYPE_SHORT_ASCII) | flag);
            w_short_pstring(w, data, n);
        }
        else {
            w_byte(w, (interned ? TYPE_ASCII_INTERNED : TYPE_ASCII) | flag);
            w_pstring(w, data, n);
        }
        return;
    }
    PyObject *utf8 = PyUnicode_AsEncodedString(v, "utf-8", "surrogatepass");
    if (utf8 == NULL) {
        w->error = WFERR_EXCEPTION;
        return;
    }
    w_byte(w, (w->version >= 3 && interned ? TYPE_INTERNED : TYPE_UNICODE)
              | flag);
    w_pstring(w, PyBytes_AS_STRING(utf8), PyBytes_GET_SIZE(utf8));
    Py_DECREF(utf8);
}

static void
w_tuple(writer *w, PyObject *v, int flag)
{
    Py_ssize_t n = PyTuple_GET_SIZE(v);
    if (w->version >= 4 && n < 256) {
        w_byte(w, TYPE_SMALL_TUPLE | flag);
        w_byte(w, (int)n);
    }
    else {
        w_byte(w, TYPE_TUPLE | flag);
        w_size(w, n);
    }
    /* A tuple is immutable and keeps its items alive: borrowed. */
    for (Py_ssize_t i = 0; i < n && w->error == WFERR_OK; i++) {
        w_object(w, PyTuple_GET_ITEM(v, i), 0);
    }
}

static void
w_list(writer *w, PyObject *v, int flag)
{
    /* The snapshot holds one reference to each item: extra = 1. */
    PyObject *items = PySequence_Tuple(v);
    if (items == NULL) {
        w->error = WFERR_EXCEPTION;
        return;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(items);
    w_byte(w, TYPE_LIST | flag);
    w_size(w, n);
    for (Py_ssize_t i = 0; i < n && w->error == WFERR_OK; i++) {
        w_object(w, PyTuple_GET_ITEM(items, i), 1);
    }
    Py_DECREF(items);
}

static void
w_dict(writer *w, PyObject *v, int flag)
{
    /* A list of (key, value) pairs: one extra reference to each. */
    PyObject *items = PyDict_Items(v);
    if (items == NULL) {
        w->error = WFERR_EXCEPTION;
        return;
    }
    w_byte(w, TYPE_DICT | flag);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items); i++) {
        PyObject *pair = PyList_GET_ITEM(items, i);
        w_object(w, PyTuple_GET_ITEM(pair, 0), 1);
        w_object(w, PyTuple_GET_ITEM(pair, 1), 1);
        if (w->error != WFERR_OK) {
            break;
        }
    }
    w_byte(w, TYPE_NULL);
    Py_DECREF(items);
}

static PyObject *dump_with(writer *parent, PyObject *v, Py_ssize_t extra);

/* The sort key of a set item: its own marshalled bytes (new reference),
   or NULL with an exception.  While it is computed the item is
   referenced by the set and by the caller's snapshot: extra = 1, as in
   CPython's own pass. */
static PyObject *
set_item_key(writer *w, PyObject *item)
{
    if (!PyTuple_CheckExact(item) && !PyFrozenSet_CheckExact(item)) {
        return dump_with(w, item, 1);
    }
    if (w->sort_keys == NULL && (w->sort_keys = PyDict_New()) == NULL) {
        return NULL;
    }
    PyObject *id = PyLong_FromVoidPtr(item);
    if (id == NULL) {
        return NULL;
    }
    PyObject *entry = PyDict_GetItemWithError(w->sort_keys, id);
    if (entry != NULL) {
        Py_DECREF(id);
        return Py_NewRef(PyTuple_GET_ITEM(entry, 1));
    }
    PyObject *dump = PyErr_Occurred() ? NULL : dump_with(w, item, 1);
    entry = dump == NULL ? NULL : PyTuple_Pack(2, item, dump);
    int rc = entry == NULL ? -1 : PyDict_SetItem(w->sort_keys, id, entry);
    Py_XDECREF(entry);
    Py_DECREF(id);
    if (rc < 0) {
        Py_XDECREF(dump);
        return NULL;
    }
    return dump;
}

/* Set items are written in the order of their own marshalled bytes, so
   that equal sets always marshal identically (as CPython 3.11+).  The
   sort compares (bytes, position) pairs: ties never reach the items, so
   no Python code runs. */
static void
w_set(writer *w, PyObject *v, int flag)
{
    PyObject *items = PySequence_List(v);
    if (items == NULL) {
        w->error = WFERR_EXCEPTION;
        return;
    }
    Py_ssize_t n = PyList_GET_SIZE(items);
    /* One item needs no sorting (nor keys: a chain of one-item
       frozensets would otherwise be dumped once per level). */
    PyObject *keys = PyList_New(n);
    for (Py_ssize_t i = 0; keys != NULL && i < n; i++) {
        PyObject *dump = n < 2 ? PyBytes_FromStringAndSize(NULL, 0)
                         : set_item_key(w, PyList_GET_ITEM(items, i));
        PyObject *key = dump == NULL ? NULL : Py_BuildValue("(Nn)", dump, i);
        if (key == NULL) {
            Py_CLEAR(keys);
            break;
        }
        PyList_SET_ITEM(keys, i, key);
    }
    if (keys == NULL || PyList_Sort(keys) < 0) {
        Py_XDECREF(keys);
        Py_DECREF(items);
        w->error = WFERR_EXCEPTION;
        return;
    }
    w_byte(w, (PyFrozenSet_CheckExact(v) ? TYPE_FROZENSET : TYPE_SET) | flag);
    w_size(w, n);
    /* CPython holds each item in its sort pair while writing it, which
       counts as a genuine extra reference: extra = 0 here. */
    for (Py_ssize_t i = 0; i < n && w->error == WFERR_OK; i++) {
        Py_ssize_t pos = PyLong_AsSsize_t(
            PyTuple_GET_ITEM(PyList_GET_ITEM(keys, i), 1));
        w_object(w, PyList_GET_ITEM(items, pos), 0);
    }
    Py_DECREF(keys);
    Py_DECREF(items);
}

/* Weft's code layout: the fields _PyCode_New takes, in this order. */
static void
w_code(writer *w, PyCodeObject *co, int flag)
{
    if (!w->allow_code) {
        w->error = WFERR_CODE_NOT_ALLOWED;
        return;
    }
    PyObject *bytecode = PyCode_GetCode(co);
    if (bytecode == NULL) {
        w->error = WFERR_EXCEPTION;
        return;
    }
    w_byte(w, TYPE_CODE | flag);
    w_long(w, co->co_argcount);
    w_long(w, co->co_posonlyargcount);
    w_long(w, co->co_kwonlyargcount);
    w_long(w, co->co_stacksize);
    w_long(w, co->co_flags);
    /* `bytecode` is our reference besides the code's cache. */
    w_object(w, bytecode, 1);
    w_object(w, co->co_consts, 0);
    w_object(w, co->co_names, 0);
    w_object(w, co->co_localsplusnames, 0);
    w_object(w, co->co_localspluskinds, 0);
    w_object(w, co->co_filename, 0);
    w_object(w, co->co_name, 0);
    w_object(w, co->co_qualname, 0);
    w_long(w, co->co_firstlineno);
    w_object(w, co->co_linetable, 0);
    w_object(w, co->co_exceptiontable, 0);
    Py_DECREF(bytecode);
}

static void
w_slice(writer *w, PyObject *v, int flag)
{
    if (w->version < 5) {
        w->error = WFERR_UNMARSHALLABLE;
        return;
    }
    PySliceObject *slice = (PySliceObject *)v;
    w_byte(w, TYPE_SLICE | flag);
    w_object(w, slice->start, 0);
    w_object(w, slice->stop, 0);
    w_object(w, slice->step, 0);
}

/* Other bytes-like objects (bytearray, memoryview, bytes subclasses)
   are written as bytes. */
static void
w_buffer(writer *w, PyObject *v, int flag)
{
    Py_buffer view;
    if (PyObject_GetBuffer(v, &view, PyBUF_SIMPLE) < 0) {
        w->error = WFERR_EXCEPTION;
        return;
    }
    w_byte(w, TYPE_STRING | flag);
    w_pstring(w, (const char *)view.buf, view.len);
    PyBuffer_Release(&view);
}

static void
w_complex_object(writer *w, PyObject *v, int flag)
{
    if (PyLong_CheckExact(v)) {
        w_int(w, v, flag);
    }
    else if (PyFloat_CheckExact(v)) {
        w_float(w, v, flag);
    }
    else if (PyComplex_CheckExact(v)) {
        w_complex(w, v, flag);
    }
    else if (PyBytes_CheckExact(v)) {
        w_byte(w, TYPE_STRING | flag);
        w_pstring(w, PyBytes_AS_STRING(v), PyBytes_GET_SIZE(v));
    }
    else if (PyUnicode_CheckExact(v)) {
        w_str(w, v, flag);
    }
    else if (PyTuple_CheckExact(v)) {
        w_tuple(w, v, flag);
    }
    else if (PyList_CheckExact(v)) {
        w_list(w, v, flag);
    }
    else if (PyDict_CheckExact(v)) {
        w_dict(w, v, flag);
    }
    else if (PyAnySet_CheckExact(v)) {
        w_set(w, v, flag);
    }
    else if (PyCode_Check(v)) {
        w_code(w, (PyCodeObject *)v, flag);
    }
    else if (PySlice_Check(v)) {
        w_slice(w, v, flag);
    }
    else if (PyObject_CheckBuffer(v)) {
        w_buffer(w, v, flag);
    }
    else {
        w_byte(w, TYPE_UNKNOWN);
        w->error = WFERR_UNMARSHALLABLE;
    }
}

static void
w_object(writer *w, PyObject *v, Py_ssize_t extra)
{
    if (w->error != WFERR_OK) {
        return;
    }
    if (++w->depth > MAX_MARSHAL_STACK_DEPTH) {
        w->error = WFERR_NESTEDTOODEEP;
    }
    else if (v == NULL) {
        w_byte(w, TYPE_NULL);
    }
    else if (v == Py_None) {
        w_byte(w, TYPE_NONE);
    }
    else if (v == PyExc_StopIteration) {
        w_byte(w, TYPE_STOPITER);
    }
    else if (v == Py_Ellipsis) {
        w_byte(w, TYPE_ELLIPSIS);
    }
    else if (v == Py_False) {
        w_byte(w, TYPE_FALSE);
    }
    else if (v == Py_True) {
        w_byte(w, TYPE_TRUE);
    }
    else {
        int flag = 0;
        if (!w_ref(w, v, extra, &flag)) {
            w_complex_object(w, v, flag);
        }
    }
    w->depth--;
}

/* Turn a writer's error into the Python exception CPython raises. */
static void
set_write_error(enum write_error error)
{
    switch (error) {
    case WFERR_NOMEMORY:
        PyErr_NoMemory();
        break;
    case WFERR_UNMARSHALLABLE:
        PyErr_SetString(PyExc_ValueError, "unmarshallable object");
        break;
    case WFERR_NESTEDTOODEEP:
        PyErr_SetString(PyExc_ValueError,
                        "object too deeply nested to marshal");
        break;
    case WFERR_CODE_NOT_ALLOWED:
        PyErr_SetString(PyExc_ValueError,
                        "marshalling code objects is disallowed");
        break;
    case WFERR_EXCEPTION:
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "marshal: lost exception");
        }
        break;
    case WFERR_OK:
        break;
    }
}

/* Run writer w over v: a new bytes object, or NULL with an exception.
   `extra`: references to v the caller holds beyond the ones that make it
   shared (see w_ref).  Clears w's tables, not its sort keys. */
static PyObject *
run_writer(writer *w, PyObject *v, Py_ssize_t extra)
{
    w_object(w, v, extra);
    ref_map_clear(&w->refs);
    PyObject *result = NULL;
    if (w->error != WFERR_OK) {
        set_write_error(w->error);
    }
    else {
        result = PyBytes_FromStringAndSize(w->buf, w->len);
    }
    PyMem_Free(w->buf);
    return result;
}

/* v marshalled on its own (a set item's sort key), by a writer that
   starts at parent's depth, so nesting stays bounded across both, and
   shares parent's sort keys. */
static PyObject *
dump_with(writer *parent, PyObject *v, Py_ssize_t extra)
{
    writer w;
    memset(&w, 0, sizeof(w));
    w.depth = parent->depth;
    w.version = parent->version;
    w.allow_code = parent->allow_code;
    w.sort_keys = parent->sort_keys;
    PyObject *result = run_writer(&w, v, extra);
    if (parent->sort_keys == NULL) {
        parent->sort_keys = w.sort_keys;    /* created below: adopt it */
    }
    return result;
}

/* v marshalled by a new outermost writer. */
static PyObject *
dump_object(PyObject *v, int version, int allow_code, Py_ssize_t extra)
{
    writer w;
    memset(&w, 0, sizeof(w));
    w.version = version;
    w.allow_code = allow_code;
    PyObject *result = run_writer(&w, v, extra);
    Py_XDECREF(w.sort_keys);
    return result;
}

PyObject *
PyMarshal_WriteObjectToString(PyObject *x, int version)
{
    return dump_object(x, version, 1, 0);
}

void
PyMarshal_WriteObjectToFile(PyObject *x, FILE *fp, int version)
{
    PyObject *data = dump_object(x, version, 1, 0);
    if (data == NULL) {
        return;
    }
    if (fwrite(PyBytes_AS_STRING(data), 1, (size_t)PyBytes_GET_SIZE(data),
               fp) != (size_t)PyBytes_GET_SIZE(data)) {
        PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_DECREF(data);
}

void
PyMarshal_WriteLongToFile(long x, FILE *fp, int version)
{
    (void)version;
    unsigned char b[4];
    for (int i = 0; i < 4; i++) {
        b[i] = (unsigned char)((unsigned long)x >> (8 * i));
    }
    if (fwrite(b, 1, 4, fp) != 4) {
        PyErr_SetFromErrno(PyExc_OSError);
    }
}

/* ======================================================================
   Reading
   ====================================================================== */

/* Exactly one of three sources: a memory range (ptr != NULL), a C FILE,
   or a Python file object with readinto() or read(). */
typedef struct {
    const unsigned char *ptr;
    const unsigned char *end;
    FILE *fp;
    PyObject *readable;
    /* File sources: the bytes of the last r_bytes call (PyMem). */
    unsigned char *scratch;
    Py_ssize_t scratch_cap;
    /* Objects read with FLAG_REF, by index; NULL while one is still
       being built (a reference to it then is invalid).  Strong refs. */
    PyObject **refs;
    Py_ssize_t nrefs;
    Py_ssize_t refs_cap;
    int depth;
    int allow_code;
} reader;

static void
set_eof(const char *message)
{
    PyErr_SetString(PyExc_EOFError, message);
}

static int
scratch_reserve(reader *r, Py_ssize_t n)
{
    if (n <= r->scratch_cap) {
        return 0;
    }
    Py_ssize_t cap = r->scratch_cap < 256 ? 256 : r->scratch_cap;
    while (cap < n) {
        cap = cap > PY_SSIZE_T_MAX / 2 ? n : cap * 2;
    }
    unsigned char *buf = PyMem_Realloc(r->scratch, (size_t)cap);
    if (buf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    r->scratch = buf;
    r->scratch_cap = cap;
    return 0;
}

/* Read up to n bytes from the Python file object into dst: the count
   read (0 at EOF), or -1 with an exception. */
static Py_ssize_t
read_from_file_object(reader *r, unsigned char *dst, Py_ssize_t n)
{
    PyObject *result;
    int has_readinto = PyObject_HasAttrString(r->readable, "readinto");
    if (has_readinto) {
        PyObject *view = PyMemoryView_FromMemory((char *)dst, n, PyBUF_WRITE);
        if (view == NULL) {
            return -1;
        }
        result = PyObject_CallMethod(r->readable, "readinto", "O", view);
        /* Release the view so that a file object keeping it cannot
           write into our buffer later. */
        PyObject *released = PyObject_CallMethod(view, "release", NULL);
        if (released == NULL) {
            PyErr_Clear();
        }
        Py_XDECREF(released);
        Py_DECREF(view);
        if (result == NULL) {
            return -1;
        }
        Py_ssize_t got = PyLong_AsSsize_t(result);
        Py_DECREF(result);
        if (got == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (got > n || got < 0) {
            PyErr_Format(PyExc_ValueError,
                         "read() returned too much data: "
                         "%zd bytes requested, %zd returned", n, got);
            return -1;
        }
        return got;
    }
    result = PyObject_CallMethod(r->readable, "read", "n", n);
    if (result == NULL) {
        return -1;
    }
    if (!PyBytes_Check(result)) {
        PyErr_Format(PyExc_TypeError,
                     "file.read() returned not bytes but %.100s",
                     Py_TYPE(result)->tp_name);
        Py_DECREF(result);
        return -1;
    }
    Py_ssize_t got = PyBytes_GET_SIZE(result);
    if (got > n) {
        PyErr_Format(PyExc_ValueError,
                     "read() returned too much data: "
                     "%zd bytes requested, %zd returned", n, got);
        Py_DECREF(result);
        return -1;
    }
    memcpy(dst, PyBytes_AS_STRING(result), (size_t)got);
    Py_DECREF(result);
    return got;
}

/* n bytes from a file source, read in bounded chunks so that a huge
   length in corrupt data costs memory only as far as the file goes. */
static const unsigned char *
r_bytes_from_file(reader *r, Py_ssize_t n)
{
    static const unsigned char nothing[1] = {0};
    if (n == 0) {
        return nothing;
    }
    Py_ssize_t have = 0;
    while (have < n) {
        Py_ssize_t chunk = n - have < 65536 ? n - have : 65536;
        if (scratch_reserve(r, have + chunk) < 0) {
            return NULL;
        }
        Py_ssize_t got;
        if (r->fp != NULL) {
            got = (Py_ssize_t)fread(r->scratch + have, 1, (size_t)chunk,
                                    r->fp);
        }
        else {
            got = read_from_file_object(r, r->scratch + have, chunk);
            if (got < 0) {
                return NULL;
            }
        }
        if (got == 0) {
            set_eof("EOF read where not expected");
            return NULL;
        }
        have += got;
    }
    return r->scratch;
}

/* A pointer to the next n bytes (valid until the next read), or NULL
   with EOFError. */
static const unsigned char *
r_bytes(reader *r, Py_ssize_t n)
{
    if (r->ptr == NULL) {
        return r_bytes_from_file(r, n);
    }
    if (r->end - r->ptr < n) {
        set_eof("marshal data too short");
        return NULL;
    }
    const unsigned char *data = r->ptr;
    r->ptr += n;
    return data;
}

/* The next byte, or -1 at the end of the data (an exception is set only
   for a failure other than the end). */
static int
r_byte(reader *r)
{
    if (r->ptr != NULL) {
        return r->ptr < r->end ? *r->ptr++ : -1;
    }
    if (r->fp != NULL) {
        int c = getc(r->fp);
        return c == EOF ? -1 : c;
    }
    const unsigned char *data = r_bytes_from_file(r, 1);
    if (data == NULL) {
        if (PyErr_ExceptionMatches(PyExc_EOFError)) {
            PyErr_Clear();
        }
        return -1;
    }
    return data[0];
}

/* A signed 32-bit value; -1 with an exception set on failure. */
static long
r_long(reader *r)
{
    const unsigned char *b = r_bytes(r, 4);
    if (b == NULL) {
        return -1;
    }
    uint32_t x = (uint32_t)b[0] | (uint32_t)b[1] << 8 |
                 (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
    return (long)(int32_t)x;
}

static int
r_short(reader *r)
{
    const unsigned char *b = r_bytes(r, 2);
    if (b == NULL) {
        return -1;
    }
    return (int)(int16_t)(uint16_t)(b[0] | b[1] << 8);
}

/* A 4-byte size in [0, 2**31-1]: -1 with ValueError "bad marshal data
   (WHAT size out of range)" otherwise. */
static Py_ssize_t
r_size(reader *r, const char *what)
{
    long n = r_long(r);
    if (n == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (n < 0) {
        PyErr_Format(PyExc_ValueError,
                     "bad marshal data (%s size out of range)", what);
        return -1;
    }
    return (Py_ssize_t)n;
}

/* Reserve the next reference index for an object about to be built:
   the index, -1 when the object has no FLAG_REF, -2 on memory error. */
static Py_ssize_t
r_ref_reserve(reader *r, int flag)
{
    if (!flag) {
        return -1;
    }
    if (r->nrefs == r->refs_cap) {
        Py_ssize_t cap = r->refs_cap < 16 ? 16 : r->refs_cap * 2;
        PyObject **refs = PyMem_Realloc(r->refs,
                                        (size_t)cap * sizeof(PyObject *));
        if (refs == NULL) {
            PyErr_NoMemory();
            return -2;
        }
        r->refs = refs;
        r->refs_cap = cap;
    }
    r->refs[r->nrefs] = NULL;
    return r->nrefs++;
}

/* Fill a reserved index with v (borrowed; the table takes a reference).
   Returns v. */
static PyObject *
r_ref_insert(reader *r, PyObject *v, Py_ssize_t index)
{
    if (v != NULL && index >= 0) {
        r->refs[index] = Py_NewRef(v);
    }
    return v;
}

/* Register v at once (containers that may contain themselves). Returns
   v, or NULL (v released) on memory error. */
static PyObject *
r_ref(reader *r, PyObject *v, int flag)
{
    if (v == NULL || !flag) {
        return v;
    }
    Py_ssize_t index = r_ref_reserve(r, flag);
    if (index == -2) {
        Py_DECREF(v);
        return NULL;
    }
    return r_ref_insert(r, v, index);
}

static PyObject *r_object(reader *r);

/* The next object, which must not be TYPE_NULL: TypeError "NULL object
   in marshal data for WHAT" then. */
static PyObject *
r_item(reader *r, const char *what)
{
    PyObject *v = r_object(r);
    if (v == NULL && !PyErr_Occurred()) {
        PyErr_Format(PyExc_TypeError, "NULL object in marshal data for %s",
                     what);
    }
    return v;
}

static PyObject *
r_long_object(reader *r, int flag)
{
    long n = r_long(r);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (n < -SIZE32_MAX || n > SIZE32_MAX) {
        PyErr_SetString(PyExc_ValueError,
                        "bad marshal data (long size out of range)");
        return NULL;
    }
    Py_ssize_t ndigits = n < 0 ? -(Py_ssize_t)n : (Py_ssize_t)n;
    const unsigned char *raw = r_bytes(r, 2 * ndigits);
    if (raw == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < ndigits; i++) {
        if (raw[2 * i + 1] & 0x80) {
            PyErr_SetString(PyExc_ValueError,
                            "bad marshal data (digit out of range in long)");
            return NULL;
        }
    }
    if (ndigits > 0 && raw[2 * ndigits - 2] == 0
            && raw[2 * ndigits - 1] == 0) {
        PyErr_SetString(PyExc_ValueError,
                        "bad marshal data (unnormalized long data)");
        return NULL;
    }
    size_t nbytes = ((size_t)ndigits * MARSHAL_SHIFT + 7) / 8;
    unsigned char *bytes = PyMem_Malloc(nbytes + 1);
    if (bytes == NULL) {
        return PyErr_NoMemory();
    }
    uint32_t acc = 0;
    int bits = 0;
    size_t out = 0;
    for (Py_ssize_t i = 0; i < ndigits; i++) {
        acc |= (uint32_t)(raw[2 * i] | raw[2 * i + 1] << 8) << bits;
        bits += MARSHAL_SHIFT;
        while (bits >= 8) {
            bytes[out++] = (unsigned char)acc;
            acc >>= 8;
            bits -= 8;
        }
    }
    if (bits > 0) {
        bytes[out++] = (unsigned char)acc;
    }
    PyObject *v = _PyLong_FromByteArray(bytes, out, 1, 0);
    PyMem_Free(bytes);
    if (v != NULL && n < 0) {
        Py_SETREF(v, PyNumber_Negative(v));
    }
    return r_ref(r, v, flag);
}

static double
r_float_bin(reader *r)
{
    const unsigned char *b = r_bytes(r, 8);
    if (b == NULL) {
        return -1.0;
    }
    return PyFloat_Unpack8((const char *)b, 1);
}

/* A version 0/1 float: 1-byte length, then its repr. */
static double
r_float_str(reader *r)
{
    int n = r_byte(r);
    if (n < 0) {
        if (!PyErr_Occurred()) {
            set_eof("EOF read where not expected");
        }
        return -1.0;
    }
    const unsigned char *text = r_bytes(r, n);
    if (text == NULL) {
        return -1.0;
    }
    char buf[256];
    memcpy(buf, text, (size_t)n);
    buf[n] = '\0';
    return PyOS_string_to_double(buf, NULL, NULL);
}

static PyObject *
r_float(reader *r, int binary, int flag)
{
    double x = binary ? r_float_bin(r) : r_float_str(r);
    if (x == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    return r_ref(r, PyFloat_FromDouble(x), flag);
}

static PyObject *
r_complex(reader *r, int binary, int flag)
{
    Py_complex c;
    c.real = binary ? r_float_bin(r) : r_float_str(r);
    if (c.real == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    c.imag = binary ? r_float_bin(r) : r_float_str(r);
    if (c.imag == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    return r_ref(r, PyComplex_FromCComplex(c), flag);
}

/* Strings of every form.  `type` is the type byte without FLAG_REF. */
static PyObject *
r_str(reader *r, int type, int flag)
{
    Py_ssize_t n;
    if (type == TYPE_SHORT_ASCII || type == TYPE_SHORT_ASCII_INTERNED) {
        n = r_byte(r);
        if (n < 0) {
            if (!PyErr_Occurred()) {
                set_eof("EOF read where not expected");
            }
            return NULL;
        }
    }
    else {
        n = r_size(r, "string");
        if (n < 0) {
            return NULL;
        }
    }
    const unsigned char *data = r_bytes(r, n);
    if (data == NULL) {
        return NULL;
    }
    PyObject *v;
    if (type == TYPE_UNICODE || type == TYPE_INTERNED) {
        v = PyUnicode_DecodeUTF8((const char *)data, n, "surrogatepass");
    }
    else {
        /* "ASCII" data is taken as Latin-1, as CPython does, so any byte
           value gives a valid string. */
        v = PyUnicode_DecodeLatin1((const char *)data, n, NULL);
    }
    if (v != NULL && (type == TYPE_INTERNED || type == TYPE_ASCII_INTERNED
                      || type == TYPE_SHORT_ASCII_INTERNED)) {
        PyUnicode_InternInPlace(&v);
    }
    return r_ref(r, v, flag);
}

static PyObject *
r_bytes_object(reader *r, int flag)
{
    Py_ssize_t n = r_size(r, "bytes object");
    if (n < 0) {
        return NULL;
    }
    const unsigned char *data = r_bytes(r, n);
    if (data == NULL) {
        return NULL;
    }
    return r_ref(r, PyBytes_FromStringAndSize((const char *)data, n), flag);
}

/* Read n items and append them to list (grown one by one, so a huge n
   in corrupt data fails at the real end of the data, not in malloc). */
static int
r_items_into(reader *r, PyObject *list, Py_ssize_t n, const char *what)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = r_item(r, what);
        if (item == NULL) {
            return -1;
        }
        int rc = PyList_Append(list, item);
        Py_DECREF(item);
        if (rc < 0) {
            return -1;
        }
    }
    return 0;
}

static PyObject *
r_tuple(reader *r, int type, int flag)
{
    Py_ssize_t n;
    if (type == TYPE_SMALL_TUPLE) {
        n = r_byte(r);
        if (n < 0) {
            if (!PyErr_Occurred()) {
                set_eof("EOF read where not expected");
            }
            return NULL;
        }
    }
    else {
        n = r_size(r, "tuple");
        if (n < 0) {
            return NULL;
        }
    }
    Py_ssize_t index = r_ref_reserve(r, flag);
    if (index == -2) {
        return NULL;
    }
    /* Every item takes at least one byte, so a size the data can hold is
       safe to allocate at once; a larger one (corrupt data, or a file
       source) grows with what is actually read.  The tuple's reference
       slot stays empty until it is complete, so no one sees NULL items. */
    Py_ssize_t room = r->ptr != NULL ? r->end - r->ptr : 4096;
    PyObject *v;
    if (n <= room) {
        v = PyTuple_New(n);
        for (Py_ssize_t i = 0; v != NULL && i < n; i++) {
            PyObject *item = r_item(r, "tuple");
            if (item == NULL) {
                Py_CLEAR(v);
                break;
            }
            PyTuple_SET_ITEM(v, i, item);
        }
    }
    else {
        PyObject *items = PyList_New(0);
        if (items == NULL || r_items_into(r, items, n, "tuple") < 0) {
            Py_XDECREF(items);
            return NULL;
        }
        v = PyList_AsTuple(items);
        Py_DECREF(items);
    }
    return r_ref_insert(r, v, index);
}

static PyObject *
r_list(reader *r, int flag)
{
    Py_ssize_t n = r_size(r, "list");
    if (n < 0) {
        return NULL;
    }
    PyObject *v = r_ref(r, PyList_New(0), flag);
    if (v != NULL && r_items_into(r, v, n, "list") < 0) {
        Py_CLEAR(v);
    }
    return v;
}

/* Key/value pairs up to a TYPE_NULL key. */
static PyObject *
r_dict(reader *r, int flag)
{
    PyObject *v = r_ref(r, PyDict_New(), flag);
    if (v == NULL) {
        return NULL;
    }
    for (;;) {
        PyObject *key = r_object(r);
        if (key == NULL) {
            break;
        }
        PyObject *value = r_object(r);
        if (value == NULL) {
            Py_DECREF(key);
            break;
        }
        int rc = PyDict_SetItem(v, key, value);
        Py_DECREF(key);
        Py_DECREF(value);
        if (rc < 0) {
            break;
        }
    }
    if (PyErr_Occurred()) {
        Py_CLEAR(v);
    }
    return v;
}

static PyObject *
r_set(reader *r, int type, int flag)
{
    Py_ssize_t n = r_size(r, "set");
    if (n < 0) {
        return NULL;
    }
    int frozen = type == TYPE_FROZENSET;
    /* A set can be registered before its items; a frozenset exists only
       once they are all read. */
    Py_ssize_t index = -1;
    PyObject *set;
    if (frozen) {
        index = r_ref_reserve(r, flag);
        set = index == -2 ? NULL : PySet_New(NULL);
    }
    else {
        set = r_ref(r, PySet_New(NULL), flag);
    }
    for (Py_ssize_t i = 0; set != NULL && i < n; i++) {
        PyObject *item = r_item(r, "set");
        if (item == NULL || PySet_Add(set, item) < 0) {
            Py_XDECREF(item);
            Py_CLEAR(set);
            break;
        }
        Py_DECREF(item);
    }
    if (set == NULL || !frozen) {
        return set;
    }
    PyObject *v = PyFrozenSet_New(set);
    Py_DECREF(set);
    return r_ref_insert(r, v, index);
}

static PyObject *
r_slice(reader *r, int flag)
{
    Py_ssize_t index = r_ref_reserve(r, flag);
    if (index == -2) {
        return NULL;
    }
    PyObject *parts[3] = {NULL, NULL, NULL};
    PyObject *v = NULL;
    for (int i = 0; i < 3; i++) {
        parts[i] = r_item(r, "slice");
        if (parts[i] == NULL) {
            goto done;
        }
    }
    v = PySlice_New(parts[0], parts[1], parts[2]);
done:
    for (int i = 0; i < 3; i++) {
        Py_XDECREF(parts[i]);
    }
    return r_ref_insert(r, v, index);
}

/* A 32-bit field of a code object: 0, or -1 with an exception. */
static int
r_int_field(reader *r, int *out)
{
    long x = r_long(r);
    if (x == -1 && PyErr_Occurred()) {
        return -1;
    }
    *out = (int)x;
    return 0;
}

/* Advance *p past one location-table varint (bit 6: more bytes
   follow); 0, or -1 when it runs past end. */
static int
skip_varint(const uint8_t **p, const uint8_t *end)
{
    while (*p < end) {
        if ((*(*p)++ & 64) == 0) {
            return 0;
        }
    }
    return -1;
}

/* Every location-table entry lies inside the table, so that decoding
   it (tracebacks, co_lines) never reads past the bytes object. */
static int
linetable_ok(PyObject *table)
{
    const uint8_t *p = (const uint8_t *)PyBytes_AS_STRING(table);
    const uint8_t *end = p + PyBytes_GET_SIZE(table);
    while (p < end) {
        int code = (*p++ >> 3) & 15;
        int varints = 0, raw = 0;
        if (code == PY_CODE_LOCATION_INFO_LONG) {
            varints = 4;
        }
        else if (code == PY_CODE_LOCATION_INFO_NO_COLUMNS) {
            varints = 1;
        }
        else if (code >= PY_CODE_LOCATION_INFO_ONE_LINE0
                 && code != PY_CODE_LOCATION_INFO_NONE) {
            raw = 2;
        }
        else if (code < PY_CODE_LOCATION_INFO_ONE_LINE0) {
            raw = 1;
        }
        for (int i = 0; i < varints; i++) {
            if (skip_varint(&p, end) < 0) {
                return 0;
            }
        }
        if (end - p < raw) {
            return 0;
        }
        p += raw;
    }
    return 1;
}

/* Every exception-table entry is complete and its range and handler lie
   inside the bytecode (ncode units), so the VM never jumps outside. */
static int
exceptiontable_ok(PyObject *table, Py_ssize_t ncode)
{
    const uint8_t *p = (const uint8_t *)PyBytes_AS_STRING(table);
    const uint8_t *end = p + PyBytes_GET_SIZE(table);
    while (p < end) {
        long field[4];
        for (int i = 0; i < 4; i++) {
            if (p >= end) {
                return 0;
            }
            uint8_t byte = *p++;
            long value = byte & 63;
            while (byte & 64) {
                if (p >= end || value > (1L << 24)) {
                    return 0;
                }
                byte = *p++;
                value = (value << 6) | (byte & 63);
            }
            field[i] = value;
        }
        if (field[0] + field[1] > ncode || field[2] >= ncode) {
            return 0;
        }
    }
    return 1;
}

/* The parts of a code object that are decoded without bounds checks
   must be well formed; the constructor checks the rest. */
static int
code_tables_ok(struct _PyCodeConstructor *con)
{
    if (!PyBytes_Check(con->code) || !PyBytes_Check(con->linetable)
            || !PyBytes_Check(con->exceptiontable)) {
        return 1;       /* _PyCode_New reports the wrong types */
    }
    Py_ssize_t ncode = PyBytes_GET_SIZE(con->code) / 2;
    if (linetable_ok(con->linetable)
            && exceptiontable_ok(con->exceptiontable, ncode)) {
        return 1;
    }
    PyErr_SetString(PyExc_ValueError,
                    "bad marshal data (malformed code object tables)");
    return 0;
}

/* Weft's code layout (see w_code).  The constructor validates the field
   types and counts, and code_tables_ok the tables, so corrupt data
   yields ValueError, not a code object that crashes when inspected. */
static PyObject *
r_code(reader *r, int flag)
{
    if (!r->allow_code) {
        PyErr_SetString(PyExc_ValueError,
                        "unmarshalling code objects is disallowed");
        return NULL;
    }
    Py_ssize_t index = r_ref_reserve(r, flag);
    if (index == -2) {
        return NULL;
    }
    struct _PyCodeConstructor con;
    memset(&con, 0, sizeof(con));
    PyObject *v = NULL;
    const char *what = "code object";
    if (r_int_field(r, &con.argcount) < 0
            || r_int_field(r, &con.posonlyargcount) < 0
            || r_int_field(r, &con.kwonlyargcount) < 0
            || r_int_field(r, &con.stacksize) < 0
            || r_int_field(r, &con.flags) < 0
            || (con.code = r_item(r, what)) == NULL
            || (con.consts = r_item(r, what)) == NULL
            || (con.names = r_item(r, what)) == NULL
            || (con.localsplusnames = r_item(r, what)) == NULL
            || (con.localspluskinds = r_item(r, what)) == NULL
            || (con.filename = r_item(r, what)) == NULL
            || (con.name = r_item(r, what)) == NULL
            || (con.qualname = r_item(r, what)) == NULL
            || r_int_field(r, &con.firstlineno) < 0
            || (con.linetable = r_item(r, what)) == NULL
            || (con.exceptiontable = r_item(r, what)) == NULL) {
        goto done;
    }
    if (code_tables_ok(&con)) {
        v = (PyObject *)_PyCode_New(&con);
    }
done:
    Py_XDECREF(con.code);
    Py_XDECREF(con.consts);
    Py_XDECREF(con.names);
    Py_XDECREF(con.localsplusnames);
    Py_XDECREF(con.localspluskinds);
    Py_XDECREF(con.filename);
    Py_XDECREF(con.name);
    Py_XDECREF(con.qualname);
    Py_XDECREF(con.linetable);
    Py_XDECREF(con.exceptiontable);
    return r_ref_insert(r, v, index);
}

static PyObject *
r_backref(reader *r)
{
    long n = r_long(r);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (n < 0 || n >= r->nrefs || r->refs[n] == NULL) {
        PyErr_SetString(PyExc_ValueError,
                        "bad marshal data (invalid reference)");
        return NULL;
    }
    return Py_NewRef(r->refs[n]);
}

static PyObject *
r_int64(reader *r, int flag)
{
    const unsigned char *b = r_bytes(r, 8);
    if (b == NULL) {
        return NULL;
    }
    uint64_t x = 0;
    for (int i = 7; i >= 0; i--) {
        x = x << 8 | b[i];
    }
    return r_ref(r, PyLong_FromLongLong((long long)x), flag);
}

/* One object of any type: a new reference; NULL with an exception, or
   NULL without one for TYPE_NULL (the end of a dict). */
static PyObject *
r_object_body(reader *r, int code)
{
    int flag = code & FLAG_REF;
    int type = code & ~FLAG_REF;
    long x;
    switch (type) {
    case TYPE_NULL:
        return NULL;
    case TYPE_NONE:
        return Py_NewRef(Py_None);
    case TYPE_STOPITER:
        return Py_NewRef(PyExc_StopIteration);
    case TYPE_ELLIPSIS:
        return Py_NewRef(Py_Ellipsis);
    case TYPE_FALSE:
        return Py_NewRef(Py_False);
    case TYPE_TRUE:
        return Py_NewRef(Py_True);
    case TYPE_INT:
        x = r_long(r);
        if (x == -1 && PyErr_Occurred()) {
            return NULL;
        }
        return r_ref(r, PyLong_FromLong(x), flag);
    case TYPE_INT64:
        return r_int64(r, flag);
    case TYPE_LONG:
        return r_long_object(r, flag);
    case TYPE_FLOAT:
    case TYPE_BINARY_FLOAT:
        return r_float(r, type == TYPE_BINARY_FLOAT, flag);
    case TYPE_COMPLEX:
    case TYPE_BINARY_COMPLEX:
        return r_complex(r, type == TYPE_BINARY_COMPLEX, flag);
    case TYPE_STRING:
        return r_bytes_object(r, flag);
    case TYPE_UNICODE:
    case TYPE_INTERNED:
    case TYPE_ASCII:
    case TYPE_ASCII_INTERNED:
    case TYPE_SHORT_ASCII:
    case TYPE_SHORT_ASCII_INTERNED:
        return r_str(r, type, flag);
    case TYPE_TUPLE:
    case TYPE_SMALL_TUPLE:
        return r_tuple(r, type, flag);
    case TYPE_LIST:
        return r_list(r, flag);
    case TYPE_DICT:
        return r_dict(r, flag);
    case TYPE_SET:
    case TYPE_FROZENSET:
        return r_set(r, type, flag);
    case TYPE_SLICE:
        return r_slice(r, flag);
    case TYPE_CODE:
        return r_code(r, flag);
    case TYPE_REF:
        return r_backref(r);
    default:
        PyErr_SetString(PyExc_ValueError,
                        "bad marshal data (unknown type code)");
        return NULL;
    }
}

static PyObject *
r_object(reader *r)
{
    int code = r_byte(r);
    if (code < 0) {
        if (!PyErr_Occurred()) {
            set_eof("EOF read where object expected");
        }
        return NULL;
    }
    if (++r->depth > MAX_MARSHAL_STACK_DEPTH) {
        r->depth--;
        PyErr_SetString(PyExc_ValueError, "recursion limit exceeded");
        return NULL;
    }
    PyObject *v = r_object_body(r, code);
    r->depth--;
    return v;
}

static void
reader_clear(reader *r)
{
    for (Py_ssize_t i = 0; i < r->nrefs; i++) {
        Py_XDECREF(r->refs[i]);
    }
    PyMem_Free(r->refs);
    PyMem_Free(r->scratch);
}

/* The top-level object of a prepared reader (cleared here). */
static PyObject *
read_object(reader *r)
{
    PyObject *v = r_object(r);
    if (v == NULL && !PyErr_Occurred()) {
        PyErr_SetString(PyExc_TypeError,
                        "NULL object in marshal data for object");
    }
    reader_clear(r);
    return v;
}

static PyObject *
load_from_memory(const char *data, Py_ssize_t len, int allow_code)
{
    reader r;
    memset(&r, 0, sizeof(r));
    /* A non-NULL pointer marks the memory source even when len is 0. */
    static const unsigned char empty[1] = {0};
    r.ptr = len > 0 ? (const unsigned char *)data : empty;
    r.end = r.ptr + len;
    r.allow_code = allow_code;
    return read_object(&r);
}

PyObject *
PyMarshal_ReadObjectFromString(const char *data, Py_ssize_t len)
{
    return load_from_memory(data, len, 1);
}

PyObject *
PyMarshal_ReadObjectFromFile(FILE *fp)
{
    reader r;
    memset(&r, 0, sizeof(r));
    r.fp = fp;
    r.allow_code = 1;
    return read_object(&r);
}

PyObject *
PyMarshal_ReadLastObjectFromFile(FILE *fp)
{
    /* The rest of the file in memory, then parsed in one pass. */
    Py_ssize_t cap = 8192, len = 0;
    char *buf = PyMem_Malloc((size_t)cap);
    while (buf != NULL) {
        size_t got = fread(buf + len, 1, (size_t)(cap - len), fp);
        len += (Py_ssize_t)got;
        if (len < cap) {
            break;
        }
        char *bigger = cap <= PY_SSIZE_T_MAX / 2
                       ? PyMem_Realloc(buf, (size_t)cap * 2) : NULL;
        if (bigger == NULL) {
            PyMem_Free(buf);
            buf = NULL;
            break;
        }
        buf = bigger;
        cap *= 2;
    }
    if (buf == NULL) {
        return PyErr_NoMemory();
    }
    PyObject *v = load_from_memory(buf, len, 1);
    PyMem_Free(buf);
    return v;
}

long
PyMarshal_ReadLongFromFile(FILE *fp)
{
    reader r;
    memset(&r, 0, sizeof(r));
    r.fp = fp;
    long x = r_long(&r);
    reader_clear(&r);
    return x;
}

int
PyMarshal_ReadShortFromFile(FILE *fp)
{
    reader r;
    memset(&r, 0, sizeof(r));
    r.fp = fp;
    int x = r_short(&r);
    reader_clear(&r);
    return x;
}

/* ======================================================================
   The marshal module
   ====================================================================== */

static PyObject *
marshal_dumps(PyObject *Py_UNUSED(module), PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"", "", "allow_code", NULL};
    PyObject *value;
    int version = Py_MARSHAL_VERSION;
    int allow_code = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|i$p:dumps", kwlist,
                                     &value, &version, &allow_code)) {
        return NULL;
    }
    /* The argument tuple holds a reference of its own, which CPython's
       vectorcall convention does not: extra = 1 keeps FLAG_REF choices
       identical. */
    return dump_object(value, version, allow_code, 1);
}

static PyObject *
marshal_dump(PyObject *Py_UNUSED(module), PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"", "", "", "allow_code", NULL};
    PyObject *value, *file;
    int version = Py_MARSHAL_VERSION;
    int allow_code = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OO|i$p:dump", kwlist,
                                     &value, &file, &version, &allow_code)) {
        return NULL;
    }
    /* extra = 1: the argument tuple's reference (see marshal_dumps). */
    PyObject *data = dump_object(value, version, allow_code, 1);
    if (data == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_CallMethod(file, "write", "O", data);
    Py_DECREF(data);
    if (result == NULL) {
        return NULL;
    }
    Py_DECREF(result);
    Py_RETURN_NONE;
}

static PyObject *
marshal_loads(PyObject *Py_UNUSED(module), PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"", "allow_code", NULL};
    Py_buffer view;
    int allow_code = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "y*|$p:loads", kwlist,
                                     &view, &allow_code)) {
        return NULL;
    }
    PyObject *v = load_from_memory((const char *)view.buf, view.len,
                                   allow_code);
    PyBuffer_Release(&view);
    return v;
}

static PyObject *
marshal_load(PyObject *Py_UNUSED(module), PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"", "allow_code", NULL};
    PyObject *file;
    int allow_code = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|$p:load", kwlist,
                                     &file, &allow_code)) {
        return NULL;
    }
    /* read(0) checks that the file is open in binary mode before any
       data is consumed. */
    PyObject *probe = PyObject_CallMethod(file, "read", "i", 0);
    if (probe == NULL) {
        return NULL;
    }
    if (!PyBytes_Check(probe)) {
        PyErr_Format(PyExc_TypeError,
                     "file.read() returned not bytes but %.100s",
                     Py_TYPE(probe)->tp_name);
        Py_DECREF(probe);
        return NULL;
    }
    Py_DECREF(probe);
    reader r;
    memset(&r, 0, sizeof(r));
    r.readable = file;
    r.allow_code = allow_code;
    return read_object(&r);
}

PyDoc_STRVAR(dumps_doc,
"dumps($module, value, version=version, /, *, allow_code=True)\n--\n\n"
"The marshal serialization of value as a bytes object.\n\n"
"version picks the format (0 to the current marshal.version); code\n"
"objects are refused unless allow_code is true.  ValueError for a value\n"
"of a type marshal does not handle, anywhere inside value.");

PyDoc_STRVAR(dump_doc,
"dump($module, value, file, version=version, /, *, allow_code=True)\n--\n\n"
"Serialize value with dumps(value, version) and write the bytes with\n"
"file.write().\n\n"
"Nothing is written when value cannot be serialized (ValueError).");

PyDoc_STRVAR(loads_doc,
"loads($module, bytes, /, *, allow_code=True)\n--\n\n"
"The value serialized at the start of a bytes-like object; any bytes\n"
"after it are ignored.\n\n"
"Malformed data raises EOFError, ValueError or TypeError.  Code objects\n"
"are refused unless allow_code is true.");

PyDoc_STRVAR(load_doc,
"load($module, file, /, *, allow_code=True)\n--\n\n"
"Read one serialized value from a binary file (through its readinto()\n"
"or read() method), consuming exactly its bytes, and return it.\n\n"
"Malformed data raises EOFError, ValueError or TypeError.");

static PyMethodDef marshal_methods[] = {
    {"dump", (PyCFunction)(void (*)(void))marshal_dump,
     METH_VARARGS | METH_KEYWORDS, dump_doc},
    {"load", (PyCFunction)(void (*)(void))marshal_load,
     METH_VARARGS | METH_KEYWORDS, load_doc},
    {"dumps", (PyCFunction)(void (*)(void))marshal_dumps,
     METH_VARARGS | METH_KEYWORDS, dumps_doc},
    {"loads", (PyCFunction)(void (*)(void))marshal_loads,
     METH_VARARGS | METH_KEYWORDS, loads_doc},
    {NULL, NULL, 0, NULL},
};

static int
marshal_exec(PyObject *module)
{
    return PyModule_AddIntConstant(module, "version", Py_MARSHAL_VERSION);
}

static PyModuleDef_Slot marshal_slots[] = {
    {Py_mod_exec, marshal_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

PyDoc_STRVAR(marshal_doc,
"Serialization of Python values into the compact binary format of\n"
".pyc files.\n\n"
"Handled: None, bool, int, float, complex, str, bytes (and other\n"
"bytes-like objects, which come back as bytes), tuple, list, dict, set,\n"
"frozenset, slice (format 5), Ellipsis, StopIteration and code objects,\n"
"as long as everything they contain is handled too.  Format 3 and later\n"
"preserve sharing and allow recursive containers.  The format of code\n"
"objects is specific to this interpreter and version.\n\n"
"This is not a secure or portable persistence format: use pickle or\n"
"json for that.\n\n"
"dump(), load() -- to and from a binary file\n"
"dumps(), loads() -- to and from bytes\n"
"version -- the default (and newest) format number");

static struct PyModuleDef marshal_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "marshal",
    .m_doc = marshal_doc,
    .m_size = 0,
    .m_methods = marshal_methods,
    .m_slots = marshal_slots,
};

PyMODINIT_FUNC
PyInit_marshal(void)
{
    return PyModuleDef_Init(&marshal_module);
}
