# compile(..., 'single') (the interactive prompt, doctest) prints every
# expression statement of the module level, also inside for/while loops,
# with and try blocks; not in function or class bodies.
cases = [
    "for i in range(2):\n    i * 10\n",
    "with open('/dev/null') as f:\n    5\n    'x'\n",
    "if 1:\n    None\n    7\n",
    "try:\n    8\nfinally:\n    9\n",
    "try:\n    1/0\nexcept ZeroDivisionError:\n    'handled'\nelse:\n    'no'\n",
    "def f():\n    99\n",
    "f()\n",
    "class C:\n    55\n",
    "while True:\n    66\n    break\n",
    "match 3:\n    case 3:\n        77\n",
    "[88 for x in [1]]\n",
    "async def g():\n    11\n",
]
ns = {}
for src in cases:
    print('>>>', src.splitlines()[0])
    exec(compile(src, "<s>", "single"), ns)
