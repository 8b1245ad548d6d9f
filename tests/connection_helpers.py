"""Cutting a client's server connection under it, as a network drop or an administrator would:
the server ends the session (PostgreSQL pg_terminate_backend, MariaDB KILL). Nothing is mocked:
the client's next statement on that session fails the way it does in the field."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, event, text
from sqlalchemy.pool import NullPool

from crmdesk.models.database import Database


def session_id(dbapi_connection, dialect: str) -> int:
    """The server's id of a driver connection (PostgreSQL backend pid, MariaDB thread id)."""
    if dialect == "postgresql":
        return dbapi_connection.info.backend_pid
    return dbapi_connection.thread_id()


def _sessions(conn, dialect: str) -> set[int]:
    if dialect == "postgresql":
        rows = conn.execute(
            text(
                "SELECT pid FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
    else:
        rows = conn.execute(
            text(
                "SELECT id FROM information_schema.processlist "
                "WHERE db = DATABASE() AND id <> CONNECTION_ID()"
            )
        )
    return {row[0] for row in rows}


def kill_sessions(db: Database, ids: set[int] | None = None) -> set[int]:
    """End these sessions of db's database on the server (None: every session but the killer's
    own) and wait until the server has let them go; returns the ids ended."""
    killer = create_engine(db.engine.url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        with killer.connect() as conn:
            targets = _sessions(conn, db.dialect) if ids is None else set(ids)
            for sid in targets:
                if db.dialect == "postgresql":
                    conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": sid})
                else:
                    conn.execute(text(f"KILL {int(sid)}"))
            deadline = time.monotonic() + 10
            while _sessions(conn, db.dialect) & targets and time.monotonic() < deadline:
                time.sleep(0.02)
    finally:
        killer.dispose()
    return targets


@contextmanager
def cut_before(db: Database, statement_start: str, times: int = 1) -> Iterator[list[int]]:
    """Kill the client's own session just before it sends a statement that starts with
    statement_start (case-insensitive), `times` times: the statement then meets a dead
    connection in the middle of its unit of work. Yields the ids killed so far."""
    killed: list[int] = []
    wanted = statement_start.upper()

    def before(conn, _cursor, statement, _params, _context, _executemany) -> None:
        if len(killed) < times and statement.lstrip().upper().startswith(wanted):
            sid = session_id(conn.connection.dbapi_connection, db.dialect)
            killed.append(sid)
            kill_sessions(db, {sid})

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        yield killed
    finally:
        event.remove(db.engine, "before_cursor_execute", before)


class FlakyLink:
    """A TCP relay between the client and the server that a test can pull the plug on: down()
    ends every relayed session and refuses new ones (as a server being restarted does) until
    up(); lose_next_commit_answer() lets the next COMMIT reach the server and drops its answer
    (the connection dies while the server has already committed)."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.1)
        self.port = self.listener.getsockname()[1]
        self.is_up = True
        self.refused = 0  # connection attempts refused while down
        self._lose_commit_answer = False
        self._muted = False
        self._lock = threading.Lock()
        self._open: list[socket.socket] = []
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, db: Database) -> str:
        """db's URL, reached through this link."""
        url = db.engine.url.set(host="127.0.0.1", port=self.port)
        return url.render_as_string(hide_password=False)

    def down(self) -> None:
        self.is_up = False
        self.cut()

    def up(self) -> None:
        self.is_up = True

    def lose_next_commit_answer(self) -> None:
        self._lose_commit_answer = True

    def cut(self) -> None:
        with self._lock:
            sockets, self._open = self._open, []
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def close(self) -> None:
        self._closed = True
        self.cut()
        self.listener.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if not self.is_up:
                self.refused += 1
                client.close()
                continue
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            with self._lock:
                self._open += [client, server]
            threading.Thread(target=self._pump, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, False), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, to_server: bool) -> None:
        try:
            while data := source.recv(65536):
                if not to_server and self._muted:
                    continue  # the answer to the COMMIT, and anything after it
                lose = to_server and self._lose_commit_answer and b"COMMIT" in data.upper()
                if lose:
                    self._lose_commit_answer = False
                    self._muted = True
                sink.sendall(data)
                if lose:
                    time.sleep(0.5)  # the server commits and answers; the answer goes nowhere
                    self.cut()
                    self._muted = False
                    return
        except OSError:
            pass
        for sock in (source, sink):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
