/* _weakref.c: being written (session 2). */
