/* The posix module (imported by os): the module itself, path and file
   descriptor argument conversion, OSError construction, environ, and the
   functions that are neither about files (Modules/posix_files.c) nor
   about processes (Modules/posix_process.c).

   Thread safety: the module keeps no mutable C state of its own;
   environ is a dict the module owns (putenv does not update it, as in
   CPython; os.py keeps both in step).  The C library's environment is
   only touched by putenv/unsetenv, which serialise on env_mutex. */
#define WEFT_POSIX_MODULE
#include "Python.h"
#include "pycore_posix.h"
#include "pycore_typeobject.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

extern char **environ;

/* ---- os.fspath -------------------------------------------------------- */

PyObject *PyOS_FSPath(PyObject *path)
{
    if (PyUnicode_Check(path) || PyBytes_Check(path)) {
        return Py_NewRef(path);
    }
    PyObject *func = _PyObject_LookupSpecial(path, _Py_INTERNED_ID(__fspath__));
    if (func == Py_None) {
        /* __fspath__ = None opts a class out of the protocol. */
        Py_CLEAR(func);
    }
    if (func == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError,
                         "expected str, bytes or os.PathLike object, not %.200s",
                         Py_TYPE(path)->tp_name);
        }
        return NULL;
    }
    PyObject *result = PyObject_CallNoArgs(func);
    Py_DECREF(func);
    if (result == NULL) {
        return NULL;
    }
    if (!PyUnicode_Check(result) && !PyBytes_Check(result)) {
        PyErr_Format(PyExc_TypeError,
                     "expected %.200s.__fspath__() to return str or bytes, "
                     "not %.200s",
                     Py_TYPE(path)->tp_name, Py_TYPE(result)->tp_name);
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

/* ---- path arguments --------------------------------------------------- */

void _PyPosix_PathCleanup(path_t *path)
{
    Py_CLEAR(path->object);
    Py_CLEAR(path->narrow);
    path->path = NULL;
}

static const char *path_kinds(path_t *path)
{
    if (path->allow_fd && path->nullable) {
        return "string, bytes, os.PathLike, integer or None";
    }
    if (path->allow_fd) {
        return "string, bytes, os.PathLike or integer";
    }
    if (path->nullable) {
        return "string, bytes, os.PathLike or None";
    }
    return "string, bytes or os.PathLike";
}

static int path_type_error(path_t *path, PyObject *o)
{
    PyErr_Format(PyExc_TypeError, "%s%s%s should be %s, not %.200s",
                 path->function_name ? path->function_name : "",
                 path->function_name ? ": " : "",
                 path->argument_name ? path->argument_name : "path",
                 path_kinds(path), Py_TYPE(o)->tp_name);
    return 0;
}

/* True/False passed where a descriptor is expected is almost always a
   mistake: RuntimeWarning, as CPython.  Returns 0 if the warning raised. */
static int warn_if_bool_fd(PyObject *o)
{
    return !PyBool_Check(o)
           || PyErr_WarnEx(PyExc_RuntimeWarning,
                           "bool is used as a file descriptor", 1) >= 0;
}

static int path_from_fd(path_t *path, PyObject *o)
{
    int fd = PyLong_AsInt(o);
    if (fd == -1 && PyErr_Occurred()) {
        return 0;
    }
    path->fd = fd;
    path->object = Py_NewRef(o);
    return Py_CLEANUP_SUPPORTED;
}

int _PyPosix_PathConverter(PyObject *o, void *p)
{
    path_t *path = p;
    if (o == NULL) {
        _PyPosix_PathCleanup(path);
        return 1;
    }
    path->object = NULL;
    path->narrow = NULL;
    path->path = NULL;
    path->fd = -1;
    path->is_bytes = 0;
    if (o == Py_None && path->nullable) {
        return Py_CLEANUP_SUPPORTED;
    }
    if (path->allow_fd && PyIndex_Check(o)
        && !PyUnicode_Check(o) && !PyBytes_Check(o)) {
        if (!warn_if_bool_fd(o)) {
            return 0;
        }
        return path_from_fd(path, o);
    }
    PyObject *fs;
    if (PyUnicode_Check(o) || PyBytes_Check(o)) {
        fs = Py_NewRef(o);
    }
    else {
        PyObject *func = _PyObject_LookupSpecial(o, _Py_INTERNED_ID(__fspath__));
        if (func == Py_None) {
            Py_CLEAR(func);  /* __fspath__ = None: not path-like */
        }
        if (func == NULL) {
            return PyErr_Occurred() ? 0 : path_type_error(path, o);
        }
        fs = PyObject_CallNoArgs(func);
        Py_DECREF(func);
        if (fs == NULL) {
            return 0;
        }
        if (!PyUnicode_Check(fs) && !PyBytes_Check(fs)) {
            PyErr_Format(PyExc_TypeError,
                         "expected %.200s.__fspath__() to return str or bytes, "
                         "not %.200s",
                         Py_TYPE(o)->tp_name, Py_TYPE(fs)->tp_name);
            Py_DECREF(fs);
            return 0;
        }
    }
    PyObject *narrow;
    if (PyUnicode_Check(fs)) {
        narrow = PyUnicode_EncodeFSDefault(fs);
        if (narrow == NULL) {
            Py_DECREF(fs);
            return 0;
        }
    }
    else {
        narrow = Py_NewRef(fs);
        path->is_bytes = 1;
    }
    if (strlen(PyBytes_AS_STRING(narrow)) != (size_t)PyBytes_GET_SIZE(narrow)) {
        PyErr_Format(PyExc_ValueError, "%s%sembedded null character in %s",
                     path->function_name ? path->function_name : "",
                     path->function_name ? ": " : "",
                     path->argument_name ? path->argument_name : "path");
        Py_DECREF(fs);
        Py_DECREF(narrow);
        return 0;
    }
    path->object = fs;
    path->narrow = narrow;
    path->path = PyBytes_AS_STRING(narrow);
    return Py_CLEANUP_SUPPORTED;
}

int _PyPosix_FdConverter(PyObject *o, void *p)
{
    int fd = PyLong_AsInt(o);
    if (fd == -1 && PyErr_Occurred()) {
        return 0;
    }
    *(int *)p = fd;
    return 1;
}

int _PyPosix_DirFdConverter(PyObject *o, void *p)
{
    if (o == Py_None) {
        *(int *)p = AT_FDCWD;
        return 1;
    }
    if (!PyIndex_Check(o)) {
        PyErr_Format(PyExc_TypeError,
                     "argument should be integer or None, not %.200s",
                     Py_TYPE(o)->tp_name);
        return 0;
    }
    if (!warn_if_bool_fd(o)) {
        return 0;
    }
    return _PyPosix_FdConverter(o, p);
}

PyObject *_PyPosix_PathError(path_t *path)
{
    return PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, path->object);
}

PyObject *_PyPosix_PathError2(path_t *path, path_t *path2)
{
    return PyErr_SetFromErrnoWithFilenameObjects(PyExc_OSError, path->object,
                                                 path2->object);
}

PyObject *_PyPosix_NameFromPath(path_t *path, const char *name,
                                Py_ssize_t len)
{
    if (path->is_bytes) {
        return PyBytes_FromStringAndSize(name, len);
    }
    return PyUnicode_DecodeFSDefaultAndSize(name, len);
}

int _PyPosix_ObjectToTimespec(PyObject *obj, struct timespec *ts)
{
    if (PyFloat_Check(obj)) {
        double d = PyFloat_AsDouble(obj);
        if (isnan(d)) {
            PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        double sec = floor(d);
        if (sec < -9.2e18 || sec > 9.2e18) {
            PyErr_SetString(PyExc_OverflowError,
                            "timestamp out of range for platform time_t");
            return -1;
        }
        /* Rounded toward minus infinity, as CPython's os.utime does. */
        long nsec = (long)floor((d - sec) * 1e9);
        if (nsec >= 1000000000L) {
            nsec -= 1000000000L;
            sec += 1;
        }
        ts->tv_sec = (time_t)sec;
        ts->tv_nsec = nsec;
        return 0;
    }
    long long sec = PyLong_AsLongLong(obj);
    if (sec == -1 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
            PyErr_SetString(PyExc_OverflowError,
                            "timestamp out of range for platform time_t");
        }
        return -1;
    }
    ts->tv_sec = (time_t)sec;
    ts->tv_nsec = 0;
    return 0;
}

/* ---- functions -------------------------------------------------------- */

static PyObject *posix_fspath(PyObject *Py_UNUSED(module), PyObject *args,
                              PyObject *kwargs)
{
    static char *keywords[] = {"path", NULL};
    PyObject *path;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O:fspath", keywords, &path)) {
        return NULL;
    }
    return PyOS_FSPath(path);
}

static PyObject *posix_strerror(PyObject *Py_UNUSED(module), PyObject *arg)
{
    int code = PyLong_AsInt(arg);
    if (code == -1 && PyErr_Occurred()) {
        return NULL;
    }
    char buf[256];
    const char *text = strerror_r(code, buf, sizeof(buf));
    return PyUnicode_DecodeLocale(text, "surrogateescape");
}

static PyObject *getcwd_impl(int as_bytes)
{
    size_t size = 1024;
    for (;;) {
        char *buf = PyMem_RawMalloc(size);
        if (buf == NULL) {
            return PyErr_NoMemory();
        }
        char *res;
        Py_BEGIN_ALLOW_THREADS
        res = getcwd(buf, size);
        POSIX_END_ALLOW_THREADS
        if (res != NULL) {
            PyObject *result = as_bytes ? PyBytes_FromString(buf)
                                        : PyUnicode_DecodeFSDefault(buf);
            PyMem_RawFree(buf);
            return result;
        }
        int err = errno;
        PyMem_RawFree(buf);
        if (err != ERANGE || size > (size_t)1 << 24) {
            errno = err;
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        size *= 2;
    }
}

static PyObject *posix_getcwd(PyObject *Py_UNUSED(module),
                              PyObject *Py_UNUSED(ignored))
{
    return getcwd_impl(0);
}

static PyObject *posix_getcwdb(PyObject *Py_UNUSED(module),
                               PyObject *Py_UNUSED(ignored))
{
    return getcwd_impl(1);
}

/* ---- uname, terminal size, cpu count, urandom ----------------------- */

static PyStructSequence_Field uname_fields[] = {
    {"sysname", "operating system name"},
    {"nodename", "name of machine on network (implementation-defined)"},
    {"release", "operating system release"},
    {"version", "operating system version"},
    {"machine", "hardware identifier"},
    {NULL, NULL},
};

static PyStructSequence_Desc uname_desc = {
    "posix.uname_result",
    "uname_result: Result from os.uname().\n\n"
    "This object may be accessed either as a tuple of\n"
    "  (sysname, nodename, release, version, machine),\n"
    "or via the attributes sysname, nodename, release, version, and machine.\n\n"
    "See os.uname for more information.",
    uname_fields, 5,
};

static PyTypeObject UnameResultType;

static PyObject *posix_uname(PyObject *Py_UNUSED(module),
                             PyObject *Py_UNUSED(ignored))
{
    struct utsname u;
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = uname(&u);
    POSIX_END_ALLOW_THREADS
    if (rc < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    PyObject *result = PyStructSequence_New(&UnameResultType);
    if (result == NULL) {
        return NULL;
    }
    const char *parts[] = {u.sysname, u.nodename, u.release, u.version,
                           u.machine};
    for (int i = 0; i < 5; i++) {
        PyObject *s = PyUnicode_DecodeFSDefault(parts[i]);
        if (s == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        PyStructSequence_SetItem(result, i, s);
    }
    return result;
}

static PyStructSequence_Field terminal_size_fields[] = {
    {"columns", "width of the terminal window in characters"},
    {"lines", "height of the terminal window in characters"},
    {NULL, NULL},
};

static PyStructSequence_Desc terminal_size_desc = {
    "os.terminal_size",
    "A tuple of (columns, lines) for holding terminal window size",
    terminal_size_fields, 2,
};

static PyTypeObject TerminalSizeType;

static PyObject *posix_get_terminal_size(PyObject *Py_UNUSED(module),
                                         PyObject *args)
{
    int fd = STDOUT_FILENO;
    if (!PyArg_ParseTuple(args, "|i:get_terminal_size", &fd)) {
        return NULL;
    }
    struct winsize w;
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = ioctl(fd, TIOCGWINSZ, &w);
    POSIX_END_ALLOW_THREADS
    if (rc < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    PyObject *result = PyStructSequence_New(&TerminalSizeType);
    if (result == NULL) {
        return NULL;
    }
    PyObject *cols = PyLong_FromLong(w.ws_col);
    PyObject *lines = PyLong_FromLong(w.ws_row);
    if (cols == NULL || lines == NULL) {
        Py_XDECREF(cols);
        Py_XDECREF(lines);
        Py_DECREF(result);
        return NULL;
    }
    PyStructSequence_SetItem(result, 0, cols);
    PyStructSequence_SetItem(result, 1, lines);
    return result;
}

static PyObject *posix_cpu_count(PyObject *Py_UNUSED(module),
                                 PyObject *Py_UNUSED(ignored))
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1) {
        Py_RETURN_NONE;
    }
    return PyLong_FromLong(n);
}

/* The CPUs this process may run on (its affinity mask), else cpu_count. */
static PyObject *posix_process_cpu_count(PyObject *module,
                                         PyObject *Py_UNUSED(ignored))
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof(set), &set) == 0) {
        return PyLong_FromLong(CPU_COUNT(&set));
    }
    return posix_cpu_count(module, NULL);
}

static PyObject *posix_urandom(PyObject *Py_UNUSED(module), PyObject *arg)
{
    Py_ssize_t size = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (size == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (size < 0) {
        PyErr_SetString(PyExc_ValueError, "negative argument not allowed");
        return NULL;
    }
    PyObject *result = PyBytes_FromStringAndSize(NULL, size);
    if (result == NULL) {
        return NULL;
    }
    char *buf = PyBytes_AS_STRING(result);
    Py_ssize_t done = 0;
    while (done < size) {
        ssize_t n;
        Py_BEGIN_ALLOW_THREADS
        n = getrandom(buf + done, (size_t)(size - done), 0);
        POSIX_END_ALLOW_THREADS
        if (n < 0) {
            if (errno == EINTR && PyErr_CheckSignals() == 0) {
                continue;
            }
            if (errno != EINTR) {
                PyErr_SetFromErrno(PyExc_OSError);
            }
            Py_DECREF(result);
            return NULL;
        }
        done += n;
    }
    return result;
}

static PyObject *posix_isatty(PyObject *Py_UNUSED(module), PyObject *arg)
{
    int fd = PyLong_AsInt(arg);
    if (fd == -1 && PyErr_Occurred()) {
        return NULL;
    }
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = isatty(fd);
    POSIX_END_ALLOW_THREADS
    return PyBool_FromLong(rc);
}

static PyObject *posix_ttyname(PyObject *Py_UNUSED(module), PyObject *arg)
{
    int fd = PyLong_AsInt(arg);
    if (fd == -1 && PyErr_Occurred()) {
        return NULL;
    }
    char buf[256];
    int rc = ttyname_r(fd, buf, sizeof(buf));
    if (rc != 0) {
        errno = rc;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyUnicode_DecodeFSDefault(buf);
}

static PyObject *posix_device_encoding(PyObject *Py_UNUSED(module),
                                       PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"fd", NULL};
    int fd;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "i:device_encoding",
                                     keywords, &fd)) {
        return NULL;
    }
    if (!isatty(fd)) {
        Py_RETURN_NONE;
    }
    return PyUnicode_FromString("UTF-8");
}

static PyObject *posix_umask(PyObject *Py_UNUSED(module), PyObject *arg)
{
    int mask = PyLong_AsInt(arg);
    if (mask == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromLong((long)umask((mode_t)mask));
}

static PyObject *posix_getlogin(PyObject *Py_UNUSED(module),
                                PyObject *Py_UNUSED(ignored))
{
    errno = 0;
    char *name = getlogin();
    if (name == NULL) {
        if (errno == 0) {
            PyErr_SetString(PyExc_OSError, "unable to determine login name");
            return NULL;
        }
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyUnicode_DecodeFSDefault(name);
}

static PyObject *posix_getloadavg(PyObject *Py_UNUSED(module),
                                  PyObject *Py_UNUSED(ignored))
{
    double load[3];
    if (getloadavg(load, 3) != 3) {
        PyErr_SetString(PyExc_OSError, "Load averages are unobtainable");
        return NULL;
    }
    return Py_BuildValue("(ddd)", load[0], load[1], load[2]);
}

static PyObject *posix_getrandom(PyObject *Py_UNUSED(module), PyObject *args,
                                 PyObject *kwargs)
{
    static char *keywords[] = {"size", "flags", NULL};
    Py_ssize_t size;
    int flags = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "n|i:getrandom", keywords,
                                     &size, &flags)) {
        return NULL;
    }
    if (size < 0) {
        errno = EINVAL;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    PyObject *result = PyBytes_FromStringAndSize(NULL, size);
    if (result == NULL) {
        return NULL;
    }
    ssize_t n;
    for (;;) {
        Py_BEGIN_ALLOW_THREADS
        n = getrandom(PyBytes_AS_STRING(result), (size_t)size, (unsigned)flags);
        POSIX_END_ALLOW_THREADS
        if (n >= 0 || errno != EINTR) {
            break;
        }
        if (PyErr_CheckSignals() < 0) {
            Py_DECREF(result);
            return NULL;
        }
    }
    if (n < 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        Py_DECREF(result);
        return NULL;
    }
    if (n != size && _PyBytes_Resize(&result, n) < 0) {
        return NULL;
    }
    return result;
}

/* ---- sysconf and friends ---------------------------------------------- */

typedef struct {
    const char *name;
    int value;
} conf_name;

static const conf_name sysconf_table[] = {
    {"SC_ARG_MAX", _SC_ARG_MAX},
    {"SC_CHILD_MAX", _SC_CHILD_MAX},
    {"SC_CLK_TCK", _SC_CLK_TCK},
    {"SC_NGROUPS_MAX", _SC_NGROUPS_MAX},
    {"SC_OPEN_MAX", _SC_OPEN_MAX},
    {"SC_PAGESIZE", _SC_PAGESIZE},
    {"SC_PAGE_SIZE", _SC_PAGE_SIZE},
    {"SC_NPROCESSORS_CONF", _SC_NPROCESSORS_CONF},
    {"SC_NPROCESSORS_ONLN", _SC_NPROCESSORS_ONLN},
    {"SC_PHYS_PAGES", _SC_PHYS_PAGES},
    {"SC_AVPHYS_PAGES", _SC_AVPHYS_PAGES},
    {"SC_LINE_MAX", _SC_LINE_MAX},
    {"SC_HOST_NAME_MAX", _SC_HOST_NAME_MAX},
    {"SC_LOGIN_NAME_MAX", _SC_LOGIN_NAME_MAX},
    {"SC_IOV_MAX", _SC_IOV_MAX},
    {"SC_SEM_NSEMS_MAX", _SC_SEM_NSEMS_MAX},
    {"SC_STREAM_MAX", _SC_STREAM_MAX},
    {"SC_TZNAME_MAX", _SC_TZNAME_MAX},
    {"SC_VERSION", _SC_VERSION},
    {"SC_THREAD_STACK_MIN", _SC_THREAD_STACK_MIN},
    {"SC_MINSIGSTKSZ", _SC_MINSIGSTKSZ},
    {NULL, 0},
};

static const conf_name pathconf_table[] = {
    {"PC_LINK_MAX", _PC_LINK_MAX},
    {"PC_MAX_CANON", _PC_MAX_CANON},
    {"PC_MAX_INPUT", _PC_MAX_INPUT},
    {"PC_NAME_MAX", _PC_NAME_MAX},
    {"PC_PATH_MAX", _PC_PATH_MAX},
    {"PC_PIPE_BUF", _PC_PIPE_BUF},
    {"PC_CHOWN_RESTRICTED", _PC_CHOWN_RESTRICTED},
    {"PC_NO_TRUNC", _PC_NO_TRUNC},
    {"PC_VDISABLE", _PC_VDISABLE},
    {"PC_FILESIZEBITS", _PC_FILESIZEBITS},
    {NULL, 0},
};

static const conf_name confstr_table[] = {
    {"CS_PATH", _CS_PATH},
    {"CS_GNU_LIBC_VERSION", _CS_GNU_LIBC_VERSION},
    {"CS_GNU_LIBPTHREAD_VERSION", _CS_GNU_LIBPTHREAD_VERSION},
    {NULL, 0},
};

/* A configuration name given as an int or as a key of table. */
static int conf_name_converter(PyObject *arg, const conf_name *table,
                               int *value)
{
    if (PyLong_Check(arg)) {
        *value = PyLong_AsInt(arg);
        return !(*value == -1 && PyErr_Occurred());
    }
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError,
                        "configuration names must be strings or integers");
        return 0;
    }
    const char *name = PyUnicode_AsUTF8(arg);
    if (name == NULL) {
        return 0;
    }
    for (const conf_name *c = table; c->name != NULL; c++) {
        if (strcmp(c->name, name) == 0) {
            *value = c->value;
            return 1;
        }
    }
    PyErr_SetString(PyExc_ValueError, "unrecognized configuration name");
    return 0;
}

static PyObject *posix_sysconf(PyObject *Py_UNUSED(module), PyObject *arg)
{
    int name;
    if (!conf_name_converter(arg, sysconf_table, &name)) {
        return NULL;
    }
    errno = 0;
    long value = sysconf(name);
    if (value == -1 && errno != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLong(value);
}

static PyObject *posix_confstr(PyObject *Py_UNUSED(module), PyObject *arg)
{
    int name;
    if (!conf_name_converter(arg, confstr_table, &name)) {
        return NULL;
    }
    char buf[1024];
    errno = 0;
    size_t len = confstr(name, buf, sizeof(buf));
    if (len == 0) {
        if (errno != 0) {
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        Py_RETURN_NONE;
    }
    if (len > sizeof(buf)) {
        len = sizeof(buf);
    }
    return PyUnicode_DecodeFSDefaultAndSize(buf, (Py_ssize_t)len - 1);
}

static PyObject *posix_fpathconf(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *file, *name_obj;
    if (!PyArg_ParseTuple(args, "OO:fpathconf", &file, &name_obj)) {
        return NULL;
    }
    int name;
    if (!conf_name_converter(name_obj, pathconf_table, &name)) {
        return NULL;
    }
    path_t path = PATH_T_INIT("fpathconf", "path", 0, 1);
    if (!_PyPosix_PathConverter(file, &path)) {
        return NULL;
    }
    errno = 0;
    long value = path.path != NULL ? pathconf(path.path, name)
                                   : fpathconf(path.fd, name);
    PyObject *result = NULL;
    if (value == -1 && errno != 0) {
        _PyPosix_PathError(&path);
    }
    else {
        result = PyLong_FromLong(value);
    }
    _PyPosix_PathCleanup(&path);
    return result;
}

static PyObject *conf_names_dict(const conf_name *table)
{
    PyObject *d = PyDict_New();
    for (const conf_name *c = table; d != NULL && c->name != NULL; c++) {
        PyObject *v = PyLong_FromLong(c->value);
        if (v == NULL || PyDict_SetItemString(d, c->name, v) < 0) {
            Py_CLEAR(d);
        }
        Py_XDECREF(v);
    }
    return d;
}

/* ---- the environment -------------------------------------------------- */

static PyMutex env_mutex;

static int check_env_name(PyObject *name, const char *text)
{
    if (text[0] == '\0' || strchr(text, '=') != NULL) {
        PyErr_SetString(PyExc_ValueError, "illegal environment variable name");
        return -1;
    }
    (void)name;
    return 0;
}

static PyObject *posix_putenv(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *name = NULL, *value = NULL;
    if (!PyArg_ParseTuple(args, "O&O&:putenv", PyUnicode_FSConverter, &name,
                          PyUnicode_FSConverter, &value)) {
        return NULL;
    }
    PyObject *result = NULL;
    const char *n = PyBytes_AS_STRING(name);
    if (check_env_name(name, n) == 0) {
        PyMutex_Lock(&env_mutex);
        int rc = setenv(n, PyBytes_AS_STRING(value), 1);
        PyMutex_Unlock(&env_mutex);
        result = rc == 0 ? Py_NewRef(Py_None) : PyErr_NoMemory();
    }
    Py_DECREF(name);
    Py_DECREF(value);
    return result;
}

static PyObject *posix_unsetenv(PyObject *Py_UNUSED(module), PyObject *arg)
{
    PyObject *name = NULL;
    if (!PyUnicode_FSConverter(arg, &name)) {
        return NULL;
    }
    PyObject *result = NULL;
    const char *n = PyBytes_AS_STRING(name);
    if (check_env_name(name, n) == 0) {
        PyMutex_Lock(&env_mutex);
        int rc = unsetenv(n);
        PyMutex_Unlock(&env_mutex);
        result = rc == 0 ? Py_NewRef(Py_None)
                         : PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_DECREF(name);
    return result;
}

/* {bytes name: bytes value} from the C environment at import time. */
static PyObject *make_environ(void)
{
    PyObject *d = PyDict_New();
    if (d == NULL) {
        return NULL;
    }
    PyMutex_Lock(&env_mutex);
    for (char **e = environ; e != NULL && *e != NULL; e++) {
        const char *eq = strchr(*e, '=');
        if (eq == NULL || eq == *e) {
            continue;
        }
        PyObject *k = PyBytes_FromStringAndSize(*e, eq - *e);
        PyObject *v = PyBytes_FromString(eq + 1);
        int rc = (k == NULL || v == NULL) ? -1
                 : PyDict_SetDefaultRef(d, k, v, NULL);
        Py_XDECREF(k);
        Py_XDECREF(v);
        if (rc < 0) {
            Py_CLEAR(d);
            break;
        }
    }
    PyMutex_Unlock(&env_mutex);
    return d;
}

/* _create_environ(): a fresh snapshot of the C environment, for
   os.reload_environ. */
static PyObject *posix_create_environ(PyObject *Py_UNUSED(m),
                                      PyObject *Py_UNUSED(args))
{
    return make_environ();
}

/* ---- the module ------------------------------------------------------- */

#define VARKW(f) (PyCFunction)(void (*)(void))(f), METH_VARARGS | METH_KEYWORDS

static PyMethodDef posix_methods[] = {
    {"_create_environ", posix_create_environ, METH_NOARGS,
     "Return a dict of the current process environment (bytes to bytes)."},
    {"fspath", VARKW(posix_fspath),
     "fspath($module, /, path)\n--\n\n"
     "Return the file system path representation of the object."},
    {"strerror", posix_strerror, METH_O,
     "Translate an error code to a message string."},
    {"getcwd", posix_getcwd, METH_NOARGS,
     "Return a unicode string representing the current working directory."},
    {"getcwdb", posix_getcwdb, METH_NOARGS,
     "Return a bytes string representing the current working directory."},
    {"uname", posix_uname, METH_NOARGS,
     "Return an object identifying the current operating system."},
    {"get_terminal_size", posix_get_terminal_size, METH_VARARGS,
     "Return the size of the terminal window as (columns, lines)."},
    {"cpu_count", posix_cpu_count, METH_NOARGS,
     "Return the number of logical CPUs in the system."},
    {"process_cpu_count", posix_process_cpu_count, METH_NOARGS,
     "Return the number of logical CPUs usable by the calling thread."},
    {"urandom", posix_urandom, METH_O,
     "Return a bytes object containing random bytes suitable for "
     "cryptographic use."},
    {"isatty", posix_isatty, METH_O,
     "Return True if the fd is connected to a terminal."},
    {"ttyname", posix_ttyname, METH_O,
     "Return the name of the terminal device connected to 'fd'."},
    {"device_encoding", VARKW(posix_device_encoding),
     "Return a string describing the encoding of a terminal's file descriptor."},
    {"umask", posix_umask, METH_O, "Set the current numeric umask and return "
     "the previous umask."},
    {"getlogin", posix_getlogin, METH_NOARGS,
     "Return the actual login name."},
    {"sysconf", posix_sysconf, METH_O,
     "Return an integer-valued system configuration variable."},
    {"confstr", posix_confstr, METH_O,
     "Return a string-valued system configuration variable."},
    {"fpathconf", posix_fpathconf, METH_VARARGS,
     "Return the configuration limit name for the file descriptor fd."},
    {"pathconf", posix_fpathconf, METH_VARARGS,
     "Return the configuration limit name for the file or directory path."},
    {"getloadavg", posix_getloadavg, METH_NOARGS,
     "Return average recent system load information."},
    {"getrandom", VARKW(posix_getrandom),
     "Obtain a series of random bytes."},
    {"putenv", posix_putenv, METH_VARARGS,
     "Change or add an environment variable."},
    {"unsetenv", posix_unsetenv, METH_O, "Delete an environment variable."},
    {NULL, NULL, 0, NULL},
};

static int add_int(PyObject *m, const char *name, long value)
{
    return PyModule_AddIntConstant(m, name, value);
}

static int add_misc_constants(PyObject *m)
{
    if (add_int(m, "F_OK", F_OK) < 0 || add_int(m, "R_OK", R_OK) < 0
        || add_int(m, "W_OK", W_OK) < 0 || add_int(m, "X_OK", X_OK) < 0
        || add_int(m, "EX_OK", 0) < 0 || add_int(m, "EX_USAGE", 64) < 0
        || add_int(m, "EX_DATAERR", 65) < 0 || add_int(m, "EX_NOINPUT", 66) < 0
        || add_int(m, "EX_NOUSER", 67) < 0 || add_int(m, "EX_NOHOST", 68) < 0
        || add_int(m, "EX_UNAVAILABLE", 69) < 0
        || add_int(m, "EX_SOFTWARE", 70) < 0 || add_int(m, "EX_OSERR", 71) < 0
        || add_int(m, "EX_OSFILE", 72) < 0 || add_int(m, "EX_CANTCREAT", 73) < 0
        || add_int(m, "EX_IOERR", 74) < 0 || add_int(m, "EX_TEMPFAIL", 75) < 0
        || add_int(m, "EX_PROTOCOL", 76) < 0 || add_int(m, "EX_NOPERM", 77) < 0
        || add_int(m, "EX_CONFIG", 78) < 0
        || add_int(m, "TMP_MAX", TMP_MAX) < 0
        || add_int(m, "NGROUPS_MAX", NGROUPS_MAX) < 0
        || add_int(m, "GRND_NONBLOCK", GRND_NONBLOCK) < 0
        || add_int(m, "GRND_RANDOM", GRND_RANDOM) < 0
        || add_int(m, "RTLD_LAZY", RTLD_LAZY) < 0
        || add_int(m, "RTLD_NOW", RTLD_NOW) < 0
        || add_int(m, "RTLD_GLOBAL", RTLD_GLOBAL) < 0
        || add_int(m, "RTLD_LOCAL", RTLD_LOCAL) < 0
        || add_int(m, "RTLD_NODELETE", RTLD_NODELETE) < 0
        || add_int(m, "RTLD_NOLOAD", RTLD_NOLOAD) < 0
        || add_int(m, "RTLD_DEEPBIND", RTLD_DEEPBIND) < 0) {
        return -1;
    }
    if (PyModule_Add(m, "sysconf_names", conf_names_dict(sysconf_table)) < 0
        || PyModule_Add(m, "pathconf_names", conf_names_dict(pathconf_table)) < 0
        || PyModule_Add(m, "confstr_names", conf_names_dict(confstr_table)) < 0) {
        return -1;
    }
    return 0;
}

/* Names of the optional features os.py checks (supports_dir_fd ...). */
static const char *const have_functions[] = {
    "HAVE_FACCESSAT", "HAVE_FCHDIR", "HAVE_FCHMOD", "HAVE_FCHMODAT",
    "HAVE_FCHOWN", "HAVE_FCHOWNAT", "HAVE_FDOPENDIR", "HAVE_FPATHCONF",
    "HAVE_FSTATAT", "HAVE_FSTATVFS", "HAVE_FTRUNCATE", "HAVE_FUTIMENS",
    "HAVE_LINKAT", "HAVE_LCHOWN", "HAVE_LSTAT", "HAVE_MKDIRAT",
    "HAVE_OPENAT", "HAVE_READLINKAT", "HAVE_RENAMEAT", "HAVE_SYMLINKAT",
    "HAVE_UNLINKAT", "HAVE_UTIMENSAT", NULL,
};

static int add_have_functions(PyObject *m)
{
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return -1;
    }
    for (int i = 0; have_functions[i] != NULL; i++) {
        PyObject *s = PyUnicode_FromString(have_functions[i]);
        if (s == NULL || PyList_Append(list, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(list);
            return -1;
        }
        Py_DECREF(s);
    }
    return PyModule_Add(m, "_have_functions", list);
}

/* The struct sequence types are process-wide static types, made once;
   module exec runs under the import lock, and a second exec (a reload)
   finds them ready. */
static int posix_exec(PyObject *m)
{
    if (PyStructSequence_InitType2(&UnameResultType, &uname_desc) < 0
        || PyStructSequence_InitType2(&TerminalSizeType, &terminal_size_desc) < 0) {
        return -1;
    }
    if (PyModule_AddFunctions(m, _PyPosix_FileMethods) < 0
        || PyModule_AddFunctions(m, _PyPosix_ProcessMethods) < 0
        || PyModule_AddObjectRef(m, "error", PyExc_OSError) < 0
        || PyModule_AddObjectRef(m, "uname_result",
                                 (PyObject *)&UnameResultType) < 0
        || PyModule_AddObjectRef(m, "terminal_size",
                                 (PyObject *)&TerminalSizeType) < 0
        || PyModule_Add(m, "environ", make_environ()) < 0
        || add_misc_constants(m) < 0
        || add_have_functions(m) < 0
        || _PyPosix_FilesExec(m) < 0
        || _PyPosix_ProcessExec(m) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot posix_slots[] = {
    {Py_mod_exec, posix_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef posix_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "posix",
    .m_doc = "This module provides access to operating system functionality "
             "that is\nstandardized by the C Standard and the POSIX standard "
             "(a thinly\ndisguised Unix interface).  Refer to the library "
             "manual and\ncorresponding Unix manual entries for more "
             "information on calls.",
    .m_size = 0,
    .m_methods = posix_methods,
    .m_slots = posix_slots,
};

PyMODINIT_FUNC PyInit_posix(void)
{
    return PyModuleDef_Init(&posix_module);
}
