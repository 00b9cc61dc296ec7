/* The _ast module: the AST base class and one Python class per node kind
   of Python 3.15's grammar, built from the node description tables of
   pycore_ast.h (Parser/ast_nodes.c).

   Class layout follows CPython: every abstract ASDL type (mod, stmt, expr,
   expr_context, ...) is a subclass of AST, every constructor a subclass of
   its type, every product type (arguments, arg, ...) a direct subclass of
   AST.  Each class carries _fields, _attributes, _field_types,
   __match_args__ and a None class attribute for every optional field, so
   omitted optional fields read as None.

   Thread safety: the classes and the enum singletons (Load(), Add(), ...)
   are built once per process under `classes_lock` and published with a
   release store of `classes_ready`; readers test the flag with an acquire
   load and then only read the arrays, whose entries are never replaced.
   (The classes are ordinary heap types, as in CPython: code that sets
   attributes on them goes through the type's own locking.)  Node
   instances are ordinary objects whose attributes live in their __dict__,
   which protects itself. */
#include "Python.h"
#include "pycore_ast.h"

#define AST_NODE_COUNT 113   /* entries of _PyAST_Nodes */

typedef struct {
    PyObject_HEAD
    PyObject *dict;
} ast_object;

/* The process-wide classes (strong references kept for the process's
   life); written only before `classes_ready` is published. */
static PyObject *node_class[AST_NODE_COUNT];
static PyObject *type_class[_PyAST_T_COUNT];
static PyObject *enum_singleton[AST_NODE_COUNT];
static PyMutex classes_lock;
static int classes_ready;

/* ---- the AST base type ---------------------------------------------------- */

static PyObject *
ast_new(PyTypeObject *type, PyObject *Py_UNUSED(args),
        PyObject *Py_UNUSED(kwds))
{
    ast_object *self = (ast_object *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->dict = PyDict_New();
    if (self->dict == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

/* Node classes are heap subclasses: their subtype dealloc and traverse
   handle the reference to the class, these only the dict. */
static void
ast_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_CLEAR(((ast_object *)op)->dict);
    Py_TYPE(op)->tp_free(op);
}

static int
ast_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((ast_object *)op)->dict);
    return 0;
}

static int
ast_clear(PyObject *op)
{
    Py_CLEAR(((ast_object *)op)->dict);
    return 0;
}

/* A class attribute that is a tuple of str (_fields, _attributes): a new
   reference, an empty tuple when the class has none, NULL on error. */
static PyObject *
class_name_tuple(PyObject *cls, const char *attr)
{
    PyObject *value;
    if (PyObject_GetOptionalAttrString(cls, attr, &value) < 0) {
        return NULL;
    }
    if (value == NULL) {
        return PyTuple_New(0);
    }
    PyObject *tuple = PySequence_Tuple(value);
    Py_DECREF(value);
    return tuple;
}

/* Whether `annotation` (an entry of _field_types) is list[...]. */
static int
is_list_annotation(PyObject *annotation)
{
    if (!Py_IS_TYPE(annotation, &Py_GenericAliasType)) {
        return 0;
    }
    PyObject *origin = PyObject_GetAttrString(annotation, "__origin__");
    if (origin == NULL) {
        PyErr_Clear();
        return 0;
    }
    int result = origin == (PyObject *)&PyList_Type;
    Py_DECREF(origin);
    return result;
}

/* Whether `annotation` is a union with None (X | None). */
static int
is_optional_annotation(PyObject *annotation)
{
    if (PyType_Check(annotation)) {
        return 0;
    }
    PyObject *args = PyObject_GetAttrString(annotation, "__args__");
    if (args == NULL) {
        PyErr_Clear();
        return 0;
    }
    int result = 0;
    if (PyTuple_Check(args)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
            PyObject *item = PyTuple_GET_ITEM(args, i);
            if (item == Py_None || item == (PyObject *)Py_TYPE(Py_None)) {
                result = 1;
            }
        }
    }
    Py_DECREF(args);
    return result;
}

/* The default of an omitted field with this annotation: a new reference,
   or NULL without an exception when the field is required. */
static PyObject *
field_default(PyObject *annotation)
{
    if (is_list_annotation(annotation)) {
        return PyList_New(0);
    }
    if (is_optional_annotation(annotation)) {
        return Py_NewRef(Py_None);
    }
    PyObject *context = type_class[_PyAST_T_expr_context];
    if (context != NULL && annotation == context) {
        return PyObject_CallNoArgs(
            node_class[_PyAST_Types[_PyAST_T_expr_context].first]);
    }
    return NULL;
}

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" for the missing-field error. */
static PyObject *
join_names(PyObject *names)
{
    Py_ssize_t n = PyList_GET_SIZE(names);
    PyUnicodeWriter *w = PyUnicodeWriter_Create(0);
    if (w == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        const char *sep = i == 0 ? "" : (n == 2 ? " and " :
                          (i == n - 1 ? ", and " : ", "));
        if (PyUnicodeWriter_WriteUTF8(w, sep, -1) < 0 ||
            PyUnicodeWriter_WriteRepr(w, PyList_GET_ITEM(names, i)) < 0) {
            PyUnicodeWriter_Discard(w);
            return NULL;
        }
    }
    return PyUnicodeWriter_Finish(w);
}

/* Give every field not set by the constructor its default (None, [],
   Load()); fields without a default are reported together as CPython
   3.15 does: TypeError "X.__init__ missing 1 required positional
   argument: 'f'".  0, or -1 with an exception. */
static int
fill_missing_fields(PyObject *self, PyObject *fields, PyObject *set)
{
    PyObject *types;
    if (PyObject_GetOptionalAttrString((PyObject *)Py_TYPE(self),
                                       "_field_types", &types) < 0) {
        return -1;
    }
    if (types == NULL || !PyDict_Check(types)) {
        /* A user subclass without annotations: nothing to default. */
        Py_XDECREF(types);
        return 0;
    }
    PyObject *missing = PyList_New(0);
    int rc = missing == NULL ? -1 : 0;
    for (Py_ssize_t i = 0; rc == 0 && i < PyTuple_GET_SIZE(fields); i++) {
        PyObject *name = PyTuple_GET_ITEM(fields, i);
        int present = PySet_Contains(set, name);
        if (present != 0) {
            rc = present < 0 ? -1 : 0;
            continue;
        }
        PyObject *annotation;
        if (PyDict_GetItemRef(types, name, &annotation) < 0) {
            rc = -1;
            break;
        }
        if (annotation == NULL) {
            /* 3.15: a field _field_types does not describe has no
               default, so leaving it out is an error. */
            PyObject *qual = PyType_GetFullyQualifiedName(Py_TYPE(self));
            if (qual != NULL) {
                PyErr_Format(PyExc_TypeError,
                             "Field %R is missing from %U._field_types",
                             name, qual);
                Py_DECREF(qual);
            }
            rc = -1;
            break;
        }
        PyObject *value = field_default(annotation);
        Py_DECREF(annotation);
        if (value == NULL) {
            rc = PyErr_Occurred() ? -1 : PyList_Append(missing, name);
            continue;
        }
        rc = PyObject_SetAttr(self, name, value);
        Py_DECREF(value);
    }
    if (rc == 0 && PyList_GET_SIZE(missing) > 0) {
        PyObject *joined = join_names(missing);
        PyObject *qual = joined ? PyType_GetFullyQualifiedName(Py_TYPE(self))
                                : NULL;
        if (qual != NULL) {
            Py_ssize_t n = PyList_GET_SIZE(missing);
            PyErr_Format(PyExc_TypeError,
                         "%U.__init__ missing %zd required positional "
                         "argument%s: %U", qual, n,
                         n == 1 ? "" : "s", joined);
        }
        Py_XDECREF(qual);
        Py_XDECREF(joined);
        rc = -1;
    }
    Py_XDECREF(missing);
    Py_DECREF(types);
    return rc;
}

/* TypeError `format` about keyword `key` of the constructor, naming the
   node's class by its full name (ast.Name) as CPython 3.15.  Returns -1. */
static int
keyword_error(PyObject *self, const char *format, PyObject *key)
{
    PyObject *qual = PyType_GetFullyQualifiedName(Py_TYPE(self));
    if (qual != NULL) {
        PyErr_Format(PyExc_TypeError, format, qual, key);
        Py_DECREF(qual);
    }
    return -1;
}

/* Keyword arguments of the constructor: each must be a field (not already
   given positionally) or an attribute. */
static int
set_keyword_fields(PyObject *self, PyObject *kwds, PyObject *fields,
                   PyObject *attributes, PyObject *set)
{
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    while (PyDict_Next(kwds, &pos, &key, &value)) {
        int is_field = PySequence_Contains(fields, key);
        if (is_field < 0) {
            return -1;
        }
        if (is_field) {
            int given = PySet_Contains(set, key);
            if (given < 0) {
                return -1;
            }
            if (given) {
                return keyword_error(self, "%U got multiple values for "
                                     "argument %R", key);
            }
        }
        else {
            int is_attribute = PySequence_Contains(attributes, key);
            if (is_attribute < 0) {
                return -1;
            }
            if (!is_attribute) {
                return keyword_error(self, "%U.__init__ got an unexpected "
                                     "keyword argument %R", key);
            }
        }
        if (PySet_Add(set, key) < 0 || PyObject_SetAttr(self, key, value) < 0) {
            return -1;
        }
    }
    return 0;
}

/* AST.__init__(*args, **kwargs): positional arguments fill _fields in
   order, keywords name fields or _attributes, omitted fields get their
   defaults or raise TypeError (3.15 semantics). */
static int
ast_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *cls = (PyObject *)Py_TYPE(self);
    PyObject *fields = class_name_tuple(cls, "_fields");
    PyObject *attributes = fields ? class_name_tuple(cls, "_attributes")
                                  : NULL;
    PyObject *set = attributes ? PySet_New(NULL) : NULL;
    int rc = -1;
    if (set == NULL) {
        goto done;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > PyTuple_GET_SIZE(fields)) {
        PyErr_Format(PyExc_TypeError,
                     "%.400s constructor takes at most %zd positional "
                     "argument%s", _PyType_Name(Py_TYPE(self)),
                     PyTuple_GET_SIZE(fields),
                     PyTuple_GET_SIZE(fields) == 1 ? "" : "s");
        goto done;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *name = PyTuple_GET_ITEM(fields, i);
        if (PySet_Add(set, name) < 0 ||
            PyObject_SetAttr(self, name, PyTuple_GET_ITEM(args, i)) < 0) {
            goto done;
        }
    }
    if (kwds != NULL &&
        set_keyword_fields(self, kwds, fields, attributes, set) < 0) {
        goto done;
    }
    rc = fill_missing_fields(self, fields, set);
done:
    Py_XDECREF(fields);
    Py_XDECREF(attributes);
    Py_XDECREF(set);
    return rc;
}

/* __reduce__: rebuilt without calling __init__ (copyreg.__newobj__), then
   the instance dict is restored, so nodes with missing required fields
   copy and pickle too. */
static PyObject *
ast_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *copyreg = PyImport_ImportModule("copyreg");
    if (copyreg == NULL) {
        return NULL;
    }
    PyObject *newobj = PyObject_GetAttrString(copyreg, "__newobj__");
    Py_DECREF(copyreg);
    if (newobj == NULL) {
        return NULL;
    }
    PyObject *dict = ((ast_object *)self)->dict;
    if (dict != NULL && PyDict_GET_SIZE(dict) > 0) {
        return Py_BuildValue("N(O)O", newobj, Py_TYPE(self), dict);
    }
    return Py_BuildValue("N(O)", newobj, Py_TYPE(self));
}

/* Copy the fields and attributes of self that exist into `kwargs`. */
static int
collect_current_values(PyObject *self, PyObject *names, PyObject *kwargs)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(names); i++) {
        PyObject *name = PyTuple_GET_ITEM(names, i);
        PyObject *value;
        if (PyObject_GetOptionalAttr(self, name, &value) < 0) {
            return -1;
        }
        if (value != NULL) {
            int rc = PyDict_SetItem(kwargs, name, value);
            Py_DECREF(value);
            if (rc < 0) {
                return -1;
            }
        }
    }
    return 0;
}

/* __replace__(**changes) (copy.replace): a new node of the same class
   with the given fields or attributes changed. */
static PyObject *
ast_replace(PyObject *self, PyObject *args, PyObject *changes)
{
    const char *name = _PyType_Name(Py_TYPE(self));
    if (PyTuple_GET_SIZE(args) != 0) {
        PyErr_Format(PyExc_TypeError,
                     "%s.__replace__ takes no positional arguments", name);
        return NULL;
    }
    PyObject *cls = (PyObject *)Py_TYPE(self);
    PyObject *fields = class_name_tuple(cls, "_fields");
    PyObject *attributes = fields ? class_name_tuple(cls, "_attributes")
                                  : NULL;
    PyObject *kwargs = attributes ? PyDict_New() : NULL;
    PyObject *result = NULL;
    if (kwargs == NULL || collect_current_values(self, fields, kwargs) < 0 ||
        collect_current_values(self, attributes, kwargs) < 0) {
        goto done;
    }
    if (changes != NULL) {
        PyObject *key, *value;
        Py_ssize_t pos = 0;
        while (PyDict_Next(changes, &pos, &key, &value)) {
            int known = PySequence_Contains(fields, key);
            if (known == 0) {
                known = PySequence_Contains(attributes, key);
            }
            if (known <= 0) {
                if (known == 0) {
                    PyErr_Format(PyExc_TypeError,
                                 "%s.__replace__ got an unexpected keyword "
                                 "argument %R.", name, key);
                }
                goto done;
            }
        }
        if (PyDict_Update(kwargs, changes) < 0) {
            goto done;
        }
    }
    PyObject *empty = PyTuple_New(0);
    if (empty != NULL) {
        result = PyObject_Call(cls, empty, kwargs);
        Py_DECREF(empty);
    }
done:
    Py_XDECREF(fields);
    Py_XDECREF(attributes);
    Py_XDECREF(kwargs);
    return result;
}

static PyMethodDef ast_methods[] = {
    {"__reduce__", ast_reduce, METH_NOARGS, NULL},
    {"__replace__", _PyCFunction_CAST(ast_replace),
     METH_VARARGS | METH_KEYWORDS,
     "__replace__($self, /, **changes)\n--\n\n"
     "Return a copy of the AST node with new values for the given fields."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef ast_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject _PyAST_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "ast.AST",
    .tp_basicsize = sizeof(ast_object),
    .tp_dealloc = ast_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_traverse = ast_traverse,
    .tp_clear = ast_clear,
    .tp_methods = ast_methods,
    .tp_getset = ast_getset,
    .tp_dictoffset = offsetof(ast_object, dict),
    .tp_init = ast_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = ast_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- building the node classes -------------------------------------------- */

/* The Python type of one ASDL leaf or node type, for _field_types:
   a new reference. */
static PyObject *
leaf_annotation(int type)
{
    switch (type) {
    case _PyAST_T_identifier:
    case _PyAST_T_string:
        return Py_NewRef((PyObject *)&PyUnicode_Type);
    case _PyAST_T_int:
        return Py_NewRef((PyObject *)&PyLong_Type);
    case _PyAST_T_constant:
        return Py_NewRef((PyObject *)&PyBaseObject_Type);
    default:
        return Py_NewRef(type_class[type]);
    }
}

/* `expr`, `expr | None` or `list[expr]` for one field: a new reference. */
static PyObject *
field_annotation(const _PyAST_Field *f)
{
    PyObject *base = leaf_annotation(f->type);
    if (base == NULL) {
        return NULL;
    }
    PyObject *result;
    switch (f->quantifier) {
    case _PyAST_Q_OPT:
        result = PyNumber_Or(base, Py_None);
        break;
    case _PyAST_Q_SEQ:
    case _PyAST_Q_SEQ_OPT:
        /* Dict.keys and arguments.kw_defaults may hold None, but CPython's
           ASDL spells them expr*, so they read list[expr] as there. */
        result = Py_GenericAlias((PyObject *)&PyList_Type, base);
        break;
    default:
        result = Py_NewRef(base);
    }
    Py_DECREF(base);
    return result;
}

/* The ASDL text of one field: "expr? returns", "stmt* body". */
static int
write_field_signature(PyUnicodeWriter *w, const _PyAST_Field *f)
{
    static const char *const suffix[] = {"", "?", "*", "*"};
    return PyUnicodeWriter_Format(w, "%s%s %s", _PyAST_Types[f->type].name,
                                  suffix[f->quantifier], f->name);
}

/* "Name(identifier id, expr_context ctx)": a new str. */
static PyObject *
node_signature(const _PyAST_NodeInfo *info)
{
    PyUnicodeWriter *w = PyUnicodeWriter_Create(0);
    if (w == NULL || PyUnicodeWriter_WriteUTF8(w, info->name, -1) < 0) {
        goto error;
    }
    if (info->nfields > 0) {
        if (PyUnicodeWriter_WriteChar(w, '(') < 0) {
            goto error;
        }
        for (int i = 0; i < info->nfields; i++) {
            if ((i && PyUnicodeWriter_WriteUTF8(w, ", ", 2) < 0) ||
                write_field_signature(w, &info->fields[i]) < 0) {
                goto error;
            }
        }
        if (PyUnicodeWriter_WriteChar(w, ')') < 0) {
            goto error;
        }
    }
    return PyUnicodeWriter_Finish(w);
error:
    if (w != NULL) {
        PyUnicodeWriter_Discard(w);
    }
    return NULL;
}

/* "expr = BoolOp(...)\n     | NamedExpr(...)" for the abstract class of a
   sum, "cmpop = Eq | NotEq | ..." on one line for an enumeration. */
static PyObject *
sum_signature(const _PyAST_TypeInfo *t)
{
    PyUnicodeWriter *w = PyUnicodeWriter_Create(0);
    if (w == NULL || PyUnicodeWriter_Format(w, "%s = ", t->name) < 0) {
        goto error;
    }
    for (int i = 0; i < t->count; i++) {
        PyObject *sig = node_signature(&_PyAST_Nodes[t->first + i]);
        if (sig == NULL) {
            goto error;
        }
        int rc = 0;
        if (i > 0 && t->category == _PyAST_CAT_ENUM) {
            rc = PyUnicodeWriter_WriteUTF8(w, " | ", 3);
        }
        else if (i > 0) {
            rc = PyUnicodeWriter_WriteChar(w, '\n');
            for (size_t k = 0; rc == 0 && k < strlen(t->name) + 1; k++) {
                rc = PyUnicodeWriter_WriteChar(w, ' ');
            }
            if (rc == 0) {
                rc = PyUnicodeWriter_WriteUTF8(w, "| ", 2);
            }
        }
        if (rc == 0) {
            rc = PyUnicodeWriter_WriteStr(w, sig);
        }
        Py_DECREF(sig);
        if (rc < 0) {
            goto error;
        }
    }
    return PyUnicodeWriter_Finish(w);
error:
    if (w != NULL) {
        PyUnicodeWriter_Discard(w);
    }
    return NULL;
}

static PyObject *
location_names(const _PyAST_TypeInfo *t)
{
    if (!t->has_location) {
        return PyTuple_New(0);
    }
    return Py_BuildValue("(ssss)", "lineno", "col_offset", "end_lineno",
                         "end_col_offset");
}

/* type(name, (base,), namespace): a new class, or NULL. */
static PyObject *
make_class(const char *name, PyObject *base, PyObject *namespace)
{
    PyObject *module = PyUnicode_FromString("ast");
    int rc = module == NULL ? -1 : PyDict_SetItemString(namespace,
                                                        "__module__", module);
    Py_XDECREF(module);
    if (rc < 0) {
        return NULL;
    }
    return PyObject_CallFunction((PyObject *)&PyType_Type, "s(O)O", name, base,
                                 namespace);
}

/* The namespace of a concrete node class: _fields, __match_args__,
   _field_types, __annotations__, None defaults of optional fields. */
static PyObject *
node_namespace(const _PyAST_NodeInfo *info, const _PyAST_TypeInfo *t)
{
    PyObject *ns = PyDict_New();
    PyObject *fields = PyTuple_New(info->nfields);
    PyObject *types = PyDict_New();
    PyObject *doc = node_signature(info);
    PyObject *attrs = location_names(t);
    if (ns == NULL || fields == NULL || types == NULL || doc == NULL ||
        attrs == NULL) {
        goto error;
    }
    for (int i = 0; i < info->nfields; i++) {
        const _PyAST_Field *f = &info->fields[i];
        PyObject *name = PyUnicode_InternFromString(f->name);
        if (name == NULL) {
            goto error;
        }
        PyTuple_SET_ITEM(fields, i, name);
        PyObject *annotation = field_annotation(f);
        if (annotation == NULL ||
            PyDict_SetItem(types, name, annotation) < 0) {
            Py_XDECREF(annotation);
            goto error;
        }
        Py_DECREF(annotation);
        if (f->quantifier == _PyAST_Q_OPT &&
            PyDict_SetItem(ns, name, Py_None) < 0) {
            goto error;
        }
    }
    PyObject *annotations = PyDict_Copy(types);
    if (annotations == NULL ||
        PyDict_SetItemString(ns, "__annotations__", annotations) < 0) {
        Py_XDECREF(annotations);
        goto error;
    }
    Py_DECREF(annotations);
    if (PyDict_SetItemString(ns, "_fields", fields) < 0 ||
        PyDict_SetItemString(ns, "__match_args__", fields) < 0 ||
        PyDict_SetItemString(ns, "_field_types", types) < 0 ||
        PyDict_SetItemString(ns, "_attributes", attrs) < 0 ||
        PyDict_SetItemString(ns, "__doc__", doc) < 0) {
        goto error;
    }
    Py_DECREF(fields);
    Py_DECREF(types);
    Py_DECREF(doc);
    Py_DECREF(attrs);
    return ns;
error:
    Py_XDECREF(ns);
    Py_XDECREF(fields);
    Py_XDECREF(types);
    Py_XDECREF(doc);
    Py_XDECREF(attrs);
    return NULL;
}

/* The abstract class of a sum or enum type (stmt, expr_context, ...). */
static PyObject *
abstract_class(const _PyAST_TypeInfo *t)
{
    PyObject *ns = PyDict_New();
    PyObject *attrs = location_names(t);
    PyObject *doc = sum_signature(t);
    PyObject *no_fields = PyTuple_New(0);
    PyObject *cls = NULL;
    if (ns == NULL || attrs == NULL || doc == NULL || no_fields == NULL ||
        PyDict_SetItemString(ns, "_attributes", attrs) < 0 ||
        PyDict_SetItemString(ns, "_fields", no_fields) < 0 ||
        PyDict_SetItemString(ns, "__doc__", doc) < 0) {
        goto done;
    }
    if (t->end_optional &&
        (PyDict_SetItemString(ns, "end_lineno", Py_None) < 0 ||
         PyDict_SetItemString(ns, "end_col_offset", Py_None) < 0)) {
        goto done;
    }
    cls = make_class(t->name, (PyObject *)&_PyAST_Type, ns);
done:
    Py_XDECREF(ns);
    Py_XDECREF(attrs);
    Py_XDECREF(doc);
    Py_XDECREF(no_fields);
    return cls;
}

/* Classes of one ASDL type and its constructors into the tables. */
static int
build_type_classes(int type)
{
    const _PyAST_TypeInfo *t = &_PyAST_Types[type];
    PyObject *base = (PyObject *)&_PyAST_Type;
    if (t->category != _PyAST_CAT_PRODUCT) {
        type_class[type] = abstract_class(t);
        if (type_class[type] == NULL) {
            return -1;
        }
        base = type_class[type];
    }
    for (int i = 0; i < t->count; i++) {
        int index = t->first + i;
        const _PyAST_NodeInfo *info = &_PyAST_Nodes[index];
        PyObject *ns = node_namespace(info, t);
        if (ns == NULL) {
            return -1;
        }
        if (t->category == _PyAST_CAT_PRODUCT && t->end_optional &&
            (PyDict_SetItemString(ns, "end_lineno", Py_None) < 0 ||
             PyDict_SetItemString(ns, "end_col_offset", Py_None) < 0)) {
            Py_DECREF(ns);
            return -1;
        }
        node_class[index] = make_class(info->name, base, ns);
        Py_DECREF(ns);
        if (node_class[index] == NULL) {
            return -1;
        }
        if (t->category == _PyAST_CAT_ENUM) {
            enum_singleton[index] = PyObject_CallNoArgs(node_class[index]);
            if (enum_singleton[index] == NULL) {
                return -1;
            }
        }
    }
    if (t->category == _PyAST_CAT_PRODUCT) {
        type_class[type] = Py_NewRef(node_class[t->first]);
    }
    return 0;
}

/* The order classes are built in: enums first.  Field annotations that
   name a type not built yet are fixed up by patch_field_types. */
static const int build_order[] = {
    _PyAST_T_expr_context, _PyAST_T_boolop, _PyAST_T_operator,
    _PyAST_T_unaryop, _PyAST_T_cmpop, _PyAST_T_type_ignore,
    _PyAST_T_mod, _PyAST_T_stmt, _PyAST_T_expr, _PyAST_T_comprehension,
    _PyAST_T_excepthandler, _PyAST_T_arguments, _PyAST_T_arg,
    _PyAST_T_keyword, _PyAST_T_alias, _PyAST_T_withitem,
    _PyAST_T_match_case, _PyAST_T_pattern, _PyAST_T_type_param,
};

/* The node types refer to each other (expr -> arguments -> arg -> expr),
   so the first pass annotates not-yet-built types as `object`; once every
   class exists, _field_types and __annotations__ are rebuilt. */
static int
patch_field_types(void)
{
    for (int index = 0; index < AST_NODE_COUNT; index++) {
        const _PyAST_NodeInfo *info = &_PyAST_Nodes[index];
        if (info->nfields == 0) {
            continue;
        }
        PyObject *types = PyDict_New();
        if (types == NULL) {
            return -1;
        }
        for (int i = 0; i < info->nfields; i++) {
            PyObject *annotation = field_annotation(&info->fields[i]);
            if (annotation == NULL ||
                PyDict_SetItemString(types, info->fields[i].name,
                                     annotation) < 0) {
                Py_XDECREF(annotation);
                Py_DECREF(types);
                return -1;
            }
            Py_DECREF(annotation);
        }
        PyObject *copy = PyDict_Copy(types);
        int rc = copy == NULL ? -1 : PyObject_SetAttrString(
            node_class[index], "_field_types", types);
        if (rc == 0) {
            rc = PyObject_SetAttrString(node_class[index], "__annotations__",
                                        copy);
        }
        Py_XDECREF(copy);
        Py_DECREF(types);
        if (rc < 0) {
            return -1;
        }
    }
    return 0;
}

/* AST itself has no fields or attributes: empty tuples in its dict (set
   once, before any thread can see the type). */
static int
ready_base_type(void)
{
    if (PyType_Ready(&_PyAST_Type) < 0) {
        return -1;
    }
    PyObject *empty = PyTuple_New(0);
    if (empty == NULL) {
        return -1;
    }
    int rc = 0;
    static const char *const names[] = {"_fields", "_attributes",
                                        "__match_args__"};
    for (size_t i = 0; rc == 0 && i < 3; i++) {
        rc = PyDict_SetItemString(_PyAST_Type.tp_dict, names[i], empty);
    }
    Py_DECREF(empty);
    PyType_Modified(&_PyAST_Type);
    return rc;
}

static int
build_all_classes(void)
{
    const _PyAST_TypeInfo *last = &_PyAST_Types[_PyAST_T_type_param];
    if (last->first + last->count != AST_NODE_COUNT) {
        PyErr_SetString(PyExc_SystemError,
                        "_ast: AST_NODE_COUNT does not match _PyAST_Nodes");
        return -1;
    }
    if (ready_base_type() < 0) {
        return -1;
    }
    for (int type = 0; type < _PyAST_T_identifier; type++) {
        if (type_class[type] == NULL) {
            type_class[type] = Py_NewRef((PyObject *)&PyBaseObject_Type);
        }
    }
    for (size_t i = 0; i < sizeof(build_order) / sizeof(build_order[0]); i++) {
        int type = build_order[i];
        Py_CLEAR(type_class[type]);
        if (build_type_classes(type) < 0) {
            return -1;
        }
    }
    return patch_field_types();
}

/* Build the classes once per process (see the file comment). 0 or -1. */
int
_PyAST_EnsureClasses(void)
{
    if (__atomic_load_n(&classes_ready, __ATOMIC_ACQUIRE)) {
        return 0;
    }
    int rc = 0;
    /* Building runs Python code, which may switch threads: wait for the
       lock detached, so the builder can always get the GIL back. */
    Py_BEGIN_ALLOW_THREADS
    PyMutex_Lock(&classes_lock);
    Py_END_ALLOW_THREADS
    if (!classes_ready) {
        rc = build_all_classes();
        if (rc == 0) {
            __atomic_store_n(&classes_ready, 1, __ATOMIC_RELEASE);
        }
    }
    PyMutex_Unlock(&classes_lock);
    return rc;
}

/* Borrowed class of entry `index` of _PyAST_Nodes (classes built). */
PyObject *
_PyAST_NodeClass(int index)
{
    return node_class[index];
}

/* Borrowed abstract class of ASDL type `type` (the class itself for a
   product). */
PyObject *
_PyAST_TypeClass(int type)
{
    return type_class[type];
}

/* Borrowed shared instance of an enum constructor (Load(), Add(), ...). */
PyObject *
_PyAST_EnumSingleton(int index)
{
    return enum_singleton[index];
}

/* ---- the module -------------------------------------------------------------- */

static int
astmodule_exec(PyObject *module)
{
    if (_PyAST_EnsureClasses() < 0) {
        return -1;
    }
    if (PyModule_AddObjectRef(module, "AST", (PyObject *)&_PyAST_Type) < 0) {
        return -1;
    }
    for (int type = 0; type < _PyAST_T_identifier; type++) {
        const _PyAST_TypeInfo *t = &_PyAST_Types[type];
        if (t->category != _PyAST_CAT_PRODUCT &&
            PyModule_AddObjectRef(module, t->name, type_class[type]) < 0) {
            return -1;
        }
        for (int i = 0; i < t->count; i++) {
            int index = t->first + i;
            if (PyModule_AddObjectRef(module, _PyAST_Nodes[index].name,
                                      node_class[index]) < 0) {
                return -1;
            }
        }
    }
    if (PyModule_AddIntConstant(module, "PyCF_ONLY_AST", PyCF_ONLY_AST) < 0 ||
        PyModule_AddIntConstant(module, "PyCF_TYPE_COMMENTS",
                                PyCF_TYPE_COMMENTS) < 0 ||
        PyModule_AddIntConstant(module, "PyCF_ALLOW_TOP_LEVEL_AWAIT",
                                PyCF_ALLOW_TOP_LEVEL_AWAIT) < 0 ||
        PyModule_AddIntConstant(module, "PyCF_OPTIMIZED_AST",
                                PyCF_OPTIMIZED_AST) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot astmodule_slots[] = {
    {Py_mod_exec, astmodule_exec},
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef astmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_ast",
    .m_doc = "The node classes of Python's abstract syntax tree.",
    .m_size = 0,
    .m_slots = astmodule_slots,
};

PyMODINIT_FUNC
PyInit__ast(void)
{
    return PyModuleDef_Init(&astmodule);
}
