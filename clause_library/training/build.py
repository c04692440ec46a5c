"""Build clauses.jsonl / clauses_dev.jsonl from the hand-written bodies in source/*.txt.

One job: turn the project's own hand-written clause bodies (one per line, grouped by outline
section, see contracts.md §1) into labelled training lines {"text", "section", "style"}.
Each body is used exactly once, so no two output lines share a body. The script varies only
the *presentation* (numbering style, heading or none, list of items) so that the classifier
learns topics from body text (≥40% of lines carry no heading at all).

Source line markers:  `R|` use the text as is (titles, party blocks, signature blocks, null lines);
`C|` charter wording (联盟章程) — recorded in style; `#` comment. Placeholders such as {A}
(alliance name) are filled from small pools with a per-line seeded RNG, so the output is
deterministic.  Run: .venv/bin/python clause_library/training/build.py
"""
from __future__ import annotations

import hashlib
import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "source"
DEV_SHARE = 0.15

INDUSTRY = ["新能源汽车", "海洋生物医药", "光电显示", "茶叶精深加工", "半导体照明", "工业机器人", "石墨烯材料",
            "智能电网", "钢铁冶金", "稀土功能材料", "现代中药", "水产品加工", "轨道交通装备", "生物饲料",
            "节能环保装备", "软件与信息服务", "食用菌", "竹木加工", "智能制造", "锂电池材料", "工程机械",
            "纺织鞋服", "集成电路封装", "数字医疗", "航空航天复合材料", "先进陶瓷", "卫星导航", "绿色建材"]
PROVINCE = ["福建省", "湖南省", "天津市滨海新区", "四川省", "福建", "湖南", "四川", "厦门市", "长沙市", "成都市",
            "泉州市", "株洲市", "绵阳市", "福州市"]
CITY = ["福州", "厦门", "泉州", "长沙", "株洲", "湘潭", "天津", "成都", "绵阳", "德阳", "漳州", "宁德"]
COMPANY = ["福建海晟科技股份有限公司", "湖南湘江重装有限公司", "天津滨泰新材料有限公司", "四川锦岚电子集团有限公司",
           "厦门闽芯半导体有限公司", "株洲长轨动力科技有限公司", "泉州安绿环保设备有限公司", "成都锐川软件有限公司",
           "宁德时域储能科技有限公司", "湘潭德耀钢铁股份有限公司", "漳州海润食品有限公司", "绵阳涪江云创科技有限公司",
           "天津港湾智能装备有限公司", "福州榕茗茶业有限公司", "德阳重机装备制造有限公司"]
UNIV = ["福州大学", "厦门大学", "湖南大学", "中南大学", "天津大学", "南开大学", "四川大学", "电子科技大学",
        "华侨大学", "湘潭大学", "西南交通大学", "福建农林大学"]
INST = ["福建省海洋研究所", "中国科学院福建物质结构研究所", "湖南省农业科学院", "天津市化工研究院",
        "四川省自然资源科学研究院", "中国电子科技集团公司第二十九研究所", "长沙矿冶研究院", "福建省农业科学院"]
ARB = ["福州仲裁委员会", "厦门仲裁委员会", "长沙仲裁委员会", "天津仲裁委员会", "成都仲裁委员会",
       "中国国际经济贸易仲裁委员会", "泉州仲裁委员会", "株洲仲裁委员会"]
PEOPLE = ["陈建国", "林晓东", "王海燕", "李志强", "张明", "刘卫平", "黄德华", "周琳", "吴志刚", "郑立新", "杨帆", "赵文"]
STREET = ["高新区创新路18号", "软件园二期观日路32号", "岳麓区麓谷大道627号", "开发区第三大街56号", "高新西区合作路89号",
          "经济技术开发区华强路9号", "马尾区江滨东大道108号", "天河路2号科技楼5层", "工业园区兴业大道1号"]

FILLERS = {
    "ind": INDUSTRY, "prov": PROVINCE, "city": CITY, "co": COMPANY, "co2": COMPANY, "co3": COMPANY,
    "univ": UNIV, "inst": INST, "arb": ARB, "p": PEOPLE, "p2": PEOPLE, "year": ["2025", "2026", "2027", "二〇二八", "2030"], "st": STREET, "st2": STREET,
}

CN = "零一二三四五六七八九十"


def cn_num(n: int) -> str:
    if n <= 10:
        return CN[n]
    if n < 20:
        return "十" + (CN[n - 10] if n > 10 else "")
    t, u = divmod(n, 10)
    return CN[t] + "十" + (CN[u] if u else "")


CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"

# Heading variants per section: agreement wording first, charter wording mixed in.
HEADINGS = {
    "recitals": ["鉴于", "序言", "前言", "背景与目的", "订约背景"],
    "definitions": ["定义", "释义", "术语与定义", "用语含义", "定义和解释", "本协议用语"],
    "name_principles": ["联盟名称", "名称和性质", "宗旨和原则", "组织原则", "联盟宗旨", "总则", "联盟的性质", "名称、宗旨与原则", "组建宗旨"],
    "goals_tasks": ["技术创新目标", "联盟的任务", "主要任务", "任务分工", "成员任务分工", "目标与任务", "工作内容", "发展规划", "研发方向与重点任务"],
    "organization": ["组织机构", "理事会", "专家委员会", "秘书处", "对外责任主体", "机构设置", "理事长", "会员大会", "治理结构", "议事规则", "组织机构及职责"],
    "members": ["联盟成员", "成员的条件", "成员的权利", "成员的义务", "新成员加入", "成员退出", "成员除名", "会员", "会员资格", "会员的权利和义务", "入盟与退盟"],
    "funds": ["经费管理", "经费来源", "经费使用", "资金管理", "财务管理", "会费", "经费监督", "资产管理和使用原则"],
    "projects": ["项目管理", "项目立项", "项目实施", "项目验收", "联盟项目", "课题管理", "研发项目管理"],
    "ip_benefits": ["知识产权", "知识产权管理", "收益分配", "成果归属", "利益分配", "成果与知识产权", "现有知识产权", "新知识产权的归属", "成果转化"],
    "dissolution": ["解散和清算", "联盟的解散", "清算", "终止程序", "联盟的终止", "终止和剩余财产处理"],
    "breach": ["违约责任", "违约", "责任追究", "违约及赔偿", "违约处理"],
    "force_majeure": ["不可抗力", "不可抗力事件", "不可抗力的处理"],
    "dispute_resolution": ["争议解决", "争议的解决", "纠纷解决", "争议处理", "纠纷的处理"],
    "governing_law": ["法律适用", "适用法律", "法律的适用", "适用法律和解释"],
    "effect_amendment": ["协议的生效和变更", "生效", "协议生效", "变更", "协议的变更", "有效期", "协议期限", "章程的修改", "生效与修改"],
    "notices": ["通知", "送达", "文件送达", "通知与送达", "联系方式", "通讯"],
    "other_matters": ["其他", "其他约定事项", "保密", "保密义务", "未尽事宜", "附则", "其他事项", "廉洁合作", "可分割性"],
    "attachments": ["附件", "附件清单", "协议附件", "附录"],
    "parties": ["缔约方", "协议各方", "签约各方", "联盟发起单位"],
    "signature": ["签署", "签章"],
    "title": [],
}


def fill(text: str, rng: random.Random) -> str:
    for key, pool in FILLERS.items():
        token = "{" + key + "}"
        if token in text:
            text = text.replace(token, rng.choice(pool))
    if "{A}" in text or "{S}" in text:
        prov, ind = rng.choice(PROVINCE).rstrip("省市"), rng.choice(INDUSTRY)
        text = text.replace("{A}", f"{prov}{ind}产业技术创新战略联盟").replace("{S}", f"{ind}联盟")
    if "{chair}" in text:
        text = text.replace("{chair}", rng.choice(COMPANY))
    if "{host}" in text:
        text = text.replace("{host}", rng.choice(COMPANY + INST))
    return text


def number(style: str, n: int, rng: random.Random) -> str:
    if style == "art":
        return f"第{cn_num(n)}条 "
    if style == "cn":
        return f"{cn_num(n)}、"
    if style == "pcn":
        return f"（{cn_num(n)}）"
    if style == "dec":
        return f"{rng.randint(1, 12)}.{n} "
    if style == "par":
        return f"({n})"
    if style == "circ":
        return CIRCLED[(n - 1) % 10]
    return f"{n}. "


NUM_STYLES = ["art", "art", "art", "cn", "pcn", "dec", "par", "circ", "ar"]


OWN_HEAD = re.compile(r"^[^，。；：\n{}]{2,16}：")
NOT_HEAD_END = ("是", "为", "如下", "包括", "下列", "约定", "须知")


def has_own_heading(body: str) -> bool:
    """True when the body already opens with a short heading such as "争议解决：" or "保密：\n"."""
    m = OWN_HEAD.match(body)
    return bool(m) and not m.group(0)[:-1].endswith(NOT_HEAD_END)


def pick_heading(body: str, heads: list[str], rng: random.Random) -> str:
    """A heading that fits the body: one sharing a two-character word with it, else a generic one
    (the first two variants of each section are its general titles)."""
    def score(head: str) -> int:
        core = head.replace("联盟", "").replace("的", "")
        return sum(1 for i in range(len(core) - 1) if core[i:i + 2] in body)
    best = max(score(h) for h in heads)
    pool = [h for h in heads if score(h) == best] if best > 0 else heads[:2]
    return rng.choice(pool)


def present(body: str, key: str, rng: random.Random) -> tuple[str, str]:
    """Choose how a single body is presented; returns (text, style)."""
    heads = HEADINGS.get(key) or []
    r = rng.random()
    if has_own_heading(body):
        if r < 0.5:
            return body, "own_head"
        ns = rng.choice(NUM_STYLES)
        return f"{number(ns, rng.randint(1, 30), rng)}{body}", f"{ns}+own_head"
    if r < 0.58 or not heads:
        return body, "body"
    head = pick_heading(body, heads, rng)
    if body.startswith(head[:2]):  # "鉴于：鉴于……" reads wrong; number only
        r = 0.95
    if r < 0.72:
        sep = rng.choice(["：", "。", " ", "\n"])
        return f"{head}{sep}{body}", "head"
    ns = rng.choice(NUM_STYLES)
    num = number(ns, rng.randint(1, 30), rng)
    if r < 0.9:
        sep = rng.choice([" ", "\n", "：", "。"]) if ns == "art" else rng.choice(["\n", "：", "。", " "])
        return f"{num}{head}{sep}{body}", f"{ns}+head"
    return f"{num}{body}", ns


def present_list(bodies: list[str], key: str, rng: random.Random) -> tuple[str, str]:
    ns = rng.choice(["pcn", "ar", "par", "circ", "dec", "cn"])
    start = rng.randint(1, 9)
    items = [f"{number(ns, i + 1, rng) if ns != 'dec' else f'{start}.{i + 1} '}{b}" for i, b in enumerate(bodies)]
    heads = HEADINGS.get(key) or []
    lead = ""
    if heads and rng.random() < 0.55:
        head = rng.choice(heads)
        lead = rng.choice([f"第{cn_num(rng.randint(2, 30))}条 {head}\n", f"{head}\n", f"{cn_num(rng.randint(1, 12))}、{head}\n"])
    return lead + "\n".join(items), "list" + ("+head" if lead else "")


def read_source(path: Path) -> list[tuple[str, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line == "--":  # separates two adjacent L| groups
            out.append(("-", ""))
            continue
        if not line or line.startswith("#"):
            continue
        mark = ""
        if len(line) > 2 and line[1] == "|" and line[0] in "RCL":
            mark, line = line[0], line[2:]
        out.append((mark, line.replace("\\n", "\n")))
    return out


def _rank(text: str) -> int:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16)


def dev_keys(bodies: list[str]) -> set[str]:
    """Stratified split: in every section the DEV_SHARE of bodies with the lowest hash go to dev."""
    n = round(len(bodies) * DEV_SHARE)
    return set(sorted(bodies, key=_rank)[:n])


def build() -> tuple[list[dict], list[dict]]:
    train, dev = [], []
    for path in sorted(SRC.glob("*.txt")):
        key = path.stem
        section = None if key == "null" else key
        rng = random.Random(f"alliance-check:{key}")
        entries = read_source(path)
        firsts = [b for j, (m, b) in enumerate(entries)
                  if m != "-" and not (m == "L" and j > 0 and entries[j - 1][0] == "L")]
        held_out = dev_keys(firsts)
        i = 0
        while i < len(entries):
            mark, body = entries[i]
            seed_rng = random.Random(f"{key}:{body}")
            if mark == "-":
                i += 1
                continue
            if mark == "R":
                rec = {"text": fill(body, seed_rng), "section": section, "style": "raw"}
                i += 1
            elif mark == "L":
                # L| lines: consecutive L lines form one multi-item clause
                group = []
                while i < len(entries) and entries[i][0] == "L":
                    group.append(fill(entries[i][1], seed_rng))
                    i += 1
                text, style = present_list(group, key, rng)
                rec = {"text": text, "section": section, "style": style}
            else:
                text, style = present(fill(body, seed_rng), key, rng)
                if mark == "C":
                    style += ";charter"
                rec = {"text": text, "section": section, "style": style}
                i += 1
            (dev if body in held_out else train).append(rec)
    return train, dev


def main() -> None:
    train, dev = build()
    for name, rows in (("clauses.jsonl", train), ("clauses_dev.jsonl", dev)):
        with open(HERE / name, "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"train {len(train)}  dev {len(dev)}")


if __name__ == "__main__":
    main()
