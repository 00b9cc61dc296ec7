/* What the three parts of the _sre module share.

   The regular expression package (Lib/re) parses a pattern in Python and
   compiles it to a flat program of 32-bit words; the opcode numbers below
   are mirrored in Lib/re/_constants.py and must stay in step with it.
   sre_compile.c checks a program before it is ever run (so a bad program is
   a ValueError, never a wild jump), sre_engine.c runs it against a subject,
   sre.c is the module with the Pattern, Match and Scanner types.

   A program is immutable once built, so one Pattern is shared by any number
   of threads; every piece of mutable matching state lives in an SreState
   owned by the one thread that runs the match. */
#ifndef WEFT_SRE_H
#define WEFT_SRE_H

#include "Python.h"
#include <stdint.h>

typedef uint32_t SreCode;

/* Opcodes.  Operands follow the opcode word; "target" operands are
   absolute indices into the program. */
enum {
    SRE_OP_FAILURE = 0,       /* backtrack */
    SRE_OP_SUCCESS = 1,       /* the whole pattern matched */
    SRE_OP_ANY = 2,           /* any character but \n */
    SRE_OP_ANY_ALL = 3,       /* any character */
    SRE_OP_LITERAL = 4,       /* c */
    SRE_OP_NOT_LITERAL = 5,   /* c */
    SRE_OP_LITERAL_I = 6,     /* folded-c casemode */
    SRE_OP_NOT_LITERAL_I = 7, /* folded-c casemode */
    SRE_OP_IN = 8,            /* next-pc set-items... SET_END */
    SRE_OP_IN_I = 9,          /* next-pc casemode set-items... SET_END */
    SRE_OP_AT = 10,           /* at-kind word-kind */
    SRE_OP_JUMP = 11,         /* target */
    SRE_OP_SPLIT = 12,        /* first second: try first, then second */
    SRE_OP_MARK = 13,         /* slot */
    SRE_OP_REPEAT_ONE = 14,   /* next-pc min max mode, one single-char op */
    SRE_OP_REPEAT_INIT = 15,  /* counter */
    SRE_OP_REPEAT_LOOP = 16,  /* counter min max mode body-pc exit-pc */
    SRE_OP_GROUPREF = 17,     /* group */
    SRE_OP_GROUPREF_I = 18,   /* group casemode */
    SRE_OP_GROUPREF_EXISTS = 19, /* group no-target */
    SRE_OP_ASSERT = 20,       /* kind width end-target, body..., ASSERT_END */
    SRE_OP_ASSERT_END = 21,
    SRE_OP_COUNT_
};

/* Items of a character set (after IN / IN_I). */
enum {
    SRE_SET_END = 0,
    SRE_SET_LITERAL = 1,   /* c (folded under IN_I) */
    SRE_SET_RANGE = 2,     /* lo hi */
    SRE_SET_CATEGORY = 3,  /* category */
    SRE_SET_NEGATE = 4,    /* only as the first item */
    SRE_SET_BITMAP = 5,    /* 8 words: bits for characters 0..255 */
};

/* Repeat modes. */
enum { SRE_GREEDY = 0, SRE_LAZY = 1, SRE_POSSESSIVE = 2 };

/* ASSERT kinds: look-arounds and atomic groups. */
enum {
    SRE_ASSERT_AHEAD = 0, SRE_ASSERT_NOT_AHEAD = 1,
    SRE_ASSERT_BEHIND = 2, SRE_ASSERT_NOT_BEHIND = 3,
    SRE_ASSERT_ATOMIC = 4,
};

/* AT kinds. */
enum {
    SRE_AT_BEGINNING = 0,        /* \A, ^ */
    SRE_AT_BEGINNING_LINE = 1,   /* ^ under MULTILINE */
    SRE_AT_END = 2,              /* $: end, or before a final \n */
    SRE_AT_END_LINE = 3,         /* $ under MULTILINE */
    SRE_AT_END_STRING = 4,       /* \Z, \z */
    SRE_AT_BOUNDARY = 5,         /* \b */
    SRE_AT_NON_BOUNDARY = 6,     /* \B */
};

/* How characters are classified and case-folded: word-kind and casemode
   operands take one of these. */
enum { SRE_KIND_ASCII = 0, SRE_KIND_UNICODE = 1, SRE_KIND_LOCALE = 2 };

/* Categories: base + 8 * kind. */
enum {
    SRE_CAT_DIGIT = 0, SRE_CAT_NOT_DIGIT = 1,
    SRE_CAT_SPACE = 2, SRE_CAT_NOT_SPACE = 3,
    SRE_CAT_WORD = 4, SRE_CAT_NOT_WORD = 5,
};

#define SRE_MAXREPEAT 0xFFFFFFFFu
#define SRE_MAXGROUPS 0x3FFFFFFF

/* Run modes. */
enum { SRE_MODE_MATCH = 0, SRE_MODE_FULLMATCH = 1, SRE_MODE_SEARCH = 2 };
/* Or'ed into a mode: the match may not be empty at the starting position
   (finditer, sub and split after an empty match). */
#define SRE_MODE_MUST_ADVANCE 4

/* A checked program (see sre_compile.c). */
typedef struct {
    SreCode *code;
    Py_ssize_t length;
    Py_ssize_t ngroups;       /* capturing groups, not counting group 0 */
    Py_ssize_t ncounters;     /* REPEAT_INIT counters */
    int64_t prefix_char;      /* a character every match starts with, or -1 */
    int anchored;             /* every match starts at position 0 */
    /* Filled by _PySre_CheckProgram, read-only afterwards.  set_map_of[pc]
       is, for a set instruction (IN, IN_I) at pc, the index of its
       membership bitmap for the characters 0..255 in set_maps (8 words
       each), or -1 when membership depends on the locale of the moment. */
    int32_t *set_map_of;
    uint32_t *set_maps;
    /* The single-character instruction every match must begin with (pc of
       LITERAL, IN, ...), or -1: a search skips positions it rejects. */
    Py_ssize_t first_pc;
} SreProgram;

/* One backtracking entry; see sre_engine.c for the kinds. */
typedef struct {
    int kind;
    Py_ssize_t pc;
    Py_ssize_t pos;
    Py_ssize_t a;
    Py_ssize_t b;
} SreFrame;

/* All mutable state of one match attempt; owned by the matching thread. */
typedef struct {
    const SreProgram *prog;
    const void *data;         /* the subject: a snapshot that does not move */
    int charsize;             /* 1, 2 or 4 */
    Py_ssize_t end;           /* endpos: the subject ends here for matching */
    Py_ssize_t no_empty_at;   /* no empty match may start here (-1: none) */
    Py_ssize_t *marks;        /* 2 * (ngroups + 1) slots, -1 when unset */
    Py_ssize_t lastindex;
    Py_ssize_t *counters;     /* 2 * ncounters: count, last start */
    SreFrame *stack;
    Py_ssize_t stack_size;
    Py_ssize_t stack_top;
    unsigned long steps;      /* for periodic signal checks */
} SreState;

/* sre_compile.c: check code and fill prog; 0 or -1 with ValueError set.
   _PySre_FreeProgram frees what the check allocated (not prog->code). */
int _PySre_CheckProgram(SreProgram *prog);
void _PySre_FreeProgram(SreProgram *prog);

/* sre_engine.c.  StateInit allocates (MemoryError on failure), StateFini
   frees; the data must stay put and unchanged until StateFini. */
int _PySre_StateInit(SreState *st, const SreProgram *prog, const void *data,
                     int charsize, Py_ssize_t end);
void _PySre_StateFini(SreState *st);
/* 1 match (marks filled), 0 no match, -1 error set. */
int _PySre_Run(SreState *st, Py_ssize_t pos, int mode);
Py_UCS4 _PySre_Fold(Py_UCS4 ch, int casemode);
/* Whether ch is in a \\d \\s \\w category (see SRE_CAT_*). */
int _PySre_Category(Py_UCS4 ch, int category);
/* The membership bitmap of characters 0..255 of the set instruction
   (IN or IN_I) at code[pc]: 1 filled, 0 when it depends on the locale. */
int _PySre_SetLowMap(const SreCode *code, Py_ssize_t pc, uint32_t map[8]);

#endif
