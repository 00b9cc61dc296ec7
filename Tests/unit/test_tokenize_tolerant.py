"""tokenize reports what the compiler refuses (a stray closing bracket,
a decimal with leading zeros) as tokens; its IndentationError has no end
position; untokenize keeps a named escape's braces single (expected
values are CPython's); a format spec's last literal part is reported
even when empty, as CPython."""

import io
import tokenize
import unittest


def tokens(source):
    return [(tokenize.tok_name[t.type], t.string, t.start, t.end)
            for t in tokenize.generate_tokens(io.StringIO(source).readline)]


class TolerantTokensTest(unittest.TestCase):

    def test_unmatched_closer(self):
        self.assertEqual(tokens('); x')[:3], [
            ('OP', ')', (1, 0), (1, 1)),
            ('OP', ';', (1, 1), (1, 2)),
            ('NAME', 'x', (1, 3), (1, 4))])

    def test_mismatched_closer(self):
        self.assertEqual([t[1] for t in tokens('(]\n')],
                         ['(', ']', '\n', ''])

    def test_leading_zeros(self):
        self.assertEqual(tokens('01234')[0], ('NUMBER', '01234', (1, 0), (1, 5)))

    def test_compiler_still_refuses(self):
        for source in ('); x', '01234'):
            with self.assertRaises(SyntaxError):
                compile(source, '<s>', 'exec')


class IndentationErrorTest(unittest.TestCase):

    def test_no_end_position(self):
        source = b'def k(x):\n    x += 2\n  x += 5\n'
        with self.assertRaises(IndentationError) as cm:
            list(tokenize.tokenize(io.BytesIO(source).readline))
        e = cm.exception
        self.assertEqual((e.lineno, e.offset, e.text), (3, 9, '  x += 5'))
        self.assertIsNone(e.end_lineno)
        self.assertIsNone(e.end_offset)


class UntokenizeNamedEscapeTest(unittest.TestCase):

    def roundtrip(self, source):
        toks = list(tokenize.generate_tokens(io.StringIO(source).readline))
        full = tokenize.untokenize(toks)
        compat = tokenize.untokenize((t.type, t.string) for t in toks)
        return full, compat

    def test_named_escape(self):
        source = "f'\\N{BULLET}{{x}}'\n"
        full, compat = self.roundtrip(source)
        self.assertEqual(full, source)
        self.assertEqual(eval(compat), '\N{BULLET}{x}')

    def test_format_spec_ends_with_literal_part(self):
        # CPython reports the spec's last literal part, even empty, so a
        # round trip does not turn '{w}}' into '{w} }'.
        source = "f'{v:{w}.{p}}{x:}{y:{w}d}'\n"
        toks = list(tokenize.generate_tokens(io.StringIO(source).readline))
        middles = [t.string for t in toks if t.type == tokenize.FSTRING_MIDDLE]
        self.assertEqual(middles, ['.', '', '', 'd'])
        compat = tokenize.untokenize((t.type, t.string) for t in toks)
        again = [(t.type, t.string) for t in
                 tokenize.generate_tokens(io.StringIO(compat).readline)]
        self.assertEqual(again, [(t.type, t.string) for t in toks])

    def test_escaped_backslash_is_not_a_named_escape(self):
        source = "f'\\\\N{{x}}'\n"
        full, compat = self.roundtrip(source)
        self.assertEqual(full, source)
        self.assertEqual(eval(compat), '\\N{x}')


if __name__ == '__main__':
    unittest.main()
