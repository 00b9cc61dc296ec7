# A SyntaxWarning turned into an error (warnings filter 'error') is
# reported as a SyntaxError with the warning's message and position, from
# the tokenizer, the compiler's checks and the PEP 765 finally check; and
# 'yield from' is named 'yield' in the comprehension/annotation messages.
import warnings

sources = [
    'assert (x, "msg")',
    'x = 0xfor y',
    'x = 1 is 1',
    'def f():\n    try:\n        pass\n    finally:\n        return 1\n',
    '"\\d"',
]

for src in sources:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        compile(src, '<w>', 'exec')
    print([str(x.message) for x in w], [x.category.__name__ for x in w])
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        try:
            compile(src, '<e>', 'exec')
            print('compiled')
        except SyntaxError as e:
            print(type(e).__name__, e.msg, e.lineno)

for src in ['[(yield from x) for y in z]', '{(yield) for y in z}',
            '{k: (yield from v) for k in z}', '((yield from x) for y in z)',
            'def f(x: (yield from y)): pass', 'def f(x: (yield)): pass',
            'async def f(x: (await y)): pass']:
    try:
        compile(src, '<s>', 'exec')
        print('compiled')
    except SyntaxError as e:
        print(e.msg)
