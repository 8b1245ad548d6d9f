"""The wizard's guess of what a sheet holds, from its column titles."""

from __future__ import annotations

import pytest

from crmdesk.models.excel_guess import guess_kind

KINDS = ("customers", "contacts", "follow_ups", "deals", "contracts", "payments")


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (["客户名称", "联系人", "手机", "省份", "城市", "客户级别", "负责人"], "customers"),
        (["商机名称", "客户名称", "阶段", "金额", "负责人", "预计成交日期"], "deals"),
        (["Opportunity Name", "Account Name", "Stage", "Amount", "Close Date"], "deals"),
        (["客户名称", "跟进方式", "跟进内容", "跟进时间", "跟进人"], "follow_ups"),
        (["合同编号", "客户名称", "合同名称", "合同金额", "签订日期", "结束日期"], "contracts"),
        (["合同编号", "回款日期", "回款金额", "付款方式"], "payments"),
        (["客户名称", "联系人", "手机", "邮箱"], "customers"),  # as well as contacts: kept
    ],
)
def test_the_titles_decide_when_they_fit_another_kind_clearly(headers, expected):
    assert guess_kind(headers, KINDS, "customers") == expected


def test_the_kind_chosen_stays_on_a_tie_and_only_allowed_kinds_are_offered():
    contacts = ["客户名称", "联系人", "手机", "邮箱"]
    assert guess_kind(contacts, KINDS, "contacts") == "contacts"
    deals = ["商机名称", "客户名称", "阶段", "金额"]
    assert guess_kind(deals, ("contracts", "payments"), "contracts") == "contracts"
    assert guess_kind(["随便", "什么"], KINDS, "customers") == "customers"
