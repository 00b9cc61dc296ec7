/* The import system, first cut: built-in modules from the inittab and
   source modules, regular packages and namespace packages found on
   sys.path, all in C.  sys.meta_path / sys.path_hooks finders and the
   bytecode cache come later.

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
   get the partial module instead of waiting forever. */
#include "Python.h"
#include "import.h"
#include "sysmodule.h"
#include "pythonrun.h"
#include "cpython/lock.h"
#include "cpython/namespaceobject.h"
#include "pycore_compile.h"
#include "pycore_import.h"
#include "pycore_pystate.h"
#include "pycore_typeobject.h"
#include <sys/stat.h>
#include <unistd.h>


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
#ifdef WEFT_SRCDIR
    return WEFT_SRCDIR "/Lib";
#else
    return NULL;
#endif
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
   with an exception.  Waits while another thread executes name.
   sys.modules is consulted only after claiming, outside records_mutex:
   a dict operation may block and detach, and records_mutex is held by
   attached threads only for short C-only work.  Claims are exclusive,
   so a module found missing while claimed cannot be loaded elsewhere. */
static PyObject *lookup_or_claim(PyObject *name, struct import_record **claimed)
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
    if (PyDict_GetItemRef(tstate->interp->modules, name, &mod) != 0) {
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

/* ---- finding source modules --------------------------------------------- */

enum found_kind { FOUND_NOTHING, FOUND_MODULE, FOUND_PACKAGE, FOUND_NAMESPACE };

struct found {
    enum found_kind kind;
    PyObject *origin;           /* file to execute, or NULL (namespace) */
    PyObject *locations;        /* list: the package's __path__, or NULL */
};

static int stat_is(PyObject *path, int dir)
{
    PyObject *bytes = PyUnicode_EncodeFSDefault(path);
    if (bytes == NULL) {
        return -1;
    }
    struct stat st;
    int ok = stat(PyBytes_AS_STRING(bytes), &st) == 0
             && (dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode));
    Py_DECREF(bytes);
    return ok;
}

/* entry/tail.  An empty entry means the current directory, spelled out
   so __file__ is absolute, as in CPython. */
static PyObject *join_path(PyObject *entry, PyObject *tail)
{
    if (PyUnicode_GET_LENGTH(entry) > 0) {
        return PyUnicode_FromFormat("%U/%U", entry, tail);
    }
    char cwd[4096];
    if (getcwd(cwd, sizeof(cwd)) == NULL) {
        return Py_NewRef(tail);
    }
    PyObject *dir = PyUnicode_DecodeFSDefault(cwd);
    if (dir == NULL) {
        return NULL;
    }
    PyObject *path = PyUnicode_FromFormat("%U/%U", dir, tail);
    Py_DECREF(dir);
    return path;
}

/* One path entry: a package directory with __init__.py, then a .py file,
   then a directory that may be a namespace portion (appended to
   portions).  Returns 1 when a module or package was found. */
static int search_entry(PyObject *entry, PyObject *shortname,
                        struct found *out, PyObject *portions)
{
    PyObject *dir = join_path(entry, shortname);
    if (dir == NULL) {
        return -1;
    }
    int is_dir = stat_is(dir, 1);
    if (is_dir > 0) {
        PyObject *init = PyUnicode_FromFormat("%U/__init__.py", dir);
        int has_init = init == NULL ? -1 : stat_is(init, 0);
        if (has_init > 0) {
            out->kind = FOUND_PACKAGE;
            out->origin = init;
            out->locations = Py_BuildValue("[O]", dir);
            Py_DECREF(dir);
            return out->locations == NULL ? -1 : 1;
        }
        Py_XDECREF(init);
        if (has_init < 0 || PyList_Append(portions, dir) < 0) {
            Py_DECREF(dir);
            return -1;
        }
    }
    Py_DECREF(dir);
    if (is_dir < 0) {
        return -1;
    }
    PyObject *file = PyUnicode_FromFormat("%U.py", shortname);
    PyObject *path = file == NULL ? NULL : join_path(entry, file);
    Py_XDECREF(file);
    int is_file = path == NULL ? -1 : stat_is(path, 0);
    if (is_file > 0) {
        out->kind = FOUND_MODULE;
        out->origin = path;
        return 1;
    }
    Py_XDECREF(path);
    return is_file;
}

/* Searches a list of directories (sys.path or a package's __path__). */
static int find_source(PyObject *search_path, PyObject *shortname,
                       struct found *out)
{
    out->kind = FOUND_NOTHING;
    out->origin = out->locations = NULL;
    PyObject *entries = PySequence_List(search_path);
    if (entries == NULL) {
        return -1;
    }
    PyObject *portions = PyList_New(0);
    int res = portions == NULL ? -1 : 0;
    for (Py_ssize_t i = 0; res == 0 && i < PyList_GET_SIZE(entries); i++) {
        PyObject *entry = PyList_GET_ITEM(entries, i);
        if (PyUnicode_Check(entry)) {
            res = search_entry(entry, shortname, out, portions);
        }
    }
    if (res == 0 && PyList_GET_SIZE(portions) > 0) {
        out->kind = FOUND_NAMESPACE;
        out->locations = Py_NewRef(portions);
        res = 1;
    }
    Py_XDECREF(portions);
    Py_DECREF(entries);
    return res;
}

/* ---- loading ------------------------------------------------------------ */

/* The ModuleSpec stand-in: a namespace with CPython's spec attributes.
   The loader is a namespace too (name and path); loader objects with
   exec_module arrive with sys.meta_path support. */
static PyObject *make_spec(PyObject *name, PyObject *parent,
                           struct found *f, const char *loader_kind)
{
    PyObject *origin = f->origin ? f->origin : Py_None;
    PyObject *locations = f->locations ? f->locations : Py_None;
    PyObject *loader_kw = Py_BuildValue("{s:O,s:O,s:s}", "name", name,
                                        "path", origin, "kind", loader_kind);
    PyObject *loader = loader_kw ? _PyNamespace_New(loader_kw) : NULL;
    Py_XDECREF(loader_kw);
    if (loader == NULL) {
        return NULL;
    }
    PyObject *kw = Py_BuildValue(
        "{s:O,s:O,s:O,s:O,s:O,s:O,s:O,s:O}", "name", name, "loader", loader,
        "origin", origin, "submodule_search_locations", locations,
        "parent", parent, "cached", Py_None, "loader_state", Py_None,
        "has_location", f->origin ? Py_True : Py_False);
    Py_DECREF(loader);
    if (kw == NULL) {
        return NULL;
    }
    PyObject *spec = _PyNamespace_New(kw);
    Py_DECREF(kw);
    return spec;
}

/* Sets the import attributes of a fresh module from its spec. */
static int init_module_attrs(PyObject *module, PyObject *spec,
                             struct found *f)
{
    PyObject *dict = PyModule_GetDict(module);
    PyObject *loader = PyObject_GetAttrString(spec, "loader");
    PyObject *parent = PyObject_GetAttrString(spec, "parent");
    int err = loader == NULL || parent == NULL
        || PyDict_SetItemString(dict, "__spec__", spec) < 0
        || PyDict_SetItemString(dict, "__loader__", loader) < 0
        || PyDict_SetItemString(dict, "__package__", parent) < 0
        || PyDict_SetItemString(dict, "__file__",
                                f->origin ? f->origin : Py_None) < 0
        || (f->locations != NULL
            && PyDict_SetItemString(dict, "__path__", f->locations) < 0);
    Py_XDECREF(loader);
    Py_XDECREF(parent);
    return err ? -1 : 0;
}

static PyObject *read_source(PyObject *path)
{
    PyObject *bytes = PyUnicode_EncodeFSDefault(path);
    if (bytes == NULL) {
        return NULL;
    }
    FILE *fp = fopen(PyBytes_AS_STRING(bytes), "rb");
    Py_DECREF(bytes);
    if (fp == NULL) {
        PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, path);
        return NULL;
    }
    PyObject *text = PyBytes_FromStringAndSize(NULL, 0);
    char buf[8192];
    size_t n;
    while (text != NULL && (n = fread(buf, 1, sizeof(buf), fp)) > 0) {
        PyObject *chunk = PyBytes_FromStringAndSize(buf, (Py_ssize_t)n);
        PyBytes_ConcatAndDel(&text, chunk);
    }
    if (text != NULL && ferror(fp)) {
        Py_CLEAR(text);
        PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, path);
    }
    fclose(fp);
    return text;
}

static PyObject *compile_source(PyObject *path)
{
    PyObject *text = read_source(path);
    if (text == NULL) {
        return NULL;
    }
    if (strlen(PyBytes_AS_STRING(text)) != (size_t)PyBytes_GET_SIZE(text)) {
        Py_DECREF(text);
        PyErr_SetString(PyExc_SyntaxError,
                        "source code string cannot contain null bytes");
        return NULL;
    }
    PyObject *code = Py_CompileStringObject(PyBytes_AS_STRING(text), path,
                                            Py_file_input, NULL, -1);
    Py_DECREF(text);
    return code;
}

/* Compiles and runs the source at origin as module (already in
   sys.modules).  spec._initializing is true meanwhile, as in CPython, so
   `from m import x` failing during a circular import can say so. */
static PyObject *run_source(PyObject *name, PyObject *module, PyObject *spec,
                            PyObject *origin)
{
    PyObject *code = compile_source(origin);
    if (code == NULL
            || PyObject_SetAttrString(spec, "_initializing", Py_True) < 0) {
        Py_XDECREF(code);
        remove_module(name);
        return NULL;
    }
    PyObject *mod = exec_code_in_module(name, module, code);
    Py_DECREF(code);
    PyObject *exc = PyErr_GetRaisedException();
    if (PyObject_SetAttrString(spec, "_initializing", Py_False) < 0) {
        PyErr_Clear();
    }
    PyErr_SetRaisedException(exc);
    return mod;
}

/* Creates, registers and executes the module described by f. */
static PyObject *load_found(PyObject *name, PyObject *parent,
                            struct found *f)
{
    static const char *const kinds[] = {"", "SourceFileLoader",
                                        "SourceFileLoader", "NamespaceLoader"};
    /* spec.parent: a package is its own parent, a top-level module has
       the empty one. */
    PyObject *empty = PyUnicode_FromString("");
    if (empty == NULL) {
        return NULL;
    }
    PyObject *spec = make_spec(name, f->kind != FOUND_MODULE ? name
                               : parent != Py_None ? parent : empty, f,
                               kinds[f->kind]);
    Py_DECREF(empty);
    if (spec == NULL) {
        return NULL;
    }
    PyObject *module = PyModule_NewObject(name);
    if (module == NULL) {
        Py_DECREF(spec);
        return NULL;
    }
    int err = init_module_attrs(module, spec, f);
    /* Registered before it runs, so a circular import finds the partial
       module. */
    if (err < 0 || PyDict_SetItem(_PyInterpreterState_GET()->modules, name,
                                  module) < 0) {
        Py_DECREF(spec);
        Py_DECREF(module);
        return NULL;
    }
    if (f->origin == NULL) {
        Py_DECREF(spec);
        return module;
    }
    PyObject *mod = run_source(name, module, spec, f->origin);
    Py_DECREF(spec);
    Py_DECREF(module);
    return mod;
}

static PyObject *load_builtin(PyObject *name, struct _inittab *entry)
{
    if (entry->initfunc == NULL) {
        PyErr_Format(PyExc_ImportError, "built-in module %R cannot be "
                     "re-initialized once removed from sys.modules", name);
        return NULL;
    }
    PyObject *mod = entry->initfunc();
    if (mod == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_SystemError, "initialization of %U failed "
                         "without raising an exception", name);
        }
        return NULL;
    }
    if (PyObject_TypeCheck(mod, &PyModuleDef_Type)) {
        PyModuleDef *def = (PyModuleDef *)mod;
        PyObject *kw = Py_BuildValue("{s:O,s:O,s:s}", "name", name,
                                     "origin", Py_None, "parent", Py_None);
        PyObject *spec = kw ? _PyNamespace_New(kw) : NULL;
        Py_XDECREF(kw);
        if (spec == NULL) {
            return NULL;
        }
        mod = PyModule_FromDefAndSpec2(def, spec, PYTHON_API_VERSION);
        Py_DECREF(spec);
        if (mod == NULL || PyModule_ExecDef(mod, def) < 0) {
            Py_XDECREF(mod);
            return NULL;
        }
    }
    if (PyDict_SetItem(_PyInterpreterState_GET()->modules, name, mod) < 0) {
        Py_DECREF(mod);
        return NULL;
    }
    return mod;
}

/* Loads name (claimed by this thread): the parent package is already
   imported when name is dotted (parent_mod, or NULL for top level). */
static PyObject *load_claimed(PyObject *name, PyObject *parent_mod,
                              PyObject *parent_name, PyObject *shortname)
{
    PyObject *search_path;
    if (parent_mod == NULL) {
        struct _inittab *entry = find_inittab(name);
        if (entry != NULL) {
            return load_builtin(name, entry);
        }
        search_path = PySys_GetObject("path");
        if (search_path == NULL || !PyList_Check(search_path)) {
            PyErr_SetString(PyExc_ImportError, "sys.path must be a list of "
                            "directory names");
            return NULL;
        }
        Py_INCREF(search_path);
    }
    else {
        if (PyObject_GetOptionalAttrString(parent_mod, "__path__",
                                           &search_path) < 0) {
            return NULL;
        }
        if (search_path == NULL) {
            set_not_found(name, PyUnicode_FromFormat(
                "No module named %R; %R is not a package", name,
                parent_name));
            return NULL;
        }
    }
    struct found f;
    int res = find_source(search_path, shortname, &f);
    Py_DECREF(search_path);
    if (res <= 0) {
        if (res == 0) {
            no_module_named(name);
        }
        return NULL;
    }
    PyObject *mod = load_found(name, parent_name, &f);
    Py_XDECREF(f.origin);
    Py_XDECREF(f.locations);
    return mod;
}

/* Binds a submodule as an attribute of its parent package. */
static int bind_in_parent(PyObject *parent_mod, PyObject *shortname,
                          PyObject *mod)
{
    return PyObject_SetAttr(parent_mod, shortname, mod);
}

/* sys.modules[name], importing it (and its parents) when absent. */
static PyObject *import_absolute(PyObject *name)
{
    PyObject *mod = lookup_waiting(name);
    if (mod != NULL || PyErr_Occurred()) {
        goto check_none;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(name);
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, -1);
    if (dot == -2) {
        return NULL;
    }
    PyObject *parent_name = NULL, *parent_mod = NULL, *shortname;
    if (dot >= 0) {
        parent_name = PyUnicode_Substring(name, 0, dot);
        if (parent_name == NULL) {
            return NULL;
        }
        parent_mod = import_absolute(parent_name);
        if (parent_mod == NULL) {
            Py_DECREF(parent_name);
            return NULL;
        }
        shortname = PyUnicode_Substring(name, dot + 1, len);
    }
    else {
        shortname = Py_NewRef(name);
    }
    struct import_record *claim = NULL;
    if (shortname != NULL) {
        mod = lookup_or_claim(name, &claim);
    }
    if (claim != NULL) {
        mod = load_claimed(name, parent_mod, parent_name ? parent_name
                           : Py_None, shortname);
        if (mod != NULL && parent_mod != NULL
                && bind_in_parent(parent_mod, shortname, mod) < 0) {
            Py_CLEAR(mod);
        }
        release_claim(claim);
    }
    Py_XDECREF(shortname);
    Py_XDECREF(parent_mod);
    Py_XDECREF(parent_name);
check_none:
    if (mod == Py_None) {
        Py_DECREF(mod);
        set_not_found(name, PyUnicode_FromFormat(
            "import of %U halted; None in sys.modules", name));
        return NULL;
    }
    return mod;
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
        package = PyObject_GetAttrString(spec, "parent");
        Py_DECREF(spec);
        if (package != NULL && !PyUnicode_Check(package)) {
            Py_DECREF(package);
            PyErr_SetString(PyExc_TypeError, "__spec__.parent must be a string");
            return NULL;
        }
        return package;
    }
    Py_XDECREF(spec);
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
        PyErr_Format(PyExc_TypeError, "module name must be str, not %.100s",
                     name ? Py_TYPE(name)->tp_name : "NULL");
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

/* ---- for lazy imports (Python/import_lazy.c) ---------------------------- */

/* The absolute name of `name` imported at level from code whose globals
   are `globals`: a new reference, or NULL with ImportError. */
PyObject *_PyImport_ResolveName(PyObject *name, PyObject *globals, int level)
{
    return level == 0 ? Py_NewRef(name) : resolve_name(name, globals, level);
}
