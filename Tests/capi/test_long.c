/* Tests of int and bool through the C API.  Expected values were computed
   with CPython. */
#define Py_BUILD_CORE 1
#include "testlib.h"
#include "pycore_long.h"

#include <float.h>

/* ---- helpers ------------------------------------------------------------ */

/* An int from a literal (base 0: prefixes and underscores allowed). */
static PyObject *
num(const char *text)
{
    return PyLong_FromString(text, NULL, 0);
}

/* str(obj), consuming obj; NULL passes through. */
static PyObject *
str_of(PyObject *obj)
{
    if (obj == NULL) {
        return NULL;
    }
    PyObject *s = PyObject_Str(obj);
    Py_DECREF(obj);
    return s;
}

/* f(num(a), num(b)) as a str. */
static PyObject *
binop(PyObject *(*f)(PyObject *, PyObject *), const char *a, const char *b)
{
    PyObject *x = num(a), *y = num(b);
    PyObject *r = (x && y) ? f(x, y) : NULL;
    Py_XDECREF(x);
    Py_XDECREF(y);
    return str_of(r);
}

static PyObject *
power(const char *a, const char *b, const char *m)
{
    PyObject *x = num(a), *y = num(b), *z = m ? num(m) : Py_None;
    PyObject *r = (x && y && z) ? PyNumber_Power(x, y, z) : NULL;
    Py_XDECREF(x);
    Py_XDECREF(y);
    if (m) {
        Py_XDECREF(z);
    }
    return str_of(r);
}

/* The pending exception is exc with message text; clears it. */
static void
check_error(PyObject *exc, const char *text, const char *file, int line)
{
    PyObject *raised = PyErr_GetRaisedException();
    testlib_check(raised != NULL && PyErr_GivenExceptionMatches(raised, exc),
                  "expected exception type", file, line);
    if (raised != NULL) {
        testlib_check_str(PyObject_Str(raised), text, file, line);
        Py_DECREF(raised);
    }
}
#define CHECK_ERROR(exc, text) check_error((exc), (text), __FILE__, __LINE__)

/* num(a) / num(b) as a double; NAN on error (with the error left set). */
static double
true_divide(const char *a, const char *b)
{
    PyObject *x = num(a), *y = num(b);
    PyObject *r = (x && y) ? PyNumber_TrueDivide(x, y) : NULL;
    Py_XDECREF(x);
    Py_XDECREF(y);
    if (r == NULL) {
        return NAN;
    }
    double d = PyFloat_AsDouble(r);
    Py_DECREF(r);
    return d;
}

/* A deterministic n-digit decimal string (a linear congruential
   generator), the same one the expected values were computed from. */
static char *
pseudo_random_digits(Py_ssize_t n, uint64_t seed)
{
    char *text = malloc((size_t)n + 1);
    uint64_t x = seed;
    for (Py_ssize_t i = 0; i < n; i++) {
        x = (x * 1103515245u + 12345u) % 2147483648u;
        text[i] = (char)('0' + (x >> 16) % 10);
    }
    if (text[0] == '0') {
        text[0] = '7';
    }
    text[n] = '\0';
    return text;
}

static PyObject *
pseudo_random_int(Py_ssize_t n, uint64_t seed)
{
    char *text = pseudo_random_digits(n, seed);
    PyObject *v = PyLong_FromString(text, NULL, 10);
    free(text);
    return v;
}

/* ---- small ints and construction ---------------------------------------- */

static void
test_small_int_identity(void)
{
    PyObject *a = PyLong_FromLong(256), *b = PyLong_FromLong(256);
    CHECK(a == b);
    CHECK(_Py_IsImmortal(a));
    Py_DECREF(a);
    Py_DECREF(b);
    a = PyLong_FromLong(-5);
    b = PyLong_FromLongLong(-5);
    CHECK(a == b);
    Py_DECREF(a);
    Py_DECREF(b);
    a = PyLong_FromLong(257);
    b = PyLong_FromLong(257);
    CHECK(a != b);
    CHECK(!_Py_IsImmortal(a));
    Py_DECREF(a);
    Py_DECREF(b);
    a = PyLong_FromLong(-6);
    b = PyLong_FromLong(-6);
    CHECK(a != b);
    Py_DECREF(a);
    Py_DECREF(b);

    /* Results of arithmetic and parsing come from the cache too. */
    PyObject *x = PyLong_FromLong(1000), *y = PyLong_FromLong(900);
    PyObject *d = PyNumber_Subtract(x, y);
    CHECK(d == PyLong_FromLong(100));
    Py_XDECREF(d);
    PyObject *big = num("1" "000000000000000000000000000000");
    PyObject *q = PyNumber_FloorDivide(big, big);
    CHECK(q == PyLong_FromLong(1));
    Py_XDECREF(q);
    Py_XDECREF(big);
    PyObject *parsed = num("0x_c8");
    CHECK(parsed == PyLong_FromLong(200));
    Py_XDECREF(parsed);
    PyObject *from_double = PyLong_FromDouble(-3.9);
    CHECK(from_double == PyLong_FromLong(-3));
    Py_XDECREF(from_double);
    Py_DECREF(x);
    Py_DECREF(y);
}

static void
test_from_c_types(void)
{
    CHECK_STR(str_of(PyLong_FromLong(LONG_MIN)), "-9223372036854775808");
    CHECK_STR(str_of(PyLong_FromLong(LONG_MAX)), "9223372036854775807");
    CHECK_STR(str_of(PyLong_FromUnsignedLongLong(ULLONG_MAX)),
              "18446744073709551615");
    CHECK_STR(str_of(PyLong_FromSsize_t(-1073741824)), "-1073741824");
    CHECK_STR(str_of(PyLong_FromSize_t(1073741824)), "1073741824");
    CHECK_STR(str_of(PyLong_FromInt32(INT32_MIN)), "-2147483648");
    CHECK_STR(str_of(PyLong_FromUInt32(UINT32_MAX)), "4294967295");
    CHECK_STR(str_of(PyLong_FromInt64(INT64_MIN)), "-9223372036854775808");
    CHECK_STR(str_of(PyLong_FromUInt64(UINT64_MAX)), "18446744073709551615");
    CHECK_STR(str_of(PyLong_FromDouble(1e20)), "100000000000000000000");
    CHECK_STR(str_of(PyLong_FromDouble(-0x1.fffffffffffffp+1023)),
              "-17976931348623157081452742373170435679807056752584499659891747"
              "68031572607800285387605895586327668781715404589535143824642343"
              "21326889464182768467546703537516986049910576551282076245490090"
              "38932894407586850845513394230458323690322294816580855933212334"
              "8274797826204144723168738177180919299881250404026184124858368");
    CHECK(PyLong_FromDouble(INFINITY) == NULL);
    CHECK_ERROR(PyExc_OverflowError, "cannot convert float infinity to integer");
    CHECK(PyLong_FromDouble(NAN) == NULL);
    CHECK_ERROR(PyExc_ValueError, "cannot convert float NaN to integer");

    int x;
    PyObject *p = PyLong_FromVoidPtr(&x);
    CHECK(PyLong_AsVoidPtr(p) == (void *)&x);
    Py_XDECREF(p);
}

static void
test_to_c_types(void)
{
    PyObject *v = PyLong_FromLong(LONG_MIN);
    CHECK(PyLong_AsLong(v) == LONG_MIN);
    CHECK(PyLong_AsLongLong(v) == LLONG_MIN);
    CHECK(PyLong_AsSsize_t(v) == PY_SSIZE_T_MIN);
    Py_DECREF(v);

    v = num("9223372036854775808");
    int overflow;
    CHECK(PyLong_AsLongAndOverflow(v, &overflow) == -1 && overflow == 1);
    CHECK(PyLong_AsLongLongAndOverflow(v, &overflow) == -1 && overflow == 1);
    CHECK(PyLong_AsLong(v) == -1);
    CHECK_ERROR(PyExc_OverflowError, "Python int too large to convert to C long");
    CHECK(PyLong_AsLongLong(v) == -1);
    CHECK_ERROR(PyExc_OverflowError, "int too big to convert");
    CHECK(PyLong_AsSsize_t(v) == -1);
    CHECK_ERROR(PyExc_OverflowError, "Python int too large to convert to C ssize_t");
    CHECK(PyLong_AsUnsignedLong(v) == 9223372036854775808UL);
    CHECK(PyLong_AsUnsignedLongMask(v) == 9223372036854775808UL);
    Py_DECREF(v);

    v = num("-9223372036854775809");
    CHECK(PyLong_AsLongAndOverflow(v, &overflow) == -1 && overflow == -1);
    CHECK(!PyErr_Occurred());
    Py_DECREF(v);

    v = PyLong_FromLong(-1);
    CHECK(PyLong_AsUnsignedLong(v) == (unsigned long)-1);
    CHECK_ERROR(PyExc_OverflowError, "can't convert negative value to unsigned int");
    CHECK(PyLong_AsSize_t(v) == (size_t)-1);
    CHECK_ERROR(PyExc_OverflowError, "can't convert negative value to size_t");
    CHECK(PyLong_AsUnsignedLongLong(v) == (unsigned long long)-1);
    CHECK_ERROR(PyExc_OverflowError, "can't convert negative int to unsigned");
    CHECK(PyLong_AsUnsignedLongLongMask(v) == ULLONG_MAX);
    CHECK(!PyErr_Occurred());
    Py_DECREF(v);

    v = num("18446744073709551616");
    CHECK(PyLong_AsUnsignedLong(v) == (unsigned long)-1);
    CHECK_ERROR(PyExc_OverflowError,
                "Python int too large to convert to C unsigned long");
    CHECK(PyLong_AsSize_t(v) == (size_t)-1);
    CHECK_ERROR(PyExc_OverflowError, "Python int too large to convert to C size_t");
    CHECK(PyLong_AsUnsignedLongLong(v) == (unsigned long long)-1);
    CHECK_ERROR(PyExc_OverflowError, "int too big to convert");
    CHECK(PyLong_AsUnsignedLongLongMask(v) == 0);
    Py_DECREF(v);

    v = num("-0x1_0000_0000_0000_0001");
    CHECK(PyLong_AsUnsignedLongLongMask(v) == ULLONG_MAX);
    Py_DECREF(v);

    v = PyLong_FromLong(2147483648L);
    CHECK(PyLong_AsInt(v) == -1);
    CHECK_ERROR(PyExc_OverflowError, "Python int too large to convert to C int");
    int32_t i32;
    CHECK(PyLong_AsInt32(v, &i32) == -1);
    CHECK_ERROR(PyExc_OverflowError, "Python int too large to convert to C int32_t");
    uint32_t u32;
    CHECK(PyLong_AsUInt32(v, &u32) == 0 && u32 == 2147483648u);
    int64_t i64;
    CHECK(PyLong_AsInt64(v, &i64) == 0 && i64 == 2147483648);
    Py_DECREF(v);
    v = PyLong_FromLong(-7);
    uint64_t u64;
    CHECK(PyLong_AsUInt64(v, &u64) == -1);
    CHECK_ERROR(PyExc_ValueError, "Cannot convert negative int");
    CHECK(PyLong_AsInt32(v, &i32) == 0 && i32 == -7);
    Py_DECREF(v);

    /* Only some conversions accept non-ints. */
    PyObject *f = PyFloat_FromDouble(1.5);
    CHECK(PyLong_AsLong(f) == -1);
    CHECK_ERROR(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
    CHECK(PyLong_AsSsize_t(f) == -1);
    CHECK_ERROR(PyExc_TypeError, "an integer is required");
    CHECK(PyLong_AsDouble(f) == -1.0);
    CHECK_ERROR(PyExc_TypeError, "an integer is required");
    Py_DECREF(f);
}

static void
test_as_double(void)
{
    PyObject *v = num("9007199254740993");        /* 2**53 + 1: a tie */
    CHECK(PyLong_AsDouble(v) == 9007199254740992.0);
    Py_DECREF(v);
    v = num("9007199254740995");                  /* 2**53 + 3: tie, up */
    CHECK(PyLong_AsDouble(v) == 9007199254740996.0);
    Py_DECREF(v);
    v = num("18446744073709551615");
    CHECK(PyLong_AsDouble(v) == 0x1p64);
    Py_DECREF(v);
    v = num("-0x8000_0000_0000_0401");            /* -(2**63 + 2**10 + 1) */
    CHECK(PyLong_AsDouble(v) == -0x1.0000000000001p+63);
    Py_DECREF(v);
    v = PyLong_FromLong(3);
    PyObject *exponent = PyLong_FromLong(500);
    PyObject *big = PyNumber_Power(v, exponent, Py_None);
    CHECK(big != NULL && PyLong_AsDouble(big) == 0x1.655d2ce0563f7p+792);
    Py_XDECREF(big);
    Py_DECREF(exponent);
    Py_DECREF(v);
    v = _PyLong_Lshift(PyLong_FromLong(1), 1024);
    CHECK(PyLong_AsDouble(v) == -1.0);
    CHECK_ERROR(PyExc_OverflowError, "int too large to convert to float");
    Py_XDECREF(v);
}

/* ---- text ------------------------------------------------------------ */

static void
test_big_decimal_strings(void)
{
    PyObject *two = PyLong_FromLong(2), *e = PyLong_FromLong(1000);
    CHECK_STR(str_of(PyNumber_Power(two, e, Py_None)),
              "10715086071862673209484250490600018105614048117055336074437503883703"
              "51051124936122493198378815695858127594672917553146825187145285692314"
              "04359845775746985748039345677748242309854210746050623711418779541821"
              "53046474983581941267398767559165543946077062914571196477686542167660"
              "429831652624386837205668069376");
    Py_DECREF(two);
    Py_DECREF(e);

    PyObject *factorial = PyLong_FromLong(1);
    for (long i = 2; i <= 100; i++) {
        PyObject *k = PyLong_FromLong(i);
        Py_SETREF(factorial, PyNumber_Multiply(factorial, k));
        Py_DECREF(k);
        if (factorial == NULL) {
            break;
        }
    }
    CHECK_STR(str_of(factorial),
              "93326215443944152681699238856266700490715968264381621468592963895217"
              "59999322991560894146397615651828625369792082722375825118521091686400"
              "0000000000000000000000");
}

static void
test_str_round_trip_and_limit(void)
{
    /* 4000 digits: under the default 4300 limit. */
    char *text = pseudo_random_digits(4000, 3);
    PyObject *v = PyLong_FromString(text, NULL, 10);
    CHECK(v != NULL);
    PyObject *s = PyObject_Str(v);
    CHECK(s != NULL && strcmp(PyUnicode_AsUTF8(s), text) == 0);
    Py_XDECREF(s);
    Py_XDECREF(v);
    free(text);

    CHECK(_Py_GetIntMaxStrDigits() == 4300);
    text = pseudo_random_digits(5000, 4);
    CHECK(PyLong_FromString(text, NULL, 10) == NULL);
    CHECK_ERROR(PyExc_ValueError,
                "Exceeds the limit (4300 digits) for integer string conversion: "
                "value has 5000 digits; use sys.set_int_max_str_digits() to "
                "increase the limit");

    /* With the limit off, convert; with it back on, str() refuses. */
    CHECK(_Py_SetIntMaxStrDigits(0) == 0);
    v = PyLong_FromString(text, NULL, 10);
    CHECK(v != NULL);
    s = PyObject_Str(v);
    CHECK(s != NULL && strcmp(PyUnicode_AsUTF8(s), text) == 0);
    Py_XDECREF(s);
    CHECK(_Py_SetIntMaxStrDigits(4300) == 0);
    CHECK(PyObject_Str(v) == NULL);
    CHECK_ERROR(PyExc_ValueError,
                "Exceeds the limit (4300 digits) for integer string conversion; "
                "use sys.set_int_max_str_digits() to increase the limit");
    /* Powers of two bases are exempt. */
    PyObject *h = _PyLong_Format(v, 16);
    CHECK(h != NULL && PyUnicode_GET_LENGTH(h) > 4000);
    Py_XDECREF(h);
    Py_XDECREF(v);
    free(text);

    CHECK(_Py_SetIntMaxStrDigits(100) == -1);
    CHECK_ERROR(PyExc_ValueError, "maxdigits must be 0 or larger than 640");
    CHECK(_Py_GetIntMaxStrDigits() == 4300);
    _PyLongIntInfo info = _PyLong_GetIntInfo();
    CHECK(info.bits_per_digit == 30 && info.sizeof_digit == 4
          && info.default_max_str_digits == 4300
          && info.str_digits_check_threshold == 640);
}

static void
test_parse(void)
{
    CHECK_STR(str_of(PyLong_FromString("  -1_000_000 \n", NULL, 10)), "-1000000");
    CHECK_STR(str_of(PyLong_FromString("0x_1f", NULL, 0)), "31");
    CHECK_STR(str_of(PyLong_FromString("0X1F", NULL, 16)), "31");
    CHECK_STR(str_of(PyLong_FromString("0b1", NULL, 16)), "177");
    CHECK_STR(str_of(PyLong_FromString("0o17", NULL, 0)), "15");
    CHECK_STR(str_of(PyLong_FromString("-0b101", NULL, 0)), "-5");
    CHECK_STR(str_of(PyLong_FromString("0_0", NULL, 0)), "0");
    CHECK_STR(str_of(PyLong_FromString("zz", NULL, 36)), "1295");
    CHECK_STR(str_of(PyLong_FromString("ffffffffffffffffffffffff", NULL, 16)),
              "79228162514264337593543950335");
    CHECK_STR(str_of(PyLong_FromString("1234560123456012345601234560", NULL, 7)),
              "89437265086937261550000");

    static const char *const invalid[] = {
        "1__0", "_1", "1_", "0_7", "07", "1 2", "+-1", "- 1", "0b", "0b2", "", "  ", "0x",
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(invalid); i++) {
        CHECK(PyLong_FromString(invalid[i], NULL, 0) == NULL);
        CHECK_RAISES(PyExc_ValueError);
    }
    CHECK(PyLong_FromString("x", NULL, 10) == NULL);
    CHECK_ERROR(PyExc_ValueError, "invalid literal for int() with base 10: 'x'");
    CHECK(PyLong_FromString("12", NULL, 37) == NULL);
    CHECK_ERROR(PyExc_ValueError, "int() arg 2 must be >= 2 and <= 36");

    /* Unicode digits and spaces are accepted in str. */
    PyObject *u = PyUnicode_FromString("\xd9\xa3\xef\xbc\x91\xef\xbc\x92\xe2\x80\x83");
    CHECK_STR(str_of(PyLong_FromUnicodeObject(u, 10)), "312");
    Py_XDECREF(u);
    u = PyUnicode_FromStringAndSize("12\0", 3);
    CHECK(PyLong_FromUnicodeObject(u, 10) == NULL);
    CHECK_ERROR(PyExc_ValueError, "invalid literal for int() with base 10: '12\\x00'");
    Py_XDECREF(u);

    /* int() through the type. */
    PyObject *args = Py_BuildValue("(si)", "0b101", 0);
    CHECK_STR(str_of(PyObject_Call((PyObject *)&PyLong_Type, args, NULL)), "5");
    Py_XDECREF(args);
    args = Py_BuildValue("(y)", " 12 ");
    CHECK_STR(str_of(PyObject_Call((PyObject *)&PyLong_Type, args, NULL)), "12");
    Py_XDECREF(args);
    args = Py_BuildValue("(yi)", "zz", 10);
    CHECK(PyObject_Call((PyObject *)&PyLong_Type, args, NULL) == NULL);
    CHECK_ERROR(PyExc_ValueError, "invalid literal for int() with base 10: b'zz'");
    Py_XDECREF(args);
    args = Py_BuildValue("(ii)", 1, 10);
    CHECK(PyObject_Call((PyObject *)&PyLong_Type, args, NULL) == NULL);
    CHECK_ERROR(PyExc_TypeError, "int() can't convert non-string with explicit base");
    Py_XDECREF(args);
    args = Py_BuildValue("(si)", "1", 1);
    CHECK(PyObject_Call((PyObject *)&PyLong_Type, args, NULL) == NULL);
    CHECK_ERROR(PyExc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    Py_XDECREF(args);
    CHECK_STR(str_of(PyObject_CallNoArgs((PyObject *)&PyLong_Type)), "0");
}

static void
test_bases(void)
{
    PyObject *v = PyLong_FromLong(-10);
    CHECK_STR(_PyLong_Format(v, 2), "-0b1010");
    Py_DECREF(v);
    v = num("0o100000000000000000000");
    CHECK_STR(_PyLong_Format(v, 8), "0o100000000000000000000");
    CHECK_STR(_PyLong_Format(v, 10), "1152921504606846976");
    Py_DECREF(v);
    v = num("-0x100000000000000000000000ff");
    CHECK_STR(_PyLong_Format(v, 16), "-0x100000000000000000000000ff");
    Py_DECREF(v);
    v = PyLong_FromLong(0);
    CHECK_STR(_PyLong_Format(v, 16), "0x0");
}

/* ---- arithmetic --------------------------------------------------------- */

static void
test_floor_division_signs(void)
{
    CHECK_STR(binop(PyNumber_FloorDivide, "7", "2"), "3");
    CHECK_STR(binop(PyNumber_FloorDivide, "-7", "2"), "-4");
    CHECK_STR(binop(PyNumber_FloorDivide, "7", "-2"), "-4");
    CHECK_STR(binop(PyNumber_FloorDivide, "-7", "-2"), "3");
    CHECK_STR(binop(PyNumber_Remainder, "7", "2"), "1");
    CHECK_STR(binop(PyNumber_Remainder, "-7", "2"), "1");
    CHECK_STR(binop(PyNumber_Remainder, "7", "-2"), "-1");
    CHECK_STR(binop(PyNumber_Remainder, "-7", "-2"), "-1");
    CHECK_STR(binop(PyNumber_FloorDivide, "-1000000000000000000000000000000", "7"),
              "-142857142857142857142857142858");
    CHECK_STR(binop(PyNumber_Remainder, "-1000000000000000000000000000000", "7"), "6");
    CHECK_STR(binop(PyNumber_Divmod, "10000000000000000000000000000000000000000",
                    "-205891132094649"),
              "(-48569357496188611379062427, -72114243653123)");
    CHECK(binop(PyNumber_FloorDivide, "1", "0") == NULL);
    CHECK_ERROR(PyExc_ZeroDivisionError, "division by zero");
    CHECK(binop(PyNumber_Remainder, "100000000000000000000000", "0") == NULL);
    CHECK_ERROR(PyExc_ZeroDivisionError, "division by zero");
    CHECK(binop(PyNumber_Divmod, "1", "0") == NULL);
    CHECK_ERROR(PyExc_ZeroDivisionError, "division by zero");
    CHECK(binop(PyNumber_TrueDivide, "1", "0") == NULL);
    CHECK_ERROR(PyExc_ZeroDivisionError, "division by zero");
}

static void
test_pow(void)
{
    CHECK_STR(power("3", "-1", "7"), "5");
    CHECK_STR(power("3", "-2", "-7"), "-3");
    CHECK_STR(power("-3", "5", "7"), "2");
    CHECK_STR(power("2", "10", "-7"), "-5");
    CHECK_STR(power("5", "0", "1"), "0");
    CHECK_STR(power("5", "0", "-7"), "-6");
    CHECK_STR(power("2", "100000000000000000000", "1000000007"), "855473248");
    CHECK_STR(power("7", "1267650600228229401496703205377",
                    "170141183460469231731687303715884105727"),
              "78532906526137354343596904730531164858");
    CHECK_STR(power("3", "1208925819614629174718521", "10000000000000000000000000000000000000121"),
              "6248898770743747477701264480853351864929");
    CHECK_STR(power("12345678901234567890", "-1", "618970019642690137449562111"),
              "338604421359886006294785622");
    CHECK_STR(power("-2", "101", NULL), "-2535301200456458802993406410752");
    CHECK_STR(power("-3", "41", NULL), "-36472996377170786403");
    CHECK_STR(power("10", "20", NULL), "100000000000000000000");
    CHECK_STR(power("2", "-1", NULL), "0.5");
    CHECK(power("2", "-1", "4") == NULL);
    CHECK_ERROR(PyExc_ValueError, "base is not invertible for the given modulus");
    CHECK(power("2", "1", "0") == NULL);
    CHECK_ERROR(PyExc_ValueError, "pow() 3rd argument cannot be 0");
}

/* Products above the Karatsuba cutoff checked by identities that do not
   share its code path, and by residues computed with CPython. */
static void
test_karatsuba_products(void)
{
    PyObject *a = pseudo_random_int(2000, 1), *b = pseudo_random_int(2000, 2);
    PyObject *m = num("1000000000000000009");
    PyObject *ab = PyNumber_Multiply(a, b);
    CHECK_STR(str_of(PyNumber_Remainder(ab, m)), "228129170335460102");
    PyObject *aa = PyNumber_Multiply(a, a);
    CHECK_STR(str_of(PyNumber_Remainder(aa, m)), "720757990901387361");
    CHECK(PyObject_Hash(ab) == 388970839426458300);

    /* (a*b) // b == a and (a*b) % b == 0. */
    PyObject *q = PyNumber_FloorDivide(ab, b);
    CHECK(PyObject_RichCompareBool(q, a, Py_EQ) == 1);
    Py_XDECREF(q);
    PyObject *r = PyNumber_Remainder(ab, b);
    CHECK(r == PyLong_FromLong(0));
    Py_XDECREF(r);

    /* (a+b)**2 == a**2 + 2ab + b**2 */
    PyObject *s = PyNumber_Add(a, b);
    PyObject *lhs = PyNumber_Multiply(s, s);
    PyObject *bb = PyNumber_Multiply(b, b);
    PyObject *two_ab = PyNumber_Lshift(ab, PyLong_FromLong(1));
    PyObject *t = PyNumber_Add(aa, two_ab);
    PyObject *rhs = PyNumber_Add(t, bb);
    CHECK(PyObject_RichCompareBool(lhs, rhs, Py_EQ) == 1);
    /* Lopsided: a 4000-digit by 2000-digit product, divided back. */
    PyObject *c = pseudo_random_int(4000, 3);
    PyObject *ca = PyNumber_Multiply(c, a);
    PyObject *back = PyNumber_FloorDivide(ca, c);
    CHECK(PyObject_RichCompareBool(back, a, Py_EQ) == 1);
    PyObject *cc = PyNumber_Multiply(c, c);
    CHECK_STR(str_of(PyNumber_Remainder(cc, m)), "589036819694948277");

    Py_XDECREF(a); Py_XDECREF(b); Py_XDECREF(m); Py_XDECREF(ab); Py_XDECREF(aa);
    Py_XDECREF(s); Py_XDECREF(lhs); Py_XDECREF(bb); Py_XDECREF(two_ab);
    Py_XDECREF(t); Py_XDECREF(rhs); Py_XDECREF(c); Py_XDECREF(ca);
    Py_XDECREF(back); Py_XDECREF(cc);
}

static void
test_true_division_rounding(void)
{
    CHECK(true_divide("9007199254740993", "1") == 0x1p53);
    CHECK(true_divide("9007199254740995", "1") == 0x1.0000000000002p+53);
    CHECK(true_divide("1000000000000000000000000000001", "3") == 0x1.0d43b7bc05df1p+98);
    CHECK(true_divide("1267650600228229401496703205377", "140737488355327")
          == 0x1.0000000000020p+53);
    CHECK(true_divide("0x1000000000000000", "3") == 0x1.5555555555555p+58);
    CHECK(true_divide("0xffff_ffff_ffff_ffff", "0x1_0000_0000_0000_0001") == 1.0);
    CHECK(true_divide("-7", "2") == -3.5);
    /* Subnormal results and underflow. */
    PyObject *one = PyLong_FromLong(1), *three = PyLong_FromLong(3);
    PyObject *p1074 = _PyLong_Lshift(one, 1074), *p1075 = _PyLong_Lshift(one, 1075);
    PyObject *p1076 = _PyLong_Lshift(one, 1076);
    PyObject *r = PyNumber_TrueDivide(one, p1074);
    CHECK(r != NULL && PyFloat_AsDouble(r) == 0x0.0000000000001p-1022);
    Py_XDECREF(r);
    r = PyNumber_TrueDivide(three, p1076);
    CHECK(r != NULL && PyFloat_AsDouble(r) == 0x0.0000000000001p-1022);
    Py_XDECREF(r);
    r = PyNumber_TrueDivide(one, p1075);
    CHECK(r != NULL && PyFloat_AsDouble(r) == 0.0);
    Py_XDECREF(r);
    /* Overflow, including by rounding up to 2**1024. */
    PyObject *p1024 = _PyLong_Lshift(one, 1024);
    PyObject *almost = PyNumber_Subtract(p1024, one);
    CHECK(PyNumber_TrueDivide(almost, one) == NULL);
    CHECK_ERROR(PyExc_OverflowError, "integer division result too large for a float");
    PyObject *ten = PyLong_FromLong(10);
    PyObject *n400 = PyLong_FromLong(400), *n399 = PyLong_FromLong(399);
    PyObject *e400 = PyNumber_Power(ten, n400, Py_None);
    PyObject *e399 = PyNumber_Power(ten, n399, Py_None);
    r = PyNumber_TrueDivide(e400, e399);
    CHECK(r != NULL && PyFloat_AsDouble(r) == 10.0);
    Py_XDECREF(r);
    Py_XDECREF(p1074); Py_XDECREF(p1075); Py_XDECREF(p1076); Py_XDECREF(p1024);
    Py_XDECREF(almost); Py_XDECREF(e400); Py_XDECREF(e399);
    Py_XDECREF(n400); Py_XDECREF(n399);
}

static void
test_float_comparison(void)
{
    /* 2**53 + 1 is not a double: int/float comparison must be exact. */
    PyObject *big = num("9007199254740993");
    PyObject *f = PyFloat_FromDouble(0x1p53);
    CHECK(PyObject_RichCompareBool(big, f, Py_EQ) == 0);
    CHECK(PyObject_RichCompareBool(big, f, Py_GT) == 1);
    CHECK(PyObject_RichCompareBool(f, big, Py_LT) == 1);
    PyObject *even = num("9007199254740992");
    CHECK(PyObject_RichCompareBool(even, f, Py_EQ) == 1);
    Py_XDECREF(big);
    Py_XDECREF(even);
    Py_XDECREF(f);
}

static void
test_shifts_and_bitwise(void)
{
    CHECK_STR(binop(PyNumber_Rshift, "-1267650600228229401496703205376", "3"),
              "-158456325028528675187087900672");
    CHECK_STR(binop(PyNumber_Rshift, "-1267650600228229401496703205377", "3"),
              "-158456325028528675187087900673");
    CHECK_STR(binop(PyNumber_Rshift, "-1267650600228229401496703205376", "200"), "-1");
    CHECK_STR(binop(PyNumber_Rshift, "5", "100000000000000000000000"), "0");
    CHECK_STR(binop(PyNumber_Rshift, "-5", "1"), "-3");
    CHECK_STR(binop(PyNumber_Lshift, "12345", "100"),
              "15649146659817491961476801070366720");
    CHECK(binop(PyNumber_Lshift, "1", "-1") == NULL);
    CHECK_ERROR(PyExc_ValueError, "negative shift count");
    CHECK(binop(PyNumber_Lshift, "1", "100000000000000000000000") == NULL);
    CHECK_RAISES(PyExc_OverflowError);
    CHECK_STR(binop(PyNumber_And, "0x400_0000_0000_0000_0000_0007", "-0x100_0000_0000"),
              "1237940039285380274899124224");
    CHECK_STR(binop(PyNumber_Or, "-0x40_0000_0000_0000_0000", "12345"),
              "-1180591620717411291079");
    CHECK_STR(binop(PyNumber_Xor, "-0x40_0000_0000_0000_0005", "0x2_0000_0000_0000_0003"),
              "-1217485108864830406664");
    PyObject *v = num("0x1_0000_0000_0000_0000_0000");
    CHECK_STR(str_of(PyNumber_Invert(v)), "-1208925819614629174706177");
    Py_XDECREF(v);
}

static void
test_hash(void)
{
    PyObject *v = PyLong_FromLong(-1);
    CHECK(PyObject_Hash(v) == -2);
    Py_DECREF(v);
    v = num("1000000000000000000000000000000");
    CHECK(PyObject_Hash(v) == 465258685558744706);
    Py_DECREF(v);
    v = num("-1000000000000000000000000000000");
    CHECK(PyObject_Hash(v) == -465258685558744706);
    Py_DECREF(v);
    v = num("0x1_0000_0000_0000_0000");
    CHECK(PyObject_Hash(v) == 8);
    Py_DECREF(v);
    v = num("0x1fff_ffff_ffff_ffff");   /* 2**61 - 1 */
    CHECK(PyObject_Hash(v) == 0);
    Py_DECREF(v);
    v = num("0x1fff_ffff_ffff_fffe");
    CHECK(PyObject_Hash(v) == 2305843009213693950);
    Py_DECREF(v);
}

static void
test_methods(void)
{
    PyObject *v = PyLong_FromLong(1234567);
    CHECK(v != NULL);
    PyObject *b = PyObject_CallMethod(v, "to_bytes", "is", 4, "little");
    CHECK(b != NULL && PyBytes_GET_SIZE(b) == 4
          && memcmp(PyBytes_AS_STRING(b), "\x87\xd6\x12\x00", 4) == 0);
    Py_XDECREF(b);
    Py_DECREF(v);

    v = PyLong_FromLong(-1234567);
    PyObject *kw = Py_BuildValue("{s:O}", "signed", Py_True);
    PyObject *args = Py_BuildValue("(is)", 4, "big");
    PyObject *meth = PyObject_GetAttrString(v, "to_bytes");
    b = meth ? PyObject_Call(meth, args, kw) : NULL;
    CHECK(b != NULL && memcmp(PyBytes_AS_STRING(b), "\xff\xed\x29\x79", 4) == 0);
    Py_XDECREF(b);
    b = meth ? PyObject_CallNoArgs(meth) : NULL;
    CHECK(b == NULL);
    CHECK_ERROR(PyExc_OverflowError, "can't convert negative int to unsigned");
    Py_XDECREF(meth);
    Py_XDECREF(args);
    Py_DECREF(v);

    PyObject *data = PyBytes_FromStringAndSize("\x80\x00", 2);
    PyObject *r = PyObject_CallMethod((PyObject *)&PyLong_Type, "from_bytes", "Os",
                                      data, "little");
    CHECK_STR(str_of(r), "128");
    args = Py_BuildValue("(Os)", data, "big");
    meth = PyObject_GetAttrString((PyObject *)&PyLong_Type, "from_bytes");
    CHECK_STR(str_of(meth ? PyObject_Call(meth, args, kw) : NULL), "-32768");
    Py_XDECREF(args);
    args = Py_BuildValue("(Os)", data, "middle");
    CHECK(meth != NULL && PyObject_Call(meth, args, NULL) == NULL);
    CHECK_ERROR(PyExc_ValueError, "byteorder must be either 'little' or 'big'");
    Py_XDECREF(args);
    Py_XDECREF(meth);
    Py_XDECREF(kw);
    Py_XDECREF(data);

    v = num("0x1_0000_0000_0000_0000");
    b = PyObject_CallMethod(v, "to_bytes", "i", 8);
    CHECK(b == NULL);
    CHECK_ERROR(PyExc_OverflowError, "int too big to convert");
    b = PyObject_CallMethod(v, "to_bytes", "i", -1);
    CHECK(b == NULL);
    CHECK_ERROR(PyExc_ValueError, "length argument must be non-negative");
    CHECK_STR(str_of(PyObject_CallMethod(v, "bit_count", NULL)), "1");
    CHECK_STR(str_of(PyObject_CallMethod(v, "bit_length", NULL)), "65");
    CHECK_STR(str_of(PyObject_CallMethod(v, "as_integer_ratio", NULL)),
              "(18446744073709551616, 1)");
    Py_DECREF(v);
    v = num("-0xf_ffff_ffff_ffff_ffff_ffff_ffff");
    CHECK_STR(str_of(PyObject_CallMethod(v, "bit_count", NULL)), "100");
    Py_DECREF(v);

    static const struct { const char *value; int ndigits; const char *expected; } rounds[] = {
        {"12345", -2, "12300"}, {"12350", -2, "12400"}, {"12450", -2, "12400"},
        {"-12350", -2, "-12400"}, {"5", -1, "0"}, {"15", -1, "20"},
        {"1000000000000000000005000000000", -10, "1000000000000000000000000000000"},
        {"123", -1000, "0"}, {"123", 2, "123"},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(rounds); i++) {
        v = num(rounds[i].value);
        CHECK_STR(str_of(PyObject_CallMethod(v, "__round__", "i", rounds[i].ndigits)),
                  rounds[i].expected);
        Py_XDECREF(v);
    }
}

static void
test_native_bytes(void)
{
    unsigned char buffer[9];
    PyObject *v = PyLong_FromLong(128);
    CHECK(PyLong_AsNativeBytes(v, buffer, 1, -1) == 2);
    CHECK(PyLong_AsNativeBytes(v, buffer, 1, Py_ASNATIVEBYTES_UNSIGNED_BUFFER) == 1
          && buffer[0] == 0x80);
    Py_DECREF(v);
    v = PyLong_FromLong(-1);
    CHECK(PyLong_AsNativeBytes(v, buffer, 1, Py_ASNATIVEBYTES_UNSIGNED_BUFFER) == 1
          && buffer[0] == 0xff);
    CHECK(PyLong_AsNativeBytes(v, buffer, 1, Py_ASNATIVEBYTES_REJECT_NEGATIVE) == -1);
    CHECK_ERROR(PyExc_ValueError, "Cannot convert negative int");
    Py_DECREF(v);
    v = num("-0x1_0000_0000_0000_0000");
    CHECK(PyLong_AsNativeBytes(v, buffer, 9, Py_ASNATIVEBYTES_BIG_ENDIAN) == 9);
    CHECK(memcmp(buffer, "\xff\x00\x00\x00\x00\x00\x00\x00\x00", 9) == 0);
    CHECK(PyLong_AsNativeBytes(v, NULL, 0, -1) == 9);
    Py_DECREF(v);
    CHECK_STR(str_of(PyLong_FromNativeBytes("\xff\xfe", 2, Py_ASNATIVEBYTES_BIG_ENDIAN)),
              "-2");
    CHECK_STR(str_of(PyLong_FromUnsignedNativeBytes("\xff\xfe", 2,
                                                    Py_ASNATIVEBYTES_LITTLE_ENDIAN)),
              "65279");
    CHECK_STR(str_of(_PyLong_FromByteArray((const unsigned char *)
        "\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13",
        19, 1, 1)), "425287986064908552947102636586749984814334465");
}

static void
test_bool(void)
{
    CHECK(PyBool_FromLong(7) == Py_True && PyBool_FromLong(0) == Py_False);
    CHECK(Py_IsTrue(Py_True) && Py_IsFalse(Py_False) && !Py_IsTrue(Py_False));
    CHECK(PyLong_Check(Py_True) && !PyLong_CheckExact(Py_True) && PyBool_Check(Py_False));
    CHECK(_Py_IsImmortal(Py_True));
    CHECK_STR(PyObject_Repr(Py_True), "True");
    CHECK_STR(PyObject_Str(Py_False), "False");
    CHECK(PyNumber_And(Py_True, Py_False) == Py_False);
    CHECK(PyNumber_Or(Py_True, Py_False) == Py_True);
    CHECK(PyNumber_Xor(Py_True, Py_True) == Py_False);
    PyObject *one = PyLong_FromLong(1);
    PyObject *r = PyNumber_And(Py_True, one);
    CHECK(r != NULL && PyLong_CheckExact(r) && PyLong_AsLong(r) == 1);
    Py_XDECREF(r);
    r = PyNumber_Add(Py_True, Py_True);
    CHECK(r != NULL && PyLong_CheckExact(r) && PyLong_AsLong(r) == 2);
    Py_XDECREF(r);
    CHECK(PyLong_AsLong(Py_True) == 1 && PyObject_Hash(Py_True) == 1);
    PyObject *args = Py_BuildValue("(i)", 5);
    CHECK(PyObject_Call((PyObject *)&PyBool_Type, args, NULL) == Py_True);
    Py_XDECREF(args);
    CHECK(PyObject_CallNoArgs((PyObject *)&PyBool_Type) == Py_False);
}


/* int.__new__ for a subclass copies the value into the subclass's
   layout; arithmetic on instances gives exact ints. */
static void
test_subclass(void)
{
    PyObject *dict = PyDict_New();
    PyObject *subclass = PyObject_CallFunction((PyObject *)&PyType_Type, "s(O)O",
                                               "MyInt", (PyObject *)&PyLong_Type,
                                               dict);
    Py_XDECREF(dict);
    CHECK(subclass != NULL);
    if (subclass == NULL) {
        PyErr_Clear();
        return;
    }
    PyObject *v = PyObject_CallFunction(subclass, "si", "-0x1_0000_0000_0000_0000_0000", 0);
    CHECK(v != NULL && Py_TYPE(v) == (PyTypeObject *)subclass && PyLong_Check(v));
    CHECK_STR(PyObject_Str(v), "-1208925819614629174706176");
    PyObject *one = PyLong_FromLong(1);
    PyObject *sum = PyNumber_Add(v, one);
    CHECK(sum != NULL && PyLong_CheckExact(sum));
    CHECK_STR(str_of(sum), "-1208925819614629174706175");
    PyObject *exact = PyNumber_Long(v);
    CHECK(exact != NULL && PyLong_CheckExact(exact));
    CHECK(PyObject_Hash(exact) == PyObject_Hash(v));
    Py_XDECREF(exact);
    Py_XDECREF(v);
    v = PyObject_CallFunction(subclass, "i", 7);
    CHECK(v != NULL && PyLong_AsLong(v) == 7 && !PyLong_CheckExact(v));
    Py_XDECREF(v);
    v = PyObject_CallNoArgs(subclass);
    CHECK(v != NULL && PyLong_AsLong(v) == 0 && !PyLong_CheckExact(v));
    Py_XDECREF(v);
    PyObject *data = PyBytes_FromStringAndSize("\x01\x00", 2);
    v = PyObject_CallMethod(subclass, "from_bytes", "O", data);
    CHECK(v != NULL && Py_TYPE(v) == (PyTypeObject *)subclass && PyLong_AsLong(v) == 256);
    Py_XDECREF(v);
    Py_XDECREF(data);
    Py_DECREF(subclass);
}


static void
test_strtoul(void)
{
    char *end;
    errno = 0;
    CHECK(PyOS_strtoul("  0x1F rest", &end, 0) == 31 && strcmp(end, " rest") == 0);
    CHECK(PyOS_strtoul("0b101", &end, 0) == 5 && *end == '\0');
    CHECK(PyOS_strtoul("0o17", &end, 8) == 15 && *end == '\0');
    CHECK(PyOS_strtoul("0x", &end, 16) == 0 && strcmp(end, "x") == 0);
    CHECK(PyOS_strtoul("zz", &end, 36) == 1295 && *end == '\0');
    CHECK(PyOS_strtoul("-1", &end, 10) == 0 && strcmp(end, "-1") == 0);
    CHECK(errno == 0);
    CHECK(PyOS_strtoul("18446744073709551616", &end, 10) == ULONG_MAX
          && errno == ERANGE && *end == '\0');
    errno = 0;
    CHECK(PyOS_strtoul("18446744073709551615", &end, 10) == ULONG_MAX && errno == 0);
    CHECK(PyOS_strtol(" -9223372036854775808", &end, 10) == LONG_MIN
          && errno == 0 && *end == '\0');
    CHECK(PyOS_strtol("9223372036854775808", &end, 10) == LONG_MAX && errno == ERANGE);
    errno = 0;
    CHECK(PyOS_strtol("-0x10", &end, 0) == -16 && *end == '\0');
    CHECK(PyOS_strtol("+", &end, 10) == 0 && strcmp(end, "+") == 0);
    CHECK(PyOS_strtol("12", &end, 1) == 0 && errno == EINVAL);
    errno = 0;
}

static void
test_export_import(void)
{
    const PyLongLayout *layout = PyLong_GetNativeLayout();
    CHECK(layout->bits_per_digit == 30 && layout->digit_size == 4
          && layout->digits_order == -1);
    PyLongExport e;
    PyObject *v = PyLong_FromLongLong(-123456789012345LL);
    CHECK(PyLong_Export(v, &e) == 0 && e.digits == NULL && e.value == -123456789012345LL);
    PyLong_FreeExport(&e);
    Py_DECREF(v);
    v = num("-0x1_0000_0000_0000_0000_0000_0003");
    CHECK(PyLong_Export(v, &e) == 0 && e.digits != NULL && e.negative == 1 && e.ndigits == 4);
    if (e.digits != NULL) {
        const uint32_t *d = e.digits;
        CHECK(d[0] == 3 && d[1] == 0 && d[2] == 0 && d[3] == (1u << 6));
    }
    PyLong_FreeExport(&e);
    Py_DECREF(v);
    CHECK(PyLong_Export(Py_None, &e) == -1);
    CHECK_ERROR(PyExc_TypeError, "expect int, got NoneType");

    void *digits;
    PyLongWriter *w = PyLongWriter_Create(1, 3, &digits);
    CHECK(w != NULL);
    if (w != NULL) {
        uint32_t *d = digits;
        d[0] = 5;
        d[1] = 0;
        d[2] = 1;
        CHECK_STR(str_of(PyLongWriter_Finish(w)), "-1152921504606846981");
    }
    w = PyLongWriter_Create(0, 2, &digits);
    if (w != NULL) {
        ((uint32_t *)digits)[0] = 7;
        ((uint32_t *)digits)[1] = 0;
        PyObject *seven = PyLongWriter_Finish(w);
        CHECK(seven == PyLong_FromLong(7));
        Py_XDECREF(seven);
    }
    w = PyLongWriter_Create(0, 2, &digits);
    PyLongWriter_Discard(w);
    CHECK(PyLongWriter_Create(0, 0, &digits) == NULL);
    CHECK_ERROR(PyExc_ValueError, "ndigits must be positive");
}

void suite_long(void)
{
    RUN(test_small_int_identity);
    RUN(test_from_c_types);
    RUN(test_to_c_types);
    RUN(test_as_double);
    RUN(test_big_decimal_strings);
    RUN(test_str_round_trip_and_limit);
    RUN(test_parse);
    RUN(test_bases);
    RUN(test_floor_division_signs);
    RUN(test_pow);
    RUN(test_karatsuba_products);
    RUN(test_true_division_rounding);
    RUN(test_float_comparison);
    RUN(test_shifts_and_bitwise);
    RUN(test_hash);
    RUN(test_methods);
    RUN(test_native_bytes);
    RUN(test_bool);
    RUN(test_subclass);
    RUN(test_strtoul);
    RUN(test_export_import);
}
