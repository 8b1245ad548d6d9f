"""The texts a customers import derives (excel_derive.py) are those create_customer and
search.reindex write, whether computed in the writer or ahead in a worker process; a worker
that cannot start changes nothing; the SQLite settings a big import changes are put back."""

from __future__ import annotations

from excel_apply_helpers import LATER, found, plan_of
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from crmdesk.models import excel_apply, excel_derive, pinyin, search
from crmdesk.models.excel_types import ImportOptions
from crmdesk.models.phones import phone_key
from crmdesk.models.schema import Contact, Customer, CustomerGrams, CustomerSearch

HAN = "深圳北京星辰科技有限公司重庆重工银行长沙乐行中国人张伟李娜王芳〇"
CHARS = HAN + "abcXYZ019 -+()（）\n\t_.@"
names = st.text(st.sampled_from(CHARS), min_size=1, max_size=24)
numbers = st.one_of(
    st.just(""),
    st.text(st.sampled_from("0123456789"), min_size=1, max_size=14),
    st.text(st.sampled_from("0123456789 +-()８６"), max_size=20),
)
contacts = st.tuples(st.text(st.sampled_from(CHARS), max_size=6), numbers, numbers)


def test_the_phone_pattern_is_searchs():
    assert excel_derive._PHONE_LIKE.pattern == search._PHONE_LIKE.pattern


@settings(max_examples=400, deadline=None)
@given(names, contacts)
def test_derived_texts_are_create_customers(name, contact):
    name = name.strip()
    name_sort, lines, body, bigrams = excel_derive.derive(name, [contact], "sqlite")
    assert name_sort == pinyin.sort_key(name)
    assert lines == pinyin.search_lines(name.lower())
    assert body == search.build_body(name, [contact])
    assert bigrams == search.bigrams(body)
    assert excel_derive.derive(name, [contact], "postgresql")[3] == search.grams(body)
    assert excel_derive.body_of(name, [contact], None) == body
    assert excel_derive.body_of(name, [("", "", "")], None) == search.build_body(name, [])
    for number in contact[1:]:
        assert excel_derive.key_of(number) == (phone_key(number) if number else "")


ROWS = [
    {"name": f"{city}星辰科技{n}有限公司", "contact_name": "张伟", "mobile": f"1381234{n:04d}"}
    for n, city in enumerate(["深圳", "北京", "重庆", "长沙", "上海", "广州"] * 3)
] + [{"name": " Acme 重工 ", "phone": "+86 10 1234 5678"}, {"name": "无联系人"}]


def _import(db, actor, monkeypatch, chunk=3):
    monkeypatch.setattr(excel_derive, "PREFETCH_FROM", 1)
    used = []
    get = excel_derive.Prefetch.get

    def spy(self, k):
        found = get(self, k)
        used.append(len(found))
        return found

    monkeypatch.setattr(excel_derive.Prefetch, "get", spy)
    plan = plan_of("customers", ROWS)
    result = excel_apply.apply(db, actor, plan, ImportOptions(chunk=chunk), LATER)
    assert (result.status, result.created) == ("done", len(ROWS))
    return used


def _stored(db):
    with db.reading() as s:
        rows = s.execute(
            select(Customer.id, Customer.name, Customer.name_sort, CustomerSearch.body).join(
                CustomerSearch, CustomerSearch.customer_id == Customer.id
            )
        ).all()
        for cid, name, name_sort, body in rows:
            people = s.execute(
                select(Contact.name, Contact.mobile, Contact.phone)
                .where(Contact.customer_id == cid)
                .order_by(Contact.id)
            ).all()
            people = [tuple(p) for p in people]
            assert name_sort == pinyin.sort_key(name)
            assert body == search.build_body(name, people)
            if db.dialect == "sqlite":
                continue  # the bigram index is contentless: found() below asks it
            grams = s.scalar(select(CustomerGrams.grams).where(CustomerGrams.customer_id == cid))
            assert grams == search.grams(body)
    return len(rows)


def test_texts_computed_ahead_in_a_worker_are_the_same(db, people, monkeypatch):
    used = _import(db, people.rep_n1, monkeypatch)
    assert used[0] == 0 and sum(used[1:]) == len(ROWS) - 3  # the first chunk: in process
    assert _stored(db) == len(ROWS)
    assert found(db, people.rep_n1, "星辰") == sorted(r["name"] for r in ROWS[:18])
    assert found(db, people.rep_n1, "cqxc") == sorted(r["name"] for r in ROWS[2:18:6])
    assert found(db, people.rep_n1, "重工") == ["Acme 重工"]
    assert found(db, people.rep_n1, "01012345678") == ["Acme 重工"]


def test_no_worker_no_difference(db, people, monkeypatch):
    import concurrent.futures

    def refuse(*_a, **_k):
        raise OSError("no processes here")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", refuse)
    used = _import(db, people.rep_n1, monkeypatch)
    assert not any(used)
    assert _stored(db) == len(ROWS)


def test_sqlite_settings_are_put_back(db, people, monkeypatch):
    if db.dialect != "sqlite":
        return
    monkeypatch.setattr("crmdesk.models.excel_insert.BYPASS_FROM", 1)
    _import(db, people.rep_n1, monkeypatch, chunk=10)
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA wal_autocheckpoint")).scalar() == 1000
        for t in ("customer_fts_tri", "customer_fts_bi"):
            setting = conn.execute(text(f"SELECT v FROM {t}_config WHERE k = 'automerge'"))
            assert setting.scalar() in (None, 4)
