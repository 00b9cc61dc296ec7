/* The full (version-specific) part of the abstract object API: inline
   vectorcall helpers and the PySequence_Fast accessors. */
#ifndef Py_CPYTHON_ABSTRACT_H
#define Py_CPYTHON_ABSTRACT_H

/* ---- Vectorcall --------------------------------------------------------- */

static inline Py_ssize_t _PyVectorcall_NARGS(size_t n) {
    return (Py_ssize_t)(n & ~PY_VECTORCALL_ARGUMENTS_OFFSET);
}
#define PyVectorcall_NARGS(n) _PyVectorcall_NARGS(n)

/* The vectorcall entry point stored in callable, or NULL when its type
   does not support vectorcall (then tp_call is used). */
static inline vectorcallfunc PyVectorcall_Function(PyObject *callable) {
    PyTypeObject *tp = Py_TYPE(callable);
    if (!PyType_HasFeature(tp, Py_TPFLAGS_HAVE_VECTORCALL)) {
        return NULL;
    }
    vectorcallfunc func;
    memcpy(&func, (char *)callable + tp->tp_vectorcall_offset, sizeof(func));
    return func;
}

PyAPI_FUNC(PyObject *) PyObject_VectorcallDict(PyObject *callable,
                                               PyObject *const *args,
                                               size_t nargsf,
                                               PyObject *kwargs);
PyAPI_FUNC(PyObject *) PyObject_CallOneArg(PyObject *func, PyObject *arg);

static inline PyObject *PyObject_CallMethodNoArgs(PyObject *self,
                                                  PyObject *name) {
    size_t nargsf = 1 | PY_VECTORCALL_ARGUMENTS_OFFSET;
    return PyObject_VectorcallMethod(name, &self, nargsf, NULL);
}

static inline PyObject *PyObject_CallMethodOneArg(PyObject *self,
                                                  PyObject *name,
                                                  PyObject *arg) {
    PyObject *args[2] = {self, arg};
    size_t nargsf = 2 | PY_VECTORCALL_ARGUMENTS_OFFSET;
    return PyObject_VectorcallMethod(name, args, nargsf, NULL);
}

/* Old spellings kept for source compatibility. */
#define _PyObject_Vectorcall PyObject_Vectorcall
#define _PyObject_VectorcallMethod PyObject_VectorcallMethod
#define _PyObject_FastCallDict PyObject_VectorcallDict
#define _PyVectorcall_Function PyVectorcall_Function
#define _PyObject_CallOneArg PyObject_CallOneArg
#define _PyObject_CallMethodNoArgs PyObject_CallMethodNoArgs
#define _PyObject_CallMethodOneArg PyObject_CallMethodOneArg

static inline PyObject *_PyObject_FastCall(PyObject *func,
                                           PyObject *const *args,
                                           Py_ssize_t nargs) {
    return PyObject_Vectorcall(func, args, (size_t)nargs, NULL);
}

/* ---- Iteration ---------------------------------------------------------- */

PyAPI_FUNC(PySendResult) PyIter_Send(PyObject *iter, PyObject *arg,
                                     PyObject **presult);

/* ---- Sizes -------------------------------------------------------------- */

/* len(o) if o has one, else o.__length_hint__(), else defaultvalue. */
PyAPI_FUNC(Py_ssize_t) PyObject_LengthHint(PyObject *o,
                                           Py_ssize_t defaultvalue);

/* ---- PySequence_Fast results (a list or a tuple) ------------------------ */

#define PySequence_Fast_GET_SIZE(o) \
    (PyList_Check(o) ? PyList_GET_SIZE(o) : PyTuple_GET_SIZE(o))
#define PySequence_Fast_GET_ITEM(o, i) \
    (PyList_Check(o) ? PyList_GET_ITEM((o), (i)) : PyTuple_GET_ITEM((o), (i)))
#define PySequence_Fast_ITEMS(sf)                               \
    (PyList_Check(sf) ? ((PyListObject *)(sf))->ob_item         \
                      : ((PyTupleObject *)(sf))->ob_item)
/* o[i] through sq_item directly: a new reference; no negative-index
   adjustment and no check that o has sq_item. */
#define PySequence_ITEM(o, i) \
    (Py_TYPE(o)->tp_as_sequence->sq_item((o), (i)))

/* Sequence searches shared by count(), index() and `in`. */
#define PY_ITERSEARCH_COUNT 1
#define PY_ITERSEARCH_INDEX 2
#define PY_ITERSEARCH_CONTAINS 3
PyAPI_FUNC(Py_ssize_t) _PySequence_IterSearch(PyObject *seq, PyObject *obj,
                                              int operation);

PyAPI_FUNC(int) _PyObject_RealIsInstance(PyObject *inst, PyObject *cls);
PyAPI_FUNC(int) _PyObject_RealIsSubclass(PyObject *derived, PyObject *cls);

#endif /* Py_CPYTHON_ABSTRACT_H */
