"""Byte-compile whole directory trees of Python source files.

compile_dir() walks a tree, compile_file() handles one file and
compile_path() every directory on sys.path; each writes .pyc files with
py_compile and returns whether everything compiled.  As a script
(python -m compileall [options] [FILE|DIR ...]) it compiles the files and
directories given, or sys.path without recursion when none is given;
-h lists the options.
"""
import importlib.util
import os
import py_compile
import sys

__all__ = ["compile_dir", "compile_file", "compile_path"]


def _walk_dir(dir, maxlevels, quiet=0):
    """The files under dir, in sorted order, descending at most maxlevels
    directories (symbolic links to directories are not followed)."""
    if quiet < 2 and isinstance(dir, os.PathLike):
        dir = os.fspath(dir)
    if not quiet:
        print('Listing {!r}...'.format(dir))
    try:
        names = os.listdir(dir)
    except OSError:
        if quiet < 2:
            print("Can't list {!r}".format(dir))
        names = []
    names.sort()
    for name in names:
        if name == '__pycache__':
            continue
        fullname = os.path.join(dir, name)
        if not os.path.isdir(fullname):
            yield fullname
        elif (maxlevels > 0 and name != os.curdir and name != os.pardir
              and not os.path.islink(fullname)):
            yield from _walk_dir(fullname, maxlevels=maxlevels - 1,
                                 quiet=quiet)


def compile_dir(dir, maxlevels=None, ddir=None, force=False,
                rx=None, quiet=0, legacy=False, optimize=-1, workers=1,
                invalidation_mode=None, *, stripdir=None,
                prependdir=None, limit_sl_dest=None, hardlink_dupes=False):
    """Byte-compile every file under the directory dir; return True when
    all of them compiled (or were already up to date).

    maxlevels: how many directory levels to descend (default: the
        recursion limit); __pycache__ and symbolic links to directories
        are skipped.
    workers: compile in that many processes (0: one per CPU) when a
        process pool is available, else one file after another; below 0
        is a ValueError.
    ddir, force, rx, quiet, legacy, optimize, invalidation_mode,
    stripdir, prependdir, limit_sl_dest, hardlink_dupes: as for
    compile_file (ddir names the directory that replaces dir in the
    recorded file names).
    """
    ProcessPoolExecutor = None
    if ddir is not None and (stripdir is not None or prependdir is not None):
        raise ValueError(("Destination dir (ddir) cannot be used "
                          "in combination with stripdir or prependdir"))
    if ddir is not None:
        stripdir = dir
        prependdir = ddir
        ddir = None
    if workers < 0:
        raise ValueError('workers must be greater or equal to 0')
    if workers != 1:
        # Check if this is a system where ProcessPoolExecutor can function.
        try:
            from concurrent.futures import ProcessPoolExecutor
        except (ImportError, NotImplementedError):
            ProcessPoolExecutor = None
    if maxlevels is None:
        maxlevels = sys.getrecursionlimit()
    files = _walk_dir(dir, quiet=quiet, maxlevels=maxlevels)
    success = True
    options = dict(ddir=ddir, force=force, rx=rx, quiet=quiet,
                   legacy=legacy, optimize=optimize,
                   invalidation_mode=invalidation_mode, stripdir=stripdir,
                   prependdir=prependdir, limit_sl_dest=limit_sl_dest,
                   hardlink_dupes=hardlink_dupes)
    if workers != 1 and ProcessPoolExecutor is not None:
        import functools
        workers = workers or None
        with ProcessPoolExecutor(max_workers=workers) as executor:
            results = executor.map(functools.partial(compile_file, **options),
                                   files)
            success = min(results, default=True)
    else:
        # Without a process pool (or with workers=1) files are compiled
        # one after the other, with the same results.
        for file in files:
            if not compile_file(file, **options):
                success = False
    return success


def _destination_name(fullname, ddir, stripdir, prependdir):
    """The file name recorded in the code object (dfile), or None."""
    if ddir is not None:
        return os.path.join(ddir, os.path.basename(fullname))
    dfile = None
    if stripdir is not None:
        fullname_parts = fullname.split(os.path.sep)
        stripdir_parts = stripdir.split(os.path.sep)
        if stripdir_parts != fullname_parts[:len(stripdir_parts)]:
            dfile = fullname
        else:
            dfile = os.path.join(*fullname_parts[len(stripdir_parts):])
    if prependdir is not None:
        if dfile is None:
            dfile = os.path.join(prependdir, fullname)
        else:
            dfile = os.path.join(prependdir, dfile)
    return dfile


def _is_fresh(fullname, cfiles):
    """True when every cache file already holds a timestamp pyc for the
    current source (same magic number and mtime)."""
    try:
        mtime = int(os.stat(fullname).st_mtime)
    except OSError:
        return False
    expect = (importlib.util.MAGIC_NUMBER + (0).to_bytes(4, 'little')
              + (mtime & 0xFFFFFFFF).to_bytes(4, 'little'))
    for cfile in cfiles:
        try:
            with open(cfile, 'rb') as chandle:
                actual = chandle.read(12)
        except OSError:
            return False
        if expect != actual:
            return False
    return True


def compile_file(fullname, ddir=None, force=False, rx=None, quiet=0,
                 legacy=False, optimize=-1,
                 invalidation_mode=None, *, stripdir=None, prependdir=None,
                 limit_sl_dest=None, hardlink_dupes=False):
    """Byte-compile the file fullname if it is a .py file whose pyc files
    are missing or out of date; return False when it did not compile.

    ddir: directory recorded, instead of the file's own, as the source's
        location in the code object (what tracebacks show).
    stripdir, prependdir: the recorded name is fullname with the leading
        directory stripdir removed and prependdir put in front (not with
        ddir).
    force: compile even when the pyc files look up to date.
    rx: an object with a search(path) method (a compiled regular
        expression); files it matches are skipped.
    quiet: 0 reports each file compiled and every error, 1 only errors,
        2 nothing.
    legacy: write fullname + 'c' instead of the __pycache__ file.
    optimize: one optimization level or a list of them (-1: the
        interpreter's own); one pyc is written per level.
    invalidation_mode: a py_compile.PycInvalidationMode.
    limit_sl_dest: a symbolic link is compiled only when it points
        inside this directory.
    hardlink_dupes: pyc files of several levels that come out identical
        become hard links to one file.
    """
    if ddir is not None and (stripdir is not None or prependdir is not None):
        raise ValueError(("Destination dir (ddir) cannot be used "
                          "in combination with stripdir or prependdir"))
    success = True
    fullname = os.fspath(fullname)
    stripdir = os.fspath(stripdir) if stripdir is not None else None
    name = os.path.basename(fullname)
    dfile = _destination_name(fullname, ddir, stripdir, prependdir)

    if isinstance(optimize, int):
        optimize = [optimize]
    # Use set() to remove duplicates; sorted() keeps the order stable.
    optimize = sorted(set(optimize))

    if hardlink_dupes and len(optimize) < 2:
        raise ValueError("Hardlinking of duplicated bytecode makes sense "
                         "only for more than one optimization level")

    if rx is not None:
        mo = rx.search(fullname)
        if mo:
            return success

    if limit_sl_dest is not None and os.path.islink(fullname):
        # A symlink is followed only to a target inside limit_sl_dest.
        inside = os.path.realpath(limit_sl_dest).rstrip(os.sep) + os.sep
        if not os.path.realpath(fullname).startswith(inside):
            return success

    opt_cfiles = {}
    if os.path.isfile(fullname):
        for opt_level in optimize:
            if legacy:
                opt_cfiles[opt_level] = fullname + 'c'
            elif opt_level >= 0:
                opt = opt_level if opt_level >= 1 else ''
                opt_cfiles[opt_level] = importlib.util.cache_from_source(
                    fullname, optimization=opt)
            else:
                opt_cfiles[opt_level] = importlib.util.cache_from_source(
                    fullname)

        head, tail = name[:-3], name[-3:]
        if tail == '.py':
            if not force and _is_fresh(fullname, opt_cfiles.values()):
                return success
            if not quiet:
                print('Compiling {!r}...'.format(fullname))
            try:
                for index, opt_level in enumerate(optimize):
                    cfile = opt_cfiles[opt_level]
                    ok = py_compile.compile(fullname, cfile, dfile, True,
                                            optimize=opt_level,
                                            invalidation_mode=invalidation_mode)
                    if index > 0 and hardlink_dupes:
                        previous_cfile = opt_cfiles[optimize[index - 1]]
                        if _same_contents(cfile, previous_cfile):
                            os.unlink(cfile)
                            os.link(previous_cfile, cfile)
            except py_compile.PyCompileError as err:
                success = False
                if quiet >= 2:
                    return success
                elif quiet:
                    print('*** Error compiling {!r}...'.format(fullname))
                else:
                    print('*** ', end='')
                encoding = getattr(sys.stdout, 'encoding', None) or 'utf-8'
                msg = err.msg.encode(encoding, errors='backslashreplace')
                print(msg.decode(encoding))
            except (SyntaxError, UnicodeError, OSError) as e:
                success = False
                if quiet >= 2:
                    return success
                elif quiet:
                    print('*** Error compiling {!r}...'.format(fullname))
                else:
                    print('*** ', end='')
                print(e.__class__.__name__ + ':', e)
            else:
                if ok == 0:
                    success = False
    return success


def _same_contents(path_a, path_b):
    with open(path_a, 'rb') as a, open(path_b, 'rb') as b:
        return a.read() == b.read()


def compile_path(skip_curdir=1, maxlevels=0, force=False, quiet=0,
                 legacy=False, optimize=-1,
                 invalidation_mode=None):
    """Byte-compile the directories on sys.path (maxlevels deep, 0 by
    default), skipping the current directory unless skip_curdir is
    false; return True when everything compiled.  The other arguments
    are as for compile_dir().
    """
    success = True
    for dir in sys.path:
        if (not dir or dir == os.curdir) and skip_curdir:
            if quiet < 2:
                print('Skipping current directory')
        else:
            success = success and compile_dir(
                dir,
                maxlevels,
                None,
                force,
                quiet=quiet,
                legacy=legacy,
                optimize=optimize,
                invalidation_mode=invalidation_mode,
            )
    return success


_USAGE = """\
usage: compileall.py [-h] [-l] [-r RECURSION] [-f] [-q] [-b] [-d DESTDIR]
                     [-s STRIPDIR] [-p PREPENDDIR] [-x REGEXP] [-i FILE]
                     [-j WORKERS]
                     [--invalidation-mode {checked-hash,timestamp,unchecked-hash}]
                     [-o OPT_LEVELS] [-e LIMIT_SL_DEST] [--hardlink-dupes]
                     [FILE|DIR ...]
"""

_HELP = _USAGE + """
Byte-compile Python source files and directory trees.

positional arguments:
  FILE|DIR              files and directories to compile; with none, the
                        directories on sys.path (without recursion)

options:
  -h, --help            show this help message and exit
  -l                    do not descend into subdirectories
  -r RECURSION          descend at most RECURSION levels (wins over -l)
  -f                    compile even files whose pyc looks up to date
  -q                    report only errors; -qq reports nothing
  -b                    write legacy FILE.pyc files next to the sources
  -d DESTDIR            directory recorded in the code objects in place
                        of the real one (for tracebacks after installing)
  -s STRIPDIR           leading directory to remove from the recorded
                        source paths (not with -d)
  -p PREPENDDIR         directory to put in front of the recorded source
                        paths (not with -d)
  -x REGEXP             skip the files whose path matches REGEXP
  -i FILE               also compile the names listed in FILE, one per
                        line ("-": standard input)
  -j WORKERS, --workers WORKERS
                        number of worker processes (0: one per CPU)
  --invalidation-mode {checked-hash,timestamp,unchecked-hash}
                        how imports check the pyc files against their
                        sources (default: timestamp, or checked-hash when
                        SOURCE_DATE_EPOCH is set)
  -o OPT_LEVELS         optimization level to compile with, may be given
                        several times (default: -1, the interpreter's)
  -e LIMIT_SL_DEST      skip symbolic links pointing outside this
                        directory
  --hardlink-dupes      hard-link identical pyc files of different
                        optimization levels
"""


class _UsageError(Exception):
    pass


class _Options:
    """The parsed command line (the attribute names of CPython's
    argparse namespace)."""

    def __init__(self):
        self.maxlevels = None
        self.recursion = None
        self.force = False
        self.quiet = 0
        self.legacy = False
        self.ddir = None
        self.stripdir = None
        self.prependdir = None
        self.rx = None
        self.flist = None
        self.workers = 1
        self.invalidation_mode = None
        self.opt_levels = []
        self.limit_sl_dest = None
        self.hardlink_dupes = False
        self.compile_dest = []


# Options that take a value, by flag: (attribute, converter).
_VALUE_OPTIONS = {
    '-r': ('recursion', int),
    '-d': ('ddir', str),
    '-s': ('stripdir', str),
    '-p': ('prependdir', str),
    '-x': ('rx', str),
    '-i': ('flist', str),
    '-j': ('workers', int),
    '--workers': ('workers', int),
    '--invalidation-mode': ('invalidation_mode', str),
    '-o': ('opt_levels', int),
    '-e': ('limit_sl_dest', str),
}


def _set_value(options, flag, text):
    attribute, convert = _VALUE_OPTIONS[flag]
    try:
        value = convert(text)
    except ValueError:
        raise _UsageError("argument %s: invalid %s value: %r"
                          % (flag, convert.__name__, text)) from None
    if attribute == 'invalidation_mode':
        choices = ('checked-hash', 'timestamp', 'unchecked-hash')
        if value not in choices:
            raise _UsageError(
                "argument --invalidation-mode: invalid choice: %r (choose "
                "from %s)" % (value, ", ".join(repr(c) for c in choices)))
    if attribute == 'opt_levels':
        options.opt_levels.append(value)
    else:
        setattr(options, attribute, value)


def _parse_args(argv):
    options = _Options()
    position = 0
    only_names = False
    while position < len(argv):
        arg = argv[position]
        position += 1
        if only_names or arg == '-' or not arg.startswith('-'):
            options.compile_dest.append(arg)
            continue
        if arg == '--':
            only_names = True
            continue
        if arg.startswith('--'):
            flag, eq, text = arg.partition('=')
            if flag in ('--help',):
                sys.stdout.write(_HELP)
                sys.exit(0)
            if flag == '--hardlink-dupes':
                options.hardlink_dupes = True
                continue
            if flag not in _VALUE_OPTIONS:
                raise _UsageError("unrecognized arguments: %s" % arg)
            if not eq:
                if position >= len(argv):
                    raise _UsageError("argument %s: expected one argument"
                                      % flag)
                text = argv[position]
                position += 1
            _set_value(options, flag, text)
            continue
        # A cluster of short flags, the last of which may take a value.
        letters = arg[1:]
        while letters:
            flag = '-' + letters[0]
            letters = letters[1:]
            if flag == '-h':
                sys.stdout.write(_HELP)
                sys.exit(0)
            elif flag == '-l':
                options.maxlevels = 0
            elif flag == '-f':
                options.force = True
            elif flag == '-q':
                options.quiet += 1
            elif flag == '-b':
                options.legacy = True
            elif flag in _VALUE_OPTIONS:
                if letters:
                    text, letters = letters, ''
                elif position < len(argv):
                    text = argv[position]
                    position += 1
                else:
                    raise _UsageError("argument %s: expected one argument"
                                      % flag)
                _set_value(options, flag, text)
            else:
                raise _UsageError("unrecognized arguments: %s" % arg)
    return options


def main():
    """Script main program."""
    try:
        args = _parse_args(sys.argv[1:])
        if args.ddir is not None and (args.stripdir is not None
                                      or args.prependdir is not None):
            raise _UsageError("-d cannot be used in combination with "
                              "-s or -p")
    except _UsageError as error:
        sys.stderr.write(_USAGE)
        sys.stderr.write("compileall.py: error: %s\n" % error)
        sys.exit(2)

    maxlevels = args.maxlevels
    if args.recursion is not None:
        maxlevels = args.recursion
    compile_dests = args.compile_dest
    if args.rx:
        import re
        args.rx = re.compile(args.rx)

    if args.limit_sl_dest == "":
        args.limit_sl_dest = None

    if not args.opt_levels:
        args.opt_levels = [-1]

    if len(args.opt_levels) == 1 and args.hardlink_dupes:
        sys.stderr.write(_USAGE)
        sys.stderr.write("compileall.py: error: Hardlinking of duplicated "
                         "bytecode makes sense only for more than one "
                         "optimization level.\n")
        sys.exit(2)

    # if flist is provided then load it
    if args.flist:
        try:
            if args.flist == '-':
                lines = sys.stdin.readlines()
            else:
                with open(args.flist, encoding="utf-8") as f:
                    lines = f.readlines()
            for line in lines:
                compile_dests.append(line.strip())
        except OSError:
            if args.quiet < 2:
                print("Error reading file list {}".format(args.flist))
            return False

    if args.invalidation_mode:
        ivl_mode = args.invalidation_mode.replace('-', '_').upper()
        invalidation_mode = py_compile.PycInvalidationMode[ivl_mode]
    else:
        invalidation_mode = None

    success = True
    try:
        if compile_dests:
            for dest in compile_dests:
                if os.path.isfile(dest):
                    if not compile_file(dest, args.ddir, args.force, args.rx,
                                        args.quiet, args.legacy,
                                        invalidation_mode=invalidation_mode,
                                        stripdir=args.stripdir,
                                        prependdir=args.prependdir,
                                        optimize=args.opt_levels,
                                        limit_sl_dest=args.limit_sl_dest,
                                        hardlink_dupes=args.hardlink_dupes):
                        success = False
                else:
                    if not compile_dir(dest, maxlevels, args.ddir,
                                       args.force, args.rx, args.quiet,
                                       args.legacy, workers=args.workers,
                                       invalidation_mode=invalidation_mode,
                                       stripdir=args.stripdir,
                                       prependdir=args.prependdir,
                                       optimize=args.opt_levels,
                                       limit_sl_dest=args.limit_sl_dest,
                                       hardlink_dupes=args.hardlink_dupes):
                        success = False
            return success
        else:
            return compile_path(legacy=args.legacy, force=args.force,
                                quiet=args.quiet,
                                invalidation_mode=invalidation_mode)
    except KeyboardInterrupt:
        if args.quiet < 2:
            print("\n[interrupted]")
        return False
    return True


if __name__ == '__main__':
    exit_status = int(not main())
    sys.exit(exit_status)
