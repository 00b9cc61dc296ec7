/* Parsing the arguments of C functions: PyArg_ParseTuple and friends.

   A format string lists one unit per argument ("i", "s#", "O!", "(ii)",
   ...), with '|' before the optional ones, '$' before the keyword-only
   ones (keyword parsing only), and an optional ":name" (the function name
   for messages) or ";message" (a message replacing every conversion
   error) at the end.

   Conversions report failure as a short text ("must be str, not int")
   that the caller prefixes with the argument's position; when a
   conversion has already raised an exception, that exception wins.
   Resources a conversion hands to the caller (encoded buffers, Py_buffer
   views, "O&" cleanups) are recorded so they can be released if a later
   argument fails; on success the caller owns them.

   Thread safety: everything here works on the caller's argument tuple and
   dict, which the caller does not mutate while parsing; conversions that
   read shared objects go through their own APIs. */
#include "Python.h"
#include "pycore_abstract.h"
#include "pycore_call.h"
#include "pycore_exceptions.h"     /* _Py_CalculateSuggestions */

/* Maximum nesting of "(...)" groups. */
#define MAX_LEVELS 32
#define MSGBUF_SIZE 256

typedef int (*converter_func)(PyObject *, void *);

/* Format units are ASCII letters; everything else is punctuation. */
static int
is_unit_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* ---- Cleanup on failure ------------------------------------------------- */

typedef struct {
    void *item;
    converter_func destroy;   /* called as destroy(NULL, item) on failure */
} cleanup_entry;

typedef struct {
    cleanup_entry *entries;
    Py_ssize_t count;
    Py_ssize_t capacity;
    cleanup_entry small[8];
} cleanup_list;

static void
cleanup_init(cleanup_list *list)
{
    list->entries = list->small;
    list->count = 0;
    list->capacity = (Py_ssize_t)Py_ARRAY_LENGTH(list->small);
}

static int
cleanup_add(cleanup_list *list, void *item, converter_func destroy)
{
    if (list->count == list->capacity) {
        Py_ssize_t newcap = list->capacity * 2;
        cleanup_entry *bigger = PyMem_New(cleanup_entry, newcap);
        if (bigger == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memcpy(bigger, list->entries,
               (size_t)list->count * sizeof(cleanup_entry));
        if (list->entries != list->small) {
            PyMem_Free(list->entries);
        }
        list->entries = bigger;
        list->capacity = newcap;
    }
    list->entries[list->count].item = item;
    list->entries[list->count].destroy = destroy;
    list->count++;
    return 0;
}

/* Finish a parse: on failure undo every recorded conversion, newest
   first.  Returns `ok` for the caller's convenience. */
static int
cleanup_finish(cleanup_list *list, int ok)
{
    if (!ok) {
        for (Py_ssize_t i = list->count - 1; i >= 0; i--) {
            list->entries[i].destroy(NULL, list->entries[i].item);
        }
    }
    if (list->entries != list->small) {
        PyMem_Free(list->entries);
    }
    return ok;
}

static int
cleanup_free_ptr(PyObject *self, void *ptr)
{
    char **pbuffer = (char **)ptr;
    PyMem_Free(*pbuffer);
    *pbuffer = NULL;
    return 0;
}

static int
cleanup_release_buffer(PyObject *self, void *ptr)
{
    PyBuffer_Release((Py_buffer *)ptr);
    return 0;
}

/* ---- Error messages ------------------------------------------------------ */

static const char *
type_name_or_none(PyObject *arg)
{
    return arg == Py_None ? "None" : Py_TYPE(arg)->tp_name;
}

/* "must be <expected>, not <type>"; an `expected` in parentheses is an
   internal error text, passed through to become a SystemError. */
static const char *
expected_error(char *msgbuf, const char *expected, PyObject *arg)
{
    if (expected[0] == '(') {
        PyOS_snprintf(msgbuf, MSGBUF_SIZE, "%.100s", expected);
    }
    else {
        PyOS_snprintf(msgbuf, MSGBUF_SIZE, "must be %.50s, not %.50s",
                      expected, type_name_or_none(arg));
    }
    return msgbuf;
}

/* Raise the error for argument number iarg (1-based; 0 when unnumbered)
   unless a conversion already raised one.  levels lists the item indexes
   (1-based, 0-terminated) inside nested "(...)" groups. */
static void
raise_argument_error(Py_ssize_t iarg, const char *msg, const int *levels,
                     const char *fname, const char *custom_msg)
{
    if (PyErr_Occurred()) {
        return;
    }
    char buf[512];
    const char *message = custom_msg;
    if (message == NULL) {
        size_t used = 0;
        if (fname != NULL) {
            PyOS_snprintf(buf, sizeof(buf), "%.200s() ", fname);
            used = strlen(buf);
        }
        if (iarg != 0) {
            PyOS_snprintf(buf + used, sizeof(buf) - used, "argument %zd",
                          iarg);
            used += strlen(buf + used);
            for (int i = 0; i < MAX_LEVELS && levels[i] > 0 && used < 220;
                 i++) {
                PyOS_snprintf(buf + used, sizeof(buf) - used, ", item %d",
                              levels[i] - 1);
                used += strlen(buf + used);
            }
        }
        else {
            PyOS_snprintf(buf + used, sizeof(buf) - used, "argument");
            used += strlen(buf + used);
        }
        PyOS_snprintf(buf + used, sizeof(buf) - used, " %.256s", msg);
        message = buf;
    }
    PyErr_SetString(msg[0] == '(' ? PyExc_SystemError : PyExc_TypeError,
                    message);
}

/* "f()" or "function": how count errors name the callee. */
#define FUNC_NAME(fname) ((fname) == NULL ? "function" : (fname))
#define FUNC_PARENS(fname) ((fname) == NULL ? "" : "()")

/* ---- Converting one argument -------------------------------------------- */

/* The contiguous read-only buffer of a bytes-like object. */
static int
get_contiguous_buffer(PyObject *arg, Py_buffer *view, const char **expected)
{
    if (PyObject_GetBuffer(arg, view, PyBUF_SIMPLE) != 0) {
        *expected = "bytes-like object";
        return -1;
    }
    if (!PyBuffer_IsContiguous(view, 'C')) {
        PyBuffer_Release(view);
        *expected = "contiguous buffer";
        return -1;
    }
    return 0;
}

/* Pointer and length of a bytes-like object whose buffer stays valid
   without holding a view (no bf_releasebuffer): the object itself keeps
   the memory alive. */
static Py_ssize_t
borrow_readonly_buffer(PyObject *arg, const void **p, const char **expected)
{
    *p = NULL;
    PyBufferProcs *pb = Py_TYPE(arg)->tp_as_buffer;
    if (pb != NULL && pb->bf_releasebuffer != NULL) {
        *expected = "read-only bytes-like object";
        return -1;
    }
    Py_buffer view;
    if (get_contiguous_buffer(arg, &view, expected) < 0) {
        return -1;
    }
    Py_ssize_t count = view.len;
    *p = view.buf;
    PyBuffer_Release(&view);
    return count;
}

#define UNICODE_CONVERSION_ERROR "(unicode conversion error)"

/* A Python int into a C integer of a given range; the value in *out.
   Returns NULL on success, else msgbuf with the exception set. */
static const char *
convert_ranged_long(PyObject *arg, long min, long max, const char *what,
                    long *out, char *msgbuf)
{
    long ival = PyLong_AsLong(arg);
    if (ival == -1 && PyErr_Occurred()) {
        return msgbuf;
    }
    if (ival < min) {
        PyErr_Format(PyExc_OverflowError, "%s is less than minimum", what);
        return msgbuf;
    }
    if (ival > max) {
        PyErr_Format(PyExc_OverflowError, "%s is greater than maximum", what);
        return msgbuf;
    }
    *out = ival;
    return NULL;
}

/* The integer units: b B h H i I l k L K n. */
static const char *
convert_integer(char c, PyObject *arg, va_list *p_va, char *msgbuf)
{
    long ival;
    const char *msg;
    switch (c) {
    case 'b':
        msg = convert_ranged_long(arg, 0, UCHAR_MAX, "unsigned byte integer",
                                  &ival, msgbuf);
        if (msg == NULL) {
            *va_arg(*p_va, unsigned char *) = (unsigned char)ival;
        }
        return msg;
    case 'h':
        msg = convert_ranged_long(arg, SHRT_MIN, SHRT_MAX,
                                  "signed short integer", &ival, msgbuf);
        if (msg == NULL) {
            *va_arg(*p_va, short *) = (short)ival;
        }
        return msg;
    case 'i':
        msg = convert_ranged_long(arg, INT_MIN, INT_MAX, "signed integer",
                                  &ival, msgbuf);
        if (msg == NULL) {
            *va_arg(*p_va, int *) = (int)ival;
        }
        return msg;
    case 'l':
        ival = PyLong_AsLong(arg);
        if (ival == -1 && PyErr_Occurred()) {
            return msgbuf;
        }
        *va_arg(*p_va, long *) = ival;
        return NULL;
    case 'B':
    case 'H':
    case 'I': {
        /* Bit fields: any int, truncated to the width. */
        unsigned long bits = PyLong_AsUnsignedLongMask(arg);
        if (bits == (unsigned long)-1 && PyErr_Occurred()) {
            return msgbuf;
        }
        if (c == 'B') {
            *va_arg(*p_va, unsigned char *) = (unsigned char)bits;
        }
        else if (c == 'H') {
            *va_arg(*p_va, unsigned short *) = (unsigned short)bits;
        }
        else {
            *va_arg(*p_va, unsigned int *) = (unsigned int)bits;
        }
        return NULL;
    }
    case 'k': {
        unsigned long *p = va_arg(*p_va, unsigned long *);
        if (!_PyIndex_Check(arg)) {
            return expected_error(msgbuf, "int", arg);
        }
        unsigned long bits = PyLong_AsUnsignedLongMask(arg);
        if (bits == (unsigned long)-1 && PyErr_Occurred()) {
            return msgbuf;
        }
        *p = bits;
        return NULL;
    }
    case 'L': {
        long long v = PyLong_AsLongLong(arg);
        if (v == -1 && PyErr_Occurred()) {
            return msgbuf;
        }
        *va_arg(*p_va, long long *) = v;
        return NULL;
    }
    case 'K': {
        unsigned long long *p = va_arg(*p_va, unsigned long long *);
        if (!_PyIndex_Check(arg)) {
            return expected_error(msgbuf, "int", arg);
        }
        unsigned long long bits = PyLong_AsUnsignedLongLongMask(arg);
        if (bits == (unsigned long long)-1 && PyErr_Occurred()) {
            return msgbuf;
        }
        *p = bits;
        return NULL;
    }
    default: { /* 'n' */
        Py_ssize_t *p = va_arg(*p_va, Py_ssize_t *);
        PyObject *index = _PyNumber_Index(arg);
        if (index == NULL) {
            return msgbuf;
        }
        Py_ssize_t v = PyLong_AsSsize_t(index);
        Py_DECREF(index);
        if (v == -1 && PyErr_Occurred()) {
            return msgbuf;
        }
        *p = v;
        return NULL;
    }
    }
}

/* s, s#, s*, z, z#, z*: text as UTF-8, or bytes-like for # and *. */
static const char *
convert_text(char c, PyObject *arg, const char **p_format, va_list *p_va,
             char *msgbuf, cleanup_list *cleanup)
{
    const char *format = *p_format;
    int none_ok = c == 'z' && arg == Py_None;
    Py_ssize_t len;
    const char *utf8;
    if (*format == '*') {
        Py_buffer *view = va_arg(*p_va, Py_buffer *);
        if (none_ok) {
            PyBuffer_FillInfo(view, NULL, NULL, 0, 1, 0);
        }
        else if (PyUnicode_Check(arg)) {
            utf8 = PyUnicode_AsUTF8AndSize(arg, &len);
            if (utf8 == NULL) {
                return expected_error(msgbuf, UNICODE_CONVERSION_ERROR, arg);
            }
            PyBuffer_FillInfo(view, arg, (void *)utf8, len, 1, 0);
        }
        else {
            const char *expected = "bytes-like object";
            if (get_contiguous_buffer(arg, view, &expected) < 0) {
                return expected_error(msgbuf, expected, arg);
            }
        }
        if (cleanup_add(cleanup, view, cleanup_release_buffer) < 0) {
            PyBuffer_Release(view);
            return expected_error(msgbuf, "(cleanup problem)", arg);
        }
        *p_format = format + 1;
        return NULL;
    }
    if (*format == '#') {
        const void **p = (const void **)va_arg(*p_va, const char **);
        Py_ssize_t *psize = va_arg(*p_va, Py_ssize_t *);
        if (none_ok) {
            *p = NULL;
            *psize = 0;
        }
        else if (PyUnicode_Check(arg)) {
            utf8 = PyUnicode_AsUTF8AndSize(arg, &len);
            if (utf8 == NULL) {
                return expected_error(msgbuf, UNICODE_CONVERSION_ERROR, arg);
            }
            *p = utf8;
            *psize = len;
        }
        else {
            const char *expected = "bytes-like object";
            Py_ssize_t count = borrow_readonly_buffer(arg, p, &expected);
            if (count < 0) {
                return expected_error(msgbuf, expected, arg);
            }
            *psize = count;
        }
        *p_format = format + 1;
        return NULL;
    }
    const char **p = va_arg(*p_va, const char **);
    if (none_ok) {
        *p = NULL;
        return NULL;
    }
    if (!PyUnicode_Check(arg)) {
        return expected_error(msgbuf, c == 'z' ? "str or None" : "str", arg);
    }
    utf8 = PyUnicode_AsUTF8AndSize(arg, &len);
    if (utf8 == NULL) {
        return expected_error(msgbuf, UNICODE_CONVERSION_ERROR, arg);
    }
    if ((Py_ssize_t)strlen(utf8) != len) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return msgbuf;
    }
    *p = utf8;
    return NULL;
}

/* y, y#, y*: bytes-like objects. */
static const char *
convert_bytes_like(PyObject *arg, const char **p_format, va_list *p_va,
                   char *msgbuf, cleanup_list *cleanup)
{
    const char *format = *p_format;
    const char *expected = "bytes-like object";
    if (*format == '*') {
        Py_buffer *view = va_arg(*p_va, Py_buffer *);
        if (get_contiguous_buffer(arg, view, &expected) < 0) {
            return expected_error(msgbuf, expected, arg);
        }
        if (cleanup_add(cleanup, view, cleanup_release_buffer) < 0) {
            PyBuffer_Release(view);
            return expected_error(msgbuf, "(cleanup problem)", arg);
        }
        *p_format = format + 1;
        return NULL;
    }
    const void **p = (const void **)va_arg(*p_va, const char **);
    Py_ssize_t count = borrow_readonly_buffer(arg, p, &expected);
    if (count < 0) {
        return expected_error(msgbuf, expected, arg);
    }
    if (*format == '#') {
        *va_arg(*p_va, Py_ssize_t *) = count;
        *p_format = format + 1;
        return NULL;
    }
    if (strlen((const char *)*p) != (size_t)count) {
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        return msgbuf;
    }
    return NULL;
}

/* es, et, es#, et#: text encoded into a buffer the caller frees with
   PyMem_Free (or, for '#' with a non-NULL *buffer, the caller's own). */
static const char *
convert_encoded(PyObject *arg, const char **p_format, va_list *p_va,
                char *msgbuf, cleanup_list *cleanup)
{
    const char *format = *p_format;
    const char *encoding = va_arg(*p_va, const char *);
    if (encoding == NULL) {
        encoding = PyUnicode_GetDefaultEncoding();
    }
    /* 's' re-encodes everything; 't' passes bytes and bytearray through. */
    int recode_strings;
    if (*format == 's') {
        recode_strings = 1;
    }
    else if (*format == 't') {
        recode_strings = 0;
    }
    else {
        return expected_error(msgbuf, "(unknown parser marker combination)",
                              arg);
    }
    format++;
    char **buffer = va_arg(*p_va, char **);
    if (buffer == NULL) {
        return expected_error(msgbuf, "(buffer is NULL)", arg);
    }

    PyObject *encoded;  /* owns the bytes ptr points into */
    const char *ptr;
    Py_ssize_t size;
    if (!recode_strings && PyBytes_Check(arg)) {
        encoded = Py_NewRef(arg);
        ptr = PyBytes_AS_STRING(arg);
        size = PyBytes_GET_SIZE(arg);
    }
    else if (!recode_strings && PyByteArray_Check(arg)) {
        encoded = Py_NewRef(arg);
        ptr = PyByteArray_AS_STRING(arg);
        size = PyByteArray_GET_SIZE(arg);
    }
    else if (PyUnicode_Check(arg)) {
        encoded = PyUnicode_AsEncodedString(arg, encoding, NULL);
        if (encoded == NULL) {
            return expected_error(msgbuf, "(encoding failed)", arg);
        }
        ptr = PyBytes_AS_STRING(encoded);
        size = PyBytes_GET_SIZE(encoded);
    }
    else {
        return expected_error(msgbuf,
                              recode_strings ? "str"
                                             : "str, bytes or bytearray",
                              arg);
    }

    const char *error = NULL;
    Py_ssize_t *psize = NULL;
    if (*format == '#') {
        format++;
        psize = va_arg(*p_va, Py_ssize_t *);
        if (psize == NULL) {
            error = expected_error(msgbuf, "(buffer_len is NULL)", arg);
            goto done;
        }
        if (*buffer != NULL && size + 1 > *psize) {
            PyErr_Format(PyExc_ValueError,
                         "encoded string too long (%zd, maximum length %zd)",
                         size, *psize - 1);
            error = msgbuf;
            goto done;
        }
    }
    else if ((Py_ssize_t)strlen(ptr) != size) {
        error = expected_error(msgbuf, "encoded string without null bytes",
                               arg);
        goto done;
    }
    if (psize == NULL || *buffer == NULL) {
        *buffer = PyMem_New(char, size + 1);
        if (*buffer == NULL) {
            PyErr_NoMemory();
            error = msgbuf;
            goto done;
        }
        if (cleanup_add(cleanup, buffer, cleanup_free_ptr) < 0) {
            PyMem_Free(*buffer);
            *buffer = NULL;
            error = msgbuf;
            goto done;
        }
    }
    memcpy(*buffer, ptr, (size_t)size);
    (*buffer)[size] = '\0';
    if (psize != NULL) {
        *psize = size;
    }
done:
    Py_DECREF(encoded);
    if (error == NULL) {
        *p_format = format;
    }
    return error;
}

/* O, O!, O&. */
static const char *
convert_object(PyObject *arg, const char **p_format, va_list *p_va,
               char *msgbuf, cleanup_list *cleanup)
{
    const char *format = *p_format;
    if (*format == '!') {
        PyTypeObject *type = va_arg(*p_va, PyTypeObject *);
        PyObject **p = va_arg(*p_va, PyObject **);
        if (!PyType_IsSubtype(Py_TYPE(arg), type)) {
            return expected_error(msgbuf, type->tp_name, arg);
        }
        *p = arg;
        *p_format = format + 1;
        return NULL;
    }
    if (*format == '&') {
        converter_func convert = va_arg(*p_va, converter_func);
        void *addr = va_arg(*p_va, void *);
        int res = convert(arg, addr);
        if (res == 0) {
            return expected_error(msgbuf, "(unspecified)", arg);
        }
        if (res == Py_CLEANUP_SUPPORTED
                && cleanup_add(cleanup, addr, convert) < 0) {
            return expected_error(msgbuf, "(cleanup problem)", arg);
        }
        *p_format = format + 1;
        return NULL;
    }
    *va_arg(*p_va, PyObject **) = arg;
    return NULL;
}

/* One non-group unit.  Advances *p_format past it on success; returns
   NULL, or a message (msgbuf or a constant) on failure. */
static const char *
convert_simple(PyObject *arg, const char **p_format, va_list *p_va,
               char *msgbuf, cleanup_list *cleanup)
{
    const char *format = *p_format;
    char c = *format++;
    const char *msg = NULL;
    switch (c) {
    case 'b': case 'B': case 'h': case 'H': case 'i': case 'I':
    case 'l': case 'k': case 'L': case 'K': case 'n':
        msg = convert_integer(c, arg, p_va, msgbuf);
        break;
    case 'f':
    case 'd': {
        double v = PyFloat_AsDouble(arg);
        if (v == -1.0 && PyErr_Occurred()) {
            return msgbuf;
        }
        if (c == 'f') {
            *va_arg(*p_va, float *) = (float)v;
        }
        else {
            *va_arg(*p_va, double *) = v;
        }
        break;
    }
    case 'D': {
        Py_complex *p = va_arg(*p_va, Py_complex *);
        Py_complex v = PyComplex_AsCComplex(arg);
        if (PyErr_Occurred()) {
            return msgbuf;
        }
        *p = v;
        break;
    }
    case 'c': {
        char *p = va_arg(*p_va, char *);
        if (PyBytes_Check(arg) && PyBytes_GET_SIZE(arg) == 1) {
            *p = PyBytes_AS_STRING(arg)[0];
        }
        else if (PyByteArray_Check(arg) && PyByteArray_GET_SIZE(arg) == 1) {
            *p = PyByteArray_AS_STRING(arg)[0];
        }
        else {
            return expected_error(msgbuf, "a byte string of length 1", arg);
        }
        break;
    }
    case 'C': {
        int *p = va_arg(*p_va, int *);
        if (!PyUnicode_Check(arg) || PyUnicode_GET_LENGTH(arg) != 1) {
            return expected_error(msgbuf, "a unicode character", arg);
        }
        *p = (int)PyUnicode_ReadChar(arg, 0);
        break;
    }
    case 'p': {
        int *p = va_arg(*p_va, int *);
        int truth = PyObject_IsTrue(arg);
        if (truth < 0) {
            return msgbuf;
        }
        *p = truth;
        break;
    }
    case 's':
    case 'z':
        msg = convert_text(c, arg, &format, p_va, msgbuf, cleanup);
        break;
    case 'y':
        msg = convert_bytes_like(arg, &format, p_va, msgbuf, cleanup);
        break;
    case 'e':
        msg = convert_encoded(arg, &format, p_va, msgbuf, cleanup);
        break;
    case 'S':
    case 'Y':
    case 'U': {
        PyObject **p = va_arg(*p_va, PyObject **);
        int ok = c == 'S' ? PyBytes_Check(arg)
                 : c == 'Y' ? PyByteArray_Check(arg) : PyUnicode_Check(arg);
        if (!ok) {
            return expected_error(msgbuf,
                                  c == 'S' ? "bytes"
                                  : c == 'Y' ? "bytearray" : "str", arg);
        }
        *p = arg;
        break;
    }
    case 'O':
        msg = convert_object(arg, &format, p_va, msgbuf, cleanup);
        break;
    case 'w': {
        Py_buffer *view = va_arg(*p_va, Py_buffer *);
        if (*format != '*') {
            return expected_error(msgbuf,
                                  "(invalid use of 'w' format character)",
                                  arg);
        }
        format++;
        if (PyObject_GetBuffer(arg, view, PyBUF_WRITABLE) < 0) {
            PyErr_Clear();
            return expected_error(msgbuf, "read-write bytes-like object",
                                  arg);
        }
        if (!PyBuffer_IsContiguous(view, 'C')) {
            PyBuffer_Release(view);
            return expected_error(msgbuf, "contiguous buffer", arg);
        }
        if (cleanup_add(cleanup, view, cleanup_release_buffer) < 0) {
            PyBuffer_Release(view);
            return expected_error(msgbuf, "(cleanup problem)", arg);
        }
        break;
    }
    default:
        return expected_error(msgbuf, "(impossible<bad format char>)", arg);
    }
    if (msg == NULL) {
        *p_format = format;
    }
    return msg;
}

static const char *convert_item(PyObject *arg, const char **p_format,
                                va_list *p_va, int *levels, char *msgbuf,
                                cleanup_list *cleanup);

/* How many units a "(...)" group holds; format points after its '('. */
static int
count_group_units(const char *format)
{
    int level = 0, n = 0;
    for (;; format++) {
        char c = *format;
        if (c == '(') {
            if (level == 0) {
                n++;
            }
            level++;
        }
        else if (c == ')') {
            if (level == 0) {
                return n;
            }
            level--;
        }
        else if (c == ':' || c == ';' || c == '\0') {
            return n;
        }
        else if (level == 0 && is_unit_letter(c) && c != 'e') {
            n++;
        }
    }
}

/* A "(...)" group: arg must be a sequence with one item per unit. */
static const char *
convert_group(PyObject *arg, const char **p_format, va_list *p_va,
              int *levels, char *msgbuf, cleanup_list *cleanup)
{
    const char *format = *p_format;
    int n = count_group_units(format);
    if (!PySequence_Check(arg) || PyBytes_Check(arg)
            || PyUnicode_Check(arg) || PyByteArray_Check(arg)) {
        levels[0] = 0;
        PyOS_snprintf(msgbuf, MSGBUF_SIZE,
                      "must be %d-item sequence, not %.50s",
                      n, type_name_or_none(arg));
        return msgbuf;
    }
    Py_ssize_t len = PySequence_Size(arg);
    if (len != n) {
        levels[0] = 0;
        if (len < 0) {
            return msgbuf;
        }
        PyOS_snprintf(msgbuf, MSGBUF_SIZE,
                      "must be sequence of length %d, not %zd", n, len);
        return msgbuf;
    }
    for (int i = 0; i < n; i++) {
        /* The caller's sequence keeps the item alive after this
           reference is dropped, as pointers into it may be returned. */
        PyObject *item = PySequence_GetItem(arg, i);
        if (item == NULL) {
            PyErr_Clear();
            levels[0] = i + 1;
            levels[1] = 0;
            PyOS_snprintf(msgbuf, MSGBUF_SIZE, "is not retrievable");
            return msgbuf;
        }
        const char *msg = convert_item(item, &format, p_va, levels + 1,
                                       msgbuf, cleanup);
        Py_DECREF(item);
        if (msg != NULL) {
            levels[0] = i + 1;
            return msg;
        }
    }
    *p_format = format;
    return NULL;
}

/* One unit or group; on failure levels[] says where inside groups. */
static const char *
convert_item(PyObject *arg, const char **p_format, va_list *p_va,
             int *levels, char *msgbuf, cleanup_list *cleanup)
{
    const char *format = *p_format;
    const char *msg;
    if (*format == '(') {
        format++;
        msg = convert_group(arg, &format, p_va, levels, msgbuf, cleanup);
        if (msg == NULL) {
            format++;  /* the closing ')' */
        }
    }
    else {
        msg = convert_simple(arg, &format, p_va, msgbuf, cleanup);
        if (msg != NULL) {
            levels[0] = 0;
        }
    }
    if (msg == NULL) {
        *p_format = format;
    }
    return msg;
}

/* Step over one unit, consuming its C arguments without storing.  NULL
   on success, else a description of the malformed format. */
static const char *
skip_item(const char **p_format, va_list *p_va)
{
    const char *format = *p_format;
    char c = *format++;
    switch (c) {
    case 'b': case 'B': case 'h': case 'H': case 'i': case 'I':
    case 'l': case 'k': case 'L': case 'K': case 'n':
    case 'f': case 'd': case 'D': case 'c': case 'C': case 'p':
    case 'S': case 'Y': case 'U':
        (void)va_arg(*p_va, void *);
        break;
    case 'e':
        (void)va_arg(*p_va, const char *);
        if (*format != 's' && *format != 't') {
            return "(unknown parser marker combination)";
        }
        format++;
        /* Then the buffer pointer and an optional length, as for 's'. */
        __attribute__((fallthrough));
    case 's':
    case 'z':
    case 'y':
    case 'w':
        (void)va_arg(*p_va, void *);
        if (*format == '#') {
            (void)va_arg(*p_va, Py_ssize_t *);
            format++;
        }
        else if (*format == '*' && c != 'e') {
            format++;
        }
        break;
    case 'O':
        if (*format == '!' || *format == '&') {
            (void)va_arg(*p_va, void *);
            format++;
        }
        (void)va_arg(*p_va, void *);
        break;
    case '(':
        while (*format != ')') {
            if (*format == '\0' || *format == ':' || *format == ';') {
                return "missing ')' in getargs format";
            }
            const char *msg = skip_item(&format, p_va);
            if (msg != NULL) {
                return msg;
            }
        }
        format++;
        break;
    case ')':
        return "excess ')' in getargs format";
    default:
        return "impossible<bad format char>";
    }
    *p_format = format;
    return NULL;
}

/* ---- PyArg_ParseTuple ---------------------------------------------------- */

typedef struct {
    const char *fname;        /* from ":name", or NULL */
    const char *custom_msg;   /* from ";message", or NULL */
    int min, max;             /* required and total argument counts */
} format_summary;

/* Scan a ParseTuple format for its counts and trailer.  -1 with
   SystemError when the brackets do not balance. */
static int
summarize_format(const char *format, format_summary *sum)
{
    int level = 0;
    sum->fname = NULL;
    sum->custom_msg = NULL;
    sum->min = -1;
    sum->max = 0;
    for (const char *p = format; *p != '\0'; p++) {
        char c = *p;
        if (c == '(') {
            if (level == 0) {
                sum->max++;
            }
            if (++level >= MAX_LEVELS) {
                PyErr_SetString(PyExc_SystemError,
                                "too many tuple nesting levels "
                                "in argument format string");
                return -1;
            }
        }
        else if (c == ')') {
            if (level == 0) {
                PyErr_SetString(PyExc_SystemError,
                                "excess ')' in getargs format");
                return -1;
            }
            level--;
        }
        else if (c == ':') {
            sum->fname = p + 1;
            break;
        }
        else if (c == ';') {
            sum->custom_msg = p + 1;
            break;
        }
        else if (level == 0) {
            if (c == '|') {
                sum->min = sum->max;
            }
            else if (is_unit_letter(c) && c != 'e') {
                sum->max++;
            }
        }
    }
    if (level != 0) {
        PyErr_SetString(PyExc_SystemError, "missing ')' in getargs format");
        return -1;
    }
    if (sum->min < 0) {
        sum->min = sum->max;
    }
    return 0;
}

/* PyArg_Parse: `arg` is the single argument itself, not a tuple. */
static int
parse_single(PyObject *arg, const char *format, va_list *p_va,
             const format_summary *sum)
{
    if (sum->max == 0) {
        if (arg == NULL) {
            return 1;
        }
        PyErr_Format(PyExc_TypeError, "%.200s%s takes no arguments",
                     FUNC_NAME(sum->fname), FUNC_PARENS(sum->fname));
        return 0;
    }
    if (sum->min != 1 || sum->max != 1) {
        PyErr_SetString(PyExc_SystemError,
                        "old style getargs format uses new features");
        return 0;
    }
    if (arg == NULL) {
        PyErr_Format(PyExc_TypeError,
                     "%.200s%s takes at least one argument",
                     FUNC_NAME(sum->fname), FUNC_PARENS(sum->fname));
        return 0;
    }
    cleanup_list cleanup;
    cleanup_init(&cleanup);
    char msgbuf[MSGBUF_SIZE];
    int levels[MAX_LEVELS] = {0};
    const char *msg = convert_item(arg, &format, p_va, levels, msgbuf,
                                   &cleanup);
    if (msg != NULL) {
        raise_argument_error(levels[0], msg, levels + 1, sum->fname,
                             sum->custom_msg);
    }
    return cleanup_finish(&cleanup, msg == NULL);
}

static int
parse_tuple(PyObject *args, const char *format, va_list *p_va, int single)
{
    format_summary sum;
    if (summarize_format(format, &sum) < 0) {
        return 0;
    }
    if (single) {
        return parse_single(args, format, p_va, &sum);
    }
    if (args == NULL || !PyTuple_Check(args)) {
        PyErr_SetString(PyExc_SystemError,
                        "new style getargs format but argument is not a tuple");
        return 0;
    }
    Py_ssize_t len = PyTuple_GET_SIZE(args);
    if (len < sum.min || sum.max < len) {
        if (sum.custom_msg != NULL) {
            PyErr_SetString(PyExc_TypeError, sum.custom_msg);
        }
        else {
            int bound = len < sum.min ? sum.min : sum.max;
            PyErr_Format(PyExc_TypeError,
                         "%.150s%s takes %s %d argument%s (%zd given)",
                         FUNC_NAME(sum.fname), FUNC_PARENS(sum.fname),
                         sum.min == sum.max ? "exactly"
                         : len < sum.min ? "at least" : "at most",
                         bound, bound == 1 ? "" : "s", len);
        }
        return 0;
    }
    cleanup_list cleanup;
    cleanup_init(&cleanup);
    char msgbuf[MSGBUF_SIZE];
    int levels[MAX_LEVELS] = {0};
    for (Py_ssize_t i = 0; i < len; i++) {
        if (*format == '|') {
            format++;
        }
        const char *msg = convert_item(PyTuple_GET_ITEM(args, i), &format,
                                       p_va, levels, msgbuf, &cleanup);
        if (msg != NULL) {
            raise_argument_error(i + 1, msg, levels, sum.fname,
                                 sum.custom_msg);
            return cleanup_finish(&cleanup, 0);
        }
    }
    if (*format != '\0' && !is_unit_letter(*format) && *format != '('
            && *format != '|' && *format != ':' && *format != ';') {
        PyErr_Format(PyExc_SystemError, "bad format string: %.200s", format);
        return cleanup_finish(&cleanup, 0);
    }
    return cleanup_finish(&cleanup, 1);
}

int
PyArg_Parse(PyObject *args, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int ok = parse_tuple(args, format, &va, 1);
    va_end(va);
    return ok;
}

int
_PyArg_Parse_SizeT(PyObject *args, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int ok = parse_tuple(args, format, &va, 1);
    va_end(va);
    return ok;
}

int
PyArg_ParseTuple(PyObject *args, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int ok = parse_tuple(args, format, &va, 0);
    va_end(va);
    return ok;
}

int
_PyArg_ParseTuple_SizeT(PyObject *args, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int ok = parse_tuple(args, format, &va, 0);
    va_end(va);
    return ok;
}

int
PyArg_VaParse(PyObject *args, const char *format, va_list va)
{
    va_list lva;
    va_copy(lva, va);
    int ok = parse_tuple(args, format, &lva, 0);
    va_end(lva);
    return ok;
}

int
_PyArg_VaParse_SizeT(PyObject *args, const char *format, va_list va)
{
    return PyArg_VaParse(args, format, va);
}

/* A new tuple of args[0..nargs). */
static PyObject *
tuple_from_stack(PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *tuple = PyTuple_New(nargs);
    if (tuple == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyTuple_SET_ITEM(tuple, i, Py_NewRef(args[i]));
    }
    return tuple;
}

/* Objects returned by the conversions stay alive after the temporary
   tuple dies: the caller's stack holds them too. */
int
_PyArg_ParseStack(PyObject *const *args, Py_ssize_t nargs,
                  const char *format, ...)
{
    PyObject *tuple = tuple_from_stack(args, nargs);
    if (tuple == NULL) {
        return 0;
    }
    va_list va;
    va_start(va, format);
    int ok = parse_tuple(tuple, format, &va, 0);
    va_end(va);
    Py_DECREF(tuple);
    return ok;
}

/* ---- PyArg_ParseTupleAndKeywords ---------------------------------------- */

/* What parse_keywords needs to know about the call and the format. */
typedef struct {
    PyObject *args;
    PyObject *kwargs;             /* a dict, or NULL */
    char * const *kwlist;
    const char *fname;
    const char *custom_msg;
    int len;                      /* entries in kwlist */
    int pos;                      /* positional-only entries ("") */
    Py_ssize_t nargs;
} keyword_call;

/* Check the parameter list and find the trailer of the format. */
static int
prepare_keyword_call(keyword_call *call, PyObject *args, PyObject *kwargs,
                     const char *format, char * const *kwlist)
{
    call->args = args;
    call->kwargs = kwargs;
    call->kwlist = kwlist;
    call->nargs = PyTuple_GET_SIZE(args);
    const char *colon = strchr(format, ':');
    call->fname = colon != NULL ? colon + 1 : NULL;
    const char *semicolon = colon == NULL ? strchr(format, ';') : NULL;
    call->custom_msg = semicolon != NULL ? semicolon + 1 : NULL;

    int len = 0;
    while (kwlist[len] != NULL) {
        len++;
    }
    int pos = 0;
    while (pos < len && kwlist[pos][0] == '\0') {
        pos++;
    }
    for (int i = pos; i < len; i++) {
        if (kwlist[i][0] == '\0') {
            PyErr_SetString(PyExc_SystemError,
                            "Empty keyword parameter name");
            return -1;
        }
    }
    call->len = len;
    call->pos = pos;
    return 0;
}

/* The error once the required positional-only arguments are known to be
   missing; raised only when the format's '|' and '$' have been seen. */
static void
raise_too_few_positional(const keyword_call *call, int required,
                         int seen_more)
{
    PyErr_Format(PyExc_TypeError,
                 "%.200s%s takes %s %d positional argument%s (%zd given)",
                 FUNC_NAME(call->fname), FUNC_PARENS(call->fname),
                 seen_more ? "at least" : "exactly",
                 required, required == 1 ? "" : "s", call->nargs);
}

void
_PyArg_UnexpectedKeyword(const char *fname, PyObject *keyword,
                         const char *const *names, Py_ssize_t count)
{
    PyObject *candidates = PyList_New(0);
    for (Py_ssize_t i = 0; candidates != NULL && i < count; i++) {
        if (names[i][0] == '\0') {
            continue;
        }
        PyObject *name = PyUnicode_FromString(names[i]);
        if (name == NULL || PyList_Append(candidates, name) < 0) {
            Py_CLEAR(candidates);
        }
        Py_XDECREF(name);
    }
    PyObject *suggestion = NULL;
    if (candidates != NULL) {
        suggestion = _Py_CalculateSuggestions(candidates, keyword);
        Py_DECREF(candidates);
    }
    /* A failed search only loses the hint. */
    PyErr_Clear();
    const char *shown = fname == NULL ? "this function" : fname;
    const char *parens = fname == NULL ? "" : "()";
    if (suggestion != NULL) {
        PyErr_Format(PyExc_TypeError,
                     "%.200s%s got an unexpected keyword argument '%S'. "
                     "Did you mean '%S'?", shown, parens, keyword, suggestion);
        Py_DECREF(suggestion);
        return;
    }
    PyErr_Format(PyExc_TypeError,
                 "%.200s%s got an unexpected keyword argument '%S'",
                 shown, parens, keyword);
}

/* After all parameters were matched, keywords remain: find which one is
   wrong and say so. */
static void
raise_keyword_error(const keyword_call *call)
{
    for (Py_ssize_t i = call->pos; i < call->nargs && i < call->len; i++) {
        PyObject *value;
        int rc = PyDict_GetItemStringRef(call->kwargs, call->kwlist[i],
                                         &value);
        if (rc < 0) {
            return;
        }
        if (rc > 0) {
            Py_DECREF(value);
            PyErr_Format(PyExc_TypeError,
                         "argument for %.200s%s given by name ('%s') "
                         "and position (%d)",
                         FUNC_NAME(call->fname), FUNC_PARENS(call->fname),
                         call->kwlist[i], (int)i + 1);
            return;
        }
    }
    PyObject *keys = PyDict_Keys(call->kwargs);
    if (keys == NULL) {
        return;
    }
    for (Py_ssize_t j = 0; j < PyList_GET_SIZE(keys); j++) {
        PyObject *key = PyList_GET_ITEM(keys, j);
        if (!PyUnicode_Check(key)) {
            PyErr_SetString(PyExc_TypeError, "keywords must be strings");
            Py_DECREF(keys);
            return;
        }
        int match = 0;
        for (int i = call->pos; i < call->len && !match; i++) {
            match = PyUnicode_EqualToUTF8(key, call->kwlist[i]);
        }
        if (!match) {
            _PyArg_UnexpectedKeyword(call->fname, key,
                                     (const char *const *)call->kwlist,
                                     call->len);
            Py_DECREF(keys);
            return;
        }
    }
    Py_DECREF(keys);
    PyErr_Format(PyExc_TypeError, "invalid keyword argument for %.200s%s",
                 call->fname == NULL ? "this function" : call->fname,
                 FUNC_PARENS(call->fname));
}

static int
parse_keywords(PyObject *args, PyObject *kwargs, const char *format,
               char * const *kwlist, va_list *p_va)
{
    keyword_call call;
    if (prepare_keyword_call(&call, args, kwargs, format, kwlist) < 0) {
        return 0;
    }
    Py_ssize_t nkwargs = kwargs != NULL ? PyDict_GET_SIZE(kwargs) : 0;
    if (call.nargs + nkwargs > call.len) {
        /* "keyword" when nothing came positionally keeps the message
           true for functions whose parameters are all keyword-only. */
        PyErr_Format(PyExc_TypeError,
                     "%.200s%s takes at most %d %sargument%s (%zd given)",
                     FUNC_NAME(call.fname), FUNC_PARENS(call.fname), call.len,
                     call.nargs == 0 ? "keyword " : "",
                     call.len == 1 ? "" : "s", call.nargs + nkwargs);
        return 0;
    }

    cleanup_list cleanup;
    cleanup_init(&cleanup);
    char msgbuf[MSGBUF_SIZE];
    int levels[MAX_LEVELS] = {0};
    int min = INT_MAX, max = INT_MAX;
    /* Set when a positional-only argument is missing; the count in the
       message is known only once '|' and '$' have been seen. */
    int missing_positional = 0;
    int i;
    for (i = 0; i < call.len; i++) {
        if (*format == '|') {
            if (min != INT_MAX) {
                PyErr_SetString(PyExc_SystemError,
                                "Invalid format string (| specified twice)");
                return cleanup_finish(&cleanup, 0);
            }
            if (max != INT_MAX) {
                PyErr_SetString(PyExc_SystemError,
                                "Invalid format string ($ before |)");
                return cleanup_finish(&cleanup, 0);
            }
            min = i;
            format++;
        }
        if (*format == '$') {
            if (max != INT_MAX) {
                PyErr_SetString(PyExc_SystemError,
                                "Invalid format string ($ specified twice)");
                return cleanup_finish(&cleanup, 0);
            }
            if (i < call.pos) {
                PyErr_SetString(PyExc_SystemError,
                                "Empty parameter name after $");
                return cleanup_finish(&cleanup, 0);
            }
            max = i;
            format++;
            if (missing_positional) {
                /* With '$' read, the number of positional parameters is
                   known: the message says "exactly" when none of them is
                   optional, as CPython's. */
                break;
            }
            if (max < call.nargs) {
                if (max == 0) {
                    PyErr_Format(PyExc_TypeError,
                                 "%.200s%s takes no positional arguments",
                                 FUNC_NAME(call.fname),
                                 FUNC_PARENS(call.fname));
                }
                else {
                    PyErr_Format(PyExc_TypeError,
                                 "%.200s%s takes %s %d positional "
                                 "argument%s (%zd given)",
                                 FUNC_NAME(call.fname),
                                 FUNC_PARENS(call.fname),
                                 min != INT_MAX ? "at most" : "exactly",
                                 max, max == 1 ? "" : "s", call.nargs);
                }
                return cleanup_finish(&cleanup, 0);
            }
        }
        if (*format == '\0' || *format == ':' || *format == ';') {
            PyErr_Format(PyExc_SystemError,
                         "More keyword list entries (%d) than "
                         "format specifiers (%d)", call.len, i);
            return cleanup_finish(&cleanup, 0);
        }
        if (!missing_positional) {
            PyObject *value = NULL;
            if (i < call.nargs) {
                value = Py_NewRef(PyTuple_GET_ITEM(args, i));
            }
            else if (nkwargs > 0 && i >= call.pos) {
                if (PyDict_GetItemStringRef(kwargs, kwlist[i], &value) < 0) {
                    return cleanup_finish(&cleanup, 0);
                }
                if (value != NULL) {
                    nkwargs--;
                }
            }
            if (value != NULL) {
                /* The tuple or dict keeps value alive after this. */
                const char *msg = convert_item(value, &format, p_va, levels,
                                               msgbuf, &cleanup);
                Py_DECREF(value);
                if (msg != NULL) {
                    raise_argument_error(i + 1, msg, levels, call.fname,
                                         call.custom_msg);
                    return cleanup_finish(&cleanup, 0);
                }
                continue;
            }
            if (i < min) {
                if (i < call.pos) {
                    missing_positional = 1;
                }
                else {
                    PyErr_Format(PyExc_TypeError,
                                 "%.200s%s missing required argument "
                                 "'%s' (pos %d)",
                                 FUNC_NAME(call.fname),
                                 FUNC_PARENS(call.fname), kwlist[i], i + 1);
                    return cleanup_finish(&cleanup, 0);
                }
            }
            /* Every remaining parameter is optional and no keyword is
               left to match: done (the rest of the format is not
               checked). */
            if (nkwargs == 0 && !missing_positional) {
                return cleanup_finish(&cleanup, 1);
            }
        }
        const char *msg = skip_item(&format, p_va);
        if (msg != NULL) {
            PyErr_Format(PyExc_SystemError, "%s: '%s'", msg, format);
            return cleanup_finish(&cleanup, 0);
        }
    }

    if (missing_positional) {
        int required = Py_MIN(call.pos, min);
        raise_too_few_positional(&call, required, required < i);
        return cleanup_finish(&cleanup, 0);
    }
    if (*format != '\0' && *format != ':' && *format != ';'
            && *format != '|' && *format != '$') {
        PyErr_Format(PyExc_SystemError,
                     "more argument specifiers than keyword list entries "
                     "(remaining format:'%s')", format);
        return cleanup_finish(&cleanup, 0);
    }
    if (nkwargs > 0) {
        raise_keyword_error(&call);
        return cleanup_finish(&cleanup, 0);
    }
    return cleanup_finish(&cleanup, 1);
}

static int
check_keyword_call(PyObject *args, PyObject *kwargs, const char *format,
                   char * const *kwlist)
{
    if (args == NULL || !PyTuple_Check(args)
            || (kwargs != NULL && !PyDict_Check(kwargs))
            || format == NULL || kwlist == NULL) {
        PyErr_BadInternalCall();
        return 0;
    }
    return 1;
}

int
PyArg_ParseTupleAndKeywords(PyObject *args, PyObject *kwargs,
                            const char *format, char * const *kwlist, ...)
{
    if (!check_keyword_call(args, kwargs, format, kwlist)) {
        return 0;
    }
    va_list va;
    va_start(va, kwlist);
    int ok = parse_keywords(args, kwargs, format, kwlist, &va);
    va_end(va);
    return ok;
}

int
_PyArg_ParseTupleAndKeywords_SizeT(PyObject *args, PyObject *kwargs,
                                   const char *format, char * const *kwlist,
                                   ...)
{
    if (!check_keyword_call(args, kwargs, format, kwlist)) {
        return 0;
    }
    va_list va;
    va_start(va, kwlist);
    int ok = parse_keywords(args, kwargs, format, kwlist, &va);
    va_end(va);
    return ok;
}

int
PyArg_VaParseTupleAndKeywords(PyObject *args, PyObject *kwargs,
                              const char *format, char * const *kwlist,
                              va_list va)
{
    if (!check_keyword_call(args, kwargs, format, kwlist)) {
        return 0;
    }
    va_list lva;
    va_copy(lva, va);
    int ok = parse_keywords(args, kwargs, format, kwlist, &lva);
    va_end(lva);
    return ok;
}

int
_PyArg_VaParseTupleAndKeywords_SizeT(PyObject *args, PyObject *kwargs,
                                     const char *format,
                                     char * const *kwlist, va_list va)
{
    return PyArg_VaParseTupleAndKeywords(args, kwargs, format, kwlist, va);
}

int
_PyArg_ParseStackAndKeywords(PyObject *const *args, Py_ssize_t nargs,
                             PyObject *kwnames, const char *format,
                             char * const *kwlist, ...)
{
    if (format == NULL || kwlist == NULL) {
        PyErr_BadInternalCall();
        return 0;
    }
    PyObject *tuple = tuple_from_stack(args, nargs);
    if (tuple == NULL) {
        return 0;
    }
    PyObject *kwargs = NULL;
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) > 0) {
        kwargs = _PyStack_AsDict(args + nargs, kwnames);
        if (kwargs == NULL) {
            Py_DECREF(tuple);
            return 0;
        }
    }
    va_list va;
    va_start(va, kwlist);
    int ok = parse_keywords(tuple, kwargs, format, kwlist, &va);
    va_end(va);
    Py_DECREF(tuple);
    Py_XDECREF(kwargs);
    return ok;
}

int
PyArg_ValidateKeywordArguments(PyObject *kwargs)
{
    if (!PyDict_Check(kwargs)) {
        PyErr_BadInternalCall();
        return 0;
    }
    int all_str = 1;
    /* Read the keys under the dict's lock; nothing here calls Python. */
    Py_BEGIN_CRITICAL_SECTION(kwargs);
    Py_ssize_t pos = 0;
    PyObject *key;
    while (PyDict_Next(kwargs, &pos, &key, NULL)) {
        if (!PyUnicode_Check(key)) {
            all_str = 0;
            break;
        }
    }
    Py_END_CRITICAL_SECTION();
    if (!all_str) {
        PyErr_SetString(PyExc_TypeError, "keywords must be strings");
        return 0;
    }
    return 1;
}

/* ---- Unpacking without conversion ---------------------------------------- */

#undef _PyArg_CheckPositional
int
_PyArg_CheckPositional(const char *name, Py_ssize_t nargs,
                       Py_ssize_t min, Py_ssize_t max)
{
    if (nargs < min) {
        if (name != NULL) {
            PyErr_Format(PyExc_TypeError,
                         "%.200s expected %s%zd argument%s, got %zd",
                         name, min == max ? "" : "at least ", min,
                         min == 1 ? "" : "s", nargs);
        }
        else {
            PyErr_Format(PyExc_TypeError,
                         "unpacked tuple should have %s%zd element%s,"
                         " but has %zd",
                         min == max ? "" : "at least ", min,
                         min == 1 ? "" : "s", nargs);
        }
        return 0;
    }
    if (nargs > max) {
        if (name != NULL) {
            PyErr_Format(PyExc_TypeError,
                         "%.200s expected %s%zd argument%s, got %zd",
                         name, min == max ? "" : "at most ", max,
                         max == 1 ? "" : "s", nargs);
        }
        else {
            PyErr_Format(PyExc_TypeError,
                         "unpacked tuple should have %s%zd element%s,"
                         " but has %zd",
                         min == max ? "" : "at most ", max,
                         max == 1 ? "" : "s", nargs);
        }
        return 0;
    }
    return 1;
}

/* Store args[0..nargs) into the PyObject ** varargs (borrowed). */
static int
unpack_stack(PyObject *const *args, Py_ssize_t nargs, const char *name,
             Py_ssize_t min, Py_ssize_t max, va_list va)
{
    if (!_PyArg_CheckPositional(name, nargs, min, max)) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject **o = va_arg(va, PyObject **);
        *o = args[i];
    }
    return 1;
}

int
PyArg_UnpackTuple(PyObject *args, const char *name, Py_ssize_t min,
                  Py_ssize_t max, ...)
{
    if (args == NULL || !PyTuple_Check(args)) {
        PyErr_SetString(PyExc_SystemError,
                        "PyArg_UnpackTuple() argument list is not a tuple");
        return 0;
    }
    va_list va;
    va_start(va, max);
    int ok = unpack_stack(((PyTupleObject *)args)->ob_item,
                          PyTuple_GET_SIZE(args), name, min, max, va);
    va_end(va);
    return ok;
}

int
_PyArg_UnpackStack(PyObject *const *args, Py_ssize_t nargs, const char *name,
                   Py_ssize_t min, Py_ssize_t max, ...)
{
    va_list va;
    va_start(va, max);
    int ok = unpack_stack(args, nargs, name, min, max, va);
    va_end(va);
    return ok;
}

#undef _PyArg_NoKeywords
#undef _PyArg_NoKwnames
#undef _PyArg_NoPositional

int
_PyArg_NoKeywords(const char *funcname, PyObject *kwargs)
{
    if (kwargs == NULL) {
        return 1;
    }
    if (!PyDict_Check(kwargs)) {
        PyErr_BadInternalCall();
        return 0;
    }
    if (PyDict_GET_SIZE(kwargs) == 0) {
        return 1;
    }
    PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments",
                 funcname);
    return 0;
}

int
_PyArg_NoKwnames(const char *funcname, PyObject *kwnames)
{
    if (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0) {
        return 1;
    }
    PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments",
                 funcname);
    return 0;
}

int
_PyArg_NoPositional(const char *funcname, PyObject *args)
{
    if (args == NULL) {
        return 1;
    }
    if (!PyTuple_Check(args)) {
        PyErr_BadInternalCall();
        return 0;
    }
    if (PyTuple_GET_SIZE(args) == 0) {
        return 1;
    }
    PyErr_Format(PyExc_TypeError, "%.200s() takes no positional arguments",
                 funcname);
    return 0;
}

void
_PyArg_BadArgument(const char *fname, const char *displayname,
                   const char *expected, PyObject *arg)
{
    PyErr_Format(PyExc_TypeError, "%.200s() %.200s must be %.50s, not %.50s",
                 fname, displayname, expected, type_name_or_none(arg));
}
