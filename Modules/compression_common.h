/* What the stream compressors and decompressors of _bz2, _lzma and _zstd
   have in common: the object heads, the input kept between decompress()
   calls, the bookkeeping of eof / needs_input / unused_data, and the
   methods and attribute readers built on them.  Each module adds only
   the loop that drives its library (see pycore_output_buffer.h for the
   output side).

   Thread safety: every field of these heads, and the library stream the
   module keeps after them, is guarded by the object's `mutex`, taken
   (detached) by the shared methods and readers in both builds. */
#ifndef WEFT_COMPRESSION_COMMON_H
#define WEFT_COMPRESSION_COMMON_H

#include "Python.h"
#include "pycore_lock.h"

#include <stddef.h>

/* Compress data[0:len] (finish: end the stream) with the mutex held;
   the output bytes, or NULL with an exception set. */
typedef PyObject *(*_PyCompressFunc)(PyObject *op, const char *data,
                                     size_t len, int finish);

/* The head of a compressor whose stream ends once with flush()
   (_bz2, _lzma); the module's fields follow it. */
typedef struct {
    PyObject_HEAD
    PyMutex mutex;              /* guards everything after it */
    int flushed;
    _PyCompressFunc run;        /* set by tp_new, then constant */
} _PyCompressorObject;

/* compress(data, /) and flush() of a _PyCompressorObject. */
PyObject *_PyCompressor_Compress(PyObject *op, PyObject *data);
PyObject *_PyCompressor_Flush(PyObject *op, PyObject *unused);

/* The method table entries of such a compressor. */
#define _PyCompressor_METHODS                                            \
    {"compress", _PyCompressor_Compress, METH_O,                         \
     "compress($self, data, /)\n--\n\nCompress data; returns what "      \
     "output is ready (maybe b''). Call flush() at the end."},           \
    {"flush", _PyCompressor_Flush, METH_NOARGS,                          \
     "flush($self, /)\n--\n\nEnd the stream and return the rest of "     \
     "the output; the compressor cannot be used afterwards."},           \
    {"__reduce__", _PyCompression_RefusePickle, METH_NOARGS,             \
     "__reduce__($self, /)\n--\n\n"}

/* Decompress data[0:*len] into at most max_length bytes (negative: all)
   with the mutex held, setting `eof` at the end of the stream and *len
   to the count of input bytes left unconsumed (always at the end of
   data).  The output bytes, or NULL with an exception set. */
typedef PyObject *(*_PyDecompressFunc)(PyObject *op, const char *data,
                                       size_t *len, Py_ssize_t max_length);

typedef struct {
    const char *eof_message;    /* EOFError text once the stream ended */
    _PyDecompressFunc run;
} _PyDecompressorKind;

/* The head of every decompressor; the module's fields follow it. */
typedef struct {
    PyObject_HEAD
    PyMutex mutex;              /* guards everything after it */
    const _PyDecompressorKind *kind;    /* constant after tp_new */
    int eof;
    int needs_input;
    PyObject *unused_data;      /* bytes after the end of the stream */
    char *input;                /* unconsumed input kept between calls */
    size_t input_len;
} _PyDecompressorObject;

/* Set up the head of a freshly allocated decompressor.  0, or -1 with
   an exception set (the head is then safe to clear). */
int _PyDecompressor_InitHead(_PyDecompressorObject *d,
                             const _PyDecompressorKind *kind);
/* Release what the head owns; for tp_dealloc. */
void _PyDecompressor_ClearHead(_PyDecompressorObject *d);

/* decompress(data, max_length=-1), driving kind->run. */
PyObject *_PyDecompressor_Decompress(PyObject *op, PyObject *args,
                                     PyObject *kwds);

/* Readers of the eof, needs_input and unused_data attributes. */
PyObject *_PyDecompressor_GetEof(PyObject *op, void *closure);
PyObject *_PyDecompressor_GetNeedsInput(PyObject *op, void *closure);
PyObject *_PyDecompressor_GetUnusedData(PyObject *op, void *closure);

/* The getset entries of a decompressor of one stream (_bz2, _lzma). */
#define _PyDecompressor_GETSET                                           \
    {"eof", _PyDecompressor_GetEof, NULL,                                \
     "True if the end-of-stream marker has been reached.", NULL},        \
    {"unused_data", _PyDecompressor_GetUnusedData, NULL,                 \
     "Data found after the end of the compressed stream.", NULL},        \
    {"needs_input", _PyDecompressor_GetNeedsInput, NULL,                 \
     "True if more input is needed before more decompressed data can "   \
     "be produced.", NULL}

/* __reduce__ of objects that hold a library stream: always TypeError. */
PyObject *_PyCompression_RefusePickle(PyObject *op, PyObject *unused);

#endif /* WEFT_COMPRESSION_COMMON_H */
