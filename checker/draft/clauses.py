"""Validated answers → the agreement's structure (title, parties, recitals, chapters of articles, signature
rows), worded from the clause library (clause_library/suggestions/*.yaml) with the answers filled in.

The chapter order follows the reference outline 闽科政〔2009〕46号 附件1 四.1–四.11, 五, 六; each article is
tagged with its outline section so the writer and the tests can tell which section it belongs to.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from checker.draft.questionnaire import COURT_BASES, SHARING, Answers
from checker.rules.profiles import load_profile
from checker.rules.suggestions import all_suggestions, render
from checker.text.cn_numerals import to_chinese

STEMS = "甲乙丙丁戊己庚辛壬癸"


@dataclass
class Article:
    heading: str
    section: str
    paragraphs: list[str]


@dataclass
class Chapter:
    title: str
    articles: list[Article]


@dataclass
class Party:
    label: str          # 甲方, 乙方 … (then 成员十一 …)
    name: str
    domicile: str
    legal_rep: str
    roles: list[str] = field(default_factory=list)


@dataclass
class Draft:
    title: str
    parties: list[Party]
    recitals: list[str]
    chapters: list[Chapter]
    closing: list[str]
    answers: Answers

    def articles(self) -> list[Article]:
        return [a for c in self.chapters for a in c.articles]


def party_label(i: int) -> str:
    return f"{STEMS[i]}方" if i < len(STEMS) else f"成员{to_chinese(i + 1)}"


def _applies(sid: str, chain: list[str]) -> bool:
    s = all_suggestions()[sid]
    return not s.get("profiles") or any(p in chain for p in s["profiles"])


class _Builder:
    def __init__(self, a: Answers):
        self.a = a
        self.chain = load_profile(a.profile).chain
        chair, host = a.chair, a.host
        court_place = self._court_place()
        self.fill = {"alliance_name": a.alliance_name, "chair": chair.name, "host": host.name,
                     "members": "、".join(m.name for m in a.members), "member_count": str(len(a.members)),
                     "arbitration_commission": a.dispute.arbitration_commission or "",
                     "court_place": court_place, "city": self._city()}

    def lib(self, sid: str) -> str:
        return render(sid, self.fill)

    def _city(self) -> str:
        d = self.a.chair.domicile
        for end in ("市", "州", "盟", "区", "县"):
            i = d.find(end)
            if 0 < i <= 8:
                return d[: i + 1]
        return d[:3]

    def _court_place(self) -> str:
        basis = self.a.dispute.court_basis
        if basis == "chair":
            return f"理事长单位（{self.a.chair.name}）住所地"
        if basis == "signing":
            return f"本协议签订地{self.a.signing_place}"
        return COURT_BASES.get(basis or "", "")

    # -- chapters ---------------------------------------------------------------------------------
    def general(self) -> Chapter:
        a = self.a
        name = self.lib("name_principles.name")
        if a.short_name:
            name = f"联盟全称为“{a.alliance_name}”（以下简称“{a.short_name}”或“联盟”）。"
        return Chapter("总则", [
            Article("联盟名称", "name_principles", [name]),
            Article("联盟性质", "name_principles", [self.lib("name_principles.nature")]),
            # 国科发政〔2008〕770号 八(六)：开放发展，与外部组织交流合作 — a principle of the whole alliance.
            Article("组织原则", "name_principles", [self.lib("name_principles.principles"),
                                                 self.lib("members.external_cooperation")]),
            Article("组建宗旨", "name_principles", [self.lib("name_principles.purpose")]),
        ])

    def goals(self) -> Chapter:
        g = self.a.goals
        arts = [Article("技术创新目标", "goals_tasks", [
            f"联盟的技术创新目标：近期（{to_chinese(g.near_term_years)}年内）{g.near_term}；远期{g.long_term}。"]),
            Article("主要任务", "goals_tasks", [f"联盟的主要任务是{g.main_tasks}。"])]
        if _applies("goals_tasks.strategic_plan", self.chain):
            arts.append(Article("发展战略规划和年度计划", "goals_tasks", [self.lib("goals_tasks.strategic_plan")]))
        rows = [f"（{to_chinese(i)}）{m.name}：{m.task.rstrip('。；;')}{'。' if i == len(self.a.members) else '；'}"
                for i, m in enumerate(self.a.members, 1)]
        arts.append(Article("成员任务分工", "goals_tasks",
                            ["各成员的任务分工如下：", *rows, self.lib("goals_tasks.future_projects")]))
        return Chapter("技术创新目标和任务", arts)

    def organization(self) -> Chapter:
        a, g, li = self.a, self.a.governance, self.a.liability
        vice = [m.name for m in a.members if "副理事长单位" in m.roles]
        sec = a.role("秘书长单位")
        roles = self.lib("organization.roles")
        if vice:
            roles += f"副理事长单位为{'、'.join(vice)}。"
        if sec:
            roles += f"秘书长单位为{sec.name}，秘书长由秘书长单位推荐。"
        board = (f"理事会由{g.board_composition}组成，每届任期{to_chinese(g.board_term_years)}年，设理事长一名、"
                 "副理事长若干名，由理事会选举产生。理事会的职责：拟订联盟章程和本协议的修改方案；决定联盟技术发展方向和"
                 "重点工作任务；审议年度工作计划和预算；协调资金筹措与使用；决定成果转化及收益分配方案；决定新成员加入和"
                 f"成员除名。理事会会议每年至少召开{to_chinese(g.board_meetings_per_year)}次，须有{g.quorum}理事出席方可举行；"
                 f"一般事项的决议须经出席理事{g.majority}同意，年度预算、成果转化及收益分配方案和成员除名等重大事项须经"
                 f"全体理事{g.major_majority}同意。")
        if g.major_majority == "全体一致":
            board = board.replace("须经全体理事全体一致同意", "须经全体理事一致同意")
        expert = (f"专家委员会由{g.expert_committee}组成，负责研究制定联盟的技术发展方向，提出重点研发项目建议，"
                  "对联盟项目进行论证和评估，向理事会提供咨询意见。")
        staff = (self.lib("organization.full_time_staff")
                 .replace("不少于两名", f"不少于{to_chinese(g.secretariat_staff)}名" if g.secretariat_staff != 2
                          else "不少于两名"))
        liable = a.liable
        ext = [f"各方共同指定{liable}作为联盟对外承担责任的主体，代表联盟与政府有关部门签订科技计划项目任务书等文件。",
               f"授权范围：{liable}的授权范围限于{li.authorization_scope}；超出上述范围的事项，须经理事会决议通过，"
               f"并由相关成员就具体事项共同出具授权委托书后方可签署。",
               f"授权程序：{li.authorization_procedure}；超出授权范围的行为，由{liable}自行承担责任。",
               f"内部责任分担：{liable}因办理联盟事务对外承担责任的，由对该事项负有责任的成员{SHARING[li.internal_sharing]}；"
               f"{liable}承担超出其应承担份额的，有权向相关成员追偿。本协议不构成合伙，各成员仅就自身义务承担责任，"
               "互不承担连带责任。"]
        arts = [Article("组织机构设置", "organization", [self.lib("organization.bodies")]),
                Article("理事长单位和依托单位", "organization", [roles]),
                Article("理事会", "organization", [board]),
                Article("专家委员会", "organization", [expert]),
                Article("秘书处", "organization", [self.lib("organization.secretariat"), staff]),
                Article("对外承担责任的主体", "organization", ext)]
        if _applies("organization.project_responsibility", self.chain):
            arts.append(Article("科技计划项目的责任主体", "organization",
                                [self.lib("organization.project_responsibility")]))
        return Chapter("组织机构及职责", arts)

    def members(self) -> Chapter:
        L = self.lib
        return Chapter("联盟成员", [
            Article("成员条件", "members", [L("members.conditions")]),
            Article("成员权利", "members", [L("members.rights")]),
            Article("成员义务", "members", [L("members.obligations")]),
            Article("新成员加入", "members", [L("members.admission"), L("members.new_member_contract")]),
            Article("成员退出和除名", "members", [L("members.exit"), L("members.expulsion")]),
        ])

    def funds(self) -> Chapter:
        f, L = self.a.funds, self.lib
        mgr = self.a.fund_manager
        manage = (f"联盟经费由理事会委托{mgr}设立{f.account}管理，单独核算，专款专用，{mgr}对经费的安全和合规使用负责。"
                  "经费的开支范围、标准和审批程序由《联盟经费管理办法》规定，该办法由秘书处拟订，经理事会审议通过后施行。")
        arts = [Article("经费来源和成员投入", "funds",
                        [f"联盟经费来源包括{'、'.join(f.sources)}。{f.contribution_rule}。"]),
                Article("经费用途", "funds", [L("funds.uses")]),
                Article("经费管理", "funds", [manage]),
                Article("经费监督", "funds", [f"{mgr}每年向理事会报告经费收支情况，接受理事会的审查和{f.auditor}的审计，"
                                          "审计结果向全体成员通报。"])]
        gov = [L("funds.government")]
        if _applies("funds.dedicated_account", self.chain):
            gov.append(L("funds.dedicated_account"))
        arts.append(Article("政府资助经费", "funds", gov))
        return Chapter("经费管理", arts)

    def projects(self) -> Chapter:
        L = self.lib
        return Chapter("项目管理", [
            Article("项目立项", "projects", [L("projects.initiation")]),
            # the R&D risk sits with implementation: alone, its wording reads like force majeure to the classifier
            Article("项目实施和风险分担", "projects", [L("projects.implementation"), L("projects.risk")]),
            Article("项目验收", "projects", [L("projects.acceptance"), L("projects.government_rules")]),
        ])

    def ip(self) -> Chapter:
        L = self.lib
        arts = [Article("原有知识产权", "ip_benefits", [L("ip_benefits.existing_ip")]),
                Article("新知识产权的归属", "ip_benefits", [L(f"ip_benefits.new_ip.{self.a.ip.model}")]),
                Article("许可使用", "ip_benefits", [L("ip_benefits.licensing")]),
                Article("收益分配", "ip_benefits", [L("ip_benefits.benefit_sharing"), L("ip_benefits.project_agreement")])]
        if _applies("ip_benefits.exit_dissolution", self.chain):
            arts.append(Article("退出和解散时的知识产权处理", "ip_benefits", [L("ip_benefits.exit_dissolution")]))
        diff = [L("ip_benefits.diffusion")]
        if _applies("ip_benefits.in_province_licensing", self.chain):
            diff.append(L("ip_benefits.in_province_licensing"))
        arts.append(Article("成果扩散", "ip_benefits", diff))
        return Chapter("收益分配和知识产权管理", arts)

    def dissolution(self) -> Chapter:
        L = self.lib
        return Chapter("解散和清算", [
            Article("解散情形", "dissolution", [L("dissolution.grounds")]),
            Article("解散程序和清算", "dissolution", [L("dissolution.procedure"), L("dissolution.liquidation")]),
        ])

    def breach(self) -> Chapter:
        L = self.lib
        return Chapter("违约责任", [
            Article("违约责任", "breach", [L("breach.general")]),
            Article("违反经费管理规定的责任", "breach", [L("breach.funds")]),
        ])

    def final(self) -> Chapter:
        a, L = self.a, self.lib
        forum = "arbitration" if a.dispute.forum == "arbitration" else "court"
        dispute = L(f"dispute_resolution.{forum}")
        term = to_chinese(a.term_years)
        effect = ("本协议经各方法定代表人或其授权代表签字并加盖单位公章后生效，"
                  f"有效期{term}年；期满前三个月由理事会提出续签意见，经各方书面同意后续签。")
        if a.signing_place:
            effect += f"本协议签订地点为{a.signing_place}。"
        arts = [Article("不可抗力", "force_majeure", [L("force_majeure.standard")]),
                Article("争议解决", "dispute_resolution", [dispute]),
                Article("法律适用", "governing_law", [L("governing_law.prc")]),
                Article("协议的生效和期限", "effect_amendment", [effect]),
                Article("协议的变更", "effect_amendment", [L("effect_amendment.amendment")]),
                Article("文件送达", "notices", [L("notices.standard")]),
                Article("保密", "other_matters", [L("other_matters.confidentiality")]),
                Article("其他约定事项", "other_matters", [L("other_matters.competition"),
                                                       L("other_matters.unresolved")])]
        if a.attachments:
            names = "".join(f"《{n}》" for n in a.attachments)
            att = (f"本协议附件包括{names}。各附件经理事会审议通过并形成理事会决议后生效，与本协议具有同等效力；"
                   "附件与本协议正文不一致的，以本协议正文为准。")
            paras = [att]
            if _applies("attachments.charter", self.chain):
                paras.append(L("attachments.charter"))
            arts.append(Article("附件", "attachments", paras))
        return Chapter("附则", arts)


def build(a: Answers) -> Draft:
    """The agreement for validated answers ``a``."""
    b = _Builder(a)
    parties = [Party(party_label(i), m.name, m.domicile, m.legal_rep, list(m.roles)) for i, m in enumerate(a.members)]
    chapters = [b.general(), b.goals(), b.organization(), b.members(), b.funds(), b.projects(), b.ip(),
                b.dissolution(), b.breach(), b.final()]
    closing = ["本协议一式{}份，各方各执一份，秘书处存档一份，具有同等法律效力。".format(to_chinese(len(a.members) + 1)),
               "（以下无正文，为签署页）"]
    return Draft(title=b.lib("title.standard"), parties=parties, recitals=b.lib("recitals.standard").splitlines(),
                 chapters=chapters, closing=closing, answers=a)
