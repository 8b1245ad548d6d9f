"""Copying a demo database (db_copy.copy_database): the local file to PostgreSQL and to MariaDB,
and each server back to a new file; rows a second for each, the whole copy timed (the search
index rebuilt, sequences moved, the counts checked, the target's statistics refreshed), the
target's set-up (migrations) not.

Usage: python bench/db_copy.py [--customers 50000] [--backends postgresql,mariadb]
The demo file is built once under bench/data/ (generate_demo); the servers' databases are
throwaway ones (tests/helpers.py, server_database; URLs from CRMDESK_TEST_PG_URL /
CRMDESK_TEST_MYSQL_URL, default the local test servers). Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

from _common import DATA, ROOT

sys.path.insert(0, str(ROOT / "tests"))  # helpers.server_database

SERVERS = {
    "postgresql": ("CRMDESK_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"),
    "mariadb": ("CRMDESK_TEST_MYSQL_URL", "mysql+pymysql://root@127.0.0.1:3306/mysql"),
}


def demo_file(customers: int) -> str:
    from crmdesk.models.database import open_database
    from crmdesk.models.demo import generate_demo

    DATA.mkdir(exist_ok=True)
    path = DATA / f"copy-{customers}.sqlite"
    if not path.exists():
        start = time.perf_counter()
        db = open_database(f"sqlite:///{path}")
        generate_demo(db, customers=customers, seed=7)
        db.close()
        print(f"built {path.name} in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return f"sqlite:///{path}"


def timed_copy(source: str, target: str) -> dict:
    from crmdesk.models.database import open_database
    from crmdesk.models.db_copy import copy_database

    open_database(target, setup=True).close()  # the set-up is not the copy's time
    start = time.perf_counter()
    result = copy_database(source, target)
    seconds = time.perf_counter() - start
    return {
        "rows": result.total,
        "s": round(seconds, 1),
        "rows_per_s": round(result.total / seconds),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=50_000)
    parser.add_argument("--backends", default="postgresql,mariadb")
    args = parser.parse_args()
    os.environ.setdefault("CRMDESK_HOME", str(DATA / "home"))
    from helpers import server_database

    source = demo_file(args.customers)
    figures: dict = {"customers": args.customers}
    for backend in [b for b in args.backends.split(",") if b]:
        env, default = SERVERS[backend]
        url, drop = server_database(os.environ.get(env) or default, "crmdesk_bench_copy")
        back = DATA / f"copy-back-{backend}.sqlite"
        try:
            figures[f"sqlite_to_{backend}"] = timed_copy(source, url)
            back.unlink(missing_ok=True)
            figures[f"{backend}_to_sqlite"] = timed_copy(url, f"sqlite:///{back}")
        finally:
            drop()
            back.unlink(missing_ok=True)
        print(backend, figures[f"sqlite_to_{backend}"], file=sys.stderr)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
