"""P.args and P.kwargs (typing.ParamSpecArgs / ParamSpecKwargs) can be
weakly referenced, like every other typing type parameter object."""

import gc
import typing
import unittest
import weakref


class ParamSpecAttrWeakrefTest(unittest.TestCase):

    def test_weakref_alive(self):
        P = typing.ParamSpec('P')
        for obj in (P.args, P.kwargs):
            with self.subTest(obj=obj):
                self.assertIs(weakref.ref(obj)(), obj)

    def test_weakref_cleared(self):
        P = typing.ParamSpec('P')
        args = typing.ParamSpecArgs(P)
        ref = weakref.ref(args)
        del args
        gc.collect()
        self.assertIsNone(ref())

    def test_still_equal_by_origin(self):
        P = typing.ParamSpec('P')
        self.assertEqual(P.args, typing.ParamSpecArgs(P))
        self.assertEqual(P.kwargs.__origin__, P)


if __name__ == '__main__':
    unittest.main()
