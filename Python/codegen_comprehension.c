/* Code generation for comprehensions and generator expressions: list,
   set and dict comprehensions inlined into the enclosing function (PEP
   709), and the nested functions that generator expressions and
   comprehensions outside functions still compile to.  The compiler's
   state is private to the compiling thread. */
#include "Python.h"
#include "pycore_codegen.h"

/* ---- comprehensions ---------------------------------------------------- */

/* The innermost part of a comprehension: yield or add the element. */
static int
codegen_comprehension_element(struct compiler *c, location loc, int depth,
                              expr_ty elt, expr_ty val, int type)
{
    /* PEP 798: a starred element (or a dict comprehension without a
       value, "{**m for ...}") adds all the items of one iterable. */
    if (elt->kind == Starred_kind || (type == DictComp_kind && val == NULL)) {
        int add_op = type == ListComp_kind ? LIST_EXTEND
                     : type == SetComp_kind ? SET_UPDATE : DICT_UPDATE;
        VISIT(c, expr, elt->kind == Starred_kind ? elt->v.Starred.value : elt);
        if (type != GeneratorExp_kind) {
            ADDOP_I(c, loc, add_op, depth + 1);
            return 0;
        }
        if (c->u->u_ste->ste_coroutine) {
            return compiler_error(c, loc, "cannot use starred expression "
                                  "in an asynchronous generator expression");
        }
        ADDOP(c, loc, GET_YIELD_FROM_ITER);
        ADDOP_LOAD_CONST(c, loc, Py_None);
        RETURN_IF_ERROR(codegen_add_yield_from(c, loc, 0));
        ADDOP(c, loc, POP_TOP);
        return 0;
    }
    switch (type) {
    case GeneratorExp_kind:
        VISIT(c, expr, elt);
        if (c->u->u_ste->ste_coroutine) {
            ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_ASYNC_GEN_WRAP);
        }
        ADDOP_I(c, loc, YIELD_VALUE, 0);
        ADDOP_I(c, loc, RESUME, RESUME_AFTER_YIELD);
        ADDOP(c, loc, POP_TOP);
        break;
    case ListComp_kind:
        VISIT(c, expr, elt);
        ADDOP_I(c, loc, LIST_APPEND, depth + 1);
        break;
    case SetComp_kind:
        VISIT(c, expr, elt);
        ADDOP_I(c, loc, SET_ADD, depth + 1);
        break;
    default:
        VISIT(c, expr, elt);
        VISIT(c, expr, val);
        ADDOP_I(c, loc, MAP_ADD, depth + 1);
        break;
    }
    return 0;
}

/* One `for` clause (sync or async) of a comprehension; the iterator of
   the first clause is the function's argument ".0" (slot 0). */
static int
codegen_comprehension_generator(struct compiler *c, location loc,
                                asdl_comprehension_seq *gens, int index,
                                int depth, expr_ty elt, expr_ty val, int type,
                                int iter_on_stack)
{
    comprehension_ty gen = asdl_seq_GET(gens, index);
    NEW_BLOCK(c, start);
    NEW_BLOCK(c, if_cleanup);
    NEW_BLOCK(c, cleanup);
    NEW_BLOCK(c, anchor);
    if (index == 0 && iter_on_stack) {
        /* Inlined: the outermost iterator is already on the stack. */
    }
    else if (index == 0) {
        ADDOP_I(c, loc, LOAD_FAST, 0);
    }
    else {
        VISIT(c, expr, gen->iter);
        ADDOP(c, LOC(gen->iter), gen->is_async ? GET_AITER : GET_ITER);
    }
    USE_BLOCK(c, start);
    if (gen->is_async) {
        ADDOP_JUMP(c, loc, SETUP_FINALLY, cleanup);
        ADDOP(c, loc, GET_ANEXT);
        ADDOP_LOAD_CONST(c, loc, Py_None);
        RETURN_IF_ERROR(codegen_add_yield_from(c, loc, 1));
        ADDOP(c, loc, POP_BLOCK);
    }
    else {
        /* An error from __next__ points at the iterable, as CPython. */
        ADDOP_JUMP(c, LOC(gen->iter), FOR_ITER, cleanup);
    }
    VISIT(c, expr, gen->target);
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(gen->ifs); i++) {
        RETURN_IF_ERROR(codegen_jump_if(c, loc, asdl_seq_GET(gen->ifs, i),
                                        if_cleanup, 0));
    }
    depth++;
    if (index + 1 < asdl_seq_LEN(gens)) {
        RETURN_IF_ERROR(codegen_comprehension_generator(c, loc, gens, index + 1,
                                                        depth, elt, val, type, 0));
    }
    else {
        RETURN_IF_ERROR(codegen_comprehension_element(c, loc, depth, elt, val,
                                                      type));
    }
    USE_BLOCK(c, if_cleanup);
    ADDOP_JUMP(c, NO_LOCATION, JUMP, start);
    USE_BLOCK(c, cleanup);
    if (gen->is_async) {
        ADDOP(c, loc, END_ASYNC_FOR);
    }
    else {
        ADDOP(c, NO_LOCATION, END_FOR);
        ADDOP(c, NO_LOCATION, POP_ITER);
    }
    USE_BLOCK(c, anchor);
    return 0;
}

/* The names an inlined comprehension binds (locals or cells), sorted. */
static PyObject *
inlined_locals(PySTEntryObject *ste)
{
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    Py_ssize_t pos = 0;
    PyObject *name, *v;
    while (PyDict_Next(ste->ste_symbols, &pos, &name, &v)) {
        long flags = PyLong_AsLong(v);
        if ((flags & DEF_LOCAL) &&
            !(flags & (DEF_PARAM | DEF_NONLOCAL | DEF_GLOBAL)) &&
            PyList_Append(list, name) < 0) {
            Py_DECREF(list);
            return NULL;
        }
    }
    if (PyList_Sort(list) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    return list;
}

/* A name the comprehension reads as a global may be a fast slot of the
   enclosing function only because another inlined comprehension bound
   it there (`[x for x in a]; [x for _ in b]`): the comprehension still
   reads the global, as its own scope would.  Adds those names to
   `hidden` (name -> GLOBAL_IMPLICIT). */
static int
override_globals(struct compiler_unit *u, PySTEntryObject *ste,
                 PyObject *hidden)
{
    if (!_PyST_IsFunctionLike(u->u_ste)) {
        return 0;
    }
    Py_ssize_t pos = 0;
    PyObject *name, *v;
    while (PyDict_Next(ste->ste_symbols, &pos, &name, &v)) {
        if (SYMBOL_TO_SCOPE(PyLong_AsLong(v)) != GLOBAL_IMPLICIT) {
            continue;
        }
        int outer = _PyST_GetScope(u->u_ste, name);
        if (PyErr_Occurred()) {
            return -1;
        }
        if (outer != LOCAL && outer != CELL) {
            continue;
        }
        PyObject *g = PyLong_FromLong(GLOBAL_IMPLICIT);
        int r = g == NULL ? -1 : PyDict_SetItem(hidden, name, g);
        Py_XDECREF(g);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

/* While the body of an inlined comprehension is generated, its own names
   resolve to the enclosing code's fast slots with the comprehension's
   scope (LOCAL, or CELL when a nested scope closes over them), whatever
   the enclosing code does with the same names; see also
   override_globals.  Returns the previous overrides (to be given back to
   restore_overrides), or NULL on error. */
static PyObject *
override_scopes(struct compiler_unit *u, PySTEntryObject *ste, PyObject *names)
{
    PyObject *saved = u->u_fasthidden == NULL ? PyDict_New()
                                              : PyDict_Copy(u->u_fasthidden);
    if (saved == NULL) {
        return NULL;
    }
    if (u->u_fasthidden == NULL) {
        u->u_fasthidden = PyDict_New();
        if (u->u_fasthidden == NULL) {
            Py_DECREF(saved);
            return NULL;
        }
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(names); i++) {
        PyObject *name = PyList_GET_ITEM(names, i);
        int scope = _PyST_GetScope(ste, name) == CELL ? CELL : LOCAL;
        PyObject *v = PyLong_FromLong(scope);
        if (v == NULL || PyDict_SetItem(u->u_fasthidden, name, v) < 0) {
            Py_XDECREF(v);
            Py_DECREF(saved);
            return NULL;
        }
        Py_DECREF(v);
    }
    if (override_globals(u, ste, u->u_fasthidden) < 0) {
        Py_DECREF(saved);
        return NULL;
    }
    return saved;
}

/* Puts back the overrides of the enclosing inlined comprehension (or
   none); steals `saved`. */
static void
restore_overrides(struct compiler_unit *u, PyObject *saved)
{
    Py_XSETREF(u->u_fasthidden, saved);
}

/* The fast-locals-plus slot of an inlined comprehension's name in the
   enclosing code: a local or cell slot of that name. */
static int
inlined_slot(struct compiler_unit *u, PyObject *name)
{
    int slot = dict_index(u->u_varnames, name);
    if (slot < 0 && !PyErr_Occurred()) {
        slot = dict_index(u->u_derefs, name);
    }
    if (slot < 0 && !PyErr_Occurred()) {
        PyErr_SetString(PyExc_SystemError,
                        "compiler: inlined comprehension without slot");
    }
    return slot;
}

/* PEP 709: the comprehension runs in the current frame.  Its own names
   are saved with LOAD_FAST_AND_CLEAR under the iterator and restored
   afterwards, also when the loop raises.  The saved value may be NULL
   (the name was unbound), hence STORE_FAST_MAYBE_NULL: the flow graph's
   definite-assignment pass then keeps later reads checked.  A slot that
   holds a cell is saved with its cell: a name that nested scopes capture
   gets a fresh cell (MAKE_CELL) for this run of the comprehension. */
static int
codegen_inlined_comprehension(struct compiler *c, expr_ty e,
                              PySTEntryObject *ste,
                              asdl_comprehension_seq *gens, expr_ty elt,
                              expr_ty val, int build)
{
    location loc = LOC(e);
    comprehension_ty outer = asdl_seq_GET(gens, 0);
    VISIT(c, expr, outer->iter);
    ADDOP(c, LOC(outer->iter), outer->is_async ? GET_AITER : GET_ITER);
    PyObject *names = inlined_locals(ste);
    if (names == NULL) {
        return -1;
    }
    Py_ssize_t n = PyList_GET_SIZE(names);
    int *slots = PyMem_Calloc((size_t)n + 1, sizeof(int));
    int r = slots == NULL ? -1 : 0;
    for (Py_ssize_t i = 0; r == 0 && i < n; i++) {
        slots[i] = inlined_slot(c->u, PyList_GET_ITEM(names, i));
        r = slots[i] < 0 ? -1 : 0;
    }
    basicblock *cleanup = r == 0 ? _PyCfg_NewBlock(CFG(c)) : NULL;
    basicblock *end = r == 0 ? _PyCfg_NewBlock(CFG(c)) : NULL;
    r = (cleanup == NULL || end == NULL) ? -1 : 0;
    for (Py_ssize_t i = 0; r == 0 && i < n; i++) {
        r = _PyCfg_Addop(CFG(c), LOAD_FAST_AND_CLEAR, slots[i], NULL, loc);
        if (r == 0 && _PyST_GetScope(ste, PyList_GET_ITEM(names, i)) == CELL) {
            r = _PyCfg_Addop(CFG(c), MAKE_CELL, slots[i], NULL, loc);
        }
        if (r == 0) r = _PyCfg_Addop(CFG(c), SWAP, 2, NULL, loc);
    }
    if (r == 0) r = _PyCfg_Addop(CFG(c), build, 0, NULL, loc);
    if (r == 0) r = _PyCfg_Addop(CFG(c), SWAP, 2, NULL, loc);
    if (r == 0) r = _PyCfg_Addop(CFG(c), SETUP_FINALLY, 0, cleanup, loc);
    PyObject *saved = r == 0 ? override_scopes(c->u, ste, names) : NULL;
    Py_DECREF(names);
    if (saved == NULL) {
        PyMem_Free(slots);
        return -1;
    }
    c->u->u_in_inlined_comprehension++;
    r = codegen_comprehension_generator(c, loc, gens, 0, 0, elt, val,
                                        e->kind, 1);
    c->u->u_in_inlined_comprehension--;
    restore_overrides(c->u, saved);
    if (r == 0) r = _PyCfg_Addop(CFG(c), POP_BLOCK, 0, NULL, NO_LOCATION);
    for (Py_ssize_t i = n - 1; r == 0 && i >= 0; i--) {
        r = _PyCfg_Addop(CFG(c), SWAP, 2, NULL, loc);
        if (r == 0) r = _PyCfg_Addop(CFG(c), STORE_FAST_MAYBE_NULL, slots[i],
                                     NULL, loc);
    }
    if (r == 0) r = _PyCfg_Addop(CFG(c), JUMP_NO_INTERRUPT, 0, end, NO_LOCATION);
    if (r == 0) {
        /* [saved..., result, iterator, exc] */
        USE_BLOCK(c, cleanup);
        r = _PyCfg_Addop(CFG(c), SWAP, 2, NULL, NO_LOCATION);
        if (r == 0) r = _PyCfg_Addop(CFG(c), POP_TOP, 0, NULL, NO_LOCATION);
        if (r == 0) r = _PyCfg_Addop(CFG(c), SWAP, 2, NULL, NO_LOCATION);
        if (r == 0) r = _PyCfg_Addop(CFG(c), POP_TOP, 0, NULL, NO_LOCATION);
    }
    for (Py_ssize_t i = n - 1; r == 0 && i >= 0; i--) {
        r = _PyCfg_Addop(CFG(c), SWAP, 2, NULL, NO_LOCATION);
        if (r == 0) r = _PyCfg_Addop(CFG(c), STORE_FAST_MAYBE_NULL, slots[i],
                                     NULL, NO_LOCATION);
    }
    if (r == 0) r = _PyCfg_Addop(CFG(c), RERAISE, 0, NULL, NO_LOCATION);
    PyMem_Free(slots);
    RETURN_IF_ERROR(r);
    USE_BLOCK(c, end);
    return 0;
}

int
codegen_comprehension(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    asdl_comprehension_seq *gens;
    expr_ty elt, val = NULL;
    const char *name_str;
    int build = 0;
    switch (e->kind) {
    case ListComp_kind:
        gens = e->v.ListComp.generators; elt = e->v.ListComp.elt;
        name_str = "<listcomp>"; build = BUILD_LIST;
        break;
    case SetComp_kind:
        gens = e->v.SetComp.generators; elt = e->v.SetComp.elt;
        name_str = "<setcomp>"; build = BUILD_SET;
        break;
    case DictComp_kind:
        gens = e->v.DictComp.generators; elt = e->v.DictComp.key;
        val = e->v.DictComp.value; name_str = "<dictcomp>"; build = BUILD_MAP;
        break;
    default:
        gens = e->v.GeneratorExp.generators; elt = e->v.GeneratorExp.elt;
        name_str = "<genexpr>";
        break;
    }
    comprehension_ty outer = asdl_seq_GET(gens, 0);
    PySTEntryObject *ste = _PySymtable_Lookup(c->c_st, (void *)e);
    if (ste == NULL) {
        return -1;
    }
    if (ste->ste_coroutine && e->kind != GeneratorExp_kind &&
        !is_async_unit_ok(c)) {
        return compiler_error(c, loc, "asynchronous comprehension outside of "
                              "an asynchronous function");
    }
    if (ste->ste_comp_inlined) {
        return codegen_inlined_comprehension(c, e, ste, gens, elt, val, build);
    }
    PyObject *name = PyUnicode_InternFromString(name_str);
    if (name == NULL) {
        return -1;
    }
    int r = enter_scope(c, name, UNIT_COMPREHENSION, (void *)e, e->lineno);
    Py_DECREF(name);
    RETURN_IF_ERROR(r);
    c->u->u_argcount = 1;
    int is_async_comp = c->u->u_ste->ste_coroutine;
    PyObject *co = NULL;
    basicblock *guard = NULL;
    r = codegen_start_stopiteration_guard(c, &guard);
    if (r == 0 && build) {
        r = _PyCfg_Addop(CFG(c), build, 0, NULL, loc);
    }
    if (r == 0) {
        r = codegen_comprehension_generator(c, loc, gens, 0, 0, elt, val, e->kind, 0);
    }
    if (r == 0 && build) {
        r = _PyCfg_Addop(CFG(c), RETURN_VALUE, 0, NULL, loc);
    }
    if (r == 0) {
        r = codegen_end_stopiteration_guard(c, guard);
    }
    if (r == 0 && guard == NULL) {
        r = load_const(c, NO_LOCATION, Py_None);
        if (r == 0) {
            r = _PyCfg_Addop(CFG(c), RETURN_VALUE, 0, NULL, NO_LOCATION);
        }
    }
    if (r == 0) {
        co = assemble_unit(c);
    }
    exit_scope(c);
    if (co == NULL) {
        return -1;
    }
    r = codegen_make_closure(c, loc, (PyCodeObject *)co, 0);
    Py_DECREF(co);
    RETURN_IF_ERROR(r);
    ADDOP(c, loc, PUSH_NULL);
    VISIT(c, expr, outer->iter);
    ADDOP(c, LOC(outer->iter), outer->is_async ? GET_AITER : GET_ITER);
    ADDOP_I(c, loc, CALL, 1);
    if (is_async_comp && e->kind != GeneratorExp_kind) {
        ADDOP_I(c, loc, GET_AWAITABLE, GET_AWAITABLE_PLAIN);
        ADDOP_LOAD_CONST(c, loc, Py_None);
        RETURN_IF_ERROR(codegen_add_yield_from(c, loc, 1));
    }
    return 0;
}
