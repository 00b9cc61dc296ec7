# _pickle: malformed and truncated pickles raise clear exceptions (never a
# crash), and unpicklable objects raise PicklingError.
import io
import pickle


def attempt(label, data, message=True):
    try:
        result = pickle.loads(data)
    except Exception as e:
        print(label, type(e).__name__, e if message else '')
    else:
        print(label, 'ok', repr(result))


attempt('empty', b'')
attempt('badkey', b'x')
attempt('badkey-hex', b'\xff')
attempt('badkey-nul', b'\x00')
attempt('nomark', b'l.')
attempt('nomark-tuple', b't.')
attempt('underflow-stop', b'.')
attempt('underflow-append', b']a.')
attempt('underflow-mark', b'(a.')
attempt('underflow-tuple2', b'K\x01\x86.')
attempt('truncated-binint', b'J\x01\x02')
attempt('truncated-bytes', b'C\x05abc')
attempt('truncated-unicode', b'X\x10\x00\x00\x00abc')
attempt('truncated-line', b'I12')
attempt('truncated-frame', b'\x80\x04\x95\x20\x00\x00\x00\x00\x00\x00\x00K\x01.')
attempt('no-stop', b'K\x01')
attempt('proto', b'\x80\x09.')
attempt('memo-missing', b'h\x05.')
attempt('memo-missing-long', b'j\x05\x00\x00\x00.')
attempt('long-neg', b'\x8b\xff\xff\xff\xff.')
attempt('binstring-neg', b'T\xff\xff\xff\xff.', False)
attempt('string-unquoted', b'Sabc\n.')
attempt('stack-global', b'K\x01K\x02\x93.')
attempt('odd-dict', b'(K\x01d.')
attempt('odd-setitems', b'}(K\x01u.')
attempt('newobj-class', b'K\x01)\x81.')
attempt('ext-zero', b'\x82\x00.')
attempt('ext-unregistered', b'\x82\x7f.')
attempt('reduce-args', b'cbuiltins\nlen\nK\x01R.')
attempt('int-bad', b'Iabc\n.', False)
attempt('float-bad', b'Fx\n.', False)
attempt('pop-empty', b'0.')
attempt('popmark-empty', b'1.')
attempt('dup-empty', b'2.')
attempt('build-empty', b'b.')
attempt('global-missing', b'cbuiltins\nno_such_name\n.', False)
attempt('module-missing', b'cno_such_module_xyz\nname\n.')
attempt('ok-int', b'I42\n.')
attempt('ok-bool', b'I01\n.')
attempt('ok-long', b'L123456789012345678901234567890L\n.')
attempt('ok-float', b'F1.25\n.')
attempt('ok-string', b"S'a\\nb'\n.")
attempt('ok-unicode', b'V\\u20ac\n.')
attempt('ok-inst', b'(ibuiltins\nlist\n.')
attempt('ok-obj', b'(cbuiltins\ndict\no.')
attempt('ok-dict', b'(S\'k\'\nI1\nd.')
attempt('ok-popmark', b'K\x01(K\x02K\x031.')
attempt('ok-dup', b'K\x072\x86.')
attempt('ok-pop', b'K\x01K\x020.')
attempt('ok-put-get', b'(lp3\ng3\na.')
attempt('ok-long-put', b']r\x00\x01\x00\x00j\x00\x01\x00\x00\x86.')
attempt('ok-newobj-ex', b'\x80\x04cbuiltins\nlist\n)}\x92.')
attempt('ok-trailing', b'K\x01.garbage')

# Truncating a real pickle at every point never crashes.
blob = pickle.dumps({'a': [1, 2.5, 'x' * 10, b'y', (None, True)],
                     'b': {3, 4}, 'c': frozenset([5])}, 4)
kinds = set()
for cut in range(len(blob)):
    try:
        pickle.loads(blob[:cut])
    except Exception as e:
        kinds.add(type(e).__name__)
print('cuts', sorted(kinds))
# Random byte flips never crash either.
import random
rng = random.Random(1234)
for i in range(300):
    data = bytearray(blob)
    for j in range(3):
        data[rng.randrange(len(data))] = rng.randrange(256)
    try:
        pickle.loads(bytes(data))
    except Exception:
        pass
print('flips done')

# The same through a file.
try:
    pickle.load(io.BytesIO(b''))
except EOFError as e:
    print('file-empty', e)
try:
    pickle.load(io.BytesIO(b'X\x10\x00\x00\x00abc'))
except pickle.UnpicklingError as e:
    print('file-truncated', e)

# Pickling errors.
def local_scope():
    def inner():
        pass
    return inner


for obj in [local_scope(), lambda: 0]:
    try:
        pickle.dumps(obj)
    except (pickle.PicklingError, AttributeError) as e:
        print('pickling', 'local' in str(e) or 'lambda' in str(e))


class BadReduce:
    def __reduce__(self):
        return 42


class ShortReduce:
    def __reduce__(self):
        return (BadReduce,)


for obj in [BadReduce(), ShortReduce()]:
    try:
        pickle.dumps(obj)
    except pickle.PicklingError as e:
        print('reduce', type(e).__name__)
try:
    pickle.dumps(1, 6)
except ValueError as e:
    print('ValueError', e)
try:
    pickle.Pickler(io.BytesIO(), 4, buffer_callback=list)
except ValueError as e:
    print('ValueError', e)
try:
    pickle.Pickler(5)
except TypeError as e:
    print('TypeError', e)
try:
    pickle.Unpickler(5)
except TypeError as e:
    print('TypeError', e)
try:
    pickle.loads('text')
except TypeError as e:
    print('TypeError', e)

# Deep nesting: RecursionError, not a C stack overflow.
deep = []
for i in range(100000):
    deep = [deep]
try:
    pickle.dumps(deep)
except RecursionError:
    print('deep RecursionError')
nested = b'(' * 50000 + b'l' * 50000 + b'.'
print('deep-load', type(pickle.loads(nested)).__name__)
