"""Create executable ZIP archives of Python code (zipapps), runnable as
`python app.pyz` or directly when given an interpreter line."""

import contextlib
import os
import pathlib
import shutil
import stat
import sys
import zipfile

__all__ = ['ZipAppError', 'create_archive', 'get_interpreter']

# The __main__.py written when `main` names an entry point 'pkg.mod:fn'.
MAIN_TEMPLATE = """\
# -*- coding: utf-8 -*-
import {module}
{module}.{fn}()
"""

shebang_encoding = 'utf-8'


class ZipAppError(ValueError):
    """A zipapp cannot be built as asked."""


@contextlib.contextmanager
def _maybe_open(archive, mode):
    if isinstance(archive, (str, os.PathLike)):
        with open(archive, mode) as file:
            yield file
    else:
        yield archive


def _write_file_prefix(file, interpreter):
    """The '#!interpreter' line, if any."""
    if interpreter:
        shebang = b'#!' + interpreter.encode(shebang_encoding) + b'\n'
        file.write(shebang)


def _copy_archive(archive, new_archive, interpreter=None):
    """Copy `archive`, replacing its interpreter line."""
    with _maybe_open(archive, 'rb') as src:
        first_2 = src.read(2)
        if first_2 == b'#!':
            src.readline()
            first_2 = b''
        with _maybe_open(new_archive, 'wb') as dst:
            _write_file_prefix(dst, interpreter)
            dst.write(first_2)
            shutil.copyfileobj(src, dst)
    if interpreter and isinstance(new_archive, str):
        os.chmod(new_archive, os.stat(new_archive).st_mode | stat.S_IEXEC)


def create_archive(source, target=None, interpreter=None, main=None,
                   filter=None, compressed=False):
    """Build an application archive from the directory `source` (or copy
    an existing archive with a new interpreter line).

    target: file name or writable binary file (default: source + '.pyz');
    interpreter: the '#!' line; main: 'pkg.mod:fn' for a generated
    __main__.py (required when the directory has none, refused when it has
    one); filter: called with each path relative to source, keeps the
    files for which it returns true; compressed: deflate the members.
    """
    source_is_file = False
    if hasattr(source, 'read') and hasattr(source, 'readline'):
        source_is_file = True
    else:
        source = pathlib.Path(source)
        if source.is_file():
            source_is_file = True
    if source_is_file:
        _copy_archive(source, target, interpreter)
        return

    if not source.exists():
        raise ZipAppError("Source does not exist")
    has_main = (source / '__main__.py').is_file()
    if main and has_main:
        raise ZipAppError(
            "Cannot specify entry point if the source has __main__.py")
    if not (main or has_main):
        raise ZipAppError("Archive has no entry point")

    main_py = None
    if main:
        mod, sep, fn = main.partition(':')
        mod_ok = all(part.isidentifier() for part in mod.split('.'))
        fn_ok = all(part.isidentifier() for part in fn.split('.'))
        if not (sep == ':' and mod_ok and fn_ok):
            raise ZipAppError("Invalid entry point: " + main)
        main_py = MAIN_TEMPLATE.format(module=mod, fn=fn)

    if target is None:
        target = source.with_suffix('.pyz')
    elif not hasattr(target, 'write'):
        target = pathlib.Path(target)

    # The archive being written must not include itself.
    files_to_add = {}
    for path in sorted(source.rglob('*')):
        relative_path = path.relative_to(source)
        if filter is None or filter(relative_path):
            files_to_add[path] = relative_path

    with _maybe_open(target, 'wb') as fd:
        _write_file_prefix(fd, interpreter)
        compression = zipfile.ZIP_DEFLATED if compressed else zipfile.ZIP_STORED
        with zipfile.ZipFile(fd, 'w', compression=compression) as z:
            for path, relative_path in files_to_add.items():
                if not hasattr(target, 'write') and path.resolve() == \
                        pathlib.Path(target).resolve():
                    continue
                z.write(path, relative_path.as_posix())
            if main_py:
                z.writestr('__main__.py', main_py.encode('utf-8'))

    if interpreter and not hasattr(target, 'write'):
        target.chmod(target.stat().st_mode | stat.S_IEXEC)


def get_interpreter(archive):
    """The interpreter named by the archive's '#!' line, or None."""
    with _maybe_open(archive, 'rb') as file:
        if file.read(2) == b'#!':
            return file.readline().strip().decode(shebang_encoding)
    return None


def main(args=None):
    """The command line: python -m zipapp SOURCE [-o OUTPUT] [-p INTERPRETER]
    [-m MAIN] [-c] [--info]."""
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument('--output', '-o', default=None,
                        help="The name of the output archive. "
                             "Required if SOURCE is an archive.")
    parser.add_argument('--python', '-p', default=None,
                        help="The name of the Python interpreter to use "
                             "(default: no shebang line).")
    parser.add_argument('--main', '-m', default=None,
                        help="The main function of the application "
                             "(default: use an existing __main__.py).")
    parser.add_argument('--compress', '-c', action='store_true',
                        help="Compress files with the deflate method. "
                             "Files are stored uncompressed by default.")
    parser.add_argument('--info', default=False, action='store_true',
                        help="Display the interpreter from the archive.")
    parser.add_argument('source',
                        help="Source directory (or existing archive).")

    args = parser.parse_args(args)

    if args.info:
        if not os.path.isfile(args.source):
            raise SystemExit("Can only get info for an archive file")
        interpreter = get_interpreter(args.source)
        print("Interpreter: {}".format(interpreter or "<none>"))
        sys.exit(0)

    if os.path.isfile(args.source):
        if args.output is None or (os.path.exists(args.output) and
                                   os.path.samefile(args.source, args.output)):
            raise SystemExit("In-place editing of archives is not supported")
        if args.main:
            raise SystemExit("Cannot change the main function when copying")

    create_archive(args.source, args.output,
                   interpreter=args.python, main=args.main,
                   compressed=args.compress)


if __name__ == '__main__':
    main()
