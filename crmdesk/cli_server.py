"""`crmdesk setup`, `upgrade`, `set-password`, `copy` and `backup`: a server database's set-up
and upgrades, a password set by whoever holds the database's credentials, a whole database
copied to another, a backup of the local file, without a window.

A password is never an argument (it would sit in the shell's history and the process list): it
comes from the CRMDESK_PASSWORD environment variable, else a prompt without echo when stdin is
a terminal, else the command fails. Headless, as every command: one line on stderr and exit 1
when something goes wrong (cli._headless).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time

COMMANDS = ("setup", "upgrade", "set-password", "copy", "backup")
PASSWORD_VARIABLE = "CRMDESK_PASSWORD"


def add_parsers(sub) -> None:
    setup = sub.add_parser("setup", help="set up an empty server database and its first admin")
    setup.add_argument("--db", metavar="URL", dest="sub_db", required=True)
    setup.add_argument("--login", required=True, help="the first admin's login")
    setup.add_argument("--name", required=True, help="the first admin's name")

    upgrade = sub.add_parser(
        "upgrade", help="upgrade a server database to this program's schema (an admin)"
    )
    upgrade.add_argument("--db", metavar="URL", dest="sub_db", required=True)
    upgrade.add_argument("--login", required=True, help="an admin's login")

    set_password = sub.add_parser(
        "set-password",
        help="set a user's password (for whoever holds the database's credentials; unlocks "
        "the account)",
    )
    set_password.add_argument("--db", metavar="URL", dest="sub_db", required=True)
    set_password.add_argument("--login", required=True, help="the user's login")
    set_password.add_argument("--must-change", action="store_true",
                              help="the user chooses their own at the next sign-in")  # fmt: skip

    copy = sub.add_parser("copy", help="copy a whole database into an empty one")
    copy.add_argument("--from", dest="source", metavar="URL",
                      help="the database to copy (default: the local file)")  # fmt: skip
    copy.add_argument("--to", dest="target", metavar="URL", required=True,
                      help="an empty database (a server's is set up first)")  # fmt: skip
    copy.add_argument("--login", help="an admin of the copy who gets a password (the local "
                      "file's users have none: on a server nobody could sign in)")  # fmt: skip

    backup = sub.add_parser("backup", help="back up the local database file now")
    backup.add_argument("--db", metavar="URL", dest="sub_db",
                        help="a SQLite file's URL (default: the local file)")  # fmt: skip


def password(prompt: str) -> str:
    from crmdesk.cli import CommandFailed

    value = os.environ.get(PASSWORD_VARIABLE)
    if value:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise CommandFailed(
        f"no password: set {PASSWORD_VARIABLE} or run the command in a terminal to be asked"
    )


def new_password(login: str) -> str:
    """A new password for login: CRMDESK_PASSWORD, else asked twice without echo on a terminal."""
    from crmdesk.cli import CommandFailed

    value = os.environ.get(PASSWORD_VARIABLE)
    if value:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(f"New password for {login}: ")
        if getpass.getpass("Again: ") != first:
            raise CommandFailed("the two passwords differ: nothing was changed")
        return first
    raise CommandFailed(
        f"no password: set {PASSWORD_VARIABLE} or run the command in a terminal to be asked"
    )


def run(args: argparse.Namespace) -> int:
    return {
        "setup": _setup, "upgrade": _upgrade, "set-password": _set_password, "copy": _copy,
        "backup": _backup,
    }[args.command](args)  # fmt: skip


def _setup(args: argparse.Namespace) -> int:
    from crmdesk.models.auth import create_first_admin
    from crmdesk.models.checks import utc_now
    from crmdesk.models.database import open_database

    secret = password(f"Password for the new admin {args.login}: ")
    db = open_database(args.sub_db, setup=True)
    try:
        user = db.write(
            lambda s: create_first_admin(s, args.name, args.login, secret, utc_now())
        ).value
        where = db.display_name()
    finally:
        db.close()
    print(f"set up {where}; first admin: {user.login}")
    return 0


def _upgrade(args: argparse.Namespace) -> int:
    from crmdesk.models.server_setup import UpgradeRefused, upgrade_server

    secret = password(f"Password for {args.login} (empty if you have none yet): ")
    try:
        before, after = upgrade_server(args.sub_db, args.login, secret)
    except UpgradeRefused as refused:
        if refused.params.get("reason") != "needs_password":
            raise
        # A server written by an older crmdesk: nobody has a password. The one given
        # (CRMDESK_PASSWORD, else asked twice) becomes this admin's, with the upgrade.
        if not os.environ.get(PASSWORD_VARIABLE):
            print(f"{args.login} has no password yet: choose one.", file=sys.stderr)
        chosen = new_password(args.login)
        before, after = upgrade_server(args.sub_db, args.login, secret, new_password=chosen)
        print(f"{args.login}'s password is set: sign in with it", file=sys.stderr)
    if before == after:
        print(f"already at {after}; nothing to do")
    else:
        print(f"upgraded from {before} to {after}")
    return 0


def _set_password(args: argparse.Namespace) -> int:
    from crmdesk.models.auth import set_password_by_login
    from crmdesk.models.checks import utc_now
    from crmdesk.models.database import open_database

    secret = new_password(args.login)
    db = open_database(args.sub_db)
    try:
        user = db.write(
            lambda s: set_password_by_login(s, args.login, secret, utc_now(), args.must_change)
        ).value
    finally:
        db.close()
    print(f"password set for {user.login}")
    return 0


def _copy(args: argparse.Namespace) -> int:
    from crmdesk.models.database import normalize_url
    from crmdesk.models.db_copy import copy_database

    admin = None
    if args.login:
        admin = (args.login, password(f"New password for {args.login} in the copy: "))
    start = time.perf_counter()
    shown: list[bool] = []

    def progress(done: int, total: int) -> None:
        shown.append(True)
        print(f"\r{done:,}/{total:,} rows", end="", file=sys.stderr, flush=True)

    try:
        result = copy_database(
            normalize_url(args.source), normalize_url(args.target), progress, admin=admin
        )
    finally:
        if shown:  # the progress line ends before the result or the error's line
            print(file=sys.stderr)
    seconds = time.perf_counter() - start
    print(f"copied {result.total:,} rows in {len(result.rows)} tables in {seconds:.1f} s")
    return 0


def _backup(args: argparse.Namespace) -> int:
    from pathlib import Path

    from sqlalchemy.engine import make_url

    from crmdesk.cli import CommandFailed
    from crmdesk.models.backups import back_up_now
    from crmdesk.models.database import normalize_url

    url = make_url(normalize_url(args.sub_db or args.db))
    if url.get_backend_name() != "sqlite":
        raise CommandFailed(
            "a server database is backed up on the server (pg_dump, mariadb-dump), "
            "by its administrator"
        )
    path = Path(url.database or "")
    if not path.is_file():
        raise CommandFailed(f"no database file at {path}")
    from datetime import datetime

    print(back_up_now(path, datetime.now()))  # the user's day names the file
    return 0
