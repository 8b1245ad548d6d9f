"""The workspace's methods for payments received, invoices and receivables (payments.py,
receivables.py): each one unit of work (workspace.py). `today` is the user's local date, from
the clock, unless the caller passes one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from crmdesk.models import payments, receivables
from crmdesk.models.changes import WriteResult
from crmdesk.models.today import LIMIT, SectionResult, local_day


@dataclass(frozen=True)
class ReceivablesReport:
    """The receivables view's figures, read in one snapshot (so the reps', the customers' and
    the total add up even while payments are recorded)."""

    day: date
    by_owner: list[receivables.ReceivableRow]
    by_customer: list[receivables.ReceivableRow]
    total: receivables.Receivable


class PaymentMethods:
    """Needs the Workspace's _read, _write, clock and actor."""

    def _today(self, today: date | None) -> date:
        return today if today is not None else local_day(self.clock()).date

    # -- payments and invoices
    def record_payment(
        self, contract_id: int, data: payments.PaymentInput, as_credit: bool = False
    ) -> WriteResult[int]:
        return self._write(
            lambda s, actor: payments.record_payment(
                s, actor, contract_id, data, self.clock(), as_credit=as_credit
            )
        )

    def void_payment(self, payment_id: int) -> WriteResult[None]:
        return self._write(
            lambda s, actor: payments.void_payment(s, actor, payment_id, self.clock())
        )

    def record_invoice(self, contract_id: int, data: payments.InvoiceInput) -> WriteResult[int]:
        return self._write(
            lambda s, actor: payments.record_invoice(s, actor, contract_id, data, self.clock())
        )

    def delete_invoice(self, invoice_id: int) -> WriteResult[None]:
        return self._write(
            lambda s, actor: payments.delete_invoice(s, actor, invoice_id, self.clock())
        )

    # -- receivables
    def receivables_total(self, today: date | None = None) -> receivables.Receivable:
        day = self._today(today)
        return self._read(lambda s: receivables.receivables_total(s, self.actor, day))

    def receivables_by_owner(self, today: date | None = None) -> list[receivables.ReceivableRow]:
        day = self._today(today)
        return self._read(lambda s: receivables.receivables_by_owner(s, self.actor, day))

    def receivables_by_team(self, today: date | None = None) -> list[receivables.ReceivableRow]:
        day = self._today(today)
        return self._read(lambda s: receivables.receivables_by_team(s, self.actor, day))

    def receivables_by_customer(
        self, limit: int = LIMIT, today: date | None = None
    ) -> list[receivables.ReceivableRow]:
        day = self._today(today)
        return self._read(lambda s: receivables.receivables_by_customer(s, self.actor, day, limit))

    def receivables_report(
        self, limit: int = LIMIT, today: date | None = None
    ) -> ReceivablesReport:
        """By rep, the `limit` customers owing most, and the total: one unit of work."""
        day = self._today(today)

        def read(s) -> ReceivablesReport:
            return ReceivablesReport(
                day,
                receivables.receivables_by_owner(s, self.actor, day),
                receivables.receivables_by_customer(s, self.actor, day, limit),
                receivables.receivables_total(s, self.actor, day),
            )

        return self._read(read)

    def receivables_by_contract(
        self, customer_id: int | None = None, limit: int = LIMIT, today: date | None = None
    ) -> list[receivables.ContractReceivableRow]:
        day = self._today(today)
        return self._read(
            lambda s: receivables.receivables_by_contract(
                s, self.actor, day, customer_id=customer_id, limit=limit
            )
        )

    # -- reminders and reports
    def due_instalments(
        self, days: int = receivables.DUE_DAYS, mine: bool = True, today: date | None = None
    ) -> SectionResult[receivables.InstalmentDueRow]:
        day = self._today(today)
        return self._read(
            lambda s: receivables.due_instalments(s, self.actor, day, days=days, mine=mine)
        )

    def expiring_contracts(
        self, days: int = receivables.EXPIRING_DAYS, mine: bool = True, today: date | None = None
    ) -> SectionResult[receivables.ExpiringRow]:
        day = self._today(today)
        return self._read(
            lambda s: receivables.expiring_contracts(s, self.actor, day, days=days, mine=mine)
        )

    def payments_by_month(self, year: int) -> list[receivables.MonthRow]:
        return self._read(lambda s: receivables.payments_by_month(s, self.actor, year))
