/* C-API tests for marshal (Python/marshal.c); being written (session 2). */
#include "testlib.h"

void suite_marshal(void)
{
}
