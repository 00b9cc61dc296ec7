# Tuple building and unpacking fast paths: `a, b = b, a` without a tuple,
# UNPACK_EX on exact lists and tuples, LIST_APPEND in comprehensions,
# and their misses (subclasses, iterators, wrong lengths, tracing).
import sys

def rotate(n):
    a, b, c, d = 1, 2, 3, 4
    for _ in range(n):
        a, b = b, a
        a, b, c = c, a, b
        a, b, c, d = b, c, d, a
    return a, b, c, d

for n in (0, 1, 2, 3, 7, 50, 51):
    print(n, rotate(n))

def many():
    v = tuple(range(300))
    (x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14, x15, x16,
     x17, x18, x19, x20, x21, x22, x23, x24, x25, x26, x27, x28, x29) = (
        v[29], v[28], v[27], v[26], v[25], v[24], v[23], v[22], v[21], v[20],
        v[19], v[18], v[17], v[16], v[15], v[14], v[13], v[12], v[11], v[10],
        v[9], v[8], v[7], v[6], v[5], v[4], v[3], v[2], v[1], v[0])
    return x0, x15, x29

print(many())

def traced_swap():
    a, b = 1, 2
    a, b = b, a
    return a, b

events = []
def tracer(frame, event, arg):
    if frame.f_code.co_name == "traced_swap":
        frame.f_trace_opcodes = True
        events.append(event)
    return tracer

sys.settrace(tracer)
r = traced_swap()
sys.settrace(None)
print(r, events.count("line"), events.count("opcode") > 8, events[0], events[-1])

class L(list):
    def __iter__(self):
        print("  L.__iter__")
        return iter(list(list.__iter__(self))[::-1])

class T(tuple):
    def __iter__(self):
        print("  T.__iter__")
        return iter((9, 8, 7))

def starred(seq):
    first, *middle, last = seq
    return first, middle, last

for seq in ([1, 2], [1, 2, 3, 4], (5, 6, 7), L([1, 2, 3]), T((1, 2, 3)),
            range(4), "abcd", iter([3, 4, 5])):
    print(type(seq).__name__, starred(seq))

def head_tail(seq):
    *init, a, b = seq
    x, y, *rest = seq
    return init, a, b, x, y, rest

print(head_tail([1, 2, 3, 4, 5]))
print(head_tail((1, 2)))
for bad in ([1], (), [1, 2, 3][:1], 5):
    try:
        starred(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    x, y, *z = (1,)
except ValueError as e:
    print("ValueError:", e)

# the middle list is new each time and the source is unchanged
src = [1, 2, 3, 4]
for _ in range(3):
    a, *m, b = src
    m.append("x")
print(src, m)

# comprehensions append to their own list
print([i * i for i in range(10) if i % 3])
print([[j for j in range(i)] for i in range(4)])
print([x for x in "ab" for _ in range(2)])
big = [i for i in range(1000)]
print(len(big), big[-1], sum(big))
print([*range(3), 7, *"ab"])
