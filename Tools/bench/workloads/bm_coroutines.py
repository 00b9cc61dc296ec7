"""Coroutines: a hand-written round-robin scheduler driving async def tasks.

Tasks suspend by awaiting a Pause or a Channel operation; the scheduler
resumes them with send(), without asyncio.  Producers, filters and a
consumer talk through bounded channels.
"""


class Pause:
    """Awaiting a Pause hands control back to the scheduler for one turn."""

    def __await__(self):
        yield self


class Channel:
    def __init__(self, capacity):
        self.capacity = capacity
        self.items = []
        self.closed = False

    async def put(self, item):
        while len(self.items) >= self.capacity:
            await Pause()
        self.items.append(item)

    async def get(self):
        while not self.items:
            if self.closed:
                return None
            await Pause()
        return self.items.pop(0)


class Scheduler:
    def __init__(self):
        self.ready = []
        self.switches = 0

    def spawn(self, coroutine):
        self.ready.append(coroutine)

    def run(self):
        while self.ready:
            task = self.ready.pop(0)
            try:
                task.send(None)
            except StopIteration:
                continue
            self.switches += 1
            self.ready.append(task)


async def producer(channel, start, count):
    for value in range(start, start + count):
        await channel.put(value)


async def doubler(source, sink):
    while True:
        value = await source.get()
        if value is None:
            break
        await sink.put(value * 2 + 1)
    sink.closed = True


async def closer(channel, tasks_to_wait):
    # Closes the channel once every producer has finished.
    while tasks_to_wait[0]:
        await Pause()
    channel.closed = True


async def counted(coroutine, counter):
    await coroutine
    counter[0] -= 1


async def consumer(channel, result):
    while True:
        value = await channel.get()
        if value is None:
            return
        result[0] = (result[0] * 31 + value) % 1_000_000_007
        result[1] += 1


def run(scale=1.0):
    per_producer = max(5, int(50_000 * scale))
    scheduler = Scheduler()
    raw, cooked = Channel(8), Channel(4)
    alive = [4]
    for index in range(4):
        scheduler.spawn(counted(producer(raw, index * per_producer, per_producer), alive))
    scheduler.spawn(closer(raw, alive))
    scheduler.spawn(doubler(raw, cooked))
    result = [0, 0]
    scheduler.spawn(consumer(cooked, result))
    scheduler.run()
    return f"{result[0]} {result[1]} {scheduler.switches}"
