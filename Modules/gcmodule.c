/* The gc module: the Python face of the cycle collector.

   The collector itself is Python/gc.c with its per-build halves
   (Python/gc_default.c, Python/gc_free_threading.c); this file only
   converts arguments and results.  Every operation it calls is safe to
   call from any attached thread: they take the collector's own locks or
   stop the world (Doc/internals/gc.md), and this module keeps no state of
   its own. */
#include "Python.h"
#include "pycore_gc.h"
#include "pycore_pystate.h"

static PyObject *gc_enable(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(args))
{
    PyGC_Enable();
    Py_RETURN_NONE;
}

static PyObject *gc_disable(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(args))
{
    PyGC_Disable();
    Py_RETURN_NONE;
}

static PyObject *gc_isenabled(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(args))
{
    return PyBool_FromLong(PyGC_IsEnabled());
}

static PyObject *gc_collect(PyObject *Py_UNUSED(module), PyObject *args,
                            PyObject *kwargs)
{
    static char *keywords[] = {"generation", NULL};
    int generation = _PyGC_NUM_GENERATIONS - 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|i:collect", keywords,
                                     &generation)) {
        return NULL;
    }
    if (generation < 0 || generation >= _PyGC_NUM_GENERATIONS) {
        PyErr_SetString(PyExc_ValueError, "invalid generation");
        return NULL;
    }
    Py_ssize_t found = _PyGC_Collect(_PyThreadState_GET(), generation,
                                     _Py_GC_REASON_MANUAL);
    return PyLong_FromSsize_t(found);
}

static PyObject *gc_get_debug(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(args))
{
    return PyLong_FromLong(_PyGC_GetDebug());
}

static PyObject *gc_set_debug(PyObject *Py_UNUSED(module), PyObject *arg)
{
    int flags = PyLong_AsInt(arg);
    if (flags == -1 && PyErr_Occurred()) {
        return NULL;
    }
    _PyGC_SetDebug(flags);
    Py_RETURN_NONE;
}

static PyObject *gc_get_count(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(args))
{
    Py_ssize_t counts[_PyGC_NUM_GENERATIONS];
    _PyGC_GetCount(counts);
    return Py_BuildValue("(nnn)", counts[0], counts[1], counts[2]);
}

static PyObject *gc_get_threshold(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(args))
{
    int thresholds[_PyGC_NUM_GENERATIONS];
    _PyGC_GetThreshold(thresholds);
    return Py_BuildValue("(iii)", thresholds[0], thresholds[1], thresholds[2]);
}

static PyObject *gc_set_threshold(PyObject *Py_UNUSED(module), PyObject *args)
{
    int thresholds[_PyGC_NUM_GENERATIONS];
    _PyGC_GetThreshold(thresholds);
    if (!PyArg_ParseTuple(args, "i|ii:set_threshold", &thresholds[0],
                          &thresholds[1], &thresholds[2])) {
        return NULL;
    }
    _PyGC_SetThreshold(thresholds, (int)PyTuple_GET_SIZE(args));
    Py_RETURN_NONE;
}

static PyObject *gc_get_objects(PyObject *Py_UNUSED(module), PyObject *args,
                                PyObject *kwargs)
{
    static char *keywords[] = {"generation", NULL};
    PyObject *generation_arg = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|O:get_objects", keywords,
                                     &generation_arg)) {
        return NULL;
    }
    Py_ssize_t generation = -1;
    if (generation_arg != Py_None) {
        generation = PyLong_AsSsize_t(generation_arg);
        if (generation == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (generation >= _PyGC_NUM_GENERATIONS) {
            return PyErr_Format(PyExc_ValueError,
                                "generation parameter must be less than the "
                                "number of available generations (%i)",
                                _PyGC_NUM_GENERATIONS);
        }
        if (generation < 0) {
            PyErr_SetString(PyExc_ValueError,
                            "generation parameter cannot be negative");
            return NULL;
        }
    }
    return _PyGC_GetObjects(_PyThreadState_GET(), generation);
}

static PyObject *gc_get_stats(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(args))
{
    Py_ssize_t stats[_PyGC_NUM_GENERATIONS][3];
    _PyGC_GetStats(stats);
    PyObject *result = PyList_New(_PyGC_NUM_GENERATIONS);
    for (int i = 0; result != NULL && i < _PyGC_NUM_GENERATIONS; i++) {
        PyObject *entry = Py_BuildValue("{snsnsn}",
                                        "collections", stats[i][0],
                                        "collected", stats[i][1],
                                        "uncollectable", stats[i][2]);
        if (entry == NULL) {
            Py_CLEAR(result);
            break;
        }
        PyList_SET_ITEM(result, i, entry);
    }
    return result;
}

static PyObject *gc_get_referrers(PyObject *Py_UNUSED(module), PyObject *args)
{
    return _PyGC_GetReferrers(_PyThreadState_GET(), args);
}

static PyObject *gc_get_referents(PyObject *Py_UNUSED(module), PyObject *args)
{
    return _PyGC_GetReferents(_PyThreadState_GET(), args);
}

static PyObject *gc_is_tracked(PyObject *Py_UNUSED(module), PyObject *obj)
{
    return PyBool_FromLong(PyObject_GC_IsTracked(obj));
}

static PyObject *gc_is_finalized(PyObject *Py_UNUSED(module), PyObject *obj)
{
    return PyBool_FromLong(PyObject_GC_IsFinalized(obj));
}

static PyObject *gc_freeze(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(args))
{
    _PyGC_Freeze(_PyThreadState_GET());
    Py_RETURN_NONE;
}

static PyObject *gc_unfreeze(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(args))
{
    _PyGC_Unfreeze(_PyThreadState_GET());
    Py_RETURN_NONE;
}

static PyObject *gc_get_freeze_count(PyObject *Py_UNUSED(module),
                                     PyObject *Py_UNUSED(args))
{
    return PyLong_FromSsize_t(_PyGC_GetFreezeCount());
}

static PyMethodDef gc_methods[] = {
    {"enable", gc_enable, METH_NOARGS,
     "enable($module, /)\n--\n\nEnable automatic garbage collection."},
    {"disable", gc_disable, METH_NOARGS,
     "disable($module, /)\n--\n\nDisable automatic garbage collection."},
    {"isenabled", gc_isenabled, METH_NOARGS,
     "isenabled($module, /)\n--\n\nReturns true if automatic garbage "
     "collection is enabled."},
    {"collect", _PyCFunction_CAST(gc_collect), METH_VARARGS | METH_KEYWORDS,
     "collect($module, /, generation=2)\n--\n\nRun the garbage collector.\n\n"
     "With no arguments, run a full collection.  The optional argument\n"
     "may be an integer specifying which generation to collect.  A "
     "ValueError\nis raised if the generation number is invalid.\n\n"
     "The number of unreachable objects is returned."},
    {"get_debug", gc_get_debug, METH_NOARGS,
     "get_debug($module, /)\n--\n\nGet the garbage collection debugging flags."},
    {"set_debug", gc_set_debug, METH_O,
     "set_debug($module, flags, /)\n--\n\nSet the garbage collection "
     "debugging flags.\n\nDebugging information is written to sys.stderr."},
    {"get_count", gc_get_count, METH_NOARGS,
     "get_count($module, /)\n--\n\nReturn a three-tuple of the current "
     "collection counts."},
    {"get_threshold", gc_get_threshold, METH_NOARGS,
     "get_threshold($module, /)\n--\n\nReturn the current collection "
     "thresholds."},
    {"set_threshold", gc_set_threshold, METH_VARARGS,
     "set_threshold(threshold0, [threshold1, [threshold2]])\n"
     "Set the collection thresholds (the collection frequency).\n\n"
     "Setting 'threshold0' to zero disables collection."},
    {"get_objects", _PyCFunction_CAST(gc_get_objects), METH_VARARGS | METH_KEYWORDS,
     "get_objects($module, /, generation=None)\n--\n\nReturn a list of "
     "objects tracked by the collector (excluding the list returned).\n\n"
     "  generation\n    Generation to extract the objects from.\n\n"
     "If generation is not None, return only the objects tracked by the "
     "collector\nthat are in that generation."},
    {"get_stats", gc_get_stats, METH_NOARGS,
     "get_stats($module, /)\n--\n\nReturn a list of dictionaries containing "
     "per-generation statistics."},
    {"get_referrers", gc_get_referrers, METH_VARARGS,
     "get_referrers(*objs)\n--\n\nReturn the list of objects that directly "
     "refer to any of 'objs'."},
    {"get_referents", gc_get_referents, METH_VARARGS,
     "get_referents(*objs)\n--\n\nReturn the list of objects that are "
     "directly referred to by 'objs'."},
    {"is_tracked", gc_is_tracked, METH_O,
     "is_tracked($module, obj, /)\n--\n\nReturns true if the object is "
     "tracked by the garbage collector.\n\nSimple atomic objects will "
     "return false."},
    {"is_finalized", gc_is_finalized, METH_O,
     "is_finalized($module, obj, /)\n--\n\nReturns true if the object has "
     "been already finalized by the GC."},
    {"freeze", gc_freeze, METH_NOARGS,
     "freeze($module, /)\n--\n\nFreeze all current tracked objects and "
     "ignore them for future collections.\n\nThis can be used before a "
     "POSIX fork() call to make the gc copy-on-write friendly.\nNote: "
     "collection before a POSIX fork() call may free pages for future "
     "allocation\nwhich can cause copy-on-write."},
    {"unfreeze", gc_unfreeze, METH_NOARGS,
     "unfreeze($module, /)\n--\n\nUnfreeze all objects in the permanent "
     "generation.\n\nPut all objects in the permanent generation back into "
     "oldest generation."},
    {"get_freeze_count", gc_get_freeze_count, METH_NOARGS,
     "get_freeze_count($module, /)\n--\n\nReturn the number of objects in "
     "the permanent generation."},
    {NULL, NULL, 0, NULL},
};

/* gc.garbage and gc.callbacks are the collector's own lists, so that
   replacing their contents (gc.garbage[:] = []) is seen by it. */
static int gc_exec(PyObject *module)
{
    PyObject *garbage = _PyGC_GetGarbage();
    PyObject *callbacks = garbage ? _PyGC_GetCallbacks() : NULL;
    if (callbacks == NULL
        || PyModule_AddObjectRef(module, "garbage", garbage) < 0
        || PyModule_AddObjectRef(module, "callbacks", callbacks) < 0
        || PyModule_AddIntConstant(module, "DEBUG_STATS", _PyGC_DEBUG_STATS) < 0
        || PyModule_AddIntConstant(module, "DEBUG_COLLECTABLE",
                                   _PyGC_DEBUG_COLLECTABLE) < 0
        || PyModule_AddIntConstant(module, "DEBUG_UNCOLLECTABLE",
                                   _PyGC_DEBUG_UNCOLLECTABLE) < 0
        || PyModule_AddIntConstant(module, "DEBUG_SAVEALL", _PyGC_DEBUG_SAVEALL) < 0
        || PyModule_AddIntConstant(module, "DEBUG_LEAK", _PyGC_DEBUG_LEAK) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot gc_slots[] = {
    {Py_mod_exec, gc_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef gc_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "gc",
    .m_doc = "This module provides access to the garbage collector for "
             "reference cycles.\n\n"
             "enable() -- Enable automatic garbage collection.\n"
             "disable() -- Disable automatic garbage collection.\n"
             "isenabled() -- Returns true if automatic collection is enabled.\n"
             "collect() -- Do a full collection right now.\n"
             "get_count() -- Return the current collection counts.\n"
             "get_stats() -- Return list of dictionaries containing "
             "per-generation stats.\n"
             "set_debug() -- Set debugging flags.\n"
             "get_debug() -- Get debugging flags.\n"
             "set_threshold() -- Set the collection thresholds.\n"
             "get_threshold() -- Return the current collection thresholds.\n"
             "get_objects() -- Return a list of all objects tracked by the "
             "collector.\n"
             "is_tracked() -- Returns true if a given object is tracked.\n"
             "is_finalized() -- Returns true if a given object has been "
             "already finalized.\n"
             "get_referrers() -- Return the list of objects that refer to "
             "an object.\n"
             "get_referents() -- Return the list of objects that an object "
             "refers to.\n"
             "freeze() -- Freeze all tracked objects and ignore them for "
             "future collections.\n"
             "unfreeze() -- Unfreeze all objects in the permanent generation.\n"
             "get_freeze_count() -- Return the number of objects in the "
             "permanent generation.\n",
    .m_size = 0,
    .m_methods = gc_methods,
    .m_slots = gc_slots,
};

PyMODINIT_FUNC PyInit_gc(void)
{
    return PyModuleDef_Init(&gc_module);
}
