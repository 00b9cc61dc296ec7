# unittest.mock: spec signatures, create_autospec, patch(autospec=True),
# AsyncMock without an event loop.
from unittest import mock
from unittest.mock import (Mock, MagicMock, AsyncMock, call, ANY, patch,
                           create_autospec)


def fails(func, *args, **kwargs):
    try:
        func(*args, **kwargs)
    except (AssertionError, AttributeError, TypeError, ValueError) as e:
        print('%s: %s' % (type(e).__name__, e))
    else:
        print('passed')


def masked(obj):
    text = repr(obj)
    if " id='" in text:
        text = text[:text.index(" id='")] + '>'
    return text


def function(a, b, *, c=3):
    return a + b


class Widget:
    size = 10

    def __init__(self, name):
        self.name = name

    def resize(self, width, height=1):
        return width * height

    @classmethod
    def make(cls, kind):
        return cls(kind)

    @staticmethod
    def helper(x):
        return x

    @property
    def area(self):
        return self.size * self.size

    async def fetch(self, url):
        return url


print('--- spec signature matching')
m = Mock(spec=function)
m(1, 2)
m.assert_called_with(1, b=2)
m.assert_called_with(a=1, b=2)
fails(m.assert_called_with, 1, 3)
m = Mock(spec=function)
m(1, 2)
fails(m.assert_any_call, 1)
m.assert_has_calls([call(a=1, b=2)])

print('--- create_autospec of a function')
f = create_autospec(function, return_value=5)
print(f(1, 2), f(1, b=2, c=4), type(f).__name__, f.__name__)
fails(f, 1)
fails(f, 1, 2, 3)
fails(f, 1, 2, d=4)
f.assert_called_with(1, b=2, c=4)
f.assert_any_call(1, 2)
print(f.call_count, f.call_args_list, f.mock.call_count)
f.reset_mock()
print(f.call_count, f.called)
f.side_effect = [10, 20]
print(f(1, 2), f(3, 4))
fails(getattr, f, 'no_such_attribute')

print('--- create_autospec of a class')
W = create_autospec(Widget)
w = W('name')
print(masked(W), masked(w))
fails(W)
print(w.size is not Widget.size, masked(w.resize))
w.resize(5, height=2)
w.resize.assert_called_once_with(5, height=2)
w.resize.assert_called_once_with(5, 2)
fails(w.resize)
fails(w.resize, 1, 2, 3)
fails(getattr, w, 'missing')
W.make('x')
W.make.assert_called_with('x')
W.helper(1)
fails(W.helper)
print(W.mock_calls)
print(isinstance(w, Widget), isinstance(W, type))
fails(setattr, create_autospec(Widget, spec_set=True, instance=True),
      'other', 1)
i = create_autospec(Widget, instance=True)
fails(i)
print(masked(i))
print(type(W.fetch).__name__, type(w.fetch).__name__)

print('--- patch with autospec')
def dumps(obj, *, indent=None):
    return repr(obj)


with patch(__name__ + '.dumps', autospec=True) as patched:
    patched.return_value = 'stub'
    print(dumps({'a': 1}), type(patched).__name__, patched is dumps)
    fails(dumps)
    fails(dumps, 1, 2, 3)
patched.assert_called_once_with({'a': 1})
print(dumps([1]))
with patch.object(Widget, 'resize', autospec=True) as resize:
    resize.return_value = 99
    real = Widget('r')
    print(real.resize(3))
    resize.assert_called_once_with(real, 3)
print(Widget('r').resize(3))
with patch(__name__ + '.function', spec=True) as loads:
    loads(1, 2)
    fails(loads)
fails(lambda: patch(__name__ + '.function', spec=True, autospec=True).start())
fails(lambda: patch(__name__ + '.function', new=1, new_callable=Mock))

print('--- AsyncMock without an event loop')
am = AsyncMock(return_value=3)
coro = am(1, key=2)
print(type(coro).__name__, am.call_count, am.await_count)
try:
    coro.send(None)
except StopIteration as stop:
    print('result', stop.value)
print(am.await_count, am.await_args, am.await_args_list)
am.assert_awaited()
am.assert_awaited_once_with(1, key=2)
am.assert_any_await(1, key=2)
am.assert_has_awaits([call(1, key=2)])
fails(am.assert_not_awaited)
fails(am.assert_awaited_with, 5)
fails(AsyncMock().assert_awaited)
fails(AsyncMock().assert_awaited_with, 1)
fails(am.assert_has_awaits, [call(9)])
am = AsyncMock(side_effect=KeyError('async'))
try:
    am().send(None)
except KeyError as e:
    print('KeyError', e)
am.reset_mock()
print(am.await_count, am.call_count)
mm = MagicMock()
print(type(mm.__aenter__).__name__, type(mm.__aexit__).__name__)
sm = Mock(spec=Widget)
print(type(sm.fetch).__name__, type(sm.resize).__name__)
print(type(MagicMock(Widget.fetch)).__name__)
