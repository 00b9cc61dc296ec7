/* PyOS_snprintf and PyOS_vsnprintf: the C library's formatting with two
   guarantees it lacks on some platforms: the output is always
   NUL-terminated (when size > 0), and the return value is the C99 one
   (the length the full output would have had, or negative on error). */
#include "Python.h"

int PyOS_snprintf(char *str, size_t size, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int len = PyOS_vsnprintf(str, size, format, va);
    va_end(va);
    return len;
}

int PyOS_vsnprintf(char *str, size_t size, const char *format, va_list va)
{
    if (size == 0) {
        /* Nothing may be written, not even the terminator. */
        return vsnprintf(NULL, 0, format, va);
    }
    int len = vsnprintf(str, size, format, va);
    str[size - 1] = '\0';
    return len;
}
