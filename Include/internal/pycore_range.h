/* The fast range iterator's layout, shared by Objects/rangeobject.c and
   the VM's FOR_ITER_RANGE (Python/ceval_specialized.h).  Used for ranges
   whose values all fit a C long.  In the free-threaded build every field
   but step is read and written with relaxed atomics: racing threads may
   hand out the same value twice, never a value outside the range. */
#ifndef Py_INTERNAL_RANGE_H
#define Py_INTERNAL_RANGE_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

typedef struct {
    PyObject_HEAD
    long start;   /* the next value */
    long step;
    long len;     /* values left */
} _PyRangeIterObject;

#endif /* Py_INTERNAL_RANGE_H */
