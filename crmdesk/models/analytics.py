"""The reports' figures (issue 12), as SQL aggregations that agree on SQLite, PostgreSQL and
MariaDB: the funnel here, the monthly breakdown in analytics_breakdown.py, the reps' activity in
analytics_activity.py, the rows behind a figure in analytics_drill.py; their results are
analytics_types.py's. This module also owns what they share: who is counted (the actor's
visibility and the chosen scope), money summed as integer cents, stored times compared with
local calendar days as naive UTC bounds (periods.py), the one dialect-specific expression.

The funnel, for a pipeline, a range of local days and a scope: the cohort is the deals created
in the range, not deleted, that the actor may see (policy.deal_see_condition), narrowed to the
actor's team ("team"), the actor ("mine") or one owner (owner_id). For each open stage in
position order: the deals that reached it = the won deals + the deals whose reached_stage_id
(analytics_backfill: the furthest open stage their history entered) is at or past its
position; their amount; the conversion from the previous stage (%); the average days in the
stage = AVG(stage_seconds) / 86400 of the cohort's moves that left it. Then won and lost (count,
amount), the win rate won ÷ (won + lost) and the average cycle, days from created_at to
closed_at of the won deals. Counts and amounts come from ix_deals_cohort in one statement:
a range of the index per (reached_stage_id, status), UNION ALL (a GROUP BY sorted the whole
cohort first); the days per stage from one more, on the moves alone for the admin's whole
cohort (days_in_stages).
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    String,
    extract,
    false,
    func,
    literal,
    literal_column,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from crmdesk.models.analytics_types import (
    FunnelResult,
    FunnelStage,
    check_days,
    check_scope,
)
from crmdesk.models.checks import Checker, check_id
from crmdesk.models.dialects import no_index
from crmdesk.models.errors import NotFound
from crmdesk.models.periods import day_bounds
from crmdesk.models.policy import deal_see_condition, see_condition
from crmdesk.models.schema_deals import Deal, DealMove, Stage
from crmdesk.models.sums import cents
from crmdesk.models.users import UserRow

CENT = Decimal("0.01")
TENTH = Decimal("0.1")
DAY_SECONDS = 86400


# ---------------------------------------------------------------- shared


def money(value: Any) -> Decimal:
    """Summed cents (an integer, or a fraction of one where a deal's amount was split) as
    money, rounded half up to the cent."""
    return (Decimal(str(value or 0)) / 100).quantize(CENT, rounding=ROUND_HALF_UP)


def tenth(value: Decimal) -> Decimal:
    return value.quantize(TENTH, rounding=ROUND_HALF_UP)


def percent(part: int, whole: int) -> Decimal | None:
    return tenth(Decimal(100 * part) / whole) if whole else None


def days_of(seconds: Any, count: int) -> Decimal | None:
    return tenth(Decimal(str(seconds or 0)) / count / DAY_SECONDS) if count else None


def scope_conditions(
    actor: UserRow, scope: str, owner_id: int | None, user: Any, team: Any
) -> list[ColumnElement[bool]]:
    """Rows credited to `user` (whose team is `team`) that the actor may see and the scope
    keeps: admin everything, a manager their team, a rep themself (policy.see_condition's
    rule, on the credited user), then the scope's narrowing."""
    found = [see_condition(actor, owner=user, team=team)]
    if owner_id is not None:
        found.append(user == owner_id)
    elif scope == "team":
        found.append(team == actor.team_id if actor.team_id is not None else false())
    elif scope == "mine":
        found.append(user == actor.id)
    return found


def deal_scope(actor: UserRow, scope: str, owner_id: int | None) -> list[ColumnElement[bool]]:
    """Live deals the actor may see (policy.deal_see_condition), narrowed by the scope."""
    return [
        Deal.deleted_at.is_(None),
        deal_see_condition(actor),
        *scope_conditions(actor, scope, owner_id, Deal.owner_id, Deal.team_id)[1:],
    ]


def seconds_between(dialect: str, start: Any, end: Any) -> ColumnElement:
    """end − start in seconds. The one dialect-specific expression of the reports: no portable
    SQL subtracts two timestamps into a number."""
    if dialect == "sqlite":  # julianday: strftime('%s') cost 480 ms more over 310,000 deals
        return (func.julianday(end) - func.julianday(start)) * DAY_SECONDS
    if dialect == "postgresql":
        return extract("epoch", end - start)
    return func.timestampdiff(literal_column("SECOND"), start, end)  # MySQL / MariaDB


def dialect_of(session: Session) -> str:
    name = session.get_bind().dialect.name
    return "mysql" if name in ("mysql", "mariadb") else name


# ---------------------------------------------------------------- the funnel


def check_funnel(scope: Any, owner_id: Any, first_day: Any, end_day: Any) -> None:
    c = Checker()
    check_scope(c, scope, owner_id)
    check_days(c, first_day, end_day)
    c.done()


def cohort_conditions(
    actor: UserRow,
    pipeline_id: int,
    first_day: date,
    end_day: date,
    scope: str,
    owner_id: int | None,
    tz: tzinfo | None,
) -> list[ColumnElement[bool]]:
    """The funnel's cohort: the pipeline's live deals created in [first_day, end_day) local,
    that the actor may see, in scope. (Also the drill's: the same rows.)"""
    start, end = day_bounds(first_day, end_day, tz)
    return [Deal.pipeline_id == pipeline_id, Deal.created_at >= start, Deal.created_at < end,
            *deal_scope(actor, scope, owner_id)]  # fmt: skip


def pipeline_stages(session: Session, pipeline_id: int) -> list[Any]:
    """Every stage of the pipeline (turned-off ones too: a deal may have reached one), by
    position: rows of id, name, code, kind, position, active. NotFound: no such pipeline."""
    check_id(pipeline_id, "pipeline")
    rows = session.execute(
        select(Stage.id, Stage.name, Stage.code, Stage.kind, Stage.position, Stage.active)
        .where(Stage.pipeline_id == pipeline_id)
        .order_by(Stage.position, Stage.id)
    ).all()  # fmt: skip
    if not rows:
        raise NotFound(what="pipeline", id=pipeline_id)
    return rows


def reached_condition(stages: list[Any], stage_id: int) -> ColumnElement[bool]:
    """Deals that reached this open stage: won, or reached a stage at or past its position."""
    stage = next((s for s in stages if s.id == stage_id and s.kind == "open"), None)
    if stage is None:
        raise NotFound(what="stage", id=stage_id)
    ids = [s.id for s in stages if s.kind == "open" and s.position >= stage.position]
    return or_(Deal.status == "won", Deal.reached_stage_id.in_(ids))


def days_in_stages(
    session: Session,
    pipeline_id: int,
    stage_ids: list[int],
    where: list[ColumnElement[bool]],
    everyone: tuple[datetime, datetime] | None,
) -> dict[int, tuple[int, int]]:
    """{stage id: (seconds, moves)} of the cohort's moves that left these stages (the funnel's
    days per stage), from the moves' own copy of their deal's created_at (analytics_backfill).
    everyone: the cohort's UTC bounds when it is the whole pipeline's (the admin's "all"): one
    range of ix_deal_moves_cohort per stage, counted without a look at the deals, less the
    moves of the cohort's deleted deals (ix_deals_deleted: few). A join on deals read 800,000
    moves through their deals' rows (SQLite: 1.0 s at 1M deals; the ranges ~55 ms). Otherwise
    (a team's, a rep's, one owner's: `where`) from the cohort's deals to their moves through
    ix_deal_moves_stage, which holds all that is summed (a seek a deal: 1M deals, a team of
    155,000 in the cohort ~400 ms, a rep's 31,000 ~170 ms)."""
    if not stage_ids:
        return {}
    if everyone is None:
        rows = session.execute(
            select(DealMove.from_stage_id, func.sum(DealMove.stage_seconds), func.count())
            .join(Deal, Deal.id == DealMove.deal_id)
            .where(*where, DealMove.stage_seconds.is_not(None))
            .group_by(DealMove.from_stage_id)
        ).all()  # fmt: skip
        return {sid: (int(seconds or 0), int(n)) for sid, seconds, n in rows}
    start, end = everyone
    # COUNT(*): the moves with a deal_created_at are the ones with stage_seconds (a COUNT of
    # the column cost SQLite 30 ms more).
    parts = [
        select(literal(sid, Integer), literal(1, Integer), func.sum(DealMove.stage_seconds),
               func.count())
        .where(DealMove.from_stage_id == sid, DealMove.deal_created_at >= start,
               DealMove.deal_created_at < end)
        for sid in stage_ids
    ]  # fmt: skip
    # The deleted deals from ix_deals_deleted alone (no_index: with no deleted deal, ANALYZE
    # leaves the partial index no statistics, and SQLite walked the cohort's 310,000 deals or
    # the 1.7M moves instead: 60 ms, 1.5 s; this way 0), then their moves by deal_id.
    d = dialect_of(session)
    gone = select(Deal.id).where(
        Deal.deleted_at.is_not(None), no_index(Deal.pipeline_id, d) == pipeline_id,
        no_index(Deal.created_at, d) >= start, no_index(Deal.created_at, d) < end,
    )  # fmt: skip
    parts.append(
        select(DealMove.from_stage_id, literal(-1, Integer), func.sum(DealMove.stage_seconds),
               func.count())
        .where(DealMove.deal_id.in_(gone), no_index(DealMove.from_stage_id, d).in_(stage_ids),
               no_index(DealMove.deal_created_at, d).is_not(None))
        .group_by(DealMove.from_stage_id)
    )  # fmt: skip
    found: dict[int, tuple[int, int]] = {}
    for sid, sign, seconds, n in session.execute(union_all(*parts)).all():
        was = found.get(sid, (0, 0))
        found[sid] = (was[0] + sign * int(seconds or 0), was[1] + sign * int(n))
    return found


def funnel(
    session: Session,
    actor: UserRow,
    pipeline_id: int,
    first_day: date,
    end_day: date,
    scope: str = "all",
    owner_id: int | None = None,
    tz: tzinfo | None = None,
) -> FunnelResult:
    """The funnel of the deals created in [first_day, end_day) (local days): see the module's
    text. Stages shown: the pipeline's active open stages."""
    check_funnel(scope, owner_id, first_day, end_day)
    stages = pipeline_stages(session, pipeline_id)
    where = cohort_conditions(actor, pipeline_id, first_day, end_day, scope, owner_id, tz)
    cycle = seconds_between(dialect_of(session), Deal.created_at, Deal.closed_at)
    # One range of ix_deals_cohort (pipeline, reached stage, status, created_at, …) per reached
    # stage and status, as one statement: a GROUP BY over the year's deals sorted them all
    # into a temporary b-tree first (SQLite: 450 ms at 310,000 deals; these ranges, no sort).
    parts = []
    for reached in [None, *(s.id for s in stages if s.kind == "open")]:
        for status in ("open", "won", "lost"):
            parts.append(
                select(literal(reached, Integer), literal(status, String(8)), func.count(),
                       func.sum(cents(Deal.amount)),
                       func.sum(cycle) if status == "won" else null())
                .where(*where, Deal.status == status,
                       Deal.reached_stage_id.is_(None) if reached is None
                       else Deal.reached_stage_id == reached)
            )  # fmt: skip
    groups = [g for g in session.execute(union_all(*parts)).all() if g[2]]
    shown = [s.id for s in stages if s.kind == "open" and s.active]
    everyone = actor.is_admin and scope == "all" and owner_id is None
    bounds = day_bounds(first_day, end_day, tz)
    in_stage = days_in_stages(session, pipeline_id, shown, where, bounds if everyone else None)
    position = {s.id: s.position for s in stages if s.kind == "open"}
    totals = {"won": [0, 0, 0], "lost": [0, 0, 0]}
    created, created_cents = 0, 0
    for _reached, status, n, amount, seconds in groups:
        created, created_cents = created + n, created_cents + int(amount or 0)
        if status in totals:
            t = totals[status]
            t[0], t[1], t[2] = t[0] + n, t[1] + int(amount or 0), t[2] + (seconds or 0)
    rows, previous = [], None
    for s in stages:
        if s.kind != "open" or not s.active:
            continue
        n, amount = totals["won"][0], totals["won"][1]
        for reached, status, count, cents_, _seconds in groups:
            if status != "won" and reached in position and position[reached] >= s.position:
                n, amount = n + count, amount + int(cents_ or 0)
        seconds, moved = in_stage.get(s.id, (0, 0))
        conversion = None if previous is None else percent(n, previous)
        rows.append(FunnelStage(s.id, s.name, s.code, s.position, n, money(amount), conversion,
                                days_of(seconds, moved)))  # fmt: skip
        previous = n
    won, lost = totals["won"], totals["lost"]
    final = {s.kind: (s.id, s.name, s.code) for s in stages if s.kind != "open"}
    return FunnelResult(
        pipeline_id=pipeline_id, first_day=first_day, end_day=end_day, created=created,
        created_amount=money(created_cents), stages=tuple(rows), won=won[0],
        won_amount=money(won[1]), lost=lost[0], lost_amount=money(lost[1]),
        win_rate=percent(won[0], won[0] + lost[0]), cycle_days=days_of(won[2], won[0]),
        won_stage=final.get("won"), lost_stage=final.get("lost"),
    )  # fmt: skip
