/* Module objects and module definitions (Objects/moduleobject.c). */
#ifndef Py_MODULEOBJECT_H
#define Py_MODULEOBJECT_H

PyAPI_DATA(PyTypeObject) PyModule_Type;

#define PyModule_Check(op) PyObject_TypeCheck((op), &PyModule_Type)
#define PyModule_CheckExact(op) Py_IS_TYPE((op), &PyModule_Type)

typedef struct PyModuleDef PyModuleDef;
typedef struct PyModuleDef_Slot PyModuleDef_Slot;

PyAPI_FUNC(PyObject *) PyModule_NewObject(PyObject *name);
PyAPI_FUNC(PyObject *) PyModule_New(const char *name);
/* Borrowed reference to the module's namespace. */
PyAPI_FUNC(PyObject *) PyModule_GetDict(PyObject *);
PyAPI_FUNC(PyObject *) PyModule_GetNameObject(PyObject *);
PyAPI_FUNC(const char *) PyModule_GetName(PyObject *);
PyAPI_FUNC(const char *) PyModule_GetFilename(PyObject *);
PyAPI_FUNC(PyObject *) PyModule_GetFilenameObject(PyObject *);
PyAPI_FUNC(PyModuleDef *) PyModule_GetDef(PyObject *);
PyAPI_FUNC(void *) PyModule_GetState(PyObject *);

/* Multi-phase initialisation (PEP 489). */
PyAPI_FUNC(PyObject *) PyModuleDef_Init(PyModuleDef *);
PyAPI_DATA(PyTypeObject) PyModuleDef_Type;

#ifndef _Py_OPAQUE_PYOBJECT
/* abi3t code sees PyModuleDef as opaque: it defines modules with slots. */
typedef struct PyModuleDef_Base {
    PyObject_HEAD
    PyObject *(*m_init)(void);
    Py_ssize_t m_index;
    PyObject *m_copy;
} PyModuleDef_Base;

#define PyModuleDef_HEAD_INIT {         \
    PyObject_HEAD_INIT(Py_NULL)         \
    Py_NULL, /* m_init */               \
    0,       /* m_index */              \
    Py_NULL, /* m_copy */               \
}

#endif /* !_Py_OPAQUE_PYOBJECT */

struct PyModuleDef_Slot {
    int slot;
    void *value;
};

/* ---- Module slot IDs (PEP 489, 793, 820; typeslots.h has the rest) ------ */
#define Py_mod_create _Py_SLOT_COMPAT_VALUE(1, 84)
#define Py_mod_exec _Py_SLOT_COMPAT_VALUE(2, 85)
#define Py_mod_multiple_interpreters _Py_SLOT_COMPAT_VALUE(3, 86)
#define Py_mod_gil _Py_SLOT_COMPAT_VALUE(4, 87)
/* sl_ptr: a PyModuleDef_Slot array, read as if inserted here. */
#define Py_mod_slots 94
#define Py_mod_name 100
#define Py_mod_doc 101
#define Py_mod_state_size 102
#define Py_mod_methods 103
#define Py_mod_state_traverse 104
#define Py_mod_state_clear 105
#define Py_mod_state_free 106
#define Py_mod_abi 109
#define Py_mod_token 110

/* Values of Py_mod_multiple_interpreters. */
#define Py_MOD_MULTIPLE_INTERPRETERS_NOT_SUPPORTED ((void *)0)
#define Py_MOD_MULTIPLE_INTERPRETERS_SUPPORTED ((void *)1)
#define Py_MOD_PER_INTERPRETER_GIL_SUPPORTED ((void *)2)
/* Values of Py_mod_gil (DESIGN.md section 7). */
#define Py_MOD_GIL_USED ((void *)0)
#define Py_MOD_GIL_NOT_USED ((void *)1)

#ifndef _Py_OPAQUE_PYOBJECT
struct PyModuleDef {
    PyModuleDef_Base m_base;
    const char *m_name;
    const char *m_doc;
    Py_ssize_t m_size;
    PyMethodDef *m_methods;
    PyModuleDef_Slot *m_slots;
    traverseproc m_traverse;
    inquiry m_clear;
    freefunc m_free;
};
#endif /* !_Py_OPAQUE_PYOBJECT */

/* Single-phase creation and the pieces of multi-phase creation. */
PyAPI_FUNC(PyObject *) PyModule_Create2(PyModuleDef *, int apiver);
PyAPI_FUNC(PyObject *) PyModule_FromDefAndSpec2(PyModuleDef *def,
                                                PyObject *spec,
                                                int module_api_version);
PyAPI_FUNC(int) PyModule_ExecDef(PyObject *module, PyModuleDef *def);

/* PYTHON_API_VERSION comes from modsupport.h. */
#define PyModule_Create(module) PyModule_Create2((module), PYTHON_API_VERSION)
#define PyModule_FromDefAndSpec(module, spec) \
    PyModule_FromDefAndSpec2((module), (spec), PYTHON_API_VERSION)

/* ---- Modules from slot arrays: abi3t (PEP 793, PEP 820) ------------------
   Objects/moduleslots.c.  An extension exports
       PyMODEXPORT_FUNC PyModExport_<name>(void)
   returning a static PySlot array; the loader gives it to
   PyModule_FromSlotsAndSpec, then calls PyModule_Exec. */
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x030f0000
PyAPI_FUNC(PyObject *) PyModule_FromSlotsAndSpec(const PySlot *slots,
                                                 PyObject *spec);
PyAPI_FUNC(int) PyModule_Exec(PyObject *module);
PyAPI_FUNC(int) PyModule_GetStateSize(PyObject *module, Py_ssize_t *result);
PyAPI_FUNC(int) PyModule_GetToken(PyObject *module, void **result);

#ifdef __cplusplus
#  define PyMODEXPORT_FUNC extern "C" __attribute__((visibility("default"))) PySlot *
#else
#  define PyMODEXPORT_FUNC __attribute__((visibility("default"))) PySlot *
#endif

/* What an extension was compiled for, checked at import (Py_mod_abi). */
typedef struct PyABIInfo {
    uint8_t abiinfo_major_version;  /* 1; 0 skips every check */
    uint8_t abiinfo_minor_version;  /* 0 */
    uint16_t flags;                 /* PyABIInfo_* */
    uint32_t build_version;         /* PY_VERSION_HEX of the headers, or 0 */
    uint32_t abi_version;           /* Py_LIMITED_API / PY_VERSION_HEX, or 0 */
} PyABIInfo;

#define PyABIInfo_STABLE 0x0001
#define PyABIInfo_GIL 0x0002
#define PyABIInfo_FREETHREADED 0x0004
#define PyABIInfo_INTERNAL 0x0008
#define PyABIInfo_FREETHREADING_AGNOSTIC (PyABIInfo_GIL | PyABIInfo_FREETHREADED)

/* 0, or -1 with ImportError set when info does not fit this interpreter. */
PyAPI_FUNC(int) PyABIInfo_Check(PyABIInfo *info, const char *module_name);

#ifdef Py_LIMITED_API
#  define _PyABIInfo_FLAG_STABLE PyABIInfo_STABLE
#  define PyABIInfo_DEFAULT_ABI_VERSION Py_LIMITED_API
#else
#  define _PyABIInfo_FLAG_STABLE 0
#  define PyABIInfo_DEFAULT_ABI_VERSION PY_VERSION_HEX
#endif
#if defined(Py_LIMITED_API) && defined(_Py_OPAQUE_PYOBJECT)
/* abi3t code runs in both builds. */
#  define _PyABIInfo_FLAG_FT PyABIInfo_FREETHREADING_AGNOSTIC
#elif defined(Py_GIL_DISABLED)
#  define _PyABIInfo_FLAG_FT PyABIInfo_FREETHREADED
#else
#  define _PyABIInfo_FLAG_FT PyABIInfo_GIL
#endif
#if defined(Py_BUILD_CORE) && !defined(Py_LIMITED_API)
#  define _PyABIInfo_FLAG_INTERNAL PyABIInfo_INTERNAL
#else
#  define _PyABIInfo_FLAG_INTERNAL 0
#endif
#define PyABIInfo_DEFAULT_FLAGS \
    (_PyABIInfo_FLAG_STABLE | _PyABIInfo_FLAG_FT | _PyABIInfo_FLAG_INTERNAL)
#define _PyABIInfo_DEFAULT {                                        \
        1, 0, PyABIInfo_DEFAULT_FLAGS, PY_VERSION_HEX,              \
        PyABIInfo_DEFAULT_ABI_VERSION }
/* Defines a static PyABIInfo describing the code being compiled. */
#define PyABIInfo_VAR(NAME) static PyABIInfo NAME = _PyABIInfo_DEFAULT;
#endif /* 3.15 */

#ifdef Py_GIL_DISABLED
/* Single-phase modules declare whether they need the GIL. */
PyAPI_FUNC(int) PyUnstable_Module_SetGIL(PyObject *module, void *gil);
#endif

#endif /* Py_MODULEOBJECT_H */
