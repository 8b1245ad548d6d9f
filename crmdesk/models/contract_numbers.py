"""Contract numbers and the contracts' settings: the number pattern an admin sets and the
approval limits (settings rows, contract_rules.ContractSettings), and the next number a
pattern gives, taken under a lock so two contracts signed at once never share one.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from crmdesk.models.changes import record
from crmdesk.models.contract_rules import (
    ContractSettings,
    check_pattern,
    check_settings,
    number_matcher,
    render_number,
    seq_key,
)
from crmdesk.models.errors import PermissionDenied, ValidationFailed
from crmdesk.models.pool import setting
from crmdesk.models.schema import Setting
from crmdesk.models.schema_contracts import (
    APPROVAL_AMOUNT_SETTING,
    APPROVAL_DISCOUNT_SETTING,
    DEFAULT_NUMBER_PATTERN,
    NUMBER_PATTERN_SETTING,
    Contract,
)
from crmdesk.models.users import UserRow


def contract_settings(session: Session) -> ContractSettings:
    """The number pattern and the approval limits as an admin set them (the defaults else)."""

    def money(key: str) -> Decimal | None:
        text = setting(session, key, "")
        try:
            return Decimal(text) if text else None
        except ArithmeticError:
            return None  # not written by save_contract_settings: read as no limit

    return ContractSettings(
        setting(session, NUMBER_PATTERN_SETTING, DEFAULT_NUMBER_PATTERN) or DEFAULT_NUMBER_PATTERN,
        money(APPROVAL_AMOUNT_SETTING),
        money(APPROVAL_DISCOUNT_SETTING),
    )


def _put_setting(session: Session, key: str, value: str) -> None:
    if session.scalar(select(func.count()).where(Setting.key == key)):
        session.execute(update(Setting).where(Setting.key == key).values(value=value))
    else:
        session.add(Setting(key=key, value=value))
    session.flush()


def save_contract_settings(
    session: Session, actor: UserRow, data: ContractSettings, now: datetime
) -> ContractSettings:
    """Administrators only. Numbers already given keep theirs; the year's running number
    carries on under a new pattern."""
    if not actor.is_admin:
        raise PermissionDenied(action="contract_settings")
    data = check_settings(data)
    _put_setting(session, NUMBER_PATTERN_SETTING, data.number_pattern)
    for key, value in ((APPROVAL_AMOUNT_SETTING, data.approval_amount),
                       (APPROVAL_DISCOUNT_SETTING, data.approval_discount)):  # fmt: skip
        _put_setting(session, key, "" if value is None else str(value))
    record(session, "contracts")
    return data


def number_taken(session: Session, number: str, exclude: int | None = None) -> bool:
    stmt = select(Contract.id).where(Contract.number == number)  # deleted ones keep theirs
    if exclude is not None:
        stmt = stmt.where(Contract.id != exclude)
    return session.scalar(stmt.limit(1)) is not None


def _highest(session: Session, pattern: str, on: date) -> int:
    """The highest running number among the year's numbers already made from the pattern."""
    prefix, matcher = number_matcher(pattern, on)
    stmt = select(Contract.number).where(Contract.number.startswith(prefix, autoescape=True))
    found = (matcher.match(n) for n in session.scalars(stmt))
    return max((int(m.group(1)) for m in found if m), default=0)


def next_number(session: Session, pattern: str, on: date) -> str:
    """The next number the pattern gives on this day, taken for good (call it in the unit of
    work that stores it). The year's running number lives in a settings row (contract_rules
    .seq_key) locked until the unit of work ends, so two contracts signed at once queue on it
    and never share a number; the first of a year starts after the highest number already made
    (two units racing to create that row: the second fails on its key and Database.write runs
    it again). A number typed by hand that the sequence reaches is skipped. A number grown
    longer than the column holds (a short {seq} run past its digits): ("number", "too_long")
    with limits["number"] = the length allowed."""
    pattern = check_pattern(pattern)
    key = seq_key(on)
    row = session.execute(select(Setting.value).where(Setting.key == key).with_for_update()).first()
    if row is None or not row[0].isdigit():
        seq = _highest(session, pattern, on)
        if row is None:
            session.add(Setting(key=key, value=str(seq)))
            session.flush()
    else:
        seq = int(row[0])
    for _attempt in range(10_000):
        seq += 1
        number = render_number(pattern, on, seq)
        if not number_taken(session, number):
            break
    else:
        raise ValidationFailed(errors=[("number", "taken")], limits={})
    length = Contract.number.type.length
    if len(number) > length:
        raise ValidationFailed(errors=[("number", "too_long")], limits={"number": length})
    session.execute(update(Setting).where(Setting.key == key).values(value=str(seq)))
    return number
