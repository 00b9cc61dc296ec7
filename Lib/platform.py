"""Identify the platform: operating system, machine and interpreter.

Every answer is a string (or a tuple of strings), empty when it cannot be
determined.  Run as "python -m platform" to print platform() in a form
usable as part of a file name.

Thread safety: every query caches its answer in a module global.  Two
threads asking at once may both compute it; they store equal values, so
the race is harmless and no lock is taken.
"""

import collections
import functools
import itertools
import os
import sys

__version__ = '1.1.0'

__all__ = ['android_ver', 'architecture', 'freedesktop_os_release',
           'invalidate_caches', 'ios_ver', 'libc_ver', 'mac_ver', 'machine', 'node', 'platform', 'processor',
           'python_branch', 'python_build', 'python_compiler',
           'python_implementation', 'python_revision', 'python_version',
           'python_version_tuple', 'release', 'system', 'system_alias',
           'uname', 'uname_result', 'version', 'win32_edition',
           'win32_is_iot', 'win32_ver']


# ---------------------------------------------------------------------------
# Helpers

def _unknown_as_blank(value):
    return '' if value == 'unknown' else value


def _comparable_version(version):
    """A key ordering dotted version strings numerically ('2.10' after
    '2.9'); non-numeric parts compare as text after numbers."""
    key = []
    for part in version.split('.'):
        digits = ''
        while part and part[0].isdigit():
            digits += part[0]
            part = part[1:]
        key.append((int(digits) if digits else -1, part))
    return key


def _syscmd_file(target, default=''):
    """Interface to the system's file command: its description of target
    ("ELF 64-bit LSB executable, ..."), or default when unavailable."""
    if sys.platform in ('dos', 'win32', 'win16', 'ios', 'tvos', 'watchos'):
        return default
    try:
        import subprocess
    except ImportError:
        return default
    target = os.path.realpath(target)
    env = dict(os.environ, LC_ALL='C')
    try:
        output = subprocess.check_output(['file', '-b', target],
                                         stderr=subprocess.DEVNULL, env=env)
    except (OSError, subprocess.CalledProcessError):
        return default
    if not output:
        return default
    return output.decode('latin-1')


def _platform(*args):
    """Joins the parts of a platform string, keeping it usable as part of
    a file name."""
    platform = '-'.join(x.strip() for x in filter(len, args))
    for char in ' /\\:;"()':
        platform = platform.replace(char, '_' if char == ' ' else '-')
    platform = platform.replace('unknown', '')
    while '--' in platform:
        platform = platform.replace('--', '-')
    return platform.rstrip('-')


# ---------------------------------------------------------------------------
# The C library

# Matches, in an executable's bytes, the markers libc_ver() looks for.
_libc_search = None


def _libc_pattern():
    global _libc_search
    if _libc_search is None:
        import re
        _libc_search = re.compile(
            rb'(__libc_init)'
            rb'|(GLIBC_([0-9.]+))'
            rb'|((?:libc\.|ld-)musl(?:-\w+)?\.so(?:\.(\d[0-9.]*))?)'
            rb'|(libc(_\w+)?\.so(?:\.(\d[0-9.]*))?)'
            rb'|(musl-([0-9.]+))', re.ASCII)
    return _libc_search


def _scan_libc(executable, lib, version, chunksize):
    """Finds the libc an executable links against by scanning its bytes
    for version markers; the newest version found wins."""
    pattern = _libc_pattern()
    newer = lambda a, b: _comparable_version(a) > _comparable_version(b)
    with open(executable, 'rb') as f:
        binary = f.read(chunksize)
        pos = 0
        while pos < len(binary):
            if b'libc' in binary or b'GLIBC' in binary or b'musl' in binary:
                m = pattern.search(binary, pos)
            else:
                m = None
            if not m or m.end() == len(binary):
                # The marker may continue in the next chunk: keep a tail.
                chunk = f.read(chunksize)
                if chunk:
                    binary = binary[max(pos, len(binary) - 1000):] + chunk
                    pos = 0
                    continue
                if not m:
                    break
            (libcinit, glibc, glibcversion, muslso, muslsoversion, so,
             threads, soversion, musl, muslversion) = [
                s.decode('latin1') if s is not None else s for s in m.groups()]
            if libcinit and not lib:
                lib = 'libc'
            elif glibc:
                if lib != 'glibc':
                    lib = 'glibc'
                    version = glibcversion
                elif newer(glibcversion, version):
                    version = glibcversion
            elif muslso or musl:
                found = muslsoversion if muslso else muslversion
                if lib != 'musl':
                    lib = 'musl'
                    version = found or ''
                elif found and (not version or newer(found, version)):
                    version = found
            elif so:
                # A plain libc.so reference does not override a C library
                # already identified by name.
                if lib not in ('glibc', 'musl'):
                    lib = 'libc'
                    if soversion and (not version
                                      or newer(soversion, version)):
                        version = soversion
                    if threads and version[-len(threads):] != threads:
                        version = version + threads
            pos = m.end()
    return lib, version


def libc_ver(executable=None, lib='', version='', chunksize=16384):
    """Returns (lib, version) naming the C library an executable links
    against, e.g. ('glibc', '2.36'); lib and version are returned
    unchanged when it cannot be told.  For the running interpreter glibc
    is asked directly; other executables are scanned, chunksize bytes at
    a time, for the version markers the C libraries leave in binaries.
    """
    if not executable:
        try:
            # glibc answers directly, e.g. "glibc 2.36".
            parts = os.confstr('CS_GNU_LIBC_VERSION').split(maxsplit=1)
            if len(parts) == 2:
                return tuple(parts)
        except (AttributeError, ValueError, OSError):
            pass
        executable = sys.executable
        if not executable:
            return lib, version
    return _scan_libc(executable, lib, version, chunksize)


# ---------------------------------------------------------------------------
# Other operating systems' version queries (empty answers here)

def win32_is_iot():
    return win32_edition() in ('IoTUAP', 'NanoServer', 'WindowsCoreHeadless',
                               'IoTEdgeOS')


def win32_edition():
    return None


def win32_ver(release='', version='', csd='', ptype=''):
    return release, version, csd, ptype


def mac_ver(release='', versioninfo=('', '', ''), machine=''):
    """The macOS version as (release, (version, dev_stage,
    non_release_version), machine): on other systems the arguments come
    back unchanged."""
    return release, versioninfo, machine


IOSVersionInfo = collections.namedtuple(
    "IOSVersionInfo", ["system", "release", "model", "is_simulator"])


def ios_ver(system="", release="", model="", is_simulator=False):
    """iOS's (system, release, model, is_simulator) as an IOSVersionInfo.
    Weft does not run on iOS: as on every other system, the arguments
    come back unchanged."""
    return IOSVersionInfo(system, release, model, is_simulator)


AndroidVer = collections.namedtuple(
    "AndroidVer",
    ["release", "api_level", "manufacturer", "model", "device", "is_emulator"])


def android_ver(release="", api_level=0, manufacturer="", model="",
                device="", is_emulator=False):
    """Android's version and device as an AndroidVer.  Weft does not run
    on Android: as on every other system, the arguments come back
    unchanged."""
    return AndroidVer(release, api_level, manufacturer, model, device,
                      is_emulator)


def system_alias(system, release, version):
    """Maps (system, release, version) to the names users know: SunOS
    5.x is reported as Solaris 2.x, win32/win16 as Windows.  Other
    systems come back unchanged."""
    if system == 'SunOS':
        # Sun's marketing name: SunOS 5.x is Solaris 2.x.
        if release < '5':
            return system, release, version
        parts = release.split('.')
        try:
            parts[0] = str(int(parts[0]) - 3)
        except ValueError:
            pass
        release = '.'.join(parts)
        system = 'Solaris'
    elif system in ('win32', 'win16'):
        system = 'Windows'
    return system, release, version


# ---------------------------------------------------------------------------
# architecture()

# Defaults when the file command gives no answer for the interpreter.
_default_architecture = {
    'win32': ('', 'WindowsPE'),
    'win16': ('', 'Windows'),
    'dos': ('', 'MSDOS'),
}


def architecture(executable=sys.executable, bits='', linkage=''):
    """Returns (bits, linkage) for an executable (by default the
    interpreter), e.g. ('64bit', 'ELF').

    The answer comes from the system's "file" command; what it cannot
    tell keeps the value given (bits defaults to the interpreter's own
    pointer size).  Without "file", the interpreter gets the platform's
    known defaults."""
    if not bits:
        # The interpreter's own pointer size; sys.maxsize is the largest
        # Py_ssize_t, which has the width of a pointer.
        bits = '64bit' if sys.maxsize > 2**32 else '32bit'
    fileout = _syscmd_file(executable, '') if executable else ''
    if not fileout and executable == sys.executable:
        default_bits, default_linkage = _default_architecture.get(
            sys.platform, ('', ''))
        return default_bits or bits, default_linkage or linkage
    if 'executable' not in fileout and 'shared object' not in fileout:
        # The file is not an executable: bits and linkage cannot be told.
        return bits, linkage
    if '32-bit' in fileout:
        bits = '32bit'
    elif '64-bit' in fileout:
        bits = '64bit'
    if 'ELF' in fileout:
        linkage = 'ELF'
    elif 'PE' in fileout:
        linkage = 'WindowsPE' if 'Windows' in fileout else 'PE'
    elif 'COFF' in fileout:
        linkage = 'COFF'
    elif 'MS-DOS' in fileout:
        linkage = 'MSDOS'
    return bits, linkage


# ---------------------------------------------------------------------------
# uname()

def _get_machine_win32():
    return (os.environ.get('PROCESSOR_ARCHITEW6432', '')
            or os.environ.get('PROCESSOR_ARCHITECTURE', ''))


class _Processor:
    """How to find the processor name on each platform."""

    @classmethod
    def get(cls):
        func = getattr(cls, f'get_{sys.platform}', cls.from_subprocess)
        return func() or ''

    def get_win32():
        return os.environ.get('PROCESSOR_IDENTIFIER', _get_machine_win32())

    def from_subprocess():
        """Fall back to `uname -p`."""
        try:
            import subprocess
        except ImportError:
            return None
        try:
            return subprocess.check_output(
                ['uname', '-p'], stderr=subprocess.DEVNULL, text=True,
                encoding='utf8').strip()
        except (OSError, subprocess.CalledProcessError):
            return None


class uname_result(
    collections.namedtuple('uname_result_base',
                           'system node release version machine')
):
    """The result of uname(): a named tuple of system, node, release,
    version and machine, plus processor, which is looked up (it may run
    a command) only when first used and then remembered."""

    _fields = ('system', 'node', 'release', 'version', 'machine',
               'processor')

    @functools.cached_property
    def processor(self):
        return _unknown_as_blank(_Processor.get())

    def __iter__(self):
        return itertools.chain(super().__iter__(), (self.processor,))

    @classmethod
    def _make(cls, iterable):
        # Five values are stored; processor is always computed.
        num_fields = len(cls._fields) - 1
        result = cls.__new__(cls, *iterable)
        if len(result) != num_fields + 1:
            msg = f'Expected {num_fields} arguments, got {len(result)}'
            raise TypeError(msg)
        return result

    def __getitem__(self, key):
        return tuple(self)[key]

    def __len__(self):
        return len(tuple(iter(self)))

    def __reduce__(self):
        return uname_result, tuple(self)[:len(self._fields) - 1]


_uname_cache = None


def uname():
    """Returns a uname_result (system, node, release, version, machine,
    processor): os.uname() plus the processor name, with 'unknown'
    reported as ''.  The result is cached."""
    global _uname_cache
    if _uname_cache is not None:
        return _uname_cache
    try:
        system, node, release, version, machine = os.uname()
    except AttributeError:
        system, node, release, version, machine = sys.platform, '', '', '', ''
    if not system:
        system = sys.platform
    if system == 'win32':
        system = 'Windows'
        machine = machine or _get_machine_win32()
    values = (system, node, release, version, machine)
    _uname_cache = uname_result(*map(_unknown_as_blank, values))
    return _uname_cache


def system():
    """The operating system name, e.g. 'Linux' ('' if unknown)."""
    return uname().system


def node():
    """The computer's network name, not necessarily fully qualified
    ('' if unknown)."""
    return uname().node


def release():
    """The operating system release, e.g. '6.1.0' ('' if unknown)."""
    return uname().release


def version():
    """The operating system's version string, e.g. '#1 SMP ...' ('' if
    unknown)."""
    return uname().version


def machine():
    """The machine type, e.g. 'x86_64' ('' if unknown)."""
    return uname().machine


def processor():
    """The processor name ('' if unknown; many systems report nothing
    more specific than machine())."""
    return uname().processor


# ---------------------------------------------------------------------------
# The interpreter

_sys_version_cache = {}


def _implementation_name():
    """The display name of the running implementation: CPython spells
    its own name with a capital P, the others are capitalised ('weft'
    becomes 'Weft')."""
    name = sys.implementation.name
    if name == 'cpython':
        return 'CPython'
    if name == 'pypy':
        return 'PyPy'
    if name == 'ironpython':
        return 'IronPython'
    return name[:1].upper() + name[1:]


def _parse_sys_version(text):
    """Splits a sys.version-style string "VERSION (BUILDNO, DATE, TIME)
    [COMPILER]" into (version, buildno, builddate, compiler)."""
    version, _, rest = text.strip().partition(' ')
    rest = rest.strip()
    if rest.startswith('|'):
        # Some distributions insert "|label|" before the build info.
        rest = rest[rest.find('|', 1) + 1:].strip()
    if not version or not rest.startswith('(') or ')' not in rest:
        raise ValueError('failed to parse %s sys.version: %r'
                         % (_implementation_name(), text))
    build, _, tail = rest[1:].partition(')')
    buildno, *date_parts = [part.strip() for part in build.split(',')]
    buildno = buildno.lstrip('#')
    builddate = ' '.join(part for part in date_parts[:2] if part)
    tail = tail.strip()
    compiler = ''
    if tail.startswith('['):
        compiler = tail[1:].partition(']')[0]
    return version, buildno, builddate, compiler


def _sys_version(sys_version=None):
    """Parses sys.version (or the given string in the same format) into
    (name, version, branch, revision, buildno, builddate, compiler); parts
    that cannot be found are ''.  Results are cached per string."""
    if sys_version is None:
        sys_version = sys.version
    result = _sys_version_cache.get(sys_version)
    if result is not None:
        return result
    version, buildno, builddate, compiler = _parse_sys_version(sys_version)
    name = _implementation_name()
    git = getattr(sys, '_git', None)
    if git is not None:
        _, branch, revision = git
    else:
        branch = revision = ''
    # The version always has three components.
    parts = version.split('.')
    if len(parts) == 2:
        parts.append('0')
        version = '.'.join(parts)
    result = (name, version, branch, revision, buildno, builddate, compiler)
    _sys_version_cache[sys_version] = result
    return result


def python_implementation():
    """The name of the running Python implementation: 'CPython',
    'PyPy', 'IronPython', ... and 'Weft' for this one."""
    return _sys_version()[0]


def python_version():
    """The Python language version as 'major.minor.patchlevel' (always
    three parts, unlike the start of sys.version)."""
    return _sys_version()[1]


def python_version_tuple():
    """python_version() as a tuple of three strings."""
    return tuple(_sys_version()[1].split('.'))


def python_branch():
    """The source-control branch the interpreter was built from, or ''."""
    return _sys_version()[2]


def python_revision():
    """The source-control revision the interpreter was built from, or ''."""
    return _sys_version()[3]


def python_build():
    """(buildno, builddate) of the interpreter, from sys.version."""
    return _sys_version()[4:6]


def python_compiler():
    """The compiler the interpreter was built with, from sys.version."""
    return _sys_version()[6]


# ---------------------------------------------------------------------------
# platform()

_platform_cache = {}


def platform(aliased=False, terse=False):
    """One string naming the platform, readable and usable in a file
    name, e.g. 'Linux-6.1.0-x86_64-with-glibc2.36'.

    aliased applies system_alias() to the system name; terse asks for
    the minimum needed to identify the platform (Linux answers are
    always complete)."""
    result = _platform_cache.get((aliased, terse))
    if result is not None:
        return result

    system, node, release, version, machine, processor = uname()
    if machine == processor:
        processor = ''
    if aliased:
        system, release, version = system_alias(system, release, version)

    if system == 'Darwin':
        # The kernel is Darwin; name the macOS release when there is one.
        macos_release = mac_ver()[0]
        if macos_release:
            system = 'macOS'
            release = macos_release

    if system == 'Linux':
        libcname, libcversion = libc_ver()
        platform = _platform(system, release, machine, processor,
                             'with', libcname + libcversion)
    elif terse:
        platform = _platform(system, release)
    else:
        bits, linkage = architecture(sys.executable)
        platform = _platform(system, release, machine, processor,
                             bits, linkage)

    _platform_cache[(aliased, terse)] = platform
    return platform


# ---------------------------------------------------------------------------
# freedesktop.org os-release

_os_release_candidates = ('/etc/os-release', '/usr/lib/os-release')
_os_release_cache = None

_os_release_name_chars = frozenset(
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_')


def _os_release_unescape(value):
    # A backslash escapes one of \ $ " ' ` and is dropped; any other
    # backslash stays as written.
    out = []
    i = 0
    while i < len(value):
        if value[i] == '\\' and i + 1 < len(value) and value[i + 1] in '\\$"\'`':
            out.append(value[i + 1])
            i += 2
        else:
            out.append(value[i])
            i += 1
    return ''.join(out)


def _parse_os_release_line(line):
    """(name, value) for a NAME=VALUE line, or None for anything else
    (comments, blank lines, malformed lines)."""
    if line.endswith('\n'):
        line = line[:-1]
    if '\n' in line:
        return None
    name, sep, value = line.partition('=')
    if not sep or not name or not set(name) <= _os_release_name_chars:
        return None
    # The value may be quoted with ' or "; the quote must close it.
    if len(value) >= 2 and value[0] in '"\'' and value[-1] == value[0]:
        value = value[1:-1]
    return name, _os_release_unescape(value)


def _parse_os_release(lines):
    # These fields are mandatory; os-release files may override them.
    info = {
        'NAME': 'Linux',
        'ID': 'linux',
        'PRETTY_NAME': 'Linux',
    }
    for line in lines:
        parsed = _parse_os_release_line(line)
        if parsed is not None:
            info[parsed[0]] = parsed[1]
    return info


def freedesktop_os_release():
    """The NAME=VALUE pairs of the freedesktop.org os-release file as a
    new dict (NAME, ID and PRETTY_NAME always present).  Raises OSError
    when no os-release file can be read."""
    global _os_release_cache
    if _os_release_cache is None:
        errno = None
        for candidate in _os_release_candidates:
            try:
                with open(candidate, encoding='utf-8') as f:
                    _os_release_cache = _parse_os_release(f)
                break
            except OSError as e:
                errno = e.errno
        else:
            raise OSError(
                errno,
                f"Unable to read files {', '.join(_os_release_candidates)}")
    return _os_release_cache.copy()


def invalidate_caches():
    """Forgets every cached answer, so the next queries look again."""
    global _uname_cache, _os_release_cache
    _uname_cache = None
    _os_release_cache = None
    _sys_version_cache.clear()
    _platform_cache.clear()


# ---------------------------------------------------------------------------
# Command line interface

def _parse_args(args):
    import argparse
    parser = argparse.ArgumentParser(prog='python -m platform')
    parser.add_argument('args', nargs='*', choices=['nonaliased', 'terse'])
    parser.add_argument(
        '--terse', action='store_true',
        help='print only what is needed to identify the platform')
    parser.add_argument(
        '--nonaliased', dest='aliased', action='store_false',
        help='report system names as the system gives them, without '
             'system_alias() (e.g. SunOS instead of Solaris)')
    return parser.parse_args(args)


def _main(args=None):
    args = _parse_args(args)
    terse = args.terse or 'terse' in args.args
    aliased = args.aliased and 'nonaliased' not in args.args
    print(platform(aliased, terse))


if __name__ == '__main__':
    _main()
