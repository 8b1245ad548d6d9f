"""The workspace's methods for deals (deals.py), products and lost reasons (pipeline.py), pipeline
settings (pipeline_admin.py): each one unit of work (workspace.py)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from crmdesk.models import deals, pipeline, pipeline_admin
from crmdesk.models.changes import WriteResult


class DealMethods:
    """Needs the Workspace's _read, _write, clock and actor."""

    # -- deals
    def create_deal(self, data: deals.DealInput) -> WriteResult[int]:
        return self._write(lambda s, actor: deals.create_deal(s, actor, data, self.clock()))

    def update_deal(
        self, deal_id: int, data: deals.DealInput, base_version: int, overwrite: bool = False
    ) -> WriteResult[deals.DealDetail]:
        return self._write(
            lambda s, actor: deals.update_deal(
                s, actor, deal_id, data, base_version, self.clock(), overwrite=overwrite
            )
        )

    def delete_deal(self, deal_id: int) -> WriteResult[None]:
        return self._write(lambda s, actor: deals.delete_deal(s, actor, deal_id, self.clock()))

    def restore_deal(self, deal_id: int) -> WriteResult[None]:
        return self._write(lambda s, actor: deals.restore_deal(s, actor, deal_id, self.clock()))

    def deal(self, deal_id: int) -> deals.DealDetail:
        return self._read(lambda s: deals.read_deal(s, self.actor, deal_id))

    def customer_deals(self, customer_id: int) -> list[deals.DealRow]:
        return self._read(lambda s: deals.customer_deals(s, self.actor, customer_id))

    # -- what deals are made of
    def pipelines(self) -> list[pipeline.PipelineRow]:
        """The active pipelines with their active stages and questions."""
        return self._read(pipeline.list_pipelines)

    def all_pipelines(self) -> list[pipeline.PipelineRow]:
        """Turned-off pipelines too (the settings dialog); stages are the active ones."""
        return self._read(lambda s: pipeline.list_pipelines(s, active_only=False))

    def products(self) -> list[pipeline.ProductRow]:
        return self._read(pipeline.list_products)

    def all_products(self) -> list[pipeline.ProductRow]:
        return self._read(lambda s: pipeline.list_products(s, active_only=False))

    def lost_reasons(self) -> list[pipeline.ReasonRow]:
        return self._read(pipeline.lost_reasons)

    def all_lost_reasons(self) -> list[pipeline.ReasonRow]:
        return self._read(pipeline_admin.all_lost_reasons)

    # -- settings (administrators: pipeline_admin.py)
    def save_pipeline(
        self,
        pipeline_id: int | None,
        name: str,
        stages: Sequence[pipeline_admin.StageInput],
        base_version: int | None = None,
        active: bool | None = None,
    ) -> WriteResult[int]:
        return self._write(
            lambda s, actor: pipeline_admin.save_pipeline(
                s, actor, pipeline_id, name, stages, base_version, self.clock(), active=active
            )
        )

    def save_product(
        self, product_id: int | None, code: str, name: str, list_price: Decimal, active: bool = True
    ) -> WriteResult[int]:
        return self._write(
            lambda s, actor: pipeline_admin.save_product(
                s, actor, product_id, code, name, list_price, active, self.clock()
            )
        )

    def add_lost_reason(self, label: str) -> WriteResult[str]:
        return self._write(lambda s, actor: pipeline_admin.add_lost_reason(s, actor, label))

    def set_lost_reason_active(self, code: str, active: bool) -> WriteResult[None]:
        return self._write(
            lambda s, actor: pipeline_admin.set_lost_reason_active(s, actor, code, active)
        )
