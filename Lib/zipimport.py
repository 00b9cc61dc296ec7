"""zipimport: import Python modules and packages from ZIP archives.

A sys.path entry naming a ZIP file (or a directory inside one, as in
'app.zip/lib') is handled by a zipimporter, which site installs at the
front of sys.path_hooks.  Source (.py) and bytecode (.pyc) files in the
archive are imported; extension modules are not.  A directory without
__init__.py is a namespace package portion.

The archive's table of contents is read once per archive and kept in
_zip_directory_cache (a lock makes reading and replacing it safe when
threads import in parallel); invalidate_caches() reads it again.
"""

# Only modules that are built in or already loaded when site installs the
# hook: a finder must not import through sys.path while it searches (the
# import would consult the same finder again), and Python's start-up
# should not pay for importlib.
import _thread
import marshal
import os
import sys
from _frozen_importlib import ModuleSpec
from _frozen_importlib_external import MAGIC_NUMBER, decode_source

_S_IFMT = 0o170000
_S_IFREG = 0o100000

__all__ = ['ZipImportError', 'zipimporter']

path_sep = '/'
alt_path_sep = ''

# archive path -> {name inside the archive: _Entry}
_zip_directory_cache = {}
_cache_lock = _thread.allocate_lock()


class ZipImportError(ImportError):
    """The exception zipimporter raises for a path that is not (in) a ZIP
    archive, or for a module it cannot find."""


# The ZIP format pieces read here (APPNOTE.TXT): the end of central
# directory record (its signature and, 16 bytes in, the directory's
# offset), the central directory entries and the local file headers.
_EOCD_SIGNATURE = b'PK\x05\x06'
_CENTRAL_SIGNATURE = b'PK\x01\x02'
_LOCAL_SIGNATURE = b'PK\x03\x04'
_EOCD_SIZE = 22
_MAX_COMMENT = 0xFFFF


def _u16(data, pos):
    return int.from_bytes(data[pos:pos + 2], 'little')


def _u32(data, pos):
    return int.from_bytes(data[pos:pos + 4], 'little')


class _Entry:
    """One file of an archive: where its data is and how it is stored."""
    __slots__ = ('name', 'method', 'compressed_size', 'size', 'header_offset')

    def __init__(self, name, method, compressed_size, size, header_offset):
        self.name = name
        self.method = method
        self.compressed_size = compressed_size
        self.size = size
        self.header_offset = header_offset


def _read_directory(archive):
    """The table of contents of archive, {name: _Entry}; ZipImportError
    when it cannot be read as a ZIP file.  Read directly (not with
    zipfile) because importing zipfile would consult this very hook."""
    try:
        with open(archive, 'rb') as f:
            f.seek(0, 2)
            file_size = f.tell()
            if file_size < _EOCD_SIZE:
                raise ZipImportError(f"can't read Zip file: {archive!r}",
                                     path=archive)
            tail_size = min(file_size, _EOCD_SIZE + _MAX_COMMENT)
            f.seek(file_size - tail_size)
            tail = f.read(tail_size)
            at = tail.rfind(_EOCD_SIGNATURE)
            if at < 0 or len(tail) - at < _EOCD_SIZE:
                raise ZipImportError(f'not a Zip file: {archive!r}',
                                     path=archive)
            count = _u16(tail, at + 10)
            dir_size = _u32(tail, at + 12)
            dir_offset = _u32(tail, at + 16)
            # Data prepended to the archive (a #! line of a zipapp) shifts
            # every offset by the same amount.
            shift = (file_size - tail_size + at) - (dir_offset + dir_size)
            f.seek(dir_offset + shift)
            directory = f.read(dir_size)
    except OSError as exc:
        raise ZipImportError(f"can't read Zip file: {archive!r}",
                             path=archive) from exc
    files = {}
    pos = 0
    for _ in range(count):
        if directory[pos:pos + 4] != _CENTRAL_SIGNATURE:
            raise ZipImportError(f'bad central directory in {archive!r}',
                                 path=archive)
        flags = _u16(directory, pos + 8)
        method = _u16(directory, pos + 10)
        compressed_size = _u32(directory, pos + 20)
        size = _u32(directory, pos + 24)
        name_len = _u16(directory, pos + 28)
        extra_len = _u16(directory, pos + 30)
        comment_len = _u16(directory, pos + 32)
        header_offset = _u32(directory, pos + 42) + shift
        raw = directory[pos + 46:pos + 46 + name_len]
        # Bit 11: the name is UTF-8; otherwise code page 437 (whose codec
        # is itself imported, so only asked for names that need it).
        if flags & 0x800 or raw.isascii():
            name = raw.decode('utf-8')
        else:
            name = raw.decode('cp437')
        files[name] = _Entry(name, method, compressed_size, size,
                             header_offset)
        pos += 46 + name_len + extra_len + comment_len
    return files


def _read_entry(archive, entry):
    """The uncompressed bytes of one archive member."""
    try:
        with open(archive, 'rb') as f:
            f.seek(entry.header_offset)
            header = f.read(30)
            if header[:4] != _LOCAL_SIGNATURE:
                raise ZipImportError(f'bad local file header in {archive!r}',
                                     path=archive)
            skip = _u16(header, 26) + _u16(header, 28)
            f.seek(entry.header_offset + 30 + skip)
            data = f.read(entry.compressed_size)
    except OSError as exc:
        raise ZipImportError(f"can't read Zip file: {archive!r}",
                             path=archive) from exc
    if entry.method == 0:
        return data
    if entry.method == 8:
        import zlib     # built in: found without consulting sys.path
        return zlib.decompressobj(-15).decompress(data)
    raise ZipImportError(f'unsupported compression method {entry.method} '
                         f'for {entry.name!r} in {archive!r}', path=archive)


def _get_directory(archive, refresh=False):
    with _cache_lock:
        files = None if refresh else _zip_directory_cache.get(archive)
    if files is None:
        files = _read_directory(archive)
        with _cache_lock:
            _zip_directory_cache[archive] = files
    return files


class zipimporter:
    """zipimporter(archivepath) -> a finder and loader for the modules in
    a ZIP archive.

    archivepath is the path of a ZIP file, optionally followed by a path
    inside it ('lib.zip/pkg/sub'): then only that subdirectory is searched.
    The attributes archive and prefix hold the two parts.
    """

    def __init__(self, path):
        if not isinstance(path, str):
            path = os.fsdecode(path)
        if not path:
            raise ZipImportError('archive path is empty', path=path)
        # Walk up from path to the first prefix that is an existing file:
        # that is the archive, the rest a directory inside it.
        archive = path
        inner = []
        while True:
            try:
                st = os.stat(archive)
            except (OSError, ValueError):
                head, tail = os.path.split(archive)
                if head == archive or not tail:
                    raise ZipImportError('not a Zip file', path=path)
                archive = head
                inner.append(tail)
                continue
            if st.st_mode & _S_IFMT != _S_IFREG:
                raise ZipImportError('not a Zip file', path=path)
            break
        self._files = _get_directory(archive)
        self.archive = archive
        prefix = '/'.join(reversed(inner))
        self.prefix = prefix + '/' if prefix else ''

    # ---- finding ------------------------------------------------------

    def _module_path(self, fullname):
        return self.prefix + fullname.rpartition('.')[2]

    def _find(self, fullname):
        """(is_package, name in the archive of the file to load) or None."""
        base = self._module_path(fullname)
        for is_package, stem in ((True, base + '/__init__'), (False, base)):
            for suffix in ('.py', '.pyc'):
                if stem + suffix in self._files:
                    return is_package, stem + suffix
        return None

    def _is_directory(self, name):
        name += '/'
        if name in self._files:
            return True
        return any(key.startswith(name) for key in self._files)

    def _full_path(self, name):
        return self.archive + path_sep + name

    def find_spec(self, fullname, target=None):
        """The module spec for fullname, a namespace portion spec for a
        plain directory, or None."""
        found = self._find(fullname)
        if found is not None:
            is_package, name = found
            spec = ModuleSpec(fullname, self, origin=self._full_path(name),
                              is_package=is_package)
            if is_package:
                spec.submodule_search_locations = [
                    self._full_path(self._module_path(fullname))]
            spec.has_location = True
            return spec
        path = self._module_path(fullname)
        if self._is_directory(path):
            spec = ModuleSpec(fullname, None, is_package=True)
            spec.submodule_search_locations = [self._full_path(path)]
            return spec
        return None

    def invalidate_caches(self):
        """Read the archive's table of contents again."""
        try:
            self._files = _get_directory(self.archive, refresh=True)
        except ZipImportError:
            with _cache_lock:
                _zip_directory_cache.pop(self.archive, None)
            self._files = {}

    # ---- loading ------------------------------------------------------

    def _require(self, fullname):
        found = self._find(fullname)
        if found is None:
            raise ZipImportError(f"can't find module {fullname!r}",
                                 name=fullname)
        return found

    def _read(self, name):
        return _read_entry(self.archive, self._files[name])

    def is_package(self, fullname):
        """True when fullname is a package (its __init__ is in the archive)."""
        return self._require(fullname)[0]

    def get_filename(self, fullname):
        """The path of fullname's file, as its __file__ will be."""
        return self._full_path(self._require(fullname)[1])

    def get_source(self, fullname):
        """fullname's source text, or None when only bytecode is present."""
        is_package, name = self._require(fullname)
        if name.endswith('.pyc'):
            source_name = name[:-1]
            if source_name not in self._files:
                return None
            name = source_name
        return decode_source(self._read(name))

    def get_code(self, fullname):
        """The code object of fullname: compiled from its source, or read
        from its .pyc when there is no source."""
        is_package, name = self._require(fullname)
        data = self._read(name)
        path = self._full_path(name)
        if name.endswith('.pyc'):
            if data[:4] != MAGIC_NUMBER or len(data) < 16:
                raise ZipImportError(f'bad magic number in {path!r}',
                                     name=fullname, path=path)
            return marshal.loads(memoryview(data)[16:])
        return compile(data, path, 'exec', dont_inherit=True)

    def get_data(self, pathname):
        """The bytes of a file in the archive; pathname may include the
        archive path.  OSError when it is not there."""
        if alt_path_sep:
            pathname = pathname.replace(alt_path_sep, path_sep)
        key = pathname
        if pathname.startswith(self.archive + path_sep):
            key = pathname[len(self.archive + path_sep):]
        if key not in self._files:
            raise OSError(0, '', key)
        return self._read(key)

    def create_module(self, spec):
        """Default module creation."""
        return None

    def exec_module(self, module):
        """Run the module's code in its namespace."""
        code = self.get_code(module.__spec__.name)
        exec(code, module.__dict__)

    def get_resource_reader(self, fullname):
        """A reader for the resources of package fullname (None for a
        module)."""
        try:
            if not self.is_package(fullname):
                return None
        except ZipImportError:
            return None
        return _ZipReader(self, fullname)

    def __repr__(self):
        return f'<zipimporter object "{self.archive}{path_sep}{self.prefix}">'


class _ZipReader:
    """importlib.resources reader for a package inside an archive."""

    def __init__(self, loader, fullname):
        self._loader = loader
        self._dir = loader._module_path(fullname) + '/'

    def files(self):
        import zipfile
        return zipfile.Path(self._loader.archive, at=self._dir)

    def open_resource(self, resource):
        return self.files().joinpath(resource).open('rb')

    def resource_path(self, resource):
        raise FileNotFoundError(resource)

    def is_resource(self, name):
        return self.files().joinpath(name).is_file()

    def contents(self):
        return iter(item.name for item in self.files().iterdir())
