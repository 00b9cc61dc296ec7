/* The full-API part of pythread.h: TSS layout and joinable threads. */
#ifndef Py_CPYTHON_PYTHREAD_H
#define Py_CPYTHON_PYTHREAD_H

#include <pthread.h>

struct _Py_tss_t {
    int _is_initialized;
    pthread_key_t _key;
};
#define Py_tss_NEEDS_INIT {0}

typedef unsigned long long PyThread_ident_t;
typedef unsigned long long PyThread_handle_t;
#define PY_FORMAT_THREAD_IDENT_T "llu"

/* Starts func(arg) in a new OS thread that must later be joined or
   detached, exactly once.  0 on success with *ident and *handle set, -1
   if the thread could not be created. */
PyAPI_FUNC(int) PyThread_start_joinable_thread(void (*func)(void *),
                                               void *arg,
                                               PyThread_ident_t *ident,
                                               PyThread_handle_t *handle);
PyAPI_FUNC(int) PyThread_join_thread(PyThread_handle_t handle);
PyAPI_FUNC(int) PyThread_detach_thread(PyThread_handle_t handle);
PyAPI_FUNC(PyThread_ident_t) PyThread_get_thread_ident_ex(void);

#endif /* Py_CPYTHON_PYTHREAD_H */
