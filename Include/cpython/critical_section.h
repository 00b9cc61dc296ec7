/* Per-object critical sections (DESIGN.md section 5).

   Py_BEGIN_CRITICAL_SECTION(op) locks op's ob_mutex until the matching
   Py_END_CRITICAL_SECTION().  The two-object form locks both in address
   order.  A thread's active sections form a stack in its thread state;
   when the thread detaches (blocks) they are released and re-acquired on
   resume, so two critical sections can never deadlock.  In the default
   build the GIL already serialises mutation and these are empty. */
#ifndef Py_CPYTHON_CRITICAL_SECTION_H
#define Py_CPYTHON_CRITICAL_SECTION_H

typedef struct PyCriticalSection PyCriticalSection;
typedef struct PyCriticalSection2 PyCriticalSection2;

/* Lowest bit of a pointer in the per-thread stack marks a two-object
   section; the next one marks a section suspended while detached. */
struct PyCriticalSection {
    uintptr_t _cs_prev;
    PyMutex *_cs_mutex;
};

struct PyCriticalSection2 {
    PyCriticalSection _cs_base;
    PyMutex *_cs_mutex2;
};

PyAPI_FUNC(void) PyCriticalSection_Begin(PyCriticalSection *c, PyObject *op);
PyAPI_FUNC(void) PyCriticalSection_BeginMutex(PyCriticalSection *c, PyMutex *m);
PyAPI_FUNC(void) PyCriticalSection_End(PyCriticalSection *c);
PyAPI_FUNC(void) PyCriticalSection2_Begin(PyCriticalSection2 *c, PyObject *a, PyObject *b);
PyAPI_FUNC(void) PyCriticalSection2_BeginMutex(PyCriticalSection2 *c, PyMutex *m1, PyMutex *m2);
PyAPI_FUNC(void) PyCriticalSection2_End(PyCriticalSection2 *c);

#if defined(Py_GIL_DISABLED) && defined(_Py_BUILD_LIBPYTHON)
/* libpython's own one-object sections (_Py_BUILD_LIBPYTHON is defined
   only while compiling libpython: the thread-state variable is not
   exported): the common case (an uncontended mutex) inline; everything
   else (the re-entrant case, waiting) in Python/critical_section.c,
   which re-checks from the start.  The thread's section stack is only
   touched by the thread itself, so the plain accesses to
   tstate->critical_section need no atomics. */
extern __thread PyThreadState *_Py_tss_tstate;

/* Whether a second thread state was ever created (Python/pystate.c,
   session 12): until then no other thread can run, and code that only
   guards against other threads, and never spans a safe point, may skip
   its atomic read-modify-writes. */
extern int _Py_several_thread_states;
static inline int _Py_SeveralThreadStates(void)
{
    return __atomic_load_n(&_Py_several_thread_states, __ATOMIC_RELAXED);
}

/* No test of the sections already on the stack (ftst, session 11: four
   instructions less per section): when the compare-and-swap takes m,
   m was free, so no active section of this thread holds it (an active
   section keeps its mutexes locked) and this is not a re-entry.  The new
   section is pushed above whatever is on top, tags included: a top
   suspended by a detach (INACTIVE) is re-acquired when this one ends,
   by PyCriticalSection_End, which the inline end defers to when the
   section below is inactive, as for any section. */
static inline void
_PyCriticalSection_BeginInline(PyCriticalSection *c, PyMutex *m)
{
    uint8_t expected = _Py_UNLOCKED;
    if (__atomic_compare_exchange_n(&m->_bits, &expected, _Py_LOCKED, 0,
                                    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
        PyThreadState *tstate = _Py_tss_tstate;
        c->_cs_mutex = m;
        c->_cs_prev = tstate->critical_section;
        tstate->critical_section = (uintptr_t)c;
        return;
    }
    PyCriticalSection_BeginMutex(c, m);
}

static inline void
_PyCriticalSection_EndInline(PyCriticalSection *c)
{
    PyMutex *m = c->_cs_mutex;
    if (m == NULL) {
        return;     /* re-entered: the outer section unlocks */
    }
    PyThreadState *tstate = _Py_tss_tstate;
    if (tstate->critical_section == (uintptr_t)c
            && (c->_cs_prev & 0x1) == 0) {
        uint8_t expected = _Py_LOCKED;
        if (__atomic_compare_exchange_n(&m->_bits, &expected, _Py_UNLOCKED, 0,
                                        __ATOMIC_RELEASE, __ATOMIC_RELAXED)) {
            tstate->critical_section = c->_cs_prev;
            return;
        }
    }
    PyCriticalSection_End(c);
}

#  define Py_BEGIN_CRITICAL_SECTION(op)                                 \
    {                                                                   \
        PyCriticalSection _py_cs;                                       \
        _PyCriticalSection_BeginInline(&_py_cs,                         \
                                       &_PyObject_CAST(op)->ob_mutex)
#  define Py_BEGIN_CRITICAL_SECTION_MUTEX(mutex)                        \
    {                                                                   \
        PyCriticalSection _py_cs;                                       \
        _PyCriticalSection_BeginInline(&_py_cs, (mutex))
#  define Py_END_CRITICAL_SECTION()                                     \
        _PyCriticalSection_EndInline(&_py_cs);                          \
    }

/* Leaf sections (ftcost, session 10), for libpython's shortest sections:
   code between begin and end that never blocks, never detaches, begins
   no other section and calls nothing that could (loads, stores,
   reference counts that cannot reach zero, atomic marks).  Such a thread
   cannot hold the mutex while waiting for anything, so when the
   one-byte compare-and-swap takes the mutex at once the section need not
   be on the thread's stack (which exists to release sections on a
   detach and to resume them); ending it is then one unlock.  A mutex
   that is not free (another thread's, or this thread's own section)
   takes the full path, as Py_BEGIN_CRITICAL_SECTION.  While only one
   thread state has ever existed, a leaf section takes no mutex at all
   (returns 2; session 12: nbody's list stores spent a third of their
   time in the two atomics): no other thread can run, and the second
   state is never created inside a leaf section (_Py_SeveralThreadStates). */
static inline int
_PyCriticalSection_BeginLeaf(PyCriticalSection *c, PyMutex *m)
{
    if (!_Py_SeveralThreadStates()) {
        return 2;
    }
    uint8_t expected = _Py_UNLOCKED;
    if (__atomic_compare_exchange_n(&m->_bits, &expected, _Py_LOCKED, 0,
                                    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
        return 1;
    }
    PyCriticalSection_BeginMutex(c, m);
    return 0;
}

static inline void
_PyCriticalSection_EndLeaf(PyCriticalSection *c, PyMutex *m, int leaf)
{
    if (leaf == 2) {
        return;                 /* one thread state only: nothing taken */
    }
    if (leaf) {
        _PyMutex_Unlock(m);     /* wakes parked waiters, if any */
        return;
    }
    _PyCriticalSection_EndInline(c);
}

#  define _Py_BEGIN_LEAF_CRITICAL_SECTION(op)                           \
    {                                                                   \
        PyCriticalSection _py_cs;                                       \
        PyMutex *_py_cs_m = &_PyObject_CAST(op)->ob_mutex;              \
        int _py_cs_leaf = _PyCriticalSection_BeginLeaf(&_py_cs, _py_cs_m)
#  define _Py_END_LEAF_CRITICAL_SECTION()                               \
        _PyCriticalSection_EndLeaf(&_py_cs, _py_cs_m, _py_cs_leaf);     \
    }
#elif defined(Py_GIL_DISABLED)
#  define Py_BEGIN_CRITICAL_SECTION(op)                                 \
    {                                                                   \
        PyCriticalSection _py_cs;                                       \
        PyCriticalSection_Begin(&_py_cs, _PyObject_CAST(op))
#  define Py_BEGIN_CRITICAL_SECTION_MUTEX(mutex)                        \
    {                                                                   \
        PyCriticalSection _py_cs;                                       \
        PyCriticalSection_BeginMutex(&_py_cs, (mutex))
#  define Py_END_CRITICAL_SECTION()                                     \
        PyCriticalSection_End(&_py_cs);                                 \
    }
#else
#  define Py_BEGIN_CRITICAL_SECTION(op) {
#  define Py_BEGIN_CRITICAL_SECTION_MUTEX(mutex) {
#  define Py_END_CRITICAL_SECTION() }
#endif

/* Outside libpython (and in the default build) a leaf section is an
   ordinary one. */
#ifndef _Py_BEGIN_LEAF_CRITICAL_SECTION
#  define _Py_BEGIN_LEAF_CRITICAL_SECTION(op) Py_BEGIN_CRITICAL_SECTION(op)
#  define _Py_END_LEAF_CRITICAL_SECTION() Py_END_CRITICAL_SECTION()
#endif

#ifdef Py_GIL_DISABLED
#  define Py_BEGIN_CRITICAL_SECTION2(a, b)                              \
    {                                                                   \
        PyCriticalSection2 _py_cs2;                                     \
        PyCriticalSection2_Begin(&_py_cs2, _PyObject_CAST(a), _PyObject_CAST(b))
#  define Py_BEGIN_CRITICAL_SECTION2_MUTEX(m1, m2)                      \
    {                                                                   \
        PyCriticalSection2 _py_cs2;                                     \
        PyCriticalSection2_BeginMutex(&_py_cs2, (m1), (m2))
#  define Py_END_CRITICAL_SECTION2()                                    \
        PyCriticalSection2_End(&_py_cs2);                               \
    }
#else
#  define Py_BEGIN_CRITICAL_SECTION2(a, b) {
#  define Py_BEGIN_CRITICAL_SECTION2_MUTEX(m1, m2) {
#  define Py_END_CRITICAL_SECTION2() }
#endif

#endif /* Py_CPYTHON_CRITICAL_SECTION_H */
