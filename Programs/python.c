/* ./python: the interpreter's entry point. */
#include "Python.h"

int main(int argc, char **argv)
{
    return Py_BytesMain(argc, argv);
}
