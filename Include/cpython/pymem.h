/* Allocator hooks (full API, as in CPython's cpython/pymem.h):
   Objects/obmalloc.c routes every PyMem_Raw*, PyMem_* and PyObject_*
   call through the allocator installed for its domain. */
#ifndef Py_CPYTHON_PYMEM_H
#define Py_CPYTHON_PYMEM_H

typedef enum {
    PYMEM_DOMAIN_RAW,           /* PyMem_RawMalloc() ... */
    PYMEM_DOMAIN_MEM,           /* PyMem_Malloc() ... */
    PYMEM_DOMAIN_OBJ            /* PyObject_Malloc() ... */
} PyMemAllocatorDomain;

/* PyPreConfig.allocator and PYTHONMALLOC (CPython's values).  Weft has
   no pymalloc: the PYMALLOC names are refused by Py_PreInitialize. */
typedef enum {
    PYMEM_ALLOCATOR_NOT_SET = 0,
    PYMEM_ALLOCATOR_DEFAULT = 1,
    PYMEM_ALLOCATOR_DEBUG = 2,
    PYMEM_ALLOCATOR_MALLOC = 3,
    PYMEM_ALLOCATOR_MALLOC_DEBUG = 4,
    PYMEM_ALLOCATOR_PYMALLOC = 5,
    PYMEM_ALLOCATOR_PYMALLOC_DEBUG = 6,
    PYMEM_ALLOCATOR_MIMALLOC = 7,
    PYMEM_ALLOCATOR_MIMALLOC_DEBUG = 8
} PyMemAllocatorName;

typedef struct {
    void *ctx;                  /* passed as the first argument of each */
    void *(*malloc)(void *ctx, size_t size);
    void *(*calloc)(void *ctx, size_t nelem, size_t elsize);
    void *(*realloc)(void *ctx, void *ptr, size_t new_size);
    void (*free)(void *ctx, void *ptr);
} PyMemAllocatorEx;

/* Install or read a domain's allocator.  Call SetAllocator before
   Py_Initialize, or while no other thread runs and with an allocator that
   can free what the previous one allocated (a hook that wraps it): the
   table is read without a lock on every allocation. */
PyAPI_FUNC(void) PyMem_GetAllocator(PyMemAllocatorDomain domain,
                                    PyMemAllocatorEx *allocator);
PyAPI_FUNC(void) PyMem_SetAllocator(PyMemAllocatorDomain domain,
                                    PyMemAllocatorEx *allocator);
/* Wrap the three domains' allocators in checking ones (Doc/c-api.md). */
PyAPI_FUNC(void) PyMem_SetupDebugHooks(void);

typedef struct {
    void *ctx;
    void *(*alloc)(void *ctx, size_t size);
    void (*free)(void *ctx, void *ptr, size_t size);
} PyObjectArenaAllocator;

PyAPI_FUNC(void) PyObject_GetArenaAllocator(PyObjectArenaAllocator *allocator);
PyAPI_FUNC(void) PyObject_SetArenaAllocator(PyObjectArenaAllocator *allocator);

/* tracemalloc's C API (Modules/_tracemalloc.c): trace or forget a block
   of another domain.  0 on success, -1 when out of memory, -2 while
   tracemalloc is not tracing. */
PyAPI_FUNC(int) PyTraceMalloc_Track(unsigned int domain, uintptr_t ptr,
                                    size_t size);
PyAPI_FUNC(int) PyTraceMalloc_Untrack(unsigned int domain, uintptr_t ptr);

#endif /* Py_CPYTHON_PYMEM_H */
