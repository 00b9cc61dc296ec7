/* pycore_instruments.h: being written (session 2). */
#ifndef Py_PYCORE_INSTRUMENTS_H
#define Py_PYCORE_INSTRUMENTS_H
#endif
