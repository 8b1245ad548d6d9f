"""The idempotency key of the write running on this thread.

The window gives each of the user's writes a key (a uuid4 string) and runs it inside
`keyed(key)`; the workspace's unit of work takes it with `take()` and hands it to
Database.write, which stores it with what it commits. Sent again with the same key after a lost
connection, the write raises change_feed.AlreadyApplied instead of landing twice. A context
variable, not a parameter: the key is the caller's business, and no workspace method has to
carry it.

Only the first unit of work of a keyed write gets the key: a second unit in the same call would
otherwise find the first one's receipt and refuse. The user's short writes are one unit each;
long writes (imports, bulk actions) commit chunk by chunk and are not retried."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_current: ContextVar[list[str] | None] = ContextVar("crmdesk_write_key", default=None)


@contextmanager
def keyed(key: str | None) -> Iterator[None]:
    """Run the block's first unit of work under this key (None: no key)."""
    token = _current.set([key] if key else None)
    try:
        yield
    finally:
        _current.reset(token)


def take() -> str | None:
    """The key for the unit of work about to run: the block's key the first time, then None."""
    keys = _current.get()
    return keys.pop() if keys else None
