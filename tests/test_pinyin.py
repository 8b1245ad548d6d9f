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


def test_a_persons_surname_is_read_as_a_surname():
    assert pinyin.person_sort_key("曾玉") == "zeng yu"  # not ceng, as in 曾经
    assert pinyin.sort_key("曾玉") == "ceng yu"  # a company's name is read as a word
    assert pinyin.person_sort_key("单雄信") == "shan xiong xin"
    assert pinyin.person_sort_key("单于飞") == "chan yu fei"  # the compound surname first
    assert pinyin.person_sort_key(" 解放 ") == "xie fang"
    assert pinyin.person_sort_key("李曾") == "li ceng"  # only the surname
    assert pinyin.person_sort_key("欧阳修") == "ou yang xiu"
    assert pinyin.person_sort_key("Tom 曾") == "tom ceng"
    assert pinyin.person_sort_key("曾") == "zeng" and pinyin.person_sort_key("") == ""
    assert pinyin.person_sort_key(None) == ""
    people = ["张伟", "曾玉", "杨帆", "蔡明", "查理", "陈晨"]
    assert sorted(people, key=pinyin.person_sort_key) == [
        "蔡明", "陈晨", "杨帆", "曾玉", "查理", "张伟"]  # fmt: skip


@given(st.text(max_size=30))
def test_a_persons_key_is_bounded_and_total(name):
    key = pinyin.person_sort_key(name)
    assert len(key) <= pinyin.SORT_KEY_LIMIT and "\x00" not in key
