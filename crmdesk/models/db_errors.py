"""Database errors told apart and worded as the project's own, for each dialect: why a database
cannot be used (DatabaseUnavailable's reasons), which failures are worth running a unit of
work again for, and what a failure while working becomes (database.py's read and write)."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm.exc import StaleDataError

from crmdesk.models.errors import Conflict, ConnectionLost, CrmError, DatabaseUnavailable

_SQLITE_REASONS = {
    "SQLITE_NOTADB": "not_a_database",
    "SQLITE_CORRUPT": "damaged",
    "SQLITE_CANTOPEN": "cannot_open",
    "SQLITE_PERM": "cannot_open",
    "SQLITE_BUSY": "locked",
    "SQLITE_LOCKED": "locked",
    "SQLITE_READONLY": "read_only",
    "SQLITE_FULL": "disk_full",
}
_MYSQL_REASONS = {
    1045: "auth_failed",
    1698: "auth_failed",
    1044: "no_privileges",
    1142: "no_privileges",
    1143: "no_privileges",
    1227: "no_privileges",
    1049: "database_missing",
    1205: "locked",  # lock wait timeout
    1213: "locked",  # deadlock, still lost after every retry
    1467: "locked",  # likewise (see is_retryable)
    1021: "disk_full",
    1114: "disk_full",  # the table is full
    1036: "read_only",  # table is read only
    1290: "read_only",  # the server runs with --read-only
    1792: "read_only",  # a READ ONLY transaction
    1927: "unreachable",  # the connection was killed
    2002: "unreachable",
    2003: "unreachable",
    2005: "unreachable",
    2006: "unreachable",
    2013: "unreachable",
}
_PG_STATES = {
    "28P01": "auth_failed",
    "28000": "auth_failed",
    "3D000": "database_missing",
    "42501": "no_privileges",
    "55P03": "locked",
    "40001": "locked",  # serialization failure, still lost after every retry
    "40P01": "locked",  # deadlock, likewise
    "25006": "read_only",  # a read-only transaction (a standby, default_transaction_read_only)
    "53100": "disk_full",
    "57P01": "unreachable",  # the server ended the session (shut down, or an administrator)
    "57P02": "unreachable",
    "57P03": "unreachable",
}
# psycopg gives no SQLSTATE for a failed connection attempt; the server's words say why. First
# match wins: 'permission denied for database "x"' is about rights, not a missing database.
_PG_TEXTS = (
    # The server is there but lets nobody in for now (maintenance, a restart, a failover):
    # a lost server, retried (the connection watch), not a missing database.
    ("not currently accepting connections", "unreachable"),
    ("the database system is", "unreachable"),  # … starting up / shutting down / in recovery
    ("password authentication failed", "auth_failed"),
    ("no password supplied", "auth_failed"),
    ("pg_hba.conf", "auth_failed"),
    ("permission denied", "no_privileges"),
    ('role "', "auth_failed"),  # role "x" does not exist
    ('database "', "database_missing"),  # database "x" does not exist
)


def _sqlite_reason(orig: BaseException) -> str:
    name = getattr(orig, "sqlite_errorname", "") or ""
    if name in _SQLITE_REASONS:
        return _SQLITE_REASONS[name]
    # An extended code (SQLITE_BUSY_SNAPSHOT, SQLITE_CANTOPEN_ISDIR, …) means what its primary
    # code means.
    primary = "_".join(name.split("_")[:2])
    return _SQLITE_REASONS.get(primary, "unknown")


def failure_reason(exc: BaseException, dialect: str) -> str:
    """Why the database cannot be used, as one of DatabaseUnavailable's reasons."""
    orig = getattr(exc, "orig", exc)
    if dialect == "sqlite":
        return _sqlite_reason(orig)
    if dialect == "mysql":
        code = orig.args[0] if getattr(orig, "args", None) else None
        return _MYSQL_REASONS.get(code, "unknown") if isinstance(code, int) else "unknown"
    state = getattr(orig, "sqlstate", None)
    if state in _PG_STATES:
        return _PG_STATES[state]
    if state and state.startswith("08"):  # connection exception
        return "unreachable"
    message = str(orig).lower()
    if not any(w in message for w in ("connection failed", "could not", "timeout expired")):
        return "unknown"
    return next((reason for words, reason in _PG_TEXTS if words in message), "unreachable")


def unavailable(exc: BaseException, dialect: str, shown_url: str) -> DatabaseUnavailable:
    return DatabaseUnavailable(
        reason=failure_reason(exc, dialect), url=shown_url, detail=str(getattr(exc, "orig", exc))
    )


def is_retryable(exc: BaseException, dialect: str) -> bool:
    """A unit of work that may succeed if simply run again."""
    if isinstance(exc, IntegrityError):
        return True  # a check-then-insert lost a race; run again, the check now sees the row
    if not isinstance(exc, DBAPIError) or exc.connection_invalidated:
        return False
    if dialect == "postgresql":
        return getattr(exc.orig, "sqlstate", None) in ("40001", "40P01")
    if dialect == "mysql":
        # deadlock; row changed; 1467: MariaDB's INSERT … SELECT into a table with an
        # AUTO_INCREMENT (ownership events) that lost a deadlock on its auto-increment lock
        # sometimes says "Failed to read auto-increment value" instead of 1213
        return bool(exc.orig.args) and exc.orig.args[0] in (1213, 1020, 1467)
    return False


def translate_error(exc: SQLAlchemyError, dialect: str) -> CrmError:
    """The project's error for a failure while working (not while opening)."""
    if isinstance(exc, StaleDataError):
        return Conflict(by=None, at=None, fields=[], detail=str(exc))
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return ConnectionLost(detail=str(exc.orig))
    reason = failure_reason(exc, dialect)
    if reason != "unknown":
        if dialect != "sqlite" and reason == "unreachable":
            return ConnectionLost(detail=str(getattr(exc, "orig", exc)))
        return DatabaseUnavailable(reason=reason, detail=str(getattr(exc, "orig", exc)))
    return CrmError("rejected", detail=str(getattr(exc, "orig", exc)))
