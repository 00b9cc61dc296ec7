/* binascii: conversions between binary data and ASCII encodings
   (hexadecimal, base64, base32, base85, Ascii85, quoted-printable,
   uuencode) and the CRC-32 and CRC-CCITT checksums.

   The module holds no mutable state: every function works on its
   arguments only, so it is safe without the GIL.  The exception types
   are created by the first exec and never replaced. */
#include "Python.h"

#include <string.h>
#include <zlib.h>

static PyObject *binascii_error;
static PyObject *binascii_incomplete;

static const char base64_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char hex_digits[] = "0123456789abcdef";

/* ---- arguments ----------------------------------------------------------- */

/* The a2b_* functions take bytes-like objects or ASCII-only str. */
static int
get_ascii_data(PyObject *arg, Py_buffer *view)
{
    if (PyUnicode_Check(arg)) {
        Py_ssize_t len;
        const char *text = PyUnicode_AsUTF8AndSize(arg, &len);
        if (text == NULL) {
            return -1;
        }
        for (Py_ssize_t i = 0; i < len; i++) {
            if ((unsigned char)text[i] >= 128) {
                PyErr_SetString(PyExc_ValueError, "string argument should "
                                "contain only ASCII characters");
                return -1;
            }
        }
        return PyBuffer_FillInfo(view, arg, (void *)text, len, 1,
                                 PyBUF_SIMPLE);
    }
    if (!PyObject_CheckBuffer(arg)) {
        PyErr_Format(PyExc_TypeError, "argument should be bytes, buffer or "
                     "ASCII string, not '%.100s'", Py_TYPE(arg)->tp_name);
        return -1;
    }
    return PyObject_GetBuffer(arg, view, PyBUF_SIMPLE);
}

static int
ascii_converter(PyObject *arg, void *addr)
{
    if (arg == NULL) {
        PyBuffer_Release((Py_buffer *)addr);
        return 1;
    }
    return get_ascii_data(arg, (Py_buffer *)addr) < 0 ? 0
                                                      : Py_CLEANUP_SUPPORTED;
}

/* A growing output: `len` bytes used of `bytes`. */
typedef struct {
    PyObject *bytes;
    Py_ssize_t len;
} Writer;

static int
writer_init(Writer *w, Py_ssize_t capacity)
{
    w->bytes = PyBytes_FromStringAndSize(NULL, capacity > 0 ? capacity : 1);
    w->len = 0;
    return w->bytes == NULL ? -1 : 0;
}

/* Room for n more bytes; returns where to write them. */
static char *
writer_reserve(Writer *w, Py_ssize_t n)
{
    Py_ssize_t cap = PyBytes_GET_SIZE(w->bytes);
    if (w->len + n > cap) {
        Py_ssize_t grown = cap + (cap >> 1) + n;
        if (_PyBytes_Resize(&w->bytes, grown) < 0) {
            return NULL;
        }
    }
    return PyBytes_AS_STRING(w->bytes) + w->len;
}

static int
writer_put(Writer *w, const char *data, Py_ssize_t n)
{
    char *p = writer_reserve(w, n);
    if (p == NULL) {
        return -1;
    }
    memcpy(p, data, n);
    w->len += n;
    return 0;
}

static PyObject *
writer_finish(Writer *w)
{
    if (_PyBytes_Resize(&w->bytes, w->len) < 0) {
        return NULL;
    }
    return w->bytes;
}

static void
writer_abandon(Writer *w)
{
    Py_CLEAR(w->bytes);
}

/* ---- uuencode --------------------------------------------------------------- */

static PyObject *
binascii_a2b_uu(PyObject *Py_UNUSED(module), PyObject *arg)
{
    Py_buffer view;
    if (get_ascii_data(arg, &view) < 0) {
        return NULL;
    }
    const unsigned char *in = view.buf;
    Py_ssize_t in_len = view.len;
    /* An empty line stands for 32 zero bytes, as in CPython. */
    Py_ssize_t out_len = in_len > 0 ? (in[0] - ' ') & 0x3f : 32;
    PyObject *result = PyBytes_FromStringAndSize(NULL, out_len);
    if (result == NULL) {
        PyBuffer_Release(&view);
        return NULL;
    }
    unsigned char *out = (unsigned char *)PyBytes_AS_STRING(result);
    memset(out, 0, out_len);
    Py_ssize_t pos = in_len > 0 ? 1 : 0;
    unsigned int bits = 0;
    int nbits = 0;
    Py_ssize_t written = 0;
    for (; written < out_len; pos++) {
        unsigned int v = 0;
        if (pos < in_len) {
            unsigned char c = in[pos];
            if (c == '\n' || c == '\r') {
                v = 0;
            }
            else if (c < ' ' || c > ' ' + 64) {
                PyErr_SetString(binascii_error, "Illegal char");
                goto fail;
            }
            else {
                v = (c - ' ') & 0x3f;
            }
        }
        bits = (bits << 6) | v;
        nbits += 6;
        if (nbits >= 8) {
            nbits -= 8;
            out[written++] = (unsigned char)(bits >> nbits);
            bits &= (1u << nbits) - 1;
        }
    }
    /* What follows the data may only be padding and white space. */
    for (; pos < in_len; pos++) {
        unsigned char c = in[pos];
        if (c != ' ' && c != ' ' + 64 && c != '\n' && c != '\r') {
            PyErr_SetString(binascii_error, "Trailing garbage");
            goto fail;
        }
    }
    PyBuffer_Release(&view);
    return result;
fail:
    PyBuffer_Release(&view);
    Py_DECREF(result);
    return NULL;
}

static PyObject *
binascii_b2a_uu(PyObject *Py_UNUSED(module), PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"", "backtick", NULL};
    Py_buffer view;
    int backtick = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "y*|$p:b2a_uu", keywords,
                                     &view, &backtick)) {
        return NULL;
    }
    if (view.len > 45) {
        PyBuffer_Release(&view);
        PyErr_SetString(binascii_error, "At most 45 bytes at once");
        return NULL;
    }
    const unsigned char *in = view.buf;
    Py_ssize_t groups = (view.len + 2) / 3;
    PyObject *result = PyBytes_FromStringAndSize(NULL, 2 + groups * 4);
    if (result == NULL) {
        PyBuffer_Release(&view);
        return NULL;
    }
    char *out = PyBytes_AS_STRING(result);
    *out++ = (backtick && view.len == 0) ? '`' : (char)(' ' + view.len);
    for (Py_ssize_t g = 0; g < groups; g++) {
        unsigned int word = 0;
        for (int k = 0; k < 3; k++) {
            Py_ssize_t i = g * 3 + k;
            word = (word << 8) | (i < view.len ? in[i] : 0);
        }
        for (int k = 3; k >= 0; k--) {
            unsigned int v = (word >> (6 * k)) & 0x3f;
            *out++ = (backtick && v == 0) ? '`' : (char)(' ' + v);
        }
    }
    *out = '\n';
    PyBuffer_Release(&view);
    return result;
}

/* ---- base64 and base32 ------------------------------------------------------- */

#define BASE32_ALPHABET "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
#define BASE32HEX_ALPHABET "0123456789ABCDEFGHIJKLMNOPQRSTUV"
#define BASE85_DIGITS \
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" \
    "!#$%&()*+-;<=>?@^_`{|}~"

/* A digit alphabet (2**bits characters for base64 and base32, 85 for
   base85 and Ascii85) and its inverse. */
typedef struct {
    char digits[85];
    signed char value[256];     /* -1 outside the alphabet */
} Alphabet;

/* The alphabet given by the user (a bytes-like object of `size`
   characters, all different), or `fallback` when obj is NULL. */
static int
get_alphabet(PyObject *obj, int size, const char *fallback, Alphabet *out)
{
    Py_buffer view = {0};
    const char *digits = fallback;
    if (obj != NULL) {
        if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) < 0) {
            return -1;
        }
        if (view.len != size) {
            PyBuffer_Release(&view);
            PyErr_Format(PyExc_ValueError, "alphabet must have length %d",
                         size);
            return -1;
        }
        digits = view.buf;
    }
    memset(out->value, -1, sizeof(out->value));
    int rc = 0;
    for (int i = 0; i < size; i++) {
        unsigned char c = (unsigned char)digits[i];
        if (out->value[c] >= 0) {
            PyErr_SetString(PyExc_ValueError,
                            "alphabet must not contain duplicate characters");
            rc = -1;
            break;
        }
        out->value[c] = (signed char)i;
        out->digits[i] = (char)c;
    }
    if (obj != NULL) {
        PyBuffer_Release(&view);
    }
    return rc;
}

/* The characters of ignorechars (a bytes-like object; NULL: none). */
static int
get_ignored(PyObject *obj, char ignored[256])
{
    memset(ignored, 0, 256);
    if (obj == NULL) {
        return 0;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) < 0) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < view.len; i++) {
        ignored[((unsigned char *)view.buf)[i]] = 1;
    }
    PyBuffer_Release(&view);
    return 0;
}

/* Base64 uses 6 bits per digit in groups of 4 digits; base32 5 bits in
   groups of 8. */
typedef struct {
    int bits;
    int group;
    const char *name;
} Radix;

static const Radix radix64 = {6, 4, "base64"};
static const Radix radix32 = {5, 8, "base32"};

/* Digits a final group may have before its padding. */
static int
valid_partial(const Radix *r, int digits)
{
    if (r->bits == 6) {
        return digits == 2 || digits == 3;
    }
    return digits == 2 || digits == 4 || digits == 5 || digits == 7;
}

static PyObject *
radix_encode(const Radix *r, const Alphabet *alpha, const unsigned char *in,
             Py_ssize_t len, int padded, Py_ssize_t wrapcol, int newline)
{
    Py_ssize_t bytes_per_group = r->group * r->bits / 8;
    Py_ssize_t groups = (len + bytes_per_group - 1) / bytes_per_group;
    Py_ssize_t max_digits = groups * r->group;
    Py_ssize_t breaks = wrapcol > 0 && max_digits > 0
                        ? (max_digits - 1) / wrapcol : 0;
    Writer w;
    if (writer_init(&w, max_digits + breaks + 1) < 0) {
        return NULL;
    }
    char *out = PyBytes_AS_STRING(w.bytes);
    Py_ssize_t column = 0;
    uint64_t acc = 0;
    int nbits = 0;
    Py_ssize_t written = 0;
    for (Py_ssize_t i = 0; i <= len; i++) {
        if (i < len) {
            acc = (acc << 8) | in[i];
            nbits += 8;
        }
        else if (nbits > 0) {
            /* The last digit is filled up with zero bits. */
            acc <<= r->bits - nbits;
            nbits = r->bits;
        }
        while (nbits >= r->bits) {
            nbits -= r->bits;
            if (wrapcol > 0 && column == wrapcol) {
                out[w.len++] = '\n';
                column = 0;
            }
            out[w.len++] = alpha->digits[(acc >> nbits) & ((1u << r->bits) - 1)];
            acc &= ((uint64_t)1 << nbits) - 1;
            column++;
            written++;
        }
    }
    while (padded && written % r->group != 0) {
        if (wrapcol > 0 && column == wrapcol) {
            out[w.len++] = '\n';
            column = 0;
        }
        out[w.len++] = '=';
        column++;
        written++;
    }
    if (newline) {
        out[w.len++] = '\n';
    }
    return writer_finish(&w);
}

typedef struct {
    int strict;         /* reject characters outside the alphabet */
    int padded;         /* '=' is padding and a final group needs it */
    int canonical;      /* reject non-zero bits in the padding */
    char ignored[256];  /* accepted and skipped in strict mode */
} DecodeOptions;

static PyObject *
radix_fail(Writer *w, const char *msg)
{
    writer_abandon(w);
    PyErr_SetString(binascii_error, msg);
    return NULL;
}

/* Decoding: in non-strict mode characters outside the alphabet are
   skipped and the padding that completes a group ends the data; strict
   mode rejects anything else unless it is in ignorechars. */
static PyObject *
radix_decode(const Radix *r, const Alphabet *alpha, const unsigned char *in,
             Py_ssize_t len, const DecodeOptions *opt)
{
    Writer w;
    if (writer_init(&w, len * r->bits / 8 + 8) < 0) {
        return NULL;
    }
    char *out = PyBytes_AS_STRING(w.bytes);
    int base64 = r->bits == 6;
    int pad_ignored = opt->ignored['='];
    uint64_t acc = 0;
    int nbits = 0, group_pos = 0, pads = 0, padding_started = 0;
    int completed = 0, seen_data = 0;
    Py_ssize_t data_chars = 0, i;
    for (i = 0; i < len; i++) {
        unsigned char c = in[i];
        if (opt->padded && c == '=') {
            if (opt->strict && !pad_ignored && !seen_data) {
                return radix_fail(&w, "Leading padding not allowed");
            }
            /* Padding right after a complete group pads nothing. */
            if (opt->strict && !pad_ignored && group_pos == 0) {
                return radix_fail(&w, "Excess padding not allowed");
            }
            padding_started = 1;
            pads++;
            if (valid_partial(r, group_pos) && group_pos + pads >= r->group) {
                completed = 1;
                i++;
                break;
            }
            continue;
        }
        int v = alpha->value[c];
        if (v < 0) {
            if (opt->strict && !opt->ignored[c]) {
                return radix_fail(&w, base64 ? "Only base64 data is allowed"
                                             : "Non-base32 digit found");
            }
            continue;
        }
        if (opt->strict && padding_started && !pad_ignored) {
            return radix_fail(&w, "Discontinuous padding not allowed");
        }
        seen_data = 1;
        pads = 0;
        padding_started = 0;
        data_chars++;
        acc = (acc << r->bits) | (uint64_t)v;
        nbits += r->bits;
        if (nbits >= 8) {
            nbits -= 8;
            out[w.len++] = (char)(acc >> nbits);
            acc &= ((uint64_t)1 << nbits) - 1;
        }
        group_pos = (group_pos + 1) % r->group;
        if (group_pos == 0) {
            acc = 0;
            nbits = 0;
        }
    }
    if (completed && opt->strict) {
        for (; i < len; i++) {
            if (!opt->ignored[in[i]]) {
                return radix_fail(&w, "Excess data after padding");
            }
        }
    }
    if (!completed && group_pos != 0) {
        if (!valid_partial(r, group_pos)) {
            if (base64) {
                writer_abandon(&w);
                PyErr_Format(binascii_error, "Invalid base64-encoded string: "
                             "number of data characters (%zd) cannot be 1 "
                             "more than a multiple of 4", data_chars);
                return NULL;
            }
            return radix_fail(&w, "Incorrect padding");
        }
        if (opt->padded) {
            return radix_fail(&w, "Incorrect padding");
        }
    }
    if (opt->canonical && group_pos != 0 && acc != 0) {
        return radix_fail(&w, "Non-zero padding bits");
    }
    return writer_finish(&w);
}

/* The body of a2b_base64 and a2b_base32: decode view with the radix's
   alphabet (alphabet_obj, or `fallback` of `size` digits).  strict < 0
   means strict exactly when ignorechars is given. */
static PyObject *
decode_view(const Radix *r, int size, const char *fallback,
            PyObject *alphabet_obj, PyObject *ignore_obj, Py_buffer *view,
            int strict, int padded, int canonical)
{
    Alphabet alpha;
    DecodeOptions opt;
    if (get_alphabet(alphabet_obj, size, fallback, &alpha) < 0
        || get_ignored(ignore_obj, opt.ignored) < 0) {
        return NULL;
    }
    opt.strict = strict < 0 ? ignore_obj != NULL : strict;
    opt.padded = padded;
    opt.canonical = canonical;
    return radix_decode(r, &alpha, view->buf, view->len, &opt);
}

/* The body of b2a_base64 and b2a_base32. */
static PyObject *
encode_view(const Radix *r, int size, const char *fallback,
            PyObject *alphabet_obj, Py_buffer *view, int padded,
            Py_ssize_t wrapcol, int newline)
{
    Alphabet alpha;
    if (wrapcol < 0) {
        PyErr_SetString(PyExc_ValueError, "wrapcol must be non-negative");
        return NULL;
    }
    if (get_alphabet(alphabet_obj, size, fallback, &alpha) < 0) {
        return NULL;
    }
    return radix_encode(r, &alpha, view->buf, view->len, padded, wrapcol,
                        newline);
}

static PyObject *
binascii_a2b_base64(PyObject *Py_UNUSED(module), PyObject *args,
                    PyObject *kwargs)
{
    static char *keywords[] = {"", "padded", "alphabet", "strict_mode",
                               "canonical", "ignorechars", NULL};
    Py_buffer view;
    int padded = 1, strict = -1, canonical = 0;
    PyObject *alphabet_obj = NULL, *ignore_obj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&|$pOppO:a2b_base64",
                                     keywords, ascii_converter, &view,
                                     &padded, &alphabet_obj, &strict,
                                     &canonical, &ignore_obj)) {
        return NULL;
    }
    PyObject *result = decode_view(&radix64, 64, base64_alphabet,
                                   alphabet_obj, ignore_obj, &view, strict,
                                   padded, canonical);
    PyBuffer_Release(&view);
    return result;
}

static PyObject *
binascii_b2a_base64(PyObject *Py_UNUSED(module), PyObject *args,
                    PyObject *kwargs)
{
    static char *keywords[] = {"", "padded", "alphabet", "wrapcol",
                               "newline", NULL};
    Py_buffer view;
    Py_ssize_t wrapcol = 0;
    int padded = 1, newline = 1;
    PyObject *alphabet_obj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "y*|$pOnp:b2a_base64",
                                     keywords, &view, &padded, &alphabet_obj,
                                     &wrapcol, &newline)) {
        return NULL;
    }
    PyObject *result = encode_view(&radix64, 64, base64_alphabet,
                                   alphabet_obj, &view, padded, wrapcol,
                                   newline);
    PyBuffer_Release(&view);
    return result;
}

static PyObject *
binascii_a2b_base32(PyObject *Py_UNUSED(module), PyObject *args,
                    PyObject *kwargs)
{
    static char *keywords[] = {"", "padded", "alphabet", "ignorechars",
                               "canonical", NULL};
    Py_buffer view;
    int padded = 1, canonical = 0;
    PyObject *alphabet_obj = NULL, *ignore_obj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&|$pOOp:a2b_base32",
                                     keywords, ascii_converter, &view,
                                     &padded, &alphabet_obj, &ignore_obj,
                                     &canonical)) {
        return NULL;
    }
    PyObject *result = decode_view(&radix32, 32, BASE32_ALPHABET,
                                   alphabet_obj, ignore_obj, &view, 1,
                                   padded, canonical);
    PyBuffer_Release(&view);
    return result;
}

static PyObject *
binascii_b2a_base32(PyObject *Py_UNUSED(module), PyObject *args,
                    PyObject *kwargs)
{
    static char *keywords[] = {"", "padded", "alphabet", "wrapcol", NULL};
    Py_buffer view;
    Py_ssize_t wrapcol = 0;
    int padded = 1;
    PyObject *alphabet_obj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "y*|$pOn:b2a_base32",
                                     keywords, &view, &padded, &alphabet_obj,
                                     &wrapcol)) {
        return NULL;
    }
    PyObject *result = encode_view(&radix32, 32, BASE32_ALPHABET,
                                   alphabet_obj, &view, padded, wrapcol, 0);
    PyBuffer_Release(&view);
    return result;
}

/* ---- base85 and Ascii85 (3.15) --------------------------------------------- */

#define ASCII85_FIRST '!'

static void
ascii85_alphabet(Alphabet *out)
{
    memset(out->value, -1, sizeof(out->value));
    for (int i = 0; i < 85; i++) {
        out->digits[i] = (char)(ASCII85_FIRST + i);
        out->value[ASCII85_FIRST + i] = (signed char)i;
    }
}

/* The 5 digits of a 32-bit word, most significant first. */
static void
word_to_digits(uint32_t word, const Alphabet *alpha, char out[5])
{
    for (int k = 4; k >= 0; k--) {
        out[k] = alpha->digits[word % 85];
        word /= 85;
    }
}

/* Encode groups of 4 bytes (the last one zero-padded, its output cut
   short unless pad); fold_nuls and fold_spaces write 'z' and 'y' for
   whole groups of zeros and spaces. */
static int
encode85(Writer *w, const unsigned char *in, Py_ssize_t len,
         const Alphabet *alpha, int pad, int fold_nuls, int fold_spaces)
{
    for (Py_ssize_t i = 0; i < len; i += 4) {
        Py_ssize_t n = len - i < 4 ? len - i : 4;
        uint32_t word = 0;
        for (int k = 0; k < 4; k++) {
            word = (word << 8) | (k < n ? in[i + k] : 0);
        }
        char digits[5];
        Py_ssize_t count = (n < 4 && !pad) ? n + 1 : 5;
        if (count == 5 && fold_nuls && word == 0) {
            digits[0] = 'z';
            count = 1;
        }
        else if (count == 5 && fold_spaces && word == 0x20202020) {
            digits[0] = 'y';
            count = 1;
        }
        else {
            word_to_digits(word, alpha, digits);
        }
        if (writer_put(w, digits, count) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Insert a newline after every wrapcol characters of bytes[start:]. */
static PyObject *
wrap_lines(PyObject *bytes, Py_ssize_t start, Py_ssize_t wrapcol)
{
    Py_ssize_t len = PyBytes_GET_SIZE(bytes) - start;
    if (wrapcol <= 0 || len <= wrapcol) {
        return bytes;
    }
    Py_ssize_t breaks = (len - 1) / wrapcol;
    PyObject *result = PyBytes_FromStringAndSize(NULL,
                                                 PyBytes_GET_SIZE(bytes) + breaks);
    if (result == NULL) {
        Py_DECREF(bytes);
        return NULL;
    }
    const char *src = PyBytes_AS_STRING(bytes);
    char *dst = PyBytes_AS_STRING(result);
    memcpy(dst, src, start);
    dst += start;
    for (Py_ssize_t i = 0; i < len; i++) {
        if (i > 0 && i % wrapcol == 0) {
            *dst++ = '\n';
        }
        *dst++ = src[start + i];
    }
    Py_DECREF(bytes);
    return result;
}

static PyObject *
binascii_b2a_base85(PyObject *Py_UNUSED(module), PyObject *args,
                    PyObject *kwargs)
{
    static char *keywords[] = {"", "alphabet", "wrapcol", "pad", NULL};
    Py_buffer view;
    PyObject *alphabet_obj = NULL;
    Py_ssize_t wrapcol = 0;
    int pad = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "y*|$Onp:b2a_base85",
                                     keywords, &view, &alphabet_obj,
                                     &wrapcol, &pad)) {
        return NULL;
    }
    Alphabet alpha;
    Writer w;
    PyObject *result = NULL;
    if (get_alphabet(alphabet_obj, 85, BASE85_DIGITS, &alpha) == 0 &&
        writer_init(&w, view.len / 4 * 5 + 5) == 0) {
        if (encode85(&w, view.buf, view.len, &alpha, pad, 0, 0) < 0) {
            writer_abandon(&w);
        }
        else {
            result = writer_finish(&w);
            if (result != NULL) {
                result = wrap_lines(result, 0, wrapcol);
            }
        }
    }
    PyBuffer_Release(&view);
    return result;
}

static PyObject *
binascii_b2a_ascii85(PyObject *Py_UNUSED(module), PyObject *args,
                     PyObject *kwargs)
{
    static char *keywords[] = {"", "foldspaces", "wrapcol", "pad", "adobe",
                               NULL};
    Py_buffer view;
    Py_ssize_t wrapcol = 0;
    int foldspaces = 0, pad = 0, adobe = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "y*|$pnpp:b2a_ascii85",
                                     keywords, &view, &foldspaces, &wrapcol,
                                     &pad, &adobe)) {
        return NULL;
    }
    Alphabet alpha;
    ascii85_alphabet(&alpha);
    Writer w;
    PyObject *result = NULL;
    if (writer_init(&w, view.len / 4 * 5 + 9) < 0) {
        PyBuffer_Release(&view);
        return NULL;
    }
    if ((adobe && writer_put(&w, "<~", 2) < 0) ||
        encode85(&w, view.buf, view.len, &alpha, pad, 1, foldspaces) < 0) {
        writer_abandon(&w);
        PyBuffer_Release(&view);
        return NULL;
    }
    PyBuffer_Release(&view);
    result = writer_finish(&w);
    if (result == NULL) {
        return NULL;
    }
    if (wrapcol > 0) {
        /* The "<~" counts towards the first line; room is kept so that
           "~>" never starts a line on its own half. */
        if (adobe && wrapcol < 2) {
            wrapcol = 2;
        }
        result = wrap_lines(result, 0, wrapcol);
        if (result == NULL) {
            return NULL;
        }
        if (adobe) {
            const char *data = PyBytes_AS_STRING(result);
            Py_ssize_t n = PyBytes_GET_SIZE(result);
            const char *nl = NULL;
            for (Py_ssize_t i = n; i > 0; i--) {
                if (data[i - 1] == '\n') {
                    nl = data + i - 1;
                    break;
                }
            }
            Py_ssize_t last = nl ? n - (nl - data) - 1 : n;
            if (last + 2 > wrapcol) {
                PyBytes_ConcatAndDel(&result, PyBytes_FromString("\n"));
                if (result == NULL) {
                    return NULL;
                }
            }
        }
    }
    if (adobe) {
        PyBytes_ConcatAndDel(&result, PyBytes_FromString("~>"));
    }
    return result;
}

/* Decode base85-family digits.  Ascii85 adds 'z' (and 'y' with
   foldspaces) as whole-group abbreviations. */
static PyObject *
decode85(const unsigned char *in, Py_ssize_t len, const Alphabet *alpha,
         int ascii85, int foldspaces, const char ignored[256], int canonical)
{
    Writer w;
    if (writer_init(&w, len / 5 * 4 + 4) < 0) {
        return NULL;
    }
    int group[5];
    int n = 0;
    Py_ssize_t group_start = 0;
    for (Py_ssize_t i = 0; i <= len; i++) {
        int final = i == len;
        if (!final) {
            unsigned char c = in[i];
            int v = alpha->value[c];
            if (v < 0) {
                if (ascii85 && (c == 'z' || (foldspaces && c == 'y'))) {
                    if (n > 0) {
                        writer_abandon(&w);
                        PyErr_Format(binascii_error, "%c inside Ascii85 "
                                     "5-tuple", c);
                        return NULL;
                    }
                    const char *four = c == 'z' ? "\0\0\0\0" : "    ";
                    if (writer_put(&w, four, 4) < 0) {
                        return NULL;
                    }
                    continue;
                }
                if (ignored[c]) {
                    continue;
                }
                writer_abandon(&w);
                if (ascii85) {
                    PyErr_Format(binascii_error, "Non-Ascii85 digit found: %c",
                                 c);
                }
                else {
                    PyErr_Format(binascii_error, "bad base85 character at "
                                 "position %zd", i);
                }
                return NULL;
            }
            if (n == 0) {
                group_start = i;
            }
            group[n++] = v;
            if (n < 5) {
                continue;
            }
        }
        if (n == 0) {
            continue;
        }
        if (n == 1) {
            writer_abandon(&w);
            PyErr_SetString(binascii_error, ascii85
                            ? "Ascii85 final group of one character"
                            : "base85 final group of one character");
            return NULL;
        }
        int digits = n;
        while (n < 5) {
            group[n++] = 84;
        }
        uint64_t word = 0;
        for (int k = 0; k < 5; k++) {
            word = word * 85 + (uint64_t)group[k];
        }
        if (word > 0xffffffffu) {
            writer_abandon(&w);
            if (ascii85) {
                PyErr_SetString(binascii_error, "Ascii85 overflow");
            }
            else {
                PyErr_Format(binascii_error, "base85 overflow in hunk "
                             "starting at byte %zd", group_start);
            }
            return NULL;
        }
        unsigned char bytes[4] = {
            (unsigned char)(word >> 24), (unsigned char)(word >> 16),
            (unsigned char)(word >> 8), (unsigned char)word,
        };
        int keep = digits == 5 ? 4 : digits - 1;
        if (canonical) {
            /* What the encoder writes for these bytes must be what we
               were given. */
            unsigned char padded[4] = {0, 0, 0, 0};
            memcpy(padded, bytes, keep);
            uint32_t again = ((uint32_t)padded[0] << 24) |
                             ((uint32_t)padded[1] << 16) |
                             ((uint32_t)padded[2] << 8) | padded[3];
            char expect[5];
            word_to_digits(again, alpha, expect);
            int same = 1;
            for (int k = 0; k < digits; k++) {
                same &= alpha->digits[group[k]] == expect[k];
            }
            if (!same || (ascii85 && digits == 5 && again == 0)) {
                writer_abandon(&w);
                PyErr_SetString(binascii_error, "Non-canonical encoding");
                return NULL;
            }
        }
        if (writer_put(&w, (const char *)bytes, keep) < 0) {
            return NULL;
        }
        n = 0;
    }
    return writer_finish(&w);
}

static PyObject *
binascii_a2b_base85(PyObject *Py_UNUSED(module), PyObject *args,
                    PyObject *kwargs)
{
    static char *keywords[] = {"", "alphabet", "ignorechars", "canonical",
                               NULL};
    Py_buffer view;
    PyObject *alphabet_obj = NULL, *ignore_obj = NULL;
    int canonical = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&|$OOp:a2b_base85",
                                     keywords, ascii_converter, &view,
                                     &alphabet_obj, &ignore_obj, &canonical)) {
        return NULL;
    }
    Alphabet alpha;
    char ignored[256];
    PyObject *result = NULL;
    if (get_alphabet(alphabet_obj, 85, BASE85_DIGITS, &alpha) == 0 &&
        get_ignored(ignore_obj, ignored) == 0) {
        result = decode85(view.buf, view.len, &alpha, 0, 0, ignored,
                          canonical);
    }
    PyBuffer_Release(&view);
    return result;
}

static PyObject *
binascii_a2b_ascii85(PyObject *Py_UNUSED(module), PyObject *args,
                     PyObject *kwargs)
{
    static char *keywords[] = {"", "foldspaces", "adobe", "ignorechars",
                               "canonical", NULL};
    Py_buffer view;
    PyObject *ignore_obj = NULL;
    int foldspaces = 0, adobe = 0, canonical = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&|$ppOp:a2b_ascii85",
                                     keywords, ascii_converter, &view,
                                     &foldspaces, &adobe, &ignore_obj,
                                     &canonical)) {
        return NULL;
    }
    Alphabet alpha;
    ascii85_alphabet(&alpha);
    char ignored[256];
    PyObject *result = NULL;
    const unsigned char *in = view.buf;
    Py_ssize_t len = view.len;
    if (get_ignored(ignore_obj, ignored) < 0) {
        goto done;
    }
    if (adobe) {
        if (len < 2 || in[len - 2] != '~' || in[len - 1] != '>') {
            PyErr_SetString(binascii_error, "Ascii85 encoded byte sequences "
                            "must end with b'~>'");
            goto done;
        }
        len -= 2;
        if (len >= 2 && in[0] == '<' && in[1] == '~') {
            in += 2;
            len -= 2;
        }
    }
    result = decode85(in, len, &alpha, 1, foldspaces, ignored, canonical);
done:
    PyBuffer_Release(&view);
    return result;
}

/* ---- quoted-printable ------------------------------------------------------ */

#define QP_MAX_LINE 76

static int
hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

static PyObject *
binascii_a2b_qp(PyObject *Py_UNUSED(module), PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"data", "header", NULL};
    Py_buffer view;
    int header = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&|p:a2b_qp", keywords,
                                     ascii_converter, &view, &header)) {
        return NULL;
    }
    const unsigned char *in = view.buf;
    Py_ssize_t len = view.len;
    Writer w;
    if (writer_init(&w, len) < 0) {
        PyBuffer_Release(&view);
        return NULL;
    }
    char *out = PyBytes_AS_STRING(w.bytes);
    Py_ssize_t i = 0;
    while (i < len) {
        unsigned char c = in[i];
        if (c != '=') {
            out[w.len++] = (header && c == '_') ? ' ' : (char)c;
            i++;
            continue;
        }
        i++;
        if (i >= len) {
            break;
        }
        if (in[i] == '\n' || in[i] == '\r') {
            /* A soft line break: drop everything up to the newline. */
            while (i < len && in[i] != '\n') {
                i++;
            }
            if (i < len) {
                i++;
            }
        }
        else if (in[i] == '=') {
            out[w.len++] = '=';
            i++;
        }
        else if (i + 1 < len && hex_value(in[i]) >= 0 &&
                 hex_value(in[i + 1]) >= 0) {
            out[w.len++] = (char)(hex_value(in[i]) * 16 +
                                  hex_value(in[i + 1]));
            i += 2;
        }
        else {
            out[w.len++] = '=';
        }
    }
    PyBuffer_Release(&view);
    return writer_finish(&w);
}

/* Whether data[i] must be written as =XX. */
static int
qp_needs_quoting(const unsigned char *data, Py_ssize_t len, Py_ssize_t i,
                 Py_ssize_t line_len, int quotetabs, int istext, int header)
{
    unsigned char c = data[i];
    if (c > 126 || c == '=' || (header && c == '_')) {
        return 1;
    }
    if (c == '.' && line_len == 0 &&
        (i + 1 == len || data[i + 1] == '\n' || data[i + 1] == '\r' ||
         data[i + 1] == 0)) {
        return 1;
    }
    if (!istext && (c == '\r' || c == '\n')) {
        return 1;
    }
    if ((c == '\t' || c == ' ') && i + 1 == len) {
        return 1;
    }
    return c < 33 && c != '\r' && c != '\n' &&
           (quotetabs || (c != '\t' && c != ' '));
}

static int
qp_put_escape(Writer *w, unsigned char c)
{
    char esc[3] = {'=', "0123456789ABCDEF"[c >> 4], "0123456789ABCDEF"[c & 15]};
    return writer_put(w, esc, 3);
}

static PyObject *
binascii_b2a_qp(PyObject *Py_UNUSED(module), PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"data", "quotetabs", "istext", "header", NULL};
    Py_buffer view;
    int quotetabs = 0, istext = 1, header = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "y*|ppp:b2a_qp", keywords,
                                     &view, &quotetabs, &istext, &header)) {
        return NULL;
    }
    const unsigned char *in = view.buf;
    Py_ssize_t len = view.len;
    /* Line ends are written as the data's first one is. */
    const unsigned char *first_nl = memchr(in, '\n', len);
    int crlf = first_nl != NULL && first_nl > in && first_nl[-1] == '\r';
    const char *eol = crlf ? "\r\n" : "\n";
    Py_ssize_t eol_len = crlf ? 2 : 1;
    Writer w;
    if (writer_init(&w, len + len / 8 + 8) < 0) {
        PyBuffer_Release(&view);
        return NULL;
    }
    Py_ssize_t line_len = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        unsigned char c = in[i];
        int rc = 0;
        if (qp_needs_quoting(in, len, i, line_len, quotetabs, istext,
                             header)) {
            if (line_len + 3 >= QP_MAX_LINE) {
                rc = writer_put(&w, "=", 1) < 0 ||
                     writer_put(&w, eol, eol_len) < 0 ? -1 : 0;
                line_len = 0;
            }
            if (rc == 0) {
                rc = qp_put_escape(&w, c);
            }
            line_len += 3;
        }
        else if (istext &&
                 (c == '\n' || (c == '\r' && i + 1 < len && in[i + 1] == '\n'))) {
            /* White space at the end of a line must be protected. */
            char *data = PyBytes_AS_STRING(w.bytes);
            if (w.len > 0 && (data[w.len - 1] == ' ' ||
                              data[w.len - 1] == '\t')) {
                unsigned char ws = (unsigned char)data[--w.len];
                rc = qp_put_escape(&w, ws);
            }
            if (rc == 0) {
                rc = writer_put(&w, eol, eol_len);
            }
            if (c == '\r') {
                i++;
            }
            line_len = 0;
        }
        else {
            if (i + 1 != len && in[i + 1] != '\n' &&
                line_len + 1 >= QP_MAX_LINE) {
                rc = writer_put(&w, "=", 1) < 0 ||
                     writer_put(&w, eol, eol_len) < 0 ? -1 : 0;
                line_len = 0;
            }
            char out = (header && c == ' ') ? '_' : (char)c;
            if (rc == 0) {
                rc = writer_put(&w, &out, 1);
            }
            line_len++;
        }
        if (rc < 0) {
            writer_abandon(&w);
            PyBuffer_Release(&view);
            return NULL;
        }
    }
    PyBuffer_Release(&view);
    return writer_finish(&w);
}

/* ---- hexadecimal ------------------------------------------------------------ */

/* Hex digits of data with `sep` between groups of |per_sep| bytes,
   counted from the right when per_sep > 0, from the left when < 0. */
static PyObject *
hexlify_impl(PyObject *data_obj, PyObject *sep_obj, Py_ssize_t per_sep)
{
    char sep = 0;
    if (sep_obj != NULL && sep_obj != Py_None) {
        Py_ssize_t sep_len;
        const char *sep_text;
        if (PyUnicode_Check(sep_obj)) {
            sep_text = PyUnicode_AsUTF8AndSize(sep_obj, &sep_len);
            if (sep_text == NULL) {
                return NULL;
            }
        }
        else if (PyBytes_Check(sep_obj)) {
            sep_text = PyBytes_AS_STRING(sep_obj);
            sep_len = PyBytes_GET_SIZE(sep_obj);
        }
        else {
            PyErr_SetString(PyExc_TypeError, "sep must be str or bytes.");
            return NULL;
        }
        if (sep_len != 1) {
            PyErr_SetString(PyExc_ValueError, "sep must be length 1.");
            return NULL;
        }
        if ((unsigned char)sep_text[0] >= 128) {
            PyErr_SetString(PyExc_ValueError, "sep must be ASCII.");
            return NULL;
        }
        sep = sep_text[0];
    }
    Py_buffer view;
    if (PyObject_GetBuffer(data_obj, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    const unsigned char *in = view.buf;
    Py_ssize_t n = view.len;
    Py_ssize_t group = per_sep < 0 ? -per_sep : per_sep;
    Py_ssize_t seps = (sep && group > 0 && n > 0) ? (n - 1) / group : 0;
    PyObject *result = PyBytes_FromStringAndSize(NULL, n * 2 + seps);
    if (result == NULL) {
        PyBuffer_Release(&view);
        return NULL;
    }
    char *out = PyBytes_AS_STRING(result);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (seps > 0 && i > 0) {
            Py_ssize_t counted = per_sep > 0 ? n - i : i;
            if (counted % group == 0) {
                *out++ = sep;
            }
        }
        *out++ = hex_digits[in[i] >> 4];
        *out++ = hex_digits[in[i] & 15];
    }
    PyBuffer_Release(&view);
    return result;
}

static PyObject *
binascii_hexlify(PyObject *Py_UNUSED(module), PyObject *args,
                 PyObject *kwargs)
{
    static char *keywords[] = {"data", "sep", "bytes_per_sep", NULL};
    PyObject *data, *sep = NULL;
    Py_ssize_t per_sep = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|On:hexlify", keywords,
                                     &data, &sep, &per_sep)) {
        return NULL;
    }
    return hexlify_impl(data, sep, per_sep);
}

/* unhexlify(hexstr, *, ignorechars=b''): characters in ignorechars are
   skipped; the remaining digits pair up. */
static PyObject *
binascii_unhexlify(PyObject *Py_UNUSED(module), PyObject *args,
                   PyObject *kwargs)
{
    static char *keywords[] = {"hexstr", "ignorechars", NULL};
    Py_buffer view;
    PyObject *ignore_obj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&|$O:a2b_hex", keywords,
                                     ascii_converter, &view, &ignore_obj)) {
        return NULL;
    }
    char ignored[256];
    PyObject *result = NULL;
    if (get_ignored(ignore_obj, ignored) < 0) {
        goto done;
    }
    const unsigned char *in = view.buf;
    Py_ssize_t digits = 0;
    for (Py_ssize_t i = 0; i < view.len; i++) {
        digits += !ignored[in[i]];
    }
    if (digits % 2 != 0) {
        PyErr_SetString(binascii_error, "Odd-length string");
        goto done;
    }
    result = PyBytes_FromStringAndSize(NULL, digits / 2);
    if (result == NULL) {
        goto done;
    }
    char *out = PyBytes_AS_STRING(result);
    int high = -1;
    for (Py_ssize_t i = 0; i < view.len; i++) {
        if (ignored[in[i]]) {
            continue;
        }
        int v = hex_value(in[i]);
        if (v < 0) {
            Py_CLEAR(result);
            PyErr_SetString(binascii_error, "Non-hexadecimal digit found");
            goto done;
        }
        if (high < 0) {
            high = v;
        }
        else {
            *out++ = (char)(high * 16 + v);
            high = -1;
        }
    }
done:
    PyBuffer_Release(&view);
    return result;
}

/* ---- checksums ---------------------------------------------------------------- */

static PyObject *
binascii_crc32(PyObject *Py_UNUSED(module), PyObject *const *args,
               Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("crc32", nargs, 1, 2)) {
        return NULL;
    }
    unsigned long crc = 0;
    if (nargs == 2) {
        crc = PyLong_AsUnsignedLongMask(args[1]);
        if (crc == (unsigned long)-1 && PyErr_Occurred()) {
            return NULL;
        }
        crc &= 0xffffffffUL;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(args[0], &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    const Bytef *p = view.buf;
    Py_ssize_t left = view.len;
    while (left > 0) {
        uInt n = left > (Py_ssize_t)0x40000000 ? 0x40000000 : (uInt)left;
        crc = crc32(crc, p, n);
        p += n;
        left -= n;
    }
    PyBuffer_Release(&view);
    return PyLong_FromUnsignedLong(crc & 0xffffffffUL);
}

/* CRC-CCITT (polynomial 0x1021), most significant bit first. */
static PyObject *
binascii_crc_hqx(PyObject *Py_UNUSED(module), PyObject *const *args,
                 Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("crc_hqx", nargs, 2, 2)) {
        return NULL;
    }
    unsigned long value = PyLong_AsUnsignedLongMask(args[1]);
    if (value == (unsigned long)-1 && PyErr_Occurred()) {
        return NULL;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(args[0], &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    unsigned int crc = value & 0xffff;
    const unsigned char *p = view.buf;
    for (Py_ssize_t i = 0; i < view.len; i++) {
        crc ^= (unsigned int)p[i] << 8;
        for (int k = 0; k < 8; k++) {
            crc = (crc & 0x8000) ? ((crc << 1) ^ 0x1021) : (crc << 1);
        }
        crc &= 0xffff;
    }
    PyBuffer_Release(&view);
    return PyLong_FromUnsignedLong(crc);
}

/* ---- module ------------------------------------------------------------------- */

#define HEXLIFY_DOC(name)                                                    \
    name "($module, /, data, sep=<unrepresentable>, bytes_per_sep=1)\n--\n\n" \
    "Hexadecimal representation of binary data."

static PyMethodDef binascii_methods[] = {
    {"a2b_uu", binascii_a2b_uu, METH_O,
     "a2b_uu($module, data, /)\n--\n\nDecode a line of uuencoded data."},
    {"b2a_uu", _PyCFunction_CAST(binascii_b2a_uu),
     METH_VARARGS | METH_KEYWORDS,
     "b2a_uu($module, data, /, *, backtick=False)\n--\n\n"
     "Uuencode line of data."},
    {"a2b_base64", _PyCFunction_CAST(binascii_a2b_base64),
     METH_VARARGS | METH_KEYWORDS,
     "a2b_base64($module, data, /, *, padded=True, alphabet=BASE64_ALPHABET, "
     "strict_mode=False, canonical=False, ignorechars=<unrepresentable>)"
     "\n--\n\n"
     "Decode a line of base64 data."},
    {"b2a_base64", _PyCFunction_CAST(binascii_b2a_base64),
     METH_VARARGS | METH_KEYWORDS,
     "b2a_base64($module, data, /, *, padded=True, alphabet=BASE64_ALPHABET, "
     "wrapcol=0, newline=True)\n--\n\n"
     "Base64-code line of data."},
    {"a2b_base32", _PyCFunction_CAST(binascii_a2b_base32),
     METH_VARARGS | METH_KEYWORDS,
     "a2b_base32($module, data, /, *, padded=True, alphabet=BASE32_ALPHABET, "
     "ignorechars=b'', canonical=False)\n--\n\n"
     "Decode a block of base32 data."},
    {"b2a_base32", _PyCFunction_CAST(binascii_b2a_base32),
     METH_VARARGS | METH_KEYWORDS,
     "b2a_base32($module, data, /, *, padded=True, alphabet=BASE32_ALPHABET, "
     "wrapcol=0)\n--\n\n"
     "Base32-code data."},
    {"a2b_base85", _PyCFunction_CAST(binascii_a2b_base85),
     METH_VARARGS | METH_KEYWORDS,
     "a2b_base85($module, data, /, *, alphabet=BASE85_ALPHABET, "
     "ignorechars=b'', canonical=False)\n--\n\n"
     "Decode Base85 data."},
    {"b2a_base85", _PyCFunction_CAST(binascii_b2a_base85),
     METH_VARARGS | METH_KEYWORDS,
     "b2a_base85($module, data, /, *, alphabet=BASE85_ALPHABET, wrapcol=0, "
     "pad=False)\n--\n\n"
     "Base85-code data."},
    {"a2b_ascii85", _PyCFunction_CAST(binascii_a2b_ascii85),
     METH_VARARGS | METH_KEYWORDS,
     "a2b_ascii85($module, data, /, *, foldspaces=False, adobe=False, "
     "ignorechars=b'', canonical=False)\n--\n\n"
     "Decode Ascii85 data."},
    {"b2a_ascii85", _PyCFunction_CAST(binascii_b2a_ascii85),
     METH_VARARGS | METH_KEYWORDS,
     "b2a_ascii85($module, data, /, *, foldspaces=False, wrapcol=0, "
     "pad=False, adobe=False)\n--\n\n"
     "Ascii85-code data."},
    {"a2b_qp", _PyCFunction_CAST(binascii_a2b_qp),
     METH_VARARGS | METH_KEYWORDS,
     "a2b_qp($module, /, data, header=False)\n--\n\n"
     "Decode a string of qp-encoded data."},
    {"b2a_qp", _PyCFunction_CAST(binascii_b2a_qp),
     METH_VARARGS | METH_KEYWORDS,
     "b2a_qp($module, /, data, quotetabs=False, istext=True, header=False)"
     "\n--\n\nEncode a string using quoted-printable encoding."},
    {"b2a_hex", _PyCFunction_CAST(binascii_hexlify),
     METH_VARARGS | METH_KEYWORDS, HEXLIFY_DOC("b2a_hex")},
    {"hexlify", _PyCFunction_CAST(binascii_hexlify),
     METH_VARARGS | METH_KEYWORDS, HEXLIFY_DOC("hexlify")},
    {"a2b_hex", _PyCFunction_CAST(binascii_unhexlify),
     METH_VARARGS | METH_KEYWORDS,
     "a2b_hex($module, /, hexstr, *, ignorechars=b'')\n--\n\n"
     "Binary data of hexadecimal representation."},
    {"unhexlify", _PyCFunction_CAST(binascii_unhexlify),
     METH_VARARGS | METH_KEYWORDS,
     "unhexlify($module, /, hexstr, *, ignorechars=b'')\n--\n\n"
     "Binary data of hexadecimal representation."},
    {"crc32", _PyCFunction_CAST(binascii_crc32), METH_FASTCALL,
     "crc32($module, data, crc=0, /)\n--\n\n"
     "Compute CRC-32 incrementally."},
    {"crc_hqx", _PyCFunction_CAST(binascii_crc_hqx), METH_FASTCALL,
     "crc_hqx($module, data, crc, /)\n--\n\n"
     "Compute CRC-CCITT incrementally."},
    {NULL, NULL, 0, NULL},
};

/* The alphabets of the encodings, as bytes constants (3.15). */
static int
add_alphabets(PyObject *module)
{
    static const struct { const char *name; const char *digits; } table[] = {
        {"BASE64_ALPHABET", base64_alphabet},
        {"URLSAFE_BASE64_ALPHABET",
         "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"},
        {"UU_ALPHABET",
         " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_"},
        {"CRYPT_ALPHABET",
         "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"},
        {"BINHEX_ALPHABET",
         "!\"#$%&'()*+,-012345689@ABCDEFGHIJKLMNPQRSTUVXYZ[`abcdefhijklmpqr"},
        {"BASE85_ALPHABET", BASE85_DIGITS},
        {"ASCII85_ALPHABET",
         "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
         "abcdefghijklmnopqrstu"},
        {"Z85_ALPHABET",
         "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
         ".-:+=^!/*?&<>()[]{}@%$#"},
        {"BASE32_ALPHABET", BASE32_ALPHABET},
        {"BASE32HEX_ALPHABET", BASE32HEX_ALPHABET},
    };
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        if (PyModule_Add(module, table[i].name,
                         PyBytes_FromString(table[i].digits)) < 0) {
            return -1;
        }
    }
    return 0;
}

static int
binascii_exec(PyObject *module)
{
    if (binascii_error == NULL) {
        binascii_error = PyErr_NewException("binascii.Error",
                                            PyExc_ValueError, NULL);
        if (binascii_error == NULL) {
            return -1;
        }
    }
    if (binascii_incomplete == NULL) {
        binascii_incomplete = PyErr_NewException("binascii.Incomplete",
                                                 NULL, NULL);
        if (binascii_incomplete == NULL) {
            return -1;
        }
    }
    if (PyModule_AddObjectRef(module, "Error", binascii_error) < 0 ||
        PyModule_AddObjectRef(module, "Incomplete", binascii_incomplete) < 0) {
        return -1;
    }
    return add_alphabets(module);
}

static PyModuleDef_Slot binascii_slots[] = {
    {Py_mod_exec, binascii_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef binascii_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "binascii",
    .m_doc = "Conversion between binary data and ASCII",
    .m_size = 0,
    .m_methods = binascii_methods,
    .m_slots = binascii_slots,
};

PyMODINIT_FUNC
PyInit_binascii(void)
{
    return PyModuleDef_Init(&binascii_module);
}
