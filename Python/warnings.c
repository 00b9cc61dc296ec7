/* The warnings machinery: the _warnings module and PyErr_WarnEx & co.

   Every warning, whether issued by C (PyErr_WarnEx, PyErr_WarnFormat,
   PyErr_WarnExplicitObject, PyErr_ResourceWarning) or by Python
   (warnings.warn, warnings.warn_explicit), runs through warn_explicit()
   below: it finds who issued the warning, consults the per-module
   __warningregistry__, walks the filters, and then raises, ignores or
   shows it.

   The filters, the default action and the "once" registry live here
   until Lib/warnings.py is imported; from then on the attributes of the
   warnings module (warnings.filters, warnings.defaultaction,
   warnings.onceregistry, warnings._showwarnmsg) are authoritative, so
   replacing them from Python takes effect for C warnings too.  Before the
   warnings module exists a shown warning is written to sys.stderr here,
   in the same format as warnings.formatwarning().

   Thread safety: the filters list is only read through a snapshot (a
   tuple made in one step under the list's own lock), so matching never
   holds a lock while Python code runs.  Compound updates (the registry's
   check-then-record, the Python side's remove-then-insert of a filter and
   the filters version) hold `warnings_lock`, a recursive lock whose
   waiters detach from the interpreter so that a holder running Python
   code can never deadlock against them.  With
   sys.flags.context_aware_warnings off, catch_warnings swaps the
   module-global filters; with it on, each context inside catch_warnings
   has its own filters list (Lib/warnings.py, get_filters_list). */
#include "Python.h"
#include "pycore_ceval.h"
#include "pycore_frame.h"
#include "pycore_initconfig.h"
#include "pycore_pystate.h"
#include "pycore_exceptions.h"

/* ---- the recursive lock ------------------------------------------------- */

/* owner is the thread state holding `mutex` (NULL when free); depth its
   number of nested acquisitions.  owner and depth are written only by
   the holder; other threads read owner to learn that it is not them. */
static struct {
    PyMutex mutex;
    PyThreadState *owner;
    unsigned long depth;
} warnings_lock;

static int mutex_try_lock(PyMutex *m)
{
    uint8_t expected = _Py_UNLOCKED;
    return __atomic_compare_exchange_n(&m->_bits, &expected, _Py_LOCKED, 0,
                                       __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static void lock_acquire(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (__atomic_load_n(&warnings_lock.owner, __ATOMIC_RELAXED) == tstate
            && tstate != NULL) {
        warnings_lock.depth++;
        return;
    }
    if (!mutex_try_lock(&warnings_lock.mutex)) {
        /* The holder may be running Python code that needs the GIL (or a
           stop-the-world) to finish: wait detached. */
        if (tstate != NULL) {
            Py_BEGIN_ALLOW_THREADS
            PyMutex_Lock(&warnings_lock.mutex);
            Py_END_ALLOW_THREADS
        }
        else {
            PyMutex_Lock(&warnings_lock.mutex);
        }
    }
    __atomic_store_n(&warnings_lock.owner, tstate, __ATOMIC_RELAXED);
    warnings_lock.depth = 1;
}

/* -1 with RuntimeError when the calling thread does not hold the lock. */
static int lock_release(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (__atomic_load_n(&warnings_lock.owner, __ATOMIC_RELAXED) != tstate
            || warnings_lock.depth == 0) {
        PyErr_SetString(PyExc_RuntimeError, "cannot release un-acquired lock");
        return -1;
    }
    if (--warnings_lock.depth == 0) {
        __atomic_store_n(&warnings_lock.owner, NULL, __ATOMIC_RELAXED);
        PyMutex_Unlock(&warnings_lock.mutex);
    }
    return 0;
}

/* ---- module-level state ------------------------------------------------- */

/* Created once by ensure_state() and never replaced (the _warnings module
   exposes these very objects): filters (list), once_registry (dict),
   default_action (str).  filters_version counts filter changes; a
   registry remembering an older version is stale and gets cleared.  It is
   read and written under warnings_lock. */
static struct {
    PyObject *filters;
    PyObject *once_registry;
    PyObject *default_action;
    long filters_version;
    int ready;                  /* published with release ordering */
} state;

static PyObject *make_filter(const char *action, PyObject *category,
                             const char *module)
{
    PyObject *module_obj = module ? PyUnicode_FromString(module)
                                  : Py_NewRef(Py_None);
    if (module_obj == NULL) {
        return NULL;
    }
    PyObject *item = Py_BuildValue("(sOOOi)", action, Py_None, category,
                                   module_obj, 0);
    Py_DECREF(module_obj);
    return item;
}

/* The interpreter's built-in filters, lowest priority last.  -W options
   and -X dev go through sys.warnoptions and Lib/warnings.py instead. */
static PyObject *default_filters(void)
{
    PyObject *filters = PyList_New(0);
    if (filters == NULL) {
        return NULL;
    }
#ifndef Py_DEBUG
    struct { const char *action; PyObject *category; const char *module; }
    table[] = {
        {"default", PyExc_DeprecationWarning, "__main__"},
        {"ignore", PyExc_DeprecationWarning, NULL},
        {"ignore", PyExc_PendingDeprecationWarning, NULL},
        {"ignore", PyExc_ImportWarning, NULL},
        {"ignore", PyExc_ResourceWarning, NULL},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(table); i++) {
        PyObject *item = make_filter(table[i].action, table[i].category,
                                     table[i].module);
        if (item == NULL || PyList_Append(filters, item) < 0) {
            Py_XDECREF(item);
            Py_DECREF(filters);
            return NULL;
        }
        Py_DECREF(item);
    }
#endif
    return filters;
}

/* 0, or -1 with an exception.  Safe from any thread: creation happens
   under warnings_lock and `ready` is published last. */
static int ensure_state(void)
{
    if (__atomic_load_n(&state.ready, __ATOMIC_ACQUIRE)) {
        return 0;
    }
    int result = 0;
    lock_acquire();
    if (!state.ready) {
        PyObject *filters = default_filters();
        PyObject *once = filters ? PyDict_New() : NULL;
        PyObject *action = once ? PyUnicode_FromString("default") : NULL;
        if (action == NULL) {
            Py_XDECREF(filters);
            Py_XDECREF(once);
            result = -1;
        }
        else {
            state.filters = filters;
            state.once_registry = once;
            state.default_action = action;
            __atomic_store_n(&state.ready, 1, __ATOMIC_RELEASE);
        }
    }
    lock_release();
    return result;
}

/* ---- the warnings module's view ----------------------------------------- */

/* warnings.<name> when Lib/warnings.py has been imported, as a new
   reference; NULL without an exception when it has not (or lacks the
   attribute), NULL with one on error. */
static PyObject *get_warnings_attr(const char *name)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    if (interp == NULL || interp->modules == NULL || interp->finalizing) {
        return NULL;
    }
    PyObject *module_name = PyUnicode_FromString("warnings");
    if (module_name == NULL) {
        return NULL;
    }
    PyObject *module = PyImport_GetModule(module_name);
    Py_DECREF(module_name);
    if (module == NULL) {
        return NULL;
    }
    PyObject *value;
    if (PyObject_GetOptionalAttrString(module, name, &value) < 0) {
        value = NULL;
    }
    Py_DECREF(module);
    return value;
}

/* The last warnings.filters list seen, kept so that warnings still
   work, with the same filters, after `del warnings.filters` (as in
   CPython, which caches it in the interpreter state).  NULL until one is
   seen.  The pointer is swapped and read under last_filters_mutex; the
   old list is released outside it (a decref may run arbitrary code). */
static PyObject *last_filters;
static PyMutex last_filters_mutex;

/* warnings.filters, remembered in last_filters; the remembered list when
   the attribute is gone.  New reference, or NULL (without an exception
   when there is neither). */
static PyObject *get_module_filters(void)
{
    PyObject *filters = get_warnings_attr("filters");
    if (filters == NULL && PyErr_Occurred()) {
        return NULL;
    }
    PyMutex_Lock(&last_filters_mutex);
    PyObject *old = NULL;
    if (filters != NULL) {
        old = last_filters;
        last_filters = Py_NewRef(filters);
    }
    else {
        filters = Py_XNewRef(last_filters);
    }
    PyMutex_Unlock(&last_filters_mutex);
    Py_XDECREF(old);
    return filters;
}

/* The filters list in force: with sys.flags.context_aware_warnings, the
   current catch_warnings context's (warnings._get_context()), else the
   module-global list (get_module_filters).  New reference, or NULL
   without an exception when Lib/warnings.py is not imported. */
static PyObject *get_filters_list(void)
{
    if (_Py_GetConfig()->context_aware_warnings > 0) {
        PyObject *getter = get_warnings_attr("_get_context");
        if (getter == NULL && PyErr_Occurred()) {
            return NULL;
        }
        if (getter != NULL) {
            PyObject *context = PyObject_CallNoArgs(getter);
            Py_DECREF(getter);
            if (context == NULL) {
                return NULL;
            }
            if (context != Py_None) {
                PyObject *filters = PyObject_GetAttrString(context, "filters");
                Py_DECREF(context);
                return filters;
            }
            Py_DECREF(context);
        }
    }
    return get_module_filters();
}

/* A tuple snapshot of the filters in force.  New reference. */
static PyObject *get_filters_snapshot(void)
{
    PyObject *filters = get_filters_list();
    if (filters == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        filters = Py_NewRef(state.filters);
    }
    if (!PyList_Check(filters)) {
        PyErr_SetString(PyExc_ValueError,
                        "_warnings.filters must be a list");
        Py_DECREF(filters);
        return NULL;
    }
    PyObject *snapshot = PySequence_Tuple(filters);
    Py_DECREF(filters);
    return snapshot;
}

static PyObject *get_default_action(void)
{
    PyObject *action = get_warnings_attr("defaultaction");
    if (action == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        return Py_NewRef(state.default_action);
    }
    if (!PyUnicode_Check(action)) {
        PyErr_Format(PyExc_TypeError,
                     "warnings.defaultaction must be a string, not '%.200s'",
                     Py_TYPE(action)->tp_name);
        Py_DECREF(action);
        return NULL;
    }
    return action;
}

static PyObject *get_once_registry(void)
{
    PyObject *registry = get_warnings_attr("onceregistry");
    if (registry == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        return Py_NewRef(state.once_registry);
    }
    if (!PyDict_Check(registry)) {
        PyErr_Format(PyExc_TypeError,
                     "warnings.onceregistry must be a dict, not '%.200s'",
                     Py_TYPE(registry)->tp_name);
        Py_DECREF(registry);
        return NULL;
    }
    return registry;
}

/* ---- filters ------------------------------------------------------------ */

/* Does filter part `pattern` accept `value`?  None accepts anything, a
   str must equal it, anything else is a compiled pattern whose match()
   decides.  1, 0, or -1 with an exception. */
static int pattern_accepts(PyObject *pattern, PyObject *value)
{
    if (pattern == Py_None) {
        return 1;
    }
    if (PyUnicode_CheckExact(pattern)) {
        int equal = PyUnicode_Compare(pattern, value);
        if (equal == -1 && PyErr_Occurred()) {
            return -1;
        }
        return equal == 0;
    }
    PyObject *match = PyObject_CallMethod(pattern, "match", "O", value);
    if (match == NULL) {
        return -1;
    }
    int accepted = PyObject_IsTrue(match);
    Py_DECREF(match);
    return accepted;
}

/* The action of the first filter matching, as a new reference, and the
   matching item (borrowed from `snapshot`, NULL for the default). */
static PyObject *find_action(PyObject *snapshot, PyObject *category,
                             PyObject *text, Py_ssize_t lineno,
                             PyObject *module, PyObject **item_out)
{
    *item_out = NULL;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(snapshot); i++) {
        PyObject *item = PyTuple_GET_ITEM(snapshot, i);
        if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 5) {
            PyErr_Format(PyExc_ValueError,
                         "_warnings.filters item %zd isn't a 5-tuple", i);
            return NULL;
        }
        PyObject *action = PyTuple_GET_ITEM(item, 0);
        PyObject *message = PyTuple_GET_ITEM(item, 1);
        PyObject *filter_category = PyTuple_GET_ITEM(item, 2);
        PyObject *filter_module = PyTuple_GET_ITEM(item, 3);
        if (!PyUnicode_Check(action)) {
            PyErr_Format(PyExc_TypeError,
                         "action must be a string, not '%.200s'",
                         Py_TYPE(action)->tp_name);
            return NULL;
        }
        Py_ssize_t filter_lineno = PyLong_AsSsize_t(PyTuple_GET_ITEM(item, 4));
        if (filter_lineno == -1 && PyErr_Occurred()) {
            return NULL;
        }
        int ok = pattern_accepts(message, text);
        if (ok > 0) {
            ok = PyObject_IsSubclass(category, filter_category);
        }
        if (ok > 0) {
            ok = pattern_accepts(filter_module, module);
        }
        if (ok < 0) {
            return NULL;
        }
        if (ok && (filter_lineno == 0 || filter_lineno == lineno)) {
            *item_out = item;
            return Py_NewRef(action);
        }
    }
    return get_default_action();
}

/* ---- registries --------------------------------------------------------- */

/* Was `key` already recorded in `registry`?  A registry written under an
   older filters version is cleared first.  With `record`, the key is
   recorded.  1, 0, or -1 with an exception.  Runs under warnings_lock;
   only dict operations on str/int/type tuples run inside, so no Python
   code executes with the lock held. */
static int registry_check(PyObject *registry, PyObject *key, int record)
{
    int result = -1;
    lock_acquire();
    PyObject *version = PyDict_GetItemString(registry, "version");
    if (version == NULL || !PyLong_CheckExact(version)
            || PyLong_AsLong(version) != state.filters_version) {
        PyErr_Clear();
        PyDict_Clear(registry);
        PyObject *now = PyLong_FromLong(state.filters_version);
        if (now == NULL || PyDict_SetItemString(registry, "version", now) < 0) {
            Py_XDECREF(now);
            goto done;
        }
        Py_DECREF(now);
    }
    PyObject *seen = PyDict_GetItemWithError(registry, key);
    if (seen == NULL && PyErr_Occurred()) {
        goto done;
    }
    if (seen != NULL) {
        int truth = PyObject_IsTrue(seen);
        if (truth != 0) {
            result = truth;
            goto done;
        }
    }
    result = 0;
    if (record && PyDict_SetItem(registry, key, Py_True) < 0) {
        result = -1;
    }
done:
    lock_release();
    return result;
}

/* Record (text, category[, 0]) in `registry`; 1 if it was already there. */
static int registry_update(PyObject *registry, PyObject *text,
                           PyObject *category, int add_zero)
{
    PyObject *key = add_zero ? Py_BuildValue("(OOi)", text, category, 0)
                             : PyTuple_Pack(2, text, category);
    if (key == NULL) {
        return -1;
    }
    int seen = registry_check(registry, key, 1);
    Py_DECREF(key);
    return seen;
}

/* ---- showing ------------------------------------------------------------ */

static int write_str(PyObject *file, PyObject *text)
{
    PyObject *result = PyObject_CallMethod(file, "write", "O", text);
    Py_XDECREF(result);
    return result == NULL ? -1 : 0;
}

/* Line `lineno` of `filename`, stripped, or NULL (no exception) when the
   file cannot be read.  Used only before Lib/warnings.py (and with it
   linecache) is loaded. */
static PyObject *read_source_line(PyObject *filename, int lineno)
{
    const char *path = PyUnicode_Check(filename) ? PyUnicode_AsUTF8(filename)
                                                 : NULL;
    if (path == NULL || lineno < 1 || path[0] == '<') {
        PyErr_Clear();
        return NULL;
    }
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        return NULL;
    }
    char buffer[1024];
    int current = 1;
    PyObject *line = NULL;
    while (fgets(buffer, sizeof(buffer), fp) != NULL) {
        size_t len = strlen(buffer);
        if (current == lineno) {
            const char *start = buffer + strspn(buffer, " \t\f");
            while (len > 0 && strchr(" \t\r\n\f", buffer[len - 1]) != NULL) {
                buffer[--len] = '\0';
            }
            line = PyUnicode_DecodeUTF8(start, strlen(start), "replace");
            break;
        }
        if (len > 0 && buffer[len - 1] == '\n') {
            current++;
        }
    }
    fclose(fp);
    if (line == NULL) {
        PyErr_Clear();
    }
    return line;
}

/* "filename:lineno: Category: text\n  source\n" to sys.stderr, as
   warnings.formatwarning() would write it.  Errors writing are dropped:
   showing a warning must not fail the code that issued it. */
static void show_builtin(PyObject *text, PyObject *category,
                         PyObject *filename, int lineno, PyObject *source_line)
{
    PyObject *file = PySys_GetObject("stderr");   /* borrowed */
    if (file == NULL || file == Py_None) {
        PyErr_Clear();
        return;
    }
    Py_INCREF(file);
    PyObject *name = PyObject_GetAttrString(category, "__name__");
    PyObject *head = name ? PyUnicode_FromFormat("%S:%d: %S: %S\n", filename,
                                                 lineno, name, text)
                          : NULL;
    if (head == NULL || write_str(file, head) < 0) {
        goto done;
    }
    PyObject *line = source_line != NULL ? Py_NewRef(source_line)
                                         : read_source_line(filename, lineno);
    if (line != NULL) {
        PyObject *stripped = PyObject_CallMethod(line, "strip", NULL);
        PyObject *body = stripped ? PyUnicode_FromFormat("  %S\n", stripped)
                                  : NULL;
        if (body != NULL) {
            write_str(file, body);
        }
        Py_XDECREF(stripped);
        Py_XDECREF(body);
        Py_DECREF(line);
    }
    /* Shown now, whatever the stream's buffering (C callers may look at
       the file descriptor next). */
    PyObject *flushed = PyObject_CallMethod(file, "flush", NULL);
    Py_XDECREF(flushed);
done:
    PyErr_Clear();
    Py_XDECREF(name);
    Py_XDECREF(head);
    Py_DECREF(file);
}

/* Hand the warning to warnings._showwarnmsg (which honours an overridden
   warnings.showwarning) or, before Lib/warnings.py is loaded, show it
   here.  0, or -1 with an exception raised by a user's showwarning. */
static int show_warning(PyObject *message, PyObject *text, PyObject *category,
                        PyObject *filename, int lineno, PyObject *source,
                        PyObject *source_line)
{
    PyObject *show = get_warnings_attr("_showwarnmsg");
    PyObject *message_class = show ? get_warnings_attr("WarningMessage") : NULL;
    if (message_class == NULL) {
        Py_XDECREF(show);
        if (PyErr_Occurred()) {
            return -1;
        }
        show_builtin(text, category, filename, lineno, source_line);
        return 0;
    }
    int result = -1;
    if (!PyCallable_Check(show)) {
        PyErr_SetString(PyExc_TypeError,
                        "warnings._showwarnmsg() must be set to a callable");
        goto done;
    }
    PyObject *record = PyObject_CallFunction(message_class, "OOOiOOO",
                                             message, category, filename,
                                             lineno, Py_None, source_line
                                             ? source_line : Py_None,
                                             source ? source : Py_None);
    if (record == NULL) {
        goto done;
    }
    PyObject *shown = PyObject_CallOneArg(show, record);
    Py_DECREF(record);
    if (shown != NULL) {
        Py_DECREF(shown);
        result = 0;
    }
done:
    Py_DECREF(show);
    Py_DECREF(message_class);
    return result;
}

/* ---- the core ----------------------------------------------------------- */

/* The module a file defines when none is named: its name without ".py",
   or "<unknown>" for an empty name. */
static PyObject *module_from_filename(PyObject *filename)
{
    Py_ssize_t len = PyUnicode_GetLength(filename);
    if (len < 0) {
        return NULL;
    }
    if (len == 0) {
        return PyUnicode_FromString("<unknown>");
    }
    if (len >= 3 && PyUnicode_ReadChar(filename, len - 3) == '.'
        && PyUnicode_ReadChar(filename, len - 2) == 'p'
        && PyUnicode_ReadChar(filename, len - 1) == 'y') {
        return PyUnicode_Substring(filename, 0, len - 3);
    }
    return Py_NewRef(filename);
}

/* Source line from module_globals' loader (warn_explicit's
   module_globals argument) through linecache, or NULL.  Failures are
   silent: the warning is shown without its line. */
static PyObject *line_from_globals(PyObject *module_globals,
                                   PyObject *filename, int lineno)
{
    if (module_globals == NULL || module_globals == Py_None) {
        return NULL;
    }
    if (!PyDict_Check(module_globals)) {
        PyErr_Format(PyExc_TypeError, "module_globals must be a dict, not '%.200s'",
                     Py_TYPE(module_globals)->tp_name);
        return NULL;
    }
    PyObject *getline = PyImport_ImportModuleAttrString("linecache", "getline");
    PyObject *line = getline
        ? PyObject_CallFunction(getline, "OiO", filename, lineno, module_globals)
        : NULL;
    Py_XDECREF(getline);
    if (line == NULL || !PyUnicode_Check(line)
            || PyUnicode_GetLength(line) == 0) {
        Py_XDECREF(line);
        PyErr_Clear();
        return NULL;
    }
    return line;
}

/* Decide and act.  message is a str or a Warning instance; module NULL
   or None means "derive from filename"; registry NULL or None means no
   per-module deduplication.  Returns 0, or -1 with an exception (the
   warning itself when the action is "error"). */
static int warn_explicit(PyObject *category, PyObject *message,
                         PyObject *filename, int lineno, PyObject *module,
                         PyObject *registry, PyObject *module_globals,
                         PyObject *source)
{
    if (ensure_state() < 0) {
        return -1;
    }
    if (registry != NULL && registry != Py_None && !PyDict_Check(registry)) {
        PyErr_SetString(PyExc_TypeError, "'registry' must be a dict or None");
        return -1;
    }
    if (registry == Py_None) {
        registry = NULL;
    }
    PyObject *own_module = module != NULL && module != Py_None
                           ? Py_NewRef(module) : module_from_filename(filename);
    PyObject *text = NULL, *instance = NULL, *key = NULL, *action = NULL;
    PyObject *snapshot = NULL, *source_line = NULL;
    int result = -1;
    if (own_module == NULL) {
        return -1;
    }
    int is_warning = PyObject_IsInstance(message, PyExc_Warning);
    if (is_warning < 0) {
        goto done;
    }
    if (is_warning) {
        text = PyObject_Str(message);
        category = (PyObject *)Py_TYPE(message);
        instance = Py_NewRef(message);
    }
    else {
        if (category == NULL || category == Py_None) {
            category = PyExc_UserWarning;
        }
        text = Py_NewRef(message);
        instance = PyObject_CallOneArg(category, message);
    }
    if (text == NULL || instance == NULL) {
        goto done;
    }
    key = Py_BuildValue("(OOi)", text, category, lineno);
    if (key == NULL) {
        goto done;
    }
    if (registry != NULL) {
        int seen = registry_check(registry, key, 0);
        if (seen != 0) {
            result = seen > 0 ? 0 : -1;
            goto done;
        }
    }
    snapshot = get_filters_snapshot();
    PyObject *item;
    action = snapshot ? find_action(snapshot, category, text, lineno,
                                    own_module, &item) : NULL;
    if (action == NULL) {
        goto done;
    }
    if (PyUnicode_EqualToUTF8(action, "error")) {
        PyErr_SetObject(category, instance);
        goto done;
    }
    if (PyUnicode_EqualToUTF8(action, "ignore")) {
        result = 0;
        goto done;
    }
    int already = 0;
    if (!PyUnicode_EqualToUTF8(action, "always")
            && !PyUnicode_EqualToUTF8(action, "all")) {
        /* Checked again while recording: a thread racing on the same
           location may have shown it since the first check. */
        already = registry != NULL ? registry_check(registry, key, 1) : 0;
        if (already != 0) {
            result = already > 0 ? 0 : -1;
            goto done;
        }
        if (PyUnicode_EqualToUTF8(action, "once")) {
            PyObject *once = get_once_registry();
            already = once ? registry_update(once, text, category, 0) : -1;
            Py_XDECREF(once);
        }
        else if (PyUnicode_EqualToUTF8(action, "module")) {
            if (registry != NULL) {
                already = registry_update(registry, text, category, 1);
            }
        }
        else if (!PyUnicode_EqualToUTF8(action, "default")) {
            PyErr_Format(PyExc_RuntimeError,
                         "Unrecognized action (%R) in warnings.filters:\n %R",
                         action, item ? item : Py_None);
            goto done;
        }
    }
    if (already < 0) {
        goto done;
    }
    if (already == 0) {
        source_line = line_from_globals(module_globals, filename, lineno);
        if (source_line == NULL && PyErr_Occurred()) {
            goto done;
        }
        if (show_warning(instance, text, category, filename, lineno, source,
                         source_line) < 0) {
            goto done;
        }
    }
    result = 0;
done:
    Py_DECREF(own_module);
    Py_XDECREF(text);
    Py_XDECREF(instance);
    Py_XDECREF(key);
    Py_XDECREF(action);
    Py_XDECREF(snapshot);
    Py_XDECREF(source_line);
    return result;
}

/* ---- who issued the warning --------------------------------------------- */

static int has_skipped_prefix(_PyInterpreterFrame *frame, PyObject *prefixes)
{
    if (prefixes == NULL || PyTuple_GET_SIZE(prefixes) == 0) {
        return 0;
    }
    PyObject *filename = _PyFrame_GetCode(frame)->co_filename;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(prefixes); i++) {
        PyObject *prefix = PyTuple_GET_ITEM(prefixes, i);
        if (PyUnicode_Check(prefix)
                && PyUnicode_Tailmatch(filename, prefix, 0, PY_SSIZE_T_MAX, -1) > 0) {
            return 1;
        }
    }
    return 0;
}

/* Filename, line, module name and registry of the code `stack_level`
   frames up (1: the innermost Python frame).  With no frame that deep
   the warning comes from "<sys>", line 0, in the sys module.  Frames whose
   file starts with one of skip_prefixes are not counted (except the
   first).  New references in the outputs; 0 or -1. */
static int setup_context(Py_ssize_t stack_level, PyObject *skip_prefixes,
                         PyObject **filename, int *lineno, PyObject **module,
                         PyObject **registry)
{
    PyThreadState *tstate = _PyThreadState_GET();
    _PyInterpreterFrame *frame = _PyEval_GetFrame();
    while (--stack_level > 0 && frame != NULL) {
        frame = frame->previous;
        while (frame != NULL && has_skipped_prefix(frame, skip_prefixes)) {
            frame = frame->previous;
        }
    }
    PyObject *globals;
    if (frame == NULL) {
        globals = tstate->interp->sysdict;
        *filename = PyUnicode_FromString("<sys>");
        *lineno = 0;
    }
    else {
        globals = frame->f_globals;
        *filename = Py_NewRef(_PyFrame_GetCode(frame)->co_filename);
        *lineno = _PyInterpreterFrame_GetLine(frame);
    }
    *module = NULL;
    *registry = NULL;
    if (*filename == NULL) {
        return -1;
    }
    if (globals == NULL || !PyDict_Check(globals)) {
        *module = PyUnicode_FromString("<string>");
        return *module ? 0 : -1;
    }
    /* setdefault is atomic on the dict: two threads get one registry. */
    PyObject *key = PyUnicode_InternFromString("__warningregistry__");
    PyObject *fresh = key ? PyDict_New() : NULL;
    if (fresh == NULL) {
        Py_XDECREF(key);
        goto error;
    }
    int rc = PyDict_SetDefaultRef(globals, key, fresh, registry);
    Py_DECREF(key);
    Py_DECREF(fresh);
    if (rc < 0) {
        goto error;
    }
    PyObject *name = PyDict_GetItemString(globals, "__name__");
    *module = name != NULL && PyUnicode_Check(name)
              ? Py_NewRef(name) : PyUnicode_FromString("<string>");
    if (*module == NULL) {
        goto error;
    }
    return 0;
error:
    Py_CLEAR(*filename);
    Py_CLEAR(*registry);
    return -1;
}

/* Warn with `message` (a str or Warning instance) on behalf of the code
   stack_level frames up.  0, or -1 with an exception. */
static int do_warn(PyObject *message, PyObject *category,
                   Py_ssize_t stack_level, PyObject *source,
                   PyObject *skip_prefixes)
{
    PyObject *filename, *module, *registry;
    int lineno;
    if (setup_context(stack_level, skip_prefixes, &filename, &lineno, &module,
                      &registry) < 0) {
        return -1;
    }
    int result = warn_explicit(category, message, filename, lineno, module,
                               registry, NULL, source);
    Py_DECREF(filename);
    Py_XDECREF(module);
    Py_XDECREF(registry);
    return result;
}

/* The category warn() uses: the message's own class for a Warning
   instance, UserWarning for None; anything else must be a Warning
   subclass.  Borrowed, or NULL with TypeError. */
static PyObject *get_category(PyObject *message, PyObject *category)
{
    int is_warning = PyObject_IsInstance(message, PyExc_Warning);
    if (is_warning < 0) {
        return NULL;
    }
    if (is_warning) {
        return (PyObject *)Py_TYPE(message);
    }
    if (category == NULL || category == Py_None) {
        return PyExc_UserWarning;
    }
    int ok = PyType_Check(category)
             ? PyObject_IsSubclass(category, PyExc_Warning) : 0;
    if (ok < 0) {
        return NULL;
    }
    if (!ok && PyType_Check(category)) {
        PyErr_Format(PyExc_TypeError,
                     "category must be a Warning subclass, not class '%s'",
                     ((PyTypeObject *)category)->tp_name);
        return NULL;
    }
    if (!ok) {
        PyErr_Format(PyExc_TypeError,
                     "category must be a Warning subclass, not '%s'",
                     Py_TYPE(category)->tp_name);
        return NULL;
    }
    return category;
}

/* ---- the _warnings module ----------------------------------------------- */

static PyObject *warnings_warn(PyObject *module, PyObject *args,
                               PyObject *kwargs)
{
    (void)module;
    static char *keywords[] = {"message", "category", "stacklevel", "source",
                               "skip_file_prefixes", NULL};
    PyObject *message, *category = Py_None, *source = Py_None;
    PyObject *prefixes = NULL;
    Py_ssize_t stack_level = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|OnO$O!:warn", keywords,
                                     &message, &category, &stack_level,
                                     &source, &PyTuple_Type, &prefixes)) {
        return NULL;
    }
    category = get_category(message, category);
    if (category == NULL) {
        return NULL;
    }
    if (prefixes != NULL && PyTuple_GET_SIZE(prefixes) > 0) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(prefixes); i++) {
            PyObject *prefix = PyTuple_GET_ITEM(prefixes, i);
            if (!PyUnicode_Check(prefix)) {
                PyErr_Format(PyExc_TypeError,
                             "Found non-str '%s' in skip_file_prefixes.",
                             Py_TYPE(prefix)->tp_name);
                return NULL;
            }
        }
        if (stack_level < 2) {
            stack_level = 2;
        }
    }
    if (do_warn(message, category, stack_level, source, prefixes) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* module_globals' loader checks (gh-86298), as CPython's C module makes
   them before the warning: __spec__.loader is the loader; a missing one
   falls back to __loader__ with a DeprecationWarning, and is an error
   when there is no __loader__ either but a __spec__ is given (None or
   without .loader: ValueError; no .loader attribute: AttributeError).  A
   __loader__ that differs from __spec__.loader is also deprecated.
   Globals with neither are accepted.  Returns 0, or -1 with an exception.
   Reads a dict the caller passed; dict lookups are thread-safe. */
static int check_module_loader(PyObject *globals)
{
    static const char missing[] = "Module globals is missing a __spec__.loader";
    PyObject *loader, *spec, *spec_loader = NULL;
    if (PyDict_GetItemStringRef(globals, "__loader__", &loader) < 0
        || PyDict_GetItemStringRef(globals, "__spec__", &spec) < 0) {
        Py_XDECREF(loader);
        return -1;
    }
    int result = -1;
    if (loader == Py_None) {
        Py_CLEAR(loader);
    }
    if (spec == NULL) {
        result = loader == NULL ? 0 : PyErr_WarnEx(PyExc_DeprecationWarning,
                                                   missing, 1);
        goto done;
    }
    int has_attr = spec == Py_None
                   ? 0 : PyObject_GetOptionalAttrString(spec, "loader",
                                                        &spec_loader);
    if (has_attr < 0) {
        goto done;
    }
    if (spec_loader == Py_None) {
        Py_CLEAR(spec_loader);
    }
    if (spec_loader == NULL) {
        if (loader == NULL) {
            PyErr_SetString(has_attr || spec == Py_None ? PyExc_ValueError
                                                        : PyExc_AttributeError,
                            missing);
            goto done;
        }
        result = PyErr_WarnEx(PyExc_DeprecationWarning, missing, 1);
        goto done;
    }
    result = 0;
    if (loader != NULL && loader != spec_loader) {
        int same = PyObject_RichCompareBool(loader, spec_loader, Py_EQ);
        result = same < 0 ? -1 : same ? 0 : PyErr_WarnEx(
            PyExc_DeprecationWarning,
            "Module globals; __loader__ != __spec__.loader", 1);
    }
done:
    Py_XDECREF(loader);
    Py_XDECREF(spec);
    Py_XDECREF(spec_loader);
    return result;
}

static PyObject *warnings_warn_explicit(PyObject *module, PyObject *args,
                                        PyObject *kwargs)
{
    (void)module;
    static char *keywords[] = {"message", "category", "filename", "lineno",
                               "module", "registry", "module_globals",
                               "source", NULL};
    PyObject *message, *category, *filename, *mod = Py_None;
    PyObject *registry = Py_None, *module_globals = Py_None, *source = Py_None;
    int lineno;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OOUi|OOOO:warn_explicit",
                                     keywords, &message, &category, &filename,
                                     &lineno, &mod, &registry, &module_globals,
                                     &source)) {
        return NULL;
    }
    if (module_globals != Py_None && !PyDict_Check(module_globals)) {
        PyErr_Format(PyExc_TypeError, "module_globals must be a dict, not '%.200s'",
                     Py_TYPE(module_globals)->tp_name);
        return NULL;
    }
    if (module_globals != Py_None && check_module_loader(module_globals) < 0) {
        return NULL;
    }
    if (warn_explicit(category, message, filename, lineno, mod, registry,
                      module_globals, source) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* Called by Lib/warnings.py with the lock held after changing filters:
   every registry becomes stale. */
static PyObject *warnings_filters_mutated_lock_held(PyObject *module,
                                                    PyObject *unused)
{
    (void)module;
    (void)unused;
    if (warnings_lock.owner != _PyThreadState_GET()) {
        PyErr_SetString(PyExc_RuntimeError, "warnings lock is not held");
        return NULL;
    }
    state.filters_version++;
    Py_RETURN_NONE;
}

static PyObject *warnings_acquire_lock(PyObject *module, PyObject *unused)
{
    (void)module;
    (void)unused;
    lock_acquire();
    Py_RETURN_NONE;
}

static PyObject *warnings_release_lock(PyObject *module, PyObject *unused)
{
    (void)module;
    (void)unused;
    if (lock_release() < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef warnings_methods[] = {
    {"warn", _PyCFunction_CAST(warnings_warn), METH_VARARGS | METH_KEYWORDS,
     "warn($module, /, message, category=None, stacklevel=1, source=None, *,\n"
     "     skip_file_prefixes=())\n--\n\n"
     "Issue a warning, or maybe ignore it or raise an exception."},
    {"warn_explicit", _PyCFunction_CAST(warnings_warn_explicit),
     METH_VARARGS | METH_KEYWORDS,
     "warn_explicit($module, /, message, category, filename, lineno,\n"
     "              module=None, registry=None, module_globals=None,\n"
     "              source=None)\n--\n\n"
     "Issue a warning, or maybe ignore it or raise an exception."},
    {"_filters_mutated_lock_held", warnings_filters_mutated_lock_held,
     METH_NOARGS, NULL},
    {"_acquire_lock", warnings_acquire_lock, METH_NOARGS, NULL},
    {"_release_lock", warnings_release_lock, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static int warnings_exec(PyObject *module)
{
    if (ensure_state() < 0
            || PyModule_AddObjectRef(module, "filters", state.filters) < 0
            || PyModule_AddObjectRef(module, "_onceregistry",
                                     state.once_registry) < 0
            || PyModule_AddObjectRef(module, "_defaultaction",
                                     state.default_action) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot warnings_slots[] = {
    {Py_mod_exec, warnings_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef warnings_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_warnings",
    .m_doc = "_warnings provides basic warning filtering support.\n"
             "It is a helper module to speed up interpreter start-up.",
    .m_size = 0,
    .m_methods = warnings_methods,
    .m_slots = warnings_slots,
};

PyObject *PyInit__warnings(void)
{
    return PyModuleDef_Init(&warnings_module);
}

/* ---- start-up ----------------------------------------------------------- */

/* sys.warnoptions as CPython lays it out: "default" first under -X dev,
   the -b / -bb BytesWarning filter last.  The command line parser leaves
   these two out, so they are added here (once: a list already holding
   them is left alone).  Then, when there are options, Lib/warnings.py is
   imported to install them as filters. */
int _PyWarnings_InitFromConfig(void)
{
    const PyConfig *config = _Py_GetConfig();
    PyObject *options = PySys_GetObject("warnoptions");   /* borrowed */
    if (options == NULL || !PyList_Check(options)) {
        PyErr_Clear();
        return 0;
    }
    if (config != NULL && config->dev_mode) {
        PyObject *first = PyList_GET_SIZE(options) > 0
                          ? PyList_GET_ITEM(options, 0) : NULL;
        if (first == NULL || !PyUnicode_Check(first)
                || !PyUnicode_EqualToUTF8(first, "default")) {
            PyObject *item = PyUnicode_FromString("default");
            if (item == NULL || PyList_Insert(options, 0, item) < 0) {
                Py_XDECREF(item);
                return -1;
            }
            Py_DECREF(item);
        }
    }
    if (config != NULL && config->bytes_warning) {
        const char *wanted = config->bytes_warning > 1 ? "error::BytesWarning"
                                                       : "default::BytesWarning";
        Py_ssize_t n = PyList_GET_SIZE(options);
        PyObject *last = n > 0 ? PyList_GET_ITEM(options, n - 1) : NULL;
        if (last == NULL || !PyUnicode_Check(last)
                || !PyUnicode_EqualToUTF8(last, wanted)) {
            PyObject *item = PyUnicode_FromString(wanted);
            if (item == NULL || PyList_Append(options, item) < 0) {
                Py_XDECREF(item);
                return -1;
            }
            Py_DECREF(item);
        }
    }
    if (PyList_GET_SIZE(options) > 0) {
        PyObject *module = PyImport_ImportModule("warnings");
        if (module == NULL) {
            fprintf(stderr, "'import warnings' failed; traceback:\n");
            PyErr_Print();
            return 0;
        }
        Py_DECREF(module);
    }
    return 0;
}

/* ---- the C API ---------------------------------------------------------- */

static int warn_text(PyObject *category, PyObject *text,
                     Py_ssize_t stack_level, PyObject *source)
{
    if (category == NULL) {
        category = PyExc_RuntimeWarning;
    }
    return do_warn(text, category, stack_level, source, NULL);
}

int PyErr_WarnEx(PyObject *category, const char *text, Py_ssize_t stack_level)
{
    PyObject *message = PyUnicode_FromString(text);
    if (message == NULL) {
        return -1;
    }
    int result = warn_text(category, message, stack_level, NULL);
    Py_DECREF(message);
    return result;
}

static int warn_format_v(PyObject *category, PyObject *source,
                         Py_ssize_t stack_level, const char *format,
                         va_list va)
{
    PyObject *message = PyUnicode_FromFormatV(format, va);
    if (message == NULL) {
        return -1;
    }
    int result = warn_text(category, message, stack_level, source);
    Py_DECREF(message);
    return result;
}

int PyErr_WarnFormat(PyObject *category, Py_ssize_t stack_level,
                     const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int result = warn_format_v(category, NULL, stack_level, format, va);
    va_end(va);
    return result;
}

/* source (the object being finalised) reaches warnings._showwarnmsg as
   WarningMessage.source. */
int PyErr_ResourceWarning(PyObject *source, Py_ssize_t stack_level,
                          const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int result = warn_format_v(PyExc_ResourceWarning, source, stack_level,
                               format, va);
    va_end(va);
    return result;
}

int PyErr_WarnExplicitObject(PyObject *category, PyObject *message,
                             PyObject *filename, int lineno, PyObject *module,
                             PyObject *registry)
{
    if (filename == NULL || !PyUnicode_Check(filename)
            || message == NULL || category == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    return warn_explicit(category, message, filename, lineno, module,
                         registry, NULL, NULL);
}

int PyErr_WarnExplicit(PyObject *category, const char *text,
                       const char *filename_str, int lineno,
                       const char *module_str, PyObject *registry)
{
    PyObject *message = PyUnicode_FromString(text);
    PyObject *filename = PyUnicode_DecodeFSDefault(filename_str);
    PyObject *module = NULL;
    int result = -1;
    if (message == NULL || filename == NULL) {
        goto done;
    }
    if (module_str != NULL) {
        module = PyUnicode_FromString(module_str);
        if (module == NULL) {
            goto done;
        }
    }
    result = PyErr_WarnExplicitObject(category, message, filename, lineno,
                                      module, registry);
done:
    Py_XDECREF(message);
    Py_XDECREF(filename);
    Py_XDECREF(module);
    return result;
}

int PyErr_WarnExplicitFormat(PyObject *category, const char *filename_str,
                             int lineno, const char *module_str,
                             PyObject *registry, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *message = PyUnicode_FromFormatV(format, va);
    va_end(va);
    if (message == NULL) {
        return -1;
    }
    PyObject *filename = PyUnicode_DecodeFSDefault(filename_str);
    PyObject *module = module_str ? PyUnicode_FromString(module_str) : NULL;
    int result = -1;
    if (filename != NULL && (module_str == NULL || module != NULL)) {
        result = PyErr_WarnExplicitObject(category, message, filename, lineno,
                                          module, registry);
    }
    Py_DECREF(message);
    Py_XDECREF(filename);
    Py_XDECREF(module);
    return result;
}
