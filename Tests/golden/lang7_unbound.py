# Definite assignment: only reads of locals that may be unbound are checked
# (LOAD_FAST_CHECK); the others are plain loads.  Checked behaviour too.
import dis

def checked(f):
    names = set()
    for ins in dis.get_instructions(f):
        if ins.opname == 'LOAD_FAST_CHECK':
            names.add(ins.argval)
    return sorted(names)

def straight(a):
    x = a[1]
    return x

def branch(a):
    if a:
        y = 1
    return y

def both_branches(a):
    if a:
        y = 1
    else:
        y = 2
    return y

def loop_var(n):
    for i in range(n):
        pass
    return i

def while_assign(n):
    while n:
        n -= 1
        w = n
    return w

def deleted(a):
    z = a
    del z
    return z

def deleted_param(a):
    del a
    a = 3
    return a

def param_maybe_deleted(a, b):
    if b:
        del a
    return a

def in_handler(f):
    try:
        v = 1
        f()
    except Exception:
        return v
    return v

def after_try(f):
    try:
        u = f()
    except Exception:
        u = None
    return u

def with_stmt(cm):
    with cm as c:
        pass
    return c

def comprehension_var(xs):
    k = 1
    r = [k for k in xs]
    return k, r

def loop_back_edge(n):
    for i in range(n):
        if i:
            print(late)
        late = i
    return late

def many_locals(a):
    v0 = v1 = v2 = v3 = v4 = v5 = v6 = v7 = v8 = v9 = 0
    w0 = w1 = w2 = w3 = w4 = w5 = w6 = w7 = w8 = w9 = 0
    x0 = x1 = x2 = x3 = x4 = x5 = x6 = x7 = x8 = x9 = 0
    y0 = y1 = y2 = y3 = y4 = y5 = y6 = y7 = y8 = y9 = 0
    z0 = z1 = z2 = z3 = z4 = z5 = z6 = z7 = z8 = z9 = 0
    q0 = q1 = q2 = q3 = q4 = q5 = q6 = q7 = q8 = q9 = 0
    if a:
        late1 = 1
    early = 2
    return early + late1 + q9 + v0

def match_capture(p):
    match p:
        case [m]:
            pass
        case _:
            pass
    return m

def restored_after_comprehension(xs, c):
    if c:
        k = 1
    r = [k for k in xs]
    return k

def walrus(xs):
    if any((hit := x) > 1 for x in xs):
        return hit
    return 0

def gen_throw():
    try:
        yield 1
        g = 2
    except ValueError:
        return g
    yield g

for f in (straight, branch, both_branches, loop_var, while_assign, deleted,
          deleted_param, param_maybe_deleted, in_handler, after_try,
          with_stmt, comprehension_var, loop_back_edge, many_locals,
          match_capture, restored_after_comprehension, walrus, gen_throw):
    print(f.__name__, checked(f))

def run(f, *args):
    try:
        print(f.__name__, 'returned', f(*args))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)

run(straight, [0, 5])
run(branch, 0)
run(branch, 1)
run(loop_var, 0)
run(loop_var, 3)
run(while_assign, 0)
run(deleted, 1)
run(deleted_param, 1)
run(param_maybe_deleted, 1, 1)
run(param_maybe_deleted, 1, 0)
run(in_handler, lambda: 1 / 0)
run(after_try, lambda: 1 / 0)
run(comprehension_var, [5, 6])
run(loop_back_edge, 1)
run(loop_back_edge, 2)
run(many_locals, 0)
run(many_locals, 1)
run(match_capture, [9])
run(match_capture, 9)
run(restored_after_comprehension, [7], 1)
run(restored_after_comprehension, [7], 0)
run(walrus, [0, 5])
g = gen_throw()
next(g)
try:
    g.throw(ValueError)
except Exception as e:
    print('gen_throw', type(e).__name__, e)
