"""The writers of the contacts and follow-ups imports (excel_apply.WRITERS; the customers'
writer is excel_customers.py). Each row's customer comes from link_customers (found, locked,
or created); contacts are matched within their customer by the duplicate key, follow-ups by
their moment and text; new rows go in by executemany, and the customers' search texts,
primary contacts and follow-up dates follow in set-based statements."""

from __future__ import annotations

import functools
from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, and_, bindparam, case, null, or_, select, update
from sqlalchemy.orm.attributes import set_committed_value

from crmdesk.models import search
from crmdesk.models.changes import record
from crmdesk.models.checks import EARLIEST, LATEST, clean_time, has_bad_character, limit_of
from crmdesk.models.contacts import MAX_CONTACTS
from crmdesk.models.excel_context import CONTACT_ROW, ApplyContext, ChunkOutcome
from crmdesk.models.excel_customers import check_row, write_customers
from crmdesk.models.excel_insert import bulk_insert, contact_row, db_time, insert_contacts
from crmdesk.models.excel_link import link_customers, pieces
from crmdesk.models.excel_types import PlannedRow
from crmdesk.models.phones import phone_key
from crmdesk.models.schema import FOLLOW_UP_KINDS, Contact, Customer, FollowUp

__all__ = ["write_contacts", "write_customers", "write_follow_ups"]

# A contacts import's fields are the customers import's contact fields without the prefix.
_AS_CUSTOMER_ROW = {"name": "contact_name", "title": "contact_title"}
CONTENT_LIMIT = limit_of(FollowUp.content)


def _contact_of(ctx: ApplyContext, row: PlannedRow):
    """A contacts import row's contact as stored, or a problem (check_row's checks)."""
    values = {
        _AS_CUSTOMER_ROW.get(k, k): v
        for k, v in row.values.items()
        if k not in ("customer", "customer_external_id", "is_primary")
    }
    values["name"] = "-"  # the customer's name: not this row's to check
    if not values.get("contact_name"):
        return ctx.problem(row, "required", "name", "")
    clean = check_row(ctx, PlannedRow(row.row, values))
    if not isinstance(clean, tuple):
        field = {v: k for k, v in _AS_CUSTOMER_ROW.items()}.get(clean.field, clean.field)
        return ctx.problem(row, clean.code, field, clean.value)
    contact = clean[1]
    contact["is_primary"] = bool(row.values.get("is_primary"))
    return contact


def _same(key: str, c, contact: dict) -> bool:
    if key == "phone":
        keys = {phone_key(n) for n in (contact.get("mobile", ""), contact.get("phone", "")) if n}
        return bool(keys - {""} & {c.mobile_digits, c.phone_digits})
    if key == "email":
        email = contact.get("email", "").lower()
        return bool(email) and email == c.email.lower()
    if key == "name":
        return contact["name"] == c.name
    return False


_CONTACT_FIELDS = ("name", "title", "mobile", "phone", "email", "wechat", "birthday")


def write_contacts(ctx: ApplyContext, rows: list[PlannedRow]) -> ChunkOutcome:
    out = ChunkOutcome()
    session, now = ctx.session, ctx.now
    key, mode = ctx.options.dedupe_key, ctx.options.on_duplicate
    checked = []
    for row in rows:
        contact = _contact_of(ctx, row)
        if isinstance(contact, dict):
            checked.append((row, contact))
        else:
            out.failed.append(contact)
    linked, problems = link_customers(ctx, [r for r, _c in checked])
    out.failed += problems
    ids = sorted(set(linked.values()))
    have: dict[int, list] = {i: [] for i in ids}
    for part in pieces(ids):
        stmt = select(Contact).where(Contact.customer_id.in_(part)).order_by(Contact.id)
        for c in session.scalars(stmt):
            have[c.customer_id].append(c)
    added, primary, touched, edited = [], {}, set(), []
    for row, contact in checked:
        cid = linked.get(row.row)
        if cid is None:
            continue
        same = next((c for c in have[cid] if c is not None and _same(key, c, contact)), None)
        if same is not None and mode != "create":
            if mode == "skip":
                out.skipped.append(ctx.problem(row, "exists", key if key in row.values else ""))
                continue
            new = {
                f: contact[f]
                for f in _CONTACT_FIELDS
                if f in contact
                and contact[f] != getattr(same, f)
                and (mode == "overwrite" or getattr(same, f) in ("", None))
            }
            if not new:
                out.skipped.append(ctx.problem(row, "unchanged", ""))
                continue
            before = {f: getattr(same, f) for f in new}
            for f in ("mobile", "phone"):
                if f in new:
                    new[f"{f}_digits"] = phone_key(new[f])
            session.execute(update(Contact.__table__).where(Contact.id == same.id).values(**new))
            for f, v in new.items():  # a later row of the chunk sees (and notes) this state
                set_committed_value(same, f, v)
            after = {f: getattr(same, f) for f in CONTACT_ROW}
            ctx.updated("contact", same.id, before, None, after)
            edited.append(same.id)
        else:
            if len(have[cid]) >= MAX_CONTACTS:
                out.failed.append(ctx.problem(row, "too_many_contacts", ""))
                continue
            first = not have[cid]
            at = db_time(ctx.dialect, now)
            added.append(contact_row(cid, contact, first, at, ctx.import_id))
            have[cid].append(None)
            if contact["is_primary"] and not first:
                primary[cid] = len(added) - 1
        touched.add(cid)
        out.customer_ids.add(cid)
        if same is not None and mode != "create":
            out.updated += 1
        else:
            out.created += 1
    if primary:  # a row marked primary takes it over from the customer's current one
        for part in pieces(sorted(primary)):
            session.execute(
                update(Contact.__table__)
                .where(Contact.customer_id.in_(part))
                .values(is_primary=False)
            )
        for cid, n in primary.items():
            for k, r in enumerate(added):
                if r[0] == cid:
                    added[k] = (*r[:10], k == n, *r[11:])
    insert_contacts(session, ctx.dialect, added)
    ctx.contacts_added(r[0] for r in added)
    if touched:
        search.reindex(session, sorted(touched))
        record(session, "contacts", touched)
    return out


def _follow_up_of(ctx: ApplyContext, row: PlannedRow):
    v = row.values
    content = v.get("content")
    if not isinstance(content, str) or not content.strip():
        return ctx.problem(row, "required", "content", "")
    if len(content) > CONTENT_LIMIT:
        return ctx.problem(row, "too_long", "content")
    if has_bad_character(content):
        return ctx.problem(row, "nul", "content", "")
    kind = v.get("kind", "note")
    if kind not in FOLLOW_UP_KINDS:
        return ctx.problem(row, "bad_kind", "kind")
    times = {}
    for field in ("happened_at", "next_follow_up_at"):
        at = v.get(field)
        if at is None:
            continue
        if not isinstance(at, datetime) or not EARLIEST <= at <= LATEST:
            return ctx.problem(row, "bad_date", field)
        times[field] = clean_time(at)
    if "happened_at" not in times:
        return ctx.problem(row, "required", "happened_at", "")
    nxt = times.get("next_follow_up_at")
    if nxt is not None and nxt <= times["happened_at"]:
        return ctx.problem(row, "not_after_happened", "next_follow_up_at")
    return {"kind": kind, "content": content.strip(), **times}


_FOLLOW_COLS = (
    "customer_id",
    "author_id",
    "kind",
    "content",
    "happened_at",
    "next_follow_up_at",
    "created_at",
    "import_id",
)


def write_follow_ups(ctx: ApplyContext, rows: list[PlannedRow]) -> ChunkOutcome:
    """Follow-ups; author: the "author" cell (owner_for's rules) or the actor. With any
    duplicate key, a follow-up already on record for the customer at the same moment with
    the same text is "exists" (a log imported twice stays one log), unless mode create."""
    out = ChunkOutcome()
    session = ctx.session
    checked = []
    for row in rows:
        item = _follow_up_of(ctx, row)
        author, problem = ctx.owner_for(row, "author")
        if not isinstance(item, dict) or problem is not None:
            out.failed.append(item if not isinstance(item, dict) else problem)
            continue
        checked.append((row, item, author))
    linked, problems = link_customers(ctx, [r for r, _i, _a in checked])
    out.failed += problems
    ids = sorted(set(linked.values()))
    known: set[tuple] = set()
    if ctx.options.dedupe_key and ctx.options.on_duplicate != "create":
        for part in pieces(ids):
            stmt = select(FollowUp.customer_id, FollowUp.happened_at, FollowUp.content).where(
                FollowUp.customer_id.in_(part)
            )
            known.update(tuple(r) for r in session.execute(stmt))
    new: list[tuple] = []
    latest: dict[int, tuple[datetime, Any]] = {}
    for row, item, author in checked:
        cid = linked.get(row.row)
        if cid is None:
            continue
        at = item["happened_at"]
        if (cid, at, item["content"]) in known:
            out.skipped.append(ctx.problem(row, "exists", "content"))
            continue
        known.add((cid, at, item["content"]))
        t = functools.partial(db_time, ctx.dialect)
        nxt = item.get("next_follow_up_at")
        new.append((cid, author, item["kind"], item["content"], t(at), t(nxt), t(ctx.now),
                    ctx.import_id))  # fmt: skip
        if cid not in latest or latest[cid][0] <= at:
            latest[cid] = (at, item.get("next_follow_up_at"))
        out.created += 1
        out.customer_ids.add(cid)
    bulk_insert(session, ctx.dialect, FollowUp.__table__, _FOLLOW_COLS, new)
    bump_dates(session, latest)
    if latest:
        record(session, "follow_up", latest)
    return out


def bump_dates(session, latest: dict[int, tuple[datetime, Any]]) -> None:
    """follow_ups.bump_follow_up_dates for many customers, each with its latest new follow-up
    (at, next): last_follow_up_at moves forward, never back; the next date becomes this
    follow-up's plan when it is the newest on record, else an existing plan it fulfilled is
    cleared. Two statements, each sent with many parameter sets."""
    t = Customer.__table__
    h = bindparam("h", type_=DateTime)
    newest = or_(t.c.last_follow_up_at.is_(None), t.c.last_follow_up_at <= h)
    last = case((newest, h), else_=t.c.last_follow_up_at)
    fulfilled = and_(t.c.next_follow_up_at.is_not(None), t.c.next_follow_up_at <= h)
    kept = case((fulfilled, null()), else_=t.c.next_follow_up_at)
    planned = case((newest, bindparam("n", type_=DateTime)), else_=kept)
    with_plan = [{"cid": c, "h": at, "n": n} for c, (at, n) in latest.items() if n is not None]
    without = [{"cid": c, "h": at} for c, (at, n) in latest.items() if n is None]
    where = t.c.id == bindparam("cid")
    if with_plan:
        stmt = update(t).where(where).values(last_follow_up_at=last, next_follow_up_at=planned)
        session.execute(stmt, with_plan)
    if without:
        stmt = update(t).where(where).values(last_follow_up_at=last, next_follow_up_at=kept)
        session.execute(stmt, without)
