"""Read the metadata of installed distributions (importlib.metadata).

Distributions are found as NAME-VERSION.dist-info (or .egg-info)
directories on sys.path, in directories or in zip archives (wheels, eggs); their METADATA file (RFC 822 style headers, the
description as body), entry_points.txt, RECORD and top_level.txt give
version(), metadata(), entry_points(), files(), requires() and
packages_distributions().
"""

import csv
import itertools
import os
import pathlib
import re
import sys

__all__ = [
    'Distribution', 'DistributionFinder', 'PackageMetadata',
    'PackageNotFoundError', 'EntryPoint', 'EntryPoints', 'PackagePath',
    'distribution', 'distributions', 'entry_points', 'files', 'metadata',
    'packages_distributions', 'requires', 'version',
]


class PackageNotFoundError(ModuleNotFoundError):
    """No distribution of that name is installed."""

    def __str__(self):
        return f'No package metadata was found for {self.name}'

    @property
    def name(self):
        (name,) = self.args
        return name


def _normalize(name):
    """The PEP 503 normalized form of a distribution name, with '_'."""
    return re.sub(r'[-_.]+', '_', name).lower()


# ---- metadata --------------------------------------------------------------

class PackageMetadata:
    """The headers of a METADATA/PKG-INFO file: a mapping from field name
    (case-insensitive) to its first value, get_all() for repeated fields;
    the description body is the 'Description' field when the header has
    none."""

    def __init__(self, text):
        self._items = []
        lines = text.splitlines()
        index = 0
        while index < len(lines):
            line = lines[index]
            if not line.strip():
                index += 1
                break
            if line[:1] in (' ', '\t') and self._items:
                key, value = self._items[-1]
                self._items[-1] = (key, value + '\n' + line.strip())
            elif ':' in line:
                key, _, value = line.partition(':')
                self._items.append((key.strip(), value.strip()))
            index += 1
        else:
            index = len(lines)
        body = '\n'.join(lines[index:])
        if body.strip() and self.get('Description') is None:
            self._items.append(('Description', body.rstrip('\n') + '\n'))

    def __getitem__(self, name):
        value = self.get(name)
        if value is None:
            raise KeyError(name)
        return value

    def get(self, name, failobj=None):
        wanted = name.lower()
        for key, value in self._items:
            if key.lower() == wanted:
                return value
        return failobj

    def get_all(self, name, failobj=None):
        wanted = name.lower()
        values = [value for key, value in self._items if key.lower() == wanted]
        return values or failobj

    def __contains__(self, name):
        return self.get(name) is not None

    def __iter__(self):
        return iter(key for key, _ in self._items)

    def __len__(self):
        return len(self._items)

    def keys(self):
        return [key for key, _ in self._items]

    def values(self):
        return [value for _, value in self._items]

    def items(self):
        return list(self._items)

    @property
    def json(self):
        """The metadata as a dict (PEP 566): lower-case keys with '_' for
        '-', lists for the fields that may repeat, keywords split at
        whitespace."""
        multiple = {'classifier', 'obsoletes_dist', 'platform', 'project_url',
                    'provides_dist', 'provides_extra', 'requires_dist',
                    'requires_external', 'supported_platform', 'dynamic',
                    'license_file'}
        result = {}
        for key, value in self._items:
            name = key.lower().replace('-', '_')
            if name == 'keywords':
                result[name] = re.split(r'\s+', value)
            elif name in multiple:
                result.setdefault(name, []).append(value)
            else:
                result[name] = value
        return result


# ---- entry points ------------------------------------------------------------

class EntryPoint:
    """An object a distribution advertises: name, value 'module:attr
    [extras]' and group.  load() imports and returns it."""

    pattern = re.compile(
        r'(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$')

    dist = None     # set once, by the distribution that lists it

    def __init__(self, name, value, group):
        vars(self).update(name=name, value=value, group=group)

    def __setattr__(self, name, value):
        if name == 'dist' and 'dist' not in vars(self):
            object.__setattr__(self, name, value)
            return
        raise AttributeError("EntryPoint objects are immutable.")

    def _match(self):
        match = self.pattern.match(self.value)
        if match is None:
            raise ValueError(f'Invalid entry point value: {self.value!r}')
        return match

    @property
    def module(self):
        return self._match().group('module')

    @property
    def attr(self):
        return self._match().group('attr')

    @property
    def extras(self):
        extras = self._match().group('extras') or ''
        return re.findall(r'\w+', extras)

    def load(self):
        """Import the module and return the attribute it names."""
        import importlib
        obj = importlib.import_module(self.module)
        for part in filter(None, (self.attr or '').split('.')):
            obj = getattr(obj, part)
        return obj

    def matches(self, **params):
        """Whether every given attribute (name, group, module, attr, ...)
        equals the value given."""
        if 'dist' in params:
            raise ValueError('"dist" is not suitable for matching')
        return all(getattr(self, key) == value for key, value in params.items())

    def _key(self):
        return self.name, self.value, self.group

    def __eq__(self, other):
        if not isinstance(other, EntryPoint):
            return NotImplemented
        return self._key() == other._key()

    def __lt__(self, other):
        return self._key() < other._key()

    def __hash__(self):
        return hash(self._key())

    def __repr__(self):
        return (f'EntryPoint(name={self.name!r}, value={self.value!r}, '
                f'group={self.group!r})')

    def __reduce__(self):
        return self.__class__, self._key()


class EntryPoints(tuple):
    """An immutable collection of EntryPoint objects, indexed by name."""

    __slots__ = ()

    def __getitem__(self, name):
        """The entry point called name (KeyError if none: there is no
        access by position)."""
        for ep in self:
            if ep.name == name:
                return ep
        raise KeyError(name)

    def __repr__(self):
        return f'{type(self).__name__}({tuple(self)!r})'

    def select(self, **params):
        """The entry points matching every given attribute."""
        return EntryPoints(ep for ep in self if ep.matches(**params))

    @property
    def names(self):
        return {ep.name for ep in self}

    @property
    def groups(self):
        return {ep.group for ep in self}


def _parse_entry_points(text, dist):
    group = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(('#', ';')):
            continue
        if line.startswith('[') and line.endswith(']'):
            group = line[1:-1].strip()
            continue
        name, sep, value = line.partition('=')
        if not sep or group is None:
            continue
        ep = EntryPoint(name.strip(), value.strip(), group)
        ep.dist = dist
        yield ep


# ---- files -------------------------------------------------------------------

class FileHash:
    def __init__(self, spec):
        self.mode, _, self.value = spec.partition('=')

    def __repr__(self):
        return f'<FileHash mode: {self.mode} value: {self.value}>'


class PackagePath(pathlib.PurePosixPath):
    """A path listed in a distribution's RECORD, relative to its site
    directory, with its hash and size when recorded."""

    hash = None
    size = None
    dist = None

    def read_text(self, encoding='utf-8'):
        return self.locate().read_text(encoding=encoding)

    def read_binary(self):
        return self.locate().read_bytes()

    def locate(self):
        """The path of the file on disk."""
        return self.dist.locate_file(self)


# ---- distributions -----------------------------------------------------------

class Distribution:
    """An installed distribution: subclasses provide read_text() and
    locate_file()."""

    def read_text(self, filename):
        raise NotImplementedError

    def locate_file(self, path):
        raise NotImplementedError

    @classmethod
    def from_name(cls, name):
        """The distribution called name; PackageNotFoundError if none."""
        if not name:
            raise ValueError('A distribution name is required.')
        for dist in cls.discover(name=name):
            return dist
        raise PackageNotFoundError(name)

    @classmethod
    def discover(cls, *, context=None, **kwargs):
        """The distributions found on the path (kwargs: name, path)."""
        if context is not None and kwargs:
            raise ValueError('cannot accept context and kwargs')
        context = context or DistributionFinder.Context(**kwargs)
        return itertools.chain.from_iterable(
            finder(context) for finder in _finders())

    @staticmethod
    def at(path):
        """The distribution whose metadata directory is path."""
        return PathDistribution(pathlib.Path(path))

    @property
    def metadata(self):
        text = (self.read_text('METADATA') or self.read_text('PKG-INFO')
                or self.read_text('') or '')
        return PackageMetadata(text)

    @property
    def name(self):
        return self.metadata['Name']

    @property
    def _normalized_name(self):
        return _normalize(self.name)

    @property
    def version(self):
        return self.metadata['Version']

    @property
    def entry_points(self):
        return EntryPoints(_parse_entry_points(
            self.read_text('entry_points.txt') or '', self))

    @property
    def files(self):
        """The files RECORD lists (None when there is no RECORD)."""
        text = self.read_text('RECORD')
        if text is None:
            text = self.read_text('SOURCES.txt')
            if text is None:
                return None
            rows = ([line] for line in text.splitlines())
        else:
            rows = csv.reader(text.splitlines())
        result = []
        for row in rows:
            if not row or not row[0]:
                continue
            path = PackagePath(row[0])
            path.hash = FileHash(row[1]) if len(row) > 1 and row[1] else None
            path.size = int(row[2]) if len(row) > 2 and row[2] else None
            path.dist = self
            result.append(path)
        return result

    @property
    def requires(self):
        """The requirements: the Requires-Dist values, else those of an
        egg-info requires.txt; None when there are neither."""
        reqs = self.metadata.get_all('Requires-Dist')
        if reqs:
            return reqs
        text = self.read_text('requires.txt')
        return None if text is None else list(self._deps_from_requires_text(text))

    @classmethod
    def _deps_from_requires_text(cls, text):
        """Requires-Dist style requirements from an egg-info requires.txt:
        a line of a "[EXTRA:MARKERS]" section gets the section's markers
        and `extra == "EXTRA"` as its environment marker."""
        marker = ''
        for line in text.splitlines():
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            if line.startswith('[') and line.endswith(']'):
                marker = _section_marker(line[1:-1].strip())
                continue
            # A URL requirement ends in a URL, which a marker must not
            # touch: as in CPython, such a line always gets a space.
            yield line + (' ' if '@' in line else '') + marker


def _section_marker(section):
    """The '; MARKER' suffix for a requires.txt section name EXTRA:MARKERS
    (either part may be empty)."""
    extra, _, markers = section.partition(':')
    conditions = []
    if markers:
        conditions.append(f'({markers})' if extra else markers)
    if extra:
        conditions.append(f'extra == "{extra}"')
    return '; ' + ' and '.join(conditions) if conditions else ''


class PathDistribution(Distribution):
    """A distribution described by a .dist-info/.egg-info directory."""

    def __init__(self, path):
        self._path = path

    def read_text(self, filename):
        try:
            return self._path.joinpath(filename).read_text(encoding='utf-8')
        except (FileNotFoundError, IsADirectoryError, KeyError,
                NotADirectoryError, PermissionError):
            return None

    def locate_file(self, path):
        return self._path.parent / path

    @property
    def _normalized_name(self):
        path = str(self._path).rstrip('/')
        name = _metadata_stem(os.path.dirname(path), os.path.basename(path))
        return _normalize(name) if name else super()._normalized_name


class DistributionFinder:
    """A sys.meta_path finder that can also find distributions."""

    class Context:
        """What to look for: name (None for all) on path (sys.path)."""

        name = None

        def __init__(self, **kwargs):
            vars(self).update(kwargs)

        @property
        def path(self):
            return vars(self).get('path', sys.path)

    def find_distributions(self, context=Context()):
        raise NotImplementedError


def _children(entry):
    """(name, path) of each child of a path entry, sorted by name: a
    directory's files (pathlib.Path), or a zip archive's top level
    (zipfile.Path, as for a wheel or an egg on sys.path)."""
    root = entry or '.'
    try:
        return [(name, pathlib.Path(root, name))
                for name in sorted(os.listdir(root))]
    except NotADirectoryError:
        pass
    except (OSError, TypeError, ValueError):
        return []
    import zipfile
    try:
        children = [(child.name, child) for child in zipfile.Path(root).iterdir()]
    except (OSError, zipfile.BadZipFile):
        return []
    return sorted(children, key=lambda pair: pair[0])


def _metadata_stem(entry, child):
    """The distribution name part of a metadata directory's name, or None
    if child is not one: NAME-VERSION.dist-info / .egg-info, or the
    EGG-INFO directory of an entry that is NAME-VERSION.egg."""
    if child.endswith(('.dist-info', '.egg-info')):
        return child.rpartition('.')[0].partition('-')[0]
    if child == 'EGG-INFO' and str(entry).endswith('.egg'):
        return os.path.basename(str(entry)).partition('-')[0]
    return None


def _search_path(context):
    """The distributions in the directories (or zip archives) of
    context.path."""
    wanted = None if context.name is None else _normalize(context.name)
    for entry in context.path:
        for child, path in _children(entry):
            stem = _metadata_stem(entry, child)
            if stem is None:
                continue
            if wanted is not None and _normalize(stem) != wanted:
                continue
            yield PathDistribution(path)


def _finders():
    for finder in sys.meta_path:
        find = getattr(finder, 'find_distributions', None)
        if find is not None:
            yield find
    yield _search_path


# ---- the functional API ------------------------------------------------------

def distribution(distribution_name):
    """The Distribution called distribution_name."""
    return Distribution.from_name(distribution_name)


def distributions(**kwargs):
    """All installed distributions (kwargs: name, path)."""
    return Distribution.discover(**kwargs)


def metadata(distribution_name):
    """The PackageMetadata of distribution_name."""
    return Distribution.from_name(distribution_name).metadata


def version(distribution_name):
    """The version string of distribution_name."""
    return distribution(distribution_name).version


def entry_points(**params):
    """The entry points of every distribution (each name once, the first
    found distribution winning), selected by params (group, name, ...)."""
    seen = set()
    eps = []
    for dist in distributions():
        key = dist._normalized_name
        if key in seen:
            continue
        seen.add(key)
        eps.extend(dist.entry_points)
    return EntryPoints(eps).select(**params)


def files(distribution_name):
    """The files of distribution_name (PackagePath objects), or None."""
    return distribution(distribution_name).files


def requires(distribution_name):
    """The requirements of distribution_name, or None."""
    return distribution(distribution_name).requires


def packages_distributions():
    """{top-level import name: [distribution names]} for every installed
    distribution."""
    result = {}
    for dist in distributions():
        top = dist.read_text('top_level.txt')
        if top is not None:
            names = top.split()
        else:
            names = set()
            for path in dist.files or ():
                parts = path.parts
                if len(parts) > 1 and not parts[0].endswith(('.dist-info', '.egg-info')):
                    names.add(parts[0])
                elif len(parts) == 1 and path.suffix == '.py':
                    names.add(path.stem)
        for name in sorted(names):
            result.setdefault(name, []).append(dist.metadata['Name'])
    return result
