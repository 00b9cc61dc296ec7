/* Dictionaries: insertion-ordered hash maps, their views and iterators
   (Objects/dictobject.c). */
#ifndef Py_DICTOBJECT_H
#define Py_DICTOBJECT_H

PyAPI_DATA(PyTypeObject) PyDict_Type;

#define PyDict_Check(op) \
    PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_DICT_SUBCLASS)
#define PyDict_CheckExact(op) Py_IS_TYPE((op), &PyDict_Type)

/* frozendict (PEP 814): an immutable dict that is not a dict subclass.
   The read-only PyDict_* functions (PyDict_GetItemRef, PyDict_Contains,
   PyDict_Size, PyDict_Next, PyDict_Items, PyDict_Copy, ...) accept it too;
   the mutating ones reject it with TypeError. */
PyAPI_DATA(PyTypeObject) PyFrozenDict_Type;
#define PyFrozenDict_CheckExact(op) Py_IS_TYPE((op), &PyFrozenDict_Type)
#define PyFrozenDict_Check(op) \
    (PyFrozenDict_CheckExact(op) \
     || PyType_IsSubtype(Py_TYPE(op), &PyFrozenDict_Type))
#define PyAnyDict_CheckExact(op) \
    (PyDict_CheckExact(op) || PyFrozenDict_CheckExact(op))
#define PyAnyDict_Check(op) (PyDict_Check(op) || PyFrozenDict_Check(op))
/* A new frozendict from a mapping or an iterable of pairs; empty when
   iterable is NULL. */
PyAPI_FUNC(PyObject *) PyFrozenDict_New(PyObject *iterable);

PyAPI_FUNC(PyObject *) PyDict_New(void);
/* Borrowed reference or NULL; swallows every error (legacy). */
PyAPI_FUNC(PyObject *) PyDict_GetItem(PyObject *mp, PyObject *key);
/* Borrowed reference; NULL with no exception set when the key is absent. */
PyAPI_FUNC(PyObject *) PyDict_GetItemWithError(PyObject *mp, PyObject *key);
PyAPI_FUNC(int) PyDict_SetItem(PyObject *mp, PyObject *key, PyObject *item);
PyAPI_FUNC(int) PyDict_DelItem(PyObject *mp, PyObject *key);
PyAPI_FUNC(void) PyDict_Clear(PyObject *mp);
/* Borrowed key and value; *pos is an opaque cursor starting at 0. */
PyAPI_FUNC(int) PyDict_Next(PyObject *mp, Py_ssize_t *pos,
                            PyObject **key, PyObject **value);
PyAPI_FUNC(PyObject *) PyDict_Keys(PyObject *mp);
PyAPI_FUNC(PyObject *) PyDict_Values(PyObject *mp);
PyAPI_FUNC(PyObject *) PyDict_Items(PyObject *mp);
PyAPI_FUNC(Py_ssize_t) PyDict_Size(PyObject *mp);
PyAPI_FUNC(PyObject *) PyDict_Copy(PyObject *mp);
PyAPI_FUNC(int) PyDict_Contains(PyObject *mp, PyObject *key);
PyAPI_FUNC(int) PyDict_Update(PyObject *mp, PyObject *other);
PyAPI_FUNC(int) PyDict_Merge(PyObject *mp, PyObject *other, int override);
PyAPI_FUNC(int) PyDict_MergeFromSeq2(PyObject *d, PyObject *seq2, int override);
PyAPI_FUNC(PyObject *) PyDict_GetItemString(PyObject *dp, const char *key);
PyAPI_FUNC(int) PyDict_SetItemString(PyObject *dp, const char *key, PyObject *item);
PyAPI_FUNC(int) PyDict_DelItemString(PyObject *dp, const char *key);
/* 1 and a new reference in *result when found; 0 and NULL when absent;
   -1 and NULL on error. */
PyAPI_FUNC(int) PyDict_GetItemRef(PyObject *mp, PyObject *key, PyObject **result);
PyAPI_FUNC(int) PyDict_GetItemStringRef(PyObject *mp, const char *key,
                                        PyObject **result);

PyAPI_FUNC(PyObject *) PyObject_GenericGetDict(PyObject *, void *);

/* Views and iterators. */
PyAPI_DATA(PyTypeObject) PyDictKeys_Type;
PyAPI_DATA(PyTypeObject) PyDictValues_Type;
PyAPI_DATA(PyTypeObject) PyDictItems_Type;
PyAPI_DATA(PyTypeObject) PyDictIterKey_Type;
PyAPI_DATA(PyTypeObject) PyDictIterValue_Type;
PyAPI_DATA(PyTypeObject) PyDictIterItem_Type;
PyAPI_DATA(PyTypeObject) PyDictRevIterKey_Type;
PyAPI_DATA(PyTypeObject) PyDictRevIterItem_Type;
PyAPI_DATA(PyTypeObject) PyDictRevIterValue_Type;

#ifndef Py_LIMITED_API
#  include "cpython/dictobject.h"
#endif

#endif /* Py_DICTOBJECT_H */
