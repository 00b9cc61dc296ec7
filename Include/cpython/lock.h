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

PyAPI_FUNC(void) PyMutex_Lock(PyMutex *m);
PyAPI_FUNC(void) PyMutex_Unlock(PyMutex *m);
PyAPI_FUNC(int) PyMutex_IsLocked(PyMutex *m);
/* Slow paths taken when the one-byte compare-and-swap fails. */
PyAPI_FUNC(void) _PyMutex_LockSlow(PyMutex *m);
PyAPI_FUNC(void) _PyMutex_UnlockSlow(PyMutex *m);

static inline void _PyMutex_Lock(PyMutex *m) {
    uint8_t expected = _Py_UNLOCKED;
    if (!__atomic_compare_exchange_n(&m->_bits, &expected, _Py_LOCKED, 0,
                                     __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
        _PyMutex_LockSlow(m);
    }
}
#define PyMutex_Lock _PyMutex_Lock

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
