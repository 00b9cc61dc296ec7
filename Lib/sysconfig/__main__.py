"""python -m sysconfig: print the configuration.  Also holds the Makefile
reader (_parse_makefile), under the name CPython gives it."""

import os
import re

from sysconfig import _main

# NAME = value
_ASSIGNMENT = re.compile(r'([a-zA-Z][a-zA-Z0-9_]+)\s*=\s*(.*)')
# $(NAME) or ${NAME}
_REFERENCE = re.compile(r'\$(?:\(([A-Za-z][A-Za-z0-9_]*)\)|'
                        r'\{([A-Za-z][A-Za-z0-9_]*)\})')
# The Makefile defines these as PY_<name> so that the user's settings
# from the environment can still be added.
_RENAMED = ('CFLAGS', 'LDFLAGS', 'CPPFLAGS')


def _number_or_text(value):
    value = value.strip()
    try:
        return int(value)
    except ValueError:
        return value


def _read_assignments(filename):
    """(done, pending): the values without references (with $$ already
    made $) and the raw values still holding $(...) or ${...}."""
    done, pending = {}, {}
    with open(filename, encoding='utf-8', errors='surrogateescape') as f:
        for line in f:
            if line.startswith('#') or line.strip() == '':
                continue
            m = _ASSIGNMENT.match(line)
            if m is None:
                continue
            name, value = m.group(1), m.group(2).strip()
            if '$' in value.replace('$$', ''):
                pending[name] = value
            else:
                done[name] = _number_or_text(value.replace('$$', '$'))
    return done, pending


def _lookup(name, done, pending):
    """The text a reference to name expands to, or None while name is
    itself still pending."""
    if name in done:
        return str(done[name])
    if name in pending:
        return None
    if name in os.environ:
        return os.environ[name]
    if name in _RENAMED:
        renamed = 'PY_' + name
        if renamed in pending:
            return None
        if renamed in done:
            return str(done[renamed])
    return ''


def _parse_makefile(filename, vars=None, keep_unresolved=True):
    """Parse a Makefile's variable assignments into a dict (vars, updated
    and returned, when given).  $(NAME) and ${NAME} expand from the
    Makefile, else the environment, else to nothing; $$ is a literal $;
    integer values become ints.  Values whose references never resolve
    (a cycle) are kept as written if keep_unresolved, else dropped."""
    done, pending = _read_assignments(filename)
    progress = True
    while pending and progress:
        progress = False
        for name in tuple(pending):
            value = pending[name]
            m = _REFERENCE.search(value)
            if m is None:
                # A lone '$' (e.g. "prefix=$/opt"): nothing to expand.
                done[name] = _number_or_text(value.replace('$$', '$'))
                del pending[name]
                progress = True
                continue
            ref = m.group(1) or m.group(2)
            if ref == name:
                continue
            text = _lookup(ref, done, pending)
            if text is None:
                continue
            value = value[:m.start()] + text + value[m.end():]
            progress = True
            if '$' in value.replace('$$', ''):
                pending[name] = value
            else:
                done[name] = _number_or_text(value.replace('$$', '$'))
                del pending[name]
    if keep_unresolved:
        for name, value in pending.items():
            done[name] = value
    if vars is None:
        vars = {}
    vars.update(done)
    return vars


if __name__ == '__main__':
    _main()
