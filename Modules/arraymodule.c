/* array: compact sequences of numbers and characters of one C type.

   Thread safety: every read or write of an array's storage (items,
   allocated, its size) happens inside the array's critical section; the
   two-array operations take both with the two-object form.  Values are
   converted to C before the section is entered where possible, so that
   Python code run by a conversion (__index__, __float__) never sees a
   half-done mutation; loops that call out (comparisons) with the section
   held re-read the size every step because that code may re-enter and
   change the array.  Resizing is refused while buffers are exported
   (ob_exports, also under the section). */
#include "Python.h"

#include <stddef.h>
#include <string.h>
#include <wchar.h>

/* ---- item descriptors ------------------------------------------------------ */

typedef struct {
    char typecode;
    int itemsize;
    PyObject *(*get)(const char *p);
    int (*set)(char *p, PyObject *v);   /* converts into p; 0 or -1 */
    const char *format;                 /* for the buffer protocol */
} Descr;

typedef struct {
    PyObject_VAR_HEAD
    char *items;                /* critical section */
    Py_ssize_t allocated;       /* critical section; in items */
    const Descr *descr;         /* immutable */
    Py_ssize_t exports;         /* critical section */
    PyObject *weakreflist;
} ArrayObject;

typedef struct {
    PyObject_HEAD
    ArrayObject *array;         /* owned; NULL when exhausted */
    Py_ssize_t index;           /* both guarded by the iterator's and the
                                   array's critical sections */
} ArrayIterObject;

static PyTypeObject Array_Type;
static PyTypeObject ArrayIter_Type;

#define Array_Check(op) PyObject_TypeCheck((op), &Array_Type)

static long
index_as_long(PyObject *v, int *failed)
{
    PyObject *num = PyNumber_Index(v);
    *failed = 1;
    if (num == NULL) {
        return -1;
    }
    long x = PyLong_AsLong(num);
    Py_DECREF(num);
    if (x == -1 && PyErr_Occurred()) {
        return -1;
    }
    *failed = 0;
    return x;
}

static int
overflow(const char *msg)
{
    PyErr_SetString(PyExc_OverflowError, msg);
    return -1;
}

/* Signed and unsigned narrow integers go through a C long, checked
   against the type's range with CPython's messages. */
#define NARROW_INT(name, ctype, lo, hi, lomsg, himsg)                      \
    static PyObject *get_##name(const char *p)                            \
    {                                                                      \
        ctype x;                                                           \
        memcpy(&x, p, sizeof(x));                                          \
        return PyLong_FromLong((long)x);                                   \
    }                                                                      \
    static int set_##name(char *p, PyObject *v)                           \
    {                                                                      \
        int failed;                                                        \
        long x = index_as_long(v, &failed);                                \
        if (failed) {                                                      \
            return -1;                                                     \
        }                                                                  \
        if (x < (lo)) {                                                    \
            return overflow(lomsg);                                        \
        }                                                                  \
        if (x > (hi)) {                                                    \
            return overflow(himsg);                                        \
        }                                                                  \
        ctype y = (ctype)x;                                                \
        memcpy(p, &y, sizeof(y));                                          \
        return 0;                                                          \
    }

NARROW_INT(b, signed char, SCHAR_MIN, SCHAR_MAX,
           "signed char is less than minimum",
           "signed char is greater than maximum")
NARROW_INT(B, unsigned char, 0, UCHAR_MAX,
           "unsigned byte integer is less than minimum",
           "unsigned byte integer is greater than maximum")
NARROW_INT(h, short, SHRT_MIN, SHRT_MAX,
           "signed short integer is less than minimum",
           "signed short integer is greater than maximum")
NARROW_INT(H, unsigned short, 0, USHRT_MAX,
           "unsigned short is less than minimum",
           "unsigned short is greater than maximum")
NARROW_INT(i, int, INT_MIN, INT_MAX,
           "signed integer is less than minimum",
           "signed integer is greater than maximum")

static PyObject *
get_l(const char *p)
{
    long x;
    memcpy(&x, p, sizeof(x));
    return PyLong_FromLong(x);
}

static int
set_l(char *p, PyObject *v)
{
    int failed;
    long x = index_as_long(v, &failed);
    if (failed) {
        return -1;
    }
    memcpy(p, &x, sizeof(x));
    return 0;
}

static PyObject *
get_q(const char *p)
{
    long long x;
    memcpy(&x, p, sizeof(x));
    return PyLong_FromLongLong(x);
}

static int
set_q(char *p, PyObject *v)
{
    PyObject *num = PyNumber_Index(v);
    if (num == NULL) {
        return -1;
    }
    long long x = PyLong_AsLongLong(num);
    Py_DECREF(num);
    if (x == -1 && PyErr_Occurred()) {
        return -1;
    }
    memcpy(p, &x, sizeof(x));
    return 0;
}

/* The unsigned int and long codes: a negative value has its own message;
   the rest converts as unsigned long long and is range checked. */
static int
get_unsigned(PyObject *v, unsigned long long max, const char *negative_msg,
             const char *big_msg, unsigned long long *out)
{
    PyObject *num = PyNumber_Index(v);
    if (num == NULL) {
        return -1;
    }
    if (_PyLong_Sign(num) < 0) {
        Py_DECREF(num);
        return overflow(negative_msg);
    }
    unsigned long long x = PyLong_AsUnsignedLongLong(num);
    Py_DECREF(num);
    if (x == (unsigned long long)-1 && PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_OverflowError)) {
            return -1;
        }
        PyErr_Clear();
        return overflow(big_msg);
    }
    if (x > max) {
        return overflow(big_msg);
    }
    *out = x;
    return 0;
}

static PyObject *
get_I(const char *p)
{
    unsigned int x;
    memcpy(&x, p, sizeof(x));
    return PyLong_FromUnsignedLong(x);
}

static int
set_I(char *p, PyObject *v)
{
    unsigned long long x;
    if (get_unsigned(v, UINT_MAX, "can't convert negative value to unsigned "
                     "int", "unsigned int is greater than maximum", &x) < 0) {
        return -1;
    }
    unsigned int y = (unsigned int)x;
    memcpy(p, &y, sizeof(y));
    return 0;
}

static PyObject *
get_L(const char *p)
{
    unsigned long x;
    memcpy(&x, p, sizeof(x));
    return PyLong_FromUnsignedLong(x);
}

static int
set_L(char *p, PyObject *v)
{
    unsigned long long x;
    if (get_unsigned(v, ULONG_MAX, "can't convert negative value to unsigned "
                     "int", "Python int too large to convert to C unsigned "
                     "long", &x) < 0) {
        return -1;
    }
    unsigned long y = (unsigned long)x;
    memcpy(p, &y, sizeof(y));
    return 0;
}

static PyObject *
get_Q(const char *p)
{
    unsigned long long x;
    memcpy(&x, p, sizeof(x));
    return PyLong_FromUnsignedLongLong(x);
}

static int
set_Q(char *p, PyObject *v)
{
    unsigned long long x;
    if (get_unsigned(v, ULLONG_MAX, "can't convert negative int to unsigned",
                     "int too big to convert", &x) < 0) {
        return -1;
    }
    memcpy(p, &x, sizeof(x));
    return 0;
}

static int
get_real(PyObject *v, double *out)
{
    if (!PyFloat_Check(v) && (Py_TYPE(v)->tp_as_number == NULL ||
        (Py_TYPE(v)->tp_as_number->nb_float == NULL &&
         Py_TYPE(v)->tp_as_number->nb_index == NULL))) {
        PyErr_Format(PyExc_TypeError, "must be real number, not %.50s",
                     Py_TYPE(v)->tp_name);
        return -1;
    }
    double x = PyFloat_AsDouble(v);
    if (x == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    *out = x;
    return 0;
}

static PyObject *
get_f(const char *p)
{
    float x;
    memcpy(&x, p, sizeof(x));
    return PyFloat_FromDouble(x);
}

static int
set_f(char *p, PyObject *v)
{
    double x;
    if (get_real(v, &x) < 0) {
        return -1;
    }
    float y = (float)x;
    memcpy(p, &y, sizeof(y));
    return 0;
}

static PyObject *
get_d(const char *p)
{
    double x;
    memcpy(&x, p, sizeof(x));
    return PyFloat_FromDouble(x);
}

static int
set_d(char *p, PyObject *v)
{
    double x;
    if (get_real(v, &x) < 0) {
        return -1;
    }
    memcpy(p, &x, sizeof(x));
    return 0;
}

static int
get_char(PyObject *v, Py_UCS4 *out)
{
    if (!PyUnicode_Check(v)) {
        PyErr_Format(PyExc_TypeError, "array item must be a unicode "
                     "character, not %.50s", Py_TYPE(v)->tp_name);
        return -1;
    }
    if (PyUnicode_GET_LENGTH(v) != 1) {
        PyErr_Format(PyExc_TypeError, "array item must be a unicode "
                     "character, not a string of length %zd",
                     PyUnicode_GET_LENGTH(v));
        return -1;
    }
    *out = PyUnicode_READ_CHAR(v, 0);
    return 0;
}

static PyObject *
get_u(const char *p)
{
    wchar_t x;
    memcpy(&x, p, sizeof(x));
    return PyUnicode_FromOrdinal((int)x);
}

static int
set_u(char *p, PyObject *v)
{
    Py_UCS4 c;
    if (get_char(v, &c) < 0) {
        return -1;
    }
    wchar_t x = (wchar_t)c;
    memcpy(p, &x, sizeof(x));
    return 0;
}

static PyObject *
get_w(const char *p)
{
    Py_UCS4 x;
    memcpy(&x, p, sizeof(x));
    return PyUnicode_FromOrdinal((int)x);
}

static int
set_w(char *p, PyObject *v)
{
    Py_UCS4 c;
    if (get_char(v, &c) < 0) {
        return -1;
    }
    memcpy(p, &c, sizeof(c));
    return 0;
}

static const Descr descriptors[] = {
    {'b', 1, get_b, set_b, "b"},
    {'B', 1, get_B, set_B, "B"},
    {'u', sizeof(wchar_t), get_u, set_u, "u"},
    {'w', 4, get_w, set_w, "w"},
    {'h', sizeof(short), get_h, set_h, "h"},
    {'H', sizeof(short), get_H, set_H, "H"},
    {'i', sizeof(int), get_i, set_i, "i"},
    {'I', sizeof(int), get_I, set_I, "I"},
    {'l', sizeof(long), get_l, set_l, "l"},
    {'L', sizeof(long), get_L, set_L, "L"},
    {'q', sizeof(long long), get_q, set_q, "q"},
    {'Q', sizeof(long long), get_Q, set_Q, "Q"},
    {'f', sizeof(float), get_f, set_f, "f"},
    {'d', sizeof(double), get_d, set_d, "d"},
};

#define NDESCR ((int)(sizeof(descriptors) / sizeof(descriptors[0])))
#define MAX_ITEMSIZE 8

static int
is_unicode_code(const Descr *d)
{
    return d->typecode == 'u' || d->typecode == 'w';
}

/* ---- storage (caller holds the array's critical section) ------------------- */

static int
array_resize(ArrayObject *a, Py_ssize_t newsize)
{
    if (a->exports > 0 && newsize != Py_SIZE(a)) {
        PyErr_SetString(PyExc_BufferError,
                        "cannot resize an array that is exporting buffers");
        return -1;
    }
    if (newsize <= a->allocated && newsize >= a->allocated / 2) {
        Py_SET_SIZE(a, newsize);
        return 0;
    }
    if (newsize == 0) {
        PyMem_Free(a->items);
        a->items = NULL;
        a->allocated = 0;
        Py_SET_SIZE(a, 0);
        return 0;
    }
    Py_ssize_t alloc = newsize + (newsize >> 4) + (Py_SIZE(a) < 8 ? 3 : 7);
    size_t itemsize = a->descr->itemsize;
    if ((size_t)alloc > PY_SSIZE_T_MAX / itemsize) {
        PyErr_NoMemory();
        return -1;
    }
    char *items = PyMem_Realloc(a->items, alloc * itemsize);
    if (items == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    a->items = items;
    a->allocated = alloc;
    Py_SET_SIZE(a, newsize);
    return 0;
}

static char *
item_ptr(ArrayObject *a, Py_ssize_t i)
{
    return a->items + i * a->descr->itemsize;
}

static PyObject *
get_item_locked(ArrayObject *a, Py_ssize_t i)
{
    return a->descr->get(item_ptr(a, i));
}

/* Insert n raw items at `where` (0 <= where <= size). */
static int
insert_raw(ArrayObject *a, Py_ssize_t where, const char *raw, Py_ssize_t n)
{
    Py_ssize_t size = Py_SIZE(a);
    if (n > PY_SSIZE_T_MAX - size) {
        PyErr_NoMemory();
        return -1;
    }
    if (array_resize(a, size + n) < 0) {
        return -1;
    }
    int itemsize = a->descr->itemsize;
    memmove(item_ptr(a, where + n), item_ptr(a, where),
            (size - where) * itemsize);
    if (n > 0) {
        memcpy(item_ptr(a, where), raw, n * itemsize);
    }
    return 0;
}

static int
delete_range(ArrayObject *a, Py_ssize_t start, Py_ssize_t stop)
{
    Py_ssize_t size = Py_SIZE(a);
    if (a->exports > 0 && stop > start) {
        PyErr_SetString(PyExc_BufferError,
                        "cannot resize an array that is exporting buffers");
        return -1;
    }
    int itemsize = a->descr->itemsize;
    memmove(item_ptr(a, start), item_ptr(a, stop), (size - stop) * itemsize);
    return array_resize(a, size - (stop - start));
}

static ArrayObject *
new_array(PyTypeObject *type, Py_ssize_t size, const Descr *descr)
{
    ArrayObject *a = (ArrayObject *)type->tp_alloc(type, 0);
    if (a == NULL) {
        return NULL;
    }
    a->descr = descr;
    a->items = NULL;
    a->allocated = 0;
    a->exports = 0;
    Py_SET_SIZE(a, 0);
    if (size > 0 && array_resize(a, size) < 0) {
        Py_DECREF(a);
        return NULL;
    }
    return a;
}

/* A new array of `type` holding a copy of raw items. */
static ArrayObject *
array_from_raw(PyTypeObject *type, const Descr *descr, const char *raw,
               Py_ssize_t n)
{
    ArrayObject *a = new_array(type, n, descr);
    if (a != NULL && n > 0) {
        memcpy(a->items, raw, n * descr->itemsize);
    }
    return a;
}

/* A private copy of a's items (PyMem; caller frees), taken under a's
   critical section. */
static char *
snapshot(ArrayObject *a, Py_ssize_t *n)
{
    char *copy = NULL;
    Py_BEGIN_CRITICAL_SECTION(a);
    size_t bytes = (size_t)Py_SIZE(a) * a->descr->itemsize;
    copy = PyMem_Malloc(bytes ? bytes : 1);
    if (copy != NULL) {
        memcpy(copy, a->items, bytes);
        *n = Py_SIZE(a);
    }
    Py_END_CRITICAL_SECTION();
    if (copy == NULL) {
        PyErr_NoMemory();
    }
    return copy;
}

/* ---- pickling: machine format codes ---------------------------------------- */

/* CPython's numbering of the machine formats an array's bytes can be
   pickled in (protocol 3 and later), so that pickles are exchangeable
   between machines and with CPython. */
enum machine_format {
    MF_UNKNOWN = -1,
    MF_UINT8 = 0, MF_INT8 = 1,
    MF_UINT16_LE = 2, MF_UINT16_BE = 3, MF_INT16_LE = 4, MF_INT16_BE = 5,
    MF_UINT32_LE = 6, MF_UINT32_BE = 7, MF_INT32_LE = 8, MF_INT32_BE = 9,
    MF_UINT64_LE = 10, MF_UINT64_BE = 11, MF_INT64_LE = 12, MF_INT64_BE = 13,
    MF_FLOAT_LE = 14, MF_FLOAT_BE = 15, MF_DOUBLE_LE = 16, MF_DOUBLE_BE = 17,
    MF_UTF16_LE = 18, MF_UTF16_BE = 19, MF_UTF32_LE = 20, MF_UTF32_BE = 21,
    MF_LAST = 21,
};

static int
native_is_big_endian(void)
{
    const uint16_t one = 1;
    return *(const char *)&one == 0;
}

/* The machine format of this machine's items of type d. */
static enum machine_format
native_machine_format(const Descr *d)
{
    int big = native_is_big_endian();
    char c = d->typecode;
    switch (c) {
    case 'b':
        return MF_INT8;
    case 'B':
        return MF_UINT8;
    case 'f':
        return big ? MF_FLOAT_BE : MF_FLOAT_LE;
    case 'd':
        return big ? MF_DOUBLE_BE : MF_DOUBLE_LE;
    case 'u':
    case 'w':
        if (d->itemsize == 2) {
            return big ? MF_UTF16_BE : MF_UTF16_LE;
        }
        return big ? MF_UTF32_BE : MF_UTF32_LE;
    }
    int is_signed = c == 'h' || c == 'i' || c == 'l' || c == 'q';
    int base;
    switch (d->itemsize) {
    case 2:
        base = MF_UINT16_LE;
        break;
    case 4:
        base = MF_UINT32_LE;
        break;
    case 8:
        base = MF_UINT64_LE;
        break;
    default:
        return MF_UNKNOWN;
    }
    return (enum machine_format)(base + (is_signed ? 2 : 0) + big);
}

/* Decode bytes in machine format mf into a list (or a str for the UTF
   formats) that the array constructor accepts. */
static PyObject *
decode_machine_items(int mf, const char *p, Py_ssize_t len)
{
    if (mf >= MF_UTF16_LE) {
        int order = (mf == MF_UTF16_LE || mf == MF_UTF32_LE) ? -1 : 1;
        return mf <= MF_UTF16_BE ? PyUnicode_DecodeUTF16(p, len, NULL, &order)
                                 : PyUnicode_DecodeUTF32(p, len, NULL, &order);
    }
    int size, little = 1, is_signed = 0, is_float = 0;
    if (mf <= MF_INT8) {
        size = 1;
        is_signed = mf == MF_INT8;
    }
    else if (mf >= MF_FLOAT_LE) {
        size = mf <= MF_FLOAT_BE ? 4 : 8;
        little = (mf - MF_FLOAT_LE) % 2 == 0;
        is_float = 1;
    }
    else {
        int k = mf - MF_UINT16_LE;
        size = 2 << (k / 4);
        is_signed = (k / 2) % 2;
        little = k % 2 == 0;
    }
    if (len % size != 0) {
        PyErr_SetString(PyExc_ValueError,
                        "string length not a multiple of item size");
        return NULL;
    }
    Py_ssize_t n = len / size;
    PyObject *list = PyList_New(n);
    for (Py_ssize_t i = 0; list != NULL && i < n; i++) {
        const char *item = p + i * size;
        PyObject *v;
        if (is_float) {
            double x = size == 4 ? PyFloat_Unpack4(item, little)
                                 : PyFloat_Unpack8(item, little);
            v = (x == -1.0 && PyErr_Occurred()) ? NULL : PyFloat_FromDouble(x);
        }
        else {
            v = _PyLong_FromByteArray((const unsigned char *)item, size,
                                      little, is_signed);
        }
        if (v == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, i, v);
    }
    return list;
}

/* ---- methods ---------------------------------------------------------------- */

static PyObject *
array_append(PyObject *op, PyObject *v)
{
    ArrayObject *a = (ArrayObject *)op;
    char raw[MAX_ITEMSIZE];
    if (a->descr->set(raw, v) < 0) {
        return NULL;
    }
    int rc;
    Py_BEGIN_CRITICAL_SECTION(a);
    rc = insert_raw(a, Py_SIZE(a), raw, 1);
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
array_insert(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    ArrayObject *a = (ArrayObject *)op;
    if (!_PyArg_CheckPositional("insert", nargs, 2, 2)) {
        return NULL;
    }
    Py_ssize_t where = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
    if (where == -1 && PyErr_Occurred()) {
        return NULL;
    }
    char raw[MAX_ITEMSIZE];
    if (a->descr->set(raw, args[1]) < 0) {
        return NULL;
    }
    int rc;
    Py_BEGIN_CRITICAL_SECTION(a);
    Py_ssize_t size = Py_SIZE(a);
    if (where < 0) {
        where += size;
        if (where < 0) {
            where = 0;
        }
    }
    if (where > size) {
        where = size;
    }
    rc = insert_raw(a, where, raw, 1);
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* Append the raw contents of another array of the same type code. */
static int
extend_from_array(ArrayObject *a, ArrayObject *b)
{
    if (a->descr != b->descr) {
        PyErr_SetString(PyExc_TypeError,
                        "can only extend with array of same kind");
        return -1;
    }
    Py_ssize_t n;
    char *raw = snapshot(b, &n);
    if (raw == NULL) {
        return -1;
    }
    int rc;
    Py_BEGIN_CRITICAL_SECTION(a);
    rc = insert_raw(a, Py_SIZE(a), raw, n);
    Py_END_CRITICAL_SECTION();
    PyMem_Free(raw);
    return rc;
}

static int
extend_from_iterable(ArrayObject *a, PyObject *iterable)
{
    if (Array_Check(iterable)) {
        return extend_from_array(a, (ArrayObject *)iterable);
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return -1;
    }
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        PyObject *r = array_append((PyObject *)a, item);
        Py_DECREF(item);
        if (r == NULL) {
            Py_DECREF(it);
            return -1;
        }
        Py_DECREF(r);
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

static PyObject *
array_extend(PyObject *op, PyObject *iterable)
{
    if (extend_from_iterable((ArrayObject *)op, iterable) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static int
append_bytes(ArrayObject *a, const char *data, Py_ssize_t len)
{
    int itemsize = a->descr->itemsize;
    if (len % itemsize != 0) {
        PyErr_SetString(PyExc_ValueError,
                        "bytes length not a multiple of item size");
        return -1;
    }
    int rc;
    Py_BEGIN_CRITICAL_SECTION(a);
    rc = insert_raw(a, Py_SIZE(a), data, len / itemsize);
    Py_END_CRITICAL_SECTION();
    return rc;
}

static PyObject *
array_frombytes(PyObject *op, PyObject *arg)
{
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    /* Copy first: the source may be this very array. */
    char *copy = PyMem_Malloc(view.len ? view.len : 1);
    if (copy == NULL) {
        PyBuffer_Release(&view);
        return PyErr_NoMemory();
    }
    memcpy(copy, view.buf, view.len);
    Py_ssize_t len = view.len;
    PyBuffer_Release(&view);
    int rc = append_bytes((ArrayObject *)op, copy, len);
    PyMem_Free(copy);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
array_tobytes(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    ArrayObject *a = (ArrayObject *)op;
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(a);
    result = PyBytes_FromStringAndSize(a->items,
                                       Py_SIZE(a) * a->descr->itemsize);
    Py_END_CRITICAL_SECTION();
    return result;
}

/* fromlist is all or nothing: the values are converted before any is
   appended. */
static PyObject *
array_fromlist(PyObject *op, PyObject *list)
{
    ArrayObject *a = (ArrayObject *)op;
    if (!PyList_Check(list)) {
        PyErr_SetString(PyExc_TypeError, "arg must be list");
        return NULL;
    }
    PyObject *items = PySequence_Tuple(list);
    if (items == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(items);
    int itemsize = a->descr->itemsize;
    char *raw = PyMem_Malloc(n ? n * itemsize : 1);
    if (raw == NULL) {
        Py_DECREF(items);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (a->descr->set(raw + i * itemsize, PyTuple_GET_ITEM(items, i)) < 0) {
            PyMem_Free(raw);
            Py_DECREF(items);
            return NULL;
        }
    }
    Py_DECREF(items);
    int rc;
    Py_BEGIN_CRITICAL_SECTION(a);
    rc = insert_raw(a, Py_SIZE(a), raw, n);
    Py_END_CRITICAL_SECTION();
    PyMem_Free(raw);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
array_tolist(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    ArrayObject *a = (ArrayObject *)op;
    PyObject *list = NULL;
    Py_BEGIN_CRITICAL_SECTION(a);
    list = PyList_New(Py_SIZE(a));
    for (Py_ssize_t i = 0; list != NULL && i < Py_SIZE(a); i++) {
        PyObject *v = get_item_locked(a, i);
        if (v == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, i, v);
    }
    Py_END_CRITICAL_SECTION();
    return list;
}

static PyObject *
array_fromunicode(PyObject *op, PyObject *arg)
{
    ArrayObject *a = (ArrayObject *)op;
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "fromunicode() argument must be str, "
                     "not %.50s", Py_TYPE(arg)->tp_name);
        return NULL;
    }
    if (!is_unicode_code(a->descr)) {
        PyErr_SetString(PyExc_ValueError, "fromunicode() may only be called "
                        "on unicode type arrays ('u' or 'w')");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(arg);
    Py_UCS4 *chars = PyUnicode_AsUCS4Copy(arg);
    if (chars == NULL) {
        return NULL;
    }
    int rc;
    if (a->descr->itemsize == (int)sizeof(Py_UCS4)) {
        rc = append_bytes(a, (const char *)chars, n * (Py_ssize_t)sizeof(Py_UCS4));
    }
    else {
        wchar_t *wide = PyMem_New(wchar_t, n ? n : 1);
        if (wide == NULL) {
            PyMem_Free(chars);
            return PyErr_NoMemory();
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            wide[i] = (wchar_t)chars[i];
        }
        rc = append_bytes(a, (const char *)wide, n * (Py_ssize_t)sizeof(wchar_t));
        PyMem_Free(wide);
    }
    PyMem_Free(chars);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
array_tounicode(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    ArrayObject *a = (ArrayObject *)op;
    if (!is_unicode_code(a->descr)) {
        PyErr_SetString(PyExc_ValueError, "tounicode() may only be called "
                        "on unicode type arrays ('u' or 'w')");
        return NULL;
    }
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(a);
    if (a->descr->typecode == 'u') {
        result = PyUnicode_FromWideChar((const wchar_t *)a->items, Py_SIZE(a));
    }
    else {
        result = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND,
                                           a->items, Py_SIZE(a));
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *
array_byteswap(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    ArrayObject *a = (ArrayObject *)op;
    Py_BEGIN_CRITICAL_SECTION(a);
    int itemsize = a->descr->itemsize;
    for (Py_ssize_t i = 0; i < Py_SIZE(a); i++) {
        char *p = item_ptr(a, i);
        for (int lo = 0, hi = itemsize - 1; lo < hi; lo++, hi--) {
            char t = p[lo];
            p[lo] = p[hi];
            p[hi] = t;
        }
    }
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyObject *
array_buffer_info(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    ArrayObject *a = (ArrayObject *)op;
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(a);
    result = Py_BuildValue("(Nn)", PyLong_FromVoidPtr(a->items), Py_SIZE(a));
    Py_END_CRITICAL_SECTION();
    return result;
}

/* Position of the first item equal to v in [start, stop), -1 if none,
   -2 on error.  The comparison may run Python code that changes a, so
   the size is re-read every step. */
static Py_ssize_t
find_item(ArrayObject *a, PyObject *v, Py_ssize_t start, Py_ssize_t stop)
{
    for (Py_ssize_t i = start; i < stop && i < Py_SIZE(a); i++) {
        PyObject *item = get_item_locked(a, i);
        if (item == NULL) {
            return -2;
        }
        int eq = PyObject_RichCompareBool(item, v, Py_EQ);
        Py_DECREF(item);
        if (eq < 0) {
            return -2;
        }
        if (eq) {
            return i;
        }
    }
    return -1;
}

static PyObject *
array_count(PyObject *op, PyObject *v)
{
    ArrayObject *a = (ArrayObject *)op;
    Py_ssize_t count = 0, pos = 0, found;
    Py_BEGIN_CRITICAL_SECTION(a);
    while ((found = find_item(a, v, pos, PY_SSIZE_T_MAX)) >= 0) {
        count++;
        pos = found + 1;
    }
    Py_END_CRITICAL_SECTION();
    if (found == -2) {
        return NULL;
    }
    return PyLong_FromSsize_t(count);
}

static int
clamp_index(PyObject *arg, Py_ssize_t size, Py_ssize_t *out)
{
    Py_ssize_t i = PyNumber_AsSsize_t(arg, NULL);
    if (i == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (i < 0) {
        i += size;
        if (i < 0) {
            i = 0;
        }
    }
    *out = i;
    return 0;
}

static PyObject *
array_index(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    ArrayObject *a = (ArrayObject *)op;
    if (!_PyArg_CheckPositional("index", nargs, 1, 3)) {
        return NULL;
    }
    Py_ssize_t found = -2, start = 0, stop = PY_SSIZE_T_MAX;
    Py_BEGIN_CRITICAL_SECTION(a);
    if ((nargs < 2 || clamp_index(args[1], Py_SIZE(a), &start) == 0) &&
        (nargs < 3 || clamp_index(args[2], Py_SIZE(a), &stop) == 0)) {
        found = find_item(a, args[0], start, stop);
    }
    Py_END_CRITICAL_SECTION();
    if (found == -1) {
        PyErr_SetString(PyExc_ValueError, "array.index(x): x not in array");
    }
    if (found < 0) {
        return NULL;
    }
    return PyLong_FromSsize_t(found);
}

static PyObject *
array_remove(PyObject *op, PyObject *v)
{
    ArrayObject *a = (ArrayObject *)op;
    int rc = -1;
    Py_BEGIN_CRITICAL_SECTION(a);
    Py_ssize_t found = find_item(a, v, 0, PY_SSIZE_T_MAX);
    if (found >= 0) {
        rc = delete_range(a, found, found + 1);
    }
    else if (found == -1) {
        PyErr_SetString(PyExc_ValueError, "array.remove(x): x not in array");
    }
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
array_pop(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    ArrayObject *a = (ArrayObject *)op;
    if (!_PyArg_CheckPositional("pop", nargs, 0, 1)) {
        return NULL;
    }
    Py_ssize_t i = -1;
    if (nargs == 1) {
        i = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
        if (i == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(a);
    Py_ssize_t size = Py_SIZE(a);
    if (size == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from empty array");
    }
    else {
        if (i < 0) {
            i += size;
        }
        if (i < 0 || i >= size) {
            PyErr_SetString(PyExc_IndexError, "pop index out of range");
        }
        else {
            result = get_item_locked(a, i);
            if (result != NULL && delete_range(a, i, i + 1) < 0) {
                Py_CLEAR(result);
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *
array_reverse(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    ArrayObject *a = (ArrayObject *)op;
    Py_BEGIN_CRITICAL_SECTION(a);
    int itemsize = a->descr->itemsize;
    char tmp[MAX_ITEMSIZE];
    for (Py_ssize_t lo = 0, hi = Py_SIZE(a) - 1; lo < hi; lo++, hi--) {
        memcpy(tmp, item_ptr(a, lo), itemsize);
        memcpy(item_ptr(a, lo), item_ptr(a, hi), itemsize);
        memcpy(item_ptr(a, hi), tmp, itemsize);
    }
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyObject *
array_clear(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    ArrayObject *a = (ArrayObject *)op;
    int rc;
    Py_BEGIN_CRITICAL_SECTION(a);
    rc = array_resize(a, 0);
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
array_copy(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    ArrayObject *a = (ArrayObject *)op;
    Py_ssize_t n;
    char *raw = snapshot(a, &n);
    if (raw == NULL) {
        return NULL;
    }
    ArrayObject *copy = array_from_raw(Py_TYPE(a), a->descr, raw, n);
    PyMem_Free(raw);
    return (PyObject *)copy;
}

static PyObject *
array_fromfile(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    ArrayObject *a = (ArrayObject *)op;
    if (!_PyArg_CheckPositional("fromfile", nargs, 2, 2)) {
        return NULL;
    }
    Py_ssize_t n = PyNumber_AsSsize_t(args[1], PyExc_OverflowError);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "negative count");
        return NULL;
    }
    int itemsize = a->descr->itemsize;
    if (n > PY_SSIZE_T_MAX / itemsize) {
        return PyErr_NoMemory();
    }
    PyObject *data = PyObject_CallMethod(args[0], "read", "n", n * itemsize);
    if (data == NULL) {
        return NULL;
    }
    if (!PyBytes_Check(data)) {
        Py_DECREF(data);
        PyErr_SetString(PyExc_TypeError, "read() didn't return bytes");
        return NULL;
    }
    Py_ssize_t got = PyBytes_GET_SIZE(data);
    int rc = append_bytes(a, PyBytes_AS_STRING(data), got - got % itemsize);
    Py_DECREF(data);
    if (rc < 0) {
        return NULL;
    }
    if (got != n * itemsize) {
        PyErr_SetString(PyExc_EOFError, "read() didn't return enough bytes");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
array_tofile(PyObject *op, PyObject *file)
{
    PyObject *data = array_tobytes(op, NULL);
    if (data == NULL) {
        return NULL;
    }
    const Py_ssize_t block = 64 * 1024;
    Py_ssize_t len = PyBytes_GET_SIZE(data);
    for (Py_ssize_t pos = 0; pos < len; pos += block) {
        Py_ssize_t n = len - pos < block ? len - pos : block;
        PyObject *chunk = PyBytes_FromStringAndSize(PyBytes_AS_STRING(data)
                                                    + pos, n);
        if (chunk == NULL) {
            Py_DECREF(data);
            return NULL;
        }
        PyObject *r = PyObject_CallMethod(file, "write", "O", chunk);
        Py_DECREF(chunk);
        if (r == NULL) {
            Py_DECREF(data);
            return NULL;
        }
        Py_DECREF(r);
    }
    Py_DECREF(data);
    Py_RETURN_NONE;
}

/* Protocols 0-2 pickle a call of the type with a list of the items;
   later ones the raw bytes with their machine format, as CPython does,
   restored by _array_reconstructor.  Needs the module's reconstructor
   function, looked up by import. */
static PyObject *
array_reduce_ex(PyObject *op, PyObject *protocol_obj)
{
    ArrayObject *a = (ArrayObject *)op;
    long protocol = PyLong_AsLong(protocol_obj);
    if (protocol == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *dict;
    if (PyObject_GetOptionalAttrString(op, "__dict__", &dict) < 0) {
        return NULL;
    }
    if (dict == NULL || (PyDict_Check(dict) && PyDict_GET_SIZE(dict) == 0)) {
        Py_XSETREF(dict, Py_NewRef(Py_None));
    }
    char code[2] = {a->descr->typecode, '\0'};
    enum machine_format mf = native_machine_format(a->descr);
    if (protocol < 3 || mf == MF_UNKNOWN) {
        PyObject *items = array_tolist(op, NULL);
        if (items == NULL) {
            Py_DECREF(dict);
            return NULL;
        }
        return Py_BuildValue("O(sN)N", Py_TYPE(op), code, items, dict);
    }
    PyObject *reconstructor = PyImport_ImportModuleAttrString(
        "array", "_array_reconstructor");
    if (reconstructor == NULL) {
        Py_DECREF(dict);
        return NULL;
    }
    PyObject *bytes = array_tobytes(op, NULL);
    if (bytes == NULL) {
        Py_DECREF(reconstructor);
        Py_DECREF(dict);
        return NULL;
    }
    return Py_BuildValue("N(OsiN)N", reconstructor, Py_TYPE(op), code,
                         (int)mf, bytes, dict);
}

static PyObject *
array_sizeof(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    ArrayObject *a = (ArrayObject *)op;
    Py_ssize_t size;
    Py_BEGIN_CRITICAL_SECTION(a);
    size = Py_TYPE(a)->tp_basicsize + a->allocated * a->descr->itemsize;
    Py_END_CRITICAL_SECTION();
    return PyLong_FromSsize_t(size);
}

static PyObject *
array_get_typecode(PyObject *op, void *Py_UNUSED(closure))
{
    char code = ((ArrayObject *)op)->descr->typecode;
    return PyUnicode_FromStringAndSize(&code, 1);
}

static PyObject *
array_get_itemsize(PyObject *op, void *Py_UNUSED(closure))
{
    return PyLong_FromLong(((ArrayObject *)op)->descr->itemsize);
}

/* ---- sequence protocol ------------------------------------------------------ */

static Py_ssize_t
array_length(PyObject *op)
{
    Py_ssize_t size;
    Py_BEGIN_CRITICAL_SECTION(op);
    size = Py_SIZE(op);
    Py_END_CRITICAL_SECTION();
    return size;
}

static PyObject *
array_item(PyObject *op, Py_ssize_t i)
{
    ArrayObject *a = (ArrayObject *)op;
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(a);
    if (i < 0 || i >= Py_SIZE(a)) {
        PyErr_SetString(PyExc_IndexError, "array index out of range");
    }
    else {
        result = get_item_locked(a, i);
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static int
array_ass_item(PyObject *op, Py_ssize_t i, PyObject *v)
{
    ArrayObject *a = (ArrayObject *)op;
    char raw[MAX_ITEMSIZE];
    if (v != NULL && a->descr->set(raw, v) < 0) {
        return -1;
    }
    int rc = -1;
    Py_BEGIN_CRITICAL_SECTION(a);
    if (i < 0 || i >= Py_SIZE(a)) {
        PyErr_SetString(PyExc_IndexError,
                        "array assignment index out of range");
    }
    else if (v == NULL) {
        rc = delete_range(a, i, i + 1);
    }
    else {
        memcpy(item_ptr(a, i), raw, a->descr->itemsize);
        rc = 0;
    }
    Py_END_CRITICAL_SECTION();
    return rc;
}

static int
array_contains(PyObject *op, PyObject *v)
{
    ArrayObject *a = (ArrayObject *)op;
    Py_ssize_t found;
    Py_BEGIN_CRITICAL_SECTION(a);
    found = find_item(a, v, 0, PY_SSIZE_T_MAX);
    Py_END_CRITICAL_SECTION();
    return found == -2 ? -1 : found >= 0;
}

static PyObject *
array_concat(PyObject *op, PyObject *other)
{
    ArrayObject *a = (ArrayObject *)op;
    if (!Array_Check(other)) {
        PyErr_Format(PyExc_TypeError, "can only append array (not \"%.200s\") "
                     "to array", Py_TYPE(other)->tp_name);
        return NULL;
    }
    ArrayObject *b = (ArrayObject *)other;
    if (a->descr != b->descr) {
        PyErr_BadArgument();
        return NULL;
    }
    Py_ssize_t na, nb;
    char *ra = snapshot(a, &na);
    if (ra == NULL) {
        return NULL;
    }
    char *rb = snapshot(b, &nb);
    if (rb == NULL) {
        PyMem_Free(ra);
        return NULL;
    }
    ArrayObject *result = array_from_raw(&Array_Type, a->descr, ra, na);
    if (result != NULL && insert_raw(result, na, rb, nb) < 0) {
        Py_CLEAR(result);
    }
    PyMem_Free(ra);
    PyMem_Free(rb);
    return (PyObject *)result;
}

static PyObject *
array_repeat(PyObject *op, Py_ssize_t n)
{
    ArrayObject *a = (ArrayObject *)op;
    Py_ssize_t len;
    char *raw = snapshot(a, &len);
    if (raw == NULL) {
        return NULL;
    }
    if (n < 0) {
        n = 0;
    }
    if (len > 0 && n > PY_SSIZE_T_MAX / len) {
        PyMem_Free(raw);
        return PyErr_NoMemory();
    }
    ArrayObject *result = new_array(&Array_Type, len * n, a->descr);
    if (result != NULL) {
        size_t chunk = (size_t)len * a->descr->itemsize;
        for (Py_ssize_t k = 0; k < n; k++) {
            memcpy(result->items + k * chunk, raw, chunk);
        }
    }
    PyMem_Free(raw);
    return (PyObject *)result;
}

static PyObject *
array_inplace_concat(PyObject *op, PyObject *other)
{
    if (!Array_Check(other)) {
        PyErr_Format(PyExc_TypeError, "can only extend array with array (not "
                     "\"%.200s\")", Py_TYPE(other)->tp_name);
        return NULL;
    }
    if (extend_from_array((ArrayObject *)op, (ArrayObject *)other) < 0) {
        return NULL;
    }
    return Py_NewRef(op);
}

static PyObject *
array_inplace_repeat(PyObject *op, Py_ssize_t n)
{
    ArrayObject *a = (ArrayObject *)op;
    int rc = 0;
    Py_BEGIN_CRITICAL_SECTION(a);
    Py_ssize_t len = Py_SIZE(a);
    if (n <= 0) {
        rc = array_resize(a, 0);
    }
    else if (len > 0 && n > PY_SSIZE_T_MAX / len) {
        PyErr_NoMemory();
        rc = -1;
    }
    else if (n > 1 && len > 0) {
        rc = array_resize(a, len * n);
        size_t chunk = (size_t)len * a->descr->itemsize;
        for (Py_ssize_t k = 1; rc == 0 && k < n; k++) {
            memcpy(a->items + k * chunk, a->items, chunk);
        }
    }
    Py_END_CRITICAL_SECTION();
    return rc < 0 ? NULL : Py_NewRef(op);
}

/* ---- subscripts and slices ----------------------------------------------- */

static PyObject *
array_subscript(PyObject *op, PyObject *key)
{
    ArrayObject *a = (ArrayObject *)op;
    if (PyIndex_Check(key)) {
        Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (i < 0) {
            i += array_length(op);
        }
        return array_item(op, i);
    }
    if (!PySlice_Check(key)) {
        PyErr_SetString(PyExc_TypeError, "array indices must be integers");
        return NULL;
    }
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(key, &start, &stop, &step) < 0) {
        return NULL;
    }
    ArrayObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(a);
    Py_ssize_t n = PySlice_AdjustIndices(Py_SIZE(a), &start, &stop, step);
    int itemsize = a->descr->itemsize;
    if (step == 1) {
        result = array_from_raw(&Array_Type, a->descr,
                                n > 0 ? item_ptr(a, start) : NULL, n);
    }
    else {
        result = new_array(&Array_Type, n, a->descr);
        for (Py_ssize_t k = 0; result != NULL && k < n; k++) {
            memcpy(result->items + k * itemsize,
                   item_ptr(a, start + k * step), itemsize);
        }
    }
    Py_END_CRITICAL_SECTION();
    return (PyObject *)result;
}

/* a[slice] = raw (n items), or deletion when raw == NULL.  Caller holds
   a's critical section. */
static int
assign_slice_locked(ArrayObject *a, PyObject *slice, const char *raw,
                    Py_ssize_t n)
{
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(slice, &start, &stop, &step) < 0) {
        return -1;
    }
    Py_ssize_t count = PySlice_AdjustIndices(Py_SIZE(a), &start, &stop, step);
    int itemsize = a->descr->itemsize;
    if (step == 1) {
        if (stop < start) {
            stop = start;
        }
        Py_ssize_t size = Py_SIZE(a);
        Py_ssize_t growth = n - (stop - start);
        if (growth != 0 && a->exports > 0) {
            PyErr_SetString(PyExc_BufferError, "cannot resize an array that "
                            "is exporting buffers");
            return -1;
        }
        if (growth < 0) {
            memmove(item_ptr(a, stop + growth), item_ptr(a, stop),
                    (size - stop) * itemsize);
            if (array_resize(a, size + growth) < 0) {
                return -1;
            }
        }
        else if (growth > 0) {
            if (array_resize(a, size + growth) < 0) {
                return -1;
            }
            memmove(item_ptr(a, stop + growth), item_ptr(a, stop),
                    (size - stop) * itemsize);
        }
        if (n > 0) {
            memcpy(item_ptr(a, start), raw, n * itemsize);
        }
        return 0;
    }
    if (raw == NULL) {
        if (count == 0) {
            return 0;
        }
        if (a->exports > 0) {
            PyErr_SetString(PyExc_BufferError, "cannot resize an array that "
                            "is exporting buffers");
            return -1;
        }
        if (step < 0) {
            start += (count - 1) * step;
            step = -step;
        }
        /* Close the gaps from left to right. */
        Py_ssize_t dest = start;
        for (Py_ssize_t cur = start; cur < Py_SIZE(a); cur++) {
            if (cur >= start && (cur - start) % step == 0 &&
                (cur - start) / step < count) {
                continue;
            }
            memmove(item_ptr(a, dest++), item_ptr(a, cur), itemsize);
        }
        return array_resize(a, Py_SIZE(a) - count);
    }
    if (n != count) {
        PyErr_Format(PyExc_ValueError, "attempt to assign array of size %zd "
                     "to extended slice of size %zd", n, count);
        return -1;
    }
    for (Py_ssize_t k = 0; k < count; k++) {
        memcpy(item_ptr(a, start + k * step), raw + k * itemsize, itemsize);
    }
    return 0;
}

static int
array_ass_subscript(PyObject *op, PyObject *key, PyObject *value)
{
    ArrayObject *a = (ArrayObject *)op;
    if (PyIndex_Check(key)) {
        Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (i < 0) {
            i += array_length(op);
        }
        return array_ass_item(op, i, value);
    }
    if (!PySlice_Check(key)) {
        PyErr_SetString(PyExc_TypeError, "array indices must be integers");
        return -1;
    }
    char *raw = NULL;
    Py_ssize_t n = 0;
    if (value != NULL) {
        if (!Array_Check(value)) {
            PyErr_Format(PyExc_TypeError, "can only assign array (not "
                         "\"%.200s\") to array slice",
                         Py_TYPE(value)->tp_name);
            return -1;
        }
        if (((ArrayObject *)value)->descr != a->descr) {
            PyErr_BadArgument();
            return -1;
        }
        raw = snapshot((ArrayObject *)value, &n);
        if (raw == NULL) {
            return -1;
        }
    }
    int rc;
    Py_BEGIN_CRITICAL_SECTION(a);
    rc = assign_slice_locked(a, key, raw, n);
    Py_END_CRITICAL_SECTION();
    PyMem_Free(raw);
    return rc;
}

/* ---- comparison -------------------------------------------------------------- */

static PyObject *
array_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!Array_Check(v) || !Array_Check(w)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    ArrayObject *a = (ArrayObject *)v, *b = (ArrayObject *)w;
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION2(a, b);
    Py_ssize_t na = Py_SIZE(a), nb = Py_SIZE(b);
    if (na != nb && (op == Py_EQ || op == Py_NE)) {
        result = Py_NewRef(op == Py_EQ ? Py_False : Py_True);
    }
    else if (a->descr == b->descr && (op == Py_EQ || op == Py_NE) &&
             a->descr->typecode != 'f' && a->descr->typecode != 'd') {
        int same = na == 0 ||
                   memcmp(a->items, b->items, na * a->descr->itemsize) == 0;
        result = Py_NewRef((same == (op == Py_EQ)) ? Py_True : Py_False);
    }
    else {
        /* The first differing items decide; else the lengths. */
        Py_ssize_t i = 0;
        int failed = 0;
        for (; i < Py_SIZE(a) && i < Py_SIZE(b); i++) {
            PyObject *x = get_item_locked(a, i), *y = get_item_locked(b, i);
            int eq = (x && y) ? PyObject_RichCompareBool(x, y, Py_EQ) : -1;
            if (eq != 1) {
                if (eq == 0) {
                    result = op == Py_EQ ? Py_NewRef(Py_False)
                           : op == Py_NE ? Py_NewRef(Py_True)
                           : PyObject_RichCompare(x, y, op);
                }
                failed = 1;
            }
            Py_XDECREF(x);
            Py_XDECREF(y);
            if (failed) {
                break;
            }
        }
        if (!failed) {
            Py_ssize_t la = Py_SIZE(a), lb = Py_SIZE(b);
            int cmp;
            switch (op) {
            case Py_LT: cmp = la < lb; break;
            case Py_LE: cmp = la <= lb; break;
            case Py_EQ: cmp = la == lb; break;
            case Py_NE: cmp = la != lb; break;
            case Py_GT: cmp = la > lb; break;
            default: cmp = la >= lb; break;
            }
            result = Py_NewRef(cmp ? Py_True : Py_False);
        }
    }
    Py_END_CRITICAL_SECTION2();
    return result;
}

/* ---- buffer protocol ---------------------------------------------------------- */

static char empty_storage[MAX_ITEMSIZE];

static int
array_getbuffer(PyObject *op, Py_buffer *view, int flags)
{
    ArrayObject *a = (ArrayObject *)op;
    Py_BEGIN_CRITICAL_SECTION(a);
    view->buf = a->items != NULL ? a->items : empty_storage;
    view->obj = Py_NewRef(op);
    view->len = Py_SIZE(a) * a->descr->itemsize;
    view->readonly = 0;
    view->ndim = 1;
    view->itemsize = a->descr->itemsize;
    view->suboffsets = NULL;
    view->shape = NULL;
    if ((flags & PyBUF_ND) == PyBUF_ND) {
        /* Valid while exported: resizing is refused meanwhile. */
        view->shape = &((PyVarObject *)a)->ob_size;
    }
    view->strides = NULL;
    if ((flags & PyBUF_STRIDES) == PyBUF_STRIDES) {
        view->strides = &view->itemsize;
    }
    view->format = NULL;
    view->internal = NULL;
    if ((flags & PyBUF_FORMAT) == PyBUF_FORMAT) {
        view->format = (char *)a->descr->format;
    }
    a->exports++;
    Py_END_CRITICAL_SECTION();
    return 0;
}

static void
array_releasebuffer(PyObject *op, Py_buffer *Py_UNUSED(view))
{
    ArrayObject *a = (ArrayObject *)op;
    Py_BEGIN_CRITICAL_SECTION(a);
    a->exports--;
    Py_END_CRITICAL_SECTION();
}

/* ---- construction, repr, deallocation ---------------------------------------- */

static const Descr *
find_descr(char code)
{
    for (int i = 0; i < NDESCR; i++) {
        if (descriptors[i].typecode == code) {
            return &descriptors[i];
        }
    }
    return NULL;
}

static PyObject *
array_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    if ((type == &Array_Type || type->tp_init == Array_Type.tp_init) &&
        !_PyArg_NoKeywords("array.array", kwargs)) {
        return NULL;
    }
    if (!_PyArg_CheckPositional("array", PyTuple_GET_SIZE(args), 1, 2)) {
        return NULL;
    }
    PyObject *code_obj = PyTuple_GET_ITEM(args, 0);
    PyObject *init = PyTuple_GET_SIZE(args) > 1 ? PyTuple_GET_ITEM(args, 1)
                                                : NULL;
    if (!PyUnicode_Check(code_obj) || PyUnicode_GET_LENGTH(code_obj) != 1) {
        PyErr_Format(PyExc_TypeError, "array() argument 1 must be a unicode "
                     "character, not %.50s", Py_TYPE(code_obj)->tp_name);
        return NULL;
    }
    Py_UCS4 code = PyUnicode_READ_CHAR(code_obj, 0);
    const Descr *descr = code < 128 ? find_descr((char)code) : NULL;
    if (descr == NULL) {
        PyErr_SetString(PyExc_ValueError, "bad typecode (must be b, B, u, w, "
                        "h, H, i, I, l, L, q, Q, f or d)");
        return NULL;
    }
    if (code == 'u' && PyErr_WarnEx(PyExc_DeprecationWarning,
                                    "The 'u' type code is deprecated and "
                                    "will be removed in Python 3.16", 1) < 0) {
        return NULL;
    }
    if (init != NULL && PyUnicode_Check(init) && !is_unicode_code(descr)) {
        PyErr_Format(PyExc_TypeError, "cannot use a str to initialize an "
                     "array with typecode '%c'", descr->typecode);
        return NULL;
    }
    if (init != NULL && Array_Check(init) &&
        is_unicode_code(((ArrayObject *)init)->descr) &&
        !is_unicode_code(descr)) {
        PyErr_Format(PyExc_TypeError, "cannot use a unicode array to "
                     "initialize an array with typecode '%c'",
                     descr->typecode);
        return NULL;
    }
    ArrayObject *a = new_array(type, 0, descr);
    if (a == NULL || init == NULL) {
        return (PyObject *)a;
    }
    PyObject *r;
    if (PyUnicode_Check(init)) {
        r = array_fromunicode((PyObject *)a, init);
    }
    else if (PyBytes_Check(init) || PyByteArray_Check(init)) {
        r = array_frombytes((PyObject *)a, init);
    }
    else if (Array_Check(init) && ((ArrayObject *)init)->descr != descr) {
        /* Another type code: convert item by item. */
        PyObject *items = array_tolist(init, NULL);
        r = items == NULL ? NULL : array_extend((PyObject *)a, items);
        Py_XDECREF(items);
    }
    else {
        r = array_extend((PyObject *)a, init);
    }
    if (r == NULL) {
        Py_DECREF(a);
        return NULL;
    }
    Py_DECREF(r);
    return (PyObject *)a;
}

static PyObject *
array_repr(PyObject *op)
{
    ArrayObject *a = (ArrayObject *)op;
    const char *name = Py_TYPE(op)->tp_name;
    const char *dot = strrchr(name, '.');
    if (dot != NULL) {
        name = dot + 1;
    }
    char code = a->descr->typecode;
    if (array_length(op) == 0) {
        return PyUnicode_FromFormat("%s('%c')", name, code);
    }
    PyObject *contents = is_unicode_code(a->descr) ? array_tounicode(op, NULL)
                                                   : array_tolist(op, NULL);
    if (contents == NULL) {
        return NULL;
    }
    PyObject *result = PyUnicode_FromFormat("%s('%c', %R)", name, code,
                                            contents);
    Py_DECREF(contents);
    return result;
}

static void
array_dealloc(PyObject *op)
{
    ArrayObject *a = (ArrayObject *)op;
    if (a->weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    PyMem_Free(a->items);
    Py_TYPE(op)->tp_free(op);
}

/* ---- iterator --------------------------------------------------------------- */

static PyObject *
array_iter(PyObject *op)
{
    ArrayIterObject *it = PyObject_GC_New(ArrayIterObject, &ArrayIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->array = (ArrayObject *)Py_NewRef(op);
    it->index = 0;
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static PyObject *
arrayiter_next(PyObject *op)
{
    ArrayIterObject *it = (ArrayIterObject *)op;
    PyObject *result = NULL;
    ArrayObject *exhausted = NULL;
    Py_BEGIN_CRITICAL_SECTION(it);
    ArrayObject *a = it->array;
    if (a != NULL) {
        Py_BEGIN_CRITICAL_SECTION(a);
        if (it->index < Py_SIZE(a)) {
            result = get_item_locked(a, it->index++);
        }
        Py_END_CRITICAL_SECTION();
        if (result == NULL && !PyErr_Occurred()) {
            exhausted = it->array;
            it->array = NULL;
        }
    }
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(exhausted);
    return result;
}

static void
arrayiter_dealloc(PyObject *op)
{
    ArrayIterObject *it = (ArrayIterObject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(it->array);
    PyObject_GC_Del(op);
}

static int
arrayiter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((ArrayIterObject *)op)->array);
    return 0;
}

static PyObject *
arrayiter_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    ArrayIterObject *it = (ArrayIterObject *)op;
    PyObject *builtins = PyEval_GetBuiltins();   /* borrowed */
    PyObject *iter = NULL;
    if (builtins == NULL ||
        PyDict_GetItemStringRef(builtins, "iter", &iter) <= 0) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_RuntimeError, "iter() not found");
        }
        return NULL;
    }
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(it);
    if (it->array == NULL) {
        result = Py_BuildValue("O(())", iter);
    }
    else {
        result = Py_BuildValue("O(O)n", iter, it->array, it->index);
    }
    Py_END_CRITICAL_SECTION();
    Py_DECREF(iter);
    return result;
}

static PyObject *
arrayiter_setstate(PyObject *op, PyObject *state)
{
    ArrayIterObject *it = (ArrayIterObject *)op;
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred()) {
        return NULL;
    }
    Py_BEGIN_CRITICAL_SECTION(it);
    if (it->array != NULL) {
        it->index = index < 0 ? 0 : index;
    }
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyMethodDef arrayiter_methods[] = {
    {"__reduce__", arrayiter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", arrayiter_setstate, METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject ArrayIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "array.arrayiterator",
    .tp_basicsize = sizeof(ArrayIterObject),
    .tp_dealloc = arrayiter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC |
                Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_traverse = arrayiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = arrayiter_next,
    .tp_methods = arrayiter_methods,
    .tp_free = PyObject_GC_Del,
};

/* _array_reconstructor(arraytype, typecode, mformat_code, items): the
   inverse of __reduce_ex__ for protocol 3 and later. */
static PyObject *
array_reconstructor(PyObject *Py_UNUSED(module), PyObject *const *args,
                    Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_array_reconstructor", nargs, 4, 4)) {
        return NULL;
    }
    PyObject *type = args[0], *code_obj = args[1], *items = args[3];
    if (!PyType_Check(type)) {
        PyErr_Format(PyExc_TypeError, "first argument must be a type object, "
                     "not %.200s", Py_TYPE(type)->tp_name);
        return NULL;
    }
    if (!PyType_IsSubtype((PyTypeObject *)type, &Array_Type)) {
        PyErr_Format(PyExc_TypeError, "%.200s is not a subtype of "
                     "array.array", ((PyTypeObject *)type)->tp_name);
        return NULL;
    }
    const Descr *descr = NULL;
    if (PyUnicode_Check(code_obj) && PyUnicode_GET_LENGTH(code_obj) == 1 &&
        PyUnicode_READ_CHAR(code_obj, 0) < 128) {
        descr = find_descr((char)PyUnicode_READ_CHAR(code_obj, 0));
    }
    if (descr == NULL) {
        PyErr_SetString(PyExc_ValueError,
                        "second argument must be a valid type code");
        return NULL;
    }
    int mf = PyLong_AsInt(args[2]);
    if (mf == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (mf < 0 || mf > MF_LAST) {
        PyErr_SetString(PyExc_ValueError,
                        "third argument must be a valid machine format code.");
        return NULL;
    }
    if (!PyBytes_Check(items)) {
        PyErr_Format(PyExc_TypeError, "fourth argument should be bytes, not "
                     "%.200s", Py_TYPE(items)->tp_name);
        return NULL;
    }
    PyObject *init;
    if (mf == (int)native_machine_format(descr)) {
        init = Py_NewRef(items);
    }
    else {
        init = decode_machine_items(mf, PyBytes_AS_STRING(items),
                                    PyBytes_GET_SIZE(items));
        if (init == NULL) {
            return NULL;
        }
    }
    PyObject *result = PyObject_CallFunction(type, "OO", code_obj, init);
    Py_DECREF(init);
    return result;
}

static PyMethodDef array_module_methods[] = {
    {"_array_reconstructor", _PyCFunction_CAST(array_reconstructor),
     METH_FASTCALL,
     "_array_reconstructor($module, arraytype, typecode, mformat_code, "
     "items, /)\n--\n\nInternal. Used for pickling support."},
    {NULL, NULL, 0, NULL},
};

/* ---- type and module -------------------------------------------------------- */

static PyMethodDef array_methods[] = {
    {"append", array_append, METH_O,
     "append($self, v, /)\n--\n\nAppend new value v to the end of the "
     "array."},
    {"buffer_info", array_buffer_info, METH_NOARGS,
     "buffer_info($self, /)\n--\n\nReturn a tuple (address, length) giving "
     "the current memory address and the length in items of the buffer used "
     "to hold array's contents."},
    {"byteswap", array_byteswap, METH_NOARGS,
     "byteswap($self, /)\n--\n\nByteswap all items of the array."},
    {"clear", array_clear, METH_NOARGS,
     "clear($self, /)\n--\n\nRemove all items from the array."},
    {"__copy__", array_copy, METH_NOARGS,
     "__copy__($self, /)\n--\n\nReturn a copy of the array."},
    {"count", array_count, METH_O,
     "count($self, v, /)\n--\n\nReturn number of occurrences of v in the "
     "array."},
    {"__deepcopy__", array_copy, METH_O,
     "__deepcopy__($self, unused, /)\n--\n\nReturn a copy of the array."},
    {"extend", array_extend, METH_O,
     "extend($self, bb, /)\n--\n\nAppend items to the end of the array."},
    {"frombytes", array_frombytes, METH_O,
     "frombytes($self, buffer, /)\n--\n\nAppends items from the string, "
     "interpreting it as an array of machine values, as if it had been read "
     "from a file using the fromfile() method."},
    {"fromfile", _PyCFunction_CAST(array_fromfile), METH_FASTCALL,
     "fromfile($self, f, n, /)\n--\n\nRead n objects from the file object f "
     "and append them to the end of the array."},
    {"fromlist", array_fromlist, METH_O,
     "fromlist($self, list, /)\n--\n\nAppend items to array from list."},
    {"fromunicode", array_fromunicode, METH_O,
     "fromunicode($self, ustr, /)\n--\n\nExtends this array with data from "
     "the unicode string ustr."},
    {"index", _PyCFunction_CAST(array_index), METH_FASTCALL,
     "index($self, v, start=0, stop=sys.maxsize, /)\n--\n\n"
     "Return index of first occurrence of v in the array."},
    {"insert", _PyCFunction_CAST(array_insert), METH_FASTCALL,
     "insert($self, i, v, /)\n--\n\nInsert a new item v into the array "
     "before position i."},
    {"pop", _PyCFunction_CAST(array_pop), METH_FASTCALL,
     "pop($self, i=-1, /)\n--\n\nReturn the i-th element and delete it from "
     "the array."},
    {"__reduce_ex__", array_reduce_ex, METH_O,
     "__reduce_ex__($self, protocol, /)\n--\n\n"
     "Return state information for pickling."},
    {"remove", array_remove, METH_O,
     "remove($self, v, /)\n--\n\nRemove the first occurrence of v in the "
     "array."},
    {"reverse", array_reverse, METH_NOARGS,
     "reverse($self, /)\n--\n\nReverse the order of the items in the "
     "array."},
    {"tofile", array_tofile, METH_O,
     "tofile($self, f, /)\n--\n\nWrite all items (as machine values) to the "
     "file object f."},
    {"tolist", array_tolist, METH_NOARGS,
     "tolist($self, /)\n--\n\nConvert array to an ordinary list with the "
     "same items."},
    {"tobytes", array_tobytes, METH_NOARGS,
     "tobytes($self, /)\n--\n\nConvert the array to an array of machine "
     "values and return the bytes representation."},
    {"tounicode", array_tounicode, METH_NOARGS,
     "tounicode($self, /)\n--\n\nExtends this array with data from the "
     "unicode string ustr."},
    {"__sizeof__", array_sizeof, METH_NOARGS,
     "__sizeof__($self, /)\n--\n\nSize of the array in memory, in bytes."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef array_getset[] = {
    {"typecode", array_get_typecode, NULL,
     "the typecode character used to create the array", NULL},
    {"itemsize", array_get_itemsize, NULL,
     "the size, in bytes, of one array item", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PySequenceMethods array_as_sequence = {
    .sq_length = array_length,
    .sq_concat = array_concat,
    .sq_repeat = array_repeat,
    .sq_item = array_item,
    .sq_ass_item = array_ass_item,
    .sq_contains = array_contains,
    .sq_inplace_concat = array_inplace_concat,
    .sq_inplace_repeat = array_inplace_repeat,
};

static PyMappingMethods array_as_mapping = {
    .mp_length = array_length,
    .mp_subscript = array_subscript,
    .mp_ass_subscript = array_ass_subscript,
};

static PyBufferProcs array_as_buffer = {
    .bf_getbuffer = array_getbuffer,
    .bf_releasebuffer = array_releasebuffer,
};

static PyTypeObject Array_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "array.array",
    .tp_basicsize = sizeof(ArrayObject),
    .tp_dealloc = array_dealloc,
    .tp_repr = array_repr,
    .tp_as_sequence = &array_as_sequence,
    .tp_as_mapping = &array_as_mapping,
    .tp_as_buffer = &array_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_SEQUENCE,
    .tp_doc = "array(typecode [, initializer]) -> array\n\n"
              "Return a new array whose items are restricted by typecode, "
              "and\ninitialized from the optional initializer value, which "
              "must be a bytes\nor bytearray object, a Unicode string, or "
              "iterable over elements of the\nappropriate type.",
    .tp_richcompare = array_richcompare,
    .tp_weaklistoffset = offsetof(ArrayObject, weakreflist),
    .tp_iter = array_iter,
    .tp_methods = array_methods,
    .tp_getset = array_getset,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = array_new,
    .tp_free = PyObject_Free,
};

/* array.array is a virtual subclass of collections.abc.MutableSequence,
   as the documentation promises; the registry lives in the ABC, which
   takes its own lock, so this is safe when two threads import array. */
static int
register_as_mutable_sequence(void)
{
    PyObject *abc = PyImport_ImportModule("_collections_abc");
    if (abc == NULL) {
        return -1;
    }
    PyObject *mutable_sequence = PyObject_GetAttrString(abc, "MutableSequence");
    Py_DECREF(abc);
    if (mutable_sequence == NULL) {
        return -1;
    }
    PyObject *res = PyObject_CallMethod(mutable_sequence, "register", "O",
                                        (PyObject *)&Array_Type);
    Py_DECREF(mutable_sequence);
    if (res == NULL) {
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

static int
array_exec(PyObject *module)
{
    if (PyType_Ready(&Array_Type) < 0 || PyType_Ready(&ArrayIter_Type) < 0) {
        return -1;
    }
    char codes[NDESCR + 1];
    for (int i = 0; i < NDESCR; i++) {
        codes[i] = descriptors[i].typecode;
    }
    codes[NDESCR] = '\0';
    if (PyModule_AddObjectRef(module, "array", (PyObject *)&Array_Type) < 0 ||
        PyModule_AddObjectRef(module, "ArrayType",
                              (PyObject *)&Array_Type) < 0 ||
        PyModule_AddStringConstant(module, "typecodes", codes) < 0) {
        return -1;
    }
    return register_as_mutable_sequence();
}

static PyModuleDef_Slot array_slots[] = {
    {Py_mod_exec, array_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef array_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "array",
    .m_doc = "This module defines an object type which can efficiently "
             "represent\nan array of basic values: characters, integers, "
             "floating-point\nnumbers.  Arrays are sequence types and behave "
             "very much like lists,\nexcept that the type of objects stored "
             "in them is constrained.\n",
    .m_size = 0,
    .m_methods = array_module_methods,
    .m_slots = array_slots,
};

PyMODINIT_FUNC
PyInit_array(void)
{
    return PyModuleDef_Init(&array_module);
}
