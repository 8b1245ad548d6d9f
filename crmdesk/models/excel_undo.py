"""The history of imports, and undoing one: what it created goes (hard delete, with everything
that hangs off it and its search index rows), what it changed comes back, users it made are
deactivated when they own nothing; whatever someone changed since stays, and is named.

Set-based, in pieces of at most 500 ids, in one unit of work (the import's record locked
first: a chunk of the same import still being written stops when it finds it undone)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, exists, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from crmdesk.models import search
from crmdesk.models import tags as tags_module
from crmdesk.models.changes import record
from crmdesk.models.checks import check_id
from crmdesk.models.errors import CrmError, NotFound, PermissionDenied
from crmdesk.models.excel_context import decode_values
from crmdesk.models.excel_insert import bulk_cache, name_texts, short_key
from crmdesk.models.excel_link import pieces
from crmdesk.models.excel_types import ImportRow, UndoResult
from crmdesk.models.excel_undo_contracts import remove_contract_rows
from crmdesk.models.phones import phone_key
from crmdesk.models.schema import (
    Contact,
    Customer,
    CustomerSearch,
    CustomerTag,
    FollowUp,
    Tag,
    User,
)
from crmdesk.models.schema_contracts import Contract
from crmdesk.models.schema_deals import Deal
from crmdesk.models.schema_imports import Import, ImportItem
from crmdesk.models.users import UserRow

Left = tuple[str, int, str, str]


def may_undo(actor: UserRow, actor_id: int | None, status: str) -> bool:
    return status != "undone" and actor.active and (actor.is_admin or actor_id == actor.id)


def list_imports(session: Session, actor: UserRow, limit: int = 200) -> list[ImportRow]:
    """Newest first; admins see every import, others their own."""
    who = aliased(User)
    stmt = (
        select(Import, func.coalesce(who.name, ""))
        .outerjoin(who, who.id == Import.actor_id)
        .order_by(Import.started_at.desc(), Import.id.desc())
        .limit(max(1, min(int(limit), 1000)))
    )
    if not actor.is_admin:
        stmt = stmt.where(Import.actor_id == actor.id)
    return [
        ImportRow(
            i.id,
            i.kind,
            i.file_name,
            i.sheet,
            name,
            i.started_at,
            i.finished_at,
            i.status,
            i.rows_total,
            i.created,
            i.updated,
            i.skipped,
            i.failed,
            i.undone_at,
            may_undo(actor, i.actor_id, i.status),
        )
        for i, name in session.execute(stmt)
    ]


def undo_import(session: Session, actor: UserRow, import_id: int, now: datetime) -> UndoResult:
    """Undo an import (module docstring): only its own user or an admin, once."""
    check_id(import_id, "import")
    imp = session.scalars(select(Import).where(Import.id == import_id).with_for_update()).first()
    if imp is None or not (actor.is_admin or imp.actor_id == actor.id):
        if imp is None:
            raise NotFound(what="import", id=import_id)
        raise PermissionDenied(action="undo_import", import_id=import_id)
    if imp.status == "undone":
        raise CrmError("already_undone", import_id=import_id)
    undo = _Undo(session, actor, import_id, now)
    with bulk_cache(session, session.get_bind().dialect.name):
        undo.restore_items()
        remove_contract_rows(undo)  # before the deals and customers they hang off
        undo.remove_deals()
        undo.remove_customers()
        undo.remove_attached()
        undo.retire_users()
        undo.finish()
    imp.status, imp.undone_at, imp.undone_by_id = "undone", now, actor.id
    return UndoResult(undo.removed, undo.restored, undo.left)


class _Undo:
    def __init__(self, session: Session, actor: UserRow, import_id: int, now: datetime) -> None:
        self.session, self.actor, self.import_id, self.now = session, actor, import_id, now
        self.removed = self.restored = 0
        self.left: list[Left] = []
        self.reindex: set[int] = set()  # customers whose contacts or name changed
        self.kinds: dict[str, set[int]] = {}  # change kind → customer ids

    def note(self, kind: str, ids: Iterable[int]) -> None:
        self.kinds.setdefault(kind, set()).update(ids)

    def items(self, entity: str, action: str = "updated") -> list[ImportItem]:
        stmt = select(ImportItem).where(
            ImportItem.import_id == self.import_id,
            ImportItem.entity == entity,
            ImportItem.action == action,
        )
        return list(self.session.scalars(stmt.order_by(ImportItem.entity_id, ImportItem.id)))

    # ------------------------------------------------------------ changed rows back
    def restore_items(self) -> None:
        """The rows the import changed, as they were, where nobody changed them since (the
        version it left); in reverse order, so a row changed twice ends as it was first."""
        for table, entity, label in (
            (Customer, "customer", Customer.name),
            (Deal, "deal", Deal.title),
            (Contract, "contract", Contract.title),
        ):
            items = self.items(entity)
            for part in pieces(items):
                ids = sorted({i.entity_id for i in part})
                stmt = select(table.id, table.version, label).where(table.id.in_(ids))
                rows = {r[0]: r for r in self.session.execute(stmt.with_for_update())}
                for item in reversed(part):
                    row = rows.get(item.entity_id)
                    if row is None or row[1] != item.version_after:
                        self.left.append(
                            (entity, item.entity_id, row[2] if row else "", "changed_since")
                        )
                        continue
                    self._put_back(table, entity, item.entity_id, decode_values(item.before))
                    rows[item.entity_id] = (row[0], row[1] + 1, row[2])
        for item in reversed(self.items("contact")):
            contact = self.session.get(Contact, item.entity_id)
            if contact is None:
                continue
            before = decode_values(item.before)
            for f in ("mobile", "phone"):
                if f in before:
                    before[f"{f}_digits"] = phone_key(before[f])
            self.session.execute(
                update(Contact.__table__).where(Contact.id == contact.id).values(**before)
            )
            self.reindex.add(contact.customer_id)
            self.note("contacts", [contact.customer_id])
            self.restored += 1

    def _put_back(self, table, entity: str, row_id: int, before: dict) -> None:
        values = dict(before)
        if entity == "customer":
            for f in ("name", "province", "city"):
                if f in values:
                    text = values[f] or ""
                    key = name_texts(text)[0] if f == "name" else short_key(text) if text else ""
                    values[f"{f}_sort"] = key
        stamp = {
            "version": table.version + 1,
            "updated_at": self.now,
            "updated_by_id": self.actor.id,
        }
        self.session.execute(
            update(table.__table__).where(table.__table__.c.id == row_id).values(**values, **stamp)
        )
        if entity == "customer":
            if "tags" in values:
                tags_module.sync(self.session, row_id, tags_module.split(values["tags"]), self.now)
            if "name" in values:
                self.reindex.add(row_id)
            self.note("edited", [row_id])
        else:
            customer = self.session.scalar(select(table.customer_id).where(table.id == row_id))
            self.note(f"{entity}s", [customer] if customer else [])
        self.restored += 1

    # ------------------------------------------------------------ created rows gone
    def remove_deals(self) -> None:
        """Deals the import created and nobody touched since (version 1, no contract)."""
        ids = self._marked(Deal)
        for part in pieces(ids):
            contract = exists().where(Contract.deal_id == Deal.id)
            stmt = select(Deal.id, Deal.title, Deal.version, Deal.customer_id, contract)
            rows = self.session.execute(stmt.where(Deal.id.in_(part)).with_for_update(of=Deal))
            gone, customers = [], set()
            for did, title, version, customer_id, has_contract in rows:
                if version != 1 or has_contract:
                    self.left.append(
                        ("deal", did, title, "has_records" if has_contract else "changed_since")
                    )
                    continue
                gone.append(did)
                customers.add(customer_id)
            if gone:
                self.session.execute(delete(Deal).where(Deal.id.in_(gone)))
                self.removed += len(gone)
                self.note("deals", customers)

    def _marked(self, table) -> list[int]:
        stmt = select(table.id).where(table.import_id == self.import_id).order_by(table.id)
        return list(self.session.scalars(stmt))

    def remove_customers(self) -> None:
        """Customers the import created, unchanged since (version 1) and with nothing but what
        the import gave them: no deal, no contract, no contact or follow-up of anyone else."""
        x = self.import_id
        others = or_(FollowUp.import_id.is_(None), FollowUp.import_id != x)
        other_contacts = or_(Contact.import_id.is_(None), Contact.import_id != x)
        self.kept_created: set[int] = set()
        for part in pieces(self._marked(Customer)):
            stmt = select(
                Customer.id,
                Customer.name,
                Customer.version,
                exists().where(Deal.customer_id == Customer.id),
                exists().where(Contract.customer_id == Customer.id),
                exists().where(FollowUp.customer_id == Customer.id, others),
                exists().where(Contact.customer_id == Customer.id, other_contacts),
            ).where(Customer.id.in_(part))
            gone = []
            for cid, name, version, deals, contracts, follow, people in self.session.execute(
                stmt.order_by(Customer.id).with_for_update(of=Customer)
            ):
                if version != 1 or deals or contracts or follow or people:
                    reason = "changed_since" if version != 1 else "has_records"
                    self.left.append(("customer", cid, name, reason))
                    self.kept_created.add(cid)
                else:
                    gone.append(cid)
            if gone:
                self._delete_customers(gone)

    def _delete_customers(self, ids: list[int]) -> None:
        session = self.session
        if session.get_bind().dialect.name == "sqlite":  # contentless FTS: told the old text
            stmt = select(CustomerSearch.customer_id, CustomerSearch.body)
            search._fts_delete(
                session, session.execute(stmt.where(CustomerSearch.customer_id.in_(ids))).all()
            )
        carried = set(
            session.scalars(select(CustomerTag.tag).where(CustomerTag.customer_id.in_(ids)))
        )
        session.execute(delete(Customer).where(Customer.id.in_(ids)))  # the rest cascades
        if carried:
            still = select(CustomerTag.customer_id).where(CustomerTag.tag == Tag.name).exists()
            session.execute(delete(Tag).where(Tag.name.in_(sorted(carried)), ~still))
        self.removed += len(ids)
        self.note("deleted", ids)

    def remove_attached(self) -> None:
        """Contacts and follow-ups the import added to customers it did not create (those it
        created and that stay keep theirs: someone works with them now)."""
        x = self.import_id
        own = set(self._marked(Customer))
        for table, kind in ((Contact, "contacts"), (FollowUp, "follow_up")):
            stmt = select(table.id, table.customer_id).where(table.import_id == x)
            rows = [(i, c) for i, c in self.session.execute(stmt) if c not in own]
            for part in pieces(rows):
                ids = [i for i, _c in part]
                customers = {c for _i, c in part}
                if table is FollowUp:
                    self._follow_up_dates_before(sorted(customers), ids)
                self.session.execute(delete(table).where(table.id.in_(ids)))
                self.removed += len(ids)
                self.note(kind, customers)
                if table is Contact:
                    self.reindex.update(customers)

    def _follow_up_dates_before(self, customers: list[int], going: list[int]) -> None:
        """Each customer's last and next follow-up dates from the follow-ups that stay."""
        going_set = set(going)
        stmt = select(
            FollowUp.id, FollowUp.customer_id, FollowUp.happened_at, FollowUp.next_follow_up_at
        ).where(FollowUp.customer_id.in_(customers))
        newest: dict[int, tuple] = {}
        planned_by_going: dict[int, set] = {}
        for fid, cid, at, nxt in self.session.execute(stmt):
            if fid in going_set:
                planned_by_going.setdefault(cid, set()).add(nxt)
            elif cid not in newest or newest[cid][0] <= at:
                newest[cid] = (at, nxt)
        current = dict(
            self.session.execute(
                select(Customer.id, Customer.next_follow_up_at).where(Customer.id.in_(customers))
            ).all()
        )
        for cid in customers:
            at, nxt = newest.get(cid, (None, None))
            values = {"last_follow_up_at": at}
            if current.get(cid) is not None and current[cid] in planned_by_going.get(cid, ()):
                values["next_follow_up_at"] = nxt  # the plan came with the import
            self.session.execute(
                update(Customer.__table__).where(Customer.__table__.c.id == cid).values(**values)
            )

    def retire_users(self) -> None:
        """Users the import made, deactivated unless they own something now."""
        for item in self.items("user", "created"):
            uid = item.entity_id
            owns = self.session.execute(
                select(
                    exists().where(Customer.owner_id == uid),
                    exists().where(Deal.owner_id == uid),
                    exists().where(Contract.owner_id == uid),
                )
            ).one()
            name = self.session.scalar(select(User.name).where(User.id == uid)) or ""
            if any(owns):
                self.left.append(("user", uid, name, "has_records"))
                continue
            self.session.execute(update(User).where(User.id == uid).values(active=False))

    def finish(self) -> None:
        """Search texts and primary contacts of the customers that stay, and the change."""
        live = set(self.kinds.get("deleted", ()))
        ids = sorted(self.reindex - live)
        for part in pieces(ids):
            self._one_primary(part)
            search.reindex(self.session, part)
        for kind, customers in self.kinds.items():
            record(self.session, kind, customers)

    def _one_primary(self, customers: list[int]) -> None:
        """A customer whose primary contact went gets its oldest one as primary."""
        has = select(Contact.customer_id).where(
            Contact.customer_id.in_(customers), Contact.is_primary.is_(True)
        )
        with_primary = set(self.session.scalars(has))
        missing = [c for c in customers if c not in with_primary]
        for part in pieces(missing):
            first = (
                select(func.min(Contact.id))
                .where(Contact.customer_id.in_(part))
                .group_by(Contact.customer_id)
            )
            ids = list(self.session.scalars(first))
            if ids:
                self.session.execute(
                    update(Contact.__table__).where(Contact.id.in_(ids)).values(is_primary=True)
                )
