/* Shared between the code generator's files (Python/codegen.c:
   units, names, expressions, functions and classes; Python/codegen_stmt.c:
   frame blocks, statements, pattern matching, exception handling;
   Python/constant_folding.c).  Private to the compiling thread. */
#ifndef Py_INTERNAL_CODEGEN_H
#define Py_INTERNAL_CODEGEN_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "pycore_compile.h"
#include "pycore_symtable.h"
#include "pycore_flowgraph.h"
#include "pycore_code.h"

enum fblocktype {
    WHILE_LOOP, FOR_LOOP, ASYNC_FOR_LOOP, TRY_EXCEPT, FINALLY_TRY,
    FINALLY_END, WITH, ASYNC_WITH, HANDLER_CLEANUP, POP_VALUE,
    EXCEPTION_HANDLER, EXCEPTION_GROUP_HANDLER, STOP_ITERATION
};

struct fblockinfo {
    enum fblocktype fb_type;
    basicblock *fb_block;       /* continue target for loops */
    basicblock *fb_exit;        /* break target for loops */
    void *fb_datum;             /* finalbody, handler name, ... */
    _Py_SourceLocation fb_loc;
};

enum unit_kind {
    UNIT_MODULE, UNIT_CLASS, UNIT_FUNCTION, UNIT_ASYNC_FUNCTION,
    UNIT_LAMBDA, UNIT_COMPREHENSION, UNIT_ANNOTATE,
    UNIT_TYPEPARAMS                 /* PEP 695 <generic parameters of X> */
};

struct compiler_unit {
    PySTEntryObject *u_ste;
    enum unit_kind u_kind;
    PyObject *u_name;
    PyObject *u_qualname;
    PyObject *u_private;            /* class name for mangling */
    PyObject *u_consts;             /* list */
    PyObject *u_consts_map;         /* const key -> index */
    PyObject *u_names;              /* list of str */
    PyObject *u_names_map;          /* str -> index */
    PyObject *u_varnames;           /* str -> localsplus index */
    PyObject *u_derefs;             /* str -> localsplus index (cells, frees) */
    PyObject *u_classcells;         /* class: str -> localsplus index of the
                                       implicit cells (__class__,
                                       __classdict__); kept apart from
                                       u_derefs because the body may also
                                       have a free variable of the same name
                                       (`nonlocal __class__`) */
    PyObject *u_localsplus;         /* list of names in slot order */
    PyObject *u_kinds;              /* bytearray-like list of ints */
    PyObject *u_freevars;           /* list of free names (slot order) */
    PyObject *u_deleted;            /* set of deleted fast locals */
    PyObject *u_fasthidden;         /* dict name -> LOCAL or CELL: the scope
                                       of the names of the inlined
                                       comprehension being generated (fast
                                       slots of this unit), or
                                       GLOBAL_IMPLICIT for a global it reads
                                       that is a slot here; or NULL */
    int u_in_inlined_comprehension; /* class: > 0 while the body of an
                                       inlined comprehension is generated */
    PyObject *u_static_attributes;  /* class: set of self.X names */
    PyObject *u_annotations;        /* module/class: list of (name, expr) */
    int u_argcount, u_posonlyargcount, u_kwonlyargcount;
    int u_nparams;
    int u_firstlineno;
    int u_has_docstring;
    int u_cond_depth;               /* module/class: inside a compound stmt */
    int u_try_depth;                /* inside a try statement (any clause) */
    cfg_builder u_cfg;
    struct fblockinfo u_fblock[CO_MAXBLOCKS];
    int u_nfblocks;
    struct compiler_unit *u_parent;
};

struct compiler {
    PyObject *c_filename;
    struct symtable *c_st;
    int c_optimize;
    int c_flags;
    int c_interactive;
    struct compiler_unit *u;
    PyArena *c_arena;
    int c_depth;                    /* expression nesting */
    int c_nestlevel;                /* scope nesting */
    int c_fold_depth;               /* constant folding recursion */
};

typedef _Py_SourceLocation location;

#define LOC(x) ((location){ (x)->lineno, (x)->end_lineno, (x)->col_offset, (x)->end_col_offset })

#define RETURN_IF_ERROR(x) do { if ((x) < 0) return -1; } while (0)
#define CFG(c) (&(c)->u->u_cfg)
#define ADDOP(c, loc, op) RETURN_IF_ERROR(_PyCfg_Addop(CFG(c), (op), 0, NULL, (loc)))
#define ADDOP_I(c, loc, op, arg) RETURN_IF_ERROR(_PyCfg_Addop(CFG(c), (op), (arg), NULL, (loc)))
#define ADDOP_JUMP(c, loc, op, target) RETURN_IF_ERROR(_PyCfg_Addop(CFG(c), (op), 0, (target), (loc)))
#define ADDOP_LOAD_CONST(c, loc, obj) RETURN_IF_ERROR(load_const((c), (loc), (obj)))
#define ADDOP_LOAD_CONST_NEW(c, loc, obj) RETURN_IF_ERROR(load_const_new((c), (loc), (obj)))
#define ADDOP_NAME(c, loc, op, name) RETURN_IF_ERROR(addop_name((c), (loc), (op), (name), 0))
#define NEW_BLOCK(c, b) basicblock *b = _PyCfg_NewBlock(CFG(c)); if (b == NULL) return -1
#define USE_BLOCK(c, b) _PyCfg_UseBlock(CFG(c), (b))
#define VISIT(c, kind, v) RETURN_IF_ERROR(codegen_visit_##kind((c), (v)))
#define VISIT_SEQ(c, kind, seq)                                         \
    do {                                                                \
        for (Py_ssize_t i_ = 0; i_ < asdl_seq_LEN(seq); i_++) {         \
            RETURN_IF_ERROR(codegen_visit_##kind((c), asdl_seq_GET((seq), i_))); \
        }                                                               \
    } while (0)

/* Functions shared by the two files (hidden library symbols). */
#define compiler_error _PyCodegen_Error
#define load_const _PyCodegen_LoadConst
#define load_const_new _PyCodegen_LoadConstNew
#define addop_name _PyCodegen_AddopName
#define codegen_nameop _PyCodegen_NameOp
#define codegen_visit_expr _PyCodegen_VisitExpr
#define codegen_visit_stmt _PyCodegen_VisitStmt
#define codegen_jump_if _PyCodegen_JumpIf
#define push_fblock _PyCodegen_PushFBlock
#define pop_fblock _PyCodegen_PopFBlock
#define unwind_fblock _PyCodegen_UnwindFBlock
#define unwind_fblock_stack _PyCodegen_UnwindFBlockStack
#define codegen_call_exit_with_nones _PyCodegen_CallExitWithNones
#define codegen_add_yield_from _PyCodegen_AddYieldFrom
#define codegen_function _PyCodegen_Function
#define codegen_class _PyCodegen_Class
#define is_async_unit_ok _PyCodegen_IsAsyncOk
#define binop_oparg _PyCodegen_BinopOparg
#define is_slice_simple _PyCodegen_IsSliceSimple
#define codegen_slice_parts _PyCodegen_SliceParts
#define dict_index _PyCodegen_DictIndex
#define const_index _PyCodegen_ConstIndex

int compiler_error(struct compiler *c, location loc, const char *format, ...);
/* Python/codegen_checks.c: SyntaxWarnings about code that cannot work. */
int codegen_warn(struct compiler *c, location loc, const char *format, ...);
int codegen_check_compare(struct compiler *c, expr_ty e);
int codegen_check_caller(struct compiler *c, expr_ty func);
int codegen_check_subscript(struct compiler *c, expr_ty e);
Py_ssize_t const_index(struct compiler_unit *u, PyObject *o);
int load_const(struct compiler *c, location loc, PyObject *o);
int load_const_new(struct compiler *c, location loc, PyObject *o);
int addop_name(struct compiler *c, location loc, int op, PyObject *name,
               int flag);
int dict_index(PyObject *dict, PyObject *name);
int codegen_nameop(struct compiler *c, location loc, identifier name,
                   expr_context_ty ctx);
int codegen_visit_expr(struct compiler *c, expr_ty e);
int codegen_visit_stmt(struct compiler *c, stmt_ty s);
int codegen_jump_if(struct compiler *c, location loc, expr_ty e,
                    basicblock *target, int cond);
int push_fblock(struct compiler *c, location loc, enum fblocktype t,
                basicblock *block, basicblock *exit, void *datum);
void pop_fblock(struct compiler *c);
int unwind_fblock(struct compiler *c, location *ploc,
                  struct fblockinfo *info, int preserve_tos);
int unwind_fblock_stack(struct compiler *c, location *ploc,
                        int preserve_tos, struct fblockinfo **loop);
int codegen_call_exit_with_nones(struct compiler *c, location loc);
int codegen_add_yield_from(struct compiler *c, location loc, int await);
int codegen_function(struct compiler *c, stmt_ty s, int is_async);
int codegen_class(struct compiler *c, stmt_ty s);
int is_async_unit_ok(struct compiler *c);
int binop_oparg(operator_ty op, int inplace);
#define codegen_type_alias _PyCodegen_TypeAlias
#define fold_constant _PyCodegen_FoldConstant
/* The value of a constant expression (new reference), or NULL without
   an exception when it is not foldable. */
PyObject *fold_constant(struct compiler *c, expr_ty e);
int codegen_type_alias(struct compiler *c, stmt_ty s);
int is_slice_simple(expr_ty s);
int codegen_slice_parts(struct compiler *c, expr_ty s);

/* Shared by codegen.c and codegen_comprehension.c. */
int enter_scope(struct compiler *c, PyObject *name, enum unit_kind kind,
                void *key, int lineno);
void exit_scope(struct compiler *c);
PyObject *assemble_unit(struct compiler *c);
int codegen_make_closure(struct compiler *c, location loc, PyCodeObject *co,
                         int flags);
int codegen_start_stopiteration_guard(struct compiler *c, basicblock **handler);
int codegen_end_stopiteration_guard(struct compiler *c, basicblock *handler);
int codegen_comprehension(struct compiler *c, expr_ty e);

#endif /* Py_INTERNAL_CODEGEN_H */
