"""Saving a workbook safely: to a temporary file beside the target, moved into place at the end
(os.replace), so the target is never half a file and an error or a cancel leaves whatever was
there before; a file that cannot be written is an ExportFailed with a code, never a raw
OSError. And the number formats every workbook of ours uses."""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from crmdesk.models.errors import CrmError

MONEY_FORMAT = '"¥"#,##0.00'
FORMATS = {
    "money": MONEY_FORMAT,
    "number": "#,##0.##",
    "percent": "0%",
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
}
EXPORT_FAILED_CODES = (
    "in_use",  # the target is open in another program (Excel keeps its files locked)
    "not_writable",  # no permission for the folder or the file, or it is a folder
    "no_folder",  # the folder does not exist (any more)
    "disk_full",
    "write_failed",  # any other failure of the file system (params: detail)
)


class ExportFailed(CrmError):
    """A workbook could not be written: code one of EXPORT_FAILED_CODES, params path, detail."""

    code = "write_failed"


class ExportCancelled(CrmError):
    """write_table was cancelled: nothing was written (a file already there is untouched)."""

    code = "cancelled"


# -- saving through a temporary file


def _failure(exc: OSError, path: Path, replacing: bool = False) -> ExportFailed:
    detail = f"{type(exc).__name__}: {exc}"
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        code = "disk_full"
    elif isinstance(exc, PermissionError):
        # Windows: 32 a sharing violation, 33 a lock (a file open in Excel); replacing a file
        # that exists and may not be replaced is the same thing in the user's eyes.
        locked = getattr(exc, "winerror", None) in (32, 33) or (replacing and path.exists())
        code = "in_use" if locked else "not_writable"
    elif isinstance(exc, FileNotFoundError) and not path.parent.is_dir():
        code = "no_folder"
    elif isinstance(exc, IsADirectoryError):
        code = "not_writable"
    else:
        code = "write_failed"
    return ExportFailed(code, path=str(path), detail=detail)


def check_target(path: str | Path) -> Path:
    """The target as a Path, refused early (before minutes of work) when it cannot be written:
    a missing folder, a folder in its place, or (Windows) a file another program holds open."""
    target = Path(path)
    if not target.parent.is_dir():
        raise ExportFailed("no_folder", path=str(target), detail="")
    if target.is_dir():
        raise ExportFailed("not_writable", path=str(target), detail="a folder")
    if target.exists():
        try:
            with open(target, "ab"):  # writes nothing; fails while Excel has the file open
                pass
        except OSError as exc:  # (a read-only file is not_writable, not in_use)
            raise _failure(exc, target) from exc
    return target


def _temporary_beside(target: Path) -> str:
    """A new empty file in the target's folder, with the permissions a new file gets there
    (mkstemp's would be private to the user)."""
    for _ in range(100):
        tmp = target.parent / f".{target.stem}-{secrets.token_hex(4)}.tmp"
        try:
            os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
        except FileExistsError:
            continue
        return str(tmp)
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target.parent))


def save_through_temp(path: str | Path, write: Callable[[str], Any]) -> Any:
    """write(temporary path) then move it onto path; on any failure the temporary is removed."""
    target = check_target(path)
    try:
        tmp = _temporary_beside(target)
    except OSError as exc:
        raise _failure(exc, target) from exc
    try:
        try:
            result = write(tmp)
        except OSError as exc:
            raise _failure(exc, target) from exc
        try:
            os.replace(tmp, target)
        except OSError as exc:
            raise _failure(exc, target, replacing=True) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return result


def display_width(text: str) -> int:
    """Characters as Excel's column width counts them: a Chinese character is two."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
