/* Placeholder: being written in session 3. */
#include "Python.h"
