/* The methods of str that search, split, pad, strip, map case and test
   character properties, and the method table of the type.

   str is immutable, so the methods read their operands without locks;
   translate() and join() call back into other objects through their own
   protocols (which lock what they need). */
#include "Python.h"
#include "pycore_unicodeobject.h"
#include "pycore_unicodectype.h"
#include "pycore_list.h"          /* _PyList_AppendTakeRef */
#include "pycore_exceptions.h"     /* _PyArg_UnexpectedKeyword */

/* ---- searching ---------------------------------------------------------------- */

#define SEARCH_CHAR Py_UCS1
#define SEARCH(name) ucs1_##name
#include "unicode_search.h"
#undef SEARCH_CHAR
#undef SEARCH
#define SEARCH_CHAR Py_UCS2
#define SEARCH(name) ucs2_##name
#include "unicode_search.h"
#undef SEARCH_CHAR
#undef SEARCH
#define SEARCH_CHAR Py_UCS4
#define SEARCH(name) ucs4_##name
#include "unicode_search.h"
#undef SEARCH_CHAR
#undef SEARCH

/* Clamp start/end like a slice of a sequence of length len. */
void
_Py_adjust_indices(Py_ssize_t len, Py_ssize_t *start, Py_ssize_t *end)
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

/* The characters of needle in the code units of `kind`: needle's own
   buffer when the kinds agree, else a PyMem copy (*owned set).  NULL when
   needle has a character the kind cannot hold (so it cannot occur). */
static const void *
needle_as_kind(PyObject *needle, int kind, void **owned)
{
    *owned = NULL;
    int nkind = PyUnicode_KIND(needle);
    if (nkind == kind) {
        return PyUnicode_DATA(needle);
    }
    if (nkind > kind) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(needle);
    void *buf = PyMem_Malloc((size_t)(len ? len : 1) * kind);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    _Py_copy_characters(kind, buf, 0, nkind, PyUnicode_DATA(needle), 0, len);
    *owned = buf;
    return buf;
}

/* Index of needle in hay[start:end] (direction > 0: first, else last),
   -1 if absent, -2 on error.  start/end are already adjusted. */
Py_ssize_t
_Py_unicode_find_sub(PyObject *hay, PyObject *needle, Py_ssize_t start,
                     Py_ssize_t end, int direction)
{
    Py_ssize_t m = PyUnicode_GET_LENGTH(needle);
    if (end - start < m) {
        return -1;
    }
    if (m == 0) {
        return direction > 0 ? start : end;
    }
    int kind = PyUnicode_KIND(hay);
    const char *s = (const char *)PyUnicode_DATA(hay) + start * kind;
    Py_ssize_t n = end - start;
    Py_ssize_t res;
    if (m == 1) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(needle, 0);
        switch (kind) {
        case PyUnicode_1BYTE_KIND:
            res = direction > 0 ? ucs1_find_char((const Py_UCS1 *)s, n, ch)
                                : ucs1_rfind_char((const Py_UCS1 *)s, n, ch);
            break;
        case PyUnicode_2BYTE_KIND:
            res = direction > 0 ? ucs2_find_char((const Py_UCS2 *)s, n, ch)
                                : ucs2_rfind_char((const Py_UCS2 *)s, n, ch);
            break;
        default:
            res = direction > 0 ? ucs4_find_char((const Py_UCS4 *)s, n, ch)
                                : ucs4_rfind_char((const Py_UCS4 *)s, n, ch);
            break;
        }
        return res < 0 ? -1 : res + start;
    }
    void *owned;
    const void *p = needle_as_kind(needle, kind, &owned);
    if (p == NULL) {
        return PyErr_Occurred() ? -2 : -1;
    }
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        res = direction > 0 ? ucs1_find((const Py_UCS1 *)s, n, p, m)
                            : ucs1_rfind((const Py_UCS1 *)s, n, p, m);
        break;
    case PyUnicode_2BYTE_KIND:
        res = direction > 0 ? ucs2_find((const Py_UCS2 *)s, n, p, m)
                            : ucs2_rfind((const Py_UCS2 *)s, n, p, m);
        break;
    default:
        res = direction > 0 ? ucs4_find((const Py_UCS4 *)s, n, p, m)
                            : ucs4_rfind((const Py_UCS4 *)s, n, p, m);
        break;
    }
    PyMem_Free(owned);
    return res < 0 ? -1 : res + start;
}

/* Non-overlapping occurrences of needle in hay[start:end] (adjusted), at
   most maxcount; an empty needle matches between every two characters.
   -1 on error. */
Py_ssize_t
_Py_unicode_count_sub(PyObject *hay, PyObject *needle, Py_ssize_t start,
                      Py_ssize_t end, Py_ssize_t maxcount)
{
    Py_ssize_t m = PyUnicode_GET_LENGTH(needle);
    if (maxcount < 0) {
        maxcount = PY_SSIZE_T_MAX;
    }
    if (end - start < m) {
        return 0;
    }
    if (m == 0) {
        return Py_MIN(end - start + 1, maxcount);
    }
    int kind = PyUnicode_KIND(hay);
    const char *s = (const char *)PyUnicode_DATA(hay) + start * kind;
    void *owned;
    const void *p = needle_as_kind(needle, kind, &owned);
    if (p == NULL) {
        return PyErr_Occurred() ? -1 : 0;
    }
    Py_ssize_t res;
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        res = ucs1_count((const Py_UCS1 *)s, end - start, p, m, maxcount);
        break;
    case PyUnicode_2BYTE_KIND:
        res = ucs2_count((const Py_UCS2 *)s, end - start, p, m, maxcount);
        break;
    default:
        res = ucs4_count((const Py_UCS4 *)s, end - start, p, m, maxcount);
        break;
    }
    PyMem_Free(owned);
    return res;
}

int
PyUnicode_Contains(PyObject *str, PyObject *substr)
{
    if (!PyUnicode_Check(substr)) {
        PyErr_Format(PyExc_TypeError,
                     "'in <string>' requires string as left operand, not %.100s",
                     Py_TYPE(substr)->tp_name);
        return -1;
    }
    if (!PyUnicode_Check(str)) {
        PyErr_Format(PyExc_TypeError, "must be str, not %.100s",
                     Py_TYPE(str)->tp_name);
        return -1;
    }
    Py_ssize_t res = _Py_unicode_find_sub(str, substr, 0,
                                          PyUnicode_GET_LENGTH(str), 1);
    return res == -2 ? -1 : res >= 0;
}

Py_ssize_t
PyUnicode_Find(PyObject *str, PyObject *substr, Py_ssize_t start,
               Py_ssize_t end, int direction)
{
    if (_Py_unicode_ensure(str) < 0 || _Py_unicode_ensure(substr) < 0) {
        return -2;
    }
    _Py_adjust_indices(PyUnicode_GET_LENGTH(str), &start, &end);
    return _Py_unicode_find_sub(str, substr, start, end, direction);
}

Py_ssize_t
PyUnicode_FindChar(PyObject *str, Py_UCS4 ch, Py_ssize_t start, Py_ssize_t end,
                   int direction)
{
    if (_Py_unicode_ensure(str) < 0) {
        return -2;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    if (start < 0 || end < 0) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -2;
    }
    end = Py_MIN(end, len);
    if (start >= end) {
        return -1;
    }
    int kind = PyUnicode_KIND(str);
    const char *s = (const char *)PyUnicode_DATA(str) + start * kind;
    Py_ssize_t n = end - start, res;
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        res = direction > 0 ? ucs1_find_char((const Py_UCS1 *)s, n, ch)
                            : ucs1_rfind_char((const Py_UCS1 *)s, n, ch);
        break;
    case PyUnicode_2BYTE_KIND:
        res = direction > 0 ? ucs2_find_char((const Py_UCS2 *)s, n, ch)
                            : ucs2_rfind_char((const Py_UCS2 *)s, n, ch);
        break;
    default:
        res = direction > 0 ? ucs4_find_char((const Py_UCS4 *)s, n, ch)
                            : ucs4_rfind_char((const Py_UCS4 *)s, n, ch);
        break;
    }
    return res < 0 ? -1 : res + start;
}

Py_ssize_t
PyUnicode_Count(PyObject *str, PyObject *substr, Py_ssize_t start, Py_ssize_t end)
{
    if (_Py_unicode_ensure(str) < 0 || _Py_unicode_ensure(substr) < 0) {
        return -1;
    }
    _Py_adjust_indices(PyUnicode_GET_LENGTH(str), &start, &end);
    return _Py_unicode_count_sub(str, substr, start, end, -1);
}

/* Does str[start:end] (adjusted) start (direction < 0) or end
   (direction > 0) with substr? */
static int
tailmatch(PyObject *str, PyObject *substr, Py_ssize_t start, Py_ssize_t end,
          int direction)
{
    Py_ssize_t m = PyUnicode_GET_LENGTH(substr);
    _Py_adjust_indices(PyUnicode_GET_LENGTH(str), &start, &end);
    end -= m;
    if (end < start) {
        return 0;
    }
    if (m == 0) {
        return 1;
    }
    Py_ssize_t offset = direction > 0 ? end : start;
    int kind = PyUnicode_KIND(str), skind = PyUnicode_KIND(substr);
    const void *data = PyUnicode_DATA(str), *sdata = PyUnicode_DATA(substr);
    if (kind == skind) {
        return memcmp((const char *)data + offset * kind, sdata,
                      (size_t)m * kind) == 0;
    }
    for (Py_ssize_t i = 0; i < m; i++) {
        if (PyUnicode_READ(kind, data, offset + i) != PyUnicode_READ(skind, sdata, i)) {
            return 0;
        }
    }
    return 1;
}

Py_ssize_t
PyUnicode_Tailmatch(PyObject *str, PyObject *substr, Py_ssize_t start,
                    Py_ssize_t end, int direction)
{
    if (_Py_unicode_ensure(str) < 0 || _Py_unicode_ensure(substr) < 0) {
        return -1;
    }
    return tailmatch(str, substr, start, end, direction);
}

/* ---- argument helpers for the methods ---------------------------------------------- */

/* "NAME expected at least N arguments, got M" as CPython words it. */
static int
check_positional(const char *name, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max)
{
    if (nargs < min) {
        PyErr_Format(PyExc_TypeError, "%.200s expected %s%zd argument%s, got %zd",
                     name, min == max ? "" : "at least ", min,
                     min == 1 ? "" : "s", nargs);
        return 0;
    }
    if (nargs > max) {
        PyErr_Format(PyExc_TypeError, "%.200s expected %s%zd argument%s, got %zd",
                     name, min == max ? "" : "at most ", max,
                     max == 1 ? "" : "s", nargs);
        return 0;
    }
    return 1;
}

/* Bind positional and keyword arguments of a METH_FASTCALL|METH_KEYWORDS
   method to out[0..nparams) (NULL for absent ones).  The first `posonly`
   parameters cannot be given by name; the first `required` must be
   given. */
static int
bind_arguments(const char *fname, PyObject *const *args, Py_ssize_t nargs,
               PyObject *kwnames, const char *const *params, int nparams,
               int posonly, int required, PyObject **out)
{
    for (int i = 0; i < nparams; i++) {
        out[i] = NULL;
    }
    Py_ssize_t nkw = kwnames != NULL ? PyTuple_GET_SIZE(kwnames) : 0;
    if (nargs > nparams) {
        PyErr_Format(PyExc_TypeError, "%s() takes at most %d argument%s (%zd given)",
                     fname, nparams, nparams == 1 ? "" : "s", nargs + nkw);
        return 0;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        out[i] = args[i];
    }
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, k);
        int found = -1;
        for (int i = posonly; i < nparams; i++) {
            if (PyUnicode_Check(key) && _PyUnicode_EqualToASCIIString(key, params[i])) {
                found = i;
                break;
            }
        }
        if (found < 0) {
            if (!PyUnicode_Check(key)) {
                PyErr_SetString(PyExc_TypeError, "keywords must be strings");
                return 0;
            }
            _PyArg_UnexpectedKeyword(fname, key, params + posonly,
                                     nparams - posonly);
            return 0;
        }
        if (out[found] != NULL) {
            PyErr_Format(PyExc_TypeError,
                         "argument for %s() given by name ('%s') and position (%d)",
                         fname, params[found], found + 1);
            return 0;
        }
        out[found] = args[nargs + k];
    }
    for (int i = 0; i < required; i++) {
        if (out[i] == NULL) {
            if (i < nargs || i >= posonly) {
                PyErr_Format(PyExc_TypeError,
                             "%s() missing required argument '%s' (pos %d)",
                             fname, params[i], i + 1);
            }
            else {
                PyErr_Format(PyExc_TypeError, "%s() takes at least %d positional "
                             "argument%s (%zd given)", fname, required,
                             required == 1 ? "" : "s", nargs);
            }
            return 0;
        }
    }
    return 1;
}

/* A slice-style index argument: None leaves *out alone. */
static int
parse_slice_index(PyObject *obj, Py_ssize_t *out)
{
    if (obj == NULL || obj == Py_None) {
        return 1;
    }
    if (!PyIndex_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "slice indices must be integers or "
                        "None or have an __index__ method");
        return 0;
    }
    Py_ssize_t v = PyNumber_AsSsize_t(obj, NULL);
    if (v == -1 && PyErr_Occurred()) {
        return 0;
    }
    *out = v;
    return 1;
}

/* sub[, start[, end]] for find, count, index, startswith, ... */
static int
parse_sub_start_end(const char *name, PyObject *const *args, Py_ssize_t nargs,
                    PyObject **sub, Py_ssize_t *start, Py_ssize_t *end)
{
    if (nargs < 1 || nargs > 3) {
        if (nargs < 1) {
            PyErr_Format(PyExc_TypeError,
                         "%s() takes at least 1 argument (0 given)", name);
        }
        else {
            PyErr_Format(PyExc_TypeError,
                         "%s() takes at most 3 arguments (%zd given)", name, nargs);
        }
        return 0;
    }
    *sub = args[0];
    *start = 0;
    *end = PY_SSIZE_T_MAX;
    return parse_slice_index(nargs > 1 ? args[1] : NULL, start)
           && parse_slice_index(nargs > 2 ? args[2] : NULL, end);
}

/* An integer argument (anything with __index__). */
static int
parse_ssize(PyObject *obj, Py_ssize_t *out)
{
    Py_ssize_t v = PyNumber_AsSsize_t(obj, PyExc_OverflowError);
    if (v == -1 && PyErr_Occurred()) {
        return 0;
    }
    *out = v;
    return 1;
}

static int
parse_str_arg(const char *fname, const char *pname, PyObject *obj,
              const char **out)
{
    if (!PyUnicode_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s() argument '%s' must be str, not %.50s",
                     fname, pname, Py_TYPE(obj)->tp_name);
        return 0;
    }
    Py_ssize_t len;
    const char *s = PyUnicode_AsUTF8AndSize(obj, &len);
    if (s == NULL) {
        return 0;
    }
    if (strlen(s) != (size_t)len) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return 0;
    }
    *out = s;
    return 1;
}

/* ---- case mapping ------------------------------------------------------------------ */

/* Lowercase of U+03A3 at index i: final sigma when a cased letter
   precedes it and none follows (case-ignorable characters skipped), as
   SpecialCasing.txt's Final_Sigma condition says. */
static Py_UCS4
handle_capital_sigma(int kind, const void *data, Py_ssize_t length, Py_ssize_t i)
{
    Py_ssize_t j;
    Py_UCS4 c = 0;
    for (j = i - 1; j >= 0; j--) {
        c = PyUnicode_READ(kind, data, j);
        if (!_PyUnicode_IsCaseIgnorable(c)) {
            break;
        }
    }
    int final_sigma = j >= 0 && _PyUnicode_IsCased(c);
    if (final_sigma) {
        for (j = i + 1; j < length; j++) {
            c = PyUnicode_READ(kind, data, j);
            if (!_PyUnicode_IsCaseIgnorable(c)) {
                break;
            }
        }
        final_sigma = j == length || !_PyUnicode_IsCased(c);
    }
    return final_sigma ? 0x3C2 : 0x3C3;
}

static int
lower_full(int kind, const void *data, Py_ssize_t length, Py_ssize_t i,
           Py_UCS4 c, Py_UCS4 *mapped)
{
    if (c == 0x3A3) {
        mapped[0] = handle_capital_sigma(kind, data, length, i);
        return 1;
    }
    return _PyUnicode_ToLowerFull(c, mapped);
}

typedef enum { CASE_LOWER, CASE_UPPER, CASE_CASEFOLD, CASE_SWAPCASE,
               CASE_TITLE, CASE_CAPITALIZE } case_op;

/* The full mapping of character i for operation op; *previous_is_cased
   carries title()'s state between characters. */
static int
map_case(case_op op, int kind, const void *data, Py_ssize_t length,
         Py_ssize_t i, int *previous_is_cased, Py_UCS4 *mapped)
{
    Py_UCS4 c = PyUnicode_READ(kind, data, i);
    int n;
    switch (op) {
    case CASE_LOWER:
        return lower_full(kind, data, length, i, c, mapped);
    case CASE_UPPER:
        return _PyUnicode_ToUpperFull(c, mapped);
    case CASE_CASEFOLD:
        return _PyUnicode_ToFoldedFull(c, mapped);
    case CASE_SWAPCASE:
        if (_PyUnicode_IsUppercase(c)) {
            return lower_full(kind, data, length, i, c, mapped);
        }
        if (_PyUnicode_IsLowercase(c)) {
            return _PyUnicode_ToUpperFull(c, mapped);
        }
        mapped[0] = c;
        return 1;
    case CASE_TITLE:
        n = *previous_is_cased ? lower_full(kind, data, length, i, c, mapped)
                               : _PyUnicode_ToTitleFull(c, mapped);
        *previous_is_cased = _PyUnicode_IsCased(c);
        return n;
    default: /* CASE_CAPITALIZE */
        return i == 0 ? _PyUnicode_ToTitleFull(c, mapped)
                      : lower_full(kind, data, length, i, c, mapped);
    }
}

static PyObject *
case_operation(PyObject *self, case_op op)
{
    Py_ssize_t length = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    if (PyUnicode_IS_ASCII(self) && op != CASE_TITLE && op != CASE_CAPITALIZE
        && op != CASE_SWAPCASE) {
        /* ASCII maps one to one. */
        PyObject *res = PyUnicode_New(length, 127);
        if (res == NULL) {
            return NULL;
        }
        const Py_UCS1 *src = data;
        Py_UCS1 *dst = PyUnicode_1BYTE_DATA(res);
        for (Py_ssize_t i = 0; i < length; i++) {
            Py_UCS1 c = src[i];
            if (op == CASE_UPPER) {
                dst[i] = (c >= 'a' && c <= 'z') ? (Py_UCS1)(c - 32) : c;
            }
            else {
                dst[i] = (c >= 'A' && c <= 'Z') ? (Py_UCS1)(c + 32) : c;
            }
        }
        return res;
    }
    if (length > PY_SSIZE_T_MAX / (3 * (Py_ssize_t)sizeof(Py_UCS4))) {
        PyErr_SetString(PyExc_OverflowError, "string is too long");
        return NULL;
    }
    Py_UCS4 *tmp = PyMem_Malloc(sizeof(Py_UCS4) * 3 * (size_t)(length ? length : 1));
    if (tmp == NULL) {
        return PyErr_NoMemory();
    }
    Py_ssize_t n = 0;
    int previous_is_cased = 0;
    for (Py_ssize_t i = 0; i < length; i++) {
        Py_UCS4 mapped[3];
        int k = map_case(op, kind, data, length, i, &previous_is_cased, mapped);
        for (int j = 0; j < k; j++) {
            tmp[n++] = mapped[j];
        }
    }
    PyObject *res = _PyUnicode_FromUCS4(tmp, n);
    PyMem_Free(tmp);
    return res;
}

static PyObject *
unicode_lower(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return case_operation(self, CASE_LOWER);
}

static PyObject *
unicode_upper(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return case_operation(self, CASE_UPPER);
}

static PyObject *
unicode_casefold(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return case_operation(self, CASE_CASEFOLD);
}

static PyObject *
unicode_swapcase(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return case_operation(self, CASE_SWAPCASE);
}

static PyObject *
unicode_title(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return case_operation(self, CASE_TITLE);
}

static PyObject *
unicode_capitalize(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    if (PyUnicode_GET_LENGTH(self) == 0) {
        return _Py_unicode_new_empty();
    }
    return case_operation(self, CASE_CAPITALIZE);
}

/* ---- predicates ---------------------------------------------------------------------- */

typedef int (*char_predicate)(Py_UCS4);

static int is_space(Py_UCS4 ch) { return Py_UNICODE_ISSPACE(ch); }
static int is_alnum(Py_UCS4 ch) { return Py_UNICODE_ISALNUM(ch); }

/* True if every character satisfies pred; false_if_empty for the
   is*() methods that say False on the empty string. */
static PyObject *
all_chars(PyObject *self, char_predicate pred, int false_if_empty)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    if (len == 0 && false_if_empty) {
        Py_RETURN_FALSE;
    }
    for (Py_ssize_t i = 0; i < len; i++) {
        if (!pred(PyUnicode_READ(kind, data, i))) {
            Py_RETURN_FALSE;
        }
    }
    Py_RETURN_TRUE;
}

static PyObject *
unicode_isspace(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return all_chars(self, is_space, 1);
}

/* all_chars for an ASCII string, where the Unicode properties reduce to
   the ASCII ones: letters are [A-Za-z], alphanumerics add [0-9]. */
static PyObject *
all_ascii_chars(PyObject *self, int allow_digits)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    const Py_UCS1 *data = PyUnicode_1BYTE_DATA(self);
    if (len == 0) {
        Py_RETURN_FALSE;
    }
    for (Py_ssize_t i = 0; i < len; i++) {
        unsigned int c = data[i];
        if ((unsigned int)((c | 0x20) - 'a') >= 26
            && !(allow_digits && c - '0' < 10)) {
            Py_RETURN_FALSE;
        }
    }
    Py_RETURN_TRUE;
}

static PyObject *
unicode_isalpha(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    if (PyUnicode_IS_ASCII(self)) {
        return all_ascii_chars(self, 0);
    }
    return all_chars(self, _PyUnicode_IsAlpha, 1);
}

static PyObject *
unicode_isalnum(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    if (PyUnicode_IS_ASCII(self)) {
        return all_ascii_chars(self, 1);
    }
    return all_chars(self, is_alnum, 1);
}

static PyObject *
unicode_isdecimal(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return all_chars(self, _PyUnicode_IsDecimalDigit, 1);
}

static PyObject *
unicode_isdigit(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return all_chars(self, _PyUnicode_IsDigit, 1);
}

static PyObject *
unicode_isnumeric(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return all_chars(self, _PyUnicode_IsNumeric, 1);
}

static PyObject *
unicode_isprintable(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return all_chars(self, _PyUnicode_IsPrintable, 0);
}

static PyObject *
unicode_isascii(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyBool_FromLong(PyUnicode_IS_ASCII(self));
}

static PyObject *
unicode_islower(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    int cased = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (_PyUnicode_IsUppercase(ch) || _PyUnicode_IsTitlecase(ch)) {
            Py_RETURN_FALSE;
        }
        if (!cased && _PyUnicode_IsLowercase(ch)) {
            cased = 1;
        }
    }
    return PyBool_FromLong(cased);
}

static PyObject *
unicode_isupper(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    int cased = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (_PyUnicode_IsLowercase(ch) || _PyUnicode_IsTitlecase(ch)) {
            Py_RETURN_FALSE;
        }
        if (!cased && _PyUnicode_IsUppercase(ch)) {
            cased = 1;
        }
    }
    return PyBool_FromLong(cased);
}

/* Uppercase and titlecase letters only after uncased characters,
   lowercase ones only after cased characters, and at least one cased. */
static PyObject *
unicode_istitle(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    int cased = 0, previous_is_cased = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (_PyUnicode_IsUppercase(ch) || _PyUnicode_IsTitlecase(ch)) {
            if (previous_is_cased) {
                Py_RETURN_FALSE;
            }
            previous_is_cased = cased = 1;
        }
        else if (_PyUnicode_IsLowercase(ch)) {
            if (!previous_is_cased) {
                Py_RETURN_FALSE;
            }
            previous_is_cased = cased = 1;
        }
        else {
            previous_is_cased = 0;
        }
    }
    return PyBool_FromLong(cased);
}

Py_ssize_t
_PyUnicode_ScanIdentifier(PyObject *self)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    if (len == 0) {
        return 0;
    }
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    Py_UCS4 ch = PyUnicode_READ(kind, data, 0);
    if (!_PyUnicode_IsXidStart(ch) && ch != '_') {
        return 0;
    }
    Py_ssize_t i;
    for (i = 1; i < len; i++) {
        if (!_PyUnicode_IsXidContinue(PyUnicode_READ(kind, data, i))) {
            break;
        }
    }
    return i;
}

int
PyUnicode_IsIdentifier(PyObject *self)
{
    Py_ssize_t i = _PyUnicode_ScanIdentifier(self);
    return i > 0 && i == PyUnicode_GET_LENGTH(self);
}

static PyObject *
unicode_isidentifier(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyBool_FromLong(PyUnicode_IsIdentifier(self));
}

int
_PyUnicode_IsWhitespaceString(PyObject *self)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    for (Py_ssize_t i = 0; i < len; i++) {
        if (!Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) {
            return 0;
        }
    }
    return 1;
}

/* ---- padding ---------------------------------------------------------------------------- */

/* self with `left` and `right` copies of fill around it. */
static PyObject *
pad(PyObject *self, Py_ssize_t left, Py_ssize_t right, Py_UCS4 fill)
{
    if (left < 0) {
        left = 0;
    }
    if (right < 0) {
        right = 0;
    }
    if (left == 0 && right == 0) {
        return _Py_unicode_result_unchanged(self);
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    if (left > PY_SSIZE_T_MAX - len || right > PY_SSIZE_T_MAX - (left + len)) {
        PyErr_SetString(PyExc_OverflowError, "padded string is too long");
        return NULL;
    }
    Py_UCS4 maxchar = Py_MAX(_PyUnicode_FindMaxChar(self, 0, len), fill);
    PyObject *res = PyUnicode_New(left + len + right, maxchar);
    if (res == NULL) {
        return NULL;
    }
    int kind = PyUnicode_KIND(res);
    void *data = PyUnicode_DATA(res);
    _Py_fill_characters(kind, data, fill, 0, left);
    _Py_copy_characters(kind, data, left, PyUnicode_KIND(self),
                        PyUnicode_DATA(self), 0, len);
    _Py_fill_characters(kind, data, fill, left + len, right);
    return res;
}

/* width[, fillchar] of center, ljust and rjust. */
static int
parse_width_fill(const char *name, PyObject *const *args, Py_ssize_t nargs,
                 Py_ssize_t *width, Py_UCS4 *fill)
{
    if (!check_positional(name, nargs, 1, 2) || !parse_ssize(args[0], width)) {
        return 0;
    }
    *fill = ' ';
    if (nargs == 2) {
        PyObject *f = args[1];
        if (!PyUnicode_Check(f)) {
            PyErr_Format(PyExc_TypeError,
                         "%s() argument 2 must be a unicode character, not %.50s",
                         name, Py_TYPE(f)->tp_name);
            return 0;
        }
        if (PyUnicode_GET_LENGTH(f) != 1) {
            PyErr_SetString(PyExc_TypeError,
                            "The fill character must be exactly one character long");
            return 0;
        }
        *fill = PyUnicode_READ_CHAR(f, 0);
    }
    return 1;
}

static PyObject *
unicode_center(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t width;
    Py_UCS4 fill;
    if (!parse_width_fill("center", args, nargs, &width, &fill)) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    if (width <= len) {
        return _Py_unicode_result_unchanged(self);
    }
    Py_ssize_t marg = width - len;
    Py_ssize_t left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

static PyObject *
unicode_ljust(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t width;
    Py_UCS4 fill;
    if (!parse_width_fill("ljust", args, nargs, &width, &fill)) {
        return NULL;
    }
    return pad(self, 0, width - PyUnicode_GET_LENGTH(self), fill);
}

static PyObject *
unicode_rjust(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t width;
    Py_UCS4 fill;
    if (!parse_width_fill("rjust", args, nargs, &width, &fill)) {
        return NULL;
    }
    return pad(self, width - PyUnicode_GET_LENGTH(self), 0, fill);
}

static PyObject *
unicode_zfill(PyObject *self, PyObject *arg)
{
    Py_ssize_t width;
    if (!parse_ssize(arg, &width)) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    if (len >= width) {
        return _Py_unicode_result_unchanged(self);
    }
    PyObject *res = pad(self, width - len, 0, '0');
    if (res == NULL) {
        return NULL;
    }
    int kind = PyUnicode_KIND(res);
    void *data = PyUnicode_DATA(res);
    Py_ssize_t fill = width - len;
    Py_UCS4 first = PyUnicode_READ(kind, data, fill);
    if (first == '+' || first == '-') {
        /* The sign moves in front of the zeros. */
        PyUnicode_WRITE(kind, data, 0, first);
        PyUnicode_WRITE(kind, data, fill, '0');
    }
    return res;
}

static PyObject *
unicode_expandtabs(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                   PyObject *kwnames)
{
    static const char *const params[] = {"tabsize"};
    PyObject *argv[1];
    Py_ssize_t tabsize = 8;
    if (!bind_arguments("expandtabs", args, nargs, kwnames, params, 1, 0, 0, argv)
        || (argv[0] != NULL && !parse_ssize(argv[0], &tabsize))) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    /* First pass: the result length, with overflow checks. */
    Py_ssize_t total = 0, column = 0;
    int found = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch == '\t') {
            found = 1;
            if (tabsize > 0) {
                Py_ssize_t incr = tabsize - (column % tabsize);
                if (column > PY_SSIZE_T_MAX - incr || total > PY_SSIZE_T_MAX - incr) {
                    goto overflow;
                }
                column += incr;
                total += incr;
            }
        }
        else {
            if (total > PY_SSIZE_T_MAX - 1) {
                goto overflow;
            }
            total++;
            column = (ch == '\n' || ch == '\r') ? 0 : column + 1;
        }
    }
    if (!found) {
        return _Py_unicode_result_unchanged(self);
    }
    PyObject *res = PyUnicode_New(total, _PyUnicode_FindMaxChar(self, 0, len));
    if (res == NULL) {
        return NULL;
    }
    int rkind = PyUnicode_KIND(res);
    void *rdata = PyUnicode_DATA(res);
    Py_ssize_t j = 0;
    column = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch == '\t') {
            if (tabsize > 0) {
                Py_ssize_t incr = tabsize - (column % tabsize);
                _Py_fill_characters(rkind, rdata, ' ', j, incr);
                j += incr;
                column += incr;
            }
        }
        else {
            PyUnicode_WRITE(rkind, rdata, j++, ch);
            column = (ch == '\n' || ch == '\r') ? 0 : column + 1;
        }
    }
    return res;
overflow:
    PyErr_SetString(PyExc_OverflowError, "result too long");
    return NULL;
}

/* ---- find, count, index, startswith ----------------------------------------------------- */

static Py_ssize_t
find_helper(const char *name, PyObject *self, PyObject *const *args,
            Py_ssize_t nargs, int direction)
{
    PyObject *sub;
    Py_ssize_t start, end;
    if (!parse_sub_start_end(name, args, nargs, &sub, &start, &end)
        || _Py_unicode_ensure(sub) < 0) {
        return -2;
    }
    _Py_adjust_indices(PyUnicode_GET_LENGTH(self), &start, &end);
    return _Py_unicode_find_sub(self, sub, start, end, direction);
}

static PyObject *
unicode_find(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t r = find_helper("find", self, args, nargs, 1);
    return r == -2 ? NULL : PyLong_FromSsize_t(r);
}

static PyObject *
unicode_rfind(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t r = find_helper("rfind", self, args, nargs, -1);
    return r == -2 ? NULL : PyLong_FromSsize_t(r);
}

static PyObject *
unicode_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t r = find_helper("index", self, args, nargs, 1);
    if (r == -1) {
        PyErr_SetString(PyExc_ValueError, "substring not found");
    }
    return r < 0 ? NULL : PyLong_FromSsize_t(r);
}

static PyObject *
unicode_rindex(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t r = find_helper("rindex", self, args, nargs, -1);
    if (r == -1) {
        PyErr_SetString(PyExc_ValueError, "substring not found");
    }
    return r < 0 ? NULL : PyLong_FromSsize_t(r);
}

static PyObject *
unicode_count(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *sub;
    Py_ssize_t start, end;
    if (!parse_sub_start_end("count", args, nargs, &sub, &start, &end)
        || _Py_unicode_ensure(sub) < 0) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    _Py_adjust_indices(len, &start, &end);
    if (start > len) {
        return PyLong_FromLong(0);
    }
    Py_ssize_t r = _Py_unicode_count_sub(self, sub, start, end, -1);
    return r < 0 ? NULL : PyLong_FromSsize_t(r);
}

static PyObject *
startswith_endswith(const char *name, PyObject *self, PyObject *const *args,
                    Py_ssize_t nargs, int direction)
{
    PyObject *sub;
    Py_ssize_t start, end;
    if (!parse_sub_start_end(name, args, nargs, &sub, &start, &end)) {
        return NULL;
    }
    if (PyTuple_Check(sub)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(sub); i++) {
            PyObject *item = PyTuple_GET_ITEM(sub, i);
            if (!PyUnicode_Check(item)) {
                PyErr_Format(PyExc_TypeError,
                             "tuple for %s must only contain str, not %.100s",
                             name, Py_TYPE(item)->tp_name);
                return NULL;
            }
            if (tailmatch(self, item, start, end, direction)) {
                Py_RETURN_TRUE;
            }
        }
        Py_RETURN_FALSE;
    }
    if (!PyUnicode_Check(sub)) {
        PyErr_Format(PyExc_TypeError,
                     "%s first arg must be str or a tuple of str, not %.100s",
                     name, Py_TYPE(sub)->tp_name);
        return NULL;
    }
    return PyBool_FromLong(tailmatch(self, sub, start, end, direction));
}

static PyObject *
unicode_startswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return startswith_endswith("startswith", self, args, nargs, -1);
}

static PyObject *
unicode_endswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return startswith_endswith("endswith", self, args, nargs, 1);
}

static PyObject *
unicode_removeprefix(PyObject *self, PyObject *prefix)
{
    if (!PyUnicode_Check(prefix)) {
        PyErr_Format(PyExc_TypeError,
                     "removeprefix() argument must be str, not %.100s",
                     Py_TYPE(prefix)->tp_name);
        return NULL;
    }
    if (tailmatch(self, prefix, 0, PY_SSIZE_T_MAX, -1)) {
        return PyUnicode_Substring(self, PyUnicode_GET_LENGTH(prefix),
                                   PyUnicode_GET_LENGTH(self));
    }
    return _Py_unicode_result_unchanged(self);
}

static PyObject *
unicode_removesuffix(PyObject *self, PyObject *suffix)
{
    if (!PyUnicode_Check(suffix)) {
        PyErr_Format(PyExc_TypeError,
                     "removesuffix() argument must be str, not %.100s",
                     Py_TYPE(suffix)->tp_name);
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(suffix) && tailmatch(self, suffix, 0, PY_SSIZE_T_MAX, 1)) {
        return PyUnicode_Substring(self, 0, PyUnicode_GET_LENGTH(self)
                                            - PyUnicode_GET_LENGTH(suffix));
    }
    return _Py_unicode_result_unchanged(self);
}

/* ---- strip ------------------------------------------------------------------------------- */

#define LEFTSTRIP 0
#define RIGHTSTRIP 1
#define BOTHSTRIP 2

static int
char_in_str(PyObject *set, Py_UCS4 ch)
{
    return PyUnicode_FindChar(set, ch, 0, PyUnicode_GET_LENGTH(set), 1) >= 0;
}

PyObject *
_PyUnicode_XStrip(PyObject *self, int striptype, PyObject *sepobj)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    Py_ssize_t i = 0, j = len;
    if (striptype != RIGHTSTRIP) {
        while (i < len) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, i);
            if (sepobj ? !char_in_str(sepobj, ch) : !Py_UNICODE_ISSPACE(ch)) {
                break;
            }
            i++;
        }
    }
    if (striptype != LEFTSTRIP) {
        while (j > i) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, j - 1);
            if (sepobj ? !char_in_str(sepobj, ch) : !Py_UNICODE_ISSPACE(ch)) {
                break;
            }
            j--;
        }
    }
    return PyUnicode_Substring(self, i, j);
}

static PyObject *
do_strip(const char *name, PyObject *self, PyObject *const *args,
         Py_ssize_t nargs, int striptype)
{
    if (!check_positional(name, nargs, 0, 1)) {
        return NULL;
    }
    PyObject *chars = nargs ? args[0] : Py_None;
    if (chars == Py_None) {
        return _PyUnicode_XStrip(self, striptype, NULL);
    }
    if (!PyUnicode_Check(chars)) {
        PyErr_Format(PyExc_TypeError, "%s arg must be None or str", name);
        return NULL;
    }
    return _PyUnicode_XStrip(self, striptype, chars);
}

static PyObject *
unicode_strip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return do_strip("strip", self, args, nargs, BOTHSTRIP);
}

static PyObject *
unicode_lstrip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return do_strip("lstrip", self, args, nargs, LEFTSTRIP);
}

static PyObject *
unicode_rstrip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return do_strip("rstrip", self, args, nargs, RIGHTSTRIP);
}

/* ---- split, partition, replace ------------------------------------------------------------ */

/* Append self[start:end] to list; 0 or -1. */
static int
append_slice(PyObject *list, PyObject *self, Py_ssize_t start, Py_ssize_t end)
{
    PyObject *item;
    if (start == 0 && end == PyUnicode_GET_LENGTH(self)
        && PyUnicode_CheckExact(self)) {
        item = Py_NewRef(self);
    }
    else if (start < end && PyUnicode_IS_ASCII(self)) {
        item = _PyUnicode_FromASCII((const char *)PyUnicode_1BYTE_DATA(self)
                                    + start, end - start);
    }
    else {
        item = PyUnicode_Substring(self, start, end);
    }
    if (item == NULL) {
        return -1;
    }
    /* The list is still private to the splitting call. */
    return _PyList_AppendTakeRef((PyListObject *)list, item);
}

/* Py_UNICODE_ISLINEBREAK without the table lookup below 256, where the
   line breaks are \n \v \f \r, \x1c-\x1e and \x85. */
static inline int
is_line_break(Py_UCS4 ch)
{
    if (ch < 256) {
        return ch <= 0x1e ? (ch >= 0x0a && ch <= 0x0d) || ch >= 0x1c
                          : ch == 0x85;
    }
    return Py_UNICODE_ISLINEBREAK(ch);
}

static inline int
is_space_1byte(Py_UCS1 ch)
{
    return ch < 128 ? _Py_ascii_whitespace[ch] : Py_UNICODE_ISSPACE(ch);
}

/* split_whitespace for a one-byte string: the same scan without the
   per-character kind dispatch. */
static int
split_whitespace_1byte(PyObject *list, PyObject *self, Py_ssize_t maxcount)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    const Py_UCS1 *data = PyUnicode_1BYTE_DATA(self);
    Py_ssize_t i = 0;
    while (maxcount-- > 0) {
        while (i < len && is_space_1byte(data[i])) {
            i++;
        }
        if (i == len) {
            return 0;
        }
        Py_ssize_t j = i++;
        while (i < len && !is_space_1byte(data[i])) {
            i++;
        }
        if (append_slice(list, self, j, i) < 0) {
            return -1;
        }
    }
    while (i < len && is_space_1byte(data[i])) {
        i++;
    }
    if (i < len && append_slice(list, self, i, len) < 0) {
        return -1;
    }
    return 0;
}

static PyObject *
split_whitespace(PyObject *self, Py_ssize_t maxcount)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    if (kind == PyUnicode_1BYTE_KIND) {
        if (split_whitespace_1byte(list, self, maxcount) < 0) {
            Py_DECREF(list);
            return NULL;
        }
        return list;
    }
    Py_ssize_t i = 0;
    while (maxcount-- > 0) {
        while (i < len && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) {
            i++;
        }
        if (i == len) {
            break;
        }
        Py_ssize_t j = i++;
        while (i < len && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) {
            i++;
        }
        if (append_slice(list, self, j, i) < 0) {
            goto error;
        }
    }
    while (i < len && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) {
        i++;
    }
    if (i < len && append_slice(list, self, i, len) < 0) {
        goto error;
    }
    return list;
error:
    Py_DECREF(list);
    return NULL;
}

static PyObject *
rsplit_whitespace(PyObject *self, Py_ssize_t maxcount)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    Py_ssize_t i = len;
    while (maxcount-- > 0) {
        while (i > 0 && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i - 1))) {
            i--;
        }
        if (i == 0) {
            break;
        }
        Py_ssize_t j = i--;
        while (i > 0 && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i - 1))) {
            i--;
        }
        if (append_slice(list, self, i, j) < 0) {
            goto error;
        }
    }
    while (i > 0 && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i - 1))) {
        i--;
    }
    if (i > 0 && append_slice(list, self, 0, i) < 0) {
        goto error;
    }
    if (PyList_Reverse(list) < 0) {
        goto error;
    }
    return list;
error:
    Py_DECREF(list);
    return NULL;
}

static PyObject *
split_impl(PyObject *self, PyObject *sep, Py_ssize_t maxcount, int direction)
{
    if (maxcount < 0) {
        maxcount = PY_SSIZE_T_MAX;
    }
    if (sep == NULL || sep == Py_None) {
        return direction > 0 ? split_whitespace(self, maxcount)
                             : rsplit_whitespace(self, maxcount);
    }
    if (!PyUnicode_Check(sep)) {
        PyErr_Format(PyExc_TypeError, "must be str or None, not %.100s",
                     Py_TYPE(sep)->tp_name);
        return NULL;
    }
    Py_ssize_t seplen = PyUnicode_GET_LENGTH(sep);
    if (seplen == 0) {
        PyErr_SetString(PyExc_ValueError, "empty separator");
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    if (direction > 0) {
        Py_ssize_t i = 0;
        while (maxcount-- > 0) {
            Py_ssize_t pos = _Py_unicode_find_sub(self, sep, i, len, 1);
            if (pos == -2) {
                goto error;
            }
            if (pos < 0) {
                break;
            }
            if (append_slice(list, self, i, pos) < 0) {
                goto error;
            }
            i = pos + seplen;
        }
        if (append_slice(list, self, i, len) < 0) {
            goto error;
        }
    }
    else {
        Py_ssize_t j = len;
        while (maxcount-- > 0) {
            Py_ssize_t pos = _Py_unicode_find_sub(self, sep, 0, j, -1);
            if (pos == -2) {
                goto error;
            }
            if (pos < 0) {
                break;
            }
            if (append_slice(list, self, pos + seplen, j) < 0) {
                goto error;
            }
            j = pos;
        }
        if (append_slice(list, self, 0, j) < 0 || PyList_Reverse(list) < 0) {
            goto error;
        }
    }
    return list;
error:
    Py_DECREF(list);
    return NULL;
}

static PyObject *
split_method(const char *name, PyObject *self, PyObject *const *args,
             Py_ssize_t nargs, PyObject *kwnames, int direction)
{
    static const char *const params[] = {"sep", "maxsplit"};
    PyObject *argv[2];
    Py_ssize_t maxsplit = -1;
    if (!bind_arguments(name, args, nargs, kwnames, params, 2, 0, 0, argv)
        || (argv[1] != NULL && !parse_ssize(argv[1], &maxsplit))) {
        return NULL;
    }
    return split_impl(self, argv[0], maxsplit, direction);
}

static PyObject *
unicode_split(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
              PyObject *kwnames)
{
    return split_method("split", self, args, nargs, kwnames, 1);
}

static PyObject *
unicode_rsplit(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
               PyObject *kwnames)
{
    return split_method("rsplit", self, args, nargs, kwnames, -1);
}

PyObject *
PyUnicode_Split(PyObject *s, PyObject *sep, Py_ssize_t maxsplit)
{
    if (_Py_unicode_ensure(s) < 0 || (sep != NULL && _Py_unicode_ensure(sep) < 0)) {
        return NULL;
    }
    return split_impl(s, sep, maxsplit, 1);
}

PyObject *
PyUnicode_RSplit(PyObject *s, PyObject *sep, Py_ssize_t maxsplit)
{
    if (_Py_unicode_ensure(s) < 0 || (sep != NULL && _Py_unicode_ensure(sep) < 0)) {
        return NULL;
    }
    return split_impl(s, sep, maxsplit, -1);
}

PyObject *
PyUnicode_Splitlines(PyObject *self, int keepends)
{
    if (_Py_unicode_ensure(self) < 0) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    Py_ssize_t i = 0;
    while (i < len) {
        Py_ssize_t j = i;
        while (i < len && !is_line_break(PyUnicode_READ(kind, data, i))) {
            i++;
        }
        Py_ssize_t eol = i;
        if (i < len) {
            if (PyUnicode_READ(kind, data, i) == '\r' && i + 1 < len
                && PyUnicode_READ(kind, data, i + 1) == '\n') {
                i += 2;
            }
            else {
                i++;
            }
            if (keepends) {
                eol = i;
            }
        }
        if (append_slice(list, self, j, eol) < 0) {
            Py_DECREF(list);
            return NULL;
        }
    }
    return list;
}

static PyObject *
unicode_splitlines(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                   PyObject *kwnames)
{
    static const char *const params[] = {"keepends"};
    PyObject *argv[1];
    if (!bind_arguments("splitlines", args, nargs, kwnames, params, 1, 0, 0, argv)) {
        return NULL;
    }
    int keepends = 0;
    if (argv[0] != NULL) {
        keepends = PyObject_IsTrue(argv[0]);
        if (keepends < 0) {
            return NULL;
        }
    }
    return PyUnicode_Splitlines(self, keepends);
}

static PyObject *
partition_impl(PyObject *self, PyObject *sep, int direction)
{
    if (_Py_unicode_ensure(sep) < 0) {
        return NULL;
    }
    Py_ssize_t seplen = PyUnicode_GET_LENGTH(sep);
    if (seplen == 0) {
        PyErr_SetString(PyExc_ValueError, "empty separator");
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    Py_ssize_t pos = _Py_unicode_find_sub(self, sep, 0, len, direction);
    if (pos == -2) {
        return NULL;
    }
    PyObject *empty = _Py_unicode_new_empty();
    if (pos < 0) {
        PyObject *whole = _Py_unicode_result_unchanged(self);
        if (whole == NULL) {
            return NULL;
        }
        PyObject *res = direction > 0 ? PyTuple_Pack(3, whole, empty, empty)
                                      : PyTuple_Pack(3, empty, empty, whole);
        Py_DECREF(whole);
        return res;
    }
    PyObject *before = PyUnicode_Substring(self, 0, pos);
    PyObject *after = PyUnicode_Substring(self, pos + seplen, len);
    PyObject *mid = _Py_unicode_result_unchanged(sep);
    PyObject *res = NULL;
    if (before != NULL && after != NULL && mid != NULL) {
        res = PyTuple_Pack(3, before, mid, after);
    }
    Py_XDECREF(before);
    Py_XDECREF(after);
    Py_XDECREF(mid);
    return res;
}

PyObject *
PyUnicode_Partition(PyObject *s, PyObject *sep)
{
    if (_Py_unicode_ensure(s) < 0) {
        return NULL;
    }
    return partition_impl(s, sep, 1);
}

PyObject *
PyUnicode_RPartition(PyObject *s, PyObject *sep)
{
    if (_Py_unicode_ensure(s) < 0) {
        return NULL;
    }
    return partition_impl(s, sep, -1);
}

static PyObject *
unicode_partition(PyObject *self, PyObject *sep)
{
    return partition_impl(self, sep, 1);
}

static PyObject *
unicode_rpartition(PyObject *self, PyObject *sep)
{
    return partition_impl(self, sep, -1);
}

static PyObject *
replace_impl(PyObject *self, PyObject *old, PyObject *new_, Py_ssize_t maxcount)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    Py_ssize_t oldlen = PyUnicode_GET_LENGTH(old);
    Py_ssize_t newlen = PyUnicode_GET_LENGTH(new_);
    if (maxcount < 0) {
        maxcount = PY_SSIZE_T_MAX;
    }
    Py_ssize_t n = maxcount == 0 ? 0 : _Py_unicode_count_sub(self, old, 0, len, maxcount);
    if (n < 0) {
        return NULL;
    }
    if (n == 0 || (oldlen == newlen && _PyUnicode_Equal(old, new_))) {
        return _Py_unicode_result_unchanged(self);
    }
    /* result length = len + n * (newlen - oldlen), checked for overflow */
    Py_ssize_t delta = newlen - oldlen;
    if (delta > 0 && n > (PY_SSIZE_T_MAX - len) / delta) {
        PyErr_SetString(PyExc_OverflowError, "replace string is too long");
        return NULL;
    }
    Py_ssize_t total = len + n * delta;
    Py_UCS4 maxchar = Py_MAX(PyUnicode_MAX_CHAR_VALUE(self),
                             newlen ? PyUnicode_MAX_CHAR_VALUE(new_) : 0);
    PyObject *res = PyUnicode_New(total, maxchar);
    if (res == NULL) {
        return NULL;
    }
    int rkind = PyUnicode_KIND(res), kind = PyUnicode_KIND(self);
    int nkind = PyUnicode_KIND(new_);
    void *rdata = PyUnicode_DATA(res);
    const void *data = PyUnicode_DATA(self), *ndata = PyUnicode_DATA(new_);
    Py_ssize_t i = 0, o = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        Py_ssize_t pos;
        if (oldlen == 0) {
            pos = i;
        }
        else {
            pos = _Py_unicode_find_sub(self, old, i, len, 1);
            if (pos < 0) {
                Py_DECREF(res);
                return NULL;    /* -2: an error; -1 cannot happen (counted) */
            }
        }
        _Py_copy_characters(rkind, rdata, o, kind, data, i, pos - i);
        o += pos - i;
        _Py_copy_characters(rkind, rdata, o, nkind, ndata, 0, newlen);
        o += newlen;
        i = pos + oldlen;
        if (oldlen == 0 && i < len) {
            /* An empty pattern matches between characters: keep one. */
            PyUnicode_WRITE(rkind, rdata, o++, PyUnicode_READ(kind, data, i));
            i++;
        }
    }
    _Py_copy_characters(rkind, rdata, o, kind, data, i, len - i);
    /* Replacing every widest character can narrow the result. */
    return _Py_unicode_canonicalize(res);
}

PyObject *
PyUnicode_Replace(PyObject *str, PyObject *substr, PyObject *replstr,
                  Py_ssize_t maxcount)
{
    if (_Py_unicode_ensure(str) < 0 || _Py_unicode_ensure(substr) < 0
        || _Py_unicode_ensure(replstr) < 0) {
        return NULL;
    }
    return replace_impl(str, substr, replstr, maxcount);
}

static PyObject *
unicode_replace(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                PyObject *kwnames)
{
    static const char *const params[] = {"old", "new", "count"};
    PyObject *argv[3];
    Py_ssize_t count = -1;
    if (nargs < 2 && (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0)) {
        check_positional("replace", nargs, 2, 3);
        return NULL;
    }
    if (!bind_arguments("replace", args, nargs, kwnames, params, 3, 2, 2, argv)
        || (argv[2] != NULL && !parse_ssize(argv[2], &count))) {
        return NULL;
    }
    for (int i = 0; i < 2; i++) {
        if (!PyUnicode_Check(argv[i])) {
            PyErr_Format(PyExc_TypeError,
                         "replace() argument %d must be str, not %.50s",
                         i + 1, Py_TYPE(argv[i])->tp_name);
            return NULL;
        }
    }
    return replace_impl(self, argv[0], argv[1], count);
}

/* ---- join, encode, translate -------------------------------------------------------------- */

static PyObject *
unicode_join(PyObject *self, PyObject *iterable)
{
    return PyUnicode_Join(self, iterable);
}

static PyObject *
unicode_encode(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
               PyObject *kwnames)
{
    static const char *const params[] = {"encoding", "errors"};
    PyObject *argv[2];
    const char *encoding = NULL, *errors = NULL;
    if (!bind_arguments("encode", args, nargs, kwnames, params, 2, 0, 0, argv)
        || (argv[0] != NULL && !parse_str_arg("encode", "encoding", argv[0], &encoding))
        || (argv[1] != NULL && !parse_str_arg("encode", "errors", argv[1], &errors))) {
        return NULL;
    }
    return PyUnicode_AsEncodedString(self, encoding, errors);
}

/* Look ch up in a translation table: 1 and *result (a new reference:
   an int, a str or None), 0 if the table has no entry, -1 on error. */
static int
translate_lookup(PyObject *table, Py_UCS4 ch, PyObject **result)
{
    PyObject *key = PyLong_FromLong((long)ch);
    if (key == NULL) {
        return -1;
    }
    PyObject *value = PyObject_GetItem(table, key);
    Py_DECREF(key);
    if (value == NULL) {
        if (PyErr_ExceptionMatches(PyExc_LookupError)) {
            PyErr_Clear();
            return 0;
        }
        return -1;
    }
    if (value == Py_None || PyUnicode_Check(value)) {
        *result = value;
        return 1;
    }
    if (PyLong_Check(value)) {
        long v = PyLong_AsLong(value);
        if (v == -1 && PyErr_Occurred()) {
            Py_DECREF(value);
            return -1;
        }
        if (v < 0 || v > MAX_UNICODE) {
            PyErr_SetString(PyExc_ValueError,
                            "character mapping must be in range(0x110000)");
            Py_DECREF(value);
            return -1;
        }
        *result = value;
        return 1;
    }
    Py_DECREF(value);
    PyErr_SetString(PyExc_TypeError,
                    "character mapping must return integer, None or str");
    return -1;
}

PyObject *
PyUnicode_Translate(PyObject *self, PyObject *table, const char *errors)
{
    (void)errors;   /* a mapping to str cannot fail to encode */
    if (_Py_unicode_ensure(self) < 0) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    /* Results for ASCII characters, looked up once each. */
    PyObject *ascii_cache[128] = {NULL};
    PyObject *const untouched = Py_Ellipsis;
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.min_length = len;
    writer.overallocate = 1;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        PyObject *value = NULL;
        if (ch < 128 && ascii_cache[ch] != NULL) {
            value = ascii_cache[ch];
        }
        else {
            int found = translate_lookup(table, ch, &value);
            if (found < 0) {
                goto error;
            }
            if (!found) {
                value = untouched;
            }
            if (ch < 128) {
                ascii_cache[ch] = value;    /* owns the reference now */
            }
        }
        int res;
        if (value == untouched) {
            res = _PyUnicodeWriter_WriteChar(&writer, ch);
        }
        else if (value == Py_None) {
            res = 0;
        }
        else if (PyUnicode_Check(value)) {
            res = _PyUnicodeWriter_WriteStr(&writer, value);
        }
        else {
            res = _PyUnicodeWriter_WriteChar(&writer, (Py_UCS4)PyLong_AsLong(value));
        }
        if (ch >= 128 && value != untouched) {
            Py_DECREF(value);
        }
        if (res < 0) {
            goto error;
        }
    }
    for (int c = 0; c < 128; c++) {
        if (ascii_cache[c] != NULL && ascii_cache[c] != untouched) {
            Py_DECREF(ascii_cache[c]);
        }
    }
    return _PyUnicodeWriter_Finish(&writer);
error:
    for (int c = 0; c < 128; c++) {
        if (ascii_cache[c] != NULL && ascii_cache[c] != untouched) {
            Py_DECREF(ascii_cache[c]);
        }
    }
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

static PyObject *
unicode_translate(PyObject *self, PyObject *table)
{
    return PyUnicode_Translate(self, table, NULL);
}

static PyObject *
unicode_maketrans(PyObject *Py_UNUSED(null), PyObject *const *args, Py_ssize_t nargs)
{
    if (!check_positional("maketrans", nargs, 1, 3)) {
        return NULL;
    }
    PyObject *x = args[0];
    PyObject *new_ = PyDict_New();
    if (new_ == NULL) {
        return NULL;
    }
    if (nargs >= 2) {
        PyObject *y = args[1];
        if (!PyUnicode_Check(x)) {
            PyErr_SetString(PyExc_TypeError, "first maketrans argument must be "
                            "a string if there is a second argument");
            goto error;
        }
        if (!PyUnicode_Check(y)) {
            PyErr_Format(PyExc_TypeError,
                         "maketrans() argument 2 must be str, not %.50s",
                         Py_TYPE(y)->tp_name);
            goto error;
        }
        Py_ssize_t n = PyUnicode_GET_LENGTH(x);
        if (n != PyUnicode_GET_LENGTH(y)) {
            PyErr_SetString(PyExc_ValueError, "the first two maketrans "
                            "arguments must have equal length");
            goto error;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *k = PyLong_FromLong((long)PyUnicode_READ_CHAR(x, i));
            PyObject *v = PyLong_FromLong((long)PyUnicode_READ_CHAR(y, i));
            int res = (k && v) ? PyDict_SetItem(new_, k, v) : -1;
            Py_XDECREF(k);
            Py_XDECREF(v);
            if (res < 0) {
                goto error;
            }
        }
        if (nargs == 3) {
            PyObject *z = args[2];
            if (!PyUnicode_Check(z)) {
                PyErr_Format(PyExc_TypeError,
                             "maketrans() argument 3 must be str, not %.50s",
                             Py_TYPE(z)->tp_name);
                goto error;
            }
            for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(z); i++) {
                PyObject *k = PyLong_FromLong((long)PyUnicode_READ_CHAR(z, i));
                int res = k ? PyDict_SetItem(new_, k, Py_None) : -1;
                Py_XDECREF(k);
                if (res < 0) {
                    goto error;
                }
            }
        }
        return new_;
    }
    if (!PyDict_CheckExact(x) && !PyFrozenDict_Check(x)) {
        PyErr_SetString(PyExc_TypeError, "if you give only one argument "
                        "to maketrans it must be a dict");
        goto error;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(x, &pos, &key, &value)) {
        PyObject *newkey;
        if (PyUnicode_Check(key)) {
            if (PyUnicode_GET_LENGTH(key) != 1) {
                PyErr_SetString(PyExc_ValueError, "string keys in translate "
                                "table must be of length 1");
                goto error;
            }
            newkey = PyLong_FromLong((long)PyUnicode_READ_CHAR(key, 0));
        }
        else if (PyLong_Check(key)) {
            newkey = Py_NewRef(key);
        }
        else {
            PyErr_SetString(PyExc_TypeError, "keys in translate table must "
                            "be strings or integers");
            goto error;
        }
        int res = newkey ? PyDict_SetItem(new_, newkey, value) : -1;
        Py_XDECREF(newkey);
        if (res < 0) {
            goto error;
        }
    }
    return new_;
error:
    Py_DECREF(new_);
    return NULL;
}

static PyObject *
unicode_getnewargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *copy = _PyUnicode_Copy(self);
    if (copy == NULL) {
        return NULL;
    }
    PyObject *res = PyTuple_Pack(1, copy);
    Py_DECREF(copy);
    return res;
}

static PyObject *
unicode_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t size;
    Py_ssize_t chars = (PyUnicode_GET_LENGTH(self) + 1) * PyUnicode_KIND(self);
    if (PyUnicode_IS_COMPACT_ASCII(self)) {
        size = (Py_ssize_t)sizeof(PyASCIIObject) + chars;
    }
    else if (PyUnicode_IS_COMPACT(self)) {
        size = (Py_ssize_t)sizeof(PyCompactUnicodeObject) + chars;
    }
    else {
        size = Py_TYPE(self)->tp_basicsize + chars;
    }
    if (!PyUnicode_IS_ASCII(self)) {
        PyCompactUnicodeObject *c = _PyCompactUnicodeObject_CAST(self);
        if (__atomic_load_n(&c->utf8, __ATOMIC_ACQUIRE) != NULL) {
            size += __atomic_load_n(&c->utf8_length, __ATOMIC_RELAXED) + 1;
        }
    }
    return PyLong_FromSsize_t(size);
}

/* The methods of str (the type object in unicodeobject.c points here). */
PyMethodDef _Py_unicode_methods[] = {
    {"encode", _PyCFunction_CAST(unicode_encode), METH_FASTCALL | METH_KEYWORDS,
     "encode($self, /, encoding='utf-8', errors='strict')\n--\n\nEncode the string using the codec registered for encoding."},
    {"replace", _PyCFunction_CAST(unicode_replace), METH_FASTCALL | METH_KEYWORDS,
     "replace($self, old, new, /, count=-1)\n--\n\nReturn a copy with all occurrences of substring old replaced by new."},
    {"split", _PyCFunction_CAST(unicode_split), METH_FASTCALL | METH_KEYWORDS,
     "split($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the substrings in the string, using sep as the separator string."},
    {"rsplit", _PyCFunction_CAST(unicode_rsplit), METH_FASTCALL | METH_KEYWORDS,
     "rsplit($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the substrings in the string, using sep as the separator string."},
    {"join", unicode_join, METH_O,
     "join($self, iterable, /)\n--\n\nConcatenate any number of strings."},
    {"capitalize", unicode_capitalize, METH_NOARGS,
     "capitalize($self, /)\n--\n\nReturn a capitalized version of the string."},
    {"casefold", unicode_casefold, METH_NOARGS,
     "casefold($self, /)\n--\n\nReturn a version of the string suitable for caseless comparisons."},
    {"title", unicode_title, METH_NOARGS,
     "title($self, /)\n--\n\nReturn a version of the string where each word is titlecased."},
    {"center", _PyCFunction_CAST(unicode_center), METH_FASTCALL,
     "center($self, width, fillchar=' ', /)\n--\n\nReturn a centered string of length width."},
    {"count", _PyCFunction_CAST(unicode_count), METH_FASTCALL,
     "S.count(sub[, start[, end]]) -> int\n\nReturn the number of non-overlapping occurrences of substring sub in string S[start:end]."},
    {"expandtabs", _PyCFunction_CAST(unicode_expandtabs), METH_FASTCALL | METH_KEYWORDS,
     "expandtabs($self, /, tabsize=8)\n--\n\nReturn a copy where all tab characters are expanded using spaces."},
    {"find", _PyCFunction_CAST(unicode_find), METH_FASTCALL,
     "S.find(sub[, start[, end]]) -> int\n\nReturn the lowest index in S where substring sub is found, or -1."},
    {"partition", unicode_partition, METH_O,
     "partition($self, sep, /)\n--\n\nPartition the string into three parts using the given separator."},
    {"index", _PyCFunction_CAST(unicode_index), METH_FASTCALL,
     "S.index(sub[, start[, end]]) -> int\n\nReturn the lowest index in S where substring sub is found; raise ValueError if absent."},
    {"ljust", _PyCFunction_CAST(unicode_ljust), METH_FASTCALL,
     "ljust($self, width, fillchar=' ', /)\n--\n\nReturn a left-justified string of length width."},
    {"lower", unicode_lower, METH_NOARGS,
     "lower($self, /)\n--\n\nReturn a copy of the string converted to lowercase."},
    {"lstrip", _PyCFunction_CAST(unicode_lstrip), METH_FASTCALL,
     "lstrip($self, chars=None, /)\n--\n\nReturn a copy of the string with leading whitespace removed."},
    {"rfind", _PyCFunction_CAST(unicode_rfind), METH_FASTCALL,
     "S.rfind(sub[, start[, end]]) -> int\n\nReturn the highest index in S where substring sub is found, or -1."},
    {"rindex", _PyCFunction_CAST(unicode_rindex), METH_FASTCALL,
     "S.rindex(sub[, start[, end]]) -> int\n\nReturn the highest index in S where substring sub is found; raise ValueError if absent."},
    {"rjust", _PyCFunction_CAST(unicode_rjust), METH_FASTCALL,
     "rjust($self, width, fillchar=' ', /)\n--\n\nReturn a right-justified string of length width."},
    {"rstrip", _PyCFunction_CAST(unicode_rstrip), METH_FASTCALL,
     "rstrip($self, chars=None, /)\n--\n\nReturn a copy of the string with trailing whitespace removed."},
    {"rpartition", unicode_rpartition, METH_O,
     "rpartition($self, sep, /)\n--\n\nPartition the string into three parts using the given separator, from the right."},
    {"splitlines", _PyCFunction_CAST(unicode_splitlines), METH_FASTCALL | METH_KEYWORDS,
     "splitlines($self, /, keepends=False)\n--\n\nReturn a list of the lines in the string, breaking at line boundaries."},
    {"strip", _PyCFunction_CAST(unicode_strip), METH_FASTCALL,
     "strip($self, chars=None, /)\n--\n\nReturn a copy of the string with leading and trailing whitespace removed."},
    {"swapcase", unicode_swapcase, METH_NOARGS,
     "swapcase($self, /)\n--\n\nConvert uppercase characters to lowercase and lowercase characters to uppercase."},
    {"translate", unicode_translate, METH_O,
     "translate($self, table, /)\n--\n\nReplace each character in the string using the given translation table."},
    {"upper", unicode_upper, METH_NOARGS,
     "upper($self, /)\n--\n\nReturn a copy of the string converted to uppercase."},
    {"startswith", _PyCFunction_CAST(unicode_startswith), METH_FASTCALL,
     "S.startswith(prefix[, start[, end]]) -> bool\n\nReturn True if the string starts with the specified prefix, False otherwise."},
    {"endswith", _PyCFunction_CAST(unicode_endswith), METH_FASTCALL,
     "S.endswith(suffix[, start[, end]]) -> bool\n\nReturn True if the string ends with the specified suffix, False otherwise."},
    {"removeprefix", unicode_removeprefix, METH_O,
     "removeprefix($self, prefix, /)\n--\n\nReturn a str with the given prefix string removed if present."},
    {"removesuffix", unicode_removesuffix, METH_O,
     "removesuffix($self, suffix, /)\n--\n\nReturn a str with the given suffix string removed if present."},
    {"isascii", unicode_isascii, METH_NOARGS,
     "isascii($self, /)\n--\n\nReturn True if all characters in the string are ASCII, False otherwise."},
    {"islower", unicode_islower, METH_NOARGS,
     "islower($self, /)\n--\n\nReturn True if the string is a lowercase string, False otherwise."},
    {"isupper", unicode_isupper, METH_NOARGS,
     "isupper($self, /)\n--\n\nReturn True if the string is an uppercase string, False otherwise."},
    {"istitle", unicode_istitle, METH_NOARGS,
     "istitle($self, /)\n--\n\nReturn True if the string is a title-cased string, False otherwise."},
    {"isspace", unicode_isspace, METH_NOARGS,
     "isspace($self, /)\n--\n\nReturn True if the string is a whitespace string, False otherwise."},
    {"isdecimal", unicode_isdecimal, METH_NOARGS,
     "isdecimal($self, /)\n--\n\nReturn True if the string is a decimal string, False otherwise."},
    {"isdigit", unicode_isdigit, METH_NOARGS,
     "isdigit($self, /)\n--\n\nReturn True if the string is a digit string, False otherwise."},
    {"isnumeric", unicode_isnumeric, METH_NOARGS,
     "isnumeric($self, /)\n--\n\nReturn True if the string is a numeric string, False otherwise."},
    {"isalpha", unicode_isalpha, METH_NOARGS,
     "isalpha($self, /)\n--\n\nReturn True if the string is an alphabetic string, False otherwise."},
    {"isalnum", unicode_isalnum, METH_NOARGS,
     "isalnum($self, /)\n--\n\nReturn True if the string is an alpha-numeric string, False otherwise."},
    {"isidentifier", unicode_isidentifier, METH_NOARGS,
     "isidentifier($self, /)\n--\n\nReturn True if the string is a valid Python identifier, False otherwise."},
    {"isprintable", unicode_isprintable, METH_NOARGS,
     "isprintable($self, /)\n--\n\nReturn True if all characters in the string are printable, False otherwise."},
    {"zfill", unicode_zfill, METH_O,
     "zfill($self, width, /)\n--\n\nPad a numeric string with zeros on the left, to fill a field of the given width."},
    {"format", _PyCFunction_CAST(_Py_unicode_format_method), METH_VARARGS | METH_KEYWORDS,
     "S.format(*args, **kwargs) -> str\n\nReturn a formatted version of the string, using substitutions from args and kwargs."},
    {"format_map", _Py_unicode_format_map, METH_O,
     "S.format_map(mapping) -> str\n\nReturn a formatted version of the string, using substitutions from mapping."},
    {"__format__", _Py_unicode___format__, METH_O,
     "__format__($self, format_spec, /)\n--\n\nReturn a formatted version of the string as described by format_spec."},
    {"maketrans", _PyCFunction_CAST(unicode_maketrans), METH_FASTCALL | METH_STATIC,
     "maketrans(x, y=<unrepresentable>, z=<unrepresentable>, /)\n--\n\nReturn a translation table usable for str.translate()."},
    {"__sizeof__", unicode_sizeof, METH_NOARGS,
     "__sizeof__($self, /)\n--\n\nReturn the size of the string in memory, in bytes."},
    {"__getnewargs__", unicode_getnewargs, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

