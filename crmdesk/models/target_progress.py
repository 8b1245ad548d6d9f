"""Progress against targets: for a scope and period, the target shown (targets' roll-up), what
was achieved (target_achieved), completion, time elapsed, ahead / behind, the gap, the forecast
(won_amount only) and the months; and the ranking of reps or teams.

- completion % = achieved ÷ target × 100 (None without a target, or with a target of 0);
- elapsed % = periods.elapsed_fraction × 100 (today counted as gone);
- status: relative to the time gone: "on_track" when completion ÷ elapsed is within ±5%
  (0.95 … 1.05: 11.8% done at 16.1% gone is behind, 90% at 92.9% on track), "ahead" above,
  "behind" below; elapsed 0 (the period not begun): "on_track", nothing is due yet; None
  without a completion;
- people_left: what the scope's own set target leaves unallocated to its people (a company's
  teams and teamless reps, a team's reps): target_tree.people_left (None: unset, or none);
- gap = max(target − achieved, 0) (None without a target);
- forecast (won_amount): open deals in the scope, not deleted, expected_close from today (or
  the period's start, if later) to the period's end, amount × (the deal's probability, else its
  stage's) ÷ 100, summed as cents × percent and rounded half up to the cent once. A team's deals
  are its current members' (as achieved is); the company's, everyone's.

Who may look: the rows target_tree.access shows the actor (else PermissionDenied); a ranking
lists the visible rows of its level only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, tzinfo
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crmdesk.models.checks import Checker
from crmdesk.models.errors import PermissionDenied, ValidationFailed
from crmdesk.models.periods import Period, elapsed_fraction
from crmdesk.models.pinyin import person_sort_key, sort_key
from crmdesk.models.schema import User
from crmdesk.models.schema_deals import Deal, Stage
from crmdesk.models.schema_targets import TARGET_METRICS
from crmdesk.models.sums import cents
from crmdesk.models.target_achieved import (
    ScopeMonths,
    achieved_by_rep_month,
    achieved_scopes,
    total,
)
from crmdesk.models.target_tree import TargetTree, access, load_tree
from crmdesk.models.users import UserRow

__all__ = [
    "MonthProgress",
    "ProgressResult",
    "RankRow",
    "achieved_by_rep_month",
    "dashboard",
    "month_targets",
    "progress",
    "ranking",
]

ON_TRACK_RATIO = 0.05  # on track: completion within ±5% of the time elapsed (relative)
LEVELS = ("rep", "team")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class MonthProgress:
    period: Period  # a month
    target: Decimal | None  # shown (set or rolled up)
    achieved: Decimal


@dataclass(frozen=True)
class ProgressResult:
    metric: str
    period: Period
    scope: str
    scope_id: int
    target: Decimal | None
    achieved: Decimal
    completion: float | None  # percent
    elapsed: float  # percent of the period gone by
    status: str | None  # "ahead", "behind", "on_track"; None without a target
    gap: Decimal | None
    forecast: Decimal | None  # won_amount only
    months: tuple[MonthProgress, ...]
    people_left: Decimal | None = None  # the set target less its people's (None: unset/none)


@dataclass(frozen=True)
class RankRow:
    rank: int  # 1, 2, ...
    scope_id: int  # a user's or a team's id
    name: str
    team_name: str  # a rep's team ("" for none); a team's own name
    target: Decimal | None
    achieved: Decimal
    completion: float | None
    gap: Decimal | None


def _check(metric: object, period: object) -> None:
    errors = []
    if metric not in TARGET_METRICS:
        errors.append(("metric", "unknown"))
    if not isinstance(period, Period):
        errors.append(("period", "invalid"))
    if errors:
        raise ValidationFailed(errors=errors, limits={})


def _completion(target: Decimal | None, achieved: Decimal) -> float | None:
    if target is None or target <= 0:
        return None
    return float(achieved * 100 / target)


def status_of(completion: float | None, elapsed: float) -> str | None:
    """ahead / on_track / behind by completion ÷ elapsed (both percent) against 1 ± 5%."""
    if completion is None:
        return None
    if elapsed <= 0:
        return "on_track"  # nothing is due yet
    pace = completion / elapsed
    if pace > 1 + ON_TRACK_RATIO:
        return "ahead"
    if pace < 1 - ON_TRACK_RATIO:
        return "behind"
    return "on_track"


def _gap(target: Decimal | None, achieved: Decimal) -> Decimal | None:
    return None if target is None else max(target - achieved, Decimal(0))


def forecast(session: Session, period: Period, scope: str, scope_id: int, today: date) -> Decimal:
    """The weighted open pipeline of the scope expected to close in the rest of the period."""
    start = max(today, period.first_day)
    probability = func.coalesce(Deal.probability, Stage.probability)
    stmt = (
        select(func.sum(cents(Deal.amount) * probability))
        .join(Stage, Stage.id == Deal.stage_id)
        .where(Deal.status == "open", Deal.deleted_at.is_(None),
               Deal.expected_close >= start, Deal.expected_close < period.end_day)
    )  # fmt: skip
    if scope == "rep":
        stmt = stmt.where(Deal.owner_id == scope_id)
    elif scope == "team":
        stmt = stmt.where(Deal.owner_id.in_(select(User.id).where(User.team_id == scope_id)))
    value = session.scalar(stmt) if start < period.end_day else 0
    return (Decimal(int(value or 0)) / 10000).quantize(CENT, ROUND_HALF_UP)


def _progress(
    session: Session,
    tree: TargetTree,
    scopes: ScopeMonths,
    metric: str,
    period: Period,
    node: tuple[str, int],
    today: date,
) -> ProgressResult:
    target = tree.shown(node, period)
    achieved = total(scopes, node[0], node[1], period.months())
    completion = _completion(target, achieved)
    elapsed = elapsed_fraction(period, today) * 100
    months = tuple(
        MonthProgress(m, tree.shown(node, m), total(scopes, node[0], node[1], [m]))
        for m in period.months()
    )
    ahead = forecast(session, period, *node, today) if metric == "won_amount" else None
    return ProgressResult(metric, period, node[0], node[1], target, achieved, completion, elapsed,
                          status_of(completion, elapsed), _gap(target, achieved), ahead,
                          months, tree.people_left(node, period))  # fmt: skip


def _visible(tree: TargetTree, actor: UserRow, scope: str, scope_id: int) -> tuple[str, int]:
    person = tree.by_node.get((scope, scope_id))
    if person is None or access(actor, person) is None:
        raise PermissionDenied(what="target", scope=scope, id=scope_id)
    return person.node


def progress(
    session: Session,
    actor: UserRow,
    metric: str,
    period: Period,
    scope: str,
    scope_id: int,
    today: date,
    tz: tzinfo | None = None,
) -> ProgressResult:
    """The cards and the monthly bars of one scope (a row the actor sees) over a period."""
    _check(metric, period)
    tree = load_tree(session, metric, period.year)
    node = _visible(tree, actor, scope, scope_id)
    scopes = achieved_scopes(session, metric, period.first_day, period.end_day, tz)
    return _progress(session, tree, scopes, metric, period, node, today)


MAX_TARGET_MONTHS = 120


def month_targets(
    session: Session,
    actor: UserRow,
    metric: str,
    scope: str,
    scope_id: int,
    months: list[Period],
) -> list[Decimal | None]:
    """The target shown (set, or rolled up) of each month for a scope the actor sees (else
    PermissionDenied): only the target tree of each year asked is read, nothing achieved (the
    reports' target line)."""
    c = Checker()
    if metric not in TARGET_METRICS:
        c.fail("metric", "unknown")
    if not isinstance(months, list | tuple) or len(months) > MAX_TARGET_MONTHS:
        c.fail("months", "invalid", MAX_TARGET_MONTHS)
    elif not all(isinstance(m, Period) and m.month for m in months):
        c.fail("months", "invalid", MAX_TARGET_MONTHS)
    c.done()
    found: dict[Period, Decimal | None] = {}
    for year in sorted({m.year for m in months}):
        tree = load_tree(session, metric, year)
        node = _visible(tree, actor, scope, scope_id)
        found |= {m: tree.shown(node, m) for m in months if m.year == year}
    return [found[m] for m in months]


def _ranking(
    tree: TargetTree, scopes: ScopeMonths, actor: UserRow, period: Period, level: str
) -> list[RankRow]:
    teams = {p.scope_id: p.name for p in tree.people if p.scope == "team"}
    rows = []
    for p in tree.people:
        if p.scope != level or access(actor, p) is None:
            continue
        target = tree.shown(p.node, period)
        achieved = total(scopes, p.scope, p.scope_id, period.months())
        team = teams.get(p.team_id, "") if p.team_id is not None else ""
        rows.append((p, target, achieved, _completion(target, achieved), team))

    def name_key(p) -> str:
        return sort_key(p.name) if p.scope == "team" else person_sort_key(p.name)

    def order(row):
        p, _target, achieved, completion, _team = row
        if completion is not None:
            return (0, -completion, -achieved, name_key(p), p.scope_id)
        return (1, 0.0, -achieved, name_key(p), p.scope_id)

    rows.sort(key=order)
    return [RankRow(i, p.scope_id, p.name, team, target, achieved, completion,
                    _gap(target, achieved))
            for i, (p, target, achieved, completion, team) in enumerate(rows, 1)]  # fmt: skip


def ranking(
    session: Session,
    actor: UserRow,
    metric: str,
    period: Period,
    level: str,
    today: date | None = None,
    tz: tzinfo | None = None,
) -> list[RankRow]:
    """Reps or teams (level) the actor sees: those with a target by completion (highest first),
    then those without by achieved (most first); ties by name. today: unused, kept for the
    callers' symmetry with progress."""
    _check(metric, period)
    if level not in LEVELS:
        raise ValidationFailed(errors=[("level", "invalid")], limits={})
    tree = load_tree(session, metric, period.year)
    scopes = achieved_scopes(session, metric, period.first_day, period.end_day, tz)
    return _ranking(tree, scopes, actor, period, level)


def dashboard(
    session: Session,
    actor: UserRow,
    metric: str,
    period: Period,
    scope: str,
    scope_id: int,
    level: str,
    today: date,
    tz: tzinfo | None = None,
) -> tuple[ProgressResult, list[RankRow]]:
    """progress and ranking from one read of the targets and one of the achieved figures (the
    dashboard's first paint)."""
    _check(metric, period)
    if level not in LEVELS:
        raise ValidationFailed(errors=[("level", "invalid")], limits={})
    tree = load_tree(session, metric, period.year)
    node = _visible(tree, actor, scope, scope_id)
    scopes = achieved_scopes(session, metric, period.first_day, period.end_day, tz)
    return (
        _progress(session, tree, scopes, metric, period, node, today),
        _ranking(tree, scopes, actor, period, level),
    )
