# The TypeError messages of `with` and `async with` on objects that lack
# the protocol (CPython 3.14: the exit method is looked up first, and an
# object with the other protocol gets a suggestion).
import asyncio
class A:
    def __enter__(self): return self
class B:
    def __exit__(self, *a): pass
class C: pass
for cls in (A, B, C):
    try:
        with cls(): pass
    except TypeError as e: print(e)
async def main():
    for cls in (A, B, C):
        try:
            async with cls(): pass
        except TypeError as e: print(e)
asyncio.run(main())
class Both:
    def __enter__(self): return self
    def __exit__(self, *a): pass
class ABoth:
    async def __aenter__(self): return self
    async def __aexit__(self, *a): pass
try:
    with ABoth(): pass
except TypeError as e: print(e)
async def main():
    try:
        async with Both(): pass
    except TypeError as e: print(e)
asyncio.run(main())
try:
    with 1: pass
except TypeError as e: print(e)
import fractions
try:
    with fractions.Fraction(1): pass
except TypeError as e: print(e)
