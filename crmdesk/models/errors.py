"""Domain errors. They carry a code and parameters, never a sentence: views translate them.

Every error a service lets out is one of these; database.py turns driver and ORM exceptions
into them, so no caller ever has to know which database answered."""

from __future__ import annotations

from typing import Any


class CrmError(Exception):
    code = "error"

    def __init__(self, code: str | None = None, **params: Any) -> None:
        self.code = code or type(self).code
        self.params = params
        super().__init__(f"{self.code}: {params}" if params else self.code)


class NotFound(CrmError):
    """The record does not exist, or the actor may not see it: the two answer alike, so a
    message never tells a rep that a hidden customer exists."""

    code = "not_found"


class PermissionDenied(CrmError):
    """The actor may see the record but not do this to it (or is no longer active)."""

    code = "permission_denied"


class ValidationFailed(CrmError):
    """params['errors'] is a list of (field, code) pairs; params['limits'] maps a field that was
    too long (or a list that was too big) to its limit."""

    code = "invalid"


class Conflict(CrmError):
    """Someone else changed the row since it was read: params name who (by), when (at) and
    which fields; any of them may be unknown (None / empty)."""

    code = "conflict"


class SchemaTooNew(CrmError):
    code = "schema_too_new"


class MigrationFailed(CrmError):
    code = "migration_failed"


class DatabaseUnavailable(CrmError):
    """The database cannot be used. params['reason'] says why: unreachable, auth_failed,
    database_missing, no_privileges, not_a_database, damaged, cannot_open, read_only, locked,
    disk_full or unknown; params['detail'] is the driver's own text, for the log and Details."""

    code = "database_unavailable"


class ConnectionLost(CrmError):
    """The server connection broke while working. Nothing of the unit of work was committed;
    the next call reconnects."""

    code = "connection_lost"


class Interrupted(CrmError):
    """A long action (a bulk action, chunk by chunk) stopped on an error after committing part
    of its work: params['cause'] is the error, `partial` what was done and changed before it."""

    code = "interrupted"

    def __init__(self, cause: CrmError, partial: Any) -> None:
        value = partial.value
        if hasattr(value, "rows_done"):  # an import (excel_types.ImportResult): rows written
            super().__init__(cause=cause, changed=value.created + value.updated, unit="rows")
        else:
            super().__init__(cause=cause, changed=getattr(value, "changed", 0), unit="customers")
        self.partial = partial
