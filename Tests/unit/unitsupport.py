"""Helpers shared by the unittest modules in Tests/unit.

The golden programs these tests replace compared printed text, so an int
3 and a float 3.0 were told apart, and so were 0.0 and -0.0.  TypedCase
keeps those checks: assertSame compares the value and its exact type.
"""

import math
import socket
import sysconfig
import threading
import unittest

FREE_THREADED = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))


def _same_float(a, b):
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)


class TypedCase(unittest.TestCase):

    def assertSame(self, actual, expected, msg=None):
        """Equal value and exactly the same type; floats also by sign of
        zero and NaN-ness, complex numbers part by part."""
        self.assertIs(type(actual), type(expected), msg)
        if isinstance(expected, float):
            if not _same_float(actual, expected):
                self.fail(self._formatMessage(msg, f"{actual!r} != {expected!r}"))
        elif isinstance(expected, complex):
            if not (_same_float(actual.real, expected.real)
                    and _same_float(actual.imag, expected.imag)):
                self.fail(self._formatMessage(msg, f"{actual!r} != {expected!r}"))
        elif isinstance(expected, (tuple, list)):
            self.assertEqual(len(actual), len(expected), msg)
            for a, e in zip(actual, expected):
                self.assertSame(a, e, msg)
        else:
            self.assertEqual(actual, expected, msg)

    def assertAllSame(self, pairs):
        """assertSame over (actual, expected) pairs, one subTest each."""
        for index, (actual, expected) in enumerate(pairs):
            with self.subTest(index=index, expected=expected):
                self.assertSame(actual, expected)


class ScriptedLineServer:
    """A server for one client connection on loopback, run in a thread, for
    testing protocol clients (ftplib, poplib, imaplib, ...).

    It calls greet(), then dispatch(line) for each CRLF-terminated line it
    reads (bytes, without the line end) until dispatch returns False or the
    client closes.  The lines read are kept in .received, as record(line)
    makes them.  Subclasses set their own attributes before calling
    __init__, which starts the thread.
    """

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.received = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        conn, _ = self.listener.accept()
        self.listener.close()
        with conn, conn.makefile("rb") as reader:
            self.conn = conn
            self.reader = reader
            self.greet()
            while raw := reader.readline():
                line = raw.rstrip(b"\r\n")
                self.received.append(self.record(line))
                if self.dispatch(line) is False:
                    return

    def send_line(self, data):
        self.conn.sendall(data + b"\r\n")

    def handler(self, verb):
        """The do_VERB method for a command verb (str), or None."""
        return getattr(self, "do_" + verb.upper(), None)

    def record(self, line):
        return line

    def greet(self):
        pass

    def dispatch(self, line):
        raise NotImplementedError
