/* bytesio.c: being written (session 2). */
