/* PEP 695 / PEP 696 typing objects (Objects/typevarobject.c): TypeVar,
   ParamSpec (and its .args / .kwargs), TypeVarTuple, TypeAliasType,
   Generic and the NoDefault sentinel, exposed to Python by the _typing
   module, and the constructors the CALL_INTRINSIC_1/2 opcodes call. */
#ifndef Py_PYCORE_TYPEVAROBJECT_H
#define Py_PYCORE_TYPEVAROBJECT_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

extern PyTypeObject _PyTypeVar_Type;
extern PyTypeObject _PyParamSpec_Type;
extern PyTypeObject _PyParamSpecArgs_Type;
extern PyTypeObject _PyParamSpecKwargs_Type;
extern PyTypeObject _PyTypeVarTuple_Type;
extern PyTypeObject _PyTypeAlias_Type;
extern PyTypeObject _PyGeneric_Type;
extern PyTypeObject _PyNoDefault_Type;
extern PyTypeObject _PyConstEvaluator_Type;
/* C[args] for a generic class C (typing._GenericAlias's behaviour on a
   types.GenericAlias subtype). */
extern PyTypeObject _PyGenericClassAlias_Type;

/* typing._type_check(arg, msg): arg as a type argument (a string becomes
   a ForwardRef), or NULL with TypeError.  A new reference. */
PyObject *_Py_typing_type_check(PyObject *arg, const char *msg);

/* Start-up hook: Generic's tp_new (see Objects/typevarobject.c). */
int _PyTyping_InitHook(PyInterpreterState *interp);

/* typing.NoDefault, an immortal singleton. */
extern PyObject _Py_NoDefaultStruct;
#define _Py_NoDefault (&_Py_NoDefaultStruct)

/* The intrinsics of the PEP 695 syntax.  All borrow their arguments and
   return a new reference (NULL with an exception set on error).  The
   evaluate_* arguments are the compiler's lazy functions f(format). */
PyObject *_Py_make_typevar(PyObject *name, PyObject *evaluate_bound,
                           PyObject *evaluate_constraints);
PyObject *_Py_make_paramspec(PyObject *name);
PyObject *_Py_make_typevartuple(PyObject *name);
/* args: (name, type_params tuple or None, evaluate_value). */
PyObject *_Py_make_typealias(PyObject *args);
/* Generic[*params] for `class C[...]`. */
PyObject *_Py_subscript_generic(PyObject *params);
/* Attach a lazily evaluated default; returns typeparam itself. */
PyObject *_Py_set_typeparam_default(PyObject *typeparam,
                                    PyObject *evaluate_default);

#endif /* Py_PYCORE_TYPEVAROBJECT_H */
