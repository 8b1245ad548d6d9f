"""Tags: which customers carry which (customer_tags), the tags in use (the tags table), the tag
filter's condition, and an admin's rename and delete of a tag everywhere.

Customer.tags keeps a customer's tags as one comma-separated text, which the list and the form
show. customer_tags holds the same as rows indexed by tag, so a tag filter reads the customers
that carry the tag instead of testing 1M texts; the tags table lists the tags in use for the
pickers without reading customer_tags. Every write of Customer.tags goes through sync() or the
bulk helpers below, in the same unit of work; a search finds the customers carrying a tag that
holds one of its terms (search.tagged_terms)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    delete,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.orm import Session

from crmdesk.models import pinyin
from crmdesk.models.changes import record
from crmdesk.models.checks import Checker, limit_of
from crmdesk.models.dialects import insert_ignore, one_of
from crmdesk.models.errors import PermissionDenied, ValidationFailed
from crmdesk.models.policy import see_condition
from crmdesk.models.schema import Customer, CustomerTag, Tag
from crmdesk.models.users import UserRow

TAG_LIMIT = 50  # characters in one tag
MAX_FILTER_TAGS = 10


@dataclass(frozen=True)
class TagRow:
    name: str
    customers: int  # live and in the recycle bin


def split(text: str) -> tuple[str, ...]:
    return tuple(t for t in (text or "").split(",") if t)


def normalize(tags: Iterable[str]) -> tuple[str, ...]:
    """Stored comma-separated, so a comma inside a tag becomes a space; sorted, no repeats."""
    clean = {t.replace(",", " ").strip() for t in tags if isinstance(t, str)}
    return tuple(sorted(t for t in clean if t))


def check_tag(tag: str, field: str = "tag") -> str:
    c = Checker()
    text = c.text(field, tag, Customer.tags, required=True)
    if len(text) > TAG_LIMIT:
        c.fail(field, "too_long", TAG_LIMIT)
    tags = normalize([text])
    if text and not tags:  # only commas and blanks
        c.fail(field, "required")
    c.done()
    return tags[0]


def remember(session: Session, names: Iterable[str], now: datetime) -> None:
    """Add tags to the tags in use (a tag already there stays as it is, whoever adds it too)."""
    rows = [{"name": n, "created_at": now} for n in sorted(set(names))]
    if rows:
        session.execute(insert_ignore(Tag.__table__, session.get_bind().dialect.name), rows)


def sync(session: Session, customer_id: int, tags: Sequence[str], now: datetime) -> None:
    """One customer's tag rows made exactly `tags` (after a create or an edit)."""
    have = set(
        session.scalars(select(CustomerTag.tag).where(CustomerTag.customer_id == customer_id))
    )
    want = set(tags)
    if have - want:
        session.execute(
            delete(CustomerTag).where(
                CustomerTag.customer_id == customer_id, CustomerTag.tag.in_(sorted(have - want))
            )
        )
    if want - have:
        remember(session, want - have, now)
        session.execute(
            insert(CustomerTag), [{"customer_id": customer_id, "tag": t} for t in want - have]
        )


def add_rows(session: Session, customers: ColumnElement[bool], tag: str) -> None:
    """The customers matching `customers` (a condition on Customer.id, which do not carry the
    tag yet) now carry it: one INSERT … SELECT, whatever their number. The tag is among the
    tags in use already (remember: a bulk tag's, once a unit, not once a chunk)."""
    rows = select(Customer.id, literal(tag, String)).where(customers)
    session.execute(insert(CustomerTag).from_select(["customer_id", "tag"], rows))


def remove_rows(session: Session, carriers: ColumnElement[bool], tag: str) -> None:
    """The tag taken off the customers matching `carriers` (a condition on the customer_id)."""
    session.execute(delete(CustomerTag).where(CustomerTag.tag == tag, carriers))


def check_filter(tags: object) -> tuple[str, ...]:
    """A tag filter as a query may carry it (a saved view written by hand, an old program):
    never fails, keeps at most MAX_FILTER_TAGS plausible tags."""
    if not isinstance(tags, (list, tuple)):
        return ()
    kept = normalize(t[:TAG_LIMIT] for t in tags if isinstance(t, str) and "\x00" not in t)
    return kept[:MAX_FILTER_TAGS]


def carriers(
    tags: Sequence[str], for_page: bool, common: bool, dialect: str = ""
) -> ColumnElement[bool]:
    """Customers carrying one of these tags. A page of a common tag's list tests each row as
    the sort index is walked (one primary-key look-up a row; a tag on 37,000 of 1M customers:
    ~5 ms a page, where fetching and sorting all 37,000 took ~75 ms); a count, or a rare
    tag, reads the tag's customers from its index. On SQLite the row test is `id IN (a
    subquery on this id)`, which it tests from the sort index before reading the customer's
    row (as search._row_test; an EXISTS read every row walked: 8.5 -> 3.5 ms a page)."""
    if for_page and common:
        own = select(CustomerTag.customer_id).where(
            CustomerTag.customer_id == Customer.id, CustomerTag.tag.in_(list(tags))
        )
        return Customer.id.in_(own) if dialect == "sqlite" else own.exists()
    return Customer.id.in_(select(CustomerTag.customer_id).where(CustomerTag.tag.in_(list(tags))))


def is_common(session: Session, tags: Sequence[str], threshold: int) -> bool:
    """Whether more than `threshold` customers carry one of these tags (counts no further)."""
    found = select(CustomerTag.customer_id).where(CustomerTag.tag.in_(list(tags)))
    stmt = select(func.count()).select_from(found.limit(threshold + 1).subquery())
    return (session.scalar(stmt) or 0) > threshold


def _all_of(tags: Sequence[str]) -> Select:
    """The customers carrying every one of these tags, from the tags' index."""
    return (
        select(CustomerTag.customer_id)
        .where(CustomerTag.tag.in_(list(tags)))
        .group_by(CustomerTag.customer_id)
        .having(func.count() == len(set(tags)))
    )


def tagged(
    session: Session, tags: Sequence[str], for_page: bool = False
) -> list[ColumnElement[bool]]:
    """Customers carrying every one of these tags (the tag filter). A page tests rows as it
    walks the sort index only when the customers it wants are common: two common tags can
    still be rare together (VIP and 重点客户 on 0.3% of 1M: a walk tested 30,000 rows, 164 ms),
    and then their few customers are read from the index instead."""
    if not tags:
        return []
    if not for_page:
        return [carriers([t], False, False) for t in tags]
    from crmdesk.models.search import common_threshold

    dialect = session.get_bind().dialect.name
    customers = session.scalar(select(func.max(Customer.id))) or 0
    threshold = common_threshold(customers, dialect)
    if len(set(tags)) == 1:
        return [carriers(tags, True, is_common(session, tags, threshold), dialect)]
    if all(is_common(session, [t], threshold) for t in tags):
        # Read once, up to the threshold: few together drive the page as a literal id set
        # (as a rare search term does), many are tested row by row.
        ids = list(session.scalars(_all_of(tags).limit(threshold + 1)))
        if len(ids) > threshold:
            return [carriers([t], True, True, dialect) for t in tags]
        return [one_of(Customer.id, ids, dialect)]
    return [Customer.id.in_(_all_of(tags))]


def tag_names(session: Session, actor: UserRow | None = None) -> list[str]:
    """The tags in use, in pinyin order (the tag filter's choices); given an actor who is not
    an admin, only those a customer they may see carries (another team's tags stay theirs)."""
    stmt = select(Tag.name)
    if actor is not None and not actor.is_admin:
        carried = (
            select(CustomerTag.customer_id)
            .join(Customer, Customer.id == CustomerTag.customer_id)
            .where(CustomerTag.tag == Tag.name, see_condition(actor))
        )
        stmt = stmt.where(carried.exists())
    return pinyin.sorted_by_pinyin(session.scalars(stmt))


def list_tags(session: Session, actor: UserRow) -> list[TagRow]:
    """Every tag with how many customers carry it (an admin's tag list)."""
    _admin_only(actor)
    counts = dict(
        session.execute(select(CustomerTag.tag, func.count()).group_by(CustomerTag.tag)).all()
    )
    return [TagRow(n, counts.get(n, 0)) for n in tag_names(session)]


def _admin_only(actor: UserRow) -> None:
    if not actor.is_admin:
        raise PermissionDenied(action="manage_tags")


def rename_tag(session: Session, actor: UserRow, old: str, new: str, now: datetime) -> int:
    """Rename a tag on every customer (merging it into `new` if that exists already); how many
    customers changed. Refused, changing nothing, if a customer's tags would grow past the
    column: a tag is never stored cut short."""
    _admin_only(actor)
    old, new = check_tag(old, "old"), check_tag(new, "new")
    if old == new:
        return 0
    return _retag(session, actor, old, new, now)


def delete_tag(session: Session, actor: UserRow, name: str, now: datetime) -> int:
    """Remove a tag from every customer and from the tags in use; how many customers changed."""
    _admin_only(actor)
    return _retag(session, actor, check_tag(name), None, now)


CHUNK = 1000  # ids in one IN list (SQLite's and the drivers' limits are far above)


def _retag(session: Session, actor: UserRow, old: str, new: str | None, now: datetime) -> int:
    """Every customer carrying `old` gets `new` instead (or nothing). Rows are locked in id
    order, as every write locks customers, before their tags are read: a colleague's edit of
    the same customer's tags waits, then keeps what it wrote."""
    ids = sorted(session.scalars(select(CustomerTag.customer_id).where(CustomerTag.tag == old)))
    chunks = [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]
    limit = limit_of(Customer.tags)
    texts: dict[str, list[int]] = {}
    changed: list[int] = []
    for chunk in chunks:
        stmt = (
            select(Customer.id, Customer.tags)
            .where(Customer.id.in_(chunk))
            .order_by(Customer.id)
            .with_for_update()
        )
        for cid, text in session.execute(stmt):
            had = set(split(text))
            if old not in had:  # changed by someone since the tag's rows were read
                continue
            kept = had - {old} | ({new} if new is not None else set())
            joined = ",".join(normalize(kept))
            if len(joined) > limit:
                raise ValidationFailed(errors=[("new", "too_long")], limits={"new": limit})
            texts.setdefault(joined, []).append(cid)
            changed.append(cid)
    touch = {"updated_at": now, "updated_by_id": actor.id, "version": Customer.version + 1}
    for joined, group in texts.items():  # one statement per resulting text, a chunk at a time
        for i in range(0, len(group), CHUNK):
            session.execute(
                update(Customer)
                .where(Customer.id.in_(group[i : i + CHUNK]))
                .values(tags=joined, **touch),
                execution_options={"synchronize_session": False},
            )
    for i in range(0, len(changed), CHUNK):
        chunk = changed[i : i + CHUNK]
        remove_rows(session, CustomerTag.customer_id.in_(chunk), old)
        if new is not None:
            carrying = set(
                session.scalars(
                    select(CustomerTag.customer_id).where(
                        CustomerTag.tag == new, CustomerTag.customer_id.in_(chunk)
                    )
                )
            )
            missing = [cid for cid in chunk if cid not in carrying]
            if missing:
                add_rows(session, Customer.id.in_(missing), new)
    if new is not None:
        remember(session, [new], now)  # a renamed tag nobody carries yet is still offered
    still_carried = select(CustomerTag.customer_id).where(CustomerTag.tag == old).exists()
    session.execute(delete(Tag).where(Tag.name == old, ~still_carried))
    if changed:
        record(session, "tags", changed)
    return len(changed)
