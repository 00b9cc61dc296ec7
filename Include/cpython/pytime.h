/* The PyTime C API (3.13): system clocks read as signed 64-bit
   nanosecond counts.  Python/pytime.c holds the implementation;
   Doc/c-api.md lists it. */
#ifndef Py_CPYTHON_PYTIME_H
#define Py_CPYTHON_PYTIME_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A timestamp or a duration in nanoseconds. */
typedef int64_t PyTime_t;
#define PyTime_MIN INT64_MIN
#define PyTime_MAX INT64_MAX

PyAPI_FUNC(double) PyTime_AsSecondsDouble(PyTime_t t);

/* time.monotonic(), time.perf_counter() and time.time(): 0 on success;
   -1 with OverflowError set (and *result clamped) when the clock does
   not fit.  The caller has an attached thread state. */
PyAPI_FUNC(int) PyTime_Monotonic(PyTime_t *result);
PyAPI_FUNC(int) PyTime_PerfCounter(PyTime_t *result);
PyAPI_FUNC(int) PyTime_Time(PyTime_t *result);

/* The same clocks without an exception on failure (*result is then 0
   and -1 returned) and callable with no attached thread state. */
PyAPI_FUNC(int) PyTime_MonotonicRaw(PyTime_t *result);
PyAPI_FUNC(int) PyTime_PerfCounterRaw(PyTime_t *result);
PyAPI_FUNC(int) PyTime_TimeRaw(PyTime_t *result);

#ifdef __cplusplus
}
#endif
#endif /* Py_CPYTHON_PYTIME_H */
