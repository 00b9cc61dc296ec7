/* _posixshmem: shm_open() and shm_unlink(), for
   multiprocessing.shared_memory.  The module has no state, so it is safe
   without the GIL; both calls wait detached and retry after signals
   whose handlers succeed. */
#include "Python.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>

static PyObject *shmem_open(PyObject *Py_UNUSED(module), PyObject *args,
                            PyObject *kwds)
{
    static char *keywords[] = {"path", "flags", "mode", NULL};
    PyObject *path;
    int flags, mode = 0777;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "Ui|i:shm_open", keywords,
                                     &path, &flags, &mode)) {
        return NULL;
    }
    const char *name = PyUnicode_AsUTF8(path);
    if (name == NULL) {
        return NULL;
    }
    int fd, err;
    for (;;) {
        Py_BEGIN_ALLOW_THREADS
        fd = shm_open(name, flags, (mode_t)mode);
        err = errno;
        Py_END_ALLOW_THREADS
        if (fd >= 0 || err != EINTR) {
            break;
        }
        if (PyErr_CheckSignals() < 0) {
            return NULL;
        }
    }
    if (fd < 0) {
        errno = err;
        return PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, path);
    }
    return PyLong_FromLong(fd);
}

static PyObject *shmem_unlink(PyObject *Py_UNUSED(module), PyObject *args,
                              PyObject *kwds)
{
    static char *keywords[] = {"path", NULL};
    PyObject *path;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U:shm_unlink", keywords,
                                     &path)) {
        return NULL;
    }
    const char *name = PyUnicode_AsUTF8(path);
    if (name == NULL) {
        return NULL;
    }
    int rc, err;
    for (;;) {
        Py_BEGIN_ALLOW_THREADS
        rc = shm_unlink(name);
        err = errno;
        Py_END_ALLOW_THREADS
        if (rc == 0 || err != EINTR) {
            break;
        }
        if (PyErr_CheckSignals() < 0) {
            return NULL;
        }
    }
    if (rc < 0) {
        errno = err;
        return PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, path);
    }
    Py_RETURN_NONE;
}

static PyMethodDef shmem_methods[] = {
    {"shm_open", (PyCFunction)(void (*)(void))shmem_open,
     METH_VARARGS | METH_KEYWORDS,
     "shm_open($module, /, path, flags, mode=511)\n--\n\n"
     "Open a shared memory object; returns its file descriptor."},
    {"shm_unlink", (PyCFunction)(void (*)(void))shmem_unlink,
     METH_VARARGS | METH_KEYWORDS,
     "shm_unlink($module, /, path)\n--\n\n"
     "Remove a shared memory object's name."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot shmem_slots[] = {
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef shmem_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_posixshmem",
    .m_doc = "POSIX shared memory objects: shm_open() and shm_unlink().",
    .m_size = 0,
    .m_methods = shmem_methods,
    .m_slots = shmem_slots,
};

PyMODINIT_FUNC PyInit__posixshmem(void)
{
    return PyModuleDef_Init(&shmem_module);
}
