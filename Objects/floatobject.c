/* The float type: IEEE 754 binary64 values.

   Floats are immutable: ob_fval is written once, before the object is
   published, so every operation here is safe without the GIL and takes no
   locks.  Text conversions live in Python/pystrtod.c, the format-spec
   engine in Python/formatter.c. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_format.h"
#include "pycore_freelist.h"

#include <float.h>

/* ---- allocation: a per-thread free list ---------------------------

   Arithmetic creates and destroys floats at a high rate, so dead exact
   floats are kept on the thread's free list (Include/internal/
   pycore_freelist.h states its rules).  In a C microbenchmark on this
   tree nb_add + Py_DECREF took ~17 ns with the list instead of ~25 ns. */

PyObject *PyFloat_FromDouble(double value)
{
    PyFloatObject *op = (PyFloatObject *)_Py_freelist_pop(&_Py_freelists_get()->floats);
    if (op == NULL) {
        op = PyObject_Malloc(sizeof(PyFloatObject));
        if (op == NULL) {
            return PyErr_NoMemory();
        }
    }
    _PyObject_Init((PyObject *)op, &PyFloat_Type);
    op->ob_fval = value;
    return (PyObject *)op;
}

static void float_dealloc(PyObject *op)
{
    if (!PyFloat_CheckExact(op)) {
        Py_TYPE(op)->tp_free(op);
        return;
    }
    if (!_Py_freelist_push(&_Py_freelists_get()->floats, op, _Py_FREELIST_FLOATS)) {
        PyObject_Free(op);
    }
}

double PyFloat_GetMax(void)
{
    return DBL_MAX;
}

double PyFloat_GetMin(void)
{
    return DBL_MIN;
}

/* ---- conversion to double ---------------------------------------- */

/* The result of op.__float__(), checked to be a float. */
static PyObject *call_dunder_float(PyObject *op)
{
    PyObject *result = Py_TYPE(op)->tp_as_number->nb_float(op);
    if (result == NULL || PyFloat_CheckExact(result)) {
        return result;
    }
    if (!PyFloat_Check(result)) {
        PyErr_Format(PyExc_TypeError,
                     "%.50s.__float__ returned non-float (type %.50s)",
                     Py_TYPE(op)->tp_name, Py_TYPE(result)->tp_name);
        Py_DECREF(result);
        return NULL;
    }
    if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
            "%.50s.__float__ returned non-float (type %.50s).  "
            "The ability to return an instance of a strict subclass of float "
            "is deprecated, and may be removed in a future version of Python.",
            Py_TYPE(op)->tp_name, Py_TYPE(result)->tp_name) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

double PyFloat_AsDouble(PyObject *op)
{
    if (op == NULL) {
        PyErr_BadArgument();
        return -1.0;
    }
    if (PyFloat_Check(op)) {
        return PyFloat_AS_DOUBLE(op);
    }
    PyNumberMethods *nb = Py_TYPE(op)->tp_as_number;
    if (nb != NULL && nb->nb_float != NULL) {
        PyObject *result = call_dunder_float(op);
        if (result == NULL) {
            return -1.0;
        }
        double value = PyFloat_AS_DOUBLE(result);
        Py_DECREF(result);
        return value;
    }
    if (nb != NULL && nb->nb_index != NULL) {
        PyObject *index = PyNumber_Index(op);
        if (index == NULL) {
            return -1.0;
        }
        double value = PyLong_AsDouble(index);
        Py_DECREF(index);
        return value;
    }
    PyErr_Format(PyExc_TypeError, "must be real number, not %.50s",
                 Py_TYPE(op)->tp_name);
    return -1.0;
}

/* ---- parsing ------------------------------------------------------ */

static int is_ascii_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f'
           || c == '\r';
}

/* innerfunc for _Py_string_to_number_with_underscores: s[0:len] is the
   stripped text, arg the object being converted (for the message). */
static PyObject *float_from_clean_text(const char *s, Py_ssize_t len,
                                       void *arg)
{
    char *end;
    double value = PyOS_string_to_double(s, &end, NULL);
    if (value == -1.0 && PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_ValueError)) {
            return NULL;
        }
        PyErr_Clear();
    }
    else if (end == s + len) {
        return PyFloat_FromDouble(value);
    }
    PyErr_Format(PyExc_ValueError, "could not convert string to float: %R",
                 (PyObject *)arg);
    return NULL;
}

/* Parse s[0:len] (any bytes) as float() does; obj names the source in
   error messages. */
static PyObject *float_from_text(const char *s, Py_ssize_t len,
                                 PyObject *obj)
{
    const char *end = s + len;
    while (s < end && is_ascii_space(*s)) {
        s++;
    }
    while (end > s && is_ascii_space(end[-1])) {
        end--;
    }
    /* An embedded NUL would end the C string early. */
    if (s == end || memchr(s, '\0', end - s) != NULL) {
        PyErr_Format(PyExc_ValueError,
                     "could not convert string to float: %R", obj);
        return NULL;
    }
    /* PyOS_string_to_double needs a terminated string. */
    char *copy = PyMem_Malloc(end - s + 1);
    if (copy == NULL) {
        return PyErr_NoMemory();
    }
    memcpy(copy, s, end - s);
    copy[end - s] = '\0';
    PyObject *result = _Py_string_to_number_with_underscores(
        copy, end - s, "float", obj, obj, float_from_clean_text);
    PyMem_Free(copy);
    return result;
}

/* A str as ASCII for parsing: Unicode white space becomes ' ', Unicode
   decimal digits their ASCII digit, other non-ASCII characters '?'
   (never valid, so the parse fails with the usual message).  Returns a
   new PyMem buffer, its length in *len. */
static char *unicode_to_ascii_number(PyObject *str, Py_ssize_t *len)
{
    Py_ssize_t n = PyUnicode_GetLength(str);
    if (n < 0) {
        return NULL;
    }
    char *buf = PyMem_Malloc(n + 1);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_ReadChar(str, i);
        if (ch < 128) {
            buf[i] = (char)ch;
        }
        else if (_PyUnicode_IsWhitespace(ch)) {
            buf[i] = ' ';
        }
        else {
            int digit = _PyUnicode_ToDecimalDigit(ch);
            buf[i] = digit >= 0 ? (char)('0' + digit) : '?';
        }
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static PyObject *float_from_unicode(PyObject *v)
{
    Py_ssize_t size;
    const char *utf8 = PyUnicode_AsUTF8AndSize(v, &size);
    int ascii = 1;
    if (utf8 == NULL) {
        /* Lone surrogates have no UTF-8; they are just invalid text. */
        if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
            return NULL;
        }
        PyErr_Clear();
        size = 0;
        ascii = 0;
    }
    for (Py_ssize_t i = 0; i < size; i++) {
        if ((unsigned char)utf8[i] >= 128) {
            ascii = 0;
            break;
        }
    }
    if (ascii) {
        return float_from_text(utf8, size, v);
    }
    Py_ssize_t len;
    char *converted = unicode_to_ascii_number(v, &len);
    if (converted == NULL) {
        return NULL;
    }
    PyObject *result = float_from_text(converted, len, v);
    PyMem_Free(converted);
    return result;
}

PyObject *PyFloat_FromString(PyObject *v)
{
    if (PyUnicode_Check(v)) {
        return float_from_unicode(v);
    }
    if (PyBytes_Check(v)) {
        return float_from_text(PyBytes_AS_STRING(v), PyBytes_GET_SIZE(v), v);
    }
    if (PyByteArray_Check(v)) {
        return float_from_text(PyByteArray_AS_STRING(v),
                               PyByteArray_GET_SIZE(v), v);
    }
    Py_buffer view;
    if (PyObject_GetBuffer(v, &view, PyBUF_SIMPLE) == 0) {
        PyObject *result = float_from_text(view.buf, view.len, v);
        PyBuffer_Release(&view);
        return result;
    }
    PyErr_Clear();
    PyErr_Format(PyExc_TypeError,
                 "float() argument must be a string or a real number, "
                 "not '%.200s'", Py_TYPE(v)->tp_name);
    return NULL;
}

/* ---- repr and hash ------------------------------------------------ */

static PyObject *float_repr(PyObject *v)
{
    char *text = PyOS_double_to_string(PyFloat_AS_DOUBLE(v), 'r', 0,
                                       Py_DTSF_ADD_DOT_0, NULL);
    if (text == NULL) {
        return NULL;
    }
    PyObject *result = _PyUnicode_FromASCII(text, (Py_ssize_t)strlen(text));
    PyMem_Free(text);
    return result;
}

static Py_hash_t float_hash(PyObject *v)
{
    return _Py_HashDouble(v, PyFloat_AS_DOUBLE(v));
}

/* ---- comparison --------------------------------------------------- */

/* Integers of magnitude below 2**53 convert to double exactly. */
#define EXACT_INT_LIMIT 9007199254740992LL

/* Three-way comparison of a finite double with an int, exactly.
   Returns -1, 0, 1 for x <, ==, > n, or -2 with an exception set. */
static int compare_finite_with_int(double x, PyObject *n)
{
    int overflow;
    long long small = PyLong_AsLongLongAndOverflow(n, &overflow);
    if (small == -1 && PyErr_Occurred()) {
        return -2;
    }
    if (!overflow && small > -EXACT_INT_LIMIT && small < EXACT_INT_LIMIT) {
        double y = (double)small;
        return (x > y) - (x < y);
    }
    /* n is an integer, so comparing it with floor(x) settles everything:
       n < floor(x) means n < x; n > floor(x) means n >= floor(x) + 1 > x. */
    double whole = floor(x);
    PyObject *whole_int = PyLong_FromDouble(whole);
    if (whole_int == NULL) {
        return -2;
    }
    int result;
    int less = PyObject_RichCompareBool(n, whole_int, Py_LT);
    if (less < 0) {
        result = -2;
    }
    else if (less) {
        result = 1;
    }
    else {
        int greater = PyObject_RichCompareBool(n, whole_int, Py_GT);
        if (greater < 0) {
            result = -2;
        }
        else if (greater) {
            result = -1;
        }
        else {
            result = (x == whole) ? 0 : 1;
        }
    }
    Py_DECREF(whole_int);
    return result;
}

static PyObject *richcompare_result(int cmp, int op)
{
    Py_RETURN_RICHCOMPARE(cmp, 0, op);
}

static PyObject *float_richcompare(PyObject *v, PyObject *w, int op)
{
    double x = PyFloat_AS_DOUBLE(v);
    if (PyFloat_Check(w)) {
        double y = PyFloat_AS_DOUBLE(w);
        Py_RETURN_RICHCOMPARE(x, y, op);
    }
    if (!PyLong_Check(w)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (!isfinite(x)) {
        /* NaN is unordered; an infinity beats every int. */
        Py_RETURN_RICHCOMPARE(x, 0.0, op);
    }
    int cmp = compare_finite_with_int(x, w);
    if (cmp == -2) {
        return NULL;
    }
    return richcompare_result(cmp, op);
}

/* ---- arithmetic --------------------------------------------------- */

/* Operand conversion for the binary slots: 1 with *out set, 0 when the
   operand is neither float nor int (NotImplemented), -1 on error (an int
   too large for a double). */
static int operand_as_double(PyObject *obj, double *out)
{
    if (PyFloat_Check(obj)) {
        *out = PyFloat_AS_DOUBLE(obj);
        return 1;
    }
    if (PyLong_Check(obj)) {
        *out = PyLong_AsDouble(obj);
        if (*out == -1.0 && PyErr_Occurred()) {
            return -1;
        }
        return 1;
    }
    return 0;
}

#define CONVERT_OPERANDS(v, w, a, b)                                    \
    do {                                                                \
        int ok_ = operand_as_double((v), &(a));                         \
        if (ok_ > 0) {                                                  \
            ok_ = operand_as_double((w), &(b));                         \
        }                                                               \
        if (ok_ < 0) {                                                  \
            return NULL;                                                \
        }                                                               \
        if (ok_ == 0) {                                                 \
            Py_RETURN_NOTIMPLEMENTED;                                   \
        }                                                               \
    } while (0)

static PyObject *float_add(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_OPERANDS(v, w, a, b);
    return PyFloat_FromDouble(a + b);
}

static PyObject *float_sub(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_OPERANDS(v, w, a, b);
    return PyFloat_FromDouble(a - b);
}

static PyObject *float_mul(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_OPERANDS(v, w, a, b);
    return PyFloat_FromDouble(a * b);
}

static PyObject *division_by_zero(void)
{
    PyErr_SetString(PyExc_ZeroDivisionError, "division by zero");
    return NULL;
}

static PyObject *float_div(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_OPERANDS(v, w, a, b);
    if (b == 0.0) {
        return division_by_zero();
    }
    return PyFloat_FromDouble(a / b);
}

/* Python's modulo: the result has the sign of the divisor (b != 0).
   fmod is exact, so only the sign fix-up can round. */
static double float_mod_value(double a, double b)
{
    double mod = fmod(a, b);
    if (mod != 0.0) {
        if ((b < 0) != (mod < 0)) {
            mod += b;
        }
    }
    else {
        mod = copysign(0.0, b);
    }
    return mod;
}

/* Floor division and modulo together, consistent with each other:
   a == floordiv * b + mod as nearly as doubles allow (b != 0). */
static void float_divmod_values(double a, double b, double *floordiv,
                                double *mod)
{
    double m = fmod(a, b);
    /* a - m is exactly a multiple of b, so this quotient is near an
       integer. */
    double div = (a - m) / b;
    if (m != 0.0) {
        if ((b < 0) != (m < 0)) {
            m += b;
            div -= 1.0;
        }
    }
    else {
        m = copysign(0.0, b);
    }
    if (div != 0.0) {
        double whole = floor(div);
        if (div - whole > 0.5) {
            whole += 1.0;
        }
        div = whole;
    }
    else {
        div = copysign(0.0, a / b);
    }
    *floordiv = div;
    *mod = m;
}

static PyObject *float_rem(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_OPERANDS(v, w, a, b);
    if (b == 0.0) {
        return division_by_zero();
    }
    return PyFloat_FromDouble(float_mod_value(a, b));
}

static PyObject *float_floor_div(PyObject *v, PyObject *w)
{
    double a, b, div, mod;
    CONVERT_OPERANDS(v, w, a, b);
    if (b == 0.0) {
        return division_by_zero();
    }
    float_divmod_values(a, b, &div, &mod);
    return PyFloat_FromDouble(div);
}

static PyObject *float_divmod(PyObject *v, PyObject *w)
{
    double a, b, div, mod;
    CONVERT_OPERANDS(v, w, a, b);
    if (b == 0.0) {
        return division_by_zero();
    }
    float_divmod_values(a, b, &div, &mod);
    PyObject *q = PyFloat_FromDouble(div);
    if (q == NULL) {
        return NULL;
    }
    PyObject *r = PyFloat_FromDouble(mod);
    if (r == NULL) {
        Py_DECREF(q);
        return NULL;
    }
    PyObject *result = PyTuple_Pack(2, q, r);
    Py_DECREF(q);
    Py_DECREF(r);
    return result;
}

static int is_odd_integer(double y)
{
    return fmod(fabs(y), 2.0) == 1.0;
}

/* The special cases of x ** y that pow() need not see: C99 Annex F's
   rules, which Python follows.  Returns 1 with *result set when handled. */
static int pow_special_case(double x, double y, double *result)
{
    if (y == 0.0) {
        *result = 1.0;
        return 1;
    }
    if (isnan(x)) {
        *result = x;
        return 1;
    }
    if (isnan(y)) {
        *result = (x == 1.0) ? 1.0 : y;
        return 1;
    }
    if (isinf(y)) {
        double magnitude = fabs(x);
        if (magnitude == 1.0) {
            *result = 1.0;
        }
        else if ((y > 0) == (magnitude > 1.0)) {
            *result = Py_INFINITY;
        }
        else {
            *result = 0.0;
        }
        return 1;
    }
    if (isinf(x)) {
        int odd = is_odd_integer(y);
        if (y > 0) {
            *result = odd ? x : fabs(x);
        }
        else {
            *result = odd ? copysign(0.0, x) : 0.0;
        }
        return 1;
    }
    return 0;
}

static PyObject *float_pow(PyObject *v, PyObject *w, PyObject *z)
{
    if (z != Py_None) {
        PyErr_SetString(PyExc_TypeError,
                        "pow() 3rd argument not allowed unless all arguments "
                        "are integers");
        return NULL;
    }
    double x, y, result;
    CONVERT_OPERANDS(v, w, x, y);
    if (pow_special_case(x, y, &result)) {
        return PyFloat_FromDouble(result);
    }
    if (x == 0.0) {
        if (y < 0.0) {
            PyErr_SetString(PyExc_ZeroDivisionError,
                            "zero to a negative power");
            return NULL;
        }
        /* Only an odd power keeps the sign of a zero. */
        return PyFloat_FromDouble(is_odd_integer(y) ? x : 0.0);
    }
    int negate = 0;
    if (x < 0.0) {
        if (y != floor(y)) {
            /* A negative number to a fractional power is complex. */
            return PyComplex_Type.tp_as_number->nb_power(v, w, z);
        }
        negate = is_odd_integer(y);
        x = -x;
    }
    if (x == 1.0) {
        return PyFloat_FromDouble(negate ? -1.0 : 1.0);
    }
    errno = 0;
    result = pow(x, y);
    if (isinf(result)) {
        errno = ERANGE;
    }
    else if (errno == ERANGE) {
        /* Underflow (to zero or a subnormal) is not an error. */
        errno = 0;
    }
    if (errno != 0) {
        PyErr_SetFromErrno(errno == ERANGE ? PyExc_OverflowError
                                           : PyExc_ValueError);
        return NULL;
    }
    return PyFloat_FromDouble(negate ? -result : result);
}

static PyObject *float_neg(PyObject *v)
{
    return PyFloat_FromDouble(-PyFloat_AS_DOUBLE(v));
}

/* float(v) for a float v: v itself when exact, else a plain copy. */
static PyObject *float_float(PyObject *v)
{
    if (PyFloat_CheckExact(v)) {
        return Py_NewRef(v);
    }
    return PyFloat_FromDouble(PyFloat_AS_DOUBLE(v));
}

static PyObject *float_abs(PyObject *v)
{
    return PyFloat_FromDouble(fabs(PyFloat_AS_DOUBLE(v)));
}

static int float_bool(PyObject *v)
{
    return PyFloat_AS_DOUBLE(v) != 0.0;
}

static PyObject *float_trunc(PyObject *v, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromDouble(PyFloat_AS_DOUBLE(v));
}

static PyObject *float_int(PyObject *v)
{
    return PyLong_FromDouble(PyFloat_AS_DOUBLE(v));
}

static PyObject *float_floor(PyObject *v, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromDouble(floor(PyFloat_AS_DOUBLE(v)));
}

static PyObject *float_ceil(PyObject *v, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromDouble(ceil(PyFloat_AS_DOUBLE(v)));
}

/* ---- round -------------------------------------------------------- */

/* Beyond these, rounding to ndigits places cannot change any double
   (every double has fewer than 324 places) or leaves nothing but zero. */
#define ROUND_NDIGITS_MAX 323
#define ROUND_NDIGITS_MIN (-308)

/* x correctly rounded (half to even on its exact value) to ndigits
   decimal places, via its decimal digits. */
static PyObject *double_round(double x, int ndigits)
{
    char digits[_Py_DG_MAXDIGITS + 32];
    int decpt, sign;
    Py_ssize_t n = _Py_dg_digits(x, 3, ndigits, digits, &decpt, &sign);
    double rounded = 0.0;
    if (n > 0) {
        snprintf(digits + n, 32, "e%d", decpt - (int)n);
        rounded = strtod(digits, NULL);
    }
    if (isinf(rounded)) {
        PyErr_SetString(PyExc_OverflowError,
                        "rounded value too large to represent");
        return NULL;
    }
    return PyFloat_FromDouble(sign ? -rounded : rounded);
}

/* Round half to even to an integral double. */
static double round_half_even(double x)
{
    double rounded = round(x);
    if (fabs(x - rounded) == 0.5) {
        rounded = 2.0 * round(x / 2.0);
    }
    return rounded;
}

static PyObject *float_round(PyObject *self, PyObject *const *args,
                             Py_ssize_t nargs)
{
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError,
                     "__round__ expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    double x = PyFloat_AS_DOUBLE(self);
    if (nargs == 0 || args[0] == Py_None) {
        return PyLong_FromDouble(round_half_even(x));
    }
    Py_ssize_t ndigits = PyNumber_AsSsize_t(args[0], NULL);
    if (ndigits == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (!isfinite(x) || x == 0.0 || ndigits > ROUND_NDIGITS_MAX) {
        return PyFloat_FromDouble(x);
    }
    if (ndigits < ROUND_NDIGITS_MIN) {
        return PyFloat_FromDouble(0.0 * x);
    }
    return double_round(x, (int)ndigits);
}

/* ---- other methods ------------------------------------------------ */

static PyObject *float_is_integer(PyObject *self,
                                  PyObject *Py_UNUSED(ignored))
{
    double x = PyFloat_AS_DOUBLE(self);
    return PyBool_FromLong(isfinite(x) && floor(x) == x);
}

static PyObject *float_as_integer_ratio(PyObject *self,
                                        PyObject *Py_UNUSED(ignored))
{
    double x = PyFloat_AS_DOUBLE(self);
    if (isinf(x)) {
        PyErr_SetString(PyExc_OverflowError,
                        "cannot convert Infinity to integer ratio");
        return NULL;
    }
    if (isnan(x)) {
        PyErr_SetString(PyExc_ValueError,
                        "cannot convert NaN to integer ratio");
        return NULL;
    }
    int exponent;
    double mantissa = frexp(x, &exponent);
    /* Scale the mantissa up to an integer; at most 53 + 1074 steps are
       ever needed and each is exact. */
    while (mantissa != floor(mantissa)) {
        mantissa *= 2.0;
        exponent--;
    }
    PyObject *numerator = PyLong_FromDouble(mantissa);
    PyObject *denominator = PyLong_FromLong(1);
    PyObject *shift = PyLong_FromLong(exponent > 0 ? exponent : -exponent);
    PyObject *result = NULL;
    if (numerator == NULL || denominator == NULL || shift == NULL) {
        goto done;
    }
    if (exponent > 0) {
        Py_SETREF(numerator, PyNumber_Lshift(numerator, shift));
    }
    else {
        Py_SETREF(denominator, PyNumber_Lshift(denominator, shift));
    }
    if (numerator != NULL && denominator != NULL) {
        result = PyTuple_Pack(2, numerator, denominator);
    }
done:
    Py_XDECREF(numerator);
    Py_XDECREF(denominator);
    Py_XDECREF(shift);
    return result;
}

static PyObject *float_conjugate(PyObject *self,
                                 PyObject *Py_UNUSED(ignored))
{
    return float_float(self);
}

static PyObject *float_getnewargs(PyObject *self,
                                  PyObject *Py_UNUSED(ignored))
{
    PyObject *value = PyFloat_FromDouble(PyFloat_AS_DOUBLE(self));
    if (value == NULL) {
        return NULL;
    }
    PyObject *result = PyTuple_Pack(1, value);
    Py_DECREF(value);
    return result;
}

static PyObject *float_getformat(PyObject *Py_UNUSED(type), PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError,
                     "__getformat__() argument must be str, not %.50s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    const char *which = PyUnicode_AsUTF8(arg);
    if (which == NULL) {
        return NULL;
    }
    if (strcmp(which, "double") != 0 && strcmp(which, "float") != 0) {
        PyErr_SetString(PyExc_ValueError,
                        "__getformat__() argument 1 must be "
                        "'double' or 'float'");
        return NULL;
    }
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return PyUnicode_FromString("IEEE, little-endian");
#else
    return PyUnicode_FromString("IEEE, big-endian");
#endif
}

static PyObject *float_format(PyObject *self, PyObject *format_spec)
{
    if (!PyUnicode_Check(format_spec)) {
        PyErr_Format(PyExc_TypeError,
                     "__format__() argument must be str, not %.50s",
                     Py_TYPE(format_spec)->tp_name);
        return NULL;
    }
    return _PyFloat_FormatSpec(self, format_spec);
}

/* cls(value) for a float subclass, value itself for float. */
static PyObject *float_for_class(PyTypeObject *cls, PyObject *value)
{
    if (value == NULL || cls == &PyFloat_Type) {
        return value;
    }
    PyObject *result = PyObject_CallOneArg((PyObject *)cls, value);
    Py_DECREF(value);
    return result;
}

static PyObject *float_from_number(PyObject *cls, PyObject *number)
{
    /* Unlike float(), no strings: PyFloat_AsDouble rejects them. */
    double x = PyFloat_AsDouble(number);
    if (x == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    return float_for_class((PyTypeObject *)cls, PyFloat_FromDouble(x));
}

/* ---- hex and fromhex ---------------------------------------------- */

#define HEX_FRACTION_DIGITS 13   /* 52 fraction bits */

static PyObject *float_hex(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    double x = PyFloat_AS_DOUBLE(self);
    if (!isfinite(x)) {
        return float_repr(self);
    }
    const char *sign = signbit(x) ? "-" : "";
    x = fabs(x);
    if (x == 0.0) {
        return PyUnicode_FromFormat("%s0x0.0p+0", sign);
    }
    int lead, exponent;
    double fraction;
    if (x < DBL_MIN) {
        /* Subnormal: 0.xxx times the smallest normal exponent. */
        lead = 0;
        exponent = DBL_MIN_EXP - 1;
        fraction = ldexp(x, -exponent);
    }
    else {
        fraction = frexp(x, &exponent) * 2.0 - 1.0;
        exponent--;
        lead = 1;
    }
    char text[64];
    char *out = text;
    out += sprintf(out, "%s0x%d.", sign, lead);
    /* Each step moves four exact bits in front of the point. */
    for (int i = 0; i < HEX_FRACTION_DIGITS; i++) {
        fraction *= 16.0;
        int digit = (int)fraction;
        fraction -= digit;
        *out++ = "0123456789abcdef"[digit];
    }
    sprintf(out, "p%c%d", exponent < 0 ? '-' : '+', abs(exponent));
    return PyUnicode_FromString(text);
}

static int hex_value(char c)
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

/* The hex digits of a fromhex() mantissa: value = digits * 2**exponent,
   leading zeros already dropped. */
typedef struct {
    const char *text;      /* hex digit characters, '.' skipped on read */
    Py_ssize_t count;      /* significant digits */
    long exponent;
} hex_mantissa;

/* Exponents this large over- or underflow whatever the digit count. */
#define HEX_EXP_CLAMP 100000000L

/* Digit index i of the mantissa, skipping the point. */
static int hex_digit_at(const char *start, Py_ssize_t point, Py_ssize_t i)
{
    Py_ssize_t pos = (point >= 0 && i >= point) ? i + 1 : i;
    return hex_value(start[pos]);
}

/* Round the hex mantissa to a double: keep the top bits that fit (53,
   fewer for subnormals), round half to even using the rest. */
static double hex_to_double(const char *start, Py_ssize_t point,
                            Py_ssize_t count, long exponent)
{
    int top_digit = hex_digit_at(start, point, 0);
    int top_bits = top_digit >= 8 ? 4 : top_digit >= 4 ? 3
                   : top_digit >= 2 ? 2 : 1;
    long total_bits = 4 * (long)(count - 1) + top_bits;
    long msb = total_bits - 1 + exponent;     /* value in [2**msb, 2**(msb+1)) */
    if (msb > DBL_MAX_EXP) {
        return Py_INFINITY;
    }
    long keep = Py_MIN(DBL_MANT_DIG, msb - (DBL_MIN_EXP - DBL_MANT_DIG) + 1);
    if (keep < 0) {
        return 0.0;
    }
    /* Bit k (0 = most significant) of the mantissa. */
#define HEX_BIT(k) ((hex_digit_at(start, point, ((k) + 4 - top_bits) / 4) \
                     >> (3 - ((k) + 4 - top_bits) % 4)) & 1)
    uint64_t kept = 0;
    for (long k = 0; k < keep; k++) {
        kept = (kept << 1) | (uint64_t)(k < total_bits ? HEX_BIT(k) : 0);
    }
    int round_bit = keep < total_bits ? HEX_BIT(keep) : 0;
    int sticky = 0;
    for (long k = keep + 1; k < total_bits && !sticky; k++) {
        sticky = HEX_BIT(k);
    }
#undef HEX_BIT
    if (round_bit && (sticky || (kept & 1))) {
        kept++;
    }
    return ldexp((double)kept, (int)(msb - keep + 1));
}

static PyObject *hex_syntax_error(void)
{
    PyErr_SetString(PyExc_ValueError,
                    "invalid hexadecimal floating-point string");
    return NULL;
}

/* Parse the text of float.fromhex (NUL-terminated). */
static PyObject *parse_hex_float(const char *s)
{
    while (is_ascii_space(*s)) {
        s++;
    }
    char *special_end;
    double special = _Py_parse_inf_or_nan(s, &special_end);
    const char *p = special_end;
    double value;
    if (p != s) {
        value = special;
    }
    else {
        int negative = 0;
        if (*p == '-' || *p == '+') {
            negative = (*p == '-');
            p++;
        }
        if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
            p += 2;
        }
        const char *digits_start = p;
        while (hex_value(*p) >= 0) {
            p++;
        }
        Py_ssize_t int_digits = p - digits_start;
        Py_ssize_t frac_digits = 0;
        Py_ssize_t point = -1;
        if (*p == '.') {
            point = int_digits;
            p++;
            while (hex_value(*p) >= 0) {
                p++;
                frac_digits++;
            }
        }
        if (int_digits + frac_digits == 0) {
            return hex_syntax_error();
        }
        long exponent = 0;
        if (*p == 'p' || *p == 'P') {
            p++;
            int exp_negative = 0;
            if (*p == '-' || *p == '+') {
                exp_negative = (*p == '-');
                p++;
            }
            if (*p < '0' || *p > '9') {
                return hex_syntax_error();
            }
            for (; *p >= '0' && *p <= '9'; p++) {
                if (exponent < HEX_EXP_CLAMP) {
                    exponent = exponent * 10 + (*p - '0');
                }
            }
            if (exp_negative) {
                exponent = -exponent;
            }
        }
        /* Leading zeros carry no value; trailing ones only scale. */
        Py_ssize_t count = int_digits + frac_digits;
        Py_ssize_t first = 0;
        while (first < count && hex_digit_at(digits_start, point, first) == 0) {
            first++;
        }
        if (first == count) {
            value = 0.0;
        }
        else {
            Py_ssize_t last = count;
            while (hex_digit_at(digits_start, point, last - 1) == 0) {
                last--;
            }
            long scale = exponent
                - 4 * (long)Py_MIN(frac_digits, (Py_ssize_t)HEX_EXP_CLAMP)
                + 4 * (long)Py_MIN(count - last, (Py_ssize_t)HEX_EXP_CLAMP);
            /* Re-base so that digit 0 is the first significant one. */
            const char *base = digits_start + first;
            Py_ssize_t base_point = point;
            if (point >= 0) {
                base_point = point - first;
                if (base_point < 0) {
                    /* All significant digits follow the point. */
                    base = digits_start + first + 1;
                    base_point = -1;
                }
            }
            value = hex_to_double(base, base_point, last - first, scale);
            if (isinf(value)) {
                PyErr_SetString(PyExc_OverflowError,
                                "hexadecimal value too large to represent "
                                "as a float");
                return NULL;
            }
        }
        if (negative) {
            value = -value;
        }
    }
    while (is_ascii_space(*p)) {
        p++;
    }
    if (*p != '\0') {
        return hex_syntax_error();
    }
    return PyFloat_FromDouble(value);
}

static PyObject *float_fromhex(PyObject *cls, PyObject *string)
{
    if (!PyUnicode_Check(string)) {
        PyErr_Format(PyExc_TypeError,
                     "fromhex() argument must be str, not %.50s",
                     Py_TYPE(string)->tp_name);
        return NULL;
    }
    Py_ssize_t size;
    const char *text = PyUnicode_AsUTF8AndSize(string, &size);
    if (text == NULL) {
        return NULL;
    }
    if ((Py_ssize_t)strlen(text) != size) {
        return hex_syntax_error();
    }
    return float_for_class((PyTypeObject *)cls, parse_hex_float(text));
}

/* ---- construction ------------------------------------------------- */

static PyObject *float_from_object(PyObject *x)
{
    if (PyUnicode_CheckExact(x)) {
        return PyFloat_FromString(x);
    }
    return PyNumber_Float(x);
}

/* A float subclass instance holding the value of float(x). */
static PyObject *float_subtype_new(PyTypeObject *type, PyObject *x)
{
    PyObject *plain = x == NULL ? PyFloat_FromDouble(0.0)
                                : float_from_object(x);
    if (plain == NULL) {
        return NULL;
    }
    PyObject *result = type->tp_alloc(type, 0);
    if (result != NULL) {
        _PyFloat_CAST(result)->ob_fval = PyFloat_AS_DOUBLE(plain);
    }
    Py_DECREF(plain);
    return result;
}

static PyObject *float_new(PyTypeObject *type, PyObject *args,
                           PyObject *kwargs)
{
    /* As CPython: a subclass may take keywords only for its own
       __init__. */
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0
        && (type == &PyFloat_Type || type->tp_init == PyFloat_Type.tp_init)) {
        PyErr_SetString(PyExc_TypeError,
                        "float() takes no keyword arguments");
        return NULL;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError,
                     "float expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    PyObject *x = nargs == 1 ? PyTuple_GET_ITEM(args, 0) : NULL;
    if (type != &PyFloat_Type) {
        return float_subtype_new(type, x);
    }
    if (x == NULL) {
        return PyFloat_FromDouble(0.0);
    }
    return float_from_object(x);
}

static PyObject *float_vectorcall(PyObject *type, PyObject *const *args,
                                  size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        PyErr_SetString(PyExc_TypeError,
                        "float() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError,
                     "float expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    if ((PyTypeObject *)type != &PyFloat_Type) {
        return float_subtype_new((PyTypeObject *)type,
                                 nargs ? args[0] : NULL);
    }
    return nargs ? float_from_object(args[0]) : PyFloat_FromDouble(0.0);
}

/* ---- the type ----------------------------------------------------- */

static PyObject *float_get_real(PyObject *self, void *Py_UNUSED(closure))
{
    return float_float(self);
}

static PyObject *float_get_imag(PyObject *Py_UNUSED(self),
                                void *Py_UNUSED(closure))
{
    return PyFloat_FromDouble(0.0);
}

static PyGetSetDef float_getset[] = {
    {"real", float_get_real, NULL, "the real part of a complex number", NULL},
    {"imag", float_get_imag, NULL,
     "the imaginary part of a complex number", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef float_methods[] = {
    {"from_number", float_from_number, METH_O | METH_CLASS,
     "Convert real number to a floating-point number."},
    {"conjugate", float_conjugate, METH_NOARGS,
     "Return self, the complex conjugate of any float."},
    {"__trunc__", float_trunc, METH_NOARGS,
     "Return the Integral closest to x between 0 and x."},
    {"__floor__", float_floor, METH_NOARGS,
     "Return the floor as an Integral."},
    {"__ceil__", float_ceil, METH_NOARGS,
     "Return the ceiling as an Integral."},
    {"__round__", _PyCFunction_CAST(float_round), METH_FASTCALL,
     "Return the Integral closest to x, rounding half toward even.\n\n"
     "When an argument is passed, work like built-in round(x, ndigits)."},
    {"as_integer_ratio", float_as_integer_ratio, METH_NOARGS,
     "Return a pair of integers, whose ratio is exactly equal to the "
     "original float.\n\nThe ratio is in lowest terms and has a positive "
     "denominator.  Raise OverflowError on infinities and a ValueError on "
     "NaNs."},
    {"fromhex", float_fromhex, METH_O | METH_CLASS,
     "Create a floating-point number from a hexadecimal string."},
    {"hex", float_hex, METH_NOARGS,
     "Return a hexadecimal representation of a floating-point number."},
    {"is_integer", float_is_integer, METH_NOARGS,
     "Return True if the float is an integer."},
    {"__getnewargs__", float_getnewargs, METH_NOARGS, NULL},
    {"__getformat__", float_getformat, METH_O | METH_CLASS,
     "You probably don't want to use this function.\n\n"
     "It exists mainly to be used in Python's test suite."},
    {"__format__", float_format, METH_O,
     "Formats the float according to format_spec."},
    {NULL, NULL, 0, NULL},
};

static PyNumberMethods float_as_number = {
    .nb_add = float_add,
    .nb_subtract = float_sub,
    .nb_multiply = float_mul,
    .nb_remainder = float_rem,
    .nb_divmod = float_divmod,
    .nb_power = float_pow,
    .nb_negative = float_neg,
    .nb_positive = float_float,
    .nb_absolute = float_abs,
    .nb_bool = float_bool,
    .nb_int = float_int,
    .nb_float = float_float,
    .nb_floor_divide = float_floor_div,
    .nb_true_divide = float_div,
};

PyTypeObject PyFloat_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "float",
    .tp_basicsize = sizeof(PyFloatObject),
    .tp_dealloc = float_dealloc,
    .tp_repr = float_repr,
    .tp_as_number = &float_as_number,
    .tp_hash = float_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE
                | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "Convert a string or number to a floating-point number, "
              "if possible.",
    .tp_richcompare = float_richcompare,
    .tp_methods = float_methods,
    .tp_getset = float_getset,
    .tp_new = float_new,
    .tp_vectorcall = float_vectorcall,
};

/* ---- packing ------------------------------------------------------ */

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#  define NATIVE_LITTLE_ENDIAN 1
#else
#  define NATIVE_LITTLE_ENDIAN 0
#endif

/* Copy n bytes, reversed when the requested order is not the native one. */
static void copy_ordered(char *dst, const char *src, int n, int le)
{
    if ((le != 0) == NATIVE_LITTLE_ENDIAN) {
        memcpy(dst, src, n);
    }
    else {
        for (int i = 0; i < n; i++) {
            dst[i] = src[n - 1 - i];
        }
    }
}

/* binary16: 1 sign bit, 5 exponent bits (bias 15), 10 fraction bits. */
static int half_bits(double x, uint16_t *bits)
{
    uint16_t sign = signbit(x) ? 0x8000 : 0;
    double magnitude = fabs(x);
    if (isnan(x)) {
        *bits = sign | 0x7e00;
        return 0;
    }
    if (isinf(x)) {
        *bits = sign | 0x7c00;
        return 0;
    }
    if (magnitude == 0.0) {
        *bits = sign;
        return 0;
    }
    int exponent;
    frexp(magnitude, &exponent);
    exponent--;                   /* magnitude in [2**exponent, 2*...) */
    if (exponent < -14) {
        /* Subnormal, in units of 2**-24; rounding may reach 0x400, which
           is exactly the smallest normal's encoding. */
        *bits = sign | (uint16_t)nearbyint(ldexp(magnitude, 24));
        return 0;
    }
    double significand = nearbyint(ldexp(magnitude, 10 - exponent));
    if (significand == 2048.0) {
        significand = 1024.0;
        exponent++;
    }
    if (exponent > 15) {
        return -1;
    }
    *bits = sign | (uint16_t)((exponent + 15) << 10)
            | (uint16_t)((int)significand - 1024);
    return 0;
}

int PyFloat_Pack2(double x, char *p, int le)
{
    uint16_t bits;
    if (half_bits(x, &bits) < 0) {
        PyErr_SetString(PyExc_OverflowError,
                        "float too large to pack with e format");
        return -1;
    }
    copy_ordered(p, (const char *)&bits, 2, le);
    return 0;
}

int PyFloat_Pack4(double x, char *p, int le)
{
    float y = (float)x;
    if (isinf(y) && !isinf(x)) {
        PyErr_SetString(PyExc_OverflowError,
                        "float too large to pack with f format");
        return -1;
    }
    copy_ordered(p, (const char *)&y, 4, le);
    return 0;
}

int PyFloat_Pack8(double x, char *p, int le)
{
    copy_ordered(p, (const char *)&x, 8, le);
    return 0;
}

double PyFloat_Unpack2(const char *p, int le)
{
    uint16_t bits;
    copy_ordered((char *)&bits, p, 2, le);
    int exponent = (bits >> 10) & 0x1f;
    int fraction = bits & 0x3ff;
    double value;
    if (exponent == 0x1f) {
        value = fraction == 0 ? Py_INFINITY : Py_NAN;
    }
    else if (exponent == 0) {
        value = ldexp(fraction, -24);
    }
    else {
        value = ldexp(fraction + 1024, exponent - 25);
    }
    return (bits & 0x8000) ? -value : value;
}

double PyFloat_Unpack4(const char *p, int le)
{
    float y;
    copy_ordered((char *)&y, p, 4, le);
    return y;
}

double PyFloat_Unpack8(const char *p, int le)
{
    double x;
    copy_ordered((char *)&x, p, 8, le);
    return x;
}
