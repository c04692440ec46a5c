"""Mechanical checks on whole texts: numbering, references, defined terms, amounts and shares."""
from test_legal_helpers import findings


def _one(rule_id, text):
    return findings(rule_id, (None, text))


def test_article_gap_reports_the_missing_number_and_position():
    text = "第一条 名称\n第二条 宗旨\n第五条 组织机构\n第六条 成员"
    found = _one("ARTICLE_NUMBER_GAP", text)
    assert len(found) == 1
    s, e = found[0].span
    assert text[s:e] == "第五条"
    assert "第二条" in found[0].message and "2个" in found[0].message


def test_toc_then_body_and_attachment_restart_are_not_gaps():
    text = ("目录\n第一条 名称\n第二条 宗旨\n第三条 组织\n"
            "第一条 名称\n第二条 宗旨\n第三条 组织\n附件1 项目协议范本\n第一条 项目名称\n第二条 分工")
    assert not _one("ARTICLE_NUMBER_GAP", text)
    assert not _one("ARTICLE_NUMBER_DUPLICATE", text)


def test_nested_lists_close_without_false_gaps():
    text = "5. 经费\n1. 来源\n2. 用途\n3. 监督\n6. 项目\n1. 立项\n7. 知识产权"
    assert not _one("ARTICLE_NUMBER_GAP", text)
    assert not _one("ARTICLE_NUMBER_DUPLICATE", text)


def test_decimal_amount_at_line_start_is_not_an_item():
    assert not _one("ARTICLE_NUMBER_GAP", "1. 办公\n1.5万元用于差旅\n3.5万元用于会议")


def test_duplicate_article():
    found = _one("ARTICLE_NUMBER_DUPLICATE", "第一条 名称\n第二条 宗旨\n第二条 组织")
    assert len(found) == 1 and "重复" in found[0].message


def test_dangling_internal_reference_but_not_law_citations():
    text = ("第一条 违约责任：违反第九条的，按《民法典》第五百八十五条、第五百八十六条处理。\n"
            "第二条 争议：仲裁协议应符合仲裁法第十六条，合同编通则解释第六十四条同样适用。\n"
            "第三条 其他：本协议第二条另有约定的除外。")
    found = _one("DANGLING_REFERENCE", text)
    assert [text[f.span[0]:f.span[1]] for f in found] == ["第九条"]


def test_references_are_not_checked_without_any_article_headings():
    assert not _one("DANGLING_REFERENCE", "一、成员\n成员按第五条约定出资。")


def test_attachment_references():
    text = "本协议附件包括：1.《联盟章程》；2.《经费管理办法》。\n经费按附件2执行，项目按附件4执行。"
    found = _one("DANGLING_REFERENCE", text)
    assert [text[f.span[0]:f.span[1]] for f in found] == ["附件4"]
    assert not _one("DANGLING_REFERENCE", "经费按附件4执行。")   # no list of attachments: unknown


def test_undefined_term_needs_a_defining_document_and_repeated_use():
    defined = "成员（以下简称“联盟成员”）应遵守本协议。"
    assert _one("UNDEFINED_TERM", defined + "“核心技术”应保密，核心技术清单由理事会确定。")
    assert not _one("UNDEFINED_TERM", defined + "“核心技术”应保密。")           # used once only
    assert not _one("UNDEFINED_TERM", "“核心技术”应保密，核心技术清单由理事会确定。")  # no defined terms at all


def test_amount_mismatch_and_unit_suspect_are_distinct():
    bad = _one("AMOUNT_MISMATCH", "甲方出资人民币伍拾万元（¥5,000,000元）。")
    assert len(bad) == 1 and "500,000元" in bad[0].message and "5,000,000元" in bad[0].message
    assert not _one("AMOUNT_UNIT_SUSPECT", "甲方出资人民币伍拾万元（¥5,000,000元）。")
    unit = _one("AMOUNT_UNIT_SUSPECT", "甲方出资伍拾万元（500,000万元）。")
    assert len(unit) == 1 and not _one("AMOUNT_MISMATCH", "甲方出资伍拾万元（500,000万元）。")


def test_amount_sum_with_unit_slip():
    text = "联盟总经费共计300万元，其中甲方出资200万元，乙方出资100元。"
    assert _one("AMOUNT_UNIT_SUSPECT", text) and not _one("AMOUNT_MISMATCH", text)
    assert _one("AMOUNT_MISMATCH", "联盟总经费共计300万元，其中甲方出资200万元，乙方出资50万元。")


def test_percent_sum_list_over_several_lines():
    text = "收益分配比例如下：\n甲方：40%；\n乙方：30%；\n丙方：20%。"
    found = _one("PERCENT_SUM", text)
    assert len(found) == 1 and "90%" in found[0].message


def test_percent_sum_ignores_bounds_and_remainders():
    assert not _one("PERCENT_SUM", "企业成员不低于60%，甲方不低于30%，乙方不超过20%。")
    assert not _one("PERCENT_SUM", "收益按比例分配：甲方40%，乙方40%，其余20%留作联盟发展基金。")
    assert not _one("PERCENT_SUM", "甲方承担60%的研发任务。乙方负责中试。")


def test_article_numbers_restarting_inside_one_chapter_are_duplicates():
    # issue 12 §4: 第一条 again with no chapter, attachment or contents list in between.
    text = "第一章 总则\n第一条 名称\n第二条 宗旨\n第一条 组织\n第二条 理事会"
    found = _one("ARTICLE_NUMBER_DUPLICATE", text)
    assert len(found) == 1 and "同一章内重新起编" in found[0].message
    per_chapter = "第一章 总则\n第一条 名称\n第二条 宗旨\n第二章 组织机构\n第一条 理事会\n第二条 秘书处"
    assert not _one("ARTICLE_NUMBER_DUPLICATE", per_chapter)
