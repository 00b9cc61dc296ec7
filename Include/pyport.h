/* Portability definitions shared by every header: integer types, export
   macros, inlining. */
#ifndef Py_PYPORT_H
#define Py_PYPORT_H

#include <inttypes.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* ---- Target ABI (DESIGN.md section 10) ---------------------------------
   Py_LIMITED_API alone selects abi3 with the default build's headers and
   abi3t with the free-threaded build's; Py_TARGET_ABI3T selects abi3t with
   either.  Both name the oldest version the extension supports, in
   PY_VERSION_HEX form, and abi3t implies the Limited API. */
#if defined(Py_LIMITED_API) && Py_LIMITED_API+0 < 3
/* An empty Py_LIMITED_API (or 3) means the first stable ABI, 3.2. */
#  undef Py_LIMITED_API
#  define Py_LIMITED_API 0x03020000
#endif
#if defined(Py_TARGET_ABI3T) && Py_TARGET_ABI3T+0 < 0x030f0000
#  error "Py_TARGET_ABI3T must be 0x030f0000 (3.15) or above"
#endif
#if defined(Py_TARGET_ABI3T) && !defined(Py_LIMITED_API)
#  define Py_LIMITED_API Py_TARGET_ABI3T
#endif
#if defined(Py_LIMITED_API) && defined(Py_GIL_DISABLED) \
        && !defined(Py_TARGET_ABI3T)
/* The free-threaded build has no abi3: its stable ABI is abi3t, which
   begins with 3.15. */
#  if Py_LIMITED_API+0 < 0x030f0000
#    error "the free-threaded build's stable ABI (abi3t) needs Py_LIMITED_API >= 0x030f0000"
#  endif
#  define Py_TARGET_ABI3T Py_LIMITED_API
#endif
/* The object header is hidden from abi3t code: counts and the type are
   reached through exported functions (object.h, refcount.h). */
#if defined(Py_TARGET_ABI3T) && !defined(_Py_OPAQUE_PYOBJECT)
#  define _Py_OPAQUE_PYOBJECT 1
#endif

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

/* Byte order of the target, as CPython's pyport.h names it: exactly one of
   the two is 1.  WORDS_BIGENDIAN comes from pyconfig.h (configure). */
#ifdef WORDS_BIGENDIAN
#  define PY_BIG_ENDIAN 1
#  define PY_LITTLE_ENDIAN 0
#else
#  define PY_BIG_ENDIAN 0
#  define PY_LITTLE_ENDIAN 1
#endif

#endif /* Py_PYPORT_H */
