/* Per-thread free lists: the one mechanism every type with a free list
   uses (Objects/object.c holds the out-of-line part).

   Small objects of a few types are created and destroyed at a high rate
   (floats and ints from arithmetic, tuples from calls and unpacking,
   bound methods, slices).  A dead object of such a type is kept on its
   thread's list and handed out again by the next allocation, which saves
   the allocator round trip and, for GC objects, the zeroing of the GC
   pre-header.

   Invariants:
   - The lists are thread-local (__thread), so they need no lock in either
     build.  An object freed by a thread other than its creator joins the
     freeing thread's list.
   - Each list is bounded (its `_Py_FREELIST_*` maximum); a full list
     hands the object to the allocator as before.
   - A listed object is dead: its count is zero, it is not tracked by the
     GC (the type's dealloc untracks it first), and its first word holds
     the link to the next listed object.  In the free-threaded build that
     word is ob_tid, which then names no thread, and ob_ref_local stays 0,
     so a lock-free reader's _Py_TryIncref fails on it as on any dead
     object.
   - An object whose counts were merged (other threads could reach it; see
     Objects/refcount.c) never goes on a list: its memory must stay an
     object header until QSBR says no reader holds it, so it is freed
     through the allocator (which delays it).
   - A thread's lists are emptied when its thread state is deleted and
     again by a pthread key destructor when the OS thread exits (objects
     freed after the thread state went away); the main thread's at
     finalization.
   - Disabled under AddressSanitizer, so that use after free stays
     detectable. */
#ifndef Py_INTERNAL_FREELIST_H
#define Py_INTERNAL_FREELIST_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "pycore_gc.h"
#include "pycore_object.h"
#include "pycore_refcount.h"

#ifdef _Py_ADDRESS_SANITIZER
#  define _Py_FREELISTS_ENABLED 0
#else
#  define _Py_FREELISTS_ENABLED 1
#endif

/* Maximum lengths, per thread. */
#define _Py_FREELIST_FLOATS 100
#define _Py_FREELIST_INTS 100           /* one-digit ints */
#define _Py_FREELIST_TUPLE_SIZES 20     /* tuples of 1 .. 20 items */
#define _Py_FREELIST_TUPLES 2000        /* per tuple size */
#define _Py_FREELIST_SLICES 1
#define _Py_FREELIST_METHODS 16         /* bound methods */
#define _Py_FREELIST_LISTS 80           /* list objects (Objects/listobject.c) */
#define _Py_FREELIST_DICTS 80           /* dict objects (Objects/dictobject.c) */
#define _Py_FREELIST_LISTITERS 16       /* list iterators (listobject.c) */
#define _Py_FREELIST_TUPLEITERS 16      /* tuple iterators (tupleobject.c) */

typedef struct {
    PyObject *head;     /* the first listed object, or NULL */
    int size;
} _Py_freelist;

struct _Py_freelists {
    _Py_freelist floats;
    _Py_freelist ints;
    _Py_freelist tuples[_Py_FREELIST_TUPLE_SIZES];
    _Py_freelist slices;
    _Py_freelist methods;
    _Py_freelist lists;     /* GC objects with no item storage left */
    _Py_freelist dicts;     /* GC objects with no keys or values left */
    _Py_freelist listiters; /* GC objects holding no list */
    _Py_freelist tupleiters; /* GC objects holding no tuple */
    /* 1 once the thread-exit destructor knows this thread, -1 when that
       could not be arranged (the lists are then not used). */
    int registered;
};

/* The calling thread's lists; owner-only, so plain accesses suffice. */
extern __thread struct _Py_freelists _Py_freelists_tls;

/* Arrange for the calling thread's lists to be emptied at its exit;
   returns 0 if that cannot be done. */
PyAPI_FUNC(int) _Py_freelists_register(void);
/* Empty the calling thread's lists, giving every object back to the
   allocator.  Called when a thread state is deleted, at finalization and
   at OS thread exit. */
PyAPI_FUNC(void) _Py_freelists_clear(void);

static inline struct _Py_freelists *_Py_freelists_get(void)
{
    return &_Py_freelists_tls;
}

static inline PyObject *_Py_freelist_next(PyObject *op)
{
    PyObject *next;
    memcpy(&next, op, sizeof(next));
    return next;
}

/* A listed object, unlinked, or NULL when the list is empty.  The object
   needs its header (and, for GC objects, the GC pre-header) set again. */
static inline PyObject *_Py_freelist_pop(_Py_freelist *fl)
{
    PyObject *op = fl->head;
    if (op != NULL) {
        fl->head = _Py_freelist_next(op);
        fl->size--;
    }
    return op;
}

/* Keep the dead object `op` on `fl` if the list has room: returns 1 if it
   was kept, 0 if the caller must free it as usual. */
static inline int _Py_freelist_push(_Py_freelist *fl, PyObject *op, int max)
{
    if (!_Py_FREELISTS_ENABLED || fl->size >= max) {
        return 0;
    }
#ifdef Py_GIL_DISABLED
    if (_PyObject_FreeIsDelayed(op)) {
        return 0;
    }
#endif
    if (_Py_freelists_tls.registered <= 0 && !_Py_freelists_register()) {
        return 0;
    }
    memcpy(op, &fl->head, sizeof(fl->head));
    fl->head = op;
    fl->size++;
    return 1;
}

/* A listed GC object made a fresh, untracked instance of `type` (one
   reference, a zeroed pre-header, as _PyObject_GC_New leaves it), or NULL
   when `fl` is empty.  The allocation count the GC schedules by is not
   bumped: the object was never counted as deallocated either. */
static inline PyObject *_Py_freelist_pop_gc(_Py_freelist *fl, PyTypeObject *type)
{
    PyObject *op = _Py_freelist_pop(fl);
    if (op != NULL) {
        memset(_Py_AS_GC(op), 0, sizeof(PyGC_Head));
        _PyObject_Init(op, type);
    }
    return op;
}

#endif /* Py_INTERNAL_FREELIST_H */
