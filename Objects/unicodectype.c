/* Character properties from the Unicode Character Database.

   The data is generated at build time by Tools/unicode/make_unicode_db
   into Objects/unicode_db.h (its header comment describes the two-level
   table).  Everything here reads const tables, so it is thread-safe. */
#include "Python.h"
#include "pycore_unicodectype.h"
#include "unicode_db.h"

Py_BUILD_ASSERT(_PyUnicode_FULL_MAX == _PyUnicode_FULL_CASE_MAX);
Py_BUILD_ASSERT(_PyUnicode_DECOMP_MAX == _PyUnicode_DECOMPOSITION_MAX);

const char _PyUnicode_UnidataVersion[] = _PyUnicode_UNIDATA_VERSION;

/* ASCII white space: \t \n \v \f \r, \x1c-\x1f and the space. */
const unsigned char _Py_ascii_whitespace[128] = {
    [0x09] = 1, [0x0A] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1,
    [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1, [0x20] = 1,
};

static const _PyUnicode_TypeRecord *
get_record(Py_UCS4 ch)
{
    if (ch > 0x10FFFF) {
        /* Not a code point: the record of unassigned characters. */
        return &_PyUnicode_TypeRecords[0];
    }
    unsigned int block = _PyUnicode_TypeIndex1[ch >> _PyUnicode_TypeIndex_SHIFT];
    unsigned int index = _PyUnicode_TypeIndex2[
        (block << _PyUnicode_TypeIndex_SHIFT)
        + (ch & ((1u << _PyUnicode_TypeIndex_SHIFT) - 1))];
    return &_PyUnicode_TypeRecords[index];
}

static int
has_flag(Py_UCS4 ch, uint32_t mask)
{
    return (get_record(ch)->flags & mask) != 0;
}

int _PyUnicode_IsLowercase(Py_UCS4 ch) { return has_flag(ch, _PyUnicode_LOWER_MASK); }
int _PyUnicode_IsUppercase(Py_UCS4 ch) { return has_flag(ch, _PyUnicode_UPPER_MASK); }
int _PyUnicode_IsTitlecase(Py_UCS4 ch) { return has_flag(ch, _PyUnicode_TITLE_MASK); }
int _PyUnicode_IsXidStart(Py_UCS4 ch) { return has_flag(ch, _PyUnicode_XID_START_MASK); }
int _PyUnicode_IsXidContinue(Py_UCS4 ch) { return has_flag(ch, _PyUnicode_XID_CONTINUE_MASK); }
int _PyUnicode_IsWhitespace(const Py_UCS4 ch) { return has_flag(ch, _PyUnicode_SPACE_MASK); }
int _PyUnicode_IsLinebreak(const Py_UCS4 ch) { return has_flag(ch, _PyUnicode_LINEBREAK_MASK); }
int _PyUnicode_IsCaseIgnorable(Py_UCS4 ch) { return has_flag(ch, _PyUnicode_CASE_IGNORABLE_MASK); }
int _PyUnicode_IsCased(Py_UCS4 ch) { return has_flag(ch, _PyUnicode_CASED_MASK); }
int _PyUnicode_IsDecimalDigit(Py_UCS4 ch) { return has_flag(ch, _PyUnicode_DECIMAL_MASK); }
int _PyUnicode_IsDigit(Py_UCS4 ch) { return has_flag(ch, _PyUnicode_DIGIT_MASK); }
int _PyUnicode_IsNumeric(Py_UCS4 ch) { return has_flag(ch, _PyUnicode_NUMERIC_MASK); }
int _PyUnicode_IsPrintable(Py_UCS4 ch) { return has_flag(ch, _PyUnicode_PRINTABLE_MASK); }
int _PyUnicode_IsAlpha(Py_UCS4 ch) { return has_flag(ch, _PyUnicode_ALPHA_MASK); }

Py_UCS4
_PyUnicode_ToLowercase(Py_UCS4 ch)
{
    return (Py_UCS4)((int32_t)ch + get_record(ch)->lower);
}

Py_UCS4
_PyUnicode_ToUppercase(Py_UCS4 ch)
{
    return (Py_UCS4)((int32_t)ch + get_record(ch)->upper);
}

Py_UCS4
_PyUnicode_ToTitlecase(Py_UCS4 ch)
{
    return (Py_UCS4)((int32_t)ch + get_record(ch)->title);
}

/* Copy a full mapping of n code points to res; returns n. */
static int
copy_full(const Py_UCS4 *mapping, int n, Py_UCS4 *res)
{
    for (int i = 0; i < n; i++) {
        res[i] = mapping[i];
    }
    return n;
}

int
_PyUnicode_ToLowerFull(Py_UCS4 ch, Py_UCS4 *res)
{
    const _PyUnicode_TypeRecord *r = get_record(ch);
    if (r->special) {
        const _PyUnicode_SpecialCase *s = &_PyUnicode_SpecialCases[r->special - 1];
        return copy_full(s->lower, s->nlower, res);
    }
    res[0] = (Py_UCS4)((int32_t)ch + r->lower);
    return 1;
}

int
_PyUnicode_ToUpperFull(Py_UCS4 ch, Py_UCS4 *res)
{
    const _PyUnicode_TypeRecord *r = get_record(ch);
    if (r->special) {
        const _PyUnicode_SpecialCase *s = &_PyUnicode_SpecialCases[r->special - 1];
        return copy_full(s->upper, s->nupper, res);
    }
    res[0] = (Py_UCS4)((int32_t)ch + r->upper);
    return 1;
}

int
_PyUnicode_ToTitleFull(Py_UCS4 ch, Py_UCS4 *res)
{
    const _PyUnicode_TypeRecord *r = get_record(ch);
    if (r->special) {
        const _PyUnicode_SpecialCase *s = &_PyUnicode_SpecialCases[r->special - 1];
        return copy_full(s->title, s->ntitle, res);
    }
    res[0] = (Py_UCS4)((int32_t)ch + r->title);
    return 1;
}

/* Full case folding; a character without a Special entry folds to its
   simple lowercase (the generator guarantees it). */
int
_PyUnicode_ToFoldedFull(Py_UCS4 ch, Py_UCS4 *res)
{
    const _PyUnicode_TypeRecord *r = get_record(ch);
    if (r->special) {
        const _PyUnicode_SpecialCase *s = &_PyUnicode_SpecialCases[r->special - 1];
        return copy_full(s->fold, s->nfold, res);
    }
    res[0] = (Py_UCS4)((int32_t)ch + r->lower);
    return 1;
}

int
_PyUnicode_ToDecimalDigit(Py_UCS4 ch)
{
    return get_record(ch)->decimal;
}

int
_PyUnicode_ToDigit(Py_UCS4 ch)
{
    return get_record(ch)->digit;
}

int
_PyUnicode_GetNumericValue(Py_UCS4 ch, double *value)
{
    const _PyUnicode_TypeRecord *r = get_record(ch);
    if (r->numeric == 0) {
        return 0;
    }
    const _PyUnicode_NumericValue *v = &_PyUnicode_Numerics[r->numeric - 1];
    *value = v->numerator / v->denominator;
    return 1;
}

/* -1.0 when ch has no numeric value, as in CPython. */
double
_PyUnicode_ToNumeric(Py_UCS4 ch)
{
    double value;
    if (!_PyUnicode_GetNumericValue(ch, &value)) {
        return -1.0;
    }
    return value;
}

const char *
_PyUnicode_CategoryName(Py_UCS4 ch)
{
    return _PyUnicode_CategoryNames[get_record(ch)->category];
}

const char *
_PyUnicode_BidirectionalName(Py_UCS4 ch)
{
    return _PyUnicode_BidirectionalNames[get_record(ch)->bidirectional];
}

int
_PyUnicode_CombiningClass(Py_UCS4 ch)
{
    return get_record(ch)->combining;
}

int
_PyUnicode_IsMirrored(Py_UCS4 ch)
{
    return get_record(ch)->mirrored;
}

/* ---- character names ------------------------------------------------------- */

/* Hangul syllable names are built from the jamo short names (Unicode
   chapter 3.12). */
#define HANGUL_SBASE 0xAC00
#define HANGUL_LCOUNT 19
#define HANGUL_VCOUNT 21
#define HANGUL_TCOUNT 28
#define HANGUL_NCOUNT (HANGUL_VCOUNT * HANGUL_TCOUNT)
#define HANGUL_SCOUNT (HANGUL_LCOUNT * HANGUL_NCOUNT)

static const char *const hangul_l[HANGUL_LCOUNT] = {
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ",
    "C", "K", "T", "P", "H",
};
static const char *const hangul_v[HANGUL_VCOUNT] = {
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE",
    "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I",
};
static const char *const hangul_t[HANGUL_TCOUNT] = {
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS",
    "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T",
    "P", "H",
};
static const char hangul_prefix[] = "HANGUL SYLLABLE ";

/* Word `index` of the lexicon. */
static const char *
lexicon_word(int index)
{
    return _PyUnicode_Lexicon + _PyUnicode_LexiconOffsets[index];
}

/* Decode one word index at p; returns the bytes used. */
static int
read_word_index(const unsigned char *p, int *index)
{
    if (p[0] < 128) {
        *index = p[0];
        return 1;
    }
    *index = ((p[0] & 0x7F) << 8) | p[1];
    return 2;
}

/* The phrasebook entry of ch, or NULL. */
static const unsigned char *
find_entry(Py_UCS4 ch)
{
    if (ch > 0x10FFFF) {
        return NULL;
    }
    const unsigned char *p = _PyUnicode_Phrasebook + _PyUnicode_NameBlocks[ch >> 7];
    const unsigned char *end = _PyUnicode_Phrasebook + _PyUnicode_NameBlocks[(ch >> 7) + 1];
    while (p < end) {
        unsigned int low = p[0], count = p[1];
        if (low == (ch & 127)) {
            return p;
        }
        p += 2;
        for (unsigned int i = 0; i < count; i++) {
            int index;
            p += read_word_index(p, &index);
        }
    }
    return NULL;
}

int
_PyUnicode_GetName(Py_UCS4 ch, char *buf, size_t buflen)
{
    int n;
    if (ch >= HANGUL_SBASE && ch < HANGUL_SBASE + HANGUL_SCOUNT) {
        unsigned int s = ch - HANGUL_SBASE;
        n = snprintf(buf, buflen, "%s%s%s%s", hangul_prefix,
                     hangul_l[s / HANGUL_NCOUNT],
                     hangul_v[(s % HANGUL_NCOUNT) / HANGUL_TCOUNT],
                     hangul_t[s % HANGUL_TCOUNT]);
        return n > 0 && (size_t)n < buflen;
    }
    for (size_t i = 0; i < Py_ARRAY_LENGTH(_PyUnicode_NameRanges); i++) {
        if (ch >= _PyUnicode_NameRanges[i].first && ch <= _PyUnicode_NameRanges[i].last) {
            n = snprintf(buf, buflen, "%s%04X", _PyUnicode_NameRanges[i].prefix,
                         (unsigned int)ch);
            return n > 0 && (size_t)n < buflen;
        }
    }
    const unsigned char *p = find_entry(ch);
    if (p == NULL) {
        return 0;
    }
    unsigned int count = p[1];
    p += 2;
    size_t pos = 0;
    for (unsigned int i = 0; i < count; i++) {
        int index;
        p += read_word_index(p, &index);
        const char *word = lexicon_word(index);
        size_t len = strlen(word);
        if (pos + len + (i > 0) + 1 > buflen) {
            return 0;
        }
        if (i > 0) {
            buf[pos++] = ' ';
        }
        memcpy(buf + pos, word, len);
        pos += len;
    }
    buf[pos] = '\0';
    return 1;
}

/* Index of word w[0:len] in the lexicon, or -1 (binary search over the
   alphabetical permutation). */
static int
lexicon_find(const char *w, size_t len)
{
    int lo = 0, hi = _PyUnicode_NAME_WORDS - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        const char *word = lexicon_word(_PyUnicode_LexiconSorted[mid]);
        int cmp = strncmp(w, word, len);
        if (cmp == 0) {
            cmp = word[len] == '\0' ? 0 : -1;
        }
        if (cmp == 0) {
            return _PyUnicode_LexiconSorted[mid];
        }
        if (cmp < 0) {
            hi = mid - 1;
        }
        else {
            lo = mid + 1;
        }
    }
    return -1;
}

/* Longest of the jamo names matching at *p; advances *p. */
static int
match_jamo(const char **p, const char *const *table, int count)
{
    int best = -1;
    size_t best_len = 0;
    for (int i = 0; i < count; i++) {
        size_t len = strlen(table[i]);
        if (strncmp(*p, table[i], len) == 0 && (best < 0 || len > best_len)) {
            best = i;
            best_len = len;
        }
    }
    *p += best_len;
    return best;
}

static int
lookup_algorithmic(const char *name, Py_UCS4 *ch)
{
    size_t plen = sizeof(hangul_prefix) - 1;
    if (strncmp(name, hangul_prefix, plen) == 0) {
        const char *p = name + plen;
        int l = match_jamo(&p, hangul_l, HANGUL_LCOUNT);
        int v = match_jamo(&p, hangul_v, HANGUL_VCOUNT);
        int t = match_jamo(&p, hangul_t, HANGUL_TCOUNT);
        if (l < 0 || v < 0 || t < 0 || *p != '\0') {
            return 0;
        }
        *ch = HANGUL_SBASE + (Py_UCS4)((l * HANGUL_VCOUNT + v) * HANGUL_TCOUNT + t);
        return 1;
    }
    for (size_t i = 0; i < Py_ARRAY_LENGTH(_PyUnicode_NameRanges); i++) {
        const char *prefix = _PyUnicode_NameRanges[i].prefix;
        size_t n = strlen(prefix);
        if (strncmp(name, prefix, n) != 0) {
            continue;
        }
        const char *hex = name + n;
        size_t digits = strlen(hex);
        if (digits != 4 && digits != 5) {
            return 0;
        }
        Py_UCS4 v = 0;
        for (size_t k = 0; k < digits; k++) {
            char c = hex[k];
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) {
                return 0;
            }
            v = v * 16 + (Py_UCS4)d;
        }
        for (size_t j = 0; j < Py_ARRAY_LENGTH(_PyUnicode_NameRanges); j++) {
            if (strcmp(_PyUnicode_NameRanges[j].prefix, prefix) == 0
                && v >= _PyUnicode_NameRanges[j].first
                && v <= _PyUnicode_NameRanges[j].last) {
                *ch = v;
                return 1;
            }
        }
        return 0;
    }
    return 0;
}

int
_PyUnicode_LookupName(const char *name, size_t namelen, int with_aliases,
                      Py_UCS4 *ch)
{
    char upper[_PyUnicode_NAME_MAXLEN + 64];
    if (namelen == 0 || namelen >= sizeof(upper)) {
        return 0;
    }
    /* Lookups ignore case, as CPython's do. */
    for (size_t i = 0; i < namelen; i++) {
        char c = name[i];
        upper[i] = (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
        if (c == '\0') {
            return 0;
        }
    }
    upper[namelen] = '\0';
    if (lookup_algorithmic(upper, ch)) {
        return 1;
    }
    if (with_aliases) {
        for (size_t i = 0; i < Py_ARRAY_LENGTH(_PyUnicode_NameAliases); i++) {
            if (strcmp(upper, _PyUnicode_NameAliases[i].name) == 0) {
                *ch = _PyUnicode_NameAliases[i].cp;
                return 1;
            }
        }
    }
    /* Encode the name as the phrasebook would, then scan for it. */
    unsigned char target[2 * (_PyUnicode_NAME_MAXLEN + 64)];
    size_t tlen = 0;
    unsigned int count = 0;
    const char *p = upper;
    while (*p) {
        size_t len = strcspn(p, " ");
        int index = len ? lexicon_find(p, len) : -1;
        if (index < 0) {
            return 0;
        }
        if (index < 128) {
            target[tlen++] = (unsigned char)index;
        }
        else {
            target[tlen++] = (unsigned char)(0x80 | (index >> 8));
            target[tlen++] = (unsigned char)(index & 0xFF);
        }
        count++;
        p += len;
        if (*p == ' ') {
            p++;
            if (*p == '\0') {
                return 0;
            }
        }
    }
    const unsigned char *entry = _PyUnicode_Phrasebook;
    const unsigned char *end = _PyUnicode_Phrasebook + sizeof(_PyUnicode_Phrasebook);
    size_t block = 0;
    while (entry < end) {
        while (_PyUnicode_NameBlocks[block + 1] <= (size_t)(entry - _PyUnicode_Phrasebook)) {
            block++;
        }
        unsigned int low = entry[0], n = entry[1];
        const unsigned char *q = entry + 2;
        for (unsigned int i = 0; i < n; i++) {
            int index;
            q += read_word_index(q, &index);
        }
        if (n == count && (size_t)(q - entry - 2) == tlen
            && memcmp(entry + 2, target, tlen) == 0) {
            *ch = (Py_UCS4)((block << 7) | low);
            return 1;
        }
        entry = q;
    }
    return 0;
}

/* ---- normalization data ------------------------------------------------------ */

const char *
_PyUnicode_EastAsianWidthName(Py_UCS4 ch)
{
    return _PyUnicode_EastAsianWidthNames[get_record(ch)->east_asian_width];
}

int
_PyUnicode_GetDecomposition(Py_UCS4 ch, const char **tag, Py_UCS4 *buf)
{
    if (ch > 0x10FFFF) {
        return 0;
    }
    unsigned int block = _PyUnicode_DecompIndex1[ch >> _PyUnicode_DecompIndex_SHIFT];
    unsigned int index = _PyUnicode_DecompIndex2[
        (block << _PyUnicode_DecompIndex_SHIFT)
        + (ch & ((1u << _PyUnicode_DecompIndex_SHIFT) - 1))];
    if (index == 0) {
        return 0;
    }
    uint32_t header = _PyUnicode_Decompositions[index - 1];
    int count = (int)(header & 0xFF);
    *tag = _PyUnicode_DecompositionTags[header >> 8];
    for (int i = 0; i < count; i++) {
        buf[i] = _PyUnicode_Decompositions[index + i];
    }
    return count;
}

int
_PyUnicode_QuickCheck(Py_UCS4 ch, int form)
{
    unsigned int bits = get_record(ch)->normalization;
    switch (form) {
    case 0:     /* NFC */
        return (bits & _PyUnicode_NORM_NFC_NO) ? 1
               : (bits & _PyUnicode_NORM_NFC_MAYBE) ? 2 : 0;
    case 1:     /* NFKC */
        return (bits & _PyUnicode_NORM_NFKC_NO) ? 1
               : (bits & _PyUnicode_NORM_NFKC_MAYBE) ? 2 : 0;
    case 2:     /* NFD */
        return (bits & _PyUnicode_NORM_NFD_NO) ? 1 : 0;
    default:    /* NFKD */
        return (bits & _PyUnicode_NORM_NFKD_NO) ? 1 : 0;
    }
}

int
_PyUnicode_IsCompositionExclusion(Py_UCS4 ch)
{
    return (get_record(ch)->normalization & _PyUnicode_NORM_COMP_EXCLUSION) != 0;
}

#define HANGUL_LBASE 0x1100
#define HANGUL_VBASE 0x1161
#define HANGUL_TBASE 0x11A7

Py_UCS4
_PyUnicode_Compose(Py_UCS4 first, Py_UCS4 second)
{
    /* Hangul: L + V -> LV, LV + T -> LVT (Unicode chapter 3.12). */
    if (first >= HANGUL_LBASE && first < HANGUL_LBASE + HANGUL_LCOUNT
        && second >= HANGUL_VBASE && second < HANGUL_VBASE + HANGUL_VCOUNT) {
        return HANGUL_SBASE + ((first - HANGUL_LBASE) * HANGUL_VCOUNT
                               + (second - HANGUL_VBASE)) * HANGUL_TCOUNT;
    }
    if (first >= HANGUL_SBASE && first < HANGUL_SBASE + HANGUL_SCOUNT
        && (first - HANGUL_SBASE) % HANGUL_TCOUNT == 0
        && second > HANGUL_TBASE && second < HANGUL_TBASE + HANGUL_TCOUNT) {
        return first + (second - HANGUL_TBASE);
    }
    size_t lo = 0, hi = Py_ARRAY_LENGTH(_PyUnicode_Compositions);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const uint32_t *p = _PyUnicode_Compositions[mid];
        if (p[0] == first && p[1] == second) {
            return p[2];
        }
        if (p[0] < first || (p[0] == first && p[1] < second)) {
            lo = mid + 1;
        }
        else {
            hi = mid;
        }
    }
    return 0;
}
