"""The jieba user dictionary clause_library/dictionary/legal_terms.txt parses and keeps key legal phrases whole."""
from __future__ import annotations

import re
from pathlib import Path

import jieba
import pytest

DICT = Path(__file__).resolve().parents[2] / "clause_library" / "dictionary" / "legal_terms.txt"

# Each phrase below was checked to be split by jieba's default dictionary (asserted again in
# test_phrases_split_without_dictionary, so the whole-phrase test cannot pass vacuously).
KEY_PHRASES = [
    "对外承担责任的主体",      # NAT770 八(三)；FJ46 附件1 四.3
    "理事长单位",
    "依托单位",
    "责任主体",
    "专账管理",
    "仲裁委员会",
    "法定代表人",
    "授权委托书",
    "送达地址",
    "专利申请权",
    "独占许可",
    "排他许可",
    "普通许可",
    "专家委员会",
    "有管辖权的人民法院",
    "统一社会信用代码",
    "科技计划项目任务书",
    "内部责任分担方式",
]

SENTENCES = [
    ("各方共同指定理事长单位为联盟对外承担责任的主体，并签订科技计划项目任务书。",
     ["理事长单位", "对外承担责任的主体", "科技计划项目任务书"]),
    ("协商不成的，提交厦门仲裁委员会仲裁。", ["仲裁委员会"]),
    ("一方变更送达地址的，应当书面通知其他各方。", ["送达地址"]),
    ("共有的专利申请权不得以排他许可方式许可第三方。", ["专利申请权", "排他许可"]),
    ("联盟经费由依托单位实行专账管理、专款专用。", ["依托单位", "专账管理", "专款专用"]),
]

LINE = re.compile(r"^(\S+) (\d+) ([a-z]+)$")


@pytest.fixture(scope="module")
def default_tok():
    tok = jieba.Tokenizer()
    tok.initialize()
    return tok


@pytest.fixture(scope="module")
def user_tok():
    tok = jieba.Tokenizer()
    tok.initialize()
    tok.load_userdict(str(DICT))
    return tok


def read_lines():
    return DICT.read_text(encoding="utf-8").splitlines()


def test_every_line_parses():
    lines = read_lines()
    assert len(lines) >= 400
    words = []
    for n, line in enumerate(lines, 1):
        m = LINE.match(line)
        assert m, f"line {n} is not '词 频率 词性': {line!r}"
        assert int(m.group(2)) > 0
        words.append(m.group(1))
    assert len(words) == len(set(words)), "duplicate words"


def test_phrases_split_without_dictionary(default_tok):
    for phrase in KEY_PHRASES:
        assert default_tok.lcut(phrase, HMM=False) != [phrase], phrase


def test_phrases_whole_with_dictionary(user_tok):
    for phrase in KEY_PHRASES:
        assert user_tok.lcut(phrase) == [phrase], phrase


@pytest.mark.parametrize("sentence,expected", SENTENCES)
def test_phrases_whole_in_context(user_tok, sentence, expected):
    tokens = user_tok.lcut(sentence)
    for word in expected:
        assert word in tokens, (word, tokens)


def test_every_term_whole_and_common_words_not_weakened(default_tok, user_tok):
    for line in read_lines():
        word, freq, _tag = line.split(" ")
        assert user_tok.lcut(word, HMM=False) == [word], word
        # jieba's add_word replaces the frequency; never make a common word rarer than jieba knows it
        assert int(freq) >= default_tok.FREQ.get(word, 0), word
