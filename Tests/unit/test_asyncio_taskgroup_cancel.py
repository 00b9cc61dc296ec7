"""A TaskGroup whose child fails while its task is being cancelled from
outside: the except* handler runs, the cancel stays counted, and the
task's next await is cancelled."""

import asyncio
import unittest


class ErrorAndOuterCancelTests(unittest.TestCase):

    def test_cancel_survives_the_exception_group(self):
        seen = []

        async def main():
            started = asyncio.Event()

            async def fail():
                started.set()
                await asyncio.sleep(0)
                raise RuntimeError('child')

            async def inner():
                try:
                    async with asyncio.TaskGroup() as tg:
                        tg.create_task(fail())
                        await asyncio.sleep(10)
                except* RuntimeError:
                    seen.append(asyncio.current_task().cancelling())
                seen.append(asyncio.current_task().cancelling())
                await asyncio.sleep(10)
                seen.append('not cancelled')

            t = asyncio.create_task(inner())
            await started.wait()
            t.cancel()
            with self.assertRaises(asyncio.CancelledError):
                await t
            return t.cancelled()

        self.assertTrue(asyncio.run(main()))
        self.assertEqual(seen, [1, 1])


if __name__ == '__main__':
    unittest.main()
