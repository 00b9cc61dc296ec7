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

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

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

/* ---- the default allocator, one for all three domains -------------------- */

static void *default_malloc(void *ctx, size_t size)
{
    (void)ctx;
    return raw_malloc(nonzero(size));
}

static void *default_calloc(void *ctx, size_t nelem, size_t elsize)
{
    (void)ctx;
    if (nelem == 0 || elsize == 0) {
        nelem = 1;
        elsize = 1;
    }
    return raw_calloc(nelem, elsize);
}

static void *default_realloc(void *ctx, void *ptr, size_t new_size)
{
    (void)ctx;
    return raw_realloc(ptr, nonzero(new_size));
}

static void default_free(void *ctx, void *ptr)
{
    (void)ctx;
    raw_free(ptr);
}

#define DEFAULT_ALLOCATOR \
    {NULL, default_malloc, default_calloc, default_realloc, default_free}

/* The installed allocator of each PyMemAllocatorDomain.  Written only by
   PyMem_SetAllocator and PyMem_SetupDebugHooks, which callers run before
   other threads exist (as CPython requires), and read without a lock on
   every allocation.  A domain still on the default allocator calls it
   directly, so the common case costs one compare. */
static PyMemAllocatorEx allocators[3] = {
    DEFAULT_ALLOCATOR, DEFAULT_ALLOCATOR, DEFAULT_ALLOCATOR
};

static inline void *domain_malloc(PyMemAllocatorDomain domain, size_t size)
{
    PyMemAllocatorEx *a = &allocators[domain];
    if (a->malloc == default_malloc) {
        return raw_malloc(nonzero(size));
    }
    return a->malloc(a->ctx, size);
}

static inline void *domain_calloc(PyMemAllocatorDomain domain, size_t nelem,
                                  size_t elsize)
{
    PyMemAllocatorEx *a = &allocators[domain];
    return a->calloc(a->ctx, nelem, elsize);
}

static inline void *domain_realloc(PyMemAllocatorDomain domain, void *ptr,
                                   size_t new_size)
{
    PyMemAllocatorEx *a = &allocators[domain];
    if (a->realloc == default_realloc) {
        return raw_realloc(ptr, nonzero(new_size));
    }
    return a->realloc(a->ctx, ptr, new_size);
}

static inline void domain_free(PyMemAllocatorDomain domain, void *ptr)
{
    PyMemAllocatorEx *a = &allocators[domain];
    if (a->free == default_free) {
        raw_free(ptr);
        return;
    }
    a->free(a->ctx, ptr);
}

static int valid_domain(PyMemAllocatorDomain domain)
{
    return domain == PYMEM_DOMAIN_RAW || domain == PYMEM_DOMAIN_MEM
           || domain == PYMEM_DOMAIN_OBJ;
}

void PyMem_GetAllocator(PyMemAllocatorDomain domain, PyMemAllocatorEx *allocator)
{
    if (valid_domain(domain)) {
        *allocator = allocators[domain];
    }
    else {
        memset(allocator, 0, sizeof(*allocator));
    }
}

/* Not safe while other threads allocate: see the table's comment. */
void PyMem_SetAllocator(PyMemAllocatorDomain domain, PyMemAllocatorEx *allocator)
{
    if (valid_domain(domain)) {
        allocators[domain] = *allocator;
    }
}

/* ---- the public entry points ---------------------------------------------- */

void *PyMem_RawMalloc(size_t size)
{
    if (size > (size_t)PY_SSIZE_T_MAX) {
        return NULL;
    }
    return domain_malloc(PYMEM_DOMAIN_RAW, size);
}

static int calloc_overflows(size_t nelem, size_t elsize)
{
    return elsize != 0 && nelem > (size_t)PY_SSIZE_T_MAX / elsize;
}

void *PyMem_RawCalloc(size_t nelem, size_t elsize)
{
    if (calloc_overflows(nelem, elsize)) {
        return NULL;
    }
    return domain_calloc(PYMEM_DOMAIN_RAW, nelem, elsize);
}

void *PyMem_RawRealloc(void *ptr, size_t new_size)
{
    if (new_size > (size_t)PY_SSIZE_T_MAX) {
        return NULL;
    }
    return domain_realloc(PYMEM_DOMAIN_RAW, ptr, new_size);
}

void PyMem_RawFree(void *ptr)
{
    domain_free(PYMEM_DOMAIN_RAW, ptr);
}

void *PyMem_Malloc(size_t size)
{
    if (size > (size_t)PY_SSIZE_T_MAX) {
        return NULL;
    }
    return domain_malloc(PYMEM_DOMAIN_MEM, size);
}

void *PyMem_Calloc(size_t nelem, size_t elsize)
{
    if (calloc_overflows(nelem, elsize)) {
        return NULL;
    }
    return domain_calloc(PYMEM_DOMAIN_MEM, nelem, elsize);
}

void *PyMem_Realloc(void *ptr, size_t new_size)
{
    if (new_size > (size_t)PY_SSIZE_T_MAX) {
        return NULL;
    }
    return domain_realloc(PYMEM_DOMAIN_MEM, ptr, new_size);
}

void PyMem_Free(void *ptr)
{
    domain_free(PYMEM_DOMAIN_MEM, ptr);
}

void *PyObject_Malloc(size_t size)
{
    if (size > (size_t)PY_SSIZE_T_MAX) {
        return NULL;
    }
    return domain_malloc(PYMEM_DOMAIN_OBJ, size);
}

void *PyObject_Calloc(size_t nelem, size_t elsize)
{
    if (calloc_overflows(nelem, elsize)) {
        return NULL;
    }
    return domain_calloc(PYMEM_DOMAIN_OBJ, nelem, elsize);
}

void *PyObject_Realloc(void *ptr, size_t new_size)
{
    if (new_size > (size_t)PY_SSIZE_T_MAX) {
        return NULL;
    }
    return domain_realloc(PYMEM_DOMAIN_OBJ, ptr, new_size);
}

void PyObject_Free(void *ptr)
{
#ifdef Py_GIL_DISABLED
    if (ptr != NULL && _PyObject_FreeIsDelayed((PyObject *)ptr)) {
        _PyMem_FreeDelayedRaw(ptr);
        return;
    }
#endif
    domain_free(PYMEM_DOMAIN_OBJ, ptr);
}

/* The object domain's free, for QSBR to call once no reader remains. */
void _PyObject_FreeNow(void *ptr)
{
    domain_free(PYMEM_DOMAIN_OBJ, ptr);
}

/* ---- debug hooks ------------------------------------------------------------

   Each block gets a 16-byte header (the requested size, the domain's API
   letter 'r', 'm' or 'o', 7 pad bytes) and an 8-byte trailer of pad
   bytes.  New memory is filled with CLEAN_BYTE, freed memory with
   DEAD_BYTE.  Freeing or resizing checks the pad bytes (a write before or
   past the block) and the API letter (a block freed through another
   domain than the one that allocated it); a failed check prints the
   block's address and size and ends the process with Py_FatalError.  Not
   checked (unlike CPython): that the GIL is held for the mem and object
   domains. */

#define PAD_BYTE 0xFD
#define CLEAN_BYTE 0xCD
#define DEAD_BYTE 0xDD
#define HEADER_SIZE (2 * sizeof(size_t))
#define TRAILER_SIZE sizeof(size_t)

typedef struct {
    char api;
    PyMemAllocatorEx wrapped;   /* the allocator the hooks were put over */
} debug_domain;

static debug_domain debug_domains[3];

static unsigned char *debug_user(unsigned char *base, size_t size, char api)
{
    memcpy(base, &size, sizeof(size_t));
    base[sizeof(size_t)] = (unsigned char)api;
    memset(base + sizeof(size_t) + 1, PAD_BYTE, sizeof(size_t) - 1);
    memset(base + HEADER_SIZE + size, PAD_BYTE, TRAILER_SIZE);
    return base + HEADER_SIZE;
}

static _Py_NO_RETURN void debug_fail(const unsigned char *user, size_t size,
                                     char api, const char *problem)
{
    fprintf(stderr, "Debug memory block at address p=%p: API '%c'\n"
            "    %zu bytes originally requested\n", (const void *)user,
            api, size);
    fflush(stderr);
    Py_FatalError(problem);
}

/* Check a block's header and trailer; returns its base address. */
static unsigned char *debug_check(const debug_domain *d, void *ptr)
{
    unsigned char *user = ptr;
    unsigned char *base = user - HEADER_SIZE;
    size_t size;
    memcpy(&size, base, sizeof(size_t));
    char api = (char)base[sizeof(size_t)];
    for (size_t i = 1; i < sizeof(size_t); i++) {
        if (base[sizeof(size_t) + i] != PAD_BYTE) {
            debug_fail(user, size, api,
                       "PyMem debug hooks: bad leading pad byte "
                       "(a write before the block, or not a block of this allocator)");
        }
    }
    if (api != d->api) {
        char message[120];
        PyOS_snprintf(message, sizeof(message),
                      "PyMem debug hooks: bad ID: allocated using API '%c', "
                      "verified using API '%c'", api, d->api);
        debug_fail(user, size, api, message);
    }
    for (size_t i = 0; i < TRAILER_SIZE; i++) {
        if (user[size + i] != PAD_BYTE) {
            debug_fail(user, size, api,
                       "PyMem debug hooks: bad trailing pad byte "
                       "(a write past the end of the block)");
        }
    }
    return base;
}

static int debug_size_overflows(size_t size)
{
    return size > (size_t)PY_SSIZE_T_MAX - HEADER_SIZE - TRAILER_SIZE;
}

static void *debug_malloc(void *ctx, size_t size)
{
    debug_domain *d = ctx;
    if (debug_size_overflows(size)) {
        return NULL;
    }
    unsigned char *base = d->wrapped.malloc(d->wrapped.ctx,
                                            HEADER_SIZE + size + TRAILER_SIZE);
    if (base == NULL) {
        return NULL;
    }
    unsigned char *user = debug_user(base, size, d->api);
    memset(user, CLEAN_BYTE, size);
    return user;
}

static void *debug_calloc(void *ctx, size_t nelem, size_t elsize)
{
    debug_domain *d = ctx;
    if (calloc_overflows(nelem, elsize) || debug_size_overflows(nelem * elsize)) {
        return NULL;
    }
    size_t size = nelem * elsize;
    unsigned char *base = d->wrapped.calloc(d->wrapped.ctx, 1,
                                            HEADER_SIZE + size + TRAILER_SIZE);
    return base ? debug_user(base, size, d->api) : NULL;
}

static void *debug_realloc(void *ctx, void *ptr, size_t new_size)
{
    debug_domain *d = ctx;
    if (ptr == NULL) {
        return debug_malloc(ctx, new_size);
    }
    if (debug_size_overflows(new_size)) {
        return NULL;
    }
    unsigned char *base = debug_check(d, ptr);
    size_t old_size;
    memcpy(&old_size, base, sizeof(size_t));
    unsigned char *grown = d->wrapped.realloc(d->wrapped.ctx, base,
                                              HEADER_SIZE + new_size + TRAILER_SIZE);
    if (grown == NULL) {
        return NULL;            /* the old block is intact */
    }
    unsigned char *user = debug_user(grown, new_size, d->api);
    if (new_size > old_size) {
        memset(user + old_size, CLEAN_BYTE, new_size - old_size);
    }
    return user;
}

static void debug_free(void *ctx, void *ptr)
{
    debug_domain *d = ctx;
    if (ptr == NULL) {
        return;
    }
    unsigned char *base = debug_check(d, ptr);
    size_t size;
    memcpy(&size, base, sizeof(size_t));
    memset(base, DEAD_BYTE, HEADER_SIZE + size + TRAILER_SIZE);
    d->wrapped.free(d->wrapped.ctx, base);
}

/* Idempotent; call it before Py_Initialize (blocks allocated before the
   hooks were installed cannot be freed through them), like
   PyMem_SetAllocator. */
void PyMem_SetupDebugHooks(void)
{
    static const char api_letters[3] = {'r', 'm', 'o'};
    for (int domain = 0; domain < 3; domain++) {
        if (allocators[domain].malloc == debug_malloc) {
            continue;
        }
        debug_domains[domain].api = api_letters[domain];
        debug_domains[domain].wrapped = allocators[domain];
        allocators[domain] = (PyMemAllocatorEx){
            &debug_domains[domain], debug_malloc, debug_calloc,
            debug_realloc, debug_free
        };
    }
}

/* ---- named allocator sets (PyPreConfig.allocator, PYTHONMALLOC) ---------- */

static void *libc_malloc(void *ctx, size_t size)
{
    (void)ctx;
    return malloc(nonzero(size));
}

static void *libc_calloc(void *ctx, size_t nelem, size_t elsize)
{
    (void)ctx;
    if (nelem == 0 || elsize == 0) {
        nelem = 1;
        elsize = 1;
    }
    return calloc(nelem, elsize);
}

static void *libc_realloc(void *ctx, void *ptr, size_t new_size)
{
    (void)ctx;
    return realloc(ptr, nonzero(new_size));
}

static void libc_free(void *ctx, void *ptr)
{
    (void)ctx;
    free(ptr);
}

/* Install the allocators `name` stands for, in all three domains; 0, or
   -1 for a name Weft cannot honour (pymalloc, or mimalloc in a build
   without it).  Py_PreInitialize calls it before anything is allocated,
   so no block outlives the allocator that made it. */
int _PyMem_SetupAllocators(PyMemAllocatorName name)
{
    PyMemAllocatorEx chosen = DEFAULT_ALLOCATOR;
    int debug = 0;
    switch (name) {
    case PYMEM_ALLOCATOR_NOT_SET:
        return 0;
    case PYMEM_ALLOCATOR_DEFAULT:
        break;
    case PYMEM_ALLOCATOR_DEBUG:
        debug = 1;
        break;
    case PYMEM_ALLOCATOR_MALLOC_DEBUG:
        debug = 1;
        /* fall through */
    case PYMEM_ALLOCATOR_MALLOC:
        chosen = (PyMemAllocatorEx){NULL, libc_malloc, libc_calloc,
                                    libc_realloc, libc_free};
        break;
    case PYMEM_ALLOCATOR_MIMALLOC_DEBUG:
        debug = 1;
        /* fall through */
    case PYMEM_ALLOCATOR_MIMALLOC:
#if defined(WITH_MIMALLOC)
        break;
#else
        return -1;
#endif
    default:
        return -1;
    }
    for (int domain = 0; domain < 3; domain++) {
        allocators[domain] = chosen;
    }
    if (debug) {
        PyMem_SetupDebugHooks();
    }
    return 0;
}

/* ---- the arena allocator -----------------------------------------------------

   CPython's small-object allocator takes arenas from this allocator.
   Weft's objects come from mimalloc (or the C library), which maps its
   own memory: the arena allocator is kept and returned, as the API
   promises, but nothing in Weft allocates through it. */

static void *default_arena_alloc(void *ctx, size_t size)
{
    (void)ctx;
    void *ptr = mmap(NULL, size, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return ptr == MAP_FAILED ? NULL : ptr;
}

static void default_arena_free(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    munmap(ptr, size);
}

/* Written before other threads run, like the domain allocators. */
static PyObjectArenaAllocator arena_allocator = {
    NULL, default_arena_alloc, default_arena_free
};

void PyObject_GetArenaAllocator(PyObjectArenaAllocator *allocator)
{
    *allocator = arena_allocator;
}

void PyObject_SetArenaAllocator(PyObjectArenaAllocator *allocator)
{
    arena_allocator = *allocator;
}
