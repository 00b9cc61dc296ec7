/* The object header shared by every Python object, and the object protocol.

   Two layouts, chosen by Py_GIL_DISABLED (DESIGN.md section 4):
   - default build: ob_refcnt, ob_type (16 bytes, the abi3 layout);
   - free-threaded build: ob_tid, ob_flags, ob_mutex, ob_gc_bits,
     ob_ref_local, ob_ref_shared, ob_type (32 bytes).
   Under the abi3t target PyObject is opaque: counts and the type are
   reached through exported functions. */
#ifndef Py_OBJECT_H
#define Py_OBJECT_H

/* Py_TARGET_ABI3T is selected in pyport.h. */

typedef struct _object PyObject;
typedef struct _typeobject PyTypeObject;
typedef struct _longobject PyLongObject;

#ifndef Py_TARGET_ABI3T

#include "cpython/lock.h"

#ifdef Py_GIL_DISABLED
/* Free-threaded header.  ob_ref_local is written only by the thread whose
   id is in ob_tid; ob_ref_shared is updated atomically by all others, its
   low _Py_REF_SHARED_SHIFT bits holding the merge state (refcount.h). */
struct _object {
    uintptr_t ob_tid;
    uint16_t ob_flags;
    PyMutex ob_mutex;
    uint8_t ob_gc_bits;
    uint32_t ob_ref_local;
    Py_ssize_t ob_ref_shared;
    PyTypeObject *ob_type;
};
#define _PyObject_HEAD_INIT(type)       \
    {                                   \
        0,                              \
        0,                              \
        { 0 },                          \
        0,                              \
        UINT32_MAX,                     \
        0,                              \
        (type),                         \
    }
#else
struct _object {
    Py_ssize_t ob_refcnt;
    PyTypeObject *ob_type;
};
#define _PyObject_HEAD_INIT(type) { _Py_IMMORTAL_INITIAL_REFCNT, (type) }
#endif

typedef struct {
    PyObject ob_base;
    Py_ssize_t ob_size;
} PyVarObject;

#define PyObject_HEAD PyObject ob_base;
#define PyObject_VAR_HEAD PyVarObject ob_base;
/* As in CPython, both initialisers end with a comma, so a static type is
   written `PyVarObject_HEAD_INIT(&PyType_Type, 0) "name", ...`. */
#define PyObject_HEAD_INIT(type) _PyObject_HEAD_INIT(type),
#define PyVarObject_HEAD_INIT(type, size) { PyObject_HEAD_INIT(type) (size) },

#define _PyVarObject_CAST(op) ((PyVarObject *)(op))

/* (_Py_TYPE, as in CPython: Py_TYPE is also an exported function.) */
static inline PyTypeObject *_Py_TYPE(PyObject *ob) { return ob->ob_type; }
#define Py_TYPE(ob) _Py_TYPE(_PyObject_CAST(ob))
static inline Py_ssize_t Py_SIZE(PyObject *ob) {
    return _PyVarObject_CAST(ob)->ob_size;
}
#define Py_SIZE(ob) Py_SIZE(_PyObject_CAST(ob))
static inline void Py_SET_TYPE(PyObject *ob, PyTypeObject *type) {
    ob->ob_type = type;
}
#define Py_SET_TYPE(ob, type) Py_SET_TYPE(_PyObject_CAST(ob), (type))
static inline void Py_SET_SIZE(PyVarObject *ob, Py_ssize_t size) {
    ob->ob_size = size;
}
#define Py_SET_SIZE(ob, size) Py_SET_SIZE(_PyVarObject_CAST(ob), (size))

#else /* Py_TARGET_ABI3T: the header is opaque */

struct _object;
typedef struct _varobject PyVarObject;
#define _PyVarObject_CAST(op) ((PyVarObject *)(op))
/* The exported function, under CPython's name for it. */
#define Py_TYPE(ob) Py_TYPE(_PyObject_CAST(ob))
#define Py_SIZE(ob) _Py_SIZE_Export(_PyObject_CAST(ob))
#define Py_SET_SIZE(ob, size) _Py_SET_SIZE_Export(_PyObject_CAST(ob), (size))

#endif /* Py_TARGET_ABI3T */

/* The exported, non-inline forms; abi3t code reaches the header only
   through these.  Defined in Objects/refcount.c, and Py_TYPE (CPython's
   stable-ABI symbol) in Objects/moduleslots.c. */
PyAPI_FUNC(PyTypeObject *) (Py_TYPE)(PyObject *ob);
PyAPI_FUNC(PyTypeObject *) _Py_TYPE_Export(PyObject *ob);
PyAPI_FUNC(Py_ssize_t) _Py_SIZE_Export(PyObject *ob);
/* Objects/moduleslots.c. */
PyAPI_FUNC(void) _Py_SET_SIZE_Export(PyObject *ob, Py_ssize_t size);

static inline int Py_Is(PyObject *x, PyObject *y) { return x == y; }
#define Py_Is(x, y) Py_Is(_PyObject_CAST(x), _PyObject_CAST(y))

static inline int Py_IS_TYPE(PyObject *ob, PyTypeObject *type) {
    return Py_TYPE(ob) == type;
}
#define Py_IS_TYPE(ob, type) Py_IS_TYPE(_PyObject_CAST(ob), (type))

/* Slot function types. */
typedef PyObject *(*unaryfunc)(PyObject *);
typedef PyObject *(*binaryfunc)(PyObject *, PyObject *);
typedef PyObject *(*ternaryfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*inquiry)(PyObject *);
typedef Py_ssize_t (*lenfunc)(PyObject *);
typedef PyObject *(*ssizeargfunc)(PyObject *, Py_ssize_t);
typedef PyObject *(*ssizessizeargfunc)(PyObject *, Py_ssize_t, Py_ssize_t);
typedef int (*ssizeobjargproc)(PyObject *, Py_ssize_t, PyObject *);
typedef int (*ssizessizeobjargproc)(PyObject *, Py_ssize_t, Py_ssize_t, PyObject *);
typedef int (*objobjargproc)(PyObject *, PyObject *, PyObject *);
typedef int (*objobjproc)(PyObject *, PyObject *);
typedef int (*visitproc)(PyObject *, void *);
typedef int (*traverseproc)(PyObject *, visitproc, void *);
typedef void (*freefunc)(void *);
typedef void (*destructor)(PyObject *);
typedef PyObject *(*getattrfunc)(PyObject *, char *);
typedef PyObject *(*getattrofunc)(PyObject *, PyObject *);
typedef int (*setattrfunc)(PyObject *, char *, PyObject *);
typedef int (*setattrofunc)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*reprfunc)(PyObject *);
typedef Py_hash_t (*hashfunc)(PyObject *);
typedef PyObject *(*richcmpfunc)(PyObject *, PyObject *, int);
typedef PyObject *(*getiterfunc)(PyObject *);
typedef PyObject *(*iternextfunc)(PyObject *);
typedef PyObject *(*descrgetfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*descrsetfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*initproc)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*newfunc)(PyTypeObject *, PyObject *, PyObject *);
typedef PyObject *(*allocfunc)(PyTypeObject *, Py_ssize_t);
typedef PyObject *(*vectorcallfunc)(PyObject *callable, PyObject *const *args,
                                    size_t nargsf, PyObject *kwnames);

/* PyType_FromSpec; the slot numbers are in typeslots.h. */
#include "typeslots.h"

typedef struct {
    int slot;
    void *pfunc;
} PyType_Slot;

typedef struct {
    const char *name;
    int basicsize;
    int itemsize;
    unsigned int flags;
    PyType_Slot *slots;
} PyType_Spec;

PyAPI_FUNC(PyObject *) PyType_FromSpec(PyType_Spec *);
PyAPI_FUNC(PyObject *) PyType_FromSpecWithBases(PyType_Spec *, PyObject *);
PyAPI_FUNC(PyObject *) PyType_FromModuleAndSpec(PyObject *, PyType_Spec *, PyObject *);
PyAPI_FUNC(PyObject *) PyType_FromMetaclass(PyTypeObject *, PyObject *,
                                            PyType_Spec *, PyObject *);
PyAPI_FUNC(void *) PyType_GetSlot(PyTypeObject *, int);
PyAPI_FUNC(PyObject *) PyType_GetModule(PyTypeObject *);
PyAPI_FUNC(void *) PyType_GetModuleState(PyTypeObject *);
PyAPI_FUNC(PyObject *) PyType_GetName(PyTypeObject *);
PyAPI_FUNC(PyObject *) PyType_GetQualName(PyTypeObject *);
PyAPI_FUNC(PyObject *) PyType_GetFullyQualifiedName(PyTypeObject *);
PyAPI_FUNC(PyObject *) PyType_GetModuleName(PyTypeObject *);
PyAPI_FUNC(void *) PyObject_GetTypeData(PyObject *obj, PyTypeObject *cls);
PyAPI_FUNC(Py_ssize_t) PyType_GetTypeDataSize(PyTypeObject *cls);
/* Types and modules found by token (Py_tp_token, Py_mod_token). */
struct PyModuleDef;
PyAPI_FUNC(int) PyType_GetBaseByToken(PyTypeObject *type, void *token,
                                      PyTypeObject **result);
PyAPI_FUNC(PyObject *) PyType_GetModuleByDef(PyTypeObject *type,
                                             struct PyModuleDef *def);
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x030f0000
PyAPI_FUNC(PyObject *) PyType_GetModuleByToken(PyTypeObject *type,
                                               const void *token);
/* A type from a PySlot array (PEP 820): PyType_Spec's fields are slots. */
PyAPI_FUNC(PyObject *) PyType_FromSlots(const PySlot *slots);
#endif

PyAPI_FUNC(int) PyType_IsSubtype(PyTypeObject *, PyTypeObject *);
static inline int PyObject_TypeCheck(PyObject *ob, PyTypeObject *type) {
    return Py_IS_TYPE(ob, type) || PyType_IsSubtype(Py_TYPE(ob), type);
}
#define PyObject_TypeCheck(ob, type) PyObject_TypeCheck(_PyObject_CAST(ob), (type))

PyAPI_DATA(PyTypeObject) PyType_Type;
PyAPI_DATA(PyTypeObject) PyBaseObject_Type;
PyAPI_DATA(PyTypeObject) PySuper_Type;

PyAPI_FUNC(unsigned long) PyType_GetFlags(PyTypeObject *);
PyAPI_FUNC(int) PyType_Ready(PyTypeObject *);
PyAPI_FUNC(PyObject *) PyType_GenericAlloc(PyTypeObject *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyType_GenericNew(PyTypeObject *, PyObject *, PyObject *);
PyAPI_FUNC(unsigned int) PyType_ClearCache(void);
PyAPI_FUNC(void) PyType_Modified(PyTypeObject *);

/* The object protocol (Objects/object.c). */
PyAPI_FUNC(PyObject *) PyObject_Repr(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_Str(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_ASCII(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_Bytes(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_RichCompare(PyObject *, PyObject *, int);
PyAPI_FUNC(int) PyObject_RichCompareBool(PyObject *, PyObject *, int);
PyAPI_FUNC(PyObject *) PyObject_GetAttrString(PyObject *, const char *);
PyAPI_FUNC(int) PyObject_SetAttrString(PyObject *, const char *, PyObject *);
PyAPI_FUNC(int) PyObject_DelAttrString(PyObject *v, const char *name);
PyAPI_FUNC(int) PyObject_HasAttrString(PyObject *, const char *);
PyAPI_FUNC(PyObject *) PyObject_GetAttr(PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_GetOptionalAttr(PyObject *, PyObject *, PyObject **);
PyAPI_FUNC(int) PyObject_GetOptionalAttrString(PyObject *, const char *, PyObject **);
PyAPI_FUNC(int) PyObject_SetAttr(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_DelAttr(PyObject *v, PyObject *name);
PyAPI_FUNC(int) PyObject_HasAttr(PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_HasAttrWithError(PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_HasAttrStringWithError(PyObject *, const char *);
PyAPI_FUNC(PyObject *) PyObject_SelfIter(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_GenericGetAttr(PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_GenericSetAttr(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_GenericSetDict(PyObject *, PyObject *, void *);
PyAPI_FUNC(PyObject *) PyObject_GenericGetDict(PyObject *, void *);
PyAPI_FUNC(Py_hash_t) PyObject_Hash(PyObject *);
PyAPI_FUNC(Py_hash_t) PyObject_HashNotImplemented(PyObject *);
PyAPI_FUNC(int) PyObject_IsTrue(PyObject *);
PyAPI_FUNC(int) PyObject_Not(PyObject *);
PyAPI_FUNC(int) PyCallable_Check(PyObject *);
PyAPI_FUNC(void) PyObject_ClearWeakRefs(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_Dir(PyObject *);
PyAPI_FUNC(int) Py_ReprEnter(PyObject *);
PyAPI_FUNC(void) Py_ReprLeave(PyObject *);

/* Rich comparison opcodes. */
#define Py_LT 0
#define Py_LE 1
#define Py_EQ 2
#define Py_NE 3
#define Py_GT 4
#define Py_GE 5

/* The singletons. */
PyAPI_DATA(PyObject) _Py_NoneStruct;
PyAPI_DATA(PyObject) _Py_NotImplementedStruct;
PyAPI_DATA(PyObject) _Py_EllipsisObject;
#define Py_None (&_Py_NoneStruct)
#define Py_NotImplemented (&_Py_NotImplementedStruct)
#define Py_Ellipsis (&_Py_EllipsisObject)
PyAPI_FUNC(int) Py_IsNone(PyObject *x);
#define Py_IsNone(x) Py_Is((x), Py_None)
/* Immortal singletons need no reference when returned. */
#define Py_RETURN_NONE return Py_None
#define Py_RETURN_NOTIMPLEMENTED return Py_NotImplemented

/* The constants by number (3.13; Objects/moduleslots.c): what CPython's
   Limited API headers compile Py_None and friends into. */
#define Py_CONSTANT_NONE 0
#define Py_CONSTANT_FALSE 1
#define Py_CONSTANT_TRUE 2
#define Py_CONSTANT_ELLIPSIS 3
#define Py_CONSTANT_NOT_IMPLEMENTED 4
#define Py_CONSTANT_ZERO 5
#define Py_CONSTANT_ONE 6
#define Py_CONSTANT_EMPTY_STR 7
#define Py_CONSTANT_EMPTY_BYTES 8
#define Py_CONSTANT_EMPTY_TUPLE 9
PyAPI_FUNC(PyObject *) Py_GetConstant(unsigned int constant_id);
PyAPI_FUNC(PyObject *) Py_GetConstantBorrowed(unsigned int constant_id);

/* Type flags (tp_flags), CPython's bit values. */
#define Py_TPFLAGS_MANAGED_DICT (1UL << 4)
#define Py_TPFLAGS_SEQUENCE (1UL << 5)
#define Py_TPFLAGS_MAPPING (1UL << 6)
#define Py_TPFLAGS_DISALLOW_INSTANTIATION (1UL << 7)
#define Py_TPFLAGS_IMMUTABLETYPE (1UL << 8)
#define Py_TPFLAGS_HEAPTYPE (1UL << 9)
#define Py_TPFLAGS_BASETYPE (1UL << 10)
#define Py_TPFLAGS_HAVE_VECTORCALL (1UL << 11)
#define _Py_TPFLAGS_HAVE_VECTORCALL Py_TPFLAGS_HAVE_VECTORCALL
#define Py_TPFLAGS_READY (1UL << 12)
#define Py_TPFLAGS_READYING (1UL << 13)
#define Py_TPFLAGS_HAVE_GC (1UL << 14)
#define Py_TPFLAGS_HAVE_STACKLESS_EXTENSION 0
#define Py_TPFLAGS_METHOD_DESCRIPTOR (1UL << 17)
#define Py_TPFLAGS_VALID_VERSION_TAG (1UL << 19)
#define Py_TPFLAGS_IS_ABSTRACT (1UL << 20)
#define _Py_TPFLAGS_MATCH_SELF (1UL << 22)
#define Py_TPFLAGS_ITEMS_AT_END (1UL << 23)
#define Py_TPFLAGS_LONG_SUBCLASS (1UL << 24)
#define Py_TPFLAGS_LIST_SUBCLASS (1UL << 25)
#define Py_TPFLAGS_TUPLE_SUBCLASS (1UL << 26)
#define Py_TPFLAGS_BYTES_SUBCLASS (1UL << 27)
#define Py_TPFLAGS_UNICODE_SUBCLASS (1UL << 28)
#define Py_TPFLAGS_DICT_SUBCLASS (1UL << 29)
#define Py_TPFLAGS_BASE_EXC_SUBCLASS (1UL << 30)
#define Py_TPFLAGS_TYPE_SUBCLASS (1UL << 31)
#define Py_TPFLAGS_DEFAULT 0
#define Py_TPFLAGS_HAVE_FINALIZE (1UL << 0)
#define Py_TPFLAGS_HAVE_VERSION_TAG (1UL << 18)

#include "refcount.h"
/* Py_buffer is part of the Limited API (3.11) too. */
#include "pybuffer.h"

#ifndef Py_LIMITED_API
#  include "cpython/object.h"
#endif

#if defined(Py_GIL_DISABLED) && defined(Py_BUILD_CORE) \
    && !defined(Py_LIMITED_API) && !defined(Py_TARGET_ABI3T)
/* Py_DECREF's zero path in the core (declared in refcount.h).  When no
   other thread ever took a reference (the shared field is exactly 0: the
   common case, and every death of a single-threaded program) the type's
   dealloc is called from here, as _Py_MergeZeroLocalRefcount would: one
   call less per object death (ftst, session 11: about 1% of the
   instructions of a float-heavy loop).  Only the owner writes
   ob_ref_local, and no thread may raise a shared field of 0
   (_Py_TryIncref), so the plain test is final. */
static inline Py_ALWAYS_INLINE void _Py_DecRefZeroLocal(PyObject *op)
{
    if (__atomic_load_n(&op->ob_ref_shared, __ATOMIC_ACQUIRE) == 0) {
        Py_TYPE(op)->tp_dealloc(op);
        return;
    }
    _Py_MergeZeroLocalRefcount(op);
}
#endif

/* Full-API code reads tp_flags directly; limited-API code asks. */
static inline int PyType_HasFeature(PyTypeObject *type, unsigned long feature) {
#ifdef Py_LIMITED_API
    return (PyType_GetFlags(type) & feature) != 0;
#else
    return (type->tp_flags & feature) != 0;
#endif
}
#define PyType_FastSubclass(type, flag) PyType_HasFeature((type), (flag))

static inline int PyType_Check(PyObject *op) {
    return PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_TYPE_SUBCLASS);
}
#define PyType_Check(op) PyType_Check(_PyObject_CAST(op))
static inline int PyType_CheckExact(PyObject *op) {
    return Py_IS_TYPE(op, &PyType_Type);
}
#define PyType_CheckExact(op) PyType_CheckExact(_PyObject_CAST(op))

#endif /* Py_OBJECT_H */
