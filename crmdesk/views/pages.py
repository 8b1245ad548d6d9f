"""The main window's pages: which there are, in the navigation's order, how each is built (the
first time it is shown: a page's module is imported then), its title and its icon."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from crmdesk.views.context import PageContext


def _today(ctx: PageContext) -> QWidget:
    from crmdesk.views.today_page import TodayPage

    return TodayPage(ctx)


def _customers(ctx: PageContext) -> QWidget:
    from crmdesk.views.customer_page import CustomersPage

    return CustomersPage(ctx)


def _pool(ctx: PageContext) -> QWidget:
    from crmdesk.views.pool_page import PoolPage

    return PoolPage(ctx)


def _pipeline(ctx: PageContext) -> QWidget:
    from crmdesk.views.pipeline_page import PipelinePage

    return PipelinePage(ctx)


def _approvals(ctx: PageContext) -> QWidget:
    from crmdesk.views.approvals_page import ApprovalsPage

    return ApprovalsPage(ctx)


def _contracts(ctx: PageContext) -> QWidget:
    from crmdesk.views.contracts_page import ContractsPage

    return ContractsPage(ctx)


def _recycle_bin(ctx: PageContext) -> QWidget:
    from crmdesk.views.recycle_bin_page import RecycleBinPage

    return RecycleBinPage(ctx)


PAGES: dict[str, Callable[[PageContext], QWidget]] = {
    "today": _today,
    "customers": _customers,
    "pool": _pool,
    "pipeline": _pipeline,
    "approvals": _approvals,
    "contracts": _contracts,
    "recycle_bin": _recycle_bin,
}
ICONS = {"approvals": "approval", "contracts": "contract"}  # an icon key not the page's own


def page_titles() -> dict[str, str]:
    """The navigation's words (in the main window's translation context, where they were)."""
    return {
        "today": QCoreApplication.translate("MainWindow", "Today"),
        "customers": QCoreApplication.translate("MainWindow", "Customers"),
        "pool": QCoreApplication.translate("MainWindow", "Pool"),
        "pipeline": QCoreApplication.translate("MainWindow", "Pipeline"),
        "approvals": QCoreApplication.translate("MainWindow", "Approvals"),
        "contracts": QCoreApplication.translate("MainWindow", "Contracts"),
        "recycle_bin": QCoreApplication.translate("MainWindow", "Recycle bin"),
    }
