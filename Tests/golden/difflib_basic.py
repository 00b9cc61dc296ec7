# difflib: SequenceMatcher results, unified/context/ndiff output, close
# matches, restore(), junk heuristics and the HtmlDiff table.
import difflib

s = difflib.SequenceMatcher(None, 'abxcd', 'abcd')
print(s.get_matching_blocks())
print(s.get_opcodes())
print(round(s.ratio(), 6), round(s.quick_ratio(), 6), round(s.real_quick_ratio(), 6))
s = difflib.SequenceMatcher(lambda x: x == ' ', 'private Thread currentThread;',
                            'private volatile Thread currentThread;')
print(round(s.ratio(), 3), s.find_longest_match(0, 29, 0, 38))
for tag, i1, i2, j1, j2 in s.get_opcodes():
    print('{:7}   a[{}:{}] --> b[{}:{}] {!r:>8} --> {!r}'.format(
        tag, i1, i2, j1, j2, s.a[i1:i2], s.b[j1:j2]))
print(s.find_longest_match())
s = difflib.SequenceMatcher(None, ' abcd', 'abcd abcd')
print(s.find_longest_match(0, 5, 0, 9))

a = ['line %d\n' % i for i in range(1, 30)]
b = list(a)
b[3] = 'line four changed\n'
del b[10:12]
b.insert(20, 'inserted line\n')
b[-1] = 'last line\n'
sm = difflib.SequenceMatcher(None, a, b)
for group in sm.get_grouped_opcodes(2):
    print(group)
print(''.join(difflib.unified_diff(a, b, 'before.txt', 'after.txt',
                                   '2024-01-01', '2024-01-02', n=2)), end='')
print(''.join(difflib.context_diff(a, b, 'before.txt', 'after.txt')), end='')
print(list(difflib.unified_diff(['a'], ['b'], lineterm='', n=0)))
print(list(difflib.unified_diff([], ['x\n'])), list(difflib.context_diff(['x\n'], [])))
print(list(difflib.unified_diff(['same\n'], ['same\n'])))

one = ['one\n', 'two\n', 'three\n']
two = ['ore\n', 'tree\n', 'emu\n']
delta = list(difflib.ndiff(['\tabcDefghiJkl\n'], ['\tabcdefGhijkl\n']))
print(''.join(delta), end='')
print(''.join(difflib.ndiff(['private Thread currentThread;\n'],
                            ['private volatile Thread currentThread;\n'])), end='')
d = list(difflib.ndiff(one, two))
print(''.join(d), end='')
print(''.join(difflib.restore(d, 1)), end='')
print(''.join(difflib.restore(d, 2)), end='')
try:
    list(difflib.restore(d, 3))
except ValueError as e:
    print('ValueError:', e)
print(list(difflib.Differ().compare(['a\n', 'b\n', 'c\n'], ['a\n', 'c\n', 'd\n'])))

print(difflib.get_close_matches('appel', ['ape', 'apple', 'peach', 'puppy']))
print(difflib.get_close_matches('wheel', ['while', 'wheat', 'when', 'whee', 'heel'], n=2, cutoff=0.7))
for bad in ((0, 0.5), (3, 1.5)):
    try:
        difflib.get_close_matches('x', ['y'], *bad)
    except ValueError as e:
        print('ValueError:', e)
print(difflib.IS_LINE_JUNK('\n'), difflib.IS_LINE_JUNK('  #   \n'), difflib.IS_LINE_JUNK('hello\n'))
print(difflib.IS_CHARACTER_JUNK(' '), difflib.IS_CHARACTER_JUNK('\t'), difflib.IS_CHARACTER_JUNK('x'))

print(list(difflib.diff_bytes(difflib.unified_diff, [b'caf\xe9\n'], [b'cafe\n'], b'a', b'b')))
for bad in ((difflib.unified_diff, [b'x'], ['y']),):
    try:
        list(bad[0](bad[1], bad[2]))
    except TypeError as e:
        print('TypeError:', e)

long_a = ['x'] * 100 + ['y'] * 150
long_b = ['y'] * 150 + ['x'] * 100
print(difflib.SequenceMatcher(None, long_a, long_b).get_matching_blocks()[:2])
print(difflib.SequenceMatcher(None, long_a, long_b, autojunk=False).get_matching_blocks()[:2])
sm = difflib.SequenceMatcher(None, 'a' * 300 + 'b', 'a' * 250 + 'b')
print(sorted(sm.bpopular), sm.bjunk, round(sm.ratio(), 4))

difflib.HtmlDiff._default_prefix = 0
html = difflib.HtmlDiff(wrapcolumn=20).make_table(
    ['first line\n', 'a line that is rather long for the wrap column\n', 'tab\there & <there>\n'],
    ['first line\n', 'a line that is rather LONG for the wrap column\n', 'new line\n'],
    'from.txt', 'to.txt')
print(html)
print(difflib.HtmlDiff().make_table([], [], context=True))
print(difflib.HtmlDiff().make_table(one, two, context=True, numlines=1))
