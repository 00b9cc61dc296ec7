/* bufferedio.c: being written (session 2). */
