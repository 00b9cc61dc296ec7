/* The parking lot: threads wait keyed by an address (DESIGN.md s. 5).

   A fixed table of buckets, each a pthread mutex and a FIFO of waiters,
   is indexed by a hash of the address.  A waiter is a per-thread record
   with its own POSIX semaphore, so a wake-up targets exactly one thread.
   Bucket lists are protected by the bucket mutex; a waiter's `woken` flag
   is atomic and every store of 1 is followed by one sem_post.

   Why a semaphore and not a condition variable: sem_post is
   async-signal-safe and sem_clockwait fails with EINTR when a signal
   handler runs, so the C signal handler (Modules/signalmodule.c) can
   wake the main thread wherever the kernel delivered the signal, and an
   interruptible park (_PyParkingLot_ParkEx with intr) returns
   Py_PARK_INTR.  Extra posts (from signals) only cause a spurious
   wake-up: the waiter re-checks `woken` and sleeps again. */
#include "Python.h"
#include "pycore_lock.h"

#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <time.h>

typedef struct waiter {
    struct waiter *next;
    const void *address;
    void *park_arg;
    sem_t sem;
    int woken;                      /* atomic */
    int initialized;
} waiter;

typedef struct {
    pthread_mutex_t mutex;
    waiter *head;                   /* under mutex */
    waiter *tail;
} bucket;

#define NUM_BUCKETS 257

static bucket buckets[NUM_BUCKETS] = {
    [0 ... NUM_BUCKETS - 1] = { PTHREAD_MUTEX_INITIALIZER, NULL, NULL }
};

static __thread waiter this_thread_waiter;

static bucket *bucket_for(const void *address)
{
    uintptr_t key = (uintptr_t)address;
    return &buckets[(key >> 3) % NUM_BUCKETS];
}

int64_t _PyTime_MonotonicNanoseconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static waiter *current_waiter(void)
{
    waiter *w = &this_thread_waiter;
    if (!w->initialized) {
        sem_init(&w->sem, 0, 0);
        w->initialized = 1;
    }
    return w;
}

/* The main thread's waiter, posted by the C signal handler (atomic). */
static waiter *main_waiter;

void _PyParkingLot_SetMainThread(void)
{
    __atomic_store_n(&main_waiter, current_waiter(), __ATOMIC_SEQ_CST);
}

void _PyParkingLot_InterruptMain(void)
{
    /* Async-signal-safe: one atomic load and sem_post. */
    waiter *w = __atomic_load_n(&main_waiter, __ATOMIC_SEQ_CST);
    if (w != NULL) {
        sem_post(&w->sem);
    }
}

static void enqueue(bucket *b, waiter *w)
{
    w->next = NULL;
    if (b->tail) {
        b->tail->next = w;
    }
    else {
        b->head = w;
    }
    b->tail = w;
}

/* Remove `w` if still queued; returns 1 if it was found. */
static int dequeue_waiter(bucket *b, waiter *w)
{
    waiter *prev = NULL;
    for (waiter *it = b->head; it != NULL; prev = it, it = it->next) {
        if (it == w) {
            if (prev) {
                prev->next = it->next;
            }
            else {
                b->head = it->next;
            }
            if (b->tail == it) {
                b->tail = prev;
            }
            return 1;
        }
    }
    return 0;
}

static waiter *dequeue_first_for(bucket *b, const void *address, int *has_more)
{
    waiter *found = NULL;
    waiter *prev = NULL;
    *has_more = 0;
    for (waiter *it = b->head; it != NULL; prev = it, it = it->next) {
        if (it->address != address) {
            continue;
        }
        if (found == NULL) {
            found = it;
            if (prev) {
                prev->next = it->next;
            }
            else {
                b->head = it->next;
            }
            if (b->tail == it) {
                b->tail = prev;
            }
            continue;
        }
        *has_more = 1;
        break;
    }
    return found;
}

/* Sleeps on the semaphore until `deadline_ns` (monotonic; -1: no limit).
   Returns 0 when posted, ETIMEDOUT or EINTR. */
static int sleep_on(waiter *w, int64_t deadline_ns)
{
    int rc;
    if (deadline_ns < 0) {
        rc = sem_wait(&w->sem);
    }
    else {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 30))
        struct timespec ts = {
            .tv_sec = (time_t)(deadline_ns / 1000000000),
            .tv_nsec = (long)(deadline_ns % 1000000000),
        };
        rc = sem_clockwait(&w->sem, CLOCK_MONOTONIC, &ts);
#else
        /* sem_timedwait only knows the realtime clock. */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        int64_t left = deadline_ns - _PyTime_MonotonicNanoseconds();
        int64_t when = (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec
                       + (left > 0 ? left : 0);
        ts.tv_sec = (time_t)(when / 1000000000);
        ts.tv_nsec = (long)(when % 1000000000);
        rc = sem_timedwait(&w->sem, &ts);
#endif
    }
    return rc == 0 ? 0 : errno;
}

/* Wait for `woken` and consume it.  Returns Py_PARK_OK, Py_PARK_TIMEOUT,
   or (only with `intr`) Py_PARK_INTR when a signal is pending for the
   main thread's handlers. */
static _PyParkResult wait_until_woken(waiter *w, int64_t timeout_ns, int intr)
{
    int64_t deadline = timeout_ns >= 0
        ? _PyTime_MonotonicNanoseconds() + timeout_ns : -1;
    for (;;) {
        if (__atomic_exchange_n(&w->woken, 0, __ATOMIC_ACQUIRE)) {
            return Py_PARK_OK;
        }
        if (intr && _PySignal_IsPending()) {
            return Py_PARK_INTR;
        }
        int err = sleep_on(w, deadline);
        if (err == ETIMEDOUT) {
            return __atomic_exchange_n(&w->woken, 0, __ATOMIC_ACQUIRE)
                   ? Py_PARK_OK : Py_PARK_TIMEOUT;
        }
    }
}

static void wake(waiter *w)
{
    __atomic_store_n(&w->woken, 1, __ATOMIC_RELEASE);
    sem_post(&w->sem);
}

/* Does the watched word still hold *expected?  Other threads write the
   word with atomic operations, so it is read atomically too. */
static int word_equals(const void *address, const void *expected, size_t size)
{
    switch (size) {
    case 1:
        return __atomic_load_n((const uint8_t *)address, __ATOMIC_SEQ_CST)
               == *(const uint8_t *)expected;
    case 2:
        return __atomic_load_n((const uint16_t *)address, __ATOMIC_SEQ_CST)
               == *(const uint16_t *)expected;
    case 4:
        return __atomic_load_n((const uint32_t *)address, __ATOMIC_SEQ_CST)
               == *(const uint32_t *)expected;
    case 8:
        return __atomic_load_n((const uint64_t *)address, __ATOMIC_SEQ_CST)
               == *(const uint64_t *)expected;
    default:
        Py_FatalError("_PyParkingLot_Park: unsupported word size");
    }
}

_PyParkResult _PyParkingLot_ParkEx(const void *address, const void *expected,
                                   size_t size, int64_t timeout_ns,
                                   void *park_arg, int intr)
{
    waiter *w = current_waiter();
    bucket *b = bucket_for(address);
    /* Only the main thread runs signal handlers; elsewhere an
       interruption would just spin until the main thread runs them. */
    intr = intr && w == __atomic_load_n(&main_waiter, __ATOMIC_RELAXED);

    pthread_mutex_lock(&b->mutex);
    if (!word_equals(address, expected, size)) {
        pthread_mutex_unlock(&b->mutex);
        return Py_PARK_AGAIN;
    }
    w->address = address;
    w->park_arg = park_arg;
    enqueue(b, w);
    pthread_mutex_unlock(&b->mutex);

    _PyParkResult result = wait_until_woken(w, timeout_ns, intr);
    if (result == Py_PARK_OK) {
        return Py_PARK_OK;
    }
    /* Timed out or interrupted: leave the queue, unless an unparker took
       us meanwhile, in which case its wake-up is already on its way and
       must be consumed. */
    pthread_mutex_lock(&b->mutex);
    int still_queued = dequeue_waiter(b, w);
    pthread_mutex_unlock(&b->mutex);
    if (!still_queued) {
        wait_until_woken(w, -1, 0);
        return Py_PARK_OK;
    }
    return result;
}

_PyParkResult _PyParkingLot_Park(const void *address, const void *expected,
                                 size_t size, int64_t timeout_ns,
                                 void *park_arg)
{
    return _PyParkingLot_ParkEx(address, expected, size, timeout_ns,
                                park_arg, 0);
}

void _PyParkingLot_Unpark(const void *address, _PyUnparkCallback *callback,
                          void *arg)
{
    bucket *b = bucket_for(address);
    int has_more;
    pthread_mutex_lock(&b->mutex);
    waiter *w = dequeue_first_for(b, address, &has_more);
    callback(arg, w ? w->park_arg : NULL, has_more);
    pthread_mutex_unlock(&b->mutex);
    if (w) {
        wake(w);
    }
}

void _PyParkingLot_UnparkAll(const void *address)
{
    bucket *b = bucket_for(address);
    for (;;) {
        int has_more;
        pthread_mutex_lock(&b->mutex);
        waiter *w = dequeue_first_for(b, address, &has_more);
        pthread_mutex_unlock(&b->mutex);
        if (w == NULL) {
            return;
        }
        wake(w);
    }
}
