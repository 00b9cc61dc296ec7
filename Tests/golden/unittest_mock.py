# unittest.mock: Mock and MagicMock behaviour, call recording, assertion
# messages, side_effect, patch in all its forms, mock_open, seal.
import os
import unittest
from unittest import mock
from unittest.mock import (Mock, MagicMock, NonCallableMock, call, ANY,
                           DEFAULT, sentinel, patch, PropertyMock)


def fails(func, *args, **kwargs):
    try:
        func(*args, **kwargs)
    except (AssertionError, AttributeError, TypeError) as e:
        print('%s: %s' % (type(e).__name__, e))
    else:
        print('passed')


def masked(obj):
    # Mock reprs hold an id.
    text = repr(obj)
    if " id='" in text:
        text = text[:text.index(" id='")] + '>'
    return text


print('--- calls')
m = Mock()
print(m(1, 2, a=3) is m.return_value, masked(m.return_value))
m.method('x')
m.attr.sub(y=1)
m.method().chained(2)
print(m.call_args, m.call_args.args, m.call_args.kwargs)
print(m.call_args_list)
print(m.mock_calls)
print(m.method_calls)
print(m.call_count, m.called, m.method.call_count)
print(m.method.mock_calls)
print(masked(m.attr.sub), masked(m.method()))
print(call(1).foo(2).call_list())
print(call.a.b(1, x=ANY) == call.a.b(1, x=5), call(1) == call(2))
print(call(1, b=2) == ((1,), {'b': 2}), call.name(1) == ('name', (1,), {}))
print(call.count(), call.index(3))
print(m.mock_calls == [call(1, 2, a=3), call.method('x'),
                       call.attr.sub(y=1), call.method(),
                       call.method().chained(2)])

print('--- assertion messages')
m = Mock(name='named')
fails(m.assert_called)
fails(m.assert_called_with, 1)
m(1, key='v')
m(2)
fails(m.assert_called_with, 1, key='v')
fails(m.assert_called_once)
fails(m.assert_called_once_with, 2)
fails(m.assert_not_called)
fails(m.assert_any_call, 3)
fails(m.assert_has_calls, [call(2), call(1, key='v')])
fails(m.assert_has_calls, [call(3)], any_order=True)
m.assert_any_call(1, key=ANY)
m.assert_has_calls([call(1, key='v'), call(2)])
m.assert_has_calls([call(2), call(1, key='v')], any_order=True)
fails(Mock().assert_called_once)
fails(getattr, m, 'assert_calld')
fails(getattr, m, 'called_once_with')
print(masked(Mock(unsafe=True).assert_calld))

print('--- return_value and side_effect')
m = Mock(return_value=sentinel.result)
print(m(), sentinel.result is sentinel.result, sentinel.result)
m = Mock(side_effect=[1, 2, KeyError('k')])
print(m(), m())
try:
    m()
except KeyError as e:
    print('KeyError', e)
except StopIteration:
    print('StopIteration')
m = Mock(side_effect=ValueError('always'))
try:
    m()
except ValueError as e:
    print('ValueError', e)
m = Mock(side_effect=lambda x: x * 2)
print(m(21))
m = Mock(side_effect=lambda: DEFAULT, return_value=7)
print(m())
m = Mock(return_value=3)
m.side_effect = None
print(m())
real = [1, 2]
m = Mock(wraps=real)
m.append(3)
print(real, m.append.call_args, m.__len__ if False else 'ok')

print('--- configure, attach, reset, del, dir')
m = Mock(**{'a.return_value': 3, 'b': 4, 'c.side_effect': KeyError})
print(m.a(), m.b)
m.configure_mock(d=5)
print(m.d)
parent = Mock()
child = Mock(return_value=None)
parent.attach_mock(child, 'kid')
parent.kid(1)
print(parent.mock_calls, parent.method_calls)
parent.reset_mock()
print(parent.mock_calls, child.call_count, parent.kid.call_count)
m = Mock(return_value=1, side_effect=[5])
m.reset_mock(return_value=True, side_effect=True)
print(masked(m()))
m = Mock()
m.x
del m.x
fails(getattr, m, 'x')
print([n for n in dir(Mock()) if n.startswith('assert')][:3])
m = Mock()
m.visible = 1
m.child
print('visible' in dir(m), 'child' in dir(m))

print('--- MagicMock')
mm = MagicMock()
print(len(mm), int(mm), float(mm), bool(mm), complex(mm), list(mm),
      3 in mm, mm == mm, mm != mm, mm == 3, mm.__index__())
print(masked(abs(mm)), masked(mm[0]), masked(mm + 1))
print(hash(mm) == object.__hash__(mm), str(mm) == object.__str__(mm))
mm.__len__.return_value = 7
mm.__iter__.return_value = iter([1, 2])
mm.__getitem__.side_effect = lambda k: k * 2
mm.__contains__.return_value = True
print(len(mm), list(mm), mm[4], 'x' in mm)
with mm as entered:
    print(entered is mm.__enter__.return_value)
mm.__exit__.return_value = True
with mm:
    raise ValueError('swallowed')
print('exit swallowed', mm.__exit__.call_args[0][0].__name__)
mm['k'] = 'v'
print(mm.__setitem__.call_args, mm.mock_calls[-1])
mm.__str__ = lambda self: 'custom str'
print(str(mm))
fails(setattr, mm, '__getattr__', None)
print(mm < 1 if False else 'cmp', masked(MagicMock(name='mmm')))
try:
    MagicMock() < 1
except TypeError:
    print('lt unsupported by default')
nc = mock.NonCallableMagicMock()
fails(nc)
print(len(nc))

print('--- spec')
class Spec:
    attr = 1

    def method(self, a, b=2):
        pass

m = Mock(spec=Spec)
print(isinstance(m, Spec), masked(m.method), masked(m))
fails(getattr, m, 'missing')
m.new_attr = 1
print(m.new_attr)
m = Mock(spec_set=Spec)
fails(setattr, m, 'other', 1)
m = Mock(spec=['a', 'b'])
print(masked(m.a))
fails(getattr, m, 'c')
m = Mock(spec=Spec)
m.method(1, 2)
m.method.assert_called_with(1, 2)
m = Mock()
m.__class__ = dict
print(isinstance(m, dict))

print('--- patch')
with patch('os.getcwd', return_value='/patched') as g:
    print(os.getcwd(), g.call_count, masked(g))
print(os.getcwd() != '/patched')


@patch.object(os, 'sep', '!')
@patch('os.getpid')
def decorated(getpid):
    getpid.return_value = 42
    return os.getpid(), os.sep


print(decorated(), os.sep)


@patch('os.getpid', new_callable=PropertyMock)
def with_new_callable(getpid):
    return type(getpid).__name__


print(with_new_callable())
p = patch('os.getcwd')
started = p.start()
print(masked(os.getcwd), started is os.getcwd)
patch.stopall()
print(type(os.getcwd).__name__)
p.stop()
with patch('os.no_such_attr', create=True, new=5):
    print(os.no_such_attr)
print(hasattr(os, 'no_such_attr'))
fails(lambda: patch.object(Spec, 'no_such_attr').start())
fails(patch, 'nodots')
fails(patch.object, 'os', 'sep')
with patch.multiple(os, getpid=DEFAULT, sep='#') as values:
    print(sorted(values), os.sep, masked(values['getpid']))

d = {'a': 1}
with patch.dict(d, b=2):
    print(d)
with patch.dict(d, {'c': 3}, clear=True):
    print(d)
print(d)
with patch.dict('os.environ', {'UNITTEST_MOCK_VAR': 'set'}):
    print(os.environ['UNITTEST_MOCK_VAR'])
print('UNITTEST_MOCK_VAR' in os.environ)


@patch.dict(d, z=26)
def sees_patched_dict():
    return dict(d)


print(sees_patched_dict(), d)


class Patched(unittest.TestCase):
    value = 1

    def test_one(self, getpid):
        return getpid

    def not_a_test(self):
        return 'plain'


Patched = patch('os.getpid')(Patched)
print(masked(Patched('test_one').test_one()), Patched('test_one').not_a_test())


@patch('os.getpid', return_value=1)
@patch('os.getppid', return_value=2)
def stacked(getppid, getpid):
    return os.getpid(), os.getppid(), getpid.return_value


print(stacked())
try:
    with patch('os.getpid', side_effect=OSError('in patch')):
        os.getpid()
except OSError as e:
    print('OSError', e, type(os.getpid).__name__)

print('--- PropertyMock, mock_open, seal, sentinel')
class WithProperty:
    pass

pm = PropertyMock(return_value=3)
WithProperty.prop = pm
obj = WithProperty()
print(obj.prop)
obj.prop = 4
print(pm.mock_calls)
mo = mock.mock_open(read_data='line1\nline2\n')
with patch('builtins.open', mo):
    with open('some file') as fh:
        print(repr(fh.read()))
    with open('some file') as fh:
        print(list(fh))
    with open('some file') as fh:
        print(repr(fh.readline()), fh.readlines())
    with open('out', 'w') as fh:
        fh.write('data')
mo.assert_called_with('out', 'w')
print(mo.return_value.write.call_args, mo.call_count)
mo = mock.mock_open(read_data=b'bytes')
print(masked(mo()()), mo().read())
m = Mock()
m.made_before.return_value = 1
mock.seal(m)
print(m.made_before())
fails(getattr, m, 'new_one')
fails(getattr, m.made_before, 'anything')
print(sentinel.a is sentinel.a, sentinel.a is not sentinel.b, sentinel.a)
print(repr(ANY), ANY == object(), ANY != 1, [1, ANY] == [1, 'x'])
print(masked(NonCallableMock()))
fails(NonCallableMock())
print(DEFAULT)
