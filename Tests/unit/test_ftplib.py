"""ftplib against a small FTP server run in a thread on loopback."""

import io
import socket
import unittest

import ftplib
from unitsupport import ScriptedLineServer


class MiniFTPServer(ScriptedLineServer):
    """Enough of RFC 959 for the client: one session, an in-memory tree.

    Passive data connections (PASV/EPSV) and active ones (PORT/EPRT).
    """

    def __init__(self, files):
        self.files = dict(files)
        self.data_listener = None
        self.active_address = None
        self.cwd = "/"
        super().__init__()

    def greet(self):
        self.reply("220-Welcome\r\n220 MiniFTP ready")

    def record(self, line):
        return line.decode("utf-8")

    def dispatch(self, line):
        verb, _, argument = line.decode("utf-8").partition(" ")
        handler = self.handler(verb)
        if handler is None:
            self.reply("500 unknown command")
            return True
        return handler(argument) != "quit"

    def reply(self, text):
        self.send_line(text.encode("utf-8"))

    def open_data(self):
        if self.active_address is not None:
            return socket.create_connection(self.active_address)
        data, _ = self.data_listener.accept()
        self.data_listener.close()
        self.data_listener = None
        return data

    def send_data(self, payload, preliminary):
        self.reply(preliminary)
        with self.open_data() as data:
            data.sendall(payload)
        self.reply("226 Transfer complete")

    def do_USER(self, name):
        self.user = name
        self.reply("331 Password required")

    def do_PASS(self, password):
        self.password = password
        if password == "wrong":
            self.reply("530 Login incorrect")
        else:
            self.reply("230 Logged in")

    def do_TYPE(self, kind):
        self.reply("200 Type set to " + kind)

    def do_PASV(self, _):
        self.active_address = None
        self.data_listener = socket.create_server(("127.0.0.1", 0))
        port = self.data_listener.getsockname()[1]
        self.reply("227 Entering Passive Mode (127,0,0,1,%d,%d)."
                   % (port >> 8, port & 255))

    def do_EPSV(self, _):
        self.active_address = None
        self.data_listener = socket.create_server(("127.0.0.1", 0))
        port = self.data_listener.getsockname()[1]
        self.reply("229 Entering Extended Passive Mode (|||%d|)" % port)

    def do_PORT(self, argument):
        numbers = argument.split(",")
        self.active_address = (".".join(numbers[:4]),
                               int(numbers[4]) * 256 + int(numbers[5]))
        self.reply("200 PORT command successful")

    def do_RETR(self, name):
        if name not in self.files:
            self.reply("550 No such file")
            return
        payload = self.files[name]
        self.send_data(payload, "150 Opening BINARY mode data connection "
                                "for %s (%d bytes)" % (name, len(payload)))

    def do_STOR(self, name):
        self.reply("150 Ok to send data")
        with self.open_data() as data:
            chunks = []
            while chunk := data.recv(4096):
                chunks.append(chunk)
        self.files[name] = b"".join(chunks)
        self.reply("226 Transfer complete")

    def do_NLST(self, _):
        listing = "".join(name + "\r\n" for name in sorted(self.files))
        self.send_data(listing.encode(), "125 Data connection open")

    def do_LIST(self, _):
        listing = "".join("-rw-r--r-- 1 ftp ftp %d %s\r\n" % (len(body), name)
                          for name, body in sorted(self.files.items()))
        self.send_data(listing.encode(), "150 Here comes the listing")

    def do_MLSD(self, _):
        listing = "".join("type=file;size=%d;Perm=r; %s\r\n" % (len(body), name)
                          for name, body in sorted(self.files.items()))
        self.send_data(listing.encode(), "150 Here comes the listing")

    def do_SIZE(self, name):
        if name in self.files:
            self.reply("213 %d" % len(self.files[name]))
        else:
            self.reply("550 Could not get file size")

    def do_PWD(self, _):
        self.reply('257 "%s" is the current directory'
                   % self.cwd.replace('"', '""'))

    def do_MKD(self, name):
        self.reply('257 "%s" created' % name.replace('"', '""'))

    def do_RMD(self, name):
        self.reply("250 Directory removed")

    def do_CWD(self, name):
        self.cwd = name
        self.reply("250 Directory changed")

    def do_CDUP(self, _):
        self.reply("500 CDUP not understood")

    def do_DELE(self, name):
        if self.files.pop(name, None) is None:
            self.reply("550 No such file")
        else:
            self.reply("250 Deleted")

    def do_RNFR(self, name):
        self.rename_from = name
        self.reply("350 Ready for RNTO")

    def do_RNTO(self, name):
        self.files[name] = self.files.pop(self.rename_from)
        self.reply("250 Rename successful")

    def do_NOOP(self, _):
        self.reply("421 Service not available, closing control connection")

    def do_QUIT(self, _):
        self.reply("221 Goodbye")
        return "quit"


class FTPClientTest(unittest.TestCase):

    def setUp(self):
        self.server = MiniFTPServer({"hello.txt": b"line one\r\nline two\r\n",
                                     "data.bin": bytes(range(256)) * 40})
        self.ftp = ftplib.FTP(timeout=5)
        self.welcome = self.ftp.connect("127.0.0.1", self.server.port)

    def tearDown(self):
        self.ftp.close()
        self.server.thread.join(5)

    def test_welcome_and_login(self):
        self.assertEqual(self.welcome, "220-Welcome\n220 MiniFTP ready")
        self.assertEqual(self.ftp.getwelcome(), self.welcome)
        self.assertEqual(self.ftp.login(), "230 Logged in")
        self.assertEqual(self.server.received[:2],
                         ["USER anonymous", "PASS anonymous@"])
        self.assertEqual(self.ftp.quit(), "221 Goodbye")
        self.assertIsNone(self.ftp.sock)

    def test_login_failure_is_permanent_error(self):
        with self.assertRaises(ftplib.error_perm) as caught:
            self.ftp.login("bob", "wrong")
        self.assertEqual(str(caught.exception), "530 Login incorrect")
        self.assertEqual(self.ftp.lastresp, "530")

    def test_temporary_error(self):
        with self.assertRaises(ftplib.error_temp):
            self.ftp.voidcmd("NOOP")

    def test_retrbinary_passive(self):
        self.ftp.login("bob", "secret")
        chunks = []
        reply = self.ftp.retrbinary("RETR data.bin", chunks.append, 1000)
        self.assertEqual(reply, "226 Transfer complete")
        self.assertEqual(b"".join(chunks), bytes(range(256)) * 40)
        self.assertIn("TYPE I", self.server.received)

    def test_ntransfercmd_reports_size(self):
        self.ftp.login()
        self.ftp.voidcmd("TYPE I")
        conn, size = self.ftp.ntransfercmd("RETR hello.txt")
        with conn:
            while conn.recv(100):
                pass
        self.assertEqual(size, 20)
        self.ftp.voidresp()

    def test_retrlines_and_nlst(self):
        self.ftp.login()
        lines = []
        self.ftp.retrlines("RETR hello.txt", lines.append)
        self.assertEqual(lines, ["line one", "line two"])
        self.assertEqual(self.ftp.nlst(), ["data.bin", "hello.txt"])

    def test_dir_with_callback(self):
        self.ftp.login()
        lines = []
        self.ftp.dir(lines.append)
        self.assertEqual(len(lines), 2)
        self.assertTrue(lines[1].endswith(" hello.txt"))

    def test_mlsd(self):
        self.ftp.login()
        entries = dict(self.ftp.mlsd())
        self.assertEqual(entries["hello.txt"],
                         {"type": "file", "size": "20", "perm": "r"})

    def test_storbinary_and_storlines(self):
        self.ftp.login()
        seen = []
        self.ftp.storbinary("STOR up.bin", io.BytesIO(b"x" * 20000), 4096,
                            seen.append)
        self.assertEqual(self.server.files["up.bin"], b"x" * 20000)
        self.assertEqual(sum(map(len, seen)), 20000)
        self.ftp.storlines("STOR up.txt", io.BytesIO(b"a\nb\r\nc"))
        self.assertEqual(self.server.files["up.txt"], b"a\r\nb\r\nc\r\n")

    def test_active_mode(self):
        self.ftp.login()
        self.ftp.set_pasv(False)
        chunks = []
        self.ftp.retrbinary("RETR hello.txt", chunks.append)
        self.assertEqual(b"".join(chunks), b"line one\r\nline two\r\n")
        self.assertTrue(any(line.startswith("PORT ")
                            for line in self.server.received))

    def test_directory_commands(self):
        self.ftp.login()
        self.assertEqual(self.ftp.pwd(), "/")
        self.assertEqual(self.ftp.mkd('odd"name'), 'odd"name')
        self.assertEqual(self.ftp.cwd(".."), "250 Directory changed")
        self.assertEqual(self.server.received[-2:], ["CDUP", "CWD .."])
        self.assertEqual(self.ftp.rmd("old"), "250 Directory removed")
        self.assertEqual(self.ftp.size("hello.txt"), 20)
        self.ftp.rename("hello.txt", "renamed.txt")
        self.assertIn("renamed.txt", self.server.files)
        self.assertEqual(self.ftp.delete("renamed.txt"), "250 Deleted")
        with self.assertRaises(ftplib.error_perm):
            self.ftp.delete("missing")

    def test_newline_in_command_rejected(self):
        with self.assertRaises(ValueError):
            self.ftp.sendcmd("NOOP\r\nDELE hello.txt")

    def test_context_manager_quits(self):
        with self.ftp as session:
            session.login()
        self.assertIsNone(self.ftp.sock)
        self.assertEqual(self.server.received[-1], "QUIT")


class ParserTest(unittest.TestCase):

    def test_parse227(self):
        self.assertEqual(
            ftplib.parse227("227 Entering Passive Mode (10,0,0,7,195,80)."),
            ("10.0.0.7", 50000))
        with self.assertRaises(ftplib.error_reply):
            ftplib.parse227("200 ok")
        with self.assertRaises(ftplib.error_proto):
            ftplib.parse227("227 no numbers here")

    def test_parse229(self):
        self.assertEqual(ftplib.parse229("229 Extended (|||6446|)",
                                         ("::1", 21)), ("::1", 6446))
        with self.assertRaises(ftplib.error_proto):
            ftplib.parse229("229 Extended (|||6446)", ("::1", 21))

    def test_parse257(self):
        self.assertEqual(ftplib.parse257('257 "/a ""b"" c" created'), '/a "b" c')
        self.assertEqual(ftplib.parse257("257 created"), "")

    def test_parse150(self):
        self.assertEqual(ftplib.parse150("150 Opening (1234 bytes)"), 1234)
        self.assertIsNone(ftplib.parse150("150 Opening data connection"))

    def test_sanitize_masks_password(self):
        ftp = ftplib.FTP()
        self.assertEqual(ftp.sanitize("PASS secret\r\n"), repr("PASS ******\r\n"))
        self.assertEqual(ftp.sanitize("USER bob"), repr("USER bob"))

    def test_error_hierarchy(self):
        for cls in (ftplib.error_reply, ftplib.error_temp,
                    ftplib.error_perm, ftplib.error_proto):
            self.assertTrue(issubclass(cls, ftplib.Error))
        self.assertIn(OSError, ftplib.all_errors)
        self.assertIn(EOFError, ftplib.all_errors)


if __name__ == "__main__":
    unittest.main()
