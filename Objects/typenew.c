/* Classes created at run time: type(name, bases, dict) and the class
   statement.  Chooses the metaclass and the best base, lays out
   __slots__, __dict__ and __weakref__, and builds the heap type.  The
   new type is private to the creating thread until type_new returns, so
   building it needs no lock; registering it with its bases takes the
   type lock (see the rules at the top of Objects/typeobject.c). */
#include "Python.h"
#include "pycore_call.h"
#include "pycore_dict.h"
#include "pycore_gc.h"
#include "pycore_instvalues.h"
#include "pycore_object.h"
#include "pycore_pystate.h"
#include "pycore_qsbr.h"
#include "pycore_typeobject.h"
#include "pycore_unionobject.h"

/* ---- type(name, bases, dict): choosing the metaclass and the base -------------- */

/* The most derived metaclass among metatype and the bases' metaclasses. */
PyTypeObject *_PyType_CalculateMetaclass(PyTypeObject *metatype, PyObject *bases)
{
    PyTypeObject *winner = metatype;
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTypeObject *tmptype = Py_TYPE(PyTuple_GET_ITEM(bases, i));
        if (PyType_IsSubtype(winner, tmptype)) {
            continue;
        }
        if (PyType_IsSubtype(tmptype, winner)) {
            winner = tmptype;
            continue;
        }
        PyErr_SetString(PyExc_TypeError,
                        "metaclass conflict: the metaclass of a derived class "
                        "must be a (non-strict) subclass of the metaclasses "
                        "of all its bases");
        return NULL;
    }
    return winner;
}

/* The base whose instance layout the new class extends: the one with the
   most derived solid base.  Every other base must be layout-compatible. */
PyTypeObject *_PyType_BestBase(PyObject *bases)
{
    PyTypeObject *base = NULL, *winner = NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *obj = PyTuple_GET_ITEM(bases, i);
        if (!PyType_Check(obj)) {
            PyObject *entries;
            if (PyObject_GetOptionalAttr(obj, _Py_INTERNED_ID(__mro_entries__),
                                         &entries) < 0) {
                return NULL;
            }
            if (entries != NULL) {
                Py_DECREF(entries);
                PyErr_SetString(PyExc_TypeError,
                                "type() doesn't support MRO entry resolution; "
                                "use types.new_class()");
            }
            else {
                PyErr_SetString(PyExc_TypeError, "bases must be types");
            }
            return NULL;
        }
        PyTypeObject *base_i = (PyTypeObject *)obj;
        if (!(base_i->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(base_i) < 0) {
            return NULL;
        }
        if (!(base_i->tp_flags & Py_TPFLAGS_BASETYPE)) {
            PyErr_Format(PyExc_TypeError,
                         "type '%.100s' is not an acceptable base type",
                         base_i->tp_name);
            return NULL;
        }
        PyTypeObject *candidate = _PyType_SolidBase(base_i);
        if (winner == NULL) {
            winner = candidate;
            base = base_i;
        }
        else if (PyType_IsSubtype(winner, candidate)) {
            ;
        }
        else if (PyType_IsSubtype(candidate, winner)) {
            winner = candidate;
            base = base_i;
        }
        else {
            PyErr_SetString(PyExc_TypeError,
                            "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    if (base == NULL) {
        PyErr_SetString(PyExc_TypeError, "a new-style class can't have only classic bases");
    }
    return base;
}

/* ---- type(name, bases, dict): __slots__ ----------------------------------------- */

typedef struct {
    PyTypeObject *metatype;
    PyObject *name;         /* borrowed */
    PyObject *bases;        /* owned */
    PyTypeObject *base;     /* borrowed (held by bases) */
    PyObject *dict;         /* owned: the copy that becomes tp_dict */
    PyObject *slots;        /* owned: sorted, mangled slot names, or NULL */
    Py_ssize_t nslots;
    int add_dict;
    int add_weak;
} type_new_ctx;

/* Private names in __slots__ are mangled like attribute names in the
   class body: __x becomes _Class__x. */
static PyObject *mangle_slot_name(PyObject *classname, PyObject *name)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(name);
    if (len < 2 || PyUnicode_READ_CHAR(name, 0) != '_'
            || PyUnicode_READ_CHAR(name, 1) != '_'
            || (PyUnicode_READ_CHAR(name, len - 1) == '_'
                && PyUnicode_READ_CHAR(name, len - 2) == '_')
            || PyUnicode_FindChar(name, '.', 0, len, 1) >= 0) {
        return Py_NewRef(name);
    }
    Py_ssize_t clen = PyUnicode_GET_LENGTH(classname), start = 0;
    while (start < clen && PyUnicode_READ_CHAR(classname, start) == '_') {
        start++;
    }
    if (start == clen) {
        return Py_NewRef(name);
    }
    PyObject *stripped = PyUnicode_Substring(classname, start, clen);
    if (stripped == NULL) {
        return NULL;
    }
    PyObject *res = PyUnicode_FromFormat("_%U%U", stripped, name);
    Py_DECREF(stripped);
    return res;
}

/* Validate one __slots__ entry, counting __dict__ and __weakref__. */
static int check_slot_name(type_new_ctx *ctx, PyObject *name,
                           int may_add_dict, int may_add_weak)
{
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError,
                     "__slots__ items must be strings, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    if (!PyUnicode_IsIdentifier(name)) {
        PyErr_SetString(PyExc_TypeError, "__slots__ must be identifiers");
        return -1;
    }
    if (_PyUnicode_EqualToASCIIString(name, "__dict__")) {
        if (!may_add_dict || ctx->add_dict) {
            PyErr_SetString(PyExc_TypeError,
                            "__dict__ slot disallowed: we already got one");
            return -1;
        }
        ctx->add_dict++;
    }
    if (_PyUnicode_EqualToASCIIString(name, "__weakref__")) {
        if (!may_add_weak || ctx->add_weak) {
            PyErr_SetString(PyExc_TypeError,
                            "__weakref__ slot disallowed: we already got one");
            return -1;
        }
        ctx->add_weak++;
    }
    return 0;
}

/* The slot names the class adds itself: mangled, sorted, without
   __dict__ and __weakref__, and not clashing with class attributes. */
static int build_slot_list(type_new_ctx *ctx, PyObject *slots)
{
    PyObject *newslots = PyList_New(0);
    if (newslots == NULL) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(slots); i++) {
        PyObject *name = PyTuple_GET_ITEM(slots, i);
        if (_PyUnicode_EqualToASCIIString(name, "__dict__")
                || _PyUnicode_EqualToASCIIString(name, "__weakref__")) {
            continue;
        }
        PyObject *mangled = mangle_slot_name(ctx->name, name);
        if (mangled == NULL) {
            goto error;
        }
        int r = PyDict_Contains(ctx->dict, mangled);
        if (r > 0 && !_PyUnicode_EqualToASCIIString(mangled, "__qualname__")
                && !_PyUnicode_EqualToASCIIString(mangled, "__classcell__")) {
            PyErr_Format(PyExc_ValueError,
                         "%R in __slots__ conflicts with class variable", name);
            r = -1;
        }
        if (r < 0 || PyList_Append(newslots, mangled) < 0) {
            Py_DECREF(mangled);
            goto error;
        }
        Py_DECREF(mangled);
    }
    if (PyList_Sort(newslots) < 0) {
        goto error;
    }
    ctx->slots = PyList_AsTuple(newslots);
    Py_DECREF(newslots);
    if (ctx->slots == NULL) {
        return -1;
    }
    ctx->nslots = PyTuple_GET_SIZE(ctx->slots);
    return 0;
error:
    Py_DECREF(newslots);
    return -1;
}

/* Work out the instance layout: which slots, and whether instances get a
   __dict__ and a __weakref__. */
static int type_new_slots(type_new_ctx *ctx)
{
    PyTypeObject *base = ctx->base;
    int may_add_dict = base->tp_dictoffset == 0;
    int may_add_weak = base->tp_weaklistoffset == 0 && base->tp_itemsize == 0;
    PyObject *slots;
    if (PyDict_GetItemRef(ctx->dict, _Py_INTERNED_ID(__slots__), &slots) < 0) {
        return -1;
    }
    if (slots == NULL) {
        ctx->add_dict = may_add_dict;
        ctx->add_weak = may_add_weak;
        return 0;
    }
    if (PyUnicode_Check(slots)) {
        Py_SETREF(slots, PyTuple_Pack(1, slots));
    }
    else {
        Py_SETREF(slots, PySequence_Tuple(slots));
    }
    if (slots == NULL) {
        return -1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(slots);
    if (n > 0 && base->tp_itemsize != 0) {
        PyErr_Format(PyExc_TypeError,
                     "nonempty __slots__ not supported for subtype of '%s'",
                     base->tp_name);
        goto error;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (check_slot_name(ctx, PyTuple_GET_ITEM(slots, i),
                            may_add_dict, may_add_weak) < 0) {
            goto error;
        }
    }
    if (build_slot_list(ctx, slots) < 0) {
        goto error;
    }
    Py_DECREF(slots);
    /* A secondary base with a __dict__ or __weakref__ gives them too. */
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(ctx->bases); i++) {
        PyTypeObject *b = (PyTypeObject *)PyTuple_GET_ITEM(ctx->bases, i);
        if (b == base) {
            continue;
        }
        if (may_add_dict && !ctx->add_dict && b->tp_dictoffset != 0) {
            ctx->add_dict++;
        }
        if (may_add_weak && !ctx->add_weak && b->tp_weaklistoffset != 0) {
            ctx->add_weak++;
        }
    }
    return 0;
error:
    Py_DECREF(slots);
    return -1;
}

/* ---- type(name, bases, dict): building the class ------------------------------- */

/* Functions live in a component linked later; the class machinery wraps
   __new__ in staticmethod and __init_subclass__/__class_getitem__ in
   classmethod when they are plain functions, as soon as that component
   exists.  Weak references keep this file linkable without it. */
extern PyTypeObject PyFunction_Type __attribute__((weak));
extern PyObject *PyStaticMethod_New(PyObject *) __attribute__((weak));
extern PyObject *PyClassMethod_New(PyObject *) __attribute__((weak));
extern PyObject *PyEval_GetGlobals(void) __attribute__((weak));

static int wrap_special_function(PyObject *dict, PyObject *name,
                                 PyObject *(*wrap)(PyObject *))
{
    if (&PyFunction_Type == NULL || wrap == NULL) {
        return 0;
    }
    PyObject *func;
    if (PyDict_GetItemRef(dict, name, &func) <= 0) {
        return PyErr_Occurred() ? -1 : 0;
    }
    int rc = 0;
    if (Py_IS_TYPE(func, &PyFunction_Type)) {
        PyObject *wrapped = wrap(func);
        rc = wrapped == NULL ? -1 : PyDict_SetItem(dict, name, wrapped);
        Py_XDECREF(wrapped);
    }
    Py_DECREF(func);
    return rc;
}

/* __module__ defaults to the caller's global __name__. */
static int type_new_set_module(PyObject *dict)
{
    int r = PyDict_Contains(dict, _Py_INTERNED_ID(__module__));
    if (r != 0 || PyEval_GetGlobals == NULL) {
        return r < 0 ? -1 : 0;
    }
    PyObject *globals = PyEval_GetGlobals();
    if (globals == NULL) {
        return 0;
    }
    PyObject *module;
    r = PyDict_GetItemRef(globals, _Py_INTERNED_ID(__name__), &module);
    if (module != NULL) {
        r = PyDict_SetItem(dict, _Py_INTERNED_ID(__module__), module);
        Py_DECREF(module);
    }
    return r < 0 ? -1 : 0;
}

/* Names, qualname, doc and the special methods that become static or
   class methods. */
static int type_new_set_attrs(type_new_ctx *ctx, PyTypeObject *type)
{
    PyHeapTypeObject *et = (PyHeapTypeObject *)type;
    PyObject *dict = ctx->dict;
    Py_ssize_t size;
    const char *tp_name = PyUnicode_AsUTF8AndSize(ctx->name, &size);
    if (tp_name == NULL) {
        return -1;
    }
    if (strlen(tp_name) != (size_t)size) {
        PyErr_SetString(PyExc_ValueError,
                        "type name must not contain null characters");
        return -1;
    }
    et->_ht_tpname = PyMem_Malloc((size_t)size + 1);
    if (et->_ht_tpname == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memcpy(et->_ht_tpname, tp_name, (size_t)size + 1);
    type->tp_name = et->_ht_tpname;

    if (type_new_set_module(dict) < 0) {
        return -1;
    }
    PyObject *qualname;
    if (PyDict_Pop(dict, _Py_INTERNED_ID(__qualname__), &qualname) < 0) {
        return -1;
    }
    if (qualname != NULL && !PyUnicode_Check(qualname)) {
        PyErr_Format(PyExc_TypeError,
                     "type __qualname__ must be a str, not %s",
                     Py_TYPE(qualname)->tp_name);
        Py_DECREF(qualname);
        return -1;
    }
    et->ht_qualname = qualname != NULL ? qualname : Py_NewRef(ctx->name);

    PyObject *doc;
    if (PyDict_GetItemRef(dict, _Py_INTERNED_ID(__doc__), &doc) < 0) {
        return -1;
    }
    if (doc != NULL && PyUnicode_Check(doc)) {
        Py_ssize_t doc_len;
        const char *doc_str = PyUnicode_AsUTF8AndSize(doc, &doc_len);
        char *copy = doc_str == NULL ? NULL : PyObject_Malloc((size_t)doc_len + 1);
        if (copy == NULL) {
            Py_DECREF(doc);
            if (!PyErr_Occurred()) {
                PyErr_NoMemory();
            }
            return -1;
        }
        memcpy(copy, doc_str, (size_t)doc_len + 1);
        type->tp_doc = copy;
    }
    Py_XDECREF(doc);

    if (wrap_special_function(dict, _Py_INTERNED_ID(__new__), PyStaticMethod_New) < 0
            || wrap_special_function(dict, _Py_INTERNED_ID(__init_subclass__),
                                     PyClassMethod_New) < 0
            || wrap_special_function(dict, _Py_INTERNED_ID(__class_getitem__),
                                     PyClassMethod_New) < 0) {
        return -1;
    }
    return 0;
}

/* Member descriptors for the slots, then the __dict__ and __weakref__
   pointers, appended to the base's layout. */
static void type_new_set_layout(type_new_ctx *ctx, PyTypeObject *type)
{
    PyTypeObject *base = ctx->base;
    Py_ssize_t slotoffset = base->tp_basicsize;
    PyMemberDef *mp = PyHeapType_GET_MEMBERS((PyHeapTypeObject *)type);
    for (Py_ssize_t i = 0; i < ctx->nslots; i++, mp++) {
        mp->name = PyUnicode_AsUTF8(PyTuple_GET_ITEM(ctx->slots, i));
        mp->type = Py_T_OBJECT_EX;
        mp->offset = slotoffset;
        slotoffset += sizeof(PyObject *);
    }
    if (ctx->add_dict) {
        if (base->tp_itemsize) {
            type->tp_dictoffset = -(Py_ssize_t)sizeof(PyObject *);
        }
        else {
            type->tp_dictoffset = slotoffset;
        }
        slotoffset += sizeof(PyObject *);
    }
    if (ctx->add_weak) {
        type->tp_weaklistoffset = slotoffset;
        slotoffset += sizeof(PyObject *);
    }
    type->tp_basicsize = slotoffset;
    type->tp_itemsize = base->tp_itemsize;
    type->tp_members = PyHeapType_GET_MEMBERS((PyHeapTypeObject *)type);
    if (ctx->add_dict && ctx->add_weak) {
        type->tp_getset = _PyType_SubtypeGetsetsFull;
    }
    else if (ctx->add_weak) {
        type->tp_getset = _PyType_SubtypeGetsetsWeakrefOnly;
    }
    else if (ctx->add_dict) {
        type->tp_getset = _PyType_SubtypeGetsetsDictOnly;
    }
}

static PyTypeObject *type_new_alloc(type_new_ctx *ctx)
{
    PyTypeObject *type = (PyTypeObject *)ctx->metatype->tp_alloc(ctx->metatype,
                                                                ctx->nslots);
    if (type == NULL) {
        return NULL;
    }
    _PyObject_SetDeferredRefcount((PyObject *)type);
    PyHeapTypeObject *et = (PyHeapTypeObject *)type;
    type->tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HEAPTYPE
                     | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC;
    type->tp_as_async = &et->as_async;
    type->tp_as_number = &et->as_number;
    type->tp_as_sequence = &et->as_sequence;
    type->tp_as_mapping = &et->as_mapping;
    type->tp_as_buffer = &et->as_buffer;
    type->tp_bases = Py_NewRef(ctx->bases);
    type->tp_base = (PyTypeObject *)Py_NewRef(ctx->base);
    type->tp_dealloc = _PyType_SubtypeDealloc;
    type->tp_traverse = _PyType_SubtypeTraverse;
    type->tp_clear = _PyType_SubtypeClear;
    type->tp_alloc = PyType_GenericAlloc;
    type->tp_free = PyObject_GC_Del;
    et->ht_name = Py_NewRef(ctx->name);
    et->ht_slots = Py_XNewRef(ctx->slots);
    type->tp_dict = Py_NewRef(ctx->dict);
    return type;
}

/* The class body's implicit cell stored under `key` receives `value`,
   and the key leaves the class dict: __classcell__ (zero-argument
   super()) gets the class, __classdictcell__ (annotation and type scopes
   reading class names) the class's own dict, so names set on the class
   later are seen there, as in CPython. */
static int type_new_fill_cell(PyTypeObject *type, PyObject *key,
                              PyObject *value)
{
    PyObject *cell;
    if (PyDict_GetItemRef(type->tp_dict, key, &cell) <= 0) {
        return PyErr_Occurred() ? -1 : 0;
    }
    if (!PyCell_Check(cell)) {
        PyErr_Format(PyExc_TypeError, "%U must be a nonlocal cell, not %.200R",
                     key, Py_TYPE(cell));
        Py_DECREF(cell);
        return -1;
    }
    int rc = PyCell_Set(cell, value);
    Py_DECREF(cell);
    if (rc < 0) {
        return -1;
    }
    return PyDict_Pop(type->tp_dict, key, NULL) < 0 ? -1 : 0;
}

static int type_new_set_classcell(PyTypeObject *type)
{
    return type_new_fill_cell(type, _Py_INTERNED_ID(__classcell__),
                              (PyObject *)type);
}

static int type_new_set_classdictcell(PyTypeObject *type)
{
    return type_new_fill_cell(type, _Py_INTERNED_ID(__classdictcell__),
                              type->tp_dict);
}

/* The raised exception gets a note naming the attribute whose
   __set_name__ failed, as CPython 3.12+.  If the note cannot be added,
   the original exception is kept as it was.  Touches only the exception
   this thread is raising. */
static void note_set_name_error(PyTypeObject *type, PyObject *key,
                                PyObject *value)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *note = PyUnicode_FromFormat(
        "Error calling __set_name__ on '%.100s' instance %R in '%.100s'",
        Py_TYPE(value)->tp_name, key, type->tp_name);
    if (note == NULL || _PyException_AddNote(exc, note) < 0) {
        PyErr_Clear();
    }
    Py_XDECREF(note);
    PyErr_SetRaisedException(exc);
}

/* Call value.__set_name__(type, key) for each class attribute. */
static int type_new_set_names(PyTypeObject *type)
{
    PyObject *names = PyDict_Copy(type->tp_dict);
    if (names == NULL) {
        return -1;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    int res = 0;
    while (res == 0 && PyDict_Next(names, &pos, &key, &value)) {
        PyObject *set_name = _PyObject_LookupSpecial(value, _Py_INTERNED_ID(__set_name__));
        if (set_name == NULL) {
            res = PyErr_Occurred() ? -1 : 0;
            continue;
        }
        PyObject *args[2] = {(PyObject *)type, key};
        PyObject *r = PyObject_Vectorcall(set_name, args, 2, NULL);
        Py_DECREF(set_name);
        if (r == NULL) {
            res = -1;
            note_set_name_error(type, key, value);
        }
        Py_XDECREF(r);
    }
    Py_DECREF(names);
    return res;
}

/* super(type, type).__init_subclass__(**kwds) */
static int type_new_init_subclass(PyTypeObject *type, PyObject *kwds)
{
    /* super() refuses a type missing from its own MRO (a metaclass's
       mro() may return anything). */
    PyObject *mro = type->tp_mro;
    int in_mro = 0;
    for (Py_ssize_t i = 0; mro != NULL && i < PyTuple_GET_SIZE(mro); i++) {
        in_mro |= PyTuple_GET_ITEM(mro, i) == (PyObject *)type;
    }
    if (!in_mro) {
        PyErr_SetString(PyExc_TypeError,
                        "super(type, obj): obj must be an instance or subtype of type");
        return -1;
    }
    PyObject *func = _PyType_LookupAfter(type, type, _Py_INTERNED_ID(__init_subclass__));
    if (func == NULL) {
        return PyErr_Occurred() ? -1 : 0;
    }
    descrgetfunc get = Py_TYPE(func)->tp_descr_get;
    if (get != NULL) {
        Py_SETREF(func, get(func, NULL, (PyObject *)type));
        if (func == NULL) {
            return -1;
        }
    }
    PyObject *res = PyObject_VectorcallDict(func, NULL, 0, kwds);
    Py_DECREF(func);
    if (res == NULL) {
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

/* RuntimeWarning for a namespace with a key that is not a str (gh-55664,
   as CPython 3.13+); the class is still made.  `dict` is the private
   copy of the namespace: no other thread sees it. */
static int warn_non_string_keys(PyObject *dict, PyObject *name)
{
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(dict, &pos, &key, &value)) {
        if (!PyUnicode_Check(key)) {
            return PyErr_WarnFormat(PyExc_RuntimeWarning, 1,
                                    "non-string key in the __dict__ of "
                                    "class %U", name);
        }
    }
    return 0;
}

PyObject *_PyType_NewImpl(PyTypeObject *metatype, PyObject *args,
                               PyObject *kwds)
{
    PyObject *name, *bases, *orig_dict;
    if (!PyArg_ParseTuple(args, "UO!O:type.__new__", &name, &PyTuple_Type,
                          &bases, &orig_dict)) {
        return NULL;
    }
    /* The namespace may be a frozendict (3.15); it is copied either way. */
    if (!PyAnyDict_Check(orig_dict)) {
        PyErr_Format(PyExc_TypeError,
                     "type.__new__() argument 3 must be dict, not %.200s",
                     Py_TYPE(orig_dict)->tp_name);
        return NULL;
    }
    PyTypeObject *winner = _PyType_CalculateMetaclass(metatype, bases);
    if (winner == NULL) {
        return NULL;
    }
    if (winner != metatype) {
        if (winner->tp_new != PyType_Type.tp_new) {
            return winner->tp_new(winner, args, kwds);
        }
        metatype = winner;
    }
    type_new_ctx ctx = {.metatype = metatype, .name = name};
    if (PyTuple_GET_SIZE(bases) == 0) {
        ctx.bases = PyTuple_Pack(1, &PyBaseObject_Type);
    }
    else {
        ctx.bases = Py_NewRef(bases);
    }
    PyTypeObject *type = NULL;
    if (ctx.bases == NULL) {
        return NULL;
    }
    ctx.base = _PyType_BestBase(ctx.bases);
    if (ctx.base == NULL) {
        goto error;
    }
    ctx.dict = PyDict_Copy(orig_dict);
    if (ctx.dict == NULL || warn_non_string_keys(ctx.dict, name) < 0
            || type_new_slots(&ctx) < 0) {
        goto error;
    }
    type = type_new_alloc(&ctx);
    if (type == NULL || type_new_set_attrs(&ctx, type) < 0) {
        goto error;
    }
    type_new_set_layout(&ctx, type);
    /* The cell is filled before readying: a metaclass mro() may already
       call methods that use __class__. */
    if (type_new_set_classcell(type) < 0 ||
        type_new_set_classdictcell(type) < 0 || PyType_Ready(type) < 0) {
        goto error;
    }
    _PyType_FixupSlotDispatchers(type);
    _PyType_InitSharedKeys(type);
    if (type_new_set_names(type) < 0
            || type_new_init_subclass(type, kwds) < 0) {
        goto error;
    }
    Py_DECREF(ctx.bases);
    Py_DECREF(ctx.dict);
    Py_XDECREF(ctx.slots);
    return (PyObject *)type;
error:
    Py_XDECREF(type);
    Py_XDECREF(ctx.bases);
    Py_XDECREF(ctx.dict);
    Py_XDECREF(ctx.slots);
    return NULL;
}
