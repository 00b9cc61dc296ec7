"""Word completion for the interactive prompt.

Completer(namespace).complete(text, state) returns the state-th
completion of text: Python keywords, names in the namespace (__main__'s
by default) and builtins, or, for "expr.attr", the attributes of the
evaluated expr.  Callables get a "(" appended.  readline.set_completer()
installs it; site does so for the interactive prompt.
"""

import builtins
import sys

__all__ = ["Completer"]

_KEYWORDS = (
    "False", "None", "True", "and", "as", "assert", "async", "await",
    "break", "class", "continue", "def", "del", "elif", "else", "except",
    "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
    "while", "with", "yield",
)
_SOFT_KEYWORDS = ("case", "match", "type", "_")
# Keywords complete with a space after them, except these.
_NO_SPACE = {"False", "None", "True", "break", "continue", "pass", "else",
             "_"}


_CO_VARARGS = 0x04
_CO_VARKEYWORDS = 0x08


def _takes_no_arguments(value):
    """True when value can only be called with no arguments (judged from
    its code object; unknown callables are assumed to take some)."""
    bound = 0
    if isinstance(value, type):
        init = value.__init__
        if getattr(init, "__code__", None) is None:
            return False
        value, bound = init, 1
    elif hasattr(value, "__func__") and hasattr(value, "__self__"):
        value, bound = value.__func__, 1
    code = getattr(value, "__code__", None)
    if code is None:
        return False
    return (code.co_argcount - bound == 0 and code.co_kwonlyargcount == 0
            and not code.co_flags & (_CO_VARARGS | _CO_VARKEYWORDS))


class Completer:
    def __init__(self, namespace=None):
        """Create a new completer for the command line.

        Completer([namespace]) -> completer instance.

        If unspecified, the default namespace where completions are
        performed is __main__ (technically, __main__.__dict__).
        """
        if namespace is not None and not isinstance(namespace, dict):
            raise TypeError("namespace must be a dictionary")
        self.use_main_ns = namespace is None
        if namespace is not None:
            self.namespace = namespace

    def complete(self, text, state):
        """Return the next possible completion for 'text'.

        This is called successively with state == 0, 1, 2, ... until it
        returns None.  The completion should begin with 'text'.
        """
        if self.use_main_ns:
            self.namespace = sys.modules["__main__"].__dict__
        if not text.strip():
            if state == 0:
                # An empty prefix: indentation, not a list of every name.
                return "\t"
            return None
        if state == 0:
            if "." in text:
                self.matches = self.attr_matches(text)
            else:
                self.matches = self.global_matches(text)
        try:
            return self.matches[state]
        except IndexError:
            return None

    def _callable_postfix(self, value, word):
        if callable(value):
            word += "("
            if _takes_no_arguments(value):
                word += ")"
        return word

    def global_matches(self, text):
        """Compute matches when text is a simple name.

        Return a list of all keywords, built-in functions and names
        currently defined in self.namespace that match.
        """
        matches = []
        seen = {"__builtins__"}
        n = len(text)
        for word in _KEYWORDS + _SOFT_KEYWORDS:
            if word[:n] == text:
                seen.add(word)
                if word in ("finally", "try"):
                    word += ":"
                elif word not in _NO_SPACE:
                    word += " "
                matches.append(word)
        for namespace in (self.namespace, builtins.__dict__):
            for word, value in namespace.items():
                if word[:n] == text and word not in seen:
                    seen.add(word)
                    matches.append(self._callable_postfix(value, word))
        return matches

    def attr_matches(self, text):
        """Compute matches when text contains a dot.

        The expression before the last dot is evaluated in the namespace
        (only when it is a dotted name, so completion runs no calls) and
        its attributes that match the last part are returned.
        """
        expr, _, attr = text.rpartition(".")
        if not all(part.isidentifier() for part in expr.split(".")):
            return []
        try:
            value = eval(expr, self.namespace)
        except Exception:
            return []
        words = set(dir(value))
        words.discard("__builtins__")
        if hasattr(value, "__class__"):
            words.add("__class__")
        matches = []
        n = len(attr)
        if attr == "":
            hide = "_"
        elif attr == "_":
            hide = "__"
        else:
            hide = None
        for word in sorted(words):
            if word[:n] != attr or (hide and word[:len(hide)] == hide):
                continue
            try:
                member = getattr(value, word)
            except Exception:
                matches.append(f"{expr}.{word}")
                continue
            matches.append(self._callable_postfix(member, f"{expr}.{word}"))
        return matches
