/* BLAKE2b and BLAKE2s (RFC 7693), with the full parameter block: key,
   salt, personalization and the tree-hashing fields (fanout, depth,
   leaf length, node offset, node depth, inner length, last node).

   OpenSSL's BLAKE2 takes neither tree parameters nor, unkeyed, a salt
   or personalization, so hashlib's blake2b and blake2s objects
   (Modules/_hashopenssl.c) hash with this code for every parameter
   set, and results are the same whichever parameters are given.

   A state is plain memory owned by one hash object; that object's
   mutex serializes every call on it, so nothing here locks. */
#include "Python.h"

#include <stdint.h>
#include <string.h>

/* The interface _hashopenssl.c uses (it declares the same prototypes). */
typedef struct _PyBlake2State _PyBlake2State;

_PyBlake2State *_PyBlake2_New(int wide, int digest_size,
                              const unsigned char *key, size_t key_len,
                              const unsigned char *salt, size_t salt_len,
                              const unsigned char *person, size_t person_len,
                              int fanout, int depth, uint32_t leaf_size,
                              uint64_t node_offset, int node_depth,
                              int inner_size, int last_node);
_PyBlake2State *_PyBlake2_Copy(const _PyBlake2State *state);
void _PyBlake2_Free(_PyBlake2State *state);
void _PyBlake2_Update(_PyBlake2State *state, const unsigned char *data,
                      size_t len);
void _PyBlake2_Final(const _PyBlake2State *state, unsigned char *out);

#define BLAKE2B_BLOCK 128
#define BLAKE2S_BLOCK 64

struct _PyBlake2State {
    int wide;                   /* 1: BLAKE2b (64-bit words); 0: BLAKE2s */
    int digest_size;
    int last_node;
    uint64_t hb[8];             /* chain value, BLAKE2b */
    uint32_t hs[8];             /* chain value, BLAKE2s */
    /* Bytes compressed so far, as a 128-bit number (BLAKE2s uses the
       low 64 bits, split into two 32-bit words). */
    uint64_t count_lo, count_hi;
    /* Unhashed input.  The last block must be compressed with the final
       flag, so a full block stays here until more input follows. */
    unsigned char buf[BLAKE2B_BLOCK];
    size_t buf_len;
};

static const uint64_t blake2b_iv[8] = {
    0x6A09E667F3BCC908ULL, 0xBB67AE8584CAA73BULL, 0x3C6EF372FE94F82BULL,
    0xA54FF53A5F1D36F1ULL, 0x510E527FADE682D1ULL, 0x9B05688C2B3E6C1FULL,
    0x1F83D9ABFB41BD6BULL, 0x5BE0CD19137E2179ULL,
};

static const uint32_t blake2s_iv[8] = {
    0x6A09E667U, 0xBB67AE85U, 0x3C6EF372U, 0xA54FF53AU,
    0x510E527FU, 0x9B05688CU, 0x1F83D9ABU, 0x5BE0CD19U,
};

/* The message word schedule of RFC 7693, section 2.7; round r uses
   row r mod 10. */
static const uint8_t sigma[10][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
};

static uint64_t load64_le(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) {
        v = (v << 8) | p[i];
    }
    return v;
}

static uint32_t load32_le(const unsigned char *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16)
           | ((uint32_t)p[3] << 24);
}

static void store_le(unsigned char *p, uint64_t v, int nbytes)
{
    for (int i = 0; i < nbytes; i++) {
        p[i] = (unsigned char)(v >> (8 * i));
    }
}

static inline uint64_t rotr64(uint64_t x, int n)
{
    return (x >> n) | (x << (64 - n));
}

static inline uint32_t rotr32(uint32_t x, int n)
{
    return (x >> n) | (x << (32 - n));
}

/* The mixing function G of RFC 7693 section 3.1, for either word size;
   R1..R4 are the variant's rotation distances. */
#define BLAKE2_G(ROTR, v, a, b, c, d, x, y, R1, R2, R3, R4) \
    do { \
        v[a] = v[a] + v[b] + (x); \
        v[d] = ROTR(v[d] ^ v[a], R1); \
        v[c] = v[c] + v[d]; \
        v[b] = ROTR(v[b] ^ v[c], R2); \
        v[a] = v[a] + v[b] + (y); \
        v[d] = ROTR(v[d] ^ v[a], R3); \
        v[c] = v[c] + v[d]; \
        v[b] = ROTR(v[b] ^ v[c], R4); \
    } while (0)

/* The compression function F of RFC 7693 section 3.2, written once and
   instantiated for both variants: the chain value h absorbs one block
   given the counter words t0, t1 and the finalization flags f0, f1. */
#define BLAKE2_DEFINE_COMPRESS(NAME, WORD, LOAD, ROTR, IV, ROUNDS, \
                               R1, R2, R3, R4) \
static void NAME(WORD h[8], const unsigned char *block, WORD t0, WORD t1, \
                 WORD f0, WORD f1) \
{ \
    WORD m[16], v[16]; \
    for (int i = 0; i < 16; i++) { \
        m[i] = LOAD(block + i * sizeof(WORD)); \
    } \
    for (int i = 0; i < 8; i++) { \
        v[i] = h[i]; \
        v[i + 8] = IV[i]; \
    } \
    v[12] ^= t0; \
    v[13] ^= t1; \
    v[14] ^= f0; \
    v[15] ^= f1; \
    for (int r = 0; r < ROUNDS; r++) { \
        const uint8_t *s = sigma[r % 10]; \
        BLAKE2_G(ROTR, v, 0, 4, 8, 12, m[s[0]], m[s[1]], R1, R2, R3, R4); \
        BLAKE2_G(ROTR, v, 1, 5, 9, 13, m[s[2]], m[s[3]], R1, R2, R3, R4); \
        BLAKE2_G(ROTR, v, 2, 6, 10, 14, m[s[4]], m[s[5]], R1, R2, R3, R4); \
        BLAKE2_G(ROTR, v, 3, 7, 11, 15, m[s[6]], m[s[7]], R1, R2, R3, R4); \
        BLAKE2_G(ROTR, v, 0, 5, 10, 15, m[s[8]], m[s[9]], R1, R2, R3, R4); \
        BLAKE2_G(ROTR, v, 1, 6, 11, 12, m[s[10]], m[s[11]], R1, R2, R3, R4); \
        BLAKE2_G(ROTR, v, 2, 7, 8, 13, m[s[12]], m[s[13]], R1, R2, R3, R4); \
        BLAKE2_G(ROTR, v, 3, 4, 9, 14, m[s[14]], m[s[15]], R1, R2, R3, R4); \
    } \
    for (int i = 0; i < 8; i++) { \
        h[i] ^= v[i] ^ v[i + 8]; \
    } \
}

BLAKE2_DEFINE_COMPRESS(blake2b_compress, uint64_t, load64_le, rotr64,
                       blake2b_iv, 12, 32, 24, 16, 63)
BLAKE2_DEFINE_COMPRESS(blake2s_compress, uint32_t, load32_le, rotr32,
                       blake2s_iv, 10, 16, 12, 8, 7)

static size_t block_size(const _PyBlake2State *st)
{
    return st->wide ? BLAKE2B_BLOCK : BLAKE2S_BLOCK;
}

/* Count `n` more bytes, then compress `block` into the chain value. */
static void absorb_block(_PyBlake2State *st, const unsigned char *block,
                         size_t n, int final)
{
    st->count_lo += n;
    if (st->count_lo < n) {
        st->count_hi++;
    }
    if (st->wide) {
        uint64_t flag = final ? ~(uint64_t)0 : 0;
        uint64_t node_flag = final && st->last_node ? ~(uint64_t)0 : 0;
        blake2b_compress(st->hb, block, st->count_lo, st->count_hi, flag,
                         node_flag);
    }
    else {
        uint32_t flag = final ? ~(uint32_t)0 : 0;
        uint32_t node_flag = final && st->last_node ? ~(uint32_t)0 : 0;
        blake2s_compress(st->hs, block, (uint32_t)st->count_lo,
                         (uint32_t)(st->count_lo >> 32), flag, node_flag);
    }
}

/* The parameter block of RFC 7693 section 2.5 (and the BLAKE2 paper's
   tree fields), XORed into the IV to give the first chain value. */
static void init_chain(_PyBlake2State *st, int key_len,
                       const unsigned char *salt, size_t salt_len,
                       const unsigned char *person, size_t person_len,
                       int fanout, int depth, uint32_t leaf_size,
                       uint64_t node_offset, int node_depth, int inner_size)
{
    unsigned char p[64];
    memset(p, 0, sizeof(p));
    p[0] = (unsigned char)st->digest_size;
    p[1] = (unsigned char)key_len;
    p[2] = (unsigned char)fanout;
    p[3] = (unsigned char)depth;
    store_le(p + 4, leaf_size, 4);
    if (st->wide) {
        store_le(p + 8, node_offset, 8);
        p[16] = (unsigned char)node_depth;
        p[17] = (unsigned char)inner_size;
        if (salt_len > 0) {    /* a NULL pointer with length 0 is not allowed */
            memcpy(p + 32, salt, salt_len);
        }
        if (person_len > 0) {    /* a NULL pointer with length 0 is not allowed */
            memcpy(p + 48, person, person_len);
        }
        for (int i = 0; i < 8; i++) {
            st->hb[i] = blake2b_iv[i] ^ load64_le(p + 8 * i);
        }
    }
    else {
        store_le(p + 8, node_offset, 6);
        p[14] = (unsigned char)node_depth;
        p[15] = (unsigned char)inner_size;
        if (salt_len > 0) {    /* a NULL pointer with length 0 is not allowed */
            memcpy(p + 16, salt, salt_len);
        }
        if (person_len > 0) {    /* a NULL pointer with length 0 is not allowed */
            memcpy(p + 24, person, person_len);
        }
        for (int i = 0; i < 8; i++) {
            st->hs[i] = blake2s_iv[i] ^ load32_le(p + 4 * i);
        }
    }
}

/* A new state, or NULL (no exception set) when memory runs out.  The
   caller has checked the sizes against the variant's limits. */
_PyBlake2State *_PyBlake2_New(int wide, int digest_size,
                              const unsigned char *key, size_t key_len,
                              const unsigned char *salt, size_t salt_len,
                              const unsigned char *person, size_t person_len,
                              int fanout, int depth, uint32_t leaf_size,
                              uint64_t node_offset, int node_depth,
                              int inner_size, int last_node)
{
    _PyBlake2State *st = PyMem_RawCalloc(1, sizeof(*st));
    if (st == NULL) {
        return NULL;
    }
    st->wide = wide;
    st->digest_size = digest_size;
    st->last_node = last_node;
    init_chain(st, (int)key_len, salt, salt_len, person, person_len, fanout,
               depth, leaf_size, node_offset, node_depth, inner_size);
    /* A key is hashed as a first block of its own, zero padded. */
    if (key_len > 0) {
        memcpy(st->buf, key, key_len);
        st->buf_len = block_size(st);
    }
    return st;
}

_PyBlake2State *_PyBlake2_Copy(const _PyBlake2State *state)
{
    _PyBlake2State *copy = PyMem_RawMalloc(sizeof(*copy));
    if (copy != NULL) {
        memcpy(copy, state, sizeof(*copy));
    }
    return copy;
}

void _PyBlake2_Free(_PyBlake2State *state)
{
    if (state != NULL) {
        /* The buffer may hold the key. */
        memset(state, 0, sizeof(*state));
        PyMem_RawFree(state);
    }
}

void _PyBlake2_Update(_PyBlake2State *st, const unsigned char *data,
                      size_t len)
{
    size_t bs = block_size(st);
    size_t room = bs - st->buf_len;
    if (len > room) {
        memcpy(st->buf + st->buf_len, data, room);
        absorb_block(st, st->buf, bs, 0);
        st->buf_len = 0;
        data += room;
        len -= room;
        /* Whole blocks straight from the input, keeping at least one
           byte back for the final block. */
        while (len > bs) {
            absorb_block(st, data, bs, 0);
            data += bs;
            len -= bs;
        }
    }
    if (len > 0) {
        memcpy(st->buf + st->buf_len, data, len);
        st->buf_len += len;
    }
}

/* Write the digest (digest_size bytes) of the input so far; the state
   itself is left as it was, so hashing may go on. */
void _PyBlake2_Final(const _PyBlake2State *state, unsigned char *out)
{
    _PyBlake2State st;
    memcpy(&st, state, sizeof(st));
    size_t bs = block_size(&st);
    memset(st.buf + st.buf_len, 0, bs - st.buf_len);
    absorb_block(&st, st.buf, st.buf_len, 1);
    unsigned char full[64];
    for (int i = 0; i < 8; i++) {
        if (st.wide) {
            store_le(full + 8 * i, st.hb[i], 8);
        }
        else {
            store_le(full + 4 * i, st.hs[i], 4);
        }
    }
    memcpy(out, full, (size_t)st.digest_size);
    memset(&st, 0, sizeof(st));
}
