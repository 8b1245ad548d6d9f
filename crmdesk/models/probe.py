"""Trying a database without changing it (the connect dialog's Test connection, on a worker
thread): a server is opened as the program would open it, never set up or upgraded; a local
file is only read (SQLite's mode=ro), never created, upgraded or backed up."""

from __future__ import annotations

from pathlib import Path


def probe(url: str) -> str:
    """Try the database without changing it (on a worker thread): "ok", "empty" (a server
    database crmdesk will set up), "too_old" (an administrator must upgrade it), and for a
    local file "new_file" (made when you connect) or "will_upgrade" (upgraded, after a backup,
    when you connect); any other failure is raised as the project's error."""
    from sqlalchemy.engine import make_url

    from crmdesk.models.database import normalize_url

    url = normalize_url(url)
    if make_url(url).get_backend_name() == "sqlite":
        return probe_file(url)
    from crmdesk.models.database import open_database

    try:
        open_database(url).close()  # a server is never set up or upgraded without being asked
    except Exception as exc:
        code = getattr(exc, "code", "")
        if code == "server_not_set_up":
            return "empty"
        if code == "schema_too_old":
            return "too_old"
        raise
    return "ok"


def probe_file(url: str) -> str:
    """A local file, read only (sqlite's mode=ro): nothing is created, upgraded or backed up."""
    import sqlite3
    from urllib.parse import quote

    from sqlalchemy.engine import make_url

    from crmdesk.models.database import _known_revisions
    from crmdesk.models.errors import DatabaseUnavailable, SchemaTooNew
    from crmdesk.models.migrations import HEAD

    path = make_url(url).database or ""
    if not path or path == ":memory:" or not Path(path).exists():
        return "new_file"
    if not Path(path).is_file():
        raise DatabaseUnavailable(reason="cannot_open", url=path, detail="not a file")
    try:
        conn = sqlite3.connect(f"file:{quote(Path(path).as_posix())}?mode=ro", uri=True)
        try:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:  # not a database at all, or damaged
        raise DatabaseUnavailable(reason="not_a_database", url=path, detail=str(exc)) from exc
    except sqlite3.Error as exc:
        raise DatabaseUnavailable(reason="cannot_open", url=path, detail=str(exc)) from exc
    if revision is None:
        if tables - {"alembic_version"}:
            raise DatabaseUnavailable(reason="not_a_database", url=path)
        return "new_file"  # empty: set up when you connect
    if revision == HEAD:
        return "ok"
    if revision not in _known_revisions():
        raise SchemaTooNew(found=revision, known=HEAD)
    return "will_upgrade"
