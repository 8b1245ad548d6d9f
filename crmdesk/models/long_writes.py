"""The database a long write (the recycle pass, a bulk action) writes through: on a SQLite file,
a connection of its own with a large page cache and rare checkpoints, the WAL checkpointed when
the write ends, however it ends; elsewhere the database itself.

Why (measured on the recycle pass, recycle.py): a pass of 100,000 customers dirties ~7,000
pages a unit of work (the row, five indexes of customers and the events' customer index, each
at random places), most of them again in the next unit. Each commit of a unit checkpointed the
WAL (1,000 pages, the default, were always exceeded): every page copied into the file and
fsynced, 113 ms a unit, 8.1 of 19.3 s. And the 2 MB default cache made each unit read its pages
afresh. Bare UPDATEs in the pass's units (1M customers, 100k due): 12.1 s with the defaults; no
checkpoint until the end 9.4 s (+1.4 s to checkpoint 1.6 GB of WAL); also a cache that keeps
the indexes' pages 6.4-6.9 s (+1.4 s). Checkpointing at 256 MB of WAL costs no more (6.7 s
+0.4 s) and keeps the WAL file that size. A 30,000-customer bulk assign at 300,000 customers:
2,994 -> 2,370 ms, the final checkpoint included (medians of 3, interleaved).

The connection writes the change feed as the database's own client (client_id), so the window
that ran the write does not hear its own change again as a colleague's.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from crmdesk.models.database import Database, create_db_engine

CACHE_KIB = 256 * 1024
MMAP_BYTES = 2 << 30  # SQLite's own ceiling is just below 2 GiB
CHECKPOINT_PAGES = 65_536  # 256 MB of 4 KiB pages


@contextmanager
def long_write_database(db: Database) -> Iterator[Database]:
    url = db.url
    memory = url.database in (None, "", ":memory:") or "mode=memory" in str(url)
    if db.dialect != "sqlite" or memory:
        yield db
        return
    engine = create_db_engine(url.render_as_string(hide_password=False))

    @event.listens_for(engine, "connect")
    def _for_the_long_write(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        cursor.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        cursor.execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_PAGES}")
        cursor.close()

    writer = Database(engine)
    writer.client_id = db.client_id
    try:
        yield writer
    finally:
        # Passive: readers are not waited for; the pages they still see are copied by a later
        # checkpoint. Otherwise the next small commit of any connection would pay for it.
        raw = engine.raw_connection()
        try:
            raw.cursor().execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        finally:
            raw.close()
            engine.dispose()
