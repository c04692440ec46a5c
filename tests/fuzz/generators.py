"""Generators of hostile and odd agreements for the fuzz tests and `make fuzz` (scripts/fuzz.py).

Three kinds: (1) any Unicode text; (2) agreement-shaped text built from the pieces the segmenter and
the rules look for (numbering of every style, party lines, seal fields, dispute wording, tables as
tabs, blank and control characters); (3) structure-aware mutations of the real corpus: paragraphs
deleted, duplicated, shuffled, renumbered at random, table rows broken, .docx packages truncated or
with their XML damaged.
"""
from __future__ import annotations

import io
import random
import re
import zipfile
from pathlib import Path

from hypothesis import strategies as st

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

CN = "一二三四五六七八九十百零〇两"
MARKERS = ["第{c}条", "第{c}章", "{c}、", "（{c}）", "({d})", "{d}.", "{d}.{d}", "{d}.{d}.{d}", "①", "⑩",
           "第{c}条 ", "第 {d} 条", "附件{d}", "第{c}节", "•", "-", "##", "　　"]
PIECES = ["甲方：", "乙方（盖章）：", "法定代表人：", "住所：", "授权代表（签字）：", "鉴于", "为此，各方达成如下协议：",
          "本协议", "联盟", "产业技术创新战略联盟", "理事会", "秘书处", "仲裁委员会", "人民法院", "提交", "仲裁",
          "诉讼", "违约金", "知识产权", "经费", "万元", "百分之", "%", "签署日期：", "年", "月", "日", "附件", "第", "条",
          "本协议自各方签字盖章之日起生效。", "因本协议发生的争议，提交厦门仲裁委员会仲裁。", "有限公司", "大学", "研究院",
          "。", "，", "；", "：", "“", "”", "（", "）", "\t", " ", "\u3000", "\u200b", "\x00", "\ufeff", "\r", "(cid:12)",
          "\ud7ff", "𠀀", "ﬁ", "Ａ１", "１２３", "\u202e", "\u0301", "\U0001F600"]


def marker(rnd: random.Random) -> str:
    m = rnd.choice(MARKERS)
    return m.format(c="".join(rnd.choice(CN) for _ in range(rnd.randint(1, 3))), d=rnd.randint(0, 120))


@st.composite
def agreement_text(draw) -> str:
    """Agreement-shaped text: lines of numbering + pieces + random characters."""
    seed = draw(st.integers(0, 2 ** 32 - 1))
    rnd = random.Random(seed)
    lines = []
    for _ in range(draw(st.integers(0, 40))):
        parts = [marker(rnd)] if rnd.random() < 0.5 else []
        for _ in range(rnd.randint(0, 6)):
            r = rnd.random()
            if r < 0.6:
                parts.append(rnd.choice(PIECES))
            elif r < 0.85:
                parts.append("".join(chr(rnd.randint(0x4E00, 0x9FA5)) for _ in range(rnd.randint(1, 12))))
            else:
                parts.append(draw(st.text(max_size=6)))
        lines.append("".join(parts))
    sep = rnd.choice(["\n", "\r\n", "\n\n", "\u2028", "\n \n"])
    return sep.join(lines)


any_text = st.text(max_size=400)


def corpus_texts() -> list[tuple[str, str]]:
    """(name, text) of the corpus agreements' text versions."""
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted((CORPUS / "src").glob("c*.txt"))]


def mutate_text(text: str, rnd: random.Random) -> str:
    """Delete, duplicate, shuffle or renumber paragraphs; break table rows; splice in garbage."""
    paras = [p for p in text.split("\n")]
    for _ in range(rnd.randint(1, 4)):
        op = rnd.choice(["delete", "duplicate", "shuffle", "renumber", "table", "garbage", "truncate", "merge"])
        if not paras:
            break
        i = rnd.randrange(len(paras))
        if op == "delete":
            del paras[i:i + rnd.randint(1, 8)]
        elif op == "duplicate":
            paras[i:i] = paras[i:i + rnd.randint(1, 8)]
        elif op == "shuffle":
            j = min(len(paras), i + rnd.randint(2, 30))
            chunk = paras[i:j]
            rnd.shuffle(chunk)
            paras[i:j] = chunk
        elif op == "renumber":
            for k in range(len(paras)):
                if rnd.random() < 0.3:
                    paras[k] = re.sub(r"^(第[^条章]{1,5}[条章]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+(\.\d+)*\.?)",
                                      lambda m: marker(rnd), paras[k])
        elif op == "table":
            paras[i] = "\t".join(rnd.sample(paras[i].split("\t") + ["", "（盖章）", "甲方"], k=2))
        elif op == "garbage":
            paras.insert(i, "".join(chr(rnd.randint(1, 0x2FFFF)) for _ in range(rnd.randint(1, 40)))
                         .encode("utf-8", "surrogatepass").decode("utf-8", "replace"))
        elif op == "truncate":
            paras = paras[:i]
        elif op == "merge":
            paras[i:i + 2] = ["".join(paras[i:i + 2])]
    return "\n".join(paras)


def docx_files() -> list[Path]:
    return sorted(CORPUS.glob("c*.docx"))


def mutate_docx(data: bytes, rnd: random.Random) -> bytes:
    """Damage a .docx package: truncate it, drop table cells or paragraphs from the XML, cut the XML."""
    op = rnd.choice(["truncate", "cells", "paras", "cut_xml", "drop_part", "numbering"])
    if op == "truncate":
        return data[:rnd.randrange(len(data))]
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            body = zin.read(info.filename)
            if info.filename == "word/document.xml":
                xml = body.decode("utf-8")
                if op == "cells":
                    xml = re.sub(r"<w:tc>.*?</w:tc>", lambda m: "" if rnd.random() < 0.3 else m.group(), xml, flags=re.S)
                elif op == "paras":
                    paras = re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S)
                    for p in rnd.sample(paras, k=min(len(paras), rnd.randint(1, 20))):
                        xml = xml.replace(p, rnd.choice(["", p + p]), 1)
                elif op == "cut_xml":
                    xml = xml[:rnd.randrange(len(xml))]
                body = xml.encode("utf-8")
            if op == "numbering" and info.filename == "word/numbering.xml":
                body = re.sub(rb'w:val="[^"]*"', lambda m: rnd.choice([m.group(), b'w:val="99"', b'w:val=""']), body)
            if op == "drop_part" and info.filename != "[Content_Types].xml" and rnd.random() < 0.2:
                continue
            zout.writestr(info, body)
    return out.getvalue()
