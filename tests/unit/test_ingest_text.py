"""TXT/MD/pasted-text ingest: encodings detected, lines become blocks, Markdown markup stripped,
text normalised before offsets, binary and empty input refused."""
from __future__ import annotations

import codecs

import pytest

from checker import ingest
from checker.errors import InputError

AGREEMENT = "某某产业技术创新战略联盟协议书\r\n\r\n第一条　联盟名称\r\n甲方：某某科技有限公司（住所地：福州市）\r\n第二条 争议解决\r\n"
LINES = ["某某产业技术创新战略联盟协议书", "第一条 联盟名称", "甲方：某某科技有限公司（住所地：福州市）", "第二条 争议解决"]


@pytest.mark.parametrize("encoding,prefix", [
    ("gbk", b""), ("gb18030", b""), ("utf-8", b""), ("utf-8", codecs.BOM_UTF8),
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-16-le", b""), ("utf-16-be", b""),
])
def test_encodings_are_detected(tmp_path, encoding, prefix):
    path = tmp_path / "协议.txt"
    path.write_bytes(prefix + AGREEMENT.encode(encoding))
    doc = ingest.load(path)
    assert doc.format == "txt"
    assert doc.text.split("\n") == LINES          # CRLF gone, blank line dropped, 　 collapsed
    assert doc.blocks[2].start == len(LINES[0]) + len(LINES[1]) + 2
    for b in doc.blocks:
        assert doc.text[b.start:b.end] == b.text and b.page is None


def test_gbk_only_text_with_rare_bytes():
    # GBK bytes that are invalid UTF-8 must not be mistaken for another encoding
    data = "联盟理事会由甲、乙、丙三方组成，秘书处设在甲方。".encode("gbk")
    assert ingest.load_bytes(data, "gbk.txt").text == "联盟理事会由甲、乙、丙三方组成，秘书处设在甲方。"


def test_normalisation_before_offsets():
    doc = ingest.from_text("第１条\u200b　ＡＢＣ公司\u00a0\u00a0与 乙方（盖章）：\n\t第２条  期限：２０２４年")
    assert doc.format == "text" and doc.name == "文本输入"
    assert doc.text == "第1条 ABC公司 与 乙方（盖章）：\n第2条 期限：2024年"
    assert doc.blocks[1].start == doc.text.index("第2条")
    assert len(doc.sha256) == 64


def test_markdown_markup_is_stripped():
    md = ("# 某某联盟协议书\n\n## 第一条 **联盟名称**\n\n- 甲方：[某某公司](http://example.com)\n"
          "* 乙方：*某某大学*\n> 鉴于各方\n\n| 单位 | 签章 |\n|---|:---:|\n| 甲方 | （盖章） |\n\n---\n1. 保留编号\n")
    doc = ingest.load_bytes(md.encode("utf-8"), "协议.md")
    assert doc.format == "md"
    assert doc.text.split("\n") == ["某某联盟协议书", "第一条 联盟名称", "甲方：某某公司", "乙方：某某大学",
                                    "鉴于各方", "单位\t签章", "甲方\t（盖章）", "1. 保留编号"]
    assert [b.kind for b in doc.blocks][5:7] == ["table_row", "table_row"]


def test_binary_and_empty_are_refused():
    with pytest.raises(InputError, match="不是可读的文本文件"):
        ingest.load_bytes(bytes(range(256)) * 20, "图片.txt")
    import random
    rnd = random.Random(7)
    no_nul = bytes(rnd.randrange(1, 256) for _ in range(3000))   # binary that GB18030 would "decode"
    with pytest.raises(InputError, match="不是可读的文本文件"):
        ingest.load_bytes(no_nul, "压缩包.txt")
    with pytest.raises(InputError, match="没有可识别的文字"):
        ingest.load_bytes(b"", "空.txt")
    with pytest.raises(InputError, match="没有可识别的文字"):
        ingest.load_bytes("\r\n \u3000\n".encode("utf-8"), "空白.txt")
    with pytest.raises(InputError, match="没有可识别的文字"):
        ingest.from_text("  \n ")


def test_directory_is_refused(tmp_path):
    with pytest.raises(InputError, match="不是文件"):
        ingest.load(tmp_path)
