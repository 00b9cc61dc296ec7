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

/* _PyParkingLot_Park with `intr`: on the main thread (see below) the wait
   also ends with Py_PARK_INTR when a signal is pending for the Python
   handlers (at entry or arriving while parked); the caller then runs
   PyErr_CheckSignals() and parks again if it returned 0. */
PyAPI_FUNC(_PyParkResult) _PyParkingLot_ParkEx(const void *address,
                                   const void *expected, size_t size,
                                   int64_t timeout_ns, void *park_arg,
                                   int intr);
/* Record the calling thread as the one whose parks are interruptible. */
PyAPI_FUNC(void) _PyParkingLot_SetMainThread(void);
/* Async-signal-safe: wake the main thread's park so that it re-checks
   for pending signals. */
PyAPI_FUNC(void) _PyParkingLot_InterruptMain(void);

/* Lock m, waiting at most timeout_ns (0: only try; negative: for ever)
   without detaching: 1 when locked, 0 when the time ran out. */
PyAPI_FUNC(int) _PyMutex_LockTimed(PyMutex *m, int64_t timeout_ns);
/* The same with `intr`: also returns -1 (not locked) when the main
   thread's wait was interrupted by a signal (see _PyParkingLot_ParkEx). */
PyAPI_FUNC(int) _PyMutex_LockTimedEx(PyMutex *m, int64_t timeout_ns, int intr);

/* Signals (Modules/signalmodule.c). */
/* Is a signal waiting for the main thread's Python handlers?  (atomic) */
PyAPI_FUNC(int) _PySignal_IsPending(void);
/* Start-up on the main thread: record it, and with `install` set SIGINT
   to raise KeyboardInterrupt.  Returns 0, or -1 with an exception set. */
PyAPI_FUNC(int) _PySignal_Init(int install);
/* Shut-down: restore the dispositions changed from Python and drop the
   handler objects. */
PyAPI_FUNC(void) _PySignal_Fini(void);
/* In the child after fork(): forget the parent's pending signals; the
   forking thread becomes the one that runs the handlers. */
PyAPI_FUNC(void) _PySignal_AfterFork(void);
/* For the end of Py_RunMain when the program died of an uncaught
   KeyboardInterrupt: re-raise SIGINT with its default action so that the
   parent sees death by SIGINT (exit status 130 in a shell); returns the
   fallback status 130 if the process survives. */
PyAPI_FUNC(int) _PySignal_ExitSigint(void);

/* Monotonic clock in nanoseconds. */
PyAPI_FUNC(int64_t) _PyTime_MonotonicNanoseconds(void);

#endif /* Py_INTERNAL_LOCK_H */
