/* pycore_posix.h: being written (session 2). */
#ifndef Py_PYCORE_POSIX_H
#define Py_PYCORE_POSIX_H
#endif
