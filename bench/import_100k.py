"""The Excel import's speed (issue 11): 100,000 customers × 15 columns from .xlsx, end to end
(read, map, validate, dedupe, insert, index for search), against python-calamine's bare parse
of the same file in the same run; into a fresh SQLite database and into an existing
1,000,000-customer one (a copy of bench/data/customers-1000000.sqlite, built once).

    python bench/import_100k.py [--rows N] [--no-1m]

The workbook is made once (openpyxl, ~30 s) and kept in bench/data/. The last line is one JSON
object; keys containing `ratio_to_calamine` are the issue's figures (budget ≤ 2.5).

Baseline in the same run: the floor, the database's share alone (floor_database: the rows the
import stored, inserted again by raw executemany in one transaction); floor_db_ratio_to_calamine
is what an import that keeps this schema's indexes up to date row by row cannot go below.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from _common import DATA, demo_database, rss_mb

HEADERS = ["客户名称", "客户编号", "客户级别", "客户状态", "行业", "省份", "城市", "详细地址",
           "公司规模", "客户来源", "联系人", "手机", "邮箱", "备注", "创建时间"]  # fmt: skip


def make_workbook(rows: int) -> Path:
    path = DATA / f"import-{rows}.xlsx"
    if path.exists():
        return path
    from openpyxl import Workbook

    from crmdesk.models.demo import NAME_CHARS, PROVINCES, SOURCES, SURNAMES, TRADES

    DATA.mkdir(exist_ok=True)
    rng = random.Random(11)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("客户")
    ws.append(["客户导出（来自旧系统）"])  # a title row above the header, as exports have
    ws.append(HEADERS)
    provinces = list(PROVINCES)
    start = datetime(2023, 1, 1)
    for i in range(rows):
        province = rng.choice(provinces)
        city = rng.choice(PROVINCES[province])
        trade, industry = rng.choice(TRADES)
        # "导入" and the number keep every name unique and unlike the demo's.
        name = f"{city}{rng.choice(NAME_CHARS)}{rng.choice(NAME_CHARS)}{trade}导入{i}有限公司"
        ws.append([
            name,
            f"OLD-{i:07d}",
            rng.choice("ABC") + "级",
            rng.choice(["线索", "意向客户", "成交客户", "流失"]),
            industry,
            province,
            city,
            f"{city}市{rng.choice(NAME_CHARS)}路{rng.randrange(1, 999)}号",
            rng.choice(["1-20", "21-100", "101-500"]),
            rng.choice(SOURCES),
            rng.choice(SURNAMES) + rng.choice("伟芳娜敏静丽强磊"),
            int(f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"),  # stored as a number
            f"u{i}@example.cn" if rng.random() < 0.4 else None,
            "老系统导入" if rng.random() < 0.2 else None,
            start + timedelta(minutes=rng.randrange(900_000)),
        ])  # fmt: skip
    tmp = path.with_suffix(".tmp.xlsx")
    wb.save(tmp)
    tmp.replace(path)
    return path


def bare_calamine(path: Path) -> float:
    from python_calamine import CalamineWorkbook

    start = time.perf_counter()
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    took = time.perf_counter() - start
    assert len(rows) > 1
    return took


def bare_pandas(path: Path) -> float | None:
    try:
        import pandas  # noqa: F401
    except ImportError:
        return None
    import pandas as pd

    start = time.perf_counter()
    pd.read_excel(path, engine="openpyxl", header=1)
    return time.perf_counter() - start


def import_into(url: str, path: Path) -> dict:
    """The whole import as the wizard and the command line run it; the steps' seconds."""
    from crmdesk.models import excel_apply, excel_fields, excel_plan, excel_read
    from crmdesk.models.database import open_database
    from crmdesk.models.excel_types import ImportOptions, ValueOptions
    from crmdesk.models.users import count_users, create_local_admin, local_actor, os_login

    db = open_database(url)
    try:
        actor = db.read(lambda s: local_actor(s, os_login()) if count_users(s) else None)
        if actor is None:
            actor = db.write(
                lambda s: create_local_admin(s, "管理员", os_login(), datetime.now())
            ).value
        steps: dict[str, float] = {}
        start = time.perf_counter()
        sheet = excel_read.read_sheet(path)
        steps["read_s"] = time.perf_counter() - start
        t = time.perf_counter()
        header_row = excel_read.guess_header_row(
            sheet.rows, lambda text: excel_fields.known_header("customers", text)
        )
        headers = excel_read.header_texts(sheet.rows, header_row)
        mapping = excel_fields.suggest_mapping("customers", headers)
        steps["map_s"] = time.perf_counter() - t
        t = time.perf_counter()
        plan = excel_plan.validate(
            "customers", sheet, header_row, mapping, ValueOptions(), dedupe_key="name"
        )
        steps["validate_s"] = time.perf_counter() - t
        t = time.perf_counter()
        result = excel_apply.apply(
            db, actor, plan, ImportOptions(dedupe_key="name", on_duplicate="skip"),
            datetime.now(), file_name=path.name, sheet=sheet.sheet,
        )  # fmt: skip
        steps["apply_s"] = time.perf_counter() - t
        steps["total_s"] = time.perf_counter() - start
        assert result.created == plan.total - len(plan.bad_rows), (result, len(plan.bad_rows))
        steps["mapped_columns"] = len(mapping.columns)
        steps["created"] = result.created
        steps["bad_rows"] = len(plan.bad_rows)
        return steps
    finally:
        db.close()


# What an import stores, copied by the floor: the users and the import's own row first (the
# rows refer to them), then the rows.
FLOOR_FIRST = ("teams", "users", "imports")
FLOOR_ROWS = ("customers", "contacts", "customer_search", "ownership_events")


def floor_database(imported: Path, work: Path) -> dict:
    """The database's share alone: what the import stored (read back from `imported`) inserted
    again into a fresh database by raw sqlite3 executemany, one transaction, a 256 MB cache,
    the search index's two FTS tables fed the same texts. No Python per row, no chunks, no
    checks, no derivation: the least an import costs that keeps every index up to date as its
    rows go in (building the indexes after the rows would be less, on an empty database)."""
    import sqlite3

    from crmdesk.models.database import open_database
    from crmdesk.models.excel_derive import bigrams_of

    target = work / "floor.sqlite"
    for suffix in ("", "-wal", "-shm"):  # the last run's
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    open_database(f"sqlite:///{target}").close()
    src = sqlite3.connect(imported)
    try:
        first = {t: src.execute(f"SELECT * FROM {t}").fetchall() for t in FLOOR_FIRST}
        rows = {t: src.execute(f"SELECT * FROM {t}").fetchall() for t in FLOOR_ROWS}
    finally:
        src.close()
    texts = rows["customer_search"]
    grams = [(cid, bigrams_of(body)) for cid, body in texts]
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA cache_size=-262144")
        for table, data in first.items():  # not timed: the set-up every import finds done
            conn.execute(f"DELETE FROM {table}")
            if data:
                marks = ",".join("?" * len(data[0]))
                conn.executemany(f"INSERT INTO {table} VALUES ({marks})", data)
        conn.execute("PRAGMA foreign_keys=ON")
        steps: dict[str, float] = {}
        start = time.perf_counter()
        conn.execute("BEGIN")
        for table, data in rows.items():
            t = time.perf_counter()
            conn.executemany(f"INSERT INTO {table} VALUES ({','.join('?' * len(data[0]))})", data)
            steps[f"{table}_s"] = time.perf_counter() - t
        t = time.perf_counter()
        conn.executemany("INSERT INTO customer_fts_tri(rowid, body) VALUES(?, ?)", texts)
        conn.executemany("INSERT INTO customer_fts_bi(rowid, body) VALUES(?, ?)", grams)
        steps["search_index_s"] = time.perf_counter() - t
        conn.execute("COMMIT")
        steps["total_s"] = time.perf_counter() - start
    finally:
        conn.close()
    return steps


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--no-1m", action="store_true", help="skip the 1M-customer database")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    path = make_workbook(args.rows)
    out: dict = {"rows": args.rows, "columns": len(HEADERS)}
    work = Path(tempfile.mkdtemp(prefix="crmdesk-import-bench-"))
    fresh, calamine, floor = [], [], []
    try:
        for run in range(args.runs):
            # Interleaved, so the machine's noise falls on both alike.
            calamine.append(bare_calamine(path))
            db_path = work / f"fresh-{run}.sqlite"
            from crmdesk.models.database import open_database

            open_database(f"sqlite:///{db_path}").close()  # migrated before the clock starts
            steps = import_into(f"sqlite:///{db_path}", path)
            fresh.append(steps)
            floor.append(floor_database(db_path, work))
            print(f"run {run + 1}: calamine {calamine[-1]:.2f} s, import {steps['total_s']:.2f} s "
                  f"{steps}, floor {floor[-1]}", file=sys.stderr)  # fmt: skip
        best = min(range(args.runs), key=lambda i: fresh[i]["total_s"])
        out["calamine_s"] = round(statistics.median(calamine), 2)
        out["fresh_total_s"] = round(statistics.median(s["total_s"] for s in fresh), 2)
        out["fresh_steps_s"] = {k: round(v, 2) for k, v in fresh[best].items()}
        out["fresh_ratio_to_calamine"] = round(out["fresh_total_s"] / out["calamine_s"], 2)
        out["floor_db_s"] = round(statistics.median(f["total_s"] for f in floor), 2)
        quickest = min(floor, key=lambda f: f["total_s"])
        out["floor_steps_s"] = {k: round(v, 2) for k, v in quickest.items()}
        out["floor_db_ratio_to_calamine"] = round(out["floor_db_s"] / out["calamine_s"], 2)
        out["fresh_to_floor"] = round(out["fresh_total_s"] / out["floor_db_s"], 2)
        pandas_s = bare_pandas(path)
        if pandas_s is None:
            out["pandas"] = "not installed"
        else:
            out["pandas_read_excel_s"] = round(pandas_s, 2)
            out["fresh_ratio_to_pandas"] = round(out["fresh_total_s"] / pandas_s, 2)
        if not args.no_1m:
            source = Path(demo_database(1_000_000).removeprefix("sqlite:///"))
            target = work / "big.sqlite"
            shutil.copy(source, target)
            cal = bare_calamine(path)
            steps = import_into(f"sqlite:///{target}", path)
            out["big_calamine_s"] = round(cal, 2)
            out["big_steps_s"] = {k: round(v, 2) for k, v in steps.items()}
            out["big_ratio_to_calamine"] = round(steps["total_s"] / cal, 2)
        out["rss_mb"] = round(rss_mb())
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
