"""The workspace's methods for payments received, invoices and receivables (payments.py,
receivables.py): each one unit of work (workspace.py)."""

from __future__ import annotations


class PaymentMethods:
    pass
