/* Core-only slice helpers (Objects/sliceobject.c). */
#ifndef Py_INTERNAL_SLICE_H
#define Py_INTERNAL_SLICE_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

/* Convert an index argument (an int or an object with __index__) to a
   Py_ssize_t, clamping values out of range to PY_SSIZE_T_MIN/MAX as slice
   bounds are.  None is refused.  0, or -1 with TypeError set:
   "slice indices must be integers or have an __index__ method". */
PyAPI_FUNC(int) _PySlice_ClampIndex(PyObject *v, Py_ssize_t *pi);

/* slice(start, stop) consuming both references (also on failure). */
PyAPI_FUNC(PyObject *) _PyBuildSlice_ConsumeRefs(PyObject *start,
                                                 PyObject *stop);

#endif /* Py_INTERNAL_SLICE_H */
