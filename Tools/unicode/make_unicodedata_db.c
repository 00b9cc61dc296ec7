/* make_unicodedata_db: the tables the unicodedata module needs beyond the
   core database of Objects/unicode_db.h (Tools/unicode/make_unicode_db.c).

   Usage: make_unicodedata_db UCD_DIR UCD_3_2_0_PROPERTIES > unicodedata_db.h

   The core tables already hold names (compressed through a word lexicon),
   aliases, decompositions, quick-check bits and compositions, which str and
   the "\N{...}" escape use too; they are not repeated here.  This header
   adds:

   - named sequences (NamedSequences.txt), sorted by name for bisection;
   - which code points Unicode 3.2.0 had assigned (DerivedAge.txt), a
     bitmap behind a two-level index of 256-code-point blocks whose
     identical blocks are stored once;
   - the decomposition corrections made after 3.2.0
     (NormalizationCorrections.txt), undone by unicodedata.ucd_3_2_0;
   - the Unicode 3.2.0 values of category, bidirectional class, East
     Asian width, mirroring and numeric values, from the data file
     Tools/unicode/UCD-3.2.0-properties.txt (3.2.0's files are not
     installed with today's database), as sorted runs for bisection.

   Like make_unicode_db it runs before the interpreter exists: plain C. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NCODEPOINTS 0x110000
#define BLOCK_SHIFT 8
#define BLOCK_SIZE (1 << BLOCK_SHIFT)
#define BLOCK_BYTES (BLOCK_SIZE / 8)
#define NBLOCKS (NCODEPOINTS / BLOCK_SIZE)
#define MAX_SEQUENCE 8
#define MAX_SEQUENCES 2048

static void
fatal(const char *what, const char *detail)
{
    fprintf(stderr, "make_unicodedata_db: %s%s%s\n", what,
            detail ? ": " : "", detail ? detail : "");
    exit(1);
}

static FILE *
open_ucd(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        fatal("cannot open", path);
    }
    return f;
}

/* Cut a line at its '#' comment and trailing white space; return it. */
static char *
clean_line(char *line)
{
    char *hash = strchr(line, '#');
    if (hash) {
        *hash = '\0';
    }
    size_t n = strlen(line);
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'
                     || line[n - 1] == ' ' || line[n - 1] == '\t')) {
        line[--n] = '\0';
    }
    return line;
}

/* Parse up to max hex code points separated by spaces; return the count. */
static int
parse_cps(const char *s, uint32_t *out, int max)
{
    int n = 0;
    while (*s) {
        char *end;
        unsigned long v = strtoul(s, &end, 16);
        if (end == s) {
            s++;
            continue;
        }
        if (n == max || v >= NCODEPOINTS) {
            fatal("bad code point list", s);
        }
        out[n++] = (uint32_t)v;
        s = end;
    }
    return n;
}

/* "major.minor[.micro]" as one comparable number. */
static long
version_number(const char *s)
{
    long major = 0, minor = 0, micro = 0;
    sscanf(s, " %ld.%ld.%ld", &major, &minor, &micro);
    return (major * 100 + minor) * 100 + micro;
}

/* ---- assignment in Unicode 3.2.0 ------------------------------------------ */

static unsigned char assigned32[NCODEPOINTS / 8];

static void
read_derived_age(const char *dir)
{
    FILE *f = open_ucd(dir, "DerivedAge.txt");
    char line[1024];
    long limit = version_number("3.2");
    while (fgets(line, sizeof(line), f)) {
        char *s = clean_line(line);
        char *semi = strchr(s, ';');
        if (semi == NULL) {
            continue;
        }
        unsigned long first, last;
        char *end;
        first = strtoul(s, &end, 16);
        last = (end[0] == '.' && end[1] == '.') ? strtoul(end + 2, NULL, 16) : first;
        if (last >= NCODEPOINTS || first > last) {
            fatal("bad range in DerivedAge.txt", s);
        }
        if (version_number(semi + 1) > limit) {
            continue;
        }
        for (unsigned long cp = first; cp <= last; cp++) {
            assigned32[cp >> 3] |= (unsigned char)(1u << (cp & 7));
        }
    }
    fclose(f);
}

static void
emit_assigned32(void)
{
    static int block_of[NBLOCKS];
    static int unique[NBLOCKS];
    int nunique = 0;
    for (int b = 0; b < NBLOCKS; b++) {
        const unsigned char *bits = assigned32 + b * BLOCK_BYTES;
        int found = -1;
        for (int u = 0; u < nunique && found < 0; u++) {
            if (memcmp(assigned32 + unique[u] * BLOCK_BYTES, bits, BLOCK_BYTES) == 0) {
                found = u;
            }
        }
        if (found < 0) {
            found = nunique;
            unique[nunique++] = b;
        }
        block_of[b] = found;
    }
    if (nunique > 255) {
        fatal("too many distinct 3.2.0 blocks", NULL);
    }
    printf("/* Code points assigned in Unicode 3.2.0: bit (cp & 7) of\n"
           "   _PyUCD_Assigned32Bits[(_PyUCD_Assigned32Index[cp >> %d] << %d)\n"
           "                         + ((cp & %d) >> 3)]. */\n",
           BLOCK_SHIFT, BLOCK_SHIFT - 3, BLOCK_SIZE - 1);
    printf("#define _PyUCD_ASSIGNED32_SHIFT %d\n", BLOCK_SHIFT);
    printf("static const unsigned char _PyUCD_Assigned32Index[%d] = {", NBLOCKS);
    for (int b = 0; b < NBLOCKS; b++) {
        printf("%s%d,", b % 20 ? "" : "\n    ", block_of[b]);
    }
    printf("\n};\n");
    printf("static const unsigned char _PyUCD_Assigned32Bits[%d] = {",
           nunique * BLOCK_BYTES);
    for (int u = 0; u < nunique; u++) {
        for (int i = 0; i < BLOCK_BYTES; i++) {
            int k = u * BLOCK_BYTES + i;
            printf("%s0x%02x,", k % 12 ? "" : "\n    ",
                   assigned32[unique[u] * BLOCK_BYTES + i]);
        }
    }
    printf("\n};\n\n");
}

/* ---- named sequences -------------------------------------------------------- */

typedef struct {
    char *name;
    int count;
    uint32_t cps[MAX_SEQUENCE];
} Sequence;

static Sequence sequences[MAX_SEQUENCES];
static int nsequences;

static int
by_name(const void *a, const void *b)
{
    return strcmp(((const Sequence *)a)->name, ((const Sequence *)b)->name);
}

static void
read_named_sequences(const char *dir)
{
    FILE *f = open_ucd(dir, "NamedSequences.txt");
    char line[1024];
    while (fgets(line, sizeof(line), f)) {
        char *s = clean_line(line);
        char *semi = strchr(s, ';');
        if (semi == NULL) {
            continue;
        }
        if (nsequences == MAX_SEQUENCES) {
            fatal("too many named sequences", NULL);
        }
        *semi = '\0';
        Sequence *seq = &sequences[nsequences++];
        seq->name = strdup(s);
        if (seq->name == NULL) {
            fatal("out of memory", NULL);
        }
        seq->count = parse_cps(semi + 1, seq->cps, MAX_SEQUENCE);
        if (seq->count < 2) {
            fatal("short named sequence", s);
        }
    }
    fclose(f);
    qsort(sequences, (size_t)nsequences, sizeof(Sequence), by_name);
}

static void
emit_named_sequences(void)
{
    int longest = 0;
    for (int i = 0; i < nsequences; i++) {
        if (sequences[i].count > longest) {
            longest = sequences[i].count;
        }
    }
    printf("/* NamedSequences.txt, sorted by name (strcmp order). */\n");
    printf("#define _PyUCD_SEQUENCE_MAX %d\n", longest);
    printf("typedef struct {\n    const char *name;\n    unsigned char count;\n"
           "    unsigned int cps[_PyUCD_SEQUENCE_MAX];\n} _PyUCD_NamedSequence;\n");
    printf("static const _PyUCD_NamedSequence _PyUCD_NamedSequences[%d] = {\n",
           nsequences);
    for (int i = 0; i < nsequences; i++) {
        printf("    {\"%s\", %d, {", sequences[i].name, sequences[i].count);
        for (int k = 0; k < sequences[i].count; k++) {
            printf("%s0x%04X", k ? ", " : "", (unsigned int)sequences[i].cps[k]);
        }
        printf("}},\n");
    }
    printf("};\n\n");
}

/* ---- corrections after 3.2.0 ------------------------------------------------ */

static void
emit_corrections(const char *dir)
{
    FILE *f = open_ucd(dir, "NormalizationCorrections.txt");
    char line[1024];
    long v320 = version_number("3.2.0");
    printf("/* Decompositions corrected after Unicode 3.2.0: the code point\n"
           "   and its 3.2.0 (single code point) mapping. */\n");
    printf("static const unsigned int _PyUCD_Corrections32[][2] = {\n");
    int count = 0;
    while (fgets(line, sizeof(line), f)) {
        char *fields[4];
        char *s = clean_line(line);
        int n = 0;
        for (char *p = s; n < 4; n++) {
            fields[n] = p;
            p = strchr(p, ';');
            if (p == NULL) {
                n++;
                break;
            }
            *p++ = '\0';
        }
        if (n < 4) {
            continue;
        }
        uint32_t cp[1], previous[1];
        if (parse_cps(fields[0], cp, 1) != 1 || parse_cps(fields[1], previous, 1) != 1) {
            fatal("bad line in NormalizationCorrections.txt", s);
        }
        if (version_number(fields[3]) > v320) {
            printf("    {0x%04X, 0x%04X},\n", (unsigned int)cp[0],
                   (unsigned int)previous[0]);
            count++;
        }
    }
    if (count == 0) {
        printf("    {0, 0},\n");
    }
    printf("};\n#define _PyUCD_NCORRECTIONS32 %d\n\n", count);
    fclose(f);
}

/* ---- Unicode 3.2.0 property values ------------------------------------------ */

/* The distinct values of one property, in order of first appearance;
   tables refer to them by index. */
#define MAX_VALUES 64
#define VALUE_LEN 8

typedef struct {
    const char *what;
    char names[MAX_VALUES][VALUE_LEN];
    int count;
} ValueSet;

static int
value_index(ValueSet *set, const char *name)
{
    const char *value = strcmp(name, "-") == 0 ? "" : name;
    for (int i = 0; i < set->count; i++) {
        if (strcmp(set->names[i], value) == 0) {
            return i;
        }
    }
    if (set->count == MAX_VALUES || strlen(value) >= VALUE_LEN) {
        fatal("too many or too long values of", set->what);
    }
    strcpy(set->names[set->count], value);
    return set->count++;
}

static void
emit_value_names(const char *table, const ValueSet *set)
{
    printf("static const char %s[][%d] = {", table, VALUE_LEN);
    for (int i = 0; i < set->count; i++) {
        printf("%s\"%s\"", i ? ", " : "", set->names[i]);
    }
    printf("};\n");
}

/* Emit the runs ('R' lines) and numeric values ('V' lines) of the
   3.2.0 properties file (Tools/unicode/UCD-3.2.0-properties.txt), both
   sorted by code point, for unicodedata.ucd_3_2_0 to bisect. */
static void
emit_properties32(const char *path)
{
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        fatal("cannot open", path);
    }
    static ValueSet categories = {"category"}, bidis = {"bidirectional"},
                    widths = {"east_asian_width"};
    char line[256];
    int runs = 0, values = 0;
    unsigned long last_run = 0, last_value = 0;
    printf("/* Unicode 3.2.0 values of the properties ucd_3_2_0 reports,\n"
           "   from %s. */\n", path);
    printf("static const _PyUCD_Run32 _PyUCD_Runs32[] = {\n");
    while (fgets(line, sizeof(line), f)) {
        unsigned long first, last;
        char cat[VALUE_LEN], bidi[VALUE_LEN], width[VALUE_LEN];
        int mirrored;
        if (line[0] != 'R') {
            continue;
        }
        if (sscanf(line, "R %lx %lx %7s %7s %7s %d", &first, &last, cat,
                   bidi, width, &mirrored) != 6
            || last < first || last >= NCODEPOINTS
            || (runs && first <= last_run)) {
            fatal("bad run line", line);
        }
        printf("    {0x%04lX, 0x%04lX, %d, %d, %d, %d},\n", first, last,
               value_index(&categories, cat), value_index(&bidis, bidi),
               value_index(&widths, width), mirrored != 0);
        last_run = last;
        runs++;
    }
    printf("};\n\nstatic const _PyUCD_Numeric32 _PyUCD_Numerics32[] = {\n");
    rewind(f);
    while (fgets(line, sizeof(line), f)) {
        unsigned long cp;
        char decimal[VALUE_LEN], numeric[64];
        if (line[0] != 'V') {
            continue;
        }
        if (sscanf(line, "V %lx %7s %63s", &cp, decimal, numeric) != 3
            || cp >= NCODEPOINTS || (values && cp <= last_value)) {
            fatal("bad value line", line);
        }
        printf("    {0x%04lX, %d, %s},\n", cp,
               strcmp(decimal, "-") == 0 ? -1 : atoi(decimal), numeric);
        last_value = cp;
        values++;
    }
    printf("};\n\n");
    if (runs == 0 || values == 0) {
        fatal("no 3.2.0 properties in", path);
    }
    fclose(f);
    emit_value_names("_PyUCD_Categories32", &categories);
    emit_value_names("_PyUCD_Bidirectionals32", &bidis);
    emit_value_names("_PyUCD_Widths32", &widths);
    printf("\n");
}

int
main(int argc, char **argv)
{
    if (argc != 3) {
        fatal("usage: make_unicodedata_db UCD_DIR UCD_3_2_0_PROPERTIES",
              NULL);
    }
    read_derived_age(argv[1]);
    read_named_sequences(argv[1]);
    printf("/* Generated by Tools/unicode/make_unicodedata_db from %s:"
           " do not edit. */\n\n", argv[1]);
    printf("typedef struct {\n"
           "    unsigned int first, last;\n"
           "    unsigned char category, bidirectional, east_asian_width,"
           " mirrored;\n"
           "} _PyUCD_Run32;\n\n"
           "typedef struct {\n"
           "    unsigned int cp;\n"
           "    signed char decimal;\n"
           "    double numeric;\n"
           "} _PyUCD_Numeric32;\n\n");
    emit_assigned32();
    emit_named_sequences();
    emit_corrections(argv[1]);
    emit_properties32(argv[2]);
    return 0;
}
