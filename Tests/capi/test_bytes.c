/* Tests of bytes, bytearray, memoryview and the buffer protocol through
   the C API.  Expected values come from CPython's documented behaviour. */
#include "testlib.h"

static PyObject *b(const char *text)
{
    return PyBytes_FromString(text);
}

/* repr(obj) compared with `expected`; consumes obj. */
static void check_repr(PyObject *obj, const char *expected)
{
    CHECK(obj != NULL);
    if (obj == NULL) {
        PyErr_Clear();
        return;
    }
    CHECK_STR(PyObject_Repr(obj), expected);
    Py_DECREF(obj);
}

/* slice(start, stop, step) with NONE standing for None. */
#define NONE PY_SSIZE_T_MIN
static PyObject *slice3(Py_ssize_t start, Py_ssize_t stop, Py_ssize_t step)
{
    PyObject *a = start == NONE ? Py_NewRef(Py_None) : PyLong_FromSsize_t(start);
    PyObject *c = stop == NONE ? Py_NewRef(Py_None) : PyLong_FromSsize_t(stop);
    PyObject *d = step == NONE ? Py_NewRef(Py_None) : PyLong_FromSsize_t(step);
    PyObject *slice = PySlice_New(a, c, d);
    Py_DECREF(a);
    Py_DECREF(c);
    Py_DECREF(d);
    return slice;
}

static int bytes_equal(PyObject *obj, const char *expected, Py_ssize_t size)
{
    int ok = obj != NULL && PyBytes_Check(obj) && PyBytes_GET_SIZE(obj) == size
             && memcmp(PyBytes_AS_STRING(obj), expected, (size_t)size) == 0;
    if (obj == NULL) {
        PyErr_Clear();
    }
    Py_XDECREF(obj);
    return ok;
}

static void test_construction(void)
{
    PyObject *x = PyBytes_FromStringAndSize("a\0b", 3);
    CHECK(PyBytes_GET_SIZE(x) == 3);
    CHECK(PyBytes_AS_STRING(x)[3] == '\0');
    char *s;
    Py_ssize_t n;
    CHECK(PyBytes_AsStringAndSize(x, &s, NULL) == -1);
    CHECK_RAISES(PyExc_ValueError);
    CHECK(PyBytes_AsStringAndSize(x, &s, &n) == 0 && n == 3);
    Py_DECREF(x);

    PyObject *empty1 = PyBytes_FromStringAndSize(NULL, 0);
    PyObject *empty2 = b("");
    CHECK(empty1 == empty2);
    Py_DECREF(empty1);
    Py_DECREF(empty2);

    /* bytes(3), bytes([1, 2]), bytes('é', 'utf-8') */
    PyObject *three = PyLong_FromLong(3);
    CHECK(bytes_equal(PyObject_CallOneArg((PyObject *)&PyBytes_Type, three), "\0\0\0", 3));
    Py_DECREF(three);
    PyObject *list = Py_BuildValue("[ii]", 1, 255);
    CHECK(bytes_equal(PyBytes_FromObject(list), "\x01\xff", 2));
    Py_DECREF(list);
    list = Py_BuildValue("[i]", 256);
    CHECK(PyBytes_FromObject(list) == NULL);
    CHECK_RAISES(PyExc_ValueError);
    Py_DECREF(list);
    PyObject *text = PyUnicode_FromString("\xc3\xa9");
    CHECK(bytes_equal(PyObject_CallFunction((PyObject *)&PyBytes_Type, "Os", text, "utf-8"),
                      "\xc3\xa9", 2));
    CHECK(PyObject_CallOneArg((PyObject *)&PyBytes_Type, text) == NULL);
    CHECK_RAISES(PyExc_TypeError);
    Py_DECREF(text);

    PyObject *formatted = PyBytes_FromFormat("%d-%s-%zd", 42, "x", (Py_ssize_t)7);
    CHECK(bytes_equal(formatted, "42-x-7", 6));
}

static void test_repr(void)
{
    check_repr(b("abc"), "b'abc'");
    check_repr(b("it's"), "b\"it's\"");
    check_repr(b("'\""), "b'\\'\"'");
    check_repr(PyBytes_FromStringAndSize("\x00\t\n\r\x7f\x80\xff\\", 8),
               "b'\\x00\\t\\n\\r\\x7f\\x80\\xff\\\\'");
    check_repr(PyByteArray_FromStringAndSize("ab", 2), "bytearray(b'ab')");
    check_repr(PyByteArray_FromStringAndSize(NULL, 0), "bytearray(b'')");
}

static void test_hash_and_compare(void)
{
    PyObject *x = b("hello"), *y = PyBytes_FromStringAndSize("hello", 5);
    CHECK(x != y || PyBytes_GET_SIZE(x) == 0);
    CHECK(PyObject_Hash(x) == PyObject_Hash(y));
    CHECK(PyObject_RichCompareBool(x, y, Py_EQ) == 1);
    PyObject *z = b("help");
    CHECK(PyObject_RichCompareBool(z, x, Py_GT) == 1);  /* 'p' > 'l' */
    Py_DECREF(z);
    z = b("hell");
    CHECK(PyObject_RichCompareBool(z, x, Py_LT) == 1);
    CHECK(PyObject_RichCompareBool(x, z, Py_GT) == 1);
    Py_DECREF(z);
    PyObject *high = PyBytes_FromStringAndSize("\xff", 1), *low = b("a");
    CHECK(PyObject_RichCompareBool(high, low, Py_GT) == 1);  /* unsigned */
    Py_DECREF(high);
    Py_DECREF(low);
    PyObject *ba = PyByteArray_FromStringAndSize("hello", 5);
    CHECK(PyObject_RichCompareBool(ba, x, Py_EQ) == 1);
    CHECK(PyObject_Hash(ba) == -1);
    CHECK_RAISES(PyExc_TypeError);
    PyObject *text = PyUnicode_FromString("hello");
    CHECK(PyObject_RichCompareBool(x, text, Py_EQ) == 0);
    Py_DECREF(text);
    Py_DECREF(ba);
    Py_DECREF(x);
    Py_DECREF(y);
}

static void test_methods(void)
{
    PyObject *x = b("  Hello World  ");
    CHECK(bytes_equal(PyObject_CallMethod(x, "strip", NULL), "Hello World", 11));
    CHECK(bytes_equal(PyObject_CallMethod(x, "lstrip", NULL), "Hello World  ", 13));
    CHECK(bytes_equal(PyObject_CallMethod(x, "upper", NULL), "  HELLO WORLD  ", 15));
    CHECK(bytes_equal(PyObject_CallMethod(x, "swapcase", NULL), "  hELLO wORLD  ", 15));
    check_repr(PyObject_CallMethod(x, "split", NULL), "[b'Hello', b'World']");
    Py_DECREF(x);

    x = b("a,b,,c");
    check_repr(PyObject_CallMethod(x, "split", "y", ","), "[b'a', b'b', b'', b'c']");
    check_repr(PyObject_CallMethod(x, "split", "yi", ",", 1), "[b'a', b'b,,c']");
    check_repr(PyObject_CallMethod(x, "rsplit", "yi", ",", 1), "[b'a,b,', b'c']");
    check_repr(PyObject_CallMethod(x, "partition", "y", ","), "(b'a', b',', b'b,,c')");
    check_repr(PyObject_CallMethod(x, "rpartition", "y", ";"), "(b'', b'', b'a,b,,c')");
    check_repr(PyObject_CallMethod(x, "replace", "yy", ",", "--"), "b'a--b----c'");
    check_repr(PyObject_CallMethod(x, "replace", "yyi", ",", "", 2), "b'ab,c'");
    check_repr(PyObject_CallMethod(x, "replace", "yy", "", "."), "b'.a.,.b.,.,.c.'");
    check_repr(PyObject_CallMethod(x, "count", "y", ","), "3");
    check_repr(PyObject_CallMethod(x, "find", "y", "c"), "5");
    check_repr(PyObject_CallMethod(x, "rfind", "y", ","), "4");
    check_repr(PyObject_CallMethod(x, "find", "yi", "a", 1), "-1");
    check_repr(PyObject_CallMethod(x, "find", "i", (int)'b'), "2");
    CHECK(PyObject_CallMethod(x, "index", "y", "z") == NULL);
    CHECK_RAISES(PyExc_ValueError);
    CHECK(PyObject_CallMethod(x, "split", "y", "") == NULL);
    CHECK_RAISES(PyExc_ValueError);
    Py_DECREF(x);

    x = b("line1\nline2\r\nline3\rend");
    check_repr(PyObject_CallMethod(x, "splitlines", NULL),
               "[b'line1', b'line2', b'line3', b'end']");
    check_repr(PyObject_CallMethod(x, "splitlines", "i", 1),
               "[b'line1\\n', b'line2\\r\\n', b'line3\\r', b'end']");
    Py_DECREF(x);

    x = b("ab");
    check_repr(PyObject_CallMethod(x, "center", "i", 7), "b'   ab  '");
    check_repr(PyObject_CallMethod(x, "center", "iy", 6, "*"), "b'**ab**'");
    check_repr(PyObject_CallMethod(x, "ljust", "i", 4), "b'ab  '");
    check_repr(PyObject_CallMethod(x, "rjust", "i", 4), "b'  ab'");
    Py_DECREF(x);
    x = b("-42");
    check_repr(PyObject_CallMethod(x, "zfill", "i", 6), "b'-00042'");
    Py_DECREF(x);
    x = b("a\tbc\td");
    check_repr(PyObject_CallMethod(x, "expandtabs", NULL), "b'a       bc      d'");
    check_repr(PyObject_CallMethod(x, "expandtabs", "i", 4), "b'a   bc  d'");
    Py_DECREF(x);

    x = b("hello world");
    check_repr(PyObject_CallMethod(x, "title", NULL), "b'Hello World'");
    check_repr(PyObject_CallMethod(x, "capitalize", NULL), "b'Hello world'");
    check_repr(PyObject_CallMethod(x, "startswith", "y", "hell"), "True");
    check_repr(PyObject_CallMethod(x, "endswith", "((yy))", "x", "ld"), "True");
    check_repr(PyObject_CallMethod(x, "removeprefix", "y", "hello "), "b'world'");
    check_repr(PyObject_CallMethod(x, "removesuffix", "y", "xyz"), "b'hello world'");
    check_repr(PyObject_CallMethod(x, "islower", NULL), "True");
    check_repr(PyObject_CallMethod(x, "isalpha", NULL), "False");
    check_repr(PyObject_CallMethod(x, "istitle", NULL), "False");
    Py_DECREF(x);

    PyObject *sep = b(", ");
    PyObject *parts = Py_BuildValue("[yy]", "a", "b");
    check_repr(PyObject_CallMethod(sep, "join", "O", parts), "b'a, b'");
    Py_DECREF(parts);
    parts = Py_BuildValue("[ys]", "a", "b");
    CHECK(PyObject_CallMethod(sep, "join", "O", parts) == NULL);
    CHECK_RAISES(PyExc_TypeError);
    Py_DECREF(parts);
    Py_DECREF(sep);
}

static void test_hex_and_translate(void)
{
    PyObject *x = PyBytes_FromStringAndSize("\xb9\x01\xef", 3);
    CHECK_STR(PyObject_CallMethod(x, "hex", NULL), "b901ef");
    CHECK_STR(PyObject_CallMethod(x, "hex", "s", ":"), "b9:01:ef");
    CHECK_STR(PyObject_CallMethod(x, "hex", "si", ":", 2), "b9:01ef");
    CHECK_STR(PyObject_CallMethod(x, "hex", "si", ":", -2), "b901:ef");
    Py_DECREF(x);
    check_repr(PyObject_CallMethod((PyObject *)&PyBytes_Type, "fromhex", "s", "b9 01EF"),
               "b'\\xb9\\x01\\xef'");
    CHECK(PyObject_CallMethod((PyObject *)&PyBytes_Type, "fromhex", "s", "b9 0") == NULL);
    CHECK_RAISES(PyExc_ValueError);
    CHECK(PyObject_CallMethod((PyObject *)&PyBytes_Type, "fromhex", "s", "zz") == NULL);
    CHECK_RAISES(PyExc_ValueError);

    PyObject *table = PyObject_CallMethod((PyObject *)&PyBytes_Type, "maketrans", "yy",
                                          "abc", "xyz");
    CHECK(table != NULL && PyBytes_GET_SIZE(table) == 256);
    x = b("aabbcc-d");
    check_repr(PyObject_CallMethod(x, "translate", "O", table), "b'xxyyzz-d'");
    check_repr(PyObject_CallMethod(x, "translate", "Oy", Py_None, "ab"), "b'cc-d'");
    Py_DECREF(x);
    Py_XDECREF(table);
}

static void test_percent_format(void)
{
    PyObject *fmt = b("%s|%5d|%-4b|%x|%c|%a|%%");
    PyObject *args = Py_BuildValue("(yiyiis)", "ab", 42, "c", 255, 65, "\xc3\xa9");
    check_repr(PyNumber_Remainder(fmt, args), "b\"ab|   42|c   |ff|A|'\\\\xe9'|%\"");
    Py_DECREF(args);
    Py_DECREF(fmt);
    fmt = b("%.2f %05.1f");
    args = Py_BuildValue("(dd)", 3.14159, 2.25);
    check_repr(PyNumber_Remainder(fmt, args), "b'3.14 002.2'");
    Py_DECREF(args);
    Py_DECREF(fmt);
    fmt = b("%s");
    PyObject *text = PyUnicode_FromString("x");
    CHECK(PyNumber_Remainder(fmt, text) == NULL);
    CHECK_RAISES(PyExc_TypeError);
    Py_DECREF(text);
    args = Py_BuildValue("(yy)", "a", "b");
    CHECK(PyNumber_Remainder(fmt, args) == NULL);
    CHECK_RAISES(PyExc_TypeError);
    Py_DECREF(args);
    Py_DECREF(fmt);
    fmt = b("%(k)s!");
    args = Py_BuildValue("{sy}", "k", "v");
    /* Keys are looked up as bytes. */
    CHECK(PyNumber_Remainder(fmt, args) == NULL);
    CHECK_RAISES(PyExc_KeyError);
    Py_DECREF(args);
    args = Py_BuildValue("{yy}", "k", "v");
    check_repr(PyNumber_Remainder(fmt, args), "b'v!'");
    Py_DECREF(args);
    Py_DECREF(fmt);
}

static void test_sequence_protocol(void)
{
    PyObject *x = b("abcdef");
    check_repr(PySequence_GetItem(x, 1), "98");
    PyObject *slice = slice3(NONE, NONE, -2);
    check_repr(PyObject_GetItem(x, slice), "b'fdb'");
    Py_DECREF(slice);
    check_repr(PySequence_Repeat(x, 2), "b'abcdefabcdef'");
    PyObject *suffix = PyByteArray_FromStringAndSize("gh", 2);
    check_repr(PySequence_Concat(x, suffix), "b'abcdefgh'");
    check_repr(PySequence_Concat(suffix, x), "bytearray(b'ghabcdef')");
    Py_DECREF(suffix);
    PyObject *needle = b("cd");
    CHECK(PySequence_Contains(x, needle) == 1);
    Py_DECREF(needle);
    PyObject *byte = PyLong_FromLong('z');
    CHECK(PySequence_Contains(x, byte) == 0);
    Py_DECREF(byte);
    check_repr(PySequence_List(x), "[97, 98, 99, 100, 101, 102]");
    CHECK(PySequence_GetItem(x, 6) == NULL);
    CHECK_RAISES(PyExc_IndexError);
    Py_DECREF(x);
}

static void test_bytearray_mutation(void)
{
    PyObject *ba = PyByteArray_FromStringAndSize("hello", 5);
    PyObject *r = PyObject_CallMethod(ba, "append", "i", '!');
    Py_XDECREF(r);
    r = PyObject_CallMethod(ba, "extend", "y", " world");
    Py_XDECREF(r);
    check_repr(Py_NewRef(ba), "bytearray(b'hello! world')");
    r = PyObject_CallMethod(ba, "insert", "ii", 0, '>');
    Py_XDECREF(r);
    check_repr(PyObject_CallMethod(ba, "pop", NULL), "100");
    check_repr(PyObject_CallMethod(ba, "pop", "i", 0), "62");
    r = PyObject_CallMethod(ba, "remove", "i", '!');
    Py_XDECREF(r);
    check_repr(Py_NewRef(ba), "bytearray(b'hello worl')");
    /* Slice assignment growing, shrinking, extended and deletion. */
    PyObject *slice = slice3(0, 5, NONE);
    PyObject *value = b("HI");
    CHECK(PyObject_SetItem(ba, slice, value) == 0);
    Py_DECREF(value);
    Py_DECREF(slice);
    check_repr(Py_NewRef(ba), "bytearray(b'HI worl')");
    slice = slice3(NONE, NONE, 2);
    CHECK(PyObject_DelItem(ba, slice) == 0);
    check_repr(Py_NewRef(ba), "bytearray(b'Iwr')");
    value = b("xyz");
    CHECK(PyObject_SetItem(ba, slice, value) == -1);
    CHECK_RAISES(PyExc_ValueError);
    Py_DECREF(value);
    Py_DECREF(slice);
    /* Self-assignment through a slice copies first. */
    slice = slice3(1, 1, NONE);
    CHECK(PyObject_SetItem(ba, slice, ba) == 0);
    Py_DECREF(slice);
    check_repr(Py_NewRef(ba), "bytearray(b'IIwrwr')");
    PyObject *idx = PyLong_FromLong(-1);
    PyObject *big = PyLong_FromLong(256);
    CHECK(PyObject_SetItem(ba, idx, big) == -1);
    CHECK_RAISES(PyExc_ValueError);
    Py_DECREF(big);
    Py_DECREF(idx);
    r = PyObject_CallMethod(ba, "reverse", NULL);
    Py_XDECREF(r);
    check_repr(Py_NewRef(ba), "bytearray(b'rwrwII')");
    check_repr(PyObject_CallMethod(ba, "take_bytes", "i", 2), "b'rw'");
    check_repr(Py_NewRef(ba), "bytearray(b'rwII')");
    r = PyObject_CallMethod(ba, "resize", "i", 6);
    Py_XDECREF(r);
    check_repr(Py_NewRef(ba), "bytearray(b'rwII\\x00\\x00')");
    r = PySequence_InPlaceRepeat(ba, 2);
    CHECK(r == ba);
    Py_XDECREF(r);
    CHECK(PyByteArray_GET_SIZE(ba) == 12);
    r = PyObject_CallMethod(ba, "clear", NULL);
    Py_XDECREF(r);
    CHECK(PyByteArray_GET_SIZE(ba) == 0);
    Py_DECREF(ba);
}

/* Many appends and front deletions keep the contents right. */
static void test_bytearray_growth(void)
{
    PyObject *ba = PyByteArray_FromStringAndSize(NULL, 0);
    for (int i = 0; i < 10000; i++) {
        PyObject *r = PyObject_CallMethod(ba, "append", "i", i % 251);
        Py_XDECREF(r);
    }
    CHECK(PyByteArray_GET_SIZE(ba) == 10000);
    PyObject *head = slice3(NONE, 9000, NONE);
    CHECK(PyObject_DelItem(ba, head) == 0);
    Py_DECREF(head);
    CHECK(PyByteArray_GET_SIZE(ba) == 1000);
    int ok = 1;
    for (int i = 0; i < 1000; i++) {
        ok &= (unsigned char)PyByteArray_AS_STRING(ba)[i] == (9000 + i) % 251;
    }
    CHECK(ok);
    Py_DECREF(ba);
}

static void test_exports_block_resize(void)
{
    PyObject *ba = PyByteArray_FromStringAndSize("abc", 3);
    Py_buffer view;
    CHECK(PyObject_GetBuffer(ba, &view, PyBUF_SIMPLE) == 0);
    PyObject *r = PyObject_CallMethod(ba, "append", "i", 'd');
    CHECK(r == NULL);
    CHECK_RAISES(PyExc_BufferError);
    PyBuffer_Release(&view);
    r = PyObject_CallMethod(ba, "append", "i", 'd');
    CHECK(r == Py_None);
    Py_XDECREF(r);
    PyObject *bytes = b("x");
    CHECK(PyObject_GetBuffer(bytes, &view, PyBUF_WRITABLE) == -1);
    CHECK_RAISES(PyExc_BufferError);
    Py_DECREF(bytes);
    Py_DECREF(ba);
}

static void test_memoryview(void)
{
    PyObject *ba = PyByteArray_FromStringAndSize("\x01\x02\x03\x04\x05\x06\x07\x08", 8);
    PyObject *mv = PyMemoryView_FromObject(ba);
    CHECK(mv != NULL);
    check_repr(PyObject_GetAttrString(mv, "nbytes"), "8");
    check_repr(PyObject_GetAttrString(mv, "format"), "'B'");
    check_repr(PyObject_CallMethod(mv, "tolist", NULL), "[1, 2, 3, 4, 5, 6, 7, 8]");
    PyObject *slice = slice3(1, NONE, 3);
    PyObject *sub = PyObject_GetItem(mv, slice);
    Py_DECREF(slice);
    check_repr(PyObject_CallMethod(sub, "tolist", NULL), "[2, 5, 8]");
    check_repr(PyObject_CallMethod(sub, "tobytes", NULL), "b'\\x02\\x05\\x08'");
    PyObject *idx = PyLong_FromLong(0), *val = PyLong_FromLong(99);
    CHECK(PyObject_SetItem(sub, idx, val) == 0);
    Py_DECREF(idx);
    Py_DECREF(val);
    CHECK(PyByteArray_AS_STRING(ba)[1] == 99);
    Py_DECREF(sub);

    PyObject *shorts = PyObject_CallMethod(mv, "cast", "s", "H");
    check_repr(PyObject_GetAttrString(shorts, "shape"), "(4,)");
    PyObject *grid = PyObject_CallMethod(mv, "cast", "s(ii)", "B", 2, 4);
    check_repr(PyObject_CallMethod(grid, "tolist", NULL), "[[1, 99, 3, 4], [5, 6, 7, 8]]");
    PyObject *key = Py_BuildValue("(ii)", 1, 2);
    check_repr(PyObject_GetItem(grid, key), "7");
    Py_DECREF(key);
    /* The exporter cannot resize while views exist. */
    PyObject *r = PyObject_CallMethod(ba, "append", "i", 0);
    CHECK(r == NULL);
    CHECK_RAISES(PyExc_BufferError);
    Py_XDECREF(PyObject_CallMethod(grid, "release", NULL));
    Py_XDECREF(PyObject_CallMethod(shorts, "release", NULL));
    Py_XDECREF(PyObject_CallMethod(mv, "release", NULL));
    check_repr(PyObject_GetAttrString(mv, "released"), "True");
    CHECK(PyObject_CallMethod(mv, "tolist", NULL) == NULL);
    CHECK_RAISES(PyExc_ValueError);
    r = PyObject_CallMethod(ba, "append", "i", 0);
    CHECK(r == Py_None);
    Py_XDECREF(r);
    Py_DECREF(grid);
    Py_DECREF(shorts);
    Py_DECREF(mv);

    /* Equality by value, hashing of read-only byte views. */
    PyObject *x = b("abc");
    PyObject *mx = PyMemoryView_FromObject(x);
    CHECK(PyObject_RichCompareBool(mx, x, Py_EQ) == 1);
    CHECK(PyObject_Hash(mx) == PyObject_Hash(x));
    PyObject *zero = PyLong_FromLong(0);
    CHECK(PyObject_SetItem(mx, zero, zero) == -1);
    CHECK_RAISES(PyExc_TypeError);
    Py_DECREF(zero);
    CHECK_STR(PyObject_CallMethod(mx, "hex", NULL), "616263");
    Py_DECREF(mx);
    Py_DECREF(x);
    PyObject *mba = PyMemoryView_FromObject(ba);
    CHECK(PyObject_Hash(mba) == -1);
    CHECK_RAISES(PyExc_ValueError);
    Py_DECREF(mba);
    Py_DECREF(ba);
}

/* PEP 688: a class written in Python exports a buffer through
   __buffer__; PyBuffer_Release calls its __release_buffer__. */
static void test_python_buffer_class(void)
{
    const char *code =
        "log = []\n"
        "class Exporter:\n"
        "    def __init__(self):\n"
        "        self.data = bytearray(b'pep688')\n"
        "    def __buffer__(self, flags):\n"
        "        log.append(flags)\n"
        "        self.view = memoryview(self.data)\n"
        "        return self.view\n"
        "    def __release_buffer__(self, view):\n"
        "        log.append(view is self.view)\n"
        "        view.release()\n"
        "class Bad:\n"
        "    def __buffer__(self, flags):\n"
        "        return b'not a memoryview'\n"
        "exporter = Exporter()\n";
    PyObject *ns = PyDict_New();
    CHECK(PyDict_SetItemString(ns, "__builtins__", PyEval_GetBuiltins()) == 0);
    PyObject *r = PyRun_String(code, Py_file_input, ns, ns);
    CHECK(r != NULL);
    Py_XDECREF(r);
    PyObject *exporter = PyDict_GetItemString(ns, "exporter");   /* borrowed */
    CHECK(PyObject_CheckBuffer(exporter));
    Py_buffer view;
    CHECK(PyObject_GetBuffer(exporter, &view, PyBUF_WRITABLE) == 0);
    CHECK(view.len == 6 && memcmp(view.buf, "pep688", 6) == 0);
    CHECK(view.readonly == 0);
    ((char *)view.buf)[0] = 'P';
    PyBuffer_Release(&view);
    CHECK(view.obj == NULL);
    CHECK_STR(PyObject_Repr(PyDict_GetItemString(ns, "log")), "[1, True]");
    CHECK_STR(PyObject_Repr(PyObject_GetAttrString(exporter, "data")),
              "bytearray(b'Pep688')");

    PyObject *bad = PyObject_CallNoArgs(PyDict_GetItemString(ns, "Bad"));
    CHECK(PyObject_GetBuffer(bad, &view, PyBUF_SIMPLE) == -1);
    CHECK_RAISES(PyExc_TypeError);
    Py_DECREF(bad);
    Py_DECREF(ns);
}

void suite_bytes(void)
{
    RUN(test_construction);
    RUN(test_repr);
    RUN(test_hash_and_compare);
    RUN(test_methods);
    RUN(test_hex_and_translate);
    RUN(test_percent_format);
    RUN(test_sequence_protocol);
    RUN(test_bytearray_mutation);
    RUN(test_bytearray_growth);
    RUN(test_exports_block_resize);
    RUN(test_memoryview);
    RUN(test_python_buffer_class);
}
