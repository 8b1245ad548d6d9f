"""Demo work reports: the last two weeks of daily reports (workdays) and the last two weekly
reports of every active rep and manager, each with the figures counted from the demo's own
rows, some left as drafts and some not written at all (so the "not submitted" list has names),
and a few managers' comments. Written in the caller's unit of work; a database that has any
work report already gets none (a second run adds nothing)."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.models.schema import User
from crmdesk.models.schema_targets import WorkReport, WorkReportComment
from crmdesk.models.today import local_day
from crmdesk.models.work_report_figures import figures, period_of_report

DAYS = 14
SKIP = 0.12  # a report never written
DRAFT = 0.08  # written, not submitted

DONE = (
    "上午电话回访{n}家老客户，确认了下季度的采购意向。",
    "拜访{c}，与采购经理沟通了报价细节，对方希望周五前给出最终方案。",
    "整理客户资料，更新了{n}条跟进记录；下午参加产品培训。",
    "与{c}的技术负责人开了线上会议，演示了新版本功能，反馈积极。",
    "陪同经理拜访{c}，推进合同条款，付款方式基本谈妥。",
)
PROBLEMS = (
    "",
    "",
    "客户对价格比较敏感，竞争对手报价低约10%。",
    "{c}的决策人出差，项目推进暂停一周。",
    "合同审批流程较慢，需要法务尽快确认。",
)
PLANS = (
    "继续跟进{c}，准备报价单；回访{n}家意向客户。",
    "拜访{c}，确认需求清单；整理本周商机。",
    "跟进回款，联系财务确认到账情况。",
    "电话开发新客户{n}家，安排下周拜访。",
)
COMMENTS = ("收到，辛苦了。", "价格问题我来协调，先稳住客户。", "很好，下周重点推进{c}。",
            "注意回款节点，月底前要落实。")  # fmt: skip
COMPANIES = ("星辰科技", "华信贸易", "科达电子", "云帆网络", "恒通物流", "博远教育", "明德医疗")


def _fill(text: str, rng: random.Random) -> str:
    return text.format(c=rng.choice(COMPANIES), n=rng.randrange(2, 9))


def add_demo_work_reports(session: Session, now: datetime, rng: random.Random) -> int:
    """Write the demo's reports (see the module's docstring); returns how many were written."""
    today = local_day(now).date
    people = session.execute(
        select(User.id, User.team_id, User.role)
        .where(User.active.is_(True), User.role.in_(("rep", "manager")))
        .order_by(User.id)
    ).all()
    managers = {team: uid for uid, team, role in people if role == "manager" and team}
    periods: list[tuple[str, date]] = []
    for back in range(DAYS, 0, -1):
        day = today - timedelta(days=back)
        if day.weekday() < 5:
            periods.append(("daily", day))
    monday = period_of_report("weekly", today)[0]
    periods += [("weekly", monday - timedelta(days=14)), ("weekly", monday - timedelta(days=7))]
    if session.scalar(select(WorkReport.id).limit(1)) is not None:
        return 0
    written = 0
    for uid, team, _role in people:
        for kind, day in periods:
            first, last = period_of_report(kind, day)
            if rng.random() < SKIP:
                continue
            at = datetime(last.year, last.month, last.day, 10) + timedelta(
                minutes=rng.randrange(0, 180)
            )  # the evening of the period's last day (UTC 10:00 is 18:00 in China)
            at = min(at, now)
            draft = rng.random() < DRAFT
            report = WorkReport(
                author_id=uid, team_id=team, kind=kind, period_start=first, period_end=last,
                figures=figures(session, uid, kind, first, None).to_json(),
                done=_fill(rng.choice(DONE), rng), problems=_fill(rng.choice(PROBLEMS), rng),
                plan=_fill(rng.choice(PLANS), rng), status="draft" if draft else "submitted",
                submitted_at=None if draft else at, created_at=at, updated_at=at,
            )  # fmt: skip
            session.add(report)
            written += 1
            manager = managers.get(team)
            if not draft and manager and manager != uid and rng.random() < 0.25:
                session.flush()
                session.add(WorkReportComment(
                    report_id=report.id, author_id=manager,
                    text=_fill(rng.choice(COMMENTS), rng), at=min(at + timedelta(hours=14), now),
                ))  # fmt: skip
    session.flush()
    return written
