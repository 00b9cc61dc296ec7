/* Opcode names and stack effects (Include/internal/pycore_opcode.h).
   Constant tables and pure functions: safe from any thread. */
#include "Python.h"
#include "pycore_opcode.h"

#define NAME_ENTRY(name) [name] = #name,
const char *const _PyOpcode_OpName[_PY_OPCODE_PSEUDO_END] = {
    _PY_OPCODES_NOARG(NAME_ENTRY)
    _PY_OPCODES_ARG(NAME_ENTRY)
    _PY_OPCODES_PSEUDO(NAME_ENTRY)
};
#undef NAME_ENTRY

#define DEOPT_REAL(name) [name] = name,
#define DEOPT_SPECIALIZED(name, base) [name] = base,
const uint8_t _PyOpcode_Deopt[256] = {
    _PY_OPCODES_NOARG(DEOPT_REAL)
    _PY_OPCODES_ARG(DEOPT_REAL)
    _PY_OPCODES_SPECIALIZED(DEOPT_SPECIALIZED)
};
#undef DEOPT_REAL
#undef DEOPT_SPECIALIZED

/* A specialized opcode has its base's stack picture (frame analysis in
   Objects/frameobject.c reads co_code_adaptive). */
static inline int
base_opcode(int opcode)
{
    return IS_SPECIALIZED_OPCODE(opcode) ? _PyOpcode_Deopt[opcode] : opcode;
}

const char *const _PyOpcode_BinaryOpSymbol[NB_OPARG_LAST + 1] = {
    [NB_ADD] = "+", [NB_AND] = "&", [NB_FLOOR_DIVIDE] = "//",
    [NB_LSHIFT] = "<<", [NB_MATRIX_MULTIPLY] = "@", [NB_MULTIPLY] = "*",
    [NB_REMAINDER] = "%", [NB_OR] = "|", [NB_POWER] = "**",
    [NB_RSHIFT] = ">>", [NB_SUBTRACT] = "-", [NB_TRUE_DIVIDE] = "/",
    [NB_XOR] = "^", [NB_INPLACE_ADD] = "+=", [NB_INPLACE_AND] = "&=",
    [NB_INPLACE_FLOOR_DIVIDE] = "//=", [NB_INPLACE_LSHIFT] = "<<=",
    [NB_INPLACE_MATRIX_MULTIPLY] = "@=", [NB_INPLACE_MULTIPLY] = "*=",
    [NB_INPLACE_REMAINDER] = "%=", [NB_INPLACE_OR] = "|=",
    [NB_INPLACE_POWER] = "**=", [NB_INPLACE_RSHIFT] = ">>=",
    [NB_INPLACE_SUBTRACT] = "-=", [NB_INPLACE_TRUE_DIVIDE] = "/=",
    [NB_INPLACE_XOR] = "^=", [NB_SUBSCR] = "[]",
};

int
_PyOpcode_FromName(const char *name)
{
    for (int op = 0; op < _PY_OPCODE_PSEUDO_END; op++) {
        if (_PyOpcode_OpName[op] != NULL &&
            strcmp(_PyOpcode_OpName[op], name) == 0) {
            return op;
        }
    }
    return -1;
}

/* Items an instruction pops; -1 if unknown.  Mirrors the stack pictures
   of the 3.14 dis documentation. */
int
_PyOpcode_NumPopped(int opcode, int oparg)
{
    switch (base_opcode(opcode)) {
    case CACHE: case RESERVED: case NOP: case NOT_TAKEN: case RESUME:
    case EXTENDED_ARG: case JUMP_FORWARD: case JUMP_BACKWARD:
    case JUMP_BACKWARD_NO_INTERRUPT: case JUMP: case JUMP_NO_INTERRUPT:
    case LOAD_CONST: case LOAD_SMALL_INT: case LOAD_NAME: case LOAD_GLOBAL:
    case LOAD_FAST: case LOAD_FAST_CHECK: case LOAD_FAST_AND_CLEAR:
    case LOAD_FAST_BORROW: case LOAD_FAST_LOAD_FAST:
    case LOAD_FAST_BORROW_LOAD_FAST_BORROW: case LOAD_DEREF:
    case LOAD_CLOSURE: case LOAD_COMMON_CONSTANT: case LOAD_BUILD_CLASS:
    case LOAD_LOCALS: case PUSH_NULL: case DELETE_NAME: case DELETE_GLOBAL:
    case DELETE_FAST: case DELETE_DEREF: case MAKE_CELL:
    case COPY_FREE_VARS: case SETUP_ANNOTATIONS: case RETURN_GENERATOR:
    case POP_BLOCK: case SETUP_FINALLY: case SETUP_CLEANUP: case SETUP_WITH:
    case ANNOTATIONS_PLACEHOLDER:
        return 0;
    case POP_TOP: case END_FOR: case POP_ITER: case RETURN_VALUE:
    case STORE_NAME: case STORE_GLOBAL: case STORE_FAST: case STORE_DEREF:
    case STORE_FAST_MAYBE_NULL: case DELETE_ATTR: case UNARY_INVERT:
    case UNARY_NEGATIVE: case UNARY_NOT: case TO_BOOL: case GET_ITER:
    case GET_YIELD_FROM_ITER: case GET_AITER: case GET_ANEXT:
    case GET_AWAITABLE: case GET_LEN: case LOAD_ATTR: case LOAD_SPECIAL:
    case POP_EXCEPT: case PUSH_EXC_INFO: case YIELD_VALUE:
    case POP_JUMP_IF_FALSE: case POP_JUMP_IF_TRUE: case POP_JUMP_IF_NONE:
    case POP_JUMP_IF_NOT_NONE: case JUMP_IF_FALSE: case JUMP_IF_TRUE:
    case FOR_ITER: case FORMAT_SIMPLE: case CONVERT_VALUE:
    case CALL_INTRINSIC_1: case MAKE_FUNCTION: case UNPACK_SEQUENCE:
    case UNPACK_EX: case IMPORT_FROM: case LOAD_FROM_DICT_OR_DEREF:
    case LOAD_FROM_DICT_OR_GLOBALS: case MATCH_MAPPING: case MATCH_SEQUENCE:
    case EXIT_INIT_CHECK: case STORE_FAST_LOAD_FAST: case INTERPRETER_EXIT:
        return 1;
    case BINARY_OP: case COMPARE_OP: case IS_OP: case CONTAINS_OP:
    case STORE_ATTR: case DELETE_SUBSCR: case END_SEND: case SEND:
    case CHECK_EXC_MATCH: case CHECK_EG_MATCH: case FORMAT_WITH_SPEC:
    case CALL_INTRINSIC_2: case SET_FUNCTION_ATTRIBUTE: case IMPORT_NAME:
    case END_ASYNC_FOR: case BUILD_TEMPLATE: case MATCH_KEYS:
    case STORE_FAST_STORE_FAST:
        return 2;
    case BINARY_SLICE: case STORE_SUBSCR: case LOAD_SUPER_ATTR:
    case MATCH_CLASS: case CLEANUP_THROW:
        return 3;
    case STORE_SLICE:
        return 4;
    case CALL_FUNCTION_EX:
        return 4;
    case WITH_EXCEPT_START:
        return 5;
    case COPY:
        return oparg;
    case SWAP:
        return oparg;
    case RERAISE:
        return oparg + 1;
    case BUILD_TUPLE: case BUILD_LIST: case BUILD_SET: case BUILD_STRING:
    case BUILD_SLICE:
        return oparg;
    case BUILD_MAP:
        return 2 * oparg;
    case BUILD_INTERPOLATION:
        return 2 + (oparg & 1);
    case LIST_APPEND: case SET_ADD: case LIST_EXTEND: case SET_UPDATE:
    case DICT_UPDATE:
        return oparg + 1;
    case DICT_MERGE:
        return oparg + 1;
    case MAP_ADD:
        return oparg + 2;
    case RAISE_VARARGS:
        return oparg;
    case CALL:
        return 2 + oparg;
    case CALL_KW:
        return 3 + oparg;
    default:
        return -1;
    }
}

/* Items pushed when the instruction falls through; -1 if unknown. */
int
_PyOpcode_NumPushed(int opcode, int oparg)
{
    switch (base_opcode(opcode)) {
    case CACHE: case RESERVED: case NOP: case NOT_TAKEN: case RESUME:
    case EXTENDED_ARG: case JUMP_FORWARD: case JUMP_BACKWARD:
    case JUMP_BACKWARD_NO_INTERRUPT: case JUMP: case JUMP_NO_INTERRUPT:
    case DELETE_NAME: case DELETE_GLOBAL: case DELETE_FAST:
    case DELETE_DEREF: case MAKE_CELL: case COPY_FREE_VARS:
    case SETUP_ANNOTATIONS: case POP_BLOCK: case SETUP_FINALLY:
    case SETUP_CLEANUP: case SETUP_WITH: case ANNOTATIONS_PLACEHOLDER:
    case POP_TOP: case END_FOR: case POP_ITER: case RETURN_VALUE:
    case STORE_NAME: case STORE_GLOBAL: case STORE_FAST: case STORE_DEREF:
    case STORE_FAST_MAYBE_NULL: case DELETE_ATTR: case POP_EXCEPT:
    case POP_JUMP_IF_FALSE: case POP_JUMP_IF_TRUE: case POP_JUMP_IF_NONE:
    case POP_JUMP_IF_NOT_NONE: case STORE_ATTR: case DELETE_SUBSCR:
    case END_ASYNC_FOR: case STORE_FAST_STORE_FAST: case STORE_SUBSCR:
    case STORE_SLICE: case RAISE_VARARGS: case EXIT_INIT_CHECK:
    case INTERPRETER_EXIT:
        return 0;
    case LOAD_CONST: case LOAD_SMALL_INT: case LOAD_NAME: case LOAD_FAST:
    case LOAD_FAST_CHECK: case LOAD_FAST_AND_CLEAR: case LOAD_FAST_BORROW:
    case LOAD_DEREF: case LOAD_CLOSURE: case LOAD_COMMON_CONSTANT:
    case LOAD_BUILD_CLASS: case LOAD_LOCALS: case PUSH_NULL:
    case RETURN_GENERATOR: case UNARY_INVERT: case UNARY_NEGATIVE:
    case UNARY_NOT: case TO_BOOL: case GET_ITER: case GET_YIELD_FROM_ITER:
    case GET_AITER: case GET_AWAITABLE: case YIELD_VALUE:
    case JUMP_IF_FALSE: case JUMP_IF_TRUE: case FORMAT_SIMPLE:
    case CONVERT_VALUE: case CALL_INTRINSIC_1: case MAKE_FUNCTION:
    case LOAD_FROM_DICT_OR_DEREF: case LOAD_FROM_DICT_OR_GLOBALS:
    case STORE_FAST_LOAD_FAST: case BINARY_OP: case COMPARE_OP: case IS_OP:
    case CONTAINS_OP: case END_SEND: case FORMAT_WITH_SPEC:
    case CALL_INTRINSIC_2: case SET_FUNCTION_ATTRIBUTE: case IMPORT_NAME:
    case BUILD_TEMPLATE: case BINARY_SLICE: case MATCH_CLASS:
    case CALL_FUNCTION_EX: case BUILD_TUPLE: case BUILD_LIST:
    case BUILD_SET: case BUILD_STRING: case BUILD_SLICE: case BUILD_MAP:
    case BUILD_INTERPOLATION: case CALL: case CALL_KW:
        return 1;
    case LOAD_GLOBAL:
        return 1 + (oparg & 1);
    case LOAD_ATTR:
        return 1 + (oparg & 1);
    case LOAD_SUPER_ATTR:
        return 1 + (oparg & 1);
    case LOAD_FAST_LOAD_FAST: case LOAD_FAST_BORROW_LOAD_FAST_BORROW:
    case LOAD_SPECIAL: case GET_ANEXT: case GET_LEN: case PUSH_EXC_INFO:
    case FOR_ITER: case IMPORT_FROM: case MATCH_MAPPING:
    case MATCH_SEQUENCE: case SEND: case CHECK_EXC_MATCH:
    case CHECK_EG_MATCH: case CLEANUP_THROW:
        return 2;
    case MATCH_KEYS:
        return 3;
    case WITH_EXCEPT_START:
        return 6;
    case UNPACK_SEQUENCE:
        return oparg;
    case UNPACK_EX:
        return (oparg & 0xFF) + (oparg >> 8) + 1;
    case COPY:
        return oparg + 1;
    case SWAP:
        return oparg;
    case RERAISE:
        return oparg;
    case LIST_APPEND: case SET_ADD: case LIST_EXTEND: case SET_UPDATE:
    case DICT_UPDATE: case DICT_MERGE: case MAP_ADD:
        return oparg;
    default:
        return -1;
    }
}

int
_PyOpcode_StackEffect(int opcode, int oparg, int jump)
{
    int popped = _PyOpcode_NumPopped(opcode, oparg);
    int pushed = _PyOpcode_NumPushed(opcode, oparg);
    if (popped < 0 || pushed < 0) {
        return PY_INVALID_STACK_EFFECT;
    }
    int fall = pushed - popped;
    int taken = fall;
    switch (opcode) {
    case SETUP_FINALLY: case SETUP_WITH:
        taken = 1;          /* the exception (with: [exit, self, lasti]) */
        break;
    case SETUP_CLEANUP:
        taken = 2;          /* lasti and the exception */
        break;
    case JUMP_IF_FALSE: case JUMP_IF_TRUE:
        taken = 0;
        break;
    default:
        break;
    }
    if (jump > 0) {
        return taken;
    }
    if (jump == 0) {
        return fall;
    }
    return fall > taken ? fall : taken;
}
