"""What the deals importer takes (excel_fields.FIELDS gets it from here), as
excel_contract_fields does for contracts and payments: excel_fields builds the FieldSpecs with
its own helper and passes it in (deal_fields), with the alias texts the importers share.
"""

from __future__ import annotations

from collections.abc import Callable

from crmdesk.models.excel_types import FieldSpec
from crmdesk.models.schema import Customer, User
from crmdesk.models.schema_deals import Deal, DealLine, Stage


def deal_fields(
    f: Callable[..., FieldSpec], customer: str, customer_id: str, owner: str, created: str
) -> dict[str, tuple[FieldSpec, ...]]:
    """FIELDS["deals"], built with excel_fields' helper f(key, kind, column, aliases,
    required) and its shared alias texts. A deal's probability (kind "percent", the rule
    excel_values.percent) is its own, 0–100; a deal without one takes its stage's."""
    return {
        "deals": (
            f("external_id", "text", Deal.external_id,
              "商机编号|external id|商机id|机会编号|机会id|项目编号|编号|id|deal id|"
              "opportunity id|record id|crm id"),
            f("title", "text", Deal.title,
              "商机名称|deal name|机会名称|项目名称|商机|机会|销售机会|商机标题|标题|名称|项目|"
              "opportunity|opportunity name|deal|title|name", required=True),
            f("customer", "text", Customer.name, customer),
            f("customer_external_id", "text", Customer.external_id, customer_id),
            f("owner", "user", User.name,
              owner + "|商机负责人|商机所有人|deal owner|opportunity owner"),
            f("stage", "stage", Stage.name,
              "阶段|stage|销售阶段|商机阶段|当前阶段|机会阶段|进展阶段|商机状态|状态|deal stage|"
              "pipeline stage|sales stage|opportunity stage|status", required=True),
            f("amount", "money", None,
              "金额|amount|预计金额|成交金额|商机金额|预计成交金额|合同金额|销售金额|预算金额|"
              "总金额|金额(元)|deal amount|value|deal value|opportunity amount|total|revenue|"
              "expected revenue"),
            f("probability", "percent", None,
              "赢率|probability|成交概率|赢单率|可能性|概率|probability (%)|win probability|"
              "win %|赢单概率|成交可能性|deal probability|probability %"),
            f("product", "text", DealLine.name,
              "产品|product|产品名称|意向产品|商品|产品线|product name|products|item"),
            f("created_at", "datetime", None, created + "|立项时间|立项日期"),
            f("close_date", "date", None,
              "预计成交日期|close date|结单日期|成交日期|预计结单日期|预计签单日期|签单日期|"
              "关闭日期|赢单日期|输单日期|结束日期|closed date|expected close date|close|"
              "closing date|expected close|date closed|won date|lost date"),
            f("lost_reason", "text", Deal.lost_text,
              "输单原因|lost reason|丢单原因|失败原因|关闭原因|loss reason|closed lost reason|"
              "reason lost|reason"),
            f("source", "text", Deal.source,
              "来源|source|商机来源|线索来源|机会来源|渠道|lead source|deal source|"
              "opportunity source|original source"),
            f("notes", "text", Deal.notes,
              "备注|notes|说明|描述|商机描述|备注信息|note|description|remark|remarks|comments|"
              "comment|memo"),
        ),
    }  # fmt: skip
