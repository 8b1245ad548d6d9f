"""Test data shared by the test modules (imported as `helpers`: tests/ is on sys.path), and
throwaway databases on a server, which bench/bulk.py makes too."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

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


def server_database(admin_url: str, prefix: str) -> tuple[str, Callable[[], None]]:
    """Create a uniquely named database on the PostgreSQL or MySQL/MariaDB server that admin_url
    reaches; return (its URL, a callback that drops it)."""
    url = make_url(admin_url)
    postgresql = url.get_backend_name() == "postgresql"
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if postgresql:
            conn.execute(text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8'"))
        else:
            conn.execute(text(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4"))

    def drop() -> None:
        with admin.connect() as conn:
            if postgresql:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            else:
                conn.execute(text(f"DROP DATABASE IF EXISTS `{name}`"))
        admin.dispose()

    return url.set(database=name).render_as_string(hide_password=False), drop


class SaveDuring:
    """A save of this program asked while a long write runs on SQLite (a bulk action, the
    recycle pass, an import): asked once `after` units have run (the long write calls
    unit_done after each), it takes the write lock (BEGIN IMMEDIATE, SELECT 1). waited() is how
    many units ran between asking and saving."""

    def __init__(self, db: Database, after: int = 3) -> None:
        import threading

        self.log: list[str] = []
        self._after, self._asked = after, threading.Event()
        self._thread = threading.Thread(target=self._save, args=(db,))
        self._thread.start()

    def unit_done(self) -> None:
        self.log.append("unit")
        if self.log.count("unit") == self._after:
            self._asked.set()

    def _save(self, db: Database) -> None:
        self._asked.wait(30)
        self.log.append("save asked")
        db.write(lambda s: s.execute(text("SELECT 1")))
        self.log.append("save done")

    def waited(self) -> int:
        self._thread.join(30)
        return self.log.index("save done") - self.log.index("save asked")
