"""Connection profiles: the local file or a team's server (PostgreSQL, MySQL/MariaDB), saved as
JSON in the per-user config folder with the one used last. A password is never written there:
it goes to the operating system's keychain through `keyring` when one exists, else the program
asks for it each time.

keyring is optional at run time: a machine without a usable backend (keyring's fail or null
backend, a chainer with nothing behind it, a keychain that errors) answers "not available", and
no error from keyring ever reaches the caller (it is logged)."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from crmdesk import paths

log = logging.getLogger(__name__)

KINDS = ("sqlite", "postgresql", "mysql")
DEFAULT_PORTS = {"postgresql": 5432, "mysql": 3306}
DRIVERS = {"postgresql": "postgresql+psycopg", "mysql": "mysql+pymysql"}
LOCAL_NAME = "local"  # the local file's profile: always there, always first, never deleted
KEYRING_SERVICE = "crmdesk"
FILE_NAME = "profiles.json"


@dataclass(frozen=True)
class Profile:
    """kind "sqlite": path ("" = the default local file); a server: host, port, database and
    the database user (the server's account, not the crmdesk login)."""

    name: str
    kind: str = "sqlite"
    path: str = ""
    host: str = ""
    port: int = 0
    database: str = ""
    user: str = ""

    @property
    def is_local(self) -> bool:
        return self.kind == "sqlite"

    def account(self) -> str:
        """The keychain's name for this profile's password: the server account it opens."""
        return f"{self.kind}://{self.user}@{self.host}:{self.port}/{self.database}"


def local_profile() -> Profile:
    return Profile(LOCAL_NAME)


def _file() -> Path:
    return paths.config_dir() / FILE_NAME


def _read() -> dict:
    try:
        data = json.loads(_file().read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:  # a damaged file: start again with the local one
        log.warning("profiles not read: %s", exc)
        return {}


def _profile(raw: dict) -> Profile | None:
    try:
        kind = str(raw.get("kind", "sqlite"))
        if kind not in KINDS or not str(raw.get("name", "")).strip():
            return None
        return Profile(
            name=str(raw["name"]).strip(),
            kind=kind,
            path=str(raw.get("path", "") or ""),
            host=str(raw.get("host", "") or ""),
            port=int(raw.get("port", 0) or 0),
            database=str(raw.get("database", "") or ""),
            user=str(raw.get("user", "") or ""),
        )
    except (TypeError, ValueError, AttributeError):
        return None


def load_profiles() -> list[Profile]:
    """The saved profiles, the local file's first (made if missing)."""
    found = [p for p in (_profile(r) for r in _read().get("profiles", []) or []) if p]
    local = next((p for p in found if p.name == LOCAL_NAME), local_profile())
    return [local] + [p for p in found if p.name != LOCAL_NAME]


def last_profile() -> Profile | None:
    """The profile used last, or None when none was chosen yet (the local file then)."""
    name = _read().get("last")
    return next((p for p in load_profiles() if p.name == name), None)


def save_profiles(profiles: list[Profile], last: str | None = None) -> None:
    """Write the profiles (never a password); last: the one to open next time (None keeps the
    current choice when that profile still exists)."""
    names = [p.name for p in profiles]
    if len(set(names)) != len(names):
        raise ValueError("profile names must be unique")
    if last is None:
        last = _read().get("last")
    data = {
        "profiles": [asdict(p) for p in profiles],
        "last": last if last in names else None,
    }
    target = _file()
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    temporary.replace(target)  # a crash half-way never leaves a cut file


def set_last(name: str | None) -> None:
    save_profiles(load_profiles(), last=name or LOCAL_NAME)


def profile_url(profile: Profile, password: str | None = None) -> str:
    """The SQLAlchemy URL that opens the profile (with the password, for this session only)."""
    from sqlalchemy.engine import URL

    if profile.is_local:
        if not profile.path:
            return paths.default_database_url()
        return "sqlite:///" + Path(profile.path).as_posix()
    return URL.create(
        DRIVERS[profile.kind],
        username=profile.user or None,
        password=password or None,
        host=profile.host or None,
        port=profile.port or None,
        database=profile.database or None,
    ).render_as_string(hide_password=False)


def profile_from_url(url: str, name: str = "") -> tuple[Profile, str | None]:
    """(a profile for a URL given on the command line or typed at the first start, the URL's
    password or None). Raises ValueError for something that is not a database URL."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ValueError(str(exc)) from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        path = parsed.database or ""
        return Profile(name or Path(path).stem or LOCAL_NAME, "sqlite", path=path), None
    kind = {"postgres": "postgresql", "mariadb": "mysql"}.get(backend, backend)
    if kind not in DRIVERS:
        raise ValueError(f"not a database crmdesk opens: {backend}")
    profile = Profile(
        name or f"{parsed.database or ''} @ {parsed.host or 'localhost'}",
        kind,
        host=parsed.host or "",
        port=parsed.port or DEFAULT_PORTS[kind],
        database=parsed.database or "",
        user=parsed.username or "",
    )
    return profile, parsed.password


def remember_url(url: str | None) -> Profile:
    """Make the URL's database the one opened next time: its profile (found by where it
    points, else added) becomes the last one. None: the local default file."""
    profiles = load_profiles()
    if not url:
        save_profiles(profiles, last=LOCAL_NAME)
        return profiles[0]
    wanted, _password = profile_from_url(url)
    same = _find_or_add(profiles, wanted)
    save_profiles(profiles, last=same.name)
    return same


def _find_or_add(profiles: list[Profile], wanted: Profile) -> Profile:
    """The profile pointing where wanted points; else wanted, added under a free name
    ("Office (2)")."""
    same = next((p for p in profiles if _same_place(p, wanted)), None)
    if same is None:
        names = {p.name for p in profiles}
        name, n = wanted.name, 2
        while name in names:
            name, n = f"{wanted.name} ({n})", n + 1
        same = replace(wanted, name=name)
        profiles.append(same)
    return same


def display_url(url: str | None) -> str:
    """A URL as the user would type it: without the driver the program adds (+psycopg,
    +pymysql), its options and the password; a local file's path. Anything not a URL as is."""
    from sqlalchemy.engine import make_url

    if not url:
        return ""
    try:
        parsed = make_url(url)
    except Exception:
        return url
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ""
    shown = parsed.set(drivername=parsed.get_backend_name(), query={})._replace(password=None)
    return shown.render_as_string(hide_password=False)


def redact_argv(argv: list[str]) -> list[str]:
    """Command-line arguments with any database URL's password hidden (for a log)."""
    from sqlalchemy.engine import make_url

    shown = []
    for arg in argv:
        prefix, _, value = (
            arg.partition("=") if arg.startswith("--") and "=" in arg else ("", "", arg)
        )
        try:
            parsed = make_url(value) if "://" in value else None
        except Exception:
            parsed = None
        if parsed is not None and parsed.password is not None:
            value = parsed.render_as_string(hide_password=True)
        shown.append(f"{prefix}={value}" if prefix else value)
    return shown


@dataclass(frozen=True)
class ConnectState:
    """What the connect dialog shows, read off the GUI thread (read_state): the profiles
    (the local file first), whether a keychain exists, the profile used last, and the one to
    show first (an URL opened with --db that no profile names is added, not yet saved)."""

    profiles: tuple[Profile, ...]
    keyring: bool
    last: str | None
    select: str | None = None
    password: str | None = None  # the added URL's password (for this session only)


def read_state(select: str | None = None, url: str | None = None) -> ConnectState:
    """(On a worker thread: profiles.json and the keychain's backend.) url: the database
    open now (say, given with --db): its profile is chosen, or added when there is none."""
    found = load_profiles()
    last = _read().get("last")
    password = None
    if url and not select:
        try:
            wanted, password = profile_from_url(url)
        except ValueError:
            wanted = None
        if wanted is not None and not wanted.is_local:
            select = _find_or_add(found, wanted).name
    if last not in {p.name for p in found}:
        last = None
    return ConnectState(tuple(found), keyring_available(), last, select, password)


def _same_place(a: Profile, b: Profile) -> bool:
    fields = ("kind", "path", "host", "port", "database", "user")
    return all(getattr(a, f) == getattr(b, f) for f in fields)


# ------------------------------------------------------------------ passwords in the keychain


def keyring_available() -> bool:
    """Whether passwords can be kept in the operating system's keychain."""
    try:
        import keyring
        from keyring.backends import chainer, fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring) or backend.priority <= 0:
            return False  # fail, null (priority -1), and anything keyring itself rates unusable
        if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
            return False
        return True
    except Exception as exc:  # a broken keyring installation is "no keychain", not a crash
        log.warning("keyring not available: %r", exc)
        return False


def save_password(profile: Profile, password: str) -> bool:
    """Keep the password in the keychain; False (logged) when it could not."""
    if not keyring_available():
        return False
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, profile.account(), password)
        return True
    except Exception as exc:
        log.warning("password not saved in the keychain: %r", exc)
        return False


def load_password(profile: Profile) -> str | None:
    if profile.is_local or not keyring_available():
        return None
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, profile.account())
    except Exception as exc:
        log.warning("password not read from the keychain: %r", exc)
        return None


def forget_password(profile: Profile) -> None:
    if profile.is_local or not keyring_available():
        return
    try:
        import keyring
        from keyring.errors import PasswordDeleteError

        try:
            keyring.delete_password(KEYRING_SERVICE, profile.account())
        except PasswordDeleteError:
            pass  # there was none
    except Exception as exc:
        log.warning("password not removed from the keychain: %r", exc)
