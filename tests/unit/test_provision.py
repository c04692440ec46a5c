"""Provisions, not mentions (issue 12 §4): checker/rules/provision.py decides whether the words an
element rule found provide the element."""
import re

import pytest

from checker.rules.provision import provides


def _at(text, words):
    m = re.search(words, text)
    return text, m.start(), m.end()


@pytest.mark.parametrize("text,words", [
    ("联盟经费由理事长单位代管，不另行开设专户。", "专户"),
    ("秘书处暂不配备专职人员。", "专职人员"),
    ("联盟成果转化收益不在成员之间分配。", "收益不在成员之间分配"),
    ("各方是否具有独立法人资格，由各方另行确认。", "法人资格"),
    ("如需设立专账的，由理事会另行决定。", "专账"),
    ("必要时，联盟可设立专家委员会。", "专家委员会"),
    ("联盟项目形成的知识产权的归属，由各方另行约定。", "归属"),
    ("成员侵犯联盟知识产权的，经理事会决议予以除名。", "知识产权"),
])
def test_mentions_that_provide_nothing(text, words):
    assert not provides(*_at(text, words))


@pytest.mark.parametrize("text,words", [
    ("依托单位对联盟经费实行专帐管理，专款专用。", "专帐"),
    ("联盟项目形成的知识产权归完成方所有，合作完成的归各方共有。", "归完成方所有"),
    ("各成员的具体分工另行签订项目协议约定。", "分工"),
    ("知识产权的归属按附件三《知识产权管理办法》执行，另行约定的从其约定。", "归属"),
    ("联盟经费不少于每年五十万元，用于共性技术研发。", "用于"),
    ("成员违约的，应当赔偿由此造成的损失。", "赔偿"),
])
def test_real_provisions(text, words):
    assert provides(*_at(text, words))


def test_deferral_and_grounds_allowed_where_they_are_the_element():
    text, a, b = _at("新项目的分工由参与方届时协商确定。", "届时协商")
    assert not provides(text, a, b) and provides(text, a, b, deferral_ok=True)
    text, a, b = _at("挪用联盟经费的，予以除名。", "挪用联盟经费")
    assert not provides(text, a, b) and provides(text, a, b, grounds_ok=True)
