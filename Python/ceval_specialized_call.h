/* The specialized forms of CALL (calls, session 6); included once,
   inside _PyEval_EvalFrame next to Python/ceval_specialized.h, whose
   conventions they follow: guards first, the stack untouched on a miss
   (SPEC_MISS goes to CALL's generic path), the entry's payload read only
   after _PySpec_Ready.  Python/specialize_call.c chooses them.

   The stack of a call is [callable, self_or_null, arg1 ... argN] with
   N = oparg; with a self the arguments start at the self slot.  Every
   form computes that layout the same way (CALL_ARGS below).  Self and
   the arguments may be borrowed slots (Include/internal/pycore_stackref.h,
   "call arguments"): a C callee is given _PyStackRef_Get of a single
   argument or the untagged view CALL_ARGV makes, a Python callee's frame
   steals them (push_frame_positional), and CALL_FINISH closes them.  Only the
   uninstrumented loop runs these bodies (instrumented dispatch maps them
   to CALL), so they have no tracing hooks. */

/* base: the [callable, self_or_null] pair; args/total: the positional
   arguments, self included. */
#define CALL_ARGS()                                                     \
    PyObject **base = stack_pointer - oparg - 2;                        \
    int has_self = base[1] != NULL;                                     \
    int total = oparg + has_self;                                       \
    PyObject **args = base + 2 - has_self

/* argv: the untagged view of the `n` arguments at `first` for a C callee
   (the stack keeps its tags for CALL_FINISH). */
#define CALL_ARGV(first, n)                                             \
    PyObject *argv_buffer_[_PY_STACKREF_CALL_BUFFER + 1];               \
    PyObject *const *argv = _PyStackRef_CallArgs((first), (n), argv_buffer_)

/* A C call returned res (a new reference or NULL): release the call's
   stack (borrowed slots included: they still carry their tags) and push
   res. */
#define CALL_FINISH(res)                                                \
    do {                                                                \
        PyObject *res_ = (res);                                         \
        for (PyObject **p_ = base; p_ < stack_pointer; p_++) {          \
            _PyStackRef_XClose(*p_);                                    \
        }                                                               \
        stack_pointer = base;                                           \
        ERROR_IF(res_ == NULL);                                         \
        PUSH(res_);                                                     \
        CHECK_EVAL_BREAKER();                                           \
        DISPATCH();                                                     \
    } while (0)

/* ---- Python functions: the callee's frame follows ours ------------------ */

/* The callable and arguments have been checked and the frame `callee`
   pushed with their references: continue in it. */
#define ENTER_CALLEE(callee)                                            \
    do {                                                                \
        stack_pointer = base;                                           \
        SAVE_STACK();                                                   \
        (callee)->previous = frame;                                     \
        frame = (callee);                                               \
        tstate->current_frame = frame;                                  \
        LOAD_FRAME();                                                   \
        goto start_frame;                                               \
    } while (0)

/* A miss of CALL_PY_EXACT_ARGS, which a subscript may hand a
   QSBR-borrowed last argument (QSBR_CONSUMER_FOLLOWS, Python/ceval.c):
   the generic path may run code that passes a quiescent point while only
   this stack names the object, so such slots are made owned first (the
   object is alive: this thread has passed no quiescent point since the
   read).  CALL_FINISH closes them as owned. */
#ifdef Py_GIL_DISABLED
#  define CALL_QSBR_MISS(args, n)                                       \
    do {                                                                \
        for (int i_ = 0; i_ < (n); i_++) {                              \
            _PyStackRef_PromoteQsbr(&(args)[i_]);                       \
        }                                                               \
        SPEC_MISS(CALL);                                                \
    } while (0)
#else
#  define CALL_QSBR_MISS(args, n) SPEC_MISS(CALL)
#endif

TARGET(CALL_PY_EXACT_ARGS)
{
    _PySpecEntry *entry = _PySpec_EntryOf(code, frame->instr_ptr);
    CALL_ARGS();
    PyObject *callable = base[0];
    if (!_PySpec_Ready(entry) || !Py_IS_TYPE(callable, &PyFunction_Type)) {
        CALL_QSBR_MISS(args, total);
    }
    PyCodeObject *callee_code = spec_function_code(callable, entry);
    if (callee_code == NULL || callee_code->co_argcount != total) {
        CALL_QSBR_MISS(args, total);
    }
    _PyInterpreterFrame *callee = push_frame_positional(
        tstate, (PyFunctionObject *)callable, callee_code, args, total,
        (uint32_t)entry->index);
    if (callee == NULL) {
        CALL_FINISH(NULL);
    }
    ENTER_CALLEE(callee);
}

TARGET(CALL_PY_WITH_DEFAULTS)
{
    _PySpecEntry *entry = _PySpec_EntryOf(code, frame->instr_ptr);
    CALL_ARGS();
    PyObject *callable = base[0];
    if (!_PySpec_Ready(entry) || !Py_IS_TYPE(callable, &PyFunction_Type)) {
        SPEC_MISS(CALL);
    }
    PyCodeObject *callee_code = spec_function_code(callable, entry);
    if (callee_code == NULL) {
        SPEC_MISS(CALL);
    }
    /* The version covers __defaults__ too; their count is checked anyway,
       since this site's argument count may differ from the first one. */
    PyObject *defaults = __atomic_load_n(
        &((PyFunctionObject *)callable)->func_defaults, __ATOMIC_ACQUIRE);
    int argcount = callee_code->co_argcount;
    int first_default = argcount
        - (defaults ? (int)PyTuple_GET_SIZE(defaults) : 0);
    if (total > argcount || total < first_default) {
        SPEC_MISS(CALL);
    }
    _PyInterpreterFrame *callee = push_frame_positional(
        tstate, (PyFunctionObject *)callable, callee_code, args, total, 0);
    if (callee == NULL) {
        CALL_FINISH(NULL);
    }
    for (int i = total; i < argcount; i++) {
        callee->localsplus[i] =
            Py_NewRef(PyTuple_GET_ITEM(defaults, i - first_default));
    }
    ENTER_CALLEE(callee);
}

TARGET(CALL_BOUND_METHOD_EXACT_ARGS)
{
    _PySpecEntry *entry = _PySpec_EntryOf(code, frame->instr_ptr);
    PyObject **base = stack_pointer - oparg - 2;
    PyObject *callable = base[0];
    if (!_PySpec_Ready(entry) || base[1] != NULL
            || !Py_IS_TYPE(callable, &PyMethod_Type)) {
        SPEC_MISS(CALL);
    }
    PyObject *func = PyMethod_GET_FUNCTION(callable);
    if (!Py_IS_TYPE(func, &PyFunction_Type)) {
        SPEC_MISS(CALL);
    }
    PyCodeObject *callee_code = spec_function_code(func, entry);
    if (callee_code == NULL || callee_code->co_argcount != oparg + 1) {
        SPEC_MISS(CALL);
    }
    /* [method, NULL] becomes [function, self]; the method object goes. */
    base[1] = Py_NewRef(PyMethod_GET_SELF(callable));
    base[0] = Py_NewRef(func);
    Py_DECREF(callable);
    _PyInterpreterFrame *callee = push_frame_positional(
        tstate, (PyFunctionObject *)func, callee_code, base + 1, oparg + 1,
        (uint32_t)entry->index);
    if (callee == NULL) {
        CALL_FINISH(NULL);
    }
    ENTER_CALLEE(callee);
}

/* ---- builtin functions ------------------------------------------------------ */

/* The C function of a builtin whose flags are exactly `flags` (METH_STATIC
   or METH_METHOD functions never match). */
#define BUILTIN_WITH_FLAGS(callable, flags)                              \
    (Py_IS_TYPE((callable), &PyCFunction_Type)                           \
     && ((PyCFunctionObject *)(callable))->m_ml->ml_flags == (flags))

TARGET(CALL_BUILTIN_O)
{
    CALL_ARGS();
    PyObject *callable = base[0];
    if (total != 1 || !BUILTIN_WITH_FLAGS(callable, METH_O)) {
        SPEC_MISS(CALL);
    }
    PyCFunctionObject *cf = (PyCFunctionObject *)callable;
    if (enter_c_call(tstate) < 0) {
        CALL_FINISH(NULL);
    }
    PyObject *res = cf->m_ml->ml_meth(cf->m_self, _PyStackRef_Get(args[0]));
    leave_c_call(tstate);
    CALL_FINISH(res);
}

TARGET(CALL_BUILTIN_FAST)
{
    CALL_ARGS();
    PyObject *callable = base[0];
    if (!BUILTIN_WITH_FLAGS(callable, METH_FASTCALL)) {
        SPEC_MISS(CALL);
    }
    PyCFunctionObject *cf = (PyCFunctionObject *)callable;
    if (enter_c_call(tstate) < 0) {
        CALL_FINISH(NULL);
    }
    CALL_ARGV(args, total);
    PyObject *res = ((PyCFunctionFast)(void (*)(void))cf->m_ml->ml_meth)(
        cf->m_self, argv, total);
    leave_c_call(tstate);
    CALL_FINISH(res);
}

TARGET(CALL_BUILTIN_FAST_WITH_KEYWORDS)
{
    CALL_ARGS();
    PyObject *callable = base[0];
    if (!BUILTIN_WITH_FLAGS(callable, METH_FASTCALL | METH_KEYWORDS)) {
        SPEC_MISS(CALL);
    }
    PyCFunctionObject *cf = (PyCFunctionObject *)callable;
    if (enter_c_call(tstate) < 0) {
        CALL_FINISH(NULL);
    }
    CALL_ARGV(args, total);
    PyObject *res =
        ((PyCFunctionFastWithKeywords)(void (*)(void))cf->m_ml->ml_meth)(
            cf->m_self, argv, total, NULL);
    leave_c_call(tstate);
    CALL_FINISH(res);
}

/* len(x), isinstance(x, t): the callable is the pinned builtin the entry
   holds (specialize_call.c keeps it alive, so identity is exact). */
TARGET(CALL_LEN)
{
    _PySpecEntry *entry = _PySpec_EntryOf(code, frame->instr_ptr);
    CALL_ARGS();
    if (!_PySpec_Ready(entry) || base[0] != entry->obj || total != 1) {
        SPEC_MISS(CALL);
    }
    Py_ssize_t n = PyObject_Length(_PyStackRef_Get(args[0]));
    CALL_FINISH(n < 0 ? NULL : PyLong_FromSsize_t(n));
}

TARGET(CALL_ISINSTANCE)
{
    _PySpecEntry *entry = _PySpec_EntryOf(code, frame->instr_ptr);
    CALL_ARGS();
    if (!_PySpec_Ready(entry) || base[0] != entry->obj || total != 2) {
        SPEC_MISS(CALL);
    }
    int is = PyObject_IsInstance(_PyStackRef_Get(args[0]),
                                 _PyStackRef_Get(args[1]));
    CALL_FINISH(is < 0 ? NULL : Py_NewRef(is ? Py_True : Py_False));
}

/* type(x), str(x), tuple(x): static types, compared by address. */
TARGET(CALL_TYPE_1)
{
    CALL_ARGS();
    if (base[0] != (PyObject *)&PyType_Type || total != 1) {
        SPEC_MISS(CALL);
    }
    CALL_FINISH(Py_NewRef((PyObject *)Py_TYPE(_PyStackRef_Get(args[0]))));
}

TARGET(CALL_STR_1)
{
    CALL_ARGS();
    if (base[0] != (PyObject *)&PyUnicode_Type || total != 1) {
        SPEC_MISS(CALL);
    }
    CALL_FINISH(PyObject_Str(_PyStackRef_Get(args[0])));
}

TARGET(CALL_TUPLE_1)
{
    CALL_ARGS();
    if (base[0] != (PyObject *)&PyTuple_Type || total != 1) {
        SPEC_MISS(CALL);
    }
    CALL_FINISH(PySequence_Tuple(_PyStackRef_Get(args[0])));
}

TARGET(CALL_BOOL_1)
{
    CALL_ARGS();
    if (base[0] != (PyObject *)&PyBool_Type || total != 1) {
        SPEC_MISS(CALL);
    }
    int truth = PyObject_IsTrue(_PyStackRef_Get(args[0]));
    CALL_FINISH(truth < 0 ? NULL : Py_NewRef(truth ? Py_True : Py_False));
}

/* int(x): what int's tp_new does with one argument and no base
   (calls2: int has no vectorcall, so the generic path builds a tuple
   and parses it). */
TARGET(CALL_INT_1)
{
    CALL_ARGS();
    if (base[0] != (PyObject *)&PyLong_Type || total != 1) {
        SPEC_MISS(CALL);
    }
    CALL_FINISH(PyNumber_Long(_PyStackRef_Get(args[0])));
}

/* A builtin class's vectorcall constructor (range(n), list(x), ...),
   called as PyObject_Vectorcall would (type's tp_vectorcall_offset names
   the class's tp_vectorcall). */
TARGET(CALL_BUILTIN_CLASS)
{
    CALL_ARGS();
    PyObject *callable = base[0];
    if (!Py_IS_TYPE(callable, &PyType_Type)
            || !(((PyTypeObject *)callable)->tp_flags & Py_TPFLAGS_IMMUTABLETYPE)
            || ((PyTypeObject *)callable)->tp_vectorcall == NULL) {
        SPEC_MISS(CALL);
    }
    CALL_ARGV(args, total);
    CALL_FINISH(((PyTypeObject *)callable)->tp_vectorcall(
        callable, argv, (size_t)total | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL));
}

/* ---- method descriptors (list.append, str.join, ...) --------------------- */

/* callable is a method descriptor with exactly these flags and args[0]
   an instance of its type (the descriptor's own check, which raises, is
   left to the generic path). */
#define DESCRIPTOR_APPLIES(callable, flags, total, args)                   \
    (Py_IS_TYPE((callable), &PyMethodDescr_Type) && (total) >= 1           \
     && ((PyMethodDescrObject *)(callable))->d_method->ml_flags == (flags) \
     && PyObject_TypeCheck(_PyStackRef_Get((args)[0]),                   \
                           PyDescr_TYPE(callable)))

TARGET(CALL_METHOD_DESCRIPTOR_O)
{
    CALL_ARGS();
    PyObject *callable = base[0];
    if (total != 2 || !DESCRIPTOR_APPLIES(callable, METH_O, total, args)) {
        SPEC_MISS(CALL);
    }
    PyMethodDef *ml = ((PyMethodDescrObject *)callable)->d_method;
    if (enter_c_call(tstate) < 0) {
        CALL_FINISH(NULL);
    }
    PyObject *res = ml->ml_meth(_PyStackRef_Get(args[0]),
                                _PyStackRef_Get(args[1]));
    leave_c_call(tstate);
    CALL_FINISH(res);
}

TARGET(CALL_METHOD_DESCRIPTOR_NOARGS)
{
    CALL_ARGS();
    PyObject *callable = base[0];
    if (total != 1 || !DESCRIPTOR_APPLIES(callable, METH_NOARGS, total, args)) {
        SPEC_MISS(CALL);
    }
    PyMethodDef *ml = ((PyMethodDescrObject *)callable)->d_method;
    if (enter_c_call(tstate) < 0) {
        CALL_FINISH(NULL);
    }
    PyObject *res = ml->ml_meth(_PyStackRef_Get(args[0]), NULL);
    leave_c_call(tstate);
    CALL_FINISH(res);
}

TARGET(CALL_METHOD_DESCRIPTOR_FAST)
{
    CALL_ARGS();
    PyObject *callable = base[0];
    if (!DESCRIPTOR_APPLIES(callable, METH_FASTCALL, total, args)) {
        SPEC_MISS(CALL);
    }
    PyMethodDef *ml = ((PyMethodDescrObject *)callable)->d_method;
    if (enter_c_call(tstate) < 0) {
        CALL_FINISH(NULL);
    }
    CALL_ARGV(args, total);
    PyObject *res = ((PyCFunctionFast)(void (*)(void))ml->ml_meth)(
        argv[0], argv + 1, total - 1);
    leave_c_call(tstate);
    CALL_FINISH(res);
}

TARGET(CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS)
{
    CALL_ARGS();
    PyObject *callable = base[0];
    if (!DESCRIPTOR_APPLIES(callable, METH_FASTCALL | METH_KEYWORDS, total,
                            args)) {
        SPEC_MISS(CALL);
    }
    PyMethodDef *ml = ((PyMethodDescrObject *)callable)->d_method;
    if (enter_c_call(tstate) < 0) {
        CALL_FINISH(NULL);
    }
    CALL_ARGV(args, total);
    PyObject *res = ((PyCFunctionFastWithKeywords)(void (*)(void))ml->ml_meth)(
        argv[0], argv + 1, total - 1, NULL);
    leave_c_call(tstate);
    CALL_FINISH(res);
}

/* list.append(lst, x) on an exact list (the pinned descriptor). */
TARGET(CALL_LIST_APPEND)
{
    _PySpecEntry *entry = _PySpec_EntryOf(code, frame->instr_ptr);
    CALL_ARGS();
    if (!_PySpec_Ready(entry) || base[0] != entry->obj || total != 2
            || !PyList_CheckExact(_PyStackRef_Get(args[0]))) {
        SPEC_MISS(CALL);
    }
    int err = PyList_Append(_PyStackRef_Get(args[0]), _PyStackRef_Get(args[1]));
    CALL_FINISH(err < 0 ? NULL : Py_NewRef(Py_None));
}

/* ---- class instantiation (calls2, session 7) ------------------------------ */

/* C(args) for a class whose instances come from object.__new__ and whose
   __init__ is a Python function (specialize_call.c checked the rest and
   cached __init__ under the class's version).  The instance is allocated
   here and __init__'s frame follows ours, as for any Python call: the
   instance is left on our stack as the call's result and the frame is
   marked is_init, so that its return comes to init_frame_returned below
   instead of pushing the return value.  Tracebacks, f_back and the
   recursion limit see an ordinary call of __init__ from this line, as
   the generic path (type_call in a nested evaluator) shows it. */
TARGET(CALL_ALLOC_AND_ENTER_INIT)
{
    _PySpecEntry *entry = _PySpec_EntryOf(code, frame->instr_ptr);
    PyObject **base = stack_pointer - oparg - 2;
    PyObject *callable = base[0];
    if (!_PySpec_Ready(entry) || base[1] != NULL
            || !Py_IS_TYPE(callable, &PyType_Type)) {
        SPEC_MISS(CALL);
    }
    PyTypeObject *type = (PyTypeObject *)callable;
    /* A new reference, or NULL when the class changed since. */
    PyObject *init = spec_borrow(entry->obj, type, entry->version);
    if (init == NULL) {
        SPEC_MISS(CALL);
    }
    /* Loaded once each: a concurrent __code__ or __defaults__ assignment
       cannot give the frame of one code the binding of another. */
    PyFunctionObject *init_func = (PyFunctionObject *)init;
    PyCodeObject *init_code = __atomic_load_n(
        (PyCodeObject **)&init_func->func_code, __ATOMIC_ACQUIRE);
    PyObject *defaults = __atomic_load_n(&init_func->func_defaults,
                                         __ATOMIC_ACQUIRE);
    int total = oparg + 1;
    if (__atomic_load_n(&init_func->vectorcall, __ATOMIC_RELAXED)
                != _PyFunction_Vectorcall
            || (init_code->co_flags & _PY_SPEC_UNCOPYABLE_FLAGS)
            || !_PySpec_CopyBindingFits(init_code, defaults, total, NULL)) {
        Py_DECREF(init);
        SPEC_MISS(CALL);
    }
    PyObject *self = PyType_GenericAlloc(type, 0);
    if (self == NULL) {
        Py_DECREF(init);
        CALL_FINISH(NULL);
    }
    /* [type, NULL, args] becomes [type, self, args]: the arguments of
       __init__ start at the self slot. */
    base[1] = self;
    _PyInterpreterFrame *callee = push_frame_positional(
        tstate, init_func, init_code, base + 1, total, 0);
    if (callee == NULL) {
        Py_DECREF(init);
        CALL_FINISH(NULL);
    }
    int argcount = init_code->co_argcount;
    int first_default = argcount
        - (defaults ? (int)PyTuple_GET_SIZE(defaults) : 0);
    for (int i = total; i < argcount; i++) {
        callee->localsplus[i] =
            Py_NewRef(PyTuple_GET_ITEM(defaults, i - first_default));
    }
    callee->is_init = 1;
    /* Our stack keeps the result; the instance keeps its class alive. */
    base[0] = Py_NewRef(self);
    Py_DECREF(callable);
    stack_pointer = base + 1;
    SAVE_STACK();
    callee->previous = frame;
    frame = callee;
    tstate->current_frame = frame;
    LOAD_FRAME();
    goto start_frame;
}

/* An is_init frame returned retval (a new reference) to its caller,
   now the running frame, whose stack top is the new instance
   (return_from_frame in ceval.c comes here). */
init_frame_returned:
    if (retval != Py_None) {
        PyErr_Format(PyExc_TypeError,
                     "__init__() should return None, not '%.200s'",
                     Py_TYPE(retval)->tp_name);
        Py_DECREF(retval);
        goto error;
    }
    Py_DECREF(retval);
    DISPATCH();

/* ---- CALL_KW (calls2, session 7) -------------------------------------------- */

/* The stack of a keyword call is [callable, self_or_null, args...,
   kwnames], oparg counting the arguments (keyword values included). */
#define KW_CALL_ARGS()                                                  \
    PyObject *kwnames = TOP();                                          \
    PyObject **base = stack_pointer - oparg - 3;                        \
    int has_self = base[1] != NULL;                                     \
    int total = oparg + has_self;                                       \
    PyObject **args = base + 2 - has_self;                              \
    int npos = total - (int)PyTuple_GET_SIZE(kwnames)

/* A guard failed: CALL_KW's generic path, which pops kwnames only when
   it runs as CALL_KW. */
#define KW_MISS()                                                       \
    do {                                                                \
        opcode = CALL_KW;                                               \
        SPEC_MISS(CALL_KW);                                             \
    } while (0)

/* The guards passed and the arguments are about to move or be used up:
   kwnames leaves the stack (the caller's code constants keep it). */
#define KW_DROP_NAMES()                                                 \
    do {                                                                \
        STACK_SHRINK(1);                                                \
        Py_DECREF(kwnames);                                             \
    } while (0)

/* func's frame with the arguments copied and the missing positional
   parameters set from defaults; the callee is entered.  The binding was
   checked (_PySpec_CopyBindingFits) with the same code and defaults. */
#define KW_ENTER_PYTHON(func, co, defaults, first_arg, nargs)           \
    do {                                                                \
        KW_DROP_NAMES();                                                \
        _PyInterpreterFrame *callee = push_frame_positional(            \
            tstate, (PyFunctionObject *)(func), (co), (first_arg),      \
            (nargs), 0);                                                \
        if (callee == NULL) {                                           \
            CALL_FINISH(NULL);                                          \
        }                                                               \
        int argcount_ = (co)->co_argcount;                              \
        int first_default_ = argcount_                                  \
            - ((defaults) ? (int)PyTuple_GET_SIZE(defaults) : 0);       \
        for (int i_ = (nargs); i_ < argcount_; i_++) {                  \
            callee->localsplus[i_] = Py_NewRef(                         \
                PyTuple_GET_ITEM((defaults), i_ - first_default_));     \
        }                                                               \
        ENTER_CALLEE(callee);                                           \
    } while (0)

TARGET(CALL_KW_PY)
{
    _PySpecEntry *entry = _PySpec_EntryOf(code, frame->instr_ptr);
    KW_CALL_ARGS();
    (void)npos;
    PyObject *callable = base[0];
    if (!_PySpec_Ready(entry) || !Py_IS_TYPE(callable, &PyFunction_Type)) {
        KW_MISS();
    }
    PyCodeObject *callee_code = spec_function_code(callable, entry);
    if (callee_code == NULL) {
        KW_MISS();
    }
    PyObject *defaults = __atomic_load_n(
        &((PyFunctionObject *)callable)->func_defaults, __ATOMIC_ACQUIRE);
    if (!_PySpec_CopyBindingFits(callee_code, defaults, total, kwnames)) {
        KW_MISS();
    }
    KW_ENTER_PYTHON(callable, callee_code, defaults, args, total);
}

TARGET(CALL_KW_BOUND_METHOD)
{
    _PySpecEntry *entry = _PySpec_EntryOf(code, frame->instr_ptr);
    KW_CALL_ARGS();
    (void)npos;
    (void)args;
    PyObject *callable = base[0];
    if (!_PySpec_Ready(entry) || has_self
            || !Py_IS_TYPE(callable, &PyMethod_Type)) {
        KW_MISS();
    }
    PyObject *func = PyMethod_GET_FUNCTION(callable);
    if (!Py_IS_TYPE(func, &PyFunction_Type)) {
        KW_MISS();
    }
    PyCodeObject *callee_code = spec_function_code(func, entry);
    if (callee_code == NULL) {
        KW_MISS();
    }
    PyObject *defaults = __atomic_load_n(
        &((PyFunctionObject *)func)->func_defaults, __ATOMIC_ACQUIRE);
    if (!_PySpec_CopyBindingFits(callee_code, defaults, total + 1, kwnames)) {
        KW_MISS();
    }
    /* [method, NULL] becomes [function, self]; the method object goes. */
    base[1] = Py_NewRef(PyMethod_GET_SELF(callable));
    base[0] = Py_NewRef(func);
    Py_DECREF(callable);
    KW_ENTER_PYTHON(func, callee_code, defaults, base + 1, total + 1);
}

TARGET(CALL_KW_BUILTIN_FAST_WITH_KEYWORDS)
{
    KW_CALL_ARGS();
    PyObject *callable = base[0];
    if (!BUILTIN_WITH_FLAGS(callable, METH_FASTCALL | METH_KEYWORDS)) {
        KW_MISS();
    }
    PyCFunctionObject *cf = (PyCFunctionObject *)callable;
    PyObject *res = NULL;
    if (enter_c_call(tstate) == 0) {
        CALL_ARGV(args, total);
        res = ((PyCFunctionFastWithKeywords)(void (*)(void))cf->m_ml->ml_meth)(
            cf->m_self, argv, npos, kwnames);
        leave_c_call(tstate);
    }
    KW_DROP_NAMES();
    CALL_FINISH(res);
}

TARGET(CALL_KW_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS)
{
    KW_CALL_ARGS();
    PyObject *callable = base[0];
    if (!DESCRIPTOR_APPLIES(callable, METH_FASTCALL | METH_KEYWORDS, npos,
                            args)) {
        KW_MISS();
    }
    PyMethodDef *ml = ((PyMethodDescrObject *)callable)->d_method;
    PyObject *res = NULL;
    if (enter_c_call(tstate) == 0) {
        CALL_ARGV(args, total);
        res = ((PyCFunctionFastWithKeywords)(void (*)(void))ml->ml_meth)(
            argv[0], argv + 1, npos - 1, kwnames);
        leave_c_call(tstate);
    }
    KW_DROP_NAMES();
    CALL_FINISH(res);
}

/* A builtin class's vectorcall constructor with keywords (dict(a=1),
   int("7", base=8), ...), as CALL_BUILTIN_CLASS. */
TARGET(CALL_KW_BUILTIN_CLASS)
{
    KW_CALL_ARGS();
    PyObject *callable = base[0];
    if (!Py_IS_TYPE(callable, &PyType_Type)
            || !(((PyTypeObject *)callable)->tp_flags & Py_TPFLAGS_IMMUTABLETYPE)
            || ((PyTypeObject *)callable)->tp_vectorcall == NULL) {
        KW_MISS();
    }
    CALL_ARGV(args, total);
    PyObject *res = ((PyTypeObject *)callable)->tp_vectorcall(
        callable, argv, (size_t)npos | PY_VECTORCALL_ARGUMENTS_OFFSET,
        kwnames);
    KW_DROP_NAMES();
    CALL_FINISH(res);
}

#undef KW_CALL_ARGS
#undef KW_MISS
#undef KW_DROP_NAMES
#undef KW_ENTER_PYTHON
#undef CALL_ARGS
#undef CALL_FINISH
#undef CALL_ARGV
#undef ENTER_CALLEE
#undef BUILTIN_WITH_FLAGS
#undef DESCRIPTOR_APPLIES
