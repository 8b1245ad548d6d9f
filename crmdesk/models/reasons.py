"""The rules both kinds of reason share (a release's and a lost deal's): an admin adds one with
a label of their own and a generated code (r1, r2 …), and turns one off or on; a reason is
never deleted, since what was released or lost still names it, and the reasons in KEPT_ON
always stay on so that one can always be given in one's own words."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.models.checks import Checker
from crmdesk.models.errors import NotFound, ValidationFailed

MAX_REASONS = 50
KEPT_ON = ("other",)


def add_reason(session: Session, table: type, label: str) -> str:
    """Add a reason with the admin's label to table (ReleaseReason or LostReason), active and
    last; returns its code."""
    c = Checker()
    label = c.text("label", label, table.label, required=True)
    c.done()
    rows = list(session.scalars(select(table)))
    if len(rows) >= MAX_REASONS:
        raise ValidationFailed(errors=[("reasons", "too_many")], limits={"reasons": MAX_REASONS})
    if any(r.label == label for r in rows):
        raise ValidationFailed(errors=[("label", "taken")], limits={})
    numbers = [int(r.code[1:]) for r in rows if r.code[:1] == "r" and r.code[1:].isdigit()]
    code = f"r{max(numbers, default=0) + 1}"
    position = max((r.position for r in rows), default=0) + 1
    session.add(table(code=code, label=label, active=True, position=position))
    session.flush()
    return code


def set_reason_active(session: Session, table: type, what: str, code: str, active: bool) -> bool:
    """Turn a reason of table on or off; whether that changed it. what: the NotFound's name."""
    reason = session.get(table, code) if isinstance(code, str) and code else None
    if reason is None:
        raise NotFound(what=what, id=code)
    if not active and code in KEPT_ON:
        raise ValidationFailed(errors=[("reason", "required")], limits={})
    if reason.active == bool(active):
        return False
    reason.active = bool(active)
    session.flush()
    return True
