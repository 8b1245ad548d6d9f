"""The customer page's detail panel: built a part at a time while the window is idle, attached
beside the list when whole or at the first selection (whichever comes first). A part of
CustomersPage kept in a module of its own."""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer

from crmdesk.views.customer_detail import CustomerDetailPanel

log = logging.getLogger(__name__)

PREBUILD_AFTER_MS = 300  # the detail panel's first part, after the list is counted


class DetailHost:
    """Mixed into CustomersPage, whose ctx, splitter, _choices and select_customer it uses."""

    def _start_detail_host(self) -> None:
        # The panel, ~70 ms of widgets, is built a part at a time once the list is counted
        # (_prebuild_detail), or whole at a selection that comes first.
        self._detail: CustomerDetailPanel | None = None
        self._building: CustomerDetailPanel | None = None  # being built
        # The page's own (a static single shot would still fire once the page is gone).
        self._build_timer = QTimer(self, singleShot=True, interval=0)
        self._build_timer.timeout.connect(self._build_detail_step)

    @property
    def detail(self) -> CustomerDetailPanel:
        return self._ensure_detail()

    def _ensure_detail(self) -> CustomerDetailPanel:
        if self._detail is None:
            panel, self._building = self._building, None
            panel = panel or self._new_detail()
            panel.finish_building()  # the rest of it, if selected before it was built
            self._attach_detail(panel)
        return self._detail  # type: ignore[return-value]  # attached just above

    def _attach_detail(self, panel: CustomerDetailPanel) -> None:
        if self._choices is not None:
            c = self._choices
            panel.set_choices(c.industries, c.provinces, c.sources)
        panel.open_requested.connect(self.select_customer)
        sizes = self.splitter.sizes()
        panel.show()  # before the splitter takes it (a hidden one got no width there)
        self.splitter.replaceWidget(1, panel).deleteLater()
        self.splitter.setSizes(sizes)
        self._detail = panel

    def _new_detail(self) -> CustomerDetailPanel:
        """The page's child, hidden until attached: parentless, a closed page's half-built one
        was Python's to delete at any collection (a worker thread then deadlocked the GUI's)."""
        panel = CustomerDetailPanel(self.ctx, self, staged=True)
        panel.hide()
        return panel

    def _prebuild_detail(self) -> None:
        """The detail panel built a part each pass of the event loop (2-20 ms), so the first
        selection finds it ready (built whole then, the window did not answer for 52-84 ms:
        bench/responsiveness.py). After the count (its worker held Python's lock up to 0.3 s
        against the parts) and 0.3 s more: a count may come before the rows paint, and begun
        at once the parts took that first paint at 1,000,000 customers from 82-120 to
        122-153 ms."""
        if self._detail is None and self._building is None:
            self._building = self._new_detail()
            self._build_timer.start(PREBUILD_AFTER_MS)

    def _build_detail_step(self) -> None:
        panel = self._building
        if panel is None:  # a selection finished it meanwhile
            return
        if panel.whole():
            self._ensure_detail()  # shown in a pass of its own
            return
        try:
            panel.build_step()
        except Exception:  # a part that failed: the panel is dropped, a selection builds anew
            log.exception("building the customer detail panel")
            self._building = None
            panel.deleteLater()
            return
        self._build_timer.start(0)
