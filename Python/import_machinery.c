/* import_machinery.c: being written (session 2). */
