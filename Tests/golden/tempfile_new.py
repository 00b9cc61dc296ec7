# tempfile features newer than 3.11: delete_on_close, TemporaryDirectory
# delete=False, and a file removed early is no error.
import os
import tempfile

top = tempfile.mkdtemp()

with tempfile.NamedTemporaryFile(dir=top, delete_on_close=False) as f:
    f.write(b"kept until the end of the block")
    f.close()
    print(f.closed, os.path.exists(f.name))
    with open(f.name, "rb") as g:
        print(g.read())
print(os.path.exists(f.name))

with tempfile.NamedTemporaryFile(dir=top, delete=False, delete_on_close=False) as f:
    pass
print(os.path.exists(f.name))
os.unlink(f.name)

f = tempfile.NamedTemporaryFile(dir=top, delete_on_close=True)
f.close()
print(os.path.exists(f.name))

with tempfile.NamedTemporaryFile(dir=top) as f:
    os.unlink(f.name)
print("early removal is fine")

with tempfile.TemporaryDirectory(dir=top, delete=False) as d:
    pass
print(os.path.isdir(d))
os.rmdir(d)

td = tempfile.TemporaryDirectory(dir=top, delete=False)
td.cleanup()
print(os.path.exists(td.name))

os.rmdir(top)
print(os.path.exists(top))
