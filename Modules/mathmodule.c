/* mathmodule.c: being written (session 2, second wave). */
