"""The Workspace's import methods (excel_workspace.py) on three backends: remembered mappings,
the stages a deals import maps to, the pools one may fill, the import's recorded choices."""

from __future__ import annotations

import json

from excel_apply_helpers import plan_of, ws
from sqlalchemy import select

from crmdesk.models import pool
from crmdesk.models.excel_types import ImportOptions, Mapping
from crmdesk.models.pool import PoolInput
from crmdesk.models.schema_imports import Import


def test_a_mapping_is_remembered_by_its_headers(db, people):
    w = ws(db, people.rep_n1)
    headers = ["客户名称", "手机", "备注"]
    assert w.remembered_mapping("customers", headers) is None
    w.remember_mapping("customers", headers, Mapping({0: "name", 2: "notes"}))
    assert w.remembered_mapping("customers", headers).columns == {0: "name", 2: "notes"}
    moved = ["备注", "客户名称", "手机"]  # another signature: not this mapping
    assert w.remembered_mapping("customers", moved) is None


def test_the_stages_of_the_default_pipeline(db, people, pipeline):
    stages = ws(db, people.rep_n1).import_plan_stages()
    assert stages == [(s.id, s.name, s.code, s.kind) for s in pipeline.stages]
    assert [k for *_x, k in stages][-2:] == ["won", "lost"]


def test_the_pools_one_may_fill(db, people):
    with db.writing() as s:
        pool.ensure_defaults(s, ws(db, people.admin).clock())
    admin = ws(db, people.admin)
    admin.save_pool(
        None,
        PoolInput(
            name="华南公海",
            admin_ids=(people.manager_s.id,),
            member_team_ids=(people.manager_s.team_id,),
        ),
    )
    names = [name for _i, name in admin.import_pools()]
    assert len(names) == 2 and "华南公海" in names
    assert [n for _i, n in ws(db, people.manager_s).import_pools()] == ["华南公海"]
    assert ws(db, people.rep_n1).import_pools() == []


def test_the_import_keeps_its_choices_and_mapping(db, people):
    plan = plan_of("customers", [{"name": "甲", "mobile": "13800000000"}])
    options = ImportOptions(dedupe_key="phone", on_duplicate="fill")
    out = ws(db, people.rep_n1).apply_import(plan, options, "客户.xlsx", "Sheet1")
    with db.reading() as s:
        kept = json.loads(s.scalar(select(Import.options).where(Import.id == out.value.import_id)))
    assert (kept["dedupe_key"], kept["on_duplicate"], kept["owner_mode"]) == ("phone", "fill", "me")
    assert kept["mapping"]["columns"] == [["mobile", "mobile"], ["name", "name"]]
