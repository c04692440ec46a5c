"""Clause features: heading and body apart, character n-grams as well as words, place in document."""
from checker.classify.features import features, hashed, split_clause
from checker.classify.linear import vectorise


def test_heading_and_body_are_read_apart():
    label, heading, body = split_clause("第十二条 争议解决：因本协议发生的争议，提交福州仲裁委员会仲裁。")
    assert label == "第十二条"
    assert heading == "争议解决"
    assert body.startswith("因本协议")
    f = features(heading, body)
    assert "h2:争议" in f and "c2:仲裁" in f and "has_heading" in f
    assert not any(x.startswith("h") and "仲裁" in x for x in f)


def test_digits_are_normalised_and_words_optional():
    f = features(None, "每逾期1日支付0.5%的违约金", words=lambda s: ["每", "逾期", "1", "日"])
    assert "c1:0" in f and "c1:1" not in f
    assert "w:逾期" in f and "b:每|逾期" in f


def test_position_feature_only_when_known():
    assert not any(x.startswith("pos:") for x in features(None, "鉴于各方"))
    assert "pos:0" in features(None, "鉴于各方", position=0.02)
    assert "pos:9" in features(None, "签字盖章", position=1.0)


def test_vector_is_normalised_and_hash_stable():
    f = features("经费", "联盟经费实行专账管理")
    assert hashed(f) == hashed(list(f))
    _, val = vectorise(f)
    assert abs(float((val * val).sum()) - 1.0) < 1e-5
