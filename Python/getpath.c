/* Where the interpreter's files are: sys.prefix, sys.exec_prefix and the
   standard library directory (CPython's getpath).

   In order:
   1. PYTHONHOME (PyConfig.home), "PREFIX" or "PREFIX:EXEC_PREFIX": the
      library is PREFIX/lib/pythonX.Y[t].
   2. Running from the build directory (the executable lies under it): the
      library is the source tree's Lib/, the prefix is configure's.
   3. Installed: the executable's directory is PREFIX/bin and
      PREFIX/lib/pythonX.Y[t]/os.py exists.  Found from the executable,
      so an installed tree can be moved as a whole.
   4. Otherwise configure's prefix, with a warning, as CPython gives.

   The strings are computed once during start-up, before any thread
   exists, and never change or get freed afterwards, so reading them needs
   no lock. */
#include "Python.h"
#include "pycore_pathconfig.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef WEFT_PREFIX
#  define WEFT_PREFIX "/usr/local"
#endif

/* The library directory's name below PREFIX/lib. */
#define STDLIB_NAME "python" PY_LDVERSION

static _PyPathConfig path_config;
static int path_config_ready;

/* A new malloc'ed "a/b" (or "a/b/c" when c is not NULL); aborts start-up
   on exhaustion, since nothing can run without these paths. */
static char *join_path(const char *a, const char *b, const char *c)
{
    size_t size = strlen(a) + strlen(b) + (c ? strlen(c) + 1 : 0) + 2;
    char *joined = malloc(size);
    if (joined == NULL) {
        Py_FatalError("out of memory computing the interpreter's paths");
    }
    snprintf(joined, size, c ? "%s/%s/%s" : "%s/%s", a, b, c ? c : "");
    return joined;
}

static char *copy_string(const char *text, size_t length)
{
    char *copy = malloc(length + 1);
    if (copy == NULL) {
        Py_FatalError("out of memory computing the interpreter's paths");
    }
    memcpy(copy, text, length);
    copy[length] = '\0';
    return copy;
}

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Whether DIR holds the standard library (its landmark is os.py). */
static int holds_stdlib(const char *dir)
{
    char *landmark = join_path(dir, "os.py", NULL);
    int found = is_file(landmark);
    free(landmark);
    return found;
}

/* Drops the last path component in place ("/a/b" -> "/a", "/a" -> "/"). */
static void strip_last_component(char *path)
{
    char *slash = strrchr(path, '/');
    if (slash == NULL) {
        path[0] = '\0';
    }
    else {
        slash[slash == path ? 1 : 0] = '\0';
    }
}

static void set_prefixes(const char *prefix, const char *exec_prefix)
{
    path_config.prefix = prefix;
    path_config.exec_prefix = exec_prefix;
    path_config.stdlib_dir = join_path(prefix, "lib", STDLIB_NAME);
}

/* Rule 1: PYTHONHOME. */
static int from_home(const char *home)
{
    const char *text = home != NULL ? home : getenv("PYTHONHOME");
    if (text == NULL || *text == '\0') {
        return 0;
    }
    const char *colon = strchr(text, ':');
    char *prefix = copy_string(text, colon ? (size_t)(colon - text) : strlen(text));
    char *exec_prefix = colon ? copy_string(colon + 1, strlen(colon + 1))
                              : copy_string(prefix, strlen(prefix));
    set_prefixes(prefix, exec_prefix);
    return 1;
}

/* Rule 2: the executable lies under the build directory. */
static int from_build_tree(const char *executable)
{
#if defined(WEFT_BUILDDIR) && defined(WEFT_SRCDIR)
    char *build_dir = realpath(WEFT_BUILDDIR, NULL);
    size_t n = build_dir ? strlen(build_dir) : 0;
    int inside = build_dir != NULL && executable != NULL
                 && strncmp(executable, build_dir, n) == 0
                 && executable[n] == '/';
    free(build_dir);
    if (!inside) {
        return 0;
    }
    char *stdlib = join_path(WEFT_SRCDIR, "Lib", NULL);
    if (!holds_stdlib(stdlib)) {
        free(stdlib);
        return 0;
    }
    path_config.prefix = WEFT_PREFIX;
    path_config.exec_prefix = WEFT_PREFIX;
    path_config.stdlib_dir = stdlib;
    path_config.in_build_tree = 1;
    return 1;
#else
    (void)executable;
    return 0;
#endif
}

/* Rule 3: PREFIX/bin/<executable> beside PREFIX/lib/pythonX.Y[t]. */
static int from_installed_tree(const char *executable)
{
    if (executable == NULL) {
        return 0;
    }
    char *prefix = copy_string(executable, strlen(executable));
    strip_last_component(prefix);       /* PREFIX/bin */
    strip_last_component(prefix);       /* PREFIX */
    char *stdlib = join_path(prefix, "lib", STDLIB_NAME);
    if (!holds_stdlib(stdlib)) {
        free(stdlib);
        free(prefix);
        return 0;
    }
    path_config.prefix = prefix;
    path_config.exec_prefix = prefix;
    path_config.stdlib_dir = stdlib;
    return 1;
}

void _PyPathConfig_Init(const char *home)
{
    if (path_config_ready) {
        return;
    }
    path_config_ready = 1;
    if (from_home(home)) {
        return;
    }
    char *executable = realpath("/proc/self/exe", NULL);
    int found = from_build_tree(executable) || from_installed_tree(executable);
    free(executable);
    if (found) {
        return;
    }
    set_prefixes(WEFT_PREFIX, WEFT_PREFIX);
    if (!holds_stdlib(path_config.stdlib_dir)) {
        fprintf(stderr, "Could not find platform independent libraries <prefix>\n");
    }
}

const _PyPathConfig *_PyPathConfig_Get(void)
{
    if (!path_config_ready) {
        _PyPathConfig_Init(NULL);
    }
    return &path_config;
}
