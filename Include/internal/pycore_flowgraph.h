/* The compiler's control-flow graph (Python/flowgraph.c) and the
   assembler that turns it into a code object (Python/assemble.c).

   Code generation appends instructions to basic blocks; jumps name their
   target block.  Pseudo-instructions (SETUP_*, POP_BLOCK, JUMP, ...) are
   resolved here.  All of it is private to the compiling thread. */
#ifndef Py_INTERNAL_FLOWGRAPH_H
#define Py_INTERNAL_FLOWGRAPH_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "pycore_opcode.h"

typedef struct {
    int lineno, end_lineno, col_offset, end_col_offset;
} _Py_SourceLocation;

#define NO_LOCATION ((_Py_SourceLocation){ -1, -1, -1, -1 })

typedef struct _PyCfgBasicblock basicblock;

typedef struct {
    int i_opcode;
    int i_oparg;
    _Py_SourceLocation i_loc;
    basicblock *i_target;       /* jump target, for jumps and SETUP_* */
    basicblock *i_except;       /* handler covering this instruction */
} cfg_instr;

struct _PyCfgBasicblock {
    basicblock *b_list;         /* every block, for freeing */
    basicblock *b_next;         /* layout order */
    cfg_instr *b_instr;
    int b_iused, b_ialloc;
    int b_startdepth;           /* -1 until reached */
    int b_offset;               /* code units, set by the assembler */
    int b_label;
    unsigned b_visited : 1;
    unsigned b_except_handler : 1;
    unsigned b_preserve_lasti : 1;
    unsigned b_reachable : 1;
};

typedef struct {
    basicblock *g_block_list;
    basicblock *g_entryblock;
    basicblock *g_curblock;
    int g_nblocks;
} cfg_builder;

int _PyCfg_Init(cfg_builder *g);
void _PyCfg_Fini(cfg_builder *g);
basicblock *_PyCfg_NewBlock(cfg_builder *g);
/* Make `b` the current block, linked after the current one. */
void _PyCfg_UseBlock(cfg_builder *g, basicblock *b);
int _PyCfg_Addop(cfg_builder *g, int opcode, int oparg, basicblock *target,
                 _Py_SourceLocation loc);
/* The last instruction of a block, or NULL. */
cfg_instr *_PyCfg_LastInstr(basicblock *b);

/* Resolve handlers, drop unreachable code and pseudo-instructions, mark
   reads of locals that may be unbound (the first `nparams` locals are
   bound on entry), and compute the maximum stack depth; -1 with an
   exception on error. */
int _PyCfg_Optimize(cfg_builder *g, int nparams, int *stacksize);
/* LOAD_FAST -> LOAD_FAST_BORROW where the VM may borrow the local's
   reference (Python/flowgraph_borrow.c); -1 with an exception. */
int _PyCfg_BorrowFastLoads(cfg_builder *g);

/* What the assembler needs besides the graph. */
typedef struct {
    PyObject *name, *qualname, *filename;
    PyObject *consts;           /* list */
    PyObject *names;            /* list of str */
    PyObject *localsplusnames;  /* tuple */
    PyObject *localspluskinds;  /* bytes */
    int flags, argcount, posonlyargcount, kwonlyargcount;
    int firstlineno;
    int stacksize;
} _PyAssembleInfo;

PyObject *_PyAssemble_MakeCode(cfg_builder *g, _PyAssembleInfo *info);

#endif /* Py_INTERNAL_FLOWGRAPH_H */
