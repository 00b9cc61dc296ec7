"""unittest.IsolatedAsyncioTestCase: the order of the set-up and tear-down
hooks, async clean-ups and contexts, a fresh event loop per test, the
shared context of set-up and test, failures and errors reported as for a
synchronous test, and debug mode.

Each check runs an inner test case through its own TestResult, so what
the inner test does (including failing) is observed, not suffered."""

import asyncio
import contextvars
import unittest

VAR = contextvars.ContextVar("VAR", default="unset")


def run_case(case_class, *names):
    """Run the named tests of case_class; return the TestResult."""
    suite = unittest.TestSuite(case_class(name) for name in names)
    result = unittest.TestResult()
    suite.run(result)
    return result


class HookOrder(unittest.TestCase):

    def test_hooks_and_cleanups_run_in_documented_order(self):
        events = []

        class Inner(unittest.IsolatedAsyncioTestCase):
            def setUp(self):
                events.append("setUp")

            async def asyncSetUp(self):
                events.append("asyncSetUp")
                self.addAsyncCleanup(self.cleanup, "async-cleanup-1")
                self.addCleanup(events.append, "sync-cleanup")
                self.addAsyncCleanup(self.cleanup, "async-cleanup-2")

            async def cleanup(self, tag):
                await asyncio.sleep(0)
                events.append(tag)

            async def test_it(self):
                events.append("test")

            async def asyncTearDown(self):
                events.append("asyncTearDown")

            def tearDown(self):
                events.append("tearDown")

        result = run_case(Inner, "test_it")
        self.assertTrue(result.wasSuccessful(), result.errors)
        # Clean-ups run last in, first out, after tearDown.
        self.assertEqual(events, [
            "setUp", "asyncSetUp", "test", "asyncTearDown", "tearDown",
            "async-cleanup-2", "sync-cleanup", "async-cleanup-1"])

    def test_enter_async_context_exits_at_cleanup(self):
        events = []

        class Manager:
            async def __aenter__(self):
                events.append("enter")
                return "value"

            async def __aexit__(self, *exc_info):
                events.append(("exit", exc_info[0]))
                return False

        class Inner(unittest.IsolatedAsyncioTestCase):
            async def test_it(self):
                value = await self.enterAsyncContext(Manager())
                events.append(value)

        result = run_case(Inner, "test_it")
        self.assertTrue(result.wasSuccessful(), result.errors)
        self.assertEqual(events, ["enter", "value", ("exit", None)])

    def test_enter_async_context_rejects_a_plain_object(self):
        class Inner(unittest.IsolatedAsyncioTestCase):
            async def test_it(self):
                with self.assertRaises(TypeError):
                    await self.enterAsyncContext(object())

        result = run_case(Inner, "test_it")
        self.assertTrue(result.wasSuccessful(), result.failures)


class LoopAndContext(unittest.TestCase):

    def test_each_test_gets_a_fresh_running_loop(self):
        loops = []

        class Inner(unittest.IsolatedAsyncioTestCase):
            async def test_a(self):
                loops.append(asyncio.get_running_loop())

            async def test_b(self):
                loops.append(asyncio.get_running_loop())

        result = run_case(Inner, "test_a", "test_b")
        self.assertTrue(result.wasSuccessful(), result.errors)
        self.assertEqual(len(loops), 2)
        self.assertIsNot(loops[0], loops[1])
        self.assertTrue(all(loop.is_closed() for loop in loops))

    def test_setup_and_test_share_one_context(self):
        seen = []

        class Inner(unittest.IsolatedAsyncioTestCase):
            def setUp(self):
                VAR.set("from setUp")

            async def asyncSetUp(self):
                seen.append(VAR.get())
                VAR.set("from asyncSetUp")

            async def test_it(self):
                seen.append(VAR.get())

        result = run_case(Inner, "test_it")
        self.assertTrue(result.wasSuccessful(), result.errors)
        self.assertEqual(seen, ["from setUp", "from asyncSetUp"])
        # Nothing leaks into the caller's context.
        self.assertEqual(VAR.get(), "unset")

    def test_tasks_left_running_are_cancelled_at_the_end(self):
        cancelled = []

        class Inner(unittest.IsolatedAsyncioTestCase):
            async def test_it(self):
                async def forever():
                    try:
                        await asyncio.sleep(3600)
                    except asyncio.CancelledError:
                        cancelled.append(True)
                        raise
                asyncio.get_running_loop().create_task(forever())
                await asyncio.sleep(0)

        result = run_case(Inner, "test_it")
        self.assertTrue(result.wasSuccessful(), result.errors)
        self.assertEqual(cancelled, [True])

    def test_loop_factory_is_used(self):
        made = []

        def factory():
            loop = asyncio.new_event_loop()
            made.append(loop)
            return loop

        class Inner(unittest.IsolatedAsyncioTestCase):
            loop_factory = staticmethod(factory)

            async def test_it(self):
                self.assertIs(asyncio.get_running_loop(), made[0])

        result = run_case(Inner, "test_it")
        self.assertTrue(result.wasSuccessful(), result.failures + result.errors)
        self.assertEqual(len(made), 1)

    def test_debug_mode_is_on(self):
        flags = []

        class Inner(unittest.IsolatedAsyncioTestCase):
            async def test_it(self):
                flags.append(asyncio.get_running_loop().get_debug())

        result = run_case(Inner, "test_it")
        self.assertTrue(result.wasSuccessful(), result.errors)
        self.assertEqual(flags, [True])


class Outcomes(unittest.TestCase):

    def test_failure_error_and_skip_are_reported(self):
        class Inner(unittest.IsolatedAsyncioTestCase):
            async def test_fails(self):
                await asyncio.sleep(0)
                self.assertEqual(1, 2)

            async def test_errors(self):
                await asyncio.sleep(0)
                raise KeyError("boom")

            async def test_skips(self):
                self.skipTest("not today")

            async def test_passes(self):
                await asyncio.sleep(0)

        result = run_case(Inner, "test_fails", "test_errors", "test_skips",
                          "test_passes")
        self.assertEqual(result.testsRun, 4)
        self.assertEqual(len(result.failures), 1)
        self.assertIn("AssertionError: 1 != 2", result.failures[0][1])
        self.assertEqual(len(result.errors), 1)
        self.assertIn("KeyError: 'boom'", result.errors[0][1])
        self.assertEqual([reason for _, reason in result.skipped],
                         ["not today"])

    def test_error_in_async_setup_skips_test_but_runs_cleanups(self):
        events = []

        class Inner(unittest.IsolatedAsyncioTestCase):
            async def asyncSetUp(self):
                self.addAsyncCleanup(self.note, "cleanup")
                raise RuntimeError("setup failed")

            async def note(self, tag):
                events.append(tag)

            async def test_it(self):
                events.append("test")

            async def asyncTearDown(self):
                events.append("asyncTearDown")

        result = run_case(Inner, "test_it")
        self.assertEqual(len(result.errors), 1)
        self.assertIn("RuntimeError: setup failed", result.errors[0][1])
        # tearDown is skipped when set-up fails; clean-ups still run.
        self.assertEqual(events, ["cleanup"])

    def test_async_timeout_inside_a_test(self):
        class Inner(unittest.IsolatedAsyncioTestCase):
            async def test_it(self):
                with self.assertRaises(TimeoutError):
                    async with asyncio.timeout(0.01):
                        await asyncio.sleep(10)

        result = run_case(Inner, "test_it")
        self.assertTrue(result.wasSuccessful(), result.failures + result.errors)

    def test_subtests_in_an_async_test(self):
        class Inner(unittest.IsolatedAsyncioTestCase):
            async def test_it(self):
                for i in range(3):
                    with self.subTest(i=i):
                        await asyncio.sleep(0)
                        self.assertNotEqual(i, 1)

        result = run_case(Inner, "test_it")
        self.assertEqual(len(result.failures), 1)
        self.assertIn("(i=1)", str(result.failures[0][0]))


if __name__ == "__main__":
    unittest.main()
