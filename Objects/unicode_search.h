/* Substring search over one code unit width; a template included by
   Objects/unicodeobject.c three times, with
       SEARCH_CHAR   the code unit type (Py_UCS1, Py_UCS2, Py_UCS4)
       SEARCH(name)  the name of the instance of `name` for that type.

   Substrings are found with Horspool's algorithm: a 256-entry shift
   table indexed by the low byte of each code unit (a collision only
   shortens a shift, so it stays correct for wide units). */

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

/* First index of p[0:m] in s[0:n] (m >= 1), or -1. */
static Py_ssize_t
SEARCH(find)(const SEARCH_CHAR *s, Py_ssize_t n, const SEARCH_CHAR *p, Py_ssize_t m)
{
    if (m > n) {
        return -1;
    }
    if (m == 1) {
        return SEARCH(find_char)(s, n, p[0]);
    }
    Py_ssize_t shift[256];
    for (int i = 0; i < 256; i++) {
        shift[i] = m;
    }
    for (Py_ssize_t i = 0; i < m - 1; i++) {
        shift[p[i] & 0xFF] = m - 1 - i;
    }
    SEARCH_CHAR last = p[m - 1];
    for (Py_ssize_t i = 0; i <= n - m;) {
        SEARCH_CHAR c = s[i + m - 1];
        if (c == last && memcmp(s + i, p, (size_t)(m - 1) * sizeof(SEARCH_CHAR)) == 0) {
            return i;
        }
        i += shift[c & 0xFF];
    }
    return -1;
}

/* Last index of p[0:m] in s[0:n] (m >= 1), or -1. */
static Py_ssize_t
SEARCH(rfind)(const SEARCH_CHAR *s, Py_ssize_t n, const SEARCH_CHAR *p, Py_ssize_t m)
{
    if (m > n) {
        return -1;
    }
    if (m == 1) {
        return SEARCH(rfind_char)(s, n, p[0]);
    }
    Py_ssize_t shift[256];
    for (int i = 0; i < 256; i++) {
        shift[i] = m;
    }
    for (Py_ssize_t i = m - 1; i > 0; i--) {
        shift[p[i] & 0xFF] = i;
    }
    SEARCH_CHAR first = p[0];
    for (Py_ssize_t i = n - m; i >= 0;) {
        SEARCH_CHAR c = s[i];
        if (c == first && memcmp(s + i + 1, p + 1, (size_t)(m - 1) * sizeof(SEARCH_CHAR)) == 0) {
            return i;
        }
        i -= shift[c & 0xFF];
    }
    return -1;
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
