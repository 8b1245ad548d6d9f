"""Which customer each row of a contacts, follow-ups or deals import belongs to: by the
customer's external id, else by its exact name; missing ones created when the import may
(options.create_customers), owned per the import's owner mode. The customers found are locked
in id order for the rest of the chunk (every write takes the customer row first: policy.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from crmdesk.models.changes import record
from crmdesk.models.checks import limit_of
from crmdesk.models.excel_insert import NewCustomer, insert_customers, name_texts
from crmdesk.models.excel_types import CellProblem, PlannedRow
from crmdesk.models.policy import may_edit
from crmdesk.models.schema import Customer

if TYPE_CHECKING:
    from crmdesk.models.excel_context import ApplyContext

IN_LIMIT = 500  # values in one IN list
NAME_LIMIT = limit_of(Customer.name)
EXTERNAL_LIMIT = limit_of(Customer.external_id)


def pieces(values: list, size: int = IN_LIMIT):
    for i in range(0, len(values), size):
        yield values[i : i + size]


def _text(row: PlannedRow, key: str) -> str:
    value = row.values.get(key)
    return value.strip() if isinstance(value, str) else ""


def _found(ctx: ApplyContext, names: list[str], externals: list[str]):
    """Live customers by external id and by exact name: key → [(id, owner, team)], oldest
    first. Only the key's index in SQL (excel_customers.find_existing says why)."""
    by_ext: dict[str, list[tuple]] = {}
    by_name: dict[str, list[tuple]] = {}
    cols = (Customer.id, Customer.name, Customer.external_id, Customer.owner_id,
            Customer.team_id, Customer.deleted_at)  # fmt: skip
    wanted = set(names)
    keys = sorted({name_texts(n)[0] for n in names})
    for by, values, into in ((Customer.external_id, externals, by_ext),
                             (Customer.name_sort, keys, by_name)):  # fmt: skip
        for part in pieces(values):
            for r in ctx.session.execute(select(*cols).where(by.in_(part))):
                if r.deleted_at is not None:
                    continue
                if into is by_ext:
                    by_ext.setdefault(r.external_id, []).append((r.id, r.owner_id, r.team_id))
                elif r.name in wanted:  # exact (MariaDB's collation ignores case and spaces)
                    by_name.setdefault(r.name, []).append((r.id, r.owner_id, r.team_id))
    for group in (*by_ext.values(), *by_name.values()):
        group.sort()
    return by_ext, by_name


def lock_customers(ctx: ApplyContext, ids: set[int]) -> set[int]:
    """The customers among ids still live and the actor's to change, locked in id order."""
    kept: set[int] = set()
    for part in pieces(sorted(ids)):
        stmt = (
            select(Customer.id, Customer.owner_id, Customer.team_id, Customer.deleted_at)
            .where(Customer.id.in_(part))
            .order_by(Customer.id)
            .with_for_update()
        )
        for r in ctx.session.execute(stmt):
            if r.deleted_at is None and may_edit(ctx.actor, r.owner_id, r.team_id):
                kept.add(r.id)
    return kept


def link_customers(
    ctx: ApplyContext, rows: list[PlannedRow]
) -> tuple[dict[int, int], list[CellProblem]]:
    """(sheet row number → customer id, a problem for each row left unlinked).

    A row names its customer by "customer_external_id" and/or "customer" (the name). The
    external id decides when a live customer has it; else the exact name. Of the customers
    found, those the actor may not edit do not count: none left is "not_yours", more than
    one "ambiguous_customer". None found: a new customer (one per name or external id,
    however many rows name it) when options.create_customers and the row gives a name, owned
    per the import's owner mode (ctx.owner_for), else "unknown_customer". Found customers are
    locked in id order; created ones carry the import's id (its undo removes them)."""
    names = sorted({n for r in rows if (n := _text(r, "customer"))})
    externals = sorted({e for r in rows if (e := _text(r, "customer_external_id"))})
    by_ext, by_name = _found(ctx, names, externals)
    candidates = {c[0] for group in (*by_ext.values(), *by_name.values()) for c in group}
    editable = lock_customers(ctx, candidates)
    linked: dict[int, int] = {}
    problems: list[CellProblem] = []
    to_create: dict[tuple[str, str], list[PlannedRow]] = {}
    for row in rows:
        ext, name = _text(row, "customer_external_id"), _text(row, "customer")
        found = by_ext.get(ext, []) if ext else []
        field = "customer_external_id"
        if not found and name:
            found, field = by_name.get(name, []), "customer"
        if not found:
            if len(name) > NAME_LIMIT or len(ext) > EXTERNAL_LIMIT:
                long = "customer" if len(name) > NAME_LIMIT else "customer_external_id"
                problems.append(ctx.problem(row, "too_long", long))
            elif ctx.options.create_customers and name:
                to_create.setdefault((ext, name), []).append(row)
            else:
                problems.append(ctx.problem(row, "unknown_customer", field or "customer"))
            continue
        mine = [c[0] for c in found if c[0] in editable]
        if len(mine) == 1:
            linked[row.row] = mine[0]
        else:
            code = "ambiguous_customer" if mine else "not_yours"
            problems.append(ctx.problem(row, code, field))
    news: list[NewCustomer] = []
    groups: list[list[PlannedRow]] = []
    for (ext, name), group in to_create.items():
        owner, problem = ctx.owner_for(group[0], "owner")
        if problem is not None:
            problems.extend(ctx.problem(r, problem.code, problem.field) for r in group)
            continue
        values = {"external_id": ext} if ext else {}
        news.append(NewCustomer(group[0].row, name, values, owner))
        groups.append(group)
    if news:
        ids = insert_customers(ctx, news)
        for cid, group in zip(ids, groups, strict=True):
            for r in group:
                linked[r.row] = cid
        record(ctx.session, "created", ids)
    problems.sort(key=lambda p: p.row)
    return linked, problems
