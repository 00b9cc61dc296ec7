/* The compiler: symbol tables, code generation, code objects, line and
   exception tables, compile-time errors and constant folding. */
#define Py_BUILD_CORE 1
#include "testlib.h"
#include "pycore_compile.h"
#include "pycore_code.h"
#include "pycore_opcode.h"

static void
ready_code_type(void)
{
    if (!(PyCode_Type.tp_flags & Py_TPFLAGS_READY)) {
        PyType_Ready(&PyCode_Type);
    }
}

static PyCodeObject *
compile_mode(const char *src, int mode)
{
    ready_code_type();
    PyObject *filename = PyUnicode_FromString("<test>");
    if (filename == NULL) {
        return NULL;
    }
    PyObject *co = _Py_CompileStringObject(src, filename, mode, 0, 0);
    Py_DECREF(filename);
    return (PyCodeObject *)co;
}

static PyCodeObject *
compile_src(const char *src)
{
    return compile_mode(src, Py_file_input);
}

/* The first code object named `name` among co's constants (recursive);
   borrowed. */
static PyCodeObject *
find_code(PyCodeObject *co, const char *name)
{
    if (co == NULL) {
        return NULL;
    }
    if (PyUnicode_CompareWithASCIIString(co->co_name, name) == 0) {
        return co;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(co->co_consts); i++) {
        PyObject *k = PyTuple_GET_ITEM(co->co_consts, i);
        if (PyCode_Check(k)) {
            PyCodeObject *found = find_code((PyCodeObject *)k, name);
            if (found != NULL) {
                return found;
            }
        }
    }
    return NULL;
}

/* A disassembly: one "OPNAME arg" line per instruction, arg shown as the
   name for name/local/free operands and as repr() for constants. */
static char dis_buf[16384];

static const char *
dis(PyCodeObject *co)
{
    dis_buf[0] = '\0';
    if (co == NULL) {
        return dis_buf;
    }
    size_t len = 0;
    _Py_CODEUNIT *code = _PyCode_CODE(co);
    int ext = 0;
    for (Py_ssize_t i = 0; i < Py_SIZE(co); i++) {
        int op = _Py_OPCODE(code[i]);
        int arg = _Py_OPARG(code[i]) | (ext << 8);
        if (op == EXTENDED_ARG) {
            ext = arg;
            continue;
        }
        ext = 0;
        char argtext[200] = "";
        PyObject *obj = NULL;
        if (OPCODE_HAS_CONST(op)) {
            obj = PyObject_Repr(PyTuple_GET_ITEM(co->co_consts, arg));
        }
        else if (op == LOAD_GLOBAL || op == LOAD_ATTR) {
            obj = Py_NewRef(PyTuple_GET_ITEM(co->co_names, arg >> 1));
        }
        else if (op == LOAD_SUPER_ATTR || op == IMPORT_NAME) {
            obj = Py_NewRef(PyTuple_GET_ITEM(co->co_names, arg >> 2));
        }
        else if (OPCODE_HAS_NAME(op)) {
            obj = Py_NewRef(PyTuple_GET_ITEM(co->co_names, arg));
        }
        else if (OPCODE_HAS_LOCAL(op) || OPCODE_HAS_FREE(op) ||
                 op == LOAD_FAST_CHECK) {
            obj = Py_NewRef(PyTuple_GET_ITEM(co->co_localsplusnames, arg));
        }
        if (obj != NULL) {
            const char *t = PyUnicode_AsUTF8(obj);
            snprintf(argtext, sizeof(argtext), " %s", t ? t : "?");
            Py_DECREF(obj);
        }
        else if (OPCODE_HAS_ARG(op)) {
            snprintf(argtext, sizeof(argtext), " %d", arg);
        }
        PyErr_Clear();
        int n = snprintf(dis_buf + len, sizeof(dis_buf) - len, "%s%s\n",
                         _PyOpcode_Name(op), argtext);
        if (n < 0 || (size_t)n >= sizeof(dis_buf) - len) {
            break;
        }
        len += (size_t)n;
    }
    return dis_buf;
}

static int
dis_has(PyCodeObject *co, const char *text)
{
    return strstr(dis(co), text) != NULL;
}

static PyObject *
getattr_str(PyObject *o, const char *name)
{
    return PyObject_GetAttrString(o, name);
}

static int
tuple_equals(PyObject *t, int n, ...)
{
    if (t == NULL || !PyTuple_Check(t) || PyTuple_GET_SIZE(t) != n) {
        return 0;
    }
    va_list va;
    va_start(va, n);
    int ok = 1;
    for (int i = 0; i < n; i++) {
        const char *s = va_arg(va, const char *);
        if (PyUnicode_CompareWithASCIIString(PyTuple_GET_ITEM(t, i), s) != 0) {
            ok = 0;
        }
    }
    va_end(va);
    return ok;
}

/* ---- code object attributes ------------------------------------------ */

static void
test_function_signature(void)
{
    PyCodeObject *mod = compile_src(
        "def f(p, /, a, b=1, *args, c, d=2, **kw):\n"
        "    return a + c\n");
    CHECK(mod != NULL);
    PyCodeObject *f = find_code(mod, "f");
    CHECK(f != NULL);
    if (f != NULL) {
        CHECK(f->co_argcount == 3);
        CHECK(f->co_posonlyargcount == 1);
        CHECK(f->co_kwonlyargcount == 2);
        CHECK((f->co_flags & (CO_OPTIMIZED | CO_NEWLOCALS | CO_VARARGS |
                              CO_VARKEYWORDS)) ==
              (CO_OPTIMIZED | CO_NEWLOCALS | CO_VARARGS | CO_VARKEYWORDS));
        CHECK(!(f->co_flags & (CO_GENERATOR | CO_COROUTINE | CO_NESTED)));
        PyObject *varnames = getattr_str((PyObject *)f, "co_varnames");
        CHECK(tuple_equals(varnames, 7, "p", "a", "b", "c", "d", "args", "kw"));
        Py_XDECREF(varnames);
        CHECK(f->co_nlocals == 7);
        CHECK(dis_has(f, "LOAD_FAST_BORROW_LOAD_FAST_BORROW 19\nBINARY_OP 0\nRETURN_VALUE\n"));
        CHECK(strncmp(dis(f), "RESUME 0\n", 9) == 0);
        CHECK(f->co_stacksize >= 2);
        CHECK(f->co_firstlineno == 1);
        CHECK_STR(PyObject_Str(f->co_qualname), "f");
    }
    /* The module makes the function with its defaults. */
    CHECK(dis_has(mod, "MAKE_FUNCTION\nSET_FUNCTION_ATTRIBUTE 2\n"
                       "SET_FUNCTION_ATTRIBUTE 1\nSTORE_NAME f\n"));
    Py_XDECREF(mod);
}

static void
test_closures_and_cells(void)
{
    PyCodeObject *mod = compile_src(
        "def outer(a):\n"
        "    x = 1\n"
        "    def inner():\n"
        "        return x + a\n"
        "    return inner\n");
    PyCodeObject *outer = find_code(mod, "outer");
    PyCodeObject *inner = find_code(mod, "inner");
    CHECK(outer != NULL && inner != NULL);
    if (outer != NULL && inner != NULL) {
        PyObject *cells = getattr_str((PyObject *)outer, "co_cellvars");
        PyObject *frees = getattr_str((PyObject *)inner, "co_freevars");
        CHECK(tuple_equals(cells, 2, "a", "x"));
        CHECK(tuple_equals(frees, 2, "a", "x"));
        Py_XDECREF(cells);
        Py_XDECREF(frees);
        CHECK(dis_has(outer, "MAKE_CELL a\nMAKE_CELL x\nRESUME 0\n"));
        CHECK(dis_has(outer, "STORE_DEREF x\n"));
        CHECK(dis_has(outer, "LOAD_FAST a\nLOAD_FAST x\nBUILD_TUPLE 2\n"
                             "LOAD_CONST <code object inner"));
        CHECK(dis_has(outer, "SET_FUNCTION_ATTRIBUTE 8\n"));
        CHECK(strncmp(dis(inner), "COPY_FREE_VARS 2\nRESUME 0\n", 26) == 0);
        CHECK(dis_has(inner, "LOAD_DEREF x\nLOAD_DEREF a\nBINARY_OP 0\n"));
        CHECK(inner->co_flags & CO_NESTED);
        CHECK_STR(PyObject_Str(inner->co_qualname), "outer.<locals>.inner");
        CHECK(PyCode_GetNumFree(inner) == 2);
    }
    Py_XDECREF(mod);
}

static void
test_generator_flags(void)
{
    PyCodeObject *mod = compile_src(
        "def g():\n    yield 1\n"
        "async def c():\n    await x\n"
        "async def ag():\n    yield 1\n"
        "def gen_expr(xs):\n    return (x for x in xs)\n");
    PyCodeObject *g = find_code(mod, "g");
    PyCodeObject *c = find_code(mod, "c");
    PyCodeObject *ag = find_code(mod, "ag");
    PyCodeObject *ge = find_code(mod, "<genexpr>");
    CHECK(g && c && ag && ge);
    if (g && c && ag && ge) {
        CHECK(g->co_flags & CO_GENERATOR);
        CHECK(c->co_flags & CO_COROUTINE);
        CHECK(ag->co_flags & CO_ASYNC_GENERATOR);
        CHECK(ge->co_flags & CO_GENERATOR);
        CHECK(strncmp(dis(g), "RETURN_GENERATOR\nPOP_TOP\nRESUME 0\n", 34) == 0);
        CHECK(dis_has(g, "LOAD_SMALL_INT 1\nYIELD_VALUE 0\nRESUME 1\n"));
        CHECK(dis_has(g, "CALL_INTRINSIC_1 3\nRERAISE 1\n"));
        CHECK(dis_has(c, "GET_AWAITABLE 0\nLOAD_CONST None\nSEND"));
        CHECK(dis_has(c, "YIELD_VALUE 1\nRESUME 3\nJUMP_BACKWARD_NO_INTERRUPT"));
        CHECK(dis_has(c, "CLEANUP_THROW\nEND_SEND\n"));
        CHECK(dis_has(ag, "CALL_INTRINSIC_1 4\nYIELD_VALUE 0\n"));
        CHECK(ge->co_argcount == 1);
        CHECK(dis_has(ge, "LOAD_FAST .0\nFOR_ITER"));
        CHECK(dis_has(ge, "END_FOR\nPOP_ITER\n"));
    }
    Py_XDECREF(mod);
}

static void
test_calls(void)
{
    PyCodeObject *mod = compile_src(
        "def f(o, g):\n"
        "    o.m(1, k=2)\n"
        "    len(o)\n"
        "    g(*o, **o)\n");
    PyCodeObject *f = find_code(mod, "f");
    CHECK(f != NULL);
    if (f != NULL) {
        CHECK(dis_has(f, "LOAD_FAST_BORROW o\nLOAD_ATTR m\nLOAD_SMALL_INT 1\n"
                         "LOAD_SMALL_INT 2\nLOAD_CONST ('k',)\nCALL_KW 2\n"));
        CHECK(dis_has(f, "LOAD_GLOBAL len\nLOAD_FAST_BORROW o\nCALL 1\n"));
        CHECK(dis_has(f, "LOAD_FAST g\nPUSH_NULL\nLOAD_FAST o\n"));
        CHECK(dis_has(f, "DICT_MERGE 1\nCALL_FUNCTION_EX\n"));
        /* LOAD_ATTR for a method call has the low bit set. */
        _Py_CODEUNIT *code = _PyCode_CODE(f);
        int found = 0;
        for (Py_ssize_t i = 0; i < Py_SIZE(f); i++) {
            if (_Py_OPCODE(code[i]) == LOAD_ATTR) {
                found = 1;
                CHECK(_Py_OPARG(code[i]) & 1);
            }
            if (_Py_OPCODE(code[i]) == LOAD_GLOBAL) {
                CHECK(_Py_OPARG(code[i]) & 1);
            }
        }
        CHECK(found);
        CHECK(f->co_stacksize >= 5);
    }
    Py_XDECREF(mod);
}

static void
test_class_body(void)
{
    PyCodeObject *mod = compile_src(
        "class C(B, metaclass=M):\n"
        "    '''doc'''\n"
        "    def m(self):\n"
        "        self.x = 1\n"
        "        return super().m()\n");
    PyCodeObject *cls = find_code(mod, "C");
    PyCodeObject *m = find_code(mod, "m");
    CHECK(cls && m);
    if (cls && m) {
        PyObject *cells = getattr_str((PyObject *)cls, "co_cellvars");
        PyObject *frees = getattr_str((PyObject *)m, "co_freevars");
        CHECK(tuple_equals(cells, 1, "__class__"));
        CHECK(tuple_equals(frees, 1, "__class__"));
        Py_XDECREF(cells);
        Py_XDECREF(frees);
        CHECK(dis_has(cls, "LOAD_NAME __name__\nSTORE_NAME __module__\n"
                           "LOAD_CONST 'C'\nSTORE_NAME __qualname__\n"));
        CHECK(dis_has(cls, "LOAD_CONST 'doc'\nSTORE_NAME __doc__\n"));
        CHECK(dis_has(cls, "LOAD_CONST ('x',)\nSTORE_NAME __static_attributes__\n"));
        CHECK(dis_has(cls, "LOAD_FAST __class__\nCOPY 1\n"
                           "STORE_NAME __classcell__\nRETURN_VALUE\n"));
        CHECK(!(cls->co_flags & CO_OPTIMIZED));
        CHECK(m->co_flags & CO_METHOD);
        /* super().m() loads through LOAD_SUPER_ATTR with the method bit. */
        CHECK(dis_has(m, "LOAD_GLOBAL super\nLOAD_DEREF __class__\nLOAD_FAST self\n"
                         "LOAD_SUPER_ATTR m\nCALL 0\n"));
        CHECK_STR(PyObject_Str(m->co_qualname), "C.m");
        CHECK(dis_has(mod, "LOAD_BUILD_CLASS\nPUSH_NULL\n"));
        CHECK(dis_has(mod, "LOAD_CONST 'C'\nLOAD_NAME B\nLOAD_NAME M\n"
                           "LOAD_CONST ('metaclass',)\nCALL_KW 4\nSTORE_NAME C\n"));
    }
    Py_XDECREF(mod);
}

static void
test_docstring_and_eval(void)
{
    PyCodeObject *mod = compile_src("def f():\n    'the doc'\n    return 1\n");
    PyCodeObject *f = find_code(mod, "f");
    CHECK(f != NULL);
    if (f != NULL) {
        CHECK(f->co_flags & CO_HAS_DOCSTRING);
        CHECK(PyUnicode_CompareWithASCIIString(PyTuple_GET_ITEM(f->co_consts, 0),
                                               "the doc") == 0);
    }
    Py_XDECREF(mod);
    PyCodeObject *ev = compile_mode("a + 1", Py_eval_input);
    CHECK(ev != NULL);
    CHECK(dis_has(ev, "LOAD_NAME a\nLOAD_SMALL_INT 1\nBINARY_OP 0\nRETURN_VALUE\n"));
    Py_XDECREF(ev);
    PyCodeObject *single = compile_mode("a\n", Py_single_input);
    CHECK(single != NULL);
    CHECK(dis_has(single, "LOAD_NAME a\nCALL_INTRINSIC_1 1\nPOP_TOP\n"));
    Py_XDECREF(single);
    PyCodeObject *fut = compile_src("'''doc'''\nfrom __future__ import annotations, division\n"
                                    "def f(): pass\n");
    CHECK(fut != NULL);
    if (fut != NULL) {
        CHECK(fut->co_flags & CO_FUTURE_ANNOTATIONS);
        CHECK(fut->co_flags & CO_FUTURE_DIVISION);
        PyCodeObject *f = find_code(fut, "f");
        CHECK(f != NULL && (f->co_flags & CO_FUTURE_ANNOTATIONS));
    }
    Py_XDECREF(fut);
}

/* ---- control flow ---------------------------------------------------- */

static void
test_conditionals_use_bools(void)
{
    PyCodeObject *mod = compile_src(
        "def f(a, b):\n"
        "    if a < b:\n        return 1\n"
        "    if a:\n        return 2\n"
        "    return not a\n");
    PyCodeObject *f = find_code(mod, "f");
    CHECK(f != NULL);
    if (f != NULL) {
        /* COMPARE_OP with the bool bit feeds the jump directly. */
        CHECK(dis_has(f, "LOAD_FAST_BORROW_LOAD_FAST_BORROW 1\nCOMPARE_OP 16\nPOP_JUMP_IF_FALSE"));
        CHECK(dis_has(f, "LOAD_FAST_BORROW a\nTO_BOOL\nPOP_JUMP_IF_FALSE"));
        CHECK(dis_has(f, "LOAD_FAST_BORROW a\nTO_BOOL\nUNARY_NOT\nRETURN_VALUE\n"));
        /* Conditional jumps only go forward. */
        _Py_CODEUNIT *code = _PyCode_CODE(f);
        for (Py_ssize_t i = 0; i < Py_SIZE(f); i++) {
            int op = _Py_OPCODE(code[i]);
            if (op == POP_JUMP_IF_FALSE || op == POP_JUMP_IF_TRUE) {
                CHECK(i + 1 + _Py_OPARG(code[i]) <= Py_SIZE(f));
            }
        }
    }
    Py_XDECREF(mod);
}

static void
test_loops(void)
{
    PyCodeObject *mod = compile_src(
        "def f(xs):\n"
        "    t = 0\n"
        "    for x in xs:\n"
        "        if x:\n            continue\n"
        "        t += x\n"
        "        if t > 10:\n            break\n"
        "    while t:\n        t -= 1\n"
        "    return t\n");
    PyCodeObject *f = find_code(mod, "f");
    CHECK(f != NULL);
    if (f != NULL) {
        CHECK(dis_has(f, "LOAD_FAST_BORROW xs\nGET_ITER\nFOR_ITER"));
        CHECK(dis_has(f, "END_FOR\nPOP_ITER\n"));
        CHECK(dis_has(f, "BINARY_OP 13\n"));
        CHECK(dis_has(f, "BINARY_OP 23\n"));
        CHECK(dis_has(f, "JUMP_BACKWARD"));
        /* break out of the for loop pops the iterator first. */
        CHECK(dis_has(f, "POP_ITER\nJUMP_FORWARD"));
        /* FOR_ITER's target is the END_FOR of its loop. */
        _Py_CODEUNIT *code = _PyCode_CODE(f);
        for (Py_ssize_t i = 0; i < Py_SIZE(f); i++) {
            if (_Py_OPCODE(code[i]) == FOR_ITER) {
                Py_ssize_t target = i + 1 + _Py_OPARG(code[i]);
                CHECK(target < Py_SIZE(f) && _Py_OPCODE(code[target]) == END_FOR);
                CHECK(_Py_OPCODE(code[target + 1]) == POP_ITER);
            }
        }
    }
    Py_XDECREF(mod);
}

static void
test_try_except_table(void)
{
    PyCodeObject *mod = compile_src(
        "def f():\n"
        "    try:\n"
        "        g()\n"
        "    except ValueError as e:\n"
        "        h(e)\n"
        "    finally:\n"
        "        k()\n");
    PyCodeObject *f = find_code(mod, "f");
    CHECK(f != NULL);
    if (f != NULL) {
        CHECK(dis_has(f, "PUSH_EXC_INFO\n"));
        CHECK(dis_has(f, "LOAD_GLOBAL ValueError\nCHECK_EXC_MATCH\nPOP_JUMP_IF_FALSE"));
        CHECK(dis_has(f, "STORE_FAST e\n"));
        CHECK(dis_has(f, "LOAD_CONST None\nSTORE_FAST e\nDELETE_FAST e\n"));
        CHECK(dis_has(f, "COPY 3\nPOP_EXCEPT\nRERAISE 1\n"));
        _PyExceptionTableEntry entry;
        CHECK(_PyCode_ExceptionTableEntry(f, 0, &entry));
        /* The call of g() is covered by a handler starting with
           PUSH_EXC_INFO at depth 0 without lasti. */
        _Py_CODEUNIT *code = _PyCode_CODE(f);
        int call_index = -1;
        for (Py_ssize_t i = 0; i < Py_SIZE(f); i++) {
            if (_Py_OPCODE(code[i]) == CALL) {
                call_index = (int)i;
                break;
            }
        }
        CHECK(call_index > 0);
        int depth = -1, lasti = -1;
        int handler = _PyCode_FindHandler(f, call_index, &depth, &lasti);
        CHECK(handler > call_index);
        if (handler > 0) {
            CHECK(_Py_OPCODE(code[handler]) == PUSH_EXC_INFO);
        }
        CHECK(depth == 0);
        CHECK(lasti == 0);
        /* RESUME is not covered. */
        CHECK(_PyCode_FindHandler(f, 0, &depth, &lasti) == -1);
        /* Entries are sorted and do not overlap. */
        int prev_end = 0, n = 0;
        while (_PyCode_ExceptionTableEntry(f, n, &entry)) {
            CHECK(entry.start >= prev_end);
            CHECK(entry.end > entry.start);
            CHECK(entry.target < Py_SIZE(f));
            prev_end = entry.end;
            n++;
        }
        CHECK(n >= 3);
    }
    Py_XDECREF(mod);
}

static void
test_with_table(void)
{
    PyCodeObject *mod = compile_src(
        "def f(m):\n"
        "    with m as v:\n"
        "        g(v)\n");
    PyCodeObject *f = find_code(mod, "f");
    CHECK(f != NULL);
    if (f != NULL) {
        CHECK(dis_has(f, "LOAD_FAST m\nCOPY 1\nLOAD_SPECIAL 1\nSWAP 2\nSWAP 3\n"
                         "LOAD_SPECIAL 0\nCALL 0\n"));
        CHECK(dis_has(f, "LOAD_CONST None\nLOAD_CONST None\nLOAD_CONST None\nCALL 3\n"));
        CHECK(dis_has(f, "PUSH_EXC_INFO\nWITH_EXCEPT_START\nTO_BOOL\nPOP_JUMP_IF_TRUE"));
        CHECK(dis_has(f, "RERAISE 2\n"));
        _Py_CODEUNIT *code = _PyCode_CODE(f);
        int call_index = -1;
        for (Py_ssize_t i = 0; i < Py_SIZE(f); i++) {
            if (_Py_OPCODE(code[i]) == CALL && _Py_OPARG(code[i]) == 1) {
                call_index = (int)i;
            }
        }
        CHECK(call_index > 0);
        int depth = -1, lasti = -1;
        int handler = _PyCode_FindHandler(f, call_index, &depth, &lasti);
        CHECK(handler > 0 && _Py_OPCODE(code[handler]) == PUSH_EXC_INFO);
        /* __exit__ and its self stay on the stack; lasti is pushed. */
        CHECK(depth == 2);
        CHECK(lasti == 1);
    }
    Py_XDECREF(mod);
}

static void
test_conditional_annotations(void)
{
    PyCodeObject *mod = compile_src(
        "a: int\n"
        "if cond:\n"
        "    b: str\n");
    CHECK(mod != NULL);
    if (mod != NULL) {
        CHECK(dis_has(mod, "BUILD_SET 0\nSTORE_NAME __conditional_annotations__\n"));
        CHECK(dis_has(mod, "LOAD_NAME __conditional_annotations__\nLOAD_SMALL_INT 1\n"
                           "SET_ADD 1\nPOP_TOP\n"));
        PyCodeObject *ann = find_code(mod, "__annotate__");
        CHECK(ann != NULL);
        if (ann != NULL) {
            CHECK(dis_has(ann, "BUILD_MAP 0\nLOAD_CONST 'a'\nLOAD_GLOBAL int\nMAP_ADD 1\n"
                               "LOAD_SMALL_INT 1\nLOAD_GLOBAL __conditional_annotations__\n"
                               "CONTAINS_OP 0\nPOP_JUMP_IF_FALSE"));
        }
    }
    Py_XDECREF(mod);
    /* Without conditional annotations there is no set. */
    mod = compile_src("a: int\n");
    CHECK(mod != NULL && !dis_has(mod, "__conditional_annotations__"));
    Py_XDECREF(mod);
}

static void
test_repeated_unwinding(void)
{
    /* Each return unwinds the same enclosing blocks: the first one's
       cleanup code must not disturb the second's. */
    PyCodeObject *mod = compile_src(
        "def f():\n"
        "    try:\n        g()\n"
        "    except E as a:\n        return 1\n"
        "    except F as b:\n        return 2\n"
        "    finally:\n        h()\n");
    CHECK(mod != NULL);
    PyCodeObject *f = find_code(mod, "f");
    CHECK(f != NULL);
    if (f != NULL) {
        CHECK(dis_has(f, "LOAD_SMALL_INT 1\n"));
        CHECK(dis_has(f, "LOAD_SMALL_INT 2\n"));
        /* Both returns run the finally body first. */
        const char *text = dis(f);
        const char *p = text;
        int calls = 0;
        while ((p = strstr(p, "LOAD_GLOBAL h\nCALL 0\nPOP_TOP\n")) != NULL) {
            calls++;
            p++;
        }
        CHECK(calls >= 4);
    }
    Py_XDECREF(mod);
    PyErr_Clear();
}

static void
test_return_in_finally_loop(void)
{
    PyCodeObject *mod = compile_src(
        "def f(xs):\n"
        "    for x in xs:\n"
        "        try:\n"
        "            return x\n"
        "        finally:\n"
        "            print(x)\n");
    PyCodeObject *f = find_code(mod, "f");
    CHECK(f != NULL);
    if (f != NULL) {
        /* The finally body is inlined before the return, and the loop's
           iterator is removed under the return value. */
        CHECK(dis_has(f, "LOAD_GLOBAL print\nLOAD_FAST_BORROW x\nCALL 1\nPOP_TOP\n"
                         "SWAP 2\nPOP_ITER\nRETURN_VALUE\n"));
    }
    Py_XDECREF(mod);
}

/* ---- constant folding -------------------------------------------------- */

static void
test_constant_folding(void)
{
    PyCodeObject *co = compile_src("a = 2**10\nb = 'a'*3\nc = (1, 2, (3, -4))\n"
                                   "d = 1/0\ne = 2**1000\nf = -5\ng = ~0\n"
                                   "h = 'x' * 10000\ni = __debug__\n");
    CHECK(co != NULL);
    CHECK(dis_has(co, "LOAD_CONST 1024\nSTORE_NAME a\n"));
    CHECK(dis_has(co, "LOAD_CONST 'aaa'\nSTORE_NAME b\n"));
    CHECK(dis_has(co, "LOAD_CONST (1, 2, (3, -4))\nSTORE_NAME c\n"));
    /* Folding that would raise is left for run time. */
    CHECK(dis_has(co, "LOAD_SMALL_INT 1\nLOAD_SMALL_INT 0\nBINARY_OP 11\nSTORE_NAME d\n"));
    /* Too large results are not folded. */
    CHECK(dis_has(co, "LOAD_SMALL_INT 2\nLOAD_CONST 1000\nBINARY_OP 8\nSTORE_NAME e\n"));
    CHECK(dis_has(co, "LOAD_CONST -5\nSTORE_NAME f\n"));
    CHECK(dis_has(co, "LOAD_CONST -1\nSTORE_NAME g\n"));
    CHECK(dis_has(co, "LOAD_CONST 'x'\nLOAD_CONST 10000\nBINARY_OP 5\nSTORE_NAME h\n"));
    CHECK(dis_has(co, "LOAD_CONST True\nSTORE_NAME i\n"));
    Py_XDECREF(co);
    /* 0, 0.0 and False stay distinct constants. */
    co = compile_src("a = (0, 0.0, False, -0.0)\nb = 0.0\nc = -0.0\n");
    CHECK(co != NULL);
    CHECK(dis_has(co, "LOAD_CONST (0, 0.0, False, -0.0)\n"));
    CHECK(dis_has(co, "LOAD_CONST 0.0\nSTORE_NAME b\nLOAD_CONST -0.0\nSTORE_NAME c\n"));
    Py_XDECREF(co);
}

/* ---- line tables ------------------------------------------------------- */

static void
test_line_table(void)
{
    PyCodeObject *co = compile_src("a = 1\n\nb = (a +\n     2)\nif b:\n    c = 3\n");
    CHECK(co != NULL);
    if (co == NULL) {
        return;
    }
    _Py_CODEUNIT *code = _PyCode_CODE(co);
    for (Py_ssize_t i = 0; i < Py_SIZE(co); i++) {
        int line = PyCode_Addr2Line(co, (int)i * 2);
        int op = _Py_OPCODE(code[i]);
        if (op == STORE_NAME) {
            PyObject *name = PyTuple_GET_ITEM(co->co_names, _Py_OPARG(code[i]));
            if (PyUnicode_CompareWithASCIIString(name, "a") == 0) CHECK(line == 1);
            if (PyUnicode_CompareWithASCIIString(name, "b") == 0) CHECK(line == 3);
            if (PyUnicode_CompareWithASCIIString(name, "c") == 0) CHECK(line == 6);
        }
        if (op == BINARY_OP) {
            int sl, sc, el, ec;
            CHECK(PyCode_Addr2Location(co, (int)i * 2, &sl, &sc, &el, &ec));
            CHECK(sl == 3 && el == 4 && sc == 5 && ec == 6);
        }
    }
    /* co_positions gives one entry per unit consistent with Addr2Line,
       and co_lines covers the whole code contiguously. */
    PyObject *it = PyObject_CallMethod((PyObject *)co, "co_positions", NULL);
    CHECK(it != NULL);
    Py_ssize_t n = 0;
    PyObject *item;
    while (it && (item = PyIter_Next(it)) != NULL) {
        PyObject *line = PyTuple_GET_ITEM(item, 0);
        int expected = PyCode_Addr2Line(co, (int)n * 2);
        if (line == Py_None) {
            CHECK(expected == -1);
        }
        else {
            CHECK(PyLong_AsLong(line) == expected);
        }
        Py_DECREF(item);
        n++;
    }
    CHECK(n == Py_SIZE(co));
    Py_XDECREF(it);
    it = PyObject_CallMethod((PyObject *)co, "co_lines", NULL);
    CHECK(it != NULL);
    long expect_start = 0;
    while (it && (item = PyIter_Next(it)) != NULL) {
        long start = PyLong_AsLong(PyTuple_GET_ITEM(item, 0));
        long end = PyLong_AsLong(PyTuple_GET_ITEM(item, 1));
        CHECK(start == expect_start);
        CHECK(end > start);
        PyObject *line = PyTuple_GET_ITEM(item, 2);
        if (line != Py_None) {
            CHECK(PyCode_Addr2Line(co, (int)start) == PyLong_AsLong(line));
            CHECK(PyCode_Addr2Line(co, (int)end - 2) == PyLong_AsLong(line));
        }
        expect_start = end;
        Py_DECREF(item);
    }
    CHECK(expect_start == Py_SIZE(co) * 2);
    Py_XDECREF(it);
    Py_DECREF(co);
}

/* ---- errors ------------------------------------------------------------ */

static void
check_syntax_error(const char *src, const char *message, int lineno)
{
    PyCodeObject *co = compile_src(src);
    CHECK(co == NULL);
    Py_XDECREF(co);
    CHECK(PyErr_ExceptionMatches(PyExc_SyntaxError));
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) {
        return;
    }
    PyObject *msg = PyObject_GetAttrString(exc, "msg");
    if (msg == NULL || PyUnicode_CompareWithASCIIString(msg, message) != 0) {
        fprintf(stderr, "  expected %s\n  got ", message);
        if (msg) {
            PyObject_Print(msg, stderr, 0);
        }
        fprintf(stderr, "\n");
        CHECK(0);
    }
    Py_XDECREF(msg);
    PyErr_Clear();
    PyObject *line = PyObject_GetAttrString(exc, "lineno");
    CHECK(line != NULL && PyLong_AsLong(line) == lineno);
    Py_XDECREF(line);
    PyErr_Clear();
    Py_DECREF(exc);
}

static void
test_syntax_errors(void)
{
    check_syntax_error("return 1\n", "'return' outside function", 1);
    check_syntax_error("x = 1\nbreak\n", "'break' outside loop", 2);
    check_syntax_error("continue\n", "'continue' not properly in loop", 1);
    check_syntax_error("await x\n", "'await' outside function", 1);
    check_syntax_error("def f():\n    await x\n", "'await' outside async function", 2);
    check_syntax_error("yield 1\n", "'yield' outside function", 1);
    check_syntax_error("def f():\n    x = 1\n    global x\n",
                       "name 'x' is assigned to before global declaration", 3);
    check_syntax_error("def f():\n    print(x)\n    global x\n",
                       "name 'x' is used prior to global declaration", 3);
    check_syntax_error("def f(x):\n    global x\n",
                       "name 'x' is parameter and global", 2);
    check_syntax_error("def f():\n    nonlocal x\n",
                       "no binding for nonlocal 'x' found", 2);
    check_syntax_error("nonlocal x\n",
                       "nonlocal declaration not allowed at module level", 1);
    check_syntax_error("def f():\n    [(yield x) for x in y]\n",
                       "'yield' inside list comprehension", 2);
    check_syntax_error("def f():\n    ((yield x) for x in y)\n",
                       "'yield' inside generator expression", 2);
    check_syntax_error("def f(a, a):\n    pass\n",
                       "duplicate argument 'a' in function definition", 1);
    check_syntax_error("def f():\n    from m import *\n",
                       "import * only allowed at module level", 2);
    check_syntax_error("async def f():\n    yield 1\n    return 2\n",
                       "'return' with value in async generator", 3);
    check_syntax_error("x = 1\nfrom __future__ import annotations\n",
                       "from __future__ imports must occur at the beginning of the file", 2);
    check_syntax_error("from __future__ import braces\n", "not a chance", 1);
    {
        PyCodeObject *ok = compile_src(
            "async def f(y):\n    return [[x async for x in z] for z in y]\n");
        CHECK(ok != NULL);
        /* Both comprehensions run inline in the coroutine (PEP 709). */
        PyCodeObject *f = ok ? find_code(ok, "f") : NULL;
        CHECK(f != NULL && (f->co_flags & CO_COROUTINE));
        CHECK(f != NULL && find_code(f, "<listcomp>") == NULL);
        Py_XDECREF(ok);
        PyErr_Clear();
    }
    check_syntax_error("def f():\n    return [x async for x in y]\n",
                       "asynchronous comprehension outside of an asynchronous function", 2);
    check_syntax_error("from __future__ import nope\n",
                       "future feature nope is not defined", 1);
    check_syntax_error("class C:\n    [(y := 1) for x in z]\n",
                       "assignment expression within a comprehension cannot be used in a class body", 2);
}

static void
test_nesting_limit(void)
{
    char src[4096];
    for (int depth = 20; depth <= 21; depth++) {
        size_t len = 0;
        for (int i = 0; i < depth; i++) {
            len += (size_t)snprintf(src + len, sizeof(src) - len,
                                    "%*sfor x%d in y:\n", i, "", i);
        }
        snprintf(src + len, sizeof(src) - len, "%*spass\n", depth, "");
        PyCodeObject *co = compile_src(src);
        if (depth == 20) {
            CHECK(co != NULL);
            PyErr_Clear();
        }
        else {
            CHECK(co == NULL);
            CHECK_RAISES(PyExc_SyntaxError);
        }
        Py_XDECREF(co);
    }
}

static void
test_deep_expressions(void)
{
    /* A long chain compiles (folded to one constant); a far deeper one
       fails cleanly with RecursionError instead of crashing. */
    size_t terms = 1500;
    char *src = PyMem_Malloc(terms * 2 + 16);
    CHECK(src != NULL);
    if (src == NULL) {
        return;
    }
    strcpy(src, "x = 1");
    for (size_t i = 1; i < terms; i++) {
        strcat(src, "+1");
    }
    strcat(src, "\n");
    PyCodeObject *co = compile_src(src);
    CHECK(co != NULL);
    CHECK(dis_has(co, "LOAD_CONST 1500\nSTORE_NAME x\n"));
    Py_XDECREF(co);
    PyErr_Clear();
    PyMem_Free(src);
    terms = 30000;
    src = PyMem_Malloc(terms * 2 + 16);
    CHECK(src != NULL);
    if (src == NULL) {
        return;
    }
    char *p = src;
    p += sprintf(p, "x = y");
    for (size_t i = 1; i < terms; i++) {
        *p++ = '+';
        *p++ = 'y';
    }
    strcpy(p, "\n");
    co = compile_src(src);
    CHECK(co == NULL);
    CHECK(PyErr_ExceptionMatches(PyExc_RecursionError) ||
          PyErr_ExceptionMatches(PyExc_MemoryError) ||
          PyErr_ExceptionMatches(PyExc_SyntaxError));
    PyErr_Clear();
    Py_XDECREF(co);
    PyMem_Free(src);
    check_syntax_error("__debug__ = 1\n", "cannot assign to __debug__", 1);
}

/* ---- the code type ------------------------------------------------------- */

static void
test_code_type(void)
{
    const char *src = "def f(a):\n    return a * 2\n";
    PyCodeObject *m1 = compile_src(src);
    PyCodeObject *m2 = compile_src(src);
    CHECK(m1 && m2);
    if (m1 && m2) {
        PyCodeObject *f1 = find_code(m1, "f"), *f2 = find_code(m2, "f");
        CHECK(PyObject_RichCompareBool((PyObject *)f1, (PyObject *)f2, Py_EQ) == 1);
        CHECK(PyObject_Hash((PyObject *)f1) == PyObject_Hash((PyObject *)f2));
        PyObject *r = PyObject_Repr((PyObject *)f1);
        const char *text = r ? PyUnicode_AsUTF8(r) : NULL;
        CHECK(text && strncmp(text, "<code object f at 0x", 20) == 0);
        CHECK(text && strstr(text, ", file \"<test>\", line 1>") != NULL);
        Py_XDECREF(r);
        PyObject *kw = Py_BuildValue("{s:s}", "co_name", "g");
        PyObject *empty = PyTuple_New(0);
        PyObject *replace = PyObject_GetAttrString((PyObject *)f1, "replace");
        PyObject *g = replace ? PyObject_Call(replace, empty, kw) : NULL;
        CHECK(g != NULL && PyCode_Check(g));
        if (g) {
            CHECK_STR(PyObject_Str(((PyCodeObject *)g)->co_name), "g");
            CHECK(PyObject_RichCompareBool(g, (PyObject *)f1, Py_EQ) == 0);
            PyObject *code1 = PyCode_GetCode(f1);
            PyObject *code2 = PyCode_GetCode((PyCodeObject *)g);
            CHECK(code1 && code2 && PyObject_RichCompareBool(code1, code2, Py_EQ) == 1);
            Py_XDECREF(code1);
            Py_XDECREF(code2);
        }
        Py_XDECREF(g);
        Py_XDECREF(replace);
        Py_XDECREF(empty);
        Py_XDECREF(kw);
        /* code(...) rebuilds an equal object from the attributes. */
        PyObject *attrs[16];
        const char *names[16] = {
            "co_argcount", "co_posonlyargcount", "co_kwonlyargcount",
            "co_nlocals", "co_stacksize", "co_flags", "co_code", "co_consts",
            "co_names", "co_varnames", "co_filename", "co_name",
            "co_qualname", "co_firstlineno", "co_linetable",
            "co_exceptiontable" };
        int ok = 1;
        for (int i = 0; i < 16; i++) {
            attrs[i] = PyObject_GetAttrString((PyObject *)f1, names[i]);
            ok &= attrs[i] != NULL;
        }
        CHECK(ok);
        if (ok) {
            PyObject *targs = PyTuple_New(16);
            for (int i = 0; targs && i < 16; i++) {
                PyTuple_SET_ITEM(targs, i, Py_NewRef(attrs[i]));
            }
            PyObject *copy = targs ? PyObject_Call((PyObject *)&PyCode_Type, targs, NULL) : NULL;
            CHECK(copy != NULL);
            if (copy != NULL) {
                CHECK(PyObject_RichCompareBool(copy, (PyObject *)f1, Py_EQ) == 1);
            }
            Py_XDECREF(copy);
            Py_XDECREF(targs);
        }
        for (int i = 0; i < 16; i++) {
            Py_XDECREF(attrs[i]);
        }
        PyErr_Clear();
        PyObject *argc = PyObject_GetAttrString((PyObject *)f1, "co_argcount");
        CHECK(argc && PyLong_AsLong(argc) == 1);
        Py_XDECREF(argc);
    }
    Py_XDECREF(m1);
    Py_XDECREF(m2);
    PyCodeObject *empty = PyCode_NewEmpty("e.py", "empty", 7);
    CHECK(empty != NULL);
    if (empty) {
        CHECK(PyCode_Addr2Line(empty, 0) == 7);
        CHECK(dis_has(empty, "RESUME 0\nLOAD_CONST None\nRETURN_VALUE\n"));
        Py_DECREF(empty);
    }
}

/* A program touching most statements must compile with a consistent
   stack (the assembler checks depths at every join). */
static void
test_many_constructs(void)
{
    PyCodeObject *co = compile_src(
        "import os.path as p, sys\n"
        "from . import a as b\n"
        "from m import *\n"
        "x: int = 1\n"
        "y: 'str'\n"
        "@dec\n"
        "class K(Base, *more, **kw):\n"
        "    z: int\n"
        "    def __init__(self, *a, k=1, **kw):\n"
        "        self.__p = [i for i in a if i if not i]\n"
        "        super().__init__()\n"
        "    @property\n"
        "    def v(self): return {k: v for k, v in self.__p}\n"
        "async def coro(s):\n"
        "    async with s as t, s:\n"
        "        async for i in t:\n"
        "            await i\n"
        "    return [j async for j in s]\n"
        "def gen(n):\n"
        "    global G\n"
        "    G = yield from range(n)\n"
        "    def inner():\n"
        "        nonlocal n\n"
        "        n += 1\n"
        "        return lambda q=n, *, r=2: q + r\n"
        "    try:\n"
        "        del n\n"
        "    except (KeyError, IndexError):\n"
        "        raise\n"
        "    except Exception as e:\n"
        "        raise ValueError('x') from e\n"
        "    else:\n"
        "        pass\n"
        "    finally:\n"
        "        while True:\n"
        "            break\n"
        "    a, *b, c = n\n"
        "    [d, e] = a[1:2], a[::2]\n"
        "    a[0] += 1; a.b -= 1; a[1:2] *= 3\n"
        "    assert a < b <= c, 'msg'\n"
        "    s = f'{a!r:>{b}} {c}' + t'{d}'\n"
        "    return (a if b else c) and (d or e), {1, *a}, {**a, 'k': 1}, (*a,)\n"
        "print(x if (w := 3) else [w for _ in ()], sep='')\n");
    if (co == NULL) {
        PyErr_Print();
    }
    CHECK(co != NULL);
    PyCodeObject *k = find_code(co, "K");
    CHECK(k != NULL);
    if (k != NULL) {
        CHECK(dis_has(k, "STORE_NAME __annotate__\n"));
        CHECK(dis_has(k, "LOAD_CONST ('__p',)\nSTORE_NAME __static_attributes__\n"));
    }
    CHECK(dis_has(co, "STORE_NAME __annotate__\n"));
    PyCodeObject *annotate = k != NULL ? find_code(k, "__annotate__") : NULL;
    PyCodeObject *mod_annotate = find_code(co, "__annotate__");
    CHECK(mod_annotate != NULL && mod_annotate != annotate);
    if (mod_annotate != NULL) {
        CHECK(dis_has(mod_annotate, "LOAD_CONST 'x'\nLOAD_GLOBAL int\nMAP_ADD 1\n"
                                    "LOAD_CONST 'y'\nLOAD_CONST 'str'\nMAP_ADD 1\n"));
    }
    CHECK(annotate != NULL);
    if (annotate != NULL) {
        CHECK(annotate->co_argcount == 1 && annotate->co_posonlyargcount == 1);
        CHECK(dis_has(annotate, "LOAD_FAST_BORROW format\nLOAD_SMALL_INT 2\nCOMPARE_OP 144\n"));
        CHECK(dis_has(annotate, "LOAD_COMMON_CONSTANT 1\nRAISE_VARARGS 1\n"));
        /* The class's: `z: int`. */
        CHECK(dis_has(annotate, "BUILD_MAP 0\nLOAD_CONST 'z'\nLOAD_DEREF __classdict__\n"
                                "LOAD_FROM_DICT_OR_GLOBALS int\nMAP_ADD 1\nRETURN_VALUE\n"));
    }
    PyCodeObject *coro = find_code(co, "coro");
    CHECK(coro != NULL);
    if (coro != NULL) {
        CHECK(dis_has(coro, "LOAD_SPECIAL 3\nSWAP 2\nSWAP 3\nLOAD_SPECIAL 2\nCALL 0\n"
                            "GET_AWAITABLE 1\n"));
        CHECK(dis_has(coro, "GET_AITER\n"));
        CHECK(dis_has(coro, "END_ASYNC_FOR\n"));
    }
    PyCodeObject *gen = find_code(co, "gen");
    CHECK(gen != NULL);
    if (gen != NULL) {
        CHECK(dis_has(gen, "GET_YIELD_FROM_ITER\nLOAD_CONST None\nSEND"));
        CHECK(dis_has(gen, "RESUME 2\n"));
        CHECK(dis_has(gen, "STORE_GLOBAL G\n"));
        CHECK(dis_has(gen, "UNPACK_EX 257\n"));
        CHECK(dis_has(gen, "BINARY_SLICE\n"));
        CHECK(dis_has(gen, "STORE_SLICE\n"));
        CHECK(dis_has(gen, "LOAD_COMMON_CONSTANT 0\nLOAD_CONST 'msg'\nCALL 0\nRAISE_VARARGS 1\n"));
        CHECK(dis_has(gen, "CONVERT_VALUE 2\n"));
        CHECK(dis_has(gen, "FORMAT_WITH_SPEC\n"));
        CHECK(dis_has(gen, "LOAD_CONST 'd'\nBUILD_INTERPOLATION 0\n"));
        CHECK(dis_has(gen, "BUILD_TEMPLATE\n"));
        CHECK(dis_has(gen, "RAISE_VARARGS 2\n"));
        CHECK(dis_has(gen, "CALL_INTRINSIC_1 6\n"));
    }
    PyCodeObject *inner = find_code(co, "inner");
    CHECK(inner != NULL && dis_has(inner, "STORE_DEREF n\n"));
    Py_XDECREF(co);
}

static void
test_match_statement(void)
{
    PyCodeObject *mod = compile_src(
        "def f(x):\n"
        "    match x:\n"
        "        case 1 | 2:\n            return 'small'\n"
        "        case None:\n            return 'none'\n"
        "        case [a, *rest, b] if a:\n            return rest\n"
        "        case {'k': v, **kw}:\n            return v, kw\n"
        "        case P(q, r=s) as whole:\n            return q, s, whole\n"
        "        case (1, 2) | [3, _]:\n            return 0\n"
        "        case _:\n            return x\n");
    if (mod == NULL) {
        PyErr_Print();
    }
    CHECK(mod != NULL);
    PyCodeObject *f = find_code(mod, "f");
    CHECK(f != NULL);
    if (f != NULL) {
        CHECK(dis_has(f, "COPY 1\nLOAD_SMALL_INT 1\nCOMPARE_OP 80\nPOP_JUMP_IF_FALSE"));
        CHECK(dis_has(f, "LOAD_CONST None\nIS_OP 0\nPOP_JUMP_IF_FALSE"));
        CHECK(dis_has(f, "MATCH_SEQUENCE\nPOP_JUMP_IF_FALSE"));
        CHECK(dis_has(f, "GET_LEN\nLOAD_SMALL_INT 2\nCOMPARE_OP 176\n"));
        CHECK(dis_has(f, "UNPACK_EX 257\n"));
        CHECK(dis_has(f, "MATCH_MAPPING\n"));
        CHECK(dis_has(f, "BUILD_TUPLE 1\nMATCH_KEYS\nCOPY 1\nPOP_JUMP_IF_NONE"));
        CHECK(dis_has(f, "LOAD_GLOBAL P\nLOAD_CONST ('r',)\nMATCH_CLASS 1\n"));
    }
    Py_XDECREF(mod);
    check_syntax_error("match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
                       "name capture 'y' makes remaining patterns unreachable", 2);
    check_syntax_error("match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
                       "wildcard makes remaining patterns unreachable", 2);
}

static void
test_try_star(void)
{
    PyCodeObject *mod = compile_src(
        "def f():\n"
        "    try:\n        g()\n"
        "    except* ValueError as e:\n        h(e)\n"
        "    except* TypeError:\n        pass\n"
        "    else:\n        k()\n");
    if (mod == NULL) {
        PyErr_Print();
    }
    CHECK(mod != NULL);
    PyCodeObject *f = find_code(mod, "f");
    CHECK(f != NULL);
    if (f != NULL) {
        CHECK(dis_has(f, "PUSH_EXC_INFO\nBUILD_LIST 0\nCOPY 2\n"
                         "LOAD_GLOBAL ValueError\nCHECK_EG_MATCH\nCOPY 1\nPOP_JUMP_IF_NONE"));
        CHECK(dis_has(f, "LIST_APPEND 3\n"));
        CHECK(dis_has(f, "CALL_INTRINSIC_2 1\nCOPY 1\nPOP_JUMP_IF_NOT_NONE"));
    }
    Py_XDECREF(mod);
    check_syntax_error("def f():\n    try:\n        pass\n    except* E:\n        return 1\n",
                       "'break', 'continue' and 'return' cannot appear in an except* block", 5);
}

static void
test_generics(void)
{
    PyCodeObject *mod = compile_src(
        "def f[T: int, *Ts, **P](x: T, y=1) -> T:\n    return x\n"
        "class C[T = str](Base):\n    def m(self) -> T: pass\n"
        "type Alias[K] = list[K]\n"
        "type Plain = int\n");
    if (mod == NULL) {
        PyErr_Print();
    }
    CHECK(mod != NULL);
    PyCodeObject *tpf = find_code(mod, "<generic parameters of f>");
    PyCodeObject *f = find_code(mod, "f");
    PyCodeObject *tpc = find_code(mod, "<generic parameters of C>");
    PyCodeObject *cls = find_code(mod, "C");
    PyCodeObject *alias = find_code(mod, "<generic parameters of Alias>");
    CHECK(tpf && f && tpc && cls && alias);
    if (tpf && f && tpc && cls && alias) {
        CHECK(tpf->co_argcount == 1);
        CHECK(dis_has(tpf, "LOAD_CONST 'T'\nLOAD_CONST <code object T"));
        CHECK(dis_has(tpf, "CALL_INTRINSIC_2 2\n"));
        CHECK(dis_has(tpf, "CALL_INTRINSIC_1 9\n"));
        CHECK(dis_has(tpf, "CALL_INTRINSIC_1 8\n"));
        CHECK(dis_has(tpf, "BUILD_TUPLE 3\n"));
        CHECK(dis_has(tpf, "SWAP 2\nCALL_INTRINSIC_2 4\nRETURN_VALUE\n"));
        CHECK_STR(PyObject_Str(f->co_qualname), "f");
        CHECK(dis_has(mod, "SWAP 2\nCALL 0\nSTORE_NAME f\n"));
        CHECK(dis_has(tpc, "CALL_INTRINSIC_2 5\n"));
        CHECK(dis_has(tpc, "CALL_INTRINSIC_1 10\n"));
        CHECK(dis_has(tpc, "LOAD_BUILD_CLASS\nPUSH_NULL\n"));
        CHECK(dis_has(cls, "STORE_NAME __type_params__\n"));
        CHECK(dis_has(mod, "PUSH_NULL\nCALL 0\nSTORE_NAME C\n"));
        CHECK(dis_has(alias, "BUILD_TUPLE 3\nCALL_INTRINSIC_1 11\nRETURN_VALUE\n"));
        CHECK(dis_has(mod, "LOAD_CONST 'Plain'\nLOAD_CONST None\nLOAD_CONST <code object Plain"));
    }
    Py_XDECREF(mod);
}

static void
test_opcode_metadata(void)
{
    /* Every real opcode has a name that maps back to it. */
    for (int op = 0; op <= MAX_REAL_OPCODE; op++) {
        const char *name = _PyOpcode_Name(op);
        CHECK(name != NULL);
        if (name != NULL) {
            CHECK(_PyOpcode_FromName(name) == op);
        }
        CHECK(_PyOpcode_StackEffect(op, 1, -1) != PY_INVALID_STACK_EFFECT);
    }
    CHECK(_PyOpcode_FromName("NO_SUCH_OP") == -1);
    CHECK(!OPCODE_HAS_ARG(NOP) && OPCODE_HAS_ARG(LOAD_CONST));
    CHECK(_PyOpcode_StackEffect(CALL, 2, 0) == -3);
    CHECK(_PyOpcode_StackEffect(CALL_KW, 2, 0) == -4);
    CHECK(_PyOpcode_StackEffect(CALL_FUNCTION_EX, 0, 0) == -3);
    CHECK(_PyOpcode_StackEffect(LOAD_GLOBAL, 1, 0) == 2);
    CHECK(_PyOpcode_StackEffect(LOAD_GLOBAL, 2, 0) == 1);
    CHECK(_PyOpcode_StackEffect(LOAD_ATTR, 3, 0) == 1);
    CHECK(_PyOpcode_StackEffect(LOAD_SUPER_ATTR, 1, 0) == -1);
    CHECK(_PyOpcode_StackEffect(BUILD_MAP, 2, 0) == -3);
    CHECK(_PyOpcode_StackEffect(UNPACK_EX, 0x102, 0) == 3);
    CHECK(_PyOpcode_StackEffect(POP_JUMP_IF_FALSE, 0, 1) == -1);
    CHECK(_PyOpcode_StackEffect(FOR_ITER, 0, 0) == 1);
    CHECK(_PyOpcode_StackEffect(SETUP_CLEANUP, 0, 1) == 2);
    CHECK(_PyOpcode_StackEffect(SETUP_CLEANUP, 0, 0) == 0);
    CHECK(_PyOpcode_StackEffect(WITH_EXCEPT_START, 0, 0) == 1);
    CHECK(_PyOpcode_StackEffect(RERAISE, 2, 0) == -1);
    CHECK(strcmp(_PyOpcode_BinaryOpSymbol[NB_INPLACE_ADD], "+=") == 0);
    CHECK(strcmp(_PyOpcode_BinaryOpSymbol[NB_SUBSCR], "[]") == 0);
    CHECK(IS_PSEUDO_OPCODE(SETUP_FINALLY) && !IS_PSEUDO_OPCODE(NOP));
}

static void
test_inlined_comprehensions(void)
{
    PyCodeObject *mod = compile_src(
        "def f(xs):\n"
        "    x = 0\n"
        "    return [x * 2 for x in xs], x\n"
        "def g(xs):\n"
        "    return [lambda: x for x in xs]\n");
    CHECK(mod != NULL);
    PyCodeObject *f = find_code(mod, "f");
    CHECK(f != NULL);
    if (f != NULL) {
        /* PEP 709: no nested code object; x is saved and restored. */
        CHECK(find_code(f, "<listcomp>") == NULL);
        CHECK(dis_has(f, "LOAD_FAST_BORROW xs\nGET_ITER\nLOAD_FAST_AND_CLEAR x\nSWAP 2\n"
                         "BUILD_LIST 0\nSWAP 2\nFOR_ITER"));
        CHECK(dis_has(f, "STORE_FAST x\n"));
        CHECK(dis_has(f, "LIST_APPEND 2\n"));
        CHECK(dis_has(f, "END_FOR\nPOP_ITER\nSWAP 2\nSTORE_FAST x\n"));
        PyObject *cells = getattr_str((PyObject *)f, "co_cellvars");
        CHECK(cells != NULL && PyTuple_GET_SIZE(cells) == 0);
        Py_XDECREF(cells);
        /* The handler restores x when the loop raises. */
        _PyExceptionTableEntry entry;
        CHECK(_PyCode_ExceptionTableEntry(f, 0, &entry));
    }
    /* A comprehension with a nested scope runs inline too: x becomes a
       cell of g, saved and given a fresh cell for the comprehension. */
    PyCodeObject *g = find_code(mod, "g");
    CHECK(g != NULL && find_code(g, "<listcomp>") == NULL);
    if (g != NULL) {
        PyObject *cells = getattr_str((PyObject *)g, "co_cellvars");
        CHECK(cells != NULL && PyTuple_GET_SIZE(cells) == 1 &&
              PyUnicode_EqualToUTF8(PyTuple_GET_ITEM(cells, 0), "x"));
        Py_XDECREF(cells);
        CHECK(dis_has(g, "LOAD_FAST_AND_CLEAR x\nMAKE_CELL x\nSWAP 2\n"));
        CHECK(dis_has(g, "STORE_DEREF x\n"));
    }
    Py_XDECREF(mod);
}

void
suite_compile(void)
{
    RUN(test_opcode_metadata);
    RUN(test_function_signature);
    RUN(test_closures_and_cells);
    RUN(test_generator_flags);
    RUN(test_calls);
    RUN(test_class_body);
    RUN(test_docstring_and_eval);
    RUN(test_conditionals_use_bools);
    RUN(test_loops);
    RUN(test_try_except_table);
    RUN(test_with_table);
    RUN(test_return_in_finally_loop);
    RUN(test_repeated_unwinding);
    RUN(test_conditional_annotations);
    RUN(test_constant_folding);
    RUN(test_line_table);
    RUN(test_syntax_errors);
    RUN(test_nesting_limit);
    RUN(test_deep_expressions);
    RUN(test_code_type);
    RUN(test_many_constructs);
    RUN(test_match_statement);
    RUN(test_try_star);
    RUN(test_generics);
    RUN(test_inlined_comprehensions);
}
