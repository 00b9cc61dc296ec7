# array pickling: lists for protocols 0-2, machine formats from 3 on,
# and bytes pickled on a big-endian machine.
import array, pickle
for code, vals in [("b",[-1,2]),("B",[255]),("h",[-300]),("H",[65535]),("i",[-5]),("I",[4000000000]),("l",[-7]),("L",[7]),("q",[-2**62]),("Q",[2**63]),("f",[1.5]),("d",[-2.25])]:
    a = array.array(code, vals)
    r = a.__reduce_ex__(3)
    print(code, r[0].__name__, r[1][1:], pickle.loads(pickle.dumps(a, 4)) == a, pickle.loads(pickle.dumps(a, 2)) == a)
# big-endian pickles from another machine
print(array._array_reconstructor(array.array, "i", 9, b"\x00\x00\x01\x02"))
print(array._array_reconstructor(array.array, "d", 17, b"\x3f\xf8" + bytes(6)))
print(array._array_reconstructor(array.array, "H", 2, b"\x01\x00\x02\x00"))
for bad in [(1, "i", 8, b""), (int, "i", 8, b""), (array.array, "z", 8, b""), (array.array, "i", 99, b""), (array.array, "i", 8, "x")]:
    try:
        array._array_reconstructor(*bad)
    except Exception as e:
        print(type(e).__name__ + ":", e)
