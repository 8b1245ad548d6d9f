"""SettingsHistory: who changed which of the pools' settings and when, newest first, in words
("2026-12-05 15:30 · Ada · 华东公海: Claims per rep a day, Recycle rules"). A list the
administrators' dialogs show; it reads on the task runner and again when the settings change."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from crmdesk.models.changes import Change
from crmdesk.models.settings_log import SettingsChangeRow
from crmdesk.views.context import PageContext
from crmdesk.views.errors import error_text
from crmdesk.views.labels import labelled, listing, local_time, reason_label
from crmdesk.views.pool_settings_parts import PoolSettingsWords


class HistoryWords(QObject):
    def field(self, area: str, name: str) -> str:
        kind, _sep, what = name.partition(":")
        if area == "pool":
            if name == "created":
                return self.tr("created")
            extra = {"enabled": self.tr("On or off"), "everyone": self.tr("Open to everyone"),
                     "exempt_open_deals": self.tr("Open deals exempt")}  # fmt: skip
            return extra.get(name) or PoolSettingsWords().field_text(name)
        if area == "reasons":
            said = {"added": self.tr("added “%1”"), "on": self.tr("turned on “%1”"),
                    "off": self.tr("turned off “%1”")}.get(kind, "%1")  # fmt: skip
            return said.replace("%1", reason_label(what))
        if name == "count_won":
            return self.tr("whether won customers count")
        return {"team": self.tr("a team's caps"), "user": self.tr("a user's caps")}.get(kind, name)

    def none(self) -> str:
        return self.tr("No changes recorded yet.")

    def area(self, row: SettingsChangeRow) -> str:
        if row.area == "pool":
            return row.pool_name or self.tr("a pool since removed")
        return self.tr("Release reasons") if row.area == "reasons" else self.tr("Caps")

    def line(self, row: SettingsChangeRow) -> str:
        what = listing(dict.fromkeys(self.field(row.area, f) for f in row.fields))
        who = row.actor_name or self.tr("someone")
        return f"{local_time(row.at)} · {who} · " + labelled(self.area(row), what)


class SettingsHistory(QListWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWordWrap(True)
        ctx.bus.changed.connect(self._on_data_changed)
        self.reload()

    def reload(self) -> None:
        self.ctx.read(self.ctx.workspace.settings_changes, self._on_loaded, self._on_failed,
                      owner=self, key="settings_history")  # fmt: skip

    def _on_loaded(self, rows: list[SettingsChangeRow]) -> None:
        self.clear()
        words = HistoryWords()
        for row in rows:
            self.addItem(QListWidgetItem(words.line(row)))
        if not rows:
            self.addItem(QListWidgetItem(words.none()))

    def _on_failed(self, exc: BaseException) -> None:
        self.clear()
        self.addItem(QListWidgetItem(error_text(exc)))

    @Slot(object)
    def _on_data_changed(self, change: Change) -> None:
        if "pools" in change.kinds:
            self.reload()
