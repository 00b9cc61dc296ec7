/* A small test library for the C-API driver.

   A suite is a function `void suite_NAME(void)` (listed in main.c) that
   calls RUN(test_function) for each of its tests.  A test passes when none
   of its CHECKs failed and it left no exception set. */
#ifndef WEFT_TESTLIB_H
#define WEFT_TESTLIB_H

#include "Python.h"

typedef void (*test_function)(void);

void testlib_run(const char *name, test_function fn);
void testlib_check(int ok, const char *expr, const char *file, int line);
/* Compare a str object's UTF-8 text with `expected`; reports both on
   mismatch.  Steals nothing; `obj` may be NULL (a failure). */
void testlib_check_str(PyObject *obj, const char *expected,
                       const char *file, int line);

#define RUN(fn) testlib_run(#fn, (fn))
#define CHECK(cond) testlib_check(!!(cond), #cond, __FILE__, __LINE__)
/* CHECK_STR(obj, "text"): obj is a new reference, consumed here. */
#define CHECK_STR(obj, text) testlib_check_str((obj), (text), __FILE__, __LINE__)
/* The pending exception is exactly of type `exc` (or a subclass); clears it. */
#define CHECK_RAISES(exc)                                               \
    do {                                                                \
        CHECK(PyErr_Occurred() != NULL && PyErr_ExceptionMatches(exc)); \
        PyErr_Clear();                                                  \
    } while (0)

#endif /* WEFT_TESTLIB_H */
