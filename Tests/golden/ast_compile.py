# compile() of built and transformed trees, validation errors, locations,
# the helper functions, literal_eval and node constructors.
import ast
import copy
import pickle

# A tree built by hand, compiled and run.
tree = ast.Module(body=[
    ast.Assign(targets=[ast.Name('x', ast.Store())],
               value=ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7))),
    ast.Expr(ast.Call(ast.Name('print', ast.Load()), [ast.Name('x', ast.Load())],
                      [])),
])
ast.fix_missing_locations(tree)
exec(compile(tree, '<built>', 'exec'))
print(eval(compile(ast.fix_missing_locations(
    ast.Expression(ast.Constant('eval'))), '<e>', 'eval')))


# A transformer that rewrites names and drops asserts.
class Rewrite(ast.NodeTransformer):
    def visit_Name(self, node):
        if node.id == 'a':
            return ast.copy_location(ast.Name('b', node.ctx), node)
        return node

    def visit_Assert(self, node):
        return None


tree = ast.parse("a = 1\nassert False\nprint(a + 1)")
tree = Rewrite().visit(tree)
print(ast.unparse(tree))
namespace = {}
exec(compile(tree, '<rewritten>', 'exec'), namespace)
print(sorted(k for k in namespace if k != '__builtins__'))


class Counter(ast.NodeVisitor):
    def __init__(self):
        self.names = []

    def visit_Name(self, node):
        self.names.append(node.id)
        self.generic_visit(node)


counter = Counter()
counter.visit(ast.parse("x = y + f(z, w=q)"))
print(counter.names)
print(sorted(type(n).__name__ for n in ast.walk(ast.parse("a + b"))))
print([name for name, _ in ast.iter_fields(ast.parse("x", mode='eval').body)])
print([type(n).__name__
       for n in ast.iter_child_nodes(ast.parse("f(a, b=c)", mode='eval').body)])

# Validation errors from compile().
def try_compile(node, mode='exec'):
    try:
        compile(node, '<bad>', mode)
    except (TypeError, ValueError) as error:
        print(type(error).__name__ + ':', str(error).split(' at 0x')[0])
    else:
        print('compiled')

try_compile(ast.parse("x"), 'eval')
bad = ast.parse("x")
del bad.body[0].value.id
try_compile(bad)
bad = ast.parse("x")
bad.body[0].value = ast.Module([], [])
try_compile(bad)
try_compile(ast.fix_missing_locations(
    ast.Module([ast.Expr(ast.Name('x', ast.Store()))], [])))
try_compile(ast.fix_missing_locations(
    ast.Module([ast.If(ast.Constant(1), [], [])], [])))
bad = ast.parse("x")
bad.body = ast.Name('x')
try_compile(bad)
bad = ast.parse("x")
bad.body[0].value.id = 5
try_compile(bad)
bad = ast.parse("x")
del bad.body[0].lineno
try_compile(bad)
try_compile(ast.fix_missing_locations(
    ast.Module([ast.Expr(ast.Constant([1]))], [])))

# Locations.
source = "first = 1\nvalue = call(\n    arg,  # comment\n)\n"
tree = ast.parse(source)
call = tree.body[1].value
print(call.lineno, call.col_offset, call.end_lineno, call.end_col_offset)
print(repr(ast.get_source_segment(source, call)))
print(repr(ast.get_source_segment(source, tree.body[1].targets[0])))
print(repr(ast.get_source_segment("if x:\n    y = (1,\n  2)\n",
                                  ast.parse("if x:\n    y = (1,\n  2)\n")
                                  .body[0].body[0], padded=True)))
name = ast.parse("é = 'ü'").body[0]
print(name.value.col_offset, name.value.end_col_offset,
      ast.get_source_segment("é = 'ü'", name.value))
ast.increment_lineno(tree, 10)
print(tree.body[0].lineno, call.lineno, call.end_lineno)
node = ast.copy_location(ast.Name('n'), call)
print(node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)

# Docstrings.
tree = ast.parse('"""Module.\n\n    Indented.\n"""\ndef f():\n    "F."\n    return 1\n')
print(repr(ast.get_docstring(tree)), repr(ast.get_docstring(tree, clean=False)))
print(repr(ast.get_docstring(tree.body[1])))
print(ast.get_docstring(ast.parse("x = 1")))
try:
    ast.get_docstring(ast.Name('x'))
except TypeError as error:
    print('TypeError:', error)

# literal_eval.
for text in ["[1, 2.5, 'x', b'y', None, True, ...]", "{'a': (1, 2), 3: {4}}",
             "-5", "+3.5", "1 + 2j", "-1 - 2j", "set()", " \t(1,)",
             "frozenset()", "1 + 2", "x", "2j + 1", "[1, f()]", "{1: 2}[1]"]:
    try:
        print(repr(ast.literal_eval(text)))
    except ValueError as error:
        print('ValueError:', str(error).split(': <')[0])
print(ast.literal_eval(ast.parse("(1, 2)", mode='eval')))
print(ast.literal_eval(ast.Constant(7)))
try:
    ast.literal_eval("1 +")
except SyntaxError:
    print('SyntaxError')

# compare.
print(ast.compare(ast.parse("a + 1"), ast.parse("a+1")),
      ast.compare(ast.parse("a + 1"), ast.parse("a + 2")),
      ast.compare(ast.parse("a + 1"), ast.parse("a +  1"),
                  compare_attributes=True))

# Node classes and constructors (Python 3.13+ semantics, 3.15 errors).
print(ast.Name._fields, ast.Name._attributes, ast.Name.__match_args__)
print(ast.FunctionDef._field_types['body'], ast.FunctionDef._field_types['returns'])
print(ast.arguments().args, ast.Constant(1).kind, type(ast.Name('v').ctx).__name__)
print(issubclass(ast.Name, ast.expr), issubclass(ast.expr, ast.AST),
      isinstance(ast.Load(), ast.expr_context), ast.Add.__mro__[1].__name__)
print(ast.Name.__module__, ast.BinOp.__doc__)
print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT,
      ast.PyCF_OPTIMIZED_AST)
for make in [lambda: ast.Constant(), lambda: ast.Constant(1, None, 2),
             lambda: ast.Constant(1, value=2), lambda: ast.Name('x', bogus=1),
             lambda: ast.FunctionDef()]:
    try:
        make()
    except TypeError as error:
        print('TypeError:', error)
node = ast.Name('x', lineno=4)
print(node.lineno, node.end_lineno, ast.dump(node))
moved = node.__replace__(id='y')
print(moved.id, moved.lineno, node.id)
print(copy.replace(ast.Constant(1), value=2).value)
tree = ast.parse("def f(x):\n    return [x, {1: 2}]")
for clone in (copy.deepcopy(tree), pickle.loads(pickle.dumps(tree))):
    print(ast.dump(clone) == ast.dump(tree), clone.body[0].lineno)
match ast.parse("a + 1", mode='eval').body:
    case ast.BinOp(ast.Name(name), ast.Add(), ast.Constant(value)):
        print('matched', name, value)

# compile() returns an AST for PyCF_ONLY_AST, folded for PyCF_OPTIMIZED_AST.
tree = ast.parse("x")
print(compile(tree, '<t>', 'exec', ast.PyCF_ONLY_AST) is tree)
# Python 3.14+ folds only __debug__ and match value literals in the tree.
print(ast.dump(ast.parse("2 * 3 + x, (1, 2)", optimize=1)))
print(ast.dump(ast.parse("__debug__", optimize=1)),
      ast.dump(ast.parse("__debug__", optimize=0)))
print(ast.dump(ast.parse("match x:\n case -1 | 1 + 2j | (-3): pass", optimize=1)
               .body[0].cases[0].pattern))
print(ast.dump(ast.parse("(int, str) -> bool", mode='func_type')))
try:
    compile("(int) -> int", '<t>', 'func_type')
except ValueError as error:
    print('ValueError:', error)

# Library modules compile to the same code from source and from their tree.
import os


def same_code(a, b):
    fields = ('co_code', 'co_names', 'co_varnames', 'co_linetable',
              'co_exceptiontable', 'co_flags', 'co_qualname')
    if any(getattr(a, f) != getattr(b, f) for f in fields):
        return False
    if len(a.co_consts) != len(b.co_consts):
        return False
    for x, y in zip(a.co_consts, b.co_consts):
        if hasattr(x, 'co_code'):
            if not same_code(x, y):
                return False
        elif type(x) is not type(y) or (x != y and x == x):
            return False
    return True


library = os.path.dirname(ast.__file__)
for name in ['bisect.py', 'textwrap.py', 'contextlib.py']:
    path = os.path.join(library, name)
    with open(path, 'rb') as fp:
        source = fp.read()
    print(name, same_code(compile(source, path, 'exec'),
                          compile(ast.parse(source, path), path, 'exec')))
# Constant(None) and MatchSingleton(None) keep None as their value.
tree = ast.parse("x = None\nmatch x:\n    case None:\n        print('none')")
exec(compile(tree, '<none>', 'exec'))
