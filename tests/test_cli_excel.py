"""`crmdesk export` and `crmdesk import`, run as a separate process as a user (or cron) would:
what the user may see, written with the pages' columns; sheets imported with the suggested or
a given mapping, one summary line, the failed rows in a report; every fatal error one line on
stderr and exit code 1, never a traceback or a dialog. Workbooks are made here with openpyxl."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select
from test_cli import run_cli

from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.database import open_database
from crmdesk.models.deal_board import BoardQuery
from crmdesk.models.demo import generate_demo
from crmdesk.models.follow_up_list import count_follow_up_rows
from crmdesk.models.schema import Customer, FollowUp
from crmdesk.models.schema_deals import Deal, Stage
from crmdesk.models.users import find_user_by_login, local_actor, os_login
from crmdesk.models.workspace import Workspace


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    db = open_database(f"sqlite:///{path}")
    generate_demo(db, customers=40, seed=4)
    db.close()
    return f"sqlite:///{path}"


@pytest.fixture
def url(tmp_path):
    """A database of its own (imports change it): the demo's users, 10 customers."""
    path = tmp_path / "own.sqlite"
    db = open_database(f"sqlite:///{path}")
    generate_demo(db, customers=10, seed=5, pooled=0)
    db.close()
    return f"sqlite:///{path}"


def workspace(url: str, login: str | None = None) -> Workspace:
    db = open_database(url)
    actor = db.read(lambda s: find_user_by_login(s, login) if login else local_actor(s, os_login()))
    return Workspace(db, actor)


def ok(result) -> str:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout.strip()


def failed(result) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and result.stderr.startswith("crmdesk: ")
    return result.stderr


def rows_of(path) -> list[list]:
    return [[c.value for c in r] for r in load_workbook(path).active.iter_rows()]


def test_export_writes_what_the_admin_sees_with_the_pages_columns(demo_url, tmp_path):
    ws = workspace(demo_url)
    try:
        customers = ws.count_customers(CustomerQuery(scope="all"), exact=True)
        deals = ws.count_deals(BoardQuery(include_closed=True))
        follow_ups = ws.db.read(lambda s: count_follow_up_rows(s, ws.actor))
    finally:
        ws.db.close()
    for what, count in (("customers", customers), ("deals", deals), ("follow-ups", follow_ups)):
        out = tmp_path / f"{what}.xlsx"
        assert ok(run_cli("export", what, str(out), "--db", demo_url, "--lang", "en")) == (
            f"exported {count:,} {what} to {out}"
        )
        rows = rows_of(out)
        assert len(rows) == count + 1 and count > 0
    header = rows_of(tmp_path / "customers.xlsx")[0]
    assert header[:3] == ["Customer", "Level", "Status"] and "Updated" in header
    sheet = load_workbook(tmp_path / "deals.xlsx").active
    amount = [c.value for c in sheet[1]].index("Amount") + 1
    assert any(isinstance(sheet.cell(r, amount).value, int | float)
               for r in range(2, sheet.max_row + 1))  # fmt: skip
    follow = rows_of(tmp_path / "follow-ups.xlsx")
    assert follow[0][:4] == ["Customer", "Customer ID", "Type", "Content"]
    assert all(isinstance(r[follow[0].index("Date")], datetime) for r in follow[1:])


def test_export_as_a_rep_writes_only_their_customers(demo_url, tmp_path):
    ws = workspace(demo_url, "rep11")
    try:
        theirs = sorted(r.name for r in ws.list_customers(CustomerQuery(scope="all"), 0, 1000))
    finally:
        ws.db.close()
    out = tmp_path / "mine.xlsx"
    ok(run_cli("export", "customers", str(out), "--db", demo_url, "--as", "rep11"))
    assert sorted(r[0] for r in rows_of(out)[1:]) == theirs and theirs


def test_export_failures_are_one_line(demo_url, tmp_path):
    missing = failed(run_cli("export", "customers", str(tmp_path / "no" / "x.xlsx"), "--db",
                             demo_url, "--lang", "en"))  # fmt: skip
    assert "folder does not exist" in missing
    nobody = failed(run_cli("export", "deals", str(tmp_path / "x.xlsx"), "--db", demo_url,
                            "--as", "nobody"))  # fmt: skip
    assert "nobody" in nobody and not (tmp_path / "x.xlsx").exists()


def _customers_sheet(path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["2024 客户名单"])
    ws.append([])
    ws.append(["客户名称*", "手机号", "所属行业", "客户级别", "创建日期"])
    ws.append(["宁波精工机械有限公司", "13811112222", "制造业", "A", datetime(2024, 3, 5)])
    ws.append(["苏州新锐软件有限公司", 13833334444, "软件", "b", "2024/3/6"])
    ws.append(["", "13855556666", "软件", "A", None])  # no name
    ws.append(["无锡坏号码贸易", "1234", "贸易", "A", None])  # not a phone
    ws.append(["宁波精工机械有限公司", "13877778888", "制造业", "A", None])  # twice in the file
    ws.append(["常州开元电气有限公司", "13899990000", "制造业", "C", None])
    wb.save(path)


def test_import_customers_reports_the_failed_rows(url, tmp_path):
    source, report = tmp_path / "list.xlsx", tmp_path / "errors.xlsx"
    _customers_sheet(source)
    line = ok(run_cli("import", "customers", str(source), "--db", url, "--report", str(report),
                      "--lang", "en"))  # fmt: skip
    assert line == (f"imported 6 rows: 3 created, 0 updated, 1 skipped, 2 failed; "
                    f"report: {report}")  # fmt: skip
    ws = workspace(url)
    try:
        made = ws.db.read(lambda s: {c.name: c for c in s.scalars(
            select(Customer).where(Customer.import_id.is_not(None)))})  # fmt: skip
    finally:
        ws.db.close()
    assert sorted(made) == ["宁波精工机械有限公司", "常州开元电气有限公司", "苏州新锐软件有限公司"]
    assert made["苏州新锐软件有限公司"].level == "B"
    assert made["宁波精工机械有限公司"].owner_id == ws.actor.id  # --owner me
    rows = rows_of(report)
    assert rows[0][:5] == ["客户名称*", "手机号", "所属行业", "客户级别", "创建日期"]
    assert [r[0] for r in rows[1:]] == [None, "无锡坏号码贸易", "宁波精工机械有限公司"]
    assert all(r[-1] for r in rows[1:])  # each says why

    again = ok(run_cli("import", "customers", str(source), "--db", url))
    assert again.startswith("imported 6 rows: 0 created, 0 updated, 4 skipped, 2 failed")
    assert again.endswith("add --report ERRORS.xlsx for the rows not imported and why")


def test_a_mapping_file_names_the_columns(url, tmp_path):
    source, mapping = tmp_path / "list.xlsx", tmp_path / "m.json"
    _customers_sheet(source)
    mapping.write_text(json.dumps({"客户名称*": "name", "所属行业": "industry"}), "utf-8")
    line = ok(run_cli("import", "customers", str(source), "--db", url, "--mapping", str(mapping),
                      "--dedupe", "none"))  # fmt: skip
    assert line.startswith("imported 6 rows: 5 created, 0 updated, 0 skipped, 1 failed")
    ws = workspace(url)
    try:
        levels = ws.db.read(lambda s: set(s.scalars(select(Customer.level).where(
            Customer.import_id.is_not(None)))))  # fmt: skip
    finally:
        ws.db.close()
    assert levels == {"C"}  # the level column was not named: the default

    mapping.write_text(json.dumps({"Company": "name"}), "utf-8")
    unknown = failed(run_cli("import", "customers", str(source), "--db", url, "--mapping",
                             str(mapping)))  # fmt: skip
    assert "unknown column in --mapping: 'Company'" in unknown and "客户名称*" in unknown
    mapping.write_text(json.dumps({"所属行业": "industry"}), "utf-8")
    required = failed(run_cli("import", "customers", str(source), "--db", url, "--mapping",
                              str(mapping), "--lang", "en"))  # fmt: skip
    assert "required field(s) not mapped" in required and "name" in required
    mapping.write_text(json.dumps({"客户名称*": "company"}), "utf-8")
    field = failed(run_cli("import", "customers", str(source), "--db", url, "--mapping",
                           str(mapping)))  # fmt: skip
    assert "unknown field in --mapping: 'company'" in field


def test_a_file_that_is_not_a_spreadsheet_is_refused_in_words(url, tmp_path):
    fake = tmp_path / "photo.xlsx"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200)
    said = failed(run_cli("import", "customers", str(fake), "--db", url, "--lang", "en"))
    assert "not a spreadsheet" in said
    gone = failed(run_cli("import", "customers", str(tmp_path / "none.xlsx"), "--db", url))
    assert "none.xlsx" in gone


def test_deals_import_with_their_stage_names(url, tmp_path):
    source, mapping = tmp_path / "deals.xlsx", tmp_path / "m.json"
    wb = Workbook()
    ws = wb.active
    ws.append(["Deal ID", "Opportunity Name", "Account Name", "Stage", "Amount", "Close Date"])
    ws.append(
        ["D-1", "ERP 一期", "宁波精工机械有限公司", "Prospecting", 12000, datetime(2024, 6, 1)]
    )
    ws.append(["D-2", "ERP 二期", "宁波精工机械有限公司", "Closed Won", "¥30,000", "2024-05-02"])
    ws.append(["D-3", "CRM", "常州开元电气有限公司", "Kickoff", 5000.5, None])
    ws.append(["D-4", "OA", "常州开元电气有限公司", "Nowhere", 100, None])
    wb.save(source)
    mapping.write_text(json.dumps({"Deal ID": "external_id", "Opportunity Name": "title",
                                   "Account Name": "customer", "Stage": "stage",
                                   "Amount": "amount", "Close Date": "close_date",
                                   "stages": {"Kickoff": "needs"}}), "utf-8")  # fmt: skip
    line = ok(run_cli("import", "deals", str(source), "--db", url, "--mapping", str(mapping)))
    assert line.startswith("imported 4 rows: 3 created, 0 updated, 0 skipped, 1 failed")
    db = open_database(url)
    try:
        deals = db.read(lambda s: {d.external_id: (stage, d.amount) for d, stage in s.execute(
            select(Deal, Stage.code).join(Stage, Stage.id == Deal.stage_id).where(
                Deal.import_id.is_not(None)))})  # fmt: skip
    finally:
        db.close()
    assert deals == {"D-1": ("initial", Decimal("12000.00")), "D-2": ("won", Decimal("30000.00")),
                     "D-3": ("needs", Decimal("5000.50"))}  # fmt: skip
    again = ok(run_cli("import", "deals", str(source), "--db", url, "--mapping", str(mapping)))
    assert again.startswith("imported 4 rows: 0 created, 0 updated, 3 skipped, 1 failed")
    mapping.write_text(
        json.dumps(
            {
                "Opportunity Name": "title",
                "Account Name": "customer",
                "Stage": "stage",
                "stages": {"Kickoff": "launch"},
            }
        ),
        "utf-8",
    )
    assert "unknown stage in --mapping: 'launch'" in failed(
        run_cli("import", "deals", str(source), "--db", url, "--mapping", str(mapping))
    )


def test_follow_ups_import_to_their_customers(url, tmp_path):
    ws = workspace(url)
    try:
        name = ws.list_customers(CustomerQuery(scope="all"), 0, 1)[0].name
        before = ws.db.read(lambda s: s.scalar(select(func.count()).select_from(FollowUp)))
    finally:
        ws.db.close()
    source = tmp_path / "log.csv"
    source.write_text(f"客户名称,跟进方式,跟进内容,跟进时间\n"
                      f"{name},电话,约了下周演示,2024-03-05 14:30\n"
                      f"{name},微信,发了报价,05/03/2024\n", "utf-8")  # fmt: skip
    line = ok(run_cli("import", "follow-ups", str(source), "--db", url, "--day-first"))
    assert line.startswith("imported 2 rows: 2 created, 0 updated, 0 skipped, 0 failed")
    db = open_database(url)
    try:
        after = db.read(lambda s: s.scalar(select(func.count()).select_from(FollowUp)))
        days = db.read(lambda s: sorted(s.scalars(select(FollowUp.happened_at).where(
            FollowUp.import_id.is_not(None)))))  # fmt: skip
    finally:
        db.close()
    assert after == before + 2 and days[0].date() == datetime(2024, 3, 5).date() == days[1].date()


def test_an_export_to_another_kind_of_file_is_refused(demo_url, tmp_path):
    said = failed(run_cli("export", "customers", str(tmp_path / "out.csv"), "--db", demo_url))
    assert "*.xlsx" in said and not (tmp_path / "out.csv").exists()


def test_new_customers_go_to_the_owner_column_when_one_is_mapped(url, tmp_path):
    """As in the wizard: the file's 负责人 decides, without --owner."""
    ws = workspace(url, "rep11")
    rep = ws.actor
    ws.db.close()
    source = tmp_path / "owned.xlsx"
    wb = Workbook()
    wb.active.append(["客户名称", "负责人"])
    wb.active.append(["嘉兴远航纺织有限公司", rep.name])
    wb.save(source)
    ok(run_cli("import", "customers", str(source), "--db", url))
    ws = workspace(url)
    try:
        owner = ws.db.read(lambda s: s.scalar(
            select(Customer.owner_id).where(Customer.name == "嘉兴远航纺织有限公司")))  # fmt: skip
    finally:
        ws.db.close()
    assert owner == rep.id != ws.actor.id


def test_finance_may_not_import_customers(url, tmp_path):
    source = tmp_path / "list.xlsx"
    _customers_sheet(source)
    said = failed(run_cli("import", "customers", str(source), "--db", url, "--as", "finance1",
                          "--lang", "en"))  # fmt: skip
    assert "may not import customers" in said
    db = open_database(url)
    try:
        made = db.read(lambda s: s.scalar(select(func.count()).select_from(Customer).where(
            Customer.import_id.is_not(None))))  # fmt: skip
    finally:
        db.close()
    assert made == 0


def test_follow_ups_exported_and_imported_keep_their_times_in_another_zone(url, tmp_path):
    """The export shows stored (UTC) times on the user's clock; the import reads them so."""
    import os
    import subprocess
    import sys

    def cli(*args: str):
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TZ": "Asia/Shanghai"}
        return subprocess.run([sys.executable, "-m", "crmdesk", *args], capture_output=True,
                              text=True, timeout=60, env=env)  # fmt: skip

    out = tmp_path / "follow-ups.xlsx"
    ok(cli("export", "follow-ups", str(out), "--db", url))
    db = open_database(url)
    try:
        before = db.read(lambda s: sorted(s.scalars(select(FollowUp.happened_at))))
    finally:
        db.close()
    assert before
    line = ok(cli("import", "follow-ups", str(out), "--db", url, "--on-duplicate", "create"))
    assert f"{len(before)} created" in line
    db = open_database(url)
    try:
        imported = db.read(lambda s: sorted(s.scalars(select(FollowUp.happened_at).where(
            FollowUp.import_id.is_not(None)))))  # fmt: skip
    finally:
        db.close()
    assert imported == [t.replace(microsecond=0) for t in before]  # the hour is not shifted


def test_a_mistyped_database_path_is_refused_and_no_file_is_made(tmp_path):
    missing = tmp_path / "nope.sqlite"
    said = failed(run_cli("export", "customers", str(tmp_path / "o.xlsx"), "--db",
                          f"sqlite:///{missing}"))  # fmt: skip
    assert "no database at" in said and not missing.exists()
    source = tmp_path / "list.xlsx"
    _customers_sheet(source)
    said = failed(run_cli("import", "customers", str(source), "--db", f"sqlite:///{missing}"))
    assert "no database at" in said and not missing.exists()
