/* typevarobject.c: being written (session 2). */
