"""Find the modules a Python script imports, without running it.

ModuleFinder compiles the script and follows every import statement it
finds in the bytecode, recursively through the modules it loads.  Its
`modules` dict maps each module found to a Module, and `badmodules` each
name that could not be imported to the modules that tried.
"""

import dis
import importlib.machinery
import importlib.util
import io
import marshal
import os
import sys

__all__ = ["AddPackagePath", "ModuleFinder", "Module", "ReplacePackage"]

# The kinds of module find_module() reports (the old imp constants).
_SEARCH_ERROR = 0
_PY_SOURCE = 1
_PY_COMPILED = 2
_C_EXTENSION = 3
_PKG_DIRECTORY = 5
_C_BUILTIN = 6
_PY_FROZEN = 7

# Extra __path__ entries for packages, for packages that extend their
# __path__ at run time (pywin32 does).
packagePathMap = {}


def AddPackagePath(packagename, path):
    """Add a directory to the __path__ of a package."""
    packagePathMap.setdefault(packagename, []).append(path)


# Packages that install themselves under another name at run time
# (_xmlplus becomes xml): old name -> new name.
replacePackageMap = {}


def ReplacePackage(oldname, newname):
    """Report the package oldname under the name newname."""
    replacePackageMap[oldname] = newname


def _find_module(name, path=None):
    """(file, pathname, (suffix, mode, kind)) for a top-level module
    name searched in path (sys.path when None); ImportError if absent."""
    importlib.machinery.PathFinder.invalidate_caches()
    spec = importlib.machinery.PathFinder.find_spec(name, path)
    if spec is None:
        raise ImportError(f"No module named {name!r}", name=name)
    loader = spec.loader
    if loader is importlib.machinery.BuiltinImporter:
        return None, None, ("", "", _C_BUILTIN)
    if loader is importlib.machinery.FrozenImporter:
        return None, None, ("", "", _PY_FROZEN)
    file_path = spec.origin
    if loader is None or file_path is None:
        return None, None, ("", "", _SEARCH_ERROR)
    if loader.is_package(name):
        return None, os.path.dirname(file_path), ("", "", _PKG_DIRECTORY)
    if isinstance(loader, importlib.machinery.SourceFileLoader):
        kind = _PY_SOURCE
    elif isinstance(loader, importlib.machinery.ExtensionFileLoader):
        kind = _C_EXTENSION
    elif isinstance(loader, importlib.machinery.SourcelessFileLoader):
        kind = _PY_COMPILED
    else:
        return None, None, ("", "", _SEARCH_ERROR)
    file = io.open_code(file_path)
    suffix = os.path.splitext(file_path)[-1]
    return file, file_path, (suffix, "rb", kind)


class Module:
    """A module ModuleFinder found: its name, file, package path, code,
    and the global names it defines or star-imports."""

    def __init__(self, name, file=None, path=None):
        self.__name__ = name
        self.__file__ = file
        self.__path__ = path
        self.__code__ = None
        # The global names the module assigns, to tell a missing
        # submodule from a name defined in the package.
        self.globalnames = {}
        # Modules it imports with "from x import *" that could not be
        # found, so its global names are not all known.
        self.starimports = {}

    def __repr__(self):
        text = f"Module({self.__name__!r}"
        if self.__file__ is not None:
            text += f", {self.__file__!r}"
        if self.__path__ is not None:
            text += f", {self.__path__!r}"
        return text + ")"


class ModuleFinder:
    """Follow the imports of scripts and modules.

    path: where top-level modules are searched (default sys.path);
    debug: how much to trace (0: nothing); excludes: names not to follow;
    replace_paths: (old, new) prefixes rewritten in the co_filename of
    the code objects found."""

    def __init__(self, path=None, debug=0, excludes=None, replace_paths=None):
        if path is None:
            path = sys.path
        self.path = path
        self.modules = {}
        self.badmodules = {}
        self.debug = debug
        self.indent = 0
        self.excludes = excludes if excludes is not None else []
        self.replace_paths = replace_paths if replace_paths is not None else []
        self.processed_paths = []   # for replace_paths_in_code's messages

    # ---- tracing ----------------------------------------------------------

    def msg(self, level, str, *args):
        if level <= self.debug:
            print("   " * self.indent, end=' ')
            print(str, end=' ')
            for arg in args:
                print(repr(arg), end=' ')
            print()

    def msgin(self, *args):
        if args[0] <= self.debug:
            self.indent += 1
            self.msg(*args)

    def msgout(self, *args):
        if args[0] <= self.debug:
            self.indent -= 1
            self.msg(*args)

    # ---- entry points -----------------------------------------------------

    def run_script(self, pathname):
        """Find the imports of the script at pathname, as __main__."""
        self.msg(2, "run_script", pathname)
        with io.open_code(pathname) as fp:
            stuff = ("", "rb", _PY_SOURCE)
            self.load_module('__main__', fp, pathname, stuff)

    def load_file(self, pathname):
        """Find the imports of a module file, named after its file."""
        name = os.path.splitext(os.path.basename(pathname))[0]
        with io.open_code(pathname) as fp:
            stuff = (os.path.splitext(pathname)[1], "rb", _PY_SOURCE)
            self.load_module(name, fp, pathname, stuff)

    # ---- resolving an import statement ------------------------------------

    def import_hook(self, name, caller=None, fromlist=None, level=-1):
        """Do what `import name` (or `from name import fromlist`) does in
        the module caller, level dots deep; the module, or None."""
        self.msg(3, "import_hook", name, caller, fromlist, level)
        parent = self.determine_parent(caller, level=level)
        q, tail = self.find_head_package(parent, name)
        m = self.load_tail(q, tail)
        if not fromlist:
            return q
        if m.__path__:
            self.ensure_fromlist(m, fromlist)
        return None

    def determine_parent(self, caller, level=-1):
        """The package a relative import in caller starts from, or None
        for an absolute import."""
        self.msgin(4, "determine_parent", caller, level)
        if not caller or level == 0:
            self.msgout(4, "determine_parent -> None")
            return None
        pname = caller.__name__
        if level >= 1:
            if caller.__path__:
                level -= 1      # a package is its own first level
            if level == 0:
                parent = self.modules[pname]
                assert parent is caller
                self.msgout(4, "determine_parent ->", parent)
                return parent
            if pname.count(".") < level:
                raise ImportError("relative importpath too deep")
            pname = ".".join(pname.split(".")[:-level])
            parent = self.modules[pname]
            self.msgout(4, "determine_parent ->", parent)
            return parent
        if caller.__path__:
            parent = self.modules[pname]
            assert caller is parent
            self.msgout(4, "determine_parent ->", parent)
            return parent
        if '.' in pname:
            pname = pname[:pname.rfind('.')]
            parent = self.modules[pname]
            assert parent.__name__ == pname
            self.msgout(4, "determine_parent ->", parent)
            return parent
        self.msgout(4, "determine_parent -> None")
        return None

    def find_head_package(self, parent, name):
        """Import the first component of a dotted name, relative to
        parent first; (module, the rest of the name)."""
        self.msgin(4, "find_head_package", parent, name)
        head, _, tail = name.partition('.')
        if parent:
            qname = f"{parent.__name__}.{head}"
        else:
            qname = head
        q = self.import_module(head, qname, parent)
        if q:
            self.msgout(4, "find_head_package ->", (q, tail))
            return q, tail
        if parent:
            qname = head
            parent = None
            q = self.import_module(head, qname, parent)
            if q:
                self.msgout(4, "find_head_package ->", (q, tail))
                return q, tail
        self.msgout(4, "raise ImportError: No module named", qname)
        raise ImportError("No module named " + qname)

    def load_tail(self, q, tail):
        """Import the remaining components of a dotted name below q."""
        self.msgin(4, "load_tail", q, tail)
        m = q
        while tail:
            head, _, tail = tail.partition('.')
            mname = f"{m.__name__}.{head}"
            m = self.import_module(head, mname, m)
            if not m:
                self.msgout(4, "raise ImportError: No module named", mname)
                raise ImportError("No module named " + mname)
        self.msgout(4, "load_tail ->", m)
        return m

    def ensure_fromlist(self, m, fromlist, recursive=0):
        """Import the submodules of package m that fromlist names."""
        self.msg(4, "ensure_fromlist", m, fromlist, recursive)
        for sub in fromlist:
            if sub == "*":
                if not recursive:
                    all_subs = self.find_all_submodules(m)
                    if all_subs:
                        self.ensure_fromlist(m, all_subs, 1)
            elif not hasattr(m, sub):
                subname = f"{m.__name__}.{sub}"
                submod = self.import_module(sub, subname, m)
                if not submod:
                    raise ImportError("No module named " + subname)

    def find_all_submodules(self, m):
        """The names of the modules in the directories of package m."""
        if not m.__path__:
            return
        modules = {}
        suffixes = (importlib.machinery.EXTENSION_SUFFIXES
                    + importlib.machinery.SOURCE_SUFFIXES
                    + importlib.machinery.BYTECODE_SUFFIXES)
        for directory in m.__path__:
            try:
                names = os.listdir(directory)
            except OSError:
                self.msg(2, "can't list directory", directory)
                continue
            for name in names:
                mod = None
                for suffix in suffixes:
                    if name.endswith(suffix):
                        mod = name[:-len(suffix)]
                        break
                if mod and mod != "__init__":
                    modules[mod] = mod
        return modules.keys()

    def import_module(self, partname, fqname, parent):
        """The Module for fqname, loading it when needed; None when it
        cannot be found."""
        self.msgin(3, "import_module", partname, fqname, parent)
        try:
            m = self.modules[fqname]
        except KeyError:
            pass
        else:
            self.msgout(3, "import_module ->", m)
            return m
        if fqname in self.badmodules:
            self.msgout(3, "import_module -> None")
            return None
        if parent and parent.__path__ is None:
            self.msgout(3, "import_module -> None")
            return None
        try:
            fp, pathname, stuff = self.find_module(
                partname, parent and parent.__path__, parent)
        except ImportError:
            self.msgout(3, "import_module ->", None)
            return None
        try:
            m = self.load_module(fqname, fp, pathname, stuff)
        finally:
            if fp:
                fp.close()
        if parent:
            setattr(parent, partname, m)
        self.msgout(3, "import_module ->", m)
        return m

    def load_module(self, fqname, fp, pathname, file_info):
        """Make the Module for an opened file and scan its code."""
        suffix, mode, type = file_info
        self.msgin(2, "load_module", fqname, fp and "fp", pathname)
        if type == _PKG_DIRECTORY:
            m = self.load_package(fqname, pathname)
            self.msgout(2, "load_module ->", m)
            return m
        if type == _PY_SOURCE:
            co = compile(fp.read(), pathname, 'exec')
        elif type == _PY_COMPILED:
            data = fp.read()
            if data[:4] != importlib.util.MAGIC_NUMBER or len(data) < 16:
                message = f"bad magic number in {fqname!r}: {data[:4]!r}"
                self.msgout(2, "raise ImportError: " + message, pathname)
                raise ImportError(message, name=fqname, path=pathname)
            co = marshal.loads(memoryview(data)[16:])
        else:
            co = None
        m = self.add_module(fqname)
        m.__file__ = pathname
        if co:
            if self.replace_paths:
                co = self.replace_paths_in_code(co)
            m.__code__ = co
            self.scan_code(co, m)
        self.msgout(2, "load_module ->", m)
        return m

    def _add_badmodule(self, name, caller):
        callers = self.badmodules.setdefault(name, {})
        callers[caller.__name__ if caller else "-"] = 1

    def _safe_import_hook(self, name, caller, fromlist, level=-1):
        # A failed import is recorded, not raised.
        if name in self.badmodules:
            self._add_badmodule(name, caller)
            return
        try:
            self.import_hook(name, caller, level=level)
        except ImportError as msg:
            self.msg(2, "ImportError:", str(msg))
            self._add_badmodule(name, caller)
        except SyntaxError as msg:
            self.msg(2, "SyntaxError:", str(msg))
            self._add_badmodule(name, caller)
        else:
            if fromlist:
                for sub in fromlist:
                    fullname = name + "." + sub
                    if fullname in self.badmodules:
                        self._add_badmodule(fullname, caller)
                        continue
                    try:
                        self.import_hook(name, caller, [sub], level=level)
                    except ImportError as msg:
                        self.msg(2, "ImportError:", str(msg))
                        self._add_badmodule(fullname, caller)

    def scan_opcodes(self, co):
        """Yield what a code object does that matters here:
        ("store", (name,)) for a global name bound, ("absolute_import",
        (fromlist, name)) and ("relative_import", (level, fromlist,
        name)) for import statements."""
        instructions = list(dis.get_instructions(co))
        for i, inst in enumerate(instructions):
            if inst.opname in ('STORE_NAME', 'STORE_GLOBAL'):
                yield "store", (inst.argval,)
            elif inst.opname == 'IMPORT_NAME' and i >= 2:
                level = instructions[i - 2].argval
                fromlist = instructions[i - 1].argval
                if not isinstance(level, int):
                    continue
                if level == 0:
                    yield "absolute_import", (fromlist, inst.argval)
                else:
                    yield "relative_import", (level, fromlist, inst.argval)

    def scan_code(self, co, m):
        """Follow the imports of a code object of module m, and of the
        code objects nested in it."""
        for what, args in self.scan_opcodes(co):
            if what == "store":
                name, = args
                m.globalnames[name] = 1
            elif what == "absolute_import":
                fromlist, name = args
                have_star = False
                if fromlist is not None:
                    if "*" in fromlist:
                        have_star = True
                    fromlist = [f for f in fromlist if f != "*"]
                self._safe_import_hook(name, m, fromlist, level=0)
                if have_star:
                    # The names a star import brings in become globals
                    # of m, when the module can be scanned.
                    mm = None
                    if m.__path__:
                        mm = self.modules.get(m.__name__ + "." + name)
                    if mm is None:
                        mm = self.modules.get(name)
                    if mm is not None:
                        m.globalnames.update(mm.globalnames)
                        m.starimports.update(mm.starimports)
                        if mm.__code__ is None:
                            m.starimports[name] = 1
                    else:
                        m.starimports[name] = 1
            elif what == "relative_import":
                level, fromlist, name = args
                if name:
                    self._safe_import_hook(name, m, fromlist, level=level)
                else:
                    parent = self.determine_parent(m, level=level)
                    self._safe_import_hook(parent.__name__, None, fromlist,
                                           level=0)
            else:
                raise RuntimeError(what)
        for c in co.co_consts:
            if isinstance(c, type(co)):
                self.scan_code(c, m)

    def load_package(self, fqname, pathname):
        """Load the package at directory pathname from its __init__."""
        self.msgin(2, "load_package", fqname, pathname)
        newname = replacePackageMap.get(fqname)
        if newname:
            fqname = newname
        m = self.add_module(fqname)
        m.__file__ = pathname
        m.__path__ = [pathname]
        m.__path__.extend(packagePathMap.get(fqname, []))
        fp, buf, stuff = self.find_module("__init__", m.__path__)
        try:
            self.load_module(fqname, fp, buf, stuff)
            self.msgout(2, "load_package ->", m)
            return m
        finally:
            if fp:
                fp.close()

    def add_module(self, fqname):
        """The Module named fqname, made when new."""
        if fqname in self.modules:
            return self.modules[fqname]
        self.modules[fqname] = m = Module(fqname)
        return m

    def find_module(self, name, path, parent=None):
        """(file, pathname, (suffix, mode, kind)) for module name of
        parent (top-level when None) in path; ImportError if absent or
        excluded."""
        fullname = f"{parent.__name__}.{name}" if parent is not None else name
        if fullname in self.excludes:
            self.msgout(3, "find_module -> Excluded", fullname)
            raise ImportError(name)
        if path is None:
            if name in sys.builtin_module_names:
                return None, None, ("", "", _C_BUILTIN)
            path = self.path
        return _find_module(name, path)

    # ---- results ----------------------------------------------------------

    def report(self):
        """Print the modules found, with their files, then the missing
        ones and the ones that may be missing."""
        print()
        print("  %-25s %s" % ("Name", "File"))
        print("  %-25s %s" % ("----", "----"))
        for key in sorted(self.modules):
            m = self.modules[key]
            print("P" if m.__path__ else "m", end=' ')
            print("%-25s" % key, m.__file__ or "")
        missing, maybe = self.any_missing_maybe()
        if missing:
            print()
            print("Missing modules:")
            for name in missing:
                callers = sorted(self.badmodules[name])
                print("?", name, "imported from", ', '.join(callers))
        if maybe:
            print()
            print("Submodules that appear to be missing, but could also be",
                  end=' ')
            print("global names in the parent package:")
            for name in maybe:
                callers = sorted(self.badmodules[name])
                print("?", name, "imported from", ', '.join(callers))

    def any_missing(self):
        """The names of the modules that could not be found, including
        those that may be global names of their package."""
        missing, maybe = self.any_missing_maybe()
        return missing + maybe

    def any_missing_maybe(self):
        """(missing, maybe): sorted names of modules not found, and of
        submodules not found that may be names defined in their package
        (its __init__ star-imports something unknown)."""
        missing = []
        maybe = []
        for name in self.badmodules:
            if name in self.excludes:
                continue
            i = name.rfind(".")
            if i < 0:
                missing.append(name)
                continue
            subname = name[i + 1:]
            pkg = self.modules.get(name[:i])
            if pkg is None:
                missing.append(name)
            elif subname in pkg.globalnames:
                # A name the package defines, not a module.
                pass
            elif pkg.starimports:
                maybe.append(name)
            else:
                missing.append(name)
        missing.sort()
        maybe.sort()
        return missing, maybe

    def replace_paths_in_code(self, co):
        """co (and the code nested in it) with co_filename rewritten by
        the replace_paths prefixes."""
        new_filename = original_filename = os.path.normpath(co.co_filename)
        for old, new in self.replace_paths:
            if original_filename.startswith(old):
                new_filename = new + original_filename[len(old):]
                break
        if self.debug and original_filename not in self.processed_paths:
            if new_filename != original_filename:
                self.msgout(2, "co_filename %r changed to %r"
                            % (original_filename, new_filename,))
            else:
                self.msgout(2, "co_filename %r remains unchanged"
                            % (original_filename,))
            self.processed_paths.append(original_filename)
        consts = list(co.co_consts)
        for i, const in enumerate(consts):
            if isinstance(const, type(co)):
                consts[i] = self.replace_paths_in_code(const)
        return co.replace(co_consts=tuple(consts), co_filename=new_filename)


def test():
    """The command line: python -m modulefinder [-d] [-m] [-p path]
    [-q] [-x exclude] script [module ...]."""
    import getopt
    try:
        opts, args = getopt.getopt(sys.argv[1:], "dmp:qx:")
    except getopt.error as msg:
        print(msg)
        return
    debug = 1
    domods = 0
    addpath = []
    exclude = []
    for o, a in opts:
        if o == '-d':
            debug += 1
        if o == '-m':
            domods = 1
        if o == '-p':
            addpath += a.split(os.pathsep)
        if o == '-q':
            debug = 0
        if o == '-x':
            exclude.append(a)
    if not args:
        script = "hello.py"
    else:
        script = args[0]
    path = sys.path[:]
    path[0] = os.path.dirname(script)
    path = addpath + path
    if debug > 1:
        print("path:")
        for item in path:
            print("   ", repr(item))
    mf = ModuleFinder(path, debug, exclude)
    for arg in args[1:]:
        if arg == '-m':
            domods = 1
            continue
        if domods:
            if arg[-2:] == '.*':
                mf.import_hook(arg[:-2], None, ["*"])
            else:
                mf.import_hook(arg)
        else:
            mf.load_file(arg)
    mf.run_script(script)
    mf.report()
    return mf


if __name__ == '__main__':
    try:
        mf = test()
    except KeyboardInterrupt:
        print("\n[interrupted]")
