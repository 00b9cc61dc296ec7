"""async def, await, async for/with, async generators and comprehensions,
driven by hand-written event loops (was golden async, lang_async)."""

import unittest


class Sleep:
    def __await__(self):
        yield "tick"
        return "slept"


def run(coro):
    """Drive coro to completion; return (result, number of suspensions)."""
    ticks = 0
    while True:
        try:
            coro.send(None)
            ticks += 1
        except StopIteration as e:
            return e.value, ticks


class Future:
    def __init__(self):
        self.done = False
        self.result = None

    def __await__(self):
        if not self.done:
            yield self
        return self.result


class Loop:
    """Round-robin scheduler: each suspension on a Future resumes the task
    later with the result "r<N>", N counting suspensions over all tasks."""

    def __init__(self):
        self.ready = []
        self.log = []
        self.finished = []

    def spawn(self, coro):
        self.ready.append((coro, None))

    def run(self):
        while self.ready:
            coro, val = self.ready.pop(0)
            try:
                fut = coro.send(val)
            except StopIteration as e:
                self.finished.append(e.value)
                continue
            fut.done = True
            fut.result = "r%d" % len(self.log)
            self.log.append(fut.result)
            self.ready.append((coro, fut.result))


async def sleep0():
    return await Future()


class SimpleCoroutines(unittest.TestCase):

    def test_await_async_for_async_with(self):
        log = []

        async def worker(name, n):
            total = 0
            for i in range(n):
                r = await Sleep()
                total += i
            return f"{name}:{total}:{r}"

        async def agen(n):
            for i in range(n):
                await Sleep()
                yield i * i

        class ACM:
            async def __aenter__(self):
                log.append("aenter")
                return self

            async def __aexit__(self, *exc):
                log.append(("aexit", exc[0]))

        async def main():
            results = [await worker("a", 3), await worker("b", 2)]
            squares = [v async for v in agen(4)]
            async with ACM():
                log.append("in async with")
            try:
                async with ACM():
                    raise KeyError("x")
            except KeyError:
                log.append("caught after aexit")
            return results, squares
        self.assertEqual(run(main()), ((["a:3:slept", "b:1:slept"], [0, 1, 4, 9]), 9))
        self.assertEqual(log, ["aenter", "in async with", ("aexit", None), "aenter",
                               ("aexit", KeyError), "caught after aexit"])
        c = worker("c", 1)
        self.assertEqual((type(c).__name__, c.__name__), ("coroutine", "worker"))
        c.close()


class EventLoop(unittest.TestCase):

    def test_tasks_interleave(self):
        async def worker(name, n):
            out = []
            for i in range(n):
                v = await sleep0()
                out.append("%s%d:%s" % (name, i, v))
            return out
        loop = Loop()
        loop.spawn(worker("a", 2))
        loop.spawn(worker("b", 3))
        loop.run()
        self.assertEqual(loop.finished, [["a0:r0", "a1:r2"], ["b0:r1", "b1:r3", "b2:r4"]])

    def test_async_protocols(self):
        log = []

        class AIter:
            def __init__(self, n):
                self.i = 0
                self.n = n

            def __aiter__(self): return self

            async def __anext__(self):
                await sleep0()
                if self.i >= self.n: raise StopAsyncIteration
                self.i += 1
                return self.i

        class ACM:
            async def __aenter__(self):
                log.append("aenter")
                await sleep0()
                return "acm"

            async def __aexit__(self, t, v, tb):
                log.append(("aexit", t))
                return True

        async def agen(n):
            for i in range(n):
                await sleep0()
                yield i * 10
            log.append("agen end")

        async def main():
            async for x in AIter(3):
                log.append(("ait", x))
            async with ACM() as v:
                log.append(("inside", v))
                raise ValueError("swallowed")
            log.append(("acomp", [x async for x in agen(3)]))
            log.append(("acomp2", [x + 1 async for x in AIter(4) if x % 2]))
            r3 = {x: await sleep0() for x in range(2)}
            log.append(("await in comp", sorted(r3)))
            g = agen(5)
            log.append((await g.__anext__(), await g.asend(None)))
            await g.aclose()
            try:
                await g.__anext__()
            except StopAsyncIteration:
                log.append("closed agen")

            async def inner():
                raise KeyError("k")
            try:
                await inner()
            except KeyError as e:
                log.append(("caught", repr(e)))
            return "main-result"
        loop = Loop()
        loop.spawn(main())
        loop.run()
        self.assertEqual(loop.finished, ["main-result"])
        self.assertEqual(log, [("ait", 1), ("ait", 2), ("ait", 3), "aenter", ("inside", "acm"),
                               ("aexit", ValueError), "agen end", ("acomp", [0, 10, 20]),
                               ("acomp2", [2, 4]), ("await in comp", [0, 1]), (0, 10),
                               "closed agen", ("caught", "KeyError('k')")])


class CoroutineObjects(unittest.TestCase):

    def test_send_close_types(self):
        async def simple(): return 5
        c = simple()
        self.assertEqual((type(c).__name__, simple.__name__), ("coroutine", "simple"))
        with self.assertRaises(StopIteration) as caught:
            c.send(None)
        self.assertEqual(caught.exception.value, 5)
        c2 = simple()
        c2.close()

        async def agen():
            yield 1
        self.assertEqual(type(agen()).__name__, "async_generator")

    def test_await_non_awaitable(self):
        async def uses_await_on_bad():
            await 5
        with self.assertRaises(TypeError) as caught:
            uses_await_on_bad().send(None)
        self.assertEqual(str(caught.exception), "'int' object can't be awaited")


if __name__ == "__main__":
    unittest.main()
