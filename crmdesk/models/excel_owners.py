"""An import's users, resolved once before its first chunk: the names and logins its owner (and
author) cells may name, whom the actor may hand customers to, and, when asked, new users made
for names nobody has (admins only; an undo deactivates them again when they own nothing)."""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from crmdesk.models.checks import has_bad_character, limit_of
from crmdesk.models.excel_context import OwnerTable
from crmdesk.models.excel_types import ImportOptions, ImportPlan
from crmdesk.models.pinyin import person_sort_key
from crmdesk.models.policy import assignable_users
from crmdesk.models.schema import User
from crmdesk.models.schema_imports import ImportItem
from crmdesk.models.users import UserRow

USER_FIELDS = ("owner", "author")  # the fields of kind "user" (excel_fields.FIELDS)
MAX_NEW_USERS = 200  # more unknown names than this is a wrong column, not a team
_LOGIN = re.compile(r"[^a-z0-9._-]")


def _named(plan: ImportPlan) -> dict[str, str]:
    """The user cells of the plan's rows (the rows validate passed: a row it refused makes no
    user): lower-cased text → the text as first written."""
    found: dict[str, str] = {}
    for row in plan.rows:
        for key in USER_FIELDS:
            value = row.values.get(key)
            if isinstance(value, str) and value.strip():
                found.setdefault(value.strip().lower(), value.strip())
    return found


def _login_for(name: str, taken: set[str]) -> str:
    """A login for a new user: the name's pinyin (张伟 → zhangwei, 曾玉 → zengyu), unique."""
    base = _LOGIN.sub("", person_sort_key(name).replace(" ", "").lower())[:40] or "user"
    login, n = base, 1
    while login in taken:
        n += 1
        login = f"{base}{n}"
    taken.add(login)
    return login


def _may_name(name: str) -> bool:
    return len(name) <= limit_of(User.name) and not has_bad_character(name)


def resolve_owners(
    session: Session,
    actor: UserRow,
    plan: ImportPlan,
    options: ImportOptions,
    import_id: int,
    now: datetime,
) -> tuple[dict[str, int], OwnerTable]:
    """(user ids by lower-cased name and login, the table of owners). With owner_mode "column"
    and unknown_owner "create", an admin's import first makes the users its cells name that
    nobody has (active reps without a team), each an ImportItem (user, created)."""
    rows = session.execute(
        select(User.id, User.name, User.login, User.team_id, User.name_sort, User.active)
    ).all()
    named: dict[str, list[int]] = {}
    for r in rows:
        if r.active:
            named.setdefault(r.name.strip().lower(), []).append(r.id)
    by_name = {k: ids[0] for k, ids in named.items() if len(ids) == 1}
    ambiguous = {k for k, ids in named.items() if len(ids) > 1}  # 张伟 and 张伟: which one?
    for r in rows:  # a login names one user exactly: it wins over a name
        if r.active:
            login = r.login.strip().lower()
            by_name[login] = r.id
            ambiguous.discard(login)
    teams = {r.id: r.team_id for r in rows}
    keys = {r.id: r.name_sort for r in rows}
    assignable = {u.id for u in assignable_users(session, actor)}
    too_many = False
    created: list[str] = []
    if options.owner_mode == "column" and options.unknown_owner == "create" and actor.is_admin:
        unknown = {
            k: v
            for k, v in _named(plan).items()
            if k not in by_name and k not in ambiguous and _may_name(v)
        }
        too_many = len(unknown) > MAX_NEW_USERS  # their rows fail "too_many_new_users"
        if unknown and not too_many:
            taken = {login.lower() for login in session.scalars(select(User.login))}
            for key, name in sorted(unknown.items()):
                user = User(
                    name=name,
                    login=_login_for(name, taken),
                    role="rep",
                    active=True,
                    created_at=now,
                )
                session.add(user)
                session.flush()
                by_name[key] = user.id
                created.append(name)
                teams[user.id], keys[user.id] = None, user.name_sort
                assignable.add(user.id)
                session.execute(
                    insert(ImportItem),
                    [
                        {
                            "import_id": import_id,
                            "entity": "user",
                            "entity_id": user.id,
                            "action": "created",
                            "before": "",
                            "version_after": None,
                        }
                    ],
                )
    table = OwnerTable(
        by_name, frozenset(assignable), teams, keys, frozenset(ambiguous), too_many,
        tuple(created),
    )  # fmt: skip
    return by_name, table


def count_users_created(session: Session, import_id: int) -> int:
    stmt = select(func.count()).where(
        ImportItem.import_id == import_id, ImportItem.entity == "user"
    )
    return session.scalar(stmt) or 0
