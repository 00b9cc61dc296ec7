/* legacy_tracing.c: being written (session 2). */
