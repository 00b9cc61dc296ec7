/* The memory allocators behind PyMem_* and PyObject_* (DESIGN.md s. 8).

   With mimalloc (required by the free-threaded build, default in both)
   every domain allocates from mimalloc, whose per-thread heaps make
   allocation and freeing from any thread safe without a global lock.
   Without it, or under AddressSanitizer (which can only check memory that
   comes from the C library's allocator) or ThreadSanitizer (which cannot
   see the synchronisation inside an uninstrumented mimalloc, and would
   report memory handed between threads by it), the C library's allocator
   is used.  A request for zero
   bytes returns a unique non-NULL pointer, as CPython promises. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_qsbr.h"
#include "pycore_refcount.h"

#if defined(WITH_MIMALLOC) && !defined(_Py_ADDRESS_SANITIZER) \
    && !defined(_Py_THREAD_SANITIZER)
#  include <mimalloc.h>
#  define raw_malloc(size) mi_malloc(size)
#  define raw_calloc(n, size) mi_calloc((n), (size))
#  define raw_realloc(ptr, size) mi_realloc((ptr), (size))
#  define raw_free(ptr) mi_free(ptr)
#else
#  define raw_malloc(size) malloc(size)
#  define raw_calloc(n, size) calloc((n), (size))
#  define raw_realloc(ptr, size) realloc((ptr), (size))
#  define raw_free(ptr) free(ptr)
#endif

static inline size_t nonzero(size_t size)
{
    return size ? size : 1;
}

void *PyMem_RawMalloc(size_t size)
{
    if (size > (size_t)PY_SSIZE_T_MAX) {
        return NULL;
    }
    return raw_malloc(nonzero(size));
}

void *PyMem_RawCalloc(size_t nelem, size_t elsize)
{
    if (elsize != 0 && nelem > (size_t)PY_SSIZE_T_MAX / elsize) {
        return NULL;
    }
    if (nelem == 0 || elsize == 0) {
        nelem = 1;
        elsize = 1;
    }
    return raw_calloc(nelem, elsize);
}

void *PyMem_RawRealloc(void *ptr, size_t new_size)
{
    if (new_size > (size_t)PY_SSIZE_T_MAX) {
        return NULL;
    }
    return raw_realloc(ptr, nonzero(new_size));
}

void PyMem_RawFree(void *ptr)
{
    raw_free(ptr);
}

void *PyMem_Malloc(size_t size)
{
    return PyMem_RawMalloc(size);
}

void *PyMem_Calloc(size_t nelem, size_t elsize)
{
    return PyMem_RawCalloc(nelem, elsize);
}

void *PyMem_Realloc(void *ptr, size_t new_size)
{
    return PyMem_RawRealloc(ptr, new_size);
}

void PyMem_Free(void *ptr)
{
    raw_free(ptr);
}

void *PyObject_Malloc(size_t size)
{
    return PyMem_RawMalloc(size);
}

void *PyObject_Calloc(size_t nelem, size_t elsize)
{
    return PyMem_RawCalloc(nelem, elsize);
}

void *PyObject_Realloc(void *ptr, size_t new_size)
{
    return PyMem_RawRealloc(ptr, new_size);
}

void PyObject_Free(void *ptr)
{
#ifdef Py_GIL_DISABLED
    if (ptr != NULL && _PyObject_FreeIsDelayed((PyObject *)ptr)) {
        _PyMem_FreeDelayedRaw(ptr);
        return;
    }
#endif
    raw_free(ptr);
}

/* The allocator's own free, for QSBR to call once no reader remains. */
void _PyObject_FreeNow(void *ptr)
{
    raw_free(ptr);
}
