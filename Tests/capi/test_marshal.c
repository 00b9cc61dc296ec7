/* C-API tests for marshal (Python/marshal.c) and the bytecode cache's
   header constants (Python/pyc_cache.c).  Expected bytes come from
   CPython 3.11's marshal.dumps for the same values. */
#define Py_BUILD_CORE 1
#include "testlib.h"
#include "marshal.h"
#include "pycore_pyc.h"
#include "pycore_pystate.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* obj (consumed) marshalled equals the n bytes `want`. */
static int
dumps_equal(PyObject *obj, int version, const char *want, Py_ssize_t n)
{
    if (obj == NULL) {
        return 0;
    }
    PyObject *data = PyMarshal_WriteObjectToString(obj, version);
    Py_DECREF(obj);
    if (data == NULL) {
        return 0;
    }
    int ok = PyBytes_GET_SIZE(data) == n
             && memcmp(PyBytes_AS_STRING(data), want, (size_t)n) == 0;
    Py_DECREF(data);
    return ok;
}

#define DUMPS_EQUAL(obj, version, lit) \
    dumps_equal((obj), (version), (lit), (Py_ssize_t)sizeof(lit) - 1)

/* The value marshalled then read back compares equal to the original. */
static int
round_trips(PyObject *obj)
{
    if (obj == NULL) {
        return 0;
    }
    PyObject *data = PyMarshal_WriteObjectToString(obj, Py_MARSHAL_VERSION);
    PyObject *back = data == NULL ? NULL : PyMarshal_ReadObjectFromString(
        PyBytes_AS_STRING(data), PyBytes_GET_SIZE(data));
    int ok = back != NULL && PyObject_RichCompareBool(obj, back, Py_EQ) == 1
             && Py_TYPE(back) == Py_TYPE(obj);
    Py_XDECREF(back);
    Py_XDECREF(data);
    Py_DECREF(obj);
    return ok;
}

static void
test_version(void)
{
    CHECK(Py_MARSHAL_VERSION == 5);
    /* Weft's magic: a 2-byte number then "\r\n"; never CPython's 3.x
       range (below 4000). */
    CHECK(_PyPyc_MagicNumber[2] == '\r' && _PyPyc_MagicNumber[3] == '\n');
    CHECK((_PyPyc_MagicNumber[0] | _PyPyc_MagicNumber[1] << 8) >= 4000);
}

static void
test_scalars_bytes(void)
{
    /* Fresh objects with one reference: no FLAG_REF. */
    CHECK(DUMPS_EQUAL(Py_NewRef(Py_None), 4, "N"));
    CHECK(DUMPS_EQUAL(Py_NewRef(Py_True), 4, "T"));
    CHECK(DUMPS_EQUAL(Py_NewRef(Py_False), 4, "F"));
    CHECK(DUMPS_EQUAL(Py_NewRef(Py_Ellipsis), 4, "."));
    CHECK(DUMPS_EQUAL(Py_NewRef(PyExc_StopIteration), 4, "S"));
    CHECK(DUMPS_EQUAL(PyLong_FromLong(1000000), 4, "i@B\x0f\x00"));
    CHECK(DUMPS_EQUAL(PyLong_FromLong(-5000000), 2, "i\xc0\xb4\xb3\xff"));
    CHECK(DUMPS_EQUAL(PyLong_FromLongLong(1LL << 31), 4,
                      "l\x03\x00\x00\x00\x00\x00\x00\x00\x02\x00"));
    CHECK(DUMPS_EQUAL(PyLong_FromLongLong(-(1LL << 31) - 1), 4,
                      "l\xfd\xff\xff\xff\x01\x00\x00\x00\x02\x00"));
    CHECK(DUMPS_EQUAL(PyFloat_FromDouble(2.5), 4,
                      "g\x00\x00\x00\x00\x00\x00\x04@"));
    CHECK(DUMPS_EQUAL(PyFloat_FromDouble(2.5), 1, "f\x03" "2.5"));
    CHECK(DUMPS_EQUAL(PyComplex_FromDoubles(2.0, 1.0), 1,
                      "x\x01" "2\x01" "1"));
    CHECK(DUMPS_EQUAL(PyBytes_FromString("ab"), 4, "s\x02\x00\x00\x00" "ab"));
    CHECK(DUMPS_EQUAL(PyUnicode_FromString("a b"), 4, "z\x03" "a b"));
    CHECK(DUMPS_EQUAL(PyUnicode_FromString("a b"), 2,
                      "u\x03\x00\x00\x00" "a b"));
    CHECK(DUMPS_EQUAL(PyUnicode_FromString("\xc3\xa9"), 4,
                      "u\x02\x00\x00\x00\xc3\xa9"));
}

static void
test_containers_bytes(void)
{
    /* (None, True): small tuple in v4, long form before. */
    CHECK(DUMPS_EQUAL(PyTuple_Pack(2, Py_None, Py_True), 4, ")\x02NT"));
    CHECK(DUMPS_EQUAL(PyTuple_Pack(2, Py_None, Py_True), 3,
                      "(\x02\x00\x00\x00NT"));
    CHECK(DUMPS_EQUAL(Py_BuildValue("[O]", Py_None), 4,
                      "[\x01\x00\x00\x00N"));
    CHECK(DUMPS_EQUAL(Py_BuildValue("{OO}", Py_None, Py_False), 4, "{NF0"));
    CHECK(DUMPS_EQUAL(PySet_New(NULL), 4, "<\x00\x00\x00\x00"));
    CHECK(DUMPS_EQUAL(PyFrozenSet_New(NULL), 4, ">\x00\x00\x00\x00"));
    /* A shared item is written once and referred to (v3+). */
    PyObject *item = PyBytes_FromString("x");
    PyObject *pair = item == NULL ? NULL : PyTuple_Pack(2, item, item);
    Py_XDECREF(item);
    CHECK(DUMPS_EQUAL(pair, 4,
                      ")\x02\xf3\x01\x00\x00\x00xr\x00\x00\x00\x00"));
    /* Slices exist from version 5 on. */
    PyObject *slice = PySlice_New(Py_None, Py_None, Py_None);
    /* Held twice (here and by the call): written with FLAG_REF. */
    CHECK(DUMPS_EQUAL(Py_XNewRef(slice), 5, "\xba" "NNN"));
    PyObject *data = PyMarshal_WriteObjectToString(slice, 4);
    CHECK(data == NULL);
    CHECK_RAISES(PyExc_ValueError);
    Py_XDECREF(slice);
}

static void
test_round_trips(void)
{
    CHECK(round_trips(PyLong_FromString("-123456789012345678901234567890",
                                        NULL, 10)));
    CHECK(round_trips(PyFloat_FromDouble(-0.0)));
    CHECK(round_trips(PyUnicode_FromString("\xf0\x9f\x98\x80 mixed")));
    CHECK(round_trips(Py_BuildValue("(i[s{si}]y)", 1, "a", "b", 2, "c")));
    CHECK(round_trips(PySlice_New(Py_None, Py_True, Py_False)));
    PyObject *code = Py_CompileString("def f(a, *, b=2):\n    return a + b\n",
                                      "<marshal-test>", Py_file_input);
    CHECK(round_trips(code));
}

static void
test_unmarshallable(void)
{
    PyObject *obj = PyModule_New("m");
    CHECK(obj != NULL);
    PyObject *data = PyMarshal_WriteObjectToString(obj, 4);
    CHECK(data == NULL);
    CHECK(PyErr_ExceptionMatches(PyExc_ValueError));
    PyErr_Clear();
    Py_XDECREF(obj);
}

static void
test_read_errors(void)
{
    CHECK(PyMarshal_ReadObjectFromString("", 0) == NULL);
    CHECK_RAISES(PyExc_EOFError);
    CHECK(PyMarshal_ReadObjectFromString("i\x01", 2) == NULL);
    CHECK_RAISES(PyExc_EOFError);
    CHECK(PyMarshal_ReadObjectFromString("?", 1) == NULL);
    CHECK_RAISES(PyExc_ValueError);
    CHECK(PyMarshal_ReadObjectFromString("r\x00\x00\x00\x00", 5) == NULL);
    CHECK_RAISES(PyExc_ValueError);
    CHECK(PyMarshal_ReadObjectFromString(")\x01" "0", 3) == NULL);
    CHECK_RAISES(PyExc_TypeError);
    /* A code object whose field counts do not match. */
    CHECK(PyMarshal_ReadObjectFromString("c\x01\x00\x00\x00", 5) == NULL);
    CHECK_RAISES(PyExc_EOFError);
}

/* Every prefix of a valid stream fails cleanly, never crashes. */
static void
test_truncations(void)
{
    PyObject *code = Py_CompileString(
        "import sys\nclass C:\n    def m(self, x=(1, 2.5, 'z')):\n"
        "        try:\n            return {x: [x]}\n"
        "        except Exception as e:\n            return e\n",
        "<trunc>", Py_file_input);
    PyObject *data = code == NULL ? NULL
                     : PyMarshal_WriteObjectToString(code, 5);
    CHECK(data != NULL);
    if (data != NULL) {
        Py_ssize_t n = PyBytes_GET_SIZE(data);
        int all_failed = 1;
        for (Py_ssize_t len = 0; len < n; len++) {
            PyObject *v = PyMarshal_ReadObjectFromString(
                PyBytes_AS_STRING(data), len);
            if (v != NULL || !PyErr_Occurred()) {
                all_failed = 0;
            }
            Py_XDECREF(v);
            PyErr_Clear();
        }
        CHECK(all_failed);
        PyObject *v = PyMarshal_ReadObjectFromString(PyBytes_AS_STRING(data),
                                                     n);
        CHECK(v != NULL && PyCode_Check(v));
        Py_XDECREF(v);
    }
    Py_XDECREF(data);
    Py_XDECREF(code);
}

static void
test_files(void)
{
    FILE *fp = tmpfile();
    CHECK(fp != NULL);
    if (fp == NULL) {
        return;
    }
    PyMarshal_WriteLongToFile(0x12345678L, fp, Py_MARSHAL_VERSION);
    PyMarshal_WriteLongToFile(-2L, fp, Py_MARSHAL_VERSION);
    PyObject *value = Py_BuildValue("(is)", 7, "seven");
    PyMarshal_WriteObjectToFile(value, fp, Py_MARSHAL_VERSION);
    PyMarshal_WriteObjectToFile(value, fp, Py_MARSHAL_VERSION);
    CHECK(!PyErr_Occurred());
    rewind(fp);
    CHECK(PyMarshal_ReadLongFromFile(fp) == 0x12345678L);
    CHECK(PyMarshal_ReadShortFromFile(fp) == -2);
    CHECK(PyMarshal_ReadShortFromFile(fp) == -1);
    CHECK(!PyErr_Occurred());
    PyObject *first = PyMarshal_ReadObjectFromFile(fp);
    CHECK(first != NULL && PyObject_RichCompareBool(first, value, Py_EQ) == 1);
    PyObject *last = PyMarshal_ReadLastObjectFromFile(fp);
    CHECK(last != NULL && PyObject_RichCompareBool(last, value, Py_EQ) == 1);
    Py_XDECREF(first);
    Py_XDECREF(last);
    Py_XDECREF(value);
    /* At the end of the file. */
    CHECK(PyMarshal_ReadLongFromFile(fp) == -1);
    CHECK_RAISES(PyExc_EOFError);
    CHECK(PyMarshal_ReadObjectFromFile(fp) == NULL);
    CHECK_RAISES(PyExc_EOFError);
    fclose(fp);
}

/* The hash of hash-based pycs is SipHash-1-3 keyed (key, 0), the
   function CPython's _imp.source_hash uses: same known values. */
static void
test_source_hash(void)
{
    unsigned char bytes[64];
    for (int i = 0; i < 64; i++) {
        bytes[i] = (unsigned char)i;
    }
    CHECK(_PyPyc_SourceHash(12345, "hello world", 11)
          == 17094767344580799688ULL);
    CHECK(_PyPyc_SourceHash(0, "", 0) == 15130871412783076140ULL);
    CHECK(_PyPyc_SourceHash(0xa0df757, "x = 1\n", 6)
          == 17302481041037712679ULL);
    CHECK(_PyPyc_SourceHash(7, (const char *)bytes, 64)
          == 5774893574611718654ULL);
}

/* ---- threads ------------------------------------------------------------ */

#define NTHREADS 4
#define ROUNDS 300

typedef struct {
    void (*body)(int index, void *arg);
    int index;
    void *arg;
} worker;

static void
handle_pending(void)
{
    PyThreadState *tstate = PyThreadState_Get();
    if (__atomic_load_n(&tstate->eval_breaker, __ATOMIC_RELAXED) != 0) {
        _Py_HandlePending(tstate);
    }
}

static void *
worker_main(void *raw)
{
    worker *w = raw;
    PyGILState_STATE state = PyGILState_Ensure();
    w->body(w->index, w->arg);
    PyGILState_Release(state);
    return NULL;
}

static void
run_threads(void (*body)(int, void *), void *arg)
{
    worker workers[NTHREADS];
    pthread_t threads[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        workers[i] = (worker){body, i, arg};
        pthread_create(&threads[i], NULL, worker_main, &workers[i]);
    }
    Py_BEGIN_ALLOW_THREADS
    for (int i = 0; i < NTHREADS; i++) {
        pthread_join(threads[i], NULL);
    }
    Py_END_ALLOW_THREADS
}

static int shared_failures;

/* Thread 0 mutates a list, a dict and a set; the others marshal them
   meanwhile: every dump must be a consistent snapshot that loads back
   as the same type. */
static void
dump_while_mutating(int index, void *arg)
{
    PyObject **shared = arg;
    for (int round = 0; round < ROUNDS; round++) {
        if (index == 0) {
            PyObject *item = PyLong_FromLong(round);
            if (item == NULL || PyList_Append(shared[0], item) < 0
                    || PyDict_SetItem(shared[1], item, shared[0]) < 0
                    || PySet_Add(shared[2], item) < 0) {
                __atomic_add_fetch(&shared_failures, 1, __ATOMIC_RELAXED);
                PyErr_Clear();
            }
            Py_XDECREF(item);
            if (round % 3 == 0) {
                PyDict_Clear(shared[1]);
                PySet_Clear(shared[2]);
                PyList_SetSlice(shared[0], 0, PyList_GET_SIZE(shared[0]),
                                NULL);
            }
        }
        else {
            PyObject *obj = shared[round % 3];
            PyObject *data = PyMarshal_WriteObjectToString(obj, 5);
            PyObject *back = data == NULL ? NULL
                : PyMarshal_ReadObjectFromString(PyBytes_AS_STRING(data),
                                                 PyBytes_GET_SIZE(data));
            if (back == NULL || Py_TYPE(back) != Py_TYPE(obj)) {
                __atomic_add_fetch(&shared_failures, 1, __ATOMIC_RELAXED);
                PyErr_Clear();
            }
            Py_XDECREF(back);
            Py_XDECREF(data);
        }
        handle_pending();
    }
}

static void
test_threads_dump(void)
{
    PyObject *shared[3] = {PyList_New(0), PyDict_New(), PySet_New(NULL)};
    CHECK(shared[0] != NULL && shared[1] != NULL && shared[2] != NULL);
    if (shared[0] != NULL && shared[1] != NULL && shared[2] != NULL) {
        shared_failures = 0;
        run_threads(dump_while_mutating, shared);
        CHECK(shared_failures == 0);
    }
    for (int i = 0; i < 3; i++) {
        Py_XDECREF(shared[i]);
    }
}

/* Threads compile one source through the cache at once, each many
   times: all get the code, and the cache ends up a single valid file. */
static void
compile_cached_many(int index, void *arg)
{
    PyObject *path = arg;
    for (int round = 0; round < 20; round++) {
        PyObject *code = _PyPyc_CompileSourceCached(path, path);
        if (code == NULL || !PyCode_Check(code)) {
            __atomic_add_fetch(&shared_failures, 1, __ATOMIC_RELAXED);
            PyErr_Clear();
        }
        Py_XDECREF(code);
        handle_pending();
    }
    (void)index;
}

static void
test_threads_cache(void)
{
    char dir[] = "/tmp/weft_marshal_test.XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char source[128], cache[128], cachedir[128];
    snprintf(source, sizeof(source), "%s/threaded.py", dir);
    snprintf(cachedir, sizeof(cachedir), "%s/__pycache__", dir);
    FILE *fp = fopen(source, "w");
    CHECK(fp != NULL);
    if (fp == NULL) {
        return;
    }
    for (int i = 0; i < 200; i++) {
        fprintf(fp, "def f%d(x):\n    return [x, %d, 'text %d']\n", i, i, i);
    }
    fclose(fp);
    PyObject *saved = Py_XNewRef(PySys_GetObject("dont_write_bytecode"));
    PySys_SetObject("dont_write_bytecode", Py_False);
    PyObject *path = PyUnicode_FromString(source);
    PyObject *cache_path = path == NULL ? NULL
                           : _PyPyc_CacheFromSource(path, NULL);
    CHECK(cache_path != NULL);
    if (path != NULL && cache_path != NULL) {
        snprintf(cache, sizeof(cache), "%s", PyUnicode_AsUTF8(cache_path));
        shared_failures = 0;
        run_threads(compile_cached_many, path);
        CHECK(shared_failures == 0);
        /* One file, and it is a complete pyc for this source. */
        PyObject *code = _PyPyc_LoadSourceless(cache_path, path);
        CHECK(code != NULL && PyCode_Check(code));
        Py_XDECREF(code);
        PyErr_Clear();
        CHECK(unlink(cache) == 0);
        CHECK(rmdir(cachedir) == 0);     /* empty: no temporary left */
    }
    PyErr_Clear();
    PySys_SetObject("dont_write_bytecode", saved ? saved : Py_True);
    Py_XDECREF(saved);
    Py_XDECREF(cache_path);
    Py_XDECREF(path);
    unlink(source);
    rmdir(cachedir);
    CHECK(rmdir(dir) == 0);
}

void suite_marshal(void)
{
    RUN(test_version);
    RUN(test_scalars_bytes);
    RUN(test_containers_bytes);
    RUN(test_round_trips);
    RUN(test_unmarshallable);
    RUN(test_read_errors);
    RUN(test_truncations);
    RUN(test_files);
    RUN(test_source_hash);
    RUN(test_threads_dump);
    RUN(test_threads_cache);
}
