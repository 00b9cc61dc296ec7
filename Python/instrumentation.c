/* instrumentation.c: being written (session 2). */
