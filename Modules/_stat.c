/* _stat.c: being written (session 2). */
