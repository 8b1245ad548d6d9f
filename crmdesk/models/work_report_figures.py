"""The figures a work report (日报 / 周报) is pre-filled with: what the program counted for one
rep over one report period, and the periods themselves (a local day, or a Monday–Sunday week).

Each figure is counted for the report's author, over the period's local days turned into naive
UTC bounds (periods.day_bounds), with the same conditions as the targets' achieved figures:
- new_customers: customers not deleted, created_at in the period, created_by_id the rep;
- follow_ups: follow-ups by kind (schema.FOLLOW_UP_KINDS), happened_at in the period,
  author_id the rep, their customer not deleted; visits are the kind "visit" of them;
- deals_created: deals not deleted, created_at in the period, owned by the rep;
- deals_moved: stage moves (deal_moves kind "moved", forward or back) the rep made, at in the
  period, on deals not deleted;
- deals_won / won_amount: deals not deleted, status won, closed_at in the period, owned by the
  rep;
- payments: payments not voided on contracts not deleted, received_on (a local date) in the
  period, payments.owner_id the rep.
Money is summed as whole cents (integers on every backend, as receivables.py does).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta, tzinfo
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crmdesk.models.errors import ValidationFailed
from crmdesk.models.periods import day_bounds
from crmdesk.models.schema import FOLLOW_UP_KINDS, Customer, FollowUp
from crmdesk.models.schema_contracts import Contract, Payment
from crmdesk.models.schema_deals import Deal, DealMove
from crmdesk.models.schema_targets import REPORT_KINDS
from crmdesk.models.sums import cents, money_of

CENT = Decimal("0.01")
EARLIEST, LATEST = date(1900, 1, 1), date(2199, 12, 31)


def period_of_report(kind: str, day: date) -> tuple[date, date]:
    """(first day, last day) of the report period holding `day`: the day itself (daily), or
    its Monday–Sunday week (weekly). Both inclusive, as WorkReport stores them."""
    if kind not in REPORT_KINDS:
        raise ValidationFailed(errors=[("kind", "invalid")], limits={})
    if isinstance(day, bool) or not isinstance(day, date) or not EARLIEST <= day <= LATEST:
        raise ValidationFailed(errors=[("day", "out_of_range")], limits={})
    if kind == "daily":
        return day, day
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


@dataclass(frozen=True)
class ReportFigures:
    """One rep's counted figures over one report period. follow_ups: (kind, count) for every
    kind in FOLLOW_UP_KINDS order (zeros included)."""

    new_customers: int = 0
    follow_ups: tuple[tuple[str, int], ...] = field(
        default_factory=lambda: tuple((k, 0) for k in FOLLOW_UP_KINDS)
    )
    deals_created: int = 0
    deals_moved: int = 0
    deals_won: int = 0
    won_amount: Decimal = Decimal("0.00")
    payments: Decimal = Decimal("0.00")

    @property
    def follow_up_total(self) -> int:
        return sum(n for _k, n in self.follow_ups)

    @property
    def visits(self) -> int:
        return dict(self.follow_ups).get("visit", 0)

    def to_json(self) -> str:
        return json.dumps(
            {
                "new_customers": self.new_customers,
                "follow_ups": dict(self.follow_ups),
                "visits": self.visits,
                "deals_created": self.deals_created,
                "deals_moved": self.deals_moved,
                "deals_won": self.deals_won,
                "won_amount": str(self.won_amount),
                "payments": str(self.payments),
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> ReportFigures:
        """What a report stored; anything unreadable (an empty or older text) reads as zeros,
        never as an error that hides the report."""
        try:
            data = json.loads(text) if text else {}
            kinds = data.get("follow_ups") or {}
            return cls(
                int(data.get("new_customers", 0)),
                tuple((k, int(kinds.get(k, 0))) for k in FOLLOW_UP_KINDS),
                int(data.get("deals_created", 0)),
                int(data.get("deals_moved", 0)),
                int(data.get("deals_won", 0)),
                Decimal(str(data.get("won_amount", "0"))).quantize(CENT),
                Decimal(str(data.get("payments", "0"))).quantize(CENT),
            )
        except (ValueError, TypeError, AttributeError, ArithmeticError):
            return cls()


def figures(
    session: Session, user_id: int, kind: str, start: date, tz: tzinfo | None
) -> ReportFigures:
    """The figures of `user_id`'s report of this kind whose period holds `start` (see the
    module's docstring for what each counts)."""
    first, last = period_of_report(kind, start)
    end = last + timedelta(days=1)
    lo, hi = day_bounds(first, end, tz)

    new_customers = session.scalar(
        select(func.count()).select_from(Customer).where(
            Customer.created_by_id == user_id, Customer.created_at >= lo,
            Customer.created_at < hi, Customer.deleted_at.is_(None),
        )
    )  # fmt: skip
    by_kind = dict(
        session.execute(
            select(FollowUp.kind, func.count())
            .join(Customer, Customer.id == FollowUp.customer_id)
            .where(
                FollowUp.author_id == user_id, FollowUp.happened_at >= lo,
                FollowUp.happened_at < hi, Customer.deleted_at.is_(None),
            )
            .group_by(FollowUp.kind)
        ).all()
    )  # fmt: skip
    created = session.scalar(
        select(func.count()).select_from(Deal).where(
            Deal.owner_id == user_id, Deal.created_at >= lo, Deal.created_at < hi,
            Deal.deleted_at.is_(None),
        )
    )  # fmt: skip
    moved = session.scalar(
        select(func.count()).select_from(DealMove)
        .join(Deal, Deal.id == DealMove.deal_id)
        .where(
            DealMove.actor_id == user_id, DealMove.kind == "moved", DealMove.at >= lo,
            DealMove.at < hi, Deal.deleted_at.is_(None),
        )
    )  # fmt: skip
    won_count, won_cents = session.execute(
        select(func.count(), func.sum(cents(Deal.amount))).where(
            Deal.owner_id == user_id, Deal.status == "won", Deal.closed_at >= lo,
            Deal.closed_at < hi, Deal.deleted_at.is_(None),
        )
    ).one()  # fmt: skip
    paid_cents = session.scalar(
        select(func.sum(cents(Payment.amount)))
        .join(Contract, Contract.id == Payment.contract_id)
        .where(
            Payment.owner_id == user_id, Payment.voided_at.is_(None),
            Payment.received_on >= first, Payment.received_on < end,
            Contract.deleted_at.is_(None),
        )
    )  # fmt: skip
    return ReportFigures(
        int(new_customers or 0),
        tuple((k, int(by_kind.get(k, 0))) for k in FOLLOW_UP_KINDS),
        int(created or 0),
        int(moved or 0),
        int(won_count or 0),
        money_of(won_cents),
        money_of(paid_cents),
    )
