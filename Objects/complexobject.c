/* The complex type: pairs of IEEE 754 doubles.

   Complex objects are immutable (cval is written once, before the object
   is published), so nothing here needs a lock.  Arithmetic with a real
   operand (int or float) follows C99 Annex G's mixed-mode rules: the real
   is not first widened to a complex with a +0.0 imaginary part, so signed
   zeros and infinities come out right. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_format.h"

#include <float.h>

/* ---- C-level arithmetic ------------------------------------------- */

static const Py_complex c_one = {1.0, 0.0};

Py_complex _Py_c_sum(Py_complex a, Py_complex b)
{
    return (Py_complex){a.real + b.real, a.imag + b.imag};
}

Py_complex _Py_cr_sum(Py_complex a, double b)
{
    return (Py_complex){a.real + b, a.imag};
}

Py_complex _Py_c_diff(Py_complex a, Py_complex b)
{
    return (Py_complex){a.real - b.real, a.imag - b.imag};
}

Py_complex _Py_cr_diff(Py_complex a, double b)
{
    return (Py_complex){a.real - b, a.imag};
}

Py_complex _Py_rc_diff(double a, Py_complex b)
{
    return (Py_complex){a - b.real, -b.imag};
}

Py_complex _Py_c_neg(Py_complex a)
{
    return (Py_complex){-a.real, -a.imag};
}

Py_complex _Py_c_prod(Py_complex a, Py_complex b)
{
    return (Py_complex){a.real * b.real - a.imag * b.imag,
                        a.real * b.imag + a.imag * b.real};
}

Py_complex _Py_cr_prod(Py_complex a, double b)
{
    return (Py_complex){a.real * b, a.imag * b};
}

/* a / b with Smith's scaling: divide through by the larger component of
   b so the intermediate products cannot overflow needlessly.  When that
   gives nan+nanj for a quotient that is really infinite or zero, recover
   it as C99 Annex G (G.5.1) describes.  Sets errno = EDOM for b == 0. */
Py_complex _Py_c_quot(Py_complex a, Py_complex b)
{
    double abs_real = fabs(b.real), abs_imag = fabs(b.imag);
    Py_complex r;
    if (abs_real >= abs_imag) {
        if (abs_real == 0.0) {
            errno = EDOM;
            return (Py_complex){0.0, 0.0};
        }
        double ratio = b.imag / b.real;
        double denom = b.real + b.imag * ratio;
        r.real = (a.real + a.imag * ratio) / denom;
        r.imag = (a.imag - a.real * ratio) / denom;
    }
    else if (abs_imag >= abs_real) {
        double ratio = b.real / b.imag;
        double denom = b.real * ratio + b.imag;
        r.real = (a.real * ratio + a.imag) / denom;
        r.imag = (a.imag * ratio - a.real) / denom;
    }
    else {
        /* A NaN in b: neither comparison holds. */
        r.real = r.imag = Py_NAN;
    }
    if (isnan(r.real) && isnan(r.imag)) {
        if ((isinf(a.real) || isinf(a.imag))
            && isfinite(b.real) && isfinite(b.imag)) {
            /* infinite / finite is infinite. */
            double x = copysign(isinf(a.real) ? 1.0 : 0.0, a.real);
            double y = copysign(isinf(a.imag) ? 1.0 : 0.0, a.imag);
            r.real = Py_INFINITY * (x * b.real + y * b.imag);
            r.imag = Py_INFINITY * (y * b.real - x * b.imag);
        }
        else if ((isinf(abs_real) || isinf(abs_imag))
                 && isfinite(a.real) && isfinite(a.imag)) {
            /* finite / infinite is zero. */
            double x = copysign(isinf(b.real) ? 1.0 : 0.0, b.real);
            double y = copysign(isinf(b.imag) ? 1.0 : 0.0, b.imag);
            r.real = 0.0 * (a.real * x + a.imag * y);
            r.imag = 0.0 * (a.imag * x - a.real * y);
        }
    }
    return r;
}

Py_complex _Py_cr_quot(Py_complex a, double b)
{
    if (b == 0.0) {
        errno = EDOM;
        return (Py_complex){0.0, 0.0};
    }
    return (Py_complex){a.real / b, a.imag / b};
}

Py_complex _Py_rc_quot(double a, Py_complex b)
{
    return _Py_c_quot((Py_complex){a, 0.0}, b);
}

/* a ** b by polar form.  errno = EDOM for zero to a negative or complex
   power. */
Py_complex _Py_c_pow(Py_complex a, Py_complex b)
{
    if (b.real == 0.0 && b.imag == 0.0) {
        return c_one;
    }
    if (a.real == 0.0 && a.imag == 0.0) {
        if (b.imag != 0.0 || b.real < 0.0) {
            errno = EDOM;
        }
        return (Py_complex){0.0, 0.0};
    }
    double magnitude = hypot(a.real, a.imag);
    double length = pow(magnitude, b.real);
    double angle = atan2(a.imag, a.real);
    double phase = angle * b.real;
    if (b.imag != 0.0) {
        length /= exp(angle * b.imag);
        phase += b.imag * log(magnitude);
    }
    return (Py_complex){length * cos(phase), length * sin(phase)};
}

/* x ** n for n >= 0 by binary powering: square x once per bit of n,
   multiplying the squares that match set bits into the result. */
static Py_complex c_powu(Py_complex x, long n)
{
    Py_complex result = c_one;
    Py_complex square = x;
    while (n > 0) {
        if (n & 1) {
            result = _Py_c_prod(result, square);
        }
        n >>= 1;
        if (n > 0) {
            square = _Py_c_prod(square, square);
        }
    }
    return result;
}

static Py_complex c_powi(Py_complex x, long n)
{
    if (n >= 0) {
        return c_powu(x, n);
    }
    return _Py_c_quot(c_one, c_powu(x, -n));
}

double _Py_c_abs(Py_complex z)
{
    /* An infinite component makes |z| infinite even next to a NaN. */
    if (isinf(z.real) || isinf(z.imag)) {
        return Py_INFINITY;
    }
    if (isnan(z.real) || isnan(z.imag)) {
        return Py_NAN;
    }
    double result = hypot(z.real, z.imag);
    errno = isinf(result) ? ERANGE : 0;
    return result;
}

/* ---- objects ------------------------------------------------------ */

PyObject *PyComplex_FromCComplex(Py_complex value)
{
    PyComplexObject *op = PyObject_Malloc(sizeof(PyComplexObject));
    if (op == NULL) {
        return PyErr_NoMemory();
    }
    _PyObject_Init((PyObject *)op, &PyComplex_Type);
    op->cval = value;
    return (PyObject *)op;
}

PyObject *PyComplex_FromDoubles(double real, double imag)
{
    return PyComplex_FromCComplex((Py_complex){real, imag});
}

static void complex_dealloc(PyObject *op)
{
    if (PyComplex_CheckExact(op)) {
        PyObject_Free(op);
    }
    else {
        Py_TYPE(op)->tp_free(op);
    }
}

static PyObject *complex_subtype_from_c_complex(PyTypeObject *type,
                                                Py_complex value)
{
    if (type == &PyComplex_Type) {
        return PyComplex_FromCComplex(value);
    }
    PyObject *op = type->tp_alloc(type, 0);
    if (op != NULL) {
        ((PyComplexObject *)op)->cval = value;
    }
    return op;
}

static Py_complex complex_value(PyObject *op)
{
    return ((PyComplexObject *)op)->cval;
}

/* The interned name "__complex__", created on first use.  Interned
   strings are immortal, so racing creators publish equal immortal
   objects and either may win. */
static PyObject *complex_dunder_name(void)
{
    static PyObject *name;
    PyObject *cached = __atomic_load_n(&name, __ATOMIC_ACQUIRE);
    if (cached == NULL) {
        cached = PyUnicode_InternFromString("__complex__");
        if (cached == NULL) {
            return NULL;
        }
        __atomic_store_n(&name, cached, __ATOMIC_RELEASE);
    }
    return cached;
}

/* Call type(op).__complex__(op) if the type has one.  Returns a new
   complex, NULL with no exception set when there is no __complex__, or
   NULL with an exception. */
static PyObject *try_dunder_complex(PyObject *op)
{
    PyObject *name = complex_dunder_name();
    if (name == NULL) {
        return NULL;
    }
    PyObject *method = _PyType_LookupRef(Py_TYPE(op), name);
    if (method == NULL) {
        return NULL;
    }
    PyObject *result;
    descrgetfunc get = Py_TYPE(method)->tp_descr_get;
    if (get != NULL) {
        PyObject *bound = get(method, op, (PyObject *)Py_TYPE(op));
        Py_DECREF(method);
        if (bound == NULL) {
            return NULL;
        }
        result = PyObject_CallNoArgs(bound);
        Py_DECREF(bound);
    }
    else {
        result = PyObject_CallOneArg(method, op);
        Py_DECREF(method);
    }
    if (result == NULL || PyComplex_CheckExact(result)) {
        return result;
    }
    if (!PyComplex_Check(result)) {
        PyErr_Format(PyExc_TypeError,
                     "__complex__ returned non-complex (type %.200s)",
                     Py_TYPE(result)->tp_name);
        Py_DECREF(result);
        return NULL;
    }
    if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
            "__complex__ returned non-complex (type %.200s).  "
            "The ability to return an instance of a strict subclass of complex "
            "is deprecated, and may be removed in a future version of Python.",
            Py_TYPE(result)->tp_name) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

Py_complex PyComplex_AsCComplex(PyObject *op)
{
    Py_complex failure = {-1.0, 0.0};
    if (op == NULL) {
        PyErr_BadArgument();
        return failure;
    }
    if (PyComplex_Check(op)) {
        return complex_value(op);
    }
    PyObject *converted = try_dunder_complex(op);
    if (converted != NULL) {
        Py_complex value = complex_value(converted);
        Py_DECREF(converted);
        return value;
    }
    if (PyErr_Occurred()) {
        return failure;
    }
    double real = PyFloat_AsDouble(op);
    if (real == -1.0 && PyErr_Occurred()) {
        return failure;
    }
    return (Py_complex){real, 0.0};
}

double PyComplex_RealAsDouble(PyObject *op)
{
    if (op != NULL && PyComplex_Check(op)) {
        return complex_value(op).real;
    }
    return PyComplex_AsCComplex(op).real;
}

double PyComplex_ImagAsDouble(PyObject *op)
{
    if (op != NULL && PyComplex_Check(op)) {
        return complex_value(op).imag;
    }
    Py_complex value = PyComplex_AsCComplex(op);
    if (value.real == -1.0 && PyErr_Occurred()) {
        return -1.0;
    }
    return value.imag;
}

/* ---- repr and hash ------------------------------------------------ */

static PyObject *complex_repr(PyObject *op)
{
    Py_complex v = complex_value(op);
    char *real_text = NULL, *imag_text = NULL;
    PyObject *result = NULL;
    /* A +0.0 real part is left out: 2j, not (0+2j). */
    int show_real = !(v.real == 0.0 && !signbit(v.real));
    if (show_real) {
        real_text = PyOS_double_to_string(v.real, 'r', 0, 0, NULL);
        if (real_text == NULL) {
            goto done;
        }
    }
    imag_text = PyOS_double_to_string(v.imag, 'r', 0,
                                      show_real ? Py_DTSF_SIGN : 0, NULL);
    if (imag_text == NULL) {
        goto done;
    }
    if (show_real) {
        result = PyUnicode_FromFormat("(%s%sj)", real_text, imag_text);
    }
    else {
        result = PyUnicode_FromFormat("%sj", imag_text);
    }
done:
    PyMem_Free(real_text);
    PyMem_Free(imag_text);
    return result;
}

static Py_hash_t complex_hash(PyObject *op)
{
    Py_complex v = complex_value(op);
    Py_uhash_t real_hash = (Py_uhash_t)_Py_HashDouble(op, v.real);
    if (real_hash == (Py_uhash_t)-1) {
        return -1;
    }
    Py_uhash_t imag_hash = (Py_uhash_t)_Py_HashDouble(op, v.imag);
    if (imag_hash == (Py_uhash_t)-1) {
        return -1;
    }
    /* Wrapping unsigned arithmetic; a complex with zero imaginary part
       hashes like its real part, matching float and int. */
    Py_uhash_t combined = real_hash + PyHASH_IMAG * imag_hash;
    if (combined == (Py_uhash_t)-1) {
        combined = (Py_uhash_t)-2;
    }
    return (Py_hash_t)combined;
}

/* ---- arithmetic --------------------------------------------------- */

/* How an operand of a binary slot enters the arithmetic. */
typedef enum {
    OPERAND_ERROR = -1,
    OPERAND_OTHER = 0,     /* not a number we handle: NotImplemented */
    OPERAND_REAL = 1,      /* int or float: *real set */
    OPERAND_COMPLEX = 2,   /* complex: *value set */
} operand_kind;

static operand_kind classify_operand(PyObject *obj, Py_complex *value,
                                     double *real)
{
    if (PyComplex_Check(obj)) {
        *value = complex_value(obj);
        return OPERAND_COMPLEX;
    }
    if (PyFloat_Check(obj)) {
        *real = PyFloat_AS_DOUBLE(obj);
        return OPERAND_REAL;
    }
    if (PyLong_Check(obj)) {
        *real = PyLong_AsDouble(obj);
        if (*real == -1.0 && PyErr_Occurred()) {
            return OPERAND_ERROR;
        }
        return OPERAND_REAL;
    }
    return OPERAND_OTHER;
}

/* Classify both operands; on return 1 at least one is complex.  0 means
   NotImplemented, -1 an error. */
static int classify_operands(PyObject *v, PyObject *w,
                             operand_kind *kv, Py_complex *a, double *ar,
                             operand_kind *kw, Py_complex *b, double *br)
{
    *kv = classify_operand(v, a, ar);
    if (*kv == OPERAND_ERROR) {
        return -1;
    }
    *kw = classify_operand(w, b, br);
    if (*kw == OPERAND_ERROR) {
        return -1;
    }
    if (*kv == OPERAND_OTHER || *kw == OPERAND_OTHER) {
        return 0;
    }
    return 1;
}

#define BINARY_PROLOGUE(v, w)                                           \
    operand_kind kv, kw;                                                \
    Py_complex a, b;                                                    \
    double ar = 0.0, br = 0.0;                                          \
    do {                                                                \
        int ok_ = classify_operands((v), (w), &kv, &a, &ar, &kw, &b, &br); \
        if (ok_ < 0) {                                                  \
            return NULL;                                                \
        }                                                               \
        if (ok_ == 0) {                                                 \
            Py_RETURN_NOTIMPLEMENTED;                                   \
        }                                                               \
    } while (0)

static PyObject *complex_add(PyObject *v, PyObject *w)
{
    BINARY_PROLOGUE(v, w);
    Py_complex r;
    if (kv == OPERAND_REAL) {
        r = _Py_cr_sum(b, ar);
    }
    else if (kw == OPERAND_REAL) {
        r = _Py_cr_sum(a, br);
    }
    else {
        r = _Py_c_sum(a, b);
    }
    return PyComplex_FromCComplex(r);
}

static PyObject *complex_sub(PyObject *v, PyObject *w)
{
    BINARY_PROLOGUE(v, w);
    Py_complex r;
    if (kv == OPERAND_REAL) {
        r = _Py_rc_diff(ar, b);
    }
    else if (kw == OPERAND_REAL) {
        r = _Py_cr_diff(a, br);
    }
    else {
        r = _Py_c_diff(a, b);
    }
    return PyComplex_FromCComplex(r);
}

static PyObject *complex_mul(PyObject *v, PyObject *w)
{
    BINARY_PROLOGUE(v, w);
    Py_complex r;
    if (kv == OPERAND_REAL) {
        r = _Py_cr_prod(b, ar);
    }
    else if (kw == OPERAND_REAL) {
        r = _Py_cr_prod(a, br);
    }
    else {
        r = _Py_c_prod(a, b);
    }
    return PyComplex_FromCComplex(r);
}

static PyObject *complex_div(PyObject *v, PyObject *w)
{
    BINARY_PROLOGUE(v, w);
    Py_complex r;
    errno = 0;
    if (kv == OPERAND_REAL) {
        r = _Py_rc_quot(ar, b);
    }
    else if (kw == OPERAND_REAL) {
        r = _Py_cr_quot(a, br);
    }
    else {
        r = _Py_c_quot(a, b);
    }
    if (errno == EDOM) {
        PyErr_SetString(PyExc_ZeroDivisionError, "division by zero");
        return NULL;
    }
    return PyComplex_FromCComplex(r);
}

/* Integral exponents up to this size use repeated multiplication, which
   is exact where it can be (e.g. (1+2j)**2 == -3+4j). */
#define SMALL_INTEGRAL_POWER 100

static PyObject *complex_pow(PyObject *v, PyObject *w, PyObject *z)
{
    if (z != Py_None) {
        PyErr_SetString(PyExc_ValueError, "complex modulo");
        return NULL;
    }
    BINARY_PROLOGUE(v, w);
    if (kv == OPERAND_REAL) {
        a = (Py_complex){ar, 0.0};
    }
    if (kw == OPERAND_REAL) {
        b = (Py_complex){br, 0.0};
    }
    Py_complex r;
    errno = 0;
    if (b.imag == 0.0 && b.real == floor(b.real)
        && fabs(b.real) <= SMALL_INTEGRAL_POWER) {
        r = c_powi(a, (long)b.real);
    }
    else {
        r = _Py_c_pow(a, b);
    }
    /* An infinite part is an overflow; a range error that left both parts
       finite (an underflow somewhere inside) is not. */
    if (isinf(r.real) || isinf(r.imag)) {
        if (errno == 0) {
            errno = ERANGE;
        }
    }
    else if (errno == ERANGE) {
        errno = 0;
    }
    if (errno == EDOM) {
        PyErr_SetString(PyExc_ZeroDivisionError,
                        "zero to a negative or complex power");
        return NULL;
    }
    if (errno == ERANGE) {
        PyErr_SetString(PyExc_OverflowError, "complex exponentiation");
        return NULL;
    }
    return PyComplex_FromCComplex(r);
}

static PyObject *complex_neg(PyObject *v)
{
    return PyComplex_FromCComplex(_Py_c_neg(complex_value(v)));
}

/* +v: v itself when exact, else a plain complex copy. */
static PyObject *complex_pos(PyObject *v)
{
    if (PyComplex_CheckExact(v)) {
        return Py_NewRef(v);
    }
    return PyComplex_FromCComplex(complex_value(v));
}

static PyObject *complex_abs(PyObject *v)
{
    errno = 0;
    double result = _Py_c_abs(complex_value(v));
    if (errno == ERANGE) {
        PyErr_SetString(PyExc_OverflowError, "absolute value too large");
        return NULL;
    }
    return PyFloat_FromDouble(result);
}

static int complex_bool(PyObject *v)
{
    Py_complex value = complex_value(v);
    return value.real != 0.0 || value.imag != 0.0;
}

static PyObject *complex_richcompare(PyObject *v, PyObject *w, int op)
{
    if (op != Py_EQ && op != Py_NE) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_complex a = complex_value(v);
    int equal;
    if (PyLong_Check(w)) {
        if (a.imag != 0.0) {
            equal = 0;
        }
        else {
            /* Compare the real part with the int exactly, as float does. */
            PyObject *real = PyFloat_FromDouble(a.real);
            if (real == NULL) {
                return NULL;
            }
            equal = PyObject_RichCompareBool(real, w, Py_EQ);
            Py_DECREF(real);
            if (equal < 0) {
                return NULL;
            }
        }
    }
    else if (PyFloat_Check(w)) {
        equal = a.real == PyFloat_AS_DOUBLE(w) && a.imag == 0.0;
    }
    else if (PyComplex_Check(w)) {
        Py_complex b = complex_value(w);
        equal = a.real == b.real && a.imag == b.imag;
    }
    else {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return PyBool_FromLong(op == Py_EQ ? equal : !equal);
}

/* ---- parsing ------------------------------------------------------ */

static PyObject *malformed_string(void)
{
    PyErr_SetString(PyExc_ValueError, "complex() arg is a malformed string");
    return NULL;
}

static int is_space_char(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f'
           || c == '\r';
}

/* Parse a number at *p without its own error: 1 with *value and *p
   advanced, 0 when there is none, -1 on a real error. */
static int parse_component(const char **p, double *value)
{
    char *end;
    *value = PyOS_string_to_double(*p, &end, NULL);
    if (end == *p) {
        if (!PyErr_ExceptionMatches(PyExc_ValueError)) {
            return -1;
        }
        PyErr_Clear();
        return 0;
    }
    *p = end;
    return 1;
}

static int is_j(char c)
{
    return c == 'j' || c == 'J';
}

/* innerfunc for _Py_string_to_number_with_underscores: s is stripped,
   NUL-terminated text; arg the target type. */
static PyObject *complex_from_clean_text(const char *s, Py_ssize_t len,
                                         void *arg)
{
    const char *p = s;
    const char *end = s + len;
    int parenthesized = 0;
    if (*p == '(') {
        parenthesized = 1;
        p++;
        while (is_space_char(*p)) {
            p++;
        }
    }
    double real = 0.0, imag = 0.0, x;
    int found = parse_component(&p, &x);
    if (found < 0) {
        return NULL;
    }
    if (found == 0) {
        /* "j", "+j", "-j": a unit imaginary part alone. */
        if ((*p == '+' || *p == '-') && is_j(p[1])) {
            imag = *p == '-' ? -1.0 : 1.0;
            p += 2;
        }
        else if (is_j(*p)) {
            imag = 1.0;
            p++;
        }
        else {
            return malformed_string();
        }
    }
    else if (*p == '+' || *p == '-') {
        /* "x+yj" or "x+j". */
        real = x;
        found = parse_component(&p, &x);
        if (found < 0) {
            return NULL;
        }
        if (found == 0) {
            if (!is_j(p[1])) {
                return malformed_string();
            }
            imag = *p == '-' ? -1.0 : 1.0;
            p++;
        }
        else {
            imag = x;
        }
        if (!is_j(*p)) {
            return malformed_string();
        }
        p++;
    }
    else if (is_j(*p)) {
        imag = x;
        p++;
    }
    else {
        real = x;
    }
    while (is_space_char(*p)) {
        p++;
    }
    if (parenthesized) {
        if (*p != ')') {
            return malformed_string();
        }
        p++;
    }
    if (p != end) {
        return malformed_string();
    }
    return complex_subtype_from_c_complex((PyTypeObject *)arg,
                                          (Py_complex){real, imag});
}

static PyObject *complex_from_string(PyTypeObject *type, PyObject *str)
{
    Py_ssize_t n = PyUnicode_GetLength(str);
    if (n < 0) {
        return NULL;
    }
    /* ASCII text for the parser: Unicode white space and decimal digits
       mapped to their ASCII forms, anything else to an invalid '?'. */
    char *text = PyMem_Malloc(n + 1);
    if (text == NULL) {
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_ReadChar(str, i);
        if (ch < 128) {
            text[i] = ch == 0 ? '?' : (char)ch;
        }
        else if (_PyUnicode_IsWhitespace(ch)) {
            text[i] = ' ';
        }
        else {
            int digit = _PyUnicode_ToDecimalDigit(ch);
            text[i] = digit >= 0 ? (char)('0' + digit) : '?';
        }
    }
    text[n] = '\0';
    const char *start = text, *stop = text + n;
    while (start < stop && is_space_char(*start)) {
        start++;
    }
    while (stop > start && is_space_char(stop[-1])) {
        stop--;
    }
    PyObject *result;
    if (start == stop) {
        result = malformed_string();
    }
    else {
        *(char *)stop = '\0';
        /* A misplaced underscore gives "could not convert string to
           complex: ..."; other syntax errors "malformed string". */
        result = _Py_string_to_number_with_underscores(
            start, stop - start, "complex", str, type,
            complex_from_clean_text);
    }
    PyMem_Free(text);
    return result;
}

/* ---- construction ------------------------------------------------- */

static int has_real_protocol(PyObject *obj)
{
    PyNumberMethods *nb = Py_TYPE(obj)->tp_as_number;
    return nb != NULL && (nb->nb_float != NULL || nb->nb_index != NULL);
}

/* The 'real' argument as a complex.  *was_complex reports whether it came
   from a complex or __complex__ (not a real number). */
static int real_argument(PyObject *r, int only_argument, Py_complex *out,
                         int *was_complex)
{
    PyObject *converted = try_dunder_complex(r);
    if (converted != NULL) {
        *out = complex_value(converted);
        Py_DECREF(converted);
        *was_complex = 1;
        return 0;
    }
    if (PyErr_Occurred()) {
        return -1;
    }
    if (PyComplex_Check(r)) {
        *out = complex_value(r);
        *was_complex = 1;
        return 0;
    }
    if (!has_real_protocol(r)) {
        if (only_argument) {
            PyErr_Format(PyExc_TypeError,
                         "complex() argument must be a string or a number, "
                         "not %.200s", Py_TYPE(r)->tp_name);
        }
        else {
            PyErr_Format(PyExc_TypeError,
                         "complex() argument 'real' must be a real number, "
                         "not %.200s", Py_TYPE(r)->tp_name);
        }
        return -1;
    }
    double value = PyFloat_AsDouble(r);
    if (value == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    *out = (Py_complex){value, 0.0};
    *was_complex = 0;
    return 0;
}

static int warn_not_real(const char *which, PyObject *obj)
{
    return PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                            "complex() argument '%s' must be a real number, "
                            "not %.200s", which, Py_TYPE(obj)->tp_name);
}

/* complex(real, imag) after argument parsing: r and i may be NULL;
   r_positional says r was the sole positional argument. */
static PyObject *complex_construct(PyTypeObject *type, PyObject *r,
                                   PyObject *i, int r_positional)
{
    if (r == NULL && i == NULL) {
        return complex_subtype_from_c_complex(type, (Py_complex){0.0, 0.0});
    }
    if (r != NULL && PyUnicode_Check(r)) {
        if (i != NULL || !r_positional) {
            PyErr_SetString(PyExc_TypeError,
                            "complex() argument 'real' must be a real number, "
                            "not str");
            return NULL;
        }
        return complex_from_string(type, r);
    }
    if (i != NULL && PyUnicode_Check(i)) {
        PyErr_SetString(PyExc_TypeError,
                        "complex() argument 'imag' must be a real number, "
                        "not str");
        return NULL;
    }
    if (r != NULL && i == NULL && r_positional && PyComplex_CheckExact(r)
        && type == &PyComplex_Type) {
        return Py_NewRef(r);
    }
    Py_complex cr = {0.0, 0.0};
    int r_complex = 0;
    if (r != NULL) {
        if (real_argument(r, i == NULL && r_positional, &cr, &r_complex) < 0) {
            return NULL;
        }
        if (r_complex && (i != NULL || !r_positional)
            && warn_not_real("real", r) < 0) {
            return NULL;
        }
    }
    if (i == NULL) {
        return complex_subtype_from_c_complex(type, cr);
    }
    Py_complex ci = {0.0, 0.0};
    int i_complex = 0;
    if (PyComplex_Check(i)) {
        if (warn_not_real("imag", i) < 0) {
            return NULL;
        }
        ci = complex_value(i);
        i_complex = 1;
    }
    else if (has_real_protocol(i)) {
        ci.real = PyFloat_AsDouble(i);
        if (ci.real == -1.0 && PyErr_Occurred()) {
            return NULL;
        }
    }
    else {
        PyErr_Format(PyExc_TypeError,
                     "complex() argument 'imag' must be a real number, "
                     "not %.200s", Py_TYPE(i)->tp_name);
        return NULL;
    }
    /* real + imag*1j, done by parts so signed zeros survive. */
    double real = cr.real, imag = ci.real;
    if (i_complex) {
        real -= ci.imag;
    }
    if (r_complex) {
        imag += cr.imag;
    }
    return complex_subtype_from_c_complex(type, (Py_complex){real, imag});
}

/* Match keyword names against "real" and "imag". */
static int complex_keyword(PyObject *key, PyObject *value,
                           PyObject **r, PyObject **i)
{
    if (!PyUnicode_Check(key)) {
        PyErr_SetString(PyExc_TypeError, "keywords must be strings");
        return -1;
    }
    PyObject **slot;
    if (PyUnicode_EqualToUTF8(key, "real")) {
        slot = r;
    }
    else if (PyUnicode_EqualToUTF8(key, "imag")) {
        slot = i;
    }
    else {
        PyErr_Format(PyExc_TypeError,
                     "complex() got an unexpected keyword argument '%U'", key);
        return -1;
    }
    if (*slot != NULL) {
        PyErr_Format(PyExc_TypeError,
                     "argument for complex() given by name ('%U') and "
                     "position (%d)", key, slot == r ? 1 : 2);
        return -1;
    }
    *slot = value;
    return 0;
}

static PyObject *complex_new(PyTypeObject *type, PyObject *args,
                             PyObject *kwargs)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 2) {
        PyErr_Format(PyExc_TypeError,
                     "complex() takes at most 2 arguments (%zd given)",
                     nargs);
        return NULL;
    }
    PyObject *r = nargs > 0 ? PyTuple_GET_ITEM(args, 0) : NULL;
    PyObject *i = nargs > 1 ? PyTuple_GET_ITEM(args, 1) : NULL;
    if (kwargs != NULL) {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (PyDict_Next(kwargs, &pos, &key, &value)) {
            if (complex_keyword(key, value, &r, &i) < 0) {
                return NULL;
            }
        }
    }
    return complex_construct(type, r, i, nargs >= 1);
}

/* ---- methods ------------------------------------------------------ */

static PyObject *complex_conjugate(PyObject *self,
                                   PyObject *Py_UNUSED(ignored))
{
    Py_complex v = complex_value(self);
    return PyComplex_FromDoubles(v.real, -v.imag);
}

static PyObject *complex_getnewargs(PyObject *self,
                                    PyObject *Py_UNUSED(ignored))
{
    Py_complex v = complex_value(self);
    PyObject *real = PyFloat_FromDouble(v.real);
    PyObject *imag = PyFloat_FromDouble(v.imag);
    PyObject *result = NULL;
    if (real != NULL && imag != NULL) {
        result = PyTuple_Pack(2, real, imag);
    }
    Py_XDECREF(real);
    Py_XDECREF(imag);
    return result;
}

static PyObject *complex_dunder_complex(PyObject *self,
                                        PyObject *Py_UNUSED(ignored))
{
    return complex_pos(self);
}

static PyObject *complex_format(PyObject *self, PyObject *format_spec)
{
    if (!PyUnicode_Check(format_spec)) {
        PyErr_Format(PyExc_TypeError,
                     "__format__() argument must be str, not %.50s",
                     Py_TYPE(format_spec)->tp_name);
        return NULL;
    }
    return _PyComplex_FormatSpec(self, format_spec);
}

static PyObject *complex_from_number(PyObject *cls, PyObject *number)
{
    /* Unlike complex(), no strings: PyComplex_AsCComplex rejects them. */
    Py_complex value = PyComplex_AsCComplex(number);
    if (value.real == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    return complex_subtype_from_c_complex((PyTypeObject *)cls, value);
}

/* real and imag read the stored value directly: member descriptors, as
   in CPython (the value never changes after creation). */
static PyMemberDef complex_members[] = {
    {"real", Py_T_DOUBLE, offsetof(PyComplexObject, cval.real), Py_READONLY,
     "the real part of a complex number"},
    {"imag", Py_T_DOUBLE, offsetof(PyComplexObject, cval.imag), Py_READONLY,
     "the imaginary part of a complex number"},
    {NULL, 0, 0, 0, NULL},
};

static PyMethodDef complex_methods[] = {
    {"from_number", complex_from_number, METH_O | METH_CLASS,
     "Convert number to a complex floating-point number."},
    {"conjugate", complex_conjugate, METH_NOARGS,
     "Return the complex conjugate of its argument. (3-4j).conjugate() == "
     "3+4j."},
    {"__complex__", complex_dunder_complex, METH_NOARGS,
     "Convert this value to exact type complex."},
    {"__getnewargs__", complex_getnewargs, METH_NOARGS, NULL},
    {"__format__", complex_format, METH_O,
     "Convert to a string according to format_spec."},
    {NULL, NULL, 0, NULL},
};

static PyNumberMethods complex_as_number = {
    .nb_add = complex_add,
    .nb_subtract = complex_sub,
    .nb_multiply = complex_mul,
    .nb_power = complex_pow,
    .nb_negative = complex_neg,
    .nb_positive = complex_pos,
    .nb_absolute = complex_abs,
    .nb_bool = complex_bool,
    .nb_true_divide = complex_div,
};

PyTypeObject PyComplex_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "complex",
    .tp_basicsize = sizeof(PyComplexObject),
    .tp_dealloc = complex_dealloc,
    .tp_repr = complex_repr,
    .tp_as_number = &complex_as_number,
    .tp_hash = complex_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Create a complex number from a string or numbers.\n\n"
              "If a string is given, parse it as a complex number.\n"
              "If a single number is given, convert it to a complex number.\n"
              "If the 'real' or 'imag' arguments are given, create a complex "
              "number\nwith the specified real and imaginary components.",
    .tp_richcompare = complex_richcompare,
    .tp_methods = complex_methods,
    .tp_members = complex_members,
    .tp_new = complex_new,
};
