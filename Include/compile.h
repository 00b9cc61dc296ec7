/* Start symbols and compiler flags of the public API (CPython's values). */
#ifndef Py_COMPILE_H
#define Py_COMPILE_H

/* What a source text is parsed as. */
#define Py_single_input 256
#define Py_file_input 257
#define Py_eval_input 258
#define Py_func_type_input 345

/* PyCompilerFlags.cf_flags and compile()'s flags argument. */
#define PyCF_SOURCE_IS_UTF8 0x0100
#define PyCF_DONT_IMPLY_DEDENT 0x0200
#define PyCF_ONLY_AST 0x0400
#define PyCF_IGNORE_COOKIE 0x0800
#define PyCF_TYPE_COMMENTS 0x1000
#define PyCF_ALLOW_TOP_LEVEL_AWAIT 0x2000
#define PyCF_ALLOW_INCOMPLETE_INPUT 0x4000
#define PyCF_OPTIMIZED_AST (PyCF_ONLY_AST | 0x8000)

#endif /* Py_COMPILE_H */
