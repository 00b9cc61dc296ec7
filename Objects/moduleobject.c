/* Module objects (types.ModuleType), module definitions (PyModuleDef) and
   the single- and multi-phase creation of extension modules from them.

   A module's namespace is its md_dict, a dict that synchronises itself;
   the module object's own fields are written only while it is created
   (before it is shared), so the module needs no lock of its own. */
#include "Python.h"
#include "pycore_call.h"
#include "pycore_lazyimport.h"
#include "pycore_moduleobject.h"
#include "pycore_object.h"
#include "pycore_pystate.h"
#include "pycore_typeobject.h"

/* ---- module definitions ----------------------------------------------------------- */

PyTypeObject PyModuleDef_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "moduledef",
    .tp_basicsize = sizeof(PyModuleDef),
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

static Py_ssize_t next_module_index = 1;

/* Give def its type and an index; idempotent.  Definitions are usually
   static and immortal (PyModuleDef_HEAD_INIT). */
PyObject *PyModuleDef_Init(PyModuleDef *def)
{
    if (def->m_base.m_index == 0) {
        Py_SET_TYPE(def, &PyModuleDef_Type);
        Py_ssize_t index = __atomic_fetch_add(&next_module_index, 1,
                                              __ATOMIC_RELAXED);
        __atomic_store_n(&def->m_base.m_index, index, __ATOMIC_RELEASE);
    }
    return (PyObject *)def;
}

/* ---- creation -------------------------------------------------------------------------- */

/* The attributes every module starts with. */
static int module_init_dict(PyObject *dict, PyObject *name, PyObject *doc)
{
    if (doc == NULL) {
        doc = Py_None;
    }
    if (PyDict_SetItem(dict, _Py_INTERNED_ID(__name__), name) < 0
            || PyDict_SetItem(dict, _Py_INTERNED_ID(__doc__), doc) < 0
            || PyDict_SetItem(dict, _Py_INTERNED_ID(__package__), Py_None) < 0
            || PyDict_SetItem(dict, _Py_INTERNED_ID(__loader__), Py_None) < 0
            || PyDict_SetItem(dict, _Py_INTERNED_ID(__spec__), Py_None) < 0) {
        return -1;
    }
    return 0;
}

/* An empty module of `type` (zeroed, tracked, with an empty namespace). */
static PyModuleObject *alloc_module(PyTypeObject *type)
{
    PyModuleObject *m = (PyModuleObject *)type->tp_alloc(type, 0);
    if (m == NULL) {
        return NULL;
    }
    _PyObject_SetDeferredRefcount((PyObject *)m);
#ifdef Py_GIL_DISABLED
    m->md_gil = Py_MOD_GIL_USED;
#endif
    m->md_dict = PyDict_New();
    if (m->md_dict == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

PyObject *PyModule_NewObject(PyObject *name)
{
    PyModuleObject *m = alloc_module(&PyModule_Type);
    if (m == NULL) {
        return NULL;
    }
    m->md_name = Py_NewRef(name);
    if (module_init_dict(m->md_dict, name, NULL) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return (PyObject *)m;
}

PyObject *PyModule_New(const char *name)
{
    PyObject *name_obj = PyUnicode_FromString(name);
    if (name_obj == NULL) {
        return NULL;
    }
    PyObject *m = PyModule_NewObject(name_obj);
    Py_DECREF(name_obj);
    return m;
}

/* Zeroed per-module state of def->m_size bytes. */
static int alloc_state(PyModuleObject *m, PyModuleDef *def)
{
    if (def->m_size > 0 && m->md_state == NULL) {
        m->md_state = PyMem_Calloc(1, (size_t)def->m_size);
        if (m->md_state == NULL) {
            PyErr_NoMemory();
            return -1;
        }
    }
    return 0;
}

/* Module-level functions get the module as self and its name as
   __module__.  Each gets deferred counting (pycore_object.h), like a
   Python function defined at module level: every thread calling `len`
   or `math.sqrt` takes a reference to the same object.  (Shared with
   PyModule_AddFunctions and Objects/moduleslots.c: abi3t.) */
int _PyModule_AddFunctionsToObject(PyObject *module, PyObject *name,
                                   PyMethodDef *functions)
{
    for (PyMethodDef *fdef = functions; fdef->ml_name != NULL; fdef++) {
        if ((fdef->ml_flags & METH_CLASS) || (fdef->ml_flags & METH_STATIC)) {
            PyErr_SetString(PyExc_ValueError,
                            "module functions cannot set METH_CLASS or METH_STATIC");
            return -1;
        }
        PyObject *func = PyCFunction_NewEx(fdef, module, name);
        if (func == NULL) {
            return -1;
        }
        _PyObject_SetDeferredRefcount(func);
        int rc = PyObject_SetAttrString(module, fdef->ml_name, func);
        Py_DECREF(func);
        if (rc < 0) {
            return -1;
        }
    }
    return 0;
}

/* (Shared with Objects/moduleslots.c: abi3t.) */
int _PyModule_SetDocToObject(PyObject *module, const char *doc)
{
    PyObject *v = PyUnicode_FromString(doc);
    if (v == NULL) {
        return -1;
    }
    int rc = PyObject_SetAttr(module, _Py_INTERNED_ID(__doc__), v);
    Py_DECREF(v);
    return rc;
}

/* Single-phase initialisation: the module, its state, functions and doc. */
PyObject *PyModule_Create2(PyModuleDef *def, int apiver)
{
    PyModuleDef_Init(def);
    if (def->m_slots != NULL) {
        PyErr_Format(PyExc_SystemError,
                     "module %s: PyModule_Create is incompatible with m_slots",
                     def->m_name);
        return NULL;
    }
    PyObject *m = PyModule_New(def->m_name);
    if (m == NULL) {
        return NULL;
    }
    PyModuleObject *mod = (PyModuleObject *)m;
    mod->md_def = def;
    if (alloc_state(mod, def) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    if (def->m_methods != NULL
            && _PyModule_AddFunctionsToObject(m, mod->md_name, def->m_methods) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    if (def->m_doc != NULL && _PyModule_SetDocToObject(m, def->m_doc) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

/* Multi-phase initialisation, first half (PEP 489): create the module
   (via Py_mod_create or as a plain module named spec.name); Py_mod_exec
   slots run later in PyModule_ExecDef. */
PyObject *PyModule_FromDefAndSpec2(PyModuleDef *def, PyObject *spec,
                                   int module_api_version)
{
    PyModuleDef_Init(def);
    PyObject *(*create)(PyObject *, PyModuleDef *) = NULL;
    int has_gil_slot = 0;
    void *gil = Py_MOD_GIL_USED;
    PyObject *name = PyObject_GetAttrString(spec, "name");
    if (name == NULL) {
        return NULL;
    }
    PyObject *m = NULL;
    for (PyModuleDef_Slot *cur = def->m_slots; cur && cur->slot; cur++) {
        /* abi3t: old and 3.15 slot IDs alike. */
        switch (_PyModuleSlot_ResolveID(cur->slot)) {
        case Py_mod_create:
            if (create != NULL) {
                PyErr_Format(PyExc_SystemError,
                             "module %U has multiple create slots", name);
                goto error;
            }
            create = (PyObject *(*)(PyObject *, PyModuleDef *))cur->value;
            break;
        case Py_mod_exec:
        case Py_mod_multiple_interpreters:
            break;
        case Py_mod_gil:
            if (has_gil_slot) {
                PyErr_Format(PyExc_SystemError,
                             "module %U has more than one 'gil' slot", name);
                goto error;
            }
            has_gil_slot = 1;
            gil = cur->value;
            break;
        default:
            /* abi3t: Py_mod_abi and the slot-array-only slots. */
            if (_PyModule_CheckDefSlot(name, cur) < 0) {
                goto error;
            }
            break;
        }
    }
    if (create != NULL) {
        m = create(spec, def);
        if (m == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_SystemError,
                             "creation of module %U failed without setting an exception",
                             name);
            }
            goto error;
        }
        if (PyErr_Occurred()) {
            PyErr_Format(PyExc_SystemError,
                         "creation of module %U raised unreported exception", name);
            goto error;
        }
    }
    else {
        m = PyModule_NewObject(name);
        if (m == NULL) {
            goto error;
        }
    }
    if (PyModule_Check(m)) {
        PyModuleObject *mod = (PyModuleObject *)m;
        mod->md_state = NULL;
        mod->md_def = def;
#ifdef Py_GIL_DISABLED
        mod->md_gil = gil;
#endif
    }
    else if (def->m_size > 0 || def->m_traverse || def->m_clear || def->m_free) {
        PyErr_Format(PyExc_SystemError,
                     "module %U is not a module object, but requests module state",
                     name);
        goto error;
    }
    (void)gil;
    if (def->m_methods != NULL
            && _PyModule_AddFunctionsToObject(m, name, def->m_methods) < 0) {
        goto error;
    }
    if (def->m_doc != NULL && _PyModule_SetDocToObject(m, def->m_doc) < 0) {
        goto error;
    }
    Py_DECREF(name);
    return m;
error:
    Py_DECREF(name);
    Py_XDECREF(m);
    return NULL;
}

/* Multi-phase initialisation, second half: allocate the state and run
   the Py_mod_exec slots in order. */
int PyModule_ExecDef(PyObject *module, PyModuleDef *def)
{
    PyObject *name = PyModule_GetNameObject(module);
    if (name == NULL) {
        return -1;
    }
    int res = -1;
    if (PyModule_Check(module) && alloc_state((PyModuleObject *)module, def) < 0) {
        goto done;
    }
    for (PyModuleDef_Slot *cur = def->m_slots; cur && cur->slot; cur++) {
        if (_PyModuleSlot_ResolveID(cur->slot) != Py_mod_exec) {  /* abi3t */
            continue;
        }
        int (*exec)(PyObject *) = (int (*)(PyObject *))cur->value;
        int ret = exec(module);
        if (ret != 0) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_SystemError,
                             "execution of module %U failed without setting an exception",
                             name);
            }
            goto done;
        }
        if (PyErr_Occurred()) {
            PyErr_Format(PyExc_SystemError,
                         "execution of module %U raised unreported exception", name);
            goto done;
        }
    }
    res = 0;
done:
    Py_DECREF(name);
    return res;
}

#ifdef Py_GIL_DISABLED
int PyUnstable_Module_SetGIL(PyObject *module, void *gil)
{
    if (!PyModule_Check(module)) {
        PyErr_BadInternalCall();
        return -1;
    }
    ((PyModuleObject *)module)->md_gil = gil;
    return 0;
}
#endif

/* ---- accessors ------------------------------------------------------------------------ */

PyObject *PyModule_GetDict(PyObject *m)
{
    if (!PyModule_Check(m)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return _PyModule_GetDict(m);
}

PyObject *PyModule_GetNameObject(PyObject *m)
{
    if (!PyModule_Check(m)) {
        PyErr_BadArgument();
        return NULL;
    }
    PyObject *name;
    if (PyDict_GetItemRef(_PyModule_GetDict(m), _Py_INTERNED_ID(__name__), &name) <= 0
            || !PyUnicode_Check(name)) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "nameless module");
        }
        Py_XDECREF(name);
        return NULL;
    }
    return name;
}

/* The UTF-8 name, valid while the module's __name__ is unchanged (the
   module dict keeps the str alive). */
const char *PyModule_GetName(PyObject *m)
{
    PyObject *name = PyModule_GetNameObject(m);
    if (name == NULL) {
        return NULL;
    }
    const char *s = PyUnicode_AsUTF8(name);
    Py_DECREF(name);
    return s;
}

PyObject *PyModule_GetFilenameObject(PyObject *m)
{
    if (!PyModule_Check(m)) {
        PyErr_BadArgument();
        return NULL;
    }
    PyObject *file;
    if (PyDict_GetItemRef(_PyModule_GetDict(m), _Py_INTERNED_ID(__file__), &file) <= 0
            || !PyUnicode_Check(file)) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "module filename missing");
        }
        Py_XDECREF(file);
        return NULL;
    }
    return file;
}

const char *PyModule_GetFilename(PyObject *m)
{
    PyObject *file = PyModule_GetFilenameObject(m);
    if (file == NULL) {
        return NULL;
    }
    const char *s = PyUnicode_AsUTF8(file);
    Py_DECREF(file);
    return s;
}

PyModuleDef *PyModule_GetDef(PyObject *m)
{
    if (!PyModule_Check(m)) {
        PyErr_BadArgument();
        return NULL;
    }
    if (((PyModuleObject *)m)->md_def_owned) {  /* abi3t: no PyModuleDef */
        return NULL;
    }
    return _PyModule_GetDef(m);
}

void *PyModule_GetState(PyObject *m)
{
    if (!PyModule_Check(m)) {
        PyErr_BadArgument();
        return NULL;
    }
    return _PyModule_GetState(m);
}

/* ---- the module type ---------------------------------------------------------------- */

static PyObject *module_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return (PyObject *)alloc_module(type);
}

/* module(name, doc=None) */
static int module_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "doc", NULL};
    PyObject *name, *doc = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U|O:module", kwlist,
                                     &name, &doc)) {
        return -1;
    }
    PyModuleObject *m = (PyModuleObject *)self;
    Py_XSETREF(m->md_name, Py_NewRef(name));
    return module_init_dict(m->md_dict, name, doc);
}

static void module_dealloc(PyObject *self)
{
    PyModuleObject *m = (PyModuleObject *)self;
    PyObject_GC_UnTrack(self);
    if (m->md_def != NULL && m->md_def->m_free != NULL
            && (m->md_def->m_size <= 0 || m->md_state != NULL)) {
        m->md_def->m_free(self);
    }
    if (m->md_def_owned) {  /* abi3t: built from slots */
        PyMem_Free(m->md_def);
        m->md_def = NULL;
    }
    if (m->md_weaklist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    Py_XDECREF(m->md_dict);
    Py_XDECREF(m->md_name);
    PyMem_Free(m->md_state);
    Py_TYPE(self)->tp_free(self);
}

static int module_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyModuleObject *m = (PyModuleObject *)self;
    if (m->md_def != NULL && m->md_def->m_traverse != NULL
            && (m->md_def->m_size <= 0 || m->md_state != NULL)) {
        int res = m->md_def->m_traverse(self, visit, arg);
        if (res) {
            return res;
        }
    }
    Py_VISIT(m->md_dict);
    return 0;
}

static int module_clear(PyObject *self)
{
    PyModuleObject *m = (PyModuleObject *)self;
    if (m->md_def != NULL && m->md_def->m_clear != NULL
            && (m->md_def->m_size <= 0 || m->md_state != NULL)) {
        int res = m->md_def->m_clear(self);
        if (res) {
            return res;
        }
    }
    if (m->md_dict != NULL) {
        PyDict_Clear(m->md_dict);
    }
    return 0;
}

/* Whether `loader` is importlib's NamespaceLoader (looked up in
   sys.modules; nothing is imported here).  -1 on error. */
static int is_namespace_loader(PyObject *loader)
{
    PyObject *modname = PyUnicode_FromString("_frozen_importlib_external");
    if (modname == NULL) {
        return -1;
    }
    PyObject *mod = PyImport_GetModule(modname);
    Py_DECREF(modname);
    if (mod == NULL) {
        return PyErr_Occurred() ? -1 : 0;
    }
    PyObject *cls = NULL;
    int r = PyObject_GetOptionalAttrString(mod, "NamespaceLoader", &cls);
    Py_DECREF(mod);
    if (r > 0) {
        r = PyObject_IsInstance(loader, cls);
    }
    Py_XDECREF(cls);
    return r;
}

/* A spec without an origin, as importlib's _module_repr_from_spec:
   "<module 'name'>" without a loader, "(namespace) from [paths]" for
   a NamespaceLoader, else "(<loader repr>)". */
static PyObject *repr_without_origin(PyObject *spec, PyObject *name)
{
    PyObject *loader = NULL, *paths = NULL, *res = NULL;
    if (PyObject_GetOptionalAttrString(spec, "loader", &loader) < 0) {
        return NULL;
    }
    if (loader == NULL || loader == Py_None) {
        res = PyUnicode_FromFormat("<module %R>", name);
    }
    else {
        int ns = is_namespace_loader(loader);
        if (ns > 0 && PyObject_GetOptionalAttrString(loader, "_path",
                                                     &paths) > 0) {
            PyObject *list = PySequence_List(paths);
            res = list == NULL ? NULL : PyUnicode_FromFormat(
                "<module %R (namespace) from %R>", name, list);
            Py_XDECREF(list);
        }
        else if (ns >= 0 && !PyErr_Occurred()) {
            res = PyUnicode_FromFormat("<module %R (%R)>", name, loader);
        }
    }
    Py_XDECREF(loader);
    Py_XDECREF(paths);
    return res;
}

/* The repr importlib gives a module from its spec: "from 'path'" for a
   spec with a location, "(origin)" without one (built-in), and
   repr_without_origin's forms.  NULL with no error when the spec lacks
   a name attribute. */
static PyObject *repr_from_spec(PyObject *spec)
{
    PyObject *name = NULL, *origin = NULL, *has_location = NULL;
    PyObject *res = NULL;
    if (PyObject_GetOptionalAttrString(spec, "name", &name) <= 0
            || PyObject_GetOptionalAttrString(spec, "origin", &origin) < 0
            || PyObject_GetOptionalAttrString(spec, "has_location",
                                              &has_location) < 0) {
        goto done;
    }
    if (name == Py_None) {
        Py_SETREF(name, PyUnicode_FromString("?"));
        if (name == NULL) {
            goto done;
        }
    }
    if (origin == NULL || origin == Py_None) {
        res = repr_without_origin(spec, name);
    }
    else if (has_location != NULL && PyObject_IsTrue(has_location) > 0) {
        res = PyUnicode_FromFormat("<module %R from %R>", name, origin);
    }
    else {
        res = PyUnicode_FromFormat("<module %R (%S)>", name, origin);
    }
done:
    Py_XDECREF(name);
    Py_XDECREF(origin);
    Py_XDECREF(has_location);
    return res;
}

static PyObject *module_repr(PyObject *self)
{
    PyObject *dict = _PyModule_GetDict(self);
    PyObject *spec;
    if (PyDict_GetItemRef(dict, _Py_INTERNED_ID(__spec__), &spec) < 0) {
        return NULL;
    }
    if (spec != NULL && spec != Py_None) {
        PyObject *res = repr_from_spec(spec);
        Py_DECREF(spec);
        if (res != NULL || PyErr_Occurred()) {
            return res;
        }
    }
    else {
        Py_XDECREF(spec);
    }
    PyObject *name = NULL, *file = NULL, *res;
    if (PyDict_GetItemRef(dict, _Py_INTERNED_ID(__name__), &name) < 0
            || PyDict_GetItemRef(dict, _Py_INTERNED_ID(__file__), &file) < 0) {
        Py_XDECREF(name);
        return NULL;
    }
    if (name == NULL) {
        name = PyUnicode_FromString("?");
        if (name == NULL) {
            Py_XDECREF(file);
            return NULL;
        }
    }
    PyObject *loader = NULL;
    if (file == NULL
            && PyDict_GetItemRef(dict, _Py_INTERNED_ID(__loader__), &loader) < 0) {
        Py_DECREF(name);
        return NULL;
    }
    if (file != NULL) {
        res = PyUnicode_FromFormat("<module %R from %R>", name, file);
    }
    else if (loader != NULL && loader != Py_None) {
        /* No spec and no file: the loader names it, as importlib. */
        res = PyUnicode_FromFormat("<module %R (%R)>", name, loader);
    }
    else {
        res = PyUnicode_FromFormat("<module %R>", name);
    }
    Py_DECREF(name);
    Py_XDECREF(file);
    Py_XDECREF(loader);
    return res;
}

/* Generic lookup, then a module-level __getattr__ (PEP 562). */
PyObject *_Py_module_getattro_impl(PyObject *self, PyObject *name, int suppress)
{
    PyObject *attr = _PyObject_GenericGetAttrWithDict(self, name, NULL, 1);
    if (attr != NULL && PyLazyImport_CheckExact(attr)) {
        /* PEP 810: a lazy import bound in the module resolves on access. */
        Py_SETREF(attr, _PyLazyImport_ResolveInDict(_PyModule_GetDict(self),
                                                    name, attr));
    }
    if (attr != NULL || PyErr_Occurred()) {
        return attr;
    }
    PyObject *dict = _PyModule_GetDict(self);
    PyObject *getattr;
    if (PyDict_GetItemRef(dict, _Py_INTERNED_ID(__getattr__), &getattr) < 0) {
        return NULL;
    }
    if (getattr != NULL) {
        PyObject *res = PyObject_CallOneArg(getattr, name);
        Py_DECREF(getattr);
        if (res == NULL && suppress && PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Clear();
        }
        return res;
    }
    if (suppress) {
        return NULL;
    }
    PyObject *mod_name;
    if (PyDict_GetItemRef(dict, _Py_INTERNED_ID(__name__), &mod_name) < 0) {
        return NULL;
    }
    if (mod_name != NULL && PyUnicode_Check(mod_name)) {
        PyErr_Format(PyExc_AttributeError, "module '%U' has no attribute '%U'",
                     mod_name, name);
    }
    else {
        PyErr_Format(PyExc_AttributeError, "module has no attribute '%U'", name);
    }
    Py_XDECREF(mod_name);
    _PyObject_SetAttributeErrorContext(self, name);
    return NULL;
}

PyObject *_Py_module_getattro(PyObject *self, PyObject *name)
{
    return _Py_module_getattro_impl(self, name, 0);
}

/* dir(module): the namespace's keys, or the module's own __dir__(). */
static PyObject *module_dir(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *dict = PyObject_GetAttr(self, _Py_INTERNED_ID(__dict__));
    if (dict == NULL) {
        return NULL;
    }
    if (!PyDict_Check(dict)) {
        PyErr_Format(PyExc_TypeError, "<module>.__dict__ is not a dictionary");
        Py_DECREF(dict);
        return NULL;
    }
    PyObject *dirfunc, *result;
    if (PyDict_GetItemRef(dict, _Py_INTERNED_ID(__dir__), &dirfunc) < 0) {
        Py_DECREF(dict);
        return NULL;
    }
    if (dirfunc != NULL) {
        result = _PyObject_CallNoArgs(dirfunc);
        Py_DECREF(dirfunc);
    }
    else {
        result = PyDict_Keys(dict);
    }
    Py_DECREF(dict);
    return result;
}

/* A new reference to the result of calling annotate(1) (the VALUE
   format, PEP 649), which must be a dict; an empty dict when annotate is
   not callable (absent or None). */
PyObject *_PyAnnotate_CallValue(PyObject *annotate)
{
    if (annotate == NULL || !PyCallable_Check(annotate)) {
        return PyDict_New();
    }
    PyObject *format = PyLong_FromLong(1);
    PyObject *annotations = format ? PyObject_CallOneArg(annotate, format) : NULL;
    Py_XDECREF(format);
    if (annotations != NULL && !PyDict_Check(annotations)) {
        PyErr_Format(PyExc_TypeError,
                     "__annotate__ returned non-dict of type '%.100s'",
                     Py_TYPE(annotations)->tp_name);
        Py_CLEAR(annotations);
    }
    return annotations;
}

/* 1 while the module's code is still running (__spec__._initializing). */
static int module_initializing(PyObject *dict)
{
    PyObject *spec;
    if (PyDict_GetItemRef(dict, _Py_INTERNED_ID(__spec__), &spec) <= 0) {
        PyErr_Clear();
        return 0;
    }
    PyObject *value;
    int initializing = 0;
    if (PyObject_GetOptionalAttrString(spec, "_initializing", &value) > 0) {
        initializing = PyObject_IsTrue(value) > 0;
        Py_DECREF(value);
    }
    PyErr_Clear();
    Py_DECREF(spec);
    return initializing;
}

int _PyModule_IsInitializing(PyObject *module)
{
    PyObject *dict = _PyModule_GetDict(module);
    return dict != NULL && module_initializing(dict);
}

/* PEP 649: the annotations come from calling __annotate__ the first time;
   they are cached in __annotations__ once the module has finished
   executing (earlier, later annotations may still be added). */
static PyObject *module_get_annotations(PyObject *self, void *closure)
{
    PyObject *dict = _PyModule_GetDict(self);
    PyObject *annotations;
    if (PyDict_GetItemRef(dict, _Py_INTERNED_ID(__annotations__), &annotations) != 0) {
        return annotations;
    }
    PyObject *annotate;
    if (PyDict_GetItemRef(dict, _Py_INTERNED_ID(__annotate__), &annotate) < 0) {
        return NULL;
    }
    annotations = _PyAnnotate_CallValue(annotate);
    Py_XDECREF(annotate);
    if (annotations != NULL && !module_initializing(dict)
            && PyDict_SetItem(dict, _Py_INTERNED_ID(__annotations__),
                              annotations) < 0) {
        Py_CLEAR(annotations);
    }
    return annotations;
}

static int module_set_annotations(PyObject *self, PyObject *value, void *closure)
{
    PyObject *dict = _PyModule_GetDict(self);
    if (value != NULL) {
        return PyDict_SetItem(dict, _Py_INTERNED_ID(__annotations__), value);
    }
    int rc = PyDict_Pop(dict, _Py_INTERNED_ID(__annotations__), NULL);
    if (rc == 0) {
        PyErr_SetObject(PyExc_AttributeError, _Py_INTERNED_ID(__annotations__));
        return -1;
    }
    return rc < 0 ? -1 : 0;
}

static PyMethodDef module_methods[] = {
    {"__dir__", module_dir, METH_NOARGS,
     "__dir__($self, /)\n--\n\n__dir__() -> list\nspecialized dir() implementation"},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef module_members[] = {
    {"__dict__", _Py_T_OBJECT, offsetof(PyModuleObject, md_dict), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef module_getsets[] = {
    {"__annotations__", module_get_annotations, module_set_annotations, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyModule_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "module",
    .tp_basicsize = sizeof(PyModuleObject),
    .tp_dealloc = module_dealloc,
    .tp_repr = module_repr,
    .tp_getattro = _Py_module_getattro,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "module(name, doc=None)\n--\n\n"
              "Create a module object.\n\n"
              "The name must be a string; the optional doc argument can have any type.",
    .tp_traverse = module_traverse,
    .tp_clear = module_clear,
    .tp_weaklistoffset = offsetof(PyModuleObject, md_weaklist),
    .tp_methods = module_methods,
    .tp_members = module_members,
    .tp_getset = module_getsets,
    .tp_dictoffset = offsetof(PyModuleObject, md_dict),
    .tp_init = module_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = module_new,
    .tp_free = PyObject_GC_Del,
};
