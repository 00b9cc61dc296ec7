# input() with a stdout that cannot flush, `print >> file` (Python 2's
# redirection hint), property.__set_name__'s argument count.
import io, sys

class NoFlush:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)

saved_in, saved_out = sys.stdin, sys.stdout
try:
    sys.stdin = io.StringIO("first\nsecond\n")
    sys.stdout = out = NoFlush()
    got = [input(), input('prompt> ')]
finally:
    sys.stdin, sys.stdout = saved_in, saved_out
print(got, out.parts)

class BadFlush(io.StringIO):
    def flush(self):
        raise OSError("cannot flush")
try:
    sys.stdin = io.StringIO("third\n")
    sys.stdout = bad = BadFlush()
    got = input('p: ')
finally:
    sys.stdin, sys.stdout = saved_in, saved_out
print(got, repr(bad.getvalue()))

for right in (sys.stderr, 42):
    try:
        print >> right
    except TypeError as e:
        print(e)
try:
    len >> sys.stderr
except TypeError as e:
    print(e)

p = property()
for args in ((), (1,), (1, 2, 3)):
    try:
        p.__set_name__(*args)
    except TypeError as e:
        print(e)
p.__set_name__(object, 'name')
print('set')
