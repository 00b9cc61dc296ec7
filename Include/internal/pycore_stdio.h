/* The standard streams behind sys.stdin/stdout/stderr
   (Python/stdio_stream.c): io.TextIOWrapper objects. */
#ifndef Py_INTERNAL_STDIO_H
#define Py_INTERNAL_STDIO_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

/* A new text stream over fd (None if fd is not open); `errors` is the
   codec error handler name. */
PyObject *_PyStdio_NewStream(int fd, int readable, const char *name,
                             const char *errors);
/* Flush sys.stdout and sys.stderr, keeping any raised exception. */
PyAPI_FUNC(void) _PyStdio_FlushAll(void);

#endif /* Py_INTERNAL_STDIO_H */
