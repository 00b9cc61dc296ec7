/* posixmodule.c: being written (session 2). */
