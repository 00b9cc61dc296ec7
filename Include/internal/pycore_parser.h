/* The parser's entry points: Python 3.15 source to AST (Parser/parser.c).

   The result is a tree in the caller's arena (pycore_ast.h), or NULL with
   the exception set: SyntaxError, IndentationError or TabError with
   filename, lineno, offset, end_lineno, end_offset and the source line
   (offsets are 1-based character positions as in CPython), MemoryError,
   or RecursionError for input nested too deeply to parse.

   Thread safety: each call parses private data; any number of threads may
   parse at once.  The only shared data are const tables. */
#ifndef Py_INTERNAL_PARSER_H
#define Py_INTERNAL_PARSER_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include <stdio.h>
#include "pycore_ast.h"

/* Start symbols and PyCF_* flags: Include/compile.h. */
#include "compile.h"

#ifndef CO_FUTURE_BARRY_AS_BDFL
#  define CO_FUTURE_BARRY_AS_BDFL 0x400000
#endif

/* Parse NUL-terminated source in `mode` (Py_file_input: a module,
   Py_eval_input: one expression, Py_single_input: one interactive
   statement, Py_func_type_input: "(args) -> result").  The source is
   bytes whose encoding a BOM or PEP 263 cookie may declare (UTF-8 by
   default); with PyCF_IGNORE_COOKIE (the text of a str object) it is
   UTF-8 and cookies are ignored.  filename may be NULL ("<string>"). */
PyAPI_FUNC(mod_ty) _PyParser_ParseString(const char *source,
                                         PyObject *filename, int mode,
                                         int flags, PyArena *arena);
/* The same with an explicit length (the source may not contain NULs
   anyway: that is a SyntaxError). */
PyAPI_FUNC(mod_ty) _PyParser_ParseStringAndSize(const char *source,
                                                Py_ssize_t size,
                                                PyObject *filename, int mode,
                                                int flags, PyArena *arena);
/* _PyParser_ParseString accepting only the syntax of Python
   3.`feature_version` (ast.parse's feature_version; older constructs
   raise "... only supported in Python 3.N and greater"). */
PyAPI_FUNC(mod_ty) _PyParser_ParseStringForVersion(const char *source,
                                                   PyObject *filename,
                                                   int mode, int flags,
                                                   int feature_version,
                                                   PyArena *arena);
/* Read the whole of fp (bytes, cookie honoured) and parse it. */
PyAPI_FUNC(mod_ty) _PyParser_ParseFile(FILE *fp, PyObject *filename,
                                       int mode, int flags, PyArena *arena);

#endif /* Py_INTERNAL_PARSER_H */
