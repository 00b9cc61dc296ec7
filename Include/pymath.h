/* IEEE 754 special values and tests. */
#ifndef Py_PYMATH_H
#define Py_PYMATH_H

#ifndef Py_INFINITY
#  define Py_INFINITY ((double)INFINITY)
#endif
#ifndef Py_HUGE_VAL
#  define Py_HUGE_VAL HUGE_VAL
#endif
#ifndef Py_NAN
#  define Py_NAN ((double)NAN)
#endif
#ifndef Py_IS_NAN
#  define Py_IS_NAN(X) isnan(X)
#endif
#ifndef Py_IS_INFINITY
#  define Py_IS_INFINITY(X) isinf(X)
#endif
#ifndef Py_IS_FINITE
#  define Py_IS_FINITE(X) isfinite(X)
#endif

#endif /* Py_PYMATH_H */
