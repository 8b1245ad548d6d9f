"""`crmdesk export` and `crmdesk import`: Excel without a window.

export writes the customers, deals or follow-ups the user may see, with the columns the pages
show (titles in the user's language, typed cells), through the same code as the pages'
Export…. import reads a sheet, maps its columns (--mapping, else the mapping remembered for
this header, else the suggested one), checks every row, writes the good ones in chunks and
says what happened in one line; the failed rows go to --report. Both are headless: a fatal
error is one line on stderr and a non-zero exit (cli._headless), never a dialog.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

EXPORTS = ("customers", "deals", "follow-ups")
IMPORTS = {"customers": "customers", "contacts": "contacts", "deals": "deals",
           "follow-ups": "follow_ups", "contracts": "contracts",
           "payments": "payments"}  # fmt: skip
# What an importer may find duplicates by, the first the default (when its column is mapped).
DEDUPE = {
    "customers": ("name", "phone", "email", "external_id"),
    "contacts": ("phone", "email"),
    "deals": ("external_id",),
    "follow_ups": (),
    "contracts": ("number",),
    "payments": ("payment",),  # contract, day, amount and reference
}
KEY_FIELDS = {"name": ("name",), "phone": ("mobile", "phone"), "email": ("email",),
              "external_id": ("external_id",), "number": ("number",),
              "payment": ("contract",)}  # fmt: skip
OWNER_FIELD = {"customers": "owner", "deals": "owner", "follow_ups": "author",
               "contracts": "owner"}  # fmt: skip


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a row number: {text!r}")
    return int(text)


def add_parsers(sub) -> None:
    exp = sub.add_parser("export", help="write customers, deals or follow-ups to an .xlsx file")
    exp.add_argument("what", choices=EXPORTS)
    exp.add_argument("out", help="the .xlsx file to write (replaced if it exists)")
    exp.add_argument("--db", metavar="URL", dest="sub_db")
    exp.add_argument("--as", dest="login", metavar="LOGIN", help="as this user sees them")
    exp.add_argument("--lang", dest="sub_lang", help="language of the titles, e.g. zh_CN")

    imp = sub.add_parser(
        "import", help="import customers, contacts, deals, follow-ups, contracts or payments"
    )
    imp.add_argument("what", choices=list(IMPORTS))
    imp.add_argument("file", help=".xlsx .xlsm .xls .ods .csv")
    imp.add_argument("--db", metavar="URL", dest="sub_db")
    imp.add_argument("--as", dest="login", metavar="LOGIN", help="import as this user")
    imp.add_argument("--lang", dest="sub_lang", help="language of the error report")
    imp.add_argument("--sheet", help="the sheet to read (default: the first with data)")
    imp.add_argument("--header-row", type=_positive, metavar="N",
                     help="the row of the column titles (default: found)")  # fmt: skip
    imp.add_argument(
        "--mapping",
        metavar="M.json",
        help='{"column title": "field", ...} (+ "stages": {"their stage": '
        '"our stage"} for deals); only the columns named are imported',
    )
    imp.add_argument("--on-duplicate", choices=("skip", "fill", "overwrite", "create"),
                     default="skip")  # fmt: skip
    imp.add_argument(
        "--dedupe",
        choices=("name", "phone", "email", "external_id", "number", "payment", "none"),
        help="how rows already in crmdesk are found (default: by kind)",
    )
    imp.add_argument("--owner", choices=("me", "column"), default=None,
                     help="owner of new rows: the file's owner column (the default when one is "
                          "mapped, as in the wizard), or me")  # fmt: skip
    imp.add_argument("--report", metavar="ERRORS.xlsx", help="write the failed rows here")
    imp.add_argument("--day-first", action="store_true", help="05/03/2024 is 5 March")
    imp.add_argument("--keep-rows", action="store_true",
                     help="import rows with a bad optional cell (a date, level, phone… not "
                          "understood), leaving that cell empty; --report lists them")  # fmt: skip


def run(args: argparse.Namespace) -> int:
    from crmdesk.cli import CommandFailed
    from crmdesk.models.excel_files import ExportFailed
    from crmdesk.models.excel_types import BadFile

    _application(args.sub_lang or args.lang)
    try:
        return _export(args) if args.command == "export" else _import(args)
    except ExportFailed as exc:
        from crmdesk.views.list_export import export_error_text

        raise CommandFailed(export_error_text(exc).replace("\n", " ")) from exc
    except BadFile as exc:
        from crmdesk.views.import_words import import_words

        raise CommandFailed(f"{args.file}: {import_words().bad_file(exc)}") from exc


def _application(language: str | None):
    """A QCoreApplication (no window) with the translators, for the titles and the words."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QLocale

    from crmdesk.app import install_translators, open_settings

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    chosen = language or str(open_settings().value("language", "") or "")
    install_translators(app, chosen or QLocale.system().name())
    return app


def _workspace(url: str | None, login: str | None):
    from crmdesk.app import local_workspace
    from crmdesk.cli import CommandFailed
    from crmdesk.models.users import find_user_by_login
    from crmdesk.models.workspace import Workspace

    if url:  # a mistyped path would make an empty database and blame "nobody is set up"
        from pathlib import Path

        from sqlalchemy.engine import make_url

        parsed = make_url(url)
        path = parsed.database or ""
        if (
            parsed.get_backend_name() == "sqlite"
            and path not in ("", ":memory:")
            and not (path.startswith("file:") or Path(path).exists())
        ):
            raise CommandFailed(f"no database at {path}: check the path (crmdesk demo or the "
                                "app makes one)")  # fmt: skip
    workspace, db = local_workspace(url)
    if login:
        user = db.read(lambda s: find_user_by_login(s, login))
        if user is None or not user.active:
            db.close()
            raise CommandFailed(f"no active user with the login {login!r}")
        workspace = Workspace(db, user)
    if workspace is None:
        db.close()
        raise CommandFailed("nobody is set up in this database yet: name a user with --as")
    return workspace


class _Progress:
    """Rows done on stderr, on one line."""

    def __init__(self, what: str) -> None:
        self.what, self.shown = what, False

    def __call__(self, done: int, total: int) -> None:
        if not sys.stderr.isatty():  # a script's or a cron job's stderr is for errors only
            return
        of = f"/{total:,}" if total else ""
        print(f"\r{done:,}{of} {self.what}", end="", file=sys.stderr, flush=True)
        self.shown = True

    def cancelled(self) -> bool:
        return False

    progress = __call__

    def end(self) -> None:
        if self.shown:
            print(file=sys.stderr)
            self.shown = False


# -- export


def _export(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication

    from crmdesk.cli import CommandFailed
    from crmdesk.models.excel_export import ExportColumn, check_target, write_table
    from crmdesk.views.list_export import PIXELS_PER_CHARACTER

    if not args.out.lower().endswith(".xlsx"):  # an .xlsx named .csv would puzzle whoever opens it
        raise CommandFailed(f"{args.out}: exports are Excel workbooks; name the file *.xlsx")
    check_target(args.out)  # before the database: a wrong folder is said at once
    ws = _workspace(args.sub_db or args.db, args.login)
    progress = _Progress(args.what)
    try:
        columns, rows, total = _source(ws, args.what)
        heads = [ExportColumn(c.title, c.kind, max(4, round(c.width / PIXELS_PER_CHARACTER)))
                 for c in columns]  # fmt: skip
        title = {
            "customers": QCoreApplication.translate("ExportCommand", "Customers"),
            "deals": QCoreApplication.translate("ExportCommand", "Deals"),
            "follow-ups": QCoreApplication.translate("ExportCommand", "Follow-ups"),
        }[args.what]
        written = write_table(args.out, title, heads, rows, total, progress)
    finally:
        progress.end()
        ws.db.close()
    print(f"exported {written:,} {args.what} to {args.out}")
    return 0


def _source(ws, what: str) -> tuple[list, Any, int]:
    """(the columns, the rows' typed cells, how many) of what the actor may see."""
    from crmdesk.tasks import SyncRunner
    from crmdesk.views.list_export import export_rows
    from crmdesk.views.table_model import WindowedTableModel

    if what == "follow-ups":
        from crmdesk.models.follow_up_list import iter_follow_up_rows
        from crmdesk.views.follow_up_columns import follow_up_columns

        columns = follow_up_columns()
        getters = [c.cell or c.value for c in columns]
        total = ws.count_follow_up_rows()
        rows = ([g(r) for g in getters] for r in iter_follow_up_rows(ws.follow_up_rows))
        return columns, rows, total
    if what == "customers":
        from crmdesk.models.customer_list import CustomerQuery
        from crmdesk.views.customer_columns import customer_columns

        columns, query = customer_columns(), CustomerQuery(scope="all")
        fetch, count = ws.list_customers, ws.count_customers
    else:
        from crmdesk.models.deal_board import BoardQuery
        from crmdesk.views.deal_columns import deal_columns

        columns, query = deal_columns(), BoardQuery(include_closed=True)  # every pipeline
        fetch, count = ws.list_deals, ws.count_deals
    model = WindowedTableModel(columns, fetch, count, SyncRunner(), ws.clock)
    total = model.count_rows(query)
    return columns, export_rows(model, query, columns, total), total


# -- import


def _import(args: argparse.Namespace) -> int:
    from crmdesk.cli import CommandFailed
    from crmdesk.models.excel_dates import SystemZone
    from crmdesk.models.excel_export import check_target, write_error_report
    from crmdesk.models.excel_fields import check_mapping, known_header, suggest_mapping
    from crmdesk.models.excel_plan import validate
    from crmdesk.models.excel_read import (
        guess_header_row,
        header_texts,
        header_titles,
        read_sheet,
    )
    from crmdesk.models.excel_types import BadFile, ImportOptions, Mapping, ValueOptions
    from crmdesk.views.import_words import describer, import_words

    kind = IMPORTS[args.what]
    if args.report:
        check_target(args.report)
    sheet = read_sheet(args.file, args.sheet)
    if args.header_row is not None and args.header_row > len(sheet.rows):
        raise BadFile("no_header", row=args.header_row)
    if args.header_row is not None and header_titles(sheet.rows, args.header_row) < 2:
        # a title row chosen by hand maps one column and imports the titles as data
        raise BadFile("few_titles", row=args.header_row)
    header_row = args.header_row or guess_header_row(sheet.rows, lambda h: known_header(kind, h))
    headers = header_texts(sheet.rows, header_row)
    ws = _workspace(args.sub_db or args.db, args.login)
    checking, importing = _Progress("rows checked"), _Progress("rows imported")
    try:
        stages_json: dict = {}
        if args.mapping:
            columns, stages_json = _mapping_file(args.mapping, kind, headers)
            mapping = Mapping(columns)
        else:
            mapping = ws.remembered_mapping(kind, headers) or suggest_mapping(kind, headers)
        missing = check_mapping(kind, mapping)
        if missing:
            words = import_words()
            names = ", ".join(f"{k} ({words.field(kind, k)})" for k in missing)
            raise CommandFailed(f"required field(s) not mapped to a column: {names}; name "
                                "them in --mapping")  # fmt: skip
        if kind == "deals":
            mapping = Mapping(mapping.columns, _stage_map(ws, sheet, header_row, mapping,
                                                          stages_json))  # fmt: skip
        dedupe = _dedupe_key(args.dedupe, kind, mapping)
        has_owner = OWNER_FIELD.get(kind) in mapping.columns.values()
        owner = args.owner or ("column" if has_owner else "me")
        if owner == "column" and not has_owner:
            raise CommandFailed(f"--owner column: no column is mapped to {OWNER_FIELD.get(kind)}")
        # the sheet's times are the user's wall clock: stored in UTC (ARCHITECTURE §2)
        values = ValueOptions(day_first=args.day_first, zone=SystemZone(),
                              keep_rows=args.keep_rows)  # fmt: skip
        plan = validate(kind, sheet, header_row, mapping, values, dedupe, checking,
                        on_duplicate=args.on_duplicate)  # fmt: skip
        checking.end()
        options = ImportOptions(dedupe_key=dedupe, on_duplicate=args.on_duplicate,
                                owner_mode=owner if kind != "contacts" else "me")  # fmt: skip
        result = ws.apply_import(plan, options, Path(args.file).name, sheet.sheet, importing)
        result = result.value
        if result.status == "done" and not args.mapping:
            ws.remember_mapping(kind, headers, mapping)
        report = ""
        if args.report and result.problems:
            write_error_report(args.report, sheet, header_row, result.problems, describer(kind))
            report = f"; report: {args.report}"
        elif result.problems:
            report = "; add --report ERRORS.xlsx for the rows not imported and why"
        if result.left_empty:  # keep_rows: "; 9 cells left empty (bad_date 8, bad_level 1)"
            counts = ", ".join(f"{code} {n:,}" for code, n in result.left_empty.items())
            report = f"; {sum(result.left_empty.values()):,} cells left empty ({counts})" + report
    finally:
        checking.end()
        importing.end()
        ws.db.close()
    print(f"imported {result.rows_total:,} rows: {result.created:,} created, "
          f"{result.updated:,} updated, {result.skipped:,} skipped, {result.failed:,} failed"
          f"{report}")  # fmt: skip
    return 0


def _mapping_file(path: str, kind: str, headers: list[str]) -> tuple[dict[int, str], dict]:
    """--mapping's {"column title": "field", …, "stages": {…}} as column index → field."""
    from crmdesk.cli import CommandFailed
    from crmdesk.models.excel_fields import FIELDS, normalize_header

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise CommandFailed(f"--mapping {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise CommandFailed(f"--mapping {path}: not an object of column titles and fields")
    stages = data.pop("stages", {}) or {}
    if not isinstance(stages, dict):
        raise CommandFailed(f'--mapping {path}: "stages" is not an object')
    keys = [s.key for s in FIELDS[kind]]
    by_title = {}
    for i, h in enumerate(headers):
        by_title.setdefault(normalize_header(h), i)
    columns: dict[int, str] = {}
    for title, field in data.items():
        index = by_title.get(normalize_header(title))
        if index is None:
            shown = ", ".join(h for h in headers if h)
            raise CommandFailed(f"unknown column in --mapping: {title!r} (the sheet's columns: "
                                f"{shown})")  # fmt: skip
        if field in (None, ""):
            continue
        if field not in keys:
            raise CommandFailed(f"unknown field in --mapping: {field!r} for {title!r} (the "
                                f"fields of {kind}: {', '.join(keys)})")  # fmt: skip
        if field in columns.values():
            raise CommandFailed(f"--mapping maps two columns to {field!r}")
        columns[index] = field
    return columns, stages


def _stage_map(ws, sheet, header_row: int, mapping, named: dict) -> dict[str, int]:
    """The file's stage names → our stage ids: suggested, then what --mapping's "stages" says
    (our stage by name, code or id). Rows of a stage left out fail "unknown_stage"."""
    from crmdesk.cli import CommandFailed
    from crmdesk.models.excel_fields import normalize_header, suggest_stage_map
    from crmdesk.models.excel_read import data_rows
    from crmdesk.models.excel_values import text

    column = next((i for i, k in mapping.columns.items() if k == "stage"), None)
    counts: Counter[str] = Counter()
    for _row, cells in data_rows(sheet, header_row):
        try:
            value = text(cells[column], None) if column is not None and column < len(cells) else ""
        except ValueError:
            continue
        if value:
            counts[value] += 1
    stages = ws.import_plan_stages()
    found = suggest_stage_map(list(counts), stages)
    ours = {}
    for stage_id, name, code, _kind in stages:
        for key in (str(stage_id), normalize_header(name), normalize_header(code)):
            ours.setdefault(key, stage_id)
    for theirs, our in named.items():
        stage_id = ours.get(str(our)) or ours.get(normalize_header(str(our)))
        if stage_id is None:
            known = ", ".join(name for _i, name, _c, _k in stages)
            raise CommandFailed(f"unknown stage in --mapping: {our!r} (ours: {known})")
        found[str(theirs).strip()] = stage_id
    return found


def _dedupe_key(asked: str | None, kind: str, mapping) -> str:
    from crmdesk.cli import CommandFailed

    mapped = set(mapping.columns.values())
    if asked == "none":
        return ""
    if asked:
        if asked not in DEDUPE[kind]:
            raise CommandFailed(f"--dedupe {asked}: {kind} are found by "
                                f"{', '.join(DEDUPE[kind]) or 'nothing'} (or none)")  # fmt: skip
        if not mapped & set(KEY_FIELDS[asked]):
            raise CommandFailed(f"--dedupe {asked}: no column is mapped to it")
        return asked
    return next((k for k in DEDUPE[kind] if mapped & set(KEY_FIELDS[k])), "")
