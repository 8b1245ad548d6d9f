"""Fill deals.reached_stage_id and deal_moves.stage_seconds from the stage history, for the
deals that were there before migration 0014 added them. Written against the tables as 0014
left them (its own table definitions, not the ORM's), so later columns cannot break it.

What they mean (every writer of the history keeps them so from then on):
- a deal's reached_stage_id is the open stage of the highest position among the stages its
  history entered it into (created, moved, reopened); None if it never was in an open stage;
- a move that changes a deal's stage (moved, won, lost, reopened) carries stage_seconds, the
  seconds between it and the move that put the deal into the stage it leaves. Approval steps
  (approval_requested, approved, rejected, approval_cancelled) do not change the stage;
- the moves that carry stage_seconds, and only they, carry deal_created_at, the deal's
  created_at (never changed): the funnel's days per stage of a cohort read them without a
  join on deals (analytics.funnel).

The writers keep them through the helpers at the end (stage_seconds_since, reached_after,
created_beside), the bulk writers (excel_deals, demo_deals) through history_facts over the rows
they write."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    select,
    update,
)

STAGE_CHANGES = ("created", "moved", "won", "lost", "reopened")
CHUNK = 2000

_meta = MetaData()
_stages = Table("stages", _meta, Column("id", Integer), Column("position", Integer),
                Column("kind", String(8)))  # fmt: skip
_deals = Table("deals", _meta, Column("id", Integer), Column("pipeline_id", Integer),
               Column("created_at", DateTime), Column("reached_stage_id", Integer))  # fmt: skip
_moves = Table("deal_moves", _meta, Column("id", Integer), Column("deal_id", Integer),
               Column("kind", String(24)), Column("to_stage_id", Integer),
               Column("at", DateTime), Column("stage_seconds", Integer),
               Column("deal_created_at", DateTime))  # fmt: skip


def history_facts(moves, positions: dict[int, tuple[int, str]]):
    """For one deal's moves (kind, to_stage_id, at, id) in history order: its reached stage
    and {move id: stage_seconds}."""
    reached, best, entered, seconds = None, None, None, {}
    for kind, to_stage, at, move_id in moves:
        if kind not in STAGE_CHANGES:
            continue
        if kind != "created" and entered is not None:
            seconds[move_id] = max(0, int((at - entered).total_seconds()))
        entered = at
        position, stage_kind = positions.get(to_stage, (None, ""))
        if stage_kind == "open" and kind != "won" and (best is None or position > best):
            reached, best = to_stage, position
    return reached, seconds


def backfill_reached(bind: Connection, pipeline_id: int | None = None) -> None:
    """Recompute reached_stage_id, stage_seconds and deal_created_at from the stored history
    and the deals' created_at, of every deal or of one pipeline's deals
    (pipeline_admin.save_pipeline, after an admin reordered its stages: the furthest stage by
    position may be another one now). Writes only the values that differ, so a recount of a
    pipeline whose order did not change writes nothing."""
    positions = {sid: (pos, kind) for sid, pos, kind in bind.execute(select(_stages))}
    last = 0
    while True:
        chunk = select(_deals.c.id, _deals.c.reached_stage_id, _deals.c.created_at).where(
            _deals.c.id > last
        )
        if pipeline_id is not None:
            chunk = chunk.where(_deals.c.pipeline_id == pipeline_id)
        deals = {i: (r, c) for i, r, c in bind.execute(chunk.order_by(_deals.c.id).limit(CHUNK))}
        if not deals:
            return
        first, last = min(deals), max(deals)
        # The moves of the chunk's deals, from ix_deal_moves_deal.
        where = [_moves.c.deal_id >= first, _moves.c.deal_id <= last]
        if pipeline_id is not None:  # the range may hold other pipelines' deals: not theirs
            where.append(_moves.c.deal_id.in_(
                select(_deals.c.id).where(_deals.c.pipeline_id == pipeline_id,
                                          _deals.c.id >= first, _deals.c.id <= last)))  # fmt: skip
        rows = bind.execute(
            select(_moves.c.deal_id, _moves.c.kind, _moves.c.to_stage_id, _moves.c.at,
                   _moves.c.id, _moves.c.stage_seconds, _moves.c.deal_created_at)
            .where(*where).order_by(_moves.c.deal_id, _moves.c.at, _moves.c.id)
        ).all()  # fmt: skip
        by_deal: dict[int, list] = {deal_id: [] for deal_id in deals}
        stored: dict[int, tuple] = {}
        for deal_id, kind, to_stage, at, move_id, seconds, created in rows:
            if deal_id in by_deal:  # (a move left by a deal removed without its history)
                by_deal[deal_id].append((kind, to_stage, at, move_id))
                stored[move_id] = (seconds, created)
        reached_rows, second_rows = [], []
        for deal_id, moves in by_deal.items():
            reached, seconds = history_facts(moves, positions)
            if reached != deals[deal_id][0]:
                reached_rows.append({"b_id": deal_id, "b_reached": reached})
            for move in moves:
                want = seconds.get(move[3])
                want = (want, created_beside(want, deals[deal_id][1]))
                if want != stored[move[3]]:
                    second_rows.append({"b_id": move[3], "b_seconds": want[0],
                                        "b_created": want[1]})  # fmt: skip
        if reached_rows:
            bind.execute(
                update(_deals).where(_deals.c.id == _bp("b_id"))
                .values(reached_stage_id=_bp("b_reached")), reached_rows
            )  # fmt: skip
        if second_rows:
            bind.execute(
                update(_moves).where(_moves.c.id == _bp("b_id"))
                .values(stage_seconds=_bp("b_seconds"), deal_created_at=_bp("b_created")),
                second_rows
            )  # fmt: skip


def _bp(name: str):
    from sqlalchemy import bindparam

    return bindparam(name)


# ---------------------------------------------------------------- for the writers


def stage_seconds_since(entered: datetime | None, now: datetime) -> int | None:
    """A stage-changing move's stage_seconds: from the deal's stage_entered_at (the moment of
    the move that put it there) to now."""
    if entered is None:
        return None
    return max(0, int((now - entered).total_seconds()))


def created_beside(stage_seconds: int | None, deal_created_at: datetime) -> datetime | None:
    """A move's deal_created_at: the deal's created_at where the move carries stage_seconds."""
    return None if stage_seconds is None else deal_created_at


def reached_after(session, reached_id: int | None, target_id: int, kind: str) -> int | None:
    """The deal's reached_stage_id after a move of this kind (MOVE_KINDS) into target_id:
    the target when it is an open stage further (by position) than the one reached so far."""
    if kind not in ("created", "moved", "reopened"):
        return reached_id
    wanted = [target_id] if reached_id is None else [target_id, reached_id]
    rows = {sid: (pos, k) for sid, pos, k in session.execute(
        select(_stages.c.id, _stages.c.position, _stages.c.kind)
        .where(_stages.c.id.in_(wanted)))}  # fmt: skip
    position, stage_kind = rows.get(target_id, (None, ""))
    if stage_kind != "open":
        return reached_id
    if reached_id is None or reached_id not in rows or position > rows[reached_id][0]:
        return target_id
    return reached_id
