/* Methods shared by bytes and bytearray.

   Every method here works on self's bytes through _Py_BYTES_DATA_BEGIN/END
   (pycore_bytes_methods.h), which holds a bytearray's critical section in
   the free-threaded build, and builds results of self's kind.  Arguments
   are converted first, so no Python code runs while self's storage is
   being read. */
#include "Python.h"
#include "pycore_bytes_methods.h"
#include "pycore_exceptions.h"     /* _PyArg_UnexpectedKeyword */

#include <ctype.h>

/* ---- small helpers ------------------------------------------------------ */

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x0b' || c == '\x0c';
}
static int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int is_alpha(unsigned char c) { return is_lower(c) || is_upper(c); }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }
static unsigned char to_lower(unsigned char c) { return is_upper(c) ? c + 32 : c; }
static unsigned char to_upper(unsigned char c) { return is_lower(c) ? c - 32 : c; }

PyObject *_Py_bytes_make_like(PyObject *self, const char *data, Py_ssize_t size)
{
    if (PyBytes_Check(self)) {
        return PyBytes_FromStringAndSize(data, size);
    }
    return PyByteArray_FromStringAndSize(data, size);
}

/* A result of self's kind with `size` uninitialised bytes to fill. */
static PyObject *new_like(PyObject *self, Py_ssize_t size, char **out)
{
    PyObject *result = _Py_bytes_make_like(self, NULL, size);
    if (result != NULL) {
        *out = PyBytes_Check(result) ? PyBytes_AS_STRING(result)
                                     : PyByteArray_AS_STRING(result);
    }
    return result;
}

/* A borrowed view of a bytes-like argument. */
static int get_buffer(PyObject *obj, Py_buffer *view)
{
    if (PyObject_GetBuffer(obj, view, PyBUF_SIMPLE) != 0) {
        PyErr_Format(PyExc_TypeError,
                     "a bytes-like object is required, not '%.100s'",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    return 0;
}

int _Py_bytes_getbytevalue(PyObject *arg)
{
    PyObject *index = PyNumber_Index(arg);
    if (index == NULL) {
        return -1;
    }
    int overflow;
    long value = PyLong_AsLongAndOverflow(index, &overflow);
    Py_DECREF(index);
    if (value == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (overflow || value < 0 || value > 255) {
        PyErr_SetString(PyExc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    return (int)value;
}

/* Positional and keyword arguments of a fastcall method, matched to
   `names` (NULL-terminated).  Slots not given stay NULL.  The first
   `positional_only` names cannot be passed by keyword. */
static int parse_arguments(const char *funcname, PyObject *const *args,
                           Py_ssize_t nargs, PyObject *kwnames,
                           const char *const *names, int positional_only,
                           int required, PyObject **out)
{
    int count = 0;
    while (names[count] != NULL) {
        out[count++] = NULL;
    }
    if (nargs > count) {
        PyErr_Format(PyExc_TypeError, "%s() takes at most %d argument%s (%zd given)",
                     funcname, count, count == 1 ? "" : "s", nargs);
        return -1;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        out[i] = args[i];
    }
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, k);
        int found = -1;
        for (int i = positional_only; i < count; i++) {
            if (PyUnicode_EqualToUTF8(key, names[i])) {
                found = i;
                break;
            }
        }
        if (found < 0) {
            _PyArg_UnexpectedKeyword(funcname, key, names + positional_only,
                                     count - positional_only);
            return -1;
        }
        if (out[found] != NULL) {
            PyErr_Format(PyExc_TypeError,
                         "argument for %s() given by name ('%s') and position (%d)",
                         funcname, names[found], found + 1);
            return -1;
        }
        out[found] = args[nargs + k];
    }
    for (int i = 0; i < required; i++) {
        if (out[i] == NULL) {
            PyErr_Format(PyExc_TypeError,
                         "%s() missing required argument '%s' (pos %d)",
                         funcname, names[i], i + 1);
            return -1;
        }
    }
    return 0;
}

static int check_positional(const char *funcname, Py_ssize_t nargs,
                            Py_ssize_t min, Py_ssize_t max)
{
    if (nargs < min || nargs > max) {
        if (min == max) {
            PyErr_Format(PyExc_TypeError, "%s expected %zd argument%s, got %zd",
                         funcname, min, min == 1 ? "" : "s", nargs);
        }
        else if (nargs < min) {
            PyErr_Format(PyExc_TypeError, "%s expected at least %zd argument%s, got %zd",
                         funcname, min, min == 1 ? "" : "s", nargs);
        }
        else {
            PyErr_Format(PyExc_TypeError, "%s expected at most %zd argument%s, got %zd",
                         funcname, max, max == 1 ? "" : "s", nargs);
        }
        return -1;
    }
    return 0;
}

/* start/end arguments as slice indices: None keeps the default; values
   out of range are clamped, as slicing does. */
static int slice_index(PyObject *value, Py_ssize_t *out)
{
    if (value == NULL || value == Py_None) {
        return 0;
    }
    if (!PyIndex_Check(value)) {
        PyErr_SetString(PyExc_TypeError,
                        "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    Py_ssize_t x = PyNumber_AsSsize_t(value, NULL);
    if (x == -1 && PyErr_Occurred()) {
        return -1;
    }
    *out = x;
    return 0;
}

static void adjust_range(Py_ssize_t len, Py_ssize_t *start, Py_ssize_t *end)
{
    if (*end > len) {
        *end = len;
    }
    else if (*end < 0) {
        *end += len;
        if (*end < 0) {
            *end = 0;
        }
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0) {
            *start = 0;
        }
    }
}

/* The (source, encoding, errors) arguments of bytes() and bytearray(),
   by position or keyword; encoding and errors must be str.  Slots not
   given are NULL.  Returns 0, or -1 with TypeError. */
int _Py_bytes_constructor_args(const char *funcname, PyObject *args,
                               PyObject *kwargs, PyObject *argv[3])
{
    static const char *const names[] = { "source", "encoding", "errors" };
    argv[0] = argv[1] = argv[2] = NULL;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 3) {
        PyErr_Format(PyExc_TypeError,
                     "%s() takes at most 3 arguments (%zd given)", funcname, nargs);
        return -1;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        argv[i] = PyTuple_GET_ITEM(args, i);
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (kwargs != NULL && PyDict_Next(kwargs, &pos, &key, &value)) {
        int found = -1;
        for (int i = 0; i < 3; i++) {
            if (PyUnicode_Check(key) && PyUnicode_EqualToUTF8(key, names[i])) {
                found = i;
            }
        }
        if (found < 0) {
            if (!PyUnicode_Check(key)) {
                PyErr_SetString(PyExc_TypeError, "keywords must be strings");
                return -1;
            }
            _PyArg_UnexpectedKeyword(funcname, key, names, 3);
            return -1;
        }
        if (argv[found] != NULL) {
            PyErr_Format(PyExc_TypeError,
                         "argument for %s() given by name ('%s') and position (%d)",
                         funcname, names[found], found + 1);
            return -1;
        }
        argv[found] = value;
    }
    for (int i = 1; i < 3; i++) {
        if (argv[i] != NULL && !PyUnicode_Check(argv[i])) {
            PyErr_Format(PyExc_TypeError, "%s() argument '%s' must be str, not %.50s",
                         funcname, names[i], Py_TYPE(argv[i])->tp_name);
            return -1;
        }
    }
    return 0;
}

/* ---- searching ---------------------------------------------------------- */

/* The backward substring search (bytes_find_backward): glibc's memmem
   already searches forward in O(n + m), and has no backward twin. */
#define TW_CHAR unsigned char
#define TW_REV 1
#define TW(name) bytes_##name##_backward
#include "stringlib_twoway.h"
#undef TW
#undef TW_REV
#undef TW_CHAR

/* First (direction > 0) or last index of needle in hay[0..n), or -1;
   O(n + m) either way. */
static Py_ssize_t find_in(const char *hay, Py_ssize_t n, const char *needle,
                          Py_ssize_t m, int direction)
{
    if (m == 0) {
        return direction > 0 ? 0 : n;
    }
    if (m > n) {
        return -1;
    }
    if (m == 1) {
        const char *p = direction > 0 ? memchr(hay, needle[0], (size_t)n)
                                      : memrchr(hay, needle[0], (size_t)n);
        return p ? p - hay : -1;
    }
    if (direction > 0) {
        const char *p = memmem(hay, (size_t)n, needle, (size_t)m);
        return p ? p - hay : -1;
    }
    Py_ssize_t at = bytes_find_backward((const unsigned char *)hay, n,
                                        (const unsigned char *)needle, m);
    return at < 0 ? -1 : n - m - at;
}

static Py_ssize_t count_in(const char *hay, Py_ssize_t n, const char *needle,
                           Py_ssize_t m, Py_ssize_t maxcount)
{
    if (m == 0) {
        return n + 1 < maxcount ? n + 1 : maxcount;
    }
    Py_ssize_t count = 0;
    Py_ssize_t pos = 0;
    while (count < maxcount && pos + m <= n) {
        Py_ssize_t at = find_in(hay + pos, n - pos, needle, m, 1);
        if (at < 0) {
            break;
        }
        count++;
        pos += at + m;
    }
    return count;
}

/* The needle of find/count/index: an int in range(256) or a bytes-like
   object.  Fills `byte` or `view`; returns 1 for a view, 0 for a byte. */
static int get_needle(PyObject *arg, Py_buffer *view, char *byte)
{
    if (PyIndex_Check(arg)) {
        int value = _Py_bytes_getbytevalue(arg);
        if (value < 0) {
            return -1;
        }
        *byte = (char)value;
        return 0;
    }
    if (PyObject_GetBuffer(arg, view, PyBUF_SIMPLE) != 0) {
        PyErr_Format(PyExc_TypeError,
                     "argument should be integer or bytes-like object, not '%.200s'",
                     Py_TYPE(arg)->tp_name);
        return -1;
    }
    return 1;
}

enum search_kind { SEARCH_FIND, SEARCH_RFIND, SEARCH_INDEX, SEARCH_RINDEX, SEARCH_COUNT };

static PyObject *search(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                        const char *name, enum search_kind kind)
{
    if (check_positional(name, nargs, 1, 3) < 0) {
        return NULL;
    }
    Py_ssize_t start = 0, end = PY_SSIZE_T_MAX;
    if (slice_index(nargs > 1 ? args[1] : NULL, &start) < 0
            || slice_index(nargs > 2 ? args[2] : NULL, &end) < 0) {
        return NULL;
    }
    Py_buffer view;
    char byte;
    int has_view = get_needle(args[0], &view, &byte);
    if (has_view < 0) {
        return NULL;
    }
    const char *needle = has_view ? view.buf : &byte;
    Py_ssize_t needle_len = has_view ? view.len : 1;
    Py_ssize_t result;
    _Py_BYTES_DATA_BEGIN(self, data, size)
    adjust_range(size, &start, &end);
    if (kind == SEARCH_COUNT) {
        result = (start > size || end < start) ? 0
                 : count_in(data + start, end - start, needle, needle_len, PY_SSIZE_T_MAX);
    }
    else if (start > size || end - start < needle_len) {
        result = -1;
    }
    else {
        int direction = (kind == SEARCH_FIND || kind == SEARCH_INDEX) ? 1 : -1;
        result = find_in(data + start, end - start, needle, needle_len, direction);
        if (result >= 0) {
            result += start;
        }
    }
    _Py_BYTES_DATA_END()
    if (has_view) {
        PyBuffer_Release(&view);
    }
    if (result < 0 && (kind == SEARCH_INDEX || kind == SEARCH_RINDEX)) {
        PyErr_SetString(PyExc_ValueError, "subsection not found");
        return NULL;
    }
    return PyLong_FromSsize_t(result);
}

PyObject *_Py_bytes_find(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return search(self, args, nargs, "find", SEARCH_FIND);
}
PyObject *_Py_bytes_rfind(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return search(self, args, nargs, "rfind", SEARCH_RFIND);
}
PyObject *_Py_bytes_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return search(self, args, nargs, "index", SEARCH_INDEX);
}
PyObject *_Py_bytes_rindex(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return search(self, args, nargs, "rindex", SEARCH_RINDEX);
}
PyObject *_Py_bytes_count(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return search(self, args, nargs, "count", SEARCH_COUNT);
}

int _Py_bytes_contains(PyObject *self, PyObject *arg)
{
    Py_buffer view;
    char byte;
    int has_view = get_needle(arg, &view, &byte);
    if (has_view < 0) {
        return -1;
    }
    Py_ssize_t at;
    _Py_BYTES_DATA_BEGIN(self, data, size)
    at = has_view ? find_in(data, size, view.buf, view.len, 1)
                  : find_in(data, size, &byte, 1, 1);
    _Py_BYTES_DATA_END()
    if (has_view) {
        PyBuffer_Release(&view);
    }
    return at >= 0;
}

/* startswith/endswith: the prefix may be a tuple of candidates. */
static int match_affix(PyObject *self, PyObject *affix, Py_ssize_t start,
                       Py_ssize_t end, int at_end)
{
    Py_buffer view;
    if (PyObject_GetBuffer(affix, &view, PyBUF_SIMPLE) != 0) {
        return -1;
    }
    int matched = 0;
    _Py_BYTES_DATA_BEGIN(self, data, size)
    adjust_range(size, &start, &end);
    if (start <= size && end - start >= view.len) {
        Py_ssize_t at = at_end ? end - view.len : start;
        matched = memcmp(data + at, view.buf, (size_t)view.len) == 0;
    }
    _Py_BYTES_DATA_END()
    PyBuffer_Release(&view);
    return matched;
}

static PyObject *affix_method(PyObject *self, PyObject *const *args,
                              Py_ssize_t nargs, const char *name, int at_end)
{
    if (check_positional(name, nargs, 1, 3) < 0) {
        return NULL;
    }
    Py_ssize_t start = 0, end = PY_SSIZE_T_MAX;
    if (slice_index(nargs > 1 ? args[1] : NULL, &start) < 0
            || slice_index(nargs > 2 ? args[2] : NULL, &end) < 0) {
        return NULL;
    }
    PyObject *affix = args[0];
    if (PyTuple_Check(affix)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(affix); i++) {
            int r = match_affix(self, PyTuple_GET_ITEM(affix, i), start, end, at_end);
            if (r < 0) {
                goto bad_type;
            }
            if (r) {
                Py_RETURN_TRUE;
            }
        }
        Py_RETURN_FALSE;
    }
    int r = match_affix(self, affix, start, end, at_end);
    if (r < 0) {
        goto bad_type;
    }
    return PyBool_FromLong(r);

bad_type:
    if (PyErr_ExceptionMatches(PyExc_TypeError)) {
        PyErr_Format(PyExc_TypeError,
                     "%s first arg must be bytes or a tuple of bytes, not %.100s",
                     name, Py_TYPE(affix)->tp_name);
    }
    return NULL;
}

PyObject *_Py_bytes_startswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return affix_method(self, args, nargs, "startswith", 0);
}
PyObject *_Py_bytes_endswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return affix_method(self, args, nargs, "endswith", 1);
}

static PyObject *remove_affix(PyObject *self, PyObject *arg, int at_end)
{
    Py_buffer view;
    if (get_buffer(arg, &view) < 0) {
        return NULL;
    }
    PyObject *result;
    _Py_BYTES_DATA_BEGIN(self, data, size)
    Py_ssize_t keep = size;
    const char *from = data;
    if (view.len <= size && view.len > 0) {
        const char *at = at_end ? data + size - view.len : data;
        if (memcmp(at, view.buf, (size_t)view.len) == 0) {
            keep = size - view.len;
            from = at_end ? data : data + view.len;
        }
    }
    if (keep == size && PyBytes_CheckExact(self)) {
        result = Py_NewRef(self);
    }
    else {
        result = _Py_bytes_make_like(self, from, keep);
    }
    _Py_BYTES_DATA_END()
    PyBuffer_Release(&view);
    return result;
}

PyObject *_Py_bytes_removeprefix(PyObject *self, PyObject *arg)
{
    return remove_affix(self, arg, 0);
}
PyObject *_Py_bytes_removesuffix(PyObject *self, PyObject *arg)
{
    return remove_affix(self, arg, 1);
}

/* ---- character classes and case ----------------------------------------- */

typedef int (*byte_predicate)(unsigned char);

static PyObject *all_bytes(PyObject *self, byte_predicate pred)
{
    int result;
    _Py_BYTES_DATA_BEGIN(self, data, size)
    result = size > 0;
    for (Py_ssize_t i = 0; i < size && result; i++) {
        result = pred((unsigned char)data[i]);
    }
    _Py_BYTES_DATA_END()
    return PyBool_FromLong(result);
}

static int is_space_i(unsigned char c) { return is_space(c); }
static int is_ascii_i(unsigned char c) { return c < 128; }

PyObject *_Py_bytes_isspace(PyObject *self, PyObject *unused) { return all_bytes(self, is_space_i); }
PyObject *_Py_bytes_isalpha(PyObject *self, PyObject *unused) { return all_bytes(self, is_alpha); }
PyObject *_Py_bytes_isalnum(PyObject *self, PyObject *unused) { return all_bytes(self, is_alnum); }
PyObject *_Py_bytes_isdigit(PyObject *self, PyObject *unused) { return all_bytes(self, is_digit); }

PyObject *_Py_bytes_isascii(PyObject *self, PyObject *unused)
{
    /* Unlike the others, true for the empty sequence. */
    int result = 1;
    _Py_BYTES_DATA_BEGIN(self, data, size)
    for (Py_ssize_t i = 0; i < size && result; i++) {
        result = is_ascii_i((unsigned char)data[i]);
    }
    _Py_BYTES_DATA_END()
    return PyBool_FromLong(result);
}

/* islower/isupper: at least one cased byte, and none of the other case. */
static PyObject *cased_check(PyObject *self, int want_lower)
{
    int cased = 0, ok = 1;
    _Py_BYTES_DATA_BEGIN(self, data, size)
    for (Py_ssize_t i = 0; i < size; i++) {
        unsigned char c = (unsigned char)data[i];
        if (want_lower ? is_upper(c) : is_lower(c)) {
            ok = 0;
            break;
        }
        if (want_lower ? is_lower(c) : is_upper(c)) {
            cased = 1;
        }
    }
    _Py_BYTES_DATA_END()
    return PyBool_FromLong(ok && cased);
}

PyObject *_Py_bytes_islower(PyObject *self, PyObject *unused) { return cased_check(self, 1); }
PyObject *_Py_bytes_isupper(PyObject *self, PyObject *unused) { return cased_check(self, 0); }

PyObject *_Py_bytes_istitle(PyObject *self, PyObject *unused)
{
    int cased = 0, ok = 1, previous_cased = 0;
    _Py_BYTES_DATA_BEGIN(self, data, size)
    for (Py_ssize_t i = 0; i < size && ok; i++) {
        unsigned char c = (unsigned char)data[i];
        if (is_upper(c)) {
            ok = !previous_cased;
            previous_cased = cased = 1;
        }
        else if (is_lower(c)) {
            ok = previous_cased;
            previous_cased = cased = 1;
        }
        else {
            previous_cased = 0;
        }
    }
    _Py_BYTES_DATA_END()
    return PyBool_FromLong(ok && cased);
}

enum case_kind { CASE_LOWER, CASE_UPPER, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE };

static void convert_case(char *dst, const char *src, Py_ssize_t n, enum case_kind kind)
{
    int previous_cased = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)src[i];
        switch (kind) {
        case CASE_LOWER: c = to_lower(c); break;
        case CASE_UPPER: c = to_upper(c); break;
        case CASE_SWAP: c = is_upper(c) ? to_lower(c) : to_upper(c); break;
        case CASE_TITLE:
            c = previous_cased ? to_lower(c) : to_upper(c);
            previous_cased = is_alpha(c);
            break;
        case CASE_CAPITALIZE: c = i == 0 ? to_upper(c) : to_lower(c); break;
        }
        dst[i] = (char)c;
    }
}

static PyObject *case_method(PyObject *self, enum case_kind kind)
{
    PyObject *result;
    char *out;
    _Py_BYTES_DATA_BEGIN(self, data, size)
    result = new_like(self, size, &out);
    if (result != NULL) {
        convert_case(out, data, size, kind);
    }
    _Py_BYTES_DATA_END()
    return result;
}

PyObject *_Py_bytes_lower(PyObject *self, PyObject *unused) { return case_method(self, CASE_LOWER); }
PyObject *_Py_bytes_upper(PyObject *self, PyObject *unused) { return case_method(self, CASE_UPPER); }
PyObject *_Py_bytes_swapcase(PyObject *self, PyObject *unused) { return case_method(self, CASE_SWAP); }
PyObject *_Py_bytes_title(PyObject *self, PyObject *unused) { return case_method(self, CASE_TITLE); }
PyObject *_Py_bytes_capitalize(PyObject *self, PyObject *unused) { return case_method(self, CASE_CAPITALIZE); }

/* ---- padding ------------------------------------------------------------ */

static int get_fill_byte(PyObject *arg, const char *name, char *fill)
{
    if (arg == NULL) {
        *fill = ' ';
        return 0;
    }
    if ((PyBytes_Check(arg) && PyBytes_GET_SIZE(arg) == 1)) {
        *fill = PyBytes_AS_STRING(arg)[0];
        return 0;
    }
    if (PyByteArray_Check(arg) && PyByteArray_GET_SIZE(arg) == 1) {
        *fill = PyByteArray_AS_STRING(arg)[0];
        return 0;
    }
    PyErr_Format(PyExc_TypeError,
                 "%s() argument 2 must be a byte string of length 1, not %.50s",
                 name, Py_TYPE(arg)->tp_name);
    return -1;
}

/* Pad to `width` with `left` fill bytes before the data. */
static PyObject *pad(PyObject *self, Py_ssize_t width, char fill, int align)
{
    PyObject *result;
    char *out;
    _Py_BYTES_DATA_BEGIN(self, data, size)
    if (width <= size) {
        result = PyBytes_CheckExact(self) ? Py_NewRef(self)
                                          : _Py_bytes_make_like(self, data, size);
    }
    else {
        Py_ssize_t total = width - size, left;
        if (align < 0) {
            left = 0;
        }
        else if (align > 0) {
            left = total;
        }
        else {
            /* Center: the extra byte goes left when the width is odd. */
            left = total / 2 + (total & width & 1);
        }
        result = new_like(self, width, &out);
        if (result != NULL) {
            memset(out, fill, (size_t)left);
            memcpy(out + left, data, (size_t)size);
            memset(out + left + size, fill, (size_t)(total - left));
        }
    }
    _Py_BYTES_DATA_END()
    return result;
}

static PyObject *pad_method(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                            const char *name, int align)
{
    if (check_positional(name, nargs, 1, 2) < 0) {
        return NULL;
    }
    Py_ssize_t width = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
    if (width == -1 && PyErr_Occurred()) {
        return NULL;
    }
    char fill;
    if (get_fill_byte(nargs > 1 ? args[1] : NULL, name, &fill) < 0) {
        return NULL;
    }
    return pad(self, width, fill, align);
}

PyObject *_Py_bytes_ljust(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return pad_method(self, args, nargs, "ljust", -1);
}
PyObject *_Py_bytes_rjust(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return pad_method(self, args, nargs, "rjust", 1);
}
PyObject *_Py_bytes_center(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return pad_method(self, args, nargs, "center", 0);
}

PyObject *_Py_bytes_zfill(PyObject *self, PyObject *arg)
{
    Py_ssize_t width = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (width == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *result;
    char *out;
    _Py_BYTES_DATA_BEGIN(self, data, size)
    if (width <= size) {
        result = PyBytes_CheckExact(self) ? Py_NewRef(self)
                                          : _Py_bytes_make_like(self, data, size);
    }
    else {
        Py_ssize_t fill = width - size;
        result = new_like(self, width, &out);
        if (result != NULL) {
            memset(out, '0', (size_t)fill);
            memcpy(out + fill, data, (size_t)size);
            if (size > 0 && (data[0] == '+' || data[0] == '-')) {
                out[0] = data[0];
                out[fill] = '0';
            }
        }
    }
    _Py_BYTES_DATA_END()
    return result;
}

PyObject *_Py_bytes_expandtabs(PyObject *self, PyObject *const *args,
                                  Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[] = { "tabsize", NULL };
    PyObject *argv[1];
    if (parse_arguments("expandtabs", args, nargs, kwnames, names, 0, 0, argv) < 0) {
        return NULL;
    }
    int tabsize = 8;
    if (argv[0] != NULL) {
        tabsize = PyLong_AsInt(argv[0]);
        if (tabsize == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    PyObject *result = NULL;
    char *out;
    _Py_BYTES_DATA_BEGIN(self, data, size)
    /* First pass: the output size, checking for overflow. */
    Py_ssize_t total = 0, column = 0;
    int overflow = 0;
    for (Py_ssize_t i = 0; i < size && !overflow; i++) {
        Py_ssize_t add;
        if (data[i] == '\t') {
            add = tabsize > 0 ? tabsize - (column % tabsize) : 0;
            column += add;
        }
        else {
            add = 1;
            column = (data[i] == '\n' || data[i] == '\r') ? 0 : column + 1;
        }
        overflow = total > PY_SSIZE_T_MAX - add;
        total += add;
    }
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError, "result too long");
    }
    else if ((result = new_like(self, total, &out)) != NULL) {
        column = 0;
        for (Py_ssize_t i = 0; i < size; i++) {
            if (data[i] == '\t') {
                Py_ssize_t add = tabsize > 0 ? tabsize - (column % tabsize) : 0;
                memset(out, ' ', (size_t)add);
                out += add;
                column += add;
            }
            else {
                *out++ = data[i];
                column = (data[i] == '\n' || data[i] == '\r') ? 0 : column + 1;
            }
        }
    }
    _Py_BYTES_DATA_END()
    return result;
}

/* ---- stripping ---------------------------------------------------------- */

enum strip_side { STRIP_LEFT = 1, STRIP_RIGHT = 2, STRIP_BOTH = 3 };

static PyObject *strip_method(PyObject *self, PyObject *const *args,
                              Py_ssize_t nargs, const char *name, int side)
{
    if (check_positional(name, nargs, 0, 1) < 0) {
        return NULL;
    }
    Py_buffer chars;
    int have_chars = nargs > 0 && args[0] != Py_None;
    if (have_chars && get_buffer(args[0], &chars) < 0) {
        return NULL;
    }
    unsigned char strip_set[256];
    if (have_chars) {
        memset(strip_set, 0, sizeof(strip_set));
        for (Py_ssize_t i = 0; i < chars.len; i++) {
            strip_set[((unsigned char *)chars.buf)[i]] = 1;
        }
        PyBuffer_Release(&chars);
    }
    else {
        for (int c = 0; c < 256; c++) {
            strip_set[c] = (unsigned char)is_space((unsigned char)c);
        }
    }
    PyObject *result;
    _Py_BYTES_DATA_BEGIN(self, data, size)
    Py_ssize_t left = 0, right = size;
    if (side & STRIP_LEFT) {
        while (left < right && strip_set[(unsigned char)data[left]]) {
            left++;
        }
    }
    if (side & STRIP_RIGHT) {
        while (right > left && strip_set[(unsigned char)data[right - 1]]) {
            right--;
        }
    }
    if (left == 0 && right == size && PyBytes_CheckExact(self)) {
        result = Py_NewRef(self);
    }
    else {
        result = _Py_bytes_make_like(self, data + left, right - left);
    }
    _Py_BYTES_DATA_END()
    return result;
}

PyObject *_Py_bytes_strip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return strip_method(self, args, nargs, "strip", STRIP_BOTH);
}
PyObject *_Py_bytes_lstrip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return strip_method(self, args, nargs, "lstrip", STRIP_LEFT);
}
PyObject *_Py_bytes_rstrip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return strip_method(self, args, nargs, "rstrip", STRIP_RIGHT);
}

/* ---- splitting and partitioning ----------------------------------------- */

static int append_piece(PyObject *list, PyObject *self, const char *p, Py_ssize_t n)
{
    PyObject *piece = _Py_bytes_make_like(self, p, n);
    if (piece == NULL) {
        return -1;
    }
    int r = PyList_Append(list, piece);
    Py_DECREF(piece);
    return r;
}

/* Split on runs of whitespace, left to right. */
static int split_whitespace(PyObject *list, PyObject *self, const char *s,
                            Py_ssize_t n, Py_ssize_t maxsplit)
{
    Py_ssize_t i = 0;
    while (i < n) {
        while (i < n && is_space((unsigned char)s[i])) {
            i++;
        }
        if (i == n) {
            break;
        }
        if (maxsplit-- == 0) {
            /* The unsplit remainder keeps its trailing whitespace. */
            return append_piece(list, self, s + i, n - i);
        }
        Py_ssize_t j = i;
        while (j < n && !is_space((unsigned char)s[j])) {
            j++;
        }
        if (append_piece(list, self, s + i, j - i) < 0) {
            return -1;
        }
        i = j;
    }
    return 0;
}

/* The same, right to left; pieces are appended in reverse order. */
static int rsplit_whitespace(PyObject *list, PyObject *self, const char *s,
                             Py_ssize_t n, Py_ssize_t maxsplit)
{
    Py_ssize_t j = n;
    while (j > 0) {
        while (j > 0 && is_space((unsigned char)s[j - 1])) {
            j--;
        }
        if (j == 0) {
            break;
        }
        if (maxsplit-- == 0) {
            /* The unsplit remainder keeps its leading whitespace. */
            return append_piece(list, self, s, j);
        }
        Py_ssize_t i = j;
        while (i > 0 && !is_space((unsigned char)s[i - 1])) {
            i--;
        }
        if (append_piece(list, self, s + i, j - i) < 0) {
            return -1;
        }
        j = i;
    }
    return 0;
}

static int split_separator(PyObject *list, PyObject *self, const char *s,
                           Py_ssize_t n, const char *sep, Py_ssize_t seplen,
                           Py_ssize_t maxsplit, int reverse)
{
    if (!reverse) {
        Py_ssize_t i = 0;
        while (maxsplit-- != 0) {
            Py_ssize_t at = find_in(s + i, n - i, sep, seplen, 1);
            if (at < 0) {
                break;
            }
            if (append_piece(list, self, s + i, at) < 0) {
                return -1;
            }
            i += at + seplen;
        }
        return append_piece(list, self, s + i, n - i);
    }
    Py_ssize_t j = n;
    while (maxsplit-- != 0) {
        Py_ssize_t at = find_in(s, j, sep, seplen, -1);
        if (at < 0) {
            break;
        }
        if (append_piece(list, self, s + at + seplen, j - at - seplen) < 0) {
            return -1;
        }
        j = at;
    }
    return append_piece(list, self, s, j);
}

static PyObject *split_method(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames, const char *name, int reverse)
{
    static const char *const names[] = { "sep", "maxsplit", NULL };
    PyObject *argv[2];
    if (parse_arguments(name, args, nargs, kwnames, names, 0, 0, argv) < 0) {
        return NULL;
    }
    Py_ssize_t maxsplit = -1;
    if (argv[1] != NULL) {
        maxsplit = PyNumber_AsSsize_t(argv[1], PyExc_OverflowError);
        if (maxsplit == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    Py_buffer sep;
    int have_sep = argv[0] != NULL && argv[0] != Py_None;
    if (have_sep) {
        if (get_buffer(argv[0], &sep) < 0) {
            return NULL;
        }
        if (sep.len == 0) {
            PyBuffer_Release(&sep);
            PyErr_SetString(PyExc_ValueError, "empty separator");
            return NULL;
        }
    }
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        if (have_sep) {
            PyBuffer_Release(&sep);
        }
        return NULL;
    }
    int status;
    _Py_BYTES_DATA_BEGIN(self, data, size)
    if (have_sep) {
        status = split_separator(list, self, data, size, sep.buf, sep.len,
                                 maxsplit, reverse);
    }
    else if (reverse) {
        status = rsplit_whitespace(list, self, data, size, maxsplit);
    }
    else {
        status = split_whitespace(list, self, data, size, maxsplit);
    }
    _Py_BYTES_DATA_END()
    if (have_sep) {
        PyBuffer_Release(&sep);
    }
    if (status < 0) {
        Py_DECREF(list);
        return NULL;
    }
    if (reverse && PyList_Reverse(list) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    return list;
}

PyObject *_Py_bytes_split(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                             PyObject *kwnames)
{
    return split_method(self, args, nargs, kwnames, "split", 0);
}
PyObject *_Py_bytes_rsplit(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    return split_method(self, args, nargs, kwnames, "rsplit", 1);
}

PyObject *_Py_bytes_splitlines(PyObject *self, PyObject *const *args,
                                  Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[] = { "keepends", NULL };
    PyObject *argv[1];
    if (parse_arguments("splitlines", args, nargs, kwnames, names, 0, 0, argv) < 0) {
        return NULL;
    }
    int keepends = 0;
    if (argv[0] != NULL) {
        keepends = PyObject_IsTrue(argv[0]);
        if (keepends < 0) {
            return NULL;
        }
    }
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    int status = 0;
    _Py_BYTES_DATA_BEGIN(self, data, size)
    Py_ssize_t i = 0;
    while (i < size && status == 0) {
        Py_ssize_t j = i;
        while (j < size && data[j] != '\n' && data[j] != '\r') {
            j++;
        }
        Py_ssize_t eol = j;
        if (j < size) {
            j += (data[j] == '\r' && j + 1 < size && data[j + 1] == '\n') ? 2 : 1;
        }
        status = append_piece(list, self, data + i, (keepends ? j : eol) - i);
        i = j;
    }
    _Py_BYTES_DATA_END()
    if (status < 0) {
        Py_CLEAR(list);
    }
    return list;
}

static PyObject *partition_method(PyObject *self, PyObject *arg, int reverse)
{
    Py_buffer sep;
    if (get_buffer(arg, &sep) < 0) {
        return NULL;
    }
    if (sep.len == 0) {
        PyBuffer_Release(&sep);
        PyErr_SetString(PyExc_ValueError, "empty separator");
        return NULL;
    }
    PyObject *parts[3] = { NULL, NULL, NULL };
    _Py_BYTES_DATA_BEGIN(self, data, size)
    Py_ssize_t at = find_in(data, size, sep.buf, sep.len, reverse ? -1 : 1);
    if (at < 0) {
        PyObject *whole = PyBytes_CheckExact(self) ? Py_NewRef(self)
                                                   : _Py_bytes_make_like(self, data, size);
        PyObject *empty = _Py_bytes_make_like(self, NULL, 0);
        PyObject *empty2 = _Py_bytes_make_like(self, NULL, 0);
        parts[0] = reverse ? empty : whole;
        parts[1] = empty2;
        parts[2] = reverse ? whole : empty;
    }
    else {
        parts[0] = _Py_bytes_make_like(self, data, at);
        parts[1] = _Py_bytes_make_like(self, sep.buf, sep.len);
        parts[2] = _Py_bytes_make_like(self, data + at + sep.len, size - at - sep.len);
    }
    _Py_BYTES_DATA_END()
    PyBuffer_Release(&sep);
    PyObject *result = NULL;
    if (parts[0] && parts[1] && parts[2]) {
        result = PyTuple_Pack(3, parts[0], parts[1], parts[2]);
    }
    Py_XDECREF(parts[0]);
    Py_XDECREF(parts[1]);
    Py_XDECREF(parts[2]);
    return result;
}

PyObject *_Py_bytes_partition(PyObject *self, PyObject *arg)
{
    return partition_method(self, arg, 0);
}
PyObject *_Py_bytes_rpartition(PyObject *self, PyObject *arg)
{
    return partition_method(self, arg, 1);
}

/* ---- replace, join, translate ------------------------------------------- */

static PyObject *replace_in(PyObject *self, const char *s, Py_ssize_t n,
                            const char *old, Py_ssize_t oldlen,
                            const char *new, Py_ssize_t newlen, Py_ssize_t maxcount)
{
    if (maxcount < 0) {
        maxcount = PY_SSIZE_T_MAX;
    }
    Py_ssize_t count = count_in(s, n, old, oldlen, maxcount);
    if (count == 0) {
        return PyBytes_CheckExact(self) ? Py_NewRef(self) : _Py_bytes_make_like(self, s, n);
    }
    Py_ssize_t delta = newlen - oldlen;
    if (delta > 0 && count > (PY_SSIZE_T_MAX - n) / delta) {
        PyErr_SetString(PyExc_OverflowError, "replace bytes is too long");
        return NULL;
    }
    char *out;
    PyObject *result = new_like(self, n + count * delta, &out);
    if (result == NULL) {
        return NULL;
    }
    Py_ssize_t i = 0;
    for (Py_ssize_t k = 0; k < count; k++) {
        Py_ssize_t at;
        if (oldlen == 0) {
            /* An empty pattern matches before every byte and at the end. */
            memcpy(out, new, (size_t)newlen);
            out += newlen;
            if (i < n) {
                *out++ = s[i++];
            }
            continue;
        }
        at = find_in(s + i, n - i, old, oldlen, 1);
        memcpy(out, s + i, (size_t)at);
        out += at;
        memcpy(out, new, (size_t)newlen);
        out += newlen;
        i += at + oldlen;
    }
    memcpy(out, s + i, (size_t)(n - i));
    return result;
}

PyObject *_Py_bytes_replace(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames)
{
    static const char *const names[] = { "old", "new", "count", NULL };
    PyObject *argv[3];
    if (parse_arguments("replace", args, nargs, kwnames, names, 2, 2, argv) < 0) {
        return NULL;
    }
    Py_ssize_t count = -1;
    if (argv[2] != NULL) {
        count = PyNumber_AsSsize_t(argv[2], PyExc_OverflowError);
        if (count == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    Py_buffer old, new;
    if (get_buffer(argv[0], &old) < 0) {
        return NULL;
    }
    if (get_buffer(argv[1], &new) < 0) {
        PyBuffer_Release(&old);
        return NULL;
    }
    PyObject *result;
    _Py_BYTES_DATA_BEGIN(self, data, size)
    result = replace_in(self, data, size, old.buf, old.len, new.buf, new.len, count);
    _Py_BYTES_DATA_END()
    PyBuffer_Release(&old);
    PyBuffer_Release(&new);
    return result;
}

static PyObject *join_exported(PyObject *self, PyObject *iterable);

/* bytes.join and bytearray.join.  As in CPython (gh-112625) a bytearray
   separator stays exported while the items are gathered, so an iterator
   that resizes it gets BufferError. */
PyObject *_Py_bytes_join(PyObject *self, PyObject *iterable)
{
    if (!PyByteArray_Check(self)) {
        return join_exported(self, iterable);
    }
    Py_buffer export;
    if (PyObject_GetBuffer(self, &export, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    PyObject *result = join_exported(self, iterable);
    PyBuffer_Release(&export);
    return result;
}

static PyObject *join_exported(PyObject *self, PyObject *iterable)
{
    PyObject *seq = PySequence_Fast(iterable, "can only join an iterable");
    if (seq == NULL) {
        return NULL;
    }
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
    Py_buffer *views = PyMem_New(Py_buffer, count ? count : 1);
    if (views == NULL) {
        Py_DECREF(seq);
        return PyErr_NoMemory();
    }
    PyObject *result = NULL;
    Py_ssize_t acquired = 0, total = 0;
    for (; acquired < count; acquired++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, acquired);
        if (PyObject_GetBuffer(item, &views[acquired], PyBUF_SIMPLE) != 0) {
            PyErr_Format(PyExc_TypeError,
                         "sequence item %zd: expected a bytes-like object, %.80s found",
                         acquired, Py_TYPE(item)->tp_name);
            goto done;
        }
        if (views[acquired].len > PY_SSIZE_T_MAX - total) {
            acquired++;
            PyErr_SetString(PyExc_OverflowError, "join() result is too long");
            goto done;
        }
        total += views[acquired].len;
    }
    char *out;
    _Py_BYTES_DATA_BEGIN(self, sep, seplen)
    Py_ssize_t with_seps = total;
    int overflow = count > 1 && seplen > 0
                   && (count - 1) > (PY_SSIZE_T_MAX - total) / seplen;
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError, "join() result is too long");
    }
    else {
        with_seps += count > 1 ? (count - 1) * seplen : 0;
        result = new_like(self, with_seps, &out);
    }
    if (result != NULL) {
        for (Py_ssize_t i = 0; i < count; i++) {
            if (i > 0) {
                memcpy(out, sep, (size_t)seplen);
                out += seplen;
            }
            memcpy(out, views[i].buf, (size_t)views[i].len);
            out += views[i].len;
        }
    }
    _Py_BYTES_DATA_END()
done:
    for (Py_ssize_t i = 0; i < acquired; i++) {
        PyBuffer_Release(&views[i]);
    }
    PyMem_Free(views);
    Py_DECREF(seq);
    return result;
}

PyObject *_Py_bytes_translate(PyObject *self, PyObject *const *args,
                                 Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[] = { "table", "delete", NULL };
    PyObject *argv[2];
    if (parse_arguments("translate", args, nargs, kwnames, names, 1, 1, argv) < 0) {
        return NULL;
    }
    unsigned char table[256];
    if (argv[0] == Py_None) {
        for (int c = 0; c < 256; c++) {
            table[c] = (unsigned char)c;
        }
    }
    else {
        Py_buffer view;
        if (get_buffer(argv[0], &view) < 0) {
            return NULL;
        }
        if (view.len != 256) {
            PyBuffer_Release(&view);
            PyErr_SetString(PyExc_ValueError,
                            "translation table must be 256 characters long");
            return NULL;
        }
        memcpy(table, view.buf, 256);
        PyBuffer_Release(&view);
    }
    unsigned char deleted[256] = { 0 };
    if (argv[1] != NULL) {
        Py_buffer view;
        if (get_buffer(argv[1], &view) < 0) {
            return NULL;
        }
        for (Py_ssize_t i = 0; i < view.len; i++) {
            deleted[((unsigned char *)view.buf)[i]] = 1;
        }
        PyBuffer_Release(&view);
    }
    PyObject *result = NULL;
    char *buffer;
    _Py_BYTES_DATA_BEGIN(self, data, size)
    buffer = PyMem_Malloc(size ? (size_t)size : 1);
    if (buffer == NULL) {
        PyErr_NoMemory();
    }
    else {
        Py_ssize_t out = 0;
        for (Py_ssize_t i = 0; i < size; i++) {
            unsigned char c = (unsigned char)data[i];
            if (!deleted[c]) {
                buffer[out++] = (char)table[c];
            }
        }
        if (out == size && PyBytes_CheckExact(self)
                && memcmp(buffer, data, (size_t)size) == 0) {
            result = Py_NewRef(self);
        }
        else {
            result = _Py_bytes_make_like(self, buffer, out);
        }
        PyMem_Free(buffer);
    }
    _Py_BYTES_DATA_END()
    return result;
}

PyObject *_Py_bytes_maketrans(PyObject *cls, PyObject *const *args, Py_ssize_t nargs)
{
    if (check_positional("maketrans", nargs, 2, 2) < 0) {
        return NULL;
    }
    Py_buffer from, to;
    if (get_buffer(args[0], &from) < 0) {
        return NULL;
    }
    if (get_buffer(args[1], &to) < 0) {
        PyBuffer_Release(&from);
        return NULL;
    }
    PyObject *result = NULL;
    if (from.len != to.len) {
        PyErr_SetString(PyExc_ValueError, "maketrans arguments must have same length");
    }
    else if ((result = PyBytes_FromStringAndSize(NULL, 256)) != NULL) {
        unsigned char *table = (unsigned char *)PyBytes_AS_STRING(result);
        for (int c = 0; c < 256; c++) {
            table[c] = (unsigned char)c;
        }
        for (Py_ssize_t i = 0; i < from.len; i++) {
            table[((unsigned char *)from.buf)[i]] = ((unsigned char *)to.buf)[i];
        }
    }
    PyBuffer_Release(&from);
    PyBuffer_Release(&to);
    return result;
}

/* ---- hex ---------------------------------------------------------------- */

PyObject *_Py_bytes_hex(const char *data, Py_ssize_t size, PyObject *sep,
                        PyObject *bytes_per_sep_obj)
{
    static const char digits[] = "0123456789abcdef";
    Py_UCS4 sepchar = 0;
    /* As CPython: the length is asked first (None has none), then the
       type. */
    if (sep != NULL) {
        Py_ssize_t seplen = PyObject_Length(sep);
        if (seplen < 0) {
            return NULL;
        }
        if (seplen != 1) {
            PyErr_SetString(PyExc_ValueError, "sep must be length 1.");
            return NULL;
        }
        if (PyUnicode_Check(sep)) {
            sepchar = PyUnicode_ReadChar(sep, 0);
        }
        else if (PyBytes_Check(sep)) {
            sepchar = (unsigned char)PyBytes_AS_STRING(sep)[0];
        }
        else {
            PyErr_SetString(PyExc_TypeError, "sep must be str or bytes.");
            return NULL;
        }
        if (sepchar > 127) {
            PyErr_SetString(PyExc_ValueError, "sep must be ASCII.");
            return NULL;
        }
    }
    Py_ssize_t group = 1;
    if (bytes_per_sep_obj != NULL) {
        group = PyNumber_AsSsize_t(bytes_per_sep_obj, PyExc_OverflowError);
        if (group == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    Py_ssize_t abs_group = group < 0 ? -group : group;
    Py_ssize_t nseps = 0;
    if (sep != NULL && abs_group > 0 && size > 0) {
        nseps = (size - 1) / abs_group;
    }
    if (size > (PY_SSIZE_T_MAX - nseps) / 2) {
        return PyErr_NoMemory();
    }
    PyObject *result = PyUnicode_New(size * 2 + nseps, 127);
    if (result == NULL) {
        return NULL;
    }
    char *out = (char *)PyUnicode_DATA(result);
    for (Py_ssize_t i = 0; i < size; i++) {
        /* Separators count groups from the right for positive
           bytes_per_sep, from the left for negative. */
        if (nseps && i > 0) {
            Py_ssize_t from_edge = group > 0 ? size - i : i;
            if (from_edge % abs_group == 0) {
                *out++ = (char)sepchar;
            }
        }
        unsigned char c = (unsigned char)data[i];
        *out++ = digits[c >> 4];
        *out++ = digits[c & 15];
    }
    return result;
}

PyObject *_Py_bytes_hex_method(PyObject *self, PyObject *const *args,
                                  Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[] = { "sep", "bytes_per_sep", NULL };
    PyObject *argv[2];
    if (parse_arguments("hex", args, nargs, kwnames, names, 0, 0, argv) < 0) {
        return NULL;
    }
    PyObject *result;
    _Py_BYTES_DATA_BEGIN(self, data, size)
    result = _Py_bytes_hex(data, size, argv[0], argv[1]);
    _Py_BYTES_DATA_END()
    return result;
}

static int hex_value(Py_UCS4 c)
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

static int is_hex_whitespace(Py_UCS4 c)
{
    return c < 128 && is_space((unsigned char)c);
}

/* Accepts str, and since 3.14 also bytes-like objects. */
PyObject *_Py_bytes_fromhex(PyObject *string)
{
    Py_ssize_t len;
    Py_buffer view;
    int is_str = PyUnicode_Check(string);
    if (is_str) {
        len = PyUnicode_GetLength(string);
    }
    else {
        if (PyObject_GetBuffer(string, &view, PyBUF_SIMPLE) != 0) {
            PyErr_Format(PyExc_TypeError,
                         "fromhex() argument must be str or bytes-like, not %.100s",
                         Py_TYPE(string)->tp_name);
            return NULL;
        }
        len = view.len;
    }
    PyObject *result = PyBytes_FromStringAndSize(NULL, len / 2);
    if (result == NULL) {
        goto done;
    }
    char *out = PyBytes_AS_STRING(result);
    Py_ssize_t produced = 0;
    for (Py_ssize_t i = 0; i < len;) {
        Py_UCS4 c = is_str ? PyUnicode_READ_CHAR(string, i)
                           : ((unsigned char *)view.buf)[i];
        if (is_hex_whitespace(c)) {
            i++;
            continue;
        }
        int high = hex_value(c);
        int low = -1;
        if (high >= 0 && i + 1 < len) {
            Py_UCS4 c2 = is_str ? PyUnicode_READ_CHAR(string, i + 1)
                                : ((unsigned char *)view.buf)[i + 1];
            low = hex_value(c2);
            if (low < 0) {
                i++;
            }
        }
        if (high < 0 || low < 0) {
            if (high >= 0 && i + 1 >= len) {
                PyErr_SetString(PyExc_ValueError,
                                "fromhex() arg must contain an even number of hexadecimal digits");
            }
            else {
                PyErr_Format(PyExc_ValueError,
                             "non-hexadecimal number found in fromhex() arg at position %zd",
                             i);
            }
            Py_CLEAR(result);
            goto done;
        }
        out[produced++] = (char)((high << 4) | low);
        i += 2;
    }
    if (_PyBytes_Resize(&result, produced) < 0) {
        result = NULL;
    }
done:
    if (!is_str) {
        PyBuffer_Release(&view);
    }
    return result;
}

PyObject *_Py_bytes_fromhex_classmethod(PyObject *cls, PyObject *string)
{
    PyObject *bytes = _Py_bytes_fromhex(string);
    if (bytes == NULL || cls == (PyObject *)&PyBytes_Type) {
        return bytes;
    }
    PyObject *result = PyObject_CallOneArg(cls, bytes);
    Py_DECREF(bytes);
    return result;
}

/* ---- repr --------------------------------------------------------------- */

PyObject *_Py_bytes_repr(const char *data, Py_ssize_t size, int smartquotes,
                         const char *prefix, const char *suffix)
{
    static const char digits[] = "0123456789abcdef";
    int quote = '\'';
    if (smartquotes && memchr(data, '\'', (size_t)size)
            && !memchr(data, '"', (size_t)size)) {
        quote = '"';
    }
    size_t prefix_len = strlen(prefix), suffix_len = strlen(suffix);
    Py_ssize_t length = (Py_ssize_t)(prefix_len + suffix_len) + 2;
    for (Py_ssize_t i = 0; i < size; i++) {
        unsigned char c = (unsigned char)data[i];
        Py_ssize_t add;
        if (c == quote || c == '\\' || c == '\t' || c == '\n' || c == '\r') {
            add = 2;
        }
        else if (c < ' ' || c >= 0x7f) {
            add = 4;
        }
        else {
            add = 1;
        }
        if (length > PY_SSIZE_T_MAX - add) {
            PyErr_SetString(PyExc_OverflowError, "bytes object is too large to make repr");
            return NULL;
        }
        length += add;
    }
    PyObject *result = PyUnicode_New(length, 127);
    if (result == NULL) {
        return NULL;
    }
    char *out = (char *)PyUnicode_DATA(result);
    memcpy(out, prefix, prefix_len);
    out += prefix_len;
    *out++ = (char)quote;
    for (Py_ssize_t i = 0; i < size; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c == quote || c == '\\') {
            *out++ = '\\';
            *out++ = (char)c;
        }
        else if (c == '\t') { *out++ = '\\'; *out++ = 't'; }
        else if (c == '\n') { *out++ = '\\'; *out++ = 'n'; }
        else if (c == '\r') { *out++ = '\\'; *out++ = 'r'; }
        else if (c < ' ' || c >= 0x7f) {
            *out++ = '\\';
            *out++ = 'x';
            *out++ = digits[c >> 4];
            *out++ = digits[c & 15];
        }
        else {
            *out++ = (char)c;
        }
    }
    *out++ = (char)quote;
    memcpy(out, suffix, suffix_len);
    return result;
}

/* ---- decode, concatenation, comparison ---------------------------------- */

PyObject *_Py_bytes_decode(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    static const char *const names[] = { "encoding", "errors", NULL };
    PyObject *argv[2];
    if (parse_arguments("decode", args, nargs, kwnames, names, 0, 0, argv) < 0) {
        return NULL;
    }
    const char *encoding = NULL, *errors = NULL;
    for (int i = 0; i < 2; i++) {
        if (argv[i] == NULL) {
            continue;
        }
        if (!PyUnicode_Check(argv[i])) {
            PyErr_Format(PyExc_TypeError,
                         "decode() argument '%s' must be str, not %.50s",
                         names[i], Py_TYPE(argv[i])->tp_name);
            return NULL;
        }
        const char *text = PyUnicode_AsUTF8(argv[i]);
        if (text == NULL) {
            return NULL;
        }
        if (i == 0) {
            encoding = text;
        }
        else {
            errors = text;
        }
    }
    PyObject *result;
    _Py_BYTES_DATA_BEGIN(self, data, size)
    result = PyUnicode_Decode(data, size, encoding ? encoding : "utf-8", errors);
    _Py_BYTES_DATA_END()
    return result;
}

PyObject *_Py_bytes_concat(PyObject *self, PyObject *other)
{
    Py_buffer view;
    if (PyObject_GetBuffer(other, &view, PyBUF_SIMPLE) != 0) {
        PyErr_Format(PyExc_TypeError, "can't concat %.100s to %.100s",
                     Py_TYPE(other)->tp_name, Py_TYPE(self)->tp_name);
        return NULL;
    }
    PyObject *result = NULL;
    char *out;
    _Py_BYTES_DATA_BEGIN(self, data, size)
    if (view.len > PY_SSIZE_T_MAX - size) {
        PyErr_NoMemory();
    }
    else if ((result = new_like(self, size + view.len, &out)) != NULL) {
        memcpy(out, data, (size_t)size);
        memcpy(out + size, view.buf, (size_t)view.len);
    }
    _Py_BYTES_DATA_END()
    PyBuffer_Release(&view);
    return result;
}

/* Lexicographic comparison by unsigned byte value against any object that
   is bytes or bytearray (other buffers compare unequal, as in CPython). */
PyObject *_Py_bytes_richcompare(PyObject *self, PyObject *other, int op)
{
    if (!(PyBytes_Check(other) || PyByteArray_Check(other))) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(other, &view, PyBUF_SIMPLE) != 0) {
        return NULL;
    }
    int cmp;
    Py_ssize_t size_self;
    _Py_BYTES_DATA_BEGIN(self, data, size)
    size_self = size;
    Py_ssize_t common = size < view.len ? size : view.len;
    cmp = common ? memcmp(data, view.buf, (size_t)common) : 0;
    _Py_BYTES_DATA_END()
    if (cmp == 0) {
        cmp = (size_self > view.len) - (size_self < view.len);
    }
    PyBuffer_Release(&view);
    Py_RETURN_RICHCOMPARE(cmp, 0, op);
}
