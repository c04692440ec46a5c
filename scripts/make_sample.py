"""Generate the bundled sample agreement clause_library/samples/示例协议.docx.

The sample is the project's own invented text with deliberate defects for demonstrations:
the dispute clause chooses both arbitration and litigation (仲裁法 第十六条, 最高法仲裁法解释 第七条),
there is no 不可抗力 clause (闽科政〔2009〕46号 附件1 四.10), and one party lacks its 法定代表人
(附件1 二.1). ``--fixed dispute --fixed force_majeure`` writes a later version with those defects repaired, used by
the version-comparison tests; ``--repeat N`` pads the body to benchmark long agreements.

    python scripts/make_sample.py [OUT.docx] [--fixed dispute] [--repeat N]
"""
from __future__ import annotations

import argparse
import io
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from checker.text.cn_numerals import to_chinese

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "clause_library" / "samples" / "示例协议.docx"
TITLE = "闽东海洋装备产业技术创新战略联盟协议书"

PARTIES = [
    "甲方：宁德海工装备集团有限公司\n住所地：福建省宁德市蕉城区海滨路88号\n法定代表人：陈立海",
    "乙方：福州滨海理工大学\n住所地：福建省福州市闽侯县学府南路16号\n法定代表人：林敏",
    # defect: no 法定代表人 for 丙方
    "丙方：闽东船舶设计研究院有限公司\n住所地：福建省福安市城北工业园纬二路3号",
]

RECITALS = ("鉴于：各方均为依法设立、具有独立法人资格的企业、高等学校或科研机构，在海洋工程装备领域"
            "具有互补的研发、制造与市场优势；为贯彻国家技术创新工程部署，以企业为主体、市场为导向、"
            "产学研相结合，各方经平等自愿、友好协商，就共同组建产业技术创新战略联盟达成如下协议。")

DISPUTE_BAD = ("争议解决\n因本协议引起或与本协议有关的任何争议，各方应首先友好协商解决；协商不成的，"
               "任何一方可以将争议提交宁德仲裁委员会仲裁，也可以向甲方住所地有管辖权的人民法院提起诉讼。")
DISPUTE_FIXED = ("争议解决\n因本协议引起或与本协议有关的任何争议，各方应首先友好协商解决；协商不成的，"
                 "任何一方均应将争议提交宁德仲裁委员会，按照申请仲裁时该会现行有效的仲裁规则进行仲裁。"
                 "仲裁裁决是终局的，对各方均有约束力。")

FORCE_MAJEURE = ("不可抗力\n因地震、台风、洪水、战争等不能预见、不能避免且不能克服的客观情况致使不能履行本协议的，"
                 "受影响的一方应在该情况发生后十五日内书面通知其他各方并提供证明，根据不可抗力的影响部分"
                 "或者全部免除责任。")

# (chapter heading, [articles]); articles are numbered 第一条… by build(); the placeholders
# FORCE_MAJEURE and DISPUTE are filled according to ``fixed``.
CHAPTERS = [
    ("第一章 总则", [
        "联盟名称\n联盟名称为“闽东海洋装备产业技术创新战略联盟”（以下简称“联盟”），英文名称为"
        "East Fujian Marine Equipment Technology Innovation Alliance。",
        "联盟性质\n联盟是由各方以契约关系结成的非法人技术创新合作组织，不具有独立法人资格。",
        "组织原则和宗旨\n联盟遵循自愿、平等、互利、共赢的原则，宗旨是整合各方创新资源，突破海洋装备"
        "产业共性关键技术，提升产业整体竞争力。",
    ]),
    ("第二章 技术创新目标和任务", [
        "目标\n联盟在五年内建成海洋装备共性技术研发平台，突破深远海养殖平台、海上风电运维船等关键技术"
        "不少于十项，形成行业或团体标准不少于三项。",
        "任务分工\n甲方负责产业化验证和市场推广；乙方负责基础研究和人才培养；丙方负责工程设计和试验验证。",
    ]),
    ("第三章 组织机构及职责", [
        "理事会\n联盟设理事会，为联盟最高决策机构，由各成员单位各派一名代表组成。理事长单位由甲方担任，"
        "甲方作为联盟对外承担责任的主体，代表联盟签署对外文件。",
        "专家委员会\n联盟设专家委员会，负责技术路线咨询、项目评审和技术论证。",
        "秘书处\n联盟设秘书处，负责日常事务，秘书处设在甲方。",
    ]),
    ("第四章 联盟成员", [
        "成员条件\n申请加入联盟的单位应为在海洋装备领域具有研发或产业化能力的企业、高等学校或科研机构，"
        "认同本协议并经理事会同意。",
        "成员的权利和义务\n成员有权参与联盟活动、共享联盟公共资源；成员应履行本协议约定的任务，"
        "按时缴纳会费，保守联盟秘密。",
        "加入、退出和除名\n新成员加入须书面申请并经理事会三分之二以上成员同意。成员退出应提前三个月"
        "书面通知理事会。严重违反本协议的成员，经理事会决议予以除名。",
    ]),
    ("第五章 经费管理", [
        "经费来源和使用\n联盟经费来源于成员会费、政府资助和社会捐赠，实行专款专用，由秘书处设立"
        "专账管理，每年向理事会报告经费收支情况并接受审计。",
    ]),
    ("第六章 项目管理", [
        "立项\n联盟项目由成员提出建议，经专家委员会论证、理事会批准后立项。",
        "实施和验收\n项目实行负责人制，承担单位按任务书组织实施；项目完成后由专家委员会组织验收。",
    ]),
    ("第七章 收益分配和知识产权", [
        "知识产权归属\n成员加入联盟前已有的知识产权归原单位所有；联盟项目形成的知识产权按任务书约定"
        "归属，未约定的归完成单位所有，其他成员在同等条件下享有优先实施许可权。",
        "收益分配\n联合开发成果转化取得的收益，按照各方投入和贡献大小协商分配。",
    ]),
    ("第八章 解散和清算", [
        "解散和清算\n联盟目标已经实现、三分之二以上成员决定解散或者发生不能继续运行的情形时解散。"
        "联盟解散时由理事会组织清算，剩余财产按各方出资比例分配。",
    ]),
    ("第九章 违约责任和争议解决", [
        "违约责任\n任何一方违反本协议约定，应当承担继续履行、采取补救措施或者赔偿损失等违约责任。",
        "法律适用\n本协议的订立、效力、解释和履行适用中华人民共和国法律。",
        "FORCE_MAJEURE",
        "DISPUTE",
    ]),
    ("第十章 附则", [
        "生效和变更\n本协议自各方法定代表人或授权代表签字并加盖单位公章之日起生效。本协议的"
        "变更须经各方协商一致并签订书面补充协议。",
        "通知和送达\n各方之间的通知应以书面形式按本协议首部所列地址送达，一方地址变更的，应在"
        "变更后七日内书面通知其他各方。",
        "其他\n本协议一式六份，各方各执二份，具有同等法律效力。本协议未尽事宜，由各方另行协商。",
    ]),
]

SIGNATURE = [
    "甲方：宁德海工装备集团有限公司（盖章）\n法定代表人或授权代表（签字）：\n日期：    年  月  日",
    "乙方：福州滨海理工大学（盖章）\n法定代表人或授权代表（签字）：\n日期：    年  月  日",
    "丙方：闽东船舶设计研究院有限公司（盖章）\n法定代表人或授权代表（签字）：\n日期：    年  月  日",
]

PAD = ("（{k}）为执行本协议第四条所列技术创新目标，各方同意按年度制定联合攻关计划，明确"
       "课题名称、承担单位、经费预算、进度安排和考核指标，由秘书处汇总后报理事会审议；计划执行情况纳入"
       "年度工作报告，并作为成员考核和经费安排的依据。承担单位应当按季度报送进展，重大变化及时报告。")


def _fonts(run, east="宋体", size=12, bold=False):
    run.font.size = Pt(size)
    run.bold = bold
    rpr = run._r.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), east)


def _para(doc, text, *, bold_head=False, size=12, align=None):
    """One paragraph; an article's first line ("名称") bold, the rest plain."""
    p = doc.add_paragraph()
    if align is not None:
        p.alignment = align
    head, _, rest = text.partition("\n")
    if bold_head and rest:
        _fonts(p.add_run(head + "　"), size=size, bold=True)
        _fonts(p.add_run(rest.replace("\n", "")), size=size)
    else:
        lines = text.split("\n")
        for i, line in enumerate(lines):
            r = p.add_run(line)
            _fonts(r, size=size, bold=bold_head)
            if i < len(lines) - 1:
                r.add_break()
    p.paragraph_format.space_after = Pt(6)
    return p


def build(fixed: set[str] = frozenset(), repeat: int = 0) -> bytes:
    doc = Document()
    s = doc.sections[0]
    s.page_width, s.page_height = Cm(21.0), Cm(29.7)
    s.left_margin = s.right_margin = Cm(2.8)
    _para(doc, TITLE, bold_head=True, size=18, align=WD_ALIGN_PARAGRAPH.CENTER)
    for party in PARTIES:
        _para(doc, party)
    _para(doc, RECITALS)
    n = 0
    for chapter, articles in CHAPTERS:
        _para(doc, chapter, bold_head=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
        for art in articles:
            if art == "FORCE_MAJEURE":
                if "force_majeure" not in fixed:
                    continue                  # the defect: no 不可抗力 clause at all
                art = FORCE_MAJEURE
            if art == "DISPUTE":
                art = DISPUTE_FIXED if "dispute" in fixed else DISPUTE_BAD
            n += 1
            _para(doc, f"第{to_chinese(n)}条 " + art, bold_head=True)
        if chapter.startswith("第二章"):
            for k in range(repeat):       # continuation paragraphs of 第五条: long, unnumbered
                _para(doc, PAD.format(k=k + 1))
    _para(doc, "（以下无正文，为签署页）")
    for sig in SIGNATURE:
        _para(doc, sig)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?", default=str(OUT))
    ap.add_argument("--fixed", action="append", default=[], choices=["dispute", "force_majeure"])
    ap.add_argument("--repeat", type=int, default=0)
    a = ap.parse_args()
    out = Path(a.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(build(set(a.fixed), a.repeat))
    print(out)


if __name__ == "__main__":
    main()
