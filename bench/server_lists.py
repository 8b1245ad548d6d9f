"""The customer list's first page and count at 1,000,000 customers on SQLite, PostgreSQL and
MariaDB, for an admin, a manager (a team of ~250k) and a rep, through the workspace.

Usage: python bench/server_lists.py [--customers 1000000] [--runs 3] [--backends sqlite,...]
       [--sorts] [--explain] [--timeout 30]

The databases are built once and reused: bench/data/customers-N.sqlite, and a database named
crmdesk_bench_N on each server (admin URLs from CRMDESK_TEST_PG_URL / CRMDESK_TEST_MYSQL_URL,
as the tests use; a server whose variable is unset is left out). A database made by an older
program is upgraded by the program's own migration, as a user's would be.

--sorts adds the unsearched first page under every sortable column; --explain prints each
statement's plan (EXPLAIN) so a plan regression is visible. A case that runs past --timeout
seconds is stopped by the server and shows as ">N"; a count that stopped at the list's cap
(MariaDB: customer_list.count_cap) shows as "ms (10,000+)". Ends with one JSON line: first
pages under keys ending in page_ms, counts under keys ending in count_ms."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

from _common import DATA, ROOT, demo_database, median_ms

sys.path.insert(0, str(ROOT / "tests"))

SERVERS = {"postgresql": "CRMDESK_TEST_PG_URL", "mariadb": "CRMDESK_TEST_MYSQL_URL"}
SEARCHES = [("", "no search"), ("科技", "科技"), ("星辰科技", "星辰科技"), ("13812", "phone 13812")]
SEARCHES += [("王伟", "contact 王伟"), ("星辰", "星辰")]  # a rarer two-character term too


def server_url(admin_url: str, name: str) -> str:
    """The bench database on this server, created (empty) if missing."""
    from sqlalchemy import create_engine, make_url, text

    url = make_url(admin_url)
    postgresql = url.get_backend_name() == "postgresql"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if postgresql:
            found = conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
            if not found:
                conn.execute(text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8'"))
        else:
            conn.execute(text(f"CREATE DATABASE IF NOT EXISTS `{name}` CHARACTER SET utf8mb4"))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def built_database(backend: str, customers: int) -> str | None:
    if backend == "sqlite":
        return demo_database(customers)
    admin_url = os.environ.get(SERVERS[backend])
    if not admin_url:
        print(f"{SERVERS[backend]} unset: {backend} left out", file=sys.stderr)
        return None
    from sqlalchemy import func, select

    from crmdesk.models.database import open_database
    from crmdesk.models.demo import generate_demo
    from crmdesk.models.schema import Customer

    url = server_url(admin_url, f"crmdesk_bench_{customers}")
    start = time.perf_counter()
    db = open_database(url, setup=True, upgrade=True)  # timed as part of the set-up
    migrated = time.perf_counter() - start
    with db.reading() as s:
        have = s.scalar(select(func.count()).select_from(Customer)) or 0
    if have == 0:
        start = time.perf_counter()
        generate_demo(db, customers=customers, seed=7)
        print(f"built {backend} in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    elif have != customers:
        sys.exit(f"{backend}: crmdesk_bench_{customers} holds {have} customers; drop it first")
    elif migrated > 5:
        print(f"{backend}: opening (migrations) took {migrated:.0f} s", file=sys.stderr)
    db.close()
    return url


def actors(db):
    from sqlalchemy import select

    from crmdesk.models.schema import User
    from crmdesk.models.users import get_user

    with db.reading() as s:
        ids = {
            "admin": s.scalar(select(User.id).where(User.role == "admin").order_by(User.id)),
            "manager": s.scalar(select(User.id).where(User.login == "manager1")),
            "rep": s.scalar(select(User.id).where(User.login == "rep11")),
        }
        return {role: get_user(s, i) for role, i in ids.items()}


def set_timeout(db, seconds: int) -> None:
    from sqlalchemy import event

    @event.listens_for(db.engine, "connect")
    def _limit(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        if db.dialect == "postgresql":
            cursor.execute(f"SET statement_timeout = {seconds * 1000}")
        elif db.dialect == "mysql":
            cursor.execute(f"SET SESSION max_statement_time = {seconds}")
        cursor.close()
        if db.dialect == "postgresql":
            dbapi_connection.commit()

    db.engine.dispose()  # connections made before now lack the limit


def timed(fn, runs: int, timeout: int) -> float | str:
    from crmdesk.models.errors import CrmError

    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        try:
            fn()
        except CrmError:
            return f">{timeout * 1000}"
        samples.append(time.perf_counter() - start)
    return median_ms(samples)


def explain(db, ws, query) -> None:
    """The plans of the first page and the count, as the server chose them."""
    from sqlalchemy.dialects import mysql, postgresql, sqlite

    from crmdesk.models import customer_list

    dialects = {"sqlite": sqlite, "postgresql": postgresql, "mysql": mysql}
    now = ws.clock()
    with db.reading() as s:
        page = customer_list._list_statement(s, ws.actor, query, now).limit(100)
        # The count the list runs: capped where counting in full would be slow.
        fast = customer_list._full_count_is_fast(db.dialect, query)
        at_most = None if fast else ws.count_cap
        count = customer_list.count_statement(s, ws.actor, query, now, at_most)
        for label, stmt in (("page", page), ("count", count)):
            compiled = stmt.compile(
                dialect=dialects[db.dialect].dialect(), compile_kwargs={"literal_binds": True}
            )
            prefix = "EXPLAIN QUERY PLAN " if db.dialect == "sqlite" else "EXPLAIN "
            rows = s.connection().exec_driver_sql(prefix + str(compiled)).all()
            print(f"  -- {label}")
            for row in rows:
                print("    " + " | ".join("" if v is None else str(v) for v in row))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--backends", default="sqlite,postgresql,mariadb")
    parser.add_argument("--roles", default="admin,manager,rep")
    parser.add_argument("--sorts", action="store_true")
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--timeout", type=int, default=30)
    args = parser.parse_args()
    DATA.mkdir(exist_ok=True)

    from crmdesk.models.customer_list import SORT_KEYS, CustomerQuery
    from crmdesk.models.database import open_database
    from crmdesk.models.workspace import Workspace

    cases = [(term, label, "updated_at") for term, label in SEARCHES]
    cases.insert(1, ("", "no search", "name"))
    if args.sorts:
        cases += [("", "no search", key) for key in SORT_KEYS if key not in ("updated_at", "name")]
    figures: dict[str, float | str] = {}
    table: dict[tuple[str, str], dict[str, str]] = {}
    backends = [b for b in args.backends.split(",") if b]
    for backend in backends:
        url = built_database(backend, args.customers)
        if url is None:
            continue
        db = open_database(url)
        set_timeout(db, args.timeout)
        people = actors(db)
        for role in args.roles.split(","):
            ws = Workspace(db, people[role])
            for term, label, sort in cases:
                query = CustomerQuery(search=term, sort=sort)
                case = f"{role}, {label}" + (f" by {sort}" if not term else "")
                if args.explain:
                    print(f"{backend} · {case}")
                    explain(db, ws, query)

                def first_page(q=query, w=ws):
                    return w.list_customers(q, 0, 100)

                # Warm the caches once, as a user's second look at a list would find them.
                page = timed(first_page, 1, args.timeout)
                if not isinstance(page, str):
                    page = timed(first_page, args.runs, args.timeout)
                count = timed(lambda q=query, w=ws: w.count_customers(q), args.runs, args.timeout)
                cap = getattr(ws, "count_cap", None)  # a capped count: the list says "More than"
                capped = cap is not None and not isinstance(count, str)
                capped = capped and ws.count_customers(query) == cap + 1
                key = f"{backend}.{role}.{label.replace(' ', '_')}.{sort}"
                figures[f"{key}.page_ms"] = page
                figures[f"{key}.count_ms"] = count
                cell = f"{page} / {count}" + (f" ({cap:,}+)" if capped else "")
                table.setdefault((role, case), {})[backend] = cell
                print(f"{backend:10} {case:40} {cell} ms", file=sys.stderr)
        db.close()
    print()
    print("| case | " + " | ".join(backends) + " |")
    print("|---|" + "---|" * len(backends))
    for (_role, case), cells in table.items():
        print(f"| {case} | " + " | ".join(cells.get(b, "–") for b in backends) + " |")
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
