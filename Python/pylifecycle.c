/* Interpreter start-up and shut-down. */
#include "Python.h"
#include "pycore_gc.h"
#include "pycore_instruments.h"
#include "pycore_import.h"        /* imp: machinery types, init hook */
#include "pycore_io.h"            /* io: standard streams, open */
#include "pycore_lazyimport.h"    /* lead: PEP 810 lazy_import type */
#include "pycore_object.h"
#include "pycore_pystate.h"
#include "pycore_frame.h"         /* ftread: QSBR-borrowed locals at exit */
#include "pycore_pyhash.h"
#include "pycore_sysmodule.h"
#include "pycore_template.h"      /* typ: static types table */
#include "pycore_typevarobject.h"  /* typ: static types table */
#include "pycore_lock.h"          /* sig: _PySignal_Init, _PySignal_Fini */

static int initialized;

/* Every statically allocated type, readied at start-up in this order (a
   base before its subtypes).  Each type's owner adds its line. */
static PyTypeObject *const static_types[] = {
    &PyBaseObject_Type,
    &PyType_Type,
    &PySeqIter_Type,
    &PyCallIter_Type,
    &PyFloat_Type,
    &PyComplex_Type,
    &PyTuple_Type,
    &PyTupleIter_Type,
    &PyList_Type,
    &PyListIter_Type,
    &PyListRevIter_Type,
    &PySlice_Type,
    &PyRange_Type,
    &PyRangeIter_Type,
    &PyLongRangeIter_Type,
    &PyCell_Type,
    &PyLong_Type,
    &PyBool_Type,
    &PyBytes_Type,
    &PyBytesIter_Type,
    &PyByteArray_Type,
    &PyByteArrayIter_Type,
    &_PyManagedBuffer_Type,
    &PyMemoryView_Type,
    &_PyMemoryIter_Type,
    &PyDict_Type,
    &PyDictKeys_Type,
    &PyDictValues_Type,
    &PyDictItems_Type,
    &PyDictIterKey_Type,
    &PyDictIterValue_Type,
    &PyDictIterItem_Type,
    &PyDictRevIterKey_Type,
    &PyDictRevIterValue_Type,
    &PyDictRevIterItem_Type,
    &PySet_Type,
    &PyFrozenSet_Type,
    &PySetIter_Type,
    &_PyWeakref_RefType,
    &_PyWeakref_ProxyType,
    &_PyWeakref_CallableProxyType,
    &_PyExc_BaseException,
    &_PyExc_Exception,
    &_PyExc_BaseExceptionGroup,
    &_PyExc_ExceptionGroup,
    &_PyExc_GeneratorExit,
    &_PyExc_KeyboardInterrupt,
    &_PyExc_SystemExit,
    &_PyExc_ArithmeticError,
    &_PyExc_FloatingPointError,
    &_PyExc_OverflowError,
    &_PyExc_ZeroDivisionError,
    &_PyExc_AssertionError,
    &_PyExc_AttributeError,
    &_PyExc_BufferError,
    &_PyExc_EOFError,
    &_PyExc_ImportError,
    &_PyExc_ModuleNotFoundError,
    &_PyExc_LookupError,
    &_PyExc_IndexError,
    &_PyExc_KeyError,
    &_PyExc_MemoryError,
    &_PyExc_NameError,
    &_PyExc_UnboundLocalError,
    &_PyExc_OSError,
    &_PyExc_BlockingIOError,
    &_PyExc_ChildProcessError,
    &_PyExc_ConnectionError,
    &_PyExc_BrokenPipeError,
    &_PyExc_ConnectionAbortedError,
    &_PyExc_ConnectionRefusedError,
    &_PyExc_ConnectionResetError,
    &_PyExc_FileExistsError,
    &_PyExc_FileNotFoundError,
    &_PyExc_InterruptedError,
    &_PyExc_IsADirectoryError,
    &_PyExc_NotADirectoryError,
    &_PyExc_PermissionError,
    &_PyExc_ProcessLookupError,
    &_PyExc_TimeoutError,
    &_PyExc_ReferenceError,
    &_PyExc_RuntimeError,
    &_PyExc_NotImplementedError,
    &_PyExc_PythonFinalizationError,
    &_PyExc_RecursionError,
    &_PyExc_StopAsyncIteration,
    &_PyExc_StopIteration,
    &_PyExc_SyntaxError,
    &_PyExc_IndentationError,
    &_PyExc_TabError,
    &_PyExc_IncompleteInputError,
    &_PyExc_SystemError,
    &_PyExc_TypeError,
    &_PyExc_ValueError,
    &_PyExc_UnicodeError,
    &_PyExc_UnicodeDecodeError,
    &_PyExc_UnicodeEncodeError,
    &_PyExc_UnicodeTranslateError,
    &_PyExc_Warning,
    &_PyExc_BytesWarning,
    &_PyExc_DeprecationWarning,
    &_PyExc_EncodingWarning,
    &_PyExc_FutureWarning,
    &_PyExc_ImportWarning,
    &_PyExc_PendingDeprecationWarning,
    &_PyExc_ResourceWarning,
    &_PyExc_RuntimeWarning,
    &_PyExc_SyntaxWarning,
    &_PyExc_UnicodeWarning,
    &_PyExc_UserWarning,
    &PyUnicode_Type,
    &PyUnicodeIter_Type,
    &_PyNone_Type,
    &_PyNotImplemented_Type,
    &PyEllipsis_Type,
    &PyCFunction_Type,
    &PyCMethod_Type,
    &PyMethodDescr_Type,
    &PyClassMethodDescr_Type,
    &PyMemberDescr_Type,
    &PyGetSetDescr_Type,
    &PyWrapperDescr_Type,
    &_PyMethodWrapper_Type,
    &PyDictProxy_Type,
    &PyProperty_Type,
    &PyModuleDef_Type,
    &PyModule_Type,
    &PySuper_Type,
    &PyFunction_Type,
    &PyClassMethod_Type,
    &PyStaticMethod_Type,
    &PyMethod_Type,
    &PyGen_Type,
    &PyCoro_Type,
    &PyAsyncGen_Type,
    &_PyCoroWrapper_Type,
    &_PyAsyncGenASend_Type,
    &_PyAsyncGenAThrow_Type,
    &_PyAsyncGenWrappedValue_Type,
    &PyFrame_Type,
    &PyFrameLocalsProxy_Type,
    &PyTraceBack_Type,
    &PyEnum_Type,
    &PyReversed_Type,
    &PyFilter_Type,
    &PyMap_Type,
    &PyZip_Type,
    &_PyNamespace_Type,
    &_PyAnextAwaitable_Type,
    &_PySys_VersionInfoType,
    &_PySys_FlagsType,
    &Py_GenericAliasType,
    &_PyGenericAliasIter_Type,
    &_PyUnion_Type,
    &PyFrozenDict_Type,
    &PyCode_Type,
    &_PyTemplate_Type,          /* typ */
    &_PyTemplateIter_Type,      /* typ */
    &_PyTypeVar_Type,           /* typ */
    &_PyParamSpec_Type,         /* typ */
    &_PyParamSpecArgs_Type,     /* typ */
    &_PyParamSpecKwargs_Type,   /* typ */
    &_PyTypeVarTuple_Type,      /* typ */
    &_PyTypeAlias_Type,         /* typ */
    &_PyGeneric_Type,           /* typ */
    &_PyNoDefault_Type,         /* typ */
    &_PyConstEvaluator_Type,    /* typ */
    &_PyGenericClassAlias_Type, /* typ */
    &_PyModuleSpec_Type,        /* imp */
    &_PyBuiltinImporter_Type,   /* imp */
    &_PyPathFinder_Type,        /* imp */
    &_PyFileFinder_Type,        /* imp */
    &_PyFileFinderHook_Type,    /* imp */
    &_PyFileLoader_Type,        /* imp */
    &_PySourceFileLoader_Type,  /* imp */
    &_PySourcelessFileLoader_Type, /* imp */
    &_PyExtensionFileLoader_Type, /* imp */
    &_PyNamespaceLoader_Type,   /* imp */
    &_PyNamespacePath_Type,     /* imp */
    &PyLazyImport_Type,         /* lead: PEP 810 */
    &PyCapsule_Type,            /* capi */
    &PySentinel_Type,           /* lead: PEP 661 */
    &_PyBufferWrapper_Type,     /* stdlib: PEP 688 */
    /* END static types */
    NULL,
};

void _PyTypes_InitStatic(void)
{
    for (size_t i = 0; static_types[i] != NULL; i++) {
        if (PyType_Ready(static_types[i]) < 0) {
            PyErr_Print();
            Py_FatalError("failed to initialize a built-in type");
        }
    }
}

/* Start-up steps that run once the static types are ready, in order;
   each returns 0, or -1 with an exception set.  Each subsystem's owner
   adds its line (e.g. the builtins and sys modules). */
typedef int (*init_hook)(PyInterpreterState *interp);
static const init_hook init_hooks[] = {
    _PyBuiltin_InitHook,
    _PySys_InitHook,
    _PyImport_InitHook,         /* imp: meta_path, path_hooks */
    _PySys_InitStdioHook,       /* sys: standard streams (codecs importable) */
    _PyIO_InitHook,             /* io: builtins.open */
    _PyTyping_InitHook,         /* lib6b: typing.Generic's tp_new */
    /* END init hooks */
    NULL,
};

static void run_init_hooks(PyInterpreterState *interp)
{
    for (size_t i = 0; init_hooks[i] != NULL; i++) {
        if (init_hooks[i](interp) < 0) {
            PyErr_Print();
            Py_FatalError("failed to initialize the interpreter");
        }
    }
}

void Py_InitializeEx(int install_sigs)
{
    if (initialized) {
        return;
    }
    if (_Py_HashSecret_Init() < 0) {
        Py_FatalError("PYTHONHASHSEED must be \"random\" or an integer "
                      "in range [0; 4294967295]");
    }
    PyInterpreterState *interp = _PyInterpreterState_Main();
    _PyInterpreterState_Init(interp);
    PyThreadState *tstate = _PyThreadState_New(interp);
    if (tstate == NULL) {
        Py_FatalError("cannot allocate the main thread state");
    }
    _PyThreadState_Bind(tstate);
    _PyThreadState_Attach(tstate);
    _PyTypes_InitStatic();
    run_init_hooks(interp);
    if (_PySignal_Init(install_sigs) < 0) {     /* sig: SIGINT handler */
        PyErr_Print();
        Py_FatalError("failed to initialize signal handling");
    }
    initialized = 1;
}

void Py_Initialize(void)
{
    Py_InitializeEx(1);
}

int Py_IsInitialized(void)
{
    return initialized;
}

int Py_IsFinalizing(void)
{
    return _PyInterpreterState_Main()->finalizing;
}

/* Returns -1 if an error occurred while flushing or finalizing. */
/* lead: non-daemon threads run to completion before anything is torn
   down: threading._shutdown joins them (if threading was imported). */
static void wait_for_thread_shutdown(PyThreadState *tstate)
{
    if (tstate == NULL) {
        return;
    }
    PyObject *name = PyUnicode_FromString("threading");
    PyObject *threading = name ? PyImport_GetModule(name) : NULL;
    Py_XDECREF(name);
    if (threading == NULL) {
        PyErr_Clear();
        return;
    }
    PyObject *result = PyObject_CallMethod(threading, "_shutdown", NULL);
    if (result == NULL) {
        PyErr_FormatUnraisable("Exception ignored on threading shutdown");
    }
    Py_XDECREF(result);
    Py_DECREF(threading);
}

extern void _PyAtExit_Call(void);   /* dbg: Modules/atexitmodule.c */

int Py_FinalizeEx(void)
{
    if (!initialized) {
        return 0;
    }
    PyInterpreterState *interp = _PyInterpreterState_Main();
    PyThreadState *tstate = _PyThreadState_GET();
    wait_for_thread_shutdown(tstate);
    if (tstate != NULL) {
        _PyAtExit_Call();   /* dbg: atexit callbacks, before streams flush */
        /* References the joined threads delayed (pycore_qsbr.h): no
           Python code runs in this thread now, so it is quiescent. */
        _PyFrame_PromoteQsbrLocals(tstate);
        _Py_qsbr_quiescent_state(tstate);
        _PyObject_ProcessDelayedDecrefs(tstate);
    }
    __atomic_store_n(&interp->finalizing_tstate, tstate, __ATOMIC_SEQ_CST);
    interp->finalizing = 1;
    int status = _PyIO_FlushStdFiles();  /* io: flush stdout, stderr */
    if (tstate != NULL && tstate->current_exception != NULL) {
        status = -1;
    }
    /* As in CPython, Python signal handlers stop before modules are torn
       down: they would run on half-cleared modules. */
    _PySignal_Fini();       /* sig: restore dispositions, drop handlers */
    if (tstate != NULL) {
        /* Objects left in modules are finalized now, with a working
           interpreter; what their finalizers print is flushed too. */
        _PyImport_FinalizeModules(tstate);
        if (_PyIO_FlushStdFiles() < 0) {
            status = -1;
        }
    }
    _PyMonitoring_Fini();   /* lead: sys.monitoring's records */
    if (tstate != NULL) {
        /* Finalizers of cyclic garbage still run with a live interpreter. */
        _PyGC_Collect(tstate, 2, _Py_GC_REASON_SHUTDOWN);
        _PyGC_Fini();
    }
    Py_CLEAR(interp->dict);
    if (tstate != NULL) {
        PyThreadState_Clear(tstate);
        _PyThreadState_DeleteCurrent(tstate);
    }
    _PyInterpreterState_Fini(interp);
    initialized = 0;
    return status;
}

void Py_Finalize(void)
{
    Py_FinalizeEx();
}

static void (*exit_funcs[32])(void);
static int exit_func_count;

int Py_AtExit(void (*func)(void))
{
    if (exit_func_count >= (int)Py_ARRAY_LENGTH(exit_funcs)) {
        return -1;
    }
    exit_funcs[exit_func_count++] = func;
    return 0;
}

void Py_Exit(int status)
{
    if (Py_FinalizeEx() < 0 && status == 0) {
        status = 120;
    }
    while (exit_func_count > 0) {
        exit_funcs[--exit_func_count]();
    }
    exit(status);
}

const char *Py_GetVersion(void)
{
    static char version[128];
    if (version[0] == '\0') {
        PyOS_snprintf(version, sizeof(version), "%s (weft %s%s) %s",
                      PY_VERSION, WEFT_VERSION,
#ifdef Py_GIL_DISABLED
                      " free-threading build",
#else
                      "",
#endif
                      Py_GetCompiler());
    }
    return version;
}

/* capi: the text of sys.copyright (Python/sysmodule.c). */
const char *Py_GetCopyright(void)
{
    return "Copyright (c) the Weft authors.\nAll Rights Reserved.";
}

const char *Py_GetPlatform(void)
{
    return "linux";
}

const char *Py_GetCompiler(void)
{
#if defined(__clang__)
    return "[Clang " __clang_version__ "]";
#elif defined(__GNUC__)
    return "[GCC " __VERSION__ "]";
#else
    return "[unknown compiler]";
#endif
}

const char *Py_GetBuildInfo(void)
{
    return "weft " WEFT_VERSION ", " __DATE__;
}

/* site/warnings: start-up steps that need sys configured (sys.flags,
   sys.path, sys.warnoptions): the -W filters, then `import site` unless
   -S.  A broken site module is reported and start-up goes on.  site
   runs without the script's directory in sys.path (CPython adds it after
   site), so sys.path[0] is set aside meanwhile. */
void _Py_InitMainModules(const PyConfig *config)
{
    if (_PyWarnings_InitFromConfig() < 0) {
        PyErr_Print();
    }
    /* faulthandler (its owner): -X faulthandler / PYTHONFAULTHANDLER. */
    if (config->faulthandler) {
        PyObject *fh = PyImport_ImportModule("faulthandler");
        PyObject *res = fh ? PyObject_CallMethod(fh, "enable", NULL) : NULL;
        if (res == NULL) {
            PyErr_Print();
        }
        Py_XDECREF(res);
        Py_XDECREF(fh);
    }
    /* -X tracemalloc=N / PYTHONTRACEMALLOC=N: trace from here on. */
    if (config->tracemalloc > 0) {
        PyObject *tm = PyImport_ImportModule("_tracemalloc");
        PyObject *res = tm ? PyObject_CallMethod(tm, "start", "i",
                                                 config->tracemalloc) : NULL;
        if (res == NULL) {
            PyErr_Print();
        }
        Py_XDECREF(res);
        Py_XDECREF(tm);
    }
    if (!config->site_import) {
        return;
    }
    PyObject *path = PySys_GetObject("path");     /* borrowed */
    PyObject *path0 = NULL;
    if (!config->safe_path && path != NULL && PyList_Check(path)
            && PyList_GET_SIZE(path) > 0) {
        path0 = Py_NewRef(PyList_GET_ITEM(path, 0));
        if (PyList_SetSlice(path, 0, 1, NULL) < 0) {
            PyErr_Clear();
            Py_CLEAR(path0);
        }
    }
    PyObject *site = PyImport_ImportModule("site");
    if (site == NULL) {
        fprintf(stderr, "Error in site module; continuing without it:\n");
        PyErr_Print();
    }
    Py_XDECREF(site);
    if (path0 != NULL) {
        /* site may have replaced sys.path: put path0 in the current one. */
        path = PySys_GetObject("path");
        if (path == NULL || !PyList_Check(path)
                || PyList_Insert(path, 0, path0) < 0) {
            PyErr_Clear();
        }
        Py_DECREF(path0);
    }
}

/* ---- start-up configuration ---------------------------------------------- */

const char *_Py_xoption_gil;

/* PYTHON_GIL / -X gil (DESIGN.md section 7); -X wins over the environment. */
void _PyConfig_ReadGIL(PyInterpreterState *interp)
{
    const char *value = _Py_xoption_gil;
    if (value == NULL) {
        value = getenv("PYTHON_GIL");
        if (value != NULL && value[0] == '\0') {
            value = NULL;
        }
    }
    if (value == NULL) {
        interp->config_enable_gil = _PyConfig_GIL_DEFAULT;
        return;
    }
    if (strcmp(value, "1") == 0) {
        interp->config_enable_gil = _PyConfig_GIL_ENABLE;
        return;
    }
    if (strcmp(value, "0") == 0) {
#ifdef Py_GIL_DISABLED
        interp->config_enable_gil = _PyConfig_GIL_DISABLE;
        return;
#else
        _Py_FatalErrorFunc("config_read_gil",
                           "Disabling the GIL is not supported by this build");
#endif
    }
    _Py_FatalErrorFunc("config_read_gil",
                       "PYTHON_GIL / -X gil must be \"0\" or \"1\"");
}
