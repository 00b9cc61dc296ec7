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
    PyObject *owner = TOP();
    PyTypeObject *type = Py_TYPE(owner);
    /* The version names the type: its dict offset is positive and no data
       descriptor shadows the name. */
    if (!_PySpec_Ready(entry) || _PySpec_TypeVersion(type) != entry->version) {
        SPEC_MISS(LOAD_ATTR);
    }
    PyObject *dict;
    if (_PySpec_InstanceDict(owner, type, &dict) <= 0) {
        SPEC_MISS(LOAD_ATTR);
    }
    PyObject *name = PyTuple_GET_ITEM(code->co_names, oparg >> 1);
    PyObject *v = _PySpec_DictGetAtHint(dict, name, entry->index);
    _PySpec_ReleaseDict(dict);
    if (v == NULL) {
        SPEC_MISS(LOAD_ATTR);
    }
    SET_TOP(v);
    Py_DECREF(owner);
    if (oparg & 1) {
        PUSH(NULL);
    }
    DISPATCH();
}

TARGET(LOAD_ATTR_SLOT)
{
    _PySpecEntry *entry = _PySpec_EntryOf(code, frame->instr_ptr);
    PyObject *owner = TOP();
    if (!_PySpec_Ready(entry)
            || _PySpec_TypeVersion(Py_TYPE(owner)) != entry->version) {
        SPEC_MISS(LOAD_ATTR);
    }
    PyObject **addr = (PyObject **)((char *)owner + entry->index);
    PyObject *v;
    /* As PyMember_GetOne: the slot is read in the owner's critical
       section, which its writers hold. */
    Py_BEGIN_CRITICAL_SECTION(owner);
    v = Py_XNewRef(*addr);
    Py_END_CRITICAL_SECTION();
    if (v == NULL) {
        SPEC_MISS(LOAD_ATTR);   /* unset: the generic path raises */
    }
    SET_TOP(v);
    Py_DECREF(owner);
    if (oparg & 1) {
        PUSH(NULL);
    }
    DISPATCH();
}

TARGET(LOAD_ATTR_METHOD)
{
    _PySpecEntry *entry = _PySpec_EntryOf(code, frame->instr_ptr);
    PyObject *owner = TOP();
    PyTypeObject *type = Py_TYPE(owner);
    if (!_PySpec_Ready(entry) || _PySpec_TypeVersion(type) != entry->version) {
        SPEC_MISS(LOAD_ATTR);
    }
    if (entry->index) {
        /* An instance attribute of that name would win. */
        PyObject *dict;
        int has_dict = _PySpec_InstanceDict(owner, type, &dict);
        if (has_dict < 0) {
            SPEC_MISS(LOAD_ATTR);
        }
        if (has_dict) {
            PyObject *name = PyTuple_GET_ITEM(code->co_names, oparg >> 1);
            int found = PyDict_Contains(dict, name);
            _PySpec_ReleaseDict(dict);
            if (found != 0) {
                if (found < 0) {
                    PyErr_Clear();
                }
                SPEC_MISS(LOAD_ATTR);
            }
        }
    }
    PyObject *meth = spec_borrow(entry->obj, type, entry->version);
    if (meth == NULL) {
        SPEC_MISS(LOAD_ATTR);
    }
    /* [method, self]: owner moves above the method. */
    SET_TOP(meth);
    PUSH(owner);
    DISPATCH();
}

TARGET(LOAD_ATTR_CLASS)
{
    _PySpecEntry *entry = _PySpec_EntryOf(code, frame->instr_ptr);
    PyObject *owner = TOP();
    if (!Py_IS_TYPE(owner, &PyType_Type) || !_PySpec_Ready(entry)) {
        SPEC_MISS(LOAD_ATTR);
    }
    PyObject *v = spec_borrow(entry->obj, (PyTypeObject *)owner,
                              entry->version);
    if (v == NULL) {
        SPEC_MISS(LOAD_ATTR);
    }
    SET_TOP(v);
    Py_DECREF(owner);
    if (oparg & 1) {
        PUSH(NULL);
    }
    DISPATCH();
}

/* ---- BINARY_OP ---------------------------------------------------------------------- */

/* [lhs, rhs] -> [res]: both operands released, res (NULL: error) stored. */
#define BINARY_RESULT(res)                                      \
    do {                                                        \
        PyObject *res_ = (res);                                 \
        Py_DECREF(lhs);                                         \
        Py_DECREF(rhs);                                         \
        STACK_SHRINK(1);                                        \
        if (res_ == NULL) {                                     \
            STACK_SHRINK(1);                                    \
            goto error;                                         \
        }                                                       \
        SET_TOP(res_);                                          \
        DISPATCH();                                             \
    } while (0)

#define INT_OPERANDS()                                                  \
    PyObject *rhs = TOP();                                              \
    PyObject *lhs = SECOND();                                           \
    if (!PyLong_CheckExact(lhs) || !PyLong_CheckExact(rhs)) {           \
        SPEC_MISS(BINARY_OP);                                           \
    }

#define FLOAT_OPERANDS()                                                \
    PyObject *rhs = TOP();                                              \
    PyObject *lhs = SECOND();                                           \
    if (!PyFloat_CheckExact(lhs) || !PyFloat_CheckExact(rhs)) {         \
        SPEC_MISS(BINARY_OP);                                           \
    }

TARGET(BINARY_OP_ADD_INT)
{
    INT_OPERANDS();
    BINARY_RESULT(_PyLong_Add((PyLongObject *)lhs, (PyLongObject *)rhs));
}

TARGET(BINARY_OP_SUBTRACT_INT)
{
    INT_OPERANDS();
    BINARY_RESULT(_PyLong_Subtract((PyLongObject *)lhs, (PyLongObject *)rhs));
}

TARGET(BINARY_OP_MULTIPLY_INT)
{
    INT_OPERANDS();
    BINARY_RESULT(_PyLong_Multiply((PyLongObject *)lhs, (PyLongObject *)rhs));
}

TARGET(BINARY_OP_ADD_FLOAT)
{
    FLOAT_OPERANDS();
    BINARY_RESULT(spec_float_result(lhs, PyFloat_AS_DOUBLE(lhs)
                                         + PyFloat_AS_DOUBLE(rhs)));
}

TARGET(BINARY_OP_SUBTRACT_FLOAT)
{
    FLOAT_OPERANDS();
    BINARY_RESULT(spec_float_result(lhs, PyFloat_AS_DOUBLE(lhs)
                                         - PyFloat_AS_DOUBLE(rhs)));
}

TARGET(BINARY_OP_MULTIPLY_FLOAT)
{
    FLOAT_OPERANDS();
    BINARY_RESULT(spec_float_result(lhs, PyFloat_AS_DOUBLE(lhs)
                                         * PyFloat_AS_DOUBLE(rhs)));
}

TARGET(BINARY_OP_TRUE_DIVIDE_FLOAT)
{
    FLOAT_OPERANDS();
    if (PyFloat_AS_DOUBLE(rhs) == 0.0) {
        SPEC_MISS(BINARY_OP);   /* the generic path raises */
    }
    BINARY_RESULT(spec_float_result(lhs, PyFloat_AS_DOUBLE(lhs)
                                         / PyFloat_AS_DOUBLE(rhs)));
}

TARGET(BINARY_OP_ADD_UNICODE)
{
    PyObject *rhs = TOP();
    PyObject *lhs = SECOND();
    if (!PyUnicode_CheckExact(lhs) || !PyUnicode_CheckExact(rhs)) {
        SPEC_MISS(BINARY_OP);
    }
    BINARY_RESULT(PyUnicode_Concat(lhs, rhs));
}

TARGET(BINARY_OP_SUBSCR_LIST_INT)
{
    PyObject *rhs = TOP();
    PyObject *lhs = SECOND();
    if (!PyList_CheckExact(lhs) || !PyLong_CheckExact(rhs)
            || !_PyLong_IsCompact((PyLongObject *)rhs)) {
        SPEC_MISS(BINARY_OP);
    }
    Py_ssize_t index = _PyLong_CompactValue((PyLongObject *)rhs);
#ifdef Py_GIL_DISABLED
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
    PyObject *rhs = TOP();
    PyObject *lhs = SECOND();
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
    PyObject *rhs = TOP();
    PyObject *lhs = SECOND();
    if (!PyDict_CheckExact(lhs)) {
        SPEC_MISS(BINARY_OP);
    }
    PyObject *value;
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
        int truth_ = (truth);                                   \
        Py_DECREF(lhs);                                         \
        Py_DECREF(rhs);                                         \
        STACK_SHRINK(1);                                        \
        SET_TOP(truth_ ? Py_True : Py_False);                   \
        DISPATCH();                                             \
    } while (0)

#define COMPARE_VALUES(a, b, cmp)                                       \
    ((cmp) == Py_LT ? (a) < (b) : (cmp) == Py_LE ? (a) <= (b) :         \
     (cmp) == Py_EQ ? (a) == (b) : (cmp) == Py_NE ? (a) != (b) :        \
     (cmp) == Py_GT ? (a) > (b) : (a) >= (b))

TARGET(COMPARE_OP_INT)
{
    PyObject *rhs = TOP();
    PyObject *lhs = SECOND();
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
    PyObject *rhs = TOP();
    PyObject *lhs = SECOND();
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
    PyObject *rhs = TOP();
    PyObject *lhs = SECOND();
    if (!PyUnicode_CheckExact(lhs) || !PyUnicode_CheckExact(rhs)) {
        SPEC_MISS(COMPARE_OP);
    }
    /* Specialized only for == and !=. */
    int equal = _PyUnicode_Equal(lhs, rhs);
    COMPARE_RESULT((oparg >> 5) == Py_EQ ? equal : !equal);
}

#undef COMPARE_RESULT
#undef COMPARE_VALUES
