/* C-API tests for the codec registry (Python/codecs.c): search
   functions, lookup and its cache, encoding and decoding through the
   registry, incremental codecs, the error handler registry and the
   standard handlers, and registration racing with lookups in threads;
   also abc's registry and caches under threads (Modules/_abc.c). */
#define Py_BUILD_CORE 1
#include "testlib.h"
#include "pycore_codecs.h"

#include <pthread.h>

/* obj is a new reference (or NULL): check it is bytes equal to lit[0:len]. */
static int
bytes_equal(PyObject *obj, const char *lit, Py_ssize_t len)
{
    int ok = obj != NULL && PyBytes_Check(obj) && PyBytes_GET_SIZE(obj) == len
             && memcmp(PyBytes_AS_STRING(obj), lit, (size_t)len) == 0;
    if (obj == NULL) {
        PyErr_Clear();
    }
    Py_XDECREF(obj);
    return ok;
}

#define CHECK_BYTES(expr, lit) CHECK(bytes_equal((expr), (lit), sizeof(lit) - 1))

/* The pending exception is of type `type` and its str() is `text`. */
static int
error_is(PyObject *type, const char *text)
{
    PyObject *exc = PyErr_GetRaisedException();
    int ok = exc != NULL && PyErr_GivenExceptionMatches(exc, type);
    if (ok && text != NULL) {
        PyObject *str = PyObject_Str(exc);
        const char *utf8 = str ? PyUnicode_AsUTF8(str) : NULL;
        ok = utf8 != NULL && strcmp(utf8, text) == 0;
        if (!ok && utf8 != NULL) {
            fprintf(stderr, "  got message: %s\n", utf8);
        }
        Py_XDECREF(str);
    }
    Py_XDECREF(exc);
    PyErr_Clear();
    return ok;
}

#define CHECK_ERROR(expr, type, text)                   \
    do {                                                \
        PyObject *_res = (expr);                        \
        CHECK(_res == NULL);                            \
        Py_XDECREF(_res);                               \
        CHECK(error_is((type), (text)));                \
    } while (0)

/* ---- a codec defined in C --------------------------------------------- */

/* encode(str, errors=None) -> (upper-cased UTF-8 bytes, len). */
static PyObject *
shout_encode(PyObject *Py_UNUSED(self), PyObject *args)
{
    PyObject *str;
    const char *errors = NULL;
    if (!PyArg_ParseTuple(args, "U|z", &str, &errors)) {
        return NULL;
    }
    PyObject *upper = PyObject_CallMethod(str, "upper", NULL);
    PyObject *bytes = upper ? PyUnicode_AsUTF8String(upper) : NULL;
    Py_XDECREF(upper);
    return bytes ? Py_BuildValue("(Nn)", bytes, PyUnicode_GET_LENGTH(str)) : NULL;
}

/* decode(bytes, errors=None) -> (lower-cased str, len). */
static PyObject *
shout_decode(PyObject *Py_UNUSED(self), PyObject *args)
{
    Py_buffer data;
    const char *errors = NULL;
    if (!PyArg_ParseTuple(args, "y*|z", &data, &errors)) {
        return NULL;
    }
    PyObject *str = PyUnicode_DecodeUTF8(data.buf, data.len, errors);
    Py_ssize_t len = data.len;
    PyBuffer_Release(&data);
    PyObject *lower = str ? PyObject_CallMethod(str, "lower", NULL) : NULL;
    Py_XDECREF(str);
    return lower ? Py_BuildValue("(Nn)", lower, len) : NULL;
}

static int search_calls;

static PyMethodDef shout_encode_def = {"shout_encode", shout_encode, METH_VARARGS, NULL};
static PyMethodDef shout_decode_def = {"shout_decode", shout_decode, METH_VARARGS, NULL};

/* The search function: "shout" (as normalised) is a plain 4-tuple. */
static PyObject *
shout_search(PyObject *Py_UNUSED(self), PyObject *name)
{
    __atomic_fetch_add(&search_calls, 1, __ATOMIC_RELAXED);
    const char *text = PyUnicode_AsUTF8(name);
    if (text == NULL) {
        return NULL;
    }
    if (strcmp(text, "shout") != 0) {
        Py_RETURN_NONE;
    }
    return Py_BuildValue("(NNOO)", PyCFunction_New(&shout_encode_def, NULL),
                         PyCFunction_New(&shout_decode_def, NULL),
                         Py_None, Py_None);
}

static PyMethodDef shout_search_def = {"shout_search", shout_search, METH_O, NULL};

/* Normalises like CPython: "-", " " and other punctuation runs become
   one "_" between alphanumerics; the result is lower case. */
static PyObject *
echo_search(PyObject *Py_UNUSED(self), PyObject *name)
{
    const char *text = PyUnicode_AsUTF8(name);
    if (text == NULL || strncmp(text, "echo_", 5) != 0) {
        Py_RETURN_NONE;
    }
    PyErr_SetObject(PyExc_KeyError, name);   /* report what we were given */
    return NULL;
}

static PyMethodDef echo_search_def = {"echo_search", echo_search, METH_O, NULL};

static void
test_register_and_lookup(void)
{
    PyObject *search = PyCFunction_New(&shout_search_def, NULL);
    CHECK(PyCodec_Register(search) == 0);
    search_calls = 0;
    PyObject *codec = _PyCodec_Lookup("Shout");
    CHECK(codec != NULL && PyTuple_Check(codec) && PyTuple_GET_SIZE(codec) == 4);
    int calls = search_calls;
    PyObject *again = _PyCodec_Lookup("SHOUT");
    CHECK(again == codec);             /* the cache answers */
    CHECK(search_calls == calls);
    Py_XDECREF(again);
    Py_XDECREF(codec);
    CHECK(PyCodec_KnownEncoding("shout") == 1);

    PyObject *str = PyUnicode_FromString("hey");
    CHECK_BYTES(PyCodec_Encode(str, "shout", NULL), "HEY");
    CHECK_BYTES(PyCodec_Encode(str, "shout", "strict"), "HEY");
    /* str.encode goes through the registry for codecs it does not know. */
    CHECK_BYTES(PyUnicode_AsEncodedString(str, "shout", NULL), "HEY");
    Py_DECREF(str);
    PyObject *bytes = PyBytes_FromString("LOUD");
    CHECK_STR(PyCodec_Decode(bytes, "shout", NULL), "loud");
    Py_DECREF(bytes);
    CHECK_STR(PyUnicode_Decode("ABC", 3, "shout", NULL), "abc");

    PyObject *encoder = PyCodec_Encoder("shout");
    PyObject *decoder = PyCodec_Decoder("shout");
    CHECK(encoder != NULL && PyCFunction_Check(encoder));
    CHECK(decoder != NULL && PyCFunction_Check(decoder));
    Py_XDECREF(encoder);
    Py_XDECREF(decoder);
    /* A plain tuple has no incremental codecs. */
    CHECK_ERROR(PyCodec_IncrementalEncoder("shout", NULL), PyExc_AttributeError, NULL);

    CHECK(PyCodec_Unregister(search) == 0);
    CHECK(PyCodec_Unregister(search) == 0);     /* absent: no error */
    CHECK(PyCodec_KnownEncoding("shout") == 0);
    CHECK(!PyErr_Occurred());
    CHECK_ERROR(_PyCodec_Lookup("shout"), PyExc_LookupError,
                "unknown encoding: shout");
    Py_DECREF(search);
}

static void
test_register_errors(void)
{
    PyObject *not_callable = PyLong_FromLong(1);
    CHECK(PyCodec_Register(not_callable) == -1);
    CHECK(error_is(PyExc_TypeError, "argument must be callable"));
    CHECK(PyCodec_RegisterError("capi.bad", not_callable) == -1);
    CHECK(error_is(PyExc_TypeError, "handler must be callable"));
    Py_DECREF(not_callable);
    CHECK_ERROR(_PyCodec_Lookup(NULL), PyExc_TypeError, NULL);
}

static void
test_normalisation(void)
{
    PyObject *search = PyCFunction_New(&echo_search_def, NULL);
    CHECK(PyCodec_Register(search) == 0);
    const char *cases[][2] = {
        {"Echo-One", "'echo_one'"},
        {"  echo  two--x ", "'echo_two_x'"},
        {"ECHO.3", NULL},                       /* '.' is kept: not ours */
        {"echo+latin1", "'echo_latin1'"},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(cases); i++) {
        PyObject *codec = _PyCodec_Lookup(cases[i][0]);
        if (cases[i][1] == NULL) {
            CHECK(codec == NULL && error_is(PyExc_LookupError, NULL));
        }
        else {
            CHECK(codec == NULL && error_is(PyExc_KeyError, cases[i][1]));
        }
        Py_XDECREF(codec);
    }
    CHECK(PyCodec_Unregister(search) == 0);
    Py_DECREF(search);
    PyObject *a = _PyCodec_Lookup("UTF-8");
    PyObject *b = _PyCodec_Lookup("utf_8");
    CHECK(a != NULL && a == b);
    Py_XDECREF(a);
    Py_XDECREF(b);
}

static void
test_standard_codecs(void)
{
    PyObject *str = PyUnicode_FromString("\xe2\x82\xac!");      /* "€!" */
    CHECK_BYTES(PyCodec_Encode(str, "cp1252", NULL), "\x80!");
    CHECK_BYTES(PyCodec_Encode(str, "utf-16-be", "strict"), "\x20\xac\x00!");
    CHECK_BYTES(PyCodec_Encode(str, "latin-1", "replace"), "?!");
    CHECK_BYTES(PyCodec_Encode(str, "ascii", "xmlcharrefreplace"), "&#8364;!");
    CHECK_ERROR(PyCodec_Encode(str, "ascii", NULL), PyExc_UnicodeEncodeError,
                "'ascii' codec can't encode character '\\u20ac' in position 0: "
                "ordinal not in range(128)");
    CHECK_BYTES(PyUnicode_AsEncodedString(str, "ISO-8859-15", NULL), "\xa4!");
    Py_DECREF(str);
    PyObject *bytes = PyBytes_FromStringAndSize("\x80\x81", 2);
    CHECK_STR(PyCodec_Decode(bytes, "cp1252", "replace"),
              "\xe2\x82\xac\xef\xbf\xbd");
    CHECK_ERROR(PyCodec_Decode(bytes, "cp1252", NULL), PyExc_UnicodeDecodeError,
                "'charmap' codec can't decode byte 0x81 in position 1: "
                "character maps to <undefined>");
    Py_DECREF(bytes);
    CHECK_STR(PyUnicode_Decode("\x9b", 1, "cp437", NULL), "\xc2\xa2");
    CHECK_ERROR(PyUnicode_Decode("x", 1, "no-such-codec", NULL),
                PyExc_LookupError, "unknown encoding: no-such-codec");
}

static void
test_text_encodings(void)
{
    PyObject *codec = _PyCodec_LookupTextEncoding("utf-8", "codecs.encode()");
    CHECK(codec != NULL);
    Py_XDECREF(codec);
    CHECK_ERROR(_PyCodec_LookupTextEncoding("rot13", "codecs.encode()"),
                PyExc_LookupError,
                "'rot13' is not a text encoding; use codecs.encode() to "
                "handle arbitrary codecs");
    PyObject *str = PyUnicode_FromString("abc");
    CHECK_STR(PyCodec_Encode(str, "rot13", NULL), "nop");
    CHECK_ERROR(PyUnicode_AsEncodedString(str, "rot13", NULL), PyExc_LookupError,
                "'rot13' is not a text encoding; use codecs.encode() to "
                "handle arbitrary codecs");
    CHECK_BYTES(_PyCodec_EncodeText(str, "utf-32-le", NULL),
                "a\0\0\0b\0\0\0c\0\0\0");
    Py_DECREF(str);
    PyObject *bytes = PyBytes_FromString("xyz");
    CHECK_STR(_PyCodec_DecodeText(bytes, "ascii", NULL), "xyz");
    CHECK_ERROR(_PyCodec_DecodeText(bytes, "rot13", NULL), PyExc_LookupError,
                "'rot13' is not a text encoding; use codecs.decode() to "
                "handle arbitrary codecs");
    Py_DECREF(bytes);
}

static void
test_incremental(void)
{
    PyObject *decoder = PyCodec_IncrementalDecoder("utf-8", NULL);
    CHECK(decoder != NULL);
    if (decoder != NULL) {
        CHECK_STR(PyObject_CallMethod(decoder, "decode", "y#", "a\xe2\x82", (Py_ssize_t)3), "a");
        CHECK_STR(PyObject_CallMethod(decoder, "decode", "y#i", "\xac", (Py_ssize_t)1, 1),
                  "\xe2\x82\xac");
        Py_DECREF(decoder);
    }
    PyObject *info = _PyCodec_Lookup("utf-16");
    PyObject *encoder = info ? _PyCodecInfo_GetIncrementalEncoder(info, "strict") : NULL;
    CHECK(encoder != NULL);
    if (encoder != NULL) {
        CHECK_BYTES(PyObject_CallMethod(encoder, "encode", "s", "A"), "\xff\xfe" "A\0");
        CHECK_BYTES(PyObject_CallMethod(encoder, "encode", "s", "B"), "B\0");
        Py_DECREF(encoder);
    }
    decoder = info ? _PyCodecInfo_GetIncrementalDecoder(info, NULL) : NULL;
    CHECK(decoder != NULL);
    if (decoder != NULL) {
        PyObject *errors = PyObject_GetAttrString(decoder, "errors");
        CHECK_STR(errors, "strict");
        Py_DECREF(decoder);
    }
    Py_XDECREF(info);
    CHECK_ERROR(PyCodec_IncrementalDecoder("no-such-codec", NULL),
                PyExc_LookupError, "unknown encoding: no-such-codec");
    encoder = PyCodec_IncrementalEncoder("ascii", "replace");
    CHECK(encoder != NULL);
    if (encoder != NULL) {
        CHECK_BYTES(PyObject_CallMethod(encoder, "encode", "s", "\xc3\xa9x"), "?x");
        Py_DECREF(encoder);
    }
}

/* A stream with write(): collects what a StreamWriter writes. */
static void
test_streams(void)
{
    PyObject *list = PyList_New(0);
    PyObject *writer = PyCodec_StreamWriter("latin-1", list, "replace");
    CHECK(writer != NULL);
    if (writer != NULL) {
        /* list has no write(): the StreamWriter forwards the failure. */
        CHECK_ERROR(PyObject_CallMethod(writer, "write", "s", "x"),
                    PyExc_AttributeError, NULL);
        PyObject *stream = PyObject_GetAttrString(writer, "stream");
        CHECK(stream == list);
        Py_XDECREF(stream);
        Py_DECREF(writer);
    }
    PyObject *reader = PyCodec_StreamReader("utf-8", list, NULL);
    CHECK(reader != NULL);
    if (reader != NULL) {
        PyObject *errors = PyObject_GetAttrString(reader, "errors");
        CHECK_STR(errors, "strict");
        Py_DECREF(reader);
    }
    Py_DECREF(list);
}

static void
test_error_registry(void)
{
    PyObject *strict = PyCodec_LookupError(NULL);
    PyObject *strict2 = PyCodec_LookupError("strict");
    CHECK(strict != NULL && strict == strict2 && PyCallable_Check(strict));
    Py_XDECREF(strict);
    Py_XDECREF(strict2);
    const char *names[] = {"ignore", "replace", "backslashreplace",
                           "xmlcharrefreplace", "namereplace",
                           "surrogateescape", "surrogatepass"};
    for (size_t i = 0; i < Py_ARRAY_LENGTH(names); i++) {
        PyObject *handler = PyCodec_LookupError(names[i]);
        CHECK(handler != NULL && PyCallable_Check(handler));
        Py_XDECREF(handler);
    }
    CHECK_ERROR(PyCodec_LookupError("capi.nope"), PyExc_LookupError,
                "unknown error handler name 'capi.nope'");

    /* A handler of our own, used by a built-in codec. */
    PyObject *replace = PyCodec_LookupError("replace");
    CHECK(PyCodec_RegisterError("capi.replace", replace) == 0);
    PyObject *again = PyCodec_LookupError("capi.replace");
    CHECK(again == replace);
    Py_XDECREF(again);
    Py_XDECREF(replace);
    PyObject *str = PyUnicode_FromString("a\xc3\xa9");
    CHECK_BYTES(PyUnicode_AsEncodedString(str, "ascii", "capi.replace"), "a?");
    CHECK_BYTES(PyUnicode_AsEncodedString(str, "cp437", "capi.replace"), "a\x82");
    Py_DECREF(str);
    CHECK_STR(PyUnicode_Decode("a\xff", 2, "utf-8", "capi.replace"),
              "a\xef\xbf\xbd");
}

static void
test_standard_handlers(void)
{
    PyObject *exc = PyObject_CallFunction(PyExc_UnicodeEncodeError, "ssnns",
                                          "ascii", "x\xc3\xa9\xe2\x82\xacy",
                                          (Py_ssize_t)1, (Py_ssize_t)3, "bad");
    CHECK(exc != NULL);
    PyObject *r = PyCodec_ReplaceErrors(exc);
    CHECK(r != NULL && PyTuple_Check(r));
    if (r != NULL) {
        CHECK_STR(Py_NewRef(PyTuple_GET_ITEM(r, 0)), "??");
        CHECK(PyLong_AsLong(PyTuple_GET_ITEM(r, 1)) == 3);
        Py_DECREF(r);
    }
    r = PyCodec_BackslashReplaceErrors(exc);
    CHECK(r != NULL);
    if (r != NULL) {
        CHECK_STR(Py_NewRef(PyTuple_GET_ITEM(r, 0)), "\\xe9\\u20ac");
        Py_DECREF(r);
    }
    r = PyCodec_XMLCharRefReplaceErrors(exc);
    CHECK(r != NULL);
    if (r != NULL) {
        CHECK_STR(Py_NewRef(PyTuple_GET_ITEM(r, 0)), "&#233;&#8364;");
        Py_DECREF(r);
    }
    r = PyCodec_NameReplaceErrors(exc);
    CHECK(r != NULL);
    if (r != NULL) {
        CHECK_STR(Py_NewRef(PyTuple_GET_ITEM(r, 0)),
                  "\\N{LATIN SMALL LETTER E WITH ACUTE}\\N{EURO SIGN}");
        Py_DECREF(r);
    }
    r = PyCodec_IgnoreErrors(exc);
    CHECK(r != NULL);
    if (r != NULL) {
        CHECK_STR(Py_NewRef(PyTuple_GET_ITEM(r, 0)), "");
        Py_DECREF(r);
    }
    CHECK(PyCodec_StrictErrors(exc) == NULL);
    PyObject *raised = PyErr_GetRaisedException();
    CHECK(raised == exc);
    Py_XDECREF(raised);
    Py_XDECREF(exc);

    PyObject *dexc = PyUnicodeDecodeError_Create("utf-8", "a\xff\xfe", 3, 1, 3, "bad");
    r = PyCodec_ReplaceErrors(dexc);
    CHECK(r != NULL);
    if (r != NULL) {
        CHECK_STR(Py_NewRef(PyTuple_GET_ITEM(r, 0)), "\xef\xbf\xbd");
        Py_DECREF(r);
    }
    CHECK_ERROR(PyCodec_XMLCharRefReplaceErrors(dexc), PyExc_TypeError,
                "don't know how to handle UnicodeDecodeError in error callback");
    Py_XDECREF(dexc);
    PyObject *other = PyLong_FromLong(3);
    CHECK_ERROR(PyCodec_StrictErrors(other), PyExc_TypeError,
                "codec must pass exception instance");
    CHECK_ERROR(PyCodec_IgnoreErrors(other), PyExc_TypeError,
                "don't know how to handle int in error callback");
    Py_DECREF(other);
}

/* Threads register, look up and unregister their own search functions
   while others look up standard codecs: every lookup must succeed and
   the registry must end as it started. */
static void *
registry_worker(void *arg)
{
    int *failures = arg;
    PyGILState_STATE state = PyGILState_Ensure();
    PyObject *search = PyCFunction_New(&shout_search_def, NULL);
    for (int i = 0; i < 200 && search != NULL; i++) {
        if (PyCodec_Register(search) < 0) {
            __atomic_fetch_add(failures, 1, __ATOMIC_RELAXED);
            PyErr_Clear();
        }
        PyObject *codec = _PyCodec_Lookup(i % 2 ? "shout" : "latin-1");
        if (codec == NULL) {
            __atomic_fetch_add(failures, 1, __ATOMIC_RELAXED);
            PyErr_Clear();
        }
        Py_XDECREF(codec);
        PyObject *handler = PyCodec_LookupError("replace");
        if (handler == NULL) {
            __atomic_fetch_add(failures, 1, __ATOMIC_RELAXED);
            PyErr_Clear();
        }
        Py_XDECREF(handler);
        if (PyCodec_Unregister(search) < 0) {
            __atomic_fetch_add(failures, 1, __ATOMIC_RELAXED);
            PyErr_Clear();
        }
    }
    Py_XDECREF(search);
    PyGILState_Release(state);
    return NULL;
}

static void
test_threads(void)
{
    int failures = 0;
    pthread_t threads[4];
    for (int i = 0; i < 4; i++) {
        pthread_create(&threads[i], NULL, registry_worker, &failures);
    }
    Py_BEGIN_ALLOW_THREADS
    for (int i = 0; i < 4; i++) {
        pthread_join(threads[i], NULL);
    }
    Py_END_ALLOW_THREADS
    CHECK(failures == 0);
    CHECK(PyCodec_KnownEncoding("shout") == 0);
    CHECK(PyCodec_KnownEncoding("latin-1") == 1);
}

/* abc's caches under concurrent register() and isinstance(): a class
   a thread registered is an instance at once for that thread, an
   unrelated class never is, and every class is registered at the end.
   (_abc keeps its caches with atomics; see Modules/_abc.c.) */
static const char abc_program[] =
    "import abc\n"
    "class Base(abc.ABC): pass\n"
    "classes = [type('C%d' % i, (), {}) for i in range(64)]\n"
    "def work(k):\n"
    "    bad = 0\n"
    "    for i, c in enumerate(classes):\n"
    "        if i % 4 == k:\n"
    "            Base.register(c)\n"
    "            bad += not isinstance(c(), Base)\n"
    "        bad += isinstance(3, Base) + issubclass(str, Base)\n"
    "        isinstance(classes[(i * 7) % 64](), Base)\n"
    "    return bad\n"
    "def final():\n"
    "    return sum(not issubclass(c, Base) for c in classes)\n";

static void *
abc_worker(void *arg)
{
    PyObject **args = arg;      /* work function, thread index */
    PyGILState_STATE state = PyGILState_Ensure();
    PyObject *bad = PyObject_CallOneArg(args[0], args[1]);
    long n = bad ? PyLong_AsLong(bad) : -1;
    if (n != 0) {
        fprintf(stderr, "  abc worker: %ld wrong answers\n", n);
        if (PyErr_Occurred()) {
            PyErr_Print();
        }
        __atomic_store_n(&args[2], Py_True, __ATOMIC_RELAXED);
    }
    Py_XDECREF(bad);
    PyGILState_Release(state);
    return NULL;
}

static void
test_abc_threads(void)
{
    PyObject *globals = PyDict_New();
    PyObject *builtins = PyEval_GetBuiltins();
    if (globals == NULL || PyDict_SetItemString(globals, "__builtins__", builtins) < 0) {
        Py_XDECREF(globals);
        CHECK(0);
        return;
    }
    PyObject *res = PyRun_String(abc_program, Py_file_input, globals, globals);
    CHECK(res != NULL);
    Py_XDECREF(res);
    PyObject *work = PyDict_GetItemString(globals, "work");
    PyObject *final = PyDict_GetItemString(globals, "final");
    CHECK(work != NULL && final != NULL);
    if (work != NULL && final != NULL) {
        PyObject *args[4][3];
        pthread_t threads[4];
        for (int i = 0; i < 4; i++) {
            args[i][0] = work;
            args[i][1] = PyLong_FromLong(i);
            args[i][2] = NULL;
            pthread_create(&threads[i], NULL, abc_worker, args[i]);
        }
        Py_BEGIN_ALLOW_THREADS
        for (int i = 0; i < 4; i++) {
            pthread_join(threads[i], NULL);
        }
        Py_END_ALLOW_THREADS
        for (int i = 0; i < 4; i++) {
            CHECK(args[i][2] == NULL);
            Py_DECREF(args[i][1]);
        }
        PyObject *missing = PyObject_CallNoArgs(final);
        CHECK(missing != NULL && PyLong_AsLong(missing) == 0);
        Py_XDECREF(missing);
    }
    Py_DECREF(globals);
}

void suite_codecs(void)
{
    RUN(test_register_and_lookup);
    RUN(test_register_errors);
    RUN(test_normalisation);
    RUN(test_standard_codecs);
    RUN(test_text_encodings);
    RUN(test_incremental);
    RUN(test_streams);
    RUN(test_error_registry);
    RUN(test_standard_handlers);
    RUN(test_threads);
    RUN(test_abc_threads);
}
