"""Map file names and URLs to MIME types, and MIME types to extensions.

The answers come from a table built into this module; system files such as
/etc/mime.types are read too, but only add extensions and types the built-in
table lacks, so a given name gets the same answer on every machine.

Module functions use one shared MimeTypes database created by init().
"""

import os
import posixpath
import sys
import threading
import urllib.parse

__all__ = [
    'knownfiles', 'inited', 'MimeTypes',
    'guess_type', 'guess_file_type', 'guess_all_extensions',
    'guess_extension', 'add_type', 'init', 'read_mime_types',
    'suffix_map', 'encodings_map', 'types_map', 'common_types',
]

knownfiles = [
    '/etc/mime.types',
    '/etc/httpd/mime.types',
    '/etc/httpd/conf/mime.types',
    '/etc/apache/mime.types',
    '/etc/apache2/mime.types',
    '/usr/local/etc/httpd/conf/mime.types',
    '/usr/local/lib/netscape/mime.types',
    '/usr/local/etc/mime.types',
]

inited = False
_db = None
# Serializes init(): the shared database and the module tables are
# rebound together, and threads may call guess_type() (which initializes
# on first use) in parallel.  Readers see either the old or the new
# database object, both complete.
_init_lock = threading.RLock()


def _default_suffix_map():
    return {
        '.svgz': '.svg.gz',
        '.tgz': '.tar.gz',
        '.taz': '.tar.gz',
        '.tz': '.tar.gz',
        '.tbz2': '.tar.bz2',
        '.txz': '.tar.xz',
    }


def _default_encodings_map():
    return {
        '.gz': 'gzip',
        '.Z': 'compress',
        '.bz2': 'bzip2',
        '.xz': 'xz',
        '.br': 'br',
        '.zst': 'zstd',
    }


# The strict table: types registered with IANA.  Where one type has several
# extensions, the first one listed is the one guess_extension() returns.
_STRICT_TYPES = [
    ('application/json', '.json'),
    ('application/manifest+json', '.webmanifest'),
    ('application/msword', '.doc .dot .wiz'),
    ('application/n-quads', '.nq'),
    ('application/n-triples', '.nt'),
    ('application/octet-stream', '.bin .a .dll .exe .o .obj .so'),
    ('application/oda', '.oda'),
    ('application/ogg', '.ogx'),
    ('application/pdf', '.pdf'),
    ('application/pkcs7-mime', '.p7c'),
    ('application/postscript', '.ps .ai .eps'),
    ('application/trig', '.trig'),
    ('application/vnd.apple.mpegurl', '.m3u .m3u8'),
    ('application/vnd.ms-excel', '.xls .xlb'),
    ('application/vnd.ms-fontobject', '.eot'),
    ('application/vnd.ms-powerpoint', '.ppt .pot .ppa .pps .pwz'),
    ('application/vnd.oasis.opendocument.graphics', '.odg'),
    ('application/vnd.oasis.opendocument.presentation', '.odp'),
    ('application/vnd.oasis.opendocument.spreadsheet', '.ods'),
    ('application/vnd.oasis.opendocument.text', '.odt'),
    ('application/vnd.openxmlformats-officedocument.presentationml.presentation',
     '.pptx'),
    ('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
     '.xlsx'),
    ('application/vnd.openxmlformats-officedocument.wordprocessingml.document',
     '.docx'),
    ('application/vnd.rar', '.rar'),
    ('application/wasm', '.wasm'),
    ('application/x-7z-compressed', '.7z'),
    ('application/x-bcpio', '.bcpio'),
    ('application/x-cpio', '.cpio'),
    ('application/x-csh', '.csh'),
    ('application/x-debian-package', '.deb'),
    ('application/x-dvi', '.dvi'),
    ('application/x-gtar', '.gtar'),
    ('application/x-hdf', '.hdf'),
    ('application/x-hdf5', '.h5'),
    ('application/x-latex', '.latex'),
    ('application/x-mif', '.mif'),
    ('application/x-netcdf', '.cdf .nc'),
    ('application/x-pkcs12', '.p12 .pfx'),
    ('application/x-pn-realaudio', '.ram'),
    ('application/x-python-code', '.pyc .pyo'),
    ('application/x-rpm', '.rpm'),
    ('application/x-sh', '.sh'),
    ('application/x-shar', '.shar'),
    ('application/x-shockwave-flash', '.swf'),
    ('application/x-sv4cpio', '.sv4cpio'),
    ('application/x-sv4crc', '.sv4crc'),
    ('application/x-tar', '.tar'),
    ('application/x-tcl', '.tcl'),
    ('application/x-tex', '.tex'),
    ('application/x-texinfo', '.texi .texinfo'),
    ('application/x-troff', '.roff .t .tr'),
    ('application/x-troff-man', '.man'),
    ('application/x-troff-me', '.me'),
    ('application/x-troff-ms', '.ms'),
    ('application/x-ustar', '.ustar'),
    ('application/x-wais-source', '.src'),
    ('application/xml', '.xsl .rdf .wsdl .xpdl'),
    ('application/xhtml+xml', '.xhtml .xht'),
    ('application/zip', '.zip'),
    ('audio/3gpp', '.3gp .3gpp'),
    ('audio/3gpp2', '.3g2 .3gpp2'),
    ('audio/aac', '.aac .adts .loas .ass'),
    ('audio/basic', '.au .snd'),
    ('audio/flac', '.flac'),
    ('audio/matroska', '.mka'),
    ('audio/mp4', '.m4a'),
    ('audio/mpeg', '.mp3 .mp2'),
    ('audio/ogg', '.ogg'),
    ('audio/opus', '.opus'),
    ('audio/x-aiff', '.aif .aifc .aiff'),
    ('audio/x-pn-realaudio', '.ra'),
    ('audio/vnd.wave', '.wav'),
    ('audio/webm', '.weba'),
    ('font/otf', '.otf'),
    ('font/ttf', '.ttf'),
    ('font/woff', '.woff'),
    ('font/woff2', '.woff2'),
    ('image/avif', '.avif'),
    ('image/bmp', '.bmp'),
    ('image/emf', '.emf'),
    ('image/fits', '.fits'),
    ('image/g3fax', '.g3'),
    ('image/gif', '.gif'),
    ('image/heic', '.heic'),
    ('image/heif', '.heif'),
    ('image/ief', '.ief'),
    ('image/jp2', '.jp2'),
    ('image/jpeg', '.jpg .jpe .jpeg'),
    ('image/jpm', '.jpm'),
    ('image/jpx', '.jpx .jpf'),
    ('image/png', '.png'),
    ('image/svg+xml', '.svg'),
    ('image/tiff', '.tiff .tif'),
    ('image/vnd.microsoft.icon', '.ico'),
    ('image/webp', '.webp'),
    ('image/wmf', '.wmf'),
    ('image/x-cmu-raster', '.ras'),
    ('image/x-portable-anymap', '.pnm'),
    ('image/x-portable-bitmap', '.pbm'),
    ('image/x-portable-graymap', '.pgm'),
    ('image/x-portable-pixmap', '.ppm'),
    ('image/x-rgb', '.rgb'),
    ('image/x-xbitmap', '.xbm'),
    ('image/x-xpixmap', '.xpm'),
    ('image/x-xwindowdump', '.xwd'),
    ('message/rfc822', '.eml .mht .mhtml .nws'),
    ('model/gltf+json', '.gltf'),
    ('model/gltf-binary', '.glb'),
    ('model/stl', '.stl'),
    ('text/css', '.css'),
    ('text/csv', '.csv'),
    ('text/html', '.html .htm'),
    ('text/markdown', '.md .markdown'),
    ('text/n3', '.n3'),
    ('text/plain', '.txt .bat .c .h .ksh .pl .srt'),
    ('text/richtext', '.rtx'),
    ('text/rtf', '.rtf'),
    ('text/tab-separated-values', '.tsv'),
    ('text/vtt', '.vtt'),
    ('text/x-python', '.py'),
    ('text/x-rst', '.rst'),
    ('text/x-setext', '.etx'),
    ('text/x-sgml', '.sgm .sgml'),
    ('text/x-vcard', '.vcf'),
    ('text/xml', '.xml'),
    ('video/matroska', '.mkv'),
    ('video/matroska-3d', '.mk3d'),
    ('video/mp4', '.mp4'),
    ('video/mpeg', '.mpeg .m1v .mpa .mpe .mpg'),
    ('video/ogg', '.ogv'),
    ('video/quicktime', '.mov .qt'),
    ('video/webm', '.webm'),
    ('video/x-msvideo', '.avi'),
    ('video/x-sgi-movie', '.movie'),
]

# Only consulted when strict=False: common but unregistered types.
_COMMON_TYPES = [
    ('text/javascript', '.js'),
    ('application/rtf', '.rtf'),
    ('audio/midi', '.midi .mid'),
    ('image/jpg', '.jpg'),
    ('image/pict', '.pict .pct .pic'),
    ('image/webp', '.webp'),
    ('text/xul', '.xul'),
]


def _table(pairs):
    table = {}
    for mime, extensions in pairs:
        for ext in extensions.split():
            table[ext] = mime
    return table


def _default_types_map():
    # text/javascript replaced application/javascript as the registered
    # type for .js and .mjs (RFC 9239).
    table = _table(_STRICT_TYPES)
    table['.js'] = 'text/javascript'
    table['.mjs'] = 'text/javascript'
    return table


def _default_common_types():
    table = _table(_COMMON_TYPES)
    del table['.js']
    del table['.webp']
    return table


class MimeTypes:
    """A database of MIME types and extensions.

    types_map is a pair of dicts (non-strict, strict) mapping extensions
    to types; types_map_inv maps each type to its list of extensions.
    """

    def __init__(self, filenames=(), strict=True):
        if not inited:
            init()
        self.encodings_map = _encodings_map_default.copy()
        self.suffix_map = _suffix_map_default.copy()
        self.types_map = ({}, {})
        self.types_map_inv = ({}, {})
        for ext, mime in _types_map_default.items():
            self.add_type(mime, ext, True)
        for ext, mime in _common_types_default.items():
            self.add_type(mime, ext, False)
        for name in filenames:
            self.read(name, strict)

    def add_type(self, type, ext, strict=True):
        """Map ext (starting with a dot) to type; a later call for the
        same extension replaces the earlier mapping."""
        if ext and not ext.startswith('.'):
            raise ValueError(f'Extensions should start with a "." or be '
                             f'empty, not {ext!r}')
        if not type:
            return
        self.types_map[strict][ext] = type
        extensions = self.types_map_inv[strict].setdefault(type, [])
        if ext not in extensions:
            extensions.append(ext)

    def guess_type(self, url, strict=True):
        """Return (type, encoding) for a URL or file name.

        Either may be None.  data: URLs report their declared media type.
        """
        url = os.fspath(url)
        parts = urllib.parse.urlsplit(url)
        # A one-letter "scheme" is a Windows drive letter, not a URL scheme.
        if not parts.scheme or len(parts.scheme) == 1:
            return self.guess_file_type(url, strict=strict)
        if parts.scheme == 'data':
            return self._guess_data_url(url), None
        return self._guess_by_name(parts.path, strict, posixpath.splitext)

    def _guess_data_url(self, url):
        body = url.partition(':')[2]
        comma = body.find(',')
        if comma < 0:
            return None
        media = body[:comma].split(';', 1)[0]
        if '=' in media or '/' not in media:
            return 'text/plain'
        return media

    def guess_file_type(self, path, *, strict=True):
        """Like guess_type(), for a file system path."""
        path = os.fsdecode(path)
        path = os.path.splitdrive(path)[1]
        return self._guess_by_name(path, strict, os.path.splitext)

    def _guess_by_name(self, name, strict, splitext):
        base, ext = splitext(name)
        while ext.lower() in self.suffix_map:
            base, ext = splitext(base + self.suffix_map[ext.lower()])
        if ext in self.encodings_map:
            encoding = self.encodings_map[ext]
            base, ext = splitext(base)
        elif ext.lower() in self.encodings_map:
            encoding = self.encodings_map[ext.lower()]
            base, ext = splitext(base)
        else:
            encoding = None
        tables = [self.types_map[True]]
        if not strict:
            tables.append(self.types_map[False])
        for table in tables:
            if ext in table:
                return table[ext], encoding
            if ext.lower() in table:
                return table[ext.lower()], encoding
        return None, encoding

    def guess_all_extensions(self, type, strict=True):
        """All known extensions for type, the preferred one first."""
        type = type.lower()
        found = list(self.types_map_inv[True].get(type, ()))
        if not strict:
            for ext in self.types_map_inv[False].get(type, ()):
                if ext not in found:
                    found.append(ext)
        return found

    def guess_extension(self, type, strict=True):
        """The preferred extension for type, or None."""
        found = self.guess_all_extensions(type, strict)
        return found[0] if found else None

    def read(self, filename, strict=True):
        """Read a mime.types file."""
        with open(filename, encoding='utf-8') as fp:
            self.readfp(fp, strict)

    def readfp(self, fp, strict=True):
        """Read lines "type ext ext ..." from an open text file; '#'
        starts a comment."""
        for line in fp:
            words = line.split('#', 1)[0].split()
            if len(words) < 2:
                continue
            mime = words[0]
            for suffix in words[1:]:
                self.add_type(mime, '.' + suffix, strict)

    def read_windows_registry(self, strict=True):
        """Load types from the Windows registry; nothing to do elsewhere."""
        if not sys.platform.startswith('win'):
            return


def _read_system_file(db, filename):
    """Add the types of a system file that the built-in table lacks."""
    extra = MimeTypes.__new__(MimeTypes)
    extra.types_map = ({}, {})
    extra.types_map_inv = ({}, {})
    extra.read(filename)
    for ext, mime in extra.types_map[True].items():
        if ext not in db.types_map[True] and ext.lower() not in db.types_map[True]:
            db.add_type(mime, ext, True)


def init(files=None):
    """Build the shared database from the built-in table and the given
    mime.types files (default: knownfiles, where they exist)."""
    global inited, _db, suffix_map, encodings_map, types_map, common_types
    with _init_lock:
        _init_locked(files)


def _init_locked(files):
    global inited, _db, suffix_map, encodings_map, types_map, common_types
    inited = True
    db = MimeTypes()
    if files is None:
        for name in knownfiles:
            if os.path.isfile(name):
                try:
                    _read_system_file(db, name)
                except (OSError, UnicodeDecodeError):
                    pass
    else:
        for name in files:
            db.read(name)
    suffix_map = db.suffix_map
    encodings_map = db.encodings_map
    types_map = db.types_map[True]
    common_types = db.types_map[False]
    _db = db


def read_mime_types(file):
    """The mapping of extensions to types in one mime.types file, or None
    if it cannot be read."""
    try:
        fp = open(file, encoding='utf-8')
    except OSError:
        return None
    with fp:
        db = MimeTypes.__new__(MimeTypes)
        db.types_map = ({}, {})
        db.types_map_inv = ({}, {})
        db.readfp(fp, True)
        return db.types_map[True]


def _shared():
    db = _db
    if db is None:
        with _init_lock:
            if _db is None:
                init()
            db = _db
    return db


def guess_type(url, strict=True):
    return _shared().guess_type(url, strict)


def guess_file_type(path, *, strict=True):
    return _shared().guess_file_type(path, strict=strict)


def guess_all_extensions(type, strict=True):
    return _shared().guess_all_extensions(type, strict)


def guess_extension(type, strict=True):
    return _shared().guess_extension(type, strict)


def add_type(type, ext, strict=True):
    return _shared().add_type(type, ext, strict)


for _fn, _doc in ((guess_type, MimeTypes.guess_type),
                  (guess_file_type, MimeTypes.guess_file_type),
                  (guess_all_extensions, MimeTypes.guess_all_extensions),
                  (guess_extension, MimeTypes.guess_extension),
                  (add_type, MimeTypes.add_type)):
    _fn.__doc__ = _doc.__doc__
del _fn, _doc


# The built-in defaults, kept apart from the shared database so that each
# new MimeTypes starts from them and not from later add_type() calls.
_suffix_map_default = _default_suffix_map()
_encodings_map_default = _default_encodings_map()
_types_map_default = _default_types_map()
_common_types_default = _default_common_types()
suffix_map = _suffix_map_default.copy()
encodings_map = _encodings_map_default.copy()
types_map = _types_map_default.copy()
common_types = _common_types_default.copy()


def _main(args=None):
    import argparse
    parser = argparse.ArgumentParser(
        prog='python -m mimetypes',
        description='map filename extensions to MIME types')
    parser.add_argument('-e', '--extension', action='store_true',
                        help='guess extension instead of type')
    parser.add_argument('-l', '--lenient', action='store_true',
                        help='additionally search for common but '
                             'non-standard types')
    parser.add_argument('type', nargs='+', help='a type to search')
    options = parser.parse_args(args)
    strict = not options.lenient
    status = 0
    for item in options.type:
        if options.extension:
            ext = guess_extension(item, strict)
            if ext is None:
                print(f'error: unknown type {item}')
                status = 1
            else:
                print(ext)
        else:
            mime, encoding = guess_type(item, strict)
            if mime is None:
                print(f'error: media type unknown for {item}')
                status = 1
            else:
                print(f'type: {mime} encoding: {encoding}')
    return status


if __name__ == '__main__':
    sys.exit(_main())
