"""What the contracts and payments importers take (excel_fields.FIELDS gets them from here), the
value rules of their own (a contract's status and a payment's method from their Chinese and
English names), and the example row of their templates.

Kept apart from excel_fields.py, which builds FieldSpecs with its own helper and passes it in
(contract_fields), so the shared alias texts (customer, owner, notes) stay in one place.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from crmdesk.models.excel_types import FieldSpec
from crmdesk.models.schema import Customer, User
from crmdesk.models.schema_contracts import CONTRACT_STATUSES, PAYMENT_METHODS, Contract, Payment
from crmdesk.models.schema_deals import Deal

_NUMBER = (
    "合同编号|contract no.|合同号|合同编码|合同代码|合同序号|contract number|contract no|"
    "contract id|contract #|contract code"
)


def contract_fields(
    f: Callable[..., FieldSpec], customer: str, customer_id: str, owner: str, notes: str
) -> dict[str, tuple[FieldSpec, ...]]:
    """FIELDS["contracts"] and FIELDS["payments"], built with excel_fields' helper
    f(key, kind, column, aliases, required) and its shared alias texts."""
    return {
        "contracts": (
            f("number", "text", Contract.number, _NUMBER + "|编号|number|no."),
            f("customer", "text", Customer.name, customer + "|签约客户|签约方|甲方|客户方"),
            f("customer_external_id", "text", Customer.external_id, customer_id),
            f("deal", "text", Deal.title,
              "商机|deal|商机名称|关联商机|所属商机|商机编号|销售机会|机会名称|opportunity|"
              "opportunity name|deal name|deal id|opportunity id"),
            f("title", "text", Contract.title,
              "合同名称|title|合同标题|合同主题|合同名|名称|标题|contract name|contract title|"
              "name|subject", required=True),
            f("amount", "money", None,
              "合同金额|amount|金额|合同总额|合同总金额|签约金额|总金额|合同额|金额(元)|"
              "contract amount|contract value|total amount|value|total"),
            f("signed_on", "date", None,
              "签约日期|signed on|签订日期|签署日期|签约时间|签订时间|签约日|签订日|"
              "signed|signed date|signing date|date signed|contract date"),
            f("starts_on", "date", None,
              "开始日期|starts on|生效日期|起始日期|合同开始日期|开始时间|起始时间|start date|"
              "start|effective date|contract start date|starts"),
            f("ends_on", "date", None,
              "结束日期|ends on|到期日期|终止日期|截止日期|合同结束日期|合同到期日期|到期日|"
              "结束时间|到期时间|end date|end|expiry date|expiration date|contract end date|"
              "ends|expires"),
            f("owner", "user", User.name, owner + "|合同负责人|签约人|签单人|contract owner"),
            f("status", "contract_status", None,
              "合同状态|status|状态|执行状态|履行状态|contract status|state"),
            f("notes", "text", Contract.notes, notes + "|合同备注|合同说明"),
        ),
        "payments": (
            f("contract", "text", Contract.number,
              _NUMBER + "|所属合同|关联合同|合同|contract|编号|number", required=True),
            f("received_on", "date", None,
              "回款日期|received on|到账日期|收款日期|付款日期|回款时间|到账时间|收款时间|"
              "实收日期|日期|payment date|date received|received date|date paid|paid on|"
              "received|date", required=True),
            f("amount", "money", None,
              "回款金额|amount|到账金额|收款金额|付款金额|实收金额|回款额|金额|金额(元)|"
              "payment amount|amount received|received amount|amount paid|paid amount",
              required=True),
            f("method", "method", None,
              "付款方式|method|收款方式|回款方式|支付方式|结算方式|payment method|pay method|"
              "method of payment|payment type"),
            f("reference", "text", Payment.reference,
              "流水号|reference|凭证号|交易流水号|银行流水号|单据号|收据号|回单号|票据号|"
              "参考号|transaction id|transaction no|transaction number|reference no|"
              "reference number|ref|ref no|voucher no|receipt no"),
            f("note", "text", Payment.note,
              "备注|note|说明|摘要|附言|用途|notes|remark|remarks|memo|description|comment"),
        ),
    }  # fmt: skip


def _words(table: dict[str, str]) -> dict[str, str]:
    """{normalized name: code}: "|"-separated names by code, our codes themselves too."""
    out: dict[str, str] = {}
    for code, names in table.items():
        for name in (code, *names.split("|")):
            out[_norm(name)] = code
    return out


def _norm(v: Any) -> str:
    s = v if isinstance(v, str) else str(v)
    return unicodedata.normalize("NFKC", s).casefold().replace(" ", "").replace("_", "")


_STATUS_WORDS = _words({
    "draft": "草稿|草拟|拟定|起草|起草中|新建|待签|待签约|待签订|未签约|未签订|未生效|待审批|"
             "审批中|new|pending|unsigned|not signed|drafted",
    "active": "执行中|履行中|生效|已生效|生效中|进行中|已签约|已签订|已签署|签约|有效|正常|"
              "signed|in effect|in progress|activated|effective|executing|open|ongoing|"
              "in force",
    "completed": "已完成|完成|履行完毕|执行完毕|已结束|结束|已到期|到期|已履行|已结清|结清|"
                 "complete|finished|closed|fulfilled|expired|done|ended",
    "terminated": "终止|已终止|解除|已解除|作废|已作废|取消|已取消|中止|已中止|"
                  "cancelled|canceled|void|voided|rescinded|annulled",
})  # fmt: skip
_METHOD_WORDS = _words({
    "bank_transfer": "银行转账|转账|银行汇款|汇款|电汇|网银|网银转账|对公转账|公对公|银行|"
                     "bank transfer|transfer|wire|wire transfer|bank|t/t|tt|ach|remittance",
    "cash": "现金|现款|现金支付|cash",
    "cheque": "支票|转账支票|现金支票|汇票|承兑|承兑汇票|银行承兑汇票|商业承兑汇票|本票|"
              "cheque|check|bank draft|draft|acceptance",
    "online": "微信|微信支付|微信转账|支付宝|支付宝转账|在线支付|网上支付|线上支付|线上|扫码|"
              "扫码支付|刷卡|pos|wechat|wechat pay|weixin|alipay|online|card|credit card|"
              "debit card|paypal",
})  # fmt: skip
assert set(_STATUS_WORDS.values()) == set(CONTRACT_STATUSES)
assert set(_METHOD_WORDS.values()) == set(PAYMENT_METHODS)


def contract_status(v: Any) -> str:
    """draft, active, completed or terminated from their Chinese and English names (执行中,
    已签约, 已完成, 作废, Signed, Closed …); else "bad_contract_status"."""
    found = _STATUS_WORDS.get(_norm(v))
    if found is None:
        raise ValueError("bad_contract_status")
    return found


def payment_method(v: Any) -> str:
    """bank_transfer, cash, cheque or online (微信, 支付宝, cards) from their names; else
    "bad_method"."""
    found = _METHOD_WORDS.get(_norm(v))
    if found is None:
        raise ValueError("bad_method")
    return found


# The templates' example rows (excel_report.write_template), where a field's key means another
# thing than the other importers' (a contract's title is no job title).
EXAMPLES: dict[str, dict[str, Any]] = {
    "contracts": {
        "number": "HT-2024-0001", "deal": "", "title": "CRM 标准版年度订阅",
        "amount": Decimal("120000.00"), "signed_on": date(2024, 3, 5),
        "starts_on": date(2024, 4, 1), "ends_on": date(2025, 3, 31), "status": "执行中",
        "notes": "",
    },
    "payments": {
        "contract": "HT-2024-0001", "received_on": date(2024, 3, 20),
        "amount": Decimal("60000.00"), "method": "银行转账", "reference": "20240320-0001",
        "note": "首付款",
    },
}  # fmt: skip
