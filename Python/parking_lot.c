/* The parking lot: threads wait keyed by an address (DESIGN.md s. 5).

   A fixed table of buckets, each a pthread mutex and a FIFO of waiters,
   is indexed by a hash of the address.  A waiter is a per-thread record
   with its own mutex and condition variable, so a wake-up targets exactly
   one thread.  Bucket lists are protected by the bucket mutex; a waiter's
   `woken` flag by the waiter's own mutex. */
#include "Python.h"
#include "pycore_lock.h"

#include <pthread.h>
#include <time.h>

typedef struct waiter {
    struct waiter *next;
    const void *address;
    void *park_arg;
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    int woken;                      /* under mutex */
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
        pthread_mutex_init(&w->mutex, NULL);
        pthread_condattr_t attr;
        pthread_condattr_init(&attr);
        pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
        pthread_cond_init(&w->cond, &attr);
        pthread_condattr_destroy(&attr);
        w->initialized = 1;
    }
    return w;
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

/* Wait for `woken`; returns 0 when woken, -1 on timeout. */
static int wait_until_woken(waiter *w, int64_t timeout_ns)
{
    int result = 0;
    struct timespec deadline;
    if (timeout_ns >= 0) {
        int64_t when = _PyTime_MonotonicNanoseconds() + timeout_ns;
        deadline.tv_sec = when / 1000000000;
        deadline.tv_nsec = when % 1000000000;
    }
    pthread_mutex_lock(&w->mutex);
    while (!w->woken) {
        if (timeout_ns < 0) {
            pthread_cond_wait(&w->cond, &w->mutex);
        }
        else if (pthread_cond_timedwait(&w->cond, &w->mutex, &deadline) != 0) {
            result = w->woken ? 0 : -1;
            break;
        }
    }
    w->woken = 0;
    pthread_mutex_unlock(&w->mutex);
    return result;
}

static void wake(waiter *w)
{
    pthread_mutex_lock(&w->mutex);
    w->woken = 1;
    pthread_cond_signal(&w->cond);
    pthread_mutex_unlock(&w->mutex);
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

_PyParkResult _PyParkingLot_Park(const void *address, const void *expected,
                                 size_t size, int64_t timeout_ns,
                                 void *park_arg)
{
    waiter *w = current_waiter();
    bucket *b = bucket_for(address);

    pthread_mutex_lock(&b->mutex);
    if (!word_equals(address, expected, size)) {
        pthread_mutex_unlock(&b->mutex);
        return Py_PARK_AGAIN;
    }
    w->address = address;
    w->park_arg = park_arg;
    enqueue(b, w);
    pthread_mutex_unlock(&b->mutex);

    if (wait_until_woken(w, timeout_ns) == 0) {
        return Py_PARK_OK;
    }
    /* Timed out: leave the queue, unless an unparker took us meanwhile, in
       which case its wake-up is already on its way and must be consumed. */
    pthread_mutex_lock(&b->mutex);
    int still_queued = dequeue_waiter(b, w);
    pthread_mutex_unlock(&b->mutex);
    if (!still_queued) {
        wait_until_woken(w, -1);
        return Py_PARK_OK;
    }
    return Py_PARK_TIMEOUT;
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
