/* The node description tables of pycore_ast.h: for every ASDL type its
   category and constructors, for every constructor its fields with their
   types and offsets.  Generic tree walkers (_PyAST_Dump, the `ast`
   module) are driven by these instead of one function per node kind.

   Kept in step with the structs of pycore_ast.h (the entries were
   generated once from Python.asdl's field lists).  Entries of a sum type
   are consecutive and in kind order, so kind k of a type is entry
   first + k - 1.

   Thread safety: const data only. */
#include "Python.h"
#include "pycore_ast.h"

#define LOC(T) {offsetof(struct T, lineno), offsetof(struct T, col_offset), \
                offsetof(struct T, end_lineno), offsetof(struct T, end_col_offset)}
#define NOLOC {0, 0, 0, 0}

static const _PyAST_Field fields_Module[] = {
    {"body", _PyAST_T_stmt, _PyAST_Q_SEQ,
     offsetof(struct _mod, v.Module.body)},
    {"type_ignores", _PyAST_T_type_ignore, _PyAST_Q_SEQ,
     offsetof(struct _mod, v.Module.type_ignores)},
};
static const _PyAST_Field fields_Interactive[] = {
    {"body", _PyAST_T_stmt, _PyAST_Q_SEQ,
     offsetof(struct _mod, v.Interactive.body)},
};
static const _PyAST_Field fields_Expression[] = {
    {"body", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _mod, v.Expression.body)},
};
static const _PyAST_Field fields_FunctionType[] = {
    {"argtypes", _PyAST_T_expr, _PyAST_Q_SEQ,
     offsetof(struct _mod, v.FunctionType.argtypes)},
    {"returns", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _mod, v.FunctionType.returns)},
};
static const _PyAST_Field fields_FunctionDef[] = {
    {"name", _PyAST_T_identifier, _PyAST_Q_ONE,
     offsetof(struct _stmt, v.FunctionDef.name)},
    {"args", _PyAST_T_arguments, _PyAST_Q_ONE,
     offsetof(struct _stmt, v.FunctionDef.args)},
    {"body", _PyAST_T_stmt, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.FunctionDef.body)},
    {"decorator_list", _PyAST_T_expr, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.FunctionDef.decorator_list)},
    {"returns", _PyAST_T_expr, _PyAST_Q_OPT,
     offsetof(struct _stmt, v.FunctionDef.returns)},
    {"type_comment", _PyAST_T_string, _PyAST_Q_OPT,
     offsetof(struct _stmt, v.FunctionDef.type_comment)},
    {"type_params", _PyAST_T_type_param, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.FunctionDef.type_params)},
};
static const _PyAST_Field fields_AsyncFunctionDef[] = {
    {"name", _PyAST_T_identifier, _PyAST_Q_ONE,
     offsetof(struct _stmt, v.AsyncFunctionDef.name)},
    {"args", _PyAST_T_arguments, _PyAST_Q_ONE,
     offsetof(struct _stmt, v.AsyncFunctionDef.args)},
    {"body", _PyAST_T_stmt, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.AsyncFunctionDef.body)},
    {"decorator_list", _PyAST_T_expr, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.AsyncFunctionDef.decorator_list)},
    {"returns", _PyAST_T_expr, _PyAST_Q_OPT,
     offsetof(struct _stmt, v.AsyncFunctionDef.returns)},
    {"type_comment", _PyAST_T_string, _PyAST_Q_OPT,
     offsetof(struct _stmt, v.AsyncFunctionDef.type_comment)},
    {"type_params", _PyAST_T_type_param, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.AsyncFunctionDef.type_params)},
};
static const _PyAST_Field fields_ClassDef[] = {
    {"name", _PyAST_T_identifier, _PyAST_Q_ONE,
     offsetof(struct _stmt, v.ClassDef.name)},
    {"bases", _PyAST_T_expr, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.ClassDef.bases)},
    {"keywords", _PyAST_T_keyword, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.ClassDef.keywords)},
    {"body", _PyAST_T_stmt, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.ClassDef.body)},
    {"decorator_list", _PyAST_T_expr, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.ClassDef.decorator_list)},
    {"type_params", _PyAST_T_type_param, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.ClassDef.type_params)},
};
static const _PyAST_Field fields_Return[] = {
    {"value", _PyAST_T_expr, _PyAST_Q_OPT,
     offsetof(struct _stmt, v.Return.value)},
};
static const _PyAST_Field fields_Delete[] = {
    {"targets", _PyAST_T_expr, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.Delete.targets)},
};
static const _PyAST_Field fields_Assign[] = {
    {"targets", _PyAST_T_expr, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.Assign.targets)},
    {"value", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _stmt, v.Assign.value)},
    {"type_comment", _PyAST_T_string, _PyAST_Q_OPT,
     offsetof(struct _stmt, v.Assign.type_comment)},
};
static const _PyAST_Field fields_TypeAlias[] = {
    {"name", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _stmt, v.TypeAlias.name)},
    {"type_params", _PyAST_T_type_param, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.TypeAlias.type_params)},
    {"value", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _stmt, v.TypeAlias.value)},
};
static const _PyAST_Field fields_AugAssign[] = {
    {"target", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _stmt, v.AugAssign.target)},
    {"op", _PyAST_T_operator, _PyAST_Q_ONE,
     offsetof(struct _stmt, v.AugAssign.op)},
    {"value", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _stmt, v.AugAssign.value)},
};
static const _PyAST_Field fields_AnnAssign[] = {
    {"target", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _stmt, v.AnnAssign.target)},
    {"annotation", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _stmt, v.AnnAssign.annotation)},
    {"value", _PyAST_T_expr, _PyAST_Q_OPT,
     offsetof(struct _stmt, v.AnnAssign.value)},
    {"simple", _PyAST_T_int, _PyAST_Q_ONE,
     offsetof(struct _stmt, v.AnnAssign.simple)},
};
static const _PyAST_Field fields_For[] = {
    {"target", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _stmt, v.For.target)},
    {"iter", _PyAST_T_expr, _PyAST_Q_ONE, offsetof(struct _stmt, v.For.iter)},
    {"body", _PyAST_T_stmt, _PyAST_Q_SEQ, offsetof(struct _stmt, v.For.body)},
    {"orelse", _PyAST_T_stmt, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.For.orelse)},
    {"type_comment", _PyAST_T_string, _PyAST_Q_OPT,
     offsetof(struct _stmt, v.For.type_comment)},
};
static const _PyAST_Field fields_AsyncFor[] = {
    {"target", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _stmt, v.AsyncFor.target)},
    {"iter", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _stmt, v.AsyncFor.iter)},
    {"body", _PyAST_T_stmt, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.AsyncFor.body)},
    {"orelse", _PyAST_T_stmt, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.AsyncFor.orelse)},
    {"type_comment", _PyAST_T_string, _PyAST_Q_OPT,
     offsetof(struct _stmt, v.AsyncFor.type_comment)},
};
static const _PyAST_Field fields_While[] = {
    {"test", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _stmt, v.While.test)},
    {"body", _PyAST_T_stmt, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.While.body)},
    {"orelse", _PyAST_T_stmt, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.While.orelse)},
};
static const _PyAST_Field fields_If[] = {
    {"test", _PyAST_T_expr, _PyAST_Q_ONE, offsetof(struct _stmt, v.If.test)},
    {"body", _PyAST_T_stmt, _PyAST_Q_SEQ, offsetof(struct _stmt, v.If.body)},
    {"orelse", _PyAST_T_stmt, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.If.orelse)},
};
static const _PyAST_Field fields_With[] = {
    {"items", _PyAST_T_withitem, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.With.items)},
    {"body", _PyAST_T_stmt, _PyAST_Q_SEQ, offsetof(struct _stmt, v.With.body)},
    {"type_comment", _PyAST_T_string, _PyAST_Q_OPT,
     offsetof(struct _stmt, v.With.type_comment)},
};
static const _PyAST_Field fields_AsyncWith[] = {
    {"items", _PyAST_T_withitem, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.AsyncWith.items)},
    {"body", _PyAST_T_stmt, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.AsyncWith.body)},
    {"type_comment", _PyAST_T_string, _PyAST_Q_OPT,
     offsetof(struct _stmt, v.AsyncWith.type_comment)},
};
static const _PyAST_Field fields_Match[] = {
    {"subject", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _stmt, v.Match.subject)},
    {"cases", _PyAST_T_match_case, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.Match.cases)},
};
static const _PyAST_Field fields_Raise[] = {
    {"exc", _PyAST_T_expr, _PyAST_Q_OPT, offsetof(struct _stmt, v.Raise.exc)},
    {"cause", _PyAST_T_expr, _PyAST_Q_OPT,
     offsetof(struct _stmt, v.Raise.cause)},
};
static const _PyAST_Field fields_Try[] = {
    {"body", _PyAST_T_stmt, _PyAST_Q_SEQ, offsetof(struct _stmt, v.Try.body)},
    {"handlers", _PyAST_T_excepthandler, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.Try.handlers)},
    {"orelse", _PyAST_T_stmt, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.Try.orelse)},
    {"finalbody", _PyAST_T_stmt, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.Try.finalbody)},
};
static const _PyAST_Field fields_TryStar[] = {
    {"body", _PyAST_T_stmt, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.TryStar.body)},
    {"handlers", _PyAST_T_excepthandler, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.TryStar.handlers)},
    {"orelse", _PyAST_T_stmt, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.TryStar.orelse)},
    {"finalbody", _PyAST_T_stmt, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.TryStar.finalbody)},
};
static const _PyAST_Field fields_Assert[] = {
    {"test", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _stmt, v.Assert.test)},
    {"msg", _PyAST_T_expr, _PyAST_Q_OPT, offsetof(struct _stmt, v.Assert.msg)},
};
static const _PyAST_Field fields_Import[] = {
    {"names", _PyAST_T_alias, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.Import.names)},
    {"is_lazy", _PyAST_T_int, _PyAST_Q_OPT,
     offsetof(struct _stmt, v.Import.is_lazy)},
};
static const _PyAST_Field fields_ImportFrom[] = {
    {"module", _PyAST_T_identifier, _PyAST_Q_OPT,
     offsetof(struct _stmt, v.ImportFrom.module)},
    {"names", _PyAST_T_alias, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.ImportFrom.names)},
    {"level", _PyAST_T_int, _PyAST_Q_OPT,
     offsetof(struct _stmt, v.ImportFrom.level)},
    {"is_lazy", _PyAST_T_int, _PyAST_Q_OPT,
     offsetof(struct _stmt, v.ImportFrom.is_lazy)},
};
static const _PyAST_Field fields_Global[] = {
    {"names", _PyAST_T_identifier, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.Global.names)},
};
static const _PyAST_Field fields_Nonlocal[] = {
    {"names", _PyAST_T_identifier, _PyAST_Q_SEQ,
     offsetof(struct _stmt, v.Nonlocal.names)},
};
static const _PyAST_Field fields_Expr[] = {
    {"value", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _stmt, v.Expr.value)},
};
static const _PyAST_Field fields_BoolOp[] = {
    {"op", _PyAST_T_boolop, _PyAST_Q_ONE, offsetof(struct _expr, v.BoolOp.op)},
    {"values", _PyAST_T_expr, _PyAST_Q_SEQ,
     offsetof(struct _expr, v.BoolOp.values)},
};
static const _PyAST_Field fields_NamedExpr[] = {
    {"target", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _expr, v.NamedExpr.target)},
    {"value", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _expr, v.NamedExpr.value)},
};
static const _PyAST_Field fields_BinOp[] = {
    {"left", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _expr, v.BinOp.left)},
    {"op", _PyAST_T_operator, _PyAST_Q_ONE,
     offsetof(struct _expr, v.BinOp.op)},
    {"right", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _expr, v.BinOp.right)},
};
static const _PyAST_Field fields_UnaryOp[] = {
    {"op", _PyAST_T_unaryop, _PyAST_Q_ONE,
     offsetof(struct _expr, v.UnaryOp.op)},
    {"operand", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _expr, v.UnaryOp.operand)},
};
static const _PyAST_Field fields_Lambda[] = {
    {"args", _PyAST_T_arguments, _PyAST_Q_ONE,
     offsetof(struct _expr, v.Lambda.args)},
    {"body", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _expr, v.Lambda.body)},
};
static const _PyAST_Field fields_IfExp[] = {
    {"test", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _expr, v.IfExp.test)},
    {"body", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _expr, v.IfExp.body)},
    {"orelse", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _expr, v.IfExp.orelse)},
};
static const _PyAST_Field fields_Dict[] = {
    {"keys", _PyAST_T_expr, _PyAST_Q_SEQ_OPT,
     offsetof(struct _expr, v.Dict.keys)},
    {"values", _PyAST_T_expr, _PyAST_Q_SEQ,
     offsetof(struct _expr, v.Dict.values)},
};
static const _PyAST_Field fields_Set[] = {
    {"elts", _PyAST_T_expr, _PyAST_Q_SEQ, offsetof(struct _expr, v.Set.elts)},
};
static const _PyAST_Field fields_ListComp[] = {
    {"elt", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _expr, v.ListComp.elt)},
    {"generators", _PyAST_T_comprehension, _PyAST_Q_SEQ,
     offsetof(struct _expr, v.ListComp.generators)},
};
static const _PyAST_Field fields_SetComp[] = {
    {"elt", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _expr, v.SetComp.elt)},
    {"generators", _PyAST_T_comprehension, _PyAST_Q_SEQ,
     offsetof(struct _expr, v.SetComp.generators)},
};
static const _PyAST_Field fields_DictComp[] = {
    {"key", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _expr, v.DictComp.key)},
    {"value", _PyAST_T_expr, _PyAST_Q_OPT,
     offsetof(struct _expr, v.DictComp.value)},
    {"generators", _PyAST_T_comprehension, _PyAST_Q_SEQ,
     offsetof(struct _expr, v.DictComp.generators)},
};
static const _PyAST_Field fields_GeneratorExp[] = {
    {"elt", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _expr, v.GeneratorExp.elt)},
    {"generators", _PyAST_T_comprehension, _PyAST_Q_SEQ,
     offsetof(struct _expr, v.GeneratorExp.generators)},
};
static const _PyAST_Field fields_Await[] = {
    {"value", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _expr, v.Await.value)},
};
static const _PyAST_Field fields_Yield[] = {
    {"value", _PyAST_T_expr, _PyAST_Q_OPT,
     offsetof(struct _expr, v.Yield.value)},
};
static const _PyAST_Field fields_YieldFrom[] = {
    {"value", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _expr, v.YieldFrom.value)},
};
static const _PyAST_Field fields_Compare[] = {
    {"left", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _expr, v.Compare.left)},
    {"ops", _PyAST_T_cmpop, _PyAST_Q_SEQ,
     offsetof(struct _expr, v.Compare.ops)},
    {"comparators", _PyAST_T_expr, _PyAST_Q_SEQ,
     offsetof(struct _expr, v.Compare.comparators)},
};
static const _PyAST_Field fields_Call[] = {
    {"func", _PyAST_T_expr, _PyAST_Q_ONE, offsetof(struct _expr, v.Call.func)},
    {"args", _PyAST_T_expr, _PyAST_Q_SEQ, offsetof(struct _expr, v.Call.args)},
    {"keywords", _PyAST_T_keyword, _PyAST_Q_SEQ,
     offsetof(struct _expr, v.Call.keywords)},
};
static const _PyAST_Field fields_FormattedValue[] = {
    {"value", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _expr, v.FormattedValue.value)},
    {"conversion", _PyAST_T_int, _PyAST_Q_ONE,
     offsetof(struct _expr, v.FormattedValue.conversion)},
    {"format_spec", _PyAST_T_expr, _PyAST_Q_OPT,
     offsetof(struct _expr, v.FormattedValue.format_spec)},
};
static const _PyAST_Field fields_Interpolation[] = {
    {"value", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _expr, v.Interpolation.value)},
    {"str", _PyAST_T_constant, _PyAST_Q_ONE,
     offsetof(struct _expr, v.Interpolation.str)},
    {"conversion", _PyAST_T_int, _PyAST_Q_ONE,
     offsetof(struct _expr, v.Interpolation.conversion)},
    {"format_spec", _PyAST_T_expr, _PyAST_Q_OPT,
     offsetof(struct _expr, v.Interpolation.format_spec)},
};
static const _PyAST_Field fields_JoinedStr[] = {
    {"values", _PyAST_T_expr, _PyAST_Q_SEQ,
     offsetof(struct _expr, v.JoinedStr.values)},
};
static const _PyAST_Field fields_TemplateStr[] = {
    {"values", _PyAST_T_expr, _PyAST_Q_SEQ,
     offsetof(struct _expr, v.TemplateStr.values)},
};
static const _PyAST_Field fields_Constant[] = {
    {"value", _PyAST_T_constant, _PyAST_Q_ONE,
     offsetof(struct _expr, v.Constant.value)},
    {"kind", _PyAST_T_string, _PyAST_Q_OPT,
     offsetof(struct _expr, v.Constant.kind)},
};
static const _PyAST_Field fields_Attribute[] = {
    {"value", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _expr, v.Attribute.value)},
    {"attr", _PyAST_T_identifier, _PyAST_Q_ONE,
     offsetof(struct _expr, v.Attribute.attr)},
    {"ctx", _PyAST_T_expr_context, _PyAST_Q_ONE,
     offsetof(struct _expr, v.Attribute.ctx)},
};
static const _PyAST_Field fields_Subscript[] = {
    {"value", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _expr, v.Subscript.value)},
    {"slice", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _expr, v.Subscript.slice)},
    {"ctx", _PyAST_T_expr_context, _PyAST_Q_ONE,
     offsetof(struct _expr, v.Subscript.ctx)},
};
static const _PyAST_Field fields_Starred[] = {
    {"value", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _expr, v.Starred.value)},
    {"ctx", _PyAST_T_expr_context, _PyAST_Q_ONE,
     offsetof(struct _expr, v.Starred.ctx)},
};
static const _PyAST_Field fields_Name[] = {
    {"id", _PyAST_T_identifier, _PyAST_Q_ONE,
     offsetof(struct _expr, v.Name.id)},
    {"ctx", _PyAST_T_expr_context, _PyAST_Q_ONE,
     offsetof(struct _expr, v.Name.ctx)},
};
static const _PyAST_Field fields_List[] = {
    {"elts", _PyAST_T_expr, _PyAST_Q_SEQ, offsetof(struct _expr, v.List.elts)},
    {"ctx", _PyAST_T_expr_context, _PyAST_Q_ONE,
     offsetof(struct _expr, v.List.ctx)},
};
static const _PyAST_Field fields_Tuple[] = {
    {"elts", _PyAST_T_expr, _PyAST_Q_SEQ,
     offsetof(struct _expr, v.Tuple.elts)},
    {"ctx", _PyAST_T_expr_context, _PyAST_Q_ONE,
     offsetof(struct _expr, v.Tuple.ctx)},
};
static const _PyAST_Field fields_Slice[] = {
    {"lower", _PyAST_T_expr, _PyAST_Q_OPT,
     offsetof(struct _expr, v.Slice.lower)},
    {"upper", _PyAST_T_expr, _PyAST_Q_OPT,
     offsetof(struct _expr, v.Slice.upper)},
    {"step", _PyAST_T_expr, _PyAST_Q_OPT,
     offsetof(struct _expr, v.Slice.step)},
};
static const _PyAST_Field fields_comprehension[] = {
    {"target", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _comprehension, target)},
    {"iter", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _comprehension, iter)},
    {"ifs", _PyAST_T_expr, _PyAST_Q_SEQ, offsetof(struct _comprehension, ifs)},
    {"is_async", _PyAST_T_int, _PyAST_Q_ONE,
     offsetof(struct _comprehension, is_async)},
};
static const _PyAST_Field fields_ExceptHandler[] = {
    {"type", _PyAST_T_expr, _PyAST_Q_OPT,
     offsetof(struct _excepthandler, v.ExceptHandler.type)},
    {"name", _PyAST_T_identifier, _PyAST_Q_OPT,
     offsetof(struct _excepthandler, v.ExceptHandler.name)},
    {"body", _PyAST_T_stmt, _PyAST_Q_SEQ,
     offsetof(struct _excepthandler, v.ExceptHandler.body)},
};
static const _PyAST_Field fields_arguments[] = {
    {"posonlyargs", _PyAST_T_arg, _PyAST_Q_SEQ,
     offsetof(struct _arguments, posonlyargs)},
    {"args", _PyAST_T_arg, _PyAST_Q_SEQ, offsetof(struct _arguments, args)},
    {"vararg", _PyAST_T_arg, _PyAST_Q_OPT,
     offsetof(struct _arguments, vararg)},
    {"kwonlyargs", _PyAST_T_arg, _PyAST_Q_SEQ,
     offsetof(struct _arguments, kwonlyargs)},
    {"kw_defaults", _PyAST_T_expr, _PyAST_Q_SEQ_OPT,
     offsetof(struct _arguments, kw_defaults)},
    {"kwarg", _PyAST_T_arg, _PyAST_Q_OPT, offsetof(struct _arguments, kwarg)},
    {"defaults", _PyAST_T_expr, _PyAST_Q_SEQ,
     offsetof(struct _arguments, defaults)},
};
static const _PyAST_Field fields_arg[] = {
    {"arg", _PyAST_T_identifier, _PyAST_Q_ONE, offsetof(struct _arg, arg)},
    {"annotation", _PyAST_T_expr, _PyAST_Q_OPT,
     offsetof(struct _arg, annotation)},
    {"type_comment", _PyAST_T_string, _PyAST_Q_OPT,
     offsetof(struct _arg, type_comment)},
};
static const _PyAST_Field fields_keyword[] = {
    {"arg", _PyAST_T_identifier, _PyAST_Q_OPT, offsetof(struct _keyword, arg)},
    {"value", _PyAST_T_expr, _PyAST_Q_ONE, offsetof(struct _keyword, value)},
};
static const _PyAST_Field fields_alias[] = {
    {"name", _PyAST_T_identifier, _PyAST_Q_ONE, offsetof(struct _alias, name)},
    {"asname", _PyAST_T_identifier, _PyAST_Q_OPT,
     offsetof(struct _alias, asname)},
};
static const _PyAST_Field fields_withitem[] = {
    {"context_expr", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _withitem, context_expr)},
    {"optional_vars", _PyAST_T_expr, _PyAST_Q_OPT,
     offsetof(struct _withitem, optional_vars)},
};
static const _PyAST_Field fields_match_case[] = {
    {"pattern", _PyAST_T_pattern, _PyAST_Q_ONE,
     offsetof(struct _match_case, pattern)},
    {"guard", _PyAST_T_expr, _PyAST_Q_OPT,
     offsetof(struct _match_case, guard)},
    {"body", _PyAST_T_stmt, _PyAST_Q_SEQ, offsetof(struct _match_case, body)},
};
static const _PyAST_Field fields_MatchValue[] = {
    {"value", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _pattern, v.MatchValue.value)},
};
static const _PyAST_Field fields_MatchSingleton[] = {
    {"value", _PyAST_T_constant, _PyAST_Q_ONE,
     offsetof(struct _pattern, v.MatchSingleton.value)},
};
static const _PyAST_Field fields_MatchSequence[] = {
    {"patterns", _PyAST_T_pattern, _PyAST_Q_SEQ,
     offsetof(struct _pattern, v.MatchSequence.patterns)},
};
static const _PyAST_Field fields_MatchMapping[] = {
    {"keys", _PyAST_T_expr, _PyAST_Q_SEQ,
     offsetof(struct _pattern, v.MatchMapping.keys)},
    {"patterns", _PyAST_T_pattern, _PyAST_Q_SEQ,
     offsetof(struct _pattern, v.MatchMapping.patterns)},
    {"rest", _PyAST_T_identifier, _PyAST_Q_OPT,
     offsetof(struct _pattern, v.MatchMapping.rest)},
};
static const _PyAST_Field fields_MatchClass[] = {
    {"cls", _PyAST_T_expr, _PyAST_Q_ONE,
     offsetof(struct _pattern, v.MatchClass.cls)},
    {"patterns", _PyAST_T_pattern, _PyAST_Q_SEQ,
     offsetof(struct _pattern, v.MatchClass.patterns)},
    {"kwd_attrs", _PyAST_T_identifier, _PyAST_Q_SEQ,
     offsetof(struct _pattern, v.MatchClass.kwd_attrs)},
    {"kwd_patterns", _PyAST_T_pattern, _PyAST_Q_SEQ,
     offsetof(struct _pattern, v.MatchClass.kwd_patterns)},
};
static const _PyAST_Field fields_MatchStar[] = {
    {"name", _PyAST_T_identifier, _PyAST_Q_OPT,
     offsetof(struct _pattern, v.MatchStar.name)},
};
static const _PyAST_Field fields_MatchAs[] = {
    {"pattern", _PyAST_T_pattern, _PyAST_Q_OPT,
     offsetof(struct _pattern, v.MatchAs.pattern)},
    {"name", _PyAST_T_identifier, _PyAST_Q_OPT,
     offsetof(struct _pattern, v.MatchAs.name)},
};
static const _PyAST_Field fields_MatchOr[] = {
    {"patterns", _PyAST_T_pattern, _PyAST_Q_SEQ,
     offsetof(struct _pattern, v.MatchOr.patterns)},
};
static const _PyAST_Field fields_TypeIgnore[] = {
    {"lineno", _PyAST_T_int, _PyAST_Q_ONE,
     offsetof(struct _type_ignore, v.TypeIgnore.lineno)},
    {"tag", _PyAST_T_string, _PyAST_Q_ONE,
     offsetof(struct _type_ignore, v.TypeIgnore.tag)},
};
static const _PyAST_Field fields_TypeVar[] = {
    {"name", _PyAST_T_identifier, _PyAST_Q_ONE,
     offsetof(struct _type_param, v.TypeVar.name)},
    {"bound", _PyAST_T_expr, _PyAST_Q_OPT,
     offsetof(struct _type_param, v.TypeVar.bound)},
    {"default_value", _PyAST_T_expr, _PyAST_Q_OPT,
     offsetof(struct _type_param, v.TypeVar.default_value)},
};
static const _PyAST_Field fields_ParamSpec[] = {
    {"name", _PyAST_T_identifier, _PyAST_Q_ONE,
     offsetof(struct _type_param, v.ParamSpec.name)},
    {"default_value", _PyAST_T_expr, _PyAST_Q_OPT,
     offsetof(struct _type_param, v.ParamSpec.default_value)},
};
static const _PyAST_Field fields_TypeVarTuple[] = {
    {"name", _PyAST_T_identifier, _PyAST_Q_ONE,
     offsetof(struct _type_param, v.TypeVarTuple.name)},
    {"default_value", _PyAST_T_expr, _PyAST_Q_OPT,
     offsetof(struct _type_param, v.TypeVarTuple.default_value)},
};
const _PyAST_NodeInfo _PyAST_Nodes[] = {
    {"Module", _PyAST_T_mod, 2, fields_Module},
    {"Interactive", _PyAST_T_mod, 1, fields_Interactive},
    {"Expression", _PyAST_T_mod, 1, fields_Expression},
    {"FunctionType", _PyAST_T_mod, 2, fields_FunctionType},
    {"FunctionDef", _PyAST_T_stmt, 7, fields_FunctionDef},
    {"AsyncFunctionDef", _PyAST_T_stmt, 7, fields_AsyncFunctionDef},
    {"ClassDef", _PyAST_T_stmt, 6, fields_ClassDef},
    {"Return", _PyAST_T_stmt, 1, fields_Return},
    {"Delete", _PyAST_T_stmt, 1, fields_Delete},
    {"Assign", _PyAST_T_stmt, 3, fields_Assign},
    {"TypeAlias", _PyAST_T_stmt, 3, fields_TypeAlias},
    {"AugAssign", _PyAST_T_stmt, 3, fields_AugAssign},
    {"AnnAssign", _PyAST_T_stmt, 4, fields_AnnAssign},
    {"For", _PyAST_T_stmt, 5, fields_For},
    {"AsyncFor", _PyAST_T_stmt, 5, fields_AsyncFor},
    {"While", _PyAST_T_stmt, 3, fields_While},
    {"If", _PyAST_T_stmt, 3, fields_If},
    {"With", _PyAST_T_stmt, 3, fields_With},
    {"AsyncWith", _PyAST_T_stmt, 3, fields_AsyncWith},
    {"Match", _PyAST_T_stmt, 2, fields_Match},
    {"Raise", _PyAST_T_stmt, 2, fields_Raise},
    {"Try", _PyAST_T_stmt, 4, fields_Try},
    {"TryStar", _PyAST_T_stmt, 4, fields_TryStar},
    {"Assert", _PyAST_T_stmt, 2, fields_Assert},
    {"Import", _PyAST_T_stmt, 2, fields_Import},
    {"ImportFrom", _PyAST_T_stmt, 4, fields_ImportFrom},
    {"Global", _PyAST_T_stmt, 1, fields_Global},
    {"Nonlocal", _PyAST_T_stmt, 1, fields_Nonlocal},
    {"Expr", _PyAST_T_stmt, 1, fields_Expr},
    {"Pass", _PyAST_T_stmt, 0, NULL},
    {"Break", _PyAST_T_stmt, 0, NULL},
    {"Continue", _PyAST_T_stmt, 0, NULL},
    {"BoolOp", _PyAST_T_expr, 2, fields_BoolOp},
    {"NamedExpr", _PyAST_T_expr, 2, fields_NamedExpr},
    {"BinOp", _PyAST_T_expr, 3, fields_BinOp},
    {"UnaryOp", _PyAST_T_expr, 2, fields_UnaryOp},
    {"Lambda", _PyAST_T_expr, 2, fields_Lambda},
    {"IfExp", _PyAST_T_expr, 3, fields_IfExp},
    {"Dict", _PyAST_T_expr, 2, fields_Dict},
    {"Set", _PyAST_T_expr, 1, fields_Set},
    {"ListComp", _PyAST_T_expr, 2, fields_ListComp},
    {"SetComp", _PyAST_T_expr, 2, fields_SetComp},
    {"DictComp", _PyAST_T_expr, 3, fields_DictComp},
    {"GeneratorExp", _PyAST_T_expr, 2, fields_GeneratorExp},
    {"Await", _PyAST_T_expr, 1, fields_Await},
    {"Yield", _PyAST_T_expr, 1, fields_Yield},
    {"YieldFrom", _PyAST_T_expr, 1, fields_YieldFrom},
    {"Compare", _PyAST_T_expr, 3, fields_Compare},
    {"Call", _PyAST_T_expr, 3, fields_Call},
    {"FormattedValue", _PyAST_T_expr, 3, fields_FormattedValue},
    {"Interpolation", _PyAST_T_expr, 4, fields_Interpolation},
    {"JoinedStr", _PyAST_T_expr, 1, fields_JoinedStr},
    {"TemplateStr", _PyAST_T_expr, 1, fields_TemplateStr},
    {"Constant", _PyAST_T_expr, 2, fields_Constant},
    {"Attribute", _PyAST_T_expr, 3, fields_Attribute},
    {"Subscript", _PyAST_T_expr, 3, fields_Subscript},
    {"Starred", _PyAST_T_expr, 2, fields_Starred},
    {"Name", _PyAST_T_expr, 2, fields_Name},
    {"List", _PyAST_T_expr, 2, fields_List},
    {"Tuple", _PyAST_T_expr, 2, fields_Tuple},
    {"Slice", _PyAST_T_expr, 3, fields_Slice},
    {"Load", _PyAST_T_expr_context, 0, NULL},
    {"Store", _PyAST_T_expr_context, 0, NULL},
    {"Del", _PyAST_T_expr_context, 0, NULL},
    {"And", _PyAST_T_boolop, 0, NULL},
    {"Or", _PyAST_T_boolop, 0, NULL},
    {"Add", _PyAST_T_operator, 0, NULL},
    {"Sub", _PyAST_T_operator, 0, NULL},
    {"Mult", _PyAST_T_operator, 0, NULL},
    {"MatMult", _PyAST_T_operator, 0, NULL},
    {"Div", _PyAST_T_operator, 0, NULL},
    {"Mod", _PyAST_T_operator, 0, NULL},
    {"Pow", _PyAST_T_operator, 0, NULL},
    {"LShift", _PyAST_T_operator, 0, NULL},
    {"RShift", _PyAST_T_operator, 0, NULL},
    {"BitOr", _PyAST_T_operator, 0, NULL},
    {"BitXor", _PyAST_T_operator, 0, NULL},
    {"BitAnd", _PyAST_T_operator, 0, NULL},
    {"FloorDiv", _PyAST_T_operator, 0, NULL},
    {"Invert", _PyAST_T_unaryop, 0, NULL},
    {"Not", _PyAST_T_unaryop, 0, NULL},
    {"UAdd", _PyAST_T_unaryop, 0, NULL},
    {"USub", _PyAST_T_unaryop, 0, NULL},
    {"Eq", _PyAST_T_cmpop, 0, NULL},
    {"NotEq", _PyAST_T_cmpop, 0, NULL},
    {"Lt", _PyAST_T_cmpop, 0, NULL},
    {"LtE", _PyAST_T_cmpop, 0, NULL},
    {"Gt", _PyAST_T_cmpop, 0, NULL},
    {"GtE", _PyAST_T_cmpop, 0, NULL},
    {"Is", _PyAST_T_cmpop, 0, NULL},
    {"IsNot", _PyAST_T_cmpop, 0, NULL},
    {"In", _PyAST_T_cmpop, 0, NULL},
    {"NotIn", _PyAST_T_cmpop, 0, NULL},
    {"comprehension", _PyAST_T_comprehension, 4, fields_comprehension},
    {"ExceptHandler", _PyAST_T_excepthandler, 3, fields_ExceptHandler},
    {"arguments", _PyAST_T_arguments, 7, fields_arguments},
    {"arg", _PyAST_T_arg, 3, fields_arg},
    {"keyword", _PyAST_T_keyword, 2, fields_keyword},
    {"alias", _PyAST_T_alias, 2, fields_alias},
    {"withitem", _PyAST_T_withitem, 2, fields_withitem},
    {"match_case", _PyAST_T_match_case, 3, fields_match_case},
    {"MatchValue", _PyAST_T_pattern, 1, fields_MatchValue},
    {"MatchSingleton", _PyAST_T_pattern, 1, fields_MatchSingleton},
    {"MatchSequence", _PyAST_T_pattern, 1, fields_MatchSequence},
    {"MatchMapping", _PyAST_T_pattern, 3, fields_MatchMapping},
    {"MatchClass", _PyAST_T_pattern, 4, fields_MatchClass},
    {"MatchStar", _PyAST_T_pattern, 1, fields_MatchStar},
    {"MatchAs", _PyAST_T_pattern, 2, fields_MatchAs},
    {"MatchOr", _PyAST_T_pattern, 1, fields_MatchOr},
    {"TypeIgnore", _PyAST_T_type_ignore, 2, fields_TypeIgnore},
    {"TypeVar", _PyAST_T_type_param, 3, fields_TypeVar},
    {"ParamSpec", _PyAST_T_type_param, 2, fields_ParamSpec},
    {"TypeVarTuple", _PyAST_T_type_param, 2, fields_TypeVarTuple},
};
const _PyAST_TypeInfo _PyAST_Types[] = {
    {"mod", _PyAST_CAT_SUM, 0, 4, 0, 0, NOLOC},
    {"stmt", _PyAST_CAT_SUM, 4, 28, 1, 1, LOC(_stmt)},
    {"expr", _PyAST_CAT_SUM, 32, 29, 1, 1, LOC(_expr)},
    {"expr_context", _PyAST_CAT_ENUM, 61, 3, 0, 0, NOLOC},
    {"boolop", _PyAST_CAT_ENUM, 64, 2, 0, 0, NOLOC},
    {"operator", _PyAST_CAT_ENUM, 66, 13, 0, 0, NOLOC},
    {"unaryop", _PyAST_CAT_ENUM, 79, 4, 0, 0, NOLOC},
    {"cmpop", _PyAST_CAT_ENUM, 83, 10, 0, 0, NOLOC},
    {"comprehension", _PyAST_CAT_PRODUCT, 93, 1, 0, 0, NOLOC},
    {"excepthandler", _PyAST_CAT_SUM, 94, 1, 1, 1, LOC(_excepthandler)},
    {"arguments", _PyAST_CAT_PRODUCT, 95, 1, 0, 0, NOLOC},
    {"arg", _PyAST_CAT_PRODUCT, 96, 1, 1, 1, LOC(_arg)},
    {"keyword", _PyAST_CAT_PRODUCT, 97, 1, 1, 1, LOC(_keyword)},
    {"alias", _PyAST_CAT_PRODUCT, 98, 1, 1, 1, LOC(_alias)},
    {"withitem", _PyAST_CAT_PRODUCT, 99, 1, 0, 0, NOLOC},
    {"match_case", _PyAST_CAT_PRODUCT, 100, 1, 0, 0, NOLOC},
    {"pattern", _PyAST_CAT_SUM, 101, 8, 1, 0, LOC(_pattern)},
    {"type_ignore", _PyAST_CAT_SUM, 109, 1, 0, 0, NOLOC},
    {"type_param", _PyAST_CAT_SUM, 110, 3, 1, 0, LOC(_type_param)},
    {"identifier", _PyAST_CAT_BUILTIN, 0, 0, 0, 0, NOLOC},
    {"string", _PyAST_CAT_BUILTIN, 0, 0, 0, 0, NOLOC},
    {"constant", _PyAST_CAT_BUILTIN, 0, 0, 0, 0, NOLOC},
    {"int", _PyAST_CAT_BUILTIN, 0, 0, 0, 0, NOLOC},
};

const _PyAST_NodeInfo *
_PyAST_NodeInfoOf(int type, const void *node)
{
    const _PyAST_TypeInfo *t = &_PyAST_Types[type];
    switch (t->category) {
    case _PyAST_CAT_SUM: {
        /* Every sum struct starts with its kind (1-based). */
        int kind = *(const int *)node;
        if (kind < 1 || kind > t->count) {
            return NULL;
        }
        return &_PyAST_Nodes[t->first + kind - 1];
    }
    case _PyAST_CAT_PRODUCT:
        return &_PyAST_Nodes[t->first];
    default:
        return NULL;
    }
}
