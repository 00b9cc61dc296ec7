/* Shared declarations of the _zstd module's files (module.c, stream.c,
   zdict.c): the types, the error, and the helpers each uses from the
   others.  The whole module is built only when configure found libzstd
   (HAVE_LIBZSTD). */
#ifndef WEFT_ZSTD_MODULE_H
#define WEFT_ZSTD_MODULE_H

#include "Python.h"

#ifdef HAVE_LIBZSTD

#include "pycore_lock.h"
#include "pycore_pystate.h"       /* _PyMutex_LockDetached */
#include "../compression_common.h"

#include <zstd.h>

/* How a ZstdDict is attached to a (de)compression context; the Python
   layer sees these as the second item of ZstdDict.as_*_dict. */
enum {
    ZSTD_DICT_DIGESTED = 0,
    ZSTD_DICT_UNDIGESTED = 1,
    ZSTD_DICT_PREFIX = 2,
};

/* A digested compression dictionary for one compression level. */
typedef struct CDictEntry {
    struct CDictEntry *next;
    int level;
    ZSTD_CDict *cdict;
} CDictEntry;

typedef struct {
    PyObject_HEAD
    PyObject *content;          /* bytes; immutable after creation */
    uint32_t dict_id;           /* 0 for raw content */
    PyMutex mutex;              /* guards the two digest caches below */
    CDictEntry *cdicts;         /* digested per level, made on demand */
    ZSTD_DDict *ddict;          /* digested for decompression, or NULL */
} ZstdDictObject;

extern PyTypeObject _PyZstdDict_Type;
extern PyTypeObject _PyZstdCompressor_Type;
extern PyTypeObject _PyZstdDecompressor_Type;

/* _zstd.ZstdError, created once by the module's exec (module.c). */
extern PyObject *_PyZstd_Error;

/* The enum classes the Python layer registers with
   set_parameter_types(), so that a dict of options can refuse the
   parameters of the other direction.  Published once, read without a
   lock (module.c); NULL until registered. */
extern PyObject *_PyZstd_CParameterType;
extern PyObject *_PyZstd_DParameterType;

/* Raise ZstdError for a failed zstd call; `what` says which. */
void _PyZstd_SetError(const char *what, size_t code);

/* Apply the options dict to a context (is_compress picks the kind) and,
   for a compressor, return the compression level it chose in *level.
   0, or -1 with an exception set. */
int _PyZstd_SetCParameters(ZSTD_CCtx *cctx, PyObject *options, int *level);
int _PyZstd_SetDParameters(ZSTD_DCtx *dctx, PyObject *options);

/* Split `zstd_dict` (a ZstdDict, or the (ZstdDict, kind) pair of one of
   its as_* attributes) into the dictionary and its kind; `dflt` is the
   kind of a bare ZstdDict.  Borrowed; 0 or -1 with TypeError set. */
int _PyZstd_ParseDict(PyObject *zstd_dict, int dflt,
                      ZstdDictObject **dict, int *kind);

/* Load a dictionary into a context.  0, or -1 with an exception set. */
int _PyZstd_LoadCDict(ZSTD_CCtx *cctx, ZstdDictObject *dict, int kind,
                      int level);
int _PyZstd_LoadDDict(ZSTD_DCtx *dctx, ZstdDictObject *dict, int kind);

#endif /* HAVE_LIBZSTD */
#endif /* WEFT_ZSTD_MODULE_H */
