# A gzip member without its trailer: the data before the missing trailer
# is returned first; the next read raises EOFError.
import gzip
import io

data = b"weft " * 2000
truncated = gzip.compress(data)[:-8]
with gzip.GzipFile(fileobj=io.BytesIO(truncated)) as stream:
    try:
        stream.read()
    except EOFError as error:
        print("read():", error)
with gzip.GzipFile(fileobj=io.BytesIO(truncated)) as stream:
    print(stream.read(len(data)) == data)
    try:
        stream.read(1)
    except EOFError as error:
        print("read(1):", error)
for length in range(2, 10):
    with gzip.GzipFile(fileobj=io.BytesIO(truncated[:length])) as stream:
        try:
            stream.read(1)
        except EOFError:
            print("header cut at", length, "-> EOFError")
