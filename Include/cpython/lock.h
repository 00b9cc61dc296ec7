/* PyMutex: a one-byte lock (DESIGN.md section 5), Python/lock.c.
   Bit 0 says locked, bit 1 says some thread is parked waiting for it. */
#ifndef Py_CPYTHON_LOCK_H
#define Py_CPYTHON_LOCK_H

#define _Py_UNLOCKED 0
#define _Py_LOCKED 1
#define _Py_HAS_PARKED 2

typedef struct PyMutex {
    uint8_t _bits;
} PyMutex;

/* Lock m.  A thread that has to wait for it waits detached (as after
   Py_BEGIN_ALLOW_THREADS: the GIL is released, critical sections are
   suspended, a stop-the-world is not held up) and re-attaches once it
   holds m, so a mutex may be held across blocking calls. */
PyAPI_FUNC(void) PyMutex_Lock(PyMutex *m);
PyAPI_FUNC(void) PyMutex_Unlock(PyMutex *m);
PyAPI_FUNC(int) PyMutex_IsLocked(PyMutex *m);
/* Slow paths taken when the one-byte compare-and-swap fails.
   _PyMutex_LockSlow waits attached: only for the core's mutexes that are
   never held across a detach (Doc/internals/locking.md). */
PyAPI_FUNC(void) _PyMutex_LockSlow(PyMutex *m);
PyAPI_FUNC(void) _PyMutex_UnlockSlow(PyMutex *m);

/* The core's form: waits attached. */
static inline void _PyMutex_Lock(PyMutex *m) {
    uint8_t expected = _Py_UNLOCKED;
    if (!__atomic_compare_exchange_n(&m->_bits, &expected, _Py_LOCKED, 0,
                                     __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
        _PyMutex_LockSlow(m);
    }
}

/* The public form: the inline fast path of PyMutex_Lock. */
static inline void _PyMutex_LockDetaching(PyMutex *m) {
    uint8_t expected = _Py_UNLOCKED;
    if (!__atomic_compare_exchange_n(&m->_bits, &expected, _Py_LOCKED, 0,
                                     __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
        PyMutex_Lock(m);
    }
}

/* Inside the core PyMutex_Lock names the attached form: every core mutex
   is either never held across a detach or waited for detached explicitly
   (_PyMutex_LockDetached, Py_BEGIN_ALLOW_THREADS). */
#ifdef Py_BUILD_CORE
#  define PyMutex_Lock _PyMutex_Lock
#else
#  define PyMutex_Lock _PyMutex_LockDetaching
#endif

static inline void _PyMutex_Unlock(PyMutex *m) {
    uint8_t expected = _Py_LOCKED;
    if (!__atomic_compare_exchange_n(&m->_bits, &expected, _Py_UNLOCKED, 0,
                                     __ATOMIC_RELEASE, __ATOMIC_RELAXED)) {
        _PyMutex_UnlockSlow(m);
    }
}
#define PyMutex_Unlock _PyMutex_Unlock

static inline int _PyMutex_IsLocked(PyMutex *m) {
    return (__atomic_load_n(&m->_bits, __ATOMIC_RELAXED) & _Py_LOCKED) != 0;
}
#define PyMutex_IsLocked _PyMutex_IsLocked

#endif /* Py_CPYTHON_LOCK_H */
