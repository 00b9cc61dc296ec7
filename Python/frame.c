/* Interpreter frames on the per-thread data stack (pycore_frame.h).

   Thread safety: the data stack and the frames on it belong to the
   thread state's owner; nothing here is shared. */
#include "Python.h"
#include "pycore_frame.h"
#include "pycore_stackref.h"
#include "pycore_object.h"
#include "pycore_pystate.h"
#include "cpython/funcobject.h"
#include "pycore_ceval_helpers.h"

/* Slots in a fresh chunk (256 KiB), unless one frame needs more. */
#define DATA_STACK_CHUNK_SLOTS (32 * 1024)

static int push_chunk(PyThreadState *tstate, size_t slots_needed)
{
    size_t slots = slots_needed > DATA_STACK_CHUNK_SLOTS
                   ? slots_needed : DATA_STACK_CHUNK_SLOTS;
    size_t bytes = offsetof(_PyStackChunk, data) + slots * sizeof(PyObject *);
    _PyStackChunk *chunk = PyMem_RawMalloc(bytes);
    if (chunk == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    chunk->size = bytes;
    chunk->previous = tstate->datastack_chunk;
    chunk->top = 0;
    if (tstate->datastack_chunk != NULL) {
        tstate->datastack_chunk->top =
            (size_t)(tstate->datastack_top - tstate->datastack_chunk->data);
    }
    tstate->datastack_chunk = chunk;
    tstate->datastack_top = chunk->data;
    tstate->datastack_limit = chunk->data + slots;
    return 0;
}

/* Pop `base` (the start of the topmost frame); frees the chunk when the
   frame was its first. */
static void pop_slots(PyThreadState *tstate, PyObject **base)
{
    _PyStackChunk *chunk = tstate->datastack_chunk;
    if (base == chunk->data && chunk->previous != NULL) {
        _PyStackChunk *previous = chunk->previous;
        tstate->datastack_chunk = previous;
        tstate->datastack_top = previous->data + previous->top;
        tstate->datastack_limit = (PyObject **)((char *)previous + previous->size);
        PyMem_RawFree(chunk);
        return;
    }
    tstate->datastack_top = base;
}

void _PyThreadState_FreeDataStack(PyThreadState *tstate)
{
    _PyStackChunk *chunk = tstate->datastack_chunk;
    while (chunk != NULL) {
        _PyStackChunk *previous = chunk->previous;
        PyMem_RawFree(chunk);
        chunk = previous;
    }
    tstate->datastack_chunk = NULL;
    tstate->datastack_top = tstate->datastack_limit = NULL;
}

_PyInterpreterFrame *_PyFrame_PushUnchecked(PyThreadState *tstate,
                                            PyObject *func, PyObject *code,
                                            PyObject *globals,
                                            PyObject *builtins,
                                            PyObject *locals)
{
    PyCodeObject *co = (PyCodeObject *)code;
    size_t slots = (size_t)_PyFrame_NumSlotsForCode(co);
    if (tstate->datastack_top == NULL
            || (size_t)(tstate->datastack_limit - tstate->datastack_top) < slots) {
        if (push_chunk(tstate, slots) < 0) {
            Py_DECREF(func);
            return NULL;
        }
    }
    _PyInterpreterFrame *frame = (_PyInterpreterFrame *)tstate->datastack_top;
    tstate->datastack_top += slots;
    frame->f_executable = Py_NewRef(code);
    frame->previous = NULL;
    frame->f_funcobj = func;
    frame->f_globals = globals;
    frame->f_builtins = builtins;
    frame->f_locals = Py_XNewRef(locals);
    frame->frame_obj = NULL;
    frame->instr_ptr = _PyCode_CODE(co);
    frame->stacktop = co->co_nlocalsplus;
    frame->owner = FRAME_OWNED_BY_THREAD;
    frame->is_entry = 0;
    frame->yielded = 0;
    frame->is_init = 0;
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        frame->localsplus[i] = NULL;
    }
    return frame;
}

void _PyFrame_ClearExceptCode(_PyInterpreterFrame *frame)
{
    /* Locals first, then the stack: a borrowed stack slot needs no
       release, nor its local any more. */
    for (int i = 0; i < frame->stacktop; i++) {
        _PyStackRef_XClose(frame->localsplus[i]);
    }
    frame->stacktop = 0;
    Py_CLEAR(frame->f_locals);
    Py_CLEAR(frame->f_funcobj);
}

void _PyFrame_Copy(_PyInterpreterFrame *src, _PyInterpreterFrame *dest)
{
    size_t header = offsetof(_PyInterpreterFrame, localsplus);
    memcpy(dest, src, header);
    for (int i = 0; i < src->stacktop; i++) {
        dest->localsplus[i] = src->localsplus[i];
    }
}

void _PyFrame_ClearAndPop(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    PyFrameObject *f = frame->frame_obj;
    if (f != NULL) {
        frame->frame_obj = NULL;
        if (Py_REFCNT(f) > 1) {
            /* Someone (a traceback, sys._getframe's caller) keeps the
               frame object: it takes the frame's contents with it. */
            _PyFrame_TakeOwnership(f, frame);
            Py_DECREF(f);
            if (frame->owner == FRAME_OWNED_BY_THREAD) {
                pop_slots(tstate, (PyObject **)frame);
            }
            return;
        }
        f->f_frame = NULL;
        Py_DECREF(f);
    }
    _PyFrame_ClearExceptCode(frame);
    Py_CLEAR(frame->f_executable);
    if (frame->owner == FRAME_OWNED_BY_THREAD) {
        pop_slots(tstate, (PyObject **)frame);
    }
}

PyFrameObject *_PyFrame_GetFrameObject(_PyInterpreterFrame *frame)
{
    if (frame->frame_obj == NULL) {
        frame->frame_obj = _PyFrame_NewForInterpreterFrame(frame);
    }
    return frame->frame_obj;
}

int _PyInterpreterFrame_GetLine(_PyInterpreterFrame *frame)
{
    int addr = _PyInterpreterFrame_LASTI(frame) * (int)sizeof(_Py_CODEUNIT);
    return PyCode_Addr2Line(_PyFrame_GetCode(frame), addr);
}

/* A function frame's locals as a new dict: bound fast locals, and the
   contents of bound cells (free variables included), hidden
   (comprehension-inlined) slots left out. */
static PyObject *fast_locals_snapshot(_PyInterpreterFrame *frame)
{
    PyCodeObject *co = _PyFrame_GetCode(frame);
    PyObject *dict = PyDict_New();
    if (dict == NULL) {
        return NULL;
    }
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        _PyLocals_Kind kind = _PyLocals_GetKind(co->co_localspluskinds, i);
        if (kind & CO_FAST_HIDDEN) {
            continue;
        }
        /* A parameter may be borrowed from the caller. */
        PyObject *value = _PyStackRef_Get(frame->localsplus[i]);
        if (value != NULL && (kind & (CO_FAST_CELL | CO_FAST_FREE))
                && PyCell_Check(value)) {
            value = PyCell_GET(value);
        }
        if (value == NULL) {
            continue;
        }
        PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
        if (PyDict_SetItem(dict, name, value) < 0) {
            Py_DECREF(dict);
            return NULL;
        }
    }
    return dict;
}

/* A module or class body inside an inlined comprehension (PEP 709): a new
   dict holding the namespace plus the comprehension's bound variables,
   which live in hidden fast slots.  NULL without an exception when no
   hidden slot is bound, so the namespace itself is the answer. */
static PyObject *namespace_with_hidden(_PyInterpreterFrame *frame)
{
    PyCodeObject *co = _PyFrame_GetCode(frame);
    PyObject *dict = NULL;
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        _PyLocals_Kind kind = _PyLocals_GetKind(co->co_localspluskinds, i);
        PyObject *value = frame->localsplus[i];
        if (!(kind & CO_FAST_HIDDEN) || value == NULL) {
            continue;
        }
        if (dict == NULL) {
            dict = PyDict_New();
            if (dict == NULL || PyDict_Update(dict, frame->f_locals) < 0) {
                Py_XDECREF(dict);
                return NULL;
            }
        }
        PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
        if (PyDict_SetItem(dict, name, value) < 0) {
            Py_DECREF(dict);
            return NULL;
        }
    }
    return dict;
}

PyObject *_PyFrame_GetLocalsDict(_PyInterpreterFrame *frame)
{
    if (frame->f_locals != NULL
            && !(_PyFrame_GetCode(frame)->co_flags & CO_OPTIMIZED)) {
        PyObject *dict = namespace_with_hidden(frame);
        if (dict != NULL || PyErr_Occurred()) {
            return dict;
        }
        return Py_NewRef(frame->f_locals);
    }
    return fast_locals_snapshot(frame);
}

void _PyFrame_PopMoved(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    if (frame->owner == FRAME_OWNED_BY_THREAD) {
        pop_slots(tstate, (PyObject **)frame);
    }
}

/* QSBR-borrowed locals live only in frames on the thread's own stack
   (generator frames never get one), all of them reachable from
   current_frame; each slot is written only by this thread, so plain reads
   and writes are safe.  Every object found is still alive: the thread has
   not passed a quiescent point since it read it (the caller runs before
   one), so no delayed decrement that could free it has run. */
void _PyFrame_PromoteQsbrLocals(PyThreadState *tstate)
{
#ifdef Py_GIL_DISABLED
    _PyThreadStateImpl *impl = _PyThreadState_IMPL(tstate);
    if (!impl->qsbr_locals) {
        return;
    }
    impl->qsbr_locals = 0;
    for (_PyInterpreterFrame *f = tstate->current_frame; f != NULL;
         f = f->previous) {
        if (f->owner != FRAME_OWNED_BY_THREAD || f->f_executable == NULL
                || !PyCode_Check(f->f_executable)) {
            continue;
        }
        int n = _PyFrame_GetCode(f)->co_nlocalsplus;
        for (int i = 0; i < n; i++) {
            _PyStackRef_PromoteQsbr(&f->localsplus[i]);
        }
    }
#else
    (void)tstate;
#endif
}
