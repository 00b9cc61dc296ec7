/* Operating-system helpers of the C API (Include/fileutils.h,
   Include/cpython/fileutils.h): locale text conversion, signal
   dispositions, ASCII case-insensitive comparison.

   Weft runs in UTF-8 mode only, so the locale encoding is UTF-8 with
   surrogateescape: a byte that does not start a valid UTF-8 sequence
   decodes to U+DC00 + byte (only bytes 0x80-0xFF can be invalid), and
   U+DC80-U+DCFF encode back to that byte.  The conversions allocate with
   the raw or the mem domain and touch no interpreter state, so they work
   before Py_Initialize and from any thread without locks. */
#include "Python.h"
#include "pycore_initconfig.h"

#include <signal.h>
#include <unistd.h>

/* ---- locale decoding ------------------------------------------------- */

static int
is_continuation(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

/* Decode one strict UTF-8 sequence at s (NUL-terminated).  Returns its
   length and stores the code point, or returns 0 if s does not start a
   valid sequence (overlong forms, surrogates and values above U+10FFFF
   are invalid, as are truncated sequences). */
static int
decode_utf8_sequence(const unsigned char *s, Py_UCS4 *code)
{
    unsigned char lead = s[0];
    int length;
    Py_UCS4 value, minimum;
    if (lead < 0x80) {
        *code = lead;
        return 1;
    }
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2; value = lead & 0x1F; minimum = 0x80;
    }
    else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3; value = lead & 0x0F; minimum = 0x800;
    }
    else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4; value = lead & 0x07; minimum = 0x10000;
    }
    else {
        return 0;
    }
    for (int i = 1; i < length; i++) {
        if (!is_continuation(s[i])) {     /* also stops at the NUL */
            return 0;
        }
        value = (value << 6) | (s[i] & 0x3F);
    }
    if (value < minimum || value > 0x10FFFF
            || (value >= 0xD800 && value <= 0xDFFF)) {
        return 0;
    }
    *code = value;
    return length;
}

wchar_t *
Py_DecodeLocale(const char *arg, size_t *size)
{
    size_t length = strlen(arg);
    /* Each byte yields at most one wide character. */
    if (length >= PY_SSIZE_T_MAX / sizeof(wchar_t)) {
        if (size != NULL) {
            *size = (size_t)-1;
        }
        return NULL;
    }
    wchar_t *text = PyMem_RawMalloc((length + 1) * sizeof(wchar_t));
    if (text == NULL) {
        if (size != NULL) {
            *size = (size_t)-1;
        }
        return NULL;
    }
    const unsigned char *s = (const unsigned char *)arg;
    size_t out = 0;
    while (*s != '\0') {
        Py_UCS4 code;
        int used = decode_utf8_sequence(s, &code);
        if (used == 0) {
            code = 0xDC00 + *s;           /* surrogateescape */
            used = 1;
        }
        text[out++] = (wchar_t)code;
        s += used;
    }
    text[out] = L'\0';
    if (size != NULL) {
        *size = out;
    }
    return text;
}

/* ---- locale encoding ------------------------------------------------- */

/* Bytes needed to encode c, or 0 if c cannot be encoded. */
static int
encoded_length(Py_UCS4 c)
{
    if (c < 0x80) {
        return 1;
    }
    if (c < 0x800) {
        return 2;
    }
    if (c >= 0xD800 && c <= 0xDFFF) {
        return (c >= 0xDC80 && c <= 0xDCFF) ? 1 : 0;   /* surrogateescape */
    }
    if (c < 0x10000) {
        return 3;
    }
    return c <= 0x10FFFF ? 4 : 0;
}

static char *
encode_char(char *out, Py_UCS4 c)
{
    if (c < 0x80) {
        *out++ = (char)c;
    }
    else if (c >= 0xDC80 && c <= 0xDCFF) {
        *out++ = (char)(c - 0xDC00);
    }
    else if (c < 0x800) {
        *out++ = (char)(0xC0 | (c >> 6));
        *out++ = (char)(0x80 | (c & 0x3F));
    }
    else if (c < 0x10000) {
        *out++ = (char)(0xE0 | (c >> 12));
        *out++ = (char)(0x80 | ((c >> 6) & 0x3F));
        *out++ = (char)(0x80 | (c & 0x3F));
    }
    else {
        *out++ = (char)(0xF0 | (c >> 18));
        *out++ = (char)(0x80 | ((c >> 12) & 0x3F));
        *out++ = (char)(0x80 | ((c >> 6) & 0x3F));
        *out++ = (char)(0x80 | (c & 0x3F));
    }
    return out;
}

char *
Py_EncodeLocale(const wchar_t *text, size_t *error_pos)
{
    /* First pass: validate and size, so the result is allocated once. */
    size_t needed = 1;
    for (size_t i = 0; text[i] != L'\0'; i++) {
        int n = encoded_length((Py_UCS4)text[i]);
        if (n == 0) {
            if (error_pos != NULL) {
                *error_pos = i;
            }
            return NULL;
        }
        if (needed > PY_SSIZE_T_MAX - 4) {
            if (error_pos != NULL) {
                *error_pos = (size_t)-1;
            }
            return NULL;
        }
        needed += (size_t)n;
    }
    char *result = PyMem_Malloc(needed);
    if (result == NULL) {
        if (error_pos != NULL) {
            *error_pos = (size_t)-1;
        }
        return NULL;
    }
    char *out = result;
    for (size_t i = 0; text[i] != L'\0'; i++) {
        out = encode_char(out, (Py_UCS4)text[i]);
    }
    *out = '\0';
    return result;
}

/* ---- signals ----------------------------------------------------------- */

/* These read and replace the process-wide disposition with sigaction,
   which the kernel serializes; Python-level handlers installed through
   the signal module are bypassed, as in CPython. */
PyOS_sighandler_t
PyOS_getsig(int sig)
{
    struct sigaction current;
    if (sigaction(sig, NULL, &current) != 0) {
        return SIG_ERR;
    }
    return current.sa_handler;
}

PyOS_sighandler_t
PyOS_setsig(int sig, PyOS_sighandler_t handler)
{
    struct sigaction wanted, previous;
    memset(&wanted, 0, sizeof(wanted));
    wanted.sa_handler = handler;
    sigemptyset(&wanted.sa_mask);
    /* SA_ONSTACK: a handler may run on the alternate stack faulthandler
       sets up, so a stack overflow can still be reported. */
    wanted.sa_flags = SA_ONSTACK;
    if (sigaction(sig, &wanted, &previous) != 0) {
        return SIG_ERR;
    }
    return previous.sa_handler;
}

void
PyOS_AfterFork(void)
{
    PyOS_AfterFork_Child();
}

/* ---- strings and files ----------------------------------------------- */

int
PyOS_mystrnicmp(const char *a, const char *b, Py_ssize_t size)
{
    const unsigned char *p = (const unsigned char *)a;
    const unsigned char *q = (const unsigned char *)b;
    if (size <= 0) {
        return 0;
    }
    /* Stop at the last allowed byte, at a NUL, or at a difference. */
    while (--size > 0 && *p != '\0' && *q != '\0'
           && Py_TOLOWER(*p) == Py_TOLOWER(*q)) {
        p++;
        q++;
    }
    return Py_TOLOWER(*p) - Py_TOLOWER(*q);
}

int
PyOS_mystricmp(const char *a, const char *b)
{
    const unsigned char *p = (const unsigned char *)a;
    const unsigned char *q = (const unsigned char *)b;
    while (*p != '\0' && Py_TOLOWER(*p) == Py_TOLOWER(*q)) {
        p++;
        q++;
    }
    return Py_TOLOWER(*p) - Py_TOLOWER(*q);
}

/* Reads the start-up configuration, which is immutable once running. */
int
Py_FdIsInteractive(FILE *fp, const char *filename)
{
    if (isatty(fileno(fp))) {
        return 1;
    }
    if (!_Py_GetConfig()->interactive) {
        return 0;
    }
    return filename == NULL || strcmp(filename, "<stdin>") == 0
           || strcmp(filename, "???") == 0;
}
