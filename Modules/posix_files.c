/* posix_files.c: being written (session 2). */
