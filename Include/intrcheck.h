/* The interpreter's side of fork() (Modules/posix_process.c): call
   PyOS_BeforeFork before fork() and the matching AfterFork function in
   the parent and in the child, as os.fork does. */
#ifndef Py_INTRCHECK_H
#define Py_INTRCHECK_H

PyAPI_FUNC(void) PyOS_BeforeFork(void);
PyAPI_FUNC(void) PyOS_AfterFork_Parent(void);
PyAPI_FUNC(void) PyOS_AfterFork_Child(void);

#endif /* Py_INTRCHECK_H */
