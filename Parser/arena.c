/* PyArena: the allocator behind an abstract syntax tree.

   A tree has many small nodes that all die together, so they are carved
   out of large blocks with a bump pointer and released in one go.  The
   arena also owns the objects the tree refers to (identifiers and
   constants), holding one reference to each in a growing array.

   Thread safety: an arena is used by one thread at a time (the one
   parsing or compiling); it has no shared state and takes no locks. */
#include "Python.h"
#include "pycore_ast.h"

/* Blocks are at least this large; a bigger request gets a block of its
   own size. */
#define BLOCK_SIZE (8 * 1024)
/* Every allocation is rounded up to this, which suits any node member
   (pointers, Py_ssize_t, int, double). */
#define ALIGNMENT 16

typedef struct block {
    struct block *next;
    size_t size;                /* usable bytes after the header */
    size_t used;
    /* data follows, aligned to ALIGNMENT */
} block;

struct _PyArena {
    block *head;                /* block being filled; older ones follow */
    PyObject **objects;         /* owned references */
    Py_ssize_t nobjects;
    Py_ssize_t objects_cap;
};

#define BLOCK_HEADER \
    ((sizeof(block) + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1))

static block *
block_new(size_t size, block *next)
{
    block *b = PyMem_Malloc(BLOCK_HEADER + size);
    if (b == NULL) {
        return NULL;
    }
    b->next = next;
    b->size = size;
    b->used = 0;
    return b;
}

PyArena *
_PyArena_New(void)
{
    PyArena *arena = PyMem_Malloc(sizeof(PyArena));
    if (arena == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    arena->head = block_new(BLOCK_SIZE, NULL);
    if (arena->head == NULL) {
        PyMem_Free(arena);
        PyErr_NoMemory();
        return NULL;
    }
    arena->objects = NULL;
    arena->nobjects = 0;
    arena->objects_cap = 0;
    return arena;
}

void
_PyArena_Free(PyArena *arena)
{
    if (arena == NULL) {
        return;
    }
    block *b = arena->head;
    while (b != NULL) {
        block *next = b->next;
        PyMem_Free(b);
        b = next;
    }
    /* Objects are released last-in first-out, so a container registered
       after its items (never the case today) would still be safe. */
    for (Py_ssize_t i = arena->nobjects - 1; i >= 0; i--) {
        Py_DECREF(arena->objects[i]);
    }
    PyMem_Free(arena->objects);
    PyMem_Free(arena);
}

void *
_PyArena_Malloc(PyArena *arena, size_t size)
{
    size = (size + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1);
    if (size == 0) {
        size = ALIGNMENT;
    }
    block *b = arena->head;
    if (b->size - b->used < size) {
        size_t want = size > BLOCK_SIZE ? size : BLOCK_SIZE;
        if (size > BLOCK_SIZE) {
            /* A big request gets its own block behind the current one, so
               the space left in the current block is not wasted. */
            block *big = block_new(want, b->next);
            if (big == NULL) {
                PyErr_NoMemory();
                return NULL;
            }
            b->next = big;
            big->used = size;
            return (char *)big + BLOCK_HEADER;
        }
        b = block_new(want, arena->head);
        if (b == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        arena->head = b;
    }
    void *p = (char *)b + BLOCK_HEADER + b->used;
    b->used += size;
    return p;
}

int
_PyArena_AddPyObject(PyArena *arena, PyObject *obj)
{
    if (arena->nobjects == arena->objects_cap) {
        Py_ssize_t cap = arena->objects_cap ? arena->objects_cap * 2 : 64;
        PyObject **objects = PyMem_Realloc(arena->objects,
                                           (size_t)cap * sizeof(PyObject *));
        if (objects == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        arena->objects = objects;
        arena->objects_cap = cap;
    }
    arena->objects[arena->nobjects++] = obj;
    return 0;
}
