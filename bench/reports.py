"""Reports at scale: the funnel and the monthly breakdown on a SQLite file with 1,000,000 deals
in the default pipeline, created over about three years, owned by the ten reps of two teams.

Usage:
  python bench/reports.py --build PATH [--deals 1000000] [--customers 20000]
  python bench/reports.py --models PATH [--runs 9]
  python bench/reports.py            (builds bench/data/reports-1m.sqlite if missing, --models)

--build writes the file: generate_demo(customers, seed=7) for the people and the customers,
then the deals and their stage histories by raw executemany (demo_deals would take a
customer's whole history per deal; here only what the reports read): each deal created into
the first open stage and moved forward (a skip now and then, a step back sometimes) up to the
stage it reached, then won or lost or left open, with reached_stage_id, stage_seconds and
deal_created_at as analytics_backfill defines them; then full planner statistics. The build's
clock is kept beside the file (PATH.json), so every run counts the same "current year".

--models times, through the Workspace as the admin (a read each, as the reports page calls
them): the funnel of the deals created this year (funnel_ms) and the won amount by rep for the
last 12 months (monthly_ms); the same funnel read by a manager (their team's deals:
funnel_manager_ms) and by a rep (their own: funnel_rep_ms); baseline in the same run: one
COUNT(*) of the year's cohort from ix_deals_cohort (cohort_count_ms). Medians of --runs
runs, in ms, with the load average at the start and the end; one JSON line at the end.

--gui PATH times the targets dashboard's first paint on the file (measure_gui says what);
with no option, both parts run and their keys share the one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

from _common import DATA, compile_bytecode, median_ms

SQLITE_TIME = "%Y-%m-%d %H:%M:%S.000000"  # how SQLAlchemy stores a DateTime in SQLite
YEARS = 3


def log(*parts: object) -> None:
    print(*parts, file=sys.stderr, flush=True)


def _reps(session) -> list[tuple[int, int]]:
    """(id, team) of the reps of the first two teams: about ten reps."""
    from sqlalchemy import select

    from crmdesk.models.schema import User

    rows = session.execute(
        select(User.id, User.team_id).where(User.role == "rep").order_by(User.team_id, User.id)
    ).all()
    teams = sorted({t for _i, t in rows if t is not None})[:2]
    return [(i, t) for i, t in rows if t in teams]


def build(path: Path, deals: int, customers: int) -> dict:
    from sqlalchemy import select

    from crmdesk.models.checks import utc_now
    from crmdesk.models.database import open_database
    from crmdesk.models.demo import generate_demo
    from crmdesk.models.dialects import refresh_statistics
    from crmdesk.models.pipeline import get_pipeline
    from crmdesk.models.pipeline_defaults import create_default_pipeline
    from crmdesk.models.schema import Customer

    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    now = utc_now().replace(microsecond=0)
    start = time.perf_counter()
    db = open_database(f"sqlite:///{path}")
    generate_demo(db, customers=customers, seed=7, now=now, deals=False, pooled=0)
    rng = random.Random(7)
    with db.writing() as s:
        pipeline = get_pipeline(s, create_default_pipeline(s, now))
        reps = _reps(s)
        owned = s.execute(select(Customer.id, Customer.owner_id)).all()
    opens = pipeline.open_stages
    won, lost = pipeline.final("won"), pipeline.final("lost")
    by_owner: dict[int, list[int]] = {}
    for cid, owner in owned:
        by_owner.setdefault(owner, []).append(cid)
    any_customer = [cid for cid, _o in owned]
    span = int(timedelta(days=365 * YEARS).total_seconds())
    deal_rows, move_rows, move_id = [], [], 1
    conn = db.engine.raw_connection()
    cursor = conn.cursor()
    # Indexes dropped for the load and made again after it, from sorted data: inserting 1M
    # rows at random places of nine indexes ran at ~400 deals a second.
    indexes = cursor.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        " AND tbl_name IN ('deals', 'deal_moves')"
    ).fetchall()
    for name, _sql in indexes:
        cursor.execute(f"DROP INDEX {name}")
    conn.commit()
    deal_sql = (
        "INSERT INTO deals(id, customer_id, title, amount, amount_manual, currency, owner_id,"
        " team_id, pipeline_id, stage_id, status, source, competitor, notes, external_id,"
        " created_at, created_by_id, updated_at, updated_by_id, stage_entered_at, closed_at,"
        " lost_code, lost_text, version, reached_stage_id)"
        " VALUES(?,?,?,?,0,'CNY',?,?,?,?,?,?,'','','',?,?,?,?,?,?,?,'',1,?)"
    )
    move_sql = (
        "INSERT INTO deal_moves(id, deal_id, kind, from_stage_id, to_stage_id, at, actor_id,"
        " comment, answers, stage_seconds, deal_created_at) VALUES(?,?,?,?,?,?,?,'','',?,?)"
    )
    sources = ["官网", "电话营销", "展会", "转介绍", "网络广告", ""]
    reasons = ["price", "competitor", "no_budget", "timing"]

    def flush() -> None:
        cursor.executemany(deal_sql, deal_rows)
        cursor.executemany(move_sql, move_rows)
        conn.commit()
        deal_rows.clear()
        move_rows.clear()

    # Created in id order, as a live database grows (ids and created_at rise together).
    starts = sorted(now - timedelta(seconds=rng.randrange(span)) for _ in range(deals))
    for deal_id in range(1, deals + 1):
        owner, team = reps[rng.randrange(len(reps))]
        pool = by_owner.get(owner) or any_customer
        created = starts[deal_id - 1]
        last = min(len(opens) - 1, int(rng.expovariate(0.8)))
        stages = [opens[0]]
        i = 0
        while i < last:
            i = min(last, i + (2 if rng.random() < 0.15 else 1))  # a skip now and then
            stages.append(opens[i])
        if len(stages) > 2 and rng.random() < 0.1:
            stages += [stages[-2], stages[-1]]  # a step back, and forward again
        age = (now - created).total_seconds()
        outcome = "open" if age < 120 * 86400 and rng.random() < 0.6 else rng.choice(
            ("won", "lost")
        )  # fmt: skip
        if outcome != "open":
            stages.append(won if outcome == "won" else lost)
        at, previous, reached = created, None, opens[last].id
        born = created.strftime(SQLITE_TIME)
        room = max(60.0, min(age, 200 * 86400) / len(stages))
        for k, stage in enumerate(stages):
            seconds = None
            if k:
                seconds = int(rng.uniform(0, room))
                at = min(now, at + timedelta(seconds=seconds))
                seconds = int((at - previous[1]).total_seconds())
            kind = "created" if not k else stage.kind if stage.kind != "open" else "moved"
            move_rows.append((move_id, deal_id, kind, previous[0] if previous else None,
                              stage.id, at.strftime(SQLITE_TIME), owner, seconds,
                              None if seconds is None else born))  # fmt: skip
            move_id += 1
            previous = (stage.id, at)
        closed = at.strftime(SQLITE_TIME) if outcome != "open" else None
        amount = float(rng.randrange(10, 500) * 1000)
        deal_rows.append((
            deal_id, rng.choice(pool), f"交易{deal_id}", amount, owner, team, pipeline.id,
            stages[-1].id, outcome, rng.choice(sources), created.strftime(SQLITE_TIME), owner,
            at.strftime(SQLITE_TIME), owner, at.strftime(SQLITE_TIME), closed,
            rng.choice(reasons) if outcome == "lost" else "", reached,
        ))  # fmt: skip
        if len(deal_rows) >= 50_000:
            flush()
            if deal_id % 200_000 == 0:
                log(f"{deal_id} deals, {time.perf_counter() - start:.0f} s")
    flush()
    for name, sql in indexes:
        log("index", name, f"{time.perf_counter() - start:.0f} s")
        cursor.execute(sql)
    conn.commit()
    cursor.close()
    conn.close()
    refresh_statistics(db)
    db.close()
    meta = {"now": now.isoformat(), "deals": deals, "moves": move_id - 1,
            "customers": customers, "reps": len(reps),
            "build_s": round(time.perf_counter() - start, 1)}  # fmt: skip
    path.with_suffix(path.suffix + ".json").write_text(json.dumps(meta))
    return meta


def _timed(fn, runs: int) -> tuple[float, object]:
    samples, value = [], None
    for _ in range(runs):
        start = time.perf_counter()
        value = fn()
        samples.append(time.perf_counter() - start)
    return median_ms(samples), value


def measure_models(path: Path, runs: int) -> dict:
    from datetime import date

    from sqlalchemy import func, select

    from crmdesk.models.database import open_database
    from crmdesk.models.periods import Period, day_bounds, local_midnight_utc
    from crmdesk.models.pipeline import list_pipelines
    from crmdesk.models.schema import User
    from crmdesk.models.schema_deals import Deal
    from crmdesk.models.today import local_day
    from crmdesk.models.users import get_user
    from crmdesk.models.workspace import Workspace

    meta = json.loads(path.with_suffix(path.suffix + ".json").read_text())
    now = datetime.fromisoformat(meta["now"])
    db = open_database(f"sqlite:///{path}")
    with db.reading() as s:
        pipeline = next(p for p in list_pipelines(s) if p.code == "default")
        admin = get_user(s, s.scalar(select(User.id).where(User.role == "admin")))
    today = local_day(now).date
    first, end = date(today.year, 1, 1), date(today.year + 1, 1, 1)
    back = today.month - 11 + 12 * today.year - 1  # the month 11 before this one
    first_month = Period(back // 12, 0, back % 12 + 1)
    ws = Workspace(db, admin, clock=lambda: now)
    figures: dict = {"deals": meta["deals"], "moves": meta["moves"], "reps": meta["reps"],
                     "load_start": round(os.getloadavg()[0], 2)}  # fmt: skip
    start_utc, end_utc = day_bounds(first, end, None)

    def cohort_count():
        return db.read(lambda s: s.scalar(
            select(func.count()).select_from(Deal)
            .where(Deal.pipeline_id == pipeline.id, Deal.created_at >= start_utc,
                   Deal.created_at < end_utc)))  # fmt: skip

    figures["cohort_count_ms"], cohort = _timed(cohort_count, runs)
    figures["cohort"] = cohort
    figures["funnel_ms"], funnel = _timed(lambda: ws.funnel(pipeline.id, first, end), runs)
    for role in ("manager", "rep"):  # the first team's: its deals are in the cohort
        with db.reading() as s:
            team = s.scalar(select(func.min(Deal.team_id)))
            who = s.scalar(select(func.min(User.id)).where(User.role == role,
                                                           User.team_id == team))  # fmt: skip
            who = get_user(s, who)
        figures[f"funnel_{role}_ms"], _f = _timed(
            lambda who=who: Workspace(db, who, clock=lambda: now).funnel(pipeline.id, first, end),
            runs,
        )
    figures["monthly_ms"], monthly = _timed(
        lambda: ws.breakdown("won_amount", "rep", first_month, 12), runs
    )
    figures["funnel_stages"] = [s.deals for s in funnel.stages]
    figures["funnel_won"] = funnel.won
    figures["monthly_series"] = len(monthly.series)
    figures["monthly_from"] = f"{first_month.year}-{first_month.month:02}"
    figures["monthly_utc_start"] = local_midnight_utc(first_month.first_day, None).isoformat()
    figures["load_end"] = round(os.getloadavg()[0], 2)
    db.close()
    return figures


def measure_gui(path: Path, runs: int) -> dict:
    """The targets dashboard's first paint on this file (bench/_dashboard_paint.py): Targets
    clicked in a started main window, each run a new process (a true first open: the page's
    modules and pyqtgraph load then), until the cards, the ranking and the chart are painted
    (dashboard_first_paint_ms) and until the cards and ranking alone are
    (dashboard_first_cards_ms); baselines in the same run: the dashboard's read alone
    (dashboard_read_ms), the page built afresh in a warm process (dashboard_paint_median_ms),
    the chart modules' import alone (chart_import_ms). Medians of min(runs, 5) processes."""
    from _dashboard_paint import first_paint_ms, window_first_paint_ms

    compile_bytecode()
    url = f"sqlite:///{path}"
    n = min(runs, 5)
    warm = first_paint_ms(url, n)
    keep = ("dashboard_read_ms", "dashboard_paint_median_ms", "chart_import_ms")
    return {**window_first_paint_ms(url, n), **{k: warm[k] for k in keep}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", type=Path)
    parser.add_argument("--models", type=Path)
    parser.add_argument("--gui", type=Path)
    parser.add_argument("--deals", type=int, default=1_000_000)
    parser.add_argument("--customers", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    if args.build:
        print(json.dumps(build(args.build, args.deals, args.customers), ensure_ascii=False))
        return
    path = args.models or args.gui
    if path is None:
        DATA.mkdir(exist_ok=True)
        path = DATA / "reports-1m.sqlite"
        if not path.exists():
            log("building", path, json.dumps(build(path, args.deals, args.customers)))
    figures: dict = {}
    if args.models or not args.gui:
        figures |= measure_models(path, args.runs)
    if args.gui or not args.models:
        figures |= measure_gui(path, args.runs)
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
