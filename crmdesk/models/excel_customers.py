"""The customers import's writer: each row checked once more against the schema's limits (a
plan is checked by validate; this keeps a hand-made one from reaching the database), matched
against the database by the import's duplicate key, then skipped, filled, overwritten or
created as the user chose. New customers go through excel_insert in bulk; changed ones are
updated one by one, locked in id order, each change kept as an item for the undo."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, or_, select, update

from crmdesk.models import search
from crmdesk.models import tags as tags_module
from crmdesk.models.changes import record
from crmdesk.models.checks import _BAD, EARLIEST, LATEST, clean_time, has_bad_character, limit_of
from crmdesk.models.contacts import MAX_CONTACTS
from crmdesk.models.excel_context import ApplyContext, ChunkOutcome
from crmdesk.models.excel_derive import contact_name, name_texts
from crmdesk.models.excel_insert import (
    CUSTOMER_TEXT,
    NewCustomer,
    contact_row,
    db_time,
    insert_contacts,
    insert_customers,
    short_key,
)
from crmdesk.models.excel_link import pieces
from crmdesk.models.excel_types import PlannedRow
from crmdesk.models.phones import phone_key
from crmdesk.models.policy import may_edit
from crmdesk.models.schema import LEVELS, STATUSES, Contact, Customer

# field key of a customers import → contact column
CONTACT_FIELDS = {
    "contact_name": "name",
    "contact_title": "title",
    "mobile": "mobile",
    "phone": "phone",
    "email": "email",
    "wechat": "wechat",
    "birthday": "birthday",
}
LIMITS = {k: limit_of(getattr(Customer, k)) for k in ("name", *CUSTOMER_TEXT)}
LIMITS.update(
    {k: limit_of(getattr(Contact, c)) for k, c in CONTACT_FIELDS.items() if c != "birthday"}
)
TAGS_LIMIT = limit_of(Customer.tags)
SQLITE_IN = 5000  # values in one IN list of a raw SQLite look-up (its limit: 32,766)
# the customer's own fields an update may set (owner and created_at never change)
UPDATABLE = ("name", "level", "status", *CUSTOMER_TEXT)


def _bad_field(values: dict[str, Any]) -> str:
    for key, value in values.items():
        texts = value if isinstance(value, tuple) else (value,)
        if any(isinstance(t, str) and has_bad_character(t) for t in texts):
            return key
    return ""


def check_row(ctx: ApplyContext, row: PlannedRow):
    """(customer values, contact or None, tags) as they will be stored, or a problem. Cheap:
    lengths and types field by field, control characters in one search of the row's texts."""
    values = row.values
    texts = [v for v in values.values() if v.__class__ is str]
    joined = "\n".join(texts)
    try:
        joined.encode("utf-8")
        bad = _BAD.search(joined) is not None
    except UnicodeEncodeError:
        bad = True
    if bad:
        key = _bad_field(values)
        return ctx.problem(row, "nul", key, "")
    name = values.get("name")
    if not isinstance(name, str) or not name.strip():
        return ctx.problem(row, "required", "name", "")
    customer: dict[str, Any] = {}
    contact: dict[str, Any] = {}
    tags: tuple[str, ...] = ()
    for key, value in values.items():
        limit = LIMITS.get(key)
        if limit is not None:
            if not isinstance(value, str):
                return ctx.problem(row, "invalid", key)
            if len(value) > limit:
                return ctx.problem(row, "too_long", key)
            column = CONTACT_FIELDS.get(key)
            if column is not None:
                contact[column] = value
            else:
                customer[key] = value
        elif key == "level":
            if value not in LEVELS:
                return ctx.problem(row, "bad_level", key)
            customer[key] = value
        elif key == "status":
            if value not in STATUSES:
                return ctx.problem(row, "bad_status", key)
            customer[key] = value
        elif key == "created_at":
            if not isinstance(value, datetime) or not EARLIEST <= value <= LATEST:
                return ctx.problem(row, "bad_date", key)
            customer[key] = clean_time(value)
        elif key == "birthday":
            day = value.date() if isinstance(value, datetime) else value
            if not isinstance(day, date) or not EARLIEST.date() <= day <= LATEST.date():
                return ctx.problem(row, "bad_date", key)
            contact["birthday"] = day
        elif key == "tags":
            listed = value if isinstance(value, (tuple, list)) else (value,)
            if any(
                not isinstance(t, str) or len(t.strip()) > tags_module.TAG_LIMIT for t in listed
            ):
                return ctx.problem(row, "too_long", key)
            tags = tags_module.normalize(listed)
            if len(",".join(tags)) > TAGS_LIMIT:
                return ctx.problem(row, "too_long", key)
    customer["name"] = customer["name"].strip()
    if contact and not contact.get("name"):  # excel_derive.contact_name says why
        contact["name"] = contact_name(values, customer["name"])
    return customer, (contact or None), tags


def _key_values(key: str, customer: dict, contact: dict | None) -> list[str]:
    """The row's values of the duplicate key (phone: the keys of its mobile and phone)."""
    if key in ("name", "external_id"):
        value = customer.get(key, "")
        return [value] if value else []
    if contact is None:
        return []
    if key == "email":
        email = contact.get("email", "")
        return [email.lower()] if email else []
    found = []
    for number in (contact.get("mobile", ""), contact.get("phone", "")):
        k = phone_key(number) if number else ""
        if len(k) >= 5 and k not in found:
            found.append(k)
    return found


def find_existing(ctx: ApplyContext, key: str, wanted: dict[str, str]) -> dict[str, int]:
    """Live customers by the duplicate key: key value → the oldest customer holding it.
    wanted: value → its name sort key (the name key) or "" (the others).

    The key's index alone in SQL; whether the customer is live and the oldest are decided
    here. With `deleted_at IS NULL` or ORDER BY in it, PostgreSQL, planning for a table the
    import has outgrown its statistics of, walked another index testing 500 keys a row: 175
    ms a query at 20,000 customers, 9 ms by the key's index."""
    session = ctx.session
    found: dict[str, int] = {}

    def keep(value: str, cid: int, deleted) -> None:
        if deleted is None and value in wanted and cid < found.get(value, cid + 1):
            found[value] = cid

    if key in ("name", "external_id"):
        column = Customer.name if key == "name" else Customer.external_id
        by = Customer.name_sort if key == "name" else Customer.external_id
        values = sorted(set(wanted.values())) if key == "name" else sorted(wanted)
        if ctx.dialect == "sqlite":  # raw: SQLAlchemy compiled each 500-value IN anew
            cur = session.connection().connection.cursor()
            sql = f"SELECT id, {column.key}, deleted_at FROM customers WHERE {by.key} IN "
            for part in pieces(values, SQLITE_IN):
                for cid, value, deleted in cur.execute(
                    sql + f"({','.join('?' * len(part))})", part
                ):
                    keep(value, cid, deleted)
            return found
        for part in pieces(values):
            stmt = select(Customer.id, column, Customer.deleted_at).where(by.in_(part))
            for cid, value, deleted in session.execute(stmt):
                keep(value, cid, deleted)  # exact: MariaDB's collation ignores case, spaces
        return found
    base = select(
        Customer.id, Customer.deleted_at, Contact.mobile_digits, Contact.phone_digits,
        Contact.email,
    ).join(Customer, Customer.id == Contact.customer_id)  # fmt: skip
    for part in pieces(sorted(wanted), 250):
        if key == "phone":
            cond = or_(Contact.mobile_digits.in_(part), Contact.phone_digits.in_(part))
        else:
            cond = Contact.email.in_(part)
        for cid, deleted, mobile, phone, email in session.execute(base.where(cond)):
            for value in (mobile, phone) if key == "phone" else (email.lower(),):
                keep(value, cid, deleted)
    return found


def write_customers(ctx: ApplyContext, rows: list[PlannedRow]) -> ChunkOutcome:
    out = ChunkOutcome()
    key, mode = ctx.options.dedupe_key, ctx.options.on_duplicate
    checked = []
    derived = ctx.derived
    for row in rows:
        clean = check_row(ctx, row)
        if not isinstance(clean, tuple):
            out.failed.append(clean)
            continue
        owner, problem = ctx.owner_for(row, "owner")
        if problem is not None:
            out.failed.append(problem)
            continue
        customer, contact, tags = clean
        ahead = derived.get(row.row)
        if ahead is not None and ahead[0] != _input(customer, contact):
            ahead = None  # not what is stored: computed here
        texts = name_texts(customer["name"]) if ahead is None else ahead[1]
        checked.append((row, customer, contact, tags, owner, texts))
    matches: dict[int, tuple[int, str]] = {}  # row → (existing customer, the key value)
    if key and mode != "create" and checked:
        wanted: dict[str, str] = {}
        for _row, customer, contact, _t, _o, texts in checked:
            for value in _key_values(key, customer, contact):
                wanted[value] = texts[0] if key == "name" else ""
        existing = find_existing(ctx, key, wanted)
        for row, customer, contact, _t, _o, _x in checked:
            for value in _key_values(key, customer, contact):
                if value in existing:
                    matches[row.row] = (existing[value], value)
                    break
    news: list[NewCustomer] = []
    changes = []
    field = {"name": "name", "external_id": "external_id", "email": "email"}.get(key, "mobile")
    for row, customer, contact, tags, owner, texts in checked:
        match = matches.get(row.row)
        if match is None:
            people = [contact] if contact else []
            new = NewCustomer(row.row, customer["name"], customer, owner, tags, people, texts[:2])
            if len(texts) == 4:  # computed ahead: the search text and its index too
                new.body, new.index = texts[2], texts[3]
            news.append(new)
        elif mode == "skip":
            shown_field = field if field in row.values else "phone"
            out.skipped.append(ctx.problem(row, "exists", shown_field, match[1]))
        else:
            ctx.assigned.pop(row.row, None)  # an update keeps the customer's owner
            changes.append((row, match[0], customer, contact, tags))
    if changes:
        _update(ctx, changes, mode == "overwrite", out)
    ids = insert_customers(ctx, news)
    if ids:
        out.created += len(ids)
        out.customer_ids.update(ids)
        record(ctx.session, "created", ids)
    return out


def _input(customer: dict, contact: dict | None) -> tuple:
    """excel_derive.row_input's form of what a row stores: (name, (contact's name, mobile,
    phone)); a row without a contact is as one with an empty contact (the same texts)."""
    if contact is None:
        return customer["name"], ("", "", "")
    return customer["name"], (
        contact.get("name", ""),
        contact.get("mobile", ""),
        contact.get("phone", ""),
    )


def _update(ctx: ApplyContext, changes: list, overwrite: bool, out: ChunkOutcome) -> None:
    """Fill (empty fields only) or overwrite existing customers the actor may edit."""
    session, now, actor = ctx.session, ctx.now, ctx.actor
    ids = sorted({cid for _r, cid, *_ in changes})
    cols = [
        Customer.id,
        Customer.owner_id,
        Customer.team_id,
        Customer.deleted_at,
        Customer.version,
        Customer.tags,
        *(getattr(Customer, f) for f in UPDATABLE),
    ]
    current: dict[int, dict] = {}
    for part in pieces(ids):
        stmt = select(*cols).where(Customer.id.in_(part)).order_by(Customer.id).with_for_update()
        for r in session.execute(stmt):
            current[r.id] = dict(r._mapping)
    people: dict[int, list] = {}
    for part in pieces(ids):
        stmt = select(
            Contact.customer_id,
            Contact.name,
            Contact.mobile_digits,
            Contact.phone_digits,
            Contact.email,
        ).where(Contact.customer_id.in_(part))
        for r in session.execute(stmt):
            people.setdefault(r.customer_id, []).append(r)
    edited, reindex, added = [], set(), []
    groups: dict[tuple, list[dict]] = {}
    for row, cid, customer, contact, tags in changes:
        now_row = current.get(cid)
        if now_row is None or now_row["deleted_at"] is not None:
            out.skipped.append(ctx.problem(row, "exists", "name"))
            continue
        if not may_edit(actor, now_row["owner_id"], now_row["team_id"]):
            out.skipped.append(ctx.problem(row, "not_yours", "name"))
            continue
        new: dict[str, Any] = {}
        for f in UPDATABLE:
            if f in customer and customer[f] != now_row[f]:
                if overwrite or now_row[f] in ("", None):
                    new[f] = customer[f]
        old_tags = now_row["tags"]
        joined = ",".join(tags)
        if tags and joined != old_tags and (overwrite or not old_tags):
            new["tags"] = joined
        contact_added = contact is not None and _new_contact(people.get(cid, []), contact)
        if not new and not contact_added:
            out.skipped.append(ctx.problem(row, "unchanged", ""))
            continue
        full = contact_added and len(people.get(cid, ())) >= MAX_CONTACTS
        if full:  # the contact does not fit: never an "updated" row with nothing written
            problem = ctx.problem(row, "too_many_contacts", "contact_name")
            if not new:
                out.failed.append(problem)
                continue
            out.notes.append(problem)  # the customer's fields are, the contact is not
            contact_added = False
        if new:
            before = {f: now_row[f] for f in new}
            keys = {
                f"{f}_sort": (name_texts(v)[0] if f == "name" else short_key(v) if v else "")
                for f, v in new.items()
                if f in ("name", "province", "city")
            }
            version = now_row["version"] + 1
            values = {**new, **keys, "version": version}
            groups.setdefault(tuple(sorted(values)), []).append({"b_id": cid, **{
                f"b_{k}": v for k, v in values.items()}})  # fmt: skip
            now_row.update(new, version=version)
            ctx.updated("customer", cid, before, version)
            if "tags" in new:
                tags_module.sync(session, cid, tags, now)
            if "name" in new:
                reindex.add(cid)
            edited.append(cid)
        if contact_added:
            have = people.setdefault(cid, [])
            at = db_time(ctx.dialect, now)
            added.append(contact_row(cid, contact, not have, at, ctx.import_id))
            have.append(None)
            reindex.add(cid)
        out.updated += 1
        out.customer_ids.add(cid)
    t = Customer.__table__
    for columns, params in groups.items():  # one statement per set of changed columns
        stamp = {"updated_at": now, "updated_by_id": actor.id}
        stmt = update(t).where(t.c.id == bindparam("b_id"))
        session.execute(stmt.values(**{c: bindparam(f"b_{c}") for c in columns}, **stamp), params)
    insert_contacts(session, ctx.dialect, added)
    ctx.contacts_added(r[0] for r in added)  # an undo removes one only if nobody changed it
    if reindex:
        search.reindex(session, sorted(reindex))
    if edited:
        record(session, "edited", edited)
    if added:
        record(session, "contacts", [r[0] for r in added])


def _new_contact(have: list, contact: dict) -> bool:
    """Whether a row's contact is not among the customer's contacts (by phone, e-mail or
    name): a re-import does not add the same person twice."""
    keys = {phone_key(n) for n in (contact.get("mobile", ""), contact.get("phone", "")) if n}
    email = contact.get("email", "").lower()
    name = contact.get("name", "")
    for c in have:
        if c is None:
            continue
        if (keys & {c.mobile_digits, c.phone_digits} - {""}) or (
            email and email == c.email.lower()
        ):
            return False
        if name and name == c.name and not keys and not email:
            return False
    return True
