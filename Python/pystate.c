/* Thread and interpreter states (DESIGN.md section 6).

   Weft has one interpreter.  Its list of thread states is protected by
   interp->threads_mutex; each state's fields belong to its own thread
   except `state` and `eval_breaker`, which other threads read and set
   atomically. */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_refcount.h"

#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

__thread PyThreadState *_Py_tss_tstate;

static PyInterpreterState main_interpreter;
static uint64_t next_thread_id = 1;     /* under main_interpreter.threads_mutex */

PyInterpreterState *_PyInterpreterState_Main(void)
{
    return &main_interpreter;
}

void _PyInterpreterState_Init(PyInterpreterState *interp)
{
    memset(interp, 0, sizeof(*interp));
}

PyThreadState *_PyThreadState_New(PyInterpreterState *interp)
{
    PyThreadState *tstate = PyMem_RawCalloc(1, sizeof(PyThreadState));
    if (tstate == NULL) {
        return NULL;
    }
    tstate->interp = interp;
    tstate->py_recursion_limit = 1000;
    tstate->py_recursion_remaining = 1000;
    tstate->c_recursion_remaining = Py_C_RECURSION_LIMIT;

    PyMutex_Lock(&interp->threads_mutex);
    tstate->id = next_thread_id++;
    tstate->next = interp->threads_head;
    if (interp->threads_head) {
        interp->threads_head->prev = tstate;
    }
    interp->threads_head = tstate;
    PyMutex_Unlock(&interp->threads_mutex);
    return tstate;
}

/* Make tstate the calling thread's own, attached state. */
void _PyThreadState_Bind(PyThreadState *tstate)
{
    tstate->thread_id = (unsigned long)pthread_self();
    tstate->native_thread_id = (unsigned long)syscall(SYS_gettid);
    tstate->fast_thread_id = _PyThread_FastId();
    _Py_tss_tstate = tstate;
    __atomic_store_n(&tstate->state, _Py_THREAD_ATTACHED, __ATOMIC_RELEASE);
}

void _PyThreadState_Delete(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    PyMutex_Lock(&interp->threads_mutex);
    if (tstate->prev) {
        tstate->prev->next = tstate->next;
    }
    else {
        interp->threads_head = tstate->next;
    }
    if (tstate->next) {
        tstate->next->prev = tstate->prev;
    }
    PyMutex_Unlock(&interp->threads_mutex);
    Py_CLEAR(tstate->current_exception);
    Py_CLEAR(tstate->exc_info_value);
    Py_CLEAR(tstate->dict);
    if (_Py_tss_tstate == tstate) {
        _Py_tss_tstate = NULL;
    }
    PyMem_RawFree(tstate);
}

PyThreadState *PyThreadState_GetUnchecked(void)
{
    return _Py_tss_tstate;
}

PyThreadState *PyThreadState_Get(void)
{
    PyThreadState *tstate = _Py_tss_tstate;
    if (tstate == NULL) {
        Py_FatalError("the function must be called with an attached thread state");
    }
    return tstate;
}

PyThreadState *PyThreadState_Swap(PyThreadState *new_tstate)
{
    PyThreadState *old = _Py_tss_tstate;
    _Py_tss_tstate = new_tstate;
    return old;
}

/* The per-thread dict for extension state (e.g. Py_ReprEnter's list).
   Borrowed reference; NULL without an exception if it cannot be made. */
PyObject *PyThreadState_GetDict(void)
{
    PyThreadState *tstate = _Py_tss_tstate;
    if (tstate == NULL) {
        return NULL;
    }
    if (tstate->dict == NULL) {
        tstate->dict = PyDict_New();
        if (tstate->dict == NULL) {
            PyErr_Clear();
        }
    }
    return tstate->dict;
}

PyInterpreterState *PyInterpreterState_Get(void)
{
    return PyThreadState_Get()->interp;
}

PyInterpreterState *PyThreadState_GetInterpreter(PyThreadState *tstate)
{
    return tstate->interp;
}

uint64_t PyThreadState_GetID(PyThreadState *tstate)
{
    return tstate->id;
}

int64_t PyInterpreterState_GetID(PyInterpreterState *interp)
{
    return interp->id;
}

PyObject *PyInterpreterState_GetDict(PyInterpreterState *interp)
{
    if (interp->dict == NULL) {
        interp->dict = PyDict_New();
        if (interp->dict == NULL) {
            PyErr_Clear();
        }
    }
    return interp->dict;
}

/* C recursion guard: each nested C-level recursion (repr of nested
   containers, deep comparisons) spends one unit. */
int Py_EnterRecursiveCall(const char *where)
{
    PyThreadState *tstate = _Py_tss_tstate;
    if (--tstate->c_recursion_remaining < 0) {
        if (tstate->recursion_headroom) {
            return 0;
        }
        tstate->c_recursion_remaining++;
        tstate->recursion_headroom++;
        PyErr_Format(PyExc_RecursionError,
                     "maximum recursion depth exceeded%s", where);
        tstate->recursion_headroom--;
        return -1;
    }
    return 0;
}

void Py_LeaveRecursiveCall(void)
{
    _Py_tss_tstate->c_recursion_remaining++;
}

#ifdef Py_GIL_DISABLED
static PyThreadState *find_by_fast_id(PyInterpreterState *interp, uintptr_t tid)
{
    for (PyThreadState *t = interp->threads_head; t != NULL; t = t->next) {
        if (t->fast_thread_id == tid) {
            return t;
        }
    }
    return NULL;
}

int _PyThreadState_IsLiveThreadId(uintptr_t tid)
{
    PyInterpreterState *interp = &main_interpreter;
    PyMutex_Lock(&interp->threads_mutex);
    int live = find_by_fast_id(interp, tid) != NULL;
    PyMutex_Unlock(&interp->threads_mutex);
    return live;
}

void _PyThreadState_SignalMerge(uintptr_t tid)
{
    PyInterpreterState *interp = &main_interpreter;
    PyMutex_Lock(&interp->threads_mutex);
    PyThreadState *t = find_by_fast_id(interp, tid);
    if (t != NULL) {
        __atomic_fetch_or(&t->eval_breaker, _PY_EVAL_EXPLICIT_MERGE_BIT,
                          __ATOMIC_RELAXED);
    }
    PyMutex_Unlock(&interp->threads_mutex);
}
#endif
