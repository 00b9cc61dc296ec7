/* Declarations shared by the files of the _io module (Modules/_io/).

   Every io type is a static type readied once by _PyIO_InitTypes during
   start-up, before any other thread exists; the interned method names
   below are created at the same time and only read afterwards.  The
   locking rules of each object are in Doc/internals/io.md. */
#ifndef Py_IO_IOMODULE_H
#define Py_IO_IOMODULE_H

#include "Python.h"
#include "pycore_io.h"

/* The fields every io object starts with: an instance dict (io objects
   accept attributes, and FileIO keeps `name` there), a weak reference
   list, the object's index in the exit-flush registry (0 when not
   registered, else index + 1; see _PyIO_Register), and the closed flag
   used by _IOBase.close() for classes that do not keep their own. */
#define IOBASE_HEAD            \
    PyObject_HEAD              \
    PyObject *dict;            \
    PyObject *weakreflist;     \
    Py_ssize_t iob_registry;   \
    char iob_closed;           \
    char iob_finalizing;

typedef struct {
    IOBASE_HEAD
} iobase;

extern PyTypeObject PyIOBase_Type;
extern PyTypeObject PyRawIOBase_Type;
extern PyTypeObject PyBufferedIOBase_Type;
extern PyTypeObject PyTextIOBase_Type;
extern PyTypeObject PyFileIO_Type;
extern PyTypeObject PyBytesIO_Type;
extern PyTypeObject _PyBytesIOBuffer_Type;
extern PyTypeObject PyStringIO_Type;
extern PyTypeObject PyBufferedReader_Type;
extern PyTypeObject PyBufferedWriter_Type;
extern PyTypeObject PyBufferedRandom_Type;
extern PyTypeObject PyBufferedRWPair_Type;
extern PyTypeObject PyTextIOWrapper_Type;
extern PyTypeObject PyIncrementalNewlineDecoder_Type;

/* io.UnsupportedOperation (a subclass of OSError and ValueError). */
extern PyObject *_PyIO_unsupported_operation;

/* Interned names, immortal, created by _PyIO_InitStrings. */
#define IO_STRINGS(X) \
    X(close) X(closed) X(flush) X(read) X(read1) X(readinto) X(readall) \
    X(readline) X(write) X(seek) X(tell) X(truncate) X(readable) \
    X(writable) X(seekable) X(isatty) X(fileno) X(name) X(mode) \
    X(raw) X(peek) X(getstate) X(setstate) X(reset) X(decode) X(encode) \
    X(newlines) X(_dealloc_warn) X(__IOBase_closed) X(_CHUNK_SIZE) \
    X(_blksize) X(detach) X(readinto1)
#define IO_DECLARE_STRING(n) extern PyObject *_PyIO_str_##n;
IO_STRINGS(IO_DECLARE_STRING)
#undef IO_DECLARE_STRING
extern PyObject *_PyIO_empty_str;
extern PyObject *_PyIO_empty_bytes;

#define DEFAULT_BUFFER_SIZE (128 * 1024)

/* ---- iobase.c ---- */
int _PyIOBase_InitStrings(void);
/* Raise io.UnsupportedOperation(message); returns NULL. */
PyObject *_PyIO_Unsupported(const char *message);
/* ValueError "I/O operation on closed file."; returns NULL. */
PyObject *_PyIO_ClosedError(void);
/* 1 if obj.closed is true, 0 if false, -1 with an exception. */
int _PyIO_IsClosed(PyObject *obj);
/* obj.readable() (or writable(), seekable()) must be true; else raise
   UnsupportedOperation with the message; 0 or -1. */
int _PyIO_CheckCapability(PyObject *obj, PyObject *method,
                          const char *message);
/* Raise ValueError if obj.closed; 0 or -1. */
int _PyIO_CheckClosed(PyObject *obj);
/* Shared methods of _IOBase usable by subtypes written in C. */
PyObject *_PyIOBase_enter(PyObject *self, PyObject *unused);
PyObject *_PyIOBase_exit(PyObject *self, PyObject *args);
PyObject *_PyIOBase_iternext(PyObject *self);
int _PyIOBase_Finalize(PyObject *self);
/* tp_dealloc helper: run the finalizer; 1 if the object was resurrected. */
int _PyIOBase_DeallocStart(PyObject *self);
int _PyIOBase_traverse(PyObject *self, visitproc visit, void *arg);
void _PyIOBase_clear(PyObject *self);
/* PyObject_GetBuffer(PyBUF_WRITABLE) with CPython's TypeError for fname(). */
int _PyIO_GetWritableBuffer(PyObject *arg, Py_buffer *view, const char *fname);
/* Convert a size argument: None or a negative int means "all" (-1). */
int _PyIO_ConvertSize(PyObject *arg, Py_ssize_t *size);

/* Where the line that starts at `start` ends (the index just after its
   terminator), or -1 if no terminator before `end`.  `mode` is the
   newline argument: 0 = universal ("\n", "\r", "\r\n"), '\n', '\r', or
   'R' for "\r\n". A "\r" at end-1 in universal mode is a terminator only
   when `final`. */
Py_ssize_t _PyIO_FindLineEnd(int kind, const void *data, Py_ssize_t start,
                             Py_ssize_t end, int mode, int final);

/* Live objects that may hold unwritten data (TextIOWrapper, buffered
   writers) are registered so that _PyIO_FlushAtExit can flush them even
   when nothing destroys them at shut-down.  Register once set up;
   unregister at the start of tp_dealloc. */
int _PyIO_Register(PyObject *self);
void _PyIO_Unregister(PyObject *self);
/* _PyIO_FlushAtExit (pycore_io.h) flushes them: text wrappers first,
   then the rest; errors are ignored, as for files closed by their
   finalizer.  _PyIO_FlushingAtExit() is true meanwhile: a stream whose
   lock a (daemon) thread holds is then skipped instead of waited for. */
int _PyIO_FlushingAtExit(void);

/* ---- fileio.c ---- */
/* Raw operations on an open FileIO, used by the buffered layer without
   a method call; each returns the count, -1 with an exception, or -2
   for "would block" (no exception). */
Py_ssize_t _PyFileIO_ReadInto(PyObject *self, char *buf, Py_ssize_t len);
Py_ssize_t _PyFileIO_Write(PyObject *self, const char *buf, Py_ssize_t len);
int _PyFileIO_Fd(PyObject *self);

/* ---- bufferedio.c ---- */
/* write(data) on a BufferedWriter/BufferedRandom without a method call. */
Py_ssize_t _PyBuffered_WriteBytes(PyObject *self, const char *data,
                                  Py_ssize_t len);
/* 1 if the raw stream below is closed, 0 if open, -1 with an exception. */
int _PyBuffered_IsClosed(PyObject *self);
/* read1(size) on a BufferedReader/BufferedRandom. */
PyObject *_PyBuffered_Read1(PyObject *self, Py_ssize_t size);

/* ---- textio.c ---- */
/* The encoding to use for encoding=None: "utf-8" (PEP 686). */
PyObject *_PyIO_text_encoding(PyObject *module, PyObject *const *args,
                              Py_ssize_t nargs);

/* ---- _iomodule.c ---- */
PyObject *_PyIO_open(PyObject *module, PyObject *args, PyObject *kwds);

#endif /* Py_IO_IOMODULE_H */
