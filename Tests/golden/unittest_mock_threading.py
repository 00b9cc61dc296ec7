# ThreadingMock (3.13): waiting for calls made by other threads.
import threading
from unittest.mock import ThreadingMock, call

m = ThreadingMock(name='worker', timeout=5)
thread = threading.Thread(target=lambda: (m.method(1), m(2, k=3)))
thread.start()
m.method.wait_until_any_call_with(1)
m.wait_until_called()
m.wait_until_any_call_with(2, k=3)
thread.join()
print(m.mock_calls)
print(type(m.method).__name__, m.method._mock_wait_timeout)

quick = ThreadingMock(timeout=0.01)
try:
    quick.wait_until_called()
except AssertionError as e:
    print(e)
try:
    quick.wait_until_called(timeout=0.02)
except AssertionError as e:
    print(e)
quick(1)
try:
    quick.wait_until_any_call_with(2)
except AssertionError as e:
    print(e)
quick.wait_until_any_call_with(1)
quick.reset_mock()
try:
    quick.wait_until_called()
except AssertionError as e:
    print('after reset:', e)
print(len(quick), ThreadingMock.DEFAULT_TIMEOUT)
