/* _collectionsmodule.c: being written (session 2, second wave). */
