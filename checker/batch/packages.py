"""Filing packages: which documents the chosen profile requires and which are there, and whether the
agreement, the charter and the necessity statement agree with one another.

Required documents per profile are data (clause_library/kinds/packages.yaml: 津滨科发〔2012〕8号 附件2 第五条（一）;
四川 备案试点实施办法 第七条; 闽科政〔2009〕46号 六(二); 湘科〔2016〕106号 第十条（一）; 国科发政〔2008〕770号 八(二)).
Cross-document checks (all on the report dicts, so they also run on results reopened from the store):
the same alliance name and member list in every document; charter and agreement naming the same
governance bodies (770号 八(三)), the same liable entity (对外承担责任的主体) and the same funds manager
(770号 八(四); 津滨科发〔2012〕8号 附件2 第五条（三）5: the charter follows the agreement).
"""
from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

from checker.facts.party_names import is_org_name, normalize, same_party
from checker.facts.party_texts import alliance_name
from checker.library import LIBRARY_DIR, load_yaml, resolve_citation

KIND_ROLES = ("agreement", "charter", "necessity")
_ROLE_BY_TITLE = [
    ("licence", re.compile(r"营业执照|法人证书|登记证书|执照|法人登记|统一社会信用代码证")),
    ("form", re.compile(r"申请表|备案表|登记表|申报表")),
    ("work_plan", re.compile(r"工作方案|试点方案|实施方案|建设方案")),
    ("necessity", re.compile(r"可行性|必要性")),
]
_BODIES = {"理事会": r"理事会", "专家委员会": r"专家(咨询)?委员会|技术委员会|咨询委员会", "秘书处": r"秘书处",
           "监事会": r"监事会", "成员大会": r"成员(代表)?大会|会员(代表)?大会", "常务理事会": r"常务理事会"}
_ORG = re.compile(r"[\u4e00-\u9fa5（）()]{2,30}?(?:股份有限公司|有限责任公司|有限公司|集团|大学|学院|研究院|研究所|科学院|"
                  r"研究中心|协会)")
_LIABLE = [re.compile(r"(?P<n>[^，。；、\n：:“”]{2,40}?)(?:作为|为|是)(?:联盟的?|本联盟)?对外承担[^。；]{0,6}责任的?主体"),
           re.compile(r"对外承担[^。；]{0,6}责任的?主体(?:为|是|由)[“\"]?(?P<n>[^，。；、\n”\"（(]{2,40})"),
           re.compile(r"由(?P<n>[^，。；、\n]{2,40}?)(?:代表联盟)?对外承担[^。；]{0,4}责任")]
_FUNDS = re.compile(r"(?:经费|资金)[^。；]{0,30}(?:由|委托|设在|存入|在)(?P<n>[^，。；、\n]{2,30}?)(?:统一)?(?:管理|设立|开设|代管|专户|专账|核算)")
_ROLE_WORDS = ("依托单位", "秘书处", "理事长单位", "牵头单位", "理事会")


def package_rules() -> dict[str, Any]:
    return load_yaml(LIBRARY_DIR / "kinds" / "packages.yaml")


def role_of(row: dict[str, Any]) -> str | None:
    """The package role of a document row: its kind when reviewed as one, else read from its title or file name."""
    if row.get("kind") in KIND_ROLES:
        return row["kind"]
    hay = (row.get("title_line") or "") + " " + row["name"].rsplit("/", 1)[-1]
    for role, rx in _ROLE_BY_TITLE:
        if rx.search(hay):
            return role
    return None


def full_text(rep: dict[str, Any]) -> str:
    """The document text as the report's clauses give it (chapters left out: their text repeats their articles)."""
    return "\n".join(c["text"] for c in rep.get("clauses") or [] if c.get("kind") != "chapter")


def _norm_name(s: str) -> str:
    return re.sub(r"[\s\u3000“”\"《》「」]", "", s or "")


_TITLE_NAME = re.compile(r"^(?:关于)?(?P<n>[^，。；\s]{2,60}?联盟)(?:组建|成立)?(?:必要性|可行性)")


def alliance_of(rep: dict[str, Any]) -> str | None:
    """The alliance's name: “联盟名称为…” or the title of an agreement/charter; a necessity statement's title
    (“XX联盟组建必要性的说明”)."""
    text = full_text(rep)
    name = alliance_name(SimpleNamespace(text=text), [])
    if name:
        return name
    first = re.sub(r"[*＊#\s]", "", text.strip().split("\n")[0]) if text.strip() else ""
    m = _TITLE_NAME.match(first)
    return m.group("n") if m else None


def members_of(rep: dict[str, Any]) -> list[str]:
    """Member names read by the engine (preamble and member list), each once."""
    out: list[str] = []
    for p in rep.get("parties") or []:
        if p.get("source") in ("preamble", "member_list", None) and p.get("name"):
            if not any(same_party(p["name"], o) != "different" for o in out):
                out.append(p["name"])
    return out


def bodies_of(text: str) -> set[str]:
    return {name for name, rx in _BODIES.items() if re.search(rx, text)}


def liable_entity_of(text: str) -> str | None:
    for rx in _LIABLE:
        m = rx.search(text)
        if m:
            n = re.sub(r"^(联盟|本联盟|由|以)", "", m.group("n").strip(" “”\""))
            return n
    return None


def funds_manager_of(text: str) -> str | None:
    m = _FUNDS.search(text)
    return m.group("n").strip() if m else None


def _same_entity(a: str, b: str, members: list[str]) -> bool:
    """Two ways of naming one unit: equal names, a 简称, or a role word resolved to the same member."""
    na, nb = normalize(a), normalize(b)
    if not na or not nb:
        return True
    if na in nb or nb in na:
        return True
    if is_org_name(a) and is_org_name(b):
        return same_party(a, b) != "different"
    return False


def _finding(rule: str, severity: str, message: str, citation: str, documents: list[str]) -> dict[str, Any]:
    return {"rule": rule, "severity": severity, "message": message, "citation": resolve_citation(citation),
            "documents": documents}


def cross_checks(docs: dict[str, tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    """``docs``: role → (file name, report dict) for agreement / charter / necessity (whichever exist)."""
    out: list[dict[str, Any]] = []
    names = {role: (f, alliance_of(rep)) for role, (f, rep) in docs.items()}
    known = {role: n for role, (f, n) in names.items() if n}
    if len({_norm_name(n) for n in known.values()}) > 1:
        detail = "；".join(f"{docs[r][0]}：“{n}”" for r, n in known.items())
        out.append(_finding("PACKAGE_ALLIANCE_NAME_MISMATCH", "error",
                            f"各文件中的联盟名称不一致（{detail}）。协议书、章程和组建必要性的说明应使用同一个联盟名称。",
                            "FJ46 附件1 四.1；TJ8 第五条（三）5", [docs[r][0] for r in known]))
    agr, cha, nec = docs.get("agreement"), docs.get("charter"), docs.get("necessity")
    if agr and cha:
        ma, mc = members_of(agr[1]), members_of(cha[1])
        if ma and mc:
            only_a = [n for n in ma if not any(same_party(n, o) != "different" for o in mc)]
            only_c = [n for n in mc if not any(same_party(n, o) != "different" for o in ma)]
            if only_a or only_c:
                parts = []
                if only_a:
                    parts.append(f"只在协议书中：{'、'.join(only_a)}")
                if only_c:
                    parts.append(f"只在章程中：{'、'.join(only_c)}")
                out.append(_finding("PACKAGE_MEMBERS_MISMATCH", "error",
                                    f"协议书与章程的成员名单不一致（{'；'.join(parts)}）。章程应根据协议书编制，成员应相同。",
                                    "TJ8 第五条（三）5；NAT770 八(二)", [agr[0], cha[0]]))
    if agr and nec:
        ma = members_of(agr[1])
        text = full_text(nec[1])
        found = [n for n in ma if normalize(n) in normalize(text) or any(
            same_party(n, o) != "different" for o in _ORG.findall(text))]
        if len(found) >= 2 and len(found) < len(ma):
            missing = [n for n in ma if n not in found]
            out.append(_finding("PACKAGE_NECESSITY_MEMBERS_INCOMPLETE", "warning",
                                f"组建必要性的说明列出了部分成员，但没有提到协议书中的：{'、'.join(missing)}。",
                                "FJ46 附件2；SC 第七条", [agr[0], nec[0]]))
    if agr and cha:
        ta, tc = full_text(agr[1]), full_text(cha[1])
        ba, bc = bodies_of(ta), bodies_of(tc)
        if ba != bc and (ba or bc):
            parts = []
            if ba - bc:
                parts.append(f"协议书设有而章程没有：{'、'.join(sorted(ba - bc))}")
            if bc - ba:
                parts.append(f"章程设有而协议书没有：{'、'.join(sorted(bc - ba))}")
            out.append(_finding("PACKAGE_GOVERNANCE_MISMATCH", "warning",
                                f"章程与协议书约定的组织机构不一致（{'；'.join(parts)}）。",
                                "NAT770 八(三)；TJ8 第五条（三）5", [agr[0], cha[0]]))
        members = members_of(agr[1])
        la, lc = liable_entity_of(ta), liable_entity_of(tc)
        if la and lc and not _same_entity(la, lc, members):
            out.append(_finding("PACKAGE_LIABLE_ENTITY_MISMATCH", "error",
                                f"协议书与章程指定的对外承担责任的主体不同（协议书：“{la}”；章程：“{lc}”）。",
                                "NAT770 八(三)；SC 第九条 2；TJ8 第五条（三）3", [agr[0], cha[0]]))
        elif bool(la) != bool(lc):
            where = "章程" if la else "协议书"
            out.append(_finding("PACKAGE_LIABLE_ENTITY_MISMATCH", "warning",
                                f"{'协议书' if la else '章程'}指定了对外承担责任的主体（“{la or lc}”），{where}没有写明。",
                                "NAT770 八(三)；TJ8 第五条（三）3", [agr[0], cha[0]]))
        fa, fc = funds_manager_of(ta), funds_manager_of(tc)
        if fa and fc and not _same_entity(fa, fc, members):
            out.append(_finding("PACKAGE_FUNDS_MANAGEMENT_MISMATCH", "warning",
                                f"协议书与章程约定的经费管理单位不同（协议书：“{fa}”；章程：“{fc}”）。",
                                "NAT770 八(四)；TJ8 第五条（三）5", [agr[0], cha[0]]))
    return out


def review_package(name: str | None, rows: list[dict[str, Any]], reports: dict[int, dict[str, Any]],
                   profile: str) -> dict[str, Any]:
    """Completeness under ``profile`` and cross-document checks for the rows of one package."""
    spec = package_rules()
    prof = spec["profiles"][profile]
    by_role: dict[str, list[dict]] = {}
    for r in rows:
        role = role_of(r)
        if role:
            by_role.setdefault(role, []).append(r)
    required = [{"role": role, "title": spec["roles"][role], "present": role in by_role,
                 "files": [r["name"] for r in by_role.get(role, [])]} for role in prof["required"]]
    docs = {}
    for role in KIND_ROLES:
        for r in by_role.get(role, []):
            if r["idx"] in reports and role not in docs:
                docs[role] = (r["name"], reports[r["idx"]])
    checks = cross_checks(docs)
    missing = [x["title"] for x in required if not x["present"]]
    return {"package": name or "（未分包的文件）", "profile": profile, "citation": resolve_citation(prof["cite"]),
            "required": required, "missing": missing, "complete": not missing, "cross_checks": checks,
            "documents": [{"name": r["name"], "role": role_of(r), "status": r["status"], "errors": r.get("errors", 0),
                           "warnings": r.get("warnings", 0)} for r in rows]}
