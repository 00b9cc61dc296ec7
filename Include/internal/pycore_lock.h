/* Core-only locking primitives: the parking lot (Python/parking_lot.c)
   on which PyMutex (Python/lock.c) and other waits are built. */
#ifndef Py_INTERNAL_LOCK_H
#define Py_INTERNAL_LOCK_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

typedef enum {
    Py_PARK_OK = 0,         /* woken by an unpark */
    Py_PARK_AGAIN = -1,     /* *address no longer held the expected value */
    Py_PARK_TIMEOUT = -2,
    Py_PARK_INTR = -3,
} _PyParkResult;

/* Block the calling thread while *address (of `size` bytes) equals
   *expected, until an unpark on `address` or `timeout_ns` (-1: forever).
   The comparison and the enqueue happen under the address's bucket lock,
   so a wake-up between the caller's check and the sleep is never lost.
   `park_arg` is handed to the unparker's callback. */
PyAPI_FUNC(_PyParkResult) _PyParkingLot_Park(const void *address, const void *expected,
                                 size_t size, int64_t timeout_ns,
                                 void *park_arg);

/* Wake one thread parked on `address`.  `callback(arg, park_arg,
   has_more_waiters)` runs under the bucket lock before the wake-up (with
   park_arg NULL when nobody was parked), so the waker can update the
   word atomically with respect to new parkers. */
typedef void _PyUnparkCallback(void *arg, void *park_arg, int has_more_waiters);
PyAPI_FUNC(void) _PyParkingLot_Unpark(const void *address, _PyUnparkCallback *callback,
                          void *arg);
PyAPI_FUNC(void) _PyParkingLot_UnparkAll(const void *address);

/* Lock m, waiting at most timeout_ns (0: only try; negative: for ever)
   without detaching: 1 when locked, 0 when the time ran out. */
PyAPI_FUNC(int) _PyMutex_LockTimed(PyMutex *m, int64_t timeout_ns);

/* Monotonic clock in nanoseconds. */
PyAPI_FUNC(int64_t) _PyTime_MonotonicNanoseconds(void);

#endif /* Py_INTERNAL_LOCK_H */
