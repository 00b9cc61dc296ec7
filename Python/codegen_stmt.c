/* Code generation for statements: assignments, control flow, exception
   handling (try, except*, with), imports and pattern matching
   (Include/internal/pycore_codegen.h).  Private to the compiling thread. */
#include "Python.h"
#include "pycore_codegen.h"
#include "pycore_lazyimport.h"
#include "pycore_long.h"

/* ---- frame blocks ------------------------------------------------------ */

int
push_fblock(struct compiler *c, location loc, enum fblocktype t,
            basicblock *block, basicblock *exit, void *datum)
{
    struct compiler_unit *u = c->u;
    if (u->u_nfblocks >= _PY_MAX_NESTED_BLOCKS) {
        return compiler_error(c, loc, "too many statically nested blocks");
    }
    struct fblockinfo *f = &u->u_fblock[u->u_nfblocks++];
    f->fb_type = t;
    f->fb_block = block;
    f->fb_exit = exit;
    f->fb_datum = datum;
    f->fb_loc = loc;
    return 0;
}

void
pop_fblock(struct compiler *c)
{
    c->u->u_nfblocks--;
}


/* Undo the effect of one frame block before leaving it early (return,
   break, continue).  preserve_tos keeps the value on top of the stack. */
int
unwind_fblock(struct compiler *c, location *ploc, struct fblockinfo *info,
              int preserve_tos)
{
    location loc = *ploc;
    switch (info->fb_type) {
    case WHILE_LOOP:
    case EXCEPTION_HANDLER:
    case STOP_ITERATION:
        return 0;
    case EXCEPTION_GROUP_HANDLER:
        return compiler_error(c, loc, "'break', 'continue' and 'return' "
                              "cannot appear in an except* block");
    case FOR_LOOP:
        if (preserve_tos) {
            ADDOP_I(c, loc, SWAP, 2);
        }
        ADDOP(c, loc, POP_ITER);
        return 0;
    case ASYNC_FOR_LOOP:
        if (preserve_tos) {
            ADDOP_I(c, loc, SWAP, 2);
        }
        ADDOP(c, loc, POP_TOP);
        return 0;
    case TRY_EXCEPT:
        ADDOP(c, loc, POP_BLOCK);
        return 0;
    case FINALLY_TRY:
        ADDOP(c, loc, POP_BLOCK);
        if (preserve_tos) {
            RETURN_IF_ERROR(push_fblock(c, loc, POP_VALUE, NULL, NULL, NULL));
        }
        /* The finally body runs outside its own block. */
        VISIT_SEQ(c, stmt, (asdl_stmt_seq *)info->fb_datum);
        if (preserve_tos) {
            pop_fblock(c);
        }
        /* The finally body appears to run after the statement that left
           the block: what follows it (the return itself) gets no line of
           its own, so tracing sees no jump back to that statement. */
        *ploc = NO_LOCATION;
        return 0;
    case FINALLY_END:
        if (preserve_tos) {
            ADDOP_I(c, loc, SWAP, 2);
        }
        ADDOP(c, loc, POP_TOP);
        if (preserve_tos) {
            ADDOP_I(c, loc, SWAP, 2);
        }
        ADDOP(c, loc, POP_BLOCK);
        ADDOP(c, loc, POP_EXCEPT);
        return 0;
    case WITH:
    case ASYNC_WITH:
        *ploc = info->fb_loc;
        loc = *ploc;
        ADDOP(c, loc, POP_BLOCK);
        if (preserve_tos) {
            ADDOP_I(c, loc, SWAP, 3);
            ADDOP_I(c, loc, SWAP, 2);
        }
        RETURN_IF_ERROR(codegen_call_exit_with_nones(c, loc));
        if (info->fb_type == ASYNC_WITH) {
            ADDOP_I(c, loc, GET_AWAITABLE, GET_AWAITABLE_AEXIT);
            ADDOP_LOAD_CONST(c, loc, Py_None);
            RETURN_IF_ERROR(codegen_add_yield_from(c, loc, 1));
        }
        ADDOP(c, loc, POP_TOP);
        return 0;
    case HANDLER_CLEANUP:
        if (info->fb_datum) {
            ADDOP(c, loc, POP_BLOCK);
        }
        if (preserve_tos) {
            ADDOP_I(c, loc, SWAP, 2);
        }
        ADDOP(c, loc, POP_BLOCK);
        ADDOP(c, loc, POP_EXCEPT);
        if (info->fb_datum) {
            ADDOP_LOAD_CONST(c, loc, Py_None);
            RETURN_IF_ERROR(codegen_nameop(c, loc, info->fb_datum, Store));
            RETURN_IF_ERROR(codegen_nameop(c, loc, info->fb_datum, Del));
        }
        return 0;
    case POP_VALUE:
        if (preserve_tos) {
            ADDOP_I(c, loc, SWAP, 2);
        }
        ADDOP(c, loc, POP_TOP);
        return 0;
    }
    return 0;
}

/* Unwind every block down to (not including) the innermost loop; *loop
   receives it, or NULL.  With loop == NULL everything is unwound. */
int
unwind_fblock_stack(struct compiler *c, location *ploc, int preserve_tos,
                    struct fblockinfo **loop)
{
    struct compiler_unit *u = c->u;
    /* Blocks are popped while their cleanup code is generated (so a
       return inside a finally body does not run it twice), and that code
       may push blocks of its own over their slots: the whole stack is
       restored afterwards, since the statements after this one are still
       inside those blocks. */
    struct fblockinfo saved_blocks[CO_MAXBLOCKS];
    int saved_n = u->u_nfblocks;
    memcpy(saved_blocks, u->u_fblock, sizeof(saved_blocks));
    for (int i = saved_n - 1; i >= 0; i--) {
        struct fblockinfo *top = &u->u_fblock[i];
        if (loop != NULL && (top->fb_type == WHILE_LOOP ||
                             top->fb_type == FOR_LOOP ||
                             top->fb_type == ASYNC_FOR_LOOP)) {
            *loop = top;
            return 0;
        }
        struct fblockinfo copy = *top;
        u->u_nfblocks = i;
        int r = unwind_fblock(c, ploc, &copy, preserve_tos);
        memcpy(u->u_fblock, saved_blocks, sizeof(saved_blocks));
        u->u_nfblocks = saved_n;
        RETURN_IF_ERROR(r);
    }
    return 0;
}

/* ---- statements -------------------------------------------------------- */

static int
codegen_return(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    struct compiler_unit *u = c->u;
    if (!_PyST_IsFunctionLike(u->u_ste)) {
        return compiler_error(c, loc, "'return' outside function");
    }
    if (s->v.Return.value != NULL && u->u_ste->ste_coroutine &&
        u->u_ste->ste_generator) {
        return compiler_error(c, loc, "'return' with value in async generator");
    }
    if (s->v.Return.value) {
        VISIT(c, expr, s->v.Return.value);
    }
    else {
        ADDOP(c, loc, NOP);
        ADDOP_LOAD_CONST(c, loc, Py_None);
    }
    RETURN_IF_ERROR(unwind_fblock_stack(c, &loc, 1, NULL));
    ADDOP(c, loc, RETURN_VALUE);
    return 0;
}

static int
codegen_break_continue(struct compiler *c, stmt_ty s, int is_break)
{
    location loc = LOC(s);
    struct fblockinfo *loop = NULL;
    ADDOP(c, loc, NOP);
    RETURN_IF_ERROR(unwind_fblock_stack(c, &loc, 0, &loop));
    if (loop == NULL) {
        return compiler_error(c, LOC(s), is_break ? "'break' outside loop"
                                                  : "'continue' not properly in loop");
    }
    if (is_break) {
        RETURN_IF_ERROR(unwind_fblock(c, &loc, loop, 0));
        ADDOP_JUMP(c, loc, JUMP, loop->fb_exit);
    }
    else {
        ADDOP_JUMP(c, loc, JUMP, loop->fb_block);
    }
    return 0;
}

static int
codegen_if(struct compiler *c, stmt_ty s)
{
    NEW_BLOCK(c, end);
    basicblock *next = end;
    if (asdl_seq_LEN(s->v.If.orelse) > 0) {
        next = _PyCfg_NewBlock(CFG(c));
        if (next == NULL) {
            return -1;
        }
    }
    RETURN_IF_ERROR(codegen_jump_if(c, LOC(s), s->v.If.test, next, 0));
    VISIT_SEQ(c, stmt, s->v.If.body);
    if (asdl_seq_LEN(s->v.If.orelse) > 0) {
        ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, end);
        USE_BLOCK(c, next);
        VISIT_SEQ(c, stmt, s->v.If.orelse);
    }
    USE_BLOCK(c, end);
    return 0;
}

static int
codegen_while(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    NEW_BLOCK(c, loop);
    NEW_BLOCK(c, body);
    NEW_BLOCK(c, anchor);
    NEW_BLOCK(c, end);
    USE_BLOCK(c, loop);
    RETURN_IF_ERROR(push_fblock(c, loc, WHILE_LOOP, loop, end, NULL));
    RETURN_IF_ERROR(codegen_jump_if(c, loc, s->v.While.test, anchor, 0));
    USE_BLOCK(c, body);
    VISIT_SEQ(c, stmt, s->v.While.body);
    ADDOP_JUMP(c, NO_LOCATION, JUMP, loop);
    pop_fblock(c);
    USE_BLOCK(c, anchor);
    VISIT_SEQ(c, stmt, s->v.While.orelse);
    USE_BLOCK(c, end);
    return 0;
}

static int
codegen_for(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    NEW_BLOCK(c, start);
    NEW_BLOCK(c, body);
    NEW_BLOCK(c, cleanup);
    NEW_BLOCK(c, end);
    VISIT(c, expr, s->v.For.iter);
    ADDOP(c, LOC(s->v.For.iter), GET_ITER);
    USE_BLOCK(c, start);
    RETURN_IF_ERROR(push_fblock(c, loc, FOR_LOOP, start, end, NULL));
    ADDOP_JUMP(c, LOC(s->v.For.iter), FOR_ITER, cleanup);
    USE_BLOCK(c, body);
    VISIT(c, expr, s->v.For.target);
    VISIT_SEQ(c, stmt, s->v.For.body);
    ADDOP_JUMP(c, NO_LOCATION, JUMP, start);
    pop_fblock(c);
    USE_BLOCK(c, cleanup);
    ADDOP(c, LOC(s->v.For.iter), END_FOR);
    ADDOP(c, LOC(s->v.For.iter), POP_ITER);
    VISIT_SEQ(c, stmt, s->v.For.orelse);
    USE_BLOCK(c, end);
    return 0;
}

static int
codegen_async_for(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    if (!is_async_unit_ok(c)) {
        return compiler_error(c, loc, "'async for' outside async function");
    }
    NEW_BLOCK(c, start);
    NEW_BLOCK(c, except);
    NEW_BLOCK(c, end);
    VISIT(c, expr, s->v.AsyncFor.iter);
    ADDOP(c, loc, GET_AITER);
    USE_BLOCK(c, start);
    RETURN_IF_ERROR(push_fblock(c, loc, ASYNC_FOR_LOOP, start, end, NULL));
    ADDOP_JUMP(c, loc, SETUP_FINALLY, except);
    ADDOP(c, loc, GET_ANEXT);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    RETURN_IF_ERROR(codegen_add_yield_from(c, loc, 1));
    ADDOP(c, loc, POP_BLOCK);
    VISIT(c, expr, s->v.AsyncFor.target);
    VISIT_SEQ(c, stmt, s->v.AsyncFor.body);
    ADDOP_JUMP(c, NO_LOCATION, JUMP, start);
    pop_fblock(c);
    USE_BLOCK(c, except);
    ADDOP(c, loc, END_ASYNC_FOR);
    VISIT_SEQ(c, stmt, s->v.AsyncFor.orelse);
    USE_BLOCK(c, end);
    return 0;
}

static int
codegen_pop_except_and_reraise(struct compiler *c, location loc)
{
    ADDOP_I(c, loc, COPY, 3);
    ADDOP(c, loc, POP_EXCEPT);
    ADDOP_I(c, loc, RERAISE, 1);
    return 0;
}

static int
codegen_try_finally(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    NEW_BLOCK(c, body);
    NEW_BLOCK(c, end);
    NEW_BLOCK(c, exit);
    NEW_BLOCK(c, cleanup);
    ADDOP_JUMP(c, loc, SETUP_FINALLY, end);
    USE_BLOCK(c, body);
    RETURN_IF_ERROR(push_fblock(c, loc, FINALLY_TRY, body, end,
                                s->v.Try.finalbody));
    if (asdl_seq_LEN(s->v.Try.handlers) > 0) {
        /* try/except/finally: the except part is the finally's body. */
        stmt_ty inner = _PyAST_Try(s->v.Try.body, s->v.Try.handlers,
                                   s->v.Try.orelse, NULL, s->lineno,
                                   s->col_offset, s->end_lineno,
                                   s->end_col_offset, c->c_arena);
        if (inner == NULL) {
            return -1;
        }
        inner->kind = s->kind;
        VISIT(c, stmt, inner);
    }
    else {
        VISIT_SEQ(c, stmt, s->v.Try.body);
    }
    ADDOP(c, NO_LOCATION, POP_BLOCK);
    pop_fblock(c);
    VISIT_SEQ(c, stmt, s->v.Try.finalbody);
    ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, exit);
    /* The exceptional path. */
    USE_BLOCK(c, end);
    ADDOP_JUMP(c, NO_LOCATION, SETUP_CLEANUP, cleanup);
    ADDOP(c, NO_LOCATION, PUSH_EXC_INFO);
    RETURN_IF_ERROR(push_fblock(c, loc, FINALLY_END, end, NULL, NULL));
    VISIT_SEQ(c, stmt, s->v.Try.finalbody);
    pop_fblock(c);
    ADDOP_I(c, NO_LOCATION, RERAISE, 0);
    USE_BLOCK(c, cleanup);
    RETURN_IF_ERROR(codegen_pop_except_and_reraise(c, NO_LOCATION));
    USE_BLOCK(c, exit);
    return 0;
}

static int
codegen_try_except(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    NEW_BLOCK(c, body);
    NEW_BLOCK(c, except);
    NEW_BLOCK(c, end);
    NEW_BLOCK(c, cleanup);
    ADDOP_JUMP(c, loc, SETUP_FINALLY, except);
    USE_BLOCK(c, body);
    RETURN_IF_ERROR(push_fblock(c, loc, TRY_EXCEPT, body, NULL, NULL));
    VISIT_SEQ(c, stmt, s->v.Try.body);
    pop_fblock(c);
    ADDOP(c, NO_LOCATION, POP_BLOCK);
    if (asdl_seq_LEN(s->v.Try.orelse) > 0) {
        VISIT_SEQ(c, stmt, s->v.Try.orelse);
    }
    ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, end);
    Py_ssize_t n = asdl_seq_LEN(s->v.Try.handlers);
    USE_BLOCK(c, except);
    ADDOP_JUMP(c, NO_LOCATION, SETUP_CLEANUP, cleanup);
    ADDOP(c, NO_LOCATION, PUSH_EXC_INFO);
    RETURN_IF_ERROR(push_fblock(c, loc, EXCEPTION_HANDLER, NULL, NULL, NULL));
    for (Py_ssize_t i = 0; i < n; i++) {
        excepthandler_ty h = asdl_seq_GET(s->v.Try.handlers, i);
        location hloc = LOC(h);
        if (h->v.ExceptHandler.type == NULL && i < n - 1) {
            return compiler_error(c, hloc, "default 'except:' must be last");
        }
        NEW_BLOCK(c, next);
        if (h->v.ExceptHandler.type) {
            VISIT(c, expr, h->v.ExceptHandler.type);
            ADDOP(c, hloc, CHECK_EXC_MATCH);
            ADDOP_JUMP(c, hloc, POP_JUMP_IF_FALSE, next);
        }
        if (h->v.ExceptHandler.name) {
            NEW_BLOCK(c, cleanup_end);
            NEW_BLOCK(c, cleanup_body);
            RETURN_IF_ERROR(codegen_nameop(c, hloc, h->v.ExceptHandler.name, Store));
            ADDOP_JUMP(c, hloc, SETUP_CLEANUP, cleanup_end);
            USE_BLOCK(c, cleanup_body);
            RETURN_IF_ERROR(push_fblock(c, hloc, HANDLER_CLEANUP, cleanup_body,
                                        NULL, h->v.ExceptHandler.name));
            VISIT_SEQ(c, stmt, h->v.ExceptHandler.body);
            pop_fblock(c);
            ADDOP(c, NO_LOCATION, POP_BLOCK);
            ADDOP(c, NO_LOCATION, POP_BLOCK);
            ADDOP(c, NO_LOCATION, POP_EXCEPT);
            ADDOP_LOAD_CONST(c, NO_LOCATION, Py_None);
            RETURN_IF_ERROR(codegen_nameop(c, NO_LOCATION, h->v.ExceptHandler.name, Store));
            RETURN_IF_ERROR(codegen_nameop(c, NO_LOCATION, h->v.ExceptHandler.name, Del));
            ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, end);
            /* An exception inside the handler body: clear the name. */
            USE_BLOCK(c, cleanup_end);
            ADDOP_LOAD_CONST(c, NO_LOCATION, Py_None);
            RETURN_IF_ERROR(codegen_nameop(c, NO_LOCATION, h->v.ExceptHandler.name, Store));
            RETURN_IF_ERROR(codegen_nameop(c, NO_LOCATION, h->v.ExceptHandler.name, Del));
            ADDOP_I(c, NO_LOCATION, RERAISE, 1);
        }
        else {
            NEW_BLOCK(c, cleanup_body);
            ADDOP(c, hloc, POP_TOP);
            USE_BLOCK(c, cleanup_body);
            RETURN_IF_ERROR(push_fblock(c, hloc, HANDLER_CLEANUP, cleanup_body,
                                        NULL, NULL));
            VISIT_SEQ(c, stmt, h->v.ExceptHandler.body);
            pop_fblock(c);
            ADDOP(c, NO_LOCATION, POP_BLOCK);
            ADDOP(c, NO_LOCATION, POP_EXCEPT);
            ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, end);
        }
        USE_BLOCK(c, next);
    }
    pop_fblock(c);
    /* No handler matched. */
    ADDOP_I(c, NO_LOCATION, RERAISE, 0);
    USE_BLOCK(c, cleanup);
    RETURN_IF_ERROR(codegen_pop_except_and_reraise(c, NO_LOCATION));
    USE_BLOCK(c, end);
    return 0;
}

/* try/except*: the handlers split the exception group one by one
   (CHECK_EG_MATCH); exceptions raised by handler bodies are collected in a
   list and combined with the unhandled rest by PREP_RERAISE_STAR.
   Stack in the handlers: [prev_exc, orig, raised_list, rest]. */
static int
codegen_try_star_except(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    NEW_BLOCK(c, body);
    NEW_BLOCK(c, except);
    NEW_BLOCK(c, orelse);
    NEW_BLOCK(c, end);
    NEW_BLOCK(c, cleanup);
    NEW_BLOCK(c, reraise_star);
    ADDOP_JUMP(c, loc, SETUP_FINALLY, except);
    USE_BLOCK(c, body);
    RETURN_IF_ERROR(push_fblock(c, loc, TRY_EXCEPT, body, NULL, NULL));
    VISIT_SEQ(c, stmt, s->v.TryStar.body);
    pop_fblock(c);
    ADDOP(c, NO_LOCATION, POP_BLOCK);
    ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, orelse);
    Py_ssize_t n = asdl_seq_LEN(s->v.TryStar.handlers);
    USE_BLOCK(c, except);
    ADDOP_JUMP(c, NO_LOCATION, SETUP_CLEANUP, cleanup);
    ADDOP(c, NO_LOCATION, PUSH_EXC_INFO);
    RETURN_IF_ERROR(push_fblock(c, loc, EXCEPTION_GROUP_HANDLER, NULL, NULL, NULL));
    for (Py_ssize_t i = 0; i < n; i++) {
        excepthandler_ty h = asdl_seq_GET(s->v.TryStar.handlers, i);
        location hloc = LOC(h);
        NEW_BLOCK(c, next_except);
        NEW_BLOCK(c, except_with_error);
        NEW_BLOCK(c, no_match);
        NEW_BLOCK(c, handler_body);
        if (i == 0) {
            ADDOP_I(c, hloc, BUILD_LIST, 0);
            ADDOP_I(c, hloc, COPY, 2);
        }
        if (h->v.ExceptHandler.type == NULL) {
            return compiler_error(c, hloc, "expected one or more exception types");
        }
        VISIT(c, expr, h->v.ExceptHandler.type);
        ADDOP(c, hloc, CHECK_EG_MATCH);
        ADDOP_I(c, hloc, COPY, 1);
        ADDOP_JUMP(c, hloc, POP_JUMP_IF_NONE, no_match);
        identifier name = h->v.ExceptHandler.name;
        if (name) {
            RETURN_IF_ERROR(codegen_nameop(c, hloc, name, Store));
        }
        else {
            ADDOP(c, hloc, POP_TOP);
        }
        ADDOP_JUMP(c, hloc, SETUP_CLEANUP, except_with_error);
        USE_BLOCK(c, handler_body);
        RETURN_IF_ERROR(push_fblock(c, hloc, HANDLER_CLEANUP, handler_body,
                                    NULL, name));
        VISIT_SEQ(c, stmt, h->v.ExceptHandler.body);
        pop_fblock(c);
        ADDOP(c, NO_LOCATION, POP_BLOCK);
        if (name) {
            ADDOP_LOAD_CONST(c, NO_LOCATION, Py_None);
            RETURN_IF_ERROR(codegen_nameop(c, NO_LOCATION, name, Store));
            RETURN_IF_ERROR(codegen_nameop(c, NO_LOCATION, name, Del));
        }
        ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, next_except);
        /* The handler body raised: [.., rest, lasti, exc]. */
        USE_BLOCK(c, except_with_error);
        if (name) {
            ADDOP_LOAD_CONST(c, NO_LOCATION, Py_None);
            RETURN_IF_ERROR(codegen_nameop(c, NO_LOCATION, name, Store));
            RETURN_IF_ERROR(codegen_nameop(c, NO_LOCATION, name, Del));
        }
        ADDOP_I(c, NO_LOCATION, LIST_APPEND, 3);
        ADDOP(c, NO_LOCATION, POP_TOP);
        ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, next_except);
        USE_BLOCK(c, no_match);
        ADDOP(c, hloc, POP_TOP);
        USE_BLOCK(c, next_except);
        if (i == n - 1) {
            /* The unhandled rest joins the raised ones. */
            ADDOP_I(c, NO_LOCATION, LIST_APPEND, 1);
            ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, reraise_star);
        }
    }
    pop_fblock(c);
    NEW_BLOCK(c, reraise);
    USE_BLOCK(c, reraise_star);
    ADDOP_I(c, NO_LOCATION, CALL_INTRINSIC_2, INTRINSIC_PREP_RERAISE_STAR);
    ADDOP_I(c, NO_LOCATION, COPY, 1);
    ADDOP_JUMP(c, NO_LOCATION, POP_JUMP_IF_NOT_NONE, reraise);
    ADDOP(c, NO_LOCATION, POP_TOP);
    ADDOP(c, NO_LOCATION, POP_BLOCK);
    ADDOP(c, NO_LOCATION, POP_EXCEPT);
    ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, end);
    USE_BLOCK(c, reraise);
    ADDOP(c, NO_LOCATION, POP_BLOCK);
    ADDOP_I(c, NO_LOCATION, SWAP, 2);
    ADDOP(c, NO_LOCATION, POP_EXCEPT);
    ADDOP_I(c, NO_LOCATION, RERAISE, 0);
    USE_BLOCK(c, cleanup);
    ADDOP_I(c, NO_LOCATION, COPY, 3);
    ADDOP(c, NO_LOCATION, POP_EXCEPT);
    ADDOP_I(c, NO_LOCATION, RERAISE, 1);
    USE_BLOCK(c, orelse);
    VISIT_SEQ(c, stmt, s->v.TryStar.orelse);
    USE_BLOCK(c, end);
    return 0;
}

static int
codegen_try(struct compiler *c, stmt_ty s)
{
    if (s->kind == TryStar_kind && asdl_seq_LEN(s->v.Try.finalbody) == 0) {
        return codegen_try_star_except(c, s);
    }
    if (asdl_seq_LEN(s->v.Try.finalbody) > 0) {
        return codegen_try_finally(c, s);
    }
    return codegen_try_except(c, s);
}

int
codegen_call_exit_with_nones(struct compiler *c, location loc)
{
    ADDOP_LOAD_CONST(c, loc, Py_None);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    ADDOP_I(c, loc, CALL, 3);
    return 0;
}

static int
codegen_with_except_finish(struct compiler *c, basicblock *cleanup)
{
    NEW_BLOCK(c, suppress);
    NEW_BLOCK(c, exit);
    ADDOP(c, NO_LOCATION, TO_BOOL);
    ADDOP_JUMP(c, NO_LOCATION, POP_JUMP_IF_TRUE, suppress);
    ADDOP_I(c, NO_LOCATION, RERAISE, 2);
    USE_BLOCK(c, suppress);
    ADDOP(c, NO_LOCATION, POP_TOP);
    ADDOP(c, NO_LOCATION, POP_BLOCK);
    ADDOP(c, NO_LOCATION, POP_EXCEPT);
    ADDOP(c, NO_LOCATION, POP_TOP);
    ADDOP(c, NO_LOCATION, POP_TOP);
    ADDOP(c, NO_LOCATION, POP_TOP);
    ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, exit);
    USE_BLOCK(c, cleanup);
    RETURN_IF_ERROR(codegen_pop_except_and_reraise(c, NO_LOCATION));
    USE_BLOCK(c, exit);
    return 0;
}

static int
codegen_with(struct compiler *c, stmt_ty s, int pos, int is_async)
{
    asdl_withitem_seq *items = s->v.With.items;
    withitem_ty item = asdl_seq_GET(items, pos);
    location loc = LOC(s);
    if (is_async && !is_async_unit_ok(c)) {
        return compiler_error(c, loc, "'async with' outside async function");
    }
    NEW_BLOCK(c, block);
    NEW_BLOCK(c, final);
    NEW_BLOCK(c, exit);
    NEW_BLOCK(c, cleanup);
    VISIT(c, expr, item->context_expr);
    location iloc = LOC(item->context_expr);
    /* [mgr] -> [exit, self, enter_result] */
    ADDOP_I(c, iloc, COPY, 1);
    ADDOP_I(c, iloc, LOAD_SPECIAL, is_async ? SPECIAL___AEXIT__ : SPECIAL___EXIT__);
    ADDOP_I(c, iloc, SWAP, 2);
    ADDOP_I(c, iloc, SWAP, 3);
    ADDOP_I(c, iloc, LOAD_SPECIAL, is_async ? SPECIAL___AENTER__ : SPECIAL___ENTER__);
    ADDOP_I(c, iloc, CALL, 0);
    if (is_async) {
        ADDOP_I(c, iloc, GET_AWAITABLE, GET_AWAITABLE_AENTER);
        ADDOP_LOAD_CONST(c, iloc, Py_None);
        RETURN_IF_ERROR(codegen_add_yield_from(c, iloc, 1));
    }
    ADDOP_JUMP(c, iloc, SETUP_WITH, final);
    USE_BLOCK(c, block);
    RETURN_IF_ERROR(push_fblock(c, loc, is_async ? ASYNC_WITH : WITH, block,
                                final, s));
    if (item->optional_vars) {
        VISIT(c, expr, item->optional_vars);
    }
    else {
        ADDOP(c, iloc, POP_TOP);
    }
    if (pos + 1 < asdl_seq_LEN(items)) {
        RETURN_IF_ERROR(codegen_with(c, s, pos + 1, is_async));
    }
    else {
        VISIT_SEQ(c, stmt, s->v.With.body);
    }
    pop_fblock(c);
    ADDOP(c, NO_LOCATION, POP_BLOCK);
    RETURN_IF_ERROR(codegen_call_exit_with_nones(c, iloc));
    if (is_async) {
        ADDOP_I(c, iloc, GET_AWAITABLE, GET_AWAITABLE_AEXIT);
        ADDOP_LOAD_CONST(c, iloc, Py_None);
        RETURN_IF_ERROR(codegen_add_yield_from(c, iloc, 1));
    }
    ADDOP(c, iloc, POP_TOP);
    ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, exit);
    /* The exceptional path: [exit, self, lasti, exc].  It is entered
       only by the exception table, so it carries the with statement's
       location itself (a traceback through __exit__ names that line). */
    USE_BLOCK(c, final);
    ADDOP_JUMP(c, loc, SETUP_CLEANUP, cleanup);
    ADDOP(c, loc, PUSH_EXC_INFO);
    ADDOP(c, loc, WITH_EXCEPT_START);
    if (is_async) {
        ADDOP_I(c, iloc, GET_AWAITABLE, GET_AWAITABLE_AEXIT);
        ADDOP_LOAD_CONST(c, iloc, Py_None);
        RETURN_IF_ERROR(codegen_add_yield_from(c, iloc, 1));
    }
    RETURN_IF_ERROR(codegen_with_except_finish(c, cleanup));
    USE_BLOCK(c, exit);
    return 0;
}

static int
codegen_import_as(struct compiler *c, location loc, PyObject *name,
                  PyObject *asname)
{
    /* import a.b.c as d: walk the attributes with IMPORT_FROM. */
    Py_ssize_t len = PyUnicode_GET_LENGTH(name);
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, 1);
    if (dot == -2) {
        return -1;
    }
    if (dot != -1) {
        Py_ssize_t pos = dot + 1;
        while (1) {
            Py_ssize_t next = PyUnicode_FindChar(name, '.', pos, len, 1);
            if (next == -2) {
                return -1;
            }
            PyObject *attr = PyUnicode_Substring(name, pos, next == -1 ? len : next);
            if (attr == NULL) {
                return -1;
            }
            int r = addop_name(c, loc, IMPORT_FROM, attr, 0);
            Py_DECREF(attr);
            RETURN_IF_ERROR(r);
            if (next == -1) {
                break;
            }
            ADDOP_I(c, loc, SWAP, 2);
            ADDOP(c, loc, POP_TOP);
            pos = next + 1;
        }
        RETURN_IF_ERROR(codegen_nameop(c, loc, asname, Store));
        ADDOP(c, loc, POP_TOP);
        return 0;
    }
    return codegen_nameop(c, loc, asname, Store);
}

/* The lazy mode of an import statement's IMPORT_NAME (PEP 810): the
   symtable has already rejected `lazy` where it is not allowed; plain
   imports at module level outside try statements are potentially lazy
   (under -X lazy_imports=all or __lazy_modules__). */
static int
import_lazy_mode(struct compiler *c, int is_lazy)
{
    if (is_lazy) {
        return _PyImport_EXPLICITLY_LAZY;
    }
    return c->u->u_ste->ste_type == ModuleBlock && c->u->u_try_depth == 0
           ? _PyImport_POTENTIALLY_LAZY : _PyImport_EAGER;
}

static int
codegen_import(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    int mode = import_lazy_mode(c, s->v.Import.is_lazy);
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(s->v.Import.names); i++) {
        alias_ty a = asdl_seq_GET(s->v.Import.names, i);
        ADDOP_LOAD_CONST(c, loc, _PyLong_GetZero());
        ADDOP_LOAD_CONST(c, loc, Py_None);
        RETURN_IF_ERROR(addop_name(c, loc, IMPORT_NAME, a->name, mode));
        if (a->asname) {
            RETURN_IF_ERROR(codegen_import_as(c, loc, a->name, a->asname));
        }
        else {
            PyObject *store = a->name;
            Py_ssize_t dot = PyUnicode_FindChar(a->name, '.', 0,
                                                PyUnicode_GET_LENGTH(a->name), 1);
            if (dot != -1) {
                store = PyUnicode_Substring(a->name, 0, dot);
                if (store == NULL) {
                    return -1;
                }
                PyUnicode_InternInPlace(&store);
            }
            else {
                Py_INCREF(store);
            }
            int r = codegen_nameop(c, loc, store, Store);
            Py_DECREF(store);
            RETURN_IF_ERROR(r);
        }
    }
    return 0;
}

static int
codegen_from_import(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    Py_ssize_t n = asdl_seq_LEN(s->v.ImportFrom.names);
    ADDOP_LOAD_CONST_NEW(c, loc, PyLong_FromLong(s->v.ImportFrom.level));
    PyObject *names = PyTuple_New(n);
    if (names == NULL) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        alias_ty a = asdl_seq_GET(s->v.ImportFrom.names, i);
        PyTuple_SET_ITEM(names, i, Py_NewRef(a->name));
    }
    ADDOP_LOAD_CONST_NEW(c, loc, names);
    int is_star = n > 0 && PyUnicode_CompareWithASCIIString(
        asdl_seq_GET(s->v.ImportFrom.names, 0)->name, "*") == 0;
    int is_future = s->v.ImportFrom.module != NULL &&
        PyUnicode_CompareWithASCIIString(s->v.ImportFrom.module,
                                         "__future__") == 0;
    int mode = is_star || is_future ? _PyImport_EAGER
               : import_lazy_mode(c, s->v.ImportFrom.is_lazy);
    if (s->v.ImportFrom.module) {
        RETURN_IF_ERROR(addop_name(c, loc, IMPORT_NAME, s->v.ImportFrom.module,
                                   mode));
    }
    else {
        PyObject *empty = PyUnicode_InternFromString("");
        if (empty == NULL) {
            return -1;
        }
        int r = addop_name(c, loc, IMPORT_NAME, empty, mode);
        Py_DECREF(empty);
        RETURN_IF_ERROR(r);
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        alias_ty a = asdl_seq_GET(s->v.ImportFrom.names, i);
        if (i == 0 && PyUnicode_CompareWithASCIIString(a->name, "*") == 0) {
            ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_IMPORT_STAR);
            ADDOP(c, NO_LOCATION, POP_TOP);
            return 0;
        }
        ADDOP_NAME(c, loc, IMPORT_FROM, a->name);
        RETURN_IF_ERROR(codegen_nameop(c, loc, a->asname ? a->asname : a->name, Store));
    }
    ADDOP(c, NO_LOCATION, POP_TOP);
    return 0;
}

static int
codegen_assert(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    if (c->c_optimize > 0) {
        return 0;
    }
    if (s->v.Assert.test->kind == Tuple_kind &&
        asdl_seq_LEN(s->v.Assert.test->v.Tuple.elts) > 0) {
        RETURN_IF_ERROR(codegen_warn(c, loc, "assertion is always true, "
                                     "perhaps remove parentheses?"));
    }
    NEW_BLOCK(c, end);
    RETURN_IF_ERROR(codegen_jump_if(c, loc, s->v.Assert.test, end, 1));
    ADDOP_I(c, loc, LOAD_COMMON_CONSTANT, CONSTANT_ASSERTIONERROR);
    if (s->v.Assert.msg) {
        VISIT(c, expr, s->v.Assert.msg);
        ADDOP_I(c, loc, CALL, 0);
    }
    /* The traceback points at the failed test, as CPython 3.13+ does. */
    ADDOP_I(c, LOC(s->v.Assert.test), RAISE_VARARGS, 1);
    USE_BLOCK(c, end);
    return 0;
}

static int
codegen_augassign(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    expr_ty e = s->v.AugAssign.target;
    int oparg = binop_oparg(s->v.AugAssign.op, 1);
    switch (e->kind) {
    case Attribute_kind:
        VISIT(c, expr, e->v.Attribute.value);
        ADDOP_I(c, loc, COPY, 1);
        RETURN_IF_ERROR(addop_name(c, LOC(e), LOAD_ATTR, e->v.Attribute.attr, 0));
        VISIT(c, expr, s->v.AugAssign.value);
        ADDOP_I(c, loc, BINARY_OP, oparg);
        ADDOP_I(c, loc, SWAP, 2);
        return addop_name(c, LOC(e), STORE_ATTR, e->v.Attribute.attr, 0);
    case Subscript_kind:
        VISIT(c, expr, e->v.Subscript.value);
        if (is_slice_simple(e->v.Subscript.slice)) {
            RETURN_IF_ERROR(codegen_slice_parts(c, e->v.Subscript.slice));
            ADDOP_I(c, loc, COPY, 3);
            ADDOP_I(c, loc, COPY, 3);
            ADDOP_I(c, loc, COPY, 3);
            ADDOP(c, loc, BINARY_SLICE);
        }
        else {
            VISIT(c, expr, e->v.Subscript.slice);
            ADDOP_I(c, loc, COPY, 2);
            ADDOP_I(c, loc, COPY, 2);
            ADDOP_I(c, loc, BINARY_OP, NB_SUBSCR);
        }
        VISIT(c, expr, s->v.AugAssign.value);
        ADDOP_I(c, loc, BINARY_OP, oparg);
        if (is_slice_simple(e->v.Subscript.slice)) {
            ADDOP_I(c, loc, SWAP, 4);
            ADDOP_I(c, loc, SWAP, 3);
            ADDOP_I(c, loc, SWAP, 2);
            ADDOP(c, loc, STORE_SLICE);
        }
        else {
            ADDOP_I(c, loc, SWAP, 3);
            ADDOP_I(c, loc, SWAP, 2);
            ADDOP(c, loc, STORE_SUBSCR);
        }
        return 0;
    case Name_kind:
        RETURN_IF_ERROR(codegen_nameop(c, LOC(e), e->v.Name.id, Load));
        VISIT(c, expr, s->v.AugAssign.value);
        ADDOP_I(c, loc, BINARY_OP, oparg);
        return codegen_nameop(c, LOC(e), e->v.Name.id, Store);
    default:
        return compiler_error(c, loc, "invalid node type for augmented assignment");
    }
}

static int
codegen_annassign(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    expr_ty target = s->v.AnnAssign.target;
    if (s->v.AnnAssign.value) {
        VISIT(c, expr, s->v.AnnAssign.value);
        VISIT(c, expr, target);
    }
    if (target->kind == Name_kind &&
        PyUnicode_CompareWithASCIIString(target->v.Name.id, "__debug__") == 0) {
        return compiler_error(c, loc, "cannot assign to __debug__");
    }
    struct compiler_unit *u = c->u;
    if (target->kind == Name_kind && s->v.AnnAssign.simple &&
        u->u_annotations != NULL && u->u_cond_depth > 0) {
        /* The entry collected for this statement (collect_annotations)
           gives the index to record. */
        Py_ssize_t index = -1;
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(u->u_annotations); i++) {
            PyObject *entry = PyList_GET_ITEM(u->u_annotations, i);
            if (PyLong_AsVoidPtr(PyTuple_GET_ITEM(entry, 1)) ==
                (void *)s->v.AnnAssign.annotation) {
                index = i;
                break;
            }
        }
        if (index >= 0) {
            /* __conditional_annotations__.add(index) */
            PyObject *name = PyUnicode_InternFromString("__conditional_annotations__");
            if (name == NULL) {
                return -1;
            }
            int r = codegen_nameop(c, loc, name, Load);
            Py_DECREF(name);
            RETURN_IF_ERROR(r);
            ADDOP_LOAD_CONST_NEW(c, loc, PyLong_FromSsize_t(index));
            ADDOP_I(c, loc, SET_ADD, 1);
            ADDOP(c, loc, POP_TOP);
        }
    }
    else if (!s->v.AnnAssign.value) {
        /* `a.b: T` / `a[i]: T` still evaluate the target's parts. */
        if (target->kind == Attribute_kind) {
            VISIT(c, expr, target->v.Attribute.value);
            ADDOP(c, loc, POP_TOP);
        }
        else if (target->kind == Subscript_kind) {
            VISIT(c, expr, target->v.Subscript.value);
            ADDOP(c, loc, POP_TOP);
            VISIT(c, expr, target->v.Subscript.slice);
            ADDOP(c, loc, POP_TOP);
        }
    }
    return 0;
}

/* ---- pattern matching ---------------------------------------------------

   A pattern consumes the subject on top of the stack.  pc->on_top counts
   the working values above the case's base that a failing check must
   pop; a failure jumps to fail_pop[on_top + number of stores], a chain of
   POP_TOPs ending at the next case.

   Captured values are not stored while the pattern runs: a case that
   fails part-way must leave its names unbound.  Each capture is parked
   on the stack under the working values and under the earlier captures,
   and its name appended to pc->stores; so, from the top, the stack
   holds the working values, then stores[0], stores[1], ...  Only when
   the whole pattern has matched are the names stored, in capture order. */

typedef struct {
    basicblock **fail_pop;
    int fail_pop_size;
    int on_top;
    PyObject *stores;   /* owned list of the names parked on the stack */
} pattern_context;

static int codegen_pattern(struct compiler *c, pattern_ty p,
                           pattern_context *pc);

static int
ensure_fail_pop(struct compiler *c, pattern_context *pc, int n)
{
    if (n < pc->fail_pop_size) {
        return 0;
    }
    basicblock **mem = PyMem_Realloc(pc->fail_pop,
                                     sizeof(basicblock *) * (size_t)(n + 1));
    if (mem == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    pc->fail_pop = mem;
    while (pc->fail_pop_size <= n) {
        basicblock *b = _PyCfg_NewBlock(CFG(c));
        if (b == NULL) {
            return -1;
        }
        pc->fail_pop[pc->fail_pop_size++] = b;
    }
    return 0;
}

static int
jump_to_fail_pop(struct compiler *c, location loc, pattern_context *pc, int op)
{
    int pops = pc->on_top + (int)PyList_GET_SIZE(pc->stores);
    RETURN_IF_ERROR(ensure_fail_pop(c, pc, pops));
    ADDOP_JUMP(c, loc, op, pc->fail_pop[pops]);
    return 0;
}

/* Emit the POP_TOP chain; control then falls to what follows. */
static int
emit_fail_pops(struct compiler *c, pattern_context *pc)
{
    if (pc->fail_pop_size == 0) {
        return 0;
    }
    for (int i = pc->fail_pop_size - 1; i > 0; i--) {
        USE_BLOCK(c, pc->fail_pop[i]);
        ADDOP(c, NO_LOCATION, POP_TOP);
    }
    USE_BLOCK(c, pc->fail_pop[0]);
    PyMem_Free(pc->fail_pop);
    pc->fail_pop = NULL;
    pc->fail_pop_size = 0;
    return 0;
}

/* Moves the top of the stack down to `depth` (1: stays), keeping the
   order of the values it passes. */
static int
emit_rotate(struct compiler *c, location loc, Py_ssize_t depth)
{
    for (; depth > 1; depth--) {
        ADDOP_I(c, loc, SWAP, (int)depth);
    }
    return 0;
}

static int
pattern_capture(struct compiler *c, location loc, identifier name,
                pattern_context *pc)
{
    if (name == NULL) {
        ADDOP(c, loc, POP_TOP);
        return 0;
    }
    if (PyUnicode_CompareWithASCIIString(name, "__debug__") == 0) {
        return compiler_error(c, loc, "cannot assign to __debug__");
    }
    RETURN_IF_ERROR(emit_rotate(c, loc,
                                pc->on_top + PyList_GET_SIZE(pc->stores) + 1));
    return PyList_Append(pc->stores, name);
}

/* Stores the parked captures once the whole pattern has matched. */
static int
store_captures(struct compiler *c, location loc, pattern_context *pc)
{
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(pc->stores); i++) {
        RETURN_IF_ERROR(codegen_nameop(c, loc, PyList_GET_ITEM(pc->stores, i),
                                       Store));
    }
    return 0;
}

static int
pattern_subpatterns(struct compiler *c, asdl_pattern_seq *patterns,
                    pattern_context *pc)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(patterns); i++) {
        pc->on_top--;
        RETURN_IF_ERROR(codegen_pattern(c, asdl_seq_GET(patterns, i), pc));
    }
    return 0;
}

/* `_` or `*_`: matches anything and binds nothing. */
static int
is_wildcard(pattern_ty p)
{
    return (p->kind == MatchAs_kind && p->v.MatchAs.pattern == NULL &&
            p->v.MatchAs.name == NULL) ||
           (p->kind == MatchStar_kind && p->v.MatchStar.name == NULL);
}

/* A sequence pattern whose star is `*_`: the other items are read by
   index (from the end as len(subject) - k, since the subject may not
   take negative indexes), without iterating over the middle.  The
   subject is on top, counted in on_top. */
static int
pattern_sequence_subscr(struct compiler *c, location loc,
                        asdl_pattern_seq *patterns, Py_ssize_t star,
                        pattern_context *pc)
{
    Py_ssize_t n = asdl_seq_LEN(patterns);
    for (Py_ssize_t i = 0; i < n; i++) {
        pattern_ty sub = asdl_seq_GET(patterns, i);
        if (is_wildcard(sub)) {
            continue;
        }
        ADDOP_I(c, loc, COPY, 1);
        if (i < star) {
            ADDOP_LOAD_CONST_NEW(c, loc, PyLong_FromSsize_t(i));
        }
        else {
            ADDOP(c, loc, GET_LEN);
            ADDOP_LOAD_CONST_NEW(c, loc, PyLong_FromSsize_t(n - i));
            ADDOP_I(c, loc, BINARY_OP, NB_SUBTRACT);
        }
        ADDOP_I(c, loc, BINARY_OP, NB_SUBSCR);
        RETURN_IF_ERROR(codegen_pattern(c, sub, pc));
    }
    pc->on_top--;
    ADDOP(c, loc, POP_TOP);
    return 0;
}

static int
pattern_sequence(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    location loc = LOC(p);
    asdl_pattern_seq *patterns = p->v.MatchSequence.patterns;
    Py_ssize_t n = asdl_seq_LEN(patterns);
    Py_ssize_t star = -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (asdl_seq_GET(patterns, i)->kind == MatchStar_kind) {
            if (star >= 0) {
                return compiler_error(c, loc,
                                      "multiple starred names in sequence pattern");
            }
            star = i;
        }
    }
    ADDOP(c, loc, MATCH_SEQUENCE);
    pc->on_top++;               /* the subject stays under the bool */
    RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, POP_JUMP_IF_FALSE));
    /* [*x] and [*_] take any length: len() is not even asked for (a
       registered Sequence need not define it). */
    if (star < 0 || n > 1) {
        ADDOP(c, loc, GET_LEN);
        ADDOP_LOAD_CONST_NEW(c, loc, PyLong_FromSsize_t(star < 0 ? n : n - 1));
        ADDOP_I(c, loc, COMPARE_OP, COMPARE_OPARG(star < 0 ? Py_EQ : Py_GE, 1));
        RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, POP_JUMP_IF_FALSE));
    }
    int only_wildcards = 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        only_wildcards &= is_wildcard(asdl_seq_GET(patterns, i));
    }
    if (only_wildcards) {
        /* [], [_, _], [_, *_]: the length said it all; the items are
           never read (the subject need not even be indexable). */
        pc->on_top--;
        ADDOP(c, loc, POP_TOP);
        return 0;
    }
    if (star >= 0 && is_wildcard(asdl_seq_GET(patterns, star))) {
        return pattern_sequence_subscr(c, loc, patterns, star, pc);
    }
    if (star < 0) {
        ADDOP_I(c, loc, UNPACK_SEQUENCE, (int)n);
    }
    else {
        ADDOP_I(c, loc, UNPACK_EX, (int)(star + ((n - star - 1) << 8)));
    }
    pc->on_top += (int)n - 1;   /* the subject became n items */
    return pattern_subpatterns(c, patterns, pc);
}

static int
pattern_mapping(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    location loc = LOC(p);
    asdl_expr_seq *keys = p->v.MatchMapping.keys;
    asdl_pattern_seq *patterns = p->v.MatchMapping.patterns;
    identifier rest = p->v.MatchMapping.rest;
    Py_ssize_t n = asdl_seq_LEN(keys);
    ADDOP(c, loc, MATCH_MAPPING);
    pc->on_top++;
    RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, POP_JUMP_IF_FALSE));
    if (n == 0) {
        if (rest) {
            /* {**rest}: a copy of the whole mapping. */
            ADDOP_I(c, loc, BUILD_MAP, 0);
            ADDOP_I(c, loc, SWAP, 2);
            ADDOP_I(c, loc, DICT_UPDATE, 1);
            pc->on_top--;
            return pattern_capture(c, loc, rest, pc);
        }
        pc->on_top--;
        ADDOP(c, loc, POP_TOP);
        return 0;
    }
    ADDOP(c, loc, GET_LEN);
    ADDOP_LOAD_CONST_NEW(c, loc, PyLong_FromSsize_t(n));
    ADDOP_I(c, loc, COMPARE_OP, COMPARE_OPARG(Py_GE, 1));
    RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, POP_JUMP_IF_FALSE));
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty key = asdl_seq_GET(keys, i);
        if (key == NULL || (key->kind != Constant_kind && key->kind != Attribute_kind &&
                            !(key->kind == UnaryOp_kind || key->kind == BinOp_kind))) {
            return compiler_error(c, loc,
                "mapping pattern keys may only match literals and attribute lookups");
        }
        VISIT(c, expr, key);
    }
    ADDOP_I(c, loc, BUILD_TUPLE, (int)n);
    /* [subject, keys] -> [subject, keys, values or None] */
    ADDOP(c, loc, MATCH_KEYS);
    ADDOP_I(c, loc, COPY, 1);
    pc->on_top += 2;
    RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, POP_JUMP_IF_NONE));
    ADDOP_I(c, loc, UNPACK_SEQUENCE, (int)n);
    pc->on_top += (int)n - 1;
    RETURN_IF_ERROR(pattern_subpatterns(c, patterns, pc));
    /* [subject, keys] remain. */
    if (rest) {
        /* rest = dict(subject) minus the matched keys */
        ADDOP_I(c, loc, BUILD_MAP, 0);
        ADDOP_I(c, loc, SWAP, 3);
        ADDOP_I(c, loc, DICT_UPDATE, 2);
        ADDOP_I(c, loc, UNPACK_SEQUENCE, (int)n);
        for (Py_ssize_t i = 0; i < n; i++) {
            ADDOP_I(c, loc, COPY, (int)(n - i + 1));
            ADDOP_I(c, loc, SWAP, 2);
            ADDOP(c, loc, DELETE_SUBSCR);
        }
        pc->on_top -= 2;
        return pattern_capture(c, loc, rest, pc);
    }
    ADDOP(c, loc, POP_TOP);
    ADDOP(c, loc, POP_TOP);
    pc->on_top -= 2;
    return 0;
}

static int
pattern_class(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    location loc = LOC(p);
    asdl_pattern_seq *patterns = p->v.MatchClass.patterns;
    asdl_identifier_seq *kwd_attrs = p->v.MatchClass.kwd_attrs;
    asdl_pattern_seq *kwd_patterns = p->v.MatchClass.kwd_patterns;
    Py_ssize_t nargs = asdl_seq_LEN(patterns), nattrs = asdl_seq_LEN(kwd_attrs);
    if (nattrs != asdl_seq_LEN(kwd_patterns)) {
        return compiler_error(c, loc,
            "kwd_attrs (%zd) / kwd_patterns (%zd) length mismatch in class pattern",
            nattrs, asdl_seq_LEN(kwd_patterns));
    }
    VISIT(c, expr, p->v.MatchClass.cls);
    PyObject *names = PyTuple_New(nattrs);
    if (names == NULL) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < nattrs; i++) {
        PyTuple_SET_ITEM(names, i, Py_NewRef(asdl_seq_GET(kwd_attrs, i)));
    }
    ADDOP_LOAD_CONST_NEW(c, loc, names);
    ADDOP_I(c, loc, MATCH_CLASS, (int)nargs);
    ADDOP_I(c, loc, COPY, 1);
    pc->on_top++;
    RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, POP_JUMP_IF_NONE));
    ADDOP_I(c, loc, UNPACK_SEQUENCE, (int)(nargs + nattrs));
    pc->on_top += (int)(nargs + nattrs) - 1;
    RETURN_IF_ERROR(pattern_subpatterns(c, patterns, pc));
    return pattern_subpatterns(c, kwd_patterns, pc);
}

/* Reorders the captures an alternative parked on top of the stack
   (`stores`, top first) into the order of `control`, the first
   alternative's: every alternative reaches the common end with the same
   layout.  Both lists hold the same names (checked earlier).  Each
   position from the deepest up gets its value through the top. */
static int
reorder_captures(struct compiler *c, location loc, PyObject *stores,
                 PyObject *control)
{
    Py_ssize_t n = PyList_GET_SIZE(stores);
    for (Py_ssize_t depth = n; depth > 1; depth--) {
        PyObject *want = PyList_GET_ITEM(control, depth - 1);
        Py_ssize_t at = PySequence_Index(stores, want) + 1;
        if (at <= 0) {
            return -1;
        }
        if (at == depth) {
            continue;
        }
        PyObject **items = ((PyListObject *)stores)->ob_item;
        if (at != 1) {
            ADDOP_I(c, loc, SWAP, (int)at);
            PyObject *t = items[0]; items[0] = items[at - 1]; items[at - 1] = t;
        }
        ADDOP_I(c, loc, SWAP, (int)depth);
        PyObject *t = items[0]; items[0] = items[depth - 1]; items[depth - 1] = t;
    }
    return 0;
}

/* One alternative of an or-pattern, on a copy of the subject, with its
   own failure chain that falls into the next alternative.  On success
   its captures are left on top in `control` order (the first
   alternative sets `*control`, a new reference) and control jumps to
   `end`.  *irrefutable tells when the following alternatives are
   unreachable. */
static int
pattern_or_alternative(struct compiler *c, location loc, pattern_ty alt,
                       PyObject **control, basicblock *end, int *irrefutable)
{
    pattern_context pc = { NULL, 0, 0, PyList_New(0) };
    if (pc.stores == NULL) {
        return -1;
    }
    int r = -1;
    if (_PyCfg_Addop(CFG(c), COPY, 1, NULL, loc) < 0 ||
        codegen_pattern(c, alt, &pc) < 0) {
        goto done;
    }
    if (*control == NULL) {
        *control = Py_NewRef(pc.stores);
    }
    else if (reorder_captures(c, loc, pc.stores, *control) < 0) {
        goto done;
    }
    if (_PyCfg_Addop(CFG(c), JUMP_NO_INTERRUPT, 0, end, loc) < 0) {
        goto done;
    }
    *irrefutable = pc.fail_pop_size == 0;
    r = *irrefutable ? 0 : emit_fail_pops(c, &pc);
done:
    PyMem_Free(pc.fail_pop);
    Py_DECREF(pc.stores);
    return r;
}

/* Alternatives: the first that matches parks its captures on the stack;
   at the end they move under the subject copy and the outer working
   values, joining the outer captures. */
static int
pattern_or(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    location loc = LOC(p);
    NEW_BLOCK(c, end);
    asdl_pattern_seq *alts = p->v.MatchOr.patterns;
    PyObject *control = NULL;   /* owned once set */
    int irrefutable = 0;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(alts) && !irrefutable; i++) {
        if (pattern_or_alternative(c, loc, asdl_seq_GET(alts, i), &control,
                                   end, &irrefutable) < 0) {
            Py_XDECREF(control);
            return -1;
        }
    }
    if (!irrefutable &&
        (_PyCfg_Addop(CFG(c), POP_TOP, 0, NULL, loc) < 0 ||
         jump_to_fail_pop(c, loc, pc, JUMP) < 0)) {
        Py_XDECREF(control);
        return -1;
    }
    USE_BLOCK(c, end);
    Py_ssize_t n = PyList_GET_SIZE(control);
    /* Each capture passes the others, the subject copy, the working
       values and the outer captures already parked. */
    Py_ssize_t depth = n + 1 + pc->on_top + PyList_GET_SIZE(pc->stores);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (emit_rotate(c, loc, depth) < 0 ||
            PyList_Append(pc->stores, PyList_GET_ITEM(control, i)) < 0) {
            Py_DECREF(control);
            return -1;
        }
    }
    Py_DECREF(control);
    ADDOP(c, loc, POP_TOP);
    return 0;
}

static int
codegen_pattern(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    location loc = LOC(p);
    switch (p->kind) {
    case MatchValue_kind:
        VISIT(c, expr, p->v.MatchValue.value);
        ADDOP_I(c, loc, COMPARE_OP, COMPARE_OPARG(Py_EQ, 1));
        return jump_to_fail_pop(c, loc, pc, POP_JUMP_IF_FALSE);
    case MatchSingleton_kind:
        ADDOP_LOAD_CONST(c, loc, p->v.MatchSingleton.value);
        ADDOP_I(c, loc, IS_OP, 0);
        return jump_to_fail_pop(c, loc, pc, POP_JUMP_IF_FALSE);
    case MatchSequence_kind:
        return pattern_sequence(c, p, pc);
    case MatchMapping_kind:
        return pattern_mapping(c, p, pc);
    case MatchClass_kind:
        return pattern_class(c, p, pc);
    case MatchStar_kind:
        return pattern_capture(c, loc, p->v.MatchStar.name, pc);
    case MatchAs_kind:
        if (p->v.MatchAs.pattern == NULL) {
            return pattern_capture(c, loc, p->v.MatchAs.name, pc);
        }
        ADDOP_I(c, loc, COPY, 1);
        pc->on_top++;
        RETURN_IF_ERROR(codegen_pattern(c, p->v.MatchAs.pattern, pc));
        pc->on_top--;
        return pattern_capture(c, loc, p->v.MatchAs.name, pc);
    case MatchOr_kind:
        return pattern_or(c, p, pc);
    }
    return 0;
}

/* ---- pattern checks ------------------------------------------------------
   The rules a pattern obeys beyond the grammar, checked before its code
   is generated (in the order CPython's compiler reports them): no name
   bound twice, alternatives binding the same names, no irrefutable
   pattern where it would make later patterns unreachable, no repeated
   mapping key or class keyword.  `names` collects the names bound so far
   (a list, in binding order); `allow_irrefutable` is false where a
   capture or wildcard would hide what follows. */

static int check_pattern(struct compiler *c, pattern_ty p,
                         int allow_irrefutable, PyObject *names);

static int
check_bound_name(struct compiler *c, location loc, identifier name,
                 PyObject *names)
{
    if (PyUnicode_CompareWithASCIIString(name, "__debug__") == 0) {
        return compiler_error(c, loc, "cannot assign to __debug__");
    }
    int seen = PySequence_Contains(names, name);
    if (seen < 0) {
        return -1;
    }
    if (seen) {
        return compiler_error(c, loc, "multiple assignments to name %R in pattern",
                              name);
    }
    return PyList_Append(names, name);
}

static int
check_subpatterns(struct compiler *c, asdl_pattern_seq *patterns,
                  PyObject *names)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(patterns); i++) {
        RETURN_IF_ERROR(check_pattern(c, asdl_seq_GET(patterns, i), 1, names));
    }
    return 0;
}

/* The value a literal mapping key stands for (a new reference), or NULL
   with no exception for keys compared by lookup (attributes).  Signed
   numbers and complex literals are still UnaryOp/BinOp nodes here. */
static PyObject *
mapping_key_value(expr_ty key)
{
    switch (key->kind) {
    case Constant_kind:
        return Py_NewRef(key->v.Constant.value);
    case UnaryOp_kind: {
        PyObject *operand = mapping_key_value(key->v.UnaryOp.operand);
        if (operand == NULL || key->v.UnaryOp.op != USub) {
            return operand;
        }
        PyObject *negated = PyNumber_Negative(operand);
        Py_DECREF(operand);
        return negated;
    }
    case BinOp_kind: {
        PyObject *left = mapping_key_value(key->v.BinOp.left);
        if (left == NULL) {
            return NULL;
        }
        PyObject *right = mapping_key_value(key->v.BinOp.right);
        if (right == NULL) {
            Py_DECREF(left);
            return NULL;
        }
        PyObject *sum = key->v.BinOp.op == Sub ? PyNumber_Subtract(left, right)
                                               : PyNumber_Add(left, right);
        Py_DECREF(left);
        Py_DECREF(right);
        return sum;
    }
    default:
        return NULL;
    }
}

static int
check_mapping_keys(struct compiler *c, pattern_ty p)
{
    asdl_expr_seq *keys = p->v.MatchMapping.keys;
    PyObject *seen = PySet_New(NULL);
    if (seen == NULL) {
        return -1;
    }
    int result = 0;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(keys) && result == 0; i++) {
        expr_ty key = asdl_seq_GET(keys, i);
        PyObject *value = key ? mapping_key_value(key) : NULL;
        if (value == NULL) {
            result = PyErr_Occurred() ? -1 : 0;
            continue;
        }
        int dup = PySet_Contains(seen, value);
        if (dup < 0 || (!dup && PySet_Add(seen, value) < 0)) {
            result = -1;
        }
        else if (dup) {
            result = compiler_error(c, LOC(p),
                                    "mapping pattern checks duplicate key (%R)",
                                    value);
        }
        Py_DECREF(value);
    }
    Py_DECREF(seen);
    return result;
}

static int
check_class_keywords(struct compiler *c, pattern_ty p)
{
    asdl_identifier_seq *attrs = p->v.MatchClass.kwd_attrs;
    asdl_pattern_seq *patterns = p->v.MatchClass.kwd_patterns;
    Py_ssize_t n = asdl_seq_LEN(attrs);
    for (Py_ssize_t i = 0; i < n; i++) {
        identifier attr = asdl_seq_GET(attrs, i);
        location loc = i < asdl_seq_LEN(patterns)
                       ? LOC(asdl_seq_GET(patterns, i)) : LOC(p);
        if (PyUnicode_CompareWithASCIIString(attr, "__debug__") == 0) {
            return compiler_error(c, loc, "cannot assign to __debug__");
        }
        for (Py_ssize_t j = i + 1; j < n; j++) {
            identifier other = asdl_seq_GET(attrs, j);
            if (PyUnicode_Compare(attr, other) == 0) {
                location at = j < asdl_seq_LEN(patterns)
                              ? LOC(asdl_seq_GET(patterns, j)) : LOC(p);
                return compiler_error(c, at,
                    "attribute name repeated in class pattern: %U", other);
            }
        }
    }
    return 0;
}

/* 1 when the lists `a` and `b` hold the same names (in any order; neither
   holds a name twice), 0 when not, -1 on error. */
static int
same_names(PyObject *a, PyObject *b)
{
    if (PyList_GET_SIZE(a) != PyList_GET_SIZE(b)) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(b); i++) {
        int found = PySequence_Contains(a, PyList_GET_ITEM(b, i));
        if (found <= 0) {
            return found;
        }
    }
    return 1;
}

/* Each alternative binds its own list of names; all must bind the same
   set as the first, which then joins `names`. */
static int
check_or_pattern(struct compiler *c, pattern_ty p, int allow_irrefutable,
                 PyObject *names)
{
    asdl_pattern_seq *alts = p->v.MatchOr.patterns;
    Py_ssize_t n = asdl_seq_LEN(alts);
    PyObject *control = NULL;   /* owned: the first alternative's names */
    int result = 0;
    for (Py_ssize_t i = 0; i < n && result == 0; i++) {
        pattern_ty alt = asdl_seq_GET(alts, i);
        PyObject *bound = PyList_New(0);
        if (bound == NULL) {
            result = -1;
            break;
        }
        result = check_pattern(c, alt, allow_irrefutable && i == n - 1, bound);
        if (result == 0 && control == NULL) {
            control = bound;
            continue;
        }
        if (result == 0) {
            int same = same_names(control, bound);
            if (same == 0) {
                compiler_error(c, LOC(alt),
                               "alternative patterns bind different names");
            }
            result = same > 0 ? 0 : -1;
        }
        Py_DECREF(bound);
    }
    for (Py_ssize_t j = 0; result == 0 && control && j < PyList_GET_SIZE(control); j++) {
        result = check_bound_name(c, LOC(p), PyList_GET_ITEM(control, j), names);
    }
    Py_XDECREF(control);
    return result;
}

static int
check_pattern(struct compiler *c, pattern_ty p, int allow_irrefutable,
              PyObject *names)
{
    location loc = LOC(p);
    switch (p->kind) {
    case MatchValue_kind: {
        /* Literals (signed numbers and complex literals are still
           UnaryOp/BinOp nodes here) and dotted names; not f-strings or
           t-strings, which the grammar lets through. */
        expr_ty value = p->v.MatchValue.value;
        if (value->kind != Attribute_kind) {
            PyObject *literal = mapping_key_value(value);
            if (literal == NULL) {
                return PyErr_Occurred() ? -1 : compiler_error(c, loc,
                    "patterns may only match literals and attribute lookups");
            }
            Py_DECREF(literal);
        }
        return 0;
    }
    case MatchSingleton_kind:
        return 0;
    case MatchSequence_kind:
        return check_subpatterns(c, p->v.MatchSequence.patterns, names);
    case MatchMapping_kind:
        RETURN_IF_ERROR(check_mapping_keys(c, p));
        RETURN_IF_ERROR(check_subpatterns(c, p->v.MatchMapping.patterns, names));
        if (p->v.MatchMapping.rest) {
            return check_bound_name(c, loc, p->v.MatchMapping.rest, names);
        }
        return 0;
    case MatchClass_kind:
        RETURN_IF_ERROR(check_class_keywords(c, p));
        RETURN_IF_ERROR(check_subpatterns(c, p->v.MatchClass.patterns, names));
        return check_subpatterns(c, p->v.MatchClass.kwd_patterns, names);
    case MatchStar_kind:
        if (p->v.MatchStar.name) {
            return check_bound_name(c, loc, p->v.MatchStar.name, names);
        }
        return 0;
    case MatchAs_kind:
        if (p->v.MatchAs.pattern == NULL && !allow_irrefutable) {
            if (p->v.MatchAs.name) {
                return compiler_error(c, loc,
                    "name capture %R makes remaining patterns unreachable",
                    p->v.MatchAs.name);
            }
            return compiler_error(c, loc,
                                  "wildcard makes remaining patterns unreachable");
        }
        if (p->v.MatchAs.pattern) {
            RETURN_IF_ERROR(check_pattern(c, p->v.MatchAs.pattern,
                                          allow_irrefutable, names));
        }
        if (p->v.MatchAs.name) {
            return check_bound_name(c, loc, p->v.MatchAs.name, names);
        }
        return 0;
    case MatchOr_kind:
        return check_or_pattern(c, p, allow_irrefutable, names);
    }
    return 0;
}

/* Checks one case's pattern; see "pattern checks" above. */
static int
check_case_pattern(struct compiler *c, match_case_ty m, int last)
{
    PyObject *names = PyList_New(0);
    if (names == NULL) {
        return -1;
    }
    int r = check_pattern(c, m->pattern, last || m->guard != NULL, names);
    Py_DECREF(names);
    return r;
}

/* One case: its pattern, then (on a match) its captures stored, its
   guard and its body.  A failing pattern or guard falls through to what
   follows, with the stack as it was before the case. */
static int
codegen_match_case(struct compiler *c, match_case_ty m, int last,
                   basicblock *end)
{
    pattern_context pc = { NULL, 0, 0, PyList_New(0) };
    if (pc.stores == NULL) {
        return -1;
    }
    int r = -1;
    /* Every case but the last works on a copy of the subject. */
    if (!last && _PyCfg_Addop(CFG(c), COPY, 1, NULL, LOC(m->pattern)) < 0) {
        goto done;
    }
    if (codegen_pattern(c, m->pattern, &pc) < 0 ||
        store_captures(c, LOC(m->pattern), &pc) < 0) {
        goto done;
    }
    /* The names are bound now: a failing guard pops nothing more. */
    if (PyList_SetSlice(pc.stores, 0, PyList_GET_SIZE(pc.stores), NULL) < 0) {
        goto done;
    }
    if (m->guard && (ensure_fail_pop(c, &pc, 0) < 0 ||
                     codegen_jump_if(c, LOC(m->guard), m->guard,
                                     pc.fail_pop[0], 0) < 0)) {
        goto done;
    }
    if (!last && _PyCfg_Addop(CFG(c), POP_TOP, 0, NULL, NO_LOCATION) < 0) {
        goto done;
    }
    for (Py_ssize_t j = 0; j < asdl_seq_LEN(m->body); j++) {
        if (codegen_visit_stmt(c, asdl_seq_GET(m->body, j)) < 0) {
            goto done;
        }
    }
    if (_PyCfg_Addop(CFG(c), JUMP_NO_INTERRUPT, 0, end, NO_LOCATION) < 0) {
        goto done;
    }
    r = emit_fail_pops(c, &pc);
done:
    PyMem_Free(pc.fail_pop);
    Py_DECREF(pc.stores);
    return r;
}

static int
codegen_match(struct compiler *c, stmt_ty s)
{
    VISIT(c, expr, s->v.Match.subject);
    NEW_BLOCK(c, end);
    Py_ssize_t n = asdl_seq_LEN(s->v.Match.cases);
    for (Py_ssize_t i = 0; i < n; i++) {
        match_case_ty m = asdl_seq_GET(s->v.Match.cases, i);
        int last = i == n - 1;
        RETURN_IF_ERROR(check_case_pattern(c, m, last));
        RETURN_IF_ERROR(codegen_match_case(c, m, last, end));
    }
    USE_BLOCK(c, end);
    return 0;
}

static int
codegen_visit_stmt_expr(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    expr_ty value = s->v.Expr.value;
    /* 'single' mode prints every expression statement of the module
       level, inside loops, with and try blocks too (as CPython). */
    if (c->c_interactive && c->u->u_kind == UNIT_MODULE) {
        VISIT(c, expr, value);
        ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_PRINT);
        ADDOP(c, NO_LOCATION, POP_TOP);
        return 0;
    }
    if (value->kind == Constant_kind) {
        ADDOP(c, loc, NOP);
        return 0;
    }
    VISIT(c, expr, value);
    ADDOP(c, NO_LOCATION, POP_TOP);
    return 0;
}

static int codegen_visit_stmt_kind(struct compiler *c, stmt_ty s);

int
codegen_visit_stmt(struct compiler *c, stmt_ty s)
{
    int conditional = s->kind == If_kind || s->kind == For_kind ||
                      s->kind == AsyncFor_kind || s->kind == While_kind ||
                      s->kind == With_kind || s->kind == AsyncWith_kind ||
                      s->kind == Match_kind || s->kind == Try_kind ||
                      s->kind == TryStar_kind;
    struct compiler_unit *u = c->u;
    if (conditional) {
        u->u_cond_depth++;
    }
    int r = codegen_visit_stmt_kind(c, s);
    if (conditional) {
        u->u_cond_depth--;
    }
    return r;
}

static int
codegen_visit_stmt_kind(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    switch (s->kind) {
    case FunctionDef_kind:
        return codegen_function(c, s, 0);
    case AsyncFunctionDef_kind:
        return codegen_function(c, s, 1);
    case ClassDef_kind:
        return codegen_class(c, s);
    case Return_kind:
        return codegen_return(c, s);
    case Delete_kind:
        VISIT_SEQ(c, expr, s->v.Delete.targets);
        return 0;
    case Assign_kind: {
        Py_ssize_t n = asdl_seq_LEN(s->v.Assign.targets);
        VISIT(c, expr, s->v.Assign.value);
        for (Py_ssize_t i = 0; i < n; i++) {
            if (i < n - 1) {
                ADDOP_I(c, loc, COPY, 1);
            }
            VISIT(c, expr, asdl_seq_GET(s->v.Assign.targets, i));
        }
        return 0;
    }
    case TypeAlias_kind:
        return codegen_type_alias(c, s);
    case AugAssign_kind:
        return codegen_augassign(c, s);
    case AnnAssign_kind:
        return codegen_annassign(c, s);
    case For_kind:
        return codegen_for(c, s);
    case AsyncFor_kind:
        return codegen_async_for(c, s);
    case While_kind:
        return codegen_while(c, s);
    case If_kind:
        return codegen_if(c, s);
    case With_kind:
        return codegen_with(c, s, 0, 0);
    case AsyncWith_kind:
        return codegen_with(c, s, 0, 1);
    case Match_kind:
        return codegen_match(c, s);
    case Raise_kind: {
        int n = 0;
        if (s->v.Raise.exc) {
            VISIT(c, expr, s->v.Raise.exc);
            n++;
            if (s->v.Raise.cause) {
                VISIT(c, expr, s->v.Raise.cause);
                n++;
            }
        }
        ADDOP_I(c, loc, RAISE_VARARGS, n);
        return 0;
    }
    case Try_kind:
    case TryStar_kind: {
        c->u->u_try_depth++;
        int r = codegen_try(c, s);
        c->u->u_try_depth--;
        return r;
    }
    case Assert_kind:
        return codegen_assert(c, s);
    case Import_kind:
        return codegen_import(c, s);
    case ImportFrom_kind:
        return codegen_from_import(c, s);
    case Global_kind:
    case Nonlocal_kind:
    case Pass_kind:
        ADDOP(c, loc, NOP);
        return 0;
    case Expr_kind:
        return codegen_visit_stmt_expr(c, s);
    case Break_kind:
        return codegen_break_continue(c, s, 1);
    case Continue_kind:
        return codegen_break_continue(c, s, 0);
    }
    return 0;
}

