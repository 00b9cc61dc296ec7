/* The instruction bodies of the dispatch loop; included once, inside
   _PyEval_EvalFrame (Python/ceval.c), where the registers (frame,
   next_instr, stack_pointer, code, first_instr, opcode, oparg) and the
   stack macros are defined.

   Convention: an instruction pops and releases its inputs before
   `goto error`, so the unwinder finds only values the instruction did not
   consume.

   Specialization: a base instruction with specialized forms starts with
   SPEC_ADAPT (count down, maybe specialize) and continues at its
   generic_NAME label, where its specialized forms
   (Python/ceval_specialized.h) also go on a miss. */

/* ---- basic stack and locals --------------------------------------------- */

TARGET(NOP)
TARGET(NOT_TAKEN)
TARGET(CACHE)
TARGET(RESERVED)
{
    DISPATCH();
}

TARGET(RESUME)
{
    if (_PySpec_Table(code) == NULL) {
        _PySpec_Warm(code);
    }
    void **table_before = dispatch_table;
    CHECK_EVAL_BREAKER();
    if (dispatch_table != table_before && dispatch_table != opcode_targets) {
        /* Tracing began while this loop ran plainly: this frame's start
           event is still due. */
        goto instrumented_instruction;
    }
    DISPATCH();
}

TARGET(EXTENDED_ARG)
{
    word = READ_WORD(next_instr);
    next_instr++;
    opcode = _Py_OPCODE(word);
    oparg = (oparg << 8) | _Py_OPARG(word);
    frame->instr_ptr = next_instr - 1;
    goto *opcode_targets[opcode];
}

TARGET(INTERPRETER_EXIT)
{
    retval = POP();
    goto return_from_frame;
}

TARGET(POP_TOP)
TARGET(END_FOR)
TARGET(POP_ITER)
{
    PyObject *v = POP();
    _PyStackRef_XClose(v);
    DISPATCH();
}

TARGET(PUSH_NULL)
{
    PUSH(NULL);
    DISPATCH();
}

TARGET(COPY)
{
    PUSH(Py_XNewRef(PEEK(oparg)));
    DISPATCH();
}

TARGET(SWAP)
{
    PyObject *top = TOP();
    SET_TOP(PEEK(oparg));
    PEEK(oparg) = top;
    DISPATCH();
}

TARGET(LOAD_CONST)
{
    PUSH(Py_NewRef(PyTuple_GET_ITEM(code->co_consts, oparg)));
    DISPATCH();
}

TARGET(LOAD_SMALL_INT)
{
    /* The compiler's operands are 0..255: the cached, immortal ints
       (a reference to one needs no count). */
    if (oparg < _PY_NSMALLPOSINTS) {
        PUSH(_PyLong_SMALL_INT(oparg));
        DISPATCH();
    }
    PyObject *v = PyLong_FromLong(oparg);
    ERROR_IF(v == NULL);
    PUSH(v);
    DISPATCH();
}

TARGET(LOAD_COMMON_CONSTANT)
{
    PyObject *v = NULL;
    switch (oparg) {
    case CONSTANT_ASSERTIONERROR: v = PyExc_AssertionError; break;
    case CONSTANT_NOTIMPLEMENTEDERROR: v = PyExc_NotImplementedError; break;
    case CONSTANT_BUILTIN_TUPLE: v = (PyObject *)&PyTuple_Type; break;
    case CONSTANT_BUILTIN_ALL:
    case CONSTANT_BUILTIN_ANY:
        v = PyDict_GetItemString(frame->f_builtins,
                                 oparg == CONSTANT_BUILTIN_ALL ? "all" : "any");
        break;
    }
    if (v == NULL) {
        PyErr_SetString(PyExc_SystemError, "bad LOAD_COMMON_CONSTANT oparg");
        goto error;
    }
    PUSH(Py_NewRef(v));
    DISPATCH();
}

TARGET(LOAD_FAST)
{
    PUSH(Py_NewRef(_PyStackRef_Get(GETLOCAL(oparg))));
    DISPATCH();
}

TARGET(LOAD_FAST_BORROW)
{
    /* The local keeps its reference while the slot lives: the compiler
       checked it (pycore_stackref.h). */
    PUSH(_PyStackRef_Borrow(GETLOCAL(oparg)));
    DISPATCH();
}

TARGET(LOAD_FAST_CHECK)
{
    PyObject *v = _PyStackRef_Get(GETLOCAL(oparg));
    if (v == NULL) {
        _PyEval_FormatUnboundLocal(code, oparg);
        goto error;
    }
    PUSH(Py_NewRef(v));
    DISPATCH();
}

TARGET(LOAD_FAST_LOAD_FAST)
{
    PUSH(Py_NewRef(_PyStackRef_Get(GETLOCAL(oparg >> 4))));
    PUSH(Py_NewRef(_PyStackRef_Get(GETLOCAL(oparg & 15))));
    DISPATCH();
}

TARGET(LOAD_FAST_BORROW_LOAD_FAST_BORROW)
{
    PUSH(_PyStackRef_Borrow(GETLOCAL(oparg >> 4)));
    PUSH(_PyStackRef_Borrow(GETLOCAL(oparg & 15)));
    DISPATCH();
}

TARGET(LOAD_FAST_AND_CLEAR)
{
#ifdef Py_GIL_DISABLED
    /* The value waits on the stack across a comprehension's code, where
       no promotion walk would find it. */
    _PyStackRef_PromoteQsbr(&GETLOCAL(oparg));
#endif
    PUSH(GETLOCAL(oparg));
    GETLOCAL(oparg) = NULL;
    DISPATCH();
}

TARGET(STORE_FAST)
{
    PyObject *v = POP();
    SETLOCAL(oparg, v);
    DISPATCH();
}

TARGET(STORE_FAST_LOAD_FAST)
{
    PyObject *v = POP();
    SETLOCAL(oparg >> 4, v);
    PUSH(Py_NewRef(_PyStackRef_Get(GETLOCAL(oparg & 15))));
    DISPATCH();
}

TARGET(STORE_FAST_STORE_FAST)
{
    PyObject *first = POP();
    SETLOCAL(oparg >> 4, first);
    PyObject *second = POP();
    SETLOCAL(oparg & 15, second);
    DISPATCH();
}

TARGET(DELETE_FAST)
{
    if (GETLOCAL(oparg) == NULL) {
        _PyEval_FormatUnboundLocal(code, oparg);
        goto error;
    }
    SETLOCAL(oparg, NULL);
    DISPATCH();
}

/* ---- cells ---------------------------------------------------------------- */

TARGET(MAKE_CELL)
{
    PyObject *initial = GETLOCAL(oparg);
    PyObject *cell = PyCell_New(initial);
    ERROR_IF(cell == NULL);
    Py_XSETREF(GETLOCAL(oparg), cell);
    DISPATCH();
}

TARGET(COPY_FREE_VARS)
{
    PyObject *closure = ((PyFunctionObject *)frame->f_funcobj)->func_closure;
    int offset = code->co_nlocalsplus - oparg;
    for (int i = 0; i < oparg; i++) {
        GETLOCAL(offset + i) = Py_NewRef(PyTuple_GET_ITEM(closure, i));
    }
    DISPATCH();
}

TARGET(LOAD_DEREF)
{
    PyObject *v = PyCell_GET(GETLOCAL(oparg));
    if (v == NULL) {
        _PyEval_FormatUnboundDeref(code, oparg);
        goto error;
    }
    PUSH(Py_NewRef(v));
    DISPATCH();
}

TARGET(STORE_DEREF)
{
    PyObject *v = POP();
    PyCell_Set(GETLOCAL(oparg), v);
    Py_DECREF(v);
    DISPATCH();
}

TARGET(DELETE_DEREF)
{
    PyObject *cell = GETLOCAL(oparg);
    if (PyCell_GET(cell) == NULL) {
        _PyEval_FormatUnboundDeref(code, oparg);
        goto error;
    }
    PyCell_Set(cell, NULL);
    DISPATCH();
}

TARGET(LOAD_FROM_DICT_OR_DEREF)
{
    PyObject *mapping = POP();
    PyObject *name = PyTuple_GET_ITEM(code->co_localsplusnames, oparg);
    PyObject *v;
    int found = PyMapping_GetOptionalItem(mapping, name, &v);
    Py_DECREF(mapping);
    ERROR_IF(found < 0);
    if (!found) {
        v = Py_XNewRef(PyCell_GET(GETLOCAL(oparg)));
        if (v == NULL) {
            _PyEval_FormatUnboundDeref(code, oparg);
            goto error;
        }
    }
    PUSH(v);
    DISPATCH();
}

/* ---- names ---------------------------------------------------------------- */

TARGET(LOAD_NAME)
{
    PyObject *name = PyTuple_GET_ITEM(code->co_names, oparg);
    PyObject *v = _PyEval_LoadName(tstate, frame, name);
    ERROR_IF(v == NULL);
    PUSH(v);
    DISPATCH();
}

TARGET(STORE_NAME)
{
    PyObject *name = PyTuple_GET_ITEM(code->co_names, oparg);
    PyObject *v = POP();
    PyObject *locals = frame->f_locals;
    int err;
    if (locals == NULL) {
        PyErr_Format(PyExc_SystemError, "no locals found when storing %R", name);
        Py_DECREF(v);
        goto error;
    }
    err = PyDict_CheckExact(locals) ? PyDict_SetItem(locals, name, v)
                                    : PyObject_SetItem(locals, name, v);
    Py_DECREF(v);
    ERROR_IF(err < 0);
    DISPATCH();
}

TARGET(DELETE_NAME)
{
    PyObject *name = PyTuple_GET_ITEM(code->co_names, oparg);
    PyObject *locals = frame->f_locals;
    if (locals == NULL) {
        PyErr_Format(PyExc_SystemError, "no locals when deleting %R", name);
        goto error;
    }
    if (PyObject_DelItem(locals, name) < 0) {
        if (PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            _PyEval_FormatExcCheckArg(tstate, PyExc_NameError,
                                      "name '%.200s' is not defined", name);
        }
        goto error;
    }
    DISPATCH();
}

TARGET(LOAD_GLOBAL)
{
    SPEC_ADAPT(_PySpec_LoadGlobal(frame->instr_ptr, spec_entry_,
                                  frame->f_globals, frame->f_builtins,
                                  PyTuple_GET_ITEM(code->co_names, oparg >> 1)));
}
generic_LOAD_GLOBAL:
{
    PyObject *name = PyTuple_GET_ITEM(code->co_names, oparg >> 1);
    PyObject *v = _PyEval_LoadGlobal(tstate, frame->f_globals,
                                     frame->f_builtins, name);
    ERROR_IF(v == NULL);
    PUSH(v);
    if (oparg & 1) {
        PUSH(NULL);
    }
    DISPATCH();
}

TARGET(LOAD_FROM_DICT_OR_GLOBALS)
{
    PyObject *mapping = POP();
    PyObject *name = PyTuple_GET_ITEM(code->co_names, oparg);
    PyObject *v;
    int found = PyMapping_GetOptionalItem(mapping, name, &v);
    Py_DECREF(mapping);
    ERROR_IF(found < 0);
    if (!found) {
        v = _PyEval_LoadGlobal(tstate, frame->f_globals, frame->f_builtins,
                               name);
        ERROR_IF(v == NULL);
    }
    PUSH(v);
    DISPATCH();
}

TARGET(STORE_GLOBAL)
{
    PyObject *name = PyTuple_GET_ITEM(code->co_names, oparg);
    PyObject *v = POP();
    int err = PyDict_SetItem(frame->f_globals, name, v);
    Py_DECREF(v);
    ERROR_IF(err < 0);
    DISPATCH();
}

TARGET(DELETE_GLOBAL)
{
    PyObject *name = PyTuple_GET_ITEM(code->co_names, oparg);
    int found = PyDict_Pop(frame->f_globals, name, NULL);
    ERROR_IF(found < 0);
    if (found == 0) {
        _PyEval_FormatExcCheckArg(tstate, PyExc_NameError,
                                  "name '%.200s' is not defined", name);
        goto error;
    }
    DISPATCH();
}

TARGET(LOAD_LOCALS)
{
    PyObject *locals = frame->f_locals;
    if (locals == NULL) {
        PyErr_SetString(PyExc_SystemError, "no locals found");
        goto error;
    }
    PUSH(Py_NewRef(locals));
    DISPATCH();
}

TARGET(SETUP_ANNOTATIONS)
{
    PyObject *locals = frame->f_locals;
    if (locals == NULL) {
        PyErr_SetString(PyExc_SystemError,
                        "no locals found when setting up annotations");
        goto error;
    }
    PyObject *ann;
    int found = PyMapping_GetOptionalItemString(locals, "__annotations__", &ann);
    ERROR_IF(found < 0);
    if (found) {
        Py_DECREF(ann);
    }
    else {
        ann = PyDict_New();
        ERROR_IF(ann == NULL);
        int err = PyObject_SetItem(locals, _Py_INTERNED_ID(__annotations__), ann);
        Py_DECREF(ann);
        ERROR_IF(err < 0);
    }
    DISPATCH();
}

/* ---- attributes ------------------------------------------------------------ */

TARGET(LOAD_ATTR)
{
    SPEC_ADAPT(_PySpec_LoadAttr(code, frame->instr_ptr, spec_entry_,
                                _PyStackRef_Get(TOP()),
                                PyTuple_GET_ITEM(code->co_names, oparg >> 1),
                                oparg));
}
generic_LOAD_ATTR:
{
    PyObject *name = PyTuple_GET_ITEM(code->co_names, oparg >> 1);
    PyObject *owner_ref = TOP();
    PyObject *owner = _PyStackRef_Get(owner_ref);
    if (oparg & 1) {
        PyObject *meth = NULL;
        int is_unbound = _PyEval_LoadMethod(owner, name, &meth);
        if (meth == NULL) {
            STACK_SHRINK(1);
            _PyStackRef_Close(owner_ref);
            goto error;
        }
        if (is_unbound) {
            /* [method, self]: owner moves above the method as it is,
               borrowed or owned (calls accept borrowed self slots). */
            SET_TOP(meth);
            PUSH(owner_ref);
        }
        else {
            SET_TOP(meth);
            _PyStackRef_Close(owner_ref);
            PUSH(NULL);
        }
    }
    else {
        PyObject *v = PyObject_GetAttr(owner, name);
        _PyStackRef_Close(owner_ref);
        if (v == NULL) {
            STACK_SHRINK(1);
            goto error;
        }
        SET_TOP(v);
    }
    DISPATCH();
}

TARGET(STORE_ATTR)
{
    /* spec (session 6) */
    SPEC_ADAPT(_PySpec_StoreAttr(frame->instr_ptr, spec_entry_,
                                 _PyStackRef_Get(TOP()),
                                 PyTuple_GET_ITEM(code->co_names, oparg)));
}
generic_STORE_ATTR:
{
    PyObject *name = PyTuple_GET_ITEM(code->co_names, oparg);
    PyObject *owner_ref = POP();
    PyObject *v = POP();
    int err = PyObject_SetAttr(_PyStackRef_Get(owner_ref), name, v);
    Py_DECREF(v);
    _PyStackRef_Close(owner_ref);
    ERROR_IF(err < 0);
    DISPATCH();
}

TARGET(DELETE_ATTR)
{
    PyObject *name = PyTuple_GET_ITEM(code->co_names, oparg);
    PyObject *owner = POP();
    int err = PyObject_DelAttr(owner, name);
    Py_DECREF(owner);
    ERROR_IF(err < 0);
    DISPATCH();
}

TARGET(LOAD_SUPER_ATTR)
{
    /* [global_super, class, self] -> attr (or [meth, self|NULL]). */
    PyObject *name = PyTuple_GET_ITEM(code->co_names, oparg >> 2);
    {
        /* speedb (session 9): most super() calls need no super object. */
        PyObject *found;
        int how = _PyEval_SuperLookup(_PyStackRef_Get(PEEK(3)),
                                      _PyStackRef_Get(SECOND()),
                                      _PyStackRef_Get(TOP()), name,
                                      oparg & LOAD_SUPER_ATTR_METHOD, &found);
        if (how != 0) {
            PyObject *self_ref = POP();
            _PyStackRef_Close(POP());
            _PyStackRef_Close(POP());
            if (how == 2) {
                /* [method, self]: self moves above it as it is. */
                PUSH(found);
                PUSH(self_ref);
                DISPATCH();
            }
            _PyStackRef_Close(self_ref);
            ERROR_IF(how < 0);
            PUSH(found);
            if (oparg & LOAD_SUPER_ATTR_METHOD) {
                PUSH(NULL);
            }
            DISPATCH();
        }
    }
    PyObject *self = POP();
    PyObject *cls = POP();
    PyObject *global_super = POP();
    PyObject *super_obj;
    if ((oparg & LOAD_SUPER_ATTR_TWO_ARG)
            || global_super == (PyObject *)&PySuper_Type) {
        /* The compiler pushed __class__ and the first argument, so the
           zero-argument form is super(__class__, self) too. */
        PyObject *stack[2] = {cls, self};
        super_obj = PyObject_Vectorcall(global_super, stack, 2, NULL);
    }
    else {
        super_obj = PyObject_CallNoArgs(global_super);
    }
    Py_DECREF(global_super);
    Py_DECREF(cls);
    if (super_obj == NULL) {
        Py_DECREF(self);
        goto error;
    }
    PyObject *attr = PyObject_GetAttr(super_obj, name);
    Py_DECREF(super_obj);
    Py_DECREF(self);
    ERROR_IF(attr == NULL);
    PUSH(attr);
    if (oparg & LOAD_SUPER_ATTR_METHOD) {
        PUSH(NULL);
    }
    DISPATCH();
}

TARGET(LOAD_SPECIAL)
{
    PyObject *owner = TOP();
    PyObject *meth = NULL;
    int is_unbound = _PyEval_LoadSpecial(owner, oparg, &meth);
    if (meth == NULL) {
        STACK_SHRINK(1);
        Py_DECREF(owner);
        goto error;
    }
    SET_TOP(meth);
    if (is_unbound) {
        PUSH(owner);
    }
    else {
        Py_DECREF(owner);
        PUSH(NULL);
    }
    DISPATCH();
}

/* ---- operators ------------------------------------------------------------- */

TARGET(UNARY_NEGATIVE)
{
    PyObject *v = TOP();
    PyObject *res = PyNumber_Negative(_PyStackRef_Get(v));
    _PyStackRef_Close(v);
    if (res == NULL) {
        STACK_SHRINK(1);
        goto error;
    }
    SET_TOP(res);
    DISPATCH();
}

TARGET(UNARY_INVERT)
{
    PyObject *v = TOP();
    PyObject *res = PyNumber_Invert(_PyStackRef_Get(v));
    _PyStackRef_Close(v);
    if (res == NULL) {
        STACK_SHRINK(1);
        goto error;
    }
    SET_TOP(res);
    DISPATCH();
}

TARGET(UNARY_NOT)
{
    /* The operand is already a bool (TO_BOOL ran before). */
    PyObject *v = TOP();
    int truth = PyObject_IsTrue(_PyStackRef_Get(v));
    _PyStackRef_Close(v);
    if (truth < 0) {
        STACK_SHRINK(1);
        goto error;
    }
    SET_TOP(truth ? Py_False : Py_True);
    DISPATCH();
}

TARGET(TO_BOOL)
{
    /* spec (session 6) */
    SPEC_ADAPT(_PySpec_ToBool(frame->instr_ptr, spec_entry_,
                              _PyStackRef_Get(TOP())));
}
generic_TO_BOOL:
{
    PyObject *v = TOP();
    if (!PyBool_Check(_PyStackRef_Get(v))) {
        int truth = PyObject_IsTrue(_PyStackRef_Get(v));
        _PyStackRef_Close(v);
        if (truth < 0) {
            STACK_SHRINK(1);
            goto error;
        }
        SET_TOP(truth ? Py_True : Py_False);
    }
    else {
        /* A bool is immortal: the slot may stay borrowed or owned. */
        SET_TOP(_PyStackRef_Get(v));
    }
    DISPATCH();
}

TARGET(BINARY_OP)
{
    SPEC_ADAPT(_PySpec_BinaryOp(frame->instr_ptr, spec_entry_,
                                _PyStackRef_Get(SECOND()),
                                _PyStackRef_Get(TOP()), oparg));
}
generic_BINARY_OP:
{
    PyObject *rhs = POP();
    PyObject *lhs = TOP();
    PyObject *res = _PyEval_BinaryOp(oparg, _PyStackRef_Get(lhs),
                                     _PyStackRef_Get(rhs));
    _PyStackRef_Close(lhs);
    _PyStackRef_Close(rhs);
    if (res == NULL) {
        STACK_SHRINK(1);
        goto error;
    }
    SET_TOP(res);
    DISPATCH();
}

TARGET(COMPARE_OP)
{
    SPEC_ADAPT(_PySpec_CompareOp(frame->instr_ptr, spec_entry_,
                                 _PyStackRef_Get(SECOND()),
                                 _PyStackRef_Get(TOP()), oparg));
}
generic_COMPARE_OP:
{
    PyObject *rhs = POP();
    PyObject *lhs = TOP();
    PyObject *res = PyObject_RichCompare(_PyStackRef_Get(lhs),
                                         _PyStackRef_Get(rhs), oparg >> 5);
    _PyStackRef_Close(lhs);
    _PyStackRef_Close(rhs);
    if (res == NULL) {
        STACK_SHRINK(1);
        goto error;
    }
    if (oparg & COMPARE_TO_BOOL) {
        int truth = PyObject_IsTrue(res);
        Py_DECREF(res);
        STACK_SHRINK(1);
        ERROR_IF(truth < 0);
        PUSH_TRUTH(truth);
    }
    SET_TOP(res);
    DISPATCH();
}

TARGET(IS_OP)
{
    PyObject *rhs = POP();
    PyObject *lhs = TOP();
    int is = (_PyStackRef_Get(lhs) == _PyStackRef_Get(rhs)) ^ oparg;
    _PyStackRef_Close(lhs);
    _PyStackRef_Close(rhs);
    STACK_SHRINK(1);
    PUSH_TRUTH(is);
}

TARGET(CONTAINS_OP)
{
    /* spec (session 6) */
    SPEC_ADAPT(_PySpec_ContainsOp(frame->instr_ptr, spec_entry_,
                                  _PyStackRef_Get(SECOND()),
                                  _PyStackRef_Get(TOP())));
}
generic_CONTAINS_OP:
{
    PyObject *container = POP();
    PyObject *item = TOP();
    int found = PySequence_Contains(_PyStackRef_Get(container),
                                    _PyStackRef_Get(item));
    _PyStackRef_Close(container);
    _PyStackRef_Close(item);
    if (found < 0) {
        STACK_SHRINK(1);
        goto error;
    }
    SET_TOP((found ^ oparg) ? Py_True : Py_False);
    DISPATCH();
}

TARGET(BINARY_SLICE)
{
    PyObject *stop = POP();
    PyObject *start = POP();
    PyObject *container = TOP();
    PyObject *seq = _PyStackRef_Get(container);
    PyObject *res;
    Py_ssize_t lo, hi;
    if ((PyList_CheckExact(seq) || PyTuple_CheckExact(seq))
            && plain_slice_bound(_PyStackRef_Get(start), 0, &lo)
            && plain_slice_bound(_PyStackRef_Get(stop), PY_SSIZE_T_MAX,
                                 &hi)) {
        /* What list/tuple's subscript does with the slice object, without
           making one. */
        res = PyList_CheckExact(seq)
              ? _PyList_SliceUnpacked((PyListObject *)seq, lo, hi)
              : _PyTuple_SliceUnpacked((PyTupleObject *)seq, lo, hi);
        _PyStackRef_Close(start);
        _PyStackRef_Close(stop);
    }
    else {
        PyObject *slice = PySlice_New(_PyStackRef_Get(start),
                                      _PyStackRef_Get(stop), NULL);
        _PyStackRef_Close(start);
        _PyStackRef_Close(stop);
        res = slice ? PyObject_GetItem(seq, slice) : NULL;
        Py_XDECREF(slice);
    }
    _PyStackRef_Close(container);
    if (res == NULL) {
        STACK_SHRINK(1);
        goto error;
    }
    SET_TOP(res);
    DISPATCH();
}

TARGET(STORE_SLICE)
{
    PyObject *stop = POP();
    PyObject *start = POP();
    PyObject *container = POP();
    PyObject *v = POP();
    int err;
    Py_ssize_t lo, hi;
    if (PyList_CheckExact(container) && plain_slice_bound(start, 0, &lo)
            && plain_slice_bound(stop, PY_SSIZE_T_MAX, &hi)) {
        /* list's slice assignment without the slice object. */
        err = _PyList_AssignSliceUnpacked((PyListObject *)container, lo, hi,
                                          v);
    }
    else {
        PyObject *slice = PySlice_New(start, stop, NULL);
        err = slice ? PyObject_SetItem(container, slice, v) : -1;
        Py_XDECREF(slice);
    }
    Py_DECREF(start);
    Py_DECREF(stop);
    Py_DECREF(container);
    Py_DECREF(v);
    ERROR_IF(err < 0);
    DISPATCH();
}

TARGET(STORE_SUBSCR)
{
    /* spec (session 6) */
    SPEC_ADAPT(_PySpec_StoreSubscr(frame->instr_ptr, spec_entry_,
                                   _PyStackRef_Get(SECOND()),
                                   _PyStackRef_Get(TOP())));
}
generic_STORE_SUBSCR:
{
    PyObject *sub = POP();
    PyObject *container = POP();
    PyObject *v = POP();
    int err = PyObject_SetItem(_PyStackRef_Get(container),
                               _PyStackRef_Get(sub), v);
    Py_DECREF(v);
    _PyStackRef_Close(container);
    _PyStackRef_Close(sub);
    ERROR_IF(err < 0);
    DISPATCH();
}

TARGET(DELETE_SUBSCR)
{
    PyObject *sub = POP();
    PyObject *container = POP();
    int err = PyObject_DelItem(container, sub);
    Py_DECREF(container);
    Py_DECREF(sub);
    ERROR_IF(err < 0);
    DISPATCH();
}

/* ---- building containers ---------------------------------------------------- */

TARGET(BUILD_TUPLE)
{
    if (oparg >= 2 && dispatch_table == opcode_targets) {
        /* `a, b = b, a`: BUILD_TUPLE n then UNPACK_SEQUENCE n reverse the
           top n items; do that without the tuple (untraced code only:
           the UNPACK_SEQUENCE is skipped, so it would miss its events). */
        _Py_CODEUNIT unpack = READ_WORD(next_instr);
        if (_PyOpcode_Deopt[_Py_OPCODE(unpack)] == UNPACK_SEQUENCE
                && _Py_OPARG(unpack) == oparg) {
            PyObject **lo = stack_pointer - oparg, **hi = stack_pointer - 1;
            for (; lo < hi; lo++, hi--) {
                PyObject *swap = *lo;
                *lo = *hi;
                *hi = swap;
            }
            next_instr++;
            DISPATCH();
        }
    }
    PyObject *tup = PyTuple_New(oparg);
    if (tup == NULL) {
        goto error;
    }
    for (int i = oparg; i > 0; i--) {
        PyTuple_SET_ITEM(tup, i - 1, POP());
    }
    PUSH(tup);
    DISPATCH();
}

TARGET(BUILD_LIST)
{
    PyObject *list = PyList_New(oparg);
    if (list == NULL) {
        goto error;
    }
    for (int i = oparg; i > 0; i--) {
        PyList_SET_ITEM(list, i - 1, POP());
    }
    PUSH(list);
    DISPATCH();
}

TARGET(BUILD_SET)
{
    PyObject *set = PySet_New(NULL);
    int err = set == NULL;
    for (int i = oparg; i > 0; i--) {
        PyObject *item = PEEK(i);
        if (err == 0) {
            err = PySet_Add(set, item);
        }
        Py_DECREF(item);
    }
    STACK_SHRINK(oparg);
    if (err) {
        Py_XDECREF(set);
        goto error;
    }
    PUSH(set);
    DISPATCH();
}

TARGET(BUILD_MAP)
{
    PyObject *map = _PyDict_FromItems(stack_pointer - 2 * oparg, 2,
                                      stack_pointer - 2 * oparg + 1, 2, oparg);
    for (int i = 0; i < 2 * oparg; i++) {
        Py_DECREF(PEEK(i + 1));
    }
    STACK_SHRINK(2 * oparg);
    ERROR_IF(map == NULL);
    PUSH(map);
    DISPATCH();
}

TARGET(BUILD_STRING)
{
    PyObject *empty = PyUnicode_FromString("");
    PyObject *str = NULL;
    if (empty != NULL) {
        PyObject *parts = PyTuple_New(oparg);
        if (parts != NULL) {
            for (int i = 0; i < oparg; i++) {
                PyTuple_SET_ITEM(parts, i, Py_NewRef(PEEK(oparg - i)));
            }
            str = PyUnicode_Join(empty, parts);
            Py_DECREF(parts);
        }
        Py_DECREF(empty);
    }
    for (int i = 1; i <= oparg; i++) {
        Py_DECREF(PEEK(i));
    }
    STACK_SHRINK(oparg);
    ERROR_IF(str == NULL);
    PUSH(str);
    DISPATCH();
}

TARGET(BUILD_SLICE)
{
    PyObject *step = oparg == 3 ? POP() : NULL;
    PyObject *stop = POP();
    PyObject *start = TOP();
    PyObject *slice = PySlice_New(start, stop, step);
    Py_DECREF(start);
    Py_DECREF(stop);
    Py_XDECREF(step);
    if (slice == NULL) {
        STACK_SHRINK(1);
        goto error;
    }
    SET_TOP(slice);
    DISPATCH();
}

TARGET(LIST_APPEND)
{
    /* The compiler's target is the list of a comprehension or display,
       made by BUILD_LIST and reachable only from this frame's stack, so
       it needs no lock; the append consumes v. */
    PyObject *v = POP();
    int err = _PyList_AppendTakeRef((PyListObject *)PEEK(oparg), v);
    ERROR_IF(err < 0);
    DISPATCH();
}

TARGET(SET_ADD)
{
    PyObject *v = POP();
    int err = PySet_Add(PEEK(oparg), v);
    Py_DECREF(v);
    ERROR_IF(err < 0);
    DISPATCH();
}

TARGET(MAP_ADD)
{
    PyObject *value = POP();
    PyObject *key = POP();
    int err = PyDict_SetItem(PEEK(oparg), key, value);
    Py_DECREF(key);
    Py_DECREF(value);
    ERROR_IF(err < 0);
    DISPATCH();
}

TARGET(LIST_EXTEND)
{
    PyObject *iterable = POP();
    PyObject *list = PEEK(oparg);
    int err = PyList_Extend(list, iterable);
    if (err < 0 && PyErr_ExceptionMatches(PyExc_TypeError)
            && Py_TYPE(iterable)->tp_iter == NULL && !PySequence_Check(iterable)) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError,
                     "Value after * must be an iterable, not %.200s",
                     Py_TYPE(iterable)->tp_name);
    }
    Py_DECREF(iterable);
    ERROR_IF(err < 0);
    DISPATCH();
}

TARGET(SET_UPDATE)
{
    PyObject *iterable = POP();
    int err = _PySet_Update(PEEK(oparg), iterable);
    Py_DECREF(iterable);
    ERROR_IF(err < 0);
    DISPATCH();
}

TARGET(DICT_UPDATE)
{
    PyObject *update = POP();
    PyObject *dict = PEEK(oparg);
    if (PyDict_Update(dict, update) < 0) {
        if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "'%.200s' object is not a mapping",
                         Py_TYPE(update)->tp_name);
        }
        Py_DECREF(update);
        goto error;
    }
    Py_DECREF(update);
    DISPATCH();
}

TARGET(DICT_MERGE)
{
    /* [callable, self_or_null, args, kwargs, ..., update] */
    PyObject *update = POP();
    PyObject *dict = PEEK(oparg);
    PyObject *callable = PEEK(oparg + 3);
    if (_PyDict_MergeEx(dict, update, 2) < 0) {
        _PyEval_FormatKwargsError(tstate, callable, update);
        Py_DECREF(update);
        goto error;
    }
    Py_DECREF(update);
    DISPATCH();
}

TARGET(UNPACK_SEQUENCE)
{
    /* spec (session 6) */
    SPEC_ADAPT(_PySpec_UnpackSequence(frame->instr_ptr, spec_entry_, TOP(),
                                      oparg));
}
generic_UNPACK_SEQUENCE:
{
    PyObject *seq = POP();
    PyObject **top = stack_pointer + oparg;
    int ok = _PyEval_UnpackIterable(tstate, seq, oparg, -1, top);
    Py_DECREF(seq);
    ERROR_IF(!ok);
    stack_pointer += oparg;
    DISPATCH();
}

TARGET(UNPACK_EX)
{
    int before = oparg & 0xFF, after = oparg >> 8;
    int total = before + 1 + after;
    PyObject *seq = POP();
    int done = 0;
    /* Exact tuples and lists: their items are copied directly (no
       iterator); a list's inside its critical section, so the length
       check and the copy see one state. */
    if (PyTuple_CheckExact(seq)) {
        done = unpack_ex_items(_PyTuple_ITEMS(seq), PyTuple_GET_SIZE(seq),
                               before, after, stack_pointer);
    }
    else if (PyList_CheckExact(seq)) {
        Py_BEGIN_CRITICAL_SECTION(seq);
        done = unpack_ex_items(_PyList_ITEMS(seq), PyList_GET_SIZE(seq),
                               before, after, stack_pointer);
        Py_END_CRITICAL_SECTION();
    }
    int ok = done > 0;
    if (done == 0) {
        ok = _PyEval_UnpackIterable(tstate, seq, before, after,
                                    stack_pointer + total);
    }
    Py_DECREF(seq);
    ERROR_IF(!ok);
    stack_pointer += total;
    DISPATCH();
}

TARGET(GET_LEN)
{
    Py_ssize_t len = PyObject_Length(TOP());
    ERROR_IF(len < 0);
    PyObject *v = PyLong_FromSsize_t(len);
    ERROR_IF(v == NULL);
    PUSH(v);
    DISPATCH();
}

/* ---- formatting --------------------------------------------------------------- */

TARGET(CONVERT_VALUE)
{
    PyObject *v = TOP();
    PyObject *res = oparg == FVC_STR ? PyObject_Str(v)
                    : oparg == FVC_REPR ? PyObject_Repr(v)
                    : PyObject_ASCII(v);
    Py_DECREF(v);
    if (res == NULL) {
        STACK_SHRINK(1);
        goto error;
    }
    SET_TOP(res);
    DISPATCH();
}

TARGET(FORMAT_SIMPLE)
{
    PyObject *v = TOP();
    if (!PyUnicode_CheckExact(v)) {
        PyObject *res = PyObject_Format(v, NULL);
        Py_DECREF(v);
        if (res == NULL) {
            STACK_SHRINK(1);
            goto error;
        }
        SET_TOP(res);
    }
    DISPATCH();
}

TARGET(FORMAT_WITH_SPEC)
{
    PyObject *spec = POP();
    PyObject *v = TOP();
    PyObject *res = PyObject_Format(v, spec);
    Py_DECREF(v);
    Py_DECREF(spec);
    if (res == NULL) {
        STACK_SHRINK(1);
        goto error;
    }
    SET_TOP(res);
    DISPATCH();
}

/* PEP 750 (typ): Objects/interpolationobject.c, Objects/templateobject.c */
TARGET(BUILD_INTERPOLATION)
{
    PyObject *spec = (oparg & 1) ? POP() : NULL;
    PyObject *expression = POP();
    PyObject *value = TOP();
    PyObject *res = _PyInterpolation_Build(value, expression, oparg >> 2, spec);
    Py_XDECREF(spec);
    Py_DECREF(expression);
    Py_DECREF(value);
    if (res == NULL) {
        STACK_SHRINK(1);
        goto error;
    }
    SET_TOP(res);
    DISPATCH();
}

TARGET(BUILD_TEMPLATE)
{
    PyObject *interpolations = POP();
    PyObject *strings = TOP();
    PyObject *res = _PyTemplate_Build(strings, interpolations);
    Py_DECREF(interpolations);
    Py_DECREF(strings);
    if (res == NULL) {
        STACK_SHRINK(1);
        goto error;
    }
    SET_TOP(res);
    DISPATCH();
}

/* ---- jumps -------------------------------------------------------------------- */

TARGET(JUMP_FORWARD)
{
    JUMPBY(oparg);
    DISPATCH();
}

TARGET(JUMP_BACKWARD)
{
    JUMPBY(-oparg);
    if (_PySpec_Table(code) == NULL) {
        _PySpec_Warm(code);     /* module-level and long-running loops */
    }
    PyFrameObject *fobj = frame->frame_obj;
    if (fobj != NULL
            && __atomic_load_n(&fobj->f_overwritten, __ATOMIC_RELAXED) != NULL) {
        /* A borrowed slot never outlives its basic block, so at a jump
           none names a value f_locals replaced: they may go now. */
        SAVE_STACK();
        _PyFrame_ReleaseOverwritten(fobj);
    }
    CHECK_EVAL_BREAKER();
    DISPATCH();
}

TARGET(JUMP_BACKWARD_NO_INTERRUPT)
{
    JUMPBY(-oparg);
    DISPATCH();
}

TARGET(POP_JUMP_IF_FALSE)
{
    PyObject *cond_ref = POP();
    PyObject *cond = _PyStackRef_Get(cond_ref);
    if (cond == Py_False) {
        JUMPBY(oparg);
    }
    else if (cond != Py_True) {
        int truth = PyObject_IsTrue(cond);
        _PyStackRef_Close(cond_ref);
        ERROR_IF(truth < 0);
        if (!truth) {
            JUMPBY(oparg);
        }
    }
    DISPATCH();
}

TARGET(POP_JUMP_IF_TRUE)
{
    PyObject *cond_ref = POP();
    PyObject *cond = _PyStackRef_Get(cond_ref);
    if (cond == Py_True) {
        JUMPBY(oparg);
    }
    else if (cond != Py_False) {
        int truth = PyObject_IsTrue(cond);
        _PyStackRef_Close(cond_ref);
        ERROR_IF(truth < 0);
        if (truth) {
            JUMPBY(oparg);
        }
    }
    DISPATCH();
}

TARGET(POP_JUMP_IF_NONE)
{
    PyObject *v = POP();
    if (_PyStackRef_Get(v) == Py_None) {
        JUMPBY(oparg);
    }
    _PyStackRef_Close(v);
    DISPATCH();
}

TARGET(POP_JUMP_IF_NOT_NONE)
{
    PyObject *v = POP();
    if (_PyStackRef_Get(v) != Py_None) {
        JUMPBY(oparg);
    }
    _PyStackRef_Close(v);
    DISPATCH();
}

/* ---- iteration ------------------------------------------------------------------ */

TARGET(GET_ITER)
{
    PyObject *iterable = TOP();
    PyObject *it = PyObject_GetIter(_PyStackRef_Get(iterable));
    _PyStackRef_Close(iterable);
    if (it == NULL) {
        STACK_SHRINK(1);
        goto error;
    }
    SET_TOP(it);
    DISPATCH();
}

TARGET(GET_YIELD_FROM_ITER)
{
    PyObject *iterable = TOP();
    PyObject *it = _PyEval_GetYieldFromIter(code, iterable);
    Py_DECREF(iterable);
    if (it == NULL) {
        STACK_SHRINK(1);
        goto error;
    }
    SET_TOP(it);
    DISPATCH();
}

TARGET(FOR_ITER)
{
    /* spec (session 6) */
    SPEC_ADAPT(_PySpec_ForIter(frame->instr_ptr, spec_entry_, TOP()));
}
generic_FOR_ITER:
{
    PyObject *it = TOP();
    if (Py_IS_TYPE(it, &PyGen_Type)) {
        RESUME_GEN_INLINE(it, Py_None);
    }
    PyObject *next = (*Py_TYPE(it)->tp_iternext)(it);
    if (next == NULL) {
        if (PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_StopIteration)) {
                goto error;
            }
            if (dispatch_table != opcode_targets) {
                /* An explicit StopIteration is a raise (tracing hook). */
                SAVE_STACK();
                if (_PyEval_InstrumentRaise(tstate, frame) < 0) {
                    goto error;
                }
            }
            PyErr_Clear();
        }
        /* Skip the END_FOR at the target: continue at POP_ITER. */
        JUMPBY(oparg + 1);
        DISPATCH();
    }
    PUSH(next);
    DISPATCH();
}

/* ---- calls ---------------------------------------------------------------------- */

TARGET(CALL_KW)
{
    /* calls2: Python/specialize_call.c decides; the specialized forms'
       misses come back to generic_CALL_KW with opcode set to CALL_KW. */
    SPEC_ADAPT(_PySpec_CallKw(frame->instr_ptr, spec_entry_,
                              stack_pointer - oparg - 3, oparg));
    goto generic_CALL_KW;
}

TARGET(CALL)
{
    /* calls (session 6): Python/specialize_call.c decides. */
    SPEC_ADAPT(_PySpec_Call(frame->instr_ptr, spec_entry_,
                            stack_pointer - oparg - 2, oparg));
}
generic_CALL:
generic_CALL_KW:
{
    PyObject *kwnames = NULL;
    if (opcode == CALL_KW) {
        kwnames = POP();
    }
    int total = oparg;
    PyObject **args = stack_pointer - oparg;
    PyObject **base = args - 2;
    PyObject *callable = base[0];
    if (base[1] != NULL) {
        args--;
        total++;
    }
    else if (PyMethod_Check(callable)) {
        base[1] = Py_NewRef(PyMethod_GET_SELF(callable));
        base[0] = Py_NewRef(PyMethod_GET_FUNCTION(callable));
        Py_DECREF(callable);
        callable = base[0];
        args--;
        total++;
    }
    int npos = total - (kwnames ? (int)PyTuple_GET_SIZE(kwnames) : 0);
    if (PyFunction_Check(callable)
            && ((PyFunctionObject *)callable)->vectorcall == _PyFunction_Vectorcall) {
        /* A Python function: its frame follows ours on the data stack and
           the loop continues in it.  The arguments' references move into
           the new frame (borrowed slots are made owned first). */
        _PyStackRef_OwnSlots(args, total);
        SAVE_STACK();
        if (dispatch_table != opcode_targets
                && _PyEval_InstrumentPyCall(tstate, frame, callable,
                                            npos > 0 ? args[0] : NULL) < 0) {
            Py_XDECREF(kwnames);   /* tracing hook */
            goto error;
        }
        _PyInterpreterFrame *callee;
        if (kwnames == NULL
                && (callee = push_frame_simple(
                        tstate, (PyFunctionObject *)callable, args, npos))
                   != NULL) {
            /* calls (session 6): positional arguments bound by copying. */
            stack_pointer = base;
            SAVE_STACK();
        }
        else {
            if (kwnames == NULL && PyErr_Occurred()) {
                goto error;     /* the stack still holds the call */
            }
            stack_pointer = base;
            SAVE_STACK();
            callee = push_function_frame(
                tstate, (PyFunctionObject *)callable, NULL, args, npos,
                kwnames);
            Py_XDECREF(kwnames);
            ERROR_IF(callee == NULL);
        }
        callee->previous = frame;
        frame = callee;
        tstate->current_frame = frame;
        LOAD_FRAME();
        goto start_frame;
    }
    PyObject *res;
    PyObject *argv_buffer[_PY_STACKREF_CALL_BUFFER + 1];
    PyObject *const *argv = _PyStackRef_CallArgs(args, total, argv_buffer);
    if (dispatch_table == opcode_targets) {
        res = PyObject_Vectorcall(
            callable, argv, (size_t)npos | PY_VECTORCALL_ARGUMENTS_OFFSET,
            kwnames);
    }
    else {
        /* Tracing hook: CALL / C_RETURN events, 'c_call' & co. */
        SAVE_STACK();
        res = _PyEval_InstrumentedCall(
            tstate, frame, callable, argv,
            (size_t)npos | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
    }
    for (PyObject **p = base; p < stack_pointer; p++) {
        _PyStackRef_XClose(*p);
    }
    Py_XDECREF(kwnames);
    stack_pointer = base;
    ERROR_IF(res == NULL);
    PUSH(res);
    CHECK_EVAL_BREAKER();
    DISPATCH();
}

TARGET(CALL_FUNCTION_EX)
{
    /* [func, unused, callargs, kwargs_or_null] */
    PyObject *kwargs = POP();
    PyObject *callargs = POP();
    PyObject *null_slot = POP();
    PyObject *func = POP();
    PyObject *res = dispatch_table == opcode_targets
        ? _PyEval_CallFunctionEx(tstate, func, callargs, kwargs)
        : _PyEval_InstrumentedCallEx(tstate, frame, func, callargs, kwargs);
    Py_XDECREF(kwargs);
    Py_DECREF(callargs);
    Py_XDECREF(null_slot);
    Py_DECREF(func);
    ERROR_IF(res == NULL);
    PUSH(res);
    CHECK_EVAL_BREAKER();
    DISPATCH();
}

TARGET(CALL_INTRINSIC_1)
{
    PyObject *v = TOP();
    PyObject *res = _PyEval_CallIntrinsic1(tstate, frame, oparg, v);
    Py_DECREF(v);
    if (res == NULL) {
        STACK_SHRINK(1);
        goto error;
    }
    SET_TOP(res);
    DISPATCH();
}

TARGET(CALL_INTRINSIC_2)
{
    PyObject *v1 = POP();
    PyObject *v2 = TOP();
    PyObject *res = _PyEval_CallIntrinsic2(tstate, oparg, v2, v1);
    Py_DECREF(v1);
    Py_DECREF(v2);
    if (res == NULL) {
        STACK_SHRINK(1);
        goto error;
    }
    SET_TOP(res);
    DISPATCH();
}

TARGET(MAKE_FUNCTION)
{
    PyObject *codeobj = TOP();
    PyObject *func = PyFunction_New(codeobj, frame->f_globals);
    Py_DECREF(codeobj);
    if (func == NULL) {
        STACK_SHRINK(1);
        goto error;
    }
    SET_TOP(func);
    DISPATCH();
}

TARGET(SET_FUNCTION_ATTRIBUTE)
{
    PyObject *func = POP();
    PyObject *attr = TOP();
    PyFunctionObject *f = (PyFunctionObject *)func;
    switch (oparg) {
    case MAKE_FUNCTION_CLOSURE: Py_XSETREF(f->func_closure, attr); break;
    case MAKE_FUNCTION_ANNOTATIONS: Py_XSETREF(f->func_annotations, attr); break;
    case MAKE_FUNCTION_KWDEFAULTS: Py_XSETREF(f->func_kwdefaults, attr); break;
    case MAKE_FUNCTION_DEFAULTS: Py_XSETREF(f->func_defaults, attr); break;
    case MAKE_FUNCTION_ANNOTATE: Py_XSETREF(f->func_annotate, attr); break;
    default:
        Py_DECREF(attr);
        break;
    }
    SET_TOP(func);
    DISPATCH();
}

TARGET(LOAD_BUILD_CLASS)
{
    PyObject *bc;
    /* f_builtins may be any mapping (see _PyEval_BuiltinsFromGlobals). */
    int found = PyMapping_GetOptionalItem(frame->f_builtins,
                                          _Py_INTERNED_ID(__build_class__), &bc);
    ERROR_IF(found < 0);
    if (!found) {
        PyErr_SetString(PyExc_NameError, "__build_class__ not found");
        goto error;
    }
    PUSH(bc);
    DISPATCH();
}

TARGET(EXIT_INIT_CHECK)
{
    PyObject *should_be_none = POP();
    if (should_be_none != Py_None) {
        PyErr_Format(PyExc_TypeError, "__init__() should return None, not '%.200s'",
                     Py_TYPE(should_be_none)->tp_name);
        Py_DECREF(should_be_none);
        goto error;
    }
    DISPATCH();
}

TARGET(RETURN_VALUE)
{
    retval = POP();
    goto return_from_frame;
}

/* ---- imports ---------------------------------------------------------------------- */

TARGET(IMPORT_NAME)
{
    /* oparg: name index << 2 | lazy mode (PEP 810, pycore_lazyimport.h) */
    PyObject *name = PyTuple_GET_ITEM(code->co_names, oparg >> 2);
    PyObject *fromlist = POP();
    PyObject *level = TOP();
    PyObject *res = (oparg & 3)
        ? _PyEval_ImportNameMaybeLazy(tstate, frame, name, fromlist, level,
                                      oparg & 3)
        : _PyEval_ImportName(tstate, frame, name, fromlist, level);
    Py_DECREF(level);
    Py_DECREF(fromlist);
    if (res == NULL) {
        STACK_SHRINK(1);
        goto error;
    }
    SET_TOP(res);
    DISPATCH();
}

TARGET(IMPORT_FROM)
{
    PyObject *name = PyTuple_GET_ITEM(code->co_names, oparg);
    PyObject *res = _PyEval_ImportFrom(tstate, TOP(), name);
    ERROR_IF(res == NULL);
    PUSH(res);
    DISPATCH();
}

/* ---- exceptions ---------------------------------------------------------------- */

TARGET(RAISE_VARARGS)
{
    PyObject *cause = NULL, *exc = NULL;
    switch (oparg) {
    case 2:
        cause = POP();
        /* fall through */
    case 1:
        exc = POP();
        /* fall through */
    case 0:
        if (_PyEval_DoRaise(tstate, exc, cause)) {
            /* A bare `raise`: re-raise keeps the traceback as is. */
            goto exception_unwind;
        }
        break;
    default:
        PyErr_SetString(PyExc_SystemError, "bad RAISE_VARARGS oparg");
        break;
    }
    goto error;
}

TARGET(RERAISE)
{
    PyObject *exc = POP();
    if (oparg) {
        PyObject *lasti = PEEK(oparg);
        if (PyLong_Check(lasti)) {
            frame->instr_ptr = first_instr + PyLong_AsLong(lasti);
        }
    }
    PyErr_SetRaisedException(exc);
    if (dispatch_table != opcode_targets) {
        SAVE_STACK();   /* tracing hook: RERAISE event */
        (void)_PyEval_InstrumentReraise(tstate, frame);
    }
    goto exception_unwind;
}

TARGET(PUSH_EXC_INFO)
{
    PyObject *exc = TOP();
    PyObject *prev = tstate->exc_info_value;
    if (frame->owner == FRAME_OWNED_BY_GENERATOR) {
        _PyGen_HandlerEntered(frame);
    }
    SET_TOP(prev ? prev : Py_NewRef(Py_None));
    PUSH(exc);
    tstate->exc_info_value = Py_NewRef(exc);
    DISPATCH();
}

TARGET(POP_EXCEPT)
{
    PyObject *prev = POP();
    if (frame->owner == FRAME_OWNED_BY_GENERATOR) {
        prev = _PyGen_HandlerLeft(frame, prev);
    }
    PyObject *old = tstate->exc_info_value;
    if (prev == Py_None) {
        Py_DECREF(prev);
        prev = NULL;
    }
    tstate->exc_info_value = prev;
    Py_XDECREF(old);
    DISPATCH();
}

TARGET(CHECK_EXC_MATCH)
{
    PyObject *match_type = POP();
    PyObject *exc = TOP();
    if (_PyEval_CheckExceptTypeValid(tstate, match_type) < 0) {
        Py_DECREF(match_type);
        goto error;
    }
    int match = PyErr_GivenExceptionMatches(exc, match_type);
    Py_DECREF(match_type);
    PUSH(match ? Py_True : Py_False);
    DISPATCH();
}

TARGET(CHECK_EG_MATCH)
{
    /* [exc_value, match_type] -> [rest, match] */
    PyObject *match_type = POP();
    PyObject *exc_value = TOP();
    if (_PyEval_CheckExceptStarTypeValid(tstate, match_type) < 0) {
        Py_DECREF(match_type);
        goto error;
    }
    PyObject *match = NULL, *rest = NULL;
    int err = _PyEval_ExceptionGroupMatch(frame, exc_value, match_type,
                                          &match, &rest);
    Py_DECREF(match_type);
    ERROR_IF(err < 0);
    Py_DECREF(exc_value);
    SET_TOP(rest);
    PUSH(match);
    if (match != Py_None) {
        PyErr_SetHandledException(match);
    }
    DISPATCH();
}

TARGET(WITH_EXCEPT_START)
{
    /* [exit_func, exit_self, lasti, prev_exc, val]: call
       exit_func(exit_self?, type(val), val, tb) and push the result. */
    PyObject *val = TOP();
    PyObject *exit_func = PEEK(5);
    PyObject *exit_self = PEEK(4);
    PyObject *tb = PyException_GetTraceback(val);
    PyObject *stack[4] = {exit_self, (PyObject *)Py_TYPE(val), val,
                          tb ? tb : Py_None};
    int has_self = exit_self != NULL;
    PyObject *res = PyObject_Vectorcall(exit_func, stack + !has_self,
                                        (size_t)(3 + has_self), NULL);
    Py_XDECREF(tb);
    ERROR_IF(res == NULL);
    PUSH(res);
    DISPATCH();
}

TARGET(CLEANUP_THROW)
{
    /* [sub_iter, last_sent_val, exc_value] -> [None, value] */
    PyObject *exc_value = POP();
    if (PyErr_GivenExceptionMatches(exc_value, PyExc_StopIteration)) {
        PyObject *value = PyObject_GetAttrString(exc_value, "value");
        Py_DECREF(exc_value);
        ERROR_IF(value == NULL);
        PyObject *last_sent = POP();
        PyObject *sub_iter = TOP();
        Py_DECREF(last_sent);
        Py_DECREF(sub_iter);
        SET_TOP(Py_NewRef(Py_None));
        PUSH(value);
        DISPATCH();
    }
    PyErr_SetRaisedException(exc_value);
    goto exception_unwind;
}

/* ---- generators and coroutines ---------------------------------------------- */

TARGET(RETURN_GENERATOR)
{
    PyObject *gen = _Py_MakeCoro(tstate, frame);
    ERROR_IF(gen == NULL);
    /* The frame's contents moved into the generator; what remains on the
       data stack is only memory. */
    retval = gen;
    leave_python_frame(tstate);
    tstate->current_frame = frame->previous;
    {
        _PyInterpreterFrame *caller = frame->previous;
        int was_entry = frame->is_entry;
        _PyFrame_PopMoved(tstate, frame);
        if (was_entry) {
            tstate->c_recursion_remaining++;
            return retval;
        }
        frame = caller;
    }
    LOAD_FRAME();
    PUSH(retval);
    DISPATCH();
}

TARGET(YIELD_VALUE)
{
    retval = POP();
    SAVE_STACK();
    frame->yielded = 1;
    leave_python_frame(tstate);
    tstate->current_frame = frame->previous;
    if (!frame->is_entry) {
        /* Resumed inline by FOR_ITER or SEND (RESUME_GEN_INLINE): the
           caller continues after that instruction with the value. */
        _PyInterpreterFrame *caller = frame->previous;
        frame->previous = NULL;
        _PyGen_SuspendInline(tstate, frame);
        frame = caller;
        LOAD_FRAME();
        PUSH(retval);
        DISPATCH();
    }
    frame->previous = NULL;
    tstate->c_recursion_remaining++;
    return retval;
}

TARGET(SEND)
{
    /* [receiver, v] -> [receiver, retval]; jump when the receiver
       returned. */
    PyObject *v = POP();
    PyObject *receiver = TOP();
    if (Py_IS_TYPE(receiver, &PyCoro_Type) || Py_IS_TYPE(receiver, &PyGen_Type)) {
        RESUME_GEN_INLINE(receiver, v);
    }
    PyObject *res = NULL;
    PySendResult status;
    if (dispatch_table == opcode_targets) {
        status = PyIter_Send(receiver, v, &res);
    }
    else {
        /* Tracing hook: a StopIteration the receiver raises is reported. */
        SAVE_STACK();
        status = _PyEval_InstrumentedSend(tstate, frame, receiver, v, &res);
    }
    Py_DECREF(v);
    if (status == PYGEN_ERROR) {
        goto error;
    }
    PUSH(res);
    if (status == PYGEN_RETURN) {
        JUMPBY(oparg);
    }
    DISPATCH();
}

TARGET(END_SEND)
{
    PyObject *value = POP();
    PyObject *receiver = TOP();
    Py_DECREF(receiver);
    SET_TOP(value);
    DISPATCH();
}

TARGET(GET_AWAITABLE)
{
    PyObject *iterable = TOP();
    PyObject *iter = _PyEval_GetAwaitable(iterable, oparg);
    Py_DECREF(iterable);
    if (iter == NULL) {
        STACK_SHRINK(1);
        goto error;
    }
    SET_TOP(iter);
    DISPATCH();
}

TARGET(GET_AITER)
{
    PyObject *obj = TOP();
    PyObject *iter = _PyEval_GetAIter(obj);
    Py_DECREF(obj);
    if (iter == NULL) {
        STACK_SHRINK(1);
        goto error;
    }
    SET_TOP(iter);
    DISPATCH();
}

TARGET(GET_ANEXT)
{
    PyObject *awaitable = _PyEval_GetANext(TOP());
    ERROR_IF(awaitable == NULL);
    PUSH(awaitable);
    DISPATCH();
}

TARGET(END_ASYNC_FOR)
{
    /* [awaitable, exc] */
    PyObject *exc = POP();
    if (PyErr_GivenExceptionMatches(exc, PyExc_StopAsyncIteration)) {
        Py_DECREF(exc);
        PyObject *awaitable = POP();
        Py_DECREF(awaitable);
        DISPATCH();
    }
    PyErr_SetRaisedException(exc);
    goto exception_unwind;
}

/* ---- pattern matching ----------------------------------------------------------- */

TARGET(MATCH_MAPPING)
{
    int match = Py_TYPE(TOP())->tp_flags & Py_TPFLAGS_MAPPING;
    PUSH(match ? Py_True : Py_False);
    DISPATCH();
}

TARGET(MATCH_SEQUENCE)
{
    int match = Py_TYPE(TOP())->tp_flags & Py_TPFLAGS_SEQUENCE;
    PUSH(match ? Py_True : Py_False);
    DISPATCH();
}

TARGET(MATCH_KEYS)
{
    /* [subject, keys] -> [subject, keys, values_or_none] */
    PyObject *values = _PyEval_MatchKeys(tstate, SECOND(), TOP());
    ERROR_IF(values == NULL);
    PUSH(values);
    DISPATCH();
}

TARGET(MATCH_CLASS)
{
    /* [subject, type, names] -> attrs tuple or None */
    PyObject *names = POP();
    PyObject *type = POP();
    PyObject *subject = TOP();
    PyObject *attrs = _PyEval_MatchClass(tstate, subject, type, oparg, names);
    Py_DECREF(names);
    Py_DECREF(type);
    Py_DECREF(subject);
    if (attrs == NULL) {
        if (PyErr_Occurred()) {
            STACK_SHRINK(1);
            goto error;
        }
        attrs = Py_NewRef(Py_None);
    }
    SET_TOP(attrs);
    DISPATCH();
}
