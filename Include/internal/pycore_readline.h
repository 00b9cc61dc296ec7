/* pycore_readline.h: being written (session 2). */
#ifndef Py_PYCORE_READLINE_H
#define Py_PYCORE_READLINE_H
#endif
