/* interpolationobject.c: being written (session 2). */
