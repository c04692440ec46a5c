"""The drafting styles of the style matrix: how numbering, headings, parties, signature block,
attachments and page furniture are laid out — each with a one-line example for the README.

A style changes only the form; the content (every clause's words) stays that of the source.
"""
from __future__ import annotations

from dataclasses import dataclass

from checker.text.cn_numerals import to_chinese  # noqa: F401  (re-exported for the renderer)

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
         "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII",
         "XXIX", "XXX"]
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
PAREN_DIGIT = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"


@dataclass(frozen=True)
class Style:
    id: str
    fmt: str                       # txt | docx | pdf
    example: str                   # one line as a reader sees it
    chapter: str = "keep"          # keep (第X章) | drop | decimal (1 总则 → units 1.1) | cnpart (一、) | bold
    #                                | part (第一部分 总则) | arabic (第1章 总则)
    unit: str = "article"          # label scheme of clause units, or "none" (formatting-only headings)
    sep: str = " "                 # between a unit label and its text
    sub1: str = "pcn"              # label scheme of depth-1 sub-items
    sub2: str = "dec."             # label scheme of depth-2 sub-items
    sub_sep: str = ""
    autonum: str | None = None     # Word automatic numbering scheme for units and sub-items (docx/pdf)
    heading_format: str = "inline"  # inline | bold (own bold paragraph, no number) | style (Word Heading 2)
    parties: str = "lines"         # lines | table | numbered
    role: str | None = None        # role label pattern replacing 甲方/乙方…, e.g. "缔约方{cn}"
    recitals: str | None = None    # renumber 鉴于 items with this scheme (same family as the body)
    signature: str = "lines"       # lines | table
    member_attachment: bool = False
    header: bool = False           # running header and "第 N 页" footer
    charter_headings: bool = False  # chapters in Word Heading 1 style (章程 layout)
    needs_headings: bool = False   # only for sources whose every unit has a heading
    unit_restart: bool = False     # units restart at 1 in every chapter / part (⑴ ⑵ … under each 第X部分)
    group: bool = False            # a source without body chapters gets chapters of the reference outline's groups
    sections: bool = False         # 第X节 sections inside the chapters (one per run of clauses on one topic)
    # Issue 7 point 2 (party forms): where a style applies and how founding units of a charter are listed
    kinds: tuple[str, ...] = ("agreement", "charter")   # document kinds (source meta ``kind``) it applies to
    needs_party_lines: bool = False  # only for sources whose parties are written as 甲方：… blocks
    party_break: bool = False      # the party table starts near a page's foot and runs onto the next page
    founders: str | None = None    # charters: "preamble" (发起单位 as plain lines) | "attachment" (发起单位名单 only)


STYLES: list[Style] = [
    Style("txt_article_fullwidth", "txt", "第一条　联盟的名称为……", sep="\u3000", sub2="dec."),
    Style("txt_article_nosep", "txt", "第一条联盟的名称为……（缔约方一：××有限公司）", chapter="drop", sep="",
          sub1="pcn_ascii", sub2="pnum_ascii", role="缔约方{cn}"),
    Style("txt_cn_dunhao", "txt", "一、联盟名称和宗旨（第一方：××有限公司）", chapter="drop", unit="cn、", sep="",
          sub1="pcn", sub2="dec.", role="第{cn}方"),
    Style("txt_cn_dot", "txt", "一.联盟名称和宗旨（协议方（一）：××大学）", chapter="drop", unit="cn.", sep="",
          sub1="pcn_ascii", sub2="dec)", role="协议方（{cn}）"),
    Style("txt_decimal_nosep", "txt", "1联盟名称和宗旨 / 1.1联盟名称为……（成员单位1：××研究院）", chapter="drop",
          unit="dec", sep="", sub1="multi", sub2="multi", role="成员单位{n}"),
    Style("txt_decimal_fullwidth", "txt", "1　联盟名称 / 1.1　……；缔约方列为（1）（2）…", chapter="drop", unit="dec",
          sep="\u3000", sub1="multi", sub2="multi", sub_sep="\u3000", parties="numbered"),
    Style("txt_decimal_tab", "txt", "1.\t联盟名称 / (1)\t……", chapter="drop", unit="dec.", sep="\t",
          sub1="pnum_ascii", sub2="circ", sub_sep="\t"),
    Style("txt_decimal_dunhao", "txt", "1、联盟名称 / （1）…… ；鉴于各项同为 1、2、3", chapter="drop", unit="dec、", sep="",
          sub1="pnum", sub2="circ", recitals="dec、"),
    Style("txt_decimal_paren", "txt", "1) 联盟名称 / (a) ……", chapter="drop", unit="dec)", sub1="alpha_paren",
          sub2="circ", sub_sep=" "),
    Style("txt_decimal_fwdot", "txt", "1．联盟名称 / ⑴…… / a.……", chapter="drop", unit="dec．", sep="",
          sub1="paren_digit", sub2="alpha.", role="发起单位{cn}"),
    Style("txt_chapter_decimal", "txt", "1 总则 / 1.1 联盟的名称为…… / 1.1.1 ……", chapter="decimal", unit="multi",
          sub1="multi", sub2="multi", sub_sep=" "),
    Style("txt_roman", "txt", "I. 联盟名称 / A. …… / （a）……", chapter="drop", unit="roman.", sub1="ALPHA.",
          sub2="alpha_fwparen", sub_sep=" "),
    Style("txt_paren_units", "txt", "一、总则 / （1）联盟的名称为…… / ①……", chapter="cnpart", unit="pnum", sep="",
          sub1="circ", sub2="alpha."),
    Style("txt_plain_headings", "txt", "联盟名称和宗旨（单独一行，无编号）", chapter="bold", unit="none",
          heading_format="bold", sub1="pcn", sub2="dec.", needs_headings=True),
    Style("docx_bold_headings", "docx", "**联盟名称和宗旨**（加粗段落，无编号、无标题样式）", chapter="bold", unit="none",
          heading_format="bold", sub1="dec.", sub2="pnum", needs_headings=True),
    Style("docx_autonum_article", "docx", "[自动编号 第一条] 联盟的名称为……；缔约方与签署栏为表格", autonum="article",
          parties="table", signature="table"),
    Style("docx_autonum_decimal", "docx", "[自动编号 1. / 1.1] ……；缔约方一：××公司；附件成员名单", chapter="drop",
          autonum="decimal", role="缔约方{cn}", member_attachment=True),
    Style("docx_charter", "docx", "第一章 总则（标题 1 样式）/ 第一条 ……；发起单位一：××公司；签署表格",
          charter_headings=True, role="发起单位{cn}", signature="table"),
    Style("docx_party_numbered", "docx", "1. 甲方：××公司，住所：……（缔约方编号与正文同为 1.）/ 1. 联盟名称",
          chapter="drop", unit="dec.", sub1="pnum", sub2="circ", parties="numbered_dec"),
    Style("pdf_bold_headings", "pdf", "加粗标题（无编号）的 PDF，页眉与“第 N 页”页脚", chapter="bold", unit="none",
          heading_format="bold", sub1="dec.", sub2="pnum", header=True, needs_headings=True),
    Style("pdf_decimal_nosep", "pdf", "1.1联盟名称……（PDF 文字层丢了编号后的空格）", chapter="decimal", unit="multi", sep="",
          sub1="multi", sub2="multi", header=True),
    Style("pdf_article_tables", "pdf", "第一章 / 第一条；缔约方表格跨页、签署表格、附件成员名单、页眉页脚", parties="table",
          signature="table", member_attachment=True, header=True),
    Style("pdf_cn_roles", "pdf", "一、…… / （一）……；缔约方一：××公司；页眉页脚", chapter="drop", unit="cn、", sep="",
          role="缔约方{cn}", header=True),
    # issue 7 point 1, the numbering families not covered above
    Style("txt_part_paren_digit", "txt", "第一部分 总则 / ⑴联盟的名称为…… / ①……", chapter="part", unit="paren_digit", sep="",
          sub1="circ", sub2="alpha.", unit_restart=True, group=True),
    Style("docx_part_paren_digit", "docx", "第一部分　总则 / ⑴　联盟的名称为…… / ①　……；缔约方一：××公司", chapter="part",
          unit="paren_digit", sep="\u3000", sub1="circ", sub2="pnum", sub_sep="\u3000", unit_restart=True, group=True,
          role="缔约方{cn}"),
    Style("txt_article_arabic", "txt", "第1条 联盟的名称为…… / 1.1 …… / 1.1.1 ……", chapter="arabic", unit="article_arabic",
          sub1="multi", sub2="multi", sub_sep=" "),
    Style("docx_article_arabic", "docx", "第1章 总则 / 第1条联盟的名称为…… / 1.1……（编号后无空格）", chapter="arabic",
          unit="article_arabic", sep="", sub1="multi", sub2="pnum"),
    Style("txt_cn_alpha", "txt", "第一章 总则 / 一、联盟名称和宗旨 / a. …… / (1) ……", unit="cn、", sep="", sub1="alpha.",
          sub2="pnum_ascii", sub_sep=" "),
    Style("txt_cn_ALPHA", "txt", "第一章 总则 / 一、联盟名称和宗旨 / A.…… / ①……", unit="cn、", sep="", sub1="ALPHA.",
          sub2="circ"),
    Style("pdf_cn_alpha_paren", "pdf", "第一章 总则 / 一、联盟名称和宗旨 / （a）…… / 1.……；页眉页脚", unit="cn、", sep="",
          sub1="alpha_fwparen", sub2="dec.", header=True),
    Style("txt_chapter_sections", "txt", "第一章 总则 / 第一节 名称、宗旨和原则 / 第一条 ……", unit="article", group=True,
          sections=True),
    Style("pdf_chapter_sections", "pdf", "第二章 组织机构和成员 / 第二节 成员 / 第九条 ……；缔约方表格、页眉页脚", unit="article",
          group=True, sections=True, parties="table", header=True),
]
# Party forms (issue 7 point 2): label/value party tables with the role in a merged first column, the same
# table in a PDF running across a page, and a charter's founding units in its preamble or only in an attachment.
STYLES += [
    Style("docx_party_labelvalue", "docx", "标签/值缔约方表格：甲方（首列纵向合并）— 单位名称 ×× / 住所 …… / 法定代表人 ……",
          parties="labelvalue", kinds=("agreement",), needs_party_lines=True),
    Style("pdf_party_labelvalue_break", "pdf", "同上的“单位名称 / 住所 / 法定代表人”缔约方表格在 PDF 中跨页，页眉页脚",
          parties="labelvalue", party_break=True, header=True, kinds=("agreement",), needs_party_lines=True),
    Style("txt_charter_founders", "txt", "章程标题下“发起单位：”，每行一个单位名称（无住所、无编号）",
          founders="preamble", kinds=("charter",)),
    Style("docx_charter_founders_annex", "docx", "章程正文“首批成员见附件”，文末“附件：发起单位名单”表格（序号、单位名称）",
          founders="attachment", kinds=("charter",)),
]
BY_ID = {s.id: s for s in STYLES}
