"""Read .netrc files: the login, account and password to use for each
machine, the default entry, and macro definitions (macdef)."""

import os
import stat

__all__ = ["netrc", "NetrcParseError"]


class NetrcParseError(Exception):
    """A .netrc file that cannot be parsed (or is readable by others)."""

    def __init__(self, msg, filename=None, lineno=None):
        self.filename = filename
        self.lineno = lineno
        self.msg = msg
        Exception.__init__(self, msg)

    def __str__(self):
        return "%s (%s, line %s)" % (self.msg, self.filename, self.lineno)


class _Lexer:
    """Splits a .netrc file into words: whitespace separates them, double
    quotes group them (with backslash escapes), # starts a comment."""

    def __init__(self, text):
        self.text = text
        self.pos = 0
        self.lineno = 1
        self._pushback = []

    def _read_char(self):
        if self.pos >= len(self.text):
            return ""
        ch = self.text[self.pos]
        self.pos += 1
        if ch == "\n":
            self.lineno += 1
        return ch

    def get_token(self):
        if self._pushback:
            return self._pushback.pop(0)
        ch = self._read_char()
        while ch and ch in " \t\r\n":
            ch = self._read_char()
        if not ch:
            return ""
        token = []
        if ch == '"':
            ch = self._read_char()
            while ch and ch != '"':
                if ch == "\\":
                    ch = self._read_char()
                token.append(ch)
                ch = self._read_char()
            return "".join(token)
        while ch and ch not in " \t\r\n":
            if ch == "\\":
                ch = self._read_char()
            token.append(ch)
            ch = self._read_char()
        # The whitespace ending a token belongs to it (it may be a newline
        # ending a comment or a macdef line).
        if ch == "\n":
            self.pos -= 1
            self.lineno -= 1
        return "".join(token)

    def push_token(self, token):
        self._pushback.append(token)

    def rest_of_line(self):
        end = self.text.find("\n", self.pos)
        if end < 0:
            line, self.pos = self.text[self.pos:], len(self.text)
            return line
        line = self.text[self.pos:end + 1]
        self.pos = end + 1
        self.lineno += 1
        return line


class netrc:
    """The entries of a .netrc file: `hosts` maps a machine name to a
    (login, account, password) tuple, 'default' included; `macros` maps a
    macro name to its lines."""

    def __init__(self, file=None):
        default_netrc = file is None
        if file is None:
            file = os.path.join(os.path.expanduser("~"), ".netrc")
        self.hosts = {}
        self.macros = {}
        try:
            with open(file, encoding="utf-8") as fp:
                self._parse(file, fp, default_netrc)
        except UnicodeDecodeError:
            with open(file, encoding="locale") as fp:
                self._parse(file, fp, default_netrc)

    def _parse(self, file, fp, default_netrc):
        lexer = _Lexer(fp.read())
        while True:
            tt = lexer.get_token()
            if not tt:
                break
            if tt[0] == "#":
                lexer.rest_of_line()
                continue
            if tt == "machine":
                entryname = lexer.get_token()
            elif tt == "default":
                entryname = "default"
            elif tt == "macdef":
                macdef_line = lexer.lineno
                entryname = lexer.get_token()
                self.macros[entryname] = []
                lexer.rest_of_line()
                while True:
                    line = lexer.rest_of_line()
                    if not line:
                        raise NetrcParseError(
                            "Macro definition missing null line terminator.",
                            file, macdef_line + 1)
                    if line == "\n":
                        break
                    self.macros[entryname].append(line)
                continue
            else:
                raise NetrcParseError("bad toplevel token %r" % tt, file,
                                      lexer.lineno)
            if not entryname:
                raise NetrcParseError("missing %r name" % tt, file,
                                      lexer.lineno)
            login = account = password = ""
            self.hosts[entryname] = {}
            while True:
                tt = lexer.get_token()
                if tt.startswith("#"):
                    lexer.rest_of_line()
                    continue
                if tt in {"", "machine", "default", "macdef"}:
                    self.hosts[entryname] = (login, account, password)
                    lexer.push_token(tt)
                    break
                if tt in ("login", "user"):
                    login = lexer.get_token()
                elif tt == "account":
                    account = lexer.get_token()
                elif tt == "password":
                    password = lexer.get_token()
                else:
                    raise NetrcParseError("bad follower token %r" % tt, file,
                                          lexer.lineno)
            self._security_check(fp, default_netrc, self.hosts[entryname][0])

    def _security_check(self, fp, default_netrc, login):
        """A default ~/.netrc holding passwords must be private to its
        owner, as ftp(1) requires."""
        if os.name == "posix" and default_netrc and login != "anonymous":
            prop = os.fstat(fp.fileno())
            if prop.st_uid != os.getuid():
                import pwd
                try:
                    fowner = pwd.getpwuid(prop.st_uid)[0]
                except KeyError:
                    fowner = "uid %s" % prop.st_uid
                try:
                    user = pwd.getpwuid(os.getuid())[0]
                except KeyError:
                    user = "uid %s" % os.getuid()
                raise NetrcParseError(
                    f"~/.netrc file owner ({fowner}, {user}) does not match "
                    "current user")
            if prop.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
                raise NetrcParseError(
                    "~/.netrc access too permissive: access permissions "
                    "must restrict access to only the owner")

    def authenticators(self, host):
        """(login, account, password) for `host`, else the default
        entry's, else None."""
        if host in self.hosts:
            return self.hosts[host]
        if "default" in self.hosts:
            return self.hosts["default"]
        return None

    def __repr__(self):
        """The entries in .netrc syntax."""
        rep = ""
        for host in self.hosts.keys():
            attrs = self.hosts[host]
            rep += f"machine {host}\n\tlogin {attrs[0]}\n"
            if attrs[1]:
                rep += f"\taccount {attrs[1]}\n"
            rep += f"\tpassword {attrs[2]}\n"
        for macro in self.macros.keys():
            rep += f"macdef {macro}\n"
            for line in self.macros[macro]:
                rep += line
            rep += "\n"
        return rep


if __name__ == '__main__':
    print(netrc())
