"""Read and write mailboxes: Maildir, mbox, MH, Babyl and MMDF.

A Mailbox maps keys to messages.  Each format has a Message subclass that
keeps its format-specific state (Maildir flags, mbox From_ line, MH
sequences, Babyl labels); converting one to another (MaildirMessage(msg))
translates that state.

Concurrency: a Mailbox object is not meant to be shared between threads.
Between processes, lock() takes the advisory locks mail programs use
(lockf and a dot-lock file) for the single-file formats and MH.
"""

import calendar
import contextlib
import copy
import email
import email.generator
import email.message
import errno
import io
import os
import socket
import time
import warnings
from types import GenericAlias

try:
    import fcntl
except ImportError:
    fcntl = None

__all__ = ["Mailbox", "Maildir", "mbox", "MH", "Babyl", "MMDF",
           "Message", "MaildirMessage", "mboxMessage", "MHMessage",
           "BabylMessage", "MMDFMessage", "Error", "NoSuchMailboxError",
           "NotEmptyError", "ExternalClashError", "FormatError"]

linesep = os.linesep.encode("ascii")


class Error(Exception):
    """The base class of this module's errors."""


class NoSuchMailboxError(Error):
    """The mailbox does not exist and was not to be created."""


class NotEmptyError(Error):
    """The mailbox or folder is not empty."""


class ExternalClashError(Error):
    """Another program got in the way (a lock, a name already taken)."""


class FormatError(Error):
    """A file could not be parsed."""


def _to_crlf_free(line):
    """A line read in binary with its CRLF or CR ending made LF."""
    if line.endswith(b"\r\n"):
        return line[:-2] + b"\n"
    if line.endswith(b"\r"):
        return line[:-1] + b"\n"
    return line


def _text_stream_buffer(message):
    warnings.warn("Use of text mode files is deprecated, use a binary mode file instead",
                  DeprecationWarning, 3)
    return message.buffer


def _stringio_value(message):
    warnings.warn("Use of StringIO input is deprecated, use BytesIO instead",
                  DeprecationWarning, 3)
    return message.getvalue()


class Mailbox:
    """The interface every mailbox format implements."""

    def __init__(self, path, factory=None, create=True):
        self._path = os.path.abspath(os.path.expanduser(path))
        self._factory = factory

    def add(self, message):
        """Add message and return its key."""
        raise NotImplementedError("Method must be implemented by subclass")

    def remove(self, key):
        raise NotImplementedError("Method must be implemented by subclass")

    def __delitem__(self, key):
        self.remove(key)

    def discard(self, key):
        """Remove the message for key if there is one."""
        try:
            self.remove(key)
        except KeyError:
            pass

    def __setitem__(self, key, message):
        raise NotImplementedError("Method must be implemented by subclass")

    def get(self, key, default=None):
        try:
            return self.__getitem__(key)
        except KeyError:
            return default

    def __getitem__(self, key):
        """The message for key, built by the factory if one was given."""
        if not self._factory:
            return self.get_message(key)
        with contextlib.closing(self.get_file(key)) as file:
            return self._factory(file)

    def get_message(self, key):
        raise NotImplementedError("Method must be implemented by subclass")

    def get_string(self, key):
        """The message for key as a str (non-ASCII bytes are replaced)."""
        return email.message_from_bytes(self.get_bytes(key)).as_string()

    def get_bytes(self, key):
        raise NotImplementedError("Method must be implemented by subclass")

    def get_file(self, key):
        raise NotImplementedError("Method must be implemented by subclass")

    def iterkeys(self):
        raise NotImplementedError("Method must be implemented by subclass")

    def keys(self):
        return list(self.iterkeys())

    def itervalues(self):
        for key in self.iterkeys():
            try:
                value = self[key]
            except KeyError:
                continue  # removed meanwhile by someone else
            yield value

    def __iter__(self):
        return self.itervalues()

    def values(self):
        return list(self.itervalues())

    def iteritems(self):
        for key in self.iterkeys():
            try:
                value = self[key]
            except KeyError:
                continue
            yield key, value

    def items(self):
        return list(self.iteritems())

    def __contains__(self, key):
        raise NotImplementedError("Method must be implemented by subclass")

    def __len__(self):
        raise NotImplementedError("Method must be implemented by subclass")

    def clear(self):
        for key in self.keys():
            self.discard(key)

    def pop(self, key, default=None):
        try:
            result = self[key]
        except KeyError:
            return default
        self.discard(key)
        return result

    def popitem(self):
        for key in self.iterkeys():
            return key, self.pop(key)
        raise KeyError("No messages in mailbox")

    def update(self, arg=None):
        """Set messages from a mapping or (key, message) pairs."""
        if hasattr(arg, "iteritems"):
            source = arg.iteritems()
        elif hasattr(arg, "items"):
            source = arg.items()
        else:
            source = arg
        missing = False
        for key, message in source:
            try:
                self[key] = message
            except KeyError:
                missing = True
        if missing:
            raise KeyError("No message with key(s)")

    def flush(self):
        raise NotImplementedError("Method must be implemented by subclass")

    def lock(self):
        raise NotImplementedError("Method must be implemented by subclass")

    def unlock(self):
        raise NotImplementedError("Method must be implemented by subclass")

    def close(self):
        raise NotImplementedError("Method must be implemented by subclass")

    def _string_to_bytes(self, message):
        # A str message must be ASCII: there is no way to know its charset.
        try:
            return message.encode("ascii")
        except UnicodeError:
            raise ValueError("String input must be ASCII-only; "
                             "use bytes or a Message instead")

    # mbox ends every message with a blank line.
    _append_newline = False

    def _dump_message(self, message, target, mangle_from_=False):
        """Write message (Message, bytes, str or binary file) to target
        with the platform's line endings."""
        if isinstance(message, email.message.Message):
            buffer = io.BytesIO()
            email.generator.BytesGenerator(buffer, mangle_from_, 0).flatten(message)
            data = buffer.getvalue().replace(b"\n", linesep)
            target.write(data)
            if self._append_newline and not data.endswith(linesep):
                target.write(linesep)
        elif isinstance(message, (str, bytes, io.StringIO)):
            if isinstance(message, io.StringIO):
                message = _stringio_value(message)
            if isinstance(message, str):
                message = self._string_to_bytes(message)
            if mangle_from_:
                message = message.replace(b"\nFrom ", b"\n>From ")
            message = message.replace(b"\n", linesep)
            target.write(message)
            if self._append_newline and not message.endswith(linesep):
                target.write(linesep)
        elif hasattr(message, "read"):
            if hasattr(message, "buffer"):
                message = _text_stream_buffer(message)
            last = None
            while line := message.readline():
                line = _to_crlf_free(line)
                if mangle_from_ and line.startswith(b"From "):
                    line = b">From " + line[5:]
                line = line.replace(b"\n", linesep)
                target.write(line)
                last = line
            if self._append_newline and last and not last.endswith(linesep):
                target.write(linesep)
        else:
            raise TypeError("Invalid message type: %s" % type(message))

    __class_getitem__ = classmethod(GenericAlias)


# --- Maildir --------------------------------------------------------------------

class Maildir(Mailbox):
    """A Maildir: one file per message in new/ and cur/, written via tmp/."""

    colon = ":"
    # Unique names need a per-process counter besides time and pid.
    _count = 1

    def __init__(self, dirname, factory=None, create=True):
        Mailbox.__init__(self, dirname, factory, create)
        self._paths = {name: os.path.join(self._path, name)
                       for name in ("tmp", "new", "cur")}
        if not os.path.exists(self._path):
            if not create:
                raise NoSuchMailboxError(self._path)
            os.mkdir(self._path, 0o700)
            for path in self._paths.values():
                os.mkdir(path, 0o700)
        self._toc = {}
        self._toc_mtimes = {"cur": 0, "new": 0}
        self._last_read = 0
        # Directory mtimes have a granularity; rescan within this margin.
        self._skewfactor = 0.1

    def add(self, message):
        tmp_file = self._create_tmp()
        try:
            self._dump_message(message, tmp_file)
        except BaseException:
            tmp_file.close()
            os.remove(tmp_file.name)
            raise
        _sync_close(tmp_file)
        if isinstance(message, MaildirMessage):
            subdir = message.get_subdir()
            suffix = self.colon + message.get_info()
            if suffix == self.colon:
                suffix = ""
        else:
            subdir, suffix = "new", ""
        unique = os.path.basename(tmp_file.name).split(self.colon)[0]
        destination = os.path.join(self._path, subdir, unique + suffix)
        if isinstance(message, MaildirMessage):
            os.utime(tmp_file.name,
                     (os.path.getatime(tmp_file.name), message.get_date()))
        try:
            try:
                # link() fails if the name exists; rename() would overwrite.
                os.link(tmp_file.name, destination)
            except (AttributeError, PermissionError):
                os.rename(tmp_file.name, destination)
            else:
                os.remove(tmp_file.name)
        except OSError as exc:
            os.remove(tmp_file.name)
            if exc.errno == errno.EEXIST:
                raise ExternalClashError("Name clash with existing message: %s"
                                         % destination)
            raise
        return unique

    def remove(self, key):
        os.remove(os.path.join(self._path, self._lookup(key)))

    def discard(self, key):
        try:
            self.remove(key)
        except (KeyError, FileNotFoundError):
            pass

    def __setitem__(self, key, message):
        old_subpath = self._lookup(key)
        temp_key = self.add(message)
        temp_subpath = self._lookup(temp_key)
        # A MaildirMessage brings its own subdirectory and info.
        dominant = temp_subpath if isinstance(message, MaildirMessage) else old_subpath
        subdir = os.path.dirname(dominant)
        suffix = self.colon + dominant.split(self.colon)[-1] if self.colon in dominant else ""
        self.discard(key)
        temp_path = os.path.join(self._path, temp_subpath)
        new_path = os.path.join(self._path, subdir, key + suffix)
        if isinstance(message, MaildirMessage):
            os.utime(temp_path, (os.path.getatime(temp_path), message.get_date()))
        os.rename(temp_path, new_path)

    def get_message(self, key):
        subpath = self._lookup(key)
        with open(os.path.join(self._path, subpath), "rb") as file:
            message = self._factory(file) if self._factory else MaildirMessage(file)
        subdir, name = os.path.split(subpath)
        message.set_subdir(subdir)
        if self.colon in name:
            message.set_info(name.split(self.colon)[-1])
        message.set_date(os.path.getmtime(os.path.join(self._path, subpath)))
        return message

    def get_bytes(self, key):
        with open(os.path.join(self._path, self._lookup(key)), "rb") as file:
            return file.read().replace(linesep, b"\n")

    def get_file(self, key):
        return _ProxyFile(open(os.path.join(self._path, self._lookup(key)), "rb"))

    def get_info(self, key):
        """The info part of the message's file name ("" if none)."""
        subpath = self._lookup(key)
        return subpath.split(self.colon)[-1] if self.colon in subpath else ""

    def set_info(self, key, info):
        """Rename the message's file to carry info."""
        if not isinstance(info, str):
            raise TypeError(f"info must be a string: {type(info)}")
        old_subpath = self._lookup(key)
        new_subpath = old_subpath.split(self.colon)[0]
        if info:
            new_subpath += self.colon + info
        if new_subpath == old_subpath:
            return
        os.rename(os.path.join(self._path, old_subpath),
                  os.path.join(self._path, new_subpath))
        self._toc[key] = new_subpath

    def get_flags(self, key):
        info = self.get_info(key)
        return info[2:] if info.startswith("2,") else ""

    def set_flags(self, key, flags):
        if not isinstance(flags, str):
            raise TypeError(f"flags must be a string: {type(flags)}")
        self.set_info(key, "2," + "".join(sorted(set(flags))))

    def add_flag(self, key, flag):
        if not isinstance(flag, str):
            raise TypeError(f"flag must be a string: {type(flag)}")
        self.set_flags(key, "".join(set(self.get_flags(key)) | set(flag)))

    def remove_flag(self, key, flag):
        if not isinstance(flag, str):
            raise TypeError(f"flag must be a string: {type(flag)}")
        if self.get_flags(key):
            self.set_flags(key, "".join(set(self.get_flags(key)) - set(flag)))

    def iterkeys(self):
        self._refresh()
        for key in self._toc:
            try:
                self._lookup(key)
            except KeyError:
                continue
            yield key

    def __contains__(self, key):
        self._refresh()
        return key in self._toc

    def __len__(self):
        self._refresh()
        return len(self._toc)

    def flush(self):
        """Nothing to do: changes are written at once."""

    def lock(self):
        """Maildir needs no locks."""

    def unlock(self):
        """Maildir needs no locks."""

    def close(self):
        """Nothing to release."""

    def list_folders(self):
        return [entry[1:] for entry in os.listdir(self._path)
                if len(entry) > 1 and entry[0] == "."
                and os.path.isdir(os.path.join(self._path, entry))]

    def get_folder(self, folder):
        return Maildir(os.path.join(self._path, "." + folder),
                       factory=self._factory, create=False)

    def add_folder(self, folder):
        path = os.path.join(self._path, "." + folder)
        result = Maildir(path, factory=self._factory)
        marker = os.path.join(path, "maildirfolder")
        if not os.path.exists(marker):
            os.close(os.open(marker, os.O_CREAT | os.O_WRONLY, 0o666))
        return result

    def remove_folder(self, folder):
        """Delete an empty folder (NotEmptyError if it holds messages)."""
        path = os.path.join(self._path, "." + folder)
        for entry in (os.listdir(os.path.join(path, "new"))
                      + os.listdir(os.path.join(path, "cur"))):
            if len(entry) < 1 or entry[0] != ".":
                raise NotEmptyError("Folder contains message(s): %s" % folder)
        for entry in os.listdir(path):
            if (entry not in ("new", "cur", "tmp")
                    and os.path.isdir(os.path.join(path, entry))):
                raise NotEmptyError("Folder contains subdirectory '%s': %s"
                                    % (folder, entry))
        for root, dirs, files in os.walk(path, topdown=False):
            for entry in files:
                os.remove(os.path.join(root, entry))
            for entry in dirs:
                os.rmdir(os.path.join(root, entry))
        os.rmdir(path)

    def clean(self):
        """Delete files in tmp/ not accessed for 36 hours."""
        now = time.time()
        for entry in os.listdir(os.path.join(self._path, "tmp")):
            path = os.path.join(self._path, "tmp", entry)
            if now - os.path.getatime(path) > 129600:
                os.remove(path)

    def _create_tmp(self):
        """A new file in tmp/ under a name unique across hosts and processes."""
        now = time.time()
        hostname = socket.gethostname().replace("/", r"\057").replace(":", r"\072")
        unique = "%s.M%sP%sQ%s.%s" % (int(now), int(now % 1 * 1e6), os.getpid(),
                                      Maildir._count, hostname)
        path = os.path.join(self._path, "tmp", unique)
        try:
            os.stat(path)
        except FileNotFoundError:
            Maildir._count += 1
            try:
                return _create_carefully(path)
            except FileExistsError:
                pass
        raise ExternalClashError("Name clash prevented file creation: %s" % path)

    def _refresh(self):
        """Rescan new/ and cur/ if they may have changed."""
        if time.time() - self._last_read > 2 + self._skewfactor:
            changed = False
            for subdir in self._toc_mtimes:
                mtime = os.path.getmtime(self._paths[subdir])
                if mtime > self._toc_mtimes[subdir]:
                    changed = True
                self._toc_mtimes[subdir] = mtime
            if not changed:
                return
        self._toc = {}
        for subdir in self._toc_mtimes:
            for entry in os.listdir(self._paths[subdir]):
                if entry.startswith("."):
                    continue
                subpath = os.path.join(subdir, entry)
                if os.path.isdir(os.path.join(self._path, subpath)):
                    continue
                self._toc[entry.split(self.colon)[0]] = subpath
        self._last_read = time.time()

    def _lookup(self, key):
        """The subpath of the message for key, rescanning if it moved."""
        try:
            if os.path.exists(os.path.join(self._path, self._toc[key])):
                return self._toc[key]
        except KeyError:
            pass
        self._refresh()
        try:
            return self._toc[key]
        except KeyError:
            raise KeyError("No message with key: %s" % key) from None

    def next(self):
        """The next message in iteration order, or None at the end."""
        if not hasattr(self, "_onetime_keys"):
            self._onetime_keys = self.iterkeys()
        while True:
            try:
                return self[next(self._onetime_keys)]
            except StopIteration:
                return None
            except KeyError:
                continue


# --- single-file formats ----------------------------------------------------------

class _singlefileMailbox(Mailbox):
    """A mailbox in one file: a table of (start, stop) offsets per key.

    Additions are appended at once; removals and replacements are applied
    by flush(), which rewrites the file through a temporary copy.
    """

    def __init__(self, path, factory=None, create=True):
        Mailbox.__init__(self, path, factory, create)
        try:
            file = open(self._path, "rb+")
        except OSError as exc:
            if exc.errno == errno.ENOENT:
                if not create:
                    raise NoSuchMailboxError(self._path)
                file = open(self._path, "wb+")
            elif exc.errno in (errno.EACCES, errno.EROFS):
                file = open(self._path, "rb")
            else:
                raise
        self._file = file
        self._toc = None
        self._next_key = 0
        self._pending = False        # removals or replacements to write
        self._pending_sync = False   # appended data to fsync
        self._locked = False
        self._file_length = None     # to notice others changing the file

    def add(self, message):
        self._lookup()
        self._toc[self._next_key] = self._append_message(message)
        self._next_key += 1
        self._pending_sync = True
        return self._next_key - 1

    def remove(self, key):
        self._lookup(key)
        del self._toc[key]
        self._pending = True

    def __setitem__(self, key, message):
        self._lookup(key)
        self._toc[key] = self._append_message(message)
        self._pending = True

    def iterkeys(self):
        self._lookup()
        yield from self._toc.keys()

    def __contains__(self, key):
        self._lookup()
        return key in self._toc

    def __len__(self):
        self._lookup()
        return len(self._toc)

    def lock(self):
        if not self._locked:
            _lock_file(self._file)
            self._locked = True

    def unlock(self):
        if self._locked:
            _unlock_file(self._file)
            self._locked = False

    def flush(self):
        """Write pending changes: rewrite the file if messages were removed
        or replaced, else just sync what was appended."""
        if not self._pending:
            if self._pending_sync:
                _sync_flush(self._file)
                self._pending_sync = False
            return
        self._file.seek(0, 2)
        length = self._file.tell()
        if length != self._file_length:
            raise ExternalClashError("Size of mailbox file changed "
                                     "(expected %i, found %i)"
                                     % (self._file_length, length))
        new_file = _create_temporary(self._path)
        try:
            new_toc = {}
            self._pre_mailbox_hook(new_file)
            for key in sorted(self._toc):
                start, stop = self._toc[key]
                self._file.seek(start)
                self._pre_message_hook(new_file)
                new_start = new_file.tell()
                while chunk := self._file.read(min(4096, stop - self._file.tell())):
                    new_file.write(chunk)
                new_toc[key] = (new_start, new_file.tell())
                self._post_message_hook(new_file)
            self._file_length = new_file.tell()
        except:
            new_file.close()
            os.remove(new_file.name)
            raise
        _sync_close(new_file)
        self._file.close()
        os.chmod(new_file.name, os.stat(self._path).st_mode)
        try:
            os.rename(new_file.name, self._path)
        except FileExistsError:
            os.remove(self._path)
            os.rename(new_file.name, self._path)
        self._file = open(self._path, "rb+")
        self._toc = new_toc
        self._pending = False
        self._pending_sync = False
        if self._locked:
            _lock_file(self._file, dotlock=False)

    def _pre_mailbox_hook(self, file):
        """Write what starts the file (Babyl's options)."""

    def _pre_message_hook(self, file):
        """Write what precedes each message."""

    def _post_message_hook(self, file):
        """Write what follows each message."""

    def close(self):
        try:
            self.flush()
        finally:
            try:
                if self._locked:
                    self.unlock()
            finally:
                self._file.close()

    def _lookup(self, key=None):
        """Build the table if needed; the offsets of key if given."""
        if self._toc is None:
            self._generate_toc()
        if key is not None:
            try:
                return self._toc[key]
            except KeyError:
                raise KeyError("No message with key: %s" % key) from None

    def _append_message(self, message):
        """Append message to the file; return its (start, stop)."""
        self._file.seek(0, 2)
        before = self._file.tell()
        if len(self._toc) == 0 and not self._pending:
            # An empty file (or one whose messages are all going) gets the
            # mailbox header first; flush() writes it when rewriting.
            self._pre_mailbox_hook(self._file)
        try:
            self._pre_message_hook(self._file)
            offsets = self._install_message(message)
            self._post_message_hook(self._file)
        except BaseException:
            self._file.truncate(before)
            raise
        self._file.flush()
        self._file_length = self._file.tell()
        return offsets


class _mboxMMDF(_singlefileMailbox):
    """What mbox and MMDF share: a From_ line before each message."""

    _mangle_from_ = True

    def get_message(self, key):
        start, stop = self._lookup(key)
        self._file.seek(start)
        from_line = self._file.readline().replace(linesep, b"").decode("ascii")
        data = self._file.read(stop - self._file.tell())
        message = self._message_factory(data.replace(linesep, b"\n"))
        message.set_unixfrom(from_line)
        message.set_from(from_line[5:])
        return message

    def get_string(self, key, from_=False):
        return email.message_from_bytes(
            self.get_bytes(key, from_)).as_string(unixfrom=from_)

    def get_bytes(self, key, from_=False):
        start, stop = self._lookup(key)
        self._file.seek(start)
        if not from_:
            self._file.readline()
        return self._file.read(stop - self._file.tell()).replace(linesep, b"\n")

    def get_file(self, key, from_=False):
        start, stop = self._lookup(key)
        self._file.seek(start)
        if not from_:
            self._file.readline()
        return _PartialFile(self._file, self._file.tell(), stop)

    def _install_message(self, message):
        from_line = None
        if isinstance(message, str):
            message = self._string_to_bytes(message)
        if isinstance(message, bytes) and message.startswith(b"From "):
            newline = message.find(b"\n")
            if newline == -1:
                from_line, message = message, b""
            else:
                from_line, message = message[:newline], message[newline + 1:]
        elif isinstance(message, _mboxMMDFMessage):
            from_line = b"From " + message.get_from().encode("ascii")
        elif isinstance(message, email.message.Message):
            from_line = message.get_unixfrom()
            if from_line is not None:
                from_line = from_line.encode("ascii")
        if from_line is None:
            from_line = b"From MAILER-DAEMON " + time.asctime(time.gmtime()).encode()
        start = self._file.tell()
        self._file.write(from_line + linesep)
        self._dump_message(message, self._file, self._mangle_from_)
        return start, self._file.tell()


class mbox(_mboxMMDF):
    """The mbox format: messages start at lines beginning "From "."""

    _mangle_from_ = True
    _append_newline = True

    def __init__(self, path, factory=None, create=True):
        self._message_factory = mboxMessage
        _mboxMMDF.__init__(self, path, factory, create)

    def _post_message_hook(self, file):
        file.write(linesep)

    def _generate_toc(self):
        starts, stops = [], []
        after_blank = False
        self._file.seek(0)
        while True:
            position = self._file.tell()
            line = self._file.readline()
            if line.startswith(b"From "):
                if len(stops) < len(starts):
                    # The blank line before a From_ line belongs to no message.
                    stops.append(position - len(linesep) if after_blank else position)
                starts.append(position)
                after_blank = False
            elif not line:
                stops.append(position - len(linesep) if after_blank else position)
                break
            else:
                after_blank = line == linesep
        self._toc = dict(enumerate(zip(starts, stops)))
        self._next_key = len(self._toc)
        self._file_length = self._file.tell()


_MMDF_SEPARATOR = b"\001\001\001\001"


class MMDF(_mboxMMDF):
    """The MMDF format: each message between lines of four ^A."""

    def __init__(self, path, factory=None, create=True):
        self._message_factory = MMDFMessage
        _mboxMMDF.__init__(self, path, factory, create)

    def _pre_message_hook(self, file):
        file.write(_MMDF_SEPARATOR + linesep)

    def _post_message_hook(self, file):
        file.write(linesep + _MMDF_SEPARATOR + linesep)

    def _generate_toc(self):
        starts, stops = [], []
        self._file.seek(0)
        next_position = 0
        separator = _MMDF_SEPARATOR + linesep
        while True:
            line = self._file.readline()
            next_position = self._file.tell()
            if line.startswith(separator):
                starts.append(next_position)
                while True:
                    position = next_position
                    line = self._file.readline()
                    next_position = self._file.tell()
                    if line == separator:
                        stops.append(position - len(linesep))
                        break
                    if not line:
                        stops.append(position)
                        break
            elif not line:
                break
        self._toc = dict(enumerate(zip(starts, stops)))
        self._next_key = len(self._toc)
        self._file.seek(0, 2)
        self._file_length = self._file.tell()


# --- MH -------------------------------------------------------------------------

class MH(Mailbox):
    """An MH folder: numbered files and a .mh_sequences file."""

    def __init__(self, path, factory=None, create=True):
        Mailbox.__init__(self, path, factory, create)
        if not os.path.exists(self._path):
            if not create:
                raise NoSuchMailboxError(self._path)
            os.mkdir(self._path, 0o700)
            os.close(os.open(os.path.join(self._path, ".mh_sequences"),
                             os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        self._locked = False

    def _message_path(self, key):
        return os.path.join(self._path, str(key))

    def _open_existing(self, key, mode):
        try:
            return open(self._message_path(key), mode)
        except FileNotFoundError:
            raise KeyError("No message with key: %s" % key) from None

    def add(self, message):
        keys = self.keys()
        new_key = max(keys) + 1 if keys else 1
        new_path = self._message_path(new_key)
        file = _create_carefully(new_path)
        closed = False
        try:
            if self._locked:
                _lock_file(file)
            try:
                try:
                    self._dump_message(message, file)
                except BaseException:
                    if self._locked:
                        _unlock_file(file)
                    _sync_close(file)
                    closed = True
                    os.remove(new_path)
                    raise
                if isinstance(message, MHMessage):
                    self._dump_sequences(message, new_key)
            finally:
                if self._locked and not closed:
                    _unlock_file(file)
        finally:
            if not closed:
                _sync_close(file)
        return new_key

    def remove(self, key):
        self._open_existing(key, "rb+").close()
        os.remove(self._message_path(key))

    def __setitem__(self, key, message):
        file = self._open_existing(key, "rb+")
        try:
            if self._locked:
                _lock_file(file)
            try:
                os.close(os.open(self._message_path(key), os.O_WRONLY | os.O_TRUNC))
                self._dump_message(message, file)
                if isinstance(message, MHMessage):
                    self._dump_sequences(message, key)
            finally:
                if self._locked:
                    _unlock_file(file)
        finally:
            _sync_close(file)

    def _read_locked(self, key, reader):
        with self._open_existing(key, "rb+" if self._locked else "rb") as file:
            if self._locked:
                _lock_file(file)
            try:
                return reader(file)
            finally:
                if self._locked:
                    _unlock_file(file)

    def get_message(self, key):
        message = self._read_locked(key, MHMessage)
        for name, members in self.get_sequences().items():
            if key in members:
                message.add_sequence(name)
        return message

    def get_bytes(self, key):
        return self._read_locked(
            key, lambda file: file.read().replace(linesep, b"\n"))

    def get_file(self, key):
        return _ProxyFile(self._open_existing(key, "rb"))

    def iterkeys(self):
        return iter(sorted(int(entry) for entry in os.listdir(self._path)
                           if entry.isdigit()))

    def __contains__(self, key):
        return os.path.exists(self._message_path(key))

    def __len__(self):
        return len(list(self.iterkeys()))

    def _open_mh_sequences_file(self, text):
        path = os.path.join(self._path, ".mh_sequences")
        suffix, options = ("", {"encoding": "ASCII"}) if text else ("b", {})
        # Open it, or create it if missing, whichever wins a race.
        while True:
            try:
                return open(path, "r+" + suffix, **options)
            except FileNotFoundError:
                pass
            try:
                return open(path, "x+" + suffix, **options)
            except FileExistsError:
                pass

    def lock(self):
        """Lock .mh_sequences (and each message file as it is used)."""
        if not self._locked:
            self._file = self._open_mh_sequences_file(text=False)
            _lock_file(self._file)
            self._locked = True

    def unlock(self):
        if self._locked:
            _unlock_file(self._file)
            _sync_close(self._file)
            del self._file
            self._locked = False

    def flush(self):
        """Nothing to do: changes are written at once."""

    def close(self):
        if self._locked:
            self.unlock()

    def list_folders(self):
        return [entry for entry in os.listdir(self._path)
                if os.path.isdir(os.path.join(self._path, entry))]

    def get_folder(self, folder):
        return MH(os.path.join(self._path, folder),
                  factory=self._factory, create=False)

    def add_folder(self, folder):
        return MH(os.path.join(self._path, folder), factory=self._factory)

    def remove_folder(self, folder):
        path = os.path.join(self._path, folder)
        entries = os.listdir(path)
        if entries == [".mh_sequences"]:
            os.remove(os.path.join(path, ".mh_sequences"))
        elif entries:
            raise NotEmptyError("Folder not empty: %s" % self._path)
        os.rmdir(path)

    def get_sequences(self):
        """{name: [keys]} from .mh_sequences, for messages that exist."""
        sequences = {}
        try:
            file = open(os.path.join(self._path, ".mh_sequences"), "r",
                        encoding="ASCII")
        except FileNotFoundError:
            return sequences
        with file:
            existing = set(self.keys())
            for line in file:
                try:
                    name, contents = line.split(":")
                    members = set()
                    for spec in contents.split():
                        if spec.isdigit():
                            members.add(int(spec))
                        else:
                            first, last = (int(part) for part in spec.split("-"))
                            members.update(range(first, last + 1))
                    members = [key for key in sorted(members) if key in existing]
                    if members:
                        sequences[name] = members
                except ValueError:
                    raise FormatError("Invalid sequence specification: %s"
                                      % line.rstrip())
        return sequences

    def set_sequences(self, sequences):
        """Write .mh_sequences, runs of keys as ranges ("1-3 7")."""
        file = self._open_mh_sequences_file(text=True)
        try:
            os.close(os.open(file.name, os.O_WRONLY | os.O_TRUNC))
            for name, keys in sequences.items():
                if not keys:
                    continue
                file.write(name + ":" + _format_ranges(keys) + "\n")
        finally:
            _sync_close(file)

    def pack(self):
        """Renumber the messages 1, 2, 3, ... keeping sequences right."""
        sequences = self.get_sequences()
        previous = 0
        changes = []
        for key in self.iterkeys():
            if key - 1 != previous:
                changes.append((key, previous + 1))
                old_path, new_path = self._message_path(key), self._message_path(previous + 1)
                try:
                    os.link(old_path, new_path)
                except (AttributeError, PermissionError):
                    os.rename(old_path, new_path)
                else:
                    os.unlink(old_path)
            previous += 1
        self._next_key = previous + 1
        if not changes:
            return
        for members in sequences.values():
            for old, new in changes:
                if old in members:
                    members[members.index(old)] = new
        self.set_sequences(sequences)

    def _dump_sequences(self, message, key):
        """Make .mh_sequences put key in exactly message's sequences."""
        wanted = message.get_sequences()
        sequences = self.get_sequences()
        for name, members in sequences.items():
            if name in wanted:
                members.append(key)
            elif key in members:
                members.remove(key)
        for name in wanted:
            if name not in sequences:
                sequences[name] = [key]
        self.set_sequences(sequences)


def _format_ranges(keys):
    """" 1-3 7" for [1, 2, 3, 7]."""
    text = []
    run_start = previous = None
    for key in sorted(set(keys)) + [None]:
        if previous is not None and key == previous + 1:
            previous = key
            continue
        if run_start is not None:
            text.append(" %d" % run_start if run_start == previous
                        else " %d-%d" % (run_start, previous))
        run_start = previous = key
    return "".join(text)


# --- Babyl ----------------------------------------------------------------------

class Babyl(_singlefileMailbox):
    """The Babyl format of Rmail: labels, and original and visible headers."""

    _special_labels = frozenset({"unseen", "deleted", "filed", "answered",
                                 "forwarded", "edited", "resent"})

    def __init__(self, path, factory=None, create=True):
        _singlefileMailbox.__init__(self, path, factory, create)
        self._labels = {}

    def add(self, message):
        key = _singlefileMailbox.add(self, message)
        if isinstance(message, BabylMessage):
            self._labels[key] = message.get_labels()
        return key

    def remove(self, key):
        _singlefileMailbox.remove(self, key)
        self._labels.pop(key, None)

    def __setitem__(self, key, message):
        _singlefileMailbox.__setitem__(self, key, message)
        if isinstance(message, BabylMessage):
            self._labels[key] = message.get_labels()

    def _read_parts(self, key):
        """(original headers, visible headers, body), each with LF endings."""
        start, stop = self._lookup(key)
        self._file.seek(start)
        self._file.readline()  # the "1,labels" line
        original = io.BytesIO()
        while (line := self._file.readline()) and line != b"*** EOOH ***" + linesep:
            original.write(line.replace(linesep, b"\n"))
        visible = io.BytesIO()
        while (line := self._file.readline()) and line != linesep:
            visible.write(line.replace(linesep, b"\n"))
        body = self._file.read(stop - self._file.tell()).replace(linesep, b"\n")
        return original.getvalue(), visible.getvalue(), body

    def get_message(self, key):
        original, visible, body = self._read_parts(key)
        message = BabylMessage(original + body)
        message.set_visible(visible)
        if key in self._labels:
            message.set_labels(self._labels[key])
        return message

    def get_bytes(self, key):
        original, _, body = self._read_parts(key)
        return original + body

    def get_file(self, key):
        return io.BytesIO(self.get_bytes(key).replace(b"\n", linesep))

    def get_labels(self):
        """The user-defined labels used in the mailbox."""
        self._lookup()
        labels = set()
        for label_list in self._labels.values():
            labels.update(label_list)
        return list(labels - self._special_labels)

    def _generate_toc(self):
        starts, stops = [], []
        label_lists = []
        self._file.seek(0)
        next_position = 0
        while True:
            position = next_position
            line = self._file.readline()
            next_position = self._file.tell()
            if line == b"\037\014" + linesep:
                if len(stops) < len(starts):
                    stops.append(position - len(linesep))
                starts.append(next_position)
                labels = self._file.readline()[1:].split(b",")
                label_lists.append([label.strip().decode("ascii", "replace")
                                    for label in labels if label.strip()])
            elif line in (b"\037", b"\037" + linesep):
                if len(stops) < len(starts):
                    stops.append(position - len(linesep))
            elif not line:
                stops.append(position - len(linesep))
                break
        self._toc = dict(enumerate(zip(starts, stops)))
        self._labels = dict(enumerate(label_lists))
        self._next_key = len(self._toc)
        self._file.seek(0, 2)
        self._file_length = self._file.tell()

    def _pre_mailbox_hook(self, file):
        labels = b",".join(label.encode() for label in self.get_labels())
        file.write(b"BABYL OPTIONS:" + linesep + b"Version: 5" + linesep
                   + b"Labels:" + labels + linesep + b"\037")

    def _pre_message_hook(self, file):
        file.write(b"\014" + linesep)

    def _post_message_hook(self, file):
        file.write(linesep + b"\037")

    def _write_label_line(self, message):
        if not isinstance(message, BabylMessage):
            self._file.write(b"1,," + linesep)
            return
        labels = message.get_labels()
        special = [label for label in labels if label in self._special_labels]
        other = [label for label in labels if label not in self._special_labels]
        self._file.write(b"1" + b"".join(b", " + label.encode() for label in special)
                         + b"," + b"".join(b" " + label.encode() + b"," for label in other)
                         + linesep)

    def _copy_header_block(self, source):
        """Copy lines up to and including the blank line ending headers."""
        while True:
            line = source.readline()
            self._file.write(line.replace(b"\n", linesep))
            if line == b"\n" or not line:
                return

    def _install_message(self, message):
        start = self._file.tell()
        self._write_label_line(message)
        if isinstance(message, email.message.Message):
            original = io.BytesIO()
            email.generator.BytesGenerator(original, False, 0).flatten(message)
            original.seek(0)
            self._copy_header_block(original)
            self._file.write(b"*** EOOH ***" + linesep)
            if isinstance(message, BabylMessage):
                visible = io.BytesIO()
                email.generator.BytesGenerator(visible, False, 0).flatten(
                    message.get_visible())
                visible.seek(0)
                self._copy_header_block(visible)
            else:
                original.seek(0)
                self._copy_header_block(original)
            while chunk := original.read(4096):
                self._file.write(chunk.replace(b"\n", linesep))
        elif isinstance(message, (bytes, str, io.StringIO)):
            if isinstance(message, io.StringIO):
                message = _stringio_value(message)
            if isinstance(message, str):
                message = self._string_to_bytes(message)
            body_start = message.find(b"\n\n") + 2
            if body_start - 2 != -1:
                headers = message[:body_start].replace(b"\n", linesep)
                self._file.write(headers + b"*** EOOH ***" + linesep + headers)
                self._file.write(message[body_start:].replace(b"\n", linesep))
            else:
                self._file.write(b"*** EOOH ***" + linesep + linesep)
                self._file.write(message.replace(b"\n", linesep))
        elif hasattr(message, "readline"):
            if hasattr(message, "buffer"):
                message = _text_stream_buffer(message)
            original_position = message.tell()
            # The headers twice (original, visible), then the body.
            for header_pass in ("original", "visible"):
                while True:
                    line = _to_crlf_free(message.readline())
                    self._file.write(line.replace(b"\n", linesep))
                    if line == b"\n" or not line:
                        break
                if header_pass == "original":
                    self._file.write(b"*** EOOH ***" + linesep)
                    message.seek(original_position)
            while line := message.readline():
                self._file.write(_to_crlf_free(line).replace(b"\n", linesep))
        else:
            raise TypeError("Invalid message type: %s" % type(message))
        return start, self._file.tell()


# --- messages ---------------------------------------------------------------------

class Message(email.message.Message):
    """A message with format-specific state; Message(other) converts."""

    def __init__(self, message=None):
        if isinstance(message, email.message.Message):
            self._become_message(copy.deepcopy(message))
            if isinstance(message, Message):
                message._explain_to(self)
        elif isinstance(message, bytes):
            self._become_message(email.message_from_bytes(message))
        elif isinstance(message, str):
            self._become_message(email.message_from_string(message))
        elif isinstance(message, io.TextIOWrapper):
            self._become_message(email.message_from_file(message))
        elif hasattr(message, "read"):
            self._become_message(email.message_from_binary_file(message))
        elif message is None:
            email.message.Message.__init__(self)
        else:
            raise TypeError("Invalid message type: %s" % type(message))

    def _become_message(self, message):
        """Take message's state, except the attributes of its own format."""
        own = getattr(message, "_type_specific_attributes", [])
        for name, value in message.__dict__.items():
            if name not in own:
                self.__dict__[name] = value

    def _explain_to(self, message):
        """Translate this format's state into message's format."""
        if isinstance(message, Message):
            return
        raise TypeError("Cannot convert to specified type")


def _cannot_convert(message):
    return TypeError("Cannot convert to specified type: %s" % type(message))


class MaildirMessage(Message):
    """A message with Maildir state: subdir, flags (info "2,FLAGS"), date."""

    _type_specific_attributes = ["_subdir", "_info", "_date"]

    def __init__(self, message=None):
        self._subdir = "new"
        self._info = ""
        self._date = time.time()
        Message.__init__(self, message)

    def get_subdir(self):
        return self._subdir

    def set_subdir(self, subdir):
        if subdir not in ("new", "cur"):
            raise ValueError("subdir must be 'new' or 'cur': %s" % subdir)
        self._subdir = subdir

    def get_flags(self):
        return self._info[2:] if self._info.startswith("2,") else ""

    def set_flags(self, flags):
        self._info = "2," + "".join(sorted(flags))

    def add_flag(self, flag):
        self.set_flags("".join(set(self.get_flags()) | set(flag)))

    def remove_flag(self, flag):
        if self.get_flags():
            self.set_flags("".join(set(self.get_flags()) - set(flag)))

    def get_date(self):
        return self._date

    def set_date(self, date):
        try:
            self._date = float(date)
        except ValueError:
            raise TypeError("can't convert to float: %s" % date) from None

    def get_info(self):
        return self._info

    def set_info(self, info):
        if not isinstance(info, str):
            raise TypeError("info must be a string: %s" % type(info))
        self._info = info

    def _explain_to(self, message):
        flags = set(self.get_flags())
        if isinstance(message, MaildirMessage):
            message.set_flags(self.get_flags())
            message.set_subdir(self.get_subdir())
            message.set_date(self.get_date())
        elif isinstance(message, _mboxMMDFMessage):
            for maildir_flag, mbox_flag in (("S", "R"), ("T", "D"),
                                            ("F", "F"), ("R", "A")):
                if maildir_flag in flags:
                    message.add_flag(mbox_flag)
            if self.get_subdir() == "cur":
                message.add_flag("O")
            message.set_from("MAILER-DAEMON", time.gmtime(self.get_date()))
        elif isinstance(message, MHMessage):
            if "S" not in flags:
                message.add_sequence("unseen")
            if "R" in flags:
                message.add_sequence("replied")
            if "F" in flags:
                message.add_sequence("flagged")
        elif isinstance(message, BabylMessage):
            if "S" not in flags:
                message.add_label("unseen")
            for maildir_flag, label in (("T", "deleted"), ("R", "answered"),
                                        ("P", "forwarded")):
                if maildir_flag in flags:
                    message.add_label(label)
        elif not isinstance(message, Message):
            raise _cannot_convert(message)


class _mboxMMDFMessage(Message):
    """State shared by mbox and MMDF messages: the From_ line and the
    Status/X-Status flags."""

    _type_specific_attributes = ["_from"]

    def __init__(self, message=None):
        self.set_from("MAILER-DAEMON", True)
        if isinstance(message, email.message.Message):
            unixfrom = message.get_unixfrom()
            if unixfrom is not None and unixfrom.startswith("From "):
                self.set_from(unixfrom[5:])
        Message.__init__(self, message)

    def get_from(self):
        return self._from

    def set_from(self, from_, time_=None):
        """Set the From_ line's text; time_ (a struct_time, or True for
        now) is appended in asctime() form."""
        if time_ is not None:
            if time_ is True:
                time_ = time.gmtime()
            from_ += " " + time.asctime(time_)
        self._from = from_

    def get_flags(self):
        return self.get("Status", "") + self.get("X-Status", "")

    def set_flags(self, flags):
        flags = set(flags)
        status = "".join(flag for flag in "RO" if flag in flags)
        xstatus = "".join(flag for flag in "DFA" if flag in flags)
        xstatus += "".join(sorted(flags - set("RODFA")))
        for header, value in (("Status", status), ("X-Status", xstatus)):
            try:
                self.replace_header(header, value)
            except KeyError:
                self.add_header(header, value)

    def add_flag(self, flag):
        self.set_flags("".join(set(self.get_flags()) | set(flag)))

    def remove_flag(self, flag):
        if "Status" in self or "X-Status" in self:
            self.set_flags("".join(set(self.get_flags()) - set(flag)))

    def _explain_to(self, message):
        flags = set(self.get_flags())
        if isinstance(message, MaildirMessage):
            if "O" in flags:
                message.set_subdir("cur")
            for mbox_flag, maildir_flag in (("F", "F"), ("A", "R"),
                                            ("R", "S"), ("D", "T")):
                if mbox_flag in flags:
                    message.add_flag(maildir_flag)
            del message["status"]
            del message["x-status"]
            date_text = " ".join(self.get_from().split()[-5:])
            try:
                message.set_date(calendar.timegm(
                    time.strptime(date_text, "%a %b %d %H:%M:%S %Y")))
            except (ValueError, OverflowError):
                pass
        elif isinstance(message, _mboxMMDFMessage):
            message.set_flags(self.get_flags())
            message.set_from(self.get_from())
        elif isinstance(message, MHMessage):
            if "R" not in flags:
                message.add_sequence("unseen")
            if "A" in flags:
                message.add_sequence("replied")
            if "F" in flags:
                message.add_sequence("flagged")
            del message["status"]
            del message["x-status"]
        elif isinstance(message, BabylMessage):
            if "R" not in flags:
                message.add_label("unseen")
            if "D" in flags:
                message.add_label("deleted")
            if "A" in flags:
                message.add_label("answered")
            del message["status"]
            del message["x-status"]
        elif not isinstance(message, Message):
            raise _cannot_convert(message)


class mboxMessage(_mboxMMDFMessage):
    """A message with mbox state."""


class MMDFMessage(_mboxMMDFMessage):
    """A message with MMDF state."""


class MHMessage(Message):
    """A message with MH state: the sequences it belongs to."""

    _type_specific_attributes = ["_sequences"]

    def __init__(self, message=None):
        self._sequences = []
        Message.__init__(self, message)

    def get_sequences(self):
        return self._sequences[:]

    def set_sequences(self, sequences):
        self._sequences = list(sequences)

    def add_sequence(self, sequence):
        if not isinstance(sequence, str):
            raise TypeError("sequence type must be str: %s" % type(sequence))
        if sequence not in self._sequences:
            self._sequences.append(sequence)

    def remove_sequence(self, sequence):
        try:
            self._sequences.remove(sequence)
        except ValueError:
            pass

    def _explain_to(self, message):
        sequences = set(self.get_sequences())
        if isinstance(message, MaildirMessage):
            message.set_subdir("cur")
            if "unseen" not in sequences:
                message.add_flag("S")
            if "flagged" in sequences:
                message.add_flag("F")
            if "replied" in sequences:
                message.add_flag("R")
        elif isinstance(message, _mboxMMDFMessage):
            message.add_flag("O" if "unseen" in sequences else "RO")
            if "flagged" in sequences:
                message.add_flag("F")
            if "replied" in sequences:
                message.add_flag("A")
        elif isinstance(message, MHMessage):
            for sequence in self.get_sequences():
                message.add_sequence(sequence)
        elif isinstance(message, BabylMessage):
            if "unseen" in sequences:
                message.add_label("unseen")
            if "replied" in sequences:
                message.add_label("answered")
        elif not isinstance(message, Message):
            raise _cannot_convert(message)


class BabylMessage(Message):
    """A message with Babyl state: labels and the visible headers."""

    _type_specific_attributes = ["_labels", "_visible"]

    def __init__(self, message=None):
        self._labels = []
        self._visible = Message()
        Message.__init__(self, message)

    def get_labels(self):
        return self._labels[:]

    def set_labels(self, labels):
        self._labels = list(labels)

    def add_label(self, label):
        if not isinstance(label, str):
            raise TypeError("label must be a string: %s" % type(label))
        if label not in self._labels:
            self._labels.append(label)

    def remove_label(self, label):
        try:
            self._labels.remove(label)
        except ValueError:
            pass

    def get_visible(self):
        return Message(self._visible)

    def set_visible(self, visible):
        self._visible = Message(visible)

    def update_visible(self):
        """Refresh the visible headers from the message's own."""
        for header in self._visible.keys():
            if header in self:
                self._visible.replace_header(header, self[header])
            else:
                del self._visible[header]
        for header in ("Date", "From", "Reply-To", "To", "CC", "Subject"):
            if header in self and header not in self._visible:
                self._visible[header] = self[header]

    def _explain_to(self, message):
        labels = set(self.get_labels())
        if isinstance(message, MaildirMessage):
            message.set_subdir("cur")
            if "unseen" not in labels:
                message.add_flag("S")
            if "forwarded" in labels or "resent" in labels:
                message.add_flag("P")
            if "answered" in labels:
                message.add_flag("R")
            if "deleted" in labels:
                message.add_flag("T")
        elif isinstance(message, _mboxMMDFMessage):
            message.add_flag("O" if "unseen" in labels else "RO")
            if "deleted" in labels:
                message.add_flag("D")
            if "answered" in labels:
                message.add_flag("A")
        elif isinstance(message, MHMessage):
            if "unseen" in labels:
                message.add_sequence("unseen")
            if "answered" in labels:
                message.add_sequence("replied")
        elif isinstance(message, BabylMessage):
            message.set_visible(self.get_visible())
            for label in self.get_labels():
                message.add_label(label)
        elif not isinstance(message, Message):
            raise _cannot_convert(message)


# --- file views -----------------------------------------------------------------

class _ProxyFile:
    """A binary file view with its own position over a shared file."""

    def __init__(self, f, pos=None):
        self._file = f
        self._pos = f.tell() if pos is None else pos

    def read(self, size=None):
        return self._read(size, self._file.read)

    def read1(self, size=None):
        return self._read(size, self._file.read1)

    def readline(self, size=None):
        return self._read(size, self._file.readline)

    def readlines(self, sizehint=None):
        lines = []
        for line in self:
            lines.append(line)
            if sizehint is not None:
                sizehint -= len(line)
                if sizehint <= 0:
                    break
        return lines

    def __iter__(self):
        while line := self.readline():
            yield line

    def tell(self):
        return self._pos

    def seek(self, offset, whence=0):
        if whence == 1:
            self._file.seek(self._pos)
        self._file.seek(offset, whence)
        self._pos = self._file.tell()

    def close(self):
        if hasattr(self, "_file"):
            try:
                if hasattr(self._file, "close"):
                    self._file.close()
            finally:
                del self._file

    def _read(self, size, read_method):
        if size is None:
            size = -1
        self._file.seek(self._pos)
        result = read_method(size)
        self._pos = self._file.tell()
        return result

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def readable(self):
        return self._file.readable()

    def writable(self):
        return self._file.writable()

    def seekable(self):
        return self._file.seekable()

    def flush(self):
        return self._file.flush()

    @property
    def closed(self):
        if not hasattr(self, "_file"):
            return True
        if not hasattr(self._file, "closed"):
            return False
        return self._file.closed

    __class_getitem__ = classmethod(GenericAlias)


class _PartialFile(_ProxyFile):
    """A view of the bytes [start, stop) of a shared file; closing it
    leaves the shared file open."""

    def __init__(self, f, start=None, stop=None):
        _ProxyFile.__init__(self, f, start)
        self._start = start
        self._stop = stop

    def tell(self):
        return _ProxyFile.tell(self) - self._start

    def seek(self, offset, whence=0):
        if whence == 0:
            self._pos = self._start
            whence = 1
        elif whence == 2:
            self._pos = self._stop
            whence = 1
        _ProxyFile.seek(self, offset, whence)

    def _read(self, size, read_method):
        remaining = self._stop - self._pos
        if remaining <= 0:
            return b""
        if size is None or size < 0 or size > remaining:
            size = remaining
        return _ProxyFile._read(self, size, read_method)

    def close(self):
        if hasattr(self, "_file"):
            del self._file


# --- locking and file helpers ---------------------------------------------------

def _lock_file(f, dotlock=True):
    """Take lockf() and a dot-lock (f.name + ".lock") on f, or raise
    ExternalClashError if another process holds one."""
    dotlock_done = False
    try:
        if fcntl:
            try:
                fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EROFS):
                    raise ExternalClashError("lockf: lock unavailable: %s" % f.name)
                raise
        if dotlock:
            try:
                pre_lock = _create_temporary(f.name + ".lock")
                pre_lock.close()
            except OSError as exc:
                if exc.errno in (errno.EACCES, errno.EROFS):
                    return  # a read-only directory: no dot-lock possible
                raise
            try:
                try:
                    os.link(pre_lock.name, f.name + ".lock")
                    dotlock_done = True
                except (AttributeError, PermissionError):
                    os.rename(pre_lock.name, f.name + ".lock")
                    dotlock_done = True
                else:
                    os.unlink(pre_lock.name)
            except FileExistsError:
                os.remove(pre_lock.name)
                raise ExternalClashError("dot lock unavailable: %s" % f.name)
    except:
        if fcntl:
            fcntl.lockf(f, fcntl.LOCK_UN)
        if dotlock_done:
            os.remove(f.name + ".lock")
        raise


def _unlock_file(f):
    if fcntl:
        fcntl.lockf(f, fcntl.LOCK_UN)
    if os.path.exists(f.name + ".lock"):
        os.remove(f.name + ".lock")


def _create_carefully(path):
    """Open a new file for reading and writing; fail if it exists."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o666)
    try:
        return open(path, "rb+")
    finally:
        os.close(fd)


def _create_temporary(path):
    return _create_carefully("%s.%s.%s.%s" % (path, int(time.time()),
                                              socket.gethostname(), os.getpid()))


def _sync_flush(f):
    f.flush()
    if hasattr(os, "fsync"):
        os.fsync(f.fileno())


def _sync_close(f):
    _sync_flush(f)
    f.close()
