/* Formatting with str as the template: str.format() and format_map()
   (PEP 3101 fields; each field's spec goes to PyObject_Format), and
   printf-style formatting (str % args). */
#include "Python.h"
#include "pycore_long.h"
#include "pycore_format.h"
#include "pycore_unicodeobject.h"

/* ---- str.format and format_map ----------------------------------------------------------- */

/* The arguments of one format() call and its field numbering mode. */
typedef struct {
    PyObject *args;         /* tuple, or NULL for format_map */
    PyObject *kwargs;       /* mapping, or NULL */
    int numbering;          /* 0 undecided, 1 automatic, 2 manual */
    Py_ssize_t auto_index;
} format_state;

static void
format_error(const char *msg)
{
    PyErr_SetString(PyExc_ValueError, msg);
}

/* A non-negative decimal integer s[start:end], or -1 if it is not one
   (then the text is a name), -2 with an exception on overflow. */
static Py_ssize_t
parse_field_number(PyObject *s, Py_ssize_t start, Py_ssize_t end)
{
    if (start >= end) {
        return -1;
    }
    Py_ssize_t value = 0;
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(s, i);
        int digit = _PyUnicode_ToDecimalDigit(ch);
        if (digit < 0) {
            return -1;
        }
        if (value > (PY_SSIZE_T_MAX - digit) / 10) {
            format_error("Too many decimal digits in format string");
            return -2;
        }
        value = value * 10 + digit;
    }
    return value;
}

/* The object that field name s[start:end] designates (a new reference). */
static PyObject *
get_field_object(format_state *st, PyObject *s, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t i = start;
    while (i < end) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(s, i);
        if (ch == '.' || ch == '[') {
            break;
        }
        i++;
    }
    PyObject *obj;
    Py_ssize_t index = parse_field_number(s, start, i);
    if (index == -2) {
        return NULL;
    }
    if (start == i) {
        if (st->numbering == 2) {
            format_error("cannot switch from manual field specification to "
                         "automatic field numbering");
            return NULL;
        }
        st->numbering = 1;
        index = st->auto_index++;
    }
    else if (index >= 0) {
        if (st->numbering == 1) {
            format_error("cannot switch from automatic field numbering to "
                         "manual field specification");
            return NULL;
        }
        st->numbering = 2;
    }
    if (index >= 0) {
        if (st->args == NULL) {
            format_error("Format string contains positional fields");
            return NULL;
        }
        if (index >= PyTuple_GET_SIZE(st->args)) {
            PyErr_Format(PyExc_IndexError, "Replacement index %zd out of range "
                         "for positional args tuple", index);
            return NULL;
        }
        obj = Py_NewRef(PyTuple_GET_ITEM(st->args, index));
    }
    else {
        PyObject *key = PyUnicode_Substring(s, start, i);
        if (key == NULL) {
            return NULL;
        }
        if (st->kwargs == NULL) {
            PyErr_SetObject(PyExc_KeyError, key);
            Py_DECREF(key);
            return NULL;
        }
        obj = PyObject_GetItem(st->kwargs, key);
        Py_DECREF(key);
        if (obj == NULL) {
            return NULL;
        }
    }
    /* Accessors: .name and [key]. */
    while (i < end) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(s, i++);
        Py_ssize_t name_start = i;
        PyObject *next;
        if (ch == '.') {
            while (i < end) {
                Py_UCS4 c = PyUnicode_READ_CHAR(s, i);
                if (c == '.' || c == '[') {
                    break;
                }
                i++;
            }
            if (i == name_start) {
                format_error("Empty attribute in format string");
                Py_DECREF(obj);
                return NULL;
            }
            PyObject *name = PyUnicode_Substring(s, name_start, i);
            next = name ? PyObject_GetAttr(obj, name) : NULL;
            Py_XDECREF(name);
        }
        else if (ch == '[') {
            while (i < end && PyUnicode_READ_CHAR(s, i) != ']') {
                i++;
            }
            if (i == end) {
                format_error("Missing ']' in format string");
                Py_DECREF(obj);
                return NULL;
            }
            if (i == name_start) {
                format_error("Empty attribute in format string");
                Py_DECREF(obj);
                return NULL;
            }
            Py_ssize_t n = parse_field_number(s, name_start, i);
            PyObject *key;
            if (n == -2) {
                key = NULL;
            }
            else if (n >= 0) {
                key = PyLong_FromSsize_t(n);
            }
            else {
                key = PyUnicode_Substring(s, name_start, i);
            }
            next = key ? PyObject_GetItem(obj, key) : NULL;
            Py_XDECREF(key);
            i++;    /* the ']' */
            if (next != NULL && i < end) {
                Py_UCS4 c = PyUnicode_READ_CHAR(s, i);
                if (c != '.' && c != '[') {
                    format_error("Only '.' or '[' may follow ']' in format "
                                 "field specifier");
                    Py_DECREF(next);
                    next = NULL;
                }
            }
        }
        else {
            format_error("Only '.' or '[' may follow ']' in format field specifier");
            next = NULL;
        }
        Py_DECREF(obj);
        if (next == NULL) {
            return NULL;
        }
        obj = next;
    }
    return obj;
}

static int render_format(format_state *st, PyObject *s, Py_ssize_t start,
                         Py_ssize_t end, int depth, _PyUnicodeWriter *writer);

/* The index of the '}' closing the replacement field whose text starts at
   s[i] (just after its '{'), read as str.format reads it: the name runs to
   '!', ':' or '}' outside [...]; exactly one character follows '!' (even
   a brace); braces nest inside the format spec.  -1 with ValueError set. */
static Py_ssize_t
find_field_end(PyObject *s, Py_ssize_t i, Py_ssize_t end)
{
    for (;;) {
        if (i >= end) {
            format_error("expected '}' before end of string");
            return -1;
        }
        Py_UCS4 c = PyUnicode_READ_CHAR(s, i);
        if (c == '[') {
            Py_ssize_t close = i + 1;
            while (close < end && PyUnicode_READ_CHAR(s, close) != ']') {
                close++;
            }
            if (close >= end) {
                format_error("expected '}' before end of string");
                return -1;
            }
            i = close + 1;
            continue;
        }
        if (c == '{') {
            format_error("unexpected '{' in field name");
            return -1;
        }
        if (c == '!' || c == ':' || c == '}') {
            break;
        }
        i++;
    }
    Py_UCS4 c = PyUnicode_READ_CHAR(s, i);
    if (c == '}') {
        return i;
    }
    if (c == '!') {
        if (i + 1 >= end) {
            format_error("end of string while looking for conversion specifier");
            return -1;
        }
        i += 2;
        if (i >= end) {
            format_error("unmatched '{' in format spec");
            return -1;
        }
        c = PyUnicode_READ_CHAR(s, i);
        if (c == '}') {
            return i;
        }
        if (c != ':') {
            format_error("expected ':' after conversion specifier");
            return -1;
        }
    }
    int nesting = 1;
    for (Py_ssize_t j = i + 1; j < end; j++) {
        c = PyUnicode_READ_CHAR(s, j);
        if (c == '{') {
            nesting++;
        }
        else if (c == '}' && --nesting == 0) {
            return j;
        }
    }
    format_error("unmatched '{' in format spec");
    return -1;
}

/* One replacement field s[start:end] (between the braces). */
static int
render_field(format_state *st, PyObject *s, Py_ssize_t start, Py_ssize_t end,
             int depth, _PyUnicodeWriter *writer)
{
    /* Split into name, conversion and spec; brackets in the name may
       hold any character. */
    Py_ssize_t i = start;
    while (i < end) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(s, i);
        if (ch == '[') {
            while (i < end && PyUnicode_READ_CHAR(s, i) != ']') {
                i++;
            }
            continue;
        }
        if (ch == '{') {
            format_error("unexpected '{' in field name");
            return -1;
        }
        if (ch == '!' || ch == ':') {
            break;
        }
        i++;
    }
    Py_ssize_t name_end = i;
    Py_UCS4 conversion = 0;
    if (i < end && PyUnicode_READ_CHAR(s, i) == '!') {
        if (i + 1 >= end) {
            format_error("end of string while looking for conversion specifier");
            return -1;
        }
        conversion = PyUnicode_READ_CHAR(s, i + 1);
        i += 2;
        if (i < end && PyUnicode_READ_CHAR(s, i) != ':') {
            format_error("expected ':' after conversion specifier");
            return -1;
        }
    }
    Py_ssize_t spec_start = i < end ? i + 1 : end;
    PyObject *obj = get_field_object(st, s, start, name_end);
    if (obj == NULL) {
        return -1;
    }
    if (conversion) {
        PyObject *converted;
        switch (conversion) {
        case 'r':
            converted = PyObject_Repr(obj);
            break;
        case 's':
            converted = PyObject_Str(obj);
            break;
        case 'a':
            converted = PyObject_ASCII(obj);
            break;
        default:
            if (conversion > 32 && conversion < 127) {
                PyErr_Format(PyExc_ValueError, "Unknown conversion specifier %c",
                             (char)conversion);
            }
            else {
                PyErr_Format(PyExc_ValueError,
                             "Unknown conversion specifier \\x%x",
                             (unsigned int)conversion);
            }
            converted = NULL;
        }
        Py_SETREF(obj, converted);
        if (obj == NULL) {
            return -1;
        }
    }
    if (spec_start == end && PyUnicode_CheckExact(obj)) {
        int res = _PyUnicodeWriter_WriteStr(writer, obj);
        Py_DECREF(obj);
        return res;
    }
    /* The spec may itself contain fields. */
    PyObject *spec;
    if (depth <= 1) {
        for (Py_ssize_t k = spec_start; k < end; k++) {
            if (PyUnicode_READ_CHAR(s, k) == '{') {
                format_error("Max string recursion exceeded");
                Py_DECREF(obj);
                return -1;
            }
        }
        spec = PyUnicode_Substring(s, spec_start, end);
    }
    else {
        _PyUnicodeWriter spec_writer;
        _PyUnicodeWriter_Init(&spec_writer);
        if (render_format(st, s, spec_start, end, depth - 1, &spec_writer) < 0) {
            _PyUnicodeWriter_Dealloc(&spec_writer);
            Py_DECREF(obj);
            return -1;
        }
        spec = _PyUnicodeWriter_Finish(&spec_writer);
    }
    if (spec == NULL) {
        Py_DECREF(obj);
        return -1;
    }
    PyObject *formatted = PyObject_Format(obj, spec);
    Py_DECREF(spec);
    Py_DECREF(obj);
    if (formatted == NULL) {
        return -1;
    }
    int res = _PyUnicodeWriter_WriteStr(writer, formatted);
    Py_DECREF(formatted);
    return res;
}

/* Render s[start:end]: literal text with {{ and }} escapes, and fields. */
static int
render_format(format_state *st, PyObject *s, Py_ssize_t start, Py_ssize_t end,
              int depth, _PyUnicodeWriter *writer)
{
    Py_ssize_t i = start;
    while (i < end) {
        Py_ssize_t literal = i;
        Py_UCS4 ch = 0;
        while (i < end) {
            ch = PyUnicode_READ_CHAR(s, i);
            if (ch == '{' || ch == '}') {
                break;
            }
            i++;
        }
        if (_PyUnicodeWriter_WriteSubstring(writer, s, literal, i) < 0) {
            return -1;
        }
        if (i == end) {
            break;
        }
        Py_UCS4 next = i + 1 < end ? PyUnicode_READ_CHAR(s, i + 1) : 0;
        if (ch == '}') {
            if (next != '}') {
                format_error("Single '}' encountered in format string");
                return -1;
            }
            if (_PyUnicodeWriter_WriteChar(writer, '}') < 0) {
                return -1;
            }
            i += 2;
            continue;
        }
        if (next == '{') {
            if (_PyUnicodeWriter_WriteChar(writer, '{') < 0) {
                return -1;
            }
            i += 2;
            continue;
        }
        if (i + 1 >= end) {
            format_error("Single '{' encountered in format string");
            return -1;
        }
        Py_ssize_t field_start = i + 1;
        Py_ssize_t j = find_field_end(s, field_start, end);
        if (j < 0) {
            return -1;
        }
        if (render_field(st, s, field_start, j, depth, writer) < 0) {
            return -1;
        }
        i = j + 1;
    }
    return 0;
}

static PyObject *
do_format(PyObject *self, PyObject *args, PyObject *kwargs)
{
    format_state st = { args, kwargs, 0, 0 };
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.min_length = PyUnicode_GET_LENGTH(self) + 16;
    writer.overallocate = 1;
    if (render_format(&st, self, 0, PyUnicode_GET_LENGTH(self), 2, &writer) < 0) {
        _PyUnicodeWriter_Dealloc(&writer);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&writer);
}

PyObject *
_Py_unicode_format_method(PyObject *self, PyObject *args, PyObject *kwargs)
{
    return do_format(self, args, kwargs);
}

PyObject *
_Py_unicode_format_map(PyObject *self, PyObject *mapping)
{
    return do_format(self, NULL, mapping);
}

PyObject *
_Py_unicode___format__(PyObject *self, PyObject *spec)
{
    if (!PyUnicode_Check(spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.50s",
                     Py_TYPE(spec)->tp_name);
        return NULL;
    }
    return _PyUnicode_FormatSpec(self, spec);
}

/* ---- printf-style formatting: str % args ---------------------------------------------------- */

#define F_LJUST (1 << 0)
#define F_SIGN (1 << 1)
#define F_BLANK (1 << 2)
#define F_ALT (1 << 3)
#define F_ZERO (1 << 4)

/* The state of one `format % args` evaluation. */
typedef struct {
    PyObject *args;         /* the right operand */
    PyObject *dict;         /* args when it is a mapping used by %(key) */
    Py_ssize_t argidx;      /* next item of a tuple args */
    Py_ssize_t arglen;      /* -1: args is a single value */
    int args_used;          /* a single value was consumed */
} percent_state;

static PyObject *
next_arg(percent_state *st)
{
    if (st->arglen < 0) {
        if (!st->args_used) {
            st->args_used = 1;
            return st->args;
        }
    }
    else if (st->argidx < st->arglen) {
        return PyTuple_GET_ITEM(st->args, st->argidx++);
    }
    PyErr_SetString(PyExc_TypeError, "not enough arguments for format string");
    return NULL;
}

/* %d %i %u %x %X %o of an int: sign, prefix, precision zeros, width. */
static PyObject *
format_int_value(PyObject *value, Py_UCS4 type, int flags, Py_ssize_t width,
                 Py_ssize_t precision)
{
    int base = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    int negative = PyObject_RichCompareBool(value, _PyLong_GetZero(), Py_LT);
    if (negative < 0) {
        return NULL;
    }
    PyObject *absval = negative ? PyNumber_Negative(value) : Py_NewRef(value);
    if (absval == NULL) {
        return NULL;
    }
    PyObject *digits = _PyLong_Format(absval, base);
    Py_DECREF(absval);
    if (digits == NULL) {
        return NULL;
    }
    Py_ssize_t skip = base == 10 ? 0 : 2;   /* _PyLong_Format's "0x" */
    Py_ssize_t ndigits = PyUnicode_GET_LENGTH(digits) - skip;
    const char *prefix = "";
    if (flags & F_ALT) {
        prefix = base == 8 ? "0o" : type == 'x' ? "0x" : type == 'X' ? "0X" : "";
    }
    const char *sign = negative ? "-" : (flags & F_SIGN) ? "+"
                       : (flags & F_BLANK) ? " " : "";
    Py_ssize_t zeros = precision > ndigits ? precision - ndigits : 0;
    Py_ssize_t body = (Py_ssize_t)(strlen(sign) + strlen(prefix)) + zeros + ndigits;
    if ((flags & F_ZERO) && !(flags & F_LJUST) && width > body) {
        zeros += width - body;
        body = width;
    }
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.overallocate = 1;
    int ok = _PyUnicodeWriter_WriteASCIIString(&w, sign, -1) == 0
             && _PyUnicodeWriter_WriteASCIIString(&w, prefix, -1) == 0
             && _PyUnicodeWriter_Prepare(&w, zeros, '0') == 0;
    if (ok) {
        _Py_fill_characters(w.kind, w.data, '0', w.pos, zeros);
        w.pos += zeros;
        ok = _PyUnicodeWriter_WriteSubstring(&w, digits, skip, skip + ndigits) == 0;
    }
    if (ok && type == 'X') {
        for (Py_ssize_t k = w.pos - ndigits; k < w.pos; k++) {
            Py_UCS4 c = PyUnicode_READ(w.kind, w.data, k);
            if (c >= 'a' && c <= 'f') {
                PyUnicode_WRITE(w.kind, w.data, k, c - 'a' + 'A');
            }
        }
    }
    Py_DECREF(digits);
    if (!ok) {
        _PyUnicodeWriter_Dealloc(&w);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&w);
}

/* The int to format for %d-like types: an int, or int(x) for numbers
   (%d of a float truncates; __int__ before __index__, as int() does);
   %x and %o want an integer (__index__).  A TypeError from int() is
   reported as the format's own, as CPython does. */
static PyObject *
int_for_format(PyObject *v, Py_UCS4 type)
{
    if (PyLong_Check(v)) {
        return Py_NewRef(v);
    }
    PyNumberMethods *nb = Py_TYPE(v)->tp_as_number;
    if (type == 'x' || type == 'X' || type == 'o') {
        if (nb == NULL || nb->nb_index == NULL) {
            PyErr_Format(PyExc_TypeError,
                         "%%%c format: an integer is required, not %.200s",
                         (int)type, Py_TYPE(v)->tp_name);
            return NULL;
        }
        return PyNumber_Index(v);
    }
    PyObject *result = NULL;
    if (nb != NULL && (nb->nb_index != NULL || nb->nb_int != NULL
                       || nb->nb_float != NULL)) {
        result = PyNumber_Long(v);
        if (result != NULL || !PyErr_ExceptionMatches(PyExc_TypeError)) {
            return result;
        }
        PyErr_Clear();
    }
    PyErr_Format(PyExc_TypeError,
                 "%%%c format: a real number is required, not %.200s",
                 (int)type, Py_TYPE(v)->tp_name);
    return NULL;
}

/* %e %f %g ...: delegated to float.__format__ with the equivalent spec. */
static PyObject *
format_float_value(PyObject *v, Py_UCS4 type, int flags, Py_ssize_t width,
                   Py_ssize_t precision)
{
    PyObject *f;
    if (PyFloat_Check(v)) {
        f = Py_NewRef(v);
    }
    else {
        PyNumberMethods *nb = Py_TYPE(v)->tp_as_number;
        if (nb == NULL || (nb->nb_float == NULL && nb->nb_index == NULL)) {
            PyErr_Format(PyExc_TypeError, "must be real number, not %.50s",
                         Py_TYPE(v)->tp_name);
            return NULL;
        }
        f = PyNumber_Float(v);
        if (f == NULL) {
            return NULL;
        }
    }
    char spec[64];
    char *p = spec;
    if (flags & F_LJUST) *p++ = '<';
    if (flags & F_SIGN) *p++ = '+';
    else if (flags & F_BLANK) *p++ = ' ';
    if (flags & F_ALT) *p++ = '#';
    if ((flags & F_ZERO) && !(flags & F_LJUST)) *p++ = '0';
    if (width > 0) p += sprintf(p, "%zd", width);
    p += sprintf(p, ".%zd%c", precision < 0 ? (Py_ssize_t)6 : precision, (char)type);
    PyObject *specobj = PyUnicode_FromString(spec);
    if (specobj == NULL) {
        Py_DECREF(f);
        return NULL;
    }
    PyObject *res = _PyFloat_FormatSpec(f, specobj);
    Py_DECREF(specobj);
    Py_DECREF(f);
    return res;
}

/* One conversion at format[*pos] (just after the '%'). */
static int
percent_one(percent_state *st, PyObject *format, Py_ssize_t *pos,
            _PyUnicodeWriter *writer)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(format);
    Py_ssize_t i = *pos;
    PyObject *value = NULL;     /* borrowed unless from a mapping */
    PyObject *owned_value = NULL;
    int flags = 0;
    Py_ssize_t width = -1, precision = -1;
#define NEXT_CHAR() (i < len ? PyUnicode_READ_CHAR(format, i++) : (i++, (Py_UCS4)0))
    if (i < len && PyUnicode_READ_CHAR(format, i) == '(') {
        if (st->dict == NULL) {
            PyErr_SetString(PyExc_TypeError, "format requires a mapping");
            return -1;
        }
        Py_ssize_t keystart = ++i;
        int depth = 1;
        while (i < len && depth > 0) {
            Py_UCS4 c = PyUnicode_READ_CHAR(format, i);
            if (c == ')') depth--;
            else if (c == '(') depth++;
            i++;
        }
        if (depth > 0) {
            PyErr_SetString(PyExc_ValueError, "incomplete format key");
            return -1;
        }
        PyObject *key = PyUnicode_Substring(format, keystart, i - 1);
        if (key == NULL) {
            return -1;
        }
        owned_value = PyObject_GetItem(st->dict, key);
        Py_DECREF(key);
        if (owned_value == NULL) {
            return -1;
        }
        value = owned_value;
        /* With a key, the arguments are the mapping, not a sequence. */
        st->arglen = -1;
        st->args_used = 1;
    }
    for (;;) {
        Py_UCS4 c = i < len ? PyUnicode_READ_CHAR(format, i) : 0;
        if (c == '-') flags |= F_LJUST;
        else if (c == '+') flags |= F_SIGN;
        else if (c == ' ') flags |= F_BLANK;
        else if (c == '#') flags |= F_ALT;
        else if (c == '0') flags |= F_ZERO;
        else break;
        i++;
    }
    Py_UCS4 c = NEXT_CHAR();
    if (c == '*') {
        PyObject *w = next_arg(st);
        if (w == NULL) goto error;
        if (!PyLong_Check(w)) {
            PyErr_SetString(PyExc_TypeError, "* wants int");
            goto error;
        }
        width = PyLong_AsSsize_t(w);
        if (width == -1 && PyErr_Occurred()) goto error;
        if (width < 0) {
            flags |= F_LJUST;
            width = -width;
        }
        c = NEXT_CHAR();
    }
    else if (c >= '0' && c <= '9') {
        width = 0;
        while (c >= '0' && c <= '9') {
            if (width > (PY_SSIZE_T_MAX - 9) / 10) {
                PyErr_SetString(PyExc_ValueError, "width too big");
                goto error;
            }
            width = width * 10 + (c - '0');
            c = NEXT_CHAR();
        }
    }
    if (c == '.') {
        precision = 0;
        c = NEXT_CHAR();
        if (c == '*') {
            PyObject *p = next_arg(st);
            if (p == NULL) goto error;
            if (!PyLong_Check(p)) {
                PyErr_SetString(PyExc_TypeError, "* wants int");
                goto error;
            }
            /* As CPython, a precision is a C int. */
            precision = PyLong_AsInt(p);
            if (precision == -1 && PyErr_Occurred()) goto error;
            if (precision < 0) precision = 0;
            c = NEXT_CHAR();
        }
        else {
            while (c >= '0' && c <= '9') {
                if (precision > (INT_MAX - 9) / 10) {
                    PyErr_SetString(PyExc_ValueError, "precision too big");
                    goto error;
                }
                precision = precision * 10 + (c - '0');
                c = NEXT_CHAR();
            }
        }
    }
    while (c == 'h' || c == 'l' || c == 'L') {
        c = NEXT_CHAR();
    }
#undef NEXT_CHAR
    if (i > len) {
        PyErr_SetString(PyExc_ValueError, "incomplete format");
        goto error;
    }
    /* Only "%%" is a literal percent; after a key, flags, width or
       precision '%' is an unsupported conversion of the next argument
       (CPython's order: the argument is taken first). */
    if (c == '%' && i == *pos + 1) {
        Py_XDECREF(owned_value);
        *pos = i;
        return _PyUnicodeWriter_WriteChar(writer, '%');
    }
    if (value == NULL) {
        value = next_arg(st);
        if (value == NULL) goto error;
    }
    PyObject *text;
    switch (c) {
    case 's':
        text = PyUnicode_CheckExact(value) ? Py_NewRef(value) : PyObject_Str(value);
        break;
    case 'r':
        text = PyObject_Repr(value);
        break;
    case 'a':
        text = PyObject_ASCII(value);
        break;
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
        PyObject *iv = int_for_format(value, c);
        if (iv == NULL) goto error;
        text = format_int_value(iv, c, flags, width, precision);
        Py_DECREF(iv);
        precision = -1;     /* used for the digits */
        break;
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        text = format_float_value(value, c, flags, width, precision);
        precision = -1;
        break;
    case 'c':
        if (PyUnicode_Check(value)) {
            if (PyUnicode_GET_LENGTH(value) != 1) {
                PyErr_SetString(PyExc_TypeError, "%c requires int or char");
                goto error;
            }
            text = Py_NewRef(value);
        }
        else if (PyIndex_Check(value)) {
            /* Any integer-like object (__index__), as PyLong_AsLong takes. */
            long ch = PyLong_AsLong(value);
            if (ch == -1 && PyErr_Occurred()) {
                if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
                    PyErr_SetString(PyExc_OverflowError,
                                    "%c arg not in range(0x110000)");
                }
                goto error;
            }
            if (ch < 0 || ch > MAX_UNICODE) {
                PyErr_SetString(PyExc_OverflowError, "%c arg not in range(0x110000)");
                goto error;
            }
            text = _Py_unicode_char((Py_UCS4)ch);
        }
        else {
            PyErr_SetString(PyExc_TypeError, "%c requires int or char");
            goto error;
        }
        precision = -1;     /* meaningless for one character */
        break;
    default:
        if (c > 32 && c < 127) {
            PyErr_Format(PyExc_ValueError,
                         "unsupported format character '%c' (0x%x) at index %zd",
                         (int)c, (unsigned int)c, i - 1);
        }
        else {
            PyErr_Format(PyExc_ValueError,
                         "unsupported format character %R (0x%x) at index %zd",
                         _Py_unicode_char(c), (unsigned int)c, i - 1);
        }
        goto error;
    }
    if (text == NULL) goto error;
    int res = _Py_unicode_write_padded(writer, text, width, precision, flags & F_LJUST);
    Py_DECREF(text);
    Py_XDECREF(owned_value);
    *pos = i;
    return res;
error:
    Py_XDECREF(owned_value);
    return -1;
}

PyObject *
_PyUnicode_Format(PyObject *format, PyObject *args)
{
    percent_state st;
    st.args = args;
    st.argidx = 0;
    st.args_used = 0;
    if (PyTuple_Check(args)) {
        st.arglen = PyTuple_GET_SIZE(args);
    }
    else {
        st.arglen = -1;
    }
    st.dict = NULL;
    if (PyMapping_Check(args) && !PyTuple_Check(args) && !PyUnicode_Check(args)) {
        st.dict = args;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(format);
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.min_length = len + 16;
    writer.overallocate = 1;
    Py_ssize_t i = 0;
    while (i < len) {
        Py_ssize_t run = PyUnicode_FindChar(format, '%', i, len, 1);
        if (run < 0) {
            run = len;
        }
        if (_PyUnicodeWriter_WriteSubstring(&writer, format, i, run) < 0) {
            goto error;
        }
        if (run == len) {
            break;
        }
        i = run + 1;
        if (percent_one(&st, format, &i, &writer) < 0) {
            goto error;
        }
    }
    if ((st.arglen >= 0 && st.argidx < st.arglen)
        || (st.arglen < 0 && !st.args_used && st.dict == NULL)) {
        PyErr_SetString(PyExc_TypeError,
                        "not all arguments converted during string formatting");
        goto error;
    }
    return _PyUnicodeWriter_Finish(&writer);
error:
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

PyObject *
PyUnicode_Format(PyObject *format, PyObject *args)
{
    if (format == NULL || args == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (_Py_unicode_ensure(format) < 0) {
        return NULL;
    }
    return _PyUnicode_Format(format, args);
}

