# The failure messages of TestCase's assert methods, and their msg and
# longMessage handling.
import unittest
import warnings


class Dummy(unittest.TestCase):
    def runTest(self):
        pass


t = Dummy()


def show(name, *args, **kwargs):
    try:
        getattr(t, name)(*args, **kwargs)
    except AssertionError as e:
        print('%s: %s' % (name, e))
    else:
        print('%s: passed' % name)


show('assertEqual', 1, 1)
show('assertEqual', 1, 2)
show('assertEqual', 1, 2, 'custom')
show('assertEqual', 'abc', 'abd')
show('assertEqual', 'line1\nline2\n', 'line1\nline3\n')
show('assertEqual', 'a' * 100, 'a' * 99 + 'b')
show('assertEqual', [1, 2, 3], [1, 2, 4])
show('assertEqual', [1, 2, 3], [1, 2])
show('assertEqual', [1, 2], [1, 2, 3])
show('assertEqual', (1, 2), (1, 3))
show('assertEqual', {'a': 1, 'b': 2}, {'a': 1, 'b': 3})
show('assertEqual', {1, 2}, {2, 3})
show('assertEqual', frozenset({1}), frozenset())
show('assertEqual', list(range(100)), list(range(101)))
show('assertNotEqual', 1, 1)
show('assertTrue', 0)
show('assertFalse', 'x')
show('assertIs', 1, None)
show('assertIsNot', None, None)
show('assertIsNone', 3)
show('assertIsNotNone', None)
show('assertIn', 1, [2, 3])
show('assertNotIn', 2, [2, 3])
show('assertIsInstance', 1, str)
show('assertNotIsInstance', 1, int)
show('assertAlmostEqual', 1.0, 1.1)
show('assertAlmostEqual', 1.0, 1.00000001)
show('assertAlmostEqual', 1.0, 1.1, places=3)
show('assertAlmostEqual', 1.0, 1.5, delta=0.25)
show('assertNotAlmostEqual', 1.0, 1.0)
show('assertNotAlmostEqual', 1.0, 1.1, delta=0.5)
show('assertGreater', 1, 2)
show('assertGreaterEqual', 1, 2)
show('assertLess', 2, 1)
show('assertLessEqual', 2, 1)
show('assertCountEqual', [1, 1, 2], [1, 2, 2])
show('assertCountEqual', [[1], [2]], [[1], [3]])
show('assertMultiLineEqual', 'a\nb', 'a\nc')
show('assertSequenceEqual', [1, 2], (1, 2))
show('assertSequenceEqual', [1, 2], (1, 3))
show('assertListEqual', [1], (1,))
show('assertTupleEqual', (1,), [1])
show('assertSetEqual', {1}, [1])
show('assertDictEqual', {}, [])
show('assertSequenceEqual', [1], 5)
try:
    t.assertAlmostEqual(1, 2, places=1, delta=1)
except TypeError as e:
    print('TypeError:', e)

t.longMessage = False
show('assertEqual', 1, 2, 'only custom')
show('assertEqual', 1, 2)
t.longMessage = True

t.maxDiff = 20
show('assertEqual', [1, 2, 3, 4, 5], [1, 2, 3, 4, 6])
t.maxDiff = None


class Thing:
    def __repr__(self):
        raise ValueError('no repr')


try:
    t.assertIsNone(Thing())
except AssertionError as e:
    text = str(e)
    print(text[:text.index(' at 0x')], text[text.index('>'):])

# assertRaises and assertWarns, both forms.
with t.assertRaises(KeyError) as cm:
    {}['k']
print('caught', repr(cm.exception))
show('assertRaises', KeyError, lambda: None)
try:
    with t.assertRaises(ValueError):
        pass
except AssertionError as e:
    print('with assertRaises:', e)
try:
    with t.assertRaises(ValueError, msg='mine'):
        pass
except AssertionError as e:
    print('with assertRaises msg:', e)
try:
    with t.assertRaises(ValueError):
        raise KeyError('other')
except KeyError as e:
    print('passes through', repr(e))
try:
    t.assertRaises(3)
except TypeError as e:
    print('TypeError:', e)
try:
    t.assertRaises(ValueError, foo=1)
except TypeError as e:
    print('TypeError:', e)


def warn_it():
    warnings.warn('careful', UserWarning)


with t.assertWarns(UserWarning) as cm:
    warn_it()
print('warning', cm.warning, cm.filename.endswith('.py'), cm.lineno > 0)
show('assertWarns', UserWarning, lambda: None)

# Type-specific equality functions.
class Point:
    def __init__(self, x):
        self.x = x


def point_equal(a, b, msg=None):
    if a.x != b.x:
        raise t.failureException('points differ: %d %d' % (a.x, b.x))


t.addTypeEqualityFunc(Point, point_equal)
show('assertEqual', Point(1), Point(1))
show('assertEqual', Point(1), Point(2))
show('fail')
show('fail', 'explicit')
