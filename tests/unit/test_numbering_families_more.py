"""Issue 7 point 1, the numbering families the style matrix renders since: parts 第一部分 with items ⑴ ⑵
restarting in every part and sub-items ① ②; articles 第1条 (Arabic inside 第…条) with sub-clauses 1.1;
Latin-letter items a. / A. / （a） / (a) as the second level under 一、; 第X节 sections inside chapters."""
from __future__ import annotations

import re

import pytest

from checker import check
from checker.ingest import from_text
from checker.structure.labels import label_of
from checker.structure.segment import segment

PREAMBLE = ("某某产业技术创新战略联盟协议书\n甲方：甲科技有限公司\n住所：福州市一路1号\n法定代表人：张一\n"
            "乙方：乙大学\n住所：福州市二路2号\n法定代表人：李二\n鉴于各方均为独立法人，经平等协商，达成协议如下：\n")
SIGN = "甲方（盖章）：甲科技有限公司\n乙方（盖章）：乙大学\n"
# (part title, [(clause text, [sub-items])]) in the reference outline's order (闽科政〔2009〕46号 附件1 四.1–四.10)
PARTS = [
    ("总则", [("联盟名称为某某产业技术创新战略联盟，宗旨是联合开展关键技术攻关。", []),
              ("联盟三年内突破两项关键技术，各方分工如下：", ["甲方负责产业化示范；", "乙方负责基础研究。"])]),
    ("组织机构和成员", [("联盟设理事会为决策机构，设专家委员会为咨询机构，设秘书处为执行机构。", []),
                    ("成员应为独立法人，享有参与项目的权利，履行完成任务的义务。", ["新成员经理事会同意后加入；", "成员可以书面申请退出。"])]),
    ("附则", [("因本协议发生的争议，提交福州仲裁委员会仲裁。", []),
              ("本协议经各方签字盖章后生效，变更须经各方书面同意。", [])]),
]
CN = "一二三四五六七八九十"


@pytest.mark.parametrize("text,typ,value,rest", [
    ("第一部分 总则", "chapter", 1, "总则"), ("第二部分　组织机构", "chapter", 2, "组织机构"),
    ("第三部分组织机构", "chapter", 3, "组织机构"), ("第4部分 附则", "chapter", 4, "附则"),
    ("第1条 联盟名称", "article", 1, "联盟名称"), ("第12条　争议解决", "article", 12, "争议解决"),
    ("第3条联盟名称为某某联盟。", "article", 3, "联盟名称为某某联盟。"),
    ("第二节 理事会", "section", 2, "理事会"), ("第二节　理事会", "section", 2, "理事会"),
    ("a. 理事会", "alpha", 1, "理事会"), ("b.理事会", "alpha", 2, "理事会"), ("B．理事会", "alpha", 2, "理事会"),
    ("（b）理事会", "paren_alpha", 2, "理事会"), ("(B) 理事会", "paren_alpha", 2, "理事会"),
    ("⑵理事会", "paren_digit", 2, "理事会"), ("⑵　理事会", "paren_digit", 2, "理事会"), ("②理事会", "circled", 2, "理事会"),
])
def test_labels_of_the_added_families(text, typ, value, rest):
    m = label_of(text)
    assert (m.type, m.value, m.rest) == (typ, value, rest)


def _read(body: str):
    clauses, units = segment(from_text(PREAMBLE + body + SIGN))
    return clauses, [u for u in units if u.kind in ("article", "item", "heading")]


def _texts():
    return [t for _, items in PARTS for t, _ in items]


@pytest.mark.parametrize("sep", ["", " ", "\u3000"])
def test_parts_with_items_restarting_in_every_part(sep):
    body = ""
    for p, (title, items) in enumerate(PARTS, 1):
        body += f"第{CN[p - 1]}部分{sep or ' '}{title}\n"
        for k, (t, subs) in enumerate(items):
            body += f"{'⑴⑵⑶'[k]}{sep}{t}\n" + "".join(f"{'①②③'[j]}{sep}{s}\n" for j, s in enumerate(subs))
    clauses, units = _read(body)
    assert [u.text.splitlines()[0][1:].strip() for u in units] == _texts()
    assert [c.heading for c in clauses if c.kind == "chapter"] == [p for p, _ in PARTS]
    # ① ② stay inside their item
    assert "乙方负责基础研究" in units[1].text and "乙方负责基础研究" not in units[2].text


@pytest.mark.parametrize("sep,sub_sep", [(" ", " "), ("", ""), ("\u3000", "\u3000")])
def test_arabic_articles_with_decimal_sub_clauses(sep, sub_sep):
    body, n = "", 0
    for _, items in PARTS:
        for t, subs in items:
            n += 1
            body += f"第{n}条{sep}{t}\n" + "".join(f"{n}.{j}{sub_sep}{s}\n" for j, s in enumerate(subs, 1))
    _, units = _read(body)
    assert [u.number for u in units] == [f"第{i}条" for i in range(1, n + 1)]
    assert [u.kind for u in units] == ["article"] * n
    assert "2.2" in units[1].text and "4.1" in units[3].text


@pytest.mark.parametrize("scheme", ["a.", "A.", "（a）", "(a)", "a．"])
@pytest.mark.parametrize("chapters", [False, True])
def test_latin_letter_items_under_chinese_numbered_clauses(scheme, chapters):
    def lab(j):
        letter = "abc"[j]
        letter = letter.upper() if scheme[0].isupper() or scheme[1:2].isupper() else letter
        return scheme.replace("a", letter).replace("A", letter)
    body, n = "", 0
    for p, (title, items) in enumerate(PARTS, 1):
        if chapters:
            body += f"第{CN[p - 1]}章 {title}\n"
        for t, subs in items:
            n += 1
            body += f"{CN[n - 1]}、{t}\n" + "".join(f"{lab(j)} {s}\n" for j, s in enumerate(subs))
    _, units = _read(body)
    assert [u.number for u in units] == [f"{CN[i]}" for i in range(n)] or \
        [u.text.split("、")[0] for u in units] == [CN[i] for i in range(n)]
    assert len(units) == n
    assert "乙方负责基础研究" in units[1].text and "成员可以书面申请退出" in units[3].text


@pytest.mark.parametrize("sep", [" ", "\u3000"])
def test_sections_inside_chapters_are_containers(sep):
    body, n = "", 0
    for p, (title, items) in enumerate(PARTS, 1):
        body += f"第{CN[p - 1]}章{sep}{title}\n"
        for k, (t, _) in enumerate(items):
            body += f"第{CN[k]}节{sep}小节{CN[k]}\n"
            n += 1
            body += f"第{CN[n - 1]}条{sep}{t}\n"
    clauses, units = _read(body)
    assert [u.kind for u in units] == ["article"] * n
    assert [re.split(r"[\s\u3000]", u.text, maxsplit=1)[1].strip() for u in units] == _texts()
    heads = [c.number for c in clauses if c.kind == "chapter"]
    assert heads.count("第一节") == 3 and heads.count("第二节") == 3 and "第三章" in heads


def test_parts_and_items_get_the_same_review_as_articles():
    """The same agreement as 第X条 and as 第X部分 / ⑴: the same section for every clause."""
    arts = "".join(f"第{CN[i]}条 {t}\n" for i, t in enumerate(_texts()))
    parts = "".join(f"第{CN[p]}部分 {title}\n" + "".join(f"{'⑴⑵⑶'[k]}{t}\n" for k, (t, _) in enumerate(items))
                    for p, (title, items) in enumerate(PARTS))
    a = check(text=PREAMBLE + arts + SIGN, kind="agreement")
    b = check(text=PREAMBLE + parts + SIGN, kind="agreement")

    def secs(rep):
        return [c.section for c in rep.clauses if c.kind in ("article", "item")]
    assert secs(a) == secs(b)
    assert {s.key: s.status for s in a.sections} == {s.key: s.status for s in b.sections}


def test_style_matrix_renders_the_added_families():
    """The renderer's part, article-Arabic, Latin-letter and 第X节 styles (checker/stylematrix)."""
    from pathlib import Path

    from checker.stylematrix.render import label, render
    from checker.stylematrix.source import parse_source
    from checker.stylematrix.styles import BY_ID

    assert label("article_arabic", 12) == "第12条"
    src = parse_source(Path(__file__).resolve().parents[1] / "corpus" / "src" / "c07.txt")   # no chapters
    parts = [o.text for o in render(BY_ID["txt_part_paren_digit"], src).items]
    heads = [t for t in parts if t.startswith("第") and "部分" in t[:5]]
    assert heads[0] == "第一部分 总则" and len(heads) >= 4
    # items restart at ⑴ in every part
    assert parts[parts.index(heads[1]) + 1].startswith("⑴")
    secs = [o.text for o in render(BY_ID["txt_chapter_sections"], src).items]
    assert "第一章 总则" in secs and "第一节 名称、宗旨和原则" in secs
    arts = [t for t in secs if t.startswith("第") and "条" in t[:5]]
    assert arts[0].startswith("第一条") and arts[1].startswith("第二条")     # articles run on across sections
    arabic = [o.text for o in render(BY_ID["txt_article_arabic"], src).items]
    assert any(t.startswith("第1条 ") for t in arabic)
