/* AST node constructors and sequences (declared in pycore_ast.h).

   One constructor per node kind, named _PyAST_<Kind>, taking the fields in
   Python.asdl order, then the location, then the arena.  A missing
   required field (a NULL node, identifier or constant, or a zero enum) is
   a ValueError like CPython's "field 'name' is required for FunctionDef":
   that matters for trees built by the `ast` module, never for the
   parser's own.

   The constructors were written from Python.asdl's field lists by a
   throwaway script and are kept by hand since; keep them in step with the
   structs and with the tables in Parser/ast_nodes.c.

   Thread safety: nodes live in the caller's arena; no shared state. */
#include "Python.h"
#include "pycore_ast.h"

static void *
missing_field(const char *field, const char *node)
{
    PyErr_Format(PyExc_ValueError, "field '%s' is required for %s",
                 field, node);
    return NULL;
}

/* ---- sequences ------------------------------------------------------------ */

static void *
seq_new(Py_ssize_t size, size_t elem_size, PyArena *arena)
{
    if (size < 0 ||
        (size_t)size > (PY_SSIZE_T_MAX - sizeof(asdl_seq)) / elem_size) {
        PyErr_NoMemory();
        return NULL;
    }
    asdl_seq *seq = _PyArena_Malloc(arena, sizeof(asdl_seq) +
                                           (size_t)size * elem_size);
    if (seq == NULL) {
        return NULL;
    }
    seq->size = size;
    memset(seq->typed_elements, 0, (size_t)size * elem_size);
    return seq;
}

asdl_seq *
_Py_asdl_generic_seq_new(Py_ssize_t size, PyArena *arena)
{
    return seq_new(size, sizeof(void *), arena);
}

asdl_int_seq *
_Py_asdl_int_seq_new(Py_ssize_t size, PyArena *arena)
{
    return seq_new(size, sizeof(int), arena);
}

asdl_stmt_seq *
_Py_asdl_stmt_seq_new(Py_ssize_t size, PyArena *arena)
{
    return seq_new(size, sizeof(void *), arena);
}

asdl_expr_seq *
_Py_asdl_expr_seq_new(Py_ssize_t size, PyArena *arena)
{
    return seq_new(size, sizeof(void *), arena);
}

asdl_comprehension_seq *
_Py_asdl_comprehension_seq_new(Py_ssize_t size, PyArena *arena)
{
    return seq_new(size, sizeof(void *), arena);
}

asdl_excepthandler_seq *
_Py_asdl_excepthandler_seq_new(Py_ssize_t size, PyArena *arena)
{
    return seq_new(size, sizeof(void *), arena);
}

asdl_arguments_seq *
_Py_asdl_arguments_seq_new(Py_ssize_t size, PyArena *arena)
{
    return seq_new(size, sizeof(void *), arena);
}

asdl_arg_seq *
_Py_asdl_arg_seq_new(Py_ssize_t size, PyArena *arena)
{
    return seq_new(size, sizeof(void *), arena);
}

asdl_keyword_seq *
_Py_asdl_keyword_seq_new(Py_ssize_t size, PyArena *arena)
{
    return seq_new(size, sizeof(void *), arena);
}

asdl_alias_seq *
_Py_asdl_alias_seq_new(Py_ssize_t size, PyArena *arena)
{
    return seq_new(size, sizeof(void *), arena);
}

asdl_withitem_seq *
_Py_asdl_withitem_seq_new(Py_ssize_t size, PyArena *arena)
{
    return seq_new(size, sizeof(void *), arena);
}

asdl_match_case_seq *
_Py_asdl_match_case_seq_new(Py_ssize_t size, PyArena *arena)
{
    return seq_new(size, sizeof(void *), arena);
}

asdl_pattern_seq *
_Py_asdl_pattern_seq_new(Py_ssize_t size, PyArena *arena)
{
    return seq_new(size, sizeof(void *), arena);
}

asdl_type_ignore_seq *
_Py_asdl_type_ignore_seq_new(Py_ssize_t size, PyArena *arena)
{
    return seq_new(size, sizeof(void *), arena);
}

asdl_type_param_seq *
_Py_asdl_type_param_seq_new(Py_ssize_t size, PyArena *arena)
{
    return seq_new(size, sizeof(void *), arena);
}

asdl_identifier_seq *
_Py_asdl_identifier_seq_new(Py_ssize_t size, PyArena *arena)
{
    return seq_new(size, sizeof(void *), arena);
}

asdl_mod_seq *
_Py_asdl_mod_seq_new(Py_ssize_t size, PyArena *arena)
{
    return seq_new(size, sizeof(void *), arena);
}

/* ---- nodes ---------------------------------------------------------------- */

mod_ty
_PyAST_Module(asdl_stmt_seq *body,
    asdl_type_ignore_seq *type_ignores,
    PyArena *arena)
{
    mod_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Module_kind;
    node->v.Module.body = body;
    node->v.Module.type_ignores = type_ignores;
    return node;
}

mod_ty
_PyAST_Interactive(asdl_stmt_seq *body,
    PyArena *arena)
{
    mod_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Interactive_kind;
    node->v.Interactive.body = body;
    return node;
}

mod_ty
_PyAST_Expression(expr_ty body,
    PyArena *arena)
{
    if (body == NULL) {
        return missing_field("body", "Expression");
    }
    mod_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Expression_kind;
    node->v.Expression.body = body;
    return node;
}

mod_ty
_PyAST_FunctionType(asdl_expr_seq *argtypes,
    expr_ty returns,
    PyArena *arena)
{
    if (returns == NULL) {
        return missing_field("returns", "FunctionType");
    }
    mod_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = FunctionType_kind;
    node->v.FunctionType.argtypes = argtypes;
    node->v.FunctionType.returns = returns;
    return node;
}

stmt_ty
_PyAST_FunctionDef(identifier name,
    arguments_ty args,
    asdl_stmt_seq *body,
    asdl_expr_seq *decorator_list,
    expr_ty returns,
    string type_comment,
    asdl_type_param_seq *type_params,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (name == NULL) {
        return missing_field("name", "FunctionDef");
    }
    if (args == NULL) {
        return missing_field("args", "FunctionDef");
    }
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = FunctionDef_kind;
    node->v.FunctionDef.name = name;
    node->v.FunctionDef.args = args;
    node->v.FunctionDef.body = body;
    node->v.FunctionDef.decorator_list = decorator_list;
    node->v.FunctionDef.returns = returns;
    node->v.FunctionDef.type_comment = type_comment;
    node->v.FunctionDef.type_params = type_params;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_AsyncFunctionDef(identifier name,
    arguments_ty args,
    asdl_stmt_seq *body,
    asdl_expr_seq *decorator_list,
    expr_ty returns,
    string type_comment,
    asdl_type_param_seq *type_params,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (name == NULL) {
        return missing_field("name", "AsyncFunctionDef");
    }
    if (args == NULL) {
        return missing_field("args", "AsyncFunctionDef");
    }
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = AsyncFunctionDef_kind;
    node->v.AsyncFunctionDef.name = name;
    node->v.AsyncFunctionDef.args = args;
    node->v.AsyncFunctionDef.body = body;
    node->v.AsyncFunctionDef.decorator_list = decorator_list;
    node->v.AsyncFunctionDef.returns = returns;
    node->v.AsyncFunctionDef.type_comment = type_comment;
    node->v.AsyncFunctionDef.type_params = type_params;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_ClassDef(identifier name,
    asdl_expr_seq *bases,
    asdl_keyword_seq *keywords,
    asdl_stmt_seq *body,
    asdl_expr_seq *decorator_list,
    asdl_type_param_seq *type_params,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (name == NULL) {
        return missing_field("name", "ClassDef");
    }
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = ClassDef_kind;
    node->v.ClassDef.name = name;
    node->v.ClassDef.bases = bases;
    node->v.ClassDef.keywords = keywords;
    node->v.ClassDef.body = body;
    node->v.ClassDef.decorator_list = decorator_list;
    node->v.ClassDef.type_params = type_params;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_Return(expr_ty value,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Return_kind;
    node->v.Return.value = value;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_Delete(asdl_expr_seq *targets,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Delete_kind;
    node->v.Delete.targets = targets;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_Assign(asdl_expr_seq *targets,
    expr_ty value,
    string type_comment,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (value == NULL) {
        return missing_field("value", "Assign");
    }
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Assign_kind;
    node->v.Assign.targets = targets;
    node->v.Assign.value = value;
    node->v.Assign.type_comment = type_comment;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_TypeAlias(expr_ty name,
    asdl_type_param_seq *type_params,
    expr_ty value,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (name == NULL) {
        return missing_field("name", "TypeAlias");
    }
    if (value == NULL) {
        return missing_field("value", "TypeAlias");
    }
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = TypeAlias_kind;
    node->v.TypeAlias.name = name;
    node->v.TypeAlias.type_params = type_params;
    node->v.TypeAlias.value = value;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_AugAssign(expr_ty target,
    operator_ty op,
    expr_ty value,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (target == NULL) {
        return missing_field("target", "AugAssign");
    }
    if (!op) {
        return missing_field("op", "AugAssign");
    }
    if (value == NULL) {
        return missing_field("value", "AugAssign");
    }
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = AugAssign_kind;
    node->v.AugAssign.target = target;
    node->v.AugAssign.op = op;
    node->v.AugAssign.value = value;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_AnnAssign(expr_ty target,
    expr_ty annotation,
    expr_ty value,
    int simple,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (target == NULL) {
        return missing_field("target", "AnnAssign");
    }
    if (annotation == NULL) {
        return missing_field("annotation", "AnnAssign");
    }
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = AnnAssign_kind;
    node->v.AnnAssign.target = target;
    node->v.AnnAssign.annotation = annotation;
    node->v.AnnAssign.value = value;
    node->v.AnnAssign.simple = simple;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_For(expr_ty target,
    expr_ty iter,
    asdl_stmt_seq *body,
    asdl_stmt_seq *orelse,
    string type_comment,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (target == NULL) {
        return missing_field("target", "For");
    }
    if (iter == NULL) {
        return missing_field("iter", "For");
    }
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = For_kind;
    node->v.For.target = target;
    node->v.For.iter = iter;
    node->v.For.body = body;
    node->v.For.orelse = orelse;
    node->v.For.type_comment = type_comment;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_AsyncFor(expr_ty target,
    expr_ty iter,
    asdl_stmt_seq *body,
    asdl_stmt_seq *orelse,
    string type_comment,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (target == NULL) {
        return missing_field("target", "AsyncFor");
    }
    if (iter == NULL) {
        return missing_field("iter", "AsyncFor");
    }
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = AsyncFor_kind;
    node->v.AsyncFor.target = target;
    node->v.AsyncFor.iter = iter;
    node->v.AsyncFor.body = body;
    node->v.AsyncFor.orelse = orelse;
    node->v.AsyncFor.type_comment = type_comment;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_While(expr_ty test,
    asdl_stmt_seq *body,
    asdl_stmt_seq *orelse,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (test == NULL) {
        return missing_field("test", "While");
    }
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = While_kind;
    node->v.While.test = test;
    node->v.While.body = body;
    node->v.While.orelse = orelse;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_If(expr_ty test,
    asdl_stmt_seq *body,
    asdl_stmt_seq *orelse,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (test == NULL) {
        return missing_field("test", "If");
    }
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = If_kind;
    node->v.If.test = test;
    node->v.If.body = body;
    node->v.If.orelse = orelse;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_With(asdl_withitem_seq *items,
    asdl_stmt_seq *body,
    string type_comment,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = With_kind;
    node->v.With.items = items;
    node->v.With.body = body;
    node->v.With.type_comment = type_comment;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_AsyncWith(asdl_withitem_seq *items,
    asdl_stmt_seq *body,
    string type_comment,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = AsyncWith_kind;
    node->v.AsyncWith.items = items;
    node->v.AsyncWith.body = body;
    node->v.AsyncWith.type_comment = type_comment;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_Match(expr_ty subject,
    asdl_match_case_seq *cases,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (subject == NULL) {
        return missing_field("subject", "Match");
    }
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Match_kind;
    node->v.Match.subject = subject;
    node->v.Match.cases = cases;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_Raise(expr_ty exc,
    expr_ty cause,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Raise_kind;
    node->v.Raise.exc = exc;
    node->v.Raise.cause = cause;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_Try(asdl_stmt_seq *body,
    asdl_excepthandler_seq *handlers,
    asdl_stmt_seq *orelse,
    asdl_stmt_seq *finalbody,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Try_kind;
    node->v.Try.body = body;
    node->v.Try.handlers = handlers;
    node->v.Try.orelse = orelse;
    node->v.Try.finalbody = finalbody;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_TryStar(asdl_stmt_seq *body,
    asdl_excepthandler_seq *handlers,
    asdl_stmt_seq *orelse,
    asdl_stmt_seq *finalbody,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = TryStar_kind;
    node->v.TryStar.body = body;
    node->v.TryStar.handlers = handlers;
    node->v.TryStar.orelse = orelse;
    node->v.TryStar.finalbody = finalbody;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_Assert(expr_ty test,
    expr_ty msg,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (test == NULL) {
        return missing_field("test", "Assert");
    }
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Assert_kind;
    node->v.Assert.test = test;
    node->v.Assert.msg = msg;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_Import(asdl_alias_seq *names,
    int is_lazy,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Import_kind;
    node->v.Import.names = names;
    node->v.Import.is_lazy = is_lazy;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_ImportFrom(identifier module,
    asdl_alias_seq *names,
    int level,
    int is_lazy,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = ImportFrom_kind;
    node->v.ImportFrom.module = module;
    node->v.ImportFrom.names = names;
    node->v.ImportFrom.level = level;
    node->v.ImportFrom.is_lazy = is_lazy;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_Global(asdl_identifier_seq *names,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Global_kind;
    node->v.Global.names = names;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_Nonlocal(asdl_identifier_seq *names,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Nonlocal_kind;
    node->v.Nonlocal.names = names;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_Expr(expr_ty value,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (value == NULL) {
        return missing_field("value", "Expr");
    }
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Expr_kind;
    node->v.Expr.value = value;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_Pass(int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Pass_kind;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_Break(int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Break_kind;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

stmt_ty
_PyAST_Continue(int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    stmt_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Continue_kind;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_BoolOp(boolop_ty op,
    asdl_expr_seq *values,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (!op) {
        return missing_field("op", "BoolOp");
    }
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = BoolOp_kind;
    node->v.BoolOp.op = op;
    node->v.BoolOp.values = values;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_NamedExpr(expr_ty target,
    expr_ty value,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (target == NULL) {
        return missing_field("target", "NamedExpr");
    }
    if (value == NULL) {
        return missing_field("value", "NamedExpr");
    }
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = NamedExpr_kind;
    node->v.NamedExpr.target = target;
    node->v.NamedExpr.value = value;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_BinOp(expr_ty left,
    operator_ty op,
    expr_ty right,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (left == NULL) {
        return missing_field("left", "BinOp");
    }
    if (!op) {
        return missing_field("op", "BinOp");
    }
    if (right == NULL) {
        return missing_field("right", "BinOp");
    }
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = BinOp_kind;
    node->v.BinOp.left = left;
    node->v.BinOp.op = op;
    node->v.BinOp.right = right;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_UnaryOp(unaryop_ty op,
    expr_ty operand,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (!op) {
        return missing_field("op", "UnaryOp");
    }
    if (operand == NULL) {
        return missing_field("operand", "UnaryOp");
    }
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = UnaryOp_kind;
    node->v.UnaryOp.op = op;
    node->v.UnaryOp.operand = operand;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_Lambda(arguments_ty args,
    expr_ty body,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (args == NULL) {
        return missing_field("args", "Lambda");
    }
    if (body == NULL) {
        return missing_field("body", "Lambda");
    }
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Lambda_kind;
    node->v.Lambda.args = args;
    node->v.Lambda.body = body;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_IfExp(expr_ty test,
    expr_ty body,
    expr_ty orelse,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (test == NULL) {
        return missing_field("test", "IfExp");
    }
    if (body == NULL) {
        return missing_field("body", "IfExp");
    }
    if (orelse == NULL) {
        return missing_field("orelse", "IfExp");
    }
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = IfExp_kind;
    node->v.IfExp.test = test;
    node->v.IfExp.body = body;
    node->v.IfExp.orelse = orelse;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_Dict(asdl_expr_seq *keys,
    asdl_expr_seq *values,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Dict_kind;
    node->v.Dict.keys = keys;
    node->v.Dict.values = values;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_Set(asdl_expr_seq *elts,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Set_kind;
    node->v.Set.elts = elts;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_ListComp(expr_ty elt,
    asdl_comprehension_seq *generators,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (elt == NULL) {
        return missing_field("elt", "ListComp");
    }
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = ListComp_kind;
    node->v.ListComp.elt = elt;
    node->v.ListComp.generators = generators;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_SetComp(expr_ty elt,
    asdl_comprehension_seq *generators,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (elt == NULL) {
        return missing_field("elt", "SetComp");
    }
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = SetComp_kind;
    node->v.SetComp.elt = elt;
    node->v.SetComp.generators = generators;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_DictComp(expr_ty key,
    expr_ty value,
    asdl_comprehension_seq *generators,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (key == NULL) {
        return missing_field("key", "DictComp");
    }
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = DictComp_kind;
    node->v.DictComp.key = key;
    node->v.DictComp.value = value;
    node->v.DictComp.generators = generators;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_GeneratorExp(expr_ty elt,
    asdl_comprehension_seq *generators,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (elt == NULL) {
        return missing_field("elt", "GeneratorExp");
    }
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = GeneratorExp_kind;
    node->v.GeneratorExp.elt = elt;
    node->v.GeneratorExp.generators = generators;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_Await(expr_ty value,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (value == NULL) {
        return missing_field("value", "Await");
    }
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Await_kind;
    node->v.Await.value = value;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_Yield(expr_ty value,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Yield_kind;
    node->v.Yield.value = value;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_YieldFrom(expr_ty value,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (value == NULL) {
        return missing_field("value", "YieldFrom");
    }
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = YieldFrom_kind;
    node->v.YieldFrom.value = value;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_Compare(expr_ty left,
    asdl_int_seq *ops,
    asdl_expr_seq *comparators,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (left == NULL) {
        return missing_field("left", "Compare");
    }
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Compare_kind;
    node->v.Compare.left = left;
    node->v.Compare.ops = ops;
    node->v.Compare.comparators = comparators;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_Call(expr_ty func,
    asdl_expr_seq *args,
    asdl_keyword_seq *keywords,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (func == NULL) {
        return missing_field("func", "Call");
    }
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Call_kind;
    node->v.Call.func = func;
    node->v.Call.args = args;
    node->v.Call.keywords = keywords;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_FormattedValue(expr_ty value,
    int conversion,
    expr_ty format_spec,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (value == NULL) {
        return missing_field("value", "FormattedValue");
    }
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = FormattedValue_kind;
    node->v.FormattedValue.value = value;
    node->v.FormattedValue.conversion = conversion;
    node->v.FormattedValue.format_spec = format_spec;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_Interpolation(expr_ty value,
    constant str,
    int conversion,
    expr_ty format_spec,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (value == NULL) {
        return missing_field("value", "Interpolation");
    }
    if (str == NULL) {
        return missing_field("str", "Interpolation");
    }
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Interpolation_kind;
    node->v.Interpolation.value = value;
    node->v.Interpolation.str = str;
    node->v.Interpolation.conversion = conversion;
    node->v.Interpolation.format_spec = format_spec;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_JoinedStr(asdl_expr_seq *values,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = JoinedStr_kind;
    node->v.JoinedStr.values = values;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_TemplateStr(asdl_expr_seq *values,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = TemplateStr_kind;
    node->v.TemplateStr.values = values;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_Constant(constant value,
    string kind,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (value == NULL) {
        return missing_field("value", "Constant");
    }
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Constant_kind;
    node->v.Constant.value = value;
    node->v.Constant.kind = kind;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_Attribute(expr_ty value,
    identifier attr,
    expr_context_ty ctx,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (value == NULL) {
        return missing_field("value", "Attribute");
    }
    if (attr == NULL) {
        return missing_field("attr", "Attribute");
    }
    if (!ctx) {
        return missing_field("ctx", "Attribute");
    }
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Attribute_kind;
    node->v.Attribute.value = value;
    node->v.Attribute.attr = attr;
    node->v.Attribute.ctx = ctx;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_Subscript(expr_ty value,
    expr_ty slice,
    expr_context_ty ctx,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (value == NULL) {
        return missing_field("value", "Subscript");
    }
    if (slice == NULL) {
        return missing_field("slice", "Subscript");
    }
    if (!ctx) {
        return missing_field("ctx", "Subscript");
    }
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Subscript_kind;
    node->v.Subscript.value = value;
    node->v.Subscript.slice = slice;
    node->v.Subscript.ctx = ctx;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_Starred(expr_ty value,
    expr_context_ty ctx,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (value == NULL) {
        return missing_field("value", "Starred");
    }
    if (!ctx) {
        return missing_field("ctx", "Starred");
    }
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Starred_kind;
    node->v.Starred.value = value;
    node->v.Starred.ctx = ctx;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_Name(identifier id,
    expr_context_ty ctx,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (id == NULL) {
        return missing_field("id", "Name");
    }
    if (!ctx) {
        return missing_field("ctx", "Name");
    }
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Name_kind;
    node->v.Name.id = id;
    node->v.Name.ctx = ctx;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_List(asdl_expr_seq *elts,
    expr_context_ty ctx,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (!ctx) {
        return missing_field("ctx", "List");
    }
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = List_kind;
    node->v.List.elts = elts;
    node->v.List.ctx = ctx;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_Tuple(asdl_expr_seq *elts,
    expr_context_ty ctx,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (!ctx) {
        return missing_field("ctx", "Tuple");
    }
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Tuple_kind;
    node->v.Tuple.elts = elts;
    node->v.Tuple.ctx = ctx;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

expr_ty
_PyAST_Slice(expr_ty lower,
    expr_ty upper,
    expr_ty step,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    expr_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = Slice_kind;
    node->v.Slice.lower = lower;
    node->v.Slice.upper = upper;
    node->v.Slice.step = step;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

comprehension_ty
_PyAST_comprehension(expr_ty target,
    expr_ty iter,
    asdl_expr_seq *ifs,
    int is_async,
    PyArena *arena)
{
    if (target == NULL) {
        return missing_field("target", "comprehension");
    }
    if (iter == NULL) {
        return missing_field("iter", "comprehension");
    }
    comprehension_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->target = target;
    node->iter = iter;
    node->ifs = ifs;
    node->is_async = is_async;
    return node;
}

excepthandler_ty
_PyAST_ExceptHandler(expr_ty type,
    identifier name,
    asdl_stmt_seq *body,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    excepthandler_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = ExceptHandler_kind;
    node->v.ExceptHandler.type = type;
    node->v.ExceptHandler.name = name;
    node->v.ExceptHandler.body = body;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

arguments_ty
_PyAST_arguments(asdl_arg_seq *posonlyargs,
    asdl_arg_seq *args,
    arg_ty vararg,
    asdl_arg_seq *kwonlyargs,
    asdl_expr_seq *kw_defaults,
    arg_ty kwarg,
    asdl_expr_seq *defaults,
    PyArena *arena)
{
    arguments_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->posonlyargs = posonlyargs;
    node->args = args;
    node->vararg = vararg;
    node->kwonlyargs = kwonlyargs;
    node->kw_defaults = kw_defaults;
    node->kwarg = kwarg;
    node->defaults = defaults;
    return node;
}

arg_ty
_PyAST_arg(identifier arg,
    expr_ty annotation,
    string type_comment,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (arg == NULL) {
        return missing_field("arg", "arg");
    }
    arg_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->arg = arg;
    node->annotation = annotation;
    node->type_comment = type_comment;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

keyword_ty
_PyAST_keyword(identifier arg,
    expr_ty value,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (value == NULL) {
        return missing_field("value", "keyword");
    }
    keyword_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->arg = arg;
    node->value = value;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

alias_ty
_PyAST_alias(identifier name,
    identifier asname,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (name == NULL) {
        return missing_field("name", "alias");
    }
    alias_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->name = name;
    node->asname = asname;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

withitem_ty
_PyAST_withitem(expr_ty context_expr,
    expr_ty optional_vars,
    PyArena *arena)
{
    if (context_expr == NULL) {
        return missing_field("context_expr", "withitem");
    }
    withitem_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->context_expr = context_expr;
    node->optional_vars = optional_vars;
    return node;
}

match_case_ty
_PyAST_match_case(pattern_ty pattern,
    expr_ty guard,
    asdl_stmt_seq *body,
    PyArena *arena)
{
    if (pattern == NULL) {
        return missing_field("pattern", "match_case");
    }
    match_case_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->pattern = pattern;
    node->guard = guard;
    node->body = body;
    return node;
}

pattern_ty
_PyAST_MatchValue(expr_ty value,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (value == NULL) {
        return missing_field("value", "MatchValue");
    }
    pattern_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = MatchValue_kind;
    node->v.MatchValue.value = value;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

pattern_ty
_PyAST_MatchSingleton(constant value,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (value == NULL) {
        return missing_field("value", "MatchSingleton");
    }
    pattern_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = MatchSingleton_kind;
    node->v.MatchSingleton.value = value;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

pattern_ty
_PyAST_MatchSequence(asdl_pattern_seq *patterns,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    pattern_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = MatchSequence_kind;
    node->v.MatchSequence.patterns = patterns;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

pattern_ty
_PyAST_MatchMapping(asdl_expr_seq *keys,
    asdl_pattern_seq *patterns,
    identifier rest,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    pattern_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = MatchMapping_kind;
    node->v.MatchMapping.keys = keys;
    node->v.MatchMapping.patterns = patterns;
    node->v.MatchMapping.rest = rest;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

pattern_ty
_PyAST_MatchClass(expr_ty cls,
    asdl_pattern_seq *patterns,
    asdl_identifier_seq *kwd_attrs,
    asdl_pattern_seq *kwd_patterns,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (cls == NULL) {
        return missing_field("cls", "MatchClass");
    }
    pattern_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = MatchClass_kind;
    node->v.MatchClass.cls = cls;
    node->v.MatchClass.patterns = patterns;
    node->v.MatchClass.kwd_attrs = kwd_attrs;
    node->v.MatchClass.kwd_patterns = kwd_patterns;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

pattern_ty
_PyAST_MatchStar(identifier name,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    pattern_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = MatchStar_kind;
    node->v.MatchStar.name = name;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

pattern_ty
_PyAST_MatchAs(pattern_ty pattern,
    identifier name,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    pattern_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = MatchAs_kind;
    node->v.MatchAs.pattern = pattern;
    node->v.MatchAs.name = name;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

pattern_ty
_PyAST_MatchOr(asdl_pattern_seq *patterns,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    pattern_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = MatchOr_kind;
    node->v.MatchOr.patterns = patterns;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

type_ignore_ty
_PyAST_TypeIgnore(int lineno,
    string tag,
    PyArena *arena)
{
    if (tag == NULL) {
        return missing_field("tag", "TypeIgnore");
    }
    type_ignore_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = TypeIgnore_kind;
    node->v.TypeIgnore.lineno = lineno;
    node->v.TypeIgnore.tag = tag;
    return node;
}

type_param_ty
_PyAST_TypeVar(identifier name,
    expr_ty bound,
    expr_ty default_value,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (name == NULL) {
        return missing_field("name", "TypeVar");
    }
    type_param_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = TypeVar_kind;
    node->v.TypeVar.name = name;
    node->v.TypeVar.bound = bound;
    node->v.TypeVar.default_value = default_value;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

type_param_ty
_PyAST_ParamSpec(identifier name,
    expr_ty default_value,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (name == NULL) {
        return missing_field("name", "ParamSpec");
    }
    type_param_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = ParamSpec_kind;
    node->v.ParamSpec.name = name;
    node->v.ParamSpec.default_value = default_value;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

type_param_ty
_PyAST_TypeVarTuple(identifier name,
    expr_ty default_value,
    int lineno,
    int col_offset,
    int end_lineno,
    int end_col_offset,
    PyArena *arena)
{
    if (name == NULL) {
        return missing_field("name", "TypeVarTuple");
    }
    type_param_ty node = _PyArena_Malloc(arena, sizeof(*node));
    if (node == NULL) {
        return NULL;
    }
    node->kind = TypeVarTuple_kind;
    node->v.TypeVarTuple.name = name;
    node->v.TypeVarTuple.default_value = default_value;
    node->lineno = lineno;
    node->col_offset = col_offset;
    node->end_lineno = end_lineno;
    node->end_col_offset = end_col_offset;
    return node;
}

