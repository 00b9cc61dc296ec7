/* unicodedata: the Unicode Character Database.

   Character properties, names, decompositions and compositions come from
   the core tables (Objects/unicode_db.h through pycore_unicodectype.h),
   which str methods and the "\N{...}" escape share.  Modules/unicodedata_db.h
   (Tools/unicode/make_unicodedata_db) adds named sequences and what
   unicodedata.ucd_3_2_0 needs.

   ucd_3_2_0 (used by IDNA through stringprep) is the current database seen
   through Unicode 3.2.0: code points assigned after 3.2.0 (DerivedAge.txt)
   are unassigned there (a code point unassigned today keeps its current
   properties, such as the W width of reserved CJK code points, as in
   CPython), normalization undoes the decomposition corrections made after
   3.2.0, and it knows no aliases or named sequences.  For code points
   3.2.0 had, category, bidirectional class, East Asian width, mirroring
   and the decimal and numeric values are 3.2.0's (generated tables of
   runs, from Tools/unicode/UCD-3.2.0-properties.txt); the other
   properties are today's.

   Every table is const data, and the module and its UCD object hold no
   mutable state, so all functions are safe without the GIL. */

#include "Python.h"
#include "pycore_unicodectype.h"

#include <string.h>

#include "unicodedata_db.h"

#define NAME_MAXLEN 256

/* The module functions also serve as the methods of UCD objects: self is
   the module, or the ucd_3_2_0 object (the only UCD instance). */
static int
is_ucd_3_2_0(PyObject *self)
{
    return self != NULL && !PyModule_Check(self);
}

static int
assigned_in_3_2_0(Py_UCS4 ch)
{
    if (ch > 0x10FFFF) {
        return 0;
    }
    unsigned int block = _PyUCD_Assigned32Index[ch >> _PyUCD_ASSIGNED32_SHIFT];
    unsigned int byte = _PyUCD_Assigned32Bits[
        (block << (_PyUCD_ASSIGNED32_SHIFT - 3))
        + ((ch & ((1u << _PyUCD_ASSIGNED32_SHIFT) - 1)) >> 3)];
    return (byte >> (ch & 7)) & 1;
}

/* Is ch unassigned in the current database? */
static int
unassigned_today(Py_UCS4 ch)
{
    return strcmp(_PyUnicode_CategoryName(ch), "Cn") == 0;
}

/* Should the database selected by self report ch's current properties?
   ucd_3_2_0 hides a character assigned after 3.2.0 behind the defaults;
   a code point unassigned today is unassigned in both, and both report
   its current (unassigned) properties, such as the W width of reserved
   CJK code points. */
static int
is_known(PyObject *self, Py_UCS4 ch)
{
    return !is_ucd_3_2_0(self) || assigned_in_3_2_0(ch)
           || unassigned_today(ch);
}

/* The Unicode 3.2.0 run holding ch, or NULL if 3.2.0 had not assigned
   ch. */
static const _PyUCD_Run32 *
run_3_2_0(Py_UCS4 ch)
{
    size_t lo = 0, hi = Py_ARRAY_LENGTH(_PyUCD_Runs32);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ch < _PyUCD_Runs32[mid].first) {
            hi = mid;
        }
        else if (ch > _PyUCD_Runs32[mid].last) {
            lo = mid + 1;
        }
        else {
            return &_PyUCD_Runs32[mid];
        }
    }
    return NULL;
}

/* The Unicode 3.2.0 numeric record of ch, or NULL if it had none. */
static const _PyUCD_Numeric32 *
numeric_3_2_0(Py_UCS4 ch)
{
    size_t lo = 0, hi = Py_ARRAY_LENGTH(_PyUCD_Numerics32);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ch == _PyUCD_Numerics32[mid].cp) {
            return &_PyUCD_Numerics32[mid];
        }
        if (ch < _PyUCD_Numerics32[mid].cp) {
            hi = mid;
        }
        else {
            lo = mid + 1;
        }
    }
    return NULL;
}

/* Which values the database selected by self gives for the properties
   versioned in ucd_3_2_0 (see the top of this file). */
typedef enum {
    UCD_CURRENT,    /* today's: the module, or unassigned in both */
    UCD_OLD,        /* Unicode 3.2.0's, from *run */
    UCD_ABSENT      /* assigned after 3.2.0: an unassigned code point's */
} UCDVersion;

static UCDVersion
versioned(PyObject *self, Py_UCS4 ch, const _PyUCD_Run32 **run)
{
    if (!is_ucd_3_2_0(self)) {
        return UCD_CURRENT;
    }
    *run = run_3_2_0(ch);
    if (*run != NULL) {
        return UCD_OLD;
    }
    return unassigned_today(ch) ? UCD_CURRENT : UCD_ABSENT;
}

/* ---- argument helpers ---------------------------------------------------- */

/* Read the one-character str argument; displayname is "argument" or
   "argument 1" as CPython words it.  0 with ch set, -1 with TypeError. */
static int
get_char(const char *fname, const char *displayname, PyObject *arg,
         Py_UCS4 *ch)
{
    if (!PyUnicode_Check(arg) || PyUnicode_GET_LENGTH(arg) != 1) {
        _PyArg_BadArgument(fname, displayname, "a unicode character", arg);
        return -1;
    }
    *ch = PyUnicode_READ_CHAR(arg, 0);
    return 0;
}

/* For functions (chr, default=<none>, /): unpack and read chr. */
static int
get_char_and_default(const char *fname, PyObject *const *args,
                     Py_ssize_t nargs, Py_UCS4 *ch, PyObject **deflt)
{
    if (!_PyArg_CheckPositional(fname, nargs, 1, 2)) {
        return -1;
    }
    *deflt = nargs > 1 ? args[1] : NULL;
    return get_char(fname, "argument 1", args[0], ch);
}

/* Return the default (new reference), or raise ValueError(message). */
static PyObject *
default_or_error(PyObject *deflt, const char *message)
{
    if (deflt == NULL) {
        PyErr_SetString(PyExc_ValueError, message);
        return NULL;
    }
    return Py_NewRef(deflt);
}

/* ---- numeric values ------------------------------------------------------ */

static PyObject *
unicodedata_decimal(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_UCS4 ch;
    PyObject *deflt;
    if (get_char_and_default("decimal", args, nargs, &ch, &deflt) < 0) {
        return NULL;
    }
    const _PyUCD_Run32 *run;
    int value = -1;
    switch (versioned(self, ch, &run)) {
    case UCD_CURRENT:
        value = _PyUnicode_ToDecimalDigit(ch);
        break;
    case UCD_OLD: {
        const _PyUCD_Numeric32 *old = numeric_3_2_0(ch);
        value = old != NULL ? old->decimal : -1;
        break;
    }
    case UCD_ABSENT:
        break;
    }
    if (value < 0) {
        return default_or_error(deflt, "not a decimal");
    }
    return PyLong_FromLong(value);
}

static PyObject *
unicodedata_digit(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_UCS4 ch;
    PyObject *deflt;
    if (get_char_and_default("digit", args, nargs, &ch, &deflt) < 0) {
        return NULL;
    }
    int value = is_known(self, ch) ? _PyUnicode_ToDigit(ch) : -1;
    if (value < 0) {
        return default_or_error(deflt, "not a digit");
    }
    return PyLong_FromLong(value);
}

static PyObject *
unicodedata_numeric(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_UCS4 ch;
    PyObject *deflt;
    double value;
    if (get_char_and_default("numeric", args, nargs, &ch, &deflt) < 0) {
        return NULL;
    }
    const _PyUCD_Run32 *run;
    int found = 0;
    switch (versioned(self, ch, &run)) {
    case UCD_CURRENT:
        found = _PyUnicode_GetNumericValue(ch, &value);
        break;
    case UCD_OLD: {
        const _PyUCD_Numeric32 *old = numeric_3_2_0(ch);
        if (old != NULL) {
            value = old->numeric;
            found = 1;
        }
        break;
    }
    case UCD_ABSENT:
        break;
    }
    if (!found) {
        return default_or_error(deflt, "not a numeric character");
    }
    return PyFloat_FromDouble(value);
}

/* ---- simple properties ----------------------------------------------------- */

static PyObject *
unicodedata_category(PyObject *self, PyObject *arg)
{
    Py_UCS4 ch;
    if (get_char("category", "argument", arg, &ch) < 0) {
        return NULL;
    }
    const _PyUCD_Run32 *run;
    switch (versioned(self, ch, &run)) {
    case UCD_OLD:
        return PyUnicode_FromString(_PyUCD_Categories32[run->category]);
    case UCD_ABSENT:
        return PyUnicode_FromString("Cn");
    default:
        return PyUnicode_FromString(_PyUnicode_CategoryName(ch));
    }
}

static PyObject *
unicodedata_bidirectional(PyObject *self, PyObject *arg)
{
    Py_UCS4 ch;
    if (get_char("bidirectional", "argument", arg, &ch) < 0) {
        return NULL;
    }
    const _PyUCD_Run32 *run;
    switch (versioned(self, ch, &run)) {
    case UCD_OLD:
        return PyUnicode_FromString(_PyUCD_Bidirectionals32[run->bidirectional]);
    case UCD_ABSENT:
        return PyUnicode_FromString("");
    default:
        return PyUnicode_FromString(_PyUnicode_BidirectionalName(ch));
    }
}

static PyObject *
unicodedata_combining(PyObject *self, PyObject *arg)
{
    Py_UCS4 ch;
    if (get_char("combining", "argument", arg, &ch) < 0) {
        return NULL;
    }
    return PyLong_FromLong(is_known(self, ch) ? _PyUnicode_CombiningClass(ch) : 0);
}

static PyObject *
unicodedata_mirrored(PyObject *self, PyObject *arg)
{
    Py_UCS4 ch;
    if (get_char("mirrored", "argument", arg, &ch) < 0) {
        return NULL;
    }
    const _PyUCD_Run32 *run;
    switch (versioned(self, ch, &run)) {
    case UCD_OLD:
        return PyLong_FromLong(run->mirrored);
    case UCD_ABSENT:
        return PyLong_FromLong(0);
    default:
        return PyLong_FromLong(_PyUnicode_IsMirrored(ch));
    }
}

static PyObject *
unicodedata_east_asian_width(PyObject *self, PyObject *arg)
{
    Py_UCS4 ch;
    if (get_char("east_asian_width", "argument", arg, &ch) < 0) {
        return NULL;
    }
    const _PyUCD_Run32 *run;
    switch (versioned(self, ch, &run)) {
    case UCD_OLD:
        return PyUnicode_FromString(_PyUCD_Widths32[run->east_asian_width]);
    case UCD_ABSENT:
        /* "N" is UAX #11's width of code points a version lacks. */
        return PyUnicode_FromString("N");
    default:
        return PyUnicode_FromString(_PyUnicode_EastAsianWidthName(ch));
    }
}

static PyObject *
unicodedata_isxidstart(PyObject *self, PyObject *arg)
{
    Py_UCS4 ch;
    if (get_char("isxidstart", "argument", arg, &ch) < 0) {
        return NULL;
    }
    return PyBool_FromLong(is_known(self, ch) && _PyUnicode_IsXidStart(ch));
}

static PyObject *
unicodedata_isxidcontinue(PyObject *self, PyObject *arg)
{
    Py_UCS4 ch;
    if (get_char("isxidcontinue", "argument", arg, &ch) < 0) {
        return NULL;
    }
    return PyBool_FromLong(is_known(self, ch) && _PyUnicode_IsXidContinue(ch));
}

static PyObject *
unicodedata_decomposition(PyObject *self, PyObject *arg)
{
    Py_UCS4 ch;
    Py_UCS4 mapping[_PyUnicode_DECOMPOSITION_MAX];
    const char *tag = "";
    if (get_char("decomposition", "argument", arg, &ch) < 0) {
        return NULL;
    }
    int count = is_known(self, ch) ? _PyUnicode_GetDecomposition(ch, &tag, mapping) : 0;
    /* "<compat> 0020 0308": at most a tag and 18 code points of 6 digits. */
    char text[32 + _PyUnicode_DECOMPOSITION_MAX * 8];
    size_t pos = 0;
    if (count > 0 && tag[0] != '\0') {
        pos += (size_t)snprintf(text, sizeof(text), "%s", tag);
    }
    for (int i = 0; i < count; i++) {
        pos += (size_t)snprintf(text + pos, sizeof(text) - pos, "%s%04X",
                                pos ? " " : "", (unsigned int)mapping[i]);
    }
    text[pos] = '\0';
    return PyUnicode_FromString(text);
}

/* ---- names ------------------------------------------------------------------- */

static PyObject *
unicodedata_name(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_UCS4 ch;
    PyObject *deflt;
    char buf[NAME_MAXLEN];
    if (get_char_and_default("name", args, nargs, &ch, &deflt) < 0) {
        return NULL;
    }
    if (!is_known(self, ch) || !_PyUnicode_GetName(ch, buf, sizeof(buf))) {
        return default_or_error(deflt, "no such name");
    }
    return PyUnicode_FromString(buf);
}

/* The named sequence called upper (already upper case), or NULL. */
static const _PyUCD_NamedSequence *
find_named_sequence(const char *upper)
{
    size_t lo = 0, hi = Py_ARRAY_LENGTH(_PyUCD_NamedSequences);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = strcmp(upper, _PyUCD_NamedSequences[mid].name);
        if (cmp == 0) {
            return &_PyUCD_NamedSequences[mid];
        }
        if (cmp < 0) {
            hi = mid;
        }
        else {
            lo = mid + 1;
        }
    }
    return NULL;
}

static PyObject *
lookup_sequence(const char *name, Py_ssize_t len)
{
    char upper[NAME_MAXLEN + 1];
    for (Py_ssize_t i = 0; i < len; i++) {
        char c = name[i];
        upper[i] = (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
    }
    upper[len] = '\0';
    if (strlen(upper) != (size_t)len) {
        return NULL;        /* an embedded NUL names nothing */
    }
    const _PyUCD_NamedSequence *seq = find_named_sequence(upper);
    if (seq == NULL) {
        return NULL;
    }
    Py_UCS4 cps[_PyUCD_SEQUENCE_MAX];
    for (int i = 0; i < seq->count; i++) {
        cps[i] = seq->cps[i];
    }
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, cps, seq->count);
}

static PyObject *
unicodedata_lookup(PyObject *self, PyObject *arg)
{
    const char *name;
    Py_ssize_t len;
    if (PyUnicode_Check(arg)) {
        name = PyUnicode_AsUTF8AndSize(arg, &len);
        if (name == NULL) {
            return NULL;
        }
    }
    else if (PyBytes_Check(arg)) {
        name = PyBytes_AS_STRING(arg);
        len = PyBytes_GET_SIZE(arg);
    }
    else if (PyObject_CheckBuffer(arg)) {
        /* CPython takes only read-only buffers it can hold on to. */
        _PyArg_BadArgument("lookup", "argument", "read-only bytes-like object", arg);
        return NULL;
    }
    else {
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.200s'",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    PyObject *result = NULL;
    Py_UCS4 ch;
    int v32 = is_ucd_3_2_0(self);
    if (len > NAME_MAXLEN) {
        PyErr_SetString(PyExc_KeyError, "name too long");
    }
    else if (_PyUnicode_LookupName(name, (size_t)len, !v32, &ch)
             && (!v32 || assigned_in_3_2_0(ch))) {
        result = PyUnicode_FromOrdinal((int)ch);
    }
    else if (v32 || (result = lookup_sequence(name, len)) == NULL) {
        PyErr_Format(PyExc_KeyError, "undefined character name '%.*s'",
                     (int)len, name);
    }
    return result;
}

/* ---- normalization --------------------------------------------------------- */

#define HANGUL_SBASE 0xAC00
#define HANGUL_LBASE 0x1100
#define HANGUL_VBASE 0x1161
#define HANGUL_TBASE 0x11A7
#define HANGUL_LCOUNT 19
#define HANGUL_VCOUNT 21
#define HANGUL_TCOUNT 28
#define HANGUL_NCOUNT (HANGUL_VCOUNT * HANGUL_TCOUNT)
#define HANGUL_SCOUNT (HANGUL_LCOUNT * HANGUL_NCOUNT)

/* A growable array of code points owned by the normalizing call. */
typedef struct {
    Py_UCS4 *items;
    Py_ssize_t len;
    Py_ssize_t cap;
} CharBuf;

static int
charbuf_push(CharBuf *buf, Py_UCS4 ch)
{
    if (buf->len == buf->cap) {
        Py_ssize_t cap = buf->cap ? buf->cap * 2 : 64;
        Py_UCS4 *items = PyMem_Realloc(buf->items, (size_t)cap * sizeof(Py_UCS4));
        if (items == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        buf->items = items;
        buf->cap = cap;
    }
    buf->items[buf->len++] = ch;
    return 0;
}

/* The single-code-point 3.2.0 mapping of a decomposition corrected
   later, or 0. */
static Py_UCS4
corrected_mapping_3_2_0(Py_UCS4 ch)
{
    for (int i = 0; i < _PyUCD_NCORRECTIONS32; i++) {
        if (_PyUCD_Corrections32[i][0] == ch) {
            return _PyUCD_Corrections32[i][1];
        }
    }
    return 0;
}

static int
combining_class(int v32, Py_UCS4 ch)
{
    if (v32 && !assigned_in_3_2_0(ch)) {
        return 0;
    }
    return _PyUnicode_CombiningClass(ch);
}

/* Append the full decomposition of ch (canonical, or also compatibility
   when compat) to out. */
static int
decompose_char(CharBuf *out, Py_UCS4 ch, int compat, int v32, int depth)
{
    if (ch >= HANGUL_SBASE && ch < HANGUL_SBASE + HANGUL_SCOUNT) {
        Py_UCS4 s = ch - HANGUL_SBASE;
        Py_UCS4 t = s % HANGUL_TCOUNT;
        if (charbuf_push(out, HANGUL_LBASE + s / HANGUL_NCOUNT) < 0
            || charbuf_push(out, HANGUL_VBASE + (s % HANGUL_NCOUNT) / HANGUL_TCOUNT) < 0) {
            return -1;
        }
        return t ? charbuf_push(out, HANGUL_TBASE + t) : 0;
    }
    if (v32 && !assigned_in_3_2_0(ch)) {
        return charbuf_push(out, ch);
    }
    Py_UCS4 mapping[_PyUnicode_DECOMPOSITION_MAX];
    const char *tag = "";
    int count;
    Py_UCS4 old = v32 ? corrected_mapping_3_2_0(ch) : 0;
    if (old) {
        mapping[0] = old;
        count = 1;
    }
    else {
        count = _PyUnicode_GetDecomposition(ch, &tag, mapping);
    }
    /* Mappings nest only a few levels deep; the bound guards bad data. */
    if (count == 0 || (tag[0] != '\0' && !compat) || depth > 16) {
        return charbuf_push(out, ch);
    }
    for (int i = 0; i < count; i++) {
        if (decompose_char(out, mapping[i], compat, v32, depth + 1) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Canonical ordering: stable sort of each run of non-starters by
   combining class (runs are short: insertion sort). */
static void
canonical_order(CharBuf *buf, int v32)
{
    for (Py_ssize_t i = 1; i < buf->len; i++) {
        Py_UCS4 ch = buf->items[i];
        int cc = combining_class(v32, ch);
        if (cc == 0) {
            continue;
        }
        Py_ssize_t j = i;
        while (j > 0) {
            int prev = combining_class(v32, buf->items[j - 1]);
            if (prev <= cc) {
                break;
            }
            buf->items[j] = buf->items[j - 1];
            j--;
        }
        buf->items[j] = ch;
    }
}

static Py_UCS4
compose_pair(Py_UCS4 first, Py_UCS4 second, int v32)
{
    Py_UCS4 composite = _PyUnicode_Compose(first, second);
    if (composite == 0 || _PyUnicode_IsCompositionExclusion(composite)) {
        return 0;
    }
    if (v32 && (!assigned_in_3_2_0(composite) || !assigned_in_3_2_0(second))) {
        return 0;
    }
    return composite;
}

/* Canonical composition in place (UAX #15): each character joins the last
   starter unless a character between them blocks it. */
static void
canonical_compose(CharBuf *buf, int v32)
{
    if (buf->len == 0) {
        return;
    }
    Py_ssize_t starter = 0;
    Py_ssize_t out = 1;
    int last_class = combining_class(v32, buf->items[0]) ? 256 : 0;
    for (Py_ssize_t i = 1; i < buf->len; i++) {
        Py_UCS4 ch = buf->items[i];
        int cc = combining_class(v32, ch);
        if (last_class != 256 && (last_class < cc || last_class == 0)) {
            Py_UCS4 composite = compose_pair(buf->items[starter], ch, v32);
            if (composite) {
                buf->items[starter] = composite;
                continue;
            }
        }
        if (cc == 0) {
            starter = out;
        }
        last_class = cc;
        buf->items[out++] = ch;
    }
    buf->len = out;
}

/* The normalization form named form: 0 NFC, 1 NFKC, 2 NFD, 3 NFKD, or -1
   with ValueError. */
static int
parse_form(const char *fname, PyObject *form)
{
    static const char *const names[] = {"NFC", "NFKC", "NFD", "NFKD"};
    if (!PyUnicode_Check(form)) {
        _PyArg_BadArgument(fname, "argument 1", "str", form);
        return -1;
    }
    for (int i = 0; i < 4; i++) {
        if (PyUnicode_CompareWithASCIIString(form, names[i]) == 0) {
            return i;
        }
    }
    PyErr_SetString(PyExc_ValueError, "invalid normalization form");
    return -1;
}

static int
is_composing_form(int form)
{
    return form == 0 || form == 1;
}

static int
is_compat_form(int form)
{
    return form == 1 || form == 3;
}

/* The quick check of UAX #15: 0 yes, 1 no, 2 maybe. */
static int
quick_check(PyObject *str, int form)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    int last_class = 0;
    int result = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        int cc = _PyUnicode_CombiningClass(ch);
        if (cc != 0 && last_class > cc) {
            return 1;
        }
        last_class = cc;
        int answer = _PyUnicode_QuickCheck(ch, form);
        if (answer == 1) {
            return 1;
        }
        if (answer == 2) {
            result = 2;
        }
    }
    return result;
}

static PyObject *
normalize_string(PyObject *str, int form, int v32)
{
    CharBuf buf = {NULL, 0, 0};
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    for (Py_ssize_t i = 0; i < len; i++) {
        if (decompose_char(&buf, PyUnicode_READ(kind, data, i),
                           is_compat_form(form), v32, 0) < 0) {
            PyMem_Free(buf.items);
            return NULL;
        }
    }
    canonical_order(&buf, v32);
    if (is_composing_form(form)) {
        canonical_compose(&buf, v32);
    }
    PyObject *result = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND,
                                                 buf.items, buf.len);
    PyMem_Free(buf.items);
    return result;
}

static int
get_normalize_args(const char *fname, PyObject *const *args, Py_ssize_t nargs,
                   int *form, PyObject **str)
{
    if (!_PyArg_CheckPositional(fname, nargs, 2, 2)) {
        return -1;
    }
    *form = parse_form(fname, args[0]);
    if (*form < 0) {
        return -1;
    }
    if (!PyUnicode_Check(args[1])) {
        _PyArg_BadArgument(fname, "argument 2", "str", args[1]);
        return -1;
    }
    *str = args[1];
    return 0;
}

static PyObject *
unicodedata_normalize(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    int form;
    PyObject *str;
    if (get_normalize_args("normalize", args, nargs, &form, &str) < 0) {
        return NULL;
    }
    int v32 = is_ucd_3_2_0(self);
    if (PyUnicode_GET_LENGTH(str) == 0 || (!v32 && quick_check(str, form) == 0)) {
        /* Already normalized: the argument itself, as CPython returns
           (a str subclass instance stays one). */
        return Py_NewRef(str);
    }
    return normalize_string(str, form, v32);
}

static PyObject *
unicodedata_is_normalized(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    int form;
    PyObject *str;
    if (get_normalize_args("is_normalized", args, nargs, &form, &str) < 0) {
        return NULL;
    }
    int v32 = is_ucd_3_2_0(self);
    if (PyUnicode_GET_LENGTH(str) == 0) {
        Py_RETURN_TRUE;
    }
    if (!v32) {
        int answer = quick_check(str, form);
        if (answer != 2) {
            return PyBool_FromLong(answer == 0);
        }
    }
    PyObject *normal = normalize_string(str, form, v32);
    if (normal == NULL) {
        return NULL;
    }
    int equal = PyUnicode_Compare(normal, str) == 0;
    Py_DECREF(normal);
    return PyBool_FromLong(equal);
}

/* ---- module and UCD type ------------------------------------------------------ */

#define FASTCALL(name, doc) \
    {#name, (PyCFunction)(void (*)(void))unicodedata_##name, METH_FASTCALL, doc}
#define ONEARG(name, doc) \
    {#name, (PyCFunction)unicodedata_##name, METH_O, doc}

static PyMethodDef unicodedata_functions[] = {
    FASTCALL(decimal, "decimal($self, chr, default=<unrepresentable>, /)\n--\n\n"
             "Converts a Unicode character into its equivalent decimal value.\n\n"
             "Returns the decimal value assigned to the character chr as integer.\n"
             "If no such value is defined, default is returned, or, if not given,\n"
             "ValueError is raised."),
    FASTCALL(digit, "digit($self, chr, default=<unrepresentable>, /)\n--\n\n"
             "Converts a Unicode character into its equivalent digit value.\n\n"
             "Returns the digit value assigned to the character chr as integer.\n"
             "If no such value is defined, default is returned, or, if not given,\n"
             "ValueError is raised."),
    FASTCALL(numeric, "numeric($self, chr, default=<unrepresentable>, /)\n--\n\n"
             "Converts a Unicode character into its equivalent numeric value.\n\n"
             "Returns the numeric value assigned to the character chr as float.\n"
             "If no such value is defined, default is returned, or, if not given,\n"
             "ValueError is raised."),
    ONEARG(category, "category($self, chr, /)\n--\n\n"
           "Returns the general category assigned to the character chr as string."),
    ONEARG(bidirectional, "bidirectional($self, chr, /)\n--\n\n"
           "Returns the bidirectional class assigned to the character chr as string.\n\n"
           "If no such value is defined, an empty string is returned."),
    ONEARG(combining, "combining($self, chr, /)\n--\n\n"
           "Returns the canonical combining class assigned to the character chr as integer.\n\n"
           "Returns 0 if no combining class is defined."),
    ONEARG(mirrored, "mirrored($self, chr, /)\n--\n\n"
           "Returns the mirrored property assigned to the character chr as integer.\n\n"
           "Returns 1 if the character has been identified as a \"mirrored\"\n"
           "character in bidirectional text, 0 otherwise."),
    ONEARG(east_asian_width, "east_asian_width($self, chr, /)\n--\n\n"
           "Returns the east asian width assigned to the character chr as string."),
    ONEARG(isxidstart, "isxidstart($self, chr, /)\n--\n\n"
           "Return True if chr has the XID_Start property (UAX #31)."),
    ONEARG(isxidcontinue, "isxidcontinue($self, chr, /)\n--\n\n"
           "Return True if chr has the XID_Continue property (UAX #31)."),
    ONEARG(decomposition, "decomposition($self, chr, /)\n--\n\n"
           "Returns the character decomposition mapping assigned to the character chr as string.\n\n"
           "An empty string is returned in case no such mapping is defined."),
    FASTCALL(name, "name($self, chr, default=<unrepresentable>, /)\n--\n\n"
             "Returns the name assigned to the character chr as a string.\n\n"
             "If no name is defined, default is returned, or, if not given,\n"
             "ValueError is raised."),
    ONEARG(lookup, "lookup($self, name, /)\n--\n\n"
           "Look up character by name.\n\n"
           "If a character with the given name is found, return the\n"
           "corresponding character.  If not found, KeyError is raised."),
    FASTCALL(normalize, "normalize($self, form, unistr, /)\n--\n\n"
             "Return the normal form 'form' for the Unicode string unistr.\n\n"
             "Valid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'."),
    FASTCALL(is_normalized, "is_normalized($self, form, unistr, /)\n--\n\n"
             "Return whether the Unicode string unistr is in the normal form 'form'.\n\n"
             "Valid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'."),
    {NULL, NULL, 0, NULL},
};

static PyObject *
ucd_get_unidata_version(PyObject *Py_UNUSED(self), void *Py_UNUSED(closure))
{
    return PyUnicode_FromString("3.2.0");
}

static PyGetSetDef ucd_getset[] = {
    {"unidata_version", ucd_get_unidata_version, NULL,
     "The version of the Unicode database this object presents.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot ucd_type_slots[] = {
    {Py_tp_doc, (void *)"A view of the Unicode database as of an older version."},
    {Py_tp_methods, unicodedata_functions},
    {Py_tp_getset, ucd_getset},
    {0, NULL},
};

static PyType_Spec ucd_type_spec = {
    .name = "unicodedata.UCD",
    .basicsize = sizeof(PyObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION
             | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = ucd_type_slots,
};

static int
unicodedata_exec(PyObject *module)
{
    if (PyModule_AddStringConstant(module, "unidata_version",
                                   _PyUnicode_UnidataVersion) < 0) {
        return -1;
    }
    PyObject *type = PyType_FromModuleAndSpec(module, &ucd_type_spec, NULL);
    if (type == NULL) {
        return -1;
    }
    if (PyModule_AddObjectRef(module, "UCD", type) < 0) {
        Py_DECREF(type);
        return -1;
    }
    PyTypeObject *tp = (PyTypeObject *)type;
    PyObject *v32 = tp->tp_alloc(tp, 0);
    Py_DECREF(type);
    if (v32 == NULL) {
        return -1;
    }
    return PyModule_Add(module, "ucd_3_2_0", v32);
}

static PyModuleDef_Slot unicodedata_slots[] = {
    {Py_mod_exec, unicodedata_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef unicodedata_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "unicodedata",
    .m_doc = "This module provides access to the Unicode Character Database which\n"
             "defines character properties for all Unicode characters. The data in\n"
             "this database is based on the UnicodeData.txt file of the Unicode\n"
             "Character Database installed on the build machine.",
    .m_size = 0,
    .m_methods = unicodedata_functions,
    .m_slots = unicodedata_slots,
};

PyMODINIT_FUNC
PyInit_unicodedata(void)
{
    return PyModuleDef_Init(&unicodedata_module);
}
