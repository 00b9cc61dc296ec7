/* Expected results for the parser tests (Tests/capi/test_parser.c):
   sources with the ast.dump() text Python 3.15 gives for them, and
   sources with the SyntaxError each must raise.  Included by
   test_parser.c only. */
#ifndef WEFT_TEST_PARSER_CASES_H
#define WEFT_TEST_PARSER_CASES_H

typedef struct {
    int mode;
    const char *source;
    const char *dump;
} ast_case;

enum { E_SYNTAX, E_INDENT, E_TAB };

typedef struct {
    const char *source;
    int type;
    const char *msg;
    int lineno, offset, end_lineno, end_offset;
    const char *text;           /* NULL: None */
} error_case;

static const ast_case statements_cases[] = {
    {Py_file_input,
        "x: int\n",
        "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotatio"
        "n=Name(id='int', ctx=Load()), simple=1)])"},
    {Py_file_input,
        "x: int = 5\n",
        "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotatio"
        "n=Name(id='int', ctx=Load()), value=Constant(value=5), simple=1)])"},
    {Py_file_input,
        "(x): int = 5\n",
        "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotatio"
        "n=Name(id='int', ctx=Load()), value=Constant(value=5), simple=0)])"},
    {Py_file_input,
        "a.b: int\n",
        "Module(body=[AnnAssign(target=Attribute(value=Name(id='a', ctx=Loa"
        "d()), attr='b', ctx=Store()), annotation=Name(id='int', ctx=Load()"
        "), simple=0)])"},
    {Py_file_input,
        "a[1]: int = 2\n",
        "Module(body=[AnnAssign(target=Subscript(value=Name(id='a', ctx=Loa"
        "d()), slice=Constant(value=1), ctx=Store()), annotation=Name(id='i"
        "nt', ctx=Load()), value=Constant(value=2), simple=0)])"},
    {Py_file_input,
        "del a, b[0], c.d\n",
        "Module(body=[Delete(targets=[Name(id='a', ctx=Del()), Subscript(va"
        "lue=Name(id='b', ctx=Load()), slice=Constant(value=0), ctx=Del()),"
        " Attribute(value=Name(id='c', ctx=Load()), attr='d', ctx=Del())])]"
        ")"},
    {Py_file_input,
        "del (a, b), [c]\n",
        "Module(body=[Delete(targets=[Tuple(elts=[Name(id='a', ctx=Del()), "
        "Name(id='b', ctx=Del())], ctx=Del()), List(elts=[Name(id='c', ctx="
        "Del())], ctx=Del())])])"},
    {Py_file_input,
        "pass\n",
        "Module(body=[Pass()])"},
    {Py_file_input,
        "def f(): return\n",
        "Module(body=[FunctionDef(name='f', args=arguments(), body=[Return("
        ")])])"},
    {Py_file_input,
        "def f(a, b=1, *args, c, d=2, **kw): pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(args=[arg(arg='a"
        "'), arg(arg='b')], vararg=arg(arg='args'), kwonlyargs=[arg(arg='c'"
        "), arg(arg='d')], kw_defaults=[None, Constant(value=2)], kwarg=arg"
        "(arg='kw'), defaults=[Constant(value=1)]), body=[Pass()])])"},
    {Py_file_input,
        "def f(a, /, b, *, c): pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg"
        "(arg='a')], args=[arg(arg='b')], kwonlyargs=[arg(arg='c')], kw_def"
        "aults=[None]), body=[Pass()])])"},
    {Py_file_input,
        "def f(a=1, /, b=2, *, c): pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg"
        "(arg='a')], args=[arg(arg='b')], kwonlyargs=[arg(arg='c')], kw_def"
        "aults=[None], defaults=[Constant(value=1), Constant(value=2)]), bo"
        "dy=[Pass()])])"},
    {Py_file_input,
        "def f(*, a=1, b): pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(kwonlyargs=[arg("
        "arg='a'), arg(arg='b')], kw_defaults=[Constant(value=1), None]), b"
        "ody=[Pass()])])"},
    {Py_file_input,
        "def f(a: int, *args: str, b: float = 1.0, **kw: dict) -> None: pas"
        "s\n",
        "Module(body=[FunctionDef(name='f', args=arguments(args=[arg(arg='a"
        "', annotation=Name(id='int', ctx=Load()))], vararg=arg(arg='args',"
        " annotation=Name(id='str', ctx=Load())), kwonlyargs=[arg(arg='b', "
        "annotation=Name(id='float', ctx=Load()))], kw_defaults=[Constant(v"
        "alue=1.0)], kwarg=arg(arg='kw', annotation=Name(id='dict', ctx=Loa"
        "d()))), body=[Pass()], returns=Constant(value=None))])"},
    {Py_file_input,
        "@dec\n@dec2(1)\ndef f(): pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(), body=[Pass()]"
        ", decorator_list=[Name(id='dec', ctx=Load()), Call(func=Name(id='d"
        "ec2', ctx=Load()), args=[Constant(value=1)])])])"},
    {Py_file_input,
        "@a.b.c\nclass C(Base, metaclass=M):\n    x = 1\n    def m(self): p"
        "ass\n",
        "Module(body=[ClassDef(name='C', bases=[Name(id='Base', ctx=Load())"
        "], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load("
        ")))], body=[Assign(targets=[Name(id='x', ctx=Store())], value=Cons"
        "tant(value=1)), FunctionDef(name='m', args=arguments(args=[arg(arg"
        "='self')]), body=[Pass()])], decorator_list=[Attribute(value=Attri"
        "bute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), attr='"
        "c', ctx=Load())])])"},
    {Py_file_input,
        "class C: pass\n",
        "Module(body=[ClassDef(name='C', body=[Pass()])])"},
    {Py_file_input,
        "class C(): pass\n",
        "Module(body=[ClassDef(name='C', body=[Pass()])])"},
    {Py_file_input,
        "async def f():\n    await x\n    async for a in b: pass\n    async"
        " with c as d, e: pass\n    return [i async for i in y]\n",
        "Module(body=[AsyncFunctionDef(name='f', args=arguments(), body=[Ex"
        "pr(value=Await(value=Name(id='x', ctx=Load()))), AsyncFor(target=N"
        "ame(id='a', ctx=Store()), iter=Name(id='b', ctx=Load()), body=[Pas"
        "s()]), AsyncWith(items=[withitem(context_expr=Name(id='c', ctx=Loa"
        "d()), optional_vars=Name(id='d', ctx=Store())), withitem(context_e"
        "xpr=Name(id='e', ctx=Load()))], body=[Pass()]), Return(value=ListC"
        "omp(elt=Name(id='i', ctx=Load()), generators=[comprehension(target"
        "=Name(id='i', ctx=Store()), iter=Name(id='y', ctx=Load()), is_asyn"
        "c=1)]))])])"},
    {Py_file_input,
        "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n",
        "Module(body=[If(test=Name(id='a', ctx=Load()), body=[Pass()], orel"
        "se=[If(test=Name(id='b', ctx=Load()), body=[Pass()], orelse=[Pass("
        ")])])])"},
    {Py_file_input,
        "if a: pass\nelif b: pass\nelif c: pass\n",
        "Module(body=[If(test=Name(id='a', ctx=Load()), body=[Pass()], orel"
        "se=[If(test=Name(id='b', ctx=Load()), body=[Pass()], orelse=[If(te"
        "st=Name(id='c', ctx=Load()), body=[Pass()])])])])"},
    {Py_file_input,
        "while x:\n    break\nelse:\n    continue\n",
        "Module(body=[While(test=Name(id='x', ctx=Load()), body=[Break()], "
        "orelse=[Continue()])])"},
    {Py_file_input,
        "for i in range(10):\n    pass\nelse:\n    pass\n",
        "Module(body=[For(target=Name(id='i', ctx=Store()), iter=Call(func="
        "Name(id='range', ctx=Load()), args=[Constant(value=10)]), body=[Pa"
        "ss()], orelse=[Pass()])])"},
    {Py_file_input,
        "for a, (b, c), *d in e: pass\n",
        "Module(body=[For(target=Tuple(elts=[Name(id='a', ctx=Store()), Tup"
        "le(elts=[Name(id='b', ctx=Store()), Name(id='c', ctx=Store())], ct"
        "x=Store()), Starred(value=Name(id='d', ctx=Store()), ctx=Store())]"
        ", ctx=Store()), iter=Name(id='e', ctx=Load()), body=[Pass()])])"},
    {Py_file_input,
        "for x, in y: pass\n",
        "Module(body=[For(target=Tuple(elts=[Name(id='x', ctx=Store())], ct"
        "x=Store()), iter=Name(id='y', ctx=Load()), body=[Pass()])])"},
    {Py_file_input,
        "for [a, b] in c: pass\n",
        "Module(body=[For(target=List(elts=[Name(id='a', ctx=Store()), Name"
        "(id='b', ctx=Store())], ctx=Store()), iter=Name(id='c', ctx=Load()"
        "), body=[Pass()])])"},
    {Py_file_input,
        "with a: pass\n",
        "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Lo"
        "ad()))], body=[Pass()])])"},
    {Py_file_input,
        "with a as b, c as d: pass\n",
        "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Lo"
        "ad()), optional_vars=Name(id='b', ctx=Store())), withitem(context_"
        "expr=Name(id='c', ctx=Load()), optional_vars=Name(id='d', ctx=Stor"
        "e()))], body=[Pass()])])"},
    {Py_file_input,
        "with (a as b, c as d): pass\n",
        "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Lo"
        "ad()), optional_vars=Name(id='b', ctx=Store())), withitem(context_"
        "expr=Name(id='c', ctx=Load()), optional_vars=Name(id='d', ctx=Stor"
        "e()))], body=[Pass()])])"},
    {Py_file_input,
        "with (a, b): pass\n",
        "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Lo"
        "ad())), withitem(context_expr=Name(id='b', ctx=Load()))], body=[Pa"
        "ss()])])"},
    {Py_file_input,
        "with (a, b) as c: pass\n",
        "Module(body=[With(items=[withitem(context_expr=Tuple(elts=[Name(id"
        "='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), optiona"
        "l_vars=Name(id='c', ctx=Store()))], body=[Pass()])])"},
    {Py_file_input,
        "with (a): pass\n",
        "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Lo"
        "ad()))], body=[Pass()])])"},
    {Py_file_input,
        "with (yield x): pass\n",
        "Module(body=[With(items=[withitem(context_expr=Yield(value=Name(id"
        "='x', ctx=Load())))], body=[Pass()])])"},
    {Py_file_input,
        "with (a as b,): pass\n",
        "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Lo"
        "ad()), optional_vars=Name(id='b', ctx=Store()))], body=[Pass()])])"},
    {Py_file_input,
        "raise\n",
        "Module(body=[Raise()])"},
    {Py_file_input,
        "raise X\n",
        "Module(body=[Raise(exc=Name(id='X', ctx=Load()))])"},
    {Py_file_input,
        "raise X from Y\n",
        "Module(body=[Raise(exc=Name(id='X', ctx=Load()), cause=Name(id='Y'"
        ", ctx=Load()))])"},
    {Py_file_input,
        "assert x\n",
        "Module(body=[Assert(test=Name(id='x', ctx=Load()))])"},
    {Py_file_input,
        "import a\n",
        "Module(body=[Import(names=[alias(name='a')], is_lazy=0)])"},
    {Py_file_input,
        "import a.b.c as d, e\n",
        "Module(body=[Import(names=[alias(name='a.b.c', asname='d'), alias("
        "name='e')], is_lazy=0)])"},
    {Py_file_input,
        "from a import b\n",
        "Module(body=[ImportFrom(module='a', names=[alias(name='b')], level"
        "=0, is_lazy=0)])"},
    {Py_file_input,
        "from a.b import (c as d, e,)\n",
        "Module(body=[ImportFrom(module='a.b', names=[alias(name='c', asnam"
        "e='d'), alias(name='e')], level=0, is_lazy=0)])"},
    {Py_file_input,
        "from . import x\n",
        "Module(body=[ImportFrom(names=[alias(name='x')], level=1, is_lazy="
        "0)])"},
    {Py_file_input,
        "from .. import x\n",
        "Module(body=[ImportFrom(names=[alias(name='x')], level=2, is_lazy="
        "0)])"},
    {Py_file_input,
        "from ...a import *\n",
        "Module(body=[ImportFrom(module='a', names=[alias(name='*')], level"
        "=3, is_lazy=0)])"},
    {Py_file_input,
        "from .... import y\n",
        "Module(body=[ImportFrom(names=[alias(name='y')], level=4, is_lazy="
        "0)])"},
    {Py_file_input,
        "from . a import b\n",
        "Module(body=[ImportFrom(module='a', names=[alias(name='b')], level"
        "=1, is_lazy=0)])"},
    {Py_file_input,
        "global a, b\n",
        "Module(body=[Global(names=['a', 'b'])])"},
    {Py_file_input,
        "nonlocal c\n",
        "Module(body=[Nonlocal(names=['c'])])"},
    {Py_file_input,
        "def g():\n    x = yield\n    y = yield 1\n    z = yield from w\n  "
        "  yield 1, 2\n",
        "Module(body=[FunctionDef(name='g', args=arguments(), body=[Assign("
        "targets=[Name(id='x', ctx=Store())], value=Yield()), Assign(target"
        "s=[Name(id='y', ctx=Store())], value=Yield(value=Constant(value=1)"
        ")), Assign(targets=[Name(id='z', ctx=Store())], value=YieldFrom(va"
        "lue=Name(id='w', ctx=Load()))), Expr(value=Yield(value=Tuple(elts="
        "[Constant(value=1), Constant(value=2)], ctx=Load())))])])"},
    {Py_file_input,
        "if (n := len(a)) > 10: pass\n",
        "Module(body=[If(test=Compare(left=NamedExpr(target=Name(id='n', ct"
        "x=Store()), value=Call(func=Name(id='len', ctx=Load()), args=[Name"
        "(id='a', ctx=Load())])), ops=[Gt()], comparators=[Constant(value=1"
        "0)]), body=[Pass()])])"},
    {Py_file_input,
        "def f(*, a): pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(kwonlyargs=[arg("
        "arg='a')], kw_defaults=[None]), body=[Pass()])])"},
    {Py_file_input,
        "def f(a, *, b): pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(args=[arg(arg='a"
        "')], kwonlyargs=[arg(arg='b')], kw_defaults=[None]), body=[Pass()]"
        ")])"},
    {Py_file_input,
        "def f(**kw): pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(kwarg=arg(arg='k"
        "w')), body=[Pass()])])"},
    {Py_file_input,
        "def f(*a): pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(vararg=arg(arg='"
        "a')), body=[Pass()])])"},
    {Py_file_input,
        "if x:\n    y = 1\n    z = 2\nw = 3\n",
        "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Assign(target"
        "s=[Name(id='y', ctx=Store())], value=Constant(value=1)), Assign(ta"
        "rgets=[Name(id='z', ctx=Store())], value=Constant(value=2))]), Ass"
        "ign(targets=[Name(id='w', ctx=Store())], value=Constant(value=3))]"
        ")"},
    {Py_file_input,
        "class A:\n    def f(self):\n        if x:\n            for a in b:"
        "\n                while c:\n                    pass\n",
        "Module(body=[ClassDef(name='A', body=[FunctionDef(name='f', args=a"
        "rguments(args=[arg(arg='self')]), body=[If(test=Name(id='x', ctx=L"
        "oad()), body=[For(target=Name(id='a', ctx=Store()), iter=Name(id='"
        "b', ctx=Load()), body=[While(test=Name(id='c', ctx=Load()), body=["
        "Pass()])])])])])])"},
    {Py_file_input,
        "def f(a,): pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(args=[arg(arg='a"
        "')]), body=[Pass()])])"},
    {Py_file_input,
        "def f(a, *, b,): pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(args=[arg(arg='a"
        "')], kwonlyargs=[arg(arg='b')], kw_defaults=[None]), body=[Pass()]"
        ")])"},
    {Py_file_input,
        "async def f():\n    x = [a async for a in b]\n    y = {a async for"
        " a in b}\n    z = {a: b async for a, b in c}\n    w = (a async for"
        " a in b)\n    v = [await a for a in b]\n    async for x in y:\n   "
        "     pass\n",
        "Module(body=[AsyncFunctionDef(name='f', args=arguments(), body=[As"
        "sign(targets=[Name(id='x', ctx=Store())], value=ListComp(elt=Name("
        "id='a', ctx=Load()), generators=[comprehension(target=Name(id='a',"
        " ctx=Store()), iter=Name(id='b', ctx=Load()), is_async=1)])), Assi"
        "gn(targets=[Name(id='y', ctx=Store())], value=SetComp(elt=Name(id="
        "'a', ctx=Load()), generators=[comprehension(target=Name(id='a', ct"
        "x=Store()), iter=Name(id='b', ctx=Load()), is_async=1)])), Assign("
        "targets=[Name(id='z', ctx=Store())], value=DictComp(key=Name(id='a"
        "', ctx=Load()), value=Name(id='b', ctx=Load()), generators=[compre"
        "hension(target=Tuple(elts=[Name(id='a', ctx=Store()), Name(id='b',"
        " ctx=Store())], ctx=Store()), iter=Name(id='c', ctx=Load()), is_as"
        "ync=1)])), Assign(targets=[Name(id='w', ctx=Store())], value=Gener"
        "atorExp(elt=Name(id='a', ctx=Load()), generators=[comprehension(ta"
        "rget=Name(id='a', ctx=Store()), iter=Name(id='b', ctx=Load()), is_"
        "async=1)])), Assign(targets=[Name(id='v', ctx=Store())], value=Lis"
        "tComp(elt=Await(value=Name(id='a', ctx=Load())), generators=[compr"
        "ehension(target=Name(id='a', ctx=Store()), iter=Name(id='b', ctx=L"
        "oad()), is_async=0)])), AsyncFor(target=Name(id='x', ctx=Store()),"
        " iter=Name(id='y', ctx=Load()), body=[Pass()])])])"},
    {Py_file_input,
        "@property\ndef f(): pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(), body=[Pass()]"
        ", decorator_list=[Name(id='property', ctx=Load())])])"},
    {Py_file_input,
        "@(lambda f: f)\ndef g(): pass\n",
        "Module(body=[FunctionDef(name='g', args=arguments(), body=[Pass()]"
        ", decorator_list=[Lambda(args=arguments(args=[arg(arg='f')]), body"
        "=Name(id='f', ctx=Load()))])])"},
    {Py_file_input,
        "@x[0].y\ndef g(): pass\n",
        "Module(body=[FunctionDef(name='g', args=arguments(), body=[Pass()]"
        ", decorator_list=[Attribute(value=Subscript(value=Name(id='x', ctx"
        "=Load()), slice=Constant(value=0), ctx=Load()), attr='y', ctx=Load"
        "())])])"},
    {Py_file_input,
        "class A(B, C, *D, x=1, **E): pass\n",
        "Module(body=[ClassDef(name='A', bases=[Name(id='B', ctx=Load()), N"
        "ame(id='C', ctx=Load()), Starred(value=Name(id='D', ctx=Load()), c"
        "tx=Load())], keywords=[keyword(arg='x', value=Constant(value=1)), "
        "keyword(value=Name(id='E', ctx=Load()))], body=[Pass()])])"},
    {Py_file_input,
        "for x in 1, 2: pass\n",
        "Module(body=[For(target=Name(id='x', ctx=Store()), iter=Tuple(elts"
        "=[Constant(value=1), Constant(value=2)], ctx=Load()), body=[Pass()"
        "])])"},
    {Py_file_input,
        "for x in *a, b: pass\n",
        "Module(body=[For(target=Name(id='x', ctx=Store()), iter=Tuple(elts"
        "=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b'"
        ", ctx=Load())], ctx=Load()), body=[Pass()])])"},
    {Py_file_input,
        "def f(a, b=(1, 2), *, c=[3]): pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(args=[arg(arg='a"
        "'), arg(arg='b')], kwonlyargs=[arg(arg='c')], kw_defaults=[List(el"
        "ts=[Constant(value=3)], ctx=Load())], defaults=[Tuple(elts=[Consta"
        "nt(value=1), Constant(value=2)], ctx=Load())]), body=[Pass()])])"},
    {Py_file_input,
        "with open(x) as f, open(y) as g:\n    pass\n",
        "Module(body=[With(items=[withitem(context_expr=Call(func=Name(id='"
        "open', ctx=Load()), args=[Name(id='x', ctx=Load())]), optional_var"
        "s=Name(id='f', ctx=Store())), withitem(context_expr=Call(func=Name"
        "(id='open', ctx=Load()), args=[Name(id='y', ctx=Load())]), optiona"
        "l_vars=Name(id='g', ctx=Store()))], body=[Pass()])])"},
    {Py_file_input,
        "with a as (b, c): pass\n",
        "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Lo"
        "ad()), optional_vars=Tuple(elts=[Name(id='b', ctx=Store()), Name(i"
        "d='c', ctx=Store())], ctx=Store()))], body=[Pass()])])"},
    {Py_file_input,
        "with a as [b, c]: pass\n",
        "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Lo"
        "ad()), optional_vars=List(elts=[Name(id='b', ctx=Store()), Name(id"
        "='c', ctx=Store())], ctx=Store()))], body=[Pass()])])"},
    {Py_file_input,
        "with a as b.c: pass\n",
        "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Lo"
        "ad()), optional_vars=Attribute(value=Name(id='b', ctx=Load()), att"
        "r='c', ctx=Store()))], body=[Pass()])])"},
    {Py_file_input,
        "with a as b[0]: pass\n",
        "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Lo"
        "ad()), optional_vars=Subscript(value=Name(id='b', ctx=Load()), sli"
        "ce=Constant(value=0), ctx=Store()))], body=[Pass()])])"},
    {Py_file_input,
        "import a as b\n",
        "Module(body=[Import(names=[alias(name='a', asname='b')], is_lazy=0"
        ")])"},
    {Py_file_input,
        "from __future__ import annotations\n",
        "Module(body=[ImportFrom(module='__future__', names=[alias(name='an"
        "notations')], level=0, is_lazy=0)])"},
    {Py_file_input,
        "assert (x, y)\n",
        "Module(body=[Assert(test=Tuple(elts=[Name(id='x', ctx=Load()), Nam"
        "e(id='y', ctx=Load())], ctx=Load()))])"},
    {Py_file_input,
        "del x\n",
        "Module(body=[Delete(targets=[Name(id='x', ctx=Del())])])"},
    {Py_file_input,
        "del (x)\n",
        "Module(body=[Delete(targets=[Name(id='x', ctx=Del())])])"},
    {Py_file_input,
        "del [x, y]\n",
        "Module(body=[Delete(targets=[List(elts=[Name(id='x', ctx=Del()), N"
        "ame(id='y', ctx=Del())], ctx=Del())])])"},
    {Py_file_input,
        "del x,\n",
        "Module(body=[Delete(targets=[Name(id='x', ctx=Del())])])"},
    {Py_file_input,
        "if x: a = 1; b = 2\n",
        "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Assign(target"
        "s=[Name(id='a', ctx=Store())], value=Constant(value=1)), Assign(ta"
        "rgets=[Name(id='b', ctx=Store())], value=Constant(value=2))])])"},
    {Py_file_input,
        "while 1: pass\n",
        "Module(body=[While(test=Constant(value=1), body=[Pass()])])"},
    {Py_file_input,
        "class A(metaclass=M): pass\n",
        "Module(body=[ClassDef(name='A', keywords=[keyword(arg='metaclass',"
        " value=Name(id='M', ctx=Load()))], body=[Pass()])])"},
    {Py_file_input,
        "def f(): return *a, b\n",
        "Module(body=[FunctionDef(name='f', args=arguments(), body=[Return("
        "value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load"
        "()), Name(id='b', ctx=Load())], ctx=Load()))])])"},
    {Py_file_input,
        "class A[*Ts, **P]: pass\n",
        "Module(body=[ClassDef(name='A', body=[Pass()], type_params=[TypeVa"
        "rTuple(name='Ts'), ParamSpec(name='P')])])"},
    {Py_file_input,
        "@a\n@b.c(d)\n@e[f]\nasync def g[T](h: T = 1, /, *, i) -> T: ...\n",
        "Module(body=[AsyncFunctionDef(name='g', args=arguments(posonlyargs"
        "=[arg(arg='h', annotation=Name(id='T', ctx=Load()))], kwonlyargs=["
        "arg(arg='i')], kw_defaults=[None], defaults=[Constant(value=1)]), "
        "body=[Expr(value=Constant(value=Ellipsis))], decorator_list=[Name("
        "id='a', ctx=Load()), Call(func=Attribute(value=Name(id='b', ctx=Lo"
        "ad()), attr='c', ctx=Load()), args=[Name(id='d', ctx=Load())]), Su"
        "bscript(value=Name(id='e', ctx=Load()), slice=Name(id='f', ctx=Loa"
        "d()), ctx=Load())], returns=Name(id='T', ctx=Load()), type_params="
        "[TypeVar(name='T')])])"},
    {Py_file_input,
        "with (\n    open(a) as b,\n    open(c) as d,\n):\n    pass\n",
        "Module(body=[With(items=[withitem(context_expr=Call(func=Name(id='"
        "open', ctx=Load()), args=[Name(id='a', ctx=Load())]), optional_var"
        "s=Name(id='b', ctx=Store())), withitem(context_expr=Call(func=Name"
        "(id='open', ctx=Load()), args=[Name(id='c', ctx=Load())]), optiona"
        "l_vars=Name(id='d', ctx=Store()))], body=[Pass()])])"},
    {Py_file_input,
        "async def f():\n    async with (a as b, c as d):\n        pass\n",
        "Module(body=[AsyncFunctionDef(name='f', args=arguments(), body=[As"
        "yncWith(items=[withitem(context_expr=Name(id='a', ctx=Load()), opt"
        "ional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name("
        "id='c', ctx=Load()), optional_vars=Name(id='d', ctx=Store()))], bo"
        "dy=[Pass()])])])"},
    {Py_file_input,
        "if a:\n    pass\nelif b:\n    pass\n",
        "Module(body=[If(test=Name(id='a', ctx=Load()), body=[Pass()], orel"
        "se=[If(test=Name(id='b', ctx=Load()), body=[Pass()])])])"},
    {Py_file_input,
        "del a[0], b.c\n",
        "Module(body=[Delete(targets=[Subscript(value=Name(id='a', ctx=Load"
        "()), slice=Constant(value=0), ctx=Del()), Attribute(value=Name(id="
        "'b', ctx=Load()), attr='c', ctx=Del())])])"},
    {Py_file_input,
        "while (x := f()):\n    pass\n",
        "Module(body=[While(test=NamedExpr(target=Name(id='x', ctx=Store())"
        ", value=Call(func=Name(id='f', ctx=Load()))), body=[Pass()])])"},
};

static const ast_case expressions_cases[] = {
    {Py_file_input,
        "x = 1\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Con"
        "stant(value=1))])"},
    {Py_file_input,
        "a, b = c, d = e\n",
        "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store())"
        ", Name(id='b', ctx=Store())], ctx=Store()), Tuple(elts=[Name(id='c"
        "', ctx=Store()), Name(id='d', ctx=Store())], ctx=Store())], value="
        "Name(id='e', ctx=Load()))])"},
    {Py_file_input,
        "x += 1; y -= 2; z *= 3; w @= 4; v /= 5; u //= 6; t %= 7; s **= 8; "
        "r >>= 9; q <<= 1; p &= 2; o |= 3; n ^= 4\n",
        "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Add(),"
        " value=Constant(value=1)), AugAssign(target=Name(id='y', ctx=Store"
        "()), op=Sub(), value=Constant(value=2)), AugAssign(target=Name(id="
        "'z', ctx=Store()), op=Mult(), value=Constant(value=3)), AugAssign("
        "target=Name(id='w', ctx=Store()), op=MatMult(), value=Constant(val"
        "ue=4)), AugAssign(target=Name(id='v', ctx=Store()), op=Div(), valu"
        "e=Constant(value=5)), AugAssign(target=Name(id='u', ctx=Store()), "
        "op=FloorDiv(), value=Constant(value=6)), AugAssign(target=Name(id="
        "'t', ctx=Store()), op=Mod(), value=Constant(value=7)), AugAssign(t"
        "arget=Name(id='s', ctx=Store()), op=Pow(), value=Constant(value=8)"
        "), AugAssign(target=Name(id='r', ctx=Store()), op=RShift(), value="
        "Constant(value=9)), AugAssign(target=Name(id='q', ctx=Store()), op"
        "=LShift(), value=Constant(value=1)), AugAssign(target=Name(id='p',"
        " ctx=Store()), op=BitAnd(), value=Constant(value=2)), AugAssign(ta"
        "rget=Name(id='o', ctx=Store()), op=BitOr(), value=Constant(value=3"
        ")), AugAssign(target=Name(id='n', ctx=Store()), op=BitXor(), value"
        "=Constant(value=4))])"},
    {Py_file_input,
        "lambda: 0\n",
        "Module(body=[Expr(value=Lambda(args=arguments(), body=Constant(val"
        "ue=0)))])"},
    {Py_file_input,
        "lambda x, y=1, *a, z, **k: x\n",
        "Module(body=[Expr(value=Lambda(args=arguments(args=[arg(arg='x'), "
        "arg(arg='y')], vararg=arg(arg='a'), kwonlyargs=[arg(arg='z')], kw_"
        "defaults=[None], kwarg=arg(arg='k'), defaults=[Constant(value=1)])"
        ", body=Name(id='x', ctx=Load())))])"},
    {Py_file_input,
        "lambda x, /, y: 0\n",
        "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[arg(arg"
        "='x')], args=[arg(arg='y')]), body=Constant(value=0)))])"},
    {Py_file_input,
        "try:\n    pass\nexcept ValueError:\n    pass\nexcept (A, B) as e:"
        "\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass"
        "\n",
        "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Name("
        "id='ValueError', ctx=Load()), body=[Pass()]), ExceptHandler(type=T"
        "uple(elts=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())], ct"
        "x=Load()), name='e', body=[Pass()]), ExceptHandler(body=[Pass()])]"
        ", orelse=[Pass()], finalbody=[Pass()])])"},
    {Py_file_input,
        "try:\n    pass\nfinally:\n    pass\n",
        "Module(body=[Try(body=[Pass()], finalbody=[Pass()])])"},
    {Py_file_input,
        "try:\n    pass\nexcept* ValueError:\n    pass\nexcept* (A, B) as e"
        ":\n    pass\n",
        "Module(body=[TryStar(body=[Pass()], handlers=[ExceptHandler(type=N"
        "ame(id='ValueError', ctx=Load()), body=[Pass()]), ExceptHandler(ty"
        "pe=Tuple(elts=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())]"
        ", ctx=Load()), name='e', body=[Pass()])])])"},
    {Py_file_input,
        "x = 1 if y else 2\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfE"
        "xp(test=Name(id='y', ctx=Load()), body=Constant(value=1), orelse=C"
        "onstant(value=2)))])"},
    {Py_file_input,
        "x = a or b or c and d and not e\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Boo"
        "lOp(op=Or(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Lo"
        "ad()), BoolOp(op=And(), values=[Name(id='c', ctx=Load()), Name(id="
        "'d', ctx=Load()), UnaryOp(op=Not(), operand=Name(id='e', ctx=Load("
        ")))])]))])"},
    {Py_file_input,
        "x = a < b <= c > d >= e == f != g is h is not i in j not in k\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Com"
        "pare(left=Name(id='a', ctx=Load()), ops=[Lt(), LtE(), Gt(), GtE(),"
        " Eq(), NotEq(), Is(), IsNot(), In(), NotIn()], comparators=[Name(i"
        "d='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', ctx=Loa"
        "d()), Name(id='e', ctx=Load()), Name(id='f', ctx=Load()), Name(id="
        "'g', ctx=Load()), Name(id='h', ctx=Load()), Name(id='i', ctx=Load("
        ")), Name(id='j', ctx=Load()), Name(id='k', ctx=Load())]))])"},
    {Py_file_input,
        "x = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m ** n\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Bin"
        "Op(left=Name(id='a', ctx=Load()), op=BitOr(), right=BinOp(left=Nam"
        "e(id='b', ctx=Load()), op=BitXor(), right=BinOp(left=Name(id='c', "
        "ctx=Load()), op=BitAnd(), right=BinOp(left=BinOp(left=Name(id='d',"
        " ctx=Load()), op=LShift(), right=Name(id='e', ctx=Load())), op=RSh"
        "ift(), right=BinOp(left=BinOp(left=Name(id='f', ctx=Load()), op=Ad"
        "d(), right=Name(id='g', ctx=Load())), op=Sub(), right=BinOp(left=B"
        "inOp(left=BinOp(left=BinOp(left=BinOp(left=Name(id='h', ctx=Load()"
        "), op=Mult(), right=Name(id='i', ctx=Load())), op=Div(), right=Nam"
        "e(id='j', ctx=Load())), op=FloorDiv(), right=Name(id='k', ctx=Load"
        "())), op=Mod(), right=Name(id='l', ctx=Load())), op=MatMult(), rig"
        "ht=BinOp(left=Name(id='m', ctx=Load()), op=Pow(), right=Name(id='n"
        "', ctx=Load())))))))))])"},
    {Py_file_input,
        "x = -a + +b - ~c\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Bin"
        "Op(left=BinOp(left=UnaryOp(op=USub(), operand=Name(id='a', ctx=Loa"
        "d())), op=Add(), right=UnaryOp(op=UAdd(), operand=Name(id='b', ctx"
        "=Load()))), op=Sub(), right=UnaryOp(op=Invert(), operand=Name(id='"
        "c', ctx=Load()))))])"},
    {Py_file_input,
        "x = not not a\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Una"
        "ryOp(op=Not(), operand=UnaryOp(op=Not(), operand=Name(id='a', ctx="
        "Load()))))])"},
    {Py_file_input,
        "x = 2 ** -1\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Bin"
        "Op(left=Constant(value=2), op=Pow(), right=UnaryOp(op=USub(), oper"
        "and=Constant(value=1))))])"},
    {Py_file_input,
        "x = a ** b ** c\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Bin"
        "Op(left=Name(id='a', ctx=Load()), op=Pow(), right=BinOp(left=Name("
        "id='b', ctx=Load()), op=Pow(), right=Name(id='c', ctx=Load()))))])"},
    {Py_file_input,
        "x = await_ if 1 else 2\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfE"
        "xp(test=Constant(value=1), body=Name(id='await_', ctx=Load()), ore"
        "lse=Constant(value=2)))])"},
    {Py_file_input,
        "x = f(a, b, *c, d=1, **e)\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Cal"
        "l(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), N"
        "ame(id='b', ctx=Load()), Starred(value=Name(id='c', ctx=Load()), c"
        "tx=Load())], keywords=[keyword(arg='d', value=Constant(value=1)), "
        "keyword(value=Name(id='e', ctx=Load()))]))])"},
    {Py_file_input,
        "x = f(*a, *b, c=1, *d, **e, **f)\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Cal"
        "l(func=Name(id='f', ctx=Load()), args=[Starred(value=Name(id='a', "
        "ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), "
        "ctx=Load()), Starred(value=Name(id='d', ctx=Load()), ctx=Load())],"
        " keywords=[keyword(arg='c', value=Constant(value=1)), keyword(valu"
        "e=Name(id='e', ctx=Load())), keyword(value=Name(id='f', ctx=Load()"
        "))]))])"},
    {Py_file_input,
        "x = f(x for x in y)\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Cal"
        "l(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='x"
        "', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx="
        "Store()), iter=Name(id='y', ctx=Load()), is_async=0)])]))])"},
    {Py_file_input,
        "x = f(a)(b)(c)\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Cal"
        "l(func=Call(func=Call(func=Name(id='f', ctx=Load()), args=[Name(id"
        "='a', ctx=Load())]), args=[Name(id='b', ctx=Load())]), args=[Name("
        "id='c', ctx=Load())]))])"},
    {Py_file_input,
        "x = a.b.c[d][e:f][::g][h:i:j][k, l][m:n, o]\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Sub"
        "script(value=Subscript(value=Subscript(value=Subscript(value=Subsc"
        "ript(value=Subscript(value=Attribute(value=Attribute(value=Name(id"
        "='a', ctx=Load()), attr='b', ctx=Load()), attr='c', ctx=Load()), s"
        "lice=Name(id='d', ctx=Load()), ctx=Load()), slice=Slice(lower=Name"
        "(id='e', ctx=Load()), upper=Name(id='f', ctx=Load())), ctx=Load())"
        ", slice=Slice(step=Name(id='g', ctx=Load())), ctx=Load()), slice=S"
        "lice(lower=Name(id='h', ctx=Load()), upper=Name(id='i', ctx=Load()"
        "), step=Name(id='j', ctx=Load())), ctx=Load()), slice=Tuple(elts=["
        "Name(id='k', ctx=Load()), Name(id='l', ctx=Load())], ctx=Load()), "
        "ctx=Load()), slice=Tuple(elts=[Slice(lower=Name(id='m', ctx=Load()"
        "), upper=Name(id='n', ctx=Load())), Name(id='o', ctx=Load())], ctx"
        "=Load()), ctx=Load()))])"},
    {Py_file_input,
        "x = a[1:2, ...]\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Sub"
        "script(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(low"
        "er=Constant(value=1), upper=Constant(value=2)), Constant(value=Ell"
        "ipsis)], ctx=Load()), ctx=Load()))])"},
    {Py_file_input,
        "x = a[*b]\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Sub"
        "script(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Starred(v"
        "alue=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()), ctx=Load"
        "()))])"},
    {Py_file_input,
        "x = a[*b, c]\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Sub"
        "script(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Starred(v"
        "alue=Name(id='b', ctx=Load()), ctx=Load()), Name(id='c', ctx=Load("
        "))], ctx=Load()), ctx=Load()))])"},
    {Py_file_input,
        "x = [1, 2, *a]\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lis"
        "t(elts=[Constant(value=1), Constant(value=2), Starred(value=Name(i"
        "d='a', ctx=Load()), ctx=Load())], ctx=Load()))])"},
    {Py_file_input,
        "x = (1,)\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tup"
        "le(elts=[Constant(value=1)], ctx=Load()))])"},
    {Py_file_input,
        "x = ()\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tup"
        "le(ctx=Load()))])"},
    {Py_file_input,
        "x = []\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lis"
        "t(ctx=Load()))])"},
    {Py_file_input,
        "x = {}\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Dic"
        "t())])"},
    {Py_file_input,
        "x = {1, 2, *a}\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Set"
        "(elts=[Constant(value=1), Constant(value=2), Starred(value=Name(id"
        "='a', ctx=Load()), ctx=Load())]))])"},
    {Py_file_input,
        "x = {1: 2, **a, 3: 4}\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Dic"
        "t(keys=[Constant(value=1), None, Constant(value=3)], values=[Const"
        "ant(value=2), Name(id='a', ctx=Load()), Constant(value=4)]))])"},
    {Py_file_input,
        "x = [i for i in range(10) if i % 2 if i > 3 for j in k]\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lis"
        "tComp(elt=Name(id='i', ctx=Load()), generators=[comprehension(targ"
        "et=Name(id='i', ctx=Store()), iter=Call(func=Name(id='range', ctx="
        "Load()), args=[Constant(value=10)]), ifs=[BinOp(left=Name(id='i', "
        "ctx=Load()), op=Mod(), right=Constant(value=2)), Compare(left=Name"
        "(id='i', ctx=Load()), ops=[Gt()], comparators=[Constant(value=3)])"
        "], is_async=0), comprehension(target=Name(id='j', ctx=Store()), it"
        "er=Name(id='k', ctx=Load()), is_async=0)]))])"},
    {Py_file_input,
        "x = {i for i in a}\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Set"
        "Comp(elt=Name(id='i', ctx=Load()), generators=[comprehension(targe"
        "t=Name(id='i', ctx=Store()), iter=Name(id='a', ctx=Load()), is_asy"
        "nc=0)]))])"},
    {Py_file_input,
        "x = {i: j for i, j in a}\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Dic"
        "tComp(key=Name(id='i', ctx=Load()), value=Name(id='j', ctx=Load())"
        ", generators=[comprehension(target=Tuple(elts=[Name(id='i', ctx=St"
        "ore()), Name(id='j', ctx=Store())], ctx=Store()), iter=Name(id='a'"
        ", ctx=Load()), is_async=0)]))])"},
    {Py_file_input,
        "x = (i for i in a)\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Gen"
        "eratorExp(elt=Name(id='i', ctx=Load()), generators=[comprehension("
        "target=Name(id='i', ctx=Store()), iter=Name(id='a', ctx=Load()), i"
        "s_async=0)]))])"},
    {Py_file_input,
        "x = [(yield)]\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lis"
        "t(elts=[Yield()], ctx=Load()))])"},
    {Py_file_input,
        "x = (y := 5)\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Nam"
        "edExpr(target=Name(id='y', ctx=Store()), value=Constant(value=5)))"
        "])"},
    {Py_file_input,
        "[y := f(x), y**2]\n",
        "Module(body=[Expr(value=List(elts=[NamedExpr(target=Name(id='y', c"
        "tx=Store()), value=Call(func=Name(id='f', ctx=Load()), args=[Name("
        "id='x', ctx=Load())])), BinOp(left=Name(id='y', ctx=Load()), op=Po"
        "w(), right=Constant(value=2))], ctx=Load()))])"},
    {Py_file_input,
        "x = 1_000_000 + 0x_ff + 0o17 + 0b1010 + 1_0.5e1_0 + 1j + 0.5J + .5"
        " + 1. + 1e10 + 1E-5 + 00 + 0_0\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Bin"
        "Op(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Bin"
        "Op(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Con"
        "stant(value=1000000), op=Add(), right=Constant(value=255)), op=Add"
        "(), right=Constant(value=15)), op=Add(), right=Constant(value=10))"
        ", op=Add(), right=Constant(value=105000000000.0)), op=Add(), right"
        "=Constant(value=1j)), op=Add(), right=Constant(value=0.5j)), op=Ad"
        "d(), right=Constant(value=0.5)), op=Add(), right=Constant(value=1."
        "0)), op=Add(), right=Constant(value=10000000000.0)), op=Add(), rig"
        "ht=Constant(value=1e-05)), op=Add(), right=Constant(value=0)), op="
        "Add(), right=Constant(value=0)))])"},
    {Py_file_input,
        "x = 123456789012345678901234567890\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Con"
        "stant(value=123456789012345678901234567890))])"},
    {Py_file_input,
        "x = ...\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Con"
        "stant(value=Ellipsis))])"},
    {Py_file_input,
        "x = None, True, False\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tup"
        "le(elts=[Constant(value=None), Constant(value=True), Constant(valu"
        "e=False)], ctx=Load()))])"},
    {Py_file_input,
        "x = lambda: (yield)\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lam"
        "bda(args=arguments(), body=Yield()))])"},
    {Py_file_input,
        "x = [*a for a in b]\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lis"
        "tComp(elt=Starred(value=Name(id='a', ctx=Load()), ctx=Load()), gen"
        "erators=[comprehension(target=Name(id='a', ctx=Store()), iter=Name"
        "(id='b', ctx=Load()), is_async=0)]))])"},
    {Py_file_input,
        "x = a if b else c if d else e\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfE"
        "xp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), o"
        "relse=IfExp(test=Name(id='d', ctx=Load()), body=Name(id='c', ctx=L"
        "oad()), orelse=Name(id='e', ctx=Load()))))])"},
    {Py_file_input,
        "x = lambda x: lambda y: x + y\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lam"
        "bda(args=arguments(args=[arg(arg='x')]), body=Lambda(args=argument"
        "s(args=[arg(arg='y')]), body=BinOp(left=Name(id='x', ctx=Load()), "
        "op=Add(), right=Name(id='y', ctx=Load())))))])"},
    {Py_file_input,
        "x = a.b(c).d[e]\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Sub"
        "script(value=Attribute(value=Call(func=Attribute(value=Name(id='a'"
        ", ctx=Load()), attr='b', ctx=Load()), args=[Name(id='c', ctx=Load("
        "))]), attr='d', ctx=Load()), slice=Name(id='e', ctx=Load()), ctx=L"
        "oad()))])"},
    {Py_file_input,
        "x = not a == b\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Una"
        "ryOp(op=Not(), operand=Compare(left=Name(id='a', ctx=Load()), ops="
        "[Eq()], comparators=[Name(id='b', ctx=Load())])))])"},
    {Py_file_input,
        "x = -1 ** 2\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Una"
        "ryOp(op=USub(), operand=BinOp(left=Constant(value=1), op=Pow(), ri"
        "ght=Constant(value=2))))])"},
    {Py_file_input,
        "x = (a, b) = c\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store()), Tuple(elts"
        "=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], ctx=Store"
        "())], value=Name(id='c', ctx=Load()))])"},
    {Py_file_input,
        "x, *y = z\n",
        "Module(body=[Assign(targets=[Tuple(elts=[Name(id='x', ctx=Store())"
        ", Starred(value=Name(id='y', ctx=Store()), ctx=Store())], ctx=Stor"
        "e())], value=Name(id='z', ctx=Load()))])"},
    {Py_file_input,
        "[a, *b] = c\n",
        "Module(body=[Assign(targets=[List(elts=[Name(id='a', ctx=Store()),"
        " Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store"
        "())], value=Name(id='c', ctx=Load()))])"},
    {Py_file_input,
        "a = b = c = d\n",
        "Module(body=[Assign(targets=[Name(id='a', ctx=Store()), Name(id='b"
        "', ctx=Store()), Name(id='c', ctx=Store())], value=Name(id='d', ct"
        "x=Load()))])"},
    {Py_file_input,
        "x = 1;\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Con"
        "stant(value=1))])"},
    {Py_file_input,
        "x = {**a, **b}\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Dic"
        "t(keys=[None, None], values=[Name(id='a', ctx=Load()), Name(id='b'"
        ", ctx=Load())]))])"},
    {Py_file_input,
        "x = [1, 2, 3,]\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lis"
        "t(elts=[Constant(value=1), Constant(value=2), Constant(value=3)], "
        "ctx=Load()))])"},
    {Py_file_input,
        "x = (1, 2, 3,)\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tup"
        "le(elts=[Constant(value=1), Constant(value=2), Constant(value=3)],"
        " ctx=Load()))])"},
    {Py_file_input,
        "f(a,)\n",
        "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=["
        "Name(id='a', ctx=Load())]))])"},
    {Py_file_input,
        "f(a, b=1,)\n",
        "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=["
        "Name(id='a', ctx=Load())], keywords=[keyword(arg='b', value=Consta"
        "nt(value=1))]))])"},
    {Py_file_input,
        "lambda a,: 0\n",
        "Module(body=[Expr(value=Lambda(args=arguments(args=[arg(arg='a')])"
        ", body=Constant(value=0)))])"},
    {Py_file_input,
        "x = a[b:c, d]\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Sub"
        "script(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(low"
        "er=Name(id='b', ctx=Load()), upper=Name(id='c', ctx=Load())), Name"
        "(id='d', ctx=Load())], ctx=Load()), ctx=Load()))])"},
    {Py_file_input,
        "x = a[:, 1]\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Sub"
        "script(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(), "
        "Constant(value=1)], ctx=Load()), ctx=Load()))])"},
    {Py_file_input,
        "x = a[...]\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Sub"
        "script(value=Name(id='a', ctx=Load()), slice=Constant(value=Ellips"
        "is), ctx=Load()))])"},
    {Py_file_input,
        "x = a[b, :]\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Sub"
        "script(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Name(id='"
        "b', ctx=Load()), Slice()], ctx=Load()), ctx=Load()))])"},
    {Py_file_input,
        "x = a[1:2:3]\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Sub"
        "script(value=Name(id='a', ctx=Load()), slice=Slice(lower=Constant("
        "value=1), upper=Constant(value=2), step=Constant(value=3)), ctx=Lo"
        "ad()))])"},
    {Py_file_input,
        "x = a[:]\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Sub"
        "script(value=Name(id='a', ctx=Load()), slice=Slice(), ctx=Load()))"
        "])"},
    {Py_file_input,
        "x = a[::]\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Sub"
        "script(value=Name(id='a', ctx=Load()), slice=Slice(), ctx=Load()))"
        "])"},
    {Py_file_input,
        "x = a[b := 1]\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Sub"
        "script(value=Name(id='a', ctx=Load()), slice=NamedExpr(target=Name"
        "(id='b', ctx=Store()), value=Constant(value=1)), ctx=Load()))])"},
    {Py_file_input,
        "x = a.b.c.d\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Att"
        "ribute(value=Attribute(value=Attribute(value=Name(id='a', ctx=Load"
        "()), attr='b', ctx=Load()), attr='c', ctx=Load()), attr='d', ctx=L"
        "oad()))])"},
    {Py_file_input,
        "x = yield_\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Nam"
        "e(id='yield_', ctx=Load()))])"},
    {Py_file_input,
        "x = 1 if 2 else 3, 4\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tup"
        "le(elts=[IfExp(test=Constant(value=2), body=Constant(value=1), ore"
        "lse=Constant(value=3)), Constant(value=4)], ctx=Load()))])"},
    {Py_file_input,
        "return_ = 1\n",
        "Module(body=[Assign(targets=[Name(id='return_', ctx=Store())], val"
        "ue=Constant(value=1))])"},
    {Py_file_input,
        "x = a is not b not in c\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Com"
        "pare(left=Name(id='a', ctx=Load()), ops=[IsNot(), NotIn()], compar"
        "ators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))])"},
    {Py_file_input,
        "x = a < b < c\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Com"
        "pare(left=Name(id='a', ctx=Load()), ops=[Lt(), Lt()], comparators="
        "[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))])"},
    {Py_file_input,
        "a @ b\n",
        "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=Ma"
        "tMult(), right=Name(id='b', ctx=Load())))])"},
    {Py_file_input,
        "x = ~a\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Una"
        "ryOp(op=Invert(), operand=Name(id='a', ctx=Load())))])"},
    {Py_file_input,
        "x = (a)\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Nam"
        "e(id='a', ctx=Load()))])"},
    {Py_file_input,
        "x = ((a, b))\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tup"
        "le(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx="
        "Load()))])"},
    {Py_file_input,
        "x = [[[1]]]\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lis"
        "t(elts=[List(elts=[List(elts=[Constant(value=1)], ctx=Load())], ct"
        "x=Load())], ctx=Load()))])"},
    {Py_file_input,
        "x = {(1, 2): 3}\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Dic"
        "t(keys=[Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Loa"
        "d())], values=[Constant(value=3)]))])"},
    {Py_file_input,
        "try:\n    pass\nexcept Exception as e:\n    raise ValueError() fro"
        "m e\n",
        "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Name("
        "id='Exception', ctx=Load()), name='e', body=[Raise(exc=Call(func=N"
        "ame(id='ValueError', ctx=Load())), cause=Name(id='e', ctx=Load()))"
        "])])])"},
    {Py_file_input,
        "x = 0.0\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Con"
        "stant(value=0.0))])"},
    {Py_file_input,
        "x = 1e100\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Con"
        "stant(value=1e+100))])"},
    {Py_file_input,
        "x = 0xDEADBEEF\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Con"
        "stant(value=3735928559))])"},
    {Py_file_input,
        "x = 1 and 2\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Boo"
        "lOp(op=And(), values=[Constant(value=1), Constant(value=2)]))])"},
    {Py_file_input,
        "x = 1 or 2\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Boo"
        "lOp(op=Or(), values=[Constant(value=1), Constant(value=2)]))])"},
    {Py_file_input,
        "x = (1 +\n     2)\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Bin"
        "Op(left=Constant(value=1), op=Add(), right=Constant(value=2)))])"},
    {Py_file_input,
        "x[1] = 2\n",
        "Module(body=[Assign(targets=[Subscript(value=Name(id='x', ctx=Load"
        "()), slice=Constant(value=1), ctx=Store())], value=Constant(value="
        "2))])"},
    {Py_file_input,
        "x.y = 3\n",
        "Module(body=[Assign(targets=[Attribute(value=Name(id='x', ctx=Load"
        "()), attr='y', ctx=Store())], value=Constant(value=3))])"},
    {Py_file_input,
        "x[a:b] = c\n",
        "Module(body=[Assign(targets=[Subscript(value=Name(id='x', ctx=Load"
        "()), slice=Slice(lower=Name(id='a', ctx=Load()), upper=Name(id='b'"
        ", ctx=Load())), ctx=Store())], value=Name(id='c', ctx=Load()))])"},
    {Py_file_input,
        "f(y := 1)\n",
        "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=["
        "NamedExpr(target=Name(id='y', ctx=Store()), value=Constant(value=1"
        "))]))])"},
    {Py_file_input,
        "f(a, y := 1, *b)\n",
        "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=["
        "Name(id='a', ctx=Load()), NamedExpr(target=Name(id='y', ctx=Store("
        ")), value=Constant(value=1)), Starred(value=Name(id='b', ctx=Load("
        ")), ctx=Load())]))])"},
    {Py_file_input,
        "x = 1 + \\\n    2\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Bin"
        "Op(left=Constant(value=1), op=Add(), right=Constant(value=2)))])"},
    {Py_file_input,
        "x = [y := 1, y]\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lis"
        "t(elts=[NamedExpr(target=Name(id='y', ctx=Store()), value=Constant"
        "(value=1)), Name(id='y', ctx=Load())], ctx=Load()))])"},
    {Py_file_input,
        "x = *a, *b\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tup"
        "le(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Star"
        "red(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()))])"},
    {Py_file_input,
        "x = a[1:2:3, ::, *b]\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Sub"
        "script(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(low"
        "er=Constant(value=1), upper=Constant(value=2), step=Constant(value"
        "=3)), Slice(), Starred(value=Name(id='b', ctx=Load()), ctx=Load())"
        "], ctx=Load()), ctx=Load()))])"},
    {Py_file_input,
        "x = not a in b\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Una"
        "ryOp(op=Not(), operand=Compare(left=Name(id='a', ctx=Load()), ops="
        "[In()], comparators=[Name(id='b', ctx=Load())])))])"},
    {Py_file_input,
        "x = a if not b else c\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfE"
        "xp(test=UnaryOp(op=Not(), operand=Name(id='b', ctx=Load())), body="
        "Name(id='a', ctx=Load()), orelse=Name(id='c', ctx=Load())))])"},
    {Py_file_input,
        "x = lambda *args, **kwargs: (args, kwargs)\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lam"
        "bda(args=arguments(vararg=arg(arg='args'), kwarg=arg(arg='kwargs')"
        "), body=Tuple(elts=[Name(id='args', ctx=Load()), Name(id='kwargs',"
        " ctx=Load())], ctx=Load())))])"},
    {Py_file_input,
        "x = [i for i in range(10) if (j := i) > 5]\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lis"
        "tComp(elt=Name(id='i', ctx=Load()), generators=[comprehension(targ"
        "et=Name(id='i', ctx=Store()), iter=Call(func=Name(id='range', ctx="
        "Load()), args=[Constant(value=10)]), ifs=[Compare(left=NamedExpr(t"
        "arget=Name(id='j', ctx=Store()), value=Name(id='i', ctx=Load())), "
        "ops=[Gt()], comparators=[Constant(value=5)])], is_async=0)]))])"},
    {Py_file_input,
        "x = 0b1_0 + 0o1_7 + 0x_a_b\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Bin"
        "Op(left=BinOp(left=Constant(value=2), op=Add(), right=Constant(val"
        "ue=15)), op=Add(), right=Constant(value=171)))])"},
    {Py_file_input,
        "x = a.b[c](d)\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Cal"
        "l(func=Subscript(value=Attribute(value=Name(id='a', ctx=Load()), a"
        "ttr='b', ctx=Load()), slice=Name(id='c', ctx=Load()), ctx=Load()),"
        " args=[Name(id='d', ctx=Load())]))])"},
    {Py_file_input,
        "try:\n    pass\nexcept (A, B):\n    pass\n",
        "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Tuple"
        "(elts=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())], ctx=Lo"
        "ad()), body=[Pass()])])])"},
    {Py_file_input,
        "nonlocal_ = global_ = 1\n",
        "Module(body=[Assign(targets=[Name(id='nonlocal_', ctx=Store()), Na"
        "me(id='global_', ctx=Store())], value=Constant(value=1))])"},
    {Py_file_input,
        "x = ()\ny = (1)\nz = (1,)\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tup"
        "le(ctx=Load())), Assign(targets=[Name(id='y', ctx=Store())], value"
        "=Constant(value=1)), Assign(targets=[Name(id='z', ctx=Store())], v"
        "alue=Tuple(elts=[Constant(value=1)], ctx=Load()))])"},
};

static const ast_case strings_cases[] = {
    {Py_file_input,
        "assert x, \"msg\"\n",
        "Module(body=[Assert(test=Name(id='x', ctx=Load()), msg=Constant(va"
        "lue='msg'))])"},
    {Py_file_input,
        "x = 'a' \"b\" '''c''' \"\"\"d\"\"\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Con"
        "stant(value='abcd'))])"},
    {Py_file_input,
        "x = u'abc'\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Con"
        "stant(value='abc', kind='u'))])"},
    {Py_file_input,
        "x = r'\\n' R\"\\d\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Con"
        "stant(value='\\\\n\\\\d'))])"},
    {Py_file_input,
        "x = b'abc' rb'\\x' Br\"y\" BR'z'\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Con"
        "stant(value=b'abc\\\\xyz'))])"},
    {Py_file_input,
        "x = 'a\\nb\\tc\\x41\\u00e9\\U0001F600\\N{BULLET}\\101\\0'\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Con"
        "stant(value='a\\nb\\tcA\303\251\360\237\230\200\342\200\242A\\x00'"
        "))])"},
    {Py_file_input,
        "x = b'\\x41\\n\\101'\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Con"
        "stant(value=b'A\\nA'))])"},
    {Py_file_input,
        "x = '\303\251' + \"\360\237\230\200\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Bin"
        "Op(left=Constant(value='\303\251'), op=Add(), right=Constant(value"
        "='\360\237\230\200')))])"},
    {Py_file_input,
        "x = f'a{b}c'\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='"
        "b', ctx=Load()), conversion=-1), Constant(value='c')]))])"},
    {Py_file_input,
        "x = f'{a!r} {b!s:>10} {c!a:{d}.{e}}'\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conv"
        "ersion=114), Constant(value=' '), FormattedValue(value=Name(id='b'"
        ", ctx=Load()), conversion=115, format_spec=JoinedStr(values=[Const"
        "ant(value='>10')])), Constant(value=' '), FormattedValue(value=Nam"
        "e(id='c', ctx=Load()), conversion=97, format_spec=JoinedStr(values"
        "=[FormattedValue(value=Name(id='d', ctx=Load()), conversion=-1), C"
        "onstant(value='.'), FormattedValue(value=Name(id='e', ctx=Load()),"
        " conversion=-1)]))]))])"},
    {Py_file_input,
        "x = f'{x=}'\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[Constant(value='x='), FormattedValue(value=Name(id="
        "'x', ctx=Load()), conversion=114)]))])"},
    {Py_file_input,
        "x = f'{x = }'\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[Constant(value='x = '), FormattedValue(value=Name(i"
        "d='x', ctx=Load()), conversion=114)]))])"},
    {Py_file_input,
        "x = f'{x=!s}'\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[Constant(value='x='), FormattedValue(value=Name(id="
        "'x', ctx=Load()), conversion=115)]))])"},
    {Py_file_input,
        "x = f'{x=:>10}'\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[Constant(value='x='), FormattedValue(value=Name(id="
        "'x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Con"
        "stant(value='>10')]))]))])"},
    {Py_file_input,
        "x = f'{{}}{a}{{'\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[Constant(value='{}'), FormattedValue(value=Name(id="
        "'a', ctx=Load()), conversion=-1), Constant(value='{')]))])"},
    {Py_file_input,
        "x = f'' ''\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr())])"},
    {Py_file_input,
        "x = 'a' f'b{c}' 'd'\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[Constant(value='ab'), FormattedValue(value=Name(id="
        "'c', ctx=Load()), conversion=-1), Constant(value='d')]))])"},
    {Py_file_input,
        "x = rf'\\d{a}'\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[Constant(value='\\\\d'), FormattedValue(value=Name("
        "id='a', ctx=Load()), conversion=-1)]))])"},
    {Py_file_input,
        "x = F'{a}' fR'{b}' Rf'{c}'\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conv"
        "ersion=-1), FormattedValue(value=Name(id='b', ctx=Load()), convers"
        "ion=-1), FormattedValue(value=Name(id='c', ctx=Load()), conversion"
        "=-1)]))])"},
    {Py_file_input,
        "x = f'{a:}'\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conv"
        "ersion=-1, format_spec=JoinedStr())]))])"},
    {Py_file_input,
        "x = f'''{\na\n}'''\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conv"
        "ersion=-1)]))])"},
    {Py_file_input,
        "x = f\"{'a' if b else 'c'}\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[FormattedValue(value=IfExp(test=Name(id='b', ctx=Lo"
        "ad()), body=Constant(value='a'), orelse=Constant(value='c')), conv"
        "ersion=-1)]))])"},
    {Py_file_input,
        "x = f'{a}' f'{b}'\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conv"
        "ersion=-1), FormattedValue(value=Name(id='b', ctx=Load()), convers"
        "ion=-1)]))])"},
    {Py_file_input,
        "print(*a, sep='')\n",
        "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), ar"
        "gs=[Starred(value=Name(id='a', ctx=Load()), ctx=Load())], keywords"
        "=[keyword(arg='sep', value=Constant(value=''))]))])"},
    {Py_file_input,
        "f(**{'a': 1})\n",
        "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), keywor"
        "ds=[keyword(value=Dict(keys=[Constant(value='a')], values=[Constan"
        "t(value=1)]))]))])"},
    {Py_file_input,
        "def f():\n    \"\"\"doc\"\"\"\n    return 1\n",
        "Module(body=[FunctionDef(name='f', args=arguments(), body=[Expr(va"
        "lue=Constant(value='doc')), Return(value=Constant(value=1))])])"},
    {Py_file_input,
        "x = {'a': 1, 'b': 2,}\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Dic"
        "t(keys=[Constant(value='a'), Constant(value='b')], values=[Constan"
        "t(value=1), Constant(value=2)]))])"},
    {Py_file_input,
        "x = 'a' 'b'\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Con"
        "stant(value='ab'))])"},
    {Py_file_input,
        "print(f\"{x!r:^{width}.{prec}}\")\n",
        "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), ar"
        "gs=[JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()"
        "), conversion=114, format_spec=JoinedStr(values=[Constant(value='^"
        "'), FormattedValue(value=Name(id='width', ctx=Load()), conversion="
        "-1), Constant(value='.'), FormattedValue(value=Name(id='prec', ctx"
        "=Load()), conversion=-1)]))])]))])"},
    {Py_file_input,
        "x = f\"{x:{'a'}}\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conv"
        "ersion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Cons"
        "tant(value='a'), conversion=-1)]))]))])"},
    {Py_file_input,
        "x = f\"{ {'a': 1}['a'] }\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[FormattedValue(value=Subscript(value=Dict(keys=[Con"
        "stant(value='a')], values=[Constant(value=1)]), slice=Constant(val"
        "ue='a'), ctx=Load()), conversion=-1)]))])"},
    {Py_file_input,
        "x = f\"{x:=10}\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conv"
        "ersion=-1, format_spec=JoinedStr(values=[Constant(value='=10')]))]"
        "))])"},
    {Py_file_input,
        "x = f\"{(x:=10)}\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[FormattedValue(value=NamedExpr(target=Name(id='x', "
        "ctx=Store()), value=Constant(value=10)), conversion=-1)]))])"},
    {Py_file_input,
        "x = f\"{a}\" \"b\" f\"{c}\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conv"
        "ersion=-1), Constant(value='b'), FormattedValue(value=Name(id='c',"
        " ctx=Load()), conversion=-1)]))])"},
    {Py_file_input,
        "x = b'a' b'b'\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Con"
        "stant(value=b'ab'))])"},
    {Py_file_input,
        "x = 'abc' \\\n    'def'\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Con"
        "stant(value='abcdef'))])"},
    {Py_file_input,
        "print(*a, *b, sep='')\n",
        "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), ar"
        "gs=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Starred(v"
        "alue=Name(id='b', ctx=Load()), ctx=Load())], keywords=[keyword(arg"
        "='sep', value=Constant(value=''))]))])"},
    {Py_file_input,
        "x = Rb'\\x' + bR'\\y' + rB\"\" + U\"u\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Bin"
        "Op(left=BinOp(left=BinOp(left=Constant(value=b'\\\\x'), op=Add(), "
        "right=Constant(value=b'\\\\y')), op=Add(), right=Constant(value=b'"
        "')), op=Add(), right=Constant(value='u')))])"},
    {Py_file_input,
        "x = {**a, 'b': 1, **c}\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Dic"
        "t(keys=[None, Constant(value='b'), None], values=[Name(id='a', ctx"
        "=Load()), Constant(value=1), Name(id='c', ctx=Load())]))])"},
    {Py_file_input,
        "x = f\"{'a' 'b'}\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[FormattedValue(value=Constant(value='ab'), conversi"
        "on=-1)]))])"},
    {Py_file_input,
        "x = f'{x:>{width}}' f\"{y!a}\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conv"
        "ersion=-1, format_spec=JoinedStr(values=[Constant(value='>'), Form"
        "attedValue(value=Name(id='width', ctx=Load()), conversion=-1)])), "
        "FormattedValue(value=Name(id='y', ctx=Load()), conversion=97)]))])"},
    {Py_file_input,
        "for x in range(3): print(x)\nelse: print(\"done\")\n",
        "Module(body=[For(target=Name(id='x', ctx=Store()), iter=Call(func="
        "Name(id='range', ctx=Load()), args=[Constant(value=3)]), body=[Exp"
        "r(value=Call(func=Name(id='print', ctx=Load()), args=[Name(id='x',"
        " ctx=Load())]))], orelse=[Expr(value=Call(func=Name(id='print', ct"
        "x=Load()), args=[Constant(value='done')]))])])"},
    {Py_file_input,
        "assert isinstance(x, int), f\"bad {x!r}\"\n",
        "Module(body=[Assert(test=Call(func=Name(id='isinstance', ctx=Load("
        ")), args=[Name(id='x', ctx=Load()), Name(id='int', ctx=Load())]), "
        "msg=JoinedStr(values=[Constant(value='bad '), FormattedValue(value"
        "=Name(id='x', ctx=Load()), conversion=114)]))])"},
    {Py_file_input,
        "raise ValueError(\"x\") from None\n",
        "Module(body=[Raise(exc=Call(func=Name(id='ValueError', ctx=Load())"
        ", args=[Constant(value='x')]), cause=Constant(value=None))])"},
};

static const ast_case match_cases[] = {
    {Py_file_input,
        "match x:\n    case 1: pass\n    case -1: pass\n    case 1 + 2j: pa"
        "ss\n    case -1 - 2j: pass\n    case \"s\" \"t\": pass\n    case b"
        "\"b\": pass\n    case None: pass\n    case True: pass\n    case Fa"
        "lse: pass\n",
        "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_"
        "case(pattern=MatchValue(value=Constant(value=1)), body=[Pass()]), "
        "match_case(pattern=MatchValue(value=UnaryOp(op=USub(), operand=Con"
        "stant(value=1))), body=[Pass()]), match_case(pattern=MatchValue(va"
        "lue=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2"
        "j))), body=[Pass()]), match_case(pattern=MatchValue(value=BinOp(le"
        "ft=UnaryOp(op=USub(), operand=Constant(value=1)), op=Sub(), right="
        "Constant(value=2j))), body=[Pass()]), match_case(pattern=MatchValu"
        "e(value=Constant(value='st')), body=[Pass()]), match_case(pattern="
        "MatchValue(value=Constant(value=b'b')), body=[Pass()]), match_case"
        "(pattern=MatchSingleton(value=None), body=[Pass()]), match_case(pa"
        "ttern=MatchSingleton(value=True), body=[Pass()]), match_case(patte"
        "rn=MatchSingleton(value=False), body=[Pass()])])])"},
    {Py_file_input,
        "match x:\n    case a: pass\n    case _: pass\n    case a.b: pass\n"
        "    case a.b.c: pass\n",
        "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_"
        "case(pattern=MatchAs(name='a'), body=[Pass()]), match_case(pattern"
        "=MatchAs(), body=[Pass()]), match_case(pattern=MatchValue(value=At"
        "tribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load())), bo"
        "dy=[Pass()]), match_case(pattern=MatchValue(value=Attribute(value="
        "Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), a"
        "ttr='c', ctx=Load())), body=[Pass()])])])"},
    {Py_file_input,
        "match x:\n    case [a, b, *c]: pass\n    case (a, b): pass\n    ca"
        "se (a,): pass\n    case (): pass\n    case []: pass\n    case [*_]"
        ": pass\n    case a, b: pass\n    case a, *b: pass\n    case (a): p"
        "ass\n",
        "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_"
        "case(pattern=MatchSequence(patterns=[MatchAs(name='a'), MatchAs(na"
        "me='b'), MatchStar(name='c')]), body=[Pass()]), match_case(pattern"
        "=MatchSequence(patterns=[MatchAs(name='a'), MatchAs(name='b')]), b"
        "ody=[Pass()]), match_case(pattern=MatchSequence(patterns=[MatchAs("
        "name='a')]), body=[Pass()]), match_case(pattern=MatchSequence(), b"
        "ody=[Pass()]), match_case(pattern=MatchSequence(), body=[Pass()]),"
        " match_case(pattern=MatchSequence(patterns=[MatchStar()]), body=[P"
        "ass()]), match_case(pattern=MatchSequence(patterns=[MatchAs(name='"
        "a'), MatchAs(name='b')]), body=[Pass()]), match_case(pattern=Match"
        "Sequence(patterns=[MatchAs(name='a'), MatchStar(name='b')]), body="
        "[Pass()]), match_case(pattern=MatchAs(name='a'), body=[Pass()])])]"
        ")"},
    {Py_file_input,
        "match x:\n    case {1: a, \"b\": b, c.d: e, **rest}: pass\n    cas"
        "e {}: pass\n",
        "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_"
        "case(pattern=MatchMapping(keys=[Constant(value=1), Constant(value="
        "'b'), Attribute(value=Name(id='c', ctx=Load()), attr='d', ctx=Load"
        "())], patterns=[MatchAs(name='a'), MatchAs(name='b'), MatchAs(name"
        "='e')], rest='rest'), body=[Pass()]), match_case(pattern=MatchMapp"
        "ing(), body=[Pass()])])])"},
    {Py_file_input,
        "match x:\n    case Point(x=0, y=0): pass\n    case Point(1, 2, z=3"
        "): pass\n    case a.B(): pass\n    case C(): pass\n",
        "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_"
        "case(pattern=MatchClass(cls=Name(id='Point', ctx=Load()), kwd_attr"
        "s=['x', 'y'], kwd_patterns=[MatchValue(value=Constant(value=0)), M"
        "atchValue(value=Constant(value=0))]), body=[Pass()]), match_case(p"
        "attern=MatchClass(cls=Name(id='Point', ctx=Load()), patterns=[Matc"
        "hValue(value=Constant(value=1)), MatchValue(value=Constant(value=2"
        "))], kwd_attrs=['z'], kwd_patterns=[MatchValue(value=Constant(valu"
        "e=3))]), body=[Pass()]), match_case(pattern=MatchClass(cls=Attribu"
        "te(value=Name(id='a', ctx=Load()), attr='B', ctx=Load())), body=[P"
        "ass()]), match_case(pattern=MatchClass(cls=Name(id='C', ctx=Load()"
        ")), body=[Pass()])])])"},
    {Py_file_input,
        "match x:\n    case 1 | 2 | 3: pass\n    case (1 | 2) as y: pass\n "
        "   case [a] as b if b > 0: pass\n    case a if a: pass\n",
        "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_"
        "case(pattern=MatchOr(patterns=[MatchValue(value=Constant(value=1))"
        ", MatchValue(value=Constant(value=2)), MatchValue(value=Constant(v"
        "alue=3))]), body=[Pass()]), match_case(pattern=MatchAs(pattern=Mat"
        "chOr(patterns=[MatchValue(value=Constant(value=1)), MatchValue(val"
        "ue=Constant(value=2))]), name='y'), body=[Pass()]), match_case(pat"
        "tern=MatchAs(pattern=MatchSequence(patterns=[MatchAs(name='a')]), "
        "name='b'), guard=Compare(left=Name(id='b', ctx=Load()), ops=[Gt()]"
        ", comparators=[Constant(value=0)]), body=[Pass()]), match_case(pat"
        "tern=MatchAs(name='a'), guard=Name(id='a', ctx=Load()), body=[Pass"
        "()])])])"},
    {Py_file_input,
        "match a, b:\n    case c, d: pass\n",
        "Module(body=[Match(subject=Tuple(elts=[Name(id='a', ctx=Load()), N"
        "ame(id='b', ctx=Load())], ctx=Load()), cases=[match_case(pattern=M"
        "atchSequence(patterns=[MatchAs(name='c'), MatchAs(name='d')]), bod"
        "y=[Pass()])])])"},
    {Py_file_input,
        "match (a):\n    case b: pass\n",
        "Module(body=[Match(subject=Name(id='a', ctx=Load()), cases=[match_"
        "case(pattern=MatchAs(name='b'), body=[Pass()])])])"},
    {Py_file_input,
        "match = 1\nmatch.foo = 2\nmatch(x)\ncase = 3\nprint(match, case)\n",
        "Module(body=[Assign(targets=[Name(id='match', ctx=Store())], value"
        "=Constant(value=1)), Assign(targets=[Attribute(value=Name(id='matc"
        "h', ctx=Load()), attr='foo', ctx=Store())], value=Constant(value=2"
        ")), Expr(value=Call(func=Name(id='match', ctx=Load()), args=[Name("
        "id='x', ctx=Load())])), Assign(targets=[Name(id='case', ctx=Store("
        "))], value=Constant(value=3)), Expr(value=Call(func=Name(id='print"
        "', ctx=Load()), args=[Name(id='match', ctx=Load()), Name(id='case'"
        ", ctx=Load())]))])"},
    {Py_file_input,
        "match -x:\n    case 1: pass\n",
        "Module(body=[Match(subject=UnaryOp(op=USub(), operand=Name(id='x',"
        " ctx=Load())), cases=[match_case(pattern=MatchValue(value=Constant"
        "(value=1)), body=[Pass()])])])"},
    {Py_file_input,
        "match *a, b:\n    case c: pass\n",
        "Module(body=[Match(subject=Tuple(elts=[Starred(value=Name(id='a', "
        "ctx=Load()), ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), "
        "cases=[match_case(pattern=MatchAs(name='c'), body=[Pass()])])])"},
};

static const ast_case recent_cases[] = {
    {Py_file_input,
        "type X = int\n",
        "Module(body=[TypeAlias(name=Name(id='X', ctx=Store()), value=Name("
        "id='int', ctx=Load()))])"},
    {Py_file_input,
        "type X[T] = list[T]\n",
        "Module(body=[TypeAlias(name=Name(id='X', ctx=Store()), type_params"
        "=[TypeVar(name='T')], value=Subscript(value=Name(id='list', ctx=Lo"
        "ad()), slice=Name(id='T', ctx=Load()), ctx=Load()))])"},
    {Py_file_input,
        "type X[T: int, *Ts, **P] = T\n",
        "Module(body=[TypeAlias(name=Name(id='X', ctx=Store()), type_params"
        "=[TypeVar(name='T', bound=Name(id='int', ctx=Load())), TypeVarTupl"
        "e(name='Ts'), ParamSpec(name='P')], value=Name(id='T', ctx=Load())"
        ")])"},
    {Py_file_input,
        "def f[T = int](): pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(), body=[Pass()]"
        ", type_params=[TypeVar(name='T', default_value=Name(id='int', ctx="
        "Load()))])])"},
    {Py_file_input,
        "def f[T: (int, str) = int, *Ts = *tuple[int], **P = [int]](): pass"
        "\n",
        "Module(body=[FunctionDef(name='f', args=arguments(), body=[Pass()]"
        ", type_params=[TypeVar(name='T', bound=Tuple(elts=[Name(id='int', "
        "ctx=Load()), Name(id='str', ctx=Load())], ctx=Load()), default_val"
        "ue=Name(id='int', ctx=Load())), TypeVarTuple(name='Ts', default_va"
        "lue=Starred(value=Subscript(value=Name(id='tuple', ctx=Load()), sl"
        "ice=Name(id='int', ctx=Load()), ctx=Load()), ctx=Load())), ParamSp"
        "ec(name='P', default_value=List(elts=[Name(id='int', ctx=Load())],"
        " ctx=Load()))])])"},
    {Py_file_input,
        "class C[T](Base): pass\n",
        "Module(body=[ClassDef(name='C', bases=[Name(id='Base', ctx=Load())"
        "], body=[Pass()], type_params=[TypeVar(name='T')])])"},
    {Py_file_input,
        "async def f[T](): pass\n",
        "Module(body=[AsyncFunctionDef(name='f', args=arguments(), body=[Pa"
        "ss()], type_params=[TypeVar(name='T')])])"},
    {Py_file_input,
        "lazy import a\n",
        "Module(body=[Import(names=[alias(name='a')], is_lazy=1)])"},
    {Py_file_input,
        "lazy import a.b as c, d\n",
        "Module(body=[Import(names=[alias(name='a.b', asname='c'), alias(na"
        "me='d')], is_lazy=1)])"},
    {Py_file_input,
        "lazy from a import b, c as d\n",
        "Module(body=[ImportFrom(module='a', names=[alias(name='b'), alias("
        "name='c', asname='d')], level=0, is_lazy=1)])"},
    {Py_file_input,
        "lazy from . import x\n",
        "Module(body=[ImportFrom(names=[alias(name='x')], level=1, is_lazy="
        "1)])"},
    {Py_file_input,
        "lazy = 1\nlazy.x = 2\nlazy(3)\n",
        "Module(body=[Assign(targets=[Name(id='lazy', ctx=Store())], value="
        "Constant(value=1)), Assign(targets=[Attribute(value=Name(id='lazy'"
        ", ctx=Load()), attr='x', ctx=Store())], value=Constant(value=2)), "
        "Expr(value=Call(func=Name(id='lazy', ctx=Load()), args=[Constant(v"
        "alue=3)]))])"},
    {Py_file_input,
        "type = 5\ntype(x)\n",
        "Module(body=[Assign(targets=[Name(id='type', ctx=Store())], value="
        "Constant(value=5)), Expr(value=Call(func=Name(id='type', ctx=Load("
        ")), args=[Name(id='x', ctx=Load())]))])"},
    {Py_file_input,
        "try:\n    pass\nexcept A, B:\n    pass\n",
        "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Tuple"
        "(elts=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())], ctx=Lo"
        "ad()), body=[Pass()])])])"},
    {Py_file_input,
        "try:\n    pass\nexcept* A, B:\n    pass\n",
        "Module(body=[TryStar(body=[Pass()], handlers=[ExceptHandler(type=T"
        "uple(elts=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())], ct"
        "x=Load()), body=[Pass()])])])"},
    {Py_file_input,
        "x = t\"hello {name}!\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tem"
        "plateStr(values=[Constant(value='hello '), Interpolation(value=Nam"
        "e(id='name', ctx=Load()), str='name', conversion=-1), Constant(val"
        "ue='!')]))])"},
    {Py_file_input,
        "x = t\"{x=}\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tem"
        "plateStr(values=[Constant(value='x='), Interpolation(value=Name(id"
        "='x', ctx=Load()), str='x', conversion=114)]))])"},
    {Py_file_input,
        "x = t\"{x!r:>{w}}\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tem"
        "plateStr(values=[Interpolation(value=Name(id='x', ctx=Load()), str"
        "='x', conversion=114, format_spec=JoinedStr(values=[Constant(value"
        "='>'), FormattedValue(value=Name(id='w', ctx=Load()), conversion=-"
        "1)]))]))])"},
    {Py_file_input,
        "x = t\"{ x }\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tem"
        "plateStr(values=[Interpolation(value=Name(id='x', ctx=Load()), str"
        "=' x ', conversion=-1)]))])"},
    {Py_file_input,
        "x = t\"a\" t\"b{c}\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tem"
        "plateStr(values=[Constant(value='ab'), Interpolation(value=Name(id"
        "='c', ctx=Load()), str='c', conversion=-1)]))])"},
    {Py_file_input,
        "x = rt\"\\d{a}\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tem"
        "plateStr(values=[Constant(value='\\\\d'), Interpolation(value=Name"
        "(id='a', ctx=Load()), str='a', conversion=-1)]))])"},
    {Py_file_input,
        "x = f\"{'a'}\" f'{\"b\"}'\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[FormattedValue(value=Constant(value='a'), conversio"
        "n=-1), FormattedValue(value=Constant(value='b'), conversion=-1)]))"
        "])"},
    {Py_file_input,
        "x = f\"{f\"{1}\"}\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[FormattedValue(value=JoinedStr(values=[FormattedVal"
        "ue(value=Constant(value=1), conversion=-1)]), conversion=-1)]))])"},
    {Py_file_input,
        "x = f\"{x # comment\n}\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conv"
        "ersion=-1)]))])"},
    {Py_file_input,
        "x = f\"{'\\n'.join(a)}\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[FormattedValue(value=Call(func=Attribute(value=Cons"
        "tant(value='\\n'), attr='join', ctx=Load()), args=[Name(id='a', ct"
        "x=Load())]), conversion=-1)]))])"},
    {Py_file_input,
        "x = [*a for a in b]\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lis"
        "tComp(elt=Starred(value=Name(id='a', ctx=Load()), ctx=Load()), gen"
        "erators=[comprehension(target=Name(id='a', ctx=Store()), iter=Name"
        "(id='b', ctx=Load()), is_async=0)]))])"},
    {Py_file_input,
        "x = {*a for a in b}\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Set"
        "Comp(elt=Starred(value=Name(id='a', ctx=Load()), ctx=Load()), gene"
        "rators=[comprehension(target=Name(id='a', ctx=Store()), iter=Name("
        "id='b', ctx=Load()), is_async=0)]))])"},
    {Py_file_input,
        "x = {**d for d in b}\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Dic"
        "tComp(key=Name(id='d', ctx=Load()), generators=[comprehension(targ"
        "et=Name(id='d', ctx=Store()), iter=Name(id='b', ctx=Load()), is_as"
        "ync=0)]))])"},
    {Py_file_input,
        "x = (*a for a in b)\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Gen"
        "eratorExp(elt=Starred(value=Name(id='a', ctx=Load()), ctx=Load()),"
        " generators=[comprehension(target=Name(id='a', ctx=Store()), iter="
        "Name(id='b', ctx=Load()), is_async=0)]))])"},
    {Py_file_input,
        "x = f\"{x:{y}}\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conv"
        "ersion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name"
        "(id='y', ctx=Load()), conversion=-1)]))]))])"},
    {Py_file_input,
        "x = f\"\\N{BULLET} {x}\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[Constant(value='\342\200\242 '), FormattedValue(val"
        "ue=Name(id='x', ctx=Load()), conversion=-1)]))])"},
    {Py_file_input,
        "x = f\"{1:{2}{3}}\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[FormattedValue(value=Constant(value=1), conversion="
        "-1, format_spec=JoinedStr(values=[FormattedValue(value=Constant(va"
        "lue=2), conversion=-1), FormattedValue(value=Constant(value=3), co"
        "nversion=-1)]))]))])"},
    {Py_file_input,
        "x = f\"{(lambda: 1)}\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[FormattedValue(value=Lambda(args=arguments(), body="
        "Constant(value=1)), conversion=-1)]))])"},
    {Py_file_input,
        "x = f\"{x:=5}\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conv"
        "ersion=-1, format_spec=JoinedStr(values=[Constant(value='=5')]))])"
        ")])"},
    {Py_file_input,
        "x = f\"\"\"abc\n{x}\ndef\"\"\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[Constant(value='abc\\n'), FormattedValue(value=Name"
        "(id='x', ctx=Load()), conversion=-1), Constant(value='\\ndef')]))]"
        ")"},
    {Py_file_input,
        "x = f\"{x=!r:^20}\"\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Joi"
        "nedStr(values=[Constant(value='x='), FormattedValue(value=Name(id="
        "'x', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Co"
        "nstant(value='^20')]))]))])"},
    {Py_file_input,
        "print(f\"{'abc'!r}\")\n",
        "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), ar"
        "gs=[JoinedStr(values=[FormattedValue(value=Constant(value='abc'), "
        "conversion=114)])]))])"},
    {Py_file_input,
        "lambda x: (yield)\n",
        "Module(body=[Expr(value=Lambda(args=arguments(args=[arg(arg='x')])"
        ", body=Yield()))])"},
    {Py_file_input,
        "(x): int = 1\n",
        "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotatio"
        "n=Name(id='int', ctx=Load()), value=Constant(value=1), simple=0)])"},
    {Py_file_input,
        "nonlocal x\n",
        "Module(body=[Nonlocal(names=['x'])])"},
    {Py_file_input,
        "return\n",
        "Module(body=[Return()])"},
    {Py_file_input,
        "def f[T = int, U](): pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(), body=[Pass()]"
        ", type_params=[TypeVar(name='T', default_value=Name(id='int', ctx="
        "Load())), TypeVar(name='U')])])"},
    {Py_file_input,
        "*a\n",
        "Module(body=[Expr(value=Starred(value=Name(id='a', ctx=Load()), ct"
        "x=Load()))])"},
    {Py_file_input,
        "*a = 1\n",
        "Module(body=[Assign(targets=[Starred(value=Name(id='a', ctx=Store("
        ")), ctx=Store())], value=Constant(value=1))])"},
    {Py_file_input,
        "a = *b\n",
        "Module(body=[Assign(targets=[Name(id='a', ctx=Store())], value=Sta"
        "rred(value=Name(id='b', ctx=Load()), ctx=Load()))])"},
    {Py_file_input,
        "\303\251 = 1\n",
        "Module(body=[Assign(targets=[Name(id='\303\251', ctx=Store())], va"
        "lue=Constant(value=1))])"},
    {Py_file_input,
        "x = 1\n  \n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Con"
        "stant(value=1))])"},
    {Py_file_input,
        "1_000j\n",
        "Module(body=[Expr(value=Constant(value=1000j))])"},
    {Py_file_input,
        "0b_1\n",
        "Module(body=[Expr(value=Constant(value=1))])"},
    {Py_file_input,
        "09.5\n",
        "Module(body=[Expr(value=Constant(value=9.5))])"},
    {Py_file_input,
        "00\n",
        "Module(body=[Expr(value=Constant(value=0))])"},
    {Py_file_input,
        "0_0\n",
        "Module(body=[Expr(value=Constant(value=0))])"},
    {Py_file_input,
        "print\n",
        "Module(body=[Expr(value=Name(id='print', ctx=Load()))])"},
    {Py_file_input,
        "f(a=1, *b)\n",
        "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=["
        "Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[ke"
        "yword(arg='a', value=Constant(value=1))]))])"},
    {Py_file_input,
        "try:\n    pass\nexcept A, B:\n    pass\n",
        "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Tuple"
        "(elts=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())], ctx=Lo"
        "ad()), body=[Pass()])])])"},
    {Py_file_input,
        "try:\n    pass\nexcept* A, B:\n    pass\n",
        "Module(body=[TryStar(body=[Pass()], handlers=[ExceptHandler(type=T"
        "uple(elts=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())], ct"
        "x=Load()), body=[Pass()])])])"},
    {Py_file_input,
        "def f(a, a): pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(args=[arg(arg='a"
        "'), arg(arg='a')]), body=[Pass()])])"},
    {Py_file_input,
        "a.b += 1\n",
        "Module(body=[AugAssign(target=Attribute(value=Name(id='a', ctx=Loa"
        "d()), attr='b', ctx=Store()), op=Add(), value=Constant(value=1))])"},
    {Py_file_input,
        "from x import (a, b,)\n",
        "Module(body=[ImportFrom(module='x', names=[alias(name='a'), alias("
        "name='b')], level=0, is_lazy=0)])"},
    {Py_file_input,
        "a = b = yield\n",
        "Module(body=[Assign(targets=[Name(id='a', ctx=Store()), Name(id='b"
        "', ctx=Store())], value=Yield())])"},
    {Py_file_input,
        "*a, = b\n",
        "Module(body=[Assign(targets=[Tuple(elts=[Starred(value=Name(id='a'"
        ", ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='b', c"
        "tx=Load()))])"},
    {Py_file_input,
        "  # comment\nx = 1\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Con"
        "stant(value=1))])"},
    {Py_file_input,
        "x = 1 # comment\n  # another\ny = 2\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Con"
        "stant(value=1)), Assign(targets=[Name(id='y', ctx=Store())], value"
        "=Constant(value=2))])"},
    {Py_file_input,
        "if x:\n    # comment\n\n    y = 1\n",
        "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Assign(target"
        "s=[Name(id='y', ctx=Store())], value=Constant(value=1))])])"},
    {Py_file_input,
        "x = [1,\n# comment\n  2]\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lis"
        "t(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))])"},
    {Py_file_input,
        "x = f(\n)\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Cal"
        "l(func=Name(id='f', ctx=Load())))])"},
    {Py_file_input,
        "def f(\n    a,\n    b,\n):\n    pass\n\n",
        "Module(body=[FunctionDef(name='f', args=arguments(args=[arg(arg='a"
        "'), arg(arg='b')]), body=[Pass()])])"},
};

static const ast_case modes_cases[] = {
    {Py_eval_input,
        "1 + 2\n",
        "Expression(body=BinOp(left=Constant(value=1), op=Add(), right=Cons"
        "tant(value=2)))"},
    {Py_eval_input,
        "a, b\n",
        "Expression(body=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b',"
        " ctx=Load())], ctx=Load()))"},
    {Py_eval_input,
        "*a, b\n",
        "Expression(body=Tuple(elts=[Starred(value=Name(id='a', ctx=Load())"
        ", ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()))"},
    {Py_eval_input,
        "x if y else z\n",
        "Expression(body=IfExp(test=Name(id='y', ctx=Load()), body=Name(id="
        "'x', ctx=Load()), orelse=Name(id='z', ctx=Load())))"},
    {Py_eval_input,
        "lambda: 1\n",
        "Expression(body=Lambda(args=arguments(), body=Constant(value=1)))"},
    {Py_eval_input,
        "[i for i in x]\n",
        "Expression(body=ListComp(elt=Name(id='i', ctx=Load()), generators="
        "[comprehension(target=Name(id='i', ctx=Store()), iter=Name(id='x',"
        " ctx=Load()), is_async=0)]))"},
    {Py_eval_input,
        "f\"{a}\"\n",
        "Expression(body=JoinedStr(values=[FormattedValue(value=Name(id='a'"
        ", ctx=Load()), conversion=-1)]))"},
    {Py_eval_input,
        "(yield)\n",
        "Expression(body=Yield())"},
    {Py_eval_input,
        "await x\n\n",
        "Expression(body=Await(value=Name(id='x', ctx=Load())))"},
    {Py_single_input,
        "x = 1\n",
        "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], valu"
        "e=Constant(value=1))])"},
    {Py_single_input,
        "if x:\n    pass\n",
        "Interactive(body=[If(test=Name(id='x', ctx=Load()), body=[Pass()])"
        "])"},
    {Py_single_input,
        "a; b\n",
        "Interactive(body=[Expr(value=Name(id='a', ctx=Load())), Expr(value"
        "=Name(id='b', ctx=Load()))])"},
    {Py_single_input,
        "1 + 1\n",
        "Interactive(body=[Expr(value=BinOp(left=Constant(value=1), op=Add("
        "), right=Constant(value=1)))])"},
    {Py_single_input,
        "def f():\n    return 1\n\n",
        "Interactive(body=[FunctionDef(name='f', args=arguments(), body=[Re"
        "turn(value=Constant(value=1))])])"},
};

static const error_case error_cases[] = {
    {"x = f'{a:{b:{c:{d}}}}' if 0 else 1\n",
        E_SYNTAX, "f-string: expressions nested too deeply",
        1, 15, 1, 15,
        "x = f'{a:{b:{c:{d}}}}' if 0 else 1"},
    /* f(*a for a in b) is PEP 798's unpacking generator (3.15); a
       double-starred one stays invalid. */
    {"f(**a for a in b)\n",
        E_SYNTAX, "invalid syntax",
        1, 7, 1, 10,
        "f(**a for a in b)\n"},
    {"x = f\"{x!r=}\"\n",
        E_SYNTAX, "f-string: expecting ':' or '}'",
        1, 11, 1, 12,
        "x = f\"{x!r=}\"\n"},
    {"x = f\"{lambda: 1}\"\n",
        E_SYNTAX, "f-string: lambda expressions are not allowed without parentheses",
        1, 8, 1, 15,
        "x = f\"{lambda: 1}\"\n"},
    {"x = t\"a\" \"b\"\n",
        E_SYNTAX, "cannot mix t-string literals with string or bytes literals",
        1, 13, 1, 13,
        "x = t\"a\" \"b\"\n"},
    {"x = f\"{}\"\n",
        E_SYNTAX, "f-string: valid expression required before '}'",
        1, 8, 1, 9,
        "x = f\"{}\"\n"},
    {"x = f\"{x!}\"\n",
        E_SYNTAX, "f-string: missing conversion character",
        1, 10, 1, 11,
        "x = f\"{x!}\"\n"},
    {"x = f\"{x!z}\"\n",
        E_SYNTAX, "f-string: invalid conversion character 'z': expected 's', 'r', or "
        "'a'",
        1, 10, 1, 11,
        "x = f\"{x!z}\"\n"},
    {"x = f\"{x! r}\"\n",
        E_SYNTAX, "f-string: conversion type must come right after the exclamanation "
        "mark",
        1, 11, 1, 12,
        "x = f\"{x! r}\"\n"},
    {"x = f\"{x\"\n",
        E_SYNTAX, "f-string: expecting '}'",
        1, 9, 1, 9,
        "x = f\"{x\""},
    {"x = f\"{\"\n",
        E_SYNTAX, "f-string: expecting '}'",
        1, 8, 1, 8,
        "x = f\"{\""},
    {"x = f\"}\"\n",
        E_SYNTAX, "f-string: single '}' is not allowed",
        1, 7, 1, 7,
        "x = f\"}\""},
    {"x = f\"{x}}\"\n",
        E_SYNTAX, "f-string: single '}' is not allowed",
        1, 10, 1, 10,
        "x = f\"{x}}\""},
    {"x = f\"{{x}\"\n",
        E_SYNTAX, "f-string: single '}' is not allowed",
        1, 10, 1, 10,
        "x = f\"{{x}\""},
    {"x = f'{x:{y:{z:{w}}}}'\n",
        E_SYNTAX, "f-string: expressions nested too deeply",
        1, 15, 1, 15,
        "x = f'{x:{y:{z:{w}}}}'"},
    {"lazy from x import *\n",
        E_SYNTAX, "lazy from ... import * is not allowed",
        1, 20, 1, 21,
        "lazy from x import *\n"},
    {"lazy from __future__ import annotations\n",
        E_SYNTAX, "lazy from __future__ import is not allowed",
        1, 1, 1, 40,
        "lazy from __future__ import annotations\n"},
    {"if x\n    pass\n",
        E_SYNTAX, "expected ':'",
        1, 5, 1, 5,
        "if x\n"},
    {"f(a, b\n",
        E_SYNTAX, "'(' was never closed",
        1, 2, 1, 0,
        "f(a, b\n"},
    {"(1, 2]\n",
        E_SYNTAX, "closing parenthesis ']' does not match opening parenthesis '('",
        1, 6, 1, 6,
        "(1, 2]"},
    {"(1,\n 2]\n",
        E_SYNTAX, "closing parenthesis ']' does not match opening parenthesis '(' on "
        "line 1",
        2, 3, 2, 3,
        " 2]"},
    {"x = [1 2]\n",
        E_SYNTAX, "invalid syntax. Perhaps you forgot a comma?",
        1, 6, 1, 9,
        "x = [1 2]\n"},
    {"f() = 1\n",
        E_SYNTAX, "cannot assign to function call here. Maybe you meant '==' instead "
        "of '='?",
        1, 1, 1, 4,
        "f() = 1\n"},
    {"x, f() = 1\n",
        E_SYNTAX, "cannot assign to function call here. Maybe you meant '==' instead "
        "of '='?",
        1, 4, 1, 7,
        "x, f() = 1\n"},
    {"f(), x = 1\n",
        E_SYNTAX, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        1, 6, 1, 11,
        "f(), x = 1\n"},
    {"x = f() = 1\n",
        E_SYNTAX, "cannot assign to function call",
        1, 5, 1, 8,
        "x = f() = 1\n"},
    {"[a, f()] = 1\n",
        E_SYNTAX, "cannot assign to function call",
        1, 5, 1, 8,
        "[a, f()] = 1\n"},
    {"1 = x\n",
        E_SYNTAX, "cannot assign to literal here. Maybe you meant '==' instead of '='"
        "?",
        1, 1, 1, 2,
        "1 = x\n"},
    {"True = 1\n",
        E_SYNTAX, "cannot assign to True",
        1, 1, 1, 5,
        "True = 1\n"},
    {"None = 1\n",
        E_SYNTAX, "cannot assign to None",
        1, 1, 1, 5,
        "None = 1\n"},
    {"a + 1 = 2\n",
        E_SYNTAX, "cannot assign to expression here. Maybe you meant '==' instead of "
        "'='?",
        1, 1, 1, 6,
        "a + 1 = 2\n"},
    {"f() += 1\n",
        E_SYNTAX, "'function call' is an illegal expression for augmented assignment",
        1, 1, 1, 4,
        "f() += 1\n"},
    {"del f()\n",
        E_SYNTAX, "cannot delete function call",
        1, 5, 1, 8,
        "del f()\n"},
    {"for f() in x: pass\n",
        E_SYNTAX, "cannot assign to function call",
        1, 5, 1, 8,
        "for f() in x: pass\n"},
    {"print 'x'\n",
        E_SYNTAX, "Missing parentheses in call to 'print'. Did you mean print(...)?",
        1, 1, 1, 10,
        "print 'x'\n"},
    {"print \"x\"\n",
        E_SYNTAX, "Missing parentheses in call to 'print'. Did you mean print(...)?",
        1, 1, 1, 10,
        "print \"x\"\n"},
    {"  x = 1\n",
        E_INDENT, "unexpected indent",
        1, 2, 1, -1,
        "  x = 1\n"},
    {"if x:\npass\n",
        E_INDENT, "expected an indented block after 'if' statement on line 1",
        2, 1, 2, 5,
        "pass\n"},
    {"if x:\n    a\n  b\n",
        E_INDENT, "unindent does not match any outer indentation level",
        3, 4, 3, -1,
        "  b\n"},
    {"x = 1 \342\202\254\n",
        E_SYNTAX, "invalid character '\342\202\254' (U+20AC)",
        1, 7, 1, 7,
        "x = 1 \342\202\254"},
    {"x = '\n",
        E_SYNTAX, "unterminated string literal (detected at line 1)",
        1, 5, 1, 5,
        "x = '"},
    {"x = '''\nabc\n",
        E_SYNTAX, "unterminated triple-quoted string literal (detected at line 2)",
        1, 5, 1, 5,
        "x = '''"},
    {"1abc\n",
        E_SYNTAX, "invalid decimal literal",
        1, 1, 1, 1,
        "1abc"},
    {"0x\n",
        E_SYNTAX, "invalid hexadecimal literal",
        1, 2, 1, 2,
        "0x"},
    {"0o8\n",
        E_SYNTAX, "invalid digit '8' in octal literal",
        1, 3, 1, 3,
        "0o8"},
    {"0b2\n",
        E_SYNTAX, "invalid digit '2' in binary literal",
        1, 3, 1, 3,
        "0b2"},
    {"0777\n",
        E_SYNTAX, "leading zeros in decimal integer literals are not permitted; use a"
        "n 0o prefix for octal integers",
        1, 1, 1, 2,
        "0777"},
    {"1_\n",
        E_SYNTAX, "invalid decimal literal",
        1, 2, 1, 2,
        "1_"},
    {"1e\n",
        E_SYNTAX, "invalid decimal literal",
        1, 1, 1, 1,
        "1e"},
    {"if x:\n\ty\n        z\n",
        E_TAB, "inconsistent use of tabs and spaces in indentation",
        3, 1, 3, 0,
        "        z\n"},
    {"(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
        "(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
        "(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
        "((()))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))"
        "))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))"
        "))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))"
        "))))))\n",
        E_SYNTAX, "too many nested parentheses",
        1, 201, 1, 201,
        "(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
        "(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
        "(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
        "((()))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))"
        "))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))"
        "))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))"
        "))))))"},
    {"x = )\n",
        E_SYNTAX, "unmatched ')'",
        1, 5, 1, 5,
        "x = )"},
    {"a b\n",
        E_SYNTAX, "invalid syntax",
        1, 3, 1, 4,
        "a b\n"},
    {"f(x y)\n",
        E_SYNTAX, "invalid syntax. Perhaps you forgot a comma?",
        1, 3, 1, 6,
        "f(x y)\n"},
    {"x = \302\240\n",
        E_SYNTAX, "invalid non-printable character U+00A0",
        1, 5, 1, 5,
        "x = \302\240"},
    {"def f(:\n",
        E_SYNTAX, "invalid syntax",
        1, 7, 1, 8,
        "def f(:\n"},
    {"class A\n",
        E_SYNTAX, "expected ':'",
        1, 8, 1, 8,
        "class A\n"},
    {"while x\n",
        E_SYNTAX, "expected ':'",
        1, 8, 1, 8,
        "while x\n"},
    {"for x in y\n",
        E_SYNTAX, "expected ':'",
        1, 11, 1, 11,
        "for x in y\n"},
    {"try:\n  pass\nexcept A as b, c:\n  pass\n",
        E_SYNTAX, "invalid syntax",
        3, 14, 3, 15,
        "except A as b, c:\n"},
    {"x = 1 +\n",
        E_SYNTAX, "invalid syntax",
        1, 8, 1, 8,
        "x = 1 +\n"},
    {"x = (1 +\n",
        E_SYNTAX, "'(' was never closed",
        1, 5, 1, 0,
        "x = (1 +\n"},
    {"a = 1\\ b\n",
        E_SYNTAX, "unexpected character after line continuation character",
        1, 7, 1, 0,
        "a = 1\\ b\n"},
    {"x = 1\\",
        E_SYNTAX, "unexpected EOF while parsing",
        1, 7, 1, -1,
        "x = 1\\\n"},
    {"f(**a, *b)\n",
        E_SYNTAX, "iterable argument unpacking follows keyword argument unpacking",
        1, 8, 1, 9,
        "f(**a, *b)\n"},
    {"f(a=1, b)\n",
        E_SYNTAX, "positional argument follows keyword argument",
        1, 9, 1, 10,
        "f(a=1, b)\n"},
    {"f(x for x in y, 1)\n",
        E_SYNTAX, "Generator expression must be parenthesized",
        1, 3, 1, 15,
        "f(x for x in y, 1)\n"},
    {"a, b += 1\n",
        E_SYNTAX, "'tuple' is an illegal expression for augmented assignment",
        1, 1, 1, 5,
        "a, b += 1\n"},
    {"x: int, y = 1\n",
        E_SYNTAX, "invalid syntax",
        1, 7, 1, 8,
        "x: int, y = 1\n"},
    {"[x]: int = 1\n",
        E_SYNTAX, "only single target (not list) can be annotated",
        1, 1, 1, 4,
        "[x]: int = 1\n"},
    {"x = yield = 1\n",
        E_SYNTAX, "assignment to yield expression not possible",
        1, 5, 1, 10,
        "x = yield = 1\n"},
    {"def f(a=1, b): pass\n",
        E_SYNTAX, "parameter without a default follows parameter with a default",
        1, 12, 1, 13,
        "def f(a=1, b): pass\n"},
    {"def f(*): pass\n",
        E_SYNTAX, "named arguments must follow bare *",
        1, 7, 1, 8,
        "def f(*): pass\n"},
    {"def f(**k, a): pass\n",
        E_SYNTAX, "arguments cannot follow var-keyword argument",
        1, 12, 1, 13,
        "def f(**k, a): pass\n"},
    {"import a.b as\n",
        E_SYNTAX, "invalid syntax",
        1, 14, 1, 14,
        "import a.b as\n"},
    {"from x import (a, b\n",
        E_SYNTAX, "'(' was never closed",
        1, 15, 1, 0,
        "from x import (a, b\n"},
    {"from x import a,\n",
        E_SYNTAX, "trailing comma not allowed without surrounding parentheses",
        1, 17, 1, 17,
        "from x import a,\n"},
    {"a = 1; b = \n",
        E_SYNTAX, "invalid syntax",
        1, 12, 1, 12,
        "a = 1; b = \n"},
    {"else:\n",
        E_SYNTAX, "invalid syntax",
        1, 1, 1, 5,
        "else:\n"},
    {"   \n  x\n",
        E_INDENT, "unexpected indent",
        2, 2, 2, -1,
        "  x\n"},
    {"try:\n  x\n",
        E_SYNTAX, "expected 'except' or 'finally' block",
        2, 4, 2, -1,
        "  x\n"},
    {"with a as f(): pass\n",
        E_SYNTAX, "cannot assign to function call",
        1, 11, 1, 14,
        "with a as f(): pass\n"},
    {"x = {1: 2, 3}\n",
        E_SYNTAX, "':' expected after dictionary key",
        1, 12, 1, 0,
        "x = {1: 2, 3}\n"},
    {"x = {1, 2: 3}\n",
        E_SYNTAX, "invalid syntax",
        1, 10, 1, 11,
        "x = {1, 2: 3}\n"},
    {"f'{'\n",
        E_SYNTAX, "f-string: expecting '}'",
        1, 4, 1, 4,
        "f'{'"},
    {"f'{}'\n",
        E_SYNTAX, "f-string: valid expression required before '}'",
        1, 4, 1, 5,
        "f'{}'\n"},
    {"f'{x!z}'\n",
        E_SYNTAX, "f-string: invalid conversion character 'z': expected 's', 'r', or "
        "'a'",
        1, 6, 1, 7,
        "f'{x!z}'\n"},
    {"f'}'\n",
        E_SYNTAX, "f-string: single '}' is not allowed",
        1, 3, 1, 3,
        "f'}'"},
    {"f'{x'\n",
        E_SYNTAX, "f-string: expecting '}'",
        1, 5, 1, 5,
        "f'{x'"},
    {"b'\342\202\254'\n",
        E_SYNTAX, "bytes can only contain ASCII literal characters",
        1, 1, 1, 5,
        "b'\342\202\254'\n"},
    {"'a' b'b'\n",
        E_SYNTAX, "cannot mix bytes and nonbytes literals",
        1, 9, 1, 9,
        "'a' b'b'\n"},
    {"x = 5 if 1\n",
        E_SYNTAX, "expected 'else' after 'if' expression",
        1, 5, 1, 11,
        "x = 5 if 1\n"},
    {"x := 1\n",
        E_SYNTAX, "invalid syntax",
        1, 3, 1, 5,
        "x := 1\n"},
    {"(a.b := 1)\n",
        E_SYNTAX, "cannot use assignment expressions with attribute",
        1, 2, 1, 5,
        "(a.b := 1)\n"},
    {"match x:\n  case 1 + 1: pass\n",
        E_SYNTAX, "imaginary number required in complex literal",
        2, 12, 2, 13,
        "  case 1 + 1: pass\n"},
    {"match x:\n  case {**a, b: 1}: pass\n",
        E_SYNTAX, "invalid syntax",
        2, 14, 2, 15,
        "  case {**a, b: 1}: pass\n"},
    {"match x:\n  case f(a=1, b): pass\n",
        E_SYNTAX, "positional patterns follow keyword patterns",
        2, 15, 2, 16,
        "  case f(a=1, b): pass\n"},
    {"x = [i for i in range(3) if]\n",
        E_SYNTAX, "invalid syntax",
        1, 28, 1, 29,
        "x = [i for i in range(3) if]\n"},
    {"async = 1\n",
        E_SYNTAX, "invalid syntax",
        1, 7, 1, 8,
        "async = 1\n"},
    {"def f():\n  x = yield = 3\n",
        E_SYNTAX, "assignment to yield expression not possible",
        2, 7, 2, 12,
        "  x = yield = 3\n"},
    {"a if b\n",
        E_SYNTAX, "expected 'else' after 'if' expression",
        1, 1, 1, 7,
        "a if b\n"},
    {"not\n",
        E_SYNTAX, "invalid syntax",
        1, 4, 1, 4,
        "not\n"},
    {"@\ndef f(): pass\n",
        E_SYNTAX, "invalid syntax",
        1, 2, 1, 2,
        "@\n"},
    {"x = 1 if 2 else\n",
        E_SYNTAX, "invalid syntax",
        1, 16, 1, 16,
        "x = 1 if 2 else\n"},
    {"f(a, *)\n",
        E_SYNTAX, "Invalid star expression",
        1, 7, 1, 8,
        "f(a, *)\n"},
    {"del *a\n",
        E_SYNTAX, "cannot delete starred",
        1, 5, 1, 7,
        "del *a\n"},
    {"print(f'{x!}')\n",
        E_SYNTAX, "f-string: missing conversion character",
        1, 12, 1, 13,
        "print(f'{x!}')\n"},
    {"\"abc\n",
        E_SYNTAX, "unterminated string literal (detected at line 1)",
        1, 1, 1, 1,
        "\"abc"},
    {"0_7\n",
        E_SYNTAX, "leading zeros in decimal integer literals are not permitted; use a"
        "n 0o prefix for octal integers",
        1, 1, 1, 3,
        "0_7"},
    {"1__0\n",
        E_SYNTAX, "invalid decimal literal",
        1, 2, 1, 2,
        "1__0"},
    {"1.e\n",
        E_SYNTAX, "invalid decimal literal",
        1, 2, 1, 2,
        "1.e"},
    {"x = 1e5_\n",
        E_SYNTAX, "invalid decimal literal",
        1, 8, 1, 8,
        "x = 1e5_"},
    {"0b1_\n",
        E_SYNTAX, "invalid binary literal",
        1, 4, 1, 4,
        "0b1_"},
    {"0o\n",
        E_SYNTAX, "invalid octal literal",
        1, 2, 1, 2,
        "0o"},
    {"0x1g\n",
        E_SYNTAX, "invalid hexadecimal literal",
        1, 3, 1, 3,
        "0x1g"},
    {"if 1:\n  pass\n    x\n",
        E_INDENT, "unexpected indent",
        3, 4, 3, -1,
        "    x\n"},
    {"def f():\n  pass\n pass\n",
        E_INDENT, "unindent does not match any outer indentation level",
        3, 6, 3, -1,
        " pass\n"},
    {"x = $\n",
        E_SYNTAX, "invalid syntax",
        1, 5, 1, 6,
        "x = $\n"},
    {"x = ?\n",
        E_SYNTAX, "invalid syntax",
        1, 5, 1, 6,
        "x = ?\n"},
    {"x = `\n",
        E_SYNTAX, "invalid syntax",
        1, 5, 1, 6,
        "x = `\n"},
    {"x = \001\n",
        E_SYNTAX, "invalid non-printable character U+0001",
        1, 5, 1, 5,
        "x = \001"},
    {"a\342\202\254b = 1\n",
        E_SYNTAX, "invalid character '\342\202\254' (U+20AC)",
        1, 2, 1, 2,
        "a\342\202\254b = 1"},
    {"x = 1 ; \177\n",
        E_SYNTAX, "invalid non-printable character U+007F",
        1, 9, 1, 9,
        "x = 1 ; \177"},
    {"x = 'abc\\\n",
        E_SYNTAX, "unterminated string literal (detected at line 1)",
        1, 5, 1, 5,
        "x = 'abc\\"},
    {"f'{x\n",
        E_SYNTAX, "'{' was never closed",
        1, 3, 1, 0,
        "f'{x\n"},
    {"'''abc",
        E_SYNTAX, "unterminated triple-quoted string literal (detected at line 1)",
        1, 1, 1, 1,
        "'''abc"},
    {"x = (\n",
        E_SYNTAX, "'(' was never closed",
        1, 5, 1, 0,
        "x = (\n"},
    {"x = [1,\n2,\n",
        E_SYNTAX, "'[' was never closed",
        1, 5, 1, 0,
        "x = [1,\n"},
    {"(\n)\n)\n",
        E_SYNTAX, "unmatched ')'",
        3, 1, 3, 1,
        ")"},
    {"x = ]\n",
        E_SYNTAX, "unmatched ']'",
        1, 5, 1, 5,
        "x = ]"},
    {"if x:\n\ty\n  \tz\n",
        E_TAB, "inconsistent use of tabs and spaces in indentation",
        3, 1, 3, 0,
        "  \tz\n"},
    {"\tif x:\n",
        E_INDENT, "unexpected indent",
        1, 1, 1, -1,
        "\tif x:\n"},
    {"def f():\n\tif x:\n        y\n",
        E_TAB, "inconsistent use of tabs and spaces in indentation",
        3, 1, 3, 0,
        "        y\n"},
    {"1.5_j\n",
        E_SYNTAX, "invalid decimal literal",
        1, 4, 1, 4,
        "1.5_j"},
    {"0_b1\n",
        E_SYNTAX, "invalid decimal literal",
        1, 2, 1, 2,
        "0_b1"},
    {"1e+\n",
        E_SYNTAX, "invalid decimal literal",
        1, 3, 1, 3,
        "1e+"},
    {"1e+_5\n",
        E_SYNTAX, "invalid decimal literal",
        1, 3, 1, 3,
        "1e+_5"},
    {".5e\n",
        E_SYNTAX, "invalid decimal literal",
        1, 2, 1, 2,
        ".5e"},
    {"1.2.3\n",
        E_SYNTAX, "invalid syntax",
        1, 4, 1, 6,
        "1.2.3\n"},
    {"09\n",
        E_SYNTAX, "leading zeros in decimal integer literals are not permitted; use a"
        "n 0o prefix for octal integers",
        1, 1, 1, 2,
        "09"},
    {"1j2\n",
        E_SYNTAX, "invalid imaginary literal",
        1, 2, 1, 2,
        "1j2"},
    {"if x:\n",
        E_INDENT, "expected an indented block after 'if' statement on line 1",
        1, 6, 1, -1,
        "if x:\n"},
    {"def f():\n",
        E_INDENT, "expected an indented block after function definition on line 1",
        1, 9, 1, -1,
        "def f():\n"},
    {"class A:\n    def f(self):\n",
        E_INDENT, "expected an indented block after function definition on line 2",
        2, 17, 2, -1,
        "    def f(self):\n"},
    {"x = (1,\n",
        E_SYNTAX, "'(' was never closed",
        1, 5, 1, 0,
        "x = (1,\n"},
    {"foo(a b)\n",
        E_SYNTAX, "invalid syntax. Perhaps you forgot a comma?",
        1, 5, 1, 8,
        "foo(a b)\n"},
    {"[a b c]\n",
        E_SYNTAX, "invalid syntax. Perhaps you forgot a comma?",
        1, 2, 1, 5,
        "[a b c]\n"},
    {"{a b}\n",
        E_SYNTAX, "invalid syntax. Perhaps you forgot a comma?",
        1, 2, 1, 5,
        "{a b}\n"},
    {"{1: a b}\n",
        E_SYNTAX, "invalid syntax. Perhaps you forgot a comma?",
        1, 5, 1, 8,
        "{1: a b}\n"},
    {"f(a, b c)\n",
        E_SYNTAX, "invalid syntax. Perhaps you forgot a comma?",
        1, 6, 1, 9,
        "f(a, b c)\n"},
    {"x = 1 2\n",
        E_SYNTAX, "invalid syntax",
        1, 7, 1, 8,
        "x = 1 2\n"},
    {"print \"hello\", x\n",
        E_SYNTAX, "Missing parentheses in call to 'print'. Did you mean print(...)?",
        1, 1, 1, 17,
        "print \"hello\", x\n"},
    {"exec \"code\"\n",
        E_SYNTAX, "Missing parentheses in call to 'exec'. Did you mean exec(...)?",
        1, 1, 1, 12,
        "exec \"code\"\n"},
    {"print x y\n",
        E_SYNTAX, "Missing parentheses in call to 'print'. Did you mean print(...)?",
        1, 1, 1, 8,
        "print x y\n"},
    {"if x = 1: pass\n",
        E_SYNTAX, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        1, 4, 1, 9,
        "if x = 1: pass\n"},
    {"while x.y = 2: pass\n",
        E_SYNTAX, "cannot assign to attribute here. Maybe you meant '==' instead of '"
        "='?",
        1, 7, 1, 10,
        "while x.y = 2: pass\n"},
    {"if f() = 1: pass\n",
        E_SYNTAX, "cannot assign to function call here. Maybe you meant '==' instead "
        "of '='?",
        1, 4, 1, 7,
        "if f() = 1: pass\n"},
    {"[x = 1]\n",
        E_SYNTAX, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        1, 2, 1, 7,
        "[x = 1]\n"},
    {"f(a.b=1)\n",
        E_SYNTAX, "expression cannot contain assignment, perhaps you meant \"==\"?",
        1, 3, 1, 7,
        "f(a.b=1)\n"},
    {"f(True=1)\n",
        E_SYNTAX, "cannot assign to True",
        1, 3, 1, 8,
        "f(True=1)\n"},
    {"f(**a, b)\n",
        E_SYNTAX, "positional argument follows keyword argument unpacking",
        1, 9, 1, 10,
        "f(**a, b)\n"},
    {"f(x for x in y, )\n",
        E_SYNTAX, "Generator expression must be parenthesized",
        1, 3, 1, 15,
        "f(x for x in y, )\n"},
    {"f(1, x for x in y)\n",
        E_SYNTAX, "Generator expression must be parenthesized",
        1, 6, 1, 18,
        "f(1, x for x in y)\n"},
    {"x = [a, b for a in c]\n",
        E_SYNTAX, "did you forget parentheses around the comprehension target?",
        1, 6, 1, 10,
        "x = [a, b for a in c]\n"},
    {"x = {a, b for a in c}\n",
        E_SYNTAX, "did you forget parentheses around the comprehension target?",
        1, 6, 1, 10,
        "x = {a, b for a in c}\n"},
    {"x = (a, b for a in c)\n",
        E_SYNTAX, "invalid syntax",
        1, 11, 1, 14,
        "x = (a, b for a in c)\n"},
    {"del f(), g\n",
        E_SYNTAX, "cannot delete function call",
        1, 5, 1, 8,
        "del f(), g\n"},
    {"del a + b\n",
        E_SYNTAX, "cannot delete expression",
        1, 5, 1, 10,
        "del a + b\n"},
    {"del (a, b())\n",
        E_SYNTAX, "cannot delete function call",
        1, 9, 1, 12,
        "del (a, b())\n"},
    {"for x in y\n    pass\n",
        E_SYNTAX, "expected ':'",
        1, 11, 1, 11,
        "for x in y\n"},
    {"with a as b\n    pass\n",
        E_SYNTAX, "expected ':'",
        1, 12, 1, 12,
        "with a as b\n"},
    {"try\n    pass\n",
        E_SYNTAX, "expected ':'",
        1, 4, 1, 4,
        "try\n"},
    {"try:\n    pass\nexcept A, B as e:\n    pass\n",
        E_SYNTAX, "multiple exception types must be parenthesized when using 'as'",
        3, 8, 3, 17,
        "except A, B as e:\n"},
    {"try:\n    pass\nexcept A:\n    pass\nexcept* B:\n    pass\n",
        E_SYNTAX, "cannot have both 'except' and 'except*' on the same 'try'",
        5, 1, 5, 8,
        "except* B:\n"},
    {"try:\n    pass\nexcept*:\n    pass\n",
        E_SYNTAX, "expected one or more exception types",
        3, 8, 3, 9,
        "except*:\n"},
    {"try:\n    pass\nexcept A as b.c:\n    pass\n",
        E_SYNTAX, "cannot use except statement with attribute",
        3, 13, 3, 16,
        "except A as b.c:\n"},
    {"lambda x: yield\n",
        E_SYNTAX, "invalid syntax",
        1, 11, 1, 16,
        "lambda x: yield\n"},
    {"def f(*, **k): pass\n",
        E_SYNTAX, "named arguments must follow bare *",
        1, 7, 1, 8,
        "def f(*, **k): pass\n"},
    {"def f(*a, *b): pass\n",
        E_SYNTAX, "* argument may appear only once",
        1, 11, 1, 12,
        "def f(*a, *b): pass\n"},
    {"def f(a, /, b, /): pass\n",
        E_SYNTAX, "/ may appear only once",
        1, 16, 1, 17,
        "def f(a, /, b, /): pass\n"},
    {"def f(/, a): pass\n",
        E_SYNTAX, "at least one argument must precede /",
        1, 7, 1, 8,
        "def f(/, a): pass\n"},
    {"def f(*, a, /): pass\n",
        E_SYNTAX, "/ must be ahead of *",
        1, 13, 1, 14,
        "def f(*, a, /): pass\n"},
    {"def f(*a=1): pass\n",
        E_SYNTAX, "var-positional argument cannot have default value",
        1, 9, 1, 10,
        "def f(*a=1): pass\n"},
    {"def f(**a=1): pass\n",
        E_SYNTAX, "var-keyword argument cannot have default value",
        1, 10, 1, 11,
        "def f(**a=1): pass\n"},
    {"def f(a=): pass\n",
        E_SYNTAX, "expected default value expression",
        1, 8, 1, 9,
        "def f(a=): pass\n"},
    {"def f(**a, *b): pass\n",
        E_SYNTAX, "arguments cannot follow var-keyword argument",
        1, 12, 1, 13,
        "def f(**a, *b): pass\n"},
    {"lambda *: 0\n",
        E_SYNTAX, "named arguments must follow bare *",
        1, 9, 1, 10,
        "lambda *: 0\n"},
    {"x = yield from\n",
        E_SYNTAX, "invalid syntax",
        1, 15, 1, 15,
        "x = yield from\n"},
    {"a, b: int\n",
        E_SYNTAX, "only single target (not tuple) can be annotated",
        1, 1, 1, 2,
        "a, b: int\n"},
    {"(a, b): int\n",
        E_SYNTAX, "only single target (not tuple) can be annotated",
        1, 1, 1, 7,
        "(a, b): int\n"},
    {"f(): int\n",
        E_SYNTAX, "illegal target for annotation",
        1, 1, 1, 4,
        "f(): int\n"},
    {"x + 1: int\n",
        E_SYNTAX, "illegal target for annotation",
        1, 1, 1, 6,
        "x + 1: int\n"},
    {"x = 1 = 2\n",
        E_SYNTAX, "cannot assign to literal",
        1, 5, 1, 6,
        "x = 1 = 2\n"},
    {"f() = yield\n",
        E_SYNTAX, "cannot assign to function call",
        1, 1, 1, 4,
        "f() = yield\n"},
    {"(a, b) += 1\n",
        E_SYNTAX, "'tuple' is an illegal expression for augmented assignment",
        1, 1, 1, 7,
        "(a, b) += 1\n"},
    {"[a] += 1\n",
        E_SYNTAX, "'list' is an illegal expression for augmented assignment",
        1, 1, 1, 4,
        "[a] += 1\n"},
    {"None += 1\n",
        E_SYNTAX, "'None' is an illegal expression for augmented assignment",
        1, 1, 1, 5,
        "None += 1\n"},
    {"x = await\n",
        E_SYNTAX, "invalid syntax",
        1, 10, 1, 10,
        "x = await\n"},
    {"class A(x for x in y): pass\n",
        E_SYNTAX, "invalid syntax",
        1, 11, 1, 14,
        "class A(x for x in y): pass\n"},
    {"@dec\nx = 1\n",
        E_SYNTAX, "invalid syntax",
        2, 1, 2, 2,
        "x = 1\n"},
    {"import\n",
        E_SYNTAX, "Expected one or more names after 'import'",
        1, 7, 1, 7,
        "import\n"},
    {"from x import\n",
        E_SYNTAX, "Expected one or more names after 'import'",
        1, 14, 1, 14,
        "from x import\n"},
    {"from x import *, a\n",
        E_SYNTAX, "invalid syntax",
        1, 16, 1, 17,
        "from x import *, a\n"},
    {"from x import ()\n",
        E_SYNTAX, "invalid syntax",
        1, 16, 1, 17,
        "from x import ()\n"},
    {"import a.\n",
        E_SYNTAX, "invalid syntax",
        1, 10, 1, 10,
        "import a.\n"},
    {"x = {**a: 1}\n",
        E_SYNTAX, "invalid syntax",
        1, 9, 1, 10,
        "x = {**a: 1}\n"},
    {"x = {1:}\n",
        E_SYNTAX, "expression expected after dictionary key and ':'",
        1, 7, 1, 8,
        "x = {1:}\n"},
    {"x = {1: 2, 3:}\n",
        E_SYNTAX, "expression expected after dictionary key and ':'",
        1, 13, 1, 14,
        "x = {1: 2, 3:}\n"},
    {"x = (*a)\n",
        E_SYNTAX, "cannot use starred expression here",
        1, 6, 1, 8,
        "x = (*a)\n"},
    {"x = a.1\n",
        E_SYNTAX, "invalid syntax",
        1, 6, 1, 8,
        "x = a.1\n"},
    {"x = a if b else pass\n",
        E_SYNTAX, "expected expression after 'else', but statement is given",
        1, 17, 1, 21,
        "x = a if b else pass\n"},
    {"x = a if b\n",
        E_SYNTAX, "expected 'else' after 'if' expression",
        1, 5, 1, 11,
        "x = a if b\n"},
    {"match x:\n    case 1:\n        pass\n    x = 1\n",
        E_SYNTAX, "invalid syntax",
        4, 5, 4, 6,
        "    x = 1\n"},
    {"match x:\n    case a as _: pass\n",
        E_SYNTAX, "cannot use '_' as a target",
        2, 15, 2, 16,
        "    case a as _: pass\n"},
    {"match x:\n    case a as 1: pass\n",
        E_SYNTAX, "invalid pattern target",
        2, 15, 2, 16,
        "    case a as 1: pass\n"},
    {"match x:\n    case 1j + 1: pass\n",
        E_SYNTAX, "real number required in complex literal",
        2, 10, 2, 12,
        "    case 1j + 1: pass\n"},
    {"x = 'abc' 'def' b'x'\n",
        E_SYNTAX, "cannot mix bytes and nonbytes literals",
        1, 21, 1, 21,
        "x = 'abc' 'def' b'x'\n"},
    {"x = b'a' 'b'\n",
        E_SYNTAX, "cannot mix bytes and nonbytes literals",
        1, 13, 1, 13,
        "x = b'a' 'b'\n"},
    {"x = '\\x4'\n",
        E_SYNTAX, "(unicode error) 'unicodeescape' codec can't decode bytes in positi"
        "on 0-2: truncated \\xXX escape",
        1, 10, 1, 10,
        "x = '\\x4'\n"},
    {"x = b'\\x4'\n",
        E_SYNTAX, "(value error) invalid \\x escape at position 0",
        1, 11, 1, 11,
        "x = b'\\x4'\n"},
    {"x = 0 <> 1\n",
        E_SYNTAX, "invalid syntax",
        1, 7, 1, 9,
        "x = 0 <> 1\n"},
    {"if True:\n        x = 1\n    y = 2\n",
        E_INDENT, "unindent does not match any outer indentation level",
        3, 10, 3, -1,
        "    y = 2\n"},
    {"def f():\n\tx = 1\n        y = 2\n",
        E_TAB, "inconsistent use of tabs and spaces in indentation",
        3, 1, 3, 0,
        "        y = 2\n"},
    {"x = [\n    1,\n    2\n]]\n",
        E_SYNTAX, "unmatched ']'",
        4, 2, 4, 2,
        "]]"},
    {"x = (\n    1, 2\n}\n",
        E_SYNTAX, "closing parenthesis '}' does not match opening parenthesis '(' on "
        "line 1",
        3, 1, 3, 1,
        "}"},
};

#endif /* WEFT_TEST_PARSER_CASES_H */
