/* Persistent hash array mapped trie: the immutable mapping behind
   contextvars.Context (Include/internal/pycore_hamt.h).

   Shape.  A key's hash is folded to 32 bits and consumed five bits per
   level from the low end: levels 0..6 (shifts 0, 5, ..., 30) are bitmap
   nodes with up to 32 branches; a branch holds either a key/value pair or
   a child node.  Seven levels consume all 32 bits, so every key that
   reaches level 7 has exactly the same 32-bit hash: that level is a
   collision node, a plain list of pairs searched linearly.

   Each node stores its entries as consecutive slot pairs: (key, value)
   for a leaf, (NULL, child) for a sub-node.  In a bitmap node the pair
   for branch b sits at position popcount(bitmap & (b - 1)).

   Immutability.  Nodes and maps are never written after construction
   (the only writes happen before they are returned), so a map may be
   read by any number of threads with no lock in either build, and an
   update shares every node off the changed path.  Iterators are the one
   mutable object here: their cursor moves under the iterator's critical
   section. */
#include "Python.h"
#include "pycore_hamt.h"

#define HAMT_BITS 5
#define HAMT_MAX_SHIFT 32           /* shift at which collision nodes start */
#define HAMT_MAX_DEPTH 8            /* 7 bitmap levels + 1 collision level */

struct _PyHamtNode {
    PyObject_VAR_HEAD               /* ob_size: number of slots (2 per entry) */
    uint32_t n_bitmap;              /* bitmap node: branches present */
    uint32_t n_hash;                /* collision node: the shared hash */
    int n_collision;
    PyObject *n_slots[1];           /* strong (or NULL for a child marker) */
};

typedef _PyHamtNode Node;

#define NODE_SLOTS(node) Py_SIZE(node)

/* ---- hashing and bit arithmetic ---------------------------------- */

/* Folds the key's hash to the 32 bits the trie indexes. */
static int key_hash(PyObject *key, uint32_t *out)
{
    Py_hash_t h = PyObject_Hash(key);
    if (h == -1) {
        return -1;
    }
    uint64_t wide = (uint64_t)h;
    *out = (uint32_t)wide ^ (uint32_t)(wide >> 32);
    return 0;
}

static inline uint32_t branch_bit(uint32_t hash, uint32_t shift)
{
    return (uint32_t)1 << ((hash >> shift) & 0x1f);
}

/* Slot index of the pair for bit in a bitmap node. */
static inline Py_ssize_t pair_slot(uint32_t bitmap, uint32_t bit)
{
    return 2 * (Py_ssize_t)__builtin_popcount(bitmap & (bit - 1));
}

/* ---- node construction ------------------------------------------ */

/* An untracked node with nslots NULL slots; the caller fills it and then
   calls node_done. */
static Node *node_alloc(int collision, Py_ssize_t nslots)
{
    Node *node = PyObject_GC_NewVar(Node, &_PyHamtNode_Type, nslots);
    if (node == NULL) {
        return NULL;
    }
    node->n_bitmap = 0;
    node->n_hash = 0;
    node->n_collision = collision;
    for (Py_ssize_t i = 0; i < nslots; i++) {
        node->n_slots[i] = NULL;
    }
    return node;
}

static Node *node_done(Node *node)
{
    PyObject_GC_Track(node);
    return node;
}

/* A copy of node (same bitmap and hash) with every slot incref'd. */
static Node *node_copy(Node *node)
{
    Node *copy = node_alloc(node->n_collision, NODE_SLOTS(node));
    if (copy == NULL) {
        return NULL;
    }
    copy->n_bitmap = node->n_bitmap;
    copy->n_hash = node->n_hash;
    for (Py_ssize_t i = 0; i < NODE_SLOTS(node); i++) {
        copy->n_slots[i] = Py_XNewRef(node->n_slots[i]);
    }
    return copy;
}

/* node with the pair at slot i replaced by (key, value); both borrowed,
   key may be NULL (child marker). */
static Node *node_with_pair(Node *node, Py_ssize_t i, PyObject *key,
                            PyObject *value)
{
    Node *copy = node_copy(node);
    if (copy == NULL) {
        return NULL;
    }
    Py_XSETREF(copy->n_slots[i], Py_XNewRef(key));
    Py_SETREF(copy->n_slots[i + 1], Py_NewRef(value));
    return node_done(copy);
}

/* node with a new pair inserted at slot i (borrowed references); bit is
   the new branch for a bitmap node, 0 for a collision node. */
static Node *node_with_insert(Node *node, uint32_t bit, Py_ssize_t i,
                              PyObject *key, PyObject *value)
{
    Py_ssize_t n = NODE_SLOTS(node);
    Node *copy = node_alloc(node->n_collision, n + 2);
    if (copy == NULL) {
        return NULL;
    }
    copy->n_bitmap = node->n_bitmap | bit;
    copy->n_hash = node->n_hash;
    for (Py_ssize_t j = 0; j < i; j++) {
        copy->n_slots[j] = Py_XNewRef(node->n_slots[j]);
    }
    copy->n_slots[i] = Py_XNewRef(key);
    copy->n_slots[i + 1] = Py_NewRef(value);
    for (Py_ssize_t j = i; j < n; j++) {
        copy->n_slots[j + 2] = Py_XNewRef(node->n_slots[j]);
    }
    return node_done(copy);
}

/* node without the pair at slot i (bit as for node_with_insert), or NULL
   with no exception when that was its only pair.  *err is set on
   failure. */
static Node *node_with_remove(Node *node, uint32_t bit, Py_ssize_t i,
                              int *err)
{
    Py_ssize_t n = NODE_SLOTS(node);
    if (n == 2) {
        return NULL;
    }
    Node *copy = node_alloc(node->n_collision, n - 2);
    if (copy == NULL) {
        *err = 1;
        return NULL;
    }
    copy->n_bitmap = node->n_bitmap & ~bit;
    copy->n_hash = node->n_hash;
    for (Py_ssize_t j = 0, k = 0; j < n; j++) {
        if (j != i && j != i + 1) {
            copy->n_slots[k++] = Py_XNewRef(node->n_slots[j]);
        }
    }
    return node_done(copy);
}

/* The smallest subtree, rooted at shift, holding two distinct keys
   (borrowed references). */
static Node *node_of_two(uint32_t shift, uint32_t h1, PyObject *k1,
                         PyObject *v1, uint32_t h2, PyObject *k2,
                         PyObject *v2)
{
    if (shift >= HAMT_MAX_SHIFT) {
        Node *node = node_alloc(1, 4);
        if (node == NULL) {
            return NULL;
        }
        node->n_hash = h1;
        node->n_slots[0] = Py_NewRef(k1);
        node->n_slots[1] = Py_NewRef(v1);
        node->n_slots[2] = Py_NewRef(k2);
        node->n_slots[3] = Py_NewRef(v2);
        return node_done(node);
    }
    uint32_t b1 = branch_bit(h1, shift), b2 = branch_bit(h2, shift);
    if (b1 == b2) {
        Node *child = node_of_two(shift + HAMT_BITS, h1, k1, v1, h2, k2, v2);
        if (child == NULL) {
            return NULL;
        }
        Node *node = node_alloc(0, 2);
        if (node == NULL) {
            Py_DECREF(child);
            return NULL;
        }
        node->n_bitmap = b1;
        node->n_slots[1] = (PyObject *)child;   /* reference moves in */
        return node_done(node);
    }
    Node *node = node_alloc(0, 4);
    if (node == NULL) {
        return NULL;
    }
    node->n_bitmap = b1 | b2;
    int first = b1 < b2 ? 0 : 2;
    node->n_slots[first] = Py_NewRef(k1);
    node->n_slots[first + 1] = Py_NewRef(v1);
    node->n_slots[2 - first] = Py_NewRef(k2);
    node->n_slots[3 - first] = Py_NewRef(v2);
    return node_done(node);
}

/* ---- lookup ------------------------------------------------------ */

/* Slot of key in a collision node, -1 when absent, -2 on error. */
static Py_ssize_t collision_index(Node *node, PyObject *key)
{
    for (Py_ssize_t i = 0; i < NODE_SLOTS(node); i += 2) {
        int eq = PyObject_RichCompareBool(node->n_slots[i], key, Py_EQ);
        if (eq < 0) {
            return -2;
        }
        if (eq) {
            return i;
        }
    }
    return -1;
}

/* The caller holds a reference to the map, which keeps every node (and
   so every key being compared) alive even if a comparison runs code. */
static int node_find(Node *node, uint32_t shift, uint32_t hash,
                     PyObject *key, PyObject **value)
{
    for (;;) {
        if (node->n_collision) {
            Py_ssize_t i = collision_index(node, key);
            if (i < 0) {
                return i == -1 ? 0 : -1;
            }
            *value = Py_NewRef(node->n_slots[i + 1]);
            return 1;
        }
        uint32_t bit = branch_bit(hash, shift);
        if ((node->n_bitmap & bit) == 0) {
            return 0;
        }
        Py_ssize_t i = pair_slot(node->n_bitmap, bit);
        PyObject *k = node->n_slots[i];
        if (k == NULL) {
            node = (Node *)node->n_slots[i + 1];
            shift += HAMT_BITS;
            continue;
        }
        int eq = PyObject_RichCompareBool(k, key, Py_EQ);
        if (eq <= 0) {
            return eq;
        }
        *value = Py_NewRef(node->n_slots[i + 1]);
        return 1;
    }
}

/* ---- insertion --------------------------------------------------- */

static Node *collision_assoc(Node *node, PyObject *key, PyObject *value,
                             int *added)
{
    Py_ssize_t i = collision_index(node, key);
    if (i == -2) {
        return NULL;
    }
    if (i == -1) {
        *added = 1;
        return node_with_insert(node, 0, NODE_SLOTS(node), key, value);
    }
    if (node->n_slots[i + 1] == value) {
        return (Node *)Py_NewRef(node);
    }
    return node_with_pair(node, i, node->n_slots[i], value);
}

/* A new reference to node with key bound to value (node itself when the
   binding already holds); *added is set when the key is new. */
static Node *node_assoc(Node *node, uint32_t shift, uint32_t hash,
                        PyObject *key, PyObject *value, int *added)
{
    if (node->n_collision) {
        return collision_assoc(node, key, value, added);
    }
    uint32_t bit = branch_bit(hash, shift);
    Py_ssize_t i = pair_slot(node->n_bitmap, bit);
    if ((node->n_bitmap & bit) == 0) {
        *added = 1;
        return node_with_insert(node, bit, i, key, value);
    }
    PyObject *k = node->n_slots[i];
    PyObject *v = node->n_slots[i + 1];
    if (k == NULL) {
        Node *child = node_assoc((Node *)v, shift + HAMT_BITS, hash, key,
                                 value, added);
        if (child == NULL || child == (Node *)v) {
            Py_XDECREF(child);
            return child == NULL ? NULL : (Node *)Py_NewRef(node);
        }
        Node *result = node_with_pair(node, i, NULL, (PyObject *)child);
        Py_DECREF(child);
        return result;
    }
    int eq = PyObject_RichCompareBool(k, key, Py_EQ);
    if (eq < 0) {
        return NULL;
    }
    if (eq) {
        return v == value ? (Node *)Py_NewRef(node)
                          : node_with_pair(node, i, k, value);
    }
    uint32_t khash;
    if (key_hash(k, &khash) < 0) {
        return NULL;
    }
    Node *split = node_of_two(shift + HAMT_BITS, khash, k, v, hash, key,
                              value);
    if (split == NULL) {
        return NULL;
    }
    *added = 1;
    Node *result = node_with_pair(node, i, NULL, (PyObject *)split);
    Py_DECREF(split);
    return result;
}

/* ---- removal ----------------------------------------------------- */

enum { W_ERROR = -1, W_ABSENT = 0, W_REMOVED = 1 };

/* A single-leaf node left after a removal folds into its parent's
   branch, which keeps the trie from growing chains of one-pair nodes. */
static int is_single_leaf(Node *node)
{
    return NODE_SLOTS(node) == 2 && node->n_slots[0] != NULL;
}

static int node_without(Node *node, uint32_t shift, uint32_t hash,
                        PyObject *key, Node **out)
{
    int err = 0;
    if (node->n_collision) {
        Py_ssize_t i = collision_index(node, key);
        if (i < 0) {
            return i == -1 ? W_ABSENT : W_ERROR;
        }
        *out = node_with_remove(node, 0, i, &err);
        return err ? W_ERROR : W_REMOVED;
    }
    uint32_t bit = branch_bit(hash, shift);
    if ((node->n_bitmap & bit) == 0) {
        return W_ABSENT;
    }
    Py_ssize_t i = pair_slot(node->n_bitmap, bit);
    PyObject *k = node->n_slots[i];
    if (k != NULL) {
        int eq = PyObject_RichCompareBool(k, key, Py_EQ);
        if (eq <= 0) {
            return eq < 0 ? W_ERROR : W_ABSENT;
        }
        *out = node_with_remove(node, bit, i, &err);
        return err ? W_ERROR : W_REMOVED;
    }
    Node *child = NULL;
    int status = node_without((Node *)node->n_slots[i + 1],
                              shift + HAMT_BITS, hash, key, &child);
    if (status != W_REMOVED) {
        return status;
    }
    if (child == NULL) {
        *out = node_with_remove(node, bit, i, &err);
    }
    else if (is_single_leaf(child)) {
        *out = node_with_pair(node, i, child->n_slots[0], child->n_slots[1]);
        err = *out == NULL;
    }
    else {
        *out = node_with_pair(node, i, NULL, (PyObject *)child);
        err = *out == NULL;
    }
    Py_XDECREF(child);
    return err ? W_ERROR : W_REMOVED;
}

/* ---- the node type ----------------------------------------------- */

static void node_dealloc(PyObject *op)
{
    Node *node = (Node *)op;
    PyObject_GC_UnTrack(op);
    for (Py_ssize_t i = 0; i < NODE_SLOTS(node); i++) {
        Py_XDECREF(node->n_slots[i]);
    }
    PyObject_GC_Del(op);
}

static int node_traverse(PyObject *op, visitproc visit, void *arg)
{
    Node *node = (Node *)op;
    for (Py_ssize_t i = 0; i < NODE_SLOTS(node); i++) {
        Py_VISIT(node->n_slots[i]);
    }
    return 0;
}

PyTypeObject _PyHamtNode_Type = {
    .ob_base = { .ob_base = _PyObject_HEAD_INIT(&PyType_Type), .ob_size = 0 },
    .tp_name = "hamt_node",
    .tp_basicsize = offsetof(Node, n_slots),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = node_dealloc,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = node_traverse,
    .tp_free = PyObject_GC_Del,
};

/* ---- maps -------------------------------------------------------- */

/* Takes ownership of root (may be NULL). */
static PyHamtObject *map_from_root(Node *root, Py_ssize_t count)
{
    PyHamtObject *map = PyObject_GC_New(PyHamtObject, &_PyHamt_Type);
    if (map == NULL) {
        Py_XDECREF(root);
        return NULL;
    }
    map->h_root = root;
    map->h_count = count;
    PyObject_GC_Track(map);
    return map;
}

PyHamtObject *_PyHamt_New(void)
{
    return map_from_root(NULL, 0);
}

int _PyHamt_Find(PyHamtObject *map, PyObject *key, PyObject **value)
{
    uint32_t hash;
    if (key_hash(key, &hash) < 0) {
        return -1;
    }
    if (map->h_root == NULL) {
        return 0;
    }
    return node_find(map->h_root, 0, hash, key, value);
}

PyHamtObject *_PyHamt_Assoc(PyHamtObject *map, PyObject *key,
                            PyObject *value)
{
    uint32_t hash;
    if (key_hash(key, &hash) < 0) {
        return NULL;
    }
    if (map->h_root == NULL) {
        Node *root = node_alloc(0, 2);
        if (root == NULL) {
            return NULL;
        }
        root->n_bitmap = branch_bit(hash, 0);
        root->n_slots[0] = Py_NewRef(key);
        root->n_slots[1] = Py_NewRef(value);
        return map_from_root(node_done(root), 1);
    }
    int added = 0;
    Node *root = node_assoc(map->h_root, 0, hash, key, value, &added);
    if (root == NULL) {
        return NULL;
    }
    if (root == map->h_root) {
        Py_DECREF(root);
        return (PyHamtObject *)Py_NewRef(map);
    }
    return map_from_root(root, map->h_count + added);
}

PyHamtObject *_PyHamt_Without(PyHamtObject *map, PyObject *key)
{
    uint32_t hash;
    if (key_hash(key, &hash) < 0) {
        return NULL;
    }
    if (map->h_root == NULL) {
        return (PyHamtObject *)Py_NewRef(map);
    }
    Node *root = NULL;
    switch (node_without(map->h_root, 0, hash, key, &root)) {
    case W_ERROR:
        return NULL;
    case W_ABSENT:
        return (PyHamtObject *)Py_NewRef(map);
    default:
        return map_from_root(root, map->h_count - 1);
    }
}

/* ---- walking ----------------------------------------------------- */

/* A depth-first cursor over a map's pairs.  Borrowed node pointers: the
   owner of the walk keeps the map alive. */
typedef struct {
    int level;                      /* -1 when exhausted */
    Node *nodes[HAMT_MAX_DEPTH];
    Py_ssize_t pos[HAMT_MAX_DEPTH];
} Walk;

static void walk_init(Walk *walk, PyHamtObject *map)
{
    walk->level = map->h_root == NULL ? -1 : 0;
    walk->nodes[0] = map->h_root;
    walk->pos[0] = 0;
}

/* Next pair as borrowed references; 0 when the walk is over. */
static int walk_next(Walk *walk, PyObject **key, PyObject **value)
{
    while (walk->level >= 0) {
        int level = walk->level;
        Node *node = walk->nodes[level];
        Py_ssize_t pos = walk->pos[level];
        if (pos >= NODE_SLOTS(node)) {
            walk->level--;
            continue;
        }
        walk->pos[level] = pos + 2;
        PyObject *k = node->n_slots[pos];
        if (k == NULL) {
            walk->level = level + 1;
            walk->nodes[level + 1] = (Node *)node->n_slots[pos + 1];
            walk->pos[level + 1] = 0;
            continue;
        }
        *key = k;
        *value = node->n_slots[pos + 1];
        return 1;
    }
    return 0;
}

int _PyHamt_Eq(PyHamtObject *a, PyHamtObject *b)
{
    if (a == b) {
        return 1;
    }
    if (a->h_count != b->h_count) {
        return 0;
    }
    Walk walk;
    PyObject *key, *value;
    walk_init(&walk, a);
    /* a and b are held by the caller, so the walk's borrowed nodes stay
       valid while comparisons run Python code. */
    while (walk_next(&walk, &key, &value)) {
        PyObject *other = NULL;
        int found = _PyHamt_Find(b, key, &other);
        if (found <= 0) {
            return found;
        }
        int eq = PyObject_RichCompareBool(value, other, Py_EQ);
        Py_DECREF(other);
        if (eq <= 0) {
            return eq;
        }
    }
    return 1;
}

/* ---- the map type ------------------------------------------------ */

static void map_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_XDECREF(((PyHamtObject *)op)->h_root);
    PyObject_GC_Del(op);
}

static int map_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((PyHamtObject *)op)->h_root);
    return 0;
}

PyTypeObject _PyHamt_Type = {
    .ob_base = { .ob_base = _PyObject_HEAD_INIT(&PyType_Type), .ob_size = 0 },
    .tp_name = "hamt",
    .tp_basicsize = sizeof(PyHamtObject),
    .tp_dealloc = map_dealloc,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = map_traverse,
    .tp_free = PyObject_GC_Del,
};

/* ---- iterators --------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyHamtObject *it_map;           /* strong: keeps the walked nodes alive */
    _PyHamtIterKind it_kind;
    Walk it_walk;                   /* under the iterator's critical section */
} HamtIter;

PyObject *_PyHamt_NewIterator(PyHamtObject *map, _PyHamtIterKind kind)
{
    HamtIter *it = PyObject_GC_New(HamtIter, &_PyHamtIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->it_map = (PyHamtObject *)Py_NewRef(map);
    it->it_kind = kind;
    walk_init(&it->it_walk, map);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

/* Concurrent next() calls on one iterator serialise on its critical
   section; the map itself needs no lock. */
static PyObject *iter_next(PyObject *op)
{
    HamtIter *it = (HamtIter *)op;
    PyObject *key = NULL, *value = NULL;
    int more;
    Py_BEGIN_CRITICAL_SECTION(op);
    more = walk_next(&it->it_walk, &key, &value);
    if (more) {
        Py_INCREF(key);
        Py_INCREF(value);
    }
    Py_END_CRITICAL_SECTION();
    if (!more) {
        return NULL;
    }
    switch (it->it_kind) {
    case _PyHamt_ITER_KEYS:
        Py_DECREF(value);
        return key;
    case _PyHamt_ITER_VALUES:
        Py_DECREF(key);
        return value;
    default: {
        PyObject *pair = PyTuple_Pack(2, key, value);
        Py_DECREF(key);
        Py_DECREF(value);
        return pair;
    }
    }
}

static void iter_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_XDECREF(((HamtIter *)op)->it_map);
    PyObject_GC_Del(op);
}

static int iter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((HamtIter *)op)->it_map);
    return 0;
}

PyTypeObject _PyHamtIter_Type = {
    .ob_base = { .ob_base = _PyObject_HEAD_INIT(&PyType_Type), .ob_size = 0 },
    .tp_name = "hamt_iterator",
    .tp_basicsize = sizeof(HamtIter),
    .tp_dealloc = iter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = iter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = iter_next,
    .tp_free = PyObject_GC_Del,
};

/* ---- views ------------------------------------------------------- */

/* Immutable: the map and the kind are fixed at creation. */
typedef struct {
    PyObject_HEAD
    PyHamtObject *v_map;            /* strong */
    _PyHamtIterKind v_kind;
} HamtView;

PyObject *_PyHamt_NewView(PyHamtObject *map, _PyHamtIterKind kind)
{
    PyTypeObject *type = kind == _PyHamt_ITER_KEYS ? &_PyHamtKeys_Type
                       : kind == _PyHamt_ITER_VALUES ? &_PyHamtValues_Type
                       : &_PyHamtItems_Type;
    HamtView *view = PyObject_GC_New(HamtView, type);
    if (view == NULL) {
        return NULL;
    }
    view->v_map = (PyHamtObject *)Py_NewRef(map);
    view->v_kind = kind;
    PyObject_GC_Track(view);
    return (PyObject *)view;
}

static PyObject *view_iter(PyObject *op)
{
    HamtView *view = (HamtView *)op;
    return _PyHamt_NewIterator(view->v_map, view->v_kind);
}

static Py_ssize_t view_len(PyObject *op)
{
    return ((HamtView *)op)->v_map->h_count;
}

static void view_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_XDECREF(((HamtView *)op)->v_map);
    PyObject_GC_Del(op);
}

static int view_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((HamtView *)op)->v_map);
    return 0;
}

static PySequenceMethods view_as_sequence = {
    .sq_length = view_len,
};

/* One view type per kind, named as CPython names them ("keys",
   "values", "items"); they share every slot. */
#define HAMT_VIEW_TYPE(cname, pyname)                                      \
    PyTypeObject cname = {                                                \
        .ob_base = { .ob_base = _PyObject_HEAD_INIT(&PyType_Type),        \
                     .ob_size = 0 },                                      \
        .tp_name = pyname,                                                \
        .tp_basicsize = sizeof(HamtView),                                 \
        .tp_dealloc = view_dealloc,                                       \
        .tp_as_sequence = &view_as_sequence,                              \
        .tp_getattro = PyObject_GenericGetAttr,                           \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,              \
        .tp_traverse = view_traverse,                                     \
        .tp_iter = view_iter,                                             \
        .tp_free = PyObject_GC_Del,                                       \
    };

HAMT_VIEW_TYPE(_PyHamtKeys_Type, "keys")
HAMT_VIEW_TYPE(_PyHamtValues_Type, "values")
HAMT_VIEW_TYPE(_PyHamtItems_Type, "items")
