/* codecs.h: being written (session 2). */
#ifndef Py_CODECS_H
#define Py_CODECS_H
#endif
