/* int <-> text: str(int) in base 10 (subquadratic for big values), the
   power-of-two bases of bin()/oct()/hex(), the parser behind int(str),
   PyLong_FromString and PyLong_FromUnicodeObject, and the digit limit of
   sys.set_int_max_str_digits().

   Thread safety: the only shared state is the digit limit, read and
   written with relaxed atomics; everything else works on immutable ints
   and private buffers. */

#include "Python.h"
#include "pycore_long.h"
#include "pycore_long_impl.h"

/* ======================================================================
   Text: int -> str and str -> int
   ====================================================================== */

/* a[0:n] = a * m + add in place; returns the carry digit. */
static digit
digits_muladd1(digit *a, Py_ssize_t n, digit m, digit add)
{
    twodigits carry = add;
    for (Py_ssize_t i = 0; i < n; i++) {
        carry += (twodigits)a[i] * m;
        a[i] = (digit)(carry & PyLong_MASK);
        carry >>= PyLong_SHIFT;
    }
    return (digit)carry;
}

/* The int <-> str digit limit; 0 disables it.  Relaxed atomics: a racing
   conversion sees the old or the new limit, either of which is valid. */
static int int_max_str_digits = _PY_LONG_DEFAULT_MAX_STR_DIGITS;

int
_Py_GetIntMaxStrDigits(void)
{
    return __atomic_load_n(&int_max_str_digits, __ATOMIC_RELAXED);
}

int
_Py_SetIntMaxStrDigits(int maxdigits)
{
    if (maxdigits != 0 && maxdigits < _PY_LONG_MAX_STR_DIGITS_THRESHOLD) {
        PyErr_Format(PyExc_ValueError,
                     "maxdigits must be 0 or larger than %d",
                     _PY_LONG_MAX_STR_DIGITS_THRESHOLD);
        return -1;
    }
    __atomic_store_n(&int_max_str_digits, maxdigits, __ATOMIC_RELAXED);
    return 0;
}

_PyLongIntInfo
_PyLong_GetIntInfo(void)
{
    _PyLongIntInfo info = {
        .bits_per_digit = PyLong_SHIFT,
        .sizeof_digit = (int)sizeof(digit),
        .default_max_str_digits = _PY_LONG_DEFAULT_MAX_STR_DIGITS,
        .str_digits_check_threshold = _PY_LONG_MAX_STR_DIGITS_THRESHOLD,
    };
    return info;
}

static void
raise_str_limit_to_str(int limit)
{
    PyErr_Format(PyExc_ValueError,
                 "Exceeds the limit (%d digits) for integer string conversion; "
                 "use sys.set_int_max_str_digits() to increase the limit",
                 limit);
}

static void
raise_str_limit_to_int(int limit, Py_ssize_t ndigits)
{
    PyErr_Format(PyExc_ValueError,
                 "Exceeds the limit (%d digits) for integer string conversion: "
                 "value has %zd digits; use sys.set_int_max_str_digits() "
                 "to increase the limit", limit, ndigits);
}

/* An ASCII str holding text[0:len]. */
static PyObject *
ascii_str(const char *text, Py_ssize_t len)
{
    PyObject *s = PyUnicode_New(len, 127);
    if (s != NULL) {
        memcpy(PyUnicode_1BYTE_DATA(s), text, (size_t)len);
    }
    return s;
}

/* ---- base 10**9 arithmetic for int -> str --------------------------------

   The decimal conversion works on "limbs": uint32_t values below 10**9,
   least significant first.  Small ints are converted by the quadratic
   method; bigger ones are split in binary at k = 2**j digits, both halves
   converted recursively and recombined in decimal as hi * 2**(30k) + lo,
   which makes the conversion as fast as multiplication (Karatsuba) times
   a log factor. */

typedef uint32_t limb;
#define LIMB_BASE ((twodigits)_PyLong_DECIMAL_BASE)

/* Binary digits below which conversion uses the quadratic method. */
#define DECIMAL_SPLIT_CUTOFF 512
/* Limbs below which decimal multiplication is schoolbook. */
#define DECIMAL_KARATSUBA_CUTOFF 48

/* z[0:na] = a + b for na >= nb; returns the carry.  z may alias a. */
static limb
limbs_add(limb *z, const limb *a, Py_ssize_t na, const limb *b, Py_ssize_t nb)
{
    limb carry = 0;
    for (Py_ssize_t i = 0; i < na; i++) {
        limb sum = a[i] + (i < nb ? b[i] : 0) + carry;
        carry = sum >= LIMB_BASE;
        z[i] = carry ? sum - (limb)LIMB_BASE : sum;
    }
    return carry;
}

/* z[0:na] = a - b for a >= b, na >= nb.  z may alias a. */
static void
limbs_sub(limb *z, const limb *a, Py_ssize_t na, const limb *b, Py_ssize_t nb)
{
    limb borrow = 0;
    for (Py_ssize_t i = 0; i < na; i++) {
        limb sub = (i < nb ? b[i] : 0) + borrow;
        borrow = a[i] < sub;
        z[i] = borrow ? a[i] + (limb)LIMB_BASE - sub : a[i] - sub;
    }
}

/* z[0:nz] += a[0:n], n <= nz, the sum fitting in nz limbs. */
static void
limbs_add_into(limb *z, Py_ssize_t nz, const limb *a, Py_ssize_t n)
{
    limb carry = limbs_add(z, z, n, a, n);
    for (Py_ssize_t i = n; carry && i < nz; i++) {
        limb sum = z[i] + carry;
        carry = sum >= LIMB_BASE;
        z[i] = carry ? sum - (limb)LIMB_BASE : sum;
    }
}

static void
limbs_mul_school(limb *z, const limb *a, Py_ssize_t na, const limb *b, Py_ssize_t nb)
{
    memset(z, 0, (size_t)(na + nb) * sizeof(limb));
    for (Py_ssize_t i = 0; i < na; i++) {
        twodigits ai = a[i], carry = 0;
        if (ai == 0) {
            continue;
        }
        /* limb + limb*limb + carry < 10**18 + 2*10**9: no overflow. */
        for (Py_ssize_t j = 0; j < nb; j++) {
            twodigits t = z[i + j] + ai * b[j] + carry;
            carry = t / LIMB_BASE;
            z[i + j] = (limb)(t - carry * LIMB_BASE);
        }
        z[i + nb] = (limb)carry;
    }
}

/* z[0:na+nb] = a * b in base 10**9 (Karatsuba, as digits_mul). */
static int
limbs_mul(limb *z, const limb *a, Py_ssize_t na, const limb *b, Py_ssize_t nb)
{
    if (na < nb) {
        const limb *t = a;
        a = b;
        b = t;
        Py_ssize_t tn = na;
        na = nb;
        nb = tn;
    }
    if (nb < DECIMAL_KARATSUBA_CUTOFF) {
        limbs_mul_school(z, a, na, b, nb);
        return 0;
    }
    if (2 * nb <= na) {
        /* Lopsided: nb-limb slices of a, each a balanced product. */
        limb *product = PyMem_Malloc((size_t)(2 * nb) * sizeof(limb));
        if (product == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memset(z, 0, (size_t)(na + nb) * sizeof(limb));
        for (Py_ssize_t offset = 0; offset < na; offset += nb) {
            Py_ssize_t slice = Py_MIN(nb, na - offset);
            if (limbs_mul(product, b, nb, a + offset, slice) < 0) {
                PyMem_Free(product);
                return -1;
            }
            limbs_add_into(z + offset, na + nb - offset, product, slice + nb);
        }
        PyMem_Free(product);
        return 0;
    }
    Py_ssize_t s = na / 2;
    Py_ssize_t nah = na - s, nbh = nb - s;
    Py_ssize_t nsa = nah + 1, nsb = Py_MAX(s, nbh) + 1;
    limb *buffer = PyMem_Malloc((size_t)(2 * (nsa + nsb)) * sizeof(limb));
    if (buffer == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    limb *sum_a = buffer, *sum_b = buffer + nsa, *mid = buffer + nsa + nsb;
    if (limbs_mul(z, a, s, b, s) < 0
        || limbs_mul(z + 2 * s, a + s, nah, b + s, nbh) < 0) {
        PyMem_Free(buffer);
        return -1;
    }
    sum_a[nah] = limbs_add(sum_a, a + s, nah, a, s);
    if (nbh >= s) {
        sum_b[nbh] = limbs_add(sum_b, b + s, nbh, b, s);
    }
    else {
        sum_b[s] = limbs_add(sum_b, b, s, b + s, nbh);
    }
    if (limbs_mul(mid, sum_a, nsa, sum_b, nsb) < 0) {
        PyMem_Free(buffer);
        return -1;
    }
    Py_ssize_t nmid = nsa + nsb;
    limbs_sub(mid, mid, nmid, z, 2 * s);
    limbs_sub(mid, mid, nmid, z + 2 * s, nah + nbh);
    while (nmid > 0 && mid[nmid - 1] == 0) {
        nmid--;
    }
    limbs_add_into(z + s, na + nb - s, mid, nmid);
    PyMem_Free(buffer);
    return 0;
}

/* d[0:n] in limbs by the quadratic method: each digit is folded in by
   multiplying the limbs so far by 2**30 and adding it.  out needs room
   for n + n/20 + 2 limbs; returns the count used (at least 1). */
static Py_ssize_t
digits_to_limbs_quadratic(limb *out, const digit *d, Py_ssize_t n)
{
    Py_ssize_t size = 0;
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        twodigits carry = d[i];
        for (Py_ssize_t j = 0; j < size; j++) {
            twodigits z = ((twodigits)out[j] << PyLong_SHIFT) | carry;
            carry = z / LIMB_BASE;
            out[j] = (limb)(z - carry * LIMB_BASE);
        }
        while (carry) {
            out[size++] = (limb)(carry % LIMB_BASE);
            carry /= LIMB_BASE;
        }
    }
    if (size == 0) {
        out[size++] = 0;
    }
    return size;
}

/* Room for the limbs of an n-digit magnitude: 2**30 < 10**9.04. */
static Py_ssize_t
limbs_capacity(Py_ssize_t n)
{
    return n + n / 20 + 2;
}

/* powers[j] = 2**(30 * 2**j) in limbs, computed on demand by squaring. */
typedef struct {
    limb *value[64];
    Py_ssize_t size[64];
} limb_powers;

static const limb *
limb_power(limb_powers *powers, int j, Py_ssize_t *size)
{
    if (powers->value[j] == NULL) {
        limb *v;
        Py_ssize_t n;
        if (j == 0) {
            v = PyMem_Malloc(2 * sizeof(limb));
            if (v == NULL) {
                PyErr_NoMemory();
                return NULL;
            }
            v[0] = (limb)(PyLong_BASE % LIMB_BASE);
            v[1] = (limb)(PyLong_BASE / LIMB_BASE);
            n = 2;
        }
        else {
            Py_ssize_t half;
            const limb *h = limb_power(powers, j - 1, &half);
            if (h == NULL) {
                return NULL;
            }
            v = PyMem_Malloc((size_t)(2 * half) * sizeof(limb));
            if (v == NULL) {
                PyErr_NoMemory();
                return NULL;
            }
            if (limbs_mul(v, h, half, h, half) < 0) {
                PyMem_Free(v);
                return NULL;
            }
            n = 2 * half;
            while (n > 1 && v[n - 1] == 0) {
                n--;
            }
        }
        powers->value[j] = v;
        powers->size[j] = n;
    }
    *size = powers->size[j];
    return powers->value[j];
}

/* d[0:n] in limbs into out (room for limbs_capacity(n)); returns the
   number of limbs, or -1 with an exception set. */
static Py_ssize_t
digits_to_limbs(limb *out, const digit *d, Py_ssize_t n, limb_powers *powers)
{
    n = digits_normalized_length(d, n);
    if (n <= DECIMAL_SPLIT_CUTOFF) {
        return digits_to_limbs_quadratic(out, d, n);
    }
    /* d = hi * 2**(30k) + lo with k the largest power of two below n. */
    int j = 0;
    while (((Py_ssize_t)2 << j) < n) {
        j++;
    }
    Py_ssize_t k = (Py_ssize_t)1 << j;
    Py_ssize_t power_size;
    const limb *power = limb_power(powers, j, &power_size);
    if (power == NULL) {
        return -1;
    }
    limb *hi = PyMem_Malloc((size_t)limbs_capacity(n - k) * sizeof(limb));
    if (hi == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t nhi = digits_to_limbs(hi, d + k, n - k, powers);
    Py_ssize_t nlo = nhi < 0 ? -1 : digits_to_limbs(out, d, k, powers);
    if (nlo < 0) {
        PyMem_Free(hi);
        return -1;
    }
    /* out = hi * power + lo: the product goes to a scratch buffer. */
    limb *product = PyMem_Malloc((size_t)(nhi + power_size) * sizeof(limb));
    if (product == NULL || limbs_mul(product, hi, nhi, power, power_size) < 0) {
        if (product == NULL) {
            PyErr_NoMemory();
        }
        PyMem_Free(product);
        PyMem_Free(hi);
        return -1;
    }
    PyMem_Free(hi);
    Py_ssize_t nresult = nhi + power_size;
    while (nresult > 1 && product[nresult - 1] == 0) {
        nresult--;
    }
    limbs_add_into(product, nresult, out, nlo);
    assert(nresult <= limbs_capacity(n));
    memcpy(out, product, (size_t)nresult * sizeof(limb));
    PyMem_Free(product);
    return nresult;
}

/* The limbs of |a| as a new PyMem buffer. */
static limb *
long_to_decimal_limbs(const PyLongObject *a, Py_ssize_t *nlimbs)
{
    Py_ssize_t n = NDIGITS(a);
    limb *limbs = PyMem_Malloc((size_t)limbs_capacity(n) * sizeof(limb));
    if (limbs == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    limb_powers powers;
    memset(&powers, 0, sizeof(powers));
    Py_ssize_t size = digits_to_limbs(limbs, DIGITS(a), n, &powers);
    for (int j = 0; j < 64; j++) {
        PyMem_Free(powers.value[j]);
    }
    if (size < 0) {
        PyMem_Free(limbs);
        return NULL;
    }
    *nlimbs = size;
    return limbs;
}

/* Decimal text of a, with a '-' for negatives, into a new PyMem buffer;
   enforces the digit limit. */
static char *
long_to_decimal_text(const PyLongObject *a, Py_ssize_t *plen)
{
    int limit = _Py_GetIntMaxStrDigits();
    Py_ssize_t n = NDIGITS(a);
    /* Cheap early rejection: n digits carry more than
       (n - 1) * 30 * log10(2) > 9.03 * (n - 1) decimal digits. */
    if (limit > 0 && n > 2 && (n - 1) / 10 * 90 > (Py_ssize_t)limit + 90) {
        raise_str_limit_to_str(limit);
        return NULL;
    }
    Py_ssize_t nlimbs;
    limb *limbs = long_to_decimal_limbs(a, &nlimbs);
    if (limbs == NULL) {
        return NULL;
    }
    int top_len = 1;
    for (uint32_t t = limbs[nlimbs - 1]; t >= 10; t /= 10) {
        top_len++;
    }
    Py_ssize_t ndigits = (nlimbs - 1) * _PyLong_DECIMAL_SHIFT + top_len;
    if (limit > 0 && ndigits > limit) {
        PyMem_Free(limbs);
        raise_str_limit_to_str(limit);
        return NULL;
    }
    int negative = _PyLong_IsNegative(a);
    Py_ssize_t len = ndigits + negative;
    char *text = PyMem_Malloc((size_t)len + 1);
    if (text == NULL) {
        PyMem_Free(limbs);
        PyErr_NoMemory();
        return NULL;
    }
    char *p = text + len;
    *p = '\0';
    for (Py_ssize_t j = 0; j < nlimbs - 1; j++) {
        uint32_t limb = limbs[j];
        for (int k = 0; k < _PyLong_DECIMAL_SHIFT; k++) {
            *--p = (char)('0' + limb % 10);
            limb /= 10;
        }
    }
    uint32_t top = limbs[nlimbs - 1];
    for (int k = 0; k < top_len; k++) {
        *--p = (char)('0' + top % 10);
        top /= 10;
    }
    if (negative) {
        *--p = '-';
    }
    assert(p == text);
    PyMem_Free(limbs);
    *plen = len;
    return text;
}

PyObject *
_PyLong_ToDecimalString(PyObject *obj)
{
    PyLongObject *a = (PyLongObject *)obj;
    if (_PyLong_IsCompact(a)) {
        char buffer[16];
        int len = snprintf(buffer, sizeof(buffer), "%zd", _PyLong_CompactValue(a));
        return ascii_str(buffer, len);
    }
    Py_ssize_t len;
    char *text = long_to_decimal_text(a, &len);
    if (text == NULL) {
        return NULL;
    }
    PyObject *result = ascii_str(text, len);
    PyMem_Free(text);
    return result;
}

/* Base 2, 8 or 16 with its prefix: bits are peeled from the bottom. */
static PyObject *
long_to_power_of_two_string(PyLongObject *a, int base)
{
    int bits_per_char = base == 16 ? 4 : base == 8 ? 3 : 1;
    char prefix = base == 16 ? 'x' : base == 8 ? 'o' : 'b';
    int negative = _PyLong_IsNegative(a);
    int64_t nbits = digits_bit_length(DIGITS(a), NDIGITS(a));
    int64_t nchars = nbits == 0 ? 1 : (nbits + bits_per_char - 1) / bits_per_char;
    int64_t len = negative + 2 + nchars;
    if (len > PY_SSIZE_T_MAX) {
        PyErr_SetString(PyExc_OverflowError, "int too large to format");
        return NULL;
    }
    PyObject *s = PyUnicode_New((Py_ssize_t)len, 127);
    if (s == NULL) {
        return NULL;
    }
    Py_UCS1 *p = PyUnicode_1BYTE_DATA(s) + len;
    twodigits accum = 0;
    int accum_bits = 0;
    Py_ssize_t idigit = 0;
    for (int64_t i = 0; i < nchars; i++) {
        if (accum_bits < bits_per_char && idigit < NDIGITS(a)) {
            accum |= (twodigits)DIGITS(a)[idigit++] << accum_bits;
            accum_bits += PyLong_SHIFT;
        }
        unsigned value = (unsigned)(accum & (unsigned)(base - 1));
        *--p = (Py_UCS1)"0123456789abcdef"[value];
        accum >>= bits_per_char;
        accum_bits -= bits_per_char;
    }
    *--p = (Py_UCS1)prefix;
    *--p = '0';
    if (negative) {
        *--p = '-';
    }
    return s;
}

PyObject *
_PyLong_Format(PyObject *obj, int base)
{
    if (obj == NULL || !PyLong_Check(obj)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (base == 10) {
        return _PyLong_ToDecimalString(obj);
    }
    if (base != 2 && base != 8 && base != 16) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return long_to_power_of_two_string((PyLongObject *)obj, base);
}

/* ---- parsing ---------------------------------------------------------- */

/* Value of an ASCII digit character in bases up to 36; 37 for anything
   else. */
static int
digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return 37;
}

static int
is_ascii_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Power-of-two base: pack the bits from the least significant character. */
static PyLongObject *
parse_power_of_two(const unsigned char *values, Py_ssize_t n, int base)
{
    int bits_per_char = 0;
    while ((1 << bits_per_char) < base) {
        bits_per_char++;
    }
    if (n > (PY_SSIZE_T_MAX - PyLong_SHIFT) / bits_per_char) {
        PyErr_SetString(PyExc_ValueError, "int string too large to convert");
        return NULL;
    }
    Py_ssize_t ndigits = (n * bits_per_char + PyLong_SHIFT - 1) / PyLong_SHIFT;
    PyLongObject *z = _PyLong_New(ndigits);
    if (z == NULL) {
        return NULL;
    }
    twodigits accum = 0;
    int accum_bits = 0;
    Py_ssize_t idigit = 0;
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        accum |= (twodigits)values[i] << accum_bits;
        accum_bits += bits_per_char;
        if (accum_bits >= PyLong_SHIFT) {
            DIGITS(z)[idigit++] = (digit)(accum & PyLong_MASK);
            accum >>= PyLong_SHIFT;
            accum_bits -= PyLong_SHIFT;
        }
    }
    if (accum_bits > 0) {
        DIGITS(z)[idigit++] = (digit)accum;
    }
    while (idigit < ndigits) {
        DIGITS(z)[idigit++] = 0;
    }
    return z;
}

/* Other bases, quadratic: fold in chunks of k characters, base**k being
   the largest power of base that fits in a digit. */
static PyLongObject *
parse_chunked(const unsigned char *values, Py_ssize_t n, int base)
{
    int chunk = 0;
    twodigits chunk_base = 1;
    while (chunk_base * (twodigits)base <= PyLong_BASE) {
        chunk_base *= (twodigits)base;
        chunk++;
    }
    /* Digits needed: n * log(base) / log(2**30), with margin. */
    double estimate = (double)n * log((double)base) / log((double)PyLong_BASE);
    if (estimate >= (double)MAX_LONG_DIGITS) {
        PyErr_SetString(PyExc_ValueError, "int string too large to convert");
        return NULL;
    }
    Py_ssize_t capacity = (Py_ssize_t)estimate + 2;
    PyLongObject *z = _PyLong_New(capacity);
    if (z == NULL) {
        return NULL;
    }
    Py_ssize_t size = 0;
    Py_ssize_t i = 0;
    Py_ssize_t first = n % chunk == 0 ? chunk : n % chunk;
    while (i < n) {
        Py_ssize_t take = i == 0 ? first : chunk;
        digit value = 0, scale = 1;
        for (Py_ssize_t j = 0; j < take; j++) {
            value = value * (digit)base + values[i + j];
            scale *= (digit)base;
        }
        i += take;
        digit carry = digits_muladd1(DIGITS(z), size, scale, value);
        if (carry) {
            assert(size < capacity);
            DIGITS(z)[size++] = carry;
        }
    }
    for (Py_ssize_t j = size; j < capacity; j++) {
        DIGITS(z)[j] = 0;
    }
    _PyLong_SetDigitCount(z, capacity);
    return z;
}

/* Characters above which parsing splits the string in two and combines
   the halves as hi * base**len(lo) + lo (subquadratic with Karatsuba). */
#define PARSE_SPLIT_CUTOFF 3000

static PyObject *
parse_digit_values(const unsigned char *values, Py_ssize_t n, int base)
{
    if ((base & (base - 1)) == 0) {
        return _PyLong_Finish(parse_power_of_two(values, n, base));
    }
    if (n <= PARSE_SPLIT_CUTOFF) {
        return _PyLong_Finish(parse_chunked(values, n, base));
    }
    Py_ssize_t nlow = n / 2;
    PyObject *high = parse_digit_values(values, n - nlow, base);
    if (high == NULL) {
        return NULL;
    }
    PyObject *low = parse_digit_values(values + n - nlow, nlow, base);
    if (low == NULL) {
        Py_DECREF(high);
        return NULL;
    }
    PyObject *result = NULL;
    PyObject *scale = NULL;
    PyObject *exponent = PyLong_FromSsize_t(nlow);
    if (exponent != NULL) {
        scale = _PyLong_Power((PyLongObject *)small_int(base),
                               (PyLongObject *)exponent);
        Py_DECREF(exponent);
    }
    if (scale != NULL) {
        PyObject *shifted = _PyLong_Multiply((PyLongObject *)high,
                                             (PyLongObject *)scale);
        if (shifted != NULL) {
            result = _PyLong_Add((PyLongObject *)shifted, (PyLongObject *)low);
            Py_DECREF(shifted);
        }
        Py_DECREF(scale);
    }
    Py_DECREF(high);
    Py_DECREF(low);
    return result;
}

/* Parse s[0:len] as an int literal in base 0 or 2..36: surrounding ASCII
   whitespace, a sign, a prefix (0x/0o/0b: required to pick the base when
   base is 0, optional when it matches), digits with single underscores
   between them (and one allowed right after a prefix).  With base 0 a
   decimal literal may not have leading zeros unless it is all zeros.
   A syntax error returns NULL with *syntax_error set and no exception;
   anything else that fails returns NULL with an exception. */
static PyObject *
long_parse(const char *text, Py_ssize_t len, int base, int *syntax_error)
{
    const unsigned char *s = (const unsigned char *)text;
    const unsigned char *end = s + len;
    *syntax_error = 1;

    while (s < end && is_ascii_space(*s)) {
        s++;
    }
    int negative = 0;
    if (s < end && (*s == '+' || *s == '-')) {
        negative = *s == '-';
        s++;
    }
    int underscore_allowed = 0;  /* right after a prefix */
    int zeros_only = 0;
    if (s + 1 < end && s[0] == '0') {
        unsigned char c = (unsigned char)(s[1] | 0x20);
        int prefix_base = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (prefix_base != 0 && (base == 0 || base == prefix_base)) {
            base = prefix_base;
            s += 2;
            underscore_allowed = 1;
        }
    }
    if (base == 0) {
        base = 10;
        zeros_only = s < end && *s == '0';
    }

    /* First pass: validate and count the digits. */
    const unsigned char *start = s;
    Py_ssize_t ndigits = 0;
    int after_underscore = 0;
    for (; s < end; s++) {
        if (*s == '_') {
            if (after_underscore || (ndigits == 0 && !underscore_allowed)) {
                return NULL;
            }
            after_underscore = 1;
            continue;
        }
        int value = digit_value(*s);
        if (value >= base) {
            break;
        }
        if (zeros_only && value != 0) {
            return NULL;
        }
        ndigits++;
        after_underscore = 0;
    }
    if (ndigits == 0 || after_underscore) {
        return NULL;
    }
    const unsigned char *digits_end = s;
    while (s < end && is_ascii_space(*s)) {
        s++;
    }
    if (s != end) {
        return NULL;
    }
    *syntax_error = 0;

    int limit = _Py_GetIntMaxStrDigits();
    if (limit > 0 && (base & (base - 1)) != 0 && ndigits > limit) {
        raise_str_limit_to_int(limit, ndigits);
        return NULL;
    }

    /* Second pass: the digit values without underscores. */
    unsigned char *values = PyMem_Malloc((size_t)ndigits);
    if (values == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    Py_ssize_t k = 0;
    for (const unsigned char *p = start; p < digits_end; p++) {
        if (*p != '_') {
            values[k++] = (unsigned char)digit_value(*p);
        }
    }
    PyObject *result = parse_digit_values(values, ndigits, base);
    PyMem_Free(values);
    if (result != NULL && negative) {
        Py_SETREF(result, _PyLong_Negative(result));
    }
    return result;
}

static void
raise_invalid_literal(int base, PyObject *text_obj)
{
    if (text_obj != NULL) {
        PyErr_Format(PyExc_ValueError,
                     "invalid literal for int() with base %d: %.200R",
                     base, text_obj);
    }
}

static int
check_base(int base)
{
    if ((base != 0 && base < 2) || base > 36) {
        PyErr_SetString(PyExc_ValueError,
                        "int() arg 2 must be >= 2 and <= 36");
        return -1;
    }
    return 0;
}

PyObject *
PyLong_FromString(const char *str, char **pend, int base)
{
    if (check_base(base) < 0) {
        return NULL;
    }
    size_t len = strlen(str);
    int syntax_error;
    PyObject *result = long_parse(str, (Py_ssize_t)len, base, &syntax_error);
    if (pend != NULL) {
        *pend = (char *)str + len;
    }
    if (result == NULL && syntax_error) {
        PyObject *text_obj = PyUnicode_DecodeUTF8(str, (Py_ssize_t)Py_MIN(len, 200),
                                                  "replace");
        raise_invalid_literal(base, text_obj);
        Py_XDECREF(text_obj);
    }
    return result;
}

PyObject *
_PyLong_FromBytes(const char *s, Py_ssize_t len, int base)
{
    if (check_base(base) < 0) {
        return NULL;
    }
    int syntax_error;
    PyObject *result = long_parse(s, len, base, &syntax_error);
    if (result == NULL && syntax_error) {
        PyObject *bytes = PyBytes_FromStringAndSize(s, len);
        raise_invalid_literal(base, bytes);
        Py_XDECREF(bytes);
    }
    return result;
}

/* A str is first reduced to ASCII: Unicode decimal digits become '0'-'9',
   Unicode whitespace becomes ' ', and any other non-ASCII character makes
   the literal invalid. */
PyObject *
PyLong_FromUnicodeObject(PyObject *u, int base)
{
    if (check_base(base) < 0) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(u);
    int kind = PyUnicode_KIND(u);
    const void *data = PyUnicode_DATA(u);
    char *ascii = PyMem_Malloc((size_t)len + 1);
    if (ascii == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    int convertible = 1;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch < 128) {
            ascii[i] = (char)ch;
        }
        else if (Py_UNICODE_ISSPACE(ch)) {
            ascii[i] = ' ';
        }
        else {
            int decimal = Py_UNICODE_TODECIMAL(ch);
            if (decimal < 0) {
                convertible = 0;
                break;
            }
            ascii[i] = (char)('0' + decimal);
        }
    }
    PyObject *result = NULL;
    int syntax_error = 1;
    if (convertible) {
        result = long_parse(ascii, len, base, &syntax_error);
    }
    PyMem_Free(ascii);
    if (result == NULL && syntax_error) {
        raise_invalid_literal(base, u);
    }
    return result;
}
