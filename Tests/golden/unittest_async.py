# IsolatedAsyncioTestCase: async fixtures, tests and cleanups run in one
# event loop per test, with the context of setUp visible to the test.
import asyncio
import contextvars
import io
import unittest

events = []
var = contextvars.ContextVar('var', default='unset')


class AsyncContext:
    async def __aenter__(self):
        events.append('aenter')
        return 'entered'

    async def __aexit__(self, *exc):
        events.append('aexit')
        return False


class Async(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        events.append('setUp')
        var.set('from setUp')

    async def asyncSetUp(self):
        events.append('asyncSetUp ' + var.get())

    async def test_ok(self):
        await asyncio.sleep(0)
        self.addAsyncCleanup(self.cleanup, 'async cleanup')
        self.addCleanup(events.append, 'sync cleanup')
        events.append(await self.enterAsyncContext(AsyncContext()))
        events.append('test_ok ' + var.get())

    async def test_fail(self):
        events.append('test_fail')
        self.assertEqual(1, 2)

    def test_plain(self):
        events.append('test_plain')

    async def cleanup(self, what):
        events.append(what)

    async def asyncTearDown(self):
        events.append('asyncTearDown')

    def tearDown(self):
        events.append('tearDown')


stream = io.StringIO()
suite = unittest.defaultTestLoader.loadTestsFromTestCase(Async)
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
print(result.testsRun, len(result.failures), len(result.errors))
print(result.failures[0][1].splitlines()[-1])
for event in events:
    print(event)
try:
    asyncio.run(Async('test_ok').enterAsyncContext(object()))
except TypeError as e:
    print('TypeError:', e)
print(unittest.IsolatedAsyncioTestCase.__module__)
