"""Connection profiles (models/profiles.py): saved without passwords, the last one remembered,
URLs both ways, passwords through keyring (an in-memory backend here) and no keychain at all."""

from __future__ import annotations

import json

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from sqlalchemy.engine import make_url

from crmdesk import paths
from crmdesk.models import profiles
from crmdesk.models.profiles import Profile


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.kept.get((service, username))

    def set_password(self, service, username, password):
        self.kept[(service, username)] = password

    def delete_password(self, service, username):
        from keyring.errors import PasswordDeleteError

        if (service, username) not in self.kept:
            raise PasswordDeleteError(username)
        del self.kept[(service, username)]


class BrokenKeyring(MemoryKeyring):
    def get_password(self, service, username):
        raise RuntimeError("the keychain is locked")

    set_password = get_password


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("CRMDESK_HOME", str(tmp_path))
    previous = keyring.get_keyring()
    yield tmp_path
    keyring.set_keyring(previous)


PG = Profile("office", "postgresql", host="db.example.cn", port=5432, database="crm", user="lin")


def test_the_local_file_comes_first_and_the_last_profile_is_remembered(home):
    assert profiles.load_profiles() == [profiles.local_profile()]
    assert profiles.last_profile() is None
    profiles.save_profiles([profiles.local_profile(), PG], last="office")
    assert profiles.load_profiles() == [profiles.local_profile(), PG]
    assert profiles.last_profile() == PG
    profiles.set_last(None)
    assert profiles.last_profile() == profiles.local_profile()
    with pytest.raises(ValueError):
        profiles.save_profiles([PG, PG])


def test_a_damaged_file_starts_again_with_the_local_profile(home):
    (paths.config_dir() / "profiles.json").write_text("{not json", encoding="utf-8")
    assert profiles.load_profiles() == [profiles.local_profile()]
    (paths.config_dir() / "profiles.json").write_text(
        json.dumps({"profiles": [{"name": "x", "kind": "oracle"}, {"kind": "mysql"}]})
    )
    assert profiles.load_profiles() == [profiles.local_profile()]


def test_urls_both_ways(home):
    url = profiles.profile_url(PG, "s3cret/é")
    parsed = make_url(url)
    assert parsed.drivername == "postgresql+psycopg" and parsed.password == "s3cret/é"
    assert (parsed.host, parsed.port, parsed.database, parsed.username) == (
        "db.example.cn", 5432, "crm", "lin",
    )  # fmt: skip
    assert make_url(profiles.profile_url(PG)).password is None
    assert profiles.profile_url(profiles.local_profile()) == paths.default_database_url()
    mysql, password = profiles.profile_from_url("mariadb://root:pw@10.0.0.5/team")
    assert (mysql.kind, mysql.port, mysql.database, password) == ("mysql", 3306, "team", "pw")
    assert make_url(profiles.profile_url(mysql, "pw")).drivername == "mysql+pymysql"
    local, _ = profiles.profile_from_url("sqlite:////data/team.sqlite")
    assert local.is_local and local.path == "/data/team.sqlite"
    assert profiles.profile_url(local) == "sqlite:////data/team.sqlite"
    with pytest.raises(ValueError):
        profiles.profile_from_url("oracle://x@y/z")
    with pytest.raises(ValueError):
        profiles.profile_from_url("not a url")


def test_remember_url_adds_a_profile_once_and_never_writes_the_password(home):
    first = profiles.remember_url("postgresql://lin:s3cret@db.example.cn/crm")
    again = profiles.remember_url("postgresql+psycopg://lin:other@db.example.cn:5432/crm")
    assert first == again and profiles.last_profile() == first
    assert len(profiles.load_profiles()) == 2
    other = profiles.remember_url("postgresql://wang@db.example.cn/crm")
    assert other.name != first.name and profiles.last_profile() == other
    text = (paths.config_dir() / "profiles.json").read_text(encoding="utf-8")
    assert "s3cret" not in text and "other" not in text
    assert profiles.remember_url(None) == profiles.local_profile()
    assert profiles.last_profile() == profiles.local_profile()


def test_passwords_go_to_the_keychain_when_there_is_one(home):
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    assert profiles.keyring_available()
    assert profiles.save_password(PG, "s3cret")
    assert profiles.load_password(PG) == "s3cret"
    assert memory.kept == {("crmdesk", PG.account()): "s3cret"}
    profiles.save_profiles([profiles.local_profile(), PG], last="office")
    assert "s3cret" not in (paths.config_dir() / "profiles.json").read_text(encoding="utf-8")
    profiles.forget_password(PG)
    profiles.forget_password(PG)  # none there: quietly nothing
    assert profiles.load_password(PG) is None and memory.kept == {}


def test_no_keychain_or_a_broken_one_never_raises(home):
    keyring.set_keyring(fail.Keyring())
    assert not profiles.keyring_available()
    assert not profiles.save_password(PG, "s3cret")
    assert profiles.load_password(PG) is None
    profiles.forget_password(PG)
    keyring.set_keyring(BrokenKeyring())
    assert profiles.keyring_available()  # it says it works …
    assert not profiles.save_password(PG, "s3cret")  # … and fails: logged, not raised
    assert profiles.load_password(PG) is None


def test_urls_shown_and_logged_without_driver_or_password(home):
    url = "postgresql+psycopg://lin:Kw9-secret@db.example.cn:5432/try13"
    assert profiles.display_url(url) == "postgresql://lin@db.example.cn:5432/try13"
    assert (
        profiles.display_url("mysql+pymysql://root@h/team?charset=utf8mb4") == "mysql://root@h/team"
    )
    assert profiles.display_url("sqlite:////tmp/a.sqlite") == "/tmp/a.sqlite"
    shown = profiles.redact_argv(["crmdesk", "--db", url, f"--db={url}", "--lang", "zh_CN"])
    assert "Kw9-secret" not in " ".join(shown)
    assert shown[0] == "crmdesk" and shown[-2:] == ["--lang", "zh_CN"]
    assert shown[2].startswith("postgresql+psycopg://lin:***@")


def test_read_state_adds_a_server_url_once_without_saving(home):
    state = profiles.read_state(None, "mysql+pymysql://root:pw@10.1.2.3/team")
    assert [p.name for p in state.profiles] == ["local", state.select]
    assert state.password == "pw" and state.last is None
    assert not (paths.config_dir() / profiles.FILE_NAME).exists()
    local = profiles.read_state("local", "mysql+pymysql://root:pw@10.1.2.3/team")
    assert local.select == "local" and len(local.profiles) == 1  # a profile asked for: as is
