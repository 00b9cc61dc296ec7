/* The UTF-7 codec (RFC 2152), with CPython's choices: the encoder writes
   RFC 2152's sets D and O and the whitespace characters directly and
   everything else in modified base64 between '+' and '-'; the
   decoder accepts any ASCII character but '+' directly.  Code points
   above U+FFFF travel as UTF-16 surrogate pairs, lone surrogates as
   themselves, so every str can be encoded.  (capi, session 6)

   Encoder and decoder work on immutable inputs and private outputs: no
   shared state, no lock. */
#include "Python.h"
#include "pycore_unicodeobject.h"

/* 0: set D (direct both ways); 1: set O; 2: whitespace; 3: special. */
static const unsigned char utf7_class[128] = {
/*  NUL SOH STX ETX EOT ENQ ACK BEL BS  HT  LF  VT  FF  CR  SO  SI */
    3,  3,  3,  3,  3,  3,  3,  3,  3,  2,  2,  3,  3,  2,  3,  3,
/*  DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM  SUB ESC FS  GS  RS  US */
    3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,
/*  sp   !   "   #   $   %   &   '   (   )   *   +   ,   -   .   / */
    2,  1,  1,  1,  1,  1,  1,  0,  0,  0,  1,  3,  0,  0,  0,  0,
/*   0   1   2   3   4   5   6   7   8   9   :   ;   <   =   >   ? */
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  1,  1,  1,  1,  0,
/*   @   A   B   C   D   E   F   G   H   I   J   K   L   M   N   O */
    1,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
/*   P   Q   R   S   T   U   V   W   X   Y   Z   [   \   ]   ^   _ */
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  1,  3,  1,  1,  1,
/*   `   a   b   c   d   e   f   g   h   i   j   k   l   m   n   o */
    1,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
/*   p   q   r   s   t   u   v   w   x   y   z   {   |   }   ~  DEL */
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  1,  1,  1,  3,  3,
};

static const char base64_digits[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int is_base64(Py_UCS4 c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
           || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

static unsigned int base64_value(Py_UCS4 c)
{
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
        return c - '0' + 52;
    }
    return c == '+' ? 62 : 63;
}

/* Characters the encoder writes as themselves: sets D and O and the
   whitespace characters. */
static int encodes_direct(Py_UCS4 c)
{
    return c > 0 && c < 128 && utf7_class[c] != 3;
}

/* Characters the decoder takes as themselves outside base64. */
static int decodes_direct(Py_UCS4 c)
{
    return c < 128 && c != '+';
}

/* ---- encoding ---------------------------------------------------------------- */

typedef struct {
    _Py_bytebuf out;
    uint32_t bits;              /* pending bits, the low `nbits` of them */
    int nbits;
} base64_state;

static int put_byte(_Py_bytebuf *out, char c)
{
    return _Py_bytebuf_append(out, &c, 1);
}

static int put_unit(base64_state *st, Py_UCS4 unit)
{
    st->bits = (st->bits << 16) | unit;
    st->nbits += 16;
    while (st->nbits >= 6) {
        st->nbits -= 6;
        if (put_byte(&st->out, base64_digits[(st->bits >> st->nbits) & 0x3F]) < 0) {
            return -1;
        }
    }
    st->bits &= (1u << st->nbits) - 1;
    return 0;
}

static int put_shifted(base64_state *st, Py_UCS4 ch)
{
    if (ch >= 0x10000) {
        return put_unit(st, Py_UNICODE_HIGH_SURROGATE(ch)) < 0
               ? -1 : put_unit(st, Py_UNICODE_LOW_SURROGATE(ch));
    }
    return put_unit(st, ch);
}

/* Write the last, zero-padded digit of a base64 run. */
static int flush_bits(base64_state *st)
{
    if (st->nbits == 0) {
        return 0;
    }
    char digit = base64_digits[(st->bits << (6 - st->nbits)) & 0x3F];
    st->bits = 0;
    st->nbits = 0;
    return put_byte(&st->out, digit);
}

/* `errors` is accepted for the codec's signature: nothing is unencodable. */
PyObject *_PyUnicode_EncodeUTF7(PyObject *str, const char *errors)
{
    (void)errors;
    if (!PyUnicode_Check(str)) {
        PyErr_BadArgument();
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    base64_state st = {.bits = 0, .nbits = 0};
    _Py_bytebuf_init(&st.out);
    int shifted = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        int rc;
        if (encodes_direct(ch)) {
            rc = 0;
            if (shifted) {
                shifted = 0;
                rc = flush_bits(&st);
                /* A '-' or base64 digit right after the run would be read
                   as part of it: end the run explicitly. */
                if (rc == 0 && (is_base64(ch) || ch == '-')) {
                    rc = put_byte(&st.out, '-');
                }
            }
            if (rc == 0) {
                rc = put_byte(&st.out, (char)ch);
            }
        }
        else if (!shifted && ch == '+') {
            rc = _Py_bytebuf_append(&st.out, "+-", 2);
        }
        else {
            rc = 0;
            if (!shifted) {
                shifted = 1;
                rc = put_byte(&st.out, '+');
            }
            if (rc == 0) {
                rc = put_shifted(&st, ch);
            }
        }
        if (rc < 0) {
            _Py_bytebuf_free(&st.out);
            return NULL;
        }
    }
    if (shifted && (flush_bits(&st) < 0 || put_byte(&st.out, '-') < 0)) {
        _Py_bytebuf_free(&st.out);
        return NULL;
    }
    return _Py_bytebuf_finish(&st.out);
}

/* ---- decoding ---------------------------------------------------------------- */

PyObject *PyUnicode_DecodeUTF7Stateful(const char *s, Py_ssize_t size,
                                       const char *errors, Py_ssize_t *consumed)
{
    const unsigned char *p = (const unsigned char *)s;
    _Py_error_handler handler = _Py_ERROR_UNKNOWN;
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.min_length = size;
    int shifted = 0;
    uint32_t bits = 0;          /* the low nbits are pending */
    int nbits = 0;
    Py_UCS4 high = 0;           /* a high surrogate waiting for its pair */
    Py_ssize_t run_start = 0;   /* input index of the run's '+' */
    Py_ssize_t run_output = 0;  /* output length before the run */
    Py_ssize_t pos = 0;
    while (pos < size) {
        Py_UCS4 ch = p[pos];
        const char *reason = NULL;
        Py_ssize_t err_start = pos, err_end;
        if (shifted && is_base64(ch)) {
            pos++;
            bits = (bits << 6) | base64_value(ch);
            nbits += 6;
            if (nbits < 16) {
                continue;
            }
            nbits -= 16;
            Py_UCS4 unit = (bits >> nbits) & 0xFFFF;
            bits &= (1u << nbits) - 1;
            if (high != 0 && Py_UNICODE_IS_LOW_SURROGATE(unit)) {
                unit = Py_UNICODE_JOIN_SURROGATES(high, unit);
                high = 0;
            }
            else if (high != 0) {
                if (_PyUnicodeWriter_WriteChar(&writer, high) < 0) {
                    goto error;
                }
                high = 0;
            }
            if (Py_UNICODE_IS_HIGH_SURROGATE(unit)) {
                high = unit;
            }
            else if (_PyUnicodeWriter_WriteChar(&writer, unit) < 0) {
                goto error;
            }
            continue;
        }
        if (shifted) {
            /* Any other character ends the run; a '-' is absorbed. */
            shifted = 0;
            if (nbits >= 6) {
                reason = "partial character in shift sequence";
            }
            else if (bits != 0) {
                reason = "non-zero padding bits in shift sequence";
            }
            if (reason != NULL) {
                err_start = run_start;
                pos++;
            }
            else {
                if (high != 0 && decodes_direct(ch)
                        && _PyUnicodeWriter_WriteChar(&writer, high) < 0) {
                    goto error;
                }
                high = 0;
                if (ch == '-') {
                    pos++;
                }
                continue;
            }
        }
        else if (ch == '+') {
            run_start = pos++;
            if (pos < size && p[pos] == '-') {
                pos++;
                if (_PyUnicodeWriter_WriteChar(&writer, '+') < 0) {
                    goto error;
                }
                continue;
            }
            if (pos < size && !is_base64(p[pos])) {
                pos++;
                reason = "ill-formed sequence";
                err_start = run_start;
            }
            else {
                shifted = 1;
                high = 0;
                bits = 0;
                nbits = 0;
                run_output = writer.pos;
                continue;
            }
        }
        else if (decodes_direct(ch)) {
            pos++;
            if (_PyUnicodeWriter_WriteChar(&writer, ch) < 0) {
                goto error;
            }
            continue;
        }
        else {
            pos++;
            reason = "unexpected special character";
        }
        err_end = pos;
        pos = _Py_decode_error(&handler, errors, "utf-7", reason, _Py_CODEC_ASCII,
                               s, size, err_start, err_end, &writer);
        if (pos < 0) {
            goto error;
        }
    }
    if (shifted && consumed == NULL) {
        /* The input ended inside a run: only whole, zero-padded units
           may end it implicitly. */
        shifted = 0;
        if (high != 0 || nbits >= 6 || bits != 0) {
            pos = _Py_decode_error(&handler, errors, "utf-7",
                                   "unterminated shift sequence", _Py_CODEC_ASCII,
                                   s, size, run_start, size, &writer);
            if (pos < 0) {
                goto error;
            }
            if (pos < size) {
                /* A handler that resumes inside the input: decode the
                   rest as a fresh, unshifted input. */
                PyObject *head = _PyUnicodeWriter_Finish(&writer);
                if (head == NULL) {
                    return NULL;
                }
                PyObject *tail = PyUnicode_DecodeUTF7Stateful(s + pos, size - pos,
                                                              errors, NULL);
                PyObject *all = tail ? PyUnicode_Concat(head, tail) : NULL;
                Py_DECREF(head);
                Py_XDECREF(tail);
                return all;
            }
        }
    }
    PyObject *result = _PyUnicodeWriter_Finish(&writer);
    if (consumed == NULL || result == NULL) {
        return result;
    }
    if (!shifted) {
        *consumed = pos;
        return result;
    }
    /* Stateful and inside a run: give back the run, to be decoded again
       with the input that completes it. */
    *consumed = run_start;
    PyObject *head = PyUnicode_Substring(result, 0, run_output);
    Py_DECREF(result);
    return head;
error:
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

PyObject *PyUnicode_DecodeUTF7(const char *s, Py_ssize_t size, const char *errors)
{
    return PyUnicode_DecodeUTF7Stateful(s, size, errors, NULL);
}
