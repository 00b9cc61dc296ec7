/* The _signal module and the runtime's signal handling.

   The C handler (on_signal) runs in whatever thread the kernel picked and
   may interrupt anything, so it only touches atomics and async-signal-safe
   calls: it marks the signal tripped, asks the main thread's eval breaker
   to run the handlers, writes the wakeup fd and wakes the main thread's
   parking-lot wait.  The Python-level handlers run later on the main
   thread, attached: from _Py_HandlePending (registered with
   _PyEval_SetSignalHandler) or from PyErr_CheckSignals.

   Thread safety without the GIL: `tripped`, `is_tripped`, the wakeup fd
   and `main_thread` are atomics; the handler objects are owned references
   in `handlers`, protected by `handlers_mutex` (only the main thread
   writes them, any thread may read them through getsignal). */
#include "Python.h"
#include "structseq.h"
#include "pycore_lock.h"
#include "pycore_pystate.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/syscall.h>

#ifndef NSIG
#  define NSIG 65
#endif

#define SIG_DFL_VALUE 0
#define SIG_IGN_VALUE 1

static int tripped[NSIG];               /* atomic */
static int is_tripped;                  /* atomic: some tripped[] is set */
static int wakeup_fd = -1;              /* atomic */
static int wakeup_warn = 1;             /* atomic */
static int wakeup_full;                 /* atomic: a write found it full */
static int wakeup_errno;                /* atomic: last failed write's errno */
static pthread_t main_thread;           /* written once by _PySignal_Init */
static int main_thread_known;

static PyMutex handlers_mutex;
static PyObject *handlers[NSIG];        /* under handlers_mutex; NULL: unknown */
static int changed[NSIG];               /* under handlers_mutex: set from Python */
static int initialized;                 /* under handlers_mutex */

static PyObject *default_int_handler_obj;   /* owned; cleared by _PySignal_Fini */
static PyObject *itimer_error;              /* owned; shared by module objects */

/* ---- the C handler ---------------------------------------------------- */

static void write_wakeup_byte(int signum)
{
    int fd = __atomic_load_n(&wakeup_fd, __ATOMIC_RELAXED);
    if (fd < 0) {
        return;
    }
    unsigned char byte = (unsigned char)signum;
    if (write(fd, &byte, 1) < 0) {
        __atomic_store_n(&wakeup_errno, errno, __ATOMIC_RELAXED);
        __atomic_store_n(&wakeup_full, 1, __ATOMIC_RELEASE);
    }
}

static void trip_signal(int signum)
{
    __atomic_store_n(&tripped[signum], 1, __ATOMIC_SEQ_CST);
    __atomic_store_n(&is_tripped, 1, __ATOMIC_SEQ_CST);
    _PyEval_SignalReceived();
    write_wakeup_byte(signum);
    _PyParkingLot_InterruptMain();
}

static void on_signal(int signum)
{
    int saved_errno = errno;
    trip_signal(signum);
    errno = saved_errno;
}

/* Sets the OS disposition; handler is SIG_DFL, SIG_IGN or on_signal.
   Signals are not restarted (CPython's default: siginterrupt(sig, True)),
   so blocking calls fail with EINTR and Python handlers run promptly. */
static int set_disposition(int signum, void (*handler)(int))
{
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_ONSTACK;
    return sigaction(signum, &action, NULL);
}

/* ---- running the Python handlers ----------------------------------------- */

int _PySignal_IsPending(void)
{
    return __atomic_load_n(&is_tripped, __ATOMIC_SEQ_CST);
}

static int is_main_thread(void)
{
    return __atomic_load_n(&main_thread_known, __ATOMIC_ACQUIRE)
           && pthread_equal(pthread_self(), main_thread);
}

/* A new reference to the handler of signum, or NULL if none is known. */
static PyObject *get_handler(int signum)
{
    PyMutex_Lock(&handlers_mutex);
    PyObject *h = Py_XNewRef(handlers[signum]);
    PyMutex_Unlock(&handlers_mutex);
    return h;
}

static void report_full_wakeup_fd(void)
{
    if (!__atomic_exchange_n(&wakeup_full, 0, __ATOMIC_ACQUIRE)) {
        return;
    }
    int err = __atomic_load_n(&wakeup_errno, __ATOMIC_RELAXED);
    if (err == EAGAIN && !__atomic_load_n(&wakeup_warn, __ATOMIC_RELAXED)) {
        return;
    }
    errno = err;
    PyErr_SetFromErrno(PyExc_OSError);
    PyErr_FormatUnraisable("Exception ignored when trying to write to the "
                           "signal wakeup fd");
}

static int call_handler(int signum, PyObject *func)
{
    PyObject *frame = (PyObject *)PyEval_GetFrame();
    PyObject *result = PyObject_CallFunction(func, "iO", signum,
                                             frame ? frame : Py_None);
    if (result == NULL) {
        return -1;
    }
    Py_DECREF(result);
    return 0;
}

/* A signal tripped with no Python handler to run: the handler changed
   after the trip, or signal handling was shut down (_PySignal_Fini) and
   _thread.interrupt_main() simulated one.  As in CPython, it is reported
   as unraisable rather than raised into unrelated code or turned into a
   real signal (PyErr_SetInterrupt only simulates one). */
static void report_unhandled(int signum)
{
    PyErr_Format(PyExc_OSError, "Signal %i ignored due to race condition", signum);
    PyErr_FormatUnraisable(NULL);
}

/* Runs the handlers of the tripped signals on the main thread, attached.
   On an exception the signals not yet handled stay tripped for the next
   check. */
static int run_handlers(void)
{
    if (!__atomic_exchange_n(&is_tripped, 0, __ATOMIC_SEQ_CST)) {
        return 0;
    }
    report_full_wakeup_fd();
    for (int signum = 1; signum < NSIG; signum++) {
        if (!__atomic_exchange_n(&tripped[signum], 0, __ATOMIC_SEQ_CST)) {
            continue;
        }
        PyObject *func = get_handler(signum);
        if (func == NULL || PyLong_Check(func) || func == Py_None) {
            Py_XDECREF(func);
            report_unhandled(signum);
            continue;
        }
        int rc = call_handler(signum, func);
        Py_DECREF(func);
        if (rc < 0) {
            __atomic_store_n(&is_tripped, 1, __ATOMIC_SEQ_CST);
            _PyEval_SignalReceived();
            return -1;
        }
    }
    return 0;
}

static int eval_breaker_handler(PyThreadState *tstate)
{
    (void)tstate;
    return run_handlers();
}

int PyErr_CheckSignals(void)
{
    if (!_PySignal_IsPending() || !is_main_thread()
        || PyThreadState_GetUnchecked() == NULL) {
        return 0;
    }
    return run_handlers();
}

int PyErr_SetInterruptEx(int signum)
{
    if (signum < 1 || signum >= NSIG) {
        return -1;
    }
    /* Only SIG_IGN and SIG_DFL (stored as ints) mean "do nothing"; with
       no handler at all (after _PySignal_Fini) the trip is reported by
       run_handlers, as in CPython. */
    PyObject *h = get_handler(signum);
    int ignored = h != NULL && PyLong_Check(h);
    Py_XDECREF(h);
    if (!ignored) {
        trip_signal(signum);
    }
    return 0;
}

void PyErr_SetInterrupt(void)
{
    (void)PyErr_SetInterruptEx(SIGINT);
}

/* capi: PyOS_InterruptOccurred (Include/fileutils.h).  Consumes a pending
   SIGINT for code that polls instead of running Python handlers; only the
   main thread sees it.  is_tripped stays set, so a later
   PyErr_CheckSignals just finds nothing to run. */
int PyOS_InterruptOccurred(void)
{
    if (!is_main_thread()) {
        return 0;
    }
    return __atomic_exchange_n(&tripped[SIGINT], 0, __ATOMIC_SEQ_CST);
}

/* ---- start-up and shut-down ----------------------------------------------- */

static PyObject *signal_default_int_handler(PyObject *Py_UNUSED(m),
                                            PyObject *args)
{
    if (!PyArg_ParseTuple(args, "iO:default_int_handler", &(int){0},
                          &(PyObject *){NULL})) {
        return NULL;
    }
    PyErr_SetNone(PyExc_KeyboardInterrupt);
    return NULL;
}

static PyMethodDef default_int_handler_def = {
    "default_int_handler", signal_default_int_handler, METH_VARARGS,
    "default_int_handler($module, signalnum, frame, /)\n--\n\n"
    "The default handler for SIGINT installed by Python.\n\n"
    "It raises KeyboardInterrupt.",
};

/* Fills `handlers` from the current OS dispositions (under the mutex). */
static int load_handlers_locked(void)
{
    PyObject *dfl = PyLong_FromLong(SIG_DFL_VALUE);
    PyObject *ign = PyLong_FromLong(SIG_IGN_VALUE);
    if (dfl == NULL || ign == NULL) {
        Py_XDECREF(dfl);
        Py_XDECREF(ign);
        return -1;
    }
    for (int signum = 1; signum < NSIG; signum++) {
        struct sigaction current;
        if (handlers[signum] != NULL || sigaction(signum, NULL, &current) < 0) {
            continue;
        }
        if (current.sa_handler == SIG_DFL) {
            handlers[signum] = Py_NewRef(dfl);
        }
        else if (current.sa_handler == SIG_IGN) {
            handlers[signum] = Py_NewRef(ign);
        }
    }
    Py_DECREF(dfl);
    Py_DECREF(ign);
    return 0;
}

static int ensure_initialized(void)
{
    int rc = 0;
    PyMutex_Lock(&handlers_mutex);
    if (!initialized) {
        if (default_int_handler_obj == NULL) {
            PyObject *name = PyUnicode_FromString("_signal");
            default_int_handler_obj = name == NULL ? NULL
                : PyCFunction_NewEx(&default_int_handler_def, NULL, name);
            Py_XDECREF(name);
        }
        rc = default_int_handler_obj == NULL ? -1 : load_handlers_locked();
        initialized = rc == 0;
    }
    PyMutex_Unlock(&handlers_mutex);
    return rc;
}

int _PySignal_Init(int install)
{
    main_thread = pthread_self();
    __atomic_store_n(&main_thread_known, 1, __ATOMIC_RELEASE);
    _PyParkingLot_SetMainThread();
    _PyEval_SetSignalHandler(eval_breaker_handler);
    if (install) {
        /* As CPython: a write past RLIMIT_FSIZE fails with EFBIG (an
           OSError) instead of killing the process.  Set before the handler
           table is loaded so getsignal() reports SIG_IGN; children get
           SIG_DFL back through subprocess's restore_signals. */
        signal(SIGXFSZ, SIG_IGN);
    }
    if (ensure_initialized() < 0) {
        return -1;
    }
    if (!install) {
        return 0;
    }
    struct sigaction current;
    if (sigaction(SIGINT, NULL, &current) == 0 && current.sa_handler == SIG_DFL
        && set_disposition(SIGINT, on_signal) == 0) {
        /* The old value is released outside the mutex: a decref may run
           arbitrary code. */
        PyMutex_Lock(&handlers_mutex);
        PyObject *old = handlers[SIGINT];
        handlers[SIGINT] = Py_NewRef(default_int_handler_obj);
        changed[SIGINT] = 1;
        PyMutex_Unlock(&handlers_mutex);
        Py_XDECREF(old);
    }
    return 0;
}

void _PySignal_Fini(void)
{
    PyObject *old[NSIG];
    PyMutex_Lock(&handlers_mutex);
    for (int signum = 1; signum < NSIG; signum++) {
        old[signum] = handlers[signum];
        handlers[signum] = NULL;
        if (changed[signum]) {
            set_disposition(signum, SIG_DFL);
            changed[signum] = 0;
        }
        __atomic_store_n(&tripped[signum], 0, __ATOMIC_RELAXED);
    }
    initialized = 0;
    PyMutex_Unlock(&handlers_mutex);
    __atomic_store_n(&is_tripped, 0, __ATOMIC_SEQ_CST);
    __atomic_store_n(&wakeup_fd, -1, __ATOMIC_SEQ_CST);
    for (int signum = 1; signum < NSIG; signum++) {
        Py_XDECREF(old[signum]);
    }
    /* A later Py_Initialize makes fresh ones. */
    Py_CLEAR(default_int_handler_obj);
    Py_CLEAR(itimer_error);
}

void _PySignal_AfterFork(void)
{
    /* Signals tripped in the parent belong to the parent. */
    for (int signum = 1; signum < NSIG; signum++) {
        __atomic_store_n(&tripped[signum], 0, __ATOMIC_RELAXED);
    }
    __atomic_store_n(&is_tripped, 0, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(&main_thread_known, __ATOMIC_ACQUIRE)) {
        main_thread = pthread_self();
        _PyParkingLot_SetMainThread();
    }
}

int _PySignal_ExitSigint(void)
{
    set_disposition(SIGINT, SIG_DFL);
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &unblock, NULL);
    kill(getpid(), SIGINT);
    return 130;
}

/* ---- argument helpers ---------------------------------------------------- */

static int check_signum(int signum)
{
    if (signum < 1 || signum >= NSIG) {
        PyErr_SetString(PyExc_ValueError, "signal number out of range");
        return -1;
    }
    return 0;
}

static int parse_signum(PyObject *arg, int *signum)
{
    int overflow;
    long value = PyLong_AsLongAndOverflow(arg, &overflow);
    if (value == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (overflow || value < 1 || value >= NSIG) {
        PyErr_SetString(PyExc_ValueError, "signal number out of range");
        return -1;
    }
    *signum = (int)value;
    return 0;
}

/* Fills *mask from an iterable of signal numbers. */
static int iterable_to_sigset(PyObject *iterable, sigset_t *mask)
{
    sigemptyset(mask);
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return -1;
    }
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int overflow;
        long value = PyLong_AsLongAndOverflow(item, &overflow);
        Py_DECREF(item);
        if (value == -1 && PyErr_Occurred()) {
            Py_DECREF(it);
            return -1;
        }
        /* A huge number is out of range too (reported as -1, as CPython
           does), not an OverflowError. */
        if (overflow || value <= 0 || value >= NSIG) {
            PyErr_Format(PyExc_ValueError,
                         "signal number %ld out of range [1; %i]",
                         value, NSIG - 1);
            Py_DECREF(it);
            return -1;
        }
        sigaddset(mask, (int)value);
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

static PyObject *sigset_to_set(const sigset_t *mask)
{
    PyObject *result = PySet_New(NULL);
    if (result == NULL) {
        return NULL;
    }
    for (int signum = 1; signum < NSIG; signum++) {
        if (sigismember(mask, signum) != 1) {
            continue;
        }
        PyObject *num = PyLong_FromLong(signum);
        if (num == NULL || PySet_Add(result, num) < 0) {
            Py_XDECREF(num);
            Py_DECREF(result);
            return NULL;
        }
        Py_DECREF(num);
    }
    return result;
}

static int require_main_thread(const char *what)
{
    if (!is_main_thread()) {
        PyErr_Format(PyExc_ValueError,
                     "%s only works in main thread of the main interpreter",
                     what);
        return -1;
    }
    return 0;
}

/* ---- module functions ---------------------------------------------------- */

static PyObject *signal_signal(PyObject *Py_UNUSED(m), PyObject *args)
{
    int signum;
    PyObject *handler;
    if (!PyArg_ParseTuple(args, "iO:signal", &signum, &handler)) {
        return NULL;
    }
    if (require_main_thread("signal") < 0 || check_signum(signum) < 0
        || ensure_initialized() < 0) {
        return NULL;
    }
    void (*disposition)(int) = on_signal;
    PyObject *stored;
    if (PyLong_Check(handler)) {
        int overflow;
        long value = PyLong_AsLongAndOverflow(handler, &overflow);
        if (!overflow && (value == SIG_DFL_VALUE || value == SIG_IGN_VALUE)) {
            disposition = value == SIG_DFL_VALUE ? SIG_DFL : SIG_IGN;
        }
    }
    if (disposition == on_signal && !PyCallable_Check(handler)) {
        PyErr_SetString(PyExc_TypeError,
                        "signal handler must be signal.SIG_IGN, "
                        "signal.SIG_DFL, or a callable object");
        return NULL;
    }
    if (disposition != on_signal) {
        stored = PyLong_FromLong(disposition == SIG_DFL ? SIG_DFL_VALUE
                                                        : SIG_IGN_VALUE);
        if (stored == NULL) {
            return NULL;
        }
    }
    else {
        stored = Py_NewRef(handler);
    }
    /* Pending signals run under the old handler first. */
    if (PyErr_CheckSignals() < 0) {
        Py_DECREF(stored);
        return NULL;
    }
    if (set_disposition(signum, disposition) < 0) {
        Py_DECREF(stored);
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    PyMutex_Lock(&handlers_mutex);
    PyObject *old = handlers[signum];
    handlers[signum] = stored;
    changed[signum] = 1;
    PyMutex_Unlock(&handlers_mutex);
    if (old == NULL) {
        Py_RETURN_NONE;
    }
    return old;
}

static PyObject *signal_getsignal(PyObject *Py_UNUSED(m), PyObject *arg)
{
    int signum;
    if (parse_signum(arg, &signum) < 0 || ensure_initialized() < 0) {
        return NULL;
    }
    PyObject *h = get_handler(signum);
    if (h == NULL) {
        Py_RETURN_NONE;
    }
    return h;
}

static PyObject *signal_raise_signal(PyObject *Py_UNUSED(m), PyObject *arg)
{
    /* Like raise(3) itself, no range check: 0 is valid, others EINVAL. */
    int signum = PyLong_AsInt(arg);
    if (signum == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (raise(signum) != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    if (PyErr_CheckSignals() < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *signal_strsignal(PyObject *Py_UNUSED(m), PyObject *arg)
{
    int signum;
    if (parse_signum(arg, &signum) < 0) {
        return NULL;
    }
    const char *text = strsignal(signum);
    if (text == NULL || strstr(text, "Unknown signal") != NULL) {
        Py_RETURN_NONE;
    }
    return PyUnicode_DecodeLocale(text, "surrogateescape");
}

static PyObject *signal_alarm(PyObject *Py_UNUSED(m), PyObject *arg)
{
    long seconds = PyLong_AsLong(arg);
    if (seconds == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (seconds < 0 || (unsigned long)seconds > UINT_MAX) {
        PyErr_SetString(PyExc_OverflowError,
                        "Python int too large to convert to C unsigned int");
        return NULL;
    }
    return PyLong_FromLong((long)alarm((unsigned int)seconds));
}

static PyObject *signal_pause(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(a))
{
    Py_BEGIN_ALLOW_THREADS
    (void)pause();
    Py_END_ALLOW_THREADS
    if (PyErr_CheckSignals() < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *signal_set_wakeup_fd(PyObject *Py_UNUSED(m), PyObject *args,
                                      PyObject *kwds)
{
    static char *keywords[] = {"", "warn_on_full_buffer", NULL};
    int fd;
    int warn = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "i|$p:set_wakeup_fd",
                                     keywords, &fd, &warn)) {
        return NULL;
    }
    if (require_main_thread("set_wakeup_fd") < 0) {
        return NULL;
    }
    if (fd != -1) {
        struct stat st;
        if (fstat(fd, &st) != 0) {
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        int flags = fcntl(fd, F_GETFL);
        if (flags < 0) {
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        if (!(flags & O_NONBLOCK)) {
            PyErr_Format(PyExc_ValueError,
                         "the fd %i must be in non-blocking mode", fd);
            return NULL;
        }
    }
    __atomic_store_n(&wakeup_warn, warn, __ATOMIC_RELAXED);
    int old = __atomic_exchange_n(&wakeup_fd, fd, __ATOMIC_SEQ_CST);
    return PyLong_FromLong(old);
}

static PyObject *signal_siginterrupt(PyObject *Py_UNUSED(m), PyObject *args)
{
    int signum, flag;
    if (!PyArg_ParseTuple(args, "ii:siginterrupt", &signum, &flag)) {
        return NULL;
    }
    if (check_signum(signum) < 0) {
        return NULL;
    }
    struct sigaction action;
    if (sigaction(signum, NULL, &action) < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    if (flag) {
        action.sa_flags &= ~SA_RESTART;
    }
    else {
        action.sa_flags |= SA_RESTART;
    }
    if (sigaction(signum, &action, NULL) < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

/* ---- interval timers ---------------------------------------------------- */

static int seconds_to_timeval(double seconds, struct timeval *tv)
{
    if (seconds < 0) {
        seconds = 0;
    }
    tv->tv_sec = (time_t)seconds;
    tv->tv_usec = (suseconds_t)((seconds - (double)tv->tv_sec) * 1e6 + 0.5);
    if (tv->tv_usec >= 1000000) {
        tv->tv_sec++;
        tv->tv_usec -= 1000000;
    }
    /* A tiny non-zero value must not disarm the timer. */
    if (seconds > 0 && tv->tv_sec == 0 && tv->tv_usec == 0) {
        tv->tv_usec = 1;
    }
    return 0;
}

static PyObject *itimer_tuple(const struct itimerval *v)
{
    return Py_BuildValue("(dd)",
        (double)v->it_value.tv_sec + v->it_value.tv_usec / 1e6,
        (double)v->it_interval.tv_sec + v->it_interval.tv_usec / 1e6);
}

static PyObject *signal_setitimer(PyObject *Py_UNUSED(m), PyObject *args)
{
    int which;
    double seconds, interval = 0.0;
    if (!PyArg_ParseTuple(args, "id|d:setitimer", &which, &seconds, &interval)) {
        return NULL;
    }
    struct itimerval new_value, old_value;
    seconds_to_timeval(seconds, &new_value.it_value);
    seconds_to_timeval(interval, &new_value.it_interval);
    if (setitimer(which, &new_value, &old_value) != 0) {
        return PyErr_SetFromErrno(itimer_error);
    }
    return itimer_tuple(&old_value);
}

static PyObject *signal_getitimer(PyObject *Py_UNUSED(m), PyObject *arg)
{
    int which = PyLong_AsInt(arg);
    if (which == -1 && PyErr_Occurred()) {
        return NULL;
    }
    struct itimerval value;
    if (getitimer(which, &value) != 0) {
        return PyErr_SetFromErrno(itimer_error);
    }
    return itimer_tuple(&value);
}

/* ---- masks and synchronous waits ---------------------------------------- */

static PyObject *signal_pthread_kill(PyObject *Py_UNUSED(m), PyObject *args)
{
    unsigned long thread_id;
    int signum;
    if (!PyArg_ParseTuple(args, "ki:pthread_kill", &thread_id, &signum)) {
        return NULL;
    }
    int err = pthread_kill((pthread_t)thread_id, signum);
    if (err != 0) {
        errno = err;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    if (PyErr_CheckSignals() < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* pidfd_send_signal(pidfd, sig, siginfo=None, flags=0, /): the C library
   has no wrapper, so this is the raw system call.  Like CPython, only a
   None siginfo is accepted. */
static PyObject *signal_pidfd_send_signal(PyObject *Py_UNUSED(m), PyObject *args)
{
    int pidfd, signum, flags = 0;
    PyObject *siginfo = Py_None;
    if (!PyArg_ParseTuple(args, "ii|Oi:pidfd_send_signal", &pidfd, &signum,
                          &siginfo, &flags)) {
        return NULL;
    }
    if (siginfo != Py_None) {
        PyErr_SetString(PyExc_TypeError, "siginfo must be None");
        return NULL;
    }
    long err;
    Py_BEGIN_ALLOW_THREADS
    err = syscall(SYS_pidfd_send_signal, pidfd, signum, NULL, flags);
    Py_END_ALLOW_THREADS
    if (err < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    if (PyErr_CheckSignals() < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *signal_pthread_sigmask(PyObject *Py_UNUSED(m), PyObject *args)
{
    int how;
    PyObject *iterable;
    if (!PyArg_ParseTuple(args, "iO:pthread_sigmask", &how, &iterable)) {
        return NULL;
    }
    sigset_t mask, previous;
    if (iterable_to_sigset(iterable, &mask) < 0) {
        return NULL;
    }
    int err = pthread_sigmask(how, &mask, &previous);
    if (err != 0) {
        errno = err;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    /* Unblocking may have delivered a pending signal. */
    if (PyErr_CheckSignals() < 0) {
        return NULL;
    }
    return sigset_to_set(&previous);
}

static PyObject *signal_sigpending(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(a))
{
    sigset_t mask;
    if (sigpending(&mask) != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return sigset_to_set(&mask);
}

static PyObject *signal_sigwait(PyObject *Py_UNUSED(m), PyObject *arg)
{
    sigset_t mask;
    if (iterable_to_sigset(arg, &mask) < 0) {
        return NULL;
    }
    int err, signum = 0;
    Py_BEGIN_ALLOW_THREADS
    err = sigwait(&mask, &signum);
    Py_END_ALLOW_THREADS
    if (err != 0) {
        errno = err;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLong(signum);
}

static PyStructSequence_Field siginfo_fields[] = {
    {"si_signo", "signal number"},
    {"si_code", "signal code"},
    {"si_errno", "errno associated with this signal"},
    {"si_pid", "sending process ID"},
    {"si_uid", "real user ID of sending process"},
    {"si_status", "exit value or signal"},
    {"si_band", "band event for SIGPOLL"},
    {NULL, NULL},
};

static PyStructSequence_Desc siginfo_desc = {
    "signal.struct_siginfo",
    "struct_siginfo: Result from sigwaitinfo or sigtimedwait.\n\n"
    "This object may be accessed either as a tuple of\n"
    "(si_signo, si_code, si_errno, si_pid, si_uid, si_status, si_band),\n"
    "or via the attributes si_signo, si_code, and so on.",
    siginfo_fields,
    7,
};

static PyTypeObject SiginfoType;

static PyObject *siginfo_to_struct(const siginfo_t *info)
{
    PyObject *result = PyStructSequence_New(&SiginfoType);
    if (result == NULL) {
        return NULL;
    }
    PyObject *values[7] = {
        PyLong_FromLong(info->si_signo),
        PyLong_FromLong(info->si_code),
        PyLong_FromLong(info->si_errno),
        PyLong_FromLong((long)info->si_pid),
        PyLong_FromUnsignedLong((unsigned long)info->si_uid),
        PyLong_FromLong(info->si_status),
        PyLong_FromLong(info->si_band),
    };
    int failed = 0;
    for (int i = 0; i < 7; i++) {
        if (values[i] == NULL) {
            failed = 1;
            values[i] = Py_NewRef(Py_None);
        }
        PyStructSequence_SetItem(result, i, values[i]);
    }
    if (failed) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

/* sigwaitinfo / sigtimedwait: a handler that runs during the wait and
   returns normally restarts it with the remaining time. */
static PyObject *wait_for_signal(PyObject *iterable, int64_t timeout_ns)
{
    sigset_t mask;
    if (iterable_to_sigset(iterable, &mask) < 0) {
        return NULL;
    }
    int64_t deadline = timeout_ns >= 0
        ? _PyTime_MonotonicNanoseconds() + timeout_ns : 0;
    for (;;) {
        siginfo_t info;
        int rc;
        Py_BEGIN_ALLOW_THREADS
        if (timeout_ns < 0) {
            rc = sigwaitinfo(&mask, &info);
        }
        else {
            int64_t left = deadline - _PyTime_MonotonicNanoseconds();
            if (left < 0) {
                left = 0;
            }
            struct timespec ts = {(time_t)(left / 1000000000),
                                  (long)(left % 1000000000)};
            rc = sigtimedwait(&mask, &info, &ts);
        }
        Py_END_ALLOW_THREADS
        if (rc >= 0) {
            return siginfo_to_struct(&info);
        }
        if (errno == EAGAIN && timeout_ns >= 0) {
            Py_RETURN_NONE;
        }
        if (errno != EINTR) {
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        if (PyErr_CheckSignals() < 0) {
            return NULL;
        }
    }
}

static PyObject *signal_sigwaitinfo(PyObject *Py_UNUSED(m), PyObject *arg)
{
    return wait_for_signal(arg, -1);
}

static PyObject *signal_sigtimedwait(PyObject *Py_UNUSED(m), PyObject *args)
{
    PyObject *iterable, *timeout;
    if (!PyArg_ParseTuple(args, "OO:sigtimedwait", &iterable, &timeout)) {
        return NULL;
    }
    double seconds = PyFloat_AsDouble(timeout);
    if (seconds == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    if (seconds < 0) {
        PyErr_SetString(PyExc_ValueError, "timeout must be non-negative");
        return NULL;
    }
    if (seconds > 9.2e9) {
        PyErr_SetString(PyExc_OverflowError,
                        "timestamp too large to convert to C _PyTime_t");
        return NULL;
    }
    return wait_for_signal(iterable, (int64_t)(seconds * 1e9));
}

static PyObject *signal_valid_signals(PyObject *Py_UNUSED(m),
                                      PyObject *Py_UNUSED(a))
{
    sigset_t mask;
    if (sigemptyset(&mask) < 0 || sigfillset(&mask) < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return sigset_to_set(&mask);
}

/* ---- the module ----------------------------------------------------------- */

static PyMethodDef signal_methods[] = {
    {"signal", signal_signal, METH_VARARGS,
     "signal($module, signalnum, handler, /)\n--\n\n"
     "Set the action for the given signal.\n\n"
     "The action can be SIG_DFL, SIG_IGN, or a callable Python object.\n"
     "The previous action is returned."},
    {"getsignal", signal_getsignal, METH_O,
     "getsignal($module, signalnum, /)\n--\n\n"
     "Return the current action for the given signal."},
    {"raise_signal", signal_raise_signal, METH_O,
     "raise_signal($module, signalnum, /)\n--\n\n"
     "Send a signal to the executing process."},
    {"strsignal", signal_strsignal, METH_O,
     "strsignal($module, signalnum, /)\n--\n\n"
     "Return the system description of the given signal, or None."},
    {"alarm", signal_alarm, METH_O,
     "alarm($module, seconds, /)\n--\n\nArrange for SIGALRM to arrive "
     "after the given number of seconds."},
    {"pause", signal_pause, METH_NOARGS,
     "pause($module, /)\n--\n\nWait until a signal arrives."},
    {"set_wakeup_fd", (PyCFunction)(void (*)(void))signal_set_wakeup_fd,
     METH_VARARGS | METH_KEYWORDS,
     "set_wakeup_fd(fd, /, *, warn_on_full_buffer=True)\n--\n\n"
     "Sets the fd to be written to (with the signal number) when a signal\n"
     "comes in.  Returns the old fd; -1 disables the feature."},
    {"siginterrupt", signal_siginterrupt, METH_VARARGS,
     "siginterrupt($module, signalnum, flag, /)\n--\n\n"
     "Change system call restart behaviour."},
    {"setitimer", signal_setitimer, METH_VARARGS,
     "setitimer($module, which, seconds, interval=0.0, /)\n--\n\n"
     "Sets given itimer (one of ITIMER_REAL, ITIMER_VIRTUAL or "
     "ITIMER_PROF).\n\nReturns the old values as a tuple: (delay, interval)."},
    {"getitimer", signal_getitimer, METH_O,
     "getitimer($module, which, /)\n--\n\n"
     "Returns current value of given itimer."},
    {"pthread_kill", signal_pthread_kill, METH_VARARGS,
     "pthread_kill($module, thread_id, signalnum, /)\n--\n\n"
     "Send a signal to a thread."},
    {"pidfd_send_signal", signal_pidfd_send_signal, METH_VARARGS,
     "pidfd_send_signal($module, pidfd, sig, siginfo=None, flags=0, /)\n--\n\n"
     "Send a signal to a process referred to by a pid file descriptor."},
    {"pthread_sigmask", signal_pthread_sigmask, METH_VARARGS,
     "pthread_sigmask($module, how, mask, /)\n--\n\n"
     "Fetch and/or change the signal mask of the calling thread."},
    {"sigpending", signal_sigpending, METH_NOARGS,
     "sigpending($module, /)\n--\n\n"
     "Examine pending signals."},
    {"sigwait", signal_sigwait, METH_O,
     "sigwait($module, sigset, /)\n--\n\n"
     "Wait for a signal."},
    {"sigwaitinfo", signal_sigwaitinfo, METH_O,
     "sigwaitinfo($module, sigset, /)\n--\n\n"
     "Wait synchronously until one of the signals in *sigset* is "
     "delivered."},
    {"sigtimedwait", signal_sigtimedwait, METH_VARARGS,
     "sigtimedwait($module, sigset, timeout, /)\n--\n\n"
     "Like sigwaitinfo(), but with a timeout."},
    {"valid_signals", signal_valid_signals, METH_NOARGS,
     "valid_signals($module, /)\n--\n\n"
     "Return a set of valid signal numbers on this platform."},
    {NULL, NULL, 0, NULL},
};

static const struct { const char *name; int value; } signal_constants[] = {
    {"SIGHUP", SIGHUP}, {"SIGINT", SIGINT}, {"SIGQUIT", SIGQUIT},
    {"SIGILL", SIGILL}, {"SIGTRAP", SIGTRAP}, {"SIGABRT", SIGABRT},
    {"SIGIOT", SIGIOT}, {"SIGBUS", SIGBUS}, {"SIGFPE", SIGFPE},
    {"SIGKILL", SIGKILL}, {"SIGUSR1", SIGUSR1}, {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2}, {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM},
    {"SIGTERM", SIGTERM},
#ifdef SIGSTKFLT
    {"SIGSTKFLT", SIGSTKFLT},
#endif
    {"SIGCHLD", SIGCHLD},
#ifdef SIGCLD
    {"SIGCLD", SIGCLD},
#endif
    {"SIGCONT", SIGCONT}, {"SIGSTOP", SIGSTOP}, {"SIGTSTP", SIGTSTP},
    {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU}, {"SIGURG", SIGURG},
    {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ}, {"SIGVTALRM", SIGVTALRM},
    {"SIGPROF", SIGPROF}, {"SIGWINCH", SIGWINCH}, {"SIGIO", SIGIO},
#ifdef SIGPOLL
    {"SIGPOLL", SIGPOLL},
#endif
#ifdef SIGPWR
    {"SIGPWR", SIGPWR},
#endif
    {"SIGSYS", SIGSYS},
    {"SIG_BLOCK", SIG_BLOCK}, {"SIG_UNBLOCK", SIG_UNBLOCK},
    {"SIG_SETMASK", SIG_SETMASK},
    {"ITIMER_REAL", ITIMER_REAL}, {"ITIMER_VIRTUAL", ITIMER_VIRTUAL},
    {"ITIMER_PROF", ITIMER_PROF},
    {"NSIG", NSIG},
    {"SIG_DFL", SIG_DFL_VALUE}, {"SIG_IGN", SIG_IGN_VALUE},
    {NULL, 0},
};

/* The structseq type and ItimerError are made once and shared by every
   module object; the first exec runs on the importing thread while the
   import lock serializes execs of this module. */
static int init_shared_objects(void)
{
    if (itimer_error == NULL) {
        itimer_error = PyErr_NewException("signal.itimer_error",
                                          PyExc_OSError, NULL);
        if (itimer_error == NULL) {
            return -1;
        }
    }
    if (SiginfoType.tp_name == NULL
        && PyStructSequence_InitType2(&SiginfoType, &siginfo_desc) < 0) {
        return -1;
    }
    return 0;
}

static int signal_exec(PyObject *module)
{
    if (ensure_initialized() < 0 || init_shared_objects() < 0) {
        return -1;
    }
    for (int i = 0; signal_constants[i].name != NULL; i++) {
        if (PyModule_AddIntConstant(module, signal_constants[i].name,
                                    signal_constants[i].value) < 0) {
            return -1;
        }
    }
    if (PyModule_AddIntConstant(module, "SIGRTMIN", SIGRTMIN) < 0
        || PyModule_AddIntConstant(module, "SIGRTMAX", SIGRTMAX) < 0
        || PyModule_AddObjectRef(module, "ItimerError", itimer_error) < 0
        || PyModule_AddObjectRef(module, "struct_siginfo",
                                 (PyObject *)&SiginfoType) < 0
        || PyModule_AddObjectRef(module, "default_int_handler",
                                 default_int_handler_obj) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot signal_slots[] = {
    {Py_mod_exec, signal_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef signal_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_signal",
    .m_doc = "This module provides mechanisms to use signal handlers in "
             "Python.",
    .m_size = 0,
    .m_methods = signal_methods,
    .m_slots = signal_slots,
};

PyMODINIT_FUNC PyInit__signal(void)
{
    return PyModuleDef_Init(&signal_module);
}

/* capi (session 6): the C form of signal.set_wakeup_fd(fd), without its
   checks (CPython's too); returns the previous fd, -1 for none.  Atomic,
   like the handler's read of the fd. */
int PySignal_SetWakeupFd(int fd)
{
    if (fd < 0) {
        fd = -1;
    }
    return __atomic_exchange_n(&wakeup_fd, fd, __ATOMIC_SEQ_CST);
}
