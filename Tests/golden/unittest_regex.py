# The assert methods that use regular expressions.
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


def warn_it():
    warnings.warn('careful', UserWarning)


show('assertRegex', 'hello', 'x+')
show('assertRegex', 'hello', 'l+')
show('assertNotRegex', 'hello', 'l+')
show('assertRegex', 'hello', 'x', 'custom')
with t.assertRaisesRegex(ValueError, 'b.d') as cm:
    raise ValueError('a bad value')
print('regex caught', cm.exception)
show('assertRaisesRegex', ValueError, 'x', int, 'abc')
show('assertWarnsRegex', UserWarning, 'nothing', warn_it)
with t.assertWarnsRegex(UserWarning, 'car'):
    warn_it()
print('done')
