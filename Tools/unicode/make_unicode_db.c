/* make_unicode_db: turn the Unicode Character Database text files into the
   C tables that str and unicodedata read (Objects/unicode_db.h).

   Usage: make_unicode_db UCD_DIR > unicode_db.h

   It runs on the build machine before the interpreter exists, so it is
   plain C with no dependency beyond libc (Unihan's numeric values come
   from a .bz2 file, read through the bzip2 program when present).

   Layout of the output.  Every code point maps to one "type record"
   holding all the properties str needs; equal records are shared, so
   there are only a few thousand of them.  The map from code point to
   record is a two-level table:

       block  = _PyUnicode_TypeIndex1[cp >> _PyUnicode_TypeIndex_SHIFT]
       record = _PyUnicode_TypeIndex2[(block << _PyUnicode_TypeIndex_SHIFT)
                                      + (cp & ((1 << _PyUnicode_TypeIndex_SHIFT) - 1))]

   where identical blocks of the second level are stored once and SHIFT is
   chosen to make the two tables smallest.  Case mappings are stored as
   deltas (mapped - cp) so that whole alphabets share one record.  Full
   (multi-character) mappings from SpecialCasing.txt and CaseFolding.txt
   live in a side table reached through the record's `special` index. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NCODEPOINTS 0x110000
#define MAX_FULL 3          /* longest full case mapping, in code points */

/* Flag bits of a type record; unicodectype.c tests them by these names. */
enum {
    F_ALPHA = 1 << 0,
    F_DECIMAL = 1 << 1,
    F_DIGIT = 1 << 2,
    F_NUMERIC = 1 << 3,
    F_LOWER = 1 << 4,
    F_UPPER = 1 << 5,
    F_TITLE = 1 << 6,
    F_SPACE = 1 << 7,
    F_LINEBREAK = 1 << 8,
    F_PRINTABLE = 1 << 9,
    F_XID_START = 1 << 10,
    F_XID_CONTINUE = 1 << 11,
    F_CASED = 1 << 12,
    F_CASE_IGNORABLE = 1 << 13,
};

static const char *const flag_names[] = {
    "ALPHA", "DECIMAL", "DIGIT", "NUMERIC", "LOWER", "UPPER", "TITLE",
    "SPACE", "LINEBREAK", "PRINTABLE", "XID_START", "XID_CONTINUE",
    "CASED", "CASE_IGNORABLE",
};

/* General categories, in the order of the generated enum; "Cn" (the
   category of unassigned code points) is first so that zeroed entries
   mean unassigned. */
static const char *const category_names[] = {
    "Cn", "Lu", "Ll", "Lt", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Zs", "Zl",
    "Zp", "Cc", "Cf", "Cs", "Co", "Lm", "Lo", "Pc", "Pd", "Ps", "Pe",
    "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So",
};
#define NCATEGORIES ((int)(sizeof(category_names) / sizeof(category_names[0])))

/* Bidirectional classes, for unicodedata.bidirectional(); "" first for
   unassigned code points. */
static const char *const bidi_names[] = {
    "", "L", "LRE", "LRO", "R", "AL", "RLE", "RLO", "PDF", "EN", "ES",
    "ET", "AN", "CS", "NSM", "BN", "B", "S", "WS", "ON", "LRI", "RLI",
    "FSI", "PDI",
};
#define NBIDI ((int)(sizeof(bidi_names) / sizeof(bidi_names[0])))

/* East Asian widths, for unicodedata.east_asian_width(); "N" first, the
   value of code points the file does not list. */
static const char *const eaw_names[] = { "N", "A", "F", "H", "Na", "W" };
#define NEAW ((int)(sizeof(eaw_names) / sizeof(eaw_names[0])))

/* Decomposition tags; "" (index 0) marks a canonical decomposition. */
static const char *const decomp_tags[] = {
    "", "<font>", "<noBreak>", "<initial>", "<medial>", "<final>",
    "<isolated>", "<circle>", "<super>", "<sub>", "<vertical>", "<wide>",
    "<narrow>", "<small>", "<square>", "<fraction>", "<compat>",
};
#define NDECOMP_TAGS ((int)(sizeof(decomp_tags) / sizeof(decomp_tags[0])))
#define MAX_DECOMP 18       /* longest decomposition (U+FDFA) */

/* Normalization bits of a record: quick-check answers ("No" and "Maybe")
   and full composition exclusion. */
enum {
    N_NFC_NO = 1 << 0, N_NFC_MAYBE = 1 << 1, N_NFKC_NO = 1 << 2,
    N_NFKC_MAYBE = 1 << 3, N_NFD_NO = 1 << 4, N_NFKD_NO = 1 << 5,
    N_COMP_EXCLUSION = 1 << 6,
};

/* Everything known about one code point while reading the files. */
typedef struct {
    uint8_t assigned;
    uint8_t category;
    uint8_t bidi;
    uint8_t combining;
    uint8_t mirrored;
    int8_t decimal;         /* -1: none */
    int8_t digit;           /* -1: none */
    int numeric;            /* index into numerics[] + 1; 0: none */
    uint32_t flags;
    uint32_t upper, lower, title;   /* simple mappings (absolute) */
    int special;            /* index into specials[] + 1; 0: none */
    uint8_t east_asian_width;
    uint8_t normalization;  /* N_* bits */
    uint8_t decomp_tag;
    uint8_t ndecomp;
    uint32_t decomp[MAX_DECOMP];
} CharInfo;

/* The full case mappings of one code point whose full mappings are not
   just its simple ones. */
typedef struct {
    int nlower, nupper, ntitle, nfold;
    uint32_t lower[MAX_FULL], upper[MAX_FULL], title[MAX_FULL], fold[MAX_FULL];
} Special;

/* A numeric value kept as an exact fraction so the runtime can divide
   once and get the correctly rounded double. */
typedef struct {
    double numerator;
    double denominator;
} Numeric;

/* The record stored in the output: what CharInfo keeps per code point,
   with mappings turned into deltas. */
typedef struct {
    int32_t upper, lower, title;
    uint32_t flags;
    uint16_t special;
    uint16_t numeric;
    uint8_t category;
    uint8_t bidi;
    uint8_t combining;
    uint8_t mirrored;
    int8_t decimal;
    int8_t digit;
    uint8_t east_asian_width;
    uint8_t normalization;
} Record;

static CharInfo *chars;
static char **names;            /* per code point, NULL: no stored name */

/* Ranges whose names are derived from the code point (NR2 in the
   Unicode standard), e.g. "CJK UNIFIED IDEOGRAPH-4E00". */
typedef struct {
    uint32_t first, last;
    const char *prefix;
} NameRange;
static NameRange name_ranges[32];
static int nname_ranges;
static Special *specials;
static int nspecials, specials_cap;
static Numeric *numerics;
static int nnumerics, numerics_cap;
static char unidata_version[32] = "unknown";

static void
fatal(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("make_unicode_db: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void *
xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n);
    if (q == NULL) {
        fatal("out of memory");
    }
    return q;
}

static FILE *
open_ucd(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "r");
    if (fp == NULL) {
        fatal("cannot open %s: %s", path, strerror(errno));
    }
    return fp;
}

/* Cut a '#' comment and trailing white space off a line in place. */
static void
strip_comment(char *line)
{
    char *hash = strchr(line, '#');
    if (hash != NULL) {
        *hash = '\0';
    }
    size_t n = strlen(line);
    while (n > 0 && isspace((unsigned char)line[n - 1])) {
        line[--n] = '\0';
    }
}

static char *
trim(char *s)
{
    while (isspace((unsigned char)*s)) {
        s++;
    }
    size_t n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1])) {
        s[--n] = '\0';
    }
    return s;
}

/* Split line at ';' into at most max fields, trimmed; returns the count. */
static int
split_fields(char *line, char **fields, int max)
{
    int n = 0;
    char *p = line;
    while (n < max) {
        char *semi = strchr(p, ';');
        if (semi != NULL) {
            *semi = '\0';
        }
        fields[n++] = trim(p);
        if (semi == NULL) {
            break;
        }
        p = semi + 1;
    }
    return n;
}

static uint32_t
parse_hex(const char *s)
{
    char *end;
    unsigned long v = strtoul(s, &end, 16);
    if (end == s || v >= NCODEPOINTS) {
        fatal("bad code point '%s'", s);
    }
    return (uint32_t)v;
}

/* Parse "0041" or "0041..005A" into [*first, *last]. */
static void
parse_range(const char *s, uint32_t *first, uint32_t *last)
{
    *first = parse_hex(s);
    const char *dots = strstr(s, "..");
    *last = dots != NULL ? parse_hex(dots + 2) : *first;
}

/* Parse a space-separated list of code points; returns the count. */
static int
parse_cp_list(const char *s, uint32_t *out, int max)
{
    int n = 0;
    while (*s) {
        while (*s == ' ') {
            s++;
        }
        if (*s == '\0') {
            break;
        }
        if (n == max) {
            fatal("mapping longer than %d code points: %s", max, s);
        }
        char *end;
        out[n++] = (uint32_t)strtoul(s, &end, 16);
        if (end == s) {
            fatal("bad code point list '%s'", s);
        }
        s = end;
    }
    return n;
}

static int
lookup_name(const char *const *names, int count, const char *name)
{
    for (int i = 0; i < count; i++) {
        if (strcmp(names[i], name) == 0) {
            return i;
        }
    }
    fatal("unknown property value '%s'", name);
    return -1;
}

/* Parse a decimal numeric value "n" or "-n" or "n/d" exactly. */
static int
add_numeric(const char *text)
{
    Numeric v;
    char *end;
    v.numerator = (double)strtoll(text, &end, 10);
    v.denominator = 1.0;
    if (*end == '/') {
        v.denominator = (double)strtoll(end + 1, &end, 10);
    }
    if (*end != '\0' && !isspace((unsigned char)*end)) {
        /* Unihan writes plain decimals; anything else is a format change. */
        fatal("bad numeric value '%s'", text);
    }
    for (int i = 0; i < nnumerics; i++) {
        if (numerics[i].numerator == v.numerator
            && numerics[i].denominator == v.denominator) {
            return i + 1;
        }
    }
    if (nnumerics == numerics_cap) {
        numerics_cap = numerics_cap ? 2 * numerics_cap : 64;
        numerics = xrealloc(numerics, numerics_cap * sizeof *numerics);
    }
    numerics[nnumerics++] = v;
    return nnumerics;
}

/* ---- UnicodeData.txt ---------------------------------------------------- */

static void
set_char(uint32_t cp, char **f)
{
    CharInfo *c = &chars[cp];
    c->assigned = 1;
    c->category = (uint8_t)lookup_name(category_names, NCATEGORIES, f[2]);
    c->combining = (uint8_t)atoi(f[3]);
    c->bidi = (uint8_t)lookup_name(bidi_names, NBIDI, f[4]);
    c->decimal = f[6][0] ? (int8_t)atoi(f[6]) : -1;
    c->digit = f[7][0] ? (int8_t)atoi(f[7]) : -1;
    c->numeric = f[8][0] ? add_numeric(f[8]) : 0;
    c->mirrored = f[9][0] == 'Y';
    c->ndecomp = 0;
    if (f[5][0]) {
        const char *d = f[5];
        c->decomp_tag = 0;
        if (d[0] == '<') {
            const char *close = strchr(d, '>');
            char tag[32];
            size_t n = close ? (size_t)(close - d + 1) : 0;
            if (n == 0 || n >= sizeof tag) {
                fatal("bad decomposition '%s'", d);
            }
            memcpy(tag, d, n);
            tag[n] = '\0';
            c->decomp_tag = (uint8_t)lookup_name(decomp_tags, NDECOMP_TAGS, tag);
            d = close + 1;
        }
        c->ndecomp = (uint8_t)parse_cp_list(d, c->decomp, MAX_DECOMP);
    }
    c->upper = f[12][0] ? parse_hex(f[12]) : cp;
    c->lower = f[13][0] ? parse_hex(f[13]) : cp;
    /* An empty titlecase field means "same as uppercase". */
    c->title = f[14][0] ? parse_hex(f[14]) : c->upper;
}

/* The NR2 prefix for a "<..., First>" range name, or NULL. */
static const char *
range_name_prefix(const char *label)
{
    if (strncmp(label, "<CJK Ideograph", 14) == 0) {
        return "CJK UNIFIED IDEOGRAPH-";
    }
    if (strncmp(label, "<Tangut Ideograph", 17) == 0) {
        return "TANGUT IDEOGRAPH-";
    }
    return NULL;
}

static char *
xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = xrealloc(NULL, n);
    memcpy(d, s, n);
    return d;
}

static void
read_unicode_data(const char *dir)
{
    FILE *fp = open_ucd(dir, "UnicodeData.txt");
    char line[1024];
    long range_first = -1;
    while (fgets(line, sizeof line, fp)) {
        char *f[15];
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '\0') {
            continue;
        }
        if (split_fields(line, f, 15) != 15) {
            fatal("UnicodeData.txt: bad line '%s'", line);
        }
        uint32_t cp = parse_hex(f[0]);
        size_t namelen = strlen(f[1]);
        if (namelen > 8 && strcmp(f[1] + namelen - 8, ", First>") == 0) {
            range_first = cp;
            const char *prefix = range_name_prefix(f[1]);
            if (prefix != NULL) {
                if (nname_ranges == (int)(sizeof name_ranges / sizeof name_ranges[0])) {
                    fatal("too many named ranges");
                }
                name_ranges[nname_ranges].first = cp;
                name_ranges[nname_ranges].prefix = prefix;
                nname_ranges++;
            }
            continue;
        }
        if (namelen > 7 && strcmp(f[1] + namelen - 7, ", Last>") == 0) {
            if (range_first < 0) {
                fatal("UnicodeData.txt: range end without start at %04X", cp);
            }
            for (uint32_t c = (uint32_t)range_first; c <= cp; c++) {
                set_char(c, f);
            }
            if (nname_ranges > 0
                && name_ranges[nname_ranges - 1].first == (uint32_t)range_first) {
                name_ranges[nname_ranges - 1].last = cp;
            }
            range_first = -1;
            continue;
        }
        set_char(cp, f);
        if (f[1][0] != '<') {
            names[cp] = xstrdup(f[1]);
        }
    }
    fclose(fp);
}

/* ---- property lists ----------------------------------------------------- */

/* Set `flag` on every code point that the file lists with property `prop`. */
static void
read_property(const char *dir, const char *file, const char *prop, uint32_t flag)
{
    FILE *fp = open_ucd(dir, file);
    char line[1024];
    int found = 0;
    while (fgets(line, sizeof line, fp)) {
        char *f[3];
        if (strncmp(line, "# ", 2) == 0 && !found
            && strcmp(file, "DerivedCoreProperties.txt") == 0
            && strncmp(line + 2, "DerivedCoreProperties-", 22) == 0) {
            /* "# DerivedCoreProperties-15.0.0.txt" names the version. */
            char *v = line + 24;
            size_t n = strcspn(v, "t");
            if (n > 1 && n < sizeof unidata_version) {
                memcpy(unidata_version, v, n - 1);
                unidata_version[n - 1] = '\0';
            }
        }
        strip_comment(line);
        if (line[0] == '\0' || split_fields(line, f, 3) < 2) {
            continue;
        }
        if (strcmp(f[1], prop) != 0) {
            continue;
        }
        uint32_t first, last;
        parse_range(f[0], &first, &last);
        for (uint32_t cp = first; cp <= last; cp++) {
            chars[cp].flags |= flag;
        }
        found = 1;
    }
    fclose(fp);
    if (!found) {
        fatal("%s lists no code point with property %s", file, prop);
    }
}

/* Flags that follow from UnicodeData.txt alone. */
static void
derive_flags(void)
{
    for (uint32_t cp = 0; cp < NCODEPOINTS; cp++) {
        CharInfo *c = &chars[cp];
        const char *cat = category_names[c->category];
        const char *bidi = bidi_names[c->bidi];
        if (strcmp(cat, "Lu") == 0 || strcmp(cat, "Ll") == 0
            || strcmp(cat, "Lt") == 0 || strcmp(cat, "Lm") == 0
            || strcmp(cat, "Lo") == 0) {
            c->flags |= F_ALPHA;
        }
        if (strcmp(cat, "Lt") == 0) {
            c->flags |= F_TITLE;
        }
        if (c->decimal >= 0) {
            c->flags |= F_DECIMAL;
        }
        if (c->digit >= 0) {
            c->flags |= F_DIGIT;
        }
        if (c->numeric) {
            c->flags |= F_NUMERIC;
        }
        if (strcmp(cat, "Zs") == 0 || strcmp(bidi, "WS") == 0
            || strcmp(bidi, "B") == 0 || strcmp(bidi, "S") == 0) {
            c->flags |= F_SPACE;
        }
        /* str.splitlines() boundaries: paragraph separators (bidi class B,
           which covers \n \r \x1c-\x1e \x85 \u2029), the line separator
           \u2028, and the vertical tab and form feed. */
        if (strcmp(bidi, "B") == 0 || strcmp(cat, "Zl") == 0
            || cp == 0x0B || cp == 0x0C) {
            c->flags |= F_LINEBREAK;
        }
        /* Printable: everything but the Other and Separator categories,
           except that the ASCII space is printable. */
        if (cp == 0x20 || (cat[0] != 'C' && cat[0] != 'Z')) {
            c->flags |= F_PRINTABLE;
        }
        if (!c->assigned) {
            c->upper = c->lower = c->title = cp;
        }
    }
}

/* ---- Unihan numeric values ---------------------------------------------- */

/* CJK ideographs have numeric values only in Unihan (kPrimaryNumeric,
   kAccountingNumeric, kOtherNumeric).  Debian ships the file compressed;
   the bzip2 program decompresses it.  Missing Unihan data is a warning,
   not an error, since only those ideographs lose their values. */
static void
read_unihan_numeric(const char *dir)
{
    char cmd[4200];
    char path[4096];
    snprintf(path, sizeof path, "%s/Unihan_NumericValues.txt", dir);
    FILE *fp = fopen(path, "r");
    int piped = 0;
    if (fp == NULL) {
        snprintf(path, sizeof path, "%s/Unihan_NumericValues.txt.bz2", dir);
        FILE *probe = fopen(path, "r");
        if (probe == NULL) {
            fprintf(stderr, "make_unicode_db: warning: no Unihan numeric values "
                    "in %s\n", dir);
            return;
        }
        fclose(probe);
        snprintf(cmd, sizeof cmd, "bzip2 -dc '%s'", path);
        fp = popen(cmd, "r");
        piped = 1;
        if (fp == NULL) {
            fatal("cannot run '%s'", cmd);
        }
    }
    char line[1024];
    int count = 0;
    while (fgets(line, sizeof line, fp)) {
        char *f[3];
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] != 'U' || line[1] != '+') {
            continue;
        }
        /* "U+4E00<TAB>kPrimaryNumeric<TAB>1" */
        char *tab1 = strchr(line, '\t');
        char *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
        if (tab2 == NULL) {
            continue;
        }
        *tab1 = *tab2 = '\0';
        f[0] = line + 2;
        f[1] = tab1 + 1;
        f[2] = tab2 + 1;
        if (strcmp(f[1], "kPrimaryNumeric") != 0
            && strcmp(f[1], "kAccountingNumeric") != 0
            && strcmp(f[1], "kOtherNumeric") != 0) {
            continue;
        }
        uint32_t cp = parse_hex(f[0]);
        chars[cp].numeric = add_numeric(f[2]);
        chars[cp].flags |= F_NUMERIC;
        count++;
    }
    int status = piped ? pclose(fp) : fclose(fp);
    if (status != 0 || count == 0) {
        fprintf(stderr, "make_unicode_db: warning: could not read Unihan "
                "numeric values from %s\n", path);
    }
}

/* ---- full case mappings ------------------------------------------------- */

static int
same_mapping(const uint32_t *a, int na, const uint32_t *b, int nb)
{
    return na == nb && memcmp(a, b, (size_t)na * sizeof *a) == 0;
}

/* The Special entry of cp, created from its simple mappings if new. */
static Special *
special_of(uint32_t cp)
{
    CharInfo *c = &chars[cp];
    if (c->special) {
        return &specials[c->special - 1];
    }
    if (nspecials == specials_cap) {
        specials_cap = specials_cap ? 2 * specials_cap : 256;
        specials = xrealloc(specials, specials_cap * sizeof *specials);
    }
    Special *s = &specials[nspecials++];
    memset(s, 0, sizeof *s);
    s->nlower = s->nupper = s->ntitle = 1;
    s->lower[0] = c->lower;
    s->upper[0] = c->upper;
    s->title[0] = c->title;
    /* Without a CaseFolding entry a character folds like its lowercase. */
    s->nfold = 1;
    s->fold[0] = c->lower;
    c->special = nspecials;
    return s;
}

/* Unconditional entries of SpecialCasing.txt; the conditional ones
   (Final_Sigma, language-specific) are handled in code or not at all. */
static void
read_special_casing(const char *dir)
{
    FILE *fp = open_ucd(dir, "SpecialCasing.txt");
    char line[1024];
    while (fgets(line, sizeof line, fp)) {
        char *f[6];
        strip_comment(line);
        if (line[0] == '\0') {
            continue;
        }
        int n = split_fields(line, f, 6);
        if (n < 4 || (n >= 5 && f[4][0] != '\0')) {
            continue;
        }
        uint32_t cp = parse_hex(f[0]);
        uint32_t lower[MAX_FULL], title[MAX_FULL], upper[MAX_FULL];
        int nl = parse_cp_list(f[1], lower, MAX_FULL);
        int nt = parse_cp_list(f[2], title, MAX_FULL);
        int nu = parse_cp_list(f[3], upper, MAX_FULL);
        Special *s = special_of(cp);
        s->nlower = nl;
        memcpy(s->lower, lower, sizeof lower);
        s->ntitle = nt;
        memcpy(s->title, title, sizeof title);
        s->nupper = nu;
        memcpy(s->upper, upper, sizeof upper);
        /* Keep the fold default (the full lowercase) in step. */
        s->nfold = nl;
        memcpy(s->fold, lower, sizeof lower);
    }
    fclose(fp);
}

/* Full case folding (statuses C and F).  A character gets a Special entry
   only when its folding differs from its full lowercase, which is what
   str.casefold() falls back to. */
static void
read_case_folding(const char *dir)
{
    FILE *fp = open_ucd(dir, "CaseFolding.txt");
    char line[1024];
    static uint32_t fold[NCODEPOINTS][MAX_FULL];
    static uint8_t nfold[NCODEPOINTS];
    while (fgets(line, sizeof line, fp)) {
        char *f[4];
        strip_comment(line);
        if (line[0] == '\0' || split_fields(line, f, 4) < 3) {
            continue;
        }
        if (strcmp(f[1], "C") != 0 && strcmp(f[1], "F") != 0) {
            continue;
        }
        uint32_t cp = parse_hex(f[0]);
        nfold[cp] = (uint8_t)parse_cp_list(f[2], fold[cp], MAX_FULL);
    }
    fclose(fp);
    for (uint32_t cp = 0; cp < NCODEPOINTS; cp++) {
        uint32_t self[1] = { cp };
        const uint32_t *cf = nfold[cp] ? fold[cp] : self;
        int ncf = nfold[cp] ? nfold[cp] : 1;
        CharInfo *c = &chars[cp];
        const uint32_t *lower;
        int nlower;
        uint32_t simple[1] = { c->lower };
        if (c->special) {
            lower = specials[c->special - 1].lower;
            nlower = specials[c->special - 1].nlower;
        }
        else {
            lower = simple;
            nlower = 1;
        }
        if (!same_mapping(cf, ncf, lower, nlower)) {
            Special *s = special_of(cp);
            s->nfold = ncf;
            memcpy(s->fold, cf, (size_t)ncf * sizeof *cf);
        }
        else if (c->special) {
            Special *s = &specials[c->special - 1];
            s->nfold = ncf;
            memcpy(s->fold, cf, (size_t)ncf * sizeof *cf);
        }
    }
}


/* ---- East Asian width and normalization properties ---------------------- */

static void
read_east_asian_width(const char *dir)
{
    FILE *fp = open_ucd(dir, "EastAsianWidth.txt");
    char line[1024];
    while (fgets(line, sizeof line, fp)) {
        char *f[2];
        strip_comment(line);
        if (line[0] == '\0' || split_fields(line, f, 2) < 2) {
            continue;
        }
        uint32_t first, last;
        parse_range(f[0], &first, &last);
        uint8_t w = (uint8_t)lookup_name(eaw_names, NEAW, f[1]);
        /* Unassigned code points listed here carry their width too (the
           reserved CJK ranges are W), as CPython 3.13+ reports them. */
        for (uint32_t cp = first; cp <= last; cp++) {
            chars[cp].east_asian_width = w;
        }
    }
    fclose(fp);
}

static void
read_normalization_props(const char *dir)
{
    FILE *fp = open_ucd(dir, "DerivedNormalizationProps.txt");
    char line[1024];
    while (fgets(line, sizeof line, fp)) {
        char *f[3];
        strip_comment(line);
        if (line[0] == '\0') {
            continue;
        }
        int n = split_fields(line, f, 3);
        if (n < 2) {
            continue;
        }
        uint8_t bit = 0;
        const char *value = n > 2 ? f[2] : "";
        if (strcmp(f[1], "Full_Composition_Exclusion") == 0) bit = N_COMP_EXCLUSION;
        else if (strcmp(f[1], "NFC_QC") == 0) bit = value[0] == 'M' ? N_NFC_MAYBE : N_NFC_NO;
        else if (strcmp(f[1], "NFKC_QC") == 0) bit = value[0] == 'M' ? N_NFKC_MAYBE : N_NFKC_NO;
        else if (strcmp(f[1], "NFD_QC") == 0) bit = N_NFD_NO;
        else if (strcmp(f[1], "NFKD_QC") == 0) bit = N_NFKD_NO;
        if (bit == 0) {
            continue;
        }
        uint32_t first, last;
        parse_range(f[0], &first, &last);
        for (uint32_t cp = first; cp <= last; cp++) {
            chars[cp].normalization |= bit;
        }
    }
    fclose(fp);
}

/* ---- records and the two-level table ------------------------------------ */

static Record *records;
static int nrecords, records_cap;
static int *record_of;          /* per code point */

static int
record_equal(const Record *a, const Record *b)
{
    return a->upper == b->upper && a->lower == b->lower && a->title == b->title
           && a->flags == b->flags && a->special == b->special
           && a->numeric == b->numeric && a->category == b->category
           && a->bidi == b->bidi && a->combining == b->combining
           && a->mirrored == b->mirrored && a->decimal == b->decimal
           && a->digit == b->digit && a->east_asian_width == b->east_asian_width
           && a->normalization == b->normalization;
}

static uint32_t
record_hash(const Record *r)
{
    uint32_t h = 2166136261u;
    const int32_t parts[] = {
        r->upper, r->lower, r->title, (int32_t)r->flags, r->special,
        r->numeric, r->category, r->bidi, r->combining, r->mirrored,
        r->decimal, r->digit, r->east_asian_width, r->normalization,
    };
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        h = (h ^ (uint32_t)parts[i]) * 16777619u;
    }
    return h;
}

/* Intern every code point's record; the table is an open-addressing set
   of record indices, so building is linear in the number of code points. */
static void
build_records(void)
{
    enum { SLOTS = 1 << 16 };
    static int slots[SLOTS];
    memset(slots, -1, sizeof slots);
    record_of = xrealloc(NULL, NCODEPOINTS * sizeof *record_of);
    /* Record 0 is that of an unassigned code point, so the runtime can
       use it for values beyond U+10FFFF. */
    Record unassigned;
    memset(&unassigned, 0, sizeof unassigned);
    unassigned.decimal = unassigned.digit = -1;
    records_cap = 1024;
    records = xrealloc(NULL, records_cap * sizeof *records);
    records[nrecords++] = unassigned;
    slots[record_hash(&unassigned) & (SLOTS - 1)] = 0;
    for (uint32_t cp = 0; cp < NCODEPOINTS; cp++) {
        const CharInfo *c = &chars[cp];
        Record r;
        memset(&r, 0, sizeof r);
        r.upper = (int32_t)c->upper - (int32_t)cp;
        r.lower = (int32_t)c->lower - (int32_t)cp;
        r.title = (int32_t)c->title - (int32_t)cp;
        r.flags = c->flags;
        r.special = (uint16_t)c->special;
        r.numeric = (uint16_t)c->numeric;
        r.category = c->category;
        r.bidi = c->bidi;
        r.combining = c->combining;
        r.mirrored = c->mirrored;
        r.decimal = c->decimal;
        r.digit = c->digit;
        r.east_asian_width = c->east_asian_width;
        r.normalization = c->normalization;
        uint32_t h = record_hash(&r) & (SLOTS - 1);
        while (slots[h] >= 0 && !record_equal(&records[slots[h]], &r)) {
            h = (h + 1) & (SLOTS - 1);
        }
        if (slots[h] < 0) {
            if (nrecords == records_cap) {
                records_cap = records_cap ? 2 * records_cap : 1024;
                records = xrealloc(records, records_cap * sizeof *records);
            }
            if (nrecords >= SLOTS / 2) {
                fatal("too many distinct records");
            }
            records[nrecords] = r;
            slots[h] = nrecords++;
        }
        record_of[cp] = slots[h];
    }
}

/* Split `values` (n entries, n a multiple of 1 << shift) into blocks of
   1 << shift, storing each distinct block once.  Fills index1 (one entry
   per block) and index2 (the distinct blocks); returns index2's length. */
static size_t
split_bins(const int *values, size_t n, int shift, int *index1, int *index2)
{
    size_t block = (size_t)1 << shift;
    size_t nblocks = n / block;
    size_t len2 = 0;
    /* Hash of each distinct block's contents to find duplicates fast. */
    size_t nslots = 1;
    while (nslots < 2 * nblocks) {
        nslots <<= 1;
    }
    long *slots = xrealloc(NULL, nslots * sizeof *slots);
    for (size_t i = 0; i < nslots; i++) {
        slots[i] = -1;
    }
    for (size_t b = 0; b < nblocks; b++) {
        const int *blk = values + b * block;
        uint32_t h = 2166136261u;
        for (size_t i = 0; i < block; i++) {
            h = (h ^ (uint32_t)blk[i]) * 16777619u;
        }
        size_t s = h & (nslots - 1);
        while (slots[s] >= 0
               && memcmp(index2 + slots[s], blk, block * sizeof *blk) != 0) {
            s = (s + 1) & (nslots - 1);
        }
        if (slots[s] < 0) {
            memcpy(index2 + len2, blk, block * sizeof *blk);
            slots[s] = (long)len2;
            len2 += block;
        }
        index1[b] = (int)(slots[s] >> shift);
    }
    free(slots);
    return len2;
}

static int
bytes_per_entry(long maxvalue)
{
    return maxvalue < 256 ? 1 : maxvalue < 65536 ? 2 : 4;
}

static const char *
ctype_for(long maxvalue)
{
    return maxvalue < 256 ? "uint8_t" : maxvalue < 65536 ? "uint16_t" : "uint32_t";
}

static void
emit_int_array(const char *ctype, const char *name, const int *values, size_t n)
{
    printf("static const %s %s[%zu] = {\n", ctype, name, n);
    for (size_t i = 0; i < n; i++) {
        printf("%s%d,", i % 16 == 0 ? "    " : " ", values[i]);
        if (i % 16 == 15 || i + 1 == n) {
            putchar('\n');
        }
    }
    printf("};\n\n");
}

/* Emit the smallest two-level split of `values` under the given names. */
static void
emit_two_level(const char *prefix, const int *values, size_t n)
{
    int best_shift = -1;
    size_t best_size = (size_t)-1;
    int *index1 = xrealloc(NULL, n * sizeof *index1);
    int *index2 = xrealloc(NULL, n * sizeof *index2);
    long maxvalue = 0;
    for (size_t i = 0; i < n; i++) {
        if (values[i] > maxvalue) {
            maxvalue = values[i];
        }
    }
    for (int shift = 1; shift <= 12; shift++) {
        size_t len2 = split_bins(values, n, shift, index1, index2);
        size_t nblocks = n >> shift;
        size_t size = nblocks * bytes_per_entry((long)(len2 >> shift))
                      + len2 * bytes_per_entry(maxvalue);
        if (size < best_size) {
            best_size = size;
            best_shift = shift;
        }
    }
    size_t len2 = split_bins(values, n, best_shift, index1, index2);
    size_t nblocks = n >> best_shift;
    char name[128];
    printf("/* %s: %zu bytes in two levels, shift %d */\n", prefix, best_size,
           best_shift);
    printf("#define %s_SHIFT %d\n\n", prefix, best_shift);
    snprintf(name, sizeof name, "%s1", prefix);
    emit_int_array(ctype_for((long)(len2 >> best_shift)), name, index1, nblocks);
    snprintf(name, sizeof name, "%s2", prefix);
    emit_int_array(ctype_for(maxvalue), name, index2, len2);
    free(index1);
    free(index2);
}


/* ---- decompositions and compositions ------------------------------------ */

static int
by_pair(const void *a, const void *b)
{
    const uint32_t *x = a, *y = b;
    if (x[0] != y[0]) {
        return x[0] < y[0] ? -1 : 1;
    }
    if (x[1] != y[1]) {
        return x[1] < y[1] ? -1 : 1;
    }
    return 0;
}

/* Decompositions: _PyUnicode_Decompositions holds, per decomposable code
   point, a header (tag << 8 | length) followed by the code points; a
   two-level table maps each code point to its header's index + 1.
   Compositions: the primary composites (canonical two-character
   decompositions that are not excluded), sorted by (first, second). */
static void
emit_decompositions(void)
{
    size_t cap = 65536, len = 0;
    int *data = xrealloc(NULL, cap * sizeof *data);
    int *index = xrealloc(NULL, NCODEPOINTS * sizeof *index);
    size_t npairs = 0;
    uint32_t (*pairs)[3] = xrealloc(NULL, 4096 * sizeof *pairs);
    for (uint32_t cp = 0; cp < NCODEPOINTS; cp++) {
        const CharInfo *c = &chars[cp];
        index[cp] = 0;
        if (c->ndecomp == 0) {
            continue;
        }
        if (len + 1 + c->ndecomp > cap) {
            cap *= 2;
            data = xrealloc(data, cap * sizeof *data);
        }
        index[cp] = (int)len + 1;
        data[len++] = (c->decomp_tag << 8) | c->ndecomp;
        for (int i = 0; i < c->ndecomp; i++) {
            data[len++] = (int)c->decomp[i];
        }
        if (c->decomp_tag == 0 && c->ndecomp == 2
            && !(c->normalization & N_COMP_EXCLUSION)) {
            if (npairs == 4096) {
                fatal("too many primary composites");
            }
            pairs[npairs][0] = c->decomp[0];
            pairs[npairs][1] = c->decomp[1];
            pairs[npairs][2] = cp;
            npairs++;
        }
    }
    if (len >= 65535) {
        fatal("decomposition data too large for 16-bit indices");
    }
    emit_int_array("uint32_t", "_PyUnicode_Decompositions", data, len);
    emit_two_level("_PyUnicode_DecompIndex", index, NCODEPOINTS);
    qsort(pairs, npairs, sizeof *pairs, by_pair);
    printf("static const uint32_t _PyUnicode_Compositions[%zu][3] = {\n", npairs);
    for (size_t i = 0; i < npairs; i++) {
        printf("    {0x%04X, 0x%04X, 0x%04X},\n", pairs[i][0], pairs[i][1], pairs[i][2]);
    }
    printf("};\n\n");
    free(data);
    free(index);
    free(pairs);
}


/* ---- character names ---------------------------------------------------- */

/* Names are stored as sequences of words.  The lexicon lists the distinct
   words, most frequent first, so that a word's index is one byte (< 128)
   or two (0x80 | high, low) in the phrasebook.  Each phrasebook entry is
   [low 7 bits of the code point][word count][word indices], entries in
   code point order; _PyUnicode_NameBlocks[b] is the offset of the first
   entry of block b (128 code points), so a lookup scans one block. */

typedef struct {
    char *word;
    long count;
    int index;
} Word;

static Word *words;
static int nwords, words_cap;

static int
word_slot(const char *w, size_t len, int create)
{
    /* Linear probing over a power-of-two table of word numbers. */
    static int *table;
    static size_t table_size;
    if (table == NULL) {
        table_size = 1 << 16;
        table = xrealloc(NULL, table_size * sizeof *table);
        for (size_t i = 0; i < table_size; i++) {
            table[i] = -1;
        }
    }
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    }
    size_t slot = h & (table_size - 1);
    while (table[slot] >= 0) {
        Word *e = &words[table[slot]];
        if (strlen(e->word) == len && memcmp(e->word, w, len) == 0) {
            return table[slot];
        }
        slot = (slot + 1) & (table_size - 1);
    }
    if (!create) {
        return -1;
    }
    if (nwords == words_cap) {
        words_cap = words_cap ? 2 * words_cap : 4096;
        words = xrealloc(words, words_cap * sizeof *words);
    }
    if ((size_t)nwords * 2 >= table_size) {
        fatal("too many distinct words in names");
    }
    char *copy = xrealloc(NULL, len + 1);
    memcpy(copy, w, len);
    copy[len] = '\0';
    words[nwords].word = copy;
    words[nwords].count = 0;
    words[nwords].index = -1;
    table[slot] = nwords;
    return nwords++;
}

static int
by_count(const void *a, const void *b)
{
    const Word *x = a, *y = b;
    if (x->count != y->count) {
        return x->count > y->count ? -1 : 1;
    }
    return strcmp(x->word, y->word);
}

static const char *const *sorted_words_base;

static int
by_word(const void *a, const void *b)
{
    return strcmp(sorted_words_base[*(const int *)a],
                  sorted_words_base[*(const int *)b]);
}

static void
emit_bytes(const char *ctype, const char *name, const unsigned char *data, size_t n)
{
    printf("static const %s %s[%zu] = {\n", ctype, name, n ? n : 1);
    for (size_t i = 0; i < n; i++) {
        printf("%s%u,", i % 20 == 0 ? "    " : "", data[i]);
        if (i % 20 == 19 || i + 1 == n) {
            putchar('\n');
        }
    }
    if (n == 0) {
        printf("    0\n");
    }
    printf("};\n\n");
}

static void
emit_names(const char *dir)
{
    /* Count word frequencies, then number words by frequency. */
    for (uint32_t cp = 0; cp < NCODEPOINTS; cp++) {
        const char *p = names[cp];
        while (p != NULL && *p) {
            size_t len = strcspn(p, " ");
            int w = word_slot(p, len, 1);   /* may move `words` */
            words[w].count++;
            p += len;
            p += *p == ' ';
        }
    }
    if (nwords >= 0x8000) {
        fatal("too many distinct words for 15-bit indices");
    }
    Word *order = xrealloc(NULL, (size_t)nwords * sizeof *order);
    memcpy(order, words, (size_t)nwords * sizeof *order);
    qsort(order, (size_t)nwords, sizeof *order, by_count);
    const char **lexicon = xrealloc(NULL, (size_t)nwords * sizeof *lexicon);
    for (int i = 0; i < nwords; i++) {
        lexicon[i] = order[i].word;
        words[word_slot(order[i].word, strlen(order[i].word), 0)].index = i;
    }
    /* The lexicon: NUL-separated words and their offsets. */
    size_t lex_size = 0;
    for (int i = 0; i < nwords; i++) {
        lex_size += strlen(lexicon[i]) + 1;
    }
    unsigned char *lex = xrealloc(NULL, lex_size);
    int *lex_offsets = xrealloc(NULL, (size_t)nwords * sizeof *lex_offsets);
    size_t pos = 0;
    for (int i = 0; i < nwords; i++) {
        size_t n = strlen(lexicon[i]) + 1;
        lex_offsets[i] = (int)pos;
        memcpy(lex + pos, lexicon[i], n);
        pos += n;
    }
    int *sorted = xrealloc(NULL, (size_t)nwords * sizeof *sorted);
    for (int i = 0; i < nwords; i++) {
        sorted[i] = i;
    }
    sorted_words_base = lexicon;
    qsort(sorted, (size_t)nwords, sizeof *sorted, by_word);

    /* The phrasebook and the per-block offsets. */
    size_t book_cap = 1 << 20, book_len = 0;
    unsigned char *book = xrealloc(NULL, book_cap);
    int nblocks = NCODEPOINTS >> 7;
    int *blocks = xrealloc(NULL, ((size_t)nblocks + 1) * sizeof *blocks);
    size_t max_name = 0;
    for (uint32_t cp = 0; cp < NCODEPOINTS; cp++) {
        if ((cp & 127) == 0) {
            blocks[cp >> 7] = (int)book_len;
        }
        const char *p = names[cp];
        if (p == NULL) {
            continue;
        }
        if (strlen(p) > max_name) {
            max_name = strlen(p);
        }
        if (book_len + 300 > book_cap) {
            book_cap *= 2;
            book = xrealloc(book, book_cap);
        }
        book[book_len++] = (unsigned char)(cp & 127);
        size_t count_at = book_len++;
        int count = 0;
        while (*p) {
            size_t len = strcspn(p, " ");
            int index = words[word_slot(p, len, 0)].index;
            if (index < 128) {
                book[book_len++] = (unsigned char)index;
            }
            else {
                book[book_len++] = (unsigned char)(0x80 | (index >> 8));
                book[book_len++] = (unsigned char)(index & 0xFF);
            }
            count++;
            p += len;
            p += *p == ' ';
        }
        book[count_at] = (unsigned char)count;
    }
    blocks[nblocks] = (int)book_len;

    printf("/* Character names: %d words, %zu bytes of phrasebook. */\n",
           nwords, book_len);
    printf("#define _PyUnicode_NAME_MAXLEN %zu\n", max_name);
    printf("#define _PyUnicode_NAME_WORDS %d\n\n", nwords);
    emit_bytes("char", "_PyUnicode_Lexicon", lex, lex_size);
    emit_int_array("uint32_t", "_PyUnicode_LexiconOffsets", lex_offsets, (size_t)nwords);
    emit_int_array("uint16_t", "_PyUnicode_LexiconSorted", sorted, (size_t)nwords);
    emit_bytes("unsigned char", "_PyUnicode_Phrasebook", book, book_len);
    emit_int_array("uint32_t", "_PyUnicode_NameBlocks", blocks, (size_t)nblocks + 1);

    printf("static const struct { uint32_t first, last; const char *prefix; }\n"
           "_PyUnicode_NameRanges[%d] = {\n", nname_ranges);
    for (int i = 0; i < nname_ranges; i++) {
        printf("    {0x%04X, 0x%04X, \"%s\"},\n", name_ranges[i].first,
               name_ranges[i].last, name_ranges[i].prefix);
    }
    printf("};\n\n");

    /* Aliases (NameAliases.txt), accepted by lookups only. */
    FILE *fp = open_ucd(dir, "NameAliases.txt");
    char line[1024];
    printf("static const struct { const char *name; uint32_t cp; }\n"
           "_PyUnicode_NameAliases[] = {\n");
    while (fgets(line, sizeof line, fp)) {
        char *f[3];
        strip_comment(line);
        if (line[0] == '\0' || split_fields(line, f, 3) < 2) {
            continue;
        }
        printf("    {\"%s\", 0x%04X},\n", f[1], parse_hex(f[0]));
    }
    fclose(fp);
    printf("};\n\n");
}

/* ---- output ------------------------------------------------------------- */

static void
emit_cp_list(const uint32_t *cps, int n)
{
    printf("{");
    for (int i = 0; i < MAX_FULL; i++) {
        printf("%s0x%04X", i ? ", " : "", i < n ? cps[i] : 0);
    }
    printf("}");
}

static void
emit_header(void)
{
    printf("/* Generated by Tools/unicode/make_unicode_db from the Unicode "
           "Character\n   Database %s.  Do not edit. */\n\n", unidata_version);
    printf("#define _PyUnicode_UNIDATA_VERSION \"%s\"\n\n", unidata_version);
    for (size_t i = 0; i < sizeof flag_names / sizeof flag_names[0]; i++) {
        printf("#define _PyUnicode_%s_MASK 0x%04X\n", flag_names[i], 1u << i);
    }
    printf("\n/* General categories; the index is a record's `category`. */\n");
    printf("static const char *const _PyUnicode_CategoryNames[%d] = {\n   ",
           NCATEGORIES);
    for (int i = 0; i < NCATEGORIES; i++) {
        printf(" \"%s\",", category_names[i]);
    }
    printf("\n};\n\n");
    printf("static const char *const _PyUnicode_BidirectionalNames[%d] = {\n   ",
           NBIDI);
    for (int i = 0; i < NBIDI; i++) {
        printf(" \"%s\",", bidi_names[i]);
    }
    printf("\n};\n\n");
    printf("static const char *const _PyUnicode_EastAsianWidthNames[%d] = {\n   ",
           NEAW);
    for (int i = 0; i < NEAW; i++) {
        printf(" \"%s\",", eaw_names[i]);
    }
    printf("\n};\n\n");
    printf("static const char *const _PyUnicode_DecompositionTags[%d] = {\n   ",
           NDECOMP_TAGS);
    for (int i = 0; i < NDECOMP_TAGS; i++) {
        printf(" \"%s\",", decomp_tags[i]);
    }
    printf("\n};\n\n");
    printf("#define _PyUnicode_NORM_NFC_NO 0x%02X\n", N_NFC_NO);
    printf("#define _PyUnicode_NORM_NFC_MAYBE 0x%02X\n", N_NFC_MAYBE);
    printf("#define _PyUnicode_NORM_NFKC_NO 0x%02X\n", N_NFKC_NO);
    printf("#define _PyUnicode_NORM_NFKC_MAYBE 0x%02X\n", N_NFKC_MAYBE);
    printf("#define _PyUnicode_NORM_NFD_NO 0x%02X\n", N_NFD_NO);
    printf("#define _PyUnicode_NORM_NFKD_NO 0x%02X\n", N_NFKD_NO);
    printf("#define _PyUnicode_NORM_COMP_EXCLUSION 0x%02X\n", N_COMP_EXCLUSION);
    printf("#define _PyUnicode_DECOMP_MAX %d\n\n", MAX_DECOMP);
    printf("#define _PyUnicode_FULL_MAX %d\n\n", MAX_FULL);
}

static void
emit_tables(void)
{
    printf("typedef struct {\n"
           "    int32_t upper;      /* simple mappings, as deltas */\n"
           "    int32_t lower;\n"
           "    int32_t title;\n"
           "    uint32_t flags;     /* _PyUnicode_*_MASK */\n"
           "    uint16_t special;   /* _PyUnicode_SpecialCases index + 1, or 0 */\n"
           "    uint16_t numeric;   /* _PyUnicode_Numerics index + 1, or 0 */\n"
           "    uint8_t category;   /* _PyUnicode_CategoryNames index */\n"
           "    uint8_t bidirectional;\n"
           "    uint8_t combining;\n"
           "    uint8_t mirrored;\n"
           "    int8_t decimal;     /* -1: none */\n"
           "    int8_t digit;       /* -1: none */\n"
           "    uint8_t east_asian_width;   /* _PyUnicode_EastAsianWidthNames index */\n"
           "    uint8_t normalization;      /* _PyUnicode_NORM_* bits */\n"
           "} _PyUnicode_TypeRecord;\n\n");
    printf("typedef struct {\n"
           "    uint8_t nlower, nupper, ntitle, nfold;\n"
           "    Py_UCS4 lower[_PyUnicode_FULL_MAX];\n"
           "    Py_UCS4 upper[_PyUnicode_FULL_MAX];\n"
           "    Py_UCS4 title[_PyUnicode_FULL_MAX];\n"
           "    Py_UCS4 fold[_PyUnicode_FULL_MAX];\n"
           "} _PyUnicode_SpecialCase;\n\n");
    printf("typedef struct {\n"
           "    double numerator;\n"
           "    double denominator;\n"
           "} _PyUnicode_NumericValue;\n\n");

    printf("static const _PyUnicode_TypeRecord _PyUnicode_TypeRecords[%d] = {\n",
           nrecords);
    for (int i = 0; i < nrecords; i++) {
        const Record *r = &records[i];
        printf("    {%d, %d, %d, 0x%04X, %u, %u, %u, %u, %u, %u, %d, %d, %u, %u},\n",
               r->upper, r->lower, r->title, r->flags, r->special, r->numeric,
               r->category, r->bidi, r->combining, r->mirrored, r->decimal,
               r->digit, r->east_asian_width, r->normalization);
    }
    printf("};\n\n");

    printf("static const _PyUnicode_SpecialCase _PyUnicode_SpecialCases[%d] = {\n",
           nspecials);
    for (int i = 0; i < nspecials; i++) {
        const Special *s = &specials[i];
        printf("    {%d, %d, %d, %d, ", s->nlower, s->nupper, s->ntitle, s->nfold);
        emit_cp_list(s->lower, s->nlower);
        printf(", ");
        emit_cp_list(s->upper, s->nupper);
        printf(", ");
        emit_cp_list(s->title, s->ntitle);
        printf(", ");
        emit_cp_list(s->fold, s->nfold);
        printf("},\n");
    }
    printf("};\n\n");

    printf("static const _PyUnicode_NumericValue _PyUnicode_Numerics[%d] = {\n",
           nnumerics);
    for (int i = 0; i < nnumerics; i++) {
        printf("    {%.1f, %.1f},\n", numerics[i].numerator,
               numerics[i].denominator);
    }
    printf("};\n\n");

    emit_two_level("_PyUnicode_TypeIndex", record_of, NCODEPOINTS);
}

int
main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s UCD_DIR > unicode_db.h\n", argv[0]);
        return 2;
    }
    const char *dir = argv[1];
    chars = calloc(NCODEPOINTS, sizeof *chars);
    names = calloc(NCODEPOINTS, sizeof *names);
    if (chars == NULL || names == NULL) {
        fatal("out of memory");
    }
    for (uint32_t cp = 0; cp < NCODEPOINTS; cp++) {
        chars[cp].decimal = chars[cp].digit = -1;
    }
    read_unicode_data(dir);
    derive_flags();
    read_unihan_numeric(dir);
    read_property(dir, "DerivedCoreProperties.txt", "Lowercase", F_LOWER);
    read_property(dir, "DerivedCoreProperties.txt", "Uppercase", F_UPPER);
    read_property(dir, "DerivedCoreProperties.txt", "XID_Start", F_XID_START);
    read_property(dir, "DerivedCoreProperties.txt", "XID_Continue",
                  F_XID_CONTINUE);
    read_property(dir, "DerivedCoreProperties.txt", "Cased", F_CASED);
    read_property(dir, "DerivedCoreProperties.txt", "Case_Ignorable",
                  F_CASE_IGNORABLE);
    read_special_casing(dir);
    read_case_folding(dir);
    read_east_asian_width(dir);
    read_normalization_props(dir);
    if (nspecials >= 65535 || nnumerics >= 65535) {
        fatal("side tables too large for 16-bit indices");
    }
    build_records();
    emit_header();
    emit_tables();
    emit_decompositions();
    emit_names(dir);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fatal("write error: %s", strerror(errno));
    }
    return 0;
}
