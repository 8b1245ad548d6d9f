"""The customer list's first page and count at 1,000,000 customers with collaborators
(policy.shared_condition), against the list as it was before collaborators, in the same run.

Usage: python bench/customer_list_shared.py [--customers 1000000] [--runs 5]
       [--backends sqlite,postgresql] [--shares 0,20,600]

Uses the databases bench/server_lists.py builds. For a rep and a manager, each case runs the
list twice, turn about: "before" with shared_condition answering None (exactly the WHERE the
list had before collaborators) and "after" as it is now, with the actor sharing in N of other
teams' customers (rows put into customer_collaborators for the run and taken out after; 600 is
past SHARED_INLINE: the subquery form), and "or": the shares as one WHERE, `owned OR id IN (…)`,
the form the list does not use (customer_list._parts). Ends with one JSON line: medians in ms
and the ratios after/before and or/before per backend, role, case."""

from __future__ import annotations

import argparse
import json
import sys
import time

from _common import median_ms
from server_lists import actors, built_database, set_timeout

CASES = [("all", "updated_at"), ("all", "name"), ("mine", "updated_at"), ("shared", "updated_at")]


def share(db, actor, n: int, now) -> None:
    from sqlalchemy import delete, insert, select

    from crmdesk.models.schema import Customer
    from crmdesk.models.schema_team import Collaborator

    with db.writing() as s:
        s.execute(delete(Collaborator).where(Collaborator.user_id == actor.id))
        if n:
            others = Customer.owner_id.is_not(None)
            if actor.team_id is not None:
                others = others & (Customer.team_id != actor.team_id)
            ids = s.scalars(select(Customer.id).where(others).order_by(Customer.id).limit(n))
            rows = [{"customer_id": i, "user_id": actor.id, "added_at": now} for i in ids]
            s.execute(insert(Collaborator), rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--shares", default="0,20,600")
    parser.add_argument("--timeout", type=int, default=30)
    args = parser.parse_args()

    from crmdesk.models import customer_list
    from crmdesk.models.customer_list import CustomerQuery
    from crmdesk.models.database import open_database
    from crmdesk.models.workspace import Workspace

    real = customer_list.shared_condition  # the name the list calls
    parts = customer_list._parts

    def none(*_args, **_kwargs):
        return None

    def one_where(session, actor, query, now, for_page):  # the `OR id IN (…)` form
        return [customer_list.conditions(session, actor, query, now, for_page=for_page)]

    figures: dict[str, float] = {}
    for backend in [b for b in args.backends.split(",") if b]:
        url = built_database(backend, args.customers)
        if url is None:
            continue
        db = open_database(url)
        set_timeout(db, args.timeout)
        people = actors(db)
        for role in ("rep", "manager"):
            actor = people[role]
            ws = Workspace(db, actor)
            for n in [int(x) for x in args.shares.split(",")]:
                share(db, actor, n, ws.clock())
                for scope, sort in CASES:
                    if scope == "shared" and n == 0:
                        continue
                    query = CustomerQuery(scope=scope, sort=sort)
                    labels = ("before", "after", "or", "count_before", "count_after", "count_or")
                    samples: dict[str, list[float]] = {label: [] for label in labels}
                    for run in range(args.runs + 1):  # the first run of each warms the caches
                        for label in ("before", "after", "or"):
                            if scope == "shared" and label != "after":
                                continue  # no such list before; one part
                            customer_list.shared_condition = none if label == "before" else real
                            customer_list._parts = one_where if label == "or" else parts
                            start = time.perf_counter()
                            ws.list_customers(query, 0, 100)
                            page = time.perf_counter() - start
                            start = time.perf_counter()
                            ws.count_customers(query)
                            count = time.perf_counter() - start
                            if run:
                                samples[label].append(page)
                                samples["count_" + label].append(count)
                    customer_list.shared_condition, customer_list._parts = real, parts
                    key = f"{backend}.{role}.shares{n}.{scope}.{sort}"
                    line = []
                    for label, values in samples.items():
                        if values:
                            figures[f"{key}.{label}_ms"] = median_ms(values)
                            line.append(f"{label} {median_ms(values)}")
                    for what in ("", "count_"):
                        b = figures.get(f"{key}.{what}before_ms")
                        for form in ("after", "or"):
                            a = figures.get(f"{key}.{what}{form}_ms")
                            if b and a:
                                name = f"{what}ratio" + ("_or" if form == "or" else "")
                                figures[f"{key}.{name}"] = round(a / b, 2)
                                line.append(f"{name} {a / b:.2f}")
                    print(f"{key:48} " + " · ".join(line), file=sys.stderr)
            share(db, actor, 0, ws.clock())
        db.close()
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
