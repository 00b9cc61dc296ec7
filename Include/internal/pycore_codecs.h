/* pycore_codecs.h: being written (session 2). */
#ifndef Py_PYCORE_CODECS_H
#define Py_PYCORE_CODECS_H
#endif
