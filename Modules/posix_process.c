/* The posix module's process functions: ids, kill, fork and the
   interpreter's fork hooks, register_at_fork, exec, wait and the status
   macros, times, and descriptor plumbing (dup, pipe, inheritable and
   blocking flags).

   Thread safety: the at-fork callback lists are module-wide state,
   guarded by atfork_mutex; callbacks run on copies of the lists, so a
   callback may register more.  Everything else is stateless. */
#define WEFT_POSIX_MODULE
#include "Python.h"
#include "pycore_gc.h"
#include "pycore_gil.h"
#include "pycore_lock.h"
#include "pycore_posix.h"
#include "pycore_pystate.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <sys/syscall.h>
#include <sched.h>
#include <spawn.h>
#include <termios.h>
#include <grp.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define KW(...) static char *keywords[] = {__VA_ARGS__, NULL}
#define VARKW(f) (PyCFunction)(void (*)(void))(f), METH_VARARGS | METH_KEYWORDS

/* ---- ids ------------------------------------------------------------------ */

static PyObject *posix_getpid(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(a))
{
    return PyLong_FromLong((long)getpid());
}

static PyObject *posix_getppid(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(a))
{
    return PyLong_FromLong((long)getppid());
}

static PyObject *posix_getuid(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(a))
{
    return PyLong_FromUnsignedLong((unsigned long)getuid());
}

static PyObject *posix_geteuid(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(a))
{
    return PyLong_FromUnsignedLong((unsigned long)geteuid());
}

static PyObject *posix_getgid(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(a))
{
    return PyLong_FromUnsignedLong((unsigned long)getgid());
}

static PyObject *posix_getegid(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(a))
{
    return PyLong_FromUnsignedLong((unsigned long)getegid());
}

static PyObject *posix_getpgrp(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(a))
{
    return PyLong_FromLong((long)getpgrp());
}

static PyObject *posix_getgroups(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(a))
{
    int n = getgroups(0, NULL);
    if (n < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    gid_t *groups = PyMem_Malloc(sizeof(gid_t) * (size_t)(n + 1));
    if (groups == NULL) {
        return PyErr_NoMemory();
    }
    n = getgroups(n, groups);
    if (n < 0) {
        PyMem_Free(groups);
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    PyObject *list = PyList_New(n);
    for (int i = 0; list != NULL && i < n; i++) {
        PyObject *g = PyLong_FromUnsignedLong((unsigned long)groups[i]);
        if (g == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, i, g);
    }
    PyMem_Free(groups);
    return list;
}

/* setuid-style calls taking one id. */
/* None after a call that succeeded (rc >= 0), else the OSError of
   errno, which nothing has touched since the call. */
static PyObject *none_or_errno(int rc)
{
    if (rc < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

/* The process (group) id a call returned, or the OSError of errno. */
static PyObject *pid_or_errno(pid_t pid)
{
    if (pid < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLong((long)pid);
}

static PyObject *set_id(PyObject *arg, int (*func)(unsigned int))
{
    long long v = PyLong_AsLongLong(arg);
    if (v == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (v < 0 || v > 0xFFFFFFFFLL) {
        PyErr_SetString(PyExc_OverflowError, "user id is out of range");
        return NULL;
    }
    return none_or_errno(func((unsigned int)v));
}

static int do_setuid(unsigned int v) { return setuid((uid_t)v); }
static int do_seteuid(unsigned int v) { return seteuid((uid_t)v); }
static int do_setgid(unsigned int v) { return setgid((gid_t)v); }
static int do_setegid(unsigned int v) { return setegid((gid_t)v); }

static PyObject *posix_setuid(PyObject *Py_UNUSED(m), PyObject *a)
{
    return set_id(a, do_setuid);
}

static PyObject *posix_seteuid(PyObject *Py_UNUSED(m), PyObject *a)
{
    return set_id(a, do_seteuid);
}

static PyObject *posix_setgid(PyObject *Py_UNUSED(m), PyObject *a)
{
    return set_id(a, do_setgid);
}

static PyObject *posix_setegid(PyObject *Py_UNUSED(m), PyObject *a)
{
    return set_id(a, do_setegid);
}

static PyObject *posix_setsid(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(a))
{
    return none_or_errno(setsid());
}

static PyObject *posix_getsid(PyObject *Py_UNUSED(m), PyObject *arg)
{
    int pid = PyLong_AsInt(arg);
    if (pid == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return pid_or_errno(getsid(pid));
}

static PyObject *posix_getpgid(PyObject *Py_UNUSED(m), PyObject *arg)
{
    int pid = PyLong_AsInt(arg);
    if (pid == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return pid_or_errno(getpgid(pid));
}

static PyObject *posix_setpgid(PyObject *Py_UNUSED(m), PyObject *args)
{
    int pid, pgrp;
    if (!PyArg_ParseTuple(args, "ii:setpgid", &pid, &pgrp)) {
        return NULL;
    }
    return none_or_errno(setpgid(pid, pgrp));
}

static PyObject *posix_nice(PyObject *Py_UNUSED(m), PyObject *arg)
{
    int inc = PyLong_AsInt(arg);
    if (inc == -1 && PyErr_Occurred()) {
        return NULL;
    }
    errno = 0;
    int value = nice(inc);
    if (value == -1 && errno != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLong(value);
}

/* ---- signals to processes ------------------------------------------------ */

static PyObject *posix_kill(PyObject *Py_UNUSED(m), PyObject *args)
{
    int pid, sig;
    if (!PyArg_ParseTuple(args, "ii:kill", &pid, &sig)) {
        return NULL;
    }
    if (kill(pid, sig) < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    /* A signal sent to ourselves may already be pending. */
    if (PyErr_CheckSignals() < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *posix_killpg(PyObject *Py_UNUSED(m), PyObject *args)
{
    int pgid, sig;
    if (!PyArg_ParseTuple(args, "ii:killpg", &pgid, &sig)) {
        return NULL;
    }
    return none_or_errno(killpg(pgid, sig));
}

static PyObject *posix_abort(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(a))
{
    abort();
}

static PyObject *posix__exit(PyObject *Py_UNUSED(m), PyObject *args,
                             PyObject *kwargs)
{
    KW("status");
    int status;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "i:_exit", keywords,
                                     &status)) {
        return NULL;
    }
    _exit(status);
}

/* ---- fork ------------------------------------------------------------------ */

/* Callables registered with register_at_fork; lists guarded by
   atfork_mutex.  before runs in reverse registration order. */
static PyMutex atfork_mutex;
static PyObject *atfork_before;
static PyObject *atfork_parent;
static PyObject *atfork_child;

static int append_callback(PyObject **list, PyObject *func)
{
    int rc = 0;
    PyMutex_Lock(&atfork_mutex);
    if (*list == NULL) {
        *list = PyList_New(0);
    }
    rc = *list == NULL ? -1 : PyList_Append(*list, func);
    PyMutex_Unlock(&atfork_mutex);
    return rc;
}

static PyObject *posix_register_at_fork(PyObject *Py_UNUSED(m), PyObject *args,
                                        PyObject *kwargs)
{
    KW("before", "after_in_child", "after_in_parent");
    PyObject *before = NULL, *child = NULL, *parent = NULL;
    if (PyTuple_GET_SIZE(args) != 0) {
        PyErr_SetString(PyExc_TypeError,
                        "register_at_fork() takes no positional arguments");
        return NULL;
    }
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|$OOO:register_at_fork",
                                     keywords, &before, &child, &parent)) {
        return NULL;
    }
    if (before == NULL && child == NULL && parent == NULL) {
        PyErr_SetString(PyExc_TypeError,
                        "At least one argument is required.");
        return NULL;
    }
    PyObject *given[] = {before, child, parent};
    const char *names[] = {"before", "after_in_child", "after_in_parent"};
    for (int i = 0; i < 3; i++) {
        if (given[i] != NULL && !PyCallable_Check(given[i])) {
            PyErr_Format(PyExc_TypeError,
                         "'%s' must be callable, not %s", names[i],
                         Py_TYPE(given[i])->tp_name);
            return NULL;
        }
    }
    if ((before && append_callback(&atfork_before, before) < 0)
        || (child && append_callback(&atfork_child, child) < 0)
        || (parent && append_callback(&atfork_parent, parent) < 0)) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* Call a snapshot of the list; exceptions are reported, never raised
   (as CPython does for at-fork hooks). */
static void run_callbacks(PyObject **list, int reverse)
{
    PyMutex_Lock(&atfork_mutex);
    PyObject *snapshot = *list ? PyList_GetSlice(*list, 0, PY_SSIZE_T_MAX) : NULL;
    PyMutex_Unlock(&atfork_mutex);
    if (snapshot == NULL) {
        PyErr_Clear();
        return;
    }
    Py_ssize_t n = PyList_GET_SIZE(snapshot);
    for (Py_ssize_t k = 0; k < n; k++) {
        Py_ssize_t i = reverse ? n - 1 - k : k;
        PyObject *res = PyObject_CallNoArgs(PyList_GET_ITEM(snapshot, i));
        if (res == NULL) {
            PyErr_FormatUnraisable("Exception ignored in fork hook %R",
                                   PyList_GET_ITEM(snapshot, i));
        }
        Py_XDECREF(res);
    }
    Py_DECREF(snapshot);
}

/* Before fork: stop every other thread at a safe point and take the
   runtime's own locks so the child gets them in a known (held) state. */
void PyOS_BeforeFork(void)
{
    run_callbacks(&atfork_before, 1);
    PyInterpreterState *interp = _PyInterpreterState_GET();
    _PyEval_StopTheWorld(interp);
    PyMutex_Lock(&interp->threads_mutex);
    pthread_mutex_lock(&interp->gil.mutex);
}

void PyOS_AfterFork_Parent(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    pthread_mutex_unlock(&interp->gil.mutex);
    PyMutex_Unlock(&interp->threads_mutex);
    _PyEval_StartTheWorld(interp);
    run_callbacks(&atfork_parent, 0);
}

/* In the child only the forking thread exists.  The locks taken in
   PyOS_BeforeFork are re-created unlocked (their waiters are gone), and
   the other threads' states are dropped from the interpreter's list so
   that stop-the-world, the GIL hand-off and finalization no longer wait
   for them.  Their memory is not reclaimed: pystate.c has no helper to
   free another thread's state yet. */
void PyOS_AfterFork_Child(void)
{
    PyThreadState *self = _PyThreadState_GET();
    PyInterpreterState *interp = self->interp;
    _PyEval_ReinitGILAfterFork(interp);
    interp->threads_mutex = (PyMutex){0};
    interp->threads_head = self;
    self->prev = NULL;
    self->next = NULL;
    atfork_mutex = (PyMutex){0};
    /* The forking thread is the child's only thread: it runs the signal
       handlers from now on, and the parent's pending signals are not its. */
    _PySignal_AfterFork();
    _PyGC_AfterFork(self);
    _PyEval_StartTheWorld(interp);
    run_callbacks(&atfork_child, 0);
}

/* Forking once finalization has started would give a child whose
   interpreter is half torn down (CPython refuses too).  Reads the flag
   that Py_FinalizeEx sets once, so no lock is needed. */
static int fork_allowed(void)
{
    if (_PyInterpreterState_GET()->finalizing) {
        PyErr_SetString(PyExc_PythonFinalizationError,
                        "can't fork at interpreter shutdown");
        return 0;
    }
    return 1;
}

/* The number of threads in this process: the kernel's count (the field
   after the state in /proc/self/stat counts every thread, Python's or
   not), else what the threading module knows, else 1. */
static Py_ssize_t process_thread_count(void)
{
    char line[512];
    FILE *stat_file = fopen("/proc/self/stat", "r");
    if (stat_file != NULL) {
        size_t n = fread(line, 1, sizeof line - 1, stat_file);
        fclose(stat_file);
        line[n] = '\0';
        /* The command name (field 2) is in parentheses and may hold
           spaces; field 20, num_threads, is the 18th after its ')'. */
        char *field = strrchr(line, ')');
        for (int skipped = 0; field != NULL && skipped < 18; skipped++) {
            field = strchr(field + 1, ' ');
        }
        if (field != NULL) {
            long threads = strtol(field + 1, NULL, 10);
            if (threads > 0) {
                return threads;
            }
        }
    }
    PyObject *name = PyUnicode_FromString("threading");
    PyObject *threading = name != NULL ? PyImport_GetModule(name) : NULL;
    Py_XDECREF(name);
    if (threading == NULL) {
        PyErr_Clear();
        return 1;
    }
    PyObject *count = PyObject_CallMethod(threading, "active_count", NULL);
    Py_DECREF(threading);
    Py_ssize_t threads = count != NULL ? PyLong_AsSsize_t(count) : 1;
    Py_XDECREF(count);
    if (threads < 0) {
        PyErr_Clear();
        threads = 1;
    }
    return threads;
}

/* In the parent after fork()/forkpty(): a multi-threaded process gets
   CPython's DeprecationWarning (3.12+), since only the forking thread
   exists in the child and locks other threads held stay held there.
   Runs with the world started again (a warning may run Python code).
   Returns -1 when the warning was turned into an exception. */
static int warn_if_forked_with_threads(const char *function)
{
    if (process_thread_count() <= 1) {
        return 0;
    }
    return PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                            "This process (pid=%d) is multi-threaded, use of "
                            "%s() may lead to deadlocks in the child.",
                            (int)getpid(), function);
}

static PyObject *posix_fork(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(a))
{
    if (!fork_allowed()) {
        return NULL;
    }
    PyOS_BeforeFork();
    pid_t pid = fork();
    int saved_errno = errno;
    if (pid == 0) {
        PyOS_AfterFork_Child();
    }
    else {
        PyOS_AfterFork_Parent();
    }
    if (pid < 0) {
        errno = saved_errno;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    if (pid > 0 && warn_if_forked_with_threads("fork") < 0) {
        return NULL;
    }
    return PyLong_FromLong((long)pid);
}

/* ---- exec -------------------------------------------------------------- */

/* A NULL-terminated char* array of encoded items of seq; the bytes
   objects are kept in *keep (a new list) for the array's lifetime. */
static char **make_argv(PyObject *seq, PyObject **keep, const char *what)
{
    *keep = NULL;
    PyObject *fast = PySequence_Fast(seq, "");
    if (fast == NULL) {
        PyErr_Format(PyExc_TypeError, "%s must be a tuple or list", what);
        return NULL;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    char **argv = PyMem_Calloc((size_t)n + 1, sizeof(char *));
    *keep = PyList_New(0);
    if (argv == NULL || *keep == NULL) {
        PyMem_Free(argv);
        Py_CLEAR(*keep);
        Py_DECREF(fast);
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *b = NULL;
        if (!PyUnicode_FSConverter(PySequence_Fast_GET_ITEM(fast, i), &b)
            || PyList_Append(*keep, b) < 0) {
            Py_XDECREF(b);
            PyMem_Free(argv);
            Py_CLEAR(*keep);
            Py_DECREF(fast);
            return NULL;
        }
        argv[i] = PyBytes_AS_STRING(b);
        Py_DECREF(b);
    }
    Py_DECREF(fast);
    return argv;
}

/* "KEY=VALUE" strings from a mapping. */
static char **make_envp(PyObject *env, PyObject **keep)
{
    *keep = NULL;
    PyObject *items = PyMapping_Items(env);
    if (items == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(items);
    PyObject *strings = PyList_New(0);
    for (Py_ssize_t i = 0; strings != NULL && i < n; i++) {
        PyObject *k = NULL, *v = NULL;
        PyObject *item = PyList_GET_ITEM(items, i);
        if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 2
            || !PyUnicode_FSConverter(PyTuple_GET_ITEM(item, 0), &k)) {
            Py_CLEAR(strings);
            break;
        }
        if (!PyUnicode_FSConverter(PyTuple_GET_ITEM(item, 1), &v)) {
            Py_DECREF(k);
            Py_CLEAR(strings);
            break;
        }
        const char *ks = PyBytes_AS_STRING(k);
        if (ks[0] == '\0' || strchr(ks + 1, '=') != NULL) {
            PyErr_SetString(PyExc_ValueError,
                            "illegal environment variable name");
            Py_DECREF(k);
            Py_DECREF(v);
            Py_CLEAR(strings);
            break;
        }
        PyObject *kv = PyBytes_FromFormat("%s=%s", ks, PyBytes_AS_STRING(v));
        Py_DECREF(k);
        Py_DECREF(v);
        if (kv == NULL || PyList_Append(strings, kv) < 0) {
            Py_XDECREF(kv);
            Py_CLEAR(strings);
            break;
        }
        Py_DECREF(kv);
    }
    Py_DECREF(items);
    if (strings == NULL) {
        return NULL;
    }
    char **envp = make_argv(strings, keep, "env");
    Py_DECREF(strings);
    return envp;
}

static PyObject *exec_common(PyObject *args, PyObject *kwargs, int with_env)
{
    /* execv's arguments are positional-only (empty keyword names). */
    static char *execve_keywords[] = {"path", "argv", "env", NULL};
    static char *execv_keywords[] = {"", "", NULL};
    path_t path = PATH_T_INIT(with_env ? "execve" : "execv", "path", 0,
                              with_env);
    PyObject *argv_obj, *env_obj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs,
                                     with_env ? "O&OO:execve" : "O&O:execv",
                                     with_env ? execve_keywords : execv_keywords,
                                     _PyPosix_PathConverter, &path,
                                     &argv_obj, &env_obj)) {
        return NULL;
    }
    PyObject *keep_argv = NULL, *keep_env = NULL;
    char **argv = NULL, **envp = NULL;
    if (!PyList_Check(argv_obj) && !PyTuple_Check(argv_obj)) {
        PyErr_Format(PyExc_TypeError, "%s() arg 2 must be a tuple or list",
                     path.function_name);
        goto done;
    }
    argv = make_argv(argv_obj, &keep_argv, "argv");
    if (argv == NULL) {
        goto done;
    }
    if (argv[0] == NULL) {
        PyErr_Format(PyExc_ValueError, "%s() arg 2 must not be empty",
                     path.function_name);
        goto done;
    }
    if (argv[0][0] == '\0') {
        PyErr_Format(PyExc_ValueError,
                     "%s() arg 2 first element cannot be empty",
                     path.function_name);
        goto done;
    }
    if (with_env) {
        if (!PyMapping_Check(env_obj)) {
            PyErr_SetString(PyExc_TypeError,
                            "execve: environment must be a mapping object");
            goto done;
        }
        envp = make_envp(env_obj, &keep_env);
        if (envp == NULL) {
            goto done;
        }
        if (path.path == NULL) {
            fexecve(path.fd, argv, envp);
        }
        else {
            execve(path.path, argv, envp);
        }
    }
    else {
        execv(path.path, argv);
    }
    /* Only reached on failure; CPython names no file here. */
    PyErr_SetFromErrno(PyExc_OSError);
done:
    PyMem_Free(argv);
    PyMem_Free(envp);
    Py_XDECREF(keep_argv);
    Py_XDECREF(keep_env);
    _PyPosix_PathCleanup(&path);
    return NULL;
}

static PyObject *posix_execv(PyObject *Py_UNUSED(m), PyObject *a, PyObject *k)
{
    return exec_common(a, k, 0);
}

static PyObject *posix_execve(PyObject *Py_UNUSED(m), PyObject *a, PyObject *k)
{
    return exec_common(a, k, 1);
}

/* ---- posix_spawn -------------------------------------------------------- */

static int sched_param_arg(PyObject *obj, struct sched_param *param);

#define SPAWN_OPEN 0
#define SPAWN_CLOSE 1
#define SPAWN_DUP2 2

/* Add the file_actions sequence to fa.  Paths of open actions are kept
   alive in keep (the library keeps pointers to them). */
static int spawn_file_actions(PyObject *actions, posix_spawn_file_actions_t *fa,
                              PyObject *keep)
{
    PyObject *seq = PySequence_Fast(actions,
                                    "file_actions must be a sequence or None");
    if (seq == NULL) {
        return -1;
    }
    int err = 0;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(seq); i++) {
        PyObject *action = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyTuple_Check(action) || PyTuple_GET_SIZE(action) == 0) {
            PyErr_SetString(PyExc_TypeError,
                            "Each file_actions element must be a non-empty tuple");
            goto error;
        }
        int tag = PyLong_AsInt(PyTuple_GET_ITEM(action, 0));
        if (tag == -1 && PyErr_Occurred()) {
            goto error;
        }
        if (tag == SPAWN_OPEN) {
            int fd, flags, mode;
            PyObject *path = NULL;
            if (!PyArg_ParseTuple(action, "iiO&ii;A open file_action tuple must "
                                  "have 5 elements", &tag, &fd,
                                  PyUnicode_FSConverter, &path, &flags, &mode)) {
                goto error;
            }
            int rc = PyList_Append(keep, path);
            err = rc < 0 ? 0 : posix_spawn_file_actions_addopen(
                fa, fd, PyBytes_AS_STRING(path), flags, (mode_t)mode);
            Py_DECREF(path);
            if (rc < 0) {
                goto error;
            }
        }
        else if (tag == SPAWN_CLOSE) {
            int fd;
            if (!PyArg_ParseTuple(action, "ii;A close file_action tuple must "
                                  "have 2 elements", &tag, &fd)) {
                goto error;
            }
            err = posix_spawn_file_actions_addclose(fa, fd);
        }
        else if (tag == SPAWN_DUP2) {
            int fd1, fd2;
            if (!PyArg_ParseTuple(action, "iii;A dup2 file_action tuple must "
                                  "have 3 elements", &tag, &fd1, &fd2)) {
                goto error;
            }
            err = posix_spawn_file_actions_adddup2(fa, fd1, fd2);
        }
        else {
            PyErr_SetString(PyExc_TypeError, "Unknown file_actions identifier");
            goto error;
        }
        if (err != 0) {
            errno = err;
            PyErr_SetFromErrno(PyExc_OSError);
            goto error;
        }
    }
    Py_DECREF(seq);
    return 0;
error:
    Py_DECREF(seq);
    return -1;
}

/* A sigset_t from an iterable of signal numbers. */
static int sigset_arg(PyObject *obj, sigset_t *set)
{
    sigemptyset(set);
    PyObject *it = PyObject_GetIter(obj);
    if (it == NULL) {
        return -1;
    }
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int sig = PyLong_AsInt(item);
        Py_DECREF(item);
        if (sig == -1 && PyErr_Occurred()) {
            break;
        }
        if (sig <= 0 || sig >= NSIG) {
            PyErr_Format(PyExc_ValueError,
                         "signal number %d out of range [1; %d]", sig, NSIG - 1);
            break;
        }
        sigaddset(set, sig);
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

static int spawn_attributes(posix_spawnattr_t *attr, PyObject *setpgroup,
                            int resetids, int setsid_flag, PyObject *setsigmask,
                            PyObject *setsigdef, PyObject *scheduler)
{
    short flags = 0;
    int err = 0;
    if (setpgroup != NULL && setpgroup != Py_None) {
        int pgroup = PyLong_AsInt(setpgroup);
        if (pgroup == -1 && PyErr_Occurred()) {
            return -1;
        }
        err = err ? err : posix_spawnattr_setpgroup(attr, pgroup);
        flags |= POSIX_SPAWN_SETPGROUP;
    }
    if (resetids) {
        flags |= POSIX_SPAWN_RESETIDS;
    }
    if (setsid_flag) {
        flags |= POSIX_SPAWN_SETSID;
    }
    if (setsigmask != NULL && setsigmask != Py_None) {
        sigset_t set;
        if (sigset_arg(setsigmask, &set) < 0) {
            return -1;
        }
        err = err ? err : posix_spawnattr_setsigmask(attr, &set);
        flags |= POSIX_SPAWN_SETSIGMASK;
    }
    if (setsigdef != NULL && setsigdef != Py_None) {
        sigset_t set;
        if (sigset_arg(setsigdef, &set) < 0) {
            return -1;
        }
        err = err ? err : posix_spawnattr_setsigdefault(attr, &set);
        flags |= POSIX_SPAWN_SETSIGDEF;
    }
    if (scheduler != NULL && scheduler != Py_None) {
        PyObject *policy_obj, *param_obj;
        struct sched_param param;
        if (!PyTuple_Check(scheduler)
            || !PyArg_ParseTuple(scheduler, "OO;scheduler must be a tuple",
                                 &policy_obj, &param_obj)) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_TypeError, "scheduler must be a tuple");
            }
            return -1;
        }
        int pol = -1;
        if (policy_obj != Py_None) {
            pol = PyLong_AsInt(policy_obj);
            if (pol == -1 && PyErr_Occurred()) {
                return -1;
            }
        }
        if (sched_param_arg(param_obj, &param) < 0) {
            return -1;
        }
        if (pol != -1) {
            err = err ? err : posix_spawnattr_setschedpolicy(attr, pol);
            flags |= POSIX_SPAWN_SETSCHEDULER;
        }
        err = err ? err : posix_spawnattr_setschedparam(attr, &param);
        flags |= POSIX_SPAWN_SETSCHEDPARAM;
    }
    err = err ? err : posix_spawnattr_setflags(attr, flags);
    if (err != 0) {
        errno = err;
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    return 0;
}

static PyObject *spawn_common(PyObject *args, PyObject *kwargs, int use_path)
{
    static char *keywords[] = {"", "", "", "file_actions", "setpgroup",
                               "resetids", "setsid", "setsigmask",
                               "setsigdef", "scheduler", NULL};
    const char *fname = use_path ? "posix_spawnp" : "posix_spawn";
    path_t path = PATH_T_INIT(fname, "path", 0, 0);
    PyObject *argv_obj, *env_obj, *actions = NULL, *setpgroup = NULL;
    PyObject *setsigmask = NULL, *setsigdef = NULL, *scheduler = NULL;
    int resetids = 0, setsid_flag = 0;
    if (!PyArg_ParseTupleAndKeywords(
            args, kwargs, use_path ? "O&OO|$OOppOOO:posix_spawnp"
                                   : "O&OO|$OOppOOO:posix_spawn",
            keywords, _PyPosix_PathConverter, &path, &argv_obj, &env_obj,
            &actions, &setpgroup, &resetids, &setsid_flag, &setsigmask,
            &setsigdef, &scheduler)) {
        return NULL;
    }
    PyObject *result = NULL, *keep_argv = NULL, *keep_env = NULL;
    PyObject *keep_paths = PyList_New(0);
    char **argv = NULL, **envp = NULL;
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    int have_fa = 0, have_attr = 0;
    if (keep_paths == NULL) {
        goto done;
    }
    if (!PyList_Check(argv_obj) && !PyTuple_Check(argv_obj)) {
        PyErr_SetString(PyExc_TypeError,
                        "posix_spawn: argv must be a tuple or list");
        goto done;
    }
    argv = make_argv(argv_obj, &keep_argv, "argv");
    if (argv == NULL) {
        goto done;
    }
    if (argv[0] == NULL) {
        PyErr_SetString(PyExc_ValueError,
                        "posix_spawn: argv must not be empty");
        goto done;
    }
    if (!PyMapping_Check(env_obj)) {
        PyErr_SetString(PyExc_TypeError,
                        "posix_spawn: environment must be a mapping object");
        goto done;
    }
    envp = make_envp(env_obj, &keep_env);
    if (envp == NULL) {
        goto done;
    }
    if (actions != NULL && actions != Py_None) {
        posix_spawn_file_actions_init(&fa);
        have_fa = 1;
        if (spawn_file_actions(actions, &fa, keep_paths) < 0) {
            goto done;
        }
    }
    posix_spawnattr_init(&attr);
    have_attr = 1;
    if (spawn_attributes(&attr, setpgroup, resetids, setsid_flag, setsigmask,
                         setsigdef, scheduler) < 0) {
        goto done;
    }
    pid_t pid;
    int err;
    Py_BEGIN_ALLOW_THREADS
    err = use_path ? posix_spawnp(&pid, path.path, have_fa ? &fa : NULL,
                                  &attr, argv, envp)
                   : posix_spawn(&pid, path.path, have_fa ? &fa : NULL,
                                 &attr, argv, envp);
    POSIX_END_ALLOW_THREADS
    if (err != 0) {
        errno = err;
        _PyPosix_PathError(&path);
        goto done;
    }
    result = PyLong_FromLong((long)pid);
done:
    if (have_fa) {
        posix_spawn_file_actions_destroy(&fa);
    }
    if (have_attr) {
        posix_spawnattr_destroy(&attr);
    }
    PyMem_Free(argv);
    PyMem_Free(envp);
    Py_XDECREF(keep_argv);
    Py_XDECREF(keep_env);
    Py_XDECREF(keep_paths);
    _PyPosix_PathCleanup(&path);
    return result;
}

static PyObject *posix_posix_spawn(PyObject *Py_UNUSED(m), PyObject *a,
                                   PyObject *k)
{
    return spawn_common(a, k, 0);
}

static PyObject *posix_posix_spawnp(PyObject *Py_UNUSED(m), PyObject *a,
                                    PyObject *k)
{
    return spawn_common(a, k, 1);
}

/* ---- wait ---------------------------------------------------------------- */

static PyObject *posix_waitpid(PyObject *Py_UNUSED(m), PyObject *args)
{
    int pid, options, status = 0;
    if (!PyArg_ParseTuple(args, "ii:waitpid", &pid, &options)) {
        return NULL;
    }
    pid_t res;
    int async_err = 0;
    POSIX_CALL(res, waitpid(pid, &status, options), async_err);
    if (res < 0) {
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    }
    return Py_BuildValue("(ii)", (int)res, status);
}

static PyObject *posix_wait(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(a))
{
    int status = 0;
    pid_t res;
    int async_err = 0;
    POSIX_CALL(res, wait(&status), async_err);
    if (res < 0) {
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    }
    return Py_BuildValue("(ii)", (int)res, status);
}

static PyObject *posix_waitstatus_to_exitcode(PyObject *Py_UNUSED(m),
                                              PyObject *args, PyObject *kwargs)
{
    KW("status");
    int status;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "i:waitstatus_to_exitcode",
                                     keywords, &status)) {
        return NULL;
    }
    if (WIFEXITED(status)) {
        return PyLong_FromLong(WEXITSTATUS(status));
    }
    if (WIFSIGNALED(status)) {
        return PyLong_FromLong(-WTERMSIG(status));
    }
    PyErr_Format(PyExc_ValueError, "invalid wait status: %i", status);
    return NULL;
}

/* The W* status macros as functions of one int, keyword "status". */
#define STATUS_FUNC(NAME, EXPR, BUILD)                                      \
    static PyObject *posix_##NAME(PyObject *Py_UNUSED(m), PyObject *args,   \
                                  PyObject *kwargs)                         \
    {                                                                       \
        KW("status");                                                       \
        int status;                                                         \
        if (!PyArg_ParseTupleAndKeywords(args, kwargs, "i:" #NAME,          \
                                         keywords, &status)) {              \
            return NULL;                                                    \
        }                                                                   \
        return BUILD(EXPR(status));                                         \
    }

STATUS_FUNC(WIFEXITED, WIFEXITED, PyBool_FromLong)
STATUS_FUNC(WEXITSTATUS, WEXITSTATUS, PyLong_FromLong)
STATUS_FUNC(WIFSIGNALED, WIFSIGNALED, PyBool_FromLong)
STATUS_FUNC(WTERMSIG, WTERMSIG, PyLong_FromLong)
STATUS_FUNC(WIFSTOPPED, WIFSTOPPED, PyBool_FromLong)
STATUS_FUNC(WSTOPSIG, WSTOPSIG, PyLong_FromLong)
STATUS_FUNC(WIFCONTINUED, WIFCONTINUED, PyBool_FromLong)
STATUS_FUNC(WCOREDUMP, WCOREDUMP, PyBool_FromLong)

/* wait3/wait4 report resource usage as resource.struct_rusage, which
   the resource module defines.  The type is fetched before waiting, so
   a missing module never costs the caller a reaped child's status. */
static PyObject *rusage_type(void)
{
    PyObject *module = PyImport_ImportModule("resource");
    if (module == NULL) {
        return NULL;
    }
    PyObject *type = PyObject_GetAttrString(module, "struct_rusage");
    Py_DECREF(module);
    return type;
}

static PyObject *rusage_object(PyObject *type, const struct rusage *ru)
{
    PyObject *values = Py_BuildValue(
        "((dd llllllllllllll))",
        (double)ru->ru_utime.tv_sec + ru->ru_utime.tv_usec * 1e-6,
        (double)ru->ru_stime.tv_sec + ru->ru_stime.tv_usec * 1e-6,
        ru->ru_maxrss, ru->ru_ixrss, ru->ru_idrss, ru->ru_isrss,
        ru->ru_minflt, ru->ru_majflt, ru->ru_nswap, ru->ru_inblock,
        ru->ru_oublock, ru->ru_msgsnd, ru->ru_msgrcv, ru->ru_nsignals,
        ru->ru_nvcsw, ru->ru_nivcsw);
    PyObject *result = values ? PyObject_Call(type, values, NULL) : NULL;
    Py_XDECREF(values);
    return result;
}

static PyObject *wait_with_rusage(pid_t pid, int options)
{
    PyObject *type = rusage_type();
    if (type == NULL) {
        return NULL;
    }
    int status = 0;
    struct rusage ru;
    pid_t res;
    int async_err = 0;
    POSIX_CALL(res, wait4(pid, &status, options, &ru), async_err);
    if (res < 0) {
        Py_DECREF(type);
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    }
    PyObject *usage = rusage_object(type, &ru);
    Py_DECREF(type);
    if (usage == NULL) {
        return NULL;
    }
    return Py_BuildValue("(iiN)", (int)res, status, usage);
}

static PyObject *posix_wait3(PyObject *Py_UNUSED(m), PyObject *args,
                             PyObject *kwargs)
{
    KW("options");
    int options;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "i:wait3", keywords,
                                     &options)) {
        return NULL;
    }
    return wait_with_rusage(-1, options);
}

static PyObject *posix_wait4(PyObject *Py_UNUSED(m), PyObject *args,
                             PyObject *kwargs)
{
    KW("pid", "options");
    int pid, options;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "ii:wait4", keywords,
                                     &pid, &options)) {
        return NULL;
    }
    return wait_with_rusage(pid, options);
}

/* ---- times ------------------------------------------------------------- */

static PyStructSequence_Field times_result_fields[] = {
    {"user", "user time"},
    {"system", "system time"},
    {"children_user", "user time of children"},
    {"children_system", "system time of children"},
    {"elapsed", "elapsed time since an arbitrary point in the past"},
    {NULL, NULL},
};

static PyStructSequence_Desc times_result_desc = {
    "posix.times_result",
    "times_result: Result from os.times().\n\n"
    "This object may be accessed either as a tuple of\n"
    "  (user, system, children_user, children_system, elapsed),\n"
    "or via the attributes user, system, children_user, children_system,\n"
    "and elapsed.\n\n"
    "See os.times for more information.",
    times_result_fields, 5,
};

static PyTypeObject TimesResultType;

static PyObject *posix_times(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(a))
{
    struct tms t;
    clock_t c = times(&t);
    if (c == (clock_t)-1) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    double ticks = (double)sysconf(_SC_CLK_TCK);
    double values[] = {
        (double)t.tms_utime / ticks, (double)t.tms_stime / ticks,
        (double)t.tms_cutime / ticks, (double)t.tms_cstime / ticks,
        (double)c / ticks,
    };
    PyObject *result = PyStructSequence_New(&TimesResultType);
    for (int i = 0; result != NULL && i < 5; i++) {
        PyObject *f = PyFloat_FromDouble(values[i]);
        if (f == NULL) {
            Py_CLEAR(result);
            break;
        }
        PyStructSequence_SetItem(result, i, f);
    }
    return result;
}

/* ---- descriptors: dup, pipe, flags ------------------------------------ */

static PyObject *posix_dup(PyObject *Py_UNUSED(m), PyObject *arg)
{
    int fd = PyLong_AsInt(arg);
    if (fd == -1 && PyErr_Occurred()) {
        return NULL;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    POSIX_END_ALLOW_THREADS
    if (res < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLong(res);
}

static PyObject *posix_dup2(PyObject *Py_UNUSED(m), PyObject *args,
                            PyObject *kwargs)
{
    KW("fd", "fd2", "inheritable");
    int fd, fd2, inheritable = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "ii|p:dup2", keywords,
                                     &fd, &fd2, &inheritable)) {
        return NULL;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    if (fd == fd2) {
        /* dup3 rejects equal descriptors; dup2 checks fd is valid. */
        res = dup2(fd, fd2);
    }
    else {
        res = dup3(fd, fd2, inheritable ? 0 : O_CLOEXEC);
    }
    POSIX_END_ALLOW_THREADS
    if (res < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLong(res);
}

static PyObject *make_pipe(int flags)
{
    int fds[2], res;
    Py_BEGIN_ALLOW_THREADS
    res = pipe2(fds, flags);
    POSIX_END_ALLOW_THREADS
    if (res < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return Py_BuildValue("(ii)", fds[0], fds[1]);
}

static PyObject *posix_pipe(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(a))
{
    return make_pipe(O_CLOEXEC);
}

static PyObject *posix_pipe2(PyObject *Py_UNUSED(m), PyObject *arg)
{
    int flags = PyLong_AsInt(arg);
    if (flags == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return make_pipe(flags);
}

/* Whether `bit` of an fd's flags, read with get_cmd (F_GETFD or
   F_GETFL), is clear. */
static PyObject *fd_flag_is_clear(PyObject *arg, int get_cmd, int bit)
{
    int fd = PyLong_AsInt(arg);
    if (fd == -1 && PyErr_Occurred()) {
        return NULL;
    }
    int flags = fcntl(fd, get_cmd);
    if (flags < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyBool_FromLong(!(flags & bit));
}

/* Clear (when `clear`) or set `bit` of an fd's flags, read and written
   with get_cmd / set_cmd; the write is skipped when nothing changes. */
static PyObject *set_fd_flag(int fd, int get_cmd, int set_cmd, int bit,
                             int clear)
{
    int flags = fcntl(fd, get_cmd);
    if (flags < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    int wanted = clear ? (flags & ~bit) : (flags | bit);
    if (wanted != flags && fcntl(fd, set_cmd, wanted) < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *posix_get_inheritable(PyObject *Py_UNUSED(m), PyObject *arg)
{
    return fd_flag_is_clear(arg, F_GETFD, FD_CLOEXEC);
}

static PyObject *posix_set_inheritable(PyObject *Py_UNUSED(m), PyObject *args)
{
    int fd, inheritable;
    if (!PyArg_ParseTuple(args, "ip:set_inheritable", &fd, &inheritable)) {
        return NULL;
    }
    return set_fd_flag(fd, F_GETFD, F_SETFD, FD_CLOEXEC, inheritable);
}

static PyObject *posix_get_blocking(PyObject *Py_UNUSED(m), PyObject *arg)
{
    return fd_flag_is_clear(arg, F_GETFL, O_NONBLOCK);
}

static PyObject *posix_set_blocking(PyObject *Py_UNUSED(m), PyObject *args)
{
    int fd, blocking;
    if (!PyArg_ParseTuple(args, "ip:set_blocking", &fd, &blocking)) {
        return NULL;
    }
    return set_fd_flag(fd, F_GETFL, F_SETFL, O_NONBLOCK, blocking);
}

static PyObject *posix_system(PyObject *Py_UNUSED(m), PyObject *args,
                              PyObject *kwargs)
{
    KW("command");
    PyObject *command = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&:system", keywords,
                                     PyUnicode_FSConverter, &command)) {
        return NULL;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = system(PyBytes_AS_STRING(command));
    POSIX_END_ALLOW_THREADS
    Py_DECREF(command);
    return PyLong_FromLong(res);
}

/* ---- scheduling and priorities ------------------------------------------ */

static PyObject *posix_sched_yield(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(a))
{
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = sched_yield();
    POSIX_END_ALLOW_THREADS
    if (res < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

/* A CPU set big enough for every CPU the kernel may report: grown until
   sched_getaffinity stops failing with EINVAL. */
static PyObject *posix_sched_getaffinity(PyObject *Py_UNUSED(m), PyObject *arg)
{
    int pid = PyLong_AsInt(arg);
    if (pid == -1 && PyErr_Occurred()) {
        return NULL;
    }
    for (int ncpus = 1024; ncpus <= (1 << 20); ncpus *= 2) {
        size_t size = CPU_ALLOC_SIZE(ncpus);
        cpu_set_t *set = CPU_ALLOC(ncpus);
        if (set == NULL) {
            return PyErr_NoMemory();
        }
        if (sched_getaffinity(pid, size, set) < 0) {
            int err = errno;
            CPU_FREE(set);
            if (err == EINVAL) {
                continue;
            }
            errno = err;
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        PyObject *result = PySet_New(NULL);
        int left = CPU_COUNT_S(size, set);
        for (int cpu = 0; result != NULL && left > 0; cpu++) {
            if (!CPU_ISSET_S(cpu, size, set)) {
                continue;
            }
            left--;
            PyObject *n = PyLong_FromLong(cpu);
            if (n == NULL || PySet_Add(result, n) < 0) {
                Py_CLEAR(result);
            }
            Py_XDECREF(n);
        }
        CPU_FREE(set);
        return result;
    }
    errno = EINVAL;
    return PyErr_SetFromErrno(PyExc_OSError);
}

static PyObject *posix_sched_setaffinity(PyObject *Py_UNUSED(m), PyObject *args)
{
    int pid;
    PyObject *cpus;
    if (!PyArg_ParseTuple(args, "iO:sched_setaffinity", &pid, &cpus)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(cpus);
    if (it == NULL) {
        return NULL;
    }
    cpu_set_t *set = CPU_ALLOC(1 << 16);
    size_t size = CPU_ALLOC_SIZE(1 << 16);
    if (set == NULL) {
        Py_DECREF(it);
        return PyErr_NoMemory();
    }
    CPU_ZERO_S(size, set);
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        if (!PyLong_Check(item)) {
            PyErr_Format(PyExc_TypeError,
                         "expected an iterator of ints, but iterator yielded %.200s",
                         Py_TYPE(item)->tp_name);
            Py_DECREF(item);
            break;
        }
        long cpu = PyLong_AsLong(item);
        Py_DECREF(item);
        if (cpu == -1 && PyErr_Occurred()) {
            break;
        }
        if (cpu < 0) {
            PyErr_SetString(PyExc_ValueError, "negative CPU number");
            break;
        }
        if (cpu >= (1 << 16)) {
            PyErr_SetString(PyExc_OverflowError, "CPU number too large");
            break;
        }
        CPU_SET_S((size_t)cpu, size, set);
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        CPU_FREE(set);
        return NULL;
    }
    int res = sched_setaffinity(pid, size, set);
    CPU_FREE(set);
    if (res < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *posix_getpriority(PyObject *Py_UNUSED(m), PyObject *args)
{
    int which, who;
    if (!PyArg_ParseTuple(args, "ii:getpriority", &which, &who)) {
        return NULL;
    }
    errno = 0;
    int value = getpriority(which, (id_t)who);
    if (value == -1 && errno != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLong(value);
}

static PyObject *posix_setpriority(PyObject *Py_UNUSED(m), PyObject *args)
{
    int which, who, prio;
    if (!PyArg_ParseTuple(args, "iii:setpriority", &which, &who, &prio)) {
        return NULL;
    }
    return none_or_errno(setpriority(which, (id_t)who, prio));
}

/* ---- real, effective and saved ids -------------------------------------- */

static PyObject *posix_getresuid(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(a))
{
    uid_t r, e, s;
    if (getresuid(&r, &e, &s) < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return Py_BuildValue("(kkk)", (unsigned long)r, (unsigned long)e,
                         (unsigned long)s);
}

static PyObject *posix_getresgid(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(a))
{
    gid_t r, e, s;
    if (getresgid(&r, &e, &s) < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return Py_BuildValue("(kkk)", (unsigned long)r, (unsigned long)e,
                         (unsigned long)s);
}

/* An id argument where -1 means "leave unchanged". */
static int id_or_minus_one(PyObject *o, unsigned int *out)
{
    long long v = PyLong_AsLongLong(o);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (v < -1 || v > 0xFFFFFFFFLL) {
        PyErr_SetString(PyExc_OverflowError, "user id is out of range");
        return -1;
    }
    *out = (unsigned int)v;
    return 0;
}

static PyObject *set_ids(PyObject *args, const char *fname, int count,
                         int (*func)(unsigned int *))
{
    PyObject *objs[3] = {NULL, NULL, NULL};
    unsigned int ids[3];
    if (!PyArg_UnpackTuple(args, fname, count, count, &objs[0], &objs[1],
                           &objs[2])) {
        return NULL;
    }
    for (int i = 0; i < count; i++) {
        if (id_or_minus_one(objs[i], &ids[i]) < 0) {
            return NULL;
        }
    }
    return none_or_errno(func(ids));
}

static int do_setresuid(unsigned int *v) { return setresuid(v[0], v[1], v[2]); }
static int do_setresgid(unsigned int *v) { return setresgid(v[0], v[1], v[2]); }
static int do_setreuid(unsigned int *v) { return setreuid(v[0], v[1]); }
static int do_setregid(unsigned int *v) { return setregid(v[0], v[1]); }

static PyObject *posix_setresuid(PyObject *Py_UNUSED(m), PyObject *a)
{
    return set_ids(a, "setresuid", 3, do_setresuid);
}

static PyObject *posix_setresgid(PyObject *Py_UNUSED(m), PyObject *a)
{
    return set_ids(a, "setresgid", 3, do_setresgid);
}

static PyObject *posix_setreuid(PyObject *Py_UNUSED(m), PyObject *a)
{
    return set_ids(a, "setreuid", 2, do_setreuid);
}

static PyObject *posix_setregid(PyObject *Py_UNUSED(m), PyObject *a)
{
    return set_ids(a, "setregid", 2, do_setregid);
}

/* ---- waitid ------------------------------------------------------------ */

static PyStructSequence_Field waitid_result_fields[] = {
    {"si_pid", NULL}, {"si_uid", NULL}, {"si_signo", NULL},
    {"si_status", NULL}, {"si_code", NULL},
    {NULL, NULL},
};

static PyStructSequence_Desc waitid_result_desc = {
    "posix.waitid_result",
    "waitid_result: Result from waitid.\n\n"
    "The fields si_pid, si_uid, si_signo, si_status and si_code describe\n"
    "the child whose state changed.",
    waitid_result_fields, 5,
};

static PyTypeObject WaitidResultType;

static PyObject *posix_waitid(PyObject *Py_UNUSED(m), PyObject *args)
{
    int idtype, id, options;
    if (!PyArg_ParseTuple(args, "iii:waitid", &idtype, &id, &options)) {
        return NULL;
    }
    siginfo_t info;
    memset(&info, 0, sizeof(info));
    int res, async_err = 0;
    POSIX_CALL(res, waitid((idtype_t)idtype, (id_t)id, &info, options),
               async_err);
    if (res < 0) {
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    }
    if (info.si_pid == 0) {
        /* WNOHANG and no child was ready. */
        Py_RETURN_NONE;
    }
    PyObject *result = PyStructSequence_New(&WaitidResultType);
    long values[] = {(long)info.si_pid, (long)info.si_uid, info.si_signo,
                     info.si_status, info.si_code};
    for (int i = 0; result != NULL && i < 5; i++) {
        PyObject *v = PyLong_FromLong(values[i]);
        if (v == NULL) {
            Py_CLEAR(result);
            break;
        }
        PyStructSequence_SetItem(result, i, v);
    }
    return result;
}

static PyObject *posix_pidfd_open(PyObject *Py_UNUSED(m), PyObject *args,
                                  PyObject *kwargs)
{
    KW("pid", "flags");
    int pid;
    unsigned int flags = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "i|I:pidfd_open", keywords,
                                     &pid, &flags)) {
        return NULL;
    }
    long fd = syscall(SYS_pidfd_open, pid, flags);
    if (fd < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLong(fd);
}

/* ---- terminals ---------------------------------------------------------- */

static PyObject *posix_ctermid(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(a))
{
    char buf[L_ctermid];
    if (ctermid(buf) == NULL) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyUnicode_DecodeFSDefault(buf);
}

static PyObject *posix_tcgetpgrp(PyObject *Py_UNUSED(m), PyObject *arg)
{
    int fd = PyLong_AsInt(arg);
    if (fd == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return pid_or_errno(tcgetpgrp(fd));
}

static PyObject *posix_tcsetpgrp(PyObject *Py_UNUSED(m), PyObject *args)
{
    int fd, pg;
    if (!PyArg_ParseTuple(args, "ii:tcsetpgrp", &fd, &pg)) {
        return NULL;
    }
    return none_or_errno(tcsetpgrp(fd, pg));
}

static PyObject *posix_openpty(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(a))
{
    int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    char name[128];
    if (grantpt(master) < 0 || unlockpt(master) < 0
        || ptsname_r(master, name, sizeof(name)) != 0) {
        int err = errno;
        close(master);
        errno = err;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    int slave = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (slave < 0) {
        int err = errno;
        close(master);
        errno = err;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return Py_BuildValue("(ii)", master, slave);
}

/* ---- sched_param and the scheduler ------------------------------------ */

static PyStructSequence_Field sched_param_fields[] = {
    {"sched_priority", "the scheduling priority"},
    {NULL, NULL},
};

static PyStructSequence_Desc sched_param_desc = {
    "posix.sched_param",
    "sched_param(sched_priority)\n--\n\n"
    "Currently has only one field: sched_priority\n\n"
    "  sched_priority\n    A scheduling parameter.",
    sched_param_fields, 1,
};

static PyTypeObject SchedParamType;

/* sched_param(sched_priority): the struct sequence constructor takes a
   sequence, so this one is replaced by a keyword-friendly form. */
static PyObject *sched_param_new(PyTypeObject *type, PyObject *args,
                                 PyObject *kwargs)
{
    KW("sched_priority");
    PyObject *priority;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O:sched_param", keywords,
                                     &priority)) {
        return NULL;
    }
    PyObject *result = PyStructSequence_New(type);
    if (result != NULL) {
        PyStructSequence_SetItem(result, 0, Py_NewRef(priority));
    }
    return result;
}

static int sched_param_arg(PyObject *obj, struct sched_param *param)
{
    if (!Py_IS_TYPE(obj, &SchedParamType)) {
        PyErr_SetString(PyExc_TypeError, "must have a sched_param object");
        return -1;
    }
    long priority = PyLong_AsLong(PyStructSequence_GetItem(obj, 0));
    if (priority == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (priority > INT_MAX || priority < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, "sched_priority out of range");
        return -1;
    }
    param->sched_priority = (int)priority;
    return 0;
}

static PyObject *sched_param_from(const struct sched_param *param)
{
    PyObject *result = PyStructSequence_New(&SchedParamType);
    PyObject *priority = PyLong_FromLong(param->sched_priority);
    if (result == NULL || priority == NULL) {
        Py_XDECREF(result);
        Py_XDECREF(priority);
        return NULL;
    }
    PyStructSequence_SetItem(result, 0, priority);
    return result;
}

static PyObject *posix_sched_getparam(PyObject *Py_UNUSED(m), PyObject *arg)
{
    int pid = PyLong_AsInt(arg);
    if (pid == -1 && PyErr_Occurred()) {
        return NULL;
    }
    struct sched_param param;
    if (sched_getparam(pid, &param) < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return sched_param_from(&param);
}

static PyObject *posix_sched_setparam(PyObject *Py_UNUSED(m), PyObject *args)
{
    int pid;
    PyObject *param_obj;
    struct sched_param param;
    if (!PyArg_ParseTuple(args, "iO:sched_setparam", &pid, &param_obj)
        || sched_param_arg(param_obj, &param) < 0) {
        return NULL;
    }
    return none_or_errno(sched_setparam(pid, &param));
}

static PyObject *posix_sched_setscheduler(PyObject *Py_UNUSED(m),
                                          PyObject *args)
{
    int pid, policy;
    PyObject *param_obj;
    struct sched_param param;
    if (!PyArg_ParseTuple(args, "iiO:sched_setscheduler", &pid, &policy,
                          &param_obj)
        || sched_param_arg(param_obj, &param) < 0) {
        return NULL;
    }
    return none_or_errno(sched_setscheduler(pid, policy, &param));
}

static PyObject *posix_sched_rr_get_interval(PyObject *Py_UNUSED(m),
                                             PyObject *arg)
{
    int pid = PyLong_AsInt(arg);
    if (pid == -1 && PyErr_Occurred()) {
        return NULL;
    }
    struct timespec interval;
    if (sched_rr_get_interval(pid, &interval) < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyFloat_FromDouble((double)interval.tv_sec
                              + (double)interval.tv_nsec * 1e-9);
}

/* ---- groups, sessions, namespaces, pseudo-terminals -------------------- */

static PyObject *posix_setgroups(PyObject *Py_UNUSED(m), PyObject *arg)
{
    PyObject *seq = PySequence_Fast(arg, "setgroups argument must be a sequence");
    if (seq == NULL) {
        return NULL;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    gid_t *groups = PyMem_Malloc(sizeof(gid_t) * (size_t)(n + 1));
    if (groups == NULL) {
        Py_DECREF(seq);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyLong_Check(item)) {
            PyErr_SetString(PyExc_TypeError, "groups must be integers");
            goto error;
        }
        unsigned long g = PyLong_AsUnsignedLong(item);
        if (g == (unsigned long)-1 && PyErr_Occurred()) {
            goto error;
        }
        groups[i] = (gid_t)g;
    }
    Py_DECREF(seq);
    int res = setgroups((size_t)n, groups);
    PyMem_Free(groups);
    if (res < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
error:
    Py_DECREF(seq);
    PyMem_Free(groups);
    return NULL;
}

static PyObject *posix_initgroups(PyObject *Py_UNUSED(m), PyObject *args)
{
    PyObject *user = NULL;
    unsigned int gid;
    if (!PyArg_ParseTuple(args, "O&I:initgroups", PyUnicode_FSConverter,
                          &user, &gid)) {
        return NULL;
    }
    int res = initgroups(PyBytes_AS_STRING(user), (gid_t)gid);
    Py_DECREF(user);
    if (res < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *posix_getgrouplist(PyObject *Py_UNUSED(m), PyObject *args)
{
    const char *user;
    unsigned int base;
    if (!PyArg_ParseTuple(args, "sI:getgrouplist", &user, &base)) {
        return NULL;
    }
    int n = 64;
    for (;;) {
        gid_t *groups = PyMem_Malloc(sizeof(gid_t) * (size_t)n);
        if (groups == NULL) {
            return PyErr_NoMemory();
        }
        int count = n;
        if (getgrouplist(user, (gid_t)base, groups, &count) < 0) {
            PyMem_Free(groups);
            if (n > 65536) {
                errno = EINVAL;
                return PyErr_SetFromErrno(PyExc_OSError);
            }
            n = count > n ? count : n * 2;
            continue;
        }
        PyObject *list = PyList_New(count);
        for (int i = 0; list != NULL && i < count; i++) {
            PyObject *g = PyLong_FromUnsignedLong((unsigned long)groups[i]);
            if (g == NULL) {
                Py_CLEAR(list);
                break;
            }
            PyList_SET_ITEM(list, i, g);
        }
        PyMem_Free(groups);
        return list;
    }
}

static PyObject *posix_setpgrp(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(a))
{
    return none_or_errno(setpgid(0, 0));
}

static PyObject *sched_priority_limit(PyObject *args, const char *fname,
                                      int (*func)(int))
{
    static char *keywords[] = {"policy", NULL};
    int policy;
    char format[48];
    snprintf(format, sizeof(format), "i:%s", fname);
    if (!PyArg_ParseTupleAndKeywords(args, NULL, format, keywords, &policy)) {
        return NULL;
    }
    int value = func(policy);
    if (value < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLong(value);
}

static PyObject *posix_sched_get_priority_max(PyObject *Py_UNUSED(m),
                                              PyObject *args)
{
    return sched_priority_limit(args, "sched_get_priority_max",
                                sched_get_priority_max);
}

static PyObject *posix_sched_get_priority_min(PyObject *Py_UNUSED(m),
                                              PyObject *args)
{
    return sched_priority_limit(args, "sched_get_priority_min",
                                sched_get_priority_min);
}

static PyObject *posix_sched_getscheduler(PyObject *Py_UNUSED(m), PyObject *arg)
{
    int pid = PyLong_AsInt(arg);
    if (pid == -1 && PyErr_Occurred()) {
        return NULL;
    }
    int policy = sched_getscheduler(pid);
    if (policy < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLong(policy);
}

static PyObject *posix_unshare(PyObject *Py_UNUSED(m), PyObject *args,
                               PyObject *kwargs)
{
    KW("flags");
    int flags;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "i:unshare", keywords,
                                     &flags)) {
        return NULL;
    }
    return none_or_errno(unshare(flags));
}

static PyObject *posix_setns(PyObject *Py_UNUSED(m), PyObject *args,
                             PyObject *kwargs)
{
    KW("fd", "nstype");
    int fd, nstype = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "i|i:setns", keywords,
                                     &fd, &nstype)) {
        return NULL;
    }
    return none_or_errno(setns(fd, nstype));
}

/* Make fd the controlling terminal and standard streams of the calling
   process (a new session). */
static int become_tty(int fd)
{
    if (setsid() < 0 || ioctl(fd, TIOCSCTTY, 0) < 0) {
        return -1;
    }
    if (dup2(fd, 0) < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0) {
        return -1;
    }
    if (fd > 2) {
        close(fd);
    }
    return 0;
}

static PyObject *posix_login_tty(PyObject *Py_UNUSED(m), PyObject *arg)
{
    int fd = PyLong_AsInt(arg);
    if (fd == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return none_or_errno(become_tty(fd));
}

static PyObject *posix_openpty(PyObject *m, PyObject *a);

static PyObject *posix_forkpty(PyObject *m, PyObject *Py_UNUSED(a))
{
    if (!fork_allowed()) {
        return NULL;
    }
    PyObject *fds = posix_openpty(m, NULL);
    if (fds == NULL) {
        return NULL;
    }
    int master = (int)PyLong_AsLong(PyTuple_GET_ITEM(fds, 0));
    int slave = (int)PyLong_AsLong(PyTuple_GET_ITEM(fds, 1));
    Py_DECREF(fds);
    PyOS_BeforeFork();
    pid_t pid = fork();
    int saved_errno = errno;
    if (pid == 0) {
        PyOS_AfterFork_Child();
        close(master);
        if (become_tty(slave) < 0) {
            _exit(1);
        }
        return Py_BuildValue("(ii)", 0, -1);
    }
    PyOS_AfterFork_Parent();
    close(slave);
    if (pid < 0) {
        close(master);
        errno = saved_errno;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    if (warn_if_forked_with_threads("forkpty") < 0) {
        close(master);
        return NULL;
    }
    return Py_BuildValue("(ii)", (int)pid, master);
}

static PyObject *posix_posix_openpt(PyObject *Py_UNUSED(m), PyObject *arg)
{
    int flags = PyLong_AsInt(arg);
    if (flags == -1 && PyErr_Occurred()) {
        return NULL;
    }
    /* Non-inheritable like every descriptor Python creates. */
    int fd = posix_openpt(flags | O_CLOEXEC);
    if (fd < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLong(fd);
}

static PyObject *pty_call(PyObject *arg, int (*func)(int))
{
    int fd;
    if (PyLong_Check(arg)) {
        fd = PyLong_AsInt(arg);
    }
    else {
        PyObject *r = PyObject_CallMethod(arg, "fileno", NULL);
        fd = r == NULL ? -1 : PyLong_AsInt(r);
        Py_XDECREF(r);
    }
    if (fd == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return none_or_errno(func(fd));
}

static PyObject *posix_grantpt(PyObject *Py_UNUSED(m), PyObject *arg)
{
    return pty_call(arg, grantpt);
}

static PyObject *posix_unlockpt(PyObject *Py_UNUSED(m), PyObject *arg)
{
    return pty_call(arg, unlockpt);
}

static PyObject *posix_ptsname(PyObject *Py_UNUSED(m), PyObject *arg)
{
    int fd = PyLong_AsInt(arg);
    if (fd == -1 && PyErr_Occurred()) {
        return NULL;
    }
    char name[128];
    int err = ptsname_r(fd, name, sizeof(name));
    if (err != 0) {
        errno = err;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyUnicode_DecodeFSDefault(name);
}

/* ---- the table -------------------------------------------------------- */

#define STATUS_ENTRY(NAME, DOC) {#NAME, VARKW(posix_##NAME), DOC}

PyMethodDef _PyPosix_ProcessMethods[] = {
    {"getpid", posix_getpid, METH_NOARGS, "Return the current process id."},
    {"getppid", posix_getppid, METH_NOARGS, "Return the parent's process id."},
    {"getuid", posix_getuid, METH_NOARGS,
     "Return the current process's user id."},
    {"geteuid", posix_geteuid, METH_NOARGS,
     "Return the current process's effective user id."},
    {"getgid", posix_getgid, METH_NOARGS,
     "Return the current process's group id."},
    {"getegid", posix_getegid, METH_NOARGS,
     "Return the current process's effective group id."},
    {"getpgrp", posix_getpgrp, METH_NOARGS,
     "Return the current process group id."},
    {"getgroups", posix_getgroups, METH_NOARGS,
     "Return list of supplemental group IDs for the process."},
    {"setuid", posix_setuid, METH_O, "Set the current process's user id."},
    {"seteuid", posix_seteuid, METH_O,
     "Set the current process's effective user id."},
    {"setgid", posix_setgid, METH_O, "Set the current process's group id."},
    {"setegid", posix_setegid, METH_O,
     "Set the current process's effective group id."},
    {"setsid", posix_setsid, METH_NOARGS,
     "Call the system call setsid()."},
    {"getsid", posix_getsid, METH_O, "Call the system call getsid(pid)."},
    {"getpgid", posix_getpgid, METH_O,
     "Call the system call getpgid(), and return the result."},
    {"setpgid", posix_setpgid, METH_VARARGS,
     "Call the system call setpgid(pid, pgrp)."},
    {"nice", posix_nice, METH_O,
     "Add increment to the priority of process and return the new priority."},
    {"kill", posix_kill, METH_VARARGS,
     "Kill a process with a signal."},
    {"killpg", posix_killpg, METH_VARARGS,
     "Kill a process group with a signal."},
    {"abort", posix_abort, METH_NOARGS,
     "Abort the interpreter immediately."},
    {"_exit", VARKW(posix__exit),
     "Exit to the system with specified status, without normal exit "
     "processing."},
    {"fork", posix_fork, METH_NOARGS,
     "Fork a child process.\n\nReturn 0 to child process and PID of child "
     "to parent process."},
    {"register_at_fork", VARKW(posix_register_at_fork),
     "Register callables to be called when forking a new process."},
    {"execv", VARKW(posix_execv),
     "Execute an executable path with arguments, replacing current process."},
    {"execve", VARKW(posix_execve),
     "Execute an executable path with arguments, replacing current process."},
    {"posix_spawn", VARKW(posix_posix_spawn),
     "Execute the program specified by path in a new process."},
    {"posix_spawnp", VARKW(posix_posix_spawnp),
     "Execute the program specified by path in a new process, looking it "
     "up along PATH."},
    {"waitpid", posix_waitpid, METH_VARARGS,
     "Wait for completion of a given child process."},
    {"wait", posix_wait, METH_NOARGS,
     "Wait for completion of a child process."},
    {"wait3", VARKW(posix_wait3),
     "Wait for completion of a child process; also return resource usage."},
    {"wait4", VARKW(posix_wait4),
     "Wait for completion of a specific child process; also return "
     "resource usage."},
    {"waitstatus_to_exitcode", VARKW(posix_waitstatus_to_exitcode),
     "Convert a wait status to an exit code."},
    STATUS_ENTRY(WIFEXITED, "Return True if the process returning status "
                 "exited via the exit() system call."),
    STATUS_ENTRY(WEXITSTATUS, "Return the process return code from status."),
    STATUS_ENTRY(WIFSIGNALED, "Return True if the process returning status "
                 "was terminated by a signal."),
    STATUS_ENTRY(WTERMSIG, "Return the signal that terminated the process "
                 "that provided the status value."),
    STATUS_ENTRY(WIFSTOPPED, "Return True if the process returning status "
                 "was stopped."),
    STATUS_ENTRY(WSTOPSIG, "Return the signal that stopped the process that "
                 "provided the status value."),
    STATUS_ENTRY(WIFCONTINUED, "Return True if a particular process was "
                 "continued from a job control stop."),
    STATUS_ENTRY(WCOREDUMP, "Return True if the process returning status "
                 "was dumped to a core file."),
    {"times", posix_times, METH_NOARGS,
     "Return a collection containing process timing information."},
    {"dup", posix_dup, METH_O, "Return a duplicate of a file descriptor."},
    {"dup2", VARKW(posix_dup2), "Duplicate file descriptor."},
    {"pipe", posix_pipe, METH_NOARGS,
     "Create a pipe.\n\nReturns a tuple of two file descriptors:\n"
     "  (read_fd, write_fd)"},
    {"pipe2", posix_pipe2, METH_O,
     "Create a pipe with flags set atomically."},
    {"get_inheritable", posix_get_inheritable, METH_O,
     "Get the close-on-exe flag of the specified file descriptor."},
    {"set_inheritable", posix_set_inheritable, METH_VARARGS,
     "Set the inheritable flag of the specified file descriptor."},
    {"get_blocking", posix_get_blocking, METH_O,
     "Get the blocking mode of the file descriptor."},
    {"set_blocking", posix_set_blocking, METH_VARARGS,
     "Set the blocking mode of the specified file descriptor."},
    {"system", VARKW(posix_system),
     "Execute the command in a subshell."},
    {"sched_yield", posix_sched_yield, METH_NOARGS,
     "Voluntarily relinquish the CPU."},
    {"sched_getaffinity", posix_sched_getaffinity, METH_O,
     "Return the affinity of the process identified by pid (or the current "
     "process if zero)."},
    {"sched_setaffinity", posix_sched_setaffinity, METH_VARARGS,
     "Set the CPU affinity of the process identified by pid to mask."},
    {"getpriority", posix_getpriority, METH_VARARGS,
     "Return program scheduling priority."},
    {"setpriority", posix_setpriority, METH_VARARGS,
     "Set program scheduling priority."},
    {"getresuid", posix_getresuid, METH_NOARGS,
     "Return a tuple of the current process's real, effective, and saved "
     "user ids."},
    {"getresgid", posix_getresgid, METH_NOARGS,
     "Return a tuple of the current process's real, effective, and saved "
     "group ids."},
    {"setresuid", posix_setresuid, METH_VARARGS,
     "Set the current process's real, effective, and saved user ids."},
    {"setresgid", posix_setresgid, METH_VARARGS,
     "Set the current process's real, effective, and saved group ids."},
    {"setreuid", posix_setreuid, METH_VARARGS,
     "Set the current process's real and effective user ids."},
    {"setregid", posix_setregid, METH_VARARGS,
     "Set the current process's real and effective group ids."},
    {"waitid", posix_waitid, METH_VARARGS,
     "Returns the result of waiting for a process or processes."},
    {"pidfd_open", VARKW(posix_pidfd_open),
     "Return a file descriptor referring to the process *pid*."},
    {"ctermid", posix_ctermid, METH_NOARGS,
     "Return the name of the controlling terminal for this process."},
    {"tcgetpgrp", posix_tcgetpgrp, METH_O,
     "Return the process group associated with the terminal specified by fd."},
    {"tcsetpgrp", posix_tcsetpgrp, METH_VARARGS,
     "Set the process group associated with the terminal specified by fd."},
    {"openpty", posix_openpty, METH_NOARGS,
     "Open a pseudo-terminal.\n\nReturn a tuple of (master_fd, slave_fd) "
     "containing open file descriptors\nfor both the master and slave ends."},
    {"sched_getparam", posix_sched_getparam, METH_O,
     "Returns scheduling parameters for the process identified by pid."},
    {"sched_setparam", posix_sched_setparam, METH_VARARGS,
     "Set scheduling parameters for the process identified by pid."},
    {"sched_setscheduler", posix_sched_setscheduler, METH_VARARGS,
     "Set the scheduling policy for the process identified by pid."},
    {"sched_rr_get_interval", posix_sched_rr_get_interval, METH_O,
     "Return the round-robin quantum for the process identified by pid, "
     "in seconds."},
    {"setgroups", posix_setgroups, METH_O,
     "Set the groups of the current process to list."},
    {"initgroups", posix_initgroups, METH_VARARGS,
     "Initialize the group access list."},
    {"getgrouplist", posix_getgrouplist, METH_VARARGS,
     "Returns a list of groups to which a user belongs."},
    {"setpgrp", posix_setpgrp, METH_NOARGS,
     "Make the current process the leader of its process group."},
    {"sched_get_priority_max", posix_sched_get_priority_max, METH_VARARGS,
     "Get the maximum scheduling priority for policy."},
    {"sched_get_priority_min", posix_sched_get_priority_min, METH_VARARGS,
     "Get the minimum scheduling priority for policy."},
    {"sched_getscheduler", posix_sched_getscheduler, METH_O,
     "Get the scheduling policy for the process identified by pid."},
    {"unshare", VARKW(posix_unshare),
     "Disassociate parts of a process (or thread) execution context."},
    {"setns", VARKW(posix_setns),
     "Move the calling thread into different namespaces."},
    {"login_tty", posix_login_tty, METH_O,
     "Prepare the tty of which fd is a file descriptor for a new login "
     "session."},
    {"forkpty", posix_forkpty, METH_NOARGS,
     "Fork a new process with a new pseudo-terminal as controlling tty."},
    {"posix_openpt", posix_posix_openpt, METH_O,
     "Open and return a file descriptor for a master pseudo-terminal device."},
    {"grantpt", posix_grantpt, METH_O,
     "Grant access to the slave pseudo-terminal device."},
    {"unlockpt", posix_unlockpt, METH_O,
     "Unlock a pseudo-terminal master/slave pair."},
    {"ptsname", posix_ptsname, METH_O,
     "Return the name of the slave pseudo-terminal device."},
    {NULL, NULL, 0, NULL},
};

/* sched_param takes its priority by keyword: its constructor is
   installed before the struct sequence type is made (once, under the
   import lock). */
static int init_sched_param_type(void)
{
    SchedParamType.tp_new = sched_param_new;
    return PyStructSequence_InitType2(&SchedParamType, &sched_param_desc);
}

int _PyPosix_ProcessExec(PyObject *module)
{
    if (PyStructSequence_InitType2(&TimesResultType, &times_result_desc) < 0
        || PyStructSequence_InitType2(&WaitidResultType, &waitid_result_desc) < 0
        || init_sched_param_type() < 0
        || PyModule_AddObjectRef(module, "sched_param",
                                 (PyObject *)&SchedParamType) < 0
        || PyModule_AddObjectRef(module, "times_result",
                                 (PyObject *)&TimesResultType) < 0
        || PyModule_AddObjectRef(module, "waitid_result",
                                 (PyObject *)&WaitidResultType) < 0) {
        return -1;
    }
    static const struct { const char *name; long value; } constants[] = {
        {"WNOHANG", WNOHANG}, {"WUNTRACED", WUNTRACED},
        {"WCONTINUED", WCONTINUED}, {"WEXITED", WEXITED},
        {"WSTOPPED", WSTOPPED}, {"WNOWAIT", WNOWAIT},
        {"P_PID", P_PID}, {"P_PGID", P_PGID}, {"P_ALL", P_ALL},
        {"PRIO_PROCESS", PRIO_PROCESS}, {"PRIO_PGRP", PRIO_PGRP},
        {"PRIO_USER", PRIO_USER},
        {"CLD_EXITED", CLD_EXITED}, {"CLD_KILLED", CLD_KILLED},
        {"CLD_DUMPED", CLD_DUMPED}, {"CLD_TRAPPED", CLD_TRAPPED},
        {"CLD_STOPPED", CLD_STOPPED}, {"CLD_CONTINUED", CLD_CONTINUED},
        {"P_PIDFD", P_PIDFD},
        {"SCHED_OTHER", SCHED_OTHER}, {"SCHED_FIFO", SCHED_FIFO},
        {"SCHED_RR", SCHED_RR}, {"SCHED_BATCH", SCHED_BATCH},
        {"SCHED_IDLE", SCHED_IDLE}, {"SCHED_RESET_ON_FORK", SCHED_RESET_ON_FORK},
        {"CLONE_FILES", CLONE_FILES}, {"CLONE_FS", CLONE_FS},
        {"CLONE_NEWCGROUP", CLONE_NEWCGROUP}, {"CLONE_NEWIPC", CLONE_NEWIPC},
        {"CLONE_NEWNET", CLONE_NEWNET}, {"CLONE_NEWNS", CLONE_NEWNS},
        {"CLONE_NEWPID", CLONE_NEWPID}, {"CLONE_NEWUSER", CLONE_NEWUSER},
        {"CLONE_NEWUTS", CLONE_NEWUTS}, {"CLONE_SIGHAND", CLONE_SIGHAND},
        {"CLONE_SYSVSEM", CLONE_SYSVSEM}, {"CLONE_THREAD", CLONE_THREAD},
        {"CLONE_VM", CLONE_VM},
        {"POSIX_SPAWN_OPEN", SPAWN_OPEN}, {"POSIX_SPAWN_CLOSE", SPAWN_CLOSE},
        {"POSIX_SPAWN_DUP2", SPAWN_DUP2},
        {NULL, 0},
    };
    for (int i = 0; constants[i].name != NULL; i++) {
        if (PyModule_AddIntConstant(module, constants[i].name,
                                    constants[i].value) < 0) {
            return -1;
        }
    }
    return 0;
}
