# _pickle: the public surface of the accelerator: where the names come
# from, uninitialized objects, memo assignment, fast mode.
import io
import pickle

print(pickle.Pickler.__module__, pickle.Unpickler.__module__,
      pickle.PickleError.__module__, pickle.dumps.__module__)
print(pickle.PicklingError.__mro__[1].__name__,
      pickle.UnpicklingError.__mro__[1].__name__)
print(pickle._Pickler.__module__, pickle._Unpickler.__name__,
      pickle._dumps is not pickle.dumps, pickle._loads is not pickle.loads)
print(pickle.HIGHEST_PROTOCOL)


class NoInitPickler(pickle.Pickler):
    def __init__(self):
        pass


class NoInitUnpickler(pickle.Unpickler):
    def __init__(self):
        pass


try:
    NoInitPickler().dump(1)
except pickle.PicklingError as e:
    print('PicklingError', e)
try:
    NoInitUnpickler().load()
except pickle.UnpicklingError as e:
    print('UnpicklingError', e)

# Memo assignment: a dict of {id: (index, obj)}, or another pickler's memo.
shared = ['shared']
f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.memo = {id(shared): (7, shared)}
p.dump([shared])
print('memo-set', f.getvalue())
q = pickle.Pickler(io.BytesIO(), 2)
q.memo = p.memo
print('memo-copy', sorted(v[0] for v in q.memo.copy().values()))
try:
    p.memo = 42
except TypeError:
    print('memo TypeError')

u = pickle.Unpickler(io.BytesIO(pickle.dumps(['x', 'y'], 2)))
u.load()
u2 = pickle.Unpickler(io.BytesIO(b''))
u2.memo = u.memo
print('umemo-copy', sorted(u2.memo.copy().items()))
print('umemo-reduce', u.memo.__reduce__()[0] is dict)

# Fast mode: no memo, so shared objects are written twice.
f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.fast = 1
p.dump([shared, shared])
print('fast', p.fast, f.getvalue())
cycle = []
cycle.append(cycle)
for proto in (0, 2, 4):
    p = pickle.Pickler(io.BytesIO(), proto)
    p.fast = True
    try:
        p.dump(cycle)
    except ValueError as e:
        print('fast-cycle', proto, str(e).split(' at ')[0])

# A reused Pickler keeps its memo between dumps; clear_memo() resets it.
f = io.BytesIO()
p = pickle.Pickler(f, 3)
p.dump(shared)
p.dump(shared)
p.clear_memo()
p.dump(shared)
print('reuse', f.getvalue())

# An Unpickler object loads consecutive pickles from one file.
f = io.BytesIO(pickle.dumps('a', 1) + pickle.dumps(['b'], 4))
u = pickle.Unpickler(f)
print('consecutive', u.load(), u.load())

# find_class: direct calls and the fix_imports mapping.
u = pickle.Unpickler(io.BytesIO(b''))
print('find_class', u.find_class('builtins', 'len') is len)
print('find_class-dotted', pickle.loads(
    b'\x80\x04\x8c\x08builtins\x8c\x0cint.to_bytes\x93.') is int.to_bytes)
print('compat', pickle.loads(b'\x80\x02c__builtin__\nunicode\n.'),
      pickle.loads(b'\x80\x02cUserDict\nUserDict\n.').__name__)
print('compat-off', pickle.dumps(str, 2, fix_imports=False)[2:17])
