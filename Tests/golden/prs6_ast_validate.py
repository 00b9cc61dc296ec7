# compile() of hand-made AST objects: the validator's messages for
# malformed trees (empty bodies, missing fields, bad patterns) and for
# impossible node positions, as CPython 3.12+ words them.  Expected
# output written from CPython's validator messages.
import ast
def tryc(node, mode="exec"):
    try:
        compile(node, "<ast>", mode)
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)
L = dict(lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)
tryc(ast.Module(body=[ast.Expr(ast.Name("x", ast.Store(), **L), **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.Assign(targets=[ast.Name("x", ast.Load(), **L)], value=ast.Constant(1, **L), **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.Expr(ast.Constant([1], **L), **L)], type_ignores=[]))
tryc(ast.Expression(body=ast.Name("x", ast.Load(), **L)), "eval")
tryc(ast.Module(body=[ast.Expr(ast.Name("True", ast.Load(), **L), **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.FunctionDef("f", ast.arguments([], [], None, [], [], None, []), [], [], None, None, [], **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.If(ast.Constant(1, **L), [], [], **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.Expr(ast.BinOp(ast.Constant(1, **L), ast.Add(), None, **L), **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.Expr(ast.Compare(ast.Constant(1, **L), [ast.Eq()], [], **L), **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.ImportFrom("x", [ast.alias("y")], -1, **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.Global([], **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.Expr(ast.Dict([ast.Constant(1, **L)], [], **L), **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.Raise(None, ast.Constant(1, **L), **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.Try([ast.Pass(**L)], [], [], [], **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.Expr(ast.Lambda(ast.arguments([], [], None, [], [], None, [ast.Constant(1, **L)]), ast.Constant(1, **L), **L), **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.Expr(ast.Starred(ast.Name("x", ast.Load(), **L), ast.Load(), **L), **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.Expr(ast.Name("x", ast.Load()), **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.Expr(ast.Constant(1, lineno=2, col_offset=0, end_lineno=1, end_col_offset=0), **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.Expr(ast.JoinedStr([ast.Constant(1, **L)], **L), **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.Nonlocal(["x"], **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.Match(ast.Name("x", ast.Load(), **L), [], **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.Match(ast.Name("x", ast.Load(), **L), [ast.match_case(ast.MatchValue(ast.Name("y", ast.Load(), **L), **L), None, [ast.Pass(**L)])], **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.Match(ast.Name("x", ast.Load(), **L), [ast.match_case(ast.MatchAs(ast.MatchAs(None, "a", **L), None, **L), None, [ast.Pass(**L)])], **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.Match(ast.Name("x", ast.Load(), **L), [ast.match_case(ast.MatchSingleton(5, **L), None, [ast.Pass(**L)])], **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.Match(ast.Name("x", ast.Load(), **L), [ast.match_case(ast.MatchStar("a", **L), None, [ast.Pass(**L)])], **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.Match(ast.Name("x", ast.Load(), **L), [ast.match_case(ast.MatchMapping([ast.Name("k", ast.Load(), **L)], [ast.MatchAs(None, "v", **L)], None, **L), None, [ast.Pass(**L)])], **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.Match(ast.Name("x", ast.Load(), **L), [ast.match_case(ast.MatchClass(ast.Name("C", ast.Load(), **L), [], ["a"], [], **L), None, [ast.Pass(**L)])], **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.Match(ast.Name("x", ast.Load(), **L), [ast.match_case(ast.MatchAs(None, "_", **L), None, [ast.Pass(**L)])], **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.Match(ast.Name("x", ast.Load(), **L), [ast.match_case(ast.MatchOr([ast.MatchValue(ast.Constant(1, **L), **L)], **L), None, [ast.Pass(**L)])], **L)], type_ignores=[]))
for kw in [dict(lineno=2, col_offset=0, end_lineno=1, end_col_offset=0),
           dict(lineno=1, col_offset=5, end_lineno=1, end_col_offset=2),
           dict(lineno=-1, col_offset=0, end_lineno=3, end_col_offset=0),
           dict(lineno=1, col_offset=-1, end_lineno=1, end_col_offset=3),
           dict(lineno=3, col_offset=2),
           dict(lineno=-1, col_offset=-1, end_lineno=-1, end_col_offset=-1)]:
    tryc(ast.Module(body=[ast.Expr(ast.Constant(1, **kw), **L)], type_ignores=[]))
tryc(ast.Module(body=[ast.Pass(lineno=4, col_offset=3, end_lineno=4, end_col_offset=1)], type_ignores=[]))
