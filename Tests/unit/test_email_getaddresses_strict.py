"""email.utils.getaddresses/parseaddr in strict mode (the default,
CVE-2023-27043): text that is not a well-formed address list gives
[('', '')] instead of a guess that may pick the wrong recipient; empty
entries and empty groups count as ('', '')."""

import unittest
from email import utils

ALICE = 'alice@example.org'
BOB = 'bob@example.com'
EMPTY = ('', '')


class StrictTest(unittest.TestCase):

    def test_separator_smuggling_rejected(self):
        for sep in '()<>[]@;:."':
            address = f'{ALICE}{sep}<{BOB}>'
            with self.subTest(address=address):
                self.assertEqual(utils.getaddresses([address]), [EMPTY])
                self.assertEqual(utils.parseaddr(address), EMPTY)
                self.assertEqual(utils.parseaddr([address]), EMPTY)

    def test_unbalanced_comment(self):
        self.assertEqual(utils.getaddresses(['alice@example.org )Alice(']),
                         [EMPTY])

    def test_entry_count_must_match_commas(self):
        self.assertEqual(utils.getaddresses(['a@b,']), [EMPTY])
        self.assertEqual(utils.getaddresses(['a@b (c, d)']), [EMPTY])
        self.assertEqual(utils.getaddresses(['']), [EMPTY])

    def test_domain_literal_rejected(self):
        self.assertEqual(utils.getaddresses(['[]*-- =~$']), [EMPTY])

    def test_well_formed_lists(self):
        self.assertEqual(utils.getaddresses([f'{ALICE},<{BOB}>']),
                         [('', ALICE), ('', BOB)])
        self.assertEqual(
            utils.getaddresses(['"Alice, alice@example.org" <bob@example.com>']),
            [('Alice, alice@example.org', BOB)])
        self.assertEqual(utils.getaddresses([f'{ALICE} (Alice)']),
                         [('Alice', ALICE)])
        self.assertEqual(utils.getaddresses(['J. Doe <j@x.org>']),
                         [('J. Doe', 'j@x.org')])
        self.assertEqual(utils.getaddresses(['g: a@b, c@d;']),
                         [('', 'a@b'), ('', 'c@d')])

    def test_non_strict_keeps_guessing(self):
        self.assertEqual(utils.getaddresses(['a@b,'], strict=False),
                         [('', 'a@b')])
        self.assertEqual(
            utils.getaddresses([f'{ALICE}(<{BOB}>'], strict=False),
            [(f'<{BOB}>', ALICE)])
        self.assertEqual(utils.parseaddr(f'{ALICE}, {BOB}', strict=False),
                         ('', ALICE))


class EmptyEntryTest(unittest.TestCase):

    def check(self, fields, expected):
        self.assertEqual(utils.getaddresses(fields), expected)
        self.assertEqual(utils.getaddresses(fields, strict=False), expected)

    def test_empty_slot(self):
        self.check(['Mary <@machine.tld:mary@example.net>, , jdoe@test . example'],
                   [('Mary', 'mary@example.net'), EMPTY,
                    ('', 'jdoe@test.example')])

    def test_empty_group(self):
        self.check(['foo: ;', '"Jason R. Mastaler" <jason@dom.ain>'],
                   [EMPTY, ('Jason R. Mastaler', 'jason@dom.ain')])
        self.check(['Undisclosed recipients:;'], [EMPTY])
        self.check(['g: ;, x@y'], [EMPTY, ('', 'x@y')])

    def test_unterminated_group_with_only_comments(self):
        self.check(['(Empty list)(start)Undisclosed recipients  :(nobody(I know))'],
                   [EMPTY])

    def test_empty_field_among_others(self):
        self.check(['x@y', ''], [('', 'x@y'), EMPTY])


if __name__ == '__main__':
    unittest.main()
