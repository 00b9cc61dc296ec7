/* int arithmetic: the algorithms on digit arrays (schoolbook and Karatsuba
   multiplication, Knuth's division), the number protocol of int
   (_PyLong_NumberMethods, used by PyLong_Type in Objects/longobject.c),
   comparison, hashing, powers, gcd and conversion to float.

   Thread safety: operands are immutable ints and results are private to
   the calling thread until returned; nothing here locks. */

#include "Python.h"
#include "pycore_long.h"
#include "pycore_long_impl.h"

#include <float.h>

/* Both operands of a binary slot must be ints, or the other type gets
   its turn. */
#define CHECK_BINOP(v, w)                               \
    do {                                                \
        if (!PyLong_Check(v) || !PyLong_Check(w)) {     \
            Py_RETURN_NOTIMPLEMENTED;                   \
        }                                               \
    } while (0)

/* Multiplication switches from the schoolbook method to Karatsuba when
   both operands have at least this many digits. */
#define KARATSUBA_CUTOFF 70

/* Exponents with more bits than this use a 5-bit window. */
#define HUGE_EXP_CUTOFF 60
#define EXP_WINDOW_SIZE 5
#define EXP_TABLE_LEN (1 << (EXP_WINDOW_SIZE - 1))

/* ======================================================================
   Magnitude arithmetic on digit arrays
   ====================================================================== */

/* z[0:na] = a[0:na] + b[0:nb] for na >= nb; returns the carry out.  z may
   alias a. */
static digit
digits_add(digit *z, const digit *a, Py_ssize_t na, const digit *b, Py_ssize_t nb)
{
    digit carry = 0;
    Py_ssize_t i = 0;
    for (; i < nb; i++) {
        carry += a[i] + b[i];
        z[i] = carry & PyLong_MASK;
        carry >>= PyLong_SHIFT;
    }
    for (; i < na; i++) {
        carry += a[i];
        z[i] = carry & PyLong_MASK;
        carry >>= PyLong_SHIFT;
    }
    return carry;
}

/* z[0:na] = a[0:na] - b[0:nb] for na >= nb; returns the borrow out (1 if
   b > a, z then holding the BASE**na complement).  z may alias a. */
static digit
digits_sub(digit *z, const digit *a, Py_ssize_t na, const digit *b, Py_ssize_t nb)
{
    digit borrow = 0;
    Py_ssize_t i = 0;
    for (; i < nb; i++) {
        borrow = a[i] - b[i] - borrow;
        z[i] = borrow & PyLong_MASK;
        borrow = (borrow >> PyLong_SHIFT) & 1;
    }
    for (; i < na; i++) {
        borrow = a[i] - borrow;
        z[i] = borrow & PyLong_MASK;
        borrow = (borrow >> PyLong_SHIFT) & 1;
    }
    return borrow;
}

/* Compare magnitudes of equal length n: -1, 0 or 1. */
static int
digits_cmp(const digit *a, const digit *b, Py_ssize_t n)
{
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        if (a[i] != b[i]) {
            return a[i] < b[i] ? -1 : 1;
        }
    }
    return 0;
}


/* z[0:na+nb] = a * b by the schoolbook method, one row per digit of a
   (so a should be the shorter: the per-row overhead is paid na times).
   z must not overlap.  The first row stores into z; the later rows add
   into the digits the earlier ones wrote, so z needs no clearing. */
static void
digits_mul_school(digit *z, const digit *a, Py_ssize_t na,
                  const digit *b, Py_ssize_t nb)
{
    twodigits a0 = a[0], carry = 0;
    for (Py_ssize_t j = 0; j < nb; j++) {
        carry += a0 * b[j];
        z[j] = (digit)(carry & PyLong_MASK);
        carry >>= PyLong_SHIFT;
    }
    z[nb] = (digit)carry;
    for (Py_ssize_t i = 1; i < na; i++) {
        twodigits ai = a[i];
        digit *row = z + i;
        if (ai == 0) {
            row[nb] = 0;
            continue;
        }
        /* Row i adds into z[i .. i+nb-1] and sets z[i+nb].  The sum fits:
           digit + digit*digit + carry < 2**61. */
        carry = 0;
        for (Py_ssize_t j = 0; j < nb; j++) {
            carry += row[j] + ai * b[j];
            row[j] = (digit)(carry & PyLong_MASK);
            carry >>= PyLong_SHIFT;
        }
        row[nb] = (digit)carry;
    }
}

/* z[0:na+nb] += ...: add a[0:n] into z starting at offset, propagating the
   carry; the true sum must fit in z[0:nz]. */
static void
digits_add_into(digit *z, Py_ssize_t nz, const digit *a, Py_ssize_t n)
{
    digit carry = digits_add(z, z, n, a, n);
    for (Py_ssize_t i = n; carry && i < nz; i++) {
        carry += z[i];
        z[i] = carry & PyLong_MASK;
        carry >>= PyLong_SHIFT;
    }
}

static int digits_mul(digit *z, const digit *a, Py_ssize_t na,
                      const digit *b, Py_ssize_t nb);

/* a much longer than b (na >= 2 * nb): multiply b by nb-digit slices of a,
   each a balanced product. */
static int
digits_mul_lopsided(digit *z, const digit *a, Py_ssize_t na,
                    const digit *b, Py_ssize_t nb)
{
    digit *product = PyMem_Malloc((size_t)(2 * nb) * sizeof(digit));
    if (product == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memset(z, 0, (size_t)(na + nb) * sizeof(digit));
    for (Py_ssize_t offset = 0; offset < na; offset += nb) {
        Py_ssize_t slice = Py_MIN(nb, na - offset);
        if (digits_mul(product, b, nb, a + offset, slice) < 0) {
            PyMem_Free(product);
            return -1;
        }
        digits_add_into(z + offset, na + nb - offset, product, slice + nb);
    }
    PyMem_Free(product);
    return 0;
}

/* Karatsuba with a split at s digits, na >= nb > s:
   a = ah*B**s + al, b = bh*B**s + bl,
   a*b = ah*bh*B**2s + ((al+ah)(bl+bh) - al*bl - ah*bh)*B**s + al*bl.
   The outer products are computed straight into z. */
static int
digits_mul_karatsuba(digit *z, const digit *a, Py_ssize_t na,
                     const digit *b, Py_ssize_t nb)
{
    int square = a == b && na == nb;
    Py_ssize_t s = na / 2;
    Py_ssize_t nah = na - s, nbh = nb - s;
    Py_ssize_t nsa = nah + 1;                  /* al + ah */
    Py_ssize_t nsb = Py_MAX(s, nbh) + 1;       /* bl + bh */
    Py_ssize_t nmid = nsa + nsb;
    digit *buffer = PyMem_Malloc((size_t)(nsa + nsb + nmid) * sizeof(digit));
    if (buffer == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    digit *sum_a = buffer, *sum_b = buffer + nsa, *mid = buffer + nsa + nsb;

    /* z[0:2s] = al*bl and z[2s:na+nb] = ah*bh. */
    if (digits_mul(z, a, s, b, s) < 0
        || digits_mul(z + 2 * s, a + s, nah, b + s, nbh) < 0) {
        goto error;
    }
    sum_a[nah] = digits_add(sum_a, a + s, nah, a, s);
    if (square) {
        if (digits_mul(mid, sum_a, nsa, sum_a, nsa) < 0) {
            goto error;
        }
        nmid = 2 * nsa;
    }
    else {
        if (nbh >= s) {
            sum_b[nbh] = digits_add(sum_b, b + s, nbh, b, s);
        }
        else {
            sum_b[s] = digits_add(sum_b, b, s, b + s, nbh);
        }
        if (digits_mul(mid, sum_a, nsa, sum_b, nsb) < 0) {
            goto error;
        }
    }
    /* mid -= al*bl and ah*bh; the difference is non-negative. */
    (void)digits_sub(mid, mid, nmid, z, 2 * s);
    (void)digits_sub(mid, mid, nmid, z + 2 * s, nah + nbh);
    nmid = digits_normalized_length(mid, nmid);
    digits_add_into(z + s, na + nb - s, mid, nmid);
    PyMem_Free(buffer);
    return 0;

error:
    PyMem_Free(buffer);
    return -1;
}

/* z[0:na+nb] = a * b.  z must not overlap a or b.  Returns 0, or -1 with
   MemoryError set. */
static int
digits_mul(digit *z, const digit *a, Py_ssize_t na, const digit *b, Py_ssize_t nb)
{
    if (na < nb) {
        const digit *t = a;
        a = b;
        b = t;
        Py_ssize_t tn = na;
        na = nb;
        nb = tn;
    }
    if (nb < KARATSUBA_CUTOFF) {
        if (nb == 0) {
            memset(z, 0, (size_t)na * sizeof(digit));
            return 0;
        }
        digits_mul_school(z, b, nb, a, na);
        return 0;
    }
    if (2 * nb <= na) {
        return digits_mul_lopsided(z, a, na, b, nb);
    }
    return digits_mul_karatsuba(z, a, na, b, nb);
}

/* q[0:n] = a[0:n] // d, returning a % d.  q may alias a. */
static digit
digits_divrem1(digit *q, const digit *a, Py_ssize_t n, digit d)
{
    twodigits rem = 0;
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        rem = (rem << PyLong_SHIFT) | a[i];
        q[i] = (digit)(rem / d);
        rem %= d;
    }
    return (digit)rem;
}


/* z[0:n] = a[0:n] << shift (0 <= shift < PyLong_SHIFT); returns the bits
   shifted out of the top. */
static digit
digits_lshift(digit *z, const digit *a, Py_ssize_t n, int shift)
{
    digit carry = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        twodigits acc = ((twodigits)a[i] << shift) | carry;
        z[i] = (digit)acc & PyLong_MASK;
        carry = (digit)(acc >> PyLong_SHIFT);
    }
    return carry;
}

/* z[0:n] = a[0:n] >> shift (0 <= shift < PyLong_SHIFT); returns the bits
   shifted out of the bottom, in the low bits. */
static digit
digits_rshift(digit *z, const digit *a, Py_ssize_t n, int shift)
{
    digit carry = 0;
    digit mask = ((digit)1 << shift) - 1;
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        twodigits acc = ((twodigits)carry << PyLong_SHIFT) | a[i];
        carry = a[i] & mask;
        z[i] = (digit)(acc >> shift);
    }
    return carry;
}

/* Knuth's algorithm D (TAOCP 4.3.1): q = a // b, r = a % b for magnitudes
   with nb >= 2 and na >= nb.  q has na - nb + 1 digits, r has nb digits.
   Returns 0, or -1 with MemoryError set. */
static int
digits_divrem_knuth(digit *q, digit *r, const digit *a, Py_ssize_t na,
                    const digit *b, Py_ssize_t nb)
{
    /* Normalise so the divisor's top digit has its high bit set; then
       the quotient-digit estimate is at most 2 too large. */
    int shift = PyLong_SHIFT - bit_length_digit(b[nb - 1]);
    digit *u = PyMem_Malloc((size_t)(na + 1 + nb) * sizeof(digit));
    if (u == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    digit *v = u + na + 1;
    (void)digits_lshift(v, b, nb, shift);
    u[na] = digits_lshift(u, a, na, shift);

    digit vtop = v[nb - 1], vnext = v[nb - 2];
    for (Py_ssize_t j = na - nb; j >= 0; j--) {
        digit *window = u + j;          /* window[0 .. nb] */
        twodigits top = ((twodigits)window[nb] << PyLong_SHIFT) | window[nb - 1];
        twodigits qhat = top / vtop;
        twodigits rhat = top % vtop;
        while (qhat >= PyLong_BASE
               || qhat * vnext > ((rhat << PyLong_SHIFT) | window[nb - 2])) {
            qhat--;
            rhat += vtop;
            if (rhat >= PyLong_BASE) {
                break;
            }
        }
        if (qhat == 0) {
            /* Nothing to subtract (common for a short quotient). */
            q[j] = 0;
            continue;
        }
        /* window -= qhat * v */
        stwodigits borrow = 0;
        twodigits carry = 0;
        for (Py_ssize_t i = 0; i < nb; i++) {
            twodigits product = qhat * v[i] + carry;
            carry = product >> PyLong_SHIFT;
            stwodigits t = (stwodigits)window[i]
                           - (stwodigits)(product & PyLong_MASK) + borrow;
            window[i] = (digit)t & PyLong_MASK;
            borrow = Py_ARITHMETIC_RIGHT_SHIFT(stwodigits, t, PyLong_SHIFT);
        }
        stwodigits t = (stwodigits)window[nb] - (stwodigits)carry + borrow;
        window[nb] = (digit)t & PyLong_MASK;
        if (t < 0) {
            /* qhat was one too large (rare): add v back. */
            qhat--;
            digit c = digits_add(window, window, nb, v, nb);
            window[nb] = (window[nb] + c) & PyLong_MASK;
        }
        q[j] = (digit)qhat;
    }
    (void)digits_rshift(r, u, nb, shift);
    PyMem_Free(u);
    return 0;
}

/* ======================================================================
   Signed arithmetic on int objects
   ====================================================================== */

/* |a| + |b| as a new positive int under construction. */
static PyLongObject *
long_add_abs(const PyLongObject *a, const PyLongObject *b)
{
    Py_ssize_t na = NDIGITS(a), nb = NDIGITS(b);
    if (na < nb) {
        const PyLongObject *t = a;
        a = b;
        b = t;
        Py_ssize_t tn = na;
        na = nb;
        nb = tn;
    }
    PyLongObject *z = _PyLong_New(na + 1);
    if (z == NULL) {
        return NULL;
    }
    DIGITS(z)[na] = digits_add(DIGITS(z), DIGITS(a), na, DIGITS(b), nb);
    return z;
}

/* |a| - |b| as a new int under construction (negative if |b| > |a|). */
static PyLongObject *
long_sub_abs(const PyLongObject *a, const PyLongObject *b)
{
    Py_ssize_t na = NDIGITS(a), nb = NDIGITS(b);
    int negative = 0;
    if (na < nb || (na == nb && digits_cmp(DIGITS(a), DIGITS(b), na) < 0)) {
        const PyLongObject *t = a;
        a = b;
        b = t;
        Py_ssize_t tn = na;
        na = nb;
        nb = tn;
        negative = 1;
    }
    PyLongObject *z = _PyLong_New(na);
    if (z == NULL) {
        return NULL;
    }
    (void)digits_sub(DIGITS(z), DIGITS(a), na, DIGITS(b), nb);
    if (negative) {
        _PyLong_FlipSign(z);
    }
    return z;
}

/* a + b, or a - b when negate_b. */
static PyObject *
long_add_signed(PyLongObject *a, PyLongObject *b, int negate_b)
{
    if (_PyLong_BothAreCompact(a, b)) {
        stwodigits x = _PyLong_CompactValue(a);
        stwodigits y = _PyLong_CompactValue(b);
        return _PyLong_FromSTwoDigits(negate_b ? x - y : x + y);
    }
    int a_negative = _PyLong_IsNegative(a);
    int b_negative = _PyLong_IsNegative(b) != negate_b && !_PyLong_IsZero(b);
    PyLongObject *z;
    if (a_negative == b_negative) {
        z = long_add_abs(a, b);
        if (z != NULL && a_negative) {
            _PyLong_FlipSign(z);
        }
    }
    else {
        z = a_negative ? long_sub_abs(b, a) : long_sub_abs(a, b);
    }
    return _PyLong_Finish(z);
}

PyObject *
_PyLong_Add(PyLongObject *a, PyLongObject *b)
{
    return long_add_signed(a, b, 0);
}

PyObject *
_PyLong_Subtract(PyLongObject *a, PyLongObject *b)
{
    return long_add_signed(a, b, 1);
}

PyObject *
_PyLong_Multiply(PyLongObject *a, PyLongObject *b)
{
    if (_PyLong_BothAreCompact(a, b)) {
        stwodigits x = _PyLong_CompactValue(a);
        stwodigits y = _PyLong_CompactValue(b);
        return _PyLong_FromSTwoDigits(x * y);
    }
    Py_ssize_t na = NDIGITS(a), nb = NDIGITS(b);
    if (na == 0 || nb == 0) {
        return small_int(0);
    }
    PyLongObject *z = _PyLong_New(na + nb);
    if (z == NULL) {
        return NULL;
    }
    if (digits_mul(DIGITS(z), DIGITS(a), na, DIGITS(b), nb) < 0) {
        Py_DECREF(z);
        return NULL;
    }
    if (_PyLong_IsNegative(a) != _PyLong_IsNegative(b)) {
        _PyLong_FlipSign(z);
    }
    return _PyLong_Finish(z);
}

static PyObject *
long_add(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return _PyLong_Add((PyLongObject *)a, (PyLongObject *)b);
}

static PyObject *
long_sub(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return _PyLong_Subtract((PyLongObject *)a, (PyLongObject *)b);
}

static PyObject *
long_mul(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return _PyLong_Multiply((PyLongObject *)a, (PyLongObject *)b);
}

/* ---- division --------------------------------------------------------- */

static void
raise_zero_division(void)
{
    PyErr_SetString(PyExc_ZeroDivisionError, "division by zero");
}

/* Truncating division of magnitudes, |a| = q*|b| + r, b != 0.  Either
   output may be NULL when not wanted.  Results are positive ints under
   construction (not normalised). */
static int
long_divrem_abs(const PyLongObject *a, const PyLongObject *b,
                PyLongObject **pq, PyLongObject **pr)
{
    Py_ssize_t na = NDIGITS(a), nb = NDIGITS(b);
    assert(nb > 0);
    PyLongObject *q = NULL, *r = NULL;
    if (na < nb || (na == nb && digits_cmp(DIGITS(a), DIGITS(b), na) < 0)) {
        /* Quotient zero, remainder a. */
        q = _PyLong_New(0);
        r = _PyLong_CopyAbs(a);
        if (q == NULL || r == NULL) {
            goto error;
        }
    }
    else if (nb == 1) {
        q = _PyLong_New(na);
        r = _PyLong_New(1);
        if (q == NULL || r == NULL) {
            goto error;
        }
        DIGITS(r)[0] = digits_divrem1(DIGITS(q), DIGITS(a), na, DIGITS(b)[0]);
    }
    else {
        q = _PyLong_New(na - nb + 1);
        r = _PyLong_New(nb);
        if (q == NULL || r == NULL) {
            goto error;
        }
        if (digits_divrem_knuth(DIGITS(q), DIGITS(r), DIGITS(a), na,
                                DIGITS(b), nb) < 0) {
            goto error;
        }
    }
    _PyLong_Normalize(q);
    _PyLong_Normalize(r);
    if (pq != NULL) {
        *pq = q;
    }
    else {
        Py_DECREF(q);
    }
    if (pr != NULL) {
        *pr = r;
    }
    else {
        Py_DECREF(r);
    }
    return 0;

error:
    Py_XDECREF(q);
    Py_XDECREF(r);
    return -1;
}

/* Floor division: a = q*b + r with r having b's sign (or zero).  Either
   output may be NULL.  Returns 0, or -1 with an exception set. */
static int
long_divmod_floor(PyLongObject *a, PyLongObject *b,
                  PyObject **pq, PyObject **pr)
{
    if (_PyLong_IsZero(b)) {
        raise_zero_division();
        return -1;
    }
    if (_PyLong_BothAreCompact(a, b)) {
        stwodigits x = _PyLong_CompactValue(a);
        stwodigits y = _PyLong_CompactValue(b);
        stwodigits q = x / y, r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) {
            q -= 1;
            r += y;
        }
        PyObject *qo = NULL, *ro = NULL;
        if (pq != NULL && (qo = _PyLong_FromSTwoDigits(q)) == NULL) {
            return -1;
        }
        if (pr != NULL && (ro = _PyLong_FromSTwoDigits(r)) == NULL) {
            Py_XDECREF(qo);
            return -1;
        }
        if (pq != NULL) {
            *pq = qo;
        }
        if (pr != NULL) {
            *pr = ro;
        }
        return 0;
    }
    PyLongObject *q, *r;
    if (long_divrem_abs(a, b, &q, &r) < 0) {
        return -1;
    }
    int a_negative = _PyLong_IsNegative(a), b_negative = _PyLong_IsNegative(b);
    /* Signs of the truncated results. */
    if (a_negative != b_negative && !_PyLong_IsZero(q)) {
        _PyLong_FlipSign(q);
    }
    if (a_negative && !_PyLong_IsZero(r)) {
        _PyLong_FlipSign(r);
    }
    /* Truncation rounded toward zero; floor needs one step further when
       the remainder's sign differs from the divisor's. */
    if (!_PyLong_IsZero(r) && a_negative != b_negative) {
        PyObject *one = small_int(1);
        PyObject *q2 = _PyLong_Subtract(q, (PyLongObject *)one);
        PyObject *r2 = q2 == NULL ? NULL : _PyLong_Add(r, b);
        Py_DECREF(q);
        Py_DECREF(r);
        if (r2 == NULL) {
            Py_XDECREF(q2);
            return -1;
        }
        q = (PyLongObject *)q2;
        r = (PyLongObject *)r2;
    }
    else {
        q = (PyLongObject *)_PyLong_Finish(q);
        r = (PyLongObject *)_PyLong_Finish(r);
    }
    if (pq != NULL) {
        *pq = (PyObject *)q;
    }
    else {
        Py_DECREF(q);
    }
    if (pr != NULL) {
        *pr = (PyObject *)r;
    }
    else {
        Py_DECREF(r);
    }
    return 0;
}

static PyObject *
long_floordiv(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    PyObject *q;
    if (long_divmod_floor((PyLongObject *)a, (PyLongObject *)b, &q, NULL) < 0) {
        return NULL;
    }
    return q;
}

static PyObject *
long_mod(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    PyObject *r;
    if (long_divmod_floor((PyLongObject *)a, (PyLongObject *)b, NULL, &r) < 0) {
        return NULL;
    }
    return r;
}

static PyObject *
long_divmod(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    PyObject *q, *r;
    if (long_divmod_floor((PyLongObject *)a, (PyLongObject *)b, &q, &r) < 0) {
        return NULL;
    }
    PyObject *pair = PyTuple_New(2);
    if (pair == NULL) {
        Py_DECREF(q);
        Py_DECREF(r);
        return NULL;
    }
    PyTuple_SET_ITEM(pair, 0, q);
    PyTuple_SET_ITEM(pair, 1, r);
    return pair;
}

static int long_compare(const PyLongObject *a, const PyLongObject *b);

/* Round-half-to-even division: q = round(a / b), r = a - q*b. */
PyObject *
_PyLong_DivmodNear(PyObject *a, PyObject *b)
{
    if (!PyLong_Check(a) || !PyLong_Check(b)) {
        PyErr_SetString(PyExc_TypeError, "non-integer arguments in division");
        return NULL;
    }
    PyLongObject *lb = (PyLongObject *)b;
    PyObject *q, *r;
    if (long_divmod_floor((PyLongObject *)a, lb, &q, &r) < 0) {
        return NULL;
    }
    /* a/b = q + r/b with 0 <= r/b < 1: round up when r/b > 1/2, or when
       r/b == 1/2 and q is odd.  r/b > 1/2 is 2r > b, reversed if b < 0. */
    PyObject *twice_r = _PyLong_Lshift(r, 1);
    if (twice_r == NULL) {
        goto error;
    }
    int cmp = long_compare((PyLongObject *)twice_r, lb);
    Py_DECREF(twice_r);
    if (_PyLong_IsNegative(lb)) {
        cmp = -cmp;
    }
    int q_odd = (DIGITS((PyLongObject *)q)[0] & 1) != 0;
    if (cmp > 0 || (cmp == 0 && q_odd)) {
        Py_SETREF(q, _PyLong_Add((PyLongObject *)q, (PyLongObject *)small_int(1)));
        if (q == NULL) {
            goto error;
        }
        Py_SETREF(r, _PyLong_Subtract((PyLongObject *)r, lb));
        if (r == NULL) {
            goto error;
        }
    }
    PyObject *result = PyTuple_New(2);
    if (result == NULL) {
        goto error;
    }
    PyTuple_SET_ITEM(result, 0, q);
    PyTuple_SET_ITEM(result, 1, r);
    return result;

error:
    Py_XDECREF(q);
    Py_XDECREF(r);
    return NULL;
}

/* ---- true division ---------------------------------------------------- */

/* The correctly rounded a / b (round half to even), including subnormal
   results.  The quotient is computed as an integer with at least
   DBL_MANT_DIG + 2 significant bits plus a sticky bit for the discarded
   remainder, then rounded once to the precision the result's exponent
   allows. */
static PyObject *
long_true_divide(PyObject *v, PyObject *w)
{
    CHECK_BINOP(v, w);
    PyLongObject *a = (PyLongObject *)v, *b = (PyLongObject *)w;
    if (_PyLong_IsZero(b)) {
        raise_zero_division();
        return NULL;
    }
    int negative = _PyLong_IsNegative(a) != _PyLong_IsNegative(b);
    if (_PyLong_IsZero(a)) {
        return PyFloat_FromDouble(negative ? -0.0 : 0.0);
    }
    int64_t a_bits = _PyLong_NumBits(v), b_bits = _PyLong_NumBits(w);

    /* Operands exactly representable as doubles: one IEEE division is
       already correctly rounded. */
    if (a_bits <= DBL_MANT_DIG && b_bits <= DBL_MANT_DIG) {
        uint64_t x = 0, y = 0;
        (void)_PyLong_MagnitudeAsU64(a, &x);
        (void)_PyLong_MagnitudeAsU64(b, &y);
        double result = (double)x / (double)y;
        return PyFloat_FromDouble(negative ? -result : result);
    }

    /* |a/b| lies in [2**(diff-1), 2**(diff+1)). */
    int64_t diff = a_bits - b_bits;
    if (diff > DBL_MAX_EXP) {
        goto overflow;
    }
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 2) {
        return PyFloat_FromDouble(negative ? -0.0 : 0.0);
    }

    /* q = floor(|a| * 2**-shift / |b|) has DBL_MANT_DIG + 2 or + 3 bits. */
    int64_t shift = diff - (DBL_MANT_DIG + 2);
    PyObject *abs_a = _PyLong_AbsValue(a), *abs_b = _PyLong_AbsValue(b);
    PyObject *num = NULL, *den = NULL, *q = NULL, *r = NULL;
    if (abs_a == NULL || abs_b == NULL) {
        goto error;
    }
    if (shift < 0) {
        num = _PyLong_Lshift(abs_a, -shift);
        den = Py_NewRef(abs_b);
    }
    else {
        num = Py_NewRef(abs_a);
        den = _PyLong_Lshift(abs_b, shift);
    }
    if (num == NULL || den == NULL
        || long_divmod_floor((PyLongObject *)num, (PyLongObject *)den, &q, &r) < 0) {
        goto error;
    }
    uint64_t qbits = 0;
    (void)_PyLong_MagnitudeAsU64((PyLongObject *)q, &qbits);
    int sticky = !_PyLong_IsZero((PyLongObject *)r);
    Py_DECREF(abs_a);
    Py_DECREF(abs_b);
    Py_DECREF(num);
    Py_DECREF(den);
    Py_DECREF(q);
    Py_DECREF(r);

    /* Drop enough low bits to leave DBL_MANT_DIG, or more when the result
       is subnormal (its last bit must weigh at least 2**-1074). */
    int qlen = 64 - __builtin_clzll(qbits);
    int64_t drop = qlen - DBL_MANT_DIG;
    int64_t min_drop = (DBL_MIN_EXP - DBL_MANT_DIG) - shift;
    if (drop < min_drop) {
        drop = min_drop;
    }
    uint64_t rounded;
    if (drop >= 64) {
        rounded = 0;
    }
    else {
        uint64_t half = (uint64_t)1 << (drop - 1);
        uint64_t rest = qbits & ((half << 1) - 1);
        rounded = qbits >> drop;
        if (rest > half || (rest == half && (sticky || (rounded & 1)))) {
            rounded++;
        }
    }
    double result = ldexp((double)rounded, (int)(shift + drop));
    if (isinf(result)) {
        goto overflow;
    }
    return PyFloat_FromDouble(negative ? -result : result);

error:
    Py_XDECREF(abs_a);
    Py_XDECREF(abs_b);
    Py_XDECREF(num);
    Py_XDECREF(den);
    Py_XDECREF(q);
    Py_XDECREF(r);
    return NULL;

overflow:
    PyErr_SetString(PyExc_OverflowError,
                    "integer division result too large for a float");
    return NULL;
}

/* ---- shifts ----------------------------------------------------------- */

PyObject *
_PyLong_Lshift(PyObject *obj, int64_t shiftby)
{
    PyLongObject *a = (PyLongObject *)obj;
    assert(shiftby >= 0);
    if (_PyLong_IsZero(a)) {
        return small_int(0);
    }
    if (shiftby == 0) {
        return _PyLong_Exact(obj);
    }
    if (_PyLong_IsCompact(a) && shiftby < 32) {
        /* |value| < 2**30, so the product stays below 2**62. */
        return _PyLong_FromSTwoDigits((int64_t)_PyLong_CompactValue(a) * ((int64_t)1 << shiftby));
    }
    int64_t wordshift = shiftby / PyLong_SHIFT;
    int remshift = (int)(shiftby % PyLong_SHIFT);
    Py_ssize_t n = NDIGITS(a);
    if (wordshift > (int64_t)MAX_LONG_DIGITS - n - 1) {
        PyErr_SetString(PyExc_OverflowError, "too many digits in integer");
        return NULL;
    }
    Py_ssize_t newsize = n + (Py_ssize_t)wordshift + 1;
    PyLongObject *z = _PyLong_New(newsize);
    if (z == NULL) {
        return NULL;
    }
    memset(DIGITS(z), 0, (size_t)wordshift * sizeof(digit));
    DIGITS(z)[newsize - 1] = digits_lshift(DIGITS(z) + wordshift, DIGITS(a), n,
                                           remshift);
    if (_PyLong_IsNegative(a)) {
        _PyLong_FlipSign(z);
    }
    return _PyLong_Finish(z);
}

/* Floors, like Python's >>: -5 >> 1 == -3. */
PyObject *
_PyLong_Rshift(PyObject *obj, int64_t shiftby)
{
    PyLongObject *a = (PyLongObject *)obj;
    assert(shiftby >= 0);
    if (shiftby == 0) {
        return _PyLong_Exact(obj);
    }
    int negative = _PyLong_IsNegative(a);
    if (_PyLong_IsCompact(a)) {
        int64_t value = _PyLong_CompactValue(a);
        if (shiftby >= 63) {
            return small_int(negative ? -1 : 0);
        }
        return _PyLong_FromSTwoDigits(Py_ARITHMETIC_RIGHT_SHIFT(int64_t, value, shiftby));
    }
    int64_t wordshift = shiftby / PyLong_SHIFT;
    int remshift = (int)(shiftby % PyLong_SHIFT);
    Py_ssize_t n = NDIGITS(a);
    if (wordshift >= n) {
        return small_int(negative ? -1 : 0);
    }
    Py_ssize_t newsize = n - (Py_ssize_t)wordshift;
    /* One spare digit for the carry of the negative rounding step. */
    PyLongObject *z = _PyLong_New(newsize + 1);
    if (z == NULL) {
        return NULL;
    }
    digit lost = digits_rshift(DIGITS(z), DIGITS(a) + wordshift, newsize, remshift);
    DIGITS(z)[newsize] = 0;
    if (negative) {
        /* floor(-m / 2**s) == -ceil(m / 2**s): round the magnitude up when
           any 1 bit was shifted out. */
        for (Py_ssize_t i = 0; !lost && i < wordshift; i++) {
            lost = DIGITS(a)[i];
        }
        if (lost) {
            digit one = 1;
            DIGITS(z)[newsize] = digits_add(DIGITS(z), DIGITS(z), newsize, &one, 1);
        }
        _PyLong_FlipSign(z);
    }
    return _PyLong_Finish(z);
}

/* The shift count of a << b or a >> b; -1 with ValueError when negative.
   *too_big is set when b does not fit in int64_t. */
static int
shift_count(PyLongObject *b, int64_t *count, int *too_big)
{
    *too_big = 0;
    if (_PyLong_IsNegative(b)) {
        PyErr_SetString(PyExc_ValueError, "negative shift count");
        return -1;
    }
    if (_PyLong_AsI64(b, count) != 0) {
        *too_big = 1;
    }
    return 0;
}

static PyObject *
long_lshift(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    int64_t count;
    int too_big;
    if (shift_count((PyLongObject *)b, &count, &too_big) < 0) {
        return NULL;
    }
    if (_PyLong_IsZero((PyLongObject *)a)) {
        return small_int(0);
    }
    if (too_big) {
        PyErr_SetString(PyExc_OverflowError, "too many digits in integer");
        return NULL;
    }
    return _PyLong_Lshift(a, count);
}

static PyObject *
long_rshift(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    int64_t count;
    int too_big;
    if (shift_count((PyLongObject *)b, &count, &too_big) < 0) {
        return NULL;
    }
    if (too_big) {
        return small_int(_PyLong_IsNegative((PyLongObject *)a) ? -1 : 0);
    }
    return _PyLong_Rshift(a, count);
}

/* ---- bitwise operations ----------------------------------------------- */

/* The next digit of v's infinite two's complement: for a negative v the
   complement of the magnitude plus one, with the +1 rippling through
   *carry. */
static inline digit
twos_digit(const PyLongObject *v, Py_ssize_t i, int negative, digit *carry)
{
    digit d = i < NDIGITS(v) ? DIGITS(v)[i] : 0;
    if (negative) {
        d = (d ^ PyLong_MASK) + *carry;
        *carry = d >> PyLong_SHIFT;
        d &= PyLong_MASK;
    }
    return d;
}

/* a & b, a | b or a ^ b (op is '&', '|' or '^') on the two's complement
   values.  One digit beyond the longer operand holds the sign. */
static PyObject *
long_bitwise(PyLongObject *a, char op, PyLongObject *b)
{
    if (_PyLong_BothAreCompact(a, b)) {
        Py_ssize_t x = _PyLong_CompactValue(a), y = _PyLong_CompactValue(b);
        Py_ssize_t r = op == '&' ? (x & y) : op == '|' ? (x | y) : (x ^ y);
        return _PyLong_FromSTwoDigits(r);
    }
    int a_negative = _PyLong_IsNegative(a), b_negative = _PyLong_IsNegative(b);
    Py_ssize_t n = Py_MAX(NDIGITS(a), NDIGITS(b)) + 1;
    PyLongObject *z = _PyLong_New(n);
    if (z == NULL) {
        return NULL;
    }
    digit carry_a = 1, carry_b = 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        digit x = twos_digit(a, i, a_negative, &carry_a);
        digit y = twos_digit(b, i, b_negative, &carry_b);
        DIGITS(z)[i] = op == '&' ? (x & y) : op == '|' ? (x | y) : (x ^ y);
    }
    /* The top digit is all sign bits; a negative result is turned back
       into a magnitude the same way. */
    if (DIGITS(z)[n - 1] == PyLong_MASK) {
        digit carry = 1;
        for (Py_ssize_t i = 0; i < n; i++) {
            digit d = (DIGITS(z)[i] ^ PyLong_MASK) + carry;
            carry = d >> PyLong_SHIFT;
            DIGITS(z)[i] = d & PyLong_MASK;
        }
        _PyLong_FlipSign(z);
    }
    return _PyLong_Finish(z);
}

static PyObject *
long_and(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return long_bitwise((PyLongObject *)a, '&', (PyLongObject *)b);
}

static PyObject *
long_or(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return long_bitwise((PyLongObject *)a, '|', (PyLongObject *)b);
}

static PyObject *
long_xor(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return long_bitwise((PyLongObject *)a, '^', (PyLongObject *)b);
}

/* ---- unary operations ------------------------------------------------- */

PyObject *
_PyLong_Negative(PyObject *obj)
{
    PyLongObject *v = (PyLongObject *)obj;
    if (_PyLong_IsCompact(v)) {
        return _PyLong_FromSTwoDigits(-(int64_t)_PyLong_CompactValue(v));
    }
    PyLongObject *z = _PyLong_CopyAbs(v);
    if (z != NULL && !_PyLong_IsNegative(v)) {
        _PyLong_FlipSign(z);
    }
    return (PyObject *)z;
}

static PyObject *
long_pos(PyObject *obj)
{
    return _PyLong_Exact(obj);
}

static PyObject *
long_abs(PyObject *obj)
{
    if (_PyLong_IsNegative((PyLongObject *)obj)) {
        return _PyLong_Negative(obj);
    }
    return _PyLong_Exact(obj);
}

/* ~x == -(x + 1). */
static PyObject *
long_invert(PyObject *obj)
{
    PyLongObject *v = (PyLongObject *)obj;
    if (_PyLong_IsCompact(v)) {
        return _PyLong_FromSTwoDigits(~(int64_t)_PyLong_CompactValue(v));
    }
    PyObject *plus_one = _PyLong_Add(v, (PyLongObject *)small_int(1));
    if (plus_one == NULL) {
        return NULL;
    }
    PyObject *result = _PyLong_Negative(plus_one);
    Py_DECREF(plus_one);
    return result;
}

static int
long_bool(PyObject *v)
{
    return !_PyLong_IsZero((PyLongObject *)v);
}

/* ---- comparison and hashing ------------------------------------------- */

static int
long_compare(const PyLongObject *a, const PyLongObject *b)
{
    if (a == b) {
        return 0;
    }
    if (_PyLong_BothAreCompact(a, b)) {
        Py_ssize_t x = _PyLong_CompactValue(a), y = _PyLong_CompactValue(b);
        return (x > y) - (x < y);
    }
    Py_ssize_t sa = _PyLong_SignedDigitCount(a), sb = _PyLong_SignedDigitCount(b);
    if (sa != sb) {
        return sa < sb ? -1 : 1;
    }
    int cmp = digits_cmp(DIGITS(a), DIGITS(b), NDIGITS(a));
    return _PyLong_IsNegative(a) ? -cmp : cmp;
}

PyObject *
_PyLong_RichCompare(PyObject *a, PyObject *b, int op)
{
    CHECK_BINOP(a, b);
    int cmp = long_compare((PyLongObject *)a, (PyLongObject *)b);
    Py_RETURN_RICHCOMPARE(cmp, 0, op);
}

/* hash(v) == v mod (2**61 - 1) for v >= 0 and -hash(-v) for v < 0, except
   that -1 (the error value) becomes -2.  Multiplying by 2**30 modulo the
   Mersenne prime 2**61 - 1 is a 61-bit rotation. */
Py_hash_t
_PyLong_Hash(PyObject *obj)
{
    PyLongObject *v = (PyLongObject *)obj;
    if (_PyLong_IsCompact(v)) {
        Py_hash_t x = _PyLong_CompactValue(v);
        return x == -1 ? -2 : x;
    }
    Py_uhash_t x = 0;
    for (Py_ssize_t i = NDIGITS(v) - 1; i >= 0; i--) {
        x = ((x << PyLong_SHIFT) & PyHASH_MODULUS)
            | (x >> (PyHASH_BITS - PyLong_SHIFT));
        x += DIGITS(v)[i];
        if (x >= PyHASH_MODULUS) {
            x -= PyHASH_MODULUS;
        }
    }
    Py_hash_t result = (Py_hash_t)x;
    if (_PyLong_IsNegative(v)) {
        result = -result;
    }
    return result == -1 ? -2 : result;
}

/* ---- powers ----------------------------------------------------------- */

/* a mod m for m > 0, in [0, m).  New reference. */
static PyObject *
long_mod_positive(PyLongObject *a, PyLongObject *m)
{
    PyObject *r;
    if (long_divmod_floor(a, m, NULL, &r) < 0) {
        return NULL;
    }
    return r;
}

/* a * b mod m (m > 0).  New reference. */
static PyObject *
long_mulmod(PyObject *a, PyObject *b, PyLongObject *m)
{
    PyObject *product = _PyLong_Multiply((PyLongObject *)a, (PyLongObject *)b);
    if (product == NULL) {
        return NULL;
    }
    PyObject *r = long_mod_positive((PyLongObject *)product, m);
    Py_DECREF(product);
    return r;
}

/* Bit i of the magnitude of v. */
static inline int
magnitude_bit(const PyLongObject *v, int64_t i)
{
    return (DIGITS(v)[i / PyLong_SHIFT] >> (i % PyLong_SHIFT)) & 1;
}

/* base**e mod m for a one-digit modulus: all in machine integers.
   0 <= base < m < 2**30, e > 0. */
static PyObject *
long_powmod_small(uint64_t base, const PyLongObject *e, uint64_t m)
{
    uint64_t result = 1 % m;
    for (int64_t i = digits_bit_length(DIGITS(e), NDIGITS(e)) - 1; i >= 0; i--) {
        result = result * result % m;
        if (magnitude_bit(e, i)) {
            result = result * base % m;
        }
    }
    return PyLong_FromUInt64(result);
}

/* base**e mod m, 0 <= base < m, e > 0, m > 1.  Left-to-right binary
   exponentiation; for long exponents, a sliding window over the bits with
   a table of the odd powers base**1, base**3, ..., base**(2*LEN - 1). */
static PyObject *
long_powmod(PyObject *base, PyLongObject *e, PyLongObject *m)
{
    int64_t nbits = digits_bit_length(DIGITS(e), NDIGITS(e));
    PyObject *table[EXP_TABLE_LEN] = { NULL };
    PyObject *result = small_int(1);

    if (nbits <= HUGE_EXP_CUTOFF) {
        for (int64_t i = nbits - 1; i >= 0; i--) {
            Py_SETREF(result, long_mulmod(result, result, m));
            if (result != NULL && magnitude_bit(e, i)) {
                Py_SETREF(result, long_mulmod(result, base, m));
            }
            if (result == NULL) {
                return NULL;
            }
        }
        return result;
    }

    PyObject *square = long_mulmod(base, base, m);
    if (square == NULL) {
        return NULL;
    }
    table[0] = Py_NewRef(base);
    for (int k = 1; k < EXP_TABLE_LEN; k++) {
        table[k] = long_mulmod(table[k - 1], square, m);
        if (table[k] == NULL) {
            Py_DECREF(square);
            goto error;
        }
    }
    Py_DECREF(square);

    int64_t i = nbits - 1;
    while (i >= 0) {
        if (!magnitude_bit(e, i)) {
            Py_SETREF(result, long_mulmod(result, result, m));
            if (result == NULL) {
                goto error;
            }
            i--;
            continue;
        }
        /* The longest window of at most EXP_WINDOW_SIZE bits starting at
           bit i and ending in a 1 bit. */
        int64_t low = i - EXP_WINDOW_SIZE + 1;
        if (low < 0) {
            low = 0;
        }
        while (!magnitude_bit(e, low)) {
            low++;
        }
        int window = 0;
        for (int64_t j = i; j >= low; j--) {
            Py_SETREF(result, long_mulmod(result, result, m));
            if (result == NULL) {
                goto error;
            }
            window = (window << 1) | magnitude_bit(e, j);
        }
        Py_SETREF(result, long_mulmod(result, table[window >> 1], m));
        if (result == NULL) {
            goto error;
        }
        i = low - 1;
    }
    for (int k = 0; k < EXP_TABLE_LEN; k++) {
        Py_XDECREF(table[k]);
    }
    return result;

error:
    Py_XDECREF(result);
    for (int k = 0; k < EXP_TABLE_LEN; k++) {
        Py_XDECREF(table[k]);
    }
    return NULL;
}

/* The inverse of a modulo m > 1 by the extended Euclidean algorithm;
   ValueError when gcd(a, m) != 1. */
static PyObject *
long_invmod(PyLongObject *a, PyLongObject *m)
{
    PyObject *r0 = Py_NewRef(m);
    PyObject *r1 = long_mod_positive(a, m);
    /* Invariant: r0 == s0*a (mod m) and r1 == s1*a (mod m). */
    PyObject *s0 = small_int(0), *s1 = small_int(1);
    PyObject *q = NULL, *r2 = NULL, *s2 = NULL, *t = NULL;
    if (r1 == NULL) {
        goto error;
    }
    while (!_PyLong_IsZero((PyLongObject *)r1)) {
        if (long_divmod_floor((PyLongObject *)r0, (PyLongObject *)r1, &q, &r2) < 0) {
            goto error;
        }
        t = _PyLong_Multiply((PyLongObject *)q, (PyLongObject *)s1);
        Py_CLEAR(q);
        if (t == NULL) {
            goto error;
        }
        s2 = _PyLong_Subtract((PyLongObject *)s0, (PyLongObject *)t);
        Py_CLEAR(t);
        if (s2 == NULL) {
            goto error;
        }
        Py_SETREF(r0, r1);
        r1 = r2;
        r2 = NULL;
        Py_SETREF(s0, s1);
        s1 = s2;
        s2 = NULL;
    }
    if (long_compare((PyLongObject *)r0, (PyLongObject *)small_int(1)) != 0) {
        PyErr_SetString(PyExc_ValueError,
                        "base is not invertible for the given modulus");
        goto error;
    }
    PyObject *result = long_mod_positive((PyLongObject *)s0, m);
    Py_DECREF(r0);
    Py_DECREF(r1);
    Py_DECREF(s0);
    Py_DECREF(s1);
    return result;

error:
    Py_XDECREF(r0);
    Py_XDECREF(r1);
    Py_XDECREF(s0);
    Py_XDECREF(s1);
    return NULL;
}

/* pow(a, b, c) with c an int. */
static PyObject *
long_pow_modular(PyLongObject *a, PyLongObject *b, PyLongObject *c)
{
    if (_PyLong_IsZero(c)) {
        PyErr_SetString(PyExc_ValueError, "pow() 3rd argument cannot be 0");
        return NULL;
    }
    /* Work modulo m = |c|; a negative modulus maps the result into
       (c, 0] at the end. */
    PyObject *m = _PyLong_AbsValue(c);
    PyObject *base = NULL, *exponent = NULL, *result = NULL;
    if (m == NULL) {
        return NULL;
    }
    PyLongObject *lm = (PyLongObject *)m;
    if (_PyLong_IsCompact(lm) && _PyLong_CompactValue(lm) == 1) {
        Py_DECREF(m);
        return small_int(0);
    }
    if (_PyLong_IsNegative(b)) {
        PyObject *inverse = long_invmod(a, lm);
        if (inverse == NULL) {
            goto done;
        }
        base = inverse;
        exponent = _PyLong_Negative((PyObject *)b);
    }
    else {
        base = long_mod_positive(a, lm);
        exponent = Py_NewRef(b);
    }
    if (base == NULL || exponent == NULL) {
        goto done;
    }
    PyLongObject *le = (PyLongObject *)exponent;
    if (_PyLong_IsZero(le)) {
        result = small_int(1);
    }
    else if (_PyLong_IsCompact(lm)) {
        uint64_t small_base = (uint64_t)_PyLong_CompactValue((PyLongObject *)base);
        result = long_powmod_small(small_base, le, (uint64_t)_PyLong_CompactValue(lm));
    }
    else {
        result = long_powmod(base, le, lm);
    }
    if (result != NULL && _PyLong_IsNegative(c)
        && !_PyLong_IsZero((PyLongObject *)result)) {
        Py_SETREF(result, _PyLong_Subtract((PyLongObject *)result, lm));
    }

done:
    Py_DECREF(m);
    Py_XDECREF(base);
    Py_XDECREF(exponent);
    return result;
}

/* a**b for b >= 0, no modulus. */
PyObject *
_PyLong_Power(PyLongObject *a, PyLongObject *b)
{
    if (_PyLong_IsZero(b)) {
        return small_int(1);
    }
    int negative_result = _PyLong_IsNegative(a) && (DIGITS(b)[0] & 1);
    if (_PyLong_IsZero(a)) {
        return small_int(0);
    }
    if (_PyLong_IsCompact(a) && (_PyLong_CompactValue(a) == 1
                                 || _PyLong_CompactValue(a) == -1)) {
        return small_int(negative_result ? -1 : 1);
    }
    int64_t e;
    if (_PyLong_AsI64(b, &e) != 0) {
        /* |a| >= 2: the result would have more than 2**63 bits. */
        PyErr_SetString(PyExc_OverflowError, "too many digits in integer");
        return NULL;
    }

    /* |a| == 2**k: the result is a shift. */
    if (_PyLong_MagnitudeIsPowerOfTwo(a)) {
        int64_t k = _PyLong_NumBits((PyObject *)a) - 1;
        if (k > INT64_MAX / e) {
            PyErr_SetString(PyExc_OverflowError, "too many digits in integer");
            return NULL;
        }
        PyObject *result = _PyLong_Lshift(small_int(1), k * e);
        if (result != NULL && negative_result) {
            Py_SETREF(result, _PyLong_Negative(result));
        }
        return result;
    }

    /* Machine-integer fast path while the result fits in 63 bits. */
    if (_PyLong_IsCompact(a) && e < 64) {
        int64_t base = _PyLong_CompactValue(a), result = 1;
        int overflow = 0;
        for (int64_t i = 0; i < e && !overflow; i++) {
            overflow = __builtin_mul_overflow(result, base, &result);
        }
        if (!overflow) {
            return _PyLong_FromSTwoDigits(result);
        }
    }

    /* Left to right over the bits of e; the top bit is the initial a. */
    PyObject *result = Py_NewRef(a);
    int top = 63 - __builtin_clzll((uint64_t)e);
    for (int i = top - 1; i >= 0; i--) {
        Py_SETREF(result, _PyLong_Multiply((PyLongObject *)result,
                                           (PyLongObject *)result));
        if (result != NULL && ((e >> i) & 1)) {
            Py_SETREF(result, _PyLong_Multiply((PyLongObject *)result, a));
        }
        if (result == NULL) {
            return NULL;
        }
    }
    return result;
}

static PyObject *
long_pow(PyObject *v, PyObject *w, PyObject *x)
{
    CHECK_BINOP(v, w);
    PyLongObject *a = (PyLongObject *)v, *b = (PyLongObject *)w;
    if (x != Py_None && !PyLong_Check(x)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (x != Py_None) {
        return long_pow_modular(a, b, (PyLongObject *)x);
    }
    if (_PyLong_IsNegative(b)) {
        /* A negative exponent without modulus gives a float. */
        return PyFloat_Type.tp_as_number->nb_power(v, w, x);
    }
    return _PyLong_Power(a, b);
}

/* ---- gcd -------------------------------------------------------------- */

PyObject *
_PyLong_GCD(PyObject *aobj, PyObject *bobj)
{
    PyObject *a = _PyLong_AbsValue((PyLongObject *)aobj);
    if (a == NULL) {
        return NULL;
    }
    PyObject *b = _PyLong_AbsValue((PyLongObject *)bobj);
    if (b == NULL) {
        Py_DECREF(a);
        return NULL;
    }
    /* Euclid on objects until both fit in 64 bits, then on machine
       integers. */
    for (;;) {
        uint64_t x = 0, y = 0;
        if (_PyLong_MagnitudeAsU64((PyLongObject *)a, &x) == 0
            && _PyLong_MagnitudeAsU64((PyLongObject *)b, &y) == 0) {
            while (y != 0) {
                uint64_t t = x % y;
                x = y;
                y = t;
            }
            Py_DECREF(a);
            Py_DECREF(b);
            return PyLong_FromUInt64(x);
        }
        if (_PyLong_IsZero((PyLongObject *)b)) {
            PyObject *result = _PyLong_Exact(a);
            Py_DECREF(a);
            Py_DECREF(b);
            return result;
        }
        PyObject *r = long_mod_positive((PyLongObject *)a, (PyLongObject *)b);
        if (r == NULL) {
            Py_DECREF(a);
            Py_DECREF(b);
            return NULL;
        }
        Py_SETREF(a, b);
        b = r;
    }
}

/* ======================================================================
   Conversion to float
   ====================================================================== */

double
_PyLong_Frexp(PyLongObject *a, int64_t *e)
{
    int64_t nbits = digits_bit_length(DIGITS(a), NDIGITS(a));
    if (nbits == 0) {
        *e = 0;
        return 0.0;
    }
    /* x: the top DBL_MANT_DIG + 2 bits of |a|, with a sticky low bit
       standing for everything below them.  Then one rounding, half to
       even, to DBL_MANT_DIG bits. */
    const int keep = DBL_MANT_DIG + 2;
    uint64_t x = 0;
    int sticky = 0;
    if (nbits <= keep) {
        (void)_PyLong_MagnitudeAsU64(a, &x);
        x <<= keep - nbits;
    }
    else {
        int64_t shift = nbits - keep;
        Py_ssize_t start = (Py_ssize_t)(shift / PyLong_SHIFT);
        int offset = (int)(shift % PyLong_SHIFT);
        Py_ssize_t n = NDIGITS(a);
        const digit *d = DIGITS(a);
        /* Two digits of |a| >> shift hold all keep <= 60 bits. */
        twodigits lo = d[start] >> offset;
        if (start + 1 < n) {
            lo |= ((twodigits)d[start + 1] << (PyLong_SHIFT - offset));
        }
        if (start + 2 < n) {
            lo |= ((twodigits)d[start + 2] << (2 * PyLong_SHIFT - offset));
        }
        x = lo & (((uint64_t)1 << keep) - 1);
        sticky = (d[start] & (((digit)1 << offset) - 1)) != 0;
        for (Py_ssize_t i = 0; !sticky && i < start; i++) {
            sticky = d[i] != 0;
        }
    }
    if (sticky) {
        x |= 1;
    }
    uint64_t mantissa = x >> 2;
    unsigned rest = (unsigned)(x & 3);
    if (rest > 2 || (rest == 2 && (mantissa & 1))) {
        mantissa++;
    }
    double m = ldexp((double)mantissa, -DBL_MANT_DIG);
    if (m == 1.0) {
        /* Rounding carried into a new top bit. */
        m = 0.5;
        nbits++;
    }
    *e = nbits;
    return _PyLong_IsNegative(a) ? -m : m;
}

double
PyLong_AsDouble(PyObject *obj)
{
    if (_PyLong_RequireInt(obj) < 0) {
        return -1.0;
    }
    PyLongObject *v = (PyLongObject *)obj;
    if (_PyLong_IsCompact(v)) {
        return (double)_PyLong_CompactValue(v);
    }
    int64_t exponent;
    double m = _PyLong_Frexp(v, &exponent);
    if (exponent > DBL_MAX_EXP) {
        PyErr_SetString(PyExc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return ldexp(m, (int)exponent);
}

/* ======================================================================
   The number protocol
   ====================================================================== */

static PyObject *
long_long(PyObject *self)
{
    return _PyLong_Exact(self);
}

static PyObject *
long_float(PyObject *self)
{
    double result = PyLong_AsDouble(self);
    if (result == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    return PyFloat_FromDouble(result);
}

PyNumberMethods _PyLong_NumberMethods = {
    .nb_add = long_add,
    .nb_subtract = long_sub,
    .nb_multiply = long_mul,
    .nb_remainder = long_mod,
    .nb_divmod = long_divmod,
    .nb_power = long_pow,
    .nb_negative = _PyLong_Negative,
    .nb_positive = long_pos,
    .nb_absolute = long_abs,
    .nb_bool = long_bool,
    .nb_invert = long_invert,
    .nb_lshift = long_lshift,
    .nb_rshift = long_rshift,
    .nb_and = long_and,
    .nb_xor = long_xor,
    .nb_or = long_or,
    .nb_int = long_long,
    .nb_float = long_float,
    .nb_floor_divide = long_floordiv,
    .nb_true_divide = long_true_divide,
    .nb_index = long_long,
};
