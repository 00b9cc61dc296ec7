/* Object-level C API that reaches into an object's header, its trailing
   data or the running frame: PyObject_GetItemData, the managed-dict
   helpers, Py_SET_REFCNT (through _Py_SetRefcnt), PyUnstable_TryIncRef,
   PyUnstable_Object_IsUniqueReferencedTemporary and
   PyUnstable_Object_GC_NewWithExtraData.  (capi, session 6) */
#include "Python.h"
#include "pycore_ceval.h"
#include "pycore_frame.h"
#include "pycore_gc.h"
#include "pycore_object.h"
#include "pycore_typeobject.h"

#include <string.h>

void *PyObject_GetItemData(PyObject *obj)
{
    PyTypeObject *type = Py_TYPE(obj);
    if (!PyType_HasFeature(type, Py_TPFLAGS_ITEMS_AT_END)) {
        PyErr_Format(PyExc_TypeError,
                     "type '%s' does not have Py_TPFLAGS_ITEMS_AT_END",
                     type->tp_name);
        return NULL;
    }
    return (char *)obj + type->tp_basicsize;
}

/* A Py_TPFLAGS_MANAGED_DICT type keeps its instance dict in the slot that
   tp_dictoffset names (Objects/typespec.c adds one); both helpers are
   for the type's own tp_traverse and tp_clear, which the collector runs
   with the world stopped or on an unreachable object, so no other thread
   reads the slot meanwhile. */
static PyObject **managed_dict_slot(PyObject *obj)
{
    if (!PyType_HasFeature(Py_TYPE(obj), Py_TPFLAGS_MANAGED_DICT)) {
        return NULL;
    }
    return _PyObject_ComputedDictPointer(obj);
}

int PyObject_VisitManagedDict(PyObject *obj, visitproc visit, void *arg)
{
    PyObject **slot = managed_dict_slot(obj);
    if (slot != NULL && *slot != NULL) {
        return visit(*slot, arg);
    }
    return 0;
}

void PyObject_ClearManagedDict(PyObject *obj)
{
    PyObject **slot = managed_dict_slot(obj);
    if (slot != NULL) {
        Py_CLEAR(*slot);
    }
}

/* Py_SET_REFCNT.  Immortal objects keep their count.  Free-threaded
   build: the owning thread keeps the count local; any other thread
   gives the object up (no owner) with the whole count in the shared
   field, marked merged, as a merge would leave it.  The caller owns the
   object exclusively (the API's contract), so plain stores suffice. */
void _Py_SetRefcnt(PyObject *ob, Py_ssize_t refcnt)
{
    if (refcnt < 0 || _Py_IsImmortal(ob)) {
        return;
    }
#ifdef Py_GIL_DISABLED
    if (_Py_IsOwnedByCurrentThread(ob)) {
        if ((size_t)refcnt >= _Py_IMMORTAL_REFCNT_LOCAL) {
            _Py_SetImmortal(ob);
            return;
        }
        ob->ob_ref_local = (uint32_t)refcnt;
        ob->ob_ref_shared &= _Py_REF_SHARED_FLAG_MASK;
        return;
    }
    ob->ob_tid = 0;
    ob->ob_ref_local = 0;
    ob->ob_ref_shared = _Py_REF_SHARED(refcnt, _Py_REF_MERGED);
#else
    ob->ob_refcnt = refcnt;
#endif
}

int PyUnstable_TryIncRef(PyObject *op)
{
    return _Py_TryIncref(op);
}

void PyUnstable_EnableTryIncRef(PyObject *op)
{
    _PyObject_SetMaybeWeakref(op);
}

/* True when op is referenced only from the value stack of the running
   Python frame: an intermediate result the caller may reuse in place
   (a name or a container holding it would hold a second reference).
   The VM stores its stack top in the frame only at some points (not
   around calls), so the frame's whole value stack is searched: only
   pointers are compared, and with a single reference the slot found is
   the one that holds it, the argument being passed. */
int PyUnstable_Object_IsUniqueReferencedTemporary(PyObject *op)
{
    if (!_PyObject_IsUniquelyReferenced(op)) {
        return 0;
    }
    _PyInterpreterFrame *frame = _PyEval_GetFrame();
    if (frame == NULL) {
        return 0;
    }
    PyObject **base = _PyFrame_Stackbase(frame);
    PyObject **top = base + _PyFrame_GetCode(frame)->co_stacksize;
    for (PyObject **p = top; p > base; p--) {
        if (p[-1] == op) {
            return 1;
        }
    }
    return 0;
}

PyObject *PyUnstable_Object_GC_NewWithExtraData(PyTypeObject *type,
                                                size_t extra_size)
{
    size_t size = (size_t)_PyObject_SIZE(type);
    if (extra_size > (size_t)PY_SSIZE_T_MAX - size) {
        return PyErr_NoMemory();
    }
    PyObject *op = _PyObject_GC_Malloc(size + extra_size);
    if (op == NULL) {
        return NULL;
    }
    memset((char *)op + size, 0, extra_size);
    _PyObject_Init(op, type);
    return op;
}
