"""Domain errors. They carry a code and parameters, never a sentence: views translate them."""

from __future__ import annotations

from typing import Any


class CrmError(Exception):
    code = "error"

    def __init__(self, code: str | None = None, **params: Any) -> None:
        self.code = code or type(self).code
        self.params = params
        super().__init__(f"{self.code}: {params}" if params else self.code)


class NotFound(CrmError):
    code = "not_found"


class PermissionDenied(CrmError):
    code = "permission_denied"


class ValidationFailed(CrmError):
    """params['errors'] is a list of (field, code) pairs."""

    code = "invalid"


class Conflict(CrmError):
    """Someone else changed the row since it was read: params name who, when and which fields."""

    code = "conflict"


class SchemaTooNew(CrmError):
    code = "schema_too_new"


class DatabaseUnavailable(CrmError):
    code = "database_unavailable"
