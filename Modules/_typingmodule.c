/* _typingmodule.c: being written (session 2). */
