"""Test data shared by the test modules (imported as `helpers`: tests/ is on sys.path)."""

from __future__ import annotations

from datetime import datetime

from crmdesk.models.database import Database

NOW = datetime(2026, 11, 20, 9, 30)


class People:
    """An admin, two teams (a manager and reps each) and a rep without a team."""

    def __init__(self, db: Database) -> None:
        from crmdesk.models.schema import Team, User
        from crmdesk.models.users import get_user

        with db.writing() as s:
            north, south = Team(name="North", created_at=NOW), Team(name="South", created_at=NOW)
            s.add_all([north, south])
            s.flush()
            spec = {
                "admin": ("Ada Admin", "admin", None),
                "manager_n": ("Nina North", "manager", north.id),
                "rep_n1": ("张伟", "rep", north.id),
                "rep_n2": ("Ned North", "rep", north.id),
                "manager_s": ("Sam South", "manager", south.id),
                "rep_s1": ("李娜", "rep", south.id),
            }
            ids = {}
            for login, (name, role, team) in spec.items():
                u = User(
                    name=name, login=login, role=role, team_id=team, active=True, created_at=NOW
                )
                s.add(u)
                s.flush()
                ids[login] = u.id
            for login, uid in ids.items():
                setattr(self, login, get_user(s, uid))
