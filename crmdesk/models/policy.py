"""Who may see and do what, in one place.

Every rule answers twice: as a SQL condition (lists, counts and set-based bulk statements) and
for one row (a customer with its owner and its owner's team, both on the customer row, so no
rule costs a query per row). Seeing and editing are separate questions: today a rep sees and
edits their own customers, a manager those of the team, an admin all; a pool's members see the
customers in it (and their history) but edit none before claiming one (pool.py). A customer's
collaborators (collaborators.py) see it and log follow-ups on it, and edit nothing else:
shared_condition for lists, customer_for_read and customer_for_follow_up for one customer.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, and_, false, or_, select, true, update
from sqlalchemy.orm import Session

from crmdesk.models.checks import check_id
from crmdesk.models.errors import NotFound, PermissionDenied
from crmdesk.models.schema import Customer, User
from crmdesk.models.schema_team import Collaborator
from crmdesk.models.users import UserRow, get_user, list_users, team_members


def _owned_condition(
    actor: UserRow, owner: ColumnElement, team: ColumnElement
) -> ColumnElement[bool]:
    # Active first, before any shortcut of a role: a deactivated admin or manager sees nothing.
    if not actor.active:
        return false()
    if actor.is_admin:
        return true()
    if actor.is_manager and actor.team_id is not None:
        return team == actor.team_id  # Customer.team_id: the owner's team (see sync_teams)
    return owner == actor.id


def see_condition(
    actor: UserRow,
    owner: ColumnElement = Customer.owner_id,
    team: ColumnElement = Customer.team_id,
) -> ColumnElement[bool]:
    """Customers the actor may see. `owner` and `team` may be the columns of an alias, or
    wrapped in a planner hint (dialects.no_index)."""
    return _owned_condition(actor, owner, team)


def edit_condition(
    actor: UserRow,
    owner: ColumnElement = Customer.owner_id,
    team: ColumnElement = Customer.team_id,
) -> ColumnElement[bool]:
    """Customers the actor may change (fields, contacts, follow-ups, owner, tags, bin)."""
    return _owned_condition(actor, owner, team)


# Up to this many shared customers go into a list's WHERE as literal ids (rowid/primary key
# lookups every backend plans well); past it, the collaborators' index as a subquery.
SHARED_INLINE = 500


def shared_condition(
    session: Session, actor: UserRow, *, hidden_only: bool = False
) -> ColumnElement[bool] | None:
    """The live-owned customers shared with the actor (collaborators.py), or None when there
    are none: the common case then adds nothing to a list's WHERE, and the plans of the owned
    lists stay exactly as they were. hidden_only: only those the actor does not see anyway (by
    owner or team), disjoint from see_condition, for the list's second part (customer_list:
    an `OR id IN (…)` beside the owner's condition kept SQLite from walking the
    (owner_id, updated_at) index: a rep's first page 7 → 140-180 ms at 1M customers).

    The actor's shares are read first (a range of ix_customer_collaborators_user), up to
    SHARED_INLINE of them as literal ids, checked against their owners here; past that, as a
    subquery. A customer in a pool (no owner) is never seen this way."""
    if not actor.active:
        return None
    mine = select(Collaborator.customer_id).where(Collaborator.user_id == actor.id)
    ids = list(session.scalars(mine.order_by(Collaborator.customer_id).limit(SHARED_INLINE + 1)))
    owned = Customer.owner_id.is_not(None)
    if len(ids) > SHARED_INLINE:
        if hidden_only and actor.is_admin:
            return None
        if hidden_only and actor.is_manager and actor.team_id is not None:
            others = or_(Customer.team_id.is_(None), Customer.team_id != actor.team_id)
            return and_(Customer.id.in_(mine), owned, others)
        if hidden_only:
            return and_(Customer.id.in_(mine), owned, Customer.owner_id != actor.id)
        return and_(Customer.id.in_(mine), owned)
    if ids:
        rows = session.execute(
            select(Customer.id, Customer.owner_id, Customer.team_id).where(
                Customer.id.in_(ids), owned
            )
        ).all()
        ids = [i for i, o, t in rows if not (hidden_only and may_see(actor, o, t))]
    return and_(Customer.id.in_(sorted(ids)), owned) if ids else None


def is_collaborator(session: Session, actor: UserRow, customer_id: int) -> bool:
    return actor.active and session.get(Collaborator, (customer_id, actor.id)) is not None


def team_of(session: Session, user_id: int | None) -> int | None:
    """The team a customer owned by this user counts for (Customer.team_id)."""
    if user_id is None:
        return None
    return session.scalar(select(User.team_id).where(User.id == user_id))


def move_to_team(session: Session, user_id: int, team_id: int | None) -> None:
    """Move a user to another team (or none), their customers' team_id with them, in one unit
    of work. The one way a user changes team: managers see customers by Customer.team_id, so a
    team changed behind this function's back would leave the old manager seeing them."""
    check_id(user_id, "user")
    user = session.get(User, user_id, with_for_update=True)
    if user is None:
        raise NotFound(what="user", id=user_id)
    user.team_id = team_id
    session.flush()
    sync_teams(session, [user_id])


def sync_teams(session: Session, user_ids: list[int]) -> None:
    """After these users changed team: their customers' team_id follows (call it in the same
    unit of work as the change, so no manager ever sees the wrong team's customers)."""
    from crmdesk.models.schema_contracts import Contract
    from crmdesk.models.schema_deals import Deal

    for user_id in user_ids:
        team = team_of(session, user_id)
        for table in (Customer, Deal, Contract):  # a manager sees them by the owner's team
            session.execute(
                update(table)
                .where(table.owner_id == user_id)
                .values(team_id=team)
                .execution_options(synchronize_session=False)
            )


def _owns(actor: UserRow, owner_id: int | None, owner_team_id: int | None) -> bool:
    if not actor.active:  # before the admin's shortcut, as in _owned_condition
        return False
    if actor.is_admin:
        return True
    if owner_id is None:
        return False
    if owner_id == actor.id:
        return True
    return actor.is_manager and actor.team_id is not None and owner_team_id == actor.team_id


def deal_see_condition(actor: UserRow) -> ColumnElement[bool]:
    """Deals the actor may see and edit: like customers, by the deal's own owner and team (a
    deal may belong to another rep than its customer, e.g. after the customer changed hands)."""
    from crmdesk.models.schema_deals import Deal

    return _owned_condition(actor, Deal.owner_id, Deal.team_id)


def contract_see_condition(actor: UserRow) -> ColumnElement[bool]:
    """Contracts the actor may see: like deals, by the contract's owner and team; finance sees
    every contract (collecting the money is their work), though no customer's details."""
    from crmdesk.models.schema_contracts import Contract

    if actor.role == "finance" and actor.active:
        return true()
    return _owned_condition(actor, Contract.owner_id, Contract.team_id)


def may_see_contract(actor: UserRow, owner_id: int | None, team_id: int | None) -> bool:
    return (actor.role == "finance" and actor.active) or _owns(actor, owner_id, team_id)


def may_edit_contract(actor: UserRow, owner_id: int | None, team_id: int | None) -> bool:
    """Fields, lines and the plan: the owner's side (finance records payments and invoices,
    may_collect, but does not rewrite what sales agreed)."""
    return _owns(actor, owner_id, team_id)


def may_collect(actor: UserRow, owner_id: int | None, team_id: int | None) -> bool:
    """Record payments and invoices: the contract's editors and finance."""
    return may_see_contract(actor, owner_id, team_id)


def may_approve(actor: UserRow, team_id: int | None) -> bool:
    """Who decides an approval: an admin, or a manager of the requester's team (active)."""
    if not actor.active:
        return False
    return actor.is_admin or (actor.is_manager and team_id is not None and team_id == actor.team_id)


# Kinds of import finance may not run: the rows would be theirs, on pages finance does not see.
FINANCE_NO_IMPORT = ("customers", "contacts", "deals", "follow_ups")


def may_import(actor: UserRow, kind: str) -> bool:
    """Whether the actor may run an import of this kind (excel_apply.run_import checks it)."""
    return not (actor.role == "finance" and kind in FINANCE_NO_IMPORT)


def may_see(actor: UserRow, owner_id: int | None, owner_team_id: int | None) -> bool:
    return _owns(actor, owner_id, owner_team_id)


def may_edit(actor: UserRow, owner_id: int | None, owner_team_id: int | None) -> bool:
    return _owns(actor, owner_id, owner_team_id)


def list_scopes(actor: UserRow) -> list[str]:
    """Which of the list's scopes (customer_list.SCOPES) the actor may choose, the first being
    the one a list opens with. A deactivated user's lists are empty whatever the scope."""
    if not actor.active:
        return ["mine"]
    if actor.is_admin:
        return ["all", "team", "mine"] if actor.team_id else ["all", "mine"]
    if actor.is_manager and actor.team_id:
        return ["team", "mine"]
    return ["mine"]


def assignable_users(session: Session, actor: UserRow) -> list[UserRow]:
    """Whom the actor may hand customers to: anyone active (admin), else the actor's team;
    nobody when the actor is no longer active."""
    if not actor.active:
        return []
    if actor.is_admin:
        return list_users(session)
    if actor.team_id is None or not actor.is_manager:
        return [actor]
    return team_members(session, actor.team_id)


def sells(user: UserRow) -> bool:
    """Whether the user may own customers. Finance collects on contracts and sees no customer
    page (views/window_roles.py): customers handed to them would be out of everyone's sight."""
    return user.role != "finance"


def customer_assignees(session: Session, actor: UserRow) -> list[UserRow]:
    """Whom the actor may hand customers to: those they may assign to who sell."""
    return [u for u in assignable_users(session, actor) if sells(u)]


def check_sells(user: UserRow) -> UserRow:
    if not sells(user):
        raise PermissionDenied("not_seller", user_id=user.id)
    return user


def check_customer_assignee(session: Session, actor: UserRow, user_id: int) -> UserRow:
    return check_sells(check_assignable(session, actor, user_id))


def check_assignable(session: Session, actor: UserRow, user_id: int) -> UserRow:
    check_id(user_id, "user")
    for user in assignable_users(session, actor):
        if user.id == user_id:
            return user
    raise PermissionDenied(action="assign", user_id=user_id)


def current_actor(session: Session, actor_id: int) -> UserRow:
    """The acting user as the database has them now: a deactivation or a new role takes effect
    at the next write, not at the next start of the program."""
    session.info["actor_id"] = actor_id  # whose change the feed records (change_feed.py)
    try:
        actor = get_user(session, actor_id)
    except NotFound:
        raise PermissionDenied("inactive", user_id=actor_id) from None
    if not actor.active:
        raise PermissionDenied("inactive", user_id=actor_id)
    return actor


def _with_owner_team(customer_id: int) -> Select:
    return select(Customer, Customer.team_id).where(Customer.id == customer_id)


def customer_for_read(session: Session, actor: UserRow, customer_id: int) -> tuple[Customer, bool]:
    """A live customer the actor may see, and whether they may edit it. One that exists but is
    hidden answers exactly like one that does not exist."""
    check_id(customer_id, "customer")
    row = session.execute(_with_owner_team(customer_id)).first()
    if row is None or row[0].deleted_at is not None:
        raise NotFound(what="customer", id=customer_id)
    customer, team = row
    if not may_see(actor, customer.owner_id, team):
        if customer.owner_id is not None and is_collaborator(session, actor, customer_id):
            return customer, False  # a collaborator reads it and logs follow-ups, edits not
        if customer.pool_id is None or not in_visible_pool(session, actor, customer.pool_id):
            raise NotFound(what="customer", id=customer_id)
        return customer, False  # a pool's member reads it (its history too), claims to edit
    return customer, may_edit(actor, customer.owner_id, team)


def visible_pool_ids(session: Session, actor: UserRow) -> set[int]:
    """The pools whose customers the actor may see (one read of the pools)."""
    from crmdesk.models.pool import pools_for  # pool.py builds on this module's neighbours

    return {p.id for p in pools_for(session, actor)}


def in_visible_pool(session: Session, actor: UserRow, pool_id: int) -> bool:
    return pool_id in visible_pool_ids(session, actor)


def customer_for_write(session: Session, actor: UserRow, customer_id: int) -> Customer:
    """A live customer the actor may edit, its row locked for the rest of the unit of work.

    Every write takes the customer row first, so two units of work touching one customer queue
    on it instead of deadlocking over the rows they touch next (MariaDB: the foreign key check of
    an insert into follow_ups or contacts takes a shared lock on the customer row)."""
    return _customer_locked(session, actor, customer_id, collaborators=False)


def customer_for_follow_up(session: Session, actor: UserRow, customer_id: int) -> Customer:
    """customer_for_write for logging a follow-up: its editors, and its collaborators while
    someone owns it (the row locked likewise)."""
    return _customer_locked(session, actor, customer_id, collaborators=True)


def _customer_locked(
    session: Session, actor: UserRow, customer_id: int, *, collaborators: bool
) -> Customer:
    """The live customer's row locked, when the actor may edit it (or, with collaborators, is
    one of them while someone owns it); refused as not found when they may not even see it."""
    check_id(customer_id, "customer")
    stmt = _with_owner_team(customer_id).with_for_update().execution_options(populate_existing=True)
    row = session.execute(stmt).first()
    if row is None or row[0].deleted_at is not None:
        raise NotFound(what="customer", id=customer_id)
    customer, team = row
    if may_edit(actor, customer.owner_id, team):
        return customer
    shared = customer.owner_id is not None and is_collaborator(session, actor, customer_id)
    if shared and collaborators:
        return customer
    if not shared and not may_see(actor, customer.owner_id, team):
        raise NotFound(what="customer", id=customer_id)
    raise PermissionDenied(action="edit", customer_id=customer_id)  # seen, not theirs to edit
