"""imaplib against a scripted IMAP4rev1 server on loopback."""

import base64
import re
import time
import unittest
from datetime import datetime, timedelta, timezone

import imaplib
from unitsupport import ScriptedLineServer

MESSAGE = b"From: a@example.com\r\nSubject: hi\r\n\r\nhello\r\n"


class MiniIMAPServer(ScriptedLineServer):
    """Answers the commands the tests send; records every line it reads."""

    def __init__(self, banner=b"* OK IMAP4rev1 ready"):
        self.banner = banner
        self.appended = []
        super().__init__()

    def greet(self):
        self.send(self.banner)

    def dispatch(self, line):
        tag, command, *rest = line.split(b" ", 2)
        argument = rest[0] if rest else b""
        handler = self.handler(command.decode())
        if handler is None:
            self.send(tag + b" BAD unknown command")
            return True
        return handler(tag, argument) != "logout"

    def send(self, line):
        self.send_line(line)

    def do_CAPABILITY(self, tag, _):
        self.send(b"* CAPABILITY IMAP4rev1 IDLE ENABLE AUTH=PLAIN UTF8=ACCEPT")
        self.send(tag + b" OK CAPABILITY completed")

    def do_LOGIN(self, tag, argument):
        user, password = argument.split(b" ", 1)
        if password == b'"pa\\"ss"':
            self.send(tag + b" OK LOGIN completed")
        else:
            self.send(tag + b" NO [AUTHENTICATIONFAILED] Invalid credentials")

    def do_AUTHENTICATE(self, tag, argument):
        self.send(b"+ ")
        answer = base64.b64decode(self.reader.readline().rstrip(b"\r\n"))
        self.auth_answer = answer
        self.send(tag + b" OK AUTHENTICATE completed")

    def do_SELECT(self, tag, argument):
        self.send(b"* FLAGS (\\Answered \\Seen \\Deleted)")
        self.send(b"* 3 EXISTS")
        self.send(b"* 0 RECENT")
        self.send(b"* OK [UIDVALIDITY 3857529045] UIDs valid")
        self.send(tag + b" OK [READ-WRITE] SELECT completed")

    def do_EXAMINE(self, tag, argument):
        self.send(b"* 3 EXISTS")
        self.send(tag + b" OK [READ-ONLY] EXAMINE completed")

    def do_FETCH(self, tag, argument):
        self.send(b'* 1 FETCH (FLAGS (\\Seen) INTERNALDATE '
                  b'"17-Jul-1996 02:44:25 -0700" RFC822 {%d}' % len(MESSAGE))
        self.conn.sendall(MESSAGE)
        self.send(b")")
        self.send(tag + b" OK FETCH completed")

    def do_SEARCH(self, tag, argument):
        self.send(b"* SEARCH 2 3")
        self.send(tag + b" OK SEARCH completed")

    def do_UID(self, tag, argument):
        self.send(b"* 2 FETCH (UID 42 FLAGS (\\Seen))")
        self.send(tag + b" OK UID completed")

    def do_STORE(self, tag, argument):
        self.send(b"* 2 FETCH (FLAGS (\\Deleted \\Seen))")
        self.send(tag + b" OK STORE completed")

    def do_APPEND(self, tag, argument):
        size = int(re.search(rb"{(\d+)}$", argument).group(1))
        self.send(b"+ Ready for literal data")
        self.appended.append((argument, self.reader.read(size)))
        self.reader.readline()
        self.send(tag + b" OK [APPENDUID 38505 3955] APPEND completed")

    def do_LIST(self, tag, argument):
        self.send(b'* LIST (\\HasNoChildren) "/" "INBOX"')
        self.send(b'* LIST (\\HasChildren) "/" "Archive"')
        self.send(tag + b" OK LIST completed")

    def do_NOOP(self, tag, _):
        self.send(tag + b" OK NOOP completed")

    def do_CLOSE(self, tag, _):
        self.send(tag + b" OK CLOSE completed")

    def do_ENABLE(self, tag, argument):
        self.send(b"* ENABLED " + argument)
        self.send(tag + b" OK ENABLE completed")

    def do_IDLE(self, tag, _):
        self.send(b"+ idling")
        self.send(b"* 4 EXISTS")
        self.send(b"* 1 RECENT")
        self.received.append(self.reader.readline().rstrip(b"\r\n"))
        self.send(tag + b" OK IDLE terminated")

    def do_LOGOUT(self, tag, _):
        self.send(b"* BYE IMAP4rev1 Server logging out")
        self.send(tag + b" OK LOGOUT completed")
        return "logout"


class IMAP4Test(unittest.TestCase):

    def setUp(self):
        self.server = MiniIMAPServer()
        self.imap = imaplib.IMAP4("127.0.0.1", self.server.port, timeout=5)

    def tearDown(self):
        if self.imap.state != "LOGOUT":
            self.imap.shutdown()
        self.server.thread.join(5)

    def login(self):
        return self.imap.login("bob", 'pa"ss')

    def test_connect_state_and_capabilities(self):
        self.assertEqual(self.imap.state, "NONAUTH")
        self.assertEqual(self.imap.welcome, b"* OK IMAP4rev1 ready")
        self.assertEqual(self.imap.PROTOCOL_VERSION, "IMAP4REV1")
        self.assertIn("IDLE", self.imap.capabilities)

    def test_login_quotes_password(self):
        self.assertEqual(self.login(), ("OK", [b"LOGIN completed"]))
        self.assertEqual(self.imap.state, "AUTH")
        self.assertTrue(self.server.received[-1].endswith(b'LOGIN bob "pa\\"ss"'))

    def test_login_failure(self):
        with self.assertRaises(imaplib.IMAP4.error) as caught:
            self.imap.login("bob", "nope")
        self.assertEqual(caught.exception.args[0],
                         b"[AUTHENTICATIONFAILED] Invalid credentials")

    def test_command_in_wrong_state(self):
        with self.assertRaises(imaplib.IMAP4.error) as caught:
            self.imap.fetch("1", "(FLAGS)")
        self.assertEqual(str(caught.exception),
                         "command FETCH illegal in state NONAUTH, "
                         "only allowed in states SELECTED")

    def test_select_fetch_literal(self):
        self.login()
        self.assertEqual(self.imap.select(), ("OK", [b"3"]))
        self.assertEqual(self.imap.state, "SELECTED")
        self.assertEqual(self.imap.response("UIDVALIDITY"),
                         ("UIDVALIDITY", [b"3857529045"]))
        typ, data = self.imap.fetch("1", "(FLAGS INTERNALDATE RFC822)")
        self.assertEqual(typ, "OK")
        prefix, body = data[0]
        self.assertEqual(body, MESSAGE)
        self.assertEqual(data[1], b")")
        self.assertEqual(imaplib.ParseFlags(prefix), (b"\\Seen",))
        when = imaplib.Internaldate2tuple(prefix)
        self.assertEqual(time.mktime(when),
                         datetime(1996, 7, 17, 9, 44, 25,
                                  tzinfo=timezone.utc).timestamp())

    def test_examine_is_readonly(self):
        self.login()
        self.assertEqual(self.imap.select("INBOX", readonly=True), ("OK", [b"3"]))
        self.assertTrue(self.server.received[-1].endswith(b"EXAMINE INBOX"))

    def test_search_store_uid(self):
        self.login()
        self.imap.select()
        self.assertEqual(self.imap.search(None, "ALL"), ("OK", [b"2 3"]))
        self.assertEqual(self.imap.store("2", "+FLAGS", "\\Deleted"),
                         ("OK", [b"2 (FLAGS (\\Deleted \\Seen))"]))
        self.assertTrue(self.server.received[-1].endswith(
            b"STORE 2 +FLAGS (\\Deleted)"))
        self.assertEqual(self.imap.uid("fetch", "42", "(FLAGS)"),
                         ("OK", [b"2 (UID 42 FLAGS (\\Seen))"]))
        with self.assertRaises(imaplib.IMAP4.error):
            self.imap.uid("BOGUS", "1")
        self.assertEqual(self.imap.close(), ("OK", [b"CLOSE completed"]))
        self.assertEqual(self.imap.state, "AUTH")

    def test_append_sends_literal(self):
        self.login()
        moment = datetime(2024, 3, 5, 6, 7, 8,
                          tzinfo=timezone(timedelta(hours=1)))
        typ, data = self.imap.append("INBOX", "\\Seen", moment,
                                     b"Subject: x\n\nbody\n")
        self.assertEqual(typ, "OK")
        argument, literal = self.server.appended[0]
        self.assertEqual(argument,
                         b'INBOX (\\Seen) "05-Mar-2024 06:07:08 +0100" {20}')
        self.assertEqual(literal, b"Subject: x\r\n\r\nbody\r\n")

    def test_authenticate(self):
        typ, _ = self.imap.authenticate("plain", lambda challenge: "\0bob\0pw")
        self.assertEqual(typ, "OK")
        self.assertEqual(self.server.auth_answer, b"\0bob\0pw")
        self.assertEqual(self.imap.state, "AUTH")

    def test_list_and_uppercase_alias(self):
        self.login()
        typ, data = self.imap.LIST()
        self.assertEqual(data, [b'(\\HasNoChildren) "/" "INBOX"',
                                b'(\\HasChildren) "/" "Archive"'])
        with self.assertRaises(AttributeError):
            self.imap.NOSUCH

    def test_enable_utf8(self):
        self.login()
        self.assertEqual(self.imap.enable("UTF8=ACCEPT")[0], "OK")
        self.assertTrue(self.imap.utf8_enabled)

    def test_idle(self):
        self.login()
        self.imap.select()
        with self.imap.idle(duration=2) as idler:
            responses = [next(idler), next(idler)]
        self.assertEqual(responses, [("EXISTS", [b"4"]), ("RECENT", [b"1"])])
        self.assertEqual(self.server.received[-1], b"DONE")
        self.assertEqual(self.imap.noop()[0], "OK")

    def test_logout_and_context_manager(self):
        with self.imap as session:
            self.login()
        self.assertEqual(session.state, "LOGOUT")
        self.assertTrue(self.server.received[-1].endswith(b"LOGOUT"))


class PreauthTest(unittest.TestCase):

    def test_preauth_greeting(self):
        server = MiniIMAPServer(b"* PREAUTH IMAP4rev1 server logged in as bob")
        with imaplib.IMAP4("127.0.0.1", server.port, timeout=5) as imap:
            self.assertEqual(imap.state, "AUTH")
        server.thread.join(5)


class HelperTest(unittest.TestCase):

    def test_int2ap(self):
        self.assertEqual(imaplib.Int2AP(0), b"")
        self.assertEqual(imaplib.Int2AP(0x1F3), b"BPD")
        self.assertEqual(imaplib.Int2AP(-17), b"BB")

    def test_parse_flags(self):
        self.assertEqual(imaplib.ParseFlags(b"1 (FLAGS (\\Seen $Junk))"),
                         (b"\\Seen", b"$Junk"))
        self.assertEqual(imaplib.ParseFlags(b"1 (UID 3)"), ())

    def test_time2internaldate(self):
        moment = datetime(2000, 1, 2, 3, 4, 5,
                          tzinfo=timezone(timedelta(hours=-5, minutes=-30)))
        self.assertEqual(imaplib.Time2Internaldate(moment),
                         '"02-Jan-2000 03:04:05 -0530"')
        self.assertEqual(imaplib.Time2Internaldate('"01-Jan-2000 00:00:00 +0000"'),
                         '"01-Jan-2000 00:00:00 +0000"')
        with self.assertRaises(ValueError):
            imaplib.Time2Internaldate(datetime(2000, 1, 1))
        with self.assertRaises(ValueError):
            imaplib.Time2Internaldate([2000])
        seconds = imaplib.Time2Internaldate(0)
        self.assertRegex(seconds, r'^"(31-Dec-1969|01-Jan-1970) \d\d:\d\d:00 [-+]\d{4}"$')

    def test_internaldate_roundtrip(self):
        text = b'25 (INTERNALDATE "01-Feb-2021 10:20:30 +0000")'
        self.assertEqual(time.mktime(imaplib.Internaldate2tuple(text)),
                         datetime(2021, 2, 1, 10, 20, 30,
                                  tzinfo=timezone.utc).timestamp())
        self.assertIsNone(imaplib.Internaldate2tuple(b"no date"))


if __name__ == "__main__":
    unittest.main()
