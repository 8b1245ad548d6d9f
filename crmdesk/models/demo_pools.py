"""The demo's public pools: 华东公海 (the east China provinces), 金融行业公海 (the finance and
insurance trades) and the everyone's 公海 behind them, with rules; and which demo customers
sit in a pool (about a fifth), who let them go, when and why."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

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
        rules = (RuleRow("no_follow_up", 30, (("A", 60),)), RuleRow("not_won", 180))
        specs = [
            PoolInput(name="华东公海", everyone=True, provinces=EAST, daily_claim_cap=5,
                      cooldown_days=15, protect_days=1, warn_days=3, rules=rules),
            PoolInput(name="金融行业公海", everyone=True, industries=FINANCE, daily_claim_cap=3,
                      cooldown_days=30, protect_days=0, warn_days=5,
                      rules=(RuleRow("no_follow_up", 45),)),
        ]  # fmt: skip
        for spec in specs:
            if spec.name not in have:
                save_pool(s, admin, None, spec, now)
        for p in list_pools(s):  # the everyone's pool recycles too
            if p.name == "公海" and not p.rules:
                data = PoolInput(name=p.name, everyone=True, daily_claim_cap=p.daily_claim_cap,
                                 cooldown_days=p.cooldown_days, warn_days=p.warn_days,
                                 rules=(RuleRow("no_follow_up", 90),))  # fmt: skip
                save_pool(s, admin, p.id, data, now, p.version)
        return list_pools(s)


def place(
    rng: random.Random,
    pools: Sequence[PoolRow],
    owner: UserRow,
    industry: str,
    province: str,
    created: datetime,
    now: datetime,
) -> PoolPlace | None:
    """Whether this customer sits in a pool, and how it got there (None: it stays owned)."""
    if rng.random() >= IN_POOL:
        return None
    pool = home_pool(pools, owner, industry, province)
    if pool is None:
        return None
    entered = now - timedelta(days=rng.uniform(0, min(180, (now - created).days)))
    if pool.rules and rng.random() < 0.4:
        rule = rng.choice(pool.rules)
        return PoolPlace(pool.id, entered, owner.id, rule.kind, "recycled", str(rule.days))
    code = rng.choice(BUILT_IN_REASONS)
    words = ("客户暂无预算", "联系人已离职", "已多次联系未回复")
    text = rng.choice(words) if code == "other" or rng.random() < 0.3 else ""
    return PoolPlace(pool.id, entered, owner.id, code, "released", text)
