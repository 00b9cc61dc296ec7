/* marshal.h: being written (session 2). */
#ifndef Py_MARSHAL_H
#define Py_MARSHAL_H
#endif
