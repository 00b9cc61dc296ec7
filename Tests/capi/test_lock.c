/* Tests of PyMutex and the parking lot under real contention. */
#define Py_BUILD_CORE 1
#include "testlib.h"
#include "pycore_lock.h"

#include <pthread.h>
#include <sched.h>

typedef struct {
    PyMutex mutex;
    long counter;           /* protected by mutex */
    int rounds;
} shared_counter;

static void *increment_many(void *raw)
{
    shared_counter *shared = raw;
    for (int i = 0; i < shared->rounds; i++) {
        PyMutex_Lock(&shared->mutex);
        /* A read-modify-write that loses updates without the lock. */
        long value = shared->counter;
        if ((i & 1023) == 0) {
            sched_yield();
        }
        shared->counter = value + 1;
        PyMutex_Unlock(&shared->mutex);
    }
    return NULL;
}

static void test_mutex_excludes(void)
{
    shared_counter shared = { { 0 }, 0, 50000 };
    pthread_t threads[4];
    for (int i = 0; i < 4; i++) {
        pthread_create(&threads[i], NULL, increment_many, &shared);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(threads[i], NULL);
    }
    CHECK(shared.counter == 4L * 50000);
    CHECK(!PyMutex_IsLocked(&shared.mutex));
    CHECK(shared.mutex._bits == 0);
}

static void test_mutex_uncontended(void)
{
    PyMutex m = { 0 };
    CHECK(!PyMutex_IsLocked(&m));
    PyMutex_Lock(&m);
    CHECK(PyMutex_IsLocked(&m));
    PyMutex_Unlock(&m);
    CHECK(!PyMutex_IsLocked(&m));
}

typedef struct {
    int word;               /* parked on */
    int woken;
} park_state;

static void *park_then_record(void *raw)
{
    park_state *state = raw;
    int expected = 0;
    while (__atomic_load_n(&state->word, __ATOMIC_ACQUIRE) == 0) {
        _PyParkingLot_Park(&state->word, &expected, sizeof(int), -1, NULL);
    }
    __atomic_fetch_add(&state->woken, 1, __ATOMIC_RELAXED);
    return NULL;
}

static void set_word(void *arg, void *park_arg, int has_more)
{
    (void)park_arg;
    (void)has_more;
    __atomic_store_n(&((park_state *)arg)->word, 1, __ATOMIC_RELEASE);
}

static void test_parking_lot(void)
{
    /* Park with a value that no longer matches returns at once. */
    int word = 5, expected = 4;
    CHECK(_PyParkingLot_Park(&word, &expected, sizeof(int), -1, NULL) == Py_PARK_AGAIN);
    /* A timeout expires. */
    expected = 5;
    int64_t start = _PyTime_MonotonicNanoseconds();
    CHECK(_PyParkingLot_Park(&word, &expected, sizeof(int), 20000000, NULL)
          == Py_PARK_TIMEOUT);
    CHECK(_PyTime_MonotonicNanoseconds() - start >= 20000000);
    /* Unpark wakes the parked threads. */
    park_state state = { 0, 0 };
    pthread_t threads[3];
    for (int i = 0; i < 3; i++) {
        pthread_create(&threads[i], NULL, park_then_record, &state);
    }
    _PyParkingLot_Unpark(&state.word, set_word, &state);
    _PyParkingLot_UnparkAll(&state.word);
    for (int i = 0; i < 3; i++) {
        pthread_join(threads[i], NULL);
    }
    CHECK(state.woken == 3);
}

void suite_lock(void)
{
    RUN(test_mutex_uncontended);
    RUN(test_mutex_excludes);
    RUN(test_parking_lot);
}
