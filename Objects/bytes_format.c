/* printf-style formatting of bytes: b'%d %s' % (1, b'x') (PEP 461).

   Numeric conversions are rendered by str's own %-formatting
   (PyUnicode_Format) on a one-conversion format and encoded back to ASCII,
   so the number rules are written once.  The byte-specific conversions
   (%b, %s, %c, %a, %r) are done here.  The format is a private copy of
   the caller's bytes, so nothing here reads shared mutable state. */
#include "Python.h"
#include "pycore_bytes_methods.h"

typedef struct {
    char *data;
    Py_ssize_t size;
    Py_ssize_t capacity;
} byte_writer;

static int writer_reserve(byte_writer *w, Py_ssize_t extra)
{
    if (extra > PY_SSIZE_T_MAX - w->size) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t needed = w->size + extra;
    if (needed <= w->capacity) {
        return 0;
    }
    Py_ssize_t capacity = w->capacity ? w->capacity : 64;
    while (capacity < needed) {
        capacity = capacity > PY_SSIZE_T_MAX / 2 ? needed : capacity * 2;
    }
    char *grown = PyMem_Realloc(w->data, (size_t)capacity);
    if (grown == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    w->data = grown;
    w->capacity = capacity;
    return 0;
}

static int writer_write(byte_writer *w, const char *p, Py_ssize_t n)
{
    if (n == 0) {
        return 0;
    }
    if (writer_reserve(w, n) < 0) {
        return -1;
    }
    memcpy(w->data + w->size, p, (size_t)n);
    w->size += n;
    return 0;
}

static int writer_fill(byte_writer *w, char c, Py_ssize_t n)
{
    if (n <= 0) {
        return 0;
    }
    if (writer_reserve(w, n) < 0) {
        return -1;
    }
    memset(w->data + w->size, c, (size_t)n);
    w->size += n;
    return 0;
}

typedef struct {
    int left_align;
    int zero_pad;
    Py_ssize_t width;       /* -1: none */
    Py_ssize_t precision;   /* -1: none */
    char flags[8];          /* the flag characters as written, for numbers */
} conversion_spec;

/* Write `p` padded to the spec's width. */
static int write_padded(byte_writer *w, const conversion_spec *spec,
                        const char *p, Py_ssize_t n)
{
    Py_ssize_t pad = spec->width > n ? spec->width - n : 0;
    if (!spec->left_align && writer_fill(w, ' ', pad) < 0) {
        return -1;
    }
    if (writer_write(w, p, n) < 0) {
        return -1;
    }
    return spec->left_align ? writer_fill(w, ' ', pad) : 0;
}

/* %b and %s: a buffer, or an object with __bytes__. */
static int format_bytes_like(byte_writer *w, const conversion_spec *spec,
                             PyObject *value)
{
    PyObject *converted = NULL;
    Py_buffer view;
    if (!PyObject_CheckBuffer(value)) {
        PyObject *method = NULL;
        if (!PyUnicode_Check(value)
                && PyObject_GetOptionalAttrString((PyObject *)Py_TYPE(value),
                                                  "__bytes__", &method) < 0) {
            return -1;
        }
        if (method == NULL) {
            /* CPython names %b for %s too. */
            PyErr_Format(PyExc_TypeError,
                         "%%b requires a bytes-like object, or an object that "
                         "implements __bytes__, not '%.100s'",
                         Py_TYPE(value)->tp_name);
            return -1;
        }
        converted = PyObject_CallOneArg(method, value);
        Py_DECREF(method);
        if (converted == NULL) {
            return -1;
        }
        if (!PyBytes_Check(converted)) {
            PyErr_Format(PyExc_TypeError, "__bytes__ returned non-bytes (type %.200s)",
                         Py_TYPE(converted)->tp_name);
            Py_DECREF(converted);
            return -1;
        }
        value = converted;
    }
    if (PyObject_GetBuffer(value, &view, PyBUF_SIMPLE) != 0) {
        Py_XDECREF(converted);
        return -1;
    }
    Py_ssize_t n = view.len;
    if (spec->precision >= 0 && spec->precision < n) {
        n = spec->precision;
    }
    int status = write_padded(w, spec, view.buf, n);
    PyBuffer_Release(&view);
    Py_XDECREF(converted);
    return status;
}

/* %a and %r: ascii(value), which is pure ASCII. */
static int format_ascii(byte_writer *w, const conversion_spec *spec, PyObject *value)
{
    PyObject *text = PyObject_ASCII(value);
    if (text == NULL) {
        return -1;
    }
    Py_ssize_t n;
    const char *p = PyUnicode_AsUTF8AndSize(text, &n);
    int status = -1;
    if (p != NULL) {
        if (spec->precision >= 0 && spec->precision < n) {
            n = spec->precision;
        }
        status = write_padded(w, spec, p, n);
    }
    Py_DECREF(text);
    return status;
}

static int format_char(byte_writer *w, const conversion_spec *spec, PyObject *value)
{
    char c;
    if (PyBytes_Check(value) && PyBytes_GET_SIZE(value) == 1) {
        c = PyBytes_AS_STRING(value)[0];
    }
    else if (PyByteArray_Check(value) && PyByteArray_GET_SIZE(value) == 1) {
        c = PyByteArray_AS_STRING(value)[0];
    }
    else if (PyIndex_Check(value)) {
        PyObject *index = PyNumber_Index(value);
        if (index == NULL) {
            return -1;
        }
        int overflow;
        long v = PyLong_AsLongAndOverflow(index, &overflow);
        Py_DECREF(index);
        if (v == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (overflow || v < 0 || v > 255) {
            PyErr_SetString(PyExc_OverflowError, "%c arg not in range(256)");
            return -1;
        }
        c = (char)v;
    }
    else {
        PyErr_SetString(PyExc_TypeError,
                        "%c requires an integer in range(256) or a single byte");
        return -1;
    }
    return write_padded(w, spec, &c, 1);
}

/* Numbers: delegate to str's %-formatting of the same conversion. */
static int format_number(byte_writer *w, const conversion_spec *spec,
                         PyObject *value, char conversion)
{
    char format[64];
    char *p = format;
    *p++ = '%';
    for (const char *f = spec->flags; *f; f++) {
        *p++ = *f;
    }
    /* bytes names %i as %d in its errors, str keeps %i (as CPython). */
    if (conversion == 'i') {
        conversion = 'd';
    }
    int written;
    if (spec->width >= 0 && spec->precision >= 0) {
        written = PyOS_snprintf(p, sizeof(format) - (size_t)(p - format), "%zd.%zd%c",
                                spec->width, spec->precision, conversion);
    }
    else if (spec->width >= 0) {
        written = PyOS_snprintf(p, sizeof(format) - (size_t)(p - format), "%zd%c",
                                spec->width, conversion);
    }
    else if (spec->precision >= 0) {
        written = PyOS_snprintf(p, sizeof(format) - (size_t)(p - format), ".%zd%c",
                                spec->precision, conversion);
    }
    else {
        written = PyOS_snprintf(p, sizeof(format) - (size_t)(p - format), "%c",
                                conversion);
    }
    if (written < 0 || (size_t)written >= sizeof(format) - (size_t)(p - format)) {
        PyErr_SetString(PyExc_ValueError, "width or precision too large");
        return -1;
    }
    PyObject *fmt = PyUnicode_FromString(format);
    if (fmt == NULL) {
        return -1;
    }
    PyObject *args = PyTuple_Pack(1, value);
    PyObject *text = args ? PyUnicode_Format(fmt, args) : NULL;
    Py_DECREF(fmt);
    Py_XDECREF(args);
    if (text == NULL) {
        return -1;
    }
    Py_ssize_t n;
    const char *utf8 = PyUnicode_AsUTF8AndSize(text, &n);
    int status = utf8 ? writer_write(w, utf8, n) : -1;
    Py_DECREF(text);
    return status;
}

/* The next positional argument, or an error when they have run out. */
static PyObject *next_argument(PyObject *args, Py_ssize_t nargs, Py_ssize_t *index)
{
    if (*index >= nargs) {
        PyErr_SetString(PyExc_TypeError, "not enough arguments for format string");
        return NULL;
    }
    PyObject *arg = PyTuple_Check(args) ? PyTuple_GET_ITEM(args, *index) : args;
    (*index)++;
    return arg;
}

/* A '*' width or precision, taken from the arguments.  As in CPython a
   width is a Py_ssize_t and a precision a C int (`is_precision`). */
static int star_argument(PyObject *args, Py_ssize_t nargs, Py_ssize_t *index,
                         Py_ssize_t *out, int is_precision)
{
    PyObject *v = next_argument(args, nargs, index);
    if (v == NULL) {
        return -1;
    }
    if (!PyLong_Check(v)) {
        PyErr_Format(PyExc_TypeError, "* wants int");
        return -1;
    }
    Py_ssize_t n = is_precision ? PyLong_AsInt(v) : PyLong_AsSsize_t(v);
    if (n == -1 && PyErr_Occurred()) {
        return -1;
    }
    *out = n;
    return 0;
}

PyObject *_Py_bytes_format(const char *format, Py_ssize_t size, PyObject *args)
{
    byte_writer w = { NULL, 0, 0 };
    int is_tuple = PyTuple_Check(args);
    Py_ssize_t nargs = is_tuple ? PyTuple_GET_SIZE(args) : 1;
    Py_ssize_t arg_index = 0;
    /* A mapping argument (not a tuple, not bytes-like) allows %(key)s. */
    PyObject *mapping = NULL;
    if (!is_tuple && PyMapping_Check(args) && !PyBytes_Check(args)
            && !PyByteArray_Check(args) && !PyUnicode_Check(args)) {
        mapping = args;
    }
    const char *p = format, *end = format + size;
    while (p < end) {
        const char *percent = memchr(p, '%', (size_t)(end - p));
        if (percent == NULL) {
            percent = end;
        }
        if (writer_write(&w, p, percent - p) < 0) {
            goto failed;
        }
        if (percent == end) {
            break;
        }
        p = percent + 1;
        PyObject *value = NULL;
        PyObject *owned_value = NULL;
        if (p < end && *p == '(') {
            if (mapping == NULL) {
                PyErr_SetString(PyExc_TypeError, "format requires a mapping");
                goto failed;
            }
            const char *key_start = ++p;
            int depth = 1;
            while (p < end && depth > 0) {
                depth += (*p == '(') - (*p == ')');
                p++;
            }
            if (depth > 0) {
                PyErr_SetString(PyExc_ValueError, "incomplete format key");
                goto failed;
            }
            PyObject *key = PyBytes_FromStringAndSize(key_start, p - 1 - key_start);
            if (key == NULL) {
                goto failed;
            }
            owned_value = PyObject_GetItem(mapping, key);
            Py_DECREF(key);
            if (owned_value == NULL) {
                goto failed;
            }
            value = owned_value;
            /* With a mapping, positional consumption does not apply. */
            nargs = -1;
        }
        conversion_spec spec = { 0, 0, -1, -1, { 0 } };
        int nflags = 0;
        while (p < end && strchr("-+ #0", *p) != NULL) {
            if (*p == '-') {
                spec.left_align = 1;
            }
            if (*p == '0') {
                spec.zero_pad = 1;
            }
            if (nflags < (int)sizeof(spec.flags) - 1) {
                spec.flags[nflags++] = *p;
            }
            p++;
        }
        if (p < end && *p == '*') {
            if (star_argument(args, nargs, &arg_index, &spec.width, 0) < 0) {
                Py_XDECREF(owned_value);
                goto failed;
            }
            if (spec.width < 0) {
                spec.left_align = 1;
                spec.width = -spec.width;
                if (nflags < (int)sizeof(spec.flags) - 1) {
                    spec.flags[nflags++] = '-';
                }
            }
            p++;
        }
        else {
            while (p < end && *p >= '0' && *p <= '9') {
                if (spec.width < 0) {
                    spec.width = 0;
                }
                if (spec.width > (PY_SSIZE_T_MAX - 9) / 10) {
                    PyErr_SetString(PyExc_ValueError, "width too big");
                    Py_XDECREF(owned_value);
                    goto failed;
                }
                spec.width = spec.width * 10 + (*p++ - '0');
            }
        }
        if (p < end && *p == '.') {
            p++;
            spec.precision = 0;
            if (p < end && *p == '*') {
                if (star_argument(args, nargs, &arg_index, &spec.precision, 1) < 0) {
                    Py_XDECREF(owned_value);
                    goto failed;
                }
                if (spec.precision < 0) {
                    spec.precision = 0;
                }
                p++;
            }
            else {
                while (p < end && *p >= '0' && *p <= '9') {
                    if (spec.precision > (INT_MAX - 9) / 10) {
                        PyErr_SetString(PyExc_ValueError, "prec too big");
                        Py_XDECREF(owned_value);
                        goto failed;
                    }
                    spec.precision = spec.precision * 10 + (*p++ - '0');
                }
            }
        }
        /* Length modifiers are accepted and ignored, as in C-style Python. */
        while (p < end && (*p == 'h' || *p == 'l' || *p == 'L')) {
            p++;
        }
        if (p == end) {
            PyErr_SetString(PyExc_ValueError, "incomplete format");
            Py_XDECREF(owned_value);
            goto failed;
        }
        char conversion = *p++;
        /* Only "%%" is a literal percent (see unicode_format.c). */
        if (conversion == '%' && p == percent + 2) {
            Py_XDECREF(owned_value);
            if (writer_write(&w, "%", 1) < 0) {
                goto failed;
            }
            continue;
        }
        if (value == NULL) {
            value = next_argument(args, nargs, &arg_index);
            if (value == NULL) {
                goto failed;
            }
        }
        int status;
        switch (conversion) {
        case 'b': case 's':
            status = format_bytes_like(&w, &spec, value);
            break;
        case 'a': case 'r':
            status = format_ascii(&w, &spec, value);
            break;
        case 'c':
            status = format_char(&w, &spec, value);
            break;
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
            status = format_number(&w, &spec, value, conversion);
            break;
        default:
            PyErr_Format(PyExc_ValueError,
                         "unsupported format character '%c' (0x%x) at index %zd",
                         (conversion >= 32 && conversion < 127) ? conversion : '?',
                         (unsigned char)conversion, (Py_ssize_t)(p - 1 - format));
            status = -1;
            break;
        }
        Py_XDECREF(owned_value);
        if (status < 0) {
            goto failed;
        }
    }
    if (nargs >= 0 && mapping == NULL && arg_index < nargs) {
        PyErr_SetString(PyExc_TypeError,
                        "not all arguments converted during bytes formatting");
        goto failed;
    }
    PyObject *result = PyBytes_FromStringAndSize(w.data, w.size);
    PyMem_Free(w.data);
    return result;

failed:
    PyMem_Free(w.data);
    return NULL;
}
