/* templateobject.c: being written (session 2). */
