"""Pinyin sort keys and search lines (no database, no Qt)."""

from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin import lazy_pinyin

from crmdesk.models import pinyin

HAN = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), max_size=12)


def test_pinyin_order_of_names():
    names = ["重庆星辰", "北京宏达", "阿里巴巴", "西安", "先锋", "北京", "Apple", "3M中国"]
    ordered = sorted(names, key=pinyin.sort_key)
    assert ordered == [
        "3M中国",
        "阿里巴巴",
        "Apple",
        "北京",
        "北京宏达",
        "重庆星辰",
        "西安",
        "先锋",
    ]


def test_readings_follow_the_phrase():
    assert pinyin.sort_key("重庆") == "chong qing"
    assert pinyin.sort_key("重工机械") == "zhong gong ji xie"
    assert pinyin.sort_key("IBM 中国 ABC") == "ibm zhong guo abc"


def test_search_lines_hold_full_pinyin_and_initials():
    assert pinyin.search_lines("北京星辰科技") == ["beijingxingchenkeji", "bjxckj"]
    assert pinyin.search_lines("IBM中国") == ["ibmzhongguo", "ibmzg"]
    assert pinyin.search_lines("Acme Ltd") == []


def test_sort_key_is_bounded_and_total():
    assert len(pinyin.sort_key("长" * 500)) == pinyin.SORT_KEY_LIMIT
    assert pinyin.sort_key("") == ""
    assert pinyin.sort_key(None) == ""
    assert pinyin.sort_key("A\x00b") == "a b"


@settings(max_examples=200)
@given(HAN)
def test_cached_words_give_what_pypinyin_gives_for_the_whole_text(text):
    assert [t for t, _ in pinyin.tokens(text)] == lazy_pinyin(text)


def test_sorted_by_pinyin_for_pickers():
    assert pinyin.sorted_by_pinyin(["重庆", "北京", "安徽"]) == ["安徽", "北京", "重庆"]
