"""Work reports (日报 / 周报) on every backend: the figures against a plain-Python recount of the
same rows, save / submit / conflicts / permissions, the team's list and search, who has not
submitted, comments, bad input."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from helpers import NOW
from sqlalchemy import select

from crmdesk.models import work_report_list as wl
from crmdesk.models import work_reports as wr
from crmdesk.models.errors import Conflict, NotFound, ValidationFailed
from crmdesk.models.schema import FOLLOW_UP_KINDS, Customer, FollowUp
from crmdesk.models.schema_contracts import Contract, Payment
from crmdesk.models.schema_deals import Deal, DealMove
from crmdesk.models.schema_targets import WorkReport
from crmdesk.models.work_report_workspace import WorkReportMethods
from crmdesk.models.workspace import Workspace

SH = ZoneInfo("Asia/Shanghai")
DAY = date(2026, 11, 19)  # a Thursday; its week is 16-22 November
MONDAY = date(2026, 11, 16)


def test_periods():
    assert wr.period_of_report("daily", DAY) == (DAY, DAY)
    assert wr.period_of_report("weekly", DAY) == (MONDAY, date(2026, 11, 22))
    assert wr.period_of_report("weekly", date(2026, 11, 22)) == (MONDAY, date(2026, 11, 22))
    assert wr.period_of_report("weekly", date(2026, 11, 23))[0] == date(2026, 11, 23)
    with pytest.raises(ValidationFailed):
        wr.period_of_report("monthly", DAY)


def test_workspace_has_the_methods():
    assert issubclass(Workspace, WorkReportMethods)


# -- figures


def _local(at: datetime) -> date:
    return at.replace(tzinfo=UTC).astimezone(SH).date()


def _seed(db, people, pipeline, rng: random.Random) -> None:
    """Rows around the period's edges (local midnights in Shanghai are 16:00 UTC), some
    deleted or voided, by several users."""
    users = [people.rep_n1.id, people.rep_n2.id, people.manager_n.id]
    stage_ids = [s.id for s in pipeline.open_stages]
    base = datetime(2026, 11, 14, 0, 0)

    def when() -> datetime:
        return base + timedelta(minutes=rng.randrange(0, 11 * 24 * 60, 7))

    with db.writing() as s:
        customers = []
        for i in range(30):
            at = when()
            c = Customer(name=f"客户{i}", owner_id=rng.choice(users),
                         created_by_id=rng.choice(users), created_at=at, updated_at=at,
                         deleted_at=NOW if rng.random() < 0.15 else None)  # fmt: skip
            s.add(c)
            customers.append(c)
        s.flush()
        for _ in range(80):
            c = rng.choice(customers)
            at = when()
            s.add(
                FollowUp(
                    customer_id=c.id,
                    author_id=rng.choice(users),
                    kind=rng.choice(FOLLOW_UP_KINDS),
                    happened_at=at,
                    created_at=at,
                )
            )
        deals = []
        for i in range(40):
            at = when()
            won = rng.random() < 0.4
            d = Deal(customer_id=rng.choice(customers).id, title=f"D{i}",
                     amount=Decimal(rng.randrange(1, 10**7)) / 100, owner_id=rng.choice(users),
                     pipeline_id=pipeline.id, stage_id=rng.choice(stage_ids),
                     status="won" if won else "open", created_at=at, updated_at=at,
                     stage_entered_at=at, closed_at=when() if won else None,
                     deleted_at=NOW if rng.random() < 0.1 else None)  # fmt: skip
            s.add(d)
            deals.append(d)
        s.flush()
        for _ in range(60):
            s.add(DealMove(deal_id=rng.choice(deals).id, at=when(), actor_id=rng.choice(users),
                           kind=rng.choice(("moved", "moved", "created", "won"))))  # fmt: skip
        contracts = []
        for i in range(6):
            ct = Contract(number=f"HT{i}", customer_id=rng.choice(customers).id,
                          owner_id=rng.choice(users), title=f"C{i}", created_at=NOW,
                          updated_at=NOW, deleted_at=NOW if i == 0 else None)  # fmt: skip
            s.add(ct)
            contracts.append(ct)
        s.flush()
        for _ in range(30):
            ct = rng.choice(contracts)
            s.add(Payment(contract_id=ct.id, received_on=when().date(),
                          amount=Decimal(rng.randrange(1, 10**6)) / 100,
                          owner_id=rng.choice(users), recorded_at=NOW,
                          voided_at=NOW if rng.random() < 0.2 else None))  # fmt: skip


def _recount(db, user_id: int, first: date, last: date) -> wr.ReportFigures:
    """The figures counted in Python over every row read back."""

    def inside(at) -> bool:
        return at is not None and first <= _local(at) <= last

    with db.reading() as s:
        live = {c.id for c in s.scalars(select(Customer)) if c.deleted_at is None}
        customers = [
            c
            for c in s.scalars(select(Customer))
            if c.created_by_id == user_id and c.id in live and inside(c.created_at)
        ]
        kinds = {k: 0 for k in FOLLOW_UP_KINDS}
        for f in s.scalars(select(FollowUp)):
            if f.author_id == user_id and f.customer_id in live and inside(f.happened_at):
                kinds[f.kind] += 1
        deals = {d.id: d for d in s.scalars(select(Deal))}
        live_deals = [d for d in deals.values() if d.deleted_at is None and d.owner_id == user_id]
        created = [d for d in live_deals if inside(d.created_at)]
        won = [d for d in live_deals if d.status == "won" and inside(d.closed_at)]
        moved = [m for m in s.scalars(select(DealMove))
                 if m.actor_id == user_id and m.kind == "moved" and inside(m.at)
                 and deals[m.deal_id].deleted_at is None]  # fmt: skip
        contracts = {c.id: c for c in s.scalars(select(Contract))}
        paid = [p.amount for p in s.scalars(select(Payment))
                if p.owner_id == user_id and p.voided_at is None
                and contracts[p.contract_id].deleted_at is None
                and first <= p.received_on <= last]  # fmt: skip
    return wr.ReportFigures(
        len(customers), tuple(kinds.items()), len(created), len(moved), len(won),
        sum((d.amount for d in won), Decimal("0.00")).quantize(Decimal("0.01")),
        sum(paid, Decimal("0.00")).quantize(Decimal("0.01")),
    )  # fmt: skip


def test_figures_match_a_recount(db, people, pipeline):
    _seed(db, people, pipeline, random.Random(12))
    checked = 0
    for user in (people.rep_n1, people.rep_n2, people.manager_n):
        for kind, day in (("daily", DAY), ("daily", date(2026, 11, 16)), ("weekly", DAY)):
            first, last = wr.period_of_report(kind, day)
            got = db.read(lambda s, u=user, k=kind, d=day: wr.figures(s, u.id, k, d, SH))
            assert got == _recount(db, user.id, first, last), (user.login, kind, day)
            checked += got.follow_up_total + got.new_customers + got.deals_won
    assert checked > 0  # the seed put something in the periods
    week = db.read(lambda s: wr.figures(s, people.rep_n1.id, "weekly", DAY, SH))
    assert week.visits == dict(week.follow_ups)["visit"]


def test_figures_round_trip_through_json():
    f = wr.ReportFigures(
        3,
        (("call", 2), ("visit", 1), ("wechat", 0), ("email", 0), ("note", 4)),
        1,
        5,
        2,
        Decimal("1234.50"),
        Decimal("0.01"),
    )
    assert wr.ReportFigures.from_json(f.to_json()) == f
    assert wr.ReportFigures.from_json("not json") == wr.ReportFigures()


# -- save and submit


def _input(**kw) -> wr.ReportInput:
    base = {"kind": "daily", "period_start": DAY, "done": "拜访了星辰科技", "plan": "报价"}
    return wr.ReportInput(**{**base, **kw})


def _save(db, actor, data, at=NOW):
    with db.writing() as s:
        return wr.save_report(s, actor, at, data, SH)


def test_draft_then_submit_then_edit(db, people):
    rep = people.rep_n1
    fresh = db.read(lambda s: wr.my_report(s, rep, "daily", DAY, SH, NOW))
    assert fresh.id is None and fresh.status == "draft" and fresh.version is None
    saved = _save(db, rep, _input())
    assert saved.id and saved.status == "draft" and saved.submitted_at is None
    assert db.read(lambda s: wr.my_report(s, rep, "daily", DAY, SH, NOW)).done == "拜访了星辰科技"
    later = NOW + timedelta(hours=1)
    sub = _save(db, rep, _input(submit=True, version=saved.version), later)
    assert sub.status == "submitted" and sub.submitted_at == later
    assert not sub.edited_after_submit
    # The author corrects it afterwards: still submitted, the first submission time kept.
    fixed = _save(db, rep, _input(done="改正", version=sub.version), later + timedelta(hours=1))
    assert fixed.status == "submitted" and fixed.submitted_at == later
    assert fixed.edited_after_submit and fixed.done == "改正"
    with db.reading() as s:
        assert s.scalar(select(WorkReport.figures).where(WorkReport.id == saved.id)).startswith("{")


def test_save_records_the_change(db, people):
    result = db.write(lambda s: wr.save_report(s, people.rep_n1, NOW, _input(), SH))
    assert "work_reports" in result.change.kinds


def test_a_stale_version_is_a_conflict_naming_who(db, people):
    rep = people.rep_n1
    first = _save(db, rep, _input())
    _save(db, rep, _input(done="另一台电脑", version=first.version))
    with pytest.raises(Conflict) as info:
        _save(db, rep, _input(done="这台电脑", version=first.version))
    assert info.value.params["by"] == rep.name and "done" in info.value.params["fields"]
    with pytest.raises(Conflict):  # a "new" report where one was saved meanwhile
        _save(db, rep, _input(done="又一个"))


def test_weekly_starts_on_monday(db, people):
    with pytest.raises(ValidationFailed):
        _save(db, people.rep_n1, _input(kind="weekly", period_start=DAY))
    saved = _save(db, people.rep_n1, _input(kind="weekly", period_start=MONDAY))
    assert saved.period_end == date(2026, 11, 22)


@pytest.mark.parametrize(
    "data, field, code",
    [
        (_input(done="x" * (wr.REPORT_TEXT_LIMIT + 1)), "done", "too_long"),
        (_input(problems="bad\x00byte"), "problems", "bad_character"),
        (_input(plan=5), "plan", "invalid"),
        (_input(kind="yearly"), "kind", "invalid"),
        (_input(done="", plan="", submit=True), "done", "required"),
    ],
)
def test_bad_input_is_refused(db, people, data, field, code):
    with pytest.raises(ValidationFailed) as info:
        _save(db, people.rep_n1, data)
    assert (field, code) in info.value.params["errors"]
    assert db.read(lambda s: s.scalar(select(WorkReport.id))) is None


def test_ten_thousand_characters_are_kept_whole(db, people):
    text = ("日报" * 5000)[: wr.REPORT_TEXT_LIMIT]
    saved = _save(db, people.rep_n1, _input(done=text))
    assert db.read(lambda s: wr.read_report(s, people.rep_n1, saved.id)).done == text


# -- reading, the list, missing, comments


def _submitted(db, user, day=DAY, done="正常", kind="daily"):
    start = wr.period_of_report(kind, day)[0]
    return _save(db, user, _input(kind=kind, period_start=start, done=done, submit=True))


def _ids(db, actor, search="", kind="daily"):
    lst = db.read(lambda s: wl.team_reports(s, actor, kind, MONDAY, date(2026, 11, 23), search))
    return {r.id for r in lst.rows}


def test_who_sees_which_reports(db, people):
    n1 = _submitted(db, people.rep_n1)
    n2_draft = _save(db, people.rep_n2, _input())
    s1 = _submitted(db, people.rep_s1)
    assert _ids(db, people.rep_n1) == {n1.id}
    assert _ids(db, people.rep_n2) == {n2_draft.id}  # a rep sees their own drafts
    assert _ids(db, people.manager_n) == {n1.id}  # not the team's drafts, not the south
    assert _ids(db, people.admin) == {n1.id, s1.id}
    with pytest.raises(NotFound):
        db.read(lambda s: wr.read_report(s, people.manager_s, n1.id))
    with pytest.raises(NotFound):
        db.read(lambda s: wr.read_report(s, people.manager_n, n2_draft.id))


def test_search_matches_texts_and_names_escaped(db, people):
    a = _submitted(db, people.rep_n1, done="拜访 Star Tech，100% 满意")
    b = _submitted(db, people.rep_n2, done="电话回访")
    admin = people.admin
    assert _ids(db, admin, "star") == {a.id}  # case-insensitive
    assert _ids(db, admin, "100%") == {a.id}
    assert _ids(db, admin, "0_") == set()  # _ is a character, not a wildcard
    assert _ids(db, admin, "%") == {a.id}
    assert _ids(db, admin, "ned") == {b.id}  # the author's name
    assert _ids(db, admin, "张伟 拜访") == {a.id}  # every word must match
    rows = db.read(lambda s: wl.team_reports(s, admin, "daily", MONDAY, date(2026, 11, 23))).rows
    assert {r.author_name for r in rows} == {"张伟", "Ned North"}
    assert all(r.excerpt for r in rows)


def test_missing_counts_only_submitted_reports(db, people):
    _submitted(db, people.rep_n1)
    _save(db, people.rep_n2, _input())

    def missing(actor, day=DAY, kind="daily"):
        return db.read(lambda s: wl.missing(s, actor, kind, day))

    rows = missing(people.manager_n)
    assert [(r.name, r.has_draft) for r in rows] == [("Ned North", True), ("Nina North", False)]
    assert {r.user_id for r in missing(people.admin)} == {
        people.manager_n.id, people.rep_n2.id, people.manager_s.id, people.rep_s1.id}  # fmt: skip
    assert missing(people.rep_n1) == []
    assert [r.user_id for r in missing(people.rep_n2)] == [people.rep_n2.id]
    assert len(missing(people.manager_n, kind="weekly")) == 3  # nobody wrote a weekly one


def test_comments(db, people):
    report = _submitted(db, people.rep_n1)
    with db.writing() as s:
        wr.comment(s, people.manager_n, NOW, report.id, "很好，继续跟进")
    with db.writing() as s:
        wr.comment(s, people.rep_n1, NOW + timedelta(minutes=5), report.id, "收到")
    got = db.read(lambda s: wr.comments(s, people.admin, report.id))
    assert [(c.author_name, c.text) for c in got] == [("Nina North", "很好，继续跟进"),
                                                      ("张伟", "收到")]  # fmt: skip
    with pytest.raises(NotFound):  # another team's manager does not see it at all
        with db.writing() as s:
            wr.comment(s, people.manager_s, NOW, report.id, "?")
    with pytest.raises(ValidationFailed):
        with db.writing() as s:
            wr.comment(s, people.manager_n, NOW, report.id, "  ")
    with pytest.raises(ValidationFailed):
        with db.writing() as s:
            wr.comment(s, people.manager_n, NOW, report.id, "a\x00")
    rows = db.read(lambda s: wl.team_reports(s, people.manager_n, "daily", DAY, DAY + timedelta(1)))
    assert rows.rows[0].comment_count == 2


def test_a_rep_may_not_comment_on_a_colleagues_report(db, people):
    from crmdesk.models.users import UserRow

    report = _submitted(db, people.rep_n1)
    assert not wr.may_comment(people.rep_n2, report.author_id, report.team_id)
    assert wr.may_comment(people.admin, report.author_id, report.team_id)
    inactive = UserRow(
        people.manager_n.id, "x", "x", "manager", people.manager_n.team_id, "", False
    )
    assert not wr.may_comment(inactive, report.author_id, report.team_id)
    with pytest.raises(NotFound):
        with db.writing() as s:
            wr.comment(s, people.rep_n2, NOW, report.id, "hi")


def _notices(db):
    from crmdesk.models.schema import Notification

    stmt = select(Notification.user_id, Notification.kind, Notification.detail,
                  Notification.customer_id).order_by(Notification.id)  # fmt: skip
    return db.read(lambda s: [tuple(r) for r in s.execute(stmt)])


def test_a_comment_by_someone_else_notifies_the_author(db, people):
    report = _submitted(db, people.rep_n1)
    weekly = _submitted(db, people.rep_n1, kind="weekly")
    result = db.write(lambda s: wr.comment(s, people.manager_n, NOW, report.id, "很好"))
    assert {"work_reports", "notifications"} <= result.change.kinds  # Today reads again
    db.write(lambda s: wr.comment(s, people.admin, NOW, weekly.id, "ok"))
    assert _notices(db) == [
        (people.rep_n1.id, wr.NOTICE, f"daily:{DAY.isoformat()}:Nina North", None),
        (people.rep_n1.id, wr.NOTICE, f"weekly:{MONDAY.isoformat()}:{people.admin.name}", None),
    ]
    # The author's reply notifies nobody; a refused comment leaves no notification behind.
    mine = db.write(lambda s: wr.comment(s, people.rep_n1, NOW, report.id, "收到"))
    assert "notifications" not in mine.change.kinds
    with pytest.raises(ValidationFailed):
        db.write(lambda s: wr.comment(s, people.manager_n, NOW, report.id, "a\x00"))
    assert len(_notices(db)) == 2
    from crmdesk.models.today import unread_notifications

    [newest, _first] = db.read(lambda s: unread_notifications(s, people.rep_n1)).rows
    assert newest.kind == wr.NOTICE and newest.detail.startswith("weekly:")


def test_resaving_a_submitted_report_unchanged_is_not_an_edit(db, people):
    sub = _submitted(db, people.rep_n1, done="原文")
    later = NOW + timedelta(hours=2)
    same = _save(db, people.rep_n1, _input(done="原文", submit=True, version=sub.version), later)
    assert not same.edited_after_submit and same.updated_at == sub.updated_at
    changed = _save(db, people.rep_n1, _input(done="改了", version=same.version), later)
    assert changed.edited_after_submit and changed.updated_at == later
    [row] = db.read(
        lambda s: wl.team_reports(s, people.manager_n, "daily", DAY, DAY + timedelta(1))
    ).rows
    assert row.edited_after_submit and row.updated_at == later


def test_comment_lines_for_the_export(db, people):
    a = _submitted(db, people.rep_n1)
    b = _submitted(db, people.rep_n2)
    s1 = _submitted(db, people.rep_s1)
    db.write(lambda s: wr.comment(s, people.manager_n, NOW, a.id, "第一条\n两行"))
    db.write(lambda s: wr.comment(s, people.rep_n1, NOW + timedelta(minutes=1), a.id, "收到"))
    db.write(lambda s: wr.comment(s, people.admin, NOW, s1.id, "south"))
    ids = [a.id, b.id, s1.id]
    got = db.read(lambda s: wl.comment_lines(s, people.manager_n, ids))
    assert got == {a.id: "Nina North: 第一条\n两行\n张伟: 收到"}  # not the south's report
    assert set(db.read(lambda s: wl.comment_lines(s, people.admin, ids))) == {a.id, s1.id}
