/* The format-spec mini-language (PEP 3101, PEP 378, PEP 515, PEP 682 and
   3.14's grouping of fraction digits): parsing a spec and laying out
   ints, floats, complex numbers and strings by it.

     [[fill]align][sign]["z"]["#"]["0"][width][grouping]
         ["." [precision][grouping]][type]

   Numbers are first turned into ASCII text (digits, point, fraction,
   exponent) and then laid out into a UCS4 buffer: sign, prefix, padding,
   grouped digits.  Everything works on local buffers and immutable
   inputs, so it is safe without the GIL. */
#include "Python.h"
#include "pycore_format.h"

#include <locale.h>

/* ---- the parsed spec ---------------------------------------------- */

typedef struct {
    Py_UCS4 fill_char;
    Py_UCS4 align;              /* '<', '>', '=', '^' */
    int alternate;              /* '#' */
    int no_neg_0;               /* 'z' */
    Py_UCS4 sign;               /* '+', '-', ' ' or 0 */
    Py_ssize_t width;           /* -1 when absent */
    Py_UCS4 thousands;          /* ',' or '_' or 0: integer part */
    Py_UCS4 frac_thousands;     /* ',' or '_' or 0: fraction part */
    Py_ssize_t precision;       /* -1 when absent */
    Py_UCS4 type;
} format_spec;

static int is_align(Py_UCS4 c)
{
    return c == '<' || c == '>' || c == '=' || c == '^';
}

static int is_sign(Py_UCS4 c)
{
    return c == '+' || c == '-' || c == ' ';
}

/* Read a decimal number at *pos; -1 with ValueError on overflow.
   *consumed says how many digits there were. */
static int parse_number(PyObject *spec, Py_ssize_t *pos, Py_ssize_t end,
                        Py_ssize_t *result, Py_ssize_t *consumed)
{
    Py_ssize_t value = 0;
    Py_ssize_t start = *pos;
    for (; *pos < end; (*pos)++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(spec, *pos);
        if (c < '0' || c > '9') {
            break;
        }
        int digit = (int)(c - '0');
        if (value > (PY_SSIZE_T_MAX - digit) / 10) {
            PyErr_SetString(PyExc_ValueError,
                            "Too many decimal digits in format string");
            return -1;
        }
        value = value * 10 + digit;
    }
    *consumed = *pos - start;
    *result = value;
    return 0;
}

/* "Cannot specify ',' with 'x'." */
static void invalid_grouping_for_type(Py_UCS4 separator, Py_UCS4 type)
{
    if (type > 32 && type < 128) {
        PyErr_Format(PyExc_ValueError, "Cannot specify '%c' with '%c'.",
                     (int)separator, (int)type);
    }
    else {
        PyErr_Format(PyExc_ValueError, "Cannot specify '%c' with '\\x%x'.",
                     (int)separator, (unsigned int)type);
    }
}

static void unknown_format_code(Py_UCS4 type, PyObject *obj)
{
    if (type > 32 && type < 128) {
        PyErr_Format(PyExc_ValueError,
                     "Unknown format code '%c' for object of type '%.200s'",
                     (int)type, Py_TYPE(obj)->tp_name);
    }
    else {
        PyErr_Format(PyExc_ValueError,
                     "Unknown format code '\\x%x' for object of type '%.200s'",
                     (unsigned int)type, Py_TYPE(obj)->tp_name);
    }
}

/* A grouping character at *pos, with the errors for doubled ones.
   Returns 0 on success (*sep 0 when there is none), -1 on error. */
static int parse_grouping(PyObject *spec, Py_ssize_t *pos, Py_ssize_t end,
                          Py_UCS4 *sep)
{
    *sep = 0;
    if (*pos >= end) {
        return 0;
    }
    Py_UCS4 c = PyUnicode_READ_CHAR(spec, *pos);
    if (c != ',' && c != '_') {
        return 0;
    }
    *sep = c;
    (*pos)++;
    if (*pos < end) {
        Py_UCS4 next = PyUnicode_READ_CHAR(spec, *pos);
        if (next == c) {
            PyErr_Format(PyExc_ValueError, "Cannot specify '%c' with '%c'.",
                         (int)c, (int)c);
            return -1;
        }
        if (next == ',' || next == '_') {
            PyErr_SetString(PyExc_ValueError,
                            "Cannot specify both ',' and '_'.");
            return -1;
        }
    }
    return 0;
}

/* Which types accept a grouping character. */
static int check_grouping(Py_UCS4 sep, Py_UCS4 type, int integer_part)
{
    switch (type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%':
    case 'F': case '\0':
        if (type == 'd' && !integer_part) {
            break;
        }
        return 0;
    case 'b': case 'o': case 'x': case 'X':
        if (sep == '_' && integer_part) {
            return 0;
        }
        break;
    default:
        break;
    }
    invalid_grouping_for_type(sep, type);
    return -1;
}

/* Parse spec[0:len] for an object of type obj's type. */
static int parse_spec(PyObject *spec, PyObject *obj, Py_UCS4 default_type,
                      Py_UCS4 default_align, format_spec *out)
{
    Py_ssize_t end = PyUnicode_GET_LENGTH(spec);
    Py_ssize_t pos = 0;
    int fill_given = 0, align_given = 0;
    out->fill_char = ' ';
    out->align = default_align;
    out->alternate = 0;
    out->no_neg_0 = 0;
    out->sign = 0;
    out->width = -1;
    out->thousands = 0;
    out->frac_thousands = 0;
    out->precision = -1;
    out->type = default_type;

    if (end - pos >= 2 && is_align(PyUnicode_READ_CHAR(spec, pos + 1))) {
        out->fill_char = PyUnicode_READ_CHAR(spec, pos);
        out->align = PyUnicode_READ_CHAR(spec, pos + 1);
        fill_given = align_given = 1;
        pos += 2;
    }
    else if (end - pos >= 1 && is_align(PyUnicode_READ_CHAR(spec, pos))) {
        out->align = PyUnicode_READ_CHAR(spec, pos);
        align_given = 1;
        pos++;
    }
    if (pos < end && is_sign(PyUnicode_READ_CHAR(spec, pos))) {
        out->sign = PyUnicode_READ_CHAR(spec, pos);
        pos++;
    }
    if (pos < end && PyUnicode_READ_CHAR(spec, pos) == 'z') {
        out->no_neg_0 = 1;
        pos++;
    }
    if (pos < end && PyUnicode_READ_CHAR(spec, pos) == '#') {
        out->alternate = 1;
        pos++;
    }
    /* A leading '0' means zero padding, after the sign for numbers. */
    if (!fill_given && pos < end && PyUnicode_READ_CHAR(spec, pos) == '0') {
        out->fill_char = '0';
        if (!align_given && default_align == '>') {
            out->align = '=';
        }
        pos++;
    }
    Py_ssize_t consumed;
    if (parse_number(spec, &pos, end, &out->width, &consumed) < 0) {
        return -1;
    }
    if (consumed == 0) {
        out->width = -1;
    }
    if (parse_grouping(spec, &pos, end, &out->thousands) < 0) {
        return -1;
    }
    if (pos < end && PyUnicode_READ_CHAR(spec, pos) == '.') {
        pos++;
        if (parse_number(spec, &pos, end, &out->precision, &consumed) < 0) {
            return -1;
        }
        if (consumed == 0) {
            out->precision = -1;
        }
        if (parse_grouping(spec, &pos, end, &out->frac_thousands) < 0) {
            return -1;
        }
        if (consumed == 0 && out->frac_thousands == 0) {
            PyErr_SetString(PyExc_ValueError,
                            "Format specifier missing precision");
            return -1;
        }
    }
    if (end - pos > 1) {
        PyErr_Format(PyExc_ValueError,
                     "Invalid format specifier '%U' for object of type "
                     "'%.200s'", spec, Py_TYPE(obj)->tp_name);
        return -1;
    }
    if (end - pos == 1) {
        out->type = PyUnicode_READ_CHAR(spec, pos);
    }
    if (out->thousands && check_grouping(out->thousands, out->type, 1) < 0) {
        return -1;
    }
    if (out->frac_thousands
        && check_grouping(out->frac_thousands, out->type, 0) < 0) {
        return -1;
    }
    return 0;
}

/* ---- the output buffer -------------------------------------------- */

typedef struct {
    Py_UCS4 *data;
    Py_ssize_t len, cap;
    int failed;
} ucs4_buffer;

static void buf_init(ucs4_buffer *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}

static int buf_reserve(ucs4_buffer *b, Py_ssize_t extra)
{
    if (b->failed) {
        return -1;
    }
    if (extra > PY_SSIZE_T_MAX / 8 - b->len) {
        b->failed = 1;
        PyErr_NoMemory();
        return -1;
    }
    if (b->len + extra <= b->cap) {
        return 0;
    }
    Py_ssize_t cap = Py_MAX(b->cap * 2, b->len + extra + 16);
    Py_UCS4 *data = PyMem_Realloc(b->data, cap * sizeof(Py_UCS4));
    if (data == NULL) {
        b->failed = 1;
        PyErr_NoMemory();
        return -1;
    }
    b->data = data;
    b->cap = cap;
    return 0;
}

static void buf_put(ucs4_buffer *b, Py_UCS4 c)
{
    if (buf_reserve(b, 1) == 0) {
        b->data[b->len++] = c;
    }
}

static void buf_repeat(ucs4_buffer *b, Py_UCS4 c, Py_ssize_t n)
{
    if (n > 0 && buf_reserve(b, n) == 0) {
        for (Py_ssize_t i = 0; i < n; i++) {
            b->data[b->len++] = c;
        }
    }
}

static void buf_ascii(ucs4_buffer *b, const char *s, Py_ssize_t n)
{
    if (n > 0 && buf_reserve(b, n) == 0) {
        for (Py_ssize_t i = 0; i < n; i++) {
            b->data[b->len++] = (unsigned char)s[i];
        }
    }
}

static void buf_ucs4(ucs4_buffer *b, const Py_UCS4 *s, Py_ssize_t n)
{
    if (n > 0 && buf_reserve(b, n) == 0) {
        memcpy(b->data + b->len, s, n * sizeof(Py_UCS4));
        b->len += n;
    }
}

/* The str built so far; frees the buffer either way. */
static PyObject *buf_finish(ucs4_buffer *b)
{
    PyObject *result = NULL;
    if (!b->failed) {
        result = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND,
                                           b->data ? (void *)b->data
                                                   : (void *)"", b->len);
    }
    PyMem_Free(b->data);
    return result;
}

/* ---- grouping ----------------------------------------------------- */

/* How the integer digits are grouped: group sizes from the right (the
   last repeats; CHAR_MAX or an empty list stops grouping) and the
   separator text. */
typedef struct {
    const char *sizes;
    Py_UCS4 sep[8];
    Py_ssize_t sep_len;
} grouping;

static const grouping no_grouping = {"", {0}, 0};

/* Size of group number `index` (0 = rightmost), or 0 for "no more
   separators". */
static Py_ssize_t group_size(const grouping *g, Py_ssize_t index)
{
    Py_ssize_t count = (Py_ssize_t)strlen(g->sizes);
    if (count == 0 || g->sep_len == 0) {
        return 0;
    }
    char size = g->sizes[Py_MIN(index, count - 1)];
    if (size <= 0 || size == CHAR_MAX) {
        return 0;
    }
    return size;
}

/* Append digits[0:n] grouped per g, zero-padded on the left to at least
   min_width characters; a separator is never the first character.  Built
   right to left in a scratch buffer. */
static void put_grouped_digits(ucs4_buffer *out, const char *digits,
                               Py_ssize_t n, const grouping *g,
                               Py_ssize_t min_width)
{
    ucs4_buffer rev;
    buf_init(&rev);
    Py_ssize_t pos = n;
    Py_ssize_t group = 0;
    for (;;) {
        Py_ssize_t size = group_size(g, group);
        Py_ssize_t in_group = 0;
        /* The digits of this group, then zeros while still short. */
        while (pos > 0 && (size == 0 || in_group < size)) {
            buf_put(&rev, (unsigned char)digits[--pos]);
            in_group++;
        }
        while (pos == 0 && (size == 0 || in_group < size)
               && (rev.len < min_width || in_group == 0)) {
            buf_put(&rev, '0');
            in_group++;
        }
        if (size == 0 || (pos == 0 && rev.len >= min_width)) {
            break;
        }
        for (Py_ssize_t i = g->sep_len - 1; i >= 0; i--) {
            buf_put(&rev, g->sep[i]);
        }
        group++;
        if (rev.failed) {
            break;
        }
    }
    if (rev.failed) {
        out->failed = 1;
    }
    else if (buf_reserve(out, rev.len) == 0) {
        for (Py_ssize_t i = rev.len - 1; i >= 0; i--) {
            out->data[out->len++] = rev.data[i];
        }
    }
    PyMem_Free(rev.data);
}

/* Fraction digits grouped in threes from the point. */
static void put_grouped_fraction(ucs4_buffer *out, const char *digits,
                                 Py_ssize_t n, Py_UCS4 sep)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        if (sep && i > 0 && i % 3 == 0) {
            buf_put(out, sep);
        }
        buf_put(out, (unsigned char)digits[i]);
    }
}

static Py_ssize_t fraction_length(Py_ssize_t n, Py_UCS4 sep)
{
    return (sep && n > 0) ? n + (n - 1) / 3 : n;
}

/* ---- locale ('n') ------------------------------------------------- */

/* The current LC_NUMERIC decimal point and grouping, decoded. */
typedef struct {
    Py_UCS4 point[8];
    Py_ssize_t point_len;
    grouping groups;
    char sizes[16];
} locale_info;

static int decode_locale_text(const char *text, Py_UCS4 *out,
                              Py_ssize_t *len)
{
    PyObject *str = PyUnicode_DecodeLocale(text, NULL);
    if (str == NULL) {
        return -1;
    }
    *len = Py_MIN(PyUnicode_GET_LENGTH(str), 8);
    for (Py_ssize_t i = 0; i < *len; i++) {
        out[i] = PyUnicode_READ_CHAR(str, i);
    }
    Py_DECREF(str);
    return 0;
}

/* localeconv() returns process-wide data.  As in CPython it is read
   without a lock: a setlocale() racing with 'n' formatting in another
   thread is the program's own race; between such calls the data is only
   read, so concurrent 'n' formatting is safe. */
static int get_locale_info(locale_info *info)
{
    struct lconv *lc = localeconv();
    if (decode_locale_text(lc->decimal_point, info->point,
                           &info->point_len) < 0
        || decode_locale_text(lc->thousands_sep, info->groups.sep,
                              &info->groups.sep_len) < 0) {
        return -1;
    }
    snprintf(info->sizes, sizeof(info->sizes), "%s", lc->grouping);
    info->groups.sizes = info->sizes;
    return 0;
}

/* ---- laying out numbers ------------------------------------------- */

/* A number as text: [sign][prefix][digits][point][fraction][suffix]. */
typedef struct {
    Py_UCS4 sign;               /* 0, '-', '+', ' ' */
    const char *prefix;         /* "0x" etc. */
    const char *digits;         /* integer digits, grouped */
    Py_ssize_t n_digits;
    int has_point;
    const char *fraction;       /* fraction digits */
    Py_ssize_t n_fraction;
    const char *suffix;         /* exponent, "inf", '%', ... */
    Py_ssize_t n_suffix;
    const char *extra_suffix;   /* '%' after a float; NUL-terminated */
} number_text;

/* Split float text (no sign) into its parts. */
static void split_float_text(const char *text, number_text *parts)
{
    const char *p = text;
    parts->digits = p;
    while (*p >= '0' && *p <= '9') {
        p++;
    }
    parts->n_digits = p - text;
    parts->has_point = 0;
    parts->fraction = p;
    parts->n_fraction = 0;
    if (*p == '.') {
        parts->has_point = 1;
        parts->fraction = ++p;
        while (*p >= '0' && *p <= '9') {
            p++;
        }
        parts->n_fraction = p - parts->fraction;
    }
    parts->suffix = p;
    parts->n_suffix = (Py_ssize_t)strlen(p);
}

/* How a number's parts are rendered. */
typedef struct {
    const grouping *groups;
    Py_UCS4 frac_sep;
    const Py_UCS4 *point;        /* decimal point text */
    Py_ssize_t point_len;
} number_style;

static Py_ssize_t number_fixed_length(const number_text *t,
                                      const number_style *style)
{
    Py_ssize_t len = (t->sign != 0) + (Py_ssize_t)strlen(t->prefix)
                     + (t->has_point ? style->point_len : 0)
                     + fraction_length(t->n_fraction, style->frac_sep)
                     + t->n_suffix + (Py_ssize_t)strlen(t->extra_suffix);
    return len;
}

static void put_number_tail(ucs4_buffer *out, const number_text *t,
                            const number_style *style)
{
    if (t->has_point) {
        buf_ucs4(out, style->point, style->point_len);
    }
    put_grouped_fraction(out, t->fraction, t->n_fraction, style->frac_sep);
    buf_ascii(out, t->suffix, t->n_suffix);
    buf_ascii(out, t->extra_suffix, (Py_ssize_t)strlen(t->extra_suffix));
}

/* Lay out one number with fill, alignment and width. */
static void put_padded_number(ucs4_buffer *out, const number_text *t,
                              const number_style *style,
                              const format_spec *spec)
{
    Py_ssize_t fixed = number_fixed_length(t, style);
    Py_ssize_t min_digits = 0;
    /* Zero padding after the sign goes through the grouping, so
       "00,001,234" keeps its separators. */
    if (spec->align == '=' && spec->fill_char == '0' && t->n_digits > 0
        && spec->width > fixed) {
        min_digits = spec->width - fixed;
    }
    ucs4_buffer digits;
    buf_init(&digits);
    if (t->n_digits > 0) {
        put_grouped_digits(&digits, t->digits, t->n_digits, style->groups,
                           min_digits);
    }
    if (digits.failed) {
        out->failed = 1;
        PyMem_Free(digits.data);
        return;
    }
    Py_ssize_t total = fixed + digits.len;
    Py_ssize_t pad = spec->width > total ? spec->width - total : 0;
    Py_ssize_t left = 0, right = 0, middle = 0;
    switch (spec->align) {
    case '<': right = pad; break;
    case '^': left = pad / 2; right = pad - left; break;
    case '=': middle = pad; break;
    default: left = pad; break;
    }
    buf_repeat(out, spec->fill_char, left);
    if (t->sign) {
        buf_put(out, t->sign);
    }
    buf_ascii(out, t->prefix, (Py_ssize_t)strlen(t->prefix));
    buf_repeat(out, spec->fill_char, middle);
    buf_ucs4(out, digits.data, digits.len);
    PyMem_Free(digits.data);
    put_number_tail(out, t, style);
    buf_repeat(out, spec->fill_char, right);
}

/* The sign to show for a non-negative value. */
static Py_UCS4 positive_sign(const format_spec *spec)
{
    return (spec->sign == '+' || spec->sign == ' ') ? spec->sign : 0;
}

static void style_for_spec(const format_spec *spec, number_style *style,
                           grouping *groups, locale_info *locale,
                           int use_locale)
{
    static const Py_UCS4 dot = '.';
    style->frac_sep = spec->frac_thousands;
    style->point = &dot;
    style->point_len = 1;
    if (use_locale) {
        style->groups = &locale->groups;
        style->point = locale->point;
        style->point_len = locale->point_len;
        return;
    }
    *groups = no_grouping;
    if (spec->thousands) {
        int hex_like = spec->type == 'b' || spec->type == 'o'
                       || spec->type == 'x' || spec->type == 'X';
        groups->sizes = hex_like ? "\4" : "\3";
        groups->sep[0] = spec->thousands;
        groups->sep_len = 1;
    }
    style->groups = groups;
}

/* ---- floats ------------------------------------------------------- */

/* Float text for x per the spec's presentation type; a new PyMem string
   without the minus sign (*negative says whether there was one). */
static char *float_text(double x, Py_UCS4 type, Py_ssize_t precision,
                        int flags, int *negative, int *float_type)
{
    if (precision > INT_MAX) {
        PyErr_SetString(PyExc_ValueError, "precision too big");
        return NULL;
    }
    char *text = PyOS_double_to_string(x, (char)type, (int)precision, flags,
                                       float_type);
    if (text == NULL) {
        return NULL;
    }
    *negative = text[0] == '-';
    if (*negative) {
        memmove(text, text + 1, strlen(text));
    }
    return text;
}

/* The presentation type and precision PyOS_double_to_string needs. */
typedef struct {
    Py_UCS4 type;
    Py_ssize_t precision;
    int flags;
    int percent;
    int use_locale;
} float_plan;

static int plan_float(const format_spec *spec, PyObject *obj, int for_complex,
                      float_plan *plan)
{
    Py_ssize_t default_precision = 6;
    plan->type = spec->type;
    plan->flags = 0;
    plan->percent = 0;
    plan->use_locale = 0;
    if (spec->alternate) {
        plan->flags |= Py_DTSF_ALT;
    }
    if (spec->no_neg_0) {
        plan->flags |= Py_DTSF_NO_NEG_0;
    }
    switch (plan->type) {
    case '\0':
        /* Like str() when no precision is given, else like 'g'. */
        plan->type = 'r';
        default_precision = 0;
        if (!for_complex) {
            plan->flags |= Py_DTSF_ADD_DOT_0;
        }
        break;
    case 'n':
        plan->type = 'g';
        plan->use_locale = 1;
        break;
    case '%':
        if (for_complex) {
            unknown_format_code(spec->type, obj);
            return -1;
        }
        plan->type = 'f';
        plan->percent = 1;
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        break;
    default:
        unknown_format_code(spec->type, obj);
        return -1;
    }
    plan->precision = spec->precision;
    if (plan->precision < 0) {
        plan->precision = default_precision;
    }
    else if (plan->type == 'r') {
        plan->type = 'g';
    }
    return 0;
}

/* Render x per plan into parts; *text owns the digits. */
static int float_parts(double x, const float_plan *plan,
                       const format_spec *spec, Py_UCS4 forced_sign,
                       char **text, number_text *parts)
{
    int negative, float_type;
    if (plan->percent) {
        x *= 100.0;
    }
    *text = float_text(x, plan->type, plan->precision, plan->flags,
                       &negative, &float_type);
    if (*text == NULL) {
        return -1;
    }
    split_float_text(*text, parts);
    if (float_type != Py_DTST_FINITE) {
        /* "inf" and "nan" are never grouped. */
        parts->n_digits = 0;
        parts->has_point = 0;
        parts->n_fraction = 0;
        parts->suffix = *text;
        parts->n_suffix = (Py_ssize_t)strlen(*text);
    }
    parts->sign = negative ? '-' : (forced_sign ? forced_sign
                                                : positive_sign(spec));
    parts->prefix = "";
    parts->extra_suffix = plan->percent ? "%" : "";
    return 0;
}

static PyObject *format_float_value(double x, PyObject *obj,
                                    const format_spec *spec)
{
    float_plan plan;
    if (plan_float(spec, obj, 0, &plan) < 0) {
        return NULL;
    }
    locale_info locale;
    if (plan.use_locale && get_locale_info(&locale) < 0) {
        return NULL;
    }
    char *text;
    number_text parts;
    if (float_parts(x, &plan, spec, 0, &text, &parts) < 0) {
        return NULL;
    }
    number_style style;
    grouping groups;
    style_for_spec(spec, &style, &groups, &locale, plan.use_locale);
    ucs4_buffer out;
    buf_init(&out);
    put_padded_number(&out, &parts, &style, spec);
    PyMem_Free(text);
    return buf_finish(&out);
}

PyObject *_PyFloat_FormatSpec(PyObject *value, PyObject *format_spec_str)
{
    if (PyUnicode_GET_LENGTH(format_spec_str) == 0) {
        return PyObject_Str(value);
    }
    format_spec spec;
    if (parse_spec(format_spec_str, value, '\0', '>', &spec) < 0) {
        return NULL;
    }
    return format_float_value(PyFloat_AS_DOUBLE(value), value, &spec);
}

/* ---- complex ------------------------------------------------------ */

PyObject *_PyComplex_FormatSpec(PyObject *value, PyObject *format_spec_str)
{
    if (PyUnicode_GET_LENGTH(format_spec_str) == 0) {
        return PyObject_Str(value);
    }
    format_spec spec;
    if (parse_spec(format_spec_str, value, '\0', '>', &spec) < 0) {
        return NULL;
    }
    if (spec.fill_char == '0') {
        PyErr_SetString(PyExc_ValueError,
                        "Zero padding is not allowed in complex format "
                        "specifier");
        return NULL;
    }
    if (spec.align == '=') {
        PyErr_SetString(PyExc_ValueError,
                        "'=' alignment flag is not allowed in complex format "
                        "specifier");
        return NULL;
    }
    Py_complex v = PyComplex_AsCComplex(value);
    if (v.real == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    float_plan plan;
    if (plan_float(&spec, value, 1, &plan) < 0) {
        return NULL;
    }
    /* With no type, look like repr(): a +0.0 real part is left out,
       otherwise the whole is parenthesized. */
    int skip_real = 0, parens = 0;
    if (spec.type == '\0') {
        if (v.real == 0.0 && !signbit(v.real)) {
            skip_real = 1;
        }
        else {
            parens = 1;
        }
    }
    locale_info locale;
    if (plan.use_locale && get_locale_info(&locale) < 0) {
        return NULL;
    }
    number_style style;
    grouping groups;
    style_for_spec(&spec, &style, &groups, &locale, plan.use_locale);
    char *re_text = NULL, *im_text = NULL;
    number_text re_parts, im_parts;
    PyObject *result = NULL;
    if (!skip_real
        && float_parts(v.real, &plan, &spec, 0, &re_text, &re_parts) < 0) {
        goto done;
    }
    /* The imaginary part always shows its sign after a real part. */
    if (float_parts(v.imag, &plan, &spec, skip_real ? 0 : '+', &im_text,
                    &im_parts) < 0) {
        goto done;
    }
    im_parts.extra_suffix = "j";
    ucs4_buffer body;
    buf_init(&body);
    format_spec plain = spec;
    plain.width = -1;
    if (parens) {
        buf_put(&body, '(');
    }
    if (!skip_real) {
        put_padded_number(&body, &re_parts, &style, &plain);
    }
    put_padded_number(&body, &im_parts, &style, &plain);
    if (parens) {
        buf_put(&body, ')');
    }
    if (body.failed) {
        PyMem_Free(body.data);
        goto done;
    }
    /* Pad the whole as one unit. */
    ucs4_buffer out;
    buf_init(&out);
    Py_ssize_t pad = spec.width > body.len ? spec.width - body.len : 0;
    Py_ssize_t left = spec.align == '<' ? 0
                      : spec.align == '^' ? pad / 2 : pad;
    buf_repeat(&out, spec.fill_char, left);
    buf_ucs4(&out, body.data, body.len);
    buf_repeat(&out, spec.fill_char, pad - left);
    PyMem_Free(body.data);
    result = buf_finish(&out);
done:
    PyMem_Free(re_text);
    PyMem_Free(im_text);
    return result;
}

/* ---- ints --------------------------------------------------------- */

static PyObject *format_int_char(PyObject *value, const format_spec *spec)
{
    if (spec->sign) {
        PyErr_SetString(PyExc_ValueError,
                        "Sign not allowed with integer format specifier 'c'");
        return NULL;
    }
    if (spec->alternate) {
        PyErr_SetString(PyExc_ValueError,
                        "Alternate form (#) not allowed with integer format "
                        "specifier 'c'");
        return NULL;
    }
    long code = PyLong_AsLong(value);
    if (code == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (code < 0 || code > 0x10ffff) {
        PyErr_SetString(PyExc_OverflowError,
                        "%c arg not in range(0x110000)");
        return NULL;
    }
    ucs4_buffer out;
    buf_init(&out);
    Py_ssize_t pad = spec->width > 1 ? spec->width - 1 : 0;
    Py_ssize_t left = spec->align == '<' ? 0
                      : spec->align == '^' ? pad / 2 : pad;
    buf_repeat(&out, spec->fill_char, left);
    buf_put(&out, (Py_UCS4)code);
    buf_repeat(&out, spec->fill_char, pad - left);
    return buf_finish(&out);
}

static PyObject *format_int_digits(PyObject *value, const format_spec *spec)
{
    int base;
    const char *prefix = "";
    switch (spec->type) {
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; break;
    default: base = 10; break;
    }
    PyObject *str = PyNumber_ToBase(value, base);
    if (str == NULL) {
        return NULL;
    }
    Py_ssize_t size;
    const char *text = PyUnicode_AsUTF8AndSize(str, &size);
    if (text == NULL) {
        Py_DECREF(str);
        return NULL;
    }
    number_text parts;
    int negative = text[0] == '-';
    const char *digits = text + negative;
    if (base != 10) {
        digits += 2;   /* PyNumber_ToBase's own "0x" */
    }
    char *upper = NULL;
    if (spec->type == 'X') {
        upper = PyMem_Malloc(strlen(digits) + 1);
        if (upper == NULL) {
            Py_DECREF(str);
            return PyErr_NoMemory();
        }
        for (Py_ssize_t i = 0; ; i++) {
            char c = digits[i];
            upper[i] = (c >= 'a' && c <= 'f') ? (char)(c - 'a' + 'A') : c;
            if (c == '\0') {
                break;
            }
        }
        digits = upper;
    }
    parts.sign = negative ? '-' : positive_sign(spec);
    parts.prefix = spec->alternate ? prefix : "";
    parts.digits = digits;
    parts.n_digits = (Py_ssize_t)strlen(digits);
    parts.has_point = 0;
    parts.fraction = "";
    parts.n_fraction = 0;
    parts.suffix = "";
    parts.n_suffix = 0;
    parts.extra_suffix = "";
    locale_info locale;
    int use_locale = spec->type == 'n';
    PyObject *result = NULL;
    if (!use_locale || get_locale_info(&locale) == 0) {
        number_style style;
        grouping groups;
        style_for_spec(spec, &style, &groups, &locale, use_locale);
        ucs4_buffer out;
        buf_init(&out);
        put_padded_number(&out, &parts, &style, spec);
        result = buf_finish(&out);
    }
    PyMem_Free(upper);
    Py_DECREF(str);
    return result;
}

PyObject *_PyLong_FormatSpec(PyObject *value, PyObject *format_spec_str)
{
    if (PyUnicode_GET_LENGTH(format_spec_str) == 0) {
        return PyObject_Str(value);
    }
    format_spec spec;
    if (parse_spec(format_spec_str, value, 'd', '>', &spec) < 0) {
        return NULL;
    }
    switch (spec.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        if (spec.precision != -1) {
            PyErr_SetString(PyExc_ValueError,
                            "Precision not allowed in integer format "
                            "specifier");
            return NULL;
        }
        if (spec.no_neg_0) {
            PyErr_SetString(PyExc_ValueError,
                            "Negative zero coercion (z) not allowed in "
                            "integer format specifier");
            return NULL;
        }
        if (spec.type == 'c') {
            return format_int_char(value, &spec);
        }
        return format_int_digits(value, &spec);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double x = PyLong_AsDouble(value);
        if (x == -1.0 && PyErr_Occurred()) {
            return NULL;
        }
        return format_float_value(x, value, &spec);
    }
    default:
        unknown_format_code(spec.type, value);
        return NULL;
    }
}

/* ---- str ---------------------------------------------------------- */

PyObject *_PyUnicode_FormatSpec(PyObject *str, PyObject *format_spec_str)
{
    if (PyUnicode_GET_LENGTH(format_spec_str) == 0) {
        if (PyUnicode_CheckExact(str)) {
            return Py_NewRef(str);
        }
        return PyObject_Str(str);
    }
    format_spec spec;
    if (parse_spec(format_spec_str, str, 's', '<', &spec) < 0) {
        return NULL;
    }
    if (spec.type != 's') {
        unknown_format_code(spec.type, str);
        return NULL;
    }
    if (spec.sign == ' ') {
        PyErr_SetString(PyExc_ValueError,
                        "Space not allowed in string format specifier");
        return NULL;
    }
    if (spec.sign) {
        PyErr_SetString(PyExc_ValueError,
                        "Sign not allowed in string format specifier");
        return NULL;
    }
    if (spec.no_neg_0) {
        PyErr_SetString(PyExc_ValueError,
                        "Negative zero coercion (z) not allowed in string "
                        "format specifier");
        return NULL;
    }
    if (spec.alternate) {
        PyErr_SetString(PyExc_ValueError,
                        "Alternate form (#) not allowed in string format "
                        "specifier");
        return NULL;
    }
    if (spec.align == '=') {
        PyErr_SetString(PyExc_ValueError,
                        "'=' alignment not allowed in string format "
                        "specifier");
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    if (spec.precision >= 0 && spec.precision < len) {
        len = spec.precision;
    }
    Py_ssize_t pad = spec.width > len ? spec.width - len : 0;
    if (pad == 0 && len == PyUnicode_GET_LENGTH(str)
        && PyUnicode_CheckExact(str)) {
        return Py_NewRef(str);
    }
    Py_ssize_t left = spec.align == '>' ? pad
                      : spec.align == '^' ? pad / 2 : 0;
    PyUnicodeWriter *writer = PyUnicodeWriter_Create(len + pad);
    if (writer == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < left; i++) {
        if (PyUnicodeWriter_WriteChar(writer, spec.fill_char) < 0) {
            goto error;
        }
    }
    if (PyUnicodeWriter_WriteSubstring(writer, str, 0, len) < 0) {
        goto error;
    }
    for (Py_ssize_t i = left; i < pad; i++) {
        if (PyUnicodeWriter_WriteChar(writer, spec.fill_char) < 0) {
            goto error;
        }
    }
    return PyUnicodeWriter_Finish(writer);
error:
    PyUnicodeWriter_Discard(writer);
    return NULL;
}
