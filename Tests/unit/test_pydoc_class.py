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


if __name__ == "__main__":
    unittest.main()
