"""The target tree of one metric and year: who is in it (the company → each team → its reps;
reps without a team directly under the company, after the teams), who may see and edit which
row, and the roll-ups of the stored cells.

Rows: the company; every team (by name, in pinyin order); every active user whose role is rep
or manager, under their current team. A user who is admin or finance, or inactive, has no row
(a target stored for them stays stored, unseen, and counts in no roll-up).

Roll-up (the spec's): a cell that is set shows its value; an unset cell shows the sum of its
period children (a year: its quarters; a quarter: its months) when the row has a set cell of
its own within the period (its own breakdown), else the sum of its people children (the
company: the teams and the reps without a team; a team: its reps) for the same period; nothing
(None) when none of them shows a value. (A team whose reps hold quarters and months, and which
has no cells of its own, thus shows its reps' quarters, not the sum of their months.)
"Unallocated" of a set cell = its value − the sum of its children's shown values, once over its
period children and once over its people children (None when it is unset or has no such
children); the views show it when not zero.

Access: admin edits every row; a manager sees the company row (read-only) and edits their
team's row and its reps'; a rep (and anyone else) sees the company, their team and themself,
read-only. An inactive actor sees nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.models.periods import Period
from crmdesk.models.pinyin import sort_key
from crmdesk.models.schema import Team, User
from crmdesk.models.schema_targets import Target
from crmdesk.models.target_split import unit_of
from crmdesk.models.users import UserRow

TARGET_ROLES = ("rep", "manager")
Node = tuple[str, int]  # (scope, scope_id); the company is ("company", 0)
COMPANY: Node = ("company", 0)


def year_periods(year: int) -> tuple[Period, ...]:
    """The grid's columns: the year, Q1-Q4, months 1-12."""
    y = Period(year)
    return (y, *y.quarters(), *y.months())


def period_children(period: Period) -> list[Period]:
    if period.month:
        return []
    return period.months() if period.quarter else period.quarters()


@dataclass(frozen=True)
class Person:
    """A row of the tree: name; login (a rep's) or "" ; team_id (a team's own id for a team)."""

    scope: str
    scope_id: int
    name: str
    login: str
    team_id: int | None
    parent: Node | None
    depth: int

    @property
    def node(self) -> Node:
        return (self.scope, self.scope_id)


@dataclass(frozen=True)
class StoredCell:
    value: Decimal
    version: int
    updated_by_id: int | None


class TargetTree:
    """The rows, the stored cells of one metric and year, and their roll-ups (memoized)."""

    def __init__(
        self, year: int, people: list[Person], cells: dict[tuple[str, int, Period], StoredCell]
    ) -> None:
        self.year = year
        self.people = people
        self.by_node = {p.node: p for p in people}
        self.cells = cells
        self.children: dict[Node, list[Node]] = {p.node: [] for p in people}
        for p in people:
            if p.parent is not None:
                self.children[p.parent].append(p.node)
        self._shown: dict[tuple[Node, Period], Decimal | None] = {}

    def stored(self, node: Node, period: Period) -> StoredCell | None:
        return self.cells.get((node[0], node[1], period))

    def _has_own_below(self, node: Node, period: Period) -> bool:
        """Whether the row has a set cell within the period (its own breakdown)."""
        kids = period.months() + (period.quarters() if not period.quarter else [])
        return any(self.stored(node, k) is not None for k in kids if k != period)

    def shown(self, node: Node, period: Period) -> Decimal | None:
        key = (node, period)
        if key in self._shown:
            return self._shown[key]
        cell = self.stored(node, period)
        if cell is not None:
            result: Decimal | None = cell.value
        elif self._has_own_below(node, period):
            result = _sum([self.shown(node, c) for c in period_children(period)])
        else:
            result = _sum([self.shown(c, period) for c in self.children.get(node, [])])
        self._shown[key] = result
        return result

    def periods_left(self, node: Node, period: Period) -> Decimal | None:
        cell, kids = self.stored(node, period), period_children(period)
        if cell is None or not kids:
            return None
        return cell.value - sum((self.shown(node, c) or Decimal(0) for c in kids), Decimal(0))

    def people_left(self, node: Node, period: Period) -> Decimal | None:
        cell, kids = self.stored(node, period), self.children.get(node, [])
        if cell is None or not kids:
            return None
        return cell.value - sum((self.shown(c, period) or Decimal(0) for c in kids), Decimal(0))


def _sum(values: list[Decimal | None]) -> Decimal | None:
    shown = [v for v in values if v is not None]
    return sum(shown, Decimal(0)) if shown else None


def load_people(session: Session) -> list[Person]:
    """The tree's rows in order: the company, each team then its reps, then reps without one."""
    teams = sorted(session.execute(select(Team.id, Team.name)).all(),
                   key=lambda t: (sort_key(t[1]), t[1], t[0]))  # fmt: skip
    users = session.execute(
        select(User.id, User.name, User.login, User.team_id)
        .where(User.active.is_(True), User.role.in_(TARGET_ROLES))
        .order_by(User.name_sort, User.name, User.id)
    ).all()
    people = [Person("company", 0, "", "", None, None, 0)]
    known = {t[0] for t in teams}
    for tid, tname in teams:
        people.append(Person("team", tid, tname, "", tid, COMPANY, 1))
        people += [Person("rep", uid, name, login, team, ("team", tid), 2)
                   for uid, name, login, team in users if team == tid]  # fmt: skip
    people += [Person("rep", uid, name, login, None, COMPANY, 1)
               for uid, name, login, team in users if team not in known]  # fmt: skip
    return people


def load_tree(session: Session, metric: str, year: int, *, lock: bool = False) -> TargetTree:
    stmt = select(Target).where(Target.metric == metric, Target.year == year)
    if lock:
        stmt = stmt.with_for_update()
    unit = unit_of(metric)
    cells = {}
    for t in session.scalars(stmt):
        cells[(t.scope, t.scope_id, Period(t.year, t.quarter, t.month))] = StoredCell(
            Decimal(t.value).quantize(unit), t.version, t.updated_by_id
        )
    return TargetTree(year, load_people(session), cells)


def access(actor: UserRow, person: Person) -> str | None:
    """The actor's right on a row: "edit", "read" or None (not shown)."""
    if not actor.active:
        return None
    if actor.is_admin:
        return "edit"
    if person.scope == "company":
        return "read"
    mine = actor.team_id is not None and person.team_id == actor.team_id
    if actor.is_manager and mine:
        return "edit"
    if mine and person.scope == "team":
        return "read"
    if person.scope == "rep" and person.scope_id == actor.id:
        return "read"
    return None
