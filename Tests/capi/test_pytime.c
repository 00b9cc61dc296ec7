/* Tests of the PyTime C API (Python/pytime.c): the clocks agree with the
   time module's and the conversion is time.time()'s. */
#include "testlib.h"

static double time_module_call(const char *name)
{
    PyObject *time = PyImport_ImportModule("time");
    PyObject *value = time ? PyObject_CallMethod(time, name, NULL) : NULL;
    double seconds = value ? PyFloat_AsDouble(value) : -1.0;
    Py_XDECREF(value);
    Py_XDECREF(time);
    return seconds;
}

static void test_limits_and_conversion(void)
{
    CHECK(sizeof(PyTime_t) == 8);
    CHECK(PyTime_MIN == INT64_MIN && PyTime_MAX == INT64_MAX);
    CHECK(PyTime_AsSecondsDouble(0) == 0.0);
    CHECK(PyTime_AsSecondsDouble(3000000000) == 3.0);
    CHECK(PyTime_AsSecondsDouble(-1500000000) == -1.5);
    CHECK(PyTime_AsSecondsDouble(1) == 1e-9);
    CHECK(PyTime_AsSecondsDouble(PyTime_MAX) > 9.2e9);
}

static void test_clocks_match_time_module(void)
{
    PyTime_t before, after, wall, raw;
    CHECK(PyTime_Monotonic(&before) == 0);
    double monotonic = time_module_call("monotonic");
    CHECK(PyTime_Monotonic(&after) == 0);
    CHECK(before <= after);
    CHECK(PyTime_AsSecondsDouble(before) <= monotonic + 1e-6);
    CHECK(monotonic <= PyTime_AsSecondsDouble(after) + 1e-6);

    CHECK(PyTime_PerfCounter(&before) == 0);
    double counter = time_module_call("perf_counter");
    CHECK(PyTime_PerfCounterRaw(&after) == 0);
    CHECK(PyTime_AsSecondsDouble(before) <= counter + 1e-6);
    CHECK(counter <= PyTime_AsSecondsDouble(after) + 1e-6);

    CHECK(PyTime_Time(&wall) == 0);
    double now = time_module_call("time");
    CHECK(PyTime_TimeRaw(&raw) == 0);
    CHECK(now - PyTime_AsSecondsDouble(wall) < 1.0);
    CHECK(PyTime_AsSecondsDouble(raw) - now < 1.0);
    CHECK(wall > (PyTime_t)1600000000 * 1000000000);
    CHECK(!PyErr_Occurred());
}

/* The Raw forms need no attached thread state. */
static void test_raw_detached(void)
{
    PyTime_t monotonic = 0, counter = 0, wall = 0;
    int status;
    Py_BEGIN_ALLOW_THREADS
    status = PyTime_MonotonicRaw(&monotonic) | PyTime_PerfCounterRaw(&counter)
             | PyTime_TimeRaw(&wall);
    Py_END_ALLOW_THREADS
    CHECK(status == 0);
    CHECK(monotonic > 0 && counter > 0 && wall > 0);
}

void suite_pytime(void)
{
    RUN(test_limits_and_conversion);
    RUN(test_clocks_match_time_module);
    RUN(test_raw_detached);
}
