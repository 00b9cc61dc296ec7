/* The PyTime C API: clock_gettime() read as nanoseconds in a PyTime_t.

   No shared state: every function reads a clock the kernel keeps, so
   they are safe from any thread, attached or not (the non-Raw forms
   need an attached thread state only to raise). */
#include "Python.h"
#include <time.h>

/* Nanoseconds in ts, clamped to the PyTime_t range; 0 when it fits. */
static int timespec_to_pytime(const struct timespec *ts, PyTime_t *result)
{
    const int64_t per_second = 1000000000;
    if (ts->tv_sec > (PyTime_MAX - ts->tv_nsec) / per_second) {
        *result = PyTime_MAX;
        return -1;
    }
    if (ts->tv_sec < PyTime_MIN / per_second) {
        *result = PyTime_MIN;
        return -1;
    }
    *result = (PyTime_t)ts->tv_sec * per_second + ts->tv_nsec;
    return 0;
}

/* Reads clock into *result; -1 (and *result 0) if it cannot be read,
   -2 (and *result clamped) if it does not fit. */
static int read_clock(clockid_t clock, PyTime_t *result)
{
    struct timespec ts;
    if (clock_gettime(clock, &ts) != 0) {
        *result = 0;
        return -1;
    }
    return timespec_to_pytime(&ts, result) == 0 ? 0 : -2;
}

static int raw_clock(clockid_t clock, PyTime_t *result)
{
    if (read_clock(clock, result) != 0) {
        *result = 0;
        return -1;
    }
    return 0;
}

static int checked_clock(clockid_t clock, PyTime_t *result)
{
    int status = read_clock(clock, result);
    if (status == -1) {
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    if (status == -2) {
        PyErr_SetString(PyExc_OverflowError,
                        "timestamp too large to convert to C PyTime_t");
        return -1;
    }
    return 0;
}

double PyTime_AsSecondsDouble(PyTime_t t)
{
    /* Whole seconds convert exactly; anything else is one rounding of
       the nanosecond count, as time.time() gives. */
    if (t % 1000000000 == 0) {
        return (double)(t / 1000000000);
    }
    return (double)t / 1e9;
}

/* time.perf_counter() is the monotonic clock here, as in CPython on
   Linux. */
int PyTime_Monotonic(PyTime_t *result)
{
    return checked_clock(CLOCK_MONOTONIC, result);
}

int PyTime_PerfCounter(PyTime_t *result)
{
    return checked_clock(CLOCK_MONOTONIC, result);
}

int PyTime_Time(PyTime_t *result)
{
    return checked_clock(CLOCK_REALTIME, result);
}

int PyTime_MonotonicRaw(PyTime_t *result)
{
    return raw_clock(CLOCK_MONOTONIC, result);
}

int PyTime_PerfCounterRaw(PyTime_t *result)
{
    return raw_clock(CLOCK_MONOTONIC, result);
}

int PyTime_TimeRaw(PyTime_t *result)
{
    return raw_clock(CLOCK_REALTIME, result);
}
