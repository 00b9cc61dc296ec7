"""unittest.mock details checked against CPython 3.13's tests: a positional
async spec, create_autospec of an async function and its configuring
keywords, attach_mock of a PropertyMock, reset_mock(return_value=True) on
magic methods."""

import asyncio
import inspect
import unittest
from unittest.mock import (AsyncMock, DEFAULT, MagicMock, Mock,
                           PropertyMock, create_autospec)


async def async_func(a, b=1):
    return a


def normal_func():
    pass


class Thing:
    def meth(self, a, b, c):
        pass


class MockFixTests(unittest.TestCase):

    def test_positional_async_spec(self):
        for klass in (Mock, MagicMock, AsyncMock):
            with self.subTest(klass=klass.__name__):
                m = klass(async_func)
                self.assertIsInstance(m, klass)
                coro = m(1)
                self.assertTrue(inspect.isawaitable(coro))
                asyncio.run(coro)
                if klass is not AsyncMock:
                    self.assertFalse(
                        inspect.isawaitable(klass(normal_func)()))

    def test_autospec_async_function(self):
        with self.assertRaisesRegex(RuntimeError, 'async function'):
            create_autospec(async_func, instance=True)
        m = create_autospec(async_func)
        self.assertIsInstance(m.mock, AsyncMock)
        m.mock.return_value = 5
        self.assertEqual(asyncio.run(m(1, b=2)), 5)
        m.assert_awaited_once_with(1, b=2)
        # The signature is checked when the call's coroutine runs.
        with self.assertRaises(TypeError):
            asyncio.run(m(1, 2, 3))

    def test_autospec_kwargs_configure_the_top_mock(self):
        klass = create_autospec(spec=Thing, **{
            'return_value.meth.side_effect': [ValueError, DEFAULT],
            'return_value.meth.return_value': 'value'})
        with self.assertRaises(ValueError):
            klass().meth(1, 2, 3)
        self.assertEqual(klass().meth(1, 2, 3), 'value')
        self.assertIsNone(klass().return_value.meth.side_effect)
        with self.assertRaises(TypeError):
            klass().meth(1)

    def test_attach_property_mock_records_no_call(self):
        m = Mock()
        p = PropertyMock(return_value=3)
        type(m).foo = p
        m.attach_mock(p, 'foo')
        self.assertEqual(m.mock_calls, [])
        self.assertEqual(m.foo, 3)

    def test_reset_keeps_magic_return_values(self):
        mm = MagicMock()
        self.assertIs(type(str(mm)), str)
        for _ in range(2):
            mm.reset_mock(return_value=True)
            self.assertIs(type(mm.__str__()), str)
            self.assertIs(type(mm.__hash__()), int)
            mm.__str__.assert_called_once()
        mm.return_value = 7
        mm.reset_mock(return_value=True)
        self.assertIsNot(mm(), 7)


if __name__ == '__main__':
    unittest.main()
