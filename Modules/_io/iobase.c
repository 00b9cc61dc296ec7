/* iobase.c: being written (session 2). */
