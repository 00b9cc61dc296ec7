/* Tests of the front end (suite "parser"): tokenizer, parser, AST dump.

   Most tests parse a source and compare _PyAST_Dump() with the text
   Python 3.15's ast.dump() gives.  The expected strings were produced
   with CPython 3.11's ast module printed under the 3.13+ ast.dump rules
   (None and [] fields left out; Import/ImportFrom gain is_lazy=0), and
   for syntax 3.11 lacks (type parameters with defaults, t-strings, lazy
   imports, except without parentheses, unpacking in comprehensions,
   PEP 701 f-strings) written from the grammar and PEPs and checked by
   hand.  Error cases give the exception type and every location
   attribute of the SyntaxError; their values were taken from CPython
   where its messages did not change after 3.11. */
#define Py_BUILD_CORE 1
#include "testlib.h"
#include "pycore_ast.h"
#include "pycore_parser.h"
#include "pycore_tokenizer.h"

#include <pthread.h>

#include "test_parser_cases.h"

/* ---- helpers ---------------------------------------------------------------- */

/* The dump of `source` parsed in `mode` (new str), or NULL with the
   parser's exception. */
static PyObject *
parse_dump_ex(const char *source, Py_ssize_t len, int mode, int flags,
              int attributes)
{
    PyArena *arena = _PyArena_New();
    if (arena == NULL) {
        return NULL;
    }
    PyObject *filename = PyUnicode_FromString("<test>");
    PyObject *dump = NULL;
    if (filename != NULL) {
        mod_ty tree = _PyParser_ParseStringAndSize(source, len, filename, mode,
                                                   flags, arena);
        if (tree != NULL) {
            dump = _PyAST_DumpNodeEx(_PyAST_T_mod, tree, attributes);
        }
        Py_DECREF(filename);
    }
    _PyArena_Free(arena);
    return dump;
}

static PyObject *
parse_dump(const char *source, int mode)
{
    return parse_dump_ex(source, (Py_ssize_t)strlen(source), mode, 0, 0);
}

static void
run_ast_cases(const ast_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        CHECK_STR(parse_dump(cases[i].source, cases[i].mode), cases[i].dump);
    }
}

/* An int attribute of the raised exception, or -1000 if missing. */
static long
int_attr(PyObject *exc, const char *name)
{
    PyObject *v = PyObject_GetAttrString(exc, name);
    if (v == NULL) {
        PyErr_Clear();
        return -1000;
    }
    long r = v == Py_None ? -999 : PyLong_AsLong(v);
    Py_DECREF(v);
    return r;
}

/* Checks the pending exception against the expected error; clears it. */
static void
check_error(const error_case *c)
{
    PyObject *exc = PyErr_GetRaisedException();
    CHECK(exc != NULL);
    if (exc == NULL) {
        fprintf(stderr, "    (no error for %s)\n", c->source);
        return;
    }
    PyObject *want_type = c->type == E_TAB ? PyExc_TabError
                          : c->type == E_INDENT ? PyExc_IndentationError
                          : PyExc_SyntaxError;
    int ok = Py_IS_TYPE(exc, (PyTypeObject *)want_type);
    PyObject *msg = PyObject_GetAttrString(exc, "msg");
    PyObject *text = PyObject_GetAttrString(exc, "text");
    PyErr_Clear();
    ok = ok && msg != NULL && PyUnicode_Check(msg) &&
         strcmp(PyUnicode_AsUTF8(msg), c->msg) == 0;
    ok = ok && int_attr(exc, "lineno") == c->lineno &&
         int_attr(exc, "offset") == c->offset &&
         int_attr(exc, "end_lineno") == c->end_lineno &&
         int_attr(exc, "end_offset") == c->end_offset;
    if (c->text == NULL) {
        ok = ok && text == Py_None;
    }
    else {
        ok = ok && text != NULL && PyUnicode_Check(text) &&
             strcmp(PyUnicode_AsUTF8(text), c->text) == 0;
    }
    CHECK(ok);
    if (!ok) {
        PyObject *r = PyObject_Repr(exc);
        fprintf(stderr, "    source %s\n    got %s %s (%ld, %ld, %ld, %ld) "
                "text %s\n    want %s (%d, %d, %d, %d)\n", c->source,
                Py_TYPE(exc)->tp_name, r ? PyUnicode_AsUTF8(r) : "?",
                int_attr(exc, "lineno"), int_attr(exc, "offset"),
                int_attr(exc, "end_lineno"), int_attr(exc, "end_offset"),
                text && PyUnicode_Check(text) ? PyUnicode_AsUTF8(text) : "-",
                c->msg, c->lineno, c->offset, c->end_lineno, c->end_offset);
        Py_XDECREF(r);
        PyErr_Clear();
    }
    Py_XDECREF(msg);
    Py_XDECREF(text);
    Py_DECREF(exc);
}


#define RUN_CASES(table) run_ast_cases((table), Py_ARRAY_LENGTH(table))

static void test_statements(void) { RUN_CASES(statements_cases); }
static void test_expressions(void) { RUN_CASES(expressions_cases); }
static void test_string_literals(void) { RUN_CASES(strings_cases); }
static void test_match_statements(void) { RUN_CASES(match_cases); }
static void test_recent_syntax(void) { RUN_CASES(recent_cases); }
static void test_modes(void) { RUN_CASES(modes_cases); }

static void
test_syntax_errors(void)
{
    for (Py_ssize_t i = 0; i < (Py_ssize_t)Py_ARRAY_LENGTH(error_cases); i++) {
        const error_case *c = &error_cases[i];
        PyObject *dump = parse_dump(c->source, Py_file_input);
        CHECK(dump == NULL);
        if (dump != NULL) {
            fprintf(stderr, "    parsed: %s\n", c->source);
            Py_DECREF(dump);
            continue;
        }
        check_error(c);
    }
}

/* Some errors are about whole-input situations the table cannot show. */
static void
test_syntax_errors_other_modes(void)
{
    CHECK(parse_dump("1 +", Py_eval_input) == NULL);
    CHECK_RAISES(PyExc_SyntaxError);
    CHECK(parse_dump("x = 1", Py_eval_input) == NULL);
    CHECK_RAISES(PyExc_SyntaxError);
    /* interactive input is one statement */
    error_case multi = {"x = 1\ny = 2\n", E_SYNTAX, "multiple statements found "
                        "while compiling a single statement", 1, 6, 1, 6,
                        "x = 1\n"};
    CHECK(parse_dump(multi.source, Py_single_input) == NULL);
    check_error(&multi);
}

/* With PyCF_ALLOW_INCOMPLETE_INPUT, input that more lines could complete
   raises _IncompleteInputError (codeop and the REPL rely on it). */
static void
test_incomplete_input(void)
{
    const char *incomplete[] = {"if x:\n", "x = (1,\n", "'''abc\n",
                                "x = 1\\\n", "class A:\n    def f(self):\n",
                                "f(a,\n  b", NULL};
    for (int i = 0; incomplete[i] != NULL; i++) {
        CHECK(parse_dump_ex(incomplete[i], (Py_ssize_t)strlen(incomplete[i]),
                            Py_single_input, PyCF_ALLOW_INCOMPLETE_INPUT, 0)
              == NULL);
        CHECK_RAISES(PyExc_IncompleteInputError);
    }
    /* real errors stay errors, complete input parses */
    CHECK(parse_dump_ex("a b\n", 4, Py_single_input,
                        PyCF_ALLOW_INCOMPLETE_INPUT, 0) == NULL);
    CHECK(PyErr_ExceptionMatches(PyExc_SyntaxError) &&
          !PyErr_ExceptionMatches(PyExc_IncompleteInputError));
    PyErr_Clear();
    CHECK_STR(parse_dump_ex("x = [1,\n 2]\n", 12, Py_single_input,
                            PyCF_ALLOW_INCOMPLETE_INPUT, 0),
              "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], "
              "value=List(elts=[Constant(value=1), Constant(value=2)], "
              "ctx=Load()))])");
    /* without the flag, the usual message */
    CHECK(parse_dump("if x:\n", Py_single_input) == NULL);
    CHECK(PyErr_ExceptionMatches(PyExc_IndentationError));
    PyErr_Clear();
}

/* ---- locations ------------------------------------------------------------------ */

static void
test_locations(void)
{
    /* Columns are UTF-8 byte offsets; nodes end at their last token, not
       at the NEWLINE or DEDENT after them. */
    CHECK_STR(parse_dump_ex("x = 'é' + y\n", 13, Py_file_input, 0, 1),
              "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), "
              "lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], "
              "value=BinOp(left=Constant(value='é', lineno=1, col_offset=4, "
              "end_lineno=1, end_col_offset=8), op=Add(), right=Name(id='y', "
              "ctx=Load(), lineno=1, col_offset=11, end_lineno=1, "
              "end_col_offset=12), lineno=1, col_offset=4, end_lineno=1, "
              "end_col_offset=12), lineno=1, col_offset=0, end_lineno=1, "
              "end_col_offset=12)])");
    const char *src = "@d\ndef f(a):\n    if a:\n        return (a,\n"
                      "                b)\n";
    CHECK_STR(parse_dump_ex(src, (Py_ssize_t)strlen(src), Py_file_input, 0, 1),
              "Module(body=[FunctionDef(name='f', args=arguments(args=[arg("
              "arg='a', lineno=2, col_offset=6, end_lineno=2, end_col_offset=7)"
              "]), body=[If(test=Name(id='a', ctx=Load(), lineno=3, "
              "col_offset=7, end_lineno=3, end_col_offset=8), body=[Return("
              "value=Tuple(elts=[Name(id='a', ctx=Load(), lineno=4, "
              "col_offset=16, end_lineno=4, end_col_offset=17), Name(id='b', "
              "ctx=Load(), lineno=5, col_offset=16, end_lineno=5, "
              "end_col_offset=17)], ctx=Load(), lineno=4, col_offset=15, "
              "end_lineno=5, end_col_offset=18), lineno=4, col_offset=8, "
              "end_lineno=5, end_col_offset=18)], lineno=3, col_offset=4, "
              "end_lineno=5, end_col_offset=18)], decorator_list=[Name(id='d', "
              "ctx=Load(), lineno=1, col_offset=1, end_lineno=1, "
              "end_col_offset=2)], lineno=2, col_offset=0, end_lineno=5, "
              "end_col_offset=18)])");
    /* f-string parts: the replacement field spans its braces */
    src = "f'a{b!r}'\n";
    CHECK_STR(parse_dump_ex(src, (Py_ssize_t)strlen(src), Py_file_input, 0, 1),
              "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a', "
              "lineno=1, col_offset=2, end_lineno=1, end_col_offset=3), "
              "FormattedValue(value=Name(id='b', ctx=Load(), lineno=1, "
              "col_offset=4, end_lineno=1, end_col_offset=5), conversion=114, "
              "lineno=1, col_offset=3, end_lineno=1, end_col_offset=8)], "
              "lineno=1, col_offset=0, end_lineno=1, end_col_offset=9), "
              "lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)])");
}

/* ---- nesting limits ------------------------------------------------------------- */

/* A source of `prefix` repeated n times around `middle`, then `suffix`
   repeated n times. */
static char *
nested(const char *prefix, const char *middle, const char *suffix, int n)
{
    size_t lp = strlen(prefix), lm = strlen(middle), ls = strlen(suffix);
    char *s = PyMem_Malloc(n * (lp + ls) + lm + 2);
    if (s == NULL) {
        return NULL;
    }
    char *q = s;
    for (int i = 0; i < n; i++) {
        memcpy(q, prefix, lp);
        q += lp;
    }
    memcpy(q, middle, lm);
    q += lm;
    for (int i = 0; i < n; i++) {
        memcpy(q, suffix, ls);
        q += ls;
    }
    *q++ = '\n';
    *q = '\0';
    return s;
}

static void
expect_error_for(char *src, PyObject *type, const char *msg)
{
    CHECK(src != NULL);
    if (src == NULL) {
        return;
    }
    PyObject *dump = parse_dump(src, Py_file_input);
    CHECK(dump == NULL && PyErr_ExceptionMatches(type));
    if (dump == NULL && msg != NULL && PyErr_ExceptionMatches(type)) {
        PyObject *exc = PyErr_GetRaisedException();
        PyObject *m = PyObject_GetAttrString(exc, "msg");
        if (m == NULL) {
            PyErr_Clear();
            m = PyObject_Str(exc);
        }
        CHECK_STR(m, msg);
        Py_DECREF(exc);
    }
    Py_XDECREF(dump);
    PyErr_Clear();
    PyMem_Free(src);
}

static void
test_nesting_limits(void)
{
    /* The tokenizer's bracket limit (200, as CPython's) */
    expect_error_for(nested("(", "1", ")", 300), PyExc_SyntaxError,
                     "too many nested parentheses");
    expect_error_for(nested("[", "", "]", 300), PyExc_SyntaxError,
                     "too many nested parentheses");
    expect_error_for(nested("{", "", "}", 201), PyExc_SyntaxError,
                     "too many nested parentheses");
    char *ok = nested("(", "1", ")", 199);
    CHECK_STR(parse_dump(ok, Py_file_input),
              "Module(body=[Expr(value=Constant(value=1))])");
    PyMem_Free(ok);
    /* Deep operator chains: a clean MemoryError ("Parser stack overflowed",
       as CPython 3.14+ reports it), no crash */
    expect_error_for(nested("-", "1", "", 10000), PyExc_MemoryError, NULL);
    expect_error_for(nested("not ", "x", "", 10000), PyExc_MemoryError,
                     NULL);
    expect_error_for(nested("~", "1", "", 100000), PyExc_MemoryError, NULL);
    expect_error_for(nested("2 ** ", "2", "", 5000), PyExc_MemoryError,
                     NULL);
    expect_error_for(nested("lambda: ", "0", "", 5000), PyExc_MemoryError,
                     NULL);
    expect_error_for(nested("a if b else ", "c", "", 5000),
                     PyExc_MemoryError, NULL);
    /* ... while moderate depths parse */
    ok = nested("-", "1", "", 500);
    PyObject *dump = parse_dump(ok, Py_file_input);
    CHECK(dump != NULL);
    Py_XDECREF(dump);
    PyMem_Free(ok);
    /* 100000 terms are one left-nested BinOp chain: parsing them needs no
       recursion; dumping the 100000-deep tree stops cleanly. */
    char *sum = nested("", "1", " + 1", 100000);
    PyArena *arena = _PyArena_New();
    mod_ty tree = _PyParser_ParseString(sum, NULL, Py_file_input, 0, arena);
    CHECK(tree != NULL && tree->kind == Module_kind);
    if (tree != NULL) {
        expr_ty e = asdl_seq_GET(tree->v.Module.body, 0)->v.Expr.value;
        CHECK(e->kind == BinOp_kind && e->end_col_offset == 400001);
        CHECK(_PyAST_Dump(tree) == NULL);
        CHECK_RAISES(PyExc_RecursionError);
    }
    _PyArena_Free(arena);
    PyMem_Free(sum);
    /* Indentation: 100 levels at most */
    char deep[100 * 104 + 64];
    char *q = deep;
    for (int i = 0; i < 101; i++) {
        memset(q, ' ', (size_t)i);
        q += i;
        memcpy(q, "if x:\n", 6);
        q += 6;
    }
    memset(q, ' ', 101);
    q += 101;
    strcpy(q, "pass\n");
    CHECK(parse_dump(deep, Py_file_input) == NULL);
    CHECK_RAISES(PyExc_IndentationError);
    /* Nested f-strings (PEP 701 lets them reuse the quote) */
    ok = nested("f\"{", "1", "}\"", 60);
    dump = parse_dump(ok, Py_file_input);
    CHECK(dump != NULL);
    Py_XDECREF(dump);
    PyMem_Free(ok);
    expect_error_for(nested("f\"{", "1", "}\"", 160), PyExc_SyntaxError, NULL);
}

/* ---- source encodings ---------------------------------------------------------- */

static void
test_encodings(void)
{
    /* latin-1 cookie: the byte 0xE9 is é */
    CHECK_STR(parse_dump("# -*- coding: latin-1 -*-\nx = '\xe9'\n",
                         Py_file_input),
              "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
              "value=Constant(value='\xc3\xa9'))])");
    /* on the second line after a comment, other spellings */
    CHECK_STR(parse_dump("#!/usr/bin/env python\n# vim: set fileencoding="
                         "iso-8859-1 :\nx = '\xe9'\n", Py_file_input),
              "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
              "value=Constant(value='\xc3\xa9'))])");
    CHECK_STR(parse_dump("# coding=utf8\nx = '\xc3\xa9'\n", Py_file_input),
              "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
              "value=Constant(value='\xc3\xa9'))])");
    /* a cookie after a code line is no cookie */
    error_case late = {NULL, E_SYNTAX, "(unicode error) 'utf-8' codec can't "
                       "decode byte 0xe9 in position 3: invalid continuation "
                       "byte", 3, 4, 3, 4, "y='\xef\xbf\xbd'\n"};
    CHECK(parse_dump("x = 1\n# coding: latin-1\ny='\xe9'\n", Py_file_input)
          == NULL);
    check_error(&late);
    /* unknown encodings */
    CHECK(parse_dump("# coding: no-such-codec\nx = 1\n", Py_file_input)
          == NULL);
    error_case unknown = {NULL, E_SYNTAX, "unknown encoding: no-such-codec",
                          0, -1, -1000, -1000, NULL};
    {
        PyObject *exc = PyErr_GetRaisedException();
        CHECK(exc != NULL && Py_IS_TYPE(exc, (PyTypeObject *)PyExc_SyntaxError));
        if (exc != NULL) {
            PyObject *m = PyObject_GetAttrString(exc, "msg");
            CHECK_STR(m, unknown.msg);
            CHECK(int_attr(exc, "lineno") == 0 && int_attr(exc, "offset") == -1);
            Py_DECREF(exc);
        }
    }
    /* the UTF-8 byte order mark: skipped; a cookie must then say utf-8 */
    CHECK_STR(parse_dump("\xef\xbb\xbfx = 1\n", Py_file_input),
              "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
              "value=Constant(value=1))])");
    CHECK_STR(parse_dump("\xef\xbb\xbf# coding: utf-8\nx = 1\n", Py_file_input),
              "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
              "value=Constant(value=1))])");
    CHECK(parse_dump("\xef\xbb\xbf# coding: latin-1\nx = 1\n", Py_file_input)
          == NULL);
    {
        PyObject *exc = PyErr_GetRaisedException();
        PyObject *m = exc ? PyObject_GetAttrString(exc, "msg") : NULL;
        CHECK_STR(m, "encoding problem: iso-8859-1 with BOM");
        Py_XDECREF(exc);
    }
    /* invalid UTF-8 without a cookie */
    error_case bad = {NULL, E_SYNTAX, "(unicode error) 'utf-8' codec can't "
                      "decode byte 0xff in position 0: invalid start byte",
                      2, 1, 2, 1, "\xef\xbf\xbd\n"};
    CHECK(parse_dump("x = 1\n\xff\n", Py_file_input) == NULL);
    check_error(&bad);
    /* NUL bytes */
    CHECK(parse_dump_ex("x\0y\n", 4, Py_file_input, 0, 0) == NULL);
    {
        PyObject *exc = PyErr_GetRaisedException();
        CHECK(exc != NULL && Py_IS_TYPE(exc, (PyTypeObject *)PyExc_SyntaxError));
        PyObject *s = exc ? PyObject_Str(exc) : NULL;
        CHECK_STR(s, "source code string cannot contain null bytes");
        Py_XDECREF(exc);
    }
    /* A str's text ignores cookies */
    const char *text = "# coding: latin-1\nx = '\xc3\xa9'\n";
    CHECK_STR(parse_dump_ex(text, (Py_ssize_t)strlen(text), Py_file_input,
                            PyCF_IGNORE_COOKIE, 0),
              "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
              "value=Constant(value='\xc3\xa9'))])");
    /* universal newlines */
    CHECK_STR(parse_dump("if x:\r\n    y\r    z\r\n", Py_file_input),
              "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Expr("
              "value=Name(id='y', ctx=Load())), Expr(value=Name(id='z', "
              "ctx=Load()))])])");
    /* \f resets the indentation column; a missing final newline is fine */
    CHECK_STR(parse_dump("if x:\n\f    y", Py_file_input),
              "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Expr("
              "value=Name(id='y', ctx=Load()))])])");
}

/* ---- the tokenizer on its own ------------------------------------------------------- */

/* "TYPE l,c-l,c text" per token, one per line. */
static PyObject *
token_listing(const char *source, int extra)
{
    _PyTokenizer *tok = _PyTokenizer_FromString(source, (Py_ssize_t)strlen(source),
                                                0, NULL);
    if (tok == NULL) {
        return NULL;
    }
    tok->extra_tokens = extra;
    PyUnicodeWriter *w = PyUnicodeWriter_Create(0);
    for (;;) {
        _PyToken t;
        int type = _PyTokenizer_Get(tok, &t);
        char buf[128];
        snprintf(buf, sizeof(buf), "%s %d,%d-%d,%d ", _PyParser_TokenNames[type],
                 t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
        PyUnicodeWriter_WriteUTF8(w, buf, -1);
        if (t.start != NULL && type != NEWLINE && type != NL) {
            PyUnicodeWriter_WriteUTF8(w, t.start, t.end - t.start);
        }
        PyUnicodeWriter_WriteChar(w, '|');
        if (type == ENDMARKER || type == ERRORTOKEN) {
            break;
        }
    }
    _PyTokenizer_Free(tok);
    if (PyErr_Occurred()) {
        PyUnicodeWriter_Discard(w);
        return NULL;
    }
    return PyUnicodeWriter_Finish(w);
}

static void
test_tokenizer(void)
{
    CHECK_STR(token_listing("if x:\n    pass\n", 0),
              "NAME 1,0-1,2 if|NAME 1,3-1,4 x|COLON 1,4-1,5 :|"
              "NEWLINE 1,5-1,5 |INDENT 2,0-2,4     |NAME 2,4-2,8 pass|"
              "NEWLINE 2,8-2,8 |DEDENT 3,0-3,0 |ENDMARKER 3,0-3,0 |");
    /* tokenize's view: comments, NL, NEWLINE with its character */
    CHECK_STR(token_listing("a = (1 +  # c\n     2)\n\nb = 1_0.5e-3j\n", 1),
              "NAME 1,0-1,1 a|EQUAL 1,2-1,3 =|LPAR 1,4-1,5 (|NUMBER 1,5-1,6 1|"
              "PLUS 1,7-1,8 +|COMMENT 1,10-1,13 # c|NL 1,13-1,14 |"
              "NUMBER 2,5-2,6 2|RPAR 2,6-2,7 )|NEWLINE 2,7-2,8 |"
              "NL 3,0-3,1 |NAME 4,0-4,1 b|EQUAL 4,2-4,3 =|"
              "NUMBER 4,4-4,13 1_0.5e-3j|NEWLINE 4,13-4,14 |"
              "ENDMARKER 5,0-5,0 |");
    /* PEP 701 f-strings and PEP 750 t-strings */
    CHECK_STR(token_listing("f\"x{a!r:>{w}}{{y\" + t'{a=}'\n", 0),
              "FSTRING_START 1,0-1,2 f\"|FSTRING_MIDDLE 1,2-1,3 x|"
              "LBRACE 1,3-1,4 {|NAME 1,4-1,5 a|EXCLAMATION 1,5-1,6 !|"
              "NAME 1,6-1,7 r|COLON 1,7-1,8 :|FSTRING_MIDDLE 1,8-1,9 >|"
              "LBRACE 1,9-1,10 {|NAME 1,10-1,11 w|RBRACE 1,11-1,12 }|"
              "RBRACE 1,12-1,13 }|FSTRING_MIDDLE 1,13-1,14 {|"
              "FSTRING_MIDDLE 1,15-1,16 y|FSTRING_END 1,16-1,17 \"|"
              "PLUS 1,18-1,19 +|TSTRING_START 1,20-1,22 t'|LBRACE 1,22-1,23 {|"
              "NAME 1,23-1,24 a|EQUAL 1,24-1,25 =|RBRACE 1,25-1,26 }|"
              "TSTRING_END 1,26-1,27 '|NEWLINE 1,27-1,27 |"
              "ENDMARKER 2,0-2,0 |");
    /* every operator, and the longest match wins */
    CHECK_STR(token_listing("**= //= >>= <<= ... -> := != <= >= == ** // @= ~\n",
                            0),
              "DOUBLESTAREQUAL 1,0-1,3 **=|DOUBLESLASHEQUAL 1,4-1,7 //=|"
              "RIGHTSHIFTEQUAL 1,8-1,11 >>=|LEFTSHIFTEQUAL 1,12-1,15 <<=|"
              "ELLIPSIS 1,16-1,19 ...|RARROW 1,20-1,22 ->|"
              "COLONEQUAL 1,23-1,25 :=|NOTEQUAL 1,26-1,28 !=|"
              "LESSEQUAL 1,29-1,31 <=|GREATEREQUAL 1,32-1,34 >=|"
              "EQEQUAL 1,35-1,37 ==|DOUBLESTAR 1,38-1,40 **|"
              "DOUBLESLASH 1,41-1,43 //|ATEQUAL 1,44-1,46 @=|TILDE 1,47-1,48 ~|"
              "NEWLINE 1,48-1,48 |ENDMARKER 2,0-2,0 |");
    /* a multi-line string token and non-ASCII columns (bytes) */
    CHECK_STR(token_listing("é = '''a\nb''' + 1\n", 0),
              "NAME 1,0-1,2 é|EQUAL 1,3-1,4 =|STRING 1,5-2,4 '''a\nb'''|"
              "PLUS 2,5-2,6 +|NUMBER 2,7-2,8 1|NEWLINE 2,8-2,8 |"
              "ENDMARKER 3,0-3,0 |");
    /* errors end the stream */
    CHECK(token_listing("x = 'abc\n", 0) == NULL);
    CHECK_RAISES(PyExc_SyntaxError);
    /* the exact-type tables */
    CHECK(_PyToken_OneChar('(') == LPAR && _PyToken_OneChar('$') == OP);
    CHECK(_PyToken_TwoChars('-', '>') == RARROW);
    CHECK(_PyToken_ThreeChars('.', '.', '.') == ELLIPSIS);
    CHECK(strcmp(_PyToken_OperatorText(DOUBLESLASHEQUAL), "//=") == 0);
    CHECK(strcmp(_PyParser_TokenNames[TSTRING_END], "TSTRING_END") == 0);
    CHECK(strcmp(_PyParser_TokenNames[ENCODING], "ENCODING") == 0);
}

/* ---- other entry points and pieces ------------------------------------------- */

static void
test_parse_file(void)
{
    FILE *fp = tmpfile();
    CHECK(fp != NULL);
    if (fp == NULL) {
        return;
    }
    fputs("# coding: latin-1\ndef f():\n    return '\xe9'\n", fp);
    rewind(fp);
    PyArena *arena = _PyArena_New();
    PyObject *name = PyUnicode_FromString("mod.py");
    mod_ty tree = _PyParser_ParseFile(fp, name, Py_file_input, 0, arena);
    fclose(fp);
    CHECK(tree != NULL);
    if (tree != NULL) {
        CHECK_STR(_PyAST_Dump(tree),
                  "Module(body=[FunctionDef(name='f', args=arguments(), "
                  "body=[Return(value=Constant(value='\xc3\xa9'))])])");
    }
    _PyArena_Free(arena);
    /* errors carry the file name */
    fp = tmpfile();
    fputs("x = (\n", fp);
    rewind(fp);
    arena = _PyArena_New();
    tree = _PyParser_ParseFile(fp, name, Py_file_input, 0, arena);
    fclose(fp);
    CHECK(tree == NULL);
    PyObject *exc = PyErr_GetRaisedException();
    CHECK(exc != NULL);
    if (exc != NULL) {
        PyObject *fn = PyObject_GetAttrString(exc, "filename");
        CHECK_STR(fn, "mod.py");
        Py_DECREF(exc);
    }
    _PyArena_Free(arena);
    Py_DECREF(name);
}

static void
test_func_type_mode(void)
{
    PyArena *arena = _PyArena_New();
    mod_ty tree = _PyParser_ParseString("(int, *str) -> List[int]\n", NULL,
                                        Py_func_type_input, 0, arena);
    CHECK(tree != NULL);
    if (tree != NULL) {
        CHECK_STR(_PyAST_Dump(tree),
                  "FunctionType(argtypes=[Name(id='int', ctx=Load()), "
                  "Name(id='str', ctx=Load())], returns=Subscript(value=Name("
                  "id='List', ctx=Load()), slice=Name(id='int', ctx=Load()), "
                  "ctx=Load()))");
    }
    _PyArena_Free(arena);
}

static void
test_arena_and_nodes(void)
{
    PyArena *arena = _PyArena_New();
    CHECK(arena != NULL);
    /* many small blocks and one big one */
    for (int i = 0; i < 10000; i++) {
        char *q = _PyArena_Malloc(arena, 24);
        CHECK(q != NULL && ((uintptr_t)q % 8) == 0);
        memset(q, 0x5a, 24);
    }
    CHECK(_PyArena_Malloc(arena, 100000) != NULL);
    /* objects given to the arena are released with it */
    PyObject *s = PyUnicode_FromString("released with the arena");
    Py_ssize_t before = Py_REFCNT(s);
    Py_INCREF(s);
    CHECK(_PyArena_AddPyObject(arena, s) == 0);
    /* constructors check required fields */
    CHECK(_PyAST_Name(NULL, Load, 1, 0, 1, 1, arena) == NULL);
    CHECK_RAISES(PyExc_ValueError);
    expr_ty name = _PyAST_Name(s, Load, 1, 0, 1, 1, arena);
    CHECK(name != NULL && name->kind == Name_kind && name->v.Name.id == s);
    CHECK_STR(_PyAST_DumpNode(_PyAST_T_expr, name),
              "Name(id='released with the arena', ctx=Load())");
    _PyArena_Free(arena);
    CHECK(Py_REFCNT(s) == before);
    Py_DECREF(s);
    /* the description tables agree with the structs */
    const _PyAST_NodeInfo *info = &_PyAST_Nodes[_PyAST_Types[_PyAST_T_stmt].first
                                                + FunctionDef_kind - 1];
    CHECK(strcmp(info->name, "FunctionDef") == 0 && info->nfields == 7);
    CHECK(strcmp(_PyAST_Nodes[_PyAST_Types[_PyAST_T_expr].first +
                              TemplateStr_kind - 1].name, "TemplateStr") == 0);
    CHECK(strcmp(_PyAST_Nodes[_PyAST_Types[_PyAST_T_cmpop].first + NotIn - 1]
                 .name, "NotIn") == 0);
}

/* ---- validation --------------------------------------------------------------- */

static int
parses_to_valid_tree(const ast_case *c)
{
    PyArena *arena = _PyArena_New();
    mod_ty tree = _PyParser_ParseString(c->source, NULL, c->mode, 0, arena);
    int ok = tree != NULL && _PyAST_Validate(tree) == 1;
    if (!ok) {
        fprintf(stderr, "    invalid tree for %s\n", c->source);
        PyErr_Print();
    }
    _PyArena_Free(arena);
    return ok;
}

/* The message of the pending exception of type `type` (consumed). */
static void
check_validation_error(mod_ty tree, PyObject *type, const char *msg)
{
    CHECK(_PyAST_Validate(tree) == 0);
    CHECK(PyErr_ExceptionMatches(type));
    PyObject *exc = PyErr_GetRaisedException();
    CHECK_STR(exc ? PyObject_Str(exc) : NULL, msg);
    Py_XDECREF(exc);
}

static void
test_validate(void)
{
    const ast_case *tables[] = {statements_cases, expressions_cases,
                                strings_cases, match_cases, recent_cases,
                                modes_cases};
    size_t sizes[] = {Py_ARRAY_LENGTH(statements_cases),
                      Py_ARRAY_LENGTH(expressions_cases),
                      Py_ARRAY_LENGTH(strings_cases),
                      Py_ARRAY_LENGTH(match_cases),
                      Py_ARRAY_LENGTH(recent_cases),
                      Py_ARRAY_LENGTH(modes_cases)};
    for (size_t t = 0; t < Py_ARRAY_LENGTH(tables); t++) {
        for (size_t i = 0; i < sizes[t]; i++) {
            CHECK(parses_to_valid_tree(&tables[t][i]));
        }
    }

    /* Trees only a program could build */
    PyArena *arena = _PyArena_New();
    PyObject *x = PyUnicode_InternFromString("x");
    PyObject *none = PyUnicode_InternFromString("None");
    _PyArena_AddPyObject(arena, x);
    _PyArena_AddPyObject(arena, none);
    expr_ty store = _PyAST_Name(x, Store, 1, 0, 1, 1, arena);
    check_validation_error(_PyAST_Expression(store, arena), PyExc_ValueError,
                           "expression must have Load context but has Store "
                           "instead");
    expr_ty load = _PyAST_Name(x, Load, 1, 0, 1, 1, arena);
    asdl_expr_seq *one = _Py_asdl_expr_seq_new(1, arena);
    asdl_seq_SET(one, 0, load);
    check_validation_error(
        _PyAST_Expression(_PyAST_BoolOp(And, one, 1, 0, 1, 1, arena), arena),
        PyExc_ValueError, "BoolOp with less than 2 values");
    PyObject *list = PyList_New(0);
    _PyArena_AddPyObject(arena, list);
    check_validation_error(
        _PyAST_Expression(_PyAST_Constant(list, NULL, 1, 0, 1, 1, arena), arena),
        PyExc_TypeError, "got an invalid type in Constant: list");
    check_validation_error(
        _PyAST_Expression(_PyAST_Name(none, Load, 1, 0, 1, 1, arena), arena),
        PyExc_ValueError, "identifier field can't represent 'None' constant");
    asdl_stmt_seq *body = _Py_asdl_stmt_seq_new(1, arena);
    asdl_stmt_seq *empty = _Py_asdl_stmt_seq_new(0, arena);
    asdl_seq_SET(body, 0, _PyAST_FunctionDef(x, _PyAST_arguments(NULL, NULL,
                 NULL, NULL, NULL, NULL, NULL, arena), empty, NULL, NULL, NULL,
                 NULL, 1, 0, 1, 1, arena));
    check_validation_error(_PyAST_Module(body, NULL, arena), PyExc_ValueError,
                           "empty body on FunctionDef");
    asdl_alias_seq *names = _Py_asdl_alias_seq_new(1, arena);
    asdl_seq_SET(names, 0, _PyAST_alias(x, NULL, 1, 0, 1, 1, arena));
    asdl_seq_SET(body, 0, _PyAST_ImportFrom(x, names, -1, 0, 1, 0, 1, 1,
                                            arena));
    check_validation_error(_PyAST_Module(body, NULL, arena), PyExc_ValueError,
                           "Negative ImportFrom level");
    _PyArena_Free(arena);
}

/* ---- concurrency ---------------------------------------------------------------- */

#define PARSE_THREADS 4
#define PARSE_ROUNDS 20

typedef struct {
    int index;
    int failures;
} parse_worker;

/* Parses and dumps every statement case, checking the text: parsers in
   several threads share nothing but immutable tables and interned
   strings. */
static void *
parse_many(void *raw)
{
    parse_worker *w = raw;
    PyGILState_STATE state = PyGILState_Ensure();
    for (int round = 0; round < PARSE_ROUNDS; round++) {
        for (size_t i = 0; i < Py_ARRAY_LENGTH(statements_cases); i++) {
            const ast_case *c = &statements_cases[(i + (size_t)w->index * 7)
                                                  % Py_ARRAY_LENGTH(statements_cases)];
            PyObject *dump = parse_dump(c->source, c->mode);
            if (dump == NULL || strcmp(PyUnicode_AsUTF8(dump), c->dump) != 0) {
                w->failures++;
                PyErr_Clear();
            }
            Py_XDECREF(dump);
        }
        /* give other threads (and a GIL drop request) a chance */
        Py_BEGIN_ALLOW_THREADS
        Py_END_ALLOW_THREADS
    }
    PyGILState_Release(state);
    return NULL;
}

static void
test_parse_in_threads(void)
{
    pthread_t threads[PARSE_THREADS];
    parse_worker workers[PARSE_THREADS];
    for (int i = 0; i < PARSE_THREADS; i++) {
        workers[i] = (parse_worker){i, 0};
        pthread_create(&threads[i], NULL, parse_many, &workers[i]);
    }
    Py_BEGIN_ALLOW_THREADS
    for (int i = 0; i < PARSE_THREADS; i++) {
        pthread_join(threads[i], NULL);
    }
    Py_END_ALLOW_THREADS
    for (int i = 0; i < PARSE_THREADS; i++) {
        CHECK(workers[i].failures == 0);
    }
}

void
suite_parser(void)
{
    RUN(test_statements);
    RUN(test_expressions);
    RUN(test_string_literals);
    RUN(test_match_statements);
    RUN(test_recent_syntax);
    RUN(test_modes);
    RUN(test_syntax_errors);
    RUN(test_syntax_errors_other_modes);
    RUN(test_incomplete_input);
    RUN(test_locations);
    RUN(test_nesting_limits);
    RUN(test_encodings);
    RUN(test_tokenizer);
    RUN(test_parse_file);
    RUN(test_func_type_mode);
    RUN(test_arena_and_nodes);
    RUN(test_validate);
    RUN(test_parse_in_threads);
}
