# bytearray.join keeps its separator exported while it gathers the items:
# an iterator that resizes the separator gets BufferError (gh-112625).
array = bytearray(b',')
def clearing():
    array.clear()
    yield b'A'
    yield b'B'
try:
    print(array.join(clearing()))
except BufferError as e:
    print('BufferError:', e)
print(array)

def appending():
    yield b'A'
    array.extend(b'xyz')
    yield b'B'
try:
    print(array.join(appending()))
except BufferError as e:
    print('BufferError:', e)
print(array)

def reading():
    yield bytes(array)
    yield b'B'
print(array.join(reading()), array.join([]), bytearray(b'').join([b'a', memoryview(b'b')]))
print(b'-'.join(x for x in [b'a', bytearray(b'b')]))
