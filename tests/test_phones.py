"""Phone numbers: one key for every way a number is written (duplicates, search, imports), and
the shape of a mobile. Rules without a database, then duplicates and search on all three."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crmdesk.models.contacts import ContactInput
from crmdesk.models.customer_list import CustomerQuery, count_customers, list_customers
from crmdesk.models.customers import CustomerInput, create_customer, find_duplicates
from crmdesk.models.errors import ValidationFailed
from crmdesk.models.phones import phone_key, search_digits, valid_mobile

SAME_MOBILE = ["+86 192-6592-4037", "0086 19265924037", "86 19265924037", "19265924037",
               "+86 (192) 6592 4037", "192 6592 4037", "１９２６５９２４０３７"]  # fmt: skip
SAME_LANDLINE = ["010-12345678", "(010) 1234 5678", "+86 10 1234 5678", "+86 (0)10 12345678",
                 "0086-10-12345678"]  # fmt: skip


@pytest.mark.parametrize("written", SAME_MOBILE)
def test_a_mobile_has_one_key_however_written(written):
    assert phone_key(written) == "19265924037"


@pytest.mark.parametrize("written", SAME_LANDLINE)
def test_a_landline_keeps_its_area_code(written):
    assert phone_key(written) == "01012345678"


def test_foreign_numbers_and_fragments():
    assert phone_key("+1 415-555-2671") == phone_key("001 415 555 2671") == "0014155552671"
    assert phone_key("+852 2345 6789") == "008522345678" + "9"
    assert phone_key("400-820-8820") == "4008208820"
    assert phone_key("1381") == "1381"  # a fragment: its digits
    assert phone_key("") == ""
    assert phone_key("+") == ""


def test_a_whole_number_is_searched_by_its_key_a_fragment_by_its_digits():
    assert search_digits("+86 192 6592 4037") == "19265924037"
    assert search_digits("138 1234") == "1381234"
    assert search_digits("+1 415 555 2671") == "14155552671"  # as the text holds it


@pytest.mark.parametrize(
    ("value", "ok"),
    [("13812345678", True), ("138-1234-5678", True), ("+86 138 1234 5678", True),
     ("+1 415 555 2671", True), ("0044 20 7946 0958", True), ("", True),
     ("2-6592-4037", False), ("010-12345678", False), ("1381234567", False),
     ("138123456789", False), ("abc", False), ("+86 10 1234 5678", False)],
)  # fmt: skip
def test_mobile_shape(value, ok):
    assert valid_mobile(value) is ok


@given(
    number=st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
    prefix=st.sampled_from(["", "+86 ", "+86-", "0086 ", "86", "+86"]),
    sep=st.sampled_from(["", " ", "-"]),
)
def test_every_spelling_of_a_mobile_is_the_same_key(number, prefix, sep):
    written = prefix + number[:3] + sep + number[3:7] + sep + number[7:]
    assert phone_key(written) == number
    assert valid_mobile(written)


@given(st.text(max_size=40))
def test_any_text_gives_a_digit_key(text):
    key = phone_key(text)
    assert key.isascii() and (key == "" or key.isdigit())


# ---------------------------------------------------------------- on the three databases


def _customer(db, people, now, name, **contact):
    with db.writing() as s:
        return create_customer(
            s, people.admin, CustomerInput(name=name), now, [ContactInput(name="陈晨", **contact)]
        )


def test_a_plus86_number_is_a_duplicate_of_the_bare_one(db, people, now):
    _customer(db, people, now, "星辰科技", mobile="19265924037", phone="010-12345678")
    with db.reading() as s:
        for written in SAME_MOBILE + SAME_LANDLINE:
            found = find_duplicates(s, "别的名字", [written])
            assert [d.customer_name for d in found] == ["星辰科技"], written
        assert find_duplicates(s, "别的名字", ["19265924038"]) == []


def test_a_number_stored_with_its_country_code_is_found_every_way(db, people, now):
    _customer(db, people, now, "国际客户", mobile="+86 192-6592-4037", phone="+86 10 1234 5678")
    with db.reading() as s:
        assert [d.customer_name for d in find_duplicates(s, "", ["19265924037"])] == ["国际客户"]
        for written in ["19265924037", "+86 192 6592 4037", "010-12345678", "6592", "1234 5678"]:
            q = CustomerQuery(search=written)
            rows = list_customers(s, people.admin, q, now)
            assert [r.name for r in rows] == ["国际客户"], written
            assert count_customers(s, people.admin, q, now) == 1


def test_a_landline_is_refused_as_a_mobile(db, people, now):
    with pytest.raises(ValidationFailed) as err:
        _customer(db, people, now, "坏号码", mobile="2-6592-4037")
    assert ("contacts.0.mobile", "invalid_mobile") in err.value.params["errors"]
