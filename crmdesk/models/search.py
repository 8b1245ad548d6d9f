"""Finding customers by a substring of their name, a contact's name or a phone number.

customer_search holds one lower-cased text per customer (one line per searchable value). On
SQLite two contentless FTS5 indexes sit beside it, because LIKE '%term%' over 1M rows is a full
scan (~150-200 ms): a trigram index answers terms of three or more characters; a bigram index
over the name lines answers two-character terms (Chinese searches are often two characters,
which trigrams cannot match). One-character terms fall back to LIKE. Servers use LIKE.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from sqlalchemy import ColumnElement, and_, column, delete, insert, select, text
from sqlalchemy.orm import Session

from crmdesk.models.database import no_index
from crmdesk.models.schema import Contact, Customer, CustomerSearch

_PHONE_LIKE = re.compile(r"^[\d\s\-+()]+$")


def digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


def is_phone_like(value: str) -> bool:
    return bool(_PHONE_LIKE.match(value)) and len(digits(value)) >= 3


def build_body(name: str, contacts: Iterable[tuple[str, str, str]]) -> str:
    """contacts: (name, mobile, phone). Phones are indexed as typed and as bare digits."""
    lines = [name]
    for contact_name, mobile, phone in contacts:
        lines.append(contact_name)
        for number in (mobile, phone):
            if number:
                lines.append(number)
                if digits(number) != number:
                    lines.append(digits(number))
    return "\n".join(line.strip().lower() for line in lines if line and line.strip())


def bigrams(body: str) -> str:
    """Every two-character window of every word of the name lines (phone lines are left out:
    a two-digit phone search means nothing and digit pairs would bloat the index)."""
    out: list[str] = []
    for line in body.split("\n"):
        if _PHONE_LIKE.match(line):
            continue
        for word in line.split():
            out.extend(word[i : i + 2] for i in range(len(word) - 1))
    return " ".join(out)


def _fts_quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_terms(query: str) -> list[str]:
    """The terms a query is made of; all must match. A phone fragment counts by its digits."""
    query = query.strip().lower()
    if not query:
        return []
    if is_phone_like(query):
        return [digits(query)]
    return query.split()


COMMON_MATCHES = 2000  # above this a term is "common": walk the sort index instead


def _fts(term: str) -> tuple[str, str] | None:
    """(FTS table, MATCH argument) answering this term on SQLite, or None for LIKE."""
    if len(term) >= 3:
        return "customer_fts_tri", _fts_quote(term)
    if len(term) == 2 and term.isalnum():
        return "customer_fts_bi", _fts_quote(term)
    return None


def is_common(session: Session, term: str) -> bool:
    """Whether a term matches many customers (SQLite; counts at most COMMON_MATCHES + 1)."""
    fts = _fts(term)
    if fts is None:
        return True  # one character: LIKE over every row anyway
    table, match = fts
    sql = (
        f"SELECT count(*) FROM (SELECT rowid FROM {table} WHERE {table} MATCH :m "
        f"LIMIT {COMMON_MATCHES + 1})"
    )
    return (session.scalar(text(sql), {"m": match}) or 0) > COMMON_MATCHES


def term_condition(
    dialect: str, term: str, index: int, id_column=Customer.id
) -> ColumnElement[bool]:  # noqa: ANN001
    """A condition on the customer id matching customers whose search text contains term."""
    fts = _fts(term) if dialect == "sqlite" else None
    if fts is not None:
        table, match = fts
        name = f"search_{index}"
        sql = f"SELECT rowid FROM {table} WHERE {table} MATCH :{name}"
        return id_column.in_(text(sql).bindparams(**{name: match}).columns(column("rowid")))
    like = CustomerSearch.body.like(_like_pattern(term), escape="\\")
    return id_column.in_(select(CustomerSearch.customer_id).where(like))


def search_condition(
    session: Session, query: str, for_page: bool = False
) -> tuple[ColumnElement[bool] | None, bool]:
    """(condition, whether it is selective). For a page on SQLite, a search whose terms are all
    common is wrapped so the planner walks the sort index and probes the matches, instead of
    fetching and sorting tens of thousands of rows (科技: 83k of 1M)."""
    terms = search_terms(query)
    if not terms:
        return None, False
    dialect = session.get_bind().dialect.name
    selective = dialect == "sqlite" and not all(is_common(session, t) for t in terms)
    id_column = Customer.id
    if for_page and dialect == "sqlite" and not selective:
        id_column = no_index(Customer.id, dialect)
    condition = and_(*(term_condition(dialect, t, i, id_column) for i, t in enumerate(terms)))
    return condition, selective


def reindex(session: Session, customer_ids: Sequence[int]) -> None:
    """Recompute the search text of these customers from their name and contacts."""
    ids = sorted(set(customer_ids))
    if not ids:
        return
    stmt = select(Customer.id, Customer.name).where(Customer.id.in_(ids))
    names = {cid: name for cid, name in session.execute(stmt)}
    contacts: dict[int, list[tuple[str, str, str]]] = {i: [] for i in names}
    rows = session.execute(
        select(Contact.customer_id, Contact.name, Contact.mobile, Contact.phone)
        .where(Contact.customer_id.in_(ids))
        .order_by(Contact.id)
    )
    for customer_id, name, mobile, phone in rows:
        contacts[customer_id].append((name, mobile, phone))
    bodies = {i: build_body(names[i], contacts[i]) for i in names}
    sqlite = session.get_bind().dialect.name == "sqlite"
    if sqlite:
        old = session.execute(
            select(CustomerSearch.customer_id, CustomerSearch.body).where(
                CustomerSearch.customer_id.in_(ids)
            )
        ).all()
        _fts_delete(session, old)
    session.execute(delete(CustomerSearch).where(CustomerSearch.customer_id.in_(ids)))
    if bodies:
        session.execute(
            insert(CustomerSearch),
            [{"customer_id": i, "body": body} for i, body in bodies.items()],
        )
        if sqlite:
            _fts_insert(session, list(bodies.items()))


def _fts_delete(session: Session, rows: Sequence[tuple[int, str]]) -> None:
    if not rows:
        return
    # Contentless FTS5 tables forget a row only when told its original text.
    session.execute(
        text(
            "INSERT INTO customer_fts_tri(customer_fts_tri, rowid, body) VALUES('delete', :i, :b)"
        ),
        [{"i": i, "b": body} for i, body in rows],
    )
    session.execute(
        text("INSERT INTO customer_fts_bi(customer_fts_bi, rowid, body) VALUES('delete', :i, :b)"),
        [{"i": i, "b": bigrams(body)} for i, body in rows],
    )


def _fts_insert(session: Session, rows: Sequence[tuple[int, str]]) -> None:
    session.execute(
        text("INSERT INTO customer_fts_tri(rowid, body) VALUES(:i, :b)"),
        [{"i": i, "b": body} for i, body in rows],
    )
    session.execute(
        text("INSERT INTO customer_fts_bi(rowid, body) VALUES(:i, :b)"),
        [{"i": i, "b": bigrams(body)} for i, body in rows],
    )


def bulk_index_sqlite(dbapi_cursor, rows: Sequence[tuple[int, str]]) -> None:
    """The demo generator's fast path: rows of (customer_id, body) on a raw sqlite3 cursor."""
    dbapi_cursor.executemany("INSERT INTO customer_search(customer_id, body) VALUES(?, ?)", rows)
    dbapi_cursor.executemany("INSERT INTO customer_fts_tri(rowid, body) VALUES(?, ?)", rows)
    dbapi_cursor.executemany(
        "INSERT INTO customer_fts_bi(rowid, body) VALUES(?, ?)",
        [(i, bigrams(body)) for i, body in rows],
    )
