"""Export of 100,000 customers (the demo database's; those in pools are the pool page's, so the
admin's list holds ~80,000) through the path the customer page's Export… takes: the list's
pages read through the workspace (the model's fetch, EXPORT_PAGE rows a read), each row's
typed cells from the customer columns, written by excel_export.write_table. Beside it, in the
same run, a bare openpyxl write_only of the same cell values (made before the clock starts):
the ratio of the two is the figure (≤ 1.15 wanted).

Usage:
  python bench/export_100k.py [--customers 100000] [--runs 3]

Also measured: the parts of the export (reading the pages, making the cells, writing), and the
ways openpyxl itself could give 100,000 amounts a ¥ format (a new styled cell each, one styled
cell reused, no format) against write_table, for the record. Medians of --runs runs in seconds;
the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from _common import demo_database, rss_mb


def log(*parts: object) -> None:
    print(*parts, file=sys.stderr, flush=True)


def median_s(samples: list[float]) -> float:
    return round(sorted(samples)[len(samples) // 2], 2)


def timed(fn, runs: int) -> tuple[float, object]:
    samples, value = [], None
    for _ in range(runs):
        start = time.perf_counter()
        value = fn()
        samples.append(time.perf_counter() - start)
    return median_s(samples), value


def setup(customers: int):
    from PySide6.QtCore import QCoreApplication
    from sqlalchemy import select

    from crmdesk.models.customer_list import CustomerQuery
    from crmdesk.models.database import open_database
    from crmdesk.models.schema import User
    from crmdesk.models.users import get_user
    from crmdesk.models.workspace import Workspace
    from crmdesk.tasks import SyncRunner
    from crmdesk.views.customer_columns import customer_columns
    from crmdesk.views.table_model import WindowedTableModel

    app = QCoreApplication.instance() or QCoreApplication(["bench"])
    # Every customer owned, so the admin's list (and the export) holds all of them.
    db = open_database(demo_database(customers, owned_only=True))
    with db.reading() as s:
        admin = get_user(s, s.scalar(select(User.id).where(User.role == "admin")))
    ws = Workspace(db, admin)
    model = WindowedTableModel(
        customer_columns(), ws.list_customers, ws.count_customers, SyncRunner(), ws.clock
    )
    return app, db, model, CustomerQuery(scope="all")  # the page's first list: newest first


def measure(customers: int, runs: int) -> dict:
    from openpyxl import Workbook

    from crmdesk.models.excel_export import ExportColumn, write_table
    from crmdesk.views.list_export import PIXELS_PER_CHARACTER, export_rows

    app, db, model, query = setup(customers)
    columns = model.columns
    heads = [ExportColumn(c.title, c.kind, round(c.width / PIXELS_PER_CHARACTER)) for c in columns]
    folder = Path(tempfile.mkdtemp(prefix="crmdesk-export-"))
    ours_path, bare_path = folder / "ours.xlsx", folder / "bare.xlsx"
    total = model.count_rows(query)
    values = list(export_rows(model, query, columns, total))  # the cells, for the baseline
    figures: dict = {"rows": total, "columns": len(columns),
                     "load_start": round(os.getloadavg()[0], 2)}  # fmt: skip

    def ours() -> int:
        n = model.count_rows(query)
        return write_table(ours_path, "客户", heads, export_rows(model, query, columns, n), n)

    def bare() -> None:
        wb = Workbook(write_only=True)
        sheet = wb.create_sheet("客户")
        sheet.append([c.title for c in columns])
        for row in values:
            sheet.append(row)
        wb.save(bare_path)

    ours_s, bare_s = [], []
    for _ in range(runs):  # alternated: a busy machine slows both alike
        for fn, samples in ((ours, ours_s), (bare, bare_s)):
            start = time.perf_counter()
            fn()
            samples.append(time.perf_counter() - start)
    figures["export_s"], figures["openpyxl_s"] = median_s(ours_s), median_s(bare_s)
    figures["export_ratio_to_openpyxl"] = round(figures["export_s"] / figures["openpyxl_s"], 3)
    log("export", json.dumps(figures))

    # The parts of the export.
    getters = [c.cell or c.value for c in columns]
    pages = []

    def read_pages() -> None:
        pages.clear()
        for offset in range(0, total, 1000):
            pages.append(model.fetch_rows(query, offset, min(1000, total - offset), total))

    figures["read_pages_s"] = timed(read_pages, runs)[0]
    figures["cells_s"] = timed(lambda: [[g(r) for g in getters] for p in pages for r in p],
                               runs)[0]  # fmt: skip
    figures["write_table_s"] = timed(
        lambda: write_table(ours_path, "客户", heads, values, total), runs
    )[0]
    figures["file_mb"] = round(ours_path.stat().st_size / 1e6, 1)
    figures["openpyxl_file_mb"] = round(bare_path.stat().st_size / 1e6, 1)
    figures["money"] = money_formats(folder, runs)
    figures["load_end"] = round(os.getloadavg()[0], 2)
    figures["rss_mb"] = round(rss_mb())
    db.close()
    for p in folder.iterdir():
        p.unlink()
    folder.rmdir()
    del app
    return figures


def money_formats(folder: Path, runs: int, n: int = 100_000) -> dict:
    """100,000 rows of (text, amount, amount) with the amounts in ¥, written four ways."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    from crmdesk.models.excel_export import MONEY_FORMAT, ExportColumn, write_table

    rows = [(f"客户{i}", Decimal(i) / 7, Decimal(i * 3)) for i in range(n)]
    rows = [(t, a.quantize(Decimal("0.01")), b) for t, a, b in rows]
    path = folder / "money.xlsx"

    def plain() -> None:  # no format at all: what the others cost beyond it
        wb = Workbook(write_only=True)
        sheet = wb.create_sheet("m")
        for row in rows:
            sheet.append(row)
        wb.save(path)

    def new_cell_each() -> None:
        wb = Workbook(write_only=True)
        sheet = wb.create_sheet("m")
        for t, a, b in rows:
            cells = []
            for v in (a, b):
                cell = WriteOnlyCell(sheet, v)
                cell.number_format = MONEY_FORMAT
                cells.append(cell)
            sheet.append([t, *cells])
        wb.save(path)

    def one_cell_reused() -> None:  # a styled cell per column, its value set per row
        wb = Workbook(write_only=True)
        sheet = wb.create_sheet("m")
        shared = [WriteOnlyCell(sheet), WriteOnlyCell(sheet)]
        for cell in shared:
            cell.number_format = MONEY_FORMAT
        for t, a, b in rows:
            shared[0].value, shared[1].value = a, b
            sheet.append([t, *shared])
        wb.save(path)

    heads = [ExportColumn("t"), ExportColumn("a", "money"), ExportColumn("b", "money")]
    ways = {"openpyxl_no_format_s": plain, "openpyxl_new_styled_cell_each_s": new_cell_each,
            "openpyxl_one_styled_cell_reused_s": one_cell_reused,
            "write_table_s": lambda: write_table(path, "m", heads, rows, n)}  # fmt: skip
    return {name: timed(fn, runs)[0] for name, fn in ways.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    figures = measure(args.customers, args.runs)
    print(json.dumps(figures, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
