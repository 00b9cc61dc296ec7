/* Raw and object memory allocators (Objects/obmalloc.c), on mimalloc when
   the build has it (DESIGN.md section 8). */
#ifndef Py_PYMEM_H
#define Py_PYMEM_H

PyAPI_FUNC(void *) PyMem_Malloc(size_t size);
PyAPI_FUNC(void *) PyMem_Calloc(size_t nelem, size_t elsize);
PyAPI_FUNC(void *) PyMem_Realloc(void *ptr, size_t new_size);
PyAPI_FUNC(void) PyMem_Free(void *ptr);
PyAPI_FUNC(void *) PyMem_RawMalloc(size_t size);
PyAPI_FUNC(void *) PyMem_RawCalloc(size_t nelem, size_t elsize);
PyAPI_FUNC(void *) PyMem_RawRealloc(void *ptr, size_t new_size);
PyAPI_FUNC(void) PyMem_RawFree(void *ptr);

#define PyMem_New(type, n) \
    (((size_t)(n) > PY_SSIZE_T_MAX / sizeof(type)) ? NULL : \
     ((type *)PyMem_Malloc((n) * sizeof(type))))
#define PyMem_Resize(p, type, n) \
    ((p) = ((size_t)(n) > PY_SSIZE_T_MAX / sizeof(type)) ? NULL : \
     (type *)PyMem_Realloc((p), (n) * sizeof(type)))
#define PyMem_Del PyMem_Free
#define PyMem_MALLOC PyMem_Malloc
#define PyMem_REALLOC PyMem_Realloc
#define PyMem_FREE PyMem_Free
#define PyMem_NEW PyMem_New
#define PyMem_RESIZE PyMem_Resize
#define PyMem_DEL PyMem_Free

#ifndef Py_LIMITED_API
#  include "cpython/pymem.h"     /* capi (session 6): allocator hooks */
#endif

#endif /* Py_PYMEM_H */
