/* Tests of the abstract object protocols, calling, argument parsing and
   value building (Objects/abstract.c, Objects/call.c,
   Objects/iterobject.c, Python/getargs.c, Python/modsupport.c).

   The number-dispatch tests use small static types defined here whose
   slots report which slot ran, so the dispatch order is observable. */
#include "testlib.h"

#include <stddef.h>

/* The pending exception's str(), consumed (NULL when none is set). */
static PyObject *
exception_text(void)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) {
        return NULL;
    }
    PyObject *text = PyObject_Str(exc);
    Py_DECREF(exc);
    return text;
}

/* The pending exception is `type` and its message is `text`; clears it. */
#define CHECK_ERROR(type, text)                                 \
    do {                                                        \
        CHECK(PyErr_Occurred() && PyErr_ExceptionMatches(type)); \
        CHECK_STR(exception_text(), (text));                    \
    } while (0)

/* repr(obj) equals text; consumes obj (NULL is a failure). */
static void
check_repr(PyObject *obj, const char *text, int line)
{
    if (obj == NULL) {
        testlib_check(0, "result is not NULL", __FILE__, line);
        PyErr_Clear();
        return;
    }
    testlib_check_str(PyObject_Repr(obj), text, __FILE__, line);
    Py_DECREF(obj);
}
#define CHECK_REPR(obj, text) check_repr((obj), (text), __LINE__)

/* ---- Test types ---------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    long value;
} NumObject;

static void
plain_dealloc(PyObject *op)
{
    PyObject_Free(op);
}

/* Each binary slot names itself and its operand types. */
static PyObject *
a_add(PyObject *v, PyObject *w)
{
    return PyUnicode_FromFormat("A(%s,%s)", Py_TYPE(v)->tp_name,
                                Py_TYPE(w)->tp_name);
}

static PyObject *
b_add(PyObject *v, PyObject *w)
{
    return PyUnicode_FromFormat("B(%s,%s)", Py_TYPE(v)->tp_name,
                                Py_TYPE(w)->tp_name);
}

static PyObject *
a_inplace_add(PyObject *v, PyObject *w)
{
    return PyUnicode_FromString("A.iadd");
}

static PyObject *
a_negative(PyObject *v)
{
    return PyLong_FromLong(-((NumObject *)v)->value);
}

static PyObject *
a_index(PyObject *v)
{
    return PyLong_FromLong(((NumObject *)v)->value);
}

static PyObject *
not_implemented_binary(PyObject *v, PyObject *w)
{
    Py_RETURN_NOTIMPLEMENTED;
}

static PyNumberMethods a_as_number = {
    .nb_add = a_add,
    .nb_inplace_add = a_inplace_add,
    .nb_negative = a_negative,
    .nb_index = a_index,
};

static PyNumberMethods b_as_number = {
    .nb_add = b_add,
    .nb_index = a_index,
};

static PyNumberMethods c_as_number = {
    .nb_add = not_implemented_binary,
};

static PyTypeObject NumA_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "NumA",
    .tp_basicsize = sizeof(NumObject),
    .tp_dealloc = plain_dealloc,
    .tp_as_number = &a_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
};

/* A subclass of NumA overriding nb_add. */
static PyTypeObject NumB_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "NumB",
    .tp_basicsize = sizeof(NumObject),
    .tp_dealloc = plain_dealloc,
    .tp_as_number = &b_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_base = &NumA_Type,
};

/* A subclass of NumA sharing its slots. */
static PyTypeObject NumB2_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "NumB2",
    .tp_basicsize = sizeof(NumObject),
    .tp_dealloc = plain_dealloc,
    .tp_as_number = &a_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_base = &NumA_Type,
};

/* Unrelated; its nb_add always declines. */
static PyTypeObject NumC_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "NumC",
    .tp_basicsize = sizeof(NumObject),
    .tp_dealloc = plain_dealloc,
    .tp_as_number = &c_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

/* A sequence of n items i*i with only sq_* slots and no __iter__. */
typedef struct {
    PyObject_HEAD
    Py_ssize_t n;
} SeqObject;

static PyTypeObject Seq_Type;
static PyTypeObject GetItemOnly_Type;

static PyObject *
new_seq(PyTypeObject *type, Py_ssize_t n)
{
    SeqObject *s = PyObject_New(SeqObject, type);
    if (s != NULL) {
        s->n = n;
    }
    return (PyObject *)s;
}

static Py_ssize_t
seq_length(PyObject *op)
{
    return ((SeqObject *)op)->n;
}

static PyObject *
seq_item(PyObject *op, Py_ssize_t i)
{
    if (i < 0 || i >= ((SeqObject *)op)->n) {
        PyErr_SetString(PyExc_IndexError, "seq index out of range");
        return NULL;
    }
    return PyLong_FromSsize_t(i * i);
}

static PyObject *
seq_concat(PyObject *op, PyObject *other)
{
    return PyUnicode_FromFormat("concat(%s)", Py_TYPE(other)->tp_name);
}

static PyObject *
seq_repeat(PyObject *op, Py_ssize_t count)
{
    return new_seq(Py_TYPE(op), ((SeqObject *)op)->n * count);
}

static PySequenceMethods seq_as_sequence = {
    .sq_length = seq_length,
    .sq_concat = seq_concat,
    .sq_repeat = seq_repeat,
    .sq_item = seq_item,
};

static PyTypeObject Seq_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "Seq",
    .tp_basicsize = sizeof(SeqObject),
    .tp_dealloc = plain_dealloc,
    .tp_as_sequence = &seq_as_sequence,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

static PySequenceMethods getitem_only_as_sequence = {
    .sq_item = seq_item,
};

static PyTypeObject GetItemOnly_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "GetItemOnly",
    .tp_basicsize = sizeof(SeqObject),
    .tp_dealloc = plain_dealloc,
    .tp_as_sequence = &getitem_only_as_sequence,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

/* Callable: returns (args, kwargs or None). */
static PyObject *
recorder_call(PyObject *self, PyObject *args, PyObject *kwargs)
{
    return Py_BuildValue("(OO)", args, kwargs ? kwargs : Py_None);
}

static PyTypeObject Recorder_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "Recorder",
    .tp_basicsize = sizeof(PyObject),
    .tp_dealloc = plain_dealloc,
    .tp_call = recorder_call,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

/* Callable through vectorcall: returns (nargs, kwnames or None, *args). */
typedef struct {
    PyObject_HEAD
    vectorcallfunc vectorcall;
} VCObject;

static PyObject *
vc_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf,
              PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    PyObject *res = PyTuple_New(2 + nargs + nkw);
    if (res == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(res, 0, PyLong_FromSsize_t(nargs));
    PyTuple_SET_ITEM(res, 1, Py_NewRef(kwnames ? kwnames : Py_None));
    for (Py_ssize_t i = 0; i < nargs + nkw; i++) {
        PyTuple_SET_ITEM(res, 2 + i, Py_NewRef(args[i]));
    }
    return res;
}

static PyTypeObject VC_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "VC",
    .tp_basicsize = sizeof(VCObject),
    .tp_dealloc = plain_dealloc,
    .tp_vectorcall_offset = offsetof(VCObject, vectorcall),
    .tp_call = PyVectorcall_Call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL,
};

/* Callable returning 0, 1, 2, ... on successive calls. */
typedef struct {
    PyObject_HEAD
    long next;
} CounterObject;

static PyObject *
counter_call(PyObject *self, PyObject *args, PyObject *kwargs)
{
    return PyLong_FromLong(((CounterObject *)self)->next++);
}

static PyTypeObject Counter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "Counter",
    .tp_basicsize = sizeof(CounterObject),
    .tp_dealloc = plain_dealloc,
    .tp_call = counter_call,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

/* Callable that breaks the protocol: NULL without an exception. */
static PyObject *
broken_call(PyObject *self, PyObject *args, PyObject *kwargs)
{
    return NULL;
}

static PyTypeObject Broken_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "Broken",
    .tp_basicsize = sizeof(PyObject),
    .tp_dealloc = plain_dealloc,
    .tp_call = broken_call,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

static int types_ready;

static void
test_ready_types(void)
{
    PyTypeObject *types[] = {
        &NumA_Type, &NumB_Type, &NumB2_Type, &NumC_Type, &Seq_Type,
        &GetItemOnly_Type, &Recorder_Type, &VC_Type, &Counter_Type,
        &Broken_Type,
    };
    int ok = 1;
    for (size_t i = 0; i < Py_ARRAY_LENGTH(types); i++) {
        ok &= PyType_Ready(types[i]) == 0;
    }
    CHECK(ok);
    types_ready = ok;
}

static PyObject *
new_num(PyTypeObject *type, long value)
{
    NumObject *o = PyObject_New(NumObject, type);
    if (o != NULL) {
        o->value = value;
    }
    return (PyObject *)o;
}

static PyObject *
new_plain(PyTypeObject *type)
{
    return (PyObject *)PyObject_New(PyObject, type);
}

/* ---- Number protocol ----------------------------------------------------- */

static void
test_binary_dispatch_order(void)
{
    if (!types_ready) {
        CHECK(0);
        return;
    }
    PyObject *a = new_num(&NumA_Type, 1);
    PyObject *b = new_num(&NumB_Type, 2);
    PyObject *b2 = new_num(&NumB2_Type, 3);
    PyObject *c = new_num(&NumC_Type, 4);

    CHECK_STR(PyNumber_Add(a, a), "A(NumA,NumA)");
    /* The subclass overriding the slot goes first, even on the right. */
    CHECK_STR(PyNumber_Add(a, b), "B(NumA,NumB)");
    CHECK_STR(PyNumber_Add(b, a), "B(NumB,NumA)");
    /* A subclass sharing the slot: called once, as the left operand's. */
    CHECK_STR(PyNumber_Add(a, b2), "A(NumA,NumB2)");
    /* NotImplemented passes the turn to the reflected operand. */
    CHECK_STR(PyNumber_Add(c, a), "A(NumC,NumA)");
    CHECK_STR(PyNumber_Add(a, c), "A(NumA,NumC)");

    CHECK(PyNumber_Add(c, c) == NULL);
    CHECK_ERROR(PyExc_TypeError,
                "unsupported operand type(s) for +: 'NumC' and 'NumC'");
    CHECK(PyNumber_Subtract(a, b) == NULL);
    CHECK_ERROR(PyExc_TypeError,
                "unsupported operand type(s) for -: 'NumA' and 'NumB'");
    CHECK(PyNumber_Divmod(a, c) == NULL);
    CHECK_ERROR(PyExc_TypeError,
                "unsupported operand type(s) for divmod(): 'NumA' and 'NumC'");
    CHECK(PyNumber_MatrixMultiply(a, a) == NULL);
    CHECK_ERROR(PyExc_TypeError,
                "unsupported operand type(s) for @: 'NumA' and 'NumA'");

    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(b2);
    Py_DECREF(c);
}

static void
test_inplace_and_power(void)
{
    if (!types_ready) {
        CHECK(0);
        return;
    }
    PyObject *a = new_num(&NumA_Type, 1);
    PyObject *c = new_num(&NumC_Type, 4);

    CHECK_STR(PyNumber_InPlaceAdd(a, c), "A.iadd");
    /* No in-place slot: the binary dispatch, reflected to NumA. */
    CHECK_STR(PyNumber_InPlaceAdd(c, a), "A(NumC,NumA)");
    CHECK(PyNumber_InPlaceAdd(c, c) == NULL);
    CHECK_ERROR(PyExc_TypeError,
                "unsupported operand type(s) for +=: 'NumC' and 'NumC'");
    CHECK(PyNumber_InPlaceFloorDivide(a, c) == NULL);
    CHECK_ERROR(PyExc_TypeError,
                "unsupported operand type(s) for //=: 'NumA' and 'NumC'");

    CHECK(PyNumber_Power(a, c, Py_None) == NULL);
    CHECK_ERROR(PyExc_TypeError,
                "unsupported operand type(s) for ** or pow(): 'NumA' and 'NumC'");
    CHECK(PyNumber_Power(a, c, a) == NULL);
    CHECK_ERROR(PyExc_TypeError,
                "unsupported operand type(s) for ** or pow(): "
                "'NumA', 'NumC', 'NumA'");
    CHECK(PyNumber_InPlacePower(a, c, Py_None) == NULL);
    CHECK_ERROR(PyExc_TypeError,
                "unsupported operand type(s) for **=: 'NumA' and 'NumC'");

    Py_DECREF(a);
    Py_DECREF(c);
}

static void
test_unary_and_index(void)
{
    if (!types_ready) {
        CHECK(0);
        return;
    }
    PyObject *a = new_num(&NumA_Type, 7);
    PyObject *c = new_num(&NumC_Type, 4);

    CHECK_REPR(PyNumber_Negative(a), "-7");
    CHECK(PyNumber_Invert(a) == NULL);
    CHECK_ERROR(PyExc_TypeError, "bad operand type for unary ~: 'NumA'");
    CHECK(PyNumber_Positive(c) == NULL);
    CHECK_ERROR(PyExc_TypeError, "bad operand type for unary +: 'NumC'");
    CHECK(PyNumber_Absolute(c) == NULL);
    CHECK_ERROR(PyExc_TypeError, "bad operand type for abs(): 'NumC'");

    CHECK(PyIndex_Check(a));
    CHECK(!PyIndex_Check(c));
    CHECK(PyNumber_Check(a));
    CHECK(!PyNumber_Check(c));
    CHECK(PyNumber_AsSsize_t(a, NULL) == 7);
    CHECK_REPR(PyNumber_Index(a), "7");
    CHECK(PyNumber_Index(c) == NULL);
    CHECK_ERROR(PyExc_TypeError,
                "'NumC' object cannot be interpreted as an integer");

    PyObject *str = PyUnicode_FromString("abc");
    CHECK(PyNumber_Negative(str) == NULL);
    CHECK_ERROR(PyExc_TypeError, "bad operand type for unary -: 'str'");
    Py_DECREF(str);

    Py_DECREF(a);
    Py_DECREF(c);
}

static void
test_builtin_operand_messages(void)
{
    PyObject *one = PyLong_FromLong(1);
    PyObject *str = PyUnicode_FromString("a");
    CHECK(PyNumber_Add(one, str) == NULL);
    CHECK_ERROR(PyExc_TypeError,
                "unsupported operand type(s) for +: 'int' and 'str'");
    CHECK(PyNumber_Power(one, str, Py_None) == NULL);
    CHECK_ERROR(PyExc_TypeError,
                "unsupported operand type(s) for ** or pow(): 'int' and 'str'");
    CHECK(PyNumber_InPlaceAdd(one, str) == NULL);
    CHECK_ERROR(PyExc_TypeError,
                "unsupported operand type(s) for +=: 'int' and 'str'");
    Py_DECREF(one);
    Py_DECREF(str);
}

static void
test_ssize_t_conversion(void)
{
    /* 2**70 and -2**70 clamp without an exception type, else raise. */
    PyObject *big = PyLong_FromString("1180591620717411303424", NULL, 10);
    PyObject *neg = PyNumber_Negative(big);
    CHECK(PyNumber_AsSsize_t(big, NULL) == PY_SSIZE_T_MAX);
    CHECK(PyNumber_AsSsize_t(neg, NULL) == PY_SSIZE_T_MIN);
    CHECK(PyNumber_AsSsize_t(big, PyExc_IndexError) == -1);
    CHECK_ERROR(PyExc_IndexError,
                "cannot fit 'int' into an index-sized integer");
    Py_XDECREF(big);
    Py_XDECREF(neg);
}

static void
test_sequence_number_fallbacks(void)
{
    if (!types_ready) {
        CHECK(0);
        return;
    }
    PyObject *seq = new_seq(&Seq_Type, 2);
    PyObject *three = new_num(&NumA_Type, 3);   /* an index, via nb_index */
    PyObject *c = new_num(&NumC_Type, 0);

    PyObject *r = PyNumber_Multiply(seq, three);
    CHECK(r != NULL && Py_IS_TYPE(r, &Seq_Type) && PyObject_Size(r) == 6);
    Py_XDECREF(r);
    r = PyNumber_Multiply(three, seq);
    CHECK(r != NULL && Py_IS_TYPE(r, &Seq_Type) && PyObject_Size(r) == 6);
    Py_XDECREF(r);
    CHECK(PyNumber_Multiply(seq, c) == NULL);
    CHECK_ERROR(PyExc_TypeError,
                "can't multiply sequence by non-int of type 'NumC'");
    CHECK_STR(PyNumber_Add(seq, c), "concat(NumC)");
    CHECK_STR(PySequence_Concat(seq, seq), "concat(Seq)");
    r = PySequence_Repeat(seq, 4);
    CHECK(r != NULL && PyObject_Size(r) == 8);
    Py_XDECREF(r);
    CHECK(PySequence_Concat(three, seq) == NULL);
    CHECK_ERROR(PyExc_TypeError, "'NumA' object can't be concatenated");

    Py_DECREF(seq);
    Py_DECREF(three);
    Py_DECREF(c);
}

static void
test_number_conversions(void)
{
    PyObject *s = PyUnicode_FromString("42");
    CHECK_REPR(PyNumber_Long(s), "42");
    Py_DECREF(s);
    PyObject *b = PyBytes_FromString("17");
    CHECK_REPR(PyNumber_Long(b), "17");
    Py_DECREF(b);
    b = PyBytes_FromString("1x");
    CHECK(PyNumber_Long(b) == NULL);
    CHECK_ERROR(PyExc_ValueError,
                "invalid literal for int() with base 10: b'1x'");
    Py_DECREF(b);
    CHECK(PyNumber_Long(Py_None) == NULL);
    CHECK_ERROR(PyExc_TypeError,
                "int() argument must be a string, a bytes-like object or a "
                "real number, not 'NoneType'");
    PyObject *f = PyFloat_FromDouble(3.75);
    CHECK_REPR(PyNumber_Long(f), "3");
    PyObject *seven = PyLong_FromLong(7);
    CHECK_REPR(PyNumber_Float(seven), "7.0");
    Py_DECREF(f);

    PyObject *n = PyLong_FromLong(255);
    CHECK_STR(PyNumber_ToBase(n, 16), "0xff");
    CHECK_STR(PyNumber_ToBase(n, 10), "255");
    CHECK_STR(PyNumber_ToBase(seven, 2), "0b111");
    PyObject *m8 = PyLong_FromLong(-8);
    CHECK_STR(PyNumber_ToBase(m8, 8), "-0o10");
    CHECK(PyNumber_ToBase(n, 3) == NULL);
    CHECK_RAISES(PyExc_SystemError);
    Py_DECREF(n);
    Py_DECREF(m8);
    Py_DECREF(seven);
}

/* ---- Items, sizes, sequences ------------------------------------------------ */

static void
test_getitem_and_sizes(void)
{
    if (!types_ready) {
        CHECK(0);
        return;
    }
    PyObject *seq = new_seq(&Seq_Type, 5);
    PyObject *a = new_num(&NumA_Type, 1);
    PyObject *two = PyLong_FromLong(2);
    PyObject *key = PyUnicode_FromString("k");

    CHECK_REPR(PyObject_GetItem(seq, two), "4");
    CHECK_REPR(PySequence_GetItem(seq, -1), "16");
    CHECK(PyObject_GetItem(seq, key) == NULL);
    CHECK_ERROR(PyExc_TypeError, "sequence index must be integer, not 'str'");
    CHECK(PySequence_GetItem(seq, 9) == NULL);
    CHECK_RAISES(PyExc_IndexError);
    CHECK(PyObject_GetItem(a, two) == NULL);
    CHECK_ERROR(PyExc_TypeError, "'NumA' object is not subscriptable");
    CHECK(PyObject_SetItem(a, two, two) == -1);
    CHECK_ERROR(PyExc_TypeError, "'NumA' object does not support item assignment");
    CHECK(PyObject_DelItem(seq, two) == -1);
    CHECK_ERROR(PyExc_TypeError, "'Seq' object doesn't support item deletion");

    CHECK(PyObject_Size(seq) == 5);
    CHECK(PySequence_Size(seq) == 5);
    CHECK(PyObject_Size(a) == -1);
    CHECK_ERROR(PyExc_TypeError, "object of type 'NumA' has no len()");
    CHECK(PyMapping_Size(seq) == -1);
    CHECK_ERROR(PyExc_TypeError, "Seq is not a mapping");
    CHECK(PyObject_LengthHint(seq, 99) == 5);
    CHECK(PyObject_LengthHint(a, 99) == 99);

    CHECK(PySequence_Check(seq));
    CHECK(!PySequence_Check(a));
    CHECK(!PyMapping_Check(seq));
    CHECK(PySequence_Count(seq, two) == 0);
    PyObject *nine = PyLong_FromLong(9);
    CHECK(PySequence_Contains(seq, nine) == 1);
    CHECK(PySequence_Index(seq, nine) == 3);
    CHECK(PySequence_Index(seq, two) == -1);
    CHECK_ERROR(PyExc_ValueError, "sequence.index(x): x not in sequence");
    CHECK(PySequence_Contains(a, nine) == -1);
    CHECK_ERROR(PyExc_TypeError,
                "argument of type 'NumA' is not a container or iterable");
    Py_DECREF(nine);

    Py_DECREF(seq);
    Py_DECREF(a);
    Py_DECREF(two);
    Py_DECREF(key);
}

static void
test_sequence_fast(void)
{
    if (!types_ready) {
        CHECK(0);
        return;
    }
    PyObject *list = Py_BuildValue("[iii]", 1, 2, 3);
    PyObject *fast = PySequence_Fast(list, "no");
    CHECK(fast == list);
    CHECK(PySequence_Fast_GET_SIZE(fast) == 3);
    CHECK(PySequence_Fast_ITEMS(fast)[2] == PyList_GET_ITEM(list, 2));
    Py_XDECREF(fast);
    Py_DECREF(list);

    PyObject *tuple = Py_BuildValue("(ii)", 4, 5);
    fast = PySequence_Fast(tuple, "no");
    CHECK(fast == tuple);
    CHECK_REPR(Py_NewRef(PySequence_Fast_GET_ITEM(fast, 1)), "5");
    Py_XDECREF(fast);
    Py_DECREF(tuple);

    PyObject *seq = new_seq(&Seq_Type, 4);
    fast = PySequence_Fast(seq, "no");
    CHECK(fast != NULL && PyList_CheckExact(fast));
    CHECK_REPR(fast, "[0, 1, 4, 9]");
    CHECK_REPR(PySequence_Tuple(seq), "(0, 1, 4, 9)");
    CHECK_REPR(PySequence_List(seq), "[0, 1, 4, 9]");
    Py_DECREF(seq);

    PyObject *num = PyLong_FromLong(3);
    CHECK(PySequence_Fast(num, "expected a sequence here") == NULL);
    CHECK_ERROR(PyExc_TypeError, "expected a sequence here");
    Py_DECREF(num);
}

static void
test_sequence_iterator(void)
{
    if (!types_ready) {
        CHECK(0);
        return;
    }
    PyObject *seq = new_seq(&GetItemOnly_Type, 3);
    PyObject *it = PyObject_GetIter(seq);
    CHECK(it != NULL && PySeqIter_Check(it));
    if (it == NULL) {
        Py_DECREF(seq);
        return;
    }
    CHECK(PyIter_Check(it));
    CHECK(PyObject_GetIter(it) == it);
    Py_DECREF(it);
    /* No length: the hint is the default. */
    CHECK(PyObject_LengthHint(it, 42) == 42);
    PyObject *item;
    CHECK(PyIter_NextItem(it, &item) == 1);
    CHECK_REPR(item, "0");
    CHECK_REPR(PyIter_Next(it), "1");
    CHECK_REPR(PyIter_Next(it), "4");
    CHECK(PyIter_NextItem(it, &item) == 0 && item == NULL);
    CHECK(!PyErr_Occurred());
    /* Exhausted for good. */
    CHECK(PyIter_Next(it) == NULL && !PyErr_Occurred());
    Py_DECREF(it);
    Py_DECREF(seq);

    seq = new_seq(&Seq_Type, 4);
    it = PyObject_GetIter(seq);
    CHECK(PyObject_LengthHint(it, -1) == 4);
    Py_XDECREF(PyIter_Next(it));
    CHECK(PyObject_LengthHint(it, -1) == 3);
    /* __setstate__ moves the position. */
    PyObject *res = PyObject_CallMethod(it, "__setstate__", "n", (Py_ssize_t)3);
    CHECK(res == Py_None);
    Py_XDECREF(res);
    CHECK_REPR(PyIter_Next(it), "9");
    CHECK(PyIter_Next(it) == NULL && !PyErr_Occurred());
    CHECK(PyObject_LengthHint(it, -1) == 0);
    Py_DECREF(it);
    Py_DECREF(seq);

    PyObject *num = PyLong_FromLong(1);
    CHECK(PyObject_GetIter(num) == NULL);
    CHECK_ERROR(PyExc_TypeError, "'int' object is not iterable");
    CHECK(PyIter_NextItem(num, &item) == -1 && item == NULL);
    CHECK_ERROR(PyExc_TypeError, "expected an iterator, got 'int'");
    Py_DECREF(num);
}

static void
test_callable_iterator(void)
{
    if (!types_ready) {
        CHECK(0);
        return;
    }
    CounterObject *counter = PyObject_New(CounterObject, &Counter_Type);
    counter->next = 0;
    PyObject *sentinel = PyLong_FromLong(3);
    PyObject *it = PyCallIter_New((PyObject *)counter, sentinel);
    CHECK(it != NULL && PyCallIter_Check(it));
    CHECK_REPR(PySequence_List(it), "[0, 1, 2]");
    /* The sentinel ended it: the callable is not called again. */
    CHECK(PyIter_Next(it) == NULL && !PyErr_Occurred());
    CHECK(counter->next == 4);
    Py_XDECREF(it);
    Py_DECREF(sentinel);
    Py_DECREF(counter);
}

/* ---- Mappings --------------------------------------------------------------- */

static void
test_mapping_protocol(void)
{
    PyObject *d = Py_BuildValue("{s:i}", "a", 1);
    CHECK(PyMapping_Check(d));
    CHECK(PyMapping_Size(d) == 1);
    PyObject *v = PyLong_FromLong(2);
    CHECK(PyMapping_SetItemString(d, "b", v) == 0);
    Py_DECREF(v);
    PyObject *res;
    CHECK(PyMapping_GetOptionalItemString(d, "b", &res) == 1);
    CHECK_REPR(res, "2");
    CHECK(PyMapping_GetOptionalItemString(d, "zz", &res) == 0 && res == NULL);
    CHECK(PyMapping_HasKeyString(d, "a") == 1);
    CHECK(PyMapping_HasKeyString(d, "q") == 0);
    CHECK_REPR(PyMapping_GetItemString(d, "a"), "1");
    CHECK(PyMapping_GetItemString(d, "q") == NULL);
    CHECK_RAISES(PyExc_KeyError);
    CHECK_REPR(PyMapping_Keys(d), "['a', 'b']");
    CHECK_REPR(PyMapping_Values(d), "[1, 2]");
    CHECK_REPR(PyMapping_Items(d), "[('a', 1), ('b', 2)]");
    CHECK(PyObject_DelItemString(d, "a") == 0);
    CHECK(PyMapping_Size(d) == 1);
    Py_DECREF(d);
}

/* ---- isinstance / issubclass ------------------------------------------------ */

static void
test_isinstance(void)
{
    if (!types_ready) {
        CHECK(0);
        return;
    }
    PyObject *A = (PyObject *)&NumA_Type, *B = (PyObject *)&NumB_Type;
    PyObject *C = (PyObject *)&NumC_Type;
    PyObject *a = new_num(&NumA_Type, 1);
    PyObject *b = new_num(&NumB_Type, 1);

    CHECK(PyObject_IsInstance(a, A) == 1);
    CHECK(PyObject_IsInstance(b, A) == 1);
    CHECK(PyObject_IsInstance(a, B) == 0);
    PyObject *nested = Py_BuildValue("(O(OO))", C, B, A);
    CHECK(PyObject_IsInstance(a, nested) == 1);
    PyObject *none_match = Py_BuildValue("(O(O))", C, B);
    CHECK(PyObject_IsInstance(a, none_match) == 0);
    PyObject *empty = PyTuple_New(0);
    CHECK(PyObject_IsInstance(a, empty) == 0);

    PyObject *three = PyLong_FromLong(3);
    CHECK(PyObject_IsInstance(a, three) == -1);
    CHECK_ERROR(PyExc_TypeError,
                "isinstance() arg 2 must be a type, a tuple of types, "
                "or a union");
    CHECK(PyObject_IsSubclass(B, A) == 1);
    CHECK(PyObject_IsSubclass(A, B) == 0);
    CHECK(PyObject_IsSubclass(A, nested) == 1);
    CHECK(PyObject_IsSubclass(A, none_match) == 0);
    CHECK(PyObject_IsSubclass(three, A) == -1);
    CHECK_ERROR(PyExc_TypeError, "issubclass() arg 1 must be a class");
    CHECK(PyObject_IsSubclass(A, three) == -1);
    CHECK_ERROR(PyExc_TypeError,
                "issubclass() arg 2 must be a class, a tuple of classes, "
                "or a union");

    Py_DECREF(three);
    Py_DECREF(empty);
    Py_XDECREF(nested);
    Py_XDECREF(none_match);
    Py_DECREF(a);
    Py_DECREF(b);
}

/* ---- Calling ---------------------------------------------------------------- */

static void
test_call_tp_call(void)
{
    if (!types_ready) {
        CHECK(0);
        return;
    }
    PyObject *rec = new_plain(&Recorder_Type);
    PyObject *x = PyLong_FromLong(10), *y = PyLong_FromLong(20);

    CHECK_REPR(PyObject_CallNoArgs(rec), "((), None)");
    CHECK_REPR(PyObject_CallOneArg(rec, x), "((10,), None)");
    CHECK_REPR(PyObject_CallFunction(rec, "ii", 1, 2), "((1, 2), None)");
    /* A single tuple argument is spread, as always. */
    CHECK_REPR(PyObject_CallFunction(rec, "(ii)", 1, 2), "((1, 2), None)");
    CHECK_REPR(PyObject_CallFunction(rec, "i", 5), "((5,), None)");
    CHECK_REPR(PyObject_CallFunction(rec, NULL), "((), None)");
    CHECK_REPR(PyObject_CallFunctionObjArgs(rec, x, y, NULL),
               "((10, 20), None)");
    CHECK_REPR(PyObject_CallObject(rec, NULL), "((), None)");

    PyObject *args = Py_BuildValue("(O)", x);
    PyObject *kwargs = Py_BuildValue("{s:O}", "k", y);
    CHECK_REPR(PyObject_Call(rec, args, kwargs), "((10,), {'k': 20})");
    CHECK_REPR(PyObject_VectorcallDict(rec, &x, 1, kwargs),
               "((10,), {'k': 20})");

    PyObject *stack[2] = {x, y};
    PyObject *kwnames = Py_BuildValue("(s)", "k");
    CHECK_REPR(PyObject_Vectorcall(rec, stack, 1, kwnames),
               "((10,), {'k': 20})");

    CHECK(PyObject_Call(rec, x, NULL) == NULL);
    CHECK_ERROR(PyExc_TypeError, "argument list must be a tuple");

    PyObject *a = new_num(&NumA_Type, 1);
    CHECK(PyObject_CallNoArgs(a) == NULL);
    CHECK_ERROR(PyExc_TypeError, "'NumA' object is not callable");
    CHECK(!PyCallable_Check(a));
    CHECK(PyCallable_Check(rec));

    PyObject *broken = new_plain(&Broken_Type);
    CHECK(PyObject_CallNoArgs(broken) == NULL);
    CHECK_RAISES(PyExc_SystemError);

    Py_DECREF(broken);
    Py_DECREF(a);
    Py_DECREF(kwnames);
    Py_DECREF(args);
    Py_DECREF(kwargs);
    Py_DECREF(x);
    Py_DECREF(y);
    Py_DECREF(rec);
}

static void
test_call_vectorcall(void)
{
    if (!types_ready) {
        CHECK(0);
        return;
    }
    VCObject *vc = PyObject_New(VCObject, &VC_Type);
    vc->vectorcall = vc_vectorcall;
    PyObject *f = (PyObject *)vc;
    CHECK(PyVectorcall_Function(f) == vc_vectorcall);

    PyObject *args = Py_BuildValue("(ii)", 1, 2);
    PyObject *kwargs = Py_BuildValue("{s:i}", "a", 3);
    CHECK_REPR(PyObject_Call(f, args, kwargs), "(2, ('a',), 1, 2, 3)");
    CHECK_REPR(PyVectorcall_Call(f, args, NULL), "(2, None, 1, 2)");
    CHECK_REPR(PyObject_CallFunction(f, "si", "x", 9), "(2, None, 'x', 9)");
    PyObject *one = PyLong_FromLong(1);
    CHECK_REPR(PyObject_VectorcallDict(f, &one, 1, kwargs),
               "(1, ('a',), 1, 3)");

    PyObject *bad_kwargs = PyDict_New();
    PyDict_SetItem(bad_kwargs, one, one);
    CHECK(PyObject_Call(f, args, bad_kwargs) == NULL);
    CHECK_ERROR(PyExc_TypeError, "keywords must be strings");
    Py_DECREF(bad_kwargs);

    PyObject *rec = new_plain(&Recorder_Type);
    CHECK(PyVectorcall_Function(rec) == NULL);
    CHECK(PyVectorcall_Call(rec, args, NULL) == NULL);
    CHECK_ERROR(PyExc_TypeError, "'Recorder' object does not support vectorcall");

    CHECK(PyVectorcall_NARGS(3 | PY_VECTORCALL_ARGUMENTS_OFFSET) == 3);

    Py_DECREF(rec);
    Py_DECREF(one);
    Py_DECREF(args);
    Py_DECREF(kwargs);
    Py_DECREF(f);
}

static void
test_call_method(void)
{
    PyObject *list = PyList_New(0);
    PyObject *res = PyObject_CallMethod(list, "append", "i", 7);
    CHECK(res == Py_None);
    Py_XDECREF(res);
    PyObject *eight = PyLong_FromLong(8);
    PyObject *name = PyUnicode_FromString("append");
    res = PyObject_CallMethodObjArgs(list, name, eight, NULL);
    CHECK(res == Py_None);
    Py_XDECREF(res);
    res = PyObject_CallMethodOneArg(list, name, eight);
    CHECK(res == Py_None);
    Py_XDECREF(res);
    CHECK_REPR(Py_NewRef(list), "[7, 8, 8]");
    PyObject *copy_name = PyUnicode_FromString("copy");
    CHECK_REPR(PyObject_CallMethodNoArgs(list, copy_name), "[7, 8, 8]");
    CHECK(PyObject_CallMethod(list, "no_such_method", NULL) == NULL);
    CHECK_RAISES(PyExc_AttributeError);
    Py_DECREF(copy_name);
    Py_DECREF(name);
    Py_DECREF(eight);
    Py_DECREF(list);
}

/* ---- PyArg_Parse* ----------------------------------------------------------- */

static int
converter_double_it(PyObject *obj, void *addr)
{
    long v = PyLong_AsLong(obj);
    if (v == -1 && PyErr_Occurred()) {
        return 0;
    }
    *(long *)addr = 2 * v;
    return 1;
}

static void
test_parse_tuple_units(void)
{
    PyObject *args = Py_BuildValue("(iisdOs)", 1, -2, "text", 2.5, Py_None,
                                   "h\xc3\xa9");
    int i1 = 0, i2 = 0;
    const char *s = NULL, *s2 = NULL;
    double d = 0;
    PyObject *o = NULL;
    CHECK(PyArg_ParseTuple(args, "iisdOs:f", &i1, &i2, &s, &d, &o, &s2));
    CHECK(i1 == 1 && i2 == -2 && d == 2.5 && o == Py_None);
    CHECK(s != NULL && strcmp(s, "text") == 0);
    CHECK(s2 != NULL && strcmp(s2, "h\xc3\xa9") == 0);
    Py_DECREF(args);

    /* Bit-field units truncate; range-checked units do not. */
    args = Py_BuildValue("(iiiiii)", 0x1ff, -1, -1, 200, 7, -3);
    unsigned char B = 0;
    unsigned short H = 0;
    unsigned int I = 0;
    unsigned char b = 0;
    short h = 0;
    long l = 0;
    CHECK(PyArg_ParseTuple(args, "BHIbhl", &B, &H, &I, &b, &h, &l));
    CHECK(B == 0xff && H == 0xffff && I == 0xffffffffu && b == 200 && h == 7
          && l == -3);
    Py_DECREF(args);

    args = Py_BuildValue("(KLnkK)", ~0ULL, -5LL, (Py_ssize_t)-9, 12UL, 1ULL);
    unsigned long long K = 0, K2 = 0;
    long long L = 0;
    Py_ssize_t n = 0;
    unsigned long k = 0;
    CHECK(PyArg_ParseTuple(args, "KLnkK", &K, &L, &n, &k, &K2));
    CHECK(K == ~0ULL && L == -5 && n == -9 && k == 12 && K2 == 1);
    Py_DECREF(args);

    args = Py_BuildValue("(yCNNf)", "x", 0xe9, PyList_New(0),
                         Py_BuildValue("[i]", 1), 0.5);
    char c = 0;
    int C = 0, p1 = -1, p2 = -1;
    float f = 0;
    CHECK(PyArg_ParseTuple(args, "cCppf", &c, &C, &p1, &p2, &f));
    CHECK(c == 'x' && C == 0xe9 && p1 == 0 && p2 == 1 && f == 0.5f);
    Py_DECREF(args);

    long doubled = 0;
    PyObject *got = NULL;
    args = Py_BuildValue("(iO)", 21, Py_None);
    CHECK(PyArg_ParseTuple(args, "O&|O!", converter_double_it, &doubled,
                           Py_TYPE(Py_None), &got));
    CHECK(doubled == 42 && got == Py_None);
    Py_DECREF(args);
}

static void
test_parse_tuple_strings_and_buffers(void)
{
    PyObject *args = Py_BuildValue("(y#sNzy)", "a\0b", (Py_ssize_t)3, "xyz",
                                   PyByteArray_FromStringAndSize("qq", 2),
                                   NULL, "raw");
    const char *s1 = NULL, *z = "unset", *y = NULL;
    Py_ssize_t len1 = 0;
    Py_buffer view;
    Py_buffer wview;
    CHECK(PyArg_ParseTuple(args, "s#s*w*zy", &s1, &len1, &view, &wview, &z,
                           &y));
    CHECK(len1 == 3 && memcmp(s1, "a\0b", 3) == 0);
    CHECK(view.len == 3 && memcmp(view.buf, "xyz", 3) == 0);
    CHECK(wview.len == 2 && !wview.readonly);
    CHECK(z == NULL);
    CHECK(y != NULL && strcmp(y, "raw") == 0);
    PyBuffer_Release(&view);
    PyBuffer_Release(&wview);
    Py_DECREF(args);

    PyObject *u = NULL, *bytes = NULL, *ba = NULL;
    args = Py_BuildValue("(syN)", "s", "b", PyByteArray_FromStringAndSize("", 0));
    CHECK(PyArg_ParseTuple(args, "USY", &u, &bytes, &ba));
    CHECK(PyUnicode_Check(u) && PyBytes_Check(bytes) && PyByteArray_Check(ba));
    Py_DECREF(args);

    /* Encoded strings: a fresh buffer the caller frees. */
    args = Py_BuildValue("(sy)", "h\xc3\xa9llo", "raw");
    char *enc = NULL, *raw = NULL;
    CHECK(PyArg_ParseTuple(args, "eset", "latin-1", &enc, "utf-8", &raw));
    CHECK(enc != NULL && strcmp(enc, "h\xe9llo") == 0);
    CHECK(raw != NULL && strcmp(raw, "raw") == 0);
    PyMem_Free(enc);
    PyMem_Free(raw);
    char small[4];
    char *into = small;
    Py_ssize_t cap = sizeof(small);
    CHECK(!PyArg_ParseTuple(args, "es#|O", "utf-8", &into, &cap, &u));
    CHECK_ERROR(PyExc_ValueError,
                "encoded string too long (6, maximum length 3)");
    enc = NULL;
    Py_ssize_t enc_len = 0;
    CHECK(PyArg_ParseTuple(args, "es#|O", "utf-8", &enc, &enc_len, &u));
    CHECK(enc_len == 6 && enc != NULL && memcmp(enc, "h\xc3\xa9llo", 6) == 0);
    PyMem_Free(enc);
    Py_DECREF(args);
}

static void
test_parse_tuple_errors(void)
{
    PyObject *one = Py_BuildValue("(i)", 5);
    int a = 0, b = 0;
    const char *s;
    CHECK(!PyArg_ParseTuple(one, "ii", &a, &b));
    CHECK_ERROR(PyExc_TypeError,
                "function takes exactly 2 arguments (1 given)");
    CHECK(!PyArg_ParseTuple(one, "ii:f", &a, &b));
    CHECK_ERROR(PyExc_TypeError, "f() takes exactly 2 arguments (1 given)");
    CHECK(!PyArg_ParseTuple(one, "ii|i:f", &a, &b, &a));
    CHECK_ERROR(PyExc_TypeError, "f() takes at least 2 arguments (1 given)");
    CHECK(!PyArg_ParseTuple(one, ":f"));
    CHECK_ERROR(PyExc_TypeError, "f() takes exactly 0 arguments (1 given)");
    CHECK(!PyArg_ParseTuple(one, "s", &s));
    CHECK_ERROR(PyExc_TypeError, "argument 1 must be str, not int");
    CHECK(!PyArg_ParseTuple(one, "s:g", &s));
    CHECK_ERROR(PyExc_TypeError, "g() argument 1 must be str, not int");
    CHECK(!PyArg_ParseTuple(one, "s;custom text", &s));
    CHECK_ERROR(PyExc_TypeError, "custom text");
    Py_DECREF(one);

    PyObject *three = Py_BuildValue("(iii)", 1, 2, 3);
    CHECK(!PyArg_ParseTuple(three, "i|i", &a, &b));
    CHECK_ERROR(PyExc_TypeError,
                "function takes at most 2 arguments (3 given)");
    Py_DECREF(three);

    PyObject *args = Py_BuildValue("(i)", 300);
    unsigned char byte;
    short sh;
    CHECK(!PyArg_ParseTuple(args, "b", &byte));
    CHECK_ERROR(PyExc_OverflowError,
                "unsigned byte integer is greater than maximum");
    CHECK(PyArg_ParseTuple(args, "h", &sh) && sh == 300);
    Py_DECREF(args);
    args = Py_BuildValue("(i)", -1);
    CHECK(!PyArg_ParseTuple(args, "b", &byte));
    CHECK_ERROR(PyExc_OverflowError,
                "unsigned byte integer is less than minimum");
    Py_DECREF(args);
    args = Py_BuildValue("(L)", 1LL << 40);
    CHECK(!PyArg_ParseTuple(args, "i", &a));
    CHECK_ERROR(PyExc_OverflowError, "signed integer is greater than maximum");
    Py_DECREF(args);

    args = Py_BuildValue("(s)", "ab");
    char c;
    int C;
    unsigned long k;
    PyObject *o;
    CHECK(!PyArg_ParseTuple(args, "c", &c));
    CHECK_ERROR(PyExc_TypeError,
                "argument 1 must be a byte string of length 1, not str");
    CHECK(!PyArg_ParseTuple(args, "C", &C));
    CHECK_ERROR(PyExc_TypeError,
                "argument 1 must be a unicode character, not str");
    CHECK(!PyArg_ParseTuple(args, "k", &k));
    CHECK_ERROR(PyExc_TypeError, "argument 1 must be int, not str");
    CHECK(!PyArg_ParseTuple(args, "O!", &PyLong_Type, &o));
    CHECK_ERROR(PyExc_TypeError, "argument 1 must be int, not str");
    CHECK(!PyArg_ParseTuple(args, "S", &o));
    CHECK_ERROR(PyExc_TypeError, "argument 1 must be bytes, not str");
    CHECK(!PyArg_ParseTuple(args, "i", &a));
    CHECK_RAISES(PyExc_TypeError);
    Py_DECREF(args);

    args = Py_BuildValue("(y)", "ro");
    Py_buffer view;
    CHECK(!PyArg_ParseTuple(args, "w*", &view));
    CHECK_ERROR(PyExc_TypeError,
                "argument 1 must be read-write bytes-like object, not bytes");
    CHECK(!PyArg_ParseTuple(args, "U", &o));
    CHECK_ERROR(PyExc_TypeError, "argument 1 must be str, not bytes");
    Py_DECREF(args);

    args = Py_BuildValue("(s#)", "a\0b", (Py_ssize_t)3);
    CHECK(!PyArg_ParseTuple(args, "s", &s));
    CHECK_ERROR(PyExc_ValueError, "embedded null character");
    Py_DECREF(args);

    /* A failing later argument releases an earlier buffer view. */
    PyObject *ba = PyByteArray_FromStringAndSize("abc", 3);
    args = Py_BuildValue("(Os)", ba, "x");
    CHECK(!PyArg_ParseTuple(args, "w*i", &view, &a));
    CHECK_RAISES(PyExc_TypeError);
    /* With its view released the bytearray can be resized again. */
    CHECK(PyByteArray_Resize(ba, 10) == 0);
    Py_DECREF(args);
    Py_DECREF(ba);
}

static void
test_parse_nested_groups(void)
{
    PyObject *args = Py_BuildValue("((ii)(s(d)))", 1, 2, "q", 0.25);
    int a = 0, b = 0;
    const char *s = NULL;
    double d = 0;
    CHECK(PyArg_ParseTuple(args, "(ii)(s(d))", &a, &b, &s, &d));
    CHECK(a == 1 && b == 2 && d == 0.25 && s && strcmp(s, "q") == 0);
    Py_DECREF(args);

    args = Py_BuildValue("((i))", 1);
    CHECK(!PyArg_ParseTuple(args, "(ii)", &a, &b));
    CHECK_ERROR(PyExc_TypeError,
                "argument 1 must be sequence of length 2, not 1");
    Py_DECREF(args);
    args = Py_BuildValue("((iO))", 1, Py_None);
    CHECK(!PyArg_ParseTuple(args, "(is)", &a, &s));
    CHECK_ERROR(PyExc_TypeError, "argument 1, item 1 must be str, not None");
    Py_DECREF(args);
    args = Py_BuildValue("(i)", 3);
    CHECK(!PyArg_ParseTuple(args, "(ii):pair", &a, &b));
    CHECK_ERROR(PyExc_TypeError,
                "pair() argument 1 must be 2-item sequence, not int");
    Py_DECREF(args);
}

static void
test_parse_keywords(void)
{
    static char *kwlist[] = {"a", "b", "c", NULL};
    int a = 0, b = 0;
    const char *c = "default";

    PyObject *args = Py_BuildValue("(i)", 1);
    PyObject *kwargs = Py_BuildValue("{s:i}", "b", 2);
    CHECK(PyArg_ParseTupleAndKeywords(args, kwargs, "i|is:f", kwlist, &a, &b,
                                      &c));
    CHECK(a == 1 && b == 2 && strcmp(c, "default") == 0);
    Py_DECREF(kwargs);

    kwargs = Py_BuildValue("{s:i}", "x", 2);
    CHECK(!PyArg_ParseTupleAndKeywords(args, kwargs, "i|is:f", kwlist, &a,
                                       &b, &c));
    CHECK_ERROR(PyExc_TypeError, "f() got an unexpected keyword argument 'x'");
    CHECK(!PyArg_ParseTupleAndKeywords(args, kwargs, "i|is", kwlist, &a, &b,
                                       &c));
    CHECK_ERROR(PyExc_TypeError,
                "this function got an unexpected keyword argument 'x'");
    Py_DECREF(kwargs);
    /* 3.13+: a keyword parameter close to the unknown name is suggested. */
    kwargs = Py_BuildValue("{s:i}", "bb", 2);
    CHECK(!PyArg_ParseTupleAndKeywords(args, kwargs, "i|is:f", kwlist, &a,
                                       &b, &c));
    CHECK_ERROR(PyExc_TypeError,
                "f() got an unexpected keyword argument 'bb'. Did you mean 'b'?");
    Py_DECREF(kwargs);

    kwargs = Py_BuildValue("{s:i}", "a", 2);
    CHECK(!PyArg_ParseTupleAndKeywords(args, kwargs, "i|is:f", kwlist, &a,
                                       &b, &c));
    CHECK_ERROR(PyExc_TypeError,
                "argument for f() given by name ('a') and position (1)");
    Py_DECREF(kwargs);
    Py_DECREF(args);

    PyObject *empty = PyTuple_New(0);
    kwargs = Py_BuildValue("{s:s}", "c", "given");
    CHECK(!PyArg_ParseTupleAndKeywords(empty, kwargs, "i|is:f", kwlist, &a,
                                       &b, &c));
    CHECK_ERROR(PyExc_TypeError, "f() missing required argument 'a' (pos 1)");
    args = Py_BuildValue("(iiii)", 1, 2, 3, 4);
    CHECK(!PyArg_ParseTupleAndKeywords(args, NULL, "i|is:f", kwlist, &a, &b,
                                       &c));
    CHECK_ERROR(PyExc_TypeError, "f() takes at most 3 arguments (4 given)");
    Py_DECREF(args);

    /* All by keyword. */
    Py_DECREF(kwargs);
    kwargs = Py_BuildValue("{s:i,s:s,s:i}", "b", 5, "c", "cc", "a", 4);
    CHECK(PyArg_ParseTupleAndKeywords(empty, kwargs, "iis", kwlist, &a, &b,
                                      &c));
    CHECK(a == 4 && b == 5 && strcmp(c, "cc") == 0);
    Py_DECREF(kwargs);

    /* Keyword-only after '$'. */
    static char *kwonly[] = {"a", "b", NULL};
    args = Py_BuildValue("(ii)", 1, 2);
    CHECK(!PyArg_ParseTupleAndKeywords(args, NULL, "i|$i:g", kwonly, &a, &b));
    CHECK_ERROR(PyExc_TypeError,
                "g() takes at most 1 positional argument (2 given)");
    Py_DECREF(args);
    args = Py_BuildValue("(i)", 1);
    kwargs = Py_BuildValue("{s:i}", "b", 8);
    b = 0;
    CHECK(PyArg_ParseTupleAndKeywords(args, kwargs, "i|$i:g", kwonly, &a,
                                      &b));
    CHECK(b == 8);
    Py_DECREF(kwargs);
    Py_DECREF(args);

    /* Positional-only parameters have empty names. */
    static char *posonly[] = {"", "b", NULL};
    kwargs = Py_BuildValue("{s:i}", "b", 3);
    CHECK(!PyArg_ParseTupleAndKeywords(empty, kwargs, "i|i:h", posonly, &a,
                                       &b));
    CHECK_ERROR(PyExc_TypeError,
                "h() takes at least 1 positional argument (0 given)");
    Py_DECREF(kwargs);
    Py_DECREF(empty);
}

static void
test_unpack_and_helpers(void)
{
    PyObject *args = Py_BuildValue("(iii)", 1, 2, 3);
    PyObject *a = NULL, *b = NULL, *c = NULL;
    CHECK(!PyArg_UnpackTuple(args, "f", 1, 2, &a, &b));
    CHECK_ERROR(PyExc_TypeError, "f expected at most 2 arguments, got 3");
    CHECK(!PyArg_UnpackTuple(args, "f", 4, 4, &a, &b));
    CHECK_ERROR(PyExc_TypeError, "f expected 4 arguments, got 3");
    CHECK(PyArg_UnpackTuple(args, "f", 2, 3, &a, &b, &c));
    CHECK(a == PyTuple_GET_ITEM(args, 0) && c == PyTuple_GET_ITEM(args, 2));

    PyObject *kwargs = Py_BuildValue("{s:i}", "k", 1);
    CHECK(!_PyArg_NoKeywords("fn", kwargs));
    CHECK_ERROR(PyExc_TypeError, "fn() takes no keyword arguments");
    CHECK(_PyArg_NoKeywords("fn", NULL));
    CHECK(!_PyArg_NoPositional("fn", args));
    CHECK_ERROR(PyExc_TypeError, "fn() takes no positional arguments");
    CHECK(PyArg_ValidateKeywordArguments(kwargs));
    PyObject *bad = PyDict_New();
    PyDict_SetItem(bad, a, a);
    CHECK(!PyArg_ValidateKeywordArguments(bad));
    CHECK_ERROR(PyExc_TypeError, "keywords must be strings");
    Py_DECREF(bad);
    Py_DECREF(kwargs);

    CHECK(!_PyArg_CheckPositional("g", 0, 1, 2));
    CHECK_ERROR(PyExc_TypeError, "g expected at least 1 argument, got 0");

    PyObject *stack[2] = {PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1)};
    int x = 0, y = 0;
    CHECK(_PyArg_ParseStack(stack, 2, "ii", &x, &y));
    CHECK(x == 1 && y == 2);
    Py_DECREF(args);
}

/* ---- Py_BuildValue ------------------------------------------------------------ */

static PyObject *
make_marker(void *text)
{
    return PyUnicode_FromString((const char *)text);
}

static void
test_build_value(void)
{
    PyObject *none = Py_BuildValue("");
    CHECK(none == Py_None);
    CHECK_REPR(Py_BuildValue("i", 5), "5");
    CHECK_REPR(Py_BuildValue("(i)", 5), "(5,)");
    CHECK_REPR(Py_BuildValue("()"), "()");
    CHECK_REPR(Py_BuildValue("ii", 1, 2), "(1, 2)");
    CHECK_REPR(Py_BuildValue("[i,s]", 1, "x"), "[1, 'x']");
    CHECK_REPR(Py_BuildValue("{s:i,s:i}", "a", 1, "b", 2), "{'a': 1, 'b': 2}");
    CHECK_REPR(Py_BuildValue("((ii)[s]{})", 1, 2, "x"),
               "((1, 2), ['x'], {})");
    CHECK_REPR(Py_BuildValue("s#", "abc", (Py_ssize_t)2), "'ab'");
    CHECK_REPR(Py_BuildValue("y#", "a\0b", (Py_ssize_t)3), "b'a\\x00b'");
    CHECK_REPR(Py_BuildValue("y", "raw"), "b'raw'");
    CHECK_REPR(Py_BuildValue("(zs)", NULL, NULL), "(None, None)");
    CHECK_REPR(Py_BuildValue("c", 'x'), "b'x'");
    CHECK_REPR(Py_BuildValue("C", 0xe9), "'\xc3\xa9'");
    CHECK_REPR(Py_BuildValue("u", L"w\u00e9"), "'w\xc3\xa9'");
    CHECK_REPR(Py_BuildValue("d", 1.5), "1.5");
    CHECK_REPR(Py_BuildValue("f", 0.25f), "0.25");
    CHECK_REPR(Py_BuildValue("K", ~0ULL), "18446744073709551615");
    CHECK_REPR(Py_BuildValue("L", -9223372036854775807LL - 1),
               "-9223372036854775808");
    CHECK_REPR(Py_BuildValue("(nkBHI)", (Py_ssize_t)-1, ~0UL, 255, 65535,
                             ~0U),
               "(-1, 18446744073709551615, 255, 65535, 4294967295)");
    CHECK_REPR(Py_BuildValue("(bhl)", -3, -300, -70000L), "(-3, -300, -70000)");
    CHECK_REPR(Py_BuildValue("(pp)", 3, 0), "(True, False)");
    CHECK_REPR(Py_BuildValue("O&", make_marker, (void *)"conv"), "'conv'");

    PyObject *obj = PyList_New(0);
    Py_ssize_t before = Py_REFCNT(obj);
    PyObject *t = Py_BuildValue("(OS)", obj, obj);
    CHECK(Py_REFCNT(obj) == before + 2);
    Py_XDECREF(t);
    CHECK(Py_REFCNT(obj) == before);
    /* 'N' steals, even when the build fails. */
    Py_INCREF(obj);
    t = Py_BuildValue("N", obj);
    CHECK(t == obj && Py_REFCNT(obj) == before + 1);
    Py_XDECREF(t);
    Py_INCREF(obj);
    CHECK(Py_BuildValue("(ON)", (PyObject *)NULL, obj) == NULL);
    CHECK_ERROR(PyExc_SystemError, "NULL object passed to Py_BuildValue");
    CHECK(Py_REFCNT(obj) == before);
    Py_INCREF(obj);
    CHECK(Py_BuildValue("[i!N]", 1, obj) == NULL);
    CHECK_ERROR(PyExc_SystemError, "bad format char passed to Py_BuildValue");
    Py_DECREF(obj);

    CHECK(Py_BuildValue("(ii", 1, 2) == NULL);
    CHECK_ERROR(PyExc_SystemError, "unmatched paren in format");
    CHECK(Py_BuildValue("{i}", 1) == NULL);
    CHECK_ERROR(PyExc_SystemError, "Bad dict format");
}

static void
test_build_parse_round_trip(void)
{
    PyObject *built = Py_BuildValue("(is#(dO)y)", -7, "h\xc3\xa9!",
                                    (Py_ssize_t)3, 2.5, Py_True, "bytes");
    int i = 0;
    const char *s = NULL, *y = NULL;
    Py_ssize_t slen = 0;
    double d = 0;
    PyObject *o = NULL;
    CHECK(PyArg_ParseTuple(built, "is#(dO)y", &i, &s, &slen, &d, &o, &y));
    CHECK(i == -7 && slen == 3 && memcmp(s, "h\xc3\xa9", 3) == 0);
    CHECK(d == 2.5 && o == Py_True && strcmp(y, "bytes") == 0);
    PyObject *again = Py_BuildValue("(is#(dO)y)", i, s, slen, d, o, y);
    CHECK(again != NULL
          && PyObject_RichCompareBool(built, again, Py_EQ) == 1);
    Py_XDECREF(again);
    Py_XDECREF(built);
}

/* ---- Misc --------------------------------------------------------------------- */

static void
test_format_and_type(void)
{
    PyObject *n = PyLong_FromLong(255);
    PyObject *spec = PyUnicode_FromString("x");
    CHECK_STR(PyObject_Format(n, spec), "ff");
    CHECK_STR(PyObject_Format(n, NULL), "255");
    PyObject *type = PyObject_Type(n);
    CHECK(type == (PyObject *)&PyLong_Type);
    Py_XDECREF(type);
    Py_DECREF(spec);
    Py_DECREF(n);
}


/* ---- More protocol corners ---------------------------------------------------- */

static void
test_sequence_mutation(void)
{
    PyObject *list = Py_BuildValue("[iiii]", 0, 1, 2, 3);
    PyObject *v = PyLong_FromLong(9);
    CHECK(PySequence_SetItem(list, -1, v) == 0);
    CHECK(PySequence_DelItem(list, 0) == 0);
    CHECK_REPR(Py_NewRef(list), "[1, 2, 9]");
    CHECK_REPR(PySequence_GetSlice(list, 1, 3), "[2, 9]");
    PyObject *repl = Py_BuildValue("(ii)", 7, 8);
    CHECK(PySequence_SetSlice(list, 0, 1, repl) == 0);
    CHECK_REPR(Py_NewRef(list), "[7, 8, 2, 9]");
    CHECK(PySequence_DelSlice(list, 1, 3) == 0);
    CHECK_REPR(Py_NewRef(list), "[7, 9]");
    CHECK(PySequence_Count(list, v) == 1);
    CHECK(PySequence_In(list, v) == 1);

    PyObject *three = PyLong_FromLong(3);
    PyObject *r = PyNumber_InPlaceMultiply(list, three);
    CHECK(r == list);
    Py_XDECREF(r);
    CHECK(PyObject_Size(list) == 6);
    r = PySequence_InPlaceConcat(list, repl);
    CHECK(r == list);
    Py_XDECREF(r);
    CHECK(PyObject_Size(list) == 8);

    PyObject *tuple = Py_BuildValue("(i)", 1);
    CHECK(PySequence_SetItem(tuple, 0, v) == -1);
    CHECK_ERROR(PyExc_TypeError,
                "'tuple' object does not support item assignment");
    CHECK(PyObject_SetItem(tuple, three, v) == -1);
    CHECK_ERROR(PyExc_TypeError,
                "'tuple' object does not support item assignment");
    CHECK(PySequence_DelItem(tuple, 0) == -1);
    CHECK_ERROR(PyExc_TypeError, "'tuple' object doesn't support item deletion");
    CHECK(PySequence_SetSlice(v, 0, 1, tuple) == -1);
    CHECK_ERROR(PyExc_TypeError,
                "'int' object doesn't support slice assignment");
    CHECK(PySequence_GetSlice(v, 0, 1) == NULL);
    CHECK_ERROR(PyExc_TypeError, "'int' object is unsliceable");

    if (types_ready) {
        /* A class with no __class_getitem__. */
        CHECK(PyObject_GetItem((PyObject *)&NumA_Type, three) == NULL);
        CHECK_ERROR(PyExc_TypeError, "type 'NumA' is not subscriptable");
    }
    Py_DECREF(tuple);
    Py_DECREF(three);
    Py_DECREF(repl);
    Py_DECREF(v);
    Py_DECREF(list);
}

static void
test_iter_send_and_aiter(void)
{
    PyObject *list = Py_BuildValue("[ii]", 1, 2);
    PyObject *it = PyObject_GetIter(list);
    PyObject *res = NULL;
    CHECK(PyIter_Send(it, Py_None, &res) == PYGEN_NEXT);
    CHECK_REPR(res, "1");
    CHECK(PyIter_Send(it, Py_None, &res) == PYGEN_NEXT);
    CHECK_REPR(res, "2");
    /* Exhausted without StopIteration's value: returns None. */
    CHECK(PyIter_Send(it, Py_None, &res) == PYGEN_RETURN);
    CHECK(res == Py_None);
    Py_XDECREF(res);
    Py_XDECREF(it);

    CHECK(PyObject_GetAIter(list) == NULL);
    CHECK_ERROR(PyExc_TypeError, "'list' object is not an async iterable");
    CHECK(!PyAIter_Check(list));
    Py_DECREF(list);
}

static void
test_parse_single_object(void)
{
    PyObject *n = PyLong_FromLong(12);
    int v = 0;
    CHECK(PyArg_Parse(n, "i", &v) && v == 12);
    const char *s;
    CHECK(!PyArg_Parse(n, "s", &s));
    CHECK_ERROR(PyExc_TypeError, "argument must be str, not int");
    PyObject *pair = Py_BuildValue("(ii)", 3, 4);
    int a = 0, b = 0;
    CHECK(PyArg_Parse(pair, "(ii)", &a, &b) && a == 3 && b == 4);
    CHECK(!PyArg_Parse(pair, "ii", &a, &b));
    CHECK_RAISES(PyExc_SystemError);
    Py_DECREF(pair);
    Py_DECREF(n);
}

static PyObject *
module_func_answer(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(42);
}

static PyMethodDef module_funcs[] = {
    {"answer", module_func_answer, METH_NOARGS, "The answer."},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef bad_module_funcs[] = {
    {"bad", module_func_answer, METH_NOARGS | METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static void
test_module_population(void)
{
    PyObject *m = PyModule_New("protomod");
    if (m == NULL) {
        CHECK(0);
        PyErr_Clear();
        return;
    }
    CHECK(PyModule_AddIntConstant(m, "ANSWER", 42) == 0);
    CHECK(PyModule_AddStringConstant(m, "NAME", "weft") == 0);
    PyObject *obj = PyList_New(0);
    Py_ssize_t before = Py_REFCNT(obj);
    CHECK(PyModule_AddObjectRef(m, "ref", obj) == 0);
    CHECK(Py_REFCNT(obj) == before + 1);
    CHECK(PyModule_Add(m, "stolen", Py_NewRef(obj)) == 0);
    CHECK(Py_REFCNT(obj) == before + 2);
    CHECK(PyModule_AddObject(m, "old", Py_NewRef(obj)) == 0);
    CHECK(Py_REFCNT(obj) == before + 3);
    CHECK(PyModule_AddType(m, &PyLong_Type) == 0);
    CHECK(PyModule_SetDocString(m, "A test module.") == 0);
    CHECK(PyModule_AddFunctions(m, module_funcs) == 0);

    PyObject *dict = PyModule_GetDict(m);
    CHECK_REPR(Py_XNewRef(PyDict_GetItemString(dict, "ANSWER")), "42");
    CHECK_REPR(Py_XNewRef(PyDict_GetItemString(dict, "NAME")), "'weft'");
    CHECK(PyDict_GetItemString(dict, "old") == obj);
    CHECK(PyDict_GetItemString(dict, "int") == (PyObject *)&PyLong_Type);
    CHECK_STR(PyObject_GetAttrString(m, "__doc__"), "A test module.");
    PyObject *answer = PyObject_CallMethod(m, "answer", NULL);
    CHECK_REPR(answer, "42");

    CHECK(PyModule_AddObjectRef(obj, "x", obj) == -1);
    CHECK_ERROR(PyExc_TypeError,
                "PyModule_AddObjectRef() first argument must be a module");
    CHECK(PyModule_AddObjectRef(m, "x", NULL) == -1);
    CHECK_RAISES(PyExc_SystemError);
    /* PyModule_Add steals even on failure. */
    Py_INCREF(obj);
    CHECK(PyModule_Add(obj, "x", obj) == -1);
    CHECK_RAISES(PyExc_TypeError);
    CHECK(Py_REFCNT(obj) == before + 3);
    CHECK(PyModule_AddFunctions(m, bad_module_funcs) == -1);
    CHECK_ERROR(PyExc_ValueError,
                "module functions cannot set METH_CLASS or METH_STATIC");

    Py_DECREF(obj);
    Py_DECREF(m);
}

/* A metaclass whose __instancecheck__ claims everything with a length
   and whose __subclasscheck__ claims only int. */
static PyObject *
meta_instancecheck(PyObject *cls, PyObject *inst)
{
    return PyBool_FromLong(PySequence_Check(inst));
}

static PyObject *
meta_subclasscheck(PyObject *cls, PyObject *sub)
{
    return PyBool_FromLong(sub == (PyObject *)&PyLong_Type);
}

static PyMethodDef meta_methods[] = {
    {"__instancecheck__", meta_instancecheck, METH_O, NULL},
    {"__subclasscheck__", meta_subclasscheck, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Meta_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "Meta",
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_TYPE_SUBCLASS,
    .tp_methods = meta_methods,
    .tp_base = &PyType_Type,
};

static PyTypeObject Checked_Type = {
    PyVarObject_HEAD_INIT(&Meta_Type, 0)
    .tp_name = "Checked",
    .tp_basicsize = sizeof(PyObject),
    .tp_dealloc = plain_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

static void
test_instancecheck_hooks(void)
{
    Meta_Type.tp_basicsize = PyType_Type.tp_basicsize;
    Meta_Type.tp_itemsize = PyType_Type.tp_itemsize;
    if (PyType_Ready(&Meta_Type) < 0 || PyType_Ready(&Checked_Type) < 0) {
        CHECK(0);
        PyErr_Clear();
        return;
    }
    PyObject *cls = (PyObject *)&Checked_Type;
    PyObject *list = PyList_New(0);
    PyObject *num = PyLong_FromLong(1);
    CHECK(PyObject_IsInstance(list, cls) == 1);
    CHECK(PyObject_IsInstance(num, cls) == 0);
    PyObject *in_tuple = Py_BuildValue("(OO)", (PyObject *)&PyFloat_Type, cls);
    CHECK(PyObject_IsInstance(list, in_tuple) == 1);
    CHECK(PyObject_IsSubclass((PyObject *)&PyLong_Type, cls) == 1);
    CHECK(PyObject_IsSubclass((PyObject *)&PyList_Type, cls) == 0);
    CHECK(PyObject_IsSubclass((PyObject *)&PyLong_Type, in_tuple) == 1);
    /* The hook is bypassed for an exact type match. */
    PyObject *inst = new_plain(&Checked_Type);
    CHECK(PyObject_IsInstance(inst, cls) == 1);
    Py_DECREF(inst);
    Py_DECREF(in_tuple);
    Py_DECREF(num);
    Py_DECREF(list);
}

void
suite_abstract(void)
{
    RUN(test_ready_types);
    RUN(test_binary_dispatch_order);
    RUN(test_inplace_and_power);
    RUN(test_unary_and_index);
    RUN(test_builtin_operand_messages);
    RUN(test_ssize_t_conversion);
    RUN(test_sequence_number_fallbacks);
    RUN(test_number_conversions);
    RUN(test_getitem_and_sizes);
    RUN(test_sequence_fast);
    RUN(test_sequence_iterator);
    RUN(test_callable_iterator);
    RUN(test_mapping_protocol);
    RUN(test_isinstance);
    RUN(test_call_tp_call);
    RUN(test_call_vectorcall);
    RUN(test_call_method);
    RUN(test_parse_tuple_units);
    RUN(test_parse_tuple_strings_and_buffers);
    RUN(test_parse_tuple_errors);
    RUN(test_parse_nested_groups);
    RUN(test_parse_keywords);
    RUN(test_unpack_and_helpers);
    RUN(test_build_value);
    RUN(test_build_parse_round_trip);
    RUN(test_format_and_type);
    RUN(test_sequence_mutation);
    RUN(test_iter_send_and_aiter);
    RUN(test_parse_single_object);
    RUN(test_module_population);
    RUN(test_instancecheck_hooks);
}
