# textwrap: wrap/fill with every TextWrapper option, shorten, dedent and
# indent, with CPython's exact line breaks.
import textwrap

text = ("The quick brown fox jumped over the lazy dog.  It was a well-known "
        "fact -- at least among foxes -- that long-term planning helps. "
        "Supercalifragilisticexpialidocious words need breaking!  Tabs\there "
        "and e.g. abbreviations? Yes.")
for width in (10, 25, 40, 70):
    print(textwrap.fill(text, width))
    print('-' * width)
print(textwrap.wrap(text, 30, break_on_hyphens=False))
print(textwrap.wrap(text, 12, break_long_words=False))
print(textwrap.wrap(text, 30, fix_sentence_endings=True))
print(textwrap.wrap(text, 30, expand_tabs=False, replace_whitespace=False))
print(textwrap.wrap(text, 30, drop_whitespace=False))
print(textwrap.wrap(text, 30, tabsize=2))
print(textwrap.wrap(text, 30, initial_indent='* ', subsequent_indent='    '))
print(textwrap.wrap(text, 30, max_lines=3))
print(textwrap.wrap(text, 30, max_lines=2, placeholder='~~'))
print(textwrap.wrap('a-b-c-d-e-f-g ---- ab--cd hyphen-ated-word x--', 6))
print(textwrap.wrap('', 10), textwrap.wrap('   ', 10), textwrap.fill('one', 10))
print(textwrap.shorten('Hello  world!', width=12))
print(textwrap.shorten('Hello  world!', width=11))
print(textwrap.shorten('Hello world', width=10, placeholder='...'))
w = textwrap.TextWrapper(width=15, initial_indent='>> ')
print(w.wrap('one two three four five six seven'), w.fill('x ' * 10))
for bad in (lambda: textwrap.wrap('x', 0), lambda: textwrap.wrap('abc def', 5, max_lines=1, placeholder=' [......]')):
    try:
        bad()
    except ValueError as e:
        print('ValueError:', e)

print(repr(textwrap.dedent('    def f():\n        return 1\n    \n    x = 2\n')))
print(repr(textwrap.dedent('\tone\n\t  two\n')))
print(repr(textwrap.dedent('  a\n\tb\n')))
print(repr(textwrap.dedent('no indent\n  some\n')))
print(repr(textwrap.dedent('')), repr(textwrap.dedent('   x')))
print(repr(textwrap.indent('a\n\nb\n  \nc', '> ')))
print(repr(textwrap.indent('a\nb\n', '+ ', lambda line: line.startswith('b'))))
