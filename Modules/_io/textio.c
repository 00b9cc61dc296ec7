/* textio.c: being written (session 2). */
