"""Segmenter: clause tree for the numbering styles met in practice, preamble, signature, attachments."""
from checker.ingest import from_text
from checker.structure.markers import marker_of, split_heading
from checker.structure.segment import segment


def units_of(text):
    _, units = segment(from_text(text))
    return units


def test_markers_recognise_numbering_styles():
    cases = {"第十二条 争议解决": ("article", "第十二条"), "第三章 组织机构": ("chapter", "第三章"),
             "一、联盟名称": ("part", "一"), "（三）理事会": ("paren_cn", "（三）"), "3.1 理事会组成": ("decimal_multi", "3.1"),
             "2. 任务分工": ("decimal", "2"), "(4) 会议": ("paren_num", "(4)"), "③ 秘书处": ("circled", "③"),
             "第 5 条 经费": ("article", "第5条")}
    for text, (typ, label) in cases.items():
        m = marker_of(text)
        assert (m.type, m.label) == (typ, label), text


def test_heading_split():
    assert split_heading("争议解决：因本协议发生的争议")[0] == "争议解决"
    assert split_heading("争议解决")[0] == "争议解决"
    assert split_heading("本协议自各方签字盖章之日起生效。")[0] is None


def test_chapter_article_tree_with_preamble_and_tail():
    text = open("tests/fixtures/complete_agreement.txt", encoding="utf-8").read()
    text = text.replace("第一条 联盟名称、原则和宗旨", "第一章 总则\n第一条 联盟名称、原则和宗旨")
    clauses, units = segment(from_text(text))
    kinds = [u.kind for u in units]
    assert kinds[0] == "title" and kinds.count("party") == 3 and "recitals" in kinds
    assert kinds[-1] == "signature"
    arts = [u for u in units if u.kind == "article"]
    assert [a.number for a in arts][:3] == ["第一条", "第二条", "第三条"] and len(arts) == 14
    chapter = next(c for c in clauses if c.kind == "chapter")
    assert chapter.heading == "总则" and arts[0].parent == chapter.id
    # sub-items become children with their own spans
    org = arts[2]
    assert org.children and all(c.parent == org.id for c in clauses if c.id in org.children)


def test_span_points_at_clause_text():
    doc = from_text(open("tests/fixtures/complete_agreement.txt", encoding="utf-8").read())
    _, units = segment(doc)
    for u in units:
        assert doc.text[u.span[0]:u.span[1]] == u.text


def test_part_style_and_numbered_recitals():
    text = ("某某联盟合作协议\n甲方：甲科技有限公司\n住所：长沙市\n法定代表人：张三\n鉴于：\n"
            "1. 各方均为依法设立的独立法人。\n2. 各方愿意共同组建联盟。\n"
            "一、联盟名称\n本联盟名称为某某联盟。\n二、组织机构\n（一）理事会为决策机构。\n（二）秘书处为执行机构。\n"
            "三、争议解决\n协商不成的，提交长沙仲裁委员会仲裁。\n甲方（盖章）：\n日期：")
    units = units_of(text)
    assert [u.kind for u in units] == ["title", "party", "recitals", "item", "item", "item", "signature"]
    assert units[4].number == "二" and units[4].heading == "组织机构" and len(units[4].children) == 2


def test_decimal_style():
    text = ("协议书\n1. 联盟名称\n本联盟名称为A联盟。\n1.1 英文名称为A Alliance。\n2. 经费管理\n经费来源于成员投入。\n"
            "3. 争议解决\n提交仲裁。")
    units = units_of(text)
    items = [u for u in units if u.kind == "item"]
    assert [u.number for u in items] == ["1", "2", "3"] and items[0].children


def test_unnumbered_headings():
    text = ("联盟协议书\n甲方：甲公司，住所：天津市，法定代表人：王五\n联盟名称\n本联盟定名为滨海智能装备联盟。\n"
            "组织机构\n联盟设立理事会和秘书处。\n争议解决\n因本协议发生的争议提交天津仲裁委员会仲裁。")
    units = units_of(text)
    heads = [u.heading for u in units if u.kind == "heading"]
    assert heads == ["联盟名称", "组织机构", "争议解决"]


def test_attachment_list_inside_article_is_not_an_attachment():
    text = ("协议书\n第一条 名称\n本联盟名称为甲联盟。\n第二条 附件\n本协议附件包括：\n附件1：联盟经费管理办法\n附件2：成员名单\n"
            "第三条 生效\n本协议自签字盖章之日起生效。\n甲方（盖章）：\n附件1：联盟经费管理办法\n一、经费来源于成员投入。")
    units = units_of(text)
    assert [u.kind for u in units] == ["title", "article", "article", "article", "signature", "attachment"]
    assert "附件2：成员名单" in units[2].text


def test_toc_lines_are_not_articles():
    text = "协议书\n目录\n第一条 名称……1\n第二条 经费……2\n第一条 名称\n本联盟名称为甲联盟。\n第二条 经费\n经费由成员投入。"
    units = units_of(text)
    assert units[1].kind == "toc" and [u.number for u in units if u.kind == "article"] == ["第一条", "第二条"]


def test_paragraph_mode_without_numbers_or_headings():
    text = ("某某联盟协议\n签约单位一：甲药业股份有限公司，住所：成都市，法定代表人：张三。\n"
            "签约单位二：乙大学，住所：成都市，法定代表人：李四。\n"
            "两方均为独立法人，为共同发展道地药材产业，经平等协商，订立本协议，以资共同遵守。\n"
            "两方组建的联盟定名为某某联盟，联盟不具有法人资格，宗旨是联合开展技术创新。\n"
            "联盟经费由两方按比例投入，由签约单位一设立专账管理，接受两方监督。\n"
            "因本协议发生的争议，提交成都仲裁委员会仲裁。\n甲方（盖章）：")
    units = units_of(text)
    assert [u.kind for u in units] == ["title", "party", "party", "preamble", "text", "text", "text", "signature"]


def test_signature_block_opened_by_a_short_caption():
    text = ("协议书\n第一条 名称\n本联盟名称为甲联盟。\n第二条 生效\n本协议经各方法定代表人签字并加盖公章后生效。\n"
            "各方签章：\n甲公司（公章） 法定代表人：\n2024年3月1日")
    units = units_of(text)
    assert units[-1].kind == "signature" and units[-1].text.startswith("各方签章")
    assert "甲公司" not in units[-2].text


def test_party_table_after_an_intro_line_is_not_the_title():
    from checker.model import Block, Document

    lines = [("某某联盟协议", "paragraph"), ("本协议由以下三方于2023年9月签订：", "paragraph"),
             ("成员\t单位名称\t住所\t法定代表人", "table_row"), ("甲方\t甲科技有限公司\t成都市一环路1号\t何一", "table_row"),
             ("乙方\t乙大学\t成都市二环路2号\t曾二", "table_row"), ("1. 联盟名称", "paragraph"), ("本联盟名称为某某联盟。", "paragraph"),
             ("2. 经费", "paragraph"), ("经费由成员投入。", "paragraph"), ("3. 争议", "paragraph"), ("提交仲裁。", "paragraph")]
    blocks, pos = [], 0
    for i, (t, k) in enumerate(lines):
        blocks.append(Block(text=t, start=pos, paragraph=i, kind=k))
        pos += len(t) + 1
    _, units = segment(Document(name="t", format="docx", text="\n".join(t for t, _ in lines), blocks=blocks))
    assert units[0].kind == "title" and units[0].text == "某某联盟协议"
    # the intro line and the table are one parties unit (tests/corpus/README.md: 引导语+整张表)
    # (the header row joins the intro line; each party row is its own unit)
    assert [u.kind for u in units[1:5]] == ["party", "party", "party", "item"]
    assert units[1].text.startswith("本协议由以下三方") and "单位名称" in units[1].text
