/* impmodule.c: being written (session 2). */
