"""The command line: start the GUI, fill a database with demo data, take screenshots, run
the pool's recycle pass, export and import Excel files (cli_excel.py).

Headless commands never open a dialog: whatever goes wrong is one clear line on stderr and a
non-zero exit code (2 for a usage error, 1 for anything else); the full detail goes to the
log file."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable

from crmdesk import __version__

log = logging.getLogger("crmdesk")
PAGES = ("today", "customers", "pool", "pipeline", "approvals", "contracts", "targets",
         "reports", "work_reports", "recycle_bin")  # fmt: skip
WAIT_S = 30


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= 10_000_000:
        raise argparse.ArgumentTypeError(f"must be between 1 and 10,000,000, not {value}")
    return value


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size like 1400x900: {text!r}") from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise argparse.ArgumentTypeError(f"size out of range: {text!r}")
    return width, height


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
    demo.add_argument("--customers", type=_positive, default=2000)
    demo.add_argument("--seed", type=int, default=1)
    rec = sub.add_parser(
        "recycle", help="send customers that broke a pool's recycle rule back to the pool"
    )
    rec.add_argument("--db", metavar="URL", dest="sub_db")
    rec.add_argument(
        "--dry-run", action="store_true", help="list what would move, from whom, where and why"
    )
    shot = sub.add_parser("screenshot", help="render a page of the main window to a PNG")
    shot.add_argument("page", choices=PAGES)
    shot.add_argument("out")
    shot.add_argument("--db", metavar="URL", dest="sub_db")
    shot.add_argument("--lang", dest="sub_lang", default="en")
    shot.add_argument("--size", type=_size, default=(1400, 900))
    shot.add_argument("--dark", action="store_true", help="the dark palette")
    shot.add_argument("--as", dest="login", metavar="LOGIN",
                      help="seen by this user (a login, e.g. rep11 of the demo)")  # fmt: skip
    from crmdesk.cli_excel import add_parsers
    from crmdesk.cli_server import add_parsers as add_server_parsers

    add_parsers(sub)
    add_server_parsers(sub)
    return p


class CommandFailed(Exception):
    """A headless command ends with this message on stderr."""


def _headless(run: Callable[[], int]) -> int:
    """Run a headless command: its errors become one line on stderr and exit code 1."""
    from crmdesk.app import setup_logging

    setup_logging()
    try:
        return run()
    except CommandFailed as exc:
        print(f"crmdesk: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:
        from crmdesk.models.errors import CrmError

        log.error("command failed", exc_info=exc)
        if isinstance(exc, CrmError):
            print(f"crmdesk: {_plain(exc)}", file=sys.stderr)
        else:
            print(f"crmdesk: unexpected error ({type(exc).__name__}: {exc}); see the log file",
                  file=sys.stderr)  # fmt: skip
        return 1


def _plain(exc: BaseException) -> str:
    from crmdesk.views.errors import error_text

    text = error_text(exc)
    detail = getattr(exc, "params", {}).get("detail")
    return f"{text} ({detail})" if detail else text


def _demo_admin_password(url: str | None) -> str | None:
    """On a server, the password the demo's administrator gets (CRMDESK_PASSWORD), checked
    before any demo data is written."""
    from crmdesk.cli_server import PASSWORD_VARIABLE
    from crmdesk.models.auth import check_password_rules
    from crmdesk.models.database import normalize_url

    if normalize_url(url).startswith("sqlite"):
        return None  # the local file signs nobody in
    secret = os.environ.get(PASSWORD_VARIABLE) or None
    if secret is not None:
        check_password_rules(secret)
    return secret


def _demo_server_admin(db, url: str | None, secret: str | None) -> None:
    """Demo users have no password, and a server signs everyone in: when no active admin has
    one, the demo's admin gets CRMDESK_PASSWORD, else stderr says how to give them one. (This,
    rather than the sign-in offering to set a password for a passwordless admin: that dialog
    would trust whoever reaches it on a server already in use, and the command line, run by
    whoever holds the database's credentials, needs no new GUI path.)"""
    from sqlalchemy import select
    from sqlalchemy.engine import make_url

    from crmdesk.models.auth import set_password_by_login
    from crmdesk.models.checks import utc_now
    from crmdesk.models.database import normalize_url
    from crmdesk.models.schema import User

    def admins(s):
        return s.execute(
            select(User.login, User.password_hash)
            .where(User.role == "admin", User.active.is_(True))
            .order_by(User.id)
        ).all()  # fmt: skip

    found = db.read(admins)
    if not found or any(hashed for _login, hashed in found):
        return
    login = found[0][0]
    if secret is not None:
        db.write(lambda s: set_password_by_login(s, login, secret, utc_now()))
        print(f"the administrator {login} signs in with the password in CRMDESK_PASSWORD; "
              "the demo's other users get theirs under File › Users and teams…",
              file=sys.stderr)  # fmt: skip
        return
    shown = make_url(normalize_url(url)).render_as_string(hide_password=True)
    print(f"nobody can sign in yet: give the administrator {login} a password with "
          f"`crmdesk set-password --db {shown} --login {login}` (or set CRMDESK_PASSWORD "
          "before `crmdesk demo`)", file=sys.stderr)  # fmt: skip


def _demo(args: argparse.Namespace) -> int:
    from crmdesk.models.database import open_database
    from crmdesk.models.demo import generate_demo

    url = args.sub_db or args.db
    secret = _demo_admin_password(url)
    db = open_database(url, setup=True)  # demo data: a new server's too
    start = time.perf_counter()

    def progress(done: int, total: int) -> None:
        print(f"\r{done:,}/{total:,} customers", end="", file=sys.stderr, flush=True)

    try:
        result = generate_demo(db, customers=args.customers, seed=args.seed, progress=progress)
        print(file=sys.stderr)
        if db.engine.dialect.name != "sqlite":
            _demo_server_admin(db, url, secret)
    finally:
        db.close()
    print(
        f"{result.customers:,} customers, {result.contacts:,} contacts, "
        f"{result.follow_ups:,} follow-ups, {result.deals:,} deals, "
        f"{result.contracts:,} contracts "
        f"in {time.perf_counter() - start:.1f} s "
        f"({db.display_name()})"
    )
    return 0


RULE_TEXT = {"no_follow_up": "no follow-up for {} days", "not_won": "not won within {} days"}


def _recycle(args: argparse.Namespace) -> int:
    """For a server's cron job (or by hand): one line per customer in a dry run, a summary."""
    from crmdesk.models.checks import utc_now
    from crmdesk.models.database import open_database
    from crmdesk.models.recycle import recycle

    db = open_database(args.sub_db or args.db)
    try:
        result = recycle(db, utc_now(), dry_run=args.dry_run)
    finally:
        db.close()
    if args.dry_run:
        for item in result.items:
            why = RULE_TEXT[item.rule].format(item.days)
            print(f"{item.customer_id}\t{item.customer_name}\tfrom {item.owner_name}"
                  f"\tto {item.pool_name}\t{why}")  # fmt: skip
        shown = "" if len(result.items) == result.moved else f" ({len(result.items):,} listed)"
        print(f"dry run: {result.moved:,} customers would go back to a pool{shown}; "
              "nothing was changed", file=sys.stderr)  # fmt: skip
    else:
        print(f"{result.moved:,} customers sent back to a pool; "
              f"{result.warned:,} owners warned of customers about to go")  # fmt: skip
    return 0


_errors: list[BaseException] = []


def _offscreen_window(
    url: str | None, language: str, width: int, height: int, dark: bool = False, login=None
):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from crmdesk.app import apply_palette, create_application, local_workspace, open_settings
    from crmdesk.models.users import os_login
    from crmdesk.views.errors import set_headless

    set_headless(_errors.append)  # an error becomes the command's failure, never a dialog

    app = create_application([sys.argv[0]], language)
    if dark:
        apply_palette(app, dark=True)
    workspace, _db = local_workspace(url, create_admin_as=os_login())
    if login:
        from crmdesk.models.users import find_user_by_login
        from crmdesk.models.workspace import Workspace

        user = workspace.db.read(lambda s: find_user_by_login(s, login))
        if user is None:
            workspace.db.close()
            raise CommandFailed(f"no user with the login {login!r}")
        workspace = Workspace(workspace.db, user)
    from crmdesk.views.main_window import MainWindow

    window = MainWindow(workspace, open_settings(), recycle=False)
    window.resize(width, height)
    return app, window


def _settle(app, window, what: str) -> None:
    """Process events until the window's background work is done (or fail after WAIT_S)."""
    deadline = time.monotonic() + WAIT_S

    from crmdesk.views.chart_loader import loader

    def busy() -> bool:
        counting = any(getattr(p, "is_counting", False) for p in window.pages.values())
        return window.runner.busy or counting or loader().loading()

    while True:
        while busy():
            if time.monotonic() > deadline:
                raise CommandFailed(f"timed out after {WAIT_S} s waiting for {what}")
            app.processEvents()
            time.sleep(0.005)
        for _ in range(5):
            app.processEvents()
        if not busy():  # what arrived may have started more (charts loaded: their reads)
            break
    if _errors:
        raise _errors[0]
    for page in window.pages.values():  # a list that could not load shows its reason there
        banner = getattr(page, "banner", None)
        if banner is not None and banner.isVisible():
            raise CommandFailed(banner.text.text())


def _screenshot(args: argparse.Namespace) -> int:
    width, height = args.size
    app, window = _offscreen_window(
        args.sub_db or args.db, args.sub_lang, width, height, args.dark, args.login
    )
    try:
        window.show_page(args.page)
        window.show()
        _settle(app, window, "the list")
        page = window.page(args.page)
        model = getattr(page, "model", None)  # a list page: its first customer selected
        if model is not None and model.rowCount():
            page.table.selectRow(0)
            _settle(app, window, "the details")
        if not window.grab().save(args.out):
            raise CommandFailed(f"could not write {args.out}")
    finally:
        window.workspace.db.close()
    print(args.out)
    return 0


def _smoke_test() -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a check, never a window on screen
    home = tempfile.mkdtemp(prefix="crmdesk-smoke-")
    os.environ["CRMDESK_HOME"] = home
    from crmdesk.models.database import open_database
    from crmdesk.models.demo import generate_demo

    db = open_database(None)
    generate_demo(db, customers=50, seed=1, pooled=0)  # all 50 owned: the list shows them all
    db.close()
    app, window = _offscreen_window(None, "en", 1200, 800)
    try:
        window.show()
        _settle(app, window, "the customer list")
        rows = window.customers.model.rowCount()
        window.close()
    finally:
        window.workspace.db.close()
    if rows != 50:
        raise CommandFailed(f"smoke test failed: {rows} customers shown, 50 expected")
    print(f"smoke test ok: {rows} customers shown")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "demo":
        return _headless(lambda: _demo(args))
    if args.command == "screenshot":
        return _headless(lambda: _screenshot(args))
    if args.command == "recycle":
        return _headless(lambda: _recycle(args))
    if args.command in ("export", "import"):
        from crmdesk.cli_excel import run

        return _headless(lambda: run(args))
    from crmdesk.cli_server import COMMANDS as SERVER_COMMANDS

    if args.command in SERVER_COMMANDS:
        from crmdesk.cli_server import run as run_server

        return _headless(lambda: run_server(args))
    if args.smoke_test:
        return _headless(_smoke_test)
    from crmdesk.app import run_gui

    return run_gui(args.db, args.lang)
