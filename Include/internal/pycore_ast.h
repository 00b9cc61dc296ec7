/* The abstract syntax tree of Python 3.15 source: the parser's output and
   the compiler's input (Parser/ast.c, Parser/arena.c, Parser/ast_dump.c).

   The node kinds and field names are those of CPython's Python.asdl, so
   `ast` module users and compiler code see the same tree:

       mod          Module, Interactive, Expression, FunctionType
       stmt         FunctionDef ... Continue          (with locations)
       expr         BoolOp ... Slice                  (with locations)
       pattern      MatchValue ... MatchOr            (with locations)
       type_param   TypeVar, ParamSpec, TypeVarTuple  (with locations)
       products     comprehension, arguments, arg, keyword, alias,
                    withitem, match_case, excepthandler, type_ignore

   Every sum type's struct starts with its `kind`; the fields of a
   constructor are in `node->v.Ctor.field`; a product's fields are members
   of its struct.  Locations are 1-based line numbers and 0-based UTF-8
   byte columns (lineno, col_offset, end_lineno, end_col_offset), as in
   CPython's AST.

   Memory: every node, sequence and identifier/constant object of a tree
   belongs to one PyArena and is freed with it (_PyArena_Free).  Objects
   stored in the tree (identifiers are interned str, constants are int,
   float, complex, str, bytes, None, True, False, Ellipsis) are strong
   references owned by the arena.

   Thread safety: a tree is private to the thread that builds it until it
   is handed over whole; nothing here is shared except the constant node
   description tables at the end, which are immutable. */
#ifndef Py_INTERNAL_AST_H
#define Py_INTERNAL_AST_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

/* ---- arena ------------------------------------------------------------- */

typedef struct _PyArena PyArena;

/* A new empty arena, or NULL with MemoryError. */
PyAPI_FUNC(PyArena *) _PyArena_New(void);
/* Frees every block and releases every object registered with the arena. */
PyAPI_FUNC(void) _PyArena_Free(PyArena *arena);
/* size bytes aligned for any node, valid until the arena is freed; NULL
   with MemoryError. */
PyAPI_FUNC(void *) _PyArena_Malloc(PyArena *arena, size_t size);
/* The arena takes over the reference `obj` (released by _PyArena_Free):
   0.  On failure -1 with MemoryError and the caller still owns obj. */
PyAPI_FUNC(int) _PyArena_AddPyObject(PyArena *arena, PyObject *obj);

/* ---- leaves and sequences ---------------------------------------------- */

typedef PyObject *identifier;   /* interned str */
typedef PyObject *string;       /* str */
typedef PyObject *constant;     /* any immutable constant object */

/* A sequence is a length and that many elements, allocated in the arena.
   A NULL sequence pointer means the empty sequence, so always use
   asdl_seq_LEN() rather than ->size. */
typedef struct { Py_ssize_t size; void *typed_elements[]; } asdl_seq;
typedef struct { Py_ssize_t size; int typed_elements[]; } asdl_int_seq;

#define asdl_seq_LEN(S) ((S) == NULL ? 0 : (S)->size)
#define asdl_seq_GET(S, I) ((S)->typed_elements[(I)])
#define asdl_seq_SET(S, I, V) ((S)->typed_elements[(I)] = (V))
#define asdl_seq_GET_UNTYPED(S, I) (((asdl_seq *)(S))->typed_elements[(I)])
#define asdl_seq_SET_UNTYPED(S, I, V) \
    (((asdl_seq *)(S))->typed_elements[(I)] = (void *)(V))

PyAPI_FUNC(asdl_seq *) _Py_asdl_generic_seq_new(
        Py_ssize_t size, PyArena *arena);
PyAPI_FUNC(asdl_int_seq *) _Py_asdl_int_seq_new(
        Py_ssize_t size, PyArena *arena);

/* ---- the node types (in the order of Python.asdl) ---------------------- */

typedef enum _expr_context { Load = 1, Store = 2, Del = 3 } expr_context_ty;
typedef enum _boolop { And = 1, Or = 2 } boolop_ty;
typedef enum _operator { Add = 1, Sub = 2, Mult = 3, MatMult = 4, Div = 5,
    Mod = 6, Pow = 7, LShift = 8, RShift = 9, BitOr = 10, BitXor = 11,
    BitAnd = 12, FloorDiv = 13 } operator_ty;
typedef enum _unaryop { Invert = 1, Not = 2, UAdd = 3, USub = 4 } unaryop_ty;
typedef enum _cmpop { Eq = 1, NotEq = 2, Lt = 3, LtE = 4, Gt = 5, GtE = 6,
    Is = 7, IsNot = 8, In = 9, NotIn = 10 } cmpop_ty;
typedef struct _mod *mod_ty;
typedef struct _stmt *stmt_ty;
typedef struct _expr *expr_ty;
typedef struct _comprehension *comprehension_ty;
typedef struct _excepthandler *excepthandler_ty;
typedef struct _arguments *arguments_ty;
typedef struct _arg *arg_ty;
typedef struct _keyword *keyword_ty;
typedef struct _alias *alias_ty;
typedef struct _withitem *withitem_ty;
typedef struct _match_case *match_case_ty;
typedef struct _pattern *pattern_ty;
typedef struct _type_ignore *type_ignore_ty;
typedef struct _type_param *type_param_ty;

/* A typed sequence: the layout of asdl_seq with typed elements. */
#define _ASDL_SEQ(T, NAME) \
    typedef struct { Py_ssize_t size; T typed_elements[]; } NAME;

_ASDL_SEQ(mod_ty, asdl_mod_seq)
_ASDL_SEQ(stmt_ty, asdl_stmt_seq)
_ASDL_SEQ(expr_ty, asdl_expr_seq)
_ASDL_SEQ(comprehension_ty, asdl_comprehension_seq)
_ASDL_SEQ(excepthandler_ty, asdl_excepthandler_seq)
_ASDL_SEQ(arguments_ty, asdl_arguments_seq)
_ASDL_SEQ(arg_ty, asdl_arg_seq)
_ASDL_SEQ(keyword_ty, asdl_keyword_seq)
_ASDL_SEQ(alias_ty, asdl_alias_seq)
_ASDL_SEQ(withitem_ty, asdl_withitem_seq)
_ASDL_SEQ(match_case_ty, asdl_match_case_seq)
_ASDL_SEQ(pattern_ty, asdl_pattern_seq)
_ASDL_SEQ(type_ignore_ty, asdl_type_ignore_seq)
_ASDL_SEQ(type_param_ty, asdl_type_param_seq)
_ASDL_SEQ(identifier, asdl_identifier_seq)

PyAPI_FUNC(asdl_mod_seq *) _Py_asdl_mod_seq_new(
        Py_ssize_t size, PyArena *arena);
PyAPI_FUNC(asdl_stmt_seq *) _Py_asdl_stmt_seq_new(
        Py_ssize_t size, PyArena *arena);
PyAPI_FUNC(asdl_expr_seq *) _Py_asdl_expr_seq_new(
        Py_ssize_t size, PyArena *arena);
PyAPI_FUNC(asdl_comprehension_seq *) _Py_asdl_comprehension_seq_new(
        Py_ssize_t size, PyArena *arena);
PyAPI_FUNC(asdl_excepthandler_seq *) _Py_asdl_excepthandler_seq_new(
        Py_ssize_t size, PyArena *arena);
PyAPI_FUNC(asdl_arguments_seq *) _Py_asdl_arguments_seq_new(
        Py_ssize_t size, PyArena *arena);
PyAPI_FUNC(asdl_arg_seq *) _Py_asdl_arg_seq_new(
        Py_ssize_t size, PyArena *arena);
PyAPI_FUNC(asdl_keyword_seq *) _Py_asdl_keyword_seq_new(
        Py_ssize_t size, PyArena *arena);
PyAPI_FUNC(asdl_alias_seq *) _Py_asdl_alias_seq_new(
        Py_ssize_t size, PyArena *arena);
PyAPI_FUNC(asdl_withitem_seq *) _Py_asdl_withitem_seq_new(
        Py_ssize_t size, PyArena *arena);
PyAPI_FUNC(asdl_match_case_seq *) _Py_asdl_match_case_seq_new(
        Py_ssize_t size, PyArena *arena);
PyAPI_FUNC(asdl_pattern_seq *) _Py_asdl_pattern_seq_new(
        Py_ssize_t size, PyArena *arena);
PyAPI_FUNC(asdl_type_ignore_seq *) _Py_asdl_type_ignore_seq_new(
        Py_ssize_t size, PyArena *arena);
PyAPI_FUNC(asdl_type_param_seq *) _Py_asdl_type_param_seq_new(
        Py_ssize_t size, PyArena *arena);
PyAPI_FUNC(asdl_identifier_seq *) _Py_asdl_identifier_seq_new(
        Py_ssize_t size, PyArena *arena);

enum _mod_kind { Module_kind = 1, Interactive_kind = 2, Expression_kind = 3,
    FunctionType_kind = 4 };
struct _mod {
    enum _mod_kind kind;
    union {
        struct {
            asdl_stmt_seq *body;
            asdl_type_ignore_seq *type_ignores;
        } Module;
        struct {
            asdl_stmt_seq *body;
        } Interactive;
        struct {
            expr_ty body;
        } Expression;
        struct {
            asdl_expr_seq *argtypes;
            expr_ty returns;
        } FunctionType;
    } v;
};

enum _stmt_kind { FunctionDef_kind = 1, AsyncFunctionDef_kind = 2,
    ClassDef_kind = 3, Return_kind = 4, Delete_kind = 5, Assign_kind = 6,
    TypeAlias_kind = 7, AugAssign_kind = 8, AnnAssign_kind = 9, For_kind = 10,
    AsyncFor_kind = 11, While_kind = 12, If_kind = 13, With_kind = 14,
    AsyncWith_kind = 15, Match_kind = 16, Raise_kind = 17, Try_kind = 18,
    TryStar_kind = 19, Assert_kind = 20, Import_kind = 21,
    ImportFrom_kind = 22, Global_kind = 23, Nonlocal_kind = 24, Expr_kind = 25,
    Pass_kind = 26, Break_kind = 27, Continue_kind = 28 };
struct _stmt {
    enum _stmt_kind kind;
    union {
        struct {
            identifier name;
            arguments_ty args;
            asdl_stmt_seq *body;
            asdl_expr_seq *decorator_list;
            expr_ty returns;
            string type_comment;
            asdl_type_param_seq *type_params;
        } FunctionDef;
        struct {
            identifier name;
            arguments_ty args;
            asdl_stmt_seq *body;
            asdl_expr_seq *decorator_list;
            expr_ty returns;
            string type_comment;
            asdl_type_param_seq *type_params;
        } AsyncFunctionDef;
        struct {
            identifier name;
            asdl_expr_seq *bases;
            asdl_keyword_seq *keywords;
            asdl_stmt_seq *body;
            asdl_expr_seq *decorator_list;
            asdl_type_param_seq *type_params;
        } ClassDef;
        struct {
            expr_ty value;
        } Return;
        struct {
            asdl_expr_seq *targets;
        } Delete;
        struct {
            asdl_expr_seq *targets;
            expr_ty value;
            string type_comment;
        } Assign;
        struct {
            expr_ty name;
            asdl_type_param_seq *type_params;
            expr_ty value;
        } TypeAlias;
        struct {
            expr_ty target;
            operator_ty op;
            expr_ty value;
        } AugAssign;
        struct {
            expr_ty target;
            expr_ty annotation;
            expr_ty value;
            int simple;
        } AnnAssign;
        struct {
            expr_ty target;
            expr_ty iter;
            asdl_stmt_seq *body;
            asdl_stmt_seq *orelse;
            string type_comment;
        } For;
        struct {
            expr_ty target;
            expr_ty iter;
            asdl_stmt_seq *body;
            asdl_stmt_seq *orelse;
            string type_comment;
        } AsyncFor;
        struct {
            expr_ty test;
            asdl_stmt_seq *body;
            asdl_stmt_seq *orelse;
        } While;
        struct {
            expr_ty test;
            asdl_stmt_seq *body;
            asdl_stmt_seq *orelse;
        } If;
        struct {
            asdl_withitem_seq *items;
            asdl_stmt_seq *body;
            string type_comment;
        } With;
        struct {
            asdl_withitem_seq *items;
            asdl_stmt_seq *body;
            string type_comment;
        } AsyncWith;
        struct {
            expr_ty subject;
            asdl_match_case_seq *cases;
        } Match;
        struct {
            expr_ty exc;
            expr_ty cause;
        } Raise;
        struct {
            asdl_stmt_seq *body;
            asdl_excepthandler_seq *handlers;
            asdl_stmt_seq *orelse;
            asdl_stmt_seq *finalbody;
        } Try;
        struct {
            asdl_stmt_seq *body;
            asdl_excepthandler_seq *handlers;
            asdl_stmt_seq *orelse;
            asdl_stmt_seq *finalbody;
        } TryStar;
        struct {
            expr_ty test;
            expr_ty msg;
        } Assert;
        struct {
            asdl_alias_seq *names;
            int is_lazy;
        } Import;
        struct {
            identifier module;
            asdl_alias_seq *names;
            int level;
            int is_lazy;
        } ImportFrom;
        struct {
            asdl_identifier_seq *names;
        } Global;
        struct {
            asdl_identifier_seq *names;
        } Nonlocal;
        struct {
            expr_ty value;
        } Expr;
    } v;
    int lineno;
    int col_offset;
    int end_lineno;
    int end_col_offset;
};

enum _expr_kind { BoolOp_kind = 1, NamedExpr_kind = 2, BinOp_kind = 3,
    UnaryOp_kind = 4, Lambda_kind = 5, IfExp_kind = 6, Dict_kind = 7,
    Set_kind = 8, ListComp_kind = 9, SetComp_kind = 10, DictComp_kind = 11,
    GeneratorExp_kind = 12, Await_kind = 13, Yield_kind = 14,
    YieldFrom_kind = 15, Compare_kind = 16, Call_kind = 17,
    FormattedValue_kind = 18, Interpolation_kind = 19, JoinedStr_kind = 20,
    TemplateStr_kind = 21, Constant_kind = 22, Attribute_kind = 23,
    Subscript_kind = 24, Starred_kind = 25, Name_kind = 26, List_kind = 27,
    Tuple_kind = 28, Slice_kind = 29 };
struct _expr {
    enum _expr_kind kind;
    union {
        struct {
            boolop_ty op;
            asdl_expr_seq *values;
        } BoolOp;
        struct {
            expr_ty target;
            expr_ty value;
        } NamedExpr;
        struct {
            expr_ty left;
            operator_ty op;
            expr_ty right;
        } BinOp;
        struct {
            unaryop_ty op;
            expr_ty operand;
        } UnaryOp;
        struct {
            arguments_ty args;
            expr_ty body;
        } Lambda;
        struct {
            expr_ty test;
            expr_ty body;
            expr_ty orelse;
        } IfExp;
        struct {
            asdl_expr_seq *keys;
            asdl_expr_seq *values;
        } Dict;
        struct {
            asdl_expr_seq *elts;
        } Set;
        struct {
            expr_ty elt;
            asdl_comprehension_seq *generators;
        } ListComp;
        struct {
            expr_ty elt;
            asdl_comprehension_seq *generators;
        } SetComp;
        struct {
            expr_ty key;
            expr_ty value;
            asdl_comprehension_seq *generators;
        } DictComp;
        struct {
            expr_ty elt;
            asdl_comprehension_seq *generators;
        } GeneratorExp;
        struct {
            expr_ty value;
        } Await;
        struct {
            expr_ty value;
        } Yield;
        struct {
            expr_ty value;
        } YieldFrom;
        struct {
            expr_ty left;
            asdl_int_seq *ops;
            asdl_expr_seq *comparators;
        } Compare;
        struct {
            expr_ty func;
            asdl_expr_seq *args;
            asdl_keyword_seq *keywords;
        } Call;
        struct {
            expr_ty value;
            int conversion;
            expr_ty format_spec;
        } FormattedValue;
        struct {
            expr_ty value;
            constant str;
            int conversion;
            expr_ty format_spec;
        } Interpolation;
        struct {
            asdl_expr_seq *values;
        } JoinedStr;
        struct {
            asdl_expr_seq *values;
        } TemplateStr;
        struct {
            constant value;
            string kind;
        } Constant;
        struct {
            expr_ty value;
            identifier attr;
            expr_context_ty ctx;
        } Attribute;
        struct {
            expr_ty value;
            expr_ty slice;
            expr_context_ty ctx;
        } Subscript;
        struct {
            expr_ty value;
            expr_context_ty ctx;
        } Starred;
        struct {
            identifier id;
            expr_context_ty ctx;
        } Name;
        struct {
            asdl_expr_seq *elts;
            expr_context_ty ctx;
        } List;
        struct {
            asdl_expr_seq *elts;
            expr_context_ty ctx;
        } Tuple;
        struct {
            expr_ty lower;
            expr_ty upper;
            expr_ty step;
        } Slice;
    } v;
    int lineno;
    int col_offset;
    int end_lineno;
    int end_col_offset;
};

struct _comprehension {
    expr_ty target;
    expr_ty iter;
    asdl_expr_seq *ifs;
    int is_async;
};

enum _excepthandler_kind { ExceptHandler_kind = 1 };
struct _excepthandler {
    enum _excepthandler_kind kind;
    union {
        struct {
            expr_ty type;
            identifier name;
            asdl_stmt_seq *body;
        } ExceptHandler;
    } v;
    int lineno;
    int col_offset;
    int end_lineno;
    int end_col_offset;
};

struct _arguments {
    asdl_arg_seq *posonlyargs;
    asdl_arg_seq *args;
    arg_ty vararg;
    asdl_arg_seq *kwonlyargs;
    asdl_expr_seq *kw_defaults;
    arg_ty kwarg;
    asdl_expr_seq *defaults;
};

struct _arg {
    identifier arg;
    expr_ty annotation;
    string type_comment;
    int lineno;
    int col_offset;
    int end_lineno;
    int end_col_offset;
};

struct _keyword {
    identifier arg;
    expr_ty value;
    int lineno;
    int col_offset;
    int end_lineno;
    int end_col_offset;
};

struct _alias {
    identifier name;
    identifier asname;
    int lineno;
    int col_offset;
    int end_lineno;
    int end_col_offset;
};

struct _withitem {
    expr_ty context_expr;
    expr_ty optional_vars;
};

struct _match_case {
    pattern_ty pattern;
    expr_ty guard;
    asdl_stmt_seq *body;
};

enum _pattern_kind { MatchValue_kind = 1, MatchSingleton_kind = 2,
    MatchSequence_kind = 3, MatchMapping_kind = 4, MatchClass_kind = 5,
    MatchStar_kind = 6, MatchAs_kind = 7, MatchOr_kind = 8 };
struct _pattern {
    enum _pattern_kind kind;
    union {
        struct {
            expr_ty value;
        } MatchValue;
        struct {
            constant value;
        } MatchSingleton;
        struct {
            asdl_pattern_seq *patterns;
        } MatchSequence;
        struct {
            asdl_expr_seq *keys;
            asdl_pattern_seq *patterns;
            identifier rest;
        } MatchMapping;
        struct {
            expr_ty cls;
            asdl_pattern_seq *patterns;
            asdl_identifier_seq *kwd_attrs;
            asdl_pattern_seq *kwd_patterns;
        } MatchClass;
        struct {
            identifier name;
        } MatchStar;
        struct {
            pattern_ty pattern;
            identifier name;
        } MatchAs;
        struct {
            asdl_pattern_seq *patterns;
        } MatchOr;
    } v;
    int lineno;
    int col_offset;
    int end_lineno;
    int end_col_offset;
};

enum _type_ignore_kind { TypeIgnore_kind = 1 };
struct _type_ignore {
    enum _type_ignore_kind kind;
    union {
        struct {
            int lineno;
            string tag;
        } TypeIgnore;
    } v;
};

enum _type_param_kind { TypeVar_kind = 1, ParamSpec_kind = 2,
    TypeVarTuple_kind = 3 };
struct _type_param {
    enum _type_param_kind kind;
    union {
        struct {
            identifier name;
            expr_ty bound;
            expr_ty default_value;
        } TypeVar;
        struct {
            identifier name;
            expr_ty default_value;
        } ParamSpec;
        struct {
            identifier name;
            expr_ty default_value;
        } TypeVarTuple;
    } v;
    int lineno;
    int col_offset;
    int end_lineno;
    int end_col_offset;
};

PyAPI_FUNC(mod_ty) _PyAST_Module(asdl_stmt_seq *body,
    asdl_type_ignore_seq *type_ignores, PyArena *arena);
PyAPI_FUNC(mod_ty) _PyAST_Interactive(asdl_stmt_seq *body, PyArena *arena);
PyAPI_FUNC(mod_ty) _PyAST_Expression(expr_ty body, PyArena *arena);
PyAPI_FUNC(mod_ty) _PyAST_FunctionType(asdl_expr_seq *argtypes,
    expr_ty returns, PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_FunctionDef(identifier name, arguments_ty args,
    asdl_stmt_seq *body, asdl_expr_seq *decorator_list, expr_ty returns,
    string type_comment, asdl_type_param_seq *type_params, int lineno,
    int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_AsyncFunctionDef(identifier name, arguments_ty args,
    asdl_stmt_seq *body, asdl_expr_seq *decorator_list, expr_ty returns,
    string type_comment, asdl_type_param_seq *type_params, int lineno,
    int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_ClassDef(identifier name, asdl_expr_seq *bases,
    asdl_keyword_seq *keywords, asdl_stmt_seq *body,
    asdl_expr_seq *decorator_list, asdl_type_param_seq *type_params,
    int lineno, int col_offset, int end_lineno, int end_col_offset,
    PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_Return(expr_ty value, int lineno, int col_offset,
    int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_Delete(asdl_expr_seq *targets, int lineno,
    int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_Assign(asdl_expr_seq *targets, expr_ty value,
    string type_comment, int lineno, int col_offset, int end_lineno,
    int end_col_offset, PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_TypeAlias(expr_ty name,
    asdl_type_param_seq *type_params, expr_ty value, int lineno,
    int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_AugAssign(expr_ty target, operator_ty op,
    expr_ty value, int lineno, int col_offset, int end_lineno,
    int end_col_offset, PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_AnnAssign(expr_ty target, expr_ty annotation,
    expr_ty value, int simple, int lineno, int col_offset, int end_lineno,
    int end_col_offset, PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_For(expr_ty target, expr_ty iter,
    asdl_stmt_seq *body, asdl_stmt_seq *orelse, string type_comment,
    int lineno, int col_offset, int end_lineno, int end_col_offset,
    PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_AsyncFor(expr_ty target, expr_ty iter,
    asdl_stmt_seq *body, asdl_stmt_seq *orelse, string type_comment,
    int lineno, int col_offset, int end_lineno, int end_col_offset,
    PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_While(expr_ty test, asdl_stmt_seq *body,
    asdl_stmt_seq *orelse, int lineno, int col_offset, int end_lineno,
    int end_col_offset, PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_If(expr_ty test, asdl_stmt_seq *body,
    asdl_stmt_seq *orelse, int lineno, int col_offset, int end_lineno,
    int end_col_offset, PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_With(asdl_withitem_seq *items, asdl_stmt_seq *body,
    string type_comment, int lineno, int col_offset, int end_lineno,
    int end_col_offset, PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_AsyncWith(asdl_withitem_seq *items,
    asdl_stmt_seq *body, string type_comment, int lineno, int col_offset,
    int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_Match(expr_ty subject, asdl_match_case_seq *cases,
    int lineno, int col_offset, int end_lineno, int end_col_offset,
    PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_Raise(expr_ty exc, expr_ty cause, int lineno,
    int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_Try(asdl_stmt_seq *body,
    asdl_excepthandler_seq *handlers, asdl_stmt_seq *orelse,
    asdl_stmt_seq *finalbody, int lineno, int col_offset, int end_lineno,
    int end_col_offset, PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_TryStar(asdl_stmt_seq *body,
    asdl_excepthandler_seq *handlers, asdl_stmt_seq *orelse,
    asdl_stmt_seq *finalbody, int lineno, int col_offset, int end_lineno,
    int end_col_offset, PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_Assert(expr_ty test, expr_ty msg, int lineno,
    int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_Import(asdl_alias_seq *names, int is_lazy,
    int lineno, int col_offset, int end_lineno, int end_col_offset,
    PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_ImportFrom(identifier module, asdl_alias_seq *names,
    int level, int is_lazy, int lineno, int col_offset, int end_lineno,
    int end_col_offset, PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_Global(asdl_identifier_seq *names, int lineno,
    int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_Nonlocal(asdl_identifier_seq *names, int lineno,
    int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_Expr(expr_ty value, int lineno, int col_offset,
    int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_Pass(int lineno, int col_offset, int end_lineno,
    int end_col_offset, PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_Break(int lineno, int col_offset, int end_lineno,
    int end_col_offset, PyArena *arena);
PyAPI_FUNC(stmt_ty) _PyAST_Continue(int lineno, int col_offset, int end_lineno,
    int end_col_offset, PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_BoolOp(boolop_ty op, asdl_expr_seq *values,
    int lineno, int col_offset, int end_lineno, int end_col_offset,
    PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_NamedExpr(expr_ty target, expr_ty value, int lineno,
    int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_BinOp(expr_ty left, operator_ty op, expr_ty right,
    int lineno, int col_offset, int end_lineno, int end_col_offset,
    PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_UnaryOp(unaryop_ty op, expr_ty operand, int lineno,
    int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_Lambda(arguments_ty args, expr_ty body, int lineno,
    int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_IfExp(expr_ty test, expr_ty body, expr_ty orelse,
    int lineno, int col_offset, int end_lineno, int end_col_offset,
    PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_Dict(asdl_expr_seq *keys, asdl_expr_seq *values,
    int lineno, int col_offset, int end_lineno, int end_col_offset,
    PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_Set(asdl_expr_seq *elts, int lineno, int col_offset,
    int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_ListComp(expr_ty elt,
    asdl_comprehension_seq *generators, int lineno, int col_offset,
    int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_SetComp(expr_ty elt,
    asdl_comprehension_seq *generators, int lineno, int col_offset,
    int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_DictComp(expr_ty key, expr_ty value,
    asdl_comprehension_seq *generators, int lineno, int col_offset,
    int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_GeneratorExp(expr_ty elt,
    asdl_comprehension_seq *generators, int lineno, int col_offset,
    int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_Await(expr_ty value, int lineno, int col_offset,
    int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_Yield(expr_ty value, int lineno, int col_offset,
    int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_YieldFrom(expr_ty value, int lineno, int col_offset,
    int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_Compare(expr_ty left, asdl_int_seq *ops,
    asdl_expr_seq *comparators, int lineno, int col_offset, int end_lineno,
    int end_col_offset, PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_Call(expr_ty func, asdl_expr_seq *args,
    asdl_keyword_seq *keywords, int lineno, int col_offset, int end_lineno,
    int end_col_offset, PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_FormattedValue(expr_ty value, int conversion,
    expr_ty format_spec, int lineno, int col_offset, int end_lineno,
    int end_col_offset, PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_Interpolation(expr_ty value, constant str,
    int conversion, expr_ty format_spec, int lineno, int col_offset,
    int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_JoinedStr(asdl_expr_seq *values, int lineno,
    int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_TemplateStr(asdl_expr_seq *values, int lineno,
    int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_Constant(constant value, string kind, int lineno,
    int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_Attribute(expr_ty value, identifier attr,
    expr_context_ty ctx, int lineno, int col_offset, int end_lineno,
    int end_col_offset, PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_Subscript(expr_ty value, expr_ty slice,
    expr_context_ty ctx, int lineno, int col_offset, int end_lineno,
    int end_col_offset, PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_Starred(expr_ty value, expr_context_ty ctx,
    int lineno, int col_offset, int end_lineno, int end_col_offset,
    PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_Name(identifier id, expr_context_ty ctx, int lineno,
    int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_List(asdl_expr_seq *elts, expr_context_ty ctx,
    int lineno, int col_offset, int end_lineno, int end_col_offset,
    PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_Tuple(asdl_expr_seq *elts, expr_context_ty ctx,
    int lineno, int col_offset, int end_lineno, int end_col_offset,
    PyArena *arena);
PyAPI_FUNC(expr_ty) _PyAST_Slice(expr_ty lower, expr_ty upper, expr_ty step,
    int lineno, int col_offset, int end_lineno, int end_col_offset,
    PyArena *arena);
PyAPI_FUNC(comprehension_ty) _PyAST_comprehension(expr_ty target, expr_ty iter,
    asdl_expr_seq *ifs, int is_async, PyArena *arena);
PyAPI_FUNC(excepthandler_ty) _PyAST_ExceptHandler(expr_ty type,
    identifier name, asdl_stmt_seq *body, int lineno, int col_offset,
    int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(arguments_ty) _PyAST_arguments(asdl_arg_seq *posonlyargs,
    asdl_arg_seq *args, arg_ty vararg, asdl_arg_seq *kwonlyargs,
    asdl_expr_seq *kw_defaults, arg_ty kwarg, asdl_expr_seq *defaults,
    PyArena *arena);
PyAPI_FUNC(arg_ty) _PyAST_arg(identifier arg, expr_ty annotation,
    string type_comment, int lineno, int col_offset, int end_lineno,
    int end_col_offset, PyArena *arena);
PyAPI_FUNC(keyword_ty) _PyAST_keyword(identifier arg, expr_ty value,
    int lineno, int col_offset, int end_lineno, int end_col_offset,
    PyArena *arena);
PyAPI_FUNC(alias_ty) _PyAST_alias(identifier name, identifier asname,
    int lineno, int col_offset, int end_lineno, int end_col_offset,
    PyArena *arena);
PyAPI_FUNC(withitem_ty) _PyAST_withitem(expr_ty context_expr,
    expr_ty optional_vars, PyArena *arena);
PyAPI_FUNC(match_case_ty) _PyAST_match_case(pattern_ty pattern, expr_ty guard,
    asdl_stmt_seq *body, PyArena *arena);
PyAPI_FUNC(pattern_ty) _PyAST_MatchValue(expr_ty value, int lineno,
    int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(pattern_ty) _PyAST_MatchSingleton(constant value, int lineno,
    int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(pattern_ty) _PyAST_MatchSequence(asdl_pattern_seq *patterns,
    int lineno, int col_offset, int end_lineno, int end_col_offset,
    PyArena *arena);
PyAPI_FUNC(pattern_ty) _PyAST_MatchMapping(asdl_expr_seq *keys,
    asdl_pattern_seq *patterns, identifier rest, int lineno, int col_offset,
    int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(pattern_ty) _PyAST_MatchClass(expr_ty cls,
    asdl_pattern_seq *patterns, asdl_identifier_seq *kwd_attrs,
    asdl_pattern_seq *kwd_patterns, int lineno, int col_offset, int end_lineno,
    int end_col_offset, PyArena *arena);
PyAPI_FUNC(pattern_ty) _PyAST_MatchStar(identifier name, int lineno,
    int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(pattern_ty) _PyAST_MatchAs(pattern_ty pattern, identifier name,
    int lineno, int col_offset, int end_lineno, int end_col_offset,
    PyArena *arena);
PyAPI_FUNC(pattern_ty) _PyAST_MatchOr(asdl_pattern_seq *patterns, int lineno,
    int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
PyAPI_FUNC(type_ignore_ty) _PyAST_TypeIgnore(int lineno, string tag,
    PyArena *arena);
PyAPI_FUNC(type_param_ty) _PyAST_TypeVar(identifier name, expr_ty bound,
    expr_ty default_value, int lineno, int col_offset, int end_lineno,
    int end_col_offset, PyArena *arena);
PyAPI_FUNC(type_param_ty) _PyAST_ParamSpec(identifier name,
    expr_ty default_value, int lineno, int col_offset, int end_lineno,
    int end_col_offset, PyArena *arena);
PyAPI_FUNC(type_param_ty) _PyAST_TypeVarTuple(identifier name,
    expr_ty default_value, int lineno, int col_offset, int end_lineno,
    int end_col_offset, PyArena *arena);

/* ---- node descriptions ---------------------------------------------------

   A table-driven description of every node kind, for code that walks any
   tree generically: _PyAST_Dump() and the `ast` module's conversions.
   The tables are const data, safe to read from any thread. */

enum {
    _PyAST_T_mod, _PyAST_T_stmt, _PyAST_T_expr, _PyAST_T_expr_context,
    _PyAST_T_boolop, _PyAST_T_operator, _PyAST_T_unaryop, _PyAST_T_cmpop,
    _PyAST_T_comprehension, _PyAST_T_excepthandler, _PyAST_T_arguments,
    _PyAST_T_arg, _PyAST_T_keyword, _PyAST_T_alias, _PyAST_T_withitem,
    _PyAST_T_match_case, _PyAST_T_pattern, _PyAST_T_type_ignore,
    _PyAST_T_type_param,
    /* the built-in leaf types */
    _PyAST_T_identifier, _PyAST_T_string, _PyAST_T_constant, _PyAST_T_int,
    _PyAST_T_COUNT
};

/* How a field holds its type: exactly one, optional (NULL allowed), a
   sequence, or a sequence whose elements may be NULL (Dict.keys,
   arguments.kw_defaults). */
enum { _PyAST_Q_ONE, _PyAST_Q_OPT, _PyAST_Q_SEQ, _PyAST_Q_SEQ_OPT };

/* What an ASDL type is: a built-in leaf, an enumeration stored as a C enum
   (expr_context, boolop, ...), a sum of constructors (struct starting with
   `kind`), or a product (one struct). */
enum { _PyAST_CAT_BUILTIN, _PyAST_CAT_ENUM, _PyAST_CAT_SUM, _PyAST_CAT_PRODUCT };

typedef struct {
    const char *name;
    unsigned char type;         /* _PyAST_T_* of the value or elements */
    unsigned char quantifier;   /* _PyAST_Q_* */
    unsigned short offset;      /* within the node's struct */
} _PyAST_Field;

typedef struct {
    const char *name;           /* "FunctionDef", "Load", "arguments" */
    unsigned char type;         /* _PyAST_T_* it belongs to */
    unsigned char nfields;
    const _PyAST_Field *fields;
} _PyAST_NodeInfo;

typedef struct {
    const char *name;           /* "stmt" */
    unsigned char category;     /* _PyAST_CAT_* */
    unsigned short first;       /* its first entry in _PyAST_Nodes */
    unsigned char count;        /* constructors (1 for a product) */
    unsigned char has_location; /* lineno ... end_col_offset members */
    unsigned char end_optional; /* end_lineno/end_col_offset are int? */
    unsigned short location[4]; /* offsets of lineno, col_offset,
                                   end_lineno, end_col_offset */
} _PyAST_TypeInfo;

PyAPI_DATA(const _PyAST_NodeInfo) _PyAST_Nodes[];
PyAPI_DATA(const _PyAST_TypeInfo) _PyAST_Types[_PyAST_T_COUNT];

/* The description of a node of ASDL type `type` (a sum or a product):
   sum nodes are told apart by their leading kind. */
PyAPI_FUNC(const _PyAST_NodeInfo *) _PyAST_NodeInfoOf(int type,
    const void *node);

/* ---- dumping ------------------------------------------------------------- */

/* The text Python 3.15's ast.dump(tree) produces with its default
   arguments (annotate_fields=True, include_attributes=False, no indent,
   show_empty=False): a new str, or NULL with an exception. */
PyAPI_FUNC(PyObject *) _PyAST_Dump(mod_ty tree);
/* The same for any node: `type` is its _PyAST_T_* (a sum or product). */
PyAPI_FUNC(PyObject *) _PyAST_DumpNode(int type, const void *node);
/* With include_attributes, as ast.dump(node, include_attributes=True):
   each located node ends with lineno, col_offset, end_lineno and
   end_col_offset. */
PyAPI_FUNC(PyObject *) _PyAST_DumpNodeEx(int type, const void *node,
    int include_attributes);

/* ---- validation ----------------------------------------------------------- */

/* Check a tree built by other code than the parser (compile() of an `ast`
   object): required fields present, contexts right, identifiers valid,
   constants of allowed types.  1 if valid, else 0 with ValueError or
   TypeError set, as CPython's compile() reports. */
PyAPI_FUNC(int) _PyAST_Validate(mod_ty tree);

/* The canonical source text of an expression (Python/ast_unparse.c), as
   `from __future__ import annotations` stores annotations: a new str, or
   NULL with an exception. */
PyObject *_PyAST_ExprAsUnicode(expr_ty e);

#endif /* Py_INTERNAL_AST_H */
