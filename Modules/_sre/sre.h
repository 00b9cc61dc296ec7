/* Placeholder: being written in session 3. */
#ifndef WEFT_SRE_H
#define WEFT_SRE_H
#endif
