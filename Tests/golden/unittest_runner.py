# TextTestRunner's report at each verbosity, with failures, errors, skips,
# expected failures, unexpected successes and subtests; failfast; buffer.
import io
import os
import sys
import unittest


def clean(text):
    text = text.replace(__file__, os.path.basename(__file__))
    # Timings vary, and caret lines depend on the traceback module's
    # heuristics: keep the rest byte for byte.
    lines = []
    for line in text.split('\n'):
        if line.startswith('Ran ') and ' in ' in line:
            line = line[:line.rindex(' in ')] + ' in X.XXXs'
        if line.strip() and set(line.strip()) <= set('~^'):
            continue
        lines.append(line)
    return '\n'.join(lines)


def run(suite, **kwargs):
    stream = io.StringIO()
    runner = unittest.TextTestRunner(stream=stream, **kwargs)
    result = runner.run(suite)
    print(clean(stream.getvalue()))
    return result


class Mixed(unittest.TestCase):
    def test_ok(self):
        """Passes: the first docstring line is shown.

        Not this one."""
        self.assertEqual(1, 1)

    def test_fail(self):
        self.assertEqual(1, 2)

    def test_error(self):
        raise ValueError('boom')

    @unittest.skip('not today')
    def test_skip(self):
        pass

    @unittest.skipIf(True, 'condition held')
    def test_skip_if(self):
        pass

    @unittest.skipUnless(True, 'never shown')
    def test_skip_unless(self):
        pass

    @unittest.expectedFailure
    def test_expected(self):
        self.assertTrue(False)

    @unittest.expectedFailure
    def test_unexpected(self):
        pass

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertLess(i, 2)
        with self.subTest('message', a=1):
            raise KeyError('sub')

    def test_skip_inside(self):
        self.skipTest('changed my mind')

    def test_chained(self):
        try:
            {}['missing']
        except KeyError:
            raise RuntimeError('while handling')


def load(cls):
    return unittest.defaultTestLoader.loadTestsFromTestCase(cls)


for verbosity in (0, 1, 2):
    print('--- verbosity', verbosity)
    result = run(load(Mixed), verbosity=verbosity)
print(result)
print(len(result.failures), len(result.errors), len(result.skipped),
      len(result.expectedFailures), len(result.unexpectedSuccesses),
      result.testsRun, result.wasSuccessful())
print([str(test) for test, _ in result.failures])
print([(str(test), reason) for test, reason in result.skipped])

print('--- failfast')
result = run(load(Mixed), failfast=True)
print(result.testsRun, result.shouldStop)


class Printing(unittest.TestCase):
    def test_quiet_pass(self):
        print('hidden output')

    def test_loud_fail(self):
        print('shown output')
        sys.stderr.write('to stderr')
        self.fail('failed')


print('--- buffer')
saved = sys.stdout, sys.stderr
sys.stderr = sys.stdout
try:
    run(load(Printing), buffer=True)
finally:
    sys.stdout, sys.stderr = saved

print('--- all ok')
class Good(unittest.TestCase):
    def test_a(self):
        pass

    @unittest.skip('s')
    def test_b(self):
        pass

run(load(Good))
run(load(Good), verbosity=2, descriptions=False)

print('--- FunctionTestCase')
def plain():
    """A plain function."""
    assert 2 + 2 == 5, 'arithmetic'

ftc = unittest.FunctionTestCase(plain, description='custom description')
print(ftc, '|', ftc.id(), '|', ftc.shortDescription())
run(unittest.TestSuite([ftc]), verbosity=2)

print('--- case API')
case = Mixed('test_ok')
print(case.id(), '|', str(case), '|', repr(case))
print(case.shortDescription(), case.countTestCases())
print(case == Mixed('test_ok'), case == Mixed('test_fail'))
print(type(case.defaultTestResult()).__name__)
try:
    Mixed('test_nothing')
except ValueError as e:
    print('ValueError:', e)
result = unittest.TestResult()
Mixed('test_fail').run(result)
print(result, result.failures[0][1].splitlines()[-1])
Mixed('test_ok').debug()
try:
    Mixed('test_error').debug()
except ValueError as e:
    print('debug raised', e)
try:
    Mixed('test_skip').debug()
except unittest.SkipTest as e:
    print('debug skip', e)

print('--- durations (3.12)')
for durations in (2, 0):
    stream = io.StringIO()
    runner = unittest.TextTestRunner(stream=stream, durations=durations)
    result = runner._makeResult()
    result.addDuration('slow_test', 0.25)
    result.addDuration('quick_test', 0.0001)
    result.addDuration('medium_test', 0.0502)
    runner._printDurations(result)
    print(stream.getvalue())
