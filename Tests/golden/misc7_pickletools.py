# pickletools: disassembly of every protocol, genops, optimize, errors.
import io
import pickle
import pickletools

shared = [1, 2]
data = [1, -2, 300, 70000, 2**70, 1.5, 'h\xe9llo', b'by', None, True, False,
        (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), {'a': 1}, {5},
        frozenset([3]), (shared, shared)]
for proto in range(6):
    p = pickle.dumps(data, proto)
    print('--- protocol', proto)
    pickletools.dis(p)
    o = pickletools.optimize(p)
    print('optimize:', len(o) < len(p), pickle.loads(o) == data)

# A memo shared between two disassemblies, indentation, and a file.
memo = {}
out = io.StringIO()
pickletools.dis(pickle.dumps(([], 'x'), 2), out, memo, indentlevel=2)
print(out.getvalue(), end='')
print(sorted(memo))

# genops over bytes and over a binary file.
for opcode, arg, pos in pickletools.genops(pickle.dumps({'k': 1.25}, 4)):
    print(pos, opcode.name, repr(arg), opcode.proto, opcode.arg and opcode.arg.name)
f = io.BytesIO(pickle.dumps(b'xyz', 0) + b'trailing')
print([(op.name, arg, pos) for op, arg, pos in pickletools.genops(f)])

# Protocol 0 opcodes written by hand.
pickletools.dis(b"cbuiltins\nlen\n(S'a\\nb'\ntR0(I01\nI00\nL12L\nF-1.5\n"
                b"p0\ng0\nt.")

# The opcode table.
print(len(pickletools.opcodes), pickletools.code2op['K'].name,
      pickletools.code2op['\x95'].name)
print([op.name for op in pickletools.opcodes if op.proto == 5])
print(pickletools.read_stringnl(io.BytesIO(b"'a\\tb'\n")),
      pickletools.read_long1(io.BytesIO(b'\x02\x00\xff')),
      pickletools.read_decimalnl_short(io.BytesIO(b'01\n')))

# Broken pickles: ValueError after the offending line.
for bad in [b'', b'(', b'\xff', b'K\x01K\x02.', b'0.', b'h\x05.',
            b'N\x94\x94.', b'(q\x00.', b'K\x01p0\np0\n.', b'J\x01\x00',
            b'S"abc\'\n.', b'Sabc\n.']:
    try:
        pickletools.dis(bad)
    except ValueError as e:
        print('ValueError:', e)
