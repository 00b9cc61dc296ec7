/* The full (version-specific) dict API: the object layout and the
   newer entry points. */
#ifndef Py_CPYTHON_DICTOBJECT_H
#define Py_CPYTHON_DICTOBJECT_H

typedef struct _dictkeysobject PyDictKeysObject;
typedef struct _dictvalues PyDictValues;

/* A dict: a pointer to its keys table plus the live-item count.  The
   table layout is private (Include/internal/pycore_dict.h).  ma_values
   is reserved for split (shared-key) tables; Weft always stores values in
   the keys table, so it is NULL. */
typedef struct {
    PyObject_HEAD
    Py_ssize_t ma_used;             /* live items */
    uint64_t _ma_watcher_tag;       /* low 8 bits: watcher ids (PyDict_Watch) */
    PyDictKeysObject *ma_keys;
    PyDictValues *ma_values;
} PyDictObject;

/* A frozendict is a dict's layout plus a cached hash (-1: not computed
   yet), so the dict table code serves both.  It is never mutated after
   construction. */
typedef struct {
    PyDictObject ob_base;
    Py_hash_t ma_hash;
} PyFrozenDictObject;

static inline Py_ssize_t PyDict_GET_SIZE(PyObject *op) {
#ifdef Py_GIL_DISABLED
    return __atomic_load_n(&((PyDictObject *)op)->ma_used, __ATOMIC_RELAXED);
#else
    return ((PyDictObject *)op)->ma_used;
#endif
}
#define PyDict_GET_SIZE(op) PyDict_GET_SIZE(_PyObject_CAST(op))

PyAPI_FUNC(int) PyDict_ContainsString(PyObject *mp, const char *key);
PyAPI_FUNC(PyObject *) _PyDict_NewPresized(Py_ssize_t minused);

/* Borrowed reference to the value now stored under key. */
PyAPI_FUNC(PyObject *) PyDict_SetDefault(PyObject *mp, PyObject *key,
                                         PyObject *defaultobj);
/* 1 when key was present, 0 when default_value was inserted, -1 on error;
   *result (if not NULL) receives a new reference to the stored value. */
PyAPI_FUNC(int) PyDict_SetDefaultRef(PyObject *mp, PyObject *key,
                                     PyObject *default_value, PyObject **result);
/* Remove key: 1 and the value (new reference, if result is not NULL) when
   found, 0 when absent (no KeyError), -1 on error. */
PyAPI_FUNC(int) PyDict_Pop(PyObject *dict, PyObject *key, PyObject **result);
PyAPI_FUNC(int) PyDict_PopString(PyObject *dict, const char *key, PyObject **result);

/* Views. */
#define PyDictKeys_Check(op) PyObject_TypeCheck((op), &PyDictKeys_Type)
#define PyDictValues_Check(op) PyObject_TypeCheck((op), &PyDictValues_Type)
#define PyDictItems_Check(op) PyObject_TypeCheck((op), &PyDictItems_Type)
#define PyDictViewSet_Check(op) (PyDictKeys_Check(op) || PyDictItems_Check(op))

typedef struct {
    PyObject_HEAD
    PyDictObject *dv_dict;          /* owned; NULL only after tp_clear */
} _PyDictViewObject;

PyAPI_FUNC(PyObject *) _PyDictView_New(PyObject *, PyTypeObject *);
PyAPI_FUNC(PyObject *) _PyDictView_Intersect(PyObject *self, PyObject *other);

/* Dictionary watchers: a callback told about every change to a watched
   dict, before the change is made. */
#define PY_FOREACH_DICT_EVENT(V) \
    V(ADDED)                     \
    V(MODIFIED)                  \
    V(DELETED)                   \
    V(CLONED)                    \
    V(CLEARED)                   \
    V(DEALLOCATED)

typedef enum {
#define PY_DEF_EVENT(EVENT) PyDict_EVENT_##EVENT,
    PY_FOREACH_DICT_EVENT(PY_DEF_EVENT)
#undef PY_DEF_EVENT
} PyDict_WatchEvent;

typedef int (*PyDict_WatchCallback)(PyDict_WatchEvent event, PyObject *dict,
                                    PyObject *key, PyObject *new_value);

PyAPI_FUNC(int) PyDict_AddWatcher(PyDict_WatchCallback callback);
PyAPI_FUNC(int) PyDict_ClearWatcher(int watcher_id);
PyAPI_FUNC(int) PyDict_Watch(int watcher_id, PyObject *dict);
PyAPI_FUNC(int) PyDict_Unwatch(int watcher_id, PyObject *dict);

#endif /* Py_CPYTHON_DICTOBJECT_H */
