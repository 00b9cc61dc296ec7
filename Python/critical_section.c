/* Per-object critical sections (DESIGN.md section 5).

   Each thread keeps a stack of its active sections, linked through
   _cs_prev, its top in PyThreadState.critical_section.  Deadlock freedom
   comes from never blocking while holding a section: a thread that must
   wait for a mutex first suspends (unlocks) the section on top of its
   stack, and whenever a section ends the one below it is re-acquired if it
   had been suspended.  Only the owning thread touches its stack, so no
   lock protects it.  In the default build the GIL serialises everything
   and these functions do nothing. */
#include "Python.h"
#include "pycore_critical_section.h"
#include "pycore_pystate.h"

#ifdef Py_GIL_DISABLED

static PyCriticalSection *untag(uintptr_t tagged)
{
    return (PyCriticalSection *)(tagged & ~(uintptr_t)_Py_CRITICAL_SECTION_MASK);
}

static void unlock_section(uintptr_t tagged)
{
    PyCriticalSection *c = untag(tagged);
    PyMutex_Unlock(c->_cs_mutex);
    if (tagged & _Py_CRITICAL_SECTION_TWO_MUTEXES) {
        PyCriticalSection2 *c2 = (PyCriticalSection2 *)c;
        if (c2->_cs_mutex2 != c->_cs_mutex) {
            PyMutex_Unlock(c2->_cs_mutex2);
        }
    }
}

/* Suspend the top section so that blocking cannot deadlock against a
   thread waiting for it. */
static void suspend_top(PyThreadState *tstate)
{
    uintptr_t top = tstate->critical_section;
    if (top != 0 && !(top & _Py_CRITICAL_SECTION_INACTIVE)) {
        unlock_section(top);
        tstate->critical_section = top | _Py_CRITICAL_SECTION_INACTIVE;
    }
}

static int try_lock(PyMutex *m)
{
    uint8_t expected = _Py_UNLOCKED;
    return __atomic_compare_exchange_n(&m->_bits, &expected, _Py_LOCKED, 0,
                                       __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

/* Block for `m` detached, so that a stop-the-world or a GIL hand-off
   never waits on this thread while it waits.  The sections it suspends
   are re-acquired lazily, each when the section above it ends. */
static void lock_detached(PyThreadState *tstate, PyMutex *m)
{
    if (tstate == NULL
            || __atomic_load_n(&tstate->state, __ATOMIC_SEQ_CST) != _Py_THREAD_ATTACHED) {
        PyMutex_Lock(m);
        return;
    }
    _PyThreadState_Detach(tstate);
    PyMutex_Lock(m);
    _PyThreadState_AttachKeepSections(tstate, m);
}

/* Re-take the mutexes of a suspended section.  A contended one is waited
   for detached, never attached: its holder may be a thread that took it
   while detached and now waits, holding it, for a stop-the-world to end,
   and that stop-the-world waits for this thread to detach.  (The pair of a
   two-mutex section is taken in the address order it was begun with.) */
static void relock_section(PyThreadState *tstate, uintptr_t tagged)
{
    PyCriticalSection *c = untag(tagged);
    if (!try_lock(c->_cs_mutex)) {
        lock_detached(tstate, c->_cs_mutex);
    }
    if (tagged & _Py_CRITICAL_SECTION_TWO_MUTEXES) {
        PyCriticalSection2 *c2 = (PyCriticalSection2 *)c;
        if (c2->_cs_mutex2 != c->_cs_mutex && !try_lock(c2->_cs_mutex2)) {
            lock_detached(tstate, c2->_cs_mutex2);
        }
    }
}

static void push(PyThreadState *tstate, PyCriticalSection *c, uintptr_t tag)
{
    c->_cs_prev = tstate->critical_section;
    tstate->critical_section = (uintptr_t)c | tag;
}

void PyCriticalSection_BeginMutex(PyCriticalSection *c, PyMutex *m)
{
    PyThreadState *tstate = _PyThreadState_GET();
    /* Re-entering the section already on top locks nothing more. */
    if (tstate->critical_section != 0
            && untag(tstate->critical_section)->_cs_mutex == m
            && !(tstate->critical_section & _Py_CRITICAL_SECTION_INACTIVE)) {
        c->_cs_mutex = NULL;
        c->_cs_prev = 0;
        return;
    }
    c->_cs_mutex = m;
    if (!try_lock(m)) {
        suspend_top(tstate);
        lock_detached(tstate, m);
    }
    push(tstate, c, 0);
}

void PyCriticalSection_Begin(PyCriticalSection *c, PyObject *op)
{
    PyCriticalSection_BeginMutex(c, &op->ob_mutex);
}

void PyCriticalSection2_BeginMutex(PyCriticalSection2 *c, PyMutex *m1, PyMutex *m2)
{
    if (m1 == m2) {
        c->_cs_mutex2 = NULL;
        PyCriticalSection_BeginMutex(&c->_cs_base, m1);
        return;
    }
    /* A global order (by address) for the pair. */
    if ((uintptr_t)m2 < (uintptr_t)m1) {
        PyMutex *tmp = m1;
        m1 = m2;
        m2 = tmp;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    c->_cs_base._cs_mutex = m1;
    c->_cs_mutex2 = m2;
    if (!try_lock(m1)) {
        suspend_top(tstate);
        lock_detached(tstate, m1);
    }
    if (!try_lock(m2)) {
        suspend_top(tstate);
        lock_detached(tstate, m2);
    }
    push(tstate, &c->_cs_base, _Py_CRITICAL_SECTION_TWO_MUTEXES);
}

void PyCriticalSection2_Begin(PyCriticalSection2 *c, PyObject *a, PyObject *b)
{
    PyCriticalSection2_BeginMutex(c, &a->ob_mutex, &b->ob_mutex);
}

static void end_section(PyThreadState *tstate, uintptr_t self_tagged, PyCriticalSection *c)
{
    unlock_section(self_tagged);
    tstate->critical_section = c->_cs_prev;
    if (c->_cs_prev & _Py_CRITICAL_SECTION_INACTIVE) {
        _PyCriticalSection_Resume(tstate);
    }
}

void PyCriticalSection_End(PyCriticalSection *c)
{
    if (c->_cs_mutex == NULL) {
        return;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    end_section(tstate, (uintptr_t)c, c);
}

void PyCriticalSection2_End(PyCriticalSection2 *c)
{
    if (c->_cs_mutex2 == NULL) {
        PyCriticalSection_End(&c->_cs_base);
        return;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    end_section(tstate, (uintptr_t)c | _Py_CRITICAL_SECTION_TWO_MUTEXES, &c->_cs_base);
}

void _PyCriticalSection_SuspendAll(PyThreadState *tstate)
{
    uintptr_t *link = &tstate->critical_section;
    while (*link != 0) {
        uintptr_t tagged = *link;
        if (!(tagged & _Py_CRITICAL_SECTION_INACTIVE)) {
            unlock_section(tagged);
            *link = tagged | _Py_CRITICAL_SECTION_INACTIVE;
        }
        link = &untag(tagged)->_cs_prev;
    }
}

void _PyCriticalSection_Resume(PyThreadState *tstate)
{
    uintptr_t top = tstate->critical_section;
    if (top & _Py_CRITICAL_SECTION_INACTIVE) {
        uintptr_t active = top & ~(uintptr_t)_Py_CRITICAL_SECTION_INACTIVE;
        relock_section(tstate, active);
        tstate->critical_section = active;
    }
}

#else /* default build: the GIL is the critical section */

void PyCriticalSection_Begin(PyCriticalSection *c, PyObject *op) { (void)c; (void)op; }
void PyCriticalSection_BeginMutex(PyCriticalSection *c, PyMutex *m) { (void)c; (void)m; }
void PyCriticalSection_End(PyCriticalSection *c) { (void)c; }
void PyCriticalSection2_Begin(PyCriticalSection2 *c, PyObject *a, PyObject *b)
{
    (void)c; (void)a; (void)b;
}
void PyCriticalSection2_BeginMutex(PyCriticalSection2 *c, PyMutex *m1, PyMutex *m2)
{
    (void)c; (void)m1; (void)m2;
}
void PyCriticalSection2_End(PyCriticalSection2 *c) { (void)c; }
void _PyCriticalSection_SuspendAll(PyThreadState *tstate) { (void)tstate; }
void _PyCriticalSection_Resume(PyThreadState *tstate) { (void)tstate; }

#endif /* Py_GIL_DISABLED */
