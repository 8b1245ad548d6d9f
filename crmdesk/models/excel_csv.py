"""Text sheets for an import: .csv, .txt, .tsv (and an ".xls" that a web system wrote as
text). Part of excel_read: the encoding (UTF-8 with or without its BOM, UTF-16 with a BOM as
Excel's "Unicode text", else GB18030, the superset of GBK that Chinese Excel writes) and the
delimiter (Excel's "sep=;" first line, else csv.Sniffer among , ; tab | checked against how
evenly each splits the first lines) are found from the content. Cells stay text."""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from pathlib import Path

from crmdesk.models.excel_types import BadFile

DELIMITERS = ",;\t|"
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE_LINES = 50
_FIELD_LIMIT = 1 << 24  # characters in one field (csv's default, 128 Ki, is below a long note)


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text without its BOM: every other byte NUL (mostly, for ASCII text)."""
    half = len(sample) // 2
    if half < 2:
        return None
    odd = sample[1::2].count(0)
    even = sample[0::2].count(0)
    if odd >= half * 0.4 and even < half * 0.05:
        return "utf-16-le"
    if even >= half * 0.4 and odd < half * 0.05:
        return "utf-16-be"
    return None


def _encoding(sample: bytes) -> tuple[str, int] | None:
    """(encoding, length of its BOM) of text, None when the bytes are not text."""
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name, len(bom)
    if sample.count(0) * 10 > len(sample):  # a stray NUL is a bad cell, many are UTF-16
        utf16 = _utf16_without_bom(sample)
        return (utf16, 0) if utf16 else None
    for name in ("utf-8", "gb18030"):
        try:
            decoded = codecs.getincrementaldecoder(name)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in decoded if ch < " " and ch not in "\t\r\n\f")
        return (name, 0) if controls <= max(2, len(decoded) // 50) else None
    return None


def looks_like_text(sample: bytes) -> bool:
    """The first bytes of a file are text we can read (not markup: an HTML table or an XML
    spreadsheet saved as .xls is not read)."""
    found = _encoding(sample)
    if found is None:
        return False
    name, bom = found
    start = codecs.getincrementaldecoder(name)(errors="replace").decode(sample[bom : bom + 200])
    return not start.lstrip().startswith("<")


def _decode(data: bytes, p: Path) -> str:
    found = _encoding(data[:65536])
    if found is None:
        raise BadFile("not_spreadsheet", path=str(p))
    name, bom = found
    try:
        return data[bom:].decode(name)
    except UnicodeDecodeError:
        if bom or name.startswith("utf-16"):  # the file says what it is: a bad byte, not the end
            return data[bom:].decode(name, errors="replace")
    try:  # valid UTF-8 at the start, something else further on
        return data.decode("gb18030")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace")


def _shape(sample: str, delimiter: str) -> tuple[int, int]:
    """(rows of the commonest field count, that count) over the sample's non-empty lines."""
    try:
        counts = Counter(
            len(row)
            for row in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
            if row
        )
    except csv.Error:
        return 0, 0
    if not counts:
        return 0, 0
    fields, rows = counts.most_common(1)[0]
    return rows, fields


def _delimiter(sample: str, suffix: str) -> str:
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        sniffed = ""
    shapes = {d: _shape(sample, d) for d in DELIMITERS}
    splitting = {d: s for d, s in shapes.items() if s[1] >= 2}
    if not splitting:
        return "\t" if suffix == ".tsv" else ","
    best = max(splitting.values())
    if sniffed in splitting and splitting[sniffed][0] == best[0]:
        return sniffed
    return next(d for d in DELIMITERS if splitting.get(d) == best)


def read_text_sheet(p: Path, data: bytes) -> list[list[str]]:
    """Every row of a text sheet, as text cells (ragged: excel_read pads them)."""
    content = _decode(data, p)
    first, _, rest = content.partition("\n")
    marker = first.strip().lower()
    if marker.startswith("sep=") and len(marker) == 5:  # Excel's own hint, not a row
        delimiter, content = first.strip()[4], rest
    else:
        lines = content[:262_144].splitlines(keepends=True)
        delimiter = _delimiter("".join(lines[:_SAMPLE_LINES]), p.suffix.lower())
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    try:
        return list(csv.reader(io.StringIO(content, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise BadFile("corrupt", path=str(p), detail=str(exc)) from None
