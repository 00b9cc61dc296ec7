/* The C-API test driver: runs every suite, prints "N passed, N failed",
   exits 1 on any failure.  `test_objects NAME...` runs only the suites
   whose names are given. */
#include "testlib.h"

#define SUITES(X) \
    X(refcount)   \
    X(lock)       \
    X(type)       \
    X(abstract)   \
    X(exceptions) \
    X(long)       \
    X(float)      \
    X(unicode)    \
    X(bytes)      \
    X(list)       \
    X(dict)       \
    X(set)        \
    X(parser)     \
    X(compile)    \
    X(alias)      \
    X(gc)         \
    X(threads)    \
    X(import)     \
    X(initconfig) \
    X(marshal)    \
    X(codecs)     \
    X(capsule)    /* capi */ \
    X(pyos)       /* capi */ \
    X(pytime)     \
    X(mutex_detach) /* lst: public PyMutex_Lock waits detached */ \
    X(moduleslots) /* abi3t */ \
    X(memhooks)   /* capi (session 6) */ \
    X(capi6)      /* capi (session 6) */

#define DECLARE(name) void suite_##name(void);
SUITES(DECLARE)
#undef DECLARE

static int passed, failed;
static int current_failed;
static const char *current_name;

void testlib_check(int ok, const char *expr, const char *file, int line)
{
    if (!ok) {
        fprintf(stderr, "  FAIL %s: %s:%d: %s\n", current_name, file, line, expr);
        current_failed = 1;
    }
}

void testlib_check_str(PyObject *obj, const char *expected,
                       const char *file, int line)
{
    if (obj == NULL) {
        fprintf(stderr, "  FAIL %s: %s:%d: got NULL, expected \"%s\"\n",
                current_name, file, line, expected);
        current_failed = 1;
        PyErr_Clear();
        return;
    }
    const char *text = PyUnicode_Check(obj) ? PyUnicode_AsUTF8(obj) : NULL;
    if (text == NULL || strcmp(text, expected) != 0) {
        fprintf(stderr, "  FAIL %s: %s:%d: got \"%s\", expected \"%s\"\n",
                current_name, file, line, text ? text : "<not a str>", expected);
        current_failed = 1;
        PyErr_Clear();
    }
    Py_DECREF(obj);
}

void testlib_run(const char *name, test_function fn)
{
    current_name = name;
    current_failed = 0;
    fn();
    if (PyErr_Occurred()) {
        fprintf(stderr, "  FAIL %s: left an exception set\n", name);
        PyErr_Print();
        current_failed = 1;
    }
    if (current_failed) {
        failed++;
    }
    else {
        passed++;
    }
}

static int selected(int argc, char **argv, const char *name)
{
    if (argc < 2) {
        return 1;
    }
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], name) == 0) {
            return 1;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    Py_Initialize();
#define RUN_SUITE(name)                                  \
    if (selected(argc, argv, #name)) {                   \
        fprintf(stderr, "suite %s\n", #name);            \
        suite_##name();                                  \
    }
    SUITES(RUN_SUITE)
#undef RUN_SUITE
    if (Py_FinalizeEx() < 0) {
        fprintf(stderr, "  FAIL finalization\n");
        failed++;
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
