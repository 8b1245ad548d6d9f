"""Targets: the grid of one metric and year (read_grid), saving cells of it (save_targets), and
planning the split of a cell over its children (plan_split).

The tree, its roll-ups and who sees or edits which row: target_tree.py. The split arithmetic:
target_split.py. Achieved history for the splits: target_achieved.py.

Saving is one unit of work: every cell is checked (codes of ValidationFailed: metric / scope
unknown, negative, too_large (≥ 10^12), not_whole (a count not whole, money finer than a cent),
unknown team or user, duplicate cell), permitted (admin: any; a manager: their team's row and
its reps'; else PermissionDenied), and compared, under a lock on the metric's year of cells,
with the version the user saw (None: the cell was empty). A cell changed, created or cleared
since raises Conflict naming who changed it last, when, and which cells. A value of None
clears the cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, tzinfo
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from crmdesk.models.changes import record
from crmdesk.models.errors import Conflict, PermissionDenied, ValidationFailed
from crmdesk.models.periods import MAX_YEAR, MIN_YEAR, Period
from crmdesk.models.schema import Team, User
from crmdesk.models.schema_targets import TARGET_METRICS, TARGET_SCOPES, Target
from crmdesk.models.target_achieved import achieved_scopes, total
from crmdesk.models.target_split import (
    MAX_TOTAL,
    NO_HISTORY,
    SplitPlan,
    split_by_weights,
    split_even,
    split_unit,
    suggested,
    unit_of,
)
from crmdesk.models.target_tree import (
    COMPANY,
    TARGET_ROLES,
    Node,
    Person,
    TargetTree,
    access,
    load_tree,
    period_children,
    year_periods,
)
from crmdesk.models.users import UserRow

MAX_CELLS = 5000  # cells one save may carry (a whole grid of ~290 rows × 17)
SPLIT_OVER = ("people", "months")
SPLIT_METHODS = ("even", "last_year", "suggested")
SPLIT_WEIGHTS = ("even", "last_year")


@dataclass(frozen=True)
class TargetCell:
    """One period of a row: value set (None: unset), value shown (set, or rolled up), the
    stored version (None: no stored cell), and what the set value leaves unallocated to its
    period children and to its people children (None: unset, or no such children)."""

    period: Period
    value: Decimal | None
    shown: Decimal | None
    version: int | None
    periods_left: Decimal | None
    people_left: Decimal | None


@dataclass(frozen=True)
class TargetRow:
    """scope "company" (scope_id 0, name ""), "team" or "rep"; login: a rep's; team_name: the
    team's (a team's own name for a team row); parent: the row above in the tree (scope, id)."""

    scope: str
    scope_id: int
    name: str
    login: str
    team_id: int | None
    team_name: str
    parent: tuple[str, int] | None
    depth: int
    editable: bool
    cells: tuple[TargetCell, ...]  # year, Q1-Q4, months 1-12 (year_periods)

    def cell(self, period: Period) -> TargetCell:
        for c in self.cells:
            if c.period == period:
                return c
        raise KeyError(period)


@dataclass(frozen=True)
class TargetGrid:
    metric: str
    year: int
    unit: Decimal  # 0.01 for money, 1 for counts
    periods: tuple[Period, ...]
    rows: tuple[TargetRow, ...]  # tree order; only the rows the actor sees

    def row(self, scope: str, scope_id: int) -> TargetRow | None:
        for r in self.rows:
            if r.scope == scope and r.scope_id == scope_id:
                return r
        return None


@dataclass(frozen=True)
class TargetInput:
    """A cell to save. value None clears it; version: the stored version the user saw (None: the
    cell was empty)."""

    metric: str
    scope: str
    scope_id: int
    period: Period
    value: Decimal | None
    version: int | None = None


def _check_metric_year(metric: Any, year: Any) -> None:
    errors = []
    if metric not in TARGET_METRICS:
        errors.append(("metric", "unknown"))
    if isinstance(year, bool) or not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        errors.append(("year", "out_of_range"))
    if errors:
        raise ValidationFailed(errors=errors, limits={})


def _row(tree: TargetTree, person: Person, team_names: dict[int, str], editable: bool):
    node = person.node
    cells = []
    for p in year_periods(tree.year):
        stored = tree.stored(node, p)
        cells.append(TargetCell(
            p, stored.value if stored else None, tree.shown(node, p),
            stored.version if stored else None, tree.periods_left(node, p),
            tree.people_left(node, p)))  # fmt: skip
    team_name = team_names.get(person.team_id, "") if person.team_id is not None else ""
    return TargetRow(person.scope, person.scope_id, person.name, person.login, person.team_id,
                     team_name, person.parent, person.depth, editable, tuple(cells))  # fmt: skip


def read_grid(session: Session, actor: UserRow, metric: str, year: int) -> TargetGrid:
    """The rows the actor sees, in tree order, with every period's cell."""
    _check_metric_year(metric, year)
    tree = load_tree(session, metric, year)
    team_names = {p.scope_id: p.name for p in tree.people if p.scope == "team"}
    rows = []
    for person in tree.people:
        right = access(actor, person)
        if right is not None:
            rows.append(_row(tree, person, team_names, right == "edit"))
    return TargetGrid(metric, year, unit_of(metric), year_periods(year), tuple(rows))


# ---------------------------------------------------------------- saving


def _check_cells(cells: Any) -> list[TargetInput]:
    if isinstance(cells, TargetInput) or not isinstance(cells, Sequence):
        raise ValidationFailed(errors=[("cells", "invalid")], limits={})
    if len(cells) > MAX_CELLS:
        raise ValidationFailed(errors=[("cells", "too_many")], limits={"cells": MAX_CELLS})
    errors: list[tuple[str, str]] = []
    seen = set()
    for i, c in enumerate(cells):
        f = f"cells.{i}."
        if not isinstance(c, TargetInput):
            errors.append((f"cells.{i}", "invalid"))
            continue
        if c.metric not in TARGET_METRICS:
            errors.append((f + "metric", "unknown"))
        if c.scope not in TARGET_SCOPES:
            errors.append((f + "scope", "unknown"))
        sid = c.scope_id
        if (
            isinstance(sid, bool)
            or not isinstance(sid, int)
            or sid < 0
            or sid > 2**31 - 1
            or ((sid == 0) != (c.scope == "company"))
        ):
            errors.append((f + "scope_id", "unknown"))
        if not isinstance(c.period, Period):
            errors.append((f + "period", "invalid"))
        v = c.version
        if v is not None and (isinstance(v, bool) or not isinstance(v, int)):
            errors.append((f + "version", "invalid"))
        errors += [(f + "value", code) for code in _value_problems(c.metric, c.value)]
        key = (c.metric, c.scope, sid, c.period)
        if key in seen:
            errors.append((f"cells.{i}", "duplicate"))
        seen.add(key)
    if errors:
        raise ValidationFailed(errors=errors, limits={})
    return list(cells)


def _value_problems(metric: str, value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        return ["invalid"]
    value = Decimal(value)
    if not value.is_finite():
        return ["invalid"]
    if value < 0:
        return ["negative"]
    if value >= MAX_TOTAL:
        return ["too_large"]
    if metric in TARGET_METRICS and value % unit_of(metric):
        return ["not_whole"]
    return []


def _known(session: Session, cells: list[TargetInput]) -> dict[Node, int | None]:
    """Every team and target-holding user the cells name: (scope, id) → the row's team."""
    teams = {c.scope_id for c in cells if c.scope == "team"}
    users = {c.scope_id for c in cells if c.scope == "rep"}
    found: dict[Node, int | None] = {COMPANY: None}
    if teams:
        found |= {
            ("team", t): t for t in session.scalars(select(Team.id).where(Team.id.in_(teams)))
        }
    if users:
        stmt = select(User.id, User.team_id).where(
            User.id.in_(users), User.active.is_(True), User.role.in_(TARGET_ROLES)
        )
        found |= {("rep", uid): team for uid, team in session.execute(stmt)}
    return found


def may_edit(actor: UserRow, scope: str, team_id: int | None) -> bool:
    """Whether the actor may set a cell of this row (team_id: the row's team)."""
    if not actor.active:
        return False
    if actor.is_admin:
        return True
    return (
        actor.is_manager
        and actor.team_id is not None
        and scope in ("team", "rep")
        and team_id == actor.team_id
    )


def _label(c: TargetInput) -> str:
    return f"{c.scope}:{c.scope_id}:{c.period.year}-{c.period.quarter}-{c.period.month}"


def save_targets(
    session: Session, actor: UserRow, now: datetime, cells: Sequence[TargetInput]
) -> int:
    """Save the cells (one unit of work); returns how many stored cells changed."""
    cells = _check_cells(cells)
    if not cells:
        return 0
    known = _known(session, cells)
    missing = [(f"cells.{i}.scope_id", "unknown") for i, c in enumerate(cells)
               if (c.scope, c.scope_id) not in known]  # fmt: skip
    if missing:
        raise ValidationFailed(errors=missing, limits={})
    for c in cells:
        if not may_edit(actor, c.scope, known[(c.scope, c.scope_id)]):
            raise PermissionDenied(what="target", scope=c.scope, id=c.scope_id)
    stored = {}
    for metric, year in sorted({(c.metric, c.period.year) for c in cells}):
        stmt = select(Target).where(Target.metric == metric, Target.year == year)
        for t in session.scalars(stmt.with_for_update()):
            stored[(t.metric, t.scope, t.scope_id, t.year, t.quarter, t.month)] = t
    clashes = []
    for c in cells:
        t = stored.get((c.metric, c.scope, c.scope_id, *c.period.astuple()))
        if (t.version if t is not None else None) != c.version:
            clashes.append((c, t))
    if clashes:
        raise _conflict(session, clashes)
    changed = 0
    for c in cells:
        t = stored.get((c.metric, c.scope, c.scope_id, *c.period.astuple()))
        if c.value is None:
            if t is not None:
                session.execute(delete(Target).where(Target.id == t.id))
                changed += 1
        elif t is None:
            y, q, m = c.period.astuple()
            session.add(Target(metric=c.metric, scope=c.scope, scope_id=c.scope_id, year=y,
                               quarter=q, month=m, value=Decimal(c.value), updated_at=now,
                               updated_by_id=actor.id))  # fmt: skip
            changed += 1
        elif Decimal(t.value) != Decimal(c.value):
            t.value, t.updated_at, t.updated_by_id = Decimal(c.value), now, actor.id
            changed += 1
    session.flush()
    if changed:
        record(session, "targets")
    return changed


def _conflict(session: Session, clashes: list[tuple[TargetInput, Target | None]]) -> Conflict:
    """Who changed the cells last (the latest of the stored ones; None when they were cleared)."""
    latest = max((t for _c, t in clashes if t is not None), key=lambda t: t.updated_at,
                 default=None)  # fmt: skip
    by = at = None
    if latest is not None:
        at = latest.updated_at
        if latest.updated_by_id is not None:
            by = session.scalar(select(User.name).where(User.id == latest.updated_by_id))
    return Conflict(by=by, at=at, fields=[_label(c) for c, _t in clashes],
                    cells=[(c.scope, c.scope_id, c.period) for c, _t in clashes])  # fmt: skip


# ---------------------------------------------------------------- planning a split


def _months_back(today: date, n: int) -> list[Period]:
    """The n full months before today's month, oldest first."""
    y, m = today.year, today.month
    out = []
    for _ in range(n):
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
        out.append(Period(y, 0, m))
    return out[::-1]


def plan_split(
    session: Session,
    actor: UserRow,
    metric: str,
    period: Period,
    scope: str,
    scope_id: int,
    *,
    over: str = "people",
    method: str = "even",
    weight: str = "even",
    today: date,
    tz: tzinfo | None = None,
    total_value: Decimal | None = None,
) -> SplitPlan:
    """How to split a cell (the parent: scope/scope_id over period) over its children: "people"
    (the company's teams and teamless reps; a team's reps; keys (scope, id)) or "months" (the
    period's months; keys Periods). method: "even"; "last_year" (each child's share of what was
    achieved in the same period a year before); "suggested" (base = each child's average month
    of the last 3 full months before today × 70% × the months each child's part covers: over
    people, the months of `period` (12 for a year, 3 for a quarter, 1 for a month); over months,
    1; the increment split by `weight`: "even" or "last_year"). Parts are whole yuan when the
    total is whole yuan, cents only when it has cents (target_split.split_unit); counts whole.
    total_value: the total to split (None: the cell's shown value). Writes nothing:
    the caller saves the parts through save_targets. Only who may edit the row may plan (else
    PermissionDenied): admin any row, a manager their team's row and its reps'."""
    _check_metric_year(metric, getattr(period, "year", None))
    errors = []
    if not isinstance(period, Period):
        errors.append(("period", "invalid"))
    if over not in SPLIT_OVER:
        errors.append(("over", "invalid"))
    if method not in SPLIT_METHODS:
        errors.append(("method", "invalid"))
    if weight not in SPLIT_WEIGHTS:
        errors.append(("weight", "invalid"))
    if errors:
        raise ValidationFailed(errors=errors, limits={})
    tree = load_tree(session, metric, period.year)
    person = tree.by_node.get((scope, scope_id))
    # Edit access, as save_targets asks: a plan shows each child's history (last year, the
    # last 3 months), which a reader of the row may not see (the ranking hides it from a rep).
    if person is None or access(actor, person) != "edit":
        raise PermissionDenied(what="target", scope=scope, id=scope_id)
    node = person.node
    whole = tree.shown(node, period) if total_value is None else total_value
    if whole is None:
        raise ValidationFailed(errors=[("total", "required")], limits={})
    unit = split_unit(metric, whole)
    if over == "people":
        keys: list[Any] = list(tree.children.get(node, []))
    else:
        keys = period.months() if period.month == 0 else []
    if not keys:
        raise ValidationFailed(errors=[("children", "none")], limits={})
    if method == "even":
        return split_even(whole, keys, unit)

    def history(months: list[Period]) -> dict[Any, Decimal]:
        """Achieved per key over `months` (people) or in each month a year before (months)."""
        if over == "months":
            months = [m.previous_year() for m in keys]
        scopes = achieved_scopes(session, metric, months[0].first_day, months[-1].end_day, tz)
        if over == "months":
            return {
                k: total(scopes, node[0], node[1], [m]) for k, m in zip(keys, months, strict=True)
            }
        return {k: total(scopes, k[0], k[1], months) for k in keys}

    last_year = None
    if method == "last_year" or weight == "last_year":
        last_year = history(period.previous_year().months())
    if method == "last_year":
        plan = split_by_weights(whole, last_year, unit)
        return _noted(plan, not any(last_year.values()))
    recent = _months_back(today, 3)
    scopes = achieved_scopes(session, metric, recent[0].first_day, recent[-1].end_day, tz)
    if over == "months":
        avg = total(scopes, node[0], node[1], recent) / 3
        averages = {k: avg.quantize(Decimal("0.0001")) for k in keys}
    else:
        averages = {k: (total(scopes, k[0], k[1], recent) / 3).quantize(Decimal("0.0001"))
                    for k in keys}  # fmt: skip
    weights = last_year if last_year is not None else {k: Decimal(1) for k in keys}
    # A part's base is a month's worth for each month it covers: a rep's share of the year
    # holds 12 of them (one month's base against a year's total made the split nearly even).
    months = len(period.months()) if over == "people" else 1
    return suggested(whole, averages, weights, unit, months=months)


def _noted(plan: SplitPlan, no_history: bool) -> SplitPlan:
    if not no_history:
        return plan
    notes = (NO_HISTORY, *(n for n in plan.notes if n != NO_HISTORY))
    return replace(plan, notes=notes)


__all__ = [
    "TargetCell",
    "TargetGrid",
    "TargetInput",
    "TargetRow",
    "may_edit",
    "period_children",
    "plan_split",
    "read_grid",
    "save_targets",
]
