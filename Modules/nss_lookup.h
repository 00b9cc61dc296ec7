/* The calling convention of the reentrant user and group database
   lookups (getpwuid_r, getpwnam_r, getgrgid_r, getgrnam_r), shared by the
   pwd and grp modules: a caller-supplied buffer that is grown until the
   entry fits.  Module-private header (not installed). */
#ifndef WEFT_NSS_LOOKUP_H
#define WEFT_NSS_LOOKUP_H

#include <errno.h>
#include <unistd.h>

/* One lookup: fills *entry (strings in buffer) and sets *result to entry,
   or to NULL when there is no such entry; returns 0 or an errno value. */
typedef int (*nss_lookup_call)(const void *key, void *entry, char *buffer,
                               size_t size, void **result);

/* Runs call detached, growing *buffer (PyMem_Raw, freed by the caller)
   on ERANGE from the sysconf hint `size_name`.  0 with *result set (NULL:
   no entry), or -1 with MemoryError or OSError. */
static inline int
nss_lookup(nss_lookup_call call, const void *key, void *entry, int size_name,
           char **buffer, void **result)
{
    long hint = sysconf(size_name);
    size_t size = hint > 0 ? (size_t)hint : 1024;
    for (;;) {
        char *grown = PyMem_RawRealloc(*buffer, size);
        if (grown == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        *buffer = grown;
        int err;
        Py_BEGIN_ALLOW_THREADS
        err = call(key, entry, *buffer, size, result);
        Py_END_ALLOW_THREADS
        if (err == ERANGE && size < ((size_t)1 << 24)) {
            size *= 2;
            continue;
        }
        /* "Not found" comes back as 0 with no result, or, from some NSS
           modules, as one of these errors. */
        if (err == ENOENT || err == ESRCH || err == EBADF || err == EPERM) {
            *result = NULL;
            return 0;
        }
        if (err != 0) {
            errno = err;
            PyErr_SetFromErrno(PyExc_OSError);
            return -1;
        }
        return 0;
    }
}

/* PyUnicode_DecodeFSDefault for Py_BuildValue's O&, with NULL as "". */
static inline PyObject *
nss_decode(const char *text)
{
    return PyUnicode_DecodeFSDefault(text != NULL ? text : "");
}

#endif /* WEFT_NSS_LOOKUP_H */
