/* The posix module's file and directory functions: stat and
   stat_result, open/read/write and the other descriptor operations on
   files, directory listing (listdir, scandir and DirEntry), and the
   functions that create, remove, rename and change files.

   Thread safety: the functions keep no state.  A ScandirIterator's DIR
   stream is only used inside the iterator's critical section (readdir is
   called attached, so the section is never released in between).  A
   DirEntry's stat caches are published inside the entry's critical
   section; once set they never change. */
#define WEFT_POSIX_MODULE
#include "Python.h"
#include "pycore_posix.h"
#include "pycore_object.h"

#include <math.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <sys/xattr.h>
#include <sys/types.h>
#include <unistd.h>

/* Keyword lists are char *[] for PyArg_ParseTupleAndKeywords. */
#define KW(...) static char *keywords[] = {__VA_ARGS__, NULL}

/* ---- stat_result -------------------------------------------------------- */

static PyStructSequence_Field stat_result_fields[] = {
    {"st_mode", "protection bits"},
    {"st_ino", "inode"},
    {"st_dev", "device"},
    {"st_nlink", "number of hard links"},
    {"st_uid", "user ID of owner"},
    {"st_gid", "group ID of owner"},
    {"st_size", "total size, in bytes"},
    /* The integer times are visible by index only (compatibility); the
       names become PyStructSequence_UnnamedField in _PyPosix_FilesExec. */
    {"", "integer time of last access"},
    {"", "integer time of last modification"},
    {"", "integer time of last change"},
    {"st_atime", "time of last access"},
    {"st_mtime", "time of last modification"},
    {"st_ctime", "time of last change"},
    {"st_atime_ns", "time of last access in nanoseconds"},
    {"st_mtime_ns", "time of last modification in nanoseconds"},
    {"st_ctime_ns", "time of last change in nanoseconds"},
    {"st_blksize", "blocksize for filesystem I/O"},
    {"st_blocks", "number of blocks allocated"},
    {"st_rdev", "device type (if inode device)"},
    {NULL, NULL},
};

static PyStructSequence_Desc stat_result_desc = {
    "os.stat_result",
    "stat_result: Result from stat, fstat, or lstat.\n\n"
    "This object may be accessed either as a tuple of\n"
    "  (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime)\n"
    "or via the attributes st_mode, st_ino, st_dev, st_nlink, st_uid, and so on.\n\n"
    "Posix/windows: If your platform supports st_blksize, st_blocks, st_rdev,\n"
    "or st_flags, they are available as attributes only.\n\n"
    "See os.stat for more information.",
    stat_result_fields, 10,
};

static PyTypeObject StatResultType;

static PyStructSequence_Field statvfs_result_fields[] = {
    {"f_bsize", NULL}, {"f_frsize", NULL}, {"f_blocks", NULL},
    {"f_bfree", NULL}, {"f_bavail", NULL}, {"f_files", NULL},
    {"f_ffree", NULL}, {"f_favail", NULL}, {"f_flag", NULL},
    {"f_namemax", NULL}, {"f_fsid", NULL},
    {NULL, NULL},
};

static PyStructSequence_Desc statvfs_result_desc = {
    "os.statvfs_result",
    "statvfs_result: Result from statvfs or fstatvfs.\n\n"
    "This object may be accessed either as a tuple of\n"
    "  (bsize, frsize, blocks, bfree, bavail, files, ffree, favail, flag, namemax),\n"
    "or via the attributes f_bsize, f_frsize, f_blocks, f_bfree, and so on.\n\n"
    "See os.statvfs for more information.",
    statvfs_result_fields, 10,
};

static PyTypeObject StatvfsResultType;

/* Fills fields [int_index], [float_index], [ns_index] from a timespec. */
static int fill_time(PyObject *v, int int_index, int float_index,
                     int ns_index, const struct timespec *ts)
{
    PyObject *whole = PyLong_FromLongLong((long long)ts->tv_sec);
    PyObject *flt = PyFloat_FromDouble((double)ts->tv_sec
                                       + (double)ts->tv_nsec * 1e-9);
    PyObject *ns = NULL;
    if (whole != NULL) {
        PyObject *billion = PyLong_FromLong(1000000000L);
        PyObject *sec_ns = billion ? PyNumber_Multiply(whole, billion) : NULL;
        PyObject *frac = PyLong_FromLong(ts->tv_nsec);
        if (sec_ns != NULL && frac != NULL) {
            ns = PyNumber_Add(sec_ns, frac);
        }
        Py_XDECREF(billion);
        Py_XDECREF(sec_ns);
        Py_XDECREF(frac);
    }
    if (whole == NULL || flt == NULL || ns == NULL) {
        Py_XDECREF(whole);
        Py_XDECREF(flt);
        Py_XDECREF(ns);
        return -1;
    }
    PyStructSequence_SetItem(v, int_index, whole);
    PyStructSequence_SetItem(v, float_index, flt);
    PyStructSequence_SetItem(v, ns_index, ns);
    return 0;
}

PyObject *_PyPosix_StatResult(const struct stat *st)
{
    PyObject *v = PyStructSequence_New(&StatResultType);
    if (v == NULL) {
        return NULL;
    }
    PyObject *ints[] = {
        PyLong_FromLong((long)st->st_mode),
        PyLong_FromUnsignedLongLong((unsigned long long)st->st_ino),
        PyLong_FromUnsignedLongLong((unsigned long long)st->st_dev),
        PyLong_FromUnsignedLongLong((unsigned long long)st->st_nlink),
        PyLong_FromUnsignedLong((unsigned long)st->st_uid),
        PyLong_FromUnsignedLong((unsigned long)st->st_gid),
        PyLong_FromLongLong((long long)st->st_size),
    };
    int failed = 0;
    for (int i = 0; i < 7; i++) {
        failed |= ints[i] == NULL;
        PyStructSequence_SetItem(v, i, ints[i]);
    }
    if (failed
        || fill_time(v, 7, 10, 13, &st->st_atim) < 0
        || fill_time(v, 8, 11, 14, &st->st_mtim) < 0
        || fill_time(v, 9, 12, 15, &st->st_ctim) < 0) {
        Py_DECREF(v);
        return NULL;
    }
    PyObject *tail[] = {
        PyLong_FromLong((long)st->st_blksize),
        PyLong_FromLongLong((long long)st->st_blocks),
        PyLong_FromUnsignedLongLong((unsigned long long)st->st_rdev),
    };
    for (int i = 0; i < 3; i++) {
        failed |= tail[i] == NULL;
        PyStructSequence_SetItem(v, 16 + i, tail[i]);
    }
    if (failed) {
        Py_DECREF(v);
        return NULL;
    }
    return v;
}

/* stat for a converted path: by fd, or by name relative to dir_fd. */
static PyObject *do_stat(path_t *path, int dir_fd, int follow_symlinks)
{
    struct stat st;
    int res, async_err = 0;
    if (path->path == NULL) {
        POSIX_CALL(res, fstat(path->fd, &st), async_err);
    }
    else {
        int flags = follow_symlinks ? 0 : AT_SYMLINK_NOFOLLOW;
        POSIX_CALL(res, fstatat(dir_fd, path->path, &st, flags), async_err);
    }
    if (async_err) {
        return NULL;
    }
    if (res < 0) {
        return _PyPosix_PathError(path);
    }
    return _PyPosix_StatResult(&st);
}

/* Argument combinations that make no sense with a descriptor, checked
   per function as CPython does; -1 with ValueError. */
#define FD_CHECK_DIR_FD_NEEDS_PATH 1  /* "can't specify dir_fd without matching path" */
#define FD_CHECK_DIR_FD_AND_FD 2      /* "can't specify both dir_fd and fd" */

static int check_fd_with_options(path_t *path, int dir_fd, int checks)
{
    if (path->path != NULL) {
        return 0;
    }
    if (dir_fd != AT_FDCWD && (checks & FD_CHECK_DIR_FD_NEEDS_PATH)) {
        PyErr_Format(PyExc_ValueError,
                     "%s: can't specify dir_fd without matching path",
                     path->function_name);
        return -1;
    }
    if (dir_fd != AT_FDCWD && (checks & FD_CHECK_DIR_FD_AND_FD)) {
        PyErr_Format(PyExc_ValueError,
                     "%s: can't specify both dir_fd and fd",
                     path->function_name);
        return -1;
    }
    return 0;
}

/* The result of a call on one path that returns nothing: None, or the
   OSError naming the path when it failed (res < 0); NULL when the call
   was interrupted by an exception (async_err).  Cleans the path up. */
static PyObject *path_call_result(int res, int async_err, path_t *path)
{
    PyObject *result = NULL;
    if (!async_err) {
        result = res < 0 ? _PyPosix_PathError(path) : Py_NewRef(Py_None);
    }
    _PyPosix_PathCleanup(path);
    return result;
}

static PyObject *posix_stat(PyObject *Py_UNUSED(module), PyObject *args,
                            PyObject *kwargs)
{
    KW("path", "dir_fd", "follow_symlinks");
    path_t path = PATH_T_INIT("stat", "path", 0, 1);
    int dir_fd = AT_FDCWD, follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&|$O&p:stat", keywords,
                                     _PyPosix_PathConverter, &path,
                                     _PyPosix_DirFdConverter, &dir_fd,
                                     &follow)) {
        return NULL;
    }
    PyObject *result = NULL;
    if (check_fd_with_options(&path, dir_fd,
                              FD_CHECK_DIR_FD_NEEDS_PATH) == 0) {
        result = do_stat(&path, dir_fd, follow);
    }
    _PyPosix_PathCleanup(&path);
    return result;
}

static PyObject *posix_lstat(PyObject *Py_UNUSED(module), PyObject *args,
                             PyObject *kwargs)
{
    KW("path", "dir_fd");
    path_t path = PATH_T_INIT("lstat", "path", 0, 0);
    int dir_fd = AT_FDCWD;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&|$O&:lstat", keywords,
                                     _PyPosix_PathConverter, &path,
                                     _PyPosix_DirFdConverter, &dir_fd)) {
        return NULL;
    }
    PyObject *result = do_stat(&path, dir_fd, 0);
    _PyPosix_PathCleanup(&path);
    return result;
}

static PyObject *posix_fstat(PyObject *Py_UNUSED(module), PyObject *args,
                             PyObject *kwargs)
{
    KW("fd");
    path_t path = PATH_T_INIT("fstat", "fd", 0, 1);
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "i:fstat", keywords,
                                     &path.fd)) {
        return NULL;
    }
    return do_stat(&path, AT_FDCWD, 1);
}

static PyObject *statvfs_result(const struct statvfs *st)
{
    PyObject *v = PyStructSequence_New(&StatvfsResultType);
    if (v == NULL) {
        return NULL;
    }
    unsigned long long values[] = {
        st->f_bsize, st->f_frsize, st->f_blocks, st->f_bfree, st->f_bavail,
        st->f_files, st->f_ffree, st->f_favail, st->f_flag, st->f_namemax,
        st->f_fsid,
    };
    for (int i = 0; i < 11; i++) {
        PyObject *item = PyLong_FromUnsignedLongLong(values[i]);
        if (item == NULL) {
            Py_DECREF(v);
            return NULL;
        }
        PyStructSequence_SetItem(v, i, item);
    }
    return v;
}

static PyObject *posix_statvfs(PyObject *Py_UNUSED(module), PyObject *args,
                               PyObject *kwargs)
{
    KW("path");
    path_t path = PATH_T_INIT("statvfs", "path", 0, 1);
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&:statvfs", keywords,
                                     _PyPosix_PathConverter, &path)) {
        return NULL;
    }
    struct statvfs st;
    int res, async_err = 0;
    if (path.path != NULL) {
        POSIX_CALL(res, statvfs(path.path, &st), async_err);
    }
    else {
        POSIX_CALL(res, fstatvfs(path.fd, &st), async_err);
    }
    PyObject *result = NULL;
    if (!async_err) {
        result = res < 0 ? _PyPosix_PathError(&path) : statvfs_result(&st);
    }
    _PyPosix_PathCleanup(&path);
    return result;
}

static PyObject *posix_fstatvfs(PyObject *module, PyObject *arg)
{
    int fd = PyLong_AsInt(arg);
    if (fd == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *args = PyTuple_Pack(1, arg);
    if (args == NULL) {
        return NULL;
    }
    PyObject *result = posix_statvfs(module, args, NULL);
    Py_DECREF(args);
    return result;
}

/* The error for a call given a path or a descriptor, for the functions
   whose CPython error names no file when given a descriptor. */
static PyObject *path_or_fd_error(path_t *path)
{
    if (path->path == NULL) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return _PyPosix_PathError(path);
}

/* ---- descriptors ------------------------------------------------------ */

static PyObject *posix_open(PyObject *Py_UNUSED(module), PyObject *args,
                            PyObject *kwargs)
{
    KW("path", "flags", "mode", "dir_fd");
    path_t path = PATH_T_INIT("open", "path", 0, 0);
    int flags, mode = 0777, dir_fd = AT_FDCWD;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&i|i$O&:open", keywords,
                                     _PyPosix_PathConverter, &path, &flags,
                                     &mode, _PyPosix_DirFdConverter, &dir_fd)) {
        return NULL;
    }
    /* New descriptors are non-inheritable (PEP 446). */
    flags |= O_CLOEXEC;
    int fd, async_err = 0;
    POSIX_CALL(fd, openat(dir_fd, path.path, flags, mode), async_err);
    PyObject *result = NULL;
    if (!async_err) {
        result = fd < 0 ? _PyPosix_PathError(&path) : PyLong_FromLong(fd);
    }
    _PyPosix_PathCleanup(&path);
    return result;
}

static PyObject *posix_close(PyObject *Py_UNUSED(module), PyObject *args,
                             PyObject *kwargs)
{
    KW("fd");
    int fd;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "i:close", keywords, &fd)) {
        return NULL;
    }
    int res;
    /* close is not retried: on Linux the descriptor is gone even after
       EINTR. */
    Py_BEGIN_ALLOW_THREADS
    res = close(fd);
    POSIX_END_ALLOW_THREADS
    if (res < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *posix_closerange(PyObject *Py_UNUSED(module), PyObject *args)
{
    int low, high;
    if (!PyArg_ParseTuple(args, "ii:closerange", &low, &high)) {
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    for (int fd = low < 0 ? 0 : low; fd < high; fd++) {
        close(fd);
    }
    POSIX_END_ALLOW_THREADS
    Py_RETURN_NONE;
}

/* The buffer of a read of `length` bytes (EINVAL when negative). */
static PyObject *new_read_buffer(Py_ssize_t length)
{
    if (length < 0) {
        errno = EINVAL;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyBytes_FromStringAndSize(NULL, length);
}

/* What a read into `buffer` (owned) returned: the n bytes read, or the
   OSError of errno when n < 0 (none after an exception interrupted the
   call, async_err). */
static PyObject *read_result(PyObject *buffer, ssize_t n, Py_ssize_t length,
                             int async_err)
{
    if (n < 0) {
        if (!async_err) {
            PyErr_SetFromErrno(PyExc_OSError);
        }
        Py_DECREF(buffer);
        return NULL;
    }
    if (n != length && _PyBytes_Resize(&buffer, n) < 0) {
        return NULL;
    }
    return buffer;
}

static PyObject *posix_read(PyObject *Py_UNUSED(module), PyObject *args)
{
    int fd;
    Py_ssize_t length;
    if (!PyArg_ParseTuple(args, "in:read", &fd, &length)) {
        return NULL;
    }
    PyObject *buffer = new_read_buffer(length);
    if (buffer == NULL) {
        return NULL;
    }
    ssize_t n;
    int async_err = 0;
    POSIX_CALL(n, read(fd, PyBytes_AS_STRING(buffer), (size_t)length),
               async_err);
    return read_result(buffer, n, length, async_err);
}

static PyObject *posix_write(PyObject *Py_UNUSED(module), PyObject *args)
{
    int fd;
    Py_buffer data;
    if (!PyArg_ParseTuple(args, "iy*:write", &fd, &data)) {
        return NULL;
    }
    ssize_t n;
    int async_err = 0;
    POSIX_CALL(n, write(fd, data.buf, (size_t)data.len), async_err);
    PyBuffer_Release(&data);
    if (n < 0) {
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromSsize_t(n);
}

static PyObject *posix_pread(PyObject *Py_UNUSED(module), PyObject *args)
{
    int fd;
    Py_ssize_t length;
    long long offset;
    if (!PyArg_ParseTuple(args, "inL:pread", &fd, &length, &offset)) {
        return NULL;
    }
    PyObject *buffer = new_read_buffer(length);
    if (buffer == NULL) {
        return NULL;
    }
    ssize_t n;
    int async_err = 0;
    POSIX_CALL(n, pread(fd, PyBytes_AS_STRING(buffer), (size_t)length,
                        (off_t)offset), async_err);
    return read_result(buffer, n, length, async_err);
}

static PyObject *posix_pwrite(PyObject *Py_UNUSED(module), PyObject *args)
{
    int fd;
    Py_buffer data;
    long long offset;
    if (!PyArg_ParseTuple(args, "iy*L:pwrite", &fd, &data, &offset)) {
        return NULL;
    }
    ssize_t n;
    int async_err = 0;
    POSIX_CALL(n, pwrite(fd, data.buf, (size_t)data.len, (off_t)offset),
               async_err);
    PyBuffer_Release(&data);
    if (n < 0) {
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromSsize_t(n);
}

static PyObject *posix_lseek(PyObject *Py_UNUSED(module), PyObject *args)
{
    int fd, how;
    long long pos;
    if (!PyArg_ParseTuple(args, "iLi:lseek", &fd, &pos, &how)) {
        return NULL;
    }
    off_t res;
    Py_BEGIN_ALLOW_THREADS
    res = lseek(fd, (off_t)pos, how);
    POSIX_END_ALLOW_THREADS
    if (res < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLongLong((long long)res);
}

static PyObject *posix_ftruncate(PyObject *Py_UNUSED(module), PyObject *args)
{
    int fd;
    long long length;
    if (!PyArg_ParseTuple(args, "iL:ftruncate", &fd, &length)) {
        return NULL;
    }
    int res, async_err = 0;
    POSIX_CALL(res, ftruncate(fd, (off_t)length), async_err);
    if (res < 0) {
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *posix_truncate(PyObject *Py_UNUSED(module), PyObject *args,
                                PyObject *kwargs)
{
    KW("path", "length");
    path_t path = PATH_T_INIT("truncate", "path", 0, 1);
    long long length;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&L:truncate", keywords,
                                     _PyPosix_PathConverter, &path, &length)) {
        return NULL;
    }
    int res, async_err = 0;
    if (path.path != NULL) {
        POSIX_CALL(res, truncate(path.path, (off_t)length), async_err);
    }
    else {
        POSIX_CALL(res, ftruncate(path.fd, (off_t)length), async_err);
    }
    PyObject *result = NULL;
    if (!async_err) {
        result = res < 0 ? path_or_fd_error(&path) : Py_NewRef(Py_None);
    }
    _PyPosix_PathCleanup(&path);
    return result;
}

/* fd may be an int or an object with fileno(); PyObject_AsFileDescriptor
   gives CPython's checks (bool warning, negative fd ValueError). */
static int fileno_arg(PyObject *arg, int *fd)
{
    *fd = PyObject_AsFileDescriptor(arg);
    return *fd >= 0;
}

static PyObject *sync_fd(PyObject *arg, int (*func)(int))
{
    int fd;
    if (!fileno_arg(arg, &fd)) {
        return NULL;
    }
    int res, async_err = 0;
    POSIX_CALL(res, func(fd), async_err);
    if (res < 0) {
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *posix_fsync(PyObject *Py_UNUSED(module), PyObject *arg)
{
    return sync_fd(arg, fsync);
}

static PyObject *posix_fdatasync(PyObject *Py_UNUSED(module), PyObject *arg)
{
    return sync_fd(arg, fdatasync);
}

static PyObject *posix_sync(PyObject *Py_UNUSED(module),
                            PyObject *Py_UNUSED(ignored))
{
    Py_BEGIN_ALLOW_THREADS
    sync();
    POSIX_END_ALLOW_THREADS
    Py_RETURN_NONE;
}

/* ---- directories ------------------------------------------------------ */

/* A DIR stream for path: opendir for a name, fdopendir on a duplicate
   for a descriptor (so closing the stream leaves the caller's fd). */
static DIR *open_dir(path_t *path, const char *name)
{
    DIR *dir;
    Py_BEGIN_ALLOW_THREADS
    if (name != NULL) {
        dir = opendir(name);
    }
    else {
        int fd = dup(path->fd);
        dir = fd < 0 ? NULL : fdopendir(fd);
        if (dir == NULL && fd >= 0) {
            int saved = errno;
            close(fd);
            errno = saved;
        }
        if (dir != NULL) {
            rewinddir(dir);
        }
    }
    POSIX_END_ALLOW_THREADS
    return dir;
}

static int is_dot_or_dotdot(const char *name)
{
    return name[0] == '.'
           && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'));
}

static PyObject *posix_listdir(PyObject *Py_UNUSED(module), PyObject *args,
                               PyObject *kwargs)
{
    KW("path");
    path_t path = PATH_T_INIT("listdir", "path", 1, 1);
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|O&:listdir", keywords,
                                     _PyPosix_PathConverter, &path)) {
        return NULL;
    }
    const char *name = path.path;
    if (name == NULL && path.fd < 0) {
        name = ".";
    }
    PyObject *list = NULL;
    DIR *dir = open_dir(&path, name);
    if (dir == NULL) {
        if (path.object == NULL) {
            PyErr_SetFromErrnoWithFilename(PyExc_OSError, ".");
        }
        else {
            path_or_fd_error(&path);
        }
        goto done;
    }
    list = PyList_New(0);
    while (list != NULL) {
        struct dirent *ent;
        errno = 0;
        Py_BEGIN_ALLOW_THREADS
        ent = readdir(dir);
        POSIX_END_ALLOW_THREADS
        if (ent == NULL) {
            if (errno != 0) {
                Py_CLEAR(list);
                _PyPosix_PathError(&path);
            }
            break;
        }
        if (is_dot_or_dotdot(ent->d_name)) {
            continue;
        }
        PyObject *item = _PyPosix_NameFromPath(&path, ent->d_name,
                                               (Py_ssize_t)strlen(ent->d_name));
        if (item == NULL || PyList_Append(list, item) < 0) {
            Py_XDECREF(item);
            Py_CLEAR(list);
            break;
        }
        Py_DECREF(item);
    }
    Py_BEGIN_ALLOW_THREADS
    closedir(dir);
    POSIX_END_ALLOW_THREADS
done:
    _PyPosix_PathCleanup(&path);
    return list;
}

/* ---- scandir and DirEntry ----------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *name;          /* str or bytes, as the scandir argument */
    PyObject *path;          /* the directory path joined with name */
    PyObject *stat;          /* cached stat(follow_symlinks=True) or NULL */
    PyObject *lstat;         /* cached lstat or NULL */
    unsigned char d_type;    /* DT_UNKNOWN when the file system did not say */
    ino_t d_ino;
    int dir_fd;              /* scandir(fd): names are relative to it; else -1 */
} DirEntry;

typedef struct {
    PyObject_HEAD
    DIR *dir;                /* NULL once closed or exhausted */
    path_t path;             /* the argument (owned references) */
    int fd;                  /* scandir(fd): the caller's descriptor */
} ScandirIterator;

static PyTypeObject DirEntryType;
static PyTypeObject ScandirIteratorType;

static void direntry_dealloc(PyObject *op)
{
    DirEntry *self = (DirEntry *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(self->name);
    Py_XDECREF(self->path);
    Py_XDECREF(self->stat);
    Py_XDECREF(self->lstat);
    PyObject_GC_Del(op);
}

static int direntry_traverse(PyObject *op, visitproc visit, void *arg)
{
    DirEntry *self = (DirEntry *)op;
    Py_VISIT(self->stat);
    Py_VISIT(self->lstat);
    return 0;
}

/* stat or lstat of the entry, uncached. */
static PyObject *direntry_fetch_stat(DirEntry *self, int follow)
{
    path_t path = PATH_T_INIT("stat", "path", 0, 0);
    PyObject *target = self->dir_fd >= 0 ? self->name : self->path;
    if (!_PyPosix_PathConverter(target, &path)) {
        return NULL;
    }
    int dir_fd = self->dir_fd >= 0 ? self->dir_fd : AT_FDCWD;
    PyObject *result = do_stat(&path, dir_fd, follow);
    _PyPosix_PathCleanup(&path);
    return result;
}

static int direntry_is_symlink_raw(DirEntry *self)
{
    return self->d_type == DT_LNK;
}

/* The cached lstat, fetched on first use.  A new reference.  Racing
   threads may both fetch; the first to publish wins. */
static PyObject *direntry_get_lstat(DirEntry *self)
{
    PyObject *cached;
    Py_BEGIN_CRITICAL_SECTION(self);
    cached = Py_XNewRef(self->lstat);
    Py_END_CRITICAL_SECTION();
    if (cached != NULL) {
        return cached;
    }
    PyObject *st = direntry_fetch_stat(self, 0);
    if (st == NULL) {
        return NULL;
    }
    Py_BEGIN_CRITICAL_SECTION(self);
    if (self->lstat == NULL) {
        self->lstat = Py_NewRef(st);
    }
    Py_END_CRITICAL_SECTION();
    return st;
}

static PyObject *direntry_get_stat(DirEntry *self, int follow)
{
    if (!follow) {
        return direntry_get_lstat(self);
    }
    PyObject *cached;
    Py_BEGIN_CRITICAL_SECTION(self);
    cached = Py_XNewRef(self->stat);
    Py_END_CRITICAL_SECTION();
    if (cached != NULL) {
        return cached;
    }
    PyObject *st;
    if (self->d_type != DT_UNKNOWN && !direntry_is_symlink_raw(self)) {
        st = direntry_get_lstat(self);
    }
    else {
        st = direntry_fetch_stat(self, 1);
    }
    if (st == NULL) {
        return NULL;
    }
    Py_BEGIN_CRITICAL_SECTION(self);
    if (self->stat == NULL) {
        self->stat = Py_NewRef(st);
    }
    Py_END_CRITICAL_SECTION();
    return st;
}

static int follow_symlinks_kwonly(PyObject *args, PyObject *kwargs,
                                  const char *format, int *follow)
{
    KW("follow_symlinks");
    *follow = 1;
    return PyArg_ParseTupleAndKeywords(args, kwargs, format, keywords, follow);
}

static PyObject *direntry_stat(PyObject *op, PyObject *args, PyObject *kwargs)
{
    int follow;
    if (!follow_symlinks_kwonly(args, kwargs, "|$p:stat", &follow)) {
        return NULL;
    }
    return direntry_get_stat((DirEntry *)op, follow);
}

/* Is the entry of type mode_bits (S_IFDIR or S_IFREG)?  Uses d_type when
   it answers, else stats; a missing file is simply "no". */
static int direntry_test_mode(DirEntry *self, int follow, unsigned mode_bits)
{
    int need_stat = self->d_type == DT_UNKNOWN
                    || (follow && direntry_is_symlink_raw(self));
    if (!need_stat) {
        unsigned char want = mode_bits == S_IFDIR ? DT_DIR : DT_REG;
        return self->d_type == want;
    }
    PyObject *st = direntry_get_stat(self, follow);
    if (st == NULL) {
        if (PyErr_ExceptionMatches(PyExc_FileNotFoundError)) {
            PyErr_Clear();
            return 0;
        }
        return -1;
    }
    long mode = PyLong_AsLong(PyStructSequence_GetItem(st, 0));
    Py_DECREF(st);
    if (mode == -1 && PyErr_Occurred()) {
        return -1;
    }
    return ((unsigned long)mode & S_IFMT) == mode_bits;
}

static PyObject *direntry_is_dir(PyObject *op, PyObject *args,
                                 PyObject *kwargs)
{
    int follow;
    if (!follow_symlinks_kwonly(args, kwargs, "|$p:is_dir", &follow)) {
        return NULL;
    }
    int r = direntry_test_mode((DirEntry *)op, follow, S_IFDIR);
    return r < 0 ? NULL : PyBool_FromLong(r);
}

static PyObject *direntry_is_file(PyObject *op, PyObject *args,
                                  PyObject *kwargs)
{
    int follow;
    if (!follow_symlinks_kwonly(args, kwargs, "|$p:is_file", &follow)) {
        return NULL;
    }
    int r = direntry_test_mode((DirEntry *)op, follow, S_IFREG);
    return r < 0 ? NULL : PyBool_FromLong(r);
}

static PyObject *direntry_is_symlink(PyObject *op,
                                     PyObject *Py_UNUSED(ignored))
{
    DirEntry *self = (DirEntry *)op;
    if (self->d_type != DT_UNKNOWN) {
        return PyBool_FromLong(direntry_is_symlink_raw(self));
    }
    PyObject *st = direntry_get_lstat(self);
    if (st == NULL) {
        if (PyErr_ExceptionMatches(PyExc_FileNotFoundError)) {
            PyErr_Clear();
            Py_RETURN_FALSE;
        }
        return NULL;
    }
    long mode = PyLong_AsLong(PyStructSequence_GetItem(st, 0));
    Py_DECREF(st);
    if (mode == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyBool_FromLong(S_ISLNK((mode_t)mode));
}

static PyObject *direntry_is_junction(PyObject *Py_UNUSED(op),
                                      PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_FALSE;
}

static PyObject *direntry_inode(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromUnsignedLongLong((unsigned long long)((DirEntry *)op)->d_ino);
}

static PyObject *direntry_fspath(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return Py_NewRef(((DirEntry *)op)->path);
}

static PyObject *direntry_repr(PyObject *op)
{
    return PyUnicode_FromFormat("<DirEntry %R>", ((DirEntry *)op)->name);
}

static PyObject *direntry_get_name(PyObject *op, void *Py_UNUSED(closure))
{
    return Py_NewRef(((DirEntry *)op)->name);
}

static PyObject *direntry_get_path(PyObject *op, void *Py_UNUSED(closure))
{
    return Py_NewRef(((DirEntry *)op)->path);
}

static PyGetSetDef direntry_getset[] = {
    {"name", direntry_get_name, NULL, "the entry's base filename, relative "
     "to scandir() \"path\" argument", NULL},
    {"path", direntry_get_path, NULL, "the entry's full path name; "
     "equivalent to os.path.join(scandir_path, entry.name)", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyObject *direntry_no_new(PyTypeObject *type, PyObject *Py_UNUSED(a),
                                 PyObject *Py_UNUSED(k))
{
    PyErr_Format(PyExc_TypeError, "cannot create '%.100s' instances",
                 type->tp_name);
    return NULL;
}

static PyMethodDef direntry_methods[] = {
    {"stat", (PyCFunction)(void (*)(void))direntry_stat,
     METH_VARARGS | METH_KEYWORDS,
     "Return stat_result object for the entry; cached per entry."},
    {"is_dir", (PyCFunction)(void (*)(void))direntry_is_dir,
     METH_VARARGS | METH_KEYWORDS,
     "Return True if the entry is a directory; cached per entry."},
    {"is_file", (PyCFunction)(void (*)(void))direntry_is_file,
     METH_VARARGS | METH_KEYWORDS,
     "Return True if the entry is a file; cached per entry."},
    {"is_symlink", direntry_is_symlink, METH_NOARGS,
     "Return True if the entry is a symbolic link; cached per entry."},
    {"is_junction", direntry_is_junction, METH_NOARGS,
     "Return True if the entry is a junction; cached per entry."},
    {"inode", direntry_inode, METH_NOARGS, "Return inode of the entry."},
    {"__fspath__", direntry_fspath, METH_NOARGS,
     "Returns the path for the entry."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject DirEntryType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "posix.DirEntry",
    .tp_basicsize = sizeof(DirEntry),
    .tp_dealloc = direntry_dealloc,
    .tp_repr = direntry_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = direntry_traverse,
    .tp_methods = direntry_methods,
    .tp_getset = direntry_getset,
    .tp_new = direntry_no_new,
    .tp_free = PyObject_GC_Del,
};

/* path joined with name, in the argument's type; just name for fds. */
static PyObject *join_entry_path(ScandirIterator *it, PyObject *name)
{
    if (it->fd >= 0) {
        return Py_NewRef(name);
    }
    if (it->path.object == NULL) {
        /* scandir() with no argument: entries are "./name" as in CPython. */
        return PyUnicode_FromFormat("./%U", name);
    }
    const char *base = it->path.path;
    size_t len = strlen(base);
    int need_sep = len > 0 && base[len - 1] != '/';
    const char *n = PyBytes_Check(name) ? PyBytes_AS_STRING(name) : NULL;
    if (it->path.is_bytes) {
        return PyBytes_FromFormat("%s%s%s", base, need_sep ? "/" : "", n);
    }
    return PyUnicode_FromFormat("%U%s%U", it->path.object,
                                need_sep ? "/" : "", name);
}

static PyObject *make_direntry(ScandirIterator *it, struct dirent *ent)
{
    DirEntry *entry = PyObject_GC_New(DirEntry, &DirEntryType);
    if (entry == NULL) {
        return NULL;
    }
    entry->stat = NULL;
    entry->lstat = NULL;
    entry->path = NULL;
    entry->d_type = ent->d_type;
    entry->d_ino = ent->d_ino;
    entry->dir_fd = it->fd;
    Py_ssize_t len = (Py_ssize_t)strlen(ent->d_name);
    entry->name = it->fd < 0 ? _PyPosix_NameFromPath(&it->path, ent->d_name, len)
                             : PyUnicode_DecodeFSDefaultAndSize(ent->d_name, len);
    if (entry->name != NULL) {
        entry->path = join_entry_path(it, entry->name);
    }
    PyObject_GC_Track(entry);
    if (entry->path == NULL) {
        Py_DECREF(entry);
        return NULL;
    }
    return (PyObject *)entry;
}

/* Inside the iterator's critical section. */
static void scandir_close_dir(ScandirIterator *it)
{
    if (it->dir != NULL) {
        closedir(it->dir);
        it->dir = NULL;
    }
}

static PyObject *scandir_next(PyObject *op)
{
    ScandirIterator *it = (ScandirIterator *)op;
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    while (it->dir != NULL) {
        errno = 0;
        struct dirent *ent = readdir(it->dir);
        if (ent == NULL) {
            if (errno != 0) {
                _PyPosix_PathError(&it->path);
            }
            scandir_close_dir(it);
            break;
        }
        if (!is_dot_or_dotdot(ent->d_name)) {
            result = make_direntry(it, ent);
            break;
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *scandir_close(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    Py_BEGIN_CRITICAL_SECTION(op);
    scandir_close_dir((ScandirIterator *)op);
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyObject *scandir_enter(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return Py_NewRef(op);
}

static PyObject *scandir_exit(PyObject *op, PyObject *Py_UNUSED(args))
{
    return scandir_close(op, NULL);
}

/* An iterator dropped while still open warns (ResourceWarning), then
   closes; the warning may run code, so the exception state is kept. */
static void scandir_finalize(PyObject *op)
{
    ScandirIterator *it = (ScandirIterator *)op;
    if (it->dir == NULL) {
        return;
    }
    PyObject *exc = PyErr_GetRaisedException();
    if (PyErr_ResourceWarning(op, 1, "unclosed scandir iterator %R", op) < 0) {
        PyErr_WriteUnraisable(op);
    }
    scandir_close_dir(it);
    PyErr_SetRaisedException(exc);
}

static void scandir_dealloc(PyObject *op)
{
    ScandirIterator *it = (ScandirIterator *)op;
    if (PyObject_CallFinalizerFromDealloc(op) < 0) {
        return;
    }
    scandir_close_dir(it);
    _PyPosix_PathCleanup(&it->path);
    PyObject_Free(op);
}

static PyObject *scandir_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyErr_Format(PyExc_TypeError, "cannot pickle '%.100s' object",
                 Py_TYPE(op)->tp_name);
    return NULL;
}

static PyMethodDef scandir_methods[] = {
    {"close", scandir_close, METH_NOARGS, NULL},
    {"__enter__", scandir_enter, METH_NOARGS, NULL},
    {"__exit__", scandir_exit, METH_VARARGS, NULL},
    {"__reduce__", scandir_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject ScandirIteratorType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "posix.ScandirIterator",
    .tp_basicsize = sizeof(ScandirIterator),
    .tp_dealloc = scandir_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = scandir_next,
    .tp_methods = scandir_methods,
    .tp_finalize = scandir_finalize,
    .tp_free = PyObject_Free,
};

static PyObject *posix_scandir(PyObject *Py_UNUSED(module), PyObject *args,
                               PyObject *kwargs)
{
    KW("path");
    ScandirIterator *it = PyObject_New(ScandirIterator, &ScandirIteratorType);
    if (it == NULL) {
        return NULL;
    }
    it->dir = NULL;
    it->fd = -1;
    path_t init = PATH_T_INIT("scandir", "path", 1, 1);
    it->path = init;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|O&:scandir", keywords,
                                     _PyPosix_PathConverter, &it->path)) {
        it->path = init;
        Py_DECREF(it);
        return NULL;
    }
    const char *name = it->path.path;
    if (name == NULL && it->path.fd >= 0) {
        it->fd = it->path.fd;
    }
    else if (name == NULL) {
        name = ".";
    }
    it->dir = open_dir(&it->path, name);
    if (it->dir == NULL) {
        if (it->path.object == NULL) {
            PyErr_SetFromErrnoWithFilename(PyExc_OSError, ".");
        }
        else {
            path_or_fd_error(&it->path);
        }
        Py_DECREF(it);
        return NULL;
    }
    return (PyObject *)it;
}

/* ---- creating, removing, renaming ------------------------------------- */

static PyObject *posix_mkdir(PyObject *Py_UNUSED(module), PyObject *args,
                             PyObject *kwargs)
{
    KW("path", "mode", "dir_fd");
    path_t path = PATH_T_INIT("mkdir", "path", 0, 0);
    int mode = 0777, dir_fd = AT_FDCWD;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&|i$O&:mkdir", keywords,
                                     _PyPosix_PathConverter, &path, &mode,
                                     _PyPosix_DirFdConverter, &dir_fd)) {
        return NULL;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = mkdirat(dir_fd, path.path, (mode_t)mode);
    POSIX_END_ALLOW_THREADS
    return path_call_result(res, 0, &path);
}

/* unlink, remove and rmdir: unlinkat with flags. */
static PyObject *unlink_common(PyObject *args, PyObject *kwargs,
                               const char *fname, int flags)
{
    KW("path", "dir_fd");
    path_t path = PATH_T_INIT(fname, "path", 0, 0);
    int dir_fd = AT_FDCWD;
    char format[32];
    snprintf(format, sizeof(format), "O&|$O&:%s", fname);
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, format, keywords,
                                     _PyPosix_PathConverter, &path,
                                     _PyPosix_DirFdConverter, &dir_fd)) {
        return NULL;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = unlinkat(dir_fd, path.path, flags);
    POSIX_END_ALLOW_THREADS
    return path_call_result(res, 0, &path);
}

static PyObject *posix_unlink(PyObject *Py_UNUSED(m), PyObject *a, PyObject *k)
{
    return unlink_common(a, k, "unlink", 0);
}

static PyObject *posix_remove(PyObject *Py_UNUSED(m), PyObject *a, PyObject *k)
{
    return unlink_common(a, k, "remove", 0);
}

static PyObject *posix_rmdir(PyObject *Py_UNUSED(m), PyObject *a, PyObject *k)
{
    return unlink_common(a, k, "rmdir", AT_REMOVEDIR);
}

static PyObject *rename_common(PyObject *args, PyObject *kwargs,
                               const char *fname)
{
    KW("src", "dst", "src_dir_fd", "dst_dir_fd");
    path_t src = PATH_T_INIT(fname, "src", 0, 0);
    path_t dst = PATH_T_INIT(fname, "dst", 0, 0);
    int src_dir_fd = AT_FDCWD, dst_dir_fd = AT_FDCWD;
    char format[40];
    snprintf(format, sizeof(format), "O&O&|$O&O&:%s", fname);
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, format, keywords,
                                     _PyPosix_PathConverter, &src,
                                     _PyPosix_PathConverter, &dst,
                                     _PyPosix_DirFdConverter, &src_dir_fd,
                                     _PyPosix_DirFdConverter, &dst_dir_fd)) {
        return NULL;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = renameat(src_dir_fd, src.path, dst_dir_fd, dst.path);
    POSIX_END_ALLOW_THREADS
    PyObject *result = res < 0 ? _PyPosix_PathError2(&src, &dst)
                               : Py_NewRef(Py_None);
    _PyPosix_PathCleanup(&src);
    _PyPosix_PathCleanup(&dst);
    return result;
}

static PyObject *posix_rename(PyObject *Py_UNUSED(m), PyObject *a, PyObject *k)
{
    return rename_common(a, k, "rename");
}

static PyObject *posix_replace(PyObject *Py_UNUSED(m), PyObject *a, PyObject *k)
{
    return rename_common(a, k, "replace");
}

static PyObject *posix_link(PyObject *Py_UNUSED(module), PyObject *args,
                            PyObject *kwargs)
{
    KW("src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks");
    path_t src = PATH_T_INIT("link", "src", 0, 0);
    path_t dst = PATH_T_INIT("link", "dst", 0, 0);
    int src_dir_fd = AT_FDCWD, dst_dir_fd = AT_FDCWD, follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&O&|$O&O&p:link",
                                     keywords, _PyPosix_PathConverter, &src,
                                     _PyPosix_PathConverter, &dst,
                                     _PyPosix_DirFdConverter, &src_dir_fd,
                                     _PyPosix_DirFdConverter, &dst_dir_fd,
                                     &follow)) {
        return NULL;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = linkat(src_dir_fd, src.path, dst_dir_fd, dst.path,
                 follow ? AT_SYMLINK_FOLLOW : 0);
    POSIX_END_ALLOW_THREADS
    PyObject *result = res < 0 ? _PyPosix_PathError2(&src, &dst)
                               : Py_NewRef(Py_None);
    _PyPosix_PathCleanup(&src);
    _PyPosix_PathCleanup(&dst);
    return result;
}

static PyObject *posix_symlink(PyObject *Py_UNUSED(module), PyObject *args,
                               PyObject *kwargs)
{
    KW("src", "dst", "target_is_directory", "dir_fd");
    path_t src = PATH_T_INIT("symlink", "src", 0, 0);
    path_t dst = PATH_T_INIT("symlink", "dst", 0, 0);
    int is_dir = 0, dir_fd = AT_FDCWD;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&O&|p$O&:symlink",
                                     keywords, _PyPosix_PathConverter, &src,
                                     _PyPosix_PathConverter, &dst, &is_dir,
                                     _PyPosix_DirFdConverter, &dir_fd)) {
        return NULL;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = symlinkat(src.path, dir_fd, dst.path);
    POSIX_END_ALLOW_THREADS
    PyObject *result = res < 0 ? _PyPosix_PathError2(&src, &dst)
                               : Py_NewRef(Py_None);
    _PyPosix_PathCleanup(&src);
    _PyPosix_PathCleanup(&dst);
    return result;
}

static PyObject *posix_readlink(PyObject *Py_UNUSED(module), PyObject *args,
                                PyObject *kwargs)
{
    KW("path", "dir_fd");
    path_t path = PATH_T_INIT("readlink", "path", 0, 0);
    int dir_fd = AT_FDCWD;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&|$O&:readlink",
                                     keywords, _PyPosix_PathConverter, &path,
                                     _PyPosix_DirFdConverter, &dir_fd)) {
        return NULL;
    }
    PyObject *result = NULL;
    size_t size = 256;
    for (;;) {
        char *buf = PyMem_Malloc(size);
        if (buf == NULL) {
            PyErr_NoMemory();
            break;
        }
        ssize_t n;
        Py_BEGIN_ALLOW_THREADS
        n = readlinkat(dir_fd, path.path, buf, size);
        POSIX_END_ALLOW_THREADS
        if (n < 0) {
            _PyPosix_PathError(&path);
        }
        else if ((size_t)n < size) {
            result = _PyPosix_NameFromPath(&path, buf, n);
        }
        PyMem_Free(buf);
        if (n < 0 || (size_t)n < size) {
            break;
        }
        size *= 2;
    }
    _PyPosix_PathCleanup(&path);
    return result;
}

static PyObject *posix_mkfifo(PyObject *Py_UNUSED(module), PyObject *args,
                              PyObject *kwargs)
{
    KW("path", "mode", "dir_fd");
    path_t path = PATH_T_INIT("mkfifo", "path", 0, 0);
    int mode = 0666, dir_fd = AT_FDCWD;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&|i$O&:mkfifo", keywords,
                                     _PyPosix_PathConverter, &path, &mode,
                                     _PyPosix_DirFdConverter, &dir_fd)) {
        return NULL;
    }
    int res, async_err = 0;
    POSIX_CALL(res, mkfifoat(dir_fd, path.path, (mode_t)mode), async_err);
    return path_call_result(res, async_err, &path);
}

/* ---- changing the working directory and attributes -------------------- */

static PyObject *posix_chdir(PyObject *Py_UNUSED(module), PyObject *args,
                             PyObject *kwargs)
{
    KW("path");
    path_t path = PATH_T_INIT("chdir", "path", 0, 1);
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&:chdir", keywords,
                                     _PyPosix_PathConverter, &path)) {
        return NULL;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = path.path != NULL ? chdir(path.path) : fchdir(path.fd);
    POSIX_END_ALLOW_THREADS
    return path_call_result(res, 0, &path);
}

static PyObject *posix_fchdir(PyObject *Py_UNUSED(module), PyObject *arg)
{
    int fd;
    if (!fileno_arg(arg, &fd)) {
        return NULL;
    }
    int res, async_err = 0;
    POSIX_CALL(res, fchdir(fd), async_err);
    if (res < 0) {
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *posix_chmod(PyObject *Py_UNUSED(module), PyObject *args,
                             PyObject *kwargs)
{
    KW("path", "mode", "dir_fd", "follow_symlinks");
    path_t path = PATH_T_INIT("chmod", "path", 0, 1);
    int mode, dir_fd = AT_FDCWD, follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&i|$O&p:chmod", keywords,
                                     _PyPosix_PathConverter, &path, &mode,
                                     _PyPosix_DirFdConverter, &dir_fd,
                                     &follow)) {
        return NULL;
    }
    PyObject *result = NULL;
    if (check_fd_with_options(&path, dir_fd,
                              FD_CHECK_DIR_FD_AND_FD) < 0) {
        goto done;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    if (path.path == NULL) {
        res = fchmod(path.fd, (mode_t)mode);
    }
    else {
        res = fchmodat(dir_fd, path.path, (mode_t)mode,
                       follow ? 0 : AT_SYMLINK_NOFOLLOW);
    }
    POSIX_END_ALLOW_THREADS
    if (res < 0 && !follow && errno == ENOTSUP) {
        PyErr_SetString(PyExc_NotImplementedError,
                        "chmod: follow_symlinks unavailable on this platform");
        goto done;
    }
    result = res < 0 ? _PyPosix_PathError(&path) : Py_NewRef(Py_None);
done:
    _PyPosix_PathCleanup(&path);
    return result;
}

static PyObject *posix_fchmod(PyObject *Py_UNUSED(module), PyObject *args,
                              PyObject *kwargs)
{
    KW("fd", "mode");
    int fd, mode;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "ii:fchmod", keywords,
                                     &fd, &mode)) {
        return NULL;
    }
    int res, async_err = 0;
    POSIX_CALL(res, fchmod(fd, (mode_t)mode), async_err);
    if (res < 0) {
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

/* uid/gid argument: an int, -1 meaning "unchanged". */
static int id_converter(PyObject *o, void *p)
{
    long long v = PyLong_AsLongLong(o);
    if (v == -1 && PyErr_Occurred()) {
        return 0;
    }
    if (v < -1 || v > 0xFFFFFFFFLL) {
        PyErr_SetString(PyExc_OverflowError, "uid/gid out of range");
        return 0;
    }
    *(unsigned int *)p = (unsigned int)v;
    return 1;
}

static PyObject *chown_common(PyObject *args, PyObject *kwargs,
                              const char *fname, int force_nofollow)
{
    KW("path", "uid", "gid", "dir_fd", "follow_symlinks");
    path_t path = PATH_T_INIT(fname, "path", 0, !force_nofollow);
    unsigned int uid, gid;
    int dir_fd = AT_FDCWD, follow = 1;
    char format[40];
    snprintf(format, sizeof(format), "O&O&O&|$O&p:%s", fname);
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, format, keywords,
                                     _PyPosix_PathConverter, &path,
                                     id_converter, &uid, id_converter, &gid,
                                     _PyPosix_DirFdConverter, &dir_fd,
                                     &follow)) {
        return NULL;
    }
    if (force_nofollow) {
        follow = 0;
    }
    PyObject *result = NULL;
    if (!force_nofollow
        && check_fd_with_options(&path, dir_fd,
                                 FD_CHECK_DIR_FD_AND_FD) < 0) {
        goto done;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    if (path.path == NULL) {
        res = fchown(path.fd, (uid_t)uid, (gid_t)gid);
    }
    else {
        res = fchownat(dir_fd, path.path, (uid_t)uid, (gid_t)gid,
                       follow ? 0 : AT_SYMLINK_NOFOLLOW);
    }
    POSIX_END_ALLOW_THREADS
    result = res < 0 ? _PyPosix_PathError(&path) : Py_NewRef(Py_None);
done:
    _PyPosix_PathCleanup(&path);
    return result;
}

static PyObject *posix_chown(PyObject *Py_UNUSED(m), PyObject *a, PyObject *k)
{
    return chown_common(a, k, "chown", 0);
}

static PyObject *posix_lchown(PyObject *Py_UNUSED(m), PyObject *a, PyObject *k)
{
    return chown_common(a, k, "lchown", 1);
}

static PyObject *posix_fchown(PyObject *Py_UNUSED(module), PyObject *args,
                              PyObject *kwargs)
{
    KW("fd", "uid", "gid");
    int fd;
    unsigned int uid, gid;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "iO&O&:fchown", keywords,
                                     &fd, id_converter, &uid,
                                     id_converter, &gid)) {
        return NULL;
    }
    int res, async_err = 0;
    POSIX_CALL(res, fchown(fd, (uid_t)uid, (gid_t)gid), async_err);
    if (res < 0) {
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static int ns_to_timespec(PyObject *obj, struct timespec *ts)
{
    PyObject *billion = PyLong_FromLong(1000000000L);
    if (billion == NULL) {
        return -1;
    }
    PyObject *qr = PyNumber_Divmod(obj, billion);
    Py_DECREF(billion);
    if (qr == NULL) {
        return -1;
    }
    long long sec = PyLong_AsLongLong(PyTuple_GET_ITEM(qr, 0));
    long nsec = PyLong_AsLong(PyTuple_GET_ITEM(qr, 1));
    Py_DECREF(qr);
    if (PyErr_Occurred()) {
        return -1;
    }
    ts->tv_sec = (time_t)sec;
    ts->tv_nsec = nsec;
    return 0;
}

/* times=(atime, mtime) in seconds, or ns=(atime_ns, mtime_ns); neither
   means "now". */
static int utime_times(PyObject *times, PyObject *ns, struct timespec ts[2],
                       int *now)
{
    *now = 0;
    if (times != NULL && times != Py_None && ns != NULL) {
        PyErr_SetString(PyExc_ValueError,
                        "utime: you may specify either 'times' or 'ns' but not both");
        return -1;
    }
    if (times != NULL && times != Py_None) {
        if (!PyTuple_CheckExact(times) || PyTuple_GET_SIZE(times) != 2) {
            PyErr_SetString(PyExc_TypeError,
                            "utime: 'times' must be either a tuple of two ints or None");
            return -1;
        }
        if (_PyPosix_ObjectToTimespec(PyTuple_GET_ITEM(times, 0), &ts[0]) < 0
            || _PyPosix_ObjectToTimespec(PyTuple_GET_ITEM(times, 1), &ts[1]) < 0) {
            return -1;
        }
        return 0;
    }
    if (ns != NULL) {
        if (!PyTuple_CheckExact(ns) || PyTuple_GET_SIZE(ns) != 2) {
            PyErr_SetString(PyExc_TypeError,
                            "utime: 'ns' must be a tuple of two ints");
            return -1;
        }
        if (ns_to_timespec(PyTuple_GET_ITEM(ns, 0), &ts[0]) < 0
            || ns_to_timespec(PyTuple_GET_ITEM(ns, 1), &ts[1]) < 0) {
            return -1;
        }
        return 0;
    }
    *now = 1;
    return 0;
}

static PyObject *posix_utime(PyObject *Py_UNUSED(module), PyObject *args,
                             PyObject *kwargs)
{
    KW("path", "times", "ns", "dir_fd", "follow_symlinks");
    path_t path = PATH_T_INIT("utime", "path", 0, 1);
    PyObject *times = NULL, *ns = NULL;
    int dir_fd = AT_FDCWD, follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&|O$OO&p:utime",
                                     keywords, _PyPosix_PathConverter, &path,
                                     &times, &ns, _PyPosix_DirFdConverter,
                                     &dir_fd, &follow)) {
        return NULL;
    }
    PyObject *result = NULL;
    struct timespec ts[2];
    int now;
    if (utime_times(times, ns, ts, &now) < 0
        || check_fd_with_options(&path, dir_fd,
                                 FD_CHECK_DIR_FD_NEEDS_PATH) < 0) {
        goto done;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    if (path.path == NULL && !follow) {
        /* A descriptor has no link to not follow: the kernel's answer
           (and CPython's) is EINVAL. */
        res = -1;
        errno = EINVAL;
    }
    else if (path.path == NULL) {
        res = futimens(path.fd, now ? NULL : ts);
    }
    else {
        res = utimensat(dir_fd, path.path, now ? NULL : ts,
                        follow ? 0 : AT_SYMLINK_NOFOLLOW);
    }
    POSIX_END_ALLOW_THREADS
    result = res < 0 ? path_or_fd_error(&path) : Py_NewRef(Py_None);
done:
    _PyPosix_PathCleanup(&path);
    return result;
}

static PyObject *posix_access(PyObject *Py_UNUSED(module), PyObject *args,
                              PyObject *kwargs)
{
    KW("path", "mode", "dir_fd", "effective_ids", "follow_symlinks");
    path_t path = PATH_T_INIT("access", "path", 0, 0);
    int mode, dir_fd = AT_FDCWD, effective = 0, follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&i|$O&pp:access",
                                     keywords, _PyPosix_PathConverter, &path,
                                     &mode, _PyPosix_DirFdConverter, &dir_fd,
                                     &effective, &follow)) {
        return NULL;
    }
    int flags = (effective ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = faccessat(dir_fd, path.path, mode, flags);
    POSIX_END_ALLOW_THREADS
    _PyPosix_PathCleanup(&path);
    return PyBool_FromLong(res == 0);
}

/* ---- devices, locks, space, vectored and kernel-side copies -------------- */

/* Linux has no NODEV macro; (dev_t)-1 is its "no device" value, which
   Python spells -1. */
#ifndef NODEV
#define NODEV ((dev_t)-1)
#endif

/* O& converter for a dev_t argument: -1 (NODEV) or a non-negative int that
   fits; anything else raises OverflowError, a non-int TypeError. */
static int dev_converter(PyObject *obj, void *out)
{
    if (PyLong_Check(obj) && _PyLong_Sign(obj) < 0) {
        int overflow;
        long long v = PyLong_AsLongLongAndOverflow(obj, &overflow);
        if (v == -1 && PyErr_Occurred()) {
            return 0;
        }
        if (!overflow && v == -1) {
            *(dev_t *)out = NODEV;
            return 1;
        }
    }
    unsigned long long v = PyLong_AsUnsignedLongLong(obj);
    if (v == (unsigned long long)-1 && PyErr_Occurred()) {
        return 0;
    }
    if ((unsigned long long)(dev_t)v != v) {
        PyErr_SetString(PyExc_OverflowError,
                        "Python int too large to convert to C dev_t");
        return 0;
    }
    *(dev_t *)out = (dev_t)v;
    return 1;
}

/* A major or minor number as an int; NODEV's part stays -1. */
static PyObject *dev_part(unsigned int value)
{
    if (value == (unsigned int)NODEV) {
        return PyLong_FromLong(-1);
    }
    return PyLong_FromUnsignedLong(value);
}

/* A major or minor number for makedev() fits an unsigned int (or is NODEV). */
static int dev_part_ok(dev_t value)
{
    return value == NODEV || (dev_t)(unsigned int)value == value;
}

static PyObject *posix_major(PyObject *Py_UNUSED(m), PyObject *arg)
{
    dev_t dev;
    if (!dev_converter(arg, &dev)) {
        return NULL;
    }
    return dev_part(major(dev));
}

static PyObject *posix_minor(PyObject *Py_UNUSED(m), PyObject *arg)
{
    dev_t dev;
    if (!dev_converter(arg, &dev)) {
        return NULL;
    }
    return dev_part(minor(dev));
}

static PyObject *posix_makedev(PyObject *Py_UNUSED(m), PyObject *args)
{
    dev_t maj, min;
    if (!PyArg_ParseTuple(args, "O&O&:makedev", dev_converter, &maj,
                          dev_converter, &min)) {
        return NULL;
    }
    if (!dev_part_ok(maj) || !dev_part_ok(min)) {
        PyErr_SetString(PyExc_OverflowError,
                        "Python int too large to convert to C unsigned int");
        return NULL;
    }
    dev_t dev = makedev(maj, min);
    if (dev == NODEV) {
        return PyLong_FromLong(-1);
    }
    return PyLong_FromUnsignedLongLong((unsigned long long)dev);
}

static PyObject *posix_mknod(PyObject *Py_UNUSED(module), PyObject *args,
                             PyObject *kwargs)
{
    KW("path", "mode", "device", "dir_fd");
    path_t path = PATH_T_INIT("mknod", "path", 0, 0);
    int mode = 0600, dir_fd = AT_FDCWD;
    dev_t device = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&|iO&$O&:mknod", keywords,
                                     _PyPosix_PathConverter, &path, &mode,
                                     dev_converter, &device,
                                     _PyPosix_DirFdConverter,
                                     &dir_fd)) {
        return NULL;
    }
    int res, async_err = 0;
    POSIX_CALL(res, mknodat(dir_fd, path.path, (mode_t)mode, device),
               async_err);
    return path_call_result(res, async_err, &path);
}

static PyObject *posix_chroot(PyObject *Py_UNUSED(module), PyObject *args,
                              PyObject *kwargs)
{
    KW("path");
    path_t path = PATH_T_INIT("chroot", "path", 0, 0);
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&:chroot", keywords,
                                     _PyPosix_PathConverter, &path)) {
        return NULL;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = chroot(path.path);
    POSIX_END_ALLOW_THREADS
    return path_call_result(res, 0, &path);
}

static PyObject *posix_lockf(PyObject *Py_UNUSED(m), PyObject *args)
{
    int fd, command;
    long long length;
    if (!PyArg_ParseTuple(args, "iiL:lockf", &fd, &command, &length)) {
        return NULL;
    }
    int res, async_err = 0;
    POSIX_CALL(res, lockf(fd, command, (off_t)length), async_err);
    if (res < 0) {
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

/* posix_fallocate and posix_fadvise return the error instead of setting
   errno. */
static PyObject *returned_error(int err)
{
    if (err == 0) {
        Py_RETURN_NONE;
    }
    errno = err;
    return PyErr_SetFromErrno(PyExc_OSError);
}

static PyObject *posix_posix_fallocate(PyObject *Py_UNUSED(m), PyObject *args)
{
    int fd;
    long long offset, length;
    if (!PyArg_ParseTuple(args, "iLL:posix_fallocate", &fd, &offset, &length)) {
        return NULL;
    }
    int err;
    do {
        Py_BEGIN_ALLOW_THREADS
        err = posix_fallocate(fd, (off_t)offset, (off_t)length);
        POSIX_END_ALLOW_THREADS
    } while (err == EINTR && PyErr_CheckSignals() == 0);
    if (err == EINTR) {
        return NULL;
    }
    return returned_error(err);
}

static PyObject *posix_posix_fadvise(PyObject *Py_UNUSED(m), PyObject *args)
{
    int fd, advice;
    long long offset, length;
    if (!PyArg_ParseTuple(args, "iLLi:posix_fadvise", &fd, &offset, &length,
                          &advice)) {
        return NULL;
    }
    int err;
    Py_BEGIN_ALLOW_THREADS
    err = posix_fadvise(fd, (off_t)offset, (off_t)length, advice);
    POSIX_END_ALLOW_THREADS
    return returned_error(err);
}

/* The buffers of a sequence as iovecs; views are released by the
   caller with release_iovec. */
static int make_iovec(PyObject *seq, struct iovec **iov, Py_buffer **views,
                      Py_ssize_t *count, int writable)
{
    if (!PySequence_Check(seq)) {
        PyErr_SetString(PyExc_TypeError, "buffers must be a sequence");
        return -1;
    }
    Py_ssize_t n = PySequence_Size(seq);
    if (n < 0) {
        return -1;
    }
    *iov = PyMem_Calloc((size_t)n + 1, sizeof(struct iovec));
    *views = PyMem_Calloc((size_t)n + 1, sizeof(Py_buffer));
    *count = 0;
    if (*iov == NULL || *views == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PySequence_GetItem(seq, i);
        if (item == NULL) {
            return -1;
        }
        int rc = PyObject_GetBuffer(item, &(*views)[i],
                                    writable ? PyBUF_WRITABLE : PyBUF_SIMPLE);
        Py_DECREF(item);
        if (rc < 0) {
            return -1;
        }
        (*count)++;
        (*iov)[i].iov_base = (*views)[i].buf;
        (*iov)[i].iov_len = (size_t)(*views)[i].len;
    }
    return 0;
}

static void release_iovec(struct iovec *iov, Py_buffer *views, Py_ssize_t count)
{
    for (Py_ssize_t i = 0; i < count; i++) {
        PyBuffer_Release(&views[i]);
    }
    PyMem_Free(iov);
    PyMem_Free(views);
}

static PyObject *vectored_io(PyObject *args, const char *format, int writing)
{
    int fd;
    PyObject *buffers;
    if (!PyArg_ParseTuple(args, format, &fd, &buffers)) {
        return NULL;
    }
    struct iovec *iov = NULL;
    Py_buffer *views = NULL;
    Py_ssize_t count = 0;
    if (make_iovec(buffers, &iov, &views, &count, !writing) < 0) {
        release_iovec(iov, views, count);
        return NULL;
    }
    ssize_t n;
    int async_err = 0;
    if (writing) {
        POSIX_CALL(n, writev(fd, iov, (int)count), async_err);
    }
    else {
        POSIX_CALL(n, readv(fd, iov, (int)count), async_err);
    }
    release_iovec(iov, views, count);
    if (n < 0) {
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromSsize_t(n);
}

static PyObject *posix_readv(PyObject *Py_UNUSED(m), PyObject *args)
{
    return vectored_io(args, "iO:readv", 0);
}

static PyObject *posix_writev(PyObject *Py_UNUSED(m), PyObject *args)
{
    return vectored_io(args, "iO:writev", 1);
}

static PyObject *posix_readinto(PyObject *Py_UNUSED(m), PyObject *args)
{
    int fd;
    Py_buffer buffer;
    if (!PyArg_ParseTuple(args, "iw*:readinto", &fd, &buffer)) {
        return NULL;
    }
    ssize_t n;
    int async_err = 0;
    POSIX_CALL(n, read(fd, buffer.buf, (size_t)buffer.len), async_err);
    PyBuffer_Release(&buffer);
    if (n < 0) {
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromSsize_t(n);
}

static PyObject *posix_sendfile(PyObject *Py_UNUSED(m), PyObject *args,
                                PyObject *kwargs)
{
    KW("out_fd", "in_fd", "offset", "count");
    int out_fd, in_fd;
    PyObject *offset_obj;
    Py_ssize_t count;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "iiOn:sendfile", keywords,
                                     &out_fd, &in_fd, &offset_obj, &count)) {
        return NULL;
    }
    off_t offset = 0;
    off_t *offp = NULL;
    if (offset_obj != Py_None) {
        long long v = PyLong_AsLongLong(offset_obj);
        if (v == -1 && PyErr_Occurred()) {
            return NULL;
        }
        offset = (off_t)v;
        offp = &offset;
    }
    ssize_t n;
    int async_err = 0;
    POSIX_CALL(n, sendfile(out_fd, in_fd, offp, (size_t)count), async_err);
    if (n < 0) {
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromSsize_t(n);
}

static PyObject *posix_copy_file_range(PyObject *Py_UNUSED(m), PyObject *args,
                                       PyObject *kwargs)
{
    KW("src", "dst", "count", "offset_src", "offset_dst");
    int src, dst;
    Py_ssize_t count;
    PyObject *off_src_obj = Py_None, *off_dst_obj = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "iin|OO:copy_file_range",
                                     keywords, &src, &dst, &count,
                                     &off_src_obj, &off_dst_obj)) {
        return NULL;
    }
    if (count < 0) {
        PyErr_SetString(PyExc_ValueError, "count cannot be negative");
        return NULL;
    }
    loff_t off_src = 0, off_dst = 0;
    loff_t *p_src = NULL, *p_dst = NULL;
    if (off_src_obj != Py_None) {
        off_src = PyLong_AsLongLong(off_src_obj);
        if (off_src == -1 && PyErr_Occurred()) {
            return NULL;
        }
        p_src = &off_src;
    }
    if (off_dst_obj != Py_None) {
        off_dst = PyLong_AsLongLong(off_dst_obj);
        if (off_dst == -1 && PyErr_Occurred()) {
            return NULL;
        }
        p_dst = &off_dst;
    }
    ssize_t n;
    int async_err = 0;
    POSIX_CALL(n, copy_file_range(src, p_src, dst, p_dst, (size_t)count, 0),
               async_err);
    if (n < 0) {
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromSsize_t(n);
}

static PyObject *posix_memfd_create(PyObject *Py_UNUSED(m), PyObject *args,
                                    PyObject *kwargs)
{
    KW("name", "flags");
    PyObject *name = NULL;
    unsigned int flags = MFD_CLOEXEC;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&|I:memfd_create",
                                     keywords, PyUnicode_FSConverter, &name,
                                     &flags)) {
        return NULL;
    }
    int fd;
    Py_BEGIN_ALLOW_THREADS
    fd = memfd_create(PyBytes_AS_STRING(name), flags);
    POSIX_END_ALLOW_THREADS
    Py_DECREF(name);
    if (fd < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLong(fd);
}

/* ---- timerfd ------------------------------------------------------------- */

static PyObject *posix_timerfd_create(PyObject *Py_UNUSED(m), PyObject *args,
                                      PyObject *kwargs)
{
    KW("", "flags");
    int clockid, flags = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "i|$i:timerfd_create",
                                     keywords, &clockid, &flags)) {
        return NULL;
    }
    int fd;
    /* PEP 446: the descriptor is always created non-inheritable. */
    flags |= TFD_CLOEXEC;
    Py_BEGIN_ALLOW_THREADS
    fd = timerfd_create(clockid, flags);
    POSIX_END_ALLOW_THREADS
    if (fd < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLong(fd);
}

/* Seconds as a float to a timespec, rounded down to the nanosecond.  A
   negative value gives a negative tv_sec (tv_nsec stays in [0, 1e9)), which
   the kernel rejects with EINVAL, as in CPython. */
static int seconds_to_timespec(double seconds, struct timespec *ts)
{
    if (isnan(seconds)) {
        PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
        return -1;
    }
    double whole = floor(seconds);
    if (!(whole >= -9.2e18 && whole <= 9.2e18)) {
        PyErr_SetString(PyExc_OverflowError,
                        "timestamp out of range for platform time_t");
        return -1;
    }
    ts->tv_sec = (time_t)whole;
    ts->tv_nsec = (long)floor((seconds - whole) * 1e9);
    if (ts->tv_nsec >= 1000000000L) {
        ts->tv_sec++;
        ts->tv_nsec -= 1000000000L;
    }
    return 0;
}

/* Nanoseconds to a timespec, rounding down (negative values as above). */
static void nanoseconds_to_timespec(long long ns, struct timespec *ts)
{
    long long sec = ns / 1000000000LL, nsec = ns % 1000000000LL;
    if (nsec < 0) {
        sec--;
        nsec += 1000000000LL;
    }
    ts->tv_sec = (time_t)sec;
    ts->tv_nsec = (long)nsec;
}

/* (next expiration, interval) of a timer, in seconds or nanoseconds. */
static PyObject *itimerspec_to_tuple(const struct itimerspec *spec, int in_ns)
{
    if (in_ns) {
        return Py_BuildValue(
            "(LL)",
            (long long)spec->it_value.tv_sec * 1000000000LL + spec->it_value.tv_nsec,
            (long long)spec->it_interval.tv_sec * 1000000000LL + spec->it_interval.tv_nsec);
    }
    return Py_BuildValue(
        "(dd)",
        (double)spec->it_value.tv_sec + spec->it_value.tv_nsec * 1e-9,
        (double)spec->it_interval.tv_sec + spec->it_interval.tv_nsec * 1e-9);
}

static PyObject *timerfd_settime_common(int fd, int flags,
                                        const struct itimerspec *new_value,
                                        int in_ns)
{
    struct itimerspec old_value;
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = timerfd_settime(fd, flags, new_value, &old_value);
    POSIX_END_ALLOW_THREADS
    if (res < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return itimerspec_to_tuple(&old_value, in_ns);
}

static PyObject *posix_timerfd_settime(PyObject *Py_UNUSED(m), PyObject *args,
                                       PyObject *kwargs)
{
    KW("", "flags", "initial", "interval");
    int fd, flags = 0;
    double initial = 0.0, interval = 0.0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "i|$idd:timerfd_settime",
                                     keywords, &fd, &flags, &initial,
                                     &interval)) {
        return NULL;
    }
    struct itimerspec new_value;
    if (seconds_to_timespec(initial, &new_value.it_value) < 0
        || seconds_to_timespec(interval, &new_value.it_interval) < 0) {
        return NULL;
    }
    return timerfd_settime_common(fd, flags, &new_value, 0);
}

static PyObject *posix_timerfd_settime_ns(PyObject *Py_UNUSED(m),
                                          PyObject *args, PyObject *kwargs)
{
    KW("", "flags", "initial", "interval");
    int fd, flags = 0;
    long long initial = 0, interval = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "i|$iLL:timerfd_settime_ns",
                                     keywords, &fd, &flags, &initial,
                                     &interval)) {
        return NULL;
    }
    struct itimerspec new_value;
    nanoseconds_to_timespec(initial, &new_value.it_value);
    nanoseconds_to_timespec(interval, &new_value.it_interval);
    return timerfd_settime_common(fd, flags, &new_value, 1);
}

static PyObject *timerfd_gettime_common(PyObject *arg, int in_ns)
{
    int fd = PyLong_AsInt(arg);
    if (fd == -1 && PyErr_Occurred()) {
        return NULL;
    }
    struct itimerspec value;
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = timerfd_gettime(fd, &value);
    POSIX_END_ALLOW_THREADS
    if (res < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return itimerspec_to_tuple(&value, in_ns);
}

static PyObject *posix_timerfd_gettime(PyObject *Py_UNUSED(m), PyObject *arg)
{
    return timerfd_gettime_common(arg, 0);
}

static PyObject *posix_timerfd_gettime_ns(PyObject *Py_UNUSED(m), PyObject *arg)
{
    return timerfd_gettime_common(arg, 1);
}

/* ---- eventfd, splice, positioned vectored I/O ---------------------------- */

static PyObject *posix_eventfd(PyObject *Py_UNUSED(m), PyObject *args,
                               PyObject *kwargs)
{
    KW("initval", "flags");
    unsigned int initval;
    int flags = EFD_CLOEXEC;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "I|i:eventfd", keywords,
                                     &initval, &flags)) {
        return NULL;
    }
    int fd;
    Py_BEGIN_ALLOW_THREADS
    fd = eventfd(initval, flags);
    POSIX_END_ALLOW_THREADS
    if (fd < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLong(fd);
}

static PyObject *posix_eventfd_read(PyObject *Py_UNUSED(m), PyObject *args,
                                    PyObject *kwargs)
{
    KW("fd");
    int fd;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "i:eventfd_read", keywords,
                                     &fd)) {
        return NULL;
    }
    eventfd_t value;
    int res, async_err = 0;
    POSIX_CALL(res, eventfd_read(fd, &value), async_err);
    if (res < 0) {
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromUnsignedLongLong((unsigned long long)value);
}

static PyObject *posix_eventfd_write(PyObject *Py_UNUSED(m), PyObject *args,
                                     PyObject *kwargs)
{
    KW("fd", "value");
    int fd;
    unsigned long long value;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "iK:eventfd_write",
                                     keywords, &fd, &value)) {
        return NULL;
    }
    int res, async_err = 0;
    POSIX_CALL(res, eventfd_write(fd, (eventfd_t)value), async_err);
    if (res < 0) {
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static int optional_offset(PyObject *obj, loff_t *value, loff_t **ptr)
{
    *ptr = NULL;
    if (obj == Py_None) {
        return 0;
    }
    long long v = PyLong_AsLongLong(obj);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    *value = (loff_t)v;
    *ptr = value;
    return 0;
}

static PyObject *posix_splice(PyObject *Py_UNUSED(m), PyObject *args,
                              PyObject *kwargs)
{
    KW("src", "dst", "count", "offset_src", "offset_dst", "flags");
    int src, dst;
    Py_ssize_t count;
    PyObject *off_src_obj = Py_None, *off_dst_obj = Py_None;
    unsigned int flags = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "iin|OOI:splice", keywords,
                                     &src, &dst, &count, &off_src_obj,
                                     &off_dst_obj, &flags)) {
        return NULL;
    }
    if (count < 0) {
        PyErr_SetString(PyExc_ValueError, "count cannot be negative");
        return NULL;
    }
    loff_t off_src, off_dst, *p_src, *p_dst;
    if (optional_offset(off_src_obj, &off_src, &p_src) < 0
        || optional_offset(off_dst_obj, &off_dst, &p_dst) < 0) {
        return NULL;
    }
    ssize_t n;
    int async_err = 0;
    POSIX_CALL(n, splice(src, p_src, dst, p_dst, (size_t)count, flags),
               async_err);
    if (n < 0) {
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromSsize_t(n);
}

static PyObject *positioned_vectored_io(PyObject *args, const char *format,
                                        int writing)
{
    int fd, flags = 0;
    PyObject *buffers;
    long long offset;
    if (!PyArg_ParseTuple(args, format, &fd, &buffers, &offset, &flags)) {
        return NULL;
    }
    struct iovec *iov = NULL;
    Py_buffer *views = NULL;
    Py_ssize_t count = 0;
    if (make_iovec(buffers, &iov, &views, &count, !writing) < 0) {
        release_iovec(iov, views, count);
        return NULL;
    }
    ssize_t n;
    int async_err = 0;
    if (writing) {
        POSIX_CALL(n, pwritev2(fd, iov, (int)count, (off_t)offset, flags),
                   async_err);
    }
    else {
        POSIX_CALL(n, preadv2(fd, iov, (int)count, (off_t)offset, flags),
                   async_err);
    }
    release_iovec(iov, views, count);
    if (n < 0) {
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromSsize_t(n);
}

static PyObject *posix_preadv(PyObject *Py_UNUSED(m), PyObject *args)
{
    return positioned_vectored_io(args, "iOL|i:preadv", 0);
}

static PyObject *posix_pwritev(PyObject *Py_UNUSED(m), PyObject *args)
{
    return positioned_vectored_io(args, "iOL|i:pwritev", 1);
}

/* ---- extended attributes ------------------------------------------------ */

static PyObject *posix_getxattr(PyObject *Py_UNUSED(m), PyObject *args,
                                PyObject *kwargs)
{
    KW("path", "attribute", "follow_symlinks");
    path_t path = PATH_T_INIT("getxattr", "path", 0, 1);
    path_t attr = PATH_T_INIT("getxattr", "attribute", 0, 0);
    int follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&O&|$p:getxattr",
                                     keywords, _PyPosix_PathConverter, &path,
                                     _PyPosix_PathConverter, &attr, &follow)) {
        return NULL;
    }
    PyObject *result = NULL;
    for (size_t size = 256; size <= 65536 * 4; size *= 4) {
        char *buf = PyMem_Malloc(size);
        if (buf == NULL) {
            PyErr_NoMemory();
            break;
        }
        ssize_t n;
        Py_BEGIN_ALLOW_THREADS
        if (path.path == NULL) {
            n = fgetxattr(path.fd, attr.path, buf, size);
        }
        else if (follow) {
            n = getxattr(path.path, attr.path, buf, size);
        }
        else {
            n = lgetxattr(path.path, attr.path, buf, size);
        }
        POSIX_END_ALLOW_THREADS
        if (n >= 0) {
            result = PyBytes_FromStringAndSize(buf, n);
        }
        PyMem_Free(buf);
        if (n >= 0) {
            break;
        }
        if (errno != ERANGE) {
            _PyPosix_PathError(&path);
            break;
        }
    }
    _PyPosix_PathCleanup(&path);
    _PyPosix_PathCleanup(&attr);
    return result;
}

static PyObject *posix_setxattr(PyObject *Py_UNUSED(m), PyObject *args,
                                PyObject *kwargs)
{
    KW("path", "attribute", "value", "flags", "follow_symlinks");
    path_t path = PATH_T_INIT("setxattr", "path", 0, 1);
    path_t attr = PATH_T_INIT("setxattr", "attribute", 0, 0);
    Py_buffer value;
    int flags = 0, follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&O&y*|i$p:setxattr",
                                     keywords, _PyPosix_PathConverter, &path,
                                     _PyPosix_PathConverter, &attr, &value,
                                     &flags, &follow)) {
        return NULL;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    if (path.path == NULL) {
        res = fsetxattr(path.fd, attr.path, value.buf, (size_t)value.len, flags);
    }
    else if (follow) {
        res = setxattr(path.path, attr.path, value.buf, (size_t)value.len, flags);
    }
    else {
        res = lsetxattr(path.path, attr.path, value.buf, (size_t)value.len, flags);
    }
    POSIX_END_ALLOW_THREADS
    PyBuffer_Release(&value);
    PyObject *result = res < 0 ? _PyPosix_PathError(&path) : Py_NewRef(Py_None);
    _PyPosix_PathCleanup(&path);
    _PyPosix_PathCleanup(&attr);
    return result;
}

static PyObject *posix_removexattr(PyObject *Py_UNUSED(m), PyObject *args,
                                   PyObject *kwargs)
{
    KW("path", "attribute", "follow_symlinks");
    path_t path = PATH_T_INIT("removexattr", "path", 0, 1);
    path_t attr = PATH_T_INIT("removexattr", "attribute", 0, 0);
    int follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&O&|$p:removexattr",
                                     keywords, _PyPosix_PathConverter, &path,
                                     _PyPosix_PathConverter, &attr, &follow)) {
        return NULL;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    if (path.path == NULL) {
        res = fremovexattr(path.fd, attr.path);
    }
    else if (follow) {
        res = removexattr(path.path, attr.path);
    }
    else {
        res = lremovexattr(path.path, attr.path);
    }
    POSIX_END_ALLOW_THREADS
    PyObject *result = res < 0 ? _PyPosix_PathError(&path) : Py_NewRef(Py_None);
    _PyPosix_PathCleanup(&path);
    _PyPosix_PathCleanup(&attr);
    return result;
}

/* The names in a listxattr buffer: NUL-terminated strings back to back. */
static PyObject *split_xattr_names(const char *buf, ssize_t len)
{
    PyObject *list = PyList_New(0);
    const char *end = buf + len;
    while (list != NULL && buf < end) {
        size_t n = strlen(buf);
        PyObject *name = PyUnicode_DecodeFSDefaultAndSize(buf, (Py_ssize_t)n);
        if (name == NULL || PyList_Append(list, name) < 0) {
            Py_CLEAR(list);
        }
        Py_XDECREF(name);
        buf += n + 1;
    }
    return list;
}

static PyObject *posix_listxattr(PyObject *Py_UNUSED(m), PyObject *args,
                                 PyObject *kwargs)
{
    KW("path", "follow_symlinks");
    path_t path = PATH_T_INIT("listxattr", "path", 1, 1);
    int follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|O&$p:listxattr",
                                     keywords, _PyPosix_PathConverter, &path,
                                     &follow)) {
        return NULL;
    }
    const char *name = path.path;
    if (name == NULL && path.fd < 0) {
        name = ".";
    }
    PyObject *result = NULL;
    for (size_t size = 256; size <= 65536 * 4; size *= 4) {
        char *buf = PyMem_Malloc(size);
        if (buf == NULL) {
            PyErr_NoMemory();
            break;
        }
        ssize_t n;
        Py_BEGIN_ALLOW_THREADS
        if (name == NULL) {
            n = flistxattr(path.fd, buf, size);
        }
        else if (follow) {
            n = listxattr(name, buf, size);
        }
        else {
            n = llistxattr(name, buf, size);
        }
        POSIX_END_ALLOW_THREADS
        if (n >= 0) {
            result = split_xattr_names(buf, n);
        }
        PyMem_Free(buf);
        if (n >= 0) {
            break;
        }
        if (errno != ERANGE) {
            if (path.object != NULL) {
                _PyPosix_PathError(&path);
            }
            else {
                PyErr_SetFromErrnoWithFilename(PyExc_OSError, name);
            }
            break;
        }
    }
    _PyPosix_PathCleanup(&path);
    return result;
}

/* ---- the table and constants ------------------------------------------ */

#define VARKW(f) (PyCFunction)(void (*)(void))(f), METH_VARARGS | METH_KEYWORDS

PyMethodDef _PyPosix_FileMethods[] = {
    {"stat", VARKW(posix_stat), "stat($module, /, path, *, dir_fd=None, follow_symlinks=True)\n--\n\nPerform a stat system call on the given path."},
    {"lstat", VARKW(posix_lstat), "lstat($module, /, path, *, dir_fd=None)\n--\n\nPerform a stat system call on the given "
     "path, without following symbolic links."},
    {"fstat", VARKW(posix_fstat), "fstat($module, /, fd)\n--\n\nPerform a stat system call on the given "
     "file descriptor."},
    {"statvfs", VARKW(posix_statvfs), "statvfs($module, /, path)\n--\n\nPerform a statvfs system call on the "
     "given path."},
    {"fstatvfs", posix_fstatvfs, METH_O, "Perform an fstatvfs system call on "
     "the given fd."},
    {"open", VARKW(posix_open), "open($module, /, path, flags, mode=511, *, dir_fd=None)\n--\n\nOpen a file for low level IO.  Returns a "
     "file descriptor (integer)."},
    {"close", VARKW(posix_close), "close($module, /, fd)\n--\n\nClose a file descriptor."},
    {"closerange", posix_closerange, METH_VARARGS,
     "closerange($module, fd_low, fd_high, /)\n--\n\nCloses all file descriptors in [fd_low, fd_high), ignoring errors."},
    {"read", posix_read, METH_VARARGS, "read($module, fd, length, /)\n--\n\nRead from a file descriptor."},
    {"write", posix_write, METH_VARARGS, "write($module, fd, data, /)\n--\n\nWrite a bytes object to a file "
     "descriptor."},
    {"pread", posix_pread, METH_VARARGS, "Read a number of bytes from a file "
     "descriptor starting at a particular offset."},
    {"pwrite", posix_pwrite, METH_VARARGS, "Write bytes to a file descriptor "
     "starting at a particular offset."},
    {"lseek", posix_lseek, METH_VARARGS, "Set the position of a file "
     "descriptor.  Return the new position."},
    {"ftruncate", posix_ftruncate, METH_VARARGS, "Truncate a file, specified "
     "by file descriptor, to a specific length."},
    {"truncate", VARKW(posix_truncate), "Truncate a file, specified by path, "
     "to a specific length."},
    {"fsync", posix_fsync, METH_O, "Force write of fd to disk."},
    {"fdatasync", posix_fdatasync, METH_O, "Force write of fd to disk without "
     "forcing update of metadata."},
    {"sync", posix_sync, METH_NOARGS, "Force write of everything to disk."},
    {"listdir", VARKW(posix_listdir), "Return a list containing the names of "
     "the files in the directory."},
    {"scandir", VARKW(posix_scandir), "Return an iterator of DirEntry objects "
     "for given path."},
    {"mkdir", VARKW(posix_mkdir), "Create a directory."},
    {"rmdir", VARKW(posix_rmdir), "Remove a directory."},
    {"unlink", VARKW(posix_unlink), "Remove a file (same as remove())."},
    {"remove", VARKW(posix_remove), "Remove a file (same as unlink())."},
    {"rename", VARKW(posix_rename), "Rename a file or directory."},
    {"replace", VARKW(posix_replace), "Rename a file or directory, "
     "overwriting the destination."},
    {"link", VARKW(posix_link), "Create a hard link to a file."},
    {"symlink", VARKW(posix_symlink), "Create a symbolic link pointing to src "
     "named dst."},
    {"readlink", VARKW(posix_readlink), "Return a string representing the "
     "path to which the symbolic link points."},
    {"mkfifo", VARKW(posix_mkfifo), "Create a \"fifo\" (a POSIX named pipe)."},
    {"chdir", VARKW(posix_chdir), "Change the current working directory to "
     "the specified path."},
    {"fchdir", posix_fchdir, METH_O, "Change to the directory of the given "
     "file descriptor."},
    {"chmod", VARKW(posix_chmod), "Change the access permissions of a file."},
    {"fchmod", VARKW(posix_fchmod), "Change the access permissions of the "
     "file given by file descriptor fd."},
    {"chown", VARKW(posix_chown), "Change the owner and group id of path to "
     "the numeric uid and gid."},
    {"lchown", VARKW(posix_lchown), "Change the owner and group id of path to "
     "the numeric uid and gid, without following symbolic links."},
    {"fchown", VARKW(posix_fchown), "Change the owner and group id of the "
     "file specified by file descriptor."},
    {"utime", VARKW(posix_utime), "Set the access and modified time of path."},
    {"access", VARKW(posix_access), "Use the real uid/gid to test for access "
     "to a path."},
    {"major", posix_major, METH_O, "Extracts a device major number from a "
     "raw device number."},
    {"minor", posix_minor, METH_O, "Extracts a device minor number from a "
     "raw device number."},
    {"makedev", posix_makedev, METH_VARARGS, "Composes a raw device number "
     "from the major and minor device numbers."},
    {"mknod", VARKW(posix_mknod), "Create a node in the file system."},
    {"chroot", VARKW(posix_chroot), "Change root directory to path."},
    {"lockf", posix_lockf, METH_VARARGS, "Apply, test or remove a POSIX lock "
     "on an open file descriptor."},
    {"posix_fallocate", posix_posix_fallocate, METH_VARARGS, "Ensure a file "
     "has allocated at least a particular number of bytes on disk."},
    {"posix_fadvise", posix_posix_fadvise, METH_VARARGS, "Announce an "
     "intention to access data in a specific pattern."},
    {"readv", posix_readv, METH_VARARGS, "Read from a file descriptor fd "
     "into an iterable of buffers."},
    {"writev", posix_writev, METH_VARARGS, "Iterate over buffers, and write "
     "the contents of each to a file descriptor."},
    {"readinto", posix_readinto, METH_VARARGS, "Read into a buffer object "
     "from a file descriptor."},
    {"sendfile", VARKW(posix_sendfile), "Copy count bytes from file "
     "descriptor in_fd to file descriptor out_fd."},
    {"copy_file_range", VARKW(posix_copy_file_range), "Copy count bytes "
     "from one file descriptor to another."},
    {"memfd_create", VARKW(posix_memfd_create), "Create an anonymous file "
     "and return a file descriptor that refers to it."},
    {"timerfd_create", VARKW(posix_timerfd_create),
     "timerfd_create($module, clockid, /, *, flags=0)\n--\n\n"
     "Create and return a timer file descriptor."},
    {"timerfd_settime", VARKW(posix_timerfd_settime),
     "timerfd_settime($module, fd, /, *, flags=0, initial=0.0, interval=0.0)\n--\n\n"
     "Alter a timer file descriptor's internal timer in seconds."},
    {"timerfd_settime_ns", VARKW(posix_timerfd_settime_ns),
     "timerfd_settime_ns($module, fd, /, *, flags=0, initial=0, interval=0)\n--\n\n"
     "Alter a timer file descriptor's internal timer in nanoseconds."},
    {"timerfd_gettime", posix_timerfd_gettime, METH_O,
     "timerfd_gettime($module, fd, /)\n--\n\n"
     "Return a tuple (next_expiration, interval) of a timer file descriptor, in float seconds."},
    {"timerfd_gettime_ns", posix_timerfd_gettime_ns, METH_O,
     "timerfd_gettime_ns($module, fd, /)\n--\n\n"
     "Return a tuple (next_expiration, interval) of a timer file descriptor, in nanoseconds."},
    {"eventfd", VARKW(posix_eventfd), "Creates and returns an event "
     "notification file descriptor."},
    {"eventfd_read", VARKW(posix_eventfd_read), "Read eventfd value"},
    {"eventfd_write", VARKW(posix_eventfd_write), "Write eventfd value."},
    {"splice", VARKW(posix_splice), "Transfer count bytes from one pipe to "
     "a descriptor or vice versa."},
    {"preadv", posix_preadv, METH_VARARGS, "Reads from a file descriptor "
     "into a number of mutable bytes-like objects."},
    {"pwritev", posix_pwritev, METH_VARARGS, "Writes the contents of "
     "bytes-like objects to a file descriptor at a given offset."},
    {"getxattr", VARKW(posix_getxattr), "Return the value of extended "
     "attribute attribute on path."},
    {"setxattr", VARKW(posix_setxattr), "Set extended attribute attribute "
     "on path to value."},
    {"removexattr", VARKW(posix_removexattr), "Remove extended attribute "
     "attribute on path."},
    {"listxattr", VARKW(posix_listxattr), "Return a list of extended "
     "attributes on path."},
    {NULL, NULL, 0, NULL},
};

typedef struct {
    const char *name;
    long value;
} int_constant;

static const int_constant file_constants[] = {
    {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR},
    {"O_APPEND", O_APPEND}, {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL},
    {"O_TRUNC", O_TRUNC}, {"O_NONBLOCK", O_NONBLOCK}, {"O_NDELAY", O_NDELAY},
    {"O_SYNC", O_SYNC}, {"O_DSYNC", O_DSYNC}, {"O_RSYNC", O_RSYNC},
    {"O_NOCTTY", O_NOCTTY}, {"O_CLOEXEC", O_CLOEXEC},
    {"O_DIRECTORY", O_DIRECTORY}, {"O_NOFOLLOW", O_NOFOLLOW},
    {"O_ACCMODE", O_ACCMODE}, {"O_ASYNC", O_ASYNC}, {"O_DIRECT", O_DIRECT},
    {"O_LARGEFILE", O_LARGEFILE}, {"O_NOATIME", O_NOATIME},
    {"O_PATH", O_PATH}, {"O_TMPFILE", O_TMPFILE},
    {"SEEK_SET", SEEK_SET}, {"SEEK_CUR", SEEK_CUR}, {"SEEK_END", SEEK_END},
    {"SEEK_DATA", SEEK_DATA}, {"SEEK_HOLE", SEEK_HOLE},
    {"ST_RDONLY", ST_RDONLY}, {"ST_NOSUID", ST_NOSUID},
    {"F_LOCK", F_LOCK}, {"F_TLOCK", F_TLOCK}, {"F_ULOCK", F_ULOCK},
    {"F_TEST", F_TEST},
    {"POSIX_FADV_NORMAL", POSIX_FADV_NORMAL},
    {"POSIX_FADV_SEQUENTIAL", POSIX_FADV_SEQUENTIAL},
    {"POSIX_FADV_RANDOM", POSIX_FADV_RANDOM},
    {"POSIX_FADV_NOREUSE", POSIX_FADV_NOREUSE},
    {"POSIX_FADV_WILLNEED", POSIX_FADV_WILLNEED},
    {"POSIX_FADV_DONTNEED", POSIX_FADV_DONTNEED},
    {"MFD_CLOEXEC", MFD_CLOEXEC}, {"MFD_ALLOW_SEALING", MFD_ALLOW_SEALING},
    {"MFD_HUGETLB", MFD_HUGETLB},
    /* <linux/memfd.h>'s huge page sizes: log2(size) << MAP_HUGE_SHIFT
       (that header clashes with glibc's <sys/mman.h>). */
    {"MFD_HUGE_SHIFT", MAP_HUGE_SHIFT}, {"MFD_HUGE_MASK", MAP_HUGE_MASK},
    {"MFD_HUGE_64KB", 16L << MAP_HUGE_SHIFT},
    {"MFD_HUGE_512KB", 19L << MAP_HUGE_SHIFT},
    {"MFD_HUGE_1MB", 20L << MAP_HUGE_SHIFT},
    {"MFD_HUGE_2MB", 21L << MAP_HUGE_SHIFT},
    {"MFD_HUGE_8MB", 23L << MAP_HUGE_SHIFT},
    {"MFD_HUGE_16MB", 24L << MAP_HUGE_SHIFT},
    {"MFD_HUGE_32MB", 25L << MAP_HUGE_SHIFT},
    {"MFD_HUGE_256MB", 28L << MAP_HUGE_SHIFT},
    {"MFD_HUGE_512MB", 29L << MAP_HUGE_SHIFT},
    {"MFD_HUGE_1GB", 30L << MAP_HUGE_SHIFT},
    {"MFD_HUGE_2GB", 31L << MAP_HUGE_SHIFT},
    {"MFD_HUGE_16GB", 34L << MAP_HUGE_SHIFT},
    {"EFD_CLOEXEC", EFD_CLOEXEC}, {"EFD_NONBLOCK", EFD_NONBLOCK},
    {"EFD_SEMAPHORE", EFD_SEMAPHORE},
    {"TFD_NONBLOCK", TFD_NONBLOCK}, {"TFD_CLOEXEC", TFD_CLOEXEC},
    {"TFD_TIMER_ABSTIME", TFD_TIMER_ABSTIME},
    {"TFD_TIMER_CANCEL_ON_SET", TFD_TIMER_CANCEL_ON_SET},
    {"SPLICE_F_MOVE", SPLICE_F_MOVE}, {"SPLICE_F_NONBLOCK", SPLICE_F_NONBLOCK},
    {"SPLICE_F_MORE", SPLICE_F_MORE},
    {"RWF_DSYNC", RWF_DSYNC}, {"RWF_HIPRI", RWF_HIPRI}, {"RWF_SYNC", RWF_SYNC},
    {"RWF_NOWAIT", RWF_NOWAIT}, {"RWF_APPEND", RWF_APPEND},
    {"XATTR_CREATE", XATTR_CREATE}, {"XATTR_REPLACE", XATTR_REPLACE},
    {"XATTR_SIZE_MAX", 65536},
    {"O_FSYNC", O_FSYNC},
    {"ST_NODEV", ST_NODEV}, {"ST_NOEXEC", ST_NOEXEC},
    {"ST_SYNCHRONOUS", ST_SYNCHRONOUS}, {"ST_MANDLOCK", ST_MANDLOCK},
    {"ST_WRITE", ST_WRITE}, {"ST_APPEND", ST_APPEND},
    {"ST_NOATIME", ST_NOATIME}, {"ST_NODIRATIME", ST_NODIRATIME},
    {"ST_RELATIME", ST_RELATIME},
    {NULL, 0},
};

int _PyPosix_FilesExec(PyObject *module)
{
    /* The unnamed marker is not a constant expression; set it before the
       type is made (once: exec runs under the import lock). */
    for (int i = 7; i < 10; i++) {
        stat_result_fields[i].name = PyStructSequence_UnnamedField;
    }
    if (PyStructSequence_InitType2(&StatResultType, &stat_result_desc) < 0
        || PyStructSequence_InitType2(&StatvfsResultType,
                                      &statvfs_result_desc) < 0
        || PyType_Ready(&DirEntryType) < 0
        || PyType_Ready(&ScandirIteratorType) < 0) {
        return -1;
    }
    if (PyModule_AddObjectRef(module, "stat_result",
                              (PyObject *)&StatResultType) < 0
        || PyModule_AddObjectRef(module, "statvfs_result",
                                 (PyObject *)&StatvfsResultType) < 0
        || PyModule_AddObjectRef(module, "DirEntry",
                                 (PyObject *)&DirEntryType) < 0) {
        return -1;
    }
    for (const int_constant *c = file_constants; c->name != NULL; c++) {
        if (PyModule_AddIntConstant(module, c->name, c->value) < 0) {
            return -1;
        }
    }
    return 0;
}
