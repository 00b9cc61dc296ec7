/* Conversions between the internal AST (pycore_ast.h) and the `_ast`
   module's node objects (Python/ast_module.c), and the compile() entry
   points built on them:

     compile(source, ..., flags=PyCF_ONLY_AST)   source text -> node objects
     compile(tree, filename, mode)               node objects -> code
     PyCF_OPTIMIZED_AST                          constant-folded node objects

   Both directions are driven by the node description tables of
   Parser/ast_nodes.c, so there is no per-node code here.  Errors use
   CPython's messages ("expected some sort of expr, but got ...",
   "required field \"id\" missing from Name").

   Thread safety: a conversion reads or builds private data (the caller's
   arena, new objects) and the node objects it is given; the node classes
   are immutable once built (ast_module.c).  A tree that another thread
   mutates while it is converted gives some consistent snapshot of each
   attribute, never a crash: lists are copied to tuples before walking. */
#include "Python.h"
#include "pycore_ast.h"
#include "pycore_codegen.h"
#include "pycore_compile.h"
#include "pycore_parser.h"

/* Defined in Python/ast_module.c. */
extern int _PyAST_EnsureClasses(void);
extern PyObject *_PyAST_NodeClass(int index);
extern PyObject *_PyAST_TypeClass(int type);
extern PyObject *_PyAST_EnumSingleton(int index);
extern PyTypeObject _PyAST_Type;

/* The size of the struct of each sum or product type, for allocating
   nodes built from objects. */
static size_t
node_size(int type)
{
    switch (type) {
    case _PyAST_T_mod: return sizeof(struct _mod);
    case _PyAST_T_stmt: return sizeof(struct _stmt);
    case _PyAST_T_expr: return sizeof(struct _expr);
    case _PyAST_T_comprehension: return sizeof(struct _comprehension);
    case _PyAST_T_excepthandler: return sizeof(struct _excepthandler);
    case _PyAST_T_arguments: return sizeof(struct _arguments);
    case _PyAST_T_arg: return sizeof(struct _arg);
    case _PyAST_T_keyword: return sizeof(struct _keyword);
    case _PyAST_T_alias: return sizeof(struct _alias);
    case _PyAST_T_withitem: return sizeof(struct _withitem);
    case _PyAST_T_match_case: return sizeof(struct _match_case);
    case _PyAST_T_pattern: return sizeof(struct _pattern);
    case _PyAST_T_type_ignore: return sizeof(struct _type_ignore);
    case _PyAST_T_type_param: return sizeof(struct _type_param);
    default: return 0;
    }
}

static const char *const location_names[4] = {
    "lineno", "col_offset", "end_lineno", "end_col_offset"
};

static int
is_int_sequence(int type)
{
    return type == _PyAST_T_int ||
           _PyAST_Types[type].category == _PyAST_CAT_ENUM;
}

/* ==== internal AST -> node objects ===================================== */

typedef struct {
    /* Non-NULL for PyCF_OPTIMIZED_AST: a compiler used only for its
       constant folding (fold_constant reads c_optimize, c_fold_depth). */
    struct compiler *fold;
    /* Converting the value of a MatchValue pattern. */
    int in_match_value;
} ToObject;

static PyObject *node_to_object(ToObject *cv, int type, const void *node);

/* One value of ASDL type `type` stored at `slot`: a new reference. */
static PyObject *
value_to_object(ToObject *cv, int type, const void *slot)
{
    const _PyAST_TypeInfo *t = &_PyAST_Types[type];
    switch (t->category) {
    case _PyAST_CAT_BUILTIN: {
        if (type == _PyAST_T_int) {
            return PyLong_FromLong(*(const int *)slot);
        }
        PyObject *obj = *(PyObject * const *)slot;
        return Py_NewRef(obj != NULL ? obj : Py_None);
    }
    case _PyAST_CAT_ENUM: {
        int value = *(const int *)slot;
        if (value < 1 || value > t->count) {
            PyErr_Format(PyExc_SystemError, "invalid %s value %d", t->name,
                         value);
            return NULL;
        }
        return Py_NewRef(_PyAST_EnumSingleton(t->first + value - 1));
    }
    default: {
        const void *node = *(void * const *)slot;
        if (node == NULL) {
            return Py_NewRef(Py_None);
        }
        return node_to_object(cv, type, node);
    }
    }
}

static PyObject *
sequence_to_list(ToObject *cv, int type, const void *slot)
{
    if (is_int_sequence(type)) {
        const asdl_int_seq *seq = *(asdl_int_seq * const *)slot;
        Py_ssize_t n = asdl_seq_LEN(seq);
        PyObject *list = PyList_New(n);
        for (Py_ssize_t i = 0; list != NULL && i < n; i++) {
            PyObject *item = value_to_object(cv, type,
                                             &seq->typed_elements[i]);
            if (item == NULL) {
                Py_CLEAR(list);
                break;
            }
            PyList_SET_ITEM(list, i, item);
        }
        return list;
    }
    const asdl_seq *seq = *(asdl_seq * const *)slot;
    Py_ssize_t n = asdl_seq_LEN(seq);
    PyObject *list = PyList_New(n);
    for (Py_ssize_t i = 0; list != NULL && i < n; i++) {
        PyObject *item = value_to_object(cv, type, &seq->typed_elements[i]);
        if (item == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, i, item);
    }
    return list;
}

/* dict[name] = int at base + offset. */
static int
set_int_item(PyObject *dict, const char *name, const char *base,
             size_t offset)
{
    PyObject *value = PyLong_FromLong(*(const int *)(base + offset));
    if (value == NULL) {
        return -1;
    }
    int rc = PyDict_SetItemString(dict, name, value);
    Py_DECREF(value);
    return rc;
}

static int
set_locations(PyObject *dict, const _PyAST_TypeInfo *t, const char *base)
{
    for (int i = 0; t->has_location && i < 4; i++) {
        if (set_int_item(dict, location_names[i], base, t->location[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

/* A new instance of `cls` with an empty __dict__ (no __init__ checks). */
static PyObject *
new_node(PyObject *cls, PyObject **dict)
{
    PyTypeObject *type = (PyTypeObject *)cls;
    PyObject *obj = type->tp_new(type, NULL, NULL);
    if (obj == NULL) {
        return NULL;
    }
    *dict = PyObject_GenericGetDict(obj, NULL);
    if (*dict == NULL) {
        Py_DECREF(obj);
        return NULL;
    }
    return obj;
}

/* Constant(value) in place of the folded expression `e`. */
static PyObject *
folded_constant(const struct _expr *e, PyObject *value)
{
    const _PyAST_TypeInfo *t = &_PyAST_Types[_PyAST_T_expr];
    PyObject *dict;
    PyObject *obj = new_node(_PyAST_NodeClass(t->first + Constant_kind - 1),
                             &dict);
    if (obj == NULL) {
        return NULL;
    }
    if (PyDict_SetItemString(dict, "value", value) < 0 ||
        PyDict_SetItemString(dict, "kind", Py_None) < 0 ||
        set_locations(dict, t, (const char *)e) < 0) {
        Py_CLEAR(obj);
    }
    Py_DECREF(dict);
    return obj;
}

/* With PyCF_OPTIMIZED_AST: the folded Constant for `e`, NULL without an
   exception when it does not fold, NULL with one on error.  As in CPython
   3.14+, the optimized tree folds only __debug__ and the signed and
   complex literals of match value patterns (-1, 1 + 2j); other constant
   expressions are folded later, in the compiler. */
static PyObject *
try_fold(ToObject *cv, const struct _expr *e)
{
    int foldable = e->kind == Name_kind ||
                   (cv->in_match_value &&
                    (e->kind == BinOp_kind || e->kind == UnaryOp_kind));
    if (!foldable) {
        return NULL;
    }
    PyObject *value = fold_constant(cv->fold, (expr_ty)e);
    if (value == NULL) {
        return NULL;
    }
    PyObject *obj = folded_constant(e, value);
    Py_DECREF(value);
    return obj;
}

static PyObject *
node_fields_to_object(ToObject *cv, int type, const void *node)
{
    const _PyAST_NodeInfo *info = _PyAST_NodeInfoOf(type, node);
    if (info == NULL) {
        PyErr_Format(PyExc_SystemError, "invalid %s node kind",
                     _PyAST_Types[type].name);
        return NULL;
    }
    PyObject *dict;
    PyObject *obj = new_node(_PyAST_NodeClass((int)(info - _PyAST_Nodes)),
                             &dict);
    if (obj == NULL) {
        return NULL;
    }
    const char *base = node;
    for (int i = 0; i < info->nfields; i++) {
        const _PyAST_Field *f = &info->fields[i];
        const void *slot = base + f->offset;
        PyObject *value = (f->quantifier == _PyAST_Q_SEQ ||
                           f->quantifier == _PyAST_Q_SEQ_OPT)
                          ? sequence_to_list(cv, f->type, slot)
                          : value_to_object(cv, f->type, slot);
        if (value == NULL || PyDict_SetItemString(dict, f->name, value) < 0) {
            Py_XDECREF(value);
            goto error;
        }
        Py_DECREF(value);
    }
    if (set_locations(dict, &_PyAST_Types[type], base) < 0) {
        goto error;
    }
    Py_DECREF(dict);
    return obj;
error:
    Py_DECREF(dict);
    Py_DECREF(obj);
    return NULL;
}

static PyObject *
node_to_object(ToObject *cv, int type, const void *node)
{
    if (Py_EnterRecursiveCall(" during ast construction")) {
        return NULL;
    }
    PyObject *result = NULL;
    int saved = cv->in_match_value;
    if (cv->fold != NULL && type == _PyAST_T_expr) {
        result = try_fold(cv, node);
    }
    if (cv->fold != NULL && type == _PyAST_T_pattern) {
        cv->in_match_value = *(const int *)node == MatchValue_kind;
    }
    if (result == NULL && !PyErr_Occurred()) {
        result = node_fields_to_object(cv, type, node);
    }
    cv->in_match_value = saved;
    Py_LeaveRecursiveCall();
    return result;
}

/* The node objects of a whole tree: a new reference or NULL.  optimize
   >= 0 folds constant expressions as PyCF_OPTIMIZED_AST asks. */
static PyObject *
mod_to_object(mod_ty mod, int fold, int optimize)
{
    if (_PyAST_EnsureClasses() < 0) {
        return NULL;
    }
    struct compiler folder;
    memset(&folder, 0, sizeof(folder));
    folder.c_optimize = optimize < 0 ? 0 : optimize;
    ToObject cv = {fold ? &folder : NULL, 0};
    return node_to_object(&cv, _PyAST_T_mod, mod);
}

PyObject *
_PyAST_ToObject(mod_ty mod)
{
    return mod_to_object(mod, 0, 0);
}

/* ==== node objects -> internal AST ===================================== */

typedef struct {
    PyArena *arena;
} FromObject;

static void *object_to_node(FromObject *cv, PyObject *obj, int type);

/* The index in _PyAST_Nodes of the constructor of ASDL type `type` that
   obj is an instance of; -1 with TypeError if none. */
static int
constructor_of(PyObject *obj, int type)
{
    const _PyAST_TypeInfo *t = &_PyAST_Types[type];
    /* Exact classes first: the common case needs no isinstance calls. */
    for (int i = 0; i < t->count; i++) {
        if ((PyObject *)Py_TYPE(obj) == _PyAST_NodeClass(t->first + i)) {
            return t->first + i;
        }
    }
    for (int i = 0; i < t->count; i++) {
        int rc = PyObject_IsInstance(obj, _PyAST_NodeClass(t->first + i));
        if (rc != 0) {
            return rc < 0 ? -1 : t->first + i;
        }
    }
    PyErr_Format(PyExc_TypeError, "expected some sort of %s, but got %R",
                 t->name, obj);
    return -1;
}

/* Hand one object reference to the arena (it lives as long as the tree). */
static int
arena_keep(FromObject *cv, PyObject *obj)
{
    if (_PyArena_AddPyObject(cv->arena, Py_NewRef(obj)) < 0) {
        Py_DECREF(obj);
        return -1;
    }
    return 0;
}

static int
object_to_int(PyObject *obj, int *out)
{
    if (!PyLong_Check(obj)) {
        PyErr_Format(PyExc_ValueError, "invalid integer value: %R", obj);
        return -1;
    }
    int overflow;
    long value = PyLong_AsLongAndOverflow(obj, &overflow);
    if (value == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (overflow || value > INT_MAX || value < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError,
                        "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)value;
    return 0;
}

/* Store obj (not None) as a value of ASDL type `type` at `slot`. */
static int
object_to_value(FromObject *cv, PyObject *obj, int type, void *slot)
{
    const _PyAST_TypeInfo *t = &_PyAST_Types[type];
    switch (t->category) {
    case _PyAST_CAT_BUILTIN:
        switch (type) {
        case _PyAST_T_int:
            return object_to_int(obj, (int *)slot);
        case _PyAST_T_identifier:
        case _PyAST_T_string:
            if (!PyUnicode_Check(obj)) {
                PyErr_Format(PyExc_TypeError, "AST %s must be of type str",
                             t->name);
                return -1;
            }
            break;
        default:
            break;
        }
        if (type == _PyAST_T_identifier && PyUnicode_CheckExact(obj)) {
            /* Identifiers are interned, as the parser makes them. */
            PyObject *name = Py_NewRef(obj);
            PyUnicode_InternInPlace(&name);
            int rc = arena_keep(cv, name);
            Py_DECREF(name);
            if (rc == 0) {
                *(PyObject **)slot = name;
            }
            return rc;
        }
        if (arena_keep(cv, obj) < 0) {
            return -1;
        }
        *(PyObject **)slot = obj;
        return 0;
    case _PyAST_CAT_ENUM: {
        int index = constructor_of(obj, type);
        if (index < 0) {
            return -1;
        }
        *(int *)slot = index - t->first + 1;
        return 0;
    }
    default: {
        void *node = object_to_node(cv, obj, type);
        if (node == NULL) {
            return -1;
        }
        *(void **)slot = node;
        return 0;
    }
    }
}

/* None as an element of a list of expressions, statements or patterns:
   sets CPython's validator error ("None disallowed in expression list")
   and returns 1, so no NULL element reaches the compiler.  0 for the
   other types, whose elements are refused like any non-node. */
static int
none_disallowed(int type)
{
    const char *what = type == _PyAST_T_expr ? "expression"
                       : type == _PyAST_T_stmt ? "statement"
                       : type == _PyAST_T_pattern ? "pattern" : NULL;
    if (what == NULL) {
        return 0;
    }
    PyErr_Format(PyExc_ValueError, "None disallowed in %s list", what);
    return 1;
}

/* A list field: converted element by element from a snapshot. */
static int
list_to_sequence(FromObject *cv, PyObject *value, const _PyAST_Field *f,
                 const char *owner, void *slot)
{
    if (!PyList_Check(value)) {
        PyErr_Format(PyExc_TypeError, "%s field \"%s\" must be a list, "
                     "not a %.200s", owner, f->name, Py_TYPE(value)->tp_name);
        return -1;
    }
    PyObject *items = PyList_AsTuple(value);
    if (items == NULL) {
        return -1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(items);
    int ints = is_int_sequence(f->type);
    void *seq = ints ? (void *)_Py_asdl_int_seq_new(n, cv->arena)
                     : (void *)_Py_asdl_generic_seq_new(n, cv->arena);
    int rc = seq == NULL ? -1 : 0;
    for (Py_ssize_t i = 0; rc == 0 && i < n; i++) {
        PyObject *item = PyTuple_GET_ITEM(items, i);
        void *element = ints
            ? (void *)&((asdl_int_seq *)seq)->typed_elements[i]
            : (void *)&((asdl_seq *)seq)->typed_elements[i];
        if (item == Py_None && f->quantifier == _PyAST_Q_SEQ_OPT) {
            *(void **)element = NULL;
            continue;
        }
        if (item == Py_None && none_disallowed(f->type)) {
            rc = -1;
            break;
        }
        rc = object_to_value(cv, item, f->type, element);
    }
    Py_DECREF(items);
    if (rc == 0) {
        *(void **)slot = seq;
    }
    return rc;
}

static int
missing_field(const char *field, const char *owner)
{
    PyErr_Format(PyExc_TypeError, "required field \"%s\" missing from %s",
                 field, owner);
    return -1;
}

/* A required field set to None: the attribute is there but holds no
   node.  CPython's constructors report it with this ValueError. */
static int
none_field(const char *field, const char *owner)
{
    PyErr_Format(PyExc_ValueError, "field '%s' is required for %s",
                 field, owner);
    return -1;
}

/* One field of obj into the node struct at `base`. */
static int
field_from_object(FromObject *cv, PyObject *obj, const _PyAST_Field *f,
                  const char *owner, char *base)
{
    PyObject *value;
    if (PyObject_GetOptionalAttrString(obj, f->name, &value) < 0) {
        return -1;
    }
    int rc = 0;
    void *slot = base + f->offset;
    int is_seq = f->quantifier == _PyAST_Q_SEQ ||
                 f->quantifier == _PyAST_Q_SEQ_OPT;
    if (value == NULL) {
        rc = f->quantifier == _PyAST_Q_OPT ? 0 : missing_field(f->name, owner);
    }
    else if (is_seq) {
        rc = list_to_sequence(cv, value, f, owner, slot);
    }
    else if (value == Py_None && f->type != _PyAST_T_constant) {
        /* None is a constant's value (Constant(None)); elsewhere it
           stands for an absent node. */
        rc = f->quantifier == _PyAST_Q_OPT ? 0 : none_field(f->name, owner);
    }
    else {
        rc = object_to_value(cv, value, f->type, slot);
    }
    Py_XDECREF(value);
    return rc;
}

/* lineno, col_offset, end_lineno, end_col_offset of a located node; the
   end position defaults to the start when the grammar makes it optional
   (missing or None).  A required one that is None is an invalid integer,
   one that is missing a missing field of the type, as in CPython. */
static int
locations_from_object(PyObject *obj, const _PyAST_TypeInfo *t, char *base)
{
    for (int i = 0; t->has_location && i < 4; i++) {
        int *slot = (int *)(base + t->location[i]);
        PyObject *value;
        if (PyObject_GetOptionalAttrString(obj, location_names[i],
                                           &value) < 0) {
            return -1;
        }
        if (i >= 2 && t->end_optional && (value == NULL || value == Py_None)) {
            Py_XDECREF(value);
            *slot = *(int *)(base + t->location[i - 2]);
            continue;
        }
        if (value == NULL) {
            return missing_field(location_names[i], t->name);
        }
        int rc = object_to_int(value, slot);
        Py_DECREF(value);
        if (rc < 0) {
            return -1;
        }
    }
    return 0;
}

static void *
object_to_node_inner(FromObject *cv, PyObject *obj, int type)
{
    const _PyAST_TypeInfo *t = &_PyAST_Types[type];
    int index = t->first;
    if (t->category == _PyAST_CAT_SUM) {
        index = constructor_of(obj, type);
        if (index < 0) {
            return NULL;
        }
    }
    const _PyAST_NodeInfo *info = &_PyAST_Nodes[index];
    char *node = _PyArena_Malloc(cv->arena, node_size(type));
    if (node == NULL) {
        return NULL;
    }
    memset(node, 0, node_size(type));
    /* A sum's node (stmt, expr, ...) has its position read before its
       fields, a product's (alias, arg, ...) after, as in CPython: it
       decides which error a node with both wrong reports. */
    if (t->category == _PyAST_CAT_SUM) {
        *(int *)node = index - t->first + 1;
        if (locations_from_object(obj, t, node) < 0) {
            return NULL;
        }
    }
    for (int i = 0; i < info->nfields; i++) {
        if (field_from_object(cv, obj, &info->fields[i], info->name,
                              node) < 0) {
            return NULL;
        }
    }
    if (t->category != _PyAST_CAT_SUM &&
        locations_from_object(obj, t, node) < 0) {
        return NULL;
    }
    return node;
}

static void *
object_to_node(FromObject *cv, PyObject *obj, int type)
{
    if (Py_EnterRecursiveCall(" during ast construction")) {
        return NULL;
    }
    void *node = object_to_node_inner(cv, obj, type);
    Py_LeaveRecursiveCall();
    return node;
}

/* The class name compile() expects at the root for each start symbol. */
static int
expected_mod(int mode)
{
    switch (mode) {
    case Py_file_input: return Module_kind;
    case Py_eval_input: return Expression_kind;
    case Py_single_input: return Interactive_kind;
    case Py_func_type_input: return FunctionType_kind;
    default: return 0;
    }
}

/* The internal tree of node object `ast`, checked against compile()'s
   mode and validated; it lives in `arena`.  NULL with an exception. */
mod_ty
_PyAST_FromObject(PyObject *ast, PyArena *arena, int mode)
{
    if (_PyAST_EnsureClasses() < 0) {
        return NULL;
    }
    int kind = expected_mod(mode);
    if (kind == 0) {
        PyErr_SetString(PyExc_ValueError, "invalid compile() mode");
        return NULL;
    }
    int index = _PyAST_Types[_PyAST_T_mod].first + kind - 1;
    int rc = PyObject_IsInstance(ast, _PyAST_NodeClass(index));
    if (rc <= 0) {
        if (rc == 0) {
            PyErr_Format(PyExc_TypeError, "expected %s node, got %.400s",
                         _PyAST_Nodes[index].name, Py_TYPE(ast)->tp_name);
        }
        return NULL;
    }
    FromObject cv = {arena};
    mod_ty mod = object_to_node(&cv, ast, _PyAST_T_mod);
    if (mod == NULL || !_PyAST_Validate(mod)) {
        return NULL;
    }
    return mod;
}

/* Whether obj is an `ast.AST` instance (compile()'s source check). */
int
_PyAST_IsASTObject(PyObject *obj)
{
    return PyObject_TypeCheck(obj, &_PyAST_Type);
}

static int
wants_folding(int flags)
{
    return (flags & PyCF_OPTIMIZED_AST) == PyCF_OPTIMIZED_AST;
}

/* compile(tree, filename, mode, flags, optimize) for an AST object: a
   code object, or with PyCF_ONLY_AST the tree itself (folded with
   PyCF_OPTIMIZED_AST). */
PyObject *
_PyAST_CompileObject(PyObject *ast, PyObject *filename, int mode, int flags,
                     int optimize)
{
    if ((flags & PyCF_ONLY_AST) && !wants_folding(flags)) {
        return Py_NewRef(ast);
    }
    PyArena *arena = _PyArena_New();
    if (arena == NULL) {
        return NULL;
    }
    PyObject *result = NULL;
    mod_ty mod = _PyAST_FromObject(ast, arena, mode);
    if (mod != NULL) {
        result = (flags & PyCF_ONLY_AST)
            ? mod_to_object(mod, 1, optimize)
            : _PyAST_Compile(mod, filename, optimize, flags, arena);
    }
    _PyArena_Free(arena);
    return result;
}

/* compile(text, filename, mode, flags | PyCF_ONLY_AST): the node objects
   of the parsed source. */
PyObject *
_PyAST_ParseToObject(const char *text, PyObject *filename, int mode,
                     int flags, int optimize, int feature_version)
{
    PyArena *arena = _PyArena_New();
    if (arena == NULL) {
        return NULL;
    }
    PyObject *result = NULL;
    mod_ty mod = _PyParser_ParseStringForVersion(text, filename, mode, flags,
                                                 feature_version, arena);
    if (mod != NULL) {
        result = mod_to_object(mod, wants_folding(flags), optimize);
    }
    _PyArena_Free(arena);
    return result;
}
