"""What each importer takes (FIELDS), and how a sheet's header is mapped to it: the suggestion
from header texts in Chinese and English (exports of Salesforce, HubSpot, Zoho, 纷享销客,
悟空CRM, 销售易 and sheets kept by hand), mappings remembered by the header's signature, the
check that every required field is mapped, and the suggested map of another CRM's deal stages
to ours.

A header is compared normalized (NFKC, case-folded, without spaces, underscores, hyphens,
colons, dots and asterisks: "客户名称*", "E-mail", "Ｅｍａｉｌ：" are "客户名称", "email",
"email"). An alias equal to the header beats one contained in it ("客户名称（必填）"); among
contained ones the longest wins, then the one nearer the header's end (a Chinese header ends
in its head noun: 联系人电话 is a phone), then the alias listed first. Headers that name no field
of ours but would contain an alias ("Created By", "最后修改时间") are listed so they map to
nothing. Each field is mapped at most once: the best-scoring column, the first on a tie.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.models.checks import TEXT_LIMIT, limit_of
from crmdesk.models.excel_contract_fields import contract_fields
from crmdesk.models.excel_deal_fields import deal_fields
from crmdesk.models.excel_types import FieldSpec, Mapping
from crmdesk.models.schema import Contact, Customer, FollowUp, User
from crmdesk.models.schema_imports import IMPORT_KINDS, ImportMapping


def _f(key: str, kind: str, column: Any, aliases: str, required: bool = False) -> FieldSpec:
    """A field; aliases "|"-separated, the first the Chinese title a template uses, then the
    English one. column: the schema column giving the limit (None: no text limit applies)."""
    limit = limit_of(column) if column is not None else None
    names = tuple(a.strip().lower() for a in aliases.split("|") if a.strip())
    return FieldSpec(key, kind, required, limit, names)


_CUSTOMER_REF = (
    "客户名称|customer|客户|客户名|所属客户|公司名称|公司|单位名称|单位|企业名称|企业|关联客户|"
    "客户全称|公司全称|account name|account|company|company name|customer name|client|"
    "client name|organization|organisation|organization name|associated company"
)
_CUSTOMER_ID_REF = (
    "客户编号|customer id|客户id|客户编码|客户代码|所属客户编号|account id|company id|"
    "customer external id|account number|客户外部编号"
)
_TITLE = "职位|title|职务|头衔|岗位|job title|position|contact title"
_MOBILE = (
    "手机|mobile|手机号|手机号码|移动电话|手机电话|联系手机|mobile phone|cell|cell phone|"
    "cellphone|mobile number|mobile no|handphone"
)
_PHONE = (
    "电话|phone|座机|联系电话|电话号码|固定电话|固话|办公电话|公司电话|单位电话|联系方式|"
    "tel|telephone|phone number|work phone|office phone|business phone|landline|contact number"
)
_EMAIL = (
    "邮箱|email|电子邮箱|电子邮件|邮件|邮箱地址|电子邮件地址|e-mail|mail|email address|"
    "e-mail address|work email"
)
_WECHAT = "微信|wechat|微信号|wechat id|weixin|wx|微信账号"
_BIRTHDAY = "生日|birthday|出生日期|出生年月|birth date|date of birth|dob|birthdate"
_CREATED = (
    "创建时间|created time|创建日期|录入时间|录入日期|添加时间|添加日期|建档时间|建档日期|"
    "登记时间|登记日期|新建时间|created|created date|created at|create date|create time|"
    "date created|created on|creation date|creation time"
)
_OWNER = (
    "负责人|owner|销售|归属人|销售负责人|跟进人|所属销售|客户经理|业务员|销售员|销售人员|"
    "销售代表|所有人|客户所有人|拥有者|归属销售|责任人|sales agent|account owner|sales rep|"
    "salesperson|sales person|sales representative|assigned to|company owner|contact owner|"
    "record owner|owner name|hubspot owner|account manager|sales owner"
)
_SOURCE = (
    "来源|source|客户来源|线索来源|获客渠道|来源渠道|渠道|客户渠道|lead source|original source|"
    "account source|channel|origin"
)
_NOTES = (
    "备注|notes|说明|描述|备注信息|附言|简介|客户备注|客户描述|公司简介|note|description|"
    "remark|remarks|comments|comment|memo|about"
)

# fmt: off
FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "customers": (
        _f("name", "text", Customer.name,
           "客户名称|company name|客户名|客户|公司名称|公司名|公司|单位名称|单位|企业名称|企业|"
           "机构名称|客户全称|公司全称|名称|客户名字|商户名称|account|account name|company|"
           "customer|customer name|client|client name|organization|organisation|"
           "organization name|business name|name", required=True),
        _f("external_id", "text", Customer.external_id,
           "外部编号|external id|客户编号|客户id|客户编码|客户代码|编号|编码|id|account id|"
           "record id|customer id|company id|crm id|记录id|原系统编号|源系统id|account number"),
        _f("level", "level", None,
           "客户级别|level|级别|等级|客户等级|客户分级|价值等级|重要程度|customer level|rating|"
           "account rating|tier|grade|customer tier"),
        _f("status", "status", None,
           "客户状态|status|状态|客户阶段|生命周期阶段|成交状态|customer status|account status|"
           "lifecycle stage|lead status"),
        _f("industry", "text", Customer.industry,
           "行业|industry|所属行业|行业类别|行业分类|行业类型|客户行业|sector|vertical"),
        _f("province", "text", Customer.province,
           "省份|province|省|所在省份|省/直辖市|省份/直辖市|地区|区域|所在地区|所属地区|"
           "region|state|state/region|state/province|billing state|billing state/province|"
           "mailing state|shipping state"),
        _f("city", "text", Customer.city,
           "城市|city|市|所在城市|城市名称|地级市|town|billing city|mailing city|shipping city"),
        _f("address", "text", Customer.address,
           "地址|address|详细地址|公司地址|联系地址|通讯地址|办公地址|注册地址|街道地址|"
           "客户地址|street|street address|billing street|billing address|mailing street|"
           "mailing address|address line 1|full address"),
        _f("company_size", "text", Customer.company_size,
           "公司规模|company size|企业规模|规模|人员规模|员工人数|员工规模|人数|size|employees|"
           "number of employees|employee count|headcount"),
        _f("source", "text", Customer.source, _SOURCE),
        _f("tags", "tags", Customer.tags, "标签|tags|客户标签|标记|tag|labels|label"),
        _f("notes", "text", Customer.notes, _NOTES),
        _f("owner", "user", User.name, _OWNER),
        _f("created_at", "datetime", None, _CREATED),
        _f("contact_name", "text", Contact.name,
           "联系人|contact name|姓名|联系人姓名|联系人名称|联系人名字|主要联系人|首要联系人|"
           "主联系人|contact|contact person|primary contact|full name"),
        _f("contact_title", "text", Contact.title, _TITLE + "|联系人职位|联系人职务"),
        _f("mobile", "phone", Contact.mobile,
           _MOBILE + "|联系人手机|联系人手机号|联系人手机号码|contact mobile"),
        _f("phone", "phone", Contact.phone, _PHONE + "|联系人电话|contact phone"),
        _f("email", "email", Contact.email, _EMAIL + "|联系人邮箱|contact email"),
        _f("wechat", "text", Contact.wechat, _WECHAT + "|联系人微信"),
        _f("birthday", "date", None, _BIRTHDAY + "|联系人生日"),
    ),
    "contacts": (
        _f("customer", "text", Customer.name, _CUSTOMER_REF),
        _f("customer_external_id", "text", Customer.external_id, _CUSTOMER_ID_REF),
        _f("name", "text", Contact.name,
           "姓名|name|联系人|联系人姓名|名字|联系人名称|联系人名字|full name|contact name|"
           "contact|contact person", required=True),
        _f("title", "text", Contact.title, _TITLE + "|联系人职位|联系人职务"),
        _f("mobile", "phone", Contact.mobile, _MOBILE + "|联系人手机|联系人手机号"),
        _f("phone", "phone", Contact.phone, _PHONE + "|联系人电话"),
        _f("email", "email", Contact.email, _EMAIL + "|联系人邮箱"),
        _f("wechat", "text", Contact.wechat, _WECHAT),
        _f("birthday", "date", None, _BIRTHDAY),
        _f("is_primary", "bool", None,
           "首要联系人|primary|主要联系人|是否首要联系人|是否主要联系人|是否主联系人|主联系人|"
           "primary contact|is primary|main contact|默认联系人"),
    ),
    "follow_ups": (
        _f("customer", "text", Customer.name, _CUSTOMER_REF),
        _f("customer_external_id", "text", Customer.external_id, _CUSTOMER_ID_REF),
        _f("kind", "kind", None,
           "跟进方式|type|跟进类型|方式|类型|沟通方式|拜访方式|联系方式|活动类型|跟进形式|kind|"
           "activity type|method|follow-up type|follow up type|task type|event type"),
        _f("content", "text", FollowUp.content,
           "跟进内容|content|内容|跟进记录|沟通内容|拜访内容|沟通记录|记录|描述|备注|详情|跟进详情|"
           "小结|活动内容|notes|note|description|details|summary|comments|comment|body|"
           "activity|subject", required=True),
        _f("happened_at", "datetime", None,
           "跟进时间|date|跟进日期|时间|日期|沟通时间|沟通日期|拜访时间|拜访日期|联系时间|"
           "活动时间|活动日期|发生时间|实际跟进时间|创建时间|创建日期|date/time|time|datetime|"
           "activity date|follow-up date|follow up date|happened at|created date|created|"
           "created time|date created", required=True),
        _f("next_follow_up_at", "datetime", None,
           "下次跟进时间|next follow-up|下次跟进日期|下次联系时间|下次联系日期|下次跟进|"
           "下次拜访时间|计划跟进时间|next follow up|next follow-up date|next follow up date|"
           "next contact date|next step date|next activity date|reminder|reminder date"),
        _f("author", "user", User.name,
           "跟进人|author|记录人|创建人|负责人|销售|销售员|业务员|填写人|提交人|拜访人|"
           "owner|created by|assigned to|user|sales rep|logged by|salesperson"),
    ),
    **deal_fields(_f, _CUSTOMER_REF, _CUSTOMER_ID_REF, _OWNER, _CREATED),
    **contract_fields(_f, _CUSTOMER_REF, _CUSTOMER_ID_REF, _OWNER, _NOTES),
}
# fmt: on

# Headers that name none of our fields but contain an alias: mapped to nothing (a kind's own
# aliases take precedence: a follow-up's 创建人 is its author).
_IGNORED = (
    "created by|modified by|last modified by|last modified|last modified date|"
    "last modified time|updated by|updated at|last updated|last activity date|"
    "修改人|最后修改人|修改时间|最后修改时间|更新时间|更新人|最后更新时间|创建人|序号|no|"
    "owner id|负责人id|负责人编号|owner email|负责人部门|所属部门|部门|负责人电话|销售电话|"
    "负责人手机|owner phone|contact id|account type|parent account|account site|"
    "company domain name|website|opportunity type|客户类型|客户类别|客户性质|客户简称|"
    "上级客户|币种|currency"
)

_STRIP = str.maketrans("", "", " \t\r\n\u3000_-:*.·")


def normalize_header(text: Any) -> str:
    """A header as compared: NFKC, case-folded, without spaces and the marks above."""
    if text is None:
        return ""
    return unicodedata.normalize("NFKC", str(text)).casefold().translate(_STRIP)


def _index(kind: str) -> list[tuple[str, str, int]]:
    """(normalized alias, field key or "" for ignored, rank) of a kind."""
    out: list[tuple[str, str, int]] = []
    seen: set[str] = set()
    for spec in FIELDS[kind]:
        for rank, alias in enumerate(spec.aliases):
            n = normalize_header(alias)
            if n and n not in seen:
                seen.add(n)
                out.append((n, spec.key, rank))
    for alias in _IGNORED.split("|"):
        n = normalize_header(alias)
        if n and n not in seen:
            seen.add(n)
            out.append((n, "", 0))
    return out


_INDEX = {kind: _index(kind) for kind in FIELDS}


def _best(kind: str, header: str) -> tuple[str, tuple] | None:
    """The field a header suggests and the score it scores with, or None."""
    n = normalize_header(header)
    if not n:
        return None
    best: tuple[str, tuple] | None = None
    for alias, key, rank in _INDEX[kind]:
        if alias == n:
            return key, (2, 0, 0, -rank)
        # Inside a longer header: a Chinese alias of 2+ characters, an English one of 5+ (id,
        # tel, city would match inside other words).
        if len(alias) >= (5 if alias.isascii() else 2):
            at = n.rfind(alias)
            if at >= 0:
                score = (1, len(alias), at + len(alias), -rank)
                if best is None or score > best[1]:
                    best = key, score
    return best


def suggest_mapping(kind: str, headers: Sequence[Any]) -> Mapping:
    """Column index → field key for the headers this kind's aliases recognize."""
    candidates = []
    for column, header in enumerate(headers):
        found = _best(kind, header)
        if found is not None and found[0]:
            candidates.append((found[1], -column, found[0]))
    candidates.sort(reverse=True)
    columns: dict[int, str] = {}
    taken: set[str] = set()
    for _score, negative, key in candidates:
        if key not in taken:
            taken.add(key)
            columns[-negative] = key
    return Mapping(dict(sorted(columns.items())))


def known_header(kind: str, header: Any) -> bool:
    """Whether a header names a field of this kind (guess_header_row's `known`)."""
    found = _best(kind, header)
    return found is not None and bool(found[0])


def field_spec(kind: str, key: str) -> FieldSpec:
    for spec in FIELDS[kind]:
        if spec.key == key:
            return spec
    raise KeyError(key)


def header_signature(headers: Sequence[Any]) -> str:
    """What identifies a sheet's layout: sha1 of its normalized non-empty headers in order."""
    names = [n for n in (normalize_header(h) for h in headers) if n]
    return hashlib.sha1("\x1f".join(names).encode("utf-8")).hexdigest()


def mapping_to_json(mapping: Mapping, headers: Sequence[Any]) -> str:
    """The mapping by header texts (not indexes, so a moved column still maps), in column
    order: {"columns": [[header, field], ...], "stages": {source stage: stage id}}."""
    pairs = [
        [str(headers[i]).strip(), key]
        for i, key in sorted(mapping.columns.items())
        if 0 <= i < len(headers) and str(headers[i]).strip()
    ]
    return json.dumps({"columns": pairs, "stages": dict(mapping.stages)}, ensure_ascii=True)


def mapping_from_json(text: str, headers: Sequence[Any], kind: str | None = None) -> Mapping:
    """The mapping for these headers, from mapping_to_json's text or the command line's
    {"header": "field", ..., "stages": {...}}: headers not in `headers` dropped, a repeated
    header's occurrences in order, each field once; with `kind`, fields it does not take
    dropped. ValueError("bad_mapping") when the text is not such an object."""
    try:
        data = json.loads(text)
    except (TypeError, ValueError):
        raise ValueError("bad_mapping") from None
    if not isinstance(data, dict):
        raise ValueError("bad_mapping")
    stages = data.get("stages", {})
    if "columns" in data:
        pairs = data["columns"]
        pairs = list(pairs.items()) if isinstance(pairs, dict) else pairs
    else:
        pairs = [(h, f) for h, f in data.items() if h != "stages"]
    if not isinstance(pairs, list) or not isinstance(stages, dict):
        raise ValueError("bad_mapping")
    allowed = {s.key for s in FIELDS[kind]} if kind is not None else None
    free: dict[str, list[int]] = {}
    for i, h in enumerate(headers):
        n = normalize_header(h)
        if n:
            free.setdefault(n, []).append(i)
    columns: dict[int, str] = {}
    for pair in pairs:
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise ValueError("bad_mapping")
        header, key = pair
        if not isinstance(key, str) or not isinstance(header, str):
            raise ValueError("bad_mapping")
        if allowed is not None and key not in allowed:
            continue
        slots = free.get(normalize_header(header))
        if slots and key not in columns.values():
            columns[slots.pop(0)] = key
    clean_stages = {}
    for name, stage_id in stages.items():
        if isinstance(stage_id, bool) or not isinstance(stage_id, int):
            raise ValueError("bad_mapping")
        clean_stages[str(name)] = stage_id
    return Mapping(dict(sorted(columns.items())), clean_stages)


def remembered_mapping(session: Session, kind: str, headers: Sequence[Any]) -> Mapping | None:
    """The mapping last used for a sheet with these headers, or None."""
    text = session.scalar(
        select(ImportMapping.mapping).where(
            ImportMapping.kind == kind, ImportMapping.signature == header_signature(headers)
        )
    )
    if not text:
        return None
    try:
        return mapping_from_json(text, headers, kind if kind in FIELDS else None)
    except ValueError:
        return None


def remember_mapping(
    session: Session,
    actor_id: int | None,
    kind: str,
    headers: Sequence[Any],
    mapping: Mapping,
    now: datetime,
) -> None:
    """Keep the mapping for the next sheet with these headers (one per kind and signature)."""
    if kind not in IMPORT_KINDS:
        raise ValueError("bad_kind")
    text = mapping_to_json(mapping, headers)
    if len(text) > TEXT_LIMIT:
        return  # a sheet of hundreds of long headers: not worth remembering
    signature = header_signature(headers)
    row = session.scalar(
        select(ImportMapping).where(
            ImportMapping.kind == kind, ImportMapping.signature == signature
        )
    )
    if row is None:
        row = ImportMapping(kind=kind, signature=signature)
        session.add(row)
    row.mapping, row.used_at, row.user_id = text, now, actor_id
    session.flush()


# A row of these kinds names its customer by name or by external id: one of them is needed.
CUSTOMER_LINK = ("customer", "customer_external_id")


def check_mapping(kind: str, mapping: Mapping) -> list[str]:
    """The required fields the mapping leaves unmapped, in FIELDS order. For contacts,
    follow-ups and deals "customer" too when neither the customer's name nor its external id
    is mapped."""
    mapped = set(mapping.columns.values())
    missing = [s.key for s in FIELDS[kind] if s.required and s.key not in mapped]
    keys = {s.key for s in FIELDS[kind]}
    if CUSTOMER_LINK[0] in keys and not mapped & set(CUSTOMER_LINK):
        missing.append("customer")
    return missing


# Another CRM's stage names by the built-in stage (pipeline_defaults codes) they mean:
# Salesforce, Zoho, HubSpot, Pipedrive, 销售易, 纷享销客, 悟空CRM, and hand-kept sheets.
_STAGE_NAMES = {
    "initial": "初步接触|初步接洽|初次接触|接洽|验证客户|线索|新建|潜在|潜在机会|初步沟通|"
    "prospecting|prospect|qualification|qualify|qualified|lead|new|lead in|contact made|"
    "appointment scheduled|initial contact",
    "needs": "需求分析|需求确认|需求确定|需求沟通|需求调研|需求|确认需求|needs analysis|"
    "needs assessment|discovery|engaging|engaged|qualified to buy|value proposition|"
    "id. decision makers|identify decision makers|decision maker bought-in|perception analysis",
    "proposal": "方案演示|方案|方案/报价|演示|产品演示|解决方案|提交方案|proposal|presentation|"
    "presentation scheduled|demo|demo scheduled|proposal made|proposal/price quote|solution",
    "quote": "报价|报价单|商务报价|quote|quotation|price quote|quoted|pricing",
    "negotiation": "谈判|商务谈判|谈判审核|合同谈判|签约|合同审批|合同|negotiation|"
    "negotiation/review|negotiations started|negotiating|contract|contract sent|commit",
    "won": "赢单|成交|已成交|签约成功|赢得|成功|已赢单|won|closed won|win|deal won|closed/won",
    "lost": "输单|丢单|失败|已输单|流失|无效|已丢单|未成交|未成功|不成交|lost|closed lost|lose|"
    "deal lost|closed lost to competition|closed/lost|dead|disqualified",
}
_STAGE_GROUP = {
    normalize_header(name): group
    for group, names in _STAGE_NAMES.items()
    for name in names.split("|")
}


def _stage_group(name: str) -> str | None:
    n = normalize_header(name)
    if n in _STAGE_GROUP:
        return _STAGE_GROUP[n]
    # "Closed Lost to Competition", "已赢单（签约）": only won and lost are told by a part.
    best: tuple[int, str] | None = None
    for alias, group in _STAGE_GROUP.items():
        long_enough = len(alias) >= (3 if alias.isascii() else 2)
        if group in ("won", "lost") and long_enough and alias in n:
            if best is None or len(alias) > best[0]:
                best = len(alias), group
    return best[1] if best else None


def suggest_stage_map(
    source_names: Sequence[str], stages: Sequence[tuple[int, str, str, str]]
) -> dict[str, int]:
    """Source stage name → our stage id, for the names recognized: our own stage names and
    codes first, then common names of other CRMs (Closed Won / 赢单 → the won stage, ...).
    stages: the pipeline's (id, name, code, kind) in position order."""
    exact: dict[str, int] = {}
    by_group: dict[str, int] = {}
    for stage_id, name, code, kind in stages:
        for n in (normalize_header(name), normalize_header(code)):
            if n:
                exact.setdefault(n, stage_id)
        if kind in ("won", "lost"):
            group = kind
        elif code in _STAGE_NAMES:
            group = code
        else:  # an open stage of an admin's own: by its whole name, never as won or lost
            group = _STAGE_GROUP.get(normalize_header(name))
            group = None if group in ("won", "lost") else group
        if group is not None:
            by_group.setdefault(group, stage_id)
    out: dict[str, int] = {}
    for source in source_names:
        n = normalize_header(source)
        if not n:
            continue
        if n in exact:
            out[source] = exact[n]
            continue
        group = _stage_group(source)
        if group is not None and group in by_group:
            out[source] = by_group[group]
    return out
