# While a buffer of a bytearray is exported its size cannot change, even
# when the storage would not have to move; item assignment still works.
b = bytearray(b"abc")
view = memoryview(b)
for operation in ['b.append(1)', 'b.extend(b"x")', 'b += b"y"', 'b.pop()',
                  'del b[0]', 'b[0:1] = b"zz"', 'b.clear()', 'b[0] = 65',
                  'b[0:1] = b"Q"']:
    try:
        exec(operation)
        print(operation, "ok", bytes(b))
    except BufferError as error:
        print(operation, "BufferError:", error)
view.release()
b.append(1)
print(b)
import io
stream = io.BytesIO(b"abc")
exported = stream.getbuffer()
try:
    stream.write(b"defg")
except BufferError as error:
    print("BytesIO:", error)
exported.release()
stream.write(b"x")
print(stream.getvalue())
