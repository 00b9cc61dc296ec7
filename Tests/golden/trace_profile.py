# sys.setprofile: call/return of Python functions, c_call/c_return/
# c_exception of builtins and method descriptors, generators.
import sys

events = []

def profiler(frame, event, arg):
    if event.startswith('c_'):
        what = arg.__name__
    elif event == 'return':
        what = repr(arg)
    else:
        what = ''
    events.append(f"{event:11} {frame.f_code.co_name} {what}".rstrip())

def work(items):
    items.append(len(items))
    total = sum(items)
    try:
        int('x')
    except ValueError:
        pass
    return max(total, 1)

def gen():
    yield 1
    yield 2
    return None

def main():
    r = work([1, 2])
    s = list(gen())
    d = {}
    d.setdefault('k', []).append(r)
    return sorted(s, key=abs)

sys.setprofile(profiler)
main()
sys.setprofile(None)
for e in events:
    print(e)
print(sys.getprofile())

# A profile function that raises is removed and the error propagates.
def bad(frame, event, arg):
    if event == 'c_call':
        raise RuntimeError('profiler failed')
sys.setprofile(bad)
try:
    len([])
except RuntimeError as e:
    print('propagated:', e)
print('removed:', sys.getprofile() is None)
