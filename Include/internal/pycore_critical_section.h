/* Core-only critical-section machinery (Python/critical_section.c).

   PyThreadState.critical_section points at the innermost active section,
   tagged in its low bits.  Sections below the top are always held, unless
   the whole stack was suspended by a detach. */
#ifndef Py_INTERNAL_CRITICAL_SECTION_H
#define Py_INTERNAL_CRITICAL_SECTION_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#define _Py_CRITICAL_SECTION_INACTIVE 0x1
#define _Py_CRITICAL_SECTION_TWO_MUTEXES 0x2
#define _Py_CRITICAL_SECTION_MASK 0x3

/* Release every section the thread holds (it is about to block or
   detach); _PyCriticalSection_Resume re-takes the innermost one. */
void _PyCriticalSection_SuspendAll(PyThreadState *tstate);
void _PyCriticalSection_Resume(PyThreadState *tstate);

#ifdef Py_GIL_DISABLED
/* Debug aid: is op's mutex held (by anyone)?  Mutation paths assert it. */
#  define _Py_CRITICAL_SECTION_ASSERT_OBJECT_LOCKED(op) \
    assert(PyMutex_IsLocked(&_PyObject_CAST(op)->ob_mutex))
#else
#  define _Py_CRITICAL_SECTION_ASSERT_OBJECT_LOCKED(op) ((void)0)
#endif

#endif /* Py_INTERNAL_CRITICAL_SECTION_H */
