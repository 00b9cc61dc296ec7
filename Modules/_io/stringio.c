/* stringio.c: being written (session 2). */
