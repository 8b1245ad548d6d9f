"""The import's words: what to import, each importer's fields, the problems a row can have (the
preview's tooltips, the summary's reasons, the error report's last column), a file that cannot
be read, the duplicate and owner choices, and the counted sentences of the wizard and the
history. Problem codes come from the models (excel_types.CellProblem, BAD_FILE_CODES); the
words are here, in the user's language.

The error report is written on a worker thread: `describer(kind)` translates every sentence it
may need on the GUI thread first and gives a plain function that only fills them in."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QLocale, QObject

from crmdesk.models.excel_types import PROBLEM_CODES, BadFile, CellProblem
from crmdesk.views.labels import labelled

KINDS = ("customers", "contacts", "deals", "follow_ups", "contracts", "payments")
# Problems of a whole row: a sentence of their own, not "Field: …".
ROW_CODES = frozenset(
    {
        "duplicate_in_file",
        "exists_in_file",
        "too_many_contacts",
        "exists",
        "not_yours",
        "unknown_customer",
        "ambiguous_customer",
        "unknown_contract",
        "draft_contract",
        "number_taken",
        "unknown_deal",
        "ambiguous_deal",
        "unchanged",
        "totals_row",
    }
)


def number(n: int) -> str:
    return QLocale().toString(n)


class ImportWords(QObject):
    """Every sentence of the import in one class (lupdate marks plurals only in a class)."""

    def kind(self, kind: str) -> str:
        return {
            "customers": self.tr("Customers"),
            "contacts": self.tr("Contacts"),
            "deals": self.tr("Deals"),
            "follow_ups": self.tr("Follow-ups"),
            "contracts": self.tr("Contracts"),
            "payments": self.tr("Payments"),
        }.get(kind, kind)

    def field(self, kind: str, key: str) -> str:
        """A field's title (the mapping's choices, the template's header, the problems)."""
        if kind == "contacts" and key == "name":
            return self.tr("Contact name")
        if kind == "contacts" and key == "title":
            return self.tr("Job title")
        if kind == "deals" and key == "title":
            return self.tr("Deal title")
        if kind == "deals" and key == "created_at":
            return self.tr("Created on")
        if kind == "follow_ups" and key == "kind":
            return self.tr("Kind of follow-up")
        if kind == "contracts" and key == "title":
            return self.tr("Contract title")
        if kind == "contracts" and key == "status":
            return self.tr("Contract status")
        return {
            "name": self.tr("Customer name"),
            "external_id": self.tr("External ID"),
            "level": self.tr("Level"),
            "status": self.tr("Status"),
            "industry": self.tr("Industry"),
            "province": self.tr("Province"),
            "city": self.tr("City"),
            "address": self.tr("Address"),
            "company_size": self.tr("Company size"),
            "source": self.tr("Source"),
            "tags": self.tr("Tags"),
            "notes": self.tr("Notes"),
            "owner": self.tr("Owner"),
            "created_at": self.tr("Created at"),
            "contact_name": self.tr("Contact name"),
            "contact_title": self.tr("Contact's job title"),
            "mobile": self.tr("Mobile"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
            "wechat": self.tr("WeChat"),
            "birthday": self.tr("Birthday"),
            "customer": self.tr("Customer"),
            "customer_external_id": self.tr("Customer's external ID"),
            "title": self.tr("Title"),
            "is_primary": self.tr("Primary contact"),
            "kind": self.tr("Kind"),
            "content": self.tr("Content"),
            "happened_at": self.tr("Time of the follow-up"),
            "next_follow_up_at": self.tr("Next follow-up"),
            "author": self.tr("Written by"),
            "stage": self.tr("Stage"),
            "amount": self.tr("Amount"),
            "probability": self.tr("Probability"),
            "product": self.tr("Product"),
            "close_date": self.tr("Close date"),
            "lost_reason": self.tr("Lost reason"),
            "number": self.tr("Contract number"),
            "contract": self.tr("Contract number"),
            "deal": self.tr("Deal"),
            "signed_on": self.tr("Signed on"),
            "starts_on": self.tr("Starts on"),
            "ends_on": self.tr("Ends on"),
            "received_on": self.tr("Received on"),
            "method": self.tr("Payment method"),
            "reference": self.tr("Reference"),
            "note": self.tr("Note"),
        }.get(key, key)

    # -- problems
    def _cell_phrase(self, code: str) -> str:
        """What is wrong with a cell, after its field's title ("Mobile: …")."""
        return {
            "required": self.tr("required, but empty"),
            "too_long": self.tr("too long: at most {limit} characters"),
            "nul": self.tr("contains a control character that cannot be stored"),
            "bad_date": self.tr("not a date (write it like 2024-03-05)"),
            "bad_phone": self.tr("not a phone number (5 to 20 digits)"),
            "bad_email": self.tr("not an e-mail address (like name@example.com)"),
            "bad_amount": self.tr("not an amount (like 1234.50, ¥1,234.50 or 1.2万)"),
            "bad_number": self.tr("not a whole number"),
            "bad_percent": self.tr("not a percentage from 0 to 100 (like 60%, 60 or 0.6)"),
            "bad_level": self.tr("not a level (A, B or C)"),
            "bad_status": self.tr("not a status (lead, prospect, customer or lost)"),
            "bad_kind": self.tr("not a kind of follow-up (call, visit, WeChat, e-mail or note)"),
            "bad_bool": self.tr("write yes or no"),
            "unknown_owner": self.tr("no user is called “{value}”"),
            "owner_not_allowed": self.tr("you may not give records to “{value}”"),
            "ambiguous_owner": self.tr("several users are called “{value}”; write their login"),
            "too_many_new_users": self.tr(
                "the file names too many people nobody is called "
                "(at most 200 new users); check the column"
            ),
            "unknown_stage": self.tr("the stage “{value}” is not matched to one of ours"),
            "bad_contract_status": self.tr(
                "not a contract status (draft, active, completed or terminated)"
            ),
            "bad_method": self.tr("not a payment method (bank transfer, cash, cheque or online)"),
            "before_start": self.tr("before the contract starts"),
            "needs_approval": self.tr(
                "above the approval limit: a manager approves activating it (import it as a draft)"
            ),
            "future": self.tr("a day still to come"),
            "out_of_range": self.tr("more than the contract can hold"),
            "invalid": self.tr("this value cannot be stored"),
            "negative_amount": self.tr("cannot be negative"),
            "zero_amount": self.tr("cannot be zero"),
            "not_after_happened": self.tr("must be after the time of the follow-up"),
            "awaiting_approval": self.tr(
                "the deal waits for a manager's approval; it was left as it is"
            ),
        }.get(code, self.tr("this value cannot be imported"))

    def _row_sentence(self, code: str) -> str:
        return {
            "duplicate_in_file": self.tr("The same as row {value} above; only the first is "
                                         "imported."),
            "exists": self.tr("Already in the database; skipped."),
            "exists_in_file": self.tr("The same as row {value} above; skipped."),
            "too_many_contacts": self.tr("The customer already has the most contacts it may "
                                         "have; this row's contact was not added."),
            "not_yours": self.tr("Already in the database, and not yours to change."),
            "unknown_customer": self.tr("No customer is called “{value}”."),
            "ambiguous_customer": self.tr(
                "Several customers are called “{value}”; give the customer's external ID."
            ),
            "unknown_contract": self.tr("No contract you may see has the number “{value}”."),
            "draft_contract": self.tr("The contract “{value}” is a draft: it takes no money "
                                      "until it is signed."),
            "number_taken": self.tr("Another contract has the number “{value}”; leave the "
                                    "number empty to have one given."),
            "unknown_deal": self.tr("The customer has no deal “{value}”."),
            "ambiguous_deal": self.tr("The customer has several deals called “{value}”; give "
                                      "the deal's external ID."),
            "unchanged": self.tr("Already in the database with these values; nothing to "
                                 "change."),
            "totals_row": self.tr("A totals row (“{value}”): not a record; skipped."),
        }.get(code, self.tr("This row cannot be imported."))  # fmt: skip

    def reason(self, code: str) -> str:
        """A reason of the summary, counted beside it ("Already in the database: 34")."""
        return {
            "required": self.tr("A required value is empty"),
            "too_long": self.tr("A value is too long"),
            "nul": self.tr("A value has a control character"),
            "bad_date": self.tr("Not a date"),
            "bad_phone": self.tr("Not a phone number"),
            "bad_email": self.tr("Not an e-mail address"),
            "bad_amount": self.tr("Not an amount"),
            "bad_number": self.tr("Not a number"),
            "bad_percent": self.tr("Not a percentage"),
            "bad_level": self.tr("Not a level"),
            "bad_status": self.tr("Not a status"),
            "bad_kind": self.tr("Not a kind of follow-up"),
            "bad_bool": self.tr("Not yes or no"),
            "duplicate_in_file": self.tr("Repeated in the file"),
            "exists": self.tr("Already in the database"),
            "exists_in_file": self.tr("Repeats an earlier row"),
            "too_many_contacts": self.tr("The customer has too many contacts"),
            "ambiguous_owner": self.tr("Several users of that name"),
            "too_many_new_users": self.tr("Too many new users"),
            "not_yours": self.tr("Already in the database, not yours to change"),
            "unknown_owner": self.tr("Owner unknown"),
            "owner_not_allowed": self.tr("Owner you may not assign to"),
            "unknown_stage": self.tr("Stage not matched"),
            "unknown_customer": self.tr("Customer not found"),
            "ambiguous_customer": self.tr("Several customers of that name"),
            "bad_contract_status": self.tr("Not a contract status"),
            "bad_method": self.tr("Not a payment method"),
            "before_start": self.tr("Ends before it starts"),
            "needs_approval": self.tr("Needs a manager's approval"),
            "future": self.tr("Dated in the future"),
            "out_of_range": self.tr("Too much for the contract"),
            "unknown_contract": self.tr("Contract not found"),
            "draft_contract": self.tr("Contract still a draft"),
            "number_taken": self.tr("Contract number taken"),
            "unknown_deal": self.tr("Deal not found"),
            "ambiguous_deal": self.tr("Several deals of that title"),
            "invalid": self.tr("A value cannot be stored"),
            "negative_amount": self.tr("Negative amount"),
            "zero_amount": self.tr("Amount of zero"),
            "not_after_happened": self.tr("Next follow-up not after the follow-up"),
            "awaiting_approval": self.tr("Deal awaiting approval"),
            "unchanged": self.tr("Already in the database, unchanged"),
            "totals_row": self.tr("Totals row"),
        }.get(code, code)

    def templates(self, kind: str) -> tuple[dict, dict, dict]:
        """(field titles, cell phrases, row sentences) of every code, translated now."""
        codes = [code for code in PROBLEM_CODES if code not in ROW_CODES]
        cells = {code: self._cell_phrase(code) for code in codes}
        cells[""] = self._cell_phrase("")
        rows = {code: self._row_sentence(code) for code in (*ROW_CODES, "")}
        from crmdesk.models.excel_fields import FIELDS  # the models' half of the import

        titles = {spec.key: self.field(kind, spec.key) for spec in FIELDS.get(kind, ())}
        return titles, cells, rows

    # -- a file that cannot be read
    def bad_file(self, exc: BadFile) -> str:
        p = exc.params
        text = {
            "not_found": self.tr("The file is not there any more. Choose it again."),
            "unreadable": self.tr(
                "The file cannot be opened: it may be open in another program (Excel locks the "
                "files it has open), or you may not read it. Close it there and try again."
            ),
            "not_spreadsheet": self.tr(
                "This is not a spreadsheet crmdesk can read. Save it from Excel as .xlsx "
                "(or .xls, .ods, .csv) and choose that file."
            ),
            "corrupt": self.tr(
                "The file is damaged and cannot be read. Open it in Excel, save it again as "
                ".xlsx and choose the new file."
            ),
            "encrypted": self.tr(
                "The file is protected by a password. Open it in Excel, remove the password, "
                "save it and choose it again."
            ),
            "empty": self.tr("The file has no data in any of its sheets."),
            "no_sheet": self.tr("The file has no sheet called “{sheet}”. Choose another sheet."),
            "no_header": self.tr(
                "Row {row} is empty or past the end of the sheet. Choose the row with the "
                "column titles."
            ),
            "few_titles": self.tr(
                "Row {row} has fewer than 2 column titles: it looks like a title, not the row "
                "of column titles. Choose the row with the column titles."
            ),
        }.get(exc.code, self.tr("The file cannot be read. Save it again as .xlsx and retry."))
        return text.format(sheet=p.get("sheet", ""), row=p.get("row", ""))

    # -- choices
    def dedupe(self, key: str) -> str:
        return {
            "name": self.tr("Customer name"),
            "phone": self.tr("Phone or mobile"),
            "email": self.tr("E-mail"),
            "external_id": self.tr("External ID"),
            "number": self.tr("Contract number"),
            "payment": self.tr("Contract, day, amount and reference"),
            "": self.tr("Do not look for duplicates"),
        }.get(key, key)

    def mode(self, mode: str) -> tuple[str, str]:
        """(the choice, one line on what it does)."""
        return {
            "skip": (self.tr("Skip the row"),
                     self.tr("The record in crmdesk stays as it is; the row is not imported.")),
            "fill": (self.tr("Fill empty fields"),
                     self.tr("The record keeps its values; its empty fields get the row's.")),
            "overwrite": (self.tr("Overwrite"),
                          self.tr("The record takes every value the row has for a chosen "
                                  "column.")),
            "create": (self.tr("Create anyway"),
                       self.tr("A new record is made beside the one already there.")),
        }[mode]  # fmt: skip

    def status(self, status: str) -> str:
        return {
            "running": self.tr("Running"),
            "done": self.tr("Done"),
            "cancelled": self.tr("Cancelled"),
            "failed": self.tr("Failed"),
            "undone": self.tr("Undone"),
            "undoing": self.tr("Undo not finished"),
            "interrupted": self.tr("Interrupted"),
        }.get(status, status)

    def entity(self, entity: str) -> str:
        return {
            "customer": self.tr("Customer"),
            "contact": self.tr("Contact"),
            "deal": self.tr("Deal"),
            "follow_up": self.tr("Follow-up"),
            "user": self.tr("User"),
            "contract": self.tr("Contract"),
            "payment": self.tr("Payment"),
        }.get(entity, entity)

    def left_reason(self, code: str) -> str:
        """Why an undo left a row alone."""
        return {
            "changed_since": self.tr("changed since the import"),
            "has_records": self.tr("has deals, contracts, contacts or follow-ups added since"),
            "owns_records": self.tr("owns customers or deals now"),
            "not_yours": self.tr("no longer yours to change"),
        }.get(code, code)

    # -- counted
    def rows(self, n: int) -> str:
        return self.tr("%Ln row(s)", "", n)

    def with_errors(self, n: int) -> str:
        return self.tr("%Ln with errors", "", n)

    def duplicates(self, n: int) -> str:
        return self.tr("%Ln duplicate(s) in the file", "", n)

    def repeats_skipped(self, n: int) -> str:
        return self.tr("%Ln repeat(s) an earlier row: skipped", "", n)

    def repeats_update(self, n: int) -> str:
        return self.tr("%Ln repeat(s) an earlier row: update(s) what it imports", "", n)

    def totals_rows(self, n: int) -> str:
        return self.tr("%Ln totals row(s) skipped", "", n)

    def to_leave_empty(self, n: int) -> str:
        """The preview's count of bad optional cells the import will leave empty."""
        return self.tr("%Ln cell(s) to leave empty", "", n)

    def left_empty(self, n: int) -> str:
        """The summary's line before the counts by reason of the cells left empty."""
        return self.tr("%Ln cell(s) were left empty:", "", n)

    def left_empty_note(self, planned: bool) -> str:
        """After a bad cell's problem: what the import does (planned) or did with the cell."""
        if planned:
            return self.tr("{problem} — the row will be imported with this cell empty")
        return self.tr("{problem} — the row was imported with this cell empty")

    def assigned_to_you(self, n: int, names: str) -> str:
        return self.tr("%Ln row(s) were given to you: their owner is no user (%1).", "", n).replace(
            "%1", names
        )

    def users_created(self, n: int, names: str) -> str:
        return self.tr("%Ln user(s) were created: %1.", "", n).replace("%1", names)

    def empty_rows(self, n: int) -> str:
        return self.tr("%Ln empty row(s) skipped", "", n)

    def import_rows(self, n: int) -> str:
        return self.tr("Import %Ln row(s)", "", n)

    def removed(self, n: int) -> str:
        return self.tr("Removed %Ln record(s) the import created.", "", n)

    def restored(self, n: int) -> str:
        return self.tr("Restored %Ln record(s) it had changed.", "", n)

    def left(self, n: int) -> str:
        return self.tr("Left %Ln record(s) alone:", "", n)

    def header_warning(self, row: int) -> str:
        return self.tr("Row %1 looks like a title, not column titles: most columns would "
                       "have no name. Choose the row with the column titles if it is another "
                       "one.").replace("%1", number(row))  # fmt: skip

    def more(self, n: int) -> str:
        return self.tr("and %Ln more.", "", n)

    def seconds_left(self, n: int) -> str:
        return self.tr("about %n s left", "", n)

    def minutes_left(self, n: int) -> str:
        return self.tr("about %n min left", "", n)


@functools.cache
def import_words() -> ImportWords:
    """One instance (cells ask at every paint); tr() reads the language in force each call."""
    return ImportWords()


def describer(kind: str, planned: bool = False) -> Callable[[CellProblem], str]:
    """describe(problem) for the error report: the sentences translated now, on the GUI thread;
    the function returned touches no Qt and may run on a worker. A left_empty problem says the
    row is (planned: will be) imported with the cell empty."""
    titles, cells, rows = import_words().templates(kind)
    left = import_words().left_empty_note(planned)
    chinese = QLocale().language() == QLocale.Language.Chinese
    colon = "：" if chinese else ": "

    def describe(p: CellProblem) -> str:
        values = {"value": p.value, "limit": f"{p.limit:,}" if p.limit else ""}
        if p.code in ROW_CODES or not p.field:
            return rows.get(p.code, rows[""]).format(**values)
        phrase = cells.get(p.code, cells[""]).format(**values)
        text = f"{titles.get(p.field, p.field)}{colon}{phrase}"
        return left.replace("{problem}", text) if p.left_empty else text

    return describe


def describe(problem: CellProblem, kind: str = "customers") -> str:
    """One problem in words, on the GUI thread (a preview cell's tooltip)."""
    words = import_words()
    values = {"value": problem.value, "limit": f"{problem.limit:,}" if problem.limit else ""}
    if problem.code in ROW_CODES or not problem.field:
        return words._row_sentence(problem.code).format(**values)
    phrase = words._cell_phrase(problem.code).format(**values)
    text = labelled(words.field(kind, problem.field), phrase)
    if problem.left_empty:  # the preview's: the import is still to come
        return words.left_empty_note(True).replace("{problem}", text)
    return text
