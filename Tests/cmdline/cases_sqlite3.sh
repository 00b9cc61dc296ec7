# python -m sqlite3 (sourced by run.sh): options, one-shot SQL, the shell
# reading statements and dot-commands from standard input.

if "$PY" -c 'import _sqlite3' 2>/dev/null; then
    sqlv=$("$PY" -c 'import sqlite3; print(sqlite3.sqlite_version)')
    expect sqlite3-version "SQLite version $sqlv" "$PY" -m sqlite3 -v
    expect sqlite3-one-shot "(1, 'a')
(2, 'b')" "$PY" -m sqlite3 :memory: "SELECT 1, 'a' UNION SELECT 2, 'b'"
    expect_status sqlite3-bad-sql 1 "$PY" -m sqlite3 :memory: "SELEC 1"
    expect_err sqlite3-bad-sql-message 'OperationalError (SQLITE_ERROR): near "SELEC": syntax error' \
        "$PY" -m sqlite3 :memory: "SELEC 1"
    expect_err sqlite3-help-usage "usage: python -m sqlite3" "$PY" -m sqlite3 --bogus
    "$PY" -m sqlite3 "$tmp/cli.db" "CREATE TABLE t(x)" >/dev/null 2>&1
    "$PY" -m sqlite3 "$tmp/cli.db" "INSERT INTO t VALUES (7)" >/dev/null 2>&1
    expect sqlite3-file-db "(1,)" "$PY" -m sqlite3 "$tmp/cli.db" "SELECT count(*) FROM t"
    # Prompts go to stdout even from a pipe, as in CPython's shell.
    expect sqlite3-shell "sqlite>     ... (6,)
sqlite> $sqlv
sqlite> (7,)
sqlite> " sh -c "printf 'SELECT 1 +\n 5;\n.version\nSELECT x FROM t;\n.quit\nSELECT 99;\n' | \"\$0\" -m sqlite3 \"\$1\"" "$PY" "$tmp/cli.db"
    expect sqlite3-shell-help "sqlite> Enter SQL code or one of the below commands, and press enter.

.version  Print underlying SQLite library version
.help     Print this help message
.quit     Exit the CLI, equivalent to CTRL-D
sqlite> " sh -c "printf '.help\n' | \"\$0\" -m sqlite3" "$PY"
    expect sqlite3-shell-unfinished "sqlite> (1,)
sqlite>     ... " sh -c "printf 'SELECT 1;\nSELECT\n' | \"\$0\" -m sqlite3" "$PY"
    expect_err sqlite3-shell-banner "Connected to a transient in-memory database" \
        sh -c "printf '' | \"\$0\" -m sqlite3" "$PY"
    expect_err sqlite3-shell-unknown 'Error: unknown command or invalid arguments: "frob". Enter ".help" for help' \
        sh -c "printf '.frob\n' | \"\$0\" -m sqlite3" "$PY"
fi
