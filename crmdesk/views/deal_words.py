"""Words for the pipeline: the built-in pipeline's, stages', questions' and lost reasons' names
(stored by code, shown in the user's language), money, and what a refused move lacks. Counted
sentences sit in a class, because lupdate marks plurals only in a class's self.tr."""

from __future__ import annotations

import functools
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from crmdesk.models.pipeline import PipelineRow, QuestionRow, ReasonRow, StageRow


def pipeline_name(p: PipelineRow) -> str:
    return (
        QCoreApplication.translate("DealWords", "Standard sales process")
        if p.code == "default"
        else p.name
    )


def stage_name(stage: StageRow | None) -> str:
    if stage is None:
        return ""
    return {
        "initial": QCoreApplication.translate("DealWords", "Initial contact"),
        "needs": QCoreApplication.translate("DealWords", "Needs analysis"),
        "proposal": QCoreApplication.translate("DealWords", "Proposal / demo"),
        "quote": QCoreApplication.translate("DealWords", "Quotation"),
        "negotiation": QCoreApplication.translate("DealWords", "Negotiation"),
        "won": QCoreApplication.translate("DealWords", "Won"),
        "lost": QCoreApplication.translate("DealWords", "Lost"),
    }.get(stage.code, stage.name)


def stage_code_name(code: str, name: str) -> str:
    """A stage's name from a row that carries only its code and stored name."""
    return stage_name(StageRow(0, 0, 0, name, code, "open", 0, None, (), "", None))


def question_text(q: QuestionRow) -> str:
    return {
        "budget": QCoreApplication.translate("DealWords", "Is the customer's budget confirmed?"),
        "decision_maker": QCoreApplication.translate("DealWords", "Who makes the final decision?"),
        "demo_format": QCoreApplication.translate("DealWords", "How was the solution shown?"),
        "objections": QCoreApplication.translate("DealWords", "The customer's main concerns"),
    }.get(q.code, q.text)


def choice_text(q: QuestionRow, choice: str) -> str:
    if q.code == "demo_format":
        return {
            "现场": QCoreApplication.translate("DealWords", "On site"),
            "远程": QCoreApplication.translate("DealWords", "Remote"),
        }.get(choice, choice)
    return choice


def lost_reason_label(r: ReasonRow | str) -> str:
    code, label = (r, "") if isinstance(r, str) else (r.code, r.label)
    return label or {
        "price": QCoreApplication.translate("DealWords", "Price too high"),
        "competitor": QCoreApplication.translate("DealWords", "Went with a competitor"),
        "no_budget": QCoreApplication.translate("DealWords", "No budget"),
        "no_decision": QCoreApplication.translate("DealWords", "No decision made"),
        "timing": QCoreApplication.translate("DealWords", "Bad timing"),
        "other": QCoreApplication.translate("DealWords", "Other"),
    }.get(code, code)


def gate_field_label(key: str) -> str:
    return {
        "amount": QCoreApplication.translate("DealWords", "Amount"),
        "expected_close": QCoreApplication.translate("DealWords", "Expected close date"),
        "lines": QCoreApplication.translate("DealWords", "At least one product line"),
        "competitor": QCoreApplication.translate("DealWords", "Competitor"),
        "source": QCoreApplication.translate("DealWords", "Source"),
        "lost_code": QCoreApplication.translate("DealWords", "Reason for losing"),
        "lost_text": QCoreApplication.translate("DealWords", "What happened (for 'Other')"),
        "won_amount": QCoreApplication.translate("DealWords", "Final amount"),
    }.get(key, key)


def approval_reason(rule: str) -> str:
    return {
        "always": QCoreApplication.translate(
            "DealWords", "this stage always needs a manager's approval"
        ),
        "discount": QCoreApplication.translate("DealWords", "a line's discount is above the limit"),
        "amount": QCoreApplication.translate("DealWords", "the amount is above the limit"),
    }.get(rule, rule)


def money(amount: Decimal | int | None, *, cents: bool = True) -> str:
    """¥12,345.60; without cents where they would only be noise (cards, column heads)."""
    if amount is None:
        return ""
    value = Decimal(amount)
    if not cents:
        return f"¥{value.quantize(Decimal(1)):,}"
    return f"¥{value:,.2f}"


def short_money(amount: Decimal | int) -> str:
    """A column head's sums: ¥1.2M / ¥120万 read at a glance; the tooltip has the exact sum."""
    value = Decimal(amount)
    words = deal_words()
    if abs(value) >= 10_000:
        return words.large(value)
    return money(value, cents=False)


class DealWords(QObject):
    def deals(self, n: int) -> str:
        return self.tr("%Ln deal(s)", "", n)

    def days_in_stage(self, n: int) -> str:
        return self.tr("%n day(s) in stage", "", n)

    def stale(self, n: int) -> str:
        return self.tr("stale: %n day(s) in this stage", "", n)

    def large(self, value: Decimal) -> str:
        # Chinese counts in 万 (10,000); English in thousands and millions. The language as
        # labels.listing reads it (the app sets the default locale with the translators).
        if QLocale().language() == QLocale.Language.Chinese:
            return f"¥{value / 10_000:.1f}万"  # 万 counts are written without separators
        if abs(value) >= 1_000_000:
            return f"¥{value / 1_000_000:,.1f}M"
        return f"¥{value / 1_000:,.0f}k"


@functools.cache
def deal_words() -> DealWords:
    return DealWords()
