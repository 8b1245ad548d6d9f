"""The demo's public pools: 华东公海 (the east China provinces), 金融行业公海 (the finance and
insurance trades) and the everyone's 公海 behind them, with rules; and which demo customers
sit in a pool (about a fifth), who let them go, when and why."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import SimpleNamespace

from sqlalchemy import select

from crmdesk.models.database import Database
from crmdesk.models.pool import (
    BUILT_IN_REASONS,
    PoolInput,
    PoolRow,
    RuleRow,
    ensure_defaults,
    home_pool,
    list_pools,
    save_pool,
)
from crmdesk.models.schema import User
from crmdesk.models.today import due_at
from crmdesk.models.users import UserRow, get_user

IN_POOL = 0.2  # the share of demo customers nobody owns
EAST = ("上海", "江苏", "浙江", "安徽", "福建", "江西", "山东")
FINANCE = ("金融", "保险")


@dataclass(frozen=True)
class PoolPlace:
    """A demo customer in a pool: which, since when, who let it go and why."""

    pool_id: int
    entered_at: datetime
    released_by_id: int
    code: str  # a release reason, or the recycle rule that took it
    kind: str  # released / recycled
    text: str  # the event's reason text (the rule's days for a recycle)


def ensure_demo_pools(db: Database, now: datetime) -> list[PoolRow]:
    """The demo's pools (once), in coverage order."""
    with db.writing() as s:
        ensure_defaults(s, now)
        have = {p.name for p in list_pools(s)}
        admin_id = s.scalar(select(User.id).where(User.role == "admin").order_by(User.id))
        admin = get_user(s, admin_id)
        rules = (RuleRow("no_follow_up", 60, (("A", 90),)), RuleRow("not_won", 365))
        specs = [
            PoolInput(name="华东公海", everyone=True, provinces=EAST, daily_claim_cap=5,
                      cooldown_days=15, protect_days=1, warn_days=3, rules=rules),
            PoolInput(name="金融行业公海", everyone=True, industries=FINANCE, daily_claim_cap=3,
                      cooldown_days=30, protect_days=0, warn_days=5,
                      rules=(RuleRow("no_follow_up", 90),)),
        ]  # fmt: skip
        for spec in specs:
            if spec.name not in have:
                save_pool(s, admin, None, spec, now)
        for p in list_pools(s):  # the everyone's pool recycles too
            if p.name == "公海" and not p.rules:
                data = PoolInput(name=p.name, everyone=True, daily_claim_cap=p.daily_claim_cap,
                                 cooldown_days=p.cooldown_days, warn_days=p.warn_days,
                                 rules=(RuleRow("no_follow_up", 120),))  # fmt: skip
                save_pool(s, admin, p.id, data, now, p.version)
        return list_pools(s)


def place(
    rng: random.Random,
    pools: Sequence[PoolRow],
    owner: UserRow,
    facts: tuple[str, str, str],  # industry, province, level
    since: datetime,
    now: datetime,
    share: float = IN_POOL,
) -> PoolPlace | None:
    """Whether this customer sits in a pool, and how it got there (None: it stays owned)."""
    if rng.random() >= share:
        return None
    industry, province, level = facts
    pool = home_pool(pools, owner, industry, province)
    if pool is None:
        return None
    # after the last thing its owner did (since), within the last half year
    entered = now - timedelta(days=rng.uniform(0, min(180, (now - since).days)))
    if pool.rules and rng.random() < 0.4:
        rule = rng.choice(pool.rules)
        days = rule.days_for(level)
        return PoolPlace(pool.id, entered, owner.id, rule.kind, "recycled", str(days))
    code = rng.choice(BUILT_IN_REASONS)
    words = ("客户暂无预算", "联系人已离职", "已多次联系未回复")
    text = rng.choice(words) if code == "other" or rng.random() < 0.3 else ""
    return PoolPlace(pool.id, entered, owner.id, code, "released", text)


def received_at(
    rng: random.Random, pools: Sequence[PoolRow], owner: UserRow, row: tuple, now: datetime
) -> datetime:
    """When the owner received an owned demo customer: at its creation, unless a rule of its
    pool would have taken it back by now (the demo's first recycle pass would empty the
    owners' lists); then recently, as if it had changed hands, a few of them so long ago that
    they fall in the pool's warning window (the Today page shows them)."""
    industry, province, level, status, created, last = row
    pool = home_pool(pools, owner, industry, province)
    rules = [r for r in pool.rules if r.enabled] if pool is not None else []
    facts = SimpleNamespace(received_at=created, created_at=created, last_follow_up_at=last,
                            status=status, level=level)  # fmt: skip
    due = [d for d in (due_at(r, facts) for r in rules) if d is not None]
    if not due or min(due) > now + timedelta(days=pool.warn_days):
        return created
    days = min(r.days_for(level) for r in rules)
    if rng.random() < 0.08:
        return now - timedelta(days=days - rng.uniform(0.2, max(1, pool.warn_days)))
    return now - timedelta(days=rng.uniform(1, days * 0.8))
