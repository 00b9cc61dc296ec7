/* Struct sequences: tuple subclasses whose items also have names, such
   as os.stat_result and time.struct_time (Objects/structseq.c). */
#ifndef Py_STRUCTSEQ_H
#define Py_STRUCTSEQ_H

typedef struct PyStructSequence_Field {
    const char *name;
    const char *doc;
} PyStructSequence_Field;

/* fields ends with an entry whose name is NULL; the first n_in_sequence
   fields are the tuple's items, the rest are reachable by name only. */
typedef struct PyStructSequence_Desc {
    const char *name;
    const char *doc;
    PyStructSequence_Field *fields;
    int n_in_sequence;
} PyStructSequence_Desc;

/* A field whose name is this pointer has no attribute (it is reachable
   by index only). */
PyAPI_DATA(const char * const) PyStructSequence_UnnamedField;

#ifndef Py_LIMITED_API
PyAPI_FUNC(void) PyStructSequence_InitType(PyTypeObject *type,
                                           PyStructSequence_Desc *desc);
PyAPI_FUNC(int) PyStructSequence_InitType2(PyTypeObject *type,
                                           PyStructSequence_Desc *desc);
#endif
PyAPI_FUNC(PyTypeObject *) PyStructSequence_NewType(PyStructSequence_Desc *desc);

/* A new instance whose items are all NULL: the caller fills every one
   (visible and hidden) with PyStructSequence_SetItem before sharing it. */
PyAPI_FUNC(PyObject *) PyStructSequence_New(PyTypeObject *type);

/* Steals the reference to value.  Only for an instance being filled. */
PyAPI_FUNC(void) PyStructSequence_SetItem(PyObject *p, Py_ssize_t pos,
                                          PyObject *value);
/* Borrowed reference. */
PyAPI_FUNC(PyObject *) PyStructSequence_GetItem(PyObject *p, Py_ssize_t pos);

#ifndef Py_LIMITED_API
typedef PyTupleObject PyStructSequence;
#define PyStructSequence_SET_ITEM PyStructSequence_SetItem
#define PyStructSequence_GET_ITEM PyStructSequence_GetItem
#endif

#ifdef Py_BUILD_CORE
/* ---- core-only: struct sequence types defined statically ----------------

   For types that must exist before any module is imported (sys.flags,
   sys.version_info...): the type is a static initializer made with
   _PyStructSequence_STATIC_TYPE (all fields visible), which the static
   type table may ready early; _PyStructSequence_FinishBuiltin completes
   it from its description once the runtime can make objects (readies it
   if need be, adds the field descriptors, n_fields and the other class
   attributes).  Such types cannot be instantiated from Python. */
PyAPI_FUNC(void) _PyStructSequence_Dealloc(PyObject *op);
PyAPI_FUNC(PyObject *) _PyStructSequence_Repr(PyObject *op);
PyAPI_FUNC(int) _PyStructSequence_Traverse(PyObject *op, visitproc visit,
                                           void *arg);
PyAPI_DATA(PyMethodDef) _PyStructSequence_Methods[];
PyAPI_FUNC(int) _PyStructSequence_FinishBuiltin(PyTypeObject *type,
                                                PyStructSequence_Desc *desc);

#define _PyStructSequence_STATIC_TYPE(NAME, DOC) \
    PyVarObject_HEAD_INIT(&PyType_Type, 0) \
    .tp_name = (NAME), \
    .tp_doc = (DOC), \
    .tp_basicsize = sizeof(PyTupleObject) - sizeof(PyObject *), \
    .tp_itemsize = sizeof(PyObject *), \
    .tp_dealloc = _PyStructSequence_Dealloc, \
    .tp_repr = _PyStructSequence_Repr, \
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC \
                | Py_TPFLAGS_TUPLE_SUBCLASS \
                | Py_TPFLAGS_DISALLOW_INSTANTIATION, \
    .tp_traverse = _PyStructSequence_Traverse, \
    .tp_methods = _PyStructSequence_Methods, \
    .tp_base = &PyTuple_Type, \
    .tp_alloc = PyType_GenericAlloc, \
    .tp_free = PyObject_GC_Del
#endif /* Py_BUILD_CORE */

#endif /* Py_STRUCTSEQ_H */
