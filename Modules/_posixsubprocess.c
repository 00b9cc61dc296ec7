/* _posixsubprocess: fork a child and exec a program in it, for
   subprocess.Popen (its only caller; the interface is private).

   Everything the child needs (argv, envp, the candidate executables,
   the descriptors to keep) is converted to C arrays BEFORE fork().  In
   the child, between fork and exec, only async-signal-safe calls are
   made: no malloc, no locks, no Python -- except the user's preexec_fn,
   for which the parent runs the interpreter's fork hooks first so the
   child is a consistent single-threaded interpreter.

   An exec failure (or any failure of the child's set-up) is reported to
   the parent through errpipe_write, a close-on-exec pipe: the parent
   reads it until EOF (EOF with no data means exec succeeded).  Message
   format, parsed by subprocess.py:
       "OSError:<errno in hex>:"          exec itself failed
       "OSError:<errno in hex>:noexec"    a set-up step failed
       "OSError:<errno in hex>:noexec:chdir"  chdir(cwd) failed
       "SubprocessError:0:Exception occurred in preexec_fn."

   Thread safety: the module has no state.  The child of a free-threaded
   process has only the forking thread, and other threads' locks may be
   held forever there, which is why the no-preexec_fn path touches none. */
#include "Python.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

/* What the child does, all in plain C memory owned by the parent's
   fork_exec call (the child sees a copy). */
typedef struct {
    char **argv;
    char **envp;                /* NULL: inherit the parent's environ */
    char **executables;         /* NULL-terminated candidates, in order */
    const char *cwd;            /* NULL: stay */
    int *keep_fds;              /* sorted ascending */
    Py_ssize_t n_keep_fds;
    int close_fds;
    int max_fd;
    int p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite;
    int errpipe_read, errpipe_write;
    int restore_signals;
    int call_setsid;
    pid_t pgid_to_set;          /* -1: leave */
    int set_gid;
    gid_t gid;
    int set_groups;
    gid_t *groups;
    Py_ssize_t n_groups;
    int set_uid;
    uid_t uid;
    int child_umask;            /* -1: leave */
    PyObject *preexec_fn;       /* NULL: none */
} child_plan;


/* ---- the child (async-signal-safe only, except preexec_fn) ---------------- */

static void write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return;
        }
        buf += n;
        len -= (size_t)n;
    }
}

/* Send "OSError:<hex errno>:<tail>" and leave; snprintf is not
   async-signal-safe, so the number is formatted by hand. */
static void _Py_NO_RETURN report_errno_and_exit(int fd, int err, const char *tail)
{
    char msg[64];
    size_t len = 0;
    const char *head = "OSError:";
    memcpy(msg, head, 8);
    len = 8;
    char digits[2 * sizeof(int)];
    int nd = 0;
    unsigned int value = (unsigned int)err;
    do {
        digits[nd++] = "0123456789abcdef"[value & 0xf];
        value >>= 4;
    } while (value != 0);
    while (nd > 0) {
        msg[len++] = digits[--nd];
    }
    msg[len++] = ':';
    size_t tail_len = strlen(tail);
    if (tail_len > sizeof(msg) - len) {
        tail_len = sizeof(msg) - len;
    }
    memcpy(msg + len, tail, tail_len);
    len += tail_len;
    write_all(fd, msg, len);
    _exit(255);
}

static int clear_cloexec(int fd)
{
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0) {
        return -1;
    }
    if (flags & FD_CLOEXEC) {
        return fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC);
    }
    return 0;
}

/* Close [lo, hi]: close_range when the kernel has it, else one by one. */
static void close_fd_range(int lo, int hi)
{
    if (lo > hi) {
        return;
    }
#ifdef SYS_close_range
    if (syscall(SYS_close_range, (unsigned int)lo, (unsigned int)hi, 0) == 0) {
        return;
    }
#endif
    for (int fd = lo; fd <= hi; fd++) {
        close(fd);
    }
}

/* Close [lo, hi] except spared (the error pipe). */
static void close_fd_range_sparing(int lo, int hi, int spared)
{
    if (spared >= lo && spared <= hi) {
        close_fd_range(lo, spared - 1);
        close_fd_range(spared + 1, hi);
    }
    else {
        close_fd_range(lo, hi);
    }
}

/* Close every descriptor >= 3 except keep_fds.  errpipe_write survives
   too: it is close-on-exec, so exec closes it and the parent sees EOF. */
static void close_open_fds(const child_plan *plan)
{
    int lo = 3;
    for (Py_ssize_t i = 0; i < plan->n_keep_fds; i++) {
        int keep = plan->keep_fds[i];
        if (keep < lo) {
            continue;
        }
        close_fd_range_sparing(lo, keep - 1, plan->errpipe_write);
        lo = keep + 1;
    }
    close_fd_range_sparing(lo, plan->max_fd, plan->errpipe_write);
}

/* Route the standard streams: dup2 clears close-on-exec on its target,
   but dup2(fd, fd) is a no-op, so a pipe end already in place needs its
   flag cleared by hand. */
static int route_stdio(child_plan *plan)
{
    int c2pwrite = plan->c2pwrite, errwrite = plan->errwrite;
    /* dup2 onto 0 must not clobber a write end that is still needed. */
    if (c2pwrite == 0) {
        c2pwrite = dup(c2pwrite);
        if (c2pwrite < 0) {
            return -1;
        }
    }
    while (errwrite == 0 || errwrite == 1) {
        errwrite = dup(errwrite);
        if (errwrite < 0) {
            return -1;
        }
    }
    int sources[3] = {plan->p2cread, c2pwrite, errwrite};
    for (int target = 0; target < 3; target++) {
        int fd = sources[target];
        if (fd < 0) {
            continue;
        }
        if (fd == target) {
            if (clear_cloexec(fd) < 0) {
                return -1;
            }
        }
        else if (dup2(fd, target) < 0) {
            return -1;
        }
    }
    return 0;
}

static void exec_candidates(const child_plan *plan)
{
    int saved_errno = 0;
    for (char **exe = plan->executables; *exe != NULL; exe++) {
        if (plan->envp != NULL) {
            execve(*exe, plan->argv, plan->envp);
        }
        else {
            execv(*exe, plan->argv);
        }
        /* A missing candidate is no news while others remain; a
           candidate that exists but fails (EACCES, ENOEXEC) is. */
        if (errno != ENOENT && errno != ENOTDIR && saved_errno == 0) {
            saved_errno = errno;
        }
    }
    if (saved_errno != 0) {
        errno = saved_errno;
    }
}

static void _Py_NO_RETURN run_child(child_plan *plan)
{
    int err_fd = plan->errpipe_write;
    int parent_ends[] = {plan->p2cwrite, plan->c2pread, plan->errread,
                         plan->errpipe_read};
    for (size_t i = 0; i < sizeof(parent_ends) / sizeof(int); i++) {
        if (parent_ends[i] >= 0) {
            close(parent_ends[i]);
        }
    }
    for (Py_ssize_t i = 0; i < plan->n_keep_fds; i++) {
        if (plan->keep_fds[i] != err_fd && clear_cloexec(plan->keep_fds[i]) < 0) {
            report_errno_and_exit(err_fd, errno, "noexec");
        }
    }
    if (route_stdio(plan) < 0) {
        report_errno_and_exit(err_fd, errno, "noexec");
    }
    if (plan->cwd != NULL && chdir(plan->cwd) < 0) {
        report_errno_and_exit(err_fd, errno, "noexec:chdir");
    }
    if (plan->child_umask >= 0) {
        umask((mode_t)plan->child_umask);
    }
    if (plan->restore_signals) {
        signal(SIGPIPE, SIG_DFL);
#ifdef SIGXFSZ
        signal(SIGXFSZ, SIG_DFL);
#endif
    }
    if (plan->call_setsid && setsid() < 0) {
        report_errno_and_exit(err_fd, errno, "noexec");
    }
    if (plan->pgid_to_set >= 0 && setpgid(0, plan->pgid_to_set) < 0) {
        report_errno_and_exit(err_fd, errno, "noexec");
    }
    if (plan->set_groups
        && setgroups((size_t)plan->n_groups, plan->groups) < 0) {
        report_errno_and_exit(err_fd, errno, "noexec");
    }
    if (plan->set_gid && setregid(plan->gid, plan->gid) < 0) {
        report_errno_and_exit(err_fd, errno, "noexec");
    }
    if (plan->set_uid && setreuid(plan->uid, plan->uid) < 0) {
        report_errno_and_exit(err_fd, errno, "noexec");
    }
    if (plan->preexec_fn != NULL) {
        /* The interpreter's fork hooks ran (see fork_child), so this
           thread is attached and alone in a consistent interpreter. */
        PyObject *res = PyObject_CallNoArgs(plan->preexec_fn);
        if (res == NULL) {
            static const char msg[] =
                "SubprocessError:0:Exception occurred in preexec_fn.";
            PyErr_Clear();
            write_all(err_fd, msg, sizeof(msg) - 1);
            _exit(255);
        }
        Py_DECREF(res);
    }
    /* After preexec_fn, which may have opened descriptors of its own. */
    if (plan->close_fds) {
        close_open_fds(plan);
    }
    exec_candidates(plan);
    report_errno_and_exit(err_fd, errno, "");
}

/* Fork and run the plan in the child; return the child's pid, or -1
   with errno set.  Without preexec_fn the thread state is detached
   across fork() (the child never runs Python), so other threads keep
   going while the address space is copied. */
static pid_t fork_child(child_plan *plan)
{
    pid_t pid;
    int saved_errno;
    if (plan->preexec_fn != NULL) {
        PyOS_BeforeFork();
        pid = fork();
        saved_errno = errno;
        if (pid == 0) {
            PyOS_AfterFork_Child();
            run_child(plan);
        }
        PyOS_AfterFork_Parent();
    }
    else {
        Py_BEGIN_ALLOW_THREADS
        pid = fork();
        saved_errno = errno;
        if (pid == 0) {
            run_child(plan);
        }
        Py_END_ALLOW_THREADS
    }
    errno = saved_errno;
    return pid;
}


/* ---- converting the arguments (parent, before fork) ------------------------ */

/* A NULL-terminated array of the fs-encoded items of seq.  The bytes
   objects are appended to keep, which owns them for the array's life. */
static char **make_cstring_array(PyObject *seq, PyObject *keep, const char *what)
{
    PyObject *fast = PySequence_Fast(seq, what);
    if (fast == NULL) {
        return NULL;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    char **array = PyMem_New(char *, n + 1);
    if (array == NULL) {
        Py_DECREF(fast);
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *encoded = NULL;
        if (!PyUnicode_FSConverter(PySequence_Fast_GET_ITEM(fast, i), &encoded)) {
            goto error;
        }
        int rc = PyList_Append(keep, encoded);
        array[i] = PyBytes_AS_STRING(encoded);
        Py_DECREF(encoded);    /* keep holds it */
        if (rc < 0) {
            goto error;
        }
    }
    array[n] = NULL;
    Py_DECREF(fast);
    return array;
error:
    PyMem_Free(array);
    Py_DECREF(fast);
    return NULL;
}

static int fd_from_object(PyObject *obj, int *fd)
{
    long value = PyLong_AsLong(obj);
    if (value == -1 && PyErr_Occurred()) {
        return 0;
    }
    if (value < -1 || value > INT_MAX) {
        PyErr_SetString(PyExc_ValueError, "bad file descriptor value");
        return 0;
    }
    *fd = (int)value;
    return 1;
}

/* pass_fds as a sorted array of distinct non-negative descriptors. */
static int make_keep_fds(PyObject *seq, child_plan *plan)
{
    PyObject *fast = PySequence_Fast(seq, "pass_fds must be a sequence");
    if (fast == NULL) {
        return -1;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    plan->keep_fds = PyMem_New(int, n > 0 ? n : 1);
    if (plan->keep_fds == NULL) {
        Py_DECREF(fast);
        PyErr_NoMemory();
        return -1;
    }
    plan->n_keep_fds = n;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(fast, i);
        long value = PyLong_Check(item) ? PyLong_AsLong(item) : -1;
        if (value < 0 || value > INT_MAX
            || (i > 0 && value <= plan->keep_fds[i - 1])) {
            PyErr_Clear();
            PyErr_SetString(PyExc_ValueError, "bad value(s) in fds_to_keep");
            Py_DECREF(fast);
            return -1;
        }
        plan->keep_fds[i] = (int)value;
    }
    Py_DECREF(fast);
    return 0;
}

static int make_groups(PyObject *seq, child_plan *plan)
{
    PyObject *fast = PySequence_Fast(seq, "extra_groups must be a sequence");
    if (fast == NULL) {
        return -1;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    plan->groups = PyMem_New(gid_t, n > 0 ? n : 1);
    if (plan->groups == NULL) {
        Py_DECREF(fast);
        PyErr_NoMemory();
        return -1;
    }
    plan->n_groups = n;
    plan->set_groups = 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        /* A group id must fit gid_t (and not be (gid_t)-1, "no change"). */
        PyObject *item = PySequence_Fast_GET_ITEM(fast, i);
        unsigned long long value = PyLong_Check(item) ? PyLong_AsUnsignedLongLong(item)
                                                      : (unsigned long long)-1;
        if (value == (unsigned long long)-1 || (gid_t)value != value
                || (gid_t)value == (gid_t)-1) {
            Py_DECREF(fast);
            if (!PyErr_Occurred() || PyErr_ExceptionMatches(PyExc_OverflowError)
                    || PyErr_ExceptionMatches(PyExc_TypeError)) {
                PyErr_Clear();
                PyErr_SetString(PyExc_ValueError, "invalid group id");
            }
            return -1;
        }
        plan->groups[i] = (gid_t)value;
    }
    Py_DECREF(fast);
    return 0;
}

/* None or an id: sets *flag when an id was given. */
static int optional_id(PyObject *obj, int *flag, unsigned long *id, const char *what)
{
    if (obj == Py_None) {
        return 0;
    }
    long value = PyLong_AsLong(obj);
    if (value == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (value < 0) {
        PyErr_Format(PyExc_ValueError, "%s must be a non-negative id", what);
        return -1;
    }
    *flag = 1;
    *id = (unsigned long)value;
    return 0;
}

static int compute_max_fd(void)
{
    struct rlimit rl;
    long max_fd = sysconf(_SC_OPEN_MAX);
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_max != RLIM_INFINITY
        && (long)rl.rlim_max > max_fd) {
        max_fd = (long)rl.rlim_max;
    }
    if (max_fd < 256) {
        max_fd = 256;
    }
    return max_fd > INT_MAX ? INT_MAX : (int)max_fd - 1;
}

static void free_plan(child_plan *plan)
{
    PyMem_Free(plan->argv);
    PyMem_Free(plan->envp);
    PyMem_Free(plan->executables);
    PyMem_Free(plan->keep_fds);
    PyMem_Free(plan->groups);
}

static const char fork_exec_doc[] =
"fork_exec(args, executable_list, close_fds, pass_fds, cwd, env,\n"
"          p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite,\n"
"          errpipe_read, errpipe_write, restore_signals, call_setsid,\n"
"          pgid_to_set, gid, extra_groups, uid, child_umask, preexec_fn)\n"
"--\n\n"
"Fork a child that runs the first executable of executable_list that\n"
"can be executed, with argument list args; return its pid.  Set-up or\n"
"exec failures are written to errpipe_write (for subprocess only).";

static PyObject *fork_exec(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *argv_obj, *exe_list, *pass_fds, *cwd_obj, *env_obj;
    PyObject *gid_obj, *groups_obj, *uid_obj, *preexec_fn;
    int close_fds, restore_signals, call_setsid, child_umask;
    long pgid_to_set;
    child_plan plan;
    memset(&plan, 0, sizeof(plan));
    if (!PyArg_ParseTuple(args, "OOpOOOO&O&O&O&O&O&O&O&pplOOOiO:fork_exec",
                          &argv_obj, &exe_list, &close_fds, &pass_fds,
                          &cwd_obj, &env_obj,
                          fd_from_object, &plan.p2cread,
                          fd_from_object, &plan.p2cwrite,
                          fd_from_object, &plan.c2pread,
                          fd_from_object, &plan.c2pwrite,
                          fd_from_object, &plan.errread,
                          fd_from_object, &plan.errwrite,
                          fd_from_object, &plan.errpipe_read,
                          fd_from_object, &plan.errpipe_write,
                          &restore_signals, &call_setsid, &pgid_to_set,
                          &gid_obj, &groups_obj, &uid_obj, &child_umask,
                          &preexec_fn)) {
        return NULL;
    }
    if (plan.errpipe_write < 3) {
        PyErr_SetString(PyExc_ValueError, "errpipe_write must be >= 3");
        return NULL;
    }
    if (preexec_fn != Py_None && !PyCallable_Check(preexec_fn)) {
        PyErr_SetString(PyExc_TypeError, "preexec_fn must be callable");
        return NULL;
    }
    /* The child would run Python code in an interpreter being torn down
       (CPython refuses too); the flag is set once, read without a lock. */
    if (preexec_fn != Py_None && Py_IsFinalizing()) {
        PyErr_SetString(PyExc_PythonFinalizationError,
                        "preexec_fn not supported at interpreter shutdown");
        return NULL;
    }
    plan.close_fds = close_fds;
    plan.restore_signals = restore_signals;
    plan.call_setsid = call_setsid;
    plan.pgid_to_set = (pid_t)pgid_to_set;
    plan.child_umask = child_umask;
    plan.preexec_fn = preexec_fn == Py_None ? NULL : preexec_fn;
    plan.max_fd = compute_max_fd();

    /* Owns every encoded string the plan's arrays point into. */
    PyObject *keep = PyList_New(0);
    if (keep == NULL) {
        return NULL;
    }
    PyObject *result = NULL;
    unsigned long gid = 0, uid = 0;
    plan.argv = make_cstring_array(argv_obj, keep, "args must be a sequence");
    if (plan.argv == NULL) {
        goto done;
    }
    if (plan.argv[0] == NULL) {
        PyErr_SetString(PyExc_ValueError, "args must not be empty");
        goto done;
    }
    plan.executables = make_cstring_array(exe_list, keep,
                                          "executable_list must be a sequence");
    if (plan.executables == NULL) {
        goto done;
    }
    if (env_obj != Py_None) {
        plan.envp = make_cstring_array(env_obj, keep, "env must be a sequence");
        if (plan.envp == NULL) {
            goto done;
        }
    }
    if (cwd_obj != Py_None) {
        PyObject *encoded = NULL;
        if (!PyUnicode_FSConverter(cwd_obj, &encoded)) {
            goto done;
        }
        int rc = PyList_Append(keep, encoded);
        plan.cwd = PyBytes_AS_STRING(encoded);
        Py_DECREF(encoded);
        if (rc < 0) {
            goto done;
        }
    }
    if (make_keep_fds(pass_fds, &plan) < 0) {
        goto done;
    }
    if (groups_obj != Py_None && make_groups(groups_obj, &plan) < 0) {
        goto done;
    }
    if (optional_id(gid_obj, &plan.set_gid, &gid, "gid") < 0
        || optional_id(uid_obj, &plan.set_uid, &uid, "uid") < 0) {
        goto done;
    }
    plan.gid = (gid_t)gid;
    plan.uid = (uid_t)uid;

    pid_t pid = fork_child(&plan);
    if (pid < 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        goto done;
    }
    result = PyLong_FromLong((long)pid);
done:
    free_plan(&plan);
    Py_DECREF(keep);
    return result;
}

static const char set_pipe_size_doc[] =
"set_pipe_size(fd, size)\n--\n\n"
"Set the capacity of the pipe fd (Popen's pipesize), where the system\n"
"supports it.";

static PyObject *set_pipe_size(PyObject *Py_UNUSED(module), PyObject *args)
{
    int fd, size;
    if (!PyArg_ParseTuple(args, "ii:set_pipe_size", &fd, &size)) {
        return NULL;
    }
#ifdef F_SETPIPE_SZ
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = fcntl(fd, F_SETPIPE_SZ, size);
    Py_END_ALLOW_THREADS
    if (rc < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
#endif
    Py_RETURN_NONE;
}

static PyMethodDef posixsubprocess_methods[] = {
    {"fork_exec", fork_exec, METH_VARARGS, fork_exec_doc},
    {"set_pipe_size", set_pipe_size, METH_VARARGS, set_pipe_size_doc},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot posixsubprocess_slots[] = {
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef posixsubprocess_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_posixsubprocess",
    .m_doc = "A POSIX helper for the subprocess module: fork_exec() starts a\n"
             "child process with its descriptors, session, ids and working\n"
             "directory set up, doing only async-signal-safe work between\n"
             "fork and exec.",
    .m_size = 0,
    .m_methods = posixsubprocess_methods,
    .m_slots = posixsubprocess_slots,
};

PyMODINIT_FUNC PyInit__posixsubprocess(void)
{
    return PyModuleDef_Init(&posixsubprocess_module);
}
