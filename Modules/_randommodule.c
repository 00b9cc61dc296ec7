/* The _random module: the Mersenne Twister (MT19937) behind random.Random.

   The generator and its seeding follow Matsumoto and Nishimura's
   reference algorithm (init_genrand, init_by_array, genrand_int32), and
   seeds are turned into keys the way CPython does, so that a given seed
   yields CPython's exact sequence.

   Thread safety: every method that reads or advances the state runs
   inside the object's critical section, so threads sharing one Random
   get numbers from one consistent stream and never see a torn state. */
#include "Python.h"
#include "pycore_long.h"

#include <fcntl.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MT_N 624
#define MT_M 397
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU

typedef struct {
    PyObject_HEAD
    int index;                  /* next word of state to temper; MT_N
                                   means the block must be regenerated */
    uint32_t state[MT_N];       /* protected by the critical section */
} RandomObject;

static PyTypeObject Random_Type;

/* ---- the generator (caller holds the critical section) ----------------- */

static void init_genrand(RandomObject *self, uint32_t seed)
{
    uint32_t *mt = self->state;
    mt[0] = seed;
    for (int i = 1; i < MT_N; i++) {
        mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i;
    }
    self->index = MT_N;
}

static void init_by_array(RandomObject *self, const uint32_t *key,
                          size_t key_length)
{
    uint32_t *mt = self->state;
    init_genrand(self, 19650218U);
    size_t i = 1, j = 0;
    for (size_t k = MT_N > key_length ? MT_N : key_length; k > 0; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U))
                + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (j >= key_length) {
            j = 0;
        }
    }
    for (size_t k = MT_N - 1; k > 0; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U))
                - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    /* The most significant bit is 1: the state is never all zero. */
    mt[0] = 0x80000000U;
}

static void regenerate_block(uint32_t *mt)
{
    for (int k = 0; k < MT_N; k++) {
        uint32_t y = (mt[k] & UPPER_MASK) | (mt[(k + 1) % MT_N] & LOWER_MASK);
        mt[k] = mt[(k + MT_M) % MT_N] ^ (y >> 1) ^ ((y & 1U) ? MATRIX_A : 0U);
    }
}

static uint32_t genrand_uint32(RandomObject *self)
{
    if (self->index >= MT_N) {
        regenerate_block(self->state);
        self->index = 0;
    }
    uint32_t y = self->state[self->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
}

/* A double in [0.0, 1.0) with 53 random bits. */
static double genrand_res53(RandomObject *self)
{
    uint32_t a = genrand_uint32(self) >> 5;
    uint32_t b = genrand_uint32(self) >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

/* ---- seeding ------------------------------------------------------------ */

/* Fill buf from the operating system's entropy source; -1 if unavailable. */
static int read_urandom(void *buf, size_t size)
{
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    unsigned char *p = buf;
    while (size > 0) {
        ssize_t n = read(fd, p, size);
        if (n <= 0) {
            close(fd);
            return -1;
        }
        p += n;
        size -= (size_t)n;
    }
    close(fd);
    return 0;
}

/* seed(None): a full state's worth of OS entropy, or the time and process
   id when there is none. */
static void seed_from_entropy(RandomObject *self)
{
    uint32_t key[MT_N];
    if (read_urandom(key, sizeof(key)) == 0) {
        init_by_array(self, key, MT_N);
        return;
    }
    struct timespec now, mono;
    clock_gettime(CLOCK_REALTIME, &now);
    clock_gettime(CLOCK_MONOTONIC, &mono);
    uint32_t fallback[5] = {
        (uint32_t)now.tv_sec, (uint32_t)now.tv_nsec, (uint32_t)getpid(),
        (uint32_t)mono.tv_sec, (uint32_t)mono.tv_nsec,
    };
    init_by_array(self, fallback, 5);
}

/* The key for an int or other hashable seed: the 32-bit little-endian
   chunks of abs(n), or of the hash as an unsigned number.  Returns a new
   PyMem buffer and its length in words, or NULL with an exception. */
static uint32_t *seed_key(PyObject *arg, size_t *nwords)
{
    PyObject *n;
    if (PyLong_Check(arg)) {
        /* int.__abs__, not a subclass's __abs__ that could return
           anything. */
        n = PyLong_Type.tp_as_number->nb_absolute(arg);
    }
    else {
        Py_hash_t hash = PyObject_Hash(arg);
        if (hash == -1 && PyErr_Occurred()) {
            return NULL;
        }
        n = PyLong_FromSize_t((size_t)hash);
    }
    if (n == NULL) {
        return NULL;
    }
    int64_t bits = _PyLong_NumBits(n);
    if (bits < 0) {
        Py_DECREF(n);
        return NULL;
    }
    size_t words = bits == 0 ? 1 : (size_t)((bits - 1) / 32 + 1);
    unsigned char *bytes = PyMem_Malloc(words * 4);
    uint32_t *key = PyMem_Malloc(words * sizeof(uint32_t));
    if (bytes == NULL || key == NULL) {
        PyMem_Free(bytes);
        PyMem_Free(key);
        Py_DECREF(n);
        PyErr_NoMemory();
        return NULL;
    }
    int rc = _PyLong_AsByteArray((PyLongObject *)n, bytes, words * 4, 1, 0, 1);
    Py_DECREF(n);
    if (rc < 0) {
        PyMem_Free(bytes);
        PyMem_Free(key);
        return NULL;
    }
    for (size_t i = 0; i < words; i++) {
        const unsigned char *b = bytes + 4 * i;
        key[i] = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16
                 | (uint32_t)b[3] << 24;
    }
    PyMem_Free(bytes);
    *nwords = words;
    return key;
}

/* Seed from arg (NULL or None: entropy).  The key is computed before the
   critical section is entered, since hashing may run Python code. */
static int random_seed_impl(RandomObject *self, PyObject *arg)
{
    if (arg == NULL || arg == Py_None) {
        Py_BEGIN_CRITICAL_SECTION(self);
        seed_from_entropy(self);
        Py_END_CRITICAL_SECTION();
        return 0;
    }
    size_t words;
    uint32_t *key = seed_key(arg, &words);
    if (key == NULL) {
        return -1;
    }
    Py_BEGIN_CRITICAL_SECTION(self);
    init_by_array(self, key, words);
    Py_END_CRITICAL_SECTION();
    PyMem_Free(key);
    return 0;
}

/* ---- methods ------------------------------------------------------------ */

static PyObject *random_random(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    double x;
    Py_BEGIN_CRITICAL_SECTION(self);
    x = genrand_res53((RandomObject *)self);
    Py_END_CRITICAL_SECTION();
    return PyFloat_FromDouble(x);
}

static PyObject *random_seed(PyObject *self, PyObject *const *args,
                             Py_ssize_t nargs)
{
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError,
                     "seed expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    if (random_seed_impl((RandomObject *)self, nargs ? args[0] : NULL) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *random_getstate(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    RandomObject *r = (RandomObject *)self;
    PyObject *state = PyTuple_New(MT_N + 1);
    if (state == NULL) {
        return NULL;
    }
    uint32_t words[MT_N];
    int index;
    Py_BEGIN_CRITICAL_SECTION(self);
    memcpy(words, r->state, sizeof(words));
    index = r->index;
    Py_END_CRITICAL_SECTION();
    for (int i = 0; i < MT_N; i++) {
        PyObject *w = PyLong_FromUnsignedLong(words[i]);
        if (w == NULL) {
            Py_DECREF(state);
            return NULL;
        }
        PyTuple_SET_ITEM(state, i, w);
    }
    PyObject *pos = PyLong_FromLong(index);
    if (pos == NULL) {
        Py_DECREF(state);
        return NULL;
    }
    PyTuple_SET_ITEM(state, MT_N, pos);
    return state;
}

static PyObject *random_setstate(PyObject *self, PyObject *state)
{
    if (!PyTuple_Check(state)) {
        PyErr_SetString(PyExc_TypeError, "state vector must be a tuple");
        return NULL;
    }
    if (PyTuple_GET_SIZE(state) != MT_N + 1) {
        PyErr_SetString(PyExc_ValueError, "state vector is the wrong size");
        return NULL;
    }
    uint32_t words[MT_N];
    for (int i = 0; i < MT_N; i++) {
        unsigned long w = PyLong_AsUnsignedLong(PyTuple_GET_ITEM(state, i));
        if (w == (unsigned long)-1 && PyErr_Occurred()) {
            return NULL;
        }
        if (w > 0xffffffffUL) {
            PyErr_SetString(PyExc_OverflowError,
                            "Python int too large to convert to C unsigned "
                            "32-bit integer");
            return NULL;
        }
        words[i] = (uint32_t)w;
    }
    long index = PyLong_AsLong(PyTuple_GET_ITEM(state, MT_N));
    if (index == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (index < 0 || index > MT_N) {
        PyErr_SetString(PyExc_ValueError, "invalid state");
        return NULL;
    }
    RandomObject *r = (RandomObject *)self;
    Py_BEGIN_CRITICAL_SECTION(self);
    memcpy(r->state, words, sizeof(words));
    r->index = (int)index;
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

/* getrandbits(k): k random bits as a non-negative int, the first word
   drawn being the least significant. */
static PyObject *random_getrandbits(PyObject *self, PyObject *arg)
{
    Py_ssize_t k = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (k == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (k < 0) {
        PyErr_SetString(PyExc_ValueError,
                        "number of bits must be non-negative");
        return NULL;
    }
    if (k == 0) {
        return PyLong_FromLong(0);
    }
    RandomObject *r = (RandomObject *)self;
    if (k <= 32) {
        uint32_t x;
        Py_BEGIN_CRITICAL_SECTION(self);
        x = genrand_uint32(r) >> (32 - k);
        Py_END_CRITICAL_SECTION();
        return PyLong_FromUnsignedLong(x);
    }
    size_t words = (size_t)((k - 1) / 32 + 1);
    unsigned char *bytes = PyMem_Malloc(words * 4);
    if (bytes == NULL) {
        return PyErr_NoMemory();
    }
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t left = k;
    for (size_t i = 0; i < words; i++, left -= 32) {
        uint32_t w = genrand_uint32(r);
        if (left < 32) {
            w >>= 32 - left;
        }
        unsigned char *b = bytes + 4 * i;
        b[0] = (unsigned char)w;
        b[1] = (unsigned char)(w >> 8);
        b[2] = (unsigned char)(w >> 16);
        b[3] = (unsigned char)(w >> 24);
    }
    Py_END_CRITICAL_SECTION();
    PyObject *result = _PyLong_FromByteArray(bytes, words * 4, 1, 0);
    PyMem_Free(bytes);
    return result;
}

/* Random(x=None): exactly one optional positional argument, and no
   keywords unless a subclass defines its own __init__. */
static int random_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if ((Py_IS_TYPE(self, &Random_Type) ||
         Py_TYPE(self)->tp_init == Random_Type.tp_init) &&
        kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        PyErr_SetString(PyExc_TypeError,
                        "Random() takes no keyword arguments");
        return -1;
    }
    if (PyTuple_GET_SIZE(args) > 1) {
        PyErr_SetString(PyExc_TypeError,
                        "Random() requires 0 or 1 argument");
        return -1;
    }
    PyObject *arg = PyTuple_GET_SIZE(args) ? PyTuple_GET_ITEM(args, 0) : NULL;
    return random_seed_impl((RandomObject *)self, arg);
}

static PyMethodDef random_methods[] = {
    {"random", random_random, METH_NOARGS,
     "random($self, /)\n--\n\nrandom() -> x in the interval [0, 1)."},
    {"seed", _PyCFunction_CAST(random_seed), METH_FASTCALL,
     "seed($self, n=None, /)\n--\n\n"
     "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a "
     "combination\nof the current time and the process identifier."},
    {"getstate", random_getstate, METH_NOARGS,
     "getstate($self, /)\n--\n\ngetstate() -> tuple containing the current "
     "state."},
    {"setstate", random_setstate, METH_O,
     "setstate($self, state, /)\n--\n\nsetstate(state) -> None.  Restores "
     "generator state."},
    {"getrandbits", random_getrandbits, METH_O,
     "getrandbits($self, k, /)\n--\n\n"
     "getrandbits(k) -> x.  Generates an int with k random bits."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Random_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_random.Random",
    .tp_basicsize = sizeof(RandomObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Random()\n--\n\nRandom() -> create a random number generator "
              "with its own internal state.",
    .tp_methods = random_methods,
    .tp_init = random_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_Free,
};

static int random_exec(PyObject *module)
{
    if (PyType_Ready(&Random_Type) < 0) {
        return -1;
    }
    return PyModule_AddObjectRef(module, "Random", (PyObject *)&Random_Type);
}

static PyModuleDef_Slot random_slots[] = {
    {Py_mod_exec, random_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef random_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_random",
    .m_doc = "Module implements the Mersenne Twister random number "
             "generator.",
    .m_size = 0,
    .m_slots = random_slots,
};

PyMODINIT_FUNC
PyInit__random(void)
{
    return PyModuleDef_Init(&random_module);
}
