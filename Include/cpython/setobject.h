/* The full (version-specific) set API: the object layout. */
#ifndef Py_CPYTHON_SETOBJECT_H
#define Py_CPYTHON_SETOBJECT_H

/* Small sets keep their table inside the object. */
#define PySet_MINSIZE 8

/* A slot: key NULL means never used; a deleted slot holds a private
   dummy key with hash -1 so probe chains stay intact. */
typedef struct {
    PyObject *key;
    Py_hash_t hash;
} setentry;

/* table has mask + 1 slots; fill counts live and dummy slots, used only
   live ones.  hash is the cached hash of a frozenset (-1 until computed).
   finger is where pop() resumes scanning. */
typedef struct {
    PyObject_HEAD
    Py_ssize_t fill;
    Py_ssize_t used;
    Py_ssize_t mask;
    setentry *table;
    Py_hash_t hash;
    Py_ssize_t finger;
    setentry smalltable[PySet_MINSIZE];
    PyObject *weakreflist;
} PySetObject;

#define _PySet_CAST(so) ((PySetObject *)(so))

static inline Py_ssize_t PySet_GET_SIZE(PyObject *so) {
#ifdef Py_GIL_DISABLED
    return __atomic_load_n(&_PySet_CAST(so)->used, __ATOMIC_RELAXED);
#else
    return _PySet_CAST(so)->used;
#endif
}
#define PySet_GET_SIZE(so) PySet_GET_SIZE(_PyObject_CAST(so))

/* Borrowed key and its stored hash of the next entry at or after *pos;
   in the free-threaded build the caller holds the set's critical
   section (a frozenset needs none). */
PyAPI_FUNC(int) _PySet_NextEntry(PyObject *set, Py_ssize_t *pos,
                                 PyObject **key, Py_hash_t *hash);
/* set |= iterable, for any iterable. */
PyAPI_FUNC(int) _PySet_Update(PyObject *set, PyObject *iterable);

#endif /* Py_CPYTHON_SETOBJECT_H */
