"""The 起草 page: the drafting questionnaire as a Chinese step-by-step form (one tab per step, defaults
from clause_library/samples/answers.example.yaml), each step showing its own problems as they are typed,
and the last step offering the agreement as .docx and Markdown once every answer is valid."""
from __future__ import annotations

from functools import lru_cache

import streamlit as st
import yaml

from checker.library import LIBRARY_DIR

EXAMPLE = LIBRARY_DIR / "samples" / "answers.example.yaml"
STEPS = ["① 联盟名称", "② 成员单位", "③ 目标与任务", "④ 组织机构与责任", "⑤ 经费与知识产权", "⑥ 争议、期限与附件", "⑦ 生成协议"]
# Which step a field (its Chinese path, checker.draft.questionnaire.LABELS) belongs to.
_STEP_OF = [("联盟名称", 0), ("联盟简称", 0), ("审查配置", 0), ("成员", 1), ("技术创新目标", 2), ("组织机构", 3),
            ("对外责任主体", 3), ("经费", 4), ("知识产权", 4), ("争议解决", 5), ("签订地点", 5), ("协议有效期", 5),
            ("附件", 5), ("签署日期", 5)]
PROFILES = {"fujian": "福建省（闽科政〔2009〕46号）", "national": "全国通用（国科发政〔2008〕770号）",
            "hunan": "湖南省（湘科〔2016〕106号）", "tianjin": "天津市滨海新区（津滨科发〔2012〕8号）",
            "sichuan": "四川省（备案、试点实施办法）"}
MAX_MEMBERS = 30


@lru_cache(maxsize=1)
def example() -> dict:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


class _Answers(dict):
    """The form's answers by widget key, kept apart from the widgets: Streamlit forgets a widget's value
    when a run ends without drawing it (e.g. interrupted by the next click), so each run starts by putting
    back what is missing and ends by saving what the widgets hold."""

    def __setattr__(self, key, value):
        self[key] = value


def _restore() -> None:
    s = st.session_state
    if "d_saved" not in s:
        s.d_saved = _defaults()
    for k, v in s.d_saved.items():
        if k not in s:
            s[k] = v


def _save() -> None:
    s = st.session_state
    s.d_saved.update({k: s[k] for k in list(s.keys()) if isinstance(k, str) and k.startswith("d_") and k != "d_saved"})


def _defaults() -> dict:
    """The example's answers, by widget key."""
    ex = example()
    s = _Answers()
    s.d_alliance_name, s.d_short_name, s.d_profile = ex["alliance_name"], ex.get("short_name") or "", ex["profile"]
    s.d_count = len(ex["members"])
    for i, m in enumerate(ex["members"]):
        roles = m["roles"] if isinstance(m["roles"], list) else [m["roles"]]
        s[f"d_m{i}_name"], s[f"d_m{i}_type"] = m["name"], m["type"]
        s[f"d_m{i}_domicile"], s[f"d_m{i}_legal_rep"] = m["domicile"], m["legal_rep"]
        s[f"d_m{i}_roles"], s[f"d_m{i}_task"] = roles, m["task"]
    for group in ("goals", "governance", "liability", "funds"):
        for k, v in ex[group].items():
            s[f"d_{group}_{k}"] = v if v is not None else ""
    s.d_ip_model = ex["ip"]["model"]
    s.d_forum = ex["dispute"]["forum"]
    s.d_commission = ex["dispute"].get("arbitration_commission") or ""
    s.d_court_basis = ex["dispute"].get("court_basis") or "defendant"
    s.d_signing_place, s.d_signing_date = ex.get("signing_place") or "", ex.get("signing_date") or ""
    s.d_term_years = ex.get("term_years", 5)
    s.d_attachments = "、".join(ex.get("attachments") or [])
    return dict(s)


def answers_from_state() -> dict:
    """The questionnaire mapping the form's current values stand for."""
    s = st.session_state
    names = [s.get(f"d_m{i}_name", "") for i in range(s.d_count)]
    data: dict = {"alliance_name": s.d_alliance_name, "short_name": s.d_short_name or None, "profile": s.d_profile,
                  "members": [{"name": s.get(f"d_m{i}_name", ""), "type": s.get(f"d_m{i}_type", "enterprise"),
                               "domicile": s.get(f"d_m{i}_domicile", ""), "legal_rep": s.get(f"d_m{i}_legal_rep", ""),
                               "roles": s.get(f"d_m{i}_roles") or ["成员"], "task": s.get(f"d_m{i}_task", "")}
                              for i in range(s.d_count)]}
    ex = example()
    for group in ("goals", "governance", "liability", "funds"):
        data[group] = {k: s.get(f"d_{group}_{k}") for k in ex[group]}
    for key in ("liable_entity", ):
        if data["liability"].get(key) not in names:
            data["liability"][key] = None
    if data["funds"].get("managing_unit") not in names:
        data["funds"]["managing_unit"] = None
    data["ip"] = {"model": s.d_ip_model}
    data["dispute"] = ({"forum": "arbitration", "arbitration_commission": s.d_commission}
                       if s.d_forum == "arbitration" else {"forum": "court", "court_basis": s.d_court_basis})
    data["signing_place"] = s.d_signing_place or None
    data["signing_date"] = s.d_signing_date or None
    data["term_years"] = int(s.d_term_years)
    data["attachments"] = [a for a in (s.d_attachments or "").replace("，", "、").replace(",", "、").split("、") if a.strip()]
    return data


def problems(data: dict) -> list[list[str]]:
    """Problems per step (Chinese, field named), from the same validation as the command line."""
    from pydantic import ValidationError

    from checker.draft.questionnaire import Answers, field_errors

    per_step: list[list[str]] = [[] for _ in STEPS]
    try:
        Answers.model_validate(data)
    except ValidationError as err:
        for path, msg in field_errors(err):
            if not path and "：" in msg:
                path, msg = msg.split("：", 1)
            step = next((n for prefix, n in _STEP_OF if path.startswith(prefix)), 6)
            per_step[step].append(f"{path}：{msg}" if path else msg)
    return per_step


def _show(errors: list[str]) -> None:
    if errors:
        st.error("请修改：\n" + "\n".join(f"- {e}" for e in errors), icon=":material/error:")
    else:
        st.success("本步填写完整。", icon=":material/check_circle:")


def _step_name() -> None:
    st.text_input("联盟名称（技术领域＋产业类别＋技术创新战略联盟）", key="d_alliance_name",
                  help="闽科政〔2009〕46号 三.1，如“海洋食品产业技术创新战略联盟”")
    st.text_input("联盟简称（可不填）", key="d_short_name")
    st.selectbox("审查配置（省份）", list(PROFILES), format_func=PROFILES.get, key="d_profile",
                 help="起草的协议按该省的要求写成，并用同一配置自检；天津滨海新区要求成员不少于10家、企业不低于60%")


def _step_members() -> None:
    from checker.draft.questionnaire import MEMBER_TYPES, ROLES

    st.number_input("成员单位数量", min_value=2, max_value=MAX_MEMBERS, step=1, key="d_count")
    for i in range(st.session_state.d_count):
        with st.container(border=True):
            st.markdown(f"**成员 {i + 1}**")
            c = st.columns([3, 1.2, 3, 1.3])
            c[0].text_input("单位全称", key=f"d_m{i}_name")
            c[1].selectbox("成员类型", list(MEMBER_TYPES), format_func=MEMBER_TYPES.get, key=f"d_m{i}_type")
            c[2].text_input("住所地", key=f"d_m{i}_domicile")
            c[3].text_input("法定代表人", key=f"d_m{i}_legal_rep")
            c = st.columns([2, 4])
            c[0].multiselect("联盟职务", list(ROLES), key=f"d_m{i}_roles", placeholder="选择职务")
            c[1].text_input("任务分工", key=f"d_m{i}_task")


def _step_goals() -> None:
    st.number_input("近期目标年限（年）", min_value=1, max_value=10, key="d_goals_near_term_years")
    st.text_area("近期目标", key="d_goals_near_term")
    st.text_area("远期目标", key="d_goals_long_term")
    st.text_area("主要任务", key="d_goals_main_tasks")


def _member_names() -> list[str]:
    return [n for n in (st.session_state.get(f"d_m{i}_name", "") for i in range(st.session_state.d_count)) if n]


def _step_governance() -> None:
    st.markdown("**理事会（决策机构）**")
    st.text_input("理事会组成", key="d_governance_board_composition")
    c = st.columns(2)
    c[0].number_input("理事会每届任期（年）", min_value=1, max_value=10, key="d_governance_board_term_years")
    c[1].number_input("理事会每年至少开会次数", min_value=1, max_value=12, key="d_governance_board_meetings_per_year")
    c = st.columns(3)
    c[0].selectbox("出席比例", ["三分之二以上", "过半数"], key="d_governance_quorum")
    c[1].selectbox("一般事项表决", ["过半数", "三分之二以上"], key="d_governance_majority")
    c[2].selectbox("重大事项表决", ["三分之二以上", "全体一致"], key="d_governance_major_majority")
    st.markdown("**专家委员会（咨询机构）与秘书处（执行机构）**")
    st.text_input("专家委员会组成", key="d_governance_expert_committee")
    st.number_input("秘书处专职人员数", min_value=1, max_value=50, key="d_governance_secretariat_staff")
    st.markdown("**对外承担责任的主体**")
    names = _member_names()
    if st.session_state.get("d_liability_liable_entity") not in names:
        st.session_state.d_liability_liable_entity = names[0] if names else ""
    st.selectbox("对外承担责任的单位（应为理事长单位）", names, key="d_liability_liable_entity")
    st.text_area("授权范围", key="d_liability_authorization_scope")
    st.text_area("授权程序", key="d_liability_authorization_procedure")
    from checker.draft.questionnaire import SHARING

    st.radio("内部责任分担", list(SHARING), format_func=SHARING.get, key="d_liability_internal_sharing")


def _step_funds() -> None:
    from checker.draft.questionnaire import FUND_SOURCES, IP_MODELS

    st.multiselect("经费来源", list(FUND_SOURCES), key="d_funds_sources", placeholder="选择经费来源")
    st.text_area("成员投入方式", key="d_funds_contribution_rule")
    names = _member_names()
    if st.session_state.get("d_funds_managing_unit") not in names:
        st.session_state.d_funds_managing_unit = names[0] if names else ""
    c = st.columns(2)
    c[0].selectbox("经费管理单位（通常为依托单位）", names, key="d_funds_managing_unit")
    c[1].radio("账户", ["专账", "专户"], horizontal=True, key="d_funds_account")
    st.text_input("审计机构", key="d_funds_auditor")
    st.radio("新知识产权归属方式", list(IP_MODELS), format_func=IP_MODELS.get, key="d_ip_model")


def _step_dispute() -> None:
    from checker.draft.questionnaire import COURT_BASES, FORUMS

    # One choice only: the other forum's field is not even shown (或裁或诉无效，仲裁法 第十六条).
    st.radio("争议解决方式（只能选一种）", list(FORUMS), format_func=FORUMS.get, key="d_forum")
    if st.session_state.d_forum == "arbitration":
        st.text_input("仲裁委员会全称", key="d_commission", help="如“福州仲裁委员会”")
    else:
        st.selectbox("管辖法院所在地", list(COURT_BASES), format_func=COURT_BASES.get, key="d_court_basis")
    c = st.columns(3)
    c[0].text_input("签订地点（选协议签订地法院时必填）", key="d_signing_place")
    c[1].text_input("签署日期（可不填）", key="d_signing_date")
    c[2].number_input("协议有效期（年）", min_value=1, max_value=30, key="d_term_years")
    st.text_input("附件（用顿号分隔）", key="d_attachments")


def _step_generate(all_errors: list[list[str]]) -> None:
    from checker.draft.drafting import build, to_docx, to_markdown, validate

    left = [(STEPS[n], e) for n, errs in enumerate(all_errors[:-1]) for e in errs] + [("", e) for e in all_errors[-1]]
    if left:
        st.error("还有问题需要修改，修改后即可生成：\n" + "\n".join(f"- 〔{s}〕{e}" if s else f"- {e}" for s, e in left),
                 icon=":material/error:")
        return
    answers = validate(answers_from_state())
    draft = build(answers)
    st.success(f"问卷完整：将生成《{draft.title}》，共 {len(draft.chapters)} 章 {len(draft.articles())} 条，"
               f"签署页 {len(draft.parties)} 行。", icon=":material/task_alt:")
    c = st.columns(2)
    c[0].download_button("下载 Word 文件（.docx）", to_docx(draft), file_name=f"{draft.title}.docx", type="primary",
                         mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                         icon=":material/download:")
    md = to_markdown(draft)
    c[1].download_button("下载 Markdown", md.encode("utf-8"), file_name=f"{draft.title}.md", mime="text/markdown",
                         icon=":material/description:")
    with st.expander("预览全文"):
        st.markdown(md)


def page() -> None:
    st.title("起草联盟协议")
    st.caption("按步骤回答问题，生成符合参考提纲（闽科政〔2009〕46号 附件1）和所选省份要求的协议书初稿；"
               "条文取自本工具的条款库，起草结果用同一规则自检。已预填示例回答，可逐项修改。")
    _restore()
    tabs = st.tabs(STEPS)
    draws = [_step_name, _step_members, _step_goals, _step_governance, _step_funds, _step_dispute]
    for tab, draw in zip(tabs[:-1], draws):
        with tab:
            draw()
    errors = problems(answers_from_state())
    for n, tab in enumerate(tabs[:-1]):
        with tab:
            _show(errors[n])
    with tabs[-1]:
        _step_generate(errors)
    _save()
