/* Substring search over one code unit width; a template included by
   Objects/unicodeobject.c three times, with
       SEARCH_CHAR   the code unit type (Py_UCS1, Py_UCS2, Py_UCS4)
       SEARCH(name)  the name of the instance of `name` for that type.

   Substrings of two or more units are found by the worst-case linear
   search of stringlib_twoway.h (Horspool, switching to two-way on
   adversarial input), instantiated here once per direction. */

#define TW_CHAR SEARCH_CHAR
#define TW_REV 0
#define TW(name) SEARCH(name##_forward)
#include "stringlib_twoway.h"
#undef TW
#undef TW_REV
#define TW_REV 1
#define TW(name) SEARCH(name##_backward)
#include "stringlib_twoway.h"
#undef TW
#undef TW_REV
#undef TW_CHAR

/* First index of ch in s[0:n], or -1. */
static Py_ssize_t
SEARCH(find_char)(const SEARCH_CHAR *s, Py_ssize_t n, Py_UCS4 ch)
{
    if (sizeof(SEARCH_CHAR) == 1) {
        if (ch > 0xFF) {
            return -1;
        }
        const void *p = memchr(s, (int)ch, (size_t)n);
        return p != NULL ? (const SEARCH_CHAR *)p - s : -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (s[i] == ch) {
            return i;
        }
    }
    return -1;
}

/* Last index of ch in s[0:n], or -1. */
static Py_ssize_t
SEARCH(rfind_char)(const SEARCH_CHAR *s, Py_ssize_t n, Py_UCS4 ch)
{
    if (sizeof(SEARCH_CHAR) == 1) {
        if (ch > 0xFF) {
            return -1;
        }
        const void *p = memrchr(s, (int)ch, (size_t)n);
        return p != NULL ? (const SEARCH_CHAR *)p - s : -1;
    }
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        if (s[i] == ch) {
            return i;
        }
    }
    return -1;
}

/* First index of p[0:m] in s[0:n] (m >= 1), or -1; O(n + m). */
static Py_ssize_t
SEARCH(find)(const SEARCH_CHAR *s, Py_ssize_t n, const SEARCH_CHAR *p, Py_ssize_t m)
{
    if (m == 1) {
        return SEARCH(find_char)(s, n, p[0]);
    }
    return SEARCH(find_forward)(s, n, p, m);
}

/* Last index of p[0:m] in s[0:n] (m >= 1), or -1; O(n + m). */
static Py_ssize_t
SEARCH(rfind)(const SEARCH_CHAR *s, Py_ssize_t n, const SEARCH_CHAR *p, Py_ssize_t m)
{
    if (m == 1) {
        return SEARCH(rfind_char)(s, n, p[0]);
    }
    Py_ssize_t at = SEARCH(find_backward)(s, n, p, m);
    return at < 0 ? -1 : n - m - at;
}

/* Non-overlapping occurrences of p[0:m] in s[0:n] (m >= 1), at most
   maxcount. */
static Py_ssize_t
SEARCH(count)(const SEARCH_CHAR *s, Py_ssize_t n, const SEARCH_CHAR *p,
              Py_ssize_t m, Py_ssize_t maxcount)
{
    Py_ssize_t count = 0;
    if (m == 1) {
        for (Py_ssize_t i = 0; i < n && count < maxcount; i++) {
            count += s[i] == p[0];
        }
        return count;
    }
    Py_ssize_t pos = 0;
    while (count < maxcount) {
        Py_ssize_t i = SEARCH(find)(s + pos, n - pos, p, m);
        if (i < 0) {
            break;
        }
        count++;
        pos += i + m;
    }
    return count;
}
