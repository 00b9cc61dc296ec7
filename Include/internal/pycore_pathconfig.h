#ifndef Py_INTERNAL_PATHCONFIG_H
#define Py_INTERNAL_PATHCONFIG_H

/* Where this interpreter's files are (Python/getpath.c): sys.prefix,
   sys.exec_prefix and the standard library directory, found once at
   start-up and read-only afterwards. */

typedef struct {
    const char *prefix;         /* sys.prefix and sys.base_prefix */
    const char *exec_prefix;    /* sys.exec_prefix and sys.base_exec_prefix */
    const char *stdlib_dir;     /* the directory holding os.py */
    int in_build_tree;          /* running from the build directory */
} _PyPathConfig;

/* Computes the configuration once; `home` is PyConfig.home (PYTHONHOME)
   in the file system encoding, or NULL.  Called during start-up, before any thread exists. */
void _PyPathConfig_Init(const char *home);

/* The configuration, computing it from the environment on first use. */
const _PyPathConfig *_PyPathConfig_Get(void);

#endif /* !Py_INTERNAL_PATHCONFIG_H */
