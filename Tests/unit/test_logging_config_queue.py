"""logging.config.dictConfig: a MemoryHandler's flushLevel may be a
level name, a QueueHandler's listener may be a '()' factory dict; and
LogRecord.msecs agrees with created when the float seconds round up."""

import logging
import logging.config
import logging.handlers
import queue
import unittest
from unittest import mock


class TaggedListener(logging.handlers.QueueListener):
    pass


def make_listener(tag, respect_handler_level=False):
    def build(q, *handlers, **kwargs):
        kwargs.setdefault('respect_handler_level', respect_handler_level)
        listener = TaggedListener(q, *handlers, **kwargs)
        listener.tag = tag
        return listener
    return build


class DictConfigTest(unittest.TestCase):

    def setUp(self):
        self.addCleanup(logging.config.dictConfig,
                        {'version': 1, 'disable_existing_loggers': False})

    def test_memory_handler_flush_level_name(self):
        logging.config.dictConfig({
            'version': 1,
            'handlers': {
                'mem': {'class': 'logging.handlers.MemoryHandler',
                        'capacity': 5, 'flushLevel': 'ERROR'},
            },
        })
        handler = logging.getHandlerByName('mem')
        self.assertEqual(handler.flushLevel, logging.ERROR)

    def test_memory_handler_bad_flush_level(self):
        with self.assertRaises(ValueError):
            logging.config.dictConfig({
                'version': 1,
                'handlers': {
                    'mem': {'class': 'logging.handlers.MemoryHandler',
                            'capacity': 5, 'flushLevel': 'NOPE'},
                },
            })

    def test_listener_factory_dict(self):
        logging.config.dictConfig({
            'version': 1,
            'handlers': {
                'sink': {'class': 'logging.NullHandler'},
                'q': {'class': 'logging.handlers.QueueHandler',
                      'handlers': ['sink'],
                      'respect_handler_level': True,
                      'listener': {'()': __name__ + '.make_listener',
                                   'tag': 'made'}},
            },
        })
        listener = logging.getHandlerByName('q').listener
        self.assertIsInstance(listener, TaggedListener)
        self.assertEqual(listener.tag, 'made')
        self.assertTrue(listener.respect_handler_level)
        self.assertIsInstance(listener.queue, queue.Queue)
        self.assertEqual(listener.handlers,
                         (logging.getHandlerByName('sink'),))


class MsecsTest(unittest.TestCase):

    def msecs_at(self, ns):
        with mock.patch('time.time_ns', return_value=ns):
            return logging.makeLogRecord({'msg': 'x'})

    def test_truncated(self):
        self.assertEqual(self.msecs_at(1_677_903_920_999_998_503).msecs,
                         999.0)
        self.assertEqual(self.msecs_at(1_677_903_920_000_998_503).msecs, 0.0)

    def test_rounded_up_second(self):
        record = self.msecs_at(1_677_903_920_999_999_900)
        self.assertEqual(record.created, 1_677_903_921.0)
        self.assertEqual(record.msecs, 0.0)


if __name__ == '__main__':
    unittest.main()
