/* Full-API object and GC helpers (CPython's cpython/objimpl.h and
   cpython/object.h): Objects/object_unstable.c, Python/gc.c. */
#ifndef Py_CPYTHON_OBJIMPL_H
#define Py_CPYTHON_OBJIMPL_H

#define PyType_IS_GC(t) PyType_HasFeature((t), Py_TPFLAGS_HAVE_GC)

/* PyUnstable_GC_VisitObjects calls callback(op, arg) for every object the
   collector tracks, until it returns 0; the callback must not create or
   destroy GC objects. */
typedef int (*gcvisitobjects_t)(PyObject *, void *);
PyAPI_FUNC(void) PyUnstable_GC_VisitObjects(gcvisitobjects_t callback, void *arg);

/* A GC object of `type` with extra_size zeroed bytes after tp_basicsize. */
PyAPI_FUNC(PyObject *) PyUnstable_Object_GC_NewWithExtraData(PyTypeObject *type,
                                                             size_t extra_size);

/* The items after tp_basicsize of a Py_TPFLAGS_ITEMS_AT_END type. */
PyAPI_FUNC(void *) PyObject_GetItemData(PyObject *obj);

/* For tp_traverse and tp_clear of Py_TPFLAGS_MANAGED_DICT types. */
PyAPI_FUNC(int) PyObject_VisitManagedDict(PyObject *obj, visitproc visit,
                                          void *arg);
PyAPI_FUNC(void) PyObject_ClearManagedDict(PyObject *obj);

PyAPI_FUNC(int) PyUnstable_Object_IsUniqueReferencedTemporary(PyObject *op);
/* Take a reference unless op is being destroyed (1 on success); op must
   have been marked with PyUnstable_EnableTryIncRef first. */
PyAPI_FUNC(int) PyUnstable_TryIncRef(PyObject *op);
PyAPI_FUNC(void) PyUnstable_EnableTryIncRef(PyObject *op);

/* Type watchers (Objects/typewatch.c). */
typedef int (*PyType_WatchCallback)(PyTypeObject *type);
PyAPI_FUNC(int) PyType_AddWatcher(PyType_WatchCallback callback);
PyAPI_FUNC(int) PyType_ClearWatcher(int watcher_id);
PyAPI_FUNC(int) PyType_Watch(int watcher_id, PyObject *type);
PyAPI_FUNC(int) PyType_Unwatch(int watcher_id, PyObject *type);

#endif /* Py_CPYTHON_OBJIMPL_H */
