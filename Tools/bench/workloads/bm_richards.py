"""Richards: an operating-system task scheduler passing packets between tasks.

Six tasks of four kinds share a priority scheduler: an idle task that
wakes the devices, a worker that fills work packets, two handlers that
split work into device requests, and two devices that hold a request
until the idle task releases them.  Mostly attribute access, method
calls and list queues.
"""

WORK, DEVICE = 0, 1
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class Packet:
    __slots__ = ("kind", "sender", "count", "data")

    def __init__(self, kind, sender):
        self.kind = kind
        self.sender = sender
        self.count = 0
        self.data = [0, 0, 0, 0]


class Task:
    def __init__(self, name, priority):
        self.name = name
        self.priority = priority
        self.inbox = []
        self.held = False

    def ready(self):
        return not self.held and bool(self.inbox)

    def receive(self):
        return self.inbox.pop(0) if self.inbox else None


class IdleTask(Task):
    """Releases one device per step, chosen by a shift register."""

    def __init__(self, name, priority, steps):
        super().__init__(name, priority)
        self.steps = steps
        self.register = 1

    def ready(self):
        return not self.held

    def step(self, kernel):
        self.steps -= 1
        if self.steps == 0:
            self.held = True
            return
        if self.register & 1:
            self.register = (self.register >> 1) ^ 0xD008
            kernel.release("device_b")
        else:
            self.register >>= 1
            kernel.release("device_a")


class WorkerTask(Task):
    """Fills each work packet with letters and sends it to a handler."""

    def __init__(self, name, priority):
        super().__init__(name, priority)
        self.target = "handler_a"
        self.letter = 0

    def step(self, kernel):
        packet = self.receive()
        self.target = "handler_b" if self.target == "handler_a" else "handler_a"
        for i in range(len(packet.data)):
            packet.data[i] = ALPHABET[self.letter]
            self.letter = (self.letter + 1) % len(ALPHABET)
        packet.count = 0
        kernel.send(packet, self.target)


class HandlerTask(Task):
    """Turns each letter of a work packet into one device request."""

    def __init__(self, name, priority, device):
        super().__init__(name, priority)
        self.device = device
        self.work = []
        self.requests = []

    def ready(self):
        if self.held:
            return False
        return bool(self.inbox) or bool(self.work and self.requests)

    def step(self, kernel):
        packet = self.receive()
        if packet is not None:
            (self.work if packet.kind == WORK else self.requests).append(packet)
        if not (self.work and self.requests):
            return
        work = self.work[0]
        if work.count >= len(work.data):
            self.work.pop(0)
            kernel.send(work, "worker")
            return
        request = self.requests.pop(0)
        request.data[0] = work.data[work.count]
        work.count += 1
        kernel.send(request, self.device)


class DeviceTask(Task):
    """Holds each request until released, then returns it to its handler."""

    def __init__(self, name, priority, handler):
        super().__init__(name, priority)
        self.handler = handler
        self.pending = None
        self.output = 0

    def ready(self):
        if self.held:
            return False
        return bool(self.inbox) or self.pending is not None

    def step(self, kernel):
        if self.pending is not None:
            self.output = (self.output * 31 + ord(self.pending.data[0])) & 0xFFFFFF
            packet, self.pending = self.pending, None
            kernel.send(packet, self.handler)
            return
        self.pending = self.receive()
        kernel.hold(self)


class Kernel:
    def __init__(self):
        self.tasks = {}
        self.by_priority = []
        self.sent = 0
        self.holds = 0

    def add(self, task):
        self.tasks[task.name] = task
        self.by_priority.append(task)
        self.by_priority.sort(key=lambda t: -t.priority)

    def send(self, packet, name):
        self.sent += 1
        self.tasks[name].inbox.append(packet)

    def hold(self, task):
        self.holds += 1
        task.held = True

    def release(self, name):
        self.tasks[name].held = False

    def schedule(self):
        steps = 0
        while True:
            for task in self.by_priority:
                if task.ready():
                    break
            else:
                return steps
            task.step(self)
            steps += 1


def simulate(idle_steps):
    kernel = Kernel()
    kernel.add(IdleTask("idle", 0, idle_steps))
    kernel.add(WorkerTask("worker", 1000))
    kernel.add(HandlerTask("handler_a", 2000, "device_a"))
    kernel.add(HandlerTask("handler_b", 3000, "device_b"))
    kernel.add(DeviceTask("device_a", 4000, "handler_a"))
    kernel.add(DeviceTask("device_b", 5000, "handler_b"))
    for _ in range(2):
        kernel.send(Packet(WORK, "worker"), "worker")
    for handler in ("handler_a", "handler_b"):
        for _ in range(3):
            kernel.send(Packet(DEVICE, handler), handler)
    steps = kernel.schedule()
    outputs = [kernel.tasks[d].output for d in ("device_a", "device_b")]
    return steps, kernel.sent, kernel.holds, outputs


def run(scale=1.0):
    return repr(simulate(max(10, int(80_000 * scale))))
