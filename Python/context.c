/* Context variables (PEP 567): contextvars.Context, ContextVar and Token,
   and their C API (Include/cpython/context.h).

   Each thread has a current context, tstate->context (created empty on
   first use).  A context maps ContextVars to values through an immutable
   HAMT (Python/hamt.c), so copying a context is O(1) and setting a
   variable replaces the context's map with a new one.

   Thread safety.  tstate->context and tstate->context_ver belong to their
   thread and are touched only by it, so they need no lock.  A Context is
   current in at most one thread at a time: ctx_entered is tested and set
   inside the context's critical section, so two threads racing to enter
   one context see exactly one success.  Only the thread in which a
   context is current replaces its ctx_vars (inside the critical section);
   that thread reads ctx_vars directly, every other reader (Context
   methods, copies) takes the critical section to get a reference to the
   map, after which the map is immutable and needs no lock.
   ContextVar is immutable apart from its default-build lookup cache (see
   Include/internal/pycore_context.h); Token.tok_used is written only by
   the thread in which the token's context is current. */
#include "Python.h"
#include "pycore_context.h"
#include "pycore_pystate.h"

#define CONTEXT(op) ((PyContext *)(op))
#define CONTEXTVAR(op) ((PyContextVar *)(op))
#define TOKEN(op) ((PyContextToken *)(op))

/* ---- type readiness ---------------------------------------------- */

static int types_ready;             /* atomic: acquire/release */
static PyMutex types_ready_lock;

static PyTypeObject *const context_types[] = {
    &_PyHamt_Type, &_PyHamtNode_Type, &_PyHamtIter_Type, &_PyHamtKeys_Type,
    &_PyHamtValues_Type, &_PyHamtItems_Type,
    &_PyContextTokenMissing_Type, &PyContext_Type, &PyContextVar_Type,
    &PyContextToken_Type, NULL,
};

/* Token.MISSING is a class attribute of a static type, so it goes into
   the type's dict before PyType_Ready copies the dict in. */
static int build_token_dict(void)
{
    PyObject *dict = PyDict_New();
    if (dict == NULL || PyDict_SetItemString(dict, "MISSING",
                                             &_Py_ContextTokenMissingStruct) < 0) {
        Py_XDECREF(dict);
        return -1;
    }
    PyContextToken_Type.tp_dict = dict;
    return 0;
}

/* Readies the types once; every constructor calls it first, so no object
   of these types exists before its type is ready.  Double-checked under
   types_ready_lock. */
static int ensure_types_ready(void)
{
    if (__atomic_load_n(&types_ready, __ATOMIC_ACQUIRE)) {
        return 0;
    }
    int rc = 0;
    PyMutex_Lock(&types_ready_lock);
    if (!types_ready) {
        if (PyContextToken_Type.tp_dict == NULL) {
            rc = build_token_dict();
        }
        for (int i = 0; rc == 0 && context_types[i] != NULL; i++) {
            rc = PyType_Ready(context_types[i]);
        }
        if (rc == 0) {
            __atomic_store_n(&types_ready, 1, __ATOMIC_RELEASE);
        }
    }
    PyMutex_Unlock(&types_ready_lock);
    return rc;
}

/* ---- contexts ---------------------------------------------------- */

/* Takes ownership of vars. */
static PyContext *context_from_vars(PyHamtObject *vars)
{
    if (vars == NULL || ensure_types_ready() < 0) {
        Py_XDECREF(vars);
        return NULL;
    }
    PyContext *ctx = PyObject_GC_New(PyContext, &PyContext_Type);
    if (ctx == NULL) {
        Py_DECREF(vars);
        return NULL;
    }
    ctx->ctx_prev = NULL;
    ctx->ctx_vars = vars;
    ctx->ctx_weakreflist = NULL;
    ctx->ctx_entered = 0;
    PyObject_GC_Track(ctx);
    return ctx;
}

/* A new reference to ctx's current map; safe from any thread (see the
   file comment).  A context emptied by the cycle collector reads as
   empty. */
static PyHamtObject *context_vars(PyContext *ctx)
{
    PyHamtObject *vars;
    Py_BEGIN_CRITICAL_SECTION(ctx);
    vars = (PyHamtObject *)Py_XNewRef(ctx->ctx_vars);
    Py_END_CRITICAL_SECTION();
    return vars != NULL ? vars : _PyHamt_New();
}

/* Installs vars (a reference is taken) as ctx's map.  Called only by the
   thread in which ctx is current. */
static void context_set_vars(PyContext *ctx, PyHamtObject *vars)
{
    PyHamtObject *old;
    Py_BEGIN_CRITICAL_SECTION(ctx);
    old = ctx->ctx_vars;
    ctx->ctx_vars = (PyHamtObject *)Py_NewRef(vars);
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(old);
}

/* The calling thread's current context (borrowed), created empty on
   first use.  Owner-thread state only. */
static PyContext *current_context(PyThreadState *ts)
{
    if (ts->context == NULL) {
        PyContext *ctx = context_from_vars(_PyHamt_New());
        if (ctx == NULL) {
            return NULL;
        }
        ts->context = (PyObject *)ctx;
        ts->context_ver++;
    }
    return CONTEXT(ts->context);
}

/* The current context's map (borrowed: the context holds it and only
   this thread may replace it), or NULL when no context exists yet. */
static PyHamtObject *current_vars(PyThreadState *ts)
{
    PyObject *ctx = ts->context;
    return ctx != NULL ? CONTEXT(ctx)->ctx_vars : NULL;
}

PyObject *PyContext_New(void)
{
    return (PyObject *)context_from_vars(_PyHamt_New());
}

PyObject *PyContext_Copy(PyObject *octx)
{
    if (!PyContext_CheckExact(octx)) {
        PyErr_SetString(PyExc_TypeError,
                        "an instance of Context was expected");
        return NULL;
    }
    return (PyObject *)context_from_vars(context_vars(CONTEXT(octx)));
}

PyObject *PyContext_CopyCurrent(void)
{
    PyContext *ctx = current_context(_PyThreadState_GET());
    if (ctx == NULL) {
        return NULL;
    }
    return PyContext_Copy((PyObject *)ctx);
}

/* Claims ctx for this thread: 0 if it was free, 1 if already entered.
   The test and the set happen in one critical section. */
static int context_claim(PyContext *ctx)
{
    int was_entered;
    Py_BEGIN_CRITICAL_SECTION(ctx);
    was_entered = ctx->ctx_entered;
    if (!was_entered) {
        ctx->ctx_entered = 1;
    }
    Py_END_CRITICAL_SECTION();
    return was_entered;
}

static int context_is_entered(PyContext *ctx)
{
    int entered;
    Py_BEGIN_CRITICAL_SECTION(ctx);
    entered = ctx->ctx_entered;
    Py_END_CRITICAL_SECTION();
    return entered;
}

static void context_release(PyContext *ctx)
{
    Py_BEGIN_CRITICAL_SECTION(ctx);
    ctx->ctx_entered = 0;
    Py_END_CRITICAL_SECTION();
}

int PyContext_Enter(PyObject *octx)
{
    if (!PyContext_CheckExact(octx)) {
        PyErr_SetString(PyExc_TypeError,
                        "an instance of Context was expected");
        return -1;
    }
    PyContext *ctx = CONTEXT(octx);
    if (context_claim(ctx)) {
        PyErr_Format(PyExc_RuntimeError,
                     "cannot enter context: %R is already entered", octx);
        return -1;
    }
    PyThreadState *ts = _PyThreadState_GET();
    /* The thread's reference to the outer context moves into ctx_prev;
       only this thread reads it back, in PyContext_Exit. */
    ctx->ctx_prev = CONTEXT(ts->context);
    ts->context = Py_NewRef(octx);
    ts->context_ver++;
    return 0;
}

int PyContext_Exit(PyObject *octx)
{
    if (!PyContext_CheckExact(octx)) {
        PyErr_SetString(PyExc_TypeError,
                        "an instance of Context was expected");
        return -1;
    }
    PyContext *ctx = CONTEXT(octx);
    PyThreadState *ts = _PyThreadState_GET();
    /* A context current in this thread was entered by it (unless it is
       the thread's unreachable base context), so no other thread writes
       its ctx_entered; for any other context the flag is read under the
       lock, only to choose the message. */
    if (ts->context != octx || !ctx->ctx_entered) {
        if (ts->context == octx || !context_is_entered(ctx)) {
            PyErr_Format(PyExc_RuntimeError,
                         "cannot exit context: %R has not been entered",
                         octx);
        }
        else {
            PyErr_SetString(PyExc_RuntimeError,
                            "cannot exit context: thread state references "
                            "a different context object");
        }
        return -1;
    }
    PyContext *prev = ctx->ctx_prev;
    ctx->ctx_prev = NULL;
    context_release(ctx);
    ts->context = (PyObject *)prev;     /* ctx_prev's reference moves back */
    ts->context_ver++;
    Py_DECREF(octx);                    /* the thread state's reference */
    return 0;
}

PyObject *_PyContext_Run(PyObject *ctx, PyObject *const *args,
                         Py_ssize_t nargs, PyObject *kwnames)
{
    if (nargs < 1) {
        PyErr_SetString(PyExc_TypeError,
                        "run() missing 1 required positional argument");
        return NULL;
    }
    if (PyContext_Enter(ctx) < 0) {
        return NULL;
    }
    PyObject *result = PyObject_Vectorcall(args[0], args + 1, nargs - 1,
                                           kwnames);
    if (PyContext_Exit(ctx) < 0) {
        Py_XDECREF(result);
        return NULL;
    }
    return result;
}

/* ---- the Context type -------------------------------------------- */

static PyObject *context_tp_new(PyTypeObject *Py_UNUSED(type),
                                PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) != 0
            || (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0)) {
        PyErr_SetString(PyExc_TypeError,
                        "Context() does not accept any arguments");
        return NULL;
    }
    return PyContext_New();
}

static int check_key(PyObject *key)
{
    if (!PyContextVar_CheckExact(key)) {
        PyErr_Format(PyExc_TypeError,
                     "a ContextVar key was expected, got %R", key);
        return -1;
    }
    return 0;
}

/* 1 and a new reference in *value if key is set in ctx, 0 if not, -1 on
   error (including a key that is not a ContextVar). */
static int context_lookup(PyContext *ctx, PyObject *key, PyObject **value)
{
    if (check_key(key) < 0) {
        return -1;
    }
    PyHamtObject *vars = context_vars(ctx);
    if (vars == NULL) {
        return -1;
    }
    int found = _PyHamt_Find(vars, key, value);
    Py_DECREF(vars);
    return found;
}

static PyObject *context_subscript(PyObject *self, PyObject *key)
{
    PyObject *value = NULL;
    int found = context_lookup(CONTEXT(self), key, &value);
    if (found == 0) {
        PyErr_SetObject(PyExc_KeyError, key);
    }
    return found > 0 ? value : NULL;
}

static int context_contains(PyObject *self, PyObject *key)
{
    PyObject *value = NULL;
    int found = context_lookup(CONTEXT(self), key, &value);
    Py_XDECREF(value);
    return found;
}

static Py_ssize_t context_length(PyObject *self)
{
    PyHamtObject *vars = context_vars(CONTEXT(self));
    if (vars == NULL) {
        return -1;
    }
    Py_ssize_t n = _PyHamt_Len(vars);
    Py_DECREF(vars);
    return n;
}

static PyObject *context_iter_kind(PyObject *self, _PyHamtIterKind kind,
                                   int view)
{
    PyHamtObject *vars = context_vars(CONTEXT(self));
    if (vars == NULL) {
        return NULL;
    }
    PyObject *result = view ? _PyHamt_NewView(vars, kind)
                            : _PyHamt_NewIterator(vars, kind);
    Py_DECREF(vars);
    return result;
}

static PyObject *context_tp_iter(PyObject *self)
{
    return context_iter_kind(self, _PyHamt_ITER_KEYS, 0);
}

static PyObject *context_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyContext_CheckExact(a) || !PyContext_CheckExact(b)
            || (op != Py_EQ && op != Py_NE)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyHamtObject *va = context_vars(CONTEXT(a));
    PyHamtObject *vb = va ? context_vars(CONTEXT(b)) : NULL;
    int eq = vb ? _PyHamt_Eq(va, vb) : -1;
    Py_XDECREF(va);
    Py_XDECREF(vb);
    if (eq < 0) {
        return NULL;
    }
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

static PyObject *context_run(PyObject *self, PyObject *const *args,
                             Py_ssize_t nargsf, PyObject *kwnames)
{
    return _PyContext_Run(self, args, PyVectorcall_NARGS(nargsf), kwnames);
}

static PyObject *context_get(PyObject *self, PyObject *const *args,
                             Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("get", nargs, 1, 2)) {
        return NULL;
    }
    PyObject *value = NULL;
    int found = context_lookup(CONTEXT(self), args[0], &value);
    if (found < 0) {
        return NULL;
    }
    if (found == 0) {
        return Py_NewRef(nargs > 1 ? args[1] : Py_None);
    }
    return value;
}

static PyObject *context_keys(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return context_iter_kind(self, _PyHamt_ITER_KEYS, 1);
}

static PyObject *context_values(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return context_iter_kind(self, _PyHamt_ITER_VALUES, 1);
}

static PyObject *context_items(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return context_iter_kind(self, _PyHamt_ITER_ITEMS, 1);
}

static PyObject *context_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyContext_Copy(self);
}

static void context_dealloc(PyObject *self)
{
    PyContext *ctx = CONTEXT(self);
    PyObject_GC_UnTrack(self);
    if (ctx->ctx_weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    Py_XDECREF(ctx->ctx_prev);
    Py_XDECREF(ctx->ctx_vars);
    PyObject_GC_Del(self);
}

static int context_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(CONTEXT(self)->ctx_prev);
    Py_VISIT(CONTEXT(self)->ctx_vars);
    return 0;
}

/* Runs with the world stopped (free-threaded) or under the GIL. */
static int context_clear(PyObject *self)
{
    Py_CLEAR(CONTEXT(self)->ctx_prev);
    Py_CLEAR(CONTEXT(self)->ctx_vars);
    return 0;
}

static PyMethodDef context_methods[] = {
    {"run", _PyCFunction_CAST(context_run), METH_FASTCALL | METH_KEYWORDS,
     "run($self, callable, /, *args, **kwargs)\n--\n\n"
     "Enter this context, call callable(*args, **kwargs), leave the "
     "context\nand return the call's result."},
    {"copy", context_copy, METH_NOARGS,
     "copy($self, /)\n--\n\nA new context with the same variables and "
     "values (the values are shared)."},
    {"get", _PyCFunction_CAST(context_get), METH_FASTCALL,
     "get($self, key, default=None, /)\n--\n\n"
     "The value of the ContextVar key in this context, or default when "
     "it is\nnot set here."},
    {"keys", context_keys, METH_NOARGS,
     "keys($self, /)\n--\n\nA view of the variables set in this context."},
    {"values", context_values, METH_NOARGS,
     "values($self, /)\n--\n\n"
     "A view of the values of the variables set in this context."},
    {"items", context_items, METH_NOARGS,
     "items($self, /)\n--\n\n"
     "A view of (variable, value) pairs for this context."},
    {NULL, NULL, 0, NULL},
};

static PyMappingMethods context_as_mapping = {
    .mp_length = context_length,
    .mp_subscript = context_subscript,
};

static PySequenceMethods context_as_sequence = {
    .sq_contains = context_contains,
};

PyTypeObject PyContext_Type = {
    .ob_base = { .ob_base = _PyObject_HEAD_INIT(&PyType_Type), .ob_size = 0 },
    .tp_name = "_contextvars.Context",
    .tp_basicsize = sizeof(PyContext),
    .tp_dealloc = context_dealloc,
    .tp_as_sequence = &context_as_sequence,
    .tp_as_mapping = &context_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Context()\n--\n\nA mapping of ContextVars to their values.",
    .tp_traverse = context_traverse,
    .tp_clear = context_clear,
    .tp_richcompare = context_richcompare,
    .tp_weaklistoffset = offsetof(PyContext, ctx_weakreflist),
    .tp_iter = context_tp_iter,
    .tp_methods = context_methods,
    .tp_new = context_tp_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- context variables ------------------------------------------- */

static PyContextVar *contextvar_create(PyObject *name, PyObject *def)
{
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError,
                        "context variable name must be a str");
        return NULL;
    }
    if (ensure_types_ready() < 0) {
        return NULL;
    }
    PyContextVar *var = PyObject_GC_New(PyContextVar, &PyContextVar_Type);
    if (var == NULL) {
        return NULL;
    }
    var->var_name = Py_NewRef(name);
    var->var_default = Py_XNewRef(def);
#ifndef Py_GIL_DISABLED
    var->var_cached = NULL;
    var->var_cached_tsid = 0;
    var->var_cached_tsver = 0;
#endif
    PyObject_GC_Track(var);
    return var;
}

PyObject *PyContextVar_New(const char *name, PyObject *def)
{
    PyObject *pyname = PyUnicode_FromString(name);
    if (pyname == NULL) {
        return NULL;
    }
    PyContextVar *var = contextvar_create(pyname, def);
    Py_DECREF(pyname);
    return (PyObject *)var;
}

static int check_var(PyObject *var)
{
    if (!PyContextVar_CheckExact(var)) {
        PyErr_SetString(PyExc_TypeError,
                        "an instance of ContextVar was expected");
        return -1;
    }
    return 0;
}

/* The cache (default build only): the GIL serialises every access, and a
   hit requires the same thread state and the same context version, which
   changes whenever that thread's context or its variables change, so the
   borrowed value is still held by the current context's map. */
#ifndef Py_GIL_DISABLED
static PyObject *cache_lookup(PyContextVar *var, PyThreadState *ts)
{
    if (var->var_cached != NULL && var->var_cached_tsid == ts->id
            && var->var_cached_tsver == ts->context_ver) {
        return var->var_cached;
    }
    return NULL;
}

static void cache_store(PyContextVar *var, PyThreadState *ts,
                        PyObject *value)
{
    var->var_cached = value;
    var->var_cached_tsid = ts->id;
    var->var_cached_tsver = ts->context_ver;
}
#endif

/* 1 and a new reference if var is set in ts's current context, else 0;
   -1 on error. */
static int contextvar_lookup(PyContextVar *var, PyThreadState *ts,
                             PyObject **value)
{
#ifndef Py_GIL_DISABLED
    PyObject *cached = cache_lookup(var, ts);
    if (cached != NULL) {
        *value = Py_NewRef(cached);
        return 1;
    }
#endif
    PyHamtObject *vars = current_vars(ts);
    if (vars == NULL) {
        return 0;
    }
    int found = _PyHamt_Find(vars, (PyObject *)var, value);
#ifndef Py_GIL_DISABLED
    if (found > 0) {
        cache_store(var, ts, *value);
    }
#endif
    return found;
}

int PyContextVar_Get(PyObject *ovar, PyObject *default_value,
                     PyObject **value)
{
    *value = NULL;
    if (check_var(ovar) < 0) {
        return -1;
    }
    PyContextVar *var = CONTEXTVAR(ovar);
    int found = contextvar_lookup(var, _PyThreadState_GET(), value);
    if (found < 0) {
        return -1;
    }
    if (found == 0) {
        PyObject *fallback = default_value ? default_value : var->var_default;
        *value = Py_XNewRef(fallback);
    }
    return 0;
}

static PyContextToken *token_create(PyContext *ctx, PyContextVar *var,
                                    PyObject *old_value)
{
    PyContextToken *tok = PyObject_GC_New(PyContextToken,
                                          &PyContextToken_Type);
    if (tok == NULL) {
        return NULL;
    }
    tok->tok_ctx = (PyContext *)Py_NewRef(ctx);
    tok->tok_var = (PyContextVar *)Py_NewRef(var);
    tok->tok_oldval = Py_XNewRef(old_value);
    tok->tok_used = 0;
    PyObject_GC_Track(tok);
    return tok;
}

/* Binds var in ctx, which is current in this thread.  value NULL
   unbinds (LookupError when the var is not set). */
static int contextvar_store(PyContext *ctx, PyThreadState *ts,
                            PyContextVar *var, PyObject *value)
{
    PyHamtObject *vars = value != NULL
        ? _PyHamt_Assoc(ctx->ctx_vars, (PyObject *)var, value)
        : _PyHamt_Without(ctx->ctx_vars, (PyObject *)var);
    if (vars == NULL) {
        return -1;
    }
    if (value == NULL && vars == ctx->ctx_vars) {
        Py_DECREF(vars);
        PyErr_SetObject(PyExc_LookupError, (PyObject *)var);
        return -1;
    }
    context_set_vars(ctx, vars);
    Py_DECREF(vars);
    ts->context_ver++;
    return 0;
}

PyObject *PyContextVar_Set(PyObject *ovar, PyObject *value)
{
    if (check_var(ovar) < 0) {
        return NULL;
    }
    PyContextVar *var = CONTEXTVAR(ovar);
    PyThreadState *ts = _PyThreadState_GET();
    PyContext *ctx = current_context(ts);
    if (ctx == NULL) {
        return NULL;
    }
    PyObject *old = NULL;
    if (_PyHamt_Find(ctx->ctx_vars, ovar, &old) < 0) {
        return NULL;
    }
    PyContextToken *tok = token_create(ctx, var, old);
    Py_XDECREF(old);
    if (tok == NULL) {
        return NULL;
    }
    if (contextvar_store(ctx, ts, var, value) < 0) {
        Py_DECREF(tok);
        return NULL;
    }
    return (PyObject *)tok;
}

int PyContextVar_Reset(PyObject *ovar, PyObject *otok)
{
    if (check_var(ovar) < 0) {
        return -1;
    }
    if (!PyContextToken_CheckExact(otok)) {
        PyErr_Format(PyExc_TypeError,
                     "expected an instance of Token, got %R", otok);
        return -1;
    }
    PyContextToken *tok = TOKEN(otok);
    if (__atomic_load_n(&tok->tok_used, __ATOMIC_RELAXED)) {
        PyErr_Format(PyExc_RuntimeError,
                     "%R has already been used once", otok);
        return -1;
    }
    if (tok->tok_var != CONTEXTVAR(ovar)) {
        PyErr_Format(PyExc_ValueError,
                     "%R was created by a different ContextVar", otok);
        return -1;
    }
    PyThreadState *ts = _PyThreadState_GET();
    PyContext *ctx = current_context(ts);
    if (ctx == NULL) {
        return -1;
    }
    if (tok->tok_ctx != ctx) {
        PyErr_Format(PyExc_ValueError,
                     "%R was created in a different Context", otok);
        return -1;
    }
    __atomic_store_n(&tok->tok_used, 1, __ATOMIC_RELAXED);
    return contextvar_store(ctx, ts, CONTEXTVAR(ovar), tok->tok_oldval);
}

/* ---- the ContextVar type ----------------------------------------- */

static PyObject *contextvar_tp_new(PyTypeObject *Py_UNUSED(type),
                                   PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"", "default", NULL};
    PyObject *name, *def = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|$O:ContextVar", kwlist,
                                     &name, &def)) {
        return NULL;
    }
    return (PyObject *)contextvar_create(name, def);
}

static PyObject *contextvar_get(PyObject *self, PyObject *const *args,
                                Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("get", nargs, 0, 1)) {
        return NULL;
    }
    PyObject *value;
    if (PyContextVar_Get(self, nargs ? args[0] : NULL, &value) < 0) {
        return NULL;
    }
    if (value == NULL) {
        PyErr_SetObject(PyExc_LookupError, self);
    }
    return value;
}

static PyObject *contextvar_set(PyObject *self, PyObject *value)
{
    return PyContextVar_Set(self, value);
}

static PyObject *contextvar_reset(PyObject *self, PyObject *token)
{
    if (PyContextVar_Reset(self, token) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *generic_alias(PyObject *cls, PyObject *arg)
{
    return Py_GenericAlias(cls, arg);
}

static PyObject *contextvar_repr(PyObject *self)
{
    PyContextVar *var = CONTEXTVAR(self);
    if (var->var_default == NULL) {
        return PyUnicode_FromFormat("<ContextVar name=%R at %p>",
                                    var->var_name, self);
    }
    return PyUnicode_FromFormat("<ContextVar name=%R default=%R at %p>",
                                var->var_name, var->var_default, self);
}

static Py_hash_t contextvar_hash(PyObject *self)
{
    return Py_HashPointer(self);
}

static void contextvar_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(CONTEXTVAR(self)->var_name);
    Py_XDECREF(CONTEXTVAR(self)->var_default);
    PyObject_GC_Del(self);
}

static int contextvar_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(CONTEXTVAR(self)->var_name);
    Py_VISIT(CONTEXTVAR(self)->var_default);
    return 0;
}

static int contextvar_clear(PyObject *self)
{
    Py_CLEAR(CONTEXTVAR(self)->var_default);
    return 0;
}

static PyObject *contextvar_get_name(PyObject *self, void *Py_UNUSED(c))
{
    return Py_NewRef(CONTEXTVAR(self)->var_name);
}

static PyGetSetDef contextvar_getset[] = {
    {"name", contextvar_get_name, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef contextvar_methods[] = {
    {"get", _PyCFunction_CAST(contextvar_get), METH_FASTCALL,
     "get($self, default=<unrepresentable>, /)\n--\n\n"
     "The variable's value in the current context.  When it is not set "
     "there,\nthe default argument, else the variable's own default, is "
     "returned;\nwithout either, LookupError is raised."},
    {"set", contextvar_set, METH_O,
     "set($self, value, /)\n--\n\n"
     "Bind the variable to value in the current context.  Returns a Token "
     "that\nreset() (or a with statement) uses to restore the previous "
     "state."},
    {"reset", contextvar_reset, METH_O,
     "reset($self, token, /)\n--\n\n"
     "Restore the variable to its state before the set() that returned "
     "token\n(unset again if it was unset).  A token works once, in the "
     "context where\nit was made."},
    {"__class_getitem__", generic_alias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyContextVar_Type = {
    .ob_base = { .ob_base = _PyObject_HEAD_INIT(&PyType_Type), .ob_size = 0 },
    .tp_name = "_contextvars.ContextVar",
    .tp_basicsize = sizeof(PyContextVar),
    .tp_dealloc = contextvar_dealloc,
    .tp_repr = contextvar_repr,
    .tp_hash = contextvar_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "ContextVar(name, *, default=<unrepresentable>)\n--\n\n"
              "A variable whose value depends on the current context.",
    .tp_traverse = contextvar_traverse,
    .tp_clear = contextvar_clear,
    .tp_methods = contextvar_methods,
    .tp_getset = contextvar_getset,
    .tp_new = contextvar_tp_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- tokens ------------------------------------------------------ */

static PyObject *token_tp_new(PyTypeObject *Py_UNUSED(type),
                              PyObject *Py_UNUSED(args),
                              PyObject *Py_UNUSED(kwargs))
{
    PyErr_SetString(PyExc_RuntimeError,
                    "Tokens can only be created by ContextVars");
    return NULL;
}

static PyObject *token_repr(PyObject *self)
{
    PyContextToken *tok = TOKEN(self);
    int used = __atomic_load_n(&tok->tok_used, __ATOMIC_RELAXED);
    return PyUnicode_FromFormat("<Token%s var=%R at %p>",
                                used ? " used" : "",
                                (PyObject *)tok->tok_var, self);
}

static PyObject *token_get_var(PyObject *self, void *Py_UNUSED(c))
{
    return Py_NewRef((PyObject *)TOKEN(self)->tok_var);
}

static PyObject *token_get_old_value(PyObject *self, void *Py_UNUSED(c))
{
    PyObject *old = TOKEN(self)->tok_oldval;
    return Py_NewRef(old != NULL ? old : &_Py_ContextTokenMissingStruct);
}

static PyObject *token_enter(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return Py_NewRef(self);
}

/* __exit__(*exc_info): resets the token's variable; never suppresses. */
static PyObject *token_exit(PyObject *self, PyObject *Py_UNUSED(args))
{
    if (PyContextVar_Reset((PyObject *)TOKEN(self)->tok_var, self) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static void token_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(TOKEN(self)->tok_ctx);
    Py_XDECREF(TOKEN(self)->tok_var);
    Py_XDECREF(TOKEN(self)->tok_oldval);
    PyObject_GC_Del(self);
}

static int token_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(TOKEN(self)->tok_ctx);
    Py_VISIT(TOKEN(self)->tok_var);
    Py_VISIT(TOKEN(self)->tok_oldval);
    return 0;
}

static int token_clear(PyObject *self)
{
    Py_CLEAR(TOKEN(self)->tok_oldval);
    return 0;
}

static PyGetSetDef token_getset[] = {
    {"var", token_get_var, NULL, NULL, NULL},
    {"old_value", token_get_old_value, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef token_methods[] = {
    {"__enter__", token_enter, METH_NOARGS,
     "__enter__($self, /)\n--\n\nReturn the token itself."},
    {"__exit__", token_exit, METH_VARARGS,
     "__exit__($self, type, val, tb, /)\n--\n\n"
     "Reset the token's variable (var.reset(self))."},
    {"__class_getitem__", generic_alias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyContextToken_Type = {
    .ob_base = { .ob_base = _PyObject_HEAD_INIT(&PyType_Type), .ob_size = 0 },
    .tp_name = "_contextvars.Token",
    .tp_basicsize = sizeof(PyContextToken),
    .tp_dealloc = token_dealloc,
    .tp_repr = token_repr,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Context variable token, returned by ContextVar.set().",
    .tp_traverse = token_traverse,
    .tp_clear = token_clear,
    .tp_methods = token_methods,
    .tp_getset = token_getset,
    .tp_new = token_tp_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- Token.MISSING ----------------------------------------------- */

static PyObject *missing_repr(PyObject *Py_UNUSED(self))
{
    return PyUnicode_FromString("<Token.MISSING>");
}

PyTypeObject _PyContextTokenMissing_Type = {
    .ob_base = { .ob_base = _PyObject_HEAD_INIT(&PyType_Type), .ob_size = 0 },
    .tp_name = "Token.MISSING",
    .tp_basicsize = sizeof(PyObject),
    .tp_repr = missing_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

/* Immortal: its count is never written. */
PyObject _Py_ContextTokenMissingStruct =
    _PyObject_HEAD_INIT(&_PyContextTokenMissing_Type);

/* Readies the types (for Modules/_contextvarsmodule.c). */
int _PyContext_InitTypes(void)
{
    return ensure_types_ready();
}
