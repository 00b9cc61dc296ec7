/* Type watchers (CPython's PyType_AddWatcher family): a callback learns
   that a watched type, or a subclass of it, was modified.

   A callback fires when PyType_Modified (or an attribute assignment, a
   __bases__ change, ...) invalidates the version tag of a watched type;
   PyType_Watch gives the type a tag, so the next modification is seen.
   Callbacks run inside the type lock (Objects/typeobject.c, rule 1), as
   in CPython 3.13: they must not modify types themselves.  An exception
   from a callback is reported as unraisable and the others still run.

   The callback table is written by Add/ClearWatcher under watchers_lock
   and read with atomic loads, so any thread may add, clear or fire. */
#include "Python.h"
#include "pycore_typeobject.h"

#define TYPE_MAX_WATCHERS 8

static PyType_WatchCallback watchers[TYPE_MAX_WATCHERS];
static PyMutex watchers_lock;

int PyType_AddWatcher(PyType_WatchCallback callback)
{
    int id = -1;
    PyMutex_Lock(&watchers_lock);
    for (int i = 0; i < TYPE_MAX_WATCHERS; i++) {
        if (watchers[i] == NULL) {
            __atomic_store_n(&watchers[i], callback, __ATOMIC_RELEASE);
            id = i;
            break;
        }
    }
    PyMutex_Unlock(&watchers_lock);
    if (id < 0) {
        PyErr_SetString(PyExc_RuntimeError, "no more type watcher IDs available");
    }
    return id;
}

/* 0 with the callback of watcher_id, or -1 with ValueError. */
static int check_watcher_id(int watcher_id)
{
    if (watcher_id < 0 || watcher_id >= TYPE_MAX_WATCHERS) {
        PyErr_Format(PyExc_ValueError, "Invalid type watcher ID %d", watcher_id);
        return -1;
    }
    if (__atomic_load_n(&watchers[watcher_id], __ATOMIC_ACQUIRE) == NULL) {
        PyErr_Format(PyExc_ValueError, "No type watcher set for ID %d",
                     watcher_id);
        return -1;
    }
    return 0;
}

int PyType_ClearWatcher(int watcher_id)
{
    if (check_watcher_id(watcher_id) < 0) {
        return -1;
    }
    PyMutex_Lock(&watchers_lock);
    __atomic_store_n(&watchers[watcher_id], NULL, __ATOMIC_RELEASE);
    PyMutex_Unlock(&watchers_lock);
    return 0;
}

static PyTypeObject *watchable_type(int watcher_id, PyObject *obj)
{
    if (!PyType_Check(obj)) {
        PyErr_SetString(PyExc_ValueError, "Cannot watch non-type");
        return NULL;
    }
    return check_watcher_id(watcher_id) < 0 ? NULL : (PyTypeObject *)obj;
}

/* tp_watched is written under the type lock, where the notifier reads it. */
int PyType_Watch(int watcher_id, PyObject *obj)
{
    PyTypeObject *type = watchable_type(watcher_id, obj);
    if (type == NULL) {
        return -1;
    }
    /* A type without a version tag would not notice its next change. */
    PyUnstable_Type_AssignVersionTag(type);
    BEGIN_TYPE_LOCK();
    type->tp_watched |= (unsigned char)(1u << watcher_id);
    END_TYPE_LOCK();
    return 0;
}

int PyType_Unwatch(int watcher_id, PyObject *obj)
{
    PyTypeObject *type = watchable_type(watcher_id, obj);
    if (type == NULL) {
        return -1;
    }
    BEGIN_TYPE_LOCK();
    type->tp_watched &= (unsigned char)~(1u << watcher_id);
    END_TYPE_LOCK();
    return 0;
}

/* Called by typeobject.c, holding the type lock, for each type whose
   valid version tag a modification is about to clear.  The exception
   pending on entry, if any, is kept. */
void _PyType_NotifyWatchers(PyTypeObject *type)
{
    unsigned int bits = type->tp_watched;
    if (bits == 0) {
        return;
    }
    PyObject *pending = PyErr_GetRaisedException();
    for (int i = 0; bits != 0; i++, bits >>= 1) {
        if (!(bits & 1)) {
            continue;
        }
        PyType_WatchCallback callback =
            __atomic_load_n(&watchers[i], __ATOMIC_ACQUIRE);
        if (callback != NULL && callback(type) < 0) {
            PyErr_FormatUnraisable(
                "Exception ignored in type watcher callback #%d for %R",
                i, (PyObject *)type);
        }
    }
    PyErr_SetRaisedException(pending);
}
