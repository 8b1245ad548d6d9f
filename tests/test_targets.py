"""Targets (targets.py) on SQLite, PostgreSQL and MariaDB: the grid's tree and roll-ups, what is
unallocated, who sees and edits which row, saving (validation codes, permissions, conflicts
naming who changed what), and planning a split over people and months."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal as D

import pytest
from helpers import NOW
from sqlalchemy import func, insert, select

from crmdesk.models.errors import Conflict, PermissionDenied, ValidationFailed
from crmdesk.models.periods import Period
from crmdesk.models.schema import User
from crmdesk.models.schema_deals import Deal
from crmdesk.models.schema_targets import Target
from crmdesk.models.target_split import BASES_EXCEED, NO_HISTORY, SOME_WITHOUT_HISTORY
from crmdesk.models.targets import TargetInput, plan_split, read_grid, save_targets
from crmdesk.models.users import get_user
from crmdesk.models.workspace import Workspace

Y = 2026
YEAR, Q1, Q2 = Period(Y), Period(Y, 1), Period(Y, 2)
JAN, FEB, MAR, APR = (Period(Y, 0, m) for m in range(1, 5))


def cell(scope, sid, period, value, version=None, metric="won_amount"):
    return TargetInput(metric, scope, sid, period, None if value is None else D(value), version)


def save(db, actor, *cells, now=NOW):
    with db.writing() as s:
        return save_targets(s, actor, now, list(cells))


def grid(db, actor, metric="won_amount", year=Y):
    return db.read(lambda s: read_grid(s, actor, metric, year))


@pytest.fixture
def p(db, people):
    """People plus a rep without a team and an inactive rep of North (no row)."""
    with db.writing() as s:
        lone = User(name="Lone Ranger", login="rep_x", role="rep", active=True, created_at=NOW)
        gone = User(name="Gone", login="rep_gone", role="rep", team_id=people.rep_n1.team_id,
                    active=False, created_at=NOW)  # fmt: skip
        s.add_all([lone, gone])
        s.flush()
        people.rep_x = get_user(s, lone.id)
    return people


def nodes(g):
    return [(r.scope, r.scope_id) for r in g.rows]


def test_tree_order_and_visibility(db, p):
    north, south = p.rep_n1.team_id, p.rep_s1.team_id
    g = grid(db, p.admin)
    assert nodes(g)[0] == ("company", 0)
    assert nodes(g)[1] == ("team", north)
    north_reps = {("rep", u.id) for u in (p.manager_n, p.rep_n1, p.rep_n2)}
    assert set(nodes(g)[2:5]) == north_reps
    assert nodes(g)[5] == ("team", south)
    assert set(nodes(g)[6:8]) == {("rep", p.manager_s.id), ("rep", p.rep_s1.id)}
    assert nodes(g)[8:] == [("rep", p.rep_x.id)]  # no team: under the company, last
    assert g.row("rep", p.rep_x.id).parent == ("company", 0)
    assert g.row("rep", p.rep_n1.id).parent == ("team", north)
    assert g.row("rep", p.rep_n1.id).team_name == "North"
    assert all(r.editable for r in g.rows)
    assert len(g.rows[0].cells) == 17 and g.rows[0].cells[0].period == YEAR

    m = grid(db, p.manager_n)
    assert nodes(m) == [("company", 0), ("team", north), *nodes(g)[2:5]]
    assert [r.editable for r in m.rows] == [False, True, True, True, True]

    r = grid(db, p.rep_n1)
    assert nodes(r) == [("company", 0), ("team", north), ("rep", p.rep_n1.id)]
    assert not any(row.editable for row in r.rows)


def test_roll_ups_and_unallocated(db, p):
    north, south = p.rep_n1.team_id, p.rep_s1.team_id
    save(db, p.admin,
         cell("company", 0, YEAR, "1000000.00"),
         cell("team", north, YEAR, "600000.00"),
         cell("rep", p.rep_n1.id, JAN, "1000.00"), cell("rep", p.rep_n1.id, FEB, "2000.00"),
         cell("rep", p.rep_n1.id, APR, "500.00"),
         cell("rep", p.rep_n2.id, Q1, "10000.00"), cell("rep", p.rep_n2.id, JAN, "4000.00"),
         cell("rep", p.rep_s1.id, YEAR, "300000.00"))  # fmt: skip
    g = grid(db, p.admin)
    n1 = g.row("rep", p.rep_n1.id)
    assert n1.cell(JAN).value == D("1000.00") and n1.cell(MAR).value is None
    assert n1.cell(Q1).value is None and n1.cell(Q1).shown == D("3000.00")  # months → quarter
    assert n1.cell(Q2).shown == D("500.00")
    assert n1.cell(YEAR).shown == D("3500.00")  # quarters → year
    n2 = g.row("rep", p.rep_n2.id)
    assert n2.cell(Q1).shown == D("10000.00")
    assert n2.cell(Q1).periods_left == D("6000.00")  # 10000 − January's 4000
    assert n2.cell(YEAR).shown == D("10000.00")
    assert n2.cell(JAN).periods_left is None  # a month has no period children
    team_n = g.row("team", north)
    assert team_n.cell(YEAR).shown == D("600000.00")
    assert team_n.cell(YEAR).people_left == D("600000.00") - D("3500.00") - D("10000.00")
    assert team_n.cell(YEAR).periods_left == D("600000.00") - D("13500.00")  # via its reps
    assert team_n.cell(Q1).value is None and team_n.cell(Q1).shown == D("13000.00")
    assert team_n.cell(JAN).shown == D("5000.00")
    team_s = g.row("team", south)
    assert team_s.cell(YEAR).shown == D("300000.00") and team_s.cell(Q1).shown is None
    company = g.row("company", 0)
    assert company.cell(YEAR).shown == D("1000000.00")
    assert company.cell(YEAR).people_left == D("100000.00")  # − 600000 − 300000 − lone's none
    assert company.cell(Q1).shown == D("13000.00")
    # A lower target edited by hand changes what is left above it.
    save(db, p.admin, cell("rep", p.rep_x.id, YEAR, "50000.00"))
    after = grid(db, p.admin)
    assert after.row("company", 0).cell(YEAR).people_left == D("50000.00")
    assert after.row("company", 0).cell(YEAR).version == 1  # the parent itself is untouched


def test_counts_show_whole_numbers(db, p):
    save(db, p.admin, cell("rep", p.rep_n1.id, JAN, "7", metric="won_count"))
    g = grid(db, p.admin, "won_count")
    assert g.unit == D(1)
    assert str(g.row("rep", p.rep_n1.id).cell(JAN).value) == "7"
    assert g.row("company", 0).cell(YEAR).shown == D(7)
    assert grid(db, p.admin).row("company", 0).cell(YEAR).shown is None  # another metric


def test_save_update_clear_and_versions(db, p):
    with db.writing() as s:
        assert save_targets(s, p.admin, NOW, []) == 0
    assert save(db, p.admin, cell("company", 0, YEAR, "100.00")) == 1
    c = grid(db, p.admin).rows[0].cell(YEAR)
    assert (c.value, c.version) == (D("100.00"), 1)
    assert save(db, p.admin, cell("company", 0, YEAR, "100.00", 1)) == 0  # unchanged
    assert save(db, p.admin, cell("company", 0, YEAR, "250.50", 1)) == 1
    c = grid(db, p.admin).rows[0].cell(YEAR)
    assert (c.value, c.version) == (D("250.50"), 2)
    with db.reading() as s:
        t = s.scalars(select(Target)).one()
        assert (t.updated_by_id, t.updated_at) == (p.admin.id, NOW)
    assert save(db, p.admin, cell("company", 0, YEAR, None, 2)) == 1
    assert grid(db, p.admin).rows[0].cell(YEAR).value is None
    assert db.read(lambda s: s.scalar(select(func.count()).select_from(Target))) == 0


def test_workspace_records_the_change(db, p):
    ws = Workspace(db, p.admin, clock=lambda: NOW)
    result = ws.save_targets([cell("company", 0, YEAR, "1.00")])
    assert result.value == 1 and "targets" in result.change.kinds
    assert ws.target_grid("won_amount", Y).rows[0].cell(YEAR).value == D("1.00")


def test_conflict_names_who_and_which_cells(db, p):
    north = p.rep_n1.team_id
    save(db, p.admin, cell("team", north, YEAR, "100.00"))
    later = NOW + timedelta(minutes=5)
    save(db, p.manager_n, cell("team", north, YEAR, "200.00", 1), cell("rep", p.rep_n1.id, JAN,
         "5.00"), now=later)  # fmt: skip
    # The admin still holds version 1 of the team's year and saw January empty.
    with pytest.raises(Conflict) as e:
        save(
            db,
            p.admin,
            cell("team", north, YEAR, "300.00", 1),
            cell("rep", p.rep_n1.id, JAN, "6.00"),
            cell("rep", p.rep_n2.id, JAN, "1.00"),
        )
    assert e.value.params["by"] == "Nina North" and e.value.params["at"] == later
    assert e.value.params["cells"] == [("team", north, YEAR), ("rep", p.rep_n1.id, JAN)]
    assert len(e.value.params["fields"]) == 2
    g = grid(db, p.admin)
    assert g.row("team", north).cell(YEAR).value == D("200.00")
    assert g.row("rep", p.rep_n2.id).cell(JAN).value is None  # nothing of it was saved
    # A cell cleared meanwhile is a conflict too (nobody to name).
    save(db, p.admin, cell("rep", p.rep_n1.id, JAN, None, 1))
    with pytest.raises(Conflict) as e:
        save(db, p.manager_n, cell("rep", p.rep_n1.id, JAN, "9.00", 1))
    assert e.value.params["by"] is None


def test_permissions(db, p):
    north, south = p.rep_n1.team_id, p.rep_s1.team_id
    save(db, p.manager_n, cell("team", north, YEAR, "1.00"), cell("rep", p.rep_n2.id, JAN, "1.00"),
         cell("rep", p.manager_n.id, JAN, "1.00"))  # fmt: skip
    for actor, c in [
        (p.manager_n, cell("company", 0, YEAR, "1.00")),
        (p.manager_n, cell("team", south, YEAR, "1.00")),
        (p.manager_n, cell("rep", p.rep_s1.id, YEAR, "1.00")),
        (p.manager_n, cell("rep", p.rep_x.id, YEAR, "1.00")),
        (p.rep_n1, cell("rep", p.rep_n1.id, YEAR, "1.00")),
        (p.rep_x, cell("rep", p.rep_x.id, YEAR, "1.00")),
    ]:
        with pytest.raises(PermissionDenied):
            save(db, actor, c)
    assert db.read(lambda s: s.scalar(select(func.count()).select_from(Target))) == 3


@pytest.mark.parametrize(
    ("bad", "code"),
    [
        (cell("company", 0, YEAR, "-1.00"), ("cells.0.value", "negative")),
        (cell("company", 0, YEAR, "1000000000000"), ("cells.0.value", "too_large")),
        (cell("company", 0, YEAR, "1.5", metric="won_count"), ("cells.0.value", "not_whole")),
        (cell("company", 0, YEAR, "1.005"), ("cells.0.value", "not_whole")),
        (cell("company", 0, YEAR, "1", metric="revenue"), ("cells.0.metric", "unknown")),
        (cell("region", 3, YEAR, "1"), ("cells.0.scope", "unknown")),
        (cell("company", 5, YEAR, "1"), ("cells.0.scope_id", "unknown")),
        (cell("team", 999999, YEAR, "1"), ("cells.0.scope_id", "unknown")),
        (cell("rep", 999999, YEAR, "1"), ("cells.0.scope_id", "unknown")),
        (TargetInput("won_amount", "company", 0, YEAR, 1.5), ("cells.0.value", "invalid")),
    ],
)
def test_validation(db, p, bad, code):
    with pytest.raises(ValidationFailed) as e:
        save(db, p.admin, bad)
    assert code in e.value.params["errors"]


def test_validation_refuses_admins_inactive_and_duplicates(db, p):
    gone = db.read(lambda s: s.scalar(select(User.id).where(User.login == "rep_gone")))
    for uid in (p.admin.id, gone):  # no row of theirs in the grid
        with pytest.raises(ValidationFailed):
            save(db, p.admin, cell("rep", uid, YEAR, "1"))
    with pytest.raises(ValidationFailed) as e:
        save(db, p.admin, cell("company", 0, YEAR, "1"), cell("company", 0, YEAR, "2"))
    assert ("cells.1", "duplicate") in e.value.params["errors"]


# ---------------------------------------------------------------- planning a split


def won(s, owner, amount, closed, customer_id, pipeline):
    stage = next(st for st in pipeline.stages if st.kind == "won")
    s.execute(insert(Deal).values(
        customer_id=customer_id, title="d", amount=D(amount), owner_id=owner.id,
        team_id=owner.team_id, pipeline_id=pipeline.id, stage_id=stage.id, status="won",
        created_at=closed, updated_at=closed, stage_entered_at=closed,
        closed_at=closed))  # fmt: skip


@pytest.fixture
def history(db, p, pipeline):
    """Won deals in 2025 (last year) and in Aug-Oct 2026 (the 3 months before 2026-11-20)."""
    from crmdesk.models.customers import CustomerInput, create_customer

    with db.writing() as s:
        cid = create_customer(s, p.admin, CustomerInput(name="客户"), NOW, owner_id=p.rep_n1.id)
        won(s, p.rep_n1, "3000.00", NOW.replace(year=2025, month=3), cid, pipeline)
        won(s, p.rep_n2, "1000.00", NOW.replace(year=2025, month=7), cid, pipeline)
        won(s, p.rep_s1, "4000.00", NOW.replace(year=2025, month=7), cid, pipeline)
        for month, amount in ((8, "300.00"), (9, "300.00"), (10, "300.00")):
            won(s, p.rep_n1, amount, NOW.replace(month=month), cid, pipeline)
        won(s, p.rep_n2, "9000.00", NOW.replace(month=9), cid, pipeline)
        won(s, p.rep_n2, "99999.00", NOW.replace(month=11, day=1), cid, pipeline)  # this month
    return p


def plan(db, actor, *args, **kw):
    kw.setdefault("today", NOW.date())
    return db.read(lambda s: plan_split(s, actor, *args, **kw))


def test_split_even_over_people_and_months(db, history):
    p, north = history, history.rep_n1.team_id
    save(db, p.admin, cell("team", north, YEAR, "1000.00"))
    got = plan(db, p.admin, "won_amount", YEAR, "team", north)
    assert sum(v for _k, v in got.parts) == D("1000.00")
    assert {k for k, _v in got.parts} == {("rep", u.id) for u in (p.manager_n, p.rep_n1, p.rep_n2)}
    # a total of whole yuan splits in whole yuan: 334 + 333 + 333, the yuan left stated
    assert got.unit == D(1) and sorted(got.as_dict().values()) == [D(333), D(333), D(334)]
    assert got.remainder == D(1) and got.remainder_key == got.parts[0][0]
    months = plan(db, p.admin, "won_amount", YEAR, "team", north, over="months")
    assert [k for k, _v in months.parts] == YEAR.months()
    assert [v for _k, v in months.parts] == [D(84)] * 4 + [D(83)] * 8
    assert months.remainder_keys == tuple(YEAR.months()[:4])
    big = plan(db, p.admin, "won_amount", YEAR, "team", north, over="months",
               total_value=D("4000000"))  # fmt: skip
    assert [v for _k, v in big.parts] == [D(333334)] * 4 + [D(333333)] * 8
    # cents only when the total has cents
    cents = plan(db, p.admin, "won_amount", YEAR, "team", north, over="months",
                 total_value=D("1000.50"))  # fmt: skip
    assert cents.unit == D("0.01") and cents.as_dict()[JAN] == D("83.38")
    assert sum(cents.as_dict().values()) == D("1000.50")
    company = plan(db, p.admin, "won_amount", YEAR, "company", 0, total_value=D("90.00"))
    assert {k for k, _v in company.parts} == {("team", north), ("team", p.rep_s1.team_id),
                                              ("rep", p.rep_x.id)}  # fmt: skip


def test_split_by_last_year(db, history):
    p = history
    save(db, p.admin, cell("company", 0, YEAR, "8000.00"))
    got = plan(db, p.admin, "won_amount", YEAR, "company", 0, method="last_year")
    # last year: North 3000 + 1000, South 4000, the lone rep 0
    assert got.as_dict() == {
        ("team", p.rep_n1.team_id): D("4000"),
        ("team", p.rep_s1.team_id): D("4000"),
        ("rep", p.rep_x.id): D("0"),
    }
    assert got.notes == (SOME_WITHOUT_HISTORY,)  # the lone rep's ¥0 is said, not silent
    months = plan(db, p.admin, "won_amount", YEAR, "company", 0, over="months", method="last_year")
    assert months.as_dict()[MAR] == D("3000.00") and months.as_dict()[Period(Y, 0, 7)] == D(
        "5000.00"
    )
    empty = plan(db, p.admin, "won_amount", Period(2030), "company", 0, method="last_year",
                 total_value=D("3.00"))  # fmt: skip
    assert NO_HISTORY in empty.notes and sum(empty.as_dict().values()) == D("3.00")
    assert SOME_WITHOUT_HISTORY not in empty.notes  # split evenly: nobody gets nothing
    nothing = plan(db, p.admin, "won_amount", YEAR, "company", 0, method="last_year",
                   total_value=D(0))  # fmt: skip
    assert SOME_WITHOUT_HISTORY not in nothing.notes  # a total of 0: nobody is short


def test_split_suggested(db, history):
    p, north = history, history.rep_n1.team_id
    n1, n2, mgr = ("rep", p.rep_n1.id), ("rep", p.rep_n2.id), ("rep", p.manager_n.id)
    # Aug-Oct average months: rep_n1 300, rep_n2 3000, the manager 0. Over a year each base
    # is 12 of those months × 70%: 2520 and 25200; the increment 3000 splits evenly.
    split = plan(db, p.admin, "won_amount", YEAR, "team", north, method="suggested",
                 total_value=D("30720"))  # fmt: skip
    assert split.as_dict() == {n1: D(3520), n2: D(26200), mgr: D(1000)}
    assert dict(split.bases) == {n1: D(2520), n2: D(25200), mgr: D(0)}
    assert [k for k, _b in split.bases] == [k for k, _v in split.parts]
    assert split.remainder == 0 and split.notes == ()
    odd = plan(db, p.admin, "won_amount", YEAR, "team", north, method="suggested",
               total_value=D("30721"))  # fmt: skip
    first = odd.parts[0][0]  # the tree's first rep takes the leftover yuan
    assert odd.remainder_key == first and odd.remainder == D(1)
    assert odd.as_dict()[first] == split.as_dict()[first] + 1
    # a quarter: 3 months' bases (630, 6300), the increment 1000 as 334 / 333 / 333
    quarter = plan(db, p.admin, "won_amount", Period(Y, 4), "team", north, method="suggested",
                   total_value=D("7930"))  # fmt: skip
    assert dict(quarter.bases) == {n1: D(630), n2: D(6300), mgr: D(0)}
    assert sum(quarter.as_dict().values()) == D(7930)
    assert quarter.as_dict()[n2] - D(6300) in (D(333), D(334))
    # over months: each month is one month's base, the team's (900 + 9000) / 3 × 70% = 2310
    months = plan(db, p.admin, "won_amount", YEAR, "team", north, over="months",
                  method="suggested", total_value=D("30000"))  # fmt: skip
    assert set(dict(months.bases).values()) == {D(2310)}
    assert set(months.as_dict().values()) == {D(2500)}
    small = plan(db, p.admin, "won_amount", YEAR, "team", north, method="suggested",
                 total_value=D("100.00"))  # fmt: skip
    assert small.notes == (BASES_EXCEED, SOME_WITHOUT_HISTORY)
    assert sum(small.as_dict().values()) == D("100.00") and small.as_dict()[mgr] == 0
    weighted = plan(db, p.admin, "won_amount", YEAR, "team", north, method="suggested",
                    weight="last_year", total_value=D("31720"))  # fmt: skip
    # increment 4000 by last year's 3000 : 1000 : 0
    assert weighted.as_dict() == {n1: D(5520), n2: D(26200), mgr: D(0)}
    assert SOME_WITHOUT_HISTORY in weighted.notes


def test_split_refusals(db, history):
    p = history
    with pytest.raises(ValidationFailed):  # nothing to split
        plan(db, p.admin, "won_amount", YEAR, "company", 0)
    with pytest.raises(ValidationFailed):  # a rep has no people under them
        plan(db, p.admin, "won_amount", YEAR, "rep", p.rep_n1.id, total_value=D(1))
    with pytest.raises(ValidationFailed):
        plan(db, p.admin, "won_amount", YEAR, "company", 0, method="magic", total_value=D(1))
    with pytest.raises(PermissionDenied):
        plan(db, p.rep_n1, "won_amount", YEAR, "team", p.rep_s1.team_id, total_value=D(1))


@pytest.mark.parametrize("method", ["even", "last_year", "suggested"])
def test_split_needs_edit_access(db, history, method):
    """A plan shows each child's history: only who may edit the row may ask for one."""
    p, north, south = history, history.rep_n1.team_id, history.rep_s1.team_id
    kw = {"method": method, "total_value": D("1000.00")}
    for actor, scope, sid in (
        (p.rep_n1, "company", 0),  # a rep reads the company row
        (p.rep_n1, "team", north),  # and their team's
        (p.manager_n, "company", 0),  # a manager reads the company row
        (p.manager_s, "team", north),  # another team's manager
    ):
        with pytest.raises(PermissionDenied):
            plan(db, actor, "won_amount", YEAR, scope, sid, **kw)
    own = plan(db, p.manager_n, "won_amount", YEAR, "team", north, **kw)
    assert sum(own.as_dict().values()) == D("1000.00")
    south_plan = plan(db, p.manager_s, "won_amount", YEAR, "team", south, over="months", **kw)
    assert sum(south_plan.as_dict().values()) == D("1000.00")
    assert plan(db, p.admin, "won_amount", YEAR, "company", 0, **kw).as_dict()
