"""The pipeline board and the deal list (deal_board.py) on SQLite, PostgreSQL and MariaDB: column
figures against a Python sum over the rows inserted, scopes, filters, paging order, deleted
deals and deleted customers hidden, the list's sorts, counts and ids."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest
from helpers import NOW
from sqlalchemy import insert, select, update

from crmdesk.models.customers import CustomerInput, create_customer
from crmdesk.models.deal_board import SORTS, BoardQuery, DealQuery, clean_query
from crmdesk.models.errors import NotFound, ValidationFailed
from crmdesk.models.schema import Customer, User
from crmdesk.models.schema_deals import Deal
from crmdesk.models.workspace import Workspace

LATER = NOW + timedelta(days=3)  # the clock of every read
CENT = Decimal("0.01")
CUSTOMER_NAMES = ["星辰科技", "远航贸易", "Alpha Trading", "宏达机械", "Zeta Foods", "金桥物流"]


def ws(db, actor):
    return Workspace(db, actor, clock=lambda: LATER)


class Board:
    """Deals inserted straight into the table (random amounts, probabilities, stages, dates),
    and the same facts kept in Python to check every answer against."""

    def __init__(self, db, people, pipeline, seed: int = 5, n: int = 90) -> None:
        rng = random.Random(seed)
        p = self.people = people
        self.pipeline = pipeline
        self.stage = {s.id: s for s in pipeline.stages}
        owners = [p.rep_n1, p.rep_n2, p.rep_s1, p.manager_n]
        with db.writing() as s:
            self.customers = {}
            for i, name in enumerate(CUSTOMER_NAMES):
                owner = owners[i % len(owners)]
                cid = create_customer(s, owner, CustomerInput(name=name), NOW)
                self.customers[cid] = name
            self.name_sort = dict(s.execute(select(Customer.id, Customer.name_sort)).all())
            self.owner_sort = dict(s.execute(select(User.id, User.name_sort)).all())
        customer_ids = sorted(self.customers)
        self.gone_customer = customer_ids[-1]  # goes to the recycle bin with its deals hidden
        rows = []
        same_time = LATER - timedelta(days=2, hours=5)  # ties broken by id
        for i in range(n):
            owner = rng.choice(owners)
            stage = rng.choice(pipeline.stages)
            status = stage.kind
            entered = (
                same_time if i % 6 == 0 else LATER - timedelta(seconds=rng.randrange(40 * 86400))
            )
            rows.append(
                {
                    "customer_id": rng.choice(customer_ids),
                    "title": f"Deal {i:03d} {rng.choice(['ERP', 'crm', 'Cloud', '折扣 50% 方案'])}",
                    "amount": Decimal(rng.randrange(0, 10**9)) / 100,
                    "amount_manual": True,
                    "owner_id": owner.id,
                    "team_id": owner.team_id,
                    "pipeline_id": pipeline.id,
                    "stage_id": stage.id,
                    "status": status,
                    "probability": None if rng.random() < 0.5 else rng.randrange(0, 101),
                    "expected_close": None
                    if rng.random() < 0.25
                    else date(2026, 9, 1) + timedelta(days=rng.randrange(200)),
                    "created_at": NOW - timedelta(days=rng.randrange(300), seconds=i),
                    "updated_at": NOW - timedelta(seconds=rng.randrange(10**6)),
                    "stage_entered_at": entered,
                    "closed_at": entered if status != "open" else None,
                    "awaiting_stage_id": None,
                    "deleted_at": NOW if i % 11 == 5 else None,
                    "version": 1,
                }
            )
        rows[1]["awaiting_stage_id"] = rows[1]["stage_id"]
        with db.writing() as s:
            s.execute(insert(Deal), rows)
            ids = list(s.scalars(select(Deal.id).order_by(Deal.id)))
            s.execute(
                update(Customer).where(Customer.id == self.gone_customer).values(deleted_at=NOW)
            )
        for row, deal_id in zip(rows, ids, strict=True):
            row["id"] = deal_id
        self.rows = rows

    # -- the Python side
    def visible(self, actor, query: BoardQuery) -> list[dict]:
        q = clean_query(query)
        out = []
        for r in self.rows:
            if r["deleted_at"] is not None or r["customer_id"] == self.gone_customer:
                continue
            if not actor.is_admin:
                if actor.is_manager and actor.team_id is not None:
                    if r["team_id"] != actor.team_id:
                        continue
                elif r["owner_id"] != actor.id:
                    continue
            if q.scope == "mine" and r["owner_id"] != actor.id:
                continue
            if q.scope == "team" and actor.team_id is not None and r["team_id"] != actor.team_id:
                continue
            if q.owner_id is not None and r["owner_id"] != q.owner_id:
                continue
            close = r["expected_close"]
            if q.close_from and (close is None or close < q.close_from):
                continue
            if q.close_to and (close is None or close > q.close_to):
                continue
            if q.stale_only and not self.stale(r):
                continue
            words = q.search.lower().split()
            if not all(w in r["title"].lower() or w in self.customers[r["customer_id"]].lower()
                       for w in words):  # fmt: skip
                continue
            out.append(r)
        return out

    def stale(self, r) -> bool:
        stage = self.stage[r["stage_id"]]
        return (
            stage.is_open
            and stage.stale_days is not None
            and r["stage_entered_at"] < LATER - timedelta(days=stage.stale_days)
        )

    def probability(self, r) -> int:
        p = r["probability"]
        return self.stage[r["stage_id"]].probability if p is None else p

    def figures(self, actor, query) -> list[tuple[int, int, Decimal, Decimal]]:
        rows = self.visible(actor, query)
        out = []
        for stage in self.pipeline.open_stages:
            here = [r for r in rows if r["stage_id"] == stage.id]
            total = sum((r["amount"] for r in here), Decimal("0.00"))
            weighted = sum((r["amount"] * self.probability(r) / 100 for r in here), Decimal(0))
            out.append((stage.id, len(here), total.quantize(CENT),
                        weighted.quantize(CENT, rounding=ROUND_HALF_UP)))  # fmt: skip
        return out

    def cards(self, actor, query, stage_id) -> list[int]:
        rows = [r for r in self.visible(actor, query) if r["stage_id"] == stage_id]
        rows.sort(key=lambda r: (r["stage_entered_at"], r["id"]), reverse=True)
        return [r["id"] for r in rows]


@pytest.fixture
def board(db, people, pipeline):
    return Board(db, people, pipeline)


def figures_of(db, actor, query):
    return [(f.stage_id, f.count, f.total, f.weighted) for f in ws(db, actor).board_columns(query)]


def all_cards(db, actor, query, stage_id, page=1000):
    return [c.id for c in ws(db, actor).stage_cards(query, stage_id, 0, page)]


def test_column_figures_match_a_python_sum_for_every_role(db, board):
    p = board.people
    query = BoardQuery(pipeline_id=board.pipeline.id)
    for actor in (p.admin, p.manager_n, p.rep_n1, p.rep_s1, p.manager_s):
        got = figures_of(db, actor, query)
        assert got == board.figures(actor, query), actor.login
        assert [f[0] for f in got] == [s.id for s in board.pipeline.open_stages]
        assert all(isinstance(f[2], Decimal) and isinstance(f[3], Decimal) for f in got)
    # Something to compare: the admin's columns are not all empty, deals carry their own
    # probability and their stage's, and some have one of each in the same column.
    assert sum(f[1] for f in figures_of(db, p.admin, query)) > 20
    assert any(r["probability"] is None for r in board.rows)
    assert any(r["probability"] is not None for r in board.rows)


def test_a_column_of_nobody_is_zeros(db, board, people):
    query = BoardQuery(pipeline_id=board.pipeline.id, search="no deal is called this")
    for _stage, count, total, weighted in figures_of(db, people.admin, query):
        assert (count, total, weighted) == (0, Decimal("0.00"), Decimal("0.00"))


def test_scopes(db, board):
    p = board.people
    pid = board.pipeline.id
    cases = [
        (p.admin, "all"), (p.admin, "mine"), (p.admin, "team"),
        (p.manager_n, "all"), (p.manager_n, "team"), (p.manager_n, "mine"),
        (p.rep_n1, "all"), (p.rep_n1, "team"), (p.rep_s1, "mine"),
    ]  # fmt: skip
    for actor, scope in cases:
        query = BoardQuery(pipeline_id=pid, scope=scope)
        assert figures_of(db, actor, query) == board.figures(actor, query), (actor.login, scope)
        for stage in board.pipeline.open_stages:
            assert all_cards(db, actor, query, stage.id) == board.cards(actor, query, stage.id)
    # A rep never sees a colleague's deal, whatever the scope says.
    seen = {c for s in board.pipeline.open_stages
            for c in all_cards(db, p.rep_n1, BoardQuery(pipeline_id=pid), s.id)}  # fmt: skip
    owners = {r["id"]: r["owner_id"] for r in board.rows}
    assert seen and {owners[i] for i in seen} == {p.rep_n1.id}
    # The manager's team: both reps' deals and the manager's own, none of the south.
    seen = {owners[c] for s in board.pipeline.open_stages
            for c in all_cards(db, p.manager_n, BoardQuery(pipeline_id=pid), s.id)}  # fmt: skip
    assert seen == {p.rep_n1.id, p.rep_n2.id, p.manager_n.id}


def test_filters(db, board):
    p = board.people
    pid = board.pipeline.id
    queries = [
        BoardQuery(pipeline_id=pid, search="crm"),
        BoardQuery(pipeline_id=pid, search="CRM"),  # case-insensitive
        BoardQuery(pipeline_id=pid, search="星辰"),  # the customer's name
        BoardQuery(pipeline_id=pid, search="alpha erp"),  # every word, in either text
        BoardQuery(pipeline_id=pid, search="50%"),  # % and _ are themselves
        BoardQuery(pipeline_id=pid, search="0_"),
        BoardQuery(pipeline_id=pid, close_from=date(2026, 10, 1), close_to=date(2026, 12, 31)),
        BoardQuery(pipeline_id=pid, close_to=date(2026, 11, 15)),
        BoardQuery(pipeline_id=pid, stale_only=True),
        BoardQuery(pipeline_id=pid, owner_id=p.rep_n2.id),
        BoardQuery(pipeline_id=pid, owner_id=p.rep_n2.id, stale_only=True, search="deal"),
    ]
    for query in queries:
        for actor in (p.admin, p.manager_n):
            expected = board.figures(actor, query)
            assert figures_of(db, actor, query) == expected, query
            for stage in board.pipeline.open_stages:
                assert all_cards(db, actor, query, stage.id) == board.cards(actor, query, stage.id)
                assert ws(db, actor).count_stage(query, stage.id) == len(
                    board.cards(actor, query, stage.id)
                )
            assert count_of(db, actor, query) == len(
                [r for r in board.visible(actor, query) if r["status"] == "open"]
            )
    # The filters were tested on something: each keeps some deals and leaves out others.
    everything = len(board.visible(p.admin, BoardQuery(pipeline_id=pid)))
    for query in queries[2:4] + queries[6:10]:
        assert 0 < len(board.visible(p.admin, query)) < everything, query
    assert board.visible(p.admin, queries[4])
    assert not board.visible(p.admin, queries[5])


def count_of(db, actor, query):
    return ws(db, actor).count_deals(query)


def test_cards_carry_what_the_card_shows(db, board):
    p = board.people
    query = BoardQuery(pipeline_id=board.pipeline.id)
    by_id = {r["id"]: r for r in board.rows}
    names = {u.id: u.name for u in (p.rep_n1, p.rep_n2, p.rep_s1, p.manager_n)}
    stale_seen = 0
    for stage in board.pipeline.open_stages:
        for card in ws(db, p.admin).stage_cards(query, stage.id, 0, 1000):
            r = by_id[card.id]
            assert card.title == r["title"]
            assert card.customer_id == r["customer_id"]
            assert card.customer_name == board.customers[r["customer_id"]]
            assert card.amount == r["amount"] and isinstance(card.amount, Decimal)
            assert card.currency == "CNY"
            assert (card.owner_id, card.owner_name) == (r["owner_id"], names[r["owner_id"]])
            assert card.stage_id == stage.id
            assert card.probability == board.probability(r)
            assert card.expected_close == r["expected_close"]
            assert card.days_in_stage == (LATER - r["stage_entered_at"]).days
            assert card.stale == board.stale(r)
            assert card.awaiting_approval == (r["awaiting_stage_id"] is not None)
            assert card.version == 1
            stale_seen += card.stale
    assert 0 < stale_seen


def test_pages_of_a_column_are_stable_and_in_order(db, board):
    p = board.people
    query = BoardQuery(pipeline_id=board.pipeline.id)
    for stage in board.pipeline.open_stages:
        expected = board.cards(p.admin, query, stage.id)
        pages = []
        for offset in range(0, len(expected) + 3, 3):
            pages.extend(c.id for c in ws(db, p.admin).stage_cards(query, stage.id, offset, 3))
        assert pages == expected
    # Ties on the time in the stage (every sixth deal entered at once) are broken by id.
    tied = [r for r in board.rows if r["stage_entered_at"] == board.rows[0]["stage_entered_at"]]
    assert len(tied) > 3


def test_deleted_deals_and_deleted_customers_are_hidden(db, board):
    p = board.people
    gone = {r["id"] for r in board.rows if r["deleted_at"] is not None}
    orphaned = {r["id"] for r in board.rows if r["customer_id"] == board.gone_customer}
    assert gone and orphaned
    query = DealQuery(pipeline_id=board.pipeline.id, include_closed=True)
    listed = set(ws(db, p.admin).deal_ids(query, 0, 1000))
    cards = {c for s in board.pipeline.open_stages for c in all_cards(db, p.admin, query, s.id)}
    assert not (listed | cards) & (gone | orphaned)
    assert listed == {r["id"] for r in board.visible(p.admin, query)}
    assert ws(db, p.admin).count_deals(query) == len(listed)


def _expected_order(board, actor, query) -> list[int]:
    rows = board.visible(actor, query)
    if not query.include_closed:
        rows = [r for r in rows if r["status"] == "open"]
    kinds = {"open": 0, "won": 1, "lost": 2}

    def key(r):
        stage = board.stage[r["stage_id"]]
        return {
            "title": (r["title"],),
            "customer": (board.name_sort[r["customer_id"]], board.customers[r["customer_id"]]),
            "stage": (r["pipeline_id"], kinds[stage.kind], stage.position, stage.id),
            "status": (r["status"],),
            "amount": (r["amount"],),
            "probability": (board.probability(r),),
            "owner": (board.owner_sort[r["owner_id"]], r["owner_id"]),
            "expected_close": (r["expected_close"] or date.min,),
            "stage_entered_at": (r["stage_entered_at"],),
            "created_at": (r["created_at"],),
            "updated_at": (r["updated_at"],),
        }[query.sort] + (r["id"],)

    ordered = sorted(rows, key=key, reverse=query.descending)
    if query.sort == "expected_close":  # no date last, whichever the direction
        ordered = [r for r in ordered if r["expected_close"]] + [
            r for r in ordered if not r["expected_close"]
        ]
    return [r["id"] for r in ordered]


@pytest.mark.parametrize("descending", [False, True])
def test_list_sorts_counts_and_ids(db, board, descending):
    p = board.people
    for include_closed in (False, True):
        for sort in SORTS:
            query = DealQuery(pipeline_id=board.pipeline.id, sort=sort, descending=descending,
                              include_closed=include_closed)  # fmt: skip
            expected = _expected_order(board, p.admin, query)
            rows = ws(db, p.admin).list_deals(query, 0, 1000)
            assert [r.id for r in rows] == expected, (sort, descending, include_closed)
            assert ws(db, p.admin).deal_ids(query, 0, 1000) == expected
            assert ws(db, p.admin).count_deals(query) == len(expected)
            paged = []
            for offset in range(0, len(expected), 7):
                paged.extend(r.id for r in ws(db, p.admin).list_deals(query, offset, 7))
            assert paged == expected
            assert ws(db, p.admin).deal_ids(query, 5, 4) == expected[5:9]
    # Every pipeline (pipeline_id 0) is the list's choice too.
    assert ws(db, p.admin).count_deals(DealQuery(include_closed=True)) == len(
        board.visible(p.admin, DealQuery(include_closed=True))
    )


def test_list_rows_carry_what_the_list_shows(db, board):
    p = board.people
    by_id = {r["id"]: r for r in board.rows}
    query = DealQuery(pipeline_id=board.pipeline.id, include_closed=True)
    rows = ws(db, p.manager_n).list_deals(query, 0, 1000)
    assert {r.status for r in rows} == {"open", "won", "lost"}
    for row in rows:
        r = by_id[row.id]
        stage = board.stage[r["stage_id"]]
        assert (row.stage_id, row.stage_name, row.stage_code) == (stage.id, stage.name, stage.code)
        assert row.status == r["status"] and row.amount == r["amount"]
        assert row.probability == board.probability(r)
        weighted = (r["amount"] * board.probability(r) / 100).quantize(CENT, ROUND_HALF_UP)
        assert row.weighted == weighted
        assert row.stale == board.stale(r)
        assert row.customer_name == board.customers[r["customer_id"]]
        assert row.closed_at == r["closed_at"] and row.updated_at == r["updated_at"]
        assert row.days_in_stage == (LATER - r["stage_entered_at"]).days


def test_a_stage_or_pipeline_not_of_the_board_is_not_found(db, board, people):
    w = ws(db, people.admin)
    with pytest.raises(NotFound):
        w.board_columns(BoardQuery())  # the board needs its pipeline
    with pytest.raises(NotFound):
        w.board_columns(BoardQuery(pipeline_id=board.pipeline.id + 1000))
    with pytest.raises(NotFound):
        w.stage_cards(BoardQuery(pipeline_id=board.pipeline.id), 10**6, 0, 10)
    with pytest.raises(NotFound):
        w.stage_cards(BoardQuery(pipeline_id=board.pipeline.id), "3", 0, 10)
    with pytest.raises(ValidationFailed):
        w.stage_cards(BoardQuery(pipeline_id=board.pipeline.id), board.pipeline.stages[0].id,
                      -1, 10)  # fmt: skip
    with pytest.raises(ValidationFailed):
        w.list_deals(DealQuery(), 0, 10**6)


def test_odd_queries_are_made_safe(db, board, people):
    odd = BoardQuery(pipeline_id="x", scope="everyone", owner_id=True, search="a\x00b" * 300,
                     close_from="2026-13-01", stale_only=1, sort="drop", descending=0)  # fmt: skip
    clean = clean_query(odd)
    assert (clean.pipeline_id, clean.scope, clean.owner_id) == (0, "all", 0)
    assert "\x00" not in clean.search and len(clean.search) == 200
    assert (clean.close_from, clean.stale_only, clean.sort, clean.descending) == (
        None, True, "stage_entered_at", False)  # fmt: skip
    assert ws(db, people.admin).count_deals(odd) == 0  # owner 0: nobody
    query = DealQuery(pipeline_id=board.pipeline.id, owner_id=people.rep_n1.id,
                      close_from=date(2026, 1, 2), sort="amount")  # fmt: skip
    assert DealQuery.from_dict(query.to_dict()) == query
    assert BoardQuery.from_dict({"close_to": "not a day", "unknown": 1}) == BoardQuery()
    assert clean_query(BoardQuery(close_to="2026-12-31")).close_to == date(2026, 12, 31)
    # A search the servers would refuse to store is still only a search.
    weird = replace(query, search="'; DROP TABLE deals; --")
    assert ws(db, people.admin).list_deals(weird, 0, 10) == []


def test_owner_choices(db, board, people):
    p = people
    assert [u.id for u in ws(db, p.rep_n1).board_owner_choices()] == [p.rep_n1.id]
    assert {u.id for u in ws(db, p.manager_n).board_owner_choices()} == {
        p.manager_n.id, p.rep_n1.id, p.rep_n2.id}  # fmt: skip
    assert len(ws(db, p.admin).board_owner_choices()) == 6
