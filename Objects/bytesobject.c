/* bytes: immutable sequences of bytes.

   A bytes object is immutable once its constructor returns, so readers
   need no lock.  The hash is cached in ob_shash with relaxed atomic
   stores: racing threads compute the same value. */
#include "Python.h"
#include "pycore_bytes_methods.h"
#include "pycore_bytesobject.h"
#include "pycore_object.h"
#include "pycore_abstract.h"

/* The empty bytes object is an immortal static. */
static struct {
    PyBytesObject ob;
} empty_bytes = {
    { PyVarObject_HEAD_INIT(&PyBytes_Type, 0) -1, { 0 } },
};

#define EMPTY_BYTES ((PyObject *)&empty_bytes.ob)

static size_t bytes_allocation_size(Py_ssize_t size)
{
    return offsetof(PyBytesObject, ob_sval) + (size_t)size + 1;
}

/* A new bytes object of `size` bytes, contents uninitialised except the
   trailing NUL. */
static PyObject *bytes_alloc(Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError,
                        "Negative size passed to PyBytes_FromStringAndSize");
        return NULL;
    }
    if ((size_t)size > (size_t)PY_SSIZE_T_MAX - offsetof(PyBytesObject, ob_sval) - 1) {
        PyErr_SetString(PyExc_OverflowError, "byte string is too large");
        return NULL;
    }
    PyBytesObject *op = PyObject_Malloc(bytes_allocation_size(size));
    if (op == NULL) {
        return PyErr_NoMemory();
    }
    _PyObject_InitVar((PyVarObject *)op, &PyBytes_Type, size);
    op->ob_shash = -1;
    op->ob_sval[size] = '\0';
    return (PyObject *)op;
}

PyObject *PyBytes_FromStringAndSize(const char *str, Py_ssize_t size)
{
    if (size == 0) {
        return EMPTY_BYTES;
    }
    if (size > 0 && str == NULL) {
        return bytes_alloc(size);
    }
    PyObject *op = bytes_alloc(size);
    if (op != NULL && str != NULL) {
        memcpy(PyBytes_AS_STRING(op), str, (size_t)size);
    }
    return op;
}

PyObject *PyBytes_FromString(const char *str)
{
    return PyBytes_FromStringAndSize(str, (Py_ssize_t)strlen(str));
}

PyObject *PyBytes_FromFormatV(const char *format, va_list vargs)
{
    char small[256];
    va_list copy;
    va_copy(copy, vargs);
    int needed = vsnprintf(small, sizeof(small), format, copy);
    va_end(copy);
    if (needed < 0) {
        PyErr_SetString(PyExc_SystemError, "invalid format string");
        return NULL;
    }
    if ((size_t)needed < sizeof(small)) {
        return PyBytes_FromStringAndSize(small, needed);
    }
    PyObject *result = bytes_alloc(needed);
    if (result != NULL) {
        vsnprintf(PyBytes_AS_STRING(result), (size_t)needed + 1, format, vargs);
    }
    return result;
}

PyObject *PyBytes_FromFormat(const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    PyObject *result = PyBytes_FromFormatV(format, vargs);
    va_end(vargs);
    return result;
}

Py_ssize_t PyBytes_Size(PyObject *op)
{
    if (!PyBytes_Check(op)) {
        PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found",
                     Py_TYPE(op)->tp_name);
        return -1;
    }
    return Py_SIZE(op);
}

char *PyBytes_AsString(PyObject *op)
{
    if (!PyBytes_Check(op)) {
        PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found",
                     Py_TYPE(op)->tp_name);
        return NULL;
    }
    return PyBytes_AS_STRING(op);
}

int PyBytes_AsStringAndSize(PyObject *obj, char **s, Py_ssize_t *len)
{
    if (s == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (!PyBytes_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    *s = PyBytes_AS_STRING(obj);
    if (len != NULL) {
        *len = PyBytes_GET_SIZE(obj);
    }
    else if ((Py_ssize_t)strlen(*s) != PyBytes_GET_SIZE(obj)) {
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        return -1;
    }
    return 0;
}

/* Resize a bytes object that nobody else can see yet.  On failure *pv is
   released and set to NULL. */
int _PyBytes_Resize(PyObject **pv, Py_ssize_t newsize)
{
    PyObject *v = *pv;
    if (!PyBytes_Check(v) || newsize < 0) {
        *pv = NULL;
        Py_DECREF(v);
        PyErr_BadInternalCall();
        return -1;
    }
    if (Py_SIZE(v) == newsize) {
        return 0;
    }
    if (newsize == 0) {
        Py_DECREF(v);
        *pv = EMPTY_BYTES;
        return 0;
    }
    if (Py_SIZE(v) == 0) {
        /* The empty singleton cannot grow: start afresh. */
        Py_DECREF(v);
        *pv = bytes_alloc(newsize);
        return *pv ? 0 : -1;
    }
    if (!_PyObject_IsUniquelyReferenced(v)) {
        *pv = NULL;
        Py_DECREF(v);
        PyErr_BadInternalCall();
        return -1;
    }
    PyBytesObject *grown = PyObject_Realloc(v, bytes_allocation_size(newsize));
    if (grown == NULL) {
        *pv = NULL;
        PyObject_Free(v);
        PyErr_NoMemory();
        return -1;
    }
    Py_SET_SIZE(grown, newsize);
    grown->ob_sval[newsize] = '\0';
    grown->ob_shash = -1;
    *pv = (PyObject *)grown;
    return 0;
}

void PyBytes_Concat(PyObject **pv, PyObject *w)
{
    if (*pv == NULL) {
        return;
    }
    if (w == NULL) {
        Py_CLEAR(*pv);
        return;
    }
    PyObject *result = _Py_bytes_concat(*pv, w);
    Py_SETREF(*pv, result);
}

void PyBytes_ConcatAndDel(PyObject **pv, PyObject *w)
{
    PyBytes_Concat(pv, w);
    Py_XDECREF(w);
}

PyObject *PyBytes_Repr(PyObject *op, int smartquotes)
{
    return _Py_bytes_repr(PyBytes_AS_STRING(op), Py_SIZE(op), smartquotes, "b", "");
}

PyObject *PyBytes_Join(PyObject *sep, PyObject *iterable)
{
    if (sep == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (!PyBytes_Check(sep)) {
        PyErr_Format(PyExc_TypeError, "sep: expected bytes, got %T", sep);
        return NULL;
    }
    return _Py_bytes_join(sep, iterable);
}

PyObject *_PyBytes_Join(PyObject *sep, PyObject *iterable)
{
    return PyBytes_Join(sep, iterable);
}

/* ---- escape decoding (the bytes literal rules) -------------------------- */

static int octal_digit(char c)
{
    return c >= '0' && c <= '7';
}

static int hex_digit_value(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* Record the backslash of the first invalid escape. */
static void note_invalid_escape(const char **first, const char *backslash)
{
    if (*first == NULL) {
        *first = backslash;
    }
}

PyObject *PyBytes_DecodeEscape(const char *s, Py_ssize_t len, const char *errors,
                               Py_ssize_t unicode, const char *recode_encoding)
{
    (void)unicode;
    (void)recode_encoding;
    const char *first_invalid;
    return _PyBytes_DecodeEscape2(s, len, errors, &first_invalid);
}

PyObject *_PyBytes_DecodeEscape2(const char *s, Py_ssize_t len, const char *errors,
                                 const char **first_invalid_escape)
{
    *first_invalid_escape = NULL;
    PyObject *result = bytes_alloc(len);
    if (result == NULL) {
        return NULL;
    }
    char *out = PyBytes_AS_STRING(result);
    const char *end = s + len;
    while (s < end) {
        if (*s != '\\') {
            *out++ = *s++;
            continue;
        }
        s++;
        if (s == end) {
            PyErr_SetString(PyExc_ValueError, "Trailing \\ in string");
            goto failed;
        }
        const char *backslash = s - 1;
        char c = *s++;
        switch (c) {
        case '\n': break;
        case '\\': *out++ = '\\'; break;
        case '\'': *out++ = '\''; break;
        case '"': *out++ = '"'; break;
        case 'b': *out++ = '\b'; break;
        case 'f': *out++ = '\014'; break;
        case 't': *out++ = '\t'; break;
        case 'n': *out++ = '\n'; break;
        case 'r': *out++ = '\r'; break;
        case 'v': *out++ = '\013'; break;
        case 'a': *out++ = '\007'; break;
        case '0': case '1': case '2': case '3':
        case '4': case '5': case '6': case '7': {
            int value = c - '0';
            for (int i = 0; i < 2 && s < end && octal_digit(*s); i++) {
                value = value * 8 + (*s++ - '0');
            }
            if (value > 0377) {
                note_invalid_escape(first_invalid_escape, backslash);
            }
            *out++ = (char)value;
            break;
        }
        case 'x': {
            int high = s < end ? hex_digit_value(s[0]) : -1;
            int low = s + 1 < end ? hex_digit_value(s[1]) : -1;
            if (high >= 0 && low >= 0) {
                *out++ = (char)(high * 16 + low);
                s += 2;
                break;
            }
            if (errors == NULL || strcmp(errors, "strict") == 0) {
                PyErr_Format(PyExc_ValueError,
                             "invalid \\x escape at position %zd",
                             (Py_ssize_t)(s - 2 - (end - len)));
                goto failed;
            }
            if (strcmp(errors, "replace") == 0) {
                *out++ = '?';
            }
            else if (strcmp(errors, "ignore") != 0) {
                PyErr_Format(PyExc_ValueError,
                             "decoding error; unknown error handling code: %.400s",
                             errors);
                goto failed;
            }
            /* Skip the hex digits that were there. */
            if (s < end && hex_digit_value(*s) >= 0) {
                s++;
            }
            break;
        }
        default:
            note_invalid_escape(first_invalid_escape, backslash);
            *out++ = '\\';
            *out++ = c;
            break;
        }
    }
    _PyBytes_Resize(&result, out - PyBytes_AS_STRING(result));
    return result;

failed:
    Py_DECREF(result);
    return NULL;
}

/* ---- the type's slots --------------------------------------------------- */

static PyObject *bytes_repr(PyObject *self)
{
    return PyBytes_Repr(self, 1);
}

static Py_hash_t bytes_hash(PyObject *self)
{
    PyBytesObject *op = (PyBytesObject *)self;
    Py_hash_t hash = __atomic_load_n(&op->ob_shash, __ATOMIC_RELAXED);
    if (hash == -1) {
        hash = Py_HashBuffer(op->ob_sval, Py_SIZE(op));
        __atomic_store_n(&op->ob_shash, hash, __ATOMIC_RELAXED);
    }
    return hash;
}

static Py_ssize_t bytes_length(PyObject *self)
{
    return Py_SIZE(self);
}

static PyObject *bytes_item(PyObject *self, Py_ssize_t i)
{
    if (i < 0 || i >= Py_SIZE(self)) {
        PyErr_SetString(PyExc_IndexError, "index out of range");
        return NULL;
    }
    return PyLong_FromLong((unsigned char)PyBytes_AS_STRING(self)[i]);
}

static PyObject *bytes_subscript(PyObject *self, PyObject *item)
{
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (i < 0) {
            i += Py_SIZE(self);
        }
        return bytes_item(self, i);
    }
    if (!PySlice_Check(item)) {
        PyErr_Format(PyExc_TypeError,
                     "byte indices must be integers or slices, not %.200s",
                     Py_TYPE(item)->tp_name);
        return NULL;
    }
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(item, &start, &stop, &step) < 0) {
        return NULL;
    }
    Py_ssize_t count = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
    const char *src = PyBytes_AS_STRING(self);
    if (step == 1) {
        if (count == Py_SIZE(self) && PyBytes_CheckExact(self)) {
            return Py_NewRef(self);
        }
        return PyBytes_FromStringAndSize(src + start, count);
    }
    PyObject *result = PyBytes_FromStringAndSize(NULL, count);
    if (result == NULL) {
        return NULL;
    }
    char *dst = PyBytes_AS_STRING(result);
    for (Py_ssize_t k = 0, i = start; k < count; k++, i += step) {
        dst[k] = src[i];
    }
    return result;
}

static PyObject *bytes_concat(PyObject *self, PyObject *other)
{
    return _Py_bytes_concat(self, other);
}

static PyObject *bytes_repeat(PyObject *self, Py_ssize_t count)
{
    Py_ssize_t size = Py_SIZE(self);
    if (count < 0) {
        count = 0;
    }
    if (count == 1 && PyBytes_CheckExact(self)) {
        return Py_NewRef(self);
    }
    if (size && count > PY_SSIZE_T_MAX / size) {
        PyErr_SetString(PyExc_OverflowError, "repeated bytes are too long");
        return NULL;
    }
    PyObject *result = PyBytes_FromStringAndSize(NULL, size * count);
    /* An empty result is the shared singleton: nothing may be written. */
    if (result == NULL || size == 0 || count == 0) {
        return result;
    }
    char *dst = PyBytes_AS_STRING(result);
    const char *src = PyBytes_AS_STRING(self);
    Py_ssize_t total = size * count;
    /* Double the filled prefix each round. */
    memcpy(dst, src, (size_t)size);
    Py_ssize_t filled = size;
    while (filled < total) {
        Py_ssize_t chunk = Py_MIN(filled, total - filled);
        memcpy(dst + filled, dst, (size_t)chunk);
        filled += chunk;
    }
    return result;
}

static int bytes_contains(PyObject *self, PyObject *arg)
{
    return _Py_bytes_contains(self, arg);
}

static PyObject *bytes_remainder(PyObject *self, PyObject *args)
{
    if (!PyBytes_Check(self)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return _Py_bytes_format(PyBytes_AS_STRING(self), Py_SIZE(self), args);
}

static int bytes_getbuffer(PyObject *self, Py_buffer *view, int flags)
{
    return PyBuffer_FillInfo(view, self, PyBytes_AS_STRING(self), Py_SIZE(self),
                             1, flags);
}

/* bytes(x) for an object that is neither str, int nor buffer: __bytes__
   was handled by the caller; iterate, each item a byte value. */
static PyObject *bytes_from_iterable(PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Format(PyExc_TypeError,
                         "cannot convert '%.200s' object to bytes",
                         Py_TYPE(iterable)->tp_name);
        }
        return NULL;
    }
    Py_ssize_t capacity = PyObject_LengthHint(iterable, 64);
    if (capacity < 0) {
        Py_DECREF(it);
        return NULL;
    }
    if (capacity == 0) {
        capacity = 16;
    }
    char *buffer = PyMem_Malloc((size_t)capacity);
    Py_ssize_t size = 0;
    PyObject *item;
    if (buffer == NULL) {
        Py_DECREF(it);
        return PyErr_NoMemory();
    }
    while ((item = PyIter_Next(it)) != NULL) {
        int value = _Py_bytes_getbytevalue(item);
        Py_DECREF(item);
        if (value < 0) {
            goto failed;
        }
        if (size == capacity) {
            char *grown = capacity < PY_SSIZE_T_MAX / 2
                          ? PyMem_Realloc(buffer, (size_t)capacity * 2) : NULL;
            if (grown == NULL) {
                PyErr_NoMemory();
                goto failed;
            }
            buffer = grown;
            capacity *= 2;
        }
        buffer[size++] = (char)value;
    }
    if (PyErr_Occurred()) {
        goto failed;
    }
    Py_DECREF(it);
    PyObject *result = PyBytes_FromStringAndSize(buffer, size);
    PyMem_Free(buffer);
    return result;

failed:
    Py_DECREF(it);
    PyMem_Free(buffer);
    return NULL;
}

PyObject *PyBytes_FromObject(PyObject *x)
{
    if (x == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (PyBytes_CheckExact(x)) {
        return Py_NewRef(x);
    }
    if (PyObject_CheckBuffer(x)) {
        Py_buffer view;
        if (PyObject_GetBuffer(x, &view, PyBUF_FULL_RO) < 0) {
            return NULL;
        }
        PyObject *result = PyBytes_FromStringAndSize(NULL, view.len);
        if (result != NULL
                && PyBuffer_ToContiguous(PyBytes_AS_STRING(result), &view,
                                         view.len, 'C') < 0) {
            Py_CLEAR(result);
        }
        PyBuffer_Release(&view);
        return result;
    }
    if (PyUnicode_Check(x)) {
        PyErr_SetString(PyExc_TypeError, "cannot convert 'str' object to bytes");
        return NULL;
    }
    return bytes_from_iterable(x);
}

/* Make an instance of a bytes subclass holding `value`'s bytes. */
static PyObject *bytes_subtype_new(PyTypeObject *type, PyObject *value)
{
    Py_ssize_t size = PyBytes_GET_SIZE(value);
    PyObject *self = type->tp_alloc(type, size);
    if (self == NULL) {
        return NULL;
    }
    memcpy(PyBytes_AS_STRING(self), PyBytes_AS_STRING(value), (size_t)size + 1);
    ((PyBytesObject *)self)->ob_shash = -1;
    return self;
}

static PyObject *bytes_from_source(PyObject *source, PyObject *encoding,
                                   PyObject *errors)
{
    if (source == NULL) {
        if (encoding != NULL || errors != NULL) {
            PyErr_SetString(PyExc_TypeError,
                            encoding != NULL ? "encoding without a string argument"
                                             : "errors without a string argument");
            return NULL;
        }
        return EMPTY_BYTES;
    }
    if (encoding != NULL) {
        if (!PyUnicode_Check(source)) {
            PyErr_SetString(PyExc_TypeError,
                            "encoding without a string argument");
            return NULL;
        }
        const char *enc = PyUnicode_AsUTF8(encoding);
        const char *err = errors ? PyUnicode_AsUTF8(errors) : NULL;
        if (enc == NULL || (errors != NULL && err == NULL)) {
            return NULL;
        }
        return PyUnicode_AsEncodedString(source, enc, err);
    }
    if (errors != NULL) {
        PyErr_SetString(PyExc_TypeError,
                        PyUnicode_Check(source)
                            ? "string argument without an encoding"
                            : "errors without a string argument");
        return NULL;
    }
    /* __bytes__ comes first: a str subclass may define it. */
    PyObject *method = NULL;
    if (PyObject_GetOptionalAttrString((PyObject *)Py_TYPE(source), "__bytes__",
                                       &method) < 0) {
        return NULL;
    }
    if (method != NULL) {
        PyObject *result = PyObject_CallOneArg(method, source);
        Py_DECREF(method);
        if (result != NULL && !PyBytes_Check(result)) {
            PyErr_Format(PyExc_TypeError,
                         "__bytes__ returned non-bytes (type %.200s)",
                         Py_TYPE(result)->tp_name);
            Py_CLEAR(result);
        }
        return result;
    }
    if (PyUnicode_Check(source)) {
        PyErr_SetString(PyExc_TypeError, "string argument without an encoding");
        return NULL;
    }
    if (PyIndex_Check(source)) {
        Py_ssize_t size = PyNumber_AsSsize_t(source, PyExc_OverflowError);
        if (size == -1 && PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_TypeError)) {
                return NULL;
            }
            PyErr_Clear();
        }
        else {
            if (size < 0) {
                PyErr_SetString(PyExc_ValueError, "negative count");
                return NULL;
            }
            PyObject *result = PyBytes_FromStringAndSize(NULL, size);
            if (result != NULL && size > 0) {
                memset(PyBytes_AS_STRING(result), 0, (size_t)size);
            }
            return result;
        }
    }
    return PyBytes_FromObject(source);
}

static PyObject *bytes_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *argv[3];
    if (_Py_bytes_constructor_args("bytes", args, kwargs, argv) < 0) {
        return NULL;
    }
    PyObject *value = bytes_from_source(argv[0], argv[1], argv[2]);
    if (value == NULL || type == &PyBytes_Type) {
        return value;
    }
    PyObject *self = bytes_subtype_new(type, value);
    Py_DECREF(value);
    return self;
}

static void bytes_dealloc(PyObject *self)
{
    Py_TYPE(self)->tp_free(self);
}

static PyObject *bytes_getnewargs(PyObject *self, PyObject *unused)
{
    PyObject *copy = PyBytes_FromStringAndSize(PyBytes_AS_STRING(self), Py_SIZE(self));
    if (copy == NULL) {
        return NULL;
    }
    PyObject *result = PyTuple_Pack(1, copy);
    Py_DECREF(copy);
    return result;
}

static PyObject *bytes_bytes(PyObject *self, PyObject *unused)
{
    if (PyBytes_CheckExact(self)) {
        return Py_NewRef(self);
    }
    return PyBytes_FromStringAndSize(PyBytes_AS_STRING(self), Py_SIZE(self));
}

static PyObject *bytes_fromhex(PyObject *cls, PyObject *string)
{
    return _Py_bytes_fromhex_classmethod(cls, string);
}

static PyObject *bytes_maketrans(PyObject *unused, PyObject *const *args,
                                 Py_ssize_t nargs)
{
    return _Py_bytes_maketrans(NULL, args, nargs);
}

static PyMethodDef bytes_methods[] = {
    _Py_BYTES_SHARED_METHODDEFS
    {"__getnewargs__", bytes_getnewargs, METH_NOARGS, NULL},
    {"__bytes__", bytes_bytes, METH_NOARGS,
     "Convert this value to exact type bytes."},
    {"fromhex", bytes_fromhex, METH_O | METH_CLASS,
     "Create a bytes object from a string of hexadecimal numbers."},
    {"maketrans", _PyCFunction_CAST(bytes_maketrans), METH_FASTCALL | METH_STATIC,
     "Return a translation table usable for the bytes or bytearray translate method."},
    {NULL, NULL, 0, NULL},
};

static PyNumberMethods bytes_as_number = {
    .nb_remainder = bytes_remainder,
};

static PySequenceMethods bytes_as_sequence = {
    .sq_length = bytes_length,
    .sq_concat = bytes_concat,
    .sq_repeat = bytes_repeat,
    .sq_item = bytes_item,
    .sq_contains = bytes_contains,
};

static PyMappingMethods bytes_as_mapping = {
    .mp_length = bytes_length,
    .mp_subscript = bytes_subscript,
};

static PyBufferProcs bytes_as_buffer = {
    .bf_getbuffer = bytes_getbuffer,
};

/* ---- iterator ----------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t index;       /* advanced atomically: safe to share */
    PyObject *seq;          /* owned; NULL once exhausted (default build) */
} bytes_iterator;

/* The free-threaded build keeps seq (another thread may be reading it)
   and marks exhaustion in the index instead, far enough from the end
   that racing fetch-and-adds never wrap it; __setstate__ leaves it. */
#define BYTES_ITERATOR_EXHAUSTED (PY_SSIZE_T_MAX / 2)

static void bytes_iterator_dealloc(PyObject *self)
{
    bytes_iterator *it = (bytes_iterator *)self;
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->seq);
    PyObject_GC_Del(it);
}

static int bytes_iterator_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((bytes_iterator *)self)->seq);
    return 0;
}

static PyObject *bytes_iterator_next(PyObject *self)
{
    bytes_iterator *it = (bytes_iterator *)self;
    PyObject *seq = it->seq;
    if (seq == NULL) {
        return NULL;
    }
    Py_ssize_t index = __atomic_fetch_add(&it->index, 1, __ATOMIC_RELAXED);
    if (index < Py_SIZE(seq)) {
        return PyLong_FromLong((unsigned char)PyBytes_AS_STRING(seq)[index]);
    }
#ifdef Py_GIL_DISABLED
    __atomic_store_n(&it->index, BYTES_ITERATOR_EXHAUSTED, __ATOMIC_RELAXED);
#else
    /* With the GIL nobody else reads seq: release it now, as CPython
       does; it is cleared before the decref, which may run a subclass's
       __del__ that calls next() again. */
    it->seq = NULL;
    Py_DECREF(seq);
#endif
    return NULL;
}

static PyObject *bytes_iterator_length_hint(PyObject *self, PyObject *unused)
{
    bytes_iterator *it = (bytes_iterator *)self;
    Py_ssize_t remaining = 0;
    if (it->seq != NULL) {
        remaining = Py_SIZE(it->seq) - __atomic_load_n(&it->index, __ATOMIC_RELAXED);
        if (remaining < 0) {
            remaining = 0;
        }
    }
    return PyLong_FromSsize_t(remaining);
}

/* The index may have run past the end (it is advanced before the bounds
   check), so it is clamped to the size of the immutable bytes. */
static PyObject *bytes_iterator_reduce(PyObject *self, PyObject *unused)
{
    bytes_iterator *it = (bytes_iterator *)self;
    PyObject *iter = _PyIter_Builtin("iter");
    if (iter == NULL) {
        return NULL;
    }
    PyObject *seq = it->seq;
    Py_ssize_t index = 0;
    if (seq != NULL) {
        index = __atomic_load_n(&it->index, __ATOMIC_RELAXED);
        if (index >= Py_SIZE(seq)) {
            seq = NULL;     /* exhausted */
        }
    }
    return _PyIter_ReduceIndexed(iter, seq, index);
}

static PyObject *bytes_iterator_setstate(PyObject *self, PyObject *state)
{
    bytes_iterator *it = (bytes_iterator *)self;
    Py_ssize_t index;
    if (_PyIter_StateIndex(state, 0, PY_SSIZE_T_MAX, &index) < 0) {
        return NULL;
    }
    if (it->seq != NULL) {
        if (index > Py_SIZE(it->seq)) {
            index = Py_SIZE(it->seq);
        }
        Py_ssize_t current = __atomic_load_n(&it->index, __ATOMIC_RELAXED);
        while (current < BYTES_ITERATOR_EXHAUSTED
               && !__atomic_compare_exchange_n(&it->index, &current, index, 0,
                                               __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
        }
    }
    Py_RETURN_NONE;
}

static PyMethodDef bytes_iterator_methods[] = {
    {"__length_hint__", bytes_iterator_length_hint, METH_NOARGS, NULL},
    {"__reduce__", bytes_iterator_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", bytes_iterator_setstate, METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyBytesIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytes_iterator",
    .tp_basicsize = sizeof(bytes_iterator),
    .tp_dealloc = bytes_iterator_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = bytes_iterator_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = bytes_iterator_next,
    .tp_methods = bytes_iterator_methods,
};

static PyObject *bytes_iter(PyObject *seq)
{
    bytes_iterator *it = PyObject_GC_New(bytes_iterator, &PyBytesIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->index = 0;
    it->seq = Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

PyTypeObject PyBytes_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytes",
    .tp_basicsize = offsetof(PyBytesObject, ob_sval) + 1,
    .tp_itemsize = 1,
    .tp_dealloc = bytes_dealloc,
    .tp_repr = bytes_repr,
    .tp_as_number = &bytes_as_number,
    .tp_as_sequence = &bytes_as_sequence,
    .tp_as_mapping = &bytes_as_mapping,
    .tp_hash = bytes_hash,
    .tp_str = bytes_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_as_buffer = &bytes_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE
                | Py_TPFLAGS_BYTES_SUBCLASS | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "bytes(iterable_of_ints) -> bytes\n"
              "bytes(string, encoding[, errors]) -> bytes\n"
              "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
              "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
              "bytes() -> empty bytes object",
    .tp_richcompare = _Py_bytes_richcompare,
    .tp_iter = bytes_iter,
    .tp_methods = bytes_methods,
    .tp_new = bytes_new,
    .tp_free = PyObject_Free,
};

/* ---- capi: PyBytesWriter (PEP 782, Include/cpython/bytesobject.h) ------ */

/* The bytes are built in a PyMem buffer, over-allocated by half again on
   growth, and copied into the bytes object by Finish.  A writer belongs
   to one thread at a time (as the API requires), so nothing is locked. */
struct PyBytesWriter {
    char *data;                 /* PyMem_Malloc'ed; NULL while allocated == 0 */
    Py_ssize_t size;            /* bytes in use: what Finish returns */
    Py_ssize_t allocated;
};

static int
byteswriter_reserve(PyBytesWriter *writer, Py_ssize_t size, int overallocate)
{
    if (size <= writer->allocated) {
        return 0;
    }
    Py_ssize_t wanted = size;
    if (overallocate && size <= PY_SSIZE_T_MAX - size / 2) {
        wanted = size + size / 2;
    }
    char *data = PyMem_Realloc(writer->data, (size_t)wanted);
    if (data == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    writer->data = data;
    writer->allocated = wanted;
    return 0;
}

static int
byteswriter_set_size(PyBytesWriter *writer, Py_ssize_t size, int overallocate)
{
    if (size < 0) {
        PyErr_SetString(PyExc_ValueError, "size must be >= 0");
        return -1;
    }
    if (byteswriter_reserve(writer, size, overallocate) < 0) {
        return -1;
    }
    writer->size = size;
    return 0;
}

PyBytesWriter *
PyBytesWriter_Create(Py_ssize_t size)
{
    PyBytesWriter *writer = PyMem_Calloc(1, sizeof(PyBytesWriter));
    if (writer == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    if (byteswriter_set_size(writer, size, 0) < 0) {
        PyMem_Free(writer);
        return NULL;
    }
    return writer;
}

void
PyBytesWriter_Discard(PyBytesWriter *writer)
{
    if (writer == NULL) {
        return;
    }
    PyMem_Free(writer->data);
    PyMem_Free(writer);
}

PyObject *
PyBytesWriter_FinishWithSize(PyBytesWriter *writer, Py_ssize_t size)
{
    PyObject *result = NULL;
    if (size < 0 || size > writer->size) {
        PyErr_Format(PyExc_ValueError, "size %zd is out of range [0, %zd]",
                     size, writer->size);
    }
    else {
        result = PyBytes_FromStringAndSize(writer->data, size);
    }
    PyBytesWriter_Discard(writer);
    return result;
}

PyObject *
PyBytesWriter_Finish(PyBytesWriter *writer)
{
    return PyBytesWriter_FinishWithSize(writer, writer->size);
}

PyObject *
PyBytesWriter_FinishWithPointer(PyBytesWriter *writer, void *buf)
{
    Py_ssize_t size = (char *)buf - writer->data;
    return PyBytesWriter_FinishWithSize(writer, size);
}

void *
PyBytesWriter_GetData(PyBytesWriter *writer)
{
    return writer->data;
}

Py_ssize_t
PyBytesWriter_GetSize(PyBytesWriter *writer)
{
    return writer->size;
}

int
PyBytesWriter_Resize(PyBytesWriter *writer, Py_ssize_t size)
{
    return byteswriter_set_size(writer, size, 1);
}

int
PyBytesWriter_Grow(PyBytesWriter *writer, Py_ssize_t grow)
{
    if (grow > PY_SSIZE_T_MAX - writer->size) {
        PyErr_NoMemory();
        return -1;
    }
    return byteswriter_set_size(writer, writer->size + grow, 1);
}

void *
PyBytesWriter_GrowAndUpdatePointer(PyBytesWriter *writer, Py_ssize_t size,
                                   void *buf)
{
    Py_ssize_t offset = (char *)buf - writer->data;
    if (PyBytesWriter_Grow(writer, size) < 0) {
        return NULL;
    }
    return writer->data + offset;
}

int
PyBytesWriter_WriteBytes(PyBytesWriter *writer, const void *bytes,
                         Py_ssize_t size)
{
    if (size < 0) {
        size = (Py_ssize_t)strlen(bytes);
    }
    Py_ssize_t start = writer->size;
    if (PyBytesWriter_Grow(writer, size) < 0) {
        return -1;
    }
    if (size > 0) {
        memcpy(writer->data + start, bytes, (size_t)size);
    }
    return 0;
}

int
PyBytesWriter_Format(PyBytesWriter *writer, const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    PyObject *text = PyBytes_FromFormatV(format, vargs);
    va_end(vargs);
    if (text == NULL) {
        return -1;
    }
    int rc = PyBytesWriter_WriteBytes(writer, PyBytes_AS_STRING(text),
                                      PyBytes_GET_SIZE(text));
    Py_DECREF(text);
    return rc;
}
