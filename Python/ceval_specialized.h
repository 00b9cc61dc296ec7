/* The specialized instruction bodies (pycore_opcode.h's
   _PY_OPCODES_SPECIALIZED); included once, inside _PyEval_EvalFrame, next
   to Python/ceval_ops.h, whose registers and stack macros they use.

   Every body checks its guards before it touches the stack; on a miss it
   leaves the stack as it found it and jumps to its base instruction's
   generic path (SPEC_MISS), which also counts the miss towards going back
   to the base opcode.  A body reads its entry's payload only after
   _PySpec_Ready (free-threaded publication, see pycore_specialize.h), and
   an object reached through the payload is referenced only while the
   guard that keeps it alive (the type's version) still holds:
   spec_borrow in Python/ceval.c. */

/* ---- LOAD_GLOBAL ----------------------------------------------------------- */

TARGET(LOAD_GLOBAL_MODULE)
{
    _PySpecEntry *entry = _PySpec_EntryOf(code, frame->instr_ptr);
    PyObject *globals = frame->f_globals;
    if (!_PySpec_Ready(entry) || !PyDict_CheckExact(globals)) {
        SPEC_MISS(LOAD_GLOBAL);
    }
    PyObject *name = PyTuple_GET_ITEM(code->co_names, oparg >> 1);
    PyObject *v = _PySpec_DictGetAtHint(globals, name, entry->index);
    if (v == NULL) {
        SPEC_MISS(LOAD_GLOBAL);
    }
    if (PyLazyImport_CheckExact(v)) {
        Py_DECREF(v);
        SPEC_MISS(LOAD_GLOBAL);
    }
    PUSH(v);
    if (oparg & 1) {
        PUSH(NULL);
    }
    DISPATCH();
}

TARGET(LOAD_GLOBAL_BUILTIN)
{
    _PySpecEntry *entry = _PySpec_EntryOf(code, frame->instr_ptr);
    PyObject *globals = frame->f_globals;
    PyObject *builtins = frame->f_builtins;
    /* The keys version says the name is still absent from the globals. */
    if (!_PySpec_Ready(entry) || !PyDict_CheckExact(globals)
            || !PyDict_CheckExact(builtins)
            || _PySpec_KeysVersion(globals) != entry->version) {
        SPEC_MISS(LOAD_GLOBAL);
    }
    PyObject *name = PyTuple_GET_ITEM(code->co_names, oparg >> 1);
    PyObject *v = _PySpec_DictGetAtHint(builtins, name, entry->index);
    if (v == NULL) {
        SPEC_MISS(LOAD_GLOBAL);
    }
    PUSH(v);
    if (oparg & 1) {
        PUSH(NULL);
    }
    DISPATCH();
}

/* ---- LOAD_ATTR ----------------------------------------------------------------- */

TARGET(LOAD_ATTR_INSTANCE_VALUE)
{
    _PySpecEntry *entry = _PySpec_EntryOf(code, frame->instr_ptr);
    PyObject *owner_ref = TOP();
    PyObject *owner = _PyStackRef_Get(owner_ref);
    PyTypeObject *type = Py_TYPE(owner);
    /* The version names the type: its dict offset is positive and no data
       descriptor shadows the name. */
    if (!_PySpec_Ready(entry) || _PySpec_TypeVersion(type) != entry->version) {
        SPEC_MISS(LOAD_ATTR);
    }
    PyObject *v = spec_instance_attr(owner, type, code->co_names, oparg >> 1,
                                     entry->index);
    if (v == NULL) {
        SPEC_MISS(LOAD_ATTR);
    }
    SET_TOP(v);
    _PyStackRef_Close(owner_ref);
    if (oparg & 1) {
        PUSH(NULL);
    }
    DISPATCH();
}

/* ftattr (session 12): the same for up to _PY_SPEC_POLY_WAYS classes
   (a site that sees objects of several classes); the way written for
   the owner's class version holds what the monomorphic form's entry
   would. */
TARGET(LOAD_ATTR_INSTANCE_VALUE_POLY)
{
    _PySpecEntry *entry = _PySpec_EntryOf(code, frame->instr_ptr);
    PyObject *owner_ref = TOP();
    PyObject *owner = _PyStackRef_Get(owner_ref);
    PyTypeObject *type = Py_TYPE(owner);
    _PySpecPoly *poly = (_PySpecPoly *)entry->obj;
    int way = _PySpec_PolyFind(poly, _PySpec_TypeVersion(type));
    if (way < 0) {
        _PySpec_LoadAttrPolyMiss(entry, owner,
                                 PyTuple_GET_ITEM(code->co_names, oparg >> 1),
                                 oparg);
        SPEC_MISS(LOAD_ATTR);
    }
    PyObject *v = spec_instance_attr(owner, type, code->co_names, oparg >> 1,
                                     poly->index[way]);
    if (v == NULL) {
        SPEC_MISS(LOAD_ATTR);
    }
    SET_TOP(v);
    _PyStackRef_Close(owner_ref);
    if (oparg & 1) {
        PUSH(NULL);
    }
    DISPATCH();
}

TARGET(LOAD_ATTR_SLOT)
{
    _PySpecEntry *entry = _PySpec_EntryOf(code, frame->instr_ptr);
    PyObject *owner_ref = TOP();
    PyObject *owner = _PyStackRef_Get(owner_ref);
    if (!_PySpec_Ready(entry)
            || _PySpec_TypeVersion(Py_TYPE(owner)) != entry->version) {
        SPEC_MISS(LOAD_ATTR);
    }
    PyObject **addr = (PyObject **)((char *)owner + entry->index);
    PyObject *v;
    /* As PyMember_GetOne: the slot is read in the owner's critical
       section, which its writers hold (a leaf section: one load and an
       increment). */
    _Py_BEGIN_LEAF_CRITICAL_SECTION(owner);
    v = Py_XNewRef(*addr);
    _Py_END_LEAF_CRITICAL_SECTION();
    if (v == NULL) {
        SPEC_MISS(LOAD_ATTR);   /* unset: the generic path raises */
    }
    SET_TOP(v);
    _PyStackRef_Close(owner_ref);
    if (oparg & 1) {
        PUSH(NULL);
    }
    DISPATCH();
}

TARGET(LOAD_ATTR_METHOD)
{
    _PySpecEntry *entry = _PySpec_EntryOf(code, frame->instr_ptr);
    PyObject *owner_ref = TOP();
    PyObject *owner = _PyStackRef_Get(owner_ref);
    PyTypeObject *type = Py_TYPE(owner);
    /* The payload is read before the shadowing check, which may run code
       (a dict key's __eq__) that could rewrite it (default build). */
    uint32_t version = entry->version;
    PyObject *cached = entry->obj;
    if (!_PySpec_Ready(entry) || _PySpec_TypeVersion(type) != version
            || spec_method_shadowed(owner, type, code->co_names, oparg >> 1,
                                    entry->index)) {
        SPEC_MISS(LOAD_ATTR);
    }
    PyObject *meth = spec_borrow(cached, type, version);
    if (meth == NULL) {
        SPEC_MISS(LOAD_ATTR);
    }
    /* [method, self]: owner moves above the method as it is (calls
       accept borrowed self slots). */
    SET_TOP(meth);
    PUSH(owner_ref);
    DISPATCH();
}

/* ftattr (session 12): LOAD_ATTR_METHOD for up to _PY_SPEC_POLY_WAYS
   classes, one way each (see LOAD_ATTR_INSTANCE_VALUE_POLY). */
TARGET(LOAD_ATTR_METHOD_POLY)
{
    _PySpecEntry *entry = _PySpec_EntryOf(code, frame->instr_ptr);
    PyObject *owner_ref = TOP();
    PyObject *owner = _PyStackRef_Get(owner_ref);
    PyTypeObject *type = Py_TYPE(owner);
    _PySpecPoly *poly = (_PySpecPoly *)entry->obj;
    uint32_t version = _PySpec_TypeVersion(type);
    int way = _PySpec_PolyFind(poly, version);
    if (way < 0) {
        _PySpec_LoadAttrPolyMiss(entry, owner,
                                 PyTuple_GET_ITEM(code->co_names, oparg >> 1),
                                 oparg);
        SPEC_MISS(LOAD_ATTR);
    }
    /* Read before the shadowing check, as in LOAD_ATTR_METHOD; spec_borrow
       then proves the class still has the version the way was found for,
       which keeps `cached` alive. */
    PyObject *cached = poly->obj[way];
    if (spec_method_shadowed(owner, type, code->co_names, oparg >> 1,
                             poly->index[way])) {
        SPEC_MISS(LOAD_ATTR);
    }
    PyObject *meth = spec_borrow(cached, type, version);
    if (meth == NULL) {
        SPEC_MISS(LOAD_ATTR);
    }
    SET_TOP(meth);
    PUSH(owner_ref);
    DISPATCH();
}

TARGET(LOAD_ATTR_CLASS)
{
    _PySpecEntry *entry = _PySpec_EntryOf(code, frame->instr_ptr);
    PyObject *owner_ref = TOP();
    PyObject *owner = _PyStackRef_Get(owner_ref);
    if (!Py_IS_TYPE(owner, &PyType_Type) || !_PySpec_Ready(entry)) {
        SPEC_MISS(LOAD_ATTR);
    }
    PyObject *v = spec_borrow(entry->obj, (PyTypeObject *)owner,
                              entry->version);
    if (v == NULL) {
        SPEC_MISS(LOAD_ATTR);
    }
    SET_TOP(v);
    _PyStackRef_Close(owner_ref);
    if (oparg & 1) {
        PUSH(NULL);
    }
    DISPATCH();
}

/* obj.name through a property whose getter is a Python function (speedb,
   session 9): the getter's frame is pushed with obj as its argument and
   the loop continues in it; its return value replaces obj on our stack
   like any call's result, and the loop resumes after this instruction.
   The version guards the property's place in the class (alive while it
   holds); the getter, its code and its defaults are loaded once each
   and checked on every run, as CALL_ALLOC_AND_ENTER_INIT does, since
   they can change without the class changing.  Tracebacks, f_back and
   the recursion limit see the generic path's frames (the property's C
   call shows no frame).  Traced code runs the generic LOAD_ATTR. */
TARGET(LOAD_ATTR_PROPERTY)
{
    _PySpecEntry *entry = _PySpec_EntryOf(code, frame->instr_ptr);
    PyObject *owner_ref = TOP();
    PyObject *owner = _PyStackRef_Get(owner_ref);
    PyTypeObject *type = Py_TYPE(owner);
    if (!_PySpec_Ready(entry) || _PySpec_TypeVersion(type) != entry->version) {
        SPEC_MISS(LOAD_ATTR);
    }
    /* A new reference to the property, or NULL when the class changed. */
    PyObject *prop = spec_borrow(entry->obj, type, entry->version);
    if (prop == NULL) {
        SPEC_MISS(LOAD_ATTR);
    }
    PyObject *fget = _PyProperty_Getter(prop);
    if (fget == NULL || !Py_IS_TYPE(fget, &PyFunction_Type)) {
        Py_DECREF(prop);
        SPEC_MISS(LOAD_ATTR);
    }
    PyFunctionObject *func = (PyFunctionObject *)Py_NewRef(fget);
    Py_DECREF(prop);
    PyCodeObject *co = __atomic_load_n((PyCodeObject **)&func->func_code,
                                       __ATOMIC_ACQUIRE);
    PyObject *defaults = __atomic_load_n(&func->func_defaults,
                                         __ATOMIC_ACQUIRE);
    if (__atomic_load_n(&func->vectorcall, __ATOMIC_RELAXED)
                != _PyFunction_Vectorcall
            || (co->co_flags & _PY_SPEC_UNCOPYABLE_FLAGS)
            || !_PySpec_CopyBindingFits(co, defaults, 1, NULL)) {
        Py_DECREF(func);
        SPEC_MISS(LOAD_ATTR);
    }
    /* The frame takes func's reference and its own one to owner. */
    PyObject *args[1] = {Py_NewRef(owner)};
    _PyInterpreterFrame *callee = push_frame_positional(tstate, func, co,
                                                        args, 1, 0);
    if (callee == NULL) {
        Py_DECREF(args[0]);
        Py_DECREF(func);
        goto error;
    }
    int first_default = co->co_argcount
        - (defaults ? (int)PyTuple_GET_SIZE(defaults) : 0);
    for (int i = 1; i < co->co_argcount; i++) {
        callee->localsplus[i] =
            Py_NewRef(PyTuple_GET_ITEM(defaults, i - first_default));
    }
    _PyStackRef_Close(owner_ref);
    STACK_SHRINK(1);
    SAVE_STACK();
    callee->previous = frame;
    frame = callee;
    tstate->current_frame = frame;
    LOAD_FRAME();
    goto start_frame;
}

/* ---- BINARY_OP ---------------------------------------------------------------------- */

/* [lhs, rhs] -> [res]: both operands released, res (NULL: error) stored. */
#define BINARY_RESULT(res)                                      \
    do {                                                        \
        PyObject *res_ = (res);                                 \
        _PyStackRef_Close(lhs_ref);                             \
        _PyStackRef_Close(rhs_ref);                             \
        STACK_SHRINK(1);                                        \
        if (res_ == NULL) {                                     \
            STACK_SHRINK(1);                                    \
            goto error;                                         \
        }                                                       \
        SET_TOP(res_);                                          \
        DISPATCH();                                             \
    } while (0)

/* [lhs, rhs] -> [obj as a QSBR-borrowed slot], for the consumer whose
   word w the producer read (QSBR_CONSUMER_FOLLOWS in Python/ceval.c). */
#define QSBR_RESULT(obj, w)                                     \
    do {                                                        \
        PyObject *res_ = _PyStackRef_QsbrBorrow(obj);           \
        _PyStackRef_Close(lhs_ref);                             \
        _PyStackRef_Close(rhs_ref);                             \
        STACK_SHRINK(1);                                        \
        SET_TOP(res_);                                          \
        DISPATCH_WORD(w);                                       \
    } while (0)

/* [lhs, rhs] -> [value] for the float forms.  An operand that may be
   reused (spec_float_reusable; lhs first, then rhs, such as the product
   in `x -= a * b`; lhs_ok / rhs_ok exclude a mixed form's int) is
   updated in place and its slot's reference becomes the result's, so
   only the other operand is released (session 12: the reuse used to
   take a new reference that BINARY_RESULT dropped again, two count
   changes of the result per operation).  Otherwise a new float. */
#define FLOAT_RESULT(lhs_ok, rhs_ok, value)                     \
    do {                                                        \
        double v_ = (value);                                    \
        PyObject *keep_, *drop_;                                \
        if ((lhs_ok) && spec_float_reusable(lhs_ref)) {         \
            keep_ = lhs_ref;                                    \
            drop_ = rhs_ref;                                    \
        }                                                       \
        else if ((rhs_ok) && spec_float_reusable(rhs_ref)) {    \
            keep_ = rhs_ref;                                    \
            drop_ = lhs_ref;                                    \
        }                                                       \
        else {                                                  \
            BINARY_RESULT(PyFloat_FromDouble(v_));              \
        }                                                       \
        ((PyFloatObject *)keep_)->ob_fval = v_;                 \
        _PyStackRef_Close(drop_);                               \
        STACK_SHRINK(1);                                        \
        SET_TOP(keep_);                                         \
        DISPATCH();                                             \
    } while (0)

#define OPERAND_REFS()                                                  \
    PyObject *rhs_ref = TOP();                                          \
    PyObject *lhs_ref = SECOND();                                       \
    PyObject *rhs = _PyStackRef_Get(rhs_ref);                           \
    PyObject *lhs = _PyStackRef_Get(lhs_ref);

#define INT_OPERANDS()                                                  \
    OPERAND_REFS()                                                      \
    if (!PyLong_CheckExact(lhs) || !PyLong_CheckExact(rhs)) {           \
        SPEC_MISS(BINARY_OP);                                           \
    }

#define FLOAT_OPERANDS()                                                \
    OPERAND_REFS()                                                      \
    if (!PyFloat_CheckExact(lhs) || !PyFloat_CheckExact(rhs)) {         \
        goto float_form_mixed_operands;                                 \
    }

/* Two compact ints (|v| < 2**30) are added, subtracted or multiplied
   here (the result fits in 64 bits); wider ones by the int code. */
#define BOTH_COMPACT()                                                  \
    _PyLong_BothAreCompact((PyLongObject *)lhs, (PyLongObject *)rhs)
#define COMPACT(op) ((int64_t)_PyLong_CompactValue((PyLongObject *)(op)))

TARGET(BINARY_OP_ADD_INT)
{
    INT_OPERANDS();
    if (BOTH_COMPACT()) {
        BINARY_RESULT(spec_int_result(COMPACT(lhs) + COMPACT(rhs)));
    }
    BINARY_RESULT(_PyLong_Add((PyLongObject *)lhs, (PyLongObject *)rhs));
}

TARGET(BINARY_OP_SUBTRACT_INT)
{
    INT_OPERANDS();
    if (BOTH_COMPACT()) {
        BINARY_RESULT(spec_int_result(COMPACT(lhs) - COMPACT(rhs)));
    }
    BINARY_RESULT(_PyLong_Subtract((PyLongObject *)lhs, (PyLongObject *)rhs));
}

TARGET(BINARY_OP_MULTIPLY_INT)
{
    INT_OPERANDS();
    if (BOTH_COMPACT()) {
        BINARY_RESULT(spec_int_result(COMPACT(lhs) * COMPACT(rhs)));
    }
    BINARY_RESULT(_PyLong_Multiply((PyLongObject *)lhs, (PyLongObject *)rhs));
}

#undef BOTH_COMPACT
#undef COMPACT

/* Ints of at most two digits, the operators the *_INT forms leave
   (session 10: `i % n`, `x & mask`, `h >> 8` went through binary_op1 and
   the division code), and `big & mask` for a mask below 2**60 (session
   11: the generators' `(s * a + c) & m`, whose left operand has three
   digits).  The result is made as the generic path makes it
   (_PyLong_FromSTwoDigits: the cached small ints, else a new int). */
TARGET(BINARY_OP_INT_WORD)
{
    OPERAND_REFS();
    int64_t x, y, value;
    if (!_PySpec_IntWordOperands(oparg, lhs, rhs, &x, &y)
            || !spec_int_word_result(oparg, x, y, &value)) {
        SPEC_MISS(BINARY_OP);
    }
    BINARY_RESULT(spec_int_result(value));
}

/* list + list, tuple + tuple (or +=): the type's own concatenation, which
   binary_op1 reaches after both operands' nb_add slots declined.  The
   same function runs, so it is as thread-safe as the generic path
   (list_concat reads each list in its critical section). */
TARGET(BINARY_OP_CONCAT)
{
    OPERAND_REFS();
    PyTypeObject *type = Py_TYPE(lhs);
    if (!Py_IS_TYPE(rhs, type)
            || !(type == &PyTuple_Type
                 || (type == &PyList_Type && oparg == NB_ADD))) {
        SPEC_MISS(BINARY_OP);
    }
    BINARY_RESULT(type->tp_as_sequence->sq_concat(lhs, rhs));
}

TARGET(BINARY_OP_ADD_FLOAT)
{
    FLOAT_OPERANDS();
    FLOAT_RESULT(1, 1, PyFloat_AS_DOUBLE(lhs) + PyFloat_AS_DOUBLE(rhs));
}

TARGET(BINARY_OP_SUBTRACT_FLOAT)
{
    FLOAT_OPERANDS();
    FLOAT_RESULT(1, 1, PyFloat_AS_DOUBLE(lhs) - PyFloat_AS_DOUBLE(rhs));
}

TARGET(BINARY_OP_MULTIPLY_FLOAT)
{
    FLOAT_OPERANDS();
    FLOAT_RESULT(1, 1, PyFloat_AS_DOUBLE(lhs) * PyFloat_AS_DOUBLE(rhs));
}

TARGET(BINARY_OP_TRUE_DIVIDE_FLOAT)
{
    FLOAT_OPERANDS();
    if (PyFloat_AS_DOUBLE(rhs) == 0.0) {
        SPEC_MISS(BINARY_OP);   /* the generic path raises */
    }
    FLOAT_RESULT(1, 1, PyFloat_AS_DOUBLE(lhs) / PyFloat_AS_DOUBLE(rhs));
}

/* The float forms also take one compact int operand (session 9: `x * i`
   with a float x and a loop index i never specialized, and its counter
   was written on every run).  A compact int is exact as a double, so the
   result is the one float's slots compute (float.__mul__ converts the
   int; int.__mul__ declines and float.__rmul__ does the same).  Two ints
   are not a float form: they make an int.  Kept apart from the forms'
   bodies (and cold) so that two floats run the same code as before. */
float_form_mixed_operands: __attribute__((cold));
{
    OPERAND_REFS();
    double value;
    if (!spec_mixed_float_result(oparg, lhs, rhs, &value)) {
        SPEC_MISS(BINARY_OP);
    }
    /* the int operand is never reused for the result */
    FLOAT_RESULT(PyFloat_CheckExact(lhs), PyFloat_CheckExact(rhs), value);
}

TARGET(BINARY_OP_ADD_UNICODE)
{
    OPERAND_REFS();
    if (!PyUnicode_CheckExact(lhs) || !PyUnicode_CheckExact(rhs)) {
        SPEC_MISS(BINARY_OP);
    }
    BINARY_RESULT(PyUnicode_Concat(lhs, rhs));
}

TARGET(BINARY_OP_SUBSCR_LIST_INT)
{
    OPERAND_REFS();
    if (!PyList_CheckExact(lhs) || !PyLong_CheckExact(rhs)
            || !_PyLong_IsCompact((PyLongObject *)rhs)) {
        SPEC_MISS(BINARY_OP);
    }
    Py_ssize_t index = _PyLong_CompactValue((PyLongObject *)rhs);
#ifdef Py_GIL_DISABLED
    _Py_CODEUNIT qsbr_word;
    if (index >= 0 && QSBR_CONSUMER_FOLLOWS(lhs, qsbr_word)) {
        /* `x = items[i]` or `f(items[i])` on another thread's list: no
           count written.  Closing an owned list runs no code even if it
           dies: list_dealloc delays its items (the bit is set). */
        PyObject *shared = _PyList_GetItemQsbr((PyListObject *)lhs, index);
        if (shared != NULL) {
            NOTE_QSBR_LOCAL();
            QSBR_RESULT(shared, qsbr_word);
        }
    }
    /* Lock-free against a concurrent resize (Objects/listobject.c). */
    PyObject *item = index >= 0
                     ? _PyList_GetItemRef((PyListObject *)lhs, index) : NULL;
#else
    PyObject *item = (size_t)index < (size_t)PyList_GET_SIZE(lhs)
                     ? Py_NewRef(PyList_GET_ITEM(lhs, index)) : NULL;
#endif
    if (item == NULL) {
        SPEC_MISS(BINARY_OP);   /* negative or out of range */
    }
    BINARY_RESULT(item);
}

TARGET(BINARY_OP_SUBSCR_TUPLE_INT)
{
    OPERAND_REFS();
    if (!PyTuple_CheckExact(lhs) || !PyLong_CheckExact(rhs)
            || !_PyLong_IsCompact((PyLongObject *)rhs)) {
        SPEC_MISS(BINARY_OP);
    }
    Py_ssize_t index = _PyLong_CompactValue((PyLongObject *)rhs);
    if (index < 0) {
        index += PyTuple_GET_SIZE(lhs);
    }
    if ((size_t)index >= (size_t)PyTuple_GET_SIZE(lhs)) {
        SPEC_MISS(BINARY_OP);
    }
    BINARY_RESULT(Py_NewRef(PyTuple_GET_ITEM(lhs, index)));
}

TARGET(BINARY_OP_SUBSCR_DICT)
{
    OPERAND_REFS();
    if (!PyDict_CheckExact(lhs)) {
        SPEC_MISS(BINARY_OP);
    }
    PyObject *value;
#ifdef Py_GIL_DISABLED
    _Py_CODEUNIT qsbr_word;
    /* `x = table[key]` or `f(table[key])` on another thread's dict: no
       count written.  The dict's slot must be borrowed (closing it does
       nothing): the death of a dict can run code (its keys' destructors,
       watchers), which could pass a quiescent point before the value is
       stored.  An exact str key's own death runs none. */
    if (QSBR_CONSUMER_FOLLOWS(lhs, qsbr_word) && PyUnicode_CheckExact(rhs)
            && _PyStackRef_IsBorrowed(lhs_ref)
            && _PyDict_GetItemQsbr((PyDictObject *)lhs, rhs, &value) > 0) {
        if (!_Py_IsImmortal(value) && !_Py_IsOwnedByCurrentThread(value)) {
            NOTE_QSBR_LOCAL();
            QSBR_RESULT(value, qsbr_word);
        }
        /* Cheap to count: still alive, no quiescent point since. */
        BINARY_RESULT(Py_NewRef(value));
    }
#endif
    int found = PyDict_GetItemRef(lhs, rhs, &value);
    if (found == 0) {
        /* An exact dict has no __missing__. */
        _PyErr_SetKeyError(rhs);
    }
    BINARY_RESULT(value);
}

#undef INT_OPERANDS
#undef FLOAT_OPERANDS
#undef BINARY_RESULT

/* ---- COMPARE_OP ----------------------------------------------------------------- */

/* [lhs, rhs] -> [bool]; the result is already a bool, so the
   COMPARE_TO_BOOL bit changes nothing. */
#define COMPARE_RESULT(truth)                                   \
    do {                                                        \
        int result_ = (truth);                                  \
        _PyStackRef_Close(lhs_ref);                             \
        _PyStackRef_Close(rhs_ref);                             \
        STACK_SHRINK(2);                                        \
        PUSH_TRUTH(result_);                                    \
    } while (0)

#define COMPARE_VALUES(a, b, cmp)                                       \
    ((cmp) == Py_LT ? (a) < (b) : (cmp) == Py_LE ? (a) <= (b) :         \
     (cmp) == Py_EQ ? (a) == (b) : (cmp) == Py_NE ? (a) != (b) :        \
     (cmp) == Py_GT ? (a) > (b) : (a) >= (b))

TARGET(COMPARE_OP_INT)
{
    OPERAND_REFS();
    if (!PyLong_CheckExact(lhs) || !PyLong_CheckExact(rhs)
            || !_PyLong_BothAreCompact((PyLongObject *)lhs,
                                       (PyLongObject *)rhs)) {
        SPEC_MISS(COMPARE_OP);
    }
    Py_ssize_t a = _PyLong_CompactValue((PyLongObject *)lhs);
    Py_ssize_t b = _PyLong_CompactValue((PyLongObject *)rhs);
    COMPARE_RESULT(COMPARE_VALUES(a, b, oparg >> 5));
}

TARGET(COMPARE_OP_FLOAT)
{
    OPERAND_REFS();
    if (!PyFloat_CheckExact(lhs) || !PyFloat_CheckExact(rhs)) {
        SPEC_MISS(COMPARE_OP);
    }
    /* C's comparisons treat NaN as Python's do. */
    double a = PyFloat_AS_DOUBLE(lhs);
    double b = PyFloat_AS_DOUBLE(rhs);
    COMPARE_RESULT(COMPARE_VALUES(a, b, oparg >> 5));
}

TARGET(COMPARE_OP_STR)
{
    OPERAND_REFS();
    if (!PyUnicode_CheckExact(lhs) || !PyUnicode_CheckExact(rhs)) {
        SPEC_MISS(COMPARE_OP);
    }
    /* Specialized only for == and !=. */
    int equal = _PyUnicode_Equal(lhs, rhs);
    COMPARE_RESULT((oparg >> 5) == Py_EQ ? equal : !equal);
}

/* ---- ftsingle (session 8): operator dunders of Python classes ------------- */

/* [lhs, rhs] and meth, a new reference to the Python function that
   lhs's class runs for this operator (the class's version was checked):
   push meth's frame with new references to both operands as its first
   two arguments and its defaults after them, and continue in it.  The
   operands stay on our stack: operator_frame_returned finishes the
   operator with the dunder's result, and an exception from the dunder
   unwinds them as any error at this instruction does.  Misses when the
   function's code or defaults no longer bind two arguments by copying
   (they can change without the class changing); code and defaults are
   loaded once each, as CALL_ALLOC_AND_ENTER_INIT does, so a concurrent
   assignment cannot give the frame of one code another's binding. */
#define ENTER_OPERATOR_DUNDER(meth, base)                                   \
    do {                                                                    \
        PyFunctionObject *func_ = (PyFunctionObject *)(meth);               \
        PyCodeObject *co_ = __atomic_load_n(                                \
            (PyCodeObject **)&func_->func_code, __ATOMIC_ACQUIRE);          \
        PyObject *defaults_ = __atomic_load_n(&func_->func_defaults,        \
                                              __ATOMIC_ACQUIRE);            \
        if (__atomic_load_n(&func_->vectorcall, __ATOMIC_RELAXED)           \
                    != _PyFunction_Vectorcall                               \
                || (co_->co_flags & _PY_SPEC_UNCOPYABLE_FLAGS)              \
                || !_PySpec_CopyBindingFits(co_, defaults_, 2, NULL)) {     \
            Py_DECREF(func_);                                               \
            SPEC_MISS(base);                                                \
        }                                                                   \
        PyObject *args_[2] = {Py_NewRef(lhs), Py_NewRef(rhs)};              \
        _PyInterpreterFrame *callee_ = push_frame_positional(               \
            tstate, func_, co_, args_, 2, 0);                               \
        if (callee_ == NULL) {                                              \
            Py_DECREF(args_[0]);                                            \
            Py_DECREF(args_[1]);                                            \
            Py_DECREF(func_);                                               \
            goto error;                                                     \
        }                                                                   \
        int argcount_ = co_->co_argcount;                                   \
        int first_default_ = argcount_                                      \
            - (defaults_ ? (int)PyTuple_GET_SIZE(defaults_) : 0);           \
        for (int i_ = 2; i_ < argcount_; i_++) {                            \
            callee_->localsplus[i_] = Py_NewRef(                            \
                PyTuple_GET_ITEM(defaults_, i_ - first_default_));          \
        }                                                                   \
        callee_->is_init = _PY_FRAME_RETURNS_TO_OPERATOR;                   \
        SAVE_STACK();                                                       \
        callee_->previous = frame;                                          \
        frame = callee_;                                                    \
        tstate->current_frame = frame;                                      \
        LOAD_FRAME();                                                       \
        goto start_frame;                                                   \
    } while (0)

/* Guards: the class's version (which names its slot, the dunder in its
   dict, the absence of an in-place method and of sequence slots, all
   checked at specialization: Python/specialize.c, spec_binary_dunder)
   and a right operand of a type for which lhs's dunder alone decides
   unless it returns NotImplemented. */
#define DUNDER_OPERANDS(base)                                               \
    OPERAND_REFS();                                                         \
    _PySpecEntry *entry = _PySpec_EntryOf(code, frame->instr_ptr);          \
    PyTypeObject *type = Py_TYPE(lhs);                                      \
    PyTypeObject *rtype = Py_TYPE(rhs);                                     \
    if (!_PySpec_Ready(entry) || _PySpec_TypeVersion(type) != entry->version \
            || (rtype != type && rtype != &PyFloat_Type                     \
                && rtype != &PyLong_Type)) {                                \
        SPEC_MISS(base);                                                    \
    }                                                                       \
    /* A new reference, or NULL when the class changed since. */          \
    PyObject *meth = spec_borrow(entry->obj, type, entry->version);         \
    if (meth == NULL) {                                                     \
        SPEC_MISS(base);                                                    \
    }

TARGET(BINARY_OP_PY_DUNDER)
{
    DUNDER_OPERANDS(BINARY_OP);
    ENTER_OPERATOR_DUNDER(meth, BINARY_OP);
}

TARGET(COMPARE_OP_PY_DUNDER)
{
    DUNDER_OPERANDS(COMPARE_OP);
    ENTER_OPERATOR_DUNDER(meth, COMPARE_OP);
}

/* A frame entered by the two forms above returned retval (a new
   reference) to its caller, now the running frame, whose stack top is
   still [lhs, rhs] and whose instruction is the operator (read through
   _PyOpcode_Deopt: the dunder may have deoptimized it meanwhile).
   NotImplemented continues the protocol where the dunder left it
   (Python/specialize.c); a comparison whose result feeds a branch is
   converted to bool, as generic_COMPARE_OP does. */
operator_frame_returned:
{
    _Py_CODEUNIT op_word = READ_WORD(frame->instr_ptr);
    int op_arg = _Py_OPARG(op_word);
    int is_compare = _PyOpcode_Deopt[_Py_OPCODE(op_word)] == COMPARE_OP;
    PyObject *rhs_ref = TOP();
    PyObject *lhs_ref = SECOND();
    PyObject *res = retval;
    retval = NULL;
    if (res == Py_NotImplemented) {
        Py_DECREF(res);
        PyObject *lhs = _PyStackRef_Get(lhs_ref);
        PyObject *rhs = _PyStackRef_Get(rhs_ref);
        res = is_compare
              ? _PySpec_CompareDunderFallback(op_arg >> 5, lhs, rhs)
              : _PySpec_BinaryDunderFallback(op_arg, lhs, rhs);
    }
    if (res != NULL && is_compare && (op_arg & COMPARE_TO_BOOL)) {
        int truth = PyObject_IsTrue(res);
        Py_DECREF(res);
        res = truth < 0 ? NULL : truth ? Py_True : Py_False;
    }
    _PyStackRef_Close(lhs_ref);
    _PyStackRef_Close(rhs_ref);
    STACK_SHRINK(1);
    if (res == NULL) {
        STACK_SHRINK(1);
        goto error;
    }
    SET_TOP(res);
    DISPATCH();
}

#undef DUNDER_OPERANDS
#undef ENTER_OPERATOR_DUNDER
#undef COMPARE_RESULT
#undef COMPARE_VALUES
#undef OPERAND_REFS

/* ==== spec (session 6) ======================================================== */

/* Free-threaded build: iterator fields and a list's size are shared with
   other threads running the same iterator; they are read and written
   with relaxed atomics, as their own types do (Objects/rangeobject.c,
   listobject.c, tupleobject.c). */
#ifdef Py_GIL_DISABLED
#  define SPEC_LOAD_RELAXED(p) __atomic_load_n((p), __ATOMIC_RELAXED)
#  define SPEC_STORE_RELAXED(p, v) __atomic_store_n((p), (v), __ATOMIC_RELAXED)
#else
#  define SPEC_LOAD_RELAXED(p) (*(p))
#  define SPEC_STORE_RELAXED(p, v) (*(p) = (v))
#endif

/* ---- LOAD_ATTR of a module attribute ------------------------------------------ */

TARGET(LOAD_ATTR_MODULE)
{
    _PySpecEntry *entry = _PySpec_EntryOf(code, frame->instr_ptr);
    PyObject *owner_ref = TOP();
    PyObject *owner = _PyStackRef_Get(owner_ref);
    /* The module type never gains an attribute (static, immutable), so
       for an exact module only the namespace decides. */
    if (!Py_IS_TYPE(owner, &PyModule_Type) || !_PySpec_Ready(entry)) {
        SPEC_MISS(LOAD_ATTR);
    }
    PyObject *name = PyTuple_GET_ITEM(code->co_names, oparg >> 1);
    PyObject *v = _PySpec_DictGetAtHint(_PyModule_GetDict(owner), name,
                                        entry->index);
    if (v == NULL) {
        SPEC_MISS(LOAD_ATTR);
    }
    if (PyLazyImport_CheckExact(v)) {
        Py_DECREF(v);
        SPEC_MISS(LOAD_ATTR);   /* the generic path resolves it */
    }
    SET_TOP(v);
    _PyStackRef_Close(owner_ref);
    if (oparg & 1) {
        PUSH(NULL);
    }
    DISPATCH();
}

/* ---- STORE_ATTR: [value, owner] -> [] ------------------------------------------ */

TARGET(STORE_ATTR_INSTANCE_VALUE)
{
    _PySpecEntry *entry = _PySpec_EntryOf(code, frame->instr_ptr);
    PyObject *owner_ref = TOP();
    PyObject *owner = _PyStackRef_Get(owner_ref);
    PyTypeObject *type = Py_TYPE(owner);
    /* The version names the type: generic setattr, a positive dict
       offset, and no data descriptor for the name. */
    if (!_PySpec_Ready(entry) || _PySpec_TypeVersion(type) != entry->version) {
        SPEC_MISS(STORE_ATTR);
    }
    PyObject *name = PyTuple_GET_ITEM(code->co_names, oparg);
    PyObject *v = SECOND();
    int stored = 0;
    PyObject **slotp = (PyObject **)((char *)owner + type->tp_dictoffset);
    PyObject *raw = __atomic_load_n(slotp, __ATOMIC_ACQUIRE);
    int keeps_values = (raw == NULL || _PyInstValues_IsTagged(raw))
                       && _PyType_SharedKeys(type) != NULL;
    if (entry->index < -1 && keeps_values) {
        /* An encoded position in the shared keys (specialize.c). */
        Py_ssize_t pos = _PyInstValues_DecodePosition(entry->index);
        stored = _PyInstValues_TryReplace(owner, slotp, pos, v);
        if (!stored) {
            stored = _PyInstValues_StoreAt(owner, slotp, pos, v) == 0;
        }
    }
    else if (entry->index >= 0) {
        PyObject *dict;
        int has_dict = _PySpec_InstanceDict(owner, type, &dict);
        if (has_dict > 0) {
            /* A replacement in place, in the dict's critical section. */
            stored = PyDict_CheckExact(dict)
                     && _PyDict_SetItemAtHint((PyDictObject *)dict, name,
                                              entry->index, v);
            _PySpec_ReleaseDict(dict);
        }
    }
    int err = 0;
    if (!stored) {
        /* A new attribute (or a moved one): the generic path's store
           after its type look-up, into the values or the dict. */
        err = _PyInstValues_Store(owner, slotp, name, v);
        if (err == 1) {
            PyObject *dict = _PyObject_GetOrCreateInstanceDict(owner);
            err = dict != NULL ? PyDict_SetItem(dict, name, v) : -1;
            Py_XDECREF(dict);
        }
    }
    STACK_SHRINK(2);
    Py_DECREF(v);
    _PyStackRef_Close(owner_ref);
    ERROR_IF(err < 0);
    DISPATCH();
}

TARGET(STORE_ATTR_SLOT)
{
    _PySpecEntry *entry = _PySpec_EntryOf(code, frame->instr_ptr);
    PyObject *owner_ref = TOP();
    PyObject *owner = _PyStackRef_Get(owner_ref);
    if (!_PySpec_Ready(entry)
            || _PySpec_TypeVersion(Py_TYPE(owner)) != entry->version) {
        SPEC_MISS(STORE_ATTR);
    }
    PyObject **addr = (PyObject **)((char *)owner + entry->index);
    PyObject *v = SECOND();
    PyObject *old;
    /* As PyMember_SetOne: the slot is written in the owner's critical
       section, which its readers hold too (a leaf section: a load and a
       store).  The stack's reference to v moves into the slot. */
    _Py_BEGIN_LEAF_CRITICAL_SECTION(owner);
    old = *addr;
    *addr = v;
    _Py_END_LEAF_CRITICAL_SECTION();
    STACK_SHRINK(2);
    _PyStackRef_Close(owner_ref);
    Py_XDECREF(old);
    DISPATCH();
}

/* ---- FOR_ITER: [iter] -> [iter, next] -----------------------------------------
   An exhausted iterator takes the generic path (not a miss), which ends
   the loop exactly as the iterator's own tp_iternext does. */

TARGET(FOR_ITER_RANGE)
{
    PyObject *it = TOP();
    if (!Py_IS_TYPE(it, &PyRangeIter_Type)) {
        SPEC_MISS(FOR_ITER);
    }
    _PyRangeIterObject *r = (_PyRangeIterObject *)it;
    long len = SPEC_LOAD_RELAXED(&r->len);
    if (len <= 0) {
        goto generic_FOR_ITER;
    }
    long value = SPEC_LOAD_RELAXED(&r->start);
    /* The step past the last value may leave the range of long: unsigned
       arithmetic wraps it harmlessly, it is never returned. */
    SPEC_STORE_RELAXED(&r->start,
                       (long)((unsigned long)value + (unsigned long)r->step));
    SPEC_STORE_RELAXED(&r->len, len - 1);
    /* Most loops count through the cached small ints (immortal: the
       reference needs no count). */
    PyObject *next = (unsigned long)value < _PY_NSMALLPOSINTS
                     ? _PyLong_SMALL_INT(value) : PyLong_FromLong(value);
    ERROR_IF(next == NULL);
    PUSH(next);
    DISPATCH();
}

TARGET(FOR_ITER_LIST)
{
    PyObject *it = TOP();
    if (!Py_IS_TYPE(it, &PyListIter_Type)) {
        SPEC_MISS(FOR_ITER);
    }
    _PyListIterObject *li = (_PyListIterObject *)it;
    /* it_seq is cleared only on exhaustion (default build) and lives as
       long as the iterator (free-threaded build). */
    PyListObject *seq = li->it_seq;
    Py_ssize_t index = SPEC_LOAD_RELAXED(&li->it_index);
    if (seq == NULL || index < 0) {
        goto generic_FOR_ITER;
    }
#ifdef Py_GIL_DISABLED
    if (QSBR_STORE_FOLLOWS(seq)) {
        /* `for x in items` over another thread's list: no count written. */
        PyObject *shared = _PyList_GetItemQsbr(seq, index);
        if (shared != NULL) {
            SPEC_STORE_RELAXED(&li->it_index, index + 1);
            NOTE_QSBR_LOCAL();
            PUSH(_PyStackRef_QsbrBorrow(shared));
            DISPATCH();
        }
    }
#endif
    /* Lock-free against a concurrent resize (Doc/internals/locking.md). */
    PyObject *next = _PyList_GetItemRef(seq, index);
    if (next == NULL) {
        goto generic_FOR_ITER;
    }
    SPEC_STORE_RELAXED(&li->it_index, index + 1);
    PUSH(next);
    DISPATCH();
}

TARGET(FOR_ITER_TUPLE)
{
    PyObject *it = TOP();
    if (!Py_IS_TYPE(it, &PyTupleIter_Type)) {
        SPEC_MISS(FOR_ITER);
    }
    _PyTupleIterObject *ti = (_PyTupleIterObject *)it;
    PyTupleObject *seq = ti->it_seq;
    Py_ssize_t index = SPEC_LOAD_RELAXED(&ti->it_index);
    if (seq == NULL || index >= Py_SIZE(seq)) {
        goto generic_FOR_ITER;
    }
    SPEC_STORE_RELAXED(&ti->it_index, index + 1);
    PUSH(Py_NewRef(seq->ob_item[index]));
    DISPATCH();
}

/* ---- UNPACK_SEQUENCE: [seq] -> [item n-1, ..., item 0] ---------------------- */

TARGET(UNPACK_SEQUENCE_TWO_TUPLE)
{
    PyObject *seq = TOP();
    if (!PyTuple_CheckExact(seq) || PyTuple_GET_SIZE(seq) != 2) {
        SPEC_MISS(UNPACK_SEQUENCE);
    }
    SET_TOP(Py_NewRef(PyTuple_GET_ITEM(seq, 1)));
    PUSH(Py_NewRef(PyTuple_GET_ITEM(seq, 0)));
    Py_DECREF(seq);
    DISPATCH();
}

TARGET(UNPACK_SEQUENCE_TUPLE)
{
    PyObject *seq = TOP();
    if (!PyTuple_CheckExact(seq) || PyTuple_GET_SIZE(seq) != oparg) {
        SPEC_MISS(UNPACK_SEQUENCE);
    }
    STACK_SHRINK(1);
    for (int i = oparg; --i >= 0; ) {
        PUSH(Py_NewRef(PyTuple_GET_ITEM(seq, i)));
    }
    Py_DECREF(seq);
    DISPATCH();
}

TARGET(UNPACK_SEQUENCE_LIST)
{
    PyObject *seq = TOP();
    if (!PyList_CheckExact(seq)) {
        SPEC_MISS(UNPACK_SEQUENCE);
    }
    int copied = 0;
    /* The length check and the copy see one state of the list: its
       critical section excludes other threads' resizes (a leaf section:
       loads and increments). */
    _Py_BEGIN_LEAF_CRITICAL_SECTION(seq);
    if (PyList_GET_SIZE(seq) == oparg) {
        PyObject **items = ((PyListObject *)seq)->ob_item;
        for (int i = 0; i < oparg; i++) {
            stack_pointer[oparg - 2 - i] = Py_NewRef(items[i]);
        }
        copied = 1;
    }
    _Py_END_LEAF_CRITICAL_SECTION();
    if (!copied) {
        SPEC_MISS(UNPACK_SEQUENCE);
    }
    /* Items went to stack_pointer[-1 .. oparg - 2], over seq's slot. */
    stack_pointer += oparg - 1;
    Py_DECREF(seq);
    DISPATCH();
}

/* ---- TO_BOOL: [value] -> [bool] --------------------------------------------- */

#define TO_BOOL_RESULT(v, truth)                                \
    do {                                                        \
        int truth_ = (truth);                                   \
        SET_TOP(truth_ ? Py_True : Py_False);                   \
        _PyStackRef_Close(v##_ref);                             \
        DISPATCH();                                             \
    } while (0)

TARGET(TO_BOOL_BOOL)
{
    if (!PyBool_Check(_PyStackRef_Get(TOP()))) {
        SPEC_MISS(TO_BOOL);
    }
    /* Immortal: the result slot needs no reference, but it leaves
       untagged (the consumer may not accept borrowed slots). */
    SET_TOP(_PyStackRef_Get(TOP()));
    DISPATCH();
}

TARGET(TO_BOOL_INT)
{
    PyObject *v_ref = TOP();
    PyObject *v = _PyStackRef_Get(v_ref);
    if (!PyLong_CheckExact(v)) {
        SPEC_MISS(TO_BOOL);
    }
    TO_BOOL_RESULT(v, !_PyLong_IsZero((PyLongObject *)v));
}

TARGET(TO_BOOL_NONE)
{
    PyObject *v_ref = TOP();
    PyObject *v = _PyStackRef_Get(v_ref);
    if (v != Py_None) {
        SPEC_MISS(TO_BOOL);
    }
    TO_BOOL_RESULT(v, 0);
}

TARGET(TO_BOOL_STR)
{
    PyObject *v_ref = TOP();
    PyObject *v = _PyStackRef_Get(v_ref);
    if (!PyUnicode_CheckExact(v)) {
        SPEC_MISS(TO_BOOL);
    }
    TO_BOOL_RESULT(v, PyUnicode_GET_LENGTH(v) != 0);
}

TARGET(TO_BOOL_LIST)
{
    PyObject *v_ref = TOP();
    PyObject *v = _PyStackRef_Get(v_ref);
    if (!PyList_CheckExact(v)) {
        SPEC_MISS(TO_BOOL);
    }
    /* The size is stored atomically by the list's writers. */
    TO_BOOL_RESULT(v, SPEC_LOAD_RELAXED(&((PyVarObject *)v)->ob_size) != 0);
}

#undef TO_BOOL_RESULT

/* ---- CONTAINS_OP: [item, container] -> [bool] -------------------------------- */

#define CONTAINS_RESULT(found)                                  \
    do {                                                        \
        int found_ = (found);                                   \
        _PyStackRef_Close(container_ref);                       \
        _PyStackRef_Close(item_ref);                            \
        STACK_SHRINK(1);                                        \
        if (found_ < 0) {                                       \
            STACK_SHRINK(1);                                    \
            goto error;                                         \
        }                                                       \
        STACK_SHRINK(1);                                        \
        PUSH_TRUTH(found_ ^ oparg);                             \
    } while (0)

TARGET(CONTAINS_OP_DICT)
{
    PyObject *container_ref = TOP();
    PyObject *item_ref = SECOND();
    PyObject *container = _PyStackRef_Get(container_ref);
    PyObject *item = _PyStackRef_Get(item_ref);
    if (!PyDict_CheckExact(container)) {
        SPEC_MISS(CONTAINS_OP);
    }
    CONTAINS_RESULT(PyDict_Contains(container, item));
}

TARGET(CONTAINS_OP_SET)
{
    PyObject *container_ref = TOP();
    PyObject *item_ref = SECOND();
    PyObject *container = _PyStackRef_Get(container_ref);
    PyObject *item = _PyStackRef_Get(item_ref);
    if (!PySet_CheckExact(container) && !PyFrozenSet_CheckExact(container)) {
        SPEC_MISS(CONTAINS_OP);
    }
    /* The type's own slot: it also looks up an unhashable set item as a
       frozenset, as `in` does. */
    CONTAINS_RESULT(
        Py_TYPE(container)->tp_as_sequence->sq_contains(container, item));
}

TARGET(CONTAINS_OP_STR)
{
    PyObject *container_ref = TOP();
    PyObject *item_ref = SECOND();
    PyObject *container = _PyStackRef_Get(container_ref);
    PyObject *item = _PyStackRef_Get(item_ref);
    if (!PyUnicode_CheckExact(container) || !PyUnicode_CheckExact(item)) {
        SPEC_MISS(CONTAINS_OP);
    }
    CONTAINS_RESULT(PyUnicode_Contains(container, item));
}

#undef CONTAINS_RESULT

/* ---- STORE_SUBSCR: [value, container, sub] -> [] ------------------------------ */

TARGET(STORE_SUBSCR_LIST_INT)
{
    PyObject *sub_ref = TOP();
    PyObject *container_ref = SECOND();
    PyObject *sub = _PyStackRef_Get(sub_ref);
    PyObject *container = _PyStackRef_Get(container_ref);
    PyObject *v = PEEK(3);
    if (!PyList_CheckExact(container) || !PyLong_CheckExact(sub)
            || !_PyLong_IsCompact((PyLongObject *)sub)
            || _PyLong_CompactValue((PyLongObject *)sub) < 0) {
        SPEC_MISS(STORE_SUBSCR);    /* negative: the generic path counts back */
    }
    Py_ssize_t index = _PyLong_CompactValue((PyLongObject *)sub);
    /* The stack's reference to v moves into the list, checked against the
       size in the list's critical section (free-threaded build; inline
       there too since session 10, ftcost); the old item is released once
       the list holds v, outside the section. */
    PyObject *old;
    if (_PyList_ReplaceItem((PyListObject *)container, index, v, &old)) {
        STACK_SHRINK(3);
        _PyStackRef_Close(container_ref);
        _PyStackRef_Close(sub_ref);
        Py_XDECREF(old);
        DISPATCH();
    }
    /* Out of range (perhaps only now): PyList_SetItem raises list
       assignment's IndexError, or stores if the list grew meanwhile; it
       steals the stack's reference to v. */
    STACK_SHRINK(3);
    int err = PyList_SetItem(container, index, v);
    _PyStackRef_Close(container_ref);
    _PyStackRef_Close(sub_ref);
    ERROR_IF(err < 0);
    DISPATCH();
}

TARGET(STORE_SUBSCR_DICT)
{
    PyObject *sub_ref = TOP();
    PyObject *container_ref = SECOND();
    PyObject *sub = _PyStackRef_Get(sub_ref);
    PyObject *container = _PyStackRef_Get(container_ref);
    PyObject *v = PEEK(3);
    if (!PyDict_CheckExact(container)) {
        SPEC_MISS(STORE_SUBSCR);
    }
    STACK_SHRINK(3);
    int err = PyDict_SetItem(container, sub, v);
    Py_DECREF(v);
    _PyStackRef_Close(container_ref);
    _PyStackRef_Close(sub_ref);
    ERROR_IF(err < 0);
    DISPATCH();
}

#undef SPEC_LOAD_RELAXED
#undef SPEC_STORE_RELAXED
