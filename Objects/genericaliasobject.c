/* types.GenericAlias: what list[int], dict[str, T] and *tuple[int, ...]
   evaluate to (PEP 585, PEP 646).

   An alias holds its origin (list), its arguments (a tuple) and whether it
   is starred.  It forwards attribute lookups to the origin, calls the
   origin to make instances, substitutes type variables when subscripted,
   and is replaced by its origin in a class's bases (__mro_entries__).

   Thread safety (free-threaded build): an alias is immutable once made.
   The only lazily filled field, the __parameters__ cache, is published
   with a compare-and-swap, so a racing reader sees NULL or a complete
   tuple; the loser of a race drops its copy. */
#include "Python.h"
#include "pycore_abstract.h"      // _PyIter_Builtin
#include "pycore_object.h"
#include "pycore_list.h"
#include "pycore_typeobject.h"
#include "pycore_unionobject.h"

typedef struct {
    PyObject_HEAD
    PyObject *origin;           /* owned */
    PyObject *args;             /* owned tuple */
    PyObject *parameters;       /* owned tuple, computed on first use */
    PyObject *weakreflist;
    int starred;
} gaobject;

#define GA(op) ((gaobject *)(op))

/* ---- helpers shared with unionobject.c ----------------------------------- */

/* Does p look like a parameterised generic (has __origin__ and __args__)?
   1 yes, 0 no, -1 error. */
static int
looks_like_alias(PyObject *p)
{
    int res = PyObject_HasAttrWithError(p, _Py_INTERNED_ID(__origin__));
    if (res <= 0) {
        return res;
    }
    return PyObject_HasAttrWithError(p, _Py_INTERNED_ID(__args__));
}

static int
repr_list_items(PyUnicodeWriter *writer, PyObject *list)
{
    if (PyUnicodeWriter_WriteChar(writer, '[') < 0) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        if (i > 0 && PyUnicodeWriter_WriteASCII(writer, ", ", 2) < 0) {
            return -1;
        }
        /* Hold the item: its repr may run code that shrinks the list. */
        PyObject *item = Py_NewRef(PyList_GET_ITEM(list, i));
        int err = _Py_typing_type_repr(writer, item);
        Py_DECREF(item);
        if (err < 0) {
            return -1;
        }
    }
    return PyUnicodeWriter_WriteChar(writer, ']');
}

/* "module.qualname", or just "qualname" for builtins; 0 when p has no
   such names (the caller falls back to repr), -1 on error. */
static int
repr_qualified_name(PyUnicodeWriter *writer, PyObject *p)
{
    PyObject *qualname = NULL, *module = NULL;
    int res = PyObject_GetOptionalAttr(p, _Py_INTERNED_ID(__qualname__),
                                       &qualname);
    if (res <= 0) {
        return res;
    }
    res = PyObject_GetOptionalAttr(p, _Py_INTERNED_ID(__module__), &module);
    if (res <= 0) {
        Py_DECREF(qualname);
        return res;
    }
    if (module != Py_None
        && !(PyUnicode_Check(module)
             && _PyUnicode_EqualToASCIIString(module, "builtins"))) {
        res = PyUnicodeWriter_Format(writer, "%S.%S", module, qualname);
    }
    else {
        res = PyUnicodeWriter_WriteStr(writer, qualname);
    }
    Py_DECREF(qualname);
    Py_DECREF(module);
    return res < 0 ? -1 : 1;
}

int
_Py_typing_type_repr(PyUnicodeWriter *writer, PyObject *p)
{
    if (p == Py_Ellipsis) {
        return PyUnicodeWriter_WriteASCII(writer, "...", 3);
    }
    if (p == Py_None || p == (PyObject *)Py_TYPE(Py_None)) {
        return PyUnicodeWriter_WriteASCII(writer, "None", 4);
    }
    if (PyList_CheckExact(p)) {
        return repr_list_items(writer, p);
    }
    int res = looks_like_alias(p);
    if (res < 0) {
        return -1;
    }
    if (res == 0) {
        res = repr_qualified_name(writer, p);
        if (res != 0) {
            return res < 0 ? -1 : 0;
        }
    }
    return PyUnicodeWriter_WriteRepr(writer, p);
}

/* ---- __parameters__ -------------------------------------------------------- */

static int
add_unique(PyObject *list, PyObject *item)
{
    int present = PySequence_Contains(list, item);
    if (present != 0) {
        return present < 0 ? -1 : 0;
    }
    return PyList_Append(list, item);
}

static int collect_parameters(PyObject *list, PyObject *args);

/* The parameters contributed by one argument. */
static int
collect_from_arg(PyObject *list, PyObject *arg)
{
    /* A bare class is never a parameter, whatever attributes it has. */
    if (PyType_Check(arg)) {
        return 0;
    }
    if (PyTuple_Check(arg) || PyList_Check(arg)) {
        PyObject *items = PySequence_Tuple(arg);
        if (items == NULL) {
            return -1;
        }
        int err = collect_parameters(list, items);
        Py_DECREF(items);
        return err;
    }
    int is_typevar = PyObject_HasAttrWithError(
        arg, _Py_INTERNED_ID(__typing_subst__));
    if (is_typevar != 0) {
        return is_typevar < 0 ? -1 : add_unique(list, arg);
    }
    PyObject *params;
    if (PyObject_GetOptionalAttr(arg, _Py_INTERNED_ID(__parameters__),
                                 &params) < 0) {
        return -1;
    }
    if (params == NULL) {
        return 0;
    }
    int err = 0;
    if (PyTuple_Check(params)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(params) && err == 0; i++) {
            err = add_unique(list, PyTuple_GET_ITEM(params, i));
        }
    }
    Py_DECREF(params);
    return err;
}

static int
collect_parameters(PyObject *list, PyObject *args)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        if (collect_from_arg(list, PyTuple_GET_ITEM(args, i)) < 0) {
            return -1;
        }
    }
    return 0;
}

PyObject *
_Py_make_parameters(PyObject *args)
{
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    if (collect_parameters(list, args) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    PyObject *res = PyList_AsTuple(list);
    Py_DECREF(list);
    return res;
}

/* ---- substitution ------------------------------------------------------------ */

static Py_ssize_t
index_of(PyObject *tuple, PyObject *item)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(tuple); i++) {
        if (PyTuple_GET_ITEM(tuple, i) == item) {
            return i;
        }
    }
    return -1;
}

/* Is arg an unpacked TypeVarTuple (*Ts)?  Its substitution is a tuple
   whose items are spliced into the new arguments. */
static int
is_unpacked_typevartuple(PyObject *arg)
{
    if (PyType_Check(arg)) {
        return 0;
    }
    PyObject *flag;
    if (PyObject_GetOptionalAttr(
            arg, _Py_INTERNED_ID(__typing_is_unpacked_typevartuple__),
            &flag) < 0) {
        return -1;
    }
    if (flag == NULL) {
        return 0;
    }
    int res = PyObject_IsTrue(flag);
    Py_DECREF(flag);
    return res;
}

static PyObject *substitute_arg(PyObject *arg, PyObject *parameters,
                                PyObject *argitems);

/* Append arg, substituted, to the list out; an unpacked TypeVarTuple
   (*Ts) contributes each of the types it stands for.  0, or -1 on
   error. */
static int
append_substituted(PyObject *out, PyObject *arg, PyObject *parameters,
                   PyObject *argitems)
{
    int unpack = is_unpacked_typevartuple(arg);
    PyObject *sub = unpack < 0 ? NULL
                               : substitute_arg(arg, parameters, argitems);
    if (sub == NULL) {
        return -1;
    }
    int err = unpack && PyTuple_Check(sub)
              ? _PyList_Extend((PyListObject *)out, sub)
              : PyList_Append(out, sub);
    Py_DECREF(sub);
    return err;
}

/* A list or tuple argument (Callable's [int, T], a ParamSpec's
   [*Ts, int]) with each item substituted; the result has the argument's
   own kind. */
static PyObject *
substitute_sequence(PyObject *arg, PyObject *parameters, PyObject *argitems)
{
    PyObject *items = PySequence_Tuple(arg);
    if (items == NULL) {
        return NULL;
    }
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        Py_DECREF(items);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(items); i++) {
        if (append_substituted(list, PyTuple_GET_ITEM(items, i), parameters,
                               argitems) < 0) {
            Py_DECREF(items);
            Py_DECREF(list);
            return NULL;
        }
    }
    Py_DECREF(items);
    if (PyList_Check(arg)) {
        return list;
    }
    PyObject *res = PyList_AsTuple(list);
    Py_DECREF(list);
    return res;
}

/* An argument that is itself generic (list[T]): subscript it with the
   arguments chosen for its own parameters. */
static PyObject *
substitute_nested(PyObject *arg, PyObject *parameters, PyObject *argitems)
{
    PyObject *subparams;
    if (PyObject_GetOptionalAttr(arg, _Py_INTERNED_ID(__parameters__),
                                 &subparams) < 0) {
        return NULL;
    }
    if (subparams == NULL || !PyTuple_Check(subparams)
        || PyTuple_GET_SIZE(subparams) == 0) {
        Py_XDECREF(subparams);
        return Py_NewRef(arg);
    }
    Py_ssize_t n = PyTuple_GET_SIZE(subparams);
    PyObject *subargs = PyList_New(0);
    if (subargs == NULL) {
        Py_DECREF(subparams);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *param = PyTuple_GET_ITEM(subparams, i);
        Py_ssize_t j = index_of(parameters, param);
        PyObject *value = j >= 0 ? PyTuple_GET_ITEM(argitems, j) : param;
        /* An iterable parameter is a TypeVarTuple: its value is the tuple
           of types it stands for, spliced into the arguments. */
        int err;
        if (j >= 0 && Py_TYPE(param)->tp_iter != NULL && PyTuple_Check(value)) {
            err = _PyList_Extend((PyListObject *)subargs, value);
        }
        else {
            err = PyList_Append(subargs, value);
        }
        if (err < 0) {
            Py_DECREF(subargs);
            Py_DECREF(subparams);
            return NULL;
        }
    }
    Py_DECREF(subparams);
    PyObject *key = PyList_AsTuple(subargs);
    Py_DECREF(subargs);
    if (key == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_GetItem(arg, key);
    Py_DECREF(key);
    return res;
}

static PyObject *
substitute_arg(PyObject *arg, PyObject *parameters, PyObject *argitems)
{
    if (PyType_Check(arg)) {
        return Py_NewRef(arg);
    }
    if (PyTuple_Check(arg) || PyList_Check(arg)) {
        return substitute_sequence(arg, parameters, argitems);
    }
    PyObject *subst;
    if (PyObject_GetOptionalAttr(arg, _Py_INTERNED_ID(__typing_subst__),
                                 &subst) < 0) {
        return NULL;
    }
    if (subst != NULL) {
        Py_ssize_t j = index_of(parameters, arg);
        if (j < 0) {
            Py_DECREF(subst);
            return Py_NewRef(arg);
        }
        PyObject *res = PyObject_CallOneArg(subst, PyTuple_GET_ITEM(argitems, j));
        Py_DECREF(subst);
        return res;
    }
    return substitute_nested(arg, parameters, argitems);
}

/* 1 when sub (an argument's __typing_unpacked_tuple_args__) is a
   fixed-length tuple whose elements are spliced in place of the argument;
   *tuple[int, ...] keeps its place and is left to the TypeVarTuple. */
static int
is_fixed_unpacked(PyObject *sub)
{
    Py_ssize_t n = PyTuple_Check(sub) ? PyTuple_GET_SIZE(sub) : -1;
    return n == 0 || (n > 0 && PyTuple_GET_ITEM(sub, n - 1) != Py_Ellipsis);
}

/* items with each unpacked fixed-length tuple (*tuple[int, str]) replaced
   by its elements, as typing._unpack_args does: a new tuple. */
static PyObject *
unpack_arguments(PyObject *items)
{
    PyObject *res = PyList_New(0);
    if (res == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(items); i++) {
        PyObject *item = PyTuple_GET_ITEM(items, i);
        PyObject *sub = NULL;
        if (!PyType_Check(item)
            && PyObject_GetOptionalAttrString(
                   item, "__typing_unpacked_tuple_args__", &sub) < 0) {
            Py_DECREF(res);
            return NULL;
        }
        int err = sub != NULL && is_fixed_unpacked(sub)
                  ? _PyList_Extend((PyListObject *)res, sub)
                  : PyList_Append(res, item);
        Py_XDECREF(sub);
        if (err < 0) {
            Py_DECREF(res);
            return NULL;
        }
    }
    Py_SETREF(res, PyList_AsTuple(res));
    return res;
}

/* Let each parameter that wants it (TypeVarTuple, ParamSpec) reshape the
   arguments first: param.__typing_prepare_subst__(alias, args). */
static PyObject *
prepare_arguments(PyObject *self, PyObject *parameters, PyObject *argitems)
{
    Py_INCREF(argitems);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(parameters); i++) {
        PyObject *param = PyTuple_GET_ITEM(parameters, i);
        PyObject *prepare;
        if (PyObject_GetOptionalAttr(param,
                                     _Py_INTERNED_ID(__typing_prepare_subst__),
                                     &prepare) < 0) {
            Py_DECREF(argitems);
            return NULL;
        }
        if (prepare == NULL) {
            continue;
        }
        PyObject *callargs[2] = {self, argitems};
        PyObject *res = PyObject_Vectorcall(prepare, callargs, 2, NULL);
        Py_DECREF(prepare);
        Py_DECREF(argitems);
        if (res == NULL) {
            return NULL;
        }
        if (!PyTuple_Check(res)) {
            PyErr_SetString(PyExc_TypeError,
                            "__typing_prepare_subst__ must return a tuple");
            Py_DECREF(res);
            return NULL;
        }
        argitems = res;
    }
    return argitems;
}

PyObject *
_Py_subs_parameters(PyObject *self, PyObject *args, PyObject *parameters,
                    PyObject *item)
{
    Py_ssize_t nparams = PyTuple_GET_SIZE(parameters);
    if (nparams == 0) {
        PyErr_Format(PyExc_TypeError, "%R is not a generic class", self);
        return NULL;
    }
    PyObject *items = PyTuple_Check(item) ? Py_NewRef(item)
                                          : PyTuple_Pack(1, item);
    if (items == NULL) {
        return NULL;
    }
    Py_SETREF(items, unpack_arguments(items));
    if (items == NULL) {
        return NULL;
    }
    PyObject *argitems = prepare_arguments(self, parameters, items);
    Py_DECREF(items);
    if (argitems == NULL) {
        return NULL;
    }
    Py_ssize_t nitems = PyTuple_GET_SIZE(argitems);
    if (nitems != nparams) {
        PyErr_Format(PyExc_TypeError,
                     "Too %s arguments for %R; actual %zd, expected %zd",
                     nitems > nparams ? "many" : "few", self, nitems, nparams);
        Py_DECREF(argitems);
        return NULL;
    }
    PyObject *newargs = PyList_New(0);
    if (newargs == NULL) {
        Py_DECREF(argitems);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        if (append_substituted(newargs, PyTuple_GET_ITEM(args, i), parameters,
                               argitems) < 0) {
            goto fail;
        }
    }
    Py_DECREF(argitems);
    PyObject *res = PyList_AsTuple(newargs);
    Py_DECREF(newargs);
    return res;
fail:
    Py_DECREF(argitems);
    Py_DECREF(newargs);
    return NULL;
}

/* ---- construction ------------------------------------------------------------ */

static int
setup_alias(gaobject *alias, PyObject *origin, PyObject *args)
{
    PyObject *tuple = PyTuple_Check(args) ? Py_NewRef(args)
                                          : PyTuple_Pack(1, args);
    if (tuple == NULL) {
        return -1;
    }
    alias->origin = Py_NewRef(origin);
    alias->args = tuple;
    alias->parameters = NULL;
    alias->weakreflist = NULL;
    alias->starred = 0;
    return 0;
}

static PyObject *
new_alias(PyTypeObject *type, PyObject *origin, PyObject *args, int starred)
{
    gaobject *alias = (gaobject *)type->tp_alloc(type, 0);
    if (alias == NULL) {
        return NULL;
    }
    if (setup_alias(alias, origin, args) < 0) {
        Py_DECREF(alias);
        return NULL;
    }
    alias->starred = starred;
    return (PyObject *)alias;
}

PyObject *
Py_GenericAlias(PyObject *origin, PyObject *args)
{
    return new_alias(&Py_GenericAliasType, origin, args, 0);
}

static PyObject *
ga_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    /* Keywords are refused unless a subclass brings its own __init__ to
       take them (a subclass overriding only __new__ gets no pass). */
    int own_init = type->tp_init != Py_GenericAliasType.tp_init;
    if (!own_init && !_PyArg_NoKeywords("GenericAlias", kwds)) {
        return NULL;
    }
    if (!_PyArg_CheckPositional("GenericAlias", PyTuple_GET_SIZE(args), 2, 2)) {
        return NULL;
    }
    return new_alias(type, PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1),
                     0);
}

/* ---- slots ------------------------------------------------------------------- */

static void
ga_dealloc(PyObject *self)
{
    gaobject *alias = GA(self);
    PyObject_GC_UnTrack(self);
    if (alias->weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    Py_XDECREF(alias->origin);
    Py_XDECREF(alias->args);
    Py_XDECREF(alias->parameters);
    Py_TYPE(self)->tp_free(self);
}

static int
ga_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(GA(self)->origin);
    Py_VISIT(GA(self)->args);
    Py_VISIT(GA(self)->parameters);
    return 0;
}

static PyObject *
ga_repr(PyObject *self)
{
    gaobject *alias = GA(self);
    PyUnicodeWriter *writer = PyUnicodeWriter_Create(0);
    if (writer == NULL) {
        return NULL;
    }
    if (alias->starred && PyUnicodeWriter_WriteChar(writer, '*') < 0) {
        goto fail;
    }
    if (_Py_typing_type_repr(writer, alias->origin) < 0
        || PyUnicodeWriter_WriteChar(writer, '[') < 0) {
        goto fail;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(alias->args);
    if (n == 0 && PyUnicodeWriter_WriteASCII(writer, "()", 2) < 0) {
        goto fail;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (i > 0 && PyUnicodeWriter_WriteASCII(writer, ", ", 2) < 0) {
            goto fail;
        }
        if (_Py_typing_type_repr(writer, PyTuple_GET_ITEM(alias->args, i)) < 0) {
            goto fail;
        }
    }
    if (PyUnicodeWriter_WriteChar(writer, ']') < 0) {
        goto fail;
    }
    return PyUnicodeWriter_Finish(writer);
fail:
    PyUnicodeWriter_Discard(writer);
    return NULL;
}

static Py_hash_t
ga_hash(PyObject *self)
{
    Py_hash_t h0 = PyObject_Hash(GA(self)->origin);
    if (h0 == -1) {
        return -1;
    }
    Py_hash_t h1 = PyObject_Hash(GA(self)->args);
    if (h1 == -1) {
        return -1;
    }
    Py_hash_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

static PyObject *
ga_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!_PyGenericAlias_Check(b) || (op != Py_EQ && op != Py_NE)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (GA(a)->starred != GA(b)->starred) {
        return PyBool_FromLong(op == Py_NE);
    }
    int eq = PyObject_RichCompareBool(GA(a)->origin, GA(b)->origin, Py_EQ);
    if (eq < 0) {
        return NULL;
    }
    if (eq) {
        eq = PyObject_RichCompareBool(GA(a)->args, GA(b)->args, Py_EQ);
        if (eq < 0) {
            return NULL;
        }
    }
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

/* Calling the alias makes an instance of the origin and tells it which
   alias made it; objects that refuse the attribute are left alone. */
static PyObject *
ga_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *obj = PyObject_Call(GA(self)->origin, args, kwds);
    if (obj == NULL) {
        return NULL;
    }
    if (PyObject_SetAttr(obj, _Py_INTERNED_ID(__orig_class__), self) < 0) {
        if (!PyErr_ExceptionMatches(PyExc_AttributeError)
            && !PyErr_ExceptionMatches(PyExc_TypeError)) {
            Py_DECREF(obj);
            return NULL;
        }
        PyErr_Clear();
    }
    return obj;
}

/* Names the alias answers itself; every other attribute is the origin's. */
static const char *const attr_exceptions[] = {
    "__class__",
    "__bases__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
    NULL,
};

static int
is_attr_exception(PyObject *name)
{
    for (const char *const *p = attr_exceptions; *p != NULL; p++) {
        if (_PyUnicode_EqualToASCIIString(name, *p)) {
            return 1;
        }
    }
    return 0;
}

static PyObject *
ga_getattro(PyObject *self, PyObject *name)
{
    if (PyUnicode_Check(name) && !is_attr_exception(name)) {
        return PyObject_GetAttr(GA(self)->origin, name);
    }
    return PyObject_GenericGetAttr(self, name);
}

static PyObject *
ga_getitem(PyObject *self, PyObject *item)
{
    PyObject *params = PyObject_GetAttr(self, _Py_INTERNED_ID(__parameters__));
    if (params == NULL) {
        return NULL;
    }
    PyObject *newargs = _Py_subs_parameters(self, GA(self)->args, params, item);
    Py_DECREF(params);
    if (newargs == NULL) {
        return NULL;
    }
    PyObject *res = new_alias(&Py_GenericAliasType, GA(self)->origin, newargs,
                              GA(self)->starred);
    Py_DECREF(newargs);
    return res;
}

static PyMappingMethods ga_as_mapping = {
    .mp_subscript = ga_getitem,
};

static PyNumberMethods ga_as_number = {
    .nb_or = _Py_union_type_or,
};

/* ---- iteration: *list[int] ------------------------------------------------- */

/* Iterating an alias yields its starred form once, which is how
   `*tuple[int, ...]` is spelled in a subscript.  The single field is read
   and cleared only inside the iterator's critical section, so two racing
   threads cannot both take the alias and __reduce__ never sees a freed
   pointer. */
typedef struct {
    PyObject_HEAD
    PyObject *obj;              /* owned; NULL once produced */
} gaiterobject;

static PyObject *
ga_iter(PyObject *self)
{
    gaiterobject *it = PyObject_GC_New(gaiterobject, &_PyGenericAliasIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->obj = Py_NewRef(self);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

/* Take the alias out of the iterator (new reference, or NULL when it was
   already produced).  Safe without the GIL: the critical section on the
   iterator serialises this with ga_iter_peek. */
static PyObject *
ga_iter_take(gaiterobject *it)
{
    PyObject *obj;
    Py_BEGIN_CRITICAL_SECTION(it);
    obj = it->obj;
    it->obj = NULL;
    Py_END_CRITICAL_SECTION();
    return obj;
}

/* A new reference to the alias still to be produced, or NULL.  Safe
   without the GIL for the same reason as ga_iter_take. */
static PyObject *
ga_iter_peek(gaiterobject *it)
{
    PyObject *obj;
    Py_BEGIN_CRITICAL_SECTION(it);
    obj = Py_XNewRef(it->obj);
    Py_END_CRITICAL_SECTION();
    return obj;
}

static PyObject *
ga_iternext(PyObject *self)
{
    PyObject *obj = ga_iter_take((gaiterobject *)self);
    if (obj == NULL) {
        return NULL;
    }
    PyObject *res = new_alias(&Py_GenericAliasType, GA(obj)->origin,
                              GA(obj)->args, 1);
    Py_DECREF(obj);
    return res;
}

/* iter(alias) rebuilds a fresh iterator; an exhausted one is iter(()).
   builtins.iter is looked up first: the lookup can run Python code. */
static PyObject *
ga_iter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *iter = _PyIter_Builtin("iter");
    if (iter == NULL) {
        return NULL;
    }
    PyObject *obj = ga_iter_peek((gaiterobject *)self);
    if (obj == NULL) {
        return Py_BuildValue("N(())", iter);
    }
    return Py_BuildValue("N(N)", iter, obj);
}

static PyMethodDef ga_iter_methods[] = {
    {"__reduce__", ga_iter_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static void
ga_iter_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(((gaiterobject *)self)->obj);
    PyObject_GC_Del(self);
}

static int
ga_iter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((gaiterobject *)self)->obj);
    return 0;
}

PyTypeObject _PyGenericAliasIter_Type = {
    .tp_name = "generic_alias_iterator",
    .tp_basicsize = sizeof(gaiterobject),
    .tp_dealloc = ga_iter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = ga_iter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = ga_iternext,
    .tp_methods = ga_iter_methods,
    .ob_base = PyVarObject_HEAD_INIT(&PyType_Type, 0)
};

/* ---- methods and attributes ------------------------------------------------- */

static PyObject *
ga_mro_entries(PyObject *self, PyObject *Py_UNUSED(bases))
{
    return PyTuple_Pack(1, GA(self)->origin);
}

static PyObject *
ga_instancecheck(PyObject *Py_UNUSED(self), PyObject *Py_UNUSED(obj))
{
    PyErr_SetString(PyExc_TypeError,
                    "isinstance() argument 2 cannot be a parameterized generic");
    return NULL;
}

static PyObject *
ga_subclasscheck(PyObject *Py_UNUSED(self), PyObject *Py_UNUSED(obj))
{
    PyErr_SetString(PyExc_TypeError,
                    "issubclass() argument 2 cannot be a parameterized generic");
    return NULL;
}

/* GenericAlias(origin, args) rebuilds an equal alias.  A starred alias
   is rebuilt as next(iter(GenericAlias(origin, args))). */
static PyObject *
ga_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    gaobject *alias = GA(self);
    if (!alias->starred) {
        return Py_BuildValue("O(OO)", (PyObject *)Py_TYPE(self), alias->origin,
                             alias->args);
    }
    PyObject *plain = Py_GenericAlias(alias->origin, alias->args);
    if (plain == NULL) {
        return NULL;
    }
    PyObject *iter = ga_iter(plain);
    Py_DECREF(plain);
    if (iter == NULL) {
        return NULL;
    }
    PyObject *next = PyObject_GetAttrString(iter, "__next__");
    Py_DECREF(iter);
    if (next == NULL) {
        return NULL;
    }
    PyObject *res = Py_BuildValue("O()", next);
    Py_DECREF(next);
    return res;
}

static PyObject *
ga_dir(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *dir = PyObject_Dir(GA(self)->origin);
    if (dir == NULL) {
        return NULL;
    }
    for (const char *const *p = attr_exceptions; *p != NULL; p++) {
        PyObject *name = PyUnicode_FromString(*p);
        if (name == NULL || add_unique(dir, name) < 0) {
            Py_XDECREF(name);
            Py_DECREF(dir);
            return NULL;
        }
        Py_DECREF(name);
    }
    return dir;
}

static PyMethodDef ga_methods[] = {
    {"__mro_entries__", ga_mro_entries, METH_O, NULL},
    {"__instancecheck__", ga_instancecheck, METH_O, NULL},
    {"__subclasscheck__", ga_subclasscheck, METH_O, NULL},
    {"__reduce__", ga_reduce, METH_NOARGS, NULL},
    {"__dir__", ga_dir, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef ga_members[] = {
    {"__origin__", _Py_T_OBJECT, offsetof(gaobject, origin), Py_READONLY, NULL},
    {"__args__", _Py_T_OBJECT, offsetof(gaobject, args), Py_READONLY, NULL},
    {"__unpacked__", Py_T_BOOL, offsetof(gaobject, starred), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *
ga_parameters(PyObject *self, void *Py_UNUSED(closure))
{
    gaobject *alias = GA(self);
    PyObject *params = __atomic_load_n(&alias->parameters, __ATOMIC_ACQUIRE);
    if (params != NULL) {
        return Py_NewRef(params);
    }
    params = _Py_make_parameters(alias->args);
    if (params == NULL) {
        return NULL;
    }
    PyObject *expected = NULL;
    if (__atomic_compare_exchange_n(&alias->parameters, &expected, params, 0,
                                    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        return Py_NewRef(params);       /* the cache keeps the first ref */
    }
    Py_DECREF(params);
    return Py_NewRef(expected);
}

static PyObject *
ga_unpacked_tuple_args(PyObject *self, void *Py_UNUSED(closure))
{
    gaobject *alias = GA(self);
    if (alias->starred && alias->origin == (PyObject *)&PyTuple_Type) {
        return Py_NewRef(alias->args);
    }
    Py_RETURN_NONE;
}

static PyGetSetDef ga_getset[] = {
    {"__parameters__", ga_parameters, NULL,
     "Type variables in the GenericAlias.", NULL},
    {"__typing_unpacked_tuple_args__", ga_unpacked_tuple_args, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject Py_GenericAliasType = {
    .tp_name = "types.GenericAlias",
    .tp_basicsize = sizeof(gaobject),
    .tp_dealloc = ga_dealloc,
    .tp_repr = ga_repr,
    .tp_as_number = &ga_as_number,
    .tp_as_mapping = &ga_as_mapping,
    .tp_hash = ga_hash,
    .tp_call = ga_call,
    .tp_getattro = ga_getattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "GenericAlias(origin, args, /)\n--\n\n"
              "Represent a PEP 585 generic type\n\n"
              "E.g. for t = list[int], t.__origin__ is list and t.__args__ "
              "is (int,).",
    /* No tp_clear: an alias never changes, and a cycle through it is
       broken at one of its mutable members (a class, an instance). */
    .tp_traverse = ga_traverse,
    .tp_richcompare = ga_richcompare,
    .tp_weaklistoffset = offsetof(gaobject, weakreflist),
    .tp_iter = ga_iter,
    .tp_methods = ga_methods,
    .tp_members = ga_members,
    .tp_getset = ga_getset,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = ga_new,
    .tp_free = PyObject_GC_Del,
    .ob_base = PyVarObject_HEAD_INIT(&PyType_Type, 0)
};
