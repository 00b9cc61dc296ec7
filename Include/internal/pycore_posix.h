/* Core-only interfaces of the posix module, shared by its three files:
   Modules/posixmodule.c (the module, paths, errors, misc functions),
   Modules/posix_files.c (files, directories, stat, scandir) and
   Modules/posix_process.c (processes, fork, exec, wait, pipes). */
#ifndef Py_INTERNAL_POSIX_H
#define Py_INTERNAL_POSIX_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

/* PyOS_FSPath is declared in osmodule.h, the fork hooks in intrcheck.h
   (public, as in CPython). */

#ifdef WEFT_POSIX_MODULE
/* ---- shared between the posix module's files -------------------------- */

/* A path argument after conversion.  The caller fills function_name,
   argument_name, nullable and allow_fd before converting (PATH_T_INIT);
   the converter fills the rest and path_cleanup releases it. */
typedef struct {
    const char *function_name;  /* "stat", for messages */
    const char *argument_name;  /* "path" */
    int nullable;               /* None is accepted (path stays NULL) */
    int allow_fd;               /* an int is a file descriptor */
    PyObject *object;           /* owned: the str/bytes/int given, after
                                   __fspath__ (error messages show it) */
    PyObject *narrow;           /* owned: the bytes passed to the OS */
    const char *path;           /* into narrow, or NULL (fd or None) */
    int fd;                     /* -1 unless an fd was given */
    int is_bytes;               /* results are bytes, not str */
} path_t;

#define PATH_T_INIT(func, arg, null, fd_ok) \
    {(func), (arg), (null), (fd_ok), NULL, NULL, NULL, -1, 0}

/* "O&" converter for path_t (supports Py_CLEANUP_SUPPORTED). */
int _PyPosix_PathConverter(PyObject *o, void *p);
void _PyPosix_PathCleanup(path_t *path);

/* "O&" converter: an int file descriptor (>= 0 checked by the OS). */
int _PyPosix_FdConverter(PyObject *o, void *p);
/* "O&" converter for dir_fd=None|int: AT_FDCWD for None. */
int _PyPosix_DirFdConverter(PyObject *o, void *p);

/* OSError (the right subclass) from errno, naming the path(s). */
PyObject *_PyPosix_PathError(path_t *path);
PyObject *_PyPosix_PathError2(path_t *path, path_t *path2);

/* A str or bytes decoded/kept like path: name is len bytes. */
PyObject *_PyPosix_NameFromPath(path_t *path, const char *name,
                                Py_ssize_t len);

/* Seconds (int or float) to a timespec; -1 with an exception. */
int _PyPosix_ObjectToTimespec(PyObject *obj, struct timespec *ts);

/* Py_END_ALLOW_THREADS that keeps the errno of the call made while
   detached: re-attaching may run code (locks, the parking lot) that
   changes errno.  Pairs with Py_BEGIN_ALLOW_THREADS. */
#define POSIX_END_ALLOW_THREADS                                    \
        {                                                          \
            int posix_saved_errno_ = errno;                        \
            PyEval_RestoreThread(_save);                           \
            errno = posix_saved_errno_;                            \
        }                                                          \
    }

/* Run a system call with the thread state detached, retrying on EINTR
   once pending signals have been handled; a signal handler's exception
   sets async_err (the caller returns NULL). */
#define POSIX_CALL(res, expr, async_err)                           \
    do {                                                           \
        Py_BEGIN_ALLOW_THREADS                                     \
        (res) = (expr);                                            \
        POSIX_END_ALLOW_THREADS                                    \
    } while ((res) < 0 && errno == EINTR                           \
             && !((async_err) = (PyErr_CheckSignals() < 0)))

/* Functions and exec steps of the two split-out files.  Each *_exec adds
   its constants and types to the module; -1 with an exception. */
extern PyMethodDef _PyPosix_FileMethods[];
extern PyMethodDef _PyPosix_ProcessMethods[];
int _PyPosix_FilesExec(PyObject *module);
int _PyPosix_ProcessExec(PyObject *module);

/* os.stat_result from a struct stat (Modules/posix_files.c). */
struct stat;
PyObject *_PyPosix_StatResult(const struct stat *st);

#endif /* WEFT_POSIX_MODULE */

#endif /* Py_INTERNAL_POSIX_H */
