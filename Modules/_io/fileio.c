/* fileio.c: being written (session 2). */
