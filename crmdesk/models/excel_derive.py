"""The texts an imported customer is stored with besides its cells: the name's pinyin sort key
and search lines, the search text (search.build_body) and what its index holds (the bigrams
on SQLite, search.grams on the servers). The same values create_customer and search.reindex
write (tests compare), each name's pinyin worked out once instead of three times.

A big import (PREFETCH_FROM rows and more) has them computed for the chunks ahead in a worker
process (Prefetch) while this one writes the current chunk: they are pure functions of a
row's cells, and most of an import's Python time (100,000 customers: ~4 s of ~13). A process,
not a thread: a thread would fight the writer for the GIL at every row of executemany. The
"spawn" start method, as on Windows and macOS (the frozen app calls freeze_support). Whatever
goes wrong with the worker, the writer computes the texts itself, so the rows stored are the
same either way.

This module imports no SQLAlchemy (the worker starts faster without it).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import Any

from crmdesk.models import pinyin
from crmdesk.models.checks import TEXT_LIMIT
from crmdesk.models.phones import digits, phone_key
from crmdesk.models.pinyin import SORT_KEY_LIMIT

_PHONE_LIKE = re.compile(r"^[\d\s\-+()]+$")  # search._PHONE_LIKE (a test keeps them equal)
PREFETCH_FROM = 20_000  # rows of a customers import: fewer are done before a worker starts
CONTACT_NAME_LIMIT = 100  # limit_of(Contact.name) (a test keeps them equal: no SQLAlchemy here)
# a customers import's fields that make the row's contact (excel_customers.CONTACT_FIELDS)
CONTACT_KEYS = ("contact_name", "contact_title", "mobile", "phone", "email", "wechat", "birthday")
AHEAD = 4  # chunks handed to the worker ahead of the one being written

Triple = tuple[str, str, str]  # a contact's (name, mobile, phone)
# (name_sort, the name's search lines, search text, its index text)
Derived = tuple[str, list[str], str, str]


def name_texts(name: str) -> tuple[str, list[str]]:
    """(pinyin.sort_key(name), pinyin.search_lines of its search line) from one segmentation."""
    line = name.strip().lower()
    if line != name.lower() or "\n" in line:
        return pinyin.sort_key(name)[:SORT_KEY_LIMIT], pinyin.search_lines(line)
    tokens = pinyin.tokens(line)
    key = " ".join(token for token, _ in tokens)[:SORT_KEY_LIMIT]
    if not pinyin._HAN.search(line):
        return key, []
    full = "".join(token for token, _ in tokens)
    initials = "".join(token[0] if han else token for token, han in tokens)
    return key, [full, initials]


def key_of(number: str) -> str:
    """phones.phone_key(number), at once for the common case of plain ASCII digits (a
    mobile as a sheet holds it), by phone_key's own rules for those."""
    if number.isdigit() and number.isascii() and not number.startswith("00"):
        if len(number) == 13 and number.startswith("861"):
            return number[2:]
        return number
    return phone_key(number) if number else ""


def body_of(name: str, contacts: Sequence[Triple], lines: list[str] | None) -> str:
    """search.build_body(name, contacts); `lines`: the name's search lines if known."""
    raw = [name]
    for contact_name, mobile, phone in contacts:
        raw.append(contact_name)
        for number in (mobile, phone):
            if number:
                forms = [number]
                plain = number.isdigit() and number.isascii()
                for form in (number if plain else digits(number), key_of(number)):
                    if form not in forms:
                        forms.append(form)
                raw.extend(forms)
    kept = [x.strip().lower() for x in raw if x and x.strip()]
    text = "\n".join(kept)
    split = text.split("\n") if text else []
    if not name.strip():
        lines = None  # the first line is not the name's
    extra: list[str] = []
    for n, line in enumerate(split):
        if _PHONE_LIKE.match(line):
            continue
        found = lines if n == 0 and lines is not None and line == kept[0] else None
        for x in found if found is not None else pinyin.search_lines(line):
            if x not in extra:
                extra.append(x)
    return "\n".join(split + extra)[:TEXT_LIMIT]


def bigrams_of(body: str) -> str:
    """search.bigrams(body), built a word at a time."""
    out = []
    phone_like = _PHONE_LIKE.match
    for line in body.split("\n"):
        if phone_like(line):
            continue
        for word in line.split():
            if len(word) > 1:
                out.append(" ".join(map(str.__add__, word[:-1], word[1:])))
    return " ".join(out)


def index_text(body: str, dialect: str) -> str:
    """What the search index holds for a search text: bigrams (SQLite), grams (servers)."""
    if dialect == "sqlite":
        return bigrams_of(body)
    from crmdesk.models.search import grams

    return grams(body)


def derive(name: str, triples: Sequence[Triple], dialect: str) -> Derived:
    """All of a customer's texts (module docstring) from its name (trimmed) and contacts."""
    name_sort, lines = name_texts(name)
    body = body_of(name, triples, lines)
    return name_sort, lines, body, index_text(body, dialect)


def derive_rows(items: list[tuple[str, Triple]], dialect: str) -> list[Derived]:
    """derive() of each (name, contact) in turn: the worker's job for one chunk."""
    return [derive(name, (triple,), dialect) for name, triple in items]


def row_input(values: dict[str, Any]) -> tuple[str, Triple] | None:
    """(trimmed name, (contact name, mobile, phone)) of a customers import row as the writer
    will store it (excel_customers.check_row), or None for a row it will refuse anyway."""
    name = values.get("name")
    if name.__class__ is not str:
        return None
    contact = (
        contact_name(values, name),
        values.get("mobile", ""),
        values.get("phone", ""),
    )
    if any(x.__class__ is not str for x in contact):
        return None
    return name.strip(), contact


def contact_name(values: dict[str, Any], name: str) -> Any:
    """The name of a customers import row's contact. A phone, mobile or e-mail with no
    person's name beside it (no contact-name column, or its cell empty) is the company's own:
    its switchboard, its info@ address. The contact is then named after the customer, which is
    how a CRM user looks it up and what a call list shows, never left without a name; no
    word is added to it ("总机", "main line"), which a user would have to remove in another
    language. A row without any contact field has no contact: ""."""
    given = values.get("contact_name", "")
    if given or not any(values.get(k) for k in CONTACT_KEYS):
        return given
    return name.strip()[:CONTACT_NAME_LIMIT]


class Prefetch:
    """The texts of a customers import's chunks, computed ahead in one worker process.

    get(k) before writing chunk k: {sheet row: ((name, contact), Derived)} for the rows the
    worker did, {} when the writer is to compute them itself (the first chunk, while the
    worker starts; a worker that could not start or failed). The writer uses an entry only
    when its name and contact are the ones it stores. close() stops the worker (an import
    cancelled or failed leaves nothing running)."""

    def __init__(self, chunks: list[list], dialect: str, ahead: int = AHEAD) -> None:
        self.chunks, self.dialect, self.ahead = chunks, dialect, ahead
        self.futures: dict[int, Any] = {}
        self.inputs: dict[int, list] = {}
        self.pool = None
        if len(chunks) > 1 and (os.cpu_count() or 1) > 1:  # one core: no gain, only overhead
            try:
                import multiprocessing
                from concurrent.futures import ProcessPoolExecutor

                context = multiprocessing.get_context("spawn")
                self.pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
                for k in range(1, min(1 + ahead, len(chunks))):
                    self._submit(k)
            except Exception:  # no worker (a sandbox without processes, …): done in process
                self.close()

    def _submit(self, k: int) -> None:
        if self.pool is None or k >= len(self.chunks):
            return
        rows = []
        for row in self.chunks[k]:
            item = row_input(row.values)
            if item is not None:
                rows.append((row.row, item))
        self.inputs[k] = rows
        self.futures[k] = self.pool.submit(derive_rows, [x for _r, x in rows], self.dialect)

    def get(self, k: int) -> dict[int, tuple]:
        future = self.futures.pop(k, None)
        rows = self.inputs.pop(k, None)
        if future is None or self.pool is None:
            return {}
        try:
            derived = future.result()
            self._submit(k + self.ahead)
        except Exception:  # the worker died or could not start: the writer does it
            self.close()
            return {}
        return {row: (item, d) for (row, item), d in zip(rows, derived, strict=True)}

    def close(self) -> None:
        pool, self.pool = self.pool, None
        self.futures.clear()
        self.inputs.clear()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
