/* _decimal_core: the C core of the decimal module.

   DecimalBase is the C base of decimal.Decimal.  It stores a Decimal's
   four parts as C fields, exposed read-only to the Python code of
   _decimal_impl as _sign (int 0 or 1), _int (the coefficient, an int
   >= 0), _exp (an int, or 'F', 'n', 'N' for the specials) and
   _is_special (a bool).  The fields stay Python ints rather than C
   integers because most of decimal is still Python code that reads
   them constantly: a C field would be boxed again on every read.

   Construction, +, -, *, /, unary -, + and abs(), bool(), hash(), the
   comparisons and quantize are slots and methods here.  Each computes
   its result in C when the operands are finite with coefficients below
   2**128 and exponents of machine size, and the result needs at most
   the two common conditions Inexact and Rounded, neither trapped.
   Every other case calls the Python implementation registered by
   _setup, which recomputes from the start; so the C path only ever
   returns what the Python path returns (Tests/unit/test_decimal_core.py
   compares them).  getcontext() is here too, so both share one lookup.

   Thread safety: a Decimal is immutable: its fields are read-only
   members written only by the C function that creates it, so they are
   read without a lock.  The registered class, the registry and the
   context home are each written once, while _decimal_impl is imported
   (under the import lock), then published with a release store and
   loaded with an acquire; they are never freed.  A Context is read
   through its slots (PyMember_GetOne, which takes the object's critical
   section in the free-threaded build) and its flags set in its
   SignalDict's dict, as Context._commit does; a context is current in
   one thread only (getcontext copies one inherited from another
   thread), and each dict operation is atomic in both builds.  See
   Doc/internals/decimal.md. */
#include "Python.h"
#include <stdint.h>

__extension__ typedef unsigned __int128 u128;

#define MAX_DIGITS 38           /* every u128 below 10**38 */
#define EXP_LIMIT ((int64_t)1 << 60)  /* exponents kept in C: no overflow */

typedef struct {
    PyObject_HEAD
    PyObject *sign;             /* int 0 or 1 */
    PyObject *coef;             /* int >= 0; a NaN's payload */
    PyObject *exp;              /* int, or 'F', 'n', 'N' */
    PyObject *special;          /* Py_True or Py_False */
} DecObject;

enum { ADD, SUB, MUL, DIV, N_ARITH };
enum { NEG, POS, ABS, N_UNARY };
/* The Context slots (then SignalDict's) the C paths read. */
enum { F_FAST, F_PREC, F_ROUNDING, F_FLAGS, F_TRAPS, F_VALUES, N_FIELDS };
static const char *const field_names[N_FIELDS] = {
    "_fast", "_prec", "_rounding", "_flags", "_traps", "_values"};
enum { R_CEILING, R_FLOOR, R_UP, R_DOWN, R_HALF_UP, R_HALF_DOWN,
       R_HALF_EVEN, R_05UP, N_ROUNDING };

/* What _setup registers; immutable once published. */
typedef struct {
    PyObject *forward[N_ARITH]; /* Python a.__add__(b) .. __truediv__ */
    PyObject *reflected[N_ARITH];   /* Python b.__radd__(a) etc. */
    PyObject *compare[6];       /* Python __lt__ .. __ge__ by Py_LT.. */
    PyObject *quantize;         /* Python Decimal.quantize */
    PyObject *construct;        /* Python Decimal(value, context) */
    PyObject *unary[N_UNARY];   /* Python __neg__, __pos__, __abs__ */
    PyObject *hash;             /* Python Decimal.__hash__ */
    PyObject *signal[2];        /* the classes Inexact, Rounded */
    PyObject *rounding[N_ROUNDING]; /* names, in the enum's order */
    PyObject *names[N_FIELDS];  /* interned attribute names */
    PyTypeObject *context_type;     /* decimal.Context */
    PyTypeObject *signals_type;     /* decimal's SignalDict */
    PyMemberDef *members[N_FIELDS]; /* their slots, owned by the types */
} Registry;

/* The current context's home, registered by context.py. */
typedef struct {
    PyObject *var;              /* ContextVar of (thread token, Context) */
    PyObject *install;          /* Python _install_own_context(pair) */
    PyObject *token_key;        /* key of the token in the thread dict */
} ContextHome;

static PyTypeObject DecimalBase_Type;
static PyTypeObject *decimal_type;   /* decimal.Decimal; atomic pointer */
static Registry *registry;           /* atomic pointer */
static ContextHome *context_home;    /* atomic pointer */

static PyTypeObject *load_decimal_type(void)
{
    PyTypeObject *type = __atomic_load_n(&decimal_type, __ATOMIC_ACQUIRE);
    if (type == NULL) {
        PyErr_SetString(PyExc_RuntimeError,
                        "_decimal_core: Decimal is not registered");
    }
    return type;
}

/* The registry, or NULL (no exception) before _setup has run. */
static Registry *load_registry(void)
{
    return __atomic_load_n(&registry, __ATOMIC_ACQUIRE);
}

/* obj.<field> (new reference).  For an exact Context or SignalDict the
   slot is read through its member definition, found once by _setup:
   the same read as the attribute (PyMember_GetOne takes the object's
   critical section in the free-threaded build) without the lookup. */
static PyObject *get_field(Registry *r, PyObject *obj, int field)
{
    PyTypeObject *owner = field == F_VALUES ? r->signals_type
                                            : r->context_type;
    if (Py_TYPE(obj) == owner) {
        return PyMember_GetOne((const char *)obj, r->members[field]);
    }
    return PyObject_GetAttr(obj, r->names[field]);
}

/* ------------------------------------------------------------------ */
/* Construction */

/* An int from a u128.  Above 64 bits the int's 30-bit digits are
   written directly (PEP 757 writer). */
static PyObject *digits_to_long(u128 value)
{
    if (value <= UINT64_MAX) {
        return PyLong_FromUnsignedLongLong((unsigned long long)value);
    }
    Py_ssize_t ndigits = 0;
    for (u128 rest = value; rest != 0; rest >>= PyLong_SHIFT) {
        ndigits++;
    }
    void *digits;
    PyLongWriter *writer = PyLongWriter_Create(0, ndigits, &digits);
    if (writer == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < ndigits; i++) {
        ((digit *)digits)[i] = (digit)(value & PyLong_MASK);
        value >>= PyLong_SHIFT;
    }
    return PyLongWriter_Finish(writer);
}

/* A new Decimal from its parts (borrowed references).  New reference. */
static PyObject *new_decimal(PyObject *sign, PyObject *coef, PyObject *exp,
                             PyObject *special)
{
    PyTypeObject *type = load_decimal_type();
    if (type == NULL) {
        return NULL;
    }
    DecObject *d = (DecObject *)type->tp_alloc(type, 0);
    if (d == NULL) {
        return NULL;
    }
    d->sign = Py_NewRef(sign);
    d->coef = Py_NewRef(coef);
    d->exp = Py_NewRef(exp);
    d->special = Py_NewRef(special);
    return (PyObject *)d;
}

/* A finite Decimal from C parts.  New reference. */
static PyObject *finite_from_c(int sign, u128 coef, int64_t exp)
{
    PyObject *c = digits_to_long(coef);
    if (c == NULL) {
        return NULL;
    }
    PyObject *e = PyLong_FromLongLong(exp);
    if (e == NULL) {
        Py_DECREF(c);
        return NULL;
    }
    /* 0 and 1 are cached immortal ints: no allocation. */
    PyObject *s = PyLong_FromLong(sign);
    PyObject *result = new_decimal(s, c, e, Py_False);
    Py_DECREF(s);
    Py_DECREF(c);
    Py_DECREF(e);
    return result;
}

/* 1 when exp is one of the special exponents 'F', 'n', 'N'. */
static int is_special_exponent(PyObject *exp)
{
    if (!PyUnicode_Check(exp) || PyUnicode_GET_LENGTH(exp) != 1) {
        return 0;
    }
    Py_UCS4 c = PyUnicode_READ_CHAR(exp, 0);
    return c == 'F' || c == 'n' || c == 'N';
}

/* _make(sign, coefficient, exponent): a Decimal from its parts,
   unchecked, as number.py's callers guarantee valid parts. */
static PyObject *core_make(PyObject *m, PyObject *const *args,
                           Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_make", nargs, 3, 3)) {
        return NULL;
    }
    PyObject *special = is_special_exponent(args[2]) ? Py_True : Py_False;
    return new_decimal(args[0], args[1], args[2], special);
}

/* _finite(sign, coefficient, exponent): a finite Decimal, unchecked. */
static PyObject *core_finite(PyObject *m, PyObject *const *args,
                             Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_finite", nargs, 3, 3)) {
        return NULL;
    }
    return new_decimal(args[0], args[1], args[2], Py_False);
}

/* ------------------------------------------------------------------ */
/* Operands in C */

/* A finite value (-1)**sign * coef * 10**exp held in C. */
typedef struct {
    int sign;
    u128 coef;
    int64_t exp;
} Small;

/* 10**0 .. 10**MAX_DIGITS; filled by the module's exec (under the
   import lock) before any Decimal exists, read-only afterwards. */
static u128 pow10_values[MAX_DIGITS + 1];

static void fill_pow10(void)
{
    if (pow10_values[0] == 1) {
        return;                 /* a later exec: never rewritten */
    }
    u128 p = 1;
    for (int i = 0; i <= MAX_DIGITS; i++) {
        pow10_values[i] = p;
        p *= 10;
    }
}

/* Digits of v (1 for zero).  With b bits, v has floor(b * log10(2))
   or one more digits; 1233 / 4096 is log10(2) to within 1e-5, exact
   enough for b <= 128. */
static int count_digits(u128 v)
{
    if (v == 0) {
        return 1;
    }
    uint64_t high = (uint64_t)(v >> 64);
    int bits = high ? 128 - __builtin_clzll(high)
                    : 64 - __builtin_clzll((uint64_t)v);
    int guess = (bits * 1233) >> 12;
    return guess + (v >= pow10_values[guess]);
}

/* *out = v when the int v (>= 0) is below 2**128.  1 on success, 0 when
   it does not fit or is negative.  Reads the int's 30-bit digits (ints
   are immutable, so no lock is needed). */
static int long_to_u128(PyObject *v, u128 *out)
{
    const PyLongObject *op = (const PyLongObject *)v;
    uintptr_t tag = op->long_value.lv_tag;
    if ((tag & _PyLong_SIGN_MASK) == 2) {
        return 0;               /* negative */
    }
    Py_ssize_t ndigits = (Py_ssize_t)(tag >> _PyLong_NON_SIZE_BITS);
    if (ndigits > 5) {
        return 0;
    }
    u128 value = 0;
    for (Py_ssize_t i = ndigits - 1; i >= 0; i--) {
        if (value >> (128 - PyLong_SHIFT)) {
            return 0;           /* would pass 2**128 */
        }
        value = (value << PyLong_SHIFT) | op->long_value.ob_digit[i];
    }
    *out = value;
    return 1;
}

/* The value of the int v into *out when it lies strictly between
   -limit and limit: 1, else 0 (no exception). */
static int long_to_i64(PyObject *v, int64_t limit, int64_t *out)
{
    if (PyUnstable_Long_IsCompact((PyLongObject *)v)) {
        *out = PyUnstable_Long_CompactValue((PyLongObject *)v);
        return 1;               /* |v| < 2**30 <= limit */
    }
    int overflow;
    long long value = PyLong_AsLongLongAndOverflow(v, &overflow);
    if (overflow || value <= -limit || value >= limit) {
        PyErr_Clear();
        return 0;
    }
    *out = value;
    return 1;
}

/* 1 when op is a DecimalBase instance (Decimal or a subclass). */
static int is_decimal(PyObject *op)
{
    return PyObject_TypeCheck(op, &DecimalBase_Type);
}

/* The finite Decimal d in C: 1, or 0 when it is special, incomplete or
   too large.  Never leaves an exception set. */
static int small_of_decimal(DecObject *d, Small *out)
{
    if (d->special != Py_False || d->sign == NULL || d->coef == NULL ||
        d->exp == NULL || !PyLong_Check(d->exp) || !PyLong_Check(d->coef) ||
        !PyLong_Check(d->sign)) {
        return 0;
    }
    int64_t exp, sign;
    if (!long_to_i64(d->exp, EXP_LIMIT, &exp) ||
        !long_to_i64(d->sign, 2, &sign) || sign < 0) {
        return 0;
    }
    out->sign = (int)sign;
    out->exp = exp;
    return long_to_u128(d->coef, &out->coef);
}

/* An operand (a Decimal or an int, as ops.operand accepts) in C. */
static int small_of(PyObject *op, Small *out)
{
    if (is_decimal(op)) {
        return small_of_decimal((DecObject *)op, out);
    }
    if (!PyLong_Check(op)) {
        return 0;
    }
    int64_t v;
    if (!long_to_i64(op, INT64_MAX, &v)) {
        return 0;           /* big ints take the Python path */
    }
    out->sign = v < 0;
    out->coef = (u128)(v < 0 ? -v : v);
    out->exp = 0;
    return 1;
}

/* ------------------------------------------------------------------ */
/* The current context */

/* This thread's token (borrowed; the thread's dict owns it), made on
   first use.  Only this thread reads or writes its own dict. */
static PyObject *thread_token(ContextHome *home)
{
    PyObject *dict = PyThreadState_GetDict();
    if (dict == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "no thread state dict");
        return NULL;
    }
    PyObject *token;
    int found = PyDict_GetItemRef(dict, home->token_key, &token);
    if (found != 0) {
        Py_XDECREF(token);      /* the dict keeps it alive */
        return found < 0 ? NULL : token;
    }
    token = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type);
    if (token == NULL) {
        return NULL;
    }
    int set = PyDict_SetItem(dict, home->token_key, token);
    Py_DECREF(token);
    return set < 0 ? NULL : token;
}

static ContextHome *load_context_home(void)
{
    ContextHome *home = __atomic_load_n(&context_home, __ATOMIC_ACQUIRE);
    if (home == NULL) {
        PyErr_SetString(PyExc_RuntimeError,
                        "_decimal_core: no context variable registered");
    }
    return home;
}

/* The current context (new reference): the variable's Context when this
   thread installed it, else what _install_own_context makes (a private
   copy of another thread's context, or a new one).  Tokens are fresh
   objects held by the pairs, so a dead thread's token is never taken
   for a live one's. */
static PyObject *current_context(void)
{
    ContextHome *home = load_context_home();
    if (home == NULL) {
        return NULL;
    }
    PyObject *pair;
    if (PyContextVar_Get(home->var, NULL, &pair) < 0) {
        return NULL;
    }
    if (pair != NULL && PyTuple_CheckExact(pair) &&
        PyTuple_GET_SIZE(pair) == 2) {
        PyObject *token = thread_token(home);
        if (token == NULL) {
            Py_DECREF(pair);
            return NULL;
        }
        if (token == PyTuple_GET_ITEM(pair, 0)) {
            PyObject *ctx = Py_NewRef(PyTuple_GET_ITEM(pair, 1));
            Py_DECREF(pair);
            return ctx;
        }
    }
    PyObject *result = PyObject_CallOneArg(home->install,
                                           pair ? pair : Py_None);
    Py_XDECREF(pair);
    return result;
}

/* getcontext(): see current_context. */
static PyObject *core_getcontext(PyObject *m, PyObject *unused)
{
    return current_context();
}

/* _thread_token(): this thread's token (see context.py). */
static PyObject *core_thread_token(PyObject *m, PyObject *unused)
{
    ContextHome *home = load_context_home();
    if (home == NULL) {
        return NULL;
    }
    return Py_XNewRef(thread_token(home));
}

/* _set_context_var(var, install): where the current context lives.
   Once only, while context.py is imported; never freed. */
static PyObject *core_set_context_var(PyObject *m, PyObject *args)
{
    PyObject *var, *install;
    if (!PyArg_ParseTuple(args, "OO:_set_context_var", &var, &install)) {
        return NULL;
    }
    if (__atomic_load_n(&context_home, __ATOMIC_ACQUIRE) != NULL) {
        PyErr_SetString(PyExc_RuntimeError,
                        "the context variable is already registered");
        return NULL;
    }
    ContextHome *home = PyMem_RawMalloc(sizeof(ContextHome));
    if (home == NULL) {
        return PyErr_NoMemory();
    }
    home->token_key = PyUnicode_InternFromString("_decimal_core.token");
    if (home->token_key == NULL) {
        PyMem_RawFree(home);
        return NULL;
    }
    home->var = Py_NewRef(var);
    home->install = Py_NewRef(install);
    __atomic_store_n(&context_home, home, __ATOMIC_RELEASE);
    Py_RETURN_NONE;
}

/* The context's bounds (Context._fast) in C.  limit is 10**prec; when
   that is 2**128 or more, prec is reported as MAX_DIGITS + 1 and every
   u128 is below the limit. */
typedef struct {
    int prec;                   /* exact when <= MAX_DIGITS */
    u128 limit;                 /* 10**prec when prec <= MAX_DIGITS */
    int64_t lowest;             /* Emin */
    int64_t highest;            /* Emax - prec + 1 (Etop) */
} Bounds;

static int bounds_fit(const Bounds *b, u128 coef)
{
    return b->prec > MAX_DIGITS || coef < b->limit;
}

/* Read ctx._fast (its bounds) and ctx._prec.  1 on success, 0 when
   they are not usable in C (no exception), -1 on error. */
static int get_bounds(Registry *r, PyObject *ctx, Bounds *b)
{
    PyObject *fast = get_field(r, ctx, F_FAST);
    if (fast == NULL) {
        return -1;
    }
    PyObject *prec = get_field(r, ctx, F_PREC);
    if (prec == NULL) {
        Py_DECREF(fast);
        return -1;
    }
    int ok = 0;
    if (PyTuple_CheckExact(fast) && PyTuple_GET_SIZE(fast) == 3 &&
        PyLong_Check(prec)) {
        int o1, o2, o3;
        b->lowest = PyLong_AsLongLongAndOverflow(PyTuple_GET_ITEM(fast, 1),
                                                 &o1);
        b->highest = PyLong_AsLongLongAndOverflow(PyTuple_GET_ITEM(fast, 2),
                                                  &o2);
        long long p = PyLong_AsLongLongAndOverflow(prec, &o3);
        ok = !o1 && !o2 && !o3 && !PyErr_Occurred() && p >= 1 &&
             b->lowest > -EXP_LIMIT && b->highest < EXP_LIMIT;
        if (ok) {
            b->prec = p > MAX_DIGITS ? MAX_DIGITS + 1 : (int)p;
            b->limit = p > MAX_DIGITS ? 0 : pow10_values[p];
        }
        PyErr_Clear();
    }
    Py_DECREF(fast);
    Py_DECREF(prec);
    return ok;
}

/* The rounding mode of a name (exact str), or -1 when unknown. */
static int rounding_of(Registry *r, PyObject *name)
{
    if (!PyUnicode_CheckExact(name)) {
        return -1;
    }
    for (int i = 0; i < N_ROUNDING; i++) {
        if (name == r->rounding[i]) {
            return i;
        }
    }
    for (int i = 0; i < N_ROUNDING; i++) {
        if (PyUnicode_Compare(name, r->rounding[i]) == 0) {
            return i;
        }
    }
    PyErr_Clear();
    return -1;
}

static int context_rounding(Registry *r, PyObject *ctx)
{
    PyObject *name = get_field(r, ctx, F_ROUNDING);
    if (name == NULL) {
        PyErr_Clear();
        return -1;
    }
    int mode = rounding_of(r, name);
    Py_DECREF(name);
    return mode;
}

/* The dict of ctx's SignalDict attribute `which` (new reference). */
static PyObject *signal_values(Registry *r, PyObject *ctx, int which)
{
    PyObject *signals = get_field(r, ctx, which);
    if (signals == NULL) {
        return NULL;
    }
    PyObject *values = get_field(r, signals, F_VALUES);
    Py_DECREF(signals);
    if (values != NULL && !PyDict_Check(values)) {
        Py_DECREF(values);
        PyErr_SetString(PyExc_TypeError, "signal values must be a dict");
        return NULL;
    }
    return values;
}

/* Set the flags Rounded (and Inexact when inexact) as Context._commit
   does.  1 when done; 0 when one of them is trapped (nothing is set: the
   Python path redoes the operation and raises); -1 on error. */
static int commit_rounding(Registry *r, PyObject *ctx, int inexact)
{
    PyObject *traps = signal_values(r, ctx, F_TRAPS);
    if (traps == NULL) {
        return -1;
    }
    PyObject *raised[2] = {r->signal[1], r->signal[0]};
    int count = inexact ? 2 : 1;
    for (int i = 0; i < count; i++) {
        PyObject *trap;
        int found = PyDict_GetItemRef(traps, raised[i], &trap);
        int trapped = found > 0 ? PyObject_IsTrue(trap) : found;
        Py_XDECREF(trap);
        if (trapped != 0) {
            Py_DECREF(traps);
            return trapped < 0 ? -1 : 0;
        }
    }
    Py_DECREF(traps);
    PyObject *flags = signal_values(r, ctx, F_FLAGS);
    if (flags == NULL) {
        return -1;
    }
    for (int i = 0; i < count; i++) {
        /* A flag already set needs no store (a store is the costly part,
           and in the free-threaded build it locks the dict). */
        PyObject *flag;
        int found = PyDict_GetItemRef(flags, raised[i], &flag);
        int set = found > 0 && flag == Py_True;
        Py_XDECREF(flag);
        if (found < 0 ||
            (!set && PyDict_SetItem(flags, raised[i], Py_True) < 0)) {
            Py_DECREF(flags);
            return -1;
        }
    }
    Py_DECREF(flags);
    return 1;
}

/* ------------------------------------------------------------------ */
/* Rounding */

/* Whether to add one to `kept` after dropping dropped/scale, as
   number.round_decision; 0 <= dropped < scale, scale a power of ten. */
static int round_up(int mode, int sign, u128 kept, u128 dropped, u128 scale)
{
    if (dropped == 0) {
        return 0;
    }
    u128 half = scale / 2;      /* scale >= 10: exact */
    switch (mode) {
    case R_DOWN: return 0;
    case R_UP: return 1;
    case R_CEILING: return sign == 0;
    case R_FLOOR: return sign == 1;
    case R_05UP: return kept % 5 == 0;
    case R_HALF_UP: return dropped >= half;
    case R_HALF_DOWN: return dropped > half;
    default:                    /* R_HALF_EVEN */
        if (dropped != half) {
            return dropped > half;
        }
        return kept % 2 == 1;
    }
}

/* Drop `count` (1..MAX_DIGITS) low digits of *coef, rounding.  Returns
   whether the dropped digits were non-zero. */
static int drop_digits(int mode, int sign, u128 *coef, int count)
{
    u128 scale = pow10_values[count];
    u128 kept = *coef / scale;
    u128 dropped = *coef % scale;
    if (round_up(mode, sign, kept, dropped, scale)) {
        kept++;
    }
    *coef = kept;
    return dropped != 0;
}

/* Outcome of a C attempt: a result, "not handled here", or an error. */
static char not_handled;   /* only its address is used */
#define NOT_HANDLED ((PyObject *)&not_handled)

/* number.fix() for the cases without overflow, subnormal or clamping:
   the value itself, or rounded to prec digits with Rounded (and
   Inexact).  Returns NOT_HANDLED for the other cases. */
static PyObject *fix_small(Registry *r, PyObject *ctx, const Bounds *b,
                           Small v)
{
    if (bounds_fit(b, v.coef) && b->lowest <= v.exp && v.exp <= b->highest) {
        return finite_from_c(v.sign, v.coef, v.exp);
    }
    if (v.coef == 0 || b->prec > MAX_DIGITS) {
        return NOT_HANDLED;
    }
    int length = count_digits(v.coef);
    int64_t adjusted = v.exp + length - 1;
    if (length <= b->prec || adjusted < b->lowest) {
        return NOT_HANDLED;     /* exponent bounds or subnormal: Python */
    }
    int mode = context_rounding(r, ctx);
    if (mode < 0) {
        return NOT_HANDLED;
    }
    int inexact = drop_digits(mode, v.sign, &v.coef, length - b->prec);
    v.exp += length - b->prec;
    if (v.coef >= b->limit) {   /* carried into a new digit */
        v.coef /= 10;
        v.exp++;
    }
    if (v.exp > b->highest) {
        return NOT_HANDLED;     /* overflow */
    }
    int committed = commit_rounding(r, ctx, inexact);
    if (committed <= 0) {
        return committed < 0 ? NULL : NOT_HANDLED;
    }
    return finite_from_c(v.sign, v.coef, v.exp);
}

/* ------------------------------------------------------------------ */
/* Arithmetic */

/* x * 10**shift into *out; 0 when it does not fit a u128. */
static int scale_up(u128 x, int64_t shift, u128 *out)
{
    if (shift > MAX_DIGITS) {
        return x == 0 ? (*out = 0, 1) : 0;
    }
    return !__builtin_mul_overflow(x, pow10_values[shift], out);
}

/* The exact sum x + y (x - y with negate) in *out: 1, or 0 when it does
   not fit or is zero (add_op picks the sign of a zero by rounding). */
static int exact_sum(Small x, Small y, int negate, const Bounds *b,
                     Small *out)
{
    int64_t exp = x.exp < y.exp ? x.exp : y.exp;
    int64_t gap = x.exp > y.exp ? x.exp - y.exp : y.exp - x.exp;
    /* add_op shrinks operands further apart than prec + 2; the rounded
       result is the same, but leave those to it. */
    if (gap > (int64_t)b->prec + 2) {
        return 0;
    }
    u128 a, c;
    if (!scale_up(x.coef, x.exp - exp, &a) ||
        !scale_up(y.coef, y.exp - exp, &c)) {
        return 0;
    }
    int y_sign = y.sign ^ negate;
    out->exp = exp;
    if (x.sign == y_sign) {
        out->sign = x.sign;
        return !__builtin_add_overflow(a, c, &out->coef) && out->coef != 0;
    }
    if (a == c) {
        return 0;
    }
    out->sign = a > c ? x.sign : y_sign;
    out->coef = a > c ? a - c : c - a;
    return 1;
}

/* The quotient x / y before rounding, as ops.divide_op computes it:
   prec + 1 digits, the last one moved off 0 or 5 when digits remain,
   or the exact quotient with trailing zeros dropped down to the ideal
   exponent.  1, or 0 when y is zero or a value passes 2**128. */
static int exact_quotient(Small x, Small y, const Bounds *b, Small *out)
{
    if (y.coef == 0 || b->prec > MAX_DIGITS) {
        return 0;
    }
    int64_t ideal = x.exp - y.exp;
    out->sign = x.sign ^ y.sign;
    if (x.coef == 0) {
        out->coef = 0;
        out->exp = ideal;
        return 1;
    }
    int64_t shift = count_digits(y.coef) - count_digits(x.coef) + b->prec + 1;
    u128 numerator = x.coef, denominator = y.coef;
    if (shift >= 0 ? !scale_up(x.coef, shift, &numerator)
                   : !scale_up(y.coef, -shift, &denominator)) {
        return 0;
    }
    u128 quotient = numerator / denominator;
    int64_t exp = ideal - shift;
    if (numerator % denominator != 0) {
        if (quotient % 5 == 0) {
            quotient++;         /* marks the digits beyond it */
        }
    }
    else {
        while (exp < ideal && quotient % 10 == 0) {
            quotient /= 10;
            exp++;
        }
    }
    out->coef = quotient;
    out->exp = exp;
    return 1;
}

/* The Python fallback for op on (a, b) entering through a slot: the
   forward method when a is a Decimal, else the reflected one of b. */
static PyObject *arith_fallback(Registry *r, int op, PyObject *a,
                                PyObject *b)
{
    if (is_decimal(a)) {
        return PyObject_CallFunctionObjArgs(r->forward[op], a, b, NULL);
    }
    return PyObject_CallFunctionObjArgs(r->reflected[op], b, a, NULL);
}

/* a op b in C, or NOT_HANDLED. */
static PyObject *arith_small(Registry *r, int op, Small x, Small y)
{
    PyObject *ctx = current_context();
    if (ctx == NULL) {
        return NULL;
    }
    Bounds b;
    int usable = get_bounds(r, ctx, &b);
    PyObject *result = usable < 0 ? NULL : NOT_HANDLED;
    Small v;
    if (usable > 0) {
        if (op == MUL) {
            v.sign = x.sign ^ y.sign;
            v.exp = x.exp + y.exp;
            if (!__builtin_mul_overflow(x.coef, y.coef, &v.coef)) {
                result = fix_small(r, ctx, &b, v);
            }
        }
        else if (op == DIV ? exact_quotient(x, y, &b, &v)
                           : exact_sum(x, y, op == SUB, &b, &v)) {
            result = fix_small(r, ctx, &b, v);
        }
    }
    Py_DECREF(ctx);
    return result;
}

/* The nb_add, nb_subtract, nb_multiply and nb_true_divide slots. */
static PyObject *arith(int op, PyObject *a, PyObject *b)
{
    Registry *r = load_registry();
    if (r == NULL) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    Small x, y;
    if (small_of(a, &x) && small_of(b, &y)) {
        PyObject *result = arith_small(r, op, x, y);
        if (result != NOT_HANDLED) {
            return result;
        }
    }
    return arith_fallback(r, op, a, b);
}

static PyObject *dec_add(PyObject *a, PyObject *b) { return arith(ADD, a, b); }
static PyObject *dec_sub(PyObject *a, PyObject *b) { return arith(SUB, a, b); }
static PyObject *dec_mul(PyObject *a, PyObject *b) { return arith(MUL, a, b); }
static PyObject *dec_div(PyObject *a, PyObject *b) { return arith(DIV, a, b); }

/* -a, +a, abs(a): the value rounded to the context; zeros (whose sign
   depends on the rounding) and the rest go to Python. */
static PyObject *unary(int op, PyObject *self)
{
    Registry *r = load_registry();
    if (r == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "_decimal_core is not set up");
        return NULL;
    }
    Small x;
    if (small_of(self, &x) && x.coef != 0) {
        x.sign = op == NEG ? 1 - x.sign : op == POS ? x.sign : 0;
        PyObject *ctx = current_context();
        if (ctx == NULL) {
            return NULL;
        }
        Bounds b;
        int usable = get_bounds(r, ctx, &b);
        PyObject *result = usable < 0 ? NULL
                           : usable ? fix_small(r, ctx, &b, x) : NOT_HANDLED;
        Py_DECREF(ctx);
        if (result != NOT_HANDLED) {
            return result;
        }
    }
    return PyObject_CallOneArg(r->unary[op], self);
}

static PyObject *dec_neg(PyObject *a) { return unary(NEG, a); }
static PyObject *dec_pos(PyObject *a) { return unary(POS, a); }
static PyObject *dec_abs(PyObject *a) { return unary(ABS, a); }

/* bool(d): specials are true, finite values when non-zero. */
static int dec_bool(PyObject *self)
{
    DecObject *d = (DecObject *)self;
    if (d->special == NULL || d->coef == NULL) {
        PyErr_SetString(PyExc_AttributeError, "Decimal has no value");
        return -1;
    }
    if (d->special == Py_True) {
        return 1;
    }
    return PyObject_IsTrue(d->coef);
}

/* ------------------------------------------------------------------ */
/* Hashing: a finite value's hash is coefficient * 10**exp modulo the
   hash modulus (a prime), with 10**-1 the inverse of 10, as for every
   number type; big coefficients and specials go to Python. */

#define HASH_MODULUS ((uint64_t)PyHASH_MODULUS)

static uint64_t mul_mod(uint64_t a, uint64_t b)
{
    return (uint64_t)(((u128)a * b) % HASH_MODULUS);
}

static uint64_t pow_mod(uint64_t base, uint64_t exp)
{
    uint64_t result = 1;
    while (exp) {
        if (exp & 1) {
            result = mul_mod(result, base);
        }
        base = mul_mod(base, base);
        exp >>= 1;
    }
    return result;
}

/* 10 * hash_inverse_10 == 1 (mod M), M being prime: set by the
   module's exec with pow10_values, read-only afterwards. */
static uint64_t hash_inverse_10;

static Py_hash_t dec_hash(PyObject *self)
{
    Registry *r = load_registry();
    Small x;
    if (r != NULL && small_of(self, &x)) {
        uint64_t scale = x.exp >= 0 ? pow_mod(10, (uint64_t)x.exp)
                                    : pow_mod(hash_inverse_10,
                                              (uint64_t)-x.exp);
        uint64_t value = mul_mod((uint64_t)(x.coef % HASH_MODULUS), scale);
        Py_hash_t result = x.sign ? -(Py_hash_t)value : (Py_hash_t)value;
        return result == -1 ? -2 : result;
    }
    if (r == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "_decimal_core is not set up");
        return -1;
    }
    PyObject *hash = PyObject_CallOneArg(r->hash, self);
    if (hash == NULL) {
        return -1;
    }
    Py_hash_t result = PyLong_AsSsize_t(hash);
    Py_DECREF(hash);
    return result;
}

/* ------------------------------------------------------------------ */
/* Comparisons */

/* -1, 0 or 1, as ops.compare_values for finite values. */
static int compare_small(Small x, Small y)
{
    if (x.coef == 0 || y.coef == 0) {
        if (x.coef == 0 && y.coef == 0) {
            return 0;
        }
        if (x.coef == 0) {
            return y.sign ? 1 : -1;
        }
        return x.sign ? -1 : 1;
    }
    if (x.sign != y.sign) {
        return x.sign ? -1 : 1;
    }
    int direction = x.sign ? -1 : 1;
    int64_t x_adj = x.exp + count_digits(x.coef) - 1;
    int64_t y_adj = y.exp + count_digits(y.coef) - 1;
    if (x_adj != y_adj) {
        return x_adj > y_adj ? direction : -direction;
    }
    /* Equal adjusted exponents: the exponents differ by less than
       MAX_DIGITS + 1, and the aligned coefficients stay below
       10**(MAX_DIGITS + 1) but may exceed a u128: compare the shorter
       one scaled against the longer one. */
    u128 xs = x.coef, ys = y.coef;
    if (x.exp > y.exp && !scale_up(x.coef, x.exp - y.exp, &xs)) {
        return direction;
    }
    if (y.exp > x.exp && !scale_up(y.coef, y.exp - x.exp, &ys)) {
        return -direction;
    }
    if (xs == ys) {
        return 0;
    }
    return xs > ys ? direction : -direction;
}

static PyObject *dec_richcompare(PyObject *self, PyObject *other, int op)
{
    Registry *r = load_registry();
    if (r == NULL) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    Small x, y;
    if (small_of(self, &x) && small_of(other, &y)) {
        int order = compare_small(x, y);
        Py_RETURN_RICHCOMPARE(order, 0, op);
    }
    return PyObject_CallFunctionObjArgs(r->compare[op], self, other, NULL);
}

/* ------------------------------------------------------------------ */
/* quantize */

/* self.quantize(exp, rounding) in C under the current context, or
   NOT_HANDLED; ops.quantize_op's cases without signals other than
   Rounded and Inexact. */
static PyObject *quantize_small(Registry *r, Small a, Small q,
                                PyObject *rounding)
{
    int mode = -1;
    if (rounding != Py_None && (mode = rounding_of(r, rounding)) < 0) {
        return NOT_HANDLED;     /* Python raises the TypeError */
    }
    PyObject *ctx = current_context();
    if (ctx == NULL) {
        return NULL;
    }
    Bounds b;
    int usable = get_bounds(r, ctx, &b);
    PyObject *result = usable < 0 ? NULL : NOT_HANDLED;
    if (usable <= 0 || a.coef == 0 || !bounds_fit(&b, a.coef) ||
        q.exp < b.lowest || q.exp > b.highest) {
        goto done;
    }
    Small v = {a.sign, a.coef, q.exp};
    if (q.exp <= a.exp) {
        if (scale_up(a.coef, a.exp - q.exp, &v.coef) &&
            bounds_fit(&b, v.coef)) {
            result = finite_from_c(v.sign, v.coef, v.exp);
        }
        goto done;
    }
    if (q.exp - a.exp > MAX_DIGITS) {
        goto done;
    }
    if (mode < 0 && (mode = context_rounding(r, ctx)) < 0) {
        goto done;
    }
    int inexact = drop_digits(mode, a.sign, &v.coef, (int)(q.exp - a.exp));
    if (!bounds_fit(&b, v.coef)) {
        goto done;
    }
    int committed = commit_rounding(r, ctx, inexact);
    if (committed > 0) {
        result = finite_from_c(v.sign, v.coef, v.exp);
    }
    else if (committed < 0) {
        result = NULL;
    }
done:
    Py_DECREF(ctx);
    return result;
}

/* Positional and keyword arguments (exp, rounding=None, context=None)
   into out[3] (borrowed).  1 on success; 0 for anything else, which the
   Python method then reports. */
static int quantize_args(PyObject *const *args, Py_ssize_t nargs,
                         PyObject *kwnames, PyObject *out[3])
{
    static const char *const names[3] = {"exp", "rounding", "context"};
    out[0] = NULL;
    out[1] = out[2] = Py_None;
    if (nargs > 3) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        out[i] = args[i];
    }
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, k);
        int slot = -1;
        for (int i = (int)nargs; i < 3 && slot < 0; i++) {
            if (PyUnicode_EqualToUTF8(key, names[i])) {
                slot = i;
            }
        }
        if (slot < 0) {
            return 0;
        }
        out[slot] = args[nargs + k];
    }
    return out[0] != NULL;
}

/* Call the Python quantize with self and the original arguments. */
static PyObject *quantize_fallback(Registry *r, PyObject *self,
                                   PyObject *const *args, Py_ssize_t nargs,
                                   PyObject *kwnames)
{
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    Py_ssize_t total = nargs + nkw;
    PyObject *small[8];
    PyObject **stack = small;
    if (total + 1 > 8) {
        stack = PyMem_Malloc((size_t)(total + 1) * sizeof(PyObject *));
        if (stack == NULL) {
            return PyErr_NoMemory();
        }
    }
    stack[0] = self;
    for (Py_ssize_t i = 0; i < total; i++) {
        stack[i + 1] = args[i];
    }
    PyObject *result = PyObject_Vectorcall(r->quantize, stack, nargs + 1,
                                           kwnames);
    if (stack != small) {
        PyMem_Free(stack);
    }
    return result;
}

static PyObject *dec_quantize(PyObject *self, PyObject *const *args,
                              Py_ssize_t nargs, PyObject *kwnames)
{
    Registry *r = load_registry();
    if (r == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "_decimal_core is not set up");
        return NULL;
    }
    PyObject *parsed[3];
    Small a, q;
    if (quantize_args(args, nargs, kwnames, parsed) &&
        parsed[2] == Py_None && Py_TYPE(parsed[0]) == decimal_type &&
        small_of(self, &a) && small_of(parsed[0], &q)) {
        PyObject *result = quantize_small(r, a, q, parsed[1]);
        if (result != NOT_HANDLED) {
            return result;
        }
    }
    return quantize_fallback(r, self, args, nargs, kwnames);
}

/* ------------------------------------------------------------------ */
/* Construction from Python */

/* Decimal(value) for an int of machine size or a Decimal, with no
   context: exact, no signal.  NOT_HANDLED otherwise. */
static PyObject *new_exact(PyObject *value)
{
    if (Py_TYPE(value) == decimal_type) {
        return Py_NewRef(value);    /* immutable: no copy */
    }
    Small v;
    if (!PyLong_CheckExact(value) || !small_of(value, &v)) {
        return NOT_HANDLED;
    }
    return finite_from_c(v.sign, v.coef, 0);
}

/* tp_new: Decimal(value="0", context=None).  The exact conversions of
   a plain Decimal are made here; everything else (strings, floats,
   tuples, contexts, subclasses) by the Python constructor. */
static PyObject *dec_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Registry *r = load_registry();
    if (r == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "_decimal_core is not set up");
        return NULL;
    }
    if (type == decimal_type && PyTuple_GET_SIZE(args) == 1 &&
        (kwds == NULL || PyDict_GET_SIZE(kwds) == 0)) {
        PyObject *result = new_exact(PyTuple_GET_ITEM(args, 0));
        if (result != NOT_HANDLED) {
            return result;
        }
    }
    PyObject *full = PyTuple_New(PyTuple_GET_SIZE(args) + 1);
    if (full == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(full, 0, Py_NewRef((PyObject *)type));
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        PyTuple_SET_ITEM(full, i + 1, Py_NewRef(PyTuple_GET_ITEM(args, i)));
    }
    PyObject *result = PyObject_Call(r->construct, full, kwds);
    Py_DECREF(full);
    return result;
}

/* _new_as(cls, sign, coefficient, exponent, is_special): an instance of
   a DecimalBase subclass with these parts (the Python constructor's
   subclass case).  The parts are read-only afterwards. */
static PyObject *core_new_as(PyObject *m, PyObject *const *args,
                             Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_new_as", nargs, 5, 5)) {
        return NULL;
    }
    PyObject *cls = args[0];
    if (!PyType_Check(cls) ||
        !PyType_IsSubtype((PyTypeObject *)cls, &DecimalBase_Type)) {
        PyErr_SetString(PyExc_TypeError, "expected a Decimal subclass");
        return NULL;
    }
    PyTypeObject *type = (PyTypeObject *)cls;
    DecObject *d = (DecObject *)type->tp_alloc(type, 0);
    if (d == NULL) {
        return NULL;
    }
    d->sign = Py_NewRef(args[1]);
    d->coef = Py_NewRef(args[2]);
    d->exp = Py_NewRef(args[3]);
    d->special = Py_NewRef(args[4]);
    return (PyObject *)d;
}

/* ------------------------------------------------------------------ */
/* The type */

static void dec_dealloc(PyObject *op)
{
    DecObject *d = (DecObject *)op;
    PyTypeObject *type = Py_TYPE(op);
    Py_CLEAR(d->sign);
    Py_CLEAR(d->coef);
    Py_CLEAR(d->exp);
    Py_CLEAR(d->special);
    type->tp_free(op);
}

static PyMemberDef dec_members[] = {
    {"_sign", Py_T_OBJECT_EX, offsetof(DecObject, sign), Py_READONLY, NULL},
    {"_int", Py_T_OBJECT_EX, offsetof(DecObject, coef), Py_READONLY, NULL},
    {"_exp", Py_T_OBJECT_EX, offsetof(DecObject, exp), Py_READONLY, NULL},
    {"_is_special", Py_T_OBJECT_EX, offsetof(DecObject, special),
     Py_READONLY, NULL},
    {NULL},
};

static PyMethodDef dec_methods[] = {
    {"quantize", _PyCFunction_CAST(dec_quantize),
     METH_FASTCALL | METH_KEYWORDS,
     "quantize($self, /, exp, rounding=None, context=None)\n--\n\n"
     "self rounded to the exponent of exp."},
    {NULL},
};

static PyNumberMethods dec_as_number = {
    .nb_negative = dec_neg,
    .nb_positive = dec_pos,
    .nb_absolute = dec_abs,
    .nb_bool = dec_bool,
    .nb_add = dec_add,
    .nb_subtract = dec_sub,
    .nb_multiply = dec_mul,
    .nb_true_divide = dec_div,
};

static PyTypeObject DecimalBase_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "_decimal_core.DecimalBase",
    .tp_basicsize = sizeof(DecObject),
    .tp_dealloc = dec_dealloc,
    .tp_as_number = &dec_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "The C storage and fast paths of decimal.Decimal.",
    .tp_hash = dec_hash,
    .tp_richcompare = dec_richcompare,
    .tp_methods = dec_methods,
    .tp_members = dec_members,
    .tp_new = dec_new,
};

/* ------------------------------------------------------------------ */
/* Registration */

/* _set_decimal_type(Decimal): the class _make and _finite build.  Once
   only (under the import of _decimal_impl.number). */
static PyObject *core_set_decimal_type(PyObject *m, PyObject *type)
{
    if (!PyType_Check(type) ||
        !PyType_IsSubtype((PyTypeObject *)type, &DecimalBase_Type) ||
        ((PyTypeObject *)type)->tp_basicsize != sizeof(DecObject)) {
        PyErr_SetString(PyExc_TypeError,
                        "expected a DecimalBase subclass without new slots");
        return NULL;
    }
    if (__atomic_load_n(&decimal_type, __ATOMIC_ACQUIRE) != NULL) {
        PyErr_SetString(PyExc_RuntimeError, "Decimal is already registered");
        return NULL;
    }
    /* Kept alive for the life of the process, as the slots use it. */
    __atomic_store_n(&decimal_type, (PyTypeObject *)Py_NewRef(type),
                     __ATOMIC_RELEASE);
    Py_RETURN_NONE;
}

/* Fill dst[0..n) with n strong references from the sequence seq. */
static int take_items(PyObject *seq, Py_ssize_t n, PyObject **dst,
                      const char *what)
{
    if (!PyTuple_Check(seq) || PyTuple_GET_SIZE(seq) != n) {
        PyErr_Format(PyExc_TypeError, "%s must be a tuple of %zd", what, n);
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        dst[i] = Py_NewRef(PyTuple_GET_ITEM(seq, i));
    }
    return 0;
}

/* The member definition of type's slot `name` into *out (borrowed from
   the type, which the registry keeps alive). */
static int find_member(PyTypeObject *type, PyObject *name, PyMemberDef **out)
{
    PyObject *descr = PyObject_GetAttr((PyObject *)type, name);
    if (descr == NULL) {
        return -1;
    }
    int ok = Py_IS_TYPE(descr, &PyMemberDescr_Type) &&
             ((PyMemberDescrObject *)descr)->d_member->type == Py_T_OBJECT_EX;
    if (ok) {
        *out = ((PyMemberDescrObject *)descr)->d_member;
    }
    else {
        PyErr_Format(PyExc_TypeError, "%R is not a slot of %s", name,
                     type->tp_name);
    }
    Py_DECREF(descr);
    return ok ? 0 : -1;
}

static int find_fields(Registry *r)
{
    for (int i = 0; i < N_FIELDS; i++) {
        r->names[i] = PyUnicode_InternFromString(field_names[i]);
        if (r->names[i] == NULL) {
            return -1;
        }
        PyTypeObject *owner = i == F_VALUES ? r->signals_type
                                            : r->context_type;
        if (find_member(owner, r->names[i], &r->members[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Release a registry that was never published (calloc'd: unset
   entries are NULL). */
static void registry_free(Registry *r)
{
    PyObject **groups[] = {r->forward, r->reflected, r->compare, r->unary,
                           r->signal, r->rounding, r->names};
    Py_ssize_t sizes[] = {N_ARITH, N_ARITH, 6, N_UNARY, 2, N_ROUNDING,
                          N_FIELDS};
    for (size_t g = 0; g < sizeof(sizes) / sizeof(sizes[0]); g++) {
        for (Py_ssize_t i = 0; i < sizes[g]; i++) {
            Py_XDECREF(groups[g][i]);
        }
    }
    Py_XDECREF(r->quantize);
    Py_XDECREF(r->construct);
    Py_XDECREF(r->hash);
    Py_XDECREF(r->context_type);
    Py_XDECREF(r->signals_type);
    PyMem_RawFree(r);
}

/* _setup(Context, SignalDict, forward, reflected, compare, unary,
          quantize, construct, hash, signals, roundings): the Python
   side of the core.  forward/reflected: the (add, sub, mul, truediv)
   methods;
   compare: the six rich comparisons in Py_LT..Py_GE order; unary:
   (neg, pos, abs); construct(cls, value="0", context=None) makes a
   Decimal; signals: (Inexact, Rounded); roundings: the eight names in
   CEILING, FLOOR, UP, DOWN, HALF_UP, HALF_DOWN, HALF_EVEN, 05UP order.
   Once only.  The registry is immortal: slots of live Decimals may
   read it at any time. */
static PyObject *core_setup(PyObject *m, PyObject *args)
{
    PyObject *fwd, *refl, *cmp, *unary_ops, *quantize, *construct, *hash,
             *signals, *roundings;
    PyTypeObject *context_type, *signals_type;
    if (!PyArg_ParseTuple(args, "O!O!OOOOOOOOO:_setup", &PyType_Type,
                          &context_type, &PyType_Type, &signals_type, &fwd,
                          &refl, &cmp, &unary_ops, &quantize, &construct,
                          &hash, &signals, &roundings)) {
        return NULL;
    }
    if (load_registry() != NULL) {
        PyErr_SetString(PyExc_RuntimeError, "_decimal_core is already set up");
        return NULL;
    }
    Registry *r = PyMem_RawCalloc(1, sizeof(Registry));
    if (r == NULL) {
        return PyErr_NoMemory();
    }
    r->context_type = (PyTypeObject *)Py_NewRef(context_type);
    r->signals_type = (PyTypeObject *)Py_NewRef(signals_type);
    r->quantize = Py_NewRef(quantize);
    r->construct = Py_NewRef(construct);
    r->hash = Py_NewRef(hash);
    if (take_items(fwd, N_ARITH, r->forward, "forward") < 0 ||
        take_items(refl, N_ARITH, r->reflected, "reflected") < 0 ||
        take_items(cmp, 6, r->compare, "compare") < 0 ||
        take_items(unary_ops, N_UNARY, r->unary, "unary") < 0 ||
        take_items(signals, 2, r->signal, "signals") < 0 ||
        take_items(roundings, N_ROUNDING, r->rounding, "roundings") < 0 ||
        find_fields(r) < 0) {
        registry_free(r);
        return NULL;
    }
    __atomic_store_n(&registry, r, __ATOMIC_RELEASE);
    Py_RETURN_NONE;
}

static PyMethodDef core_functions[] = {
    {"_make", _PyCFunction_CAST(core_make), METH_FASTCALL,
     "_make($module, sign, coefficient, exponent, /)\n--\n\n"
     "A Decimal from its parts, unchecked."},
    {"_finite", _PyCFunction_CAST(core_finite), METH_FASTCALL,
     "_finite($module, sign, coefficient, exponent, /)\n--\n\n"
     "A finite Decimal from its parts, unchecked."},
    {"_new_as", _PyCFunction_CAST(core_new_as), METH_FASTCALL,
     "_new_as($module, cls, sign, coefficient, exponent, is_special, /)"
     "\n--\n\nAn instance of a Decimal subclass with these parts."},
    {"getcontext", core_getcontext, METH_NOARGS,
     "getcontext($module, /)\n--\n\n"
     "The current context of this thread or task (created on first use)."},
    {"_thread_token", core_thread_token, METH_NOARGS,
     "_thread_token($module, /)\n--\n\n"
     "This thread's token, made on first use."},
    {"_set_context_var", core_set_context_var, METH_VARARGS,
     "Register the current context's variable (once)."},
    {"_set_decimal_type", core_set_decimal_type, METH_O,
     "Register decimal.Decimal (once)."},
    {"_setup", core_setup, METH_VARARGS,
     "Register the Python implementation behind the fast paths (once)."},
    {NULL, NULL, 0, NULL},
};

static int core_exec(PyObject *m)
{
    fill_pow10();
    if (hash_inverse_10 == 0) {
        hash_inverse_10 = pow_mod(10, HASH_MODULUS - 2);
    }
    if (PyType_Ready(&DecimalBase_Type) < 0) {
        return -1;
    }
    return PyModule_AddObjectRef(m, "DecimalBase",
                                 (PyObject *)&DecimalBase_Type);
}

static PyModuleDef_Slot core_slots[] = {
    {Py_mod_exec, core_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef core_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_decimal_core",
    .m_doc = "The C core of decimal: Decimal storage and fast paths.",
    .m_size = 0,
    .m_methods = core_functions,
    .m_slots = core_slots,
};

PyMODINIT_FUNC
PyInit__decimal_core(void)
{
    return PyModuleDef_Init(&core_module);
}
