"""Pinyin for Chinese sorting and searching, from pypinyin (imported on first use: its tables
take ~0.2 s and 50 MB, which a start-up that only lists customers never needs).

- sort_key: what a name sorts by in SQL on every backend ("a li" < "bei jing" < "chong qing"),
  stored beside the name (Customer.name_sort, …) and compared byte by byte.
- search_lines: the full pinyin and the initials a name is also found by ("beijingxingchen",
  "bjxc").

pypinyin's own segmentation and phrase tables choose each character's reading (重庆 is chong
qing, 重工 zhong gong); what it returns for a word is cached, which makes a name ~7 µs instead
of ~100 µs (a 1M-customer demo build would otherwise spend 5 minutes here) and returns exactly
what lazy_pinyin returns for the whole name (tested).
"""

from __future__ import annotations

import functools
import re

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
SORT_KEY_LIMIT = 120  # characters of a stored sort key; what follows never decides an order


@functools.cache
def _segmenter():
    from pypinyin.seg.mmseg import seg

    return seg


@functools.lru_cache(maxsize=131072)
def _word(word: str) -> tuple[str, ...]:
    from pypinyin import lazy_pinyin

    return tuple(lazy_pinyin(word))


def tokens(text: str) -> list[tuple[str, bool]]:
    """The text as (syllable, True) for each Chinese character and (run, False) for each run of
    other characters, lower-cased, whitespace dropped: 'IBM中国 3号' → ibm zhong guo 3 hao."""
    out: list[tuple[str, bool]] = []
    literal: list[str] = []

    def flush() -> None:
        if literal:
            out.append(("".join(literal), False))
            literal.clear()

    for piece in _segmenter().cut(text.lower()) if _HAN.search(text) else [text.lower()]:
        if _HAN.search(piece):
            flush()
            out.extend((syllable, True) for syllable in _word(piece))
        else:
            for ch in piece:
                if (
                    ch.isspace() or ch < " "
                ):  # a control character never reaches a key (PG refuses NUL)
                    flush()
                else:
                    literal.append(ch)
    flush()
    return out


def sort_key(text: str) -> str:
    """Syllables and other runs separated by single spaces, so 西安 (xi an) sorts before 先
    (xian) and 北京 before 北京星辰, as in a dictionary."""
    if not isinstance(text, str):
        return ""
    return " ".join(token for token, _ in tokens(text))[:SORT_KEY_LIMIT]


def search_lines(text: str) -> list[str]:
    """The full pinyin and the initials of a text that holds Chinese characters (none for one
    that does not: its own text is found already): 北京星辰科技 → beijingxingchenkeji, bjxckj."""
    if not _HAN.search(text):
        return []
    parts = tokens(text)
    full = "".join(token for token, _ in parts)
    initials = "".join(token[0] if han else token for token, han in parts)
    return [full, initials]


def sorted_by_pinyin(values, key=lambda v: v):
    """A small list (a picker's entries) in pinyin order."""
    return sorted(values, key=lambda v: (sort_key(key(v)), key(v)))
