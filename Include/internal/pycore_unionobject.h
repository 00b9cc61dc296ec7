/* Core-only helpers shared by types.GenericAlias
   (Objects/genericaliasobject.c) and types.UnionType
   (Objects/unionobject.c), and the hooks type.__or__ and
   isinstance()/issubclass() use. */
#ifndef Py_INTERNAL_UNIONOBJECT_H
#define Py_INTERNAL_UNIONOBJECT_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

/* _PyUnion_Type (typing.Union, also types.UnionType) is declared in
   genericaliasobject.h. */
#define _PyUnion_Check(op) Py_IS_TYPE((op), &_PyUnion_Type)
#define _PyGenericAlias_Check(op) \
    PyObject_TypeCheck((op), &Py_GenericAliasType)

/* self | other for types, aliases and unions: a new union, the single
   remaining argument after deduplication, or NotImplemented. */
PyAPI_FUNC(PyObject *) _Py_union_type_or(PyObject *self, PyObject *other);
/* Union[left, right]: the `|` of objects that stand for themselves in
   annotations (type variables, sentinels), which _Py_union_type_or does
   not accept. */
PyAPI_FUNC(PyObject *) _Py_union_of_pair(PyObject *left, PyObject *right);
/* The union's __args__ (borrowed). */
PyAPI_FUNC(PyObject *) _Py_union_args(PyObject *self);

/* The type variables among args (anything with __typing_subst__, and the
   __parameters__ of nested aliases), first occurrence first.  New tuple. */
PyAPI_FUNC(PyObject *) _Py_make_parameters(PyObject *args);
/* self[item]: args with every parameter replaced by its argument.  New
   tuple. */
PyAPI_FUNC(PyObject *) _Py_subs_parameters(PyObject *self, PyObject *args,
                                           PyObject *parameters,
                                           PyObject *item);
/* Append the typing-style repr of p ("int", "mod.Cls", "None", "...",
   "[a, b]", or repr(p)) to writer. */
PyAPI_FUNC(int) _Py_typing_type_repr(PyUnicodeWriter *writer, PyObject *p);

#endif /* Py_INTERNAL_UNIONOBJECT_H */
