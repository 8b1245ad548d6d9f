"""The reports' figures on SQLite, PostgreSQL and MariaDB, each checked against a recomputation
by hand in plain Python over the same rows (test_analytics_seed.py): the funnel for several
actors, scopes and ranges in a non-UTC zone; every measure's monthly breakdown by every
grouping it allows; the drill-downs, whose counts equal the figures clicked."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from test_analytics_seed import (
    SHANGHAI,
    day_of,
    half_up,
    history_by_hand,
    in_scope,
    month_index,
    reorder,
    rows,
    seed,
)

from crmdesk.models import analytics, analytics_breakdown, analytics_drill
from crmdesk.models.analytics_types import BY_FOR, MEASURES, MONEY_MEASURES, NONE, OTHER
from crmdesk.models.errors import ValidationFailed
from crmdesk.models.periods import Period

CENTS = Decimal("0.01")


# ---------------------------------------------------------------- the funnel


def funnel_by_hand(r, actor, pipeline_id, first, end, scope="all", owner_id=None):
    """The funnel from the deals and their moves; the stored reached_stage_id and stage_seconds
    are not read (recomputed by history_by_hand), so this catches them wrong too."""
    stages = sorted((s for s in r["stages"] if s.pipeline_id == pipeline_id),
                    key=lambda s: (s.position, s.id))  # fmt: skip
    pos = {s.id: s.position for s in stages if s.kind == "open"}
    reached, seconds = history_by_hand(r)
    cohort = [d for d in r["deals"] if d.pipeline_id == pipeline_id and d.deleted_at is None
              and first <= day_of(d.created_at) < end
              and in_scope(actor, scope, owner_id, d.owner_id, d.team_id)]  # fmt: skip
    ids = {d.id for d in cohort}
    found, previous = [], None
    for s in stages:
        if s.kind != "open" or not s.active:
            continue
        got = [d for d in cohort if d.status == "won"
               or pos.get(reached[d.id], -1) >= s.position]  # fmt: skip
        secs = [seconds[m.id] for m in r["moves"] if m.deal_id in ids
                and m.from_stage_id == s.id and m.id in seconds]  # fmt: skip
        found.append((s.id, s.name, s.code, s.position, len(got),
                      sum((d.amount for d in got), Decimal(0)).quantize(CENTS),
                      None if not previous else half_up(Fraction(100 * len(got), previous)),
                      half_up(Fraction(sum(secs), len(secs) * 86400)) if secs else None,
                      ))  # fmt: skip
        previous = len(got)
    won = [d for d in cohort if d.status == "won"]
    lost = [d for d in cohort if d.status == "lost"]
    cycle = sum(int((d.closed_at - d.created_at).total_seconds()) for d in won)
    return {
        "created": len(cohort),
        "created_amount": sum((d.amount for d in cohort), Decimal(0)).quantize(CENTS),
        "stages": found,
        "won": len(won),
        "won_amount": sum((d.amount for d in won), Decimal(0)).quantize(CENTS),
        "lost": len(lost),
        "lost_amount": sum((d.amount for d in lost), Decimal(0)).quantize(CENTS),
        "win_rate": half_up(Fraction(100 * len(won), len(won) + len(lost))) if won or lost
        else None,
        "cycle_days": half_up(Fraction(cycle, 86400 * len(won))) if won else None,
    }  # fmt: skip


def funnel_as_dict(f):
    return {
        "created": f.created, "created_amount": f.created_amount,
        "stages": [(s.stage_id, s.name, s.code, s.position, s.deals, s.amount, s.conversion,
                    s.avg_days) for s in f.stages],
        "won": f.won, "won_amount": f.won_amount, "lost": f.lost, "lost_amount": f.lost_amount,
        "win_rate": f.win_rate, "cycle_days": f.cycle_days,
    }  # fmt: skip


def cases(people):
    p = people
    return [(p.admin, "all", None), (p.manager_n, "team", None), (p.manager_n, "all", None),
            (p.rep_n1, "mine", None), (p.admin, "all", p.rep_s1.id), (p.admin, "team", None),
            (p.manager_s, "mine", None), (p.rep_n2, "all", p.rep_n1.id)]  # fmt: skip


RANGES = [(date(2025, 10, 1), date(2026, 12, 1)), (date(2026, 1, 1), date(2026, 2, 1)),
          (date(2026, 2, 1), date(2026, 6, 1)), (date(2025, 12, 31), date(2026, 1, 2))]  # fmt: skip


def test_funnel_against_a_recomputation(db, people, pipeline):
    seeded = seed(db, people)
    r = rows(db)
    pid = seeded.st["pipeline"]
    checked = 0
    for actor, scope, owner in cases(people):
        for first, end in RANGES:
            got = db.read(lambda s, a=actor, sc=scope, o=owner, f=first, e=end:
                          analytics.funnel(s, a, pid, f, e, sc, o, SHANGHAI))  # fmt: skip
            assert funnel_as_dict(got) == funnel_by_hand(r, actor, pid, first, end, scope, owner)
            assert got.won_stage[0] == seeded.st["won"]
            checked += got.created
            # the drill lists exactly the deals behind every figure
            for part, stage_id, figure in (
                [("stage", s.stage_id, s.deals) for s in got.stages]
                + [("won", None, got.won), ("lost", None, got.lost), ("created", None,
                                                                      got.created)]
            ):  # fmt: skip
                drill = db.read(lambda s, a=actor, sc=scope, o=owner, f=first, e=end, p=part,
                                i=stage_id: analytics_drill.drill_funnel(
                                    s, a, pid, f, e, p, i, sc, o, SHANGHAI, 0, 10_000))  # fmt: skip
                assert drill.count == figure == len(drill.rows)
                assert not any(x.hidden for x in drill.rows)  # the cohort: deals one may see
                if part == "won":
                    assert sum((x.amount for x in drill.rows), Decimal(0)) == got.won_amount
    assert checked > 100  # the figures were not all empty
    full = db.read(lambda s: analytics.funnel(s, people.admin, pid, *RANGES[0], tz=SHANGHAI))
    assert full.won and full.lost and full.stages[0].deals > full.stages[-1].deals
    assert any(s.avg_days for s in full.stages)


def test_funnel_after_the_stages_were_reordered(db, people, pipeline):
    """An admin reorders the open stages: the furthest stage each deal entered is another one
    now, and the funnel follows the new order (pipeline_admin recomputes reached_stage_id)."""
    seeded = seed(db, people)
    pid = seeded.st["pipeline"]
    before = rows(db)
    reorder(db, people.admin, pid, ("d", "b", "a", "c"))
    r = rows(db)
    assert history_by_hand(r)[0] != history_by_hand(before)[0]  # the order matters here
    stored = {d.id: d.reached_stage_id for d in r["deals"]}
    assert stored == history_by_hand(r)[0]
    seen = 0
    for actor, scope, owner in cases(people)[:4]:
        for first, end in RANGES[:3]:
            got = db.read(lambda s, a=actor, sc=scope, o=owner, f=first, e=end:
                          analytics.funnel(s, a, pid, f, e, sc, o, SHANGHAI))  # fmt: skip
            assert funnel_as_dict(got) == funnel_by_hand(r, actor, pid, first, end, scope, owner)
            assert [s.code for s in got.stages] == ["d", "b", "a", "c"]
            seen += got.created
    assert seen > 50


def test_funnel_refuses_bad_input(db, people, pipeline):
    admin = people.admin
    for args in (
        (pipeline.id, date(2026, 2, 1), date(2026, 1, 1)),
        (pipeline.id, None, date(2026, 1, 1)),
        (pipeline.id, "2026", date(2026, 1, 1)),
    ):
        with pytest.raises(ValidationFailed):
            db.read(lambda s, a=args: analytics.funnel(s, admin, *a))  # fmt: skip
    with pytest.raises(ValidationFailed):
        db.read(lambda s: analytics.funnel(s, admin, pipeline.id, date(2026, 1, 1),
                                           date(2026, 2, 1), scope="everyone"))  # fmt: skip


# ---------------------------------------------------------------- the monthly breakdown


def items_by_hand(r, actor, measure, by, first, months, scope, owner_id):
    """(month, key, value, row id) of every counted row: value in cents (a Fraction)."""
    users = {u.id: u for u in r["users"]}
    customers = {c.id: c for c in r["customers"]}

    def team(uid):
        return users[uid].team_id if uid in users else None

    out = []
    if measure in ("won_amount", "won_count", "lost_amount", "lost_count"):
        status = measure.split("_")[0]
        for d in r["deals"]:
            i = month_index(d.closed_at, first, months)
            if (d.status != status or d.deleted_at is not None or i is None
                    or not in_scope(actor, scope, owner_id, d.owner_id, d.team_id)):  # fmt: skip
                continue
            cents = Fraction(int(d.amount * 100))
            if by == "product":
                lines = [x for x in r["lines"] if x.deal_id == d.id]
                weights = [x.quantity * x.unit_price * (100 - x.discount) for x in lines]
                total = sum(weights, Decimal(0))
                if not lines:
                    out.append((i, None, cents, d.id))
                for x, w in zip(lines, weights, strict=True):
                    share = cents * Fraction(w) / Fraction(total) if total else cents / len(lines)
                    out.append((i, x.product_id, share, d.id))
                continue
            key = {"none": None, "rep": d.owner_id, "team": d.team_id, "source": d.source,
                   "lost_reason": d.lost_code,
                   "industry": customers[d.customer_id].industry}[by]  # fmt: skip
            out.append((i, key, cents, d.id))
        return out
    if measure == "new_customers":
        found = [(c.created_at, c.created_by_id, c, None, c.id) for c in r["customers"]]
    elif measure == "follow_ups":
        found = [(f.happened_at, f.author_id, customers[f.customer_id], f.kind, f.id)
                 for f in r["follow_ups"]]  # fmt: skip
    else:
        found = []
        for e in r["events"]:
            into = e.kind in ("released", "recycled") or (
                e.kind == "created" and e.to_owner_id is None and e.pool_id is not None
            )
            if measure == "pool_in" and into:
                found.append((e.at, e.from_owner_id, customers[e.customer_id], None, e.id))
            if measure == "pool_out" and e.kind in ("claimed", "assigned"):
                found.append((e.at, e.to_owner_id, customers[e.customer_id], None, e.id))
    for at, uid, c, kind, row_id in found:
        i = month_index(at, first, months)
        if c.deleted_at is not None or i is None:
            continue
        if not in_scope(actor, scope, owner_id, uid, team(uid)):
            continue
        key = {"none": None, "rep": uid, "team": team(uid), "source": c.source,
               "industry": c.industry, "follow_up_kind": kind}[by]  # fmt: skip
        out.append((i, key, Fraction(1), row_id))
    return out


def breakdown_by_hand(r, actor, measure, by, first, months, scope="all", owner_id=None):
    cells: dict = {}
    for i, key, value, row_id in items_by_hand(r, actor, measure, by, first, months, scope,
                                               owner_id):  # fmt: skip
        key = None if key == "" else key
        cell = cells.setdefault(key, [[Fraction(0), set()] for _ in range(months)])[i]
        cell[0] += value
        cell[1].add(row_id)
    names = {"rep": {u.id: u.name for u in r["users"]}, "team": {t.id: t.name for t in r["teams"]},
             "product": {p.id: p.name for p in r["products"]}}  # fmt: skip
    reasons = {x.code: x.label for x in r["reasons"]}
    series = []
    for key, raw in cells.items():
        if measure in MONEY_MEASURES:
            values = tuple(half_up(v / 100, "0.01") for v, _ids in raw)
        else:
            values = tuple(Decimal(len(ids)) for _v, ids in raw)
        if by == "none":
            label, code = "", "all"
        elif key is None:
            label, code = "", "none"
        elif by in names:
            label, code = names[by][key], ""
        elif by == "lost_reason":
            label, code = (reasons[key], "") if reasons.get(key) else ("", key)
        elif by == "follow_up_kind":
            label, code = "", key
        else:
            label, code = key, ""
        series.append((key, label, code, values, sum(values, Decimal(0))))
    series.sort(key=lambda s: (-s[4], s[2] == "none", s[1], s[2], str(s[0])))
    if len(series) > 12:
        rest = series[12:]
        values = tuple(sum((s[3][i] for s in rest), Decimal(0)) for i in range(months))
        series = series[:12] + [("_rest", "", "_rest", values, sum(values, Decimal(0)))]
    return series


def as_tuples(b):
    return [(s.key, s.label, s.code, s.values, s.total) for s in b.series]


def test_every_measure_by_every_grouping_against_a_recomputation(db, people, pipeline):
    seed(db, people)
    r = rows(db)
    first, months = Period(2025, 0, 10), 14
    seen = 0
    for actor, scope, owner in cases(people)[:5]:
        for measure in MEASURES:
            for by in BY_FOR[measure]:
                got = db.read(lambda s, a=actor, m=measure, b=by, sc=scope, o=owner:
                              analytics_breakdown.breakdown(s, a, m, b, first, months, sc, o,
                                                            SHANGHAI))  # fmt: skip
                want = breakdown_by_hand(r, actor, measure, by, (2025, 10), months, scope, owner)
                assert as_tuples(got) == want, (actor.login, measure, by)
                assert got.totals == tuple(sum((s.values[i] for s in got.series), Decimal(0))
                                           for i in range(months))  # fmt: skip
                assert [p.month for p in got.months][:4] == [10, 11, 12, 1]
                seen += len(got.series)
    assert seen > 300


def test_drill_counts_equal_the_segments(db, people, pipeline):
    seed(db, people)
    first, months = Period(2025, 0, 10), 14
    # Everyone, and a team (a manager's "all" is the team anyway).
    for actor, scope, owner in cases(people)[:2]:
        for measure in MEASURES:
            for by in BY_FOR[measure]:
                counted = measure.replace("amount", "count")  # a deal measure's count figure
                b = db.read(lambda s, a=actor, m=counted, y=by, sc=scope, o=owner:
                            analytics_breakdown.breakdown(s, a, m, y, first, months, sc, o,
                                                          SHANGHAI))  # fmt: skip
                # The two largest series and the special ones (no value, the folded rest): the
                # conditions differ by kind of key, not by which key (keeps the test quick on
                # the servers, where every drill is a round trip).
                checked = [x for i, x in enumerate(b.series) if i < 2 or x.code in (NONE, OTHER)]
                for series in checked:
                    filled = [i for i in range(months) if series.values[i]]
                    for month in [None, *filled[:1]]:  # the whole series, its first month
                        figure = series.total if month is None else series.values[month]
                        drill = db.read(lambda s, a=actor, sc=scope, o=owner, x=series, mo=month,
                                        m=measure, y=by: analytics_drill.drill_breakdown(
                                            s, a, m, y, first, months, x.key, x.code, mo, sc, o,
                                            SHANGHAI, 0, 10_000))  # fmt: skip
                        assert drill.count == figure == len(drill.rows), (measure, by, series)
                if measure in MONEY_MEASURES and by not in ("product",):
                    money = db.read(lambda s, a=actor, m=measure, y=by, sc=scope, o=owner:
                                    analytics_breakdown.breakdown(s, a, m, y, first, months, sc,
                                                                  o, SHANGHAI))  # fmt: skip
                    for series in money.series:
                        drill = db.read(lambda s, a=actor, sc=scope, o=owner, x=series, m=measure,
                                        y=by: analytics_drill.drill_breakdown(
                                            s, a, m, y, first, months, x.key, x.code, None, sc,
                                            o, SHANGHAI, 0, 10_000))  # fmt: skip
                        assert sum((x.amount for x in drill.rows), Decimal(0)) == series.total


def test_past_twelve_series_the_rest_is_other(db, people, pipeline):
    seed(db, people, n_deals=0)
    from sqlalchemy import update

    from crmdesk.models.schema import Customer

    with db.writing() as s:  # fifteen industries, a customer each, created in March
        ids = list(s.scalars(Customer.__table__.select().with_only_columns(Customer.id)))
        for n, cid in enumerate(ids[:15]):
            s.execute(update(Customer).where(Customer.id == cid).values(
                industry=f"行业{n:02}", created_by_id=people.rep_n1.id,
                created_at=__import__("datetime").datetime(2026, 3, 10, 8, 0)))  # fmt: skip
    r = rows(db)
    got = db.read(
        lambda s: analytics_breakdown.breakdown(
            s, people.admin, "new_customers", "industry", Period(2026, 0, 3), 1, tz=SHANGHAI
        )
    )
    want = breakdown_by_hand(r, people.admin, "new_customers", "industry", (2026, 3), 1)
    assert as_tuples(got) == want
    assert len(got.series) == 13 and got.series[-1].code == "_rest"
    other = got.series[-1]
    drill = db.read(lambda s: analytics_drill.drill_breakdown(
        s, people.admin, "new_customers", "industry", Period(2026, 0, 3), 1, other.key,
        other.code, 0, tz=SHANGHAI))  # fmt: skip
    assert drill.count == other.total == len(drill.rows) > 0


def test_breakdown_refuses_bad_input(db, people):
    admin = people.admin
    bad = [("won_amount", "follow_up_kind", Period(2026, 0, 1), 12),
           ("nothing", "rep", Period(2026, 0, 1), 12), ("won_amount", "rep", Period(2026), 12),
           ("won_amount", "rep", Period(2026, 0, 1), 37),
           ("won_amount", "rep", Period(2026, 0, 1), 0)]  # fmt: skip
    for args in bad:
        with pytest.raises(ValidationFailed):
            db.read(lambda s, a=args: analytics_breakdown.breakdown(s, admin, *a))
