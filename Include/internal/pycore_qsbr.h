/* Quiescent-state-based reclamation (Python/qsbr.c, DESIGN.md section 5).

   Memory that lock-free readers may still be reading (a list's item
   array, a dict's key table) is not freed at once: _PyMem_FreeDelayed
   records it with a goal, a new value of the interpreter's write sequence,
   and it is freed once every attached thread has passed a quiescent point
   (an eval-breaker check, a detach) after the goal was set.  A detached
   thread reads nothing and never holds reclamation up.

   Rule for lock-free readers: read the shared pointer and use the memory
   only while attached, and never keep the pointer across a detach or a
   _Py_HandlePending call.  In the default build the GIL excludes readers
   and delayed frees happen at once.

   Free-threaded build, single thread: until a second OS thread attaches
   to the interpreter, no lock-free reader other than the freeing thread
   itself can exist, and that thread is not reading while it frees.  So
   delayed frees happen at once too (see free_delayed in Python/qsbr.c
   for the ordering with a thread attaching at the same moment).  The
   switch to "multi-threaded" happens once and is never undone. */
#ifndef Py_INTERNAL_QSBR_H
#define Py_INTERNAL_QSBR_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#define _Py_QSBR_OFFLINE 0          /* a detached thread's sequence */
#define _Py_QSBR_INITIAL 1
#define _Py_QSBR_BATCH 254          /* pending frees that trigger processing */

typedef struct {
    void *ptr;
    void (*free_fn)(void *);
    uint64_t goal;
} _Py_qsbr_item;

typedef struct {
    _Py_qsbr_item *items;
    Py_ssize_t size;
    Py_ssize_t capacity;
    Py_ssize_t process_at;          /* size at which the next push processes */
} _Py_qsbr_list;

/* Per interpreter. */
struct _qsbr_shared {
    uint64_t wr_seq;                /* atomic: advanced by every delayed free */
    uint64_t rd_seq;                /* atomic: last known minimum of thread seqs */
    PyMutex orphans_mutex;
    _Py_qsbr_list orphans;          /* left by exited threads, under orphans_mutex */
    int has_orphans;                /* atomic hint: orphans.size != 0 */
    uintptr_t first_thread;         /* atomic: _Py_ThreadId() of the first
                                       thread to attach, set once */
    int multi_threaded;             /* atomic: another thread has attached;
                                       goes 0 -> 1 once, by an exchange */
    _Py_qsbr_list orphan_decrefs;   /* delayed references of exited
                                       threads, under orphans_mutex */
    int has_orphan_decrefs;         /* atomic hint: orphan_decrefs.size != 0 */
};

/* Per thread state. */
struct _qsbr_thread_state {
    uint64_t seq;                   /* atomic: wr_seq at the last quiescent point */
    _Py_qsbr_list pending;          /* owner only */
    _Py_qsbr_list decrefs;          /* owner only: delayed references */
};

/* Free `ptr` with PyMem_Free / PyObject_Free once no lock-free reader can
   hold it.  The caller must be attached. */
PyAPI_FUNC(void) _PyMem_FreeDelayed(void *ptr);
PyAPI_FUNC(void) _PyObject_FreeDelayed(void *ptr);
/* The same for the memory block of an object that died after its counts
   were merged (Objects/refcount.c): bypasses PyObject_Free's own check. */
PyAPI_FUNC(void) _PyMem_FreeDelayedRaw(void *ptr);
/* The allocator's free with no QSBR check (Objects/obmalloc.c). */
PyAPI_FUNC(void) _PyObject_FreeNow(void *ptr);

/* Drop one reference to `op` once every attached thread has passed a
   quiescent point (free-threaded build; the caller is attached and owns
   the reference).  For a writer that removes an item from a list other
   threads may hold QSBR-borrowed (pycore_stackref.h): the item stays
   alive as long as such a borrow can.  Unlike the delayed frees, the
   decrements run only where arbitrary code may run: at an eval-breaker
   check (_PyObject_ProcessDelayedDecrefs), never inside the call that
   records one, which is made in the middle of a list mutation. */
PyAPI_FUNC(void) _PyObject_DecRefDelayed(PyObject *op);
/* Run the delayed decrements every thread has passed (this thread's and
   exited threads'); called at eval-breaker checks and at finalization. */
PyAPI_FUNC(void) _PyObject_ProcessDelayedDecrefs(PyThreadState *tstate);

/* The calling thread holds no pointer read lock-free before this point. */
PyAPI_FUNC(void) _Py_qsbr_quiescent_state(PyThreadState *tstate);
/* Free what every thread has passed; called at eval-breaker checks. */
PyAPI_FUNC(void) _PyMem_ProcessDelayed(PyThreadState *tstate);

/* True once a second OS thread has attached to `interp` (always 0 in the
   default build).  Never goes back to 0; a 0 may be stale by the time
   the caller acts on it, unless the caller only uses it for speed. */
PyAPI_FUNC(int) _Py_qsbr_is_multi_threaded(PyInterpreterState *interp);

void _Py_qsbr_attach(PyThreadState *tstate);
void _Py_qsbr_detach(PyThreadState *tstate);
void _Py_qsbr_thread_exit(PyThreadState *tstate);
void _Py_qsbr_fini(PyInterpreterState *interp);

#endif /* Py_INTERNAL_QSBR_H */
