/* The bytecode cache (Python/pyc_cache.c): __pycache__/NAME.weft-315.pyc
   files holding a marshalled code object behind a 16-byte header
   (magic, flags, source mtime, source size). */
#ifndef Py_INTERNAL_PYC_H
#define Py_INTERNAL_PYC_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

/* Tells the import machinery (Python/import_machinery.c) that the
   functions below are implemented. */
#define WEFT_HAVE_PYC_CACHE 1

/* The 4 magic bytes that start every pyc file this build writes
   (importlib.util.MAGIC_NUMBER). */
PyAPI_DATA(const unsigned char) _PyPyc_MagicNumber[4];

/* A new reference to the code object of the source file at source_path
   (str), named module_name (str) for error messages: read from the cache
   when its recorded source mtime and size match the file, else compiled
   from the source and, unless sys.dont_write_bytecode is true, written
   to the cache atomically (a failure to write is not an error).  NULL
   with an exception set on error (unreadable source, SyntaxError...). */
PyAPI_FUNC(PyObject *) _PyPyc_CompileSourceCached(PyObject *source_path,
                                                  PyObject *module_name);

/* A new reference to the cache path for source_path as
   importlib.util.cache_from_source computes it (optimization "" / "1" /
   "2" follows sys.flags.optimize when optimization is NULL; honours
   sys.pycache_prefix), or NULL with an exception. */
PyAPI_FUNC(PyObject *) _PyPyc_CacheFromSource(PyObject *source_path,
                                              PyObject *optimization);

/* A new reference to the code object stored in the pyc file at
   pyc_path without a source check (SourcelessFileLoader), or NULL with
   an exception, as importlib: ImportError for a bad magic number, bad
   flags or a non-code value, EOFError for a header cut short, the
   unmarshalling error for a corrupt body, OSError for an unreadable
   file. */
PyAPI_FUNC(PyObject *) _PyPyc_LoadSourceless(PyObject *pyc_path,
                                             PyObject *module_name);

/* The hash recorded in hash-based pyc files (flags bit 0) for the
   source bytes data[0:len]; key is the magic number read as a
   little-endian uint32 (importlib.util.source_hash passes it).  Backs
   _imp.source_hash(key, source), which returns it as 8 little-endian
   bytes. */
PyAPI_FUNC(uint64_t) _PyPyc_SourceHash(uint64_t key, const char *data,
                                       Py_ssize_t len);

#endif /* Py_INTERNAL_PYC_H */
