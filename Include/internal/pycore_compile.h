/* The compiler's entry point: AST to code object (Python/compile.c,
   Python/codegen.c, Python/flowgraph.c, Python/assemble.c).

   Compilation uses only data private to the calling thread (the AST,
   its arena and the compiler's own structures); any number of threads
   may compile at once. */
#ifndef Py_INTERNAL_COMPILE_H
#define Py_INTERNAL_COMPILE_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "pycore_ast.h"
#include "pycore_parser.h"

/* Compile `mod` (Module: exec mode, Expression: eval, Interactive:
   single) from `filename`.  optimize: -1 or 0 keep asserts and
   __debug__ code, 1 drops asserts, 2 also docstrings.  flags: PyCF_* and
   CO_FUTURE_* bits.  Returns a new code object, or NULL with an exception
   (SyntaxError with location for compile-time errors). */
PyAPI_FUNC(PyObject *) _PyAST_Compile(mod_ty mod, PyObject *filename,
                                      int optimize, int flags,
                                      PyArena *arena);

/* Convenience for tests and tools: parse `source` (UTF-8, mode
   Py_file_input / Py_eval_input / Py_single_input) and compile it. */
PyAPI_FUNC(PyObject *) _Py_CompileStringObject(const char *source,
                                               PyObject *filename, int mode,
                                               int flags, int optimize);

/* Check the module's `from __future__ import ...` statements (known
   features, only at the start) and add their CO_FUTURE_* bits to *flags:
   0, or -1 with SyntaxError. */
PyAPI_FUNC(int) _PyFuture_FromAST(mod_ty mod, PyObject *filename,
                                  int *flags);

/* PEP 765 SyntaxWarnings for return/break/continue leaving a finally
   block: 0, or -1 when a warning was turned into an exception. */
PyAPI_FUNC(int) _PyCompile_CheckFinally(mod_ty mod, PyObject *filename);

/* A docstring as the compiler stores it (Python 3.13+): tabs expanded,
   leading spaces removed from the first line, and the indentation common
   to the later non-blank lines removed from each of them.  New reference,
   or NULL with an exception. */
PyAPI_FUNC(PyObject *) _PyCompile_CleanDoc(PyObject *doc);

/* Statically nested blocks (loops, try, with) allowed in one scope. */
#define _PY_MAX_NESTED_BLOCKS 20

#endif /* Py_INTERNAL_COMPILE_H */
