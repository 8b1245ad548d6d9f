"""Signing in to a server database: password hashes, sign-in with lock-out, changing and
resetting passwords, the first admin of an empty server. The local file runs as its local user
without a password (users.local_actor).

Hashes are scrypt (standard library) with a per-user salt, stored as
"scrypt$<n>$<r>$<p>$<salt b64>$<hash b64>" so the cost can rise later without breaking old
hashes."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from crmdesk.models.changes import record
from crmdesk.models.checks import Checker, check_id, has_bad_character
from crmdesk.models.errors import CrmError, NotFound, PermissionDenied, ValidationFailed
from crmdesk.models.schema import User
from crmdesk.models.users import UserRow, get_user

if TYPE_CHECKING:
    from crmdesk.models.database import Database

# ~50 ms a hash on this kind of machine: cheap for one sign-in, dear for a guessing attack.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
_DKLEN = 32


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=_DKLEN
    )
    b64 = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str | None) -> bool:
    """Whether password matches the stored hash (constant-time); False for no hash or a
    malformed one."""
    if not stored:
        return False
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r),
            p=int(p), dklen=len(expected), maxmem=2**27,
        )  # fmt: skip
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


# ---------------------------------------------------------------- signing in

LOCK_AFTER = 5  # failed sign-ins in a row that lock the account
LOCK_MINUTES = 15
PASSWORD_MIN = 8
PASSWORD_MAX = 128
SIGN_IN_REASONS = ("bad_credentials", "locked", "inactive", "no_password")

_dummy_hash: list[str] = []  # hashed once, when first needed


def _dummy() -> str:
    """A hash to check an unknown login's password against: it answers as slowly as a real
    one, so the time taken does not tell which logins exist. Made once, the first time, before
    the timed part of a sign-in (sign_in_db, server_setup.upgrade_server call it first): else
    the first unknown login of a process would take two hashes' time."""
    if not _dummy_hash:
        _dummy_hash.append(hash_password(secrets.token_hex(16)))
    return _dummy_hash[0]


class SignInRefused(CrmError):
    """params: reason (SIGN_IN_REASONS), until (the end of a lock-out, else None). An unknown
    login and a wrong password answer alike: bad_credentials."""

    code = "sign_in_refused"

    def __init__(self, reason: str, until: datetime | None = None) -> None:
        super().__init__(reason=reason, until=until)


@dataclass(frozen=True)
class SignInResult:
    """What a sign-in attempt came to: the user, or why not (the refusal is returned, not
    raised, so the unit of work that counted the failure still commits)."""

    user: UserRow | None
    refusal: SignInRefused | None = None


def find_login(session: Session, login: str) -> User | None:
    """The user with this login, trimmed and case-insensitively (an exact match first when
    two differ only in case), their row locked: failures of one login count up in turn. Found
    first without a lock, then locked by primary key: a locking read of lower(login) would
    scan, and on MariaDB lock, every user's row."""
    wanted = login.strip() if isinstance(login, str) else ""
    if not wanted or has_bad_character(wanted):
        return None
    stmt = select(User.id, User.login).where(func.lower(User.login) == wanted.lower())
    found = [(uid, name) for uid, name in session.execute(stmt.order_by(User.id))]
    # SQLite's lower() folds ASCII only: Python's casefold decides for the rest.
    found = [f for f in found if f[1].casefold() == wanted.casefold()] or found
    exact = [f for f in found if f[1] == wanted]
    chosen = (exact or found or [None])[0]
    if chosen is None:
        return None
    return session.get(User, chosen[0], with_for_update=True, populate_existing=True)


def sign_in(session: Session, login: str, password: str, now: datetime) -> SignInResult:
    """Check a login and password (run in a write: a failure is counted, and LOCK_AFTER of
    them in a row lock the account for LOCK_MINUTES; a success resets the count). A locked
    account is refused even with the right password until the lock ends."""
    user = find_login(session, login)
    if not isinstance(password, str):
        password = ""
    if user is None:
        verify_password(password, _dummy())
        return SignInResult(None, SignInRefused("bad_credentials"))
    if user.locked_until is not None and now >= user.locked_until:
        user.locked_until, user.failed_logins = None, 0  # the lock has served its time
    if user.locked_until is not None:
        verify_password(password, user.password_hash or _dummy())
        return SignInResult(None, SignInRefused("locked", user.locked_until))
    if not user.password_hash:
        verify_password(password, _dummy())
        return SignInResult(None, SignInRefused("no_password"))
    if not verify_password(password, user.password_hash):
        user.failed_logins = (user.failed_logins or 0) + 1
        if user.failed_logins >= LOCK_AFTER:
            user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
        session.flush()
        return SignInResult(None, SignInRefused("bad_credentials"))
    if not user.active:  # told only to who knows the password
        return SignInResult(None, SignInRefused("inactive"))
    user.failed_logins, user.locked_until = 0, None
    session.flush()
    return SignInResult(get_user(session, user.id))


def sign_in_db(db: Database, login: str, password: str, now: datetime) -> UserRow:
    """Sign in through the database's write (the failure count is committed), then raise the
    refusal, if any."""
    _dummy()  # made now, not while the sign-in is timed
    result = db.write(lambda s: sign_in(s, login, password, now)).value
    if result.refusal is not None:
        raise result.refusal
    assert result.user is not None
    return result.user


# ---------------------------------------------------------------- passwords


def password_problems(password: object, login: str = "") -> list[tuple[str, str]]:
    if not isinstance(password, str):
        return [("password", "invalid")]
    found = []
    if "\x00" in password:
        found.append(("password", "bad_character"))
    if len(password) < PASSWORD_MIN:
        found.append(("password", "too_short"))
    elif len(password) > PASSWORD_MAX:
        found.append(("password", "too_long"))
    elif len(set(password)) == 1:
        found.append(("password", "one_character"))
    if login and password.strip().casefold() == login.strip().casefold():
        found.append(("password", "same_as_login"))
    return found


def check_password_rules(password: object, login: str = "") -> str:
    """At least PASSWORD_MIN characters, at most PASSWORD_MAX, not the login, not one character
    repeated, no NUL; else ValidationFailed on the field "password"."""
    found = password_problems(password, login)
    if found:
        limits = {"password": PASSWORD_MAX if ("password", "too_long") in found else PASSWORD_MIN}
        raise ValidationFailed(errors=found, limits=limits)
    assert isinstance(password, str)
    return password


def _locked_user(session: Session, user_id: int) -> User:
    check_id(user_id, "user")
    user = session.get(User, user_id, with_for_update=True, populate_existing=True)
    if user is None:
        raise NotFound(what="user", id=user_id)
    return user


def change_password(session: Session, actor_id: int, old: str, new: str, now: datetime) -> None:
    """A user changes their own password: the old one first (a wrong one is the field
    old_password, code wrong); clears must_change_password."""
    user = _locked_user(session, actor_id)
    if not isinstance(old, str) or not verify_password(old, user.password_hash):
        raise ValidationFailed(errors=[("old_password", "wrong")], limits={})
    check_password_rules(new, user.login)
    if new == old:
        raise ValidationFailed(errors=[("password", "unchanged")], limits={})
    user.password_hash = hash_password(new)
    user.must_change_password = False
    user.failed_logins, user.locked_until = 0, None
    session.flush()
    record(session, "users")


def _admin_only(actor: UserRow, action: str) -> None:
    if not (actor.is_admin and actor.active):
        raise PermissionDenied(action=action)


def reset_password(session: Session, admin: UserRow, user_id: int, new: str, now: datetime) -> None:
    """An admin sets a user's password: the user must change it at their next sign-in; a
    lock-out ends."""
    _admin_only(admin, "reset_password")
    user = _locked_user(session, user_id)
    check_password_rules(new, user.login)
    user.password_hash = hash_password(new)
    user.must_change_password = user.id != admin.id  # one's own: no need to change it again
    user.failed_logins, user.locked_until = 0, None
    session.flush()
    record(session, "users")


def set_password_by_login(
    session: Session, login: str, password: str, now: datetime, must_change: bool = False
) -> UserRow:
    """Set a user's password without signing in (`crmdesk set-password`): allowed to whoever
    holds the database's own credentials, who can change any row anyway (an older crmdesk let
    them in as an administrator without a password). The way in for accounts that have none: a
    server written by an older crmdesk, demo users. Unlocks the account; CrmError unknown_login
    when no user has this login."""
    user = find_login(session, login)
    if user is None:
        raise CrmError("unknown_login", login=login.strip() if isinstance(login, str) else "")
    check_password_rules(password, user.login)
    user.password_hash = hash_password(password)
    user.must_change_password = must_change
    user.failed_logins, user.locked_until = 0, None
    session.flush()
    record(session, "users")
    return get_user(session, user.id)


def unlock_user(session: Session, admin: UserRow, user_id: int, now: datetime) -> None:
    _admin_only(admin, "unlock_user")
    user = _locked_user(session, user_id)
    user.failed_logins, user.locked_until = 0, None
    session.flush()
    record(session, "users")


# ---------------------------------------------------------------- the first admin


def check_login(c: Checker, login: object) -> str:
    """A login as stored: trimmed, required, no spaces inside (it is typed at every sign-in)."""
    value = c.text("login", login, User.login, required=True)
    if value and any(ch.isspace() for ch in value):
        c.fail("login", "invalid")
    return value


def login_taken(session: Session, login: str, except_id: int | None = None) -> bool:
    """Whether another user has this login, compared as sign-in compares them."""
    stmt = select(User.id, User.login).where(func.lower(User.login) == login.lower())
    return any(
        uid != except_id and other.casefold() == login.casefold()
        for uid, other in session.execute(stmt)
    )


def create_first_admin(
    session: Session, name: str, login: str, password: str, now: datetime
) -> UserRow:
    """The first user of an empty server database, an admin; refused (already_set_up) once the
    database has any user. Two clients setting up the same server take turns: on a server the
    one row of alembic_version is locked first (every set-up database has it), so the second
    counts the users only once the first has committed (READ COMMITTED: the count sees it);
    SQLite's BEGIN IMMEDIATE already serializes writers."""
    if session.get_bind().dialect.name != "sqlite":
        session.execute(text("SELECT version_num FROM alembic_version FOR UPDATE"))
    if session.scalar(select(func.count()).select_from(User)):
        raise CrmError("already_set_up")
    c = Checker()
    name = c.text("name", name, User.name, required=True)
    login = check_login(c, login)
    c.errors.extend(password_problems(password, login))
    c.done()
    user = User(
        name=name, login=login, role="admin", active=True, created_at=now,
        password_hash=hash_password(password), must_change_password=False,
    )  # fmt: skip
    session.add(user)
    session.flush()
    record(session, "users")
    return get_user(session, user.id)
