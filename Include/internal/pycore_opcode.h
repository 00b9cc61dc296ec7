/* The bytecode: CPython 3.14's instruction set (names, oparg meanings and
   stack effects as the 3.14 `dis` documentation describes them), numbered
   our own way, without instrumented forms and without inline CACHE
   entries.  The VM's specialized forms (_PY_OPCODES_SPECIALIZED below)
   exist only inside co_code_adaptive; their caches live in a side table
   (pycore_specialize.h).

   An instruction is one 16-bit code unit: opcode in the low byte, oparg in
   the high byte (_Py_CODEUNIT below).  Opargs wider than 8 bits are built
   by up to three EXTENDED_ARG prefixes, most significant byte first.

   Jumps: JUMP_FORWARD, POP_JUMP_IF_*, FOR_ITER, SEND and the pseudo
   SETUP_* jump forward by oparg code units counted from the instruction
   after the jump (after its EXTENDED_ARG prefixes, i.e. the next
   instruction); JUMP_BACKWARD and JUMP_BACKWARD_NO_INTERRUPT jump back by
   oparg units from the next instruction.
   FOR_ITER's target is the END_FOR of its loop; when the iterator is
   exhausted the VM continues one unit further, at the POP_ITER after
   END_FOR, exactly as CPython 3.14 does (END_FOR itself is then never
   executed by the plain VM).
   Exception handlers are not instructions: see the exception table in
   Include/cpython/code.h.

   What the compiler emits (contract with the VM): every opcode below
   except the pseudo-instructions (which never appear in a code object),
   CACHE, RESERVED and INTERPRETER_EXIT; it does not emit the
   LOAD_FAST_BORROW* or the LOAD_FAST_LOAD_FAST / STORE_FAST_* super-
   instructions yet, but the VM should still accept them.

   Thread safety: constant tables only. */
#ifndef Py_INTERNAL_OPCODE_H
#define Py_INTERNAL_OPCODE_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include <stdint.h>

typedef uint16_t _Py_CODEUNIT;

#define _Py_OPCODE(word) ((int)((word) & 0xFF))
#define _Py_OPARG(word) ((int)((word) >> 8))
#define _Py_MAKE_CODEUNIT(op, arg) ((_Py_CODEUNIT)(((arg) << 8) | (op)))

/* X(name) in numbering order: first the argument-less
   instructions, then (from HAVE_ARGUMENT) those that use their oparg. */
#define _PY_OPCODES_NOARG(X)             \
    X(CACHE)                             \
    X(BINARY_SLICE)                      \
    X(BUILD_TEMPLATE)                    \
    X(CALL_FUNCTION_EX)                  \
    X(CHECK_EG_MATCH)                    \
    X(CHECK_EXC_MATCH)                   \
    X(CLEANUP_THROW)                     \
    X(DELETE_SUBSCR)                     \
    X(END_ASYNC_FOR)                     \
    X(END_FOR)                           \
    X(END_SEND)                          \
    X(EXIT_INIT_CHECK)                   \
    X(FORMAT_SIMPLE)                     \
    X(FORMAT_WITH_SPEC)                  \
    X(GET_AITER)                         \
    X(GET_ANEXT)                         \
    X(GET_ITER)                          \
    X(GET_LEN)                           \
    X(GET_YIELD_FROM_ITER)               \
    X(INTERPRETER_EXIT)                  \
    X(LOAD_BUILD_CLASS)                  \
    X(LOAD_LOCALS)                       \
    X(MAKE_FUNCTION)                     \
    X(MATCH_KEYS)                        \
    X(MATCH_MAPPING)                     \
    X(MATCH_SEQUENCE)                    \
    X(NOP)                               \
    X(NOT_TAKEN)                         \
    X(POP_EXCEPT)                        \
    X(POP_ITER)                          \
    X(POP_TOP)                           \
    X(PUSH_EXC_INFO)                     \
    X(PUSH_NULL)                         \
    X(RETURN_GENERATOR)                  \
    X(RETURN_VALUE)                      \
    X(SETUP_ANNOTATIONS)                 \
    X(STORE_SLICE)                       \
    X(STORE_SUBSCR)                      \
    X(TO_BOOL)                           \
    X(UNARY_INVERT)                      \
    X(UNARY_NEGATIVE)                    \
    X(UNARY_NOT)                         \
    X(WITH_EXCEPT_START)                 \
    X(RESERVED)

#define _PY_OPCODES_ARG(X)               \
    X(BINARY_OP)                         \
    X(BUILD_INTERPOLATION)               \
    X(BUILD_LIST)                        \
    X(BUILD_MAP)                         \
    X(BUILD_SET)                         \
    X(BUILD_SLICE)                       \
    X(BUILD_STRING)                      \
    X(BUILD_TUPLE)                       \
    X(CALL)                              \
    X(CALL_INTRINSIC_1)                  \
    X(CALL_INTRINSIC_2)                  \
    X(CALL_KW)                           \
    X(COMPARE_OP)                        \
    X(CONTAINS_OP)                       \
    X(CONVERT_VALUE)                     \
    X(COPY)                              \
    X(COPY_FREE_VARS)                    \
    X(DELETE_ATTR)                       \
    X(DELETE_DEREF)                      \
    X(DELETE_FAST)                       \
    X(DELETE_GLOBAL)                     \
    X(DELETE_NAME)                       \
    X(DICT_MERGE)                        \
    X(DICT_UPDATE)                       \
    X(EXTENDED_ARG)                      \
    X(FOR_ITER)                          \
    X(GET_AWAITABLE)                     \
    X(IMPORT_FROM)                       \
    X(IMPORT_NAME)                       \
    X(IS_OP)                             \
    X(JUMP_BACKWARD)                     \
    X(JUMP_BACKWARD_NO_INTERRUPT)        \
    X(JUMP_FORWARD)                      \
    X(LIST_APPEND)                       \
    X(LIST_EXTEND)                       \
    X(LOAD_ATTR)                         \
    X(LOAD_COMMON_CONSTANT)              \
    X(LOAD_CONST)                        \
    X(LOAD_DEREF)                        \
    X(LOAD_FAST)                         \
    X(LOAD_FAST_AND_CLEAR)               \
    X(LOAD_FAST_BORROW)                  \
    X(LOAD_FAST_BORROW_LOAD_FAST_BORROW) \
    X(LOAD_FAST_CHECK)                   \
    X(LOAD_FAST_LOAD_FAST)               \
    X(LOAD_FROM_DICT_OR_DEREF)           \
    X(LOAD_FROM_DICT_OR_GLOBALS)         \
    X(LOAD_GLOBAL)                       \
    X(LOAD_NAME)                         \
    X(LOAD_SMALL_INT)                    \
    X(LOAD_SPECIAL)                      \
    X(LOAD_SUPER_ATTR)                   \
    X(MAKE_CELL)                         \
    X(MAP_ADD)                           \
    X(MATCH_CLASS)                       \
    X(POP_JUMP_IF_FALSE)                 \
    X(POP_JUMP_IF_NONE)                  \
    X(POP_JUMP_IF_NOT_NONE)              \
    X(POP_JUMP_IF_TRUE)                  \
    X(RAISE_VARARGS)                     \
    X(RERAISE)                           \
    X(RESUME)                            \
    X(SEND)                              \
    X(SET_ADD)                           \
    X(SET_FUNCTION_ATTRIBUTE)            \
    X(SET_UPDATE)                        \
    X(STORE_ATTR)                        \
    X(STORE_DEREF)                       \
    X(STORE_FAST)                        \
    X(STORE_FAST_LOAD_FAST)              \
    X(STORE_FAST_STORE_FAST)             \
    X(STORE_GLOBAL)                      \
    X(STORE_NAME)                        \
    X(SWAP)                              \
    X(UNPACK_EX)                         \
    X(UNPACK_SEQUENCE)                   \
    X(YIELD_VALUE)

/* Pseudo-instructions: only inside the compiler, replaced before the
   code object is built. */
#define _PY_OPCODES_PSEUDO(X)            \
    X(ANNOTATIONS_PLACEHOLDER)           \
    X(JUMP)                              \
    X(JUMP_IF_FALSE)                     \
    X(JUMP_IF_TRUE)                      \
    X(JUMP_NO_INTERRUPT)                 \
    X(LOAD_CLOSURE)                      \
    X(POP_BLOCK)                         \
    X(SETUP_CLEANUP)                     \
    X(SETUP_FINALLY)                     \
    X(SETUP_WITH)                        \
    X(STORE_FAST_MAYBE_NULL)

/* Specialized forms, X(name, base): written only by the VM, into a code
   object's co_code_adaptive, over an instruction of opcode `base` whose
   oparg stays as it was (Python/specialize.c, Doc/internals/
   specialization.md).  They are numbered after the real opcodes, are not
   valid in co_code, and everything that shows, compares or stores the
   bytecode reads them back through _PyOpcode_Deopt. */
#define _PY_OPCODES_SPECIALIZED(X)                  \
    X(LOAD_GLOBAL_MODULE, LOAD_GLOBAL)              \
    X(LOAD_GLOBAL_BUILTIN, LOAD_GLOBAL)             \
    X(LOAD_ATTR_INSTANCE_VALUE, LOAD_ATTR)          \
    X(LOAD_ATTR_SLOT, LOAD_ATTR)                    \
    X(LOAD_ATTR_METHOD, LOAD_ATTR)                  \
    X(LOAD_ATTR_CLASS, LOAD_ATTR)                   \
    X(BINARY_OP_ADD_INT, BINARY_OP)                 \
    X(BINARY_OP_SUBTRACT_INT, BINARY_OP)            \
    X(BINARY_OP_MULTIPLY_INT, BINARY_OP)            \
    X(BINARY_OP_ADD_FLOAT, BINARY_OP)               \
    X(BINARY_OP_SUBTRACT_FLOAT, BINARY_OP)          \
    X(BINARY_OP_MULTIPLY_FLOAT, BINARY_OP)          \
    X(BINARY_OP_TRUE_DIVIDE_FLOAT, BINARY_OP)       \
    X(BINARY_OP_ADD_UNICODE, BINARY_OP)             \
    X(BINARY_OP_SUBSCR_LIST_INT, BINARY_OP)         \
    X(BINARY_OP_SUBSCR_TUPLE_INT, BINARY_OP)        \
    X(BINARY_OP_SUBSCR_DICT, BINARY_OP)             \
    X(COMPARE_OP_INT, COMPARE_OP)                   \
    X(COMPARE_OP_FLOAT, COMPARE_OP)                 \
    X(COMPARE_OP_STR, COMPARE_OP)                   \
    /* ftsingle (session 8) */                      \
    X(BINARY_OP_PY_DUNDER, BINARY_OP)               \
    X(COMPARE_OP_PY_DUNDER, COMPARE_OP)             \
    /* spec (session 6) */                          \
    X(STORE_ATTR_INSTANCE_VALUE, STORE_ATTR)        \
    X(STORE_ATTR_SLOT, STORE_ATTR)                  \
    X(FOR_ITER_RANGE, FOR_ITER)                     \
    X(FOR_ITER_LIST, FOR_ITER)                      \
    X(FOR_ITER_TUPLE, FOR_ITER)                     \
    X(UNPACK_SEQUENCE_TWO_TUPLE, UNPACK_SEQUENCE)   \
    X(UNPACK_SEQUENCE_TUPLE, UNPACK_SEQUENCE)       \
    X(UNPACK_SEQUENCE_LIST, UNPACK_SEQUENCE)        \
    X(TO_BOOL_BOOL, TO_BOOL)                        \
    X(TO_BOOL_INT, TO_BOOL)                         \
    X(TO_BOOL_NONE, TO_BOOL)                        \
    X(TO_BOOL_STR, TO_BOOL)                         \
    X(TO_BOOL_LIST, TO_BOOL)                        \
    X(CONTAINS_OP_DICT, CONTAINS_OP)                \
    X(CONTAINS_OP_SET, CONTAINS_OP)                 \
    X(CONTAINS_OP_STR, CONTAINS_OP)                 \
    X(STORE_SUBSCR_LIST_INT, STORE_SUBSCR)          \
    X(STORE_SUBSCR_DICT, STORE_SUBSCR)              \
    X(LOAD_ATTR_MODULE, LOAD_ATTR)                  \
    /* calls (session 6) */                         \
    X(CALL_PY_EXACT_ARGS, CALL)                     \
    X(CALL_PY_WITH_DEFAULTS, CALL)                  \
    X(CALL_BOUND_METHOD_EXACT_ARGS, CALL)           \
    X(CALL_BUILTIN_O, CALL)                         \
    X(CALL_BUILTIN_FAST, CALL)                      \
    X(CALL_BUILTIN_FAST_WITH_KEYWORDS, CALL)        \
    X(CALL_METHOD_DESCRIPTOR_O, CALL)               \
    X(CALL_METHOD_DESCRIPTOR_NOARGS, CALL)          \
    X(CALL_METHOD_DESCRIPTOR_FAST, CALL)            \
    X(CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS, CALL) \
    X(CALL_LEN, CALL)                               \
    X(CALL_ISINSTANCE, CALL)                        \
    X(CALL_TYPE_1, CALL)                            \
    X(CALL_STR_1, CALL)                             \
    X(CALL_TUPLE_1, CALL)                           \
    X(CALL_BOOL_1, CALL)                            \
    X(CALL_BUILTIN_CLASS, CALL)                     \
    X(CALL_LIST_APPEND, CALL)                       \
    /* calls2 (session 7) */                        \
    X(CALL_ALLOC_AND_ENTER_INIT, CALL)              \
    X(CALL_KW_PY, CALL_KW)                          \
    X(CALL_KW_BOUND_METHOD, CALL_KW)                \
    X(CALL_KW_BUILTIN_FAST_WITH_KEYWORDS, CALL_KW)  \
    X(CALL_KW_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS, CALL_KW) \
    X(CALL_KW_BUILTIN_CLASS, CALL_KW)               \
    X(CALL_INT_1, CALL)                             \
    /* speedb (session 9) */                        \
    X(LOAD_ATTR_PROPERTY, LOAD_ATTR)                \
    /* speed (session 10) */                        \
    X(BINARY_OP_INT_WORD, BINARY_OP)               \
    X(BINARY_OP_CONCAT, BINARY_OP)                  \
    /* ftattr (session 12) */                       \
    X(LOAD_ATTR_INSTANCE_VALUE_POLY, LOAD_ATTR)     \
    X(LOAD_ATTR_METHOD_POLY, LOAD_ATTR)

#define _PY_OPCODE_ENUM(name) name,
#define _PY_SPEC_OPCODE_ENUM(name, base) name,
enum {
    _PY_OPCODES_NOARG(_PY_OPCODE_ENUM)
    _PY_OPCODE_NOARG_END,
    HAVE_ARGUMENT = _PY_OPCODE_NOARG_END,
    _PY_OPCODE_ARG_START = HAVE_ARGUMENT - 1,
    _PY_OPCODES_ARG(_PY_OPCODE_ENUM)
    _PY_OPCODE_REAL_END,
    _PY_OPCODE_SPECIALIZED_START = _PY_OPCODE_REAL_END - 1,
    _PY_OPCODES_SPECIALIZED(_PY_SPEC_OPCODE_ENUM)
    _PY_OPCODE_SPECIALIZED_END,
    MIN_PSEUDO_OPCODE = 256,
    _PY_OPCODE_PSEUDO_START = MIN_PSEUDO_OPCODE - 1,
    _PY_OPCODES_PSEUDO(_PY_OPCODE_ENUM)
    _PY_OPCODE_PSEUDO_END
};
#undef _PY_OPCODE_ENUM
#undef _PY_SPEC_OPCODE_ENUM

#define MAX_REAL_OPCODE (_PY_OPCODE_REAL_END - 1)
/* Specialized opcodes fit the opcode byte. */
_Static_assert(_PY_OPCODE_SPECIALIZED_END <= 256, "too many opcodes");
#define IS_SPECIALIZED_OPCODE(op) \
    ((op) > MAX_REAL_OPCODE && (op) < _PY_OPCODE_SPECIALIZED_END)
/* Each byte value's base opcode: itself for a real opcode, the base of a
   specialized one (0, CACHE, for unused values). */
PyAPI_DATA(const uint8_t) _PyOpcode_Deopt[256];
#define MAX_PSEUDO_OPCODE (_PY_OPCODE_PSEUDO_END - 1)

#define OPCODE_HAS_ARG(op) ((op) >= HAVE_ARGUMENT)
#define IS_PSEUDO_OPCODE(op) ((op) >= MIN_PSEUDO_OPCODE && (op) <= MAX_PSEUDO_OPCODE)
#define IS_VALID_OPCODE(op) \
    (((op) >= 0 && (op) <= MAX_REAL_OPCODE) || IS_PSEUDO_OPCODE(op))

/* Real jumps with a relative forward or backward oparg. */
#define IS_BACKWARD_JUMP_OPCODE(op) \
    ((op) == JUMP_BACKWARD || (op) == JUMP_BACKWARD_NO_INTERRUPT)
#define IS_CONDITIONAL_JUMP_OPCODE(op)                               \
    ((op) == POP_JUMP_IF_FALSE || (op) == POP_JUMP_IF_TRUE ||        \
     (op) == POP_JUMP_IF_NONE || (op) == POP_JUMP_IF_NOT_NONE ||     \
     (op) == JUMP_IF_FALSE || (op) == JUMP_IF_TRUE)
#define IS_UNCONDITIONAL_JUMP_OPCODE(op)                             \
    ((op) == JUMP || (op) == JUMP_NO_INTERRUPT ||                    \
     (op) == JUMP_FORWARD || IS_BACKWARD_JUMP_OPCODE(op))
#define IS_BLOCK_PUSH_OPCODE(op) \
    ((op) == SETUP_FINALLY || (op) == SETUP_CLEANUP || (op) == SETUP_WITH)
/* Anything whose oparg names a jump target (in the compiler: a block). */
#define OPCODE_HAS_JUMP(op)                                          \
    (IS_CONDITIONAL_JUMP_OPCODE(op) || IS_UNCONDITIONAL_JUMP_OPCODE(op) || \
     (op) == FOR_ITER || (op) == SEND || IS_BLOCK_PUSH_OPCODE(op))
/* Control never falls through to the next instruction. */
#define IS_SCOPE_EXIT_OPCODE(op)                                     \
    ((op) == RETURN_VALUE || (op) == RAISE_VARARGS || (op) == RERAISE)
#define IS_TERMINATOR_OPCODE(op) \
    (IS_UNCONDITIONAL_JUMP_OPCODE(op) || IS_SCOPE_EXIT_OPCODE(op))

/* Oparg operand kinds, for disassemblers. */
#define OPCODE_HAS_CONST(op) ((op) == LOAD_CONST)
#define OPCODE_HAS_NAME(op)                                          \
    ((op) == LOAD_NAME || (op) == STORE_NAME || (op) == DELETE_NAME || \
     (op) == LOAD_GLOBAL || (op) == STORE_GLOBAL || (op) == DELETE_GLOBAL || \
     (op) == LOAD_ATTR || (op) == STORE_ATTR || (op) == DELETE_ATTR || \
     (op) == IMPORT_NAME || (op) == IMPORT_FROM ||                   \
     (op) == LOAD_SUPER_ATTR || (op) == LOAD_FROM_DICT_OR_GLOBALS)
#define OPCODE_HAS_LOCAL(op)                                         \
    ((op) == LOAD_FAST || (op) == LOAD_FAST_CHECK ||                 \
     (op) == LOAD_FAST_AND_CLEAR || (op) == LOAD_FAST_BORROW ||      \
     (op) == STORE_FAST || (op) == DELETE_FAST ||                    \
     (op) == STORE_FAST_MAYBE_NULL)
#define OPCODE_HAS_FREE(op)                                          \
    ((op) == LOAD_DEREF || (op) == STORE_DEREF || (op) == DELETE_DEREF || \
     (op) == MAKE_CELL || (op) == LOAD_FROM_DICT_OR_DEREF ||         \
     (op) == LOAD_CLOSURE)

/* "LOAD_CONST" etc.; NULL for numbers that are no opcode. */
PyAPI_DATA(const char *const) _PyOpcode_OpName[_PY_OPCODE_PSEUDO_END];
static inline const char *
_PyOpcode_Name(int op)
{
    if (op < 0 || op >= _PY_OPCODE_PSEUDO_END) {
        return NULL;
    }
    return _PyOpcode_OpName[op];
}
/* The opcode called `name`, or -1. */
PyAPI_FUNC(int) _PyOpcode_FromName(const char *name);

/* Net stack effect of one execution of (opcode, oparg); `jump` selects the
   effect when the jump is taken (1), not taken (0), or the larger of the
   two (-1).  Returns PY_INVALID_STACK_EFFECT for an unknown opcode. */
#define PY_INVALID_STACK_EFFECT INT32_MAX
PyAPI_FUNC(int) _PyOpcode_StackEffect(int opcode, int oparg, int jump);
/* Items popped and pushed (before jumping); -1 if unknown. */
PyAPI_FUNC(int) _PyOpcode_NumPopped(int opcode, int oparg);
PyAPI_FUNC(int) _PyOpcode_NumPushed(int opcode, int oparg);

/* ---- oparg meanings --------------------------------------------------- */

/* BINARY_OP: the operator (also the in-place forms and subscription). */
#define NB_ADD                       0
#define NB_AND                       1
#define NB_FLOOR_DIVIDE              2
#define NB_LSHIFT                    3
#define NB_MATRIX_MULTIPLY           4
#define NB_MULTIPLY                  5
#define NB_REMAINDER                 6
#define NB_OR                        7
#define NB_POWER                     8
#define NB_RSHIFT                    9
#define NB_SUBTRACT                 10
#define NB_TRUE_DIVIDE              11
#define NB_XOR                      12
#define NB_INPLACE_ADD              13
#define NB_INPLACE_AND              14
#define NB_INPLACE_FLOOR_DIVIDE     15
#define NB_INPLACE_LSHIFT           16
#define NB_INPLACE_MATRIX_MULTIPLY  17
#define NB_INPLACE_MULTIPLY         18
#define NB_INPLACE_REMAINDER        19
#define NB_INPLACE_OR               20
#define NB_INPLACE_POWER            21
#define NB_INPLACE_RSHIFT           22
#define NB_INPLACE_SUBTRACT         23
#define NB_INPLACE_TRUE_DIVIDE      24
#define NB_INPLACE_XOR              25
#define NB_SUBSCR                   26
#define NB_OPARG_LAST               26
/* The operator's text ("+", "+=", "[]"), for dis. */
PyAPI_DATA(const char *const) _PyOpcode_BinaryOpSymbol[NB_OPARG_LAST + 1];

/* COMPARE_OP: the rich comparison (Py_LT ... Py_GE) is oparg >> 5; bit
   COMPARE_TO_BOOL (16) asks for the result coerced to bool. */
#define COMPARE_OPARG(cmp, to_bool) (((cmp) << 5) | ((to_bool) ? 16 : 0))
#define COMPARE_TO_BOOL 16
/* IS_OP and CONTAINS_OP: oparg 1 inverts ("is not", "not in"). */

/* LOAD_GLOBAL: name index is oparg >> 1; bit 0 also pushes NULL.
   LOAD_ATTR: name index is oparg >> 1; bit 0 is a method load that
   pushes two items: [unbound method, self] or [attr, NULL].
   LOAD_SUPER_ATTR: name index is oparg >> 2; bit 0 method load, bit 1
   two-argument super(). */
#define LOAD_SUPER_ATTR_METHOD  1
#define LOAD_SUPER_ATTR_TWO_ARG 2

/* SET_FUNCTION_ATTRIBUTE flags (the attribute set on the function). */
#define MAKE_FUNCTION_DEFAULTS    0x01
#define MAKE_FUNCTION_KWDEFAULTS  0x02
#define MAKE_FUNCTION_ANNOTATIONS 0x04
#define MAKE_FUNCTION_CLOSURE     0x08
#define MAKE_FUNCTION_ANNOTATE    0x10

/* CONVERT_VALUE opargs (FVC_NONE is never emitted). */
#define FVC_NONE  0
#define FVC_STR   1
#define FVC_REPR  2
#define FVC_ASCII 3
/* BUILD_INTERPOLATION: bit 0 a format spec is on the stack; the
   conversion (FVC_*) is oparg >> 2. */

/* CALL_INTRINSIC_1 functions. */
#define INTRINSIC_1_INVALID            0
#define INTRINSIC_PRINT                1
#define INTRINSIC_IMPORT_STAR          2
#define INTRINSIC_STOPITERATION_ERROR  3
#define INTRINSIC_ASYNC_GEN_WRAP       4
#define INTRINSIC_UNARY_POSITIVE       5
#define INTRINSIC_LIST_TO_TUPLE        6
#define INTRINSIC_TYPEVAR              7
#define INTRINSIC_PARAMSPEC            8
#define INTRINSIC_TYPEVARTUPLE         9
#define INTRINSIC_SUBSCRIPT_GENERIC   10
#define INTRINSIC_TYPEALIAS           11
#define MAX_INTRINSIC_1               11
/* CALL_INTRINSIC_2 functions. */
#define INTRINSIC_2_INVALID                0
#define INTRINSIC_PREP_RERAISE_STAR        1
#define INTRINSIC_TYPEVAR_WITH_BOUND       2
#define INTRINSIC_TYPEVAR_WITH_CONSTRAINTS 3
#define INTRINSIC_SET_FUNCTION_TYPE_PARAMS 4
#define INTRINSIC_SET_TYPEPARAM_DEFAULT    5
#define MAX_INTRINSIC_2                    5

/* LOAD_COMMON_CONSTANT opargs. */
#define CONSTANT_ASSERTIONERROR       0
#define CONSTANT_NOTIMPLEMENTEDERROR  1
#define CONSTANT_BUILTIN_TUPLE        2
#define CONSTANT_BUILTIN_ALL          3
#define CONSTANT_BUILTIN_ANY          4
#define NUM_COMMON_CONSTANTS          5

/* LOAD_SPECIAL opargs: pushes [method, self_or_null]. */
#define SPECIAL___ENTER__   0
#define SPECIAL___EXIT__    1
#define SPECIAL___AENTER__  2
#define SPECIAL___AEXIT__   3
#define SPECIAL_MAX         3

/* RESUME opargs (low two bits: where execution resumes); bit 2 is set
   when the exception depth is 1 (resume inside a try block); the VM may
   ignore it. */
#define RESUME_AT_FUNC_START   0
#define RESUME_AFTER_YIELD     1
#define RESUME_AFTER_YIELD_FROM 2
#define RESUME_AFTER_AWAIT     3
#define RESUME_OPARG_LOCATION_MASK 0x3
#define RESUME_OPARG_DEPTH1_MASK   0x4

/* GET_AWAITABLE opargs: where the awaitable came from (for messages). */
#define GET_AWAITABLE_PLAIN   0
#define GET_AWAITABLE_AENTER  1
#define GET_AWAITABLE_AEXIT   2

/* RAISE_VARARGS: 0 re-raise, 1 `raise exc`, 2 `raise exc from cause`.
   RERAISE: a nonzero oparg sets f_lasti from the value under the
   exception (pushed by a handler with the `lasti` flag).
   MAKE_CELL, LOAD_DEREF, STORE_DEREF, DELETE_DEREF, LOAD_FROM_DICT_OR_DEREF
   index the "fast locals plus" (co_localsplusnames), like LOAD_FAST.
   COPY_FREE_VARS n copies the function's closure into the last n slots.
   UNPACK_EX: low byte = names before the star, high byte = names after.
   BUILD_SLICE: 2 or 3 items.  SWAP n / COPY n: 1-based from the top. */

#endif /* Py_INTERNAL_OPCODE_H */
