/* codecs.c: being written (session 2). */
