"""Signing in to a server database on SQLite, PostgreSQL and MariaDB: password hashes, wrong
passwords and unknown logins answering alike, the lock-out after LOCK_AFTER failures and its
end LOCK_MINUTES later, deactivated users, changing and resetting passwords, the first admin."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from helpers import NOW
from sqlalchemy import select, update

from crmdesk.models import auth
from crmdesk.models.auth import SignInRefused, sign_in_db
from crmdesk.models.errors import CrmError, PermissionDenied, ValidationFailed
from crmdesk.models.schema import User
from crmdesk.models.workspace import Workspace

SECRET = "correct horse 42"


def set_password(db, user_id: int, password: str = SECRET) -> None:
    with db.writing() as s:
        s.execute(
            update(User)
            .where(User.id == user_id)
            .values(password_hash=auth.hash_password(password))
        )


def state(db, user_id: int) -> tuple:
    with db.reading() as s:
        row = s.execute(
            select(User.failed_logins, User.locked_until, User.must_change_password, User.active)
            .where(User.id == user_id)
        ).one()  # fmt: skip
    return tuple(row)


def refusal(db, login, password, now=NOW) -> SignInRefused:
    with pytest.raises(SignInRefused) as caught:
        sign_in_db(db, login, password, now)
    return caught.value


# ---------------------------------------------------------------- hashes (no database)


def test_a_hash_verifies_its_password_only_and_is_salted():
    stored = auth.hash_password(SECRET)
    assert stored.startswith("scrypt$") and SECRET not in stored
    assert auth.verify_password(SECRET, stored)
    assert not auth.verify_password(SECRET + "x", stored)
    assert auth.hash_password(SECRET) != stored  # a salt of its own
    assert not auth.verify_password(SECRET, None)
    assert not auth.verify_password(SECRET, "")
    assert not auth.verify_password(SECRET, "scrypt$garbage")
    assert not auth.verify_password(SECRET, "md5$1$2$3$4$5")


@pytest.mark.parametrize(
    "password, code",
    [
        ("short", "too_short"),
        ("", "too_short"),
        ("x" * 129, "too_long"),
        ("aaaaaaaaaa", "one_character"),
        ("ned_north", "same_as_login"),
        (" NED_North ", "same_as_login"),
        ("good pass\x00word", "bad_character"),
        (None, "invalid"),
    ],
)
def test_password_rules_refuse_weak_passwords(password, code):
    with pytest.raises(ValidationFailed) as caught:
        auth.check_password_rules(password, "ned_north")
    assert ("password", code) in caught.value.params["errors"]


def test_password_rules_accept_a_fair_password():
    assert auth.check_password_rules("xy" * 64, "ned") == "xy" * 64
    assert auth.check_password_rules("8 chars!", "ned") == "8 chars!"
    assert auth.check_password_rules("密码也可以是中文的", "ned")


# ---------------------------------------------------------------- signing in


def test_the_right_password_signs_in_with_the_login_trimmed_and_in_any_case(db, people):
    set_password(db, people.rep_n2.id)
    user = sign_in_db(db, "  REP_N2 ", SECRET, NOW)
    assert user.id == people.rep_n2.id and user.must_change_password is False
    assert state(db, people.rep_n2.id)[:2] == (0, None)


def test_a_wrong_password_and_an_unknown_login_answer_alike_and_the_failure_is_kept(db, people):
    set_password(db, people.rep_n2.id)
    wrong = refusal(db, "rep_n2", "not the password")
    unknown = refusal(db, "nobody_here", SECRET)
    assert wrong.code == unknown.code == "sign_in_refused"
    assert wrong.params == unknown.params == {"reason": "bad_credentials", "until": None}
    # The refusal was raised after the unit of work committed the count.
    assert state(db, people.rep_n2.id)[0] == 1


def test_an_unknown_login_takes_about_as_long_as_a_wrong_password(db, people):
    set_password(db, people.rep_n2.id)
    refusal(db, "nobody_here", SECRET)  # the dummy hash is made once, first

    def fastest(login: str) -> float:
        times = []
        for _ in range(3):
            began = time.perf_counter()
            refusal(db, login, "not the password")
            times.append(time.perf_counter() - began)
        return min(times)

    wrong, unknown = fastest("rep_n2"), fastest("nobody_here")
    assert unknown > wrong * 0.4, (unknown, wrong)  # both hash: no early answer


def test_the_dummy_hash_is_made_before_the_timed_sign_in(db, people, monkeypatch):
    """Else the first unknown login of a process would hash twice (the dummy, then the check)
    and take twice as long as a wrong password."""
    monkeypatch.setattr(auth, "_dummy_hash", [])
    seen = []
    write = db.write

    def watched(fn, key=None):
        seen.append(bool(auth._dummy_hash))
        return write(fn, key)

    monkeypatch.setattr(db, "write", watched)
    refusal(db, "nobody_here", SECRET)
    assert seen == [True]


def test_five_failures_in_a_row_lock_the_account_for_fifteen_minutes(db, people):
    set_password(db, people.rep_n2.id)
    for i in range(auth.LOCK_AFTER - 1):
        assert refusal(db, "rep_n2", "wrong", NOW + timedelta(seconds=i)).params["reason"] == (
            "bad_credentials"
        )
    assert state(db, people.rep_n2.id)[1] is None
    last = NOW + timedelta(seconds=10)
    refusal(db, "rep_n2", "wrong", last)
    until = last + timedelta(minutes=auth.LOCK_MINUTES)
    assert state(db, people.rep_n2.id)[:2] == (auth.LOCK_AFTER, until)
    # Locked: even the right password is refused, and told until when.
    locked = refusal(db, "rep_n2", SECRET, until - timedelta(seconds=1))
    assert locked.params == {"reason": "locked", "until": until}
    # Once the lock has run out, the right password works and the count starts again.
    assert sign_in_db(db, "rep_n2", SECRET, until).id == people.rep_n2.id
    assert state(db, people.rep_n2.id)[:2] == (0, None)


def test_failures_at_the_same_time_all_count(db, people):
    """Five wrong passwords sent at once (a script guessing in parallel) lock the account as
    five in a row do: the row lock makes each count on the one before."""
    from concurrent.futures import ThreadPoolExecutor

    set_password(db, people.rep_n2.id)
    with ThreadPoolExecutor(auth.LOCK_AFTER) as pool:
        answers = list(pool.map(lambda i: refusal(db, "rep_n2", f"guess {i}"), range(5)))
    assert {a.params["reason"] for a in answers} == {"bad_credentials"}
    assert state(db, people.rep_n2.id)[0] == auth.LOCK_AFTER
    assert refusal(db, "rep_n2", SECRET).params["reason"] == "locked"


def test_a_success_resets_the_count_of_failures(db, people):
    set_password(db, people.rep_n2.id)
    for _ in range(auth.LOCK_AFTER - 1):
        refusal(db, "rep_n2", "wrong")
    sign_in_db(db, "rep_n2", SECRET, NOW)
    for _ in range(auth.LOCK_AFTER - 1):
        refusal(db, "rep_n2", "wrong")
    assert state(db, people.rep_n2.id)[:2] == (auth.LOCK_AFTER - 1, None)
    assert sign_in_db(db, "rep_n2", SECRET, NOW).id == people.rep_n2.id


def test_a_deactivated_user_is_refused_and_told_so_only_with_the_right_password(db, people):
    set_password(db, people.rep_n2.id)
    with db.writing() as s:
        s.execute(update(User).where(User.id == people.rep_n2.id).values(active=False))
    assert refusal(db, "rep_n2", SECRET).params["reason"] == "inactive"
    assert refusal(db, "rep_n2", "wrong").params["reason"] == "bad_credentials"


def test_a_user_without_a_password_cannot_sign_in(db, people):
    assert refusal(db, "rep_n2", "").params["reason"] == "no_password"
    assert refusal(db, "rep_n2", SECRET).params["reason"] == "no_password"


def test_sign_in_returns_its_result_inside_a_unit_of_work(db, people):
    set_password(db, people.rep_n2.id)
    result = db.write(lambda s: auth.sign_in(s, "rep_n2", SECRET, NOW)).value
    assert result.user.id == people.rep_n2.id and result.refusal is None
    result = db.write(lambda s: auth.sign_in(s, "rep_n2", "wrong", NOW)).value
    assert result.user is None and result.refusal.params["reason"] == "bad_credentials"


# ---------------------------------------------------------------- changing and resetting


def test_a_user_changes_their_password_after_giving_the_old_one(db, people):
    set_password(db, people.rep_n2.id)
    with db.writing() as s:
        s.execute(update(User).where(User.id == people.rep_n2.id).values(must_change_password=True))
    me = sign_in_db(db, "rep_n2", SECRET, NOW)
    assert me.must_change_password
    ws = Workspace(db, me, clock=lambda: NOW)
    with pytest.raises(ValidationFailed) as caught:
        ws.change_password("not the old one", "a new password")
    assert caught.value.params["errors"] == [("old_password", "wrong")]
    with pytest.raises(ValidationFailed) as caught:
        ws.change_password(SECRET, "short")
    assert ("password", "too_short") in caught.value.params["errors"]
    with pytest.raises(ValidationFailed) as caught:
        ws.change_password(SECRET, SECRET)
    assert caught.value.params["errors"] == [("password", "unchanged")]
    result = ws.change_password(SECRET, "a new password")
    assert "users" in result.change.kinds
    assert not ws.actor.must_change_password
    assert state(db, me.id)[2] is False
    assert refusal(db, "rep_n2", SECRET).params["reason"] == "bad_credentials"
    assert sign_in_db(db, "rep_n2", "a new password", NOW).id == me.id


def test_an_admin_resets_a_password_which_must_then_be_changed_and_unlocks(db, people):
    set_password(db, people.rep_n2.id)
    for _ in range(auth.LOCK_AFTER):
        refusal(db, "rep_n2", "wrong")
    assert state(db, people.rep_n2.id)[1] is not None
    ws = Workspace(db, people.admin, clock=lambda: NOW)
    with pytest.raises(ValidationFailed):
        ws.reset_password(people.rep_n2.id, "rep_n2")  # the login itself
    ws.reset_password(people.rep_n2.id, "given by admin")
    assert state(db, people.rep_n2.id)[:3] == (0, None, True)
    user = sign_in_db(db, "rep_n2", "given by admin", NOW)
    assert user.must_change_password


def test_an_admin_unlocks_a_locked_account(db, people):
    set_password(db, people.rep_n2.id)
    for _ in range(auth.LOCK_AFTER):
        refusal(db, "rep_n2", "wrong")
    Workspace(db, people.admin, clock=lambda: NOW).unlock_user(people.rep_n2.id)
    assert state(db, people.rep_n2.id)[:2] == (0, None)
    assert sign_in_db(db, "rep_n2", SECRET, NOW).id == people.rep_n2.id


@pytest.mark.parametrize("who", ["manager_n", "rep_n1"])
def test_only_an_admin_resets_or_unlocks(db, people, who):
    ws = Workspace(db, getattr(people, who), clock=lambda: NOW)
    with pytest.raises(PermissionDenied):
        ws.reset_password(people.rep_n2.id, "given by someone")
    with pytest.raises(PermissionDenied):
        ws.unlock_user(people.rep_n2.id)


def test_whoever_holds_the_database_sets_a_password_by_login_which_unlocks(db, people):
    rep = people.rep_n2.id
    assert refusal(db, "rep_n2", SECRET).params["reason"] == "no_password"
    with pytest.raises(CrmError) as unknown:
        db.write(lambda s: auth.set_password_by_login(s, "nobody_here", SECRET, NOW))
    assert unknown.value.code == "unknown_login" and unknown.value.params == {
        "login": "nobody_here"
    }
    with pytest.raises(ValidationFailed):
        db.write(lambda s: auth.set_password_by_login(s, "rep_n2", "rep_n2", NOW))
    row = db.write(lambda s: auth.set_password_by_login(s, " REP_N2 ", SECRET, NOW)).value
    assert row.id == rep and not row.must_change_password
    assert sign_in_db(db, "rep_n2", SECRET, NOW).id == rep
    for _ in range(auth.LOCK_AFTER):
        refusal(db, "rep_n2", "not the password")
    assert refusal(db, "rep_n2", SECRET).params["reason"] == "locked"
    db.write(lambda s: auth.set_password_by_login(s, "rep_n2", "second secret", NOW, True))
    assert state(db, rep)[:3] == (0, None, True)
    assert sign_in_db(db, "rep_n2", "second secret", NOW).must_change_password


# ---------------------------------------------------------------- the first admin


def test_the_first_admin_of_an_empty_database_and_never_a_second_time(db):
    with pytest.raises(ValidationFailed) as caught:
        db.write(lambda s: auth.create_first_admin(s, " ", "with space", "short", NOW))
    errors = caught.value.params["errors"]
    assert ("name", "required") in errors and ("login", "invalid") in errors
    assert ("password", "too_short") in errors
    admin = db.write(
        lambda s: auth.create_first_admin(s, "王 管理员", "boss", "first password", NOW)
    ).value
    assert admin.is_admin and admin.active and not admin.must_change_password
    assert sign_in_db(db, "Boss", "first password", NOW).id == admin.id
    with pytest.raises(CrmError) as caught:
        db.write(lambda s: auth.create_first_admin(s, "Other", "other", "other password", NOW))
    assert caught.value.code == "already_set_up"


# ---------------------------------------------------------------- the words a user reads


def test_each_refusal_and_problem_has_its_own_words(qapp):
    from crmdesk.views.errors import error_text

    texts = [
        error_text(SignInRefused(reason))
        for reason in ("bad_credentials", "inactive", "no_password")
    ]
    texts.append(error_text(SignInRefused("locked", NOW)))
    texts += [error_text(CrmError(code)) for code in ("already_set_up", "last_admin")]
    texts.append(error_text(CrmError("team_not_empty", members=3)))
    texts.append(error_text(PermissionDenied(action="deactivate_self")))
    generic = error_text(CrmError("something_else"))
    assert len(set(texts)) == len(texts) and generic not in texts
    assert "3" in texts[-2] and "locked" in texts[3]
    assert "crmdesk set-password" in texts[2]  # an administrator's way in, too
    assert "login who" in error_text(CrmError("unknown_login", login="who"))
    mixed = ValidationFailed(
        errors=[("password", "too_short"), ("login", "taken"), ("name", "required")], limits={}
    )
    lines = error_text(mixed).split("\n")
    assert len(lines) == 3 and lines[0] == "The password needs at least 8 characters."
    assert error_text(ValidationFailed(errors=[("name", "required")], limits={})) == (
        "Name is required."
    )
