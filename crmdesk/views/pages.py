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


def _targets(ctx: PageContext) -> QWidget:
    from crmdesk.views.targets_page import TargetsPage

    return TargetsPage(ctx)


def _reports(ctx: PageContext) -> QWidget:
    from crmdesk.views.reports_page import ReportsPage

    return ReportsPage(ctx)


def _work_reports(ctx: PageContext) -> QWidget:
    from crmdesk.views.work_reports_page import WorkReportsPage

    return WorkReportsPage(ctx)


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
    "targets": _targets,
    "reports": _reports,
    "work_reports": _work_reports,
    "recycle_bin": _recycle_bin,
}
ICONS = {"approvals": "approval", "contracts": "contract"}
# Pages whose module is being built (issue 12): listed here until it lands, so the navigation
# never offers a page that cannot open.
_COMING = {"targets": _targets}  # an icon key not the page's own


def page_titles() -> dict[str, str]:
    """The navigation's words (in the main window's translation context, where they were)."""
    return {
        "today": QCoreApplication.translate("MainWindow", "Today"),
        "customers": QCoreApplication.translate("MainWindow", "Customers"),
        "pool": QCoreApplication.translate("MainWindow", "Pool"),
        "pipeline": QCoreApplication.translate("MainWindow", "Pipeline"),
        "approvals": QCoreApplication.translate("MainWindow", "Approvals"),
        "contracts": QCoreApplication.translate("MainWindow", "Contracts"),
        "targets": QCoreApplication.translate("MainWindow", "Targets"),
        "reports": QCoreApplication.translate("MainWindow", "Reports"),
        "work_reports": QCoreApplication.translate("MainWindow", "Work reports"),
        "recycle_bin": QCoreApplication.translate("MainWindow", "Recycle bin"),
    }
