"""Finding customers by a substring of their name, a contact's name or a phone number.

customer_search holds one lower-cased text per customer (one line per searchable value). On
SQLite two contentless FTS5 indexes sit beside it, because LIKE '%term%' over 1M rows is a full
scan (~150-200 ms): a trigram index answers terms of three or more characters; a bigram index
over the name lines answers two-character terms (Chinese searches are often two characters,
which trigrams cannot match). One-character terms fall back to LIKE. Servers use LIKE.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    case,
    column,
    delete,
    exists,
    false,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from crmdesk.models import phones, pinyin
from crmdesk.models.checks import TEXT_LIMIT
from crmdesk.models.dialects import holds_all, one_of
from crmdesk.models.phones import digits
from crmdesk.models.schema import Contact, Customer, CustomerGrams, CustomerSearch

_PHONE_LIKE = re.compile(r"^[\d\s\-+()]+$")


def is_phone_like(value: str) -> bool:
    return bool(_PHONE_LIKE.match(value)) and len(digits(value)) >= 3


def build_body(name: str, contacts: Iterable[tuple[str, str, str]]) -> str:
    """contacts: (name, mobile, phone). Phones are indexed as typed, as bare digits and, when
    it differs, by their key (phones.phone_key: `+86 10 1234 5678` is found as 01012345678).
    Tags are not in it (a bulk tag change would rewrite 30,000 texts): a search finds them
    through customer_tags (tagged_terms)."""
    lines = [name]
    for contact_name, mobile, phone in contacts:
        lines.append(contact_name)
        for number in (mobile, phone):
            if number:
                forms = [number]
                for form in (digits(number), phones.phone_key(number)):
                    if form not in forms:
                        forms.append(form)
                lines.extend(forms)
    kept = [line.strip().lower() for line in lines if line and line.strip()]
    # Cut to what a MariaDB TEXT column holds; contacts.MAX_CONTACTS keeps any real customer
    # far below it.
    return with_pinyin("\n".join(kept))[:TEXT_LIMIT]


def with_pinyin(body: str) -> str:
    """The text with the full pinyin and the initials of each of its Chinese lines appended
    (pinyin.search_lines), so `keji`, `kj` and `bjxc` find 北京星辰科技. Computed from the lines
    alone, so an upgrade (migration 0005) adds them to stored texts as build_body would."""
    lines = body.split("\n") if body else []
    extra: list[str] = []
    for line in lines:
        if not _PHONE_LIKE.match(line):
            extra.extend(x for x in pinyin.search_lines(line) if x not in extra)
    return "\n".join(lines + extra)


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


# Digits are indexed in fours: in fours a phone fragment's tokens are ~50 times rarer than in
# threes (1,000 values, and every mobile starts 13x-19x), and MariaDB's full-text search costs
# what its tokens match (13812 in threes: 0.1 s). Three-digit searches match ~5% of customers:
# they are common, and walk the sort index anyway.
DIGIT_GRAM = 4
_DIGIT_RUN = re.compile(f"[0-9]{{{DIGIT_GRAM},}}")
_DIGITS = re.compile(r"[0-9]+")


def _encode(gram: str) -> str:
    """A gram as a token every full-text parser keeps whole: 'g' and the UTF-8 bytes in hex
    (MariaDB's parser drops tokens under 3 characters and would split CJK and punctuation)."""
    return "g" + gram.encode("utf-8").hex()


def grams(body: str) -> str:
    """The tokens the servers' indexes hold for a search text, space-separated: the bigrams of
    every word that is not all digits, and the digit 4-grams of every run of 4+ digits. Every
    term term_tokens serves has all its tokens here whenever the text contains it."""
    out: set[str] = set()
    for word in body.split():
        if not _DIGITS.fullmatch(word):
            out.update(word[i : i + 2] for i in range(len(word) - 1))
        for run in _DIGIT_RUN.findall(word):
            n = DIGIT_GRAM
            out.update(run[i : i + n] for i in range(len(run) - n + 1))
    return " ".join(sorted(_encode(g) for g in out))


def term_tokens(term: str) -> tuple[list[str], bool] | None:
    """(tokens a text must hold to contain term, whether containing them proves it), or None
    where no index can answer: one character, or fewer digits than DIGIT_GRAM."""
    if _DIGITS.fullmatch(term):
        n = DIGIT_GRAM
        if len(term) < n:
            return None
        return [_encode(term[i : i + n]) for i in range(len(term) - n + 1)], len(term) == n
    if len(term) < 2 or any(ch.isspace() for ch in term):
        return None
    tokens = sorted({_encode(term[i : i + 2]) for i in range(len(term) - 1)})
    return tokens, len(term) == 2


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
        return [phones.search_digits(query)]
    return query.split()


def _fts(term: str) -> tuple[str, str] | None:
    """(FTS table, MATCH argument) answering this term on SQLite, or None for LIKE."""
    if len(term) >= 3:
        return "customer_fts_tri", _fts_quote(term)
    # Not a term a phone line could hold: those lines are left out of the bigrams.
    if len(term) == 2 and term.isalnum() and not _PHONE_LIKE.match(term):
        return "customer_fts_bi", _fts_quote(term)
    return None


def common_threshold(customers: int, dialect: str = "sqlite") -> int:
    """Above this many matches, walking the sort index and testing each row's text (~5 µs a
    row, 100/density rows for a page) beats fetching and sorting every match (~2 µs a match):
    the two meet at sqrt(250 * customers), about 16,000 matches at 1M customers. MariaDB's
    full-text search costs ~50 µs a match it returns (a token in 42,000 texts: 2 s; three
    tokens that leave 538: 0.1 s), so there they meet at sqrt(10 * customers), ~3,200."""
    factor = 10 if dialect == "mysql" else 250
    return max(500, int(math.sqrt(factor * customers)))


def is_common(session: Session, term: str, threshold: int) -> bool:
    """Whether a term matches more than `threshold` customers (SQLite; counts no further)."""
    found = _text_matches(session, term, threshold)
    return found is None or found > threshold


def _text_matches(session: Session, term: str, threshold: int) -> int | None:
    """How many search texts the FTS index finds the term in, counting no further than
    threshold + 1 (SQLite; 0 is always exact); None where no index answers (one character:
    LIKE)."""
    fts = _fts(term)
    if fts is None:
        return None
    table, match = fts
    sql = f"SELECT count(*) FROM (SELECT rowid FROM {table} WHERE {table} MATCH :m LIMIT :n)"
    return session.scalar(text(sql), {"m": match, "n": max(threshold, 0) + 1}) or 0


def term_condition(dialect: str, term: str, index: int) -> ColumnElement[bool]:
    """Customers whose search text contains term, as a set of ids (FTS on SQLite)."""
    fts = _fts(term) if dialect == "sqlite" else None
    if fts is not None:
        table, match = fts
        name = f"search_{index}"
        sql = f"SELECT rowid FROM {table} WHERE {table} MATCH :{name}"
        return Customer.id.in_(text(sql).bindparams(**{name: match}).columns(column("rowid")))
    return Customer.id.in_(select(CustomerSearch.customer_id).where(_like(term)))


def _like(term: str) -> ColumnElement[bool]:
    return CustomerSearch.body.like(_like_pattern(term), escape="\\")


def text_likes(query: str) -> list[ColumnElement[bool]]:
    """customer_search's text contains every term of the query (to join on customer_id)."""
    return [_like(t) for t in search_terms(query)]


def _row_test(terms: list[str], dialect: str = "") -> ColumnElement[bool]:
    """Each row's own text contains every term: one primary-key lookup per row tested. On
    SQLite as `id IN (a subquery on this id)`: that its planner tests from the sort index's
    rowid before it reads the customer's row, which then is read for the matches only (an
    EXISTS is tested after the row's other conditions, so every row walked was read: keji's
    page at 1M walks ~1,200 rows, 4.4 ms -> 2.5 ms). The servers plan EXISTS well."""
    likes = [_like(t) for t in terms]
    if dialect == "sqlite":
        own = select(CustomerSearch.customer_id).where(
            CustomerSearch.customer_id == Customer.id, *likes
        )
        return Customer.id.in_(own)
    return exists().where(CustomerSearch.customer_id == Customer.id, *likes)


def server_matches(dialect: str, terms: list[str]) -> Select | None:
    """The ids of the customers matching every term, found through the n-gram index, each
    match proved by LIKE where the n-grams alone do not prove it; None if no term has n-grams
    (one-character terms): then the index cannot narrow anything."""
    likes: list[ColumnElement[bool]] = []
    tokens: list[str] = []
    for term in terms:
        served = term_tokens(term)
        if served is not None:
            tokens += served[0]
        if served is None or not served[1]:
            likes.append(_like(term))
    if not tokens:
        return None
    stmt = select(CustomerGrams.customer_id).where(
        holds_all(CustomerGrams.grams, sorted(set(tokens)), dialect)
    )
    if likes:
        proof = CustomerSearch.customer_id == CustomerGrams.customer_id
        stmt = stmt.join(CustomerSearch, proof).where(*likes)
    return stmt


SAMPLE_RANGES, SAMPLE_ROWS = 4, 500


def _looks_common(session: Session, terms: list[str], customers: int, threshold: int) -> bool:
    """Whether more than `threshold` customers match, judged from 2,000 search texts read by
    primary key in four ranges spread over the ids (a few ms). Asking the n-gram index instead
    costs what the term's postings cost: 0.7 s on MariaDB for 科技's 83,000. A wrong guess
    costs time, never rows: a term thought rare that is not falls back to the walk."""
    if customers <= threshold:
        return False
    starts = [customers * (2 * k + 1) // (2 * SAMPLE_RANGES) for k in range(SAMPLE_RANGES)]
    in_sample = or_(*(CustomerSearch.customer_id.between(a, a + SAMPLE_ROWS - 1) for a in starts))
    hit = and_(*(_like(t) for t in terms))
    stmt = select(func.count(), func.sum(case((hit, 1), else_=0))).where(in_sample)
    rows, hits = session.execute(stmt).one()
    return bool(rows) and (hits or 0) * customers > threshold * rows


def _server_condition(
    session: Session, dialect: str, terms: list[str]
) -> tuple[ColumnElement[bool], bool]:
    """Servers. A rare search: its matching ids (up to `threshold`), fetched through the n-gram
    index, drive the query as a literal set, so neither planner can choose to test 1M rows one
    by one (MariaDB did: 102 s for a term with 3 matches). A common one: each row is tested as
    the sort index is walked (a page) or until the count's cap is reached (a count)."""
    matches = server_matches(dialect, terms)
    if matches is None:
        return _row_test(terms), False
    customers = session.scalar(select(func.max(Customer.id))) or 0
    threshold = common_threshold(customers, dialect)
    if _looks_common(session, terms, customers, threshold):
        return _row_test(terms), False
    ids = list(session.scalars(matches.limit(threshold + 1)))
    if len(ids) <= threshold:
        return one_of(Customer.id, ids, dialect), True
    return _row_test(terms), False


MAX_TAGS_READ = 5000  # the tags in use a search looks through (a team has a few dozen)


def tagged_terms(session: Session, terms: list[str]) -> dict[str, list[str]]:
    """The terms that are part of a tag in use (or of its pinyin), with those tags (重点 or
    zdkh → 重点客户): a search
    finds the customers carrying them as well as those whose text holds the term. Read from
    the small tags table, so a search that no tag matches costs one tiny query more."""
    from crmdesk.models.schema import Tag

    names = list(session.scalars(select(Tag.name).limit(MAX_TAGS_READ)))
    if not names:
        return {}
    forms = {n: [n.lower(), *pinyin.search_lines(n)] for n in names}  # 重点客户, zdkh
    found = {t: [n for n in names if any(t in f for f in forms[n])] for t in terms}
    return {t: tags for t, tags in found.items() if tags}


def _with_tags(
    session: Session, dialect: str, terms: list[str], tagged: dict[str, list[str]], for_page: bool
) -> ColumnElement[bool]:
    """Servers: every term held by the search text or by a tag of the customer (a term no tag
    holds is matched as usual). Not a driving id set: the page walks its sort index, testing
    each row's tags by primary key (tags.carriers)."""
    from crmdesk.models.tags import carriers

    parts = []
    for term in terms:
        # a rare term's matches as a bounded id set, a common one tested row by row
        text_match = _server_condition(session, dialect, [term])[0]
        if term in tagged:
            text_match = or_(text_match, carriers(tagged[term], for_page, common=True))
        parts.append(text_match)
    return and_(*parts)


def _sqlite_with_tags(
    session: Session, terms: list[str], tagged: dict[str, list[str]], for_page: bool
) -> tuple[ColumnElement[bool], bool]:
    """SQLite: every term held by the search text or by a tag of the customer. A count, or a
    page where some term is rare (its text matches and its tags' customers together no more
    than common_threshold), takes each term's matches as a set (FTS rowids, the tags' rows);
    a page where every term is common walks the sort index and tests each row: by its tags'
    rows, and by its text unless the FTS index finds the term in no text at all (重点 is in no
    name: only 重点客户's 38,000 customers; each row then costs one index probe, 10 -> 3 ms).
    Walking for a rare tag would test every row of the list (a tag on 5 of 1M: 10.7 s)."""
    from crmdesk.models import tags

    if not for_page:
        parts = [_set_match(term, i, tagged.get(term), None) for i, term in enumerate(terms)]
        return and_(*parts), True
    customers = session.scalar(select(func.max(Customer.id))) or 0
    threshold = common_threshold(customers)
    walks, sets, common = [], [], True
    for i, term in enumerate(terms):
        found = _text_matches(session, term, threshold)
        carried = tagged.get(term)
        text_common = found is None or found > threshold
        if text_common:
            term_common = True  # whatever its tags, this term cannot be read as a small set
        elif carried is None:
            term_common = False
        else:  # text matches and carriers together bound the set
            term_common = tags.is_common(session, carried, threshold - found)
        common = common and term_common
        sets.append(_set_match(term, i, carried, found))
        if found == 0:
            text_walk = None
        elif text_common:
            text_walk = _row_test([term], "sqlite")
        else:  # a few matches: their ids, read once, answer each row
            text_walk = term_condition("sqlite", term, i)
        tag_walk = None if carried is None else tags.carriers(carried, True, True, "sqlite")
        held = [c for c in (text_walk, tag_walk) if c is not None]
        walks.append(or_(*held) if len(held) > 1 else held[0] if held else false())
    if common:
        return and_(*walks), False
    return and_(*sets), True


def _set_match(
    term: str, index: int, carried: list[str] | None, found: int | None
) -> ColumnElement[bool]:
    """The customers whose text (FTS, or LIKE for one character) or tags hold the term, as
    sets of ids; found: the term's text matches if known (0 leaves the text out)."""
    from crmdesk.models.tags import carriers

    held = [] if found == 0 else [term_condition("sqlite", term, index)]
    if carried is not None:
        held.append(carriers(carried, False, False))
    return or_(*held) if len(held) > 1 else held[0] if held else false()


def search_condition(
    session: Session, query: str, for_page: bool = False
) -> tuple[ColumnElement[bool] | None, bool]:
    """(condition, whether it drives the query). SQLite: a count, or a page where some term is
    rare, takes the matches from the FTS index (3 of 1M customers: a few ms); a page where every
    term is common walks the sort index and tests each row instead (科技, 83k of 1M: 160 ms
    sorting the matches, 7 ms walking). Servers: see _server_condition."""
    terms = search_terms(query)
    if not terms:
        return None, False
    dialect = session.get_bind().dialect.name
    tagged = tagged_terms(session, terms)
    if tagged and dialect == "sqlite":
        return _sqlite_with_tags(session, terms, tagged, for_page)
    if tagged:
        return _with_tags(session, dialect, terms, tagged, for_page), False
    if dialect != "sqlite":
        return _server_condition(session, dialect, terms)
    if for_page:
        customers = session.scalar(select(func.max(Customer.id))) or 0
        threshold = common_threshold(customers)
        if all(is_common(session, t, threshold) for t in terms):
            return _row_test(terms, dialect), False
    return and_(*(term_condition(dialect, t, i) for i, t in enumerate(terms))), True


def reindex(session: Session, customer_ids: Sequence[int]) -> None:
    """Recompute what these customers are found and listed by, from their name and contacts:
    the search text (and its n-grams on the servers) and the primary contact copied onto the
    customer row (Customer.contact_name / contact_mobile)."""
    ids = sorted(set(customer_ids))
    if not ids:
        return
    stmt = select(Customer.id, Customer.name).where(Customer.id.in_(ids))
    names = {cid: name for cid, name in session.execute(stmt)}
    contacts: dict[int, list[tuple[str, str, str]]] = {i: [] for i in names}
    primary: dict[int, tuple[str, str]] = {}
    rows = session.execute(
        select(Contact.customer_id, Contact.name, Contact.mobile, Contact.phone, Contact.is_primary)
        .where(Contact.customer_id.in_(ids))
        .order_by(Contact.id)
    )
    for customer_id, name, mobile, phone, is_primary in rows:
        contacts[customer_id].append((name, mobile, phone))
        if is_primary and customer_id not in primary:
            primary[customer_id] = (name, mobile)
    for i, people in contacts.items():
        if i not in primary:
            primary[i] = (people[0][0], people[0][1]) if people else ("", "")
    if primary:
        session.execute(
            update(Customer.__table__)
            .where(Customer.__table__.c.id == bindparam("cid"))
            .values(contact_name=bindparam("cname"), contact_mobile=bindparam("cmobile")),
            [{"cid": i, "cname": n, "cmobile": m} for i, (n, m) in primary.items()],
        )
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
    if not sqlite:
        session.execute(delete(CustomerGrams).where(CustomerGrams.customer_id.in_(ids)))
    if bodies:
        rows = list(bodies.items())
        session.execute(insert(CustomerSearch), [{"customer_id": i, "body": b} for i, b in rows])
        if sqlite:
            _fts_insert(session, rows)
        else:
            session.execute(insert(CustomerGrams), grams_rows(rows))


def grams_rows(rows: Sequence[tuple[int, str]]) -> list[dict]:
    """customer_grams rows for (customer_id, search text) pairs (the servers only)."""
    return [{"customer_id": i, "grams": grams(body)} for i, body in rows]


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
