"""The drafting questionnaire: its questions, defaults and validation (pydantic), with every problem
reported in Chinese naming the field (e.g. “成员第3项·住所地：不能为空”).

The rules that shape the questions come from the policy documents the checker enforces, so a draft
from a valid questionnaire passes review: 国科发政〔2008〕770号 八(一)（企业与大学或科研机构共同组建）、
闽科政〔2009〕46号 三.1（名称格式）、二.1（缔约方全称、住所地、法定代表人）、四.10（或裁或诉）、
津滨科发〔2012〕8号 附件2 第四条（成员不少于10家、企业不低于60%、理事长单位或依托单位在滨海新区）。
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from checker.errors import InputError
from checker.facts.party_names import classify_member, is_org_name
from checker.rules.profiles import DEFAULT_PROFILE, PROFILE_KEYS, load_profile

MEMBER_TYPES = {"enterprise": "企业", "university": "大学", "institute": "科研机构", "other": "其他组织"}
ROLES = ("理事长单位", "副理事长单位", "依托单位", "秘书长单位", "成员")
FUND_SOURCES = ("成员单位投入", "政府财政资助", "银行贷款", "社会资本投入", "其他合法渠道")
SHARING = {"fault_and_task": "按各自过错和任务比例分担", "project_funds": "按项目协议约定的任务和经费比例分担",
           "contribution": "按各成员的投入比例分担"}
IP_MODELS = {"contributor_owned": "归完成方所有", "co_owned": "完成各方共有（附共有规则）",
             "project_agreement": "由项目协议约定"}
FORUMS = {"arbitration": "仲裁（写明一家仲裁委员会）", "court": "诉讼（有实际联系地点的人民法院）"}
COURT_BASES = {"defendant": "被告住所地", "plaintiff": "原告住所地", "chair": "理事长单位住所地",
               "signing": "协议签订地"}
FRACTIONS = ("过半数", "三分之二以上")
DEFAULT_ATTACHMENTS = ["联盟章程", "联盟经费管理办法", "联盟知识产权管理办法"]
BINHAI = re.compile(r"滨海新区|塘沽|汉沽|大港|天津经济技术开发区|天津港保税区|滨海高新|中新天津生态城|东疆|临港经济区|泰达")
_NAME_FORMAT = re.compile(r"^(?P<prefix>[\u4e00-\u9fa5A-Za-z0-9（）()·]{2,40}?)(产业)?技术创新战略联盟$")
_COMMISSION = re.compile(r"^[\u4e00-\u9fa5]{2,20}仲裁委员会$")

# Chinese labels for every field, used to name the field in messages (and as form labels in the app).
LABELS = {
    "alliance_name": "联盟名称", "short_name": "联盟简称", "profile": "审查配置（省份）", "members": "成员",
    "name": "单位全称", "type": "成员类型", "domicile": "住所地", "legal_rep": "法定代表人", "roles": "联盟职务",
    "task": "任务分工", "goals": "技术创新目标", "near_term": "近期目标", "near_term_years": "近期年限",
    "long_term": "远期目标", "main_tasks": "主要任务", "governance": "组织机构", "board_composition": "理事会组成",
    "board_term_years": "理事会任期", "board_meetings_per_year": "理事会每年会议次数", "quorum": "理事会出席比例",
    "majority": "一般事项表决比例", "major_majority": "重大事项表决比例", "expert_committee": "专家委员会组成",
    "secretariat_staff": "秘书处专职人员数", "liability": "对外责任主体", "liable_entity": "对外承担责任的单位",
    "authorization_scope": "授权范围", "authorization_procedure": "授权程序", "internal_sharing": "内部责任分担",
    "funds": "经费", "sources": "经费来源", "contribution_rule": "成员投入方式", "managing_unit": "经费管理单位",
    "account": "账户", "auditor": "审计机构", "ip": "知识产权", "model": "新知识产权归属方式",
    "share_basis": "共有份额确定方式", "dispute": "争议解决", "forum": "争议解决方式",
    "arbitration_commission": "仲裁委员会", "court_basis": "管辖法院所在地", "court_place": "法院所在地",
    "signing_place": "签订地点", "term_years": "协议有效期（年）", "attachments": "附件", "signing_date": "签署日期",
}
_PYDANTIC_ZH = {"missing": "必须填写", "string_type": "应为文字", "int_parsing": "应为整数",
                "int_type": "应为整数", "list_type": "应为列表", "literal_error": "取值不在可选范围内",
                "greater_than_equal": "数值过小", "less_than_equal": "数值过大", "extra_forbidden": "不是问卷中的问题",
                "too_short": "项目太少", "string_too_short": "不能为空", "dict_type": "应为若干问题的集合",
                "model_type": "应为若干问题的集合", "bool_type": "应为是或否"}


class _Base(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _need(v: str, what: str = "不能为空") -> str:
    if not v:
        raise ValueError(what)
    return v


class Member(_Base):
    name: str = Field(min_length=1)
    type: Literal["enterprise", "university", "institute", "other"]
    domicile: str = Field(min_length=1)
    legal_rep: str = Field(min_length=1)
    roles: list[Literal["理事长单位", "副理事长单位", "依托单位", "秘书长单位", "成员"]] = ["成员"]
    task: str = Field(min_length=1)

    @field_validator("roles", mode="before")
    @classmethod
    def _one_or_many(cls, v):
        if isinstance(v, str):
            return [x for x in re.split(r"[、,，/\s]+", v) if x]
        return v

    @field_validator("name")
    @classmethod
    def _full_name(cls, v: str) -> str:
        # 闽科政〔2009〕46号 附件1 二.1：写明单位全称（与公章一致）。
        if not is_org_name(v):
            raise ValueError(f"“{v}”不像单位全称，应写明与公章一致的全称（如“××有限公司”“××大学”“××研究院”）")
        return v

    @model_validator(mode="after")
    def _type_matches_name(self):
        # The checker infers the member type from the name's head word (津滨科发〔2012〕8号 counts enterprises).
        seen = classify_member(self.name)
        if (self.type == "enterprise") != (seen == "enterprise"):
            raise ValueError(f"成员类型选了“{MEMBER_TYPES[self.type]}”，但“{self.name}”的名称看起来是"
                             f"“{MEMBER_TYPES.get(seen, '其他组织')}”，请核对类型或写全名称")
        return self


class Goals(_Base):
    near_term_years: int = Field(3, ge=1, le=10)
    near_term: str = "突破三至五项关键共性技术，形成两项以上团体标准或行业标准，建成联盟公共技术服务平台"
    long_term: str = "形成具有自主知识产权的核心技术体系，带动产业整体技术水平提升"
    main_tasks: str = "围绕产业技术创新的关键问题联合攻关，建设和共享公共技术平台，开展技术转移和成果产业化，联合培养人才"

    @field_validator("near_term", "long_term", "main_tasks")
    @classmethod
    def _nonempty(cls, v: str) -> str:
        return _need(v.rstrip("。；"))


class Governance(_Base):
    board_composition: str = "各成员单位主要负责人或其委派的代表"
    board_term_years: int = Field(3, ge=1, le=10)
    board_meetings_per_year: int = Field(1, ge=1, le=12)
    quorum: Literal["过半数", "三分之二以上"] = "三分之二以上"
    majority: Literal["过半数", "三分之二以上"] = "过半数"
    major_majority: Literal["三分之二以上", "全体一致"] = "三分之二以上"
    expert_committee: str = "理事会聘请的产业、技术和管理专家"
    secretariat_staff: int = Field(2, ge=1, le=50)

    @field_validator("board_composition", "expert_committee")
    @classmethod
    def _nonempty(cls, v: str) -> str:
        return _need(v.rstrip("。；"))


class Liability(_Base):
    liable_entity: str | None = None        # a member's full name; default the 理事长单位
    authorization_scope: str = "代表联盟签订科技计划项目任务书、办理联盟备案和对外联络事务"
    authorization_procedure: str = "授权事项经理事会审议通过，由秘书处书面通知各成员并存档"
    internal_sharing: Literal["fault_and_task", "project_funds", "contribution"] = "fault_and_task"

    @field_validator("authorization_scope", "authorization_procedure")
    @classmethod
    def _nonempty(cls, v: str) -> str:
        return _need(v.rstrip("。；"))


class Funds(_Base):
    sources: list[Literal["成员单位投入", "政府财政资助", "银行贷款", "社会资本投入", "其他合法渠道"]] = \
        ["成员单位投入", "政府财政资助", "其他合法渠道"]
    contribution_rule: str = "成员单位的投入方式和比例由理事会按年度预算确定，可以货币、设备或技术服务等方式投入"
    managing_unit: str | None = None        # default the 依托单位
    account: Literal["专账", "专户"] = "专账"
    auditor: str = "全体成员共同认可的会计师事务所"

    @field_validator("sources")
    @classmethod
    def _some(cls, v):
        if not v:
            raise ValueError("至少选择一项经费来源")
        return list(dict.fromkeys(v))

    @field_validator("contribution_rule", "auditor")
    @classmethod
    def _nonempty(cls, v: str) -> str:
        return _need(v.rstrip("。；"))


class IP(_Base):
    model: Literal["contributor_owned", "co_owned", "project_agreement"] = "co_owned"


class Dispute(_Base):
    forum: Literal["arbitration", "court"]
    arbitration_commission: str | None = None
    court_basis: Literal["defendant", "plaintiff", "chair", "signing"] | None = None

    @model_validator(mode="after")
    def _exactly_one(self):
        # 仲裁法 第十六条、法释〔2006〕7号 第七条：或裁或诉的约定无效——只能选其一。
        if self.forum == "arbitration":
            if self.court_basis:
                raise ValueError("已选择仲裁，不能再约定管辖法院（或裁或诉的约定无效）；请删除“管辖法院所在地”")
            c = (self.arbitration_commission or "").strip()
            if not c:
                raise ValueError("选择仲裁时必须写明一家仲裁委员会的全称（如“福州仲裁委员会”）")
            if not _COMMISSION.match(c):
                raise ValueError(f"“{c}”不是可确定的仲裁委员会全称，应写成“××仲裁委员会”（如“福州仲裁委员会”）")
        else:
            if self.arbitration_commission:
                raise ValueError("已选择诉讼，不能再约定仲裁委员会（或裁或诉的约定无效）；请删除“仲裁委员会”")
            if not self.court_basis:
                raise ValueError("选择诉讼时必须选择管辖法院所在地（被告住所地、原告住所地、理事长单位住所地或协议签订地）")
        return self


class Answers(_Base):
    alliance_name: str
    short_name: str | None = None
    profile: Literal["national", "fujian", "hunan", "tianjin", "sichuan"] = DEFAULT_PROFILE
    members: list[Member] = Field(min_length=2)
    goals: Goals = Goals()
    governance: Governance = Governance()
    liability: Liability = Liability()
    funds: Funds = Funds()
    ip: IP = IP()
    dispute: Dispute
    signing_place: str | None = None
    signing_date: str | None = None
    term_years: int = Field(5, ge=1, le=30)
    attachments: list[str] = Field(default_factory=lambda: list(DEFAULT_ATTACHMENTS))

    @field_validator("alliance_name")
    @classmethod
    def _name_format(cls, v: str) -> str:
        # 闽科政〔2009〕46号 三.1：名称由“技术领域（项目）+产业类别+技术创新战略联盟”组成。
        v = v.strip("“”\"《》 ")
        m = _NAME_FORMAT.match(v)
        if not m:
            raise ValueError(f"“{v}”不符合“技术领域＋产业类别＋技术创新战略联盟”的命名格式，"
                             "应以“产业技术创新战略联盟”结尾，如“海洋食品产业技术创新战略联盟”")
        if len(m.group("prefix")) < 4:
            raise ValueError(f"“{v}”缺少技术领域或产业类别，如“海洋食品产业技术创新战略联盟”")
        return v

    @field_validator("attachments")
    @classmethod
    def _attachment_names(cls, v: list[str]) -> list[str]:
        return [a.strip().strip("《》") for a in v if a and a.strip().strip("《》")]

    @model_validator(mode="after")
    def _whole(self):
        problems: list[str] = []
        names = [m.name for m in self.members]
        dup = sorted({n for n in names if names.count(n) > 1})
        if dup:
            problems.append(f"成员：单位“{'、'.join(dup)}”重复列出")
        for role, need in (("理事长单位", True), ("依托单位", True), ("秘书长单位", False)):
            holders = [m.name for m in self.members if role in m.roles]
            if need and len(holders) != 1:
                problems.append(f"成员·联盟职务：必须恰好有一家{role}（现有 {len(holders)} 家）")
            if not need and len(holders) > 1:
                problems.append(f"成员·联盟职务：{role}只能有一家（现有 {len(holders)} 家）")
        types = {m.type for m in self.members}
        # 国科发政〔2008〕770号 八(一)：由企业、大学和科研机构等共同组建。
        if "enterprise" not in types or not types & {"university", "institute"}:
            problems.append("成员·成员类型：至少要有一家企业和一家大学或科研机构")
        v = self.liability.liable_entity
        if v and v not in names:
            problems.append(f"对外责任主体·对外承担责任的单位：“{v}”不是所列成员之一")
        elif v and self.chair and v != self.chair.name:
            # 国科发计〔2008〕338号 第四条：承担国家科技计划项目时由理事长单位作为责任主体。
            problems.append(f"对外责任主体·对外承担责任的单位：应与理事长单位“{self.chair.name}”一致"
                            "（承担科技计划项目时由理事长单位作为责任主体）")
        if self.funds.managing_unit and self.funds.managing_unit not in names:
            problems.append(f"经费·经费管理单位：“{self.funds.managing_unit}”不是所列成员之一")
        if self.dispute.court_basis == "signing" and not self.signing_place:
            problems.append("签订地点：选择由协议签订地法院管辖时必须写明签订地点（如“福州市鼓楼区”）")
        if self.profile == "tianjin":
            problems += self._tianjin(names)
        if problems:
            raise ValueError("；".join(problems))
        return self

    def _tianjin(self, names: list[str]) -> list[str]:
        # 津滨科发〔2012〕8号 附件2 第四条（二）（三）（四）。
        params = load_profile("tianjin").params
        need, share = int(params.get("min_members", 10)), float(params.get("min_enterprise_share", 0.6))
        out = []
        ents = sum(1 for m in self.members if m.type == "enterprise")
        if len(self.members) < need:
            out.append(f"成员：天津滨海新区要求成员单位不少于 {need} 家（现有 {len(self.members)} 家）")
        if ents < share * len(self.members) - 1e-9:
            out.append(f"成员·成员类型：天津滨海新区要求企业成员不低于 {share:.0%}（现有企业 {ents} 家，"
                       f"占 {ents / len(self.members):.0%}）")
        chair, host = self.role("理事长单位"), self.role("依托单位")
        if chair and host and not BINHAI.search(chair.name + chair.domicile) and not (
                BINHAI.search(host.name + host.domicile) and host.type == "enterprise"):
            out.append("成员·住所地：理事长单位应为滨海新区法人；否则依托单位必须是住所地在滨海新区的企业")
        return out

    # -- derived values used by the clause builder -------------------------------------------------
    def role(self, role: str) -> Member | None:
        return next((m for m in self.members if role in m.roles), None)

    @property
    def chair(self) -> Member:
        return self.role("理事长单位")

    @property
    def host(self) -> Member:
        return self.role("依托单位")

    @property
    def liable(self) -> str:
        return self.liability.liable_entity or self.chair.name

    @property
    def fund_manager(self) -> str:
        return self.funds.managing_unit or self.host.name


def _label_path(loc: tuple) -> str:
    parts = []
    for x in loc:
        if isinstance(x, int):
            parts[-1:] = [f"{parts[-1] if parts else ''}第{x + 1}项"]
        else:
            parts.append(LABELS.get(x, str(x)))
    return "·".join(parts) or "问卷"


def field_errors(err: ValidationError) -> list[tuple[str, str]]:
    """(field path in Chinese, message in Chinese) for each problem pydantic found."""
    out = []
    for e in err.errors():
        msg = e.get("msg", "")
        if e["type"] == "value_error":
            msg = str(e.get("ctx", {}).get("error", msg))
        else:
            msg = _PYDANTIC_ZH.get(e["type"], msg)
            if e["type"] == "too_short" and tuple(e.get("loc") or ()) == ("members",):
                msg = "至少列出两家成员单位（企业与大学或科研机构）"
            if e["type"] == "literal_error":
                msg += f"（可选：{e.get('ctx', {}).get('expected', '')}）"
        loc = tuple(e.get("loc") or ())
        if e["type"] == "value_error" and not loc:
            for piece in msg.split("；"):
                out.append(("", piece))
            continue
        out.append((_label_path(loc), msg))
    return out


def validate(data: Any) -> Answers:
    """Answers from a mapping; InputError with every problem (field named) in one Chinese line."""
    if not isinstance(data, dict):
        raise InputError("问卷内容应为“问题: 回答”的集合，请参照 clause_library/samples/answers.example.yaml 填写。")
    try:
        return Answers.model_validate(data)
    except ValidationError as err:
        msgs = [f"{f}：{m}" if f else m for f, m in field_errors(err)]
        raise InputError("问卷有误——" + "；".join(msgs) + "。") from None


def load_answers(path: str | Path) -> Answers:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"找不到问卷文件“{p}”，请检查路径。") from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"无法读取问卷文件“{p}”（{err}），请以 UTF-8 编码保存后重试。") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"第{mark.line + 1}行" if mark else ""
        raise InputError(f"问卷文件“{p.name}”{where}不是有效的 YAML，请检查缩进和冒号。") from None
    return validate(data)
