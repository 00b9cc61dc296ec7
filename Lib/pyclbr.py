"""A module's classes and functions, read from its source without running
it (for class browsers and editors).

readmodule_ex(module, path=None) returns {name: Class or Function} for the
module's top level, each object listing its nested definitions in
`children`; readmodule() keeps only the classes.
"""

import ast
import importlib.util
import sys

__all__ = ["readmodule", "readmodule_ex", "Class", "Function"]

# Fully qualified module name -> its tree.  Shared by all threads without
# a lock: a module is stored before its source is scanned (so import cycles
# end), and two threads racing on one module each build an equal tree; the
# last store wins.
_modules = {}


class _Object:
    """What classes and functions share: where they are defined."""

    def __init__(self, module, name, file, lineno, end_lineno, parent):
        self.module = module
        self.name = name
        self.file = file
        self.lineno = lineno
        self.end_lineno = end_lineno
        self.parent = parent
        self.children = {}
        if parent is not None:
            parent.children[name] = self


class Function(_Object):
    """A function, method or nested function."""

    def __init__(self, module, name, file, lineno,
                 parent=None, is_async=False, *, end_lineno=None):
        super().__init__(module, name, file, lineno, end_lineno, parent)
        self.is_async = is_async
        if isinstance(parent, Class):
            parent.methods[name] = lineno


class Class(_Object):
    """A class: its bases (Class objects when found in the scanned modules,
    names otherwise) and its methods' line numbers."""

    def __init__(self, module, name, super_, file, lineno,
                 parent=None, *, end_lineno=None):
        super().__init__(module, name, file, lineno, end_lineno, parent)
        self.super = super_ or []
        self.methods = {}


def _nest_function(ob, func_name, lineno, end_lineno, is_async=False):
    return Function(ob.module, func_name, ob.file, lineno,
                    parent=ob, is_async=is_async, end_lineno=end_lineno)


def _nest_class(ob, class_name, lineno, end_lineno, super=None):
    return Class(ob.module, class_name, super, ob.file, lineno,
                 parent=ob, end_lineno=end_lineno)


def readmodule(module, path=None):
    """The classes at the top level of `module`: {name: Class}."""
    return {name: value
            for name, value in _readmodule(module, path or []).items()
            if isinstance(value, Class)}


def readmodule_ex(module, path=None):
    """The classes and functions at the top level of `module`."""
    return _readmodule(module, path or [])


def _readmodule(module, path, inpackage=None):
    fullmodule = "%s.%s" % (inpackage, module) if inpackage else module
    if fullmodule in _modules:
        return _modules[fullmodule]
    tree = {}
    # Built-in modules have no source to read.
    if module in sys.builtin_module_names and inpackage is None:
        _modules[module] = tree
        return tree
    package, dot, submodule = module.rpartition(".")
    if dot:
        parent = _readmodule(package, path, inpackage)
        if inpackage is not None:
            package = "%s.%s" % (inpackage, package)
        if "__path__" not in parent:
            raise ImportError("No package named {}".format(package))
        return _readmodule(submodule, parent["__path__"], package)
    search_path = path + sys.path if inpackage is None else path
    spec = _find_spec(fullmodule, search_path)
    if spec is None:
        raise ModuleNotFoundError(f"no module named {fullmodule!r}",
                                  name=fullmodule)
    _modules[fullmodule] = tree
    if spec.submodule_search_locations is not None:
        tree["__path__"] = spec.submodule_search_locations
    try:
        source = spec.loader.get_source(fullmodule)
    except (AttributeError, ImportError):
        return tree
    if source is None:
        return tree
    fname = spec.loader.get_filename(fullmodule)
    return _create_tree(fullmodule, path, fname, source, tree, inpackage)


def _find_spec(fullname, path):
    from importlib.machinery import PathFinder
    spec = PathFinder.find_spec(fullname, path)
    if spec is None and fullname in sys.modules:
        spec = getattr(sys.modules[fullname], "__spec__", None)
    return spec


class _ModuleBrowser(ast.NodeVisitor):
    """Walks a module's AST, building Class and Function objects nested as
    the definitions are."""

    def __init__(self, module, path, file, tree, inpackage):
        self.path = path
        self.tree = tree
        self.file = file
        self.module = module
        self.inpackage = inpackage
        self.stack = []

    def visit_ClassDef(self, node):
        bases = []
        for base in node.bases:
            name = ast.unparse(base)
            if name in self.tree:
                bases.append(self.tree[name])
            elif len(parts := name.split(".")) > 1:
                *prefix, last = parts
                module_name = ".".join(prefix)
                try:
                    found = _readmodule(module_name, self.path, self.inpackage)
                except ImportError:
                    found = {}
                bases.append(found.get(last, name))
            else:
                bases.append(name)
        parent = self.stack[-1] if self.stack else None
        cls = Class(self.module, node.name, bases, self.file, node.lineno,
                    parent, end_lineno=node.end_lineno)
        if parent is None:
            self.tree[node.name] = cls
        self.stack.append(cls)
        self.generic_visit(node)
        self.stack.pop()

    def visit_FunctionDef(self, node, *, is_async=False):
        parent = self.stack[-1] if self.stack else None
        function = Function(self.module, node.name, self.file, node.lineno,
                            parent, is_async, end_lineno=node.end_lineno)
        if parent is None:
            self.tree[node.name] = function
        self.stack.append(function)
        self.generic_visit(node)
        self.stack.pop()

    def visit_AsyncFunctionDef(self, node):
        self.visit_FunctionDef(node, is_async=True)

    def visit_Import(self, node):
        if node.col_offset != 0:
            return
        for alias in node.names:
            try:
                _readmodule(alias.name, self.path, self.inpackage)
            except (ImportError, SyntaxError):
                continue

    def visit_ImportFrom(self, node):
        if node.col_offset != 0:
            return
        try:
            module = "." * node.level
            if node.module:
                module += node.module
            module = importlib.util.resolve_name(module, self.inpackage) \
                if node.level else module
            children = _readmodule(module, self.path)
        except (ImportError, SyntaxError, ValueError):
            return
        for alias in node.names:
            if alias.name in children:
                self.tree[alias.asname or alias.name] = children[alias.name]
            elif alias.name == "*":
                for name, child in children.items():
                    if not name.startswith("_"):
                        self.tree[name] = child


def _create_tree(fullmodule, path, fname, source, tree, inpackage):
    browser = _ModuleBrowser(fullmodule, path, fname, tree, inpackage)
    browser.visit(ast.parse(source))
    return browser.tree


def _main():
    """python -m pyclbr MODULE...: print each module's outline."""
    import os
    for module in sys.argv[1:]:
        if os.path.exists(module):
            path = [os.path.dirname(module)]
            module = os.path.splitext(os.path.basename(module))[0]
        else:
            path = []
        tree = readmodule_ex(module, path)
        objs = sorted(tree.values(),
                      key=lambda ob: getattr(ob, "lineno", 0))
        indent_level = 2
        while objs:
            ob = objs.pop(0)
            if isinstance(ob, list):
                continue
            if not hasattr(ob, "indent"):
                ob.indent = 0
            new_objs = sorted(ob.children.values(),
                              key=lambda o: o.lineno, reverse=True)
            for child in new_objs:
                child.indent = ob.indent + indent_level
                objs.insert(0, child)
            if isinstance(ob, Class):
                print("{}class {} {} {}".format(
                    " " * ob.indent, ob.name,
                    [getattr(s, "name", s) for s in ob.super], ob.lineno))
            elif isinstance(ob, Function):
                print("{}def {} {}".format(" " * ob.indent, ob.name, ob.lineno))


if __name__ == "__main__":
    _main()
