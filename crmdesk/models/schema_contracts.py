"""The schema of contracts and payment collection (合同与回款): contracts with their product
lines, payment plans (instalments), payments received and how each was applied to the
instalments, invoices, and a contract's history. Kept beside schema.py, which imports it;
migration 0010 creates the tables (0011: a payment's chosen instalment; 0013: the import_id
marking the contracts and payments an Excel import made).

A contract's `received` (payments applied), `credit` (what the plan could not take) and
`next_due_on` (the earliest instalment not yet fully paid) are kept in step by every write of
payments and plans (contracts.refresh_contract_totals places every live payment again):
the list sorts and filters 100,000 contracts by them from an index, not a GROUP BY per page.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crmdesk.models.schema import IMPORTED_ONLY, Base

Money = Numeric(14, 2)

CONTRACT_STATUSES = ("draft", "active", "completed", "terminated")
PAYMENT_METHODS = ("bank_transfer", "cash", "cheque", "online")
# What a contract's history records; approval_* reuse approvals.py (kind "contract").
CONTRACT_EVENT_KINDS = ("created", "edited", "status", "plan", "payment", "payment_voided",
                        "invoice", "approval_requested", "approved", "rejected")  # fmt: skip
# Settings (the settings table): the number pattern ({yyyy} {yy} {mm} and {seq:N}: the year's
# running number, N digits) and the approval limits ("" for none).
NUMBER_PATTERN_SETTING = "contracts.number_pattern"
DEFAULT_NUMBER_PATTERN = "HT-{yyyy}-{seq:4}"
APPROVAL_AMOUNT_SETTING = "contracts.approval_amount"
APPROVAL_DISCOUNT_SETTING = "contracts.approval_discount"


class Contract(Base):
    __tablename__ = "contracts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deals.id", ondelete="SET NULL"))
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    team_id: Mapped[int | None] = mapped_column(Integer)  # the owner's (policy.sync_teams)
    title: Mapped[str] = mapped_column(String(200))
    amount: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    received: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    credit: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))  # paid beyond the plan
    next_due_on: Mapped[date | None] = mapped_column(Date)
    signed_on: Mapped[date | None] = mapped_column(Date)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default="draft")  # CONTRACT_STATUSES
    # A pending approval (approvals.py, kind "contract"): activating waits for it.
    awaiting_approval: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    deleted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    import_id: Mapped[int | None] = mapped_column(Integer)  # the import that created it (0013)

    __mapper_args__ = {"version_id_col": version}

    __table_args__ = (
        Index("ix_contracts_import", "import_id", **IMPORTED_ONLY),
        Index("ix_contracts_owner", "owner_id", "signed_on"),
        Index("ix_contracts_team", "team_id", "signed_on"),
        Index("ix_contracts_customer", "customer_id"),
        Index("ix_contracts_deal", "deal_id"),
        Index("ix_contracts_signed", "signed_on"),
        Index("ix_contracts_status", "status", "ends_on"),
        Index("ix_contracts_next_due", "next_due_on"),
        Index("ix_contracts_ends", "ends_on"),
    )


class ContractLine(Base):
    __tablename__ = "contract_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal("1"))
    unit_price: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    discount: Mapped[Decimal] = mapped_column(Numeric(5, 2), default=Decimal("0"))

    __table_args__ = (Index("ix_contract_lines_contract", "contract_id", "position"),)


class Instalment(Base):
    """One payment the plan expects: due on a day, an amount, how much of it is paid."""

    __tablename__ = "instalments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    due_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money)
    paid: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    note: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (
        Index("ix_instalments_contract", "contract_id", "position"),
        # Reminders and ageing: instalments due by a day, unpaid first.
        Index("ix_instalments_due", "due_on"),
    )


class Payment(Base):
    """Money received (回款记录). Placed on the instalments in due order, a chosen one first
    (instalment_id, kept so the placing can be done again when the plan or another payment
    changes; PaymentAllocation rows say how); what the plan cannot take is its credit. A
    payment entered by mistake is voided (its allocations undone), never deleted."""

    __tablename__ = "payments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"))
    received_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money)
    credit: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))  # beyond the plan
    instalment_id: Mapped[int | None] = mapped_column(
        ForeignKey("instalments.id", ondelete="SET NULL")
    )  # paid first when it was chosen
    method: Mapped[str] = mapped_column(String(16), default="bank_transfer")  # PAYMENT_METHODS
    reference: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(String(500), default="")
    owner_id: Mapped[int | None] = mapped_column(Integer)  # the contract's owner, for reports
    team_id: Mapped[int | None] = mapped_column(Integer)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    voided_at: Mapped[datetime | None] = mapped_column(DateTime)
    voided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    import_id: Mapped[int | None] = mapped_column(Integer)  # the import that recorded it (0013)

    __table_args__ = (
        Index("ix_payments_import", "import_id", **IMPORTED_ONLY),
        Index("ix_payments_contract", "contract_id", "received_on"),
        # Payments received per month by rep (targets and reports).
        Index("ix_payments_received", "received_on", "owner_id", "amount"),
        # An instalment removed from a plan lets go of the payments that chose it.
        Index("ix_payments_instalment", "instalment_id"),
    )


class PaymentAllocation(Base):
    __tablename__ = "payment_allocations"

    payment_id: Mapped[int] = mapped_column(
        ForeignKey("payments.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    instalment_id: Mapped[int] = mapped_column(
        ForeignKey("instalments.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    amount: Mapped[Decimal] = mapped_column(Money)


class Invoice(Base):
    __tablename__ = "invoices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(50), default="")
    issued_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money)
    note: Mapped[str] = mapped_column(String(200), default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (Index("ix_invoices_contract", "contract_id", "issued_on"),)


class ContractEvent(Base):
    __tablename__ = "contract_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(24))  # CONTRACT_EVENT_KINDS
    at: Mapped[datetime] = mapped_column(DateTime)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    detail: Mapped[str] = mapped_column(String(500), default="")  # e.g. "active", "¥5000.00"

    __table_args__ = (Index("ix_contract_events_contract", "contract_id", "at"),)
