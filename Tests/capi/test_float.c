/* Tests of the float and complex objects, float text conversion and the
   format-spec mini-language, through the C API.  Expected values come
   from CPython (checked with its 3.11 interpreter, adjusted for the 3.14
   changes to messages and mixed-mode complex arithmetic). */
#include "testlib.h"

#include <float.h>
#include <math.h>
#include <string.h>

/* ---- helpers ------------------------------------------------------ */

static uint64_t bits_of(double x)
{
    uint64_t bits;
    memcpy(&bits, &x, sizeof(bits));
    return bits;
}

static double double_of_bits(uint64_t bits)
{
    double x;
    memcpy(&x, &bits, sizeof(x));
    return x;
}

/* xorshift64*: a fixed-seed generator so the test is deterministic. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint64_t next_random(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1DULL;
}

/* float(text) through PyFloat_FromString; NaN with an exception on
   failure (the caller checks PyErr_Occurred). */
static double parse(const char *text)
{
    PyObject *str = PyUnicode_FromString(text);
    if (str == NULL) {
        return Py_NAN;
    }
    PyObject *f = PyFloat_FromString(str);
    Py_DECREF(str);
    if (f == NULL) {
        return Py_NAN;
    }
    double x = PyFloat_AsDouble(f);
    Py_DECREF(f);
    return x;
}

/* repr(x) compared with expected. */
static void check_repr(double x, const char *expected, int line)
{
    PyObject *f = PyFloat_FromDouble(x);
    testlib_check_str(f ? PyObject_Repr(f) : NULL, expected, __FILE__, line);
    Py_XDECREF(f);
}
#define CHECK_REPR(x, text) check_repr((x), (text), __LINE__)

/* The message of the pending exception equals text; clears it. */
static void check_message(PyObject *type, const char *text, int line)
{
    PyObject *exc = PyErr_GetRaisedException();
    testlib_check(exc != NULL && PyErr_GivenExceptionMatches(exc, type),
                  "expected exception type", __FILE__, line);
    if (exc != NULL) {
        testlib_check_str(PyObject_Str(exc), text, __FILE__, line);
        Py_DECREF(exc);
    }
}
#define CHECK_MESSAGE(type, text) check_message((type), (text), __LINE__)

/* format(obj, spec); consumes obj. */
static PyObject *format_obj(PyObject *obj, const char *spec)
{
    if (obj == NULL) {
        return NULL;
    }
    PyObject *spec_str = PyUnicode_FromString(spec);
    PyObject *result = spec_str ? PyObject_Format(obj, spec_str) : NULL;
    Py_XDECREF(spec_str);
    Py_DECREF(obj);
    return result;
}

#define CHECK_FORMAT_FLOAT(x, spec, text) \
    CHECK_STR(format_obj(PyFloat_FromDouble(x), (spec)), (text))
#define CHECK_FORMAT_INT(n, spec, text) \
    CHECK_STR(format_obj(PyLong_FromLongLong(n), (spec)), (text))
#define CHECK_FORMAT_STR(s, spec, text) \
    CHECK_STR(format_obj(PyUnicode_FromString(s), (spec)), (text))
#define CHECK_FORMAT_COMPLEX(re, im, spec, text) \
    CHECK_STR(format_obj(PyComplex_FromDoubles((re), (im)), (spec)), (text))

/* The binary slot of float applied to two doubles. */
static PyObject *float_binop(binaryfunc op, double a, double b)
{
    PyObject *x = PyFloat_FromDouble(a);
    PyObject *y = PyFloat_FromDouble(b);
    PyObject *result = (x && y) ? op(x, y) : NULL;
    Py_XDECREF(x);
    Py_XDECREF(y);
    return result;
}

/* The double in a float result, consuming it; NaN on NULL. */
static double take_double(PyObject *f)
{
    if (f == NULL || !PyFloat_Check(f)) {
        Py_XDECREF(f);
        return Py_NAN;
    }
    double x = PyFloat_AS_DOUBLE(f);
    Py_DECREF(f);
    return x;
}

static int same_double(double a, double b)
{
    return bits_of(a) == bits_of(b);
}

/* obj.name(arg) (or obj.name() when arg is NULL); consumes nothing. */
static PyObject *call_method(PyObject *obj, const char *name, PyObject *arg)
{
    PyObject *method = PyObject_GetAttrString(obj, name);
    if (method == NULL) {
        return NULL;
    }
    PyObject *result = arg ? PyObject_CallOneArg(method, arg)
                           : PyObject_CallNoArgs(method);
    Py_DECREF(method);
    return result;
}

/* repr(obj), consuming obj; NULL stays NULL. */
static PyObject *repr_of(PyObject *obj)
{
    if (obj == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_Repr(obj);
    Py_DECREF(obj);
    return result;
}

/* ---- repr and parsing --------------------------------------------- */

static void test_repr_table(void)
{
    CHECK_REPR(0.1, "0.1");
    CHECK_REPR(1e16, "1e+16");
    CHECK_REPR(1e15, "1000000000000000.0");
    CHECK_REPR(1e-5, "1e-05");
    CHECK_REPR(1e-4, "0.0001");
    CHECK_REPR(123456789012345678.0, "1.2345678901234568e+17");
    CHECK_REPR(5e-324, "5e-324");
    CHECK_REPR(1.7976931348623157e+308, "1.7976931348623157e+308");
    CHECK_REPR(2.2250738585072014e-308, "2.2250738585072014e-308");
    CHECK_REPR(-0.0, "-0.0");
    CHECK_REPR(0.0, "0.0");
    CHECK_REPR(1.0, "1.0");
    CHECK_REPR(-2.5, "-2.5");
    CHECK_REPR(1.0 / 3.0, "0.3333333333333333");
    CHECK_REPR(2.0 / 3.0, "0.6666666666666666");
    CHECK_REPR(0.1 + 0.2, "0.30000000000000004");
    CHECK_REPR(1e22, "1e+22");
    CHECK_REPR(1e23, "1e+23");
    CHECK_REPR(9007199254740993.0, "9007199254740992.0");
    CHECK_REPR(Py_INFINITY, "inf");
    CHECK_REPR(-Py_INFINITY, "-inf");
    CHECK_REPR(Py_NAN, "nan");
    CHECK_REPR(-Py_NAN, "nan");
}

static void test_repr_roundtrip_random(void)
{
    int failures = 0;
    for (int i = 0; i < 20000; i++) {
        uint64_t bits = next_random();
        double x = double_of_bits(bits);
        if (i % 4 == 1) {
            /* Subnormals. */
            bits &= 0x800FFFFFFFFFFFFFULL;
            x = double_of_bits(bits);
        }
        else if (i % 4 == 2) {
            /* Values with few digits, the common case. */
            x = (double)(int64_t)(next_random() % 2000001) / 1000.0;
            bits = bits_of(x);
        }
        if (isnan(x)) {
            continue;
        }
        PyObject *f = PyFloat_FromDouble(x);
        PyObject *text = f ? PyObject_Repr(f) : NULL;
        PyObject *back = text ? PyFloat_FromString(text) : NULL;
        if (back == NULL || bits_of(PyFloat_AS_DOUBLE(back)) != bits) {
            if (failures++ < 5) {
                fprintf(stderr, "    round trip failed for %a -> %s\n", x,
                        text ? PyUnicode_AsUTF8(text) : "<NULL>");
            }
            PyErr_Clear();
        }
        Py_XDECREF(f);
        Py_XDECREF(text);
        Py_XDECREF(back);
    }
    CHECK(failures == 0);
}

/* The shortest repr is really the shortest: the nearest decimal with one
   significant digit fewer never reads back as the same double (spot
   check; at powers of two the other neighbour could, see pystrtod.c). */
static void test_repr_is_shortest(void)
{
    int failures = 0;
    for (int i = 0; i < 2000; i++) {
        double x = double_of_bits(next_random() & 0x7FFFFFFFFFFFFFFFULL);
        if (!isfinite(x)) {
            continue;
        }
        char *text = PyOS_double_to_string(x, 'r', 0, 0, NULL);
        char significant[32];
        int digits = 0;
        for (char *p = text; *p && *p != 'e'; p++) {
            if (*p >= '0' && *p <= '9' && (digits > 0 || *p != '0')) {
                significant[digits++] = *p;
            }
        }
        while (digits > 0 && significant[digits - 1] == '0') {
            digits--;
        }
        if (digits > 1) {
            char shorter[64];
            snprintf(shorter, sizeof(shorter), "%.*e", digits - 2, x);
            if (strtod(shorter, NULL) == x) {
                failures++;
            }
        }
        PyMem_Free(text);
    }
    CHECK(failures == 0);
}

static void test_parse_correctly_rounded(void)
{
    CHECK(bits_of(parse("2.2250738585072011e-308")) == 0x000FFFFFFFFFFFFFULL);
    CHECK(bits_of(parse("2.2250738585072012e-308")) == 0x0010000000000000ULL);
    CHECK(parse("9007199254740993") == 9007199254740992.0);
    CHECK(parse("9007199254740993.0000000000000000001") == 9007199254740994.0);
    CHECK(parse("9007199254740995") == 9007199254740996.0);
    CHECK(parse("1.7976931348623158e308") == DBL_MAX);
    CHECK(parse("1.7976931348623159e308") == Py_INFINITY);
    CHECK(parse("2.4703282292062327e-324") == 0.0);
    CHECK(parse("2.4703282292062328e-324") == 5e-324);
    CHECK(parse("0.1") == 0.1);
    CHECK(parse("1e23") == 1e23);
    CHECK(parse("8.98846567431158e307") == 8.98846567431158e307);
    CHECK(parse("1e-400") == 0.0);
    CHECK(same_double(parse("-1e-400"), -0.0));
    CHECK(parse("1e999999999999999999999") == Py_INFINITY);
    CHECK(parse("0e999999999999999999999") == 0.0);
    CHECK(parse("0.000000000000000000000000000000000001e36") == 1.0);
    CHECK(!PyErr_Occurred());
}

static void test_parse_syntax(void)
{
    CHECK(parse("  1.5\n") == 1.5);
    CHECK(parse("1_000.000_5") == 1000.0005);
    CHECK(parse("1e1_0") == 1e10);
    CHECK(parse(".5") == 0.5);
    CHECK(parse("5.") == 5.0);
    CHECK(parse("+1.e3") == 1000.0);
    CHECK(parse("-Infinity") == -Py_INFINITY);
    CHECK(parse("iNF") == Py_INFINITY);
    CHECK(isnan(parse("+nan")));
    CHECK(isnan(parse("-NaN")));
    CHECK(!PyErr_Occurred());
    const char *bad[] = {"", "  ", "1__0", "_1", "1_", "1._5", "abc", "1e",
                         "1e+", ".", "e5", "0x10", "1.5j", "infinit", "nanx",
                         "1 5", "--1", "in"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        parse(bad[i]);
        CHECK_RAISES(PyExc_ValueError);
    }
    parse("abc");
    CHECK_MESSAGE(PyExc_ValueError, "could not convert string to float: 'abc'");
    PyObject *surrogate = PyUnicode_FromOrdinal(0xD800);
    CHECK(surrogate != NULL && PyFloat_FromString(surrogate) == NULL);
    CHECK_RAISES(PyExc_ValueError);
    Py_XDECREF(surrogate);
    /* Unicode digits and spaces count. */
    CHECK(parse("\xd9\xa1\xd9\xa2.\xd9\xa5\xe2\x80\x83") == 12.5);
    CHECK(!PyErr_Occurred());
}

static void test_from_bytes_and_errors(void)
{
    PyObject *bytes = PyBytes_FromString(" 2.5 ");
    PyObject *f = PyFloat_FromString(bytes);
    CHECK(f != NULL && PyFloat_AS_DOUBLE(f) == 2.5);
    Py_XDECREF(f);
    Py_DECREF(bytes);
    bytes = PyBytes_FromString("x");
    CHECK(PyFloat_FromString(bytes) == NULL);
    CHECK_MESSAGE(PyExc_ValueError, "could not convert string to float: b'x'");
    Py_DECREF(bytes);
    PyObject *list = PyList_New(0);
    CHECK(PyFloat_FromString(list) == NULL);
    CHECK_MESSAGE(PyExc_TypeError,
                  "float() argument must be a string or a real number, "
                  "not 'list'");
    CHECK(PyFloat_AsDouble(list) == -1.0);
    CHECK_MESSAGE(PyExc_TypeError, "must be real number, not list");
    Py_DECREF(list);
    PyObject *n = PyLong_FromLong(7);
    CHECK(PyFloat_AsDouble(n) == 7.0);
    Py_DECREF(n);
}

static void test_pyos_string_to_double(void)
{
    char *end;
    const char *text = "1.5e3xyz";
    CHECK(PyOS_string_to_double(text, &end, NULL) == 1500.0);
    CHECK(end == text + 5);
    text = "1e";
    CHECK(PyOS_string_to_double(text, &end, NULL) == 1.0);
    CHECK(end == text + 1);
    CHECK(PyOS_string_to_double("1e500", NULL, NULL) == Py_INFINITY);
    CHECK(PyOS_string_to_double("1e500", NULL, PyExc_OverflowError) == -1.0);
    CHECK_MESSAGE(PyExc_OverflowError,
                  "value too large to convert to float: '1e500'");
    CHECK(PyOS_string_to_double(" 1", NULL, NULL) == -1.0);
    CHECK_RAISES(PyExc_ValueError);
    text = "x1";
    CHECK(PyOS_string_to_double(text, &end, NULL) == -1.0);
    CHECK(end == text);
    CHECK_RAISES(PyExc_ValueError);
}

static void check_dts(double x, char code, int precision, int flags,
                      const char *expected, int line)
{
    char *text = PyOS_double_to_string(x, code, precision, flags, NULL);
    testlib_check(text != NULL && strcmp(text, expected) == 0,
                  expected, __FILE__, line);
    if (text != NULL && strcmp(text, expected) != 0) {
        fprintf(stderr, "    got \"%s\"\n", text);
    }
    PyMem_Free(text);
}
#define CHECK_DTS(x, c, p, f, text) check_dts((x), (c), (p), (f), (text), __LINE__)

static void test_pyos_double_to_string(void)
{
    CHECK_DTS(1.0, 'r', 0, 0, "1");
    CHECK_DTS(1.0, 'r', 0, Py_DTSF_ADD_DOT_0, "1.0");
    CHECK_DTS(1e16, 'r', 0, Py_DTSF_ADD_DOT_0, "1e+16");
    CHECK_DTS(0.5, 'r', 0, Py_DTSF_SIGN, "+0.5");
    CHECK_DTS(2.5, 'f', 0, 0, "2");
    CHECK_DTS(3.5, 'f', 0, 0, "4");
    CHECK_DTS(0.125, 'f', 2, 0, "0.12");
    CHECK_DTS(0.1, 'f', 20, 0, "0.10000000000000000555");
    CHECK_DTS(1e300, 'f', 0, 0, "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160");
    CHECK_DTS(1234.5, 'e', 3, 0, "1.234e+03");
    CHECK_DTS(1.0, 'e', 0, Py_DTSF_ALT, "1.e+00");
    CHECK_DTS(1e-7, 'E', 2, 0, "1.00E-07");
    CHECK_DTS(1e100, 'g', 3, 0, "1e+100");
    CHECK_DTS(0.0001, 'g', 6, Py_DTSF_ALT, "0.000100000");
    CHECK_DTS(123456.0, 'G', 3, 0, "1.23E+05");
    CHECK_DTS(12.0, 'g', 2, Py_DTSF_ADD_DOT_0, "1.2e+01");
    CHECK_DTS(1.0, 'g', 3, Py_DTSF_ADD_DOT_0, "1.0");
    CHECK_DTS(-0.0001, 'f', 2, Py_DTSF_NO_NEG_0, "0.00");
    CHECK_DTS(-0.0, 'r', 0, Py_DTSF_NO_NEG_0 | Py_DTSF_ADD_DOT_0, "0.0");
    CHECK_DTS(Py_INFINITY, 'F', 2, Py_DTSF_SIGN, "+INF");
    CHECK_DTS(-Py_INFINITY, 'e', 2, 0, "-inf");
    CHECK_DTS(-Py_NAN, 'g', 2, 0, "nan");
    int type = -1;
    char *text = PyOS_double_to_string(Py_NAN, 'r', 0, 0, &type);
    CHECK(type == Py_DTST_NAN);
    PyMem_Free(text);
    text = PyOS_double_to_string(1.0, 'r', 0, 0, &type);
    CHECK(type == Py_DTST_FINITE);
    PyMem_Free(text);
}

/* ---- arithmetic --------------------------------------------------- */

static void test_mod_and_floordiv_signs(void)
{
    PyNumberMethods *nb = PyFloat_Type.tp_as_number;
    static const struct {
        double a, b, floordiv, mod;
    } table[] = {
        {7.0, 3.0, 2.0, 1.0},
        {-7.0, 3.0, -3.0, 2.0},
        {7.0, -3.0, -3.0, -2.0},
        {-7.0, -3.0, 2.0, -1.0},
        {0.0, -1.0, -0.0, -0.0},
        {-0.0, 1.0, -0.0, 0.0},
        {1.0, INFINITY, 0.0, 1.0},
        {-1.0, INFINITY, -1.0, INFINITY},
        {1.0, -INFINITY, -1.0, -INFINITY},
        {0.5, 0.1, 4.0, 0.09999999999999998},
        {-1e-100, 1e100, -1.0, 1e100},
        {3.0, 0.5, 6.0, 0.0},
    };
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        double q = take_double(float_binop(nb->nb_floor_divide,
                                           table[i].a, table[i].b));
        double r = take_double(float_binop(nb->nb_remainder,
                                           table[i].a, table[i].b));
        CHECK(same_double(q, table[i].floordiv));
        CHECK(same_double(r, table[i].mod));
        PyObject *pair = float_binop(nb->nb_divmod, table[i].a, table[i].b);
        CHECK(pair != NULL && PyTuple_Check(pair)
              && same_double(PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(pair, 0)),
                             table[i].floordiv)
              && same_double(PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(pair, 1)),
                             table[i].mod));
        Py_XDECREF(pair);
    }
    CHECK(float_binop(nb->nb_true_divide, 1.0, 0.0) == NULL);
    CHECK_MESSAGE(PyExc_ZeroDivisionError, "division by zero");
    CHECK(float_binop(nb->nb_floor_divide, 1.0, 0.0) == NULL);
    CHECK_MESSAGE(PyExc_ZeroDivisionError, "division by zero");
    CHECK(float_binop(nb->nb_remainder, 1.0, -0.0) == NULL);
    CHECK_MESSAGE(PyExc_ZeroDivisionError, "division by zero");
    CHECK(float_binop(nb->nb_divmod, 1.0, 0.0) == NULL);
    CHECK_RAISES(PyExc_ZeroDivisionError);
}

static PyObject *float_pow(double a, double b)
{
    PyObject *x = PyFloat_FromDouble(a);
    PyObject *y = PyFloat_FromDouble(b);
    PyObject *result = PyFloat_Type.tp_as_number->nb_power(x, y, Py_None);
    Py_DECREF(x);
    Py_DECREF(y);
    return result;
}

static void test_pow(void)
{
    CHECK(take_double(float_pow(2.0, 10.0)) == 1024.0);
    CHECK(take_double(float_pow(-2.0, 3.0)) == -8.0);
    CHECK(take_double(float_pow(Py_NAN, 0.0)) == 1.0);
    CHECK(take_double(float_pow(1.0, Py_NAN)) == 1.0);
    CHECK(take_double(float_pow(-1.0, Py_INFINITY)) == 1.0);
    CHECK(take_double(float_pow(0.5, -Py_INFINITY)) == Py_INFINITY);
    CHECK(same_double(take_double(float_pow(-Py_INFINITY, -3.0)), -0.0));
    CHECK(same_double(take_double(float_pow(-0.0, 3.0)), -0.0));
    CHECK(same_double(take_double(float_pow(-0.0, 2.0)), 0.0));
    CHECK(float_pow(0.0, -1.0) == NULL);
    CHECK_MESSAGE(PyExc_ZeroDivisionError, "zero to a negative power");
    CHECK(float_pow(1e300, 2.0) == NULL);
    CHECK_MESSAGE(PyExc_OverflowError, "(34, 'Numerical result out of range')");
    CHECK(take_double(float_pow(2.0, -1074.5)) == 5e-324);
    PyObject *c = float_pow(-8.0, 1.0 / 3.0);
    CHECK(c != NULL && PyComplex_CheckExact(c));
    if (c != NULL && PyComplex_Check(c)) {
        CHECK(fabs(PyComplex_RealAsDouble(c) - 1.0) < 1e-15);
        CHECK(fabs(PyComplex_ImagAsDouble(c) - 1.7320508075688772) < 1e-15);
    }
    Py_XDECREF(c);
}

static PyObject *round_float(double x, PyObject *ndigits)
{
    PyObject *f = PyFloat_FromDouble(x);
    PyObject *result = f ? call_method(f, "__round__", ndigits) : NULL;
    Py_XDECREF(f);
    return result;
}

static double round_to(double x, long ndigits)
{
    PyObject *n = PyLong_FromLong(ndigits);
    double result = take_double(round_float(x, n));
    Py_DECREF(n);
    return result;
}

static long round_to_int(double x)
{
    PyObject *result = round_float(x, NULL);
    long value = (result && PyLong_Check(result)) ? PyLong_AsLong(result)
                                                  : -999;
    Py_XDECREF(result);
    return value;
}

static void test_round(void)
{
    CHECK(round_to(2.675, 2) == 2.67);
    CHECK(round_to(2.665, 2) == 2.67);
    CHECK(round_to(1.25, 1) == 1.2);
    CHECK(round_to(1.35, 1) == 1.4);
    CHECK(round_to(123.456, -1) == 120.0);
    CHECK(round_to(125.0, -1) == 120.0);
    CHECK(round_to(135.0, -1) == 140.0);
    CHECK(round_to(15.0, -1) == 20.0);
    CHECK(round_to(5.0, -1) == 0.0);
    CHECK(round_to(5.000001, -1) == 10.0);
    CHECK(round_to(1.5e300, -299) == 1.5e300);
    CHECK(round_to(1.5e300, -300) == 2e300);
    CHECK(round_to(2.5e23, -23) == 2e23);
    CHECK(round_to(5e-324, 323) == 0.0);
    CHECK(round_to(0.1, 400) == 0.1);
    CHECK(same_double(round_to(-0.0, 1), -0.0));
    CHECK(same_double(round_to(-0.4, 0), -0.0));
    CHECK(same_double(round_to(-1.0, -400), -0.0));
    CHECK(round_to_int(0.5) == 0);
    CHECK(round_to_int(1.5) == 2);
    CHECK(round_to_int(2.5) == 2);
    CHECK(round_to_int(-0.5) == 0);
    CHECK(round_to_int(-1.5) == -2);
    CHECK(round_to_int(2.4999999999999996) == 2);
    CHECK(!PyErr_Occurred());
    PyObject *n = PyLong_FromLong(-308);
    CHECK(round_float(1.7976931348623157e308, n) == NULL);
    CHECK_MESSAGE(PyExc_OverflowError, "rounded value too large to represent");
    Py_DECREF(n);
}

static void test_compare_with_int(void)
{
    PyObject *big = PyLong_FromString("9007199254740993", NULL, 10);
    PyObject *f = PyFloat_FromDouble(9007199254740992.0);
    CHECK(PyObject_RichCompareBool(f, big, Py_LT) == 1);
    CHECK(PyObject_RichCompareBool(f, big, Py_EQ) == 0);
    CHECK(PyObject_RichCompareBool(big, f, Py_GT) == 1);
    Py_DECREF(big);
    big = PyLong_FromString("9007199254740992", NULL, 10);
    CHECK(PyObject_RichCompareBool(f, big, Py_EQ) == 1);
    Py_DECREF(big);
    Py_DECREF(f);
    /* 1e300 is an exact integer with many digits. */
    big = PyLong_FromString("1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160", NULL, 10);
    f = PyFloat_FromDouble(1e300);
    CHECK(PyObject_RichCompareBool(f, big, Py_EQ) == 1);
    PyObject *one = PyLong_FromLong(1);
    PyObject *bigger = PyNumber_Add(big, one);
    CHECK(PyObject_RichCompareBool(f, bigger, Py_LT) == 1);
    Py_XDECREF(bigger);
    Py_DECREF(one);
    Py_DECREF(f);
    f = PyFloat_FromDouble(1e300 + 1e284);
    CHECK(PyObject_RichCompareBool(f, big, Py_GT) == 1);
    Py_DECREF(f);
    f = PyFloat_FromDouble(Py_INFINITY);
    CHECK(PyObject_RichCompareBool(f, big, Py_GT) == 1);
    Py_DECREF(f);
    f = PyFloat_FromDouble(Py_NAN);
    CHECK(PyObject_RichCompareBool(f, big, Py_EQ) == 0);
    CHECK(PyObject_RichCompareBool(f, big, Py_NE) == 1);
    Py_DECREF(f);
    PyObject *minus_big = PyLong_FromString("-100000000000000000000", NULL, 10);
    f = PyFloat_FromDouble(-1e20);
    CHECK(PyObject_RichCompareBool(f, minus_big, Py_EQ) == 1);
    Py_DECREF(f);
    f = PyFloat_FromDouble(-1.0000000000000002e20);
    CHECK(PyObject_RichCompareBool(f, minus_big, Py_LT) == 1);
    Py_DECREF(f);
    Py_DECREF(minus_big);
    Py_DECREF(big);
}

static void test_hash(void)
{
    PyObject *f = PyFloat_FromDouble(1.0);
    CHECK(PyObject_Hash(f) == 1);
    Py_DECREF(f);
    f = PyFloat_FromDouble(-1.0);
    CHECK(PyObject_Hash(f) == -2);
    Py_DECREF(f);
    f = PyFloat_FromDouble(0.5);
    CHECK(PyObject_Hash(f) == (Py_hash_t)1 << 60);
    Py_DECREF(f);
    PyObject *c = PyComplex_FromDoubles(2.0, 0.0);
    CHECK(PyObject_Hash(c) == 2);
    Py_DECREF(c);
    c = PyComplex_FromDoubles(0.0, 1.0);
    CHECK(PyObject_Hash(c) == 1000003);
    Py_DECREF(c);
}

/* ---- methods ------------------------------------------------------ */

static void check_hex(double x, const char *expected, int line)
{
    PyObject *f = PyFloat_FromDouble(x);
    testlib_check_str(f ? call_method(f, "hex", NULL) : NULL, expected,
                      __FILE__, line);
    Py_XDECREF(f);
}

static double fromhex(const char *text)
{
    PyObject *str = PyUnicode_FromString(text);
    PyObject *result = call_method((PyObject *)&PyFloat_Type, "fromhex", str);
    Py_DECREF(str);
    return take_double(result);
}

static void test_hex_fromhex(void)
{
    check_hex(1.0, "0x1.0000000000000p+0", __LINE__);
    check_hex(0.1, "0x1.999999999999ap-4", __LINE__);
    check_hex(0.0, "0x0.0p+0", __LINE__);
    check_hex(-0.0, "-0x0.0p+0", __LINE__);
    check_hex(5e-324, "0x0.0000000000001p-1022", __LINE__);
    check_hex(2.2250738585072014e-308, "0x1.0000000000000p-1022", __LINE__);
    check_hex(DBL_MAX, "0x1.fffffffffffffp+1023", __LINE__);
    check_hex(-2.5, "-0x1.4000000000000p+1", __LINE__);
    check_hex(Py_INFINITY, "inf", __LINE__);
    check_hex(Py_NAN, "nan", __LINE__);
    CHECK(fromhex("0x1.999999999999ap-4") == 0.1);
    CHECK(fromhex("  -0X1.8P+1  ") == -3.0);
    CHECK(fromhex("1.") == 1.0);
    CHECK(fromhex(".8") == 0.5);
    CHECK(fromhex("0x1p-1074") == 5e-324);
    CHECK(fromhex("0x1p-1075") == 0.0);
    CHECK(fromhex("0x1.00000000000001p-1074") == 5e-324);
    CHECK(fromhex("0x3p-1076") == 5e-324);
    CHECK(fromhex("0x7p-1076") == 1e-323);
    CHECK(fromhex("0x1.00000000000008p0") == 1.0);
    CHECK(fromhex("0x1.00000000000018p0") == 1.0000000000000004);
    CHECK(fromhex("0x1.000000000000080000001p0") == 1.0000000000000002);
    CHECK(fromhex("0x.0000000000000000000001p88") == 1.0);
    CHECK(fromhex("0x1.fffffffffffff7p1023") == DBL_MAX);
    CHECK(fromhex("0X0p9999999999999") == 0.0);
    CHECK(fromhex("Infinity") == Py_INFINITY);
    CHECK(isnan(fromhex("-nan")));
    CHECK(!PyErr_Occurred());
    fromhex("0x1.fffffffffffff8p1023");
    CHECK_MESSAGE(PyExc_OverflowError,
                  "hexadecimal value too large to represent as a float");
    const char *bad[] = {"0x.p1", "0x", "1p", "0x1.8p", "0x1_0", "zz", "",
                         "0x1p+", "1.5 x"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        fromhex(bad[i]);
        CHECK_MESSAGE(PyExc_ValueError,
                      "invalid hexadecimal floating-point string");
    }
}

static void test_integer_ratio_and_is_integer(void)
{
    PyObject *f = PyFloat_FromDouble(0.75);
    CHECK_STR(repr_of(call_method(f, "as_integer_ratio", NULL)),
              "(3, 4)");
    Py_DECREF(f);
    f = PyFloat_FromDouble(-1e20);
    CHECK_STR(repr_of(call_method(f, "as_integer_ratio", NULL)),
              "(-100000000000000000000, 1)");
    PyObject *r = call_method(f, "is_integer", NULL);
    CHECK(r == Py_True);
    Py_XDECREF(r);
    Py_DECREF(f);
    f = PyFloat_FromDouble(0.1);
    CHECK_STR(repr_of(call_method(f, "as_integer_ratio", NULL)),
              "(3602879701896397, 36028797018963968)");
    r = call_method(f, "is_integer", NULL);
    CHECK(r == Py_False);
    Py_XDECREF(r);
    Py_DECREF(f);
    f = PyFloat_FromDouble(Py_INFINITY);
    CHECK(call_method(f, "as_integer_ratio", NULL) == NULL);
    CHECK_MESSAGE(PyExc_OverflowError,
                  "cannot convert Infinity to integer ratio");
    Py_DECREF(f);
    f = PyFloat_FromDouble(Py_NAN);
    CHECK(call_method(f, "as_integer_ratio", NULL) == NULL);
    CHECK_MESSAGE(PyExc_ValueError, "cannot convert NaN to integer ratio");
    Py_DECREF(f);
}

static void test_getformat_and_pack(void)
{
    PyObject *which = PyUnicode_FromString("double");
    CHECK_STR(call_method((PyObject *)&PyFloat_Type, "__getformat__", which),
              "IEEE, little-endian");
    Py_DECREF(which);
    which = PyUnicode_FromString("long double");
    CHECK(call_method((PyObject *)&PyFloat_Type, "__getformat__", which)
          == NULL);
    CHECK_MESSAGE(PyExc_ValueError,
                  "__getformat__() argument 1 must be 'double' or 'float'");
    Py_DECREF(which);

    char buf[8];
    CHECK(PyFloat_Pack2(1.5, buf, 1) == 0);
    CHECK((unsigned char)buf[0] == 0x00 && (unsigned char)buf[1] == 0x3e);
    CHECK(PyFloat_Unpack2(buf, 1) == 1.5);
    CHECK(PyFloat_Pack2(65504.0, buf, 0) == 0);
    CHECK((unsigned char)buf[0] == 0x7b && (unsigned char)buf[1] == 0xff);
    CHECK(PyFloat_Unpack2(buf, 0) == 65504.0);
    CHECK(PyFloat_Pack2(65520.0, buf, 1) == -1);
    CHECK_MESSAGE(PyExc_OverflowError, "float too large to pack with e format");
    CHECK(PyFloat_Pack2(5.960464477539063e-08, buf, 1) == 0);
    CHECK(PyFloat_Unpack2(buf, 1) == 5.960464477539063e-08);
    CHECK(PyFloat_Pack2(1.0 + 1.0 / 2048, buf, 1) == 0);   /* tie: even */
    CHECK(PyFloat_Unpack2(buf, 1) == 1.0);
    CHECK(PyFloat_Pack4(0.1, buf, 0) == 0);
    CHECK((unsigned char)buf[0] == 0x3d && (unsigned char)buf[3] == 0xcd);
    CHECK(PyFloat_Unpack4(buf, 0) == (double)0.1f);
    CHECK(PyFloat_Pack4(1e40, buf, 1) == -1);
    CHECK_RAISES(PyExc_OverflowError);
    CHECK(PyFloat_Pack8(-2.5, buf, 0) == 0);
    CHECK((unsigned char)buf[0] == 0xc0 && (unsigned char)buf[1] == 0x04);
    CHECK(PyFloat_Unpack8(buf, 0) == -2.5);
    CHECK(PyFloat_Pack8(-2.5, buf, 1) == 0);
    CHECK(PyFloat_Unpack8(buf, 1) == -2.5);
}

/* ---- format specs ------------------------------------------------- */

static void test_format_float(void)
{
    CHECK_FORMAT_FLOAT(1234567.891, ",.2f", "1,234,567.89");
    CHECK_FORMAT_FLOAT(0.5, "%", "50.000000%");
    CHECK_FORMAT_FLOAT(0.5, ".0%", "50%");
    CHECK_FORMAT_FLOAT(1.0, "", "1.0");
    CHECK_FORMAT_FLOAT(1e16, "", "1e+16");
    CHECK_FORMAT_FLOAT(12.0, ".2", "1.2e+01");
    CHECK_FORMAT_FLOAT(1.0, ".3", "1.0");
    CHECK_FORMAT_FLOAT(1234.5, "#.3g", "1.23e+03");
    CHECK_FORMAT_FLOAT(12.5, "#.0f", "12.");
    CHECK_FORMAT_FLOAT(1234.5, "010,", "0,001,234.5");
    CHECK_FORMAT_FLOAT(1234.5, "012,.1e", "00,001.2e+03");
    CHECK_FORMAT_FLOAT(1e20, "015,", "000,000,001e+20");
    CHECK_FORMAT_FLOAT(1e20, ",.0f", "100,000,000,000,000,000,000");
    CHECK_FORMAT_FLOAT(-1.5, "0>10", "000000-1.5");
    CHECK_FORMAT_FLOAT(1.5, "0^10", "0001.50000");
    CHECK_FORMAT_FLOAT(-1.5, "*^+9", "**-1.5***");
    CHECK_FORMAT_FLOAT(1.5, " ", " 1.5");
    CHECK_FORMAT_FLOAT(-0.0, "z", "0.0");
    CHECK_FORMAT_FLOAT(-0.0001, "z.2f", "0.00");
    CHECK_FORMAT_FLOAT(-1e-10, "z", "-1e-10");
    CHECK_FORMAT_FLOAT(Py_NAN, "010", "0000000nan");
    CHECK_FORMAT_FLOAT(Py_NAN, "+010,", "+000000nan");
    CHECK_FORMAT_FLOAT(-Py_INFINITY, "010", "-000000inf");
    CHECK_FORMAT_FLOAT(Py_INFINITY, "=+10", "+      inf");
    CHECK_FORMAT_FLOAT(Py_INFINITY, "F", "INF");
    CHECK_FORMAT_FLOAT(1.0, "E", "1.000000E+00");
    CHECK_FORMAT_FLOAT(1234567.0, "n", "1.23457e+06");
    CHECK_FORMAT_FLOAT(1234.5678, "_.2f", "1_234.57");
    /* 3.14: grouping of the fraction digits. */
    CHECK_FORMAT_FLOAT(123456.123456, "_._f", "123_456.123_456");
    CHECK_FORMAT_FLOAT(123456.123456, "._f", "123456.123_456");
    CHECK_FORMAT_FLOAT(123456.123456, ".4_f", "123456.123_5");
    CHECK_FORMAT_FLOAT(123456.123456, ".4,f", "123456.123,5");
    CHECK_FORMAT_FLOAT(123456789.123456789, ".,", "123456789.123,456,79");
    CHECK_FORMAT_FLOAT(123456789.123456789, ",._", "123,456,789.123_456_79");
    CHECK(format_obj(PyFloat_FromDouble(1.0), "d") == NULL);
    CHECK_MESSAGE(PyExc_ValueError,
                  "Unknown format code 'd' for object of type 'float'");
    CHECK(format_obj(PyFloat_FromDouble(1.0), ".f") == NULL);
    CHECK_MESSAGE(PyExc_ValueError, "Format specifier missing precision");
    CHECK(format_obj(PyFloat_FromDouble(1.0), "_n") == NULL);
    CHECK_MESSAGE(PyExc_ValueError, "Cannot specify '_' with 'n'.");
    CHECK(format_obj(PyFloat_FromDouble(1.0), ",_") == NULL);
    CHECK_MESSAGE(PyExc_ValueError, "Cannot specify both ',' and '_'.");
    CHECK(format_obj(PyFloat_FromDouble(1.0), "xyz") == NULL);
    CHECK_MESSAGE(PyExc_ValueError,
                  "Invalid format specifier 'xyz' for object of type 'float'");
    CHECK(format_obj(PyFloat_FromDouble(1.0), ".99999999999999999999") == NULL);
    CHECK_MESSAGE(PyExc_ValueError, "Too many decimal digits in format string");
}

static void test_format_int(void)
{
    CHECK_FORMAT_INT(255, "#x", "0xff");
    CHECK_FORMAT_INT(255, "#X", "0XFF");
    CHECK_FORMAT_INT(255, "#o", "0o377");
    CHECK_FORMAT_INT(255, "#b", "0b11111111");
    CHECK_FORMAT_INT(-255, "#x", "-0xff");
    CHECK_FORMAT_INT(-255, "+#010x", "-0x00000ff");
    CHECK_FORMAT_INT(255, "#010_x", "0x000_00ff");
    CHECK_FORMAT_INT(255, "#012_b", "0b0_1111_1111");
    CHECK_FORMAT_INT(12345678, "_x", "bc_614e");
    CHECK_FORMAT_INT(1234, "010,", "00,001,234");
    CHECK_FORMAT_INT(1234, "09,", "0,001,234");
    CHECK_FORMAT_INT(1234, "08,", "0,001,234");
    CHECK_FORMAT_INT(1234, "07,", "001,234");
    CHECK_FORMAT_INT(-1234, "010,", "-0,001,234");
    CHECK_FORMAT_INT(1234, "+010_", "+0_001_234");
    CHECK_FORMAT_INT(0, "010,", "00,000,000");
    CHECK_FORMAT_INT(1234, "x<10,", "1,234xxxxx");
    CHECK_FORMAT_INT(1234, "*^11,", "***1,234***");
    CHECK_FORMAT_INT(-1234, "*=11,", "-*****1,234");
    CHECK_FORMAT_INT(-12, "=10", "-       12");
    CHECK_FORMAT_INT(12, "0=10,", "00,000,012");
    CHECK_FORMAT_INT(1234567, "n", "1234567");
    CHECK_FORMAT_INT(65, "^5c", "  A  ");
    CHECK_FORMAT_INT(0x1F600, "c", "\xf0\x9f\x98\x80");
    CHECK_FORMAT_INT(1, "e", "1.000000e+00");
    CHECK_FORMAT_INT(1, "%", "100.000000%");
    CHECK_FORMAT_INT(3, ">4", "   3");
    CHECK_FORMAT_INT(3, " ", " 3");
    CHECK(format_obj(PyLong_FromLong(1), ".2d") == NULL);
    CHECK_MESSAGE(PyExc_ValueError,
                  "Precision not allowed in integer format specifier");
    CHECK(format_obj(PyLong_FromLong(1), "+c") == NULL);
    CHECK_MESSAGE(PyExc_ValueError,
                  "Sign not allowed with integer format specifier 'c'");
    CHECK(format_obj(PyLong_FromLong(1), "#c") == NULL);
    CHECK_MESSAGE(PyExc_ValueError,
                  "Alternate form (#) not allowed with integer format "
                  "specifier 'c'");
    CHECK(format_obj(PyLong_FromLong(-1), "c") == NULL);
    CHECK_MESSAGE(PyExc_OverflowError, "%c arg not in range(0x110000)");
    CHECK(format_obj(PyLong_FromLong(1), "zd") == NULL);
    CHECK_MESSAGE(PyExc_ValueError,
                  "Negative zero coercion (z) not allowed in integer format "
                  "specifier");
    CHECK(format_obj(PyLong_FromLong(1), ",x") == NULL);
    CHECK_MESSAGE(PyExc_ValueError, "Cannot specify ',' with 'x'.");
    CHECK(format_obj(PyLong_FromLong(1), ",,") == NULL);
    CHECK_MESSAGE(PyExc_ValueError, "Cannot specify ',' with ','.");
    CHECK(format_obj(PyLong_FromLong(1), "s") == NULL);
    CHECK_MESSAGE(PyExc_ValueError,
                  "Unknown format code 's' for object of type 'int'");
    CHECK(format_obj(PyLong_FromLong(1), "\xc3\xa9") == NULL);
    CHECK_MESSAGE(PyExc_ValueError,
                  "Unknown format code '\\xe9' for object of type 'int'");
}

static void test_format_str(void)
{
    CHECK_FORMAT_STR("ab", "^6", "  ab  ");
    CHECK_FORMAT_STR("ab", "^7", "  ab   ");
    CHECK_FORMAT_STR("ab", ">5", "   ab");
    CHECK_FORMAT_STR("ab", "5", "ab   ");
    CHECK_FORMAT_STR("ab", "05", "ab000");
    CHECK_FORMAT_STR("abc", ".2", "ab");
    CHECK_FORMAT_STR("abc", "x^7.1", "xxxaxxx");
    CHECK_FORMAT_STR("\xc3\xa9", "\xe2\x82\xac^5", "\xe2\x82\xac\xe2\x82\xac\xc3\xa9\xe2\x82\xac\xe2\x82\xac");
    CHECK_FORMAT_STR("abc", "", "abc");
    CHECK_FORMAT_STR("abc", "s", "abc");
    CHECK(format_obj(PyUnicode_FromString("a"), "+") == NULL);
    CHECK_MESSAGE(PyExc_ValueError,
                  "Sign not allowed in string format specifier");
    CHECK(format_obj(PyUnicode_FromString("a"), "#") == NULL);
    CHECK_MESSAGE(PyExc_ValueError,
                  "Alternate form (#) not allowed in string format specifier");
    CHECK(format_obj(PyUnicode_FromString("a"), "=") == NULL);
    CHECK_MESSAGE(PyExc_ValueError,
                  "'=' alignment not allowed in string format specifier");
    CHECK(format_obj(PyUnicode_FromString("a"), ",") == NULL);
    CHECK_MESSAGE(PyExc_ValueError, "Cannot specify ',' with 's'.");
    CHECK(format_obj(PyUnicode_FromString("a"), "d") == NULL);
    CHECK_MESSAGE(PyExc_ValueError,
                  "Unknown format code 'd' for object of type 'str'");
}

static void test_format_complex(void)
{
    CHECK_FORMAT_COMPLEX(1.0, 2.0, "", "(1+2j)");
    CHECK_FORMAT_COMPLEX(1.0, 2.0, ">20", "              (1+2j)");
    CHECK_FORMAT_COMPLEX(1.0, 2.0, ".2", "(1+2j)");
    CHECK_FORMAT_COMPLEX(0.0, 1.0, ".2", "1j");
    CHECK_FORMAT_COMPLEX(1.0, 2.0, "e", "1.000000e+00+2.000000e+00j");
    CHECK_FORMAT_COMPLEX(1.0, 2.0, "^20.2f", "     1.00+2.00j     ");
    CHECK_FORMAT_COMPLEX(1.0, 2.0, "+g", "+1+2j");
    CHECK_FORMAT_COMPLEX(1.0, 2.0, " g", " 1+2j");
    CHECK_FORMAT_COMPLEX(1.0, -2.0, " ", "( 1-2j)");
    CHECK_FORMAT_COMPLEX(1.0, 2.0, "#g", "1.00000+2.00000j");
    CHECK_FORMAT_COMPLEX(Py_INFINITY, Py_NAN, "+g", "+inf+nanj");
    CHECK_FORMAT_COMPLEX(1234.5, 6789.0, ",.2f", "1,234.50+6,789.00j");
    CHECK_FORMAT_COMPLEX(0.0, 1e20, ".3", "1e+20j");
    CHECK(format_obj(PyComplex_FromDoubles(1, 1), "010") == NULL);
    CHECK_MESSAGE(PyExc_ValueError,
                  "Zero padding is not allowed in complex format specifier");
    CHECK(format_obj(PyComplex_FromDoubles(1, 1), "=10") == NULL);
    CHECK_MESSAGE(PyExc_ValueError,
                  "'=' alignment flag is not allowed in complex format "
                  "specifier");
    CHECK(format_obj(PyComplex_FromDoubles(1, 1), "%") == NULL);
    CHECK_MESSAGE(PyExc_ValueError,
                  "Unknown format code '%' for object of type 'complex'");
}

/* ---- complex ------------------------------------------------------ */

static void check_complex_repr(double re, double im, const char *expected,
                               int line)
{
    PyObject *c = PyComplex_FromDoubles(re, im);
    testlib_check_str(c ? PyObject_Repr(c) : NULL, expected, __FILE__, line);
    Py_XDECREF(c);
}
#define CHECK_COMPLEX_REPR(re, im, text) \
    check_complex_repr((re), (im), (text), __LINE__)

static void test_complex_repr(void)
{
    CHECK_COMPLEX_REPR(1.0, 2.0, "(1+2j)");
    CHECK_COMPLEX_REPR(0.0, 1.0, "1j");
    CHECK_COMPLEX_REPR(-0.0, -0.0, "(-0-0j)");
    CHECK_COMPLEX_REPR(0.0, -0.0, "-0j");
    CHECK_COMPLEX_REPR(-0.0, -1.0, "(-0-1j)");
    CHECK_COMPLEX_REPR(1.5, -0.1, "(1.5-0.1j)");
    CHECK_COMPLEX_REPR(1e20, 1.0, "(1e+20+1j)");
    CHECK_COMPLEX_REPR(Py_INFINITY, Py_NAN, "(inf+nanj)");
    CHECK_COMPLEX_REPR(Py_NAN, -Py_INFINITY, "(nan-infj)");
    CHECK_COMPLEX_REPR(0.0, 0.0, "0j");
}

/* complex(args...) through tp_new; consumes the arguments. */
static PyObject *make_complex(PyObject *a, PyObject *b)
{
    PyObject *args = b ? PyTuple_Pack(2, a, b) : PyTuple_Pack(1, a);
    Py_DECREF(a);
    Py_XDECREF(b);
    if (args == NULL) {
        return NULL;
    }
    PyObject *result = PyComplex_Type.tp_new(&PyComplex_Type, args, NULL);
    Py_DECREF(args);
    return result;
}

static int complex_is(PyObject *c, double re, double im)
{
    int ok = c != NULL && PyComplex_Check(c)
             && same_double(PyComplex_RealAsDouble(c), re)
             && same_double(PyComplex_ImagAsDouble(c), im);
    Py_XDECREF(c);
    return ok;
}

static PyObject *complex_str(const char *text)
{
    return make_complex(PyUnicode_FromString(text), NULL);
}

static void test_complex_parse(void)
{
    CHECK(complex_is(complex_str("1+2j"), 1.0, 2.0));
    CHECK(complex_is(complex_str(" ( 1.5-2.5J ) "), 1.5, -2.5));
    CHECK(complex_is(complex_str("j"), 0.0, 1.0));
    CHECK(complex_is(complex_str("-j"), 0.0, -1.0));
    CHECK(complex_is(complex_str("1-j"), 1.0, -1.0));
    CHECK(complex_is(complex_str("3"), 3.0, 0.0));
    CHECK(complex_is(complex_str("-1e3j"), 0.0, -1000.0));
    CHECK(complex_is(complex_str("1_0+2_0j"), 10.0, 20.0));
    CHECK(complex_is(complex_str("inf-nanj"), Py_INFINITY, -Py_NAN));
    CHECK(complex_is(complex_str("-0-0j"), -0.0, -0.0));
    CHECK(!PyErr_Occurred());
    const char *bad[] = {"", "1+", "1 + 2j", "(1+2j", "1+2j)", "1+2", "jj",
                         "1+-2j", "x", "()", "1e"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        CHECK(complex_str(bad[i]) == NULL);
        CHECK_MESSAGE(PyExc_ValueError, "complex() arg is a malformed string");
    }
    CHECK(complex_str("1__0j") == NULL);
    CHECK_MESSAGE(PyExc_ValueError,
                  "could not convert string to complex: '1__0j'");
    CHECK(make_complex(PyUnicode_FromString("1"), PyLong_FromLong(2)) == NULL);
    CHECK_MESSAGE(PyExc_TypeError,
                  "complex() argument 'real' must be a real number, not str");
    CHECK(make_complex(PyLong_FromLong(1), PyUnicode_FromString("2")) == NULL);
    CHECK_MESSAGE(PyExc_TypeError,
                  "complex() argument 'imag' must be a real number, not str");
    CHECK(make_complex(PyList_New(0), NULL) == NULL);
    CHECK_MESSAGE(PyExc_TypeError,
                  "complex() argument must be a string or a number, not list");
    CHECK(complex_is(make_complex(PyLong_FromLong(3), PyFloat_FromDouble(-0.0)),
                     3.0, -0.0));
    CHECK(complex_is(make_complex(PyFloat_FromDouble(1.5), NULL), 1.5, 0.0));
}

static PyObject *complex_binop(binaryfunc op, PyObject *a, PyObject *b)
{
    PyObject *result = (a && b) ? op(a, b) : NULL;
    Py_XDECREF(a);
    Py_XDECREF(b);
    return result;
}

static void test_complex_arithmetic(void)
{
    PyNumberMethods *nb = PyComplex_Type.tp_as_number;
    CHECK(complex_is(complex_binop(nb->nb_multiply,
                                   PyComplex_FromDoubles(1, 2),
                                   PyComplex_FromDoubles(3, 4)),
                     -5.0, 10.0));
    CHECK(complex_is(complex_binop(nb->nb_true_divide,
                                   PyComplex_FromDoubles(-5, 10),
                                   PyComplex_FromDoubles(3, 4)),
                     1.0, 2.0));
    /* Mixed-mode (3.14): the real operand does not bring a +0j. */
    CHECK(complex_is(complex_binop(nb->nb_subtract, PyLong_FromLong(2),
                                   PyComplex_FromDoubles(0.0, 0.0)),
                     2.0, -0.0));
    CHECK(complex_is(complex_binop(nb->nb_multiply,
                                   PyComplex_FromDoubles(Py_INFINITY, 1.0),
                                   PyFloat_FromDouble(2.0)),
                     Py_INFINITY, 2.0));
    CHECK(complex_is(complex_binop(nb->nb_add, PyFloat_FromDouble(1.5),
                                   PyComplex_FromDoubles(1.0, -0.0)),
                     2.5, -0.0));
    CHECK(complex_binop(nb->nb_true_divide, PyComplex_FromDoubles(1, 1),
                        PyComplex_FromDoubles(0, 0)) == NULL);
    CHECK_MESSAGE(PyExc_ZeroDivisionError, "division by zero");
    CHECK(complex_binop(nb->nb_true_divide, PyComplex_FromDoubles(1, 1),
                        PyLong_FromLong(0)) == NULL);
    CHECK_RAISES(PyExc_ZeroDivisionError);
    /* Annex G recovery: infinite / finite stays infinite. */
    PyObject *q = complex_binop(nb->nb_true_divide,
                                PyComplex_FromDoubles(Py_INFINITY, Py_NAN),
                                PyComplex_FromDoubles(1.0, 1.0));
    CHECK(q != NULL && isinf(PyComplex_RealAsDouble(q)));
    Py_XDECREF(q);

    PyObject *base = PyComplex_FromDoubles(1.0, 2.0);
    PyObject *two = PyLong_FromLong(2);
    CHECK(complex_is(nb->nb_power(base, two, Py_None), -3.0, 4.0));
    Py_DECREF(two);
    PyObject *minus_one = PyLong_FromLong(-1);
    CHECK(complex_is(nb->nb_power(base, minus_one, Py_None), 0.2, -0.4));
    Py_DECREF(minus_one);
    Py_DECREF(base);
    PyObject *zero = PyComplex_FromDoubles(0.0, 0.0);
    PyObject *neg = PyFloat_FromDouble(-1.0);
    CHECK(nb->nb_power(zero, neg, Py_None) == NULL);
    CHECK_MESSAGE(PyExc_ZeroDivisionError,
                  "zero to a negative or complex power");
    Py_DECREF(neg);
    Py_DECREF(zero);
    PyObject *big = PyComplex_FromDoubles(1.5e308, 1.5e308);
    CHECK(nb->nb_absolute(big) == NULL);
    CHECK_MESSAGE(PyExc_OverflowError, "absolute value too large");
    Py_DECREF(big);
    PyObject *c = PyComplex_FromDoubles(3.0, 4.0);
    CHECK(take_double(nb->nb_absolute(c)) == 5.0);
    Py_DECREF(c);
}

static void test_complex_compare(void)
{
    PyObject *c = PyComplex_FromDoubles(2.0, 0.0);
    PyObject *two = PyLong_FromLong(2);
    PyObject *f = PyFloat_FromDouble(2.0);
    CHECK(PyObject_RichCompareBool(c, two, Py_EQ) == 1);
    CHECK(PyObject_RichCompareBool(c, f, Py_EQ) == 1);
    CHECK(PyObject_RichCompareBool(two, c, Py_EQ) == 1);
    CHECK(PyComplex_Type.tp_richcompare(c, two, Py_LT) == Py_NotImplemented);
    PyObject *d = PyComplex_FromDoubles(2.0, 1.0);
    CHECK(PyObject_RichCompareBool(c, d, Py_NE) == 1);
    Py_DECREF(d);
    Py_DECREF(f);
    Py_DECREF(two);
    Py_DECREF(c);
    PyObject *big = PyLong_FromString("9007199254740993", NULL, 10);
    c = PyComplex_FromDoubles(9007199254740992.0, 0.0);
    CHECK(PyObject_RichCompareBool(c, big, Py_EQ) == 0);
    Py_DECREF(c);
    Py_DECREF(big);
}

static void test_complex_c_api(void)
{
    Py_complex v = {1.5, -2.0};
    PyObject *c = PyComplex_FromCComplex(v);
    Py_complex back = PyComplex_AsCComplex(c);
    CHECK(back.real == 1.5 && back.imag == -2.0);
    Py_DECREF(c);
    PyObject *f = PyFloat_FromDouble(4.0);
    back = PyComplex_AsCComplex(f);
    CHECK(back.real == 4.0 && back.imag == 0.0);
    CHECK(PyComplex_ImagAsDouble(f) == 0.0);
    Py_DECREF(f);
    PyObject *s = PyUnicode_FromString("1");
    CHECK(PyComplex_RealAsDouble(s) == -1.0);
    CHECK_RAISES(PyExc_TypeError);
    Py_DECREF(s);
    Py_complex q = _Py_c_quot((Py_complex){1.0, 0.0}, (Py_complex){0.0, 2.0});
    CHECK(q.real == 0.0 && q.imag == -0.5);
    CHECK(_Py_c_abs((Py_complex){Py_NAN, Py_INFINITY}) == Py_INFINITY);
}

/* ---- subclasses, conversions and small methods -------------------- */

static PyObject *make_float_subclass(void)
{
    PyType_Slot slots[] = {{0, NULL}};
    PyType_Spec spec = {
        .name = "test_float.FloatSub",
        .basicsize = 0,
        /* Collectable, like the type a class statement makes. */
        .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
        .slots = slots,
    };
    return PyType_FromSpecWithBases(&spec, (PyObject *)&PyFloat_Type);
}

static void test_subclass(void)
{
    PyObject *sub = make_float_subclass();
    CHECK(sub != NULL);
    if (sub == NULL) {
        return;
    }
    PyObject *text = PyUnicode_FromString(" 1.5 ");
    PyObject *f = PyObject_CallOneArg(sub, text);
    Py_DECREF(text);
    CHECK(f != NULL && Py_TYPE(f) == (PyTypeObject *)sub);
    if (f != NULL) {
        CHECK(PyFloat_Check(f) && !PyFloat_CheckExact(f));
        CHECK(PyFloat_AS_DOUBLE(f) == 1.5);
        CHECK(PyFloat_AsDouble(f) == 1.5);
        CHECK_STR(PyObject_Repr(f), "1.5");
        /* Arithmetic and +x give exact floats. */
        PyObject *plus = PyNumber_Positive(f);
        CHECK(plus != NULL && PyFloat_CheckExact(plus));
        Py_XDECREF(plus);
        PyObject *sum = PyNumber_Add(f, f);
        CHECK(sum != NULL && PyFloat_CheckExact(sum)
              && PyFloat_AS_DOUBLE(sum) == 3.0);
        Py_XDECREF(sum);
        PyObject *hex = PyUnicode_FromString("0x1p-1");
        PyObject *half = call_method(sub, "fromhex", hex);
        CHECK(half != NULL && Py_TYPE(half) == (PyTypeObject *)sub
              && PyFloat_AS_DOUBLE(half) == 0.5);
        Py_XDECREF(half);
        Py_DECREF(hex);
        PyObject *two = PyLong_FromLong(2);
        PyObject *from = call_method(sub, "from_number", two);
        CHECK(from != NULL && Py_TYPE(from) == (PyTypeObject *)sub
              && PyFloat_AS_DOUBLE(from) == 2.0);
        Py_XDECREF(from);
        Py_DECREF(two);
        Py_DECREF(f);
    }
    PyObject *empty = PyObject_CallNoArgs(sub);
    CHECK(empty != NULL && PyFloat_AS_DOUBLE(empty) == 0.0);
    Py_XDECREF(empty);
    Py_DECREF(sub);
}

static void test_small_methods(void)
{
    PyObject *f = PyFloat_FromDouble(-2.5);
    PyObject *r = call_method(f, "__trunc__", NULL);
    CHECK(r != NULL && PyLong_AsLong(r) == -2);
    Py_XDECREF(r);
    r = call_method(f, "__floor__", NULL);
    CHECK(r != NULL && PyLong_AsLong(r) == -3);
    Py_XDECREF(r);
    r = call_method(f, "__ceil__", NULL);
    CHECK(r != NULL && PyLong_AsLong(r) == -2);
    Py_XDECREF(r);
    r = call_method(f, "conjugate", NULL);
    CHECK(r == f);
    Py_XDECREF(r);
    CHECK_STR(repr_of(call_method(f, "__getnewargs__", NULL)), "(-2.5,)");
    r = PyObject_GetAttrString(f, "real");
    CHECK(r != NULL && PyFloat_AS_DOUBLE(r) == -2.5);
    Py_XDECREF(r);
    r = PyObject_GetAttrString(f, "imag");
    CHECK(r != NULL && PyFloat_AS_DOUBLE(r) == 0.0);
    Py_XDECREF(r);
    r = PyNumber_Long(f);
    CHECK(r != NULL && PyLong_AsLong(r) == -2);
    Py_XDECREF(r);
    Py_DECREF(f);

    f = PyFloat_FromDouble(Py_NAN);
    CHECK(PyNumber_Long(f) == NULL);
    CHECK_MESSAGE(PyExc_ValueError, "cannot convert float NaN to integer");
    Py_DECREF(f);
    f = PyFloat_FromDouble(-Py_INFINITY);
    CHECK(call_method(f, "__floor__", NULL) == NULL);
    CHECK_MESSAGE(PyExc_OverflowError,
                  "cannot convert float infinity to integer");
    Py_DECREF(f);

    PyObject *str = PyUnicode_FromString("1.5");
    CHECK(call_method((PyObject *)&PyFloat_Type, "from_number", str) == NULL);
    CHECK_MESSAGE(PyExc_TypeError, "must be real number, not str");
    PyObject *from = PyObject_CallOneArg((PyObject *)&PyFloat_Type, str);
    CHECK(from != NULL && PyFloat_AS_DOUBLE(from) == 1.5);
    Py_XDECREF(from);
    Py_DECREF(str);
    PyObject *big = PyLong_FromString("1" "000000000000000000000000000000000000"
                                      "0000000000000000000000000000000000000"
                                      "0000000000000000000000000000000000000"
                                      "0000000000000000000000000000000000000"
                                      "0000000000000000000000000000000000000"
                                      "0000000000000000000000000000000000000"
                                      "0000000000000000000000000000000000000"
                                      "0000000000000000000000000000000000000"
                                      "0000000000000000000000000000000000000",
                                      NULL, 10);
    f = PyFloat_FromDouble(1.0);
    CHECK(PyNumber_Add(f, big) == NULL);
    CHECK_MESSAGE(PyExc_OverflowError, "int too large to convert to float");
    Py_DECREF(f);
    Py_DECREF(big);

    PyObject *c = PyComplex_FromDoubles(3.0, -4.0);
    CHECK_STR(repr_of(call_method(c, "conjugate", NULL)), "(3+4j)");
    CHECK_STR(repr_of(call_method(c, "__getnewargs__", NULL)),
              "(3.0, -4.0)");
    r = call_method(c, "__complex__", NULL);
    CHECK(r == c);
    Py_XDECREF(r);
    r = PyObject_GetAttrString(c, "imag");
    CHECK(r != NULL && PyFloat_AS_DOUBLE(r) == -4.0);
    Py_XDECREF(r);
    Py_DECREF(c);
    PyObject *seven = PyLong_FromLong(7);
    CHECK_STR(repr_of(call_method((PyObject *)&PyComplex_Type, "from_number",
                                  seven)), "(7+0j)");
    Py_DECREF(seven);
    str = PyUnicode_FromString("1");
    CHECK(call_method((PyObject *)&PyComplex_Type, "from_number", str)
          == NULL);
    CHECK_MESSAGE(PyExc_TypeError, "must be real number, not str");
    Py_DECREF(str);
}

void suite_float(void)
{
    RUN(test_repr_table);
    RUN(test_repr_roundtrip_random);
    RUN(test_repr_is_shortest);
    RUN(test_parse_correctly_rounded);
    RUN(test_parse_syntax);
    RUN(test_from_bytes_and_errors);
    RUN(test_pyos_string_to_double);
    RUN(test_pyos_double_to_string);
    RUN(test_mod_and_floordiv_signs);
    RUN(test_pow);
    RUN(test_round);
    RUN(test_compare_with_int);
    RUN(test_hash);
    RUN(test_hex_fromhex);
    RUN(test_integer_ratio_and_is_integer);
    RUN(test_getformat_and_pack);
    RUN(test_format_float);
    RUN(test_format_int);
    RUN(test_format_str);
    RUN(test_format_complex);
    RUN(test_complex_repr);
    RUN(test_complex_parse);
    RUN(test_complex_arithmetic);
    RUN(test_complex_compare);
    RUN(test_complex_c_api);
    RUN(test_small_methods);
    RUN(test_subclass);
}
