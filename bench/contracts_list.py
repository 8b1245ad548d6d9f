"""Contracts list at scale: the list's first page and its count, through the Workspace, on a
SQLite file with 100,000 contracts (their plans, payments, invoices and histories).

Usage:
  python bench/contracts_list.py [--db PATH] [--contracts 100000] [--runs 9]
  python bench/contracts_list.py --build PATH [--contracts 100000] [--customers 50000]

The file (default bench/data/contracts-100000.sqlite) is built once, when missing:
generate_demo(customers, seed=7, no deals), then demo_contracts.add_demo_contracts(count=…)
(contracts for owned customers, signed over two years, a tenth or so overdue), then full planner
statistics. The clock of the build is kept beside it (PATH.json), so the same contracts are
overdue at every run.

The models' figures: for the admin, finance, the manager of the rep with the most contracts and
that rep, medians of --runs runs in ms of list_contracts' first page (PAGE rows, the table
model's page) and count_contracts for the default query (signed, newest first), then for the
admin a few harder ones (sorted by outstanding, overdue only, a search). One JSON line at the end.

Then the page itself, as the admin on the real task runner: first_paint_ms, from creating the
contracts page to its table painted with the first page's rows, beside a bare QTableView over a
dummy model of as many rows in the same run (first_paint_bare_ms; bench/customer_list.py's
baseline); medians of --runs runs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from datetime import datetime
from pathlib import Path

from _common import DATA, median_ms

PAGE = 100  # table_model.PAGE_SIZE: what the list asks for first


def log(*parts: object) -> None:
    print(*parts, file=sys.stderr, flush=True)


def default_path(contracts: int) -> Path:
    return DATA / f"contracts-{contracts}.sqlite"


def build(path: Path, contracts: int = 100_000, customers: int = 50_000) -> dict:
    """Write the file (replacing one there) and PATH.json with the build's clock and counts."""
    from crmdesk.models.checks import utc_now
    from crmdesk.models.database import open_database
    from crmdesk.models.demo import generate_demo
    from crmdesk.models.demo_contracts import add_demo_contracts
    from crmdesk.models.dialects import refresh_statistics

    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm", ".json"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    now = utc_now()
    start = time.perf_counter()
    db = open_database(f"sqlite:///{path}")
    generate_demo(db, customers=customers, seed=7, now=now, deals=False)
    customers_s = time.perf_counter() - start
    with db.writing() as s:
        made = add_demo_contracts(s, now, rng=random.Random(7), count=contracts)
    contracts_s = time.perf_counter() - start - customers_s
    refresh_statistics(db)
    db.close()
    meta = {
        "now": now.isoformat(),
        "customers": customers,
        "contracts": made.contracts,
        "instalments": made.instalments,
        "payments": made.payments,
        "invoices": made.invoices,
        "overdue": made.overdue,
        "customers_s": round(customers_s, 1),
        "contracts_s": round(contracts_s, 1),
        "build_s": round(time.perf_counter() - start, 1),
    }
    Path(str(path) + ".json").write_text(json.dumps(meta))
    return meta


def timed(fn, runs: int) -> tuple[float, object]:
    """The median of runs calls in ms, and the last call's value."""
    samples, value = [], None
    for _ in range(runs):
        start = time.perf_counter()
        value = fn()
        samples.append(time.perf_counter() - start)
    return median_ms(samples), value


def open_bench(path: Path):
    """(db, the build's clock, {"admin", "finance", "manager", "rep": UserRow}): the rep is
    the one with the most contracts, the manager theirs."""
    from sqlalchemy import func, select

    from crmdesk.models.database import open_database
    from crmdesk.models.schema import User
    from crmdesk.models.schema_contracts import Contract
    from crmdesk.models.users import get_user

    meta = json.loads(Path(str(path) + ".json").read_text())
    now = datetime.fromisoformat(meta["now"])
    db = open_database(f"sqlite:///{path}")
    with db.reading() as s:

        def first(role: str, *where) -> int:
            return s.scalar(select(User.id).where(User.role == role, *where).order_by(User.id))

        rep_id = s.scalar(
            select(Contract.owner_id)
            .join(User, User.id == Contract.owner_id)
            .where(User.role == "rep")
            .group_by(Contract.owner_id)
            .order_by(func.count().desc())
            .limit(1)
        )
        rep = get_user(s, rep_id)
        actors = {
            "admin": get_user(s, first("admin")),
            "finance": get_user(s, first("finance")),
            "manager": get_user(s, first("manager", User.team_id == rep.team_id)),
            "rep": rep,
        }
    return db, now, actors


def measure_models(path: Path, runs: int) -> dict:
    from crmdesk.models.contract_list import ContractQuery
    from crmdesk.models.workspace import Workspace

    meta = json.loads(Path(str(path) + ".json").read_text())
    db, now, actors = open_bench(path)
    figures: dict = {k: meta[k] for k in ("contracts", "overdue", "build_s")}
    figures["load_start"] = round(os.getloadavg()[0], 2)
    for role, actor in actors.items():
        ws = Workspace(db, actor, clock=lambda: now)
        query = ContractQuery(scope=ws.contract_scopes()[0])
        ws.list_contracts(query, 0, PAGE)  # warm the cache, as a page shown a second time
        page_ms, rows = timed(lambda ws=ws, q=query: ws.list_contracts(q, 0, PAGE), runs)
        count_ms, count = timed(lambda ws=ws, q=query: ws.count_contracts(q), runs)
        figures[role] = {"contracts": count, "page_rows": len(rows), "first_page_ms": page_ms,
                         "count_ms": count_ms}  # fmt: skip
        if role == "admin":
            for name, other in (
                ("outstanding", ContractQuery(sort="outstanding")),
                ("overdue", ContractQuery(overdue_only=True, sort="next_due_on")),
                ("expiring", ContractQuery(expiring_days=30, sort="ends_on", descending=False)),
                ("search", ContractQuery(search="科技")),
                ("customer", ContractQuery(sort="customer")),
            ):
                figures[role][f"{name}_page_ms"] = timed(
                    lambda ws=ws, q=other: ws.list_contracts(q, 0, PAGE), runs
                )[0]
                figures[role][f"{name}_count_ms"] = timed(
                    lambda ws=ws, q=other: ws.count_contracts(q), runs
                )[0]
        log(role, json.dumps(figures[role], ensure_ascii=False))
    figures["load_end"] = round(os.getloadavg()[0], 2)
    db.close()
    return figures


def measure_gui(path: Path, runs: int) -> dict:
    from customer_list import DummyModel, PaintWatch, wait_paint
    from PySide6.QtWidgets import QTableView

    from crmdesk.app import create_application
    from crmdesk.models.workspace import Workspace
    from crmdesk.tasks import TaskRunner
    from crmdesk.views.context import PageContext
    from crmdesk.views.contracts_page import ContractsPage

    app = create_application(["bench"], "zh_CN")
    db, now, actors = open_bench(path)
    ws = Workspace(db, actors["admin"], clock=lambda: now)
    runner = TaskRunner()

    def first_paint(make) -> float:
        start = time.perf_counter()
        widget, viewport, model = make()
        watch = PaintWatch(model)
        viewport.installEventFilter(watch)
        widget.resize(1300, 800)
        widget.show()
        wait_paint(app, watch)
        elapsed = time.perf_counter() - start
        runner.wait()
        app.processEvents()
        widget.close()
        widget.deleteLater()
        app.processEvents()
        return elapsed

    def bare():
        view = QTableView()
        view.setModel(DummyModel(100_000))
        return view, view.viewport(), None

    def page():
        widget = ContractsPage(PageContext(ws, runner))
        return widget, widget.table.viewport(), widget.model

    bare_ms = median_ms([first_paint(bare) for _ in range(runs)])
    page_ms = median_ms([first_paint(page) for _ in range(runs)])
    db.close()
    return {"first_paint_ms": page_ms, "first_paint_bare_ms": bare_ms,
            "first_paint_ratio_to_bare": round(page_ms / max(bare_ms, 0.1), 2)}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--build", type=Path, metavar="PATH")
    parser.add_argument("--contracts", type=int, default=100_000)
    parser.add_argument("--customers", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    if args.build:
        log(json.dumps(build(args.build, args.contracts, args.customers)))
        return 0
    path = args.db or default_path(args.contracts)
    if not path.exists() or not Path(str(path) + ".json").exists():
        log(f"building {path} …")
        log(json.dumps(build(path, args.contracts, args.customers)))
    figures = measure_models(path, args.runs)
    figures.update(measure_gui(path, args.runs))
    print(json.dumps(figures, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
