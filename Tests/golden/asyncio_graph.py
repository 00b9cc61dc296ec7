# Call-graph introspection (3.14+): capture/format/print_call_graph.
import asyncio
import io
import os


def clean(text):
    # Hide object ids and directories, which vary between runs.
    out = []
    for line in text.splitlines():
        start = line.find('id=0x')
        if start != -1:
            end = line.index(')', start)
            line = line[:start] + 'id=ID' + line[end:]
        start = line.find("File '")
        if start != -1:
            end = line.index("'", start + 6)
            path = line[start + 6:end]
            name = os.path.basename(path)
            rest = line[end:]
            if name != 'asyncio_graph.py':
                # Line numbers inside asyncio itself are not part of
                # the contract.
                comma = rest.index(', in ')
                rest = "', line N" + rest[comma:]
            line = line[:start + 6] + name + rest
        out.append(line)
    return '\n'.join(out)


async def test():
    buf = io.StringIO()
    asyncio.print_call_graph(file=buf)
    print(clean(buf.getvalue()))


async def leaf(ev):
    await ev.wait()


async def middle(ev):
    await leaf(ev)


async def main():
    async with asyncio.TaskGroup() as g:
        g.create_task(test(), name='test')
    ev = asyncio.Event()
    worker = asyncio.create_task(middle(ev), name='worker')
    waiter = asyncio.create_task(asyncio.wait_for(worker, 5), name='waiter')
    await asyncio.sleep(0.01)
    print(clean(asyncio.format_call_graph(worker, limit=-2)))
    print(clean(asyncio.format_call_graph(worker, limit=0)))
    graph = asyncio.capture_call_graph(worker)
    print(type(graph).__name__, len(graph.call_stack),
          [type(e).__name__ for e in graph.call_stack][:1],
          graph.awaited_by[0].future is waiter)
    ev.set()
    await waiter
    print(clean(asyncio.format_call_graph(worker)))
    fut = asyncio.get_running_loop().create_future()
    print(clean(asyncio.format_call_graph(fut)))
    print('current', asyncio.capture_call_graph().future is
          asyncio.current_task())


asyncio.run(main())
try:
    asyncio.capture_call_graph()
except RuntimeError as e:
    print('RuntimeError', e)
