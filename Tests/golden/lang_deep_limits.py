import sys
def rec(n): return rec(n + 1)
try: rec(0)
except RecursionError as e: print("RecursionError:", e)
l = []
for i in range(100000): l = [l]
try: repr(l)
except RecursionError as e: print("repr:", e)
a = []; b = []
for i in range(100000): a = [a]; b = [b]
try: print(a == b)
except RecursionError as e: print("eq:", e)
d = {}
for i in range(100000): d = {"k": d}
try: str(d)
except RecursionError as e: print("dict repr:", e)
for src in ["(" * 300 + ")" * 300, "[" * 1000 + "]" * 1000, "-" * 100000 + "1", "not " * 100000 + "x", "f(" * 10000 + ")" * 10000, "a." * 100000 + "b", "1+" * 100000 + "1", "x = " + "lambda: " * 10000 + "1", "if 1:\n" + "".join(" " * i + "if 1:\n" for i in range(1, 200)) + " " * 200 + "pass\n"]:
    try:
        compile(src, "<s>", "exec"); print("compiled", len(src))
    except (SyntaxError, RecursionError, MemoryError) as e:
        print(type(e).__name__, str(e)[:60])
big = "1" * 5000
try: int(big)
except ValueError as e: print("int:", str(e)[:50])
print(len(str(eval("0x" + "f" * 10000))) if False else "skip")
try: eval(big)
except (ValueError, SyntaxError) as e: print(type(e).__name__, str(e)[:70])
s = "[" + "1," * 200000 + "]"
print(len(eval(s)))
t = "'" + "a" * 2000000 + "'"
print(len(eval(t)))
def gen_rec(n):
    yield from gen_rec(n + 1)
try: next(gen_rec(0))
except RecursionError as e: print("gen:", e)
class Deep:
    def __getattr__(self, n): return getattr(self, n + "x")
try: Deep().a
except RecursionError as e: print("getattr:", e)
