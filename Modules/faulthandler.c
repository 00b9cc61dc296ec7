/* The faulthandler module: dump the Python stacks of the threads on a
   fatal signal, on a timeout, on a user signal, or on request.

   The fatal-signal handler runs in a process that may be corrupted: it
   uses only write(2) on a file descriptor chosen beforehand, reads frames
   without taking locks and allocates nothing, then restores the previous
   handler and raises the signal again so that the process dies as it
   would have.

   Thread safety: the Python-level functions change the module's settings
   under `settings_lock`.  Signal handlers and the watchdog thread read
   the plain fields (fd, flags) that were written before their handler
   was installed or their thread started. */
#include "Python.h"
#include "pycore_dict.h"
#include "pycore_frame.h"
#include "pycore_moduleobject.h"
#include "pycore_pystate.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#ifdef __GLIBC__
#  include <dlfcn.h>
#  include <execinfo.h>
#  define HAVE_BACKTRACE 1
#endif

#define MAX_FRAME_DEPTH 100
#define MAX_STRING_LENGTH 500
#define MAX_NTHREADS 100

/* ---- async-signal-safe output ------------------------------------------- */

static void put_bytes(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            return;
        }
        s += w;
        n -= (size_t)w;
    }
}

static void put_str(int fd, const char *s)
{
    put_bytes(fd, s, strlen(s));
}

static void put_decimal(int fd, long value)
{
    char buf[24];
    int i = (int)sizeof(buf);
    unsigned long v = value < 0 ? 0UL - (unsigned long)value
                                : (unsigned long)value;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0);
    if (value < 0) {
        buf[--i] = '-';
    }
    put_bytes(fd, buf + i, sizeof(buf) - (size_t)i);
}

static void put_hex(int fd, unsigned long value, int width)
{
    static const char digits[] = "0123456789abcdef";
    char buf[2 + 2 * sizeof(unsigned long)];
    int n = 0;
    buf[n++] = '0';
    buf[n++] = 'x';
    for (int shift = (width - 1) * 4; shift >= 0; shift -= 4) {
        buf[n++] = digits[(value >> shift) & 0xf];
    }
    put_bytes(fd, buf, (size_t)n);
}

/* A str's characters as they are stored, ASCII kept and the rest written
   as \xNN, \uNNNN or \UNNNNNNNN; no allocation. */
static void put_unicode(int fd, PyObject *text)
{
    if (text == NULL || !PyUnicode_Check(text)) {
        put_str(fd, "???");
        return;
    }
    Py_ssize_t size = PyUnicode_GET_LENGTH(text);
    int truncated = size > MAX_STRING_LENGTH;
    if (truncated) {
        size = MAX_STRING_LENGTH;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; i < size; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch < 128 && ch >= 32) {
            char c = (char)ch;
            put_bytes(fd, &c, 1);
        }
        else if (ch <= 0xff) {
            put_str(fd, "\\x");
            put_bytes(fd, &"0123456789abcdef"[ch >> 4], 1);
            put_bytes(fd, &"0123456789abcdef"[ch & 0xf], 1);
        }
        else {
            int width = ch <= 0xffff ? 4 : 8;
            put_str(fd, width == 4 ? "\\u" : "\\U");
            for (int shift = (width - 1) * 4; shift >= 0; shift -= 4) {
                put_bytes(fd, &"0123456789abcdef"[(ch >> shift) & 0xf], 1);
            }
        }
    }
    if (truncated) {
        put_str(fd, "...");
    }
}

/* ---- reading stacks without locks --------------------------------------- */

static void dump_frame(int fd, _PyInterpreterFrame *frame)
{
    PyCodeObject *code = _PyFrame_GetCode(frame);
    put_str(fd, "  File \"");
    put_unicode(fd, code->co_filename);
    put_str(fd, "\", line ");
    int line = _PyInterpreterFrame_GetLine(frame);
    if (line >= 0) {
        put_decimal(fd, line);
    }
    else {
        put_str(fd, "???");
    }
    put_str(fd, " in ");
    put_unicode(fd, code->co_name);
    put_str(fd, "\n");
}

static void dump_stack(int fd, PyThreadState *tstate)
{
    _PyInterpreterFrame *frame = tstate->current_frame;
    if (frame == NULL) {
        put_str(fd, "  <no Python frame>\n");
        return;
    }
    for (int depth = 0; frame != NULL; depth++, frame = frame->previous) {
        if (depth >= MAX_FRAME_DEPTH) {
            put_str(fd, "  ...\n");
            return;
        }
        if (frame->f_executable == NULL ||
            !PyCode_Check(frame->f_executable)) {
            continue;
        }
        dump_frame(fd, frame);
    }
}

/* "Current thread 0x00007f... [name] (most recent call first):".  On
   Linux the name of another thread is read from /proc with open/read,
   which are async-signal-safe. */
static void dump_thread_header(int fd, PyThreadState *tstate, int current)
{
    put_str(fd, current ? "Current thread " : "Thread ");
    put_hex(fd, tstate->thread_id, (int)(2 * sizeof(unsigned long)));
#ifdef __GLIBC__
    char name[100];
    if (pthread_getname_np((pthread_t)tstate->thread_id, name,
                           sizeof(name)) == 0 && name[0] != '\0') {
        put_str(fd, " [");
        put_str(fd, name);
        put_str(fd, "]");
    }
#endif
    put_str(fd, " (most recent call first):\n");
}

/* The stacks of all threads of interp (the list is walked without its
   lock: the process may be dying), or of current alone.  current is the
   calling thread's state, NULL when it is not a Python thread. */
static void dump_threads(int fd, PyInterpreterState *interp,
                         PyThreadState *current, int all_threads)
{
    if (!all_threads || interp == NULL) {
        if (current == NULL) {
            put_str(fd, "<no Python frame>\n");
            return;
        }
        put_str(fd, "Stack (most recent call first):\n");
        dump_stack(fd, current);
        return;
    }
    PyThreadState *ts = PyInterpreterState_ThreadHead(interp);
    for (int n = 0; ts != NULL; n++, ts = PyThreadState_Next(ts)) {
        if (n >= MAX_NTHREADS) {
            put_str(fd, "...\n");
            break;
        }
        if (n > 0) {
            put_str(fd, "\n");
        }
        dump_thread_header(fd, ts, ts == current);
        dump_stack(fd, ts);
    }
}

#define MAX_C_FRAMES 32

/* One line per return address:
     Binary file "/lib/libc.so.6", at symbol+0x1f [0x7f...]
   dladdr() only reads the loaded objects' tables. */
static void dump_c_frame(int fd, void *address)
{
#ifdef HAVE_BACKTRACE
    Dl_info info;
    if (dladdr(address, &info) == 0 || info.dli_fname == NULL) {
        put_str(fd, "  Binary file \"<unknown>\" [");
        put_hex(fd, (unsigned long)(uintptr_t)address,
                (int)(2 * sizeof(void *)));
        put_str(fd, "]\n");
        return;
    }
    put_str(fd, "  Binary file \"");
    put_str(fd, info.dli_fname);
    put_str(fd, "\", at ");
    uintptr_t base = (uintptr_t)(info.dli_sname ? info.dli_saddr
                                                : info.dli_fbase);
    if (info.dli_sname != NULL) {
        put_str(fd, info.dli_sname);
    }
    uintptr_t addr = (uintptr_t)address;
    put_str(fd, addr >= base ? "+" : "-");
    uintptr_t offset = addr >= base ? addr - base : base - addr;
    int digits = 1;
    while (digits < (int)(2 * sizeof(uintptr_t)) &&
           (offset >> (4 * digits)) != 0) {
        digits++;
    }
    put_hex(fd, (unsigned long)offset, digits);
    put_str(fd, " [");
    digits = 1;
    while (digits < (int)(2 * sizeof(uintptr_t)) &&
           (addr >> (4 * digits)) != 0) {
        digits++;
    }
    put_hex(fd, (unsigned long)addr, digits);
    put_str(fd, "]\n");
#else
    (void)fd;
    (void)address;
#endif
}

static void dump_c_stack_fd(int fd)
{
    put_str(fd, "Current thread's C stack trace (most recent call first):\n");
#ifdef HAVE_BACKTRACE
    void *addresses[MAX_C_FRAMES];
    int n = backtrace(addresses, MAX_C_FRAMES);
    if (n == 0) {
        put_str(fd, "  <system returned no stack trace>\n");
        return;
    }
    for (int i = 0; i < n; i++) {
        dump_c_frame(fd, addresses[i]);
    }
    if (n == MAX_C_FRAMES) {
        put_str(fd, "  <truncated rest of calls>\n");
    }
#else
    put_str(fd, "  <cannot get C stack on this system>\n");
#endif
}

/* ---- settings ------------------------------------------------------------ */

/* Written under settings_lock; read by handlers (see the file comment). */
static PyMutex settings_lock;
static PyInterpreterState *fault_interp;

static struct {
    int enabled;
    int fd;
    int all_threads;
    int c_stack;
    PyObject *file;             /* strong: keeps the fd's owner alive */
} fatal;

typedef struct {
    int signum;
    const char *name;
    struct sigaction previous;
} fatal_signal;

static fatal_signal fatal_signals[] = {
    {SIGBUS, "Bus error"},
    {SIGILL, "Illegal instruction"},
    {SIGFPE, "Floating-point exception"},
    {SIGABRT, "Aborted"},
    {SIGSEGV, "Segmentation fault"},
};
#define NFATAL ((int)Py_ARRAY_LENGTH(fatal_signals))

static stack_t alt_stack;

/* The fd of file (an int, or an object with fileno(), flushed first);
   None means sys.stderr.  *owner gets a new reference to keep alive. */
static int file_to_fd(PyObject *file, PyObject **owner)
{
    *owner = NULL;
    if (file != NULL && PyLong_Check(file)) {
        int fd = PyLong_AsInt(file);
        if (fd == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (fd < 0) {
            PyErr_SetString(PyExc_ValueError,
                            "file is not a valid file descripter");
            return -1;
        }
        return fd;
    }
    if (file == NULL || file == Py_None) {
        file = PySys_GetObject("stderr");
        if (file == NULL || file == Py_None) {
            PyErr_SetString(PyExc_RuntimeError, "sys.stderr is None");
            return -1;
        }
    }
    PyObject *result = PyObject_CallMethod(file, "fileno", NULL);
    if (result == NULL) {
        return -1;
    }
    int fd = PyLong_Check(result) ? PyLong_AsInt(result) : -1;
    Py_DECREF(result);
    if (fd < 0) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_RuntimeError,
                            "file.fileno() is not a valid file descriptor");
        }
        return -1;
    }
    result = PyObject_CallMethod(file, "flush", NULL);
    if (result == NULL) {
        PyErr_Clear();
    }
    Py_XDECREF(result);
    *owner = Py_NewRef(file);
    return fd;
}

/* ---- extension modules -------------------------------------------------- */

/* sys.stdlib_module_names of interp (borrowed), or NULL.  The dict is
   searched by comparing keys, which allocates nothing. */
static PyObject *stdlib_names(PyInterpreterState *interp)
{
    PyObject *sysdict = interp->sysdict;
    if (sysdict == NULL || !PyDict_Check(sysdict)) {
        return NULL;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (_PyDict_Next(sysdict, &pos, &key, &value, NULL)) {
        if (PyUnicode_Check(key)
                && PyUnicode_CompareWithASCIIString(key, "stdlib_module_names") == 0) {
            return PyFrozenSet_Check(value) ? value : NULL;
        }
    }
    return NULL;
}

/* Whether the frozenset names holds name; a linear scan, as a frozenset
   never changes and so needs no lock (PySet_Contains would take one). */
static int names_contain(PyObject *names, PyObject *name)
{
    Py_ssize_t pos = 0;
    PyObject *key;
    Py_hash_t hash;
    while (_PySet_NextEntry(names, &pos, &key, &hash) > 0) {
        if (PyUnicode_Check(key) && _PyUnicode_Equal(key, name)) {
            return 1;
        }
    }
    return 0;
}

/* "Extension modules: a, b (total: N)": the modules of sys.modules made
   from a C definition and not named in sys.stdlib_module_names, as
   CPython prints them after a fatal error to point at a third-party
   culprit.  Like the stack dump it reads the dicts without locks (a best
   effort in a process that may be corrupted); nothing if there are none. */
static void dump_extension_modules(int fd, PyInterpreterState *interp)
{
    if (interp == NULL || interp->modules == NULL || !PyDict_Check(interp->modules)) {
        return;
    }
    PyObject *stdlib = stdlib_names(interp);
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    long count = 0;
    while (_PyDict_Next(interp->modules, &pos, &key, &value, NULL)) {
        if (!PyUnicode_Check(key) || !PyModule_Check(value)
                || ((PyModuleObject *)value)->md_def == NULL
                || (stdlib != NULL && names_contain(stdlib, key))) {
            continue;
        }
        put_str(fd, count == 0 ? "\nExtension modules: " : ", ");
        put_unicode(fd, key);
        count++;
    }
    if (count > 0) {
        put_str(fd, " (total: ");
        put_decimal(fd, count);
        put_str(fd, ")\n");
    }
}

/* ---- the fatal signal handler ------------------------------------------- */

static void fatal_error_handler(int signum)
{
    int saved_errno = errno;
    fatal_signal *entry = NULL;
    for (int i = 0; i < NFATAL; i++) {
        if (fatal_signals[i].signum == signum) {
            entry = &fatal_signals[i];
        }
    }
    if (entry == NULL || !fatal.enabled) {
        return;
    }
    /* The next delivery gets the previous behaviour (usually death). */
    sigaction(signum, &entry->previous, NULL);
    int fd = fatal.fd;
    put_str(fd, "Fatal Python error: ");
    put_str(fd, entry->name);
    put_str(fd, "\n\n");
    PyThreadState *current = PyThreadState_GetUnchecked();
    PyInterpreterState *interp = current ? current->interp : fault_interp;
    dump_threads(fd, interp, current, fatal.all_threads);
    if (fatal.c_stack) {
        put_str(fd, "\n");
        dump_c_stack_fd(fd);
    }
    dump_extension_modules(fd, interp);
    errno = saved_errno;
    raise(signum);
}

static int install_fatal_handlers(void)
{
    if (alt_stack.ss_sp == NULL) {
        alt_stack.ss_size = SIGSTKSZ * 2 + 16384;
        alt_stack.ss_sp = PyMem_RawMalloc(alt_stack.ss_size);
        if (alt_stack.ss_sp != NULL) {
            /* Runs on a separate stack so a stack overflow is reported. */
            if (sigaltstack(&alt_stack, NULL) != 0) {
                PyMem_RawFree(alt_stack.ss_sp);
                alt_stack.ss_sp = NULL;
            }
        }
    }
#ifdef HAVE_BACKTRACE
    /* backtrace() loads libgcc on first use: do it now, not in the
       handler. */
    void *warm[1];
    (void)backtrace(warm, 1);
#endif
    for (int i = 0; i < NFATAL; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof(action));
        action.sa_handler = fatal_error_handler;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_NODEFER | (alt_stack.ss_sp ? SA_ONSTACK : 0);
        if (sigaction(fatal_signals[i].signum, &action,
                      &fatal_signals[i].previous) != 0) {
            PyErr_SetFromErrno(PyExc_RuntimeError);
            return -1;
        }
    }
    return 0;
}

static void remove_fatal_handlers(void)
{
    for (int i = 0; i < NFATAL; i++) {
        sigaction(fatal_signals[i].signum, &fatal_signals[i].previous, NULL);
    }
}

/* ---- enable / disable ---------------------------------------------------- */

static int parse_file_threads(PyObject *args, PyObject *kwds,
                              const char *format, char **keywords,
                              PyObject **file, int *all_threads, int *c_stack)
{
    return PyArg_ParseTupleAndKeywords(args, kwds, format, keywords, file,
                                       all_threads, c_stack);
}

static PyObject *faulthandler_enable(PyObject *module, PyObject *args,
                                     PyObject *kwds)
{
    static char *keywords[] = {"file", "all_threads", "c_stack", NULL};
    PyObject *file = NULL, *owner;
    int all_threads = 1, c_stack = 1;
    if (!parse_file_threads(args, kwds, "|Opp:enable", keywords, &file,
                            &all_threads, &c_stack)) {
        return NULL;
    }
    int fd = file_to_fd(file, &owner);
    if (fd < 0) {
        return NULL;
    }
    int rc = 0;
    PyMutex_Lock(&settings_lock);
    Py_XSETREF(fatal.file, owner);
    fatal.fd = fd;
    fatal.all_threads = all_threads;
    fatal.c_stack = c_stack;
    fault_interp = PyInterpreterState_Get();
    if (!fatal.enabled) {
        fatal.enabled = 1;
        rc = install_fatal_handlers();
        if (rc < 0) {
            fatal.enabled = 0;
        }
    }
    PyMutex_Unlock(&settings_lock);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *faulthandler_disable(PyObject *module,
                                      PyObject *Py_UNUSED(ignored))
{
    PyMutex_Lock(&settings_lock);
    int was_enabled = fatal.enabled;
    if (was_enabled) {
        remove_fatal_handlers();
        fatal.enabled = 0;
    }
    PyObject *file = fatal.file;
    fatal.file = NULL;
    PyMutex_Unlock(&settings_lock);
    Py_XDECREF(file);
    return PyBool_FromLong(was_enabled);
}

static PyObject *faulthandler_is_enabled(PyObject *module,
                                         PyObject *Py_UNUSED(ignored))
{
    return PyBool_FromLong(fatal.enabled);
}

static PyObject *faulthandler_dump_traceback(PyObject *module, PyObject *args,
                                             PyObject *kwds)
{
    static char *keywords[] = {"file", "all_threads", NULL};
    PyObject *file = NULL, *owner;
    int all_threads = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|Op:dump_traceback",
                                     keywords, &file, &all_threads)) {
        return NULL;
    }
    int fd = file_to_fd(file, &owner);
    if (fd < 0) {
        return NULL;
    }
    PyThreadState *current = PyThreadState_Get();
    dump_threads(fd, current->interp, current, all_threads);
    Py_XDECREF(owner);
    Py_RETURN_NONE;
}

static PyObject *faulthandler_dump_c_stack(PyObject *module, PyObject *args,
                                           PyObject *kwds)
{
    static char *keywords[] = {"file", NULL};
    PyObject *file = NULL, *owner;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:dump_c_stack",
                                     keywords, &file)) {
        return NULL;
    }
    int fd = file_to_fd(file, &owner);
    if (fd < 0) {
        return NULL;
    }
    dump_c_stack_fd(fd);
    Py_XDECREF(owner);
    Py_RETURN_NONE;
}

/* ---- dump_traceback_later: a watchdog thread ------------------------------ */

/* The watchdog's settings and its wake-up condition, under later_lock
   (a pthread mutex: the watchdog is not a Python thread). */
static pthread_mutex_t later_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t later_cond = PTHREAD_COND_INITIALIZER;
static struct {
    int running;
    int cancel;
    int fd;
    int repeat;
    int exit;
    double timeout;
    PyObject *file;             /* strong; released by cancel */
    pthread_t thread;
} later;

static void put_timeout(int fd, double timeout)
{
    long seconds = (long)timeout;
    long us = (long)((timeout - (double)seconds) * 1e6);
    put_str(fd, "Timeout (");
    put_decimal(fd, seconds / 3600);
    put_str(fd, ":");
    put_bytes(fd, &"0123456789"[(seconds / 60 % 60) / 10], 1);
    put_bytes(fd, &"0123456789"[(seconds / 60 % 60) % 10], 1);
    put_str(fd, ":");
    put_bytes(fd, &"0123456789"[(seconds % 60) / 10], 1);
    put_bytes(fd, &"0123456789"[(seconds % 60) % 10], 1);
    if (us > 0) {
        char frac[7];
        for (int i = 5; i >= 0; i--) {
            frac[i] = (char)('0' + us % 10);
            us /= 10;
        }
        frac[6] = '\0';
        put_str(fd, ".");
        put_str(fd, frac);
    }
    put_str(fd, ")!\n");
}

static void *watchdog_main(void *unused)
{
    (void)unused;
    pthread_mutex_lock(&later_lock);
    for (;;) {
        struct timespec deadline;
        clock_gettime(CLOCK_REALTIME, &deadline);
        double whole = (double)(long)later.timeout;
        deadline.tv_sec += (time_t)whole;
        deadline.tv_nsec += (long)((later.timeout - whole) * 1e9);
        if (deadline.tv_nsec >= 1000000000L) {
            deadline.tv_sec++;
            deadline.tv_nsec -= 1000000000L;
        }
        int rc = 0;
        while (!later.cancel && rc != ETIMEDOUT) {
            rc = pthread_cond_timedwait(&later_cond, &later_lock, &deadline);
        }
        if (later.cancel) {
            break;
        }
        put_timeout(later.fd, later.timeout);
        /* The watchdog is no Python thread: none is "current". */
        dump_threads(later.fd, fault_interp, NULL, 1);
        if (later.exit) {
            _exit(1);
        }
        if (!later.repeat) {
            break;
        }
    }
    pthread_mutex_unlock(&later_lock);
    return NULL;
}

/* Stop the watchdog and wait for it; the caller does not hold
   later_lock.  Returns the watchdog's file (a strong reference, or NULL)
   for the caller to release once attached to the interpreter. */
static PyObject *cancel_later(void)
{
    pthread_mutex_lock(&later_lock);
    int running = later.running;
    later.cancel = 1;
    pthread_cond_signal(&later_cond);
    pthread_mutex_unlock(&later_lock);
    if (running) {
        pthread_join(later.thread, NULL);
    }
    pthread_mutex_lock(&later_lock);
    later.running = 0;
    later.cancel = 0;
    PyObject *file = later.file;
    later.file = NULL;
    pthread_mutex_unlock(&later_lock);
    return file;
}

static PyObject *faulthandler_dump_traceback_later(PyObject *module,
                                                   PyObject *args,
                                                   PyObject *kwds)
{
    static char *keywords[] = {"timeout", "repeat", "file", "exit", NULL};
    PyObject *timeout_obj, *file = NULL, *owner;
    int repeat = 0, exit_after = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds,
                                     "O|pOp:dump_traceback_later", keywords,
                                     &timeout_obj, &repeat, &file,
                                     &exit_after)) {
        return NULL;
    }
    double timeout = PyFloat_AsDouble(timeout_obj);
    if (timeout == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    if (timeout <= 0) {
        PyErr_SetString(PyExc_ValueError, "timeout must be greater than 0");
        return NULL;
    }
    if (timeout > 1e9) {
        PyErr_SetString(PyExc_OverflowError, "timeout value is too large");
        return NULL;
    }
    int fd = file_to_fd(file, &owner);
    if (fd < 0) {
        return NULL;
    }
    PyObject *old_file;
    Py_BEGIN_ALLOW_THREADS
    old_file = cancel_later();
    Py_END_ALLOW_THREADS
    Py_XDECREF(old_file);
    fault_interp = PyInterpreterState_Get();
    pthread_mutex_lock(&later_lock);
    later.fd = fd;
    later.repeat = repeat;
    later.exit = exit_after;
    later.timeout = timeout;
    later.file = owner;
    later.cancel = 0;
    int rc = pthread_create(&later.thread, NULL, watchdog_main, NULL);
    later.running = rc == 0;
    pthread_mutex_unlock(&later_lock);
    if (rc != 0) {
        errno = rc;
        PyErr_SetFromErrno(PyExc_RuntimeError);
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *faulthandler_cancel_dump_traceback_later(
    PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyObject *file;
    Py_BEGIN_ALLOW_THREADS
    file = cancel_later();
    Py_END_ALLOW_THREADS
    Py_XDECREF(file);
    Py_RETURN_NONE;
}

/* ---- register: dump on a user signal -------------------------------------- */

typedef struct {
    int registered;
    int fd;
    int all_threads;
    int chain;
    PyObject *file;             /* strong */
    struct sigaction previous;
} user_signal;

static user_signal user_signals[NSIG];

static void user_signal_handler(int signum)
{
    int saved_errno = errno;
    user_signal *user = &user_signals[signum];
    if (!user->registered) {
        return;
    }
    PyThreadState *current = PyThreadState_GetUnchecked();
    dump_threads(user->fd, current ? current->interp : fault_interp, current,
                 user->all_threads);
    if (user->chain) {
        /* Run the previous handler too, with ours back afterwards. */
        struct sigaction ours;
        sigaction(signum, &user->previous, &ours);
        raise(signum);
        sigaction(signum, &ours, NULL);
    }
    errno = saved_errno;
}

static int check_user_signal(int signum)
{
    for (int i = 0; i < NFATAL; i++) {
        if (fatal_signals[i].signum == signum) {
            PyErr_Format(PyExc_RuntimeError,
                         "signal %i cannot be registered, use enable() "
                         "instead", signum);
            return -1;
        }
    }
    if (signum < 1 || signum >= NSIG) {
        PyErr_SetString(PyExc_ValueError, "signal number out of range");
        return -1;
    }
    return 0;
}

static PyObject *faulthandler_register(PyObject *module, PyObject *args,
                                       PyObject *kwds)
{
    static char *keywords[] = {"signum", "file", "all_threads", "chain",
                               NULL};
    int signum, all_threads = 1, chain = 0;
    PyObject *file = NULL, *owner;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "i|Opp:register", keywords,
                                     &signum, &file, &all_threads, &chain)) {
        return NULL;
    }
    if (check_user_signal(signum) < 0) {
        return NULL;
    }
    int fd = file_to_fd(file, &owner);
    if (fd < 0) {
        return NULL;
    }
    fault_interp = PyInterpreterState_Get();
    PyMutex_Lock(&settings_lock);
    user_signal *user = &user_signals[signum];
    int rc = 0;
    Py_XSETREF(user->file, owner);
    user->fd = fd;
    user->all_threads = all_threads;
    user->chain = chain;
    if (!user->registered) {
        struct sigaction action;
        memset(&action, 0, sizeof(action));
        action.sa_handler = user_signal_handler;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART | (chain ? SA_NODEFER : 0);
        rc = sigaction(signum, &action, &user->previous);
        user->registered = rc == 0;
    }
    PyMutex_Unlock(&settings_lock);
    if (rc != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *faulthandler_unregister(PyObject *module, PyObject *arg)
{
    int signum = PyLong_AsInt(arg);
    if (signum == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (check_user_signal(signum) < 0) {
        return NULL;
    }
    PyMutex_Lock(&settings_lock);
    user_signal *user = &user_signals[signum];
    int was_registered = user->registered;
    if (was_registered) {
        sigaction(signum, &user->previous, NULL);
        user->registered = 0;
    }
    PyObject *file = user->file;
    user->file = NULL;
    PyMutex_Unlock(&settings_lock);
    Py_XDECREF(file);
    return PyBool_FromLong(was_registered);
}

/* ---- crash helpers for tests ---------------------------------------------- */

static PyObject *faulthandler_sigsegv(PyObject *module, PyObject *args)
{
    int release_gil = 0;
    if (!PyArg_ParseTuple(args, "|p:_sigsegv", &release_gil)) {
        return NULL;
    }
    raise(SIGSEGV);
    Py_RETURN_NONE;
}

static PyObject *faulthandler_sigabrt(PyObject *module,
                                      PyObject *Py_UNUSED(ignored))
{
    abort();
}

static PyObject *faulthandler_sigfpe(PyObject *module,
                                     PyObject *Py_UNUSED(ignored))
{
    raise(SIGFPE);
    Py_RETURN_NONE;
}

static PyMethodDef faulthandler_methods[] = {
    {"enable", _PyCFunction_CAST(faulthandler_enable),
     METH_VARARGS | METH_KEYWORDS,
     "enable($module, /, file=sys.stderr, all_threads=True, c_stack=True)\n"
     "--\n\nEnable the fault handler."},
    {"disable", faulthandler_disable, METH_NOARGS,
     "disable($module, /)\n--\n\nDisable the fault handler."},
    {"is_enabled", faulthandler_is_enabled, METH_NOARGS,
     "is_enabled($module, /)\n--\n\nCheck if the handler is enabled."},
    {"dump_traceback", _PyCFunction_CAST(faulthandler_dump_traceback),
     METH_VARARGS | METH_KEYWORDS,
     "dump_traceback($module, /, file=sys.stderr, all_threads=True)\n--\n\n"
     "Dump the traceback of the current thread, or of all threads if "
     "all_threads is True, into file."},
    {"dump_c_stack", _PyCFunction_CAST(faulthandler_dump_c_stack),
     METH_VARARGS | METH_KEYWORDS,
     "dump_c_stack($module, /, file=sys.stderr)\n--\n\n"
     "Dump the C stack of the current thread."},
    {"dump_traceback_later",
     _PyCFunction_CAST(faulthandler_dump_traceback_later),
     METH_VARARGS | METH_KEYWORDS,
     "dump_traceback_later($module, /, timeout, repeat=False, "
     "file=sys.stderr, exit=False)\n--\n\n"
     "Dump the traceback of all threads in timeout seconds,\n"
     "or each timeout seconds if repeat is True. If exit is True, "
     "call _exit(1) which is not safe."},
    {"cancel_dump_traceback_later", faulthandler_cancel_dump_traceback_later,
     METH_NOARGS,
     "cancel_dump_traceback_later($module, /)\n--\n\n"
     "Cancel the previous call to dump_traceback_later()."},
    {"register", _PyCFunction_CAST(faulthandler_register),
     METH_VARARGS | METH_KEYWORDS,
     "register($module, /, signum, file=sys.stderr, all_threads=True, "
     "chain=False)\n--\n\n"
     "Register a handler for the signal 'signum': dump the traceback of "
     "the current thread, or of all threads if all_threads is True, into "
     "file."},
    {"unregister", faulthandler_unregister, METH_O,
     "unregister($module, signum, /)\n--\n\n"
     "Unregister the handler of the signal 'signum' registered by "
     "register()."},
    {"_sigsegv", faulthandler_sigsegv, METH_VARARGS,
     "_sigsegv($module, release_gil=False, /)\n--\n\n"
     "Raise a SIGSEGV signal."},
    {"_sigabrt", faulthandler_sigabrt, METH_NOARGS,
     "_sigabrt($module, /)\n--\n\nRaise a SIGABRT signal."},
    {"_sigfpe", faulthandler_sigfpe, METH_NOARGS,
     "_sigfpe($module, /)\n--\n\nRaise a SIGFPE signal."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot faulthandler_slots[] = {
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef faulthandler_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "faulthandler",
    .m_doc = "faulthandler module.",
    .m_size = 0,
    .m_methods = faulthandler_methods,
    .m_slots = faulthandler_slots,
};

PyMODINIT_FUNC
PyInit_faulthandler(void)
{
    return PyModuleDef_Init(&faulthandler_module);
}
