/* Building str objects piece by piece: the internal _PyUnicodeWriter,
   the public PyUnicodeWriter that wraps it, and PyUnicode_FromFormat.

   A writer's buffer is a private str (only the writer references it), so
   it is filled and resized in place without locks; it becomes visible to
   others only when Finish returns it. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_unicodeobject.h"

/* ---- _PyUnicodeWriter ------------------------------------------------------ */

void
_PyUnicodeWriter_Init(_PyUnicodeWriter *writer)
{
    memset(writer, 0, sizeof(*writer));
    writer->kind = PyUnicode_1BYTE_KIND;
}

static void
writer_update(_PyUnicodeWriter *writer)
{
    writer->maxchar = PyUnicode_MAX_CHAR_VALUE(writer->buffer);
    writer->data = PyUnicode_DATA(writer->buffer);
    writer->kind = PyUnicode_KIND(writer->buffer);
    writer->size = writer->readonly ? writer->pos
                                    : PyUnicode_GET_LENGTH(writer->buffer);
}

/* Replace the buffer with a fresh private one of new_size characters up
   to maxchar, keeping the pos characters written so far. */
static int
writer_reallocate(_PyUnicodeWriter *writer, Py_ssize_t new_size, Py_UCS4 maxchar)
{
    PyObject *fresh = PyUnicode_New(new_size, maxchar);
    if (fresh == NULL) {
        return -1;
    }
    if (writer->buffer != NULL) {
        _Py_copy_characters(PyUnicode_KIND(fresh), PyUnicode_DATA(fresh), 0,
                            writer->kind, writer->data, 0, writer->pos);
        Py_DECREF(writer->buffer);
    }
    writer->buffer = fresh;
    writer->readonly = 0;
    writer_update(writer);
    return 0;
}

int
_PyUnicodeWriter_PrepareInternal(_PyUnicodeWriter *writer, Py_ssize_t length,
                                 Py_UCS4 maxchar)
{
    if (length > PY_SSIZE_T_MAX - writer->pos) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t new_size = writer->pos + length;
    maxchar = Py_MAX(maxchar, writer->min_char);
    if (maxchar > MAX_UNICODE) {
        PyErr_SetString(PyExc_ValueError, "character out of range");
        return -1;
    }
    if (writer->buffer == NULL || new_size > writer->size) {
        if (writer->overallocate && new_size <= PY_SSIZE_T_MAX - new_size / 2) {
            new_size += new_size / 2;
        }
        new_size = Py_MAX(new_size, writer->min_length);
        if (writer->buffer == NULL) {
            return writer_reallocate(writer, new_size, maxchar);
        }
        if (maxchar > writer->maxchar || writer->readonly) {
            return writer_reallocate(writer, new_size,
                                     Py_MAX(maxchar, writer->maxchar));
        }
        /* Same kind, more room: the buffer is private, so resize it. */
        PyObject *resized = _Py_unicode_resize_compact(writer->buffer, new_size);
        writer->buffer = resized;
        if (resized == NULL) {
            return -1;
        }
        writer_update(writer);
        return 0;
    }
    if (maxchar > writer->maxchar || writer->readonly) {
        return writer_reallocate(writer, writer->size,
                                 Py_MAX(maxchar, writer->maxchar));
    }
    return 0;
}

int
_PyUnicodeWriter_PrepareKindInternal(_PyUnicodeWriter *writer, int kind)
{
    Py_UCS4 maxchar = kind == PyUnicode_1BYTE_KIND ? 0xFF
                      : kind == PyUnicode_2BYTE_KIND ? 0xFFFF : MAX_UNICODE;
    return _PyUnicodeWriter_PrepareInternal(writer, 0, maxchar);
}

int
_PyUnicodeWriter_WriteChar(_PyUnicodeWriter *writer, Py_UCS4 ch)
{
    if (ch > MAX_UNICODE) {
        PyErr_SetString(PyExc_ValueError,
                        "character must be in range(0x110000)");
        return -1;
    }
    if (_PyUnicodeWriter_Prepare(writer, 1, ch) < 0) {
        return -1;
    }
    PyUnicode_WRITE(writer->kind, writer->data, writer->pos, ch);
    writer->pos++;
    return 0;
}

int
_PyUnicodeWriter_WriteStr(_PyUnicodeWriter *writer, PyObject *str)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    if (len == 0) {
        return 0;
    }
    Py_UCS4 maxchar = PyUnicode_MAX_CHAR_VALUE(str);
    if (maxchar > writer->maxchar || len > writer->size - writer->pos) {
        if (writer->buffer == NULL && !writer->overallocate
            && PyUnicode_CheckExact(str) && writer->min_length <= len
            && maxchar >= writer->min_char) {
            /* The whole result may be this string: share it until more
               is written. */
            writer->readonly = 1;
            writer->buffer = Py_NewRef(str);
            writer->pos = len;
            writer_update(writer);
            return 0;
        }
        if (_PyUnicodeWriter_PrepareInternal(writer, len, maxchar) < 0) {
            return -1;
        }
    }
    _Py_copy_characters(writer->kind, writer->data, writer->pos,
                        PyUnicode_KIND(str), PyUnicode_DATA(str), 0, len);
    writer->pos += len;
    return 0;
}

int
_PyUnicodeWriter_WriteSubstring(_PyUnicodeWriter *writer, PyObject *str,
                                Py_ssize_t start, Py_ssize_t end)
{
    if (start == 0 && end == PyUnicode_GET_LENGTH(str)) {
        return _PyUnicodeWriter_WriteStr(writer, str);
    }
    if (end <= start) {
        return 0;
    }
    Py_UCS4 maxchar = _PyUnicode_FindMaxChar(str, start, end);
    if (_PyUnicodeWriter_Prepare(writer, end - start, maxchar) < 0) {
        return -1;
    }
    _Py_copy_characters(writer->kind, writer->data, writer->pos,
                        PyUnicode_KIND(str), PyUnicode_DATA(str), start,
                        end - start);
    writer->pos += end - start;
    return 0;
}

int
_PyUnicodeWriter_WriteASCIIString(_PyUnicodeWriter *writer, const char *ascii,
                                  Py_ssize_t len)
{
    if (len == -1) {
        len = (Py_ssize_t)strlen(ascii);
    }
    if (len == 0) {
        return 0;
    }
    if (_PyUnicodeWriter_Prepare(writer, len, 127) < 0) {
        return -1;
    }
    if (writer->kind == PyUnicode_1BYTE_KIND) {
        memcpy((Py_UCS1 *)writer->data + writer->pos, ascii, (size_t)len);
    }
    else {
        _Py_copy_characters(writer->kind, writer->data, writer->pos,
                            PyUnicode_1BYTE_KIND, ascii, 0, len);
    }
    writer->pos += len;
    return 0;
}

int
_PyUnicodeWriter_WriteLatin1String(_PyUnicodeWriter *writer, const char *str,
                                   Py_ssize_t len)
{
    if (len == 0) {
        return 0;
    }
    Py_UCS4 maxchar = _Py_ucs1_maxchar((const Py_UCS1 *)str, len);
    if (_PyUnicodeWriter_Prepare(writer, len, maxchar) < 0) {
        return -1;
    }
    _Py_copy_characters(writer->kind, writer->data, writer->pos,
                        PyUnicode_1BYTE_KIND, str, 0, len);
    writer->pos += len;
    return 0;
}

/* Make a finished buffer canonical: callers may have asked for a wider
   kind than the characters they finally wrote need. */
PyObject *
_Py_unicode_canonicalize(PyObject *str)
{
    if (PyUnicode_IS_ASCII(str)) {
        return str;
    }
    int kind = PyUnicode_KIND(str);
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    Py_UCS4 max = _Py_buffer_maxchar(kind, PyUnicode_DATA(str), len);
    if (_Py_unicode_kind_for_maxchar(max) == kind && max >= 128) {
        return str;
    }
    PyObject *narrow = _Py_unicode_from_kind(kind, PyUnicode_DATA(str), len);
    Py_DECREF(str);
    return narrow;
}

PyObject *
_PyUnicodeWriter_Finish(_PyUnicodeWriter *writer)
{
    PyObject *str = writer->buffer;
    writer->buffer = NULL;
    if (writer->readonly) {
        return str;
    }
    if (writer->pos == 0) {
        Py_XDECREF(str);
        return _Py_unicode_new_empty();
    }
    if (writer->pos == 1) {
        Py_UCS4 ch = PyUnicode_READ(writer->kind, writer->data, 0);
        Py_DECREF(str);
        return _Py_unicode_char(ch);
    }
    if (PyUnicode_GET_LENGTH(str) != writer->pos) {
        str = _Py_unicode_resize_compact(str, writer->pos);
        if (str == NULL) {
            return NULL;
        }
    }
    return _Py_unicode_canonicalize(str);
}

void
_PyUnicodeWriter_Dealloc(_PyUnicodeWriter *writer)
{
    Py_CLEAR(writer->buffer);
}

/* ---- PyUnicodeWriter: the public, opaque form ------------------------------ */

struct PyUnicodeWriter {
    _PyUnicodeWriter w;
};

PyUnicodeWriter *
PyUnicodeWriter_Create(Py_ssize_t length)
{
    if (length < 0) {
        PyErr_SetString(PyExc_ValueError, "length must be positive");
        return NULL;
    }
    PyUnicodeWriter *pub = PyMem_Malloc(sizeof(*pub));
    if (pub == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    _PyUnicodeWriter_Init(&pub->w);
    pub->w.overallocate = 1;
    if (length > 0 && _PyUnicodeWriter_Prepare(&pub->w, length, 127) < 0) {
        PyMem_Free(pub);
        return NULL;
    }
    return pub;
}

void
PyUnicodeWriter_Discard(PyUnicodeWriter *writer)
{
    if (writer == NULL) {
        return;
    }
    _PyUnicodeWriter_Dealloc(&writer->w);
    PyMem_Free(writer);
}

PyObject *
PyUnicodeWriter_Finish(PyUnicodeWriter *writer)
{
    PyObject *str = _PyUnicodeWriter_Finish(&writer->w);
    PyMem_Free(writer);
    return str;
}

int
PyUnicodeWriter_WriteChar(PyUnicodeWriter *writer, Py_UCS4 ch)
{
    return _PyUnicodeWriter_WriteChar(&writer->w, ch);
}

int
PyUnicodeWriter_WriteUTF8(PyUnicodeWriter *writer, const char *str,
                          Py_ssize_t size)
{
    if (size < 0) {
        size = (Py_ssize_t)strlen(str);
    }
    return _Py_utf8_decode_into(&writer->w, str, size, NULL, NULL);
}

int
PyUnicodeWriter_WriteASCII(PyUnicodeWriter *writer, const char *str,
                           Py_ssize_t size)
{
    return _PyUnicodeWriter_WriteASCIIString(&writer->w, str, size);
}

int
PyUnicodeWriter_WriteUCS4(PyUnicodeWriter *writer, Py_UCS4 *str, Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_ValueError, "size must be positive");
        return -1;
    }
    if (size == 0) {
        return 0;
    }
    Py_UCS4 maxchar = _Py_ucs4_maxchar(str, size);
    if (maxchar > MAX_UNICODE) {
        PyErr_Format(PyExc_ValueError,
                     "character must be in range(0x110000)");
        return -1;
    }
    if (_PyUnicodeWriter_Prepare(&writer->w, size, maxchar) < 0) {
        return -1;
    }
    _Py_copy_characters(writer->w.kind, writer->w.data, writer->w.pos,
                        PyUnicode_4BYTE_KIND, str, 0, size);
    writer->w.pos += size;
    return 0;
}

int
PyUnicodeWriter_WriteWideChar(PyUnicodeWriter *writer, const wchar_t *str,
                              Py_ssize_t size)
{
    if (size < 0) {
        size = (Py_ssize_t)wcslen(str);
    }
    return PyUnicodeWriter_WriteUCS4(writer, (Py_UCS4 *)str, size);
}

int
PyUnicodeWriter_WriteStr(PyUnicodeWriter *writer, PyObject *obj)
{
    if (PyUnicode_CheckExact(obj)) {
        return _PyUnicodeWriter_WriteStr(&writer->w, obj);
    }
    PyObject *str = PyObject_Str(obj);
    if (str == NULL) {
        return -1;
    }
    int res = _PyUnicodeWriter_WriteStr(&writer->w, str);
    Py_DECREF(str);
    return res;
}

int
PyUnicodeWriter_WriteRepr(PyUnicodeWriter *writer, PyObject *obj)
{
    PyObject *repr = PyObject_Repr(obj);
    if (repr == NULL) {
        return -1;
    }
    int res = _PyUnicodeWriter_WriteStr(&writer->w, repr);
    Py_DECREF(repr);
    return res;
}

int
PyUnicodeWriter_WriteSubstring(PyUnicodeWriter *writer, PyObject *str,
                               Py_ssize_t start, Py_ssize_t end)
{
    if (!PyUnicode_Check(str)) {
        PyErr_Format(PyExc_TypeError, "expect str, not %s",
                     Py_TYPE(str)->tp_name);
        return -1;
    }
    if (start < 0 || start > end || end > PyUnicode_GET_LENGTH(str)) {
        PyErr_SetString(PyExc_ValueError, "invalid start argument");
        return -1;
    }
    return _PyUnicodeWriter_WriteSubstring(&writer->w, str, start, end);
}

int
PyUnicodeWriter_Format(PyUnicodeWriter *writer, const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    int res = _Py_unicode_format_into(&writer->w, format, vargs);
    va_end(vargs);
    return res;
}

int
PyUnicodeWriter_DecodeUTF8Stateful(PyUnicodeWriter *writer, const char *string,
                                   Py_ssize_t length, const char *errors,
                                   Py_ssize_t *consumed)
{
    if (length < 0) {
        length = (Py_ssize_t)strlen(string);
    }
    return _Py_utf8_decode_into(&writer->w, string, length, errors, consumed);
}

/* ---- PyUnicode_FromFormat ---------------------------------------------------- */

#define IS_ASCII_DIGIT(c) ((c) >= '0' && (c) <= '9')

/* Write str[:precision] padded to width characters (spaces; on the left
   unless left_align).  precision < 0 means no limit. */
int
_Py_unicode_write_padded(_PyUnicodeWriter *writer, PyObject *str, Py_ssize_t width,
                         Py_ssize_t precision, int left_align)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    if (precision >= 0 && precision < len) {
        len = precision;
    }
    Py_ssize_t fill = width > len ? width - len : 0;
    if (fill > 0) {
        if (_PyUnicodeWriter_Prepare(writer, len + fill,
                                     _PyUnicode_FindMaxChar(str, 0, len)) < 0) {
            return -1;
        }
    }
    if (fill > 0 && !left_align) {
        _Py_fill_characters(writer->kind, writer->data, ' ', writer->pos, fill);
        writer->pos += fill;
    }
    if (_PyUnicodeWriter_WriteSubstring(writer, str, 0, len) < 0) {
        return -1;
    }
    if (fill > 0 && left_align) {
        _Py_fill_characters(writer->kind, writer->data, ' ', writer->pos, fill);
        writer->pos += fill;
    }
    return 0;
}

/* Same for a new reference, consumed. */
static int
write_padded_steal(_PyUnicodeWriter *writer, PyObject *str, Py_ssize_t width,
                   Py_ssize_t precision, int left_align)
{
    if (str == NULL) {
        return -1;
    }
    int res = _Py_unicode_write_padded(writer, str, width, precision, left_align);
    Py_DECREF(str);
    return res;
}

/* The fully qualified name of a type with `sep` between module and
   qualified name; builtins and __main__ are left out (as %T does). */
static PyObject *
type_qualified_name(PyTypeObject *type, const char *sep)
{
    PyObject *qualname = PyType_GetQualName(type);
    if (qualname == NULL) {
        return NULL;
    }
    PyObject *module = PyType_GetModuleName(type);
    if (module == NULL) {
        Py_DECREF(qualname);
        return NULL;
    }
    PyObject *res;
    if (!PyUnicode_Check(module)
        || _PyUnicode_EqualToASCIIString(module, "builtins")
        || _PyUnicode_EqualToASCIIString(module, "__main__")) {
        res = Py_NewRef(qualname);
    }
    else {
        res = PyUnicode_FromFormat("%U%s%U", module, sep, qualname);
    }
    Py_DECREF(module);
    Py_DECREF(qualname);
    return res;
}

/* Format one integer conversion with C's printf (its rules for flags,
   width and precision are the ones CPython documents for these units). */
static int
format_integer(_PyUnicodeWriter *writer, char conv, const char *lenmod,
               int left, int zero, Py_ssize_t width, Py_ssize_t precision,
               va_list *vargs)
{
    char fmt[32];
    char small[128];
    int is_signed = conv == 'd' || conv == 'i';
    long long sval = 0;
    unsigned long long uval = 0;
    if (strcmp(lenmod, "l") == 0) {
        if (is_signed) sval = va_arg(*vargs, long);
        else uval = va_arg(*vargs, unsigned long);
    }
    else if (strcmp(lenmod, "ll") == 0) {
        if (is_signed) sval = va_arg(*vargs, long long);
        else uval = va_arg(*vargs, unsigned long long);
    }
    else if (strcmp(lenmod, "z") == 0) {
        if (is_signed) sval = va_arg(*vargs, Py_ssize_t);
        else uval = va_arg(*vargs, size_t);
    }
    else if (strcmp(lenmod, "t") == 0) {
        if (is_signed) sval = va_arg(*vargs, ptrdiff_t);
        else uval = (unsigned long long)va_arg(*vargs, ptrdiff_t);
    }
    else if (strcmp(lenmod, "j") == 0) {
        if (is_signed) sval = va_arg(*vargs, intmax_t);
        else uval = va_arg(*vargs, uintmax_t);
    }
    else {
        if (is_signed) sval = va_arg(*vargs, int);
        else uval = va_arg(*vargs, unsigned int);
    }
    if (width > 10000 || precision > 10000) {
        PyErr_SetString(PyExc_ValueError, "width or precision too big");
        return -1;
    }
    char *p = fmt;
    *p++ = '%';
    if (left) *p++ = '-';
    if (zero) *p++ = '0';
    p += sprintf(p, "*.*ll%c", conv == 'i' ? 'd' : conv);
    int w = (int)(width < 0 ? 0 : width);
    int prec = (int)precision;     /* negative: C's "no precision" */
    int n = is_signed ? snprintf(small, sizeof small, fmt, w, prec, sval)
                      : snprintf(small, sizeof small, fmt, w, prec, uval);
    if (n < (int)sizeof small) {
        return _PyUnicodeWriter_WriteASCIIString(writer, small, n);
    }
    char *big = PyMem_Malloc((size_t)n + 1);
    if (big == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    if (is_signed) {
        snprintf(big, (size_t)n + 1, fmt, w, prec, sval);
    }
    else {
        snprintf(big, (size_t)n + 1, fmt, w, prec, uval);
    }
    int res = _PyUnicodeWriter_WriteASCIIString(writer, big, n);
    PyMem_Free(big);
    return res;
}

/* A C string argument: UTF-8 decoded with "replace", at most precision
   bytes (an incomplete sequence at the cut is dropped). */
static PyObject *
decode_c_string(const char *s, Py_ssize_t precision)
{
    Py_ssize_t len;
    if (precision < 0) {
        len = (Py_ssize_t)strlen(s);
    }
    else {
        len = 0;
        while (len < precision && s[len] != '\0') {
            len++;
        }
    }
    Py_ssize_t consumed;
    return PyUnicode_DecodeUTF8Stateful(s, len, "replace",
                                        precision >= 0 ? &consumed : NULL);
}

static PyObject *
decode_wide_string(const wchar_t *s, Py_ssize_t precision)
{
    Py_ssize_t len = 0;
    while ((precision < 0 || len < precision) && s[len] != 0) {
        len++;
    }
    return PyUnicode_FromWideChar(s, len);
}

/* Parse and apply one conversion starting at f ('%'); returns the
   format position after it, or NULL with an exception. */
static const char *
format_one(_PyUnicodeWriter *writer, const char *f, va_list *vargs)
{
    const char *start = f;
    f++;
    if (*f == '%') {
        return _PyUnicodeWriter_WriteChar(writer, '%') < 0 ? NULL : f + 1;
    }
    int left = 0, zero = 0, alt = 0;
    for (;; f++) {
        if (*f == '-') left = 1;
        else if (*f == '0') zero = 1;
        else if (*f == '#') alt = 1;
        else break;
    }
    Py_ssize_t width = -1, precision = -1;
    if (*f == '*') {
        width = va_arg(*vargs, int);
        if (width < 0) {
            left = 1;
            width = -width;
        }
        f++;
    }
    else if (IS_ASCII_DIGIT(*f)) {
        width = 0;
        while (IS_ASCII_DIGIT(*f)) {
            if (width > (PY_SSIZE_T_MAX - 9) / 10) {
                PyErr_SetString(PyExc_ValueError, "width too big");
                return NULL;
            }
            width = width * 10 + (*f++ - '0');
        }
    }
    if (*f == '.') {
        f++;
        if (*f == '*') {
            precision = va_arg(*vargs, int);
            if (precision < 0) {
                precision = -1;
            }
            f++;
        }
        else {
            precision = 0;
            while (IS_ASCII_DIGIT(*f)) {
                if (precision > (PY_SSIZE_T_MAX - 9) / 10) {
                    PyErr_SetString(PyExc_ValueError, "precision too big");
                    return NULL;
                }
                precision = precision * 10 + (*f++ - '0');
            }
        }
    }
    char lenmod[3] = "";
    if (*f == 'l') {
        f++;
        if (*f == 'l') {
            strcpy(lenmod, "ll");
            f++;
        }
        else {
            strcpy(lenmod, "l");
        }
    }
    else if (*f == 'z' || *f == 't' || *f == 'j') {
        lenmod[0] = *f++;
    }
    char conv = *f;
    int res;
    switch (conv) {
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
        res = format_integer(writer, conv, lenmod, left, zero, width,
                             precision, vargs);
        break;
    case 'c': {
        int ch = va_arg(*vargs, int);
        if (ch < 0 || ch > MAX_UNICODE) {
            PyErr_SetString(PyExc_OverflowError,
                            "character argument not in range(0x110000)");
            return NULL;
        }
        res = write_padded_steal(writer, _Py_unicode_char((Py_UCS4)ch),
                                 width, -1, left);
        break;
    }
    case 'p': {
        char buf[64];
        int n = snprintf(buf, sizeof buf, "0x%" PRIxPTR,
                         (uintptr_t)va_arg(*vargs, void *));
        res = write_padded_steal(writer, _PyUnicode_FromASCII(buf, n),
                                 width, -1, left);
        break;
    }
    case 's':
        if (lenmod[0] == 'l') {
            const wchar_t *ws = va_arg(*vargs, const wchar_t *);
            res = write_padded_steal(writer, decode_wide_string(ws, precision),
                                     width, -1, left);
        }
        else {
            const char *s = va_arg(*vargs, const char *);
            res = write_padded_steal(writer, decode_c_string(s, precision),
                                     width, -1, left);
        }
        break;
    case 'U': {
        PyObject *obj = va_arg(*vargs, PyObject *);
        res = _Py_unicode_write_padded(writer, obj, width, precision, left);
        break;
    }
    case 'V': {
        PyObject *obj = va_arg(*vargs, PyObject *);
        if (lenmod[0] == 'l') {
            const wchar_t *ws = va_arg(*vargs, const wchar_t *);
            res = obj ? _Py_unicode_write_padded(writer, obj, width, precision, left)
                      : write_padded_steal(writer, decode_wide_string(ws, precision),
                                           width, -1, left);
        }
        else {
            const char *s = va_arg(*vargs, const char *);
            res = obj ? _Py_unicode_write_padded(writer, obj, width, precision, left)
                      : write_padded_steal(writer, decode_c_string(s, precision),
                                           width, -1, left);
        }
        break;
    }
    case 'S':
        res = write_padded_steal(writer, PyObject_Str(va_arg(*vargs, PyObject *)),
                                 width, precision, left);
        break;
    case 'R':
        res = write_padded_steal(writer, PyObject_Repr(va_arg(*vargs, PyObject *)),
                                 width, precision, left);
        break;
    case 'A':
        res = write_padded_steal(writer, PyObject_ASCII(va_arg(*vargs, PyObject *)),
                                 width, precision, left);
        break;
    case 'T': {
        PyObject *obj = va_arg(*vargs, PyObject *);
        res = write_padded_steal(writer,
                                 type_qualified_name(Py_TYPE(obj), alt ? ":" : "."),
                                 width, precision, left);
        break;
    }
    case 'N': {
        PyObject *type = va_arg(*vargs, PyObject *);
        if (!PyType_Check(type)) {
            PyErr_Format(PyExc_TypeError, "%%N argument must be a type");
            return NULL;
        }
        res = write_padded_steal(writer,
                                 type_qualified_name((PyTypeObject *)type,
                                                     alt ? ":" : "."),
                                 width, precision, left);
        break;
    }
    default:
        PyErr_Format(PyExc_SystemError, "invalid format string: %s", start);
        return NULL;
    }
    return res < 0 ? NULL : f + 1;
}

int
_Py_unicode_format_into(_PyUnicodeWriter *writer, const char *format,
                        va_list vargs)
{
    va_list args;
    va_copy(args, vargs);
    const char *f = format;
    while (*f) {
        if (*f == '%') {
            f = format_one(writer, f, &args);
            if (f == NULL) {
                va_end(args);
                return -1;
            }
            continue;
        }
        const char *run = f;
        while (*f && *f != '%') {
            if ((unsigned char)*f >= 128) {
                PyErr_Format(PyExc_ValueError,
                             "PyUnicode_FromFormatV() expects an ASCII-encoded "
                             "format string, got a non-ASCII byte: 0x%02x",
                             (unsigned char)*f);
                va_end(args);
                return -1;
            }
            f++;
        }
        if (_PyUnicodeWriter_WriteASCIIString(writer, run, f - run) < 0) {
            va_end(args);
            return -1;
        }
    }
    va_end(args);
    return 0;
}

PyObject *
PyUnicode_FromFormatV(const char *format, va_list vargs)
{
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.min_length = (Py_ssize_t)strlen(format) + 16;
    writer.overallocate = 1;
    if (_Py_unicode_format_into(&writer, format, vargs) < 0) {
        _PyUnicodeWriter_Dealloc(&writer);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&writer);
}

PyObject *
PyUnicode_FromFormat(const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    PyObject *res = PyUnicode_FromFormatV(format, vargs);
    va_end(vargs);
    return res;
}

