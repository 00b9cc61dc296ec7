/* The path-based finders (CPython's importlib._bootstrap_external):
   PathFinder, which walks sys.path through sys.path_hooks and
   sys.path_importer_cache, and FileFinder with its path hook, which finds
   a module's file in one directory.  The loaders and the path helpers
   they use are in Python/import_machinery.c.

   Thread safety (free-threaded build): a FileFinder's directory cache is
   read and written inside the finder's critical section
   (_PyImport_LoadRef/StoreRef); a published cache set is never mutated,
   only replaced, so lookups in it need no lock.  sys.path_importer_cache
   is a dict; a finder is inserted with setdefault, so threads racing on a
   new path entry all use one finder.  Doc/internals/import.md has the
   whole picture. */
#include "Python.h"
#include "import.h"
#include "sysmodule.h"
#include "cpython/critical_section.h"
#include "pycore_compile.h"
#include "pycore_import.h"
#include "pycore_initconfig.h"
#include "pycore_pyc.h"
#include "pycore_pystate.h"
#include "pycore_typeobject.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>



/* ---- FileFinder ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *path;             /* absolute directory */
    PyObject *loaders;          /* `_loaders`: list of (suffix, loader class) */
    PyObject *cache;            /* `_path_cache`: set of names, never mutated
                                   once published; under the critical section */
    PyObject *stems;            /* dict: the part of each cached name before
                                   its first dot -> list of those names;
                                   published with `cache`; NULL when
                                   `_path_cache` was assigned from outside */
    double mtime;               /* `_path_mtime`, -1 when invalid */
    struct timespec stamp;      /* exact directory mtime of `cache` */
    int stamp_valid;
} finderobject;

#define FINDER(op) ((finderobject *)(op))

/* (loader, [suffix...]) pairs flattened into (suffix, loader) tuples. */
static PyObject *flatten_loader_details(PyObject *details)
{
    PyObject *loaders = PyList_New(0);
    Py_ssize_t n = PyTuple_GET_SIZE(details);
    for (Py_ssize_t i = 0; loaders != NULL && i < n; i++) {
        PyObject *loader, *suffixes;
        if (!PyArg_ParseTuple(PyTuple_GET_ITEM(details, i),
                              "OO;loader details must be (loader, suffixes) pairs",
                              &loader, &suffixes)) {
            Py_CLEAR(loaders);
            break;
        }
        PyObject *seq = PySequence_Fast(suffixes, "suffixes must be a sequence");
        for (Py_ssize_t j = 0; seq != NULL && j < PySequence_Fast_GET_SIZE(seq); j++) {
            PyObject *pair = PyTuple_Pack(2, PySequence_Fast_GET_ITEM(seq, j),
                                          loader);
            if (pair == NULL || PyList_Append(loaders, pair) < 0) {
                Py_XDECREF(pair);
                Py_CLEAR(seq);
                break;
            }
            Py_DECREF(pair);
        }
        if (seq == NULL) {
            Py_CLEAR(loaders);
            break;
        }
        Py_DECREF(seq);
    }
    return loaders;
}

static int finder_setup(PyObject *op, PyObject *path, PyObject *details)
{
    PyObject *loaders = flatten_loader_details(details);
    if (loaders == NULL) {
        return -1;
    }
    PyObject *abs;
    if (PyUnicode_GET_LENGTH(path) == 0
            || PyUnicode_CompareWithASCIIString(path, ".") == 0) {
        abs = _PyImport_CurrentDir();
    }
    else {
        abs = _PyImport_PathAbsolute(path);
    }
    PyObject *cache = abs ? PySet_New(NULL) : NULL;
    if (cache == NULL) {
        Py_XDECREF(abs);
        Py_DECREF(loaders);
        return -1;
    }
    finderobject *self = FINDER(op);
    Py_BEGIN_CRITICAL_SECTION(op);
    Py_XSETREF(self->path, abs);
    Py_XSETREF(self->loaders, loaders);
    Py_XSETREF(self->cache, cache);
    Py_CLEAR(self->stems);
    self->mtime = -1;
    self->stamp_valid = 0;
    Py_END_CRITICAL_SECTION();
    return 0;
}

static int finder_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        PyErr_SetString(PyExc_TypeError, "FileFinder() takes no keyword "
                        "arguments");
        return -1;
    }
    if (PyTuple_GET_SIZE(args) < 1) {
        PyErr_SetString(PyExc_TypeError, "FileFinder() missing required "
                        "argument 'path' (pos 1)");
        return -1;
    }
    PyObject *path = _PyImport_FSPathStr(PyTuple_GET_ITEM(args, 0));
    if (path == NULL) {
        return -1;
    }
    if (!PyUnicode_Check(path)) {
        Py_SETREF(path, PyUnicode_DecodeFSDefaultAndSize(
            PyBytes_AS_STRING(path), PyBytes_GET_SIZE(path)));
        if (path == NULL) {
            return -1;
        }
    }
    PyObject *details = PyTuple_GetSlice(args, 1, PyTuple_GET_SIZE(args));
    int res = details ? finder_setup(op, path, details) : -1;
    Py_XDECREF(details);
    Py_DECREF(path);
    return res;
}

static int finder_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(FINDER(op)->path);
    Py_VISIT(FINDER(op)->loaders);
    Py_VISIT(FINDER(op)->cache);
    Py_VISIT(FINDER(op)->stems);
    return 0;
}

static int finder_clear(PyObject *op)
{
    Py_CLEAR(FINDER(op)->path);
    Py_CLEAR(FINDER(op)->loaders);
    Py_CLEAR(FINDER(op)->cache);
    Py_CLEAR(FINDER(op)->stems);
    return 0;
}

static void finder_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    finder_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static PyObject *finder_repr(PyObject *op)
{
    PyObject *path = _PyImport_LoadRef(op, &FINDER(op)->path);
    PyObject *res = PyUnicode_FromFormat("FileFinder(%R)", path ? path : Py_None);
    Py_XDECREF(path);
    return res;
}

/* The names in directory path as a new set (empty when it cannot be
   listed, as CPython). */
static PyObject *list_directory(PyObject *path)
{
    PyObject *names = PySet_New(NULL);
    PyObject *bytes = names ? PyUnicode_EncodeFSDefault(path) : NULL;
    if (bytes == NULL) {
        Py_XDECREF(names);
        return NULL;
    }
    DIR *dir = opendir(PyBytes_AS_STRING(bytes));
    Py_DECREF(bytes);
    if (dir == NULL) {
        return names;
    }
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        const char *n = entry->d_name;
        if (n[0] == '.' && (n[1] == '\0' || (n[1] == '.' && n[2] == '\0'))) {
            continue;
        }
        PyObject *name = PyUnicode_DecodeFSDefault(n);
        if (name == NULL || PySet_Add(names, name) < 0) {
            Py_XDECREF(name);
            Py_CLEAR(names);
            break;
        }
        Py_DECREF(name);
    }
    closedir(dir);
    return names;
}

/* Groups names by their part before the first dot, so a lookup finds
   name + suffix without building the string: a module file's name is
   its module name followed by a suffix that starts with a dot. */
static PyObject *index_by_stem(PyObject *names)
{
    PyObject *stems = PyDict_New();
    PyObject *it = stems ? PyObject_GetIter(names) : NULL;
    if (it == NULL) {
        Py_XDECREF(stems);
        return NULL;
    }
    PyObject *name;
    while (stems != NULL && (name = PyIter_Next(it)) != NULL) {
        Py_ssize_t len = PyUnicode_GET_LENGTH(name);
        Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, 1);
        PyObject *stem = dot > 0 ? PyUnicode_Substring(name, 0, dot) : NULL;
        PyObject *group = NULL;
        int ok = dot <= 0;
        if (stem != NULL) {
            ok = PyDict_SetDefaultRef(stems, stem, Py_None, &group) >= 0;
            if (ok && group == Py_None) {
                Py_SETREF(group, PyList_New(0));
                ok = group != NULL && PyDict_SetItem(stems, stem, group) == 0;
            }
            ok = ok && PyList_Append(group, name) == 0;
        }
        Py_XDECREF(group);
        Py_XDECREF(stem);
        Py_DECREF(name);
        if (!ok) {
            Py_CLEAR(stems);
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_CLEAR(stems);
    }
    return stems;
}

/* Refills the cache under the finder's critical section. */
static int finder_fill_cache_locked(finderobject *self)
{
    PyObject *names = list_directory(self->path);
    PyObject *stems = names ? index_by_stem(names) : NULL;
    if (stems == NULL) {
        Py_XDECREF(names);
        return -1;
    }
    Py_XSETREF(self->cache, names);
    Py_XSETREF(self->stems, stems);
    return 0;
}

static PyObject *finder_fill_cache(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    int res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = finder_fill_cache_locked(FINDER(op));
    Py_END_CRITICAL_SECTION();
    if (res < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* A new reference to the directory listing, refreshed when the
   directory's mtime changed (or invalidate_caches() was called) since it
   was read, and in *stems its index by stem (NULL when there is none).
   The listing happens inside the critical section so two threads do not
   both list one directory. */
static PyObject *finder_current_cache(PyObject *op, PyObject **stems)
{
    *stems = NULL;
    finderobject *self = FINDER(op);
    PyObject *path = _PyImport_LoadRef(op, &self->path);
    if (path == NULL) {
        PyErr_SetString(PyExc_ValueError, "FileFinder is not initialized");
        return NULL;
    }
    struct stat st;
    int found = _PyImport_StatPath(path, &st);
    Py_DECREF(path);
    if (found < 0) {
        return NULL;
    }
    PyObject *cache = NULL;
    int err = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    double mtime = found ? (double)st.st_mtim.tv_sec + st.st_mtim.tv_nsec * 1e-9
                         : -1.0;
    int fresh = self->stamp_valid && found && self->mtime == mtime
                && self->stamp.tv_sec == st.st_mtim.tv_sec
                && self->stamp.tv_nsec == st.st_mtim.tv_nsec;
    if (!fresh) {
        err = finder_fill_cache_locked(self);
        self->mtime = mtime;
        self->stamp = st.st_mtim;
        self->stamp_valid = found;
    }
    if (!err) {
        cache = Py_NewRef(self->cache);
        *stems = Py_XNewRef(self->stems);
    }
    Py_END_CRITICAL_SECTION();
    return cache;
}

/* Is tail + suffix among the directory's names?  With the stem index no
   string is built. */
static int listed_with_suffix(PyObject *cache, PyObject *group,
                              PyObject *tail, PyObject *suffix)
{
    if (group == NULL) {
        PyObject *file = PyUnicode_Concat(tail, suffix);
        if (file == NULL) {
            return -1;
        }
        int listed = PySet_Contains(cache, file);
        Py_DECREF(file);
        return listed;
    }
    if (group == Py_None) {
        return 0;
    }
    Py_ssize_t want = PyUnicode_GET_LENGTH(tail) + PyUnicode_GET_LENGTH(suffix);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(group); i++) {
        PyObject *name = PyList_GET_ITEM(group, i);
        if (PyUnicode_GET_LENGTH(name) == want
                && PyUnicode_Tailmatch(name, suffix, 0, want, 1) == 1) {
            return 1;
        }
    }
    return 0;
}

/* The spec for a file the finder found: built directly for the C loader
   classes, through spec_from_file_location semantics otherwise. */
static PyObject *finder_make_spec(PyObject *loader_class, PyObject *fullname,
                                  PyObject *path, PyObject *locations)
{
    PyTypeObject *lt = (PyTypeObject *)loader_class;
    PyObject *loader;
    if (lt == &_PySourceFileLoader_Type || lt == &_PySourcelessFileLoader_Type
            || lt == &_PyExtensionFileLoader_Type) {
        loader = _PyImport_LoaderNewExact(lt, fullname, path);
    }
    else {
        PyObject *args[2] = {fullname, path};
        loader = PyObject_Vectorcall(loader_class, args, 2, NULL);
    }
    if (loader == NULL) {
        return NULL;
    }
    PyObject *spec = _PyImport_FileSpecNew(fullname, loader, path, locations);
    Py_DECREF(loader);
    return spec;
}

static void verbose_trying(PyObject *path)
{
    if (_PyImport_Verbose() >= 2) {
        PySys_FormatStderr("# trying %U\n", path);
    }
}

/* FileFinder.find_spec for the exact class. */
static PyObject *finder_find(PyObject *op, PyObject *fullname)
{
    finderobject *self = FINDER(op);
    PyObject *stems;
    PyObject *cache = finder_current_cache(op, &stems);
    if (cache == NULL) {
        return NULL;
    }
    PyObject *group = NULL;     /* the names with tail's stem; None: none */
    PyObject *tail = _PyImport_NameTail(fullname);
    PyObject *dir = _PyImport_LoadRef(op, &self->path);
    PyObject *loaders = _PyImport_LoadRef(op, &self->loaders);
    PyObject *result = NULL, *base = NULL;
    int is_namespace = 0;
    if (tail == NULL || dir == NULL || loaders == NULL) {
        goto done;
    }
    int present = PySet_Contains(cache, tail);
    if (present < 0) {
        goto done;
    }
    if (stems != NULL) {
        if (PyDict_GetItemRef(stems, tail, &group) < 0) {
            goto done;
        }
        if (group == NULL) {
            group = Py_NewRef(Py_None);
        }
    }
    if (present) {
        base = _PyImport_PathJoin(dir, tail);
        if (base == NULL) {
            goto done;
        }
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(loaders); i++) {
            PyObject *pair = PyList_GET_ITEM(loaders, i);
            PyObject *init = PyUnicode_FromFormat("%U/__init__%S", base,
                                                  PyTuple_GET_ITEM(pair, 0));
            int isfile = init ? _PyImport_PathIsFile(init) : -1;
            if (isfile != 0) {
                if (isfile > 0) {
                    PyObject *locs = PyList_New(1);
                    if (locs != NULL) {
                        PyList_SET_ITEM(locs, 0, Py_NewRef(base));
                        result = finder_make_spec(PyTuple_GET_ITEM(pair, 1),
                                                  fullname, init, locs);
                        Py_DECREF(locs);
                    }
                }
                Py_XDECREF(init);
                goto done;
            }
            Py_DECREF(init);
        }
        is_namespace = _PyImport_PathIsDir(base);
        if (is_namespace < 0) {
            goto done;
        }
    }
    int verbose = _PyImport_Verbose() >= 2;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(loaders); i++) {
        PyObject *pair = PyList_GET_ITEM(loaders, i);
        PyObject *suffix = PyTuple_GET_ITEM(pair, 0);
        if (!PyUnicode_Check(suffix)) {
            PyErr_SetString(PyExc_TypeError, "FileFinder suffixes must be str");
            goto done;
        }
        int listed = listed_with_suffix(cache, group, tail, suffix);
        /* The full path is built only when it will be used. */
        PyObject *file = listed < 0 ? NULL
                         : listed || verbose ? PyUnicode_Concat(tail, suffix)
                         : Py_NewRef(Py_None);
        PyObject *full = file == NULL || file == Py_None ? Py_XNewRef(file)
                         : _PyImport_PathJoin(dir, file);
        Py_XDECREF(file);
        if (full == NULL) {
            goto done;
        }
        if (full == Py_None) {
            Py_DECREF(full);
            continue;
        }
        verbose_trying(full);
        int isfile = listed > 0 ? _PyImport_PathIsFile(full) : 0;
        if (isfile != 0) {
            if (isfile > 0) {
                result = finder_make_spec(PyTuple_GET_ITEM(pair, 1),
                                          fullname, full, NULL);
            }
            Py_DECREF(full);
            goto done;
        }
        Py_DECREF(full);
    }
    if (is_namespace) {
        if (_PyImport_Verbose() >= 2) {
            PySys_FormatStderr("# possible namespace for %U\n", base);
        }
        result = _PyModuleSpec_New(fullname, Py_None, Py_None, 0);
        PyObject *locs = result ? PyList_New(1) : NULL;
        if (locs == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(locs, 0, Py_NewRef(base));
        int err = _PyModuleSpec_SetLocations(result, locs);
        Py_DECREF(locs);
        if (err < 0) {
            Py_CLEAR(result);
        }
        goto done;
    }
    /* Extension-loading work: the foreign-ABI refusal (see above). */
    if (_PyImport_RefuseForeignExtension(fullname, dir, tail, cache, loaders) < 0) {
        goto done;
    }
    result = Py_NewRef(Py_None);
done:
    Py_XDECREF(base);
    Py_XDECREF(tail);
    Py_XDECREF(dir);
    Py_XDECREF(loaders);
    Py_XDECREF(group);
    Py_XDECREF(stems);
    Py_DECREF(cache);
    return result;
}

static PyObject *finder_find_spec(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"fullname", "target", NULL};
    PyObject *fullname, *target = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U|O:find_spec", kwlist,
                                     &fullname, &target)) {
        return NULL;
    }
    return finder_find(op, fullname);
}

static PyObject *finder_invalidate_caches(PyObject *op,
                                          PyObject *Py_UNUSED(ignored))
{
    Py_BEGIN_CRITICAL_SECTION(op);
    FINDER(op)->mtime = -1;
    FINDER(op)->stamp_valid = 0;
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyObject *pathhook_new(PyObject *cls, PyObject *details);

static PyObject *finder_path_hook(PyObject *cls, PyObject *args)
{
    return pathhook_new(cls, args);
}

static PyObject *finder_get_cache(PyObject *op, void *closure)
{
    (void)closure;
    PyObject *cache = _PyImport_LoadRef(op, &FINDER(op)->cache);
    return cache ? cache : PySet_New(NULL);
}

static int finder_set_cache(PyObject *op, PyObject *value, void *closure)
{
    (void)closure;
    if (value == NULL || !PyAnySet_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "_path_cache must be a set");
        return -1;
    }
    /* A listing from outside has no stem index: lookups use the set. */
    PyObject *old_cache, *old_stems;
    Py_BEGIN_CRITICAL_SECTION(op);
    old_cache = FINDER(op)->cache;
    old_stems = FINDER(op)->stems;
    FINDER(op)->cache = Py_NewRef(value);
    FINDER(op)->stems = NULL;
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(old_cache);
    Py_XDECREF(old_stems);
    return 0;
}

static PyObject *finder_get_mtime(PyObject *op, void *closure)
{
    (void)closure;
    double mtime;
    Py_BEGIN_CRITICAL_SECTION(op);
    mtime = FINDER(op)->stamp_valid ? FINDER(op)->mtime : -1.0;
    Py_END_CRITICAL_SECTION();
    if (mtime == -1.0) {
        return PyLong_FromLong(-1);
    }
    return PyFloat_FromDouble(mtime);
}

/* Assigning _path_mtime (tests do, to force a refresh) invalidates. */
static int finder_set_mtime(PyObject *op, PyObject *value, void *closure)
{
    (void)closure;
    double mtime = value ? PyFloat_AsDouble(value) : -1.0;
    if (mtime == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    Py_BEGIN_CRITICAL_SECTION(op);
    FINDER(op)->mtime = mtime;
    FINDER(op)->stamp_valid = 0;
    Py_END_CRITICAL_SECTION();
    return 0;
}

static PyObject *finder_get_relaxed(PyObject *op, void *closure)
{
    (void)op;
    (void)closure;
    return PySet_New(NULL);
}

static PyGetSetDef finder_getsets[] = {
    {"_path_cache", finder_get_cache, finder_set_cache, NULL, NULL},
    {"_path_mtime", finder_get_mtime, finder_set_mtime, NULL, NULL},
    {"_relaxed_path_cache", finder_get_relaxed, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef finder_members[] = {
    {"path", _Py_T_OBJECT, offsetof(finderobject, path), 0, NULL},
    {"_loaders", _Py_T_OBJECT, offsetof(finderobject, loaders), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyMethodDef finder_methods[] = {
    {"find_spec", _PyCFunction_CAST(finder_find_spec),
     METH_VARARGS | METH_KEYWORDS,
     "Try to find a spec for the specified module."},
    {"invalidate_caches", finder_invalidate_caches, METH_NOARGS,
     "Invalidate the directory mtime."},
    {"_fill_cache", finder_fill_cache, METH_NOARGS,
     "Fill the cache of potential modules and packages for this directory."},
    {"path_hook", finder_path_hook, METH_VARARGS | METH_CLASS,
     "A class method which returns a closure to use on sys.path_hook which "
     "will return an instance using the specified loaders and the path "
     "called on the closure."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyFileFinder_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_frozen_importlib_external.FileFinder",
    .tp_basicsize = sizeof(finderobject),
    .tp_dealloc = finder_dealloc,
    .tp_repr = finder_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "FileFinder(path, *loader_details)\n--\n\n"
              "File-based finder.\n\nInteractions with the file system are "
              "cached for performance, being refreshed when the directory "
              "the finder is handling has been modified.",
    .tp_traverse = finder_traverse,
    .tp_clear = finder_clear,
    .tp_methods = finder_methods,
    .tp_members = finder_members,
    .tp_getset = finder_getsets,
    .tp_init = finder_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};


/* ---- FileFinder.path_hook's closure ------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *cls;              /* the FileFinder class (or subclass) */
    PyObject *details;          /* tuple of (loader, suffixes) */
} hookobject;

static PyObject *pathhook_new(PyObject *cls, PyObject *details)
{
    hookobject *hook = PyObject_GC_New(hookobject, &_PyFileFinderHook_Type);
    if (hook == NULL) {
        return NULL;
    }
    hook->cls = Py_NewRef(cls);
    hook->details = Py_NewRef(details);
    PyObject_GC_Track(hook);
    return (PyObject *)hook;
}

static PyObject *pathhook_call(PyObject *op, PyObject *args, PyObject *kwds)
{
    hookobject *hook = (hookobject *)op;
    PyObject *path;
    static char *kwlist[] = {"path", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:path_hook_for_FileFinder",
                                     kwlist, &path)) {
        return NULL;
    }
    int isdir = PyUnicode_Check(path) ? _PyImport_PathIsDir(path) : 0;
    if (isdir < 0) {
        return NULL;
    }
    if (!isdir) {
        PyObject *msg = PyUnicode_FromString("only directories are supported");
        if (msg != NULL) {
            PyErr_SetImportError(msg, NULL, path);
            Py_DECREF(msg);
        }
        return NULL;
    }
    if (hook->cls == (PyObject *)&_PyFileFinder_Type) {
        PyObject *finder = PyType_GenericAlloc(&_PyFileFinder_Type, 0);
        if (finder != NULL && finder_setup(finder, path, hook->details) < 0) {
            Py_CLEAR(finder);
        }
        return finder;
    }
    PyObject *call_args = PyTuple_New(1 + PyTuple_GET_SIZE(hook->details));
    if (call_args == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(call_args, 0, Py_NewRef(path));
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(hook->details); i++) {
        PyTuple_SET_ITEM(call_args, i + 1,
                         Py_NewRef(PyTuple_GET_ITEM(hook->details, i)));
    }
    PyObject *finder = PyObject_Call(hook->cls, call_args, NULL);
    Py_DECREF(call_args);
    return finder;
}

static int pathhook_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((hookobject *)op)->cls);
    Py_VISIT(((hookobject *)op)->details);
    return 0;
}

static int pathhook_clear(PyObject *op)
{
    Py_CLEAR(((hookobject *)op)->cls);
    Py_CLEAR(((hookobject *)op)->details);
    return 0;
}

static void pathhook_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    pathhook_clear(op);
    PyObject_GC_Del(op);
}

static PyObject *pathhook_repr(PyObject *op)
{
    return PyUnicode_FromFormat("<function FileFinder.path_hook.<locals>."
                                "path_hook_for_FileFinder at %p>", op);
}

static PyObject *pathhook_get_name(PyObject *op, void *closure)
{
    (void)op;
    (void)closure;
    return PyUnicode_FromString("path_hook_for_FileFinder");
}

static PyObject *pathhook_get_qualname(PyObject *op, void *closure)
{
    (void)op;
    (void)closure;
    return PyUnicode_FromString(
        "FileFinder.path_hook.<locals>.path_hook_for_FileFinder");
}

static PyGetSetDef pathhook_getsets[] = {
    {"__name__", pathhook_get_name, NULL, NULL, NULL},
    {"__qualname__", pathhook_get_qualname, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef pathhook_members[] = {
    {"_finder_class", _Py_T_OBJECT, offsetof(hookobject, cls), Py_READONLY, NULL},
    {"_loader_details", _Py_T_OBJECT, offsetof(hookobject, details),
     Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject _PyFileFinderHook_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_frozen_importlib_external.path_hook_for_FileFinder",
    .tp_basicsize = sizeof(hookobject),
    .tp_dealloc = pathhook_dealloc,
    .tp_repr = pathhook_repr,
    .tp_call = pathhook_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Path hook for FileFinder.",
    .tp_traverse = pathhook_traverse,
    .tp_clear = pathhook_clear,
    .tp_getset = pathhook_getsets,
    .tp_members = pathhook_members,
};

/* The (loader, suffixes) pairs FileFinder uses by default. */
PyObject *_PyImport_SupportedFileLoaders(void)
{
    PyObject *ext = _PyImport_ExtensionSuffixes();
    if (ext == NULL) {
        return NULL;
    }
    return Py_BuildValue("[(ON)(O[s])(O[s])]",
                         &_PyExtensionFileLoader_Type, ext,
                         &_PySourceFileLoader_Type, ".py",
                         &_PySourcelessFileLoader_Type, ".pyc");
}

PyObject *_PyImport_DefaultPathHook(void)
{
    PyObject *loaders = _PyImport_SupportedFileLoaders();
    if (loaders == NULL) {
        return NULL;
    }
    PyObject *details = PyList_AsTuple(loaders);
    Py_DECREF(loaders);
    if (details == NULL) {
        return NULL;
    }
    PyObject *hook = pathhook_new((PyObject *)&_PyFileFinder_Type, details);
    Py_DECREF(details);
    return hook;
}


/* While zipimport was being imported, every archive on sys.path was
   refused and cached as having no finder (None); drop those entries so
   they are asked again.  Other None entries are only re-checked. */
static void forget_refused_entries(void)
{
    PyObject *cache = _PyImport_SysAttr("path_importer_cache");
    PyObject *keys = cache != NULL && PyDict_Check(cache)
                     ? PyDict_Keys(cache) : NULL;
    for (Py_ssize_t i = 0; keys != NULL && i < PyList_GET_SIZE(keys); i++) {
        PyObject *key = PyList_GET_ITEM(keys, i);
        PyObject *value;
        if (PyDict_GetItemRef(cache, key, &value) > 0) {
            if (value == Py_None && PyDict_DelItem(cache, key) < 0) {
                PyErr_Clear();
            }
            Py_DECREF(value);
        }
    }
    Py_XDECREF(keys);
    Py_XDECREF(cache);
    PyErr_Clear();
}

/* sys.path_hooks[0]: entries that are not directories (a ZIP archive, or
   a directory inside one) go to Lib/zipimport.py's zipimporter, imported
   on first use so that start-up does not pay for it.  Directories, the
   common case, are refused at once with ImportError, which sends the
   path finder on to the next hook.  No shared state: safe without the
   GIL. */
static PyObject *zip_path_hook(PyObject *module, PyObject *entry)
{
    struct stat st;
    const char *path = PyUnicode_Check(entry) ? PyUnicode_AsUTF8(entry) : NULL;
    if (path == NULL) {
        PyErr_Clear();
        PyErr_SetString(PyExc_ImportError, "not a Zip file");
        return NULL;
    }
    if (path[0] == '\0' || (stat(path, &st) == 0 && S_ISDIR(st.st_mode))) {
        PyErr_SetString(PyExc_ImportError, "not a Zip file");
        return NULL;
    }
    /* While this thread imports zipimport itself, the archives on sys.path
       cannot be asked yet: refuse them, so the import goes on to the
       standard library's directory. */
    static __thread int importing_zipimport;
    if (importing_zipimport) {
        PyErr_SetString(PyExc_ImportError, "zipimport is being imported");
        return NULL;
    }
    importing_zipimport = 1;
    PyObject *zipimport = PyImport_ImportModule("zipimport");
    importing_zipimport = 0;
    if (zipimport == NULL) {
        return NULL;
    }
    forget_refused_entries();
    PyObject *finder = PyObject_CallMethod(zipimport, "zipimporter", "O", entry);
    Py_DECREF(zipimport);
    return finder;
}

static PyMethodDef zip_path_hook_def = {
    "zipimporter_hook", zip_path_hook, METH_O,
    "zipimporter_hook(path, /)\n--\n\n"
    "A zipimport.zipimporter for a ZIP archive path; ImportError otherwise."
};

PyObject *_PyImport_ZipPathHook(void)
{
    return PyCFunction_New(&zip_path_hook_def, NULL);
}


/* ---- PathFinder ------------------------------------------------------------------- */

/* Asks each of sys.path_hooks for a finder for path entry. */
static PyObject *path_hooks_finder(PyObject *entry)
{
    PyObject *hooks = _PyImport_SysAttr("path_hooks");
    if (hooks == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    PyObject *list = hooks == Py_None ? PyList_New(0) : PySequence_List(hooks);
    if (list == NULL) {
        Py_DECREF(hooks);
        return NULL;
    }
    if (hooks != Py_None && PyList_GET_SIZE(list) == 0
            && PyErr_WarnEx(PyExc_ImportWarning, "sys.path_hooks is empty", 1) < 0) {
        Py_DECREF(list);
        Py_DECREF(hooks);
        return NULL;
    }
    Py_DECREF(hooks);
    PyObject *finder = NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        finder = PyObject_CallOneArg(PyList_GET_ITEM(list, i), entry);
        if (finder != NULL) {
            break;
        }
        if (!PyErr_ExceptionMatches(PyExc_ImportError)) {
            Py_DECREF(list);
            return NULL;
        }
        PyErr_Clear();
    }
    Py_DECREF(list);
    return finder ? finder : Py_NewRef(Py_None);
}

/* sys.path_importer_cache[entry], computed through the path hooks when
   missing ('' stands for the current directory).  setdefault makes
   racing threads share the first finder stored. */
static PyObject *path_importer_cache(PyObject *entry)
{
    PyObject *key;
    if (PyUnicode_GET_LENGTH(entry) == 0) {
        key = _PyImport_CurrentDir();
        if (key == NULL) {
            if (PyErr_ExceptionMatches(PyExc_FileNotFoundError)) {
                PyErr_Clear();
                Py_RETURN_NONE;
            }
            return NULL;
        }
    }
    else {
        key = Py_NewRef(entry);
    }
    PyObject *cache = _PyImport_SysAttr("path_importer_cache");
    if (cache == NULL) {
        Py_DECREF(key);
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_RuntimeError, "lost sys.path_importer_cache");
        }
        return NULL;
    }
    PyObject *finder = NULL;
    int found = PyDict_Check(cache) ? PyDict_GetItemRef(cache, key, &finder)
                                    : -2;
    if (found == -2) {
        finder = PyObject_GetItem(cache, key);
        found = finder ? 1 : PyErr_ExceptionMatches(PyExc_KeyError) ? 0 : -1;
        if (found == 0) {
            PyErr_Clear();
        }
    }
    if (found == 0) {
        finder = path_hooks_finder(key);
        if (finder != NULL) {
            if (PyDict_Check(cache)) {
                PyObject *stored;
                if (PyDict_SetDefaultRef(cache, key, finder, &stored) < 0) {
                    Py_CLEAR(finder);
                }
                else {
                    Py_SETREF(finder, stored);
                }
            }
            else if (PyObject_SetItem(cache, key, finder) < 0) {
                Py_CLEAR(finder);
            }
        }
    }
    Py_DECREF(cache);
    Py_DECREF(key);
    return finder;
}

/* finder.find_spec(fullname, target) for one path entry's finder. */
static PyObject *entry_find_spec(PyObject *finder, PyObject *fullname,
                                 PyObject *target)
{
    if (Py_IS_TYPE(finder, &_PyFileFinder_Type)) {
        return finder_find(finder, fullname);
    }
    PyObject *method;
    if (PyObject_GetOptionalAttr(finder, _Py_INTERNED_ID(find_spec), &method) <= 0) {
        return PyErr_Occurred() ? NULL : Py_NewRef(Py_None);
    }
    PyObject *args[2] = {fullname, target ? target : Py_None};
    PyObject *spec = PyObject_Vectorcall(method, args, 2, NULL);
    Py_DECREF(method);
    return spec;
}

/* PathFinder._get_spec: the first entry's spec with a loader, or a
   namespace spec (loader None) gathering every entry's portions. */
static PyObject *pathfinder_get_spec(PyObject *fullname, PyObject *path,
                                     PyObject *target)
{
    PyObject *entries = PySequence_List(path);
    PyObject *portions = entries ? PyList_New(0) : NULL;
    if (portions == NULL) {
        Py_XDECREF(entries);
        return NULL;
    }
    PyObject *result = NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(entries); i++) {
        PyObject *entry = PyList_GET_ITEM(entries, i);
        if (!PyUnicode_Check(entry)) {
            continue;
        }
        PyObject *finder = path_importer_cache(entry);
        if (finder == NULL) {
            goto done;
        }
        if (finder == Py_None) {
            Py_DECREF(finder);
            continue;
        }
        PyObject *spec = entry_find_spec(finder, fullname, target);
        Py_DECREF(finder);
        if (spec == NULL) {
            goto done;
        }
        if (spec == Py_None) {
            Py_DECREF(spec);
            continue;
        }
        PyObject *loader = _PyModuleSpec_Get(spec, _PySpec_LOADER);
        if (loader == NULL) {
            Py_DECREF(spec);
            goto done;
        }
        Py_DECREF(loader);
        if (loader != Py_None) {
            result = spec;
            goto done;
        }
        PyObject *locs = _PyModuleSpec_Get(spec, _PySpec_LOCATIONS);
        Py_DECREF(spec);
        if (locs == NULL) {
            goto done;
        }
        if (locs == Py_None) {
            Py_DECREF(locs);
            PyErr_SetString(PyExc_ImportError, "spec missing loader");
            goto done;
        }
        int extended = PyList_Extend(portions, locs);
        Py_DECREF(locs);
        if (extended < 0) {
            goto done;
        }
    }
    result = _PyModuleSpec_New(fullname, Py_None, Py_None, 0);
    if (result != NULL) {
        if (_PyModuleSpec_SetLocations(result, portions) < 0) {
            Py_CLEAR(result);
        }
    }
done:
    Py_DECREF(portions);
    Py_DECREF(entries);
    return result;
}

static PyObject *pathfinder_get_spec_method(PyObject *cls, PyObject *args,
                                            PyObject *kwds)
{
    (void)cls;
    static char *kwlist[] = {"fullname", "path", "target", NULL};
    PyObject *fullname, *path, *target = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO|O:_get_spec", kwlist,
                                     &fullname, &path, &target)) {
        return NULL;
    }
    return pathfinder_get_spec(fullname, path, target);
}

/* PathFinder.find_spec over path (sys.path when None). */
PyObject *_PyImport_PathFinderFindSpec(PyObject *fullname, PyObject *path,
                                       PyObject *target)
{
    PyObject *search = path != NULL && path != Py_None ? Py_NewRef(path)
                       : _PyImport_SysAttr("path");
    if (search == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    PyObject *spec = pathfinder_get_spec(fullname, search, target);
    Py_DECREF(search);
    if (spec == NULL || spec == Py_None) {
        return spec;
    }
    PyObject *loader = _PyModuleSpec_Get(spec, _PySpec_LOADER);
    if (loader == NULL) {
        Py_DECREF(spec);
        return NULL;
    }
    Py_DECREF(loader);
    if (loader != Py_None) {
        return spec;
    }
    PyObject *portions = _PyModuleSpec_Get(spec, _PySpec_LOCATIONS);
    int nonempty = portions == NULL ? -1 : PyObject_IsTrue(portions);
    PyObject *getter = nonempty > 0
        ? PyObject_GetAttrString((PyObject *)&_PyPathFinder_Type, "_get_spec")
        : NULL;
    PyObject *nspath = getter ? _PyImport_NamespacePathNew(fullname, portions,
                                                          getter) : NULL;
    Py_XDECREF(getter);
    Py_XDECREF(portions);
    if (nonempty <= 0) {
        Py_DECREF(spec);
        return nonempty < 0 ? NULL : Py_NewRef(Py_None);
    }
    if (nspath == NULL || PyObject_SetAttrString(spec, "origin", Py_None) < 0
            || PyObject_SetAttrString(spec, "submodule_search_locations",
                                      nspath) < 0) {
        Py_XDECREF(nspath);
        Py_DECREF(spec);
        return NULL;
    }
    Py_DECREF(nspath);
    return spec;
}

static PyObject *pathfinder_find_spec(PyObject *cls, PyObject *args,
                                      PyObject *kwds)
{
    (void)cls;
    static char *kwlist[] = {"fullname", "path", "target", NULL};
    PyObject *fullname, *path = Py_None, *target = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OO:find_spec", kwlist,
                                     &fullname, &path, &target)) {
        return NULL;
    }
    return _PyImport_PathFinderFindSpec(fullname, path, target);
}

/* Drops cached None / relative-path finders and asks the others to
   invalidate their caches. */
static PyObject *pathfinder_invalidate_caches(PyObject *unused,
                                              PyObject *Py_UNUSED(ignored))
{
    (void)unused;
    PyObject *cache = _PyImport_SysAttr("path_importer_cache");
    if (cache == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    PyObject *items = PyMapping_Items(cache);
    if (items == NULL) {
        Py_DECREF(cache);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items); i++) {
        PyObject *key = PyTuple_GET_ITEM(PyList_GET_ITEM(items, i), 0);
        PyObject *finder = PyTuple_GET_ITEM(PyList_GET_ITEM(items, i), 1);
        int relative = !PyUnicode_Check(key) || PyUnicode_GET_LENGTH(key) == 0
                       || PyUnicode_READ_CHAR(key, 0) != '/';
        if (finder == Py_None || relative) {
            if (PyObject_DelItem(cache, key) < 0) {
                if (!PyErr_ExceptionMatches(PyExc_KeyError)) {
                    goto error;
                }
                PyErr_Clear();
            }
            continue;
        }
        PyObject *method;
        int has = PyObject_GetOptionalAttr(finder, _Py_INTERNED_ID(invalidate_caches),
                                           &method);
        if (has < 0) {
            goto error;
        }
        if (has) {
            PyObject *res = PyObject_CallNoArgs(method);
            Py_DECREF(method);
            if (res == NULL) {
                goto error;
            }
            Py_DECREF(res);
        }
    }
    Py_DECREF(items);
    Py_DECREF(cache);
    _PyImport_InvalidateNamespacePaths();
    Py_RETURN_NONE;
error:
    Py_DECREF(items);
    Py_DECREF(cache);
    return NULL;
}

static PyObject *pathfinder_importer_cache(PyObject *cls, PyObject *path)
{
    (void)cls;
    if (!PyUnicode_Check(path)) {
        PyErr_SetString(PyExc_TypeError, "path entry must be a str");
        return NULL;
    }
    return path_importer_cache(path);
}

static PyObject *pathfinder_path_hooks(PyObject *unused, PyObject *path)
{
    (void)unused;
    return path_hooks_finder(path);
}

static PyMethodDef pathfinder_methods[] = {
    {"find_spec", _PyCFunction_CAST(pathfinder_find_spec),
     METH_VARARGS | METH_KEYWORDS | METH_CLASS,
     "Try to find a spec for 'fullname' on sys.path or 'path'."},
    {"invalidate_caches", pathfinder_invalidate_caches, METH_NOARGS | METH_STATIC,
     "Call the invalidate_caches() method on all path entry finders stored "
     "in sys.path_importer_cache (where implemented)."},
    {"_path_importer_cache", pathfinder_importer_cache, METH_O | METH_CLASS,
     "Get the finder for the path entry from sys.path_importer_cache."},
    {"_path_hooks", pathfinder_path_hooks, METH_O | METH_STATIC,
     "Search sys.path_hooks for a finder for 'path'."},
    {"_get_spec", _PyCFunction_CAST(pathfinder_get_spec_method),
     METH_VARARGS | METH_KEYWORDS | METH_CLASS,
     "Find the loader or namespace_path for this module/package name."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyPathFinder_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_frozen_importlib_external.PathFinder",
    .tp_basicsize = sizeof(PyObject),
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Meta path finder for sys.path and package __path__ attributes.",
    .tp_methods = pathfinder_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_Free,
};
