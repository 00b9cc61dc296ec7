/* Hashing of bytes-like data and of floating-point numbers.

   Byte strings hash with SipHash-1-3 keyed by a 128-bit secret chosen at
   start-up (PYTHONHASHSEED).  The secret is written once before any thread
   exists and only read afterwards, so no lock is needed.  Numeric hashes
   follow the language reference: a value's hash is its value modulo the
   prime 2**61 - 1, so that equal numbers of any type hash equal. */
#include "Python.h"
#include "pycore_pyhash.h"

#include <sys/random.h>

static uint64_t hash_key[2];
static long hash_seed = -1;

static int fill_random(void *buf, size_t size)
{
    char *p = buf;
    while (size > 0) {
        ssize_t n = getrandom(p, size, 0);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return -1;
        }
        p += n;
        size -= (size_t)n;
    }
    return 0;
}

/* Expand a 32-bit seed into the key with a linear congruential
   generator: reproducible, which is all a fixed seed asks for. */
static void key_from_seed(unsigned long seed)
{
    unsigned char *bytes = (unsigned char *)hash_key;
    uint32_t x = (uint32_t)seed;
    for (size_t i = 0; i < sizeof(hash_key); i++) {
        x = x * 214013u + 2531011u;
        bytes[i] = (unsigned char)((x >> 16) & 0xff);
    }
}

int _Py_HashSecret_Init(void)
{
    const char *seed_text = getenv("PYTHONHASHSEED");
    if (seed_text == NULL || seed_text[0] == '\0'
            || strcmp(seed_text, "random") == 0) {
        hash_seed = -1;
        if (fill_random(hash_key, sizeof(hash_key)) < 0) {
            return -1;
        }
        return 0;
    }
    char *end;
    errno = 0;
    unsigned long seed = strtoul(seed_text, &end, 10);
    if (*end != '\0' || errno != 0 || seed > 4294967295UL
            || seed_text[0] == '-' || seed_text[0] == '+' || seed_text[0] == ' ') {
        return -1;
    }
    hash_seed = (long)seed;
    if (seed == 0) {
        memset(hash_key, 0, sizeof(hash_key));
    }
    else {
        key_from_seed(seed);
    }
    return 0;
}

long _Py_HashSeed(void)
{
    return hash_seed;
}

/* SipHash-1-3: one compression round per 8-byte block, three
   finalization rounds. */
#define ROTATE_LEFT(x, b) (((x) << (b)) | ((x) >> (64 - (b))))

#define SIP_ROUND(v0, v1, v2, v3)                       \
    do {                                                \
        v0 += v1; v1 = ROTATE_LEFT(v1, 13); v1 ^= v0;   \
        v0 = ROTATE_LEFT(v0, 32);                       \
        v2 += v3; v3 = ROTATE_LEFT(v3, 16); v3 ^= v2;   \
        v0 += v3; v3 = ROTATE_LEFT(v3, 21); v3 ^= v0;   \
        v2 += v1; v1 = ROTATE_LEFT(v1, 17); v1 ^= v2;   \
        v2 = ROTATE_LEFT(v2, 32);                       \
    } while (0)

static uint64_t load_le64(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
#if WORDS_BIGENDIAN
    v = __builtin_bswap64(v);
#endif
    return v;
}

static uint64_t siphash13(uint64_t k0, uint64_t k1, const unsigned char *data,
                          size_t len)
{
    uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
    uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
    uint64_t v3 = k1 ^ 0x7465646279746573ULL;
    size_t blocks = len / 8;
    for (size_t i = 0; i < blocks; i++) {
        uint64_t m = load_le64(data + 8 * i);
        v3 ^= m;
        SIP_ROUND(v0, v1, v2, v3);
        v0 ^= m;
    }
    uint64_t last = (uint64_t)(len & 0xff) << 56;
    const unsigned char *tail = data + 8 * blocks;
    for (size_t i = 0; i < (len & 7); i++) {
        last |= (uint64_t)tail[i] << (8 * i);
    }
    v3 ^= last;
    SIP_ROUND(v0, v1, v2, v3);
    v0 ^= last;
    v2 ^= 0xff;
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    return v0 ^ v1 ^ v2 ^ v3;
}

Py_hash_t Py_HashBuffer(const void *ptr, Py_ssize_t len)
{
    if (len == 0) {
        return 0;
    }
    Py_hash_t h = (Py_hash_t)siphash13(hash_key[0], hash_key[1], ptr, (size_t)len);
    return h == -1 ? -2 : h;
}

Py_hash_t _Py_HashBytes(const void *ptr, Py_ssize_t len)
{
    return Py_HashBuffer(ptr, len);
}

/* Pointers are aligned, so the low bits carry little: rotate them away. */
Py_hash_t Py_HashPointer(const void *ptr)
{
    size_t y = (size_t)ptr;
    y = (y >> 4) | (y << (8 * sizeof(size_t) - 4));
    Py_hash_t h = (Py_hash_t)y;
    return h == -1 ? -2 : h;
}

/* hash(x) for finite x is x mod P (P = 2**61 - 1), sign preserved: x is
   taken 28 bits of mantissa at a time, multiplying by 2**28 mod P via a
   rotation, then the binary exponent is applied the same way. */
Py_hash_t Py_HashDouble(double v)
{
    if (isinf(v)) {
        return v > 0 ? PyHASH_INF : -PyHASH_INF;
    }
    if (isnan(v)) {
        return 0;
    }
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    Py_uhash_t x = 0;
    while (m) {
        x = ((x << 28) & PyHASH_MODULUS) | x >> (PyHASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        Py_uhash_t y = (Py_uhash_t)m;
        m -= y;
        x += y;
        if (x >= PyHASH_MODULUS) {
            x -= PyHASH_MODULUS;
        }
    }
    e = e >= 0 ? e % PyHASH_BITS : PyHASH_BITS - 1 - ((-1 - e) % PyHASH_BITS);
    x = ((x << e) & PyHASH_MODULUS) | x >> (PyHASH_BITS - e);
    x = x * sign;
    if (x == (Py_uhash_t)-1) {
        x = (Py_uhash_t)-2;
    }
    return (Py_hash_t)x;
}

/* NaN hashes by identity (since 3.10) so distinct NaNs spread out. */
Py_hash_t _Py_HashDouble(PyObject *inst, double v)
{
    if (isnan(v)) {
        return Py_HashPointer(inst);
    }
    return Py_HashDouble(v);
}

PyHash_FuncDef *PyHash_GetFuncDef(void)
{
    static PyHash_FuncDef def = { "siphash13", 64, 128 };
    return &def;
}
