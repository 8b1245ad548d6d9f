"""Undoing an import's contracts and payments (excel_undo.undo_import calls it before the deals
and customers go, since they hang off those): the payments it recorded are deleted and each
contract's totals placed again; the contracts it created are deleted where nobody changed
them since and nothing but the import's payments hangs off them. Customers' rows are locked
before the contracts', as every contract write does."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import delete, exists, select

from crmdesk.models.contract_totals import refresh_contract_totals
from crmdesk.models.excel_link import pieces
from crmdesk.models.schema import Customer
from crmdesk.models.schema_contracts import Contract, Invoice, Payment

if TYPE_CHECKING:
    from crmdesk.models.excel_undo import _Undo


def remove_contract_rows(undo: _Undo) -> None:
    _remove_payments(undo)
    _remove_contracts(undo)


def _lock(undo: _Undo, contract_ids: list[int]) -> dict[int, int]:
    """The contracts locked after their customers; contract id → customer id."""
    session = undo.session
    owners: dict[int, int] = {}
    for part in pieces(contract_ids):
        stmt = select(Contract.id, Contract.customer_id).where(Contract.id.in_(part))
        owners.update(session.execute(stmt).all())
    for part in pieces(sorted(set(owners.values()))):
        stmt = select(Customer.id).where(Customer.id.in_(part)).order_by(Customer.id)
        session.execute(stmt.with_for_update()).all()
    for part in pieces(sorted(owners)):
        stmt = select(Contract.id).where(Contract.id.in_(part)).order_by(Contract.id)
        session.execute(stmt.with_for_update()).all()
    return owners


def _remove_payments(undo: _Undo) -> None:
    """The payments the import recorded, except those voided since (someone acted on them:
    they stay, named); the contracts' totals placed again without them."""
    session = undo.session
    stmt = select(Payment.id, Payment.contract_id, Payment.amount, Payment.voided_at).where(
        Payment.import_id == undo.import_id
    )
    rows = session.execute(stmt.order_by(Payment.id)).all()
    if not rows:
        return
    owners = _lock(undo, sorted({r.contract_id for r in rows}))
    gone = []
    for r in rows:
        if r.voided_at is not None:
            undo.left.append(("payment", r.id, f"{r.amount}", "changed_since"))
        else:
            gone.append(r.id)
    for part in pieces(gone):
        session.execute(delete(Payment).where(Payment.id.in_(part)))  # allocations cascade
    touched = sorted({r.contract_id for r in rows if r.id in set(gone)})
    for contract_id in touched:
        refresh_contract_totals(session, contract_id)
    undo.removed += len(gone)
    undo.note("payments", {owners[c] for c in touched if c in owners})


def _remove_contracts(undo: _Undo) -> None:
    """The contracts the import created, unchanged since (version 1) and with no payment or
    invoice of anyone else's; with them go their plans, lines and histories."""
    session = undo.session
    stmt = select(Contract.id).where(Contract.import_id == undo.import_id).order_by(Contract.id)
    ids = list(session.scalars(stmt))
    if not ids:
        return
    _lock(undo, ids)
    for part in pieces(ids):
        stmt = select(
            Contract.id,
            Contract.number,
            Contract.version,
            Contract.customer_id,
            exists().where(Payment.contract_id == Contract.id),
            exists().where(Invoice.contract_id == Contract.id),
        ).where(Contract.id.in_(part))
        gone, customers = [], set()
        for cid, number, version, customer_id, paid, invoiced in session.execute(stmt):
            if version != 1 or paid or invoiced:
                reason = "changed_since" if version != 1 else "has_records"
                undo.left.append(("contract", cid, number, reason))
                continue
            gone.append(cid)
            customers.add(customer_id)
        if gone:
            session.execute(delete(Contract).where(Contract.id.in_(gone)))
            undo.removed += len(gone)
            undo.note("contracts", customers)
