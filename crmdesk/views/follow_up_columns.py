"""The columns of a list of follow-ups across customers (the rows: models.follow_up_list), for
`crmdesk export follow-ups`. Their titles are headers the follow-up importer recognises, so an
export can be imported again."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from crmdesk.views.labels import kind_label, local_time
from crmdesk.views.table_model import Column, local_moment


def follow_up_columns() -> list[Column]:
    return [
        Column("customer", QCoreApplication.translate("FollowUpColumns", "Customer"), 220,
               lambda r: r.customer_name),
        Column("customer_external_id",
               QCoreApplication.translate("FollowUpColumns", "Customer ID"), 90,
               lambda r: r.customer_external_id),
        Column("kind", QCoreApplication.translate("FollowUpColumns", "Type"), 60,
               lambda r: kind_label(r.kind)),
        Column("content", QCoreApplication.translate("FollowUpColumns", "Content"), 420,
               lambda r: r.content),
        Column("happened_at", QCoreApplication.translate("FollowUpColumns", "Date"), 120,
               lambda r: local_time(r.happened_at), cell=lambda r: local_moment(r.happened_at),
               kind="datetime"),
        Column("next_follow_up_at",
               QCoreApplication.translate("FollowUpColumns", "Next follow-up"), 120,
               lambda r: local_time(r.next_follow_up_at),
               cell=lambda r: local_moment(r.next_follow_up_at), kind="datetime"),
        Column("author", QCoreApplication.translate("FollowUpColumns", "Author"), 80,
               lambda r: r.author_name),
    ]  # fmt: skip
