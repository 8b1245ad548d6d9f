"""The Excel import's part of the Workspace (workspace.py mixes it in): remembered mappings,
the stages a deals import maps to, running an import (its chunks are units of work of their
own, excel_apply.py), the history and undo (excel_undo.py), and the pools one may fill."""

from __future__ import annotations

from typing import Any

from crmdesk.models import excel_undo
from crmdesk.models.changes import WriteResult
from crmdesk.models.excel_types import (
    ImportOptions,
    ImportPlan,
    ImportResult,
    ImportRow,
    Mapping,
    UndoResult,
)
from crmdesk.models.policy import current_actor


class ExcelMethods:
    """Needs the Workspace's _read, _write, clock, db and actor."""

    def remembered_mapping(self, kind: str, headers: list[str]) -> Mapping | None:
        from crmdesk.models import excel_fields

        return self._read(lambda s: excel_fields.remembered_mapping(s, kind, headers))

    def remember_mapping(self, kind: str, headers: list[str], mapping: Mapping) -> WriteResult:
        from crmdesk.models import excel_fields

        now = self.clock()
        return self._write(
            lambda s, actor: excel_fields.remember_mapping(s, actor.id, kind, headers, mapping, now)
        )

    def import_plan_stages(self) -> list[tuple[int, str, str, str]]:
        """The default pipeline's stages as (id, name, code, kind): open ones in order, then
        won, then lost (what a deals import's stage names map to)."""
        from crmdesk.models.pipeline import list_pipelines

        def read(s) -> list[tuple[int, str, str, str]]:
            pipelines = list_pipelines(s)
            if not pipelines:
                return []
            default = next((p for p in pipelines if p.code == "default"), pipelines[0])
            return [(st.id, st.name, st.code, st.kind) for st in default.stages]

        return self._read(read)

    def apply_import(
        self,
        plan: ImportPlan,
        options: ImportOptions,
        file_name: str = "",
        sheet: str = "",
        control: Any = None,
    ) -> WriteResult[ImportResult]:
        """control: an object with progress(done, total) and cancelled() (tasks.TaskControl),
        or None. The change is that of every committed chunk."""
        from crmdesk.models.excel_apply import run_import

        self.actor = self.db.read(lambda s: current_actor(s, self.actor.id))
        return run_import(
            self.db,
            self.actor,
            plan,
            options,
            self.clock(),
            file_name=file_name,
            sheet=sheet,
            progress=getattr(control, "progress", None),
            cancelled=getattr(control, "cancelled", None),
        )

    def imports(self, limit: int = 200) -> list[ImportRow]:
        now = self.clock()
        return self._read(lambda s: excel_undo.list_imports(s, self.actor, limit, now))

    def undo_import(self, import_id: int, control: Any = None) -> WriteResult[UndoResult]:
        """Undo in units of work (excel_undo.run_undo). control: as apply_import's; cancelled,
        the result's complete is False and the import stays "undoing" (undo it again)."""
        self.actor = self.db.read(lambda s: current_actor(s, self.actor.id))
        return excel_undo.run_undo(
            self.db,
            self.actor,
            import_id,
            self.clock(),
            progress=getattr(control, "progress", None),
            cancelled=getattr(control, "cancelled", None),
        )

    def import_pools(self) -> list[tuple[int, str]]:
        """The pools the acting user may import customers into: every pool for an admin, the
        pools they administer for anyone else."""
        from crmdesk.models.pool import list_pools

        def read(s) -> list[tuple[int, str]]:
            return [(p.id, p.name) for p in list_pools(s) if p.is_admin(self.actor)]

        return self._read(read)
