/* Core-only internals of the type system: attribute lookup helpers, the
   special-method lookup used by the protocols, and the hooks the rest of
   the core needs from Objects/typeobject.c, Objects/object.c and
   Objects/descrobject.c.  The locking rules are written out at the top of
   Objects/typeobject.c. */
#ifndef Py_INTERNAL_TYPEOBJECT_H
#define Py_INTERNAL_TYPEOBJECT_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

/* ---- interned identifiers ------------------------------------------------ */

/* _Py_INTERNED_ID(__repr__): the interned str "__repr__" as a borrowed,
   never-freed reference.  Each use site caches it in a static created on
   first use; racing creators get the same interned object, and the
   pointer is published with an atomic store.  Creation failure (out of
   memory for a short identifier) is fatal. */
PyObject *_PyType_InitIdentifier(PyObject **cache, const char *text);

static inline PyObject *_PyType_CachedIdentifier(PyObject **cache,
                                                 const char *text)
{
    PyObject *v = __atomic_load_n(cache, __ATOMIC_ACQUIRE);
    return v != NULL ? v : _PyType_InitIdentifier(cache, text);
}

#define _Py_INTERNED_ID(NAME)                                       \
    ({ static PyObject *_py_interned_cache;                         \
       _PyType_CachedIdentifier(&_py_interned_cache, #NAME); })

/* ---- the type lock (rules at the top of Objects/typeobject.c) ---------- */

#ifdef Py_GIL_DISABLED
extern PyMutex _PyType_Lock;
#endif
/* A critical section on the global type lock; nothing in the default
   build, where the GIL serialises type mutation. */
#define BEGIN_TYPE_LOCK() Py_BEGIN_CRITICAL_SECTION_MUTEX(&_PyType_Lock)
#define END_TYPE_LOCK() Py_END_CRITICAL_SECTION()

/* capi (session 6): Objects/typewatch.c; typeobject.c calls it with the
   type lock held before clearing a watched type's valid version tag. */
void _PyType_NotifyWatchers(PyTypeObject *type);

/* The __slots__ member definitions stored after a heap type's struct. */
#define PyHeapType_GET_MEMBERS(etype) \
    ((PyMemberDef *)(((char *)(etype)) + Py_TYPE(etype)->tp_basicsize))

/* ---- attribute lookup (Objects/object.c) ------------------------------- */

/* The generic attribute protocol with an explicit instance dict (NULL: the
   object's own).  With `suppress`, a missing attribute returns NULL with
   no exception set. */
PyObject *_PyObject_GenericGetAttrWithDict(PyObject *obj, PyObject *name,
                                           PyObject *dict, int suppress);
int _PyObject_GenericSetAttrWithDict(PyObject *obj, PyObject *name,
                                     PyObject *value, PyObject *dict);

/* Address of the instance-dict slot of obj (tp_dictoffset, negative
   offsets counted from the end of a variable-size object), or NULL when
   its type has none.  The slot holds NULL until the dict is first
   needed; it is read and written inside the instance's critical
   section (see object.c). */
PyObject **_PyObject_ComputedDictPointer(PyObject *obj);

/* The instance dict, created on first use: a new reference; NULL with an
   exception on failure, NULL without one when the type has no instance
   dict. */
PyObject *_PyObject_GetOrCreateInstanceDict(PyObject *obj);

/* Make the raised AttributeError carry `name` and `obj` (3.10+
   AttributeError.name / .obj).  Returns 0. */
int _PyObject_SetAttributeErrorContext(PyObject *obj, PyObject *name);

/* ---- special methods (Objects/typeobject.c) ----------------------------- */

/* _PyObject_LookupSpecial (cpython/object.h) finds type(self).<attr>
   bound to self, bypassing the instance dict (the lookup the language
   uses for dunder methods).  This variant returns the attribute found on
   the type unbound (a new reference) and sets *unbound to 1 when it is a
   method descriptor to be called with self prepended, so no bound-method
   object is created.  NULL without an exception when the type lacks it. */
PyObject *_PyObject_LookupSpecialMethod(PyObject *self, PyObject *attr,
                                        int *unbound);

/* Look `name` up along type's MRO starting after `start` (super()-style);
   a new reference or NULL with no exception. */
PyObject *_PyType_LookupAfter(PyTypeObject *type, PyTypeObject *start,
                              PyObject *name);

/* Can instances of oldto be re-typed as newto (__class__ and __bases__
   assignment)?  0 with TypeError "<attr> assignment: ..." if not. */
int _PyType_CompatibleForAssignment(PyTypeObject *oldto, PyTypeObject *newto,
                                    const char *attr);

/* dict.update(aclass.__dict__) for aclass and, recursively, its
   __bases__ (object.__dir__ and type.__dir__; Objects/object.c). */
int _PyType_MergeClassDict(PyObject *dict, PyObject *aclass);

/* The direct subclasses as a new list; the caller holds the type lock. */
PyObject *_PyType_GetSubclassesLocked(PyTypeObject *type);

/* The base a class with these bases extends (its instance layout); NULL
   with TypeError when the bases' layouts conflict. */
PyTypeObject *_PyType_BestBase(PyObject *bases);

/* tp_dealloc of instances of classes made at run time. */
void _PyType_SubtypeDealloc(PyObject *self);

/* ---- special-method slots (Objects/typeslots.c) ------------------------- */

/* For PyType_Ready: a wrapper descriptor (int.__add__, ...) for each slot
   the type defines itself. */
int _PyType_AddSlotWrappers(PyTypeObject *type);
/* Fill every slot of a class made at run time from its dunder methods. */
void _PyType_FixupSlotDispatchers(PyTypeObject *type);
/* A dunder attribute of type changed: refill the slots it feeds, in type
   and in the subclasses that inherit it.  Caller holds the type lock. */
int _PyType_UpdateSlot(PyTypeObject *type, PyObject *name);
/* After __bases__ changed: every slot of type and its subclasses. */
void _PyType_UpdateAllSlots(PyTypeObject *type);
/* Where slot table offset `offset` (into PyHeapTypeObject) lives in type;
   NULL when type lacks that sub-table. */
void **_PyType_SlotPtr(PyTypeObject *type, int offset);
/* T.__new__(S, ...): the C function behind every type's __new__. */
PyObject *_PyType_NewWrapper(PyObject *self, PyObject *args, PyObject *kwds);

/* Version tags (for the VM's attribute caches): the type's current tag,
   assigning one if it has none; 0 when the type cannot be cached. */
unsigned int _PyType_GetVersionTag(PyTypeObject *type);
/* ftsingle (session 8): does the type dispatch this binary number slot
   (offset in PyNumberMethods) / its comparisons to Python-level dunders
   through Objects/typeslots.c?  For Python/specialize.c. */
int _PyType_BinarySlotCallsDunder(PyTypeObject *type, size_t offset);
int _PyType_RichCompareCallsDunder(PyTypeObject *type);

/* New references to the tuples/lists behind the type's dunder attributes. */
PyObject *_PyType_GetMRO(PyTypeObject *type);
PyObject *_PyType_GetBases(PyTypeObject *type);
PyObject *_PyType_GetSubclasses(PyTypeObject *type);

/* The tp_getattro of type and module objects, and their forms that can
   report a missing attribute without raising (suppress != 0). */
PyObject *_Py_type_getattro(PyObject *type, PyObject *name);
PyObject *_Py_type_getattro_impl(PyTypeObject *type, PyObject *name,
                                 int suppress);
PyObject *_Py_module_getattro(PyObject *m, PyObject *name);
PyObject *_Py_module_getattro_impl(PyObject *m, PyObject *name, int suppress);

/* ---- slot wrappers (Objects/descrobject.c) ------------------------------- */

/* The `wrapper` half of each slot-table row: unpack the argument tuple of
   a call like int.__add__(1, 2) and call the C slot function `wrapped`. */
#define _Py_DECLARE_WRAPPER(NAME) \
    PyObject *NAME(PyObject *self, PyObject *args, void *wrapped)
_Py_DECLARE_WRAPPER(_Py_wrap_unaryfunc);
_Py_DECLARE_WRAPPER(_Py_wrap_binaryfunc);
_Py_DECLARE_WRAPPER(_Py_wrap_binaryfunc_l);
_Py_DECLARE_WRAPPER(_Py_wrap_binaryfunc_r);
_Py_DECLARE_WRAPPER(_Py_wrap_ternaryfunc);
_Py_DECLARE_WRAPPER(_Py_wrap_ternaryfunc_r);
_Py_DECLARE_WRAPPER(_Py_wrap_inquirypred);
_Py_DECLARE_WRAPPER(_Py_wrap_lenfunc);
_Py_DECLARE_WRAPPER(_Py_wrap_indexargfunc);
_Py_DECLARE_WRAPPER(_Py_wrap_sq_item);
_Py_DECLARE_WRAPPER(_Py_wrap_sq_setitem);
_Py_DECLARE_WRAPPER(_Py_wrap_sq_delitem);
_Py_DECLARE_WRAPPER(_Py_wrap_objobjproc);
_Py_DECLARE_WRAPPER(_Py_wrap_objobjargproc);
_Py_DECLARE_WRAPPER(_Py_wrap_delitem);
_Py_DECLARE_WRAPPER(_Py_wrap_setattr);
_Py_DECLARE_WRAPPER(_Py_wrap_delattr);
_Py_DECLARE_WRAPPER(_Py_wrap_hashfunc);
_Py_DECLARE_WRAPPER(_Py_wrap_del);
_Py_DECLARE_WRAPPER(_Py_wrap_richcmp_lt);
_Py_DECLARE_WRAPPER(_Py_wrap_richcmp_le);
_Py_DECLARE_WRAPPER(_Py_wrap_richcmp_eq);
_Py_DECLARE_WRAPPER(_Py_wrap_richcmp_ne);
_Py_DECLARE_WRAPPER(_Py_wrap_richcmp_gt);
_Py_DECLARE_WRAPPER(_Py_wrap_richcmp_ge);
_Py_DECLARE_WRAPPER(_Py_wrap_next);
_Py_DECLARE_WRAPPER(_Py_wrap_descr_get);
_Py_DECLARE_WRAPPER(_Py_wrap_descr_set);
_Py_DECLARE_WRAPPER(_Py_wrap_descr_delete);
/* PEP 688 (Objects/memoryobject.c): __buffer__/__release_buffer__ of
   built-in exporters, and the buffer slots of classes defining them. */
_Py_DECLARE_WRAPPER(_Py_wrap_getbuffer);
_Py_DECLARE_WRAPPER(_Py_wrap_releasebuffer);
#undef _Py_DECLARE_WRAPPER
int _Py_slot_bf_getbuffer(PyObject *self, Py_buffer *buffer, int flags);
void _Py_slot_bf_releasebuffer(PyObject *self, Py_buffer *buffer);
PyObject *_Py_wrap_call(PyObject *self, PyObject *args, void *wrapped,
                        PyObject *kwds);
PyObject *_Py_wrap_init(PyObject *self, PyObject *args, void *wrapped,
                        PyObject *kwds);

/* ---- built-in functions (Objects/methodobject.c) ------------------------- */

/* Call the C function of `ml` with self (and cls for METH_METHOD) and a
   vectorcall argument array, checking the arguments against ml_flags.
   `callable` names the function in error messages. */
PyObject *_PyMethodDef_Vectorcall(PyMethodDef *ml, PyObject *callable,
                                  PyObject *self, PyTypeObject *cls,
                                  PyObject *const *args, size_t nargsf,
                                  PyObject *kwnames);

/* "name()" or "module.qualname()" for error messages (Objects/object.c). */
PyObject *_PyObject_FunctionStr(PyObject *func);

/* Release the method cache's names (interpreter shut-down). */
void _PyType_FiniCache(void);


/* Shared by Objects/typeobject.c and Objects/typenew.c (classes created
   at run time). */
PyTypeObject *_PyType_SolidBase(PyTypeObject *type);
int _PyType_SubtypeTraverse(PyObject *self, visitproc visit, void *arg);
int _PyType_SubtypeClear(PyObject *self);
extern PyGetSetDef _PyType_SubtypeGetsetsFull[];
extern PyGetSetDef _PyType_SubtypeGetsetsDictOnly[];
extern PyGetSetDef _PyType_SubtypeGetsetsWeakrefOnly[];
/* type(name, bases, dict): a new heap type (metatype's tp_new body). */
PyObject *_PyType_NewImpl(PyTypeObject *metatype, PyObject *args, PyObject *kwds);

#endif /* Py_INTERNAL_TYPEOBJECT_H */
