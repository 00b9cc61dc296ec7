/* Dict watchers (PyDict_AddWatcher and friends): up to eight callbacks
   per interpreter, each enabled per dict by one bit of _ma_watcher_tag,
   told about a change before it is made. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_dict.h"

#define DICT_MAX_WATCHERS 8
Py_BUILD_ASSERT(_PyDict_WATCHER_MASK == (1 << DICT_MAX_WATCHERS) - 1);

/* Written with atomic stores by PyDict_AddWatcher/ClearWatcher; read by
   every notification. */
static PyDict_WatchCallback dict_watchers[DICT_MAX_WATCHERS];

static const char *
dict_event_name(PyDict_WatchEvent event)
{
    switch (event) {
#define EVENT_NAME(EVENT) case PyDict_EVENT_##EVENT: return "PyDict_EVENT_" #EVENT;
    PY_FOREACH_DICT_EVENT(EVENT_NAME)
#undef EVENT_NAME
    }
    return "unknown dict event";
}

/* Call every watcher whose bit is set on mp.  The callbacks run with
   the caller's locks (the dict's critical section for a mutation); a
   callback's failure is reported as unraisable and does not stop the
   change. */
void
_PyDict_NotifyWatchers(PyDict_WatchEvent event, PyDictObject *mp,
                       PyObject *key, PyObject *value)
{
    uint8_t bits = (uint8_t)(__atomic_load_n(&mp->_ma_watcher_tag, __ATOMIC_RELAXED)
                             & _PyDict_WATCHER_MASK);
    for (int id = 0; bits != 0; id++, bits >>= 1) {
        if (!(bits & 1)) {
            continue;
        }
        PyDict_WatchCallback cb = __atomic_load_n(&dict_watchers[id],
                                                  __ATOMIC_ACQUIRE);
        if (cb != NULL && cb(event, (PyObject *)mp, key, value) < 0) {
            PyErr_FormatUnraisable(
                "Exception ignored in %s watcher callback for <dict at %p>",
                dict_event_name(event), (void *)mp);
        }
    }
}

int
PyDict_AddWatcher(PyDict_WatchCallback callback)
{
    for (int id = 0; id < DICT_MAX_WATCHERS; id++) {
        PyDict_WatchCallback expected = NULL;
        if (__atomic_compare_exchange_n(&dict_watchers[id], &expected, callback,
                                        0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) {
            return id;
        }
    }
    PyErr_SetString(PyExc_RuntimeError, "no more dict watcher IDs available");
    return -1;
}

static int
check_watcher_id(int watcher_id)
{
    if (watcher_id < 0 || watcher_id >= DICT_MAX_WATCHERS) {
        PyErr_Format(PyExc_ValueError, "Invalid dict watcher ID %d", watcher_id);
        return -1;
    }
    if (__atomic_load_n(&dict_watchers[watcher_id], __ATOMIC_ACQUIRE) == NULL) {
        PyErr_Format(PyExc_ValueError, "No dict watcher set for ID %d", watcher_id);
        return -1;
    }
    return 0;
}

int
PyDict_ClearWatcher(int watcher_id)
{
    if (check_watcher_id(watcher_id) < 0) {
        return -1;
    }
    __atomic_store_n(&dict_watchers[watcher_id], NULL, __ATOMIC_RELEASE);
    return 0;
}

static int
set_watch_bit(int watcher_id, PyObject *dict, int on)
{
    if (!PyDict_Check(dict)) {
        PyErr_SetString(PyExc_ValueError, "Cannot watch non-dictionary");
        return -1;
    }
    if (check_watcher_id(watcher_id) < 0) {
        return -1;
    }
    uint64_t bit = (uint64_t)1 << watcher_id;
    if (on) {
        __atomic_fetch_or(&((PyDictObject *)dict)->_ma_watcher_tag, bit,
                          __ATOMIC_RELAXED);
    }
    else {
        __atomic_fetch_and(&((PyDictObject *)dict)->_ma_watcher_tag, ~bit,
                           __ATOMIC_RELAXED);
    }
    return 0;
}

int
PyDict_Watch(int watcher_id, PyObject *dict)
{
    return set_watch_bit(watcher_id, dict, 1);
}

int
PyDict_Unwatch(int watcher_id, PyObject *dict)
{
    return set_watch_bit(watcher_id, dict, 0);
}
