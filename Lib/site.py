"""Append module search paths for third-party packages to sys.path.

****************************************************************
* This module is automatically imported during initialization. *
****************************************************************

This will append site-specific paths to the module search path.  On
Unix, it starts with sys.prefix and sys.exec_prefix (if different) and
appends lib/python<version><abiflags>/site-packages.  The resulting
directories, if they exist, are appended to sys.path, and also inspected
for path configuration files.

A path configuration file is a file whose name has the form
<package>.pth; its contents are additional directories (one per line)
to be added to sys.path.  Non-existing directories (or non-directories)
are never added to sys.path; no directory is added to sys.path more than
once.  Blank lines and lines beginning with '#' are skipped.  Lines
starting with 'import' (followed by space or tab) are executed.

The per-user site-packages directory (USER_SITE, under USER_BASE) is
added the same way unless disabled with -s, PYTHONNOUSERSITE or -I.

After these operations, an attempt is made to import a module named
sitecustomize, and then one named usercustomize, which can perform
arbitrary additional site-specific customizations.

The builtins exit, quit, copyright, credits, license and help are set
up here too, and sys.__interactivehook__ enables line-editing history
at the interactive prompt.
"""

import sys
import builtins
import _sitebuiltins

try:
    import os
except ImportError:
    # Until the os module exists only the builtins and the hook are set
    # up: nothing can be checked on the file system.
    os = None

# Prefixes for site-packages; add additional prefixes like /usr/local here
PREFIXES = [sys.prefix, sys.exec_prefix]
# Enable per user site-packages directory
# set it to False to disable the feature or True to force the feature
ENABLE_USER_SITE = None

# for distutils.commands.install
# These values are initialized by the getuserbase() and getusersitepackages()
# functions, through the main() function when Python starts.
USER_SITE = None
USER_BASE = None


def _trace(message):
    if sys.flags.verbose:
        print(message, file=sys.stderr)


def _join(*parts):
    if os is not None:
        return os.path.join(*parts)
    path = ""
    for part in parts:
        if part.startswith("/") or not path:
            path = part
        elif path.endswith("/"):
            path += part
        else:
            path += "/" + part
    return path


def makepath(*paths):
    dir = _join(*paths)
    if os is None:
        return dir, dir
    try:
        dir = os.path.abspath(dir)
    except OSError:
        pass
    return dir, os.path.normcase(dir)


def abs_paths():
    """Set all module __file__ and __cached__ attributes to an absolute path"""
    if os is None:
        return
    for m in set(sys.modules.values()):
        loader_module = None
        try:
            loader_module = m.__loader__.__module__
        except AttributeError:
            try:
                loader_module = m.__spec__.loader.__module__
            except AttributeError:
                pass
        if loader_module not in {"_frozen_importlib", "_frozen_importlib_external"}:
            continue   # don't mess with a PEP 302-supplied __file__
        try:
            m.__file__ = os.path.abspath(m.__file__)
        except (AttributeError, OSError, TypeError):
            pass
        try:
            m.__cached__ = os.path.abspath(m.__cached__)
        except (AttributeError, OSError, TypeError):
            pass


def removeduppaths():
    """ Remove duplicate entries from sys.path along with making them
    absolute"""
    # This ensures that the initial path provided by the interpreter contains
    # only absolute pathnames, even if we're running from the build directory.
    L = []
    known_paths = set()
    for dir in sys.path:
        # Filter out duplicate paths (on case-insensitive file systems also
        # if they only differ in case); turn relative paths into absolute
        # paths.
        dir, dircase = makepath(dir)
        if dircase not in known_paths:
            L.append(dir)
            known_paths.add(dircase)
    sys.path[:] = L
    return known_paths


def _init_pathinfo():
    """Return a set containing all existing file system items from sys.path."""
    d = set()
    if os is None:
        return d
    for item in sys.path:
        try:
            if os.path.exists(item):
                _, itemcase = makepath(item)
                d.add(itemcase)
        except TypeError:
            continue
    return d


def _read_pth(fullname):
    with open(fullname, "rb") as f:
        data = f.read()
    try:
        # Accept BOM markers in .pth files as we do in source files.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        _trace(f"Cannot read {fullname!r} as UTF-8; "
               f"falling back to the locale encoding")
        return data.decode("latin-1")


def addpackage(sitedir, name, known_paths):
    """Process a .pth file within the site-packages directory:
       For each line in the file, either combine it with sitedir to a path
       and add that to known_paths, or execute it if it starts with 'import '.
    """
    if known_paths is None:
        known_paths = _init_pathinfo()
        reset = True
    else:
        reset = False
    fullname = _join(sitedir, name)
    try:
        st = os.lstat(fullname)
    except OSError:
        return
    if getattr(st, "st_flags", 0) & 0x8000:     # UF_HIDDEN
        _trace(f"Skipping hidden .pth file: {fullname!r}")
        return
    _trace(f"Processing .pth file: {fullname!r}")
    try:
        pth_content = _read_pth(fullname)
    except OSError:
        return

    for n, line in enumerate(pth_content.splitlines(), 1):
        if line.startswith("#"):
            continue
        if line.strip() == "":
            continue
        try:
            if line.startswith(("import ", "import\t")):
                exec(line)
                continue
            line = line.rstrip()
            dir, dircase = makepath(sitedir, line)
            if dircase not in known_paths and os.path.exists(dir):
                sys.path.append(dir)
                known_paths.add(dircase)
        except Exception as exc:
            print(f"Error processing line {n:d} of {fullname}:\n",
                  file=sys.stderr)
            _print_exception(exc)
            print("\nRemainder of file ignored", file=sys.stderr)
            break
    if reset:
        known_paths = None
    return known_paths


def _print_exception(exc):
    try:
        import traceback
    except ImportError:
        print(f"  {type(exc).__name__}: {exc}", file=sys.stderr)
        return
    for record in traceback.format_exception(exc):
        for line in record.splitlines():
            print("  " + line, file=sys.stderr)


def addsitedir(sitedir, known_paths=None):
    """Add 'sitedir' argument to sys.path if missing and handle .pth files in
    'sitedir'"""
    _trace(f"Adding directory: {sitedir!r}")
    if known_paths is None:
        known_paths = _init_pathinfo()
        reset = True
    else:
        reset = False
    sitedir, sitedircase = makepath(sitedir)
    if sitedircase not in known_paths:
        sys.path.append(sitedir)        # Add path component
        known_paths.add(sitedircase)
    try:
        names = os.listdir(sitedir)
    except OSError:
        return
    names = [name for name in names
             if name.endswith(".pth") and not name.startswith(".")]
    for name in sorted(names):
        addpackage(sitedir, name, known_paths)
    if reset:
        known_paths = None
    return known_paths


def check_enableusersite():
    """Check if user site directory is safe for inclusion

    The function tests for the command line flag (including environment var),
    process uid/gid equal to effective uid/gid.

    None: Disabled for security reasons
    False: Disabled by user (command line option)
    True: Safe and enabled
    """
    if sys.flags.no_user_site:
        return False
    if os is None:
        return True
    if hasattr(os, "getuid") and hasattr(os, "geteuid"):
        # check process uid == effective uid
        if os.geteuid() != os.getuid():
            return None
    if hasattr(os, "getgid") and hasattr(os, "getegid"):
        # check process gid == effective gid
        if os.getegid() != os.getgid():
            return None
    return True


def _environ_get(name):
    if os is not None:
        return os.environ.get(name)
    return None


def _getuserbase():
    env_base = _environ_get("PYTHONUSERBASE")
    if env_base:
        return env_base
    if os is None:
        return None
    return os.path.expanduser(_join("~", ".local"))


def _abi_thread():
    return "t" if "t" in getattr(sys, "abiflags", "") else ""


def _get_path(userbase):
    version = sys.version_info
    return (f"{userbase}/lib/python{version[0]}.{version[1]}{_abi_thread()}"
            f"/site-packages")


def getuserbase():
    """Returns the `user base` directory path.

    The `user base` directory can be used to store data. If the global
    variable ``USER_BASE`` is not initialized yet, this function will also set
    it.
    """
    global USER_BASE
    if USER_BASE is None:
        USER_BASE = _getuserbase()
    return USER_BASE


def getusersitepackages():
    """Returns the user-specific site-packages directory path.

    If the global variable ``USER_SITE`` is not initialized yet, this
    function will also set it.
    """
    global USER_SITE, ENABLE_USER_SITE
    userbase = getuserbase()  # this will also set USER_BASE

    if USER_SITE is None:
        if userbase is None:
            ENABLE_USER_SITE = False  # disable user site and return None
        else:
            USER_SITE = _get_path(userbase)

    return USER_SITE


def addusersitepackages(known_paths):
    """Add a per user site-package to sys.path

    Each user has its own python directory with site-packages in the
    home directory.
    """
    # get the per user site-package path
    # this call will also make sure USER_BASE and USER_SITE are set
    _trace("Processing user site-packages")
    user_site = getusersitepackages()

    if ENABLE_USER_SITE and os is not None and os.path.isdir(user_site):
        addsitedir(user_site, known_paths)
    return known_paths


def getsitepackages(prefixes=None):
    """Returns a list containing all global site-packages directories.

    For each directory present in ``prefixes`` (or the global ``PREFIXES``),
    this function will find its `site-packages` subdirectory depending on the
    system environment, and will return a list of full paths.
    """
    sitepackages = []
    seen = set()

    if prefixes is None:
        prefixes = PREFIXES

    for prefix in prefixes:
        if not prefix or prefix in seen:
            continue
        seen.add(prefix)

        libdirs = [getattr(sys, "platlibdir", "lib")]
        if libdirs[0] != "lib":
            libdirs.append("lib")

        for libdir in libdirs:
            path = _join(prefix, libdir,
                         f"python{sys.version_info[0]}.{sys.version_info[1]}"
                         f"{_abi_thread()}",
                         "site-packages")
            sitepackages.append(path)
    return sitepackages


def addsitepackages(known_paths, prefixes=None):
    """Add site-packages to sys.path"""
    _trace("Processing global site-packages")
    for sitedir in getsitepackages(prefixes):
        if os is not None and os.path.isdir(sitedir):
            addsitedir(sitedir, known_paths)

    return known_paths


def setquit():
    """Define new builtins 'quit' and 'exit'.

    These are objects which make the interpreter exit when called.
    The repr of each object contains a hint at how it works.

    """
    eof = "Ctrl-D (i.e. EOF)"
    builtins.quit = _sitebuiltins.Quitter("quit", eof)
    builtins.exit = _sitebuiltins.Quitter("exit", eof)


def setcopyright():
    """Set 'copyright' and 'credits' in builtins"""
    builtins.copyright = _sitebuiltins._Printer("copyright", sys.copyright)
    builtins.credits = _sitebuiltins._Printer("credits", """\
    Weft is an implementation of the Python language written in C.
    Python itself is the work of the Python Software Foundation and
    its many contributors; see www.python.org for more information.""")
    files, dirs = [], []
    # The license ships beside the standard library when installed, and
    # at the top of the source tree in a build directory.
    here = getattr(sys.modules.get("site"), "__file__", None)
    if here and os is not None:
        libdir = os.path.dirname(here)
        files.extend(["LICENSE.txt", "LICENSE"])
        dirs.extend([os.path.join(libdir, os.pardir), libdir])
    builtins.license = _sitebuiltins._Printer(
        "license",
        "See https://www.python.org/psf/license/ for the license of the "
        "Python language.",
        files, dirs)


def sethelper():
    builtins.help = _sitebuiltins._Helper()


def gethistoryfile():
    """Check if the PYTHON_HISTORY environment variable is set and define
    it as the .python_history file.  If PYTHON_HISTORY is not set, use the
    default .python_history file.
    """
    if not sys.flags.ignore_environment:
        history = _environ_get("PYTHON_HISTORY")
        if history:
            return history
    home = _environ_get("HOME")
    if os is not None:
        home = os.path.expanduser("~")
    if not home:
        return None
    return _join(home, ".python_history")


def enablerlcompleter():
    """Enable default readline configuration on interactive prompts, by
    registering a sys.__interactivehook__.
    """
    sys.__interactivehook__ = register_readline


def register_readline():
    """Load the history file into the line editor and keep it up to date.

    The line editor (the readline module of this interpreter) appends each
    entered line to the file as it is accepted, so the history survives
    even when the session ends abruptly.
    """
    try:
        import readline
    except ImportError:
        return
    try:
        import rlcompleter   # noqa: F401 -- installs the Tab completer
        readline.set_completer(rlcompleter.Completer().complete)
    except ImportError:
        pass
    if readline.get_current_history_length() != 0:
        # The user's PYTHONSTARTUP already loaded a history: keep theirs.
        return
    history = gethistoryfile()
    if history is None:
        return
    try:
        readline.read_history_file(history)
    except (OSError, UnicodeDecodeError):
        # Missing or unreadable: start afresh (it is created on first use).
        pass
    readline._set_history_file(history)


def venv(known_paths):
    """Honour a pyvenv.cfg beside (or above) the executable."""
    global PREFIXES, ENABLE_USER_SITE
    if os is None:
        return known_paths
    executable = getattr(sys, "_base_executable", None) or sys.executable
    exe_dir = os.path.dirname(os.path.abspath(executable))
    site_prefix = os.path.dirname(exe_dir)
    sys._home = None
    candidates = [os.path.join(exe_dir, "pyvenv.cfg"),
                  os.path.join(site_prefix, "pyvenv.cfg")]
    config = next((c for c in candidates if os.path.isfile(c)), None)
    if config is None:
        return known_paths
    system_site = "true"
    with open(config, encoding="utf-8") as f:
        for line in f:
            if "=" in line:
                key, _, value = line.partition("=")
                key = key.strip().lower()
                value = value.strip()
                if key == "include-system-site-packages":
                    system_site = value.lower()
                elif key == "home":
                    sys._home = value
    sys.prefix = sys.exec_prefix = site_prefix
    addsitepackages(known_paths, [sys.prefix])
    if system_site == "true":
        PREFIXES.insert(0, sys.prefix)
    else:
        PREFIXES = [sys.prefix]
        ENABLE_USER_SITE = False
    return known_paths


def execsitecustomize():
    """Run custom site specific code, if available."""
    try:
        import sitecustomize   # noqa: F401
    except ImportError as exc:
        if exc.name != "sitecustomize":
            raise
    except Exception as err:
        if sys.flags.verbose:
            sys.excepthook(*sys.exc_info())
        else:
            sys.stderr.write(
                "Error in sitecustomize; set PYTHONVERBOSE for traceback:\n"
                "%s: %s\n" % (err.__class__.__name__, err))


def execusercustomize():
    """Run custom user specific code, if available."""
    try:
        import usercustomize   # noqa: F401
    except ImportError as exc:
        if exc.name != "usercustomize":
            raise
    except Exception as err:
        if sys.flags.verbose:
            sys.excepthook(*sys.exc_info())
        else:
            sys.stderr.write(
                "Error in usercustomize; set PYTHONVERBOSE for traceback:\n"
                "%s: %s\n" % (err.__class__.__name__, err))


def install_zipimport():
    """Put zipimport.zipimporter first in sys.path_hooks (as CPython has it
    there), so ZIP archives on sys.path import, and forget the finders
    cached for path entries that are files (archives seen before)."""
    if os is None:
        return
    try:
        import zipimport
    except ImportError:
        return
    if zipimport.zipimporter not in sys.path_hooks:
        sys.path_hooks.insert(0, zipimport.zipimporter)
    for entry, finder in list(sys.path_importer_cache.items()):
        if finder is None or (isinstance(entry, str) and os.path.isfile(entry)):
            del sys.path_importer_cache[entry]


def main():
    """Add standard site-specific directories to the module search path.

    This function is called automatically when this module is imported,
    unless the python interpreter was started with the -S flag.
    """
    global ENABLE_USER_SITE

    install_zipimport()
    orig_path = sys.path[:]
    known_paths = removeduppaths()
    if orig_path != sys.path:
        # removeduppaths() might make sys.path absolute.
        # fix __file__ and __cached__ of already imported modules too.
        abs_paths()

    known_paths = venv(known_paths)
    if ENABLE_USER_SITE is None:
        ENABLE_USER_SITE = check_enableusersite()
    known_paths = addusersitepackages(known_paths)
    known_paths = addsitepackages(known_paths)
    setquit()
    setcopyright()
    sethelper()
    if not sys.flags.isolated:
        enablerlcompleter()
    execsitecustomize()
    if ENABLE_USER_SITE:
        execusercustomize()


# Prevent extending of sys.path when python was started with -S and
# site is imported later.
if not sys.flags.no_site:
    main()


def _script():
    help = """\
    %s [--user-base] [--user-site]

    Without arguments print some useful information
    With arguments print the value of USER_BASE and/or USER_SITE separated
    by '%s'.

    Exit codes with --user-base or --user-site:
      0 - user site directory is enabled
      1 - user site directory is disabled by user
      2 - user site directory is disabled by super user
          or for security reasons
     >2 - unknown error
    """
    args = sys.argv[1:]
    if not args:
        user_base = getuserbase()
        user_site = getusersitepackages()
        print("sys.path = [")
        for dir in sys.path:
            print("    %r," % (dir,))
        print("]")

        def exists(path):
            if path is not None and os is not None and os.path.isdir(path):
                return "exists"
            return "doesn't exist"

        print(f"USER_BASE: {user_base!r} ({exists(user_base)})")
        print(f"USER_SITE: {user_site!r} ({exists(user_site)})")
        print(f"ENABLE_USER_SITE: {ENABLE_USER_SITE!r}")
        sys.exit(0)

    buffer = []
    if "--user-base" in args:
        buffer.append(USER_BASE)
    if "--user-site" in args:
        buffer.append(USER_SITE)

    if buffer:
        print(":".join(buffer))
        if ENABLE_USER_SITE:
            sys.exit(0)
        elif ENABLE_USER_SITE is False:
            sys.exit(1)
        elif ENABLE_USER_SITE is None:
            sys.exit(2)
        else:
            sys.exit(3)
    else:
        import textwrap
        print(textwrap.dedent(help % (sys.argv[0], ":")))
        sys.exit(10)


if __name__ == "__main__":
    _script()
