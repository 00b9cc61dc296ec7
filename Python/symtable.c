/* Symbol tables (Include/internal/pycore_symtable.h).

   Two passes: the first walks the AST and records, per scope, every name
   and how it is used (flags); the second (analyze_block) resolves each
   name to LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE or CELL using the
   LEGB rules: function scopes see the names bound by enclosing functions,
   class scopes are skipped by nested functions (except through the
   implicit __class__ cell), and module names are globals.

   Comprehensions and generator expressions get their own function scope
   (parameter ".0", the outermost iterator); assignment expressions inside
   them bind in the nearest enclosing non-comprehension scope.
   Annotation and type scopes inside a class (ste_can_see_class_scope)
   read a name the class binds from the class namespace, then the
   globals (GLOBAL_IMPLICIT; GLOBAL_EXPLICIT when the class says
   `global`), and still pass it on to nested functions (DEF_FREE_CLASS).
   Everything here is private to the compiling thread. */
#include "Python.h"
#include "pycore_symtable.h"
#include "cpython/code.h"

#define MAX_NESTING 500

/* ---- errors ------------------------------------------------------------ */

int
_PyErr_SetSyntaxAt(PyObject *filename, int lineno, int col_offset,
                   int end_lineno, int end_col_offset, const char *format,
                   ...)
{
    va_list vargs;
    va_start(vargs, format);
    PyObject *msg = PyUnicode_FromFormatV(format, vargs);
    va_end(vargs);
    if (msg == NULL) {
        return -1;
    }
    PyErr_SetObject(PyExc_SyntaxError, msg);
    Py_DECREF(msg);
    PyErr_RangedSyntaxLocationObject(filename, lineno, col_offset + 1,
                                     end_lineno, end_col_offset + 1);
    return -1;
}

#define LOC(x) (x)->lineno, (x)->col_offset, (x)->end_lineno, (x)->end_col_offset

/* ---- entries ----------------------------------------------------------- */

static void
ste_free(PySTEntryObject *ste)
{
    Py_XDECREF(ste->ste_id);
    Py_XDECREF(ste->ste_symbols);
    Py_XDECREF(ste->ste_name);
    Py_XDECREF(ste->ste_varnames);
    Py_XDECREF(ste->ste_directives);
    Py_XDECREF(ste->ste_mangled_names);
    Py_XDECREF(ste->ste_type_params_name);
    Py_XDECREF(ste->ste_comp_hidden);
    PyMem_Free(ste->ste_child);
    PyMem_Free(ste);
}

static int
grow(void *arrayp, Py_ssize_t *cap, Py_ssize_t need, size_t itemsize)
{
    if (need <= *cap) {
        return 0;
    }
    Py_ssize_t newcap = *cap ? *cap * 2 : 8;
    while (newcap < need) {
        newcap *= 2;
    }
    void **array = (void **)arrayp;
    void *mem = PyMem_Realloc(*array, (size_t)newcap * itemsize);
    if (mem == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    *array = mem;
    *cap = newcap;
    return 0;
}

static PySTEntryObject *
ste_new(struct symtable *st, PyObject *name, _Py_block_ty type, void *key,
        int lineno, int col, int end_lineno, int end_col)
{
    PySTEntryObject *ste = PyMem_Calloc(1, sizeof(*ste));
    if (ste == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    ste->ste_table = st;
    ste->ste_type = type;
    ste->ste_key = key;
    ste->ste_name = Py_NewRef(name);
    ste->ste_id = PyLong_FromVoidPtr(key);
    ste->ste_symbols = PyDict_New();
    ste->ste_varnames = PyList_New(0);
    ste->ste_lineno = lineno;
    ste->ste_col_offset = col;
    ste->ste_end_lineno = end_lineno;
    ste->ste_end_col_offset = end_col;
    PySTEntryObject *parent = st->st_cur;
    if (parent != NULL && (parent->ste_nested ||
                           _PyST_IsFunctionLike(parent))) {
        ste->ste_nested = 1;
    }
    if (ste->ste_id == NULL || ste->ste_symbols == NULL ||
        ste->ste_varnames == NULL ||
        grow(&st->st_all, &st->st_allcap, st->st_nall + 1, sizeof(void *)) < 0)
    {
        ste_free(ste);
        return NULL;
    }
    st->st_all[st->st_nall++] = ste;
    if (parent != NULL) {
        if (grow(&parent->ste_child, &parent->ste_childcap,
                 parent->ste_nchildren + 1, sizeof(void *)) < 0) {
            return NULL;
        }
        parent->ste_child[parent->ste_nchildren++] = ste;
    }
    return ste;
}

int
_PyST_IsFunctionLike(PySTEntryObject *ste)
{
    return ste->ste_type == FunctionBlock ||
           ste->ste_type == AnnotationBlock ||
           ste->ste_type == TypeVariableBlock ||
           ste->ste_type == TypeAliasBlock ||
           ste->ste_type == TypeParametersBlock;
}

int
_PyST_GetSymbol(PySTEntryObject *ste, PyObject *name)
{
    PyObject *v = PyDict_GetItemWithError(ste->ste_symbols, name);
    if (v == NULL) {
        return 0;
    }
    return (int)PyLong_AsLong(v);
}

int
_PyST_GetScope(PySTEntryObject *ste, PyObject *name)
{
    return SYMBOL_TO_SCOPE(_PyST_GetSymbol(ste, name));
}

PySTEntryObject *
_PySymtable_Lookup(struct symtable *st, void *key)
{
    for (Py_ssize_t i = 0; i < st->st_nall; i++) {
        if (st->st_all[i]->ste_key == key) {
            return st->st_all[i];
        }
    }
    PyErr_SetString(PyExc_KeyError, "unknown symbol table entry");
    return NULL;
}

void
_PySymtable_Free(struct symtable *st)
{
    if (st == NULL) {
        return;
    }
    for (Py_ssize_t i = 0; i < st->st_nall; i++) {
        ste_free(st->st_all[i]);
    }
    PyMem_Free(st->st_all);
    PyMem_Free(st->st_stack);
    Py_XDECREF(st->st_filename);
    Py_XDECREF(st->st_private);
    PyMem_Free(st);
}

/* ---- name mangling ----------------------------------------------------- */

PyObject *
_Py_Mangle(PyObject *privateobj, PyObject *ident)
{
    if (privateobj == NULL || !PyUnicode_Check(privateobj)) {
        return Py_NewRef(ident);
    }
    Py_ssize_t nlen = PyUnicode_GET_LENGTH(ident);
    if (nlen < 2 || PyUnicode_READ_CHAR(ident, 0) != '_' ||
        PyUnicode_READ_CHAR(ident, 1) != '_') {
        return Py_NewRef(ident);
    }
    /* Dunder names and dotted names (imports) are left alone. */
    if ((PyUnicode_READ_CHAR(ident, nlen - 1) == '_' &&
         PyUnicode_READ_CHAR(ident, nlen - 2) == '_') ||
        PyUnicode_FindChar(ident, '.', 0, nlen, 1) != -1) {
        return Py_NewRef(ident);
    }
    Py_ssize_t plen = PyUnicode_GET_LENGTH(privateobj), ipriv = 0;
    while (ipriv < plen && PyUnicode_READ_CHAR(privateobj, ipriv) == '_') {
        ipriv++;
    }
    if (ipriv == plen) {
        return Py_NewRef(ident);
    }
    PyObject *stripped = PyUnicode_Substring(privateobj, ipriv, plen);
    if (stripped == NULL) {
        return NULL;
    }
    PyObject *result = PyUnicode_FromFormat("_%U%U", stripped, ident);
    Py_DECREF(stripped);
    if (result != NULL) {
        PyUnicode_InternInPlace(&result);
    }
    return result;
}

/* ---- pass 1: collecting names ------------------------------------------ */

static int st_visit_stmt(struct symtable *st, stmt_ty s);
static int st_visit_expr(struct symtable *st, expr_ty e);

static int
enter_block(struct symtable *st, PyObject *name, _Py_block_ty type,
            void *key, int lineno, int col, int end_lineno, int end_col)
{
    if (st->st_depth >= MAX_NESTING) {
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded during compilation");
        return -1;
    }
    PySTEntryObject *ste = ste_new(st, name, type, key, lineno, col,
                                   end_lineno, end_col);
    if (ste == NULL) {
        return -1;
    }
    if (st->st_cur != NULL && st->st_cur->ste_type == ClassBlock &&
        type == FunctionBlock) {
        ste->ste_method = 1;
    }
    /* A scope opened inside a comprehension's iterable expression (a
       lambda, a nested comprehension) is still part of that expression:
       assignment expressions stay forbidden there. */
    if (st->st_cur != NULL) {
        ste->ste_comp_iter_expr = st->st_cur->ste_comp_iter_expr;
    }
    if (grow(&st->st_stack, &st->st_stackcap, st->st_depth + 1,
             sizeof(void *)) < 0) {
        return -1;
    }
    st->st_stack[st->st_depth++] = ste;
    st->st_cur = ste;
    if (st->st_top == NULL) {
        st->st_top = ste;
    }
    return 0;
}

static void
exit_block(struct symtable *st)
{
    st->st_depth--;
    st->st_cur = st->st_depth > 0 ? st->st_stack[st->st_depth - 1] : NULL;
}

/* A `global` statement anywhere also declares the name global in the
   module's own table, as CPython does: module code then reads and writes
   it with the *_GLOBAL instructions, and symtable reports it declared
   global there. */
static int
mark_module_global(struct symtable *st, PyObject *mangled)
{
    long val = _PyST_GetSymbol(st->st_top, mangled);
    if (PyErr_Occurred()) {
        return -1;
    }
    PyObject *v = PyLong_FromLong(val | DEF_GLOBAL);
    int r = v == NULL ? -1 : PyDict_SetItem(st->st_top->ste_symbols, mangled, v);
    Py_XDECREF(v);
    return r;
}

static int
add_def_in(struct symtable *st, PySTEntryObject *ste, PyObject *name,
           int flag, int lineno, int col, int end_lineno, int end_col)
{
    PyObject *mangled = _Py_Mangle(st->st_private, name);
    if (mangled == NULL) {
        return -1;
    }
    long val = 0;
    PyObject *o = PyDict_GetItemWithError(ste->ste_symbols, mangled);
    if (o != NULL) {
        val = PyLong_AsLong(o);
        if ((flag & DEF_PARAM) && (val & DEF_PARAM)) {
            _PyErr_SetSyntaxAt(st->st_filename, lineno, col, end_lineno,
                               end_col,
                               "duplicate argument '%U' in function definition",
                               name);
            Py_DECREF(mangled);
            return -1;
        }
        if ((flag & DEF_TYPE_PARAM) && (val & DEF_TYPE_PARAM)) {
            _PyErr_SetSyntaxAt(st->st_filename, lineno, col, end_lineno,
                               end_col, "duplicate type parameter '%U'",
                               name);
            Py_DECREF(mangled);
            return -1;
        }
    }
    else if (PyErr_Occurred()) {
        Py_DECREF(mangled);
        return -1;
    }
    val |= flag;
    PyObject *v = PyLong_FromLong(val);
    int r = v == NULL ? -1 : PyDict_SetItem(ste->ste_symbols, mangled, v);
    Py_XDECREF(v);
    if (r == 0 && (flag & DEF_PARAM)) {
        r = PyList_Append(ste->ste_varnames, mangled);
    }
    if (r == 0 && (flag & DEF_GLOBAL) && ste != st->st_top) {
        r = mark_module_global(st, mangled);
    }
    Py_DECREF(mangled);
    return r;
}

static int
add_def(struct symtable *st, PyObject *name, int flag, int lineno, int col,
        int end_lineno, int end_col)
{
    return add_def_in(st, st->st_cur, name, flag, lineno, col, end_lineno,
                      end_col);
}

#define VISIT_SEQ(st, kind, seq)                                        \
    do {                                                                \
        for (Py_ssize_t i_ = 0; i_ < asdl_seq_LEN(seq); i_++) {         \
            kind##_ty elt_ = asdl_seq_GET(seq, i_);                     \
            if (elt_ != NULL && st_visit_##kind((st), elt_) < 0)        \
                return -1;                                              \
        }                                                               \
    } while (0)

static int
st_visit_arg_defs(struct symtable *st, asdl_arg_seq *args)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        arg_ty a = asdl_seq_GET(args, i);
        if (add_def(st, a->arg, DEF_PARAM, LOC(a)) < 0) {
            return -1;
        }
    }
    return 0;
}

static int
st_visit_params(struct symtable *st, arguments_ty a)
{
    if (st_visit_arg_defs(st, a->posonlyargs) < 0 ||
        st_visit_arg_defs(st, a->args) < 0 ||
        st_visit_arg_defs(st, a->kwonlyargs) < 0) {
        return -1;
    }
    if (a->vararg) {
        if (add_def(st, a->vararg->arg, DEF_PARAM, LOC(a->vararg)) < 0) {
            return -1;
        }
        st->st_cur->ste_varargs = 1;
    }
    if (a->kwarg) {
        if (add_def(st, a->kwarg->arg, DEF_PARAM, LOC(a->kwarg)) < 0) {
            return -1;
        }
        st->st_cur->ste_varkeywords = 1;
    }
    return 0;
}

static int
st_visit_defaults(struct symtable *st, arguments_ty a)
{
    VISIT_SEQ(st, expr, a->defaults);
    VISIT_SEQ(st, expr, a->kw_defaults);
    return 0;
}

static int
arg_seq_has_annotation(asdl_arg_seq *args)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        if (asdl_seq_GET(args, i)->annotation) {
            return 1;
        }
    }
    return 0;
}

static int
has_annotations(arguments_ty a, expr_ty returns)
{
    return returns != NULL || arg_seq_has_annotation(a->posonlyargs) ||
           arg_seq_has_annotation(a->args) ||
           arg_seq_has_annotation(a->kwonlyargs) ||
           (a->vararg && a->vararg->annotation) ||
           (a->kwarg && a->kwarg->annotation);
}

static int
st_visit_annotation_seq(struct symtable *st, asdl_arg_seq *args)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        arg_ty a = asdl_seq_GET(args, i);
        if (a->annotation && st_visit_expr(st, a->annotation) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyObject *
name_str(const char *s)
{
    PyObject *r = PyUnicode_InternFromString(s);
    return r;
}

/* Scopes that can see a class namespace read it through the class's
   __classdict__ cell. */
static int
use_classdict(struct symtable *st, int lineno, int col, int end_lineno,
              int end_col)
{
    PyObject *cd = name_str("__classdict__");
    if (cd == NULL) {
        return -1;
    }
    int r = add_def(st, cd, USE, lineno, col, end_lineno, end_col);
    Py_DECREF(cd);
    return r;
}

/* A function's annotations live in their own __annotate__ scope (PEP 649),
   a child of the scope that defines the function; its key is the
   arguments node. */
static int
st_visit_function_annotations(struct symtable *st, stmt_ty s,
                              arguments_ty a, expr_ty returns)
{
    if (!has_annotations(a, returns)) {
        return 0;
    }
    PyObject *name = name_str("__annotate__");
    if (name == NULL) {
        return -1;
    }
    int r = enter_block(st, name, AnnotationBlock, (void *)a, LOC(s));
    Py_DECREF(name);
    if (r < 0) {
        return -1;
    }
    PySTEntryObject *ann = st->st_cur;
    PySTEntryObject *parent = st->st_depth >= 2 ? st->st_stack[st->st_depth - 2] : NULL;
    if (parent && (parent->ste_type == ClassBlock || parent->ste_can_see_class_scope)) {
        ann->ste_can_see_class_scope = 1;
        if (use_classdict(st, LOC(s)) < 0) {
            return -1;
        }
    }
    PyObject *format = name_str("format");
    if (format == NULL || add_def(st, format, DEF_PARAM, LOC(s)) < 0) {
        Py_XDECREF(format);
        return -1;
    }
    Py_DECREF(format);
    if (st_visit_annotation_seq(st, a->posonlyargs) < 0 ||
        st_visit_annotation_seq(st, a->args) < 0 ||
        (a->vararg && a->vararg->annotation &&
         st_visit_expr(st, a->vararg->annotation) < 0) ||
        st_visit_annotation_seq(st, a->kwonlyargs) < 0 ||
        (a->kwarg && a->kwarg->annotation &&
         st_visit_expr(st, a->kwarg->annotation) < 0) ||
        (returns && st_visit_expr(st, returns) < 0)) {
        return -1;
    }
    exit_block(st);
    return 0;
}

/* Module- and class-level `x: T` annotations are gathered into one
   __annotate__ scope per enclosing scope, created on first use. */
static int
st_visit_annassign_annotation(struct symtable *st, stmt_ty s)
{
    PySTEntryObject *cur = st->st_cur;
    if (cur->ste_annotation_block == NULL) {
        PyObject *name = name_str("__annotate__");
        if (name == NULL) {
            return -1;
        }
        int r = enter_block(st, name, AnnotationBlock,
                            (void *)&cur->ste_annotation_block, LOC(s));
        Py_DECREF(name);
        if (r < 0) {
            return -1;
        }
        cur->ste_annotation_block = st->st_cur;
        if (cur->ste_type == ClassBlock || cur->ste_can_see_class_scope) {
            st->st_cur->ste_can_see_class_scope = 1;
            if (use_classdict(st, LOC(s)) < 0) {
                return -1;
            }
        }
        PyObject *format = name_str("format");
        if (format == NULL || add_def(st, format, DEF_PARAM, LOC(s)) < 0) {
            Py_XDECREF(format);
            return -1;
        }
        Py_DECREF(format);
    }
    else {
        /* Re-enter the existing annotation scope. */
        if (grow(&st->st_stack, &st->st_stackcap, st->st_depth + 1,
                 sizeof(void *)) < 0) {
            return -1;
        }
        st->st_stack[st->st_depth++] = cur->ste_annotation_block;
        st->st_cur = cur->ste_annotation_block;
    }
    if (st_visit_expr(st, s->v.AnnAssign.annotation) < 0) {
        return -1;
    }
    exit_block(st);
    return 0;
}

/* Lazily evaluated scopes of PEP 649/695 take a `format` argument, and
   read the class namespace through __classdict__ when inside a class. */
static int
setup_annotation_like_scope(struct symtable *st, int lineno, int col,
                            int end_lineno, int end_col)
{
    PyObject *format = name_str("format");
    if (format == NULL) {
        return -1;
    }
    int r = add_def(st, format, DEF_PARAM, lineno, col, end_lineno, end_col);
    Py_DECREF(format);
    if (r == 0 && st->st_cur->ste_can_see_class_scope) {
        r = use_classdict(st, lineno, col, end_lineno, end_col);
    }
    return r;
}

static int
st_visit_type_params(struct symtable *st, asdl_type_param_seq *tps)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(tps); i++) {
        type_param_ty tp = asdl_seq_GET(tps, i);
        identifier name;
        expr_ty bound = NULL, dflt;
        switch (tp->kind) {
        case TypeVar_kind:
            name = tp->v.TypeVar.name;
            bound = tp->v.TypeVar.bound;
            dflt = tp->v.TypeVar.default_value;
            break;
        case ParamSpec_kind:
            name = tp->v.ParamSpec.name;
            dflt = tp->v.ParamSpec.default_value;
            break;
        default:
            name = tp->v.TypeVarTuple.name;
            dflt = tp->v.TypeVarTuple.default_value;
            break;
        }
        if (add_def(st, name, DEF_TYPE_PARAM | DEF_LOCAL, LOC(tp)) < 0) {
            return -1;
        }
        expr_ty lazy[2] = { bound, dflt };
        const char *info[2] = {
            bound != NULL && bound->kind == Tuple_kind
                ? "a TypeVar constraint" : "a TypeVar bound",
            tp->kind == TypeVar_kind ? "a TypeVar default"
            : tp->kind == ParamSpec_kind ? "a ParamSpec default"
            : "a TypeVarTuple default" };
        for (int j = 0; j < 2; j++) {
            if (lazy[j] == NULL) {
                continue;
            }
            if (enter_block(st, name, TypeVariableBlock, (void *)lazy[j],
                            LOC(tp)) < 0) {
                return -1;
            }
            st->st_cur->ste_scope_info = info[j];
            st->st_cur->ste_can_see_class_scope =
                st->st_stack[st->st_depth - 2]->ste_can_see_class_scope;
            if (setup_annotation_like_scope(st, LOC(tp)) < 0 ||
                st_visit_expr(st, lazy[j]) < 0) {
                return -1;
            }
            exit_block(st);
        }
    }
    return 0;
}

/* Enter the PEP 695 scope holding the type parameters of a generic
   function, class or alias (keyed by the type_params sequence). */
static int
enter_type_params_block(struct symtable *st, stmt_ty s, PyObject *name,
                        asdl_type_param_seq *tps, int is_class)
{
    PyObject *scope_name = PyUnicode_FromFormat("<generic parameters of %U>",
                                                name);
    if (scope_name == NULL) {
        return -1;
    }
    int in_class = st->st_cur->ste_type == ClassBlock;
    int r = enter_block(st, scope_name, TypeParametersBlock, (void *)tps,
                        LOC(s));
    Py_DECREF(scope_name);
    if (r < 0) {
        return -1;
    }
    st->st_cur->ste_can_see_class_scope = in_class;
    if (in_class) {
        PyObject *cd = name_str("__classdict__");
        if (cd == NULL || add_def_in(st, st->st_cur, cd, USE, LOC(s)) < 0) {
            Py_XDECREF(cd);
            return -1;
        }
        Py_DECREF(cd);
    }
    if (!is_class && s->kind != TypeAlias_kind) {
        arguments_ty a = s->kind == FunctionDef_kind ? s->v.FunctionDef.args
                                                     : s->v.AsyncFunctionDef.args;
        int has_kwdefaults = 0;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(a->kw_defaults); i++) {
            if (asdl_seq_GET(a->kw_defaults, i) != NULL) {
                has_kwdefaults = 1;
            }
        }
        const char *params[2] = { ".defaults", ".kwdefaults" };
        int present[2] = { asdl_seq_LEN(a->defaults) > 0, has_kwdefaults };
        for (int k = 0; k < 2; k++) {
            if (!present[k]) {
                continue;
            }
            PyObject *pname = name_str(params[k]);
            int ok = pname != NULL && add_def(st, pname, DEF_PARAM, LOC(s)) == 0;
            Py_XDECREF(pname);
            if (!ok) {
                return -1;
            }
        }
    }
    if (is_class) {
        PyObject *tp = name_str(".type_params");
        PyObject *gb = name_str(".generic_base");
        int ok = tp && gb &&
                 add_def(st, tp, DEF_LOCAL, LOC(s)) == 0 &&
                 add_def(st, gb, DEF_LOCAL, LOC(s)) == 0;
        Py_XDECREF(tp);
        Py_XDECREF(gb);
        if (!ok) {
            return -1;
        }
    }
    return st_visit_type_params(st, tps);
}

static int
st_visit_function(struct symtable *st, stmt_ty s, int is_async)
{
    identifier name = is_async ? s->v.AsyncFunctionDef.name : s->v.FunctionDef.name;
    arguments_ty args = is_async ? s->v.AsyncFunctionDef.args : s->v.FunctionDef.args;
    asdl_stmt_seq *body = is_async ? s->v.AsyncFunctionDef.body : s->v.FunctionDef.body;
    asdl_expr_seq *decos = is_async ? s->v.AsyncFunctionDef.decorator_list
                                    : s->v.FunctionDef.decorator_list;
    expr_ty returns = is_async ? s->v.AsyncFunctionDef.returns : s->v.FunctionDef.returns;
    asdl_type_param_seq *tps = is_async ? s->v.AsyncFunctionDef.type_params
                                        : s->v.FunctionDef.type_params;
    if (add_def(st, name, DEF_LOCAL, LOC(s)) < 0) {
        return -1;
    }
    VISIT_SEQ(st, expr, decos);
    if (st_visit_defaults(st, args) < 0) {
        return -1;
    }
    int generic = asdl_seq_LEN(tps) > 0;
    if (generic && enter_type_params_block(st, s, name, tps, 0) < 0) {
        return -1;
    }
    if (st_visit_function_annotations(st, s, args, returns) < 0) {
        return -1;
    }
    if (enter_block(st, name, FunctionBlock, (void *)s, LOC(s)) < 0) {
        return -1;
    }
    if (generic) {
        st->st_cur->ste_method = 0;
        if (st->st_stack[st->st_depth - 3]->ste_type == ClassBlock) {
            st->st_cur->ste_method = 1;
        }
    }
    if (is_async) {
        st->st_cur->ste_coroutine = 1;
    }
    if (st_visit_params(st, args) < 0) {
        return -1;
    }
    VISIT_SEQ(st, stmt, body);
    exit_block(st);
    if (generic) {
        exit_block(st);
    }
    return 0;
}

static int
st_visit_class(struct symtable *st, stmt_ty s)
{
    identifier name = s->v.ClassDef.name;
    if (add_def(st, name, DEF_LOCAL, LOC(s)) < 0) {
        return -1;
    }
    VISIT_SEQ(st, expr, s->v.ClassDef.decorator_list);
    asdl_type_param_seq *tps = s->v.ClassDef.type_params;
    int generic = asdl_seq_LEN(tps) > 0;
    if (generic && enter_type_params_block(st, s, name, tps, 1) < 0) {
        return -1;
    }
    VISIT_SEQ(st, expr, s->v.ClassDef.bases);
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(s->v.ClassDef.keywords); i++) {
        keyword_ty k = asdl_seq_GET(s->v.ClassDef.keywords, i);
        if (st_visit_expr(st, k->value) < 0) {
            return -1;
        }
    }
    PyObject *saved_private = st->st_private;
    if (enter_block(st, name, ClassBlock, (void *)s, LOC(s)) < 0) {
        return -1;
    }
    st->st_private = Py_NewRef(name);
    if (generic) {
        PyObject *tp = name_str("__type_params__");
        PyObject *dtp = name_str(".type_params");
        int ok = tp && dtp && add_def(st, tp, DEF_LOCAL, LOC(s)) == 0 &&
                 add_def(st, dtp, USE, LOC(s)) == 0;
        Py_XDECREF(tp);
        Py_XDECREF(dtp);
        if (!ok) {
            return -1;
        }
    }
    int r = 0;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(s->v.ClassDef.body); i++) {
        if (st_visit_stmt(st, asdl_seq_GET(s->v.ClassDef.body, i)) < 0) {
            r = -1;
            break;
        }
    }
    Py_XDECREF(st->st_private);
    st->st_private = saved_private;
    if (r < 0) {
        return -1;
    }
    exit_block(st);
    if (generic) {
        exit_block(st);
    }
    return 0;
}

static int extend_namedexpr_scope_mangled(struct symtable *st,
                                          expr_ty target, PyObject *name,
                                          PyObject *mangled);

/* What an annotation-like scope is called in messages ("a type alias"),
   or NULL for a scope that may hold yield, await and walrus. */
static const char *
annotation_like_scope(PySTEntryObject *ste)
{
    switch (ste->ste_type) {
    case AnnotationBlock:
        return "an annotation";
    case TypeAliasBlock:
        return "a type alias";
    case TypeVariableBlock:
        /* "a TypeVar bound", "... constraint" or "... default". */
        return ste->ste_scope_info;
    case TypeParametersBlock:
        return "the definition of a generic";
    default:
        return NULL;
    }
}

/* Where an assignment expression in a comprehension binds: the nearest
   enclosing scope that is not a comprehension. */
static int
st_extend_namedexpr_scope(struct symtable *st, expr_ty target)
{
    PyObject *name = target->v.Name.id;
    /* Symbols are stored mangled (add_def_in): `global __x` in a method
       of class C is recorded as _C__x, and a walrus target `__x` must
       find it under that name. */
    PyObject *mangled = _Py_Mangle(st->st_private, name);
    if (mangled == NULL) {
        return -1;
    }
    int r = extend_namedexpr_scope_mangled(st, target, name, mangled);
    Py_DECREF(mangled);
    return r;
}

/* The walk of st_extend_namedexpr_scope: name is the target as written
   (for add_def, which mangles, and for messages), mangled the key to look
   it up in the enclosing scopes' tables (borrowed, both). */
static int
extend_namedexpr_scope_mangled(struct symtable *st, expr_ty target,
                               PyObject *name, PyObject *mangled)
{
    for (Py_ssize_t i = st->st_depth - 1; i >= 0; i--) {
        PySTEntryObject *ste = st->st_stack[i];
        if (ste->ste_comprehension) {
            long flags = _PyST_GetSymbol(ste, mangled);
            if (flags & DEF_COMP_ITER) {
                return _PyErr_SetSyntaxAt(st->st_filename, LOC(target),
                    "assignment expression cannot rebind comprehension "
                    "iteration variable '%U'", name);
            }
            continue;
        }
        if (ste->ste_type == FunctionBlock) {
            long flags = _PyST_GetSymbol(ste, mangled);
            if (flags & DEF_GLOBAL) {
                if (add_def(st, name, DEF_GLOBAL, LOC(target)) < 0) {
                    return -1;
                }
            }
            else if (add_def(st, name, DEF_NONLOCAL, LOC(target)) < 0) {
                return -1;
            }
            return add_def_in(st, ste, name, DEF_LOCAL, LOC(target));
        }
        if (ste->ste_type == ModuleBlock) {
            if (add_def(st, name, DEF_GLOBAL, LOC(target)) < 0) {
                return -1;
            }
            return add_def_in(st, ste, name, DEF_GLOBAL, LOC(target));
        }
        if (ste->ste_type == ClassBlock) {
            return _PyErr_SetSyntaxAt(st->st_filename, LOC(target),
                "assignment expression within a comprehension cannot be "
                "used in a class body");
        }
        if (ste->ste_type == TypeParametersBlock ||
            ste->ste_type == TypeAliasBlock ||
            ste->ste_type == TypeVariableBlock) {
            return _PyErr_SetSyntaxAt(st->st_filename, LOC(target),
                "assignment expression within a comprehension cannot be "
                "used %s %s",
                ste->ste_type == TypeParametersBlock ? "within" : "in",
                /* CPython names every TypeVar scope "a TypeVar bound"
                   in this message, constraints and defaults included. */
                ste->ste_type == TypeVariableBlock
                    ? "a TypeVar bound" : annotation_like_scope(ste));
        }
        break;
    }
    return _PyErr_SetSyntaxAt(st->st_filename, LOC(target),
        "assignment expression cannot be used in a comprehension iterable "
        "expression");
}

static int
st_visit_comprehension_generators(struct symtable *st,
                                  asdl_comprehension_seq *gens, int first)
{
    for (Py_ssize_t i = first; i < asdl_seq_LEN(gens); i++) {
        comprehension_ty g = asdl_seq_GET(gens, i);
        if (i > 0) {
            st->st_cur->ste_comp_iter_expr++;
            if (st_visit_expr(st, g->iter) < 0) {
                return -1;
            }
            st->st_cur->ste_comp_iter_expr--;
        }
        st->st_cur->ste_comp_iter_target = 1;
        if (st_visit_expr(st, g->target) < 0) {
            return -1;
        }
        st->st_cur->ste_comp_iter_target = 0;
        VISIT_SEQ(st, expr, g->ifs);
        if (g->is_async) {
            st->st_cur->ste_coroutine = 1;
        }
    }
    return 0;
}

static int
st_visit_comprehension(struct symtable *st, expr_ty e,
                       asdl_comprehension_seq *gens, expr_ty elt,
                       expr_ty value, _Py_comprehension_ty kind)
{
    comprehension_ty outer = asdl_seq_GET(gens, 0);
    /* The outermost iterator is evaluated in the enclosing scope. */
    st->st_cur->ste_comp_iter_expr++;
    if (st_visit_expr(st, outer->iter) < 0) {
        return -1;
    }
    st->st_cur->ste_comp_iter_expr--;
    static const char *const names[] = {
        NULL, "<listcomp>", "<dictcomp>", "<setcomp>", "<genexpr>" };
    PyObject *name = name_str(names[kind]);
    if (name == NULL) {
        return -1;
    }
    int r = enter_block(st, name, FunctionBlock, (void *)e, LOC(e));
    Py_DECREF(name);
    if (r < 0) {
        return -1;
    }
    PySTEntryObject *comp = st->st_cur;
    comp->ste_comprehension = kind;
    if (kind == GeneratorExpression) {
        comp->ste_generator = 1;
    }
    if (outer->is_async) {
        comp->ste_coroutine = 1;
    }
    PyObject *dot0 = name_str(".0");
    if (dot0 == NULL || add_def(st, dot0, DEF_PARAM, LOC(e)) < 0) {
        Py_XDECREF(dot0);
        return -1;
    }
    Py_DECREF(dot0);
    if (st_visit_comprehension_generators(st, gens, 0) < 0) {
        return -1;
    }
    if (value != NULL && st_visit_expr(st, value) < 0) {
        return -1;
    }
    if (st_visit_expr(st, elt) < 0) {
        return -1;
    }
    exit_block(st);
    /* An asynchronous comprehension inside another comprehension makes
       the outer one asynchronous too (it awaits the inner one). */
    if (comp->ste_coroutine && kind != GeneratorExpression &&
        (st->st_cur->ste_comprehension ||
         st->st_cur->ste_type == ModuleBlock)) {
        st->st_cur->ste_coroutine = 1;
    }
    return 0;
}

/* Remembers where `name` was declared global or nonlocal in the current
   scope, so that errors found later (by analyze_name) point at the
   statement rather than at the scope. */
static int
record_directive(struct symtable *st, PyObject *mangled, stmt_ty s)
{
    PySTEntryObject *cur = st->st_cur;
    if (cur->ste_directives == NULL) {
        cur->ste_directives = PyList_New(0);
        if (cur->ste_directives == NULL) {
            return -1;
        }
    }
    PyObject *entry = Py_BuildValue("(Oiiii)", mangled, s->lineno, s->col_offset,
                                    s->end_lineno, s->end_col_offset);
    if (entry == NULL) {
        return -1;
    }
    int r = PyList_Append(cur->ste_directives, entry);
    Py_DECREF(entry);
    return r;
}

/* Raises SyntaxError(msg % name) at the first global/nonlocal statement
   of `ste` naming `key` (a mangled name), or at the scope when there is
   none. */
static int
directive_error(PySTEntryObject *ste, PyObject *key, PyObject *name,
                const char *msg)
{
    struct symtable *st = ste->ste_table;
    Py_ssize_t n = ste->ste_directives ? PyList_GET_SIZE(ste->ste_directives) : 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *entry = PyList_GET_ITEM(ste->ste_directives, i);
        if (PyUnicode_Compare(PyTuple_GET_ITEM(entry, 0), key) == 0) {
            return _PyErr_SetSyntaxAt(st->st_filename,
                PyLong_AsInt(PyTuple_GET_ITEM(entry, 1)),
                PyLong_AsInt(PyTuple_GET_ITEM(entry, 2)),
                PyLong_AsInt(PyTuple_GET_ITEM(entry, 3)),
                PyLong_AsInt(PyTuple_GET_ITEM(entry, 4)), msg, name);
        }
    }
    return _PyErr_SetSyntaxAt(st->st_filename, ste->ste_lineno,
                              ste->ste_col_offset, ste->ste_end_lineno,
                              ste->ste_end_col_offset, msg, name);
}

/* One name of a global or nonlocal statement `s`: records it, and
   rejects a name the scope already used, bound or declared otherwise. */
static int
check_directive(struct symtable *st, stmt_ty s, int is_global, PyObject *name,
                PyObject *mangled)
{
    PySTEntryObject *cur = st->st_cur;
    long cur_flags = _PyST_GetSymbol(cur, mangled);
    if (record_directive(st, mangled, s) < 0) {
        return -1;
    }
    const char *what = is_global ? "global" : "nonlocal";
    if (cur_flags & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
        const char *msg;
        if (cur_flags & DEF_PARAM) {
            msg = "name '%U' is parameter and %s";
        }
        else if (cur_flags & USE) {
            msg = "name '%U' is used prior to %s declaration";
        }
        else if (cur_flags & DEF_ANNOT) {
            msg = "annotated name '%U' can't be %s";
        }
        else {
            msg = "name '%U' is assigned to before %s declaration";
        }
        return _PyErr_SetSyntaxAt(st->st_filename, LOC(s), msg, name, what);
    }
    if (cur_flags & (is_global ? DEF_NONLOCAL : DEF_GLOBAL)) {
        /* Reported at the first of the two statements. */
        return directive_error(cur, mangled, name,
                               "name '%U' is nonlocal and global");
    }
    return 0;
}

static int
st_visit_global_nonlocal(struct symtable *st, stmt_ty s, int is_global)
{
    asdl_identifier_seq *names = is_global ? s->v.Global.names : s->v.Nonlocal.names;
    PySTEntryObject *cur = st->st_cur;
    if (!is_global && cur->ste_type == ModuleBlock) {
        return _PyErr_SetSyntaxAt(st->st_filename, LOC(s),
                                  "nonlocal declaration not allowed at module level");
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(names); i++) {
        PyObject *name = asdl_seq_GET(names, i);
        PyObject *mangled = _Py_Mangle(st->st_private, name);
        if (mangled == NULL) {
            return -1;
        }
        int r = check_directive(st, s, is_global, name, mangled);
        Py_DECREF(mangled);
        if (r < 0 ||
            add_def(st, name, is_global ? DEF_GLOBAL : DEF_NONLOCAL, LOC(s)) < 0) {
            return -1;
        }
    }
    return 0;
}

static int
st_visit_alias(struct symtable *st, alias_ty a)
{
    PyObject *store_name;
    PyObject *name = a->asname ? a->asname : a->name;
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0,
                                        PyUnicode_GET_LENGTH(name), 1);
    if (dot != -1) {
        store_name = PyUnicode_Substring(name, 0, dot);
        if (store_name == NULL) {
            return -1;
        }
    }
    else {
        store_name = Py_NewRef(name);
    }
    int r;
    if (PyUnicode_CompareWithASCIIString(name, "*") == 0) {
        if (st->st_cur->ste_type != ModuleBlock) {
            r = _PyErr_SetSyntaxAt(st->st_filename, LOC(a),
                                   "import * only allowed at module level");
        }
        else {
            r = 0;
        }
    }
    else {
        r = add_def(st, store_name, DEF_IMPORT, LOC(a));
    }
    Py_DECREF(store_name);
    return r;
}

static int
st_visit_withitem(struct symtable *st, withitem_ty w)
{
    if (st_visit_expr(st, w->context_expr) < 0) {
        return -1;
    }
    if (w->optional_vars && st_visit_expr(st, w->optional_vars) < 0) {
        return -1;
    }
    return 0;
}

static int
st_visit_excepthandler(struct symtable *st, excepthandler_ty h)
{
    if (h->v.ExceptHandler.type &&
        st_visit_expr(st, h->v.ExceptHandler.type) < 0) {
        return -1;
    }
    if (h->v.ExceptHandler.name &&
        add_def(st, h->v.ExceptHandler.name, DEF_LOCAL, LOC(h)) < 0) {
        return -1;
    }
    VISIT_SEQ(st, stmt, h->v.ExceptHandler.body);
    return 0;
}

static int
st_visit_pattern(struct symtable *st, pattern_ty p)
{
    switch (p->kind) {
    case MatchValue_kind:
        return st_visit_expr(st, p->v.MatchValue.value);
    case MatchSingleton_kind:
        return 0;
    case MatchSequence_kind:
        VISIT_SEQ(st, pattern, p->v.MatchSequence.patterns);
        return 0;
    case MatchStar_kind:
        if (p->v.MatchStar.name) {
            return add_def(st, p->v.MatchStar.name, DEF_LOCAL, LOC(p));
        }
        return 0;
    case MatchMapping_kind:
        VISIT_SEQ(st, expr, p->v.MatchMapping.keys);
        VISIT_SEQ(st, pattern, p->v.MatchMapping.patterns);
        if (p->v.MatchMapping.rest) {
            return add_def(st, p->v.MatchMapping.rest, DEF_LOCAL, LOC(p));
        }
        return 0;
    case MatchClass_kind:
        if (st_visit_expr(st, p->v.MatchClass.cls) < 0) {
            return -1;
        }
        VISIT_SEQ(st, pattern, p->v.MatchClass.patterns);
        VISIT_SEQ(st, pattern, p->v.MatchClass.kwd_patterns);
        return 0;
    case MatchAs_kind:
        if (p->v.MatchAs.pattern && st_visit_pattern(st, p->v.MatchAs.pattern) < 0) {
            return -1;
        }
        if (p->v.MatchAs.name) {
            return add_def(st, p->v.MatchAs.name, DEF_LOCAL, LOC(p));
        }
        return 0;
    case MatchOr_kind:
        VISIT_SEQ(st, pattern, p->v.MatchOr.patterns);
        return 0;
    }
    return 0;
}

/* PEP 810: `lazy import` is allowed only at module level and outside
   try statements; `what` is "import" or "from ... import". */
static int
check_lazy_import(struct symtable *st, stmt_ty s, const char *what)
{
    PySTEntryObject *scope = st->st_cur;
    const char *where = NULL;
    if (scope->ste_type == ClassBlock) {
        where = "classes";
    }
    else if (scope->ste_type != ModuleBlock) {
        where = "functions";
    }
    else if (scope->ste_try_depth > 0) {
        where = "try/except blocks";
    }
    if (where == NULL) {
        return 0;
    }
    return _PyErr_SetSyntaxAt(st->st_filename, LOC(s),
                              "lazy %s not allowed inside %s", what, where);
}

static int
st_visit_stmt(struct symtable *st, stmt_ty s)
{
    if (++st->recursion_depth > st->recursion_limit) {
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded during compilation");
        return -1;
    }
    int r = 0;
    int conditional = s->kind == If_kind || s->kind == For_kind ||
                      s->kind == AsyncFor_kind || s->kind == While_kind ||
                      s->kind == With_kind || s->kind == AsyncWith_kind ||
                      s->kind == Match_kind || s->kind == Try_kind ||
                      s->kind == TryStar_kind;
    PySTEntryObject *scope = st->st_cur;
    if (conditional) {
        scope->ste_cond_depth++;
    }
    switch (s->kind) {
    case FunctionDef_kind:
        r = st_visit_function(st, s, 0);
        break;
    case AsyncFunctionDef_kind:
        r = st_visit_function(st, s, 1);
        break;
    case ClassDef_kind:
        r = st_visit_class(st, s);
        break;
    case Return_kind:
        if (s->v.Return.value) {
            st->st_cur->ste_returns_value = 1;
            r = st_visit_expr(st, s->v.Return.value);
        }
        break;
    case Delete_kind:
        VISIT_SEQ(st, expr, s->v.Delete.targets);
        break;
    case Assign_kind:
        VISIT_SEQ(st, expr, s->v.Assign.targets);
        r = st_visit_expr(st, s->v.Assign.value);
        break;
    case TypeAlias_kind: {
        expr_ty name = s->v.TypeAlias.name;
        r = st_visit_expr(st, name);
        if (r < 0) {
            break;
        }
        asdl_type_param_seq *tps = s->v.TypeAlias.type_params;
        int generic = asdl_seq_LEN(tps) > 0;
        if (generic && enter_type_params_block(st, s, name->v.Name.id,
                                               tps, 0) < 0) {
            return -1;
        }
        int in_class = st->st_cur->ste_type == ClassBlock ||
                       st->st_cur->ste_can_see_class_scope;
        if (enter_block(st, name->v.Name.id, TypeAliasBlock,
                        (void *)s, LOC(s)) < 0) {
            return -1;
        }
        st->st_cur->ste_can_see_class_scope = in_class;
        if (setup_annotation_like_scope(st, LOC(s)) < 0) {
            return -1;
        }
        r = st_visit_expr(st, s->v.TypeAlias.value);
        exit_block(st);
        if (generic) {
            exit_block(st);
        }
        break;
    }
    case AugAssign_kind:
        r = st_visit_expr(st, s->v.AugAssign.target);
        if (r == 0) r = st_visit_expr(st, s->v.AugAssign.value);
        break;
    case AnnAssign_kind: {
        expr_ty target = s->v.AnnAssign.target;
        if (target->kind == Name_kind) {
            long cur = _PyST_GetSymbol(st->st_cur, target->v.Name.id);
            /* The module's own names may carry DEF_GLOBAL from a
               function's global statement: no error there. */
            if ((cur & (DEF_GLOBAL | DEF_NONLOCAL)) && s->v.AnnAssign.simple &&
                st->st_cur != st->st_top) {
                return _PyErr_SetSyntaxAt(st->st_filename, LOC(s),
                    (cur & DEF_GLOBAL) ? "annotated name '%U' can't be global"
                                       : "annotated name '%U' can't be nonlocal",
                    target->v.Name.id);
            }
            /* An annotated simple name is local to its scope even
               without a value ("x: int" makes x an unbound local). */
            if (s->v.AnnAssign.simple &&
                add_def(st, target->v.Name.id, DEF_ANNOT | DEF_LOCAL,
                        LOC(target)) < 0) {
                return -1;
            }
            /* "(x): int" without a value binds nothing. */
            if (s->v.AnnAssign.value) {
                if (st_visit_expr(st, target) < 0) {
                    return -1;
                }
            }
        }
        else if (st_visit_expr(st, target) < 0) {
            return -1;
        }
        if (s->v.AnnAssign.simple && _PyST_IsFunctionLike(st->st_cur) == 0) {
            r = st_visit_annassign_annotation(st, s);
            if (r < 0) {
                return -1;
            }
            /* PEP 749: an annotation whose statement may not run is
               recorded at run time in __conditional_annotations__. */
            if (target->kind == Name_kind && st->st_cur->ste_cond_depth > 0) {
                PySTEntryObject *cur = st->st_cur;
                PyObject *cond = name_str("__conditional_annotations__");
                int ok = cond != NULL &&
                         add_def(st, cond, DEF_LOCAL | USE, LOC(s)) == 0 &&
                         add_def_in(st, cur->ste_annotation_block, cond, USE,
                                    LOC(s)) == 0;
                Py_XDECREF(cond);
                if (!ok) {
                    return -1;
                }
                cur->ste_has_conditional_annotations = 1;
            }
        }
        else if (st->st_cur->ste_type != FunctionBlock) {
            /* Non-simple targets at module/class level: the annotation
               is not evaluated (PEP 649) but names must still exist. */
            r = st_visit_annassign_annotation(st, s);
            if (r < 0) {
                return -1;
            }
        }
        if (s->v.AnnAssign.value) {
            r = st_visit_expr(st, s->v.AnnAssign.value);
        }
        break;
    }
    case For_kind:
    case AsyncFor_kind:
        if (st->st_cur->ste_type == ModuleBlock) {
            st->st_cur->ste_coroutine = 1;      /* top-level await */
        }
        r = st_visit_expr(st, s->v.For.target);
        if (r == 0) r = st_visit_expr(st, s->v.For.iter);
        if (r == 0) { VISIT_SEQ(st, stmt, s->v.For.body); }
        if (r == 0) { VISIT_SEQ(st, stmt, s->v.For.orelse); }
        break;
    case While_kind:
        r = st_visit_expr(st, s->v.While.test);
        if (r == 0) { VISIT_SEQ(st, stmt, s->v.While.body); }
        if (r == 0) { VISIT_SEQ(st, stmt, s->v.While.orelse); }
        break;
    case If_kind:
        r = st_visit_expr(st, s->v.If.test);
        if (r == 0) { VISIT_SEQ(st, stmt, s->v.If.body); }
        if (r == 0) { VISIT_SEQ(st, stmt, s->v.If.orelse); }
        break;
    case With_kind:
    case AsyncWith_kind:
        if (st->st_cur->ste_type == ModuleBlock) {
            st->st_cur->ste_coroutine = 1;      /* top-level await */
        }
        VISIT_SEQ(st, withitem, s->v.With.items);
        VISIT_SEQ(st, stmt, s->v.With.body);
        break;
    case Match_kind:
        r = st_visit_expr(st, s->v.Match.subject);
        for (Py_ssize_t i = 0; r == 0 && i < asdl_seq_LEN(s->v.Match.cases); i++) {
            match_case_ty c = asdl_seq_GET(s->v.Match.cases, i);
            r = st_visit_pattern(st, c->pattern);
            if (r == 0 && c->guard) r = st_visit_expr(st, c->guard);
            if (r == 0) { VISIT_SEQ(st, stmt, c->body); }
        }
        break;
    case Raise_kind:
        if (s->v.Raise.exc) r = st_visit_expr(st, s->v.Raise.exc);
        if (r == 0 && s->v.Raise.cause) r = st_visit_expr(st, s->v.Raise.cause);
        break;
    case Try_kind:
    case TryStar_kind:
        scope->ste_try_depth++;
        VISIT_SEQ(st, stmt, s->v.Try.body);
        VISIT_SEQ(st, excepthandler, s->v.Try.handlers);
        VISIT_SEQ(st, stmt, s->v.Try.orelse);
        VISIT_SEQ(st, stmt, s->v.Try.finalbody);
        scope->ste_try_depth--;
        break;
    case Assert_kind:
        r = st_visit_expr(st, s->v.Assert.test);
        if (r == 0 && s->v.Assert.msg) r = st_visit_expr(st, s->v.Assert.msg);
        break;
    case Import_kind:
        if (s->v.Import.is_lazy && check_lazy_import(st, s, "import") < 0) {
            r = -1;
            break;
        }
        VISIT_SEQ(st, alias, s->v.Import.names);
        break;
    case ImportFrom_kind:
        if (s->v.ImportFrom.is_lazy &&
            check_lazy_import(st, s, "from ... import") < 0) {
            r = -1;
            break;
        }
        VISIT_SEQ(st, alias, s->v.ImportFrom.names);
        break;
    case Global_kind:
        r = st_visit_global_nonlocal(st, s, 1);
        break;
    case Nonlocal_kind:
        r = st_visit_global_nonlocal(st, s, 0);
        break;
    case Expr_kind:
        r = st_visit_expr(st, s->v.Expr.value);
        break;
    case Pass_kind:
    case Break_kind:
    case Continue_kind:
        break;
    }
    if (conditional) {
        scope->ste_cond_depth--;
    }
    st->recursion_depth--;
    return r;
}

static int
st_visit_keyword(struct symtable *st, keyword_ty k)
{
    return st_visit_expr(st, k->value);
}

/* "`what` expression cannot be used within ..." when `e` is in an
   annotation scope, a type alias, a type parameter's bound, constraints
   or default, or the definition of a generic: those are evaluated lazily
   or in a hidden function, where it could not act as written. */
static int
st_check_annotation_like(struct symtable *st, expr_ty e, const char *what)
{
    const char *where = annotation_like_scope(st->st_cur);
    if (where == NULL) {
        return 0;
    }
    return _PyErr_SetSyntaxAt(st->st_filename, LOC(e),
                              "%s expression cannot be used within %s",
                              what, where);
}

static int
st_check_yield(struct symtable *st, expr_ty e, const char *what)
{
    PySTEntryObject *cur = st->st_cur;
    /* 'await' is allowed in a comprehension: it makes the comprehension
       asynchronous, and codegen rejects it outside an async function. */
    if (cur->ste_comprehension && strcmp(what, "await") != 0) {
        static const char *const kinds[] = {
            NULL, "list comprehension", "dict comprehension",
            "set comprehension", "generator expression" };
        return _PyErr_SetSyntaxAt(st->st_filename, LOC(e),
                                  "'%s' inside %s", what,
                                  kinds[cur->ste_comprehension]);
    }
    return st_check_annotation_like(st, e, what);
}

static int
st_visit_expr(struct symtable *st, expr_ty e)
{
    if (++st->recursion_depth > st->recursion_limit) {
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded during compilation");
        return -1;
    }
    int r = 0;
    switch (e->kind) {
    case NamedExpr_kind:
        r = st_check_annotation_like(st, e, "named");
        if (r < 0) {
            break;
        }
        if (st->st_cur->ste_comp_iter_expr > 0) {
            r = _PyErr_SetSyntaxAt(st->st_filename, LOC(e),
                "assignment expression cannot be used in a comprehension "
                "iterable expression");
            break;
        }
        r = st_visit_expr(st, e->v.NamedExpr.value);
        if (r == 0 && st->st_cur->ste_comprehension) {
            r = st_extend_namedexpr_scope(st, e->v.NamedExpr.target);
        }
        else if (r == 0) {
            r = st_visit_expr(st, e->v.NamedExpr.target);
        }
        break;
    case BoolOp_kind:
        VISIT_SEQ(st, expr, e->v.BoolOp.values);
        break;
    case BinOp_kind:
        r = st_visit_expr(st, e->v.BinOp.left);
        if (r == 0) r = st_visit_expr(st, e->v.BinOp.right);
        break;
    case UnaryOp_kind:
        r = st_visit_expr(st, e->v.UnaryOp.operand);
        break;
    case Lambda_kind: {
        arguments_ty a = e->v.Lambda.args;
        if (st_visit_defaults(st, a) < 0) {
            return -1;
        }
        PyObject *name = name_str("<lambda>");
        if (name == NULL) {
            return -1;
        }
        r = enter_block(st, name, FunctionBlock, (void *)e, LOC(e));
        Py_DECREF(name);
        if (r < 0) {
            return -1;
        }
        if (st_visit_params(st, a) < 0 || st_visit_expr(st, e->v.Lambda.body) < 0) {
            return -1;
        }
        exit_block(st);
        break;
    }
    case IfExp_kind:
        r = st_visit_expr(st, e->v.IfExp.test);
        if (r == 0) r = st_visit_expr(st, e->v.IfExp.body);
        if (r == 0) r = st_visit_expr(st, e->v.IfExp.orelse);
        break;
    case Dict_kind:
        VISIT_SEQ(st, expr, e->v.Dict.keys);
        VISIT_SEQ(st, expr, e->v.Dict.values);
        break;
    case Set_kind:
        VISIT_SEQ(st, expr, e->v.Set.elts);
        break;
    case ListComp_kind:
        r = st_visit_comprehension(st, e, e->v.ListComp.generators,
                                   e->v.ListComp.elt, NULL, ListComprehension);
        break;
    case SetComp_kind:
        r = st_visit_comprehension(st, e, e->v.SetComp.generators,
                                   e->v.SetComp.elt, NULL, SetComprehension);
        break;
    case DictComp_kind:
        r = st_visit_comprehension(st, e, e->v.DictComp.generators,
                                   e->v.DictComp.key, e->v.DictComp.value,
                                   DictComprehension);
        break;
    case GeneratorExp_kind:
        r = st_visit_comprehension(st, e, e->v.GeneratorExp.generators,
                                   e->v.GeneratorExp.elt, NULL,
                                   GeneratorExpression);
        break;
    case Yield_kind:
    case YieldFrom_kind:
        /* CPython names both forms 'yield' in these messages. */
        r = st_check_yield(st, e, "yield");
        if (r == 0 && e->v.Yield.value) r = st_visit_expr(st, e->v.Yield.value);
        st->st_cur->ste_generator = 1;
        break;
    case Await_kind:
        r = st_check_yield(st, e, "await");
        if (r == 0) r = st_visit_expr(st, e->v.Await.value);
        st->st_cur->ste_coroutine = 1;
        break;
    case Compare_kind:
        r = st_visit_expr(st, e->v.Compare.left);
        if (r == 0) { VISIT_SEQ(st, expr, e->v.Compare.comparators); }
        break;
    case Call_kind:
        r = st_visit_expr(st, e->v.Call.func);
        if (r == 0) { VISIT_SEQ(st, expr, e->v.Call.args); }
        if (r == 0) { VISIT_SEQ(st, keyword, e->v.Call.keywords); }
        break;
    case FormattedValue_kind:
        r = st_visit_expr(st, e->v.FormattedValue.value);
        if (r == 0 && e->v.FormattedValue.format_spec)
            r = st_visit_expr(st, e->v.FormattedValue.format_spec);
        break;
    case Interpolation_kind:
        r = st_visit_expr(st, e->v.Interpolation.value);
        if (r == 0 && e->v.Interpolation.format_spec)
            r = st_visit_expr(st, e->v.Interpolation.format_spec);
        break;
    case JoinedStr_kind:
        VISIT_SEQ(st, expr, e->v.JoinedStr.values);
        break;
    case TemplateStr_kind:
        VISIT_SEQ(st, expr, e->v.TemplateStr.values);
        break;
    case Constant_kind:
        break;
    case Attribute_kind:
        r = st_visit_expr(st, e->v.Attribute.value);
        break;
    case Subscript_kind:
        r = st_visit_expr(st, e->v.Subscript.value);
        if (r == 0) r = st_visit_expr(st, e->v.Subscript.slice);
        break;
    case Starred_kind:
        r = st_visit_expr(st, e->v.Starred.value);
        break;
    case Slice_kind:
        if (e->v.Slice.lower) r = st_visit_expr(st, e->v.Slice.lower);
        if (r == 0 && e->v.Slice.upper) r = st_visit_expr(st, e->v.Slice.upper);
        if (r == 0 && e->v.Slice.step) r = st_visit_expr(st, e->v.Slice.step);
        break;
    case Name_kind: {
        int flag = e->v.Name.ctx == Load ? USE : DEF_LOCAL;
        if (flag == DEF_LOCAL && st->st_cur->ste_comp_iter_target) {
            /* An earlier assignment expression in this comprehension
               made the name global/nonlocal here. */
            if (_PyST_GetSymbol(st->st_cur, e->v.Name.id)
                    & (DEF_GLOBAL | DEF_NONLOCAL)) {
                r = _PyErr_SetSyntaxAt(st->st_filename, LOC(e),
                    "comprehension inner loop cannot rebind assignment "
                    "expression target '%U'", e->v.Name.id);
                break;
            }
            flag |= DEF_COMP_ITER;
        }
        r = add_def(st, e->v.Name.id, flag, LOC(e));
        /* Zero-argument super() needs the implicit __class__ cell. */
        if (r == 0 && e->v.Name.ctx == Load &&
            _PyST_IsFunctionLike(st->st_cur) &&
            PyUnicode_CompareWithASCIIString(e->v.Name.id, "super") == 0) {
            PyObject *cls = name_str("__class__");
            r = cls == NULL ? -1 : add_def(st, cls, USE, LOC(e));
            Py_XDECREF(cls);
        }
        break;
    }
    case List_kind:
        VISIT_SEQ(st, expr, e->v.List.elts);
        break;
    case Tuple_kind:
        VISIT_SEQ(st, expr, e->v.Tuple.elts);
        break;
    }
    st->recursion_depth--;
    return r;
}

/* ---- pass 2: resolving scopes ------------------------------------------ */

static int
set_scope(PySTEntryObject *ste, PyObject *name, long flags, int scope)
{
    PyObject *v = PyLong_FromLong((flags & ~(7L << SCOPE_OFFSET)) |
                                  ((long)scope << SCOPE_OFFSET));
    if (v == NULL) {
        return -1;
    }
    int r = PyDict_SetItem(ste->ste_symbols, name, v);
    Py_DECREF(v);
    return r;
}

static int
set_add(PyObject *set, PyObject *name)
{
    return PySet_Add(set, name);
}

static int
set_discard(PyObject *set, PyObject *name)
{
    return PySet_Discard(set, name) < 0 ? -1 : 0;
}

/* Resolve one name of `ste`; see the file comment for the rules. */
static int
analyze_name(PySTEntryObject *ste, PyObject *scopes, PyObject *name,
             long flags, PyObject *bound, PyObject *local, PyObject *free,
             PyObject *global, PySTEntryObject *class_entry)
{
    int scope;
    long class_flags = 0;
    if (class_entry != NULL && !(flags & (DEF_GLOBAL | DEF_NONLOCAL | DEF_BOUND))) {
        class_flags = _PyST_GetSymbol(class_entry, name);
    }
    if (class_flags & DEF_GLOBAL) {
        /* A name the class declares global is global in the scopes
           that see the class (annotations, type parameters, aliases). */
        return set_scope(ste, name, flags, GLOBAL_EXPLICIT);
    }
    if ((class_flags & DEF_BOUND) && !(class_flags & DEF_NONLOCAL)) {
        /* The class binds it: at run time the class namespace is read
           first, then the globals, never an enclosing function's
           binding (CPython's rule for scopes that see the class). */
        return set_scope(ste, name, flags, GLOBAL_IMPLICIT);
    }
    if (flags & DEF_GLOBAL) {
        if (flags & DEF_NONLOCAL) {
            return directive_error(ste, name, name,
                                   "name '%U' is nonlocal and global");
        }
        scope = GLOBAL_EXPLICIT;
        if (set_add(global, name) < 0 || (bound && set_discard(bound, name) < 0)) {
            return -1;
        }
    }
    else if (flags & DEF_NONLOCAL) {
        int found = bound ? PySet_Contains(bound, name) : 0;
        if (found < 0) {
            return -1;
        }
        if (!found) {
            return directive_error(ste, name, name,
                                   "no binding for nonlocal '%U' found");
        }
        scope = FREE;
        ste->ste_free = 1;
        if (set_add(free, name) < 0) {
            return -1;
        }
    }
    else if (flags & DEF_BOUND) {
        scope = LOCAL;
        if (set_add(local, name) < 0 || set_discard(global, name) < 0) {
            return -1;
        }
    }
    else {
        int in_bound = bound ? PySet_Contains(bound, name) : 0;
        if (in_bound < 0) {
            return -1;
        }
        if (in_bound) {
            scope = FREE;
            ste->ste_free = 1;
            if (set_add(free, name) < 0) {
                return -1;
            }
        }
        else {
            int in_global = PySet_Contains(global, name);
            if (in_global < 0) {
                return -1;
            }
            if (!in_global && ste->ste_nested) {
                ste->ste_free = 1;
            }
            scope = GLOBAL_IMPLICIT;
        }
    }
    (void)scopes;
    return set_scope(ste, name, flags, scope);
}

/* Locals of a function that a nested scope uses become cells. */
static int
analyze_cells(PySTEntryObject *ste, PyObject *free)
{
    Py_ssize_t pos = 0;
    PyObject *name, *v;
    PyObject *items = PyDict_Items(ste->ste_symbols);
    if (items == NULL) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items); i++) {
        PyObject *pair = PyList_GET_ITEM(items, i);
        name = PyTuple_GET_ITEM(pair, 0);
        v = PyTuple_GET_ITEM(pair, 1);
        long flags = PyLong_AsLong(v);
        if (SYMBOL_TO_SCOPE(flags) != LOCAL) {
            continue;
        }
        int in_free = PySet_Contains(free, name);
        if (in_free < 0) {
            Py_DECREF(items);
            return -1;
        }
        if (!in_free) {
            continue;
        }
        if (set_scope(ste, name, flags, CELL) < 0 ||
            set_discard(free, name) < 0) {
            Py_DECREF(items);
            return -1;
        }
    }
    (void)pos;
    Py_DECREF(items);
    return 0;
}

/* Names free in children but not bound here pass through this scope as
   free variables.  A class records them as DEF_FREE_CLASS so it can also
   have its own binding; so does a scope that sees the class (annotation
   and type scopes), where a name the class binds is read from the class
   namespace (GLOBAL_IMPLICIT) yet still passed on to nested functions. */
static int
update_symbols(PySTEntryObject *ste, PyObject *free)
{
    int is_class = ste->ste_type == ClassBlock;
    int sees_class = ste->ste_can_see_class_scope;
    PyObject *it = PyObject_GetIter(free);
    if (it == NULL) {
        return -1;
    }
    PyObject *name;
    while ((name = PyIter_Next(it)) != NULL) {
        PyObject *v = PyDict_GetItemWithError(ste->ste_symbols, name);
        int r = 0;
        if (v != NULL) {
            long flags = PyLong_AsLong(v);
            int scope = SYMBOL_TO_SCOPE(flags);
            if ((is_class && ((flags & DEF_BOUND) || (flags & DEF_GLOBAL))) ||
                (sees_class && scope != FREE && scope != CELL)) {
                r = set_scope(ste, name, flags | DEF_FREE_CLASS, scope);
            }
        }
        else if (!PyErr_Occurred()) {
            r = set_scope(ste, name, 0, FREE);
        }
        else {
            r = -1;
        }
        Py_DECREF(name);
        if (r < 0) {
            Py_DECREF(it);
            return -1;
        }
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

/* The implicit names a class body provides to the scopes nested in it:
   never free through the class (drop_class_free). */
static const char *const class_implicit_names[] = {
    "__class__", "__classdict__", "__conditional_annotations__", NULL };

static int
is_class_implicit_name(PyObject *name)
{
    for (int i = 0; class_implicit_names[i] != NULL; i++) {
        if (PyUnicode_CompareWithASCIIString(name, class_implicit_names[i]) == 0) {
            return 1;
        }
    }
    return 0;
}

static int
drop_class_free(PySTEntryObject *ste, PyObject *free)
{
    for (int i = 0; class_implicit_names[i] != NULL; i++) {
        PyObject *name = PyUnicode_InternFromString(class_implicit_names[i]);
        if (name == NULL) {
            return -1;
        }
        int found = PySet_Discard(free, name);
        Py_DECREF(name);
        if (found < 0) {
            return -1;
        }
        if (found) {
            if (i == 0) ste->ste_needs_class_closure = 1;
            else if (i == 1) ste->ste_needs_classdict = 1;
            else ste->ste_has_conditional_annotations = 1;
        }
    }
    return 0;
}

/* PEP 709: list, set and dict comprehensions directly inside a function,
   a class body or at module level run inline there (no function object);
   their iteration variables use fast slots of the enclosing code, saved
   and restored around the loop.  Nested scopes inside the comprehension
   (lambdas, generator expressions, comprehensions that are not inlined)
   are allowed: an iteration variable they close over becomes a cell of
   the enclosing code, given a fresh cell for each run of the
   comprehension.  An asynchronous comprehension is inlined only into a
   coroutine, which can await on its behalf. */
static int
is_inline_candidate(PySTEntryObject *parent, PySTEntryObject *child)
{
    return (parent->ste_type == FunctionBlock ||
            parent->ste_type == ModuleBlock ||
            parent->ste_type == ClassBlock) &&
           !parent->ste_can_see_class_scope &&
           (child->ste_comprehension == ListComprehension ||
            child->ste_comprehension == SetComprehension ||
            child->ste_comprehension == DictComprehension) &&
           (!child->ste_coroutine ||
            (parent->ste_type == FunctionBlock && parent->ste_coroutine)) &&
           !child->ste_generator;
}

static int
is_comprehension_local(long flags)
{
    return (flags & DEF_LOCAL) && !(flags & (DEF_PARAM | DEF_NONLOCAL | DEF_GLOBAL));
}

/* Whether `name` is free in a scope nested in `ste` that stays a real
   function (inlined comprehensions are looked through): such a scope
   closes over it, so the code that runs `ste` inline needs it as a cell. */
static int
is_captured_below(PySTEntryObject *ste, PyObject *name)
{
    for (Py_ssize_t i = 0; i < ste->ste_nchildren; i++) {
        PySTEntryObject *child = ste->ste_child[i];
        int found;
        if (child->ste_comp_inlined) {
            found = is_captured_below(child, name);
        }
        else {
            found = _PyST_GetScope(child, name) == FREE;
            if (!found && PyErr_Occurred()) {
                return -1;
            }
        }
        if (found != 0) {
            return found;
        }
    }
    return 0;
}

/* At module level and in a class body the iteration variables are not
   namespace names: they get hidden fast slots in the block's code, kept
   in ste_comp_hidden (name -> LOCAL, or CELL when a nested scope of any
   of the comprehensions closes over it). */
static int
inline_as_hidden_locals(PySTEntryObject *block, PySTEntryObject *comp)
{
    if (block->ste_comp_hidden == NULL) {
        block->ste_comp_hidden = PyDict_New();
        if (block->ste_comp_hidden == NULL) {
            return -1;
        }
    }
    Py_ssize_t pos = 0;
    PyObject *name, *v;
    while (PyDict_Next(comp->ste_symbols, &pos, &name, &v)) {
        long flags = PyLong_AsLong(v);
        if (!is_comprehension_local(flags)) {
            continue;
        }
        PyObject *old = PyDict_GetItemWithError(block->ste_comp_hidden, name);
        if (old == NULL && PyErr_Occurred()) {
            return -1;
        }
        int scope = SYMBOL_TO_SCOPE(flags) == CELL ? CELL : LOCAL;
        if (old != NULL && PyLong_AsLong(old) == CELL) {
            continue;
        }
        PyObject *s = PyLong_FromLong(scope);
        if (s == NULL || PyDict_SetItem(block->ste_comp_hidden, name, s) < 0) {
            Py_XDECREF(s);
            return -1;
        }
        Py_DECREF(s);
    }
    comp->ste_comp_inlined = 1;
    return 0;
}

/* Whether a comprehension in a class body may run inline: every name it
   reads from outside has the same scope in the class (or none there).
   The class's implicit names are no obstacle: the inlined code reads them
   as globals (demote_class_implicit). */
static int
fits_class_body(PySTEntryObject *cls, PySTEntryObject *comp)
{
    Py_ssize_t pos = 0;
    PyObject *name, *v;
    while (PyDict_Next(comp->ste_symbols, &pos, &name, &v)) {
        long flags = PyLong_AsLong(v);
        if (is_comprehension_local(flags) || is_class_implicit_name(name)) {
            continue;
        }
        PyObject *class_value = PyDict_GetItemWithError(cls->ste_symbols, name);
        if (class_value == NULL) {
            if (PyErr_Occurred()) {
                return -1;
            }
            continue;
        }
        if (SYMBOL_TO_SCOPE(PyLong_AsLong(class_value)) != SYMBOL_TO_SCOPE(flags)) {
            return 0;
        }
    }
    return 1;
}

/* As in CPython, `__class__` (and the other implicit names) is never free
   through a class body: a comprehension inlined there reads it as an
   implicit global.  It stays free (so the class still makes its cell)
   only when a real nested scope of the comprehension closes over it. */
static int
demote_class_implicit(PySTEntryObject *comp, PyObject *comp_free)
{
    for (int i = 0; class_implicit_names[i] != NULL; i++) {
        PyObject *name = PyUnicode_InternFromString(class_implicit_names[i]);
        if (name == NULL) {
            return -1;
        }
        PyObject *v = PyDict_GetItemWithError(comp->ste_symbols, name);
        int r = 0;
        if (v != NULL && SYMBOL_TO_SCOPE(PyLong_AsLong(v)) == FREE) {
            r = set_scope(comp, name, PyLong_AsLong(v), GLOBAL_IMPLICIT);
            int captured = r < 0 ? -1 : is_captured_below(comp, name);
            r = captured < 0 ? -1
                : captured ? 0 : set_discard(comp_free, name);
        }
        else if (v == NULL && PyErr_Occurred()) {
            r = -1;
        }
        Py_DECREF(name);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

/* Gives `block` the global scope of the names the comprehension reads as
   globals and `block` does not know yet: its code now reads them. */
static int
adopt_comprehension_globals(PySTEntryObject *block, PySTEntryObject *comp)
{
    Py_ssize_t pos = 0;
    PyObject *name, *v;
    while (PyDict_Next(comp->ste_symbols, &pos, &name, &v)) {
        long flags = PyLong_AsLong(v);
        int scope = SYMBOL_TO_SCOPE(flags);
        if ((flags & DEF_PARAM) ||
            (scope != GLOBAL_IMPLICIT && scope != GLOBAL_EXPLICIT)) {
            continue;
        }
        int has = PyDict_Contains(block->ste_symbols, name);
        if (has < 0 || (!has && set_scope(block, name, flags, scope) < 0)) {
            return -1;
        }
    }
    return 0;
}

/* Inlining into a class body: the iteration variables become hidden fast
   slots, globals the comprehension reads get their scope in the class
   (the code generator reads them with LOAD_GLOBAL there), and its free
   names pass through the class as they did before. */
static int
inline_into_class(PySTEntryObject *cls, PySTEntryObject *comp,
                  PyObject *comp_free, PyObject *newfree)
{
    int fits = fits_class_body(cls, comp);
    if (fits <= 0) {
        return fits < 0 ? -1 : _PySet_Update(newfree, comp_free);
    }
    if (inline_as_hidden_locals(cls, comp) < 0 ||
        demote_class_implicit(comp, comp_free) < 0 ||
        adopt_comprehension_globals(cls, comp) < 0) {
        return -1;
    }
    return _PySet_Update(newfree, comp_free);
}

/* Whether `name`, bound by the comprehension, can share the function's
   slot of that name: the function binds it too (any use there is then a
   plain local or a cell), or nothing else in the function refers to it,
   neither its other nested scopes (`newfree`) nor its other candidate
   comprehensions as a free name (`candidate_free`, one set each). */
static int
can_share_slot(PySTEntryObject *fn, PyObject *name, PyObject *newfree,
               PyObject *candidate_free, PyObject *own_free)
{
    PyObject *pv = PyDict_GetItemWithError(fn->ste_symbols, name);
    if (pv != NULL) {
        return SYMBOL_TO_SCOPE(PyLong_AsLong(pv)) == LOCAL;
    }
    if (PyErr_Occurred()) {
        return -1;
    }
    int used = PySet_Contains(newfree, name);
    for (Py_ssize_t i = 0; used == 0 && i < PyList_GET_SIZE(candidate_free); i++) {
        PyObject *other = PyList_GET_ITEM(candidate_free, i);
        if (other != own_free) {
            used = PySet_Contains(other, name);
        }
    }
    return used < 0 ? -1 : !used;
}

/* Inlining into a function: the comprehension's own names become locals
   of the function (cells when a nested scope closes over them); names it
   reads from the function stay plain locals unless a nested scope inside
   the comprehension captures them; the others pass through as before. */
static int
inline_into_function(PySTEntryObject *fn, PySTEntryObject *comp,
                     PyObject *comp_free, PyObject *newfree, PyObject *local,
                     PyObject *candidate_free)
{
    Py_ssize_t pos = 0;
    PyObject *name, *v;
    while (PyDict_Next(comp->ste_symbols, &pos, &name, &v)) {
        if (!is_comprehension_local(PyLong_AsLong(v))) {
            continue;
        }
        int ok = can_share_slot(fn, name, newfree, candidate_free, comp_free);
        if (ok <= 0) {
            return ok < 0 ? -1 : _PySet_Update(newfree, comp_free);
        }
    }
    comp->ste_comp_inlined = 1;
    pos = 0;
    while (PyDict_Next(comp->ste_symbols, &pos, &name, &v)) {
        long flags = PyLong_AsLong(v);
        if (!is_comprehension_local(flags)) {
            continue;
        }
        int has = PyDict_Contains(fn->ste_symbols, name);
        if (has < 0 || (!has && set_scope(fn, name, DEF_LOCAL | DEF_COMP_ITER,
                                          LOCAL) < 0)) {
            return -1;
        }
        /* analyze_cells turns the function's name into a cell. */
        if (SYMBOL_TO_SCOPE(flags) == CELL && PySet_Add(newfree, name) < 0) {
            return -1;
        }
    }
    if (adopt_comprehension_globals(fn, comp) < 0) {
        return -1;
    }
    PyObject *it = PyObject_GetIter(comp_free);
    if (it == NULL) {
        return -1;
    }
    while ((name = PyIter_Next(it)) != NULL) {
        int keep = PySet_Contains(local, name);
        if (keep == 1) {
            keep = is_captured_below(comp, name);
        }
        else if (keep == 0) {
            keep = 1;
        }
        int r = keep < 0 ? -1 : keep ? PySet_Add(newfree, name) : 0;
        Py_DECREF(name);
        if (r < 0) {
            Py_DECREF(it);
            return -1;
        }
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

static int
inline_comprehension(PySTEntryObject *parent, PySTEntryObject *comp,
                     PyObject *comp_free, PyObject *newfree, PyObject *local,
                     PyObject *candidate_free)
{
    if (parent->ste_type == ModuleBlock) {
        return inline_as_hidden_locals(parent, comp);
    }
    if (parent->ste_type == ClassBlock) {
        return inline_into_class(parent, comp, comp_free, newfree);
    }
    return inline_into_function(parent, comp, comp_free, newfree, local,
                                candidate_free);
}

static int
analyze_block(PySTEntryObject *ste, PyObject *bound, PyObject *free,
              PyObject *global, PyObject *type_params,
              PySTEntryObject *class_entry);

static int
analyze_child(PySTEntryObject *child, PyObject *bound, PyObject *global,
              PyObject *type_params, PyObject *child_free,
              PySTEntryObject *class_entry)
{
    PyObject *temp_bound = PySet_New(bound);
    PyObject *temp_global = PySet_New(global);
    PyObject *temp_free = PySet_New(NULL);
    int r = -1;
    if (temp_bound && temp_global && temp_free &&
        analyze_block(child, temp_bound, temp_free, temp_global, type_params,
                      class_entry) == 0) {
        r = _PySet_Update(child_free, temp_free);
    }
    Py_XDECREF(temp_bound);
    Py_XDECREF(temp_global);
    Py_XDECREF(temp_free);
    return r;
}

/* The type parameters a nested scope of `ste` would reach by `nonlocal`:
   those it got (`type_params`, NULL at module level) less what a function
   scope binds again itself, plus a PEP 695 scope's own.  A new set. */
static PyObject *
type_params_for_children(PySTEntryObject *ste, PyObject *type_params,
                         PyObject *local, PyObject *items)
{
    PyObject *result = PySet_New(type_params);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items); i++) {
        PyObject *pair = PyList_GET_ITEM(items, i);
        PyObject *name = PyTuple_GET_ITEM(pair, 0);
        long flags = PyLong_AsLong(PyTuple_GET_ITEM(pair, 1));
        int is_local = ste->ste_type != ClassBlock &&
                       PySet_Contains(local, name) > 0;
        if ((flags & DEF_TYPE_PARAM) ? PySet_Add(result, name) < 0
            : is_local && PySet_Discard(result, name) < 0) {
            goto error;
        }
    }
    return result;
error:
    Py_DECREF(result);
    return NULL;
}

/* Scopes that can see the class namespace (annotation and type scopes)
   resolve class-level names through __classdict__ at run time.
   type_params: the type parameters `nonlocal` may not name here. */
static int
analyze_block(PySTEntryObject *ste, PyObject *bound, PyObject *free,
              PyObject *global, PyObject *type_params,
              PySTEntryObject *class_entry)
{
    PyObject *local = PySet_New(NULL);
    PyObject *newbound = PySet_New(NULL);
    PyObject *newglobal = PySet_New(NULL);
    PyObject *newfree = PySet_New(NULL);
    PyObject *items = NULL;
    PyObject *candidate_free = NULL;
    PyObject *newtype_params = NULL;
    int r = -1;
    if (!local || !newbound || !newglobal || !newfree) {
        goto done;
    }
    items = PyDict_Items(ste->ste_symbols);
    if (items == NULL) {
        goto done;
    }
    if (ste->ste_type == ClassBlock) {
        if (_PySet_Update(newglobal, global) < 0 ||
            _PySet_Update(newbound, bound) < 0) {
            goto done;
        }
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items); i++) {
        PyObject *pair = PyList_GET_ITEM(items, i);
        PyObject *name = PyTuple_GET_ITEM(pair, 0);
        long flags = PyLong_AsLong(PyTuple_GET_ITEM(pair, 1));
        if (analyze_name(ste, NULL, name, flags, bound, local, free, global,
                         ste->ste_can_see_class_scope ? class_entry : NULL) < 0) {
            goto done;
        }
        if ((flags & DEF_NONLOCAL) && type_params != NULL &&
            PySet_Contains(type_params, name) > 0) {
            directive_error(ste, name, name, "nonlocal binding not allowed "
                            "for type parameter '%U'");
            goto done;
        }
    }
    newtype_params = type_params_for_children(ste, type_params, local, items);
    if (newtype_params == NULL) {
        goto done;
    }
    if (ste->ste_type != ClassBlock) {
        if (_PyST_IsFunctionLike(ste) && _PySet_Update(newbound, local) < 0) {
            goto done;
        }
        if (bound && _PySet_Update(newbound, bound) < 0) {
            goto done;
        }
        if (_PySet_Update(newglobal, global) < 0) {
            goto done;
        }
    }
    else {
        /* __class__ and __classdict__ are cells of the class body. */
        PyObject *cls = PyUnicode_InternFromString("__class__");
        PyObject *cd = PyUnicode_InternFromString("__classdict__");
        int ok = cls && cd && PySet_Add(newbound, cls) == 0 &&
                 PySet_Add(newbound, cd) == 0;
        Py_XDECREF(cls);
        Py_XDECREF(cd);
        if (!ok) {
            goto done;
        }
    }
    PySTEntryObject *child_class = ste->ste_type == ClassBlock ? ste : class_entry;
    /* Free names of inlining candidates are kept apart until we know
       whether they are inlined (then they do not make cells here). */
    candidate_free = PyList_New(0);
    if (candidate_free == NULL) {
        goto done;
    }
    for (Py_ssize_t i = 0; i < ste->ste_nchildren; i++) {
        PySTEntryObject *child = ste->ste_child[i];
        PyObject *target = newfree;
        if (is_inline_candidate(ste, child)) {
            target = PySet_New(NULL);
            if (target == NULL || PyList_Append(candidate_free, target) < 0) {
                Py_XDECREF(target);
                goto done;
            }
            Py_DECREF(target);
        }
        if (analyze_child(child, newbound, newglobal, newtype_params, target,
                          child_class) < 0) {
            goto done;
        }
        if (child->ste_free || child->ste_child_free) {
            ste->ste_child_free = 1;
        }
    }
    for (Py_ssize_t i = 0, k = 0; i < ste->ste_nchildren; i++) {
        PySTEntryObject *child = ste->ste_child[i];
        if (!is_inline_candidate(ste, child)) {
            continue;
        }
        if (inline_comprehension(ste, child, PyList_GET_ITEM(candidate_free, k++),
                                 newfree, local, candidate_free) < 0) {
            goto done;
        }
    }
    if (_PyST_IsFunctionLike(ste) && analyze_cells(ste, newfree) < 0) {
        goto done;
    }
    if (ste->ste_type == ClassBlock && drop_class_free(ste, newfree) < 0) {
        goto done;
    }
    if (update_symbols(ste, newfree) < 0) {
        goto done;
    }
    r = _PySet_Update(free, newfree);
done:
    Py_XDECREF(newtype_params);
    Py_XDECREF(candidate_free);
    Py_XDECREF(items);
    Py_XDECREF(local);
    Py_XDECREF(newbound);
    Py_XDECREF(newglobal);
    Py_XDECREF(newfree);
    return r;
}

struct symtable *
_PySymtable_Build(mod_ty mod, PyObject *filename, int future_features)
{
    struct symtable *st = PyMem_Calloc(1, sizeof(*st));
    if (st == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    st->st_filename = Py_NewRef(filename);
    st->st_future_features = future_features;
    st->recursion_limit = 3000;
    PyObject *top = PyUnicode_InternFromString("top");
    if (top == NULL || enter_block(st, top, ModuleBlock, (void *)mod, 0, 0,
                                   0, 0) < 0) {
        Py_XDECREF(top);
        _PySymtable_Free(st);
        return NULL;
    }
    Py_DECREF(top);
    int r = 0;
    switch (mod->kind) {
    case Module_kind:
        for (Py_ssize_t i = 0; r == 0 && i < asdl_seq_LEN(mod->v.Module.body); i++) {
            r = st_visit_stmt(st, asdl_seq_GET(mod->v.Module.body, i));
        }
        break;
    case Interactive_kind:
        for (Py_ssize_t i = 0; r == 0 && i < asdl_seq_LEN(mod->v.Interactive.body); i++) {
            r = st_visit_stmt(st, asdl_seq_GET(mod->v.Interactive.body, i));
        }
        break;
    case Expression_kind:
        r = st_visit_expr(st, mod->v.Expression.body);
        break;
    case FunctionType_kind:
        PyErr_SetString(PyExc_ValueError,
                        "compile() of a FunctionType tree is not possible");
        r = -1;
        break;
    }
    if (r < 0) {
        _PySymtable_Free(st);
        return NULL;
    }
    exit_block(st);
    PyObject *free = PySet_New(NULL);
    PyObject *global = PySet_New(NULL);
    if (free == NULL || global == NULL ||
        analyze_block(st->st_top, NULL, free, global, NULL, NULL) < 0) {
        Py_XDECREF(free);
        Py_XDECREF(global);
        _PySymtable_Free(st);
        return NULL;
    }
    Py_DECREF(free);
    Py_DECREF(global);
    return st;
}
