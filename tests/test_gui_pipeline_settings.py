"""The pipeline settings dialog, driven by an administrator as a user would on a real SQLite
database (the default pipeline of migration 0009): a stage added with a question that must be
answered yes, saved and shown again on reopening, the built-in stages keeping their codes; two
stages of one name and a probability of 150 refused in words with nothing typed lost; a stage
holding a deal kept, and put back in the list; a colleague's save named; products and lost
reasons added and turned off."""

from __future__ import annotations

from decimal import Decimal

from gui_helpers import type_text
from helpers import NOW
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QSpinBox

from crmdesk.models.customers import CustomerInput
from crmdesk.models.deal_rules import DealInput
from crmdesk.models.pipeline_admin import StageInput
from crmdesk.models.workspace import Workspace
from crmdesk.views.context import PageContext
from crmdesk.views.pipeline_settings_dialog import PipelineSettingsDialog

LEFT = Qt.MouseButton.LeftButton
CODES = ["initial", "needs", "proposal", "quote", "negotiation", "won", "lost"]


def open_dialog(qtbot, ws) -> PipelineSettingsDialog:
    dialog = PipelineSettingsDialog(PageContext(ws))
    # the test's end closes it without the question a user with edits would be asked
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    dialog.show()
    return dialog


def stage_texts(dialog) -> list[str]:
    return [dialog.stage_list.item(i).text() for i in range(dialog.stage_list.count())]


def set_number(qtbot, box: QSpinBox, value: int) -> None:
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, str(value))
    assert box.value() == value


def tick(qtbot, box) -> None:
    """Click a check box on its box (a wide one's middle may be empty space)."""
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))


def the_pipeline(ws):
    (pipeline,) = ws.all_pipelines()
    return pipeline


def test_an_admin_adds_a_stage_with_a_question_that_must_be_yes(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    assert dialog.name.text() == "Standard sales process"  # a built-in name, translated
    assert stage_texts(dialog) == ["Initial contact", "Needs analysis", "Proposal / demo",
                                   "Quotation", "Negotiation", "Won", "Lost"]  # fmt: skip
    dialog.select_stage(5)  # the won stage stays where it is
    assert not dialog.remove_stage_button.isEnabled() and not dialog.up_button.isEnabled()

    dialog.select_stage(4)
    qtbot.mouseClick(dialog.add_stage_button, LEFT)
    assert dialog.current_stage() == 5  # after the chosen open stage
    editor = dialog.editor
    type_text(qtbot, editor.name, "合同审核")
    set_number(qtbot, editor.probability, 90)
    set_number(qtbot, editor.stale_days, 7)
    tick(qtbot, editor.fields["competitor"])
    qtbot.mouseClick(editor.questions.add_button, LEFT)
    type_text(qtbot, editor.questions.text, "法务是否已审核？")
    assert editor.questions.kind.currentData() == "yes_no"
    tick(qtbot, editor.questions.must_be_yes)
    assert stage_texts(dialog)[5] == "合同审核"  # the list follows the typing
    assert dialog.has_edits()

    with qtbot.waitSignal(dialog.pipeline_saved):
        qtbot.mouseClick(dialog.save_button, LEFT)

    stored = the_pipeline(ws)
    assert [s.name for s in stored.stages] == [
        "初步接触", "需求分析", "方案演示", "报价", "谈判", "合同审核", "赢单", "输单"]  # fmt: skip
    # untouched built-in stages keep their codes: their names still follow each user's language
    assert [s.code for s in stored.stages] == [*CODES[:5], "", *CODES[5:]]
    added = stored.stages[5]
    assert (added.kind, added.probability, added.stale_days, added.required_fields) == (
        "open", 90, 7, ("competitor",))  # fmt: skip
    (question,) = added.questions
    assert (question.text, question.kind, question.must_be_yes, question.required) == (
        "法务是否已审核？", "yes_no", True, True)  # fmt: skip
    assert [q.code for q in stored.stages[1].questions] == ["budget", "decision_maker"]
    assert not dialog.has_edits() and not dialog.problems.isVisible()

    again = open_dialog(qtbot, ws)
    again.select_stage(5)
    assert again.editor.name.text() == "合同审核"
    assert again.editor.probability.value() == 90 and again.editor.stale_days.value() == 7
    assert again.editor.fields["competitor"].isChecked()
    assert again.editor.questions.text.text() == "法务是否已审核？"
    assert again.editor.questions.must_be_yes.isChecked()


def test_a_renamed_built_in_stage_shows_the_admins_words(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    dialog.select_stage(3)
    dialog.editor.name.selectAll()
    type_text(qtbot, dialog.editor.name, "正式报价")
    dialog.select_stage(3)
    with qtbot.waitSignal(dialog.pipeline_saved):
        qtbot.mouseClick(dialog.save_button, LEFT)
    quote = the_pipeline(ws).stages[3]
    assert (quote.name, quote.code) == ("正式报价", "")
    assert stage_texts(dialog)[3] == "正式报价"


def test_two_stages_of_one_name_and_150_percent_are_refused_with_nothing_lost(qtbot, ws):
    before = the_pipeline(ws)
    dialog = open_dialog(qtbot, ws)
    dialog.select_stage(0)
    for _ in range(2):
        qtbot.mouseClick(dialog.add_stage_button, LEFT)
        type_text(qtbot, dialog.editor.name, "合同审核")
    set_number(qtbot, dialog.editor.probability, 150)

    qtbot.mouseClick(dialog.save_button, LEFT)

    assert dialog.problems.isVisible()
    text = dialog.problems.text()
    assert "Two stages are called “合同审核”" in text
    assert "Stage “合同审核”, probability: enter a percentage from 0 to 100." in text
    assert the_pipeline(ws) == before  # nothing stored
    # what was typed is all still there
    assert stage_texts(dialog)[:3] == ["Initial contact", "合同审核", "合同审核"]
    assert dialog.stages[2].probability == 150 and dialog.has_edits()
    assert dialog.save_button.isEnabled()


def test_a_stage_holding_a_deal_cannot_be_removed(qtbot, ws):
    p = ws.people
    rep = Workspace(ws.db, p.rep_n1, clock=lambda: NOW)
    customer_id = rep.create_customer(CustomerInput(name="成都天府软件有限公司")).value
    pipeline = the_pipeline(ws)
    rep.create_deal(DealInput(customer_id, "年度采购", pipeline.id))  # in 初步接触
    dialog = open_dialog(qtbot, ws)
    dialog.select_stage(0)
    qtbot.mouseClick(dialog.remove_stage_button, LEFT)
    assert stage_texts(dialog)[0] == "Needs analysis"

    qtbot.mouseClick(dialog.save_button, LEFT)

    assert dialog.problems.isVisible()
    assert "“Initial contact” still holds 1 open deal" in dialog.problems.text()
    assert stage_texts(dialog)[0] == "Initial contact"  # put back where it was
    assert dialog.current_stage() == 0
    assert the_pipeline(ws) == pipeline
    # removing another stage, which holds nothing, goes through
    dialog.select_stage(4)
    qtbot.mouseClick(dialog.remove_stage_button, LEFT)
    with qtbot.waitSignal(dialog.pipeline_saved):
        qtbot.mouseClick(dialog.save_button, LEFT)
    assert [s.code for s in the_pipeline(ws).stages] == [c for c in CODES if c != "negotiation"]


def test_a_colleagues_save_in_between_is_named(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    pipeline = the_pipeline(ws)
    other = Workspace(ws.db, ws.people.admin, clock=lambda: NOW)
    stages = [StageInput(s.id, s.name, s.kind, s.probability, s.stale_days, s.required_fields,
                         s.approval, s.approval_threshold) for s in pipeline.stages]  # fmt: skip
    other.save_pipeline(pipeline.id, "公司销售流程", stages, pipeline.version)
    dialog.select_stage(0)
    set_number(qtbot, dialog.editor.probability, 15)

    qtbot.mouseClick(dialog.save_button, LEFT)

    assert "saved this pipeline" in dialog.problems.text()
    assert dialog.theirs_button.isVisible()
    assert dialog.stages[0].probability == 15  # the user's edit is kept
    with qtbot.waitSignal(dialog.pipeline_saved):  # Save again: theirs is overwritten
        qtbot.mouseClick(dialog.save_button, LEFT)
    assert the_pipeline(ws).stages[0].probability == 15


def test_products_are_added_and_turned_off(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    dialog.tabs.setCurrentWidget(dialog.products)
    tab = dialog.products
    qtbot.mouseClick(tab.new_button, LEFT)
    qtbot.keyClicks(tab.code, "SRV-1")
    type_text(qtbot, tab.name, "服务器")
    qtbot.keyClicks(tab.price, "abc")
    qtbot.mouseClick(tab.save_button, LEFT)
    assert "List price: enter an amount" in tab.problems.text()
    assert ws.all_products() == [] and tab.code.text() == "SRV-1"

    tab.price.clear()
    qtbot.keyClicks(tab.price, "12,000.50")
    qtbot.mouseClick(tab.save_button, LEFT)
    (product,) = ws.all_products()
    assert (product.code, product.name, product.list_price, product.active) == (
        "SRV-1", "服务器", Decimal("12000.50"), True)  # fmt: skip
    assert tab.table.rowCount() == 1 and tab.table.item(0, tab.PRICE).text() == "¥12,000.50"

    tab.table.item(0, tab.ACTIVE).setCheckState(Qt.CheckState.Unchecked)  # a click on the tick
    assert ws.all_products()[0].active is False
    assert ws.products() == []


def test_lost_reasons_are_added_and_turned_off(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    dialog.tabs.setCurrentWidget(dialog.reasons)
    tab = dialog.reasons
    type_text(qtbot, tab.text, "客户倒闭")
    qtbot.keyClick(tab.text, Qt.Key.Key_Return)
    added = next(r for r in ws.all_lost_reasons() if r.label == "客户倒闭")
    assert added.active and tab.text.text() == ""
    row = tab.row_of(added.code)
    assert tab.table.item(row, tab.REASON).text() == "客户倒闭"
    foreground = Qt.ItemDataRole.ForegroundRole
    assert tab.table.item(row, tab.REASON).data(foreground) is None  # not greyed: it is on

    tab.table.item(row, tab.ACTIVE).setCheckState(Qt.CheckState.Unchecked)
    assert "客户倒闭" not in [r.label for r in ws.lost_reasons()]
    assert tab.table.item(row, tab.REASON).data(foreground) is not None  # greyed: off
    # "Other" always stays on: refused in words, and its tick comes back
    other = tab.row_of("other")
    tab.table.item(other, tab.ACTIVE).setCheckState(Qt.CheckState.Unchecked)
    assert "always stays on" in tab.problems.text()
    assert tab.table.item(other, tab.ACTIVE).checkState() == Qt.CheckState.Checked
    assert "other" in [r.code for r in ws.lost_reasons()]


def test_a_new_pipeline_starts_with_an_open_a_won_and_a_lost_stage(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    qtbot.mouseClick(dialog.new_button, LEFT)
    assert dialog.pipeline_id is None and dialog.name.text() == ""
    assert stage_texts(dialog) == ["First contact", "Won", "Lost"]
    type_text(qtbot, dialog.name, "续约流程")
    with qtbot.waitSignal(dialog.pipeline_saved) as saved:
        qtbot.mouseClick(dialog.save_button, LEFT)
    made = next(p for p in ws.all_pipelines() if p.id == saved.args[0])
    assert (made.name, made.active) == ("续约流程", True)
    assert [(s.name, s.kind) for s in made.stages] == [
        ("First contact", "open"), ("Won", "won"), ("Lost", "lost")]  # fmt: skip
    assert dialog.pipeline_list.currentItem().text() == "续约流程"
    assert dialog.pipeline_list.count() == 2
