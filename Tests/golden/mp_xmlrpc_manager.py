# A manager using the 'xmlrpclib' serializer: values cross as XML-RPC
# marshals them (tuples become lists, bytes come back as Binary, which
# compares equal to the bytes), and a second client connects by address.
import queue
from multiprocessing.managers import BaseManager

shared_queue = queue.Queue()


def get_queue():
    return shared_queue


class QueueManager(BaseManager):
    pass


QueueManager.register('get_queue', callable=get_queue)

if __name__ == '__main__':
    manager = QueueManager(address=('127.0.0.1', 0), authkey=b'secret',
                           serializer='xmlrpclib')
    manager.start()
    proxy = manager.get_queue()
    values = ('hello', None, True, 2.25, 'h\xe5llo', b'raw', [1, 2], {'a': 1})
    proxy.put(values)
    got = proxy.get()
    print(type(got).__name__, got[:5], got[6:])
    print(type(got[5]).__name__, got[5] == b'raw', got[5].data)
    other = QueueManager(address=manager.address, authkey=b'secret',
                         serializer='xmlrpclib')
    other.connect()
    other.get_queue().put(7)
    print(proxy.get(), proxy.qsize())
    manager.shutdown()
