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

--gui PATH (and the default, which builds bench/data/pipeline-board.sqlite first if missing and
then runs --models and --gui) times the pipeline page itself, as an admin on the real task
runner: first_paint_ms, from creating the page to every column painted with its first cards and
the figures shown (baseline in the same run: a bare widget of as many QListViews over dummy
models, first_paint_bare_ms); drop_ms, from a card dropped on a neighbouring column to the
database committed and the target column repainted with the card in it (baseline: the same move
through the workspace alone, move_deal_ms). Medians of --runs runs.
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


def measure_gui(path: Path, runs: int) -> dict:
    from PySide6.QtCore import QEvent, QModelIndex, QObject, QStringListModel, Qt
    from PySide6.QtWidgets import QHBoxLayout, QListView, QWidget
    from sqlalchemy import select

    from crmdesk.app import create_application
    from crmdesk.models.database import open_database
    from crmdesk.models.schema import User
    from crmdesk.models.users import get_user
    from crmdesk.models.workspace import Workspace
    from crmdesk.tasks import TaskRunner
    from crmdesk.views.board import DealRef, encode
    from crmdesk.views.context import PageContext
    from crmdesk.views.pipeline_page import PipelinePage

    class Painted(QObject):
        """A viewport painted once its model shows rows (not the empty frame before them)."""

        def __init__(self, ready) -> None:
            super().__init__()
            self.ready, self.done = ready, False

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and self.ready():
                self.done = True
            return False

    def spin(until, timeout: float = 20.0) -> None:
        end = time.perf_counter() + timeout
        while not until():
            if time.perf_counter() > end:
                raise RuntimeError("timed out")
            app.processEvents()

    meta = json.loads(path.with_suffix(path.suffix + ".json").read_text())
    now = datetime.fromisoformat(meta["now"])
    app = create_application(["bench"], "zh_CN")
    db = open_database(f"sqlite:///{path}")
    with db.reading() as s:
        admin = get_user(s, s.scalar(select(User.id).where(User.role == "admin")))
    ws = Workspace(db, admin, clock=lambda: now)
    runner = TaskRunner()
    figures: dict = {"load_start": round(os.getloadavg()[0], 2)}

    def open_page() -> tuple[PipelinePage, float]:
        start = time.perf_counter()
        page = PipelinePage(PageContext(ws, runner))
        page.resize(1400, 850)
        page.show()
        spin(lambda: bool(page.columns))
        watches = []
        for column in page.columns:
            model = column.model
            watch = Painted(lambda m=model: m.rowCount() > 0 and not m.is_loading)
            column.list.viewport().installEventFilter(watch)
            watches.append(watch)
        spin(lambda: all(w.done for w in watches) and page._pending == 0)
        return page, time.perf_counter() - start

    def bare() -> float:
        start = time.perf_counter()
        widget = QWidget()
        row = QHBoxLayout(widget)
        watches = []
        for _ in range(5):
            view = QListView()
            view.setModel(QStringListModel([f"deal {i}" for i in range(2000)], view))
            watch = Painted(lambda: True)
            view.viewport().installEventFilter(watch)
            watches.append(watch)
            row.addWidget(view)
        widget.resize(1400, 850)
        widget.show()
        spin(lambda: all(w.done for w in watches))
        elapsed = time.perf_counter() - start
        widget.close()
        widget.deleteLater()
        return elapsed

    bare_samples, paint_samples = [], []
    for _ in range(runs):
        bare_samples.append(bare())
        page, elapsed = open_page()
        paint_samples.append(elapsed)
        runner.wait()
        page.close()
        page.deleteLater()
        app.processEvents()
    figures["first_paint_bare_ms"] = median_ms(bare_samples)
    figures["first_paint_ms"] = median_ms(paint_samples)

    # Drops: the first card of the second column back to the first (no gate going back), then
    # forward again (its stored answers pass the gate), alternately.
    page, _ = open_page()
    runner.wait()
    drops, direct = [], []
    source, target = page.columns[1], page.columns[0]
    for i in range(runs * 2):
        card = source.model.row_at(0)
        watch = Painted(lambda m=target.model, cid=card.id: m.row_of_id(cid) is not None)
        target.list.viewport().installEventFilter(watch)
        data = encode([DealRef(card.id, card.version, card.stage_id)])
        start = time.perf_counter()
        target.model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
        spin(lambda w=watch: w.done and not page.flow.busy)
        drops.append(time.perf_counter() - start)
        target.list.viewport().removeEventFilter(watch)
        runner.wait()
        app.processEvents()
        source, target = target, source
        if i % 2:  # the same move through the workspace alone: the floor under a drop
            card = source.model.row_at(0)
            start = time.perf_counter()
            ws.move_deal(card.id, target.stage_id, card.version)
            direct.append(time.perf_counter() - start)
            ws.move_deal(card.id, source.stage_id, card.version + 1)
            page.reload()
            runner.wait()
            spin(lambda s=source: not s.model.is_loading and page._pending == 0)
    figures["drop_ms"] = median_ms(drops)
    figures["move_deal_ms"] = median_ms(direct)
    figures["drop_ratio_to_move_deal"] = round(
        figures["drop_ms"] / max(figures["move_deal_ms"], 0.1), 2
    )
    figures["first_paint_ratio_to_bare"] = round(
        figures["first_paint_ms"] / max(figures["first_paint_bare_ms"], 0.1), 2
    )
    figures["load_end"] = round(os.getloadavg()[0], 2)
    page.close()
    db.close()
    return figures


DEFAULT_PATH = Path(__file__).parent / "data" / "pipeline-board.sqlite"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--build", metavar="PATH", type=Path)
    mode.add_argument("--models", metavar="PATH", type=Path)
    mode.add_argument("--gui", metavar="PATH", type=Path)
    parser.add_argument("--customers", type=int, default=20_000)
    parser.add_argument("--open", type=int, default=10_000)
    parser.add_argument("--closed", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    if args.build:
        meta = build(args.build, args.customers, args.open, args.closed)
        log(f"built {args.build} in {meta['build_s']} s")
        print(json.dumps(meta, ensure_ascii=False))
    elif args.models:
        print(json.dumps(measure_models(args.models, args.runs), ensure_ascii=False))
    elif args.gui:
        print(json.dumps(measure_gui(args.gui, args.runs), ensure_ascii=False))
    else:
        path = DEFAULT_PATH
        if not path.with_suffix(path.suffix + ".json").exists():
            path.parent.mkdir(exist_ok=True)
            log("building", path, json.dumps(build(path, args.customers, args.open, args.closed)))
        figures = measure_models(path, args.runs)
        figures.update(measure_gui(path, args.runs))
        print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
