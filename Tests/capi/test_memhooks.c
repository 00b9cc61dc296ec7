/* The allocator hooks (Objects/obmalloc.c): every domain's calls go
   through the allocator installed for it, the arena allocator round-trips
   and tracemalloc's C API says tracing is off.  The debug hooks end the
   process on a bad block, so Tests/capi/embed_capi6.c checks them. */
#include "testlib.h"

typedef struct {
    PyMemAllocatorEx wrapped;
    int mallocs, callocs, reallocs, frees;
} counting_hook;

static void *count_malloc(void *ctx, size_t size)
{
    counting_hook *hook = ctx;
    hook->mallocs++;
    return hook->wrapped.malloc(hook->wrapped.ctx, size);
}

static void *count_calloc(void *ctx, size_t nelem, size_t elsize)
{
    counting_hook *hook = ctx;
    hook->callocs++;
    return hook->wrapped.calloc(hook->wrapped.ctx, nelem, elsize);
}

static void *count_realloc(void *ctx, void *ptr, size_t size)
{
    counting_hook *hook = ctx;
    hook->reallocs++;
    return hook->wrapped.realloc(hook->wrapped.ctx, ptr, size);
}

static void count_free(void *ctx, void *ptr)
{
    counting_hook *hook = ctx;
    hook->frees++;
    hook->wrapped.free(hook->wrapped.ctx, ptr);
}

/* Puts a counting hook over domain; the hook wraps the allocator that was
   there, so blocks cross the switch safely. */
static void install(PyMemAllocatorDomain domain, counting_hook *hook)
{
    memset(hook, 0, sizeof(*hook));
    PyMem_GetAllocator(domain, &hook->wrapped);
    PyMemAllocatorEx alloc = {hook, count_malloc, count_calloc, count_realloc,
                              count_free};
    PyMem_SetAllocator(domain, &alloc);
}

static void test_each_domain_routes_through_its_hook(void)
{
    counting_hook raw, mem, obj;
    install(PYMEM_DOMAIN_RAW, &raw);
    install(PYMEM_DOMAIN_MEM, &mem);
    install(PYMEM_DOMAIN_OBJ, &obj);
    void *a = PyMem_RawMalloc(10);
    a = PyMem_RawRealloc(a, 100);
    void *b = PyMem_Calloc(4, 8);
    void *c = PyObject_Malloc(24);
    void *d = PyObject_Calloc(2, 2);
    int raw_mallocs = raw.mallocs, raw_reallocs = raw.reallocs;
    int mem_callocs = mem.callocs, obj_mallocs = obj.mallocs;
    int obj_callocs = obj.callocs;
    int zeroed = b && d && ((char *)b)[31] == 0 && ((char *)d)[3] == 0;
    PyMem_RawFree(a);
    PyMem_Free(b);
    PyObject_Free(c);
    PyObject_Free(d);
    int raw_frees = raw.frees, mem_frees = mem.frees, obj_frees = obj.frees;
    PyMem_SetAllocator(PYMEM_DOMAIN_RAW, &raw.wrapped);
    PyMem_SetAllocator(PYMEM_DOMAIN_MEM, &mem.wrapped);
    PyMem_SetAllocator(PYMEM_DOMAIN_OBJ, &obj.wrapped);
    CHECK(a != NULL && b != NULL && c != NULL && d != NULL);
    CHECK(raw_mallocs >= 1 && raw_reallocs >= 1 && raw_frees >= 1);
    CHECK(mem_callocs >= 1 && mem_frees >= 1);
    CHECK(obj_mallocs >= 1 && obj_callocs >= 1 && obj_frees >= 2);
    CHECK(zeroed);
}

static void test_objects_allocate_through_the_object_domain(void)
{
    counting_hook obj;
    install(PYMEM_DOMAIN_OBJ, &obj);
    PyObject *list = PyList_New(0);
    PyObject *text = PyUnicode_FromString("a fresh string for the hook");
    Py_XDECREF(list);
    Py_XDECREF(text);
    int mallocs = obj.mallocs;
    PyMem_SetAllocator(PYMEM_DOMAIN_OBJ, &obj.wrapped);
    CHECK(mallocs >= 1);
}

static void test_get_returns_what_was_set(void)
{
    PyMemAllocatorEx before, hook, after;
    counting_hook state;
    memset(&state, 0, sizeof(state));
    PyMem_GetAllocator(PYMEM_DOMAIN_MEM, &before);
    CHECK(before.malloc != NULL && before.free != NULL);
    state.wrapped = before;
    hook = (PyMemAllocatorEx){&state, count_malloc, count_calloc, count_realloc,
                              count_free};
    PyMem_SetAllocator(PYMEM_DOMAIN_MEM, &hook);
    PyMem_GetAllocator(PYMEM_DOMAIN_MEM, &after);
    PyMem_SetAllocator(PYMEM_DOMAIN_MEM, &before);
    CHECK(after.ctx == &state && after.malloc == count_malloc
          && after.free == count_free);
    /* Zero bytes still give a unique, freeable block. */
    void *p = PyMem_Malloc(0), *q = PyMem_Malloc(0);
    CHECK(p != NULL && q != NULL && p != q);
    PyMem_Free(p);
    PyMem_Free(q);
    CHECK(PyMem_Malloc((size_t)PY_SSIZE_T_MAX + 1) == NULL);
}

static void *arena_alloc(void *ctx, size_t size)
{
    (void)ctx;
    return malloc(size);
}

static void arena_free(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    (void)size;
    free(ptr);
}

static void test_arena_allocator(void)
{
    PyObjectArenaAllocator def, mine = {&def, arena_alloc, arena_free}, got;
    PyObject_GetArenaAllocator(&def);
    CHECK(def.alloc != NULL && def.free != NULL);
    void *arena = def.alloc(def.ctx, 1 << 16);
    CHECK(arena != NULL);
    if (arena != NULL) {
        ((char *)arena)[(1 << 16) - 1] = 1;
        def.free(def.ctx, arena, 1 << 16);
    }
    PyObject_SetArenaAllocator(&mine);
    PyObject_GetArenaAllocator(&got);
    PyObject_SetArenaAllocator(&def);
    CHECK(got.ctx == &def && got.alloc == arena_alloc && got.free == arena_free);
}

static void test_tracemalloc_is_off(void)
{
    int x;
    CHECK(PyTraceMalloc_Track(0, (uintptr_t)&x, sizeof(x)) == -2);
    CHECK(PyTraceMalloc_Untrack(0, (uintptr_t)&x) == -2);
    CHECK(!PyErr_Occurred());
}

void suite_memhooks(void)
{
    RUN(test_each_domain_routes_through_its_hook);
    RUN(test_objects_allocate_through_the_object_domain);
    RUN(test_get_returns_what_was_set);
    RUN(test_arena_allocator);
    RUN(test_tracemalloc_is_off);
}
