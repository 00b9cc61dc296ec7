/* marshal.c: being written (session 2). */
