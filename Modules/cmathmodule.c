/* cmath: mathematical functions for complex numbers.

   The values come from the C library's C99 complex functions, whose
   special values (branch cuts, signed zeros, infinities and NaNs) are
   those of C99 Annex G, as CPython's are.  What this file adds is
   Python's error rules: a NaN from a finite argument is a domain error,
   an infinity from a finite argument is a domain error for the
   functions with a pole (log, log10, atan, atanh) and a range error for
   the growing ones, and the few infinite arguments that C99 marks
   "invalid" raise ValueError too.

   The module has no state: every function works on its arguments only,
   so it is safe without the GIL. */
#include "Python.h"

#include <complex.h>
#include <errno.h>
#include <float.h>
#include <math.h>

#define LN10 2.302585092994045684017991454684364208

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

static int
as_complex(PyObject *arg, Py_complex *out)
{
    Py_complex z = PyComplex_AsCComplex(arg);
    if (z.real == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    *out = z;
    return 0;
}

static int
is_finite(Py_complex z)
{
    return isfinite(z.real) && isfinite(z.imag);
}

/* How a function behaves where its value is infinite for a finite
   argument. */
enum pole { POLE_NONE, POLE_DOMAIN, POLE_RANGE };

/* Which infinite arguments C99 calls invalid for this function. */
typedef int (*invalid_test)(Py_complex z);

typedef double complex (*cfunc)(double complex);

static PyObject *
finish(Py_complex z, double complex w, enum pole pole, invalid_test invalid)
{
    Py_complex r = {creal(w), cimag(w)};
    if (is_finite(z)) {
        if (isnan(r.real) || isnan(r.imag)) {
            return domain_error();
        }
        if (isinf(r.real) || isinf(r.imag)) {
            return pole == POLE_RANGE ? range_error() : domain_error();
        }
    }
    else if (invalid != NULL && invalid(z)) {
        return domain_error();
    }
    return PyComplex_FromCComplex(r);
}

static PyObject *
apply(PyObject *arg, cfunc func, enum pole pole, invalid_test invalid)
{
    Py_complex z;
    if (as_complex(arg, &z) < 0) {
        return NULL;
    }
    double complex w = func(CMPLX(z.real, z.imag));
    return finish(z, w, pole, invalid);
}

/* ---- which infinite arguments are invalid ---------------------------- */

/* cosh, sinh: an infinite imaginary part with a non-NaN real part. */
static int
invalid_hyperbolic(Py_complex z)
{
    return isinf(z.imag) && !isnan(z.real);
}

/* cos, sin: as cosh and sinh of i*z. */
static int
invalid_circular(Py_complex z)
{
    return isinf(z.real) && !isnan(z.imag);
}

/* tanh: an infinite imaginary part with a finite real part. */
static int
invalid_tanh(Py_complex z)
{
    return isinf(z.imag) && isfinite(z.real);
}

/* tan: as tanh of i*z. */
static int
invalid_tan(Py_complex z)
{
    return isinf(z.real) && isfinite(z.imag);
}

/* exp: an infinite imaginary part with a finite or +inf real part. */
static int
invalid_exp(Py_complex z)
{
    return isinf(z.imag) && (isfinite(z.real) ||
                             (isinf(z.real) && z.real > 0));
}

/* ---- the functions ----------------------------------------------------- */

/* Where glibc and CPython choose differently among the values C99 leaves
   open (signs of zeros and infinities next to a NaN), follow CPython. */

static double complex
fixed_cosh(double complex z)
{
    if (isnan(creal(z)) && cimag(z) == 0.0) {
        return CMPLX(NAN, 0.0);
    }
    return ccosh(z);
}

static double complex
fixed_sinh(double complex z)
{
    if (creal(z) == 0.0 && isnan(cimag(z))) {
        return CMPLX(0.0, NAN);
    }
    return csinh(z);
}

static double complex
fixed_tanh(double complex z)
{
    if (creal(z) == 0.0 && isnan(cimag(z))) {
        return CMPLX(NAN, NAN);
    }
    if (isinf(creal(z)) && isinf(cimag(z))) {
        return CMPLX(copysign(1.0, creal(z)), 0.0);
    }
    return ctanh(z);
}

static double complex
fixed_exp(double complex z)
{
    if (creal(z) < 0 && isinf(creal(z)) && isinf(cimag(z))) {
        return CMPLX(0.0, 0.0);
    }
    return cexp(z);
}

static double complex
fixed_acos(double complex z)
{
    if (isinf(creal(z)) && isnan(cimag(z))) {
        return CMPLX(NAN, INFINITY);
    }
    return cacos(z);
}

static double complex
fixed_acosh(double complex z)
{
    if (creal(z) == 0.0 && isnan(cimag(z))) {
        return CMPLX(NAN, NAN);
    }
    return cacosh(z);
}

/* The circular functions from the hyperbolic ones, as CPython defines
   them: f(z) = -i g(iz) or g(iz). */
static double complex
times_i(double complex z)
{
    return CMPLX(-cimag(z), creal(z));
}

static double complex
times_minus_i(double complex z)
{
    return CMPLX(cimag(z), -creal(z));
}

static double complex
via_sin(double complex z)
{
    return times_minus_i(fixed_sinh(times_i(z)));
}

static double complex
via_cos(double complex z)
{
    return fixed_cosh(times_i(z));
}

static double complex
via_tan(double complex z)
{
    return times_minus_i(fixed_tanh(times_i(z)));
}

static double complex
via_asin(double complex z)
{
    if (isinf(creal(z)) && isnan(cimag(z))) {
        return CMPLX(NAN, -INFINITY);
    }
    return times_minus_i(casinh(times_i(z)));
}

static double complex
via_atan(double complex z)
{
    if (isinf(creal(z)) && isnan(cimag(z))) {
        return CMPLX(copysign(M_PI / 2, creal(z)), -0.0);
    }
    return times_minus_i(catanh(times_i(z)));
}

#define CMATH_FUNC(name, cf, pole, invalid)                      \
    static PyObject *                                            \
    cmath_##name(PyObject *Py_UNUSED(module), PyObject *arg)     \
    {                                                            \
        return apply(arg, cf, pole, invalid);                    \
    }

CMATH_FUNC(acos, fixed_acos, POLE_NONE, NULL)
CMATH_FUNC(acosh, fixed_acosh, POLE_NONE, NULL)
CMATH_FUNC(asin, via_asin, POLE_NONE, NULL)
CMATH_FUNC(asinh, casinh, POLE_NONE, NULL)
CMATH_FUNC(atan, via_atan, POLE_DOMAIN, NULL)
CMATH_FUNC(atanh, catanh, POLE_DOMAIN, NULL)
CMATH_FUNC(cos, via_cos, POLE_RANGE, invalid_circular)
CMATH_FUNC(cosh, fixed_cosh, POLE_RANGE, invalid_hyperbolic)
CMATH_FUNC(exp, fixed_exp, POLE_RANGE, invalid_exp)
CMATH_FUNC(sin, via_sin, POLE_RANGE, invalid_circular)
CMATH_FUNC(sinh, fixed_sinh, POLE_RANGE, invalid_hyperbolic)
CMATH_FUNC(sqrt, csqrt, POLE_RANGE, NULL)
CMATH_FUNC(tan, via_tan, POLE_RANGE, invalid_tan)
CMATH_FUNC(tanh, fixed_tanh, POLE_RANGE, invalid_tanh)

static double complex
natural_log_to_log10(double complex z)
{
    double complex w = clog(z);
    return CMPLX(creal(w) / LN10, cimag(w) / LN10);
}

CMATH_FUNC(log10, natural_log_to_log10, POLE_DOMAIN, NULL)

/* log(x[, base]): the quotient of two natural logarithms. */
static PyObject *
cmath_log(PyObject *Py_UNUSED(module), PyObject *const *args,
          Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("log", nargs, 1, 2)) {
        return NULL;
    }
    PyObject *x = apply(args[0], clog, POLE_DOMAIN, NULL);
    if (x == NULL || nargs == 1) {
        return x;
    }
    PyObject *base = apply(args[1], clog, POLE_DOMAIN, NULL);
    if (base == NULL) {
        Py_DECREF(x);
        return NULL;
    }
    PyObject *result = PyNumber_TrueDivide(x, base);
    Py_DECREF(x);
    Py_DECREF(base);
    return result;
}

static PyObject *
cmath_phase(PyObject *Py_UNUSED(module), PyObject *arg)
{
    Py_complex z;
    if (as_complex(arg, &z) < 0) {
        return NULL;
    }
    return PyFloat_FromDouble(atan2(z.imag, z.real));
}

static PyObject *
cmath_polar(PyObject *Py_UNUSED(module), PyObject *arg)
{
    Py_complex z;
    if (as_complex(arg, &z) < 0) {
        return NULL;
    }
    double r = hypot(z.real, z.imag);
    if (isinf(r) && is_finite(z)) {
        return range_error();
    }
    return Py_BuildValue("dd", r, atan2(z.imag, z.real));
}

/* rect(r, phi): r * (cos(phi) + i sin(phi)), with C99's rules for the
   non-finite cases (an infinite angle is invalid unless r is 0 or NaN). */
static PyObject *
cmath_rect(PyObject *Py_UNUSED(module), PyObject *const *args,
           Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("rect", nargs, 2, 2)) {
        return NULL;
    }
    double r = PyFloat_AsDouble(args[0]);
    if (r == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    double phi = PyFloat_AsDouble(args[1]);
    if (phi == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    if (isinf(phi) && r != 0.0 && !isnan(r)) {
        return domain_error();
    }
    Py_complex w;
    if (r == 0.0 && !isfinite(phi)) {
        w.real = 0.0;
        w.imag = 0.0;
    }
    else if (isinf(r) && isnan(phi)) {
        w.real = INFINITY;
        w.imag = NAN;
    }
    else if (isinf(r) && phi == 0.0) {
        w.real = r;
        w.imag = r > 0 ? phi : -phi;
    }
    else if (isinf(r) && isfinite(phi)) {
        /* Infinite modulus: only the signs of cos and sin matter. */
        w.real = copysign(INFINITY, cos(phi)) * (r > 0 ? 1 : -1);
        w.imag = copysign(INFINITY, sin(phi)) * (r > 0 ? 1 : -1);
    }
    else if (isnan(r) && phi == 0.0) {
        w.real = r;
        w.imag = 0.0;
    }
    else if (phi == 0.0) {
        /* Keep the sign of a zero angle and an exact real part. */
        w.real = r;
        w.imag = r * phi;
    }
    else {
        w.real = r * cos(phi);
        w.imag = r * sin(phi);
    }
    return PyComplex_FromCComplex(w);
}

static PyObject *
cmath_isfinite(PyObject *Py_UNUSED(module), PyObject *arg)
{
    Py_complex z;
    if (as_complex(arg, &z) < 0) {
        return NULL;
    }
    return PyBool_FromLong(is_finite(z));
}

static PyObject *
cmath_isinf(PyObject *Py_UNUSED(module), PyObject *arg)
{
    Py_complex z;
    if (as_complex(arg, &z) < 0) {
        return NULL;
    }
    return PyBool_FromLong(isinf(z.real) || isinf(z.imag));
}

static PyObject *
cmath_isnan(PyObject *Py_UNUSED(module), PyObject *arg)
{
    Py_complex z;
    if (as_complex(arg, &z) < 0) {
        return NULL;
    }
    return PyBool_FromLong(isnan(z.real) || isnan(z.imag));
}

static PyObject *
cmath_isclose(PyObject *Py_UNUSED(module), PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    Py_complex a, b;
    double rel_tol = 1e-09, abs_tol = 0.0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "DD|$dd:isclose",
                                     keywords, &a, &b, &rel_tol, &abs_tol)) {
        return NULL;
    }
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        PyErr_SetString(PyExc_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (a.real == b.real && a.imag == b.imag) {
        Py_RETURN_TRUE;
    }
    /* Infinities of the same sign were caught above; any other pair with
       an infinity is far apart. */
    if (isinf(a.real) || isinf(a.imag) || isinf(b.real) || isinf(b.imag)) {
        Py_RETURN_FALSE;
    }
    double diff = hypot(b.real - a.real, b.imag - a.imag);
    int close = diff <= rel_tol * hypot(b.real, b.imag) ||
                diff <= rel_tol * hypot(a.real, a.imag) ||
                diff <= abs_tol;
    return PyBool_FromLong(close);
}

#define DOC1(name, text) \
    #name "($module, z, /)\n--\n\n" text

static PyMethodDef cmath_methods[] = {
    {"acos", cmath_acos, METH_O, DOC1(acos, "Return the arc cosine of z.")},
    {"acosh", cmath_acosh, METH_O,
     DOC1(acosh, "Return the inverse hyperbolic cosine of z.")},
    {"asin", cmath_asin, METH_O, DOC1(asin, "Return the arc sine of z.")},
    {"asinh", cmath_asinh, METH_O,
     DOC1(asinh, "Return the inverse hyperbolic sine of z.")},
    {"atan", cmath_atan, METH_O, DOC1(atan, "Return the arc tangent of z.")},
    {"atanh", cmath_atanh, METH_O,
     DOC1(atanh, "Return the inverse hyperbolic tangent of z.")},
    {"cos", cmath_cos, METH_O, DOC1(cos, "Return the cosine of z.")},
    {"cosh", cmath_cosh, METH_O,
     DOC1(cosh, "Return the hyperbolic cosine of z.")},
    {"exp", cmath_exp, METH_O,
     DOC1(exp, "Return the exponential value e**z.")},
    {"isclose", _PyCFunction_CAST(cmath_isclose),
     METH_VARARGS | METH_KEYWORDS,
     "isclose($module, /, a, b, *, rel_tol=1e-09, abs_tol=0.0)\n--\n\n"
     "Determine whether two complex numbers are close in value."},
    {"isfinite", cmath_isfinite, METH_O,
     DOC1(isfinite, "Return True if both the real and imaginary parts of z "
          "are finite, else False.")},
    {"isinf", cmath_isinf, METH_O,
     DOC1(isinf, "Checks if the real or imaginary part of z is infinite.")},
    {"isnan", cmath_isnan, METH_O,
     DOC1(isnan, "Checks if the real or imaginary part of z not a number "
          "(NaN).")},
    {"log", _PyCFunction_CAST(cmath_log), METH_FASTCALL,
     "log($module, z, base=<unrepresentable>, /)\n--\n\n"
     "log(z[, base]) -> the logarithm of z to the given base.\n\n"
     "If the base is not specified, returns the natural logarithm (base e) "
     "of z."},
    {"log10", cmath_log10, METH_O,
     DOC1(log10, "Return the base-10 logarithm of z.")},
    {"phase", cmath_phase, METH_O,
     DOC1(phase, "Return argument, also known as the phase angle, of a "
          "complex.")},
    {"polar", cmath_polar, METH_O,
     DOC1(polar, "Convert a complex from rectangular coordinates to polar "
          "coordinates.\n\nr is the distance from 0 and phi the phase "
          "angle.")},
    {"rect", _PyCFunction_CAST(cmath_rect), METH_FASTCALL,
     "rect($module, r, phi, /)\n--\n\n"
     "Convert from polar coordinates to rectangular coordinates."},
    {"sin", cmath_sin, METH_O, DOC1(sin, "Return the sine of z.")},
    {"sinh", cmath_sinh, METH_O,
     DOC1(sinh, "Return the hyperbolic sine of z.")},
    {"sqrt", cmath_sqrt, METH_O,
     DOC1(sqrt, "Return the square root of z.")},
    {"tan", cmath_tan, METH_O, DOC1(tan, "Return the tangent of z.")},
    {"tanh", cmath_tanh, METH_O,
     DOC1(tanh, "Return the hyperbolic tangent of z.")},
    {NULL, NULL, 0, NULL},
};

static int
cmath_exec(PyObject *module)
{
    Py_complex infj = {0.0, INFINITY}, nanj = {0.0, NAN};
    if (PyModule_Add(module, "pi", PyFloat_FromDouble(M_PI)) < 0 ||
        PyModule_Add(module, "e", PyFloat_FromDouble(M_E)) < 0 ||
        PyModule_Add(module, "tau", PyFloat_FromDouble(2 * M_PI)) < 0 ||
        PyModule_Add(module, "inf", PyFloat_FromDouble(INFINITY)) < 0 ||
        PyModule_Add(module, "infj", PyComplex_FromCComplex(infj)) < 0 ||
        PyModule_Add(module, "nan", PyFloat_FromDouble(NAN)) < 0 ||
        PyModule_Add(module, "nanj", PyComplex_FromCComplex(nanj)) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot cmath_slots[] = {
    {Py_mod_exec, cmath_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef cmath_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "cmath",
    .m_doc = "This module provides access to mathematical functions for "
             "complex\nnumbers.",
    .m_size = 0,
    .m_methods = cmath_methods,
    .m_slots = cmath_slots,
};

PyMODINIT_FUNC
PyInit_cmath(void)
{
    return PyModuleDef_Init(&cmath_module);
}
