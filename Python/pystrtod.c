/* Conversions between doubles and text, independent of the C locale.

   Parsing: we check Python's float syntax ourselves and hand the C
   library only a normalised "DIGITSeEXP" string (no radix character, so
   LC_NUMERIC cannot change its meaning).  glibc's strtod rounds correctly.

   Formatting: the C library's "%.*e" and "%.*f" print the exact binary
   value rounded half-to-even, so they give correctly rounded digits; we
   only take the digits and the exponent from their output (skipping the
   locale's radix character) and lay the result out ourselves by Python's
   rules.  The shortest repr starts from the 17 correctly rounded digits
   (computed with one long double operation when that is provably exact,
   else printed) and shortens them while strtod still reads back the same
   double; see shortest_digits.

   Everything here works on the caller's buffers or on its own stack: no
   shared state, so it is safe without the GIL. */
#include "Python.h"
#include "pycore_format.h"

#include <ctype.h>
#include <errno.h>
#include <float.h>

/* Large enough for "%.*f" of any double with up to DG_MAX_FIXED fraction
   digits: 309 integer digits, sign, radix, fraction, NUL. */
#define DG_MAX_FIXED 1100
#define DG_PRINT_BUFSIZE (DG_MAX_FIXED + 400)

static int ascii_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/* Case-insensitive prefix match of an ASCII lower-case word. */
static int match_word(const char *p, const char *word)
{
    for (; *word; p++, word++) {
        if (ascii_lower((unsigned char)*p) != *word) {
            return 0;
        }
    }
    return 1;
}

double _Py_parse_inf_or_nan(const char *p, char **endptr)
{
    const char *s = p;
    int negate = 0;
    if (*s == '-') {
        negate = 1;
        s++;
    }
    else if (*s == '+') {
        s++;
    }
    double value;
    if (match_word(s, "inf")) {
        s += 3;
        if (match_word(s, "inity")) {
            s += 5;
        }
        value = Py_INFINITY;
    }
    else if (match_word(s, "nan")) {
        s += 3;
        value = Py_NAN;
    }
    else {
        *endptr = (char *)p;
        return -1.0;
    }
    *endptr = (char *)s;
    return negate ? -value : value;
}

/* The pieces of a decimal literal "[sign] digits [. digits] [e [sign]
   digits]" as found by scan_decimal. */
typedef struct {
    int negative;
    const char *int_start, *int_end;     /* digits before the point */
    const char *frac_start, *frac_end;   /* digits after the point */
    long exponent;                       /* clamped to +-DG_EXP_CLAMP */
    const char *end;                     /* first character not consumed */
} decimal_parts;

/* Exponents beyond this make any value with fewer than ~1e8 digits
   overflow or underflow, so clamping them keeps the arithmetic small
   without changing results. */
#define DG_EXP_CLAMP 200000000L

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Returns 0 when s does not start with a decimal literal. */
static int scan_decimal(const char *s, decimal_parts *parts)
{
    parts->negative = 0;
    if (*s == '-' || *s == '+') {
        parts->negative = (*s == '-');
        s++;
    }
    parts->int_start = s;
    while (is_digit(*s)) {
        s++;
    }
    parts->int_end = s;
    parts->frac_start = parts->frac_end = s;
    if (*s == '.') {
        parts->frac_start = ++s;
        while (is_digit(*s)) {
            s++;
        }
        parts->frac_end = s;
    }
    if (parts->int_start == parts->int_end
        && parts->frac_start == parts->frac_end) {
        return 0;
    }
    parts->exponent = 0;
    if (*s == 'e' || *s == 'E') {
        const char *e = s + 1;
        int exp_negative = 0;
        if (*e == '-' || *e == '+') {
            exp_negative = (*e == '-');
            e++;
        }
        /* "1e" and "1e+" end before the 'e'. */
        if (is_digit(*e)) {
            long exponent = 0;
            for (; is_digit(*e); e++) {
                if (exponent < DG_EXP_CLAMP) {
                    exponent = exponent * 10 + (*e - '0');
                }
            }
            if (exponent > DG_EXP_CLAMP) {
                exponent = DG_EXP_CLAMP;
            }
            parts->exponent = exp_negative ? -exponent : exponent;
            s = e;
        }
    }
    parts->end = s;
    return 1;
}

/* Append "e<exp>" at out (no locale, no printf); returns the end. */
static char *put_exponent(char *out, int exp)
{
    char rev[12];
    int len = 0;
    unsigned int magnitude = exp < 0 ? -(unsigned int)exp : (unsigned int)exp;
    *out++ = 'e';
    if (exp < 0) {
        *out++ = '-';
    }
    do {
        rev[len++] = (char)('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    while (len > 0) {
        *out++ = rev[--len];
    }
    *out = '\0';
    return out;
}

/* Convert scanned parts with strtod.  Sets *overflow when the magnitude
   is too large for a double.  Returns -1.0 with MemoryError set on
   allocation failure (*overflow is then -1). */
static double decimal_parts_to_double(const decimal_parts *parts,
                                      int *overflow)
{
    /* Gather the significant digits: leading zeros dropped, the point
       folded into the exponent. */
    const char *p = parts->int_start;
    long exponent = parts->exponent;
    Py_ssize_t frac_len = parts->frac_end - parts->frac_start;
    exponent -= (long)Py_MIN(frac_len, (Py_ssize_t)DG_EXP_CLAMP);
    Py_ssize_t total = (parts->int_end - parts->int_start) + frac_len;
    char stack_buf[128];
    char *buf = stack_buf;
    if (total + 32 > (Py_ssize_t)sizeof(stack_buf)) {
        buf = PyMem_Malloc(total + 32);
        if (buf == NULL) {
            PyErr_NoMemory();
            *overflow = -1;
            return -1.0;
        }
    }
    Py_ssize_t n = 0;
    for (; p < parts->int_end; p++) {
        if (n > 0 || *p != '0') {
            buf[n++] = *p;
        }
    }
    for (p = parts->frac_start; p < parts->frac_end; p++) {
        if (n > 0 || *p != '0') {
            buf[n++] = *p;
        }
    }
    double value = 0.0;
    *overflow = 0;
    if (n > 0) {
        put_exponent(buf + n, (int)exponent);
        errno = 0;
        value = strtod(buf, NULL);
        if (errno == ERANGE && isinf(value)) {
            *overflow = 1;
        }
    }
    if (buf != stack_buf) {
        PyMem_Free(buf);
    }
    return parts->negative ? -value : value;
}

double PyOS_string_to_double(const char *s, char **endptr,
                             PyObject *overflow_exception)
{
    decimal_parts parts;
    const char *end;
    double value;
    if (scan_decimal(s, &parts)) {
        int overflow;
        value = decimal_parts_to_double(&parts, &overflow);
        if (overflow < 0) {
            return -1.0;
        }
        end = parts.end;
        if (overflow && overflow_exception != NULL
            && (endptr != NULL || *end == '\0')) {
            PyErr_Format(overflow_exception,
                         "value too large to convert to float: '%.200s'", s);
            if (endptr != NULL) {
                *endptr = (char *)end;
            }
            return -1.0;
        }
    }
    else {
        char *inf_end;
        value = _Py_parse_inf_or_nan(s, &inf_end);
        end = inf_end;
    }
    if (end == s || (endptr == NULL && *end != '\0')) {
        PyErr_Format(PyExc_ValueError,
                     "could not convert string to float: '%.200s'", s);
        if (endptr != NULL) {
            *endptr = (char *)s;
        }
        return -1.0;
    }
    if (endptr != NULL) {
        *endptr = (char *)end;
    }
    return value;
}

PyObject *
_Py_string_to_number_with_underscores(
    const char *s, Py_ssize_t len, const char *what, PyObject *obj, void *arg,
    PyObject *(*innerfunc)(const char *, Py_ssize_t, void *))
{
    if (memchr(s, '_', len) == NULL) {
        return innerfunc(s, len, arg);
    }
    char *dup = PyMem_Malloc(len + 1);
    if (dup == NULL) {
        return PyErr_NoMemory();
    }
    /* PEP 515: an underscore is allowed only between two digits. */
    Py_ssize_t n = 0;
    char prev = '\0';
    for (Py_ssize_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '_') {
            if (!is_digit(prev) || i + 1 >= len || !is_digit(s[i + 1])) {
                goto syntax_error;
            }
        }
        else {
            dup[n++] = c;
        }
        prev = c;
    }
    dup[n] = '\0';
    PyObject *result = innerfunc(dup, n, arg);
    PyMem_Free(dup);
    return result;

syntax_error:
    PyMem_Free(dup);
    PyErr_Format(PyExc_ValueError, "could not convert string to %s: %R",
                 what, obj);
    return NULL;
}

/* ---- digit generation --------------------------------------------- */

/* Pull the digits and decimal exponent out of "%.*e" output: returns the
   digit count, leaves the printed exponent in *exp10. */
static int digits_from_exp_format(const char *text, char *digits, int *exp10)
{
    int n = 0;
    const char *p = text;
    if (*p == '-') {
        p++;
    }
    for (; *p && *p != 'e' && *p != 'E'; p++) {
        if (is_digit(*p)) {
            digits[n++] = *p;
        }
    }
    *exp10 = (*p != '\0') ? (int)strtol(p + 1, NULL, 10) : 0;
    return n;
}

/* Copy raw[0:n], whose point sits after *decpt digits, to digits without
   leading and trailing zeros, keeping *decpt describing the same value.
   Zero becomes the empty string with *decpt == 1.  No double has more
   than ~770 significant digits, so the result fits _Py_DG_MAXDIGITS. */
static int normalize_digits(const char *raw, int n, int *decpt, char *digits)
{
    int lead = 0;
    while (lead < n && raw[lead] == '0') {
        lead++;
    }
    if (lead == n) {
        digits[0] = '\0';
        *decpt = 1;
        return 0;
    }
    while (raw[n - 1] == '0') {
        n--;
    }
    *decpt -= lead;
    n = Py_MIN(n - lead, _Py_DG_MAXDIGITS);
    memcpy(digits, raw + lead, n);
    digits[n] = '\0';
    return n;
}

/* x rounded to `precision` significant digits (1 <= precision). */
static int significant_digits(double x, int precision, char *digits,
                              int *decpt)
{
    char text[DG_PRINT_BUFSIZE];
    snprintf(text, sizeof(text), "%.*e", precision - 1, x);
    char raw[DG_PRINT_BUFSIZE];
    int exp10;
    int n = digits_from_exp_format(text, raw, &exp10);
    *decpt = exp10 + 1;
    return normalize_digits(raw, n, decpt, digits);
}

/* Does DIGITS * 10**(decpt - n) read back as |x|?  Built without a radix
   character so the locale cannot interfere. */
static int round_trips(double x, const char *digits, int n, int decpt)
{
    char text[64];
    memcpy(text, digits, n);
    put_exponent(text + n, decpt - n);
    return strtod(text, NULL) == fabs(x);
}

/* A power of two (other than the smallest normal) has a round-trip
   interval twice as wide above it as below, so the nearest decimal of a
   length may fail where the other neighbour succeeds.  For these few
   values try both decimals that bracket x at each length, shortest
   first, preferring the nearer.  The exact expansion of a double has
   fewer than 770 significant digits. */
static int shortest_digits_power_of_two(double x, char *digits, int *decpt)
{
    char text[DG_PRINT_BUFSIZE], exact[DG_PRINT_BUFSIZE];
    int exp10;
    snprintf(text, sizeof(text), "%.780e", x);
    int len = digits_from_exp_format(text, exact, &exp10);
    for (int p = 1; p <= 17; p++) {
        /* below: exact truncated to p digits; above: one unit more. */
        char below[20], above[20];
        memcpy(below + 1, exact, p);
        below[0] = '0';
        memcpy(above, below, p + 1);
        int last = p;
        while (above[last] == '9') {
            above[last--] = '0';
        }
        above[last]++;
        /* Compare the dropped tail with half a unit. */
        int tail_vs_half = exact[p] < '5' ? -1 : exact[p] > '5' ? 1 : 0;
        for (int i = p + 1; i < len && tail_vs_half == 0; i++) {
            if (exact[i] != '0') {
                tail_vs_half = 1;
            }
        }
        int below_decpt = exp10 + 2, above_decpt = exp10 + 2;
        char below_digits[20], above_digits[20];
        int nb = normalize_digits(below, p + 1, &below_decpt, below_digits);
        int na = normalize_digits(above, p + 1, &above_decpt, above_digits);
        int below_ok = round_trips(x, below_digits, nb, below_decpt);
        int above_ok = round_trips(x, above_digits, na, above_decpt);
        if (below_ok && (!above_ok || tail_vs_half <= 0)) {
            memcpy(digits, below_digits, nb + 1);
            *decpt = below_decpt;
            return nb;
        }
        if (above_ok) {
            memcpy(digits, above_digits, na + 1);
            *decpt = above_decpt;
            return na;
        }
    }
    return significant_digits(x, 17, digits, decpt);
}

/* Round the 17 correctly rounded digits d17 (point after decpt17 digits)
   to p digits.  Returns 0 when the 17 digits end in an exact "5000...",
   where rounding them again could differ from rounding the exact value
   (double rounding); the caller then asks the C library. */
static int round_from_17(const char *d17, int decpt17, int p, char *digits,
                         int *decpt, int *n)
{
    int up;
    if (d17[p] != '5') {
        up = d17[p] > '5';
    }
    else {
        up = -1;
        for (int i = p + 1; i < 17; i++) {
            if (d17[i] != '0') {
                up = 1;
            }
        }
        if (up < 0) {
            return 0;
        }
    }
    char raw[20];
    raw[0] = '0';           /* room for a carry out of 99...9 */
    memcpy(raw + 1, d17, p);
    int last = p;
    if (up) {
        while (raw[last] == '9') {
            raw[last--] = '0';
        }
        raw[last]++;
    }
    *decpt = decpt17 + 1;
    *n = normalize_digits(raw, p + 1, decpt, digits);
    return 1;
}

/* x's nearest p-digit decimal, from its 17-digit form when that is safe. */
static int nearest_digits(double x, const char *d17, int decpt17, int p,
                          char *digits, int *decpt)
{
    int n;
    if (p >= 17) {
        char raw[20];
        memcpy(raw, d17, 17);
        *decpt = decpt17;
        return normalize_digits(raw, 17, decpt, digits);
    }
    if (round_from_17(d17, decpt17, p, digits, decpt, &n)) {
        return n;
    }
    return significant_digits(x, p, digits, decpt);
}

#if LDBL_MANT_DIG >= 64
/* Powers of ten exact in a 64-bit-mantissa long double (5**27 < 2**64). */
#define FAST_POW10_MAX 27
static const long double fast_pow10[FAST_POW10_MAX + 1] = {
    1e0L, 1e1L, 1e2L, 1e3L, 1e4L, 1e5L, 1e6L, 1e7L, 1e8L, 1e9L, 1e10L,
    1e11L, 1e12L, 1e13L, 1e14L, 1e15L, 1e16L, 1e17L, 1e18L, 1e19L, 1e20L,
    1e21L, 1e22L, 1e23L, 1e24L, 1e25L, 1e26L, 1e27L,
};

/* x's 17 correctly rounded significant digits without printf, for
   magnitudes where |x| * 10**k (|k| <= 27) lands in [1e16, 1e17): one
   long double operation with an exact power of ten errs by at most
   1e17 * 2**-64 < 0.006, so rounding to the nearest integer is right
   unless the fraction is close to one half, which we leave to the C
   library.  Returns 0 when it cannot decide. */
static int fast_17_digits(double x, char *d17, int *decpt17)
{
    double magnitude = fabs(x);
    int e2;
    frexp(magnitude, &e2);
    /* floor(log10(magnitude)) is this or one more. */
    int e10 = (int)floor((e2 - 1) * 0.30102999566398120);
    for (int attempt = 0; attempt < 2; attempt++) {
        int k = 16 - e10 - attempt;
        if (k > FAST_POW10_MAX || k < -FAST_POW10_MAX) {
            return 0;
        }
        long double y = k >= 0 ? (long double)magnitude * fast_pow10[k]
                               : (long double)magnitude / fast_pow10[-k];
        if (y >= 1e17L) {
            continue;
        }
        if (y < 1e16L) {
            return 0;
        }
        long double whole = floorl(y);
        long double fraction = y - whole;
        if (fabsl(fraction - 0.5L) < 0.03125L) {
            return 0;
        }
        uint64_t n = (uint64_t)whole + (fraction > 0.5L);
        *decpt17 = 17 - k;
        if (n == 100000000000000000ULL) {
            /* Rounded up to the next power of ten. */
            n /= 10;
            (*decpt17)++;
        }
        for (int i = 16; i >= 0; i--) {
            d17[i] = (char)('0' + n % 10);
            n /= 10;
        }
        d17[17] = '\0';
        return 1;
    }
    return 0;
}
#else
static int fast_17_digits(double x, char *d17, int *decpt17)
{
    (void)x;
    (void)d17;
    (void)decpt17;
    return 0;
}
#endif

/* The shortest digit string that reads back as x; among equally short
   ones the nearest to x.  The round-trip interval of x is symmetric
   around x (strtod rounds to nearest), so if any p-digit string reads
   back as x the nearest one does, and then so does the nearest one of
   every longer length: round-tripping is monotonic in p.  For normal
   doubles any string of at most DBL_DIG significant digits maps to a
   distinct double, so if the nearest 15-digit string round-trips,
   stripping its trailing zeros gives the shortest; otherwise 16 or 17
   digits are needed.  Subnormals have less precision: binary search. */
static int shortest_digits(double x, char *digits, int *decpt)
{
    int exponent;
    if (frexp(fabs(x), &exponent) == 0.5 && fabs(x) > DBL_MIN) {
        return shortest_digits_power_of_two(x, digits, decpt);
    }
    char d17[32];
    int decpt17;
    if (!fast_17_digits(x, d17, &decpt17)) {
        char text[64];
        int exp10;
        snprintf(text, sizeof(text), "%.16e", x);
        if (digits_from_exp_format(text, d17, &exp10) != 17) {
            return significant_digits(x, 17, digits, decpt);
        }
        decpt17 = exp10 + 1;
    }
    if (fabs(x) >= DBL_MIN) {
        for (int p = DBL_DIG; p < 17; p++) {
            int n = nearest_digits(x, d17, decpt17, p, digits, decpt);
            if (round_trips(x, digits, n, *decpt)) {
                return n;
            }
        }
        return nearest_digits(x, d17, decpt17, 17, digits, decpt);
    }
    /* Invariant: lo digits fail (or lo == 0), hi digits round-trip. */
    int lo = 0, hi = 17;
    while (hi - lo > 1) {
        int mid = (lo + hi) / 2;
        int n = nearest_digits(x, d17, decpt17, mid, digits, decpt);
        if (round_trips(x, digits, n, *decpt)) {
            hi = mid;
        }
        else {
            lo = mid;
        }
    }
    return nearest_digits(x, d17, decpt17, hi, digits, decpt);
}

/* x rounded to `ndigits` digits after the point (ndigits >= 0). */
static int fixed_digits(double x, int ndigits, char *digits, int *decpt)
{
    char text[DG_PRINT_BUFSIZE];
    /* Past DG_MAX_FIXED places every double's expansion has ended. */
    snprintf(text, sizeof(text), "%.*f", Py_MIN(ndigits, DG_MAX_FIXED), x);
    const char *p = text;
    if (*p == '-') {
        p++;
    }
    char raw[DG_PRINT_BUFSIZE];
    int n = 0;
    for (; is_digit(*p); p++) {
        raw[n++] = *p;
    }
    *decpt = n;
    for (; *p; p++) {
        if (is_digit(*p)) {
            raw[n++] = *p;
        }
    }
    return normalize_digits(raw, n, decpt, digits);
}

/* x rounded to a multiple of 10**places (places > 0), half to even on the
   exact value.  The fraction of x only matters for breaking a tie, and a
   non-zero fraction means x is above the halfway point. */
static int tens_digits(double x, int places, char *digits, int *decpt)
{
    double whole = trunc(fabs(x));
    int has_fraction = (whole != fabs(x));
    char text[DG_PRINT_BUFSIZE];
    /* Exact: whole is an integer. */
    snprintf(text, sizeof(text), "%.0f", whole);
    int len = (int)strlen(text);
    if (whole == 0.0 || len < places) {
        /* |x| < 10**(places - 1), less than half of 10**places. */
        digits[0] = '\0';
        *decpt = 1;
        return 0;
    }
    int keep = len - places;
    const char *dropped = text + keep;
    int round_up;
    if (dropped[0] != '5') {
        round_up = dropped[0] > '5';
    }
    else {
        int above_half = has_fraction;
        for (const char *q = dropped + 1; *q; q++) {
            if (*q != '0') {
                above_half = 1;
            }
        }
        int last_odd = keep > 0 && ((text[keep - 1] - '0') & 1);
        round_up = above_half || last_odd;
    }
    /* A leading '0' leaves room for the carry out of 99...9. */
    char raw[DG_PRINT_BUFSIZE + 1];
    raw[0] = '0';
    memcpy(raw + 1, text, keep);
    int n = keep + 1;
    *decpt = len + 1;
    if (round_up) {
        int i = n - 1;
        while (raw[i] == '9') {
            raw[i--] = '0';
        }
        raw[i]++;
    }
    return normalize_digits(raw, n, decpt, digits);
}

Py_ssize_t _Py_dg_digits(double x, int mode, int ndigits,
                         char *digits, int *decpt, int *sign)
{
    *sign = signbit(x) ? 1 : 0;
    if (x == 0.0) {
        digits[0] = '\0';
        *decpt = 1;
        return 0;
    }
    switch (mode) {
    case 0:
        return shortest_digits(x, digits, decpt);
    case 2:
        return significant_digits(x, Py_MIN(Py_MAX(ndigits, 1), _Py_DG_MAXDIGITS),
                                  digits, decpt);
    default:
        if (ndigits >= 0) {
            return fixed_digits(x, ndigits, digits, decpt);
        }
        if (ndigits < -400) {
            digits[0] = '\0';
            *decpt = 1;
            return 0;
        }
        return tens_digits(x, -ndigits, digits, decpt);
    }
}

/* ---- layout ------------------------------------------------------- */

/* How a digit string is to be laid out. */
typedef struct {
    int use_exp;        /* d.ddde+XX rather than ddd.ddd */
    Py_ssize_t frac_len;/* digits after the point (zeros pad) */
    int force_point;    /* a point even with no fraction digits */
    int add_dot_0;      /* a fixed result shows at least one fraction digit */
    char exp_char;      /* 'e' or 'E' */
} layout_spec;

/* Upper bound of the laid-out length, not counting the sign. */
static size_t layout_size(int n, int decpt, const layout_spec *spec)
{
    size_t size = (size_t)spec->frac_len + n + 16;
    if (!spec->use_exp && decpt > 0) {
        size += decpt;
    }
    return size;
}

/* Write the digits per spec at out; returns the end. */
static char *layout_digits(char *out, const char *digits, int n, int decpt,
                           const layout_spec *spec)
{
    if (spec->use_exp) {
        *out++ = n > 0 ? digits[0] : '0';
        if (spec->frac_len > 0 || spec->force_point) {
            *out++ = '.';
        }
        for (Py_ssize_t i = 1; i <= spec->frac_len; i++) {
            *out++ = i < n ? digits[i] : '0';
        }
        int exp10 = n > 0 ? decpt - 1 : 0;
        out += sprintf(out, "%c%c%02d", spec->exp_char,
                       exp10 < 0 ? '-' : '+', abs(exp10));
        return out;
    }
    Py_ssize_t frac_len = spec->frac_len;
    if (frac_len == 0 && spec->add_dot_0) {
        /* An integral value still shows one fraction digit: "1.0". */
        frac_len = 1;
    }
    if (decpt <= 0) {
        *out++ = '0';
    }
    else {
        for (int i = 0; i < decpt; i++) {
            *out++ = i < n ? digits[i] : '0';
        }
    }
    if (frac_len > 0 || spec->force_point) {
        *out++ = '.';
    }
    for (Py_ssize_t i = 0; i < frac_len; i++) {
        Py_ssize_t index = decpt + i;
        *out++ = (index >= 0 && index < n) ? digits[index] : '0';
    }
    return out;
}

/* Choose the digits and layout for a finite value; returns the digit
   count (or -1 on an internal error). */
static int plan_finite(double val, char code, int precision, int flags,
                       char *digits, int *decpt, int *sign,
                       layout_spec *spec)
{
    int alt = (flags & Py_DTSF_ALT) != 0;
    int n;
    spec->force_point = alt;
    spec->add_dot_0 = 0;
    spec->exp_char = (code == 'E' || code == 'F' || code == 'G') ? 'E' : 'e';
    switch (code) {
    case 'e': case 'E':
        n = (int)_Py_dg_digits(val, 2, precision + 1, digits, decpt, sign);
        spec->use_exp = 1;
        spec->frac_len = precision;
        return n;
    case 'f': case 'F':
        n = (int)_Py_dg_digits(val, 3, precision, digits, decpt, sign);
        spec->use_exp = 0;
        spec->frac_len = precision;
        return n;
    case 'g': case 'G': {
        int p = precision == 0 ? 1 : precision;
        int add_dot_0 = (flags & Py_DTSF_ADD_DOT_0) != 0;
        n = (int)_Py_dg_digits(val, 2, p, digits, decpt, sign);
        /* With ADD_DOT_0 the ".0" counts as a digit, so exponent notation
           starts one place earlier. */
        spec->use_exp = *decpt <= -4 || *decpt > (add_dot_0 ? p - 1 : p);
        if (spec->use_exp) {
            spec->frac_len = alt ? p - 1 : Py_MAX(n - 1, 0);
        }
        else {
            spec->frac_len = alt ? p - *decpt : Py_MAX(n - *decpt, 0);
        }
        spec->add_dot_0 = add_dot_0;
        return n;
    }
    case 'r':
        n = (int)_Py_dg_digits(val, 0, 0, digits, decpt, sign);
        spec->use_exp = *decpt <= -4 || *decpt > 16;
        spec->frac_len = spec->use_exp ? Py_MAX(n - 1, 0)
                                       : Py_MAX(n - *decpt, 0);
        spec->add_dot_0 = (flags & Py_DTSF_ADD_DOT_0) != 0;
        return n;
    default:
        return -1;
    }
}

static char *copy_special(const char *word, int negative, int flags,
                          int upper)
{
    char *result = PyMem_Malloc(8);
    if (result == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    char *out = result;
    if (negative) {
        *out++ = '-';
    }
    else if (flags & Py_DTSF_SIGN) {
        *out++ = '+';
    }
    for (; *word; word++) {
        *out++ = upper ? (char)toupper((unsigned char)*word) : *word;
    }
    *out = '\0';
    return result;
}

char *PyOS_double_to_string(double val, char format_code, int precision,
                            int flags, int *type)
{
    int upper = (format_code == 'E' || format_code == 'F'
                 || format_code == 'G');
    if (strchr("eEfFgGr", format_code) == NULL || format_code == '\0'
        || (format_code == 'r' && precision != 0) || precision < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (isnan(val)) {
        /* Python never shows the sign of a NaN. */
        if (type != NULL) {
            *type = Py_DTST_NAN;
        }
        return copy_special("nan", 0, flags, upper);
    }
    if (isinf(val)) {
        if (type != NULL) {
            *type = Py_DTST_INFINITE;
        }
        return copy_special("inf", val < 0, flags, upper);
    }
    if (type != NULL) {
        *type = Py_DTST_FINITE;
    }
    char digits[_Py_DG_MAXDIGITS + 1];
    int decpt, sign;
    layout_spec spec;
    int n = plan_finite(val, format_code, precision, flags, digits, &decpt,
                        &sign, &spec);
    if (n < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (n == 0 && (flags & Py_DTSF_NO_NEG_0)) {
        sign = 0;
    }
    char *result = PyMem_Malloc(layout_size(n, decpt, &spec) + 2);
    if (result == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    char *out = result;
    if (sign) {
        *out++ = '-';
    }
    else if (flags & Py_DTSF_SIGN) {
        *out++ = '+';
    }
    out = layout_digits(out, digits, n, decpt, &spec);
    *out = '\0';
    return result;
}
