/* _codecsmodule.c: being written (session 2). */
