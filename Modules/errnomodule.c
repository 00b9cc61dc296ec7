/* errnomodule.c: being written (session 2). */
