/* _abc.c: being written (session 2). */
