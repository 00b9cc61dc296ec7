"""gettext: plural-form expressions, .mo catalogs (built here, both byte
orders), lookup through find/translation, fallbacks and install."""

import builtins
import gettext
import os
import shutil
import struct
import tempfile
import unittest


def write_mo(path, messages, plural="nplurals=2; plural=n != 1;",
             byteorder="<"):
    header = ("Content-Type: text/plain; charset=UTF-8\n"
              "Plural-Forms: %s\n" % plural)
    entries = {b"": header.encode()}
    for key, value in messages.items():
        entries[key.encode()] = value.encode()
    keys = sorted(entries)
    ids = strs = b""
    spans = []
    for key in keys:
        spans.append((len(ids), len(key), len(strs), len(entries[key])))
        ids += key + b"\0"
        strs += entries[key] + b"\0"
    key_start = 7 * 4 + 16 * len(keys)
    value_start = key_start + len(ids)
    key_table, value_table = [], []
    for key_off, key_len, value_off, value_len in spans:
        key_table += [key_len, key_off + key_start]
        value_table += [value_len, value_off + value_start]
    data = struct.pack(byteorder + "7I", 0x950412de, 0, len(keys), 7 * 4,
                       7 * 4 + len(keys) * 8, 0, 0)
    data += struct.pack(byteorder + "%dI" % len(key_table), *key_table)
    data += struct.pack(byteorder + "%dI" % len(value_table), *value_table)
    data += ids + strs
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


class PluralForms(unittest.TestCase):

    def check(self, expression, expected):
        f = gettext.c2py(expression)
        self.assertEqual([f(n) for n in (0, 1, 2, 3, 5, 11, 21, 22, 25, 111)],
                         expected)

    def test_expressions(self):
        self.check("n != 1", [1, 0, 1, 1, 1, 1, 1, 1, 1, 1])
        self.check("n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2",
                   [2, 0, 1, 1, 2, 2, 2, 1, 2, 2])
        self.check("n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2",
                   [2, 0, 1, 1, 1, 1, 0, 1, 1, 1])
        self.check("!n", [1, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        self.check("n/2", [0, 0, 1, 1, 2, 5, 10, 11, 12, 55])

    def test_errors(self):
        for bad, message in [("n + import", "invalid token in plural form: import"),
                             ("(n", "unbalanced parenthesis in plural form"),
                             ("n)", r"unexpected token in plural form: \)"),
                             ("n ? 1", "unexpected end of plural form"),
                             ("x", "invalid token in plural form: x")]:
            with self.subTest(bad=bad):
                with self.assertRaisesRegex(ValueError, message):
                    gettext.c2py(bad)
        with self.assertRaisesRegex(ValueError, "too long"):
            gettext.c2py("n" + "+n" * 600)
        with self.assertRaisesRegex(TypeError, "Plural value must be an integer, got str"):
            gettext.c2py("n != 1")("1")


class Catalogs(unittest.TestCase):

    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.dir)
        write_mo(os.path.join(self.dir, "fr", "LC_MESSAGES", "app.mo"),
                 {"hello": "bonjour", "apple\0apples": "pomme\0pommes",
                  "menu\x04open": "ouvrir"})
        write_mo(os.path.join(self.dir, "de", "LC_MESSAGES", "app.mo"),
                 {"hello": "hallo", "bye": "tschüss"}, byteorder=">")

    def test_lookups(self):
        t = gettext.translation("app", self.dir, languages=["fr_FR.UTF-8"])
        self.assertIsInstance(t, gettext.GNUTranslations)
        self.assertEqual(t.gettext("hello"), "bonjour")
        self.assertEqual(t.gettext("missing"), "missing")
        self.assertEqual(t.ngettext("apple", "apples", 1), "pomme")
        self.assertEqual(t.ngettext("apple", "apples", 3), "pommes")
        self.assertEqual(t.ngettext("x", "xs", 2), "xs")
        self.assertEqual(t.pgettext("menu", "open"), "ouvrir")
        self.assertEqual(t.pgettext("other", "open"), "open")
        self.assertEqual(t.charset(), "UTF-8")
        self.assertIn("plural-forms", t.info())

    def test_big_endian_and_fallback_chain(self):
        t = gettext.translation("app", self.dir, languages=["fr", "de"])
        self.assertEqual(t.gettext("hello"), "bonjour")
        self.assertEqual(t.gettext("bye"), "tschüss")

    def test_find_and_missing(self):
        found = gettext.find("app", self.dir, ["it", "fr"])
        self.assertEqual(os.path.relpath(found, self.dir),
                         os.path.join("fr", "LC_MESSAGES", "app.mo"))
        self.assertIsNone(gettext.find("app", self.dir, ["it"]))
        self.assertIsNone(gettext.find("app", self.dir, ["C", "fr"]))
        self.assertEqual(len(gettext.find("app", self.dir, ["fr", "de"], all=True)), 2)
        with self.assertRaises(FileNotFoundError) as caught:
            gettext.translation("app", self.dir, languages=["it"])
        self.assertEqual(str(caught.exception),
                         "[Errno 2] No translation file found for domain: 'app'")
        null = gettext.translation("app", self.dir, languages=["it"], fallback=True)
        self.assertIs(type(null), gettext.NullTranslations)

    def test_corrupt_file(self):
        path = os.path.join(self.dir, "xx", "LC_MESSAGES", "app.mo")
        os.makedirs(os.path.dirname(path))
        with open(path, "wb") as f:
            f.write(b"garbage!" * 3)
        with self.assertRaises(OSError) as caught:
            gettext.translation("app", self.dir, languages=["xx"])
        self.assertEqual(caught.exception.args[:2], (0, "Bad magic number"))

    def test_install_and_domain_functions(self):
        t = gettext.translation("app", self.dir, languages=["fr"])
        t.install(names=["ngettext"])
        try:
            self.assertEqual(_("hello"), "bonjour")  # noqa: F821
            self.assertEqual(builtins.ngettext("apple", "apples", 2), "pommes")
        finally:
            del builtins._
            del builtins.ngettext
        self.assertEqual(gettext.bindtextdomain("app-test", self.dir), self.dir)
        self.assertEqual(gettext.dgettext("no-such-domain", "hi"), "hi")
        self.assertEqual(gettext.dngettext("no-such-domain", "a", "b", 2), "b")
        self.assertEqual(gettext.textdomain(), "messages")


if __name__ == "__main__":
    unittest.main()
