/* Hashing: the numeric hash modulus and the keyed hash of bytes-like data
   (Python/pyhash.c). */
#ifndef Py_PYHASH_H
#define Py_PYHASH_H

/* Numeric values hash modulo the Mersenne prime 2**61 - 1 so that equal
   numbers of different types hash equal. */
#define PyHASH_BITS 61
#define PyHASH_MODULUS (((size_t)1 << PyHASH_BITS) - 1)
#define PyHASH_INF 314159
#define PyHASH_IMAG 1000003UL
#define PyHASH_MULTIPLIER 1000003UL

/* Hash of raw bytes, keyed by the process-wide secret (PYTHONHASHSEED).
   Equal data hash equal; the result is never -1. */
PyAPI_FUNC(Py_hash_t) Py_HashBuffer(const void *ptr, Py_ssize_t len);
PyAPI_FUNC(Py_hash_t) Py_HashPointer(const void *ptr);
PyAPI_FUNC(Py_hash_t) _Py_HashBytes(const void *ptr, Py_ssize_t len);
PyAPI_FUNC(Py_hash_t) _Py_HashDouble(PyObject *inst, double v);
PyAPI_FUNC(Py_hash_t) Py_HashDouble(double v);

typedef struct {
    const char *name;
    const int hash_bits;
    const int seed_bits;
} PyHash_FuncDef;
PyAPI_FUNC(PyHash_FuncDef *) PyHash_GetFuncDef(void);

#endif /* Py_PYHASH_H */
