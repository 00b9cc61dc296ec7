/* _tracemalloc: trace the memory blocks Python allocates, and where.

   start() wraps the allocators of the three PyMem domains in hooks that
   record every live block: its address, size and the Python traceback of
   the allocation (the innermost max_nframe frames).  Lib/tracemalloc.py
   builds snapshots and statistics on the raw data exported here.  The C
   API PyTraceMalloc_Track/Untrack adds blocks of other domains (numpy's
   arrays, for instance).

   Tracemalloc's own tables live in memory from the C library's malloc, so
   recording a block never re-enters the hooks.

   Thread safety: the hooks run on any thread, in the free-threaded build
   in parallel and in both builds possibly without an attached thread
   state (the raw domain).  One mutex, `table_lock`, protects everything
   below marked "under table_lock": the trace table, the traceback table,
   the counters and the frame scratch buffer.  It is taken without
   detaching (the hooks run where the thread state may not be released)
   and never held while anything allocates through the Python allocators
   or runs Python code, so it cannot deadlock against the GIL or a
   critical section.  `tracing` is read atomically without the lock so
   that a disabled hook costs one load; it is re-checked under the lock
   before a trace is added.  Tables taken out of service (stop,
   clear_traces) are detached under the lock and freed after it, since
   freeing them drops references to file names, which frees memory and
   re-enters the hooks. */
#include "Python.h"
#include "pycore_frame.h"
#include "pycore_gc.h"
#include "pycore_lock.h"
#include "pycore_pystate.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NFRAME 65535
/* The domain of blocks from PyMem_RawMalloc, PyMem_Malloc and
   PyObject_Malloc, as CPython numbers it. */
#define DEFAULT_DOMAIN 0

/* ---- tracebacks --------------------------------------------------------- */

typedef struct {
    PyObject *filename;         /* strong; NULL for '<unknown>' */
    unsigned int lineno;
} tm_frame;

/* An interned traceback: equal tracebacks share one record, which lives
   until the table holding it is freed (clear_traces or stop). */
typedef struct tm_traceback {
    struct tm_traceback *next;  /* hash chain */
    Py_uhash_t hash;
    Py_ssize_t export_index;    /* scratch for export_all(), under lock */
    uint16_t nframe;
    uint16_t total_nframe;
    tm_frame frames[];          /* innermost first */
} tm_traceback;

typedef struct tm_trace {
    struct tm_trace *next;      /* hash chain */
    unsigned int domain;
    uintptr_t ptr;
    size_t size;
    tm_traceback *traceback;
} tm_trace;

/* A chained hash table of traces or tracebacks. */
typedef struct {
    void **buckets;
    size_t nbuckets;            /* a power of two */
    size_t count;
} tm_table;

/* Everything start() sets up and stop() tears down.  Under table_lock. */
typedef struct {
    tm_table traces;            /* of tm_trace */
    tm_table tracebacks;        /* of tm_traceback */
    size_t traced_memory;
    size_t peak_traced_memory;
    size_t own_memory;          /* bytes tracemalloc itself uses */
} tm_state;

static PyMutex table_lock;
static tm_state state;                  /* under table_lock */
static tm_frame *frame_scratch;         /* MAX_NFRAME frames, under lock */
static tm_traceback unknown_traceback = {
    NULL, 0, 0, 1, 1, {{NULL, 0}}
};
/* Written by start() under table_lock, read atomically by the hooks. */
static int tracing;
static int max_nframe = 1;              /* under table_lock */

/* The allocators the hooks wrap, saved when first installed: the hooks
   never use their ctx argument (it is the wrapped allocator's, so that a
   reader seeing the domain table half-updated calls a consistent pair),
   and these stay valid for good once set. */
static PyMemAllocatorEx wrapped[3];
static int hooks_installed;             /* under table_lock */
/* Stored (release) after `wrapped` is filled and before the hooks are
   installed; each hook loads it (acquire) before reading `wrapped`, so a
   thread that finds a hook in the domain table also sees what it wraps. */
static int wrapped_ready;

static inline PyMemAllocatorEx *wrapped_allocator(PyMemAllocatorDomain d)
{
    (void)__atomic_load_n(&wrapped_ready, __ATOMIC_ACQUIRE);
    return &wrapped[d];
}

static inline int is_tracing(void)
{
    return __atomic_load_n(&tracing, __ATOMIC_ACQUIRE);
}

static void lock_tables(void)
{
    /* Wait attached: the lock is never held across a detach. */
    _PyMutex_LockTimed(&table_lock, -1);
}

static void unlock_tables(void)
{
    PyMutex_Unlock(&table_lock);
}

/* ---- tables (memory from the C library) -------------------------------- */

static void *own_alloc(size_t size)
{
    void *p = malloc(size);
    if (p != NULL) {
        state.own_memory += size;
    }
    return p;
}

static void own_free(void *p, size_t size)
{
    state.own_memory -= size;
    free(p);
}

static int table_init(tm_table *t)
{
    t->nbuckets = 64;
    t->count = 0;
    t->buckets = own_alloc(t->nbuckets * sizeof(void *));
    if (t->buckets == NULL) {
        return -1;
    }
    memset(t->buckets, 0, t->nbuckets * sizeof(void *));
    return 0;
}

static Py_uhash_t trace_hash(unsigned int domain, uintptr_t ptr)
{
    /* Blocks are at least 8-byte aligned: drop the bits always zero. */
    Py_uhash_t h = (Py_uhash_t)(ptr >> 3);
    return h ^ ((Py_uhash_t)domain * 1000003u) ^ (h >> 17);
}

/* Double the bucket array when the table gets full; a failed grow leaves
   the table as it was (only slower). */
static void table_maybe_grow(tm_table *t, int is_traces)
{
    if (t->count < t->nbuckets) {
        return;
    }
    size_t nbuckets = t->nbuckets * 2;
    void **buckets = own_alloc(nbuckets * sizeof(void *));
    if (buckets == NULL) {
        return;
    }
    memset(buckets, 0, nbuckets * sizeof(void *));
    for (size_t i = 0; i < t->nbuckets; i++) {
        void *node = t->buckets[i];
        while (node != NULL) {
            Py_uhash_t h;
            void *next;
            void **link;
            if (is_traces) {
                tm_trace *tr = node;
                next = tr->next;
                h = trace_hash(tr->domain, tr->ptr);
                link = &buckets[h & (nbuckets - 1)];
                tr->next = *link;
            }
            else {
                tm_traceback *tb = node;
                next = tb->next;
                h = tb->hash;
                link = &buckets[h & (nbuckets - 1)];
                tb->next = *link;
            }
            *link = node;
            node = next;
        }
    }
    own_free(t->buckets, t->nbuckets * sizeof(void *));
    t->buckets = buckets;
    t->nbuckets = nbuckets;
}

static size_t traceback_bytes(int nframe)
{
    return sizeof(tm_traceback) + (size_t)nframe * sizeof(tm_frame);
}

/* ---- capturing the current traceback (under table_lock) ---------------- */

static Py_uhash_t frames_hash(const tm_frame *frames, int nframe)
{
    Py_uhash_t h = 0x345678u;
    for (int i = 0; i < nframe; i++) {
        h = (h * 1000003u) ^ (Py_uhash_t)(uintptr_t)frames[i].filename;
        h = (h * 1000003u) ^ frames[i].lineno;
    }
    return h;
}

/* Field by field: tm_frame has padding, which memcmp would read. */
static int frames_equal(const tm_frame *a, const tm_frame *b, int nframe)
{
    for (int i = 0; i < nframe; i++) {
        if (a[i].filename != b[i].filename || a[i].lineno != b[i].lineno) {
            return 0;
        }
    }
    return 1;
}

/* The interned traceback of the calling thread's Python stack, or NULL
   when out of memory.  A thread with no thread state attached, or not
   running Python code, gets the '<unknown>' traceback.  Reads only the
   calling thread's own frames. */
static tm_traceback *capture_traceback(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    int nframe = 0, total = 0;
    if (tstate != NULL) {
        for (_PyInterpreterFrame *f = tstate->current_frame; f != NULL;
             f = f->previous) {
            if (nframe < max_nframe) {
                int line = _PyInterpreterFrame_GetLine(f);
                tm_frame *fr = &frame_scratch[nframe];
                fr->filename = _PyFrame_GetCode(f)->co_filename;
                fr->lineno = line < 0 ? 0 : (unsigned int)line;
                nframe++;
            }
            if (total < MAX_NFRAME) {
                total++;
            }
        }
    }
    if (nframe == 0) {
        return &unknown_traceback;
    }
    Py_uhash_t h = frames_hash(frame_scratch, nframe);
    tm_table *t = &state.tracebacks;
    for (tm_traceback *tb = t->buckets[h & (t->nbuckets - 1)]; tb != NULL;
         tb = tb->next) {
        if (tb->hash == h && tb->nframe == nframe && tb->total_nframe == total
                && frames_equal(tb->frames, frame_scratch, nframe)) {
            return tb;
        }
    }
    tm_traceback *tb = own_alloc(traceback_bytes(nframe));
    if (tb == NULL) {
        return NULL;
    }
    tb->hash = h;
    tb->export_index = -1;
    tb->nframe = (uint16_t)nframe;
    tb->total_nframe = (uint16_t)total;
    for (int i = 0; i < nframe; i++) {
        tb->frames[i] = frame_scratch[i];
        /* The traceback outlives the code object: keep its file name.
           Taking a reference allocates nothing. */
        Py_INCREF(tb->frames[i].filename);
    }
    table_maybe_grow(t, 0);
    tm_traceback **link = (tm_traceback **)&t->buckets[h & (t->nbuckets - 1)];
    tb->next = *link;
    *link = tb;
    t->count++;
    return tb;
}

/* ---- the trace table (under table_lock) -------------------------------- */

static tm_trace **find_trace(unsigned int domain, uintptr_t ptr)
{
    tm_table *t = &state.traces;
    tm_trace **link = (tm_trace **)
        &t->buckets[trace_hash(domain, ptr) & (t->nbuckets - 1)];
    while (*link != NULL
           && ((*link)->domain != domain || (*link)->ptr != ptr)) {
        link = &(*link)->next;
    }
    return link;
}

static void count_traced(size_t add, size_t remove)
{
    state.traced_memory = state.traced_memory - remove + add;
    if (state.traced_memory > state.peak_traced_memory) {
        state.peak_traced_memory = state.traced_memory;
    }
}

/* Record (or update) the block; -1 when out of memory. */
static int add_trace(unsigned int domain, uintptr_t ptr, size_t size,
                     tm_traceback *tb)
{
    tm_trace **link = find_trace(domain, ptr);
    if (*link != NULL) {
        count_traced(size, (*link)->size);
        (*link)->size = size;
        (*link)->traceback = tb;
        return 0;
    }
    tm_trace *tr = own_alloc(sizeof(tm_trace));
    if (tr == NULL) {
        return -1;
    }
    tr->domain = domain;
    tr->ptr = ptr;
    tr->size = size;
    tr->traceback = tb;
    tm_table *t = &state.traces;
    table_maybe_grow(t, 1);
    Py_uhash_t h = trace_hash(domain, ptr);
    link = (tm_trace **)&t->buckets[h & (t->nbuckets - 1)];
    tr->next = *link;
    *link = tr;
    t->count++;
    count_traced(size, 0);
    return 0;
}

/* Forget the block; 0 if it was traced (its size and traceback are stored
   in *size and *tb when those are not NULL), -1 if not. */
static int remove_trace(unsigned int domain, uintptr_t ptr, size_t *size,
                        tm_traceback **tb)
{
    tm_trace **link = find_trace(domain, ptr);
    tm_trace *tr = *link;
    if (tr == NULL) {
        return -1;
    }
    *link = tr->next;
    state.traces.count--;
    state.traced_memory -= tr->size;
    if (size != NULL) {
        *size = tr->size;
        *tb = tr->traceback;
    }
    own_free(tr, sizeof(tm_trace));
    return 0;
}

/* Trace a new block of the calling thread; -1 when out of memory. */
static int track_block(unsigned int domain, uintptr_t ptr, size_t size)
{
    tm_traceback *tb = capture_traceback();
    if (tb == NULL) {
        return -1;
    }
    return add_trace(domain, ptr, size, tb);
}

/* ---- the allocator hooks ------------------------------------------------ */

static void *hook_malloc(PyMemAllocatorEx *inner, size_t size)
{
    void *ptr = inner->malloc(inner->ctx, size);
    if (ptr == NULL || !is_tracing()) {
        return ptr;
    }
    lock_tables();
    int failed = tracing
                 && track_block(DEFAULT_DOMAIN, (uintptr_t)ptr, size) < 0;
    unlock_tables();
    if (failed) {
        inner->free(inner->ctx, ptr);
        return NULL;
    }
    return ptr;
}

static void *hook_calloc(PyMemAllocatorEx *inner, size_t nelem, size_t elsize)
{
    void *ptr = inner->calloc(inner->ctx, nelem, elsize);
    if (ptr == NULL || !is_tracing()) {
        return ptr;
    }
    lock_tables();
    size_t size = nelem * elsize;   /* cannot overflow: calloc succeeded */
    int failed = tracing
                 && track_block(DEFAULT_DOMAIN, (uintptr_t)ptr, size) < 0;
    unlock_tables();
    if (failed) {
        inner->free(inner->ctx, ptr);
        return NULL;
    }
    return ptr;
}

/* The old block's trace goes before the inner realloc frees it: another
   thread may be handed the same address at once, and its new trace must
   not be the one removed. */
static void *hook_realloc(PyMemAllocatorEx *inner, void *ptr, size_t size)
{
    if (!is_tracing()) {
        return inner->realloc(inner->ctx, ptr, size);
    }
    size_t old_size = 0;
    tm_traceback *old_tb = NULL;
    int had_trace = -1;
    if (ptr != NULL) {
        lock_tables();
        if (tracing) {
            had_trace = remove_trace(DEFAULT_DOMAIN, (uintptr_t)ptr,
                                     &old_size, &old_tb);
        }
        unlock_tables();
    }
    void *result = inner->realloc(inner->ctx, ptr, size);
    lock_tables();
    if (tracing) {
        if (result != NULL) {
            /* Out of memory for the trace: the block stays, untraced. */
            (void)track_block(DEFAULT_DOMAIN, (uintptr_t)result, size);
        }
        else if (had_trace == 0) {
            (void)add_trace(DEFAULT_DOMAIN, (uintptr_t)ptr, old_size, old_tb);
        }
    }
    unlock_tables();
    return result;
}

static void hook_free(PyMemAllocatorEx *inner, void *ptr)
{
    if (ptr != NULL && is_tracing()) {
        lock_tables();
        if (tracing) {
            (void)remove_trace(DEFAULT_DOMAIN, (uintptr_t)ptr, NULL, NULL);
        }
        unlock_tables();
    }
    inner->free(inner->ctx, ptr);
}

#define DOMAIN_HOOKS(name, domain)                                          \
    static void *name##_malloc(void *ctx, size_t size)                      \
    {                                                                       \
        (void)ctx;                                                          \
        return hook_malloc(wrapped_allocator(domain), size);                \
    }                                                                       \
    static void *name##_calloc(void *ctx, size_t nelem, size_t elsize)      \
    {                                                                       \
        (void)ctx;                                                          \
        return hook_calloc(wrapped_allocator(domain), nelem, elsize);       \
    }                                                                       \
    static void *name##_realloc(void *ctx, void *ptr, size_t size)          \
    {                                                                       \
        (void)ctx;                                                          \
        return hook_realloc(wrapped_allocator(domain), ptr, size);          \
    }                                                                       \
    static void name##_free(void *ctx, void *ptr)                           \
    {                                                                       \
        (void)ctx;                                                          \
        hook_free(wrapped_allocator(domain), ptr);                          \
    }

DOMAIN_HOOKS(raw, PYMEM_DOMAIN_RAW)
DOMAIN_HOOKS(mem, PYMEM_DOMAIN_MEM)
DOMAIN_HOOKS(obj, PYMEM_DOMAIN_OBJ)

/* fork() while another thread holds table_lock would leave the child's
   lock held for good: the fork waits for the lock, and the child starts
   with it free (its other threads are gone, and so are their waits). */
static void before_fork(void)
{
    lock_tables();
}

static void after_fork_parent(void)
{
    unlock_tables();
}

static void after_fork_child(void)
{
    table_lock = (PyMutex){0};
}

/* Put the hooks in front of the current allocators, once: stop() leaves
   them installed but idle, because another thread may be inside one and
   PyMem_SetAllocator is not atomic.  Each hook passes the wrapped
   allocator's own ctx, so a half-written domain entry is still a working
   pair.  Called with table_lock held. */
static void install_hooks(void)
{
    if (hooks_installed) {
        return;
    }
    const PyMemAllocatorDomain domains[3] = {
        PYMEM_DOMAIN_RAW, PYMEM_DOMAIN_MEM, PYMEM_DOMAIN_OBJ
    };
    PyMemAllocatorEx hooks[3] = {
        {NULL, raw_malloc, raw_calloc, raw_realloc, raw_free},
        {NULL, mem_malloc, mem_calloc, mem_realloc, mem_free},
        {NULL, obj_malloc, obj_calloc, obj_realloc, obj_free},
    };
    for (int i = 0; i < 3; i++) {
        PyMem_GetAllocator(domains[i], &wrapped[domains[i]]);
    }
    __atomic_store_n(&wrapped_ready, 1, __ATOMIC_RELEASE);
    for (int i = 0; i < 3; i++) {
        hooks[i].ctx = wrapped[domains[i]].ctx;
        PyMem_SetAllocator(domains[i], &hooks[i]);
    }
    (void)pthread_atfork(before_fork, after_fork_parent, after_fork_child);
    hooks_installed = 1;
}

/* ---- start, stop, clear ------------------------------------------------- */

/* Take the tables out of service (under table_lock); *old receives them
   for free_state() once the lock is released. */
static int reset_state(tm_state *old)
{
    tm_state fresh = {0};
    size_t saved_own = state.own_memory;
    state.own_memory = 0;
    if (table_init(&fresh.traces) < 0 || table_init(&fresh.tracebacks) < 0) {
        free(fresh.traces.buckets);
        state.own_memory = saved_own;
        return -1;
    }
    fresh.own_memory = state.own_memory;
    state.own_memory = saved_own;
    *old = state;
    state = fresh;
    return 0;
}

/* Free detached tables: the caller holds no lock and has a thread state
   attached, since dropping file names may run deallocators. */
static void free_state(tm_state *old)
{
    for (size_t i = 0; i < old->traces.nbuckets; i++) {
        tm_trace *tr = old->traces.buckets[i];
        while (tr != NULL) {
            tm_trace *next = tr->next;
            free(tr);
            tr = next;
        }
    }
    for (size_t i = 0; i < old->tracebacks.nbuckets; i++) {
        tm_traceback *tb = old->tracebacks.buckets[i];
        while (tb != NULL) {
            tm_traceback *next = tb->next;
            for (int j = 0; j < tb->nframe; j++) {
                Py_XDECREF(tb->frames[j].filename);
            }
            free(tb);
            tb = next;
        }
    }
    free(old->traces.buckets);
    free(old->tracebacks.buckets);
    memset(old, 0, sizeof(*old));
}

static int tm_start(int nframe)
{
    if (nframe < 1 || nframe > MAX_NFRAME) {
        PyErr_Format(PyExc_ValueError,
                     "the number of frames must be in range [1; %d]",
                     MAX_NFRAME);
        return -1;
    }
    tm_state old = {0};
    int status = 0;
    lock_tables();
    if (!tracing) {
        if (frame_scratch == NULL) {
            frame_scratch = malloc(MAX_NFRAME * sizeof(tm_frame));
        }
        if (frame_scratch == NULL || reset_state(&old) < 0) {
            status = -1;
        }
        else {
            max_nframe = nframe;
            install_hooks();
            __atomic_store_n(&tracing, 1, __ATOMIC_RELEASE);
        }
    }
    unlock_tables();
    free_state(&old);
    if (status < 0) {
        PyErr_NoMemory();
    }
    return status;
}

/* Stop tracing (stop) or only forget the traces (clear_traces). */
static int tm_reset(int stop)
{
    tm_state old = {0};
    int status = 0;
    lock_tables();
    if (tracing) {
        if (stop) {
            __atomic_store_n(&tracing, 0, __ATOMIC_RELEASE);
            old = state;
            memset(&state, 0, sizeof(state));
        }
        else {
            status = reset_state(&old);
        }
    }
    unlock_tables();
    free_state(&old);
    if (status < 0) {
        PyErr_NoMemory();
    }
    return status;
}

/* ---- the C API ---------------------------------------------------------- */

int PyTraceMalloc_Track(unsigned int domain, uintptr_t ptr, size_t size)
{
    if (!is_tracing()) {
        return -2;
    }
    lock_tables();
    int result = !tracing ? -2 : track_block(domain, ptr, size);
    unlock_tables();
    return result;
}

int PyTraceMalloc_Untrack(unsigned int domain, uintptr_t ptr)
{
    if (!is_tracing()) {
        return -2;
    }
    lock_tables();
    int result = !tracing ? -2 : 0;
    if (result == 0) {
        (void)remove_trace(domain, ptr, NULL, NULL);
    }
    unlock_tables();
    return result;
}

/* ---- exporting to Python ------------------------------------------------ */

/* A traceback as a tuple of (filename, lineno) pairs, innermost first. */
static PyObject *traceback_to_tuple(const tm_frame *frames, int nframe)
{
    PyObject *result = PyTuple_New(nframe);
    if (result == NULL) {
        return NULL;
    }
    for (int i = 0; i < nframe; i++) {
        PyObject *filename = frames[i].filename;
        PyObject *pair = filename != NULL
            ? Py_BuildValue("(OI)", filename, frames[i].lineno)
            : Py_BuildValue("(sI)", "<unknown>", frames[i].lineno);
        if (pair == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        PyTuple_SET_ITEM(result, i, pair);
    }
    return result;
}

/* A private copy of tracebacks and traces, made under the lock so that
   the Python objects can be built after it (building them allocates). */
typedef struct {
    Py_ssize_t ntracebacks;
    tm_traceback **tracebacks;      /* copies, file names referenced */
    Py_ssize_t ntraces;
    struct exported_trace {
        unsigned int domain;
        size_t size;
        Py_ssize_t traceback;       /* index into tracebacks */
    } *traces;
} tm_export;

static void export_free(tm_export *ex)
{
    for (Py_ssize_t i = 0; i < ex->ntracebacks; i++) {
        tm_traceback *tb = ex->tracebacks[i];
        if (tb == NULL) {
            continue;
        }
        for (int j = 0; j < tb->nframe; j++) {
            Py_XDECREF(tb->frames[j].filename);
        }
        free(tb);
    }
    free(ex->tracebacks);
    free(ex->traces);
}

static tm_traceback *copy_traceback(const tm_traceback *tb)
{
    tm_traceback *copy = malloc(traceback_bytes(tb->nframe));
    if (copy != NULL) {
        memcpy(copy, tb, traceback_bytes(tb->nframe));
        for (int j = 0; j < copy->nframe; j++) {
            Py_XINCREF(copy->frames[j].filename);
        }
    }
    return copy;
}

/* Fill *ex from the live tables; -1 when out of memory (ex is then
   partly filled and must still be released with export_free). */
static int export_all(tm_export *ex)
{
    int status = -1;
    lock_tables();
    if (!tracing) {
        status = 0;
        goto done;
    }
    /* One more slot for the shared '<unknown>' traceback. */
    size_t ntb = state.tracebacks.count + 1;
    ex->tracebacks = calloc(ntb, sizeof(tm_traceback *));
    ex->traces = malloc((state.traces.count + 1) * sizeof(*ex->traces));
    if (ex->tracebacks == NULL || ex->traces == NULL) {
        goto done;
    }
    unknown_traceback.export_index = 0;
    ex->tracebacks[ex->ntracebacks++] = copy_traceback(&unknown_traceback);
    if (ex->tracebacks[0] == NULL) {
        goto done;
    }
    for (size_t i = 0; i < state.tracebacks.nbuckets; i++) {
        for (tm_traceback *tb = state.tracebacks.buckets[i]; tb != NULL;
             tb = tb->next) {
            tb->export_index = ex->ntracebacks;
            ex->tracebacks[ex->ntracebacks] = copy_traceback(tb);
            if (ex->tracebacks[ex->ntracebacks++] == NULL) {
                goto done;
            }
        }
    }
    for (size_t i = 0; i < state.traces.nbuckets; i++) {
        for (tm_trace *tr = state.traces.buckets[i]; tr != NULL;
             tr = tr->next) {
            struct exported_trace *et = &ex->traces[ex->ntraces++];
            et->domain = tr->domain;
            et->size = tr->size;
            et->traceback = tr->traceback->export_index;
        }
    }
    status = 0;
done:
    unlock_tables();
    return status;
}

/* ---- the module's functions --------------------------------------------- */

static PyObject *tm_is_tracing(PyObject *module, PyObject *Py_UNUSED(arg))
{
    (void)module;
    return PyBool_FromLong(is_tracing());
}

static PyObject *tm_clear_traces(PyObject *module, PyObject *Py_UNUSED(arg))
{
    (void)module;
    if (tm_reset(0) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *tm_start_py(PyObject *module, PyObject *args)
{
    (void)module;
    int nframe = 1;
    if (!PyArg_ParseTuple(args, "|i:start", &nframe)) {
        return NULL;
    }
    if (tm_start(nframe) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *tm_stop(PyObject *module, PyObject *Py_UNUSED(arg))
{
    (void)module;
    if (tm_reset(1) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *tm_get_traceback_limit(PyObject *module,
                                        PyObject *Py_UNUSED(arg))
{
    (void)module;
    lock_tables();
    int n = max_nframe;
    unlock_tables();
    return PyLong_FromLong(n);
}

static PyObject *tm_get_tracemalloc_memory(PyObject *module,
                                           PyObject *Py_UNUSED(arg))
{
    (void)module;
    lock_tables();
    size_t size = state.own_memory;
    unlock_tables();
    return PyLong_FromSize_t(size);
}

static PyObject *tm_get_traced_memory(PyObject *module,
                                      PyObject *Py_UNUSED(arg))
{
    (void)module;
    size_t current = 0, peak = 0;
    lock_tables();
    if (tracing) {
        current = state.traced_memory;
        peak = state.peak_traced_memory;
    }
    unlock_tables();
    return Py_BuildValue("(nn)", (Py_ssize_t)current, (Py_ssize_t)peak);
}

static PyObject *tm_reset_peak(PyObject *module, PyObject *Py_UNUSED(arg))
{
    (void)module;
    lock_tables();
    if (tracing) {
        state.peak_traced_memory = state.traced_memory;
    }
    unlock_tables();
    Py_RETURN_NONE;
}

static PyObject *build_traces(tm_export *ex)
{
    PyObject *tuples = PyList_New(ex->ntracebacks);
    PyObject *result = tuples ? PyList_New(0) : NULL;
    if (result == NULL) {
        Py_XDECREF(tuples);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < ex->ntraces; i++) {
        struct exported_trace *et = &ex->traces[i];
        tm_traceback *tb = ex->tracebacks[et->traceback];
        PyObject *frames = PyList_GET_ITEM(tuples, et->traceback);
        if (frames == NULL) {
            /* Equal tracebacks share one tuple, as they share a record. */
            frames = traceback_to_tuple(tb->frames, tb->nframe);
            if (frames == NULL) {
                goto error;
            }
            PyList_SET_ITEM(tuples, et->traceback, frames);
        }
        PyObject *item = Py_BuildValue("(InOi)", et->domain,
                                       (Py_ssize_t)et->size, frames,
                                       (int)tb->total_nframe);
        if (item == NULL || PyList_Append(result, item) < 0) {
            Py_XDECREF(item);
            goto error;
        }
        Py_DECREF(item);
    }
    Py_DECREF(tuples);
    return result;
error:
    Py_DECREF(tuples);
    Py_DECREF(result);
    return NULL;
}

static PyObject *tm_get_traces(PyObject *module, PyObject *Py_UNUSED(arg))
{
    (void)module;
    tm_export ex = {0};
    PyObject *result = NULL;
    if (export_all(&ex) < 0) {
        PyErr_NoMemory();
    }
    else {
        result = build_traces(&ex);
    }
    export_free(&ex);
    return result;
}

/* The traceback where obj's memory block was allocated, or None. */
static PyObject *tm_get_object_traceback(PyObject *module, PyObject *obj)
{
    (void)module;
    uintptr_t ptr = (uintptr_t)obj;
    if (PyType_IS_GC(Py_TYPE(obj))) {
        ptr -= _PyGC_PreHeaderSize();
    }
    tm_traceback *copy = NULL;
    int found = 0;
    lock_tables();
    if (tracing) {
        tm_trace *tr = *find_trace(DEFAULT_DOMAIN, ptr);
        if (tr != NULL) {
            found = 1;
            copy = copy_traceback(tr->traceback);
        }
    }
    unlock_tables();
    if (!found) {
        Py_RETURN_NONE;
    }
    if (copy == NULL) {
        return PyErr_NoMemory();
    }
    PyObject *result = traceback_to_tuple(copy->frames, copy->nframe);
    for (int j = 0; j < copy->nframe; j++) {
        Py_XDECREF(copy->frames[j].filename);
    }
    free(copy);
    return result;
}

static PyMethodDef tm_methods[] = {
    {"is_tracing", tm_is_tracing, METH_NOARGS,
     "Return True if tracemalloc is tracing Python memory allocations."},
    {"clear_traces", tm_clear_traces, METH_NOARGS,
     "Clear the traces of memory blocks allocated by Python."},
    {"start", tm_start_py, METH_VARARGS,
     "start($module, nframe=1, /)\n--\n\n"
     "Start tracing Python memory allocations, storing at most nframe\n"
     "frames per traceback."},
    {"stop", tm_stop, METH_NOARGS,
     "Stop tracing Python memory allocations and clear the traces."},
    {"get_traceback_limit", tm_get_traceback_limit, METH_NOARGS,
     "The maximum number of frames stored in a traceback."},
    {"get_tracemalloc_memory", tm_get_tracemalloc_memory, METH_NOARGS,
     "The memory usage in bytes of the tracemalloc module itself."},
    {"get_traced_memory", tm_get_traced_memory, METH_NOARGS,
     "(current, peak) sizes in bytes of the traced memory blocks."},
    {"reset_peak", tm_reset_peak, METH_NOARGS,
     "Set the peak size of traced memory blocks to the current size."},
    {"_get_traces", tm_get_traces, METH_NOARGS,
     "The traces: a list of (domain, size, traceback, total_nframe)."},
    {"_get_object_traceback", tm_get_object_traceback, METH_O,
     "The traceback where the object was allocated, or None."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot tm_slots[] = {
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef tm_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_tracemalloc",
    .m_doc = "Debug module to trace memory blocks allocated by Python.",
    .m_size = 0,
    .m_methods = tm_methods,
    .m_slots = tm_slots,
};

PyMODINIT_FUNC PyInit__tracemalloc(void)
{
    return PyModuleDef_Init(&tm_module);
}
