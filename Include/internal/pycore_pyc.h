/* pycore_pyc.h: being written (session 2). */
#ifndef Py_PYCORE_PYC_H
#define Py_PYCORE_PYC_H
#endif
