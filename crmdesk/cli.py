"""The command line: start the GUI, fill a database with demo data, take screenshots."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

from crmdesk import __version__


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="crmdesk", description="A desktop CRM for small sales teams.")
    p.add_argument("--version", action="version", version=f"crmdesk {__version__}")
    p.add_argument("--db", metavar="URL", help="database URL (default: the local SQLite file)")
    p.add_argument("--lang", help="language for this run, e.g. zh_CN or en")
    p.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the main window offscreen on a temporary database and exit",
    )
    sub = p.add_subparsers(dest="command")
    demo = sub.add_parser("demo", help="fill a database with realistic demo data")
    demo.add_argument("--db", metavar="URL", dest="sub_db")
    demo.add_argument("--customers", type=int, default=2000)
    demo.add_argument("--seed", type=int, default=1)
    shot = sub.add_parser("screenshot", help="render a page of the main window to a PNG")
    shot.add_argument("page", choices=["customers", "recycle_bin"])
    shot.add_argument("out")
    shot.add_argument("--db", metavar="URL", dest="sub_db")
    shot.add_argument("--lang", dest="sub_lang", default="en")
    shot.add_argument("--size", default="1400x900")
    return p


def _demo(args: argparse.Namespace) -> int:
    from crmdesk.models.database import open_database
    from crmdesk.models.demo import generate_demo

    db = open_database(args.sub_db or args.db)
    start = time.perf_counter()

    def progress(done: int, total: int) -> None:
        print(f"\r{done:,}/{total:,} customers", end="", file=sys.stderr, flush=True)

    result = generate_demo(db, customers=args.customers, seed=args.seed, progress=progress)
    print(file=sys.stderr)
    print(
        f"{result.customers:,} customers, {result.contacts:,} contacts, "
        f"{result.follow_ups:,} follow-ups in {time.perf_counter() - start:.1f} s "
        f"({db.display_name()})"
    )
    db.close()
    return 0


def _offscreen_window(url: str | None, language: str, width: int, height: int):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from crmdesk.app import create_application, open_settings, open_workspace, setup_logging

    setup_logging()
    app = create_application([sys.argv[0]], language)
    workspace = open_workspace(url, ask_first_run=False)
    if workspace is None:
        raise SystemExit(1)
    from crmdesk.views.main_window import MainWindow

    window = MainWindow(workspace, open_settings())
    window.resize(width, height)
    return app, window


def _screenshot(args: argparse.Namespace) -> int:
    width, height = (int(v) for v in args.size.lower().split("x"))
    app, window = _offscreen_window(args.sub_db or args.db, args.sub_lang, width, height)
    window.show_page(args.page)
    window.show()
    if args.page == "customers" and window.customers.model.rowCount():
        window.customers.table.selectRow(0)
    deadline = time.monotonic() + 20
    while window.customers.is_counting and time.monotonic() < deadline:  # show the true count
        app.processEvents()
    for _ in range(5):
        app.processEvents()
    ok = window.grab().save(args.out)
    window.workspace.db.close()
    print(args.out if ok else f"could not write {args.out}")
    return 0 if ok else 1


def _smoke_test() -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a check, never a window on screen
    home = tempfile.mkdtemp(prefix="crmdesk-smoke-")
    os.environ["CRMDESK_HOME"] = home
    from crmdesk.models.database import open_database
    from crmdesk.models.demo import generate_demo

    db = open_database(None)
    generate_demo(db, customers=50, seed=1)
    db.close()
    app, window = _offscreen_window(None, "en", 1200, 800)
    window.show()
    for _ in range(5):
        app.processEvents()
    rows = window.customers.model.rowCount()
    window.close()
    window.workspace.db.close()
    print(f"smoke test ok: {rows} customers shown")
    return 0 if rows == 50 else 1


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "demo":
        return _demo(args)
    if args.command == "screenshot":
        return _screenshot(args)
    if args.smoke_test:
        return _smoke_test()
    from crmdesk.app import run_gui

    return run_gui(args.db, args.lang)
