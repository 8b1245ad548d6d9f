"""SQLite bulk actions with and without the WAL checkpointer (wal_checkpoints.py), side by side:
each variant in a fresh process on a fresh copy of one 300,000-customer file, four 30,000-
customer assigns in a row (the first on a database just built, the others on one in use), the
variants taking turns round after round so the machine's noise falls on all alike.

    python bench/bulk_checkpoints.py [--rounds 2] [--customers 300000]

Variants: `commit` (each unit checkpoints the WAL at its commit, SQLite's default 2 MB cache:
as before the checkpointer), `cache` (the 64 MB unit cache alone), `checkpointer` (what the
program does). bench/bulk.py has the same comparison inside its own run, on a database its
other actions have touched. Ends with one JSON line: medians in ms and ratios to `commit`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from contextlib import nullcontext
from pathlib import Path

from _common import DATA, ROOT

VARIANTS = ("commit", "cache", "checkpointer")
ASSIGNS, SELECT = 4, 30_000


def build(customers: int) -> Path:
    path = DATA / f"checkpoints-{customers}.sqlite"
    if path.exists():
        return path
    from crmdesk.models.database import open_database
    from crmdesk.models.demo import generate_demo

    DATA.mkdir(exist_ok=True)
    tmp = path.with_suffix(".tmp")
    db = open_database(f"sqlite:///{tmp}")
    generate_demo(db, customers=customers, seed=7, deals=False)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    tmp.replace(path)
    return path


def run_variant(variant: str, source: Path, work: Path) -> list[float]:
    """In this (child) process: the variant's four assigns on a fresh copy; their seconds."""
    from sqlalchemy import select

    from crmdesk.models import bulk_units
    from crmdesk.models.database import open_database
    from crmdesk.models.schema import Customer, User
    from crmdesk.models.users import get_user
    from crmdesk.models.wal_checkpoints import tune_unit
    from crmdesk.models.workspace import Workspace

    shutil.copy(source, work)
    os.sync()
    if variant != "checkpointer":
        bulk_units.checkpointing = lambda db: nullcontext(None)
    if variant == "cache":

        def cached(db, _checkpointer, fn):
            def unit(session):
                tune_unit(session, checkpoint=True)
                return fn(session)

            return db.write(unit, long=True)

        bulk_units.write_unit = cached
    db = open_database(f"sqlite:///{work}")
    try:
        with db.reading() as s:
            admin = get_user(s, s.scalar(select(User.id).where(User.role == "admin")))
            reps = list(s.scalars(select(User.id).where(User.role == "rep").order_by(User.id)))
            live = list(s.scalars(select(Customer.id).where(Customer.deleted_at.is_(None))))
        ws = Workspace(db, admin)
        order = random.Random(11).sample(live, len(live))
        took = []
        for i in range(ASSIGNS):
            ids = sorted(order[i * SELECT : (i + 1) * SELECT])
            start = time.perf_counter()
            ws.assign_customers(ids, reps[i + 3], "rebalance", "")
            took.append(time.perf_counter() - start)
        return took
    finally:
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--customers", type=int, default=300_000)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)  # variant, source, work
    args = parser.parse_args()
    if args.child:
        variant, source, work = args.child
        print(json.dumps(run_variant(variant, Path(source), Path(work))))
        return
    source = build(args.customers)
    work = DATA / "checkpoints-work.sqlite"
    times: dict[str, list[float]] = {v: [] for v in VARIANTS}
    first: dict[str, list[float]] = {v: [] for v in VARIANTS}
    try:
        for _round in range(args.rounds):
            for variant in VARIANTS:
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{work}{suffix}").unlink(missing_ok=True)
                out = subprocess.run(
                    [sys.executable, __file__, "--child", variant, str(source), str(work)],
                    check=True, capture_output=True, text=True, cwd=ROOT,
                )  # fmt: skip
                took = json.loads(out.stdout.strip().splitlines()[-1])
                first[variant].append(took[0])
                times[variant].extend(took[1:])
                shown = ", ".join(f"{t * 1000:.0f}" for t in took)
                print(f"{variant}: {shown} ms", file=sys.stderr, flush=True)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{work}{suffix}").unlink(missing_ok=True)
    figures: dict = {"customers": args.customers, "select": SELECT, "rounds": args.rounds}
    for variant in VARIANTS:
        figures[f"{variant}_first_assign_ms"] = round(statistics.median(first[variant]) * 1000)
        figures[f"{variant}_assign_ms"] = round(statistics.median(times[variant]) * 1000)
    base = figures["commit_assign_ms"]
    figures["ratio_to_commit"] = {v: round(figures[f"{v}_assign_ms"] / base, 2) for v in VARIANTS}
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
