"""Every input is checked before it reaches the database, on SQLite, PostgreSQL and MariaDB:
each call either succeeds or raises the project's own error, and what was stored reads back
as the service said it would store it (checks.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crmdesk.models.checks import TEXT_LIMIT, limit_of
from crmdesk.models.contacts import ContactInput, check_contact
from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.customers import CustomerInput, check_customer
from crmdesk.models.errors import Conflict, CrmError, NotFound, PermissionDenied, ValidationFailed
from crmdesk.models.follow_ups import FollowUpInput, check_follow_up
from crmdesk.models.schema import Contact, Customer, SavedView
from crmdesk.models.workspace import Workspace


def ws(db, actor, now):
    return Workspace(db, actor, clock=lambda: now)


def fields_at_fault(exc: ValidationFailed) -> set[str]:
    return {field for field, _code in exc.params["errors"]}


def test_limits_come_from_the_column_definitions():
    assert limit_of(Customer.name) == 200 and limit_of(Customer.industry) == 50
    assert limit_of(Contact.email) == 200 and limit_of(SavedView.name) == 100
    assert limit_of(Customer.notes) == TEXT_LIMIT  # Text: what MariaDB's TEXT holds
    for column in Customer.__table__.columns:
        length = getattr(column.type, "length", None)
        if length:
            assert limit_of(column) == length


def test_the_bad_inputs_the_servers_refused_are_field_errors_everywhere(db, people, now):
    a = ws(db, people.admin, now)
    cases = [
        (lambda: a.create_customer(CustomerInput(name="x", address="地" * 10_000)), "address"),
        (lambda: a.create_customer(CustomerInput(name="x", industry="业" * 100)), "industry"),
        (lambda: a.create_customer(CustomerInput(name="北京\x00科技")), "name"),
        (
            lambda: a.create_customer(CustomerInput(name="x", notes="备" * (TEXT_LIMIT + 1))),
            "notes",
        ),
        (
            lambda: a.create_customer(
                CustomerInput(name="x"), [ContactInput(name="y", email="a" * 300 + "@x.cn")]
            ),
            "contacts.0.email",
        ),
        (lambda: a.create_customer(CustomerInput(name="x", tags=("标" * 60,))), "tags"),
        (lambda: a.find_duplicates("x", ["13800000000"] * 70_000), "phones"),
        (lambda: a.list_customers(CustomerQuery(), -1, 100), "offset"),
        (lambda: a.list_customers(CustomerQuery(), 0, 10**6), "limit"),
        (lambda: a.save_view("customers", "v" * 101, {}), "name"),
    ]
    for call, field in cases:
        with pytest.raises(ValidationFailed) as err:
            call()
        assert field in fields_at_fault(err.value)
    with pytest.raises(ValidationFailed) as err:
        a.create_customer(CustomerInput(name="x", address="地" * 10_000))
    assert err.value.params["limits"] == {"address": 300}
    # a NUL typed into the search box is simply not searched for
    assert a.list_customers(CustomerQuery(search="科\x00技"), 0, 10) == []
    with pytest.raises(NotFound):
        a.customer_card(2**40)  # an id no database could hold does not exist
    assert a.count_customers(CustomerQuery()) == 0  # and nothing half-written


def test_a_tag_that_would_overflow_is_refused_and_the_customer_stays_saveable(db, people, now):
    a = ws(db, people.admin, now)
    many = tuple(f"标签{i:03d}" + "长" * 20 for i in range(19))  # 19 tags, 475 characters
    cid = a.create_customer(CustomerInput(name="标签很多的客户", tags=many)).value
    result = a.change_tag([cid], "又一个很长很长的标签名字", True)
    assert (result.value.changed, result.value.skipped) == (0, 1)
    detail = a.customer(cid)
    assert detail.data.tags == tuple(sorted(many))
    saved = a.update_customer(cid, replace(detail.data, city="杭州"), detail).value
    assert saved.data.city == "杭州"


# ---------------------------------------------------------------- generated input

# Clean text: what people type (letters of every script, digits, punctuation, symbols, emoji).
clean = st.text(st.characters(categories=("L", "N", "P", "S", "Zs")), max_size=20)
# Nasty text: what breaks databases. Lengths around the limits (at 4 bytes a character, too),
# NUL and control characters, lone surrogates, blanks, very long texts.
nasty = st.one_of(
    st.sampled_from(["", " ", "\x00", "a\x00b", "\x1b[0m", "\ud800", "x" * 10_000, "行" * 301]),
    st.integers(0, 520).map(lambda n: "😀" * n),
    st.integers(0, 520).map(lambda n: "字" * n),
    st.text(st.characters(codec="utf-8"), max_size=60),
    st.text(st.characters(categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=5),
)
texts = st.one_of(clean, nasty)
ints = st.one_of(st.integers(-5, 5), st.integers(-(2**63), 2**63), st.sampled_from([2**31, 0]))
times = st.one_of(
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
    st.datetimes(timezones=st.just(UTC)),
    st.none(),
)
days = st.one_of(st.dates(min_value=date(1, 1, 1)), st.none())


def one_field_spoilt(valid: st.SearchStrategy, spoilers: dict[str, st.SearchStrategy]):
    """A valid input with at most one field replaced by a nasty value: each example tests one
    thing, instead of failing validation on the first of many problems."""
    return st.tuples(valid, st.sampled_from([None, *spoilers])).flatmap(
        lambda pair: (
            st.just(pair[0])
            if pair[1] is None
            else spoilers[pair[1]].map(lambda v, p=pair: replace(p[0], **{p[1]: v}))
        )
    )


_customer_texts = ("name", "industry", "province", "city", "address", "company_size", "source",
                   "notes")  # fmt: skip
customers_in = one_field_spoilt(
    st.builds(
        CustomerInput,
        name=clean.filter(str.strip),
        level=st.sampled_from(["A", "B", "C"]),
        status=st.sampled_from(["lead", "prospect", "customer", "lost"]),
        **{f: clean for f in _customer_texts[1:]},
        tags=st.lists(clean, max_size=4).map(tuple),
    ),
    {
        **{f: nasty for f in _customer_texts},
        "level": texts,
        "status": texts,
        "tags": st.lists(texts, max_size=30).map(tuple),
    },
)
contacts_in = one_field_spoilt(
    st.builds(
        ContactInput,
        name=clean.filter(str.strip),
        title=clean,
        mobile=st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
        phone=st.from_regex(r"0[1-9][0-9]{1,2}-[0-9]{7,8}", fullmatch=True),
        email=st.emails().filter(lambda e: len(e) <= 200),
        wechat=clean,
        birthday=st.one_of(st.none(), st.dates(date(1930, 1, 1), date(2010, 1, 1))),
        is_primary=st.booleans(),
    ),
    {
        "name": nasty,
        "title": nasty,
        "mobile": texts,
        "phone": texts,
        "email": st.one_of(nasty, st.emails()),
        "wechat": nasty,
        "birthday": days,
    },
)
queries = st.builds(
    CustomerQuery,
    search=texts,
    scope=st.sampled_from(["all", "mine", "team", "x"]),
    owner_id=st.one_of(st.none(), ints),
    level=texts,
    industry=texts,
    province=texts,
    status=texts,
    source=texts,
    overdue=st.booleans(),
    sort=st.sampled_from(["name", "updated_at", "owner", "nonsense", ""]),
    descending=st.booleans(),
)
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# What bad input may end in. "rejected" (the database refused a value: the translation of a raw
# DataError), a lost connection or a locked database would mean a value got past the checks.
INPUT_ERRORS = (ValidationFailed, NotFound, PermissionDenied, Conflict)


def own_error(call):
    """Run call; None if it was refused for its input (anything else fails the test)."""
    try:
        return call()
    except INPUT_ERRORS:
        return None
    except CrmError as exc:
        raise AssertionError(f"bad input reached the database: {exc!r}") from exc


@SETTINGS
@given(data=customers_in, first=st.lists(contacts_in, max_size=3))
def test_create_and_read_back(db, people, now, data, first):
    a = ws(db, people.admin, now)
    result = own_error(lambda: a.create_customer(data, first))
    if result is None:
        return
    card = a.customer_card(result.value)
    assert card.detail.data == check_customer(data)
    stored = sorted(((c.data.name, c.data.email, c.data.birthday) for c in card.contacts), key=repr)
    expected = sorted(((c.name, c.email, c.birthday) for c in map(check_contact, first)), key=repr)
    assert stored == expected
    assert sum(c.data.is_primary for c in card.contacts) == (1 if first else 0)


@SETTINGS
@given(
    edit=customers_in,
    contact=contacts_in,
    fu=st.tuples(st.sampled_from(["call", "visit", "x"]), texts, times, times),
)
def test_edits_contacts_and_follow_ups_read_back(db, people, now, edit, contact, fu):
    a = ws(db, people.admin, now)
    cid = a.create_customer(CustomerInput(name="生成测试")).value
    base = a.customer(cid)
    saved = own_error(lambda: a.update_customer(cid, edit, base))
    if saved is not None:
        assert a.customer(cid).data == check_customer(edit) == saved.value.data
    contact_id = own_error(lambda: a.save_contact(cid, None, contact))
    if contact_id is not None:
        (row,) = a.customer_card(cid).contacts
        assert replace(row.data, is_primary=True) == replace(
            check_contact(contact), is_primary=True
        )
    kind, content, happened, planned = fu
    data = FollowUpInput(kind, content, happened, planned)
    if own_error(lambda: a.add_follow_up(cid, data)) is not None:
        (row,) = a.customer_card(cid).follow_ups
        clean = check_follow_up(data)
        assert (row.content, row.happened_at, row.next_follow_up_at) == (
            clean.content,
            clean.happened_at,
            clean.next_follow_up_at,
        )


@SETTINGS
@given(query=queries, offset=ints, limit=ints, ids=st.lists(ints, max_size=5), tag=texts)
def test_lists_searches_and_bulk_actions_never_fail_raw(
    db, people, now, query, offset, limit, ids, tag
):
    a = ws(db, people.manager_n, now)
    own_error(lambda: a.list_customers(query, offset, limit))
    own_error(lambda: a.customer_ids(query, offset, limit))
    own_error(lambda: a.list_deleted(query, offset, limit))
    assert a.count_customers(query) >= 0 and a.count_deleted(query) >= 0
    own_error(lambda: a.count_target(ids))
    own_error(lambda: a.change_tag(ids, tag, True))
    own_error(lambda: a.assign_customers(ids, offset, "rebalance", tag))
    own_error(lambda: a.delete_customers(ids))
    own_error(lambda: a.restore_customers(ids))
    own_error(lambda: a.customer_card(offset))
    own_error(lambda: a.remove_contact(offset, limit))


@SETTINGS
@given(
    name=texts,
    phones=st.lists(texts, max_size=25),
    page=texts,
    view=texts,
    payload=st.dictionaries(texts, st.one_of(texts, ints, st.booleans()), max_size=3),
)
def test_duplicates_and_saved_views(db, people, now, name, phones, page, view, payload):
    a = ws(db, people.rep_n1, now)
    own_error(lambda: a.find_duplicates(name, phones))
    saved = own_error(lambda: a.save_view(page, view, payload))
    if saved is not None:
        views = {v.id: v for v in a.saved_views(page.strip())}
        assert views[saved.value].name == view.strip()
        assert views[saved.value].payload == payload
        a.delete_view(saved.value)
