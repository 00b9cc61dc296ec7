"""Connection.iterdump(): the database as a stream of SQL statements that
rebuild it (schema first, then rows, then indexes, triggers and views)."""


def _quote_ident(name):
    return '"' + name.replace('"', '""') + '"'


def _quote_text(text):
    return "'" + text.replace("'", "''") + "'"


def _insert_statements(cursor, table):
    """One INSERT per row, with values rendered by SQLite's quote()."""
    columns = [info[1] for info in
               cursor.execute(f"PRAGMA table_info({_quote_ident(table)})")]
    if not columns:
        return
    rendered = "||','||".join(f"quote({_quote_ident(col)})"
                              for col in columns)
    prefix = _quote_text(f"INSERT INTO {_quote_ident(table)} VALUES(")
    query = (f"SELECT {prefix}||{rendered}||');' "
             f"FROM {_quote_ident(table)}")
    for (statement,) in cursor.execute(query).fetchall():
        yield statement


def _iterdump(connection, *, filter=None):
    cursor = connection.cursor()
    cursor.row_factory = None
    name_filter = "AND name LIKE ?" if filter is not None else ""
    params = (filter,) if filter is not None else ()

    # A database holding foreign key violations could not be restored
    # with the checks on.  The pragma comes before BEGIN: inside a
    # transaction SQLite ignores it.
    if cursor.execute("PRAGMA foreign_key_check").fetchall():
        yield "PRAGMA foreign_keys=OFF;"
    yield "BEGIN TRANSACTION;"

    tables = cursor.execute(
        "SELECT name, type, sql FROM sqlite_master "
        "WHERE sql NOT NULL AND type == 'table' "
        f"{name_filter} ORDER BY name", params).fetchall()
    sequences = None
    writable_schema = False
    for name, _, sql in tables:
        if name == "sqlite_sequence":
            # Restored at the end: the table only exists in the new
            # database once an AUTOINCREMENT table has been created.
            sequences = cursor.execute(
                "SELECT name, seq FROM sqlite_sequence ORDER BY name"
            ).fetchall()
            continue
        if name == "sqlite_stat1":
            yield 'ANALYZE "sqlite_master";'
            continue
        if name.startswith("sqlite_"):
            continue
        if sql.startswith("CREATE VIRTUAL TABLE"):
            if not writable_schema:
                writable_schema = True
                yield "PRAGMA writable_schema=ON;"
            yield ("INSERT INTO sqlite_master(type,name,tbl_name,rootpage,"
                   f"sql)VALUES('table',{_quote_text(name)},"
                   f"{_quote_text(name)},0,{_quote_text(sql)});")
            continue
        yield f"{sql};"
        yield from _insert_statements(cursor, name)

    others = cursor.execute(
        "SELECT name, type, sql FROM sqlite_master "
        "WHERE sql NOT NULL AND type IN ('index', 'trigger', 'view') "
        f"{name_filter} ORDER BY name", params).fetchall()
    for _, _, sql in others:
        yield f"{sql};"

    if writable_schema:
        yield "PRAGMA writable_schema=OFF;"
    if sequences is not None:
        yield 'DELETE FROM "sqlite_sequence";'
        for name, seq in sequences:
            yield (f'INSERT INTO "sqlite_sequence" VALUES('
                   f"{_quote_text(name)},{seq});")
    yield "COMMIT;"
