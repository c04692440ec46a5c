"""The classifier reads a clause's words, not its numbering label: the same clause numbered in any family
the segmenter knows (第八条, 八、, 8., VIII., 8　, 8) gets the same section and confidence."""
import pytest

from checker.classify.outline import classify
from checker.model import Clause
from checker.structure.labels import label_of

BODY = "联盟的仪器设备由秘书处登记造册，统一调配使用。"


def _read(line: str) -> tuple[str | None, float]:
    m = label_of(line)
    u = Clause(id="u1", kind="article", number=m.label, heading=None, text=line, span=(0, len(line)))
    classify([u], in_document=False)
    return u.section, u.confidence


@pytest.mark.parametrize("line", [f"VIII. {BODY}", f"VIII.{BODY}", f"8\u3000{BODY}", f"8{BODY}", f"八.{BODY}",
                                  f"h. {BODY}", f"8) {BODY}"])
def test_label_family_does_not_change_the_reading(line):
    assert label_of(line).rest == BODY
    assert _read(line) == _read(f"第八条 {BODY}")
