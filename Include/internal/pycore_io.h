/* The io machinery the core uses (Modules/_io/, Python/stdio_stream.c). */
#ifndef Py_PYCORE_IO_H
#define Py_PYCORE_IO_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

/* Ready the io types and the shared open() function; called during
   start-up, before other threads exist.  0, or -1 with an exception. */
PyAPI_FUNC(int) _PyIO_InitTypes(void);

/* The _io.open function object (borrowed; NULL before _PyIO_InitTypes). */
PyAPI_FUNC(PyObject *) _PyIO_GetOpen(void);

/* Start-up hook (Python/pylifecycle.c): builtins.open = io.open. */
int _PyIO_InitHook(PyInterpreterState *interp);

/* At finalization: flush sys.stdout and sys.stderr, then every file the
   program left open.  A failure to flush stdout is reported ("Exception
   ignored on flushing sys.stdout") and gives -1, which makes the exit
   status 120. */
PyAPI_FUNC(int) _PyIO_FlushStdFiles(void);

/* Flush every live io object that may hold unwritten data (errors are
   ignored); Modules/_io/iobase.c. */
PyAPI_FUNC(void) _PyIO_FlushAtExit(void);

#endif /* Py_PYCORE_IO_H */
