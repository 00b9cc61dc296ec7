/* Worst-case linear substring search in one direction over one code
   unit width; a template included by Objects/unicode_search.h (str, both
   directions, each width) and Objects/bytes_methods.c (bytes, backward),
   with
       TW_CHAR    the code unit type (an unsigned integer type)
       TW(name)   the name of the instance of `name`
       TW_REV     0: find the first occurrence; 1: find the last one.

   Both directions run the same code on a "view" of text and needle:
   with TW_REV set, view index i of an array a[0:len] is a[len-1-i], so
   the first match at view index j is the last match in the text, at
   n - m - j.  TW(find) returns view indices; callers convert.

   TW(find) runs Horspool's algorithm, fast on ordinary text, while
   counting the code units it compares.  Once that count passes a budget
   proportional to the text already passed over, it continues from the
   current position with the two-way algorithm of Crochemore and Perrin,
   which compares O(n + m) code units in the worst case with O(1) extra
   space.  So the whole search is O(n + m).

   The functions only read their arguments (immutable str data, or a
   buffer the caller holds exported), and keep their state on the
   stack: they are safe without the GIL and take no lock. */

#define TW_AT(a, len, i) ((a)[TW_REV ? (len) - 1 - (i) : (i)])

/* The view of a[0:len] from view index i on, as an array whose own view
   is that tail: backward views end at the same place, so the array
   is a[0:len-i]; forward ones start at a + i (with length len - i). */
#define TW_TAIL(a, i) (TW_REV ? (a) : (a) + (i))

/* Start of the maximal suffix of the needle view p[0:m] (m >= 1) under
   the order of code units (invert == 0) or its reverse (invert == 1);
   *period is set to the period of that suffix. */
static Py_ssize_t
TW(max_suffix)(const TW_CHAR *p, Py_ssize_t m, int invert, Py_ssize_t *period)
{
    /* Invariant: the best suffix so far starts at ms + 1 and has period
       per; the candidate at j + 1 matches it for k - 1 units. */
    Py_ssize_t ms = -1, j = 0, k = 1, per = 1;
    while (j + k < m) {
        TW_CHAR a = TW_AT(p, m, j + k);
        TW_CHAR b = TW_AT(p, m, ms + k);
        if (invert ? a > b : a < b) {
            j += k;
            k = 1;
            per = j - ms;
        }
        else if (a == b) {
            if (k != per) {
                k++;
            }
            else {
                j += per;
                k = 1;
            }
        }
        else {
            ms = j;
            j = ms + 1;
            k = per = 1;
        }
    }
    *period = per;
    return ms + 1;
}

/* Whether the needle view p[0:len] equals p[from:from+len]. */
static int
TW(prefix_repeats)(const TW_CHAR *p, Py_ssize_t m, Py_ssize_t from,
                   Py_ssize_t len)
{
    for (Py_ssize_t i = 0; i < len; i++) {
        if (TW_AT(p, m, i) != TW_AT(p, m, from + i)) {
            return 0;
        }
    }
    return 1;
}

/* First view index of the needle view p[0:m] in the text view s[0:n]
   (1 <= m), or -1: the two-way algorithm.  The needle is cut at a
   critical factorization p = u v (u = p[0:cut]); v is matched left to
   right, then u right to left.  For a periodic needle (u is a suffix of
   the period's first repetition) a shift by the period keeps
   `memory` = m - period units known to match, so no unit of the text is
   compared twice on the left. */
static Py_ssize_t
TW(twoway)(const TW_CHAR *s, Py_ssize_t n, const TW_CHAR *p, Py_ssize_t m)
{
    Py_ssize_t per1, per2;
    Py_ssize_t cut1 = TW(max_suffix)(p, m, 0, &per1);
    Py_ssize_t cut2 = TW(max_suffix)(p, m, 1, &per2);
    Py_ssize_t cut = cut1 > cut2 ? cut1 : cut2;
    Py_ssize_t per = cut1 > cut2 ? per1 : per2;
    int periodic = TW(prefix_repeats)(p, m, per, cut);
    if (!periodic) {
        /* Any shift up to this one is safe when u does not repeat. */
        per = (cut > m - cut ? cut : m - cut) + 1;
    }
    Py_ssize_t memory = 0;
    for (Py_ssize_t j = 0; j <= n - m;) {
        Py_ssize_t i = cut > memory ? cut : memory;
        while (i < m && TW_AT(p, m, i) == TW_AT(s, n, j + i)) {
            i++;
        }
        if (i < m) {
            /* v mismatched at i: no match starts before that unit. */
            j += i - cut + 1;
            memory = 0;
            continue;
        }
        i = cut;
        while (i > memory && TW_AT(p, m, i - 1) == TW_AT(s, n, j + i - 1)) {
            i--;
        }
        if (i <= memory) {
            return j;
        }
        j += per;
        memory = periodic ? m - per : 0;
    }
    return -1;
}

/* Units Horspool may compare before the search switches to two-way,
   having passed `pos` view positions: linear in pos + m, and loose
   enough that ordinary text never reaches it. */
#define TW_BUDGET(pos, m) (4 * ((pos) + (m)) + 64)

/* First view index of the needle view p[0:m] in the text view s[0:n]
   (2 <= m), or -1; O(n + m) (see the top of the file). */
static Py_ssize_t
TW(find)(const TW_CHAR *s, Py_ssize_t n, const TW_CHAR *p, Py_ssize_t m)
{
    if (m > n) {
        return -1;
    }
    /* Horspool's shift table, indexed by the low byte of a unit, with
       shifts capped at 255 so that it is one memset.  A collision or
       the cap only shortens a shift, so it stays correct. */
    unsigned char shift[256];
    memset(shift, m < 255 ? (int)m : 255, sizeof(shift));
    for (Py_ssize_t k = m > 256 ? m - 256 : 0; k < m - 1; k++) {
        shift[TW_AT(p, m, k) & 0xFF] = (unsigned char)(m - 1 - k);
    }
    TW_CHAR last = TW_AT(p, m, m - 1);
    Py_ssize_t compared = 0;
    /* j indexes s directly (no view arithmetic in the hot loop): it is
       the unit under the needle view's last unit, so a match would start
       at view position i = j - (m - 1) forward, n - m - j backward. */
    Py_ssize_t j = TW_REV ? n - m : m - 1;
    while (TW_REV ? j >= 0 : j < n) {
        TW_CHAR c = s[j];
        if (Py_UNLIKELY(c == last)) {
            Py_ssize_t i = TW_REV ? n - m - j : j - (m - 1);
            Py_ssize_t k = 0;
            while (k < m - 1 && TW_AT(s, n, i + k) == TW_AT(p, m, k)) {
                k++;
            }
            if (k == m - 1) {
                return i;
            }
            compared += k + 1;
            if (compared > TW_BUDGET(i, m)) {
                Py_ssize_t at = TW(twoway)(TW_TAIL(s, i), n - i, p, m);
                return at < 0 ? -1 : i + at;
            }
        }
        Py_ssize_t step = shift[c & 0xFF];
        j += TW_REV ? -step : step;
    }
    return -1;
}

#undef TW_BUDGET
#undef TW_TAIL
#undef TW_AT
