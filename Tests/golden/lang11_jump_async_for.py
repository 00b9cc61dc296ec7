# Setting f_lineno into the body of an `async for` loop is refused with
# CPython's message (the async iterator is a for loop's iterator on the
# stack, below the awaitable of each step); jumps that stay outside work.
import sys

class AsyncIter:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        self.n -= 1
        if self.n < 0:
            raise StopAsyncIteration
        return self.n

async def forwards(output):
    output.append(1)
    async for i in AsyncIter(2):
        output.append(3)
    output.append(4)

async def backwards(output):
    async for i in AsyncIter(2):
        output.append(2)
    output.append(3)

async def before_else(output):
    output.append(1)
    async for i in AsyncIter(1):
        output.append(3)
    else:
        output.append(5)
    output.append(6)

def run(coro_func, jump_from, jump_to):
    first = coro_func.__code__.co_firstlineno
    output = []
    def tracer(frame, event, arg):
        if (frame.f_code is coro_func.__code__ and event == 'line'
                and frame.f_lineno == first + jump_from and not done):
            done.append(1)
            try:
                frame.f_lineno = first + jump_to
            except ValueError as e:
                output.append(str(e))
        return tracer
    done = []
    sys.settrace(tracer)
    try:
        coro_func(output).send(None)
    except StopIteration:
        pass
    finally:
        sys.settrace(None)
    print(coro_func.__name__, jump_from, '->', jump_to, output)

run(forwards, 1, 3)
run(backwards, 3, 2)
run(before_else, 1, 3)
run(forwards, 1, 4)
run(backwards, 3, 1)
