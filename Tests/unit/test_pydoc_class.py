"""pydoc's class page: names in the method resolution order."""

import pydoc
import unittest


class Outer:
    class Base:
        pass

    class Child(Base):
        pass


class ClassPage(unittest.TestCase):

    def test_mro_uses_plain_class_names(self):
        # CPython's classname(): __name__, prefixed by the module when it
        # differs, never the qualified name.
        text = pydoc.plain(pydoc.render_doc(Outer.Child))
        self.assertIn(" |  Method resolution order:\n"
                      " |      Child\n"
                      " |      Base\n"
                      " |      builtins.object\n", text)
        self.assertIn("class Child(Base)\n", text)
        self.assertNotIn("Outer.", text)

    def test_signature_line_as_inspect(self):
        # The call signature comes from inspect.signature(): an Enum is
        # called with (*values), a class may set __signature__.
        import enum
        import inspect

        class Color(enum.Enum):
            RED = 1

        class Sig:
            __signature__ = inspect.Signature(
                [inspect.Parameter("a", inspect.Parameter.POSITIONAL_ONLY)])

            def __init__(self, *args):
                pass

        self.assertIn(" |  Color(*values)\n",
                      pydoc.plain(pydoc.render_doc(Color)))
        self.assertIn(" |  Sig(a, /)\n", pydoc.plain(pydoc.render_doc(Sig)))


if __name__ == "__main__":
    unittest.main()
