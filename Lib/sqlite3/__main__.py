"""python -m sqlite3 [-h] [-v] [filename] [sql]: a small SQLite shell.

With sql, run it and print each result row; otherwise read statements
from standard input until .quit or end of file.  Lines starting with a
dot are shell commands (.help lists them)."""

import sqlite3
import sys
from argparse import ArgumentParser


def execute(connection, sql, suppress_errors=True):
    """Run sql and print its rows; report an sqlite3.Error on stderr and,
    unless suppress_errors, exit with status 1."""
    try:
        for row in connection.execute(sql):
            print(row)
    except sqlite3.Error as exc:
        kind = type(exc).__name__
        name = getattr(exc, "sqlite_errorname", None)
        if name is not None:
            print(f"{kind} ({name}): {exc}", file=sys.stderr)
        else:
            print(f"{kind}: {exc}", file=sys.stderr)
        if not suppress_errors:
            sys.exit(1)


_COMMANDS = {
    ".version": "Print underlying SQLite library version",
    ".help": "Print this help message",
    ".quit": "Exit the CLI, equivalent to CTRL-D",
}


def _help(topic=None):
    if topic:
        key = topic if topic.startswith(".") else "." + topic
        if key in _COMMANDS:
            print(f"{key}: {_COMMANDS[key]}")
        else:
            print(f'Error: unknown command: "{topic}"')
        return
    print("Enter SQL code or one of the below commands, and press enter.\n")
    for command, text in _COMMANDS.items():
        print(f"{command:<10}{text}")


def _run_command(line):
    """Handle a dot command; return False when the shell should stop."""
    words = line.split()
    command = words[0]
    if command == ".quit" and len(words) == 1:
        return False
    if command == ".version" and len(words) == 1:
        print(sqlite3.sqlite_version)
    elif command == ".help" and len(words) <= 2:
        _help(words[1] if len(words) == 2 else None)
    else:
        print(f'Error: unknown command or invalid arguments: '
              f'"{line.strip()[1:]}". Enter ".help" for help',
              file=sys.stderr)
    return True


def interact(connection):
    """Read statements until .quit or end of input.  A statement may span
    several lines; it runs once sqlite3.complete_statement() says so.

    As CPython's shell (an interactive console), it prompts on stdout
    through input() whether or not stdin is a terminal, and ends the
    session with a newline on stderr, dropping an unfinished statement."""
    buffered = []
    while True:
        prompt = "    ... " if buffered else "sqlite> "
        try:
            line = input(prompt)
        except EOFError:
            print(file=sys.stderr)
            break
        except KeyboardInterrupt:
            print("\nKeyboardInterrupt", file=sys.stderr)
            buffered.clear()
            continue
        if not buffered and line.lstrip().startswith("."):
            if not _run_command(line.strip()):
                break
            continue
        buffered.append(line)
        source = "\n".join(buffered)
        if sqlite3.complete_statement(source):
            buffered.clear()
            execute(connection, source)


def main(*args):
    parser = ArgumentParser(
        description="Python sqlite3 CLI",
        prog="python -m sqlite3",
    )
    parser.add_argument(
        "filename", type=str, default=":memory:", nargs="?",
        help=("SQLite database to open (defaults to ':memory:'). "
              "A new database is created if the file does not previously "
              "exist."),
    )
    parser.add_argument(
        "sql", type=str, nargs="?",
        help=("An SQL query to execute. "
              "Any returned rows are printed to stdout."),
    )
    parser.add_argument(
        "-v", "--version", action="version",
        version=f"SQLite version {sqlite3.sqlite_version}",
        help="Print underlying SQLite library version",
    )
    options = parser.parse_args(*args)
    if options.filename == ":memory:":
        where = "a transient in-memory database"
    else:
        where = repr(options.filename)

    connection = sqlite3.connect(options.filename, isolation_level=None)
    try:
        if options.sql:
            execute(connection, options.sql, suppress_errors=False)
        else:
            # The banner goes to stderr, as an interactive console's does.
            print(f"sqlite3 shell, running on SQLite version "
                  f"{sqlite3.sqlite_version}\n"
                  f"Connected to {where}\n\n"
                  "Each command will be run using execute() on the "
                  "cursor.\n"
                  'Type ".help" for more information; type ".quit" or '
                  "CTRL-D to quit.", file=sys.stderr)
            interact(connection)
    finally:
        connection.close()
    sys.exit(0)


if __name__ == "__main__":
    main(sys.argv[1:])
