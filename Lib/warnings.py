"""Python part of the warnings subsystem.

The decision whether a warning is shown (filters, registries) is made by
the C module _warnings, which also serves warnings issued from C.  This
module adds the filter-editing functions, the display functions, the
catch_warnings context manager, the -W option parser and the
@deprecated decorator.

Where the filters live depends on sys.flags.context_aware_warnings (on
by default in the free-threaded build, as in CPython 3.14): when it is
off they are module-global and catch_warnings saves and restores them for
the whole process; when it is on, catch_warnings gives the current
contextvars context (the thread, the asyncio task) its own copy of the
filters and its own record log, so threads and tasks do not see each
other's changes.
"""

import sys

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning",
           "filterwarnings", "simplefilter", "resetwarnings",
           "catch_warnings", "deprecated"]

_ACTIONS = ("default", "always", "all", "ignore", "module", "once", "error")


# ---- context-aware filters (sys.flags.context_aware_warnings) --------------

_use_context = bool(getattr(sys.flags, "context_aware_warnings", 0))


class _WarningsContext:
    """The warnings state of one context inside catch_warnings: its own
    filters list and, with record=True (or inherited from an enclosing
    recording catch_warnings), the list that shown warnings go to."""

    def __init__(self, filters, log):
        self.filters = filters
        self.log = log


if _use_context:
    import _contextvars
    _warnings_context = _contextvars.ContextVar("warnings_context")


def _get_context():
    """The _WarningsContext in force, or None outside catch_warnings (or
    when the filters are module-global)."""
    if not _use_context:
        return None
    return _warnings_context.get(None)


def _get_filters():
    """The filters list in force (_warnings finds the same list through
    _get_context() and warnings.filters)."""
    context = _get_context()
    if context is not None:
        return context.filters
    # A module global read on purpose: tests and catch_warnings rebind
    # warnings.filters, and a second copy of this module (one imported
    # without _warnings) must keep reading its own.
    return filters


# ---- display -------------------------------------------------------------

def showwarning(message, category, filename, lineno, file=None, line=None):
    """Hook to write a warning to a file; replace if you like."""
    msg = WarningMessage(message, category, filename, lineno, file, line)
    _showwarnmsg_impl(msg)


def formatwarning(message, category, filename, lineno, line=None):
    """Function to format a warning the standard way."""
    msg = WarningMessage(message, category, filename, lineno, None, line)
    return _formatwarnmsg_impl(msg)


def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:
            # sys.stderr is None when run with pythonw.exe: nowhere to write.
            return
    text = _formatwarnmsg(msg)
    try:
        file.write(text)
    except OSError:
        # The file (probably stderr) is invalid: the warning gets lost.
        pass


def _source_line(filename, lineno):
    try:
        import linecache
        return linecache.getline(filename, lineno)
    except Exception:
        # linecache itself may be broken (e.g. during shutdown).
        return None


def _formatwarnmsg_impl(msg):
    category = msg.category.__name__
    text = f"{msg.filename}:{msg.lineno}: {category}: {msg.message}\n"
    line = _source_line(msg.filename, msg.lineno) if msg.line is None \
        else msg.line
    if line:
        text += "  %s\n" % line.strip()
    if msg.source is not None:
        try:
            import tracemalloc
        except Exception:
            # No tracemalloc in this interpreter: nothing to add.
            tracing_off, origin = False, None
        else:
            try:
                tracing_off = not tracemalloc.is_tracing()
                origin = tracemalloc.get_object_traceback(msg.source)
            except Exception:
                tracing_off, origin = False, None
        if origin is not None:
            text += "Object allocated at (most recent call last):\n"
            for frame in origin:
                text += f"  File \"{frame.filename}\", lineno {frame.lineno}\n"
                line = _source_line(frame.filename, frame.lineno)
                if line:
                    text += "    %s\n" % line.strip()
        elif tracing_off:
            text += (f"{category}: Enable tracemalloc to get the object "
                     f"allocation traceback\n")
    return text


_showwarning_orig = showwarning
_formatwarning_orig = formatwarning


def _showwarnmsg(msg):
    """Show a WarningMessage, through a replaced showwarning() if any."""
    context = _get_context()
    if context is not None and context.log is not None:
        context.log.append(msg)
        return
    try:
        hook = showwarning
    except NameError:
        # Someone deleted warnings.showwarning: show the standard way.
        hook = _showwarning_orig
    if hook is not _showwarning_orig:
        if not callable(hook):
            raise TypeError("warnings.showwarning() must be set to a "
                            "function or method")
        hook(msg.message, msg.category, msg.filename, msg.lineno,
             msg.file, msg.line)
        return
    _showwarnmsg_impl(msg)


def _formatwarnmsg(msg):
    """Format a WarningMessage, through a replaced formatwarning() if any."""
    try:
        hook = formatwarning
    except NameError:
        # Someone deleted warnings.formatwarning: format the standard way.
        hook = _formatwarning_orig
    if hook is not _formatwarning_orig:
        return hook(msg.message, msg.category, msg.filename,
                             msg.lineno, msg.line)
    return _formatwarnmsg_impl(msg)


class WarningMessage(object):

    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file",
                        "line", "source")

    def __init__(self, message, category, filename, lineno, file=None,
                 line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, "
                "line : %r}" % (self.message, self._category_name,
                                self.filename, self.lineno, self.line))

    def __repr__(self):
        return f"<{type(self).__qualname__} {self}>"


# ---- patterns --------------------------------------------------------------

def _compile(pattern, ignore_case):
    """A compiled regular expression: re's when it exists, else ours."""
    try:
        import re
    except ImportError:
        return _SimplePattern(pattern, ignore_case)
    return re.compile(pattern, re.I if ignore_case else 0)


def _escape(text):
    try:
        import re
    except ImportError:
        return "".join(c if c.isalnum() or c == "_" else "\\" + c
                       for c in text)
    return re.escape(text)


class _SimplePattern:
    """A small backtracking regular expression matcher standing in for
    re.compile() until the re module exists.  It understands literals,
    '.', '^', '$', \\A, \\Z, \\d \\w \\s (and their capitals), character
    classes, groups ((...) and (?:...)), '|', and the quantifiers *, +, ?
    and {m,n} (lazy forms match the same strings).  Only match() is
    offered, which is all the warnings filters use."""

    _CLASS_ESCAPES = {
        "d": lambda c: c.isdigit(),
        "w": lambda c: c.isalnum() or c == "_",
        "s": lambda c: c.isspace(),
    }

    def __init__(self, pattern, ignore_case=False):
        if not isinstance(pattern, str):
            raise TypeError("first argument must be string")
        self.pattern = pattern
        self.flags = 2 if ignore_case else 0
        self._ignore_case = ignore_case
        self._pos = 0
        self._tree = self._parse_alternatives()
        if self._pos != len(pattern):
            raise ValueError(f"unbalanced parenthesis at position {self._pos}")

    def __repr__(self):
        flags = ", re.IGNORECASE" if self._ignore_case else ""
        return f"re.compile({self.pattern!r}{flags})"

    def __eq__(self, other):
        if not isinstance(other, _SimplePattern):
            return NotImplemented
        return (self.pattern, self.flags) == (other.pattern, other.flags)

    def __hash__(self):
        return hash((self.pattern, self.flags))

    # parsing: a tree of ("alt", [sequence, ...]) where a sequence is a
    # list of nodes ("char", c) ("any",) ("set", negate, tests) ("bol",)
    # ("eol",) ("eos",) ("alt", ...) ("repeat", node, min, max).

    def _peek(self):
        return self.pattern[self._pos] if self._pos < len(self.pattern) else ""

    def _parse_alternatives(self):
        sequences = [self._parse_sequence()]
        while self._peek() == "|":
            self._pos += 1
            sequences.append(self._parse_sequence())
        return ("alt", sequences)

    def _parse_sequence(self):
        sequence = []
        while self._peek() not in ("", "|", ")"):
            node = self._parse_atom()
            node = self._parse_quantifier(node)
            sequence.append(node)
        return sequence

    def _parse_quantifier(self, node):
        c = self._peek()
        bounds = None
        if c == "*":
            bounds = (0, None)
        elif c == "+":
            bounds = (1, None)
        elif c == "?":
            bounds = (0, 1)
        elif c == "{":
            end = self.pattern.find("}", self._pos)
            body = self.pattern[self._pos + 1:end] if end > 0 else ""
            low, comma, high = body.partition(",")
            if end > 0 and (low.isdigit() or (comma and not low)) and \
                    (high.isdigit() or not high):
                bounds = (int(low or 0),
                          (int(high) if high else None) if comma else int(low))
                self._pos = end
        if bounds is None:
            return node
        self._pos += 1
        if self._peek() == "?":
            self._pos += 1
        return ("repeat", node, bounds[0], bounds[1])

    def _parse_atom(self):
        c = self._peek()
        self._pos += 1
        if c == ".":
            return ("any",)
        if c == "^":
            return ("bol",)
        if c == "$":
            return ("eol",)
        if c == "(":
            if self.pattern.startswith("?:", self._pos):
                self._pos += 2
            node = self._parse_alternatives()
            if self._peek() != ")":
                raise ValueError("missing ), unterminated subpattern")
            self._pos += 1
            return node
        if c == "[":
            return self._parse_set()
        if c == "\\":
            return self._parse_escape()
        if c in "*+?":
            raise ValueError("nothing to repeat")
        return ("char", c)

    def _parse_escape(self):
        c = self._peek()
        if c == "":
            raise ValueError("bad escape (end of pattern)")
        self._pos += 1
        if c == "A":
            return ("bol",)
        if c == "Z":
            return ("eos",)
        test = self._escape_test(c)
        if test is not None:
            return ("set", False, [test])
        return ("char", {"n": "\n", "t": "\t", "r": "\r"}.get(c, c))

    def _escape_test(self, c):
        test = self._CLASS_ESCAPES.get(c.lower())
        if test is None:
            return None
        if c.isupper():
            return lambda ch: not test(ch)
        return test

    def _parse_set(self):
        negate = self._peek() == "^"
        if negate:
            self._pos += 1
        tests = []
        first = True
        while True:
            c = self._peek()
            if c == "":
                raise ValueError("unterminated character set")
            self._pos += 1
            if c == "]" and not first:
                break
            first = False
            if c == "\\":
                e = self._peek()
                self._pos += 1
                test = self._escape_test(e)
                if test is not None:
                    tests.append(test)
                    continue
                c = {"n": "\n", "t": "\t", "r": "\r"}.get(e, e)
            if self._peek() == "-" and self.pattern[self._pos + 1:
                                                    self._pos + 2] not in ("]", ""):
                high = self.pattern[self._pos + 1]
                self._pos += 2
                tests.append(lambda ch, lo=c, hi=high: lo <= ch <= hi)
            else:
                tests.append(lambda ch, lit=c: ch == lit)
        return ("set", negate, tests)

    # matching, continuation style: each step calls `then(position)`.

    def match(self, text):
        self._text = text
        return True if self._node(self._tree, 0, lambda pos: True) else None

    def _same(self, a, b):
        return a == b or (self._ignore_case and a.lower() == b.lower())

    def _node(self, node, pos, then):
        kind = node[0]
        text = self._text
        if kind == "char":
            return pos < len(text) and self._same(text[pos], node[1]) \
                and then(pos + 1)
        if kind == "any":
            return pos < len(text) and text[pos] != "\n" and then(pos + 1)
        if kind == "set":
            if pos >= len(text):
                return False
            ch = text[pos]
            hit = any(test(ch) for test in node[2]) or (
                self._ignore_case and any(test(ch.swapcase())
                                          for test in node[2]))
            return hit != node[1] and then(pos + 1)
        if kind == "bol":
            return pos == 0 and then(pos)
        if kind == "eol":
            return (pos == len(text) or (pos == len(text) - 1
                                         and text[pos] == "\n")) and then(pos)
        if kind == "eos":
            return pos == len(text) and then(pos)
        if kind == "alt":
            return any(self._sequence(seq, 0, pos, then) for seq in node[1])
        return self._repeat(node, 0, pos, then)

    def _sequence(self, seq, index, pos, then):
        if index == len(seq):
            return then(pos)
        return self._node(seq[index], pos,
                          lambda p: self._sequence(seq, index + 1, p, then))

    def _repeat(self, node, count, pos, then):
        _, inner, low, high = node
        if high is None or count < high:
            # Greedy: one more round first; a round must consume input so
            # that an empty-matching inner pattern cannot loop.
            if self._node(inner, pos, lambda p: p != pos and
                          self._repeat(node, count + 1, p, then)):
                return True
        return count >= low and then(pos)


# ---- filters ---------------------------------------------------------------

def filterwarnings(action, message="", category=Warning, module="", lineno=0,
                   append=False):
    """Insert an entry into the list of warnings filters (at the front).

    'action' -- one of "error", "ignore", "always", "all", "default",
                "module", or "once"
    'message' -- a regex that the warning message must match
    'category' -- a class that the warning must be a subclass of
    'module' -- a regex that the module name must match
    'lineno' -- an integer line number, 0 matches all warnings
    'append' -- if true, append to the list of filters
    """
    if action not in _ACTIONS:
        raise ValueError(f"invalid action: {action!r}")
    if not isinstance(message, str):
        raise TypeError("message must be a string")
    if not isinstance(category, type) or not issubclass(category, Warning):
        raise TypeError("category must be a Warning subclass")
    if not isinstance(module, str):
        raise TypeError("module must be a string")
    if not isinstance(lineno, int):
        raise TypeError("lineno must be an int")
    if lineno < 0:
        raise ValueError("lineno must be an int >= 0")
    message = _compile(message, True) if message else None
    module = _compile(module, False) if module else None
    _add_filter(action, message, category, module, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Insert a simple entry into the list of warnings filters (at the front).

    A simple filter matches all modules and messages.
    'action' -- one of "error", "ignore", "always", "all", "default",
                "module", or "once"
    'category' -- a class that the warning must be a subclass of
    'lineno' -- an integer line number, 0 matches all warnings
    'append' -- if true, append to the list of filters
    """
    if action not in _ACTIONS:
        raise ValueError(f"invalid action: {action!r}")
    if not isinstance(lineno, int):
        raise TypeError("lineno must be an int")
    if lineno < 0:
        raise ValueError("lineno must be an int >= 0")
    _add_filter(action, None, category, None, lineno, append=append)


def _add_filter(*item, append):
    # Remove-then-insert and the version bump form one step under the lock.
    with _lock:
        current = _get_filters()
        if not append:
            try:
                current.remove(item)
            except ValueError:
                pass
            current.insert(0, item)
        elif item not in current:
            current.append(item)
        _filters_mutated_lock_held()


def resetwarnings():
    """Clear the list of warning filters, so that no filters are active."""
    with _lock:
        _get_filters()[:] = []
        _filters_mutated_lock_held()


# ---- the pure-Python core ---------------------------------------------------
#
# warn(), warn_explicit() and the filters state as plain Python.  The C
# module _warnings replaces all of them at the end of this file; these
# serve when it is unavailable (a copy of this module imported with
# _warnings blocked, as CPython's own tests do).  The state below is
# guarded by _lock: filters are edited, registries checked and updated,
# and _filters_version bumped only while holding it, so threads of the
# free-threaded build see each registry and the version change together.

import _thread

_lock = _thread.RLock()
_acquire_lock = _lock.acquire
_release_lock = _lock.release

filters = []
defaultaction = "default"
onceregistry = {}
_filters_version = 1


def _filters_mutated_lock_held():
    """Make every registry stale after a filters change (caller holds
    _lock)."""
    global _filters_version
    _filters_version += 1


def _is_internal_filename(filename):
    # The import system's frames, which stacklevel does not count.
    return "importlib" in filename and "_bootstrap" in filename


def _is_skipped_filename(filename, skip_file_prefixes):
    return any(filename.startswith(prefix) for prefix in skip_file_prefixes)


def _next_external_frame(frame, skip_file_prefixes):
    """The first frame above `frame` that is neither the import system's
    nor in a file under one of skip_file_prefixes."""
    frame = frame.f_back
    while frame is not None:
        filename = frame.f_code.co_filename
        if not (_is_internal_filename(filename)
                or _is_skipped_filename(filename, skip_file_prefixes)):
            break
        frame = frame.f_back
    return frame


def _caller_frame(stacklevel, skip_file_prefixes):
    """The frame `stacklevel` levels above warn()'s caller's caller, or
    None when the stack is not that deep."""
    try:
        frame = sys._getframe(2)
    except ValueError:
        # warn() was called with no Python code above it.
        return None
    if stacklevel <= 1 or _is_internal_filename(frame.f_code.co_filename):
        # Warned from inside the import system: every frame counts.
        while frame is not None and stacklevel > 1:
            frame = frame.f_back
            stacklevel -= 1
        return frame
    while frame is not None and stacklevel > 1:
        frame = _next_external_frame(frame, skip_file_prefixes)
        stacklevel -= 1
    return frame


def _warn_category(message, category):
    """The category warn() uses, as _warnings.warn chooses it."""
    if isinstance(message, Warning):
        return message.__class__
    if category is None:
        return UserWarning
    if isinstance(category, type):
        if issubclass(category, Warning):
            return category
        raise TypeError("category must be a Warning subclass, not class "
                        f"'{category.__name__}'")
    raise TypeError("category must be a Warning subclass, not "
                    f"'{type(category).__name__}'")


def warn(message, category=None, stacklevel=1, source=None, *,
         skip_file_prefixes=()):
    """Issue a warning, or maybe ignore it or raise an exception."""
    category = _warn_category(message, category)
    if not isinstance(skip_file_prefixes, tuple):
        raise TypeError("warn() argument 'skip_file_prefixes' must be tuple, "
                        f"not {type(skip_file_prefixes).__name__}")
    for prefix in skip_file_prefixes:
        if not isinstance(prefix, str):
            raise TypeError(f"Found non-str '{type(prefix).__name__}' in "
                            "skip_file_prefixes.")
    if skip_file_prefixes:
        stacklevel = max(2, stacklevel)
    frame = _caller_frame(stacklevel, skip_file_prefixes)
    if frame is None:
        globals = sys.__dict__
        filename = "<sys>"
        lineno = 0
    else:
        globals = frame.f_globals
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
    module = globals.get("__name__")
    if not isinstance(module, str):
        module = "<string>"
    registry = globals.setdefault("__warningregistry__", {})
    warn_explicit(message, category, filename, lineno, module, registry,
                  globals, source)


def _pattern_accepts(pattern, value):
    """A filter part's verdict: None accepts anything, a str must be
    equal, a compiled pattern must match."""
    if pattern is None:
        return True
    if type(pattern) is str:
        return pattern == value
    return bool(pattern.match(value))


def _find_action(category, text, lineno, module):
    """(action, filter item or None) for the first matching filter, or
    the default action.  Caller holds _lock."""
    for index, item in enumerate(_get_filters()):
        if not isinstance(item, tuple) or len(item) != 5:
            raise ValueError(f"_warnings.filters item {index} isn't a "
                             "5-tuple")
        action, message, filter_category, filter_module, filter_lineno = item
        if (_pattern_accepts(message, text)
                and issubclass(category, filter_category)
                and _pattern_accepts(filter_module, module)
                and (filter_lineno == 0 or filter_lineno == lineno)):
            return action, item
    return defaultaction, None


def _record(action, item, registry, key, text, category):
    """Remember a shown warning as `action` asks; True if it was already
    shown.  Caller holds _lock."""
    if action in ("always", "all"):
        return False
    if action == "default":
        registry[key] = True
        return False
    if action == "once":
        registry[key] = True
        if onceregistry.get((text, category)):
            return True
        onceregistry[(text, category)] = True
        return False
    if action == "module":
        registry[key] = True
        if registry.get((text, category, 0)):
            return True
        registry[(text, category, 0)] = True
        return False
    raise RuntimeError("Unrecognized action (%r) in warnings.filters:\n %r"
                       % (action, item))


def _module_from_filename(filename):
    if not filename:
        return "<unknown>"
    if filename.endswith(".py"):
        return filename[:-3]
    return filename


def warn_explicit(message, category, filename, lineno, module=None,
                  registry=None, module_globals=None, source=None):
    """Issue a warning, or maybe ignore it or raise an exception."""
    if not isinstance(filename, str):
        raise TypeError("warn_explicit() argument 'filename' must be str, "
                        f"not {type(filename).__name__}")
    lineno = int(lineno)
    if registry is not None and not isinstance(registry, dict):
        raise TypeError("'registry' must be a dict or None")
    if module_globals is not None and not isinstance(module_globals, dict):
        raise TypeError("module_globals must be a dict, not "
                        f"'{type(module_globals).__name__}'")
    if module is None:
        module = _module_from_filename(filename)
    if registry is None:
        registry = {}
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        if category is None:
            category = UserWarning
        text = message
        message = category(message)
    key = (text, category, lineno)
    with _lock:
        if registry.get("version") != _filters_version:
            registry.clear()
            registry["version"] = _filters_version
        if registry.get(key):
            return
        action, item = _find_action(category, text, lineno, module)
        if action == "error":
            raise message
        if action == "ignore" or _record(action, item, registry, key, text,
                                         category):
            return
    if module_globals is not None:
        # Let linecache find the source through the module's loader.
        import linecache
        linecache.getlines(filename, module_globals)
    _showwarnmsg(WarningMessage(message, category, filename, lineno, None,
                                None, source))


# ---- -W and PYTHONWARNINGS ---------------------------------------------------

class _OptionError(Exception):
    """Exception used by option processing helpers."""


def _processoptions(args):
    for arg in args:
        try:
            _setoption(arg)
        except _OptionError as msg:
            print("Invalid -W option ignored:", msg, file=sys.stderr)


def _is_regex_field(text):
    return len(text) >= 2 and text[0] == "/" and text[-1] == "/"


def _setoption(arg):
    parts = arg.split(":")
    if len(parts) > 5:
        raise _OptionError("too many fields (max 5): %r" % (arg,))
    while len(parts) < 5:
        parts.append("")
    action, message, category, module, lineno = [s.strip() for s in parts]
    action = _getaction(action)
    category = _getcategory(category)
    if _is_regex_field(message):
        message = message[1:-1]
    elif message:
        message = _escape(message)
    if _is_regex_field(module):
        module = module[1:-1]
    elif module:
        module = _escape(module) + r"\Z"
    if lineno:
        try:
            lineno = int(lineno)
            if lineno < 0:
                raise ValueError
        except (ValueError, OverflowError):
            raise _OptionError("invalid lineno %r" % (lineno,)) from None
    else:
        lineno = 0
    try:
        filterwarnings(action, message, category, module, lineno)
    except (ValueError, TypeError) as exc:
        raise _OptionError(str(exc)) from None


def _getaction(action):
    if not action:
        return "default"
    for candidate in _ACTIONS:
        if candidate.startswith(action):
            return candidate
    raise _OptionError("invalid action: %r" % (action,))


def _getcategory(category):
    if not category:
        return Warning
    if "." not in category:
        import builtins as module
        name = category
    else:
        module_name, _, name = category.rpartition(".")
        try:
            module = __import__(module_name, None, None, [name])
        except ImportError:
            raise _OptionError("invalid module name: %r" % (module_name,)) \
                from None
    try:
        cat = getattr(module, name)
    except AttributeError:
        raise _OptionError("unknown warning category: %r" % (category,)) \
            from None
    if not isinstance(cat, type) or not issubclass(cat, Warning):
        raise _OptionError("invalid warning category: %r" % (category,))
    return cat


# ---- catch_warnings ----------------------------------------------------------

class catch_warnings(object):
    """A context manager that copies and, upon exit, restores the warnings
    filter and the showwarning() function.

    The 'record' argument specifies whether warnings should be captured by
    a custom implementation of warnings.showwarning() and be appended to a
    list returned by the context manager.  Otherwise None is returned by
    the context manager.  The objects appended to the list are arguments
    whose attributes mirror the arguments to showwarning().

    The 'module' argument is to specify an alternative module to the module
    named 'warnings' and imported under that name.  This argument is only
    useful when testing the warnings module itself.

    If the 'action' argument is not None, the remaining arguments are
    passed to warnings.simplefilter() as if it were called immediately on
    entering the context.
    """

    def __init__(self, *, record=False, module=None, action=None,
                 category=Warning, lineno=0, append=False):
        self._record = record
        self._module = sys.modules["warnings"] if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        if self._module is not sys.modules["warnings"]:
            args.append("module=%r" % self._module)
        return "%s(%s)" % (type(self).__name__, ", ".join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        module = self._module
        # The state saved and changed is the target module's own (its
        # lock, filters and version counter): a copy of this module
        # imported without _warnings keeps separate ones.
        if getattr(module, "_use_context", False):
            return self._enter_context(module)
        with module._lock:
            self._filters = module.filters
            module.filters = self._filters[:]
            self._showwarning = module.showwarning
            self._showwarnmsg_impl = module._showwarnmsg_impl
            module._filters_mutated_lock_held()
        if self._filter is not None:
            module.simplefilter(*self._filter)
        if self._record:
            log = []
            module._showwarnmsg_impl = log.append
            # Reset showwarning() to the default so that _showwarnmsg()
            # calls the _showwarnmsg_impl() just replaced.
            module.showwarning = module._showwarning_orig
            return log
        return None

    def _enter_context(self, module):
        """Context-aware form: the current context gets a copy of the
        filters in force; nothing global changes."""
        outer = module._get_context()
        if self._record:
            log = []
        else:
            log = outer.log if outer is not None else None
        context = module._WarningsContext(list(module._get_filters()), log)
        with module._lock:
            self._token = module._warnings_context.set(context)
            module._filters_mutated_lock_held()
        if self._filter is not None:
            module.simplefilter(*self._filter)
        return log if self._record else None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        module = self._module
        if getattr(self, "_token", None) is not None:
            with module._lock:
                module._warnings_context.reset(self._token)
                self._token = None
                module._filters_mutated_lock_held()
            return
        with module._lock:
            module.filters = self._filters
            module.showwarning = self._showwarning
            module._showwarnmsg_impl = self._showwarnmsg_impl
            module._filters_mutated_lock_held()


# ---- deprecation helpers -------------------------------------------------------

def _copy_metadata(wrapper, wrapped):
    """What functools.wraps would copy (functools is not available here)."""
    for name in ("__module__", "__name__", "__qualname__", "__doc__",
                 "__type_params__"):
        try:
            value = getattr(wrapped, name)
        except AttributeError:
            continue
        try:
            setattr(wrapper, name, value)
        except (AttributeError, TypeError):
            pass
    try:
        wrapper.__dict__.update(getattr(wrapped, "__dict__", {}))
    except AttributeError:
        pass
    wrapper.__wrapped__ = wrapped
    return wrapper


_CO_COROUTINE = 0x80


class deprecated:
    """Indicate that a class, function or overload is deprecated.

    When this decorator is applied to an object, the type checker
    will generate a diagnostic on usage of the deprecated object.

    Usage:

        @deprecated("Use B instead")
        class A:
            pass

        @deprecated("Use g instead")
        def f():
            pass

    The warning specified by *category* will be emitted at runtime
    on use of deprecated objects.  For functions, that happens on calls;
    for classes, on instantiation and on creation of subclasses.
    If the *category* is ``None``, no warning is emitted at runtime.
    The *stacklevel* determines where the warning is emitted.  The
    deprecation message is also stored in the ``__deprecated__``
    attribute of the decorated object.
    """

    def __init__(self, message, /, *, category=DeprecationWarning,
                 stacklevel=1):
        if not isinstance(message, str):
            raise TypeError(
                f"Expected an object of type str for 'message', not "
                f"{type(message).__name__!r}")
        self.message = message
        self.category = category
        self.stacklevel = stacklevel

    def __call__(self, arg, /):
        msg = self.message
        category = self.category
        stacklevel = self.stacklevel
        if category is None:
            arg.__deprecated__ = msg
            return arg
        if isinstance(arg, type):
            return self._wrap_class(arg, msg, category, stacklevel)
        if callable(arg):
            return self._wrap_callable(arg, msg, category, stacklevel)
        raise TypeError(
            "@deprecated decorator with non-None category must be applied to "
            f"a class or callable, not {arg!r}")

    @staticmethod
    def _wrap_class(cls, msg, category, stacklevel):
        original_new = cls.__new__

        def __new__(klass, /, *args, **kwargs):
            if klass is cls:
                warn(msg, category=category, stacklevel=stacklevel + 1)
            if original_new is not object.__new__:
                return original_new(klass, *args, **kwargs)
            # Mirror object.__new__'s check for surplus arguments.
            if klass.__init__ is object.__init__ and (args or kwargs):
                raise TypeError(f"{klass.__name__}() takes no arguments")
            return original_new(klass)

        _copy_metadata(__new__, original_new)
        cls.__new__ = staticmethod(__new__)

        original_init_subclass = cls.__init_subclass__
        bound = getattr(original_init_subclass, "__func__", None)
        if bound is not None:
            def __init_subclass__(*args, **kwargs):
                warn(msg, category=category, stacklevel=stacklevel + 1)
                return bound(*args, **kwargs)
            _copy_metadata(__init_subclass__, bound)
            cls.__init_subclass__ = classmethod(__init_subclass__)
        else:
            def __init_subclass__(*args, **kwargs):
                warn(msg, category=category, stacklevel=stacklevel + 1)
                return original_init_subclass(*args, **kwargs)
            _copy_metadata(__init_subclass__, original_init_subclass)
            cls.__init_subclass__ = __init_subclass__

        cls.__deprecated__ = __new__.__deprecated__ = msg
        __init_subclass__.__deprecated__ = msg
        return cls

    @staticmethod
    def _wrap_callable(func, msg, category, stacklevel):
        code = getattr(func, "__code__", None)
        if code is not None and code.co_flags & _CO_COROUTINE:
            async def wrapper(*args, **kwargs):
                warn(msg, category=category, stacklevel=stacklevel + 1)
                return await func(*args, **kwargs)
        else:
            def wrapper(*args, **kwargs):
                warn(msg, category=category, stacklevel=stacklevel + 1)
                return func(*args, **kwargs)
        _copy_metadata(wrapper, func)
        try:
            func.__deprecated__ = msg
        except (AttributeError, TypeError):
            pass
        wrapper.__deprecated__ = msg
        return wrapper


_DEPRECATED_MSG = "{name!r} is deprecated and slated for removal in Python {remove}"


def _deprecated(name, message=_DEPRECATED_MSG, *, remove,
                _version=sys.version_info):
    """Warn that *name* is deprecated or should be removed.

    RuntimeError is raised if *remove* specifies a major/minor tuple older
    than the current Python version or the same version but past the alpha.
    """
    remove_formatted = f"{remove[0]}.{remove[1]}"
    if (_version[:2] > remove) or (_version[:2] == remove
                                   and _version[3] != "alpha"):
        msg = f"{name!r} was slated for removal after Python {remove_formatted} alpha"
        raise RuntimeError(msg)
    msg = message.format(name=name, remove=remove_formatted)
    warn(msg, DeprecationWarning, stacklevel=3)


def _warn_unawaited_coroutine(coro):
    """Called by the runtime for a coroutine that was never awaited."""
    lines = [f"coroutine '{coro.__qualname__}' was never awaited\n"]
    origin = getattr(coro, "cr_origin", None)
    if origin is not None:
        lines.append("Coroutine created at (most recent call last)\n")
        for filename, lineno, funcname in reversed(origin):
            lines.append(f'  File "{filename}", line {lineno}, in {funcname}\n')
            line = _source_line(filename, lineno)
            if line:
                lines.append(f"    {line.strip()}\n")
    msg = "".join(lines).rstrip("\n")
    warn(msg, category=RuntimeWarning, stacklevel=2, source=coro)


# ---- the C accelerator -------------------------------------------------------

try:
    from _warnings import (filters, _defaultaction as defaultaction,
                           _onceregistry as onceregistry, warn, warn_explicit,
                           _filters_mutated_lock_held, _acquire_lock,
                           _release_lock)
except ImportError:
    _warnings_defaults = False
else:
    _warnings_defaults = True

    class _Lock:
        """The warnings lock (recursive; shared with _warnings)."""

        def __enter__(self):
            _acquire_lock()
            return self

        def __exit__(self, *exc_info):
            _release_lock()

    _lock = _Lock()

if not _warnings_defaults and not hasattr(sys, "gettotalrefcount"):
    # The filters _warnings starts with, for the pure-Python copy.
    filterwarnings("default", category=DeprecationWarning, module="__main__",
                   append=True)
    simplefilter("ignore", category=DeprecationWarning, append=True)
    simplefilter("ignore", category=PendingDeprecationWarning, append=True)
    simplefilter("ignore", category=ImportWarning, append=True)
    simplefilter("ignore", category=ResourceWarning, append=True)

_processoptions(sys.warnoptions)
