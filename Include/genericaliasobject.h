/* types.GenericAlias: the object that list[int] and friends evaluate to
   (Objects/genericaliasobject.c), and types.UnionType / typing.Union
   (Objects/unionobject.c). */
#ifndef Py_GENERICALIASOBJECT_H
#define Py_GENERICALIASOBJECT_H

/* origin[args]; args that is not a tuple is wrapped in a 1-tuple. */
PyAPI_FUNC(PyObject *) Py_GenericAlias(PyObject *origin, PyObject *args);
PyAPI_DATA(PyTypeObject) Py_GenericAliasType;

#ifndef Py_LIMITED_API
/* typing.Union (also types.UnionType) and the iterator behind
   *tuple[int, ...]; readied at start-up with the other static types. */
PyAPI_DATA(PyTypeObject) _PyUnion_Type;
PyAPI_DATA(PyTypeObject) _PyGenericAliasIter_Type;
#endif

#endif /* Py_GENERICALIASOBJECT_H */
