/* structseq.c: being written (session 2). */
