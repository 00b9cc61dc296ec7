/* PyOS_strtoul and PyOS_strtol: the C library's strtoul/strtol with
   Python's literal prefixes, independent of the locale.

   Differences from the C functions: with base 0 a leading "0x", "0o" or
   "0b" selects the base (and a plain leading "0" does not mean octal);
   the prefix matching an explicit base 16, 8 or 2 is skipped; PyOS_strtoul
   takes no sign.  On overflow the result is ULONG_MAX (LONG_MAX or
   LONG_MIN) with errno set to ERANGE, and *ptr still points past all the
   digits.  When there are no digits the result is 0 and *ptr == str.
   Pure functions of their arguments: safe from any thread. */

#include "Python.h"

static int
is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Value of c as a digit in bases up to 36, or 37. */
static int
char_value(unsigned char c)
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

/* The base selected by a "0x"/"0o"/"0b" prefix at s, or 0. */
static int
prefix_base(const unsigned char *s)
{
    if (s[0] != '0') {
        return 0;
    }
    switch (s[1]) {
    case 'x': case 'X':
        return 16;
    case 'o': case 'O':
        return 8;
    case 'b': case 'B':
        return 2;
    default:
        return 0;
    }
}

/* The digits at str (after whitespace and a prefix), with *end past them
   (str itself when there are none) and *overflow set when the value does
   not fit.  base is 0 or 2..36. */
static unsigned long
parse_unsigned(const char *str, const char **end, int base, int *overflow)
{
    const unsigned char *s = (const unsigned char *)str;
    *end = str;
    *overflow = 0;
    while (is_space(*s)) {
        s++;
    }
    /* A prefix counts only when a digit of its base follows it. */
    int from_prefix = prefix_base(s);
    if (from_prefix != 0 && (base == 0 || base == from_prefix)
        && char_value(s[2]) < from_prefix) {
        base = from_prefix;
        s += 2;
    }
    if (base == 0) {
        base = 10;
    }
    if (char_value(*s) >= base) {
        return 0;
    }
    unsigned long result = 0;
    for (int value; (value = char_value(*s)) < base; s++) {
        if (result > (ULONG_MAX - (unsigned long)value) / (unsigned long)base) {
            *overflow = 1;
        }
        else {
            result = result * (unsigned long)base + (unsigned long)value;
        }
    }
    *end = (const char *)s;
    return *overflow ? ULONG_MAX : result;
}

unsigned long
PyOS_strtoul(const char *str, char **ptr, int base)
{
    if ((base != 0 && base < 2) || base > 36) {
        if (ptr != NULL) {
            *ptr = (char *)str;
        }
        errno = EINVAL;
        return 0;
    }
    const char *end;
    int overflow;
    unsigned long result = parse_unsigned(str, &end, base, &overflow);
    if (ptr != NULL) {
        *ptr = (char *)end;
    }
    if (overflow) {
        errno = ERANGE;
    }
    return result;
}

long
PyOS_strtol(const char *str, char **ptr, int base)
{
    if (ptr != NULL) {
        *ptr = (char *)str;
    }
    if ((base != 0 && base < 2) || base > 36) {
        errno = EINVAL;
        return 0;
    }
    const char *s = str;
    while (is_space((unsigned char)*s)) {
        s++;
    }
    int negative = 0;
    if (*s == '+' || *s == '-') {
        negative = *s == '-';
        s++;
    }
    const char *end;
    int overflow;
    unsigned long magnitude = parse_unsigned(s, &end, base, &overflow);
    if (end == s) {
        /* No digits: nothing is consumed, not even the sign. */
        return 0;
    }
    if (ptr != NULL) {
        *ptr = (char *)end;
    }
    /* |LONG_MIN| == LONG_MAX + 1 is the one magnitude without a positive
       counterpart. */
    unsigned long limit = (unsigned long)LONG_MAX + (negative ? 1 : 0);
    if (overflow || magnitude > limit) {
        errno = ERANGE;
        return negative ? LONG_MIN : LONG_MAX;
    }
    if (negative) {
        return magnitude == limit ? LONG_MIN : -(long)magnitude;
    }
    return (long)magnitude;
}
