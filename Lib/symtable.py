"""Examine the symbol tables the compiler builds for Python source.

symtable(code, filename, compile_type) returns the table of the module; a
table has a table for each scope nested in it (functions, classes,
comprehensions, lambdas, annotation and type-parameter scopes), and knows
for each name how it is bound and resolved (Symbol).
"""

import _symtable
from _symtable import (
    USE,
    DEF_GLOBAL, DEF_NONLOCAL, DEF_LOCAL,
    DEF_PARAM, DEF_TYPE_PARAM, DEF_FREE_CLASS,
    DEF_IMPORT, DEF_BOUND, DEF_ANNOT,
    DEF_COMP_ITER, DEF_COMP_CELL,
    SCOPE_OFF, SCOPE_MASK,
    FREE, LOCAL, GLOBAL_IMPLICIT, GLOBAL_EXPLICIT, CELL
)

from enum import StrEnum
import weakref

__all__ = ["symtable", "SymbolTableType", "SymbolTable", "Class",
           "Function", "Symbol"]


class _Entry:
    """One table as _symtable reports it, with attribute access."""

    __slots__ = ('id', 'name', 'type', 'lineno', 'nested', 'symbols',
                 'varnames', 'children', 'generator', 'coroutine',
                 'comp_inlined', '__weakref__')

    def __init__(self, raw):
        for key, value in raw.items():
            if key == 'children':
                value = [_Entry(child) for child in value]
            elif key == 'name' and value in _ANONYMOUS:
                # The compiler names these scopes as their code objects
                # ('<lambda>'); symbol tables name them without brackets.
                value = value[1:-1]
            setattr(self, key, value)


_ANONYMOUS = frozenset({'<lambda>', '<listcomp>', '<setcomp>', '<dictcomp>',
                        '<genexpr>'})


def symtable(code, filename, compile_type):
    """Return the toplevel SymbolTable for the source code.

    filename is the name of the file with the code; compile_type is
    'exec', 'eval' or 'single', as for compile()."""
    top = _Entry(_symtable.symtable(code, filename, compile_type))
    return _newSymbolTable(top, filename)


class SymbolTableFactory:
    """Make one SymbolTable object per table, of the class that suits
    the kind of scope."""

    def __init__(self):
        self.__memo = weakref.WeakValueDictionary()

    def new(self, table, filename):
        if table.type == _symtable.TYPE_FUNCTION:
            return Function(table, filename)
        if table.type == _symtable.TYPE_CLASS:
            return Class(table, filename)
        return SymbolTable(table, filename)

    def __call__(self, table, filename):
        key = table, filename
        obj = self.__memo.get(key, None)
        if obj is None:
            obj = self.__memo[key] = self.new(table, filename)
        return obj


_newSymbolTable = SymbolTableFactory()


class SymbolTableType(StrEnum):
    MODULE = "module"
    FUNCTION = "function"
    CLASS = "class"
    ANNOTATION = "annotation"
    TYPE_ALIAS = "type alias"
    TYPE_PARAMETERS = "type parameters"
    TYPE_VARIABLE = "type variable"


_TYPES = {
    _symtable.TYPE_MODULE: SymbolTableType.MODULE,
    _symtable.TYPE_FUNCTION: SymbolTableType.FUNCTION,
    _symtable.TYPE_CLASS: SymbolTableType.CLASS,
    _symtable.TYPE_ANNOTATION: SymbolTableType.ANNOTATION,
    _symtable.TYPE_TYPE_ALIAS: SymbolTableType.TYPE_ALIAS,
    _symtable.TYPE_TYPE_PARAMETERS: SymbolTableType.TYPE_PARAMETERS,
    _symtable.TYPE_TYPE_VARIABLE: SymbolTableType.TYPE_VARIABLE,
}


def _scope_of(flags):
    return (flags >> SCOPE_OFF) & SCOPE_MASK


class SymbolTable:
    """The symbol table of one scope."""

    def __init__(self, raw_table, filename):
        self._table = raw_table
        self._filename = filename
        self._symbols = {}

    def __repr__(self):
        kind = "" if type(self) is SymbolTable else f"{type(self).__name__} "
        if self._table.name == "top":
            return f"<{kind}SymbolTable for module {self._filename}>"
        return (f"<{kind}SymbolTable for {self._table.name} "
                f"in {self._filename}>")

    def get_type(self):
        """The kind of scope: a SymbolTableType member."""
        try:
            return _TYPES[self._table.type]
        except KeyError:
            raise AssertionError(f"unexpected type: {self._table.type}")

    def get_id(self):
        """An identifier of the table, unique among those of the source."""
        return self._table.id

    def get_name(self):
        """The name of the scope: the function's or class's name, 'top'
        for the module, or the name of the construct ('lambda',
        'listcomp', ...)."""
        return self._table.name

    def get_lineno(self):
        """The number of the first line of the scope."""
        return self._table.lineno

    def is_optimized(self):
        """Whether the locals of the scope are fast locals (a function)."""
        return self._table.type == _symtable.TYPE_FUNCTION

    def is_nested(self):
        """Whether the scope is inside a function."""
        return bool(self._table.nested)

    def has_children(self):
        """Whether scopes are nested in this one."""
        return bool(self._table.children)

    def get_identifiers(self):
        """A view of the names of the symbols of the scope."""
        return self._table.symbols.keys()

    def lookup(self, name):
        """The Symbol for name; KeyError if the scope has no such name."""
        sym = self._symbols.get(name)
        if sym is None:
            flags = self._table.symbols[name]
            namespaces = self.__children_named(name)
            module_scope = self._table.type == _symtable.TYPE_MODULE
            sym = self._symbols[name] = Symbol(name, flags, namespaces,
                                               module_scope=module_scope)
        return sym

    def get_symbols(self):
        """The Symbol of every name of the scope."""
        return [self.lookup(ident) for ident in self.get_identifiers()]

    def __children_named(self, name):
        return [_newSymbolTable(child, self._filename)
                for child in self._table.children if child.name == name]

    def get_children(self):
        """The tables of the scopes nested directly in this one."""
        return [_newSymbolTable(child, self._filename)
                for child in self._table.children]


class Function(SymbolTable):
    """The symbol table of a function."""

    def __idents_matching(self, test):
        return tuple(ident for ident in self.get_identifiers()
                     if test(self._table.symbols[ident]))

    def get_parameters(self):
        """The names of the parameters."""
        return self.__idents_matching(lambda flags: flags & DEF_PARAM)

    def get_locals(self):
        """The names of the local variables."""
        return self.__idents_matching(
            lambda flags: _scope_of(flags) in (LOCAL, CELL))

    def get_globals(self):
        """The names of the global variables."""
        return self.__idents_matching(
            lambda flags: _scope_of(flags) in (GLOBAL_IMPLICIT,
                                               GLOBAL_EXPLICIT))

    def get_nonlocals(self):
        """The names declared nonlocal."""
        return self.__idents_matching(lambda flags: flags & DEF_NONLOCAL)

    def get_frees(self):
        """The names of the free (closure) variables."""
        return self.__idents_matching(lambda flags: _scope_of(flags) == FREE)


class Class(SymbolTable):
    """The symbol table of a class."""

    __methods = None

    def get_methods(self):
        """The names of the functions defined in the class body.

        Deprecated: inspect the class's children instead."""
        import warnings
        typename = f'{type(self).__module__}.{type(self).__name__}'
        warnings.warn(f'{typename}.get_methods() is deprecated '
                      f'and will be removed in Python 3.16.',
                      DeprecationWarning, stacklevel=2)
        if self.__methods is None:
            names = {}
            symbols = self._table.symbols
            for child in self._table.children:
                if _scope_of(symbols.get(child.name, 0)) != LOCAL:
                    continue
                if child.type == _symtable.TYPE_FUNCTION:
                    names[child.name] = None
                elif child.type == _symtable.TYPE_TYPE_PARAMETERS:
                    # A generic method: its function sits in the type
                    # parameters' scope.
                    if any(c.name == child.name
                           and c.type == _symtable.TYPE_FUNCTION
                           for c in child.children):
                        names[child.name] = None
            self.__methods = tuple(names)
        return self.__methods


class Symbol:
    """A name in one scope: how it is bound and where it resolves."""

    def __init__(self, name, flags, namespaces=None, *, module_scope=False):
        self.__name = name
        self.__flags = flags
        self.__scope = _scope_of(flags)
        self.__namespaces = namespaces or ()
        self.__module_scope = module_scope

    def __repr__(self):
        flags = '|'.join(self._flags_str())
        return f'<symbol {self.__name!r}: {self._scope_str()}, {flags}>'

    def _scope_str(self):
        return _scopes_value_to_name.get(self.__scope) or str(self.__scope)

    def _flags_str(self):
        for name, value in _flags:
            if self.__flags & value == value:
                yield name

    def get_name(self):
        """The name of the symbol."""
        return self.__name

    def is_referenced(self):
        """Whether the name is read in the scope."""
        return bool(self.__flags & USE)

    def is_parameter(self):
        """Whether the name is a parameter of the function."""
        return bool(self.__flags & DEF_PARAM)

    def is_type_parameter(self):
        """Whether the name is a type parameter."""
        return bool(self.__flags & DEF_TYPE_PARAM)

    def is_global(self):
        """Whether the name is global (a module-level name is)."""
        return bool(self.__scope in (GLOBAL_IMPLICIT, GLOBAL_EXPLICIT)
                    or (self.__module_scope and self.__flags & DEF_BOUND))

    def is_nonlocal(self):
        """Whether the name is declared nonlocal."""
        return bool(self.__flags & DEF_NONLOCAL)

    def is_declared_global(self):
        """Whether a global statement declares the name."""
        return bool(self.__scope == GLOBAL_EXPLICIT)

    def is_local(self):
        """Whether the name is local to the scope (a module-level name
        bound there is)."""
        return bool(self.__scope in (LOCAL, CELL)
                    or (self.__module_scope and self.__flags & DEF_BOUND))

    def is_annotated(self):
        """Whether the name is annotated."""
        return bool(self.__flags & DEF_ANNOT)

    def is_free(self):
        """Whether the name is a free variable of a closure."""
        return bool(self.__scope == FREE)

    def is_free_class(self):
        """Whether the name is free in a method, through the class."""
        return bool(self.__flags & DEF_FREE_CLASS)

    def is_imported(self):
        """Whether an import statement binds the name."""
        return bool(self.__flags & DEF_IMPORT)

    def is_assigned(self):
        """Whether the name is assigned in the scope."""
        return bool(self.__flags & DEF_LOCAL)

    def is_comp_iter(self):
        """Whether the name is a comprehension's iteration variable."""
        return bool(self.__flags & DEF_COMP_ITER)

    def is_comp_cell(self):
        """Whether the name is a cell of an inlined comprehension."""
        return bool(self.__flags & DEF_COMP_CELL)

    def is_namespace(self):
        """Whether the name is bound to a nested scope (a def or class
        statement of that name)."""
        return bool(self.__namespaces)

    def get_namespaces(self):
        """The tables of the scopes bound to the name."""
        return self.__namespaces

    def get_namespace(self):
        """The one table bound to the name; ValueError unless there is
        exactly one."""
        if not self.__namespaces:
            raise ValueError("name is not bound to any namespaces")
        if len(self.__namespaces) > 1:
            raise ValueError("name is bound to multiple namespaces")
        return self.__namespaces[0]


_flags = [('USE', USE)]
_flags.extend(kv for kv in globals().items() if kv[0].startswith('DEF_'))
_scopes_names = ('FREE', 'LOCAL', 'GLOBAL_IMPLICIT', 'GLOBAL_EXPLICIT',
                 'CELL')
_scopes_value_to_name = {globals()[n]: n for n in _scopes_names}


def main(args):
    """Print the symbol tables of the files (or stdin) in args."""
    import sys

    def print_symbols(table, level=0):
        indent = '    ' * level
        nested = "nested " if table.is_nested() else ""
        if table.get_type() == 'module':
            what = f'from file {table._filename!r}'
        else:
            what = f'{table.get_name()!r}'
        print(f'{indent}symbol table for {nested}{table.get_type()} {what}:')
        for ident in table.get_identifiers():
            symbol = table.lookup(ident)
            flags = ', '.join(symbol._flags_str()).lower()
            print(f'    {indent}{symbol._scope_str().lower()} symbol '
                  f'{symbol.get_name()!r}: {flags}')
        print()
        for child in table.get_children():
            print_symbols(child, level + 1)

    for filename in args or ['-']:
        if filename == '-':
            src = sys.stdin.read()
            filename = '<stdin>'
        else:
            with open(filename, 'rb') as f:
                src = f.read()
        print_symbols(symtable(src, filename, 'exec'))


if __name__ == "__main__":
    import sys
    main(sys.argv[1:])
