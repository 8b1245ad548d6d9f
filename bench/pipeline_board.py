"""Pipeline board at scale: the board's figures and every column's first page of cards, on a
SQLite file with 10,000 open deals and 200,000 closed ones (won or lost) in one pipeline.

Usage:
  python bench/pipeline_board.py --build PATH [--customers 20000] [--open 10000] [--closed 200000]
  python bench/pipeline_board.py --models PATH [--runs 9]

--build writes the file: generate_demo(customers, seed=7), then demo_deals.add_demo_deals with
the open and closed counts asked (their lines, answers, histories and approvals; the open ones
spread over the stages, some stale), then full planner statistics (as after any bulk load). The
clock of the build is kept beside it (PATH.json), so the same deals are stale at every run.

--models times, through the Workspace (a unit of work each, as the page calls them), for the
admin, a manager and the rep with the most open deals: board_columns (one GROUP BY over the
open stages) and stage_cards' first page (100 cards, the table model's page) for every column,
and the deal list's first page and count (open deals; with the closed ones too). Medians of
--runs runs, in ms, with the load average at the start and the end; one JSON line at the end.
The board's first paint and a drop (first_paint_ms, drop_ms) are the GUI's figures, measured by
the page's own benchmark.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from _common import median_ms

PAGE = 100  # table_model.PAGE_SIZE: what a column asks for first


def log(*parts: object) -> None:
    print(*parts, file=sys.stderr, flush=True)


def build(path: Path, customers: int, open_deals: int, closed: int) -> dict:
    from crmdesk.models.checks import utc_now
    from crmdesk.models.database import open_database
    from crmdesk.models.demo import generate_demo
    from crmdesk.models.demo_deals import add_demo_deals
    from crmdesk.models.dialects import refresh_statistics

    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    now = utc_now()
    start = time.perf_counter()
    db = open_database(f"sqlite:///{path}")
    generate_demo(db, customers=customers, seed=7, now=now, deals=False)
    customers_s = time.perf_counter() - start
    count = open_deals + closed
    with db.writing() as s:
        made = add_demo_deals(s, now, count=count, rng=random.Random(7),
                              open_share=open_deals / count, chunk=20_000)  # fmt: skip
    deals_s = time.perf_counter() - start - customers_s
    refresh_statistics(db)
    db.close()
    meta = {
        "now": now.isoformat(),
        "customers": customers,
        "open": made.open,
        "won": made.won,
        "lost": made.lost,
        "lines": made.lines,
        "moves": made.moves,
        "approvals": made.approvals,
        "customers_s": round(customers_s, 1),
        "deals_s": round(deals_s, 1),
        "build_s": round(time.perf_counter() - start, 1),
    }
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
    from sqlalchemy import func, select

    from crmdesk.models.database import open_database
    from crmdesk.models.deal_board import BoardQuery, DealQuery
    from crmdesk.models.pipeline import list_pipelines
    from crmdesk.models.schema import User
    from crmdesk.models.schema_deals import Deal
    from crmdesk.models.users import get_user
    from crmdesk.models.workspace import Workspace

    meta = json.loads(path.with_suffix(path.suffix + ".json").read_text())
    now = datetime.fromisoformat(meta["now"])
    db = open_database(f"sqlite:///{path}")
    with db.reading() as s:
        pipeline = next(p for p in list_pipelines(s) if p.code == "default")
        admin = get_user(s, s.scalar(select(User.id).where(User.role == "admin")))
        rep_id = s.scalar(
            select(Deal.owner_id)
            .join(User, User.id == Deal.owner_id)
            .where(Deal.status == "open", User.role == "rep")
            .group_by(Deal.owner_id)
            .order_by(func.count().desc())
            .limit(1)
        )
        rep = get_user(s, rep_id)
        manager = get_user(
            s, s.scalar(select(User.id).where(User.role == "manager", User.team_id == rep.team_id))
        )
    figures: dict = {k: meta[k] for k in ("customers", "open", "won", "lost", "build_s")}
    figures["load_start"] = round(os.getloadavg()[0], 2)
    for role, actor in (("admin", admin), ("manager", manager), ("rep", rep)):
        ws = Workspace(db, actor, clock=lambda: now)
        scope = "all" if actor.is_admin else ("team" if actor.is_manager else "mine")
        query = BoardQuery(pipeline_id=pipeline.id, scope=scope)
        ws.board_columns(query)  # warm the cache, as a page shown a second time would be
        ms, columns = _timed(lambda ws=ws, q=query: ws.board_columns(q), runs)
        cards = {}
        for stage in pipeline.open_stages:
            cards[stage.code] = _timed(
                lambda ws=ws, q=query, sid=stage.id: ws.stage_cards(q, sid, 0, PAGE), runs
            )[0]
        stale = replace(query, stale_only=True)
        stale_ms, _ = _timed(lambda ws=ws, q=stale: ws.board_columns(q), runs)
        searched = replace(query, search="科技")
        search_ms, _ = _timed(lambda ws=ws, q=searched: ws.board_columns(q), runs)
        listed = DealQuery(pipeline_id=pipeline.id, scope=scope)
        everything = DealQuery(pipeline_id=pipeline.id, scope=scope, include_closed=True)
        figures[role] = {
            "open_deals": sum(c.count for c in columns),
            "board_columns_ms": ms,
            "stage_cards_ms": cards,
            "stage_cards_sum_ms": round(sum(cards.values()), 1),
            "board_columns_stale_ms": stale_ms,
            "board_columns_search_ms": search_ms,
            "list_page_ms": _timed(lambda ws=ws, q=listed: ws.list_deals(q, 0, PAGE), runs)[0],
            "list_count_ms": _timed(lambda ws=ws, q=listed: ws.count_deals(q), runs)[0],
            "list_closed_page_ms": _timed(
                lambda ws=ws, q=everything: ws.list_deals(q, 0, PAGE), runs
            )[0],
            "list_closed_count_ms": _timed(lambda ws=ws, q=everything: ws.count_deals(q), runs)[0],
        }
        log(role, json.dumps(figures[role], ensure_ascii=False))
    figures["load_end"] = round(os.getloadavg()[0], 2)
    db.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--build", metavar="PATH", type=Path)
    mode.add_argument("--models", metavar="PATH", type=Path)
    parser.add_argument("--customers", type=int, default=20_000)
    parser.add_argument("--open", type=int, default=10_000)
    parser.add_argument("--closed", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    if args.build:
        meta = build(args.build, args.customers, args.open, args.closed)
        log(f"built {args.build} in {meta['build_s']} s")
        print(json.dumps(meta, ensure_ascii=False))
    else:
        print(json.dumps(measure_models(args.models, args.runs), ensure_ascii=False))


if __name__ == "__main__":
    main()
