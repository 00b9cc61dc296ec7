"""isinstance() against a runtime-checkable Protocol looks the members
up statically (inspect.getattr_static): an instance's __getattr__,
properties and descriptors are not run."""

import typing
import unittest


@typing.runtime_checkable
class HasAttr(typing.Protocol):
    attr: int


@typing.runtime_checkable
class HasMethod(typing.Protocol):
    def meth(self): ...


class Dynamic:
    calls = 0

    def __getattr__(self, name):
        Dynamic.calls += 1
        raise RuntimeError('must not be called')


class Exploding:
    @property
    def attr(self):
        raise RuntimeError('must not be called')

    def meth(self):
        pass


class ProtocolStaticLookupTest(unittest.TestCase):

    def test_getattr_not_called(self):
        self.assertNotIsInstance(Dynamic(), HasAttr)
        self.assertNotIsInstance(Dynamic(), HasMethod)
        self.assertEqual(Dynamic.calls, 0)

    def test_property_not_run(self):
        self.assertIsInstance(Exploding(), HasAttr)
        self.assertIsInstance(Exploding(), HasMethod)

    def test_instance_attribute_found(self):
        obj = Dynamic.__new__(Dynamic)
        obj.attr = 1
        self.assertIsInstance(obj, HasAttr)

    def test_none_method_is_not_implemented(self):
        class Refuses:
            meth = None
        self.assertNotIsInstance(Refuses(), HasMethod)


if __name__ == '__main__':
    unittest.main()
