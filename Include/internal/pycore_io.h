/* pycore_io.h: being written (session 2). */
#ifndef Py_PYCORE_IO_H
#define Py_PYCORE_IO_H
#endif
