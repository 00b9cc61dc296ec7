# Fixtures at every level: setUp/tearDown, setUpClass/tearDownClass,
# setUpModule/tearDownModule, cleanups, contexts, and their failures.
import io
import os
import sys
import unittest

log = []


def clean(text):
    text = text.replace(__file__, os.path.basename(__file__))
    lines = []
    for line in text.split('\n'):
        if line.startswith('Ran ') and ' in ' in line:
            line = line[:line.rindex(' in ')] + ' in X.XXXs'
        if line.strip() and set(line.strip()) <= set('~^'):
            continue
        lines.append(line)
    return '\n'.join(lines)


def run(*classes, verbosity=1):
    suite = unittest.TestSuite()
    for cls in classes:
        suite.addTests(unittest.defaultTestLoader.loadTestsFromTestCase(cls))
    stream = io.StringIO()
    result = unittest.TextTestRunner(stream=stream,
                                     verbosity=verbosity).run(suite)
    print(clean(stream.getvalue()))
    print('log:', log)
    del log[:]
    return result


class Context:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        log.append('enter ' + self.name)
        return self.name.upper()

    def __exit__(self, *exc):
        log.append('exit ' + self.name)
        return False


def setUpModule():
    log.append('setUpModule')
    unittest.addModuleCleanup(log.append, 'module cleanup')


def tearDownModule():
    log.append('tearDownModule')


class Ordered(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append('setUpClass')
        cls.addClassCleanup(log.append, 'class cleanup')
        log.append(cls.enterClassContext(Context('class ctx')))

    @classmethod
    def tearDownClass(cls):
        log.append('tearDownClass')

    def setUp(self):
        log.append('setUp ' + self._testMethodName)
        self.addCleanup(log.append, 'cleanup 1')
        self.addCleanup(log.append, 'cleanup 2')
        log.append(self.enterContext(Context('test ctx')))

    def tearDown(self):
        log.append('tearDown')

    def test_one(self):
        log.append('one')

    def test_two(self):
        log.append('two')
        self.fail('two fails')


run(Ordered)


class BrokenSetUp(unittest.TestCase):
    def setUp(self):
        self.addCleanup(log.append, 'cleanup after failed setUp')
        raise RuntimeError('setUp broke')

    def tearDown(self):
        log.append('tearDown never runs')

    def test_it(self):
        log.append('never runs')


class BrokenTearDown(unittest.TestCase):
    def tearDown(self):
        raise RuntimeError('tearDown broke')

    def test_it(self):
        log.append('test ran')


class BrokenCleanup(unittest.TestCase):
    def test_it(self):
        self.addCleanup(self.fail, 'cleanup failed')
        self.addCleanup(log.append, 'other cleanup still runs')


run(BrokenSetUp, BrokenTearDown, BrokenCleanup, verbosity=2)


class BrokenSetUpClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.addClassCleanup(log.append, 'class cleanup after failure')
        raise ValueError('class setup broke')

    def test_skipped_by_failure(self):
        log.append('never runs')


class BrokenTearDownClass(unittest.TestCase):
    @classmethod
    def tearDownClass(cls):
        raise ValueError('class teardown broke')

    def test_fine(self):
        log.append('fine')


class SkipInSetUpClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise unittest.SkipTest('whole class')

    def test_a(self):
        pass


@unittest.skip('decorated class')
class SkippedClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append('never')

    def test_a(self):
        pass

    def test_b(self):
        pass


run(BrokenSetUpClass, BrokenTearDownClass, SkipInSetUpClass, SkippedClass)


class NotContext:
    pass


class BadContext(unittest.TestCase):
    def runTest(self):
        pass


try:
    BadContext().enterContext(NotContext())
except TypeError as e:
    print('TypeError:', e)

# Module-level fixtures of a module that fails in setUpModule.
import types
broken = types.ModuleType('broken_module')
sys.modules['broken_module'] = broken


def broken_setup():
    unittest.addModuleCleanup(log.append, 'module cleanup after failure')
    raise OSError('module setup broke')


broken.setUpModule = broken_setup
InBroken = type('InBroken', (unittest.TestCase,),
                {'test_x': lambda self: log.append('never'),
                 '__module__': 'broken_module'})
run(InBroken)

# doCleanups outside a run, and doModuleCleanups raising.
case = Ordered('test_one')
case.addCleanup(log.append, 'direct')
print(case.doCleanups(), log)
del log[:]
unittest.addModuleCleanup(log.append, 'a')
unittest.addModuleCleanup(lambda: 1 / 0)
try:
    unittest.doModuleCleanups()
except ZeroDivisionError as e:
    print('doModuleCleanups raised', e, log)
del log[:]
print(unittest.enterModuleContext(Context('module ctx')), log)
unittest.doModuleCleanups()
print(log)
