/* ./python: the interpreter's entry point.  Until the compiler lands
   (the language issue) it starts and stops the runtime and answers the
   informational options. */
#include "Python.h"

static void usage(FILE *out, const char *program)
{
    fprintf(out, "usage: %s [option] ...\n"
                 "-h     : print this help message and exit (also -? or --help)\n"
                 "-V     : print the Python version number and exit (also --version)\n",
            program);
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "-V") == 0 || strcmp(arg, "--version") == 0) {
            printf("Python %s\n", PY_VERSION);
            return 0;
        }
        if (strcmp(arg, "-h") == 0 || strcmp(arg, "-?") == 0
                || strcmp(arg, "--help") == 0) {
            usage(stdout, argv[0]);
            return 0;
        }
        fprintf(stderr, "Unknown option: %s\n", arg);
        usage(stderr, argv[0]);
        return 2;
    }
    Py_Initialize();
    return Py_FinalizeEx() < 0 ? 120 : 0;
}
