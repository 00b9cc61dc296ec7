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

    def test_attributes_follow_dir_and_metaclass(self):
        # As CPython 3.13: the attributes listed are dir()'s (EnumType's
        # __dir__ hides Enum's methods), the metaclass's methods bound to
        # the class are static methods, without a "from" note.
        import enum

        class Color(enum.Enum):
            RED = 1

        text = pydoc.plain(pydoc.render_doc(Color))
        self.assertNotIn("Methods inherited from enum.Enum", text)
        self.assertNotIn("__new__", text)
        self.assertIn(" |  Static methods inherited from enum.EnumType:\n"
                      " |\n"
                      " |  __contains__(value)\n", text)
        self.assertIn(" |  Readonly properties inherited from enum.EnumType:"
                      "\n |\n |  __members__\n", text)

    def test_classmethod_of_documented_class_has_no_note(self):
        class K:
            @classmethod
            def c(cls):
                pass

        self.assertIn(" |  c()\n", pydoc.plain(pydoc.render_doc(K)))


if __name__ == "__main__":
    unittest.main()
