/* _iomodule.c: being written (session 2). */
