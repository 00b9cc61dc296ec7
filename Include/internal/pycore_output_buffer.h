#ifndef Py_INTERNAL_OUTPUT_BUFFER_H
#define Py_INTERNAL_OUTPUT_BUFFER_H
/* The growing output buffer of the compression modules (zlib, _bz2,
   _lzma): one bytes object that a library writes into through its
   stream's next_out / avail_out, grown geometrically up to an optional
   limit (max_length) and finished into the result by trimming it.

   Growing one object (rather than chaining blocks) keeps the finished
   result copy-free: large buffers are reallocated in place by the
   allocator, and a single-block result needs no join.

   Use:
       _PyOutputBuffer ob;
       if (_PyOutputBuffer_Init(&ob, initial, limit) < 0) ...
       loop:
           room = _PyOutputBuffer_Reserve(&ob, &next);  (0: limit reached)
           stream.next_out = next; stream.avail_out = room (clamped);
           run the library;
           _PyOutputBuffer_Commit(&ob, stream.next_out);
       result = _PyOutputBuffer_Finish(&ob);   (or _Abandon on error)

   The buffer belongs to the running call alone until it is finished,
   so the library may write into it with the thread detached. */

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE define"
#endif

typedef struct {
    PyObject *bytes;            /* owned; NULL once finished or abandoned */
    Py_ssize_t used;            /* bytes written at the front of `bytes` */
    Py_ssize_t limit;           /* most bytes to produce; negative: none */
} _PyOutputBuffer;

/* Start with `initial` bytes of room (cut to the limit).  0, or -1 with
   an exception set. */
static inline int
_PyOutputBuffer_Init(_PyOutputBuffer *ob, Py_ssize_t initial,
                     Py_ssize_t limit)
{
    if (limit >= 0 && initial > limit) {
        initial = limit;
    }
    ob->bytes = PyBytes_FromStringAndSize(NULL, initial);
    ob->used = 0;
    ob->limit = limit;
    return ob->bytes == NULL ? -1 : 0;
}

static inline int
_PyOutputBuffer_IsFull(const _PyOutputBuffer *ob)
{
    return ob->limit >= 0 && ob->used >= ob->limit;
}

/* Room for the next output: sets *next to the first free byte and
   returns how many follow it, doubling the buffer (up to the limit)
   when none are free.  0 when the limit is reached; -1 with an
   exception set when the buffer cannot grow. */
static inline Py_ssize_t
_PyOutputBuffer_Reserve(_PyOutputBuffer *ob, void **next)
{
    Py_ssize_t size = PyBytes_GET_SIZE(ob->bytes);
    if (ob->used == size) {
        if (_PyOutputBuffer_IsFull(ob)) {
            *next = PyBytes_AS_STRING(ob->bytes) + ob->used;
            return 0;
        }
        Py_ssize_t step = size < 64 ? 64 : size;
        if (step > PY_SSIZE_T_MAX - size) {
            PyErr_NoMemory();
            return -1;
        }
        Py_ssize_t grown = size + step;
        if (ob->limit >= 0 && grown > ob->limit) {
            grown = ob->limit;
        }
        if (_PyBytes_Resize(&ob->bytes, grown) < 0) {
            return -1;
        }
        size = grown;
    }
    *next = PyBytes_AS_STRING(ob->bytes) + ob->used;
    return size - ob->used;
}

/* Count what the library wrote: its output pointer now stands at
   `next_out`, somewhere in the room the last Reserve gave. */
static inline void
_PyOutputBuffer_Commit(_PyOutputBuffer *ob, const void *next_out)
{
    ob->used = (Py_ssize_t)((const char *)next_out
                            - PyBytes_AS_STRING(ob->bytes));
}

/* The output as a new reference (the buffer is emptied), or NULL with
   an exception set (the buffer is freed). */
static inline PyObject *
_PyOutputBuffer_Finish(_PyOutputBuffer *ob)
{
    if (ob->used != PyBytes_GET_SIZE(ob->bytes)
        && _PyBytes_Resize(&ob->bytes, ob->used) < 0) {
        return NULL;
    }
    PyObject *result = ob->bytes;
    ob->bytes = NULL;
    return result;
}

static inline void
_PyOutputBuffer_Abandon(_PyOutputBuffer *ob)
{
    Py_CLEAR(ob->bytes);
}

#endif /* !Py_INTERNAL_OUTPUT_BUFFER_H */
