/* _iomodule.h: being written (session 2). */
