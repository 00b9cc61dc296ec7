"""poplib against a scripted POP3 server on loopback."""

import hashlib
import unittest

import poplib
from unitsupport import ScriptedLineServer

MESSAGES = [
    b"From: a@example.com\r\nSubject: one\r\n\r\nbody one\r\n",
    b"From: b@example.com\r\nSubject: two\r\n\r\n.leading dot\r\nend\r\n",
]
BANNER = b"+OK POP3 ready <1896.697170952@dbc.mtview.ca.us>"


class MiniPOP3Server(ScriptedLineServer):

    def greet(self):
        self.send(BANNER)

    def record(self, line):
        return line.decode()

    def dispatch(self, line):
        verb, _, argument = line.decode().partition(" ")
        handler = getattr(self, "do_" + verb, None)
        if handler is None:
            self.send(b"-ERR unknown command")
            return True
        return handler(argument) != "quit"

    def send(self, line):
        self.send_line(line)

    def send_multiline(self, status, lines):
        self.send(status)
        for line in lines:
            self.send(b"." + line if line.startswith(b".") else line)
        self.send(b".")

    def do_USER(self, name):
        self.send(b"+OK send PASS")

    def do_PASS(self, password):
        self.send(b"+OK logged in" if password == "secret"
                  else b"-ERR invalid password")

    def do_APOP(self, argument):
        user, digest = argument.split()
        expected = hashlib.md5(b"<1896.697170952@dbc.mtview.ca.us>secret")
        self.send(b"+OK maildrop locked" if digest == expected.hexdigest()
                  else b"-ERR permission denied")

    def do_STAT(self, _):
        self.send(b"+OK %d %d" % (len(MESSAGES), sum(map(len, MESSAGES))))

    def do_LIST(self, which):
        if which:
            number = int(which)
            self.send(b"+OK %d %d" % (number, len(MESSAGES[number - 1])))
        else:
            self.send_multiline(b"+OK scan listing follows",
                                [b"%d %d" % (n, len(m))
                                 for n, m in enumerate(MESSAGES, 1)])

    def do_RETR(self, which):
        body = MESSAGES[int(which) - 1]
        self.send_multiline(b"+OK message follows", body.split(b"\r\n")[:-1])

    def do_TOP(self, argument):
        which, count = map(int, argument.split())
        head, _, body = MESSAGES[which - 1].partition(b"\r\n\r\n")
        lines = head.split(b"\r\n") + [b""] + body.split(b"\r\n")[:count]
        self.send_multiline(b"+OK top follows", lines)

    def do_UIDL(self, which):
        if which:
            self.send(b"+OK %s uid-%s" % (which.encode(), which.encode()))
        else:
            self.send_multiline(b"+OK", [b"1 uid-1", b"2 uid-2"])

    def do_CAPA(self, _):
        self.send_multiline(b"+OK capability list",
                            [b"TOP", b"UIDL", b"SASL PLAIN LOGIN", b"UTF8"])

    def do_DELE(self, which):
        self.send(b"+OK message %s deleted" % which.encode())

    def do_NOOP(self, _):
        self.send(b"+OK")

    def do_RSET(self, _):
        self.send(b"+OK maildrop has 2 messages")

    def do_QUIT(self, _):
        self.send(b"+OK bye")
        return "quit"


class POP3Test(unittest.TestCase):

    def setUp(self):
        self.server = MiniPOP3Server()
        self.pop = poplib.POP3("127.0.0.1", self.server.port, timeout=5)

    def tearDown(self):
        if self.pop.sock is not None:
            self.pop.close()
        self.server.thread.join(5)

    def test_welcome_and_login(self):
        self.assertEqual(self.pop.getwelcome(), BANNER)
        self.assertEqual(self.pop.user("bob"), b"+OK send PASS")
        self.assertEqual(self.pop.pass_("secret"), b"+OK logged in")

    def test_error_reply_raises(self):
        self.pop.user("bob")
        with self.assertRaises(poplib.error_proto) as caught:
            self.pop.pass_("nope")
        self.assertEqual(caught.exception.args, (b"-ERR invalid password",))

    def test_apop(self):
        self.assertEqual(self.pop.apop("bob", "secret"), b"+OK maildrop locked")

    def test_stat_list_retr(self):
        self.assertEqual(self.pop.stat(), (2, sum(map(len, MESSAGES))))
        status, lines, octets = self.pop.list()
        self.assertEqual(lines, [b"1 %d" % len(MESSAGES[0]),
                                 b"2 %d" % len(MESSAGES[1])])
        self.assertEqual(self.pop.list(2), b"+OK 2 %d" % len(MESSAGES[1]))
        status, lines, octets = self.pop.retr(2)
        self.assertEqual(status, b"+OK message follows")
        self.assertEqual(lines, [b"From: b@example.com", b"Subject: two", b"",
                                 b".leading dot", b"end"])
        # Octets count the lines as sent, CRLF included, stuffing removed.
        self.assertEqual(octets, len(MESSAGES[1]))

    def test_top_and_uidl(self):
        _, lines, _ = self.pop.top(1, 0)
        self.assertEqual(lines, [b"From: a@example.com", b"Subject: one", b""])
        self.assertEqual(self.pop.uidl()[1], [b"1 uid-1", b"2 uid-2"])
        self.assertEqual(self.pop.uidl(2), b"+OK 2 uid-2")

    def test_capa(self):
        self.assertEqual(self.pop.capa(),
                         {"TOP": [], "UIDL": [], "SASL": ["PLAIN", "LOGIN"],
                          "UTF8": []})

    def test_stls_needs_capability(self):
        if not hasattr(poplib, "POP3_SSL"):
            self.skipTest("ssl is not available")
        with self.assertRaises(poplib.error_proto) as caught:
            self.pop.stls()
        self.assertEqual(str(caught.exception), "-ERR STLS not supported by server")

    def test_simple_commands_and_quit(self):
        self.assertEqual(self.pop.noop(), b"+OK")
        self.assertEqual(self.pop.rset(), b"+OK maildrop has 2 messages")
        self.assertEqual(self.pop.dele(1), b"+OK message 1 deleted")
        self.assertEqual(self.pop.quit(), b"+OK bye")
        self.assertIsNone(self.pop.sock)
        self.assertEqual(self.server.received[-1], "QUIT")


class ConnectTest(unittest.TestCase):

    def test_zero_timeout_rejected(self):
        with self.assertRaises(ValueError):
            poplib.POP3("127.0.0.1", 1, timeout=0)


if __name__ == "__main__":
    unittest.main()
