/* PyMutex slow paths (DESIGN.md section 5).

   The fast paths in Include/cpython/lock.h are one compare-and-swap.  On
   contention a locker spins briefly, then sets _Py_HAS_PARKED and parks
   on the mutex byte.  Unlock with parked waiters wakes one of them and
   clears the lock bit in the same step (under the parking-lot bucket
   lock), leaving _Py_HAS_PARKED set while others still wait; the woken
   thread then competes for the lock like any newcomer.

   Two ways to wait (Doc/internals/locking.md): the exported PyMutex_Lock,
   which extensions reach, parks detached; the core's inline form
   (PyMutex_Lock inside Py_BUILD_CORE) parks attached. */
#include "Python.h"
#include "pycore_lock.h"
#include "pycore_pystate.h"

#include <sched.h>

#define SPIN_COUNT 40

/* Try to take m for a short while, yielding between tries, before the
   caller parks: most holders release within a few yields.  Gives up at
   once when others are already parked (the mutex is held for long).
   1 when taken. */
static int lock_spinning(PyMutex *m)
{
    uint8_t v = __atomic_load_n(&m->_bits, __ATOMIC_RELAXED);
    for (int spins = 0; spins <= SPIN_COUNT;) {
        if (!(v & _Py_LOCKED)) {
            if (__atomic_compare_exchange_n(&m->_bits, &v, v | _Py_LOCKED, 0,
                                            __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
                return 1;
            }
            continue;
        }
        if (v & _Py_HAS_PARKED) {
            return 0;
        }
        sched_yield();
        spins++;
        v = __atomic_load_n(&m->_bits, __ATOMIC_RELAXED);
    }
    return 0;
}

/* Take m, parking in the parking lot until it is free. */
static void lock_parking(PyMutex *m)
{
    uint8_t v = __atomic_load_n(&m->_bits, __ATOMIC_RELAXED);
    for (;;) {
        if (!(v & _Py_LOCKED)) {
            if (__atomic_compare_exchange_n(&m->_bits, &v, v | _Py_LOCKED, 0,
                                            __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
                return;
            }
            continue;
        }
        if (!(v & _Py_HAS_PARKED)) {
            uint8_t parked = v | _Py_HAS_PARKED;
            if (!__atomic_compare_exchange_n(&m->_bits, &v, parked, 0,
                                             __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
                continue;
            }
            v = parked;
        }
        _PyParkingLot_Park(&m->_bits, &v, sizeof(v), -1, NULL);
        v = __atomic_load_n(&m->_bits, __ATOMIC_RELAXED);
    }
}

/* The core's slow path parks attached: right for a mutex never held
   across a detach (its holder always gets to release it, so a
   stop-the-world waits only a short while for this thread), and cheaper
   than a detach and re-attach.  Mutexes that may be held while their
   holder blocks are taken with _PyMutex_LockDetached. */
void _PyMutex_LockSlow(PyMutex *m)
{
    if (!lock_spinning(m)) {
        lock_parking(m);
    }
}

/* Like _PyMutex_LockSlow with a limit: timeout_ns 0 only tries, a
   negative value waits for ever.  Returns 1 with the mutex held, 0 when
   the time ran out, -1 when `intr` is set and a signal interrupted the
   main thread's wait.  The caller detaches first if it may wait long. */
int _PyMutex_LockTimedEx(PyMutex *m, int64_t timeout_ns, int intr)
{
    uint8_t v = __atomic_load_n(&m->_bits, __ATOMIC_RELAXED);
    int64_t deadline = timeout_ns > 0
        ? _PyTime_MonotonicNanoseconds() + timeout_ns : 0;
    for (;;) {
        if (!(v & _Py_LOCKED)) {
            if (__atomic_compare_exchange_n(&m->_bits, &v, v | _Py_LOCKED, 0,
                                            __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
                return 1;
            }
            continue;
        }
        int64_t remaining = -1;
        if (timeout_ns == 0) {
            return 0;
        }
        if (timeout_ns > 0) {
            remaining = deadline - _PyTime_MonotonicNanoseconds();
            if (remaining <= 0) {
                return 0;
            }
        }
        if (!(v & _Py_HAS_PARKED)) {
            uint8_t parked = v | _Py_HAS_PARKED;
            if (!__atomic_compare_exchange_n(&m->_bits, &v, parked, 0,
                                             __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
                continue;
            }
            v = parked;
        }
        if (_PyParkingLot_ParkEx(&m->_bits, &v, sizeof(v), remaining, NULL,
                                 intr) == Py_PARK_INTR) {
            return -1;
        }
        v = __atomic_load_n(&m->_bits, __ATOMIC_RELAXED);
    }
}

int _PyMutex_LockTimed(PyMutex *m, int64_t timeout_ns)
{
    return _PyMutex_LockTimedEx(m, timeout_ns, 0);
}

static void unlock_and_hand_over(void *arg, void *park_arg, int has_more_waiters)
{
    PyMutex *m = (PyMutex *)arg;
    (void)park_arg;
    __atomic_store_n(&m->_bits, has_more_waiters ? _Py_HAS_PARKED : _Py_UNLOCKED,
                     __ATOMIC_RELEASE);
}

void _PyMutex_UnlockSlow(PyMutex *m)
{
    uint8_t v = __atomic_load_n(&m->_bits, __ATOMIC_RELAXED);
    if (!(v & _Py_LOCKED)) {
        Py_FatalError("unlocking a PyMutex that is not locked");
    }
    if (v & _Py_HAS_PARKED) {
        _PyParkingLot_Unpark(&m->_bits, unlock_and_hand_over, m);
        return;
    }
    /* Only the lock bit was set and the fast path's CAS failed spuriously
       or raced with a parker setting _Py_HAS_PARKED: retry. */
    for (;;) {
        if (v & _Py_HAS_PARKED) {
            _PyParkingLot_Unpark(&m->_bits, unlock_and_hand_over, m);
            return;
        }
        if (__atomic_compare_exchange_n(&m->_bits, &v, _Py_UNLOCKED, 0,
                                        __ATOMIC_RELEASE, __ATOMIC_RELAXED)) {
            return;
        }
    }
}

/* The exported, non-inline forms of the public API. */
#undef PyMutex_Lock
#undef PyMutex_Unlock
#undef PyMutex_IsLocked

/* Extensions' mutexes may be held across anything (a blocking call, a
   Python callback): a thread that must park for one parks detached, so
   that neither the GIL nor a stop-the-world waits for it while the
   holder needs one of them to get to its unlock.  The spin runs attached:
   detaching is not free and most waits end there. */
void PyMutex_Lock(PyMutex *m)
{
    uint8_t expected = _Py_UNLOCKED;
    if (__atomic_compare_exchange_n(&m->_bits, &expected, _Py_LOCKED, 0,
                                    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)
        || lock_spinning(m)) {
        return;
    }
    PyThreadState *tstate = _Py_tss_tstate;
    if (tstate == NULL) {
        lock_parking(m);        /* already detached */
        return;
    }
    _PyThreadState_Detach(tstate);
    lock_parking(m);
    _PyThreadState_AttachHolding(tstate, m);
}

void PyMutex_Unlock(PyMutex *m)
{
    _PyMutex_Unlock(m);
}

int PyMutex_IsLocked(PyMutex *m)
{
    return _PyMutex_IsLocked(m);
}
