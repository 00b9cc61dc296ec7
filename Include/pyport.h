/* Portability definitions shared by every header: integer types, export
   macros, inlining. */
#ifndef Py_PYPORT_H
#define Py_PYPORT_H

#include <inttypes.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef ssize_t Py_ssize_t;
typedef Py_ssize_t Py_hash_t;
typedef size_t Py_uhash_t;
typedef int Py_ssize_clean_t;

#define PY_SSIZE_T_MAX ((Py_ssize_t)(((size_t)-1) >> 1))
#define PY_SSIZE_T_MIN (-PY_SSIZE_T_MAX - 1)
#define PY_SIZE_MAX SIZE_MAX

#define SIZEOF_PY_HASH_T SIZEOF_SIZE_T
#define SIZEOF_PY_UHASH_T SIZEOF_SIZE_T
#define SIZEOF_PY_SSIZE_T SIZEOF_SIZE_T

#define PY_LONG_LONG long long
#define PY_LLONG_MIN LLONG_MIN
#define PY_LLONG_MAX LLONG_MAX
#define PY_ULLONG_MAX ULLONG_MAX

#define PyAPI_FUNC(RTYPE) __attribute__((visibility("default"))) RTYPE
#define PyAPI_DATA(RTYPE) extern __attribute__((visibility("default"))) RTYPE
#define PyMODINIT_FUNC __attribute__((visibility("default"))) PyObject *

#define Py_LOCAL(type) static type
#define Py_LOCAL_INLINE(type) static inline type
#define Py_ALWAYS_INLINE __attribute__((always_inline))
#define Py_NO_INLINE __attribute__((noinline))
#define _Py_NO_RETURN __attribute__((__noreturn__))
#define Py_DEPRECATED(VERSION) __attribute__((__deprecated__))
#define Py_UNUSED(name) _unused_##name __attribute__((unused))
#define Py_GCC_ATTRIBUTE(x) __attribute__(x)
#define _Py_HOT_FUNCTION __attribute__((hot))
#define _Py_COLD_FUNCTION __attribute__((cold))

#define Py_LIKELY(x) __builtin_expect(!!(x), 1)
#define Py_UNLIKELY(x) __builtin_expect(!!(x), 0)

/* Cast with a check in debug builds that the value fits. */
#define Py_SAFE_DOWNCAST(VALUE, WIDE, NARROW) ((NARROW)(VALUE))
#define _Py_STATIC_CAST(type, expr) ((type)(expr))
#define _Py_CAST(type, expr) ((type)(expr))
#define _PyObject_CAST(op) _Py_CAST(PyObject*, (op))

#define Py_ARITHMETIC_RIGHT_SHIFT(TYPE, I, J) ((I) >> (J))
#define Py_FORCE_EXPANSION(X) X

#ifdef __cplusplus
#  define Py_NULL nullptr
#else
#  define Py_NULL NULL
#endif

#ifdef Py_DEBUG
#  define _Py_UNREACHABLE() Py_FatalError("unreachable code reached")
#else
#  define _Py_UNREACHABLE() __builtin_unreachable()
#endif
#define Py_UNREACHABLE() _Py_UNREACHABLE()

#endif /* Py_PYPORT_H */
