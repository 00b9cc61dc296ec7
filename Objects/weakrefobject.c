/* Weak references: weakref.ref (ReferenceType), weakref.ProxyType and
   weakref.CallableProxyType, and PyObject_ClearWeakRefs, which every
   weak-referenceable object's dealloc calls.

   The references to an object form a doubly linked list whose head lives
   in the object at tp_weaklistoffset.  The list is ordered: the shared
   callback-less reference (reused by weakref.ref(obj)), then the shared
   callback-less proxy, then the references with callbacks, newest first.
   When the object dies, every reference is cleared first and then the
   callbacks run in list order, so the most recently registered runs
   first and every callback sees all the references already dead.

   Thread safety (free-threaded build): each object's list, and the
   wr_object and wr_callback fields of the references on it, are guarded
   by one of a fixed array of mutexes chosen by the object's address; a
   reference records its mutex when it is made.  No code that can run
   Python, allocate or block is called while one is held.  A referent is
   fetched with _Py_TryIncref, so an object whose count already reached
   zero is never resurrected: its references read as dead. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_weakref.h"

/* Static type objects below list `.ob_base = PyVarObject_HEAD_INIT(...)`
   last, so the initializer reads the same whether or not the macro ends
   in a comma. */

/* ---- locking ------------------------------------------------------------ */

#ifdef Py_GIL_DISABLED
#define NUM_WEAKREF_LOCKS 127

static PyMutex weakref_locks[NUM_WEAKREF_LOCKS];

/* Objects are at least 16-byte aligned; the low bits carry nothing. */
static inline PyMutex *
weakref_lock_for(PyObject *obj)
{
    return &weakref_locks[((uintptr_t)obj >> 4) % NUM_WEAKREF_LOCKS];
}

#define LOCK_WEAKREFS(obj) PyMutex_Lock(weakref_lock_for(obj))
#define UNLOCK_WEAKREFS(obj) PyMutex_Unlock(weakref_lock_for(obj))
#define LOCK_WEAKREF(wr) PyMutex_Lock((wr)->weakrefs_lock)
#define UNLOCK_WEAKREF(wr) PyMutex_Unlock((wr)->weakrefs_lock)

#else
#define LOCK_WEAKREFS(obj) ((void)(obj))
#define UNLOCK_WEAKREFS(obj) ((void)(obj))
#define LOCK_WEAKREF(wr) ((void)(wr))
#define UNLOCK_WEAKREF(wr) ((void)(wr))
#endif

static inline PyWeakReference **
weakrefs_head(PyObject *obj)
{
    return _PyObject_GET_WEAKREFS_LISTPTR(obj);
}

/* ---- the list ----------------------------------------------------------- */

static inline int
is_basic_ref(PyWeakReference *ref)
{
    return ref->wr_callback == NULL && PyWeakref_CheckRefExact(ref);
}

static inline int
is_basic_proxy(PyWeakReference *ref)
{
    return ref->wr_callback == NULL && PyWeakref_CheckProxy(ref);
}

/* The shared callback-less reference and proxy, if present.  Lock held. */
static void
get_basic_refs(PyWeakReference *head, PyWeakReference **refp,
               PyWeakReference **proxyp)
{
    *refp = NULL;
    *proxyp = NULL;
    if (head != NULL && is_basic_ref(head)) {
        *refp = head;
        head = head->wr_next;
    }
    if (head != NULL && is_basic_proxy(head)) {
        *proxyp = head;
    }
}

static void
insert_head(PyWeakReference *newref, PyWeakReference **list)
{
    PyWeakReference *next = *list;
    newref->wr_prev = NULL;
    newref->wr_next = next;
    if (next != NULL) {
        next->wr_prev = newref;
    }
    __atomic_store_n(list, newref, __ATOMIC_RELEASE);
}

static void
insert_after(PyWeakReference *newref, PyWeakReference *prev)
{
    newref->wr_prev = prev;
    newref->wr_next = prev->wr_next;
    if (prev->wr_next != NULL) {
        prev->wr_next->wr_prev = newref;
    }
    prev->wr_next = newref;
}

/* Keep the list order described at the top of the file.  Lock held. */
static void
insert_weakref(PyWeakReference *newref, PyWeakReference **list)
{
    PyWeakReference *ref, *proxy;
    get_basic_refs(*list, &ref, &proxy);
    PyWeakReference *prev;
    if (is_basic_ref(newref)) {
        prev = NULL;
    }
    else if (is_basic_proxy(newref)) {
        prev = ref;
    }
    else {
        prev = proxy != NULL ? proxy : ref;
    }
    if (prev == NULL) {
        insert_head(newref, list);
    }
    else {
        insert_after(newref, prev);
    }
}

/* Take self off its referent's list and mark it dead.  If callback is
   not NULL, the callback reference moves to *callback.  Lock held. */
static void
clear_weakref_lock_held(PyWeakReference *self, PyObject **callback)
{
    PyObject *obj = self->wr_object;
    if (obj != Py_None) {
        PyWeakReference **list = weakrefs_head(obj);
        if (*list == self) {
            __atomic_store_n(list, self->wr_next, __ATOMIC_RELEASE);
        }
        if (self->wr_prev != NULL) {
            self->wr_prev->wr_next = self->wr_next;
        }
        if (self->wr_next != NULL) {
            self->wr_next->wr_prev = self->wr_prev;
        }
        self->wr_prev = NULL;
        self->wr_next = NULL;
        __atomic_store_n(&self->wr_object, Py_None, __ATOMIC_RELAXED);
    }
    if (callback != NULL) {
        *callback = self->wr_callback;
        self->wr_callback = NULL;
    }
}

/* Clear self and drop its callback (dealloc, tp_clear). */
static void
clear_weakref(PyWeakReference *self)
{
    PyObject *callback = NULL;
    LOCK_WEAKREF(self);
    clear_weakref_lock_held(self, &callback);
    UNLOCK_WEAKREF(self);
    Py_XDECREF(callback);
}

void
_PyWeakref_ClearRef(PyWeakReference *self)
{
    LOCK_WEAKREF(self);
    clear_weakref_lock_held(self, NULL);
    UNLOCK_WEAKREF(self);
}

/* A new reference to the referent, or NULL (no exception) when it is dead
   or dying. */
static PyObject *
weakref_referent(PyWeakReference *self)
{
    LOCK_WEAKREF(self);
    PyObject *obj = self->wr_object;
    if (obj == Py_None || !_Py_TryIncref(obj)) {
        obj = NULL;
    }
    UNLOCK_WEAKREF(self);
    return obj;
}

int
_PyWeakref_IS_DEAD(PyObject *ref)
{
    PyObject *obj = weakref_referent((PyWeakReference *)ref);
    if (obj == NULL) {
        return 1;
    }
    Py_DECREF(obj);
    return 0;
}

/* ---- creation ------------------------------------------------------------- */

static int
check_weakrefable(PyObject *obj)
{
    if (weakrefs_head(obj) == NULL) {
        PyErr_Format(PyExc_TypeError, "cannot create weak reference to '%s' object",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    return 0;
}

/* The shared reference of the given exact type (ref, proxy or callable
   proxy), with a new reference, or NULL.  Lock held. */
static PyWeakReference *
find_reusable(PyTypeObject *type, PyWeakReference **list)
{
    PyWeakReference *ref, *proxy;
    get_basic_refs(*list, &ref, &proxy);
    PyWeakReference *found = type == &_PyWeakref_RefType ? ref : proxy;
    if (found != NULL && _Py_TryIncref((PyObject *)found)) {
        return found;
    }
    return NULL;
}

static PyObject *weakref_vectorcall(PyObject *self, PyObject *const *args,
                                    size_t nargsf, PyObject *kwnames);

static void
init_weakref(PyWeakReference *self, PyObject *obj, PyObject *callback)
{
    self->wr_object = obj;
    self->wr_callback = Py_XNewRef(callback);
    self->hash = -1;
    self->wr_prev = NULL;
    self->wr_next = NULL;
    self->vectorcall = weakref_vectorcall;
#ifdef Py_GIL_DISABLED
    self->weakrefs_lock = weakref_lock_for(obj);
#endif
}

/* A reference of `type` to obj.  Without a callback, an exact ref or
   proxy type shares the object's existing one. */
static PyObject *
new_weakref(PyTypeObject *type, PyObject *obj, PyObject *callback)
{
    if (check_weakrefable(obj) < 0) {
        return NULL;
    }
    if (callback == Py_None) {
        callback = NULL;
    }
    PyWeakReference **list = weakrefs_head(obj);
    int reusable = callback == NULL
                   && (type == &_PyWeakref_RefType || type == &_PyWeakref_ProxyType
                       || type == &_PyWeakref_CallableProxyType);
    PyWeakReference *found = NULL;
    if (reusable) {
        LOCK_WEAKREFS(obj);
        found = find_reusable(type, list);
        UNLOCK_WEAKREFS(obj);
        if (found != NULL) {
            return (PyObject *)found;
        }
    }
    /* Allocate outside the lock: allocation may run the collector. */
    PyWeakReference *self = (PyWeakReference *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    init_weakref(self, obj, callback);
    _PyObject_SetMaybeWeakref(obj);
    /* The referent may die on another thread, whose PyObject_ClearWeakRefs
       must still be able to take a reference to this one (_Py_TryIncref)
       to run its callback, even if this thread has ended meanwhile. */
    _PyObject_SetMaybeWeakref((PyObject *)self);
    LOCK_WEAKREFS(obj);
    if (reusable) {
        /* Another thread may have made the shared one meanwhile. */
        found = find_reusable(type, list);
    }
    if (found == NULL) {
        insert_weakref(self, list);
    }
    UNLOCK_WEAKREFS(obj);
    if (found != NULL) {
        self->wr_object = Py_None;   /* never linked */
        Py_DECREF(self);
        return (PyObject *)found;
    }
    return (PyObject *)self;
}

PyObject *
PyWeakref_NewRef(PyObject *ob, PyObject *callback)
{
    return new_weakref(&_PyWeakref_RefType, ob, callback);
}

PyObject *
PyWeakref_NewProxy(PyObject *ob, PyObject *callback)
{
    PyTypeObject *type = PyCallable_Check(ob) ? &_PyWeakref_CallableProxyType
                                              : &_PyWeakref_ProxyType;
    return new_weakref(type, ob, callback);
}

int
PyWeakref_GetRef(PyObject *ref, PyObject **pobj)
{
    if (ref == NULL || !PyWeakref_Check(ref)) {
        *pobj = NULL;
        PyErr_SetString(PyExc_TypeError, "expected a weakref");
        return -1;
    }
    *pobj = weakref_referent((PyWeakReference *)ref);
    return *pobj != NULL;
}

/* capi: the same lookup as GetRef, for its answer only. */
int
PyWeakref_IsDead(PyObject *ref)
{
    PyObject *obj;
    int alive = PyWeakref_GetRef(ref, &obj);
    if (alive < 0) {
        return -1;
    }
    Py_XDECREF(obj);
    return !alive;
}

/* Borrowed: only safe while something else keeps the referent alive,
   which is why it is deprecated. */
PyObject *
PyWeakref_GetObject(PyObject *ref)
{
    if (ref == NULL || !PyWeakref_Check(ref)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *obj = weakref_referent((PyWeakReference *)ref);
    if (obj == NULL) {
        return Py_None;
    }
    Py_DECREF(obj);
    return obj;
}

/* ---- introspection for the _weakref module ------------------------- */

static Py_ssize_t
count_lock_held(PyWeakReference *head)
{
    Py_ssize_t count = 0;
    for (; head != NULL; head = head->wr_next) {
        count++;
    }
    return count;
}

Py_ssize_t
_PyWeakref_GetWeakrefCount(PyObject *obj)
{
    PyWeakReference **list = weakrefs_head(obj);
    if (list == NULL) {
        return 0;
    }
    LOCK_WEAKREFS(obj);
    Py_ssize_t count = count_lock_held(*list);
    UNLOCK_WEAKREFS(obj);
    return count;
}

PyObject *
_PyWeakref_GetWeakrefs(PyObject *obj)
{
    PyWeakReference **list = weakrefs_head(obj);
    if (list == NULL) {
        return PyList_New(0);
    }
    for (;;) {
        Py_ssize_t count = _PyWeakref_GetWeakrefCount(obj);
        PyObject **refs = PyMem_New(PyObject *, count > 0 ? count : 1);
        if (refs == NULL) {
            return PyErr_NoMemory();
        }
        Py_ssize_t n = 0;
        int changed = 0;
        LOCK_WEAKREFS(obj);
        if (count_lock_held(*list) != count) {
            changed = 1;
        }
        else {
            for (PyWeakReference *r = *list; r != NULL; r = r->wr_next) {
                if (_Py_TryIncref((PyObject *)r)) {
                    refs[n++] = (PyObject *)r;
                }
            }
        }
        UNLOCK_WEAKREFS(obj);
        if (changed) {
            PyMem_Free(refs);
            continue;
        }
        PyObject *result = PyList_New(n);
        for (Py_ssize_t i = 0; i < n; i++) {
            if (result != NULL) {
                PyList_SET_ITEM(result, i, refs[i]);
            }
            else {
                Py_DECREF(refs[i]);
            }
        }
        PyMem_Free(refs);
        return result;
    }
}

/* ---- clearing when the referent dies ------------------------------------ */

static void
call_weakref_callback(PyObject *callback, PyObject *ref)
{
    PyObject *res = PyObject_CallOneArg(callback, ref);
    if (res == NULL) {
        PyErr_FormatUnraisable("Exception ignored while calling weakref callback %R",
                               callback);
    }
    else {
        Py_DECREF(res);
    }
}

/* Clear up to `max` references at the head of the list, collecting
   (reference, callback) pairs into pairs[]; returns the number of array
   slots used.  A reference that is itself dying gets no callback. */
static Py_ssize_t
detach_refs(PyObject *object, PyObject **pairs, Py_ssize_t max)
{
    PyWeakReference **list = weakrefs_head(object);
    Py_ssize_t n = 0, cleared = 0;
    LOCK_WEAKREFS(object);
    while (*list != NULL && cleared < max) {
        PyWeakReference *ref = *list;
        PyObject *callback;
        clear_weakref_lock_held(ref, &callback);
        cleared++;
        if (callback != NULL) {
            pairs[n++] = _Py_TryIncref((PyObject *)ref) ? (PyObject *)ref : NULL;
            pairs[n++] = callback;
        }
    }
    UNLOCK_WEAKREFS(object);
    return n;
}

void
PyObject_ClearWeakRefs(PyObject *object)
{
    PyWeakReference **list;
    if (object == NULL || (list = weakrefs_head(object)) == NULL) {
        PyErr_BadInternalCall();
        return;
    }
    if (__atomic_load_n(list, __ATOMIC_ACQUIRE) == NULL) {
        return;
    }
    /* Callbacks run with any exception in flight set aside. */
    PyObject *saved = PyErr_GetRaisedException();
    for (;;) {
        Py_ssize_t count = _PyWeakref_GetWeakrefCount(object);
        if (count == 0) {
            break;
        }
        PyObject **pairs = PyMem_New(PyObject *, count * 2);
        if (pairs == NULL) {
            /* No memory for callbacks: the references must still die. */
            _PyWeakref_ClearWeakRefsNoCallbacks(object);
            PyErr_NoMemory();
            PyErr_WriteUnraisable(object);
            break;
        }
        Py_ssize_t n = detach_refs(object, pairs, count);
        for (Py_ssize_t i = 0; i < n; i += 2) {
            if (pairs[i] != NULL) {
                call_weakref_callback(pairs[i + 1], pairs[i]);
                Py_DECREF(pairs[i]);
            }
            Py_DECREF(pairs[i + 1]);
        }
        PyMem_Free(pairs);
    }
    PyErr_SetRaisedException(saved);
}

void
_PyWeakref_ClearWeakRefsNoCallbacks(PyObject *obj)
{
    PyWeakReference **list = weakrefs_head(obj);
    if (list == NULL) {
        return;
    }
    for (;;) {
        PyObject *callback = NULL;
        LOCK_WEAKREFS(obj);
        PyWeakReference *ref = *list;
        if (ref != NULL) {
            clear_weakref_lock_held(ref, &callback);
        }
        UNLOCK_WEAKREFS(obj);
        if (ref == NULL) {
            break;
        }
        Py_XDECREF(callback);
    }
}

void
PyUnstable_Object_ClearWeakRefsNoCallbacks(PyObject *obj)
{
    if (obj == NULL || weakrefs_head(obj) == NULL) {
        PyErr_BadInternalCall();
        return;
    }
    _PyWeakref_ClearWeakRefsNoCallbacks(obj);
}

/* ---- weakref.ref ------------------------------------------------------------ */

static void
weakref_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    clear_weakref((PyWeakReference *)self);
    Py_TYPE(self)->tp_free(self);
}

static int
weakref_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((PyWeakReference *)self)->wr_callback);
    return 0;
}

static int
weakref_tp_clear(PyObject *self)
{
    clear_weakref((PyWeakReference *)self);
    return 0;
}

/* r(): the referent, or None once it is dead. */
static PyObject *
weakref_vectorcall(PyObject *self, PyObject *const *Py_UNUSED(args),
                   size_t nargsf, PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("weakref", kwnames)) {
        return NULL;
    }
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_CheckPositional("weakref", nargs, 0, 0)) {
        return NULL;
    }
    PyObject *obj = weakref_referent((PyWeakReference *)self);
    return obj != NULL ? obj : Py_None;
}

/* tp_call: a subclass that defines __call__ loses the vectorcall flag,
   and its super().__call__() lands here. */
static PyObject *
weakref_call(PyObject *self, PyObject *args, PyObject *kwargs)
{
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0) {
        PyErr_SetString(PyExc_TypeError,
                        "weakref() takes no keyword arguments");
        return NULL;
    }
    return weakref_vectorcall(self, _PyTuple_ITEMS(args),
                              (size_t)PyTuple_GET_SIZE(args), NULL);
}

/* The referent's hash, computed once and kept so the reference stays
   usable as a dict key after the referent dies. */
static Py_hash_t
weakref_hash(PyObject *self)
{
    PyWeakReference *ref = (PyWeakReference *)self;
    Py_hash_t hash = __atomic_load_n(&ref->hash, __ATOMIC_RELAXED);
    if (hash != -1) {
        return hash;
    }
    PyObject *obj = weakref_referent(ref);
    if (obj == NULL) {
        PyErr_SetString(PyExc_TypeError, "weak object has gone away");
        return -1;
    }
    hash = PyObject_Hash(obj);
    Py_DECREF(obj);
    if (hash != -1) {
        __atomic_store_n(&ref->hash, hash, __ATOMIC_RELAXED);
    }
    return hash;
}

/* "'%s' at %p" pieces shared by the two reprs: the referent's type name. */
static PyObject *
referent_type_name(PyObject *obj)
{
    return PyType_GetFullyQualifiedName(Py_TYPE(obj));
}

static PyObject *
weakref_repr(PyObject *self)
{
    PyObject *obj = weakref_referent((PyWeakReference *)self);
    if (obj == NULL) {
        return PyUnicode_FromFormat("<weakref at %p; dead>", (void *)self);
    }
    PyObject *res = NULL;
    PyObject *name = NULL;
    PyObject *tname = NULL;
    /* __name__ is looked up on the type (as a special method is), so a
       referent's own __getattr__ never runs here. */
    PyObject *attr = PyUnicode_InternFromString("__name__");
    if (attr == NULL) {
        goto done;
    }
    name = _PyObject_LookupSpecial(obj, attr);
    Py_DECREF(attr);
    if (name == NULL && PyErr_Occurred()) {
        goto done;
    }
    tname = referent_type_name(obj);
    if (tname == NULL) {
        goto done;
    }
    if (name == NULL || !PyUnicode_Check(name)) {
        res = PyUnicode_FromFormat("<weakref at %p; to '%U' at %p>",
                                   (void *)self, tname, (void *)obj);
    }
    else {
        res = PyUnicode_FromFormat("<weakref at %p; to '%U' at %p (%U)>",
                                   (void *)self, tname, (void *)obj, name);
    }
done:
    Py_XDECREF(name);
    Py_XDECREF(tname);
    Py_DECREF(obj);
    return res;
}

/* Live references compare by their referents; once either is dead they
   are equal only to themselves. */
static PyObject *
weakref_richcompare(PyObject *self, PyObject *other, int op)
{
    if ((op != Py_EQ && op != Py_NE)
        || !PyWeakref_CheckRef(self) || !PyWeakref_CheckRef(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *obj = weakref_referent((PyWeakReference *)self);
    PyObject *other_obj = weakref_referent((PyWeakReference *)other);
    PyObject *res;
    if (obj == NULL || other_obj == NULL) {
        int same = self == other;
        res = PyBool_FromLong(op == Py_EQ ? same : !same);
    }
    else {
        res = PyObject_RichCompare(obj, other_obj, op);
    }
    Py_XDECREF(obj);
    Py_XDECREF(other_obj);
    return res;
}

static int
parse_weakref_args(const char *funcname, PyObject *args, PyObject **obp,
                   PyObject **callbackp)
{
    return PyArg_UnpackTuple(args, funcname, 1, 2, obp, callbackp);
}

static PyObject *
weakref___new__(PyTypeObject *type, PyObject *args, PyObject *Py_UNUSED(kwargs))
{
    PyObject *ob, *callback = NULL;
    if (!parse_weakref_args("__new__", args, &ob, &callback)) {
        return NULL;
    }
    return new_weakref(type, ob, callback);
}

/* Validates the arguments again so subclasses that override __new__
   still get them checked.  __new__ ignores keyword arguments so that a
   subclass __init__ may take some; this base __init__ refuses them. */
static int
weakref___init__(PyObject *Py_UNUSED(self), PyObject *args,
                 PyObject *kwargs)
{
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0) {
        PyErr_SetString(PyExc_TypeError, "ref() takes no keyword arguments");
        return -1;
    }
    PyObject *ob, *callback = NULL;
    return parse_weakref_args("__init__", args, &ob, &callback) ? 0 : -1;
}

static PyMemberDef weakref_members[] = {
    {"__callback__", _Py_T_OBJECT, offsetof(PyWeakReference, wr_callback),
     Py_READONLY, "the callback called when the referent dies, or None"},
    {NULL, 0, 0, 0, NULL},
};

static PyMethodDef weakref_methods[] = {
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyWeakref_RefType = {
    .tp_name = "weakref.ReferenceType",
    .tp_basicsize = sizeof(PyWeakReference),
    .tp_dealloc = weakref_dealloc,
    .tp_vectorcall_offset = offsetof(PyWeakReference, vectorcall),
    .tp_call = weakref_call,
    .tp_repr = weakref_repr,
    .tp_hash = weakref_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE
                | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_traverse = weakref_traverse,
    .tp_clear = weakref_tp_clear,
    .tp_richcompare = weakref_richcompare,
    .tp_members = weakref_members,
    .tp_methods = weakref_methods,
    .tp_init = weakref___init__,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = weakref___new__,
    .tp_free = PyObject_GC_Del,
    .ob_base = PyVarObject_HEAD_INIT(&PyType_Type, 0)
};

/* ---- proxies ------------------------------------------------------------------ */

/* A new reference to the proxy's referent, or ReferenceError. */
static PyObject *
proxy_referent(PyObject *proxy)
{
    PyObject *obj = weakref_referent((PyWeakReference *)proxy);
    if (obj == NULL) {
        PyErr_SetString(PyExc_ReferenceError,
                        "weakly-referenced object no longer exists");
    }
    return obj;
}

/* o itself (new reference), or its referent when o is a proxy. */
static PyObject *
unwrap(PyObject *o)
{
    if (PyWeakref_CheckProxy(o)) {
        return proxy_referent(o);
    }
    return Py_NewRef(o);
}

#define WRAP_UNARY(NAME, CALL)                                  \
    static PyObject *NAME(PyObject *proxy)                      \
    {                                                           \
        PyObject *o = proxy_referent(proxy);                    \
        if (o == NULL) {                                        \
            return NULL;                                        \
        }                                                       \
        PyObject *res = CALL(o);                                \
        Py_DECREF(o);                                           \
        return res;                                             \
    }

#define WRAP_BINARY(NAME, CALL)                                 \
    static PyObject *NAME(PyObject *x, PyObject *y)             \
    {                                                           \
        x = unwrap(x);                                          \
        if (x == NULL) {                                        \
            return NULL;                                        \
        }                                                       \
        y = unwrap(y);                                          \
        if (y == NULL) {                                        \
            Py_DECREF(x);                                       \
            return NULL;                                        \
        }                                                       \
        PyObject *res = CALL(x, y);                             \
        Py_DECREF(x);                                           \
        Py_DECREF(y);                                           \
        return res;                                             \
    }

#define WRAP_TERNARY(NAME, CALL)                                \
    static PyObject *NAME(PyObject *x, PyObject *y, PyObject *z) \
    {                                                           \
        x = unwrap(x);                                          \
        if (x == NULL) {                                        \
            return NULL;                                        \
        }                                                       \
        y = unwrap(y);                                          \
        if (y == NULL) {                                        \
            Py_DECREF(x);                                       \
            return NULL;                                        \
        }                                                       \
        z = unwrap(z);                                          \
        if (z == NULL) {                                        \
            Py_DECREF(x);                                       \
            Py_DECREF(y);                                       \
            return NULL;                                        \
        }                                                       \
        PyObject *res = CALL(x, y, z);                          \
        Py_DECREF(x);                                           \
        Py_DECREF(y);                                           \
        Py_DECREF(z);                                           \
        return res;                                             \
    }

WRAP_BINARY(proxy_add, PyNumber_Add)
WRAP_BINARY(proxy_sub, PyNumber_Subtract)
WRAP_BINARY(proxy_mul, PyNumber_Multiply)
WRAP_BINARY(proxy_floor_div, PyNumber_FloorDivide)
WRAP_BINARY(proxy_true_div, PyNumber_TrueDivide)
WRAP_BINARY(proxy_mod, PyNumber_Remainder)
WRAP_BINARY(proxy_divmod, PyNumber_Divmod)
WRAP_TERNARY(proxy_pow, PyNumber_Power)
WRAP_UNARY(proxy_neg, PyNumber_Negative)
WRAP_UNARY(proxy_pos, PyNumber_Positive)
WRAP_UNARY(proxy_abs, PyNumber_Absolute)
WRAP_UNARY(proxy_invert, PyNumber_Invert)
WRAP_BINARY(proxy_lshift, PyNumber_Lshift)
WRAP_BINARY(proxy_rshift, PyNumber_Rshift)
WRAP_BINARY(proxy_and, PyNumber_And)
WRAP_BINARY(proxy_xor, PyNumber_Xor)
WRAP_BINARY(proxy_or, PyNumber_Or)
WRAP_UNARY(proxy_int, PyNumber_Long)
WRAP_UNARY(proxy_float, PyNumber_Float)
WRAP_BINARY(proxy_iadd, PyNumber_InPlaceAdd)
WRAP_BINARY(proxy_isub, PyNumber_InPlaceSubtract)
WRAP_BINARY(proxy_imul, PyNumber_InPlaceMultiply)
WRAP_BINARY(proxy_ifloor_div, PyNumber_InPlaceFloorDivide)
WRAP_BINARY(proxy_itrue_div, PyNumber_InPlaceTrueDivide)
WRAP_BINARY(proxy_imod, PyNumber_InPlaceRemainder)
WRAP_TERNARY(proxy_ipow, PyNumber_InPlacePower)
WRAP_BINARY(proxy_ilshift, PyNumber_InPlaceLshift)
WRAP_BINARY(proxy_irshift, PyNumber_InPlaceRshift)
WRAP_BINARY(proxy_iand, PyNumber_InPlaceAnd)
WRAP_BINARY(proxy_ixor, PyNumber_InPlaceXor)
WRAP_BINARY(proxy_ior, PyNumber_InPlaceOr)
WRAP_UNARY(proxy_index, PyNumber_Index)
WRAP_BINARY(proxy_matmul, PyNumber_MatrixMultiply)
WRAP_BINARY(proxy_imatmul, PyNumber_InPlaceMatrixMultiply)
WRAP_UNARY(proxy_str, PyObject_Str)
WRAP_UNARY(proxy_iter, PyObject_GetIter)
WRAP_BINARY(proxy_getattr, PyObject_GetAttr)
WRAP_BINARY(proxy_getitem, PyObject_GetItem)

static int
proxy_bool(PyObject *proxy)
{
    PyObject *o = proxy_referent(proxy);
    if (o == NULL) {
        return -1;
    }
    int res = PyObject_IsTrue(o);
    Py_DECREF(o);
    return res;
}

static Py_ssize_t
proxy_length(PyObject *proxy)
{
    PyObject *o = proxy_referent(proxy);
    if (o == NULL) {
        return -1;
    }
    Py_ssize_t res = PyObject_Length(o);
    Py_DECREF(o);
    return res;
}

static int
proxy_contains(PyObject *proxy, PyObject *value)
{
    PyObject *o = proxy_referent(proxy);
    if (o == NULL) {
        return -1;
    }
    int res = PySequence_Contains(o, value);
    Py_DECREF(o);
    return res;
}

static int
proxy_setitem(PyObject *proxy, PyObject *key, PyObject *value)
{
    PyObject *o = proxy_referent(proxy);
    if (o == NULL) {
        return -1;
    }
    int res = value == NULL ? PyObject_DelItem(o, key)
                            : PyObject_SetItem(o, key, value);
    Py_DECREF(o);
    return res;
}

static int
proxy_setattr(PyObject *proxy, PyObject *name, PyObject *value)
{
    PyObject *o = proxy_referent(proxy);
    if (o == NULL) {
        return -1;
    }
    int res = PyObject_SetAttr(o, name, value);
    Py_DECREF(o);
    return res;
}

static PyObject *
proxy_richcompare(PyObject *proxy, PyObject *v, int op)
{
    proxy = unwrap(proxy);
    if (proxy == NULL) {
        return NULL;
    }
    v = unwrap(v);
    if (v == NULL) {
        Py_DECREF(proxy);
        return NULL;
    }
    PyObject *res = PyObject_RichCompare(proxy, v, op);
    Py_DECREF(proxy);
    Py_DECREF(v);
    return res;
}

static PyObject *
proxy_iternext(PyObject *proxy)
{
    PyObject *o = proxy_referent(proxy);
    if (o == NULL) {
        return NULL;
    }
    if (!PyIter_Check(o)) {
        PyErr_Format(PyExc_TypeError,
                     "Weakref proxy referenced a non-iterator '%.200s' object",
                     Py_TYPE(o)->tp_name);
        Py_DECREF(o);
        return NULL;
    }
    PyObject *res = Py_TYPE(o)->tp_iternext(o);
    Py_DECREF(o);
    return res;
}

static PyObject *
proxy_call(PyObject *proxy, PyObject *args, PyObject *kwargs)
{
    PyObject *o = proxy_referent(proxy);
    if (o == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_Call(o, args, kwargs);
    Py_DECREF(o);
    return res;
}

static PyObject *
proxy_repr(PyObject *proxy)
{
    PyObject *obj = weakref_referent((PyWeakReference *)proxy);
    if (obj == NULL) {
        return PyUnicode_FromFormat("<weakproxy at %p; dead>", (void *)proxy);
    }
    PyObject *res = NULL;
    PyObject *tname = referent_type_name(obj);
    if (tname != NULL) {
        res = PyUnicode_FromFormat("<weakproxy at %p; to '%U' at %p>",
                                   (void *)proxy, tname, (void *)obj);
        Py_DECREF(tname);
    }
    Py_DECREF(obj);
    return res;
}

static PyObject *
proxy_bytes(PyObject *proxy, PyObject *Py_UNUSED(ignored))
{
    PyObject *o = proxy_referent(proxy);
    if (o == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_Bytes(o);
    Py_DECREF(o);
    return res;
}

static PyObject *
proxy_reversed(PyObject *proxy, PyObject *Py_UNUSED(ignored))
{
    PyObject *o = proxy_referent(proxy);
    if (o == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_CallMethod(o, "__reversed__", NULL);
    Py_DECREF(o);
    return res;
}

static PyMethodDef proxy_methods[] = {
    {"__bytes__", proxy_bytes, METH_NOARGS, NULL},
    {"__reversed__", proxy_reversed, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyNumberMethods proxy_as_number = {
    .nb_add = proxy_add,
    .nb_subtract = proxy_sub,
    .nb_multiply = proxy_mul,
    .nb_remainder = proxy_mod,
    .nb_divmod = proxy_divmod,
    .nb_power = proxy_pow,
    .nb_negative = proxy_neg,
    .nb_positive = proxy_pos,
    .nb_absolute = proxy_abs,
    .nb_bool = proxy_bool,
    .nb_invert = proxy_invert,
    .nb_lshift = proxy_lshift,
    .nb_rshift = proxy_rshift,
    .nb_and = proxy_and,
    .nb_xor = proxy_xor,
    .nb_or = proxy_or,
    .nb_int = proxy_int,
    .nb_float = proxy_float,
    .nb_inplace_add = proxy_iadd,
    .nb_inplace_subtract = proxy_isub,
    .nb_inplace_multiply = proxy_imul,
    .nb_inplace_remainder = proxy_imod,
    .nb_inplace_power = proxy_ipow,
    .nb_inplace_lshift = proxy_ilshift,
    .nb_inplace_rshift = proxy_irshift,
    .nb_inplace_and = proxy_iand,
    .nb_inplace_xor = proxy_ixor,
    .nb_inplace_or = proxy_ior,
    .nb_floor_divide = proxy_floor_div,
    .nb_true_divide = proxy_true_div,
    .nb_inplace_floor_divide = proxy_ifloor_div,
    .nb_inplace_true_divide = proxy_itrue_div,
    .nb_index = proxy_index,
    .nb_matrix_multiply = proxy_matmul,
    .nb_inplace_matrix_multiply = proxy_imatmul,
};

static PySequenceMethods proxy_as_sequence = {
    .sq_length = proxy_length,
    .sq_contains = proxy_contains,
};

static PyMappingMethods proxy_as_mapping = {
    .mp_length = proxy_length,
    .mp_subscript = proxy_getitem,
    .mp_ass_subscript = proxy_setitem,
};

PyTypeObject _PyWeakref_ProxyType = {
    .tp_name = "weakref.ProxyType",
    .tp_basicsize = sizeof(PyWeakReference),
    .tp_dealloc = weakref_dealloc,
    .tp_repr = proxy_repr,
    .tp_as_number = &proxy_as_number,
    .tp_as_sequence = &proxy_as_sequence,
    .tp_as_mapping = &proxy_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_str = proxy_str,
    .tp_getattro = proxy_getattr,
    .tp_setattro = proxy_setattr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = weakref_traverse,
    .tp_clear = weakref_tp_clear,
    .tp_richcompare = proxy_richcompare,
    .tp_iter = proxy_iter,
    .tp_iternext = proxy_iternext,
    .tp_methods = proxy_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_GC_Del,
    .ob_base = PyVarObject_HEAD_INIT(&PyType_Type, 0)
};

PyTypeObject _PyWeakref_CallableProxyType = {
    .tp_name = "weakref.CallableProxyType",
    .tp_basicsize = sizeof(PyWeakReference),
    .tp_dealloc = weakref_dealloc,
    .tp_repr = proxy_repr,
    .tp_as_number = &proxy_as_number,
    .tp_as_sequence = &proxy_as_sequence,
    .tp_as_mapping = &proxy_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_call = proxy_call,
    .tp_str = proxy_str,
    .tp_getattro = proxy_getattr,
    .tp_setattro = proxy_setattr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = weakref_traverse,
    .tp_clear = weakref_tp_clear,
    .tp_richcompare = proxy_richcompare,
    .tp_iter = proxy_iter,
    .tp_iternext = proxy_iternext,
    .tp_methods = proxy_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_GC_Del,
    .ob_base = PyVarObject_HEAD_INIT(&PyType_Type, 0)
};
