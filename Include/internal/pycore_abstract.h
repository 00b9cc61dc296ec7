/* Core-only helpers of the abstract object protocols (Objects/abstract.c). */
#ifndef Py_INTERNAL_ABSTRACT_H
#define Py_INTERNAL_ABSTRACT_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

/* The inline form of PyIndex_Check. */
static inline int _PyIndex_Check(PyObject *obj) {
    PyNumberMethods *nb = Py_TYPE(obj)->tp_as_number;
    return nb != NULL && nb->nb_index != NULL;
}

/* operator.index(o) without converting an int subclass to an exact int. */
PyAPI_FUNC(PyObject *) _PyNumber_Index(PyObject *o);
/* o1 ** o2 and o1 **= o2 with no modulus. */
PyAPI_FUNC(PyObject *) _PyNumber_PowerNoMod(PyObject *lhs, PyObject *rhs);
PyAPI_FUNC(PyObject *) _PyNumber_InPlacePowerNoMod(PyObject *lhs,
                                                   PyObject *rhs);
/* True when o has a length (sq_length or mp_length). */
PyAPI_FUNC(int) _PyObject_HasLen(PyObject *o);
/* "O&" converter: None leaves *(Py_ssize_t *)result unchanged, an index
   is stored as Py_ssize_t (clamped, like slice indices). */
PyAPI_FUNC(int) _Py_convert_optional_to_ssize_t(PyObject *obj, void *result);

/* Pickling support of the built-in iterators (Objects/iterobject.c). */
PyAPI_FUNC(PyObject *) _PyIter_Builtin(const char *name);
PyAPI_FUNC(PyObject *) _PyIter_ReduceIndexed(PyObject *func, PyObject *seq,
                                             Py_ssize_t index);
PyAPI_FUNC(PyObject *) _PyIter_ReduceItems(PyObject *items);
PyAPI_FUNC(int) _PyIter_StateIndex(PyObject *state, Py_ssize_t low,
                                   Py_ssize_t high, Py_ssize_t *index);

#endif /* Py_INTERNAL_ABSTRACT_H */
