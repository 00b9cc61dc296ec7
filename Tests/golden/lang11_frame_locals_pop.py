# FrameLocalsProxy.pop (PEP 667, CPython 3.13+): a name that is not a local
# of the code can be popped; a local cannot be removed.
import sys

def probe():
    x = 1
    frame = sys._getframe()
    proxy = frame.f_locals
    proxy['extra'] = 'added'
    print(proxy.pop('extra'), 'extra' in proxy)
    print(proxy.pop('missing', 'default'))
    for key in ('missing', 'x', 'never_bound'):
        try:
            proxy.pop(key)
        except (KeyError, ValueError) as e:
            print(type(e).__name__, e)
    try:
        proxy.pop()
    except TypeError as e:
        print("TypeError", e)
    print(x)
    if False:
        never_bound = 0

probe()
