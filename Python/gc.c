/* Allocation and tracking of objects that take part in cycle collection.

   Tracking must not take a global lock on the allocation fast path
   (DESIGN.md section 8).  Default build: the GIL serialises the tracked
   list.  Free-threaded build: tracking only flips a bit in ob_gc_bits,
   written by the thread that owns the object before it is shared (track
   happens at construction) or inside the object's critical section. */
#include "Python.h"
#include "pycore_gc.h"
#include "pycore_object.h"

#ifndef Py_GIL_DISABLED
/* The list of tracked objects; a circular list with a sentinel. */
static PyGC_Head tracked_objects = { &tracked_objects, &tracked_objects };
#endif

PyObject *_PyObject_GC_Malloc(size_t basicsize)
{
    size_t presize = _PyGC_PreHeaderSize();
    if (basicsize > (size_t)PY_SSIZE_T_MAX - presize) {
        return PyErr_NoMemory();
    }
    char *mem = PyObject_Malloc(presize + basicsize);
    if (mem == NULL) {
        return PyErr_NoMemory();
    }
    memset(mem, 0, presize);
    return (PyObject *)(mem + presize);
}

PyObject *_PyObject_GC_New(PyTypeObject *type)
{
    PyObject *op = _PyObject_GC_Malloc(_PyObject_SIZE(type));
    if (op != NULL) {
        _PyObject_Init(op, type);
    }
    return op;
}

PyVarObject *_PyObject_GC_NewVar(PyTypeObject *type, Py_ssize_t nitems)
{
    if (nitems < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (type->tp_itemsize != 0 && (size_t)nitems >
            ((size_t)PY_SSIZE_T_MAX - type->tp_basicsize) / type->tp_itemsize) {
        return (PyVarObject *)PyErr_NoMemory();
    }
    PyVarObject *op = (PyVarObject *)_PyObject_GC_Malloc(_PyObject_VAR_SIZE(type, nitems));
    if (op != NULL) {
        _PyObject_InitVar(op, type, nitems);
    }
    return op;
}

/* Only untracked objects may be resized: the list links would move. */
PyVarObject *_PyObject_GC_Resize(PyVarObject *op, Py_ssize_t nitems)
{
    PyTypeObject *type = Py_TYPE(op);
    size_t presize = _PyGC_PreHeaderSize();
    if (nitems < 0 || (type->tp_itemsize != 0 && (size_t)nitems >
            ((size_t)PY_SSIZE_T_MAX - type->tp_basicsize - presize) / type->tp_itemsize)) {
        return (PyVarObject *)PyErr_NoMemory();
    }
    size_t size = presize + _PyObject_VAR_SIZE(type, nitems);
    char *mem = PyObject_Realloc((char *)op - presize, size);
    if (mem == NULL) {
        return (PyVarObject *)PyErr_NoMemory();
    }
    op = (PyVarObject *)(mem + presize);
    Py_SET_SIZE(op, nitems);
    return op;
}

void PyObject_GC_Track(void *op_raw)
{
    PyObject *op = (PyObject *)op_raw;
    if (_PyObject_GC_IS_TRACKED(op)) {
        Py_FatalError("object already tracked by the garbage collector");
    }
#ifdef Py_GIL_DISABLED
    op->ob_gc_bits |= _PyGC_BITS_TRACKED;
#else
    PyGC_Head *gc = _Py_AS_GC(op);
    PyGC_Head *last = tracked_objects.gc_prev;
    gc->gc_next = &tracked_objects;
    gc->gc_prev = (PyGC_Head *)(((uintptr_t)last)
                                | ((uintptr_t)gc->gc_prev & _PyGC_PREV_MASK_FINALIZED));
    last->gc_next = gc;
    tracked_objects.gc_prev = gc;
#endif
}

void PyObject_GC_UnTrack(void *op_raw)
{
    PyObject *op = (PyObject *)op_raw;
    if (!_PyObject_GC_IS_TRACKED(op)) {
        return;
    }
#ifdef Py_GIL_DISABLED
    op->ob_gc_bits &= (uint8_t)~_PyGC_BITS_TRACKED;
#else
    PyGC_Head *gc = _Py_AS_GC(op);
    PyGC_Head *prev = (PyGC_Head *)((uintptr_t)gc->gc_prev & ~_PyGC_PREV_MASK_FINALIZED);
    PyGC_Head *next = gc->gc_next;
    prev->gc_next = next;
    next->gc_prev = (PyGC_Head *)(((uintptr_t)prev)
                                  | ((uintptr_t)next->gc_prev & _PyGC_PREV_MASK_FINALIZED));
    gc->gc_next = NULL;
    gc->gc_prev = (PyGC_Head *)((uintptr_t)gc->gc_prev & _PyGC_PREV_MASK_FINALIZED);
#endif
}

void PyObject_GC_Del(void *op_raw)
{
    PyObject *op = (PyObject *)op_raw;
    if (_PyObject_GC_IS_TRACKED(op)) {
        PyObject_GC_UnTrack(op);
    }
    PyObject_Free((char *)op - _PyGC_PreHeaderSize());
}

int PyObject_GC_IsTracked(PyObject *op)
{
    return PyObject_IS_GC(op) && _PyObject_GC_IS_TRACKED(op);
}

int PyObject_GC_IsFinalized(PyObject *op)
{
    if (!PyObject_IS_GC(op)) {
        return 0;
    }
#ifdef Py_GIL_DISABLED
    return (op->ob_gc_bits & _PyGC_BITS_FINALIZED) != 0;
#else
    return ((uintptr_t)_Py_AS_GC(op)->gc_prev & _PyGC_PREV_MASK_FINALIZED) != 0;
#endif
}

int PyObject_IS_GC(PyObject *op)
{
    PyTypeObject *type = Py_TYPE(op);
    return (type->tp_flags & Py_TPFLAGS_HAVE_GC)
           && (type->tp_is_gc == NULL || type->tp_is_gc(op));
}

/* The collector itself is the runtime issue's work (DESIGN.md section 8);
   until it lands nothing is ever collected, which these report truthfully. */
static int gc_enabled = 1;

Py_ssize_t PyGC_Collect(void)
{
    return 0;
}

int PyGC_Enable(void)
{
    int old = gc_enabled;
    gc_enabled = 1;
    return old;
}

int PyGC_Disable(void)
{
    int old = gc_enabled;
    gc_enabled = 0;
    return old;
}

int PyGC_IsEnabled(void)
{
    return gc_enabled;
}
