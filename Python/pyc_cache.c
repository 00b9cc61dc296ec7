/* pyc_cache.c: being written (session 2). */
