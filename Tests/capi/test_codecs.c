/* C-API tests for the codec registry (Python/codecs.c); being written (session 2). */
#include "testlib.h"

void suite_codecs(void)
{
}
