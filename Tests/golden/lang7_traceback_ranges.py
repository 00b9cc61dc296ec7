# Tracebacks show every line of an instruction that spans several lines
# (3.13+): markers under each, '~' and '^' split at the anchor (operator,
# call or subscript brackets), long runs abbreviated as "...<N lines>...".
import traceback

def show(fn):
    try:
        fn()
    except Exception:
        text = traceback.format_exc().replace(__file__, 'FILE')
        print("\n".join(text.splitlines()[3:]))
        print()

def whole_call():
    return int(
        'x'
    )

def binop():
    a = 1
    b = 0
    return (a +
            a) / b

def subscript():
    value = {
        'a': 1,
        'b': 2,
        'c': 3,
    }['z']

class Obj:
    def method_a(self):
        return self

def attribute():
    result = (Obj()
              .method_a()
              .missing())

def call_args():
    f = len
    total = 1 + f(
        1,
        2)

def nested_call():
    return str(int(  # a comment
        'y'))

for fn in (whole_call, binop, subscript, attribute, call_args, nested_call):
    show(fn)
