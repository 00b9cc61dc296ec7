/* myreadline.c: being written (session 2). */
