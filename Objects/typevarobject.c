/* The typing objects of PEP 484/612/646/695/696, written in C so that the
   `def f[T]()`, `class C[T]` and `type X = ...` syntax works without
   typing.py: TypeVar, ParamSpec with ParamSpecArgs/ParamSpecKwargs,
   TypeVarTuple, TypeAliasType, Generic, the NoDefault sentinel, and the
   small "constant evaluator" that stands in for a lazy function when a
   bound or default was given eagerly to a constructor.

   Laziness.  Type parameters made by the syntax hold the compiler's lazy
   functions f(format) (evaluate_bound, evaluate_constraints,
   evaluate_default; evaluate_value for aliases) and compute __bound__,
   __constraints__, __default__, __value__ on first access.

   Thread safety (free-threaded build).  Every field is written once before
   the object is shared (constructors; _Py_set_typeparam_default runs in
   the type-params scope before the parameter escapes), except the lazily
   computed results.  Those slots go from NULL to a value exactly once: a
   reader computes the value without any lock, then publishes it with an
   atomic compare-and-swap; a thread that loses the race drops its own
   result and returns the winner, so every thread sees one value.  Instance
   dicts (__module__, user attributes) protect themselves. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_typeobject.h"
#include "pycore_typevarobject.h"
#include "pycore_unionobject.h"

/* annotationlib.Format values the lazy functions accept. */
#define FORMAT_VALUE 1
#define FORMAT_STRING 4

/* TypeVar, ParamSpec and TypeVarTuple share one layout; the fields a kind
   does not use stay NULL. */
typedef struct {
    PyObject_HEAD
    PyObject *name;                 /* owned str */
    PyObject *bound;                /* lazily published; NULL: none yet */
    PyObject *evaluate_bound;       /* owned lazy function or NULL */
    PyObject *constraints;          /* lazily published tuple */
    PyObject *evaluate_constraints; /* owned lazy function or NULL */
    PyObject *default_value;        /* lazily published; NULL: none yet */
    PyObject *evaluate_default;     /* owned lazy function or NULL */
    PyObject *dict;                 /* instance dict (__module__) */
    PyObject *weakreflist;
    char covariant;
    char contravariant;
    char infer_variance;
} typeparamobject;

#define TP(op) ((typeparamobject *)(op))

typedef struct {
    PyObject_HEAD
    PyObject *origin;               /* owned: the ParamSpec */
    PyObject *weakreflist;          /* P.args and P.kwargs are weakly
                                       referenceable, as in CPython */
} paramspecattrobject;

typedef struct {
    PyObject_HEAD
    PyObject *name;                 /* owned str */
    PyObject *type_params;          /* owned tuple or NULL */
    PyObject *compute_value;        /* owned lazy function or NULL */
    PyObject *value;                /* lazily published */
    PyObject *module;               /* owned or NULL */
    PyObject *weakreflist;
} typealiasobject;

#define TA(op) ((typealiasobject *)(op))

typedef struct {
    PyObject_HEAD
    PyObject *value;                /* owned */
} constevaluatorobject;

/* paramspecattr and constevaluator objects hold one owned reference
   right after the head, and share the GC functions below. */
typedef struct {
    PyObject_HEAD
    PyObject *ref;
} onerefobject;

_Static_assert(offsetof(paramspecattrobject, origin)
               == offsetof(onerefobject, ref), "paramspecattr layout");
_Static_assert(offsetof(constevaluatorobject, value)
               == offsetof(onerefobject, ref), "constevaluator layout");

static void
oneref_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(((onerefobject *)self)->ref);
    PyObject_GC_Del(self);
}

static int
oneref_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((onerefobject *)self)->ref);
    return 0;
}

static int
oneref_clear(PyObject *self)
{
    Py_CLEAR(((onerefobject *)self)->ref);
    return 0;
}

static int is_typevar_like(PyObject *obj);

/* ---- shared helpers ---------------------------------------------------- */

/* __name__ of the calling frame's module (a new reference; None when
   there is no Python frame or it has no __name__). */
static PyObject *
caller_module(void)
{
    PyObject *globals = PyEval_GetGlobals();
    PyObject *name = NULL;
    if (globals != NULL && PyDict_Check(globals)
            && PyDict_GetItemRef(globals, _Py_INTERNED_ID(__name__), &name) < 0) {
        return NULL;
    }
    return name != NULL ? name : Py_NewRef(Py_None);
}

static int
set_caller_module(PyObject *obj)
{
    PyObject *module = caller_module();
    if (module == NULL) {
        return -1;
    }
    int rc = PyObject_SetAttr(obj, _Py_INTERNED_ID(__module__), module);
    Py_DECREF(module);
    return rc;
}

/* Objects that stand for a type in annotations although they are not
   callable. */
static int
is_special_type_form(PyObject *obj)
{
    return is_typevar_like(obj)
           || Py_IS_TYPE(obj, &_PyParamSpecArgs_Type)
           || Py_IS_TYPE(obj, &_PyParamSpecKwargs_Type)
           || Py_IS_TYPE(obj, &_PyTypeAlias_Type)
           || _PyUnion_Check(obj);
}

/* typing.<name>, a new reference.  sys.modules is looked at first: typing
   is nearly always imported already, and the import machinery costs far
   more than the lookup. */
static PyObject *
typing_attr(const char *name)
{
    PyObject *modname = _Py_INTERNED_ID(typing);
    PyObject *typing = PyImport_GetModule(modname);
    if (typing == NULL && !PyErr_Occurred()) {
        typing = PyImport_Import(modname);
    }
    if (typing == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_GetAttrString(typing, name);
    Py_DECREF(typing);
    return res;
}

/* The checks typing._type_check makes of a type argument: None stands for
   NoneType, strings are forward references, and anything else must be a
   type-like object.  A new reference, or NULL with TypeError
   "<msg> Got <repr>.". */
static PyObject *
type_check(PyObject *arg, const char *msg)
{
    if (arg == Py_None) {
        return Py_NewRef((PyObject *)Py_TYPE(arg));
    }
    if (!PyTuple_CheckExact(arg)
            && (PyUnicode_Check(arg) || PyCallable_Check(arg)
                || is_special_type_form(arg))) {
        return Py_NewRef(arg);
    }
    PyObject *repr = PyObject_Repr(arg);
    if (repr == NULL) {
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(repr) > 100) {
        Py_SETREF(repr, PyUnicode_Substring(repr, 0, 100));
        if (repr == NULL) {
            return NULL;
        }
    }
    PyErr_Format(PyExc_TypeError, "%s Got %U.", msg, repr);
    Py_DECREF(repr);
    return NULL;
}

/* Union[a, b] (typing.Union is types.UnionType since 3.14). */
static PyObject *
typing_or(PyObject *a, PyObject *b)
{
    return _Py_union_of_pair(a, b);
}

/* A fresh tuple with the items of `tuple` and item i replaced by `item`
   (a new reference is taken).  Tuples are shared, so they are never
   edited in place. */
static PyObject *
tuple_with_item(PyObject *tuple, Py_ssize_t i, PyObject *item)
{
    Py_ssize_t n = PyTuple_GET_SIZE(tuple);
    PyObject *res = PyTuple_New(n);
    if (res == NULL) {
        return NULL;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        PyTuple_SET_ITEM(res, k, Py_NewRef(k == i ? item
                                           : PyTuple_GET_ITEM(tuple, k)));
    }
    return res;
}

/* A lazily computed slot: its published value, or evaluate(VALUE)
   published with a compare-and-swap (see the top of the file).  Returns 1
   with *result set (new reference), 0 when there is neither a value nor a
   function, -1 on error. */
static int
lazy_get(PyObject **slot, PyObject *evaluate, PyObject **result)
{
    PyObject *value = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
    if (value != NULL) {
        *result = Py_NewRef(value);
        return 1;
    }
    if (evaluate == NULL) {
        *result = NULL;
        return 0;
    }
    PyObject *format = PyLong_FromLong(FORMAT_VALUE);
    if (format == NULL) {
        return -1;
    }
    value = PyObject_CallOneArg(evaluate, format);
    Py_DECREF(format);
    if (value == NULL) {
        return -1;
    }
    PyObject *expected = NULL;
    /* On success the slot owns our reference to value. */
    if (!__atomic_compare_exchange_n(slot, &expected, value, 0,
                                     __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        Py_DECREF(value);
        value = expected;
    }
    *result = Py_NewRef(value);
    return 1;
}

static PyObject *
lazy_get_or(PyObject **slot, PyObject *evaluate, PyObject *fallback)
{
    PyObject *res;
    int rc = lazy_get(slot, evaluate, &res);
    if (rc < 0) {
        return NULL;
    }
    return rc ? res : Py_NewRef(fallback);
}

/* ---- constant evaluator -------------------------------------------------- */

static PyObject *
constevaluator_new_value(PyObject *value)
{
    constevaluatorobject *ce = PyObject_GC_New(constevaluatorobject,
                                               &_PyConstEvaluator_Type);
    if (ce == NULL) {
        return NULL;
    }
    ce->value = Py_NewRef(value);
    PyObject_GC_Track(ce);
    return (PyObject *)ce;
}

static PyObject *
constevaluator_repr(PyObject *self)
{
    PyObject *value = ((constevaluatorobject *)self)->value;
    return PyUnicode_FromFormat("<constevaluator %R>", value ? value : Py_None);
}

/* f(format): the value itself, or its typing repr for Format.STRING. */
static PyObject *
constevaluator_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    int format;
    if (!_PyArg_NoKeywords("constevaluator.__call__", kwds)
            || !PyArg_ParseTuple(args, "i:constevaluator.__call__", &format)) {
        return NULL;
    }
    PyObject *value = ((constevaluatorobject *)self)->value;
    if (value == NULL) {
        value = Py_None;
    }
    if (format != FORMAT_STRING) {
        return Py_NewRef(value);
    }
    PyUnicodeWriter *writer = PyUnicodeWriter_Create(0);
    if (writer == NULL) {
        return NULL;
    }
    if (_Py_typing_type_repr(writer, value) < 0) {
        PyUnicodeWriter_Discard(writer);
        return NULL;
    }
    return PyUnicodeWriter_Finish(writer);
}

PyTypeObject _PyConstEvaluator_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_typing._ConstEvaluator",
    .tp_basicsize = sizeof(constevaluatorobject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_dealloc = oneref_dealloc,
    .tp_traverse = oneref_traverse,
    .tp_clear = oneref_clear,
    .tp_repr = constevaluator_repr,
    .tp_call = constevaluator_call,
};

/* The evaluate_* attribute: the lazy function, a constant evaluator for
   an eagerly given value, or None. */
static PyObject *
evaluator_for(PyObject *evaluate, PyObject *value, PyObject *absent)
{
    if (evaluate != NULL) {
        return Py_NewRef(evaluate);
    }
    if (value != NULL && value != absent) {
        return constevaluator_new_value(value);
    }
    Py_RETURN_NONE;
}

/* ---- NoDefault ---------------------------------------------------------- */

static PyObject *
nodefault_new(PyTypeObject *Py_UNUSED(type), PyObject *args, PyObject *kwds)
{
    if (PyTuple_GET_SIZE(args) != 0 || (kwds != NULL && PyDict_GET_SIZE(kwds))) {
        PyErr_SetString(PyExc_TypeError, "NoDefaultType takes no arguments");
        return NULL;
    }
    return _Py_NoDefault;
}

static PyObject *
nodefault_repr(PyObject *Py_UNUSED(self))
{
    return PyUnicode_FromString("typing.NoDefault");
}

static PyObject *
nodefault_reduce(PyObject *Py_UNUSED(self), PyObject *Py_UNUSED(ignored))
{
    return PyUnicode_FromString("NoDefault");
}

static PyMethodDef nodefault_methods[] = {
    {"__reduce__", nodefault_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyNoDefault_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "NoDefaultType",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = nodefault_new,
    .tp_repr = nodefault_repr,
    .tp_methods = nodefault_methods,
    .tp_doc = "The type of the NoDefault singleton.",
};

PyObject _Py_NoDefaultStruct = _PyObject_HEAD_INIT(&_PyNoDefault_Type);

/* ---- the common type-parameter machinery -------------------------------- */

static int
is_typevar_like(PyObject *obj)
{
    return Py_IS_TYPE(obj, &_PyTypeVar_Type)
           || Py_IS_TYPE(obj, &_PyParamSpec_Type)
           || Py_IS_TYPE(obj, &_PyTypeVarTuple_Type);
}

/* A new type parameter; borrows every argument (NULL: absent). */
static PyObject *
typeparam_alloc(PyTypeObject *type, PyObject *name, PyObject *bound,
                PyObject *evaluate_bound, PyObject *constraints,
                PyObject *evaluate_constraints, PyObject *default_value,
                int covariant, int contravariant, int infer_variance)
{
    typeparamobject *tp = PyObject_GC_New(typeparamobject, type);
    if (tp == NULL) {
        return NULL;
    }
    tp->name = Py_NewRef(name);
    tp->bound = Py_XNewRef(bound);
    tp->evaluate_bound = Py_XNewRef(evaluate_bound);
    tp->constraints = Py_XNewRef(constraints);
    tp->evaluate_constraints = Py_XNewRef(evaluate_constraints);
    tp->default_value = default_value == _Py_NoDefault ? NULL
                                                       : Py_XNewRef(default_value);
    tp->evaluate_default = NULL;
    tp->dict = NULL;
    tp->weakreflist = NULL;
    tp->covariant = (char)covariant;
    tp->contravariant = (char)contravariant;
    tp->infer_variance = (char)infer_variance;
    PyObject_GC_Track(tp);
    return (PyObject *)tp;
}

static int
typeparam_traverse(PyObject *self, visitproc visit, void *arg)
{
    typeparamobject *tp = TP(self);
    Py_VISIT(tp->bound);
    Py_VISIT(tp->evaluate_bound);
    Py_VISIT(tp->constraints);
    Py_VISIT(tp->evaluate_constraints);
    Py_VISIT(tp->default_value);
    Py_VISIT(tp->evaluate_default);
    Py_VISIT(tp->dict);
    return 0;
}

static int
typeparam_clear(PyObject *self)
{
    typeparamobject *tp = TP(self);
    Py_CLEAR(tp->bound);
    Py_CLEAR(tp->evaluate_bound);
    Py_CLEAR(tp->constraints);
    Py_CLEAR(tp->evaluate_constraints);
    Py_CLEAR(tp->default_value);
    Py_CLEAR(tp->evaluate_default);
    Py_CLEAR(tp->dict);
    return 0;
}

static void
typeparam_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    if (TP(self)->weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    typeparam_clear(self);
    Py_CLEAR(TP(self)->name);
    PyObject_GC_Del(self);
}

/* CPython's typing types are heap types whose class dict holds
   __module__ = 'typing'; these static types have none, so a parameter
   without its own __module__ (one made by the syntax) reports 'typing'. */
static PyObject *
typeparam_getattro(PyObject *self, PyObject *name)
{
    PyObject *res = PyObject_GenericGetAttr(self, name);
    if (res == NULL && PyErr_ExceptionMatches(PyExc_AttributeError)
            && PyUnicode_Check(name)
            && PyUnicode_CompareWithASCIIString(name, "__module__") == 0) {
        PyErr_Clear();
        res = PyUnicode_FromString("typing");
    }
    return res;
}

/* ~T, +T, -T; just T when the variance is inferred (the PEP 695 syntax). */
static PyObject *
variance_repr(PyObject *self)
{
    typeparamobject *tp = TP(self);
    if (tp->infer_variance) {
        return Py_NewRef(tp->name);
    }
    char prefix = tp->covariant ? '+' : tp->contravariant ? '-' : '~';
    return PyUnicode_FromFormat("%c%U", prefix, tp->name);
}

static PyObject *
typeparam_default(PyObject *self, void *Py_UNUSED(closure))
{
    return lazy_get_or(&TP(self)->default_value, TP(self)->evaluate_default,
                       _Py_NoDefault);
}

static PyObject *
typeparam_evaluate_default(PyObject *self, void *Py_UNUSED(closure))
{
    return evaluator_for(TP(self)->evaluate_default, TP(self)->default_value,
                         _Py_NoDefault);
}

/* Whether a type parameter has a default; needs no evaluation.  The
   default slot is read with an acquire load (it may be being published);
   evaluate_default is written only before the parameter is shared. */
static int
has_default(PyObject *self)
{
    typeparamobject *tp = TP(self);
    PyObject *dflt = __atomic_load_n(&tp->default_value, __ATOMIC_ACQUIRE);
    return tp->evaluate_default != NULL || dflt != NULL;
}

static PyObject *
typeparam_has_default(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyBool_FromLong(has_default(self));
}

/* Type parameters pickle as the global of their name in __module__. */
static PyObject *
typeparam_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return Py_NewRef(TP(self)->name);
}

static PyObject *
typeparam_mro_entries(PyObject *self, PyObject *Py_UNUSED(bases))
{
    PyErr_Format(PyExc_TypeError, "Cannot subclass an instance of %s",
                 _PyType_Name(Py_TYPE(self)));
    return NULL;
}

static PyObject *
typeparam_bound(PyObject *self, void *Py_UNUSED(closure))
{
    return lazy_get_or(&TP(self)->bound, TP(self)->evaluate_bound, Py_None);
}

static PyObject *
typeparam_evaluate_bound(PyObject *self, void *Py_UNUSED(closure))
{
    return evaluator_for(TP(self)->evaluate_bound, TP(self)->bound, NULL);
}

/* The index of self in alias.__parameters__ and that tuple (new
   reference through *params). */
static Py_ssize_t
index_in_parameters(PyObject *self, PyObject *alias, PyObject **params)
{
    *params = PyObject_GetAttr(alias, _Py_INTERNED_ID(__parameters__));
    if (*params == NULL) {
        return -1;
    }
    Py_ssize_t i = PySequence_Index(*params, self);
    if (i < 0) {
        Py_CLEAR(*params);
    }
    return i;
}

/* args + (default,) when self is the first parameter without an argument
   and has a default.  `counts`: the TypeVar wording of the error, which
   gives the numbers (typing.py's ParamSpec wording does not). */
static PyObject *
append_default_or_fail(PyObject *self, PyObject *alias, PyObject *args,
                       Py_ssize_t index, int counts)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (index < nargs) {
        return Py_NewRef(args);
    }
    if (index == nargs) {
        PyObject *dflt = typeparam_default(self, NULL);
        if (dflt == NULL) {
            return NULL;
        }
        if (dflt != _Py_NoDefault) {
            PyObject *one = PyTuple_Pack(1, dflt);
            Py_DECREF(dflt);
            PyObject *res = one ? PySequence_Concat(args, one) : NULL;
            Py_XDECREF(one);
            return res;
        }
        Py_DECREF(dflt);
    }
    if (counts) {
        PyErr_Format(PyExc_TypeError,
                     "Too few arguments for %S; actual %zd, expected at least %zd",
                     alias, nargs, index + 1);
    }
    else {
        PyErr_Format(PyExc_TypeError, "Too few arguments for %S", alias);
    }
    return NULL;
}

static int
parse_prepare_args(PyObject *const *args, Py_ssize_t nargs, PyObject **alias,
                   PyObject **items)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError,
                     "__typing_prepare_subst__ expected 2 arguments, got %zd",
                     nargs);
        return -1;
    }
    *alias = args[0];
    *items = args[1];
    if (!PyTuple_Check(*items)) {
        PyErr_SetString(PyExc_TypeError,
                        "__typing_prepare_subst__ expects a tuple of arguments");
        return -1;
    }
    return 0;
}

/* ---- TypeVar ------------------------------------------------------------ */

static PyObject *
typevar_constraints(PyObject *self, void *Py_UNUSED(closure))
{
    PyObject *empty = PyTuple_New(0);
    if (empty == NULL) {
        return NULL;
    }
    PyObject *res = lazy_get_or(&TP(self)->constraints,
                                TP(self)->evaluate_constraints, empty);
    Py_DECREF(empty);
    return res;
}

static PyObject *
typevar_evaluate_constraints(PyObject *self, void *Py_UNUSED(closure))
{
    return evaluator_for(TP(self)->evaluate_constraints, TP(self)->constraints,
                         NULL);
}

/* A bound given to a constructor: None is "no bound". */
static int
check_bound(PyObject **bound)
{
    if (*bound == NULL || *bound == Py_None) {
        *bound = NULL;
        return 0;
    }
    *bound = type_check(*bound, "Bound must be a type.");
    return *bound == NULL ? -1 : 0;
}

static int
check_variance(int covariant, int contravariant, int infer_variance)
{
    if (covariant && contravariant) {
        PyErr_SetString(PyExc_ValueError,
                        "Bivariant type variables are not supported.");
        return -1;
    }
    if (infer_variance && (covariant || contravariant)) {
        PyErr_SetString(PyExc_ValueError,
                        "Variance cannot be specified with infer_variance.");
        return -1;
    }
    return 0;
}

/* Argument Clinic's wording for a non-str name. */
static int
check_name(PyObject *name, const char *func)
{
    if (PyUnicode_Check(name)) {
        return 0;
    }
    PyErr_Format(PyExc_TypeError, "%s() argument 'name' must be str, not %T",
                 func, name);
    return -1;
}

/* The first positional argument (the name) as a 0- or 1-tuple, so that
   the keyword parser also accepts name=... */
static PyObject *
leading_args(PyObject *args, Py_ssize_t n)
{
    return PyTuple_GetSlice(args, 0, n < PyTuple_GET_SIZE(args)
                                     ? n : PyTuple_GET_SIZE(args));
}

/* TypeVar(name, *constraints, bound=None, covariant=False,
           contravariant=False, infer_variance=False, default=NoDefault) */
static PyObject *
typevar_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "bound", "covariant", "contravariant",
                             "infer_variance", "default", NULL};
    PyObject *name, *bound = NULL, *dflt = _Py_NoDefault;
    int covariant = 0, contravariant = 0, infer_variance = 0;
    PyObject *head = leading_args(args, 1);
    if (head == NULL) {
        return NULL;
    }
    int ok = PyArg_ParseTupleAndKeywords(head, kwds, "O|$OpppO:TypeVar", kwlist,
                                         &name, &bound, &covariant,
                                         &contravariant, &infer_variance, &dflt);
    Py_DECREF(head);
    if (!ok || check_name(name, "TypeVar") < 0
            || check_variance(covariant, contravariant, infer_variance) < 0
            || check_bound(&bound) < 0) {
        return NULL;
    }
    PyObject *constraints = PyTuple_GET_SIZE(args) > 1
        ? PyTuple_GetSlice(args, 1, PyTuple_GET_SIZE(args)) : NULL;
    PyObject *res = NULL;
    if (PyTuple_GET_SIZE(args) == 2) {
        PyErr_SetString(PyExc_TypeError, "A single constraint is not allowed");
    }
    else if (constraints != NULL && bound != NULL) {
        PyErr_SetString(PyExc_TypeError,
                        "Constraints cannot be combined with bound=...");
    }
    else if (PyTuple_GET_SIZE(args) <= 1 || constraints != NULL) {
        res = typeparam_alloc(type, name, bound, NULL, constraints, NULL, dflt,
                              covariant, contravariant, infer_variance);
        if (res != NULL && set_caller_module(res) < 0) {
            Py_CLEAR(res);
        }
    }
    Py_XDECREF(bound);
    Py_XDECREF(constraints);
    return res;
}

/* The truth of arg.<name>; 0 when arg has no such attribute, -1 on
   error. */
static int
attr_is_true(PyObject *arg, const char *name)
{
    PyObject *value;
    if (PyObject_GetOptionalAttrString(arg, name, &value) < 0) {
        return -1;
    }
    int res = value != NULL ? PyObject_IsTrue(value) : 0;
    Py_XDECREF(value);
    return res;
}

/* 1 when arg is an unpacked form -- *tuple[int], *list[int], *Ts,
   Unpack[Ts], Unpack[Tuple[int, ...]] -- which stands for several
   arguments and so cannot replace one TypeVar; -1 on error. */
static int
is_unpacked_form(PyObject *arg)
{
    if (PyType_Check(arg)) {
        return 0;
    }
    int res = attr_is_true(arg, "__unpacked__");
    if (res == 0) {
        res = attr_is_true(arg, "__typing_is_unpacked_typevartuple__");
    }
    if (res != 0) {
        return res;
    }
    PyObject *tuple_args;
    if (PyObject_GetOptionalAttrString(arg, "__typing_unpacked_tuple_args__",
                                       &tuple_args) < 0) {
        return -1;
    }
    res = tuple_args != NULL && tuple_args != Py_None;
    Py_XDECREF(tuple_args);
    return res;
}

/* typing._type_check(arg, msg): the full check of a type argument, which
   knows typing's special forms (Generic, Protocol, ClassVar, Final ...)
   and turns strings into ForwardRef.  A new reference. */
PyObject *
_Py_typing_type_check(PyObject *arg, const char *msg)
{
    /* What typing._type_check returns unchanged without looking further:
       a type variable, or a class that is not Generic or a subclass of it
       (Protocol is one).  Skipping the call keeps Union[int, str] and
       list[T][int] cheap. */
    if (is_typevar_like(arg)
        || (PyType_Check(arg)
            && !PyType_IsSubtype((PyTypeObject *)arg, &_PyGeneric_Type))) {
        return Py_NewRef(arg);
    }
    PyObject *check = typing_attr("_type_check");
    if (check == NULL) {
        return NULL;
    }
    PyObject *message = PyUnicode_FromString(msg);
    PyObject *res = message == NULL ? NULL
        : PyObject_CallFunctionObjArgs(check, arg, message, NULL);
    Py_XDECREF(message);
    Py_DECREF(check);
    return res;
}

/* typing._typevar_subst: the argument a TypeVar is replaced with. */
static PyObject *
typevar_typing_subst(PyObject *Py_UNUSED(self), PyObject *arg)
{
    PyObject *checked = _Py_typing_type_check(
        arg, "Parameters to generic types must be types.");
    if (checked == NULL) {
        return NULL;
    }
    int unpacked = is_unpacked_form(checked);
    if (unpacked != 0) {
        if (unpacked > 0) {
            PyErr_Format(PyExc_TypeError, "%R is not valid as type argument",
                         checked);
        }
        Py_DECREF(checked);
        return NULL;
    }
    return checked;
}

static PyObject *
typevar_prepare_subst(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *alias, *items, *params;
    if (parse_prepare_args(args, nargs, &alias, &items) < 0) {
        return NULL;
    }
    Py_ssize_t i = index_in_parameters(self, alias, &params);
    if (i < 0) {
        return NULL;
    }
    Py_DECREF(params);
    return append_default_or_fail(self, alias, items, i, 1);
}

static PyMemberDef typevar_members[] = {
    {"__name__", Py_T_OBJECT_EX, offsetof(typeparamobject, name), Py_READONLY,
     NULL},
    {"__covariant__", Py_T_BOOL, offsetof(typeparamobject, covariant),
     Py_READONLY, NULL},
    {"__contravariant__", Py_T_BOOL, offsetof(typeparamobject, contravariant),
     Py_READONLY, NULL},
    {"__infer_variance__", Py_T_BOOL, offsetof(typeparamobject, infer_variance),
     Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef typevar_getset[] = {
    {"__bound__", typeparam_bound, NULL, NULL, NULL},
    {"__constraints__", typevar_constraints, NULL, NULL, NULL},
    {"__default__", typeparam_default, NULL, NULL, NULL},
    {"evaluate_bound", typeparam_evaluate_bound, NULL, NULL, NULL},
    {"evaluate_constraints", typevar_evaluate_constraints, NULL, NULL, NULL},
    {"evaluate_default", typeparam_evaluate_default, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef typevar_methods[] = {
    {"__typing_subst__", typevar_typing_subst, METH_O, NULL},
    {"__typing_prepare_subst__", _PyCFunction_CAST(typevar_prepare_subst),
     METH_FASTCALL, NULL},
    {"__reduce__", typeparam_reduce, METH_NOARGS, NULL},
    {"__mro_entries__", typeparam_mro_entries, METH_O, NULL},
    {"has_default", typeparam_has_default, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyNumberMethods typeparam_as_number = {
    .nb_or = typing_or,
};

PyTypeObject _PyTypeVar_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "typing.TypeVar",
    .tp_basicsize = sizeof(typeparamobject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Type variable.",
    .tp_new = typevar_new,
    .tp_dealloc = typeparam_dealloc,
    .tp_traverse = typeparam_traverse,
    .tp_clear = typeparam_clear,
    .tp_repr = variance_repr,
    .tp_as_number = &typeparam_as_number,
    .tp_getattro = typeparam_getattro,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_members = typevar_members,
    .tp_getset = typevar_getset,
    .tp_methods = typevar_methods,
    .tp_dictoffset = offsetof(typeparamobject, dict),
    .tp_weaklistoffset = offsetof(typeparamobject, weakreflist),
};

/* ---- ParamSpecArgs / ParamSpecKwargs ------------------------------------- */

static PyObject *
paramspecattr_alloc(PyTypeObject *type, PyObject *origin)
{
    paramspecattrobject *p = PyObject_GC_New(paramspecattrobject, type);
    if (p == NULL) {
        return NULL;
    }
    p->origin = Py_NewRef(origin);
    p->weakreflist = NULL;
    PyObject_GC_Track(p);
    return (PyObject *)p;
}

static void
paramspecattr_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    if (((paramspecattrobject *)self)->weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    Py_CLEAR(((paramspecattrobject *)self)->origin);
    PyObject_GC_Del(self);
}

static PyObject *
paramspecattr_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"origin", NULL};
    PyObject *origin;
    const char *fmt = type == &_PyParamSpecArgs_Type ? "O:ParamSpecArgs"
                                                     : "O:ParamSpecKwargs";
    if (!PyArg_ParseTupleAndKeywords(args, kwds, fmt, kwlist, &origin)) {
        return NULL;
    }
    return paramspecattr_alloc(type, origin);
}

/* P.args / P.kwargs */
static PyObject *
paramspecattr_repr(PyObject *self)
{
    PyObject *origin = ((paramspecattrobject *)self)->origin;
    const char *attr = Py_IS_TYPE(self, &_PyParamSpecArgs_Type) ? "args"
                                                                : "kwargs";
    if (origin == NULL) {
        origin = Py_None;
    }
    if (Py_IS_TYPE(origin, &_PyParamSpec_Type)) {
        return PyUnicode_FromFormat("%U.%s", TP(origin)->name, attr);
    }
    return PyUnicode_FromFormat("%R.%s", origin, attr);
}

static PyObject *
paramspecattr_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!Py_IS_TYPE(b, Py_TYPE(a)) || (op != Py_EQ && op != Py_NE)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *oa = ((paramspecattrobject *)a)->origin;
    PyObject *ob = ((paramspecattrobject *)b)->origin;
    if (oa == NULL || ob == NULL) {
        return PyBool_FromLong((oa == ob) == (op == Py_EQ));
    }
    return PyObject_RichCompare(oa, ob, op);
}

static PyMemberDef paramspecattr_members[] = {
    {"__origin__", Py_T_OBJECT_EX, offsetof(paramspecattrobject, origin),
     Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyMethodDef paramspecattr_methods[] = {
    {"__mro_entries__", typeparam_mro_entries, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyParamSpecArgs_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "typing.ParamSpecArgs",
    .tp_basicsize = sizeof(paramspecattrobject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_weaklistoffset = offsetof(paramspecattrobject, weakreflist),
    .tp_doc = "The args for a ParamSpec object.",
    .tp_new = paramspecattr_new,
    .tp_dealloc = paramspecattr_dealloc,
    .tp_traverse = oneref_traverse,
    .tp_clear = oneref_clear,
    .tp_repr = paramspecattr_repr,
    .tp_richcompare = paramspecattr_richcompare,
    .tp_members = paramspecattr_members,
    .tp_methods = paramspecattr_methods,
};

PyTypeObject _PyParamSpecKwargs_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "typing.ParamSpecKwargs",
    .tp_basicsize = sizeof(paramspecattrobject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_weaklistoffset = offsetof(paramspecattrobject, weakreflist),
    .tp_doc = "The kwargs for a ParamSpec object.",
    .tp_new = paramspecattr_new,
    .tp_dealloc = paramspecattr_dealloc,
    .tp_traverse = oneref_traverse,
    .tp_clear = oneref_clear,
    .tp_repr = paramspecattr_repr,
    .tp_richcompare = paramspecattr_richcompare,
    .tp_members = paramspecattr_members,
    .tp_methods = paramspecattr_methods,
};

/* ---- ParamSpec ------------------------------------------------------------ */

/* ParamSpec(name, *, bound=None, covariant=False, contravariant=False,
             infer_variance=False, default=NoDefault) */
static PyObject *
paramspec_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "bound", "covariant", "contravariant",
                             "infer_variance", "default", NULL};
    PyObject *name, *bound = NULL, *dflt = _Py_NoDefault;
    int covariant = 0, contravariant = 0, infer_variance = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|$OpppO:ParamSpec", kwlist,
                                     &name, &bound, &covariant, &contravariant,
                                     &infer_variance, &dflt)
            || check_name(name, "ParamSpec") < 0
            || check_variance(covariant, contravariant, infer_variance) < 0
            || check_bound(&bound) < 0) {
        return NULL;
    }
    PyObject *res = typeparam_alloc(type, name, bound, NULL, NULL, NULL, dflt,
                                    covariant, contravariant, infer_variance);
    Py_XDECREF(bound);
    if (res != NULL && set_caller_module(res) < 0) {
        Py_CLEAR(res);
    }
    return res;
}

static PyObject *
paramspec_args(PyObject *self, void *Py_UNUSED(closure))
{
    return paramspecattr_alloc(&_PyParamSpecArgs_Type, self);
}

static PyObject *
paramspec_kwargs(PyObject *self, void *Py_UNUSED(closure))
{
    return paramspecattr_alloc(&_PyParamSpecKwargs_Type, self);
}

/* What may stand for a parameter list: ..., a list or tuple of types, a
   ParamSpec, or Concatenate[...] (recognised by name, typing.py's). */
static int
is_param_expr(PyObject *arg)
{
    if (arg == Py_Ellipsis || PyTuple_Check(arg) || PyList_Check(arg)
            || Py_IS_TYPE(arg, &_PyParamSpec_Type)) {
        return 1;
    }
    return strcmp(_PyType_Name(Py_TYPE(arg)), "_ConcatenateGenericAlias") == 0;
}

/* typing._paramspec_subst */
static PyObject *
paramspec_typing_subst(PyObject *Py_UNUSED(self), PyObject *arg)
{
    if (PyTuple_Check(arg) || PyList_Check(arg)) {
        PyObject *seq = PySequence_Tuple(arg);
        if (seq == NULL) {
            return NULL;
        }
        Py_ssize_t n = PyTuple_GET_SIZE(seq);
        PyObject *res = PyTuple_New(n);
        for (Py_ssize_t i = 0; res != NULL && i < n; i++) {
            PyObject *t = type_check(PyTuple_GET_ITEM(seq, i), "Expected a type.");
            if (t == NULL) {
                Py_CLEAR(res);
                break;
            }
            PyTuple_SET_ITEM(res, i, t);
        }
        Py_DECREF(seq);
        return res;
    }
    if (!is_param_expr(arg)) {
        PyErr_Format(PyExc_TypeError,
                     "Expected a list of types, an ellipsis, ParamSpec, or "
                     "Concatenate. Got %S", arg);
        return NULL;
    }
    return Py_NewRef(arg);
}

/* typing._paramspec_prepare_subst: defaults, and Z[int, str] meaning
   Z[[int, str]] when P is the only parameter. */
static PyObject *
paramspec_prepare_subst(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *alias, *items, *params;
    if (parse_prepare_args(args, nargs, &alias, &items) < 0) {
        return NULL;
    }
    Py_ssize_t i = index_in_parameters(self, alias, &params);
    if (i < 0) {
        return NULL;
    }
    Py_ssize_t nparams = PyTuple_GET_SIZE(params);
    Py_DECREF(params);
    PyObject *res = append_default_or_fail(self, alias, items, i, 0);
    if (res == NULL) {
        return NULL;
    }
    if (nparams == 1 && !is_param_expr(PyTuple_GET_ITEM(res, 0))) {
        Py_SETREF(res, PyTuple_Pack(1, res));
    }
    else if (PyList_Check(PyTuple_GET_ITEM(res, i))) {
        PyObject *as_tuple = PyList_AsTuple(PyTuple_GET_ITEM(res, i));
        PyObject *copy = as_tuple ? tuple_with_item(res, i, as_tuple) : NULL;
        Py_XDECREF(as_tuple);
        Py_SETREF(res, copy);
    }
    return res;
}

static PyGetSetDef paramspec_getset[] = {
    {"args", paramspec_args, NULL,
     "Represents positional arguments.", NULL},
    {"kwargs", paramspec_kwargs, NULL,
     "Represents keyword arguments.", NULL},
    {"__bound__", typeparam_bound, NULL, NULL, NULL},
    {"__default__", typeparam_default, NULL, NULL, NULL},
    {"evaluate_bound", typeparam_evaluate_bound, NULL, NULL, NULL},
    {"evaluate_default", typeparam_evaluate_default, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef paramspec_methods[] = {
    {"__typing_subst__", paramspec_typing_subst, METH_O, NULL},
    {"__typing_prepare_subst__", _PyCFunction_CAST(paramspec_prepare_subst),
     METH_FASTCALL, NULL},
    {"__reduce__", typeparam_reduce, METH_NOARGS, NULL},
    {"__mro_entries__", typeparam_mro_entries, METH_O, NULL},
    {"has_default", typeparam_has_default, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyParamSpec_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "typing.ParamSpec",
    .tp_basicsize = sizeof(typeparamobject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Parameter specification variable.",
    .tp_new = paramspec_new,
    .tp_dealloc = typeparam_dealloc,
    .tp_traverse = typeparam_traverse,
    .tp_clear = typeparam_clear,
    .tp_repr = variance_repr,
    .tp_as_number = &typeparam_as_number,
    .tp_getattro = typeparam_getattro,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_members = typevar_members,
    .tp_getset = paramspec_getset,
    .tp_methods = paramspec_methods,
    .tp_dictoffset = offsetof(typeparamobject, dict),
    .tp_weaklistoffset = offsetof(typeparamobject, weakreflist),
};

/* ---- TypeVarTuple ---------------------------------------------------------- */

/* TypeVarTuple(name, *, default=NoDefault) */
static PyObject *
typevartuple_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "default", NULL};
    PyObject *name, *dflt = _Py_NoDefault;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|$O:TypeVarTuple", kwlist,
                                     &name, &dflt)
            || check_name(name, "TypeVarTuple") < 0) {
        return NULL;
    }
    PyObject *res = typeparam_alloc(type, name, NULL, NULL, NULL, NULL, dflt,
                                    0, 0, 0);
    if (res != NULL && set_caller_module(res) < 0) {
        Py_CLEAR(res);
    }
    return res;
}

static PyObject *
typevartuple_repr(PyObject *self)
{
    return Py_NewRef(TP(self)->name);
}

/* *Ts is typing.Unpack[Ts], which lives in typing.py. */
static PyObject *
typevartuple_unpacked(PyObject *self)
{
    PyObject *unpack = typing_attr("Unpack");
    if (unpack == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_GetItem(unpack, self);
    Py_DECREF(unpack);
    return res;
}

static PyObject *
typevartuple_iter(PyObject *self)
{
    PyObject *unpacked = typevartuple_unpacked(self);
    if (unpacked == NULL) {
        return NULL;
    }
    PyObject *one = PyTuple_Pack(1, unpacked);
    Py_DECREF(unpacked);
    if (one == NULL) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(one);
    Py_DECREF(one);
    return it;
}

static PyObject *
typevartuple_typing_subst(PyObject *Py_UNUSED(self), PyObject *Py_UNUSED(arg))
{
    PyErr_SetString(PyExc_TypeError,
                    "Substitution of bare TypeVarTuple is not supported");
    return NULL;
}

/* The arguments that fall to the TypeVarTuple are gathered into one tuple
   (or its default is used when none do); an unpacked arbitrary-length
   tuple *tuple[X, ...] also fills the parameters around it.  The rules
   live once, in typing._typevartuple_prepare, which typing's own aliases
   use too. */
static PyObject *
typevartuple_prepare_subst(PyObject *self, PyObject *const *args,
                           Py_ssize_t nargs)
{
    PyObject *alias, *items, *params;
    if (parse_prepare_args(args, nargs, &alias, &items) < 0) {
        return NULL;
    }
    if (index_in_parameters(self, alias, &params) < 0) {
        return NULL;
    }
    PyObject *prepare = typing_attr("_typevartuple_prepare");
    if (prepare == NULL) {
        Py_DECREF(params);
        return NULL;
    }
    PyObject *res = PyObject_CallFunctionObjArgs(prepare, self, alias, params,
                                                 items, NULL);
    Py_DECREF(prepare);
    Py_DECREF(params);
    return res;
}

static PyMemberDef typevartuple_members[] = {
    {"__name__", Py_T_OBJECT_EX, offsetof(typeparamobject, name), Py_READONLY,
     NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef typevartuple_getset[] = {
    {"__default__", typeparam_default, NULL, NULL, NULL},
    {"evaluate_default", typeparam_evaluate_default, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef typevartuple_methods[] = {
    {"__typing_subst__", typevartuple_typing_subst, METH_O, NULL},
    {"__typing_prepare_subst__", _PyCFunction_CAST(typevartuple_prepare_subst),
     METH_FASTCALL, NULL},
    {"__reduce__", typeparam_reduce, METH_NOARGS, NULL},
    {"__mro_entries__", typeparam_mro_entries, METH_O, NULL},
    {"has_default", typeparam_has_default, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyTypeVarTuple_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "typing.TypeVarTuple",
    .tp_basicsize = sizeof(typeparamobject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Type variable tuple.",
    .tp_new = typevartuple_new,
    .tp_dealloc = typeparam_dealloc,
    .tp_traverse = typeparam_traverse,
    .tp_clear = typeparam_clear,
    .tp_repr = typevartuple_repr,
    .tp_iter = typevartuple_iter,
    .tp_getattro = typeparam_getattro,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_members = typevartuple_members,
    .tp_getset = typevartuple_getset,
    .tp_methods = typevartuple_methods,
    .tp_dictoffset = offsetof(typeparamobject, dict),
    .tp_weaklistoffset = offsetof(typeparamobject, weakreflist),
};

/* ---- the syntax's intrinsics ------------------------------------------------ */

PyObject *
_Py_make_typevar(PyObject *name, PyObject *evaluate_bound,
                 PyObject *evaluate_constraints)
{
    return typeparam_alloc(&_PyTypeVar_Type, name, NULL, evaluate_bound, NULL,
                           evaluate_constraints, NULL, 0, 0, 1);
}

PyObject *
_Py_make_paramspec(PyObject *name)
{
    return typeparam_alloc(&_PyParamSpec_Type, name, NULL, NULL, NULL, NULL,
                           NULL, 0, 0, 1);
}

PyObject *
_Py_make_typevartuple(PyObject *name)
{
    return typeparam_alloc(&_PyTypeVarTuple_Type, name, NULL, NULL, NULL, NULL,
                           NULL, 0, 0, 0);
}

/* Runs in the type-params scope right after the parameter was made, before
   any other thread can see it, so the plain store is safe. */
PyObject *
_Py_set_typeparam_default(PyObject *typeparam, PyObject *evaluate_default)
{
    if (!is_typevar_like(typeparam)) {
        PyErr_Format(PyExc_TypeError, "expected a type parameter, got %T",
                     typeparam);
        return NULL;
    }
    Py_XSETREF(TP(typeparam)->evaluate_default, Py_NewRef(evaluate_default));
    return Py_NewRef(typeparam);
}

/* ---- TypeAliasType ---------------------------------------------------------- */

/* Type params with defaults must come last (PEP 696). */
static int
check_default_order(PyObject *type_params)
{
    int seen_default = 0;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(type_params); i++) {
        PyObject *p = PyTuple_GET_ITEM(type_params, i);
        if (!is_typevar_like(p)) {
            PyErr_Format(PyExc_TypeError, "Expected a type param, got %R", p);
            return -1;
        }
        if (has_default(p)) {
            seen_default = 1;
        }
        else if (seen_default) {
            PyErr_Format(PyExc_TypeError,
                         "non-default type parameter '%R' follows default "
                         "type parameter", p);
            return -1;
        }
    }
    return 0;
}

static PyObject *
typealias_alloc(PyObject *name, PyObject *type_params, PyObject *compute_value,
                PyObject *value, PyObject *module)
{
    typealiasobject *ta = PyObject_GC_New(typealiasobject, &_PyTypeAlias_Type);
    if (ta == NULL) {
        return NULL;
    }
    ta->name = Py_NewRef(name);
    ta->type_params = (type_params == NULL || type_params == Py_None
                       || PyTuple_GET_SIZE(type_params) == 0)
                      ? NULL : Py_NewRef(type_params);
    ta->compute_value = Py_XNewRef(compute_value);
    ta->value = Py_XNewRef(value);
    ta->module = Py_XNewRef(module);
    ta->weakreflist = NULL;
    PyObject_GC_Track(ta);
    return (PyObject *)ta;
}

PyObject *
_Py_make_typealias(PyObject *args)
{
    if (!PyTuple_Check(args) || PyTuple_GET_SIZE(args) != 3) {
        PyErr_SetString(PyExc_SystemError, "bad INTRINSIC_TYPEALIAS argument");
        return NULL;
    }
    PyObject *type_params = PyTuple_GET_ITEM(args, 1);
    if (type_params != Py_None && !PyTuple_Check(type_params)) {
        PyErr_SetString(PyExc_SystemError, "bad INTRINSIC_TYPEALIAS argument");
        return NULL;
    }
    return typealias_alloc(PyTuple_GET_ITEM(args, 0), type_params,
                           PyTuple_GET_ITEM(args, 2), NULL, NULL);
}

/* TypeAliasType(name, value, *, type_params=()) */
static PyObject *
typealias_new(PyTypeObject *Py_UNUSED(type), PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "value", "type_params", NULL};
    PyObject *name, *value, *type_params = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO|$O:TypeAliasType", kwlist,
                                     &name, &value, &type_params)
            || check_name(name, "TypeAliasType") < 0) {
        return NULL;
    }
    if (type_params != NULL && !PyTuple_Check(type_params)) {
        PyErr_SetString(PyExc_TypeError, "type_params must be a tuple");
        return NULL;
    }
    if (type_params != NULL && check_default_order(type_params) < 0) {
        return NULL;
    }
    PyObject *module = caller_module();
    if (module == NULL) {
        return NULL;
    }
    PyObject *res = typealias_alloc(name, type_params, NULL, value, module);
    Py_DECREF(module);
    return res;
}

static void
typealias_dealloc(PyObject *self)
{
    typealiasobject *ta = TA(self);
    PyObject_GC_UnTrack(self);
    if (ta->weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    Py_CLEAR(ta->name);
    Py_CLEAR(ta->type_params);
    Py_CLEAR(ta->compute_value);
    Py_CLEAR(ta->value);
    Py_CLEAR(ta->module);
    PyObject_GC_Del(self);
}

static int
typealias_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(TA(self)->type_params);
    Py_VISIT(TA(self)->compute_value);
    Py_VISIT(TA(self)->value);
    Py_VISIT(TA(self)->module);
    return 0;
}

static int
typealias_clear(PyObject *self)
{
    Py_CLEAR(TA(self)->type_params);
    Py_CLEAR(TA(self)->compute_value);
    Py_CLEAR(TA(self)->value);
    Py_CLEAR(TA(self)->module);
    return 0;
}

static PyObject *
typealias_repr(PyObject *self)
{
    return Py_NewRef(TA(self)->name);
}

static PyObject *
typealias_value(PyObject *self, void *Py_UNUSED(closure))
{
    return lazy_get_or(&TA(self)->value, TA(self)->compute_value, Py_None);
}

static PyObject *
typealias_evaluate_value(PyObject *self, void *Py_UNUSED(closure))
{
    return evaluator_for(TA(self)->compute_value, TA(self)->value, NULL);
}

static PyObject *
typealias_type_params(PyObject *self, void *Py_UNUSED(closure))
{
    return TA(self)->type_params ? Py_NewRef(TA(self)->type_params)
                                 : PyTuple_New(0);
}

/* params (a tuple, stolen) with each TypeVarTuple as Unpack[Ts]: a new
   reference, NULL on error.  Reads only the immutable tuple. */
static PyObject *
unpack_typevartuples(PyObject *params)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(params); i++) {
        PyObject *p = PyTuple_GET_ITEM(params, i);
        if (!Py_IS_TYPE(p, &_PyTypeVarTuple_Type)) {
            continue;
        }
        PyObject *unpacked = typevartuple_unpacked(p);
        if (unpacked == NULL) {
            Py_DECREF(params);
            return NULL;
        }
        Py_SETREF(params, tuple_with_item(params, i, unpacked));
        Py_DECREF(unpacked);
        if (params == NULL) {
            return NULL;
        }
    }
    return params;
}

/* The type params, with each TypeVarTuple as Unpack[Ts]. */
static PyObject *
typealias_parameters(PyObject *self, void *Py_UNUSED(closure))
{
    PyObject *params = typealias_type_params(self, NULL);
    if (params == NULL) {
        return NULL;
    }
    return unpack_typevartuples(params);
}

/* The module of the `type` statement's function, or the constructor's
   caller's. */
static PyObject *
typealias_module(PyObject *self, void *Py_UNUSED(closure))
{
    typealiasobject *ta = TA(self);
    if (ta->module != NULL) {
        return Py_NewRef(ta->module);
    }
    if (ta->compute_value != NULL) {
        PyObject *mod;
        int rc = PyObject_GetOptionalAttr(ta->compute_value,
                                          _Py_INTERNED_ID(__module__), &mod);
        if (rc != 0) {
            return rc < 0 ? NULL : mod;
        }
    }
    return PyUnicode_FromString("typing");
}

static PyObject *
typealias_getitem(PyObject *self, PyObject *args)
{
    if (TA(self)->type_params == NULL) {
        PyErr_SetString(PyExc_TypeError,
                        "Only generic type aliases are subscriptable");
        return NULL;
    }
    return Py_GenericAlias(self, args);
}

static PyObject *
typealias_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return Py_NewRef(TA(self)->name);
}

static PyMemberDef typealias_members[] = {
    {"__name__", Py_T_OBJECT_EX, offsetof(typealiasobject, name), Py_READONLY,
     NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef typealias_getset[] = {
    {"__value__", typealias_value, NULL, NULL, NULL},
    {"evaluate_value", typealias_evaluate_value, NULL, NULL, NULL},
    {"__type_params__", typealias_type_params, NULL, NULL, NULL},
    {"__parameters__", typealias_parameters, NULL, NULL, NULL},
    {"__module__", typealias_module, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef typealias_methods[] = {
    {"__reduce__", typealias_reduce, METH_NOARGS, NULL},
    {"__mro_entries__", typeparam_mro_entries, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMappingMethods typealias_as_mapping = {
    .mp_subscript = typealias_getitem,
};

static PyNumberMethods typealias_as_number = {
    .nb_or = typing_or,
};

PyTypeObject _PyTypeAlias_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "typing.TypeAliasType",
    .tp_basicsize = sizeof(typealiasobject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Type alias.",
    .tp_new = typealias_new,
    .tp_dealloc = typealias_dealloc,
    .tp_traverse = typealias_traverse,
    .tp_clear = typealias_clear,
    .tp_repr = typealias_repr,
    .tp_as_number = &typealias_as_number,
    .tp_as_mapping = &typealias_as_mapping,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_members = typealias_members,
    .tp_getset = typealias_getset,
    .tp_methods = typealias_methods,
    .tp_weaklistoffset = offsetof(typealiasobject, weakreflist),
};

/* ---- aliases of generic classes ------------------------------------------- */

/* Box[int] and Generic[T]: a types.GenericAlias subtype that behaves like
   typing._GenericAlias where the two differ: the repr spells a ParamSpec's
   argument list as [a, b], subscripting keeps the subtype, and
   Generic[...] steps aside in __mro_entries__ when a later base is itself
   a parameterized generic (class C(Generic[T], Base[T])).  Immutable like
   its base type. */
static PyObject *
class_alias_new(PyObject *origin, PyObject *args)
{
    PyObject *pair = PyTuple_Pack(2, origin, args);
    if (pair == NULL) {
        return NULL;
    }
    PyObject *res = Py_GenericAliasType.tp_new(&_PyGenericClassAlias_Type,
                                               pair, NULL);
    Py_DECREF(pair);
    return res;
}

static int
repr_type_arg(PyUnicodeWriter *writer, PyObject *arg)
{
    if (!PyTuple_Check(arg)) {
        return _Py_typing_type_repr(writer, arg);
    }
    if (PyUnicodeWriter_WriteChar(writer, '[') < 0) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(arg); i++) {
        if ((i > 0 && PyUnicodeWriter_WriteUTF8(writer, ", ", 2) < 0)
                || repr_type_arg(writer, PyTuple_GET_ITEM(arg, i)) < 0) {
            return -1;
        }
    }
    return PyUnicodeWriter_WriteChar(writer, ']');
}

static PyObject *
class_alias_repr(PyObject *self)
{
    PyObject *origin = PyObject_GetAttrString(self, "__origin__");
    PyObject *args = origin ? PyObject_GetAttrString(self, "__args__") : NULL;
    PyUnicodeWriter *writer = args ? PyUnicodeWriter_Create(0) : NULL;
    PyObject *res = NULL;
    if (writer == NULL) {
        goto done;
    }
    if (_Py_typing_type_repr(writer, origin) < 0
            || PyUnicodeWriter_WriteChar(writer, '[') < 0) {
        goto fail;
    }
    if (!PyTuple_Check(args) || PyTuple_GET_SIZE(args) == 0) {
        if (PyUnicodeWriter_WriteUTF8(writer, "()", 2) < 0) {
            goto fail;
        }
    }
    else {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
            if ((i > 0 && PyUnicodeWriter_WriteUTF8(writer, ", ", 2) < 0)
                    || repr_type_arg(writer, PyTuple_GET_ITEM(args, i)) < 0) {
                goto fail;
            }
        }
    }
    if (PyUnicodeWriter_WriteChar(writer, ']') < 0) {
        goto fail;
    }
    res = PyUnicodeWriter_Finish(writer);
    goto done;
fail:
    PyUnicodeWriter_Discard(writer);
done:
    Py_XDECREF(origin);
    Py_XDECREF(args);
    return res;
}

/* typing.Protocol (a new reference), or NULL without an exception when
   typing is not imported yet -- nothing can involve Protocol then -- or
   NULL with one on error. */
static PyObject *
typing_protocol(void)
{
    PyObject *name = PyUnicode_FromString("typing");
    PyObject *typing = name != NULL ? PyImport_GetModule(name) : NULL;
    Py_XDECREF(name);
    if (typing == NULL) {
        return NULL;
    }
    PyObject *protocol;
    (void)PyObject_GetOptionalAttrString(typing, "Protocol", &protocol);
    Py_DECREF(typing);
    return protocol;
}

/* 1 when typing.Protocol is among bases, 0 when not, -1 on error. */
static int
bases_have_protocol(PyObject *bases)
{
    PyObject *protocol = typing_protocol();
    if (protocol == NULL) {
        return PyErr_Occurred() ? -1 : 0;
    }
    int res = PySequence_Contains(bases, protocol);
    Py_DECREF(protocol);
    return res;
}

/* 1 when self is Generic[...] or Protocol[...], which take no further
   subscription; -1 on error. */
static int
is_generic_or_protocol_alias(PyObject *self)
{
    PyObject *origin = PyObject_GetAttr(self, _Py_INTERNED_ID(__origin__));
    if (origin == NULL) {
        return -1;
    }
    int res = origin == (PyObject *)&_PyGeneric_Type;
    if (!res) {
        PyObject *protocol = typing_protocol();
        res = protocol != NULL ? origin == protocol : (PyErr_Occurred() ? -1 : 0);
        Py_XDECREF(protocol);
    }
    Py_DECREF(origin);
    return res;
}

static PyObject *
class_alias_getitem(PyObject *self, PyObject *item)
{
    int done = is_generic_or_protocol_alias(self);
    if (done != 0) {
        if (done > 0) {
            PyErr_Format(PyExc_TypeError,
                         "Cannot subscript already-subscripted %R", self);
        }
        return NULL;
    }
    PyObject *plain = Py_GenericAliasType.tp_as_mapping->mp_subscript(self, item);
    if (plain == NULL || !_PyGenericAlias_Check(plain)) {
        return plain;
    }
    PyObject *origin = PyObject_GetAttrString(plain, "__origin__");
    PyObject *args = origin ? PyObject_GetAttrString(plain, "__args__") : NULL;
    PyObject *res = args ? class_alias_new(origin, args) : NULL;
    Py_XDECREF(origin);
    Py_XDECREF(args);
    Py_DECREF(plain);
    return res;
}

/* Generic[T] steps aside (adds no base) when Protocol or a later
   parameterized generic will bring Generic in anyway:
   class P(Generic[T], Protocol), class C(Generic[T], Base[T]). */
static PyObject *
class_alias_mro_entries(PyObject *self, PyObject *bases)
{
    PyObject *origin = PyObject_GetAttrString(self, "__origin__");
    if (origin == NULL) {
        return NULL;
    }
    if (origin == (PyObject *)&_PyGeneric_Type && PyTuple_Check(bases)) {
        int protocol = bases_have_protocol(bases);
        if (protocol != 0) {
            Py_DECREF(origin);
            return protocol < 0 ? NULL : PyTuple_New(0);
        }
        Py_ssize_t i = 0, n = PyTuple_GET_SIZE(bases);
        while (i < n && PyTuple_GET_ITEM(bases, i) != self) {
            i++;
        }
        for (i++; i < n; i++) {
            if (_PyGenericAlias_Check(PyTuple_GET_ITEM(bases, i))) {
                Py_DECREF(origin);
                return PyTuple_New(0);
            }
        }
    }
    PyObject *res = PyTuple_Pack(1, origin);
    Py_DECREF(origin);
    return res;
}

/* Whether name is a str spelled __x__ (typing._is_dunder). */
static int
is_dunder(PyObject *name)
{
    return PyUnicode_Check(name)
        && PyUnicode_Tailmatch(name, _Py_INTERNED_ID(__), 0, PY_SSIZE_T_MAX, -1)
        && PyUnicode_Tailmatch(name, _Py_INTERNED_ID(__), 0, PY_SSIZE_T_MAX, 1);
}

/* C[int].x = v sets C.x, as typing._GenericAlias does: the alias stands
   for its class's plain attributes.  Dunder names stay with the alias,
   which (immutable like its base type) refuses them.  No state of its
   own: the store is the origin's setattr, with that object's safety. */
static int
class_alias_setattro(PyObject *self, PyObject *name, PyObject *value)
{
    if (!PyUnicode_Check(name) || is_dunder(name)) {
        return PyObject_GenericSetAttr(self, name, value);
    }
    PyObject *origin = PyObject_GetAttr(self, _Py_INTERNED_ID(__origin__));
    if (origin == NULL) {
        return -1;
    }
    int res = PyObject_SetAttr(origin, name, value);
    Py_DECREF(origin);
    return res;
}

/* C[args] pickles as operator.getitem(C, args), as typing._GenericAlias
   does: this type's name is typing's, but typing._GenericAlias is
   typing.py's class, not this one.  A starred alias keeps the base
   type's reduction.  Reads only the immutable origin and args. */
static PyObject *
class_alias_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    int starred = attr_is_true(self, "__unpacked__");
    if (starred < 0) {
        return NULL;
    }
    if (starred) {
        PyObject *base = PyObject_GetAttrString(
            (PyObject *)&Py_GenericAliasType, "__reduce__");
        PyObject *res = base ? PyObject_CallOneArg(base, self) : NULL;
        Py_XDECREF(base);
        return res;
    }
    PyObject *origin = PyObject_GetAttrString(self, "__origin__");
    PyObject *args = PyObject_GetAttrString(self, "__args__");
    PyObject *getitem = PyImport_ImportModuleAttrString("operator",
                                                        "getitem");
    PyObject *res = NULL;
    if (origin != NULL && args != NULL && getitem != NULL) {
        /* One non-tuple argument is written C[a], not C[(a,)]. */
        PyObject *key = args;
        if (PyTuple_Check(args) && PyTuple_GET_SIZE(args) == 1
            && !PyTuple_Check(PyTuple_GET_ITEM(args, 0))) {
            key = PyTuple_GET_ITEM(args, 0);
        }
        res = Py_BuildValue("O(OO)", getitem, origin, key);
    }
    Py_XDECREF(origin);
    Py_XDECREF(args);
    Py_XDECREF(getitem);
    return res;
}

/* C[args](...) makes a C and records the alias on it as __orig_class__,
   as typing._GenericAlias does: unlike types.GenericAlias, any exception
   from that store (an immutable instance, a raising __setattr__) is
   dropped, since the instance is made.  Touches only the new object. */
static PyObject *
class_alias_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *origin = PyObject_GetAttr(self, _Py_INTERNED_ID(__origin__));
    if (origin == NULL) {
        return NULL;
    }
    PyObject *obj = PyObject_Call(origin, args, kwds);
    Py_DECREF(origin);
    if (obj == NULL) {
        return NULL;
    }
    if (PyObject_SetAttr(obj, _Py_INTERNED_ID(__orig_class__), self) < 0) {
        if (!PyErr_ExceptionMatches(PyExc_Exception)) {
            Py_DECREF(obj);
            return NULL;
        }
        PyErr_Clear();
    }
    return obj;
}

/* isinstance(x, C[int]) and issubclass(X, C[int]) are refused with
   typing._GenericAlias's message (types.GenericAlias words it apart). */
static PyObject *
class_alias_check(PyObject *Py_UNUSED(self), PyObject *Py_UNUSED(arg))
{
    PyErr_SetString(PyExc_TypeError, "Subscripted generics cannot be used "
                    "with class and instance checks");
    return NULL;
}

/* dir(C[int]) is the alias's own attributes plus C's non-dunder names, as
   typing._GenericAlias.__dir__: C's own dunders are not the alias's.
   Builds a new set from two fresh dir() lists; nothing shared is kept. */
static PyObject *
class_alias_dir(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *own = PyObject_CallMethod((PyObject *)&PyBaseObject_Type,
                                        "__dir__", "O", self);
    PyObject *names = own ? PySet_New(own) : NULL;
    Py_XDECREF(own);
    PyObject *origin = names ? PyObject_GetAttr(self, _Py_INTERNED_ID(__origin__))
                             : NULL;
    PyObject *theirs = origin ? PyObject_Dir(origin) : NULL;
    Py_XDECREF(origin);
    if (theirs == NULL) {
        Py_XDECREF(names);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(theirs); i++) {
        PyObject *name = PyList_GET_ITEM(theirs, i);
        if (!is_dunder(name) && PySet_Add(names, name) < 0) {
            Py_DECREF(theirs);
            Py_DECREF(names);
            return NULL;
        }
    }
    Py_DECREF(theirs);
    PyObject *res = PySequence_List(names);
    Py_DECREF(names);
    return res;
}

static PyMethodDef class_alias_methods[] = {
    {"__mro_entries__", class_alias_mro_entries, METH_O, NULL},
    {"__instancecheck__", class_alias_check, METH_O, NULL},
    {"__subclasscheck__", class_alias_check, METH_O, NULL},
    {"__dir__", class_alias_dir, METH_NOARGS, NULL},
    {"__reduce__", class_alias_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMappingMethods class_alias_as_mapping = {
    .mp_subscript = class_alias_getitem,
};

PyTypeObject _PyGenericClassAlias_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "typing._GenericAlias",
    .tp_base = &Py_GenericAliasType,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "The alias C[args] of a generic class C.",
    .tp_repr = class_alias_repr,
    .tp_as_mapping = &class_alias_as_mapping,
    .tp_setattro = class_alias_setattro,
    .tp_call = class_alias_call,
    .tp_methods = class_alias_methods,
};

/* ---- Generic ---------------------------------------------------------------- */

/* None in a parameter list stands for NoneType (typing._type_convert). */
static PyObject *
convert_params(PyObject *params)
{
    PyObject *args = PyTuple_Check(params) ? PySequence_Tuple(params)
                                           : PyTuple_Pack(1, params);
    if (args == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; args != NULL && i < PyTuple_GET_SIZE(args); i++) {
        if (PyTuple_GET_ITEM(args, i) == Py_None) {
            Py_SETREF(args, tuple_with_item(args, i,
                                            (PyObject *)Py_TYPE(Py_None)));
        }
    }
    return args;
}

/* The type variable a Generic[...] parameter stands for, borrowed: p
   itself for a TypeVar or ParamSpec, Ts for an unpacked TypeVarTuple (*Ts
   or typing.Unpack[Ts], which says so through
   __typing_is_unpacked_typevartuple__).  NULL without an exception when p
   is none of these (a bare TypeVarTuple among them); NULL with one on
   error. */
static PyObject *
generic_param_variable(PyObject *p)
{
    if (Py_IS_TYPE(p, &_PyTypeVarTuple_Type)) {
        return NULL;    /* Generic[Ts]: only *Ts stands for a TypeVarTuple */
    }
    if (is_typevar_like(p)) {
        return p;
    }
    if (PyType_Check(p)) {
        return NULL;
    }
    PyObject *flag;
    if (PyObject_GetOptionalAttrString(p, "__typing_is_unpacked_typevartuple__",
                                       &flag) < 0) {
        return NULL;
    }
    int unpacked = flag != NULL ? PyObject_IsTrue(flag) : 0;
    Py_XDECREF(flag);
    if (unpacked <= 0) {
        return NULL;
    }
    PyObject *inner;
    if (PyObject_GetOptionalAttrString(p, "__args__", &inner) < 0) {
        return NULL;
    }
    PyObject *variable = NULL;
    if (inner != NULL && PyTuple_Check(inner) && PyTuple_GET_SIZE(inner) == 1
            && Py_IS_TYPE(PyTuple_GET_ITEM(inner, 0), &_PyTypeVarTuple_Type)) {
        /* Borrowed: p keeps its __args__ tuple, which keeps Ts. */
        variable = PyTuple_GET_ITEM(inner, 0);
    }
    Py_XDECREF(inner);
    return variable;
}

/* Generic[T, ...]: distinct type variables only, defaults last. */
static int
check_generic_params(PyObject *cls, PyObject *args)
{
    const char *name = _PyType_Name((PyTypeObject *)cls);
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n == 0) {
        PyErr_Format(PyExc_TypeError,
                     "Parameter list to %s[...] cannot be empty", name);
        return -1;
    }
    int seen_default = 0, seen_tuple = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *p = generic_param_variable(PyTuple_GET_ITEM(args, i));
        if (p == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_TypeError,
                             "Parameters to %s[...] must all be type variables "
                             "or parameter specification variables.", name);
            }
            return -1;
        }
        for (Py_ssize_t j = 0; j < i; j++) {
            if (generic_param_variable(PyTuple_GET_ITEM(args, j)) == p) {
                PyErr_Format(PyExc_TypeError,
                             "Parameters to %s[...] must all be unique", name);
                return -1;
            }
        }
        int has = has_default(p);
        if (seen_tuple && has) {
            PyErr_SetString(PyExc_TypeError,
                            "Type parameter with a default follows TypeVarTuple");
            return -1;
        }
        if (has) {
            seen_default = 1;
        }
        else if (seen_default) {
            PyErr_Format(PyExc_TypeError,
                         "Type parameter %R without a default follows type "
                         "parameter with a default", p);
            return -1;
        }
        if (Py_IS_TYPE(p, &_PyTypeVarTuple_Type)) {
            seen_tuple = 1;
        }
    }
    return 0;
}

/* typing._check_generic_specialization */
static int
check_specialization(PyObject *cls, PyObject *params, PyObject *args)
{
    Py_ssize_t expected = PyTuple_GET_SIZE(params);
    Py_ssize_t actual = PyTuple_GET_SIZE(args);
    if (expected == 0) {
        PyErr_Format(PyExc_TypeError, "%R is not a generic class", cls);
        return -1;
    }
    if (actual == expected) {
        return 0;
    }
    if (actual < expected) {
        PyObject *next = PyTuple_GET_ITEM(params, actual);
        if (is_typevar_like(next) && has_default(next)) {
            return 0;
        }
        Py_ssize_t required = expected;
        for (Py_ssize_t i = 0; i < expected; i++) {
            PyObject *p = PyTuple_GET_ITEM(params, i);
            required -= is_typevar_like(p) && has_default(p);
        }
        PyErr_Format(PyExc_TypeError,
                     "Too few arguments for %R; actual %zd, expected at least %zd",
                     cls, actual, required);
        return -1;
    }
    PyErr_Format(PyExc_TypeError,
                 "Too many arguments for %R; actual %zd, expected %zd",
                 cls, actual, expected);
    return -1;
}

/* Each parameter's __typing_prepare_subst__ (defaults, ParamSpec and
   TypeVarTuple argument grouping) applied in turn.  Steals args. */
static PyObject *
prepare_specialization(PyObject *cls, PyObject *params, PyObject *args)
{
    for (Py_ssize_t i = 0; args != NULL && i < PyTuple_GET_SIZE(params); i++) {
        PyObject *prepare;
        if (PyObject_GetOptionalAttrString(PyTuple_GET_ITEM(params, i),
                                           "__typing_prepare_subst__",
                                           &prepare) < 0) {
            Py_DECREF(args);
            return NULL;
        }
        if (prepare == NULL) {
            continue;
        }
        PyObject *prepared = PyObject_CallFunctionObjArgs(prepare, cls, args, NULL);
        Py_DECREF(prepare);
        Py_SETREF(args, prepared);
        if (args != NULL && !PyTuple_Check(args)) {
            PyErr_SetString(PyExc_TypeError,
                            "__typing_prepare_subst__ must return a tuple");
            Py_CLEAR(args);
        }
    }
    return args;
}

/* The arguments with each TypeVarTuple's group spliced in.  New tuple. */
static PyObject *
splice_variadic(PyObject *params, PyObject *args)
{
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        PyObject *arg = PyTuple_GET_ITEM(args, i);
        int rc;
        if (i < PyTuple_GET_SIZE(params)
                && Py_IS_TYPE(PyTuple_GET_ITEM(params, i), &_PyTypeVarTuple_Type)
                && PyTuple_Check(arg)) {
            rc = PyList_SetSlice(list, PyList_GET_SIZE(list),
                                 PyList_GET_SIZE(list), arg);
        }
        else {
            rc = PyList_Append(list, arg);
        }
        if (rc < 0) {
            Py_DECREF(list);
            return NULL;
        }
    }
    PyObject *res = PyList_AsTuple(list);
    Py_DECREF(list);
    return res;
}

/* Generic.__class_getitem__(params): Generic[T, ...] declares the type
   variables; C[int] specialises a generic class. */
static PyObject *
generic_class_getitem(PyObject *cls, PyObject *params)
{
    PyObject *args = convert_params(params);
    if (args == NULL) {
        return NULL;
    }
    if (cls == (PyObject *)&_PyGeneric_Type) {
        if (check_generic_params(cls, args) < 0) {
            Py_DECREF(args);
            return NULL;
        }
    }
    else {
        PyObject *parameters = PyObject_GetAttr(cls, _Py_INTERNED_ID(__parameters__));
        if (parameters == NULL) {
            Py_DECREF(args);
            return NULL;
        }
        if (!PyTuple_Check(parameters)) {
            PyErr_SetString(PyExc_TypeError, "__parameters__ must be a tuple");
            Py_DECREF(parameters);
            Py_DECREF(args);
            return NULL;
        }
        args = prepare_specialization(cls, parameters, args);
        if (args == NULL || check_specialization(cls, parameters, args) < 0) {
            Py_XDECREF(args);
            Py_DECREF(parameters);
            return NULL;
        }
        Py_SETREF(args, splice_variadic(parameters, args));
        Py_DECREF(parameters);
        if (args == NULL) {
            return NULL;
        }
    }
    PyObject *res = class_alias_new(cls, args);
    Py_DECREF(args);
    return res;
}

/* Generic[...] for a PEP 695 class: its type params, a TypeVarTuple
   written *Ts as Generic[...] requires (a bare Ts is refused there). */
PyObject *
_Py_subscript_generic(PyObject *params)
{
    if (!PyTuple_Check(params)) {
        PyErr_SetString(PyExc_TypeError, "type params must be a tuple");
        return NULL;
    }
    PyObject *unpacked = unpack_typevartuples(Py_NewRef(params));
    if (unpacked == NULL) {
        return NULL;
    }
    PyObject *res = generic_class_getitem((PyObject *)&_PyGeneric_Type,
                                          unpacked);
    Py_DECREF(unpacked);
    return res;
}

static int
add_unique(PyObject *list, PyObject *item)
{
    int has = PySequence_Contains(list, item);
    if (has != 0) {
        return has < 0 ? -1 : 0;
    }
    return PyList_Append(list, item);
}

/* The type variables of the bases (typing._collect_type_parameters); sets
   *declared to the __parameters__ of a Generic[...] base (new reference,
   NULL if none). */
static PyObject *
collect_base_parameters(PyObject *orig_bases, PyObject **declared)
{
    *declared = NULL;
    PyObject *tvars = PyList_New(0);
    if (tvars == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(orig_bases); i++) {
        PyObject *base = PyTuple_GET_ITEM(orig_bases, i);
        if (PyType_Check(base)) {
            continue;
        }
        PyObject *params;
        if (PyObject_GetOptionalAttr(base, _Py_INTERNED_ID(__parameters__),
                                     &params) < 0) {
            goto error;
        }
        if (params == NULL) {
            continue;
        }
        PyObject *seq = PySequence_Tuple(params);
        Py_DECREF(params);
        if (seq == NULL) {
            goto error;
        }
        for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(seq); k++) {
            if (add_unique(tvars, PyTuple_GET_ITEM(seq, k)) < 0) {
                Py_DECREF(seq);
                goto error;
            }
        }
        if (_PyGenericAlias_Check(base)) {
            PyObject *origin = PyObject_GetAttrString(base, "__origin__");
            if (origin == NULL) {
                Py_DECREF(seq);
                goto error;
            }
            int is_generic = origin == (PyObject *)&_PyGeneric_Type;
            Py_DECREF(origin);
            if (is_generic && *declared != NULL) {
                PyErr_SetString(PyExc_TypeError,
                                "Cannot inherit from Generic[...] multiple times.");
                Py_DECREF(seq);
                goto error;
            }
            if (is_generic) {
                *declared = Py_NewRef(seq);
            }
        }
        Py_DECREF(seq);
    }
    return tvars;
error:
    Py_CLEAR(*declared);
    Py_DECREF(tvars);
    return NULL;
}

/* ", ".join(str(x) for x in items if x not in exclude) */
static PyObject *
join_str(PyObject *items, PyObject *exclude)
{
    PyObject *parts = PyList_New(0);
    if (parts == NULL) {
        return NULL;
    }
    Py_ssize_t n = PySequence_Size(items);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PySequence_GetItem(items, i);
        int skip = item == NULL ? -1
                   : exclude != NULL ? PySequence_Contains(exclude, item) : 0;
        PyObject *s = skip == 0 ? PyObject_Str(item) : NULL;
        Py_XDECREF(item);
        if (skip < 0 || (skip == 0 && (s == NULL || PyList_Append(parts, s) < 0))) {
            Py_XDECREF(s);
            Py_DECREF(parts);
            return NULL;
        }
        Py_XDECREF(s);
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *res = sep ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(parts);
    return res;
}

/* Every variable used by the bases must be declared in Generic[...]. */
static int
check_declared(PyObject *tvars, PyObject *declared)
{
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(tvars); i++) {
        int has = PySequence_Contains(declared, PyList_GET_ITEM(tvars, i));
        if (has < 0) {
            return -1;
        }
        if (!has) {
            PyObject *missing = join_str(tvars, declared);
            PyObject *listed = missing ? join_str(declared, NULL) : NULL;
            if (listed != NULL) {
                PyErr_Format(PyExc_TypeError,
                             "Some type variables (%U) are not listed in "
                             "Generic[%U]", missing, listed);
            }
            Py_XDECREF(missing);
            Py_XDECREF(listed);
            return -1;
        }
    }
    return 0;
}

/* The class's own __orig_bases__, or NULL (no error) when it has none. */
static int
own_orig_bases(PyObject *cls, PyObject **orig_bases)
{
    PyObject *dict = PyObject_GetAttr(cls, _Py_INTERNED_ID(__dict__));
    if (dict == NULL) {
        return -1;
    }
    *orig_bases = PyMapping_Check(dict)
        ? PyObject_GetItem(dict, _Py_INTERNED_ID(__orig_bases__)) : NULL;
    Py_DECREF(dict);
    if (*orig_bases == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_KeyError)) {
            return -1;
        }
        PyErr_Clear();
        return 0;
    }
    if (!PyTuple_Check(*orig_bases)) {
        Py_CLEAR(*orig_bases);
    }
    return 0;
}

/* typing._generic_init_subclass: compute cls.__parameters__. */
static int
generic_set_parameters(PyObject *cls)
{
    PyObject *orig_bases;
    if (own_orig_bases(cls, &orig_bases) < 0) {
        return -1;
    }
    PyObject *generic = (PyObject *)&_PyGeneric_Type;
    PyObject *where = orig_bases ? orig_bases : ((PyTypeObject *)cls)->tp_bases;
    int plain = where != NULL ? PySequence_Contains(where, generic) : 0;
    if (plain != 0) {
        if (plain > 0) {
            PyErr_SetString(PyExc_TypeError, "Cannot inherit from plain Generic");
        }
        Py_XDECREF(orig_bases);
        return -1;
    }
    PyObject *params;
    if (orig_bases == NULL) {
        params = PyTuple_New(0);
    }
    else {
        PyObject *declared;
        PyObject *tvars = collect_base_parameters(orig_bases, &declared);
        Py_DECREF(orig_bases);
        if (tvars == NULL) {
            return -1;
        }
        if (declared != NULL && check_declared(tvars, declared) < 0) {
            Py_DECREF(declared);
            Py_DECREF(tvars);
            return -1;
        }
        params = declared != NULL ? declared : PyList_AsTuple(tvars);
        Py_DECREF(tvars);
    }
    if (params == NULL) {
        return -1;
    }
    int rc = PyObject_SetAttr(cls, _Py_INTERNED_ID(__parameters__), params);
    Py_DECREF(params);
    return rc;
}

static PyObject *
generic_init_subclass(PyObject *cls, PyObject *args, PyObject *kwds)
{
    PyObject *sup = PyObject_CallFunctionObjArgs((PyObject *)&PySuper_Type,
                                                 (PyObject *)&_PyGeneric_Type,
                                                 cls, NULL);
    if (sup == NULL) {
        return NULL;
    }
    PyObject *parent = PyObject_GetAttr(sup, _Py_INTERNED_ID(__init_subclass__));
    Py_DECREF(sup);
    if (parent == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_Call(parent, args, kwds);
    Py_DECREF(parent);
    if (res == NULL) {
        return NULL;
    }
    Py_DECREF(res);
    if (generic_set_parameters(cls) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef generic_methods[] = {
    {"__class_getitem__", generic_class_getitem, METH_O | METH_CLASS,
     "Parameterizes a generic class."},
    {"__init_subclass__", _PyCFunction_CAST(generic_init_subclass),
     METH_VARARGS | METH_KEYWORDS | METH_CLASS,
     "Computes the type parameters of a generic subclass."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyGeneric_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "typing.Generic",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Abstract base class for generic types.",
    /* tp_new: object's, set by _PyTyping_InitHook. */
    .tp_methods = generic_methods,
};

/* Start-up hook (Python/pylifecycle.c).  Generic gets object's tp_new
   without a __new__ entry in its dict, the way CPython's Generic (a heap
   type) inherits it: so class C(Generic[T], B) reaches B.__new__, and
   object.__new__'s checks (abstract methods left, arguments that no
   __init__ takes) apply to generic classes.  PyType_Ready cannot do it:
   a static type without tp_new whose base is object is made
   non-instantiable.  Runs once, before any other thread exists. */
int
_PyTyping_InitHook(PyInterpreterState *Py_UNUSED(interp))
{
    _PyGeneric_Type.tp_flags &= ~Py_TPFLAGS_DISALLOW_INSTANTIATION;
    _PyGeneric_Type.tp_new = PyBaseObject_Type.tp_new;
    PyType_Modified(&_PyGeneric_Type);
    return 0;
}
