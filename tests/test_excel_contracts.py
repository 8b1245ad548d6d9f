"""The contracts and payments importers (excel_contracts.py, excel_payments.py, their undo in
excel_undo_contracts.py): their fields and value rules; then on SQLite, PostgreSQL and MariaDB,
workbooks made here read, checked and written: contracts linked to their customers with their
numbers kept or given and their statuses normalised, payments that leave every contract's
received, receivables and instalments right to the cent, a second run of the same file that
records nothing, the undo of both, and who may record payments on whose contract."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from helpers import NOW
from openpyxl import Workbook
from sqlalchemy import select

from crmdesk.models.contract_rules import outstanding
from crmdesk.models.customers import CustomerInput, create_customer
from crmdesk.models.excel_apply import apply
from crmdesk.models.excel_contract_fields import contract_status, payment_method
from crmdesk.models.excel_fields import check_mapping, suggest_mapping
from crmdesk.models.excel_plan import validate
from crmdesk.models.excel_read import read_sheet
from crmdesk.models.excel_types import ImportOptions, ValueOptions
from crmdesk.models.excel_undo import undo_import
from crmdesk.models.schema import Customer, User
from crmdesk.models.schema_contracts import Contract, Instalment, Payment
from crmdesk.models.users import get_user

CONTRACT_HEADERS = ["合同编号", "客户名称", "合同名称", "合同金额", "签订日期", "到期日期",
                    "合同状态"]  # fmt: skip
PAYMENT_HEADERS = ["合同号", "到账日期", "回款金额", "付款方式", "流水号"]


def test_statuses_and_methods_from_their_chinese_and_english_names():
    for text, code in [("执行中", "active"), ("已签约", "active"), ("Signed", "active"),
                       ("草稿", "draft"), ("draft", "draft"), ("已完成", "completed"),
                       ("Closed", "completed"), ("作废", "terminated"), ("Cancelled", "terminated"),
                       (" 已终止 ", "terminated")]:  # fmt: skip
        assert contract_status(text) == code, text
    for text, code in [("银行转账", "bank_transfer"), ("转账", "bank_transfer"),
                       ("Bank Transfer", "bank_transfer"), ("现金", "cash"), ("cash", "cash"),
                       ("支票", "cheque"), ("Cheque", "cheque"), ("微信", "online"),
                       ("支付宝", "online"), ("bank_transfer", "bank_transfer")]:  # fmt: skip
        assert payment_method(text) == code, text
    for bad, rule, code in [("进行", contract_status, "bad_contract_status"),
                            ("信用证", payment_method, "bad_method")]:  # fmt: skip
        with pytest.raises(ValueError, match=code):
            rule(bad)


def test_headers_map_in_chinese_and_english():
    english = ["Contract No.", "Customer", "Title", "Amount", "Signed", "Start Date", "End Date",
               "Owner", "Status", "Notes"]  # fmt: skip
    assert list(suggest_mapping("contracts", english).columns.values()) == [
        "number", "customer", "title", "amount", "signed_on", "starts_on", "ends_on", "owner",
        "status", "notes"]  # fmt: skip
    got = suggest_mapping("payments", ["合同编号", "合同名称", "合同金额", "收款日期", "到账金额",
                                       "收款方式", "凭证号", "备注"])  # fmt: skip
    assert got.columns == {0: "contract", 3: "received_on", 4: "amount", 5: "method",
                           6: "reference", 7: "note"}  # fmt: skip
    assert check_mapping("payments", suggest_mapping("payments", ["合同号", "回款金额"])) == [
        "received_on"
    ]
    assert check_mapping("contracts", suggest_mapping("contracts", ["合同名称"])) == ["customer"]


def workbook(path, headers, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(headers)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def run(db, actor, kind, path, dedupe, mode="skip", **options):
    sheet = read_sheet(path)
    headers = [str(h) for h in sheet.rows[0]]
    mapping = suggest_mapping(kind, headers)
    assert not check_mapping(kind, mapping)
    plan = validate(kind, sheet, 1, mapping, ValueOptions(), dedupe)
    assert not plan.problems, plan.problems
    return apply(db, actor, plan, ImportOptions(dedupe_key=dedupe, on_duplicate=mode, **options),
                 NOW, file_name=path.name)  # fmt: skip


def customer(db, owner, name):
    with db.writing() as s:
        return create_customer(s, owner, CustomerInput(name=name), NOW)


def contracts_of(db):
    with db.reading() as s:
        rows = s.execute(select(Contract).order_by(Contract.id)).scalars().all()
        return {c.number: c for c in rows}


def money(db, number):
    """(received, credit, outstanding, the instalments' paid, next due) of a contract."""
    with db.reading() as s:
        c = s.scalars(select(Contract).where(Contract.number == number)).one()
        paid = s.scalars(select(Instalment.paid).where(Instalment.contract_id == c.id)).all()
        return (D(c.received).quantize(D("0.01")), D(c.credit).quantize(D("0.01")),
                outstanding(c.amount, c.received, c.credit).quantize(D("0.01")),
                [D(p).quantize(D("0.01")) for p in paid], c.next_due_on)  # fmt: skip


@pytest.fixture
def signed(db, people, tmp_path):
    """Three contracts imported by 张伟 (rep_n1): two of his customer 星辰科技, one of a new
    customer the import makes; the import's result."""
    p = people
    star = customer(db, p.rep_n1, "星辰科技")
    path = workbook(tmp_path / "contracts.xlsx", CONTRACT_HEADERS, [
        ["HT-X-001", "星辰科技", "年度订阅", "¥120,000.00", date(2026, 3, 5), date(2027, 3, 4),
         "执行中"],
        ["", "新客户有限公司", "实施服务", 30000, date(2026, 4, 1), None, "Draft"],
        ["HT-X-003", "星辰科技", "维保", "5000", date(2026, 5, 1), None, "已完成"],
    ])  # fmt: skip
    result = run(db, p.rep_n1, "contracts", path, "number")
    return star, path, result


def test_contracts_import_links_customers_keeps_numbers_and_normalises_statuses(db, people, signed):
    star, path, result = signed
    p = people
    assert (result.status, result.created, result.failed) == ("done", 3, 0)
    got = contracts_of(db)
    assert set(got) == {"HT-X-001", "HT-2026-0001", "HT-X-003"}  # the admin's default pattern
    one, two, three = got["HT-X-001"], got["HT-2026-0001"], got["HT-X-003"]
    assert (one.customer_id, three.customer_id) == (star, star)
    assert [c.status for c in (one, two, three)] == ["active", "draft", "completed"]
    assert one.amount == D("120000.00") and one.owner_id == p.rep_n1.id
    with db.reading() as s:
        new = s.get(Customer, two.customer_id)
        assert new.name == "新客户有限公司" and new.owner_id == p.rep_n1.id
        plans = {n: s.execute(select(Instalment.due_on, Instalment.amount)
                              .where(Instalment.contract_id == c.id)).all()
                 for n, c in got.items()}  # fmt: skip
    # One instalment of the whole amount, due at the contract's end, else when it was signed.
    assert plans["HT-X-001"] == [(date(2027, 3, 4), D("120000.00"))]
    assert plans["HT-2026-0001"] == [(date(2026, 4, 1), D("30000.00"))]
    assert money(db, "HT-X-001") == (D(0), D(0), D("120000.00"), [D(0)], date(2027, 3, 4))
    # Again: the numbered ones are there (skipped); the one without a number is made again.
    again = run(db, p.rep_n1, "contracts", path, "number")
    assert (again.created, again.skipped, again.reasons) == (1, 2, {"exists": 2})
    # Create anyway cannot give a number twice: those rows fail, clearly.
    forced = run(db, p.rep_n1, "contracts", path, "number", "create")
    assert forced.reasons == {"number_taken": 2} and forced.created == 1


def test_fill_sets_empty_fields_and_undo_puts_them_back(db, people, signed, tmp_path):
    p = people
    path = workbook(tmp_path / "more.xlsx", CONTRACT_HEADERS + ["开始日期", "备注"], [
        ["HT-X-003", "星辰科技", "维保（改）", 5000, date(2026, 5, 1), date(2026, 12, 31), "",
         date(2026, 5, 2), "续签"],
    ])  # fmt: skip
    result = run(db, p.rep_n1, "contracts", path, "number", "fill")
    assert result.updated == 1
    c = contracts_of(db)["HT-X-003"]
    assert (c.title, c.ends_on, c.starts_on, c.notes) == ("维保", date(2026, 12, 31),
                                                          date(2026, 5, 2), "续签")  # fmt: skip
    with db.writing() as s:
        undone = undo_import(s, p.rep_n1, result.import_id, NOW)
    assert undone.restored == 1
    c = contracts_of(db)["HT-X-003"]
    assert (c.title, c.ends_on, c.starts_on, c.notes) == ("维保", None, None, "")


def payments_file(tmp_path, name="payments.xlsx"):
    return workbook(tmp_path / name, PAYMENT_HEADERS, [
        ["HT-X-001", date(2026, 4, 1), "50,000.10", "银行转账", "R-1"],
        ["HT-X-001", date(2026, 5, 1), 19999.9, "支付宝", ""],
        ["HT-X-001", date(2026, 5, 1), 19999.9, "支付宝", ""],  # a second payment, as real
        ["HT-X-003", date(2026, 6, 1), "5,000", "现金", "R-3"],
        ["HT-X-999", date(2026, 6, 1), 10, "现金", ""],  # no such contract
        ["HT-2026-0001", date(2026, 6, 1), 10, "现金", ""],  # a draft takes no money
    ])  # fmt: skip


def test_payments_make_received_and_receivables_exact_and_a_second_run_records_nothing(
    db, people, signed, tmp_path
):
    p = people
    path = payments_file(tmp_path)
    result = run(db, p.rep_n1, "payments", path, "payment")
    assert (result.created, result.failed) == (4, 2)
    assert result.reasons == {"draft_contract": 1, "unknown_contract": 1}
    assert money(db, "HT-X-001") == (D("89999.90"), D(0), D("30000.10"), [D("89999.90")],
                                     date(2027, 3, 4))  # fmt: skip
    assert money(db, "HT-X-003") == (D("5000.00"), D(0), D(0), [D("5000.00")], None)
    with db.reading() as s:
        methods = sorted(s.scalars(select(Payment.method)).all())
    assert methods == ["bank_transfer", "cash", "online", "online"]
    again = run(db, p.rep_n1, "payments", path, "payment")
    assert (again.created, again.skipped, again.reasons["exists"]) == (0, 4, 4)
    assert money(db, "HT-X-001")[0] == D("89999.90")
    # One of the two equal payments recorded by hand before: the file's second still comes in.
    with db.writing() as s:
        s.execute(Payment.__table__.delete().where(Payment.import_id == result.import_id,
                                                   Payment.reference == ""))  # fmt: skip
    from crmdesk.models.contract_totals import refresh_contract_totals

    with db.writing() as s:
        cid = s.scalar(select(Contract.id).where(Contract.number == "HT-X-001"))
        s.add(Payment(contract_id=cid, received_on=date(2026, 5, 1), amount=D("19999.90"),
                      method="online", reference="", note="", recorded_at=NOW))  # fmt: skip
        s.flush()
        refresh_contract_totals(s, cid)
    third = run(db, p.rep_n1, "payments", path, "payment")
    assert (third.created, third.skipped) == (1, 3)
    assert money(db, "HT-X-001")[0] == D("89999.90")


def test_undo_removes_payments_then_contracts_and_the_totals_follow(db, people, signed, tmp_path):
    p = people
    _star, _path, contracts = signed
    paid = run(db, p.rep_n1, "payments", payments_file(tmp_path), "payment")
    with db.writing() as s:  # the contracts first: those with the other import's payments stay
        first = undo_import(s, p.rep_n1, contracts.import_id, NOW)
    assert sorted((e, n, r) for e, _i, n, r in first.left) == [
        ("contract", "HT-X-001", "has_records"),
        ("contract", "HT-X-003", "has_records"),
    ]
    assert set(contracts_of(db)) == {"HT-X-001", "HT-X-003"}
    with db.writing() as s:
        second = undo_import(s, p.rep_n1, paid.import_id, NOW)
    assert second.removed == 4 and not second.left
    assert money(db, "HT-X-001") == (D(0), D(0), D("120000.00"), [D(0)], date(2027, 3, 4))
    with db.reading() as s:
        assert s.scalar(select(Payment.id)) is None


def test_undo_of_both_in_order_leaves_nothing(db, people, signed, tmp_path):
    p = people
    _star, _path, contracts = signed
    paid = run(db, p.rep_n1, "payments", payments_file(tmp_path), "payment")
    with db.writing() as s:
        undo_import(s, p.rep_n1, paid.import_id, NOW)
    with db.writing() as s:
        undone = undo_import(s, p.rep_n1, contracts.import_id, NOW)
    assert undone.removed == 4 and not undone.left  # three contracts and the new customer
    assert contracts_of(db) == {}
    with db.reading() as s:
        assert s.scalars(select(Customer.name)).all() == ["星辰科技"]


def finance(db):
    with db.writing() as s:
        u = User(name="Fay Finance", login="finance", role="finance", active=True, created_at=NOW)
        s.add(u)
        s.flush()
        return get_user(s, u.id)


def test_a_rep_records_no_payments_on_anothers_contract_finance_does(db, people, signed, tmp_path):
    p = people
    path = payments_file(tmp_path)
    other = run(db, p.rep_n2, "payments", path, "payment")  # the same team, not his contracts
    assert other.created == 0 and other.reasons == {"unknown_contract": 6}
    south = run(db, p.manager_s, "payments", path, "payment")
    assert south.created == 0
    money_before = money(db, "HT-X-001")
    assert money_before[0] == 0
    cashier = finance(db)
    done = run(db, cashier, "payments", path, "payment")
    assert (done.created, done.reasons) == (4, {"draft_contract": 1, "unknown_contract": 1})
    assert money(db, "HT-X-001")[0] == D("89999.90")
    with db.reading() as s:
        owners = set(s.scalars(select(Payment.owner_id)).all())
        recorders = set(s.scalars(select(Payment.recorded_by_id)).all())
    assert owners == {p.rep_n1.id} and recorders == {cashier.id}
    # The team's manager may collect on it too (and finds those four recorded).
    team = run(db, p.manager_n, "payments", path, "payment")
    assert team.skipped == 4 and team.created == 0


def test_the_command_line_imports_contracts_then_payments_once(tmp_path):
    from test_cli import run_cli

    from crmdesk.models.customer_list import CustomerQuery
    from crmdesk.models.database import open_database
    from crmdesk.models.demo import generate_demo
    from crmdesk.models.users import local_actor, os_login
    from crmdesk.models.workspace import Workspace

    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    db = open_database(url)
    generate_demo(db, customers=10, seed=5, pooled=0)
    actor = db.read(lambda s: local_actor(s, os_login()))
    name = Workspace(db, actor).list_customers(CustomerQuery(scope="all"), 0, 1)[0].name
    db.close()
    contracts = tmp_path / "合同.csv"
    contracts.write_text("合同编号,客户名称,合同名称,合同金额,签订日期,结束日期,合同状态\n"
                         f"CLI-001,{name},年度服务,\"¥1,000.50\",2026-03-05,2026-12-31,执行中\n",
                         "utf-8")  # fmt: skip
    payments = tmp_path / "回款.csv"
    payments.write_text("合同编号,到账日期,回款金额,付款方式,流水号\n"
                        "CLI-001,2026-04-01,400.25,转账,B-1\n", "utf-8")  # fmt: skip
    done = run_cli("import", "contracts", str(contracts), "--db", url)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("imported 1 rows: 1 created")
    for created, skipped in ((1, 0), (0, 1)):
        paid = run_cli("import", "payments", str(payments), "--db", url, "--as", "finance1")
        assert paid.returncode == 0, paid.stderr
        assert f"{created} created, 0 updated, {skipped} skipped, 0 failed" in paid.stdout
    db = open_database(url)
    try:
        with db.reading() as s:
            c = s.scalars(select(Contract).where(Contract.number == "CLI-001")).one()
            assert (c.amount, c.received, outstanding(c.amount, c.received, c.credit)) == (
                D("1000.50"),
                D("400.25"),
                D("600.25"),
            )
    finally:
        db.close()
