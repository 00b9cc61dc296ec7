/* timemodule.c: being written (session 2). */
