"""The row work of undoing an import (excel_undo.py runs it): each step takes a part of the ids
it works on (a unit of work of its own, or the whole undo in one) and re-reads and locks those
rows first, so a part run again after an interruption does only what is still to do.

- Rows the import changed (items "updated") come back to their values before it when nobody
  changed them since: customers and deals by their version (a row changed several times by the
  import comes back to its first state: the items chain, each starting at the version the one
  before it left); contacts, which have no version, by comparing the row with the one the item
  kept as the import left it (excel_context.CONTACT_ROW). Items done become "restored".
- Rows it created go (hard delete, with what hangs off them and their search rows) when nobody
  changed them since; contacts it added to customers already there likewise by their items
  ("created", the row as the import left it).
- Nothing is touched on a customer the undoing user may no longer edit ("not_yours").
- Users it made are deactivated when they own nothing.
Whatever stays is named in `left` as (entity, id, name, reason)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, exists, func, or_, select, update
from sqlalchemy.orm import Session

from crmdesk.models import search
from crmdesk.models import tags as tags_module
from crmdesk.models.changes import record
from crmdesk.models.excel_context import AFTER, CONTACT_ROW, decode_values
from crmdesk.models.excel_insert import name_texts, short_key
from crmdesk.models.excel_link import pieces
from crmdesk.models.phones import phone_key
from crmdesk.models.policy import may_edit
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
from crmdesk.models.schema_imports import ImportItem
from crmdesk.models.users import UserRow

Left = tuple[str, int, str, str]
# entity of an item → (table, the column that names a row): the rows restore() puts back
RESTORABLE = {
    "customer": (Customer, Customer.name),
    "deal": (Deal, Deal.title),
    "contract": (Contract, Contract.title),
}
DONE = "restored"  # an item's action once its undo is done (an undo run again skips it)


class Undo:
    """One unit of an undo: steps over parts of ids, then finish() (search texts, primary
    contacts, the change)."""

    def __init__(self, session: Session, actor: UserRow, import_id: int, now: datetime) -> None:
        self.session, self.actor, self.import_id, self.now = session, actor, import_id, now
        self.removed = self.restored = 0
        self.left: list[Left] = []
        self.reindex: set[int] = set()  # customers whose contacts or name changed
        self.kinds: dict[str, set[int]] = {}  # change kind → customer ids

    def note(self, kind: str, ids: Iterable[int]) -> None:
        self.kinds.setdefault(kind, set()).update(ids)

    def _items(self, entity: str, ids: list[int], actions=("updated",)) -> dict[int, list]:
        """The import's items of these rows still to undo, oldest first, by row id."""
        found: dict[int, list] = {}
        for part in pieces(ids):
            stmt = select(ImportItem).where(
                ImportItem.import_id == self.import_id,
                ImportItem.entity == entity,
                ImportItem.action.in_(actions),
                ImportItem.entity_id.in_(part),
            )
            for item in self.session.scalars(stmt.order_by(ImportItem.id)):
                found.setdefault(item.entity_id, []).append(item)
        return found

    def _done(self, items: list) -> None:
        for part in pieces([i.id for i in items]):
            self.session.execute(
                update(ImportItem).where(ImportItem.id.in_(part)).values(action=DONE)
            )

    # ------------------------------------------------------------ changed rows back
    def restore(self, entity: str, ids: list[int]) -> None:
        """Customers or deals (entity) the import changed, each back to its state before the
        import's first change of it: its items chain (each item's version before it, its
        version_after - 1, is the one before it's version_after) from the newest, whose
        version_after must be the row's version now; a chain broken by someone's edit between
        two of the import's chunks comes back only to that edit, and the row is named."""
        table, label = RESTORABLE[entity]
        by_row = self._items(entity, ids)
        done: list = []
        for part in pieces(sorted(by_row)):
            stmt = select(table.id, table.version, label, table.owner_id, table.team_id)
            stmt = stmt.where(table.id.in_(part)).order_by(table.id).with_for_update()
            rows = {r[0]: r for r in self.session.execute(stmt)}
            for row_id in part:
                items, row = by_row[row_id], rows.get(row_id)
                if row is None:
                    self.left.append((entity, row_id, "", "changed_since"))
                    continue
                if not may_edit(self.actor, row[3], row[4]):
                    self.left.append((entity, row_id, row[2], "not_yours"))
                    continue
                if row[1] != items[-1].version_after:
                    self.left.append((entity, row_id, row[2], "changed_since"))
                    continue
                chain = [items[-1]]
                for item in reversed(items[:-1]):
                    if item.version_after != chain[-1].version_after - 1:
                        self.left.append((entity, row_id, row[2], "changed_since"))
                        break
                    chain.append(item)
                before: dict = {}
                for item in chain:  # newest first: the oldest's values win
                    before.update(decode_values(item.before))
                self._put_back(table, entity, row_id, before)
                done += chain
        self._done(done)

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

    def contacts(self, ids: list[int]) -> None:
        """Contacts the import changed or added to customers already there.

        Contacts have no version, and editing one changes nothing on its customer. Rather than
        a version column (a migration, and every writer of contacts bumping it), each item
        keeps the contact as the import left it (excel_context.CONTACT_ROW, under AFTER): a
        contact is restored or removed only while it still is exactly that, else it stays and
        is named "changed_since". Its items are undone newest first, each compared with the
        state the newer one's undo left. Being made primary since counts as a change; losing
        the primary role to another contact does not. Items of imports older than this rule
        (no AFTER) are undone as before, unconditionally. Contacts of customers the import
        created are left to remove_customers."""
        by_row = self._items("contact", ids, ("updated", "created", DONE))
        cols = [
            Contact.id,
            Contact.customer_id,
            Contact.import_id,
            *(getattr(Contact, f) for f in CONTACT_ROW),
        ]
        done: list = []
        for part in pieces(ids):
            stmt = select(
                *cols, Customer.owner_id, Customer.team_id, Customer.import_id.label("of")
            ).join(Customer, Customer.id == Contact.customer_id)
            stmt = stmt.where(Contact.id.in_(part)).with_for_update(of=Contact)
            rows = {r.id: r for r in self.session.execute(stmt.order_by(Contact.id))}
            for contact_id in part:
                row = rows.get(contact_id)
                items = [i for i in by_row.get(contact_id, []) if i.action != DONE]
                if row is None:  # gone (removed by hand)
                    done += items
                    continue
                if row.of == self.import_id or (contact_id in by_row and not items):
                    continue  # remove_customers' / done by an earlier run
                if not may_edit(self.actor, row.owner_id, row.team_id):
                    self.left.append(("contact", contact_id, row.name, "not_yours"))
                    continue
                if not items:  # added by an import older than its items: as it used to be
                    if row.import_id == self.import_id:
                        self._remove_contact(row)
                    continue
                if self._contact_back(row, items):
                    done += items
                else:
                    self.left.append(("contact", contact_id, row.name, "changed_since"))
        self._done(done)

    def _contact_back(self, row, items: list) -> bool:
        now = {f: getattr(row, f) for f in CONTACT_ROW}
        restored: dict = {}
        for item in reversed(items):
            values = decode_values(item.before)
            after = values.pop(AFTER, None)
            if after is not None and not _same_contact(now, after, item.action == "created"):
                return False
            if item.action == "created":
                self._remove_contact(row)
                return True
            now.update(values)
            restored.update(values)
        if restored:
            for f in ("mobile", "phone"):
                if f in restored:
                    restored[f"{f}_digits"] = phone_key(restored[f])
            self.session.execute(
                update(Contact.__table__).where(Contact.id == row.id).values(**restored)
            )
            self.reindex.add(row.customer_id)
            self.note("contacts", [row.customer_id])
            self.restored += 1
        return True

    def _remove_contact(self, row) -> None:
        self.session.execute(delete(Contact).where(Contact.id == row.id))
        self.removed += 1
        self.reindex.add(row.customer_id)
        self.note("contacts", [row.customer_id])

    # ------------------------------------------------------------ created rows gone
    def remove_deals(self, ids: list[int]) -> None:
        """Deals the import created and nobody touched since (version 1, no contract)."""
        for part in pieces(ids):
            contract = exists().where(Contract.deal_id == Deal.id)
            stmt = select(
                Deal.id, Deal.title, Deal.version, Deal.customer_id, contract, Deal.owner_id,
                Deal.team_id,
            )  # fmt: skip
            rows = self.session.execute(stmt.where(Deal.id.in_(part)).with_for_update(of=Deal))
            gone, customers = [], set()
            for did, title, version, customer_id, has_contract, owner, team in rows:
                if version != 1 or has_contract:
                    self.left.append(
                        ("deal", did, title, "has_records" if has_contract else "changed_since")
                    )
                    continue
                if not may_edit(self.actor, owner, team):
                    self.left.append(("deal", did, title, "not_yours"))
                    continue
                gone.append(did)
                customers.add(customer_id)
            if gone:
                self.session.execute(delete(Deal).where(Deal.id.in_(gone)))
                self.removed += len(gone)
                self.note("deals", customers)

    def remove_customers(self, ids: list[int]) -> None:
        """Customers the import created, unchanged since (version 1) and with nothing but what
        the import gave them: no deal, no contract, no contact or follow-up of anyone else."""
        x = self.import_id
        others = or_(FollowUp.import_id.is_(None), FollowUp.import_id != x)
        other_contacts = or_(Contact.import_id.is_(None), Contact.import_id != x)
        for part in pieces(ids):
            stmt = select(
                Customer.id,
                Customer.name,
                Customer.version,
                exists().where(Deal.customer_id == Customer.id),
                exists().where(Contract.customer_id == Customer.id),
                exists().where(FollowUp.customer_id == Customer.id, others),
                exists().where(Contact.customer_id == Customer.id, other_contacts),
                Customer.owner_id,
                Customer.team_id,
                Customer.pool_id,
            ).where(Customer.id.in_(part))
            gone = []
            for (
                cid,
                name,
                version,
                deals,
                contracts,
                follow,
                people,
                owner,
                team,
                pool,
            ) in self.session.execute(stmt.order_by(Customer.id).with_for_update(of=Customer)):
                if version != 1 or deals or contracts or follow or people:
                    reason = "changed_since" if version != 1 else "has_records"
                    self.left.append(("customer", cid, name, reason))
                elif pool is None and not may_edit(self.actor, owner, team):
                    self.left.append(("customer", cid, name, "not_yours"))
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

    def remove_follow_ups(self, ids: list[int]) -> None:
        """Follow-ups the import added to customers it did not create (the caller orders them
        by customer), not on a customer the actor may no longer edit."""
        for part in pieces(ids):
            stmt = select(FollowUp.id, FollowUp.customer_id, Customer.owner_id, Customer.team_id)
            stmt = stmt.join(Customer, Customer.id == FollowUp.customer_id)
            rows = self.session.execute(
                stmt.where(FollowUp.id.in_(part)).with_for_update(of=FollowUp)
            ).all()
            mine = [(f, c) for f, c, owner, team in rows if may_edit(self.actor, owner, team)]
            names = dict(
                self.session.execute(
                    select(Customer.id, Customer.name).where(
                        Customer.id.in_({c for f, c, *_ in rows} - {c for _f, c in mine})
                    )
                ).all()
            )
            for f, c, owner, team in rows:
                if not may_edit(self.actor, owner, team):
                    self.left.append(("follow_up", f, names.get(c, ""), "not_yours"))
            if not mine:
                continue
            going = [f for f, _c in mine]
            customers = sorted({c for _f, c in mine})
            self._follow_up_dates_before(customers, going)
            self.session.execute(delete(FollowUp).where(FollowUp.id.in_(going)))
            self.removed += len(going)
            self.note("follow_up", customers)

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

    def retire_users(self, ids: list[int]) -> None:
        """Users the import made, deactivated unless they own something now."""
        for uid in ids:
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


def _same_contact(now: dict, after: dict, created: bool) -> bool:
    """Whether a contact is still as the import left it: its fields, and (for one the import
    added) not made primary since."""
    for f in CONTACT_ROW:
        if f == "is_primary":
            if created and now[f] and not after.get(f):
                return False
        elif f in after and (now[f] or None) != (after[f] or None):
            return False
    return True
