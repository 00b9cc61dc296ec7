/* Persistent hash array mapped trie (Python/hamt.c): the immutable
   mapping behind contextvars.Context.

   A PyHamtObject never changes after it is returned: "setting" a key
   builds a new map that shares every untouched node with the old one, so
   copying a map is taking a reference and lookups need no lock in either
   build. */
#ifndef Py_INTERNAL_HAMT_H
#define Py_INTERNAL_HAMT_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

typedef struct _PyHamtNode _PyHamtNode;

typedef struct {
    PyObject_HEAD
    _PyHamtNode *h_root;            /* strong; NULL for the empty map */
    Py_ssize_t h_count;
} PyHamtObject;

PyAPI_DATA(PyTypeObject) _PyHamt_Type;
PyAPI_DATA(PyTypeObject) _PyHamtNode_Type;
PyAPI_DATA(PyTypeObject) _PyHamtIter_Type;
PyAPI_DATA(PyTypeObject) _PyHamtKeys_Type;
PyAPI_DATA(PyTypeObject) _PyHamtValues_Type;
PyAPI_DATA(PyTypeObject) _PyHamtItems_Type;

/* What a _PyHamt_NewIterator / _PyHamt_NewView yields. */
typedef enum {
    _PyHamt_ITER_KEYS,
    _PyHamt_ITER_VALUES,
    _PyHamt_ITER_ITEMS,
} _PyHamtIterKind;

/* A new empty map. */
PyAPI_FUNC(PyHamtObject *) _PyHamt_New(void);

/* Looks key up: 1 and a new reference in *value when found, 0 when
   absent, -1 with an exception set (hashing or comparing failed). */
PyAPI_FUNC(int) _PyHamt_Find(PyHamtObject *map, PyObject *key,
                             PyObject **value);

/* A new map with key bound to value (new reference; may be map itself
   when nothing changes), or NULL with an exception set. */
PyAPI_FUNC(PyHamtObject *) _PyHamt_Assoc(PyHamtObject *map, PyObject *key,
                                         PyObject *value);

/* A new map without key (new reference; map itself when key is absent),
   or NULL with an exception set. */
PyAPI_FUNC(PyHamtObject *) _PyHamt_Without(PyHamtObject *map,
                                           PyObject *key);

/* 1 if the maps hold equal values under the same keys, 0 if not, -1 on
   error. */
PyAPI_FUNC(int) _PyHamt_Eq(PyHamtObject *a, PyHamtObject *b);

static inline Py_ssize_t _PyHamt_Len(PyHamtObject *map) {
    return map->h_count;
}

/* An iterator over the map's keys, values or (key, value) tuples. */
PyAPI_FUNC(PyObject *) _PyHamt_NewIterator(PyHamtObject *map,
                                           _PyHamtIterKind kind);

/* A sized, re-iterable view of the map ("keys", "values", "items"). */
PyAPI_FUNC(PyObject *) _PyHamt_NewView(PyHamtObject *map,
                                       _PyHamtIterKind kind);

#endif /* Py_INTERNAL_HAMT_H */
