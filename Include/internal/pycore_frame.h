/* Interpreter frames: the activation record of one Python call.

   Frames live in a per-thread data stack (chunks of memory linked from
   the thread state), so a Python-to-Python call allocates nothing: the
   caller's frame is followed in memory by the callee's.  A frame holds
   its code, function, globals and builtins, then `localsplus`: the fast
   locals, cells and free variables (co_nlocalsplus slots) followed by
   the value stack (co_stacksize slots).

   A generator's frame lives inside the generator object instead, and a
   frame that outlives its call (referenced from a frame object, e.g. by a
   traceback) is copied into its PyFrameObject when popped.

   Thread safety: a frame belongs to the thread running it; other threads
   see only frame objects whose frames are no longer executing. */
#ifndef Py_INTERNAL_FRAME_H
#define Py_INTERNAL_FRAME_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "pycore_code.h"

struct _frame;
typedef struct _frame PyFrameObject;

/* Who owns the frame's memory. */
enum _frameowner {
    FRAME_OWNED_BY_THREAD = 0,      /* the thread's data stack */
    FRAME_OWNED_BY_GENERATOR = 1,   /* a generator/coroutine object */
    FRAME_OWNED_BY_FRAME_OBJECT = 2 /* a PyFrameObject, after the call */
};

typedef struct _PyInterpreterFrame {
    PyObject *f_executable;         /* PyCodeObject, strong */
    struct _PyInterpreterFrame *previous;
    PyObject *f_funcobj;            /* the function, strong (None for
                                       module and class bodies) */
    PyObject *f_globals;            /* borrowed from the function */
    PyObject *f_builtins;           /* borrowed from the function */
    PyObject *f_locals;             /* strong; NULL for optimized frames */
    PyFrameObject *frame_obj;       /* strong, or NULL */
    _Py_CODEUNIT *instr_ptr;        /* the instruction executing or next */
    int stacktop;                   /* localsplus index of the stack top */
    char owner;                     /* enum _frameowner */
    char is_entry;                  /* the VM returns to C after it */
    char yielded;                   /* the last exit was YIELD_VALUE */
    char is_init;                   /* calls2: an __init__ entered by
                                       CALL_ALLOC_AND_ENTER_INIT; its
                                       return value must be None and the
                                       caller's stack already holds the
                                       instance, the call's result;
                                       _PY_FRAME_RETURNS_TO_OPERATOR:
                                       ftsingle, an operator dunder
                                       entered by BINARY_OP_PY_DUNDER /
                                       COMPARE_OP_PY_DUNDER, whose result
                                       completes the caller's operator */
    PyObject *localsplus[1];
} _PyInterpreterFrame;

/* is_init values besides 0 (a plain return) and 1 (__init__). */
#define _PY_FRAME_RETURNS_TO_OPERATOR 2

static inline PyCodeObject *_PyFrame_GetCode(_PyInterpreterFrame *f)
{
    return (PyCodeObject *)f->f_executable;
}

/* Slots a frame for `code` needs (header included). */
static inline int _PyFrame_NumSlotsForCode(PyCodeObject *code)
{
    return (int)((sizeof(_PyInterpreterFrame) - sizeof(PyObject *))
                 / sizeof(PyObject *))
           + code->co_nlocalsplus + code->co_stacksize;
}

static inline PyObject **_PyFrame_Stackbase(_PyInterpreterFrame *f)
{
    return f->localsplus + _PyFrame_GetCode(f)->co_nlocalsplus;
}

/* Index of the current instruction in code units. */
static inline int _PyInterpreterFrame_LASTI(_PyInterpreterFrame *f)
{
    return (int)(f->instr_ptr - _PyCode_CODE(_PyFrame_GetCode(f)));
}

/* A chunk of the per-thread data stack. */
typedef struct _PyStackChunk {
    struct _PyStackChunk *previous;
    size_t size;                    /* bytes, header included */
    size_t top;                     /* saved datastack_top, in slots */
    PyObject *data[1];
} _PyStackChunk;

/* Push a frame for func (a new reference consumed) and its code on the
   thread's data stack; localsplus are NULL and must be filled by the
   caller.  NULL with MemoryError when the stack cannot grow. */
_PyInterpreterFrame *_PyFrame_PushUnchecked(PyThreadState *tstate,
                                            PyObject *func, PyObject *code,
                                            PyObject *globals,
                                            PyObject *builtins,
                                            PyObject *locals);
/* Release a frame's references (locals, stack, function, code) and,
   when it lives on the data stack, pop it.  A frame object still
   referring to it takes a copy first. */
void _PyFrame_ClearAndPop(PyThreadState *tstate, _PyInterpreterFrame *frame);
/* Release the references held by a frame's slots and header without
   touching its memory (generators, frame objects). */
void _PyFrame_ClearExceptCode(_PyInterpreterFrame *frame);
/* Copy a frame header and its live slots to dest (references move). */
void _PyFrame_Copy(_PyInterpreterFrame *src, _PyInterpreterFrame *dest);
/* Make every QSBR-borrowed local of tstate's frames owned
   (pycore_stackref.h); tstate is the calling thread's, before it passes a
   quiescent point. */
PyAPI_FUNC(void) _PyFrame_PromoteQsbrLocals(PyThreadState *tstate);
/* The frame object for a frame, created on first use (borrowed). */
PyFrameObject *_PyFrame_GetFrameObject(_PyInterpreterFrame *frame);
/* Free the thread's data-stack chunks (thread-state deletion). */
PyAPI_FUNC(void) _PyThreadState_FreeDataStack(PyThreadState *tstate);

/* The frame's locals as a dict (module/class bodies: f_locals itself;
   functions: a snapshot), a new reference. */
PyObject *_PyFrame_GetLocalsDict(_PyInterpreterFrame *frame);
/* The source line being executed, or -1. */
int _PyInterpreterFrame_GetLine(_PyInterpreterFrame *frame);

/* ---- frame objects (Objects/frameobject.c) ------------------------------ */

struct _frame {
    PyObject_HEAD
    _PyInterpreterFrame *f_frame;   /* the frame this object shows */
    PyFrameObject *f_back;          /* set once the frame is gone */
    PyObject *f_trace;
    PyObject *f_extra_locals;       /* PEP 667: names set that are not fast */
    PyObject *f_locals_cache;
    /* Values f_locals replaced in fast locals while the frame could still
       run: a list (or NULL) keeping them alive, since a borrowed stack
       slot may still name one (pycore_stackref.h).  Set in f's critical
       section, read by the VM with a relaxed atomic load. */
    PyObject *f_overwritten;
    int f_lineno;                   /* line when tracing sets it, else 0 */
    char f_trace_lines;
    char f_trace_opcodes;
    /* Room for the frame when it outlives its call (owner
       FRAME_OWNED_BY_FRAME_OBJECT); sized for the code at creation. */
    PyObject *_f_frame_data[1];
};

PyAPI_DATA(PyTypeObject) PyFrame_Type;
PyAPI_DATA(PyTypeObject) PyFrameLocalsProxy_Type;
#define PyFrame_Check(op) Py_IS_TYPE((op), &PyFrame_Type)

/* A frame object for `frame`, not yet linked to it. */
PyFrameObject *_PyFrame_NewForInterpreterFrame(_PyInterpreterFrame *frame);
/* Release the values f_locals replaced while f's frame could run
   (f_overwritten); the VM calls it where its frame holds no borrowed
   stack slot. */
void _PyFrame_ReleaseOverwritten(PyFrameObject *f);
/* Called when `frame` is popped while its frame object lives on. */
void _PyFrame_TakeOwnership(PyFrameObject *f, _PyInterpreterFrame *frame);
PyAPI_FUNC(int) PyFrame_GetLineNumber(PyFrameObject *f);
PyAPI_FUNC(PyObject *) PyFrame_GetCode(PyFrameObject *f);
PyAPI_FUNC(PyFrameObject *) PyFrame_GetBack(PyFrameObject *f);
PyAPI_FUNC(PyObject *) PyFrame_GetLocals(PyFrameObject *f);
PyAPI_FUNC(PyObject *) PyFrame_GetGlobals(PyFrameObject *f);
PyAPI_FUNC(PyObject *) PyFrame_GetBuiltins(PyFrameObject *f);

/* ---- tracebacks (Python/traceback.c) -------------------------------- */

typedef struct _traceback {
    PyObject_HEAD
    struct _traceback *tb_next;
    PyFrameObject *tb_frame;
    int tb_lasti;                   /* byte offset */
    int tb_lineno;                  /* -1 until computed */
} PyTracebackObject;

PyAPI_DATA(PyTypeObject) PyTraceBack_Type;
#define PyTraceBack_Check(op) Py_IS_TYPE((op), &PyTraceBack_Type)
PyAPI_FUNC(int) PyTraceBack_Here(PyFrameObject *f);
PyAPI_FUNC(int) PyTraceBack_Print(PyObject *tb, PyObject *file);

#endif /* Py_INTERNAL_FRAME_H */
