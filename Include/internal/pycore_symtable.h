/* Symbol tables (Python/symtable.c): which names each scope binds and
   how every name is resolved (local, global, cell, free).  Built by one
   pass over the AST before code generation.

   Ownership: a struct symtable owns all its entries; everything is freed
   by _PySymtable_Free.  A symbol table is private to the compiling
   thread. */
#ifndef Py_INTERNAL_SYMTABLE_H
#define Py_INTERNAL_SYMTABLE_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "pycore_ast.h"

typedef enum _block_type {
    FunctionBlock,
    ClassBlock,
    ModuleBlock,
    /* PEP 649 __annotate__ functions. */
    AnnotationBlock,
    /* PEP 695: the lazily evaluated value of `type X = ...`. */
    TypeAliasBlock,
    /* PEP 695: the scope holding a generic's type parameters. */
    TypeParametersBlock,
    /* PEP 695: a type parameter's lazily evaluated bound or default. */
    TypeVariableBlock,
} _Py_block_ty;

typedef enum _comprehension_type {
    NoComprehension = 0,
    ListComprehension = 1,
    DictComprehension = 2,
    SetComprehension = 3,
    GeneratorExpression = 4,
} _Py_comprehension_ty;

/* Symbol flags (a symbol's int in ste_symbols). */
#define DEF_GLOBAL       1      /* global statement */
#define DEF_LOCAL        2      /* assigned in this scope */
#define DEF_PARAM        (2<<1) /* parameter */
#define DEF_NONLOCAL     (2<<2) /* nonlocal statement */
#define USE              (2<<3) /* read in this scope */
#define DEF_FREE_CLASS   (2<<5) /* free in a nested scope, passing a class */
#define DEF_IMPORT       (2<<6) /* bound by import */
#define DEF_ANNOT        (2<<7) /* annotated */
#define DEF_COMP_ITER    (2<<8) /* comprehension iteration variable */
#define DEF_TYPE_PARAM   (2<<9) /* type parameter */
#define DEF_COMP_CELL    (2<<10)
#define DEF_BOUND (DEF_LOCAL | DEF_PARAM | DEF_IMPORT)

/* The resolved scope, in bits SCOPE_OFFSET.. of the flags. */
#define SCOPE_OFFSET 12
#define SCOPE_MASK (DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL)
#define SYMBOL_TO_SCOPE(S) (((S) >> SCOPE_OFFSET) & 7)
#define LOCAL 1
#define GLOBAL_EXPLICIT 2
#define GLOBAL_IMPLICIT 3
#define FREE 4
#define CELL 5

typedef struct _symtable_entry PySTEntryObject;

struct _symtable_entry {
    PyObject *ste_id;           /* int: the AST node's address */
    PyObject *ste_symbols;      /* dict: name -> int flags */
    PyObject *ste_name;         /* str */
    PyObject *ste_varnames;     /* list: parameters in order */
    PySTEntryObject **ste_child;   /* nested scopes in source order */
    Py_ssize_t ste_nchildren, ste_childcap;
    PyObject *ste_directives;   /* list of (mangled name, lineno, col,
                                   end_lineno, end_col) of its global and
                                   nonlocal statements, or NULL */
    PyObject *ste_mangled_names;/* set or NULL */
    struct symtable *ste_table;
    _Py_block_ty ste_type;
    _Py_comprehension_ty ste_comprehension;
    void *ste_key;              /* the AST node */
    int ste_nested;             /* inside a function */
    int ste_generator;
    int ste_coroutine;
    int ste_varargs;
    int ste_varkeywords;
    int ste_returns_value;
    int ste_needs_class_closure;     /* class: __class__ cell */
    int ste_needs_classdict;         /* class: __classdict__ cell */
    int ste_has_conditional_annotations;
    int ste_has_docstring;
    int ste_method;                  /* function defined in a class */
    int ste_can_see_class_scope;     /* annotation/type scopes in a class */
    int ste_in_unevaluated_annotation;
    int ste_child_free;
    int ste_free;
    int ste_comp_inlined;
    const char *ste_scope_info;      /* TypeVariableBlock: what it evaluates
                                        ("a TypeVar bound"...), for errors */
    int ste_comp_iter_target;
    int ste_comp_iter_expr;
    int ste_cond_depth;         /* inside if/for/while/try/with/match */
    int ste_try_depth;          /* inside a try statement (any clause) */
    int ste_lineno, ste_col_offset, ste_end_lineno, ste_end_col_offset;
    PySTEntryObject *ste_annotation_block;  /* __annotate__ of this scope */
    PyObject *ste_type_params_name;  /* for TypeParametersBlock */
    PyObject *ste_comp_hidden;  /* module, class: dict name -> LOCAL or CELL
                                   of the iteration variables of
                                   inlined comprehensions (hidden fast slots) */
};

struct symtable {
    PyObject *st_filename;
    PySTEntryObject *st_top;        /* the module */
    PySTEntryObject *st_cur;
    PySTEntryObject **st_stack;
    Py_ssize_t st_depth, st_stackcap;
    PySTEntryObject **st_all;       /* every entry, for lookup and freeing */
    Py_ssize_t st_nall, st_allcap;
    PyObject *st_private;           /* class name for mangling, or NULL */
    int st_future_features;
    int recursion_depth;
    int recursion_limit;
};

/* Build the table for `mod`, or NULL with SyntaxError (or MemoryError). */
PyAPI_FUNC(struct symtable *) _PySymtable_Build(mod_ty mod,
                                                PyObject *filename,
                                                int future_features);
PyAPI_FUNC(void) _PySymtable_Free(struct symtable *st);
/* The entry whose AST node is `key`, or NULL with KeyError. */
PyAPI_FUNC(PySTEntryObject *) _PySymtable_Lookup(struct symtable *st,
                                                 void *key);
/* The scope (LOCAL ... CELL) of name in ste; 0 if unknown. */
PyAPI_FUNC(int) _PyST_GetScope(PySTEntryObject *ste, PyObject *name);
PyAPI_FUNC(int) _PyST_GetSymbol(PySTEntryObject *ste, PyObject *name);
PyAPI_FUNC(int) _PyST_IsFunctionLike(PySTEntryObject *ste);

/* "__x" inside class C becomes "_C__x"; a new reference. */
PyAPI_FUNC(PyObject *) _Py_Mangle(PyObject *privateobj, PyObject *ident);
/* Locate a SyntaxError at the node's position. */
PyAPI_FUNC(int) _PyErr_SetSyntaxAt(PyObject *filename, int lineno,
                                   int col_offset, int end_lineno,
                                   int end_col_offset, const char *format,
                                   ...);

#endif /* Py_INTERNAL_SYMTABLE_H */
