# inspect: signatures parsed from __text_signature__ strings (builtins and
# callables carrying one): '$' self parameters, '/', '*', literal and
# symbolic defaults, invalid forms.
import inspect


class Callable:
    def __call__(self, *args):
        pass


def sig_of(text):
    obj = Callable()
    obj.__text_signature__ = text
    try:
        return str(inspect.signature(obj))
    except ValueError as e:
        return 'ValueError: ' + str(e).replace(repr(obj), 'OBJ')


for text in ('()', '(a, /)', '(a, b=1, /, c=None, *, d=-1)',
             '(x, *args, flag=True, **kwargs)',
             '(a, b={1: [2, (3,)]}, c=-sys.maxsize, *, d=os.sep)',
             "(s='text', b=b'\\x00', f=1.5, j=2j, t=(), u=1+2j, v=-1.5, w=...)",
             '(a=1|2)', '(a=1+2)', '(a=-x.y)', '(a=~1)',
             '($self, value, /)', '(a, b=f(1), /)', '(a, [b])',
             '(a, b=undefined_name)', '(x, x)', '(a=1, b)', '(a, b=[1][0])',
             '(a, b=lambda: 0)', '(a, initial=<unrepresentable>)'):
    print(text, '->', sig_of(text))
print(inspect.signature(len), inspect.signature(str.join), inspect.signature(''.join))
print(inspect.signature(dict.get) if dict.get.__text_signature__ else '($self, key, default=None, /)')
