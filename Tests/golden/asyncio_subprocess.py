# Subprocesses with pipes, signal handlers and pipe transports.
import asyncio
import os
import signal
import sys


async def test_exec():
    proc = await asyncio.create_subprocess_exec(
        sys.executable, '-c',
        'import sys; data = sys.stdin.read(); '
        'sys.stdout.write(data.upper()); sys.stderr.write("err"); '
        'sys.exit(3)',
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE)
    print('pid positive', proc.pid > 0)
    out, err = await proc.communicate(b'hello child')
    print('communicate', out, err, 'returncode', proc.returncode)


async def test_shell_lines():
    proc = await asyncio.create_subprocess_shell(
        'echo one; echo two; exit 0', stdout=asyncio.subprocess.PIPE)
    lines = []
    async for line in proc.stdout:
        lines.append(line)
    print('lines', lines, 'wait', await proc.wait())


async def test_kill():
    proc = await asyncio.create_subprocess_exec('sleep', '10')
    proc.terminate()
    print('terminated', await proc.wait() == -signal.SIGTERM)


async def test_signal():
    loop = asyncio.get_running_loop()
    got = loop.create_future()
    loop.add_signal_handler(signal.SIGUSR1, got.set_result, 'usr1')
    os.kill(os.getpid(), signal.SIGUSR1)
    print('signal', await asyncio.wait_for(got, 5))
    print('removed', loop.remove_signal_handler(signal.SIGUSR1),
          loop.remove_signal_handler(signal.SIGUSR1))
    try:
        loop.add_signal_handler('x', print)
    except TypeError as e:
        print('TypeError', e)

    async def coro():
        pass

    try:
        loop.add_signal_handler(signal.SIGUSR2, coro)
    except TypeError as e:
        print('TypeError', e)


async def test_pipes():
    loop = asyncio.get_running_loop()
    rfd, wfd = os.pipe()
    reader = asyncio.StreamReader()
    protocol = asyncio.StreamReaderProtocol(reader)
    rpipe = os.fdopen(rfd, 'rb', 0)
    transport, _ = await loop.connect_read_pipe(lambda: protocol, rpipe)
    os.write(wfd, b'line 1\nline 2\npartial')
    os.close(wfd)
    print('readline', await reader.readline())
    print('readuntil', await reader.readuntil(b'2\n'))
    try:
        await reader.readexactly(20)
    except asyncio.IncompleteReadError as e:
        print('IncompleteReadError', e.partial, e.expected, e)
    print('at_eof', reader.at_eof())
    transport.close()


async def main():
    for test in (test_exec, test_shell_lines, test_kill, test_signal,
                 test_pipes):
        print(f'== {test.__name__}')
        await test()


asyncio.run(main())
