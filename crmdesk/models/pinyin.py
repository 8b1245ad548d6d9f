"""Pinyin for Chinese sorting and searching, from pypinyin (imported on first use: its tables
take ~0.2 s and 50 MB, which a start-up that only lists customers never needs).

- sort_key: what a name sorts by in SQL on every backend ("a li" < "bei jing" < "chong qing"),
  stored beside the name (Customer.name_sort, …) and compared byte by byte; person_sort_key
  for a person's name (User.name_sort: owners, reps), its surname read as one (曾 zeng).
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


# Surnames read otherwise than the character mostly is (曾 zēng, not céng as in 曾经): a
# person's name begins with its surname, which pypinyin (no surname mode) reads as a word. Only
# those pypinyin gets wrong at the start of a name; compound surnames (欧阳, 尉迟, 长孙) it
# reads right already. 单于 (chán yú) is read before 单 (shàn).
SURNAMES = {
    "单于": "chan yu", "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou",
    "查": "zha", "朴": "piao", "盖": "ge", "覃": "qin", "缪": "miao", "翟": "zhai", "秘": "bi",
    "繁": "po", "折": "she", "粘": "nian", "都": "du", "六": "lu", "薄": "bo", "阚": "kan",
    "卜": "bu", "召": "shao", "句": "gou", "宓": "fu", "员": "yun", "贠": "yun", "能": "nai",
}  # fmt: skip


def person_sort_key(name: str) -> str:
    """sort_key of a person's name, its surname read as a surname: 曾玉 sorts as zeng yu, after
    杨 (yang) and before 张 (zhang), as a Chinese reader looks for it."""
    if not isinstance(name, str):
        return ""
    text = name.strip()
    for surname in (text[:2], text[:1]):
        reading = SURNAMES.get(surname)
        if reading is not None:
            rest = sort_key(text[len(surname) :])
            return f"{reading} {rest}".strip()[:SORT_KEY_LIMIT]
    return sort_key(name)


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
