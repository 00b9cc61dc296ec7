"""Conversion between Windows path names and the path part of file: URLs.

urllib.request used this module on Windows; it is deprecated: call
urllib.request.url2pathname() and pathname2url() instead.
"""

import warnings

warnings._deprecated(
    __name__,
    message=f"{warnings._DEPRECATED_MSG}; use 'urllib.request' instead",
    remove=(3, 19))


def url2pathname(url):
    """Convert the path part of a file: URL to a Windows path.

    '///C:/foo/bar' and the older '///C|/foo/bar' both become
    'C:\\foo\\bar'; '//server/share/x' becomes '\\\\server\\share\\x'."""
    import sys
    import urllib.parse
    if url[:3] == '///':
        # An empty authority: the path starts at the third slash.
        url = url[2:]
    elif url[:12] == '//localhost/':
        url = url[11:]
    if url[:3] == '///':
        # A UNC path written with an extra slash ('/////server/share').
        url = url[1:]
    elif url[:1] == '/' and url[2:3] in (':', '|'):
        # '/C:/x': the slash before a drive letter is not part of the path.
        url = url[1:]
    if url[1:2] == '|':
        url = url[:1] + ':' + url[2:]
    return urllib.parse.unquote(url.replace('/', '\\'),
                                encoding=sys.getfilesystemencoding(),
                                errors=sys.getfilesystemencodeerrors())


def pathname2url(p):
    """Convert a Windows path to the percent-encoded path part of a file:
    URL: 'C:\\foo\\bar' becomes '///C:/foo/bar', a UNC path
    '\\\\server\\share\\x' becomes '//server/share/x'."""
    import ntpath
    import sys
    import urllib.parse
    encoding = sys.getfilesystemencoding()
    errors = sys.getfilesystemencodeerrors()
    p = p.replace('\\', '/')
    # Literal paths ('\\?\C:\x', '\\?\UNC\server\share') lose the prefix.
    if p[:4] == '//?/':
        p = p[4:]
        if p[:4].upper() == 'UNC/':
            p = '//' + p[4:]
    drive, root, tail = ntpath.splitroot(p)
    if drive:
        if drive[1:] == ':':
            # A drive letter follows an empty authority: '///C:'.
            drive = '///' + drive
        drive = urllib.parse.quote(drive, safe='/:', encoding=encoding,
                                   errors=errors)
    elif root:
        # A rooted path gets an explicit empty authority.
        root = '//' + root
    tail = urllib.parse.quote(tail, encoding=encoding, errors=errors)
    return drive + root + tail
