/* Source text to code object: the parser followed by the compiler
   (_PyAST_Compile in Python/codegen.c).  Uses only thread-private data. */
#include "Python.h"
#include "pycore_compile.h"
#include "pycore_symtable.h"
#include "cpython/code.h"

/* The CO_FUTURE_* flag of a __future__ feature; -1 for "braces", -2 for
   an unknown feature.  Features that are always on give 0. */
static int
future_feature_flag(PyObject *name)
{
    static const struct { const char *name; int flag; } features[] = {
        { "nested_scopes", 0 }, { "generators", 0 },
        { "division", CO_FUTURE_DIVISION },
        { "absolute_import", CO_FUTURE_ABSOLUTE_IMPORT },
        { "with_statement", CO_FUTURE_WITH_STATEMENT },
        { "print_function", CO_FUTURE_PRINT_FUNCTION },
        { "unicode_literals", CO_FUTURE_UNICODE_LITERALS },
        { "barry_as_FLUFL", CO_FUTURE_BARRY_AS_BDFL },
        { "generator_stop", CO_FUTURE_GENERATOR_STOP },
        { "annotations", CO_FUTURE_ANNOTATIONS },
    };
    for (size_t i = 0; i < sizeof(features) / sizeof(features[0]); i++) {
        if (PyUnicode_CompareWithASCIIString(name, features[i].name) == 0) {
            return features[i].flag;
        }
    }
    if (PyUnicode_CompareWithASCIIString(name, "braces") == 0) {
        return -1;
    }
    return -2;
}

static int
is_future_import(stmt_ty s)
{
    return s->kind == ImportFrom_kind && s->v.ImportFrom.module != NULL &&
           s->v.ImportFrom.level == 0 &&
           PyUnicode_CompareWithASCIIString(s->v.ImportFrom.module,
                                            "__future__") == 0;
}

int
_PyFuture_FromAST(mod_ty mod, PyObject *filename, int *flags)
{
    asdl_stmt_seq *body;
    if (mod->kind == Module_kind) {
        body = mod->v.Module.body;
    }
    else if (mod->kind == Interactive_kind) {
        body = mod->v.Interactive.body;
    }
    else {
        return 0;
    }
    int at_start = 1;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(body); i++) {
        stmt_ty s = asdl_seq_GET(body, i);
        if (i == 0 && s->kind == Expr_kind &&
            s->v.Expr.value->kind == Constant_kind &&
            PyUnicode_CheckExact(s->v.Expr.value->v.Constant.value)) {
            continue;       /* the docstring */
        }
        if (!is_future_import(s)) {
            at_start = 0;
            continue;
        }
        if (!at_start) {
            return _PyErr_SetSyntaxAt(filename, s->lineno, s->col_offset,
                s->end_lineno, s->end_col_offset,
                "from __future__ imports must occur at the beginning of the file");
        }
        for (Py_ssize_t j = 0; j < asdl_seq_LEN(s->v.ImportFrom.names); j++) {
            alias_ty a = asdl_seq_GET(s->v.ImportFrom.names, j);
            int flag = future_feature_flag(a->name);
            if (flag == -1) {
                return _PyErr_SetSyntaxAt(filename, a->lineno, a->col_offset,
                                          a->end_lineno, a->end_col_offset,
                                          "not a chance");
            }
            if (flag == -2) {
                return _PyErr_SetSyntaxAt(filename, a->lineno, a->col_offset,
                                          a->end_lineno, a->end_col_offset,
                                          "future feature %U is not defined",
                                          a->name);
            }
            *flags |= flag;
        }
    }
    return 0;
}

/* ---- docstrings --------------------------------------------------------- */

/* Spaces at the start of line [p, end). */
static Py_ssize_t
leading_spaces(const char *p, const char *end)
{
    const char *s = p;
    while (s < end && *s == ' ') {
        s++;
    }
    return s - p;
}

/* Works on the UTF-8 bytes: only ASCII spaces and newlines are looked at,
   and they never occur inside a multi-byte sequence. */
PyObject *
_PyCompile_CleanDoc(PyObject *doc)
{
    PyObject *expanded = PyObject_CallMethod(doc, "expandtabs", NULL);
    if (expanded == NULL) {
        return NULL;
    }
    Py_ssize_t size;
    const char *text = PyUnicode_AsUTF8AndSize(expanded, &size);
    if (text == NULL) {
        /* Lone surrogates: keep the text as written. */
        if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
            Py_DECREF(expanded);
            return NULL;
        }
        PyErr_Clear();
        return expanded;
    }
    const char *end = text + size;
    const char *first_nl = memchr(text, '\n', (size_t)size);
    const char *rest = first_nl ? first_nl + 1 : end;
    Py_ssize_t margin = PY_SSIZE_T_MAX;
    for (const char *line = rest; line < end; ) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        const char *line_end = nl ? nl : end;
        Py_ssize_t n = leading_spaces(line, line_end);
        if (line + n < line_end && n < margin) {
            margin = n;
        }
        line = nl ? nl + 1 : end;
    }
    if (margin == PY_SSIZE_T_MAX) {
        margin = 0;
    }
    Py_ssize_t skip_first = leading_spaces(text, rest);
    if (skip_first == 0 && margin == 0) {
        return expanded;
    }
    char *buf = PyMem_Malloc((size_t)size + 1);
    if (buf == NULL) {
        Py_DECREF(expanded);
        return PyErr_NoMemory();
    }
    char *out = buf;
    memcpy(out, text + skip_first, (size_t)(rest - text - skip_first));
    out += rest - text - skip_first;
    for (const char *line = rest; line < end; ) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        const char *line_end = nl ? nl + 1 : end;
        Py_ssize_t n = leading_spaces(line, line_end);
        line += n < margin ? n : margin;
        memcpy(out, line, (size_t)(line_end - line));
        out += line_end - line;
        line = line_end;
    }
    PyObject *clean = PyUnicode_DecodeUTF8(buf, out - buf, NULL);
    PyMem_Free(buf);
    Py_DECREF(expanded);
    return clean;
}

/* PEP 765: return, break and continue that leave a finally block swallow
   the exception in flight; warn about them (SyntaxWarning). */
typedef struct {
    PyObject *filename;
    int in_finally;         /* inside a finally body of this function */
    int loops_in_finally;   /* loops entered inside that finally body */
} finally_walk;

static int walk_stmts(finally_walk *w, asdl_stmt_seq *stmts);

static int
warn_finally(finally_walk *w, stmt_ty s, const char *what)
{
    PyObject *msg = PyUnicode_FromFormat("'%s' in a 'finally' block", what);
    if (msg == NULL) {
        return -1;
    }
    int r = PyErr_WarnExplicitObject(PyExc_SyntaxWarning, msg, w->filename,
                                     s->lineno, NULL, NULL);
    if (r < 0 && PyErr_ExceptionMatches(PyExc_SyntaxWarning)) {
        /* The warning is an error (-Werror): a SyntaxError at the
           statement, as CPython reports it. */
        PyErr_Clear();
        _PyErr_SetSyntaxAt(w->filename, s->lineno, s->col_offset,
                           s->end_lineno, s->end_col_offset, "%U", msg);
    }
    Py_DECREF(msg);
    return r;
}

static int
walk_loop_body(finally_walk *w, asdl_stmt_seq *body, asdl_stmt_seq *orelse)
{
    w->loops_in_finally++;
    int r = walk_stmts(w, body);
    w->loops_in_finally--;
    return r < 0 ? -1 : walk_stmts(w, orelse);
}

static int
walk_new_scope(finally_walk *w, asdl_stmt_seq *body)
{
    finally_walk inner = { w->filename, 0, 0 };
    return walk_stmts(&inner, body);
}

static int
walk_stmt(finally_walk *w, stmt_ty s)
{
    switch (s->kind) {
    case FunctionDef_kind:
        return walk_new_scope(w, s->v.FunctionDef.body);
    case AsyncFunctionDef_kind:
        return walk_new_scope(w, s->v.AsyncFunctionDef.body);
    case ClassDef_kind:
        return walk_new_scope(w, s->v.ClassDef.body);
    case Return_kind:
        return w->in_finally ? warn_finally(w, s, "return") : 0;
    case Break_kind:
    case Continue_kind:
        if (w->in_finally && w->loops_in_finally == 0) {
            return warn_finally(w, s, s->kind == Break_kind ? "break" : "continue");
        }
        return 0;
    case For_kind:
    case AsyncFor_kind:
        return walk_loop_body(w, s->v.For.body, s->v.For.orelse);
    case While_kind:
        return walk_loop_body(w, s->v.While.body, s->v.While.orelse);
    case If_kind:
        return walk_stmts(w, s->v.If.body) < 0 ? -1 : walk_stmts(w, s->v.If.orelse);
    case With_kind:
    case AsyncWith_kind:
        return walk_stmts(w, s->v.With.body);
    case Match_kind:
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(s->v.Match.cases); i++) {
            if (walk_stmts(w, asdl_seq_GET(s->v.Match.cases, i)->body) < 0) {
                return -1;
            }
        }
        return 0;
    case Try_kind:
    case TryStar_kind: {
        if (walk_stmts(w, s->v.Try.body) < 0) {
            return -1;
        }
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(s->v.Try.handlers); i++) {
            excepthandler_ty h = asdl_seq_GET(s->v.Try.handlers, i);
            if (walk_stmts(w, h->v.ExceptHandler.body) < 0) {
                return -1;
            }
        }
        if (walk_stmts(w, s->v.Try.orelse) < 0) {
            return -1;
        }
        finally_walk fin = { w->filename, 1, 0 };
        return walk_stmts(&fin, s->v.Try.finalbody);
    }
    default:
        return 0;
    }
}

static int
walk_stmts(finally_walk *w, asdl_stmt_seq *stmts)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(stmts); i++) {
        if (walk_stmt(w, asdl_seq_GET(stmts, i)) < 0) {
            return -1;
        }
    }
    return 0;
}

int
_PyCompile_CheckFinally(mod_ty mod, PyObject *filename)
{
    finally_walk w = { filename, 0, 0 };
    if (mod->kind == Module_kind) {
        return walk_stmts(&w, mod->v.Module.body);
    }
    if (mod->kind == Interactive_kind) {
        return walk_stmts(&w, mod->v.Interactive.body);
    }
    return 0;
}

PyObject *
_Py_CompileStringObject(const char *source, PyObject *filename, int mode,
                        int flags, int optimize)
{
    PyArena *arena = _PyArena_New();
    if (arena == NULL) {
        return NULL;
    }
    PyObject *result = NULL;
    mod_ty mod = _PyParser_ParseString(source, filename, mode, flags, arena);
    if (mod != NULL) {
        result = _PyAST_Compile(mod, filename, optimize, flags, arena);
    }
    _PyArena_Free(arena);
    return result;
}
