"""Import Python modules from ZIP archives.

A sys.path entry naming a ZIP file (or a directory inside one, as
"archive.zip/lib") is served by a zipimporter: it finds modules and
packages among the archive's members, loading their source or their
compiled .pyc (when it matches the source's timestamp).  Only stored and
deflated members can be read; ZIP64 archives are supported.

Thread safety: the table of contents of each archive is read once and
published in _zip_directory_cache (a plain dict: one store per archive);
two threads reading the same archive at once may both parse it, and the
last one wins with identical contents.
"""

import marshal
import sys
import time
import _io
# Imported now: find_spec runs inside imports and must import nothing.
from importlib.machinery import ModuleSpec
from importlib.util import MAGIC_NUMBER, decode_source, spec_from_loader

__all__ = ['ZipImportError', 'zipimporter']

path_sep = '/'
alt_path_sep = ''


class ZipImportError(ImportError):
    """An archive that cannot be used, or a member that cannot be read."""


# archive path -> {member path with os separators: directory entry}
_zip_directory_cache = {}

_END_OF_CENTRAL_DIR = b'PK\x05\x06'
_END_OF_CENTRAL_DIR_SIZE = 22
_ZIP64_END_LOCATOR = b'PK\x06\x07'
_ZIP64_END = b'PK\x06\x06'
_CENTRAL_DIR_ENTRY = b'PK\x01\x02'
_LOCAL_HEADER = b'PK\x03\x04'
_MAX_COMMENT = 0xFFFF


def _unpack(data, offset, size):
    return int.from_bytes(data[offset:offset + size], 'little')


class zipimporter:
    """zipimporter(archivepath) -> a path entry finder and loader for the
    modules inside a ZIP archive (optionally below a directory of it)."""

    def __init__(self, path):
        if not isinstance(path, str):
            raise TypeError(f"expected str, not {type(path)!r}")
        if not path:
            raise ZipImportError('archive path is empty', path=path)
        prefix = []
        while True:
            try:
                st = _stat(path)
            except (OSError, ValueError):
                # A missing path may be a directory inside an archive.
                dirname, basename = _split(path)
                if dirname == path:
                    raise ZipImportError('not a Zip file', path=path)
                path = dirname
                prefix.append(basename)
            else:
                if (st.st_mode & 0o170000) != 0o100000:
                    raise ZipImportError('not a Zip file', path=path)
                break
        try:
            files = _zip_directory_cache[path]
        except KeyError:
            files = _read_directory(path)
            _zip_directory_cache[path] = files
        self._files = files
        self.archive = path
        self.prefix = _join(*prefix[::-1])
        if self.prefix:
            self.prefix += path_sep

    # -- finder --

    def find_spec(self, fullname, target=None):
        """A module spec for `fullname` from this archive, a namespace
        portion for a directory without __init__, or None."""
        info = _module_info(self, fullname)
        if info is not None:
            return spec_from_loader(fullname, self, is_package=info)
        modpath = _module_path(self, fullname)
        if _is_dir(self, modpath):
            path = f'{self.archive}{path_sep}{modpath}'
            spec = ModuleSpec(name=fullname, loader=None, is_package=True)
            spec.submodule_search_locations.append(path)
            return spec
        return None

    def invalidate_caches(self):
        """Re-read the archive's table of contents."""
        try:
            self._files = _read_directory(self.archive)
            _zip_directory_cache[self.archive] = self._files
        except ZipImportError:
            _zip_directory_cache.pop(self.archive, None)
            self._files = {}

    # -- loader --

    def get_code(self, fullname):
        """The code object of module `fullname`."""
        code, ispackage, modpath = _get_module_code(self, fullname)
        return code

    def get_data(self, pathname):
        """The bytes of archive member `pathname` (absolute or relative to
        the archive); OSError when absent."""
        if alt_path_sep:
            pathname = pathname.replace(alt_path_sep, path_sep)
        key = pathname
        if pathname.startswith(self.archive + path_sep):
            key = pathname[len(self.archive + path_sep):]
        try:
            toc_entry = self._files[key]
        except KeyError:
            raise OSError(0, '', key)
        return _get_data(self.archive, toc_entry)

    def get_filename(self, fullname):
        """The path __file__ would have for `fullname`."""
        code, ispackage, modpath = _get_module_code(self, fullname)
        return modpath

    def get_source(self, fullname):
        """The source of `fullname` as str, or None when only compiled
        code is in the archive."""
        mi = _module_info(self, fullname)
        if mi is None:
            raise ZipImportError(f"can't find module {fullname!r}",
                                 name=fullname)
        path = _module_path(self, fullname)
        fullpath = _join(path, '__init__.py') if mi else f'{path}.py'
        try:
            toc_entry = self._files[fullpath]
        except KeyError:
            return None
        return decode_source(_get_data(self.archive, toc_entry))

    def is_package(self, fullname):
        """Whether `fullname` is a package in this archive."""
        mi = _module_info(self, fullname)
        if mi is None:
            raise ZipImportError(f"can't find module {fullname!r}",
                                 name=fullname)
        return mi

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        """Run the module's code in its namespace."""
        code = self.get_code(module.__spec__.name)
        exec(code, module.__dict__)

    def load_module(self, fullname):
        """Deprecated: import `fullname` and return it (use exec_module)."""
        import warnings
        warnings.warn("zipimport.zipimporter.load_module() is deprecated and "
                      "slated for removal in Python 3.15; use exec_module() "
                      "instead", DeprecationWarning, stacklevel=2)
        code, ispackage, modpath = _get_module_code(self, fullname)
        module = sys.modules.get(fullname)
        if module is None or not isinstance(module, type(sys)):
            module = type(sys)(fullname)
            sys.modules[fullname] = module
        module.__loader__ = self
        try:
            if ispackage:
                path = _module_path(self, fullname)
                module.__path__ = [_join(self.archive, path)]
            if not hasattr(module, '__builtins__'):
                module.__builtins__ = __builtins__
            module.__file__ = modpath
            exec(code, module.__dict__)
        except BaseException:
            del sys.modules[fullname]
            raise
        return sys.modules[fullname]

    def get_resource_reader(self, fullname):
        """A reader of the package's data files (importlib.resources)."""
        try:
            if not self.is_package(fullname):
                return None
        except ZipImportError:
            return None
        return _ResourceReader(self, fullname)

    def __repr__(self):
        return f'<zipimporter object "{self.archive}{path_sep}{self.prefix}">'


class _ResourceReader:
    """The importlib.resources reader of a package in an archive: its
    files are a zipfile.Path rooted at the package's directory."""

    def __init__(self, importer, fullname):
        self._archive = importer.archive
        self._directory = _module_path(importer, fullname) + path_sep

    def files(self):
        import zipfile
        return zipfile.Path(self._archive, at=self._directory)

    def open_resource(self, resource):
        return self.files().joinpath(resource).open('rb')

    def resource_path(self, resource):
        # Members have no path in the file system.
        raise FileNotFoundError(resource)

    def is_resource(self, name):
        return self.files().joinpath(name).is_file()

    def contents(self):
        return iter(item.name for item in self.files().iterdir())


# ---- paths ---------------------------------------------------------------------

def _stat(path):
    import posix
    return posix.stat(path)


def _split(path):
    head, sep, tail = path.rpartition(path_sep)
    if not sep:
        return path, ''
    return head or path_sep, tail


def _join(*parts):
    return path_sep.join(part.rstrip(path_sep) for part in parts if part)


# (suffix, is package, is bytecode), in search order.
_zip_searchorder = (
    (path_sep + '__init__.pyc', True, True),
    (path_sep + '__init__.py', True, False),
    ('.pyc', False, True),
    ('.py', False, False),
)


def _module_path(self, fullname):
    return self.prefix + fullname.rpartition('.')[2]


def _is_dir(self, path):
    return path + path_sep in self._files


def _module_info(self, fullname):
    """True (package), False (module) or None (not in the archive)."""
    path = _module_path(self, fullname)
    for suffix, ispackage, isbytecode in _zip_searchorder:
        if path + suffix in self._files:
            return ispackage
    return None


# ---- the archive's directory ----------------------------------------------------

def _read_directory(archive):
    """Map every member to (archive path, compression, compressed size,
    size, local header offset, time, date, crc)."""
    try:
        fp = _io.open_code(archive)
    except OSError:
        raise ZipImportError(f"can't open Zip file: {archive!r}", path=archive)
    with fp:
        try:
            fp.seek(0, 2)
            file_size = fp.tell()
            if file_size < _END_OF_CENTRAL_DIR_SIZE:
                raise OSError("too short for a ZIP archive")
            start = max(file_size - _END_OF_CENTRAL_DIR_SIZE - _MAX_COMMENT, 0)
            fp.seek(start)
            tail = fp.read()
        except OSError:
            raise ZipImportError(f"can't read Zip file: {archive!r}",
                                 path=archive)
        pos = tail.rfind(_END_OF_CENTRAL_DIR)
        if pos < 0 or len(tail) - pos < _END_OF_CENTRAL_DIR_SIZE:
            raise ZipImportError(f'not a Zip file: {archive!r}', path=archive)
        end = tail[pos:pos + _END_OF_CENTRAL_DIR_SIZE]
        header_end = start + pos
        count = _unpack(end, 10, 2)
        dir_size = _unpack(end, 12, 4)
        dir_offset = _unpack(end, 16, 4)
        locator = tail[pos - 20:pos] if pos >= 20 else b''
        if locator[:4] == _ZIP64_END_LOCATOR:
            fp.seek(_unpack(locator, 8, 8))
            record = fp.read(56)
            if record[:4] != _ZIP64_END:
                raise ZipImportError(f"bad Zip64 header: {archive!r}",
                                     path=archive)
            count = _unpack(record, 32, 8)
            dir_size = _unpack(record, 40, 8)
            dir_offset = _unpack(record, 48, 8)
            header_end = _unpack(locator, 8, 8)
        if header_end < dir_size:
            raise ZipImportError(f"bad central directory size: {archive!r}",
                                 path=archive)
        # Data may be preceded by other bytes (a launcher script): the
        # offsets in the directory are then relative to the archive start.
        arc_offset = header_end - dir_size - dir_offset
        if arc_offset < 0:
            raise ZipImportError(f"bad central directory offset: {archive!r}",
                                 path=archive)
        fp.seek(header_end - dir_size)
        directory = fp.read(dir_size)
    return _parse_directory(archive, directory, count, arc_offset)


def _parse_directory(archive, directory, count, arc_offset):
    files = {}
    pos = 0
    for _ in range(count):
        header = directory[pos:pos + 46]
        if len(header) < 46 or header[:4] != _CENTRAL_DIR_ENTRY:
            raise ZipImportError(f'bad central directory: {archive!r}',
                                 path=archive)
        flags = _unpack(header, 8, 2)
        compress = _unpack(header, 10, 2)
        mtime = _unpack(header, 12, 2)
        mdate = _unpack(header, 14, 2)
        crc = _unpack(header, 16, 4)
        data_size = _unpack(header, 20, 4)
        file_size = _unpack(header, 24, 4)
        name_size = _unpack(header, 28, 2)
        extra_size = _unpack(header, 30, 2)
        comment_size = _unpack(header, 32, 2)
        file_offset = _unpack(header, 42, 4)
        pos += 46
        raw_name = directory[pos:pos + name_size]
        extra = directory[pos + name_size:pos + name_size + extra_size]
        pos += name_size + extra_size + comment_size
        if 0xFFFFFFFF in (data_size, file_size, file_offset):
            file_size, data_size, file_offset = _zip64_sizes(
                extra, file_size, data_size, file_offset)
        if flags & 0x800:
            name = raw_name.decode('utf-8', 'surrogateescape')
        else:
            name = _decode_cp437(raw_name)
        name = name.replace('/', path_sep)
        path = _join(archive, name)
        files[name] = (path, compress, data_size, file_size,
                       file_offset + arc_offset, mtime, mdate, crc)
        # Directories are implied by members below them.
        parent = name.rstrip(path_sep)
        while path_sep in parent:
            parent = parent.rpartition(path_sep)[0]
            files.setdefault(parent + path_sep, (
                _join(archive, parent) + path_sep, 0, 0, 0, 0, 0, 0, 0))
    return files


# The upper half of code page 437, the encoding of member names not
# flagged as UTF-8.  Kept here because a codec lookup would import from
# sys.path, which may be this very archive being read.
_CP437_HIGH = 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\xa0'


def _decode_cp437(raw):
    if raw.isascii():
        return raw.decode('ascii')
    return ''.join(chr(b) if b < 128 else _CP437_HIGH[b - 128] for b in raw)


def _zip64_sizes(extra, file_size, data_size, file_offset):
    """Values stored as 0xFFFFFFFF come from the ZIP64 extra field, in the
    order uncompressed size, compressed size, offset."""
    pos = 0
    while pos + 4 <= len(extra):
        tag = _unpack(extra, pos, 2)
        size = _unpack(extra, pos + 2, 2)
        if tag == 1:
            field = extra[pos + 4:pos + 4 + size]
            index = 0
            if file_size == 0xFFFFFFFF:
                file_size = _unpack(field, index, 8)
                index += 8
            if data_size == 0xFFFFFFFF:
                data_size = _unpack(field, index, 8)
                index += 8
            if file_offset == 0xFFFFFFFF:
                file_offset = _unpack(field, index, 8)
            break
        pos += 4 + size
    return file_size, data_size, file_offset


def _get_data(archive, toc_entry):
    """The uncompressed bytes of one member."""
    datapath, compress, data_size, file_size, file_offset, _, _, _ = toc_entry
    if data_size < 0:
        raise ZipImportError('negative data size')
    with _io.open_code(archive) as fp:
        try:
            fp.seek(file_offset)
        except OSError:
            raise ZipImportError(f"can't read Zip file: {archive!r}",
                                 path=archive)
        buffer = fp.read(30)
        if len(buffer) != 30:
            raise EOFError('EOF read where not expected')
        if buffer[:4] != _LOCAL_HEADER:
            raise ZipImportError(f'bad local file header: {archive!r}',
                                 path=archive)
        name_size = _unpack(buffer, 26, 2)
        extra_size = _unpack(buffer, 28, 2)
        fp.seek(file_offset + 30 + name_size + extra_size)
        raw_data = fp.read(data_size)
        if len(raw_data) != data_size:
            raise OSError("zipimport: can't read data")
    if compress == 0:
        return raw_data
    if compress != 8:
        raise ZipImportError(f'unsupported compression method {compress}')
    try:
        import zlib
    except ImportError:
        raise ZipImportError("can't decompress data; zlib not available")
    return zlib.decompress(raw_data, -15)


# ---- code --------------------------------------------------------------------

def _dos_time(mdate, mtime):
    """A member's DOS date and time as seconds since the epoch (local)."""
    return time.mktime((
        (mdate >> 9) + 1980, (mdate >> 5) & 0xF, mdate & 0x1F,
        mtime >> 11, (mtime >> 5) & 0x3F, (mtime & 0x1F) * 2,
        -1, -1, -1))


def _source_mtime(self, path):
    """The DOS timestamp of the .py beside a .pyc path, or 0."""
    try:
        entry = self._files[path[:-1]]
    except KeyError:
        return 0
    return _dos_time(entry[6], entry[5])


def _unmarshal_code(self, pathname, fullpath, fullname, data):
    """The code object of a .pyc's bytes, or None when stale."""
    if len(data) < 16 or data[:4] != MAGIC_NUMBER:
        return None
    flags = _unpack(data, 4, 4)
    if flags & ~0b11:
        raise ImportError(f"invalid flags {flags!r} in {fullname!r}",
                          name=fullname, path=pathname)
    if flags == 0:
        source_mtime = _source_mtime(self, fullpath)
        if source_mtime:
            stored = _unpack(data, 8, 4)
            # DOS times have a two-second resolution.
            if abs(stored - source_mtime) > 1:
                return None
    code = marshal.loads(data[16:])
    if not isinstance(code, type(_unmarshal_code.__code__)):
        raise TypeError(f'compiled module {pathname!r} is not a code object')
    return code


def _get_module_code(self, fullname):
    """(code, is package, path) of `fullname`: a fresh .pyc first, else
    the source compiled."""
    path = _module_path(self, fullname)
    import_error = None
    for suffix, ispackage, isbytecode in _zip_searchorder:
        fullpath = path + suffix
        try:
            toc_entry = self._files[fullpath]
        except KeyError:
            continue
        modpath = toc_entry[0]
        data = _get_data(self.archive, toc_entry)
        code = None
        if isbytecode:
            try:
                code = _unmarshal_code(self, modpath, fullpath, fullname, data)
            except ImportError as exc:
                import_error = exc
        else:
            code = compile(_normalize_line_endings(data), modpath, 'exec',
                           dont_inherit=True)
        if code is None:
            continue
        return code, ispackage, toc_entry[0]
    if import_error:
        raise ZipImportError(f"module load failed: {import_error}",
                             name=fullname) from import_error
    raise ZipImportError(f"can't find module {fullname!r}", name=fullname)


def _normalize_line_endings(source):
    return source.replace(b'\r\n', b'\n').replace(b'\r', b'\n')


def _replace_startup_hook():
    """Until this module is imported, sys.path_hooks holds a small C hook
    that imports it on demand (Python/import_finders.c); once it is
    imported, the class itself takes that place, as in CPython."""
    hooks = sys.path_hooks
    for index, hook in enumerate(hooks):
        if getattr(hook, '__name__', None) == 'zipimporter_hook' and \
                type(hook) is type(len):
            hooks[index] = zipimporter


_replace_startup_hook()
