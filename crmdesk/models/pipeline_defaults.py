"""The pipeline a new database starts with (the seeds' sales process) and the built-in lost
reasons. Migration 0009 writes them into a database; create_default_pipeline writes them into
one that has none (a test's emptied database, a demo). The names are Chinese and the codes let
the views show them in the user's language.

Frozen as of migration 0009: change what a new database gets in a new migration, not here.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

PIPELINE = {"code": "default", "name": "标准销售流程"}

# code, name, kind, probability, stale_days, required_fields, approval, threshold, questions
# questions: (code, text, kind, choices, must_be_yes)
STAGES = [
    ("initial", "初步接触", "open", 10, 14, "", "", None, []),
    ("needs", "需求分析", "open", 25, 14, "", "", None, [
        ("budget", "客户预算是否确认？", "yes_no", "", True),
        ("decision_maker", "谁做最终决定？", "text", "", False),
    ]),
    ("proposal", "方案演示", "open", 40, 21, "amount,expected_close", "", None, [
        ("demo_format", "演示方式", "choice", "现场\n远程", False),
    ]),
    ("quote", "报价", "open", 60, 14, "lines", "discount", Decimal("20"), []),
    ("negotiation", "谈判", "open", 80, 10, "", "", None, [
        ("objections", "客户的主要顾虑", "text", "", False),
    ]),
    ("won", "赢单", "won", 100, None, "", "", None, []),
    ("lost", "输单", "lost", 0, None, "", "", None, []),
]  # fmt: skip

LOST_REASONS = ["price", "competitor", "no_budget", "no_decision", "timing", "other"]


def seed(conn, now: datetime, tables=None) -> int:
    """Write the default pipeline, its stages and questions, and the lost reasons through a
    connection (a migration's or a session's); the new pipeline's id. tables: (pipelines,
    stages, stage_questions, lost_reasons) as a migration knows them (its own Table objects,
    frozen at its revision: the ORM classes may gain columns later); default: the ORM's."""
    if tables is None:
        from crmdesk.models.schema_deals import LostReason, Pipeline, Stage, StageQuestion

        tables = (Pipeline.__table__, Stage.__table__, StageQuestion.__table__,
                  LostReason.__table__)  # fmt: skip
    Pipeline, Stage, StageQuestion, LostReason = tables

    pipeline_id = conn.execute(
        insert(Pipeline).values(
            **PIPELINE, position=0, active=True, created_at=now, updated_at=now, version=1
        )  # fmt: skip
    ).inserted_primary_key[0]
    for position, (code, name, kind, prob, stale, fields, rule, limit, questions) in enumerate(
        STAGES
    ):
        stage_id = conn.execute(
            insert(Stage).values(
                pipeline_id=pipeline_id,
                position=position,
                name=name,
                code=code,
                kind=kind,
                probability=prob,
                stale_days=stale,
                required_fields=fields,
                approval=rule,
                approval_threshold=limit,
                active=True,
            )  # fmt: skip
        ).inserted_primary_key[0]
        for i, (qcode, text, qkind, choices, must_be_yes) in enumerate(questions):
            conn.execute(
                insert(StageQuestion).values(
                    stage_id=stage_id,
                    position=i,
                    code=qcode,
                    text=text,
                    kind=qkind,
                    choices=choices,
                    required=True,
                    must_be_yes=must_be_yes,
                    active=True,
                )  # fmt: skip
            )
    known = set(conn.execute(select(LostReason.c.code)).scalars())
    rows = [{"code": c, "label": "", "active": True, "position": i}
            for i, c in enumerate(LOST_REASONS) if c not in known]  # fmt: skip
    if rows:
        conn.execute(insert(LostReason), rows)
    return pipeline_id


def create_default_pipeline(session: Session, now: datetime) -> int:
    """The default pipeline's id, writing it (and the lost reasons) first if there is none."""
    from crmdesk.models.schema_deals import Pipeline

    found = session.scalar(select(Pipeline.id).where(Pipeline.code == PIPELINE["code"]))
    return found if found is not None else seed(session, now)
