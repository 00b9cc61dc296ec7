/* line_editor.c: being written (session 2). */
