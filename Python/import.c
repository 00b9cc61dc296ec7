/* The import system: CPython's algorithm (importlib._bootstrap's
   _find_and_load, _find_spec, module_from_spec, _init_module_attrs,
   _load_unlocked, _exec) in C.  sys.meta_path finders are asked for a
   spec with find_spec(name, path, target); the module comes from
   spec.loader.create_module() or a plain module, gets its import
   attributes, is registered in sys.modules and run by
   loader.exec_module().  ModuleSpec and BuiltinImporter are defined
   here; the path-based finders and loaders are C classes in
   Python/import_machinery.c.  The algorithm calls them directly when
   they appear as themselves (exact types), so the default path runs no
   Python code; any other finder, loader or spec is used through its
   Python attributes and methods.  ModuleSpec's fields that C code
   writes after the spec is shared go through _PyImport_StoreRef (the
   spec's critical section).

   Thread safety: sys.modules is a dict and protects itself.  What is not
   a dict is the "who is importing what" state: a list of import records,
   one per module being executed, guarded by records_mutex.  The thread
   that executes a module holds its record's `running` mutex for the
   whole execution; another thread that finds the record waits on that
   mutex with its thread state detached, then looks in sys.modules again.
   So two threads never both execute one module, and the importing
   thread itself (a circular import) sees the partial module.  Threads
   waiting for each other's modules (a circular import split across
   threads) are detected through the waiters list and, as in CPython,
   get the partial module instead of waiting forever.  The finders' own
   caches are described in import_machinery.c. */
#include "Python.h"
#include "import.h"
#include "sysmodule.h"
#include "pythonrun.h"
#include "cpython/lock.h"
#include "pycore_compile.h"
#include "pycore_import.h"
#include "pycore_initconfig.h"    /* _Py_GetConfig: -X importtime */
#include "pycore_pathconfig.h"
#include "pycore_pyc.h"          /* capi: PyImport_GetMagicNumber */
#include "pycore_pystate.h"
#include "pycore_typeobject.h"


/* ---- the inittab -------------------------------------------------------- */

/* The table itself is Modules/config.c. */
struct _inittab *PyImport_Inittab = _PyImport_Inittab;

/* Written only before Py_Initialize (single-threaded), as in CPython. */
static struct _inittab *extended_inittab;

int PyImport_ExtendInittab(struct _inittab *newtab)
{
    size_t old = 0, add = 0;
    while (PyImport_Inittab[old].name != NULL) {
        old++;
    }
    while (newtab[add].name != NULL) {
        add++;
    }
    /* Raw malloc: the table may grow before the allocators are set up,
       and it lives as long as the process. */
    struct _inittab *table = calloc(old + add + 1, sizeof(*table));
    if (table == NULL) {
        return -1;
    }
    memcpy(table, PyImport_Inittab, old * sizeof(*table));
    memcpy(table + old, newtab, add * sizeof(*table));
    free(extended_inittab);
    extended_inittab = table;
    PyImport_Inittab = table;
    return 0;
}

int PyImport_AppendInittab(const char *name, PyObject *(*initfunc)(void))
{
    struct _inittab entry[2] = {{name, initfunc}, {NULL, NULL}};
    return PyImport_ExtendInittab(entry);
}

PyObject *_PyImport_BuiltinModuleNames(void)
{
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    for (struct _inittab *p = PyImport_Inittab; p->name != NULL; p++) {
        PyObject *name = PyUnicode_FromString(p->name);
        if (name == NULL || PyList_Append(list, name) < 0) {
            Py_XDECREF(name);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(name);
    }
    if (PyList_Sort(list) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    PyObject *tuple = PyList_AsTuple(list);
    Py_DECREF(list);
    return tuple;
}

const char *_PyImport_StdlibDir(void)
{
    return _PyPathConfig_Get()->stdlib_dir;
}

static struct _inittab *find_inittab(PyObject *name)
{
    const char *utf8 = PyUnicode_AsUTF8(name);
    if (utf8 == NULL) {
        PyErr_Clear();
        return NULL;
    }
    for (struct _inittab *p = PyImport_Inittab; p->name != NULL; p++) {
        if (strcmp(p->name, utf8) == 0) {
            return p;
        }
    }
    return NULL;
}

/* ---- sys.modules --------------------------------------------------------- */

PyObject *PyImport_GetModuleDict(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    if (interp->modules == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "unable to get sys.modules");
    }
    return interp->modules;
}

PyObject *PyImport_GetModule(PyObject *name)
{
    PyObject *modules = PyImport_GetModuleDict();
    if (modules == NULL) {
        return NULL;
    }
    PyObject *mod;
    if (PyDict_GetItemRef(modules, name, &mod) < 0) {
        return NULL;
    }
    return mod;
}

/* New reference to sys.modules[name], created (an empty module) when
   absent or not a module.  PyDict_SetDefaultRef makes the insertion of a
   fresh module atomic, so two threads adding one name get one module. */
static PyObject *add_module_ref(PyObject *name)
{
    PyObject *modules = PyImport_GetModuleDict();
    if (modules == NULL) {
        return NULL;
    }
    PyObject *mod;
    int found = PyDict_GetItemRef(modules, name, &mod);
    if (found < 0) {
        return NULL;
    }
    if (found && PyModule_Check(mod)) {
        return mod;
    }
    PyObject *fresh = PyModule_NewObject(name);
    if (fresh == NULL) {
        Py_XDECREF(mod);
        return NULL;
    }
    PyObject *result = NULL;
    if (found) {
        /* A non-module entry is replaced, as CPython does. */
        Py_DECREF(mod);
        if (PyDict_SetItem(modules, name, fresh) == 0) {
            result = Py_NewRef(fresh);
        }
    }
    else if (PyDict_SetDefaultRef(modules, name, fresh, &result) < 0) {
        result = NULL;
    }
    Py_DECREF(fresh);
    return result;
}

PyObject *PyImport_AddModuleRef(const char *name)
{
    PyObject *str = PyUnicode_FromString(name);
    if (str == NULL) {
        return NULL;
    }
    PyObject *mod = add_module_ref(str);
    Py_DECREF(str);
    return mod;
}

/* Borrowed, as in CPython: sys.modules keeps the module alive. */
PyObject *PyImport_AddModuleObject(PyObject *name)
{
    PyObject *mod = add_module_ref(name);
    Py_XDECREF(mod);
    return mod;
}

PyObject *PyImport_AddModule(const char *name)
{
    PyObject *mod = PyImport_AddModuleRef(name);
    Py_XDECREF(mod);
    return mod;
}

static void remove_module(PyObject *name)
{
    PyObject *modules = _PyInterpreterState_GET()->modules;
    PyObject *exc = PyErr_GetRaisedException();
    if (PyDict_Pop(modules, name, NULL) < 0) {
        PyErr_Clear();
    }
    PyErr_SetRaisedException(exc);
}

/* ---- executing code as a module ---------------------------------------- */

static int ensure_builtins(PyObject *dict)
{
    PyObject *builtins = _PyInterpreterState_GET()->builtins;
    if (builtins == NULL) {
        return 0;
    }
    PyObject *existing;
    return PyDict_SetDefaultRef(dict, _Py_INTERNED_ID(__builtins__), builtins,
                                &existing) < 0 ? -1 : (Py_DECREF(existing), 0);
}

/* Runs co in module's namespace; returns sys.modules[name] (new
   reference), which the code may have replaced.  On failure the name is
   removed from sys.modules, so a later import starts afresh. */
static PyObject *exec_code_in_module(PyObject *name, PyObject *module,
                                     PyObject *co)
{
    PyObject *dict = PyModule_GetDict(module);
    if (dict == NULL || ensure_builtins(dict) < 0) {
        remove_module(name);
        return NULL;
    }
    PyObject *result = PyEval_EvalCode(co, dict, dict);
    if (result == NULL) {
        remove_module(name);
        return NULL;
    }
    Py_DECREF(result);
    PyObject *mod = PyImport_GetModule(name);
    if (mod == NULL && !PyErr_Occurred()) {
        PyErr_Format(PyExc_ImportError, "Loaded module %R not found in "
                     "sys.modules", name);
    }
    return mod;
}

PyObject *PyImport_ExecCodeModuleObject(PyObject *name, PyObject *co,
                                        PyObject *pathname,
                                        PyObject *cpathname)
{
    (void)cpathname;  /* no bytecode cache yet */
    PyObject *module = add_module_ref(name);
    if (module == NULL) {
        return NULL;
    }
    PyObject *dict = PyModule_GetDict(module);
    if (pathname != NULL && pathname != Py_None
            && PyDict_SetItemString(dict, "__file__", pathname) < 0) {
        remove_module(name);
        Py_DECREF(module);
        return NULL;
    }
    PyObject *mod = exec_code_in_module(name, module, co);
    Py_DECREF(module);
    return mod;
}

PyObject *PyImport_ExecCodeModuleEx(const char *name, PyObject *co,
                                    const char *pathname)
{
    PyObject *nameobj = PyUnicode_FromString(name);
    if (nameobj == NULL) {
        return NULL;
    }
    PyObject *path = NULL;
    if (pathname != NULL) {
        path = PyUnicode_DecodeFSDefault(pathname);
        if (path == NULL) {
            Py_DECREF(nameobj);
            return NULL;
        }
    }
    PyObject *mod = PyImport_ExecCodeModuleObject(nameobj, co, path, NULL);
    Py_XDECREF(path);
    Py_DECREF(nameobj);
    return mod;
}

PyObject *PyImport_ExecCodeModule(const char *name, PyObject *co)
{
    return PyImport_ExecCodeModuleEx(name, co, NULL);
}

/* ---- capi: the rest of CPython's import API (Include/import.h) --------- */

PyObject *PyImport_ExecCodeModuleWithPathnames(const char *name, PyObject *co,
                                               const char *pathname,
                                               const char *Py_UNUSED(cpathname))
{
    return PyImport_ExecCodeModuleEx(name, co, pathname);
}

PyObject *PyImport_ReloadModule(PyObject *module)
{
    PyObject *reload = PyImport_ImportModuleAttrString("importlib", "reload");
    if (reload == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_CallOneArg(reload, module);
    Py_DECREF(reload);
    return result;
}

long PyImport_GetMagicNumber(void)
{
    const unsigned char *m = _PyPyc_MagicNumber;
    return (long)m[0] | ((long)m[1] << 8) | ((long)m[2] << 16)
           | ((long)m[3] << 24);
}

const char *PyImport_GetMagicTag(void)
{
    return "weft-315";      /* sys.implementation.cache_tag */
}

/* sys.path_importer_cache and sys.path_hooks are ordinary objects: two
   threads asking for the same new path may both run the hooks, and the
   last store wins, as in importlib. */
PyObject *PyImport_GetImporter(PyObject *path)
{
    PyObject *cache = PySys_GetObject("path_importer_cache");
    PyObject *hooks = PySys_GetObject("path_hooks");
    if (cache == NULL || hooks == NULL) {
        PyErr_SetString(PyExc_RuntimeError,
                        "sys.path_importer_cache or sys.path_hooks is missing");
        return NULL;
    }
    PyObject *finder;
    int found = PyMapping_GetOptionalItem(cache, path, &finder);
    if (found != 0) {
        return finder;              /* a new reference, or NULL on error */
    }
    PyObject *iterator = PyObject_GetIter(hooks);
    if (iterator == NULL) {
        return NULL;
    }
    PyObject *hook;
    finder = NULL;
    while ((hook = PyIter_Next(iterator)) != NULL) {
        finder = PyObject_CallOneArg(hook, path);
        Py_DECREF(hook);
        if (finder != NULL) {
            break;
        }
        if (!PyErr_ExceptionMatches(PyExc_ImportError)) {
            Py_DECREF(iterator);
            return NULL;
        }
        PyErr_Clear();
    }
    Py_DECREF(iterator);
    if (PyErr_Occurred()) {
        Py_XDECREF(finder);
        return NULL;
    }
    if (finder == NULL) {
        Py_RETURN_NONE;             /* not cached: a later hook may accept it */
    }
    if (PyObject_SetItem(cache, path, finder) < 0) {
        Py_DECREF(finder);
        return NULL;
    }
    return finder;
}

/* ---- import records (per-module locks) --------------------------------- */

struct import_record {
    struct import_record *next;
    PyObject *name;             /* owned */
    PyThreadState *owner;       /* the thread executing the module */
    PyMutex running;            /* held by owner until the import ends */
    Py_ssize_t refs;            /* owner + waiters; under records_mutex */
};

static PyMutex records_mutex;
static struct import_record *records;   /* under records_mutex */

/* Caller holds records_mutex.  Comparing str keys runs no Python code. */
static struct import_record *find_record(PyObject *name)
{
    for (struct import_record *r = records; r != NULL; r = r->next) {
        if (PyUnicode_Compare(r->name, name) == 0) {
            return r;
        }
    }
    return NULL;
}

/* Caller holds records_mutex. */
static void drop_record_ref(struct import_record *rec)
{
    if (--rec->refs == 0) {
        Py_DECREF(rec->name);
        PyMem_RawFree(rec);
    }
}

/* A thread blocked on another thread's import; lives on the waiting
   thread's stack while linked into `waiters`. */
struct import_waiter {
    struct import_waiter *next;
    PyThreadState *tstate;
    struct import_record *rec;
};

static struct import_waiter *waiters;   /* under records_mutex */

/* Caller holds records_mutex.  Would tstate waiting for rec close a cycle
   of threads, each waiting for a module the next one is executing (two
   threads importing each other's modules)?  The walk is bounded by the
   number of waiters, so a cycle not through tstate cannot trap it. */
static int would_deadlock(PyThreadState *tstate, struct import_record *rec)
{
    size_t limit = 0;
    for (struct import_waiter *w = waiters; w != NULL; w = w->next) {
        limit++;
    }
    PyThreadState *owner = rec->owner;
    for (size_t step = 0; step <= limit; step++) {
        if (owner == tstate) {
            return 1;
        }
        struct import_waiter *w = waiters;
        while (w != NULL && w->tstate != owner) {
            w = w->next;
        }
        if (w == NULL) {
            return 0;
        }
        owner = w->rec->owner;
    }
    return 0;
}

/* Caller holds records_mutex; this releases it.  Blocks (detached) until
   rec's import has ended and returns 1, or returns 0 at once when
   waiting would deadlock. */
static int wait_for_record(PyThreadState *tstate, struct import_record *rec)
{
    if (would_deadlock(tstate, rec)) {
        PyMutex_Unlock(&records_mutex);
        return 0;
    }
    struct import_waiter me = {waiters, tstate, rec};
    waiters = &me;
    rec->refs++;
    PyMutex_Unlock(&records_mutex);
    Py_BEGIN_ALLOW_THREADS
    PyMutex_Lock(&rec->running);
    PyMutex_Unlock(&rec->running);
    Py_END_ALLOW_THREADS
    PyMutex_Lock(&records_mutex);
    for (struct import_waiter **p = &waiters; *p != NULL; p = &(*p)->next) {
        if (*p == &me) {
            *p = me.next;
            break;
        }
    }
    drop_record_ref(rec);
    PyMutex_Unlock(&records_mutex);
    return 1;
}

static void release_claim(struct import_record *rec);

/* sys.modules[name] (new reference; NULL without an exception when
   absent), after waiting for another thread that is executing it, so a
   thread never sees a module another thread has only half run -- unless
   waiting would deadlock, when, as in CPython, the partial module is
   accepted. */
static PyObject *lookup_waiting(PyObject *name)
{
    PyThreadState *tstate = _PyThreadState_GET();
    for (;;) {
        PyMutex_Lock(&records_mutex);
        struct import_record *rec = find_record(name);
        if (rec == NULL || rec->owner == tstate) {
            PyMutex_Unlock(&records_mutex);
        }
        else if (wait_for_record(tstate, rec)) {
            continue;
        }
        PyObject *mod;
        PyDict_GetItemRef(tstate->interp->modules, name, &mod);
        return mod;
    }
}

/* Either sys.modules[name] (returned, new reference), or a fresh record
   for name owned by this thread (*claimed set, NULL returned), or NULL
   with an exception.  Waits while another thread executes name.  With
   want_existing false the record is taken whatever sys.modules holds
   (reloading, or loading a given spec).
   sys.modules is consulted only after claiming, outside records_mutex:
   a dict operation may block and detach, and records_mutex is held by
   attached threads only for short C-only work.  Claims are exclusive,
   so a module found missing while claimed cannot be loaded elsewhere. */
static PyObject *lookup_or_claim(PyObject *name, int want_existing,
                                 struct import_record **claimed)
{
    PyThreadState *tstate = _PyThreadState_GET();
    *claimed = NULL;
    PyMutex_Lock(&records_mutex);
    struct import_record *rec = find_record(name);
    while (rec != NULL && rec->owner != tstate) {
        if (!wait_for_record(tstate, rec)) {
            PyObject *partial;
            if (PyDict_GetItemRef(tstate->interp->modules, name,
                                  &partial) == 0) {
                PyErr_Format(PyExc_ImportError, "deadlock detected while "
                             "importing %R", name);
            }
            return partial;
        }
        PyMutex_Lock(&records_mutex);
        rec = find_record(name);
    }
    rec = PyMem_RawCalloc(1, sizeof(*rec));
    if (rec == NULL) {
        PyMutex_Unlock(&records_mutex);
        return PyErr_NoMemory();
    }
    rec->name = Py_NewRef(name);
    rec->owner = tstate;
    rec->refs = 1;
    PyMutex_Lock(&rec->running);
    rec->next = records;
    records = rec;
    PyMutex_Unlock(&records_mutex);
    PyObject *mod;
    if (want_existing
            && PyDict_GetItemRef(tstate->interp->modules, name, &mod) != 0) {
        release_claim(rec);
        return mod;
    }
    *claimed = rec;
    return NULL;
}

static void release_claim(struct import_record *rec)
{
    PyMutex_Lock(&records_mutex);
    for (struct import_record **p = &records; *p != NULL; p = &(*p)->next) {
        if (*p == rec) {
            *p = rec->next;
            break;
        }
    }
    PyMutex_Unlock(&rec->running);
    drop_record_ref(rec);
    PyMutex_Unlock(&records_mutex);
}

/* ---- errors -------------------------------------------------------------- */

static void set_not_found(PyObject *name, PyObject *msg)
{
    if (msg == NULL) {
        return;
    }
    PyObject *exc = PyObject_CallOneArg(PyExc_ModuleNotFoundError, msg);
    Py_DECREF(msg);
    if (exc == NULL) {
        return;
    }
    if (PyObject_SetAttrString(exc, "name", name) == 0) {
        PyErr_SetObject(PyExc_ModuleNotFoundError, exc);
    }
    Py_DECREF(exc);
}

static void no_module_named(PyObject *name)
{
    set_not_found(name, PyUnicode_FromFormat("No module named %R", name));
}

/* ---- built-in modules ----------------------------------------------------- */

/* 1 for a module in the inittab that can be (re)created, -1 for one that
   cannot (sys and builtins, made by the runtime), 0 for no built-in
   module of that name: _imp.is_builtin's contract. */
int _PyImport_IsBuiltin(PyObject *name)
{
    struct _inittab *entry = find_inittab(name);
    if (entry == NULL) {
        return 0;
    }
    return entry->initfunc == NULL ? -1 : 1;
}

/* _imp.create_builtin(spec): the module for spec.name from its init
   function: a module (single-phase init) or one created from the
   returned PyModuleDef (multi-phase; executed later by exec_builtin).
   None when the name is not built in. */
PyObject *_PyImport_CreateBuiltin(PyObject *spec)
{
    PyObject *name = _PyModuleSpec_Get(spec, _PySpec_NAME);
    if (name == NULL) {
        return NULL;
    }
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "name must be string, not %.200s",
                     Py_TYPE(name)->tp_name);
        Py_DECREF(name);
        return NULL;
    }
    struct _inittab *entry = find_inittab(name);
    PyObject *mod = NULL;
    if (entry == NULL) {
        mod = Py_NewRef(Py_None);
    }
    else if (entry->initfunc == NULL) {
        /* sys and builtins: the runtime's own module, while it exists. */
        mod = PyImport_GetModule(name);
        if (mod == NULL && !PyErr_Occurred()) {
            PyErr_Format(PyExc_ImportError, "built-in module %R cannot be "
                         "re-initialized once removed from sys.modules", name);
        }
    }
    else {
        /* capi (session 6): through the GIL gate, like an extension. */
        mod = _PyImport_RunInitFunction(entry->initfunc, name, spec);
    }
    Py_DECREF(name);
    return mod;
}

/* _imp.exec_builtin(module): runs a multi-phase module's exec slots
   once (a module whose state exists was already executed). */
int _PyImport_ExecBuiltin(PyObject *module)
{
    if (!PyModule_Check(module)) {
        return 0;
    }
    PyModuleDef *def = PyModule_GetDef(module);
    if (def == NULL) {
        PyErr_Clear();
        return 0;
    }
    if (def->m_size > 0 && PyModule_GetState(module) != NULL) {
        return 0;
    }
    return PyModule_ExecDef(module, def);
}

/* ---- ModuleSpec helpers ---------------------------------------------------- */

static int str_endswith(PyObject *s, const char *suffix)
{
    Py_ssize_t n = (Py_ssize_t)strlen(suffix);
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    if (len < n) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyUnicode_READ_CHAR(s, len - n + i) != (Py_UCS4)(unsigned char)suffix[i]) {
            return 0;
        }
    }
    return 1;
}

/* The part of name before its last dot, "" when there is none. */
static PyObject *name_parent(PyObject *name)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(name);
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, -1);
    if (dot == -2) {
        return NULL;
    }
    return PyUnicode_Substring(name, 0, dot < 0 ? 0 : dot);
}

/* ---- ModuleSpec ----------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *name;
    PyObject *loader;
    PyObject *origin;
    PyObject *loader_state;
    PyObject *locations;        /* submodule_search_locations */
    PyObject *cached;           /* NULL/None: compute from origin on demand */
    PyObject *uninitialized;    /* _uninitialized_submodules: a list made
                                   on first use */
    PyObject *initializing;     /* _initializing; NULL until first set */
    PyObject *set_fileattr;     /* bool: has_location */
    PyObject *dict;
} specobject;

#define SPEC(op) ((specobject *)(op))

static int spec_fill(specobject *self, PyObject *name, PyObject *loader,
                     PyObject *origin, PyObject *loader_state, int is_package)
{
    PyObject *locations = is_package ? PyList_New(0) : Py_NewRef(Py_None);
    if (locations == NULL) {
        return -1;
    }
    Py_XSETREF(self->name, Py_NewRef(name));
    Py_XSETREF(self->loader, Py_NewRef(loader));
    Py_XSETREF(self->origin, Py_NewRef(origin ? origin : Py_None));
    Py_XSETREF(self->loader_state, Py_NewRef(loader_state ? loader_state : Py_None));
    Py_XSETREF(self->locations, locations);
    Py_CLEAR(self->uninitialized);
    Py_XSETREF(self->set_fileattr, Py_NewRef(Py_False));
    Py_CLEAR(self->cached);
    return 0;
}

PyObject *_PyModuleSpec_New(PyObject *name, PyObject *loader,
                            PyObject *origin, int is_package)
{
    PyObject *op = PyType_GenericAlloc(&_PyModuleSpec_Type, 0);
    if (op == NULL) {
        return NULL;
    }
    if (spec_fill(SPEC(op), name, loader, origin, NULL, is_package) < 0) {
        Py_DECREF(op);
        return NULL;
    }
    return op;
}

static int spec_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "loader", "origin", "loader_state",
                             "is_package", NULL};
    PyObject *name, *loader, *origin = Py_None, *state = Py_None;
    PyObject *is_package = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO|$OOO:ModuleSpec", kwlist,
                                     &name, &loader, &origin, &state,
                                     &is_package)) {
        return -1;
    }
    int pkg = PyObject_IsTrue(is_package);
    if (pkg < 0) {
        return -1;
    }
    int res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = spec_fill(SPEC(op), name, loader, origin, state, pkg);
    Py_END_CRITICAL_SECTION();
    return res;
}

static int spec_traverse(PyObject *op, visitproc visit, void *arg)
{
    specobject *self = SPEC(op);
    Py_VISIT(self->name);
    Py_VISIT(self->loader);
    Py_VISIT(self->origin);
    Py_VISIT(self->loader_state);
    Py_VISIT(self->locations);
    Py_VISIT(self->cached);
    Py_VISIT(self->uninitialized);
    Py_VISIT(self->initializing);
    Py_VISIT(self->dict);
    return 0;
}

static int spec_clear(PyObject *op)
{
    specobject *self = SPEC(op);
    Py_CLEAR(self->name);
    Py_CLEAR(self->loader);
    Py_CLEAR(self->origin);
    Py_CLEAR(self->loader_state);
    Py_CLEAR(self->locations);
    Py_CLEAR(self->cached);
    Py_CLEAR(self->uninitialized);
    Py_CLEAR(self->initializing);
    Py_CLEAR(self->set_fileattr);
    Py_CLEAR(self->dict);
    return 0;
}

static void spec_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    spec_clear(op);
    Py_TYPE(op)->tp_free(op);
}

/* The class name without its module, as __class__.__name__. */
static const char *short_type_name(PyObject *op)
{
    const char *full = Py_TYPE(op)->tp_name;
    const char *dot = strrchr(full, '.');
    return dot ? dot + 1 : full;
}

static PyObject *spec_repr(PyObject *op)
{
    PyObject *name = PyObject_GetAttrString(op, "name");
    PyObject *loader = name ? PyObject_GetAttrString(op, "loader") : NULL;
    PyObject *origin = loader ? PyObject_GetAttrString(op, "origin") : NULL;
    PyObject *locs = origin ? PyObject_GetAttrString(op,
                              "submodule_search_locations") : NULL;
    PyObject *result = NULL;
    if (locs != NULL) {
        PyObject *head = PyUnicode_FromFormat("%s(name=%R, loader=%R",
                                              short_type_name(op), name, loader);
        PyObject *mid = head == NULL ? NULL : origin == Py_None
            ? PyUnicode_FromString("")
            : PyUnicode_FromFormat(", origin=%R", origin);
        PyObject *tail = mid == NULL ? NULL : locs == Py_None
            ? PyUnicode_FromString(")")
            : PyUnicode_FromFormat(", submodule_search_locations=%R)", locs);
        if (tail != NULL) {
            result = PyUnicode_FromFormat("%U%U%U", head, mid, tail);
        }
        Py_XDECREF(head);
        Py_XDECREF(mid);
        Py_XDECREF(tail);
    }
    Py_XDECREF(name);
    Py_XDECREF(loader);
    Py_XDECREF(origin);
    Py_XDECREF(locs);
    return result;
}

/* Equal when name, loader, origin, search locations, cached and
   has_location all are; NotImplemented for objects lacking them. */
static PyObject *spec_richcompare(PyObject *a, PyObject *b, int op)
{
    if (op != Py_EQ && op != Py_NE) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    static const char *const fields[] = {
        "name", "loader", "origin", "submodule_search_locations", "cached",
        "has_location", NULL,
    };
    int equal = 1;
    for (size_t i = 0; equal == 1 && fields[i] != NULL; i++) {
        PyObject *mine = PyObject_GetAttrString(a, fields[i]);
        if (mine == NULL) {
            return NULL;
        }
        PyObject *theirs = PyObject_GetAttrString(b, fields[i]);
        if (theirs == NULL) {
            Py_DECREF(mine);
            if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
                PyErr_Clear();
                Py_RETURN_NOTIMPLEMENTED;
            }
            return NULL;
        }
        equal = PyObject_RichCompareBool(mine, theirs, Py_EQ);
        Py_DECREF(mine);
        Py_DECREF(theirs);
    }
    if (equal < 0) {
        return NULL;
    }
    return PyBool_FromLong(op == Py_EQ ? equal : !equal);
}

static PyObject *spec_get_cached(PyObject *op, void *closure)
{
    (void)closure;
    specobject *self = SPEC(op);
    PyObject *cached = _PyImport_LoadRef(op, &self->cached);
    if (cached != NULL && cached != Py_None) {
        return cached;
    }
    Py_XDECREF(cached);
    PyObject *origin = _PyImport_LoadRef(op, &self->origin);
    PyObject *fileattr = _PyImport_LoadRef(op, &self->set_fileattr);
    PyObject *computed = NULL;
    if (origin != NULL && PyUnicode_Check(origin) && fileattr == Py_True) {
        if (str_endswith(origin, ".py")) {
            computed = _PyImport_CacheFromSource(origin, NULL);
            if (computed == NULL) {
                Py_DECREF(origin);
                Py_XDECREF(fileattr);
                return NULL;
            }
        }
        else if (str_endswith(origin, ".pyc")) {
            computed = Py_NewRef(origin);
        }
    }
    Py_XDECREF(origin);
    Py_XDECREF(fileattr);
    if (computed == NULL) {
        Py_RETURN_NONE;
    }
    /* Racing readers compute the same path; the first one stored wins. */
    Py_BEGIN_CRITICAL_SECTION(op);
    if (self->cached == NULL || self->cached == Py_None) {
        Py_XSETREF(self->cached, Py_NewRef(computed));
    }
    else {
        Py_SETREF(computed, Py_NewRef(self->cached));
    }
    Py_END_CRITICAL_SECTION();
    return computed;
}

static int spec_set_cached(PyObject *op, PyObject *value, void *closure)
{
    (void)closure;
    _PyImport_StoreRef(op, &SPEC(op)->cached, value);
    return 0;
}

static PyObject *spec_get_parent(PyObject *op, void *closure)
{
    (void)closure;
    PyObject *name = _PyImport_LoadRef(op, &SPEC(op)->name);
    PyObject *locations = _PyImport_LoadRef(op, &SPEC(op)->locations);
    PyObject *result;
    if (name == NULL || !PyUnicode_Check(name)) {
        result = Py_NewRef(name ? name : Py_None);
    }
    else if (locations == NULL || locations == Py_None) {
        result = name_parent(name);
    }
    else {
        result = Py_NewRef(name);
    }
    Py_XDECREF(name);
    Py_XDECREF(locations);
    return result;
}

static PyObject *spec_get_has_location(PyObject *op, void *closure)
{
    (void)closure;
    PyObject *flag = _PyImport_LoadRef(op, &SPEC(op)->set_fileattr);
    return flag ? flag : Py_NewRef(Py_False);
}

static int spec_set_has_location(PyObject *op, PyObject *value, void *closure)
{
    (void)closure;
    int truth = value == NULL ? 0 : PyObject_IsTrue(value);
    if (truth < 0) {
        return -1;
    }
    _PyImport_StoreRef(op, &SPEC(op)->set_fileattr, truth ? Py_True : Py_False);
    return 0;
}

/* The list is made on first use: most specs never need one. */
static PyObject *spec_get_uninitialized(PyObject *op, void *closure)
{
    (void)closure;
    PyObject *list = _PyImport_LoadRef(op, &SPEC(op)->uninitialized);
    if (list != NULL) {
        return list;
    }
    PyObject *fresh = PyList_New(0);
    if (fresh == NULL) {
        return NULL;
    }
    Py_BEGIN_CRITICAL_SECTION(op);
    if (SPEC(op)->uninitialized == NULL) {
        SPEC(op)->uninitialized = Py_NewRef(fresh);
    }
    list = Py_NewRef(SPEC(op)->uninitialized);
    Py_END_CRITICAL_SECTION();
    Py_DECREF(fresh);
    return list;
}

static int spec_set_uninitialized(PyObject *op, PyObject *value, void *closure)
{
    (void)closure;
    _PyImport_StoreRef(op, &SPEC(op)->uninitialized, value);
    return 0;
}

static PyGetSetDef spec_getsets[] = {
    {"_uninitialized_submodules", spec_get_uninitialized,
     spec_set_uninitialized, NULL, NULL},
    {"cached", spec_get_cached, spec_set_cached, NULL, NULL},
    {"parent", spec_get_parent, NULL,
     "The name of the module's parent.", NULL},
    {"has_location", spec_get_has_location, spec_set_has_location, NULL, NULL},
    {"_set_fileattr", spec_get_has_location, spec_set_has_location, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef spec_members[] = {
    {"name", _Py_T_OBJECT, offsetof(specobject, name), 0, NULL},
    {"loader", _Py_T_OBJECT, offsetof(specobject, loader), 0, NULL},
    {"origin", _Py_T_OBJECT, offsetof(specobject, origin), 0, NULL},
    {"loader_state", _Py_T_OBJECT, offsetof(specobject, loader_state), 0, NULL},
    {"submodule_search_locations", _Py_T_OBJECT,
     offsetof(specobject, locations), 0, NULL},
    {"_initializing", Py_T_OBJECT_EX, offsetof(specobject, initializing), 0,
     NULL},
    {"__dict__", _Py_T_OBJECT, offsetof(specobject, dict), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject _PyModuleSpec_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_frozen_importlib.ModuleSpec",
    .tp_basicsize = sizeof(specobject),
    .tp_dealloc = spec_dealloc,
    .tp_repr = spec_repr,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "ModuleSpec(name, loader, *, origin=None, loader_state=None, "
              "is_package=None)\n--\n\n"
              "The specification for a module, used for loading.",
    .tp_traverse = spec_traverse,
    .tp_clear = spec_clear,
    .tp_richcompare = spec_richcompare,
    .tp_members = spec_members,
    .tp_getset = spec_getsets,
    .tp_dictoffset = offsetof(specobject, dict),
    .tp_init = spec_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};


/* spec.<field> as a new reference: straight from the fields for an exact
   ModuleSpec, through getattr for anything else. */
PyObject *_PyModuleSpec_Get(PyObject *spec, enum _PySpecField field)
{
    static const char *const names[] = {
        "name", "loader", "origin", "submodule_search_locations", "parent",
        "has_location", "cached",
    };
    if (!Py_IS_TYPE(spec, &_PyModuleSpec_Type)) {
        return PyObject_GetAttrString(spec, names[field]);
    }
    PyObject **slot = NULL;
    switch (field) {
    case _PySpec_NAME: slot = &SPEC(spec)->name; break;
    case _PySpec_LOADER: slot = &SPEC(spec)->loader; break;
    case _PySpec_ORIGIN: slot = &SPEC(spec)->origin; break;
    case _PySpec_LOCATIONS: slot = &SPEC(spec)->locations; break;
    case _PySpec_PARENT: return spec_get_parent(spec, NULL);
    case _PySpec_HAS_LOCATION: return spec_get_has_location(spec, NULL);
    case _PySpec_CACHED: return spec_get_cached(spec, NULL);
    }
    PyObject *value = slot ? _PyImport_LoadRef(spec, slot) : NULL;
    return value ? value : Py_NewRef(Py_None);
}

/* spec._initializing = value, directly for an exact ModuleSpec. */
int _PyModuleSpec_SetInitializing(PyObject *spec, PyObject *value)
{
    if (!Py_IS_TYPE(spec, &_PyModuleSpec_Type)) {
        return PyObject_SetAttrString(spec, "_initializing", value);
    }
    _PyImport_StoreRef(spec, &SPEC(spec)->initializing, value);
    return 0;
}

/* spec.submodule_search_locations = locations. */
int _PyModuleSpec_SetLocations(PyObject *spec, PyObject *locations)
{
    if (!Py_IS_TYPE(spec, &_PyModuleSpec_Type)) {
        return PyObject_SetAttrString(spec, "submodule_search_locations",
                                      locations);
    }
    _PyImport_StoreRef(spec, &SPEC(spec)->locations, locations);
    return 0;
}

/* spec.has_location = flag. */
int _PyModuleSpec_SetHasLocation(PyObject *spec, int flag)
{
    if (!Py_IS_TYPE(spec, &_PyModuleSpec_Type)) {
        return PyObject_SetAttrString(spec, "has_location",
                                      flag ? Py_True : Py_False);
    }
    _PyImport_StoreRef(spec, &SPEC(spec)->set_fileattr,
                       flag ? Py_True : Py_False);
    return 0;
}

/* spec.loader = loader. */
int _PyModuleSpec_SetLoader(PyObject *spec, PyObject *loader)
{
    if (!Py_IS_TYPE(spec, &_PyModuleSpec_Type)) {
        return PyObject_SetAttrString(spec, "loader", loader);
    }
    _PyImport_StoreRef(spec, &SPEC(spec)->loader, loader);
    return 0;
}


/* ---- BuiltinImporter ---------------------------------------------------------------- */

PyObject *_PyImport_BuiltinFindSpec(PyObject *fullname)
{
    if (!PyUnicode_Check(fullname) || _PyImport_IsBuiltin(fullname) == 0) {
        Py_RETURN_NONE;
    }
    PyObject *origin = PyUnicode_FromString("built-in");
    if (origin == NULL) {
        return NULL;
    }
    PyObject *spec = _PyModuleSpec_New(fullname,
                                       (PyObject *)&_PyBuiltinImporter_Type,
                                       origin, 0);
    Py_DECREF(origin);
    return spec;
}

static PyObject *builtin_find_spec(PyObject *cls, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"fullname", "path", "target", NULL};
    PyObject *fullname, *path = Py_None, *target = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OO:find_spec", kwlist,
                                     &fullname, &path, &target)) {
        return NULL;
    }
    if (cls == (PyObject *)&_PyBuiltinImporter_Type) {
        return _PyImport_BuiltinFindSpec(fullname);
    }
    /* A subclass: its spec names it as the loader. */
    if (!PyUnicode_Check(fullname) || _PyImport_IsBuiltin(fullname) == 0) {
        Py_RETURN_NONE;
    }
    PyObject *origin = PyUnicode_FromString("built-in");
    PyObject *spec = origin ? _PyModuleSpec_New(fullname, cls, origin, 0) : NULL;
    Py_XDECREF(origin);
    return spec;
}

static PyObject *builtin_create_module(PyObject *unused, PyObject *spec)
{
    (void)unused;
    return _PyImport_CreateBuiltin(spec);
}

static PyObject *builtin_exec_module(PyObject *unused, PyObject *module)
{
    (void)unused;
    if (_PyImport_ExecBuiltin(module) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *builtin_is_package(PyObject *cls, PyObject *fullname)
{
    (void)cls;
    (void)fullname;
    Py_RETURN_FALSE;
}

static PyObject *builtin_get_none(PyObject *cls, PyObject *fullname)
{
    (void)cls;
    (void)fullname;
    Py_RETURN_NONE;
}

static PyObject *builtin_load_module(PyObject *cls, PyObject *fullname)
{
    return _PyImport_LoadModuleShim(cls, fullname);
}

static PyMethodDef builtin_methods[] = {
    {"find_spec", _PyCFunction_CAST(builtin_find_spec),
     METH_VARARGS | METH_KEYWORDS | METH_CLASS, NULL},
    {"create_module", builtin_create_module, METH_O | METH_STATIC,
     "Create a built-in module"},
    {"exec_module", builtin_exec_module, METH_O | METH_STATIC,
     "Exec a built-in module"},
    {"is_package", builtin_is_package, METH_O | METH_CLASS,
     "Return False as built-in modules are never packages."},
    {"get_code", builtin_get_none, METH_O | METH_CLASS,
     "Return None as built-in modules do not have code objects."},
    {"get_source", builtin_get_none, METH_O | METH_CLASS,
     "Return None as built-in modules do not have source code."},
    {"load_module", builtin_load_module, METH_O | METH_CLASS,
     "Load the specified module into sys.modules and return it."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyBuiltinImporter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_frozen_importlib.BuiltinImporter",
    .tp_basicsize = sizeof(PyObject),
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Meta path import for built-in modules.\n\n"
              "All methods are either class or static methods to avoid the "
              "need to instantiate the class.",
    .tp_methods = builtin_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_Free,
};


/* ---- the protocol: specs, loaders, module creation ---------------------- */

/* New reference to sys.<name>; NULL without an exception when absent. */
static PyObject *sys_attr(const char *name)
{
    PyObject *value;
    if (PySys_GetOptionalAttrString(name, &value) < 0) {
        return NULL;
    }
    return value;
}

static int modules_contains(PyObject *name)
{
    return PyDict_Contains(_PyInterpreterState_GET()->modules, name);
}

/* importlib._bootstrap._find_spec: ask each sys.meta_path finder.  The
   two C finders are called directly when they appear as themselves. */
PyObject *_PyImport_FindSpec(PyObject *name, PyObject *path, PyObject *target)
{
    PyObject *meta_path = sys_attr("meta_path");
    if (meta_path == NULL || meta_path == Py_None) {
        Py_XDECREF(meta_path);
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_ImportError, "sys.meta_path is None, Python "
                            "is likely shutting down");
        }
        return NULL;
    }
    PyObject *finders = PySequence_List(meta_path);
    Py_DECREF(meta_path);
    if (finders == NULL) {
        return NULL;
    }
    if (PyList_GET_SIZE(finders) == 0
            && PyErr_WarnEx(PyExc_ImportWarning, "sys.meta_path is empty", 1) < 0) {
        Py_DECREF(finders);
        return NULL;
    }
    int is_reload = modules_contains(name);
    PyObject *spec = is_reload < 0 ? NULL : Py_NewRef(Py_None);
    for (Py_ssize_t i = 0; spec == Py_None && i < PyList_GET_SIZE(finders); i++) {
        PyObject *finder = PyList_GET_ITEM(finders, i);
        Py_DECREF(spec);
        if (finder == (PyObject *)&_PyBuiltinImporter_Type) {
            spec = _PyImport_BuiltinFindSpec(name);
            continue;
        }
        if (finder == (PyObject *)&_PyPathFinder_Type) {
            spec = _PyImport_PathFinderFindSpec(name, path, target);
            continue;
        }
        PyObject *method;
        int has = PyObject_GetOptionalAttr(finder, _Py_INTERNED_ID(find_spec),
                                           &method);
        if (has <= 0) {
            spec = has < 0 ? NULL : Py_NewRef(Py_None);
            continue;
        }
        PyObject *args[3] = {name, path ? path : Py_None,
                             target ? target : Py_None};
        spec = PyObject_Vectorcall(method, args, 3, NULL);
        Py_DECREF(method);
    }
    Py_DECREF(finders);
    if (spec == NULL || spec == Py_None || is_reload) {
        return spec;
    }
    /* The finder itself imported the module: prefer the module's spec. */
    PyObject *module = PyImport_GetModule(name);
    if (module == NULL) {
        return PyErr_Occurred() ? (Py_DECREF(spec), NULL) : spec;
    }
    PyObject *own;
    int has = PyObject_GetOptionalAttr(module, _Py_INTERNED_ID(__spec__), &own);
    Py_DECREF(module);
    if (has < 0) {
        Py_DECREF(spec);
        return NULL;
    }
    if (has && own != Py_None) {
        Py_SETREF(spec, own);
    }
    else {
        Py_XDECREF(own);
    }
    return spec;
}

/* Is getattr(module, name, None) None (so the attribute may be set)?
   A plain module is asked through its dict. */
static int attr_unset(PyObject *module, PyObject *name)
{
    PyObject *value;
    int has = PyModule_CheckExact(module)
        ? PyDict_GetItemRef(PyModule_GetDict(module), name, &value)
        : PyObject_GetOptionalAttr(module, name, &value);
    if (has <= 0) {
        return has < 0 ? -1 : 1;
    }
    int unset = value == Py_None;
    Py_DECREF(value);
    return unset;
}

/* setattr(module, name, value), ignoring AttributeError as CPython. */
static int set_module_attr(PyObject *module, PyObject *name, PyObject *value)
{
    if (PyModule_CheckExact(module)) {
        return PyDict_SetItem(PyModule_GetDict(module), name, value);
    }
    if (PyObject_SetAttr(module, name, value) < 0) {
        if (!PyErr_ExceptionMatches(PyExc_AttributeError)) {
            return -1;
        }
        PyErr_Clear();
    }
    return 0;
}

/* Sets attribute name from spec.<field> when override is true or the
   module's value is missing or None. */
static int init_attr_from_spec(PyObject *module, PyObject *spec,
                               PyObject *name, enum _PySpecField field,
                               int override)
{
    int unset = override ? 1 : attr_unset(module, name);
    if (unset <= 0) {
        return unset;
    }
    PyObject *value = _PyModuleSpec_Get(spec, field);
    if (value == NULL) {
        return -1;
    }
    int res = set_module_attr(module, name, value);
    Py_DECREF(value);
    return res;
}

/* A namespace package's loader: made here, as CPython does, when the
   spec has search locations but no loader. */
static int init_loader_attr(PyObject *module, PyObject *spec, int override)
{
    int unset = override ? 1 : attr_unset(module, _Py_INTERNED_ID(__loader__));
    if (unset <= 0) {
        return unset;
    }
    PyObject *loader = _PyModuleSpec_Get(spec, _PySpec_LOADER);
    if (loader == NULL) {
        return -1;
    }
    if (loader == Py_None) {
        PyObject *locs = _PyModuleSpec_Get(spec, _PySpec_LOCATIONS);
        if (locs == NULL) {
            Py_DECREF(loader);
            return -1;
        }
        if (locs != Py_None) {
            Py_SETREF(loader, _PyImport_NamespaceLoaderFor(locs));
            if (loader == NULL
                    || _PyModuleSpec_SetLoader(spec, loader) < 0
                    || set_module_attr(module, _Py_INTERNED_ID(__file__),
                                       Py_None) < 0) {
                Py_XDECREF(loader);
                Py_DECREF(locs);
                return -1;
            }
        }
        Py_DECREF(locs);
    }
    int res = set_module_attr(module, _Py_INTERNED_ID(__loader__), loader);
    Py_DECREF(loader);
    return res;
}

/* __file__ and __cached__, for a spec with a location. */
static int init_file_attrs(PyObject *module, PyObject *spec, int override)
{
    PyObject *has_location = _PyModuleSpec_Get(spec, _PySpec_HAS_LOCATION);
    int located = has_location == NULL ? -1 : PyObject_IsTrue(has_location);
    Py_XDECREF(has_location);
    if (located <= 0) {
        return located;
    }
    if (init_attr_from_spec(module, spec, _Py_INTERNED_ID(__file__),
                            _PySpec_ORIGIN, override) < 0) {
        return -1;
    }
    int unset = override ? 1 : attr_unset(module, _Py_INTERNED_ID(__cached__));
    if (unset <= 0) {
        return unset;
    }
    PyObject *cached = _PyModuleSpec_Get(spec, _PySpec_CACHED);
    if (cached == NULL) {
        return -1;
    }
    int err = cached != Py_None
        ? set_module_attr(module, _Py_INTERNED_ID(__cached__), cached) : 0;
    Py_DECREF(cached);
    return err;
}

/* importlib._bootstrap._init_module_attrs. */
int _PyImport_InitModuleAttrs(PyObject *spec, PyObject *module, int override)
{
    if (init_attr_from_spec(module, spec, _Py_INTERNED_ID(__name__),
                            _PySpec_NAME, override) < 0
            || init_loader_attr(module, spec, override) < 0
            || init_attr_from_spec(module, spec, _Py_INTERNED_ID(__package__),
                                   _PySpec_PARENT, override) < 0
            || set_module_attr(module, _Py_INTERNED_ID(__spec__), spec) < 0) {
        return -1;
    }
    PyObject *locs = _PyModuleSpec_Get(spec, _PySpec_LOCATIONS);
    if (locs == NULL) {
        return -1;
    }
    int err = 0;
    if (locs != Py_None) {
        int unset = override ? 1 : attr_unset(module, _Py_INTERNED_ID(__path__));
        err = unset < 0 ? -1
              : unset ? set_module_attr(module, _Py_INTERNED_ID(__path__), locs)
                      : 0;
    }
    Py_DECREF(locs);
    return err < 0 ? -1 : init_file_attrs(module, spec, override);
}

/* importlib.util.module_from_spec. */
PyObject *_PyImport_ModuleFromSpec(PyObject *spec)
{
    PyObject *loader = _PyModuleSpec_Get(spec, _PySpec_LOADER);
    if (loader == NULL) {
        return NULL;
    }
    PyObject *module = NULL;
    int fast = loader == Py_None ? 1
               : _PyImport_FastCreateModule(loader, spec, &module);
    if (fast == 0) {
        PyObject *create;
        int has = PyObject_GetOptionalAttr(loader, _Py_INTERNED_ID(create_module),
                                           &create);
        if (has > 0) {
            module = PyObject_CallOneArg(create, spec);
            Py_DECREF(create);
            fast = module == NULL ? -1 : 1;
        }
        else if (has == 0) {
            has = PyObject_HasAttrWithError(loader, _Py_INTERNED_ID(exec_module));
            if (has > 0) {
                PyErr_SetString(PyExc_ImportError, "loaders that define "
                                "exec_module() must also define create_module()");
            }
            fast = has != 0 ? -1 : 1;
        }
        else {
            fast = -1;
        }
    }
    Py_DECREF(loader);
    if (fast < 0) {
        return NULL;
    }
    if (module == NULL || module == Py_None) {
        Py_XDECREF(module);
        PyObject *name = _PyModuleSpec_Get(spec, _PySpec_NAME);
        if (name == NULL) {
            return NULL;
        }
        module = PyModule_NewObject(name);
        Py_DECREF(name);
        if (module == NULL) {
            return NULL;
        }
    }
    if (_PyImport_InitModuleAttrs(spec, module, 0) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}

/* loader.exec_module(module), directly for the C loaders. */
static int exec_with_loader(PyObject *loader, PyObject *module)
{
    int fast = _PyImport_FastExecModule(loader, module);
    if (fast != 0) {
        return fast < 0 ? -1 : 0;
    }
    PyObject *res = PyObject_CallMethodOneArg(loader, _Py_INTERNED_ID(exec_module),
                                              module);
    if (res == NULL) {
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

/* The name CPython's messages use for an object: its __qualname__, its
   __name__, or its type's __qualname__. */
static PyObject *object_name(PyObject *obj)
{
    PyObject *name;
    if (PyObject_GetOptionalAttrString(obj, "__qualname__", &name) != 0
            || PyObject_GetOptionalAttrString(obj, "__name__", &name) != 0) {
        return name;
    }
    return PyObject_GetAttrString((PyObject *)Py_TYPE(obj), "__qualname__");
}

/* A loader without exec_module: warn, then load_module(name). */
static PyObject *load_backward_compatible(PyObject *spec, PyObject *name,
                                          PyObject *loader)
{
    PyObject *qual = object_name(loader);
    if (qual == NULL || PyErr_WarnFormat(PyExc_ImportWarning, 1,
                                         "%S.exec_module() not found; falling "
                                         "back to load_module()", qual) < 0) {
        Py_XDECREF(qual);
        return NULL;
    }
    Py_DECREF(qual);
    PyObject *res = PyObject_CallMethod(loader, "load_module", "O", name);
    if (res == NULL) {
        remove_module(name);
        return NULL;
    }
    Py_DECREF(res);
    /* The loader put the module in sys.modules; give it its attributes. */
    PyObject *module = PyImport_GetModule(name);
    if (module == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetObject(PyExc_KeyError, name);
        }
        return NULL;
    }
    PyObject *const attrs[] = {_Py_INTERNED_ID(__loader__),
                               _Py_INTERNED_ID(__package__),
                               _Py_INTERNED_ID(__spec__)};
    for (int i = 0; i < 3; i++) {
        int unset = attr_unset(module, attrs[i]);
        PyObject *value = unset <= 0 ? NULL
            : i == 0 ? Py_NewRef(loader)
            : i == 2 ? Py_NewRef(spec)
            : _PyModuleSpec_Get(spec, _PySpec_PARENT);
        if (unset < 0 || (unset > 0 && (value == NULL
                          || set_module_attr(module, attrs[i], value) < 0))) {
            Py_XDECREF(value);
            Py_DECREF(module);
            return NULL;
        }
        Py_XDECREF(value);
    }
    return module;
}

static void verbose_imported(PyObject *name, PyObject *spec)
{
    if (_PyImport_Verbose() < 1) {
        return;
    }
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *loader = _PyModuleSpec_Get(spec, _PySpec_LOADER);
    if (loader != NULL) {
        PySys_FormatStderr("import %R # %R\n", name, loader);
        Py_DECREF(loader);
    }
    PyErr_Clear();
    PyErr_SetRaisedException(exc);
}

/* Moves sys.modules[name] to the end (as CPython's pop-and-store does)
   and returns it; KeyError when the module removed itself. */
static PyObject *reread_module(PyObject *name)
{
    PyObject *modules = _PyInterpreterState_GET()->modules;
    PyObject *module;
    int found = PyDict_Pop(modules, name, &module);
    if (found <= 0) {
        if (found == 0) {
            PyErr_SetObject(PyExc_KeyError, name);
        }
        return NULL;
    }
    if (PyDict_SetItem(modules, name, module) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}

static void set_initializing(PyObject *spec, PyObject *value)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (_PyModuleSpec_SetInitializing(spec, value) < 0) {
        PyErr_Clear();
    }
    PyErr_SetRaisedException(exc);
}

/* importlib._bootstrap._load_unlocked: create the module, register it,
   run the loader, and return what sys.modules then holds.  The caller
   holds name's import record. */
static PyObject *load_unlocked(PyObject *spec)
{
    PyObject *name = _PyModuleSpec_Get(spec, _PySpec_NAME);
    PyObject *loader = name ? _PyModuleSpec_Get(spec, _PySpec_LOADER) : NULL;
    if (loader == NULL) {
        Py_XDECREF(name);
        return NULL;
    }
    if (loader != Py_None && !_PyImport_IsFastLoader(loader)) {
        int has = PyObject_HasAttrWithError(loader, _Py_INTERNED_ID(exec_module));
        if (has <= 0) {
            PyObject *module = has < 0 ? NULL
                : load_backward_compatible(spec, name, loader);
            Py_DECREF(loader);
            Py_DECREF(name);
            return module;
        }
    }
    Py_DECREF(loader);
    PyObject *module = _PyImport_ModuleFromSpec(spec);
    if (module == NULL) {
        Py_DECREF(name);
        return NULL;
    }
    set_initializing(spec, Py_True);
    PyObject *modules = _PyInterpreterState_GET()->modules;
    int err = PyDict_SetItem(modules, name, module);
    if (err == 0) {
        /* module_from_spec may have given a namespace package its loader. */
        loader = _PyModuleSpec_Get(spec, _PySpec_LOADER);
        err = loader == NULL ? -1 : 0;
        if (loader == Py_None) {
            PyObject *locs = _PyModuleSpec_Get(spec, _PySpec_LOCATIONS);
            if (locs == Py_None) {
                PyObject *msg = PyUnicode_FromString("missing loader");
                if (msg != NULL) {
                    PyErr_SetImportError(msg, name, NULL);
                    Py_DECREF(msg);
                }
            }
            err = locs == NULL || locs == Py_None ? -1 : 0;
            Py_XDECREF(locs);
        }
        else if (loader != NULL) {
            err = exec_with_loader(loader, module);
        }
        Py_XDECREF(loader);
        if (err < 0) {
            remove_module(name);
        }
    }
    Py_SETREF(module, err < 0 ? NULL : reread_module(name));
    if (module != NULL) {
        verbose_imported(name, spec);
    }
    set_initializing(spec, Py_False);
    Py_DECREF(name);
    return module;
}

/* Binds child as an attribute of its parent package (an ImportWarning,
   as CPython, when the parent refuses). */
static int bind_in_parent(PyObject *parent_name, PyObject *child,
                          PyObject *module)
{
    PyObject *parent = PyImport_GetModule(parent_name);
    if (parent == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetObject(PyExc_KeyError, parent_name);
        }
        return -1;
    }
    int err = PyObject_SetAttr(parent, child, module);
    Py_DECREF(parent);
    if (err < 0 && PyErr_ExceptionMatches(PyExc_AttributeError)) {
        PyErr_Clear();
        err = PyErr_WarnFormat(PyExc_ImportWarning, 1, "Cannot set an "
                               "attribute on %R for child module %R",
                               parent_name, child);
    }
    return err;
}

/* The parent package's __path__ (new reference), or ModuleNotFoundError
   when the parent is not a package; *parent_spec gets its __spec__. */
static PyObject *parent_search_path(PyObject *name, PyObject *parent_name,
                                    PyObject **parent_spec)
{
    *parent_spec = NULL;
    PyObject *parent = PyImport_GetModule(parent_name);
    if (parent == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetObject(PyExc_KeyError, parent_name);
        }
        return NULL;
    }
    PyObject *path;
    int has = PyObject_GetOptionalAttr(parent, _Py_INTERNED_ID(__path__), &path);
    if (has == 0) {
        set_not_found(name, PyUnicode_FromFormat(
            "No module named %R; %R is not a package", name, parent_name));
    }
    if (has > 0 && PyObject_GetOptionalAttr(parent, _Py_INTERNED_ID(__spec__),
                                            parent_spec) < 0) {
        Py_CLEAR(path);
    }
    Py_DECREF(parent);
    return has > 0 ? path : NULL;
}

/* While a submodule loads, its name is listed in the parent spec's
   _uninitialized_submodules (for "partially initialized" messages). */
static void track_submodule(PyObject *parent_spec, PyObject *child, int add)
{
    if (parent_spec == NULL || parent_spec == Py_None) {
        return;
    }
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *list;
    if (PyObject_GetOptionalAttrString(parent_spec, "_uninitialized_submodules",
                                       &list) > 0 && PyList_Check(list)) {
        if (add) {
            (void)PyList_Append(list, child);
        }
        else if (PyList_GET_SIZE(list) > 0) {
            (void)PyList_SetSlice(list, PyList_GET_SIZE(list) - 1,
                                  PyList_GET_SIZE(list), NULL);
        }
    }
    Py_XDECREF(list);
    PyErr_Clear();
    PyErr_SetRaisedException(exc);
}

/* importlib._bootstrap._find_and_load_unlocked for name, claimed by this
   thread; its parent (when dotted) is already imported. */
static PyObject *find_and_load_claimed(PyObject *name, PyObject *parent_name,
                                       PyObject *child)
{
    PyObject *path = NULL, *parent_spec = NULL;
    if (parent_name != NULL) {
        path = parent_search_path(name, parent_name, &parent_spec);
        if (path == NULL) {
            return NULL;
        }
    }
    PyObject *spec = _PyImport_FindSpec(name, path, NULL);
    Py_XDECREF(path);
    PyObject *module = NULL;
    if (spec == Py_None) {
        no_module_named(name);
    }
    else if (spec != NULL) {
        track_submodule(parent_spec, child, 1);
        module = load_unlocked(spec);
        track_submodule(parent_spec, child, 0);
    }
    Py_XDECREF(spec);
    Py_XDECREF(parent_spec);
    if (module != NULL && parent_name != NULL
            && bind_in_parent(parent_name, child, module) < 0) {
        Py_CLEAR(module);
    }
    return module;
}

/* ---- -X importtime ----------------------------------------------------- */

/* The nesting depth of the imports this thread is timing, and the time
   spent so far in the imports nested in the innermost one.  Per thread,
   so that concurrent imports in the free-threaded build keep their own
   nesting; the report lines of two threads may still interleave, as
   CPython documents. */
static __thread int import_time_level;
static __thread int64_t import_time_nested_ns;

/* Set once by the first report line, from any thread. */
static int import_time_header_done;

static void print_import_time_header(void)
{
    if (!__atomic_exchange_n(&import_time_header_done, 1, __ATOMIC_RELAXED)) {
        fputs("import time: self [us] | cumulative | imported package\n",
              stderr);
    }
}

/* -X importtime=2 also reports modules found already in sys.modules. */
static void report_cached_import(PyObject *name)
{
    if (_Py_GetConfig()->import_time < 2) {
        return;
    }
    const char *utf8 = PyUnicode_AsUTF8(name);
    if (utf8 == NULL) {
        PyErr_Clear();
        return;
    }
    print_import_time_header();
    fprintf(stderr, "import time: cached    | cached     | %*s\n",
            import_time_level * 2, utf8);
}

static int64_t microseconds_rounded_up(int64_t ns)
{
    return (ns + 999) / 1000;
}

static PyObject *find_and_load(PyObject *name);

/* find_and_load(name) reporting, with -X importtime, the microseconds it
   took itself and with the imports it caused (CPython's format). */
static PyObject *timed_find_and_load(PyObject *name)
{
    if (!_Py_GetConfig()->import_time) {
        return find_and_load(name);
    }
    print_import_time_header();
    int64_t outer_nested_ns = import_time_nested_ns;
    import_time_nested_ns = 0;
    import_time_level++;
    PyTime_t start, end;
    (void)PyTime_PerfCounterRaw(&start);
    PyObject *module = find_and_load(name);
    (void)PyTime_PerfCounterRaw(&end);
    import_time_level--;
    int64_t cumulative_ns = end - start;
    const char *utf8 = PyUnicode_AsUTF8(name);
    if (utf8 != NULL) {
        fprintf(stderr, "import time: %9lld | %10lld | %*s%s\n",
                (long long)microseconds_rounded_up(cumulative_ns - import_time_nested_ns),
                (long long)microseconds_rounded_up(cumulative_ns),
                import_time_level * 2, "", utf8);
    }
    else {
        PyErr_Clear();
    }
    import_time_nested_ns = outer_nested_ns + cumulative_ns;
    return module;
}

/* sys.modules[name], importing it (and its parents) when absent. */
static PyObject *import_absolute(PyObject *name)
{
    PyObject *mod = lookup_waiting(name);
    if (mod != NULL && mod != Py_None) {
        report_cached_import(name);
    }
    else if (mod == NULL && !PyErr_Occurred()) {
        mod = timed_find_and_load(name);
    }
    if (mod == Py_None) {
        Py_DECREF(mod);
        set_not_found(name, PyUnicode_FromFormat(
            "import of %U halted; None in sys.modules", name));
        return NULL;
    }
    return mod;
}

/* name imported: its parent first, then name itself unless another
   thread imported it meanwhile.  A new reference (maybe None, from
   sys.modules) or NULL with an exception. */
static PyObject *find_and_load(PyObject *name)
{
    PyObject *mod = NULL;
    Py_ssize_t len = PyUnicode_GET_LENGTH(name);
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, -1);
    if (dot == -2) {
        return NULL;
    }
    PyObject *parent_name = NULL, *child;
    if (dot >= 0) {
        parent_name = PyUnicode_Substring(name, 0, dot);
        if (parent_name == NULL) {
            return NULL;
        }
        /* Any value already in sys.modules counts as the parent, as in
           CPython: a None there makes the child "not a package". */
        PyObject *parent_mod = lookup_waiting(parent_name);
        if (parent_mod == NULL && !PyErr_Occurred()) {
            parent_mod = import_absolute(parent_name);
        }
        if (parent_mod == NULL) {
            Py_DECREF(parent_name);
            return NULL;
        }
        Py_DECREF(parent_mod);
        child = PyUnicode_Substring(name, dot + 1, len);
    }
    else {
        child = Py_NewRef(name);
    }
    struct import_record *claim = NULL;
    if (child != NULL) {
        mod = lookup_or_claim(name, 1, &claim);
    }
    if (claim != NULL) {
        mod = find_and_load_claimed(name, parent_name, child);
        release_claim(claim);
    }
    Py_XDECREF(child);
    Py_XDECREF(parent_name);
    return mod;
}

/* ---- importlib._bootstrap's entry points ------------------------------- */

static PyObject *spec_name(PyObject *spec)
{
    PyObject *name = _PyModuleSpec_Get(spec, _PySpec_NAME);
    if (name != NULL && !PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "module name must be str, not %.100s",
                     Py_TYPE(name)->tp_name);
        Py_CLEAR(name);
    }
    return name;
}

/* importlib._bootstrap._load: load spec under its module's lock,
   replacing any module of that name. */
PyObject *_PyImport_LoadSpec(PyObject *spec)
{
    PyObject *name = spec_name(spec);
    if (name == NULL) {
        return NULL;
    }
    struct import_record *claim = NULL;
    PyObject *module = lookup_or_claim(name, 0, &claim);
    if (claim != NULL) {
        module = load_unlocked(spec);
        release_claim(claim);
    }
    Py_DECREF(name);
    return module;
}

/* importlib._bootstrap._exec: re-run spec's loader on module, which must
   still be sys.modules[spec.name] (importlib.reload). */
PyObject *_PyImport_ExecSpec(PyObject *spec, PyObject *module)
{
    PyObject *name = spec_name(spec);
    if (name == NULL) {
        return NULL;
    }
    struct import_record *claim = NULL;
    PyObject *result = lookup_or_claim(name, 0, &claim);
    if (claim == NULL) {
        Py_DECREF(name);
        return result;
    }
    PyObject *current = PyImport_GetModule(name);
    if (current != module) {
        if (!PyErr_Occurred()) {
            PyObject *msg = PyUnicode_FromFormat("module %R not in sys.modules",
                                                 name);
            if (msg != NULL) {
                PyErr_SetImportError(msg, name, NULL);
                Py_DECREF(msg);
            }
        }
        goto done;
    }
    PyObject *loader = _PyModuleSpec_Get(spec, _PySpec_LOADER);
    int err = loader == NULL ? -1 : 0;
    if (loader == Py_None) {
        PyObject *locs = _PyModuleSpec_Get(spec, _PySpec_LOCATIONS);
        if (locs == Py_None) {
            PyObject *msg = PyUnicode_FromString("missing loader");
            if (msg != NULL) {
                PyErr_SetImportError(msg, name, NULL);
                Py_DECREF(msg);
            }
        }
        err = locs == NULL || locs == Py_None ? -1
              : _PyImport_InitModuleAttrs(spec, module, 1);
        Py_XDECREF(locs);
    }
    else if (loader != NULL) {
        err = _PyImport_InitModuleAttrs(spec, module, 1);
        int has = err < 0 ? -1 : _PyImport_IsFastLoader(loader) ? 1
                  : PyObject_HasAttrWithError(loader, _Py_INTERNED_ID(exec_module));
        if (has > 0) {
            err = exec_with_loader(loader, module);
        }
        else if (has == 0) {
            PyObject *res = PyObject_CallMethod(loader, "load_module", "O", name);
            err = res == NULL ? -1 : 0;
            Py_XDECREF(res);
        }
        else {
            err = -1;
        }
    }
    Py_XDECREF(loader);
    /* Whatever happened, the module ends up last in sys.modules. */
    PyObject *exc = PyErr_GetRaisedException();
    result = reread_module(name);
    if (exc != NULL) {
        Py_CLEAR(result);
        PyErr_SetRaisedException(exc);
    }
    else if (err < 0) {
        Py_CLEAR(result);
    }
done:
    Py_XDECREF(current);
    release_claim(claim);
    Py_DECREF(name);
    return result;
}

/* A spec for loader (importlib.util.spec_from_loader without an
   origin): file loaders go through spec_from_file_location. */
static PyObject *spec_for_loader(PyObject *name, PyObject *loader)
{
    int has = PyObject_HasAttrStringWithError(loader, "get_filename");
    if (has != 0) {
        return has < 0 ? NULL
               : _PyImport_SpecFromFileLocation(name, NULL, loader, NULL);
    }
    PyObject *origin = loader == (PyObject *)&_PyBuiltinImporter_Type
                       ? PyUnicode_FromString("built-in") : Py_NewRef(Py_None);
    if (origin == NULL) {
        return NULL;
    }
    int is_package = 0;
    PyObject *method;
    has = PyObject_GetOptionalAttrString(loader, "is_package", &method);
    if (has > 0) {
        PyObject *res = PyObject_CallOneArg(method, name);
        Py_DECREF(method);
        is_package = res == NULL ? -1 : PyObject_IsTrue(res);
        Py_XDECREF(res);
    }
    PyObject *spec = has < 0 || is_package < 0 ? NULL
                     : _PyModuleSpec_New(name, loader, origin, is_package);
    Py_DECREF(origin);
    return spec;
}

/* The deprecated load_module(name) on top of the spec machinery. */
PyObject *_PyImport_LoadModuleShim(PyObject *loader, PyObject *name)
{
    PyObject *spec = spec_for_loader(name, loader);
    if (spec == NULL) {
        return NULL;
    }
    PyObject *module = PyImport_GetModule(name);
    PyObject *result;
    if (module != NULL) {
        result = _PyImport_ExecSpec(spec, module);
        Py_DECREF(module);
    }
    else {
        result = PyErr_Occurred() ? NULL : _PyImport_LoadSpec(spec);
    }
    Py_DECREF(spec);
    return result;
}

/* ---- relative names ------------------------------------------------------ */

/* The package a relative import in globals is relative to (new
   reference; "" when there is none). */
static PyObject *calc_package(PyObject *globals)
{
    PyObject *package, *spec;
    if (PyDict_GetItemRef(globals, _Py_INTERNED_ID(__package__), &package) < 0) {
        return NULL;
    }
    if (package != NULL && package != Py_None) {
        if (!PyUnicode_Check(package)) {
            Py_DECREF(package);
            PyErr_SetString(PyExc_TypeError, "package must be a string");
            return NULL;
        }
        return package;
    }
    Py_XDECREF(package);
    if (PyDict_GetItemRef(globals, _Py_INTERNED_ID(__spec__), &spec) < 0) {
        return NULL;
    }
    if (spec != NULL && spec != Py_None) {
        package = _PyModuleSpec_Get(spec, _PySpec_PARENT);
        Py_DECREF(spec);
        if (package != NULL && !PyUnicode_Check(package)) {
            Py_DECREF(package);
            PyErr_SetString(PyExc_TypeError, "__spec__.parent must be a string");
            return NULL;
        }
        return package;
    }
    Py_XDECREF(spec);
    /* As CPython: guessing from __name__ and __path__ is worth a warning. */
    if (PyErr_WarnEx(PyExc_ImportWarning, "can't resolve package from "
                     "__spec__ or __package__, falling back on __name__ "
                     "and __path__", 1) < 0) {
        return NULL;
    }
    PyObject *name;
    if (PyDict_GetItemRef(globals, _Py_INTERNED_ID(__name__), &name) < 0) {
        return NULL;
    }
    if (name == NULL) {
        PyErr_SetString(PyExc_KeyError, "'__name__' not in globals");
        return NULL;
    }
    if (!PyUnicode_Check(name)) {
        Py_DECREF(name);
        PyErr_SetString(PyExc_TypeError, "__name__ must be a string");
        return NULL;
    }
    int is_package = PyDict_Contains(globals, _Py_INTERNED_ID(__path__));
    if (is_package != 0) {
        return is_package < 0 ? (Py_DECREF(name), NULL) : name;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(name);
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, -1);
    package = dot < 0 ? PyUnicode_FromString("")
              : dot == -2 ? NULL : PyUnicode_Substring(name, 0, dot);
    Py_DECREF(name);
    return package;
}

static PyObject *resolve_name(PyObject *name, PyObject *globals, int level)
{
    if (globals == NULL) {
        PyErr_SetString(PyExc_KeyError, "'__name__' not in globals");
        return NULL;
    }
    if (!PyDict_Check(globals)) {
        PyErr_SetString(PyExc_TypeError, "globals must be a dict");
        return NULL;
    }
    PyObject *package = calc_package(globals);
    if (package == NULL) {
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(package) == 0) {
        Py_DECREF(package);
        PyErr_SetString(PyExc_ImportError,
                        "attempted relative import with no known parent "
                        "package");
        return NULL;
    }
    Py_ssize_t end = PyUnicode_GET_LENGTH(package);
    for (int i = 1; i < level; i++) {
        end = PyUnicode_FindChar(package, '.', 0, end, -1);
        if (end < 0) {
            Py_DECREF(package);
            if (end == -1) {
                PyErr_SetString(PyExc_ImportError, "attempted relative "
                                "import beyond top-level package");
            }
            return NULL;
        }
    }
    PyObject *base = PyUnicode_Substring(package, 0, end);
    Py_DECREF(package);
    if (base == NULL || PyUnicode_GET_LENGTH(name) == 0) {
        return base;
    }
    PyObject *abs_name = PyUnicode_FromFormat("%U.%U", base, name);
    Py_DECREF(base);
    return abs_name;
}

/* ---- the fromlist --------------------------------------------------------- */

static int handle_fromlist(PyObject *module, PyObject *fromlist, int from_all);

/* `from package import x` where x is not yet an attribute: import the
   submodule package.x; a missing submodule is left to IMPORT_FROM to
   report. */
static int import_from_item(PyObject *module, PyObject *item)
{
    int has = PyObject_HasAttrWithError(module, item);
    if (has != 0) {
        return has < 0 ? -1 : 0;
    }
    PyObject *pkgname = PyObject_GetAttrString(module, "__name__");
    if (pkgname == NULL) {
        return -1;
    }
    PyObject *full = PyUnicode_FromFormat("%U.%U", pkgname, item);
    Py_DECREF(pkgname);
    if (full == NULL) {
        return -1;
    }
    PyObject *sub = import_absolute(full);
    int err = 0;
    if (sub == NULL) {
        err = -1;
        if (PyErr_ExceptionMatches(PyExc_ModuleNotFoundError)) {
            PyObject *exc = PyErr_GetRaisedException();
            PyObject *excname = PyObject_GetAttrString(exc, "name");
            int same = excname != NULL && PyUnicode_Check(excname)
                       && PyUnicode_Compare(excname, full) == 0;
            Py_XDECREF(excname);
            if (same) {
                Py_DECREF(exc);
                err = 0;
            }
            else {
                PyErr_Clear();
                PyErr_SetRaisedException(exc);
            }
        }
    }
    Py_XDECREF(sub);
    Py_DECREF(full);
    return err;
}

static int handle_fromlist(PyObject *module, PyObject *fromlist, int from_all)
{
    PyObject *items = PySequence_List(fromlist);
    if (items == NULL) {
        return -1;
    }
    int err = 0;
    for (Py_ssize_t i = 0; err == 0 && i < PyList_GET_SIZE(items); i++) {
        PyObject *item = PyList_GET_ITEM(items, i);
        if (!PyUnicode_Check(item)) {
            PyObject *modname = PyObject_GetAttrString(module, "__name__");
            if (from_all && modname != NULL) {
                PyErr_Format(PyExc_TypeError, "Item in %U.__all__ must be "
                             "str, not %.100s", modname,
                             Py_TYPE(item)->tp_name);
            }
            else if (modname != NULL) {
                PyErr_Format(PyExc_TypeError, "Item in ``from list'' must "
                             "be str, not %.100s", Py_TYPE(item)->tp_name);
            }
            Py_XDECREF(modname);
            err = -1;
        }
        else if (PyUnicode_CompareWithASCIIString(item, "*") == 0) {
            PyObject *all;
            if (from_all) {
                continue;
            }
            err = PyObject_GetOptionalAttrString(module, "__all__", &all);
            if (err > 0) {
                err = handle_fromlist(module, all, 1);
                Py_DECREF(all);
            }
        }
        else {
            err = import_from_item(module, item);
        }
    }
    Py_DECREF(items);
    return err < 0 ? -1 : 0;
}

/* ---- entry points ---------------------------------------------------------- */

static int fromlist_is_empty(PyObject *fromlist)
{
    if (fromlist == NULL || fromlist == Py_None) {
        return 1;
    }
    int truth = PyObject_IsTrue(fromlist);
    return truth < 0 ? -1 : !truth;
}

/* No fromlist: `import a.b.c` binds a, so return the top-level package
   of what was named (for relative imports, the package the first
   component of name lives in). */
static PyObject *top_of_import(PyObject *name, PyObject *abs_name,
                               PyObject *mod, int level)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(name);
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, 1);
    if (dot == -2) {
        return NULL;
    }
    if (dot < 0) {
        return Py_NewRef(mod);
    }
    PyObject *front;
    if (level == 0) {
        front = PyUnicode_Substring(name, 0, dot);
    }
    else {
        Py_ssize_t cut = len - dot;
        front = PyUnicode_Substring(abs_name, 0,
                                    PyUnicode_GET_LENGTH(abs_name) - cut);
    }
    if (front == NULL) {
        return NULL;
    }
    PyObject *top = PyImport_GetModule(front);
    if (top == NULL && !PyErr_Occurred()) {
        PyErr_Format(PyExc_KeyError, "%R not in sys.modules as expected",
                     front);
    }
    Py_DECREF(front);
    return top;
}

PyObject *PyImport_ImportModuleLevelObject(PyObject *name, PyObject *globals,
                                           PyObject *locals,
                                           PyObject *fromlist, int level)
{
    (void)locals;
    if (name == NULL || !PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "module name must be a string");
        return NULL;
    }
    if (level < 0) {
        PyErr_SetString(PyExc_ValueError, "level must be >= 0");
        return NULL;
    }
    PyObject *abs_name;
    if (level > 0) {
        abs_name = resolve_name(name, globals, level);
    }
    else if (PyUnicode_GET_LENGTH(name) == 0) {
        PyErr_SetString(PyExc_ValueError, "Empty module name");
        return NULL;
    }
    else {
        abs_name = Py_NewRef(name);
    }
    if (abs_name == NULL) {
        return NULL;
    }
    PyObject *mod = import_absolute(abs_name);
    PyObject *result = NULL;
    int empty = mod == NULL ? -1 : fromlist_is_empty(fromlist);
    if (empty > 0) {
        if (level == 0 || PyUnicode_GET_LENGTH(name) > 0) {
            result = top_of_import(name, abs_name, mod, level);
        }
        else {
            result = Py_NewRef(mod);
        }
    }
    else if (empty == 0) {
        int is_package = PyObject_HasAttrStringWithError(mod, "__path__");
        if (is_package >= 0
                && (!is_package || handle_fromlist(mod, fromlist, 0) == 0)) {
            result = Py_NewRef(mod);
        }
    }
    Py_XDECREF(mod);
    Py_DECREF(abs_name);
    return result;
}

PyObject *PyImport_ImportModuleLevel(const char *name, PyObject *globals,
                                     PyObject *locals, PyObject *fromlist,
                                     int level)
{
    PyObject *nameobj = PyUnicode_FromString(name);
    if (nameobj == NULL) {
        return NULL;
    }
    PyObject *mod = PyImport_ImportModuleLevelObject(nameobj, globals, locals,
                                                     fromlist, level);
    Py_DECREF(nameobj);
    return mod;
}

/* Goes through builtins.__import__, so a replaced __import__ is honoured,
   then returns sys.modules[name] (the submodule, not the package). */
PyObject *PyImport_Import(PyObject *name)
{
    PyObject *builtins = _PyInterpreterState_GET()->builtins;
    PyObject *import_func;
    if (builtins == NULL) {
        PyErr_SetString(PyExc_ImportError, "no builtins to import with");
        return NULL;
    }
    if (PyDict_GetItemRef(builtins, _Py_INTERNED_ID(__import__), &import_func) <= 0) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_ImportError, "__import__ not found");
        }
        return NULL;
    }
    PyObject *globals = PyDict_New();
    PyObject *fromlist = Py_BuildValue("[s]", "__doc__");
    PyObject *result = NULL;
    if (globals != NULL && fromlist != NULL
            && PyDict_SetItemString(globals, "__builtins__", builtins) == 0) {
        PyObject *args[5] = {name, globals, globals, fromlist,
                             PyLong_FromLong(0)};
        if (args[4] != NULL) {
            result = PyObject_Vectorcall(import_func, args, 5, NULL);
            Py_DECREF(args[4]);
        }
    }
    Py_XDECREF(globals);
    Py_XDECREF(fromlist);
    Py_DECREF(import_func);
    if (result == NULL) {
        return NULL;
    }
    Py_DECREF(result);
    PyObject *mod = PyImport_GetModule(name);
    if (mod == NULL && !PyErr_Occurred()) {
        no_module_named(name);
    }
    return mod;
}

PyObject *PyImport_ImportModule(const char *name)
{
    PyObject *nameobj = PyUnicode_FromString(name);
    if (nameobj == NULL) {
        return NULL;
    }
    PyObject *mod = PyImport_Import(nameobj);
    Py_DECREF(nameobj);
    return mod;
}

PyObject *PyImport_ImportModuleAttr(PyObject *mod_name, PyObject *attr_name)
{
    PyObject *mod = PyImport_Import(mod_name);
    if (mod == NULL) {
        return NULL;
    }
    PyObject *attr = PyObject_GetAttr(mod, attr_name);
    Py_DECREF(mod);
    return attr;
}

PyObject *PyImport_ImportModuleAttrString(const char *mod_name,
                                          const char *attr_name)
{
    PyObject *mod = PyImport_ImportModule(mod_name);
    if (mod == NULL) {
        return NULL;
    }
    PyObject *attr = PyObject_GetAttrString(mod, attr_name);
    Py_DECREF(mod);
    return attr;
}

/* ---- _frozen_importlib and start-up -------------------------------------- */

static PyObject *boot_find_spec(PyObject *self, PyObject *args, PyObject *kwds)
{
    (void)self;
    static char *kwlist[] = {"name", "path", "target", NULL};
    PyObject *name, *path = Py_None, *target = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U|OO:_find_spec", kwlist,
                                     &name, &path, &target)) {
        return NULL;
    }
    return _PyImport_FindSpec(name, path, target);
}

static PyObject *boot_module_from_spec(PyObject *self, PyObject *spec)
{
    (void)self;
    return _PyImport_ModuleFromSpec(spec);
}

static PyObject *boot_init_module_attrs(PyObject *self, PyObject *args,
                                        PyObject *kwds)
{
    (void)self;
    static char *kwlist[] = {"spec", "module", "override", NULL};
    PyObject *spec, *module;
    int override = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO|$p:_init_module_attrs",
                                     kwlist, &spec, &module, &override)) {
        return NULL;
    }
    if (_PyImport_InitModuleAttrs(spec, module, override) < 0) {
        return NULL;
    }
    return Py_NewRef(module);
}

static PyObject *boot_exec(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *spec, *module;
    if (!PyArg_ParseTuple(args, "OO:_exec", &spec, &module)) {
        return NULL;
    }
    return _PyImport_ExecSpec(spec, module);
}

static PyObject *boot_load(PyObject *self, PyObject *spec)
{
    (void)self;
    return _PyImport_LoadSpec(spec);
}

static PyObject *boot_find_and_load(PyObject *self, PyObject *name)
{
    (void)self;
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "module name must be str, not %.100s",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    return import_absolute(name);
}

static PyMethodDef bootstrap_functions[] = {
    {"_find_spec", _PyCFunction_CAST(boot_find_spec),
     METH_VARARGS | METH_KEYWORDS,
     "Find a module's spec by asking each finder on sys.meta_path."},
    {"module_from_spec", boot_module_from_spec, METH_O,
     "Create a module based on the provided spec."},
    {"_init_module_attrs", _PyCFunction_CAST(boot_init_module_attrs),
     METH_VARARGS | METH_KEYWORDS,
     "Set the module's import attributes from its spec."},
    {"_exec", boot_exec, METH_VARARGS,
     "Execute the spec's specified module in an existing module's "
     "namespace."},
    {"_load", boot_load, METH_O,
     "Return a new module object, loaded by the spec's loader."},
    {"_find_and_load", boot_find_and_load, METH_O,
     "Find and load the module (or return it from sys.modules)."},
    {NULL, NULL, 0, NULL},
};

/* A module built in C at start-up, registered in sys.modules. */
static PyObject *new_registered_module(PyInterpreterState *interp,
                                       const char *name)
{
    PyObject *module = PyModule_New(name);
    if (module != NULL
            && PyDict_SetItemString(interp->modules, name, module) < 0) {
        Py_CLEAR(module);
    }
    return module;
}

/* A list in sys (meta_path, path_hooks) gets the default items. */
static int extend_sys_list(const char *name, PyObject *items)
{
    PyObject *list = sys_attr(name);
    int res = -1;
    if (list != NULL && items != NULL) {
        res = PyList_SetSlice(list, PyList_GET_SIZE(list),
                              PyList_GET_SIZE(list), items);
    }
    else if (list == NULL && items != NULL) {
        res = PySys_SetObject(name, items);
    }
    Py_XDECREF(list);
    Py_XDECREF(items);
    return res;
}

/* sys and builtins exist before the import system: give them their
   spec and loader afterwards, as CPython's _setup does. */
static int adopt_builtin_module(const char *name)
{
    PyObject *module = PyImport_AddModuleRef(name);
    PyObject *nameobj = module ? PyUnicode_FromString(name) : NULL;
    PyObject *spec = nameobj ? _PyImport_BuiltinFindSpec(nameobj) : NULL;
    int res = spec == NULL ? -1 : _PyImport_InitModuleAttrs(spec, module, 0);
    Py_XDECREF(spec);
    Py_XDECREF(nameobj);
    Py_XDECREF(module);
    return res;
}

/* Runs single-threaded at start-up, after sys exists. */
int _PyImport_InitHook(PyInterpreterState *interp)
{
    PyObject *boot = new_registered_module(interp, "_frozen_importlib");
    if (boot == NULL) {
        return -1;
    }
    int err = PyModule_AddFunctions(boot, bootstrap_functions) < 0
        || PyModule_AddObjectRef(boot, "ModuleSpec",
                                 (PyObject *)&_PyModuleSpec_Type) < 0
        || PyModule_AddObjectRef(boot, "BuiltinImporter",
                                 (PyObject *)&_PyBuiltinImporter_Type) < 0;
    Py_DECREF(boot);
    PyObject *external = err ? NULL
        : new_registered_module(interp, "_frozen_importlib_external");
    if (external == NULL) {
        return -1;
    }
    err = _PyImport_FillExternalModule(external) < 0;
    Py_DECREF(external);
    if (err
            || extend_sys_list("meta_path",
                               Py_BuildValue("[OO]", &_PyBuiltinImporter_Type,
                                             &_PyPathFinder_Type)) < 0
            || extend_sys_list("path_hooks",
                               Py_BuildValue("[NN]", _PyImport_ZipPathHook(),
                                             _PyImport_DefaultPathHook())) < 0
            || adopt_builtin_module("sys") < 0
            || adopt_builtin_module("builtins") < 0) {
        return -1;
    }
    return 0;
}

/* ---- for lazy imports (Python/import_lazy.c) ---------------------------- */

/* The absolute name of `name` imported at level from code whose globals
   are `globals`: a new reference, or NULL with ImportError. */
PyObject *_PyImport_ResolveName(PyObject *name, PyObject *globals, int level)
{
    return level == 0 ? Py_NewRef(name) : resolve_name(name, globals, level);
}

/* capi (session 6): Weft freezes no module, so every name is unknown and
   the answer is 0, "not found", as CPython's for a name it lacks. */
int PyImport_ImportFrozenModuleObject(PyObject *name)
{
    if (name == NULL || !PyUnicode_Check(name)) {
        PyErr_BadArgument();
        return -1;
    }
    return 0;
}

int PyImport_ImportFrozenModule(const char *name)
{
    PyObject *str = PyUnicode_FromString(name);
    if (str == NULL) {
        return -1;
    }
    int rc = PyImport_ImportFrozenModuleObject(str);
    Py_DECREF(str);
    return rc;
}
