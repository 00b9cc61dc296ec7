/* Core-only hashing state (Python/pyhash.c). */
#ifndef Py_INTERNAL_PYHASH_H
#define Py_INTERNAL_PYHASH_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

/* Sets the process-wide hash key from PYTHONHASHSEED (unset or "random":
   from the OS; 0: a fixed all-zero key; 1..4294967295: derived from the
   number).  Returns -1 if the variable's value is invalid.  Called once
   at start-up before any thread exists; read-only afterwards. */
int _Py_HashSecret_Init(void);
/* The seed in effect when PYTHONHASHSEED gave one; -1 when random. */
long _Py_HashSeed(void);

#endif /* Py_INTERNAL_PYHASH_H */
