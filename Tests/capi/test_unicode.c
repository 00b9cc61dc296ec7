/* Tests of str through the C API: storage, the codecs, the methods,
   formatting and the creation API.

   Expected values were computed with CPython (3.11, Unicode 14; no test
   uses a character whose properties changed in Unicode 15).  Helpers keep
   their arguments in an arena released at the end of each test, so a
   test reads as a list of checks. */
#include "testlib.h"
/* The character name table is core-internal API; it is tested here. */
#define Py_BUILD_CORE
#include "pycore_unicodectype.h"
#include "pycore_unicodeobject.h"
#undef Py_BUILD_CORE

/* ---- helpers --------------------------------------------------------------- */

static PyObject *arena[1024];
static int arena_len;

static PyObject *
keep(PyObject *obj)
{
    if (obj != NULL) {
        if (arena_len == (int)Py_ARRAY_LENGTH(arena)) {
            Py_FatalError("test arena full");
        }
        arena[arena_len++] = obj;
    }
    return obj;
}

static void
release(void)
{
    while (arena_len > 0) {
        Py_DECREF(arena[--arena_len]);
    }
}

/* A str from UTF-8 text (lone surrogates allowed), borrowed. */
static PyObject *
S(const char *utf8)
{
    return keep(PyUnicode_DecodeUTF8(utf8, (Py_ssize_t)strlen(utf8),
                                     "surrogatepass"));
}

static PyObject *
I(long v)
{
    return keep(PyLong_FromLong(v));
}

static PyObject *
F(double v)
{
    return keep(PyFloat_FromDouble(v));
}

/* A tuple of n borrowed objects, borrowed. */
static PyObject *
T(int n, ...)
{
    va_list va;
    PyObject *t = keep(PyTuple_New(n));
    va_start(va, n);
    for (int i = 0; i < n; i++) {
        PyObject *item = va_arg(va, PyObject *);
        if (t != NULL && item != NULL) {
            PyTuple_SET_ITEM(t, i, Py_NewRef(item));
        }
    }
    va_end(va);
    return t;
}

/* A dict from n (const char *key, PyObject *value) pairs, borrowed. */
static PyObject *
D(int n, ...)
{
    va_list va;
    PyObject *d = keep(PyDict_New());
    va_start(va, n);
    for (int i = 0; i < n; i++) {
        const char *key = va_arg(va, const char *);
        PyObject *value = va_arg(va, PyObject *);
        if (d != NULL && value != NULL) {
            PyDict_SetItemString(d, key, value);
        }
    }
    va_end(va);
    return d;
}

/* recv.meth(args...): a new reference. */
static PyObject *
CALL(const char *recv, const char *meth, int n, ...)
{
    PyObject *args[4];
    va_list va;
    va_start(va, n);
    for (int i = 0; i < n && i < 4; i++) {
        args[i] = va_arg(va, PyObject *);
    }
    va_end(va);
    PyObject *self = S(recv);
    if (self == NULL) {
        return NULL;
    }
    PyObject *func = PyObject_GetAttrString(self, meth);
    if (func == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_Vectorcall(func, args, (size_t)n, NULL);
    Py_DECREF(func);
    return res;
}

/* fmt.format(*args, **kwargs): a new reference. */
static PyObject *
FMT(const char *fmt, PyObject *args, PyObject *kwargs)
{
    PyObject *func = PyObject_GetAttrString(S(fmt), "format");
    if (func == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_Call(func, args, kwargs);
    Py_DECREF(func);
    return res;
}

/* "|".join(seq), consuming seq. */
static PyObject *
J(PyObject *seq)
{
    if (seq == NULL) {
        return NULL;
    }
    PyObject *res = PyUnicode_Join(S("|"), seq);
    Py_DECREF(seq);
    return res;
}

#define CHECK_BOOL(expr, expected)                                          \
    do {                                                                    \
        PyObject *r_ = (expr);                                              \
        CHECK(r_ == ((expected) ? Py_True : Py_False));                     \
        Py_XDECREF(r_);                                                     \
        PyErr_Clear();                                                      \
    } while (0)

#define CHECK_INT(expr, expected)                                           \
    do {                                                                    \
        PyObject *r_ = (expr);                                              \
        CHECK(r_ != NULL && PyLong_AsLong(r_) == (expected));               \
        Py_XDECREF(r_);                                                     \
        PyErr_Clear();                                                      \
    } while (0)

#define CHECK_BYTES(expr, lit, len)                                         \
    do {                                                                    \
        PyObject *r_ = (expr);                                              \
        CHECK(r_ != NULL && PyBytes_Check(r_) && PyBytes_GET_SIZE(r_) == (len) \
              && memcmp(PyBytes_AS_STRING(r_), (lit), (len)) == 0);         \
        Py_XDECREF(r_);                                                     \
        PyErr_Clear();                                                      \
    } while (0)

/* Like CHECK_STR for results holding lone surrogates or NULs: lit is
   their UTF-8 form with surrogates encoded as surrogatepass does. */
#define CHECK_U(expr, lit, len)                                             \
    do {                                                                    \
        PyObject *r_ = (expr);                                              \
        PyObject *e_ = PyUnicode_DecodeUTF8((lit), (len), "surrogatepass"); \
        CHECK(r_ != NULL && e_ != NULL && PyUnicode_Check(r_)               \
              && PyUnicode_Compare(r_, e_) == 0);                           \
        Py_XDECREF(r_);                                                     \
        Py_XDECREF(e_);                                                     \
        PyErr_Clear();                                                      \
    } while (0)

/* The exception set, as str(exc), compared with text (unless NULL);
   clears it. */
static void
check_error_text(PyObject *type, const char *text, const char *file, int line)
{
    PyObject *exc = PyErr_GetRaisedException();
    testlib_check(exc != NULL && PyErr_GivenExceptionMatches(exc, type),
                  "expected exception type", file, line);
    if (exc != NULL && text != NULL) {
        testlib_check_str(PyObject_Str(exc), text, file, line);
    }
    Py_XDECREF(exc);
    PyErr_Clear();
}
#define CHECK_ERROR(expr, type, text)                                       \
    do {                                                                    \
        PyObject *r_ = (PyObject *)(expr);                                  \
        CHECK(r_ == NULL);                                                  \
        Py_XDECREF(r_);                                                     \
        check_error_text((type), (text), __FILE__, __LINE__);               \
    } while (0)

static void
test_case_mapping(void)
{
    CHECK_STR(CALL("stra\303\237e", "upper", 0), "STRASSE");
    CHECK_STR(CALL("\305\211", "upper", 0), "\312\274N");
    CHECK_STR(CALL("\316\221\316\243", "lower", 0), "\316\261\317\202");
    CHECK_STR(CALL("\316\221\316\243 \316\221", "lower", 0), "\316\261\317\202 \316\261");
    CHECK_STR(CALL("\316\243", "lower", 0), "\317\203");
    CHECK_STR(CALL("\316\221\316\243.\316\221", "lower", 0), "\316\261\317\203.\316\261");
    CHECK_STR(CALL("a\316\243\314\201", "lower", 0), "a\317\202\314\201");
    CHECK_STR(CALL("\316\214\316\243\316\237\316\243", "lower", 0), "\317\214\317\203\316\277\317\202");
    CHECK_STR(CALL("\307\205emal", "title", 0), "\307\205emal");
    CHECK_STR(CALL("\307\206emal \307\206", "title", 0), "\307\205emal \307\205");
    CHECK_STR(CALL("\307\206emal", "capitalize", 0), "\307\205emal");
    CHECK_STR(CALL("\304\260stanbul", "lower", 0), "i\314\207stanbul");
    CHECK_STR(CALL("\303\237", "casefold", 0), "ss");
    CHECK_STR(CALL("\357\254\201", "upper", 0), "FI");
    CHECK_STR(CALL("\357\254\201", "title", 0), "Fi");
    CHECK_STR(CALL("\316\243\316\221\316\243", "swapcase", 0), "\317\203\316\261\317\202");
    CHECK_STR(CALL("hello wORLD", "swapcase", 0), "HELLO World");
    CHECK_STR(CALL("hello world", "title", 0), "Hello World");
    CHECK_STR(CALL("they're bill's", "title", 0), "They'Re Bill'S");
    CHECK_STR(CALL("hELLO", "capitalize", 0), "Hello");
    CHECK_STR(CALL("\341\275\222", "upper", 0), "\316\245\314\223\314\200");
    CHECK_STR(CALL("\341\276\263", "title", 0), "\341\276\274");
    CHECK_STR(CALL("\341\276\263", "upper", 0), "\316\221\316\231");
    CHECK_STR(CALL("\302\265", "casefold", 0), "\316\274");
    CHECK_STR(CALL("\305\277", "casefold", 0), "s");
    CHECK_STR(CALL("\341\216\240", "casefold", 0), "\341\216\240");
    CHECK_STR(CALL("\352\255\260", "upper", 0), "\341\216\240");
    CHECK_STR(CALL("ABC", "lower", 0), "abc");
    CHECK_STR(CALL("abc", "upper", 0), "ABC");
    CHECK_STR(CALL("\303\200\303\211\303\216", "lower", 0), "\303\240\303\251\303\256");
    CHECK_STR(CALL("\303\240\303\251\303\256", "upper", 0), "\303\200\303\211\303\216");
    CHECK_STR(CALL("\303\277", "upper", 0), "\305\270");
    CHECK_STR(CALL("\360\220\220\200", "lower", 0), "\360\220\220\250");
    CHECK_STR(CALL("\360\220\220\250", "upper", 0), "\360\220\220\200");
    CHECK_STR(CALL("", "upper", 0), "");
    CHECK_STR(CALL("", "capitalize", 0), "");
    CHECK_STR(CALL("\307\210", "swapcase", 0), "\307\210");

    release();
}

static void
test_predicates(void)
{
    CHECK_BOOL(CALL("\331\243\331\244", "isdecimal", 0), 1);
    CHECK_BOOL(CALL("\302\262", "isdigit", 0), 1);
    CHECK_BOOL(CALL("\302\262", "isdecimal", 0), 0);
    CHECK_BOOL(CALL("\302\275", "isnumeric", 0), 1);
    CHECK_BOOL(CALL("\302\275", "isdigit", 0), 0);
    CHECK_BOOL(CALL("\344\270\200\344\272\214\344\270\211", "isnumeric", 0), 1);
    CHECK_BOOL(CALL("\342\205\253", "isnumeric", 0), 1);
    CHECK_BOOL(CALL("\303\251t\303\251", "isidentifier", 0), 1);
    CHECK_BOOL(CALL("_x1", "isidentifier", 0), 1);
    CHECK_BOOL(CALL("1a", "isidentifier", 0), 0);
    CHECK_BOOL(CALL("", "isidentifier", 0), 0);
    CHECK_BOOL(CALL("a-b", "isidentifier", 0), 0);
    CHECK_BOOL(CALL("\342\204\230x", "isidentifier", 0), 1);
    CHECK_BOOL(CALL("a\302\267b", "isidentifier", 0), 1);
    CHECK_BOOL(CALL("abc", "isalpha", 0), 1);
    CHECK_BOOL(CALL("ab1", "isalpha", 0), 0);
    CHECK_BOOL(CALL("ab1", "isalnum", 0), 1);
    CHECK_BOOL(CALL("a\302\262", "isalnum", 0), 1);
    CHECK_BOOL(CALL("", "isalpha", 0), 0);
    CHECK_BOOL(CALL(" \011\012\034\302\205\342\200\250\343\200\200", "isspace", 0), 1);
    CHECK_BOOL(CALL("\342\200\213", "isspace", 0), 0);
    CHECK_BOOL(CALL("", "isspace", 0), 0);
    CHECK_BOOL(CALL("abc", "islower", 0), 1);
    CHECK_BOOL(CALL("abC", "islower", 0), 0);
    CHECK_BOOL(CALL("123", "islower", 0), 0);
    CHECK_BOOL(CALL("ABC1", "isupper", 0), 1);
    CHECK_BOOL(CALL("\307\205", "isupper", 0), 0);
    CHECK_BOOL(CALL("\307\205", "istitle", 0), 1);
    CHECK_BOOL(CALL("Hello World", "istitle", 0), 1);
    CHECK_BOOL(CALL("Hello world", "istitle", 0), 0);
    CHECK_BOOL(CALL("HELLO", "istitle", 0), 0);
    CHECK_BOOL(CALL("", "istitle", 0), 0);
    CHECK_BOOL(CALL("ab\177", "isprintable", 0), 0);
    CHECK_BOOL(CALL("", "isprintable", 0), 1);
    CHECK_BOOL(CALL("\303\251\342\202\254\360\237\230\200", "isprintable", 0), 1);
    CHECK_BOOL(CALL("\302\255", "isprintable", 0), 0);
    CHECK_BOOL(CALL("a b", "isprintable", 0), 1);
    CHECK_BOOL(CALL("\302\240", "isprintable", 0), 0);
    CHECK_BOOL(CALL("abc", "isascii", 0), 1);
    CHECK_BOOL(CALL("ab\303\251", "isascii", 0), 0);
    CHECK_BOOL(CALL("", "isascii", 0), 1);

    release();
}

static void
test_split_and_partition(void)
{
    CHECK_STR(J(CALL("a b  c ", "split", 0)), "a|b|c");
    CHECK_STR(J(CALL("  a b  c ", "split", 2, Py_None, I(1))), "a|b  c ");
    CHECK_STR(J(CALL("a,b,,c", "split", 1, S(","))), "a|b||c");
    CHECK_STR(J(CALL("a,b,,c", "split", 2, S(","), I(2))), "a|b|,c");
    CHECK_STR(J(CALL("a,b,,c", "rsplit", 2, S(","), I(2))), "a,b||c");
    CHECK_STR(J(CALL("  a b  c  ", "rsplit", 2, Py_None, I(1))), "  a b|c");
    CHECK_STR(J(CALL("a\343\200\200b\342\200\250c", "split", 0)), "a|b|c");
    CHECK_STR(J(CALL("", "split", 0)), "");
    CHECK_STR(J(CALL("", "split", 1, S(","))), "");
    CHECK_STR(J(CALL("abcabc", "split", 1, S("bc"))), "a|a|");
    CHECK_STR(J(CALL("x\342\202\254y\342\202\254z", "split", 1, S("\342\202\254"))), "x|y|z");
    CHECK_STR(J(CALL("x\342\202\254y\342\202\254z", "rsplit", 2, S("\342\202\254"), I(1))), "x\342\202\254y|z");
    CHECK_STR(J(CALL("a\360\237\230\200b", "split", 1, S("\360\237\230\200"))), "a|b");
    CHECK_STR(J(CALL("a\012b\015\012c\015d\013e\014f\034g\035h\036i\302\205j\342\200\250k\342\200\251l", "splitlines", 0)), "a|b|c|d|e|f|g|h|i|j|k|l");
    CHECK_STR(J(CALL("a\012b\015\012\012c", "splitlines", 1, Py_True)), "a\012|b\015\012|\012|c");
    CHECK_STR(J(CALL("", "splitlines", 0)), "");
    CHECK_STR(J(CALL("a\012", "splitlines", 0)), "a");
    CHECK_STR(J(CALL("a\037b", "splitlines", 0)), "a\037b");
    CHECK_STR(J(CALL("a=b=c", "partition", 1, S("="))), "a|=|b=c");
    CHECK_STR(J(CALL("a=b=c", "rpartition", 1, S("="))), "a=b|=|c");
    CHECK_STR(J(CALL("abc", "partition", 1, S("="))), "abc||");
    CHECK_STR(J(CALL("abc", "rpartition", 1, S("="))), "||abc");
    CHECK_STR(J(CALL("a\342\202\254b", "partition", 1, S("\342\202\254"))), "a|\342\202\254|b");

    release();
}

static void
test_search_and_replace(void)
{
    CHECK_INT(CALL("abcabc", "find", 1, S("")), 0);
    CHECK_INT(CALL("abc", "find", 2, S(""), I(3)), 3);
    CHECK_INT(CALL("abc", "find", 2, S(""), I(4)), -1);
    CHECK_INT(CALL("abc", "rfind", 1, S("")), 3);
    CHECK_INT(CALL("abcabc", "find", 1, S("bc")), 1);
    CHECK_INT(CALL("abcabc", "rfind", 1, S("bc")), 4);
    CHECK_INT(CALL("abcabc", "find", 2, S("bc"), I(2)), 4);
    CHECK_INT(CALL("abcabc", "find", 3, S("bc"), I(-3), I(-1)), -1);
    CHECK_INT(CALL("abc", "find", 1, S("abcd")), -1);
    CHECK_INT(CALL("a\303\251\342\202\254\360\237\230\200", "find", 1, S("\360\237\230\200")), 3);
    CHECK_INT(CALL("a\303\251\342\202\254\360\237\230\200", "find", 1, S("\342\202\254")), 2);
    CHECK_INT(CALL("a\342\202\254", "find", 1, S("\360\237\230\200")), -1);
    CHECK_INT(CALL("abc", "find", 1, S("\303\251")), -1);
    CHECK_INT(CALL("aaaa", "count", 1, S("aa")), 2);
    CHECK_INT(CALL("abc", "count", 1, S("")), 4);
    CHECK_INT(CALL("abc", "count", 2, S(""), I(1)), 3);
    CHECK_INT(CALL("abc", "count", 2, S(""), I(4)), 0);
    CHECK_INT(CALL("abc", "count", 2, S(""), I(10)), 0);
    CHECK_INT(CALL("abcabc", "count", 3, S("c"), I(0), I(5)), 1);
    CHECK_INT(CALL("\342\202\254a\342\202\254", "count", 1, S("\342\202\254")), 2);
    CHECK_INT(CALL("abc", "index", 1, S("c")), 2);
    CHECK_INT(CALL("abcabc", "rindex", 1, S("a")), 3);
    CHECK_STR(CALL("abc", "replace", 2, S(""), S("-")), "-a-b-c-");
    CHECK_STR(CALL("abc", "replace", 3, S(""), S("-"), I(2)), "-a-bc");
    CHECK_STR(CALL("", "replace", 2, S(""), S("x")), "x");
    CHECK_STR(CALL("aaa", "replace", 2, S("a"), S("bb")), "bbbbbb");
    CHECK_STR(CALL("aaa", "replace", 3, S("a"), S("b"), I(2)), "bba");
    CHECK_STR(CALL("aaa", "replace", 2, S("a"), S("")), "");
    CHECK_STR(CALL("a\342\202\254a", "replace", 2, S("\342\202\254"), S("e")), "aea");
    CHECK_STR(CALL("abc", "replace", 2, S("b"), S("\360\237\230\200")), "a\360\237\230\200c");
    CHECK_STR(CALL("abcabc", "replace", 3, S("bc"), S("X"), I(0)), "abcabc");
    CHECK_BOOL(CALL("hello", "startswith", 1, S("he")), 1);
    CHECK_BOOL(CALL("hello", "startswith", 1, T(2, S("x"), S("hel"))), 1);
    CHECK_BOOL(CALL("hello", "endswith", 3, S("lo"), I(0), I(4)), 0);
    CHECK_BOOL(CALL("hello", "endswith", 1, S("")), 1);
    CHECK_BOOL(CALL("hello", "startswith", 2, S(""), I(6)), 0);
    CHECK_STR(CALL("hello", "removeprefix", 1, S("he")), "llo");
    CHECK_STR(CALL("hello", "removesuffix", 1, S("lo")), "hel");
    CHECK_STR(CALL("hello", "removesuffix", 1, S("")), "hello");

    release();
}

static void
test_padding_and_strip(void)
{
    CHECK_STR(CALL("abc", "center", 2, I(9), S("*")), "***abc***");
    CHECK_STR(CALL("abc", "center", 2, I(8), S("\342\202\254")), "\342\202\254\342\202\254abc\342\202\254\342\202\254\342\202\254");
    CHECK_STR(CALL("ab", "center", 1, I(5)), "  ab ");
    CHECK_STR(CALL("abc", "ljust", 2, I(6), S(".")), "abc...");
    CHECK_STR(CALL("abc", "rjust", 1, I(6)), "   abc");
    CHECK_STR(CALL("abc", "rjust", 1, I(2)), "abc");
    CHECK_STR(CALL("42", "zfill", 1, I(5)), "00042");
    CHECK_STR(CALL("-42", "zfill", 1, I(5)), "-0042");
    CHECK_STR(CALL("+4", "zfill", 1, I(4)), "+004");
    CHECK_STR(CALL("abc", "zfill", 1, I(2)), "abc");
    CHECK_STR(CALL("", "zfill", 1, I(3)), "000");
    CHECK_STR(CALL("a\011bc\011d", "expandtabs", 0), "a       bc      d");
    CHECK_STR(CALL("a\011bc\011d", "expandtabs", 1, I(4)), "a   bc  d");
    CHECK_STR(CALL("ab\012\011c\015\011d", "expandtabs", 1, I(3)), "ab\012   c\015   d");
    CHECK_STR(CALL("a\011b", "expandtabs", 1, I(0)), "ab");
    CHECK_STR(CALL("\342\202\254\011\360\237\230\200", "expandtabs", 1, I(2)), "\342\202\254 \360\237\230\200");
    CHECK_STR(CALL("  xy  ", "strip", 0), "xy");
    CHECK_STR(CALL("  xy  ", "lstrip", 0), "xy  ");
    CHECK_STR(CALL("  xy  ", "rstrip", 0), "  xy");
    CHECK_STR(CALL("xxaxx", "strip", 1, S("x")), "a");
    CHECK_STR(CALL("\343\200\200a\342\200\250", "strip", 0), "a");
    CHECK_STR(CALL("abcba", "strip", 1, S("ab")), "c");
    CHECK_STR(CALL("\342\202\254a\342\202\254", "strip", 1, S("\342\202\254")), "a");
    CHECK_STR(CALL("-", "join", 1, T(3, S("a"), S("b"), S("c"))), "a-b-c");
    CHECK_STR(CALL("\342\202\254", "join", 1, T(2, S("a"), S("b"))), "a\342\202\254b");
    CHECK_STR(CALL("", "join", 1, T(1, S("x"))), "x");
    CHECK_STR(CALL("abc", "upper", 0), "ABC");

    release();
}

static void
test_encode_methods(void)
{
    CHECK_BYTES(CALL("a\303\251\342\202\254\360\237\230\200", "encode", 0), "a\303\251\342\202\254\360\237\230\200", 10);
    CHECK_BYTES(CALL("a\303\251\342\202\254\360\237\230\200", "encode", 1, S("utf-16")), "\377\376a\000\351\000\254 =\330\000\336", 12);
    CHECK_BYTES(CALL("a\303\251\342\202\254\360\237\230\200", "encode", 1, S("utf-16-be")), "\000a\000\351 \254\330=\336\000", 10);
    CHECK_BYTES(CALL("a\303\251\342\202\254\360\237\230\200", "encode", 1, S("UTF-32-LE")), "a\000\000\000\351\000\000\000\254 \000\000\000\366\001\000", 16);
    CHECK_BYTES(CALL("a\303\251\342\202\254\360\237\230\200", "encode", 1, S("utf_32")), "\377\376\000\000a\000\000\000\351\000\000\000\254 \000\000\000\366\001\000", 20);
    CHECK_BYTES(CALL("a\303\251\342\202\254", "encode", 2, S("ascii"), S("replace")), "a??", 3);
    CHECK_BYTES(CALL("a\303\251\342\202\254", "encode", 2, S("ascii"), S("ignore")), "a", 1);
    CHECK_BYTES(CALL("a\303\251\342\202\254\360\237\230\200", "encode", 2, S("ascii"), S("backslashreplace")), "a\\xe9\\u20ac\\U0001f600", 21);
    CHECK_BYTES(CALL("a\303\251\342\202\254\360\237\230\200", "encode", 2, S("latin-1"), S("xmlcharrefreplace")), "a\351&#8364;&#128512;", 18);
    CHECK_BYTES(CALL("a\303\251", "encode", 1, S("Latin1")), "a\351", 2);
    CHECK_BYTES(CALL("a\355\262\200\355\263\277", "encode", 2, S("utf-8"), S("surrogateescape")), "a\200\377", 3);
    CHECK_BYTES(CALL("a\355\240\200", "encode", 2, S("utf-8"), S("surrogatepass")), "a\355\240\200", 4);
    CHECK_BYTES(CALL("a\355\240\200b", "encode", 2, S("utf-16-le"), S("surrogatepass")), "a\000\000\330b\000", 6);
    CHECK_BYTES(CALL("a\355\240\200", "encode", 2, S("utf-8"), S("replace")), "a?", 2);
    CHECK_BYTES(CALL("a\355\240\200\355\277\277", "encode", 2, S("utf-8"), S("backslashreplace")), "a\\ud800\\udfff", 13);
    CHECK_BYTES(CALL("\303\251\012\\\360\237\230\200", "encode", 1, S("unicode_escape")), "\\xe9\\n\\\\\\U0001f600", 18);
    CHECK_BYTES(CALL("\303\251\342\202\254", "encode", 1, S("raw_unicode_escape")), "\351\\u20ac", 7);
    release();
}

static void
test_decode(void)
{
    CHECK_STR(PyUnicode_Decode("a\303\251\342\202\254\360\237\230\200", 10, "utf-8", "strict"), "a\303\251\342\202\254\360\237\230\200");
    CHECK_STR(PyUnicode_Decode("a\377b", 3, "utf-8", "replace"), "a\357\277\275b");
    CHECK_STR(PyUnicode_Decode("a\377b", 3, "utf-8", "ignore"), "ab");
    CHECK_STR(PyUnicode_Decode("a\377b", 3, "utf-8", "backslashreplace"), "a\\xffb");
    CHECK_U(PyUnicode_Decode("a\377\376b", 4, "utf-8", "surrogateescape"), "a\355\263\277\355\263\276b", 8);
    CHECK_STR(PyUnicode_Decode("\355\240\200abc", 6, "utf-8", "replace"), "\357\277\275\357\277\275\357\277\275abc");
    CHECK_U(PyUnicode_Decode("\355\240\200", 3, "utf-8", "surrogatepass"), "\355\240\200", 3);
    CHECK_STR(PyUnicode_Decode("\342\202", 2, "utf-8", "replace"), "\357\277\275");
    CHECK_STR(PyUnicode_Decode("\342\202a", 3, "utf-8", "replace"), "\357\277\275a");
    CHECK_STR(PyUnicode_Decode("\360\220\200A", 4, "utf-8", "replace"), "\357\277\275A");
    CHECK_STR(PyUnicode_Decode("\300\200", 2, "utf-8", "replace"), "\357\277\275\357\277\275");
    CHECK_STR(PyUnicode_Decode("\364\220\200\200", 4, "utf-8", "replace"), "\357\277\275\357\277\275\357\277\275\357\277\275");
    CHECK_STR(PyUnicode_Decode("\377\376A\000\254 ", 6, "utf-16", "strict"), "A\342\202\254");
    CHECK_STR(PyUnicode_Decode("\376\377\000A \254", 6, "utf-16", "strict"), "A\342\202\254");
    CHECK_STR(PyUnicode_Decode("=\330\000\336", 4, "utf-16-le", "strict"), "\360\237\230\200");
    CHECK_STR(PyUnicode_Decode("\000\330A\000", 4, "utf-16-le", "replace"), "\357\277\275A");
    CHECK_STR(PyUnicode_Decode("A\000B", 3, "utf-16-le", "replace"), "A\357\277\275");
    CHECK_U(PyUnicode_Decode("\000\330", 2, "utf-16-le", "surrogatepass"), "\355\240\200", 3);
    CHECK_STR(PyUnicode_Decode("\377\376\000\000A\000\000\000", 8, "utf-32", "strict"), "A");
    CHECK_STR(PyUnicode_Decode("\000\001\366\000", 4, "utf-32-be", "strict"), "\360\237\230\200");
    CHECK_STR(PyUnicode_Decode("\000\000\021\000A\000\000\000", 8, "utf-32-le", "replace"), "\357\277\275A");
    CHECK_STR(PyUnicode_Decode("a\200", 2, "ascii", "replace"), "a\357\277\275");
    CHECK_STR(PyUnicode_Decode("a\200\377", 3, "latin-1", "strict"), "a\302\200\303\277");
    CHECK_STR(PyUnicode_Decode("\\x41\\u20ac\\U0001f600\\n\\t\\\\\\101", 30, "unicode_escape", "strict"), "A\342\202\254\360\237\230\200\012\011\\A");
    CHECK_STR(PyUnicode_Decode("\\u20ac\\\\u20ac\351", 14, "raw_unicode_escape", "strict"), "\342\202\254\\\\u20ac\303\251");
    CHECK_STR(PyUnicode_Decode("\\x4", 3, "unicode_escape", "replace"), "\357\277\275");
    release();
}

static void
test_repr_escapes(void)
{
    CHECK_STR(PyObject_Repr(S("abc")), "'abc'");
    CHECK_STR(PyObject_Repr(S("it's")), "\"it's\"");
    CHECK_STR(PyObject_Repr(S("say \"hi\"")), "'say \"hi\"'");
    CHECK_STR(PyObject_Repr(S("both ' and \"")), "'both \\' and \"'");
    CHECK_STR(PyObject_Repr(S("tab\011here\012")), "'tab\\there\\n'");
    CHECK_STR(PyObject_Repr(S("back\\slash")), "'back\\\\slash'");
    CHECK_STR(PyObject_Repr(keep(PyUnicode_FromStringAndSize("\000\037\177", 3))), "'\\x00\\x1f\\x7f'");
    CHECK_STR(PyObject_Repr(S("\303\251\342\202\254\360\237\230\200")), "'\303\251\342\202\254\360\237\230\200'");
    CHECK_STR(PyObject_Repr(S("\302\200\302\240\302\255")), "'\\x80\\xa0\\xad'");
    CHECK_STR(PyObject_Repr(S("\342\200\250\355\240\200\363\240\200\201")), "'\\u2028\\ud800\\U000e0001'");
    CHECK_STR(PyObject_Repr(S("\364\217\277\277")), "'\\U0010ffff'");
    CHECK_STR(PyObject_Repr(S("")), "''");
    release();
}

static void
test_percent_format(void)
{
    CHECK_STR(PyUnicode_Format(S("%s|%r|%a"), T(3, S("\303\251"), S("\303\251"), S("\303\251"))), "\303\251|'\303\251'|'\\xe9'");
    CHECK_STR(PyUnicode_Format(S("%5s|%-5s|%.2s"), T(3, S("ab"), S("ab"), S("abc"))), "   ab|ab   |ab");
    CHECK_STR(PyUnicode_Format(S("%d %i %u"), T(3, I(42), I(-7), I(3))), "42 -7 3");
    CHECK_STR(PyUnicode_Format(S("%5d|%-5d|%05d|%+d|% d"), T(5, I(42), I(42), I(-42), I(42), I(42))), "   42|42   |-0042|+42| 42");
    CHECK_STR(PyUnicode_Format(S("%x %X %o %#x %#X %#o"), T(6, I(255), I(255), I(8), I(255), I(255), I(8))), "ff FF 10 0xff 0XFF 0o10");
    CHECK_STR(PyUnicode_Format(S("%.3d|%8.3d|%-8.3x|"), T(3, I(5), I(-5), I(10))), "005|    -005|00a     |");
    CHECK_STR(PyUnicode_Format(S("%c%c%c"), T(3, I(65), S("\303\251"), I(8364))), "A\303\251\342\202\254");
    CHECK_STR(PyUnicode_Format(S("%%|%s%%"), T(1, S("a"))), "%|a%");
    CHECK_STR(PyUnicode_Format(S("%(a)s-%(b)d"), D(2, "a", S("x"), "b", I(3))), "x-3");
    CHECK_STR(PyUnicode_Format(S("%*d|%-*d|%.*s"), T(6, I(5), I(1), I(4), I(2), I(2), S("abcd"))), "    1|2   |ab");
    CHECK_STR(PyUnicode_Format(S("%d"), T(1, F(3.9))), "3");
    CHECK_STR(PyUnicode_Format(S("%s"), T(1, Py_None)), "None");
    CHECK_STR(PyUnicode_Format(S("%d"), T(1, Py_True)), "1");
    CHECK_STR(PyUnicode_Format(S("%x"), T(1, I(-255))), "-ff");
    CHECK_STR(PyUnicode_Format(S("%s"), T(1, S("\342\202\254"))), "\342\202\254");
    CHECK_STR(PyUnicode_Format(S("%10s|"), T(1, S("\360\237\230\200"))), "         \360\237\230\200|");
    release();
}

static void
test_percent_float(void)
{
    CHECK_STR(PyUnicode_Format(S("%.2f|%e|%g"), T(3, F(1.5), F(12345.678), F(0.0001))),
              "1.50|1.234568e+04|0.0001");
    CHECK_STR(PyUnicode_Format(S("%10.3f|%-8.1f|%+.1e"), T(3, F(3.14159), F(3.14159), F(1234.5))),
              "     3.142|3.1     |+1.2e+03");
    CHECK_STR(PyUnicode_Format(S("%05.1f|%010f|%F|%#.0f|%f"),
                               T(5, F(-2.5), F(Py_HUGE_VAL), F(Py_NAN), F(2.0), I(7))),
              "-02.5|0000000inf|NAN|2.|7.000000");
    CHECK_ERROR(PyUnicode_Format(S("%f"), S("x")), PyExc_TypeError,
                "must be real number, not str");
    release();
}

static void
test_format_method(void)
{
    CHECK_STR(FMT("{}-{}", T(2, S("a"), S("b")), NULL), "a-b");
    CHECK_STR(FMT("{1}{0}{1}", T(2, S("a"), S("b")), NULL), "bab");
    CHECK_STR(FMT("{x}{y}", T(0), D(2, "x", S("X"), "y", S("Y"))), "XY");
    CHECK_STR(FMT("{{}}{0}}}", T(1, S("z")), NULL), "{}z}");
    CHECK_STR(FMT("{0[1]}", T(1, T(2, S("p"), S("q"))), NULL), "q");
    CHECK_STR(FMT("{0!r}|{0!s}|{0!a}", T(1, S("\303\251")), NULL), "'\303\251'|\303\251|'\\xe9'");
    CHECK_STR(FMT("{0:>5}|{0:<5}|{0:^5}", T(1, S("ab")), NULL), "   ab|ab   | ab  ");
    CHECK_STR(FMT("{0:{1}}|", T(2, S("ab"), S("4")), NULL), "ab  |");
    CHECK_STR(FMT("{0:*^{1}}", T(2, S("ab"), I(6)), NULL), "**ab**");
    CHECK_STR(FMT("{:.2}", T(1, S("abcdef")), NULL), "ab");
    CHECK_STR(FMT("", T(0), NULL), "");
    CHECK_STR(FMT("plain", T(0), NULL), "plain");
    CHECK_STR(FMT("{0[a]}", T(1, D(1, "a", S("A"))), NULL), "A");
    release();
}

/* ---- hand-written tests --------------------------------------------------- */

static void
test_storage_kinds(void)
{
    PyObject *a = S("abc"), *l = S("ab\303\251"), *b = S("a\342\202\254"),
             *w = S("a\360\237\230\200");
    CHECK(PyUnicode_KIND(a) == PyUnicode_1BYTE_KIND && PyUnicode_IS_ASCII(a));
    CHECK(PyUnicode_KIND(l) == PyUnicode_1BYTE_KIND && !PyUnicode_IS_ASCII(l));
    CHECK(PyUnicode_KIND(b) == PyUnicode_2BYTE_KIND);
    CHECK(PyUnicode_KIND(w) == PyUnicode_4BYTE_KIND);
    CHECK(PyUnicode_GET_LENGTH(w) == 2 && PyUnicode_GetLength(l) == 3);
    /* Data given in a wide kind is narrowed to the canonical one. */
    Py_UCS4 wide[3] = {'x', 0xE9, 'y'};
    PyObject *n = keep(PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, wide, 3));
    CHECK(n != NULL && PyUnicode_KIND(n) == PyUnicode_1BYTE_KIND);
    CHECK(PyUnicode_Compare(n, S("x\303\251y")) == 0);
    Py_UCS2 narrow[2] = {'o', 'k'};
    PyObject *o = keep(PyUnicode_FromKindAndData(PyUnicode_2BYTE_KIND, narrow, 2));
    CHECK(o != NULL && PyUnicode_IS_ASCII(o));
    /* PyUnicode_New picks the kind from maxchar. */
    PyObject *u = keep(PyUnicode_New(2, 0x10FFFF));
    CHECK(u != NULL && PyUnicode_KIND(u) == PyUnicode_4BYTE_KIND);
    PyUnicode_WRITE(PyUnicode_KIND(u), PyUnicode_DATA(u), 0, 0x10FFFF);
    PyUnicode_WRITE(PyUnicode_KIND(u), PyUnicode_DATA(u), 1, 'z');
    CHECK(PyUnicode_READ_CHAR(u, 0) == 0x10FFFF);
    CHECK(PyUnicode_New(-1, 0) == NULL);
    CHECK_RAISES(PyExc_SystemError);
    CHECK(PyUnicode_New(1, 0x110000) == NULL);
    CHECK_RAISES(PyExc_SystemError);
    /* The empty string and latin-1 characters are immortal singletons. */
    CHECK(PyUnicode_New(0, 0) == S(""));
    CHECK(PyUnicode_FromOrdinal(0xE9) == PyUnicode_Substring(l, 2, 3));
    CHECK(_Py_IsImmortal(S("")) && _Py_IsImmortal(PyUnicode_FromOrdinal('a')));
    CHECK(PyUnicode_FromOrdinal(0x110000) == NULL);
    CHECK_ERROR(NULL, PyExc_ValueError, "chr() arg not in range(0x110000)");
    release();
}

static void
test_indexing(void)
{
    PyObject *s = S("a\342\202\254b\360\237\230\200c");  /* a€b😀c */
    CHECK(PyUnicode_GET_LENGTH(s) == 5);
    CHECK(PyUnicode_ReadChar(s, 1) == 0x20AC);
    CHECK(PyUnicode_ReadChar(s, 3) == 0x1F600);
    CHECK(PyUnicode_ReadChar(s, 5) == (Py_UCS4)-1);
    CHECK_RAISES(PyExc_IndexError);
    CHECK_STR(PySequence_GetItem(s, 3), "\360\237\230\200");
    CHECK_STR(PySequence_GetItem(s, -1), "c");
    CHECK_ERROR(PySequence_GetItem(s, 9), PyExc_IndexError, "string index out of range");
    PyObject *sl = keep(PySlice_New(I(4), Py_None, I(-2)));
    CHECK_STR(PyObject_GetItem(s, sl), "cba");
    PyObject *sl2 = keep(PySlice_New(I(1), I(4), Py_None));
    PyObject *mid = PyObject_GetItem(s, sl2);
    CHECK(mid != NULL && PyUnicode_KIND(mid) == PyUnicode_4BYTE_KIND);
    CHECK_STR(mid, "\342\202\254b\360\237\230\200");
    /* A slice without its widest character takes the narrow kind. */
    PyObject *sl3 = keep(PySlice_New(Py_None, Py_None, I(2)));
    PyObject *even = PyObject_GetItem(s, sl3);
    CHECK(even != NULL && PyUnicode_IS_ASCII(even));
    CHECK_STR(even, "abc");
    CHECK_ERROR(PyObject_GetItem(s, S("x")), PyExc_TypeError,
                "string indices must be integers, not 'str'");
    CHECK_STR(PyUnicode_Substring(s, 1, 100), "\342\202\254b\360\237\230\200c");
    CHECK_STR(PyUnicode_Substring(s, 3, 2), "");
    release();
}

static void
test_iteration(void)
{
    PyObject *s = S("x\342\202\254");
    PyObject *it = keep(PyObject_GetIter(s));
    CHECK(it != NULL && Py_IS_TYPE(it, &PyUnicodeIter_Type));
    CHECK_STR(PyIter_Next(it), "x");
    CHECK_STR(PyIter_Next(it), "\342\202\254");
    CHECK(PyIter_Next(it) == NULL && !PyErr_Occurred());
    release();
}

static void
test_compare_hash_contains(void)
{
    PyObject *a = S("abc"), *b = S("abd"), *e = S("\303\251"), *z = S("z");
    CHECK(PyUnicode_Compare(a, b) < 0 && PyUnicode_Compare(b, a) > 0);
    CHECK(PyUnicode_Compare(a, S("abc")) == 0);
    CHECK(PyUnicode_Compare(e, z) > 0);          /* by code point */
    CHECK(PyUnicode_Compare(S("ab"), a) < 0);
    CHECK(PyObject_RichCompareBool(S("\342\202\254"), S("\360\237\230\200"), Py_LT) == 1);
    CHECK(PyUnicode_CompareWithASCIIString(a, "abc") == 0);
    CHECK(PyUnicode_CompareWithASCIIString(a, "ab") > 0);
    CHECK(PyUnicode_CompareWithASCIIString(a, "abcd") < 0);
    CHECK(PyUnicode_EqualToUTF8(e, "\303\251") == 1);
    CHECK(PyUnicode_EqualToUTF8(e, "e") == 0);
    CHECK(_PyUnicode_Equal(a, S("abc")) && !_PyUnicode_Equal(a, b));
    CHECK(PyUnicode_Equal(a, I(1)) == -1);
    CHECK_RAISES(PyExc_TypeError);
    /* Equal strings hash equal; ASCII text hashes like the same bytes. */
    CHECK(PyObject_Hash(a) == PyObject_Hash(S("abc")));
    PyObject *bytes = keep(PyBytes_FromString("abc"));
    CHECK(PyObject_Hash(a) == PyObject_Hash(bytes));
    CHECK(PyObject_Hash(S("")) == PyObject_Hash(keep(PyBytes_FromString(""))));
    CHECK(PyUnicode_Contains(a, S("bc")) == 1);
    CHECK(PyUnicode_Contains(a, S("")) == 1);
    CHECK(PyUnicode_Contains(S("a\360\237\230\200"), S("\360\237\230\200")) == 1);
    CHECK(PyUnicode_Contains(a, e) == 0);
    CHECK(PyUnicode_Contains(a, I(1)) == -1);
    CHECK_ERROR(NULL, PyExc_TypeError,
                "'in <string>' requires string as left operand, not int");
    release();
}

static void
test_concat_repeat_join(void)
{
    PyObject *a = S("ab");
    CHECK_STR(PyUnicode_Concat(a, S("\342\202\254")), "ab\342\202\254");
    CHECK_ERROR(PyUnicode_Concat(a, I(1)), PyExc_TypeError,
                "can only concatenate str (not \"int\") to str");
    CHECK(PyNumber_Add(a, S("")) == a);
    Py_DECREF(a);
    CHECK_STR(PySequence_Repeat(S("\303\251b"), 3), "\303\251b\303\251b\303\251b");
    CHECK_STR(PySequence_Repeat(a, -2), "");
    PyObject *s = PyUnicode_FromString("x");
    PyUnicode_Append(&s, S("\360\237\230\200"));
    PyUnicode_Append(&s, S("y"));
    CHECK_STR(s, "x\360\237\230\200y");
    CHECK_STR(PyUnicode_Join(S(", "), T(3, S("a"), S("\303\251"), S("c"))),
              "a, \303\251, c");
    CHECK_STR(PyUnicode_Join(NULL, T(2, S("a"), S("b"))), "a b");
    CHECK_ERROR(PyUnicode_Join(S("-"), T(2, S("a"), I(2))), PyExc_TypeError,
                "sequence item 1: expected str instance, int found");
    release();
}

static void
test_interning(void)
{
    PyObject *a = PyUnicode_FromString("weft_interned_name");
    PyObject *b = PyUnicode_FromString("weft_interned_name");
    CHECK(a != b);
    PyUnicode_InternInPlace(&a);
    PyUnicode_InternInPlace(&b);
    CHECK(a == b);
    CHECK(PyUnicode_CHECK_INTERNED(a) != SSTATE_NOT_INTERNED);
    CHECK(_Py_IsImmortal(a));
    PyObject *c = PyUnicode_InternFromString("weft_interned_name");
    CHECK(c == a);
    PyObject *d = PyUnicode_InternFromString("weft_\342\202\254");
    PyObject *e = PyUnicode_InternFromString("weft_\342\202\254");
    CHECK(d == e && PyUnicode_KIND(d) == PyUnicode_2BYTE_KIND);
    /* One-character latin-1 strings intern to the static singleton. */
    PyObject *one = PyUnicode_New(1, 0xE9);
    PyUnicode_WRITE(PyUnicode_KIND(one), PyUnicode_DATA(one), 0, 0xE9);
    PyUnicode_InternInPlace(&one);
    CHECK(one == PyUnicode_FromOrdinal(0xE9));
    PyObject *shared = PyUnicode_FromString("weft_shared_intern");
    PyObject *extra = Py_NewRef(shared);
    PyObject *p = shared;
    PyUnicode_InternInPlace(&p);
    CHECK(_PyUnicode_Equal(p, extra) && _Py_IsImmortal(p));
    /* The string itself becomes the interned one, even with other
       references to it (in the free-threaded build: because this thread
       owns it; another thread's string is interned as a copy). */
    CHECK(p == extra);
    Py_DECREF(extra);
    Py_DECREF(a); Py_DECREF(b); Py_DECREF(c); Py_DECREF(d); Py_DECREF(e);
    Py_DECREF(one); Py_DECREF(p);
}

static void
test_utf8_cache(void)
{
    PyObject *s = S("\303\251t\303\251");
    Py_ssize_t n;
    const char *u = PyUnicode_AsUTF8AndSize(s, &n);
    CHECK(u != NULL && n == 5 && memcmp(u, "\303\251t\303\251", 6) == 0);
    CHECK(PyUnicode_AsUTF8AndSize(s, NULL) == u);   /* cached */
    PyObject *a = S("plain");
    CHECK(PyUnicode_AsUTF8(a) == (const char *)PyUnicode_DATA(a));
    CHECK(PyUnicode_AsUTF8(S("a\355\240\200")) == NULL);
    CHECK_ERROR(NULL, PyExc_UnicodeEncodeError,
                "'utf-8' codec can't encode character '\\ud800' in position 1: "
                "surrogates not allowed");
    PyObject *nul = keep(PyUnicode_FromStringAndSize("a\0b", 3));
    CHECK(PyUnicode_AsUTF8AndSize(nul, &n) != NULL && n == 3);
    CHECK(PyUnicode_AsUTF8(nul) == NULL);
    CHECK_ERROR(NULL, PyExc_ValueError, "embedded null character");
    CHECK_BYTES(PyUnicode_AsUTF8String(S("\342\202\254")), "\342\202\254", 3);
    release();
}

static void
test_codec_errors(void)
{
    CHECK_ERROR(PyUnicode_AsEncodedString(S("\303\251"), "ascii", NULL),
                PyExc_UnicodeEncodeError,
                "'ascii' codec can't encode character '\\xe9' in position 0: "
                "ordinal not in range(128)");
    CHECK_ERROR(PyUnicode_AsEncodedString(S("a\303\251\303\251"), "ascii", NULL),
                PyExc_UnicodeEncodeError,
                "'ascii' codec can't encode characters in position 1-2: "
                "ordinal not in range(128)");
    CHECK_ERROR(PyUnicode_Decode("a\377", 2, "utf-8", NULL), PyExc_UnicodeDecodeError,
                "'utf-8' codec can't decode byte 0xff in position 1: invalid start byte");
    CHECK_ERROR(PyUnicode_Decode("\342\202", 2, "utf-8", NULL), PyExc_UnicodeDecodeError,
                "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data");
    CHECK_ERROR(PyUnicode_Decode("\000\330\000\330", 4, "utf-16-le", NULL),
                PyExc_UnicodeDecodeError,
                "'utf-16-le' codec can't decode bytes in position 0-1: "
                "illegal UTF-16 surrogate");
    CHECK_ERROR(PyUnicode_Decode("\000\330\000\000", 4, "utf-32", NULL),
                PyExc_UnicodeDecodeError,
                "'utf-32-le' codec can't decode bytes in position 0-3: "
                "code point in surrogate code point range(0xd800, 0xe000)");
    CHECK_ERROR(PyUnicode_Decode("abc", 3, "no-such-codec", NULL), PyExc_LookupError,
                "unknown encoding: no-such-codec");
    CHECK_ERROR(PyUnicode_AsEncodedString(S("\303\251"), "ascii", "bogus"),
                PyExc_LookupError, "unknown error handler name 'bogus'");
    CHECK_ERROR(PyUnicode_Decode("\377", 1, "utf-8", "xmlcharrefreplace"),
                PyExc_TypeError,
                "don't know how to handle UnicodeDecodeError in error callback");
    /* Stateful decoding keeps an incomplete sequence for later. */
    Py_ssize_t consumed;
    CHECK_STR(PyUnicode_DecodeUTF8Stateful("a\342\202", 3, NULL, &consumed), "a");
    CHECK(consumed == 1);
    int bo = 0;
    CHECK_STR(PyUnicode_DecodeUTF16("\376\377\000A", 4, NULL, &bo), "A");
    CHECK(bo == 1);
    /* Round trips. */
    static const char *const samples[] = {
        "", "ascii", "caf\303\251", "\342\202\254uro", "\360\237\230\200 \360\237\221\215",
    };
    static const char *const encodings[] = {
        "utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
        "unicode_escape", "raw_unicode_escape",
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(samples); i++) {
        for (size_t j = 0; j < Py_ARRAY_LENGTH(encodings); j++) {
            PyObject *s = S(samples[i]);
            PyObject *enc = keep(PyUnicode_AsEncodedString(s, encodings[j], NULL));
            PyObject *dec = enc ? keep(PyUnicode_Decode(PyBytes_AS_STRING(enc),
                                                        PyBytes_GET_SIZE(enc),
                                                        encodings[j], NULL)) : NULL;
            CHECK(dec != NULL && _PyUnicode_Equal(s, dec));
        }
    }
    release();
}

static void
test_character_names(void)
{
    char buf[256];
    Py_UCS4 ch;
    CHECK(_PyUnicode_GetName(0x2014, buf, sizeof buf) && strcmp(buf, "EM DASH") == 0);
    CHECK(_PyUnicode_GetName(0xAC01, buf, sizeof buf)
          && strcmp(buf, "HANGUL SYLLABLE GAG") == 0);
    CHECK(_PyUnicode_GetName(0x4E00, buf, sizeof buf)
          && strcmp(buf, "CJK UNIFIED IDEOGRAPH-4E00") == 0);
    CHECK(!_PyUnicode_GetName(0x0378, buf, sizeof buf));    /* unassigned */
    CHECK(!_PyUnicode_GetName(0x0000, buf, sizeof buf));    /* <control> */
    CHECK(_PyUnicode_LookupName("latin small letter sharp s", 26, 0, &ch) && ch == 0xDF);
    CHECK(_PyUnicode_LookupName("HANGUL SYLLABLE GGWAELH", 23, 0, &ch) && ch == 0xAF73);
    CHECK(_PyUnicode_LookupName("CJK UNIFIED IDEOGRAPH-20000", 27, 0, &ch) && ch == 0x20000);
    CHECK(!_PyUnicode_LookupName("LINE FEED", 9, 0, &ch));
    CHECK(_PyUnicode_LookupName("LINE FEED", 9, 1, &ch) && ch == 0x0A);
    CHECK(!_PyUnicode_LookupName("NO SUCH CHARACTER", 17, 1, &ch));
    CHECK_STR(PyUnicode_DecodeUnicodeEscape("\\N{EM DASH}\\N{latin small letter a}", 35, NULL),
              "\342\200\224a");
    CHECK_ERROR(PyUnicode_DecodeUnicodeEscape("\\N{nope}", 8, NULL), PyExc_UnicodeDecodeError,
                "'unicodeescape' codec can't decode bytes in position 0-7: "
                "unknown Unicode character name");
    CHECK_BYTES(PyUnicode_AsEncodedString(S("a\342\200\224\364\217\277\277"), "ascii",
                                          "namereplace"),
                "a\\N{EM DASH}\\U0010ffff", 22);
    release();
}

static void
test_database(void)
{
    const char *tag;
    Py_UCS4 buf[_PyUnicode_DECOMPOSITION_MAX];
    CHECK(strcmp(_PyUnicode_CategoryName('A'), "Lu") == 0);
    CHECK(strcmp(_PyUnicode_CategoryName(0x0378), "Cn") == 0);
    CHECK(strcmp(_PyUnicode_BidirectionalName(0x05D0), "R") == 0);
    CHECK(_PyUnicode_CombiningClass(0x0301) == 230);
    CHECK(_PyUnicode_IsMirrored('(') && !_PyUnicode_IsMirrored('a'));
    CHECK(strcmp(_PyUnicode_EastAsianWidthName(0x4E00), "W") == 0);
    CHECK(strcmp(_PyUnicode_EastAsianWidthName('a'), "Na") == 0);
    CHECK(_PyUnicode_GetDecomposition(0xE9, &tag, buf) == 2 && tag[0] == '\0'
          && buf[0] == 'e' && buf[1] == 0x301);
    CHECK(_PyUnicode_GetDecomposition(0xFB01, &tag, buf) == 2
          && strcmp(tag, "<compat>") == 0 && buf[0] == 'f' && buf[1] == 'i');
    CHECK(_PyUnicode_GetDecomposition('a', &tag, buf) == 0);
    CHECK(_PyUnicode_Compose('e', 0x301) == 0xE9);
    CHECK(_PyUnicode_Compose(0x1100, 0x1161) == 0xAC00);
    CHECK(_PyUnicode_Compose(0xAC00, 0x11A8) == 0xAC01);
    CHECK(_PyUnicode_Compose(0x0915, 0x093C) == 0);     /* excluded: U+0958 */
    CHECK(_PyUnicode_IsCompositionExclusion(0x0958));
    CHECK(_PyUnicode_QuickCheck(0xE9, 2) == 1 && _PyUnicode_QuickCheck(0xE9, 0) == 0);
    CHECK(_PyUnicode_QuickCheck(0x301, 0) == 2);
    double v;
    CHECK(_PyUnicode_GetNumericValue(0xBD, &v) && v == 0.5);
    CHECK(_PyUnicode_GetNumericValue(0x4E07, &v) && v == 10000.0);
    CHECK(!_PyUnicode_GetNumericValue('x', &v));
}

static void
test_numeric_transform(void)
{
    /* "\u0663\u2003\u00b2x": Arabic-Indic three, em space, superscript two */
    PyObject *t = _PyUnicode_TransformDecimalAndSpaceToASCII(S("\331\243\342\200\203\302\262x"));
    CHECK_STR(t, "3 ?x");
    PyObject *a = S("12");
    t = _PyUnicode_TransformDecimalAndSpaceToASCII(a);
    CHECK(t == a);
    Py_XDECREF(t);
    release();
}

static void
test_charmap(void)
{
    PyObject *table = S("ab\357\277\276c");   /* "ab\ufffec" */
    CHECK_STR(PyUnicode_DecodeCharmap("\000\001\003", 3, table, NULL), "abc");
    CHECK_STR(PyUnicode_DecodeCharmap("\000\002\007", 3, table, "replace"),
              "a\357\277\275\357\277\275");
    CHECK_ERROR(PyUnicode_DecodeCharmap("\000\002", 2, table, NULL),
                PyExc_UnicodeDecodeError,
                "'charmap' codec can't decode byte 0x02 in position 1: "
                "character maps to <undefined>");
    PyObject *dmap = D(0);
    PyDict_SetItem(dmap, I(0), S("xy"));
    PyDict_SetItem(dmap, I(1), I(0x20AC));
    PyDict_SetItem(dmap, I(2), Py_None);
    CHECK_STR(PyUnicode_DecodeCharmap("\000\001", 2, dmap, NULL), "xy\342\202\254");
    CHECK_STR(PyUnicode_DecodeCharmap("\002\000", 2, dmap, "ignore"), "xy");
    CHECK_STR(PyUnicode_DecodeCharmap("\351", 1, Py_None, NULL), "\303\251");
    PyObject *emap = D(0);
    PyDict_SetItem(emap, I('a'), I(1));
    PyDict_SetItem(emap, I('b'), keep(PyBytes_FromString("BB")));
    PyDict_SetItem(emap, I('?'), I('?'));
    CHECK_BYTES(PyUnicode_AsCharmapString(S("ab"), emap), "\001BB", 3);
    CHECK_BYTES(_PyUnicode_EncodeCharmap(S("abc"), emap, "replace"), "\001BB?", 4);
    CHECK_BYTES(_PyUnicode_EncodeCharmap(S("abc"), emap, "ignore"), "\001BB", 3);
    CHECK_ERROR(_PyUnicode_EncodeCharmap(S("ac"), emap, "xmlcharrefreplace"),
                PyExc_UnicodeEncodeError, NULL);
    CHECK_ERROR(_PyUnicode_EncodeCharmap(S("abc"), emap, NULL), PyExc_UnicodeEncodeError, NULL);
    PyObject *inverse = keep(PyUnicode_BuildEncodingMap(table));
    CHECK_BYTES(PyUnicode_AsCharmapString(S("cab"), inverse), "\003\000\001", 3);
    release();
}

static void
test_translate(void)
{
    PyObject *table = D(0);
    PyDict_SetItem(table, I('a'), S("XY"));
    PyDict_SetItem(table, I('b'), Py_None);
    PyDict_SetItem(table, I('c'), I(0x20AC));
    CHECK_STR(PyUnicode_Translate(S("abcdabc"), table, NULL), "XY\342\202\254dXY\342\202\254");
    PyObject *t2 = keep(CALL("", "maketrans", 3, S("ab"), S("\303\251z"), S("d")));
    CHECK_STR(CALL("abcd", "translate", 1, t2), "\303\251zc");
    CHECK_ERROR(CALL("", "maketrans", 2, S("ab"), S("c")), PyExc_ValueError,
                "the first two maketrans arguments must have equal length");
    PyDict_SetItem(table, I('e'), F(1.5));
    CHECK_ERROR(PyUnicode_Translate(S("e"), table, NULL), PyExc_TypeError,
                "character mapping must return integer, None or str");
    release();
}

static void
test_method_errors(void)
{
    CHECK_ERROR(CALL("a", "index", 1, S("b")), PyExc_ValueError, "substring not found");
    CHECK_ERROR(CALL("a", "split", 1, S("")), PyExc_ValueError, "empty separator");
    CHECK_ERROR(CALL("a", "partition", 1, S("")), PyExc_ValueError, "empty separator");
    CHECK_ERROR(CALL("a", "replace", 1, S("a")), PyExc_TypeError,
                "replace expected at least 2 arguments, got 1");
    CHECK_ERROR(CALL("a", "center", 2, I(5), S("ab")), PyExc_TypeError,
                "The fill character must be exactly one character long");
    CHECK_ERROR(CALL("a", "startswith", 1, I(1)), PyExc_TypeError,
                "startswith first arg must be str or a tuple of str, not int");
    CHECK_ERROR(CALL("a", "strip", 1, I(1)), PyExc_TypeError,
                "strip arg must be None or str");
    CHECK_ERROR(FMT("{0}", T(0), NULL), PyExc_IndexError,
                "Replacement index 0 out of range for positional args tuple");
    CHECK_ERROR(FMT("{", T(0), NULL), PyExc_ValueError,
                "Single '{' encountered in format string");
    CHECK_ERROR(FMT("}", T(0), NULL), PyExc_ValueError,
                "Single '}' encountered in format string");
    CHECK_ERROR(FMT("{} {0}", T(1, I(1)), NULL), PyExc_ValueError,
                "cannot switch from automatic field numbering to manual field "
                "specification");
    CHECK_ERROR(FMT("{0:{1:{2}}}", T(3, I(1), I(2), I(3)), NULL), PyExc_ValueError,
                "Max string recursion exceeded");
    CHECK_ERROR(FMT("{0!x}", T(1, I(1)), NULL), PyExc_ValueError,
                "Unknown conversion specifier x");
    CHECK_ERROR(PyUnicode_Format(S("%s %s"), T(1, I(1))), PyExc_TypeError,
                "not enough arguments for format string");
    CHECK_ERROR(PyUnicode_Format(S("%s"), T(2, I(1), I(2))), PyExc_TypeError,
                "not all arguments converted during string formatting");
    CHECK_ERROR(PyUnicode_Format(S("%(a)s"), I(1)), PyExc_TypeError,
                "format requires a mapping");
    CHECK_ERROR(PyUnicode_Format(S("%z"), I(1)), PyExc_ValueError,
                "unsupported format character 'z' (0x7a) at index 1");
    CHECK_ERROR(PyUnicode_Format(S("%d"), S("a")), PyExc_TypeError,
                "%d format: a real number is required, not str");
    CHECK_ERROR(PyUnicode_Format(S("%x"), F(1.5)), PyExc_TypeError,
                "%x format: an integer is required, not float");
    release();
}

static void
test_from_format(void)
{
    PyObject *obj = S("\303\251");
    CHECK_STR(PyUnicode_FromFormat("%s|%.3s|%5s|%-5s|", "abc", "abcdef", "ab", "ab"),
              "abc|abc|   ab|ab   |");
    CHECK_STR(PyUnicode_FromFormat("%d %i %u %ld %lu %lld %zd %zu", -1, 2, 3u, -4L,
                                   5UL, -6LL, (Py_ssize_t)-7, (size_t)8),
              "-1 2 3 -4 5 -6 -7 8");
    CHECK_STR(PyUnicode_FromFormat("%x %X %lx %5d|%-5d|%05d|%.3d", 255, 255, 4096L,
                                   42, 42, 42, 7),
              "ff FF 1000    42|42   |00042|007");
    CHECK_STR(PyUnicode_FromFormat("%c%c%%", 'A', 0x20AC), "A\342\202\254%");
    CHECK_STR(PyUnicode_FromFormat("%p", (void *)0x1234), "0x1234");
    CHECK_STR(PyUnicode_FromFormat("%U|%V|%V", obj, obj, "x", NULL, "y\303\251"),
              "\303\251|\303\251|y\303\251");
    CHECK_STR(PyUnicode_FromFormat("%S|%R|%A", obj, obj, obj),
              "\303\251|'\303\251'|'\\xe9'");
    CHECK_STR(PyUnicode_FromFormat("%.1R|%4S|", S("abc"), obj), "'|   \303\251|");
    CHECK_STR(PyUnicode_FromFormat("%*d|%.*s", 4, 7, 2, "abcd"), "   7|ab");
    CHECK_STR(PyUnicode_FromFormat("%T|%N", obj, (PyObject *)&PyLong_Type), "str|int");
    CHECK_STR(PyUnicode_FromFormat("%ls", L"w\u20ac"), "w\342\202\254");
    CHECK_STR(PyUnicode_FromFormat("%s", "bad\377"), "bad\357\277\275");
    CHECK_STR(PyUnicode_FromFormat("no units"), "no units");
    CHECK_ERROR(PyUnicode_FromFormat("%q", 1), PyExc_SystemError,
                "invalid format string: %q");
    release();
}

static void
test_writer(void)
{
    PyUnicodeWriter *w = PyUnicodeWriter_Create(0);
    CHECK(w != NULL);
    CHECK(PyUnicodeWriter_WriteUTF8(w, "ab", -1) == 0);
    CHECK(PyUnicodeWriter_WriteChar(w, 0xE9) == 0);
    CHECK(PyUnicodeWriter_WriteStr(w, I(12)) == 0);
    CHECK(PyUnicodeWriter_WriteRepr(w, S("q")) == 0);
    CHECK(PyUnicodeWriter_WriteSubstring(w, S("0123456"), 2, 4) == 0);
    CHECK(PyUnicodeWriter_Format(w, "<%d:%s>", 5, "x") == 0);
    CHECK_STR(PyUnicodeWriter_Finish(w), "ab\303\25112'q'23<5:x>");
    /* A wide character written and then narrowed back is not possible:
       the kind follows what was written. */
    w = PyUnicodeWriter_Create(10);
    CHECK(PyUnicodeWriter_WriteUTF8(w, "x\360\237\230\200", 5) == 0);
    PyObject *r = PyUnicodeWriter_Finish(w);
    CHECK(r != NULL && PyUnicode_KIND(r) == PyUnicode_4BYTE_KIND);
    CHECK_STR(r, "x\360\237\230\200");
    w = PyUnicodeWriter_Create(0);
    CHECK(PyUnicodeWriter_WriteChar(w, 0x110000) == -1);
    CHECK_RAISES(PyExc_ValueError);
    CHECK(PyUnicodeWriter_WriteUTF8(w, "\377", 1) == -1);
    CHECK_RAISES(PyExc_UnicodeDecodeError);
    PyUnicodeWriter_Discard(w);
    w = PyUnicodeWriter_Create(0);
    r = PyUnicodeWriter_Finish(w);
    CHECK(r == S(""));
    /* The internal writer narrows a result whose wide request went unused. */
    _PyUnicodeWriter iw;
    _PyUnicodeWriter_Init(&iw);
    CHECK(_PyUnicodeWriter_Prepare(&iw, 3, 0x10FFFF) == 0);
    CHECK(_PyUnicodeWriter_WriteASCIIString(&iw, "abc", 3) == 0);
    r = _PyUnicodeWriter_Finish(&iw);
    CHECK(r != NULL && PyUnicode_IS_ASCII(r));
    CHECK_STR(r, "abc");
    release();
}

static void
test_constructor(void)
{
    PyObject *type = (PyObject *)&PyUnicode_Type;
    CHECK_STR(PyObject_CallOneArg(type, I(42)), "42");
    CHECK_STR(PyObject_CallNoArgs(type), "");
    PyObject *bytes = keep(PyBytes_FromStringAndSize("caf\303\251", 5));
    CHECK_STR(PyObject_CallFunction(type, "Os", bytes, "utf-8"), "caf\303\251");
    CHECK_STR(PyObject_CallFunction(type, "Oss", bytes, "ascii", "replace"),
              "caf\357\277\275\357\277\275");
    CHECK_STR(PyObject_CallFunction(type, "Os", bytes, "latin-1"), "caf\303\203\302\251");
    CHECK_ERROR(PyObject_CallFunction(type, "Os", S("x"), "utf-8"), PyExc_TypeError,
                "decoding str is not supported");
    CHECK_ERROR(PyObject_CallFunction(type, "Os", I(1), "utf-8"), PyExc_TypeError,
                "decoding to str: need a bytes-like object, int found");
    CHECK_STR(PyUnicode_FromEncodedObject(bytes, NULL, NULL), "caf\303\251");
    CHECK_STR(PyUnicode_FromWideChar(L"w\u00e9\U0001F600", -1), "w\303\251\360\237\230\200");
    wchar_t buf[8];
    CHECK(PyUnicode_AsWideChar(S("h\303\251"), buf, 8) == 2 && buf[1] == 0xE9 && buf[2] == 0);
    Py_UCS4 *ucs4 = PyUnicode_AsUCS4Copy(S("\360\237\230\200!"));
    CHECK(ucs4 != NULL && ucs4[0] == 0x1F600 && ucs4[1] == '!' && ucs4[2] == 0);
    PyMem_Free(ucs4);
    release();
}

#ifdef Py_GIL_DISABLED
#include <pthread.h>

/* Racing fills of the UTF-8 cache and racing interning must agree: every
   thread sees one complete buffer per string, and one interned object per
   text.  (These paths touch no thread state, so plain threads suffice.) */
enum { RACE_THREADS = 4, RACE_STRINGS = 64 };
static PyObject *race_strings[RACE_STRINGS];
static const char *race_utf8[RACE_THREADS][RACE_STRINGS];
static PyObject *race_interned[RACE_THREADS][RACE_STRINGS];
static int race_ok[RACE_THREADS];

static void *
race_worker(void *arg)
{
    int id = (int)(intptr_t)arg;
    int ok = 1;
    for (int i = 0; i < RACE_STRINGS; i++) {
        Py_ssize_t n;
        const char *u = PyUnicode_AsUTF8AndSize(race_strings[i], &n);
        char expected[32];
        snprintf(expected, sizeof expected, "\303\251-%d-\342\202\254", i);
        ok &= u != NULL && n == (Py_ssize_t)strlen(expected) && strcmp(u, expected) == 0;
        race_utf8[id][i] = u;
        char text[32];
        snprintf(text, sizeof text, "weft-race-%d", i);
        PyObject *s = PyUnicode_FromString(text);
        PyUnicode_InternInPlace(&s);
        race_interned[id][i] = s;   /* immortal: no reference to drop */
    }
    race_ok[id] = ok;
    return NULL;
}

static void
test_free_threaded_races(void)
{
    for (int i = 0; i < RACE_STRINGS; i++) {
        race_strings[i] = PyUnicode_FromFormat("%s-%d-%s", "\303\251", i,
                                               "\342\202\254");
        if (race_strings[i] == NULL) {
            CHECK(0);
            return;
        }
    }
    pthread_t threads[RACE_THREADS];
    for (int t = 0; t < RACE_THREADS; t++) {
        pthread_create(&threads[t], NULL, race_worker, (void *)(intptr_t)t);
    }
    for (int t = 0; t < RACE_THREADS; t++) {
        pthread_join(threads[t], NULL);
    }
    for (int t = 0; t < RACE_THREADS; t++) {
        CHECK(race_ok[t]);
        for (int i = 0; i < RACE_STRINGS; i++) {
            CHECK(race_utf8[t][i] == race_utf8[0][i]);
            CHECK(race_interned[t][i] == race_interned[0][i]);
        }
    }
    for (int i = 0; i < RACE_STRINGS; i++) {
        Py_DECREF(race_strings[i]);
    }
}
#endif

void
suite_unicode(void)
{
    RUN(test_storage_kinds);
    RUN(test_indexing);
    RUN(test_iteration);
    RUN(test_compare_hash_contains);
    RUN(test_concat_repeat_join);
    RUN(test_interning);
    RUN(test_utf8_cache);
    RUN(test_codec_errors);
    RUN(test_case_mapping);
    RUN(test_predicates);
    RUN(test_split_and_partition);
    RUN(test_search_and_replace);
    RUN(test_padding_and_strip);
    RUN(test_encode_methods);
    RUN(test_decode);
    RUN(test_repr_escapes);
    RUN(test_character_names);
    RUN(test_database);
    RUN(test_numeric_transform);
    RUN(test_charmap);
    RUN(test_translate);
    RUN(test_percent_format);
    RUN(test_percent_float);
    RUN(test_format_method);
    RUN(test_method_errors);
    RUN(test_from_format);
    RUN(test_writer);
    RUN(test_constructor);
#ifdef Py_GIL_DISABLED
    RUN(test_free_threaded_races);
#endif
}
