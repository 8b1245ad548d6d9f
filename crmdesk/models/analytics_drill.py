"""The rows behind a figure of the reports: the deals of a funnel stage (or its won, lost or
whole cohort), the deals or customers of a breakdown's segment (a series in a month, or a whole
series). Built from the very conditions the figures are (analytics.cohort_conditions and
reached_condition, analytics_breakdown.source and key_condition), so the count a drill gives
is the figure clicked: the number of deals for a deal measure (a deal counted once, as its
count figure does), the number of rows (customers created, follow-ups, pool events, a
customer row each) for the others.

Rows are chosen by who a figure credits (a deal's owner; a customer's creator, a follow-up's
author, a pool event's rep), not by who may open the row now: a customer created by a rep of
the actor's team and handed to another team since is counted in the team's new customers and
follow-ups, yet policy.customer_for_read refuses it to the team's manager. Such a row is still
listed (the count stays the figure), but hidden: hidden True and its names blanked (a deal's
title and customer; a customer's name, owner, industry and source). A deal is visible by
policy.deal_see_condition, a customer by policy.see_condition or by being in a pool the actor
sees (policy.visible_pool_ids), as customer_for_read decides."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, tzinfo
from typing import Any

from sqlalchemy import ColumnElement, case, distinct, func, or_, select
from sqlalchemy.orm import Session, aliased

from crmdesk.models.analytics import (
    check_funnel,
    cohort_conditions,
    pipeline_stages,
    reached_condition,
)
from crmdesk.models.analytics_breakdown import (
    breakdown,
    check_breakdown,
    key_condition,
    month_bounds,
    source,
)
from crmdesk.models.analytics_types import (
    OTHER,
    DrillCustomerRow,
    DrillDealRow,
    DrillResult,
    check_page,
)
from crmdesk.models.checks import Checker
from crmdesk.models.errors import ValidationFailed
from crmdesk.models.periods import Period
from crmdesk.models.policy import deal_see_condition, see_condition, visible_pool_ids
from crmdesk.models.schema import Customer, User
from crmdesk.models.schema_deals import Deal, Stage
from crmdesk.models.users import UserRow

FUNNEL_PARTS = ("created", "stage", "won", "lost")


def _deal_rows(
    session: Session, actor: UserRow, ids: Any, offset: int, limit: int
) -> tuple[DrillDealRow, ...]:
    """The deals whose ids the subquery selects, the latest created first; those the actor may
    not see hidden (see the module's text)."""
    owner = aliased(User)
    hidden = case((deal_see_condition(actor), 0), else_=1)
    stmt = (
        select(Deal.id, Deal.title, Deal.customer_id, Customer.name,
               func.coalesce(owner.name, ""), Stage.name, Stage.code, Deal.status, Deal.amount,
               Deal.created_at, Deal.closed_at, hidden)
        .join(Customer, Customer.id == Deal.customer_id)
        .join(Stage, Stage.id == Deal.stage_id)
        .outerjoin(owner, owner.id == Deal.owner_id)
        .where(Deal.id.in_(ids))
        .order_by(Deal.created_at.desc(), Deal.id.desc())
        .offset(offset)
        .limit(limit)
    )  # fmt: skip
    found = []
    for *values, secret in session.execute(stmt):
        row = DrillDealRow(*values)
        found.append(replace(row, title="", customer_name="", hidden=True) if secret else row)
    return tuple(found)


def customer_hidden(session: Session, actor: UserRow) -> ColumnElement[int]:
    """1 for a customer row the actor may not open (policy.customer_for_read's rule), else 0."""
    visible: ColumnElement[bool] = see_condition(actor)
    if not actor.is_admin:
        pools = visible_pool_ids(session, actor)
        if pools:
            visible = or_(visible, Customer.pool_id.in_(sorted(pools)))
    return case((visible, 0), else_=1)


def drill_funnel(
    session: Session,
    actor: UserRow,
    pipeline_id: int,
    first_day: date,
    end_day: date,
    part: str = "stage",
    stage_id: int | None = None,
    scope: str = "all",
    owner_id: int | None = None,
    tz: tzinfo | None = None,
    offset: int = 0,
    limit: int = 500,
) -> DrillResult:
    """The cohort's deals behind a funnel figure: part "stage" (those that reached stage_id,
    an open stage of the pipeline), "won", "lost" or "created" (the whole cohort)."""
    check_funnel(scope, owner_id, first_day, end_day)
    c = Checker()
    if part not in FUNNEL_PARTS:
        c.fail("part", "invalid")
    if part == "stage" and (isinstance(stage_id, bool) or not isinstance(stage_id, int)):
        c.fail("stage_id", "required")
    check_page(c, offset, limit)
    c.done()
    stages = pipeline_stages(session, pipeline_id)
    where: list[ColumnElement[bool]] = cohort_conditions(
        actor, pipeline_id, first_day, end_day, scope, owner_id, tz
    )
    if part == "stage":
        where.append(reached_condition(stages, stage_id))
    elif part in ("won", "lost"):
        where.append(Deal.status == part)
    count = session.scalar(select(func.count()).select_from(Deal).where(*where)) or 0
    ids = select(Deal.id).where(*where)
    return DrillResult(int(count), _deal_rows(session, actor, ids, offset, limit))


def drill_breakdown(
    session: Session,
    actor: UserRow,
    measure: str,
    by: str,
    first_month: Period,
    months: int,
    key: Any = None,
    code: str = "",
    month: int | None = None,
    scope: str = "all",
    owner_id: int | None = None,
    tz: tzinfo | None = None,
    offset: int = 0,
    limit: int = 500,
) -> DrillResult:
    """The rows behind a breakdown's segment: the series given by its key and code (as the
    Breakdown gave them; code OTHER, "_rest": the series folded past MAX_SERIES), in month
    `month` (an index into the breakdown's months; None: all of them). Deal measures list deals
    (DrillDealRow); the others a customer row per counted row (DrillCustomerRow)."""
    check_breakdown(measure, by, first_month, months, scope, owner_id)
    c = Checker()
    if month is not None and (isinstance(month, bool) or not isinstance(month, int)
                              or not 0 <= month < months):  # fmt: skip
        c.fail("month", "out_of_range", months)
    check_page(c, offset, limit)
    c.done()
    bounds = month_bounds(first_month, months, tz)
    src = source(measure, by, actor, scope, owner_id, bounds[0], bounds[-1])
    shown: list = []
    if code == OTHER:
        shown = list(breakdown(session, actor, measure, by, first_month, months, scope,
                               owner_id, tz).series)  # fmt: skip
    elif not isinstance(code, str):
        raise ValidationFailed(errors=[("code", "invalid")], limits={})
    where = [key_condition(src, by, key, code, shown)]
    if month is not None:
        where += [src.at >= bounds[month], src.at < bounds[month + 1]]
    if src.deals:
        count = session.scalar(src.select(func.count(distinct(src.row_id))).where(*where))
        ids = src.select(src.row_id).where(*where)
        return DrillResult(int(count or 0), _deal_rows(session, actor, ids, offset, limit))
    count = session.scalar(src.select(func.count()).where(*where))
    owner = aliased(User)
    stmt = (
        src.select(Customer.id, Customer.name, func.coalesce(owner.name, ""), Customer.industry,
                   Customer.source, Customer.status, Customer.created_at, src.at,
                   customer_hidden(session, actor))
        .outerjoin(owner, owner.id == Customer.owner_id)
        .where(*where)
        .order_by(src.at.desc(), src.row_id.desc())
        .offset(offset)
        .limit(limit)
    )  # fmt: skip
    rows = []
    for *values, secret in session.execute(stmt):
        row = DrillCustomerRow(*values)
        if secret:
            row = replace(row, name="", owner_name="", industry="", source="", hidden=True)
        rows.append(row)
    return DrillResult(int(count or 0), tuple(rows))
