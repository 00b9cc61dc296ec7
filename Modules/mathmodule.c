/* math: the C library's floating-point functions with Python's error
   rules, plus the exact integer functions (factorial, comb, gcd, ...).

   The module has no state: every function works on its arguments only,
   so it is safe without the GIL.  libm calls are reentrant; lgamma uses
   lgamma_r so that no thread writes the global signgam. */
#include "Python.h"
#include "pycore_long.h"
#include "pycore_import.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

/* ---- errors ---------------------------------------------------------- */

static PyObject *
domain_error(void)
{
    PyErr_SetString(PyExc_ValueError, "math domain error");
    return NULL;
}

static PyObject *
range_error(void)
{
    PyErr_SetString(PyExc_OverflowError, "math range error");
    return NULL;
}

/* A domain error whose message names the offending value; msg has one %s
   for the value's float repr. */
static PyObject *
domain_error_for(const char *msg, double x)
{
    PyObject *value = PyFloat_FromDouble(x);
    if (value == NULL) {
        return NULL;
    }
    PyObject *text = PyObject_Repr(value);
    Py_DECREF(value);
    if (text == NULL) {
        return NULL;
    }
    PyErr_Format(PyExc_ValueError, msg, PyUnicode_AsUTF8(text));
    Py_DECREF(text);
    return NULL;
}

static int
as_double(PyObject *arg, double *out)
{
    if (PyFloat_CheckExact(arg)) {
        *out = PyFloat_AS_DOUBLE(arg);
        return 0;
    }
    double x = PyFloat_AsDouble(arg);
    if (x == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    *out = x;
    return 0;
}

/* Judge the result r of a one-argument libm function at x: a NaN from a
   non-NaN argument is a domain error; an infinity from a finite argument
   is an overflow when can_overflow, else a pole (domain error); a large
   ERANGE result is an overflow, a small one an acceptable underflow. */
static PyObject *
finish_1(double x, double r, int can_overflow, const char *msg)
{
    if (isnan(r) && !isnan(x)) {
        return msg ? domain_error_for(msg, x) : domain_error();
    }
    if (isinf(r) && isfinite(x)) {
        if (can_overflow) {
            return range_error();
        }
        return msg ? domain_error_for(msg, x) : domain_error();
    }
    if (errno == ERANGE && fabs(r) >= 1.0) {
        return range_error();
    }
    return PyFloat_FromDouble(r);
}

static PyObject *
math_1(PyObject *arg, double (*func)(double), int can_overflow,
       const char *msg)
{
    double x;
    if (as_double(arg, &x) < 0) {
        return NULL;
    }
    errno = 0;
    double r = func(x);
    return finish_1(x, r, can_overflow, msg);
}

#define MSG_FINITE "expected a finite input, got %s"
#define MSG_UNIT "expected a number in range from -1 up to 1, got %s"

#define FUNC1(name, func, can_overflow, msg)                    \
    static PyObject *                                                \
    math_##name(PyObject *Py_UNUSED(module), PyObject *arg)          \
    {                                                                \
        return math_1(arg, func, can_overflow, msg);                 \
    }

FUNC1(acos, acos, 0, MSG_UNIT)
FUNC1(acosh, acosh, 0, "expected argument value not less than 1, got %s")
FUNC1(asin, asin, 0, MSG_UNIT)
FUNC1(asinh, asinh, 0, NULL)
FUNC1(atan, atan, 0, NULL)
FUNC1(atanh, atanh, 0, "expected a number between -1 and 1, got %s")
FUNC1(cbrt, cbrt, 0, NULL)
FUNC1(cos, cos, 0, MSG_FINITE)
FUNC1(cosh, cosh, 1, NULL)
FUNC1(erf, erf, 0, NULL)
FUNC1(erfc, erfc, 0, NULL)
FUNC1(exp, exp, 1, NULL)
FUNC1(exp2, exp2, 1, NULL)
FUNC1(expm1, expm1, 1, NULL)
FUNC1(fabs, fabs, 0, NULL)
FUNC1(log1p, log1p, 0, "expected argument value > -1, got %s")
FUNC1(sin, sin, 0, MSG_FINITE)
FUNC1(sinh, sinh, 1, NULL)
FUNC1(sqrt, sqrt, 0, "expected a nonnegative input, got %s")
FUNC1(tan, tan, 0, MSG_FINITE)
FUNC1(tanh, tanh, 0, NULL)

#define MSG_GAMMA "expected a noninteger or positive integer, got %s"

static int
is_nonpositive_integer(double x)
{
    return x <= 0.0 && floor(x) == x;
}

static PyObject *
math_gamma(PyObject *Py_UNUSED(module), PyObject *arg)
{
    double x;
    if (as_double(arg, &x) < 0) {
        return NULL;
    }
    if (is_nonpositive_integer(x) || (isinf(x) && x < 0)) {
        return domain_error_for(MSG_GAMMA, x);
    }
    errno = 0;
    return finish_1(x, tgamma(x), 1, MSG_GAMMA);
}

static PyObject *
math_lgamma(PyObject *Py_UNUSED(module), PyObject *arg)
{
    double x;
    if (as_double(arg, &x) < 0) {
        return NULL;
    }
    if (isinf(x)) {
        return PyFloat_FromDouble(INFINITY);
    }
    if (is_nonpositive_integer(x)) {
        return domain_error_for(MSG_GAMMA, x);
    }
    int sign;
    errno = 0;
    return finish_1(x, lgamma_r(x, &sign), 1, MSG_GAMMA);
}

/* ---- logarithms ------------------------------------------------------ */

#define MSG_LOG "expected a positive input, got %s"

/* func(arg) where arg may be an int too large for a double: such an int
   is m * 2**e with 0.5 <= m < 1, and func(m) + e * func(2) is its log. */
static PyObject *
log_helper(PyObject *arg, double (*func)(double))
{
    if (PyLong_Check(arg)) {
        if (_PyLong_Sign(arg) <= 0) {
            PyObject *text = PyObject_Repr(arg);
            if (text != NULL) {
                PyErr_Format(PyExc_ValueError, MSG_LOG, PyUnicode_AsUTF8(text));
                Py_DECREF(text);
            }
            return NULL;
        }
        double x = PyLong_AsDouble(arg);
        if (x == -1.0 && PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_OverflowError)) {
                return NULL;
            }
            PyErr_Clear();
            int64_t e;
            double m = _PyLong_Frexp((PyLongObject *)arg, &e);
            if (m == -1.0 && PyErr_Occurred()) {
                return NULL;
            }
            return PyFloat_FromDouble(func(m) + func(2.0) * (double)e);
        }
        return PyFloat_FromDouble(func(x));
    }
    double x;
    if (as_double(arg, &x) < 0) {
        return NULL;
    }
    if (x <= 0.0) {
        return domain_error_for(MSG_LOG, x);
    }
    errno = 0;
    return finish_1(x, func(x), 0, MSG_LOG);
}

static PyObject *
math_log(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *x_obj;
    PyObject *base_obj = NULL;
    if (!PyArg_UnpackTuple(args, "log", 1, 2, &x_obj, &base_obj)) {
        return NULL;
    }
    PyObject *num = log_helper(x_obj, log);
    if (num == NULL || base_obj == NULL) {
        return num;
    }
    PyObject *den = log_helper(base_obj, log);
    if (den == NULL) {
        Py_DECREF(num);
        return NULL;
    }
    PyObject *result = PyNumber_TrueDivide(num, den);
    Py_DECREF(num);
    Py_DECREF(den);
    return result;
}

static PyObject *
math_log2(PyObject *Py_UNUSED(module), PyObject *arg)
{
    return log_helper(arg, log2);
}

static PyObject *
math_log10(PyObject *Py_UNUSED(module), PyObject *arg)
{
    return log_helper(arg, log10);
}

/* ---- rounding to integers -------------------------------------------- */

/* Call type(arg).<name>() when the type defines it; *found says whether
   it did.  Returns a new reference or NULL. */
static PyObject *
call_special(PyObject *arg, const char *name, int *found)
{
    PyObject *attr = PyUnicode_InternFromString(name);
    if (attr == NULL) {
        return NULL;
    }
    PyObject *method = _PyObject_LookupSpecial(arg, attr);
    Py_DECREF(attr);
    if (method == NULL) {
        *found = 0;
        return NULL;
    }
    *found = 1;
    PyObject *result = PyObject_CallNoArgs(method);
    Py_DECREF(method);
    return result;
}

static PyObject *
round_with(PyObject *arg, const char *special, double (*func)(double))
{
    if (PyFloat_CheckExact(arg)) {
        return PyLong_FromDouble(func(PyFloat_AS_DOUBLE(arg)));
    }
    if (PyLong_CheckExact(arg)) {
        return Py_NewRef(arg);
    }
    int found;
    PyObject *result = call_special(arg, special, &found);
    if (found || PyErr_Occurred()) {
        return result;
    }
    double x;
    if (as_double(arg, &x) < 0) {
        return NULL;
    }
    return PyLong_FromDouble(func(x));
}

static PyObject *
math_ceil(PyObject *Py_UNUSED(module), PyObject *arg)
{
    return round_with(arg, "__ceil__", ceil);
}

static PyObject *
math_floor(PyObject *Py_UNUSED(module), PyObject *arg)
{
    return round_with(arg, "__floor__", floor);
}

static PyObject *
math_trunc(PyObject *Py_UNUSED(module), PyObject *arg)
{
    if (PyFloat_CheckExact(arg)) {
        return PyLong_FromDouble(trunc(PyFloat_AS_DOUBLE(arg)));
    }
    int found;
    PyObject *result = call_special(arg, "__trunc__", &found);
    if (!found && !PyErr_Occurred()) {
        PyErr_Format(PyExc_TypeError,
                     "type %.100s doesn't define __trunc__ method",
                     Py_TYPE(arg)->tp_name);
    }
    return result;
}

/* ---- two-argument float functions ------------------------------------ */

static int
two_doubles(PyObject *args, const char *name, double *x, double *y)
{
    PyObject *a, *b;
    if (!PyArg_UnpackTuple(args, name, 2, 2, &a, &b)) {
        return -1;
    }
    if (as_double(a, x) < 0 || as_double(b, y) < 0) {
        return -1;
    }
    return 0;
}

/* A NaN from non-NaN arguments is a domain error; an infinity from finite
   ones an overflow. */
static PyObject *
finish_2(double x, double y, double r)
{
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        return domain_error();
    }
    if (isinf(r) && isfinite(x) && isfinite(y)) {
        return range_error();
    }
    return PyFloat_FromDouble(r);
}

static PyObject *
math_atan2(PyObject *Py_UNUSED(module), PyObject *args)
{
    double y, x;
    if (two_doubles(args, "atan2", &y, &x) < 0) {
        return NULL;
    }
    return PyFloat_FromDouble(atan2(y, x));
}

static PyObject *
math_copysign(PyObject *Py_UNUSED(module), PyObject *args)
{
    double x, y;
    if (two_doubles(args, "copysign", &x, &y) < 0) {
        return NULL;
    }
    return PyFloat_FromDouble(copysign(x, y));
}

static PyObject *
math_fmod(PyObject *Py_UNUSED(module), PyObject *args)
{
    double x, y;
    if (two_doubles(args, "fmod", &x, &y) < 0) {
        return NULL;
    }
    if (isinf(y) && isfinite(x)) {
        return PyFloat_FromDouble(x);
    }
    return finish_2(x, y, fmod(x, y));
}

/* NaNs count as missing data: the other value wins (C99 fmax/fmin). */
static PyObject *
math_fmax(PyObject *Py_UNUSED(module), PyObject *args)
{
    double x, y;
    if (two_doubles(args, "fmax", &x, &y) < 0) {
        return NULL;
    }
    return PyFloat_FromDouble(fmax(x, y));
}

static PyObject *
math_fmin(PyObject *Py_UNUSED(module), PyObject *args)
{
    double x, y;
    if (two_doubles(args, "fmin", &x, &y) < 0) {
        return NULL;
    }
    return PyFloat_FromDouble(fmin(x, y));
}

static PyObject *
math_remainder(PyObject *Py_UNUSED(module), PyObject *args)
{
    double x, y;
    if (two_doubles(args, "remainder", &x, &y) < 0) {
        return NULL;
    }
    return finish_2(x, y, remainder(x, y));
}

static PyObject *
math_pow(PyObject *Py_UNUSED(module), PyObject *args)
{
    double x, y;
    if (two_doubles(args, "pow", &x, &y) < 0) {
        return NULL;
    }
    double r = pow(x, y);
    if (isinf(r) && isfinite(x) && isfinite(y)) {
        /* 0 ** negative is a pole, anything else overflowed */
        return x == 0.0 ? domain_error() : range_error();
    }
    return finish_2(x, y, r);
}

static PyObject *
math_ldexp(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *x_obj, *i_obj;
    double x;
    if (!PyArg_UnpackTuple(args, "ldexp", 2, 2, &x_obj, &i_obj)
        || as_double(x_obj, &x) < 0) {
        return NULL;
    }
    if (!PyLong_Check(i_obj)) {
        PyErr_SetString(PyExc_TypeError,
                        "Expected an int as second argument to ldexp.");
        return NULL;
    }
    int overflow;
    long exp = PyLong_AsLongAndOverflow(i_obj, &overflow);
    if (exp == -1 && PyErr_Occurred()) {
        return NULL;
    }
    /* Any exponent beyond +-2**16 saturates a double either way. */
    if (overflow > 0 || exp > 100000) {
        exp = 100000;
    }
    else if (overflow < 0 || exp < -100000) {
        exp = -100000;
    }
    if (x == 0.0 || !isfinite(x)) {
        return PyFloat_FromDouble(x);
    }
    double r = ldexp(x, (int)exp);
    if (isinf(r)) {
        return range_error();
    }
    return PyFloat_FromDouble(r);
}

static PyObject *
math_frexp(PyObject *Py_UNUSED(module), PyObject *arg)
{
    double x;
    if (as_double(arg, &x) < 0) {
        return NULL;
    }
    int e = 0;
    double m = isfinite(x) ? frexp(x, &e) : x;
    return Py_BuildValue("(di)", m, e);
}

static PyObject *
math_modf(PyObject *Py_UNUSED(module), PyObject *arg)
{
    double x;
    if (as_double(arg, &x) < 0) {
        return NULL;
    }
    if (isinf(x)) {
        return Py_BuildValue("(dd)", copysign(0.0, x), x);
    }
    double whole;
    double frac = modf(x, &whole);
    return Py_BuildValue("(dd)", frac, whole);
}

static PyObject *
math_degrees(PyObject *Py_UNUSED(module), PyObject *arg)
{
    double x;
    if (as_double(arg, &x) < 0) {
        return NULL;
    }
    return PyFloat_FromDouble(x * (180.0 / M_PI));
}

static PyObject *
math_radians(PyObject *Py_UNUSED(module), PyObject *arg)
{
    double x;
    if (as_double(arg, &x) < 0) {
        return NULL;
    }
    return PyFloat_FromDouble(x * (M_PI / 180.0));
}

static PyObject *
math_fma(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *a, *b, *c;
    double x, y, z;
    if (!PyArg_UnpackTuple(args, "fma", 3, 3, &a, &b, &c)
        || as_double(a, &x) < 0 || as_double(b, &y) < 0
        || as_double(c, &z) < 0) {
        return NULL;
    }
    double r = fma(x, y, z);
    if (isfinite(r) || (!isfinite(x) || !isfinite(y) || !isfinite(z))) {
        if (isnan(r) && !isnan(x) && !isnan(y) && !isnan(z)) {
            PyErr_SetString(PyExc_ValueError, "invalid operation in fma");
            return NULL;
        }
        return PyFloat_FromDouble(r);
    }
    if (isnan(r)) {
        PyErr_SetString(PyExc_ValueError, "invalid operation in fma");
    }
    else {
        PyErr_SetString(PyExc_OverflowError, "overflow in fma");
    }
    return NULL;
}

/* ---- classification -------------------------------------------------- */

#define PREDICATE(name, test)                                        \
    static PyObject *                                                \
    math_##name(PyObject *Py_UNUSED(module), PyObject *arg)          \
    {                                                                \
        double x;                                                    \
        if (as_double(arg, &x) < 0) {                                \
            return NULL;                                             \
        }                                                            \
        return PyBool_FromLong(test);                                \
    }

PREDICATE(isfinite, isfinite(x))
PREDICATE(isinf, isinf(x))
PREDICATE(isnan, isnan(x))
PREDICATE(isnormal, isnormal(x))
PREDICATE(issubnormal, fpclassify(x) == FP_SUBNORMAL)
PREDICATE(signbit, signbit(x) != 0)

static PyObject *
math_isclose(PyObject *Py_UNUSED(module), PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    double a, b, rel_tol = 1e-9, abs_tol = 0.0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "dd|$dd:isclose", kwlist,
                                     &a, &b, &rel_tol, &abs_tol)) {
        return NULL;
    }
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        PyErr_SetString(PyExc_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (a == b) {
        Py_RETURN_TRUE;
    }
    /* Two infinities of the same sign were equal above; any other
       infinity is infinitely far from everything. */
    if (isinf(a) || isinf(b)) {
        Py_RETURN_FALSE;
    }
    double diff = fabs(b - a);
    return PyBool_FromLong(diff <= fabs(rel_tol * b)
                           || diff <= fabs(rel_tol * a)
                           || diff <= abs_tol);
}

/* ---- neighbours of a float ------------------------------------------- */

/* Map a double onto a signed integer line, ordered as the doubles are,
   with +0.0 and -0.0 both at 0 and adjacent doubles one apart. */
static int64_t
float_to_key(double x)
{
    int64_t bits;
    memcpy(&bits, &x, sizeof bits);
    return bits < 0 ? -(bits & INT64_MAX) : bits;
}

static double
key_to_float(int64_t key, double zero_sign)
{
    if (key == 0) {
        return copysign(0.0, zero_sign);
    }
    int64_t bits = key < 0 ? ((-key) | INT64_MIN) : key;
    double x;
    memcpy(&x, &bits, sizeof x);
    return x;
}

static PyObject *
math_nextafter(PyObject *Py_UNUSED(module), PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "", "steps", NULL};
    double x, y;
    PyObject *steps_obj = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "dd|$O:nextafter", kwlist,
                                     &x, &y, &steps_obj)) {
        return NULL;
    }
    if (steps_obj == Py_None) {
        return PyFloat_FromDouble(nextafter(x, y));
    }
    PyObject *steps_int = PyNumber_Index(steps_obj);
    if (steps_int == NULL) {
        return NULL;
    }
    if (_PyLong_Sign(steps_int) < 0) {
        Py_DECREF(steps_int);
        PyErr_SetString(PyExc_ValueError,
                        "steps must be a non-negative integer");
        return NULL;
    }
    /* More steps than there are doubles always lands on y. */
    unsigned long long steps = PyLong_AsUnsignedLongLong(steps_int);
    Py_DECREF(steps_int);
    if (steps == (unsigned long long)-1 && PyErr_Occurred()) {
        PyErr_Clear();
        steps = ULLONG_MAX;
    }
    if (isnan(x)) {
        return PyFloat_FromDouble(x);
    }
    if (isnan(y)) {
        return PyFloat_FromDouble(y);
    }
    if (steps == 0) {
        return PyFloat_FromDouble(x);
    }
    int64_t from = float_to_key(x);
    int64_t to = float_to_key(y);
    uint64_t distance = from < to ? (uint64_t)to - (uint64_t)from
                                  : (uint64_t)from - (uint64_t)to;
    if (steps >= distance) {
        return PyFloat_FromDouble(y);
    }
    int64_t key = from < to ? from + (int64_t)steps : from - (int64_t)steps;
    return PyFloat_FromDouble(key_to_float(key, y));
}

static PyObject *
math_ulp(PyObject *Py_UNUSED(module), PyObject *arg)
{
    double x;
    if (as_double(arg, &x) < 0) {
        return NULL;
    }
    if (isnan(x)) {
        return PyFloat_FromDouble(x);
    }
    x = fabs(x);
    if (isinf(x)) {
        return PyFloat_FromDouble(x);
    }
    double up = nextafter(x, INFINITY);
    if (isinf(up)) {
        return PyFloat_FromDouble(x - nextafter(x, 0.0));
    }
    return PyFloat_FromDouble(up - x);
}

/* ---- exact summation ------------------------------------------------- */

/* Shewchuk's method: the running sum is kept as a list of non-
   overlapping partials, adding each term exactly.  The partials live in
   a caller-owned array that grows on the heap. */
typedef struct {
    double *p;
    Py_ssize_t n;
    Py_ssize_t cap;
    double stack[32];
    double special;     /* sum of the infinities and NaNs seen */
    double inf_sum;     /* detects inf + -inf */
    int overflow;       /* a finite sum left the double range */
} partials;

static void
partials_init(partials *s)
{
    s->p = s->stack;
    s->n = 0;
    s->cap = Py_ARRAY_LENGTH(s->stack);
    s->special = 0.0;
    s->inf_sum = 0.0;
    s->overflow = 0;
}

static void
partials_free(partials *s)
{
    if (s->p != s->stack) {
        PyMem_Free(s->p);
    }
}

static int
partials_add(partials *s, double x)
{
    if (!isfinite(x)) {
        if (isinf(x)) {
            s->inf_sum += x;
        }
        s->special += x;
        return 0;
    }
    Py_ssize_t kept = 0;
    for (Py_ssize_t i = 0; i < s->n; i++) {
        double y = s->p[i];
        if (fabs(x) < fabs(y)) {
            double t = x; x = y; y = t;
        }
        double hi = x + y;
        double lo = y - (hi - x);
        if (lo != 0.0) {
            s->p[kept++] = lo;
        }
        x = hi;
    }
    if (!isfinite(x)) {
        s->overflow = 1;
        return 0;
    }
    if (x == 0.0) {
        /* zeros change nothing, and fsum of zeros is +0.0 */
        s->n = kept;
        return 0;
    }
    if (kept >= s->cap) {
        Py_ssize_t cap = s->cap * 2;
        double *p = PyMem_Malloc(cap * sizeof(double));
        if (p == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memcpy(p, s->p, kept * sizeof(double));
        partials_free(s);
        s->p = p;
        s->cap = cap;
    }
    s->p[kept++] = x;
    s->n = kept;
    return 0;
}

/* The correctly rounded sum, or NULL with fsum's errors. */
static PyObject *
partials_result(partials *s)
{
    if (s->special != 0.0 || isnan(s->special)) {
        if (isnan(s->inf_sum)) {
            PyErr_SetString(PyExc_ValueError, "-inf + inf in fsum");
            return NULL;
        }
        return PyFloat_FromDouble(s->special);
    }
    if (s->overflow) {
        PyErr_SetString(PyExc_OverflowError, "intermediate overflow in fsum");
        return NULL;
    }
    if (s->n == 0) {
        return PyFloat_FromDouble(0.0);
    }
    Py_ssize_t i = s->n - 1;
    double hi = s->p[i];
    double lo = 0.0;
    while (i > 0) {
        double x = hi;
        double y = s->p[--i];
        hi = x + y;
        lo = y - (hi - x);
        if (lo != 0.0) {
            break;
        }
    }
    /* Round half-even across the remaining partials: when the discarded
       part is exactly half an ulp, the next partial decides the side. */
    if (i > 0 && ((lo < 0.0 && s->p[i - 1] < 0.0)
                  || (lo > 0.0 && s->p[i - 1] > 0.0))) {
        double y = lo * 2.0;
        double x = hi + y;
        if (y == x - hi) {
            hi = x;
        }
    }
    return PyFloat_FromDouble(hi);
}

static PyObject *
math_fsum(PyObject *Py_UNUSED(module), PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    partials s;
    partials_init(&s);
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        double x;
        int rc = as_double(item, &x);
        Py_DECREF(item);
        if (rc < 0 || partials_add(&s, x) < 0) {
            goto fail;
        }
    }
    if (PyErr_Occurred()) {
        goto fail;
    }
    Py_DECREF(it);
    PyObject *result = partials_result(&s);
    partials_free(&s);
    return result;
fail:
    Py_DECREF(it);
    partials_free(&s);
    return NULL;
}

/* The correctly rounded value of s as a C double (s stays usable). */
static int
partials_value(partials *s, double *out)
{
    PyObject *value = partials_result(s);
    if (value == NULL) {
        return -1;
    }
    *out = PyFloat_AS_DOUBLE(value);
    Py_DECREF(value);
    return 0;
}

/* ---- hypot and dist -------------------------------------------------- */

/* sqrt of the sum of squares of n finite-or-not values.  Scaling by a
   power of two is exact; each square is split exactly with fma and the
   halves summed exactly.  The exact sum is then taken as hi + lo (hi
   rounded, lo the rounded remainder) and one Newton step on sqrt(hi)
   with the exact residual hi - r*r + lo corrects it, so the result is
   correctly rounded in all but extremely rare cases.  A result too big
   for a float is inf, not an error, as in CPython. */
static PyObject *
vector_norm(const double *v, Py_ssize_t n)
{
    double max = 0.0;
    int found_nan = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        double x = fabs(v[i]);
        if (isinf(x)) {
            return PyFloat_FromDouble(INFINITY);
        }
        found_nan |= isnan(x);
        if (x > max) {
            max = x;
        }
    }
    if (found_nan) {
        return PyFloat_FromDouble(NAN);
    }
    if (max == 0.0 || n == 1) {
        return PyFloat_FromDouble(max);
    }
    int exp;
    frexp(max, &exp);
    partials s;
    partials_init(&s);
    for (Py_ssize_t i = 0; i < n; i++) {
        double x = ldexp(v[i], -exp);
        double hi = x * x;
        double lo = fma(x, x, -hi);
        if (partials_add(&s, hi) < 0 || partials_add(&s, lo) < 0) {
            partials_free(&s);
            return NULL;
        }
    }
    double hi, lo;
    if (partials_value(&s, &hi) < 0 || partials_add(&s, -hi) < 0
        || partials_value(&s, &lo) < 0) {
        partials_free(&s);
        return NULL;
    }
    partials_free(&s);
    double r = sqrt(hi);
    double residual = fma(-r, r, hi) + lo;
    r += residual / (2.0 * r);
    return PyFloat_FromDouble(ldexp(r, exp));
}

static PyObject *
math_hypot(PyObject *Py_UNUSED(module), PyObject *args)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    double stack[16];
    double *v = n <= 16 ? stack : PyMem_Malloc(n * sizeof(double));
    if (v == NULL) {
        return PyErr_NoMemory();
    }
    PyObject *result = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (as_double(PyTuple_GET_ITEM(args, i), &v[i]) < 0) {
            goto done;
        }
    }
    result = vector_norm(v, n);
done:
    if (v != stack) {
        PyMem_Free(v);
    }
    return result;
}

static PyObject *
math_dist(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *p, *q;
    if (!PyArg_UnpackTuple(args, "dist", 2, 2, &p, &q)) {
        return NULL;
    }
    PyObject *pt = PySequence_Tuple(p);
    if (pt == NULL) {
        return NULL;
    }
    PyObject *qt = PySequence_Tuple(q);
    if (qt == NULL) {
        Py_DECREF(pt);
        return NULL;
    }
    PyObject *result = NULL;
    double *v = NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(pt);
    if (PyTuple_GET_SIZE(qt) != n) {
        PyErr_SetString(PyExc_ValueError,
                        "both points must have the same number of dimensions");
        goto done;
    }
    v = PyMem_Malloc((n ? n : 1) * sizeof(double));
    if (v == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        double a, b;
        if (as_double(PyTuple_GET_ITEM(pt, i), &a) < 0
            || as_double(PyTuple_GET_ITEM(qt, i), &b) < 0) {
            goto done;
        }
        v[i] = a - b;
    }
    result = vector_norm(v, n);
done:
    PyMem_Free(v);
    Py_DECREF(pt);
    Py_DECREF(qt);
    return result;
}

/* ---- products -------------------------------------------------------- */

static PyObject *
math_prod(PyObject *Py_UNUSED(module), PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "start", NULL};
    PyObject *iterable;
    PyObject *start = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|$O:prod", kwlist,
                                     &iterable, &start)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    PyObject *result = start ? Py_NewRef(start) : PyLong_FromLong(1);
    PyObject *item;
    while (result != NULL && (item = PyIter_Next(it)) != NULL) {
        PyObject *next = PyNumber_Multiply(result, item);
        Py_DECREF(item);
        Py_SETREF(result, next);
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_XDECREF(result);
        return NULL;
    }
    return result;
}

/* Exact dot product of tuples of floats and small ints: every value is
   exactly a double, every product splits exactly into hi + lo with fma,
   and the partials sum rounds once.  A product that is not finite, or a
   sum that overflows, gives what plain float arithmetic gives (inf,
   -inf or nan), as CPython's sumprod does: only fsum raises there. */
static PyObject *
float_sumprod(PyObject *p, PyObject *q)
{
    partials s;
    partials_init(&s);
    double plain = 0.0;
    int finite = 1;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(p); i++) {
        double x, y;
        if (as_double(PyTuple_GET_ITEM(p, i), &x) < 0
            || as_double(PyTuple_GET_ITEM(q, i), &y) < 0) {
            partials_free(&s);
            return NULL;
        }
        double hi = x * y;
        plain += hi;
        if (!isfinite(hi)) {
            finite = 0;
        }
        if (!finite) {
            continue;
        }
        if (partials_add(&s, hi) < 0
                || partials_add(&s, fma(x, y, -hi)) < 0) {
            partials_free(&s);
            return NULL;
        }
    }
    PyObject *result = finite ? partials_result(&s) : NULL;
    partials_free(&s);
    if (result == NULL && (!finite || PyErr_ExceptionMatches(PyExc_OverflowError))) {
        PyErr_Clear();
        result = PyFloat_FromDouble(plain);
    }
    return result;
}

/* Counts the floats of t; -1 when some item is neither a float nor an
   int that a double holds exactly. */
static Py_ssize_t
count_floats(PyObject *t)
{
    Py_ssize_t floats = 0;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(t); i++) {
        PyObject *x = PyTuple_GET_ITEM(t, i);
        if (PyFloat_CheckExact(x)) {
            floats++;
            continue;
        }
        if (!PyLong_CheckExact(x)) {
            return -1;
        }
        int overflow;
        long long v = PyLong_AsLongLongAndOverflow(x, &overflow);
        if (overflow || v > (1LL << 53) || v < -(1LL << 53)) {
            return -1;
        }
    }
    return floats;
}

static PyObject *
math_sumprod(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *p_obj, *q_obj;
    if (!PyArg_UnpackTuple(args, "sumprod", 2, 2, &p_obj, &q_obj)) {
        return NULL;
    }
    PyObject *p = PySequence_Tuple(p_obj);
    if (p == NULL) {
        return NULL;
    }
    PyObject *q = PySequence_Tuple(q_obj);
    if (q == NULL) {
        Py_DECREF(p);
        return NULL;
    }
    PyObject *result = NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(p);
    if (PyTuple_GET_SIZE(q) != n) {
        PyErr_SetString(PyExc_ValueError, "Inputs are not the same length");
        goto done;
    }
    /* Floats mixed with small ints: the exact path.  All ints stay
       ints, computed exactly below. */
    Py_ssize_t p_floats = count_floats(p);
    Py_ssize_t q_floats = p_floats < 0 ? -1 : count_floats(q);
    if (q_floats >= 0 && p_floats + q_floats > 0) {
        result = float_sumprod(p, q);
        goto done;
    }
    result = PyLong_FromLong(0);
    for (Py_ssize_t i = 0; i < n && result != NULL; i++) {
        PyObject *term = PyNumber_Multiply(PyTuple_GET_ITEM(p, i),
                                           PyTuple_GET_ITEM(q, i));
        if (term == NULL) {
            Py_CLEAR(result);
            break;
        }
        Py_SETREF(result, PyNumber_Add(result, term));
        Py_DECREF(term);
    }
done:
    Py_DECREF(p);
    Py_DECREF(q);
    return result;
}

/* ---- integer functions ----------------------------------------------- */

/* The product lo * (lo+1) * ... * (hi-1), split in halves so that the
   big multiplications have balanced operands. */
static PyObject *
range_product(unsigned long long lo, unsigned long long hi)
{
    if (hi - lo <= 8) {
        PyObject *result = PyLong_FromLong(1);
        for (unsigned long long i = lo; i < hi && result != NULL; i++) {
            PyObject *factor = PyLong_FromUnsignedLongLong(i);
            if (factor == NULL) {
                Py_CLEAR(result);
                break;
            }
            Py_SETREF(result, PyNumber_Multiply(result, factor));
            Py_DECREF(factor);
        }
        return result;
    }
    unsigned long long mid = lo + (hi - lo) / 2;
    PyObject *left = range_product(lo, mid);
    if (left == NULL) {
        return NULL;
    }
    PyObject *right = range_product(mid, hi);
    if (right == NULL) {
        Py_DECREF(left);
        return NULL;
    }
    PyObject *result = PyNumber_Multiply(left, right);
    Py_DECREF(left);
    Py_DECREF(right);
    return result;
}

static PyObject *
math_factorial(PyObject *Py_UNUSED(module), PyObject *arg)
{
    PyObject *n_obj = PyNumber_Index(arg);
    if (n_obj == NULL) {
        return NULL;
    }
    int overflow;
    long n = PyLong_AsLongAndOverflow(n_obj, &overflow);
    Py_DECREF(n_obj);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (overflow > 0) {
        PyErr_Format(PyExc_OverflowError,
                     "factorial() argument should not exceed %ld", LONG_MAX);
        return NULL;
    }
    if (overflow < 0 || n < 0) {
        PyErr_SetString(PyExc_ValueError,
                        "factorial() not defined for negative values");
        return NULL;
    }
    return range_product(1, (unsigned long long)n + 1);
}

static int
nonnegative_index(PyObject *arg, const char *name, PyObject **out)
{
    *out = PyNumber_Index(arg);
    if (*out == NULL) {
        return -1;
    }
    if (_PyLong_Sign(*out) < 0) {
        PyErr_Format(PyExc_ValueError, "%s must be a non-negative integer",
                     name);
        Py_CLEAR(*out);
        return -1;
    }
    return 0;
}

/* n * (n-1) * ... * (n-k+1), divided by k! when divide is set (comb). */
static PyObject *
falling_product(PyObject *n, long long k, int divide)
{
    PyObject *result = PyLong_FromLong(1);
    for (long long i = 0; i < k && result != NULL; i++) {
        PyObject *offset = PyLong_FromLongLong(i);
        PyObject *factor = offset ? PyNumber_Subtract(n, offset) : NULL;
        Py_XDECREF(offset);
        if (factor == NULL) {
            Py_CLEAR(result);
            break;
        }
        Py_SETREF(result, PyNumber_Multiply(result, factor));
        Py_DECREF(factor);
        if (divide && result != NULL) {
            /* C(n, i) * (n - i) == C(n, i + 1) * (i + 1): exact */
            PyObject *den = PyLong_FromLongLong(i + 1);
            if (den == NULL) {
                Py_CLEAR(result);
                break;
            }
            Py_SETREF(result, PyNumber_FloorDivide(result, den));
            Py_DECREF(den);
        }
    }
    return result;
}

static PyObject *
math_comb(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *n_arg, *k_arg, *n, *k;
    if (!PyArg_UnpackTuple(args, "comb", 2, 2, &n_arg, &k_arg)
        || nonnegative_index(n_arg, "n", &n) < 0) {
        return NULL;
    }
    if (nonnegative_index(k_arg, "k", &k) < 0) {
        Py_DECREF(n);
        return NULL;
    }
    PyObject *result = NULL;
    PyObject *rest = PyNumber_Subtract(n, k);
    if (rest == NULL) {
        goto done;
    }
    if (_PyLong_Sign(rest) < 0) {
        result = PyLong_FromLong(0);
        goto done;
    }
    /* C(n, k) == C(n, n-k): loop over the smaller. */
    PyObject *smaller = PyObject_RichCompareBool(rest, k, Py_LT) ? rest : k;
    long long count = PyLong_AsLongLong(smaller);
    if (count == -1 && PyErr_Occurred()) {
        PyErr_Format(PyExc_OverflowError,
                     "min(n - k, k) must not exceed %lld", LLONG_MAX);
        goto done;
    }
    result = falling_product(n, count, 1);
done:
    Py_XDECREF(rest);
    Py_DECREF(n);
    Py_DECREF(k);
    return result;
}

static PyObject *
math_perm(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *n_arg, *k_arg = Py_None, *n, *k;
    if (!PyArg_UnpackTuple(args, "perm", 1, 2, &n_arg, &k_arg)) {
        return NULL;
    }
    if (k_arg == Py_None) {
        return math_factorial(NULL, n_arg);
    }
    if (nonnegative_index(n_arg, "n", &n) < 0) {
        return NULL;
    }
    if (nonnegative_index(k_arg, "k", &k) < 0) {
        Py_DECREF(n);
        return NULL;
    }
    PyObject *result = NULL;
    int bigger = PyObject_RichCompareBool(k, n, Py_GT);
    if (bigger < 0) {
        goto done;
    }
    if (bigger) {
        result = PyLong_FromLong(0);
        goto done;
    }
    long long count = PyLong_AsLongLong(k);
    if (count == -1 && PyErr_Occurred()) {
        PyErr_Format(PyExc_OverflowError, "k must not exceed %lld", LLONG_MAX);
        goto done;
    }
    result = falling_product(n, count, 0);
done:
    Py_DECREF(n);
    Py_DECREF(k);
    return result;
}

static PyObject *
math_gcd(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *result = PyLong_FromLong(0);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args) && result; i++) {
        PyObject *x = PyNumber_Index(PyTuple_GET_ITEM(args, i));
        if (x == NULL) {
            Py_CLEAR(result);
            break;
        }
        Py_SETREF(result, _PyLong_GCD(result, x));
        Py_DECREF(x);
    }
    return result;
}

static PyObject *
math_lcm(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *result = PyLong_FromLong(1);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args) && result; i++) {
        PyObject *x = PyNumber_Index(PyTuple_GET_ITEM(args, i));
        if (x == NULL) {
            Py_CLEAR(result);
            break;
        }
        if (_PyLong_Sign(x) == 0 || _PyLong_Sign(result) == 0) {
            Py_DECREF(x);
            Py_SETREF(result, PyLong_FromLong(0));
            continue;
        }
        PyObject *g = _PyLong_GCD(result, x);
        PyObject *q = g ? PyNumber_FloorDivide(result, g) : NULL;
        PyObject *m = q ? PyNumber_Multiply(q, x) : NULL;
        Py_XDECREF(g);
        Py_XDECREF(q);
        Py_DECREF(x);
        Py_SETREF(result, m ? PyNumber_Absolute(m) : NULL);
        Py_XDECREF(m);
    }
    return result;
}

/* Newton's iteration from above: x = (x + n // x) // 2 decreases
   strictly until it reaches floor(sqrt(n)). */
static PyObject *
math_isqrt(PyObject *Py_UNUSED(module), PyObject *arg)
{
    PyObject *n = PyNumber_Index(arg);
    if (n == NULL) {
        return NULL;
    }
    int sign = _PyLong_Sign(n);
    if (sign < 0) {
        Py_DECREF(n);
        PyErr_SetString(PyExc_ValueError,
                        "isqrt() argument must be nonnegative");
        return NULL;
    }
    if (sign == 0) {
        return n;
    }
    int64_t bits = _PyLong_NumBits(n);
    PyObject *one = PyLong_FromLong(1);
    PyObject *x = one ? _PyLong_Lshift(one, (bits + 1) / 2) : NULL;
    while (x != NULL) {
        PyObject *q = PyNumber_FloorDivide(n, x);
        PyObject *s = q ? PyNumber_Add(x, q) : NULL;
        PyObject *next = s ? _PyLong_Rshift(s, 1) : NULL;
        Py_XDECREF(q);
        Py_XDECREF(s);
        if (next == NULL) {
            Py_CLEAR(x);
            break;
        }
        int smaller = PyObject_RichCompareBool(next, x, Py_LT);
        if (smaller <= 0) {
            Py_DECREF(next);
            if (smaller < 0) {
                Py_CLEAR(x);
            }
            break;
        }
        Py_SETREF(x, next);
    }
    Py_XDECREF(one);
    Py_DECREF(n);
    return x;
}

/* ---- module ---------------------------------------------------------- */

#define M1(name, doc) \
    {#name, math_##name, METH_O, #name "($module, x, /)\n--\n\n" doc}
#define MV(name, sig, doc) \
    {#name, math_##name, METH_VARARGS, #name sig "\n--\n\n" doc}
#define MK(name, sig, doc)                                             \
    {#name, (PyCFunction)(void (*)(void))math_##name,                  \
     METH_VARARGS | METH_KEYWORDS, #name sig "\n--\n\n" doc}

static PyMethodDef math_methods[] = {
    M1(acos, "Arc cosine of x, in radians."),
    M1(acosh, "Inverse hyperbolic cosine of x."),
    M1(asin, "Arc sine of x, in radians."),
    M1(asinh, "Inverse hyperbolic sine of x."),
    M1(atan, "Arc tangent of x, in radians."),
    MV(atan2, "($module, y, x, /)", "Arc tangent of y/x, quadrant-aware."),
    M1(atanh, "Inverse hyperbolic tangent of x."),
    M1(cbrt, "Cube root of x."),
    M1(ceil, "The smallest integer >= x."),
    MV(comb, "($module, n, k, /)", "Ways to choose k of n items, unordered."),
    MV(copysign, "($module, x, y, /)", "x with the sign of y."),
    M1(cos, "Cosine of x (radians)."),
    M1(cosh, "Hyperbolic cosine of x."),
    M1(degrees, "Convert x from radians to degrees."),
    MV(dist, "($module, p, q, /)", "Euclidean distance of two points."),
    M1(erf, "Error function at x."),
    M1(erfc, "Complementary error function at x."),
    M1(exp, "e raised to the power x."),
    M1(exp2, "2 raised to the power x."),
    M1(expm1, "exp(x) - 1, accurate for small x."),
    M1(fabs, "Absolute value of x as a float."),
    M1(factorial, "n!, for a non-negative integer n."),
    M1(floor, "The largest integer <= x."),
    MV(fma, "($module, x, y, z, /)", "x * y + z, rounded once."),
    MV(fmax, "($module, x, y, /)",
       "The larger of x and y; a NaN loses to any number."),
    MV(fmin, "($module, x, y, /)",
       "The smaller of x and y; a NaN loses to any number."),
    MV(fmod, "($module, x, y, /)", "fmod(x, y) as in C."),
    M1(frexp, "Mantissa and exponent (m, e) with x == m * 2**e."),
    M1(fsum, "Exactly rounded sum of the values of an iterable."),
    M1(gamma, "Gamma function at x."),
    MV(gcd, "($module, *integers)", "Greatest common divisor."),
    MV(hypot, "($module, *coordinates)", "Euclidean norm of the coordinates."),
    MK(isclose, "($module, /, a, b, *, rel_tol=1e-09, abs_tol=0.0)",
       "Whether a and b are close to each other."),
    M1(isfinite, "Whether x is neither infinite nor NaN."),
    M1(isinf, "Whether x is an infinity."),
    M1(isnan, "Whether x is a NaN."),
    M1(isnormal, "Whether x is a normal float (not zero, subnormal, "
                 "infinite or NaN)."),
    M1(issubnormal, "Whether x is subnormal."),
    M1(isqrt, "The integer square root of n: floor(sqrt(n)), exactly."),
    MV(lcm, "($module, *integers)", "Least common multiple."),
    MV(ldexp, "($module, x, i, /)", "x * (2**i)."),
    M1(lgamma, "Natural log of the absolute value of Gamma at x."),
    MV(log, "(x, [base=math.e])", "Logarithm of x to the given base."),
    M1(log10, "Base 10 logarithm of x."),
    M1(log1p, "log(1 + x), accurate for small x."),
    M1(log2, "Base 2 logarithm of x."),
    M1(modf, "Fractional and integer parts of x, both floats."),
    MK(nextafter, "($module, x, y, /, *, steps=None)",
       "The float after x towards y, or steps floats away."),
    MV(perm, "($module, n, k=None, /)", "Ways to choose k of n items, ordered."),
    MV(pow, "($module, x, y, /)", "x ** y as floats."),
    MK(prod, "($module, iterable, /, *, start=1)",
       "Product of start and the items of iterable."),
    M1(radians, "Convert x from degrees to radians."),
    MV(remainder, "($module, x, y, /)", "IEEE 754 remainder of x by y."),
    M1(sin, "Sine of x (radians)."),
    M1(sinh, "Hyperbolic sine of x."),
    M1(sqrt, "Square root of x."),
    M1(signbit, "Whether the sign bit of x is set (also for -0.0 and NaNs)."),
    MV(sumprod, "($module, p, q, /)", "Sum of products of two iterables."),
    M1(tan, "Tangent of x (radians)."),
    M1(tanh, "Hyperbolic tangent of x."),
    M1(trunc, "x truncated towards 0, via x.__trunc__()."),
    M1(ulp, "Value of the least significant bit of x."),
    {NULL, NULL, 0, NULL},
};

/* ---- math.integer (PEP 791) ------------------------------------------- */

/* The integer functions again, as the submodule math.integer; they stay
   in math too.  math.integer is its own built-in module (the inittab
   lists it), loaded and bound by math_exec, so `import math.integer`
   finds it in sys.modules although math is not a package. */
static PyMethodDef math_integer_methods[] = {
    MV(comb, "($module, n, k, /)", "Ways to choose k of n items, unordered."),
    M1(factorial, "n!, for a non-negative integer n."),
    MV(gcd, "($module, *integers)", "Greatest common divisor."),
    M1(isqrt, "The integer square root of n: floor(sqrt(n)), exactly."),
    MV(lcm, "($module, *integers)", "Least common multiple."),
    MV(perm, "($module, n, k=None, /)", "Ways to choose k of n items, ordered."),
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot math_integer_slots[] = {
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef math_integer_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "math.integer",
    .m_doc = "Integer-specific mathematics functions.",
    .m_size = 0,
    .m_methods = math_integer_methods,
    .m_slots = math_integer_slots,
};

PyMODINIT_FUNC
PyInit__math_integer(void)
{
    return PyModuleDef_Init(&math_integer_module);
}

/* math.integer through the import system, so it gets its spec and its
   sys.modules entry like any built-in module. */
static int
add_integer_submodule(PyObject *module)
{
    PyObject *name = PyUnicode_FromString("math.integer");
    if (name == NULL) {
        return -1;
    }
    PyObject *spec = _PyImport_BuiltinFindSpec(name);
    Py_DECREF(name);
    if (spec == NULL) {
        return -1;
    }
    if (spec == Py_None) {
        Py_DECREF(spec);
        PyErr_SetString(PyExc_ImportError,
                        "math.integer is not a built-in module");
        return -1;
    }
    PyObject *submodule = _PyImport_LoadSpec(spec);
    Py_DECREF(spec);
    return PyModule_Add(module, "integer", submodule);
}

static int
math_exec(PyObject *module)
{
    if (add_integer_submodule(module) < 0) {
        return -1;
    }
    if (PyModule_Add(module, "pi", PyFloat_FromDouble(M_PI)) < 0
        || PyModule_Add(module, "e", PyFloat_FromDouble(M_E)) < 0
        || PyModule_Add(module, "tau", PyFloat_FromDouble(2.0 * M_PI)) < 0
        || PyModule_Add(module, "inf", PyFloat_FromDouble(INFINITY)) < 0
        || PyModule_Add(module, "nan", PyFloat_FromDouble(NAN)) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot math_slots[] = {
    {Py_mod_exec, math_exec},
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef math_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "math",
    .m_doc = "Mathematical functions on floats and integers.",
    .m_size = 0,
    .m_methods = math_methods,
    .m_slots = math_slots,
};

PyMODINIT_FUNC
PyInit_math(void)
{
    return PyModuleDef_Init(&math_module);
}
