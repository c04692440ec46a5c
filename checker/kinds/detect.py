"""Which kind of filing document a text is: agreement, charter, necessity statement, or none of these.

Read from the title lines first (a charter calls itself 章程, a necessity statement 必要性的说明), then from
how the body refers to itself (本协议 / 本章程) and from the necessity-statement outline headings
(闽科政〔2009〕46号 附件2). A text that never mentions an alliance, or whose title says it is a meeting
note, a letter or another kind of contract, is ``other``.
"""
from __future__ import annotations

import re

KIND_CHOICES = ("auto", "agreement", "charter", "necessity")
KIND_TITLES = {"agreement": "联盟协议书", "charter": "联盟章程", "necessity": "组建必要性的说明",
               "other": "非联盟申报文件"}

_WS = re.compile(r"[\s\u3000]+")
_ALLIANCE = re.compile(r"联盟")
# Title words of documents that are not part of a filing package (or not an alliance document at all).
_OTHER_TITLE = re.compile(r"纪要|会议记录|会议通知|通知$|的函$|^致|简报|申请表|登记表|备案表|申报表|"
                          r"工作方案|试点方案|建设方案|可行性(研究)?报告|营业执照|法人证书|登记证书|"
                          r"(买卖|购销|采购|租赁|借款|劳动|服务|建设工程|承揽|运输|保管|委托|技术开发|技术转让)合同")
_NECESSITY_HEADS = [re.compile(p) for p in (
    r"产业发展(状况|现状|概况)", r"(技术|产业)[^。\n]{0,12}(差距|不足)", r"(战略|政策)[^。\n]{0,12}关联",
    r"(推动|促进)[^。\n]{0,16}(技术创新|产业)[^。\n]{0,6}作用")]


def _head_lines(text: str, n: int = 3) -> list[str]:
    out = []
    for line in text.splitlines():
        s = _WS.sub("", line).lstrip("#*> ")
        if s:
            out.append(s)
        if len(out) >= n:
            break
    return out


def detect_kind(text: str) -> tuple[str, str]:
    """(kind, reason): kind is agreement | charter | necessity | other; reason is one Chinese line.

    Conservative towards the agreement: a text is another kind only on positive evidence (its title, how
    it refers to itself, the necessity-statement outline), so clause snippets and untitled drafts are still
    reviewed as agreements, as before kinds existed."""
    head = _head_lines(text)
    title = next((h for h in head if len(h) <= 60 and not any(p in h for p in "，。；,;")), "")
    body = _WS.sub("", text[:60000])
    n_alliance = len(_ALLIANCE.findall(body))
    n_agree = body.count("本协议") + body.count("协议各方") + body.count("协议书")
    n_charter = body.count("本章程")
    n_necess = sum(1 for rx in _NECESSITY_HEADS if rx.search(body))
    if "必要性" in title and n_alliance:
        return "necessity", f"标题“{title[:40]}”表明这是组建必要性的说明。"
    if "章程" in title and "协议" not in title and n_alliance:
        return "charter", f"标题“{title[:40]}”表明这是联盟章程。"
    if "协议" in title and not _OTHER_TITLE.search(title):
        return "agreement", f"标题“{title[:40]}”表明这是联盟协议书。"
    if _OTHER_TITLE.search(title):
        return "other", f"标题“{title[:40]}”表明这是{_other_name(title)}，不是联盟协议书、章程或组建必要性的说明。"
    contract_like = bool(_ARTICLES.search(body)) or "甲方" in body
    if n_alliance == 0 and n_agree == 0 and "协议" not in body and ("本合同" in body or not contract_like):
        what = "其他类型的合同" if "本合同" in body else ("信函" if _LETTER.search(body) else "与联盟无关的文字")
        return "other", f"文中没有出现“联盟”或“协议”，看来是{what}，不是联盟协议书、章程或组建必要性的说明。"
    if n_necess >= 3 and n_agree < 2:
        return "necessity", "正文按组建必要性说明的提纲（产业状况、技术差距、战略关联、推动作用）展开。"
    if n_charter >= 2 and n_charter > n_agree:
        return "charter", "正文以“本章程”自称。"
    if _LETTER.search(body) and n_agree == 0:
        return "other", "这是一封信函，不是联盟协议书、章程或组建必要性的说明。"
    return "agreement", "按联盟协议书审查（默认）。"


_ARTICLES = re.compile(r"第[一二三四五六七八九十百\d]+条")
_LETTER = re.compile(r"此致.{0,4}敬礼|^尊敬的|特此函告|特此致函")


def _other_name(title: str) -> str:
    if "纪要" in title or "会议" in title:
        return "会议纪要或会议材料"
    if "合同" in title:
        return "其他类型的合同"
    if "表" in title:
        return "申请或登记表格"
    if re.search(r"方案|可行性", title):
        return "申报材料中的工作方案或可行性报告"
    if re.search(r"执照|证书", title):
        return "证照材料"
    return "通知或信函"
