/* The time module: clocks, sleep, and conversions between timestamps,
   struct_time and strings.

   Thread safety: the C library's time zone state (tzset, localtime_r,
   mktime) is process-wide; tzset() and the module's timezone attributes
   are refreshed under tz_mutex.  struct_time is a static struct
   sequence type made once at the first exec (under the import lock).
   The clock functions keep no state. */
#include "Python.h"
#include "cpython/namespaceobject.h"

#include <locale.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

#define NS_PER_SEC 1000000000LL

static PyMutex tz_mutex;

/* ---- clocks ------------------------------------------------------------- */

static int read_clock(clockid_t clk, long long *ns)
{
    struct timespec ts;
    if (clock_gettime(clk, &ts) < 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    *ns = (long long)ts.tv_sec * NS_PER_SEC + ts.tv_nsec;
    return 0;
}

static PyObject *clock_seconds(clockid_t clk)
{
    long long ns;
    if (read_clock(clk, &ns) < 0) {
        return NULL;
    }
    return PyFloat_FromDouble((double)ns / 1e9);
}

static PyObject *clock_ns(clockid_t clk)
{
    long long ns;
    if (read_clock(clk, &ns) < 0) {
        return NULL;
    }
    return PyLong_FromLongLong(ns);
}

#define CLOCK_FUNCS(NAME, CLK)                                               \
    static PyObject *time_##NAME(PyObject *Py_UNUSED(m),                     \
                                 PyObject *Py_UNUSED(a))                     \
    {                                                                        \
        return clock_seconds(CLK);                                           \
    }                                                                        \
    static PyObject *time_##NAME##_ns(PyObject *Py_UNUSED(m),                \
                                      PyObject *Py_UNUSED(a))                \
    {                                                                        \
        return clock_ns(CLK);                                                \
    }

CLOCK_FUNCS(time, CLOCK_REALTIME)
CLOCK_FUNCS(monotonic, CLOCK_MONOTONIC)
CLOCK_FUNCS(perf_counter, CLOCK_MONOTONIC)
CLOCK_FUNCS(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_FUNCS(thread_time, CLOCK_THREAD_CPUTIME_ID)

static int clk_id_arg(PyObject *arg, clockid_t *clk)
{
    int id = PyLong_AsInt(arg);
    if (id == -1 && PyErr_Occurred()) {
        return -1;
    }
    *clk = (clockid_t)id;
    return 0;
}

static PyObject *time_clock_gettime(PyObject *Py_UNUSED(m), PyObject *arg)
{
    clockid_t clk;
    return clk_id_arg(arg, &clk) < 0 ? NULL : clock_seconds(clk);
}

static PyObject *time_clock_gettime_ns(PyObject *Py_UNUSED(m), PyObject *arg)
{
    clockid_t clk;
    return clk_id_arg(arg, &clk) < 0 ? NULL : clock_ns(clk);
}

static PyObject *time_clock_getres(PyObject *Py_UNUSED(m), PyObject *arg)
{
    clockid_t clk;
    struct timespec ts;
    if (clk_id_arg(arg, &clk) < 0) {
        return NULL;
    }
    if (clock_getres(clk, &ts) < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyFloat_FromDouble((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

/* Seconds as a float or int to nanoseconds, rounding per `ceil`. */
static int seconds_to_ns(PyObject *obj, long long *ns, int ceil_round)
{
    if (PyFloat_Check(obj)) {
        double d = PyFloat_AsDouble(obj);
        if (isnan(d)) {
            PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        double scaled = d * 1e9;
        scaled = ceil_round ? ceil(scaled) : floor(scaled);
        if (!(scaled >= -9.2e18 && scaled <= 9.2e18)) {
            PyErr_SetString(PyExc_OverflowError,
                            "timestamp too large to convert to C PyTime_t");
            return -1;
        }
        *ns = (long long)scaled;
        return 0;
    }
    PyObject *index = PyNumber_Index(obj);
    if (index == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Format(PyExc_TypeError,
                         "'%.200s' object cannot be interpreted as an integer "
                         "or float", Py_TYPE(obj)->tp_name);
        }
        return -1;
    }
    int overflow;
    long long sec = PyLong_AsLongLongAndOverflow(index, &overflow);
    Py_DECREF(index);
    if (sec == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (overflow || sec > 9200000000LL || sec < -9200000000LL) {
        PyErr_SetString(PyExc_OverflowError,
                        "timestamp too large to convert to C PyTime_t");
        return -1;
    }
    *ns = sec * NS_PER_SEC;
    return 0;
}

static PyObject *time_clock_settime(PyObject *Py_UNUSED(m), PyObject *args)
{
    PyObject *clk_obj, *secs;
    clockid_t clk;
    long long ns;
    if (!PyArg_ParseTuple(args, "OO:clock_settime", &clk_obj, &secs)
        || clk_id_arg(clk_obj, &clk) < 0 || seconds_to_ns(secs, &ns, 0) < 0) {
        return NULL;
    }
    struct timespec ts = {(time_t)(ns / NS_PER_SEC), (long)(ns % NS_PER_SEC)};
    if (ts.tv_nsec < 0) {
        ts.tv_nsec += NS_PER_SEC;
        ts.tv_sec -= 1;
    }
    if (clock_settime(clk, &ts) < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *time_clock_settime_ns(PyObject *Py_UNUSED(m), PyObject *args)
{
    PyObject *clk_obj, *ns_obj;
    clockid_t clk;
    if (!PyArg_ParseTuple(args, "OO:clock_settime_ns", &clk_obj, &ns_obj)
        || clk_id_arg(clk_obj, &clk) < 0) {
        return NULL;
    }
    long long ns = PyLong_AsLongLong(ns_obj);
    if (ns == -1 && PyErr_Occurred()) {
        return NULL;
    }
    struct timespec ts = {(time_t)(ns / NS_PER_SEC), (long)(ns % NS_PER_SEC)};
    if (ts.tv_nsec < 0) {
        ts.tv_nsec += NS_PER_SEC;
        ts.tv_sec -= 1;
    }
    if (clock_settime(clk, &ts) < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *time_pthread_getcpuclockid(PyObject *Py_UNUSED(m),
                                            PyObject *arg)
{
    unsigned long id = PyLong_AsUnsignedLong(arg);
    if (id == (unsigned long)-1 && PyErr_Occurred()) {
        return NULL;
    }
    clockid_t clk;
    int err = pthread_getcpuclockid((pthread_t)id, &clk);
    if (err != 0) {
        errno = err;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLong((long)clk);
}

static PyObject *time_get_clock_info(PyObject *Py_UNUSED(m), PyObject *args)
{
    const char *name;
    if (!PyArg_ParseTuple(args, "s:get_clock_info", &name)) {
        return NULL;
    }
    static const struct {
        const char *name, *implementation;
        clockid_t clk;
        int monotonic, adjustable;
    } clocks[] = {
        {"time", "clock_gettime(CLOCK_REALTIME)", CLOCK_REALTIME, 0, 1},
        {"monotonic", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, 1, 0},
        {"perf_counter", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, 1, 0},
        {"process_time", "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)",
         CLOCK_PROCESS_CPUTIME_ID, 1, 0},
        {"thread_time", "clock_gettime(CLOCK_THREAD_CPUTIME_ID)",
         CLOCK_THREAD_CPUTIME_ID, 1, 0},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(clocks); i++) {
        if (strcmp(clocks[i].name, name) != 0) {
            continue;
        }
        struct timespec res;
        double resolution = 1e-9;
        if (clock_getres(clocks[i].clk, &res) == 0) {
            resolution = (double)res.tv_sec + (double)res.tv_nsec * 1e-9;
        }
        PyObject *kwds = Py_BuildValue(
            "{sssOsOsd}", "implementation", clocks[i].implementation,
            "monotonic", clocks[i].monotonic ? Py_True : Py_False,
            "adjustable", clocks[i].adjustable ? Py_True : Py_False,
            "resolution", resolution);
        if (kwds == NULL) {
            return NULL;
        }
        PyObject *ns = _PyNamespace_New(kwds);
        Py_DECREF(kwds);
        return ns;
    }
    PyErr_SetString(PyExc_ValueError, "unknown clock");
    return NULL;
}

/* ---- sleep ------------------------------------------------------------ */

/* Sleeps detached until an absolute monotonic deadline, so that a signal
   handler's time does not stretch the total; handlers run between the
   pieces and may raise. */
static PyObject *time_sleep(PyObject *Py_UNUSED(m), PyObject *arg)
{
    long long ns;
    if (seconds_to_ns(arg, &ns, 1) < 0) {
        return NULL;
    }
    if (ns < 0) {
        PyErr_SetString(PyExc_ValueError, "sleep length must be non-negative");
        return NULL;
    }
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    long long end = (long long)deadline.tv_sec * NS_PER_SEC + deadline.tv_nsec + ns;
    deadline.tv_sec = (time_t)(end / NS_PER_SEC);
    deadline.tv_nsec = (long)(end % NS_PER_SEC);
    for (;;) {
        int err;
        Py_BEGIN_ALLOW_THREADS
        err = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL);
        Py_END_ALLOW_THREADS
        if (err == 0) {
            break;
        }
        if (err != EINTR) {
            errno = err;
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        if (PyErr_CheckSignals() < 0) {
            return NULL;
        }
    }
    Py_RETURN_NONE;
}

/* ---- struct_time ------------------------------------------------------- */

static PyStructSequence_Field struct_time_fields[] = {
    {"tm_year", "year, for example, 1993"},
    {"tm_mon", "month of year, range [1, 12]"},
    {"tm_mday", "day of month, range [1, 31]"},
    {"tm_hour", "hours, range [0, 23]"},
    {"tm_min", "minutes, range [0, 59]"},
    {"tm_sec", "seconds, range [0, 61]"},
    {"tm_wday", "day of week, range [0, 6], Monday is 0"},
    {"tm_yday", "day of year, range [1, 366]"},
    {"tm_isdst", "1 if summer time is in effect, 0 if not, and -1 if unknown"},
    {"tm_zone", "abbreviation of timezone name"},
    {"tm_gmtoff", "offset from UTC in seconds"},
    {NULL, NULL},
};

static PyStructSequence_Desc struct_time_desc = {
    "time.struct_time",
    "A broken-down time: what gmtime(), localtime() and strptime() return\n"
    "and asctime(), mktime() and strftime() accept.  Its first nine items\n"
    "form a tuple; tm_zone and tm_gmtoff are attributes only.  Unlike C's\n"
    "struct tm, tm_year is the full year and tm_mon, tm_yday count from 1.",
    struct_time_fields, 9,
};

static PyTypeObject StructTimeType;

static PyObject *struct_time_from_tm(const struct tm *tm)
{
    PyObject *v = PyStructSequence_New(&StructTimeType);
    if (v == NULL) {
        return NULL;
    }
    long values[] = {
        (long)tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday, tm->tm_hour,
        tm->tm_min, tm->tm_sec, (tm->tm_wday + 6) % 7, tm->tm_yday + 1,
        tm->tm_isdst,
    };
    for (int i = 0; i < 9; i++) {
        PyObject *item = PyLong_FromLong(values[i]);
        if (item == NULL) {
            Py_DECREF(v);
            return NULL;
        }
        PyStructSequence_SetItem(v, i, item);
    }
    PyObject *zone = tm->tm_zone != NULL
        ? PyUnicode_DecodeLocale(tm->tm_zone, "surrogateescape")
        : Py_NewRef(Py_None);
    PyObject *gmtoff = PyLong_FromLong(tm->tm_gmtoff);
    if (zone == NULL || gmtoff == NULL) {
        Py_XDECREF(zone);
        Py_XDECREF(gmtoff);
        Py_DECREF(v);
        return NULL;
    }
    PyStructSequence_SetItem(v, 9, zone);
    PyStructSequence_SetItem(v, 10, gmtoff);
    return v;
}

/* A timestamp argument (None or missing: now) as a time_t, rounded
   towards minus infinity. */
static int timestamp_arg(PyObject *obj, time_t *t)
{
    if (obj == NULL || obj == Py_None) {
        *t = time(NULL);
        return 0;
    }
    if (PyFloat_Check(obj)) {
        double d = PyFloat_AsDouble(obj);
        if (isnan(d)) {
            PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d = floor(d);
        if (!(d >= -9.2e18 && d <= 9.2e18)) {
            PyErr_SetString(PyExc_OverflowError,
                            "timestamp out of range for platform time_t");
            return -1;
        }
        *t = (time_t)d;
        return 0;
    }
    PyObject *index = PyNumber_Index(obj);
    if (index == NULL) {
        return -1;
    }
    int overflow;
    long long v = PyLong_AsLongLongAndOverflow(index, &overflow);
    Py_DECREF(index);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError,
                        "timestamp out of range for platform time_t");
        return -1;
    }
    *t = (time_t)v;
    return 0;
}

static PyObject *convert_time(PyObject *args, const char *fname, int local)
{
    PyObject *secs = NULL;
    if (!PyArg_UnpackTuple(args, fname, 0, 1, &secs)) {
        return NULL;
    }
    time_t t;
    if (timestamp_arg(secs, &t) < 0) {
        return NULL;
    }
    struct tm tm;
    errno = 0;
    struct tm *ok = local ? localtime_r(&t, &tm) : gmtime_r(&t, &tm);
    if (ok == NULL) {
        if (errno == 0 || errno == EOVERFLOW) {
            PyErr_SetString(PyExc_OverflowError,
                            "timestamp out of range for platform time_t");
            return NULL;
        }
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return struct_time_from_tm(&tm);
}

static PyObject *time_gmtime(PyObject *Py_UNUSED(m), PyObject *args)
{
    return convert_time(args, "gmtime", 0);
}

static PyObject *time_localtime(PyObject *Py_UNUSED(m), PyObject *args)
{
    return convert_time(args, "localtime", 1);
}

/* A struct_time or 9-tuple into a struct tm (C conventions). */
static int tm_from_tuple(PyObject *t, struct tm *tm, const char *fname)
{
    if (!PyTuple_Check(t)) {
        PyErr_SetString(PyExc_TypeError,
                        "Tuple or struct_time argument required");
        return -1;
    }
    int year;
    memset(tm, 0, sizeof(*tm));
    char format[64];
    snprintf(format, sizeof(format), "iiiiiiiii;%s(): illegal time tuple argument",
             fname);
    PyObject *first9 = PyTuple_GetSlice(t, 0, 9);
    if (first9 == NULL) {
        return -1;
    }
    if (PyTuple_GET_SIZE(t) != 9 && !PyObject_TypeCheck(t, &StructTimeType)) {
        Py_DECREF(first9);
        PyErr_Format(PyExc_TypeError, "%s(): illegal time tuple argument", fname);
        return -1;
    }
    int ok = PyArg_ParseTuple(first9, format, &year, &tm->tm_mon, &tm->tm_mday,
                              &tm->tm_hour, &tm->tm_min, &tm->tm_sec,
                              &tm->tm_wday, &tm->tm_yday, &tm->tm_isdst);
    Py_DECREF(first9);
    if (!ok) {
        return -1;
    }
    if (year < INT_MIN + 1900) {
        PyErr_SetString(PyExc_OverflowError, "year out of range");
        return -1;
    }
    tm->tm_year = year - 1900;
    tm->tm_mon--;
    /* C's % keeps the sign: -1 (Sunday written as Python's 6 - 7) gives
       0, anything lower stays negative for check_tm to refuse. */
    tm->tm_wday = (tm->tm_wday + 1) % 7;
    tm->tm_yday--;
    if (PyObject_TypeCheck(t, &StructTimeType)) {
        PyObject *zone = PyStructSequence_GetItem(t, 9);
        PyObject *gmtoff = PyStructSequence_GetItem(t, 10);
        if (gmtoff != NULL && gmtoff != Py_None) {
            tm->tm_gmtoff = PyLong_AsLong(gmtoff);
            if (tm->tm_gmtoff == -1 && PyErr_Occurred()) {
                return -1;
            }
        }
        /* tm_zone must point at memory that outlives the call: the
           struct_time keeps its str alive. */
        if (zone != NULL && zone != Py_None && PyUnicode_Check(zone)) {
            tm->tm_zone = PyUnicode_AsUTF8(zone);
            if (tm->tm_zone == NULL) {
                return -1;
            }
        }
    }
    return 0;
}

/* The range checks asctime and strftime apply (C conventions). */
static int check_tm(const struct tm *tm)
{
    if (tm->tm_mon < 0 || tm->tm_mon > 11) {
        PyErr_SetString(PyExc_ValueError, "month out of range");
        return -1;
    }
    if (tm->tm_mday < 1 || tm->tm_mday > 31) {
        PyErr_SetString(PyExc_ValueError, "day of month out of range");
        return -1;
    }
    if (tm->tm_hour < 0 || tm->tm_hour > 23) {
        PyErr_SetString(PyExc_ValueError, "hour out of range");
        return -1;
    }
    if (tm->tm_min < 0 || tm->tm_min > 59) {
        PyErr_SetString(PyExc_ValueError, "minute out of range");
        return -1;
    }
    if (tm->tm_sec < 0 || tm->tm_sec > 61) {
        PyErr_SetString(PyExc_ValueError, "seconds out of range");
        return -1;
    }
    if (tm->tm_wday < 0) {
        PyErr_SetString(PyExc_ValueError, "day of week out of range");
        return -1;
    }
    if (tm->tm_yday < 0 || tm->tm_yday > 365) {
        PyErr_SetString(PyExc_ValueError, "day of year out of range");
        return -1;
    }
    return 0;
}

static PyObject *time_mktime(PyObject *Py_UNUSED(m), PyObject *arg)
{
    struct tm tm;
    if (tm_from_tuple(arg, &tm, "mktime") < 0) {
        return NULL;
    }
    /* tm_wday is only written on success, so a sentinel tells a real
       -1 (one second before the epoch) from an error. */
    tm.tm_wday = -1;
    PyMutex_Lock(&tz_mutex);
    time_t t = mktime(&tm);
    PyMutex_Unlock(&tz_mutex);
    if (t == (time_t)-1 && tm.tm_wday == -1) {
        PyErr_SetString(PyExc_OverflowError, "mktime argument out of range");
        return NULL;
    }
    return PyFloat_FromDouble((double)t);
}

static const char *const day_names[] = {"Sun", "Mon", "Tue", "Wed", "Thu",
                                        "Fri", "Sat"};
static const char *const month_names[] = {"Jan", "Feb", "Mar", "Apr", "May",
                                          "Jun", "Jul", "Aug", "Sep", "Oct",
                                          "Nov", "Dec"};

static PyObject *format_asctime(const struct tm *tm)
{
    return PyUnicode_FromFormat("%s %s%3d %.2d:%.2d:%.2d %d",
                                day_names[tm->tm_wday % 7],
                                month_names[tm->tm_mon], tm->tm_mday,
                                tm->tm_hour, tm->tm_min, tm->tm_sec,
                                1900 + tm->tm_year);
}

/* The struct tm for an optional struct_time argument; now (local time)
   when it is missing. */
static int tm_arg_or_now(PyObject *args, const char *fname, struct tm *tm)
{
    PyObject *t = NULL;
    if (!PyArg_UnpackTuple(args, fname, 0, 1, &t)) {
        return -1;
    }
    if (t == NULL) {
        time_t now = time(NULL);
        if (localtime_r(&now, tm) == NULL) {
            PyErr_SetFromErrno(PyExc_OSError);
            return -1;
        }
        return 0;
    }
    return tm_from_tuple(t, tm, fname);
}

/* asctime and strftime accept zeros where a field is unknown (month,
   day of month, day of year), as CPython documents for strftime and
   does for both. */
static void default_zero_fields(struct tm *tm)
{
    if (tm->tm_mon == -1) {
        tm->tm_mon = 0;
    }
    if (tm->tm_mday == 0) {
        tm->tm_mday = 1;
    }
    if (tm->tm_yday == -1) {
        tm->tm_yday = 0;
    }
}

static PyObject *time_asctime(PyObject *Py_UNUSED(m), PyObject *args)
{
    struct tm tm;
    if (tm_arg_or_now(args, "asctime", &tm) < 0) {
        return NULL;
    }
    default_zero_fields(&tm);
    if (check_tm(&tm) < 0) {
        return NULL;
    }
    return format_asctime(&tm);
}

static PyObject *time_ctime(PyObject *Py_UNUSED(m), PyObject *args)
{
    PyObject *secs = NULL;
    if (!PyArg_UnpackTuple(args, "ctime", 0, 1, &secs)) {
        return NULL;
    }
    time_t t;
    struct tm tm;
    if (timestamp_arg(secs, &t) < 0) {
        return NULL;
    }
    if (localtime_r(&t, &tm) == NULL) {
        PyErr_SetString(PyExc_OverflowError,
                        "timestamp out of range for platform time_t");
        return NULL;
    }
    return format_asctime(&tm);
}

/* strftime of a format without NUL characters. */
static PyObject *strftime_piece(PyObject *format_obj, const struct tm *tm)
{
    PyObject *fmt = PyUnicode_EncodeLocale(format_obj, "surrogateescape");
    if (fmt == NULL) {
        return NULL;
    }
    Py_ssize_t fmtlen = PyBytes_GET_SIZE(fmt);
    if (fmtlen == 0) {
        Py_DECREF(fmt);
        return PyUnicode_FromString("");
    }
    PyObject *result = NULL;
    size_t size = 1024;
    for (;;) {
        char *buf = PyMem_Malloc(size);
        if (buf == NULL) {
            PyErr_NoMemory();
            break;
        }
        size_t n = strftime(buf, size, PyBytes_AS_STRING(fmt), tm);
        /* 0 may mean "too small" or an empty result; a buffer far larger
           than the format settles it. */
        if (n > 0 || size > 256 * (size_t)fmtlen + 4096) {
            result = PyUnicode_DecodeLocaleAndSize(buf, (Py_ssize_t)n,
                                                   "surrogateescape");
            PyMem_Free(buf);
            break;
        }
        PyMem_Free(buf);
        size *= 2;
    }
    Py_DECREF(fmt);
    return result;
}

static PyObject *time_strftime(PyObject *Py_UNUSED(m), PyObject *args)
{
    PyObject *format_obj, *t = NULL;
    if (!PyArg_ParseTuple(args, "U|O:strftime", &format_obj, &t)) {
        return NULL;
    }
    struct tm tm;
    PyObject *targs = t == NULL ? PyTuple_New(0) : PyTuple_Pack(1, t);
    if (targs == NULL) {
        return NULL;
    }
    int rc = tm_arg_or_now(targs, "strftime", &tm);
    Py_DECREF(targs);
    if (rc < 0) {
        return NULL;
    }
    /* strftime also clamps tm_isdst, as documented. */
    default_zero_fields(&tm);
    if (tm.tm_isdst < -1) {
        tm.tm_isdst = -1;
    }
    else if (tm.tm_isdst > 1) {
        tm.tm_isdst = 1;
    }
    if (check_tm(&tm) < 0) {
        return NULL;
    }
    /* The C strftime stops at a NUL: format the pieces between NULs
       and join them with NULs (CPython 3.13+ keeps them too). */
    PyObject *nul = PyUnicode_FromOrdinal(0);
    PyObject *pieces = nul ? PyUnicode_Split(format_obj, nul, -1) : NULL;
    PyObject *result = NULL;
    if (pieces != NULL) {
        Py_ssize_t n = PyList_GET_SIZE(pieces);
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *done = strftime_piece(PyList_GET_ITEM(pieces, i), &tm);
            if (done == NULL) {
                goto finish;
            }
            PyList_SetItem(pieces, i, done);
        }
        result = PyUnicode_Join(nul, pieces);
    }
finish:
    Py_XDECREF(pieces);
    Py_XDECREF(nul);
    return result;
}

static PyObject *time_strptime(PyObject *Py_UNUSED(m), PyObject *args)
{
    PyObject *module = PyImport_ImportModule("_strptime");
    if (module == NULL) {
        return NULL;
    }
    PyObject *func = PyObject_GetAttrString(module, "_strptime_time");
    Py_DECREF(module);
    if (func == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_Call(func, args, NULL);
    Py_DECREF(func);
    return result;
}

/* ---- time zone --------------------------------------------------------- */

/* timezone, altzone, daylight and tzname from the offsets in effect on
   January 1 and July 1 of the current year: whichever is the standard
   time (the smaller UTC offset) gives timezone. */
static int set_timezone_attrs(PyObject *module)
{
    time_t now = time(NULL);
    struct tm probe;
    localtime_r(&now, &probe);
    int year = probe.tm_year;
    struct tm jan = {.tm_year = year, .tm_mday = 1, .tm_isdst = -1};
    struct tm jul = {.tm_year = year, .tm_mon = 6, .tm_mday = 1, .tm_isdst = -1};
    time_t tjan = mktime(&jan), tjul = mktime(&jul);
    localtime_r(&tjan, &jan);
    localtime_r(&tjul, &jul);
    long janoff = -jan.tm_gmtoff, juloff = -jul.tm_gmtoff;
    const char *janname = jan.tm_zone ? jan.tm_zone : "";
    const char *julname = jul.tm_zone ? jul.tm_zone : "";
    long std_off = janoff, dst_off = juloff;
    const char *std_name = janname, *dst_name = julname;
    if (janoff < juloff) {
        /* Southern hemisphere: summer time in January. */
        std_off = juloff;
        dst_off = janoff;
        std_name = julname;
        dst_name = janname;
    }
    PyObject *tzname = Py_BuildValue(
        "(NN)", PyUnicode_DecodeLocale(std_name, "surrogateescape"),
        PyUnicode_DecodeLocale(dst_name, "surrogateescape"));
    if (tzname == NULL
        || PyModule_Add(module, "timezone", PyLong_FromLong(std_off)) < 0
        || PyModule_Add(module, "altzone", PyLong_FromLong(dst_off)) < 0
        || PyModule_Add(module, "daylight",
                        PyLong_FromLong(janoff != juloff)) < 0
        || PyModule_Add(module, "tzname", tzname) < 0) {
        return -1;
    }
    return 0;
}

static PyObject *time_tzset(PyObject *module, PyObject *Py_UNUSED(a))
{
    PyMutex_Lock(&tz_mutex);
    tzset();
    int rc = set_timezone_attrs(module);
    PyMutex_Unlock(&tz_mutex);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- the module ------------------------------------------------------- */

static PyMethodDef time_methods[] = {
    {"time", time_time, METH_NOARGS,
     "Return the current time in seconds since the Epoch."},
    {"time_ns", time_time_ns, METH_NOARGS,
     "Return the current time in nanoseconds since the Epoch."},
    {"monotonic", time_monotonic, METH_NOARGS,
     "Monotonic clock, cannot go backward."},
    {"monotonic_ns", time_monotonic_ns, METH_NOARGS,
     "Monotonic clock, cannot go backward, as nanoseconds."},
    {"perf_counter", time_perf_counter, METH_NOARGS,
     "Performance counter for benchmarking."},
    {"perf_counter_ns", time_perf_counter_ns, METH_NOARGS,
     "Performance counter for benchmarking as nanoseconds."},
    {"process_time", time_process_time, METH_NOARGS,
     "Process time for profiling: sum of the kernel and user-space CPU time."},
    {"process_time_ns", time_process_time_ns, METH_NOARGS,
     "Process time for profiling as nanoseconds."},
    {"thread_time", time_thread_time, METH_NOARGS,
     "Thread time for profiling: sum of the kernel and user-space CPU time."},
    {"thread_time_ns", time_thread_time_ns, METH_NOARGS,
     "Thread time for profiling as nanoseconds."},
    {"clock_gettime", time_clock_gettime, METH_O,
     "Return the time of the specified clock clk_id as a float."},
    {"clock_gettime_ns", time_clock_gettime_ns, METH_O,
     "Return the time of the specified clock clk_id as nanoseconds (int)."},
    {"clock_getres", time_clock_getres, METH_O,
     "Return the resolution (precision) of the specified clock clk_id."},
    {"clock_settime", time_clock_settime, METH_VARARGS,
     "Set the time of the specified clock clk_id."},
    {"clock_settime_ns", time_clock_settime_ns, METH_VARARGS,
     "Set the time of the specified clock clk_id with nanoseconds."},
    {"pthread_getcpuclockid", time_pthread_getcpuclockid, METH_O,
     "Return the clk_id of a thread's CPU time clock."},
    {"get_clock_info", time_get_clock_info, METH_VARARGS,
     "Get information of the specified clock."},
    {"sleep", time_sleep, METH_O,
     "Delay execution for a given number of seconds.  The argument may be\n"
     "a floating-point number for subsecond precision."},
    {"gmtime", time_gmtime, METH_VARARGS,
     "Convert seconds since the Epoch to a time tuple expressing UTC."},
    {"localtime", time_localtime, METH_VARARGS,
     "Convert seconds since the Epoch to a time tuple expressing local time."},
    {"mktime", time_mktime, METH_O,
     "Convert a time tuple in local time to seconds since the Epoch."},
    {"asctime", time_asctime, METH_VARARGS,
     "Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'."},
    {"ctime", time_ctime, METH_VARARGS,
     "Convert a time in seconds since the Epoch to a string in local time."},
    {"strftime", time_strftime, METH_VARARGS,
     "Convert a time tuple to a string according to a format specification."},
    {"strptime", time_strptime, METH_VARARGS,
     "Parse a string to a time tuple according to a format specification."},
    {"tzset", time_tzset, METH_NOARGS,
     "Initialize, or reinitialize, the local timezone to the value of the\n"
     "environment variable TZ."},
    {NULL, NULL, 0, NULL},
};

static int time_exec(PyObject *module)
{
    if (PyStructSequence_InitType2(&StructTimeType, &struct_time_desc) < 0
        || PyModule_AddObjectRef(module, "struct_time",
                                 (PyObject *)&StructTimeType) < 0
        /* Fields a struct_time carries, tm_zone and tm_gmtoff included. */
        || PyModule_AddIntConstant(module, "_STRUCT_TM_ITEMS",
                                   (long)(sizeof(struct_time_fields)
                                          / sizeof(struct_time_fields[0]) - 1)) < 0) {
        return -1;
    }
    static const struct { const char *name; long value; } clocks[] = {
        {"CLOCK_REALTIME", CLOCK_REALTIME},
        {"CLOCK_MONOTONIC", CLOCK_MONOTONIC},
        {"CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW},
        {"CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID},
        {"CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID},
        {"CLOCK_BOOTTIME", CLOCK_BOOTTIME},
        {"CLOCK_TAI", CLOCK_TAI},
        {NULL, 0},
    };
    for (int i = 0; clocks[i].name != NULL; i++) {
        if (PyModule_AddIntConstant(module, clocks[i].name, clocks[i].value) < 0) {
            return -1;
        }
    }
    PyMutex_Lock(&tz_mutex);
    tzset();
    int rc = set_timezone_attrs(module);
    PyMutex_Unlock(&tz_mutex);
    return rc;
}

static PyModuleDef_Slot time_slots[] = {
    {Py_mod_exec, time_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef time_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "time",
    .m_doc = "Time access and conversions.\n\n"
             "Timestamps are seconds since the Epoch (1970-01-01 00:00:00 "
             "UTC) as float or int;\nstruct_time holds a broken-down date "
             "and time (gmtime, localtime), and the\nclock functions read "
             "the system's clocks.",
    .m_size = 0,
    .m_methods = time_methods,
    .m_slots = time_slots,
};

PyMODINIT_FUNC PyInit_time(void)
{
    return PyModuleDef_Init(&time_module);
}
