/* posix_process.c: being written (session 2). */
