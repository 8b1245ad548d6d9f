"""Where per-user files live: settings, the default database, logs and backups.

Everything follows platformdirs; the environment variable CRMDESK_HOME relocates all of it
(tests and scripts use it so they never touch a real user's data).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "crmdesk"


def _home() -> Path | None:
    value = os.environ.get("CRMDESK_HOME")
    return Path(value) if value else None


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    home = _home()
    if home:
        return _ensure(home / "data")
    import platformdirs

    return _ensure(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def config_dir() -> Path:
    home = _home()
    if home:
        return _ensure(home / "config")
    import platformdirs

    return _ensure(Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)))


def log_dir() -> Path:
    home = _home()
    if home:
        return _ensure(home / "logs")
    import platformdirs

    return _ensure(Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)))


def backup_dir() -> Path:
    return _ensure(data_dir() / "backups")


def default_database_url() -> str:
    return "sqlite:///" + (data_dir() / "crmdesk.sqlite").as_posix()


def resource_dir() -> Path:
    """resources/ as installed (crmdesk/resources) or in a source checkout (../resources)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "resources", here.parent / "resources"):
        if (candidate / "translations").is_dir():
            return candidate
    return here / "resources"
