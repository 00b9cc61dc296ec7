# The standard streams and print()/open() on them (run with stdout and
# stderr redirected, as the test runner does).
import io
import sys

for name in ['stdin', 'stdout', 'stderr']:
    stream = getattr(sys, name)
    print(name, type(stream).__name__, stream.name, stream.mode,
          stream.encoding, stream.errors, stream is getattr(sys, '__%s__' % name))
    raw = getattr(stream.buffer, 'raw', stream.buffer)
    print(' ', type(raw).__name__, stream.fileno(), raw.closefd, raw.name)
print(sys.stdout.write('written\n'))
print('a', 'b', sep='', end='!\n', flush=True)
sys.stdout.flush()
print(sys.stdout.buffer.write(b'bytes\n'))
sys.stdout.buffer.flush()
print(sys.stdout.readable(), sys.stdout.writable(), sys.stdin.readable())
try:
    sys.stdout.read()
except io.UnsupportedOperation as exc:
    print('UnsupportedOperation:', exc)
buf = io.StringIO()
print('to', 'buffer', file=buf)
print(repr(buf.getvalue()))
try:
    print('x', file=42)
except AttributeError as exc:
    print('AttributeError')
print(isinstance(io.BytesIO(), io.Reader), isinstance(io.StringIO(), io.Writer),
      isinstance(42, io.Reader), io.Reader[bytes])
print(io.open is open, open.__module__, io.text_encoding(None))
print('done')
